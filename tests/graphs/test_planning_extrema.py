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


@pytest.mark.parametrize("question", [
    "critical points of x^2 on (0, 1)",  # an open interval: the absolute extremes may not exist; not guessed
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
