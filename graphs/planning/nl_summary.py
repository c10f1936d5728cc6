"""Questions that give summary figures instead of measurements → `summary_t_test`, `summary_capability`.

Why: "mean 10.2, sd 0.3, n = 25: is the mean different from 10?" and "Cpk? mean 10.5, std dev 0.5, USL 12,
LSL 8" were refused (or, before that, answered with a t-test of the spec limits). When every figure the tool
needs is given, the question goes to the summary tool; when one is missing, the refusal names it.
"""

from __future__ import annotations

import re
from decimal import Decimal

from graphs.planning.extract import NUM, numbers, spell_numbers, to_decimal, value_after
from graphs.planning.intent import Intent
from tools.errors import HavocInputError

_FILLER = (r"(?:\s+(?!(?:and|with|was|is|of|sd|standard|differ\w*|from|than|greater|less|higher|lower|above|"
           r"below|exceeds?|equals?|to|significantly|should|must|target|specified|claimed|hypothesi\w*|"
           r"be|not|at|over|under|more)\b)[a-z]+){0,2}?")  # "average fill of", "mean diff"
_INDEX = r"(?:_?[12₁₂](?![\d.]))?"  # "mean1 = 5.4", "sd_2 = 1.3": the sample a figure belongs to
# "mean of the differences (after - before) 1.82": the mean of paired differences, the order said in brackets
_MEAN = re.compile(rf"(?:\bmean|\baverag(?:ed|ing|e)|x̄|\bxbar|\bx-bar){_INDEX}"
                   # "mean of the after-minus-before differences was 1.46"
                   rf"(?:\s+of\s+(?:the\s+)?(?:paired\s+)?(?:[a-z]+(?:-[a-z]+)+\s+)?differences(?:\s*\([^()\d]{{0,30}}\))?|"
                   rf"{_FILLER})"
                   rf"\s*(?:was|is|of|=|:|at|≈|came\s+out\s+(?:at|to)|worked\s+out\s+(?:at|to)|comes\s+to|came\s+to)?\s*({NUM})"
                   r"(?!\d|\.\d)", re.I)
_SD = re.compile(rf"(?:standard deviations?|std\.?\s*dev\.?|stdev|\bs\.d\.|\bsd|\bs(?=_?[12₁₂]?\s*=)|(?<![\w-])sigma"
                 rf"(?!\s*level)|σ){_INDEX}(?:\s*\(?(?:within|overall|short[\s-]*term|long[\s-]*term)(?:[\s-]*subgroups?)?\)?)?"
                 r"(?:\s+of\s+(?:the\s+)?differences)?"
                 r"(?:\s*\([^()\d]{0,12}(?:/\s*d2)?[^()\d]{0,6}\))?"  # "sigma (R-bar/d2) is 0.012": how it was estimated
                 r"(?:\s+from\s+the\s+(?:control\s+)?(?:chart|capability study|study|report))?"  # "sigma from the control chart is"
                 rf"\s*(?:was|is|of|=|:|at|≈)?\s*({NUM})(?!\d|\.\d)", re.I)
_N = re.compile(r"\bn(?:_?[12₁₂])?\s*[=:]\s*(\d+)\b|\bn\s+(?:of\s+)?(\d+)\b|sample sizes?\s*(?:of|is|was|were|=|:)?\s*(\d+)\b|"
                r"\b(\d+)\s+(?:[a-z]+\s+)?(?:samples|parts|units|observations|measurements|readings|specimens|items|"
                r"subjects|patients|people|bottles|pieces|batches|students|cans|bags|boxes|components|tablets|"
                r"participants|runs|cycles|shafts|bolts|lots|wafers|cells|values|data points|bars|coupons|welds|"
                r"castings|boards|panels|rods|pins|springs|tubes|containers|packs|joints|fasteners|screws|"
                r"assemblies|housings|test pieces|trials|tests|batteries|bearings|pairs|trucks|vehicles|cars|vans|"
                r"drivers|workers|employees|volunteers|animals|engines|motors|pumps|tyres|tires|devices|modules|"
                r"blades|valves|filters|sensors|chips|dies|moulds|molds)\b|"
                r"\b(\d+)\s+(?:[a-z-]+\s+){0,2}[a-z]{3,}s\s+(?:averaged|had an average|had a mean|gave|showed|came out|"
                r"measured)\b|"
                # "30 bushings, mean bore 12.04 mm": a count of things, then their mean
                r"\b(\d+)\s+(?:[a-z-]+\s+)?[a-z]{3,}s\s*[,:;]\s*(?:(?:the|their|a|with)\s+)?(?:sample\s+)?(?:mean|average)\b",
                re.I)
