"""Sample-size and power questions → the `power` tool.

Why its own reader: "how many samples do I need to detect a 2-unit difference with sd 4 at 80% power?" has no
data and several numbers whose roles differ (the difference, the sd, the power, alpha, the group count); each
is read by its cue, and a question that leaves out the effect or the power is refused naming it, never filled
in with a conventional value that the user did not choose.
"""

from __future__ import annotations

import re
from decimal import Decimal

from graphs.planning.cost import cost_asked
from graphs.planning.extract import NUM, spell_numbers, to_decimal, without_earlier_studies
from graphs.planning.intent import Intent
from tools.errors import HavocInputError

_CUE = re.compile(
    r"(?<!varying )sample[\s-]*sizes?\b(?!\s*(?:is not|isn't|is constant|(?:is|was) \d|(?:is|are|was|were) (?:not )?"
    r"(?:constant|the same|equal|different|unequal)|was|varies|varied|vary|changes|changed|differ|of \d|=|:|\d|\(|n\s*=))|how many (?:\w+ ){0,4}(?:do|would|should|shall|will|must) (?:i|we|you) (?:need|test|measure|"
    r"run|use|take)|how many (?:samples|units|parts|subjects|participants|observations|replicates|patients|people|"
    r"specimens|measurements|per group|in each group|pairs)|statistical power|power analysis|"
    r"\d+(?:\.\d+)?\s*%\s*power|power\s*(?:of|=|:|at|to be|is|level of)?\s*0?\.\d+|power of (?:a|the|this|my|our) "
    r"(?:[\w-]+\s+){0,3}?[\w-]*test|power of (?:a|an|the|this|my|our) (?:[\w-]+\s+){0,2}?anova|power to detect|chance (?:of|to) detect|probability of detecting|"
    # "what's the probability the test detects it?"
    r"(?:probability|chance|likelihood)\s+(?:that\s+)?(?:the|a|our|this)\s+(?:[\w-]+\s+)?(?:test|study|experiment|trial)\s+"
    r"(?:will\s+|would\s+)?(?:detects?|picks?\s+(?:it\s+)?up|finds?|flags?|catch(?:es)?)\b|"
    r"(?:what|how much) power|\b(?:anova|t[\s-]?test|study|experiment)\s+power\b|\bpower\s*(?:\?|(?:at|for|with|would|will|does|do we|do i)\b)|"
    r"\bpower\s*(?:of|=|:)?\s*\d{2}(?:\.\d+)?\s*%")
_NOT_STATS = re.compile(r"power series|power rule|to the power|raised to|power of \d+\b(?!\s*%)|"
                        r"\bwatts?\b|\bkw\b|power supply|power consumption|horsepower")
_PERCENT = re.compile(rf"({NUM})\s*(?:%|percent\b|per cent\b)")
# "a 0.5 sigma shift", "a difference of 1.2 standard deviations": the effect already in units of the sd (Cohen's d)
_EFFECT_D = re.compile(rf"(?:effect[\s-]*size|cohen'?s\s*d|\bd\s*=)\s*(?:\([^()]{{0,20}}\)\s*)?(?:d\s*)?(?:of|=|is|:)?"
                       rf"\s*({NUM})|"
                       rf"({NUM})[\s-]*(?:sigma|σ|sd|standard[\s-]deviations?)\s+(?:shift|change|difference|increase|"
                       rf"decrease|drift|offset)|(?:shift|change|difference|increase|decrease|drift|offset)"
                       rf"(?:\s+(?:in|between)\s+[\w\s-]{{1,30}}?)?\s+(?:of|is|=|equals?|amounts? to)\s+"
                       rf"({NUM})\s*(?:sigma|σ|sd|standard[\s-]deviations?)\b", re.I)
