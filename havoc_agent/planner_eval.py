"""How well each reader turns held-out questions into programs: rules alone, model alone, both.

A reading is right when its program's tool results equal those of the hand-written reference
program, refused when there is no checked program (or it fails to run), wrong otherwise.
"Both" is the agent's policy: the rules' program when they have one, else the model's. Where
both readers produced results and the results differ, the agent shows two readings and caps its
confidence at 0.5 (graphs/confidence.py); `both_disagreed` counts those answers by verdict, so a
wrong answer flagged that way can be told from a confidently wrong one; `both_model_only` counts the
answers the model gave where the rules refused (the agent caps their confidence too), and
`both_confident_wrong` is what is left: wrong answers given with uncapped confidence.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

from havoc_agent.planner_data import FRESH_SET, REPO


def _results(program: str | None) -> list | None:
    from graphs.stages.execute import run_program

    if not program:
        return None
    try:
        results, _ = run_program(program, {})
    except Exception:  # noqa: BLE001 - any failure to run is a refusal in this count
        return None
    return [(r["tool"], r["output"]) for r in results]


def _rules(question: str, mode: str) -> str | None:
    from graphs.planning.nl import plan_question
    from graphs.planning.to_dsl import render_program

    try:
        intents = plan_question(question, mode)
    except Exception:  # noqa: BLE001
        return None
    return render_program(intents) if intents else None


def _verdict(results: list | None, reference: list) -> str:
    if results is None:
        return "refused"
    return "right" if results == reference else "wrong"


def evaluate(model=None, path: Path = FRESH_SET) -> dict:
    from graphs.planning.chat_planner import plan_with_chat_model
    from graphs.stages.mode import classify

    items = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    counts = {who: {"right": 0, "refused": 0, "wrong": 0} for who in ("rules", "model", "both")}
    disagreed = {"right": 0, "wrong": 0}
    model_only = {"right": 0, "wrong": 0}  # the rules refused and the model's program answered
    parsed = 0
    model_seconds = 0.0
    for item in items:
        mode = classify(item["question"])[0]
        reference = _results(item["program"])
        rules = _results(_rules(item["question"], mode))
        counts["rules"][_verdict(rules, reference)] += 1
        model_results = None
        if model is not None:
            started = time.perf_counter()
            program, _ = plan_with_chat_model(model, item["question"], mode)
            model_seconds += time.perf_counter() - started
            parsed += program is not None
            model_results = _results(program)
            counts["model"][_verdict(model_results, reference)] += 1
        both = _verdict(rules if rules is not None else model_results, reference)
        counts["both"][both] += 1
        if rules is not None and model_results is not None and rules != model_results:
            disagreed[both] += 1
        if rules is None and model_results is not None:
            model_only[both] += 1
    n = len(items)
    where = path.resolve()
    report: dict = {"set": str(where.relative_to(REPO)) if where.is_relative_to(REPO) else str(where),
                    "questions": n, "counts": counts}
    if model is not None:
        report["model_parse_rate"] = parsed / n
        report["model_execution_match"] = counts["model"]["right"] / n
        report["model_ms_per_question"] = 1000 * model_seconds / n
        report["both_disagreed"] = disagreed
        report["both_model_only"] = model_only
        # what the agent would say with confidence: neither flagged by a disagreement nor the capped model alone
        report["both_confident_wrong"] = counts["both"]["wrong"] - disagreed["wrong"] - model_only["wrong"]
    else:
        counts.pop("model")
    return report
