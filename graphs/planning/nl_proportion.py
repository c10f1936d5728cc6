"""Questions about proportions → `proportion_test`: one rate against a claimed value, two rates compared,
Fisher's exact test of a 2 × 2 table.

Why its own module: counts against sample sizes ("12 defective out of 400") read differently from
measurements, and a stand-in (a chi-square test for Fisher's, nothing for one proportion) is what users got
before; this planner says which test it chose, and refuses, naming what is missing, rather than guess.
"""

from __future__ import annotations

import re
from decimal import Decimal

from graphs.planning.difference_order import asks_second_first
from graphs.planning.extract import NUM, continuity_correction, spell_numbers, tables, to_decimal
from graphs.planning.intent import Intent
from tools.errors import HavocInputError

# "12/400", "12 of 400", "12 defective out of 400", "12 failures in 400": a count against its size
_PAIR = re.compile(r"(?<![\w./])(\d+)\s*(?:/|(?:[A-Za-z]+\s+){0,2}?(?:\bout\s+of\b|\bof\b|\bin\b|\bfrom\b)\s*"
                   r"(?:(?:a|an|the)\s+)?(?:(?:random|simple|single|new|first|second|further|larger|smaller|"
                   r"small|large)\s+)?(?:(?:sample|batch|lot|run|total|group|set)\s+(?:of\s+)?)?)\s*"
                   r"(\d+)(?![\w/]|[.,]\d)", re.I)
# "out of 150 customers, 48 responded", "in a sample of 400 calls after the change, 58 were resolved": the size first
_SIZE_FIRST = re.compile(r"\b(?:out\s+of|(?:in|from)\s+(?:a|the)\s+(?:random\s+)?(?:sample|survey|poll|audit|check)\s+of)\s+"
                         r"(\d+)\s+(?:[A-Za-z']+\s+){0,5}?[A-Za-z]+\s*,?\s+(\d+)\s+(?![\d.])|"
                         # "of 120 sampled castings 14 had porosity": "of" alone needs the verb after the count
                         r"(?<![\w.])of\s+(\d+)\s+(?:[A-Za-z']+\s+){0,4}?[A-Za-z]+\s*[,;]?\s+(\d+)\s+"
                         r"(?=(?:[A-Za-z]+\s+){0,2}?(?:had|were|was|failed|passed|showed|did|got|gave|responded|"
                         r"leaked|cracked|broke|healed|recovered|survived|improved|converted|cured|succeeded|"
                         r"bought|clicked|returned|complained)\b)|"
                         # "600 units inspected, 35 defective"
                         r"(?<![\w.])(\d+)\s+(?:[A-Za-z]+\s+){0,2}(?:inspected|tested|checked|sampled|made|produced|built)"
                         r"\s*[,;]?\s*(?:and\s+|with\s+)?(\d+)\s+(?=(?:[a-z]+\s+)?(?:defective|rejected|failed|bad|"
                         r"nonconforming|rejects|faulty)\b)|"
                         # "200 relays cycled 10,000 times each at 85 °C, 7 failed": how each was tested between them
                         r"(?<![\w.,])(\d+)\s+[A-Za-z-]+\s+(?:were\s+)?(?:cycled|tested|run|ran|stressed|aged|burned[\s-]in|"
                         r"soaked|loaded|dropped|flexed|heated|exposed)\b[^.;?!]{0,60}?[,;]\s*(?:and\s+)?(\d+)\s+"
                         r"(?=(?:of\s+them\s+)?(?:failed|broke|cracked|leaked|survived|passed)\b)", re.I)
