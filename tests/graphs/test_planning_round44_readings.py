"""Readings fixed after blind round 44, each in our own phrasing (the round's questions are in tests/data)."""

from __future__ import annotations

from decimal import Decimal

from graphs.planning.log_lines import log_readings
from graphs.planning.nl import plan_question
from tests.graphs.planned import decimals, first_intent
from tools.registry import run_tool


def test_a_long_table_keeps_the_difference_the_question_asks_for() -> None:
    rows = [("K2", "3.1"), ("K1", "2.8"), ("K2", "3.3"), ("K1", "2.9"), ("K2", "3.0"), ("K1", "2.7")]
    q = ("| run | kiln | shrink_pct |\n|---|---|---|\n" + "\n".join(f"| {i + 1} | {k} | {v} |" for i, (k, v) in
                                                            enumerate(rows)) +
         "\n\nWelch t-test, two-sided: t for K1 minus K2.")
    intent = first_intent(q, "stats")
    assert intent.args["x"] == decimals(["2.8", "2.9", "2.7"])


def test_a_header_underlined_with_dashes_is_a_table() -> None:
    q = ("Knots per plank, tallied:\n\nknots   planks\n-----   ------\n0       12\n1       20\n2       6\n\n"
         "Mean and variance of knots per plank?")
    intent = first_intent(q, "stats")
    assert intent.tool == "describe" and len(intent.args["data"]) == 38


def test_the_pooled_t_reports_its_pooled_sd_and_proportions_their_percentage() -> None:
    out = run_tool("t_test", {"kind": "pooled", "x": [1.0, 2.0, 3.0], "y": [2.0, 4.0, 6.0, 8.0]})
    assert out["pooled_sd"] > 0
    assert run_tool("proportion_test", {"x": [10], "n": [250], "p0": 0.02, "method": "exact"})["percent"] == [4.0]


def test_summary_figures_that_came_out_at_a_value() -> None:
    q = ("Receiving check, lot 5512 (PO 7731, 21 °C): 25 shafts measured. Mean diameter came out at 20.012 mm with a "
         "standard deviation of 0.011 mm; nominal on the drawing is 20.000 mm. Does the mean differ from nominal?")
    intent = first_intent(q, "stats")
    assert intent.tool == "summary_t_test" and intent.args["n"] == 25 and intent.args["mu"] == Decimal("20.000")


def test_summary_samples_labelled_at_the_start_of_their_clause_and_last_longer() -> None:
    q = ("Old seal: 12 units, mean life 410 h, SD 50 h. New seal (a bit dearer): 10 units, mean 455 h, SD 80 h. Does "
         "the new seal last longer? One-sided, unequal variances, new minus old.")
    intent = first_intent(q, "stats")
    assert intent.args["mean"] == Decimal("455") and intent.args["alternative"] == "greater"


def test_the_trace_of_an_inverse_is_reported() -> None:
    out = run_tool("matrix", {"matrix": [["2", "1"], ["1", "3"]], "operation": "inverse"})
    assert out["result_trace"]["exact"] == "1"


def test_sample_size_and_power_wordings() -> None:
    q = ("To estimate mean torque within +/-0.2 N·m at 95% confidence; past data put the standard deviation at about "
         "0.9 N·m. How many to test?")
    assert first_intent(q, "stats").args["sd"] == Decimal("0.9")
    q = ("Two independent groups, two-sample t-test, alpha 0.05, 90% power, a difference in means of 2 mm; the SD "
         "within each group is about 3 mm. How many per group?")
    assert first_intent(q, "stats").args["sd"] == Decimal("3")
    q = ("We can test 10 panels per group. If the true difference between the primers is 1.5 um and the SD is 2 um, "
         "what's the probability the test detects it? Two-sided alpha 0.05, pooled t.")
    intent = first_intent(q, "stats")
    assert intent.tool == "power" and intent.args["delta"] == Decimal("1.5")


def test_a_grouped_thousand_is_no_data_run_for_a_sample_size() -> None:
    q = ("Estimate the scrap rate to within +/-3 percentage points at 95% confidence. The trial (lot 2, 1,500 parts) "
         "suggests about 8%. How many parts must we inspect?")
    assert first_intent(q, "stats").tool == "sample_size_ci"


