"""Readings fixed after blind round 42, each in our own phrasing (the round's questions are in tests/data)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from graphs.planning.extract import decimal_commas
from graphs.planning.nl import plan_question
from graphs.planning.told_values import told_values
from graphs.reading.audit import tool_defaults
from graphs.reading.calls import Call
from graphs.reading.numbers import account
from tests.graphs.planned import decimals, first_intent
from tools.errors import HavocInputError


def test_a_decimal_comma_text_writes_its_limits_with_commas_too() -> None:
    q = ("Dicke (mm) aus Excel:\n2,514; 2,498; 2,503; 2,521; 2,489; 2,507; 2,511\n"
         "Tolerance 2,450 to 2,550 mm. Cp and Cpk?")
    assert "2.450 to 2.550" in decimal_commas(q)
    intent = first_intent(q, "spc")
    assert intent.args["lsl"] == Decimal("2.450") and intent.args["usl"] == Decimal("2.550")


def test_a_text_without_decimal_commas_keeps_its_thousands() -> None:
    q = "Speeds 1,200 rpm and 1,500 rpm; torque 12.5, 13.1 and 12.9 N·m."
    assert decimal_commas(q) == q


def test_weights_told_sentence_by_sentence_are_one_sample() -> None:
    q = ("Filled cans on filler 2 today. The first can held 331.2 ml, the next 329.8 ml and then 330.5 ml. Later I "
         "weighed 332.0, 330.9 and 331.4 ml, and finally 329.5 and 330.2 ml. The can is labelled 330 ml. One-sample "
         "t-test against 330, two-sided.")
    intent = first_intent(q, "stats")
    assert intent.tool == "t_test" and intent.args["kind"] == "one_sample"
    assert intent.args["x"] == decimals(["331.2", "329.8", "330.5", "332.0", "330.9", "331.4", "329.5", "330.2"])


def test_told_values_leave_the_reference_sentence_and_unitless_numbers_out() -> None:
    q = ("Press 4, shift 2. First rod 25.03 mm, then 24.98 mm. After lunch 25.01, 25.04 and 24.97 mm. "
         "Nominal is 25 mm.")
    assert told_values(q) == decimals(["25.03", "24.98", "25.01", "25.04", "24.97"])
    assert told_values("Readings 5.1, 5.2, 5.3 and 5.4 mm.") == []  # one list: the ordinary readers read it


def test_two_named_groups_told_in_sentences_stay_two_groups() -> None:
    q = ("Supplier A's rods: 25.03 mm, 24.98 mm and 25.01 mm. Supplier B's rods: 25.10, 25.12 and 25.08 mm. "
         "Welch t-test, two-sided.")
    intent = first_intent(q, "stats")
    assert intent.tool == "t_test" and intent.args["kind"] == "welch"


def test_a_key_value_log_with_a_sensor_pair_is_read_as_readings() -> None:
    log = "\n".join(f"2025-02-0{1 + i // 3} 1{i % 3}:00:00 DEBUG probe=PT-7 temp={v} unit=degC"
                    for i, v in enumerate(["71.2", "70.8", "71.5", "70.9", "71.1", "71.4"]))
    q = f"Mean and median of the temperatures in this log:\n{log}"
    intent = first_intent(q, "stats")
    assert intent.tool == "describe" and intent.args["data"] == decimals(["71.2", "70.8", "71.5", "70.9", "71.1", "71.4"])


def test_a_reading_left_out_of_a_list_numbered_one_to_n() -> None:
    q = ("Hardness, measurements 1 to 7 in order: 61.2, 60.8, 61.5, 48.0, 61.1, 60.9, 61.3. Measurement 4 hit a "
         "pore, so leave it out. Mean and standard deviation?")
    plan = plan_question(q, "stats")
    assert plan[0].args["data"] == decimals(["61.2", "60.8", "61.5", "61.1", "60.9", "61.3"])
    assert any("measurement 4 (48.0) removed" in note for note in plan[0].notes)
    assert not any(note.startswith("numbers in the question not read") for note in plan[0].notes)


def test_a_drawing_value_is_what_the_mean_is_tested_against() -> None:
    q = ("Batch 77 (kept at 21 °C): 30 bushings, mean bore 12.04 mm, standard deviation 0.05 mm. The drawing calls "
         "for 12.00 mm. One-sample t-test, two-sided.")
    intent = first_intent(q, "stats")
    assert intent.tool == "summary_t_test" and intent.args["mu"] == Decimal("12.00")
    call = Call(intent.tool, {k: float(v) if isinstance(v, Decimal) else v for k, v in intent.args.items()})
    roles = {n.text: n.role for n in account(q, [call], {intent.tool: tool_defaults(intent.tool)}).numbers}
    assert roles["21"].startswith("a stated condition")


def test_corners_with_their_settings_after_the_response() -> None:
    q = ("2^2 on pressure 2 and 4 bar and speed 100 and 200 rpm, 3 centre runs at 3 bar / 150 rpm. Corner results: "
         "41.3 (2/100), 44.0 (4/100), 40.2 (2/200), 43.1 (4/200). Centre: 45.0, 44.6, 45.3. Is there curvature?")
    intent = first_intent(q, "doe")
    assert intent.tool == "doe_curvature"
    assert intent.args["factorial"] == decimals(["41.3", "44.0", "40.2", "43.1"])
    assert intent.args["center"] == decimals(["45.0", "44.6", "45.3"])


def test_tested_n_and_k_passed_with_the_direction_the_question_asks() -> None:
    q = ("Spec: at least 98% of seals must hold. We tested 150 and 141 passed. Is there evidence the true pass rate "
         "is below 98%? Exact binomial, one-sided.")
    intent = first_intent(q, "stats")
    assert intent.args["x"] == [Decimal(141)] and intent.args["n"] == [Decimal(150)]
    assert intent.args["alternative"] == "less"


def test_units_cycled_then_k_failed() -> None:
    q = ("Lot 88: 120 switches cycled 5,000 times each at 70 °C, 4 failed. Exact binomial test of whether the "
         "failure rate exceeds 1 % (one-sided).")
    intent = first_intent(q, "stats")
    assert intent.args["x"] == [Decimal(4)] and intent.args["n"] == [Decimal(120)]
    assert intent.args["alternative"] == "greater"


def test_an_expected_difference_in_a_named_quantity_is_the_delta() -> None:
    q = ("Comparing two glues at 25 °C. We can test 15 joints per glue. Expected difference in shear strength "
         "2.0 MPa, SD 3.0 MPa, two-sided alpha 0.05, two-sample t-test. Power?")
    intent = first_intent(q, "stats")
    assert intent.tool == "power" and intent.args["delta"] == Decimal("2.0")


def test_alpha_is_carried_as_the_confidence() -> None:
    q = "Values 5.1, 5.3, 4.9, 5.2, 5.4, 5.0. At alpha = 0.01, does the mean differ from 5? t-test."
    assert first_intent(q, "stats").args["confidence"] == 0.99
    assert "confidence" not in first_intent(q.replace("0.01", "0.05"), "stats").args


def test_summary_savings_old_minus_new_and_a_reduction_is_greater() -> None:
    q = ("Trial on 12 vans, each van ran with the old and the new tyres. Savings (old minus new fuel use, L/100 km): "
         "mean 0.6, standard deviation 0.7. Does the new tyre reduce fuel use? One-sided test.")
    intent = first_intent(q, "stats")
    assert intent.tool == "summary_t_test" and intent.args["kind"] == "paired" and intent.args["n"] == 12
    assert intent.args["alternative"] == "greater"


def test_a_p_chart_from_what_a_stretch_of_days_turned_up() -> None:
    q = ("Over 20 days (one sample of 200 invoices per day) we found 90 invoices with errors. p chart centre line "
         "and limits?")
    intent = first_intent(q, "spc")
    assert intent.tool == "summary_chart" and intent.args["total"] == 90 and intent.args["subgroups"] == 20
    assert intent.args["n"] == 200


def test_dx_over_a_powered_bracket_keeps_the_power() -> None:
    intent = first_intent("does int_1^inf dx/(x+1)^3 converge? if so to what", "math")
    assert intent.tool == "integrate" and intent.args["expression"] == "1/(x+1)^3"


def test_a_chi_square_on_row_percentages_asks_for_the_counts() -> None:
    q = ("Share of outcomes by shift (%):\n\nShift | good | rework | scrap\nDay | 88.5% | 8.1% | 3.4%\n"
         "Night | 84.2% | 10.6% | 5.2%\n\nChi-square test of independence: statistic and p?")
    with pytest.raises(HavocInputError, match="counts"):
        plan_question(q, "stats")
    with pytest.raises(HavocInputError, match="needs counts"):  # the shares in cells, no '(%)' in the title
        plan_question(q.replace(" (%)", "").replace("%", ""), "stats")
    counts = q.replace("88.5%", "177").replace("8.1%", "16").replace("3.4%", "7").replace("84.2%", "168") \
        .replace("10.6%", "21").replace("5.2%", "10").replace(" (%)", "")
    assert first_intent(counts, "stats").tool == "chi_square"
