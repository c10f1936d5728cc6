"""Critical points and extremes read from questions (the extrema tool), and what is not guessed at."""

from __future__ import annotations

import pytest

from graphs.planning.nl import plan_question
from graphs.srs import run
from tests.graphs.planned import first_intent


@pytest.mark.parametrize("question, expression, variables, interval", [
    ("Find the critical points of f(x) = x^3 - 3x^2 - 9x + 5 and classify them.", "x^3 - 3*x^2 - 9*x + 5", ["x"], None),
    ("what is the maximum value of f(x) = -2x^2 + 8x + 3", "- 2*x^2 + 8*x + 3", ["x"], None),
    ("find the absolute max and min of x^3 - 3x on [-3, 2]", "x^3 - 3*x", ["x"], ("-3", "2")),
    ("local extrema of f(x,y) = x^3 - 3xy + y^3", "x^3 - 3*x*y + y^3", ["x", "y"], None),
    ("stationary points of y = x e^(-x)?", "x*e^(- x)", ["x"], None),
    ("max and min of sin(x) for 0 <= x <= 2pi", "sin(x)", ["x"], ("0", "2*pi")),
    ("turning points of the curve x^4 - 8x^2, which are minima?", "x^4 - 8*x^2", ["x"], None),
    ("g(t) = t^3 - 12t + 1 on the closed interval [0, 3]: where are its absolute extrema?", "t^3 - 12*t + 1", ["t"],
     ("0", "3")),
    ("Where does y = x^3 - 6x^2 + 9x have local maxima and minima?", "x^3 - 6x^2 + 9x", ["x"], None),
    ("find the max of h(x) = x*e^(-x)", "x*e^(-x)", ["x"], None),
    ("find the critical point of f(x, y) = x^2 + x*y + 2*y^2 - 4*x + 3*y and the value of f there",
     "x^2 + x*y + 2*y^2 - 4*x + 3*y", ["x", "y"], None),
])
def test_critical_point_questions(question: str, expression: str, variables: list[str], interval) -> None:
    intent = first_intent(question, "math")
    assert intent.tool == "extrema"
    assert intent.args["expression"].replace("*", "").replace(" ", "") == expression.replace("*", "").replace(" ", "")
    assert intent.args["variables"] == variables
    assert (intent.args.get("lower"), intent.args.get("upper")) == (interval or (None, None))


@pytest.mark.parametrize("question, expression, bounds", [
    ("critical points of x^2 on (0, 1)", "x^2", {"lower": "0", "upper": "1", "lower_open": True, "upper_open": True}),
    ("The cost of a run is C(x) = 3x + 200/x^2 for x > 0. Find the minimum cost.", "3*x + 200/x^2",
     {"lower": "0", "lower_open": True}),
    ("smallest value of x + 9/x for positive x", "x + 9/x", {"lower": "0", "lower_open": True}),
    ("find the maximum of f(x)=x e^(-x) for x >= 0", "x*e^(- x)", {"lower": "0"}),
    ("max and min of x^2 - 2x on 0 < x <= 3", "x^2 - 2*x", {"lower": "0", "upper": "3", "lower_open": True}),
    ("absolute extrema of ln(x)/x on [1, ∞)", "ln(x)/x", {"lower": "1"}),
    ("Profit P(q) = -2q^2 + 120q - 500 where q >= 10; what is the maximum profit?", "- 2*q^2 + 120*q - 500",
     {"lower": "10"}),
])
def test_open_and_half_open_intervals(question: str, expression: str, bounds: dict) -> None:
    intent = first_intent(question, "math")
    assert intent.tool == "extrema"
    assert intent.args["expression"].replace("*", "").replace(" ", "") == expression.replace("*", "").replace(" ", "")
    assert {k: v for k, v in intent.args.items() if k in ("lower", "upper", "lower_open", "upper_open")} == bounds


def test_on_a_half_line_the_answer_says_the_maximum_is_not_attained() -> None:
    answer = run("A box costs C(x) = 3x + 200/x^2 to make, for x > 0. Find the minimum cost.")["answer"]
    assert "absolute maximum and minimum on (0, oo)" in answer["reading"]
    assert "absolute minimum 3*3**(2/3)*50**(1/3)" in answer["markdown"]
    assert "no absolute maximum" in answer["markdown"]
    assert answer["confidence"] >= 0.7


@pytest.mark.parametrize("question", [
    "find the maximum of the yield",  # no formula
])
def test_what_is_not_guessed(question: str) -> None:
    intents = plan_question(question, "math")
    assert not intents or intents[0].tool != "extrema"


def test_the_answer_names_each_point_its_kind_and_the_absolute_extremes() -> None:
    state = run("find the absolute max and min of x^3 - 3x on [-3, 2]")
    answer = state["answer"]
    assert "absolute maximum and minimum on [-3, 2]" in answer["reading"]
    assert "x = -1: local maximum, f = 2" in answer["markdown"]
    assert "absolute minimum -18 at -3 (left end)" in answer["markdown"]
    assert answer["confidence"] >= 0.7
