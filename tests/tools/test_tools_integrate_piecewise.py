"""Definite integrals of integrands with kinks and jumps (abs, sign, Heaviside, floor, ceiling, Max, Min).

SymPy alone integrates abs(sin(3x)) over [0, 10] as if the sign never changed, and tanh-sinh
quadrature cannot confirm a value across a kink. The tool splits both at the break points.
"""

from __future__ import annotations

import time
from typing import Any

import mpmath
import pytest
import sympy

from tools import symbolic
from tools.registry import run_tool

x = sympy.Symbol("x")


def back(text: str) -> sympy.Basic:
    """Our own output is trusted text: SymPy parses it back."""
    return sympy.sympify(text)


def exactly(out: dict, expected: sympy.Basic) -> None:
    """The closed form is `expected` exactly, and the tool's independent quadrature confirms it to 12+ digits."""
    assert out["evaluated"] is True
    assert sympy.simplify(back(out["result"]) - expected) == 0, out["result"]
    value = float(sympy.N(expected, 30))
    assert out["numeric"] == pytest.approx(value, rel=1e-15, abs=1e-300)
    assert out["numeric_check"] == pytest.approx(value, rel=1e-12, abs=1e-14)
    assert out["check_agrees"] is True


def integral(expression: str, lower: Any, upper: Any, **extra: Any) -> dict:
    return run_tool("integrate", {"expression": expression, "lower": lower, "upper": upper, **extra})


def test_abs_of_a_sine_that_changes_sign_nine_times() -> None:
    out = integral("abs(sin(3*x))", 0, 10)
    exactly(out, sympy.Rational(19, 3) + sympy.cos(30) / 3)
    assert [back(p) for p in out["split_at"]] == [k * sympy.pi / 3 for k in range(1, 10)]
    assert out["note"] is None


def test_reversed_bounds_change_the_sign() -> None:
    exactly(integral("abs(sin(3*x))", 10, 0), -sympy.Rational(19, 3) - sympy.cos(30) / 3)


@pytest.mark.parametrize(("expression", "lower", "upper", "expected", "split_at"), [
    ("abs(x)", -1, 2, sympy.Rational(5, 2), ["0"]),
    ("abs(x-1)*x", 0, 3, sympy.Rational(29, 6), ["1"]),
    ("sign(x)*x^2", -1, 1, sympy.S.Zero, ["0"]),
    ("floor(x)", 0, "3.5", sympy.Rational(9, 2), ["1", "2", "3"]),
    ("Max(x, 1-x)", 0, 1, sympy.Rational(3, 4), ["1/2"]),
    ("Heaviside(x-1/2)", 0, 1, sympy.Rational(1, 2), ["1/2"]),
    ("abs(x^2-2)", 0, 2, 8 * sympy.sqrt(2) / 3 - sympy.Rational(4, 3), ["sqrt(2)"]),  # an irrational break point
    ("ceiling(x/2) + Min(x, 2)", -3, "4.5", sympy.Integer(9), ["-2", "0", "2", "4"]),
    ("floor(x^2)", 0, 3, 21 - 3 * sympy.sqrt(2) - sum(sympy.sqrt(k) for k in (3, 5, 6, 7)),
     ["1", "sqrt(2)", "sqrt(3)", "2", "sqrt(5)", "sqrt(6)", "sqrt(7)", "2*sqrt(2)"]),
    ("sign(1/(x-1))", 0, 3, sympy.Integer(1), ["1"]),  # the sign changes at a pole, not a zero
    ("abs(cos(x))*exp(x)", 0, 5, None, ["pi/2", "3*pi/2"]),
])
def test_piecewise_integrands_are_integrated_piece_by_piece(expression: str, lower: Any, upper: Any,
                                                            expected: sympy.Basic | None, split_at: list[str]) -> None:
    out = integral(expression, lower, upper)
    if expected is None:  # the value by an independent route: mpmath on the pieces
        expected = sympy.Float(mpmath.quad(lambda t: abs(mpmath.cos(t)) * mpmath.exp(t),
                                           [0, mpmath.pi / 2, 3 * mpmath.pi / 2, 5]), 30)
        assert out["numeric"] == pytest.approx(float(expected), rel=1e-14)
        assert out["check_agrees"] is True
    else:
        exactly(out, expected)
    assert [back(p) for p in out["split_at"]] == [back(p) for p in split_at]


def test_smooth_integrands_are_unchanged() -> None:
    for expression, lower, upper in (("x^2", 0, 1), ("exp(-x)*sin(x)", 0, "pi"), ("1/(1+x^2)", -1, 1)):
        out = integral(expression, lower, upper)
        expected = sympy.integrate(back(expression.replace("^", "**")), (x, back(str(lower)), back(str(upper))))
        assert back(out["result"]) == expected
        assert out["split_at"] is None and out["check_agrees"] is True


