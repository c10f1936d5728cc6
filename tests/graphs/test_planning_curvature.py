"""Curvature questions in users' words reach doe_curvature (not a new design); AUDIT and ARGUE check the test."""

from __future__ import annotations

from decimal import Decimal

import pytest

from graphs.audit_checks import AUDITORS
from graphs.planning.nl import plan_question
from graphs.stages.argue import ARGUERS
from tools.registry import run_tool

CORNERS, CENTRE = [39.3, 40.9, 40.0, 41.5], [40.3, 40.5, 40.7, 40.2, 40.6]  # Montgomery Example 6.6


def d(values: list[float]) -> list[Decimal]:
    return [Decimal(str(v)) for v in values]


@pytest.mark.parametrize("question", [
    "Is there curvature? 2^2 with 5 centre points: factorial runs 39.3, 40.9, 40.0, 41.5 and centre points "
    "40.3, 40.5, 40.7, 40.2, 40.6",
    "curvature test: corners 39.3 40.9 40.0 41.5, center points 40.3 40.5 40.7 40.2 40.6",
    "I ran a 2^2 factorial (39.3, 40.9, 40.0, 41.5) plus 5 centre runs (40.3, 40.5, 40.7, 40.2, 40.6). "
    "Is a first-order model adequate?",
    "2^2 with 5 center points, responses 39.3, 40.9, 40.0, 41.5, 40.3, 40.5, 40.7, 40.2, 40.6: any curvature?",
    "test for curvature: factorial [39.3, 40.9, 40.0, 41.5], centre [40.3, 40.5, 40.7, 40.2, 40.6]",
])
def test_curvature_questions_reach_the_test(question: str) -> None:
    (intent,) = plan_question(question, "doe")
    assert intent.tool == "doe_curvature"
    assert intent.args == {"factorial": d(CORNERS), "center": d(CENTRE)}


def test_a_design_request_mentioning_curvature_is_still_a_design() -> None:
    (intent,) = plan_question("Design a CCD to check curvature with 5 centre points", "doe")
    assert intent.tool == "doe_design"


def test_audit_recomputes_and_catches_a_wrong_f() -> None:
    args = {"factorial": CORNERS, "center": CENTRE}
    out = run_tool("doe_curvature", args)
    checks = AUDITORS["doe_curvature"](args, out)
    assert len(checks) == 3 and all(c["passed"] for c in checks)
    out["f"] *= 1.01
    assert not all(c["passed"] for c in AUDITORS["doe_curvature"](args, out))


def test_argue_runs_the_full_model_anova_beside_a_design_and_flags_little_pure_error() -> None:
    design = run_tool("doe_design", {"design": "full_factorial", "factors": 2, "center_points": 5})
    args = {"design": design, "response": CORNERS + CENTRE}
    arguments, alternatives = ARGUERS["doe_curvature"](args, run_tool("doe_curvature", args))
    assert alternatives and alternatives[0]["tool"] == "doe_anova"
    assert any(a["topic"] == "robustness" and a["stance"] == "pro" for a in arguments)
    few = {"factorial": CORNERS, "center": CENTRE[:2]}
    arguments, _ = ARGUERS["doe_curvature"](few, run_tool("doe_curvature", few))
    assert {a["topic"] for a in arguments if a["stance"] == "con"} == {"pure error", "centre points"}
