"""EWMA and CUSUM questions in users' words reach control_chart with their parameters; AUDIT and ARGUE check them."""

from __future__ import annotations

from decimal import Decimal

import pytest

from graphs.audit_checks import audit_control_chart
from graphs.planning.nl import plan_question
from graphs.stages.argue import argue_control_chart
from tools.registry import run_tool

M91 = [9.45, 7.99, 9.29, 11.66, 12.16, 10.18, 8.04, 11.46, 9.20, 10.34, 9.03, 11.47, 10.51, 9.40, 10.08,
       9.37, 10.62, 10.31, 8.52, 10.84, 10.90, 9.33, 12.29, 11.50, 10.60, 11.08, 10.38, 11.62, 11.31, 10.52]
DATA = ", ".join(map(str, M91))


def only_intent(question: str, mode: str = "spc"):
    intents = plan_question(question, mode)
    assert intents and len(intents) == 1, intents
    return intents[0]


@pytest.mark.parametrize(("question", "expected"), [
    (f"EWMA chart, lambda = 0.1, L = 2.7, target 10, sigma 1: {DATA}",
     {"chart": "ewma", "lambda": Decimal("0.1"), "k_sigma": Decimal("2.7"), "center": Decimal("10"),
      "sigma": Decimal("1")}),
    (f"exponentially weighted moving average with a weight of 0.2 and 3 sigma limits for {DATA}",
     {"chart": "ewma", "lambda": Decimal("0.2"), "k_sigma": Decimal("3")}),
    (f"tabular CUSUM, μ0 = 10, σ = 1, k = 0.5, h = 5: {DATA}",
     {"chart": "cusum", "center": Decimal("10"), "sigma": Decimal("1"), "k": Decimal("0.5"), "h": Decimal("5")}),
    (f"cumulative sum chart to detect a shift of 1.5 sigma, decision interval 4, target value 10: {DATA}",
     {"chart": "cusum", "k": Decimal("0.75"), "h": Decimal("4"), "center": Decimal("10")}),
    (f"Is the process drifting? Run a CUSUM on {DATA}", {"chart": "cusum"}),
])
def test_small_shift_questions_reach_the_chart_with_their_parameters(question: str, expected: dict) -> None:
    intent = only_intent(question)
    assert intent.tool == "control_chart"
    for key, value in expected.items():
        assert intent.args.get(key) == value, (key, intent.args)
    assert intent.args["values"] == [Decimal(str(v)) for v in M91]  # no parameter was read as a data point


def test_subgroup_rows_are_charted_by_their_means() -> None:
    intent = only_intent("EWMA of these subgroups: [[10.1, 10.2, 9.9], [10.0, 10.3, 10.1], [10.4, 10.2, 10.5], "
                         "[10.6, 10.4, 10.7]]")
    assert intent.args["chart"] == "ewma" and len(intent.args["subgroups"]) == 4


def test_audit_recomputes_by_another_route_and_catches_a_wrong_sum() -> None:
    args = {"chart": "cusum", "values": M91, "center": 10, "sigma": 1, "k": 0.5, "h": 5}
    out = run_tool("control_chart", args)
    assert all(c["passed"] for c in audit_control_chart(args, out))
    out["cusum"]["upper"][10] += 0.01
    assert not all(c["passed"] for c in audit_control_chart(args, out))
    ewma_args = {"chart": "ewma", "values": M91, "lambda": 0.1, "k_sigma": 2.7}
    ewma = run_tool("control_chart", ewma_args)
    checks = audit_control_chart(ewma_args, ewma)
    assert len(checks) == 2 and all(c["passed"] for c in checks)
    ewma["ucl"][3] *= 1.001
    assert not all(c["passed"] for c in audit_control_chart(ewma_args, ewma))


def test_argue_states_the_standards_and_computes_the_shewhart_chart_beside_it() -> None:
    args = {"chart": "cusum", "values": M91, "center": 10, "sigma": 1}
    arguments, alternatives = argue_control_chart(args, run_tool("control_chart", args))
    topics = {a["topic"]: a["stance"] for a in arguments}
    assert topics["standards"] == "pro" and "independence" in topics and "normality" in topics
    assert topics["sensitivity"] == "pro"  # the CUSUM finds the shift the individuals chart misses
    assert alternatives and alternatives[0]["name"] == "Shewhart imr chart"
    estimated = {"chart": "ewma", "values": M91[:12]}
    arguments, _ = argue_control_chart(estimated, run_tool("control_chart", estimated))
    assert any(a["topic"] == "standards" and a["stance"] == "con" for a in arguments)
