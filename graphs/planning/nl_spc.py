"""Natural-language SPC questions → control chart, capability, constants intents."""

from __future__ import annotations

import re
from decimal import Decimal

from graphs.planning.extract import (
    NUM,
    blank_keyed,
    flat_lists,
    fraction_pairs,
    int_after,
    int_before,
    line_table,
    longest_run,
    number_runs,
    numbers,
    separated_rows,
    spell_numbers,
    tables,
    to_decimal,
    value_after,
)
from graphs.planning.intent import Intent
from graphs.planning.nl_smallshift import plan_small_shift, small_shift_kind
from tools.errors import HavocInputError

# counts over an amount that varies (roll length, panel area, hours observed): defects per unit, a u chart
_EXPOSURE = r"(?:lengths?|areas?|sizes?|widths?|metres|meters|m2|m²|square|hours|weights?|volumes?|units)"
_VARYING_EXPOSURE = re.compile(
    rf"\b(?:different|varying|unequal|variable|not the same)\s+(?:\w+\s+)?{_EXPOSURE}\b"
    rf"|\b{_EXPOSURE}\s+(?:differ|vary|varies|are not the same|change)\b"
    rf"|\b(?:differ|differs|vary|varies|varying)\s+in\s+{_EXPOSURE}\b"
    r"|\b(?:flaws|faults|defects|scratches|errors|blemishes|nonconformities|dents|voids|holes|bubbles)\s+per\s+"
    r"(?:\d+\s*)?"
    # (per metre, per hour: an amount of exposure; per sheet or per roll is an inspection unit, a c chart unless
    # the sheets or rolls differ in size)
    r"(?:m\b|metres?|meters?|km|ft|feet|yards?|m2|m²|sq\w*|square|hours?|kg|litres?|liters?)")


# things counted on a unit (a door's blemishes, a sheet's pits): counts of defects, a c chart (or u over varying units)
_DEFECT = (r"(?:scratch(?:e)?|flaw|fault|blemish(?:e)?|dent|bubble|void|nonconformit(?:y|ie)|error|defect|pit|"
           r"inclusion|pinhole|crack|spot|burr)")
_DEFECTS = rf"{_DEFECT}s"



def _one_run_wrapped(low: str, rows: list[list]) -> bool:
    """"Here are 30 consecutive parts:" over three lines of ten: one run of values wrapped, not subgroups."""
    total = sum(len(r) for r in rows)
    return not re.search(r"subgroup|sub-group|samples? of \d", low) and bool(re.search(
        rf"\b{total}\s+(?:consecutive\s+|successive\s+|individual\s+)?(?:parts|values|readings|measurements|pieces|"
        r"units|observations|items)\b", low))

def chart_kind(low: str) -> str | None:
    # "this is a defect count, not a count of bad boards": what the data are not says nothing of the chart
    low = re.sub(r"\b(?:not|rather than|instead of)\s+(?:a|the|just\s+a)?\s*(?:count|number|tally)\s+of\s+[\w\s-]{0,30}?"
                 r"(?=[,.;:)]|$)", " ", low)
    named = re.search(r"\b(np|p|u|c)[\s-]*charts?\b", low)  # a chart named outright wins over descriptions
    if named:
        return named.group(1)
    if re.search(r"x[\s-]*bar[\s-]*(?:and\s*|/|-|\s)?s\b|x̄[\s-]*s\b|xbar_s", low):
        return "xbar_s"
    if re.search(r"x[\s-]*bar|x̄|xbar|averages? chart", low):
        return "xbar_r"
    if re.search(r"\bi[\s-]*mr\b|individuals?|moving[\s-]*range|\bimr\b|\bx[\s-]*mr\b|\bi[\s-]*charts?\b", low):
        return "imr"
    if re.search(r"\bnp[\s-]*chart|(?:number|count)[\s-](?:of )?(?:\w+ )?(?:defective|rejected|rejects|nonconforming|non-conforming|"
                 r"failed|damaged|broken|faulty|cracked|leaking|bad)\b|how many (?:\w+ ){0,2}(?:get |are |were |got )?"
                 r"(?:rejected|defective|fail|damaged|broken)", low):
        return "np"
    if re.search(r"\bp[\s-]*chart|proportion|fraction (?:non[\s-]*conforming|defective)|percent defective", low):
        return "p"
    if re.search(r"\bu[\s-]*chart|defects per unit|per unit", low) or _VARYING_EXPOSURE.search(low):
        return "u"
    if re.search(rf"(?:number|count)s? of (?:\w+ )?{_DEFECTS}|{_DEFECTS} (?:found|counted|per|on)|"
                 rf"\b{_DEFECT}s? counts?\b", low):
        return "c"
    if re.search(r"\bc[\s-]*chart|count of defects|number of defects|defects|"
                 r"\bcount\w*\s+(?:every|each|all|the|any)\s+(?:\w+\s+)?(?:defect|flaw|blemish|scratch|error|"
                 r"nonconformit)\w*|(?:scrap|defect|error|complaint|"
                 r"failure|incident|reject)s? counts?|counts? of (?:scrap|defects|errors|complaints|failures|incidents|"
                 r"rejects)", low):
        return "c"
    return None


def _data_after_keywords(text: str) -> list:
    """The numbers after a 'data:'-like marker, else the longest run of three or more numbers, else the numbers after
    the first colon."""
    for m in re.finditer(r"(?:data|values|measurements|readings|observations|samples?)\s*(?:are|were|is|:|=)\s*(.+)", text,
                         flags=re.I | re.S):  # "daily readings:\ndata: 7.1, …": the marker the numbers follow
        run = re.match(rf"\s*\[?\s*({NUM}(?:\s*[,;]?\s*{NUM})*)", m.group(1))
        if run:
            return numbers(run.group(1))
    run = longest_run(text, 3)  # the pasted list; a number in the prose around it ("3 shifts", "line 2") is not data
    if run:
        return run
    if ":" not in text:
        return []  # scattered numbers in prose ("1200 parts, 3 operators, 8 hours") are not measurements
    values = numbers(text.split(":", 1)[1])
    return values if len(values) >= 3 else []