# "we inspected 300 parts and found 7 defective": the size first, then what was found
_INSPECTED = re.compile(r"\b(?:inspected|inspection of|tested|testing of|checked|sampled|a sample of|examined|audited|"
                        r"surveyed|asked|measured|pulled|took|drew|picked|selected|shipped|sold|delivered|installed|"
                        r"fitted|assembled|produced|made|built|treated|enrolled|mailed|sent|ran|put)\s+(\d+)\s+"
                        r"(?:(?:[A-Za-z]+,?|[A-Za-z]*\d[\w-]*|\(id\))\s+){0,7}?(?:and\s+|,\s*)?"
                        r"(?:(?:found|had|saw|got|observed|with)\s+(\d+)\b|"
                        # "we inspected 60 welds and 7 were defective"
                        r"(?<=and\s)(\d+)\s+(?:of\s+them\s+)?(?=(?:were|was|are|turned\s+out|came\s+(?:back|out)|"
                        r"failed|passed|survived|conformed|succeeded|worked|leaked|cracked|broke)\b))"
                        r"(?![.,]\d)", re.I)
_FISHER = re.compile(r"fisher'?s?(?:\s+exact)?\s+(?:probability\s+)?test|fisher'?s?\s+exact|fisher\s+exact")
_NAMED = re.compile(r"binomial\s+test|exact\s+binomial|binom\.test|clopper|wilson|one[\s-]*proportion|single\s+"
                    r"proportion|proportions?\s+test|test\s+(?:of|for|on)\s+(?:a\s+|one\s+|the\s+|two\s+)?"
                    r"proportions?|z[\s-]*test\s+(?:of|for|on)\s+(?:the\s+)?(?:two\s+)?proportions?|two[\s-]*"
                    r"proportions?|compare\s+(?:the\s+)?(?:two\s+)?(?:proportions|rates)|newcombe|difference\s+"
                    r"(?:in|between|of)\s+(?:the\s+|two\s+)?(?:proportions|rates)|prop\.test")
_RATE = re.compile(r"proportion|\brates?\b|percent|percentage|fraction|yield|share|defect|failure|fail|success|"
                   r"pass|respon|conversion|click|\bvotes?\b|heads|tails|coin|faulty|rejects?|scrap")
_COMPARING = re.compile(r"compar|differ|same|\bvs\.?\b|versus|between|significan|higher|lower|better|worse|"
                        r"more|less|fewer|greater|improv|reduc|increas|decreas|chang")
_CHART = re.compile(r"\b(?:p|np|c|u)[\s-]*charts?|control\s+(?:chart|limits?)|\bspc\b|in control|monitor")
_CHI = re.compile(r"chi[\s-]*squared?|contingency|goodness[\s-]*of[\s-]*fit")
_INTERVAL = re.compile(r"interval|\bci\b|margin of error|estimate|bounds?\b|how (?:precise|sure)")
_PERCENT = re.compile(rf"({NUM})\s*(?:%|percent\b|per cent\b)")
_P0_DECIMAL = re.compile(r"(?:p0|p_0|π0|π_0|hypothesi[sz]ed (?:proportion|rate|value)|null (?:proportion|value)|"
                         r"claim(?:ed|s)?|target|historical(?:ly)?|standard|benchmark|than|from|exceeds?|below|"
                         r"above|under|over|at most|at least|equal to|equals|(?:proportion|rate|probability)"
                         r"(?: is| of| =|:)|is|be|=)\s*(?:the\s+|a\s+)?(0?\.\d+)(?![\d%])")


# "flipped 40 times, 27 heads", "rolled 60 times and got 14 sixes": the trials, then the successes
_TRIALS = re.compile(r"\b(?:flipped|tossed|spun|rolled|tried|attempted|repeated|ran|played|fired|launched)\s+"
                     r"(?:it\s+|them\s+)?(\d+)\s+times\b\s*(?:[,;:]|and|with)?\s*(?:got\s+|saw\s+|came up\s+|had\s+)?"
                     r"(\d+)\b(?![.,]\d)", re.I)


# "We pulled 409 boards off line 3 on Tuesday. 23 of them had at least one defect": the size, then "k of them"
_OF_THEM = re.compile(r"\b(?:inspected|tested|checked|sampled|examined|audited|pulled|took|drew|picked|selected|"
                      r"measured|built|made|produced|shipped|received|surveyed|asked)\s+(\d+)\s+[A-Za-z][^.;?!]{0,60}?"
                      r"[.;,]\s+(?:and\s+)?(\d+)\s+of\s+(?:them|these|those|the\s+\d+)\b", re.I)


