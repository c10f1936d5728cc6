"""Readings fixed after blind round 36, each in our own phrasing (the round's questions are in tests/data)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from graphs.planning.nl import plan_question
from graphs.srs import run
from tests.graphs.planned import decimals, first_intent
from tools.errors import HavocInputError


def test_lists_in_the_same_units_order_are_pairs_and_how_much_longer_takes_the_second_first() -> None:
    intent = first_intent("Every operator assembled one unit with jig A and one with jig B (seconds, same operator "
                          "order):\njig A: 51, 47, 55, 49, 53\njig B: 54, 50, 59, 50, 57\nHow much longer does jig B "
                          "take on average? 95% CI please.")
    assert intent.tool == "t_test" and intent.args["kind"] == "paired"
    assert intent.args["x"] == decimals([54, 50, 59, 50, 57])  # B − A, as asked


def test_a_margin_written_as_plus_minus_and_power_declined() -> None:
    intent = first_intent("How many rods do I need so the 90% confidence interval for the mean length is ±0.2 mm? "
                          "sigma about 0.9 mm. This is about precision, not power.")
    assert intent.tool == "sample_size_ci"
    assert (intent.args["margin"], intent.args["sd"], intent.args["confidence"]) == \
        (Decimal("0.2"), Decimal("0.9"), Decimal("0.90"))


def test_mcnemar_cells_in_a_sentence_and_its_chi_square_named() -> None:
    question = ("McNemar, chi-square with continuity correction: same 40 operators before and after training; both "
                "correct 18, correct before/wrong after 4, wrong before/correct after 13, both wrong 5.")
    intent = first_intent(question)
    assert intent.args["table"] == [[18, 4], [13, 5]] and intent.args["method"] == "corrected"
    assert run(question)["answer"]["confidence"] >= 0.7  # the chi-square cue is McNemar's own


def test_a_named_pooled_two_sample_test_wins_over_a_row_number_column() -> None:
    intent = first_intent("Run;Line_1;Line_2\n1;12.1;12.6\n2;11.8;12.4\n3;12.0;12.9\n4;12.3;12.5\n5;11.9;12.8\n"
                          "Pooled two-sample t-test of line 1 vs line 2, two-sided.")
    assert intent.tool == "t_test" and intent.args["kind"] == "pooled"


def test_a_point_left_out_of_a_fit_by_its_position() -> None:
    intent = first_intent("Temperature (C): 20, 30, 40, 50, 60, 70. Resistance (ohm): 100.1, 103.9, 107.8, 125.0, "
                          "115.6, 119.5. Point 4 was a bad contact, leave it out and fit resistance against temperature.")
    assert intent.tool == "regression"
    assert intent.args["x"] == decimals([20, 30, 40, 60, 70]) and intent.args["y"] == decimals([100.1, 103.9, 107.8,
                                                                                               115.6, 119.5])


def test_the_mean_of_paired_differences_from_summary_figures() -> None:
    intent = first_intent("Only summaries: 12 parts gauged twice, mean of the differences (second - first) 0.41 mm, "
                          "standard deviation of the differences 0.55 mm. Is there a bias, two-sided?")
    assert intent.tool == "summary_t_test" and intent.args["kind"] == "paired" and intent.args["n"] == 12


def test_an_earlier_study_that_did_some_runs_is_context() -> None:
    intent = first_intent("Full factorial: die (2 types), speed (3 settings) and coolant (2 kinds). We did 9 runs last "
                          "autumn on press 4. How many runs now?", "doe")
    assert intent.tool == "doe_design" and [len(f["levels"]) for f in intent.args["factors"]] == [2, 3, 2]


def test_chart_limits_from_summaries_are_not_a_t_test() -> None:
    intent = first_intent("Five vials per subgroup, 25 subgroups. Grand mean 10.02 mL, average subgroup standard "
                          "deviation 0.04 mL. Nominal fill 10 mL. Control limits for the X-bar and S charts?", "spc")
    assert intent.tool == "summary_chart" and intent.args["chart"] == "xbar_s"


def test_groups_counted_with_an_adjective_and_their_size_said_as_each() -> None:
    intent = first_intent("Three curing recipes, 10 bars each. Cohen's f = 0.25. Power of the one-way ANOVA at "
                          "alpha 0.05?")
    assert intent.tool == "power" and intent.args["groups"] == 3 and intent.args["n"] == 10


def test_an_unreplicated_two_by_two_with_its_interaction_has_no_f_tests() -> None:
    with pytest.raises(HavocInputError, match="no degrees of freedom are left for error"):
        plan_question("one run per setting:\nspeed  feed  Ra\nlow  low  1.2\nhigh  low  1.9\nlow  high  1.4\n"
                      "high  high  2.6\nANOVA table with F and p for speed, feed and speed*feed please", "doe")


def test_two_correlations_named_are_both_computed() -> None:
    intents = plan_question("Kendall's tau-b and Spearman's rho between x: 3, 1, 4, 1.5, 5, 9 and y: 2, 7, 1, 8, 2.8, "
                            "8.1", "stats")
    assert sorted(i.args["method"] for i in intents) == ["kendall", "spearman"]


def test_the_width_of_the_limits_in_sigmas_is_no_datum() -> None:
    intent = first_intent("we pull 80 caps from every lot. Counts:\nLot 11    4 defective\nLot 12    6 defective\n"
                          "Lot 13    3 defective\nLot 14    5 defective\nnp chart centre line and 3-sigma limits?", "spc")
    assert intent.args["counts"] == decimals([4, 6, 3, 5])


def test_a_remark_after_a_double_dash_with_hyphenated_words() -> None:
    intent = first_intent("lim x->1 of (x^2+1)/(x-1) -- the two-sided one, not a one-sided limit. value?", "math")
    assert intent.tool == "limit" and intent.args["expression"].replace(" ", "") == "(x^2+1)/(x-1)"
    answer = run("lim x->1 of (x^2+1)/(x-1) -- the two-sided one, not a one-sided limit. value?")["answer"]
    assert "the two-sided limit does not exist (from the left -oo, from the right oo)" in answer["markdown"]