_SPEC_KEYS = ("lsl", "usl", r"lower spec(?:ification)?(?: limit)?", r"upper spec(?:ification)?(?: limit)?",
              "lower limit", "upper limit", "target", "nominal", r"spec(?:ification)?s?(?: limits?)?", "tolerance")
# the sample inspected, before the lot it is drawn from: "from each lot of 2,000 we inspect 80" charts samples of 80
_SIZE_KEYS = (r"(?:sample|subgroup)\s*sizes?", r"out of", r"(?:samples?|boxes) of",
              r"inspect(?:ed|s|ing)?",
              r"(?:units|parts|items|boards|pieces) inspected",
              r"\b(?:pull|pulls|pulled|take|takes|took|draw|draws|drew|check|checks|checked|test|tests|tested|open|opens|"
              r"opened|sample|samples|sampled|weigh|weighs|weighed|examine|examines|examined)(?= \d)",
              r"(?:lot|batch)\s*sizes?", r"(?:lots?|batch(?:es)?) of", r"n",
              # "Each roll of fabric is 50 m²": the amount every count was found in
              r"\beach\s+[a-z]+(?:\s+of\s+[a-z]+)?\s+(?:is|has|measures|covers)(?=\s+\d+(?:\.\d+)?\s*(?:m²|m2|sq\w*|square|"
              r"m\b|metres?|meters?|ft|feet|yards?|km|kg|hours?|litres?|liters?))")
_SIZE_NAME = re.compile(r"size|inspect|units|\bn\b|sample|total|checked|tested|lengths?\b|\blen\b|areas?\b|metres|meters|"
                        r"\bm2\b|m²|square|hours\b|exposure", re.I)


def _sizes(text: str, n: int, counts: list | None = None) -> list | None:
    """Sample sizes for n counts; never the counts themselves ("p chart with samples of 100: 3 5 4 …")."""
    found = _sizes_any(text, n)
    if found is not None and counts is not None and [str(v) for v in found] == [str(v) for v in counts]:
        size = value_after(text, *_SIZE_KEYS)
        return [size] * n if size is not None else None
    return found


def _sizes_any(text: str, n: int) -> list | None:
    named = _header_columns(text)
    if named and len(named[1]) == n:
        return named[1]
    lists = flat_lists(text)
    if len(lists) >= 2 and len(lists[-1]) == n:
        return lists[-1]
    runs = number_runs(text)
    sized = [values for name, values in runs if _SIZE_NAME.search(name) and len(values) == n]
    # "defects 12, 15, 9 in 50, 60, 45 units": a second run of the same length after "in", "per" or "of"
    sized += [values for name, values in runs[1:] if name.lower().split()[-1:] in (["in"], ["per"], ["of"])
              and len(values) == n]
    if sized:
        return sized[0]
    size = value_after(text, *_SIZE_KEYS)
    if size is not None:
        return [size] * n
    return None


def _header_columns(text: str) -> tuple[list, list] | None:
    """Counts and sample sizes pasted as two named columns ("Inspected  Defective"): the one named like a size
    (inspected, sample size, n, units) gives the sizes, the other the counts."""
    table = line_table(text)
    if not table or not table.header or len(table.header) != 2:
        return None
    sized = [i for i, name in enumerate(table.header) if _SIZE_NAME.search(name)]
    if len(sized) != 1:
        return None
    columns = table.columns()
    return columns[1 - sized[0]], columns[sized[0]]


def _counts(text: str) -> list:
    """Defect counts: a bracketed list, a column beside a column of sizes, else the first run not named as sizes,
    else the longest run."""
    lists = flat_lists(text)
    if lists:
        return lists[0]
    named = _header_columns(text)
    if named:
        return named[0]
    runs = [(name, values) for name, values in number_runs(blank_keyed(text, *_SIZE_KEYS[:-1]), 3)]
    counts = [values for name, values in runs if not _SIZE_NAME.search(name)]
    return counts[0] if counts else _data_after_keywords(text)


_KNOWN_CENTRE = (r"cent(?:re|er)(?:[\s-]*line)?", r"target(?: mean)?", r"(?:known|process|historical|standard) mean",
                 r"\bmu", "μ")
_KNOWN_SIGMA = (r"(?:known |process |historical )?sigma", "σ", r"(?:known |process |historical )?standard deviation",
                r"std\.? ?dev")


def known_standards(text: str) -> tuple[dict, str]:
    """A known process mean and sigma ("centre 10 and sigma 0.3", "μ = 5, σ = 0.2") as chart arguments, and the
    text without them, so that neither is read as a data point. A key followed by a list ("standard deviation of
    5.1, 5.3, ...") is data, not a standard."""
    found: dict = {}
    for name, keys in (("center", _KNOWN_CENTRE), ("sigma", _KNOWN_SIGMA)):
        for key in keys:
            # ("Centre line is the 50.0 g target")
            m = re.search(rf"(?<![\w]){key}\s*(?:=|:|is|of|at|equal to)?\s*(?:the\s+)?({NUM})(?!\s*[,;]?\s*[-+]?\d)", text,
                          flags=re.I)
            if m:
                found[name] = numbers(m.group(1))[0]
                text = text[:m.start()] + " ; " + text[m.end():]
                break
    return found, text


