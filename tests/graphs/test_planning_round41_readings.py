"""Readings fixed after blind round 41, each in our own phrasing (the round's questions are in tests/data)."""

from __future__ import annotations

from decimal import Decimal

import dsl
from graphs.planning.nl import plan_question
from graphs.reading.audit import tool_defaults
from graphs.reading.calls import Call
from graphs.reading.numbers import account
from tests.graphs.planned import decimals, first_intent


def test_an_ordinal_date_is_no_reading() -> None:
    q = ("Week of the 15th: Monday 7.2, Tuesday 7.5 and Wednesday 7.1; the next week Monday 7.4, Tuesday 7.3 and "
         "Wednesday 7.6. Target 7.0. One-sample t-test, two-sided.")
    assert first_intent(q, "stats").args["x"] == decimals(["7.2", "7.5", "7.1", "7.4", "7.3", "7.6"])


def test_json_run_records_are_a_table() -> None:
    rows = [("low", "A", 61.2), ("high", "A", 66.0), ("low", "B", 63.5), ("high", "B", 69.1),
            ("low", "A", 60.4), ("high", "A", 65.3), ("low", "B", 64.0), ("high", "B", 70.2)]
    dump = ",\n".join(f'  {{"run": {i + 1}, "speed": "{s}", "tool": "{t}", "wear": {w}}}' for i, (s, t, w) in
                      enumerate(rows))
    q = f"Our script's dump:\n[\n{dump}\n]\nTwo-way ANOVA of wear on speed and tool, with interaction."
    intent = first_intent(q, "stats")
    assert intent.tool == "anova_twoway" and intent.args["y"] == decimals([w for _, _, w in rows])
    assert any("'run' numbers the records" in note for note in intent.notes)


def test_log_lines_are_filtered_to_the_source_the_question_names() -> None:
    log = "\n".join(f"2025-01-0{1 + i // 4} 0{i % 4}:00:00 WARN [{tag}] pressure={v} bar" for i, (tag, v) in enumerate(
        [("P1", "4.10"), ("P2", "5.02"), ("P1", "4.12"), ("P2", "5.07"), ("P2", "4.98"), ("P1", "4.07"),
         ("P2", "5.11"), ("P2", "5.01")]))
    q = f"Controller log:\n{log}\nIndividuals chart for sensor P2 only, please."
    intent = first_intent(q, "spc")
    assert intent.args["values"] == decimals(["5.02", "5.07", "4.98", "5.11", "5.01"])


def test_units_typed_in_every_cell_of_a_column_are_its_unit() -> None:
    q = ("| Part | Hardness | Wear |\n|---|---|---|\n| A1 | 52 HRC | 0.31 mm |\n| A2 | 55 HRC | 0.24 mm |\n"
         "| A3 | 49 HRC | 0.40 mm |\n| A4 | 58 HRC | 0.19 mm |\n| A5 | 50 HRC | 0.37 mm |\n"
         "Pearson correlation between hardness and wear?")
    intent = first_intent(q, "stats")
    assert intent.tool == "correlation" and intent.args["x"] == decimals([52, 55, 49, 58, 50])


def test_a_rank_test_without_continuity_correction_round_trips_through_the_dsl() -> None:
    q = ("Wilcoxon signed-rank test of these 12 readings against a median of 20, normal approximation, no continuity "
         "correction: 21.4 19.2 22.8 20.9 23.1 18.7 21.7 22.2 20.4 24.0 19.9 21.1")
    intent = first_intent(q, "stats")
    assert intent.args["method"] == "normal" and intent.args["correct"] is False
    program = "ranktest signed_rank [21.4, 19.2, 22.8] mu 20 method normal without correction"
    assert dsl.format(dsl.parse(program)).strip() == program
    assert dsl.execute(dsl.parse(program))[0].args["correct"] is False


def test_counts_with_an_aside_in_brackets_and_units_run_through_a_test() -> None:
    q = ("Of 350 castings from heat 4471 (poured 3 March, ladle 2), 9 had porosity. Exact binomial test of whether the "
         "defect rate exceeds 1.5%, one-sided.")
    intent = first_intent(q, "stats")
    assert (intent.args["x"], intent.args["n"], intent.args["p0"]) == ([9], [350], Decimal("0.015"))
    q = "We put 40 relays through the humidity soak and 2 failed. Is the failure rate below 12%? Exact binomial test."
    assert first_intent(q, "stats").args["x"] == [2]


