"""Readings missed by blind round 27 (scored once before any of this), in our own phrasings."""

from __future__ import annotations

import pytest

from graphs.planning.nl import plan_question
from tools.errors import HavocInputError


def _one(question: str, mode: str = "stats"):
    intents = plan_question(question, mode)
    assert intents, f"nothing planned for {question!r}"
    return intents[0]


def test_equations_one_per_line_with_no_verb_are_a_system() -> None:
    i = _one("two equations, two unknowns:\n3a + 2b = 7\na - b = 4\na, b = ?", "stats")
    assert i.tool == "solve" and i.args["variables"] == ["a", "b"] and len(i.args["equations"]) == 2


def test_a_bracketed_expression_after_a_higher_derivative_operator() -> None:
    i = _one("d^2/dx^2 [x^4*cos(x)] at x = 2 -- a number please", "math")
    assert i.tool == "differentiate" and i.args["order"] == 2 and i.args["at"] == {"x": "2"}


def test_an_integral_asked_whether_it_converges() -> None:
    i = _one("Does the integral from 2 to infinity of 1/(x^3 + x) dx converge, and what is it?", "math")
    assert i.tool == "integrate" and i.args["expression"] == "1/(x^3 + x)" and i.args["upper"] == "oo"


def test_partial_fractions_named_first_then_the_expression() -> None:
    i = _one("Partial fractions: write (2x + 7)/((x + 2)(x - 1)) as A/(x + 2) + B/(x - 1). A = ?, B = ?", "math")
    assert i.tool == "simplify" and i.args["method"] == "apart"


def test_the_apart_result_lists_each_numerator_as_a_number() -> None:
    from tools.symbolic import SimplifyArgs, simplify

    out = simplify(SimplifyArgs(expression="(5*x + 3)/((x + 1)*(x - 3))", method="apart"))
    assert {(f.denominator, f.value) for f in out.fractions} == {("x + 1", 0.5), ("x - 3", 4.5)}


def test_an_ascii_table_rule_with_plus_junctions() -> None:
    q = ("Lot | Inspected | Defective\n----+-----------+----------\nA1  |  200 | 9\nA2  |  200 | 14\nA3  |  200 | 6\n"
         "A4  |  200 | 11\nA5  |  200 | 8\nnp chart: centre line and limits?")
    i = _one(q, "spc")
    assert i.tool == "control_chart" and i.args["chart"] == "np" and [int(v) for v in i.args["counts"]] == [9, 14, 6, 11, 8]


def test_a_header_at_the_end_of_a_prose_line() -> None:
    q = ("Lab session (bench 3). name; reach; height - cm\n\nAl; 171.2; 175.0\nBo; 160.4; 158.9\nCy; 182.3; 180.1\n"
         "Di; 165.0; 166.7\nEd; 177.8; 174.2\nPearson correlation of reach and height?")
    i = _one(q)
    assert i.tool == "correlation" and float(i.args["x"][0]) == 171.2 and float(i.args["y"][0]) == 175.0


def test_sequential_sums_of_squares_asked_for() -> None:
    rows = [("P", "A", 5.1), ("P", "A", 5.3), ("P", "B", 6.0), ("Q", "A", 4.8), ("Q", "B", 6.4), ("Q", "B", 6.1),
            ("P", "B", 5.8), ("Q", "A", 4.6)]
    q = ("operator,tool,reading\n" + "\n".join(f"{a},{b},{v}" for a, b, v in rows)
         + "\ntwo-way ANOVA with interaction, Type I (sequential) sums of squares, operator first")
    i = _one(q)
    assert i.tool == "anova_twoway" and i.args["ss_type"] == 1


def test_name_equals_value_records_with_a_row_left_out() -> None:
    q = ("S1: temp=150 yield=61.2\nS2: temp=160 yield=66.0\nS3: temp=170 yield=82.5\nS4: temp=180 yield=71.4\n"
         "S5: temp=190 yield=74.9\nS3 was contaminated, leave it out. fit yield vs temp, straight line")
    i = _one(q)
    assert i.tool == "regression" and [float(v) for v in i.args["x"]] == [150, 160, 180, 190]


