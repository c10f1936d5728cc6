"""Readings fixed after blind round 39, each in our own phrasing (the round's questions are in tests/data)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from graphs.planning.nl import plan_question
from tests.graphs.planned import decimals, first_intent
from tools.errors import HavocInputError


@pytest.mark.parametrize(("question", "tool", "check"), [
    ("derivitive of x^2*ln(x) at x=3 ?? need the number not the formula", "differentiate",
     lambda a: a["at"] == {"x": "3"} and "at" not in a["expression"]),
    ("f(x,y) = x*y^2 + sin(x*y)\nneed the mixed partial d2f/dxdy at the point (0, 1). (for a homework check)",
     "differentiate", lambda a: a["variable"] == ["x", "y"] and a["at"] == {"x": "0", "y": "1"}),
    ("improper integral: from 1 to infinity of 1/(x^3 (1+x)) dx -- does it converge?", "integrate",
     lambda a: a["upper"] == "oo"),
    ("sum from n=1 to infinty of 1/(n(n+1)) ... telescoping? what does it converge to", "summation",
     lambda a: a["upper"] == "oo"),
    ("simplify sin^2(x)/(1 + cos x) and then plug in x = pi/4", "simplify", lambda a: a["at"] == {"x": "pi/4"}),
])
def test_maths_with_prose_around_it(question: str, tool: str, check) -> None:
    intent = first_intent(question, "math")
    assert intent.tool == tool and check(intent.args)


def test_equal_counts_said_in_words_is_a_goodness_of_fit() -> None:
    intent = first_intent("Calls per weekday:\n\nMon: 31\nTue: 27\nWed: 30\nThu: 25\nFri: 37\n\nIf the day made no "
                          "difference each day should get roughly the same number. Consistent with that?")
    assert intent.tool == "chi_square" and "expected" not in intent.args


def test_shares_that_do_not_add_up_or_cannot_be_matched_are_refused() -> None:
    with pytest.raises(HavocInputError) as err:
        plan_question("Chi-square GOF please. The plan says 40% from supplier X, 40% from Y and 30% from Z. Last 50 "
                      "lots: X 22, Y 17, Z 11. Does the split follow the plan?", "stats")
    assert "110%" in str(err.value)


def test_record_lines_with_a_unit_of_several_letters_and_a_run_left_out() -> None:
    intent = first_intent("run  1   feed 0.10 mm/rev   Ra 1.1 um\nrun  2   feed 0.15 mm/rev   Ra 1.6 um\n"
                          "run  3   feed 0.20 mm/rev   Ra 2.0 um\nrun  4   feed 0.25 mm/rev   Ra 4.9 um\n"
                          "run  5   feed 0.30 mm/rev   Ra 2.9 um\nLeave run 4 out. Fit Ra = b0 + b1*feed.")
    assert intent.tool == "regression" and intent.args["x"] == decimals([0.10, 0.15, 0.20, 0.30])


def test_fisher_from_passed_and_failed_counts_in_prose_with_a_one_sided_claim() -> None:
    intents = plan_question("Old vs new paint in the humidity test. New paint: 8 panels passed, 4 failed. Old paint: 3 "
                            "passed, 9 failed. Fisher's exact test, two-sided p and the one-sided p for 'new paint "
                            "passes more often'.", "stats")
    assert [i.args["alternative"] for i in intents] == ["two-sided", "greater"]
    assert intents[1].args["x"] == decimals([8, 3]) and intents[1].args["n"] == decimals([12, 12])


def test_mcnemar_cells_named_by_each_method_in_either_order() -> None:
    intent = first_intent("Same 40 castings checked by two methods (visual V, dye D). Both flag: 10. V flags but D "
                          "passes: 7. D flags but V passes: 1. Both pass: 22. McNemar exact?")
    assert intent.tool == "mcnemar" and intent.args["table"] == [decimals([22, 1]), decimals([7, 10])]


def test_xbar_s_from_the_average_of_the_subgroup_standard_deviations() -> None:
    intent = first_intent("Every hour we pull 4 pins; after 20 hours the grand average is 6.002 mm and the average "
                          "of the subgroup standard deviations is 0.011 mm. X-bar and S chart limits?", "spc")
    assert intent.tool == "summary_chart" and intent.args["chart"] == "xbar_s" and intent.args["n"] == 4


def test_a_sigma_from_the_capability_study_is_a_known_standard_for_run_rules() -> None:
    intent = first_intent("Centre line is the 20.0 g target and sigma is 0.5 g from the capability study. Readings: "
                          "20.1, 19.8, 20.4, 21.2, 21.3, 20.2, 19.9, 20.0, 20.6, 20.3. Apply the Western Electric "
                          "rules (1: beyond 3 sigma; 2: two of three beyond 2 sigma). First signal?", "spc")
    assert intent.tool == "control_chart" and intent.args["center"] == Decimal("20.0")


def test_pooled_from_the_same_underlying_variance_in_summaries() -> None:
    intent = first_intent("Line 1: mean 5.2, s = 0.4, n = 10. Line 2: mean 4.9, s = 0.5, n = 12. Assume the lines "
                          "have the same underlying variance. Difference in means? t and p.")
    assert intent.tool == "summary_t_test" and intent.args["kind"] == "pooled"


def test_the_second_sample_said_higher_without_than_comes_first() -> None:
    intent = first_intent("Rejects: shift A 12 of 300, shift B 25 of 310. The supervisor thinks shift B's reject rate "
                          "is higher. Two-proportion z test, one-sided.")
    assert intent.args["x"] == decimals([25, 12]) and intent.args["alternative"] == "greater"


def test_an_earlier_study_in_brackets_leaves_the_plan_of_its_sentence() -> None:
    intent = first_intent("We have 6 two-level factors and the budget is 16 runs (lab booked for week 9; the last "
                          "screening study used 32 runs). Best resolution?", "doe")
    assert intent.args["factors"] == 6


def test_a_randomized_complete_block_grid_in_an_ascii_table() -> None:
    intent = first_intent("Yield for three catalysts; each batch was split three ways, every batch saw every "
                          "catalyst:\n\n+-------+-----+-----+-----+\n| batch | C1  | C2  | C3  |\n"
                          "+-------+-----+-----+-----+\n| B1    | 60.1| 61.0| 59.2|\n| B2    | 62.4| 63.1| 61.0|\n"
                          "| B3    | 58.8| 60.2| 58.1|\n| B4    | 61.5| 62.9| 60.7|\n+-------+-----+-----+-----+\n\n"
                          "Batches are a nuisance. Do the catalysts differ?")
    assert intent.tool == "anova_twoway" and intent.args["interaction"] is False


def test_a_defect_count_not_a_count_of_bad_items_is_a_c_chart() -> None:
    intent = first_intent("We inspect 20 panels per shift and record the total number of scratches found on those 20 "
                          "panels (a panel often has several, so this is a defect count, not a count of bad panels). "
                          "Last 12 shifts: 5, 8, 6, 9, 4, 7, 10, 6, 5, 8, 7, 6. Centre line and limits?", "spc")
    assert intent.tool == "control_chart" and intent.args["chart"] == "c"


def test_two_lists_of_the_same_names_in_different_orders_are_paired_by_name() -> None:
    intent = first_intent("Scores before and after the course.\nBefore: Ana 70, Ben 64, Cy 81, Dee 58, Eve 75\n"
                          "After (as the forms came back): Eve 79, Cy 84, Ana 73, Dee 61, Ben 63\n"
                          "Did scores change? after - before, paired t.")
    assert intent.tool == "t_test" and intent.args["kind"] == "paired"
    assert intent.args["x"] == decimals([73, 63, 84, 61, 79]) and intent.args["y"] == decimals([70, 64, 81, 58, 75])


def test_replicate_lines_of_a_2k_in_standard_order_are_its_replicates() -> None:
    intents = plan_question("2^2 factorial, two replicates. Responses in standard order (1), a, b, ab:\n"
                            "Replicate I: 10.1, 12.3, 11.0, 14.2\nReplicate II: 9.8, 12.9, 11.4, 13.8\n"
                            "Effect of A and its p-value from the full-model ANOVA?", "doe")
    assert intents[0].args["replicates"] == 2
    assert intents[1].args["response"] == decimals([10.1, 12.3, 11.0, 14.2, 9.8, 12.9, 11.4, 13.8])


def test_a_sample_size_at_a_second_confidence_level_asked_after_the_first() -> None:
    intents = plan_question("We want the share of users who renew to within +/-3 percentage points at 95% confidence, "
                            "no prior guess. How many responses? And how many if 90% confidence is enough?", "stats")
    assert [i.tool for i in intents] == ["sample_size_ci", "sample_size_ci"]
    assert [i.args["confidence"] for i in intents] == [Decimal("0.95"), Decimal("0.9")]


def test_a_nominal_on_the_line_below_a_list_does_not_take_the_lists_last_value() -> None:
    q = ("Shaft lengths, mm:\n120.04, 119.97, 120.02, 120.06, 119.99, 120.03\nNominal is 120.00 mm (print tol +/-0.05). "
         "Are we on nominal? mean, t and p please")
    intent = first_intent(q, "stats")
    assert intent.args["mu"] == Decimal("120.00") and len(intent.args["x"]) == 6


def test_the_size_of_the_pilot_that_gave_the_sd_is_not_the_sample_size_and_a_cost_per_unit_is_totalled() -> None:
    q = ("Two coating vendors, adhesion in MPa. A pilot of 10 coupons gave an SD of about 0.8 MPa. To detect a 0.5 MPa "
         "difference with 80% power at alpha 0.05 (two-sided, two-sample t), how many coupons per vendor, and what "
         "will the testing cost if each coupon costs $25?")
    intent = first_intent(q, "stats")
    assert intent.tool == "power" and intent.args.get("n") is None and intent.args["power"] == Decimal("0.8")
    assert intent.args["cost_per_unit"] == Decimal("25")
    assert any(note.startswith("10: the size of the pilot") for note in intent.notes)


def test_values_told_sentence_by_sentence_are_one_set_when_the_question_says_so() -> None:
    q = ("Coil widths from the whole order, shipment by shipment. First truck, four coils: 1202, 1198, 1205 and 1201 mm. "
         "Second truck, two: 1199 and 1204 mm. The last truck had one coil, 1196 mm. That is every coil we shipped, so "
         "give me the population standard deviation (divide by N, not N-1) and the median.")
    intent = first_intent(q, "stats")
    assert intent.tool == "describe"
    assert intent.args["data"] == decimals([1202, 1198, 1205, 1201, 1199, 1204, 1196])
    assert not any(note.startswith("numbers in the question not read as data") for note in intent.notes)


def test_values_in_several_sentences_without_saying_they_are_one_set_are_not_pooled() -> None:
    q = ("First truck, four coils: 1202, 1198, 1205 and 1201 mm. Second truck, two: 1199 and 1204 mm. "
         "Describe the first truck's coils.")
    intent = first_intent(q, "stats")
    assert intent.args["data"] == decimals([1202, 1198, 1205, 1201])


def test_a_first_order_model_with_the_interaction_keeps_the_curvature_in_the_lack_of_fit() -> None:
    q = ("2^2 with 3 centre runs. Corners: (-1,-1) 61.2, (+1,-1) 66.8, (-1,+1) 63.9, (+1,+1) 72.5; centre points 67.1, "
         "66.4, 67.9. Fit a first-order model plus the AB interaction and test lack of fit: pure-error MS, lack-of-fit F "
         "and p?")
    anova = plan_question(q, "doe")[1]
    assert anova.tool == "doe_anova" and anova.args["model"] == "interactions" and anova.args["curvature"] is False
    plain = plan_question(q.replace(" plus the AB interaction", ""), "doe")[1]
    assert plain.args["model"] == "first_order" and "curvature" not in plain.args


def test_replicated_corners_named_by_their_settings_with_centre_runs_for_a_lack_of_fit_test() -> None:
    q = ("Temperature and pressure, two levels each; each corner was done twice and there are 3 centre points. "
         "Temperature low / pressure low: 71.3 and 72.0; temperature high / pressure low: 75.2 and 74.1; temperature "
         "low / pressure high: 73.8 and 74.9; temperature high / pressure high: 79.6 and 78.8; centre: 76.2, 75.4, "
         "76.0. Fit the first-order model with the interaction and test for lack of fit (pure-error MS, F, p).")
    design, anova = plan_question(q, "doe")
    assert design.args["replicates"] == 2 and design.args["center_points"] == 3 and design.args["center_once"]
    assert len(design.args["factors"]) == 2
    assert anova.args["response"] == decimals([71.3, 75.2, 73.8, 79.6, 72.0, 74.1, 74.9, 78.8, 76.2, 75.4, 76.0])
    assert anova.args["curvature"] is False


def test_a_replicated_two_factor_study_told_one_level_at_a_time_is_a_two_way_anova() -> None:
    q = ("Binder trial. For binder A: 2% gave 31.2 and 30.4; 4% gave 33.0 and 33.9. For binder B: 2% gave 29.8 and "
         "30.6; 4% gave 35.1 and 34.2. For binder C: 2% gave 30.9 and 31.7; 4% gave 32.8 and 33.3. Is there a binder "
         "by dose interaction? Two-way ANOVA please.")
    intent = first_intent(q, "stats")
    assert intent.tool == "anova_twoway" and intent.args["interaction"]
    assert intent.args["y"] == decimals([31.2, 30.4, 33.0, 33.9, 29.8, 30.6, 35.1, 34.2, 30.9, 31.7, 32.8, 33.3])
    assert intent.args["a"] == ["binder A"] * 4 + ["binder B"] * 4 + ["binder C"] * 4
    assert intent.args["b"] == ["2%", "2%", "4%", "4%"] * 3


def test_levels_told_one_at_a_time_must_name_the_same_cells() -> None:
    from graphs.planning.nl_tables import _prose_nested_cells

    q = "At 160 C: 20 min gave 66.7 and 68.5; 30 min gave 67.5 and 68.4. At 180 C: 20 min gave 67.5 and 68.3."
    assert _prose_nested_cells(q) is None


def test_a_central_composite_told_point_by_point_in_prose_is_fitted_by_the_quadratic() -> None:
    q = ("CCD on the dryer, coded units. Corners: (-,-) 61.2, (+,-) 64.0, (-,+) 63.1, (+,+) 62.5. Star points at "
         "+/-1.682: x1 at -1.682 -> 60.4, x1 at 1.682 -> 63.9, x2 at -1.682 -> 61.7, x2 at 1.682 -> 62.8. Centre points: "
         "66.0, 65.4, 65.9. Fit the second-order model and find the stationary point.")
    intent = plan_question(q, "doe")[0]
    assert intent.tool == "rsm_fit"
    assert intent.args["X"][:5] == [[-1, -1], [1, -1], [-1, 1], [1, 1], [Decimal("-1.682"), 0]]
    assert intent.args["X"][-3:] == [[0, 0]] * 3
    assert intent.args["y"] == decimals([61.2, 64.0, 63.1, 62.5, 60.4, 63.9, 61.7, 62.8, 66.0, 65.4, 65.9])


def test_corners_alone_are_too_few_points_for_a_quadratic() -> None:
    from graphs.planning.surface_points import surface_points

    assert surface_points("(-1,-1) 61.2, (+1,-1) 64.0, (-1,+1) 63.1, (+1,+1) 62.5; centre 66.0, 65.4") is None
