"""Natural-language statistics questions → test, ANOVA, regression, summary intents."""

from __future__ import annotations

import math
import re
from decimal import Decimal

from graphs.planning.difference_order import asks_second_first
from graphs.planning.extract import (
    LEAVE_OUT,
    NUM,
    PRONOUN_OUT,
    _index_column,
    blank_keyed,
    bracket_lists,
    flat_lists,
    fraction_pairs,
    label_lists,
    line_table,
    longest_run,
    named_groups,
    number_runs,
    numbers,
    separated_rows,
    spell_numbers,
    tables,
    to_decimal,
    value_after,
)
from graphs.planning.intent import Intent
from graphs.planning.nl_proportion import plan_proportion
from graphs.planning.told_values import told_values
from tools.errors import HavocInputError

_CLAIMED_MEAN = re.compile(rf"(?:mean|average)(?: [a-z]+){{1,3}} of\s*({NUM})\s*[a-zµ%]*\s*"
                           r"(?:met|achieved|reached|satisfied|on target|true|correct)?\s*\?", re.I)


# what introduces a one-sample test's hypothesised mean ("mu = 5", "differ from 5", "more than 400"); the first
# three name it outright
MU_KEYS = ("mu", "μ", r"hypothesi[sz]ed mean(?: of)?", r"target(?: mean)?(?: of)?",
           # "nominal fill volume on this SKU is 500 ml": what it is the nominal of may follow
           r"nominal(?: [a-z]+){0,2}?(?: (?:on|for|of|in) (?:this|the|that|our|each|every|a) [a-z0-9-]+(?: [a-z0-9-]+)?)?"
           r"(?: value| mean)?"
           r"(?: of| is| =)?", r"label(?:led)?(?: [a-z]+)?(?: says| states| of| is| =)?",
           r"(?:certified|reference|standard)\s+(?:reference\s+)?(?:material|sample|standard|block|solution)"
           r"(?: value)?(?: is| of| =|:| reads)?", r"declared(?: value)?(?: of| is)?", r"advertised(?: value)?(?: of| is)?",
           r"(?:should|supposed to|meant to) (?:be|average|weigh)", r"specified value(?: of| is)?",
           # "Drawing says 10.00 mm", "the print calls for 25.0"
           r"(?:drawing|print|blueprint|data ?sheet|spec(?:ification)? sheet)(?: [a-z]+)?"
           r"(?: says| calls for| specifies| gives| states| shows| =| is|:)",
           r"(?:certified|reference|accepted|true|known) value(?: of [\w ]{0,40}?)?(?: is| =|:)?",
           r"(?:mean|average) (?:is|equal to|equals|=)", r"equal to", r"against", r"differ(?:s|ent|ed)? from", r"exceed",
           r"(?:greater|more|larger|higher|less|lower|smaller) than", r"above", r"below")


def _two_sample_alternative(low: str, first: str, second: str) -> str:
    """The alternative for x − y when the question says which group should be higher/lower.

    "old … versus new … is the new one higher?" claims new > old, i.e. x − y < 0: the
    comparative word is read against the group named just before it.
    """
    side = _alternative(low)
    if side == "two-sided":
        return side
    word = re.search(f"{_GREATER_WORDS}|{_LESS_WORDS}", low) or (
        re.search(f"{_MORE_VERBS}|{_LESS_VERBS}", low) if _ONE_SIDED.search(low) or CLAIMED_DIRECTION.search(low)
        else None)
    head = low[:word.start()] if word else low
    own = {w for w in re.findall(r"[a-z]\w*", first.lower())} ^ {w for w in re.findall(r"[a-z]\w*", second.lower())}
    last_first = max((head.rfind(w) for w in re.findall(r"[a-z]\w*", first.lower()) if w in own), default=-1)
    last_second = max((head.rfind(w) for w in re.findall(r"[a-z]\w*", second.lower()) if w in own), default=-1)
    if last_second > last_first:
        return "less" if side == "greater" else "greater"
    return side


def correlation_side(low: str) -> str:
    """"one-sided for a positive correlation": the sign of the association is the direction."""
    if re.search(r"one[\s-]*(?:sided|tailed)|direction|only care", low):
        if re.search(r"\bpositive(?:ly)?\b|\bincreas\w*\b|\bgo(?:es)? up together", low):
            return "greater"
        if re.search(r"\bnegative(?:ly)?\b|\binverse(?:ly)?\b", low):
            return "less"
    return _alternative(low)


def paired_alternative(low: str, first: str, second: str) -> str:
    """The alternative for first − second of paired values: "did the treatment lower the values?" is about after
    against before, so with (before, after) it is before − after > 0."""
    if re.search(r"before|pre\b", first.lower()) and re.search(r"after|post\b", second.lower()) and \
            _alternative(low) != "two-sided":
        return "greater" if _alternative(low) == "less" else "less"
    return _two_sample_alternative(low, first, second)


# "the previous nominal of 505 g no longer applies", "the label used to say 505 g": a value set aside, never the one
# the mean is tested against
_SUPERSEDED = re.compile(rf"\b(?:old|previous|former|earlier|outdated|original|superseded|obsolete|prior)\s+(?:[a-z]+\s+)"
                         rf"{{0,2}}?(?:nominal|target|label|spec(?:ification)?|value|mean|standard|claim)\s*(?:value\s*)?"
                         rf"(?:was|of|is|=|:|at)?\s*{NUM}|\bused to (?:say|be|read|state|claim)\s*{NUM}", re.I)


_TARGET_AFTER = re.compile(rf"\bthe\s+({NUM})\s*(?:[a-zµ°%]{{1,4}}\s+)?(?:target|nominal|spec(?:ification)? value|"
                           r"label(?:led)? value)\b", re.I)


# "is the new coating harder than the old one": a physical comparative names a direction; "faster", "better",
# "cheaper" do not (a faster jig has the lower time, a better rate may be the lower one)
_MORE_THAN = r"(?:harder|stronger|heavier|thicker|longer|wider|taller|tougher|stiffer|hotter|denser) than"
_LESS_THAN = r"(?:softer|weaker|lighter|thinner|shorter|narrower|cooler|colder) than"
# verbs that name a direction, read only where the question says the test is one-sided
_ONE_SIDED = re.compile(r"one[\s-]*(?:sided|tailed)")
_LESS_VERBS = (r"\bcut\b|\bcuts\b|\breduc(?:e|es|ed|ing)\b|\bshorten(?:s|ed)?\b|\blowered\b|"
               r"\b(?:gone|go|goes|going|went|come|came|comes) down\b|\bdropped\b|\bfallen\b|\bfell\b")
_MORE_VERBS = (r"\braise[sd]?\b|\bboost(?:s|ed)?\b|\blengthen(?:s|ed)?\b|"
               r"\b(?:gone|go|goes|going|went) up\b|\brisen\b|\brose\b|\bclimbed\b")
# "the supplier claims the new coating reduces wear": a claim of a direction, tested one-sided
CLAIMED_DIRECTION = re.compile(rf"\b(?:claim(?:s|ed)?|promis(?:es|ed)|says?|assert(?:s|ed)?)\b[^.?!]{{0,60}}?(?:{_MORE_VERBS}|"
                               rf"{_LESS_VERBS})")
# ("does the new coating last longer?", "is the new bond stronger?": comparatives of size, life and strength)
# ("how much longer does it take?" asks for an estimate, not a direction)
_GREATER_WORDS = (rf"greater|larger|higher|more than|increase|exceed|above|{_MORE_THAN}|(?<!no )(?<!how much )"
                  r"\b(?:longer|stronger|heavier|thicker|bigger)\b")
_LESS_WORDS = (rf"\bless\b|\bsmaller|\blower|\bfewer|decrease|below|{_LESS_THAN}|(?<!how much )"
               r"\b(?:shorter|weaker|thinner)\b")


# "torque in N·m below", "the readings above:": a pointer to where the data sit, not a direction
_LOCATOR = re.compile(r"\b(?:above|below)(?=\s*(?:[:;,.)—–-]|\n|$|please\b|pls\b|thanks\b|\())|"
                      r"\b(?:listed|shown|given|see|as|data|readings|values|results|tables?|figures|numbers|measurements|"
                      r"lists?|columns?|rows?|ones|sets?|samples?|series|entries|pairs) (?:just )?(?:above|below)\b")


# "two-sided p (twice the smaller tail)", "the larger variance on top": how a p or a statistic is formed, not a side
_TAIL_CONVENTION = re.compile(r"\b(?:twice|double|2\s*[x×*]) (?:the )?(?:smaller|lower|larger|minimum|min)\b[^.;)]{0,30}"
                              r"|\b(?:smaller|lower|larger|greater) (?:of the two )?tails?\b|\blarger variance (?:on top|in the "
                              r"numerator)|"
                              # "report W as the smaller rank sum", "U as the smaller of U1 and U2": which statistic
                              r"\b(?:smaller|larger|lower|greater|min(?:imum)?|max(?:imum)?) (?:of the (?:two )?)?"
                              r"(?:rank[\s-]*sums?|signed[\s-]*rank sums?|sums? of ranks|[a-z][+\-₊₋]?\d?\s+and\s+"
                              r"[a-z][+\-₊₋]?\d?|u statistics?|two u'?s|t\+ and t-)\b")


def regression_degree(low: str) -> int:
    """The polynomial degree a question asks for: "quadratic", "degree 3", "3rd-order", or a model written out
    ("fit y = b0 + b1*x + b2*x^2", "response = b0 + b1*dose + b2*dose^2")."""
    degree = 2 if "quadratic" in low or re.search(_BENDS, low) else 3 if "cubic" in low else 1
    # "degree 3", "order 3", "3rd degree", "third-order", "degree three"
    m = re.search(rf"(?:degree|order)\s+(\d+|{_ORDINAL_WORDS})\b|\b(\d+|{_ORDINAL_WORDS})(?:st|nd|rd|th)?[\s-]+"
                  r"(?:degree|order)\b", low)
    if m:
        word = m.group(1) or m.group(2)
        return int(word) if word.isdigit() else _ORDINALS[word]
    # (not the R^2 asked for after the model: "fit resp = a + b*dose: slope, intercept and R^2")
    model = re.search(r"\b[a-z_]\w*\s*=\s*[^.?!\n=:;,]*?\b(?!r\b)[a-z_]\w*\s*(?:\^|\*\*)\s*([23])\b|"
                      r"\b[a-z_]\w*\s*=\s*[^.?!\n=:;,]*?\b(?!r\b)[a-z_]\w*([²³])", low)
    if model:
        return {"²": 2, "³": 3}.get(model.group(2) or "") or int(model.group(1))
    return degree


# "H1: mu > 50", "H1 rate > 0.3", "Ha: p < 0.05", "alternative: mean ≠ 10": the alternative written as a relation
_H1 = re.compile(r"\b(?:h[1a₁]|alternative(?:\s+hypothesis)?)\s*[:=]?\s*(?:[^<>≠=.;?!\n]{0,25}?)\s*"
                 r"(?P<op>>=?|<=?|≥|≤|≠|!=|<>|is greater than|is less than|is (?:not|different)\b)", re.I)