_CAPABILITY = re.compile(r"capab|\bc\s?p[kul]?\b|\bp\s?p[kul]?\b|\bcpm\b|sigma level|\bppm\b|within spec|"
                         r"out of spec|meet(?:s)? (?:the )?spec|performance (?:numbers|indices|index|figures|metrics)|"
                         r"parts? per million")
_TEST = re.compile(r"t[\s-]*test|\btest\b|significan|differ|compar|\bt\s*(?:,|and|&)\s*(?:df\b|p\b)|\b(?:welch|student)'?s?\s+t\b|"
                   r"\bt\s+(?:for|of|statistic)\b|p[\s-]*values?\b|\bvs\.?\b|versus|higher|lower|greater|less than|"
                   r"more than|above|below|exceed|confidence interval|\bci\b|evidence|claim|h0|null hypothesis|"
                   r"(?<!no )\blonger\b|\bshorter\b|\bstronger\b|\bweaker\b|one[\s-]*sided|two[\s-]*sided")
_WITHIN = re.compile(r"within|short[\s-]*term|r[\s-]*bar|r̄|/\s*d2|pooled")
_OVERALL = re.compile(r"overall|long[\s-]*term|total|sample standard deviation")


# the figures are of each unit's own change: "paired", "differences", "savings per truck (old minus new)", "each truck
# ran with the old and the new additive"
_PAIRED = (r"paired|differences?\b|before and after|\b[a-z]+\s+minus\s+(?:the\s+)?[a-z]+|"
           r"\beach\s+[a-z]+\s+(?:ran|was\s+(?:run|tested|measured)|used|tried)\s+(?:with\s+)?(?:both|the\s+old\s+and\s+the\s+new)")
_REFERENCE_BEFORE = re.compile(r"(?:hypothesi[sz]ed|target|reference|claimed|specified|null|population|true|"
                               r"known|nominal|required|historical|advertised|labell?ed|spec(?:ification)?|minimum|"
                               r"maximum|min\.?|max\.?)(?:\s+(?:for|of|on)\s+(?:the\s+)?)?\s*$", re.I)  # "spec minimum for the mean"


def _spans(pattern: re.Pattern, text: str) -> list[re.Match]:
    return list(pattern.finditer(text))


def _value(m: re.Match) -> Decimal:
    return to_decimal(next(g for g in m.groups() if g is not None))


def _blank(text: str, matches: list[re.Match]) -> str:
    for m in sorted(matches, key=lambda m: m.start(), reverse=True):
        text = text[:m.start()] + " ; " + text[m.end():]
    return text


def refuse_width_without_both_limits(low: str, lsl: object, usl: object) -> None:
    """Cp and Pp are the spec width over six sigma: asked for alone with one limit, they do not exist."""
    if (lsl is None) == (usl is None):
        return
    width = re.search(r"\bc\s?p\b(?!\s?[kul])|\bp\s?p\b(?!\s?[kul])|spec(?:ification)? width|two[\s-]*sided potential", low)
    one_sided = re.search(r"\bc\s?p\s?[kul]\b|\bp\s?p\s?[kul]\b|\bppm\b|sigma level", low)
    if width and not one_sided:
        missing = "lower" if lsl is None else "upper"
        raise HavocInputError(f"Cp and Pp are the specification width over six sigma, and with no {missing} "
                              "specification limit there is no width: only the one-sided index (Cpu/Cpk or Ppu/Ppk "
                              "against the limit given) exists", field="lsl" if lsl is None else "usl")