_EFFECT_F = re.compile(rf"(?:cohen'?s\s*f|\bf\s*=|effect[\s-]*size\s*f)\s*(?:of|=|is|:)?\s*({NUM})", re.I)
_DELTA = re.compile(rf"({NUM})\s*(?:%|percent)?\s*(?:[a-z]+\s+)?(?:increase|decrease|difference|change|shift|"
                    rf"improvement|reduction|drop|rise|gain)\b|"
                    rf"(?:difference|change|shift|increase|decrease|improvement|reduction|delta|δ|bias|offset)"
                    # "difference in the mean of 1.5", "expected difference in peel strength 1.5 N/mm"
                    rf"(?:\s+(?:in|of|between)\s+(?:the\s+)?(?:(?:mean|means|average)s?(?:\s+[a-z]+){{0,2}}?|"
                    rf"(?:mean\s+)?[a-z-]{{3,}}(?:\s+[a-z-]{{3,}}){{0,2}}?))?\s*(?:of|=|is|:|as small as|at least|"
                    rf"(?:to|will|would|should) be|of about|about|around|≈)?\s*(?:about\s+|around\s+)?({NUM})(?!\s*%)|"
                    # "moved off nominal by 0.5 µm", "shifted by 2 g": the size of the move to detect
                    rf"\b(?:moved|shifted|drifted|changed|differs?|deviates?|(?:is|are|was|were|sits?|runs?)\s+off|"
                    # "the new fixture shifts mean torque by 1.5 N*m", "raises the mean by 2"
                    rf"(?:shifts|moves|changes|raises|lowers|increases|reduces|improves))\s+"
                    rf"(?:\w+\s+){{0,3}}?by\s+({NUM})(?!\s*%)|"
                    # "the shift we care about between the two heat treatments is 1.8 MPa"
                    rf"\b(?:difference|change|shift|increase|decrease|improvement|reduction)\s+(?:(?:we|you|i)\s+)"
                    rf"(?:[\w'-]+\s+){{1,8}}?(?:is|=|of|would be|will be)\s+(?:about\s+|around\s+|~\s*)?({NUM})(?!\s*%)|"
                    # "smallest mean difference worth detecting: 1.5 um"
                    rf"\b(?:difference|change|shift|effect)\s+(?:[\w-]+\s+){{0,3}}?(?:worth\s+detecting|to\s+detect|we\s+care\s+"
                    rf"about|that\s+matters)\s*[:=]?\s*(?:is\s+|of\s+)?({NUM})(?!\s*%)|"
                    # "to detect 1.5 mm between two tools"
                    rf"\bdetect(?:ing)?\s+(?:a\s+|an\s+)?(?:(?:difference|change|shift)\s+of\s+)?(?:about\s+)?({NUM})"
                    rf"(?!\s*%)(?=\s*[a-zµ°]*\s+(?:between|in|across))",
                    re.I)
# "SD of the paired differences is about 1.8", "historical SD of the peel test is 2.4 N"
_SD = re.compile(rf"(?:standard deviation|std\.?\s*dev\.?|\bsd\b|\bs\s*=|sigma|σ)(?:\s+(?:of|for|on|within|in)\s+(?:the\s+)?"
                 rf"(?:[a-z-]+\s+){{0,2}}?[a-z-]+(?=\s*(?:[:=≈~]|(?:is|was|were|of|about|around)\b|[-+]?\.?\d)))?\s*(?:of|=|is|was|were|:|≈|~|at)?\s*(?:about\s+|around\s+|roughly\s+|~\s*)?({NUM})", re.I)
_N = re.compile(r"\bn\s*=\s*(\d+)|(\d+)\s+(?:\w+\s+)?(?:per group|in each group|each group|per arm|per sample|"
                r"subjects|samples|units|parts|participants|patients|people|pairs|observations|specimens|comparisons|"
                r"measurements)|sample size (?:of|is|=)\s*(\d+)|\b(?:groups|arms|samples) of (\d+)\b|"
                r"(\d+)\s+[a-z]+\s+(?:per|for each|in each|for every|from each)\s+(?!hour|day|shift|week|minute|month)[a-z]+|"
                r"(\d+)\s+[a-z]+s\s+each\s+(?:measure|weigh|test|rate|use|tr(?:y|ie)|read|check|gauge)|"
                # "four coating formulations, 8 panels each,": the size of each group
                r"(\d+)\s+(?:[a-z-]+\s+)?[a-z]+s\s+(?:each|apiece)\b(?=\s*[,.;:)]|\s+(?:and|with|in|for|at|of|under)\b|\s*$)",
                re.I)
# "we expect means 20, 22, 21 and 24", "hypothesised group means of 5.1 / 5.4 / 5.9": the effect of a one-way ANOVA
# "true mean conversions of 20, 22, 22 and 24 %": a word or two may name what the means are of
_MEANS = re.compile(rf"\b(?:group\s+)?(?:means?|averages?)(?:\s+(?!of\b|are\b)[a-z]+){{0,2}}\s*"
                    rf"(?:of\s+|are\s+|=\s*|:\s*|(?:of\s+)?(?:about|around|roughly)\s+)?"
                    rf"((?:{NUM})\s*%?(?:\s*(?:,|;|/|and|&|,\s*and)\s*(?:{NUM})\s*%?)+)", re.I)
