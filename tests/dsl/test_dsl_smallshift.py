"""EWMA and CUSUM charts in the language: parse, canonical form, checks and the tool arguments they become."""

from __future__ import annotations

from decimal import Decimal

import pytest

import dsl
from dsl.errors import DslError

X = "[9.45, 7.99, 9.29, 11.66, 12.16, 10.18, 8.04, 11.46, 9.20, 10.34]"


def run(text: str):
    return dsl.execute(dsl.parse(text))


def test_ewma_options_reach_the_tool_with_its_names() -> None:
    (result,) = run(f"chart ewma {X} lambda 0.1 k_sigma 2.7 center 10 std_dev 1")
    assert result.tool == "control_chart"
    assert result.args["chart"] == "ewma" and result.args["lambda"] == Decimal("0.1")
    assert result.args["k_sigma"] == Decimal("2.7") and result.args["sigma"] == Decimal("1")
    assert result.output["points"][0] == pytest.approx(9.945)  # Montgomery Table 9.11, z1


def test_cusum_of_subgroups_cut_by_size_and_phase_two() -> None:
    (result,) = run("chart cusum [1, 2, 3, 4, 5, 6, 7, 8, 9] subgroup 3 k 0.25 h 4 phase2 [9, 9, 9]")
    assert result.args["subgroup_size"] == 3 and result.args["phase2_values"] == [9, 9, 9]
    assert result.args["k"] == Decimal("0.25") and result.args["h"] == Decimal("4")
    assert result.output["phase1_points"] == 3 and len(result.output["points"]) == 4


def test_rows_are_subgroups_for_an_ewma() -> None:
    (result,) = run("chart ewma [[1, 2, 3], [2, 3, 4], [3, 4, 5.5]]")
    assert "subgroups" in result.args and result.output["subgroup_sizes"] == 3


@pytest.mark.parametrize("text", [
    f"chart ewma {X} lambda 0.1 k_sigma 2.7",
    f"chart cusum {X} center 10 std_dev 1 k 0.5 h 5",
    "chart cusum [1, 2, 3, 4, 5, 6] subgroup 2 phase2 [3, 4]",
])
def test_format_is_canonical_and_round_trips(text: str) -> None:
    program = dsl.parse(text)
    canonical = dsl.format(program)
    assert dsl.parse(canonical) == program
    assert dsl.format(dsl.parse(canonical)) == canonical


@pytest.mark.parametrize(("text", "words"), [
    (f"chart imr {X} lambda 0.2", "`lambda` is the weight of an ewma chart"),
    (f"chart ewma {X} lambda 1.5", "lambda must be at most 1"),
    (f"chart ewma {X} lambda 0", "lambda"),
    (f"chart ewma {X} h 5", "`h` is for a cusum chart"),
    (f"chart cusum {X} k -1", "k must be 0 or more"),
    (f"chart cusum {X} h 0", "h"),
    (f"chart p {X} size 50 k 0.5", "`k` is for a cusum chart"),
])
def test_bad_options_are_located_errors(text: str, words: str) -> None:
    with pytest.raises(DslError) as info:
        dsl.check(dsl.parse(text))
    message = str(info.value)
    assert words in message and "Traceback" not in message
    assert info.value.line == 1 and info.value.column > 1


# ---------------------------------------------------------------- curvature (issue 10, with the small-shift charts)


def test_curvature_statement_and_analyze_method_give_the_same_test() -> None:
    text = ("curvature [39.3, 40.9, 40.0, 41.5] center [40.3, 40.5, 40.7, 40.2, 40.6]\n"
            "let d = design full_factorial { factors 2 center_points 5 }\n"
            "analyze d with response [39.3, 40.9, 40.0, 41.5, 40.3, 40.5, 40.7, 40.2, 40.6] method curvature")
    direct, _, analysed = run(text)
    assert direct.tool == analysed.tool == "doe_curvature"
    assert direct.output["f"] == pytest.approx(analysed.output["f"]) == pytest.approx(0.0633, abs=1e-4)
    assert dsl.format(dsl.parse(text)).splitlines()[0] == \
        "curvature [39.3, 40.9, 40.0, 41.5] center [40.3, 40.5, 40.7, 40.2, 40.6]"


def test_curvature_needs_two_centre_runs() -> None:
    with pytest.raises(DslError) as info:
        dsl.check(dsl.parse("curvature [1, 2, 3, 4] center [5]"))
    assert "at least 2 centre responses" in str(info.value)


# ---------------------------------------------------------------- regression at new x (issue 10)


def test_regression_at_and_confidence_reach_the_tool() -> None:
    (result,) = run("regression [1.2, 4.1, 9.3, 15.8, 25.2] on [1, 2, 3, 4, 5] at [2.5, 6] confidence 0.9")
    assert result.args["at"] == [Decimal("2.5"), Decimal("6")] and result.args["confidence"] == Decimal("0.9")
    assert [p["extrapolation"] for p in result.output["predictions"]] == [False, True]
    (multiple,) = run("regression [1, 2, 3.5, 4, 6] on [[1, 2], [2, 1], [3, 4], [4, 3], [5, 6]] at [[2, 2]]")
    assert multiple.output["predictions"][0]["at"] == [2.0, 2.0]


@pytest.mark.parametrize(("text", "words"), [
    ("regression [1, 2, 3] on [1, 2, 3] at [[1, 2]]", "one predictor: give the prediction points as a list"),
    ("regression [1, 2, 3] on [[1, 2], [2, 1], [3, 3]] at [1, 2]", "several predictors: give the prediction points"),
    ("regression [1, 2, 3] on [1, 2, 3] confidence 1.5", "confidence"),
])
def test_regression_prediction_options_are_checked(text: str, words: str) -> None:
    with pytest.raises(DslError) as info:
        dsl.check(dsl.parse(text))
    assert words in str(info.value)


def test_regression_with_at_round_trips() -> None:
    text = "regression [1, 2, 3, 5] on [1, 2, 3, 4] without intercept at [5, 6] confidence 0.99"
    assert dsl.format(dsl.parse(text)) == text + "\n"


def test_phase_two_of_a_count_chart_with_a_constant_size_stays_counts() -> None:
    (result,) = run("chart p [3, 5, 4, 6, 2, 5, 4, 3] sizes 100 phase2 [12, 4]")
    assert result.args["phase2_counts"] == [12, 4] and "phase2_values" not in result.args
