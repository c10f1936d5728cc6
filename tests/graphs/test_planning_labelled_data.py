"""Labelled lines, stated sizes, ratios, predictor columns and stated assumptions, each read by its role."""

from __future__ import annotations

from decimal import Decimal

import pytest

from graphs.planning.labelled_lines import labelled_values
from graphs.planning.nl import plan_question
from graphs.planning.nl_math import plan_math
from tools.errors import HavocInputError


def _one(question: str, mode: str):
    (intent,) = plan_question(question, mode)
    return intent


def test_measurements_after_their_labels_are_one_series_and_a_label_can_be_left_out() -> None:
    q = "lot 7 -> 10.2\nlot 8 -> 10.4\nlot 9 -> 13.9\nlot 10 -> 10.1\nlot 11 -> 10.3\nSkip lot 9, it was mislabelled. " \
        "Does the mean differ from the 10 target?"
    text, notes = labelled_values(q)
    assert "data: 10.2, 10.4, 10.1, 10.3" in text and any("lot 9 (13.9) left out" in n for n in notes)
    intent = _one(q, "stats")
    assert intent.tool == "t_test" and intent.args["mu"] == 10 and len(intent.args["x"]) == 4


def test_counts_after_labels_stay_counts_for_a_goodness_of_fit() -> None:
    intent = _one("stoppages per press this month\nPress 1: 9\nPress 2: 17\nPress 3: 8\nPress 4: 12\n"
                  "is any press stopping more than you'd expect by chance?", "stats")
    assert intent.tool == "chi_square" and intent.args["observed"] == [9, 17, 8, 12]


def test_labelled_counts_against_a_stated_ratio() -> None:
    intent = _one("Expected ratio 1:2:1. Counts:\ntall red -> 48\ntall white -> 102\nshort red -> 50\nfit?", "stats")
    assert intent.args["probabilities"] == ["0.25", "0.5", "0.25"]


def test_a_stated_sample_size_in_the_header_gives_an_np_chart() -> None:
    rows = "\n".join(f"{i} | {c}" for i, c in enumerate([4, 6, 3, 7, 5, 2], start=1))
    intent = _one(f"sample | rejects (n=50 each)\n{rows}\nnp chart", "spc")
    assert intent.args["chart"] == "np" and intent.args["counts"][0] == 4 and intent.args["sizes"] == [50] * 6


def test_defects_over_a_count_of_panels_make_a_u_chart() -> None:
    intent = _one("lot\tboards\tscratches\nL1\t10\t21\nL2\t12\t30\nL3\t9\t14\nL4\t11\t25\nchart scratches per board?",
                  "spc")
    assert intent.args["chart"] == "u" and intent.args["sizes"] == [10, 12, 9, 11]


def test_percentages_are_not_counts_for_a_test_of_independence() -> None:
    with pytest.raises(HavocInputError, match="percentages"):
        plan_question("Is outcome related to shift?\n\n| shift | ok | scrap |\n|---|---|---|\n| A | 90% | 10% |\n"
                      "| B | 85% | 15% |", "stats")


def test_predict_one_column_from_another_with_a_run_number_column() -> None:
    intent = _one("run,speed_rpm,torque_nm\n1,100,5.2\n2,150,6.1\n3,200,7.3\n4,250,8.0\n5,300,9.2\n"
                  "predict torque from speed", "stats")
    assert intent.tool == "regression" and intent.args["x"][0] == 100 and intent.args["y"][0] == Decimal("5.2")


def test_model_a_response_with_two_predictors() -> None:
    intent = _one("ph\ttemp_C\tyield_pct\n6.1\t30\t71.2\n6.5\t30\t73.0\n6.9\t35\t75.9\n6.2\t35\t72.8\n6.8\t40\t77.1\n"
                  "model yield with ph and temp", "stats")
    assert intent.tool == "regression" and intent.args["y"][0] == Decimal("71.2") and len(intent.args["X"][0]) == 2


def test_variances_known_equal_pool_the_t_test_not_a_variance_test() -> None:
    intent = _one("We know from years of data the two lines have the same variance, so pool it. Line 1 5.1, 5.3, 5.0, "
                  "5.2, line 2 5.6, 5.4, 5.7, 5.5.", "stats")
    assert intent.tool == "t_test" and intent.args["kind"] == "pooled"