_EXCLUDE_VERB = r"(?:exclud\w*|drop\w*|remov\w*|leav\w* out)"
_POINT_WORD = r"(?:points?|samples?|subgroups?|observations?|readings?|values?|days?|hours?|lots?)"


def _excluded_points(low: str) -> list[int] | None:
    """0-based points to leave out of the limits: "exclude points 3 and 7", "drop the 4th sample",
    "remove sample #12"."""
    m = re.search(rf"{_EXCLUDE_VERB}\s+(?:the\s+)?(?:{_POINT_WORD}\s*)?#?((?:\d+(?:st|nd|rd|th)?(?:\s*(?:,|and)\s*#?)?)+)"
                  rf"(?:\s*{_POINT_WORD})?", low)
    named = m and (re.search(_POINT_WORD, m.group(0)) or re.search(r"\d(?:st|nd|rd|th)\b|#", m.group(0))
                   or re.match(r"\s*(?:[,.;:)?!]|$|and\b|then\b|from\b|before\b)", low[m.end():]))
    if not named:  # "remove 3 outliers" names no point: nothing is excluded on a guess
        return None
    found = [int(v) for v in re.findall(r"\d+", m.group(1))]
    return [v - 1 for v in found if v >= 1] or None


_GRAND = re.compile(rf"(?:grand|overall)\s+(?:average|mean)(?:\s+(?:of\s+the\s+subgroup\s+means|x[\s-]*bar|"
                    rf"(?:(?!is\b|was\b|of\b)[a-z]+\s+){{0,2}}(?!is\b|was\b|of\b)[a-z]+))?"
                    rf"\s*(?:is|was|=|:|of)?\s*({NUM})|x[\s-]*(?:double[\s-]*bar|bar[\s-]*bar)\s*(?:is|=|:)?\s*({NUM})|"
                    rf"x̿\s*=?\s*({NUM})", re.I)
# ("the average of the subgroup ranges is 0.21", "the mean of the subgroup standard deviations is 0.0082")
_R_BAR = re.compile(rf"(?:average|mean)\s+(?:of\s+the\s+)?(?:subgroups?\s+)?ranges?\s*(?:\([^()]{{0,12}}\)\s*)?(?:is|was|=|:|of)?"
                    rf"\s*({NUM})|"
                    rf"\br[\s-]*bar\s*(?:is|=|:|of)?"
                    rf"\s*({NUM})|r̄\s*=?\s*({NUM})", re.I)
_S_BAR = re.compile(rf"(?:average|mean)\s+(?:of\s+the\s+)?(?:subgroups?\s+)?(?:standard deviations?|std\.?\s*devs?|sds?|s)\s*"
                    rf"(?:\([^()]{{0,12}}\)\s*)?(?:is|was|=|:|of)?"
                    rf"\s*({NUM})|\bs[\s-]*bar\s*(?:is|=|:|of)?\s*({NUM})|s̄\s*=?\s*({NUM})", re.I)


def _first_value(pattern: re.Pattern, text: str) -> Decimal | None:
    m = pattern.search(text)
    return to_decimal(next(g for g in m.groups() if g is not None)) if m else None


_NUMBER_LINE = re.compile(rf"^\s*(?:{NUM}[\s,;]+)*{NUM}\s*[,;]?\s*$")


def _number_stream(q: str) -> list[Decimal]:
    """The longest block of consecutive lines holding numbers only, read in order as one list (a wrapped list)."""
    best: list[Decimal] = []
    block: list[Decimal] = []
    for line in q.split("\n"):
        if _NUMBER_LINE.match(line):
            block += [to_decimal(v) for v in re.findall(NUM, line)]
        else:
            block = []
        if len(block) > len(best):
            best = list(block)
    return best


def _summary_subgroup_size(low: str) -> int | None:
    """The subgroup size behind summary figures: "subgroups of 4", "n = 5", "pulls five consecutive parts"."""
    low = spell_numbers(low)  # summary figures, no data: "pulls five consecutive parts" is a subgroup of 5
    return int_after(low, r"subgroups? (?:of )?(?:size)?", r"subgroup size", r"samples? of", r"(?:sample|subgroup) size",
                     r"\bn\s*=") or int_after(low, r"\b(?:pull|pulls|take|takes|measure|measures|check|checks|sample|"
                                                   r"samples|select|selects|weigh|weighs|inspect|inspects|test|tests|open|opens)(?= \d)") or int_before(
        low, r"(?:are|were|is|get|gets)\s+(?:taken|pulled|sampled|measured|weighed|selected|checked|drawn)") or int_before(
        # "ten tablets per subgroup", "250 units per daily sample"
        low, r"[a-z]+\s+(?:per|in each|in every|for each)\s+(?:(?:daily|hourly|weekly|shift|lot)\s+)?(?:subgroup|sample)\b")


def _capability_from_bars(q: str, low: str) -> list[Intent] | None:
    """"X̄–R study: subgroups of 4, R̄ = 0.0234, grand mean 25.406, spec 25.40 ± 0.03: Cp and Cpk" → the within
    sigma from R̄/d2 (or s̄/c4) of that subgroup size, not the chart constants alone."""
    from graphs.planning.nl_summary import _limits

    r_bar, s_bar = _first_value(_R_BAR, q), _first_value(_S_BAR, q)
    mean = _first_value(_GRAND, q)
    if mean is None:
        m = re.search(rf"(?:\bmean|\baverage|x̄|x[\s-]*bar)\s*(?:is|was|=|:|of)?\s*({NUM})", q, re.I)
        mean = to_decimal(m.group(1)) if m else None
    if mean is None or (r_bar is None) == (s_bar is None):
        return None
    lsl, usl = _limits(q, low)
    if lsl is None and usl is None:
        return None
    n = _summary_subgroup_size(low)
    if not n or n < 2:
        raise HavocInputError("the within sigma from R̄ or s̄ needs the subgroup size (how many parts in each "
                              "subgroup)", field="subgroup")
    spread = "rbar" if r_bar is not None else "sbar"
    args: dict = {"mean": mean, spread: r_bar if r_bar is not None else s_bar, "subgroup": n}
    if lsl is not None:
        args["lsl"] = lsl
    if usl is not None:
        args["usl"] = usl
    bar = "R̄/d2" if spread == "rbar" else "s̄/c4"
    return [Intent("summary_capability", args, notes=[f"capability from summary figures: the within sigma is {bar} "
                                                      f"for subgroups of {n} (Cp, Cpk)"])]


