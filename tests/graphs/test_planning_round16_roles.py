"""Grids with a blank corner, dated lines with one left out by pronoun, wanting not to assume equal variances, a
claim made by someone else put to the test; each checked against scipy or statsmodels."""

from __future__ import annotations

from decimal import Decimal

import numpy as np
import pytest
from scipy import stats

import dsl
from graphs.planning.nl import plan_question
from graphs.planning.to_dsl import statement
from tools.errors import HavocInputError
from tools.registry import run_tool


def _one(question: str, mode: str = "stats"):
    (intent,) = plan_question(question, mode)
    return intent


def test_a_count_grid_under_a_header_with_a_blank_corner_is_a_contingency_table() -> None:
    q = ("Complaints by region and product:\n\n          Basic   Plus   Pro\nNorth        31     22    12\n"
         "South        28     30    21\n\nIs the product mix related to region?")
    intent = _one(q)
    assert intent.tool == "chi_square" and intent.args["table"] == [[31, 22, 12], [28, 30, 21]]
    out = run_tool("chi_square", intent.args)
    assert float(out["statistic"]) == pytest.approx(stats.chi2_contingency([[31, 22, 12], [28, 30, 21]])[0], rel=1e-9)


def test_a_grid_of_measurements_with_both_margins_asked_about_is_a_two_way_anova() -> None:
    grid = [[12.1, 12.9, 12.4], [13.0, 13.8, 13.1], [11.8, 12.7, 12.2]]
    q = ("Cycle time (s), one run for each press/die combination:\n\n        D1     D2     D3\n"
         + "\n".join(f"P{i + 1}    " + "   ".join(map(str, row)) for i, row in enumerate(grid))
         + "\n\nDo the presses differ? Do the dies differ?")
    intent = _one(q)
    assert intent.tool == "anova_twoway" and intent.args["interaction"] is False
    assert (intent.args["factor_a"], intent.args["factor_b"]) == ("press", "die")
    out = run_tool("anova_twoway", intent.args)
    # the additive model by hand: SS rows, SS columns, SS error of a 3 × 3 grid
    y = np.array(grid)
    grand = y.mean()
    ss_a = 3 * ((y.mean(axis=1) - grand) ** 2).sum()
    ss_b = 3 * ((y.mean(axis=0) - grand) ** 2).sum()
    ss_e = ((y - grand) ** 2).sum() - ss_a - ss_b
    assert float(out["f_a"]) == pytest.approx((ss_a / 2) / (ss_e / 4), rel=1e-9)
    assert float(out["f_b"]) == pytest.approx((ss_b / 2) / (ss_e / 4), rel=1e-9)


def test_dated_lines_are_labels_and_one_left_out_by_pronoun_goes() -> None:
    q = ("Morning pH readings:\n3 June: 7.12\n4 June: 7.08\n5 June: 7.85\n6 June: 7.10\n7 June: 7.15\n"
         "The 5 June sample was contaminated, so leave it out. Mean and standard deviation of the rest?")
    intent = _one(q)
    assert intent.tool == "describe" and intent.args["data"] == [Decimal(v) for v in ("7.12", "7.08", "7.10", "7.15")]
    assert any("5 June (7.85) left out" in n for n in intent.notes)


def test_not_wanting_to_assume_equal_variances_is_welch() -> None:
    intent = _one("A: 10.1 10.4 9.8 10.2 10.0 and B: 11.2 9.1 12.0 8.7 10.9. I don't want to assume equal "
                  "variances. Is the mean different?")
    assert intent.tool == "t_test" and intent.args["kind"] == "welch"


@pytest.mark.parametrize("question, side", [
    ("The supplier's cert says the mean hardness is at least 60. Our 6 checks: 58.2 59.1 60.4 57.9 58.8 59.5. "
     "Test it.", "less"),
    ("The vendor claims the mean level is at most 5 ppm. Our 6 samples: 5.4 5.1 5.9 4.8 5.6 5.3. Is the claim "
     "believable?", "greater"),
    ("Can we claim the mean hardness is greater than 60? 61.2 60.8 61.9 60.4 61.1 60.9", "greater"),
])
def test_a_claim_made_by_someone_else_is_tested_against_it(question: str, side: str) -> None:
    intent = _one(question)
    assert intent.tool == "t_test" and intent.args["kind"] == "one_sample" and intent.args["alternative"] == side