@pytest.mark.parametrize(("question", "mu", "alternative"), [
    ("Reference standard is 2.00 mg. Read 6 times: 2.03, 1.98, 2.05, 2.04, 2.02, 2.06. Is the balance biased?", 2, None),
    ("Label says 330 ml. We only worry about underfilling. volumes: 329.1, 330.4, 328.8, 329.6, 330.0", 330, "less"),
    ("Batch 12 from line 3, six cans measured (label weight 400 g): 401.2, 402.0, 400.8, 401.5, 401.9, 400.6. "
     "overfilling?", 400, None),
])
def test_a_reference_or_label_value_against_measurements(question: str, mu: int, alternative: str | None) -> None:
    intent = _one(question, "stats")
    assert intent.args["kind"] == "one_sample" and intent.args["mu"] == mu
    if alternative:
        assert intent.args["alternative"] == alternative


def test_a_stated_fraction_in_blocks_of_a_shift() -> None:
    intent = _one("6 factors, 2^(6-2) fraction. We can run 4 runs per shift.", "doe")
    assert intent.args["resolution"] == 4 and intent.args["blocks"] == 4


def test_capacity_without_factors_is_refused() -> None:
    with pytest.raises(HavocInputError, match="no factors"):
        plan_question("We have 6 runs per day for 4 days. Plan the experiment.", "doe")


@pytest.mark.parametrize(("question", "tool"), [
    ("partial derivative wrt y of x^2*y + y^3", "differentiate"),
    ("∫ cos²x dx from 0 to π", "integrate"),
    ("2p + q = 7 and p - q = 2, what are p and q", "solve"),
    ("Two unknowns: x plus y equals 10; x minus y equals 4. Solve", "solve"),
    ("lim (2x+1)/(x-3) as x→∞", "limit"),
    ("1.5x + 2y = 7\nx - y = 0", "solve"),
])
def test_calculus_and_systems_in_everyday_notation(question: str, tool: str) -> None:
    (intent,) = plan_math(question)
    assert intent.tool == tool


def test_a_stated_ratio_reaches_the_tool_as_expected_counts() -> None:
    """The plan's proportions must survive the trip through the DSL (they were once dropped for equal shares)."""
    from graphs.srs import run

    state = run("Expected ratio 1:2:1. Counts:\ntall red -> 48\ntall white -> 102\nshort red -> 50\nfit?")
    (result,) = [r for r in state["results"] if r["tool"] == "chi_square"]
    assert [float(v) for v in result["args"]["expected"]] == [50.0, 100.0, 50.0]


def test_rows_of_named_counts_in_prose_are_a_contingency_table() -> None:
    intent = _one("Preferred format by site:\nNorth: 20 paper, 35 tablet, 15 phone\nSouth: 30 paper, 25 tablet, "
                  "20 phone\nIs format related to site?", "stats")
    assert intent.tool == "chi_square" and intent.args["table"] == [[20, 35, 15], [30, 25, 20]]


def test_a_one_sided_spec_stated_as_a_minimum_for_summary_capability() -> None:
    intent = _one("Yield strength spec is min 250 MPa only. Mean 268, sd 5.5. Cpk?", "spc")
    assert intent.tool == "summary_capability" and intent.args["lsl"] == 250 and "usl" not in intent.args


def test_distribution_free_wording_compares_two_groups_by_ranks() -> None:
    intent = _one("Cycle times, jig A 1.2, 0.8, 2.9, 1.5, 1.1 vs jig B 2.2, 3.8, 2.6, 7.9, 3.1. Normality is out of "
                  "the question here, use something distribution-free.", "stats")
    assert intent.tool == "mann_whitney"


def test_corner_runs_named_by_their_signs_and_centre_points_ask_for_the_curvature_test() -> None:
    intent = _one("2^2 factorial: (-,-) 12.1, (+,-) 13.4, (-,+) 12.6, (+,+) 14.0 and four centre points 13.2, 13.0, "
                  "13.3, 13.1. Any curvature?", "doe")
    assert intent.tool == "doe_curvature" and intent.args["factorial"][1] == Decimal("13.4")
    assert len(intent.args["center"]) == 4


def test_numbered_units_with_before_and_after_columns_and_a_signed_rank_request() -> None:
    rows = "\n".join(f"{i}\t{a}\t{b}" for i, (a, b) in enumerate([(0.6, 0.7), (0.7, 0.7), (0.5, 0.6), (0.8, 0.9),
                                                                  (0.6, 0.8)], start=1))
    intent = _one(f"unit\tbefore\tafter\n{rows}\nwilcoxon signed rank please", "stats")
    assert intent.tool == "wilcoxon_signed_rank" and intent.args["x"][0] == Decimal("0.6")


def test_a_hypothesised_mean_is_not_a_second_sample() -> None:
    intent = _one("one sample t test: n = 25, sample mean 5.3, s = 0.6, hypothesised mean 5", "stats")
    assert intent.tool == "summary_t_test" and intent.args["kind"] == "one_sample" and intent.args["mu"] == 5