_TOTAL = re.compile(r"\b(\d+)\s+(?:[a-z-]+\s+){0,2}?(?:altogether|in total|in all|all told|overall)\b|"
                    r"\b(?:a\s+)?total\s+(?:of\s+)?(\d+)\b|\b(\d+)\s+(?:[a-z-]+\s+)?in\s+total\b|"
                    # "over 24 days (…) we found 168 forms with errors": what the whole stretch turned up
                    r"\b(?:we|they|qc|inspectors?|i)\s+(?:found|counted|recorded|logged|had)\s+(\d+)\s+(?:[a-z-]+\s+){0,2}?"
                    r"(?:with\s+(?:errors?|defects?|flaws?)|defectives?|defects?|errors?|rejects?|nonconforming|failures?|"
                    r"bad)\b")
_PERIODS = re.compile(r"(?:\b(?:last|over|across|from|in|for)\s+(?:the\s+)?(?:last\s+|past\s+)?|"
                      # "25 daily samples, 200 labels each": how often, in place of over how long
                      r"(?<![\w.,])(?=\d+\s+(?:daily|hourly|weekly|shift(?:ly)?|per[\s-]shift)\s))"
                      r"(\d+)\s+(?:consecutive\s+|daily\s+|hourly\s+|weekly\s+|shift(?:ly)?\s+|per[\s-]shift\s+)?"
                      r"(mornings|days|shifts|subgroups|samples|lots|batches|hours|weeks|runs|rolls|orders|audits)\b")


def _count_chart_from_total(q: str, low: str) -> list[Intent] | None:
    """"Each morning QC pulls 150 connectors … over the last 20 mornings they found 84 defectives altogether. np chart?"
    → the limits from the total over equal subgroups (the counts themselves are not given)."""
    kind = chart_kind(low)
    if kind not in ("p", "np", "c", "u") or flat_lists(q) or tables(q):
        return None
    low = spell_numbers(low)
    total_m, periods = _TOTAL.search(low), _PERIODS.search(low)
    if not total_m or not periods:
        return None
    total = int(next(g for g in total_m.groups() if g is not None))
    k = int(periods.group(1))
    args: dict = {"chart": kind, "total": total, "subgroups": k}
    notes = [f"{total}: the total count over {k} {periods.group(2)}; each {periods.group(2).rstrip('s')} is a subgroup"]
    if kind != "c":
        args["n"] = _attribute_subgroup_size(low, kind, "a total")
        notes.append(f"{args['n']}: the subgroup size")
    return [Intent("summary_chart", args, notes=notes)]


def _attribute_subgroup_size(low: str, kind: str, source: str) -> int:
    """The items (p, np) or units (u) in each subgroup of an attribute chart from summary figures, or a refusal."""
    n = _size_in_prose(low) or _summary_subgroup_size(low) or int_before(
        low, r"[a-z]+\s+each\b(?!\s+(?:day|shift|hour|week|morning|time))") or int_after(low, r"\b(?:pull|pulls|inspect|inspects|"
                                                                            r"check|checks|test|tests|sample|samples)")
    if not n:
        raise HavocInputError(f"a {kind} chart from {source} needs the subgroup size (how many items in each "
                              "subgroup)", field="n")
    return n


_NUMBER = r"(\d+(?:\.\d+)?|\.\d+)"
# "we averaged 14.2 defective connectors per sample", "an average of 3.1 defects per board", "np-bar = 14.2",
# "c-bar is 4.5", "p-bar = 0.035", "u-bar = 0.8 per panel": the centre line itself
_AVERAGE_COUNT = re.compile(rf"\b(?:averag(?:e|ed|es|ing)|mean)\s+(?:of\s+|is\s+|was\s+|=\s*|about\s+|around\s+)*"
                            rf"{_NUMBER}\s+(?:[a-z-]+\s+){{0,2}}?(?:defectives?|defects?|nonconforming|non-conforming|"
                            rf"rejects?|failures?|flaws?|errors?|nonconformities|blemishes|bad)\b|"
                            rf"\b(np|c)[\s-]*(?:bar|̄)\s*(?:=|is|of|:|≈)\s*{_NUMBER}")
_AVERAGE_RATE = re.compile(rf"\b(p|u)[\s-]*(?:bar|̄)\s*(?:=|is|of|:|≈)\s*{_NUMBER}|"
                           # "average fraction nonconforming 0.042", "the proportion defective averaged 0.042"
                           rf"\b(?:averag(?:e|ed)|mean)\s+(?:fraction|proportion)\s+(?:non[\s-]?conforming|defective|"
                           rf"rejected|bad)\s*(?:of\s+|is\s+|was\s+|=\s*|:\s*|about\s+|around\s+)*(?P<p1>\d*\.\d+)\b|"
                           rf"\b(?:fraction|proportion)\s+(?:non[\s-]?conforming|defective|rejected|bad)\s+(?:has\s+)?"
                           rf"(?:averag(?:ed|es|e of)|(?:was|is) on average)\s*(?P<p2>\d*\.\d+)\b")


