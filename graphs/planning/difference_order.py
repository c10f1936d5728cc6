"""Which sample comes first, when the question says so: "t (new minus old)", "after − before", "M2 over M1".

A two-sample or paired test reads its samples in the order they are written; the difference (or the variance
ratio) it reports is first − second (first / second). When the question names the order it wants the other way
round, the samples are swapped and a one-sided alternative turns with them, so that the statistic reported is the
one asked for and the p-value is unchanged. The names are those the data were written under ("old formulation:
373, …", a column header, the two ends of "before -> after" pairs); a name is matched by itself or by its first word
when that word tells the two apart ("new minus old").
"""

from __future__ import annotations

import re
from decimal import Decimal

from graphs.planning.intent import Intent

_TWO_SAMPLE = ("t_test", "mann_whitney", "wilcoxon_signed_rank", "sign_test")
_MINUS = r"\s*(?:minus|−|–|-|less)\s*"
_OVER = r"\s*(?:over|/|divided by|÷)\s*(?:the\s+)?(?:variance\s+(?:of|for)\s+|var\s*\(\s*)?"
_FLIP = {"less": "greater", "greater": "less"}
# "(before -> after …): 159.9 -> 152.6": the pairs' own two names, first then second
_ARROW_NAMES = re.compile(r"\b([A-Za-z][\w]*)\s*(?:->|→|=>)\s*([A-Za-z][\w]*)")
_ARROW_PAIRS = re.compile(r"\d\s*(?:->|→|=>)\s*[-+]?\d")


def _forms(name: str, other: str) -> list[str]:
    """How the question may refer to a sample: its whole name, or its first word when that differs from the other's."""
    forms = [re.escape(name)]
    name, other = name.replace("_", " "), other.replace("_", " ")  # a column header: "gauge_B_mm"
    words, other_words = name.split(), other.split()
    differ = [i for i, (u, v) in enumerate(zip(words, other_words, strict=False)) if u.lower() != v.lower()]
    if words and other_words and words[0].lower() != other_words[0].lower() and len(words[0]) > 1:
        forms.append(re.escape(words[0]))
    elif len(words) > 1 and len(words) == len(other_words) and len(differ) == 1:
        # "batch A", "batch B": "B minus A"; "Plant West": "West minus East"; "gauge_B_mm": "B minus A"
        forms.append(re.escape(words[differ[0]]))
    return forms


# "is B's reject rate higher than A's?": the second sample is the subject of the comparison, so its difference is asked
_THAN = (r"(?:'s)?(?:\s+[\w-]+){0,4}?\s+(?:is\s+|are\s+|was\s+|were\s+|runs?\s+)?(?:significantly\s+|really\s+)?"
         r"(?:higher|greater|larger|bigger|more|lower|less|smaller|fewer|worse|better|faster|slower|quicker|longer|"
         r"shorter|heavier|lighter|stronger|weaker|cheaper|thicker|thinner)(?:\s*\([^()]{0,30}\))?\s+than\s+"
         r"(?:that\s+of\s+|those\s+of\s+|the\s+)?")


_CHANGE_VERBS = r"(?:reduc|lower|cut|increas|rais|improv|shorten|lengthen|boost)\w*\b"
_MORE = (r"longer|more|higher|greater|larger|bigger|heavier|slower|faster|quicker|lower|less|shorter|smaller|lighter|"
         r"stronger|weaker|better|worse")


