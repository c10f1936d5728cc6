"""Readings missed by blind round 25 (scored once before any of this), in our own phrasings."""

from __future__ import annotations

import pytest

from graphs.planning.nl import plan_question
from tools.errors import HavocInputError


def _one(question: str, mode: str = "stats"):
    intents = plan_question(question, mode)
    assert intents, f"nothing planned for {question!r}"
    return intents[0]


def test_a_model_written_out_gives_the_degree() -> None:
    q = "(x, y): (1, 2.1), (2, 3.9), (3, 5.2), (4, 5.8), (5, 6.1). fit y = b0 + b1*x + b2*x^2 and give b0, b1, b2"
    i = _one(q)
    assert i.tool == "regression" and i.args["degree"] == 2


def test_a_point_of_two_parallel_lists_left_out_by_its_x() -> None:
    q = ("load (kN): 1, 2, 3, 4, 5, 6\nstrain (ue): 51, 99, 180, 201, 249, 302\n"
         "the reading at 3 kN slipped, so leave that point out and fit a straight line")
    i = _one(q)
    assert [int(v) for v in i.args["x"]] == [1, 2, 4, 5, 6] and [int(v) for v in i.args["y"]] == [51, 99, 201, 249, 302]


def test_a_system_under_solve_the_system_with_the_unknowns_after() -> None:
    q = "solve the system\n x + y + z = 6\n x - y = 0\n 2x + z = 5\nfor x, y, z"
    i = _one(q, "math")
    assert i.tool == "solve" and i.args["equations"] == ["x + y + z = 6", "x - y = 0", "2x + z = 5"]


def test_dx_over_an_expression() -> None:
    i = _one("∫ from 0 to 1 of dx/(1 + x^2)", "math")
    assert i.tool == "integrate" and i.args["expression"] == "1/(1 + x^2)"


def test_long_lines_of_a_repeated_name_and_one_value() -> None:
    q = "yield by reactor:\nR1 88.2\nR2 90.1\nR1 87.5\nR3 85.0\nR2 91.3\nR3 84.2\nR1 88.9\nR2 90.7\nR3 85.5\none-way ANOVA"
    i = _one(q)
    assert i.tool == "anova_oneway" and [[float(v) for v in g] for g in i.args["groups"]] == [
        [88.2, 87.5, 88.9], [90.1, 91.3, 90.7], [85.0, 84.2, 85.5]]


def test_corners_named_by_letters_and_signs() -> None:
    q = ("2^2: A-B- 20.1, A+B- 24.0, A-B+ 21.2, A+B+ 25.3; centre points 23.9, 24.2, 24.0. Curvature? SS, F and p")
    i = _one(q, "doe")
    assert i.tool == "doe_curvature" and [float(v) for v in i.args["factorial"]] == [20.1, 24.0, 21.2, 25.3]


def test_a_target_named_but_not_given_is_asked_for() -> None:
    with pytest.raises(HavocInputError, match="target"):
        plan_question("weights: 10.2 10.4 10.1 10.3 10.6. Is the mean above the target? one-sided p", "stats")
    i = _one("weights: 10.2 10.4 10.1 10.3 10.6. Is the mean above the target of 10? one-sided p")
    assert i.tool == "t_test" and float(i.args["mu"]) == 10