def _count_chart_from_average(q: str, low: str) -> list[Intent] | None:
    """"We inspect 400 connectors per shift … over the last 30 shifts we averaged 14.2 defective per sample. np-chart
    limits?" → the limits from the centre line (np̄, c̄, p̄ or ū) and the subgroup size; the counts are not given."""
    kind = chart_kind(low)
    if kind not in ("p", "np", "c", "u") or flat_lists(q) or tables(q):
        return None
    low = spell_numbers(low)
    count, rate = _AVERAGE_COUNT.search(low), _AVERAGE_RATE.search(low)
    if not count and not rate:
        return None
    periods = _PERIODS.search(low)
    k = int(periods.group(1)) if periods else 1
    n = _attribute_subgroup_size(low, kind, "its centre line") if kind != "c" else None
    fraction = rate and (rate.group("p1") or rate.group("p2"))
    if rate and ((kind, rate.group(1)) in (("p", "p"), ("u", "u")) or (fraction and kind == "p")):
        average, per = Decimal(fraction or rate.group(2)), "rate"
        total = average * n * k
    elif count and (count.group(2) is None or count.group(2) == kind) and kind in ("np", "c", "u") and not (
            kind == "u" and count.group(2) is None):
        average, per = Decimal(count.group(1) or count.group(3)), "count"
        total = average * k
    else:
        return None
    args: dict = {"chart": kind, "total": total, "subgroups": k}
    what = "average count per subgroup" if per == "count" else ("average proportion" if kind == "p" else
                                                               "average count per unit")
    notes = [f"{average}: the {what}, the centre line" + (f"; over {k} {periods.group(2)}, the total is {total}"
                                                           if periods else " (the limits depend only on it)")]
    if n is not None:
        args["n"] = n
        notes.append(f"{n}: the subgroup size")
    return [Intent("summary_chart", args, notes=notes)]


def _summary_chart(q: str, low: str) -> list[Intent] | None:
    """"After 25 hours of subgroups of 4 the grand average is 25.02 and the average range 0.21: X̄–R limits?" →
    limits from the summary figures, not from data that is not there."""
    grand = _first_value(_GRAND, q)
    r_bar, s_bar = _first_value(_R_BAR, q), _first_value(_S_BAR, q)
    if grand is None or (r_bar is None) == (s_bar is None) or not re.search(r"x[\s-]*bar|x̄|limits|control chart", low):
        return None
    n = _summary_subgroup_size(low)
    if not n or n < 2:
        raise HavocInputError("X̄ chart limits from summary figures need the subgroup size (how many parts in each "
                              "subgroup)", field="n")
    chart = "xbar_r" if r_bar is not None else "xbar_s"
    if chart == "xbar_s" and re.search(r"\br\s*chart|x[\s-]*bar\s*(?:and|-|/|&)\s*r\b", low) or \
            chart == "xbar_r" and re.search(r"\bs\s*chart|x[\s-]*bar\s*(?:and|-|/|&)\s*s\b", low):
        raise HavocInputError(f"the chart asked for does not match the spread given (an {'average range' if r_bar else 'average standard deviation'}): "
                              "an X̄–R chart takes R̄, an X̄–S chart s̄", field="chart")
    count = int_after(low, r"(?:last|from|after)\s+") if re.search(r"(?:last|from|after)\s+\d+\s+(?:subgroups|hours|"
                                                                    r"samples|days|shifts)", low) else None
    plain = re.search(r"\b(\d+)\s+subgroups\s+(?:of|x|×)\s+(?:n\s*=\s*)?\d", low)  # "30 subgroups of 6", "of n = 6"
    count = count or (int(plain.group(1)) if plain else None)
    args: dict = {"chart": chart, "n": n, "grand_mean": grand, ("r_bar" if r_bar is not None else "s_bar"):
                  r_bar if r_bar is not None else s_bar}
    if count:
        args["subgroups"] = count
    notes = [f"limits from summary figures: subgroups of {n}, the grand mean and {'R̄' if r_bar is not None else 's̄'} "
             "(the data themselves are not given, so no point can be judged)"]
    spec = re.search(rf"\b(?:spec(?:ification)?s?|tolerance)\b[^.;]{{0,20}}?({NUM})\s*(?:[a-zµ]{{1,3}}\s*)?(?:±|\+/-|\+-)\s*"
                     rf"({NUM})", q, re.I)
    if spec:  # "the spec is 74.000 ± 0.050 mm": what the parts must meet, never where the process's limits are
        notes.append(f"the specification {spec.group(1)} ± {spec.group(2)} is not used: control limits come from the "
                     "process, not from the drawing")
    return [Intent("summary_chart", args, notes=notes)]


# specification limits given in the question, and indices asked for against them
_SPEC_GIVEN = re.compile(r"\b(?:spec(?:ification)?s?|tolerance|lsl|usl)\b")
_INDICES = re.compile(r"\bind(?:ex|ices|exes)\b|\bhow (?:capable|well)\b.{0,40}\b(?:perform|meet)|"
                      r"performance (?:numbers|figures|metrics)")