_ALPHA = re.compile(rf"(?:alpha|α|significance(?: level)?|level of significance)\s*(?:of|=|is|:|at)?\s*({NUM})\s*(%)?",
                    re.I)
_GROUPS = re.compile(r"(\d+)\s+(?:[a-z-]+\s+)?(?:groups|treatments|levels|arms|machines|suppliers|operators|formulations|"
                     r"recipes|methods|materials|designs|coatings|catalysts|additives|conditions|variants|processes)\b|"
                     r"\bk\s*=\s*(\d+)", re.I)
_RATE_PAIR = re.compile(rf"(?:p1|p_1)\s*(?:=|:|of|is)?\s*({NUM}).{{0,40}}?(?:p2|p_2)\s*(?:=|:|of|is)?\s*({NUM})",
                        re.I | re.S)


# each subject measured twice: "paired", "before and after", "12 operators … with both gauges" (not "in both groups")
_PAIRED = re.compile(r"paired|\bpairs\b|before and after|before/after|matched|same (?:units|parts|subjects|people)|"
                     r"\b(?:on|with|by|using|under) both (?!groups|arms|samples|populations)")


def _power_target(low: str) -> Decimal | None:
    m = re.search(rf"({NUM})\s*(?:%|percent)\s*(?:statistical\s+)?power|power\s*(?:of|=|:|at|to be|is|level of)?"
                  rf"\s*(?:at least\s+)?({NUM})\s*(%|percent)?", low)
    if not m:
        return None
    if m.group(1) is not None:
        return to_decimal(m.group(1)) / 100
    value = to_decimal(m.group(2))
    if not m.group(3) and 1 < value < 50:
        return None  # "ANOVA power: 4 groups, …": a count after the word, not a power of 4 %
    return value / 100 if m.group(3) or value > 1 else value


def _percents(low: str) -> list[Decimal]:
    """Percentages that are rates, not the power, the confidence or the significance level."""
    out = []
    for m in _PERCENT.finditer(low):
        after, before = low[m.end():m.end() + 25], low[max(0, m.start() - 30):m.start()]
        if re.match(r"\s*(?:[a-z]+\s+)?(?:increase|decrease|difference|change|improvement|reduction|shift|drop|"
                    r"rise|gain|points)", after) or re.search(r"(?:\bsd|standard deviation|sigma|σ|\bcv|variation)"
                                                             r"[^%]{0,12}$", before):
            continue  # "a 5% increase", "(sd 8%)": a difference and a spread in percent, not two rates
        if re.match(r"\s*(?:(?:one|two)[\s-]*(?:sided|tailed)\s+)?(?:statistical\s+)?(?:power|confidence|significance|"
                    r"level|sure|chance|(?:z[\s-]*)?test\b|error)", after) or \
                re.search(r"(?:power|confidence|significance|alpha|α)(?: level)?\s*(?:of|=|:|at|is|to be)?\s*"
                          r"(?:at least\s+)?$|\btest(?:ed|ing)?\s+at\s*(?:the\s+)?$", before):
            continue
        out.append(to_decimal(m.group(1)) / 100)
    return out


def _groups_named(low: str) -> Decimal | None:
    """"a one-way ANOVA with 4 feed rates", "4 feed rates … 10 specimens per feed rate": the groups by their own name."""
    m = re.search(r"\b(?:anova|analysis of variance)\s+(?:with|of|on|across|comparing|for)\s+(\d+)\s+[a-z]", low)
    if m:
        return to_decimal(m.group(1))
    for m in re.finditer(r"\b(\d+)\s+((?:[a-z]+\s+)?[a-z]+?)s\b", low):
        if re.search(rf"\bper\s+{re.escape(m.group(2))}\b", low[m.end():]):
            return to_decimal(m.group(1))  # "10 specimens per feed rate" names the group after "4 feed rates"
    return None


_BUDGET = re.compile(r"\b(?:budget(?:\s+is|\s+of|:)?|(?:we|i)\s+(?:can|could)\s+(?:only\s+)?afford|(?:we|i)\s+have\s+"
                     r"(?:only\s+|at most\s+|up to\s+)?(?=\d+\s+[a-z]+\s+(?:available|in (?:the )?budget|to spare|at most)))"
                     r"\s*(?:of\s+|about\s+|around\s+|roughly\s+|up to\s+|at most\s+)?(?P<n>\d+)\s+[a-z]+"
                     r"(?:\s+(?:available|in (?:the )?budget|to spare|at most|in total|max(?:imum)?))?")
