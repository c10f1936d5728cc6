"""MODE: which kind of question is this? doe, spc, stats, math or general.

Deterministic and cheap (no model, no heavy import): weighted cue phrases in tiers
(graphs/stages/mode_cues.py), the shape of the question (pasted data, a maths expression),
and the nearest labelled example questions (cosine over content words). Rules on top:

- weak, everyday cues ("mean", "design", "chart") count in full only in context: data or a
  maths expression in the question, a strong cue anywhere, or two weak cues of one mode;
- comparison words ("vs", "higher", "differ") favour stats when there is data to compare,
  unless the question is clearly about a design or a chart;
- "process" alone is not SPC; a creative or off-task request ("write a poem about
  statistics") damps every domain; too little domain evidence means general.

Misspelt technical words one edit away from the vocabulary are read as meant ("contorl").
Confidence is the winning share of the combined score. A configured chat model is asked
only when that confidence is below 0.6, and only a valid mode word is accepted from it.
"""

from __future__ import annotations

import math
import re
from collections import Counter

from graphs.planning.extract import without_estimator_formulas
from graphs.planning.factorial_data import factorial_cells
from graphs.stages.mode_cues import ANCHORED, COMPARE, EXAMPLES, OFF_TASK, SMALL_TALK, STOPWORDS, STRONG, WEAK
from graphs.state import MODES
from graphs.trace import StageResult, traced
from tools.errors import HavocInputError

DOMAINS = ("doe", "spc", "stats", "math")
FACTORIAL_CELLS_WEIGHT = 8.0  # responses written as the cells of a two-level factorial: outweighs "anova" + data
WEAK_OUT_OF_CONTEXT = 0.3  # a weak cue with nothing to back it up counts a third
EXAMPLE_WEIGHT = 3.0  # the nearest example's cosine, times this, joins each mode's score
DATA_WEIGHT = 2.5  # a pasted list of measurements, as stats evidence: enough on its own to leave general
NUMBERS_WEIGHT = 1.0  # four or more loose numbers ("yes 30 no 20; yes 18 no 32"), as stats evidence
RANGES_WEIGHT = 1.5  # two or more numeric ranges, as one weak doe cue
COMPARE_WEIGHT = 1.5  # comparison words as one weak stats cue
COMPARE_DATA_BONUS = 3.0  # ... and this much more when there is data to compare and no design or chart
DESIGN_OR_CHART = 3.0  # strong doe evidence, or strong chart/capability evidence, of at least this
OFF_TASK_DAMPING = 0.2  # domain scores of a creative request without data
MIN_DOMAIN = 2.5  # less domain evidence than this is a general question
_SEP = r"[\s\-_/.]*"


_SHORT_PLURALS = {"run", "cat", "dog", "lot", "bbd", "ccd"}  # other short cues take no plural: "does" is not DOEs


def _phrase_pattern(phrase: str) -> str:
    words = [re.escape(w) for w in phrase.split()]
    tail = "(?:s|es)?" if phrase[-1].isalpha() and (len(phrase) > 3 or phrase in _SHORT_PLURALS) else ""
    return _SEP.join(words) + tail


def _key(text: str) -> str:
    return re.sub(r"[\s\-_/.]+", "", text)


def _build_table() -> tuple[re.Pattern, dict[str, list[tuple[str, float, str]]]]:
    table: dict[str, list[tuple[str, float, str]]] = {}
    for tier, source in (("strong", STRONG), ("weak", WEAK), ("anchored", ANCHORED)):
        for mode, phrases in source.items():
            for phrase, weight in phrases.items():
                table.setdefault(_key(phrase), []).append((mode, float(weight), tier))
    phrases = {p for source in (STRONG, WEAK, ANCHORED) for words in source.values() for p in words}
    ordered = sorted(phrases, key=len, reverse=True)  # the longest phrase at a position wins
    pattern = re.compile(r"(?<![a-z0-9])(?:" + "|".join(_phrase_pattern(p) for p in ordered) + r")(?![a-z0-9])")
    return pattern, table


