"""Readings missed by blind round 21 (scored once before any of this), in our own phrasings: a row left out by a
pronoun, records with "with", a paired table said not to be normal, a declined continuity correction, counts in
words where no data are given, a design's block count said in days, remarks around maths, a missing cell, a sign test
from counts, coded design tables, repeat-reading columns and cells, a column difference named by its order."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import stats

from graphs.planning.extract import spell_numbers
from graphs.planning.nl import plan_question
from tools.errors import HavocInputError
from tools.registry import run_tool


def _one(question: str, mode: str = "stats"):
    intents = plan_question(question, mode)
    assert intents, f"nothing planned for {question!r}"
    return intents[0]


def test_a_calibration_standard_left_out_by_a_pronoun() -> None:
    q = ("signal vs standard (ppb):\n  0 ppb -> 0.10\n  5 ppb -> 0.61\n  10 ppb -> 1.09\n  20 ppb -> 2.31\n"
         "  40 ppb -> 4.12\nthe 20 ppb vial was contaminated, so drop that one and fit the line again")
    i = _one(q)
    assert i.tool == "regression"
    assert [float(v) for v in i.args["x"]] == [0, 5, 10, 40] and float(i.args["y"][-1]) == 4.12


def test_records_of_things_with_defects_make_a_u_chart() -> None:
    q = ("cars per shift vary. shift 1: 12 cars with 30 paint defects; shift 2: 9 cars with 25 paint defects; shift 3: "
         "14 cars with 31 paint defects; shift 4: 10 cars with 22 paint defects. control chart of defects per car")
    i = _one(q, "spc")
    assert i.tool == "control_chart" and i.args["chart"] == "u"
    assert [int(v) for v in i.args["sizes"]] == [12, 9, 14, 10] and [int(v) for v in i.args["counts"]] == [30, 25, 31, 22]


def test_a_paired_table_said_not_to_be_normal_is_the_signed_rank_test() -> None:
    q = ("tyre  front  rear\nT1  7.1  6.8\nT2  6.9  6.2\nT3  7.4  7.3\nT4  6.5  6.0\nT5  7.0  6.1\n"
         "Is wear different front vs rear? We cannot assume the differences are normal.")
    i = _one(q)
    assert i.tool == "wilcoxon_signed_rank" and len(i.args["x"]) == 5


def test_a_declined_continuity_correction_stays_off() -> None:
    one = _one("Claim: 90% pass. We saw 170 of 200 pass. Score test against the claim, no continuity correction.")
    assert one.tool == "proportion_test" and one.args.get("correct") is False
    two = _one("Shop A 30 defectives out of 400, shop B 45 out of 410. Two-proportion z test, without Yates correction")
    assert two.args.get("correct") is False
    three = _one("Shop A 30 defectives out of 400, shop B 45 out of 410. Two-proportion z test with continuity correction")
    assert three.args.get("correct") is True


def test_counts_in_words_where_no_data_are_given() -> None:
    assert spell_numbers("Twenty-four panelists, fourteen of them") == "24 panelists, 14 of them"
    assert spell_numbers("a three-level design, two-sided, one of them") == "a three-level design, two-sided, one of them"
    power = _one("With twelve specimens, a one-sample t-test at 5%: if the mean is off nominal by 2 and sigma is 4, "
                 "what power do we get?")
    assert power.tool == "power" and int(power.args["n"]) == 12 and float(power.args["delta"]) == 2
    chart = _one("Each shift we pull four consecutive bottles. After 30 shifts the grand average is 500.8 g and the "
                 "average range 2.1 g. X-bar and R chart limits?", "spc")
    assert chart.tool == "summary_chart" and chart.args["n"] == 4


def test_a_sample_adjective_does_not_hide_the_size() -> None:
    i = _one("We found 4 cracked welds in a random sample of 90. Exact binomial test against 2%, one-sided (greater).")
    assert i.args["x"] == [4] and i.args["n"] == [90] and i.args["alternative"] == "greater"


def test_days_that_are_blocks_and_a_named_full_factorial() -> None:
    design = _one("3 factors, two levels, full factorial replicated twice over 2 days, each day is a block, 1 centre "
                  "point in each block", "doe")
    # centre points are counted per replicate, and each replicate is one day's block: 1 each, 2 in all (18 runs)
    assert design.args["blocks"] == 2 and design.args["center_points"] == 1 and design.args["design"] == "full_factorial"
    from graphs.planning.to_dsl import render_program
    from graphs.stages.execute import run_program

    assert run_program(render_program([design]), {})[0][0]["output"]["runs"] == 8 * 2 + 2
    screen = _one("screening 3 factors as a full factorial with 2 centre points", "doe")
    assert screen.args["design"] == "full_factorial"


def test_maths_with_remarks_around_it() -> None:
    roots = _one("Find the roots of x^2 - 3x - 10 = 0 (both are integers). Exact is fine.", "math")
    assert roots.tool == "solve" and roots.args["equations"] == "x^2 - 3x - 10 = 0"
    series = _one("Maclaurin series of exp(x)*cos(x): give me the coefficients of x^2 and x^4", "math")
    assert series.tool == "series" and series.args["order"] == 5
    tangent = _one("slope of the tangent to y = x^3 - x at x equals three?", "math")
    assert tangent.tool == "differentiate" and tangent.args["at"] == {"x": "3"}
    assert _one("Derivative of cos(x) w.r.t. x", "math").tool == "differentiate"  # "w.r.t." is no sentence end


def test_a_missing_cell_in_a_table_is_asked_for() -> None:
    q = "| line | good | bad |\n|---|---|---|\n| L1 | 120 | 8 |\n| L2 | 131 | — |\n| L3 | 118 | 11 |\nchi-square test?"
    with pytest.raises(HavocInputError, match="'L2' has no value under 'bad'"):
        plan_question(q, "stats")
    csv = "batch,yield,purity\nB1,91.2,99.1\nB2,,98.7\nB3,90.4,99.3\ncompare"
    with pytest.raises(HavocInputError, match="no value"):
        plan_question(csv, "stats")


def test_a_sign_test_from_counts_is_the_exact_binomial_test() -> None:
    q = "Sign test: sixteen judges preferred B, five preferred A, three had no preference. Two-sided p?"
    i = _one(q)
    assert i.tool == "proportion_test" and i.args["x"] == [16] and i.args["n"] == [21] and i.args["method"] == "exact"
    out = run_tool("proportion_test", i.args)
    assert out["p_value"] == pytest.approx(stats.binomtest(16, 21, 0.5).pvalue, rel=1e-9)


def test_a_coded_table_with_centre_rows_is_a_curvature_test() -> None:
    q = ("coded 2^2 with centre runs:\n  X1  X2  y\n -1  -1  20.1\n  1  -1  24.3\n -1   1  21.0\n  1   1  25.9\n"
         "  0   0  24.8\n  0   0  25.2\n  0   0  24.6\nany curvature?")
    i = _one(q, "doe")
    assert i.tool == "doe_curvature"
    assert [float(v) for v in i.args["factorial"]] == [20.1, 24.3, 21.0, 25.9]
    out = run_tool("doe_curvature", i.args)
    f, c = np.array([20.1, 24.3, 21.0, 25.9]), np.array([24.8, 25.2, 24.6])
    ss = 4 * 3 * (f.mean() - c.mean()) ** 2 / 7
    assert out["ss_curvature"] == pytest.approx(ss, rel=1e-9)


def test_repeat_reading_columns_and_listed_readings_are_one_observation_each() -> None:
    wide = ("two-way ANOVA with interaction of yield on oven and tray:\n\noven  tray  r1  r2\nO1  top  5.1  5.3\n"
            "O1  low  4.2  4.4\nO2  top  6.0  6.3\nO2  low  4.9  4.6")
    i = _one(wide)
    assert i.tool == "anova_twoway" and len(i.args["y"]) == 8 and i.args["a"][:2] == ["O1", "O1"]
    assert i.args.get("interaction", True) is True
    listed = ("oven  tray  readings\nO1  top  5.1, 5.3\nO1  low  4.2, 4.4\nO2  top  6.0, 6.3\nO2  low  4.9, 4.6\n"
              "two-way ANOVA with interaction please")
    j = _one(listed)
    assert j.tool == "anova_twoway" and [float(v) for v in j.args["y"]] == [float(v) for v in i.args["y"]]


def test_the_named_order_of_a_paired_difference() -> None:
    q = ("unit,before_mm,after_mm\nU-1,3.10,3.02\nU-2,3.21,3.15\nU-3,3.05,3.04\nU-4,3.18,3.09\n"
         "did the polish change thickness? report after minus before")
    i = _one(q)
    assert i.tool == "t_test" and i.args["kind"] == "paired" and float(i.args["x"][0]) == 3.02
    # "fitted the new pads" is no regression wording
    fitted = _one("pad,before,after\nP1,40.1,41.0\nP2,39.5,40.2\nP3,40.8,41.1\nafter we fitted the new pads, "
                  "did the force change?")
    assert fitted.tool == "t_test" and fitted.args["kind"] == "paired"


def test_kruskal_wallis_with_a_chi_square_approximation_stays_kruskal_wallis() -> None:
    q = "Kruskal-Wallis, chi-square approximation for p.\nG1: 3.1, 2.8, 3.5\nG2: 4.2, 4.0, 4.6\nG3: 2.2, 2.5, 2.0"
    assert _one(q).tool == "kruskal_wallis"


def test_welch_named_beats_the_word_pooled_in_summary_figures() -> None:
    q = "A: n = 10, mean 20.1, sd 1.2. B: n = 14, mean 18.7, sd 3.0. Welch's t-test please, not the pooled one."
    assert _one(q).args["kind"] == "welch"


def test_a_rank_correlation_by_name_is_the_correlation_tool() -> None:
    q = "Spearman correlation of hardness and wear, please:\nhardness: 52 55 49 60 58 51\nwear: 3.1 2.7 3.6 2.0 2.4 3.3"
    i = _one(q)
    assert i.tool == "correlation" and i.args["method"] == "spearman"
    out = run_tool("correlation", i.args)
    rho = stats.spearmanr([52, 55, 49, 60, 58, 51], [3.1, 2.7, 3.6, 2.0, 2.4, 3.3])
    assert out["coefficient"] == pytest.approx(rho.statistic, rel=1e-9)
    assert out["p_value"] == pytest.approx(rho.pvalue, rel=1e-6)
    kendall = _one(q.replace("Spearman correlation", "Kendall's tau"))
    assert kendall.args["method"] == "kendall"
    fit = _one("regress wear on hardness:\nhardness: 52 55 49 60 58 51\nwear: 3.1 2.7 3.6 2.0 2.4 3.3")
    assert fit.tool == "regression"  # a fit asked for stays a regression


def test_the_f_test_and_bartlett_by_name_are_variance_tests() -> None:
    two = "F test for equal variances: line A 4.1, 4.4, 3.9, 4.6, 4.0; line B 4.2, 4.3, 4.1, 4.2, 4.4, 4.3"
    i = _one(two)
    assert i.tool == "variance_test" and i.args["method"] == "f"
    out = run_tool("variance_test", i.args)
    a, b = [4.1, 4.4, 3.9, 4.6, 4.0], [4.2, 4.3, 4.1, 4.2, 4.4, 4.3]
    assert out["statistic"] == pytest.approx(np.var(a, ddof=1) / np.var(b, ddof=1), rel=1e-9)
    three = "Bartlett test of the spreads (data are normal): P: 5.1, 5.6, 4.8, 5.3; Q: 5.0, 5.1, 5.2, 4.9; R: 4.2, 6.1, 5.5, 4.9"
    j = _one(three)
    assert j.tool == "variance_test" and j.args["method"] == "bartlett" and len(j.args["groups"]) == 3
    assert run_tool("variance_test", j.args)["statistic"] == pytest.approx(
        stats.bartlett([5.1, 5.6, 4.8, 5.3], [5.0, 5.1, 5.2, 4.9], [4.2, 6.1, 5.5, 4.9]).statistic, rel=1e-9)
    with pytest.raises(HavocInputError, match="exactly two groups"):
        plan_question("F-test of the variances: A: 1.1, 1.3, 1.2; B: 1.0, 1.4, 1.6; C: 1.2, 1.2, 1.5", "stats")


def test_welch_anova_by_name() -> None:
    q = "Welch's ANOVA, the spreads differ a lot. s1: 10.1, 10.3, 9.9, 10.2; s2: 11.0, 13.1, 9.2, 12.4; s3: 10.6, 10.7, 10.5"
    i = _one(q)
    assert i.tool == "anova_oneway" and i.args["welch"] is True
    assert "welch" not in _one("one-way ANOVA: s1: 10.1, 10.3, 9.9; s2: 11.0, 11.1, 10.8; s3: 10.6, 10.7, 10.5").args


def test_design_wording_met_in_earlier_rounds() -> None:
    dup = _one("Two-level full factorial, 3 factors; we want to duplicate the whole thing. Runs?", "doe")
    assert dup.args["replicates"] == 2
    twice = _one("2^2 full factorial on pressure and speed, and we will run the whole design twice", "doe")
    assert twice.args["replicates"] == 2
    loads = _one("2^3 full factorial; the kiln only takes 2 parts per load, so each load is a block", "doe")
    assert loads.args["blocks"] == 4
    declined = _one("three two-level factors, we don't want a half fraction, we want every combination", "doe")
    assert declined.args["design"] == "full_factorial"
    shifts = _one("2^2 full factorial over two shifts (shift = block) with 1 centre point in each block", "doe")
    assert shifts.args["blocks"] == 2 and shifts.args["center_points"] == 2


def test_a_u_chart_rate_per_hundred_units_of_the_size() -> None:
    q = ("cable  length_m  nicks\nC1  400  6\nC2  250  5\nC3  300  2\nC4  500  9\n"
         "u chart, expressed per 100 m of cable")
    i = _one(q, "spc")
    assert i.args["chart"] == "u" and [float(v) for v in i.args["sizes"]] == [4, 2.5, 3, 5]