# "from a pilot of 12 specimens the SD is about 3.5 N", "our 10-part pilot run": the study that gave the SD
_PILOT = re.compile(r"\bpilot(?:\s+(?:study|run|sample|trial|test|batch|experiment))?\s+(?:of|with|on|using|had|used)\s+"
                    r"(?:only\s+|just\s+)?(?P<n>\d+)(?:\s+[a-z]+)?|\b(?P<m>\d+)[\s-]+(?:[a-z]+[\s-]+)?pilot\b")
# "how many parts per arm", "what sample size do I need": the size is what is asked for
_ASKS_SIZE = re.compile(r"how many\b|what sample size|which sample size|sample size (?:do|would|should|will)|"
                        r"(?:find|compute|calculate|work out|determine) (?:the )?(?:required |minimum )?(?:sample size|n\b)")


def _first(pattern: re.Pattern, text: str) -> Decimal | None:
    m = pattern.search(text)
    return to_decimal(next(g for g in m.groups() if g is not None)) if m else None


def plan_power(question: str) -> list[Intent] | None:
    # no data here: "with fifteen parts" is n = 15; what an earlier study did is no part of the plan
    low = spell_numbers(without_earlier_studies(question)).lower().replace("−", "-")
    if not _CUE.search(low) or _NOT_STATS.search(low) or re.search(r"parts? per million|\bppm\b", low):
        return None  # "how many parts per million fall above 4.2": a tail of the distribution, not a sample size
    if re.search(r"\b(?:control[\s-]*charts?|(?:x-?bar|[pcu]|np|i-?mr)[\s-]*charts?|ucl|lcl|cent(?:re|er)[\s-]*line|"
                 r"control[\s-]*limits?)\b", low):
        return None  # "a p chart (constant sample size n = 150)": the subgroup size of a chart, not a study to size
    # "SD is about 4.0 N (from the 2022 trials, 40 specimens)": where a figure came from, not the design asked about
    low = re.sub(r"\(\s*(?:from|based on|estimated from|taken from|per|using)\b[^()]*\)", " ", low)
    # "(last year's study used 12 per group)": what an earlier study did is not the plan asked about
    low = re.sub(r"\([^()]*\b(?:last|previous|prior|earlier|old|pilot|past)\b[^()]*\b(?:study|studies|trial|run|used|had|"
                 r"was|were)\b[^()]*\)", " ", low)
    if re.search(r"factorial|\bdoe\b|box[\s-]*behnken|central[\s-]*composite|plackett|\b\d+[\s-]*levels?\b|"
                 r"\bblocks?\b", low) and not re.search(r"\bpower\b|effect[\s-]*size|cohen", low):
        return None  # "a 3-level full factorial run twice: how many runs do I need?" counts a design's runs
    notes: list[str] = []
    target = _power_target(low)
    # the sample size is read with the effect's and the sd's numbers cut out ("a difference of 2 units" is no n)
    # ("budget is 3000 parts", "we can afford 200 units at most": a limit on the study asked about, not its size)
    budget = _BUDGET.search(low)
    if budget and _ASKS_SIZE.search(low):
        low = low[:budget.start()] + " ; " + low[budget.end():]
        notes.append(f"{budget.group('n')}: a budget, not a sample size (the size is computed; compare it with the "
                     "budget)")
    cost = cost_asked(question)
    if cost:
        notes.append(f"{cost[0]}: the cost of one unit measured ('{cost[1]}'), totalled as asked")
    pilot = _PILOT.search(low)
    if pilot and _ASKS_SIZE.search(low):
        low = low[:pilot.start()] + " ; " + low[pilot.end():]
        notes.append(f"{pilot.group('n') or pilot.group('m')}: the size of the pilot that gave the SD, not the sample "
                     "size asked for")
    n = _first(_N, _SD.sub(" ; ", _DELTA.sub(" ; ", low)))
    alpha = None
    m = _ALPHA.search(low)
    if m:
        alpha = to_decimal(m.group(1)) / (100 if m.group(2) or to_decimal(m.group(1)) >= 1 else 1)
    elif re.search(rf"({NUM})\s*%\s*(?:significance|level|(?:z[\s-]*)?test\b)", low):
        alpha = to_decimal(re.search(rf"({NUM})\s*%\s*(?:significance|level|(?:z[\s-]*)?test\b)", low).group(1)) / 100
    rates = _RATE_PAIR.search(low)
    percents = _percents(low)
    f = _first(_EFFECT_F, low)
    groups = _first(_GROUPS, low) or _groups_named(low)
    paired = _PAIRED.search(low)
    if groups is not None and paired and f is None and not re.search(r"anova|analysis of variance|\d+\s+(?:groups|"
                                                                     r"treatments|levels|arms)|\bk\s*=", low):
        # "12 operators each measure with both gauges (paired)": the operators are the pairs, not groups to compare
        n = n if n is not None else groups
        groups = None
    args: dict = {}
    if re.search(r"anova|analysis of variance", low) or f is not None or (groups is not None and groups >= 3):
        test = "anova"
        means = _MEANS.search(low)
        sd = _first(_SD, low)
        if f is None and means and sd is not None:
            values = [to_decimal(v) for v in re.findall(NUM, means.group(1))]
            if groups is not None and groups != len(values):
                raise HavocInputError(f"{int(groups)} groups but {len(values)} hypothesised means: say one mean per "
                                      "group", field="groups")
            args.update(means=values, sd=sd, groups=len(values))
            notes.append(f"{', '.join(str(v) for v in values)}: hypothesised group means; {sd}: common "
                         "within-group SD (Cohen's f from them)")
        else:
            if f is None:
                raise HavocInputError("a one-way ANOVA sample size needs the effect as Cohen's f (0.10 small, 0.25 "
                                      "medium, 0.40 large), or the hypothesised group means with the common SD",
                                      field="effect_size")
            if groups is None:
                raise HavocInputError("a one-way ANOVA sample size needs the number of groups", field="groups")
            args.update(effect_size=f, groups=int(groups))
    elif rates or (len(percents) == 2 and re.search(r"rate|proportion|percent|defect|yield|conversion|response|"
                                                    r"fail|pass|success|%", low)):
        test = "two_proportions"
        p1, p2 = (to_decimal(rates.group(1)), to_decimal(rates.group(2))) if rates else (percents[0], percents[1])
        args.update(p1=p1, p2=p2)
        if re.search(r"arcsine|cohen'?s h", low):
            args["method"] = "arcsine"
    else:
        paired = _PAIRED.search(low)
        one = re.search(r"one[\s-]*sample|single sample|against (?:a|the) (?:target|standard|spec|nominal|known|"
                        r"reference)|from (?:the|a) (?:target|nominal|standard)|(?:shift|drift|change) (?:in|of) (?:the )?(?:process )?"
                        r"mean\b", low)
        # "a 0.5 mm shift in mean between the two fixtures … two-sample t-test": two samples, whatever shifts
        two = re.search(r"two[\s-]*sample|\bbetween (?:the )?two\b|equal group sizes|\bper group\b|\beach group\b|"
                        r"\btwo (?:groups|arms)\b", low)
        test = "paired_t" if paired else "one_sample_t" if one and not two else "two_sample_t"
        d = _first(_EFFECT_D, low)
        delta, sd = _first(_DELTA, low), _first(_SD, low)
        if d is not None:
            args["effect_size"] = d
        elif delta is not None and sd is not None:
            args.update(delta=delta, sd=sd)
        else:
            missing = "a standard deviation" if delta is not None else (
                "the difference to detect" if sd is not None else "the difference to detect and the standard "
                                                                   "deviation (or an effect size, Cohen's d)")
            raise HavocInputError(f"a sample-size or power calculation for a t-test needs {missing}",
                                  field="sd" if delta is not None else "delta")
        if test == "two_sample_t" and not re.search(r"two[\s-]*sample|two groups|2 groups|each group|per group|"
                                                    r"between|compare|versus|vs\.?|independent", low):
            notes.append("read as two independent groups (say 'one sample' or 'paired' otherwise)")
    if (n is None) == (target is None):
        if n is None:
            raise HavocInputError("say the power to reach (e.g. 80% power) to get the sample size, or the sample size "
                                  "to get the power", field="power")
        raise HavocInputError("the question gives both a sample size and a power: say which one to compute",
                              field="n")
    args = {"test": test, **args, **({"n": n} if n is not None else {"power": target})}
    if cost:
        args["cost_per_unit"] = cost[0]
    if alpha is not None:
        args["alpha"] = alpha
    else:
        notes.append("α = 0.05 (none was given)")
    if re.search(r"one[\s-]*sided|one[\s-]*tailed", low) and test != "anova":
        # the side the stated effect points to: p1 above p2, or a positive difference
        effect = args["p1"] - args["p2"] if test == "two_proportions" else (
            args.get("effect_size") if args.get("effect_size") is not None else args["delta"])
        args["alternative"] = "greater" if effect > 0 else "less"
        notes.append(f"one-sided, in the direction of the stated effect ({args['alternative']})")
    return [Intent("power", args, notes=notes)]
