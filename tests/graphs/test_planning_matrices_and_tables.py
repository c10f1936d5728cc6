"""Readers added after blind round 18 (own phrasings, not the round's): a named matrix operation wins over the
data readers, Yates's correction asked for in words, a number-nonconforming chart, a short subgroup column."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import stats

from graphs.planning.nl import plan_question
from graphs.planning.to_dsl import render_program
from tools.registry import run_tool


@pytest.mark.parametrize("mode", ["math", "stats", "general"])
def test_bracketed_rows_with_a_named_determinant_are_a_matrix_in_any_mode(mode: str) -> None:
    q = "Find the determinant of the conductance matrix below\n[ 3  -1  0 ]\n[ -1  3  -1 ]\n[ 0  -1  2 ]"
    (intent,) = plan_question(q, mode)
    assert intent.tool == "matrix" and intent.args["operation"] == "determinant"
    out = run_tool("matrix", intent.args)
    assert float(out["value"]["numeric"]) == pytest.approx(np.linalg.det([[3, -1, 0], [-1, 3, -1], [0, -1, 2]]))


def test_a_nested_list_with_an_inverse_and_a_det_is_two_matrix_operations_not_groups() -> None:
    q = "B = [[4, 1, 2], [1, 5, 0], [2, 0, 6]]\nplease give B^-1 and also det(B)"
    intents = plan_question(q, "stats")
    assert [(i.tool, i.args["operation"]) for i in intents] == [("matrix", "determinant"), ("matrix", "inverse")]


def test_a_rank_test_on_a_square_table_stays_a_rank_test() -> None:
    q = "Kruskal-Wallis rank test on three lines:\n[12 15 11]\n[14 18 16]\n[10 9 13]"
    intents = plan_question(q, "stats") or []
    assert all(i.tool != "matrix" for i in intents)


def test_yates_correction_in_words_reaches_a_labelled_table() -> None:
    q = ("Trial results per supplier\n\nSupplier | ok | reject\n---------|----|-------\nNorth    | 52 | 8\n"
         "South    | 41 | 19\n\nchi-square with the continuity (Yates) correction please")
    (intent,) = plan_question(q, "stats")
    assert intent.tool == "chi_square" and intent.args["correction"] is True
    assert render_program([intent]).endswith("with correction")
    out = run_tool("chi_square", intent.args)
    expected = stats.chi2_contingency([[52, 8], [41, 19]], correction=True)
    assert out["statistic"] == pytest.approx(expected[0]) and out["correction_applied"]


def test_declining_the_correction_in_words_turns_it_off() -> None:
    (intent,) = plan_question("chi-square test of independence without the Yates correction: [[30, 10], [20, 25]]",
                              "stats")
    assert intent.args["correction"] is False


def test_a_number_nonconforming_chart_from_a_sizes_and_counts_table_is_an_np_chart() -> None:
    rows = "\n".join(f"{i}  | 80 | {c}" for i, c in enumerate([4, 6, 3, 5, 7, 2, 4, 5, 3, 6], start=1))
    q = f"Hour | n | nonconforming\n{rows}\n\nNumber-nonconforming chart for the crimp check, please."
    (intent,) = plan_question(q, "spc")
    assert intent.tool == "control_chart" and intent.args["chart"] == "np"


def test_a_sub_column_numbering_the_subgroups_is_not_a_measurement() -> None:
    q = ("Bore diameter, 3 parts per subgroup:\n\nSub  x1    x2    x3\n1    5.01  5.03  4.99\n2    5.02  5.00  5.01\n"
         "3    4.98  5.02  5.00\n4    5.00  5.01  5.03\n5    5.02  4.99  5.01\n\nX-bar and R chart limits please")
    (intent,) = plan_question(q, "spc")
    assert intent.tool == "control_chart" and intent.args["chart"] == "xbar_r"
    assert [len(row) for row in intent.args["subgroups"]] == [3] * 5