def count_pairs(text: str) -> list[tuple[int, int]]:
    """Every count written against its size, each a whole count no larger than its size (a date is not one)."""
    clean = spell_numbers(text.replace("−", "-"))  # "fifty-eight of 400": counts written as words
    # "Of 480 boards from lot 2207 (built 14 Feb, reflow profile 4), 14 had …": an aside in brackets is no count
    # (a bracket that holds a count against its size, "(14 of 220)", is kept)
    clean = re.sub(r"\([^()]*\)", lambda m: m.group(0) if _PAIR.search(m.group(0)) else " " * len(m.group(0)), clean)
    pairs = [(int(a), int(b)) for a, b in _PAIR.findall(clean)]
    if not pairs:
        size_first = [(m[0] or m[2] or m[4] or m[6], m[1] or m[3] or m[5] or m[7]) for m in _SIZE_FIRST.findall(clean)]
        pairs = [(int(a), int(b)) for b, a in size_first + [(size, a or b) for size, a, b in _INSPECTED.findall(clean)]
                 + _TRIALS.findall(clean) + _OF_THEM.findall(clean)]
    return [(a, b) for a, b in pairs if b > 0 and a <= b]


def _without_pairs(text: str) -> str:
    return _OF_THEM.sub(" ", _TRIALS.sub(" ", _INSPECTED.sub(" ", _SIZE_FIRST.sub(" ", _PAIR.sub(" ", text)))))


def _p0(text: str, low: str) -> Decimal | None:
    """The proportion a single rate is held against: "more than 5%", "p0 = 0.3", "the claimed 20 percent";
    a confidence or power level ("95% confidence") is not one."""
    rest = _without_pairs(text)
    found = []
    for m in _PERCENT.finditer(rest):
        after = rest[m.end():m.end() + 40].lower()
        before = rest[max(0, m.start() - 25):m.start()].lower()
        if re.match(r"\s*(?:two[\s-]*sided\s+)?(?:(?:[\w-]+\s+){0,2}(?:interval|ci\b)|confidence|ci\b|level|power|sure|"
                    r"significance)", after) or \
                re.search(r"(?:confidence|ci|power|significance|alpha|α)(?: level)?\s*(?:of|=|:|at|is)?\s*$|"
                          r"(?:sided|tailed)\s*[,;]?\s*(?:at\s+)?$", before):
            continue
        found.append(to_decimal(m.group(1)) / 100)
    if len(set(found)) == 1:
        return found[0]
    if len(set(found)) > 1:
        return None
    decimals = {to_decimal(m.group(1)) for m in _P0_DECIMAL.finditer(rest.lower())}
    decimals = {d for d in decimals if 0 < d < 1 and not re.search(rf"(?:confidence|alpha|α|significance)\s*"
                                                                  rf"(?:level)?\s*(?:of|=|:)?\s*{re.escape(str(d))}",
                                                                  low)}
    if len(decimals) == 1:
        return decimals.pop()
    if re.search(r"fair coin|\bfair\b|50/50|fifty[\s-]fifty|\bhalf\b|equally likely", low):
        return Decimal("0.5")
    return None


def _label_before(text: str, start: int, floor: int) -> str | None:
    """The name written just before a count ("Line A had 12 …", "night shift: 8/200"): one or two words."""
    head = text[floor:start]
    m = re.search(r"([A-Za-z][\w-]*(?:\s+[A-Za-z0-9][\w-]*)?)\s*(?:had|has|with|showed|gave|saw|[:=(,-])?\s*$", head)
    if not m:
        return None
    words = [w for w in m.group(1).split() if w.lower() not in ("had", "has", "with", "and", "vs", "versus", "the")]
    return " ".join(words) or None


