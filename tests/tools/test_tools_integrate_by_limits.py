"""Definite integrals SymPy leaves unevaluated, closed by an antiderivative and its one-sided limits at the bounds
(given only when numerical quadrature confirms the value)."""

from __future__ import annotations

import pytest

from tools.registry import run_tool


@pytest.mark.parametrize(("expression", "lower", "upper", "value"), [
    ("ln(x)/sqrt(x)", 0, 1, -4.0),  # SymPy's definite integral leaves a Meijer-G Piecewise unevaluated here
    ("ln(x)/sqrt(x)", 1, 0, 4.0),
])
def test_an_improper_integral_sympy_leaves_open_is_closed_by_the_antiderivative_and_confirmed(
        expression: str, lower: int, upper: int, value: float) -> None:
    out = run_tool("integrate", {"expression": expression, "lower": lower, "upper": upper})
    # by hand: F(x) = 2√x ln x − 4√x, F(1) = −4 and F(x) → 0 as x → 0⁺
    assert out["evaluated"] and out["numeric"] == pytest.approx(value, rel=1e-12)
    assert out["check_agrees"] and "one-sided limits" in out["note"]