# "the lower confidence bound", "upper spec limit": which end of an interval or a spec, not a direction
_BOUND_WORDS = re.compile(r"\b(?:lower|upper)\s+(?:one[\s-]*sided\s+)?(?:\d+\s*%\s+)?(?:(?:confidence|clopper[\s-]*pearson|"
                          r"wilson|spec(?:ification)?)\s+)?(?:bound|limit|end|tail|quartile|fence)s?\b|"
                          r"\b(?:lower|upper)\s+(?:\d+\s*%\s+)?(?:confidence|clopper|wilson)\b", re.I)


def stated_h1(low: str) -> str | None:
    """The side of an alternative written as a relation ("H1 rate > 0.3": greater), or None."""
    m = _H1.search(low)
    if not m:
        return None
    op = m.group("op").lower()
    if op in (">", ">=", "≥", "is greater than"):
        return "greater"
    if op in ("<", "<=", "≤", "is less than"):
        return "less"
    return "two-sided"


def verb_side(low: str) -> str | None:
    """The side the first direction verb names ("cut", "gone up", "raises"), or None when there is none."""
    verb = re.search(f"{_MORE_VERBS}|{_LESS_VERBS}", low)
    if not verb:
        return None
    return "less" if re.fullmatch(_LESS_VERBS, verb.group(0)) else "greater"


def _alternative(low: str) -> str:
    low = _BOUND_WORDS.sub(" ", _LOCATOR.sub(" ", _TAIL_CONVENTION.sub(" ", low)))
    stated = stated_h1(low)
    if stated:
        return stated
    if re.search(r"two[\s-]*(?:sided|tailed)", low) and not re.search(r"one[\s-]*(?:sided|tailed)", low):
        return "two-sided"  # said in so many words: a direction word elsewhere describes, it does not ask
    if re.search(_GREATER_WORDS, low):
        return "greater"
    if re.search(_LESS_WORDS, low):
        return "less"
    if _ONE_SIDED.search(low) or CLAIMED_DIRECTION.search(low):
        # "one-sided: did the new layout cut cycle time?", "the supplier claims the new coating reduces wear": a verb
        # names the direction
        side = verb_side(low)
        if side:
            return side
    # "we only care whether packs are underfilled": one direction named as the only concern
    only = re.search(r"\bonly\b[^.?!]{0,40}\b(under|over)[\s-]?(?:fill|weight|size|dos)", low)
    if only:
        return "less" if only.group(1) == "under" else "greater"
    return "two-sided"


_AT_LEAST = r"at least|no less than|not less than|minimum(?: of)?|min\.?|≥|>="
_AT_MOST = r"at most|no more than|not more than|maximum(?: of)?|max\.?|(?:must |should |does |do )?not exceed|≤|<="
_REQUIRED = r"requirements?|required|specification|spec|specified|standard|threshold|criterion|limit"
_UNIT_TOKEN = (r"(?:[-\s]?(?!(?:vs|versus|and|or|the|is|are|was|to|of|against|with|for|by|in|on|at|as|a|an)\b)"
               r"(?:[A-Za-zµ°Ω%][\w/°%²³]{0,7})\.?)?")
# "can we claim the mean is greater than 50 N": a value the mean is claimed to clear, one-sided
_ABOVE = r"(?:is |be |are )?(?:above|greater than|more than|higher than|exceeds?|exceeding)"
_BELOW = r"(?:is |be |are )?(?:below|less than|lower than|under)"
_REQ_BEFORE = re.compile(rf"(?<![\w.])(?P<key>{_AT_LEAST}|{_AT_MOST}|(?:{_REQUIRED})(?: of| is| =|:)?|"
                         rf"(?<=mean )(?:strength |value |level )?{_ABOVE}|(?<=mean )(?:strength |value |level )?{_BELOW})"
                         r"\s*(?:the\s+)?"
                         rf"(?P<num>{NUM})"
                         rf"(?![\w.]*\d)", re.I)
_REQ_AFTER = re.compile(rf"(?<![\w.])(?P<num>{NUM})\s*{_UNIT_TOKEN}\s+(?P<key>minimum|maximum|min|max|"
                        rf"(?:upper |lower )?(?:{_REQUIRED})|or (?:more|higher|above|less|lower|below))\b", re.I)
# "logged every 10 min", "after 30 min": minutes, not a minimum
_MINUTES = re.compile(r"\b(?:every|each|per|after|for|within|in|over|about|around|takes?|took)\s*$", re.I)
_MEETS = r"\bmeets?\b|\bmeeting\b|\bmet\b|satisf|compl[yi]|\bpass|achiev|fulfil|conform|\bokay\b|\bok\b|acceptable"


def reference_mean(question: str) -> tuple[object, str, list[str], tuple[int, int]] | None:
    """A required value the mean is held against: "the 400 MPa requirement", "at least 400", "must not exceed 50
    ppm" → (value, alternative, notes, span of the text to drop from the data).

    A minimum ("at least", "minimum", "or more") gives H1 mean > value; a maximum ("at most", "not exceed",
    "maximum") H1 mean < value. A requirement to *meet* without either word is read as a minimum (a strength,
    a yield), and the notes say so; a bare "limit" with no direction is tested two-sided.
    """
    low = question.lower()
    m = next((a for a in _REQ_AFTER.finditer(question) if not _MINUTES.search(question[:a.start()])
              or a.group("key").lower() != "min"), None) or _REQ_BEFORE.search(question)
    if not m:
        return None
    key = m.group("key").lower()
    mu = to_decimal(m.group("num"))
    notes: list[str] = []
    said = _alternative(low)
    before = low[max(0, m.start() - 80):m.start()]
    if re.search(r"\b(?:claim\w*|says?|said|states?|stated|certif\w*|guarantee\w*|promis\w*|advertis\w*|"
                 r"asserts?|insists?|insisted|maintains?|assures?|assured|swears?|swore)\b", before) and not re.search(_MEETS, low[m.end():]) and \
            not re.search(r"\b(?:can|could|may|might|to|we|i)\s+(?:\w+\s+)?(?:claim|say|state|certify)\b", before):
        # ("can we claim the mean is above 12": our own claim to establish, H1 as stated)
        # "the cert says the mean is at least 50": a claim to be tested, so the evidence sought is against it
        if re.search(_AT_LEAST + r"|or (?:more|higher|above)|" + _ABOVE, key) or re.search(r"\bat least\b", low):
            return mu, "less", [f"a claimed minimum of {_number_text(mu)} put to the test: H0: mean ≥ "
                                f"{_number_text(mu)}, H1: mean < {_number_text(mu)} (evidence against the claim)"], \
                m.span()
        if re.search(_AT_MOST + r"|or (?:less|lower|below)|" + _BELOW, key) or re.search(r"\bat most\b", low):
            return mu, "greater", [f"a claimed maximum of {_number_text(mu)} put to the test: H0: mean ≤ "
                                   f"{_number_text(mu)}, H1: mean > {_number_text(mu)} (evidence against the claim)"], \
                m.span()
    if re.search(_AT_MOST + r"|or (?:less|lower|below)|upper|" + _BELOW, key) or re.search(r"\bnot exceed|\bat most\b", low):
        alternative = "less"
        notes.append(f"{_number_text(mu)} is a maximum: one-sided test, H1: mean < {_number_text(mu)} "
                     "(evidence that the mean is below it)")
    elif re.search(_AT_LEAST + r"|or (?:more|higher|above)|lower|" + _ABOVE, key) or re.search(r"\bat least\b", low):
        alternative = "greater"
        notes.append(f"{_number_text(mu)} is a minimum: one-sided test, H1: mean > {_number_text(mu)} "
                     "(evidence that the mean is above it)")
    elif said != "two-sided":
        alternative = said
        notes.append(f"one-sided test as asked: H1: mean {'>' if said == 'greater' else '<'} {_number_text(mu)}")
    elif re.search(_MEETS, low) and not re.search(r"\blimit\b", key):
        alternative = "greater"
        notes.append(f"a requirement to meet, read as a minimum: one-sided test, H1: mean > {_number_text(mu)} "
                     f"(if {_number_text(mu)} is a maximum, say 'at most {_number_text(mu)}')")
    else:
        alternative = "two-sided"
        notes.append(f"no direction given for {_number_text(mu)}: two-sided test, H1: mean ≠ {_number_text(mu)}")
    return mu, alternative, notes, m.span()


def _number_text(value) -> str:
    return format(value, "f")


_CONF_PHRASE = re.compile(r"(?:\d{2}(?:\.\d+)?\s*(?:%|percent|per cent)\s*(?:two[\s-]*sided\s+)?(?:confidence|ci\b|level)|"
                          r"(?:confidence(?: level)?|\bci)\s*(?:of|=|:|at|is)?\s*\d{2}(?:\.\d+)?\s*(?:%|percent))", re.I)


def without_confidence(q: str) -> str:
    """`q` with its "95% confidence" phrase cut out, so the level is not read as one more data point."""
    return _CONF_PHRASE.sub(" ; ", q)


def confidence_args(q: str) -> dict:
    """"95% confidence", "99 % CI", "confidence level of 90%", "CI at 99%", "a 95 percent confidence interval"."""
    # ("a 99% (not 95) two-sided confidence interval": an aside in brackets between the level and its noun)
    m = (re.search(r"(?<![\d.])(\d{1,2}(?:\.\d+)?)\s*(?:%|percent|per cent)\s*(?:\([^()]{0,25}\)\s*)?(?:two[\s-]*sided\s+)?"
                   r"(?:confiden(?:ce|t)|ci\b|level|sure)", q, re.I)
         or re.search(r"(?:confidence(?: level)?|\bci)\s*(?:of|=|:|at|is)?\s*(\d{2}(?:\.\d+)?)\s*(?:%|percent)", q, re.I))
    if not m:
        return _alpha_as_confidence(q)
    level = float(m.group(1))
    if 0 < level <= 20 and re.search(r"level", m.group(0), re.I):  # "at the 1% level": a significance level
        return {"confidence": round(1 - level / 100, 10)} if level != 5 else {}
    return {"confidence": level / 100} if 50 <= level < 100 else {}


def _alpha_as_confidence(q: str) -> dict:
    """"test at alpha = 0.01", "significance level 1 %": the level of the test, carried as the confidence 1 − α of
    the interval beside it (the tools take a confidence; ARGUE and the reading say α from it)."""
    m = re.search(rf"(?:\balpha|α|significance(?: level)?|sig\.? level)\s*(?:=|:|of|is|at)?\s*({NUM})\s*(%|percent)?", q,
                  re.I)
    if not m:
        return {}
    alpha = float(m.group(1)) / (100 if m.group(2) else 1)
    return {"confidence": round(1 - alpha, 10)} if 0.0001 <= alpha <= 0.2 and alpha != 0.05 else {}


ALPHA_PHRASE = re.compile(rf"(?:\balpha|α|significance(?: level)?|sig\.? level)\s*(?:=|:|of|is|at)?\s*{NUM}", re.I)


def _long_format_groups(q: str) -> list[tuple[str, list]] | None:
    """One factor's level per observation beside one response per observation ("supplier (Osprey, Merlin, Osprey
    …), tensile: 405.5, 423.9, 406.2 …", a long table as pasted): the response split by level, levels in the order
    they first appear."""
    factors = label_lists(q)
    if len(factors) != 1:
        return None
    items = factors[0][1]
    rest = re.sub(r"[(\[]\s*" + r"\s*,?\s*".join(re.escape(i) for i in items) + r"\s*[)\]]", " ; ", q, count=1)
    candidates = [v for v in flat_lists(rest) if len(v) == len(items)] or \
        [v for _, v in number_runs(rest) if len(v) == len(items)]
    if len(candidates) != 1:
        return None
    groups: dict[str, list] = {}
    for level, value in zip(items, candidates[0], strict=True):
        groups.setdefault(level, []).append(value)
    return list(groups.items()) if len(groups) >= 2 else None


