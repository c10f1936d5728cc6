"""Readings fixed after blind round 38, each in our own phrasing (the round's questions are in tests/data)."""

from __future__ import annotations

from decimal import Decimal

from graphs.planning.nl import plan_question
from tests.graphs.planned import decimals, first_intent


def test_two_proportions_built_and_failed_in_prose() -> None:
    intent = first_intent("Plant A made 410 housings and 23 of them leaked. Plant B made 388 housings, and 9 leaked. Is "
                          "the leak rate different? Two-proportion z-test.")
    assert intent.tool == "proportion_test"
    assert intent.args["x"] == decimals([23, 9]) and intent.args["n"] == decimals([410, 388])


def test_a_claimed_reduction_is_tested_one_sided_with_the_claimed_sample_first() -> None:
    intent = first_intent("Vendor claims the new seal LOWERS leakage. Old: 5.2, 5.6, 4.9, 5.8, 5.4, 5.1. New: 4.8, 5.0, "
                          "4.6, 5.3, 4.7, 4.9. Pooled variances are fine. Does the data support the claim?")
    assert intent.tool == "t_test" and intent.args["kind"] == "pooled"
    assert intent.args["x"] == decimals([4.8, 5.0, 4.6, 5.3, 4.7, 4.9]) and intent.args["alternative"] == "less"


def test_paired_yes_no_outcomes_in_words_are_mcnemar_even_unnamed() -> None:
    intent = first_intent("We asked the same 50 operators before and after the briefing. 20 said 'ok' both times, 4 said "
                          "ok before but reject after, 15 said reject before but ok after, and 11 said reject both "
                          "times. Did the briefing change their calls? Exact test please.")
    assert intent.tool == "mcnemar" and intent.args["method"] == "exact"
    assert intent.args["table"] == [decimals([20, 4]), decimals([15, 11])]


def test_a_point_with_no_variable_named_is_the_functions_one_variable() -> None:
    intent = first_intent("third derivative of x^2 e^(3x), evaluated at 1", "math")
    assert intent.tool == "differentiate" and intent.args["at"] == {"x": "1"}


def test_an_integral_written_with_the_differential_over_the_denominator() -> None:
    intent = first_intent("int_0^inf dx/(4+x^2) = ?", "math")
    assert intent.tool == "integrate" and intent.args["expression"].replace(" ", "") == "1/(4+x^2)"


def test_a_function_glued_to_its_variable() -> None:
    intent = first_intent("lim x->0 (tanx - x)/x^3", "math")
    assert intent.tool == "limit" and "tan(x)" in intent.args["expression"]


def test_partial_fractions_with_the_answer_form_after_an_equals_sign() -> None:
    intent = first_intent("partial fractions (x+7)/((x-1)(x+2)) = A/(x-1) + B/(x+2), find A and B", "math")
    assert intent.tool == "simplify" and intent.args["method"] == "apart" and "A" not in intent.args["expression"]


def test_a_shift_to_detect_said_with_a_verb() -> None:
    intent = first_intent("We want to show the new nozzle raises mean flow by 0.8 L/min. SD about 1.2 L/min, two-sided "
                          "alpha 0.05, 80% power. How many runs per nozzle for a two-sample t-test?")
    assert intent.tool == "power" and intent.args["delta"] == Decimal("0.8") and intent.args["sd"] == Decimal("1.2")


def test_sigma_said_known_before_its_value() -> None:
    intent = first_intent("How many rods to estimate the mean length to within +/-0.2 mm with 95% confidence? Treat "
                          "sigma as known, 0.9 mm.")
    assert intent.tool == "sample_size_ci" and intent.args["sd"] == Decimal("0.9")


def test_a_response_surface_study_described_is_a_design_not_data() -> None:
    intent = first_intent("Planning a response-surface study: 3 factors, central composite, full 2^3 core, 4 centre "
                          "points, rotatable. Last time we used 18 runs. How many runs now?", "doe")
    assert intent.tool == "doe_design" and intent.args["design"] == "central_composite"


def test_lack_of_fit_of_a_first_order_model_from_corners_and_centre_runs() -> None:
    intents = plan_question("2^2 in speed and feed plus 4 centre points. Runs: (+1,-1) 31.2; (-1,-1) 28.4; (+1,+1) "
                            "35.9; (-1,+1) 30.1. Centre points: 33.0, 33.4, 32.8, 33.1. I fitted a first-order model. "
                            "Lack of fit F and p?", "doe")
    assert [i.tool for i in intents] == ["doe_design", "doe_anova"]
    assert intents[0].args["center_points"] == 4 and intents[1].args["model"] == "first_order"
    # the corners put in standard order (first factor fastest), the centre runs after them
    assert intents[1].args["response"] == decimals([28.4, 31.2, 30.1, 35.9, 33.0, 33.4, 32.8, 33.1])


