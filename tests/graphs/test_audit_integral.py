"""AUDIT of definite integrals: adaptive quadrature split at kinks and jumps; inconclusive, not failed, when it cannot decide."""

from __future__ import annotations

from fractions import Fraction

import pytest

from graphs import audit_checks
from graphs.audit_checks import _node_text, _switches, adaptive_quadrature, audit_integral
from graphs.stages.audit import audit_stage
from tools.registry import run_tool

# integrand, bounds, exact value: kinks and jumps inside the interval, where one Gauss rule is off by ~1e-4
CASES = [
    ("abs(x)", -1, 2, Fraction(5, 2), "x = 0"),
    ("abs(x - 1)*x", 0, 3, Fraction(29, 6), "x = 1"),
    ("sign(x - 0.3)", 0, 1, Fraction(2, 5), "x = 0.3"),
    ("Max(x, 1 - x)", 0, 1, Fraction(3, 4), "x = 0.5"),
    ("min(x, 2 - x, 0.5)", 0, 2, Fraction(3, 4), "x = 0.5, 1, 1.5"),
    ("floor(x)*x", 0, Fraction(7, 2), Fraction(1, 2) * (4 - 1) + Fraction(2, 2) * (9 - 4) + Fraction(3, 2) * (
        Fraction(49, 4) - 9), "x = 1, 2, 3"),
]


def _args(expression: str, lower, upper) -> dict:
    return {"expression": expression, "variable": "x", "lower": str(lower), "upper": str(upper)}


@pytest.mark.parametrize(("expression", "lower", "upper", "exact", "split"), CASES)
def test_kinks_and_jumps_pass_with_the_right_value(expression, lower, upper, exact, split) -> None:
    (check,) = audit_integral(_args(expression, lower, upper), {"result": str(exact)})
    assert check["passed"], check["detail"]
    assert not check.get("inconclusive")
    assert f"split at {split}" in check["detail"]


@pytest.mark.parametrize(("expression", "lower", "upper", "exact", "split"), CASES)
@pytest.mark.parametrize("relative", [1e-3, -1e-6])
def test_a_wrong_value_still_fails(expression, lower, upper, exact, split, relative) -> None:
    wrong = float(exact) * (1 + relative)
    (check,) = audit_integral(_args(expression, lower, upper), {"result": repr(wrong)})
    assert not check["passed"] and not check.get("inconclusive"), check["detail"]
    assert f"the result is {wrong:.12g}" in check["detail"]


def test_the_integrate_tool_on_the_issue_examples_passes_the_audit() -> None:
    for expression, lower, upper in (("abs(x)", -1, 2), ("abs(x-1)*x", 0, 3)):
        args = {"expression": expression, "variable": "x", "lower": lower, "upper": upper}
        (check,) = audit_integral(args, run_tool("integrate", args))
        assert check["passed"] and not check.get("inconclusive"), check["detail"]


def test_a_wrong_closed_form_is_caught() -> None:
    """∫_0^10 |sin 3x| dx = 19/3 + cos(30)/3 (nine half-waves of 2/3, then the rest); cos(30)/3 + 1 must fail."""
    (check,) = audit_integral(_args("abs(sin(3*x))", 0, 10), {"result": "cos(30)/3 + 1"})
    assert not check["passed"] and not check.get("inconclusive")
    assert "gives 6.3847504833 " in check["detail"]  # 6.38475048329586...
    (check,) = audit_integral(_args("abs(sin(3*x))", 0, 10), {"result": "19/3 + cos(30)/3"})
    assert check["passed"], check["detail"]


def test_smooth_and_endpoint_singular_integrands() -> None:
    for expression, lower, upper, want in (("exp(x)", "pi/2", "pi", "exp(pi) - exp(pi/2)"), ("log(x)", 0, 1, "-1"),
                                           ("sqrt(1 - x^2)", -1, 1, "pi/2"), ("x^2", 3, 0, "-9")):
        (check,) = audit_integral(_args(expression, lower, upper), {"result": want})
        assert check["passed"], (expression, check["detail"])


def test_result_without_a_closed_form_is_compared_with_the_tools_numeric_value() -> None:
    out = {"result": "Integral(x**x, (x, 0, 1))", "numeric_check": 0.7834305107121344}
    (check,) = audit_integral(_args("x^x", 0, 1), out)
    assert check["passed"]
    (check,) = audit_integral(_args("x^x", 0, 1), {**out, "numeric_check": 0.7834305107121344 * 1.001})
    assert not check["passed"] and "the tool's quadrature value is" in check["detail"]