def plan_spc(question: str) -> list[Intent] | None:
    q = re.sub(r"(?<=\d)\s*[–—]\s*(?=[-+]?\d)", " - ", question)
    low = q.lower()
    if re.search(r"independen|association|associated|contingency|chi[\s-]*squared?|goodness[\s-]*of[\s-]*fit|"
                 r"cross[\s-]*tab", low) \
            and not re.search(r"\b(?:p|np|c|u)[\s-]*chart|control chart", low):
        return None  # a test of independence on counts, not a chart of them
    asked = re.sub(r"\bcP\b", " ", q).lower()  # "viscosity (cP)": centipoise, not the index Cp
    # "sigma is 1.5 g from the capability study": where a figure came from, not a capability question
    asked = re.sub(r"\b(?:from|in|per|by)\s+(?:the|our|a|an|last|previous|recent|latest|\s)+capability\s+(?:study|studies|"
                   r"report|run|analysis)\b", " ", asked)
    if _SPEC_GIVEN.search(asked) and _INDICES.search(asked):
        asked += " capability"  # "spec 12.0 ± 0.5 … what indices do I get": capability indices
    capability_asked = re.search(r"capab|\bcp[kul]?\b|\bpp[kul]?\b|\bcpm\b", asked)
    if capability_asked and not flat_lists(q) and not tables(q) and not separated_rows(q):
        from_bars = _capability_from_bars(q, low)
        if from_bars:
            return from_bars
    # "the chart constants for n = 5"; a "constant sample size" is no request for them
    if re.search(r"\bconstants\b|\b(?:chart|spc|control[\s-]*chart)\s+constant\b|\bd2\b|\ba2\b|\bd3\b|\bd4\b|\bc4\b", low) \
            and not flat_lists(q) and not any(len(v) >= 3 for _, v in number_runs(q)) and \
            not (re.search(r"\b(?:ucl|lcl|limits?)\b", low) and re.search(r"\b(?:tabulated|table|standard|usual)\s+"
                                                                         r"(?:constants|a2|a3|d2|d3|d4|b3|b4|c4|e2)\b", low)) and \
            not (capability_asked and (tables(q) or separated_rows(q))):  # "Cpk, sigma from R-bar/d2": data given
        n = int_after(low, r"(?:subgroup size|sample size|n\s*=|n)", r"(?:sub)?groups? of", r"size") or int_before(low, r"(?:per subgroup|observations per)")
        if n:
            return [Intent("spc_constants", {"n": n})]

    summary = _summary_chart(q, low) or _count_chart_from_total(q, low) or _count_chart_from_average(q, low)
    if summary:
        return summary

    rules = "nelson" if "nelson" in low else "western_electric"
    exclude = _excluded_points(low)
    small_shift = small_shift_kind(low)  # EWMA / CUSUM: their own parameters and reading
    if small_shift:
        return plan_small_shift(q, small_shift, rules)

    if re.search(r"capab|\bcp[kul]?\b|\bpp[kul]?\b|\bcpm\b|within spec|meet(?:s)? spec", asked):
        lsl = value_after(q, "lsl", r"lower spec(?:ification)?(?: limit)?", "lower limit", r"min(?:imum)?\.?")
        usl = value_after(q, "usl", r"upper spec(?:ification)?(?: limit)?", "upper limit", r"max(?:imum)?\.?")
        # "spec 9.8 to 10.2", "spec on the spacer thickness is 5.90 to 6.10 mm", "tolerance 2.45 to 2.55 mm"
        spec = re.search(r"(?:spec(?:ification)?s?(?: limits?)?|tolerance(?: band| range| limits?)?|drawing limits?|"
                         r"(?<!control )\blimits are)(?:\s+(?:on|for)\s+(?:the\s+)?"
                         r"[a-z][a-z\s-]{0,40}?)?"
                         r"\s*(?:of|are|is|:|=)?\s*([-\d.]+)\s*(?:[a-zµ°%]{1,4}\.?\s*)?(?:and|to|-|,|/)\s*([-\d.]+)", low)
        if spec and lsl is None and usl is None:
            lsl, usl = numbers(spec.group(1))[0], numbers(spec.group(2))[0]
        # "spec 20 ± 0.5", "12.5 mm ± 0.05": a nominal and a tolerance, a unit between them or not
        plus_minus = re.search(rf"({NUM})\s*(?:[A-Za-zµ°]{{1,3}}\.?\s*)?(?:±|\+/-|\+-)\s*({NUM})", q)
        if plus_minus and lsl is None and usl is None:  # "spec 20 ± 0.5"
            centre, half = numbers(plus_minus.group(1))[0], numbers(plus_minus.group(2))[0]
            lsl, usl = centre - half, centre + half
            q = q[:plus_minus.start()] + " ; " + q[plus_minus.end():]
        target = value_after(q, "target", "nominal")
        args: dict = {}
        subgroup_note: list[str] = []
        table = tables(q)
        rest = blank_keyed(q, *_SPEC_KEYS)
        rows = [] if table else separated_rows(rest)  # "10.1 10.0 9.9 / 10.0 10.1 10.2 / …": subgroups
        size = int_after(low, r"subgroups? (?:of )?(?:size)?", r"subgroup size", r"in groups of", r"subgroups? of")
        if table and len(table[0]) >= 2 and len(table[0][0]) >= 2 and _one_run_wrapped(low, table[0]):
            args["data"] = [v for row in table[0] for v in row]
            subgroup_note = [f"{len(args['data'])} consecutive values wrapped over {len(table[0])} lines: one run, "
                             "not subgroups"]
        elif table and len(table[0]) >= 2 and len(table[0][0]) >= 2:
            args["subgroups"] = table[0]
        elif rows and (re.search(r"subgroup|sub-group|samples? of \d", low) or len(rows) >= 3) and not \
                _one_run_wrapped(low, rows):
            args["subgroups"] = rows
        else:
            data = flat_lists(rest)
            run = longest_run(rest)
            values = data[0] if data else (run or _data_after_keywords(rest))
            data = data or ([run] if run else [])  # a list or a run of numbers is data; stray numbers may not be
            if values and size and size >= 2 and re.search(r"subgroup|sub-group", low) and \
                    len(values) % size == 0 and len(values) >= 2 * size:
                args["subgroups"] = [values[i:i + size] for i in range(0, len(values), size)]
                subgroup_note = [f"{len(values)} values read in order as {len(values) // size} subgroups of {size} "
                                 "(σ within from R̄/d2)"]
            elif values and (data or len(values) >= 5):
                args["data"] = values
            elif values and re.search(r"\baverag\w*|\bmean\b", low):
                # "last week's 50 parts from cell 3 averaged 10.012": a count, a label and a mean, no spread
                raise HavocInputError("capability needs the spread: give the measurements, or a standard deviation "
                                      "(or R̄ with the subgroup size) beside the mean", field="sd")
        if not args:
            return None  # no measurements: nothing to compute, and a mean and sigma alone are not data
        if lsl is None and usl is None:
            return [Intent("capability", {**args, **({"lsl": lsl} if lsl is not None else {}),
                                          **({"usl": usl} if usl is not None else {})},
                           notes=["missing: " + ", ".join(n for n, v in (("data", args), ("spec limits", lsl or usl)) if not v)])]
        if lsl is not None:
            args["lsl"] = lsl
        if usl is not None:
            args["usl"] = usl
        if target is not None:
            args["target"] = target
        return [Intent("capability", args, notes=subgroup_note)]

    phase2 = _PHASE2.search(q)
    if phase2:
        return _plan_phase2(q, phase2, rules, exclude)
    return _plan_chart(q, low, rules, exclude)