def _limits(q: str, low: str) -> tuple[Decimal | None, Decimal | None]:
    lsl = value_after(q, "lsl", r"lower spec(?:ification)?(?: limit)?", "lower limit",
                      r"spec(?:ification)?(?: limit)?(?: is| of)? (?:a )?min(?:imum)?(?: of)?", r"min(?:imum)? spec")
    usl = value_after(q, "usl", r"upper spec(?:ification)?(?: limit)?", "upper limit",
                      r"spec(?:ification)?(?: limit)?(?: is| of)? (?:a )?max(?:imum)?(?: of)?", r"max(?:imum)? spec")
    # "spec 9.8 to 10.2", "Tolerance 24.70 - 25.30 mm", "drawing limits 5.90/6.10": both limits, low first
    spec = re.search(rf"(?:spec(?:ification)?s?(?: limits?)?|tolerance(?: band| range| limits?)?|drawing(?: limits?)?|"
                     rf"(?<!control )limits are)\s*"
                     rf"(?:of|are|is|:|=)?\s*({NUM})\s*(?:[a-zµ°]{{1,3}}\.?\s*)?(?:and|to|-|–|,|/)\s*({NUM})", low)
    if spec and lsl is None and usl is None:
        lsl, usl = numbers(spec.group(1))[0], numbers(spec.group(2))[0]
    plus_minus = re.search(rf"({NUM})\s*(?:[A-Za-zµ°]{{1,3}}\.?\s*)?(?:±|\+/-|\+-)\s*({NUM})", q)
    if plus_minus and lsl is None and usl is None:
        centre, half = numbers(plus_minus.group(1))[0], numbers(plus_minus.group(2))[0]
        lsl, usl = centre - half, centre + half
    return lsl, usl


def plan_summary(question: str) -> list[Intent] | None:
    """Summary-figure intents, None when the question is not one, HavocInputError naming a missing figure."""
    # no data here, so counts written as words ("pulls five parts every hour") are read as the digits they are
    q = re.sub(r"(?<=\d)\s*[–—]\s*(?=[-+]?\d)", " - ", spell_numbers(question))
    low = q.lower()
    means, sds = _spans(_MEAN, q), _spans(_SD, q)
    # "hypothesised mean 10", "target mean of 50": the value tested against, not a sample's mean
    means = [m for m in means if not _REFERENCE_BEFORE.search(q[max(0, m.start() - 25):m.start()])]
    counted = _spans(_N, q) or re.search(r"\bover\s+(?:the\s+)?(?:last\s+)?\d+\s+(?:[a-z-]+\s+)?[a-z]{3,}s\b", low)
    if means and not sds and counted and _TEST.search(low) and not _CAPABILITY.search(low):
        from graphs.planning.nl import carries_data

        if not carries_data(q):
            # "averaged 12.3 kN over 20 samples … is the mean different from 12.0?": a mean and a count, no spread
            raise HavocInputError("a t-test from summary figures needs the standard deviation as well as the mean "
                                  "and the sample size (or the measurements themselves)", field="sd")
    if not means or not sds:
        return None
    if _CAPABILITY.search(low):
        return _capability(q, low, means, sds)
    if re.search(r"control\s+limits|\bucl\b|\blcl\b|\b(?:x[\s-]*bar|xbar|x̄)(?:\s*(?:and|/|&|-)\s*(?:the\s+)?[rs])?[\s-]*charts?\b|"
                 r"\b[rs][\s-]*charts?\b", low):
        return None  # "control limits for the X-bar and S charts": a chart from summary figures, not a test
    if _TEST.search(low):
        return _t_test(q, low, means, sds)
    return None


