"""summation: closed forms of finite and infinite sums, divergence, no closed form, and bad input, each value checked
against a textbook identity or mpmath's own sum."""

from __future__ import annotations

import math

import mpmath
import pytest

from tools.errors import HavocInputError
from tools.registry import run_tool


@pytest.mark.parametrize(("expression", "lower", "upper", "exact", "value"), [
    ("n^2/3^n", 1, "oo", "3/2", 1.5),  # x(1 + x)/(1 - x)^3 at x = 1/3
    ("1/n^2", 1, "oo", "pi**2/6", math.pi ** 2 / 6),  # Basel
    ("(-1)^(n+1)/n", 1, "oo", "log(2)", math.log(2)),  # alternating harmonic
    ("1/(n*(n+1))", 1, "oo", "1", 1.0),  # telescoping
    ("k^3", 1, 10, "3025", 3025.0),  # (N(N+1)/2)^2
    ("2^k", 0, 12, "8191", 8191.0),  # 2^(N+1) - 1
    ("(1/2)^n", 0, "oo", "2", 2.0),  # geometric
])
def test_closed_forms_and_their_check(expression: str, lower: object, upper: object, exact: str, value: float) -> None:
    out = run_tool("summation", {"expression": expression, "lower": lower, "upper": upper})
    assert out["result"] == exact and out["evaluated"] is True
    assert out["numeric"] == pytest.approx(value, rel=1e-12)
    assert out["numeric_check"] == pytest.approx(value, rel=1e-10) and out["check_agrees"] is True
    assert out["converges"] is (None if upper != "oo" else True)


def test_a_divergent_series_says_so() -> None:
    out = run_tool("summation", {"expression": "1/n", "lower": 1, "upper": "oo"})
    assert out["result"] == "oo" and out["converges"] is False and out["numeric"] is None
    assert out["note"] == "the sum diverges"


def test_no_closed_form_gives_the_added_terms() -> None:
    out = run_tool("summation", {"expression": "1/(n^3 + 1)", "lower": 0, "upper": "oo"})
    assert out["evaluated"] is False and out["numeric"] is None
    with mpmath.workdps(30):
        want = float(mpmath.nsum(lambda k: 1 / (k ** 3 + 1), [0, mpmath.inf]))
    assert out["numeric_check"] == pytest.approx(want, rel=1e-12)
    assert "no closed form" in out["note"]


def test_a_parameter_stays_in_the_closed_form() -> None:
    out = run_tool("summation", {"expression": "x^n/n!", "variable": "n", "lower": 0, "upper": "oo"})
    assert out["result"] == "exp(x)" and out["numeric_check"] is None


@pytest.mark.parametrize(("args", "field"), [
    ({"expression": "1/2^n", "lower": 0, "upper": 2.5}, "upper"),  # the index runs over integers
    ({"expression": "n", "lower": 5, "upper": 1}, "upper"),  # an empty range is a typo, not 0
    ({"expression": "1/n^2", "variable": "x", "lower": 1, "upper": "oo"}, "variable"),  # x is not in the terms
    ({"expression": "1/n^2", "lower": "n", "upper": "oo"}, "lower"),  # a bound with the index
    ({"expression": "__import__('os')", "lower": 1, "upper": 2}, "expression"),  # never code
])
def test_bad_input_is_one_clear_error(args: dict, field: str) -> None:
    with pytest.raises(HavocInputError) as err:
        run_tool("summation", args)
    assert err.value.field == field