def _groups(q: str) -> list[tuple[str, list]]:
    q = ALPHA_PHRASE.sub(" ; ", q)  # "alpha 0.05" is the level of the test, not a data point
    long = _long_format_groups(q)
    if long:
        return long
    groups = named_groups(q)
    runs = number_runs(q)
    if len(groups) >= 2:
        named_runs = [(name, values) for name, values in runs if name]
        if len(named_runs) > len(groups) and len({name for name, _ in named_runs}) == len(named_runs) and \
                sum(len(v) for _, v in named_runs) > sum(len(v) for v in groups.values()):
            # "A: 1 2 3, B: 4 5 6, C 7 8 9": the last group has no colon; every run of numbers is a group
            return named_runs
        return list(groups.items())
    lists = flat_lists(q)
    if len(lists) >= 2:
        return [(f"group {i + 1}", v) for i, v in enumerate(lists)]
    nested = [v for v in bracket_lists(q) if all(isinstance(r, list) for r in v)]
    if nested and len(nested[0]) >= 2:
        return [(f"group {i + 1}", g) for i, g in enumerate(nested[0])]
    table = line_table(q)
    if table and table.header:  # a pasted sheet: one column per group, names on top
        return list(zip(table.header, table.columns(), strict=True))
    if len(runs) >= 2 and all(name for name, _ in runs) and len({name for name, _ in runs}) == len(runs):
        return runs
    if len(runs) >= 2 and all(len(values) >= 2 for _, values in runs):
        return [(f"sample {i + 1}", values) for i, (_, values) in enumerate(runs)]
    lines = [numbers(line) for line in q.splitlines()]
    lines = [ln for ln in lines if len(ln) >= 2]
    if len(lines) >= 2:
        return [(f"group {i + 1}", v) for i, v in enumerate(lines)]
    return []


_ORDINALS = {"first": 1, "one": 1, "second": 2, "two": 2, "third": 3, "three": 3, "fourth": 4, "four": 4, "fifth": 5,
             "five": 5}
_ORDINAL_WORDS = "|".join(_ORDINALS)
_SUMMARY_KEYS = (r"(?:sample |observed |measured )?(?:mean|average)", r"(?:sample )?standard deviation", r"std\.? ?dev",
                 r"\bs\.?d\.?", r"sigma", "σ", r"sample size", r"\bn", r"variance", r"standard error", r"\bse")


def _mean_bound(low: str) -> str | None:
    """"a number we can be 95 % confident the true mean does not exceed", "a lower confidence bound for the mean":
    the one-sided bound asked for, or None."""
    if not re.search(r"confiden|bound|sure", low):
        return None
    if re.search(r"upper (?:confidence )?bound|(?:does not|doesn't|won't|will not|would not|not) (?:go )?(?:exceed|go above|"
                 r"rise above)|one[\s-]*sided upper", low):
        return "upper"
    if re.search(r"lower (?:confidence )?bound|(?:does not|doesn't|won't|will not|would not|not) (?:fall|drop|go) below|"
                 r"one[\s-]*sided lower", low):
        return "lower"
    return None


def _told_if_longer(text: str, values: list) -> list:
    """The values told sentence by sentence in one unit, when they hold more than the run already read."""
    told = told_values(text)
    return told if len(told) > len(values) and all(v in told for v in values) else values


def _blank_summaries(text: str) -> str:
    """`text` without "mean 10.2", "standard deviation was 0.3", "n = 25": a key with one number after it (a key
    followed by a list, "mean of 12.1, 11.8, …", introduces the data and stays)."""
    keys = "|".join(_SUMMARY_KEYS)
    return re.sub(rf"(?<![\w])(?:{keys})\s*(?:=|:|of|is|was|were)?\s*{NUM}(?!\s*[,;]?\s*[-+−]?\.?\d)", " ; ", text,
                  flags=re.I)


_NUMBERED = re.compile(r"(?:group|sample) \d+\Z")


def _group_names(names: list[str]) -> list[str] | None:
    """The names the user gave the groups, for the tool's tables; None where the planner numbered them.

    A sentence can run into the first name ("compare suppliers A: ..., B: ..."): a name with more
    words than any other group's keeps only as many of its last words as the longest other name.
    """
    names = [" ".join(str(n).split()) for n in names]
    if len(names) < 2 or not all(names) or all(_NUMBERED.match(n) for n in names):
        return None
    tidy = []
    for i, name in enumerate(names):
        width = max(len(other.split()) for j, other in enumerate(names) if j != i)
        tidy.append(" ".join(name.split()[-width:]))
    for candidate in (tidy, names):
        if len({n.lower() for n in candidate}) == len(candidate):
            return candidate
    return None


def _chart_words(low: str) -> bool:
    return bool(re.search(r"\b(?:p|np|c|u)[\s-]*chart|control|defective|nonconform|non-conform|fraction defective|"
                          r"in control|stable|monitor|spc|subgroups?\b", low))


def _count_table(q: str) -> list[list] | None:
    """Rows of counts for a test of independence: bracketed lists of one length ("day [10, 20, 30], night [20, 20,
    20]"), or named runs of one length ("men: 30 20, women: 18 32")."""
    lists = flat_lists(q)
    if len(lists) >= 2 and len({len(v) for v in lists}) == 1 and len(lists[0]) >= 2:
        return lists
    groups = [v for v in named_groups(q).values()]
    if len(groups) >= 2 and len({len(v) for v in groups}) == 1:
        return groups
    rows = separated_rows(q)
    return rows or None


def _plan_two_way(q: str, low: str) -> list[Intent] | None:
    """Two-way ANOVA: a response with two factors' levels, one per observation ("yield by catalyst (A, A, B, B)
    and temperature (low, high, low, high): 20, 24, 22, 28")."""
    if not re.search(r"two[\s-]*(?:way|factor)|2[\s-]*(?:way|factor)|\banova\b|analysis of variance|interaction", low):
        return None
    factors = label_lists(q)
    if len(factors) != 2 or len(factors[0][1]) != len(factors[1][1]):
        return _two_way_grid(q, low) or _two_way_cells(q, low)
    n = len(factors[0][1])
    rest = q
    for _, items in factors:  # the levels are not data
        rest = re.sub(r"[(\[]\s*" + r"\s*,?\s*".join(re.escape(i) for i in items) + r"\s*[)\]]", " ; ", rest, count=1)
    candidates = [v for v in flat_lists(rest) if len(v) == n] or [v for _, v in number_runs(rest) if len(v) == n]
    if len(candidates) != 1:
        return None
    (name_a, a), (name_b, b) = factors
    args: dict = {"y": candidates[0], "a": a, "b": b}
    notes = []
    cells = {}
    for i, j in zip(a, b, strict=True):
        cells[(i, j)] = cells.get((i, j), 0) + 1
    if len(set(a)) < 2 or len(set(b)) < 2:
        return None
    if max(cells.values()) == 1:
        args["interaction"] = False
        notes.append("one observation per cell: no error term for an interaction, so the additive model (main "
                     "effects only)")
    elif re.search(r"no interaction|without (?:the )?interaction|additive (?:model|anova|fit)|main effects only", low):
        args["interaction"] = False
    for key, name in (("factor_a", name_a), ("factor_b", name_b)):
        if _dsl_name(name) and name.lower() != (name_b if key == "factor_a" else name_a).lower():
            args[key] = name.lower()
    # levels written as numbers ("160, 180" degrees) are names of levels, read as such, not data set aside
    levels = [m.group(1) for m in (re.fullmatch(r"([-+]?\d+(?:\.\d+)?)\s*(?:°?[A-Za-z%]{1,4})?", str(v)) for v in (*a, *b))
              if m]  # "160", "180C", "2.5%": a level's number
    return [Intent("anova_twoway", args, notes=notes, read=[Decimal(v) for v in levels])]


def _two_way_grid(q: str, low: str) -> list[Intent] | None:
    """A grid with one factor's levels down the side and the other's across the top, each cell the response or its
    replicates ("70.9 / 70.7"):

        Temp \\ Catalyst |  C1          |  C2
        160 °C          | 70.9 / 70.7  | 72.2 / 72.5

    read as a two-way layout when the question asks for one ("two-way", "interaction")."""
    if not re.search(r"two[\s-]*(?:way|factor)|2[\s-]*(?:way|factor)|interaction", low):
        return None
    rows = []
    for line in q.split("\n"):
        if re.fullmatch(r"[\s|:+=-]*", line) or not re.search(r"\S", line):
            continue
        cells = [c.strip() for c in (line.strip().strip("|").split("|") if line.count("|") >= 2 else
                                     re.split(r"\t|\s{2,}", line.strip()))]
        if len(cells) >= 3:
            rows.append(cells)
    header = next((r for r in rows if not any(re.fullmatch(rf"{NUM}(?:\s*(?:/|,|;)\s*{NUM})*", c) for c in r[1:])), None)
    if header is None:
        return None
    body = rows[rows.index(header) + 1:]
    width = len(header)
    cell = re.compile(rf"{NUM}(?:\s*(?:/|,|;|\s)\s*{NUM})*")
    if len(body) < 2 or any(len(r) != width or not all(cell.fullmatch(c) for c in r[1:]) for r in body):
        return None
    reps = {len(re.findall(NUM, c)) for r in body for c in r[1:]}
    y, a, b = [], [], []
    for r in body:
        for level, c in zip(header[1:], r[1:], strict=True):
            for v in re.findall(NUM, c):
                y.append(to_decimal(v))
                a.append(r[0])
                b.append(level)
    names = re.split(r"\s*(?:\\|/|×|\bx\b|\bvs\.?\b|\bby\b)\s*", header[0].strip()) if header[0].strip() else []
    args: dict = {"y": y, "a": a, "b": b}
    if reps == {1} or re.search(r"no interaction|without (?:the )?interaction|additive (?:model|anova|fit)|main effects only",
                                low):
        args["interaction"] = False
    if len(names) == 2:
        for key, name in (("factor_a", names[0]), ("factor_b", names[1])):
            if _dsl_name(name.lower()):
                args[key] = name.lower()
    levels = [m.group(1) for m in (re.match(r"([-+]?\d+(?:\.\d+)?)", str(v)) for v in a) if m]
    return [Intent("anova_twoway", args, read=[Decimal(v) for v in dict.fromkeys(levels)],
                   notes=[f"a grid: {len(body)} levels down the side ({', '.join(r[0] for r in body)}) by {width - 1} "
                          f"across the top ({', '.join(header[1:])})" + (f", {max(reps)} readings per cell" if
                                                                         max(reps) > 1 else "")])]