def test_rows_after_numbered_labels_are_subgroups_for_capability() -> None:
    rows = [[20.11, 20.04, 19.97, 20.08], [19.95, 20.02, 20.06, 19.99], [20.01, 20.09, 19.93, 20.05],
            [20.07, 19.98, 20.03, 20.00]]
    q = ("Shaft OD, subgroups of 4, spec 19.8 to 20.2.\n" + "\n".join(
        f"S{i + 1}  " + "  ".join(f"{v:.2f}" for v in r) for i, r in enumerate(rows))
        + "\nCpk please, within sigma from R-bar/d2.")
    intent = _one(q, "spc")
    assert intent.tool == "capability" and [[float(v) for v in r] for r in intent.args["subgroups"]] == rows
    sigma = np.mean([max(r) - min(r) for r in rows]) / 2.059  # d2 for n = 4
    mean = np.mean(rows)
    out = run_tool("capability", intent.args)
    assert float(out["indices"]["cpk"]["value"] if isinstance(out.get("indices"), dict) else out["cpk"]) == \
        pytest.approx(min(20.2 - mean, mean - 19.8) / (3 * sigma), rel=2e-3)


def test_sign_rows_and_centre_points_with_coordinates_are_a_curvature_test() -> None:
    q = ("A  B  y\n-  -  40.1\n+  -  44.3\n-  +  41.0\n+  +  45.6\ncentre points (0,0): 43.9, 44.4, 44.1, 43.6\n"
         "Any curvature?")
    (intent,) = plan_question(q, "doe")
    assert intent.tool == "doe_curvature"
    assert intent.args["factorial"] == [Decimal(v) for v in ("40.1", "44.3", "41.0", "45.6")]
    assert intent.args["center"] == [Decimal(v) for v in ("43.9", "44.4", "44.1", "43.6")]


def test_runs_written_in_natural_units_are_a_coded_factorial() -> None:
    q = ("Feed 0.1 mm, speed 200 rpm: 3.2\nFeed 0.1 mm, speed 200 rpm: 3.4\nFeed 0.2 mm, speed 200 rpm: 4.1\n"
         "Feed 0.2 mm, speed 200 rpm: 4.3\nFeed 0.1 mm, speed 300 rpm: 2.9\nFeed 0.1 mm, speed 300 rpm: 3.1\n"
         "Feed 0.2 mm, speed 300 rpm: 4.9\nFeed 0.2 mm, speed 300 rpm: 5.1\nIs there an interaction?")
    intents = plan_question(q, "doe")
    effects = next(i for i in intents if i.tool == "doe_effects")
    assert effects.args["response"] == [Decimal(v) for v in ("3.2", "4.1", "2.9", "4.9", "3.4", "4.3", "3.1", "5.1")]
    program = "\n".join(statement(i) for i in intents if i.tool in ("doe_design", "doe_effects"))
    _, result = dsl.execute(dsl.parse(program))
    # the AB effect by hand: mean of the like-signed cells minus the unlike-signed
    ab = np.mean([3.2, 3.4, 4.9, 5.1]) - np.mean([4.1, 4.3, 2.9, 3.1])
    assert result.output["effects"]["AB"] == pytest.approx(ab, rel=1e-12)
    assert result.output["factor_names"] == {"A": "feed", "B": "speed"}


def test_a_length_column_named_by_its_unit_is_the_u_chart_size() -> None:
    q = ("Flaws per roll; chart it.\nroll 1: 50 m, 6 flaws\nroll 2: 62 m, 8 flaws\nroll 3: 45 m, 5 flaws\n"
         "roll 4: 70 m, 9 flaws\nroll 5: 40 m, 14 flaws")
    intent = _one(q, "spc")
    assert intent.args["chart"] == "u" and intent.args["sizes"] == [50, 62, 45, 70, 40]