def _capability(q: str, low: str, means: list[re.Match], sds: list[re.Match]) -> list[Intent]:
    lsl, usl = _limits(q, low)
    if lsl is None and usl is None:
        raise HavocInputError("capability from a mean and a standard deviation needs the specification limits "
                              "(LSL and/or USL, or a nominal ± tolerance)", field="lsl")
    refuse_width_without_both_limits(low, lsl, usl)
    if len(means) > 1:
        raise HavocInputError("the question gives more than one mean: capability is of one process; ask once per "
                              "process", field="mean")
    mean = _value(means[0])
    kinds = []
    for m in sds:  # the clause the standard deviation is written in says which one it is
        clause = low[max(low.rfind(",", 0, m.start()), low.rfind(";", 0, m.start()), low.rfind(".", 0, m.start()),
                         0):m.end()]
        after = re.match(r"\s*\((?:within|overall|short[\s-]*term|long[\s-]*term)[^)]{0,20}\)", low[m.end():])
        clause += after.group(0) if after else ""  # "a sigma of 1.2 (overall)"
        kinds.append("within" if _WITHIN.search(clause) else "overall" if _OVERALL.search(clause) else None)
    args: dict = {"mean": mean}
    notes: list[str] = []
    if len(sds) >= 2 and "within" in kinds:
        within = _value(sds[kinds.index("within")])
        others = [_value(m) for m, k in zip(sds, kinds, strict=True) if k != "within"]
        args.update(sd=others[0], sigma="overall", sd_within=within)
    else:
        args["sd"] = _value(sds[0])
        kind = kinds[0]
        if kind is None:
            wants_cp = re.search(r"\bc\s?p[kul]?\b", low) and not re.search(r"\bp\s?p[kul]?\b", low)
            kind = "within" if wants_cp else "overall"
            notes.append(f"the standard deviation is not said to be within-subgroup or overall; read as {kind} "
                         f"because the question asks for {'Cp/Cpk' if wants_cp else 'Pp/Ppk or capability'}")
        args["sigma"] = kind
    if lsl is not None:
        args["lsl"] = lsl
    if usl is not None:
        args["usl"] = usl
    target = value_after(q, "target", "nominal")
    if target is not None and not re.search(r"(?:±|\+/-|\+-)", q):
        args["target"] = target
    return [Intent("summary_capability", args, notes=["capability from summary figures, not measurements", *notes])]


def _sample_names(q: str, means: list[re.Match]) -> tuple[str, str] | None:
    """"Line A: mean 14.6 …. Line B: mean 13.7 …": the name written just before each sample's mean, or None."""
    names = []
    floor = 0
    for m in means[:2]:
        head = q[floor:m.start()]
        head = re.split(r"[.;\n]\s+|\n", head)[-1]
        found = re.search(r"([A-Za-z][\w-]*(?:\s+[A-Za-z0-9][\w-]*){0,2}?)\s*[:(,=-]?\s*(?:the\s+)?(?:sample\s+)?$", head)
        # "Old coating: 14 panels, mean life 316 h", "New coating (priced at …): 11 panels, mean 355 h": the label that
        # opens the clause names the sample
        opening = re.match(r"\s*([A-Za-z][\w-]*(?:\s+[A-Za-z][\w-]*){0,2})\s*(?:\([^()]*\))?\s*:", head)
        found = opening or found
        names.append(found.group(1).strip() if found else None)
        floor = m.end()
    if None in names or names[0].lower() == names[1].lower():
        return None
    return names[0], names[1]


