"""Prediction questions reach regression with `at`; the new x values are never read as data; AUDIT and ARGUE."""

from __future__ import annotations

from decimal import Decimal

import pytest

from graphs.audit_checks import audit_regression
from graphs.planning.nl import plan_question
from graphs.srs import run
from tools.registry import run_tool


def d(*values) -> list[Decimal]:
    return [Decimal(str(v)) for v in values]


@pytest.mark.parametrize(("question", "at", "confidence"), [
    ("What is the 95% prediction interval for y when x = 6? x = 1, 2, 3, 4, 5; y = 2.1, 3.9, 6.2, 7.8, 10.1",
     d(6), Decimal("0.95")),
    ("regress y on x and predict y at x = 2.5 and 7: x = 1, 2, 3, 4, 5, 6; y = 2.0, 4.1, 5.9, 8.2, 9.9, 12.1",
     d(2.5, 7), None),
    ("x = 1 2 3 4 5 6 7 8, y = 1.2 4.1 9.3 15.8 25.2 36.1 48.8 64.3: fit a quadratic and give the predicted mean "
     "response at 9 with a confidence interval", d(9), None),
    ("linear fit of strength = [20.1, 22.3, 24.2, 26.0, 28.3] vs temperature = [100, 110, 120, 130, 140]; predict "
     "the strength at a temperature of 125 with a 90% prediction interval", d(125), Decimal("0.9")),
])
def test_prediction_points_reach_the_regression(question: str, at: list, confidence) -> None:
    (intent,) = plan_question(question, "stats")
    assert intent.tool == "regression" and intent.args["at"] == at
    assert intent.args.get("confidence") == confidence
    assert len(intent.args["x"]) == len(intent.args["y"]) >= 5


def test_the_predictor_named_in_the_question_is_x() -> None:
    (intent,) = plan_question("linear fit of strength = [20.1, 22.3, 24.2, 26.0, 28.3] vs temperature = [100, 110, "
                              "120, 130, 140]; predict the strength at a temperature of 125", "stats")
    assert intent.args["x"] == d(100, 110, 120, 130, 140)


def test_a_plain_regression_has_no_prediction_points() -> None:
    (intent,) = plan_question("regress y on x: x = [1, 2, 3, 4, 5], y = [2.1, 3.9, 6.2, 7.8, 10.1]", "stats")
    assert "at" not in intent.args


def test_end_to_end_the_answer_gives_both_intervals_and_the_audit_rechecks_them() -> None:
    state = run("What is the 95% prediction interval for y when x = 4.5? x = 1, 2, 3, 4, 5; "
                "y = 2.1, 3.9, 6.2, 7.8, 10.1")
    assert state["audit_passed"] and "prediction intervals" in {c["name"] for c in state["audit_checks"]}
    assert "regression" in state["plan"]["program"] and " at [4.5]" in state["plan"]["program"]
    markdown = state["answer"]["markdown"]
    assert "95% CI" in markdown and "prediction interval" in markdown
    assert any(a["topic"] == "interpolation" for a in state["arguments"])


def test_audit_catches_a_wrong_interval() -> None:
    args = {"x": [1, 2, 3, 4, 5, 6], "y": [2.0, 4.1, 5.9, 8.2, 9.9, 12.1], "at": [3.5]}
    out = run_tool("regression", args)
    assert all(c["passed"] for c in audit_regression(args, out))
    out["predictions"][0]["pi_high"] += 0.01
    assert not all(c["passed"] for c in audit_regression(args, out))