_CUES, _CUE_TABLE = _build_table()
_COMPARE = re.compile(r"(?<![a-z0-9])(?:" + "|".join(_phrase_pattern(p) for p in COMPARE) + r")(?![a-z0-9])")
_SMALL_TALK = re.compile(r"(?<![a-z0-9])(?:" + "|".join(_phrase_pattern(p) for p in SMALL_TALK) + r")(?![a-z0-9])")
_OFF_TASK = re.compile(r"(?<![a-z0-9])(?:" + "|".join(_phrase_pattern(p) for p in OFF_TASK) + r")(?![a-z0-9])")

# Typo tolerance: long technical words, and every single-edit deletion of them.
_VOCAB = {w for source in (STRONG, WEAK, ANCHORED) for words in source.values() for p in words for w in p.split()}
_LONG = sorted(w for w in _VOCAB if len(w) >= 7 and w.isalpha())
_DELETIONS: dict[str, str] = {}
for _word in _LONG:
    for _i in range(len(_word)):
        _DELETIONS.setdefault(_word[:_i] + _word[_i + 1:], _word)
    _DELETIONS.setdefault(_word, _word)


def _correct(word: str) -> str:
    """The vocabulary word one edit (insert, delete, substitute, swap) from `word`, else `word`."""
    if len(word) < 7 or word in _VOCAB or word.rstrip("s") in _VOCAB:
        return word
    if word in _DELETIONS:  # one letter too many
        return _DELETIONS[word]
    for i in range(len(word)):  # one letter missing, wrong or swapped
        hit = _DELETIONS.get(word[:i] + word[i + 1:])
        if hit and abs(len(hit) - len(word)) <= 1:
            return hit
    return word


# The shape of a question.
_NUMBER = r"[-+]?\d+(?:\.\d+)?%?"
_DATA_RUN = re.compile(rf"{_NUMBER}(?:(?:\s*[,;|]\s*|\s+|\s*,?\s+and\s+){_NUMBER}){{2,}}")
_ANY_NUMBER = re.compile(r"(?<![a-z\d.])\d+(?:\.\d+)?")
_RANGE = re.compile(r"\d\s*(?:-|to|\.\.)\s*\d")
_BRACKET_LIST = re.compile(r"\[\s*[-+]?\d[\d.]*\s*(?:,\s*[-+]?\d[\d.]*\s*)+\]")
# "what's 7 factorial" / "factorial of 10": n!, not a factorial design ("2^3 factorial", "a 3 factorial design")
FACTORIAL_OF_A_NUMBER = re.compile(
    r"(?<![\^x\d.\s])\s*\b\d+\s+factorial\b(?=\s*(?:[?.!,]|$|is\b|equals?\b))|\bfactorial of \d+\b(?!\s*(?:factors|levels))")
_MATH_SYMBOLS = [
    (re.compile(r"[\w)\]}]\s*\^\s*[-(\w{]|[a-z)][²³⁴]"), 2.5),  # a power
    (re.compile(r"[∫∑∏√∞→]|\blim\b|\bd\s*/\s*d[a-zθ]\b|\bd[23]\s*/\s*d[a-z][23]?\b|d²|\bdy\s*/\s*dx"), 4.0),  # calculus
    (re.compile(r"\d\s*[*×÷+]\s*\d|\d\s+[-/]\s+\d|(?<![a-z])[a-z)]\s*[*/]\s*[a-z\d(]|\b\d*[a-z]\s*[+]\s*\d"), 2.5),  # arithmetic
    (re.compile(r"\b(?:sin|cos|tan|exp|ln|log|sqrt|arcsin|arccos|arctan)\s*\("), 2.0),  # a function call
    (re.compile(r"\b\d+(?:\.\d+)?\s*%\s*of\s+\d"), 2.5),  # 15% of 240
    (re.compile(r"\b\d+\s*!(?!=)"), 2.5),  # 7! (a factorial)
    (FACTORIAL_OF_A_NUMBER, 6.0),  # "7 factorial", "factorial of 7": a number's factorial, not a design
]
_EQUATION = re.compile(r"[^,;\n]*=[^,;\n]*")
_OPERATOR = re.compile(r"[\w)]\s*[-+*/^]\s*[\w(]|\d[a-z]\b|[a-z]\^")


def _normalise(question: str) -> str:
    text = question.lower().replace("x̄", "xbar").replace("x\u0304", "xbar")
    text = re.sub(r"[–—−]", "-", text)
    return re.sub(r"[a-z]{7,}", lambda m: _correct(m.group(0)), text)


