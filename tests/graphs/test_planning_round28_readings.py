"""Readings missed by blind round 28 (scored once before any of this), in our own phrasings."""

from __future__ import annotations

from graphs.planning.nl import plan_question


def _one(question: str, mode: str = "stats"):
    intents = plan_question(question, mode)
    assert intents, f"nothing planned for {question!r}"
    return intents[0]


def test_no_t_test_please_on_paired_rows_is_the_signed_rank_test() -> None:
    q = ("unit | old | new\nU1 | 5.2 | 5.0\nU2 | 6.1 | 5.7\nU3 | 5.8 | 5.9\nU4 | 6.4 | 5.6\nU5 | 5.5 | 5.1\nU6 | 6.0 | 5.2\n"
         "same units both times. The differences look nothing like normal, so no t-test please.")
    i = _one(q)
    assert i.tool == "wilcoxon_signed_rank"


def test_independent_groups_are_not_a_test_of_independence() -> None:
    q = ("two independent shifts, skewed data, so I don't want anything that assumes normality.\n"
         "shift one: 3.1, 7.4, 2.2, 5.9, 4.4, 6.8\nshift two: 6.2, 8.8, 7.1, 9.9, 5.4, 8.1\nexact p for a location shift?")
    i = _one(q)
    assert i.tool == "mann_whitney"


def test_iso_dates_label_the_readings_of_an_individuals_chart() -> None:
    lines = "\n".join(f"2025-01-{d:02d}  {v}" for d, v in zip(range(1, 9), (7.1, 7.3, 6.9, 7.0, 7.4, 7.2, 6.8, 7.1), strict=True))
    q = f"I-MR chart please, daily readings:\n{lines}"
    i = _one(q, "spc")
    assert i.tool == "control_chart" and i.args["chart"] == "imr" and [float(v) for v in i.args["values"]][:2] == [7.1, 7.3]


def test_a_list_wrapped_over_lines_is_cut_into_the_stated_subgroups() -> None:
    rows = ["5.01, 5.03, 4.98, 5.02, 5.00, 4.99,", "5.04, 5.01, 4.97, 5.03, 5.02, 5.00"]
    q = "every hour the inspector pulls 3 consecutive parts. diameters, oldest first:\n" + "\n".join(rows) + "\nX-bar and R limits?"
    i = _one(q, "spc")
    assert i.tool == "control_chart" and [len(g) for g in i.args["subgroups"]] == [3, 3, 3, 3]


def test_the_improper_integral_sign_after_its_name() -> None:
    i = _one("Evaluate the improper integral ∫ from 2 to ∞ of dx/(x^2 - 1).", "math")
    assert i.tool == "integrate" and i.args["expression"] == "1/(x^2 - 1)" and i.args["upper"] == "oo"


def test_centre_runs_plus_a_named_run_count() -> None:
    q = "five 2-level factors in an 8-run fractional factorial, plus three centre runs. total runs?"
    i = _one(q, "doe")
    assert i.tool == "doe_design" and i.args["center_points"] == 3 and i.args.get("runs") in (8, None)


def test_grand_average_with_a_word_between() -> None:
    q = "each shift we weigh 8 bags. over 30 shifts the grand average weight is 25.1 kg and the average standard deviation is 0.4 kg. X-bar/S limits?"
    i = _one(q, "spc")
    assert i.tool == "summary_chart" and i.args["n"] == 8 and float(i.args["grand_mean"]) == 25.1


def test_labels_with_a_slash_in_a_goodness_of_fit() -> None:
    q = "counts: red/round: 90\nred/wrinkled: 28\ngreen/round: 33\ngreen/wrinkled: 9\nfit the 9:3:3:1 ratio? chi-square"
    i = _one(q)
    assert i.tool == "chi_square" and [int(v) for v in i.args["observed"]] == [90, 28, 33, 9]


def test_two_named_lists_of_amounts_and_counts_make_a_u_chart() -> None:
    q = ("Sheet areas (m2): 2.0, 3.5, 1.5, 2.5, 3.0\nScratches found (same order): 5, 9, 2, 7, 6\n"
         "areas differ, so a u chart please")
    i = _one(q, "spc")
    assert i.tool == "control_chart" and i.args["chart"] == "u"
    assert [int(v) for v in i.args["counts"]] == [5, 9, 2, 7, 6] and [float(v) for v in i.args["sizes"]][0] == 2.0


def test_records_whose_lot_numbers_were_set_aside_as_ids() -> None:
    q = ("For each lot:\nlot 5101 - hardness 60.1, tensile 2050.2\nlot 5107 - hardness 62.4, tensile 2101.9\n"
         "lot 5112 - hardness 57.3, tensile 1990.4\nlot 5120 - hardness 59.8, tensile 2044.0\n"
         "Pearson correlation between hardness and tensile?")
    i = _one(q)
    assert i.tool == "correlation" and [float(v) for v in i.args["x"]] == [60.1, 62.4, 57.3, 59.8]


def test_spaced_records_with_units_and_a_row_left_out_and_r_squared_asked() -> None:
    q = ("C1  load 2.0 kN  strain 101\nC2  load 4.0 kN  strain 198\nC3  load 6.0 kN  strain 350\n"
         "C4  load 8.0 kN  strain 402\nC5  load 10.0 kN  strain 499\n"
         "Leave out C3 - the gauge slipped. Then fit strain = a + b*load: slope and R^2?")
    i = _one(q)
    assert i.tool == "regression" and i.args.get("degree", 1) == 1
    assert [float(v) for v in i.args["x"]] == [2.0, 4.0, 8.0, 10.0]


def test_a_variance_on_top_of_the_ratio_is_the_f_test() -> None:
    q = ("Assume both are normal. Is the new gauge less variable than the old? One-sided, the new gauge's variance on "
         "top of the ratio.\nnew: 5.01 5.02 4.99 5.00 5.01 4.98\nold: 5.05 4.94 5.08 4.97 5.03 4.92 5.06")
    i = _one(q)
    assert i.tool == "variance_test" and i.args["method"] == "f" and i.args["alternative"] == "less"