# where the new data begins: "Phase II: …", "are these 5 new ones in control: …", "check the new readings …"
_PHASE2 = re.compile(r"\bphase\s*(?:ii|2)\b(?!\s*(?:limits?|chart))|(?:\b(?:these|the)\s+)?(?:\d+\s+)?\bnew\s+"
                     r"(?:ones?|readings?|points?|values?|counts?|samples?|subgroups?|data|measurements?|observations?|"
                     r"results?|parts?)\b", re.I)


def _plan_phase2(q: str, cue: re.Match, rules: str, exclude: list[int] | None) -> list[Intent] | None:
    """Phase I data sets the limits; the data after the cue is judged against them (the tool's phase II)."""
    before, after = q[:cue.start()], q[cue.end():]
    low = q.lower()
    intents = _plan_chart(before, low + " control chart", rules, exclude)  # new points judged: a chart's question
    if not intents:
        return None
    args = intents[0].args
    if args.get("subgroups") is not None:
        rows = separated_rows(after) or (tables(after)[0] if tables(after) else None)
        if not rows:
            flat = flat_lists(after)
            size = len(args["subgroups"][0])
            if flat and len(flat[0]) % size == 0:
                rows = [flat[0][i:i + size] for i in range(0, len(flat[0]), size)]
        if not rows:
            return None
        args["phase2_subgroups"] = rows
        count = len(rows)
    else:
        data = flat_lists(after)
        values = data[0] if data else longest_run(after, 1)
        if not values:
            return None
        args["phase2_counts" if args["chart"] in ("p", "np", "c", "u") else "phase2_values"] = values
        count = len(values)
        if args["chart"] in ("p", "np", "u") and len(set(map(str, args.get("sizes") or []))) != 1:
            del args["phase2_counts"]  # the tool needs one constant size to judge new points by
            intents[0].notes.append(f"the {count} new points are not charted: their sample sizes are missing")
            return intents
    intents[0].notes.append(f"phase I: the limits come from the first {_count(args)} points; phase II: the {count} "
                            "new points are judged against those limits, not used to compute them")
    return intents


def _count(args: dict) -> int:
    for key in ("subgroups", "values", "counts"):
        if args.get(key) is not None:
            return len(args[key])
    return 0


def _subgroup_chart(kind: str | None, size: int) -> tuple[str, list[str]]:
    """X̄-R unless X̄-S is asked for, or unless the subgroups are larger than 10, where the range wastes
    information and S is the usual choice (Montgomery §6.3)."""
    if kind in ("xbar_r", "xbar_s"):
        return kind, []
    if size > 10:
        return "xbar_s", [f"subgroups of {size} (> 10): an X̄-S chart, the usual choice for large subgroups"]
    return "xbar_r", [f"subgroups of {size}: an X̄-R chart"]


def _size_in_prose(low: str) -> int | None:
    """The subgroup size a sampling plan states: "pulls 5 consecutive shafts", "measures four consecutive pins"."""
    return int_after(low, r"(?:measur|sampl|tak|pull|check|weigh|select|pick|collect|draw|inspect|gaug)\w*\s+(?:the\s+)?"
                          r"(?=\d+\s+(?:consecutive\s+|successive\s+|random\s+)?[a-z])") or int_before(
        low, r"(?:consecutive|successive)\s+[a-z]+")  # in words: no data among them