def test_capability_figures_on_labelled_lines_are_summary_figures() -> None:
    q = "LSL: 9.80\nUSL: 10.20\nmean: 10.04\nwithin sigma: 0.05\nCp and Cpk?"
    i = _one(q)
    assert i.tool == "summary_capability" and float(i.args["mean"]) == 10.04 and float(i.args["usl"]) == 10.2


def test_counts_written_after_the_amount_inspected() -> None:
    q = ("line A - 400 units inspected, 22 defective\nline B - 380 units inspected, 9 defective\n"
         "is line B's defect rate lower? two-proportion z test, one-sided")
    i = _one(q)
    assert i.tool == "proportion_test" and [int(v) for v in i.args["x"]] == [22, 9] and i.args["alternative"] == "greater"


def test_s_bar_in_brackets_and_the_count_of_subgroups() -> None:
    q = "25 subgroups of 4. grand mean = 12.40, average subgroup SD (s-bar) = 0.30. X-bar and S chart limits?"
    i = _one(q, "spc")
    assert i.tool == "summary_chart" and i.args["chart"] == "xbar_s" and i.args["subgroups"] == 25 and i.args["n"] == 4


def test_a_subgroup_size_in_words_before_consecutive() -> None:
    values = ", ".join(f"{10 + (i % 7) / 100:.2f}" for i in range(15))
    q = f"every shift the inspector measures three consecutive pins: {values}. X-bar/R limits?"
    i = _one(q, "spc")
    assert i.tool == "control_chart" and i.args["chart"] == "xbar_r" and len(i.args["subgroups"][0]) == 3


def test_where_a_figure_came_from_is_not_the_sample_size() -> None:
    q = ("how many per group to detect 1.5 mm between two tools? SD about 2.0 mm (from last year's study, 60 parts). "
         "two-sample t, alpha 0.05, power 80%")
    i = _one(q)
    assert i.tool == "power" and i.args.get("n") is None and float(i.args["power"]) == 0.8


def test_exact_binomial_not_the_normal_approximation() -> None:
    q = "9 of 80 failed; the spec allows 5%. exact binomial test (not the normal approximation), one-sided"
    i = _one(q)
    assert i.tool == "proportion_test" and i.args["method"] == "exact"


def test_a_day_holding_its_centre_points_too() -> None:
    q = ("full 2^3 factorial; the press takes 5 runs a day, each day a block, with 1 centre point in every block. "
         "total runs and blocks?")
    i = _one(q, "doe")
    assert i.tool == "doe_design" and i.args["blocks"] == 2 and i.args["center_points"] == 2


def test_a_mean_against_an_unstated_nominal_is_asked_for() -> None:
    with pytest.raises(HavocInputError):
        plan_question("Shaft ODs (mm): 5.01, 4.99, 5.02, 5.00, 4.98. Is the mean different from nominal? t test", "stats")


def test_explained_blanks_end_shorter_columns() -> None:
    q = ("batch results, columns are mixers, blanks = no more batches:\nM1,M2,M3\n5.1,6.0,4.8\n5.3,6.4,4.9\n5.0,5.9,\n"
         "5.2,,\nWelch's ANOVA please")
    i = _one(q)
    assert i.tool == "anova_oneway" and [len(g) for g in i.args["groups"]] == [4, 3, 2]


def test_a_third_order_mixed_partial_by_its_subscripts() -> None:
    q = "g(x,y) = x^3*y^2 + sin(x*y). I need g_xyy (once in x, twice in y) at x = 1, y = 2"
    i = _one(q, "math")
    assert i.tool == "differentiate" and i.args["variable"] == ["x", "y", "y"]
    assert i.args["expression"] == "x^3*y^2 + sin(x*y)" and i.args["at"] == {"x": "1", "y": "2"}


def test_fisher_two_sided_and_one_sided_at_once() -> None:
    q = ("leak test, new seal vs old seal:\n\n           leaked   tight\nold seal        6       9\nnew seal        2      13\n\n"
         "Fisher's exact test - give the two-sided p, and the one-sided p for 'new seal leaks less often'.")
    intents = plan_question(q, "stats")
    assert [i.args["alternative"] for i in intents] == ["two-sided", "greater"]
    assert all(i.args["method"] == "fisher" for i in intents)