def has_data(text: str) -> bool:
    """A pasted list: a run of three or more numbers, or a bracketed list."""
    return bool(_DATA_RUN.search(text) or _BRACKET_LIST.search(text))


def has_numbers(text: str) -> bool:
    """Data or four or more numbers anywhere ("men: yes 30 no 20; women: yes 18 no 32")."""
    return has_data(text) or len(_ANY_NUMBER.findall(text)) >= 4


def math_expression_score(text: str) -> float:
    score = sum(weight for pattern, weight in _MATH_SYMBOLS if pattern.search(text))
    if not has_numbers(text):  # "x = 1, 2, 3" is data; "2x + 3 = 11" is an equation
        for clause in _EQUATION.findall(text):
            if _OPERATOR.search(clause):
                score += 2.5
                break
    return min(score, 6.0)


def _tokens(text: str) -> Counter:
    words = re.findall(r"[a-zμσ]+(?:-[a-z]+)?", text)
    return Counter(w[:-1] if len(w) > 4 and w.endswith("s") and not w.endswith("ss") else w
                   for w in words if len(w) > 1 and w not in STOPWORDS)


_EXAMPLE_VECTORS = {mode: [_tokens(q.lower()) for q in qs] for mode, qs in EXAMPLES.items()}


def _cosine(a: Counter, b: Counter) -> float:
    dot = sum(a[t] * b[t] for t in a if t in b)
    if not dot:
        return 0.0
    return dot / math.sqrt(sum(v * v for v in a.values()) * sum(v * v for v in b.values()))


def evidence(question: str) -> dict:
    """Every signal MODE weighs, by name: the audit trail of a routing decision."""
    text = _normalise(without_estimator_formulas(question))
    strong = dict.fromkeys(MODES, 0.0)
    weak: dict[str, list[float]] = {m: [] for m in MODES}
    anchored = dict.fromkeys(MODES, 0.0)
    matched: list[str] = []
    seen: set[tuple[str, str]] = set()
    for m in _CUES.finditer(text):
        key = _key(m.group(0))
        entries = _CUE_TABLE.get(key) or _CUE_TABLE.get(key[:-1]) or _CUE_TABLE.get(key[:-2]) or []
        for mode, weight, tier in entries:
            if (mode, key) in seen:
                continue
            seen.add((mode, key))
            matched.append(f"{mode}:{m.group(0)}")
            if tier == "strong":
                strong[mode] += weight
            elif tier == "weak":
                weak[mode].append(weight)
            else:
                anchored[mode] += weight
    data = has_numbers(text)
    pasted = has_data(text)
    expr = math_expression_score(text)
    ranges = len(_RANGE.findall(text))
    comparing = bool(_COMPARE.search(text))
    off_task = bool(_OFF_TASK.search(text))
    greetings = [_key(m.group(0)) for m in _SMALL_TALK.finditer(text)]
    small_talk = sum(SMALL_TALK.get(g, SMALL_TALK.get(g[:-1], 0.0)) for g in dict.fromkeys(greetings))
    rest = _tokens(_SMALL_TALK.sub(" ", text))
    if len(rest) > 2:  # "hi, I need a screening design for ...": the greeting is politeness, not the question
        small_talk *= 0.25
    strong["general"] += small_talk
    try:  # responses typed as the cells of a 2^k ("A low B high: 18, 19", Yates' "(1) a b ab"): a factorial
        factorial = factorial_cells(question) is not None
    except HavocInputError:  # cells with unequal replicates are still a factorial
        factorial = True
    if factorial:
        strong["doe"] += FACTORIAL_CELLS_WEIGHT
        matched.append("doe:factorial cells")
    return {"text": text, "strong": strong, "weak": weak, "anchored": anchored, "data": data, "pasted": pasted,
            "expression": expr, "ranges": ranges, "comparing": comparing, "off_task": off_task, "cues": matched}


def keyword_scores(question: str) -> dict[str, float]:
    """Score per mode from the cues and the shape of the question (no example vote)."""
    return _cue_scores(evidence(question))