def _plan_chart(q: str, low: str, rules: str, exclude: list[int] | None) -> list[Intent] | None:
    kind = chart_kind(low)
    in_control = re.search(r"in control|out of control|stable|control limits|control chart|spc|shewhart|run rules|nelson|western|"
                           r"subgroups?\b|sub-groups?\b|\bchart (?:the|these|this|them|it)\b|"
                           r"run[\s-]*chart|time[\s-]*series plot|trend chart", low)
    if kind is None and not in_control:
        return None
    args = {"rules": rules}
    if kind not in ("p", "np", "c", "u"):
        standards, q = known_standards(q)
        if standards:
            intents = _plan_chart(q, low, rules, exclude)
            if intents:
                intents[0].args.update(standards)
                intents[0].notes.append("known standards, not estimated from the data: " + ", ".join(
                    f"{'centre' if k == 'center' else 'σ'} {v}" for k, v in standards.items()))
            return intents
    table = tables(q)
    data = flat_lists(q)
    stream = _number_stream(q)
    if kind == "imr" and not data and table and len(table[0]) >= 2 and stream and \
            stream[:len(table[0][0])] == list(table[0][0]):
        # "one reading per batch (can't subgroup)" over lines of 8: an individuals chart of the stream, wrapped
        table, data = [], [stream]
    if exclude:
        args["exclude"] = exclude
    pairs = fraction_pairs(q, rates=kind == "u")
    if pairs and kind in ("p", "np", "u", None) and (kind or re.search(r"defect|nonconform|non-conform|reject|fail", low)):
        # "5/200, 8/200, …": counts against their sample sizes
        chart = kind or "p"
        args.update(chart=chart, counts=[a for a, _ in pairs], sizes=[b for _, b in pairs])
        notes = [] if kind else ["counts out of a sample size (count/size): a p chart of the proportion"]
        if chart == "np" and len({b for _, b in pairs}) > 1:
            args["chart"] = "p"
            notes.append("the sample sizes differ: a p chart, since an np chart needs one sample size")
        return [Intent("control_chart", args, notes=notes)]
    if kind in ("p", "np", "u"):  # "Roll lengths (m): 135, 199, …" and "Flaws found per roll: 30, 49, …": two named lists
        runs = [(m.group("name").split(".")[-1], [to_decimal(v) for v in re.findall(NUM, m.group("values"))])
                for m in re.finditer(rf"(?m)^(?P<name>[^:\n]{{2,80}}):\s*(?P<values>{NUM}(?:\s*[,;]\s*{NUM}){{2,}})\s*$", q)]
        sized = [r for r in runs if _SIZE_NAME.search(r[0])]
        if len(runs) == 2 and len(sized) == 1 and len(runs[0][1]) == len(runs[1][1]):
            counted = runs[1] if sized[0] is runs[0] else runs[0]
            args.update(chart=kind, counts=counted[1], sizes=sized[0][1])
            return [Intent("control_chart", args, notes=[f"the counts are '{counted[0].strip()}', the amounts inspected "
                                                         f"'{sized[0][0].strip()}'"])]
    if kind in ("p", "np", "c", "u"):
        counts = _counts(q)
        if not counts:
            return None
        args.update(chart=kind, counts=counts)
        if kind in ("p", "np", "u"):
            sizes = _sizes(q, len(counts), counts)
            if sizes is None:
                return [Intent("control_chart", args, notes=["missing: sample sizes"])]
            args["sizes"] = sizes
        return [Intent("control_chart", args)]
    size = int_after(low, r"subgroups? (?:of )?(?:size)?", r"subgroup size", r"in groups of", r"samples? of",
                     r"subgroups? of")
    if not (table and len(table[0][0]) >= 2) and not data:
        rows = separated_rows(q)  # "10.2 10.1 9.9 / 10.1 10.4 10.0 / …": one subgroup between separators
        if rows and (kind in ("xbar_r", "xbar_s") or re.search(r"subgroup|sub-group|samples? of \d", low)):
            table = [rows]
    wrapped = [v for row in table[0] for v in row] if table and len(table[0][0]) >= 2 else []
    stream = _number_stream(q)
    if wrapped and len(stream) > len(wrapped) and stream[:len(wrapped)] == wrapped:
        wrapped = stream  # the last, shorter line of a wrapped list ("… 8.42 8.43\n8.41 8.37 8.39 8.39") is data too
    if not size and kind in ("xbar_r", "xbar_s"):  # "every hour the operator measures 5 consecutive shafts"
        size = _size_in_prose(low)
    if wrapped and size and size >= 2 and size != len(table[0][0]) and len(wrapped) % size == 0 and \
            len(wrapped) >= 2 * size and kind in ("xbar_r", "xbar_s"):
        # "pulls 4 consecutive pieces … readings, oldest first:" over lines of 10: a list wrapped over lines, read in
        # time order as the stated subgroups
        chart, notes = _subgroup_chart(kind, size)
        notes.append(f"{len(wrapped)} values read in order as {len(wrapped) // size} subgroups of {size} (the lines "
                     "are how the list was wrapped)")
        args.update(chart=chart, subgroups=[wrapped[i:i + size] for i in range(0, len(wrapped), size)])
        return [Intent("control_chart", args, notes=notes)]
    if table and len(table[0][0]) >= 2:
        subgroups = table[0]
        chart, notes = _subgroup_chart(kind, len(subgroups[0]))
        if size and size != len(subgroups[0]):
            notes.append(f"subgroups of {len(subgroups[0])} as typed (the question says {size})")
        args.update(chart=chart, subgroups=subgroups)
        return [Intent("control_chart", args, notes=notes)]
    values = data[0] if data else _data_after_keywords(q)
    if not values:
        return None
    if (kind in ("xbar_r", "xbar_s") or re.search(r"subgroup|sub-group", low)) and size and size >= 2 \
            and len(values) % size == 0 and len(values) >= 2 * size:
        chart, notes = _subgroup_chart(kind, size)
        notes.append(f"{len(values)} values read in order as {len(values) // size} subgroups of {size}")
        args.update(chart=chart, subgroups=[values[i:i + size] for i in range(0, len(values), size)])
        return [Intent("control_chart", args, notes=notes)]
    if kind in ("xbar_r", "xbar_s"):  # never an individuals chart in place of the X̄ chart asked for
        said = f"subgroups of {size} do not divide {len(values)} values" if size else "no subgroup size is given"
        raise HavocInputError(f"an X̄ chart needs subgroups and {said}: say the subgroup size (e.g. 'subgroups of 5', "
                              "values in time order), or ask for an individuals (I-MR) chart", field="subgroups")
    args.update(chart="imr", values=values)
    notes = [] if kind == "imr" else ["individual values with no subgroups: an individuals (I-MR) chart"]
    if re.search(r"run[\s-]*chart", low):
        notes = ["a run chart with limits: the individuals (I-MR) chart, whose run rules are the run-chart tests"]
    return [Intent("control_chart", args, notes=notes)]