def _two_way_cells(q: str, low: str) -> list[Intent] | None:
    """"C1/T1: 71.4, 71.5, 69.7", "C1/T2: …": each group named by a level of each factor, every pair of levels
    present; a two-way layout when the question asks for it ("two-way", "interaction")."""
    if not re.search(r"two[\s-]*(?:way|factor)|2[\s-]*(?:way|factor)|interaction", low):
        return None
    groups = _groups(q)
    if len(groups) < 4:
        return None
    parts = [re.split(r"\s*[/×*|]\s*|\s+x\s+|\s+", name.strip()) for name, _ in groups]
    if any(len(p) != 2 for p in parts):
        return None
    levels_a, levels_b = list(dict.fromkeys(p[0] for p in parts)), list(dict.fromkeys(p[1] for p in parts))
    if len(levels_a) < 2 or len(levels_b) < 2 or {tuple(p) for p in parts} != {(x, y) for x in levels_a for y in levels_b} \
            or len(parts) != len(levels_a) * len(levels_b):
        return None
    y = [v for _, values in groups for v in values]
    a = [p[0] for p, (_, values) in zip(parts, groups, strict=True) for _ in values]
    b = [p[1] for p, (_, values) in zip(parts, groups, strict=True) for _ in values]
    args: dict = {"y": y, "a": a, "b": b}
    if re.search(r"no interaction|without (?:the )?interaction|additive (?:model|anova|fit)|main effects only", low) or \
            all(len(values) == 1 for _, values in groups):
        args["interaction"] = False
    # the factors' names from the question: "Catalyst (C1, C2) by temperature setting (T1, T2, T3)"
    for key, levels in (("factor_a", levels_a), ("factor_b", levels_b)):
        named = re.search(r"\b([A-Za-z][\w-]*)(?:\s+[a-z]+)?\s*\(\s*" + r"\s*,\s*".join(map(re.escape, levels)) + r"\s*\)", q)
        if named and _dsl_name(named.group(1)):
            args[key] = named.group(1).lower()
    return [Intent("anova_twoway", args, notes=[f"groups named by a level of each factor ({groups[0][0]} …): a "
                                                f"{len(levels_a)} × {len(levels_b)} two-way layout"])]


# a response that bends ("flattens out at the top", "capture that curvature"): a quadratic, not a straight line
_BENDS = (r"(?:flatten|level|tail|taper)s? off|flattens? out|bend(?:s|ing)? (?:over|down|up)|plateau|"
          r"captur\w* (?:that|the|this) (?:curv\w*|bend)|curved (?:line|fit|relationship)")


def _named_response(low: str, names: list[str]) -> int | None:
    """Which of `names` the question makes the response: "regress Y on …", "regression of Y on …", "how does Y
    depend on …", "Y as a function of …", "Y vs …"."""
    short = [re.sub(r"\s*\(.*\)\s*$", "", n).strip().lower() for n in names]
    for pattern in (r"regress(?:ion)?\s+(?:of\s+)?(.+?)\s+(?:on|against|versus|vs)\b", r"(?:does|do|will)\s+(?:the\s+)?(.+?)\s+"
                    r"(?:depend|change|vary|increase|decrease)", r"(.+?)\s+as a function of", r"predict\s+(?:the\s+)?(.+?)(?:\s+from|$)",
                    r"model\s+(?:the\s+)?(.+?)\s+(?:with|from|using|on|as|in terms of)\b"):
        m = re.search(pattern, low)
        if m:
            said = m.group(1).strip().split()[-1:] or [""]
            for i, name in enumerate(short):
                if name and (name == said[0] or said[0] in re.split(r"[_\s]+", name)):  # "flow" names "flow_lpm"
                    return i
    return None


def _response_first(low: str, header: list[str]) -> bool:
    return _named_response(low, header) == 0


def _multiple_regression(q: str, low: str) -> list[Intent] | None:
    """A response and two or more predictors, as named lists ("x1: …, x2: …, y: …") or pasted columns under a
    header: the response is the one the question names ("of y on x1 and x2"), else one called y/response, else the
    last column (said in the notes)."""
    table = line_table(q)
    if table and table.header and len(table.header) > 2:
        names, columns = table.header, table.columns()
    else:
        groups = named_groups(q)
        names, columns = list(groups), list(groups.values())
    keep = [i for i, (n, c) in enumerate(zip(names, columns, strict=True))
            if not _index_column(n, [str(v) for v in c])]  # "run, pressure, flow": the run number is a row id
    if len(keep) < len(names):
        names, columns = [names[i] for i in keep], [columns[i] for i in keep]
        if len(names) == 2:
            at = _named_response(low, names)
            y_at = at if at is not None else 1
            return [Intent("regression", {"x": columns[1 - y_at], "y": columns[y_at], "degree": regression_degree(low)},
                           notes=[f"regression of {names[y_at]} on {names[1 - y_at]} (the row numbers are ids)"])]
    if len(names) < 3 or len({len(c) for c in columns}) != 1:
        return None
    at = _named_response(low, names)
    notes = []
    if at is None:
        plain = [n.lower() for n in names]
        at = next((plain.index(k) for k in ("y", "response", "yield", "output") if k in plain), None)
    if at is None:
        at = len(names) - 1
        notes.append(f"the last column, {names[at]!r}, read as the response")
    xs = [c for i, c in enumerate(columns) if i != at]
    predictors = [n for i, n in enumerate(names) if i != at]
    notes.append(f"multiple regression of {names[at]} on {', '.join(predictors)}")
    return [Intent("regression", {"X": [list(r) for r in zip(*xs, strict=True)], "y": columns[at]}, notes=notes)]


def _dsl_name(name: str) -> bool:
    from dsl.checker import keywords

    return bool(re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name)) and name.lower() not in keywords() and len(name) > 1


_SPREAD = r"variances?|variability|spread|dispersion|standard deviations?|std\.? ?devs?\b"


def _compares_spread(low: str) -> bool:
    """A question about whether groups differ in spread: "Levene", "homogeneity of variances", "is the variance of
    … equal to that of …", "is B more variable than A", "do the machines differ in variability"."""
    if re.search(r"\bpool(?:ed|ing)?\b|(?:shows?|known|assum\w*|historic\w*|given)\b[^.?!]{0,40}(?:equal|same) "
                 r"variances?|(?:equal|same) variances?\s+(?:is|are)\s+(?:fine|ok|okay|acceptable|reasonable|safe)|"
                 r"\b(?:t[\s-]*test|anova|analysis of variance)\b[^.?!]{0,60}(?:equal|same) variances?", low) and \
            not re.search(r"levene|brown[\s-]*forsythe|f[\s-]*test", low):
        # "historic data shows the same variance, so pool it", "one-way ANOVA, equal variances is fine": an
        # assumption of the test asked for, not a question about spread
        return False
    if re.search(r"levene|brown[\s-]*forsythe|homogeneity of variances?|homoscedast|equal variances?|same variances?|"
                 r"f[\s-]*test (?:for|of) (?:the )?variances?", low):
        return True
    if re.search(r"more variable|less variable|more consistent|less consistent|more precise|less precise", low):
        return True
    spread = re.search(_SPREAD, low) and not re.search(r"\bmeans?\b|average|analysis of variance|anova", low)
    return bool(spread and re.search(r"equal|same|differ|compar|\bvs\.?\b|versus|than|between|homogen", low))


_SIGNED_RANK = re.compile(r"signed[\s-]*ranks?")
_RANK_SUM = re.compile(r"mann[\s-]*whitney|wilcoxon[\s-]*rank[\s-]*sums?|rank[\s-]*sum|\bu[\s-]*test")
_WILCOXON = re.compile(r"wilcoxon")
_RANK_GENERIC = re.compile(r"kruskal|non[\s-]*parametric|rank[\s-]*based|distribution[\s-]*free|\bordinal\b|likert|"
                           r"without (?:assuming|the assumption of) normality|"
                           r"(?:can'?t|cannot|can not|not|don'?t|do not|without)\s+(?:safely\s+)?assum\w*\s+(?:that\s+)?"
                           r"(?:the\s+)?(?:\w+\s+)?(?:are\s+|is\s+|to be\s+)?normal")
# "the rows are NOT matched", "different coupons in each column": two independent samples, whatever else is said
NOT_PAIRED = re.compile(r"\bunpaired\b|\bunmatched\b|\bnot (?:paired|matched|linked|related)\b|(?:are|is)n'?t (?:paired|"
                        r"matched)\b|\bindependent (?:samples?|groups?)\b|\bdifferent (?:\w+ )?(?:coupons|parts|units|"
                        r"people|subjects|patients|specimens|samples|pieces|items|bars|boards) in each\b")
_PAIRED = re.compile(r"paired|before and after|before/after|pre[\s-]*(?:and[\s-]*)?post|matched|same (?:\d+ )?(?:units|parts|"
                     r"subjects|specimens|samples|operators|people|patients)")
_MEDIAN_KEYS = (r"hypothesi[sz]ed median(?: of)?", r"median (?:of|is|equal to|equals|=|against)", r"target median(?: of)?",
                r"median")


def _plan_rank_test(q: str, low: str, conf: dict) -> list[Intent] | None:
    """Rank tests by name, or "non-parametric" by the shape of the data: Mann-Whitney for two independent groups,
    Wilcoxon signed-rank for pairs or one sample against a median, Kruskal-Wallis for three or more groups."""
    signed, rank_sum = _SIGNED_RANK.search(low), _RANK_SUM.search(low)
    if signed and rank_sum and not re.search(r"mann[\s-]*whitney|rank[\s-]*sum\s+test|wilcoxon[\s-]*rank[\s-]*sum|"
                                             r"\bu[\s-]*test", low):
        rank_sum = None  # "signed-rank test …, report W as the smaller rank sum": T+ and T− are rank sums too
    wilcoxon, generic = _WILCOXON.search(low), _RANK_GENERIC.search(low) or NOT_NORMAL.search(low)
    if not (signed or rank_sum or wilcoxon or generic):
        return None
    paired = _PAIRED.search(low) and not NOT_PAIRED.search(low)
    groups = _groups(q)
    if "kruskal" in low or (len(groups) >= 3 and not (signed or rank_sum)):
        if len(groups) < 2:
            return None
        return [Intent("kruskal_wallis", {"groups": [g for _, g in groups]})]
    if len(groups) == 2 and not rank_sum and (signed or paired) and len(groups[0][1]) == len(groups[1][1]):
        first, second = groups[0][0].lower(), groups[1][0].lower()
        if re.search(r"before|pre\b", first) and re.search(r"after|post\b", second) and _alternative(low) != "two-sided":
            alternative = "greater" if _alternative(low) == "less" else "less"  # "did it lower …": before − after > 0
        else:
            alternative = _two_sample_alternative(low, groups[0][0], groups[1][0])
        return [Intent("wilcoxon_signed_rank", {"x": groups[0][1], "y": groups[1][1], "alternative": alternative,
                                                **conf}, notes=["paired: the signed-rank test of the differences "
                                                                f"{groups[0][0]} − {groups[1][0]}"])]
    if len(groups) == 2 and not signed:
        notes = [] if rank_sum else ["two independent groups: the Mann-Whitney (Wilcoxon rank-sum) test"]
        return [Intent("mann_whitney", {"x": groups[0][1], "y": groups[1][1],
                                        "alternative": _two_sample_alternative(low, groups[0][0], groups[1][0]),
                                        **conf}, notes=notes)]
    if len(groups) <= 1 and (signed or wilcoxon or generic) and not rank_sum:
        mu = value_after(q, *_MEDIAN_KEYS, *MU_KEYS)
        rest = blank_keyed(without_confidence(q), *_MEDIAN_KEYS, *MU_KEYS)
        data = flat_lists(rest)
        values = data[0] if data else longest_run(rest, 3)
        if len(values) < 2:
            return _rank_test_unplanned(signed, rank_sum)
        args = {"x": values, "alternative": _alternative(low), **conf}
        if mu is not None:
            args["mu"] = mu
        return [Intent("wilcoxon_signed_rank", args,
                       notes=["one sample: the signed-rank test of the median" + ("" if mu is not None else
                                                                                  " against 0 (no median was given)")])]
    return _rank_test_unplanned(signed, rank_sum)


