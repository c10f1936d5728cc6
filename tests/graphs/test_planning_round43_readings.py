"""Readings fixed after blind round 43, each in our own phrasing (the round's questions are in tests/data)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from graphs.planning.extract import without_estimator_formulas
from graphs.planning.log_lines import log_readings
from graphs.planning.nl import plan_question
from graphs.planning.stem_and_leaf import stem_and_leaf
from tests.graphs.planned import decimals, first_intent
from tools.errors import HavocInputError


def test_a_column_of_initials_beside_one_measurement_is_a_label_when_nothing_is_compared() -> None:
    q = ("From the gauge export, average wall thickness and its standard deviation please:\n\n"
         "part,wall_mm,checked_by\nA1,2.011,TR\nA2,2.018,TR\nA3,2.007,MK\nA4,2.015,MK\nA5,2.009,TR\nA6,2.013,MK")
    intent = first_intent(q, "stats")
    assert intent.tool == "describe" and intent.args["data"] == decimals(["2.011", "2.018", "2.007", "2.015", "2.009",
                                                                           "2.013"])
    compared = q.replace("average wall thickness and its standard deviation please",
                         "does wall thickness differ between checkers? one-way ANOVA")
    assert first_intent(compared, "stats").tool == "anova_oneway"


def test_pivot_margins_are_not_cells() -> None:
    q = ("Export from the pivot, cause by line. Test of independence please.\n\n"
         "Row Labels   Wiring   Paint   Seal   Grand Total\n"
         "Line 1            8      12      5            25\n"
         "Line 2           11       7      9            27\n"
         "Line 3            6      10      8            24\n"
         "Grand Total      25      29     22            76")
    intent = first_intent(q, "stats")
    assert intent.tool == "chi_square"
    assert intent.args["table"] == [decimals(r) for r in (["8", "12", "5"], ["11", "7", "9"], ["6", "10", "8"])]


def test_an_insisted_minimum_is_tested_against() -> None:
    q = ("The vendor insists the mean tensile strength is at least 420 MPa; we doubt it. Bars: 415, 422, 418, 411, "
         "419, 416, 421, 413. One-sided t-test at the 5% level.")
    intent = first_intent(q, "stats")
    assert intent.args["alternative"] == "less" and intent.args["mu"] == Decimal("420")


def test_a_stated_significance_level_in_percent_sets_the_confidence() -> None:
    q = "Values 5.1, 5.3, 4.9, 5.2, 5.4, 5.0. Does the mean differ from 5 at the 1% level? t-test."
    assert first_intent(q, "stats").args["confidence"] == 0.99


def test_the_very_same_specimens_make_pairs() -> None:
    q = ("Caliper A on parts 1-6: 10.02, 10.05, 9.98, 10.01, 10.04, 10.00. Caliper B was then used on the very same "
         "six parts, same order: 10.01, 10.05, 9.97, 9.99, 10.03, 9.99. Mean difference A minus B, t and p?")
    assert first_intent(q, "stats").args["kind"] == "paired"


def test_a_mean_and_a_count_without_a_spread_is_refused() -> None:
    q = "Bolts from lot 77 averaged 51.2 kN over 15 pulls. Is that different from the 50 kN spec? t and p please."
    with pytest.raises(HavocInputError, match="standard deviation"):
        plan_question(q, "stats")


def test_for_a_report_is_no_variable() -> None:
    intent = first_intent("I need this for a report: the integral of x^2 e^x dx from 0 to 1.", "math")
    assert intent.args["variable"] == "x"


def test_a_log_with_several_keys_reads_the_one_named_and_skips_heartbeats() -> None:
    lines = [f"2025-03-0{1 + i // 4} 0{i % 4}:00:00 INFO cell=2 temp_c={v} fan=ON" for i, v in
             enumerate(["61.2", "61.5", "60.9", "61.8", "61.1", "61.4"])]
    lines.insert(3, "2025-03-01 03:00:00 DEBUG heartbeat seq=77 uptime_s=900")
    q = "Mean of the temp_c readings (ignore the heartbeat lines):\n" + "\n".join(lines)
    text, notes = log_readings(q)
    assert "temp_c 2: 61.2, 61.5, 60.9, 61.8, 61.1, 61.4" in text
    assert any("without temp_c skipped (seq=77, uptime_s=900)" in n for n in notes)


def test_an_estimator_formula_is_blanked_but_plain_sums_stay() -> None:
    q = "Lag-1 autocorrelation, r1 = sum (x_t - xbar)(x_{t+1} - xbar) / sum (x_t - xbar)^2. Data: 1, 2, 3"
    assert "x_t" not in without_estimator_formulas(q) and "Data: 1, 2, 3" in without_estimator_formulas(q)
    assert without_estimator_formulas("Find the sum of n^2 for n = 1 to 10.") == "Find the sum of n^2 for n = 1 to 10."


def test_lag_one_autocorrelation_is_a_description_not_a_correlation() -> None:
    intent = first_intent("Mean and lag-1 autocorrelation of 4.1, 4.3, 4.2, 4.6, 4.4, 4.8, 4.5", "stats")
    assert intent.tool == "describe"


def test_a_stem_and_leaf_display_with_its_key() -> None:
    q = ("Stem-and-leaf of 12 fill times (key 3|4 = 3.4 s):\n 3 | 4 7 9\n 4 | 0 2 2 5\n 5 | 1 3 8\n 6 | 0 4\n"
         "Mean and median?")
    text, notes = stem_and_leaf(q)
    assert "values: 3.4, 3.7, 3.9, 4.0, 4.2, 4.2, 4.5, 5.1, 5.3, 5.8, 6.0, 6.4" in text
    assert stem_and_leaf(q.replace("12 fill", "13 fill"))[1] == []  # the count said disagrees with the leaves
    assert stem_and_leaf("0 | 7\n1 | 11\n2 | 5\n3 | 2\nmean?")[1] == []  # a tally, not a display


def test_rows_coded_for_what_they_are_and_codes_left_out() -> None:
    q = ("Drop the setup pieces (SU) and the gauge checks (GC); mean of the rest.\n"
         "pc 1  SU  12.91\npc 2  OK  12.02\npc 3  OK  12.05\npc 4  GC  13.00\npc 5  OK  11.98\npc 6  OK  12.01")
    intent = first_intent(q, "stats")
    assert intent.args["data"] == decimals(["12.02", "12.05", "11.98", "12.01"])


def test_k_of_them_after_the_size_and_defects_beside_defectives() -> None:
    q = ("We checked 250 housings from the night shift. 14 of them had at least one burr; in all we counted 31 "
         "burrs... no wait: 31 defects. What fraction is defective, with an exact 95% interval?")
    intent = first_intent(q, "stats")
    assert intent.args["x"] == [Decimal(14)] and intent.args["n"] == [Decimal(250)]


def test_counts_after_an_em_dash_on_labelled_lines() -> None:
    q = "Flaws per sheet (same size sheets):\n" + "\n".join(f"Sheet {i} — {c} flaws" for i, c in
                                                            enumerate([4, 6, 3, 5, 7, 2, 4, 5], start=1)) + \
        "\nc chart limits?"
    intent = first_intent(q, "spc")
    assert intent.args["counts"] == decimals(["4", "6", "3", "5", "7", "2", "4", "5"])


def test_named_pairs_split_by_a_slash() -> None:
    q = ("Each bench ran once with each fixture:\nbench 1: old 3.1 / new 2.8\nbench 2: old 3.4 / new 3.2\n"
         "bench 3: old 2.9 / new 2.9\nbench 4: old 3.6 / new 3.1\nbench 5: old 3.3 / new 3.0\nPaired t-test, old minus new.")
    intent = first_intent(q, "stats")
    assert intent.args["kind"] == "paired" and intent.args["x"] == decimals(["3.1", "3.4", "2.9", "3.6", "3.3"])


def test_without_leaning_on_normality_is_no_normality_test() -> None:
    q = ("Line A: 5.1 5.3 5.0 5.2\nLine B: 5.6 5.0 4.7 5.9\nLine C: 5.2 5.1 5.3 5.2\nDo the spreads differ? Test it "
         "without leaning on normality.")
    assert first_intent(q, "stats").tool == "levene"


def test_a_one_sided_upper_bound_for_the_mean() -> None:
    q = "Leak rates: 2.1, 2.4, 1.9, 2.6, 2.2, 2.0. Give a value we can be 95% confident the true mean does not exceed."
    intent = first_intent(q, "stats")
    assert intent.tool == "describe" and intent.args["bound"] == "upper" and intent.args["confidence"] == 0.95


def test_samples_told_as_daily_with_a_size_each() -> None:
    q = "p chart: 30 daily samples, 150 cartons each, 96 damaged cartons in all. Centre line and limits?"
    intent = first_intent(q, "spc")
    assert intent.args["total"] == 96 and intent.args["subgroups"] == 30 and intent.args["n"] == 150


def test_factorial_cells_told_in_prose() -> None:
    q = ("At 40 min and 5 bar we got 81.2 and 80.6; at 60 min and 5 bar, 84.1 and 84.9; at 40 min and 7 bar, 82.0 "
         "and 82.4; at 60 min and 7 bar, 88.3 and 87.7. Main effects of time and pressure and their interaction?")
    tools = [i.tool for i in plan_question(q, "doe")]
    assert "doe_effects" in tools


def test_two_way_cells_named_a_slash_b() -> None:
    q = ("Two-way ANOVA with interaction. Resin (R1, R2) by mould (M1, M2, M3):\nR1/M1: 5.1, 5.3\nR1/M2: 5.8, 5.6\n"
         "R1/M3: 5.5, 5.4\nR2/M1: 4.9, 5.0\nR2/M2: 6.2, 6.4\nR2/M3: 5.9, 6.1")
    intent = first_intent(q, "stats")
    assert intent.tool == "anova_twoway" and intent.args["a"] == ["R1"] * 6 + ["R2"] * 6
    assert intent.args["b"] == ["M1", "M1", "M2", "M2", "M3", "M3"] * 2


def test_slope_of_a_function_at_a_point_and_roots_for_which_x() -> None:
    assert first_intent("What is the slope of f(x) = x^2 ln(x) at x = 3?", "math").tool == "differentiate"
    assert first_intent("For which x is x^2 - 5x + 3 = 0?", "math").tool == "solve"


def test_terms_summed_over_an_index_listed_with_dots() -> None:
    intent = first_intent("What is n^2 summed over n = 1, 2, ..., 12?", "math")
    assert intent.tool == "summation" and intent.args["upper"] == Decimal(12)


def test_a_second_design_asked_beside_the_first() -> None:
    q = ("A face-centred CCD in 2 factors with 3 centre points: how many runs? And if we used a full factorial "
         "design with 2 centre points instead, how many runs would that be?")
    designs = [i for i in plan_question(q, "doe") if i.tool == "doe_design"]
    assert len(designs) == 2 and len({d.binding for d in designs}) == 2