def _cue_scores(ev: dict) -> dict[str, float]:
    strong, weak = ev["strong"], ev["weak"]
    context = ev["data"] or ev["expression"] > 0 or sum(strong[m] for m in DOMAINS) >= 3
    if ev["comparing"]:
        weak["stats"].append(COMPARE_WEIGHT)
    if ev["ranges"] >= 2:  # "temperature 150-200, pressure 1 to 3": factors and their ranges
        weak["doe"].append(RANGES_WEIGHT)
    scores = dict.fromkeys(MODES, 0.0)
    for mode in MODES:
        corroborated = sum(w >= 1.5 for w in weak[mode]) >= 2
        factor = 1.0 if context or corroborated else WEAK_OUT_OF_CONTEXT
        scores[mode] = strong[mode] + factor * sum(weak[mode])
        if strong[mode] > 0:
            scores[mode] += ev["anchored"][mode]
    scores["math"] += ev["expression"]
    if ev["data"]:  # pasted measurements are most often a statistics question
        scores["stats"] += DATA_WEIGHT if ev["pasted"] else NUMBERS_WEIGHT
    if ev["data"] or ev["expression"] or ev["ranges"]:  # a topic word beside numbers is not small talk
        scores["general"] *= 0.5
    design_or_chart = strong["doe"] >= DESIGN_OR_CHART or strong["spc"] >= DESIGN_OR_CHART
    if ev["comparing"] and ev["data"] and not design_or_chart:
        scores["stats"] += COMPARE_DATA_BONUS
    if ev["off_task"] and not ev["data"]:
        for mode in DOMAINS:
            scores[mode] *= OFF_TASK_DAMPING
        scores["general"] += 4.0
    return scores


def classify(question: str) -> tuple[str, float, dict[str, float]]:
    """Return (mode, confidence in [0, 1], combined score per mode)."""
    ev = evidence(question)
    kw = _cue_scores(ev)
    q = _tokens(ev["text"])
    near = {mode: max((_cosine(q, ex) for ex in vecs), default=0.0) for mode, vecs in _EXAMPLE_VECTORS.items()}
    combined = {m: kw[m] + EXAMPLE_WEIGHT * near[m] for m in MODES}
    rounded = {m: round(v, 3) for m, v in combined.items()}
    best = max(DOMAINS, key=combined.get)
    if combined[best] < MIN_DOMAIN or combined["general"] > combined[best]:
        total = sum(combined.values())
        if total < 1.5:  # nothing recognisable: say so rather than guess
            return "general", 0.5, rounded
        return "general", round(max(0.5, combined["general"] / total), 3), rounded
    return best, round(combined[best] / sum(combined.values()), 3), rounded


ASK_MODEL_BELOW = 0.6


def classify_with_model(model, question: str) -> str | None:
    """One word from the configured chat model, accepted only if it is one of the modes."""
    from langchain_core.messages import HumanMessage, SystemMessage

    try:
        reply = model.invoke([
            SystemMessage("Classify the question. Answer with exactly one word: doe (design of experiments), "
                          "spc (process control, capability), stats (tests, ANOVA, regression), math (calculus, "
                          "algebra) or general (anything else)."),
            HumanMessage(question[:2000]),
        ])
    except Exception:
        return None
    word = str(reply.content).strip().lower().strip(".!\"' ")
    return word if word in MODES else None


@traced("MODE")
def mode_stage(state: dict, config: dict | None = None) -> StageResult:
    mode, confidence, scores = classify(state["question"])
    model = (config or {}).get("configurable", {}).get("model")
    source = "keywords and labelled examples"
    if model is not None and confidence < ASK_MODEL_BELOW:
        suggested = classify_with_model(model, state["question"])
        if suggested:  # the model breaks a near-tie; its word never lowers our own evidence
            source = f"chat model (keywords said {mode} at {confidence:.2f})"
            mode, confidence = suggested, max(confidence, ASK_MODEL_BELOW)
    if mode == "math":  # start the SymPy worker now, so its start-up overlaps GROUND and PLAN
        from tools.worker import warm_up

        warm_up(block=False)
    return (
        {"mode": mode, "mode_confidence": confidence, "mode_scores": scores},
        f"{mode} (confidence {confidence:.2f})",
        {"scores": scores, "source": source},
    )