def _rank_test_unplanned(signed: re.Match | None, rank_sum: re.Match | None) -> None:
    """A rank test asked for by name whose data could not be read is refused with what is missing, so that no
    later rule answers it with a different test."""
    if rank_sum:
        raise HavocInputError("the Mann–Whitney test needs two independent groups of values (e.g. 'A: 1, 2, 3 "
                              "and B: 4, 5, 6'); the question does not give two", field="x")
    if signed:
        raise HavocInputError("the Wilcoxon signed-rank test needs paired values of equal length (before/after) or "
                              "one sample of at least two values with a median to test against", field="x")
    return None


def _before_after(q: str, low: str) -> list[tuple[str, list]] | None:
    """Two equal runs of numbers with "before" and "after" around them, labels before or after the values
    ("72, 85, 78 before tutoring and 75, 88, 80 after"): (before, after), in the order the words say."""
    runs = number_runs(q)
    before = re.search(r"\bbefore\b|\bpre[\s-]?(?:test|treatment)?\b", low)
    after = re.search(r"\bafter\b|\bpost[\s-]?(?:test|treatment)?\b", low)
    if len(runs) != 2 or len(runs[0][1]) != len(runs[1][1]) or not before or not after:
        return None
    if re.search(r"\bindependent\b|\bunpaired\b|\bnot paired\b|\bdifferent (?:people|subjects|patients|group|groups|"
                 r"units|parts|students|operators)\b|\banother group\b|\bseparate (?:group|groups|sample)", low):
        return None  # "an independent group after training": two samples, not pairs
    (_, x), (_, y) = runs
    return [("before", x), ("after", y)] if before.start() < after.start() else [("before", y), ("after", x)]


# tests users name that HAVOC has no tool for: say so, never answer with a stand-in
_NO_TOOL: tuple[tuple[str, str, str | None], ...] = ()


_TIE = re.compile(r"^\s*(?:\w+\s+){0,2}?(?:could(?:n'?t| not) tell|no preference|had no preference|tied|ties|"
                  r"were tied|were the same|no difference|no change|unchanged|equal|zero differences?|were indifferent)")
_SIGNED = re.compile(r"^\s*(?:\w+\s+){0,1}?(?:preferred|prefer|favou?red|chose|picked|liked|rated|said|improved|"
                     r"got (?:better|worse)|were (?:better|worse|higher|lower)|went (?:up|down)|increased|decreased|"
                     r"plus|minus|positive|negative|pluses|minuses|\+|-)")


# named, or described: "only whether a panel got better or worse means anything - not by how much"
SIGN_TEST = re.compile(r"\bsign[\s-]*test\b|\bonly\s+(?:whether|if|the\s+direction)\b[^.?!]{0,60}?\b(?:better|worse|"
                       r"up|down|improved|increased|decreased|higher|lower)\b[^.?!]{0,60}?\bnot\s+(?:by\s+)?how\s+much\b|"
                       r"\bnot\s+(?:by\s+)?how\s+much\b[^.?!]{0,40}?\bonly\s+(?:whether|which\s+way|the\s+direction)",
                       re.I)
# the sign test described, not named: "how many land above vs below 10.0 h, with exact binomial probabilities"
_SIGNS_DESCRIBED = re.compile(r"\bhow many\b[^.?!]{0,40}\b(?:above|over|below|under)\b[^.?!]{0,15}\b(?:vs\.?|versus|and|or|"
                              r"compared with)\s+(?:how many\s+)?(?:(?:are|fall|lie|land)\s+)?(?:below|under|above|over)\b|"
                              r"\b(?:number|count)s?\s+(?:of\s+\w+\s+)?(?:above|over)\s+(?:vs\.?|versus|and)\s+(?:the\s+number\s+)?"
                              r"(?:below|under)\b|\bsigns? of (?:the )?(?:differences|deviations)\b", re.I)


def sign_method(q: str) -> dict:
    """The sign test's p-value: exact binomial unless the normal approximation is asked for."""
    return {"method": "normal"} if re.search(r"normal approx\w*|large[\s-]*sample|\bz[\s-]*approx\w*", q, re.I) and \
        not re.search(r"\bexact\b", q, re.I) else {}


def _plan_sign_test(q: str, low: str, conf: dict) -> list[Intent] | None:
    """The sign test by name on measurements: paired (two equal lists: the signs of x − y) or one sample against a
    hypothesised median (0 when none is given, as for differences already taken)."""
    if not SIGN_TEST.search(q) and not (_SIGNS_DESCRIBED.search(q) and re.search(r"binomial|median|\bsigns?\b", low)):
        return None
    groups = _groups(q)
    if len(groups) == 2:
        if len(groups[0][1]) != len(groups[1][1]):
            raise HavocInputError(f"the sign test pairs the values: '{groups[0][0]}' has {len(groups[0][1])} and "
                                  f"'{groups[1][0]}' has {len(groups[1][1])}, so they cannot be paired", field="y")
        first, second = groups[0][0].lower(), groups[1][0].lower()
        if re.search(r"before|pre\b", first) and re.search(r"after|post\b", second) and _alternative(low) != "two-sided":
            alternative = "greater" if _alternative(low) == "less" else "less"  # "did it lower …": before − after > 0
        else:
            alternative = _two_sample_alternative(low, groups[0][0], groups[1][0])
        return [Intent("sign_test", {"x": groups[0][1], "y": groups[1][1], "alternative": alternative, **conf,
                                     **sign_method(q)},
                       notes=[f"paired: the sign test of the differences {groups[0][0]} − {groups[1][0]}"])]
    if len(groups) > 2:
        return None
    mu = value_after(q, *_MEDIAN_KEYS, *MU_KEYS)
    rest = blank_keyed(without_confidence(q), *_MEDIAN_KEYS, *MU_KEYS)
    data = flat_lists(rest)
    values = data[0] if data else longest_run(rest, 3)
    if len(values) < 2:
        return None
    args = {"x": values, "alternative": _alternative(low), **conf, **sign_method(q)}
    if mu is not None:
        args["mu"] = mu
    return [Intent("sign_test", args, notes=["one sample: the sign test of the median" + (
        "" if mu is not None else " against 0 (no median was given: the values read as differences)")])]


def _sign_test_from_counts(q: str, low: str) -> list[Intent] | None:
    """The sign test asked for with the counts of each sign already made ("14 preferred the new recipe, 4 the old,
    2 could not tell"): the exact binomial test of one count out of the two, against 1/2, ties dropped. That is the
    sign test itself, not a stand-in. Paired measurements are not read here (no tool counts their signs)."""
    if not re.search(r"\bsign test\b", low) or carries_measurements(q):
        return None
    text = spell_numbers(q)
    signed, ties = [], []
    for m in re.finditer(r"(?<![\w.])(\d+)(?![\w.])", text):
        tail = text[m.end():m.end() + 40].lower()
        if _TIE.match(tail):
            ties.append(int(m.group(1)))
        elif _SIGNED.match(tail):
            signed.append(int(m.group(1)))
    if len(signed) != 2 or sum(signed) == 0:
        return None
    first, second = signed
    alternative = _alternative(low)
    notes = [f"the sign test: {first} of the {first + second} non-tied pairs one way, the exact binomial test "
             "against 1/2" + (f" ({sum(ties)} ties dropped)" if ties else "")]
    return [Intent("proportion_test", {"x": [Decimal(first)], "n": [Decimal(first + second)], "p0": Decimal("0.5"),
                                       "method": "exact", "alternative": alternative, **confidence_args(q)},
                   notes=notes, read=[Decimal(t) for t in ties])]


def carries_measurements(q: str) -> bool:
    """Three or more numbers in a row (a pasted list), not counts said one at a time in a sentence."""
    return any(len(values) >= 3 for _, values in number_runs(q)) or bool(flat_lists(q))


# the groups' variances said not to be equal: Welch's ANOVA for three groups or more
_UNEQUAL_VARIANCES = re.compile(
    r"(?:don'?t|do not|not|cannot|can'?t|shouldn'?t|should not|won'?t)\s+(?:(?:want|wish|like|need)\s+to\s+)?"
    r"(?:be\s+)?(?:assum\w*|tak\w*|treat\w*|pool\w*)\s+(?:that\s+)?(?:the\s+)?(?:group\s+)?(?:variances?|spreads?)?\s*"
    r"(?:(?:are|is|to be|as)\s+)?(?:equal|the same|common|homogeneous)|"
    r"(?:don'?t|do not|not|without)\s+assum\w*\b[^.?!]{0,40}\b(?:equal|same|common) variances?|"
    r"(?:variances?|spreads?)\s+(?:\w+\s+){0,2}(?:should|must|can)\s*(?:not|n'?t)\s+be\s+(?:taken|treated|assumed)\s+as\s+"
    r"(?:equal|the same)|\bunequal variances?|(?:variances?|spreads?)\s+(?:are|look|seem)\s+(?:clearly\s+|very\s+|quite\s+)?"
    r"(?:different|unequal|not equal)|"
    # "the variability is obviously not the same", "don't use the ordinary F-test that pools the variances"
    r"\b(?:variabilit\w*|variances?|spreads?|scatter)\s+(?:is|are)\s+(?:\w+\s+)?(?:not the same|different|unequal)|"
    r"(?:don'?t|do not|not|never|avoid)\b[^.?!]{0,40}\bpool(?:s|ed|ing)?\b[^.?!]{0,10}\bvariances?")
_WELCH_ANOVA = re.compile(r"welch'?s?\s+(?:one[\s-]*way\s+)?anova|welch'?s?\s+(?:f[\s-]*test|analysis of variance)|"
                          r"anova[^.?!]{0,40}\bwelch|(?:un)?equal[\s-]*variances?\s+(?:one[\s-]*way\s+)?anova")


def _drop_named_x(q: str, x: list, y: list) -> tuple[list, list, list[str]]:
    """"The reading at 35 L/min was taken while the thermocouple was loose - leave that one point out": the pair whose
    x is the value named, in a sentence that leaves it out, removed from both lists."""
    for sentence in re.split(r"(?<=[.!?])\s+|\n", q):
        if not (re.search(rf"\b{LEAVE_OUT}\b", sentence, re.I) or PRONOUN_OUT.search(sentence) or
                re.search(r"\bleave\s+(?:that|this|it)(?:\s+one)?(?:\s+point)?\s+out\b", sentence, re.I)):
            continue
        m = re.search(rf"\b(?:reading|point|value|measurement|observation|run|standard)s?\s+(?:at|for|of)\s+({NUM})", sentence,
                      re.I)
        if not m:
            continue
        at = [i for i, v in enumerate(x) if v == to_decimal(m.group(1))]
        if len(at) == 1 and len(x) == len(y):
            i = at[0]
            return x[:i] + x[i + 1:], y[:i] + y[i + 1:], [f"the point at x = {x[i]} (y = {y[i]}) left out, as asked"]
    return x, y, []


