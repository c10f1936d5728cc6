"""Confidence as a probability of being right, calibrated on labelled answers.

    confidence = σ(w · x)        σ(z) = 1 / (1 + e^-z)

x are the features below, all in [0, 1]; w is fitted by logistic regression
(`havoc-agent eval agent --fit`, L2-penalised, Newton's method) on the
project's labelled question sets, where each answer is right or wrong
(refusals carry no confidence: nothing was computed) and stored in
`confidence_weights.json` beside this file with the sets it was fitted on.
`havoc-agent eval agent` reports AUROC and expected calibration error, and
says which sets were not used in the fit.

Three rules sit on top of the fit, for evidence the labelled sets hold no example
of yet: a failed independent recomputation halves the probability, two readers
that disagree cap it at 0.5, and so does a plan only the planner model could read.

The features are the evidence an engineer would weigh: did the reading audit
account for every number and cue, did the independent recomputation pass,
did two readers agree, how clear was the question's kind, did the
assumption checks hold, how many defaults had to be assumed.
"""

from __future__ import annotations

import json
import math
from functools import cache
from pathlib import Path

WEIGHTS_FILE = Path(__file__).with_name("confidence_weights.json")

FEATURES = (
    "bias",
    "reading_numbers",  # 1 when every number of the question is used or has a context role
    "reading_cues",  # 1 when every cue is honoured
    "cues_honoured",  # min(honoured cues, 3) / 3: explicit wording that the plan matched
    "audit_numeric",  # 1 when every independent recomputation passed (inconclusive ones aside)
    "unaudited",  # 1 when a tool had no independent check
    "agreement",  # 1 when two readers' programs gave the same results
    "disagreement",  # 1 when two readers disagreed
    "mode",  # MODE's confidence
    "assumptions",  # (pros + 1) / (pros + cons + 2) over ARGUE's checks
    "defaults",  # min(defaults assumed, 3) / 3 (plan notes that say what was assumed)
    "user_dsl",  # 1 when the user wrote the program
)

# Until a fit exists: the reading audit dominates, as the fit also finds.
DEFAULT_WEIGHTS = {"bias": -1.0, "reading_numbers": 2.0, "reading_cues": 2.0, "cues_honoured": 0.5,
                   "audit_numeric": 1.0, "unaudited": -0.3, "agreement": 1.0, "disagreement": -2.0, "mode": 0.5,
                   "assumptions": 0.5, "defaults": -0.3, "user_dsl": 1.0}


def _assumed(note: str) -> bool:
    low = note.lower()
    return any(w in low for w in ("usual choice", "say how many", "no ranges given", "no factors named",
                                  "assumed", "default", "say which", "if ", "as minitab does"))


def features(state: dict) -> dict[str, float]:
    checks = state.get("audit_checks") or []
    reading = {c["name"]: c for c in checks if c.get("tool") == "reading"}
    numbers = reading.get("every number of the question accounted for")
    cues = reading.get("every cue of the question honoured")
    numeric = [c for c in checks if c.get("tool") != "reading" and not c.get("inconclusive")]
    arguments = state.get("arguments") or []
    pros = sum(a.get("stance") == "pro" for a in arguments)
    cons = sum(a.get("stance") == "con" for a in arguments)
    plan = state.get("plan") or {}
    agreement = state.get("agreement") or "single"
    honoured = sum(bool(c.get("honoured")) for c in (cues or {}).get("cues") or [])
    return {
        "bias": 1.0,
        "reading_numbers": float(bool(numbers and numbers["passed"])),
        "reading_cues": float(bool(cues and cues["passed"])),
        "cues_honoured": min(honoured, 3) / 3,
        "audit_numeric": float(all(c["passed"] for c in numeric)),
        "unaudited": float(bool(state.get("unaudited"))),
        "agreement": float(agreement == "agree"),
        "disagreement": float(agreement == "disagree"),
        "mode": float(state.get("mode_confidence") or 0.0),
        "assumptions": (pros + 1) / (pros + cons + 2),
        "defaults": min(sum(_assumed(n) for n in plan.get("notes") or []), 3) / 3,
        "user_dsl": float(plan.get("planner") == "user_dsl"),
    }


