"""Readings fixed after blind round 34, each in our own phrasing (the round's questions are in tests/data)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from graphs.planning.nl import plan_question
from graphs.reading.audit import reading_checks
from tests.graphs.planned import first_intent
from tools.errors import HavocInputError


def test_cp_with_one_limit_is_refused_and_cpk_is_not() -> None:
    with pytest.raises(HavocInputError, match="no lower specification limit"):
        plan_question("Runout has only an upper limit, USL 0.05 mm. Mean 0.03, sd 0.004. What is Cp?", "spc")
    intent = first_intent("Runout has only an upper limit, USL 0.05 mm. Mean 0.03, sd 0.004. What is Cpk?", "spc")
    assert intent.tool == "summary_capability"


def test_an_assumption_of_normality_is_no_normality_test() -> None:
    intent = first_intent("nominal is 12.00. readings 12.02, 11.98, 12.05, 12.01, 11.97, 12.04, 12.03, 12.00. off "
                          "nominal? two sided, assume normal, t and p")
    assert intent.tool == "t_test" and intent.args["mu"] == Decimal("12.00")


def test_a_run_left_out_of_a_numbered_list() -> None:
    intent = first_intent("Runs 1 to 6 gave 20.1, 19.8, 20.4, 23.9, 20.0, 19.7. Run 4 had an air bubble, so leave "
                          "that one out. Does the mean differ from 20? two-sided t.")
    assert intent.args["x"] == [Decimal(v) for v in ("20.1", "19.8", "20.4", "20.0", "19.7")]


def test_limits_are_a_spec_and_performance_numbers_are_capability() -> None:
    cap = first_intent("one reading per lot: 5.02, 4.97, 5.05, 4.99, 5.01, 5.03, 4.98, 5.00. limits are 4.9 to 5.1. "
                       "Cpk from the moving-range sigma?", "spc")
    assert cap.tool == "capability" and (cap.args["lsl"], cap.args["usl"]) == (Decimal("4.9"), Decimal("5.1"))
    perf = first_intent("Mean 8.41, overall standard deviation 0.05, spec 8.2 - 8.6. Long-term performance numbers "
                        "from the overall sigma?", "spc")
    assert perf.tool == "summary_capability" and perf.args["sigma"] == "overall"


def test_parts_per_million_from_a_normal_model_is_no_sample_size() -> None:
    intent = first_intent("process normal with mean 10 and standard deviation 0.1: how many parts per million fall "
                          "above the upper limit of 10.3?", "spc")
    assert intent.tool == "summary_capability" and intent.args["usl"] == Decimal("10.3")


def test_went_down_with_before_and_after_counts() -> None:
    intent = first_intent("Before the new jig: 24 defects out of 300. After: 15 defects out of 310. Did the defect "
                          "rate go down? pooled z, one-sided, z as after minus before.")
    assert intent.args["x"] == [Decimal(15), Decimal(24)] and intent.args["alternative"] == "less"


def test_designs_named_in_hyphens_brackets_and_per_block_centres() -> None:
    blocked = first_intent("the 3-factor two-level full factorial goes in 2 blocks, with 2 centre points added in "
                           "each block. Runs?", "doe")
    assert blocked.args["factors"] == 3 and blocked.args["center_points"] == 4
    mixed = first_intent("Full factorial: feed at 3 levels, coolant (on/off) at 2 levels, replicated twice. Runs?",
                         "doe")
    assert [len(f["levels"]) for f in mixed.args["factors"]] == [3, 2]
    project = first_intent("Box-Behnken for project 2025-031, 3 factors, 2 centre runs. How many runs?", "doe")
    assert project.args["design"] == "box_behnken" and project.args["factors"] == 3


def test_summary_limits_with_tabulated_a2_and_a_sigma_from_the_chart() -> None:
    chart = first_intent("20 subgroups of 4: grand average 10.12, average range 0.31. X-bar limits (3 sigma, "
                         "tabulated A2).", "spc")
    assert chart.tool == "summary_chart"
    cap = first_intent("Spec 4.8 to 5.2 mm. The within-subgroup sigma from the control chart is 0.05 mm and the "
                       "process average is 5.03 mm. Cp and Cpk?", "spc")
    assert cap.tool == "summary_capability" and cap.args["sd"] == Decimal("0.05")


def test_a_named_sign_test_with_exact_binomial_on_measurements() -> None:
    intent = first_intent("sign test on paired data (after - before), exact binomial two-sided\n"
                          "before 5.1 5.4 4.9 5.6 5.2 5.0\nafter 5.3 5.5 5.0 5.5 5.6 5.2")
    assert intent.tool == "sign_test" and intent.args["x"][0] == Decimal("5.3")


@pytest.mark.parametrize("question, tool", [
    ("whats the 2nd derivitive of 2x^3 - 3sin x + ln(x) at x=1", "differentiate"),
    ("lim as x->0 of (1 - cos(2x))/(x^2)  -- I keep getting 0/0, help", "limit"),
    ("In the Maclaurin series (Taylor about 0) of e^x*sin(x), what is the coefficient of x^3?", "series"),
    ("partial fractions of (2x+5)/((x-3)(x+1)) -- want A/(x-3) + B/(x+1)", "simplify"),
    ("f(x)=x^3-3x+1 on [-2,2]. where is the local max, and what are the absolute max & min of f on that interval?",
     "extrema"),
])
def test_maths_written_loosely(question: str, tool: str) -> None:
    assert first_intent(question, "math").tool == tool


def test_capacities_limit_widths_and_subgroup_counts_are_context() -> None:
    data = [4.1, 4.3, 4.0, 4.2]
    checks = reading_checks("the oven seats 9 trays; 3 sigma limits; the chart ran 30 subgroups: 4.1, 4.3, 4.0, 4.2",
                            [{"tool": "describe", "args": {"data": data}, "output": {}}])
    assert checks[0]["passed"], checks[0]["detail"]