# a rate of something bad (leaks, defects, failures) is "worse" when higher; of something good, "better"
_BAD = re.compile(r"defect|fail|leak|reject|scrap|crack|complain|return|error|fault|broke|bad\b|nonconform|rework")
_GOOD = re.compile(r"\bpass|success|yield|heal|cure|convert|respon|recover|surviv|click|\bgood\b|accept")


def _sample_spans(text: str) -> list[re.Match[str]]:
    spans = list(_PAIR.finditer(text))
    if len(spans) < 2:  # "old line - 600 units inspected, 35 defective": the size written first
        spans = list(_SIZE_FIRST.finditer(text))
    if len(spans) < 2:  # "Line 1 shipped 400 gearboxes and 27 came back"
        spans = list(_INSPECTED.finditer(text))
    return spans


def sample_labels(text: str) -> list[str | None]:
    """The names written before the first two counts, or [] when there are not two. A before/after or old/new word
    opening the stretch before a count is its name ("Before the poka-yoke: 30 rejects …")."""
    spans = _sample_spans(text)
    if len(spans) < 2:
        return []
    labels = []
    for floor, start in ((0, spans[0].start()), (spans[0].end(), spans[1].start())):
        head = re.split(r"[.;\n]\s*", text[floor:start])[-1]
        stage = re.match(r"\s*(before|after|pre|post|old|new|baseline)\b", head, re.I)
        labels.append(stage.group(1) if stage else _label_before(text, start, floor))
    return labels


def _two_sample_side(text: str, low: str) -> tuple[str, list[str]]:
    """The alternative for p1 − p2 when the question names which sample should be higher; two-sided (and said)
    when it does not name them clearly."""
    word = re.search(r"\b(?:greater|larger|higher|more|increased?|exceeds?|above|less|smaller|lower|fewer|"
                     r"decreased?|below|reduced?|worse|better|go(?:es)? (?:up|down)|went (?:up|down)|rose|fell|dropped)\b", low)
    if word and word.group(0) in ("worse", "better"):
        bad, good = bool(_BAD.search(low)), bool(_GOOD.search(low))
        if bad == good:
            return "two-sided", ["the question says one sample is better or worse but not whether that rate is "
                                 "of something good or bad: the test is two-sided"]
    if not word or (re.search(r"two[\s-]*sided|two[\s-]*tailed|\bdiffer", low)
                    and not re.search(r"one[\s-]*sided|one[\s-]*tailed", low)):
        return "two-sided", []
    labels = sample_labels(text)
    if not labels:
        return "two-sided", ["the question says one rate is higher or lower but does not name the samples "
                             "clearly: the test is two-sided"]
    words = [set(lab.lower().split()) if lab else set() for lab in labels]
    own = [sorted(words[0] - words[1]), sorted(words[1] - words[0])]
    if not own[0] or not own[1]:
        return "two-sided", ["the question says one rate is higher or lower but does not name the samples "
                             "clearly: the test is two-sided"]
    head = low[:word.start()]
    last = [max((m.start() for w in ws for m in re.finditer(rf"\b{re.escape(w)}\b", head)), default=-1)
            for ws in own]
    # "is the failure rate higher with the new flux": the sample named just after the comparative is its subject
    after = re.match(r"(?:\s+(?:common|likely|frequent|often|prevalent))?\s+(?:with|for|in|on|at|among|using|under|from)"
                     r"\s+(?:the\s+)?((?:[\w-]+\s*){1,3})",
                     low[word.end():])
    named_after = [bool(after and any(re.search(rf"\b{re.escape(w)}\b", after.group(1)) for w in ws)) for ws in own]
    if max(last) < 0 and not any(named_after):
        return "two-sided", ["the question does not say which sample is higher: the test is two-sided"]
    up = word.group(0) in ("greater", "larger", "higher", "more", "increase", "increased", "exceed", "exceeds",
                           "above", "go up", "goes up", "went up", "rose") or (word.group(0) == "worse" and bool(_BAD.search(low))) or (
        word.group(0) == "better" and bool(_GOOD.search(low)))
    subject_is_first = named_after[0] if named_after[0] != named_after[1] else last[0] > last[1]
    side = "greater" if up == subject_is_first else "less"
    return side, [f"one-sided: H1 says p({labels[0]}) {'>' if side == 'greater' else '<'} p({labels[1]})"]