def asks_second_first(question: str, first: str, second: str, *, ratio: bool = False) -> bool:
    """True when the question writes the difference (or, with ratio, the variance ratio) as second − first, or
    asks whether the second is higher (lower) than the first."""
    joint = _OVER if ratio else _MINUS
    for a in _forms(second, first):
        for b in _forms(first, second):
            if re.search(rf"(?<![\w-]){a}\)?{joint}{b}(?![\w])", question, re.I):
                return True
            if not ratio and re.search(rf"(?<![\w-]){a}{_THAN}{b}(?:'s)?(?![\w])", question, re.I) and \
                    not re.search(rf"(?<![\w-]){b}{_THAN}{a}(?:'s)?(?![\w])", question, re.I):
                return True
        # "my manager thinks line B's scrap rate is higher": the second sample the subject of a comparative, no "than"
        if not ratio and re.search(rf"(?<![\w-]){a}(?:'s)?(?:\s+[\w-]+){{0,3}}?\s+(?:is|are|was|were)\s+(?:really\s+|"
                                   rf"significantly\s+|actually\s+)?(?:higher|greater|larger|bigger|lower|smaller|worse|"
                                   rf"better)\b(?!\s+than)", question, re.I) and not re.search(
                rf"(?<![\w-]){b}(?:'s)?(?:\s+[\w-]+){{0,3}}?\s+(?:is|are|was|were)\s+(?:really\s+|significantly\s+|"
                rf"actually\s+)?(?:higher|greater|larger|bigger|lower|smaller|worse|better)\b", question, re.I):
            return True
        # "the supplier claims the new coating reduces wear": the second sample is the subject of the claim
        if not ratio and re.search(rf"\bclaim\w*\b[^.?!]{{0,30}}?(?<![\w-]){a}(?:\s+[\w-]+){{0,3}}?\s+(?:(?:does|do|will|"
                                   rf"would|should|can|really)\s+)?{_CHANGE_VERBS}", question, re.I):
            return True
        # "how much longer does the new procedure take?": the second sample is the subject of the difference asked
        if not ratio and re.search(rf"\bhow much (?:{_MORE})\s+(?:does|do|did|is|are|was|were|will)\s+(?:the\s+)?{a}"
                                   rf"(?![\w])", question, re.I):
            return True
    return False


def _names_of(question: str, x: list, y: list) -> tuple[str, str] | None:
    """The names the two samples were written under, in the order x, y."""
    from graphs.planning.extract import normalise_pasted
    from graphs.planning.nl_stats import _groups
    from graphs.planning.record_lines import named_lists_in_one_order

    question = named_lists_in_one_order(question)[0]  # "Before: Ana 88, … / After: Hana 93, …": plain lists
    question = normalise_pasted(question)[0]  # "| run | machine | cycle_s |": a long table, one group per machine
    if _ARROW_PAIRS.search(question):
        arrow = _ARROW_NAMES.search(question)
        return (arrow.group(1), arrow.group(2)) if arrow else None
    try:
        groups = _groups(question)
    except Exception:  # noqa: BLE001 - a reading that finds no names leaves the order alone
        return None

    def same(a: list, b: list) -> bool:
        return len(a) == len(b) and all(Decimal(str(u)) == Decimal(str(v)) for u, v in zip(a, b, strict=True))

    named = {}
    for name, values in groups:
        if same(values, x):
            named["x"] = name
        elif same(values, y):
            named["y"] = name
    if len(named) == 2 and not re.fullmatch(r"(?:sample|group) \d+", named["x"]):
        return named["x"], named["y"]
    return None


# "did the course increase the scores?": a rise from before to after, whose difference is after − before (positive
# when the claim holds); "did the treatment lower the values?" keeps before − after, positive for a fall
_CHANGE = re.compile(r"\b(?:increas|rais|rose|risen|lengthen|boost|(?:go|goes|gone|went)\s+up)\w*", re.I)
_BEFORE, _AFTER = re.compile(r"^(?:before|pre)\b", re.I), re.compile(r"^(?:after|post)\b", re.I)


def change_asked(question: str, first: str, second: str, paired: bool) -> bool:
    """Paired before/after values and a question about a rise: after − before, unless before − after is said."""
    return paired and bool(_BEFORE.search(first.strip()) and _AFTER.search(second.strip())) and \
        bool(_CHANGE.search(question)) and not re.search(rf"{re.escape(first)}{_MINUS}{re.escape(second)}", question,
                                                        re.I)


def with_asked_order(question: str, intents: list[Intent] | None) -> list[Intent] | None:
    """Swap the samples of a two-sample or paired test when the question asks for second − first."""
    for intent in intents or []:
        args = intent.args
        if intent.tool not in _TWO_SAMPLE or args.get("y") is None or not isinstance(args.get("x"), list):
            continue
        names = _names_of(question, args["x"], args["y"])
        paired = intent.tool != "mann_whitney" and args.get("kind", "paired") == "paired"
        if not names or not (asks_second_first(question, *names) or change_asked(question, *names, paired)):
            continue
        args["x"], args["y"] = args["y"], args["x"]
        if args.get("alternative") in _FLIP:
            args["alternative"] = _FLIP[args["alternative"]]
        intent.notes.append(f"the difference taken as {names[1]} − {names[0]}, as asked")
    return intents
