"""Readings missed by blind round 26 (scored once before any of this), in our own phrasings."""

from __future__ import annotations

from graphs.planning.nl import plan_question


def _one(question: str, mode: str = "stats"):
    intents = plan_question(question, mode)
    assert intents, f"nothing planned for {question!r}"
    return intents[0]


def test_labelled_counts_with_arrows_leave_a_quarter_and_year_alone() -> None:
    q = ("help-desk calls at site #12, Q1 2025, by shift:\nearly -> 41\nday -> 52\nlate -> 38\nnight -> 29\n"
         "equally spread over the four shifts? chi-square goodness of fit")
    i = _one(q)
    assert i.tool == "chi_square" and [int(v) for v in i.args["observed"]] == [41, 52, 38, 29]


def test_an_ordinal_derivative_gives_the_order() -> None:
    for text, order in (("5th derivative of sin(3x) at x = 0", 5), ("third derivative of x^5", 3),
                        ("the 2nd-order derivative of e^(2x)", 2)):
        i = _one(text, "math")
        assert i.tool == "differentiate" and i.args.get("order") == order, text


def test_a_historic_rate_beside_an_interval_level_is_the_null_proportion() -> None:
    q = ("of 120 sampled castings 14 had porosity; the long-run porosity rate is 6%. exact binomial test, two-sided, "
         "and the 95% Clopper-Pearson interval")
    i = _one(q)
    assert i.tool == "proportion_test" and float(i.args["p0"]) == 0.06


def test_twice_the_smaller_tail_is_two_sided() -> None:
    q = ("line A: 5.1, 5.4, 4.9, 5.6, 5.2, 5.0\nline B: 5.2, 5.3, 5.1, 5.2, 5.3, 5.2\n"
         "F test of the two variances, F = var(A)/var(B), two-sided p (twice the smaller tail)")
    i = _one(q)
    assert i.tool == "variance_test" and i.args.get("alternative", "two-sided") == "two-sided"


def test_a_quadratic_written_with_named_variables() -> None:
    q = ("lot | temp | yield\nA1 | 150 | 61.2\nA2 | 160 | 66.8\nA3 | 170 | 70.1\nA4 | 180 | 71.0\nA5 | 190 | 69.4\n"
         "fit yield = b0 + b1*temp + b2*temp^2 by least squares")
    i = _one(q)
    assert i.tool == "regression" and i.args["degree"] == 2


def test_an_employee_number_column_is_an_id() -> None:
    q = ("quiz scores before and after training (same people):\n\nemp#    before  after\n2231    61.0    64.5\n"
         "1874    70.2    71.0\n1920    66.4    69.9\n2045    72.8    72.1\n1777    58.3    63.0\n"
         "paired t-test, did scores go up?")
    i = _one(q)
    assert i.tool == "t_test" and i.args["kind"] == "paired"
    # the ids are no data; "did scores go up?" asks for after − before (round 38's convention for a rise)
    assert [float(v) for v in i.args["y"]][:2] == [61.0, 70.2] and [float(v) for v in i.args["x"]][:2] == [64.5, 71.0]


def test_the_number_of_damaged_items_in_a_fixed_sample_is_an_np_chart() -> None:
    q = ("each shift we open 200 boxes and count the damaged ones. last 12 shifts: 6 4 9 5 7 3 8 6 5 10 4 7. "
         "chart the number of damaged boxes")
    i = _one(q, "spc")
    assert i.tool == "control_chart" and i.args["chart"] == "np" and i.args["sizes"] in (200, [200] * 12)


def test_the_shift_we_care_about_is_the_effect() -> None:
    q = ("10 specimens per group, two-sided alpha 0.05, SD ~1.5 MPa, and the shift we care about between the two "
         "suppliers is 2.0 MPa. what power is that?")
    i = _one(q)
    assert i.tool == "power" and float(i.args["delta"]) == 2.0 and float(i.args["sd"]) == 1.5


def test_a_spec_minimum_for_the_mean_is_the_value_tested_against() -> None:
    q = ("25 welds: average strength 512 N with a standard deviation of 14 N. the spec minimum for the mean is 505 N. "
         "one-sided t test: is the mean above it?")
    i = _one(q)
    assert i.tool == "summary_t_test" and float(i.args["mu"]) == 505 and i.args.get("alternative") == "greater"


def test_xbarbar_and_sbar_with_the_subgroup_size_in_words() -> None:
    q = "five cans are taken every hour and weighed. from 25 subgroups: xbarbar = 355.2 g, sbar = 1.1 g. x-bar/s limits?"
    i = _one(q, "spc")
    assert i.tool == "summary_chart" and i.args["n"] == 5 and i.args["chart"] == "xbar_s"


def test_solve_for_real_x_and_split_into_partial_fractions() -> None:
    i = _one("solve x^3 + x - 3 = 0 for real x", "math")
    assert i.tool == "solve" and i.args.get("domain") == "real"
    i = _one("split (2x + 3)/((x - 1)(x + 2)) into partial fractions, i.e. find A and B in A/(x - 1) + B/(x + 2)",
             "math")
    assert i.tool == "simplify" and i.args["method"] == "apart" and i.args["expression"].replace("*", "") == "(2x + 3)/((x - 1)(x + 2))"


def test_long_format_with_two_factor_columns_is_a_two_way_anova() -> None:
    rows = [("Kim", "G1", 10.2), ("Kim", "G1", 10.4), ("Kim", "G2", 10.9), ("Kim", "G2", 11.1),
            ("Lee", "G1", 9.8), ("Lee", "G1", 9.9), ("Lee", "G2", 10.6), ("Lee", "G2", 10.5)]
    q = ("operator, gauge, reading - 2 repeats each\n" + "\n".join(f"{a}  {b}  {v}" for a, b, v in rows)
         + "\ntwo-way ANOVA with the operator x gauge interaction")
    i = _one(q)
    assert i.tool == "anova_twoway" and i.args["interaction"] is True
    assert i.args["a"] == [r[0] for r in rows] and i.args["b"] == [r[1] for r in rows]
    assert (i.args["factor_a"], i.args["factor_b"]) == ("operator", "gauge")


def test_rows_numbered_in_words_are_ids_and_a_named_row_is_left_out_whole() -> None:
    q = ("load cell check (load kN | output mV):\nrun 1 | 0.5 | 1.02\nrun 2 | 1.0 | 2.01\nrun 3 | 1.5 | 3.90\n"
         "run 4 | 2.0 | 4.05\nrun 5 | 2.5 | 5.02\nrun 6 | 3.0 | 6.01\n"
         "run 3 was a glitch, leave it out and fit the straight line output = a + b*load")
    i = _one(q)
    assert i.tool == "regression" and [float(v) for v in i.args["x"]] == [0.5, 1.0, 2.0, 2.5, 3.0]
    assert any("3.90" in n for n in i.notes)


def test_counts_beside_a_len_column_make_a_u_chart() -> None:
    q = ("flaws per roll, rolls differ in length (len = hundreds of m):\nA-1  len 2.0  flaws 5\nA-2  len 3.5  flaws 9\n"
         "A-3  len 1.5  flaws 2\nA-4  len 2.5  flaws 7\nA-5  len 3.0  flaws 6\nu chart please")
    i = _one(q, "spc")
    assert i.tool == "control_chart" and i.args["chart"] == "u"
    assert [float(v) for v in i.args["sizes"]] == [2.0, 3.5, 1.5, 2.5, 3.0] and [int(v) for v in i.args["counts"]] == [5, 9, 2, 7, 6]