# "against 50/50", "a 50-50 split", "fifty-fifty": even odds, a hypothesised proportion of one half, not 50 of 50
_EVEN = re.compile(r"(?<![\w./])50\s*(?:/|-|–|:)\s*50(?![\w./]|[.,]\d)|\bfifty[\s-]fifty\b|\beven odds\b", re.I)


def plan_proportion(q: str, low: str, conf: dict) -> list[Intent] | None:
    q = _EVEN.sub("50%", q)
    low = q.lower()
    fisher = _FISHER.search(low)
    named = _NAMED.search(low)
    pairs = count_pairs(q)
    if _CHART.search(low) and not (fisher or named):
        return None
    said = continuity_correction(q)  # "no continuity correction" declines it; unsaid, the tool's default stands
    correct = {} if said is None else {"correct": said}
    if fisher:
        return _fisher(q, pairs, conf, low)
    if _CHI.search(low) and not named:
        if len(pairs) >= 2:  # the chi-square test by name, on counts out of their sizes: a k × 2 table
            return [Intent("chi_square", {"table": [[Decimal(a), Decimal(b - a)] for a, b in pairs]},
                           notes=["counts out of their sizes as a k × 2 table of (count, size − count)"])]
        return None
    if len(pairs) == 2 and (named or _COMPARING.search(low) or _RATE.search(low)):
        method = "z" if re.search(r"\bz[\s-]*test|normal approx", low) else "auto"
        side, notes = _two_sample_side(q, low)
        labels = sample_labels(q)
        if len(labels) == 2 and all(labels) and asks_second_first(q, labels[0], labels[1]):
            pairs = pairs[::-1]  # "z (line 2 minus line 1)": the second sample first
            side = {"less": "greater", "greater": "less"}.get(side, side)
            notes = [*notes, f"the difference taken as p({labels[1]}) − p({labels[0]}), as asked"]
        args = {"x": [Decimal(pairs[0][0]), Decimal(pairs[1][0])], "n": [Decimal(pairs[0][1]), Decimal(pairs[1][1])],
                "method": method,
                "alternative": side, **correct, **conf}
        return [Intent("proportion_test", args, notes=["two proportions: " + (
            "the pooled z test" if method == "z" else "the pooled z test, or Fisher's exact test when an expected "
            "count is under 5") + "; Newcombe's interval for the difference", *notes])]
    if len(pairs) == 1 and (named or _RATE.search(low)):
        x, n = (Decimal(v) for v in pairs[0])
        p0 = _p0(q, low)
        asked = re.sub(r"\b(?:not|no|rather than|instead of|without)\s+(?:the\s+|a\s+|an\s+)?(?:normal approx\w*|z[\s-]*test|"
                       r"large[\s-]*sample\s+\w+|score\s+test)", " ", low)  # "exact (not the normal approximation)"
        method = "exact" if re.search(r"\bexact\b", asked) and not re.search(r"\bz[\s-]*test|score", asked) else \
            "score" if re.search(r"\bz[\s-]*test|score|wilson|normal approx|large[\s-]*sample", asked) else "exact"
        # "23 of them had at least one defect; across those boards we counted 41 defects": the defects are
        # counted on the defective items; the fraction defective counts the items
        defects = [m.group(1) for m in re.finditer(r"\b(\d+)\s+(?:[a-z]+\s+)?(?:defects|blemishes|flaws|scratches|"
                                                     r"nonconformities|non-conformities)\b", q, re.I)
                   if int(m.group(1)) not in (int(x), int(n))]
        extra = [f"{', '.join(defects)} defects: a count of defects on the items, not of defective items; the "
                 f"fraction is of the items ({x} of {n})"] if defects and re.search(r"defective|fraction|proportion",
                                                                                    low) else []
        if p0 is None:
            if _INTERVAL.search(low):
                return [Intent("proportion_test", {"x": [x], "n": [n], "method": method, **correct, **conf},
                               notes=["no proportion to test against was given: the interval is the answer (the "
                                      "p-value is against 0.5)", *extra])]
            if named or re.search(r"test|significan|claim|evidence|differ|exceed|more than|less than|below|above|"
                                  r"higher|lower", low):
                raise HavocInputError(f"a test of one proportion ({x} of {n}) needs the proportion to test against, "
                                      "e.g. 'is it more than 5%?'", field="p0")
            return None
        args = {"x": [x], "n": [n], "p0": p0, "method": method, "alternative": _one_sample_side(low), **correct,
                **conf}
        return [Intent("proportion_test", args, notes=[f"one proportion against {p0}: " + (
            "the exact binomial test" if method == "exact" else "the score test") + " with the Clopper-Pearson and "
            "Wilson intervals", *extra], read=[(p0 * 100).normalize()])]  # "5%" is the p0 of 0.05
    if named and not pairs and not tables(q):
        raise HavocInputError("a proportion test needs counts against sample sizes, e.g. '12 defective out of "
                              "400'", field="x")
    return None


