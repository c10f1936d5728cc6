"""Rank tests in the graph: AUDIT recomputes them by another route and catches a wrong number; ARGUE sets the
t-test beside them; the answer states the Hodges-Lehmann shift."""

from __future__ import annotations

import pytest

from graphs.audit_checks import AUDITORS
from graphs.render import render_result
from graphs.stages.argue import ARGUERS
from tools.registry import run_tool

CASES = [
    ("mann_whitney", {"x": [0.80, 0.83, 1.89, 1.04, 1.45, 1.38, 1.91, 1.64, 0.73, 1.46],
                      "y": [1.15, 0.88, 0.90, 0.74, 1.21], "alternative": "greater"}),
    ("mann_whitney", {"x": [3, 5, 5, 6, 7, 7, 7, 9, 10, 12], "y": [1, 2, 2, 3, 5, 6, 6, 8], "mu": 1}),
    ("wilcoxon_signed_rank", {"x": [1.83, 0.50, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.30],
                              "y": [0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29]}),
    ("wilcoxon_signed_rank", {"x": [1.5, -0.5, 2.0, 2.0, 3.0, 0.5, 1.0, -1.0, 2.5, 4.0], "mu": 0.5,
                              "alternative": "less"}),
]


@pytest.mark.parametrize("tool, args", CASES)
def test_audit_passes_on_the_tool_and_fails_on_a_wrong_statistic(tool: str, args: dict) -> None:
    out = run_tool(tool, args)
    checks = AUDITORS[tool](args, out)
    assert checks and all(c["passed"] for c in checks), [c for c in checks if not c["passed"]]
    wrong = AUDITORS[tool](args, {**out, "statistic": out["statistic"] + 1, "p_value": out["p_value"] * 0.9})
    assert {c["name"] for c in wrong if not c["passed"]} >= {"p-value"}
    assert any(not c["passed"] and c["name"] in ("W", "V") for c in wrong)


def test_argue_sets_the_t_test_beside_the_rank_test() -> None:
    tool, args = CASES[2]
    arguments, alternatives = ARGUERS[tool](args, run_tool(tool, args))
    assert [a["tool"] for a in alternatives] == ["t_test"] and alternatives[0]["output"]["kind"] == "paired"
    assert {"exactness", "robustness", "symmetry"} <= {a["topic"] for a in arguments}
    tool, args = CASES[0]
    arguments, alternatives = ARGUERS[tool](args, run_tool(tool, args))
    assert alternatives[0]["output"]["kind"] == "welch" and any(a["topic"] == "similar shape" for a in arguments)


def test_answer_states_statistic_p_and_hodges_lehmann_interval() -> None:
    tool, args = CASES[0]
    conclusion, body = render_result(tool, args, run_tool(tool, args))
    assert "W = 35" in conclusion and "p = 0.1272" in conclusion and "Hodges–Lehmann" in conclusion
    assert "∞]" in conclusion and "exact" in conclusion
