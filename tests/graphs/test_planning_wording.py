"""Intent carried by wording, read into the plan (or refused with what is missing), never a stand-in."""

from __future__ import annotations

from decimal import Decimal

import pytest

from graphs.planning.nl import plan_question
from graphs.planning.nl_math import plan_math
from graphs.stages.mode import classify
from tools.errors import HavocInputError


def _one(question: str, mode: str):
    (intent,) = plan_question(question, mode)
    return intent


@pytest.mark.parametrize("question", [
    "Shaft nominal is 12.00 mm. Measured: 12.03, 12.01, 11.98, 12.06, 12.04. Is the process centred on nominal?",
    "Batch 88 from press 2, target 50 g: 50.3, 50.1, 49.8, 50.6, 50.4. Is batch 88 off target?",
    "Readings 7.1, 7.4, 6.9, 7.2, 7.0. Test whether the mean differs from 7.",
])
def test_a_reference_value_in_words_is_a_one_sample_test(question: str) -> None:
    intent = _one(question, "stats")
    assert intent.tool == "t_test" and intent.args["kind"] == "one_sample" and len(intent.args["x"]) == 5


def test_a_value_blamed_and_left_out_is_removed_before_the_test() -> None:
    intent = _one("Readings: 5.2, 5.4, 9.9, 5.1, 5.3. The 9.9 was a transcription error, leave it out. "
                  "Then test whether the mean differs from 5.", "stats")
    assert intent.args["x"] == [Decimal(v) for v in ("5.2", "5.4", "5.1", "5.3")]


@pytest.mark.parametrize("wording", ["not normal (long tail) so no ANOVA please", "the data are non-normal",
                                     "skewed, so no t-test"])
def test_data_said_not_normal_get_a_rank_test(wording: str) -> None:
    intent = _one(f"Downtime by line.\nline A: 2.1, 3.4, 1.9, 8.7\nline B: 4.5, 5.1, 3.9, 12.3\n"
                  f"line C: 6.2, 7, 5.8, 15.1\n{wording} - do the lines differ?", "stats")
    assert intent.tool == "kruskal_wallis" and len(intent.args["groups"]) == 3


def test_counts_over_varying_lengths_are_a_u_chart_in_spc_mode() -> None:
    q = ("Cable reels differ in length so we count faults per 100 m. Reel lengths (hundreds of metres): 2, 3, 1.5, 2.5;"
         " faults found: 6, 10, 3, 8. Which chart and limits?")
    assert classify(q)[0] == "spc"
    intent = _one(q, "spc")
    assert intent.args["chart"] == "u" and intent.args["sizes"][1] == 3 and intent.args["counts"][1] == 10


def test_xbar_subgroup_size_from_what_is_measured_each_time() -> None:
    values = ", ".join(f"{10 + (i % 7) / 100:.2f}" for i in range(20))
    intent = _one(f"Each shift the inspector measures 4 consecutive pins. Readings in order: {values}. "
                  "X-bar and R chart limits?", "spc")
    assert intent.args["chart"] == "xbar_r" and len(intent.args["subgroups"]) == 5


def test_an_xbar_chart_without_a_subgroup_size_is_refused_not_an_individuals_chart() -> None:
    with pytest.raises(HavocInputError, match="subgroup size"):
        plan_question("X-bar R chart please, we sample every 2 hours: 12.1 12.4 11.9 12.2 12.0 12.3 12.5", "spc")


def test_a_capability_index_without_spread_or_data_is_refused_naming_what_is_missing() -> None:
    with pytest.raises(HavocInputError, match="standard deviation"):
        plan_question("Cp and Cpk? mean = 10.2, LSL 9, USL 11", "spc")


@pytest.mark.parametrize(("question", "expression", "variables"), [
    ("mixed partial d2f/dxdy for f = x^3 y^2 + e^(x y)", "x^3 y^2 + e^(x y)", ["x", "y"]),
    ("∂²f/∂x∂y of x^2*y^3", "x^2*y^3", ["x", "y"]),
    ("f_xy where f = sin(x*y)", "sin(x*y)", ["x", "y"]),
])
def test_mixed_partials_in_notation(question: str, expression: str, variables: list[str]) -> None:
    (intent,) = plan_math(question)
    assert intent.tool == "differentiate" and intent.args == {"expression": expression, "variable": variables}


def test_second_derivative_with_the_function_named() -> None:
    (intent,) = plan_math("d2y/dx2 for y = x^3 sin x")
    assert intent.args["order"] == 2 and intent.args["variable"] == "x" and "y" not in intent.args["expression"]


def test_equations_first_then_the_unknowns_asked_for() -> None:
    (intent,) = plan_math("x + 2y - z = 3\n2x - y + 3z = 9\n3x + y + z = 8\nfind x, y, z")
    assert intent.tool == "solve" and len(intent.args["equations"]) == 3 and intent.args["variables"] == ["x", "y", "z"]
    (intent,) = plan_math("2x + y = 5\nx - y = 1\nsolve for x and y")
    assert intent.args["variables"] == ["x", "y"]
