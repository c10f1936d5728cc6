"""Sample-size and power questions in the graph: routed to the power tool in users' phrasings, refused naming
what is missing (never a conventional power or effect filled in), AUDIT by statsmodels.stats.power."""

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
    ("How many samples do I need to detect a difference of 2 units with a standard deviation of 4, 80% power, "
     "alpha 0.05?", {"test": "two_sample_t", "delta": Decimal("2"), "sd": Decimal("4"), "power": Decimal("0.8"),
                     "alpha": Decimal("0.05")}),
    ("What sample size per group for a t-test with effect size 0.5 and power 0.8?",
     {"test": "two_sample_t", "effect_size": Decimal("0.5"), "power": Decimal("0.8")}),
    ("What is the power of a two-sample t-test with n = 20 per group to detect an effect size of 0.5?",
     {"test": "two_sample_t", "n": Decimal("20")}),
    ("Sample size to detect a change in defect rate from 5% to 3% with 90% power",
     {"test": "two_proportions", "p1": Decimal("0.05"), "p2": Decimal("0.03"), "power": Decimal("0.9")}),
    ("How many per group for a one-way ANOVA with 4 groups, Cohen's f = 0.25, power 0.8?",
     {"test": "anova", "groups": 4, "effect_size": Decimal("0.25")}),
    ("paired design, before and after: sample size to detect a mean difference of 1.5 with sd of differences 2, "
     "90% power, one-sided", {"test": "paired_t", "alternative": "greater", "delta": Decimal("1.5")}),
    ("power analysis for comparing conversion rates of 10% and 12%, 80% power",
     {"test": "two_proportions", "p1": Decimal("0.1"), "p2": Decimal("0.12")}),
    ("What is the power of the test with 15 pairs, effect size d = 0.6, alpha = 0.01?",
     {"test": "paired_t", "n": Decimal("15"), "alpha": Decimal("0.01")}),
    ("Sample size for a one-sample t-test: detect a shift of 0.3 from the target, sd 0.5, 95% power, significance "
     "level 1%", {"test": "one_sample_t", "alpha": Decimal("0.01"), "power": Decimal("0.95")}),
    # a difference and a spread written in percent are not two rates
    ("We want 90% power to detect a 5% increase in yield (sd 8%) between two catalysts. How many batches each?",
     {"test": "two_sample_t", "delta": Decimal("5"), "sd": Decimal("8"), "power": Decimal("0.9")}),
])
def test_power_questions_reach_the_power_tool(question: str, expected: dict) -> None:
    for mode in ("stats", "doe", "general"):
        (intent,) = plan_question(question, mode)
        assert intent.tool == "power"
        assert {k: intent.args.get(k) for k in expected} == expected


@pytest.mark.parametrize("question, field", [
    ("How many samples do I need?", "delta"),
    ("How many parts do we need to measure to detect a shift of 0.5 mm? The sd is 0.8 mm.", "power"),
    ("Sample size to detect a difference of 3 with 80% power?", "sd"),
    ("What sample size for a one-way ANOVA with 3 groups at 80% power?", "effect_size"),
])
def test_a_missing_figure_is_named(question: str, field: str) -> None:
    with pytest.raises(HavocInputError) as info:
        plan_question(question, "stats")
    assert str(info.value).startswith(f"{field}:"), str(info.value)


@pytest.mark.parametrize("question", ["What's 2 to the power of 10?", "design for temperature and laser power "
                                      "100 to 200 W", "power series of sin(x)"])
def test_other_powers_are_not_power_analyses(question: str) -> None:
    intents = plan_question(question, "general") or []
    assert all(i.tool != "power" for i in intents)


CASES = [
    {"test": "two_sample_t", "effect_size": 0.5, "power": 0.8},
    {"test": "two_sample_t", "effect_size": 0.4, "n": 30, "ratio": 2, "alternative": "greater"},
    {"test": "paired_t", "delta": 1.5, "sd": 2, "power": 0.9},
    {"test": "anova", "effect_size": 0.25, "groups": 3, "power": 0.8},
    {"test": "two_proportions", "p1": 0.5, "p2": 0.75, "power": 0.9},
    {"test": "two_proportions", "p1": 0.12, "p2": 0.1, "n": 3000, "ratio": 1.5, "alternative": "greater"},
    {"test": "two_proportions", "p1": 0.65, "p2": 0.5, "power": 0.8, "method": "arcsine"},
]


@pytest.mark.parametrize("args", CASES)
def test_audit_passes_on_the_tool_and_fails_on_a_wrong_power(args: dict) -> None:
    out = run_tool("power", args)
    checks = AUDITORS["power"](args, out)
    assert checks and all(c["passed"] for c in checks), [c for c in checks if not c["passed"]]
    wrong = AUDITORS["power"](args, {**out, "power": out["power"] - 0.03})
    assert any(not c["passed"] for c in wrong)


def test_audit_catches_a_sample_size_that_is_not_the_smallest() -> None:
    args = CASES[0]
    out = run_tool("power", args)
    bigger = run_tool("power", {"test": "two_sample_t", "effect_size": 0.5, "n": 70})
    checks = AUDITORS["power"](args, {**out, "n_per_group": [70, 70], "power": bigger["power"]})
    assert [c["name"] for c in checks if not c["passed"]] == ["smallest n"]


def test_argue_and_answer() -> None:
    args = CASES[4]
    out = run_tool("power", args)
    arguments, alternatives = ARGUERS["power"](args, out)
    assert alternatives and alternatives[0]["output"]["effect_name"] == "Cohen's h"
    conclusion, _ = render_result("power", args, out)
    assert "77 per group" in conclusion and "two-proportion" in conclusion
    args = CASES[1]
    conclusion, _ = render_result("power", args, run_tool("power", args))
    assert conclusion.startswith("The power of a two-sample t-test with 30 per group")