def _t_test(q: str, low: str, means: list[re.Match], sds: list[re.Match]) -> list[Intent]:
    from graphs.planning.difference_order import asks_second_first
    from graphs.planning.nl_stats import MU_KEYS, _alternative, _two_sample_alternative, confidence_args

    ns = _spans(_N, q)
    conf = confidence_args(q)
    if (len(means) >= 2 or len(sds) >= 2) and re.search(r"(?<!un)paired|before and after|matched|same (?:people|"
                                                          r"subjects|units|parts|operators)", low):
        raise HavocInputError("a paired test from summary figures needs the mean and standard deviation of the "
                              "differences (or the pairs themselves); each side's mean and SD do not give the SD of "
                              "the differences", field="sd")
    if len(means) >= 2 or len(sds) >= 2:
        if not (len(means) == len(sds) == 2):
            raise HavocInputError(f"a two-sample test from summary figures needs a mean and a standard deviation for "
                                  f"each sample; the question gives {len(means)} mean(s) and {len(sds)} standard "
                                  "deviation(s)", field="sd2" if len(sds) < 2 else "mean2")
        if len(ns) < 2:
            raise HavocInputError("a two-sample test from summary figures needs each sample's size (n); the "
                                  f"question gives {len(ns)}", field="n2" if ns else "n")
        # "Welch's t-test, not the pooled one": Welch named, or pooling declined, wins over the word "pooled"
        # ("have the same underlying variance", "equal population variances")
        kind = "pooled" if re.search(r"pooled|(?:equal|same|common)\s+(?:[a-z]+\s+){0,2}?variances?|student'?s", low) and \
            not re.search(
            r"(?:not|n't|without) (?:(?:want|wish|like|need|intend|going) to )?(?:assum\w* )?(?:the )?(?:equal|pool)|"
            r"(?:\bnot|n't|\bwithout|\bno|rather than|instead of)\b[^.?!]{0,25}\bpool|"
            r"\b(?:sds?|standard deviations?|variances?|spreads?)\s+(?:are|look|seem)\s+(?:\w+\s+)?(?:different|unequal)|"
            r"\bwelch|unequal variances?|(?:n't|not|without)\s+assum\w*\b[^.?!]{0,40}\b(?:equal|same|common) variances?",
            low) else "welch"
        first, second = (means[0], sds[0], ns[0]), (means[1], sds[1], ns[1])
        names = _sample_names(q, means)
        notes = [f"two samples from their summary figures: the {'pooled' if kind == 'pooled' else 'Welch'} t-test"]
        side = "two-sided"
        if names and asks_second_first(q, *names):
            first, second, names = second, first, (names[1], names[0])  # "t for B minus A": B's figures first
            notes.append(f"the difference taken as {names[0]} − {names[1]}, as asked")
        if names and _alternative(low) != "two-sided":
            side = _two_sample_alternative(low, *names)
        elif _alternative(low) != "two-sided":
            notes.append("the question leans one way but the samples are not named clearly: the test is two-sided")
        args = {"kind": kind, "mean": _value(first[0]), "sd": _value(first[1]), "n": int(_value(first[2])),
                "mean2": _value(second[0]), "sd2": _value(second[1]), "n2": int(_value(second[2])), **conf}
        if side != "two-sided":
            args["alternative"] = side
        return [Intent("summary_t_test", args, notes=notes)]
    if not ns:
        raise HavocInputError("a t-test from a mean and a standard deviation needs the sample size (n)", field="n")
    rest = _blank(q, [*means, *sds, *ns])
    mu = value_after(rest, *MU_KEYS)
    interval_only = bool(re.search(r"confidence interval|\bci\b", low)) and mu is None
    if mu is None and not interval_only and not re.search(_PAIRED, low):
        raise HavocInputError("a one-sample t-test from summary figures needs the value to test the mean against "
                              "(e.g. 'different from 10?')", field="mu")
    paired = re.search(_PAIRED, low)
    if mu is None and paired:
        mu, interval_only = Decimal(0), False  # a paired change is tested against no change
    side = _alternative(low) if mu is not None else "two-sided"
    old_minus_new = paired and re.search(r"\b(?:old|before|baseline|control|standard|current|existing|pre)\b[\w\s-]{0,20}?"
                                         r"\bminus\s+(?:the\s+)?(?:new|after|treated|post|modified|improved)\b", low)
    if old_minus_new and side != "two-sided" and not re.search(r"\b(?:positive|negative|greater|larger|smaller|"
                                                               r"above|below|more than|less than)\b", low):
        # "savings (old minus new): … whether the additive reduces consumption": a reduction is a positive difference
        side = "greater" if re.search(r"\b(?:reduc|lower|decreas|cut|sav)\w*", low) and \
            not re.search(r"\b(?:increas|rais|improv)\w*", low) else "less" if re.search(r"\b(?:increas|rais)\w*", low) \
            else side
    args = {"kind": "paired" if paired else "one_sample", "mean": _value(means[0]), "sd": _value(sds[0]),
            "n": int(_value(ns[0])), "alternative": side, **conf}
    if mu is not None:
        args["mu"] = mu
    notes = ["the mean and sd are those of the paired differences" if paired else
             "one sample from its summary figures"]
    if interval_only:
        notes.append("no value to test against was given: the interval for the mean is the answer")
    return [Intent("summary_t_test", args, notes=notes)]