def test_several_slope_and_mixed_partial_notations() -> None:
    assert first_intent("slope of y = x^3 cos(2x) at x = 0.4? (x in radians)", "math").args["at"] == {"x": "0.4"}
    intent = first_intent("Let g(x, y) = x^3*y + e^(x*y). Mixed partial d^2g/(dx dy) at (x, y) = (1, 2)?", "math")
    assert intent.args["variable"] == ["x", "y"] and intent.args["at"] == {"x": "1", "y": "2"}


def test_equations_after_a_lead_in_that_names_the_unknowns() -> None:
    q = ("Nodal analysis gave these equations in the voltages p, q, r:\n  2p - q = 3\n  p + q + r = 6\n  q - r = -1\n"
         "Solve for p, q and r.")
    intent = first_intent(q, "math")
    assert intent.tool == "solve" and intent.args["variables"] == ["p", "q", "r"]


def test_mcnemar_cells_named_by_role_and_name() -> None:
    q = ("Two gauges checked the same 50 parts. Both accepted: 30. Gauge A accepted but B rejected: 8. A rejected but "
         "B accepted: 2. Both rejected: 10. McNemar, exact.")
    intent = first_intent(q, "stats")
    assert intent.tool == "mcnemar"


def test_a_c_chart_per_roll_of_equal_rolls() -> None:
    q = ("Over 18 rolls (every roll 40 m long) we found 216 flaws in total. Chart flaws per roll: centre line and "
         "limits?")
    intent = first_intent(q, "spc")
    assert intent.tool == "summary_chart" and intent.args["chart"] == "c"


def test_corners_told_in_prose_beside_centre_runs() -> None:
    q = ("2^2 in speed (100 and 200 rpm) and feed (1 and 2 mm/rev). At 100 rpm / 1 mm/rev the roughness was 3.1, at "
         "200 rpm / 1 mm/rev 2.7, at 100 rpm / 2 mm/rev 3.9 and at 200 rpm / 2 mm/rev 3.4. Four runs at the centre "
         "(150 rpm, 1.5 mm/rev) gave 3.6, 3.5, 3.8 and 3.7. Is there curvature?")
    intent = first_intent(q, "doe")
    assert intent.tool == "doe_curvature" and intent.args["center"] == decimals(["3.6", "3.5", "3.8", "3.7"])


def test_spreads_compared_in_a_paired_looking_export() -> None:
    q = ("Tag;Line 1;Line 2\n01.03.;5,12;5,20\n02.03.;5,10;5,31\n03.03.;5,14;5,02\n04.03.;5,11;5,25\n"
         "Same variability? F-test, Line 1 over Line 2.")
    assert first_intent(q, "stats").tool == "variance_test"


def test_two_numbered_readings_left_out_in_one_sentence() -> None:
    q = ("run 1: 50; run 2: 52; run 3: 49; run 4: 61; run 5: 51; run 6: 40; run 7: 50. Run 4 had a loose clamp, so "
         "leave it out, and run 6 was a setup piece, drop that one too. Mean and SD of the rest?")
    intent = first_intent(q, "stats")
    assert intent.args["data"] == decimals(["50", "52", "49", "51", "50"])


def test_the_sign_test_described_not_named() -> None:
    q = ("Comfort scored 1-7 by 10 drivers, old seat then new seat; only whether each driver rated it better or worse "
         "matters, not by how much.\nold: 4 5 3 6 4 5 2 4 3 5\nnew: 5 6 3 7 5 4 4 5 4 6")
    assert first_intent(q, "stats").tool == "sign_test"


def test_a_two_way_grid_with_replicates_in_its_cells() -> None:
    q = ("Cure \\\\ Resin | R1 | R2\n60 min | 5.1 / 5.3 | 6.0 / 6.2\n90 min | 5.6 / 5.5 | 7.1 / 6.9\n"
         "120 min | 5.9 / 6.1 | 7.4 / 7.6\nTwo-way ANOVA with interaction.")
    intent = first_intent(q, "stats")
    assert intent.tool == "anova_twoway" and len(intent.args["y"]) == 12 and "interaction" not in intent.args


