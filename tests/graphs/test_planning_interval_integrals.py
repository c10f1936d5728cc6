"""Integrals over an interval written in brackets, the average value of a function, and a formula read as data
(the "a formula" cue of the reading audit)."""

from __future__ import annotations

import pytest

from graphs.reading.audit import reading_checks
from graphs.srs import run
from tests.graphs.planned import first_intent


@pytest.mark.parametrize("question, expression, lower, upper", [
    ("integrate x^2 over the interval [0, 3]", "x^2", "0", "3"),
    ("integrate sin(x) on [0, pi]", "sin(x)", "0", "pi"),
    ("average value of x^2 on the interval [0, 3]", "(x^2)/3", "0", "3"),
    ("what is the mean value of f(x) = sin x between 0 and pi", "(sin(x))/((pi) - (0))", "0", "pi"),
    ("average value of 1/x on [1, 2.5]", "(1/x)/1.5", "1", "2.5"),
])
def test_bounds_in_brackets_and_the_average_value(question: str, expression: str, lower: str, upper: str) -> None:
    intent = first_intent(question, "math")
    assert intent.tool == "integrate"
    assert (intent.args["expression"], str(intent.args["lower"]), str(intent.args["upper"])) == (expression, lower, upper)


def test_the_average_value_is_the_integral_over_the_length() -> None:
    state = run("average value of x^2 on the interval [0, 3]")
    assert state["results"][0]["output"]["numeric"] == pytest.approx(3.0)
    assert any("divided by the interval's length 3" in c for c in state["answer"]["caveats"])


def test_a_formula_read_as_numbers_fails_the_reading_audit() -> None:
    described = [{"tool": "describe", "args": {"data": [0, 3]}, "output": {"n": 2, "mean": 1.5}}]
    cues = reading_checks("the spread of x^2 over [0, 3]", described)[1]
    assert not cues["passed"] and "'x^2'" in cues["detail"]
    # a fitted model honours it, and a variance written s^2 is no formula
    fitted = [{"tool": "regression", "args": {"y": [1, 4, 9], "x": [1, 2, 3], "degree": 2}, "output": {}}]
    assert reading_checks("fit y = a + b x + c x^2 to y 1, 4, 9 at x 1, 2, 3", fitted)[1]["passed"]
    assert reading_checks("is s^2 = 4.1 with these 3, 5, 6, 8", described)[1]["passed"]
