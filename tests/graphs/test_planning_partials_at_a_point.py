"""Partial derivatives written as quotients ("∂f/∂x") of a named function, and the point where a derivative is
wanted given as bare coordinates or after "the value of the derivative" (own phrasings, after blind round 18)."""

from __future__ import annotations

import math

import pytest

from graphs.planning.nl import plan_question
from graphs.planning.to_dsl import render_program
from graphs.stages.execute import run_program


def _value(question: str) -> float:
    intents = plan_question(question, "math")
    assert intents and len(intents) == 1 and intents[0].tool == "differentiate", intents
    (result,), _ = run_program(render_program(intents), {})
    return result["output"]["value_at"]["value"]


def test_a_partial_as_a_quotient_at_bare_coordinates_takes_the_names_from_the_signature() -> None:
    q = "p(u, v) = u^2*v + cos(u*v). What is ∂p/∂v at the point (2, 1)?"
    assert _value(q) == pytest.approx(4 - 2 * math.sin(2))


def test_the_formula_may_come_after_the_quotient() -> None:
    assert _value("Find ∂f/∂y of f(x, y) = x^3*y^2 + y at (1, 2)") == pytest.approx(2 * 1 * 2 + 1)


def test_bare_coordinates_without_a_signature_are_not_guessed() -> None:
    intents = plan_question("differentiate x^2*y with respect to x at the point (1, 2)", "math")
    assert not intents or "at" not in intents[0].args


def test_the_value_of_the_derivative_at_a_point_after_a_misspelt_verb() -> None:
    q = "diferentiate x^2*ln(x) and tell me the value of the derivative at x = 2"
    assert _value(q) == pytest.approx(2 * 2 * math.log(2) + 2)


def test_a_mixed_partial_evaluated_at_a_point() -> None:
    q = "For q(x, y) = x^2*y^3 + sin(x*y), what is ∂²q/∂x∂y evaluated at x = 1, y = 2?"
    expected = 6 * 1 * 4 + math.cos(2) - 2 * math.sin(2)  # 6xy^2 + cos(xy) - xy sin(xy)
    assert _value(q) == pytest.approx(expected)


def test_an_implicit_derivative_is_not_read_as_a_partial() -> None:
    intents = plan_question("find dy/dx if x^2 + y^2 = 25", "math")
    assert not intents or intents[0].args.get("expression") != "x^2 + y^2"


def test_a_point_may_be_a_fraction_of_pi_and_the_question_may_end_politely() -> None:
    assert _value("What's the derivative of x^2*sin(x), evaluated at x = pi/2?") == pytest.approx(math.pi)
    assert _value("2nd derivitive of ln(x^2+4) at x=1 pls") == pytest.approx((2 * 5 - 4 * 1) / 25)


def test_a_remark_in_brackets_after_a_mixed_partial_is_not_the_formula() -> None:
    q = "g(x,y) = x^3*y^2 + x*y. need d2g/dxdy (mixed partial) at the point x=2, y=1"
    assert _value(q) == pytest.approx(6 * 4 * 1 + 1)


def test_taylor_expand_names_a_series() -> None:
    (intent,) = plan_question("taylor expand e^x*sin(x) around 0 up to x^4", "math")
    assert intent.tool == "series" and intent.args["order"] == 5