def test_last_quarters_yield_is_the_anticipated_proportion_and_a_declined_correction_sets_the_lot_aside() -> None:
    q = ("Estimate the scrap rate to within ±2 percentage points at 95% confidence. Last quarter the scrap rate was 6%. "
         "The lot is 5,000 pieces but ignore the finite-population correction. How many pieces to check?")
    intent = first_intent(q, "stats")
    assert intent.args["p"] == Decimal("0.06") and "population" not in intent.args
    assert any("finite-population correction is declined" in note for note in intent.notes)


def test_the_sd_put_at_a_value() -> None:
    q = ("Two-sample t-test planning: detect a 1.5 mm difference; past data put the SD at about 2 mm; 80% power, "
         "alpha 0.05 two-sided. How many per group?")
    intent = first_intent(q, "stats")
    assert intent.tool == "power" and intent.args["sd"] == Decimal("2")


def test_a_budget_and_stated_conditions_are_context() -> None:
    q = "Trial in the lab (8 % coolant, shop at 21 °C), budget is 24 runs: 3.1, 3.4, 2.9, 3.3, 3.0"
    roles = {n.text: n.role for n in account(q, [Call("describe", {"data": decimals(["3.1", "3.4", "2.9", "3.3",
                                                                                      "3.0"])})],
                                             {"describe": tool_defaults("describe")}).numbers}
    assert roles["8"].startswith("a stated condition") and roles["21"].startswith("a stated condition")
    assert roles["24"] == "a budget, context"


def test_readings_told_setting_by_setting_are_pairs_for_a_line() -> None:
    q = ("At 40 °C we got 12.1, 12.4 and 12.0 s; at 60 °C 10.2, 10.5 and 10.1; at 80 °C 8.3, 8.0 and 8.4. "
         "Fit time as a straight line in temperature: slope and intercept?")
    intent = first_intent(q, "stats")
    assert intent.tool == "regression" and intent.args["x"] == decimals([40] * 3 + [60] * 3 + [80] * 3)
    assert intent.args["y"] == decimals(["12.1", "12.4", "12.0", "10.2", "10.5", "10.1", "8.3", "8.0", "8.4"])


def test_two_maths_questions_in_one_message_and_a_rewrite_then_used() -> None:
    both = plan_question("limit of (1 - cos x)/x^2 as x -> 0?? also whats the derivative of ln(x^2 + 1)", "math")
    assert [i.tool for i in both] == ["limit", "differentiate"]
    chained = plan_question("partial fractions of (x+7)/((x-1)(x+3)), then integrate it from 2 to 3", "math")
    assert [i.tool for i in chained] == ["simplify", "integrate"]
    assert chained[1].args["expression"] == "((x+7)/((x-1)(x+3)))"
    derivative = plan_question("differentiate x^2 e^x, then evaluate it at x = 2", "math")
    assert [i.tool for i in derivative] == ["differentiate"] and derivative[0].args["at"] == {"x": "2"}


def test_a_mixed_partial_of_f_without_its_variables_at_a_point() -> None:
    intent = first_intent("f = x^3 y + sin(x y) , what is d2f/dxdy at (2,0)", "math")
    assert intent.args["variable"] == ["x", "y"] and intent.args["at"] == {"x": "2", "y": "0"}


def test_the_same_specimens_measured_on_both_instruments_are_paired() -> None:
    q = ("We measured the same 6 rods on both micrometers.\nMic 1: 5.012 5.020 5.008 5.015 5.011 5.019\n"
         "Mic 2: 5.010 5.016 5.007 5.011 5.010 5.015\nDo they read differently? t and p.")
    assert first_intent(q, "stats").args["kind"] == "paired"


def test_empty_cells_the_question_says_to_leave_out() -> None:
    q = ("Nr;Ofen_1;Ofen_2\n1;7,1;7,4\n2;7,3;\n3;7,0;7,6\n4;7,2;7,5\n5;7,4;\n6;7,1;7,7\n"
         "Two Ofen_2 cells are blank (sensor fault), leave them out. F test of equal variances, Ofen_1 over Ofen_2.")
    intent = first_intent(q, "stats")
    assert intent.args["groups"] == [decimals(["7.1", "7.3", "7.0", "7.2", "7.4", "7.1"]),
                                     decimals(["7.4", "7.6", "7.5", "7.7"])]