def _correlation_named(low: str) -> str | None:
    """The correlation coefficient asked for by name: Spearman (rank), Kendall, or Pearson; one declined ("Kendall's
    tau-b, not Pearson or Spearman") is not asked for."""
    low = re.sub(r"\b(?:not|rather than|instead of|no)\s+(?:the\s+)?(?:pearson|spearman|kendall)(?:'?s)?"
                 r"(?:\s*(?:,|or|and|nor)\s*(?:pearson|spearman|kendall)(?:'?s)?)*", " ", low)
    if re.search(r"spearman", low):
        return "spearman"
    if re.search(r"kendall", low):
        return "kendall"
    if re.search(r"pearson", low):  # "Pearson correlation … testing rho = 0": rho the population coefficient
        # with a fit asked too ("Pearson r and the slope"), the regression reports both
        return None if re.search(r"regress|slope|intercept|predict|\bfit", low) else "pearson"
    if re.search(r"concordan", low) and "mcnemar" not in low:  # "concordant versus discordant pairs": Kendall's tau
        return "kendall"
    if re.search(r"rank[\s-]*(?:order\s+)?(?:correlation|agreement)|\brho\b|agree\w* (?:on|about|in) (?:the )?"
                 r"(?:order(?:ing)?|ranking)", low):
        return "spearman"
    if re.search(r"\btau\b", low):
        return "kendall"
    if re.search(r"correlation coefficient", low) and not re.search(r"regress|slope|intercept|predict|fit", low):
        return "pearson"
    return None


_SPREAD_NOUN = r"(?:variability|variance|variation|spread|scatter)"
_MORE_SPREAD = (r"more (?:variable|spread(?: out)?|scattered|erratic)|less (?:consistent|precise|repeatable|stable)|noisier|"
                rf"{_SPREAD_NOUN} (?:is )?(?:higher|larger|greater|bigger)|(?:higher|larger|greater|bigger) {_SPREAD_NOUN}")
# ("is the new press's variability lower than the old one's?")
_LESS_SPREAD = (r"less (?:variable|spread(?: out)?|scattered|erratic)|more (?:consistent|precise|repeatable|stable)|tighter|"
                rf"{_SPREAD_NOUN} (?:is )?(?:lower|smaller|less)|(?:lower|smaller|less) {_SPREAD_NOUN}")


def _variance_side(q: str, first: str, second: str) -> str | None:
    """The one-sided alternative of var(first)/var(second) from "is machine 2 more variable (than machine 1)?" or
    "machine 1 is tighter": the group named just before the comparison is its subject. None when no group is."""
    if re.search(r"two[\s-]*(?:sided|tailed)", q, re.I) and not re.search(r"one[\s-]*(?:sided|tailed)|direction", q, re.I):
        return None
    from graphs.planning.difference_order import _forms

    for m in re.finditer(rf"\b(?:{_MORE_SPREAD}|{_LESS_SPREAD})\b", q, re.I):
        head = q[max(0, m.start() - 60):m.start()]
        spots = {}
        for key, name, other in (("first", first, second), ("second", second, first)):
            found = [x.end() for f in _forms(name, other) for x in re.finditer(rf"(?<![\w-]){f}(?![\w])", head, re.I)]
            spots[key] = max(found, default=-1)
        if max(spots.values()) < 0 or spots["first"] == spots["second"]:
            continue
        subject_first = spots["first"] > spots["second"]
        more = bool(re.fullmatch(_MORE_SPREAD, m.group(0), re.I))
        return "greater" if more == subject_first else "less"
    return None


def _variance_test_named(low: str) -> str | None:
    """A test of equal variances asked for by name: Bartlett's, or the F-test of two variances (variance ratio)."""
    if re.search(r"bartlett", low):
        return "bartlett"
    # "is P2 more variable? F test": a spread question with the F test named
    spread = re.search(r"\b(?:more|less) (?:variable|consistent|spread)|variabilit|\bspread|\bscatter|precision", low)
    f_named = re.search(r"\bf[\s-]*test\b", low) and not re.search(r"(?:n't|not|never|avoid|instead of|rather than)"
                                                                    r"\b[^.?!]{0,25}\bf[\s-]*test", low)
    means_asked = re.search(r"\bmeans? (?:differ|equal|compar)|differ\w* in (?:the )?means?|compare the means", low)
    if spread and f_named and not means_asked and not re.search(r"\banova\b|regression", low):
        return "f"
    # "test equality of variances (normal data), F = var(B)/var(A)": the F test of two variances (Bartlett for more)
    if re.search(r"(?:equality|homogeneity) of (?:the )?variances|equal variances\?|test (?:for |of )?equal variances",
                 low) and re.search(r"\bf\b|\bnormal", low) and not means_asked:
        return "f_or_bartlett"
    # "don't use the ordinary F-test that pools the variances. Do the means differ?": a means question (Welch's
    # ANOVA), the F test of the means declined, no test of variances asked
    declined = re.search(r"\bf[\s-]*test\b", low) and not f_named
    if not declined and re.search(r"\bf[\s-]*test\b[^.?!]{0,40}\bvariances?|variances?\b[^.?!]{0,40}\bf[\s-]*test\b|"
                                  r"variance[\s-]*ratio(?:\s+test)?|ratio of (?:the )?(?:two )?variances|\bf\s*=\s*s|"
                                  r"variances?\s+(?:on top|in the numerator)[^.?!]{0,20}\bratio", low):
        return "f"  # "… with the new caliper's variance on top of the ratio": the F test, the ratio's order said
    return None


def _missing_test(low: str) -> str | None:
    if re.search(r"\bkruskal", low):
        return None
    for pattern, name, instead in _NO_TOOL:
        if re.search(pattern, low):
            return (f"HAVOC has no tool for {name} yet, and will not answer with a different test"
                    + (f": {instead}" if instead else ""))
    return None


# the data said not to be normal: a rank test, never the normal-theory test it names ("so no ANOVA please")
NOT_NORMAL = re.compile(
    r"(?:can'?t|cannot|can not|not|don'?t|do not|without)\s+(?:(?:want|wish|like|need|intend)\s+to\s+)?"
    r"(?:safely\s+)?assum\w*\s+(?:that\s+)?(?:the\s+)?"
    r"(?:\w+'re\s+|\w+'s\s+|(?:\w+\s+){1,2})?(?:are\s+|is\s+|to be\s+)?normal"
    r"|\b(?:not|non|aren'?t|isn'?t|far from|anything but)[\s-]+normal(?:ly distributed)?\b|\bnon-normal"
    r"|\bnothing like normal|\bno t[\s-]*tests?\b|\bnot a t[\s-]*test|\bdon'?t use a t[\s-]*test|\bavoid(?:ing)? (?:a |the )?"
    r"t[\s-]*test|(?:don'?t|do not)\s+want\s+anything\s+(?:that\s+)?assum\w*\s+normal\w*"
    r"|(?:can'?t|cannot|not|don'?t|do not|won'?t|will not|wouldn'?t|shouldn'?t)\s+(?:\w+\s+){0,2}(?:trust|rely on|count on)"
    r"\s+(?:the\s+)?normality"
    r"|\bwithout\s+(?:leaning|relying|depending|counting|banking)\s+on\s+(?:the\s+)?normality"
    r"|normality\s+(?:is\s+)?(?:doubtful|suspect|questionable|unlikely)"
    r"|\b(?:skewed|long[\s-]*tail(?:ed)?|heavy[\s-]*tail(?:ed)?)\b.{0,60}\b(?:no|not|without|instead of)\s+"
    r"(?:an?\s+)?(?:anova|t[\s-]*test)")


