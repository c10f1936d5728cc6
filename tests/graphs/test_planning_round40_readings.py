"""Readings fixed after blind round 40, each in our own phrasing (the round's questions are in tests/data)."""

from __future__ import annotations

from decimal import Decimal

from graphs.planning.nl import plan_question
from tests.graphs.planned import decimals, first_intent


def test_counts_printed_with_dot_leaders_against_stated_shares() -> None:
    q = ("Returns by reason, Q2:\n\nWrong size .......... 61\nDamaged ............. 22\nLate ................ 17\n\n"
         "Usually it is 50 % wrong size, 30 % damaged and 20 % late. Chi-square goodness of fit against those shares?")
    intent = first_intent(q, "stats")
    assert intent.tool == "chi_square" and intent.args["observed"] == decimals([61, 22, 17])
    assert intent.args["expected"] == decimals([50, 30, 20])


def test_a_reading_equal_to_the_target_is_still_a_reading() -> None:
    q = ("One can a shift: Mon 330.4 ml, Tue 331.0 ml, Wed 330.0 ml and Thu 329.2 ml, then Fri 330.9 ml. Target is "
         "330 ml. Does the mean fill differ from 330 ml? one-sample t-test")
    intent = first_intent(q, "stats")
    assert intent.args["x"] == decimals(["330.4", "331.0", "330.0", "329.2", "330.9"])
    assert intent.args["mu"] == Decimal("330")


def test_a_frequency_table_is_expanded_into_its_observations() -> None:
    q = ("Knots per board, tallied:\n\nKnots per board | Boards\n0 | 7\n1 | 11\n2 | 5\n3 | 2\n\n"
         "Mean and standard deviation of knots per board?")
    intent = first_intent(q, "stats")
    assert intent.tool == "describe"
    assert intent.args["data"] == decimals([0] * 7 + [1] * 11 + [2] * 5 + [3] * 2)
    assert any(note.startswith("a frequency table") for note in intent.notes)


def test_two_columns_of_measurements_are_not_a_frequency_table() -> None:
    q = "Before | After\n12.1 | 12.4\n11.8 | 12.0\n12.5 | 12.9\n12.0 | 12.2\n\nPaired t-test please."
    intent = first_intent(q, "stats")
    assert intent.args["kind"] == "paired" and len(intent.args["x"]) == 4


def test_the_nominal_sizes_of_the_items_measured_are_no_readings() -> None:
    q = ("Both gauges measured the same six pins (nominal 2, 4, 6, 8, 10 and 12 mm), in the same order.\n"
         "Gauge A: 2.003 4.001 6.004 8.002 10.005 12.001\nGauge B: 2.001 4.000 6.001 8.001 10.002 11.999\n"
         "Paired t-test of A minus B, two-sided.")
    intent = first_intent(q, "stats")
    assert intent.args["kind"] == "paired"
    assert intent.args["x"] == decimals(["2.003", "4.001", "6.004", "8.002", "10.005", "12.001"])
    assert any("names the items measured" in note for note in intent.notes)


def test_a_nominal_with_a_tolerance_in_words_gives_the_spec_and_a_wrapped_run_is_one_run() -> None:
    values = [f"{12 + 0.001 * (i % 7 - 3):.3f}" for i in range(20)]
    q = ("Target is 12.000 mm with a tolerance of ±0.010 mm. Here are 20 consecutive parts:\n"
         + " ".join(values[:10]) + "\n" + " ".join(values[10:]) + "\nWhat are Pp and Ppk?")
    intent = first_intent(q, "spc")
    assert intent.tool == "capability" and intent.args["lsl"] == Decimal("11.990") and \
        intent.args["usl"] == Decimal("12.010")
    assert intent.args["data"] == decimals(values) and "subgroups" not in intent.args