def _one_sample_side(low: str) -> str:
    from graphs.planning.nl_stats import _BOUND_WORDS, _ONE_SIDED, stated_h1, verb_side

    low = _BOUND_WORDS.sub(" ", low)
    stated = stated_h1(low)
    if stated:
        return stated
    # "the supplier claims at most 2 % defective": the evidence sought is against the claim (H1: p > 2 %)
    claim = re.search(r"\b(?:claims?|claimed|guarantee[sd]?|promise[sd]?|says?|states?|specif\w*|should be|must be|"
                      r"supposed to be|contract\w*)\b[^.?!]{0,30}?\bat (most|least)\b", low)
    if claim:
        return "greater" if claim.group(1) == "most" else "less"
    # "Requirement: at least 95 % pass. … Is there evidence that the true pass rate is below 95 %?": the question
    # asked names the direction, before any requirement told around it
    asked = [m.group(0) for m in re.finditer(r"[^.?!\n]*\?|[^.?!\n]*\b(?:evidence that|test (?:whether|if)|"
                                             r"check (?:whether|if)|show that)\b[^.?!\n]*", low)]
    for text in [*asked, low]:
        up = re.search(r"greater|larger|higher|more than|increase|exceed|above|over\b|at least", text)
        down = re.search(r"\bless than|smaller|lower|fewer|decrease|below|under\b|at most", text)
        if bool(up) != bool(down) or text is low:
            if up:
                return "greater"
            if down:
                return "less"
    if _ONE_SIDED.search(low):  # "has it gone up? one-sided": a verb names the direction
        return verb_side(low) or "two-sided"
    return "two-sided"