def test_a_normality_check_asked_before_a_t_test_is_the_normality_test() -> None:
    intent = _one("Before I run a t-test on these I need to know whether normality is a reasonable assumption. "
                  "Shapiro-Wilk please.\n4.1 3.9 4.4 4.0 3.7 4.2 4.3 3.8")
    assert intent.tool == "normality" and intent.args["method"] == "shapiro_wilk" and len(intent.args["data"]) == 8


def test_how_many_runs_of_a_design_is_not_a_sample_size_question() -> None:
    intent = _one("Planning a trial: feed and depth, each at 3 levels. Full factorial, run twice. How many runs do I "
                  "need to book?", "doe")
    assert intent.tool == "doe_design" and intent.args["levels"] == 3 and intent.args["replicates"] == 2
    assert [f["name"] for f in intent.args["factors"]] == ["feed", "depth"]


def test_a_day_that_accommodates_n_runs_is_a_block() -> None:
    intent = _one("I want the complete 2^4, not a fraction. Each day of testing can accommodate 4 runs. How many "
                  "days?", "doe")
    assert intent.args == {"design": "full_factorial", "factors": 4, "blocks": 4}


def test_inspected_then_found_with_words_between_and_an_effect_size_in_brackets() -> None:
    intent = _one("Vendor claims 5% or less. We inspected 400 from the March delivery and found 29 defective. "
                  "One-proportion z-test: is the rate higher than they claim?")
    assert intent.tool == "proportion_test" and (intent.args["x"], intent.args["n"]) == ([29], [400])
    assert intent.args["alternative"] == "greater"
    (power,) = plan_question("With 20 units per group, what power does a two-sample t-test have for a standardized "
                             "effect size (Cohen's d) of 0.8 at alpha = 0.05?", "stats")
    assert power.args["effect_size"] == Decimal("0.8") and power.args["n"] == 20


def test_lot_labels_with_a_dash_then_sizes_and_counts_are_an_np_chart() -> None:
    q = "Receiving inspection:\n" + "\n".join(f"Lot {4471 + 3 * i} - 200 inspected, {c} defective"
                                              for i, c in enumerate([7, 4, 9, 5, 6, 3])) + "\nnp chart please."
    intent = _one(q, "spc")
    assert intent.args["chart"] == "np" and intent.args["counts"] == [7, 4, 9, 5, 6, 3]
    assert intent.args["sizes"] == [200] * 6


def test_the_expected_value_if_we_set_x_is_a_prediction() -> None:
    q = ("run\tcharge_g\ttime_min\nR-1\t1.0\t58.2\nR-2\t2.0\t51.9\nR-3\t3.0\t46.0\nR-4\t4.0\t40.8\nR-5\t5.0\t35.2\n"
         "fit a straight line and tell me the expected time if we charge 3.5 g")
    intent = _one(q)
    assert intent.tool == "regression" and intent.args["at"] == [Decimal("3.5")]
    fit = stats.linregress([1, 2, 3, 4, 5], [58.2, 51.9, 46.0, 40.8, 35.2])
    out = run_tool("regression", intent.args)
    (point,) = out["predictions"]
    assert float(point["fit"]) == pytest.approx(fit.intercept + fit.slope * 3.5, rel=1e-9)


def test_a_matrix_with_an_empty_entry_is_refused_not_read_as_a_design() -> None:
    with pytest.raises(HavocInputError, match="empty entry"):
        plan_question("Invert this 3x3 for me please:\n[2, 5, 1]\n[0, 3, ]\n[4, 1, 7]", "stats")


def test_a_paired_test_from_each_sides_summary_is_refused() -> None:
    with pytest.raises(HavocInputError, match="differences"):
        plan_question("Paired t-test from these summaries please. Before: mean 82.1, SD 6.3, n = 12. After (same 12 "
                      "people): mean 78.4, SD 5.9, n = 12.", "stats")


