"""One table of wording cues and what each requires of the executed calls.

A cue is a phrase of the question that implies a feature of the plan: "paired"
needs a paired test, "don't assume equal variances" needs Welch (or a rank
test), "in 2 blocks" needs a blocked design, "Ppk" needs a capability study.
A cue whose requirement no call meets is reported as not honoured, with the
phrase that triggered it: the answer must then say what it did not compute.

Patterns run on the question lower-cased, with dashes and typographic quotes
normalised. Requirements look only at the calls (tool, arguments, output), never
at the planner, so the check is the same whoever wrote the plan.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from graphs.reading.calls import Call, key

NUM = r"[-+]?(?:\d+(?:\.\d+)?|\.\d+)"


@dataclass(frozen=True)
class Cue:
    name: str
    pattern: re.Pattern[str]
    requirement: str  # what the plan must do, in words (shown when it does not)
    honoured: Callable[[list[Call], re.Match[str]], bool]
    unless: re.Pattern[str] | None = None  # a phrase that cancels the cue ("not paired")
    applies: Callable[[list[Call]], bool] = lambda calls: True


def _c(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.I)


def _tools(calls: list[Call]) -> set[str]:
    return {c.tool for c in calls}


def _t_kinds(calls: list[Call]) -> set[str]:
    return {str(c.args.get("kind") or ("paired" if c.args.get("y") is not None and c.args.get("paired") else ""))
            for c in calls if c.tool == "t_test"}


RANK_TESTS = {"mann_whitney", "wilcoxon_signed_rank", "sign_test", "kruskal_wallis", "friedman"}
DOE_ANALYSES = {"doe_effects", "doe_anova", "rsm_fit", "doe_curvature", "anova_twoway"}
CAPABILITY = {"capability", "summary_capability"}
STATS_TESTS = {"t_test", "anova_oneway", "anova_twoway", "kruskal_wallis", "friedman", "mcnemar", "mann_whitney", "wilcoxon_signed_rank", "sign_test",
               "summary_t_test", "proportion_test", "chi_square", "levene", "variance_test", "correlation",
               "regression"}


def _paired(calls: list[Call], m: re.Match[str]) -> bool:
    if any(c.tool == "power" and c.args.get("test") == "paired_t" for c in calls):
        return True  # the sample size of a paired design
    if any(c.tool == "mcnemar" for c in calls):
        return True  # paired yes/no outcomes
    return "paired" in _t_kinds(calls) or any(
        c.tool in ("wilcoxon_signed_rank", "sign_test", "summary_t_test") and (c.args.get("y") is not None or
                                                                   c.args.get("kind") == "paired") for c in calls)


def _not_paired(calls: list[Call], m: re.Match[str]) -> bool:
    return "paired" not in _t_kinds(calls)


def _welch_anova(calls: list[Call]) -> bool:
    return any(c.tool == "anova_oneway" and c.args.get("welch") for c in calls)


def _welch(calls: list[Call], m: re.Match[str]) -> bool:
    if any(c.tool in RANK_TESTS for c in calls) or _welch_anova(calls):
        return True
    kinds = _t_kinds(calls) | {str(c.args.get("kind")) for c in calls if c.tool == "summary_t_test"}
    return "welch" in kinds or (bool(kinds) and "pooled" not in kinds and "anova_oneway" not in _tools(calls)
                                and kinds != {"one_sample"})


def _pooled(calls: list[Call], m: re.Match[str]) -> bool:
    summary = {str(c.args.get("kind")) for c in calls if c.tool == "summary_t_test"}
    two_proportions = any(c.tool == "proportion_test" and len(c.args.get("x") or []) == 2 for c in calls)
    return "pooled" in _t_kinds(calls) | summary or two_proportions or "anova_twoway" in _tools(calls) or any(
        c.tool == "anova_oneway" and not c.args.get("welch") for c in calls)


def _method(tool: str, method: str, default: str | None = None) -> Callable[[list[Call], re.Match[str]], bool]:
    """A call of `tool` with that `method` (a tool's default counts when the call names none)."""
    return lambda calls, m: any(c.tool == tool and (c.args.get("method") or default) == method for c in calls)


def _rank(calls: list[Call], m: re.Match[str]) -> bool:
    return bool(_tools(calls) & RANK_TESTS)


def _tool(*names: str) -> Callable[[list[Call], re.Match[str]], bool]:
    return lambda calls, m: bool(_tools(calls) & set(names))


def _one_sided(calls: list[Call], m: re.Match[str]) -> bool:
    return any(str(c.args.get("alternative", "")) in ("greater", "less") for c in calls)


def _reference(calls: list[Call], m: re.Match[str]) -> bool:
    """The stated value is what a one-sample test (or a capability target) holds the data against."""
    wanted = key(m.group("value"))
    for c in calls:
        for name in ("mu", "target", "p0", "value", "hypothesized", "center"):
            if key(c.args.get(name)) == wanted and wanted is not None:
                return True
        p0 = key(c.args.get("p0")) if c.tool == "proportion_test" else None
        if p0 is not None and wanted is not None and (p0 * 100).normalize() == wanted:
            return True  # "different from 25%": the proportion 0.25
        if c.tool in CAPABILITY or c.tool in ("control_chart", "run_rules", "regression", "power"):
            return True  # a nominal with specification limits, a known centre, a fitted value: not a test's mu
        if c.tool == "chi_square" and (c.args.get("expected") or c.args.get("probabilities")):
            return True  # "should be 50% / 30% / 20%": the proportions a goodness of fit holds the counts against
        if wanted is not None and (c.tool, wanted) in (("correlation", 0), ("variance_test", 1)):
            return True  # what these tests hold the data against: no correlation, a variance ratio of 1
    return False


def _corrected(wanted: bool) -> Callable[[list[Call], re.Match[str]], bool]:
    """Yates' continuity correction applied (or not) by the chi-square or proportion test."""
    def honoured(calls: list[Call], m: re.Match[str]) -> bool:
        tests = [c for c in calls if c.tool in ("chi_square", "proportion_test")]
        return not tests or any(bool(c.args.get("correction") or c.args.get("correct")) == wanted for c in tests)
    return honoured


def _ss_kind(m: re.Match[str]) -> int:
    word = (m.group("kind") or m.group("kind2") or "").lower().replace("type", "").strip()
    return {"sequential": 1, "hierarchical": 2, "adjusted": 3, "i": 1, "ii": 2, "iii": 3}.get(word) or int(word)


def _blocks(calls: list[Call], m: re.Match[str]) -> bool:
    return any(int(c.output.get("blocks") or c.args.get("blocks") or 1) > 1 for c in calls
               if c.tool == "doe_design") or any(c.args.get("blocks") for c in calls if c.tool in DOE_ANALYSES)


def _replicates(calls: list[Call], m: re.Match[str]) -> bool:
    return any(int(c.args.get("replicates") or c.output.get("replicates") or 1) > 1 for c in calls
               if c.tool == "doe_design") or bool(_tools(calls) & (DOE_ANALYSES | STATS_TESTS))


def _centre(calls: list[Call], m: re.Match[str]) -> bool:
    for c in calls:
        if c.tool == "doe_design" and (c.output.get("centre_points") or c.args.get("center_points")
                                       or c.args.get("design") in ("box_behnken", "central_composite")):
            return True
        if c.tool in DOE_ANALYSES or c.tool == "doe_properties":
            return True
    return False


def _exclusion(calls: list[Call], m: re.Match[str]) -> bool:
    """The named point is left out: the calls say so (`exclude`), or its value is no longer in the data."""
    if any(c.args.get("exclude") for c in calls):
        return True
    values = _excluded_values(m)
    data = Counter(key(v) for c in calls for name, v in _data_leaves(c))
    written = Counter(key(v) for v in re.findall(rf"(?<![\w.]){NUM}", m.string))
    if not values:
        # "leave out the warm-up shot (WU) and the calibration checks (CAL)": no value named, so left out means some
        # written value with the data's decimals is not among the data
        raw = re.findall(rf"(?<![\w.]){NUM}", m.string)
        places = Counter(len(v.split(".")[1]) if "." in v else 0 for v in raw if key(v) in data)
        if not places:
            return False
        common = places.most_common(1)[0][0]
        return common > 0 and any(written[key(v)] > data[key(v)] for v in raw
                                  if "." in v and len(v.split(".")[1]) == common)
    return bool(data) and all(data[v] < written[v] or data[v] == 0 for v in map(key, values))


_POSITION_WORDS = (r"\b(?:run|sample|point|row|day|batch|lot|item|unit|specimen|reading|obs(?:ervation)?|test|"
                   r"subgroup|no\.?)|#")


def _excluded_values(m: re.Match[str]) -> list[str]:
    """The value(s) of the point a phrase such as "drop 18.5", "leave run 5 out" or "S7 … leave it out" names."""
    text = m.string
    groups = m.groupdict()
    if groups.get("value"):
        position = re.search(rf"(?:{_POSITION_WORDS})\s*\d|\d(?:st|nd|rd|th)\b", m.group(0))
        return _row_of(text, groups["value"]) if position else [groups["value"]]
    if groups.get("pos"):
        return _row_of(text, groups["pos"])
    ends = [e.end() for e in re.finditer(r"[.?!](?:\s|$)|\n", text[:m.start()])]
    after = re.search(r"[.?!](?:\s|$)|\n", text[m.end():])
    sentence = text[(ends[-1] if ends else 0):m.end() + (after.start() if after else len(text))]
    named = re.findall(rf"(?<![\w.]){NUM}(?![\d.]|(?:st|nd|rd|th)\b)", sentence)  # "the 7th reading (52.6)": 7th no value
    if len(named) > 1:
        # "Run 7 happened during the power dip, so leave it out, and run 12 …, drop that one too": the clause the
        # phrase closes names its run
        start = (ends[-1] if ends else 0)
        head = text[start:m.end()]
        cut = max(head.rfind(", and "), head.rfind(";"))
        clause = head[cut + 1:] if cut >= 0 else head
        in_clause = re.findall(rf"(?<![\w.]){NUM}(?![\d.]|(?:st|nd|rd|th)\b)", clause)
        if len(in_clause) == 1:
            sentence, named = clause, in_clause
    if len(named) == 1:
        label = re.search(rf"(?:{_POSITION_WORDS})\s*#?\s*{re.escape(named[0])}(?![\d.])", sentence)
        return _row_of(text, named[0]) if label else named
    label = re.search(r"\b([a-z]{1,3}\d{1,3})\b", sentence)  # "s7 was taken …, leave it out"
    if label:
        line = re.search(rf"(?m)^\s*{label.group(1)}(?:\s*[:|,\t]|\s+)\s*(.*)$", text)  # "r7: dose=4.7 …", "b7  dose 3.9 …"
        if line:
            return re.findall(rf"(?<![\w.]){NUM}", line.group(1))
        value = re.search(rf"\b{label.group(1)}\s*[=:]\s*({NUM})", text)
        return [value.group(1)] if value else []
    return []


def _row_of(text: str, position: str) -> list[str]:
    """The measurements of row `position`: a line that starts with it ("5    30    44.0", "run 6: 71.0"), or the
    value written after a label with that number ("#7 241.9;", "run 6: 71.0")."""
    for line in text.split("\n"):
        m = re.match(rf"^\s*\|?\s*(?:[a-z]+\s*#?\s*|#)?{re.escape(position)}(?![\d.])\s*[:|,;\t ]\s*(.*)$", line)
        if m:
            found = re.findall(rf"(?<![\w.]){NUM}", m.group(1))
            if found:
                return found
    m = re.search(rf"(?:{_POSITION_WORDS})\s*#?\s*{re.escape(position)}(?![\d.])\s*[:=]?\s*({NUM})", text)
    if m:
        return [m.group(1)]
    # a table laid out sideways: "batch | 1041 | 1042 | …" over "cP | 309.1 | 312.9 | …": the cell below the id
    lines = text.split("\n")
    for i, line in enumerate(lines):
        cells = [c.strip() for c in re.split(r"\s*(?:\||\t)\s*", line.strip().strip("|"))]
        if len(cells) > 3 and re.fullmatch(rf"(?:{_POSITION_WORDS})s?", cells[0].lower()) and position in cells[1:]:
            below = next((ln for ln in lines[i + 1:] if re.search(r"\d", ln)), "")
            under = [c.strip() for c in re.split(r"\s*(?:\||\t)\s*", below.strip().strip("|"))]
            at = cells.index(position)
            if len(under) == len(cells) and re.fullmatch(NUM, under[at]):
                return [under[at]]
    # "Runs 1 to 8 gave 101, 100.6, …": the list numbers its runs, so run k is its k-th value
    from graphs.planning.dropped_values import _NUMBERED_LIST

    listed = _NUMBERED_LIST.search(text)
    if listed and position.isdigit():
        values = re.findall(NUM, listed.group("list"))
        if len(values) == int(listed.group("n")) and 1 <= int(position) <= len(values):
            return [values[int(position) - 1]]
    # two lists of one length (x and y, or paired readings): point k is the k-th value of each
    lists = [re.findall(NUM, r.group(0)) for r in re.finditer(rf"{NUM}(?:\s*,\s*{NUM}){{2,}}", text)]
    if len(lists) == 2 and len(lists[0]) == len(lists[1]) and position.isdigit() and 1 <= int(position) <= len(lists[0]):
        return [lists[0][int(position) - 1], lists[1][int(position) - 1]]
    return []


def _data_leaves(call: Call) -> list[tuple[str, object]]:
    from graphs.reading.calls import numeric_leaves

    out = []
    for name in ("data", "x", "y", "values", "subgroups", "groups", "counts", "response"):
        out += numeric_leaves(call.args.get(name), name)
    return out


def _chart(*kinds: str) -> Callable[[list[Call], re.Match[str]], bool]:
    # limits from summary figures (summary_chart) are the X̄–R or X̄–S chart asked for, without its points
    return lambda calls, m: any(c.tool in ("control_chart", "summary_chart") and str(c.args.get("chart")) in kinds
                                for c in calls)


def _capability_index(calls: list[Call], m: re.Match[str]) -> bool:
    return bool(_tools(calls) & CAPABILITY)


def _curvature(calls: list[Call], m: re.Match[str]) -> bool:
    """A curvature test or a second-order fit; for a question about the design alone, its centre points."""
    if bool(_tools(calls) & {"doe_curvature", "rsm_fit"}) or any("curvature" in c.output for c in calls):
        return True
    return _tools(calls) == {"doe_design"} and any(c.output.get("centre_points") for c in calls)


def _interaction(calls: list[Call], m: re.Match[str]) -> bool:
    return bool(_tools(calls) & {"anova_twoway", "doe_effects", "doe_anova", "rsm_fit", "doe_design",
                                 "doe_properties", "doe_curvature"}) or any(
        "interaction" in str(c.args.get("model", "")).lower() or "*" in str(c.args.get("model", "")) for c in calls
        if c.tool == "regression")


def _partial(calls: list[Call], m: re.Match[str]) -> bool:
    var = (m.groupdict().get("var") or "").strip()
    for c in calls:
        if c.tool != "differentiate":
            continue
        named = c.args.get("variable")
        names = named if isinstance(named, list) else [named]
        if not var or var in [str(n) for n in names]:
            return True
    return False


def _levels(calls: list[Call], m: re.Match[str]) -> bool:
    wanted = int(m.group("n"))
    for c in calls:
        if c.tool != "doe_design":
            continue
        coded = c.output.get("coded") or []
        counts = {len({round(float(v), 9) for v in col}) - (1 if any(abs(float(v)) < 1e-12 for v in col)
                                                              and c.output.get("centre_points") else 0)
                  for col in zip(*coded, strict=False)}
        if wanted in counts:
            return True
    return not any(c.tool == "doe_design" for c in calls)


def _subgroup(calls: list[Call], m: re.Match[str]) -> bool:
    wanted = int(float(m.group("n")))
    for c in calls:
        sizes = c.output.get("subgroup_sizes")
        if isinstance(sizes, list) and sizes and all(int(s) == wanted for s in sizes):
            return True
        if sizes == wanted or c.args.get("subgroup_size") == wanted:
            return True
        if c.args.get("sizes") == wanted or (isinstance(c.args.get("sizes"), list)
                                             and {int(s) for s in c.args["sizes"]} == {wanted}):
            return True
        groups = c.args.get("subgroups")
        if isinstance(groups, list) and groups and all(isinstance(g, list) and len(g) == wanted for g in groups):
            return True
    return not (_tools(calls) & {"control_chart", "capability"})


def _gof(calls: list[Call], m: re.Match[str]) -> bool:
    return any(c.tool == "chi_square" and c.args.get("observed") is not None for c in calls) or bool(
        _tools(calls) & {"proportion_test"})


def _independence(calls: list[Call], m: re.Match[str]) -> bool:
    return any(c.tool == "chi_square" and c.args.get("table") is not None for c in calls) or bool(
        _tools(calls) & {"proportion_test", "regression"})


def _uses_a_chart(calls: list[Call]) -> bool:
    return "control_chart" in _tools(calls)


def _any_test(calls: list[Call]) -> bool:
    return bool(_tools(calls) & (STATS_TESTS | {"describe", "normality"}))


_SPELLED = {"second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
            "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15}


def _factor_count(calls: list[Call], m: re.Match[str]) -> bool:
    token = m.group("n")
    wanted = _SPELLED.get(token) or int(token)
    designs = [c for c in calls if c.tool == "doe_design"]
    if m.groupdict().get("k"):  # "2 factors at three levels (and 1 at two)": that many factors with that many levels
        k = _SPELLED.get(m.group("k")) or int(m.group("k"))
        listed = [c for c in designs if any(f.get("levels") for f in c.output.get("factors") or [])]
        if listed:  # levels written out: count the factors with k of them (a two-level design lists none)
            return any(sum(len(f.get("levels") or []) == k for f in c.output["factors"]) == wanted for c in listed)
    return not designs or any(len(c.output.get("factor_names") or []) == wanted for c in designs)


def _resolution(calls: list[Call], m: re.Match[str]) -> bool:
    roman = {"iii": 3, "iv": 4, "v": 5, "vi": 6}
    text = (m.groupdict().get("r") or m.groupdict().get("r2") or "").lower()
    wanted = roman.get(text) or int(text)
    for c in calls:
        if c.tool != "doe_design":
            continue
        got = c.output.get("resolution")
        if got is None and "full" in str(c.output.get("design") or c.args.get("design")):
            return True  # a full factorial aliases nothing
        try:
            if got is not None and int(roman.get(str(got).lower(), got)) >= wanted:
                return True
        except (TypeError, ValueError):
            continue
    return False


def _design(*kinds: str) -> Callable[[list[Call], re.Match[str]], bool]:
    aliases = {"pb": "plackett_burman", "bbd": "box_behnken", "ccd": "central_composite"}

    def honoured(calls: list[Call], m: re.Match[str]) -> bool:
        return any(c.tool == "doe_design" and aliases.get(d := str(c.output.get("design") or c.args.get("design")),
                                                          d) in kinds for c in calls)
    return honoured


_NEG = (r"(?:don'?t|do not|does not|doesn'?t|not|cannot|can'?t|can not|without|no|never|shouldn'?t|should not|won'?t|"
        r"aren'?t|isn'?t|weren'?t|wasn'?t)(?: (?:want|wish|need|have|like|going) to)?")

CUES: tuple[Cue, ...] = (
    Cue("paired", _c(r"\bpaired\b|\bmatched[- ]pairs?\b|\bbefore\b[^.?!]{0,80}\bafter\b|\bsame (?:\d+ )?(?:parts|"
                     r"subjects|units|people|patients|operators|samples|specimens|panels|wafers|items|volunteers|"
                     r"participants|students|workers)\b|\bmeasured (?:twice|two times|by both|with both|on both)\b|"
                     r"\beach (?:part|subject|unit|person|patient|specimen|item) (?:was )?(?:measured|tested) "
                     r"(?:twice|by both|with both|on both)"),
        "a paired test (paired t-test or Wilcoxon signed-rank) on the differences", _paired,
        unless=_c(rf"\bunpaired\b|\bnot paired\b|\bindependent (?:samples?|groups?)\b|{_NEG} paired")),
    Cue("unpaired", _c(r"\bunpaired\b|\bnot paired\b|\bindependent (?:samples?|groups?)\b"),
        "a test for independent samples, not a paired test", _not_paired),
    Cue("unequal variances", _c(rf"{_NEG} (?:assum\w* |pool\w* )?(?:that )?(?:the )?(?:equal|same|common|homogeneous) "
                                rf"variances?|{_NEG} assum\w*\b[^.?!]{{0,40}}\b(?:equal|same|common) variances?|"
                                r"variances?[^.?!]{0,30}\bnot (?:be )?(?:taken|treated|assumed|considered|regarded)? ?"
                                r"(?:as |to be )?(?:equal|the same)|unequal variances?|variances? (?:are |may be |might be |could be )?"
                                rf"(?:different|unequal|not equal)|\bwelch\b|{_NEG} (?:assume|assuming) "
                                r"(?:that )?(?:the )?variances? (?:are )?(?:equal|the same)|"
                                # "please don't use the pooled-variance t-test", "the spreads are obviously not the same"
                                rf"{_NEG} (?:use|using|apply|run|go with) (?:the |a )?(?:classic(?:al)? )?pooled|"
                                rf"{_NEG} (?:give|show|want|report)\w* (?:me |us )?(?:the |a )?pooled|"
                                rf"{_NEG}\b[^.?!]{{0,25}}\bpooled|\b(?:scatters?|spreads?|varies|vary|scattering) more\b|"
                                r"\b(?:spreads?|variances?|variabilit\w*|scatter|sds|standard deviations) (?:are |is |look |"
                                r"looks |seem |seems )?(?:obviously |clearly |very |quite |rather )?(?:not the same|"
                                r"different|unequal|not equal)"),
        "Welch's t-test or ANOVA (or a rank test): the question rules out pooling the variances", _welch,
        applies=_any_test),
    Cue("equal variances", _c(r"(?<!not )(?<!n't )(?<!t )\bassum\w* (?:that )?(?:the )?(?:equal|same|common) "
                              r"variances?|\bpooled\b|\bstudent'?s t\b|(?<![\w-])equal[- ]variance t"),
        "a pooled (equal-variance) test, as the question says", _pooled,
        unless=_c(rf"{_NEG} (?:assum\w* |pool\w* )?(?:the )?(?:equal|same|common) variances?|"
                  rf"{_NEG} (?:(?:use|using|apply|run|go with) )?(?:be |the |a )?(?:classic(?:al)? )?pooled|"
                  # "don't give me the pooled version", "rather than the pooled one"
                  rf"{_NEG}\b[^.?!]{{0,25}}\bpooled|(?:rather than|instead of|not) (?:the |a )?pooled"),
        applies=_any_test),
    Cue("no normality", _c(r"non-?parametric|distribution[- ]free|rank[- ]based|"
                           rf"{_NEG} (?:safely )?(?:assum\w*|rely on|count on) (?:the )?(?:(?:data|differences|"
                           r"residuals|values|readings|measurements|times|scores) (?:are |is |to be )?)?"
                           r"(?:normal|normality|normally)|(?:aren'?t|are not|isn'?t|is not|not) normally distributed"
                           r"|skewed,? so|heavily skewed|nothing like normal|\bno t[- ]?tests?\b|don'?t use a t[- ]?test|"
                           r"(?:don'?t|do not) want anything (?:that )?assum\w* normal\w*"),
        "a rank test (Mann–Whitney, Wilcoxon signed-rank or Kruskal–Wallis): normality is not to be assumed",
        _rank, unless=_c(r"\b(?:is|are) (?:it|they|the data|this|these) normal(?:ly distributed)?\?|test (?:for|of) "
                         r"normality|check (?:for )?normality"), applies=_any_test),
    Cue("Mann–Whitney", _c(r"mann[- ]?whitney|wilcoxon rank[- ]sum|\brank[- ]sum\b|\bu[- ]test\b"),
        "the Mann–Whitney (Wilcoxon rank-sum) test", _tool("mann_whitney")),
    Cue("signed-rank", _c(r"signed[- ]rank"), "the Wilcoxon signed-rank test", _tool("wilcoxon_signed_rank")),
    Cue("sign test", _c(r"\bsign[- ]test\b"), "the sign test (the signs of the differences, exact binomial)",
        lambda calls, m: "sign_test" in _tools(calls) or any(  # or the signs already counted: a binomial test of ½
            c.tool == "proportion_test" and str(c.args.get("p0")) in ("0.5", "0.50") for c in calls)),
    Cue("Kruskal–Wallis", _c(r"kruskal"), "the Kruskal–Wallis test", _tool("kruskal_wallis")),
    Cue("Friedman", _c(r"\bfriedman"), "the Friedman test (ranks within blocks)", _tool("friedman")),
    Cue("McNemar", _c(r"\bmcnemar"), "McNemar's test (paired yes/no outcomes)", _tool("mcnemar")),
    Cue("Spearman", _c(r"spearman"), "Spearman's rank correlation", _method("correlation", "spearman")),
    Cue("Kendall", _c(r"kendall"), "Kendall's rank correlation (tau-b)", _method("correlation", "kendall")),
    Cue("Pearson", _c(r"\bpearson(?!'?s? chi)(?! chi)"), "Pearson's correlation", _method("correlation", "pearson", "pearson"),
        unless=_c(r"pearson'?s? (?:chi|χ)"), applies=lambda calls: "correlation" in _tools(calls)),
    Cue("Bartlett", _c(r"bartlett"), "Bartlett's test of equal variances", _method("variance_test", "bartlett")),
    Cue("F test of variances", _c(r"\bf[- ]?test\b[^.?!]{0,30}\b(?:variances?|standard deviations?|spreads?)\b|"
                                  r"variance[- ]ratio test|ratio of (?:the )?(?:two )?variances"),
        "the F test of two variances", _method("variance_test", "f", default="f"),
        # "don't use the ordinary F-test that pools the variances": the ANOVA F declined, no F test of variances asked
        unless=_c(rf"{_NEG}\b[^.?!]{{0,25}}\bf[- ]?test\b[^.?!]{{0,20}}\bpool")),
    Cue("Welch ANOVA", _c(r"welch'?s? (?:one[- ]way )?anova|welch'?s? analysis of variance|anova[^.?!]{0,40}\bwelch"),
        "Welch's one-way ANOVA", lambda calls, m: any(c.tool == "anova_oneway" and c.args.get("welch") for c in calls)
        or _rank(calls, m)),
    Cue("two-way ANOVA", _c(r"\b(?:two|2)[- ]?(?:way|factor) (?:anova|analysis of variance)"),
        "a two-way ANOVA", _tool("anova_twoway", "doe_anova")),
    Cue("sums of squares type", _c(r"\b(?P<kind>sequential|hierarchical|adjusted|type\s*(?:iii|ii|i|[123]))\s+"
                                   r"(?:\(type\s*\w+\)\s+)?(?:ss\b|sums?\s+of\s+squares)|\btype\s*(?P<kind2>iii|ii|i|[123])"
                                   r"\s*(?:ss\b|sums?\s+of\s+squares)"),
        "the sums of squares named (sequential, hierarchical or adjusted)", lambda calls, m: any(
            c.tool == "anova_twoway" and int(c.output.get("ss_type") or c.args.get("ss_type") or 0) == _ss_kind(m)
            for c in calls), applies=lambda calls: "anova_twoway" in _tools(calls)),
    Cue("normality test", _c(r"shapiro|anderson[- ]darling"), "a test of normality", _tool("normality")),
    Cue("Levene", _c(r"\blevene|brown[- ]forsythe"), "Levene's (Brown–Forsythe) test", _tool("levene")),
    Cue("Levene about the means", _c(r"levene'?s? original|deviations? from (?:the )?(?:group |sample )?means|"
                                     r"levene[^.?!]{0,40}\b(?:cent(?:er|re)d?|based) (?:at|on|about) (?:the )?means?"),
        "Levene's test about the group means (not the medians)",
        lambda calls, m: any(c.tool == "levene" and c.args.get("center") == "mean" for c in calls),
        applies=lambda calls: "levene" in _tools(calls)),
    Cue("Levene about the medians", _c(r"brown[- ]forsythe|median[- ]cent(?:er|re)d|levene[^.?!]{0,40}\b(?:cent(?:er|re)d?|"
                                       r"based) (?:at|on|about) (?:the )?medians?"),
        "Levene's test about the group medians (Brown–Forsythe), not the means",
        lambda calls, m: any(c.tool == "levene" and c.args.get("center", "median") == "median" for c in calls),
        applies=lambda calls: "levene" in _tools(calls)),
    Cue("continuity correction", _c(r"\byates|continuity[- ]correct\w*|corrected for continuity"),
        "Yates' continuity correction", _corrected(True),
        unless=_c(rf"{_NEG} (?:\w+ ){{0,2}}(?:yates|continuity)|uncorrected|without (?:the )?(?:yates|continuity)"),
        applies=lambda calls: bool(_tools(calls) & {"chi_square", "proportion_test"})),
    Cue("no continuity correction", _c(rf"{_NEG} (?:\w+ ){{0,2}}(?:yates|continuity[- ]correct\w*)|uncorrected|"
                                       r"without (?:the )?(?:yates|continuity)"),
        "no continuity correction", _corrected(False),
        applies=lambda calls: bool(_tools(calls) & {"chi_square", "proportion_test"})),
    Cue("exact binomial", _c(r"exact binomial|\bbinomial test"), "the exact binomial test (or the sign test's exact p)",
        lambda calls, m: any(c.tool == "proportion_test" and (c.args.get("method") == "exact" or (
            c.args.get("method") in (None, "auto") and len(c.args.get("x") or []) == 1)) or (
            c.tool == "sign_test" and c.args.get("method") != "normal") for c in calls)),
    Cue("Fisher exact", _c(r"fisher'?s? exact|fisher test"), "Fisher's exact test",
        _tool("proportion_test", "fisher_exact")),
    Cue("one-sided", _c(r"one[- ]sided|one[- ]tailed|upper[- ]tailed|lower[- ]tailed"),
        "a one-sided alternative", _one_sided),
    Cue("two-sided", _c(r"two[- ]sided|two[- ]tailed"), "a two-sided alternative",
        lambda calls, m: not _one_sided(calls, m),
        unless=_c(r"one[- ]sided|one[- ]tailed|upper[- ]tailed|lower[- ]tailed"), applies=_any_test),
    Cue("reference value", _c(rf"(?:(?:historic(?:al)?|usual|long[- ]run|typical|known|past|normal) (?:\w+ )?(?:rate|"
                              rf"proportion|percentage|fraction|yield)(?: is| was| of| =|:)?|"
                              rf"nominal(?: value)?|target(?: value)?|specified value|label(?:led)?(?: value| "
                              rf"claim)?|claim(?:ed|s)?|hypothesi[sz]ed (?:mean|value)|declared|advertised|certified"
                              rf"(?: value)?|reference value|(?:should|supposed to|meant to) be|differ(?:ent|s)? from"
                              rf"|compared? (?:it |them )?(?:to|with|against)|against|equal to|mu\s*=|μ\s*=|h0\s*:"
                              rf"\s*(?:mu|μ)?\s*=)\s*(?:of|is|=|:|at)?\s*(?:the )?(?:mean )?(?:of )?(?P<value>{NUM})(?![\d.])(?!\s*%\s*(?:level|significance|sig\b|alpha))"
                              r"(?!\s*(?:[,;]\s*\d|\s+\d))"),
        "a one-sample test of the mean against the stated value", _reference, applies=_any_test),
    Cue("exclusion", _c(rf"\bleav(?:e|ing) (?:it|that|this|them|those|(?:that |this |the )?(?:one|point|reading|value|"
                        rf"result|measurement|standard|sample)(?: point)?|(?:run|sample|point|reading|row|day) (?P<pos>{NUM}))"
                        rf" out\b|"
                        rf"\b(?:exclud\w*|drop(?:ping)?|remov\w*|leave out|leaving out|omit\w*|ignor\w*|disregard\w*|"
                        rf"throw out|without) (?:the |point |sample |subgroup |value |reading |observation |obs\.? |"
                        rf"#|no\.? )*(?P<value>{NUM})?(?:st|nd|rd|th)?\b(?:[^.?!]{{0,30}}\b(?:point|sample|"
                        rf"subgroup|value|reading|observation|outlier|measurement|batch|lot|day))?"),
        "the named point excluded before computing", _exclusion,
        unless=_c(r"(?:pressure|voltage|head|temperature) drop|drop[- ]test|\bties\b|(?:could not|couldn'?t|can'?t) tell|"
                  r"no preference|undecided|no change|unchanged|no difference|zero differences?|"
                  r"without (?:the )?(?:\d+ )?(?:cent|replic|block|interaction|intercept|randomi|an? |any |"
                  r"assum|pool|leaning|relying|depending|counting on)|remov\w* (?:the )?(?:intercept|interaction)|drop(?:ping)? (?:the )?"
                  r"(?:intercept|interaction)|without (?:a |any )|without \d+ (?:factor|run)|"
                  # "two cells are empty … just leave them out": the blanks, which no value fills
                  r"\b(?:empty|blank|missing)\b[^.?!]{0,80}?\bleave (?:them|those|it) out"),
        applies=lambda calls: bool(_tools(calls) & ({"control_chart", "capability", "describe", "normality"}
                                                      | STATS_TESTS))),
    Cue("blocks", _c(r"\bblock(?:s|ed|ing)?\b|\b(?:\d+|one|two|three|four|five|six|eight) runs? (?:per|a|each|in "
                     r"(?:one|a|each)) (?:day|shift|batch|session|load|week|morning|afternoon|oven load|furnace load)"
                     r"|(?:only|at most|max(?:imum)?|up to) (?:\d+|one|two|three|four|five|six|eight) runs? "
                     r"(?:per|a|each) (?:day|shift|batch|session|week)"
                     r"|\b(?:each|one|every|a single) (?:day|shift|batch|session|load|lot)\b[a-z ]{0,40}?"
                     r"\b(?:enough|good|sufficient|lasts?|covers?|allows?|holds?|fits?) (?:for )?(?:only |just )?"
                     r"\d+ runs?"),
        "a design run in blocks (block size from the capacity), not a fraction", _blocks,
        applies=lambda calls: "doe_design" in _tools(calls)),
    Cue("replicates", _c(r"\breplicat\w*|\bduplicates?\b|\btriplicates?\b|\b(?:twice|two times|three times) each\b|"
                         # "every combination gets run 2 times", "we'll run the whole fraction twice"
                         r"\b(?:run|done|repeated|performed)\s+(?:(?:the|it|this|whole|entire|full|fraction|design|"
                         r"experiment|set|all|everything)\s+){0,3}(?:twice|thrice|\d+\s+times|two times|three times)\b"
                         r"(?!\s+(?:a|per|each)\b)"),
        "replicated runs", _replicates, unless=_c(r"\b(?:single|one|1|un)[- ]?replicat"),
        applies=lambda calls: "doe_design" in _tools(calls)),
    Cue("centre points", _c(r"cent(?:er|re)[- ]?(?:points?|runs?|pts?)"),
        "centre points in the design (or their analysis)", _centre,
        applies=lambda calls: bool(_tools(calls) & ({"doe_design"} | DOE_ANALYSES))),
    Cue("capability index", _c(r"\bc\s?pk\b|\bp\s?pk\b|\bcpm\b|(?<!\d )(?<!\d)\bc\s?p\b(?![-.]?\d)|\bp\s?p\b(?![-.]?\d)|\bcapab\w*"
                               r"|\bsigma level\b|\bppm out of spec"),
        "a capability study (Cp, Cpk, Pp, Ppk)", _capability_index,
        unless=_c(r"\bcapab\w* of (?:the )?(?:tool|agent|havoc|you)\b|before (?:\w+ ){0,3}capab|\(cp\)|viscosit|"
                  # "sigma is 1.5 g from the capability study": where a figure came from, when no index is asked
                  r"(?s:^(?!.*\b(?:c\s?pk|p\s?pk|cpm|c\s?p|p\s?p)\b).*\b(?:from|in|per|by)\s+(?:the|our|a|an|last|previous|"
                  r"recent|latest|\s)+capability\s+(?:study|studies|report|run|analysis)\b)")),
    Cue("p chart", _c(r"\bp[- ]?chart\b|\bproportion (?:defective|nonconforming) chart"), "a p chart", _chart("p")),
    Cue("np chart", _c(r"\bnp[- ]?chart\b|number[- ](?:of[- ])?(?:nonconforming|defective)s?[- ]chart"), "an np chart",
        _chart("np")),
    Cue("c chart", _c(r"\bc[- ]?chart\b"), "a c chart", _chart("c")),
    Cue("u chart", _c(r"\bu[- ]?chart\b"), "a u chart", _chart("u")),
    Cue("x-bar chart", _c(r"x[- ]?bar|x̄"), "an X̄ chart of subgroup means (or what one was asked of it)",
        lambda calls, m: _chart("xbar_r", "xbar_s")(calls, m) or bool(_tools(calls) & (CAPABILITY | {"spc_constants"}))),
    Cue("I-MR chart", _c(r"\bi[- ]?mr\b|individuals? (?:and moving range )?chart|\bx[- ]?mr\b"),
        "an individuals (I-MR) chart", _chart("imr")),
    Cue("EWMA", _c(r"\bewma\b|exponentially weighted"), "an EWMA chart", _chart("ewma")),
    Cue("CUSUM", _c(r"\bcusum\b|cumulative sum chart"), "a CUSUM chart", _chart("cusum")),
    Cue("defects per unit", _c(r"defects? per (?:unit|panel|board|part|item|square|sq|m2|metre|meter|roll|car|100)|"
                               r"(?:defects?|flaws?|blemish\w*|scratch\w*|nonconformit\w*)[^.?!]{0,80}(?:varying|different|"
                               r"unequal|varied|not (?:all )?the same) (?:sizes?|areas?|lengths?|numbers? of units|units)|"
                               r"(?:count|number|size|length|area)s? (?:of \w+ )?(?:varies|vary|differs?)\b"
                               r"(?=[^?]{0,200}\b(?:defects?|flaws?|blemishes|scratches|nonconformities)\b)"),
        "a u chart (defects over varying amounts inspected)", _chart("u", "c"), applies=_uses_a_chart),
    Cue("defect counts", _c(r"\b(?:number|count)s? of (?:defects|flaws|scratches|blemishes|errors|nonconformities)\b|"
                            r"\bcount (?:every|each|all|the) (?:defects?(?!ive)|flaws?|blemish\w*|scratch\w*|errors?|"
                            r"nonconformit\w*)|"
                            r"\b(?:defects|flaws|scratches|blemishes|nonconformities) (?:per|on each|found on|counted)|"
                            r"\b(?:defect|flaw|scratch|blemish|nonconformity|pinhole|inclusion|bubble|void) counts\b"),
        "a c or u chart (counts of defects)", _chart("c", "u"), applies=_uses_a_chart),
    Cue("defectives", _c(r"\b(?:defective|nonconforming|rejected|failed|scrapped) (?:items|parts|units|pieces|"
                         r"bottles|boards)\b|\bfraction (?:defective|nonconforming)\b|\bnumber (?:of )?defective\b"),
        "a p or np chart (defective items out of those inspected)", _chart("p", "np"), applies=_uses_a_chart),
    Cue("curvature", _c(r"\bcurvature\b|\bcurved\b|\bquadratic effect"), "a curvature test or a second-order fit",
        _curvature, applies=lambda calls: bool(_tools(calls) & ({"doe_design"} | DOE_ANALYSES))),
    Cue("interaction", _c(r"\binteract(?:ion|ions|s)?\b"), "interaction terms in the model", _interaction,
        applies=lambda calls: bool(_tools(calls) & (DOE_ANALYSES | STATS_TESTS | {"doe_design"}))),
    Cue("partial derivative", _c(r"\bpartial\b|∂|with respect to (?P<var>[a-z])\b|\bw\.?r\.?t\.? (?P<var2>[a-z])\b"),
        "the derivative with respect to the variable named", _partial,
        applies=lambda calls: "differentiate" in _tools(calls)),
    Cue("N-level", _c(r"\b(?P<n>[2-9])[- ]levels?\b|\bat (?P<n2>[2-9]) levels\b"),
        "a design with that many levels per factor", lambda calls, m: _levels(calls, _Relabel(m))),
    Cue("subgroup size", _c(r"(?:subgroups?|samples?) (?:of size |of |size (?:of )?|sized |n\s*=\s*)(?P<n>\d+)\b"
                            r"(?!\s*(?:days|hours|weeks|subgroups|samples))|\b(?P<n2>\d+) (?:parts|units|items|pieces|"
                            r"samples|measurements|bottles|shafts) (?:every|each|per) (?:hour|shift|day|batch|lot|"
                            r"half[- ]hour|\d+ (?:min|minutes|hours))"),
        "subgroups of the stated size", lambda calls, m: _subgroup(calls, _Relabel(m)),
        applies=lambda calls: bool(_tools(calls) & {"control_chart", "capability"})),
    Cue("goodness of fit", _c(r"goodness[- ]of[- ]fit|\bfair\b|equally likely|\buniform(?:ly)?\b|expected "
                              r"(?:proportions?|ratio|percent|frequencies)|\bratio of \d|\d:\d+(?::\d+)+ ratio"),
        "a goodness-of-fit test against the stated proportions", _gof,
        applies=lambda calls: "chi_square" in _tools(calls)),
    Cue("rates of counts", _c(r"\b(?:pass|fail(?:ure)?|defect(?:ive)?|reject(?:ion)?|error|success|scrap|return|"
                              r"complaint|response|click|conversion)[- ]?rates?\b|\bproportions? (?:of |that )?"
                              r"(?:defective|failed|passed|good|bad|rejected)|\bfraction (?:defective|failed|good)"),
        "a test of proportions or counts (chi-square, a proportion test), not a comparison of means",
        _tool("chi_square", "proportion_test", "control_chart", "capability"),
        applies=lambda calls: bool(_tools(calls) & {"anova_oneway", "t_test", "kruskal_wallis", "describe",
                                                      "anova_twoway", "levene", "variance_test", "normality"})),
    Cue("independence", _c(r"\bindependen(?:t|ce)\b|\bassociat\w*|\brelated\b|contingency"),
        "a test of independence on the table", _independence,
        unless=_c(r"independent (?:samples|groups|variable)"),
        applies=lambda calls: "chi_square" in _tools(calls)),
    # what kind of computation the question names: a plan of another kind misread it
    Cue("matrix operation", _c(r"\bdeterminant\b|\bdet\s*\(|\bdet\s+of\b|\beigen\w*|\binverse of (?:the |this |that |a |my )?"
                               r"(?:\d\s*[x×]\s*\d )?(?:matrix|[a-z]\b)|\binvert (?:this|the|that|a|my)\b|(?<!\d )(?<!\d)\b[a-z]\s*\^\s*"
                               r"\(?-1\b|\b(?:rank|trace|transpose|rref|null\s?space) of (?:the |this |that )?(?:matrix|[a-z]\b)"),
        "the matrix computation named (determinant, inverse, eigenvalues …)", _tool("matrix", "solve")),
    Cue("system of equations", _c(r"\bsolve\b[^.?!]{0,40}\b(?:system|equations|simultaneous|for [a-z](?:\d|_\d)?"
                                  r"\s*(?:,|and)\s*[a-z])|\bsystem of (?:linear )?equations|simultaneous equations"),
        "solving the equations", _tool("solve", "matrix")),
    Cue("derivative order", _c(r"\b(?:(?P<n>\d+)(?:st|nd|rd|th)|(?P<w>second|third|fourth|fifth|sixth))[- ]+(?:order )?"
                               r"derivative"),
        "the derivative of the order named", lambda calls, m: any(
            c.tool == "differentiate" and int(c.args.get("order") or 1) == (
                int(m.group("n")) if m.group("n") else _SPELLED[m.group("w")]) for c in calls),
        applies=lambda calls: "differentiate" in _tools(calls)),
    Cue("derivative", _c(r"\bderivative|\bdifferentiat\w*|\bd/d[a-z]\b|\bd\^?2\w*/d[a-z]"),
        "the derivative", _tool("differentiate")),
    Cue("integral", _c(r"\bintegra(?:l|te|tion)\b|∫"), "the integral", _tool("integrate")),
    # "critical points of x^3 - 3x", "local extrema": the points where f' = 0, classified (a response surface's
    # stationary point is the same idea for a fitted model)
    Cue("critical points", _c(r"\b(?:critical|stationary|turning|saddle)\s+points?\b|\bextrema\b|\b(?:local|relative)\s+"
                              r"(?:max|min)\w*"),
        "the critical points, classified", _tool("extrema", "rsm_fit")),
    # "how many to estimate the mean to within ± 0.5": a precision to reach, not a difference to detect with power
    Cue("a precision to reach", _c(r"\bmargin\s+of\s+error\b|\bwithin\s*(?:±|\+/-|plus\s+or\s+minus)|\bhalf[\s-]*width\b|"
                                   r"\bno\s+wider\s+than\b"),
        "the sample size for that precision (HAVOC computed a power)", _tool("sample_size_ci"),
        applies=lambda calls: bool(_tools(calls) & {"power", "sample_size_ci"})),
    # "x^2", "sin(t)": a formula in a variable is maths (or a model to fit), never data to describe or test
    Cue("a formula", _c(r"(?<![a-z0-9_])[xyztuvw]\s*(?:\^|\*\*)\s*\(?[-\d]|\b(?:sin|cos|tan|exp|ln|log|sqrt)\s*\(\s*"
                        r"[xyztuvw]\s*[-+*/^)]"),
        "a computation on the formula (HAVOC read numbers instead)",
        _tool("differentiate", "integrate", "limit", "series", "summation", "simplify", "solve", "evaluate", "extrema",
              "matrix", "regression", "rsm_fit", "doe_design", "doe_effects", "doe_anova", "power"),
        applies=lambda calls: bool(_tools(calls) & (STATS_TESTS | {"describe", "normality", "control_chart",
                                                                   "capability"}))),
    # "Σ …", "sum of n^2/3^n for n = 1 to infinity", "the infinite series …": a sum over an index, not "sum of squares"
    Cue("sum of a series", _c(r"[Σ∑]|\b(?:infinite|geometric|telescoping)\s+series\b|\bsum(?:mation)?\b(?=[^.?!]{0,60}?"
                              r"\b[a-z]\s*(?:=|from|≥|>=)\s*[-+]?\d+)"),
        "the sum of the series", _tool("summation")),
    Cue("series expansion", _c(r"\b(?:taylor|maclaurin|laurent|power) (?:series|expansion|polynomial)|series expansion"),
        "the series expansion", _tool("series")),
    Cue("chi-square", _c(r"chi[- ]?squared?\b|χ²|\bchi2\b"), "a chi-square test",
        lambda calls, m: _tool("chi_square", "proportion_test", "variance_test", "kruskal_wallis")(calls, m) or any(
            c.tool == "mcnemar" and c.args.get("method") in ("corrected", "uncorrected") for c in calls),
        unless=_c(r"(?:instead of|rather than|not|no|than) (?:a |the )?chi|chi[- ]?squared? approximation"
                  r"|chi[- ]?squared? (?:distribution|critical)")),
    Cue("ANOVA", _c(r"\banova\b|analysis of variance"), "an analysis of variance",
        _tool("anova_oneway", "anova_twoway", "doe_anova", "regression", "rsm_fit", "doe_effects", "power"),
        unless=_c(r"(?:instead of|rather than|not|no|before|prior to|assumptions? (?:of|for)|than) (?:a |an |the |"
                  r"running |doing )?(?:one[- ]way |classic(?:al)? |usual |standard |ordinary )?(?:anova|analysis of "
                  r"variance)|anova assumption|anova[- ]style|welch|kruskal|rank"),
        applies=lambda calls: bool(_tools(calls) & (STATS_TESTS | {"describe", "normality"}))),
    Cue("t-test", _c(r"\bt[- ]?tests?\b|\bstudent'?s t\b|\bwelch'?s? t\b"), "a t-test",
        _tool("t_test", "summary_t_test", "power"),
        unless=_c(r"(?:instead of|rather than|not|no|than|nor) (?:a |an |the |just |plain |simple )?(?:paired |two[- ]sample "
                  r"|one[- ]sample |welch'?s? |student'?s )?t[- ]?test|t[- ]?test (?:is|would be) (?:wrong|inappropriate)"
                  r"|signed[- ]rank|mann|kruskal|wilcoxon|sign test|rank|before (?:i |we )?(?:run|do|use)\w* (?:a |the )?"
                  r"t[- ]?test|\bran (?:\w+ ){0,3}t[- ]?tests?"),
        applies=lambda calls: bool(_tools(calls) & (STATS_TESTS | {"describe", "normality"}))),
    Cue("regression", _c(r"\bregress\w*|least[- ]squares|\bline of best fit|\bfit (?:a |the )?(?:straight )?line\b|"
                         r"\bslope\b|\bintercept\b"),
        "a regression fit", _tool("regression", "rsm_fit", "correlation", "doe_effects", "doe_anova"),
        unless=_c(r"(?:without|no|drop(?:ping)?|remov\w*|through|zero) (?:the |an? )?intercept|(?:instead of|rather than|not) "
                  r"(?:a )?regress"),
        applies=lambda calls: bool(_tools(calls) & (STATS_TESTS | {"describe", "normality"}))),
    Cue("factor count", _c(rf"\b(?P<n>[2-9]|1[0-9]|{'|'.join(_SPELLED)})\s+(?:[a-z-]+\s+)?(?:factors|ingredients|"
                           r"variables|inputs|process parameters|parameters)\b"
                           rf"(?:\s*\(?\s*(?:each\s+)?(?:at|with|of|having|on)\s+(?P<k>\d+|{'|'.join(_SPELLED)})[\s-]*levels?\b)?"),
        "a design with that many factors", _factor_count,
        unless=_c(r"\bof (?:the|these|which|them)\b[^.?!]{0,20}\b(?:factors|variables)|\bout of\b"),
        applies=lambda calls: "doe_design" in _tools(calls)),
    Cue("fold-over", _c(r"\bfold[- ]?over|\bfoldover|\bmirror[- ]image (?:design|fraction|runs)"),
        "a fold-over of the design (HAVOC's designs have no fold-over)",
        lambda calls, m: any(c.output.get("foldover") for c in calls if c.tool == "doe_design"),
        applies=lambda calls: "doe_design" in _tools(calls)),
    Cue("runs saved", _c(r"\bruns? (?:does|do|would|will|is|are)? ?(?:it |that |the \w+ )?(?:save|saved|saving)|"
                         r"\bsav(?:e|es|ed|ing) (?:compared|against|relative|versus|vs|over)"),
        "the runs saved against the full design (HAVOC reports each design's runs, not the difference)",
        lambda calls, m: sum(c.tool == "doe_design" for c in calls) >= 2,
        applies=lambda calls: "doe_design" in _tools(calls)),
    Cue("full factorial", _c(r"\bfull[- ]factorial|\ball (?:the )?combinations|\bno fractions?\b"),
        "the full factorial (every combination), not a fraction", _design("full_factorial"),
        unless=_c(r"cube|axial|star points|central[- ]composite|box[- ]behnken|compared? (?:with|to)|than (?:the|a) full|"
                  r"instead of (?:the |a )?full|fraction of (?:the |a )?full|half of"),
        applies=lambda calls: "doe_design" in _tools(calls)),
    Cue("resolution", _c(r"\bresolution[- ](?P<r>iii|iv|vi|v|3|4|5|6)\b|\bres(?:olution)?\.? ?(?P<r2>iii|iv|vi|v)\b"),
        "a design of at least the stated resolution", lambda calls, m: _resolution(calls, m),
        applies=lambda calls: "doe_design" in _tools(calls)),
    Cue("Plackett–Burman", _c(r"plackett|\bburman\b"), "a Plackett–Burman design", _design("plackett_burman"),
        applies=lambda calls: "doe_design" in _tools(calls)),
    Cue("Box–Behnken", _c(r"box[- ]?behnken|\bbbd\b"), "a Box–Behnken design", _design("box_behnken"),
        applies=lambda calls: "doe_design" in _tools(calls)),
    Cue("central composite", _c(r"central[- ]composite|\bccd\b"), "a central composite design",
        _design("central_composite"), applies=lambda calls: "doe_design" in _tools(calls)),
)


class _Relabel:
    """A match whose number sits in either of two named groups (n or n2)."""

    def __init__(self, m: re.Match[str]):
        self._m = m

    def group(self, name: str) -> str:
        return self._m.group(name) or self._m.group(name + "2")


def normalise(question: str) -> str:
    return (question.lower().replace("’", "'").replace("‘", "'").replace("–", "-").replace("—", "-")
            .replace("−", "-"))


@dataclass(frozen=True)
class CueFinding:
    cue: Cue
    phrase: str
    honoured: bool


# a cue written after its own negation asks for nothing: "(student, not welch)", "not Pearson or Spearman",
# "don't use a t-test", "no replication", "instead of an ANOVA"
_NEGATED_BEFORE = re.compile(r"(?:\bnot|n't|\bno|\bnever|\bnor|\bwithout|\binstead of|\brather than)\s+(?:(?:a|an|the|any|"
                             r"use|using|run|do|apply|[\w'-]+ or|[\w'-]+,)\s+){0,3}$")


def _negated(text: str, m: re.Match[str]) -> bool:
    clause = re.split(r"[.;:?!()\n]", text[max(0, m.start() - 40):m.start()])[-1]
    return bool(_NEGATED_BEFORE.search(clause))


def find_cues(question: str, calls: list[Call]) -> list[CueFinding]:
    """Every cue of the question that matters for these calls, honoured or not (one finding per cue)."""
    from graphs.planning.extract import without_earlier_studies, without_estimator_formulas

    # what an earlier study did ("(from the 2019 capability study on 60 parts)") asks for nothing now, and a formula
    # written out for a statistic ("r1 = sum (x_t - xbar)…") says how to compute it, not which chart to draw
    text = normalise(re.sub(r"\(\s*(?:from|based on|estimated from|taken from)\b[^()]*\)", " ",
                            without_estimator_formulas(without_earlier_studies(question)), flags=re.I))
    found = []
    for cue in CUES:
        m = next((m for m in cue.pattern.finditer(text) if not _negated(text, m)), None)
        if m is None or (cue.unless is not None and cue.unless.search(text)) or not cue.applies(calls):
            continue
        if cue.name == "partial derivative":  # the variable may be named after "partial": find it anywhere
            named = re.search(r"with respect to (?P<var>[a-z])\b|\bw\.?r\.?t\.? (?P<var2>[a-z])\b|∂\s*/\s*∂\s*(?P<var3>[a-z])"
                              r"|\bd/d(?P<var4>[a-z])\b", text)
            var = next((g for g in (named.groups() if named else ()) if g), None)
            if var:
                m = re.search(rf"(?P<var>{var})", var)
        found.append(CueFinding(cue, m.group(0).strip(), bool(cue.honoured(calls, m))))
    return found
