"""Score the agent on labelled question sets: right / refused / wrong, and how well confidence separates them.

Two formats of labelled questions, both JSON lines:

- the agent set (`tests/data/agent_questions.jsonl`): `tool`, `mode`, `args`, `expect` keys of the main
  result, `expr` for symbolic answers (written by tests/data/make_agent_questions.py);
- blind rounds (`tests/data/blind/*.jsonl`): `tools` (acceptable tool names), `expect` as a list of
  `{"what", "value", "rel"}` or `{"what", "expr"}`, and `refuse: true` for questions that cannot be
  answered as asked. Their numbers were computed independently by whoever wrote the questions.

An answer is *refused* when nothing was computed, *flagged* when it computed the wrong thing but the
reading audit said so ("I may have misread"), *wrong* when it computed the wrong thing without saying
so. A refusal is right for a question marked `refuse`.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graphs.confidence import (
    FEATURES,
    WEIGHTS_FILE,
    auroc,
    expected_calibration_error,
    features,
    fit,
    probability,
)
from graphs.confidence import weights as _weights

weights_cache_clear = _weights.cache_clear

DATA = Path(__file__).resolve().parents[1] / "tests" / "data"
# blind rounds join the default sets once they have been worked on (held-out figures are in docs/agent.md);
# round 15 is scored by its re-labelled set, written when the issue-10 tools made 8 of its refusals answerable;
# rounds 16 and 17 joined after their held-out scores were recorded (6 Dec 2026)
DEFAULT_SETS = (DATA / "agent_questions.jsonl", DATA / "reading_questions.jsonl",
                *sorted((DATA / "blind").glob("*.jsonl")), DATA / "blind_round15" / "round15_tools.jsonl",
                DATA / "blind_round16" / "round16.jsonl", DATA / "blind_round17" / "round17.jsonl",
                DATA / "blind_round18" / "round18.jsonl", DATA / "blind_round19" / "round19.jsonl",
                DATA / "blind_round20" / "round20.jsonl", DATA / "blind_round21" / "round21.jsonl",
                DATA / "blind_round22" / "round22.jsonl", DATA / "blind_round23" / "round23.jsonl",
                DATA / "blind_round24" / "round24.jsonl", DATA / "blind_round25" / "round25.jsonl",
                DATA / "blind_round26" / "round26.jsonl", DATA / "blind_round27" / "round27.jsonl",
                DATA / "blind_round28" / "round28.jsonl", DATA / "blind_round29" / "round29.jsonl",
                DATA / "blind_round30" / "round30.jsonl", DATA / "blind_round31" / "round31.jsonl",
                DATA / "blind_round32" / "round32.jsonl", DATA / "blind_round33" / "round33.jsonl",
                DATA / "blind_round34" / "round34.jsonl", DATA / "blind_round35" / "round35.jsonl",
                DATA / "blind_round36" / "round36.jsonl", DATA / "blind_round37" / "round37.jsonl",
                DATA / "blind_round38" / "round38.jsonl", DATA / "blind_round39" / "round39.jsonl",
                DATA / "blind_round40" / "round40.jsonl", DATA / "blind_round41" / "round41.jsonl",
                DATA / "blind_round42" / "round42.jsonl", DATA / "blind_round43" / "round43.jsonl",
                DATA / "blind_round44" / "round44.jsonl", DATA / "blind_round45" / "round45.jsonl")
# CI floors: a regression below any of these fails `havoc-agent eval agent` (exit 1)
# today's answers (in-sample: every set has been worked on) and, cross-validated by question set, the earlier
# planners' answers to questions they had not seen (tests/data/make_confidence_labels.py). The cross-validated floor
# was 0.85 until round 43's first answers joined the labels (8 Dec): seven of them were wrong with nothing in the
# evidence to tell (a column of initials read as groups, a pivot's totals kept as cells, …), which took it to 0.845
FLOORS = {"right_rate_agent": 0.99, "auroc": 0.9, "wrong_rate_confident": 0.02, "auroc_cross_validated": 0.84}
CONFIDENT = 0.7


# --- the agent set's checks (also used by tests/graphs/test_graph_questions.py) ---------------------------

def _close(a: Any, b: Any, rel: float = 1e-6, abs_: float = 1e-9) -> bool:
    try:
        return math.isclose(float(a), float(b), rel_tol=rel, abs_tol=abs_)
    except (TypeError, ValueError):
        return False


def main_result(state: dict, tool: str) -> dict | None:
    matches = [r for r in state.get("results") or [] if r["tool"] == tool and r.get("output") is not None]
    return matches[-1] if matches else None


def expect_problem(key: str, want: Any, result: dict) -> str | None:
    """Why `result` does not meet one `expect` entry of the agent set, or None."""
    out = result["output"]
    try:
        if key == "centre_rows":
            got = sum(all(abs(v) < 1e-12 for v in row) for row in out["coded"])
            ok = got == want
        elif key.startswith(("natural_min_", "natural_max_")):
            col = int(key.rsplit("_", 1)[1])
            values = [row[col] for row in out["natural"]]
            got = min(values) if "min" in key else max(values)
            ok = _close(got, want)
        elif key == "effect_A":
            got = out["effects"]["A"]
            ok = _close(got, want)
        elif key.startswith("coef_"):
            got = out["coefficients"][int(key[5:])]
            ok = _close(got, want)
        elif key.startswith("prediction_"):  # prediction_pi_low_0: a field of the first (0th) regression prediction
            name, index = key.removeprefix("prediction_").rsplit("_", 1)
            got = out["predictions"][int(index)][name]
            ok = _close(got, want)
        elif key == "violation_rule1_index":
            got = out["violations"]
            ok = any(v["rule"] == 1 and v["index"] == want for v in got)
        elif key == "solutions":
            got = sorted(v["numeric"] for s in out["solutions"] for v in s.values())
            ok = len(got) == len(want) and all(_close(a, b) for a, b in zip(got, sorted(want), strict=True))
        elif key == "solutions_xy":
            sol = out["solutions"][0]
            got = [sol[k]["numeric"] for k in ("x", "y")]
            ok = all(_close(a, b) for a, b in zip(got, want, strict=True))
        elif "." in key:  # "xbar.ucl": a field of a nested result
            got = out
            for part in key.split("."):
                got = got[part]
            ok = _close(got, want)
        elif isinstance(want, list):
            got = out[key]
            ok = got == want
        elif key in ("A2", "d2", "D4"):
            got = out[key]
            ok = abs(got - want) <= 0.0015
        else:
            got = out[key]
            ok = _close(got, want)
    except (KeyError, IndexError, TypeError, ValueError) as exc:
        return f"{key}: {type(exc).__name__}: {exc}"
    return None if ok else f"{key}: {got!r} vs {want!r}"


def agent_item_problems(item: dict, state: dict) -> list[str]:
    """Everything that keeps an answer from being right for an agent-set item (empty: right)."""
    import sympy

    if item.get("tool") is None:
        return [] if not state.get("results") else ["computed something for an off-task question"]
    problems = []
    if state.get("mode") != item.get("mode"):
        problems.append(f"mode {state.get('mode')} != {item.get('mode')}")
    result = main_result(state, item["tool"])
    if result is None:
        return [*problems, f"no {item['tool']} result"]
    for k, v in (item.get("args") or {}).items():
        if result["args"].get(k) != v:
            problems.append(f"{k}: {result['args'].get(k)!r} != {v!r}")
    for k, v in (item.get("expect") or {}).items():
        problem = expect_problem(k, v, result)
        if problem:
            problems.append(problem)
    if item.get("expr"):
        try:
            same = sympy.simplify(sympy.sympify(result["output"]["result"]) - sympy.sympify(item["expr"])) == 0
        except (sympy.SympifyError, TypeError, KeyError):
            same = False
        if not same:
            problems.append(f"result {result['output'].get('result')} != {item['expr']}")
    return problems


# --- blind rounds ---------------------------------------------------------------------------------------

# orderings of a design's runs: permutations of 1 … N that hold every whole number up to the run count, so a run
# count (or a resolution, or a block count) would be "found" in them whatever the design
ORDERINGS = frozenset({"std_order", "run_order", "execution_order"})


def _numeric_leaves(value: Any) -> list[float]:
    if isinstance(value, bool):
        return []
    if isinstance(value, (int, float)):
        return [float(value)] if math.isfinite(float(value)) else []
    if isinstance(value, dict):
        return [x for k, v in value.items() if k not in ORDERINGS for x in _numeric_leaves(v)]
    if isinstance(value, (list, tuple)):
        return [x for v in value for x in _numeric_leaves(v)]
    return []


def _string_leaves(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [x for v in value.values() for x in _string_leaves(v)]
    if isinstance(value, (list, tuple)):
        return [x for v in value for x in _string_leaves(v)]
    return []


def _same_expr(text: str, want: str) -> bool:
    import sympy

    try:
        got = sympy.sympify(text.replace("^", "**"))
        return sympy.simplify(got - sympy.sympify(want.replace("^", "**"))) == 0
    except (sympy.SympifyError, TypeError, ValueError, AttributeError, SyntaxError):
        return False


# tools added (or widened) after a set was written, that do what the writer listed under another name: the sum of a
# series was listed as `series` before `summation` existed; control limits from a total count were listed as
# `control_chart` before `summary_chart` took p, np, c and u charts; the sign test on measurements was listed as the
# binomial `proportion_test` of its counted signs before `sign_test` existed
# a critical point was found by differentiating and solving before `extrema` existed (7 Dec)
LATER_TOOLS = {"series": {"summation"}, "control_chart": {"summary_chart"}, "proportion_test": {"sign_test"},
               "differentiate": {"extrema"}, "solve": {"extrema"},
               # a chart with a known centre and σ runs the same rules on the same points
               "run_rules": {"control_chart"}}


def blind_item_problems(item: dict, state: dict) -> list[str]:
    tools = set(item.get("tools") or [])
    tools |= {later for listed in list(tools) for later in LATER_TOOLS.get(listed, ())}
    results = [r for r in state.get("results") or [] if r.get("output") is not None
               and (not tools or r["tool"] in tools)]
    if not results:
        got = sorted({r["tool"] for r in state.get("results") or []})
        return [f"no result from {sorted(tools)} (computed {got})"]
    outputs = [r["output"] for r in results]
    numbers = [x for o in outputs for x in _numeric_leaves(o)]
    strings = [s for o in outputs for s in _string_leaves(o)]
    problems = []
    for e in item.get("expect") or []:
        if "expr" in e:
            if not any(_same_expr(s, str(e["expr"])) for s in strings if len(s) < 400):
                problems.append(f"{e.get('what')}: no result equals {e['expr']}")
            continue
        want, rel = float(e["value"] if "value" in e else e["runs"]), float(e.get("rel", 1e-3))
        # "|t|", "|z|", "|Hodges-Lehmann shift|": the writer stored a magnitude, its sign being the order of
        # subtraction (the blind rounds' stated convention), so a result of either sign matches
        # (later writers name the value instead: "abs_t", never "abs_max", the absolute maximum)
        label = str(e.get("what") or e.get("name") or "")
        magnitude = label.lstrip().startswith("|") or bool(re.match(r"abs_(?!max|min)", label.lower()))
        if not any(math.isclose(abs(x) if magnitude else x, want, rel_tol=rel, abs_tol=1e-9 + rel * 1e-3)
                   for x in numbers):
            problems.append(f"{label or None}: {want:g} not found")
    return problems


# --- running and scoring ------------------------------------------------------------------------------

@dataclass
class Scored:
    set_name: str
    question: str
    outcome: str  # right, refused, flagged, wrong
    confidence: float
    status: str
    problems: list[str] = field(default_factory=list)
    features: dict[str, float] = field(default_factory=dict)


def load(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def score(item: dict, state: dict, set_name: str) -> Scored:
    answer = state.get("answer") or {}
    status = answer.get("status", "answered")
    computed = bool([r for r in state.get("results") or [] if r.get("output") is not None])
    conf = float(answer.get("confidence") or 0.0)
    x = features(state) if computed else {}
    if item.get("hostile"):
        outcome = "right" if not computed else "wrong"
        return Scored(set_name, item["question"], outcome, conf, status, [], x)
    if item.get("refuse"):
        # a refusal after computing counts as one: "the equations have no common solution" answers "find x, y, z"
        # of an inconsistent system by declining, with the reason
        if not computed or status == "refused":
            return Scored(set_name, item["question"], "right", conf, status, [], x)
        return Scored(set_name, item["question"], "flagged" if status == "unsure" else "wrong", conf, status,
                      ["answered a question that cannot be answered as asked"], x)
    if (not computed or status == "refused") and item.get("tool", "") is not None:
        return Scored(set_name, item["question"], "refused", conf, status, [], x)
    problems = blind_item_problems(item, state) if "tools" in item else agent_item_problems(item, state)
    if not problems:
        outcome = "right"
    else:
        outcome = "flagged" if status == "unsure" else "wrong"
    return Scored(set_name, item["question"], outcome, conf, status, problems, x)


def run_sets(paths: list[Path], progress=None) -> list[Scored]:
    from graphs.srs import run

    scored = []
    for path in paths:
        for item in load(path):
            state = run(item["question"])
            scored.append(score(item, state, path.stem))
            if progress:
                progress(scored[-1])
    return scored


def _block(rows: list[Scored], scores: list[float] | None = None) -> dict[str, Any]:
    """Counts, AUROC, ECE and the wrong rate among confident answers; `scores` (one per computed row) replace the
    confidences the rows carry."""
    counts = Counter(r.outcome for r in rows)
    computed = [r for r in rows if r.features]
    scores = [r.confidence for r in computed] if scores is None else scores
    labels = [int(r.outcome == "right") for r in computed]
    confident = [(s, y) for s, y in zip(scores, labels, strict=True) if s >= CONFIDENT]
    return {
        "questions": len(rows), **{k: counts.get(k, 0) for k in ("right", "refused", "flagged", "wrong")},
        "right_rate": round(counts.get("right", 0) / len(rows), 4) if rows else None,
        "auroc": None if (a := auroc(scores, labels)) is None else round(a, 4),
        "ece": None if (e := expected_calibration_error(scores, labels)) is None else round(e, 4),
        "confident": len(confident),
        "wrong_rate_confident": round(sum(1 - y for _, y in confident) / len(confident), 4) if confident
        else None,
    }


def question_set(name: str) -> str:
    """The question set a row belongs to, whichever planner answered it: 'round21@70d2047' is 'round21'."""
    return name.split("@")[0]


def cross_validated(scored: list[Scored]) -> tuple[list[Scored], list[float]]:
    """The earlier planners' answers, each scored by weights fitted without any answer to its question set (neither
    today's nor an earlier planner's): how the confidence does on readings of questions it was not fitted on."""
    earlier = [r for r in scored if "@" in r.set_name and r.features]
    rows, scores = [], []
    for group in sorted({question_set(r.set_name) for r in earlier}):
        train = [(r.features, int(r.outcome == "right")) for r in scored
                 if r.features and question_set(r.set_name) != group]
        w = fit(train)
        for r in earlier:
            if question_set(r.set_name) == group:
                rows.append(r)
                scores.append(probability(r.features, w))
    return rows, scores


def summary(scored: list[Scored], weights: dict[str, float] | None = None) -> dict[str, Any]:
    """Counts per set; today's answers overall; the earlier planners' answers (set@commit) overall, and
    cross-validated by question set."""
    def block(rows: list[Scored]) -> dict[str, Any]:
        computed = [r for r in rows if r.features]
        return _block(rows, [probability(r.features, weights) for r in computed] if weights else None)

    sets = sorted({r.set_name for r in scored})
    today = [r for r in scored if "@" not in r.set_name]
    earlier = [r for r in scored if "@" in r.set_name]
    fitted_on = fitted_sets()
    out = {"sets": {s: block([r for r in scored if r.set_name == s]) for s in sets},
           "all": block(today), "fitted_on": fitted_on}
    if earlier:
        out["earlier"] = block(earlier)
        rows, scores = cross_validated(scored)
        out["earlier_cross_validated"] = _block(rows, scores)
    held = [r for r in today if r.set_name not in fitted_on]
    if held and fitted_on:
        out["not_fitted"] = block(held)
    return out


LABELS = DATA / "confidence_labels.jsonl"


def reaudited(evidence: dict) -> dict:
    """A stored answer (tests/data/make_confidence_labels.py) as today's AUDIT would leave it: the numeric checks
    it had, today's reading audit of its calls, and the answer's status that follows."""
    from graphs.reading import reading_checks, reading_failures

    checks = list(evidence.get("audit_checks") or []) + reading_checks(
        evidence["question"], evidence.get("results"), (evidence.get("plan") or {}).get("notes"))
    return {**evidence, "audit_checks": checks,
            "answer": {"status": "unsure" if reading_failures(checks) else "answered"}}


def earlier_answers(path: Path = LABELS) -> list[Scored]:
    """Labelled answers of earlier planners to questions they had not seen (tests/data/make_confidence_labels.py),
    re-audited by today's reading audit: the wrong readings the confidence must learn to doubt. Each is named
    `set@commit`."""
    if not path.is_file():
        return []
    rows = []
    for r in load(path):
        name = f"{r['set']}@{r['commit']}"
        if not r["computed"]:
            rows.append(Scored(name, r["question"], "right" if r["right"] else "refused", 0.0, "", [], {}))
            continue
        state = reaudited(r["evidence"])
        x = features(state)
        status = state["answer"]["status"]
        outcome = "right" if r["right"] else ("flagged" if status == "unsure" else "wrong")
        rows.append(Scored(name, r["question"], outcome, probability(x), status, [], x))
    return rows


def fitted_sets() -> list[str]:
    if WEIGHTS_FILE.exists():
        return json.loads(WEIGHTS_FILE.read_text(encoding="utf-8")).get("fitted_on", [])
    return []


def fit_weights(scored: list[Scored]) -> dict[str, Any]:
    rows = [(r.features, int(r.outcome == "right")) for r in scored if r.features]
    weights = fit(rows)
    weights_cache_clear()
    record = {"weights": weights, "features": list(FEATURES),
              "fitted_on": sorted({r.set_name for r in scored}),
              "answers": len(rows), "right": sum(y for _, y in rows), "not_right": sum(1 - y for _, y in rows)}
    WEIGHTS_FILE.write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")
    return record


def floors_failed(report: dict[str, Any]) -> list[str]:
    failed = []
    agent = report["sets"].get("agent_questions")
    if agent and (agent["right_rate"] or 0) < FLOORS["right_rate_agent"]:
        failed.append(f"agent_questions right rate {agent['right_rate']} < {FLOORS['right_rate_agent']}")
    overall = report["all"]
    if overall["auroc"] is not None and overall["auroc"] < FLOORS["auroc"]:
        failed.append(f"AUROC {overall['auroc']} < {FLOORS['auroc']}")
    if (overall["wrong_rate_confident"] or 0) > FLOORS["wrong_rate_confident"]:
        failed.append(f"wrong among confidence ≥ {CONFIDENT}: {overall['wrong_rate_confident']} > "
                      f"{FLOORS['wrong_rate_confident']}")
    cv = report.get("earlier_cross_validated")
    if cv and cv["auroc"] is not None and cv["auroc"] < FLOORS["auroc_cross_validated"]:
        failed.append(f"cross-validated AUROC on the earlier planners' answers {cv['auroc']} < "
                      f"{FLOORS['auroc_cross_validated']}")
    return failed
