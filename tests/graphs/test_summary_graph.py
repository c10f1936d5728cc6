"""Summary-figure questions in the graph: routed to summary_t_test / summary_capability when every figure is
given, refused naming the missing one otherwise; AUDIT by a rebuilt sample and by the indices' identities."""

from __future__ import annotations

from decimal import Decimal

import pytest

from graphs.audit_checks import AUDITORS
from graphs.planning.nl import plan_question
from graphs.render import render_result
from graphs.stages.argue import ARGUERS
from tools.errors import HavocInputError
from tools.registry import run_tool


@pytest.mark.parametrize("question, mode, tool, expected", [
    ("A sample of 30 bottles had an average fill of 498.2 ml with a standard deviation of 3.1 ml. Is the mean "
     "fill less than 500 ml?", "stats", "summary_t_test",
     {"kind": "one_sample", "mean": Decimal("498.2"), "sd": Decimal("3.1"), "n": 30, "mu": Decimal("500"),
      "alternative": "less"}),
    ("Group A: mean 24.1, sd 2.3, n = 15; Group B: mean 26.0, sd 3.1, n = 18. Is there a significant difference?",
     "stats", "summary_t_test", {"kind": "welch", "n": 15, "n2": 18, "mean2": Decimal("26.0")}),
    ("Supplier 1 has mean 5.2 and sd 0.4 from 20 parts, supplier 2 mean 5.5 and sd 0.6 from 25 parts. Compare the "
     "means with a pooled t-test.", "stats", "summary_t_test", {"kind": "pooled", "n": 20, "n2": 25}),
    ("Mean diff 1.2, sd of differences 2.1, n = 12 paired. Is the change significant?", "stats", "summary_t_test",
     {"kind": "paired", "mu": 0}),
    ("95% confidence interval for the mean: mean 72.5, sd 8.1, n = 40", "stats", "summary_t_test",
     {"kind": "one_sample", "confidence": 0.95}),
    ("Process mean 50.2 mm, overall standard deviation 0.4 mm, spec 49 to 51. What is Ppk?", "spc",
     "summary_capability", {"sigma": "overall", "lsl": Decimal("49"), "usl": Decimal("51")}),
    ("mean 10.02, sigma within 0.04, overall sd 0.05, LSL 9.85 USL 10.15, give Cp Cpk Pp Ppk", "spc",
     "summary_capability", {"sd": Decimal("0.05"), "sd_within": Decimal("0.04"), "sigma": "overall"}),
    ("Two-sample t test from summary: n1=12, mean1=5.4, sd1=1.1; n2=14, mean2=6.2, sd2=1.3", "stats",
     "summary_t_test", {"kind": "welch", "n": 12, "mean": Decimal("5.4"), "sd": Decimal("1.1"), "n2": 14,
                        "mean2": Decimal("6.2"), "sd2": Decimal("1.3")}),
    ("mean 1.5, sd 0.2, n = 20: is the mean above 1.4?", "stats", "summary_t_test",
     {"mean": Decimal("1.5"), "mu": Decimal("1.4"), "alternative": "greater"}),
    ("The spec is 12.5 ± 0.05 mm; our mean is 12.51 and sigma is 0.012. Capable?", "spc", "summary_capability",
     {"lsl": Decimal("12.45"), "usl": Decimal("12.55")}),
])
def test_summary_questions_reach_the_summary_tools(question: str, mode: str, tool: str, expected: dict) -> None:
    (intent,) = plan_question(question, mode)
    assert intent.tool == tool
    assert {k: intent.args.get(k) for k in expected} == expected


@pytest.mark.parametrize("question, field", [
    ("The mean was 10.2 and the standard deviation 0.3. Is the mean different from 10?", "n"),
    ("mean 5 sd 1 n 20 for the first lot and mean 6 for the second. Do they differ?", "sd2"),
    ("The mean was 10.2 and the sd 0.3 with n = 25. Is this significant?", "mu"),
    ("what is the ppk? mean 10.5, std dev 0.5", "lsl"),
])
def test_a_missing_figure_is_named(question: str, field: str) -> None:
    with pytest.raises(HavocInputError) as info:
        plan_question(question, "stats")
    assert str(info.value).startswith(f"{field}:"), str(info.value)


CASES = [
    ("summary_t_test", {"kind": "one_sample", "mean": 498.2, "sd": 3.1, "n": 30, "mu": 500, "alternative": "less"}),
    ("summary_t_test", {"kind": "paired", "mean": 1.2, "sd": 2.1, "n": 12}),
    ("summary_t_test", {"kind": "welch", "mean": 24.1, "sd": 2.3, "n": 15, "mean2": 26.0, "sd2": 3.1, "n2": 18}),
    ("summary_capability", {"mean": 10.02, "sd": 0.05, "sd_within": 0.04, "lsl": 9.85, "usl": 10.15}),
    ("summary_capability", {"mean": 50, "sd": 2, "sigma": "within", "usl": 56}),
]


@pytest.mark.parametrize("tool, args", CASES)
def test_audit_passes_on_the_tool_and_fails_on_a_wrong_number(tool: str, args: dict) -> None:
    out = run_tool(tool, args)
    checks = AUDITORS[tool](args, out)
    assert len(checks) >= 2 and all(c["passed"] for c in checks), [c for c in checks if not c["passed"]]
    key = "p_value" if tool == "summary_t_test" else ("cpk" if out.get("cpk") is not None else "ppk")
    wrong = AUDITORS[tool](args, {**out, key: out[key] * 1.1})
    assert any(not c["passed"] for c in wrong)


def test_argue_and_answer() -> None:
    tool, args = CASES[2]
    out = run_tool(tool, args)
    arguments, alternatives = ARGUERS[tool](args, out)
    assert alternatives[0]["output"]["kind"] == "pooled" and {"normality", "equal variance"} <= {
        a["topic"] for a in arguments}
    conclusion, _ = render_result(tool, args, out)
    assert "Welch two-sample t-test from summary figures" in conclusion
    tool, args = CASES[3]
    conclusion, _ = render_result(tool, args, run_tool(tool, args))
    assert "Cpk = 1.083" in conclusion and "Ppk = 0.8667" in conclusion and "within-subgroup sigma 0.04" in conclusion