def test_coded_table_with_levels_in_words_and_centre_rows_after() -> None:
    intent = first_intent("2^2 with centre points, any curvature?\n  A   B   y\n lo  lo  20.1\n hi  lo  24.3\n lo  hi  "
                          "21.0\n hi  hi  25.2\nmid mid  24.0\nmid mid  23.6\nmid mid  24.4", "doe")
    assert intent.tool == "doe_curvature" and intent.args["center"] == decimals([24.0, 23.6, 24.4])


def test_yates_labels_with_slashed_replicates() -> None:
    intents = plan_question("2^2 replicated twice. (1) 20.1/20.9; a 24.3/23.8; b 21.0/21.6; ab 25.2/26.0. Effects and "
                            "ANOVA please.", "doe")
    assert intents[0].tool == "doe_design" and intents[0].args["replicates"] == 2
    assert intents[1].args["response"] == decimals([20.1, 24.3, 21.0, 25.2, 20.9, 23.8, 21.6, 26.0])


def test_analysed_2k_blocked_by_a_capacity_in_words() -> None:
    intents = plan_question("Full 2^3, but the kiln can only do four runs per day, so we blocked on day. Results in "
                            "standard order: 12.1, 15.3, 11.8, 14.9, 12.6, 15.0, 12.2, 15.8. Effects?", "doe")
    assert intents[0].args["blocks"] == 2


def test_a_pasted_rotatable_ccd_to_fit_is_analysed() -> None:
    rows = "\n".join(f"{a} {b} {y}" for a, b, y in [(-1, -1, 60.1), (1, -1, 63.0), (-1, 1, 61.2), (1, 1, 66.3),
                                                    (-1.414, 0, 59.8), (1.414, 0, 65.0), (0, -1.414, 61.5),
                                                    (0, 1.414, 64.2), (0, 0, 67.0), (0, 0, 67.4), (0, 0, 66.8)])
    intent = first_intent("Two-factor rotatable CCD, coded. Fit the quadratic; where is the stationary point?\n"
                          "x1 x2 y\n" + rows, "doe")
    assert intent.tool == "rsm_fit" and len(intent.args["y"]) == 11


def test_a_cost_per_run_is_totalled_only_when_the_total_is_asked() -> None:
    asked = first_intent("Full factorial, speed at 3 levels and feed at 2 levels, run twice. Each run costs $120. How "
                         "many runs and what will it cost?", "doe")
    assert asked.tool == "doe_design" and asked.args["cost_per_run"] == Decimal("120")
    context = first_intent("Full factorial, speed at 3 levels and feed at 2 levels, run twice (each run costs $120). "
                           "How many runs?", "doe")
    assert "cost_per_run" not in context.args
    size = first_intent("How many bags to estimate the mean fill to within +/-0.5 g at 95% confidence, sigma 2 g? "
                        "Each bag weighed costs EUR 3. What's n and the total cost?")
    assert size.tool == "sample_size_ci" and size.args["cost_per_unit"] == Decimal("3")


def test_the_full_factorial_model_asked_for_a_replicated_2k() -> None:
    intents = plan_question("2^3 run twice. (1) 20.1/20.9; a 24.3/23.8; b 21.0/21.6; ab 25.2/26.0; c 19.9/20.4; "
                            "ac 23.1/23.9; bc 21.7/21.2; abc 26.0/25.1. ANOVA with the full factorial model, replicates "
                            "as error: F for A?", "doe")
    assert intents[-1].tool == "doe_anova" and intents[-1].args["model"] == "full"


def test_a_change_from_before_to_after_is_after_minus_before() -> None:
    intent = first_intent("scores before and after the refresher (same people):\n\nid    before  after\n311    61.0  "
                          "63.5\n312    70.2  69.8\n313    66.4  69.1\n314    58.0  61.6\n315    72.3  74.0\n\ndid the "
                          "course increase the scores? paired, one-sided")
    assert intent.tool == "t_test" and intent.args["kind"] == "paired"
    assert intent.args["x"] == decimals([63.5, 69.8, 69.1, 61.6, 74.0]) and intent.args["alternative"] == "greater"
    said = first_intent("before: 10.2, 11.0, 9.8, 10.5, 10.9\nafter: 9.9, 10.4, 9.9, 10.1, 10.2\nDid it reduce the "
                        "values? paired t, one-sided, differences before minus after")
    assert said.args["x"] == decimals([10.2, 11.0, 9.8, 10.5, 10.9]) and said.args["alternative"] == "greater"
