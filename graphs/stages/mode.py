"""MODE: which kind of question is this? doe, spc, stats, math or general.

Two signals, both cheap and deterministic: weighted keywords, and the nearest
labelled example questions (token-set cosine). Confidence is the winning share
of the combined score. A configured chat model is asked only when that
confidence is below 0.6, and only a valid mode word is accepted from it.
"""

from __future__ import annotations

import math
import re
from collections import Counter

from graphs.state import MODES
from graphs.trace import StageResult, traced

KEYWORDS: dict[str, dict[str, float]] = {
    "doe": {
        "doe": 3, "design": 1.5, "experiment": 2, "experiments": 2, "factorial": 3, "fractional": 3,
        "box-behnken": 4, "behnken": 4, "bbd": 4, "ccd": 4, "central composite": 4, "composite": 2,
        "plackett": 4, "burman": 4, "latin hypercube": 4, "hypercube": 3, "resolution": 2, "alias": 3,
        "aliasing": 3, "generators": 3, "centre points": 3, "center points": 3, "response surface": 4,
        "effects": 1.5, "screening": 3, "runs": 1, "factors": 2, "factor": 1.5, "rsm": 4, "lenth": 3,
        "stationary point": 3, "randomize": 1, "blocks": 1,
    },
    "spc": {
        "control chart": 4, "chart": 2.5, "x-bar": 4, "xbar": 4, "x̄": 4, "imr": 4, "i-mr": 4,
        "individuals": 2, "moving range": 3, "p chart": 4, "np chart": 4, "c chart": 4, "u chart": 4,
        "capable": 4, "capability": 4, "cpk": 5, "cp": 3, "ppk": 5, "pp": 1, "lsl": 3, "usl": 3,
        "spec": 2, "specification": 2, "western electric": 4, "nelson": 4, "run rules": 4,
        "in control": 3, "out of control": 3, "subgroup": 3, "subgroups": 3, "defectives": 3,
        "defects": 3, "process": 1.5, "control limits": 4, "ppm": 2, "d2": 3, "spc": 5, "constants": 1,
        "stable": 1.5, "shewhart": 4,
    },
    "stats": {
        "t-test": 4, "t test": 4, "ttest": 4, "anova": 4, "compare": 2, "difference": 1.5,
        "significant": 2.5, "p-value": 3, "mean": 1.5, "means": 2, "average": 1, "regression": 4,
        "regress": 4, "correlation": 2, "chi-square": 4, "chi square": 4, "contingency": 3,
        "independence": 2, "normality": 3, "normal": 1.5, "shapiro": 4, "anderson": 3, "levene": 4,
        "variance": 1.5, "standard deviation": 2, "describe": 2, "summary": 1.5, "statistics": 2,
        "suppliers": 2, "groups": 1.5, "paired": 3, "before": 1, "after": 1, "welch": 4, "tukey": 4,
        "kruskal": 4, "fit": 1.5, "slope": 2, "intercept": 2, "linear": 1.5, "hypothesis": 2,
        "median": 1.5, "samples": 1, "treatment": 1, "goodness of fit": 3, "two-way": 3, "one-way": 3,
    },
    "math": {
        "derivative": 5, "differentiate": 5, "integral": 5, "integrate": 5, "antiderivative": 5,
        "solve": 3, "equation": 3, "simplify": 4, "limit": 4, "series": 3, "taylor": 5, "maclaurin": 5,
        "expand": 2, "factor": 0.5, "sin": 2, "cos": 2, "tan": 2, "exp": 2, "log": 1.5, "ln": 2,
        "sqrt": 1.5, "x^": 3, "x²": 3, "x³": 3, "dx": 3, "matrix": 3, "determinant": 5, "inverse": 3,
        "eigenvalues": 5, "d/dx": 5, "roots": 2,
    },
    "general": {
        "weather": 4, "hello": 3, "hi": 2, "who are you": 4, "what can you do": 5, "help": 2,
        "thanks": 3, "joke": 4, "news": 4, "recipe": 4,
    },
}

EXAMPLES: dict[str, list[str]] = {
    "doe": [
        "Design a Box-Behnken DOE for temperature, pressure and time",
        "I need a screening design for 7 factors in 8 runs",
        "Give me a 2^(5-1) fractional factorial of resolution V",
        "Build a central composite design for two factors with 5 centre points",
        "Which effects are active in this 2^4 factorial with these responses",
        "Fit a response surface to these runs and find the optimum",
        "Full factorial experiment with three factors at two levels",
    ],
    "spc": [
        "Is this process capable with spec limits 9.8 and 10.2",
        "Make an X-bar R control chart for these subgroups",
        "Compute Cpk for these measurements",
        "Are any points out of control by the Nelson rules",
        "p chart for defectives in samples of 100",
        "Individuals and moving range chart for these readings",
        "Control chart constants for subgroup size 5",
    ],
    "stats": [
        "Compare these three suppliers",
        "Is there a significant difference between the two machines",
        "Run a paired t-test on before and after values",
        "Regress yield on temperature",
        "Test whether these counts are independent",
        "Summary statistics for this data",
        "Is this data normally distributed",
        "Two-way ANOVA of operator and machine",
    ],
    "math": [
        "What is the derivative of x^3 sin x",
        "Integrate x^2 from 0 to 1",
        "Solve x^2 - 4 = 0",
        "Limit of sin(x)/x as x goes to 0",
        "Taylor series of exp(x) around 0",
        "Simplify (x^2 - 1)/(x - 1)",
        "Determinant of the matrix [[1,2],[3,4]]",
    ],
    "general": [
        "What is the weather in Paris",
        "Hello, what can you do",
        "Tell me a joke",
        "Who won the football match yesterday",
    ],
}

_TOKEN = re.compile(r"[a-zA-Zμσ²³̄]+(?:-[a-zA-Z]+)?|\^")


def _tokens(text: str) -> Counter:
    return Counter(t.lower() for t in _TOKEN.findall(text) if len(t) > 1 or t == "^")


_EXAMPLE_VECTORS = {mode: [_tokens(q) for q in qs] for mode, qs in EXAMPLES.items()}


def _cosine(a: Counter, b: Counter) -> float:
    dot = sum(a[t] * b[t] for t in a if t in b)
    if not dot:
        return 0.0
    return dot / math.sqrt(sum(v * v for v in a.values()) * sum(v * v for v in b.values()))


def keyword_scores(question: str) -> dict[str, float]:
    text = " " + question.lower() + " "
    scores = dict.fromkeys(MODES, 0.0)
    for mode, words in KEYWORDS.items():
        for word, weight in words.items():
            pattern = r"(?<![a-z0-9])" + re.escape(word) + r"(?![a-z0-9])" if word[-1].isalnum() else re.escape(word)
            if re.search(pattern, text):
                scores[mode] += weight
    return scores


def classify(question: str) -> tuple[str, float, dict[str, float]]:
    """Return (mode, confidence in [0, 1], combined score per mode)."""
    kw = keyword_scores(question)
    q = _tokens(question)
    near = {mode: max((_cosine(q, ex) for ex in vecs), default=0.0) for mode, vecs in _EXAMPLE_VECTORS.items()}
    combined = {m: kw[m] + 4.0 * near[m] for m in MODES}
    total = sum(combined.values())
    best = max(combined, key=combined.get)
    if total < 1.5:  # nothing recognisable: say so rather than guess
        return "general", 0.5, combined
    confidence = combined[best] / total
    return best, round(confidence, 3), {m: round(v, 3) for m, v in combined.items()}


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
