"""proportion_test in the graph: the planner reaches it in users' phrasings (and refuses, saying what is missing),
AUDIT recomputes it with scipy/statsmodels and catches a wrong number, ARGUE sets the other test beside it."""

from __future__ import annotations

from decimal import Decimal

import pytest

from graphs.audit_checks import AUDITORS
from graphs.planning.nl import plan_question
from graphs.render import render_result
from graphs.stages.argue import ARGUERS
from tools.errors import HavocInputError
from tools.registry import run_tool


@pytest.mark.parametrize("question, expected", [
    ("Line A had 12 defective out of 400, line B 25 out of 410. Is the defect rate different between the lines?",
     {"x": [12, 25], "n": [400, 410], "alternative": "two-sided"}),
    ("Is the defect rate on night shift (14 of 220) higher than on day shift (6 of 240)?",
     {"x": [14, 6], "alternative": "greater"}),
    # B is the subject of the question: B − A, one-sided greater (the same p as A − B, less)
    ("Line A: 12/400, line B: 25/410. Is line B's defect rate higher than line A's?",
     {"alternative": "greater", "x": [25, 12]}),
    ("We found 18 defectives in a sample of 200. Is the defect rate above 5%?",
     {"x": [18], "n": [200], "p0": Decimal("0.05"), "alternative": "greater", "method": "exact"}),
    ("Out of 150 customers, 48 responded. Is the response rate different from 25%?",
     {"x": [48], "n": [150], "p0": Decimal("0.25")}),
    ("binomial test: 7 heads out of 20 tosses, is the coin fair?", {"p0": Decimal("0.5")}),
    ("Fisher exact test for the table [[3, 1], [1, 3]]", {"x": [3, 1], "n": [4, 4], "method": "fisher"}),
    ("Fisher's exact test on 2/10 vs 7/10", {"x": [2, 7], "method": "fisher"}),
    ("two-proportion z test: 45/300 and 60/310 with continuity correction", {"method": "z", "correct": True}),
    ("95% confidence interval for the proportion: 18 out of 50 failed", {"x": [18], "n": [50], "confidence": 0.95}),
    ("Our supplier claims at most 1% defective. We inspected 300 parts and found 7 defective. Is the claim credible?",
     {"x": [7], "n": [300], "p0": Decimal("0.01"), "alternative": "greater"}),
])
def test_proportion_questions_reach_proportion_test(question: str, expected: dict) -> None:
    (intent,) = plan_question(question, "stats")
    assert intent.tool == "proportion_test"
    assert {k: intent.args.get(k) for k in expected} == expected


@pytest.mark.parametrize("question, field, words", [
    ("Test if 45 of 200 is different from the claimed proportion", "p0", "needs the proportion to test against"),
    ("Fisher's exact test on [[3, 1, 2], [1, 3, 4]]", "x", "2 × 3 table"),
])
def test_a_proportion_test_missing_a_figure_is_refused_saying_what(question: str, field: str, words: str) -> None:
    with pytest.raises(HavocInputError, match=words) as info:
        plan_question(question, "stats")
    assert str(info.value).startswith(f"{field}:")


def test_three_rates_stay_a_chi_square_table_and_a_p_chart_stays_a_chart() -> None:
    assert plan_question("Compare defect rates: 8/500 vs 15/500 vs 11/500", "stats")[0].tool == "chi_square"
    assert plan_question("p chart: defectives 5/200, 8/200, 3/200, 6/200", "spc")[0].tool == "control_chart"


CASES = [
    {"x": [682], "n": [925], "p0": 0.75},
    {"x": [30], "n": [80], "p0": 0.25, "method": "score", "alternative": "greater"},
    {"x": [56, 48], "n": [70, 80]},
    {"x": [3, 1], "n": [4, 4], "method": "fisher"},
    {"x": [15, 25], "n": [50, 50], "correct": True},
]


@pytest.mark.parametrize("args", CASES)
def test_audit_passes_on_the_tool_and_fails_on_a_wrong_p_value(args: dict) -> None:
    out = run_tool("proportion_test", args)
    checks = AUDITORS["proportion_test"](args, out)
    assert len(checks) >= 2 and all(c["passed"] for c in checks), [c for c in checks if not c["passed"]]
    wrong = AUDITORS["proportion_test"](args, {**out, "p_value": out["p_value"] * 0.9})
    assert [c["name"] for c in wrong if not c["passed"]] == ["p-value"]


def test_argue_puts_fisher_beside_the_z_test_and_flags_small_counts() -> None:
    args = {"x": [1, 6], "n": [12, 11], "method": "z"}
    arguments, alternatives = ARGUERS["proportion_test"](args, run_tool("proportion_test", args))
    assert alternatives[0]["output"]["method"] == "fisher"
    assert any(a["topic"] == "expected counts" and a["stance"] == "con" for a in arguments)
    args = {"x": [682], "n": [925], "p0": 0.75}
    _, alternatives = ARGUERS["proportion_test"](args, run_tool("proportion_test", args))
    assert alternatives[0]["output"]["method"] == "score"


def test_answer_names_the_test_and_the_interval() -> None:
    conclusion, body = render_result("proportion_test", CASES[2], run_tool("proportion_test", CASES[2]))
    assert "z test" in conclusion and "Newcombe interval [0.0524315, 0.333873]" in conclusion
    conclusion, _ = render_result("proportion_test", CASES[0], run_tool("proportion_test", CASES[0]))
    assert "exact binomial test" in conclusion and "p = 0.3825" in conclusion and "Clopper-Pearson" in conclusion
    conclusion, _ = render_result("proportion_test", CASES[3], run_tool("proportion_test", CASES[3]))
    assert "Fisher" in conclusion and "odds ratio 6.408" in conclusion