def _fisher(q: str, pairs: list[tuple[int, int]], conf: dict, low: str) -> list[Intent]:
    side = "two-sided"
    notes: list[str] = []
    read: list[Decimal] = []
    if len(pairs) == 2:
        x, n = [Decimal(pairs[0][0]), Decimal(pairs[1][0])], [Decimal(pairs[0][1]), Decimal(pairs[1][1])]
        side, notes = _two_sample_side(q, low)
    else:
        found = [t for t in tables(q) if len(t) == 2 and all(len(r) == 2 for r in t)] or _split_counts(q)
        if not found:
            shapes = tables(q)
            what = f"a {len(shapes[0])} × {len(shapes[0][0])} table" if shapes and shapes[0] else "no 2 × 2 table"
            raise HavocInputError(f"Fisher's exact test here takes a 2 × 2 table or two counts out of their "
                                  f"sample sizes; the question gives {what}", field="x")
        (a, b), (c, d) = found[0]
        if any(v != int(v) or v < 0 for v in (a, b, c, d)):
            raise HavocInputError("a 2 × 2 table of counts holds whole numbers", field="x")
        x, n = [Decimal(a), Decimal(c)], [Decimal(a + b), Decimal(c + d)]
        read = [Decimal(b), Decimal(d)]  # the second column: counted in each row's total
        notes = ["the table's rows are the two samples and its first column the successes: odds ratio "
                 "(a·d)/(b·c)"]
        side = _table_side(q, low, [(a, b), (c, d)]) or side
    intents = [Intent("proportion_test", {"x": x, "n": n, "method": "fisher", "alternative": side, **conf},
                      notes=["Fisher's exact test of the 2 × 2 table, with the conditional maximum-likelihood odds "
                             "ratio", *notes], read=read)]
    both = re.search(r"two[\s-]*sided|two[\s-]*tailed", low) and re.search(r"one[\s-]*sided|one[\s-]*tailed", low)
    if both and side != "two-sided":  # "the two-sided p … and the one-sided p for …": both, each its own test
        intents.insert(0, Intent("proportion_test", {**intents[0].args, "alternative": "two-sided"},
                                 notes=["Fisher's exact test, two-sided, as asked (the one-sided test follows)"]))
    return intents


def _split_counts(q: str) -> list[list[list[Decimal]]]:
    """"treated 3 cracked / 17 fine, untreated 10 cracked / 12 fine": a 2 × 2 table in prose, each row a count of
    one outcome against the other, the same two outcome words on both rows."""
    # ("New coating: 9 panels passed, 3 failed": a noun may stand between a count and its outcome)
    rows = re.findall(r"(?<![\w.])(\d+)\s+(?:[A-Za-z]+\s+)?([A-Za-z]+)\s*(?:/|,|;|and|vs\.?|versus)\s*(\d+)\s+(?:[A-Za-z]+\s+)?"
                      r"([A-Za-z]+)\b", q)
    if len(rows) != 2 or {(r[1].lower(), r[3].lower()) for r in rows} != {(rows[0][1].lower(), rows[0][3].lower())} or \
            rows[0][1].lower() == rows[0][3].lower():
        return []
    return [[[Decimal(r[0]), Decimal(r[2])] for r in rows]]


def _table_side(q: str, low: str, rows: list[tuple[int, int]]) -> str | None:
    """"one-sided, for the alternative that uncoated parts fail more often": the side of the first row's share of
    the first column, from the row the question names with a direction word."""
    if not re.search(r"one[\s-]*sided|one[\s-]*tailed", low):
        return None
    labels = []
    for a, b in rows:
        m = re.search(rf"(?m)^\s*\|?\s*([A-Za-z][\w -]*?)\s*[|:,\t ]\s*{a}\s*[|,\t ]\s*{b}\b", q) or \
            re.search(rf"([A-Za-z][\w-]*(?:\s+[A-Za-z][\w-]*)?)\s*[:,-]\s*{a}\s+(?:[A-Za-z]+\s+)?[A-Za-z]+\s*[,/;]\s*"
                      rf"(?:and\s+)?{b}\b", q)  # in prose: "New coating: 9 panels passed, 3 failed"
        labels.append(m.group(1).strip().lower() if m else None)
    if None in labels:
        return None
    claim = re.search(r"(?:alternative|h1|hypothesis|one[\s-]*(?:sided|tailed)[^.?!]{0,30}?\bfor)[^.?!]{0,20}?(?:that\s+)?"
                      r"(.{0,60}?)\b(more|higher|greater|larger|"
                      r"less|lower|fewer|smaller)\b", low)
    if not claim:
        return None
    said = [lab for lab in labels if lab and re.search(rf"\b{re.escape(lab)}", claim.group(1))]
    if len(said) != 1:
        return None
    up = claim.group(2) in ("more", "higher", "greater", "larger")
    first = said[0] == labels[0]
    return "greater" if up == first else "less"