def test_a_log_grouped_by_the_source_the_question_names() -> None:
    lines = [f"2025-04-01 07:{10 + i}:05 INFO line=1 head={h} force={v}N" for i, (h, v) in
             enumerate([("H1", "50.1"), ("H2", "51.0"), ("H1", "49.8"), ("H2", "51.3"), ("H1", "50.4"),
                        ("H2", "50.9")])]
    q = "Compare force across the heads (one-way ANOVA):\n" + "\n".join(lines)
    text, notes = log_readings(q)
    assert "H1: 50.1, 49.8, 50.4" in text and "H2: 51.0, 51.3, 50.9" in text
    assert any("the same on every line, so no factor: line=1" in n for n in notes)


def test_numbered_design_parts() -> None:
    q = ("(1) A face-centred CCD in 3 factors with 2 centre runs: how many runs? (2) A Box-Behnken design in 4 factors "
         "with 3 centre points - how many runs?")
    designs = [i for i in plan_question(q, "doe") if i.tool == "doe_design"]
    assert [d.args["design"] for d in designs] == ["central_composite", "box_behnken"]


# ---- fixed after blind round 45's held-out score (same session), in our own phrasing


def test_one_row_per_part_is_layout_not_a_comparison() -> None:
    q = ("From the CMM, one row per part:\n\npart,bore_mm,op\nX1,8.012,AB\nX2,8.009,CD\nX3,8.015,AB\nX4,8.011,CD\n"
         "X5,8.013,AB\n\nAverage bore and its standard deviation?")
    assert first_intent(q, "stats").tool == "describe"


def test_bold_total_margins_are_dropped() -> None:
    q = ("| | Crack | Pore | **Total** |\n|---|---:|---:|---:|\n| Line A | 12 | 8 | 20 |\n| Line B | 9 | 15 | 24 |\n"
         "| **Total** | 21 | 23 | 44 |\n\nIndependent of line? Chi-square.")
    assert first_intent(q, "stats").args["table"] == [decimals(["12", "8"]), decimals(["9", "15"])]


def test_each_of_n_people_once_with_each_makes_pairs() -> None:
    q = ("Each of 8 inspectors weighed the same reference mass once with the old scale and once with the new one:\n"
         "old: 100.02, 100.05, 99.98, 100.01, 100.04, 100.00, 100.03, 99.99\n"
         "new: 100.01, 100.03, 99.97, 100.00, 100.02, 99.99, 100.03, 99.97\nMean difference old minus new, t, p?")
    assert first_intent(q, "stats").args["kind"] == "paired"


def test_frequency_lines_with_arrows() -> None:
    q = ("Pinholes per sheet -> how many sheets:\n- 0 pinholes -> 9 sheets\n- 1 pinhole -> 6 sheets\n"
         "- 2 pinholes -> 3 sheets\nMean pinholes per sheet?")
    assert len(first_intent(q, "stats").args["data"]) == 18


def test_a_variance_ratio_whose_direction_is_said_of_the_second_group() -> None:
    q = ("Old mill (6): 5.1, 5.6, 4.8, 5.9, 5.3, 4.7\nNew mill (6): 5.2, 5.3, 5.1, 5.4, 5.2, 5.3\nIs the new mill's "
         "variability lower than the old one's? F test, one-sided, F = s²(old)/s²(new).")
    assert first_intent(q, "stats").args["alternative"] == "greater"


def test_bare_numbered_readings_on_one_line() -> None:
    q = "Individuals chart, readings 1: 5.1, 2: 5.3, 3: 4.9, 4: 5.0, 5: 5.2, 6: 5.4"
    assert first_intent(q, "spc").args["values"] == decimals(["5.1", "5.3", "4.9", "5.0", "5.2", "5.4"])


def test_inv_of_a_matrix_in_matlab_notation_is_asked() -> None:
    tools = [i.args.get("operation") for i in plan_question("A = [2 1; 1 3]. det(A) and inv(A)?", "math")]
    assert "inverse" in tools


def test_an_integral_over_the_whole_real_line() -> None:
    intent = first_intent("Compute the integral over the whole real line of exp(-x^2) * cos(2x) dx.", "math")
    assert intent.args["lower"] == "-oo" and intent.args["upper"] == "oo"
