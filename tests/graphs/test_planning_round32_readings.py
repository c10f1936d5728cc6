"""Readings fixed after blind round 32, each in our own phrasing (the round's questions are in tests/data)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from graphs.planning.nl import plan_question
from graphs.reading.audit import reading_checks
from tests.graphs.planned import decimals as _d
from tests.graphs.planned import first_intent
from tools.errors import HavocInputError

# ---- which sample comes first when the question says so


def test_minus_names_the_order_of_a_two_sample_test() -> None:
    intent = first_intent("Cure time (min).\nbatch A: 31, 35, 29, 33, 34, 30\nbatch B: 36, 38, 33, 37, 35, 39\n"
                          "Is the mean of B higher? one-sided, pooled variances. t for B minus A please.")
    assert intent.tool == "t_test" and intent.args["x"] == _d([36, 38, 33, 37, 35, 39])
    assert intent.args["alternative"] == "greater"


def test_arrow_pairs_turn_when_the_difference_is_after_minus_before() -> None:
    intent = first_intent("paired t on torque (before -> after the new tool): 12.1 -> 11.8; 13.0 -> 12.2; "
                          "12.6 -> 12.5; 12.9 -> 12.0; 13.3 -> 12.7. two-sided; report after minus before.")
    assert intent.args["kind"] == "paired" and intent.args["x"] == _d([11.8, 12.2, 12.5, 12.0, 12.7])


def test_a_variance_ratio_written_second_over_first() -> None:
    intent = first_intent("Press P1: 5.01 4.98 5.03 5.00 4.97 5.02\nPress P2: 5.10 4.91 5.06 4.95 5.12 4.90\n"
                          "Is P2 more variable? F test, one direction only; the ratio P2 over P1.")
    assert intent.tool == "variance_test" and intent.args["groups"][0][0] == Decimal("5.10")
    assert intent.args["alternative"] == "greater"


def test_two_proportions_in_prose_with_worse_and_the_order_asked() -> None:
    intent = first_intent("Plant East built 300 pumps and 12 failed the pressure test; Plant West built 280 and 25 "
                          "failed. Is West worse? One-sided, pooled z, no continuity correction. z for West minus "
                          "East.")
    assert intent.tool == "proportion_test" and intent.args["x"] == [Decimal(25), Decimal(12)]
    assert intent.args["alternative"] == "greater"


# ---- named by description, not by name


def test_concordant_pairs_are_kendalls_tau() -> None:
    intent = first_intent("Two inspectors ranked the same eight welds:\nweld 1: 3.1 / 2.9\nweld 2: 4.4 / 4.0\n"
                          "weld 3: 2.2 / 2.8\nweld 4: 5.0 / 4.7\nweld 5: 3.8 / 3.1\nweld 6: 4.9 / 5.2\n"
                          "weld 7: 2.6 / 2.0\nweld 8: 4.1 / 4.5\nHow far do they agree, counting concordant and "
                          "discordant pairs?")
    assert intent.tool == "correlation" and intent.args["method"] == "kendall"


def test_counting_above_and_below_a_median_is_the_sign_test() -> None:
    intent = first_intent("Claimed median battery life is 20 h. Lab results: 22.1, 18.4, 25.0, 21.7, 19.9, 23.3, "
                          "20.0, 24.8, 17.5, 26.1. Skewed, so just count how many are above vs below 20 h, exact "
                          "binomial, one-sided in the direction of the claim, dropping any at exactly 20.")
    assert intent.tool == "sign_test" and intent.args["mu"] == Decimal(20)
    assert intent.args["alternative"] == "greater"


def test_mann_whitney_with_its_tie_corrected_variance_is_no_spread_question() -> None:
    intent = first_intent("Mann-Whitney please, normal approximation with the tie-corrected variance.\n"
                          "A: 4 6 6 7 9 10 12\nB: 8 9 11 11 13 14 15")
    assert intent.tool == "mann_whitney"


# ---- the alternative, the nominal, the pooling


def test_h1_written_as_a_relation_and_a_lower_bound_that_is_no_direction() -> None:
    intent = first_intent("exact binomial: 9 defects in 50, H0 rate = 0.1, H1 rate > 0.1. p and the one-sided "
                          "95% lower confidence bound")
    assert intent.args["alternative"] == "greater"


def test_a_nominal_of_a_named_product() -> None:
    intent = first_intent("Nominal weight for this pack size is 250 g. Eight packs weighed 251.2, 249.8, 252.0, "
                          "250.6, 251.9, 250.3, 252.4, 251.1 g. On nominal? two-sided t and p.")
    assert intent.tool == "t_test" and intent.args["mu"] == Decimal(250)


def test_welch_from_summaries_when_pooling_is_declined_in_other_words() -> None:
    intent = first_intent("Summary only. Shift 1: mean 8.2, SD 0.4, n = 12. Shift 2: mean 7.9, SD 1.1, n = 10. "
                          "Do the shifts differ? Two-sided; please don't report the pooled one.")
    assert intent.tool == "summary_t_test" and intent.args["kind"] == "welch"


# ---- charts, capability, power


def test_a_p_chart_with_a_constant_sample_size_is_neither_power_nor_constants() -> None:
    lines = "\n".join(f"shift {i}: {c}" for i, c in enumerate([4, 7, 3, 6, 5, 8, 4, 6, 5, 7], 1))
    intent = first_intent(f"We test 80 cells a shift and count failures.\n{lines}\np chart please, constant "
                          "sample size n = 80: centre line and limits?", "spc")
    assert intent.tool == "control_chart" and intent.args["chart"] == "p"


def test_tabulated_constants_are_how_limits_are_computed_not_the_question() -> None:
    rows = "\n".join(f"SG{i}: {a}, {b}, {c}" for i, (a, b, c) in enumerate(
        [(9.9, 10.1, 10.0), (10.2, 10.0, 9.8), (10.1, 9.9, 10.0), (9.8, 10.0, 10.3), (10.0, 10.2, 9.9)], 1))
    data = first_intent(f"{rows}\nX-bar and R limits (tabulated constants for n = 3), please.", "spc")
    assert data.tool == "control_chart"
    summary = first_intent("18 subgroups of 6, grand mean 74.2, average subgroup SD 0.35. X-bar and S limits "
                           "using the tabulated constants: UCL and LCL.", "spc")
    assert summary.tool == "summary_chart"


def test_indices_against_a_spec_are_capability() -> None:
    values = "20.1 19.8 20.3 20.0 19.7 20.2 20.4 19.9 20.1 20.0 19.6 20.2"
    intent = first_intent(f"Spec is 20 ± 1. Readings: {values}. Which indices do I get, spread only and centred?",
                          "spc")
    assert intent.tool == "capability"


def test_power_with_a_named_sd_a_bias_and_groups_named_by_their_noun() -> None:
    paired = first_intent("Each of 12 parts goes on both fixtures. The SD of the paired differences is about 0.9 mm. "
                          "If the true bias is 0.6 mm, what is the power of a paired t-test at alpha 0.05?")
    assert paired.tool == "power" and paired.args["sd"] == Decimal("0.9") and paired.args["delta"] == Decimal("0.6")
    anova = first_intent("One-way ANOVA with 5 nozzle types and 8 shots per nozzle type, Cohen's f = 0.3, "
                         "alpha 0.05: what power?")
    assert anova.args["groups"] == 5 and anova.args["n"] == 8


def test_an_earlier_study_is_context_for_designs_and_power() -> None:
    design = first_intent("3 factors, full two-level factorial, every point run twice, plus 2 centre points (not "
                          "replicated). For reference, last year's study used 24 runs. How many runs?", "doe")
    assert design.args.get("replicates") == 2 and "runs" not in design.args
    power = first_intent("SD of the hardness test is 1.5 HRC; detect a difference in means of 1.0 HRC with 80% "
                         "power, alpha 0.05, two-sided. Our previous comparison used 30 bars. n per group?")
    assert power.tool == "power" and power.args.get("n") is None and power.args["sd"] == Decimal("1.5")


def test_block_generators_named_in_the_question() -> None:
    intent = first_intent("Full 2^4 in four blocks, confounding ABC and BCD with blocks, 1 centre point per block. "
                          "Total runs?", "doe")
    assert intent.args["block_generators"] == ["ABC", "BCD"] and intent.args["blocks"] == 4


# ---- tables


def test_a_semicolon_export_with_decimal_commas() -> None:
    rows = "\n".join(f"{i};{v}" for i, v in enumerate(["7,12", "7,08", "7,15", "7,11", "7,09", "7,14"], 1))
    intent = first_intent(f"export from the lab PC:\nNr;Wert\n{rows}\nShapiro-Wilk test please")
    assert intent.tool == "normality" and intent.args["data"][:2] == _d([7.12, 7.08])


def test_a_grid_with_both_factors_in_the_corner() -> None:
    grid = ("speed \\ feed   0.1   0.2   0.3\n1000           4.1   4.6   5.2\n1500           4.4   5.0   5.5\n"
            "2000           4.9   5.3   6.1\n")
    additive = first_intent(grid + "Two-way ANOVA of roughness, main effects only.")
    assert additive.tool == "anova_twoway" and additive.args["interaction"] is False
    with pytest.raises(HavocInputError, match="no error degrees of freedom"):
        plan_question(grid + "Two-way ANOVA with the speed x feed interaction: its F and p?", "stats")


def test_a_two_by_two_written_as_counts_of_two_outcomes() -> None:
    intent = first_intent("Fisher's exact test: coated 2 rusted / 14 clean, bare 9 rusted / 8 clean.")
    assert intent.args["x"] == [Decimal(2), Decimal(9)] and intent.args["n"] == [Decimal(16), Decimal(17)]


# ---- maths


@pytest.mark.parametrize("question, tool, check", [
    ("g(x,y) = x^3 y + cos(xy). mixed partial d²g/dx dy at (0.5, 1), angles in radians", "differentiate",
     lambda a: a["variable"] == ["x", "y"]),
    ("Find the real root of x^3 + 2x - 9 = 0, give it to 5+ decimals", "solve", lambda a: a["domain"] == "real"),
    ("expand (2x - 1)^5 - what's the coefficient on x^3?", "simplify", lambda a: a["method"] == "expand"),
    ("coefficient of x^2 in (x + 4)^6", "simplify", lambda a: a["method"] == "expand"),
    ("partial fractions of (3x+1)/((x-2)(x+5)), written as A/(x-2) + B/(x+5). what are A and B", "simplify",
     lambda a: a["method"] == "apart" and "A" not in a["expression"]),
])
def test_maths_with_remarks_around_it(question: str, tool: str, check) -> None:
    intent = first_intent(question, "math")
    assert intent.tool == tool and check(intent.args)


# ---- the reading audit


def test_formula_constants_and_clock_times_are_context() -> None:
    checks = reading_checks("Anderson-Darling with the A*² = A²(1+0.75/n+2.25/n²) adjustment, n-1 divisor, on "
                            "3.1, 3.4, 2.9, 3.3, 3.0", [{"tool": "normality", "args": {"data": [3.1, 3.4, 2.9, 3.3, 3.0]},
                                                        "output": {}}])
    assert checks[0]["passed"], checks[0]["detail"]
    timed = reading_checks("since the 7 o'clock start: 5.1, 5.3, 4.9, 5.2", [
        {"tool": "describe", "args": {"data": [5.1, 5.3, 4.9, 5.2]}, "output": {}}])
    assert timed[0]["passed"], timed[0]["detail"]


def test_summary_figures_take_the_order_and_the_side_from_the_names() -> None:
    turned = first_intent("Summary sheet. Line A: mean 14.62, SD 1.08, n = 15. Line B: mean 13.71, SD 2.34, n = 11. "
                          "Welch t for B minus A, two-sided.")
    assert turned.tool == "summary_t_test" and turned.args["mean"] == Decimal("13.71")
    sided = first_intent("Supplier X: mean 50.2, SD 1.1, n = 20. Supplier Y: mean 51.0, SD 1.3, n = 18. Is Y higher? "
                         "one-sided Welch.")
    assert sided.args["mean"] == Decimal("50.2") and sided.args["alternative"] == "less"


def test_rows_of_a_name_and_two_readings_without_a_header() -> None:
    intent = first_intent("Cycle time (s) per operator, old layout then new layout:\nAna 41.2 39.8\nBen 44.0 42.1\n"
                          "Cem 39.5 39.9\nDov 42.8 40.2\nEli 40.1 38.7\nDid the new layout cut cycle time? one-sided "
                          "paired t, new minus old.")
    assert intent.args["kind"] == "paired" and intent.args["x"] == _d([39.8, 42.1, 39.9, 40.2, 38.7])
    assert intent.args["alternative"] == "less"


def test_a_fair_die_from_a_labelled_list_and_a_positive_correlation() -> None:
    die = first_intent("Is the die fair? counts for faces 1-6: 18, 22, 16, 25, 19, 20")
    assert die.tool == "chi_square" and len(die.args["observed"]) == 6 and "expected" not in die.args
    corr = first_intent("Pearson correlation between hours (2, 4, 5, 7, 8, 10) and score (55, 62, 66, 74, 79, 88), "
                        "one-sided for positive")
    assert corr.args["alternative"] == "greater"