@pytest.mark.parametrize(("expression", "lower", "upper", "result", "reason"), [
    ("a*x", 0, 1, "a/2", "not one finite real number"),
    ("x^2", 0, 1, "oo", "not one finite real number"),
    ("sqrt(x)", -1, 1, "0.6666666666666666", "undefined or not real on part of the interval"),
    ("DiracDelta(x)", -1, 1, "1", "Dirac delta"),
])
def test_undecidable_cases_are_inconclusive_with_a_reason(expression, lower, upper, result, reason) -> None:
    (check,) = audit_integral(_args(expression, lower, upper), {"result": result})
    assert check["inconclusive"] and not check["passed"]
    assert check["detail"].startswith("inconclusive: ") and reason in check["detail"]


def test_a_quadrature_that_does_not_settle_is_inconclusive(monkeypatch) -> None:
    monkeypatch.setattr(audit_checks, "MAX_EVALUATIONS", 600)
    (check,) = audit_integral(_args("sin(1/x)", 0, 1), {"result": "0.5040670619"})
    assert check["inconclusive"] and "did not settle within 600 evaluations" in check["detail"]


def test_parameters_make_the_quadrature_undecidable() -> None:
    value, _, _, spent, _, reason = adaptive_quadrature("a*x + b", "x", 0, 1)
    assert value is None and spent == 0 and "parameters (a, b)" in reason


def test_switches_are_found_inside_nested_formulas() -> None:
    switches, delta = _switches("exp(abs(x - 1)) + 2*floor(x^2)/Max(x, 3, y)")
    assert not delta
    assert ("sign", "(x - 1)") in switches and ("floor", "(x)^(2)") in switches
    assert {("sign", "(x) - (3)"), ("sign", "(x) - (y)"), ("sign", "(3) - (y)")} <= set(switches)


def test_node_text_reads_back_to_the_same_values() -> None:
    from tools import safe_expr

    for text in ("-x^2 + 3*x/(1 - x)", "2*pi*sin(x)^-1", "factorial(3)*e^x - (-x)", "x!"):
        again = _node_text(safe_expr.parse(text))
        for x in ("0.3", "1.7"):
            want = run_tool("evaluate", {"expression": text, "values": {"x": x}})["value"]
            got = run_tool("evaluate", {"expression": again, "values": {"x": x}})["value"]
            assert got == pytest.approx(want, rel=1e-12), (text, again)


def _stage(results: list[dict]) -> tuple[dict, str]:
    update, summary, _ = audit_stage.stage({"results": results}, None)
    return update, summary


def test_inconclusive_checks_do_not_fail_the_audit() -> None:
    args = {"expression": "a*x", "variable": "x", "lower": 0, "upper": 1}
    update, summary = _stage([{"tool": "integrate", "args": args, "output": {"result": "a/2"}}])
    assert update["audit_passed"] and update["audit_feedback"] is None and update["revisions"] == 0
    assert "0/0 checks passed, 1 inconclusive" in summary
    (check,) = update["audit_checks"][1:]
    assert check["inconclusive"] and check["tool"] == "integrate"


def test_a_wrong_value_fails_the_audit_stage_and_goes_back_to_plan() -> None:
    args = {"expression": "abs(x)", "variable": "x", "lower": -1, "upper": 2}
    update, summary = _stage([{"tool": "integrate", "args": args, "output": {"result": "2.5025"}}])
    assert not update["audit_passed"] and update["revisions"] == 1
    assert update["audit_feedback"].startswith("integrate: quadrature: adaptive Gauss–Legendre gives 2.5 ")
    assert "0/1 checks passed" in summary


def test_arithmetic_errors_in_a_recomputation_are_inconclusive(monkeypatch) -> None:
    def overflow(args, out):
        raise OverflowError("math range error")

    monkeypatch.setitem(audit_checks.AUDITORS, "describe", overflow)
    update, summary = _stage([{"tool": "describe", "args": {"data": [1, 2]}, "output": {"mean": 1.5}}])
    assert update["audit_passed"] and "1 inconclusive" in summary
    assert update["audit_checks"][1]["detail"].startswith("inconclusive: could not recompute: OverflowError")
