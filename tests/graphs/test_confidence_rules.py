"""The rules on top of the fitted confidence: they cap what the labelled sets cannot yet weigh."""

from __future__ import annotations

from graphs.confidence import calibrated_confidence


def _state(planner: str, agreement: str = "single", numeric_passed: bool = True) -> dict:
    cues = [{"honoured": True}] * 3
    return {
        "results": [{"tool": "describe", "output": {"mean": 2.0}}],
        "audit_checks": [
            {"tool": "reading", "name": "every number of the question accounted for", "passed": True},
            {"tool": "reading", "name": "every cue of the question honoured", "passed": True, "cues": cues},
            {"tool": "describe", "name": "mean recomputed", "passed": numeric_passed},
        ],
        "arguments": [{"stance": "pro"}] * 3,
        "plan": {"planner": planner, "notes": []},
        "agreement": agreement,
        "mode_confidence": 1.0,
    }


def test_a_well_read_rules_plan_is_confident() -> None:
    assert calibrated_confidence(_state("nl_parser"))[0] > 0.7


def test_a_plan_only_the_model_could_read_is_capped() -> None:
    assert calibrated_confidence(_state("chat_model"))[0] <= 0.5


def test_two_readers_that_disagree_cap_it() -> None:
    assert calibrated_confidence(_state("nl_parser", agreement="disagree"))[0] <= 0.5


def test_a_failed_recomputation_halves_it() -> None:
    whole = calibrated_confidence(_state("nl_parser"))[0]
    # the failed check also changes a feature (whose weight is never negative), so the result is at most half of
    # what it was, up to the rounding of both to 3 decimals
    assert calibrated_confidence(_state("nl_parser", numeric_passed=False))[0] <= whole / 2 + 1e-3
