"""Readings missed by blind round 24 (scored once before any of this), in our own phrasings."""

from __future__ import annotations

import pytest

from graphs.planning.nl import plan_question
from tools.errors import HavocInputError


def _one(question: str, mode: str = "stats"):
    intents = plan_question(question, mode)
    assert intents, f"nothing planned for {question!r}"
    return intents[0]


def test_a_declined_equal_variance_assumption_with_words_between() -> None:
    summary = _one("A: mean 10.1, sd 0.4, n = 9. B: mean 10.6, sd 1.3, n = 12. Don't assume the two machines have equal "
                   "variances. t and p?")
    assert summary.tool == "summary_t_test" and summary.args["kind"] == "welch"
    groups = _one("Don't assume these three lines have equal variances. L1: 4.1 4.3 4.2; L2: 5.0 3.1 6.2; L3: 4.6 4.8 4.4")
    assert groups.tool == "anova_oneway" and groups.args.get("welch") is True


def test_an_impossible_resolution_is_refused() -> None:
    with pytest.raises(HavocInputError, match="at most resolution III"):
        plan_question("resolution IV 2^(6-3) fractional factorial for six factors", "doe")


def test_matrix_rows_in_brackets_separated_by_spaces_and_a_position_named_after() -> None:
    i = _one("Matrix B has rows (2 0 1), (1 3 0), (0 1 4). Give B^-1, especially the (2,2) entry.", "math")
    assert i.args["matrix"] == [["2", "0", "1"], ["1", "3", "0"], ["0", "1", "4"]]


def test_a_stated_inspection_size_beside_a_table_of_counts() -> None:
    q = "Every lot we inspect exactly 80 parts.\n\nlot\trejects\nL1\t3\nL2\t5\nL3\t2\nL4\t6\nnp chart please"
    i = _one(q, "spc")
    assert i.args["chart"] == "np" and [int(v) for v in i.args["sizes"]] == [80] * 4


def test_a_package_claim_and_whether_it_is_supported() -> None:
    q = "The box says each bar weighs 45 g. We weighed eight bars: 44.1, 45.3, 43.8, 44.6, 44.9, 43.9, 44.2, 44.5 g. " \
        "Is the claim supported?"
    i = _one(q)
    assert i.tool == "t_test" and float(i.args["mu"]) == 45


def test_sizes_and_samples_said_in_other_words() -> None:
    power = _one("if we test 12 coupons from each furnace and the true difference in mean hardness is 2 HRC with sd 2.5 "
                 "HRC, what power does a two-sample t-test at alpha 0.05 give?")
    assert power.tool == "power" and int(power.args["n"]) == 12
    survey = _one("In a survey of 300 users, 45 said yes. Historically 12%. One-proportion z test, two-sided.")
    assert survey.args["x"] == [45] and survey.args["n"] == [300]


def test_maths_notation_met_in_round_24() -> None:
    assert _one("Find all real roots of x^3 - 4x + 1 = 0 (numerically, 3 d.p. is fine)", "math").args["equations"] == \
        "x^3 - 4x + 1 = 0"
    improper = _one("Evaluate the integral of 1/x^2 from x=1 to infinity.", "math")
    assert improper.tool == "integrate" and improper.args["upper"] == "oo" and float(improper.args["lower"]) == 1
    latexish = _one("int_0^{pi} x sin(x) dx", "math")
    assert latexish.tool == "integrate" and latexish.args["upper"] == "pi"
    system = _one("solve\nx + y = 3\nx - y = 1", "math")
    assert system.tool == "solve" and system.args["equations"] == ["x + y = 3", "x - y = 1"]


def test_a_sign_test_named_beside_a_declined_wilcoxon_is_the_sign_test() -> None:
    q = "Sign test, not Wilcoxon, on before/after: before 5 6 7 8 6 7; after 4 6 5 7 5 6"
    (i,) = plan_question(q, "stats")
    assert i.tool == "sign_test" and [int(v) for v in i.args["y"]] == [4, 6, 5, 7, 5, 6]