def test_a_reading_named_by_its_place_and_value_is_left_out() -> None:
    q = ("Torque checks in N·m, in order: 12.1, 12.4, 11.9, 15.8, 12.2, 12.0\n"
         "The 4th value (15.8) came from the wrong driver, leave it out. Mean and 95% CI?")
    intent = first_intent(q, "stats")
    assert intent.args["data"] == decimals(["12.1", "12.4", "11.9", "12.2", "12.0"])


def test_corners_named_by_their_settings_in_natural_units_for_a_curvature_test() -> None:
    q = ("2^2 in pressure (2 and 4 bar) and speed (100 and 140 rpm) with three centre runs at 3 bar / 120 rpm. "
         "Results: (2 bar, 100 rpm) 71.2, (4 bar, 100 rpm) 74.9, (2 bar, 140 rpm) 72.0, (4 bar, 140 rpm) 75.8; "
         "centre runs 74.6, 74.1, 74.9. Any curvature? SS, F and p please.")
    intent = plan_question(q, "doe")[0]
    assert intent.tool == "doe_curvature"
    assert intent.args["factorial"] == decimals(["71.2", "74.9", "72.0", "75.8"])
    assert intent.args["center"] == decimals(["74.6", "74.1", "74.9"])
    assert any("2 → -1, 4 → +1 (centre 3)" in note for note in intent.notes)


def test_summary_chart_counts_subgroups_of_n_and_sets_a_spec_aside() -> None:
    q = ("Bushing bores: 20 subgroups of n = 4. Grand mean 12.503 mm, s-bar 0.0041 mm; the spec is 12.500 ± 0.020 mm. "
         "X-bar and S chart limits?")
    intent = first_intent(q, "spc")
    assert intent.tool == "summary_chart" and intent.args["subgroups"] == 20 and intent.args["n"] == 4
    assert any("specification 12.500 ± 0.020 is not used" in note for note in intent.notes)


def test_a_u_chart_over_a_stated_amount_per_unit() -> None:
    q = ("Each sheet of glass is 2.5 m². Bubbles found on the last 12 sheets: 3, 5, 2, 4, 6, 3, 2, 5, 4, 3, 7, 4. "
         "u chart per square metre please.")
    intent = first_intent(q, "spc")
    assert intent.args["chart"] == "u" and intent.args["sizes"] == [Decimal("2.5")] * 12


def test_int_is_the_integral_students_type() -> None:
    intent = first_intent("int from 1 to e of ln(x)/x dx", "math")
    assert intent.tool == "integrate" and intent.args["expression"] == "ln(x)/x"
    assert not plan_question("convert 3.7 to int", "math")  # no "int … dx": not an integral


def test_a_rank_test_with_the_normal_approximation_asked_and_an_en_dash_in_its_name() -> None:
    q = ("Setup times (min). Crew A: 31, 28, 35, 40, 27, 33. Crew B: 38, 41, 36, 44, 39, 42, 37. Wilcoxon–Mann–Whitney "
         "test please, two-sided, large-sample normal approximation without continuity correction.")
    intent = first_intent(q, "stats")
    assert intent.tool == "mann_whitney" and intent.args["method"] == "normal" and intent.args["correct"] is False


def test_prose_rows_with_their_totals_are_a_contingency_table_not_a_design() -> None:
    q = ("Line 1: 120 units, 111 passed and 9 failed. Line 2: 140 units, 121 passed and 19 failed. Chi-square test of "
         "independence on this 2x2 table?")
    intent = first_intent(q, "stats")
    assert intent.tool == "chi_square" and intent.args["table"] == [[111, 9], [121, 19]]
    assert any("row totals (120, 140)" in note for note in intent.notes)


def test_a_design_asked_whether_it_is_rotatable_gets_its_properties() -> None:
    design, properties = plan_question("Central composite design in 2 factors, face-centred, 4 centre points: how "
                                       "many runs, and is it rotatable?", "doe")
    assert design.tool == "doe_design" and properties.tool == "doe_properties" and properties.uses == "d"