def test_a_matrix_typed_as_bare_rows_with_inverse_and_determinant_asked() -> None:
    intents = plan_question("A =\n3 0 2\n2 0 -2\n0 1 1\nfind A^-1 (and det A while you're at it)", "math")
    assert [(i.tool, i.args["operation"]) for i in intents] == [("matrix", "determinant"), ("matrix", "inverse")]
    assert intents[0].args["matrix"] == [["3", "0", "2"], ["2", "0", "-2"], ["0", "1", "1"]]
    (det,) = plan_question("determinant of\n  2   -1    3\n  4    0    1\n -2    5    6\n?", "math")
    assert run_tool("matrix", det.args)["value"]["numeric"] == pytest.approx(
        np.linalg.det([[2, -1, 3], [4, 0, 1], [-2, 5, 6]]), rel=1e-12)


def test_a_matrix_cut_off_mid_row_is_refused() -> None:
    with pytest.raises(HavocInputError, match="cut off"):
        plan_question("Need the determinant and inverse of this matrix:\n[[3, 1, 4],\n [1, 5, 9],\n [2, 6", "math")


def test_a_run_left_out_by_its_id_is_dropped_from_the_table() -> None:
    q = ("run  temp  y\n1    10   21.4\n2    15   24.9\n3    20   28.8\n4    25   44.0\n5    30   35.1\n"
         "Run 4 had a bad thermocouple, so leave run 4 out and fit y vs temp.")
    intent = _one(q)
    assert intent.tool == "regression" and intent.args["x"] == [10, 15, 20, 30]
    assert any("run 4 left out" in n for n in intent.notes)


def test_not_wanting_to_assume_normality_with_two_samples_is_mann_whitney() -> None:
    intent = _one("old: 41.3, 44.8, 39.7, 47.2, 43.5, 52.8\nnew: 38.2, 36.9, 40.1, 35.4, 39.3, 37.6\nI don't want to "
                  "assume normality. Is there a difference?")
    assert intent.tool == "mann_whitney"
    out = run_tool("mann_whitney", intent.args)
    ref = stats.mannwhitneyu([41.3, 44.8, 39.7, 47.2, 43.5, 52.8], [38.2, 36.9, 40.1, 35.4, 39.3, 37.6])
    assert float(out["p_value"]) == pytest.approx(ref.pvalue, rel=1e-6)


def test_a_nominal_with_two_words_between_is_the_reference() -> None:
    intent = _one("nominal fill volume is 500 mL. 8 bottles: 498.6; 501.2; 499.1; 497.8; 500.4; 498.9; 499.5; 497.6\n"
                  "are we filling on target?")
    assert intent.tool == "t_test" and intent.args["mu"] == 500


def test_shares_stated_with_a_category_word_before_each_label() -> None:
    q = ("Historically 50% grade A, 30% grade B and 20% reject. This month:\nGrade A -> 96\nGrade B -> 66\n"
         "Reject -> 38\nHas the split changed?")
    intent = _one(q)
    assert intent.tool == "chi_square"
    out = run_tool("chi_square", intent.args)
    ref = stats.chisquare([96, 66, 38], [100, 60, 40])
    assert float(out["statistic"]) == pytest.approx(ref.statistic, rel=1e-9)


def test_an_inspection_of_n_parts_then_found_k_and_a_test_of_equal_means() -> None:
    intent = _one("Supplier says the rate is no more than 2%. In our incoming inspection of 250 parts we found 9 "
                  "defective. Is the rate higher?")
    assert intent.tool == "proportion_test" and (intent.args["x"], intent.args["n"]) == ([9], [250])
    intent = _one("X  24.1 24.3 23.9 24.2 24.0\nY  25.6 23.1 24.9 26.2 22.8\nDon't assume equal variances. "
                  "Two-sided test of equal means.")
    assert intent.tool == "t_test" and intent.args["kind"] == "welch"