def plan_stats(question: str) -> list[Intent] | None:
    # "different from zero", "mean equal to zero": the reference value written as a word
    q = re.sub(r"\b(from|than|to|against|equals?|is|of|mu|μ|=)\s+zero\b", r"\1 0", question, flags=re.I)
    low = q.lower()
    conf = confidence_args(q)

    twoway = _plan_two_way(q, low)
    if twoway:
        return twoway

    if (SIGN_TEST.search(q) or _SIGNS_DESCRIBED.search(q)) and carries_measurements(q):  # before "exact binomial"
        sign = _plan_sign_test(q, low, conf)
        if sign:
            return sign

    proportion = plan_proportion(q, low, conf)
    if proportion:
        return proportion

    # "in the ratio 1:2:1"; not "faces 1-6: 18, 22, …" (a label's colon before a list)
    ratio = re.search(r"(?<![-–])\b(\d+(?:\.\d+)?(?:\s*:\s*\d+(?:\.\d+)?)+)\b(?!\s*[,;]\s*\d)", q)
    if (re.search(r"chi[\s-]*squared?|contingency|independence|independent\s+of|goodness[\s-]*of[\s-]*fit|associat|"
                  r"cross[\s-]*tab|\b(?:die|dice|spinner|wheel|roulette)\b[^.?!]{0,40}\bfair\b|\bfair\b[^.?!]{0,20}\b(?:die|dice|"
                  r"spinner|wheel)\b", low) or (
            ratio and re.search(r"\b(?:ratio|proportions?)\b", low) and not re.search(r"signal|odds", low))) and not (
            # "independent samples t-test" is a two-sample test, not a test of independence
            re.search(r"independent[\s-]*(?:samples?|groups?|t\b)|t[\s-]*test|welch", low)
            and not re.search(r"chi[\s-]*squared?|contingency|associat", low)) and not (
            # "Kruskal-Wallis … chi-square approximation for p", "Bartlett's chi-square": a test whose p is
            # referred to the chi-square distribution, not a chi-square test of counts
            re.search(r"kruskal|bartlett|friedman", low) or
            re.search(r"chi[\s-]*squared?\s+(?:approximation|distribution|reference)", low)):
        table = tables(q)
        goodness = re.search(r"goodness|\bexpected\b|equal(?:ly)? (?:likely|proportions?)|uniform|fair|\bratio\b|"
                             r"proportions|probabilit", low)
        if not table and not goodness:
            table = [_count_table(q)] if _count_table(q) else []
        if table and not goodness:
            return [Intent("chi_square", {"table": table[0]},
                           notes=["a test of independence (association) on the table of counts, rows as given"])]
        groups = {**{name.lower().split()[-1]: values for name, values in number_runs(q) if name}, **named_groups(q)}
        text = q[:ratio.start()] + q[ratio.end():] if ratio else q
        observed = groups.get("observed") or groups.get("counts") or (flat_lists(text)[0] if flat_lists(text) else None) \
            or (longest_run(text, 3) if goodness else None)
        expected = groups.get("expected") or groups.get("proportions") or groups.get("probabilities") or \
            groups.get("percentages") or (
            flat_lists(text)[1] if len(flat_lists(text)) > 1 else None)
        if observed:
            args = {"observed": observed}
            notes = []
            if ratio:  # "follow the ratio 1:2:1": expected proportions 1/4, 2/4, 1/4
                parts = [float(v) for v in re.split(r"\s*:\s*", ratio.group(1))]
                if len(parts) != len(observed):
                    return None
                args["probabilities"] = [str(v) for v in parts]
                notes.append(f"expected proportions from the ratio {ratio.group(1)}")
            elif expected:
                total = sum(float(v) for v in expected)
                if len(expected) == len(observed) and abs(total - 1) < 1e-6 and not math.isclose(
                        total, sum(float(v) for v in observed)):
                    args["probabilities"] = expected  # proportions that sum to 1, not counts
                    notes.append("expected proportions (they sum to 1)")
                elif len(expected) == len(observed) and abs(total - 100) < 1e-6 and re.search(r"%|percent", low):
                    args["probabilities"] = expected
                    notes.append("expected percentages as proportions")
                else:
                    args["expected"] = expected
            else:
                notes.append("no expected counts: equal proportions")
            if "probabilities" in args:  # the DSL takes expected counts: proportion × the observed total
                total = sum(float(v) for v in observed)
                probs = [float(v) for v in args.pop("probabilities")]
                args["expected"] = [Decimal(f"{p * total / sum(probs):.12g}") for p in probs]
                notes.append(f"expected counts = proportion × the {total:g} observed")
            read = [Decimal(v) for v in re.split(r"\s*:\s*", ratio.group(1))] if ratio else list(expected or [])
            return [Intent("chi_square", args, notes=notes, read=read)]
        return None

    if re.search(r"(?<!auto)(?<!auto-)correlat|spearman|kendall|pearson|(?<!dis)concordan|rank[\s-]*agreement|"
                 r"agree\w* (?:on|about|in) (?:the )?(?:order(?:ing)?|ranking)|linear(?:ly)? (?:related|relationship|association)|"
                 r"regress|regression|linear fit|linear model|\bpredict|\bmodel (?:the )?\w+ (?:with|from|"
                 r"using|on|as|in terms of)\b|relationship between|fit a (?:line|straight|linear|quadratic|cubic|polynomial)|"
                 r"\b(?:re)?fit(?:ting)? (?:the|a|another) (?:straight |linear |calibration )?(?:line|curve)|straight line|"
                 r"\bfit\s+[a-z]\s*=\s*[a-z0-9]|"
                 # "fit Ra = b0 + b1*feed": a named response, the straight-line model written out
                 r"\bfit\s+[a-z_]\w*\s*=\s*[ab]_?0\s*\+\s*[ab]_?1\b|"
                 r"best[\s-]*fit|\bfit (?:[\w-]+ ){1,3}(?:against|on|versus|vs\.?) |trend ?line|slope|least squares|polynomial|quadratic fit|depends? on|as a function of|"
                 r"(?:change|increase|decrease|go up|rise|drop|vary)s? (?:per|for (?:each|every)|with (?:each|every))\b|"
                 r"calibration (?:line|curve)|" + _BENDS, low):
        groups = named_groups(q)
        rows_table = line_table(q)
        if rows_table and rows_table.header and len(groups) == len(rows_table.rows):
            groups = {}  # "Aoife: 4  8.7" under "hours  errors": names of the rows, not variables
        if len(groups) > 2:
            multiple = _multiple_regression(q, low)
            if multiple:
                return multiple
        # "quadratic fit of y = …": a group is known by its last word
        keys = {k.lower().split()[-1]: k for k in groups}
        y_key = next((keys[k] for k in ("y", "response", "yield", "output") if k in keys), None)
        x_key = next((keys[k] for k in ("x", "predictor", "input") if k in keys), None)
        if (x_key is None or y_key is None) and len(groups) == 2:
            names = list(groups)
            m = re.search(r"regress\s+(\w+)\s+on\s+(\w+)", low)
            # "how much does strength change per degree": the variable that changes is the response
            moves = re.search(r"(?:does|do|will|would)\s+(?:the\s+)?(\w+)\s+(?:change|increase|decrease|go up|rise|drop|"
                              r"vary|depend)", low)
            if m and m.group(1) in keys and m.group(2) in keys:
                y_key, x_key = keys[m.group(1)], keys[m.group(2)]
            elif moves and moves.group(1) in keys:
                y_key = keys[moves.group(1)]
                x_key = next(keys[k] for k in keys if k != moves.group(1))
            else:
                x_key, y_key = names[0], names[1]
        if x_key is None or y_key is None:
            lists = flat_lists(q)
            table = line_table(q)
            runs = number_runs(q)
            if len(lists) >= 2:
                x, y = lists[0], lists[1]
            elif table and len(table.rows[0]) == 2 and table.header and _response_first(low, table.header):
                y, x = table.columns()  # "how does flow depend on pressure" with columns pressure, flow
            elif table and len(table.rows[0]) == 2:  # two pasted columns: x then y
                x, y = table.columns()
            elif table and len(table.rows[0]) > 2 and table.header:
                return _multiple_regression(q, low)
            elif len(runs) == 2 and len(runs[0][1]) == len(runs[1][1]):
                x, y = runs[0][1], runs[1][1]
            else:
                return None
        else:
            x, y = groups[x_key], groups[y_key]
        degree = regression_degree(low)
        x, y, dropped = _drop_named_x(q, x, y)
        method = _correlation_named(low)
        if method and degree == 1 and len(x) == len(y):
            # "Spearman's rho", "Kendall's tau", "Pearson correlation and its p-value": the coefficient by name; "both
            # Spearman's rho and Kendall's tau-b": each one named
            named = [m for m in ("pearson", "spearman", "kendall") if m == method or (
                re.search(rf"\b{m}", low) and _correlation_named(re.sub(rf"\b{method}\w*", " ", low)) == m)]
            return [Intent("correlation", {"x": x, "y": y, "method": m, "alternative": correlation_side(low), **conf},
                           notes=[f"the {m.capitalize()} correlation of the two columns, as asked"]) for m in named]
        args = {"x": x, "y": y, "degree": degree}
        notes = ["correlation: Pearson r is the signed square root of R² of the straight-line fit"] if "correlat" in low else []
        notes += dropped
        if re.search(r"no intercept|without (?:an )?intercept|through the origin|zero intercept", low):
            args["intercept"] = False
        return [Intent("regression", args, notes=notes)]

    variances = _variance_test_named(low)
    if variances:
        groups = _groups(q)
        if variances == "f_or_bartlett":
            variances = "f" if len(groups) == 2 else "bartlett"
        if len(groups) < 2 or (variances == "f" and len(groups) != 2):
            need = "the F-test of two variances needs exactly two groups" if variances == "f" else \
                "Bartlett's test needs two or more groups of values"
            raise HavocInputError(f"{need} (the question gives {len(groups)})", field="groups")
        turned = variances == "f" and asks_second_first(q, groups[0][0], groups[1][0], ratio=True)
        if turned:
            groups = groups[::-1]  # "the ratio of variances (M2 over M1)": the second group's variance on top
        args = {"groups": [g for _, g in groups], "method": variances, **conf}
        if variances == "f":
            said = _variance_side(q, groups[0][0], groups[1][0])
            alternative = _alternative(low)
            args["alternative"] = said or ({"less": "greater", "greater": "less"}.get(alternative, alternative)
                                           if turned else alternative)
        names = _group_names([n for n, _ in groups])
        what = ("the F-test of two variances, F = s₁²/s₂² of " + (f"{names[0]} over {names[1]}" if names else
                "the first group over the second")) if variances == "f" else "Bartlett's test of equal variances"
        return [Intent("variance_test", args, notes=[what + ", as asked"])]

    not_normal = NOT_NORMAL.search(low) or _RANK_GENERIC.search(low) or re.search(
        r"normality is (?:out of the question|not an option|doubtful|unlikely)", low)
    # "Shapiro-Wilk please, before I run a t-test": the normality check itself is asked, the test comes later
    checked_first = re.search(r"shapiro|anderson[\s-]*darling|normality test|test (?:for|of) normality", low) and \
        re.search(r"before (?:i|we) (?:run|do|use|apply)|\bfirst\b|is (?:it|normality) (?:a )?reasonable", low)
    other_method = re.search(r"compare|t[\s-]*test|signed[\s-]*rank|rank[\s-]*sum|mann[\s-]*whitney|wilcoxon|"
                             r"kruskal|non[\s-]?parametric", low)
    # "two sided, assume normal": an assumption granted, not a normality test asked for
    assumed = re.search(r"\bassum\w*\s+(?:\w+\s+){0,3}normal(?:ity|ly)?\b", low) and not re.search(
        r"shapiro|anderson|normality test|test (?:for|of) normality|check (?:the )?normality|is (?:it|this|the data) normal|"
        r"\b(?:can|could|may|should|do|does|is it (?:ok|okay|safe|fine|reasonable|valid)(?: to)?)\s+(?:i|we|you|one)?\s*"
        r"(?:still\s+|really\s+|safely\s+)?assum", low)  # "can I assume normality?" asks for the check
    if not assumed and re.search(r"normal(?:ly|ity)?\b|shapiro|anderson|bell[\s-]*(?:shaped|curve)|gaussian", low) and \
            (checked_first or not other_method) and not (not_normal and (len(_groups(q)) >= 2 or "median" in low)):
        # the pasted run, not every number ("12 samples from lot 5583 on 14 March: 2.31 2.45 …")
        data = flat_lists(q) or [longest_run(q, 3) or numbers(q)]
        if data and len(data[0]) >= 3:
            method = "anderson_darling" if "anderson" in low else "shapiro_wilk"
            return [Intent("normality", {"data": data[0], "method": method})]

    # "Mann-Whitney … with the tie-corrected variance": a test named, whose own variance is no question about spread
    if _compares_spread(low) and not re.search(r"t[\s-]*test|assum|mann|whitney|wilcoxon|kruskal|rank[\s-]*sum|"
                                               r"\bu[\s-]*test|sign[\s-]*test", low):
        groups = _groups(q)
        if len(groups) >= 2:
            notes = ["Levene's test (median-centred, the Brown-Forsythe form: robust to non-normal data) compares the "
                     "variances (ask for the F test or Bartlett's test by name for the tests that assume normal data)"]
            if len(groups) == 2 and _alternative(low) != "two-sided":
                notes.append("Levene's test is two-sided: it says whether the spreads differ, not which is larger")
            args = {"groups": [g for _, g in groups]}
            mean_centred = re.search(r"mean[\s-]*cent(?:er|re)d|cent(?:er|re)d? (?:on|at) the (?:group )?means?|original "
                                     r"levene|levene'?s? original|classic(?:al)? levene|deviations? from the (?:group )?"
                                     r"means?", low)
            # "the median-centred version (Brown-Forsythe), not the mean-centred one": the form refused is not asked
            refused = mean_centred and re.search(r"(?:not|n't|rather than|instead of|no)\s+(?:the\s+|a\s+)?(?:\w+\s+)?$",
                                                 low[max(0, mean_centred.start() - 30):mean_centred.start()])
            if mean_centred and not refused and not re.search(r"median[\s-]*cent|brown[\s-]*forsythe", low):
                args["center"] = "mean"
                notes[0] = ("Levene's test centred on the group means (Levene's original form, as asked) compares the "
                            "variances")
            return [Intent("levene", args, notes=notes)]

    sign = _sign_test_from_counts(q, low)
    if sign:
        return sign
    if SIGN_TEST.search(q) and carries_measurements(q):  # "Sign test (NOT Wilcoxon)": the sign test, never a stand-in
        sign = _plan_sign_test(q, low, conf)
        if not sign:
            raise HavocInputError("the sign test needs paired values of equal length (before/after) or one sample "
                                  "with the median to test against; the question gives neither", field="x")
        return sign
    ranked = _plan_rank_test(q, low, conf)
    if ranked:
        return ranked
    sign = _sign_test_from_counts(q, low)
    if sign:
        return sign
    missing = _missing_test(low)
    if missing:
        raise HavocInputError(missing, field="method")

    pairs = fraction_pairs(q)
    comparing = re.search(r"compar|differ|same|\bvs\.?\b|versus|between|significan|independen|higher|lower|"
                          r"better|worse", low)
    if pairs and (comparing or (re.search(r"proportion|rate", low) and not _chart_words(low))) \
            and not re.search(r"\b(?:p|np|c|u)[\s-]*charts?|control", low):
        # "12/400 vs 25/410": successes and failures of each sample, a k × 2 table
        table = [[a, b - a] for a, b in pairs]
        return [Intent("chi_square", {"table": table},
                       notes=["proportions compared as a k × 2 table of (count, size − count) per sample; for two samples "
                              "this chi-square test is the two-proportion z-test (χ² = z²)"])]
    if pairs and _chart_words(low):
        return None  # "proportion defective: 5/200, 8/200, …" is a p chart, not groups of numbers

    named = [name.lower() for name in named_groups(q)]
    explicit = re.search(r"(?<!un)paired|before and after|before/after|pre[\s-]*(?:and[\s-]*)?post|matched|"
                         r"\bsame (?:\d+ )?(?:[\w-]+ ){0,4}?(?:measured|tested|checked|gauged|weighed|inspected|scored|"
                         r"rated|read)\b[^.;?]{0,20}?\b(?:on|by|with|in|under|using|at) both\b|"
                         r"(?:order is the same|same order) in both|"
                         # "we measured the same 10 specimens on both hardness gauges"
                         r"\b(?:measured|tested|checked|gauged|weighed|inspected|scored|rated|read|ran)\s+(?:the\s+)?same\s+"
                         r"(?:\d+\s+)?[\w-]+(?:\s+[\w-]+)?\s+(?:on|by|with|in|under|using|at|through)\s+both\b|"
                         # "(same technician order)": the lists are in the same units' order, so each position is a pair
                         r"\bsame (?:[\w-]+ ){1,2}order\b|\bin the same (?:[\w-]+ )?order\b|\(same order\)|[,;]\s*same order\b|"
                         # "Gauge B was then used on the very same ten specimens"
                         r"\b(?:used|run|ran|tested|measured|applied|read|repeated)\s+on\s+(?:the\s+)?(?:very\s+)?same\s+"
                         r"(?:\d+\s+|[a-z]+\s+)?[\w-]+s\b|"
                         # "the same nine parts, each measured once on each gauge"
                         r"\bsame (?:\w+ ){0,2}[a-z]+s\b"
                         r"[^.;?]{0,40}?\beach (?:\w+ ){0,2}(?:measured|tested|weighed|gauged|read|checked|scored|rated|"
                         r"timed)\b[^.;?]{0,30}?\b(?:on|by|with|under|using) (?:each|both)\b|"
                         # "each of our technicians did a changeover with the old procedure and with the new one"
                         r"\beach (?:of (?:our|the|my|\d+|the \d+) )?[\w-]+s? (?:did|ran|tried|used|made|performed|measured|tested|"
                         r"timed|rated|scored|weighed|gauged|checked|read|inspected|assessed)\b[^.;?]{0,80}?\bwith (?:the )?[\w-]+ [\w-]+ and (?:again |once |then |"
                         r"once again )?with (?:the )?"
                         r"[\w-]+", low) and \
        not NOT_PAIRED.search(low) or \
        (len(named) == 2 and named[0] in ("before", "pre") and named[1] in ("after", "post"))
    groups = _groups(q) if explicit else _before_after(q, low)
    if groups and len(groups) >= 2:
        from graphs.planning.difference_order import _FLIP, change_asked

        alternative = paired_alternative(low, groups[0][0], groups[1][0])
        notes = [] if explicit else ["the same units measured before and after: a paired t-test of before − after"]
        first, second = groups[0], groups[1]
        if change_asked(q, first[0], second[0], True):  # "did the course increase the scores?": after − before
            first, second = second, first
            alternative = _FLIP.get(alternative, alternative)
            notes = [f"a change from {second[0]} to {first[0]} asked about: the paired t-test of "
                     f"{first[0]} − {second[0]}"]
        return [Intent("t_test", {"kind": "paired", "x": first[1], "y": second[1],
                                  "alternative": alternative, **conf}, notes=notes)]

    mu_keys = MU_KEYS
    mu = value_after(_SUPERSEDED.sub(" ; ", q), *mu_keys)
    claim = _CLAIMED_MEAN.search(q)
    if mu is None and claim:  # "Is the mean fill weight of 500 g met?"
        mu = to_decimal(claim.group(1))
    target_after = _TARGET_AFTER.search(q)
    if mu is None and target_after:  # "does the mean differ from the 100 target?"
        mu, claim = to_decimal(target_after.group(1)), target_after
    reference = reference_mean(q) if mu is None or not value_after(q, *mu_keys[:3]) else None
    groups = _groups(q)
    told = told_values(q)
    if told and (mu is not None or re.search(r"\bone[\s-]*sample|\bsingle[\s-]*sample", low) or
                 all(re.fullmatch(r"(?:sample|group) \d+", name) for name, _ in groups)) and \
            sum(len(g) for _, g in groups) < len(told) and all(v in told for _, g in groups for v in g):
        groups = []  # "the first bag weighed 502.0 g, then … After the break I got …": one sample told in sentences
    if len(groups) >= 3 or (len(groups) >= 2 and re.search(r"\banova\b|analysis of variance", low)):
        names = _group_names([name for name, _ in groups])
        welch = {"welch": True} if _WELCH_ANOVA.search(low) or _UNEQUAL_VARIANCES.search(low) else {}
        notes = ["Welch's one-way ANOVA (no equal-variance assumption), as asked"] if welch else []
        return [Intent("anova_oneway", {"groups": [g for _, g in groups], **({"labels": names} if names else {}),
                                        **welch}, notes=notes)]
    if len(groups) == 2 and not re.search(r"\bone[\s-]*sample\b", low) and \
            re.search(r"compar|differ|t[\s-]*test|same|better|worse|faster|slower|versus|vs\.?|"
                                      # "the supplier claims the new coating REDUCES wear … does the data back it?"
                                      r"\breduc\w*|\bincreas\w*|\bdecreas\w*|\blower\w*|\braise[sd]?\b|"
                                      r"\bclaim\w*.{0,200}?\b(?:back|support|confirm|prove|show)\w*|"
                                      r"significan|higher|lower|greater|larger|smaller|more|less|relative to|than\b|"
                                      r"over[a-z]+ing|under[a-z]+ing|exceed|outperform|welch|student|"
                                      r"two[\s-]*sample|2[\s-]*sample|unpaired|independent|equal means|"
                                      r"equality of (?:the )?means|test of (?:the )?means", low):
        negated = re.search(r"(?:don'?t|do not|not|cannot|can'?t|won'?t|without|no)\s+(?:(?:want|wish|like|need|"
                            r"intend|going)\s+to\s+)?(?:assum\w*\s+|pool\w*\s+)?(?:that\s+)?"
                            r"(?:the\s+)?(?:equal|same|common)\s+variances?|(?:don'?t|do not|not)\s+pool|"
                            # "please don't use the pooled-variance t-test", "avoid the pooled one", "no Student t"
                            r"(?:don'?t|do not|not|never|avoid|no|rather than|instead of)\s+(?:(?:use|using|apply|run|do|"
                            r"want|go with)\s+)?(?:the\s+|a\s+|an\s+)?(?:classic(?:al)?\s+)?(?:pool|student)|"
                            # "but not with the pooled t-test", "don't give me the pooled one"
                            r"(?:\bnot|n't|\bwithout|\bnever)\b[^.?!]{0,25}\b(?:pooled|student)", low)
        kind = "pooled" if re.search(r"pool(?:ed)?\b|(?<!un)(?:equal|same) variances?(?! not)|\bstudent(?:'s)?\b(?!s)",
                                     low) and \
            not negated else "welch"
        alternative = _two_sample_alternative(low, groups[0][0], groups[1][0])
        return [Intent("t_test", {"kind": kind, "x": groups[0][1], "y": groups[1][1],
                                  "alternative": alternative, **conf},
                       notes=[] if kind == "pooled" else ["Welch's t-test (no equal-variance assumption), as Minitab does by default"])]
    if reference and re.search(r"t[\s-]*test|mean|average|on average|differ|significan|claim\w* (?:is |was )?(?:supported|"
                               r"true|correct|right|met|ok|valid|accurate|justified|backed)|consistent with|agree\w* with|"
                               r"live up to|(?:meet|match)\w* the (?:label|claim|nominal|target|spec)", low):
        mu, alternative, notes, (start, end) = reference
        rest = blank_keyed(q[:start] + " ; " + q[end:], *mu_keys)
        data = flat_lists(rest)
        values = data[0] if data else longest_run(rest, 2)
        values = _told_if_longer(rest, values)
        if len(values) >= 2:
            return [Intent("t_test", {"kind": "one_sample", "x": values, "mu": mu, "alternative": alternative, **conf},
                           notes=notes)]
    if mu is not None and re.search(
            # "test against the current nominal of 500 g … t and p?"
            r"\btest(?:ed|ing)? (?:it |them |this |these |the (?:data|weights|values) )?against\b|\bt (?:and|&) (?:the )?p\b|"
            r"t[\s-]*test|mean|average|differ|significan|\bbias(?:ed)?\b|\b(?:on|off) "
                                    r"(?:target|nominal)|cent(?:red|ered) on|accurate|agree with|consistent with|(?:under|over)[\s-]?fill|"
                                    r"short[\s-]?fill|(?:under|over)weight|"
                                    r"hit(?:s|ting)? (?:the )?(?:target|nominal)|meet(?:s|ing)? (?:the )?(?:target|nominal)|"
                                    r"claim\w* (?:is |was )?(?:supported|true|correct|right|met|valid|accurate|justified)",
                                    low):
        rest = blank_keyed(q[:claim.start()] + " ; " + q[claim.end():] if claim else q, *mu_keys)
        # "the mean was 10.2, the standard deviation 0.3, n = 25": summaries, not observations
        rest = _blank_summaries(rest)
        data = flat_lists(rest)
        # the target said again unkeyed is no value, but a reading that equals it is one ("Fri 500.0 g" against 500 g)
        # stray numbers are the data only when no summary figures are written ("mean … 808.2 … standard deviation of
        # 20.7": a summary, whose numbers are no sample)
        strays = [] if re.search(r"\bstandard deviation\b|\bstd\.? ?dev|\bsd\b", low) else \
            [v for v in numbers(rest) if str(v) != str(mu)]
        values = data[0] if data else (longest_run(rest, 2) or strays)
        values = _told_if_longer(rest, values)
        if len(values) >= 2:
            return [Intent("t_test", {"kind": "one_sample", "x": values, "mu": mu,
                                      "alternative": _alternative(low), **conf})]

    if re.search(r"summar|describe|descriptive|mean|average|standard deviation|std|median|variance|statistics|"
                 r"autocorrelation|serial correlation", low):
        rest = blank_keyed(without_confidence(q), "usl", "lsl", "mean", "average", r"std\.? ?dev(?:iation)?",
                           r"standard deviation", "sigma", "target", "n")
        data = flat_lists(rest)
        values = data[0] if data else (longest_run(without_confidence(q), 3) or longest_run(rest, 2))
        values = _told_if_longer(rest, values)
        if len(values) >= 2:
            bound = _mean_bound(low)
            return [Intent("describe", {"data": values, **conf, **({"bound": bound} if bound else {})},
                           notes=[f"the one-sided {bound} confidence bound for the mean, as asked"] if bound else [])]
    return None
