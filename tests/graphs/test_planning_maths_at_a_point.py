"""Maths in the shapes users paste: formulas in backticks, bounds with their variable, a value asked at a point,
real roots only, unknowns with digits (I1, I2); each checked against SymPy or a hand value."""

from __future__ import annotations

import math

import pytest
import sympy as sp

import dsl
from dsl.errors import DslError
from graphs.audit_checks import audit_derivative, audit_simplify
from graphs.planning.nl import plan_question
from graphs.planning.to_dsl import statement
from graphs.render import render_symbolic
from tools.errors import HavocInputError
from tools.registry import run_tool


def _one(question: str):
    (intent,) = plan_question(question, "math")
    return intent


@pytest.mark.parametrize("question, lower, upper", [
    ("Evaluate the definite integral of `x^2*exp(x)` from x = 0 to x = 1.", 0, 1),
    ("pls intergrate `x*sin(x)` from x = 0 to x = 2 (radians) - need the number for a centroid calc", 0, 2),
])
def test_quoted_formulas_and_named_bounds(question: str, lower: int, upper: int) -> None:
    intent = _one(question)
    assert intent.tool == "integrate" and intent.args["variable"] == "x"
    assert (intent.args["lower"], intent.args["upper"]) == (lower, upper)


def test_a_derivative_wanted_at_a_point_carries_the_point() -> None:
    intent = _one("diferentiate `x^2*ln(x)` and tell me the slope at x = e")
    assert intent.tool == "differentiate" and intent.args["at"] == {"x": "E"}
    out = run_tool("differentiate", intent.args)
    assert out["value_at"]["value"] == pytest.approx(3 * math.e, rel=1e-12) and out["value_at"]["exact"] == "3*E"
    intent = _one("Find the partial derivative with respect to y of `x^2*y^3 + sin(x*y)` and evaluate it at the point "
                  "(x, y) = (1, 2).")
    assert intent.args["variable"] == "y" and intent.args["at"] == {"x": "1", "y": "2"}
    assert run_tool("differentiate", intent.args)["value_at"]["value"] == pytest.approx(12 + math.cos(2), rel=1e-12)


def test_a_simplified_form_wanted_at_a_point_is_worth_its_limit_there() -> None:
    intent = _one("Simplify `(x^2 - 9)/(x^2 + x - 6)` and then give its value at x = 7.")
    assert statement(intent) == "simplify (x^2 - 9)/(x^2 + x - 6) at x = 7"
    out = run_tool("simplify", intent.args)
    assert out["result"] == "(x - 3)/(x - 2)" and out["value_at"]["exact"] == "4/5"
    assert all(c["passed"] for c in audit_simplify(intent.args, out))
    conclusion, _ = render_symbolic("simplify")(intent.args, out)
    assert "at x = 7 it is 4/5 ≈ 0.8" in conclusion


def test_the_point_needs_every_symbol_and_is_audited() -> None:
    with pytest.raises(HavocInputError, match="no value for y"):
        run_tool("differentiate", {"expression": "x*y", "variable": "x", "at": {"x": 1}})
    args = {"expression": "exp(x*y)", "variable": ["x", "y"], "at": {"x": 1, "y": 2}}
    out = run_tool("differentiate", args)
    assert out["value_at"]["value"] == pytest.approx(float(3 * sp.exp(2)), rel=1e-12)
    assert all(c["passed"] for c in audit_derivative(args, out))
    out["value_at"]["value"] = 20.0
    assert not audit_derivative(args, out)[-1]["passed"]


def test_the_dsl_takes_a_point_on_derivative_and_simplify() -> None:
    text = "derivative of x^2*ln(x) by x at x = E\nsimplify (x^2 - 9)/(x^2 + x - 6) method cancel at x = 7"
    first, second = dsl.execute(dsl.parse(text))
    assert first.output["value_at"]["exact"] == "3*E" and second.output["value_at"]["exact"] == "4/5"
    assert dsl.format(dsl.parse(text)).splitlines() == text.splitlines()
    with pytest.raises(DslError, match="given two values"):
        dsl.check(dsl.parse("derivative of x*y by x at x = 1, x = 2"))


def test_real_roots_only_when_asked() -> None:
    intent = _one("solve `x^3 - 2*x - 5 = 0` for the real root, need it to 5 decimal places")
    assert intent.args == {"equations": "x^3 - 2*x - 5 = 0", "domain": "real"}
    assert statement(intent).endswith(" for x real")
    (root,) = run_tool("solve", intent.args)["solutions"]
    assert root["x"]["numeric"] == pytest.approx(2.0945514815423265, rel=1e-14)
    three = run_tool("solve", {"equations": "x^3 - 3*x + 1 = 0", "domain": "real"})["solutions"]
    assert sorted(s["x"]["numeric"] for s in three) == pytest.approx(
        sorted(float(r) for r in sp.Poly(sp.Symbol("x") ** 3 - 3 * sp.Symbol("x") + 1).real_roots()), rel=1e-12)


def test_unknowns_with_digits_one_equation_per_line() -> None:
    intent = _one("Mesh analysis on a 3-loop circuit gives me\n  4*I1 - I2 = 10\n  -I1 + 5*I2 - 2*I3 = 0\n"
                  "  -2*I2 + 6*I3 = 8\n(currents in mA). Solve for I1, I2, I3.")
    assert intent.tool == "solve" and intent.args["variables"] == ["I1", "I2", "I3"]
    (solution,) = run_tool("solve", intent.args)["solutions"]
    A = sp.Matrix([[4, -1, 0], [-1, 5, -2], [0, -2, 6]])
    expected = A.LUsolve(sp.Matrix([10, 0, 8]))
    assert [solution[k]["exact"] for k in ("I1", "I2", "I3")] == [str(v) for v in expected]


def test_a_series_shows_each_coefficient_in_decimals() -> None:
    args = {"expression": "exp(x)*cos(x)", "point": 0, "order": 5}
    _, body = render_symbolic("series")(args, run_tool("series", args))
    assert "-1/3" in body and "-0.333333" in body and "-0.166667" in body


def test_a_named_function_then_its_formula_is_the_formula() -> None:
    intent = _one("Find the partial derivative of f(x,y) = x^2*y^3 + sin(x*y) with respect to y, and evaluate it at "
                  "x = 1, y = 2.")
    assert intent.args == {"expression": "x^2*y^3 + sin(x*y)", "variable": "y", "at": {"x": "1", "y": "2"}}


def test_real_roots_only_said_in_a_sentence_of_its_own() -> None:
    intent = _one("Solve x^3 - 2x - 5 = 0. Real roots only please.")
    assert intent.args["domain"] == "real"


def test_solve_for_the_loop_currents_names_no_unknown_but_the_equations_do() -> None:
    intent = _one("Mesh analysis gave me these loop equations (currents in A):\n12 I1 - 4 I2 = 24\n"
                  "-4 I1 + 10 I2 - 2 I3 = 0\n-2 I2 + 8 I3 = -6\nsolve for the loop currents")
    assert intent.tool == "solve" and intent.args["variables"] == ["I1", "I2", "I3"]