@cache
def weights() -> dict[str, float]:
    if WEIGHTS_FILE.exists():
        return json.loads(WEIGHTS_FILE.read_text(encoding="utf-8"))["weights"]
    return dict(DEFAULT_WEIGHTS)


def probability(x: dict[str, float], w: dict[str, float] | None = None) -> float:
    w = w or weights()
    z = sum(w.get(name, 0.0) * x.get(name, 0.0) for name in FEATURES)
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def calibrated_confidence(state: dict) -> tuple[float, dict[str, float]]:
    """(probability of being right, the features it rests on); 0 when nothing was computed."""
    if not [r for r in state.get("results") or [] if r.get("output") is not None]:
        return 0.0, {}
    x = features(state)
    p = probability(x)
    # evidence the labelled sets hold no example of yet, so the fit cannot weigh it: rules, stated here
    if x["audit_numeric"] == 0.0:
        p *= 0.5  # an independent recomputation disagreed with the tool
    if x["disagreement"] == 1.0:
        p = min(p, 0.5)  # two readers disagree: at best a coin until labelled disagreements exist
    if (state.get("plan") or {}).get("planner") == "chat_model":
        p = min(p, 0.5)  # the model alone read it (the rules could not): its held-out record is no better than that
    return round(p, 3), x


# evidence whose direction is known: a passed check can only raise the probability, a disagreement or an assumed
# default only lower it. The fit keeps these signs (a weight that would flip is held at 0), so a quirk of the
# labelled sets cannot teach the confidence that a failed check is good news.
SIGNS = {"reading_numbers": 1, "reading_cues": 1, "cues_honoured": 1, "audit_numeric": 1, "agreement": 1,
         "disagreement": -1, "defaults": -1}


def fit(rows: list[tuple[dict[str, float], int]], l2: float = 0.1, iterations: int = 100) -> dict[str, float]:
    """Logistic regression by Newton's method with an L2 penalty (not on the bias), keeping the SIGNS."""
    import numpy as np

    X = np.array([[r[0].get(f, 0.0) for f in FEATURES] for r in rows], dtype=float)
    y = np.array([r[1] for r in rows], dtype=float)
    held: set[int] = set()
    while True:
        free = [i for i in range(len(FEATURES)) if i not in held]
        w = np.zeros(len(FEATURES))
        penalty = np.array([0.0 if FEATURES[i] == "bias" else l2 for i in free])
        Xf = X[:, free]
        wf = np.zeros(len(free))
        for _ in range(iterations):
            p = 1.0 / (1.0 + np.exp(-np.clip(Xf @ wf, -30, 30)))
            grad = Xf.T @ (p - y) + penalty * wf
            hess = Xf.T @ (Xf * (p * (1 - p))[:, None]) + np.diag(penalty + 1e-9)
            step = np.linalg.solve(hess, grad)
            wf -= step
            if np.max(np.abs(step)) < 1e-8:
                break
        w[free] = wf
        flipped = {i for i in free if SIGNS.get(FEATURES[i], 0) * w[i] < 0}
        if not flipped:
            return {f: round(float(v), 4) for f, v in zip(FEATURES, w, strict=True)}
        held |= flipped


def auroc(scores: list[float], labels: list[int]) -> float | None:
    """Probability that a right answer scores above a wrong one (ties count half)."""
    pos = [s for s, y in zip(scores, labels, strict=True) if y == 1]
    neg = [s for s, y in zip(scores, labels, strict=True) if y == 0]
    if not pos or not neg:
        return None
    wins = sum((p > n) + 0.5 * (p == n) for p in pos for n in neg)
    return wins / (len(pos) * len(neg))


def expected_calibration_error(scores: list[float], labels: list[int], bins: int = 10) -> float | None:
    if not scores:
        return None
    total = 0.0
    for b in range(bins):
        lo, hi = b / bins, (b + 1) / bins
        idx = [i for i, s in enumerate(scores) if lo <= s < hi or (b == bins - 1 and s == 1.0)]
        if idx:
            acc = sum(labels[i] for i in idx) / len(idx)
            conf = sum(scores[i] for i in idx) / len(idx)
            total += len(idx) / len(scores) * abs(acc - conf)
    return total