def test_too_many_pieces_return_promptly_without_a_closed_form() -> None:
    start = time.monotonic()
    out = integral("abs(sin(1000*x))", 0, 100)
    assert time.monotonic() - start < 10
    assert out["evaluated"] is False and out["result"].startswith("Integral(") and out["numeric"] is None
    assert f"{symbolic.MAX_PIECES} or more points" in out["note"]
    if out["numeric_check"] is not None:  # a value, if any, must be the right one
        n = int(100_000 // sympy.pi)
        right = float(sympy.N((2 * n + 1 - sympy.cos(100_000 - n * sympy.pi)) / 1000, 20))
        assert out["numeric_check"] == pytest.approx(right, rel=1e-10)
    out = integral("floor(100*x)", 0, 10)
    assert out["evaluated"] is False and "or more points" in out["note"]


def test_break_points_without_a_closed_form_give_the_value_by_split_quadrature() -> None:
    """sin(x) = x/3 has no closed-form root: the kink is found numerically and quadrature splits there."""
    out = integral("abs(sin(x) - x/3)", 0, 5)
    root = mpmath.findroot(lambda t: mpmath.sin(t) - t / 3, 2.3)
    right = mpmath.quad(lambda t: abs(mpmath.sin(t) - t / 3), [0, root, 5])
    assert out["evaluated"] is False and out["numeric"] is None
    assert out["numeric_check"] == pytest.approx(float(right), rel=1e-12)
    out = integral("abs(sin(x^2))", 0, 3)  # zeros sqrt(k pi): a family SymPy gives that is not evenly spaced
    right = mpmath.quad(lambda t: abs(mpmath.sin(t**2)), [0, mpmath.sqrt(mpmath.pi), mpmath.sqrt(2 * mpmath.pi), 3])
    assert out["numeric_check"] == pytest.approx(float(right), rel=1e-12)


@pytest.fixture
def in_process_without_exact_breaks(monkeypatch: pytest.MonkeyPatch) -> None:
    """Run the jobs in this process and make the exact break-point search give up, as it does on a ConditionSet."""
    def no_exact(*_: Any) -> list[Any]:
        raise symbolic._NoExactBreaks("the zeros of sin(3*x): a test says they cannot be found")

    monkeypatch.setattr(symbolic, "_break_points", no_exact)
    monkeypatch.setattr(symbolic, "run_with_timeout", lambda job, *args, timeout, label: job(*args))


@pytest.mark.usefixtures("in_process_without_exact_breaks")
def test_a_wrong_closed_form_is_withdrawn_when_break_points_are_not_exact() -> None:
    out = symbolic.integrate(symbolic.IntegrateArgs(expression="abs(sin(3*x))", lower=0, upper=10)).model_dump()
    assert out["result"] == "Integral(Abs(sin(3*x)), (x, 0, 10))" and out["evaluated"] is False
    assert out["numeric"] is None and out["check_agrees"] is None
    assert out["numeric_check"] == pytest.approx(float(sympy.N(sympy.Rational(19, 3) + sympy.cos(30) / 3)),
                                                 rel=1e-12)
    assert "not found exactly" in out["note"] and "disagrees" in out["note"] and "not given" in out["note"]


@pytest.mark.usefixtures("in_process_without_exact_breaks")
def test_a_right_closed_form_is_kept_when_quadrature_confirms_it() -> None:
    out = symbolic.integrate(symbolic.IntegrateArgs(expression="abs(x)", lower=-1, upper=2)).model_dump()
    assert back(out["result"]) == sympy.Rational(5, 2) and out["check_agrees"] is True
    assert "confirms" in out["note"]


def test_divergent_pieces_are_reported() -> None:
    out = integral("abs(1/x)", -1, 1)
    assert out["result"] == "oo" and out["note"] == "the integral diverges"


def test_cli_tool_run_gives_the_right_value(capsys: pytest.CaptureFixture[str]) -> None:
    from havoc_agent.cli import main

    code = main(["tool", "run", "integrate", "--args", '{"expression": "abs(sin(3*x))", "lower": 0, "upper": 10}'])
    assert code == 0
    printed = capsys.readouterr().out
    assert '"cos(30)/3 + 19/3"' in printed and '"check_agrees": true' in printed


def test_a_cubic_with_three_real_roots_splits_at_exact_roots() -> None:
    """solveset writes these roots with I (casus irreducibilis); the split uses real roots (CRootOf) instead."""
    out = integral("abs(x^3 - 3*x + 1)", -2, 2)
    right = mpmath.quad(lambda t: abs(t**3 - 3 * t + 1), [-2, *sorted(mpmath.polyroots([1, 0, -3, 1])), 2])
    assert len(out["split_at"]) == 3 and all("I" not in p for p in out["split_at"])
    assert out["numeric"] == pytest.approx(float(right), rel=1e-14) and out["check_agrees"] is True


def test_a_slow_break_point_search_gives_way_to_numeric_break_points() -> None:
    """solveset runs for minutes on sin(x) cos(x)^2 = 1/4; within the time limit the answer is the quadrature value."""
    start = time.monotonic()
    out = integral("abs(sin(x)*cos(x)^2 - 1/4)", 0, 6, timeout_s=5)
    assert time.monotonic() - start < 5 + 5 + 5  # the integral's limit, the check's, and starting workers
    f = lambda t: mpmath.sin(t) * mpmath.cos(t) ** 2 - mpmath.mpf(1) / 4  # noqa: E731
    roots = [mpmath.findroot(f, t) for t in (0.27, 0.99, 2.15, 2.87)]
    assert out["evaluated"] is False and out["numeric"] is None
    assert out["numeric_check"] == pytest.approx(float(mpmath.quad(lambda t: abs(f(t)), [0, *roots, 6])), rel=1e-12)
    assert "did not find them within" in out["note"]


def test_a_switch_the_exact_search_misses_is_caught_by_sampling() -> None:
    """solveset gives x = 1 for sqrt(x) = 1, but abs(sqrt(x) - 1) also changes formula where sqrt(x) turns complex."""
    out = integral("abs(sqrt(x) - 1)", -1, 2)
    right = mpmath.quad(lambda t: abs(mpmath.sqrt(t) - 1), [-1, 0, 1, 2])
    assert out["evaluated"] is False and out["numeric"] is None
    assert out["numeric_check"] == pytest.approx(float(right), rel=1e-12) and out["numeric_check_imag"] is None
    assert "where the exact search found no point" in out["note"]
