"""Symbolic tools through the registry: known answers, numeric checks, bad input, hostile input, timeouts."""

from __future__ import annotations

import json
import os
import random
import time
from decimal import Decimal
from pathlib import Path

import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st

from tools.errors import HavocInputError
from tools.registry import get, run_tool
from tools.worker import ToolTimeoutError

x, y = sympy.symbols("x y")
SYMBOLIC_TOOLS = ("differentiate", "integrate", "solve", "simplify", "limit", "series", "matrix", "evaluate")


def back(text: str) -> sympy.Basic:
    """Our own output is trusted text: SymPy must parse it back (the `result` contract)."""
    return sympy.sympify(text)


def same(a: sympy.Basic, b: sympy.Basic) -> bool:
    return a == b or sympy.simplify(a - b) == 0


def test_every_tool_is_registered_with_a_schema() -> None:
    for name in SYMBOLIC_TOOLS:
        spec = get(name)
        assert spec.description and "\n" not in spec.description
        schema = spec.json_schema()
        assert schema["type"] == "object"
        assert "timeout_s" in schema["properties"]


# ------------------------------------------------------------ differentiate


def test_derivative_of_x3_sin_x() -> None:
    out = run_tool("differentiate", {"expression": "x^3*sin(x)", "variable": "x"})
    assert same(back(out["result"]), 3 * x**2 * sympy.sin(x) + x**3 * sympy.cos(x))
    assert "\\cos" in out["latex"] and out["order"] == 1
    json.dumps(out)


def test_derivative_orders_partials_and_default_variable() -> None:
    assert back(run_tool("differentiate", {"expression": "x^5", "order": 3})["result"]) == 60 * x**2
    out = run_tool("differentiate", {"expression": "x^2 y^3", "variables": ["x", "y"]})
    assert back(out["result"]) == 6 * x * y**2 and out["variables"] == ["x", "y"] and out["order"] == 2
    assert back(run_tool("differentiate", {"expression": "7"})["result"]) == 0


def test_variables_are_real_in_calculus() -> None:
    assert run_tool("differentiate", {"expression": "abs(x)"})["result"] == "sign(x)"
    assert run_tool("simplify", {"expression": "sqrt(x^2)"})["result"] == "Abs(x)"


def test_simplified_derivative() -> None:
    out = run_tool("differentiate", {"expression": "x/(1+x)", "simplify": True})
    assert back(out["result"]) == 1 / (x + 1) ** 2


def test_derivative_bad_input() -> None:
    with pytest.raises(HavocInputError, match=r"^variable: .*several symbols \(x, y\)"):
        run_tool("differentiate", {"expression": "x*y"})
    with pytest.raises(HavocInputError, match="^order: "):
        run_tool("differentiate", {"expression": "x*y", "variables": ["x", "y"], "order": 2})
    with pytest.raises(HavocInputError, match="^variable: .*constant"):
        run_tool("differentiate", {"expression": "x", "variable": "pi"})
    with pytest.raises(HavocInputError, match="order"):
        run_tool("differentiate", {"expression": "x", "order": 0})
    with pytest.raises(HavocInputError, match="^expression: is empty"):
        run_tool("differentiate", {"expression": ""})


def test_derivative_passes_a_finite_difference_audit_through_evaluate() -> None:
    """What the graph's AUDIT does: compare d/dx at random points with central differences."""
    expression = "x^3*sin(x) + exp(x/3)"
    derivative = run_tool("differentiate", {"expression": expression})["result"]
    rng = random.Random(7)
    h = Decimal("1e-6")
    for _ in range(4):
        point = Decimal(str(round(rng.uniform(-3, 3), 6)))
        exact = run_tool("evaluate", {"expression": derivative, "values": {"x": point}})["value"]
        up = run_tool("evaluate", {"expression": expression, "values": {"x": point + h}})["value"]
        down = run_tool("evaluate", {"expression": expression, "values": {"x": point - h}})["value"]
        assert abs((up - down) / (2 * float(h)) - exact) < 1e-6 * max(1.0, abs(exact))


# ---------------------------------------------------------------- integrate


def test_definite_integral_with_numeric_check() -> None:
    out = run_tool("integrate", {"expression": "x^2", "variable": "x", "lower": 0, "upper": 1})
    assert back(out["result"]) == sympy.Rational(1, 3)
    assert out["definite"] and out["evaluated"]
    assert out["numeric"] == pytest.approx(1 / 3, rel=1e-15)
    assert out["numeric_check"] == pytest.approx(1 / 3, rel=1e-12)
    assert out["check_agrees"] is True


def test_improper_integrals() -> None:
    out = run_tool("integrate", {"expression": "exp(-x^2)", "lower": "-oo", "upper": "oo"})
    assert back(out["result"]) == sympy.sqrt(sympy.pi)
    assert out["check_agrees"] is True
    out = run_tool("integrate", {"expression": "1/x", "lower": 1, "upper": "oo"})
    assert out["result"] == "oo" and out["note"] == "the integral diverges"


def test_indefinite_integral_differentiates_back() -> None:
    out = run_tool("integrate", {"expression": "sin(x)^2 + 1/(1+x^2)"})
    assert not out["definite"] and out["numeric"] is None and "constant" in out["note"]
    assert same(sympy.diff(back(out["result"]), x), sympy.sin(x) ** 2 + 1 / (1 + x**2))


def test_oscillating_improper_integral_is_checked_with_the_oscillatory_rule() -> None:
    out = run_tool("integrate", {"expression": "sin(x)/x", "lower": 0, "upper": "oo"})
    assert back(out["result"]) == sympy.pi / 2
    assert out["numeric_check"] == pytest.approx(1.5707963267948966, rel=1e-12)
    assert out["check_agrees"] is True


def test_complex_valued_and_parametric_definite_integrals() -> None:
    out = run_tool("integrate", {"expression": "sqrt(x)", "lower": -1, "upper": 0})
    assert back(out["result"]) == 2 * sympy.I / 3
    assert (out["numeric"], out["numeric_imag"]) == (0.0, pytest.approx(2 / 3, rel=1e-15))
    assert out["check_agrees"] is True
    out = run_tool("integrate", {"expression": "x^2", "lower": "a", "upper": "b"})
    assert same(back(out["result"]), (sympy.Symbol("b") ** 3 - sympy.Symbol("a") ** 3) / 3)
    assert out["numeric"] is None and out["check_agrees"] is None and out["note"] is None


def test_divergent_principal_value_is_reported() -> None:
    out = run_tool("integrate", {"expression": "1/x", "lower": -1, "upper": 1})
    assert out["note"] == "the integral diverges" and out["numeric"] is None


def test_integral_without_closed_form_gets_a_quadrature_value() -> None:
    out = run_tool("integrate", {"expression": "x^x", "lower": 0, "upper": 1})
    assert out["evaluated"] is False and out["result"].startswith("Integral(")
    assert out["numeric_check"] == pytest.approx(0.78343051071213440706, rel=1e-12)


def test_decimal_bounds_stay_exact() -> None:
    out = run_tool("integrate", {"expression": "1", "lower": Decimal("0.1"), "upper": Decimal("0.3")})
    assert out["result"] == "1/5"


def test_integral_bad_input() -> None:
    with pytest.raises(HavocInputError, match="^upper: give both"):
        run_tool("integrate", {"expression": "x", "lower": 0})
    with pytest.raises(HavocInputError, match="^upper: a bound cannot contain"):
        run_tool("integrate", {"expression": "x", "lower": 0, "upper": "2x"})
    with pytest.raises(HavocInputError, match=r"^lower: unknown function 'foo' at column 1"):
        run_tool("integrate", {"expression": "x", "lower": "foo(1)", "upper": 1})
    with pytest.raises(HavocInputError, match="timeout_s"):
        run_tool("integrate", {"expression": "x", "timeout_s": 600})


def test_runaway_integral_times_out_and_its_process_is_gone() -> None:
    start = time.monotonic()
    with pytest.raises(ToolTimeoutError) as info:
        run_tool("integrate", {"expression": "exp(x^7)*sin(x^5)/log(x+2)^3", "timeout_s": 0.5})
    assert str(info.value) == "integrate timed out after 0.5 s"
    assert time.monotonic() - start < 30
    pid = info.value.worker_pid
    assert pid is not None
    end = time.monotonic() + 10
    while Path(f"/proc/{pid}").exists() and time.monotonic() < end:
        time.sleep(0.05)
    assert not Path(f"/proc/{pid}").exists()


# -------------------------------------------------------------------- solve


def _values(out: dict, var: str = "x") -> list:
    return [back(s[var]["exact"]) for s in out["solutions"]]


def test_solve_quadratic() -> None:
    out = run_tool("solve", {"equations": "x^2 - 4 = 0", "variables": "x"})
    assert sorted(_values(out)) == [-2, 2]
    assert sorted(s["x"]["numeric"] for s in out["solutions"]) == [-2.0, 2.0]
    assert out["count"] == 2 and out["complete"] is True and out["kind"] == "equations"
    assert back(out["result"]) in ([{x: -2}, {x: 2}], [{x: 2}, {x: -2}])


def test_solve_expression_means_equal_to_zero_and_complex_roots() -> None:
    out = run_tool("solve", {"equations": "x^2 + 1"})
    roots = {(s["x"]["numeric"], s["x"]["imag"]) for s in out["solutions"]}
    assert roots == {(0.0, 1.0), (0.0, -1.0)}
    assert all(s["x"]["is_real"] is False for s in out["solutions"])


def test_solve_in_the_real_domain() -> None:
    assert run_tool("solve", {"equations": "x^2 + 1 = 0", "domain": "real"})["count"] == 0
    out = run_tool("solve", {"equations": "x^3 = 1", "domain": "real"})
    assert _values(out) == [1] and out["domain"] == "real" and out["complete"] is True
    assert run_tool("solve", {"equations": "x^3 = 1"})["count"] == 3


def test_solve_system() -> None:
    out = run_tool("solve", {"equations": ["x + y = 3", "x - y = 1"], "variables": ["x", "y"]})
    assert out["count"] == 1
    sol = out["solutions"][0]
    assert (back(sol["x"]["exact"]), back(sol["y"]["exact"])) == (2, 1)


def test_solve_nonlinear_system() -> None:
    out = run_tool("solve", {"equations": ["x^2 + y^2 = 25", "y = x + 1"]})
    pairs = sorted((s["x"]["numeric"], s["y"]["numeric"]) for s in out["solutions"])
    assert pairs == [(-4.0, -3.0), (3.0, 4.0)]


def test_solve_quintic_gives_numeric_roots() -> None:
    out = run_tool("solve", {"equations": "x^5 - x + 1 = 0"})
    assert out["count"] == 5
    real = [s["x"]["numeric"] for s in out["solutions"] if s["x"]["is_real"]]
    assert real == [pytest.approx(-1.1673039782614187, rel=1e-14)]


def test_solve_periodic_equation_says_it_is_incomplete() -> None:
    out = run_tool("solve", {"equations": "sin(x) = 0"})
    assert 0 in _values(out)
    assert out["complete"] is False and "ImageSet" in out["solution_set"]


def test_solve_inequality() -> None:
    out = run_tool("solve", {"equations": "x^2 < 4"})
    assert out["kind"] == "inequality"
    assert back(out["result"]) == sympy.And(sympy.Lt(-2, x), sympy.Lt(x, 2))


def test_solve_bad_input() -> None:
    with pytest.raises(HavocInputError, match="^equations: the equations contain no variable"):
        run_tool("solve", {"equations": "1 = 2"})
    with pytest.raises(HavocInputError, match=r"^equations\[1\]: unknown function 'ff' at column 1"):
        run_tool("solve", {"equations": ["x = 1", "ff(x) = 2"]})
    with pytest.raises(HavocInputError, match="'!=' cannot be solved"):
        run_tool("solve", {"equations": "x != 2"})
    with pytest.raises(HavocInputError, match=r"^variables\[0\]: "):
        run_tool("solve", {"equations": "x = 2", "variables": ["2x"]})
    with pytest.raises(HavocInputError, match="^equations: is empty"):
        run_tool("solve", {"equations": []})


# ----------------------------------------------------------------- simplify


@pytest.mark.parametrize(
    ("expression", "method", "expected"),
    [
        ("sin(x)^2 + cos(x)^2", "simplify", sympy.Integer(1)),
        ("(x+1)^2", "expand", x**2 + 2 * x + 1),
        ("x^2 - 1", "factor", (x - 1) * (x + 1)),
        ("2 sin(x) cos(x)", "trigsimp", sympy.sin(2 * x)),
        ("(x^2 - 1)/(x - 1)", "cancel", x + 1),
        ("1/(x^2 - 1)", "apart", 1 / (2 * (x - 1)) - 1 / (2 * (x + 1))),
    ],
)
def test_simplify_methods(expression: str, method: str, expected: sympy.Expr) -> None:
    out = run_tool("simplify", {"expression": expression, "method": method})
    assert back(out["result"]) == expected
    assert out["changed"] is True and out["method"] == method


def test_gigantic_results_are_refused_in_one_line() -> None:
    with pytest.raises(HavocInputError, match="^result: the result is longer than 100000 characters$"):
        run_tool("simplify", {"expression": "(x+1)^1200", "method": "expand"})


def test_simplify_unknown_method() -> None:
    with pytest.raises(HavocInputError, match="method"):
        run_tool("simplify", {"expression": "x", "method": "eval"})


# -------------------------------------------------------------------- limit


def test_limits() -> None:
    out = run_tool("limit", {"expression": "sin(x)/x", "variable": "x", "point": 0})
    assert out["result"] == "1" and out["exists"] and out["finite"] and out["numeric"] == 1.0
    assert back(run_tool("limit", {"expression": "(1 + 1/n)^n", "point": "oo"})["result"]) == sympy.E
    out = run_tool("limit", {"expression": "1/x", "point": 0, "direction": "+"})
    assert out["result"] == "oo" and out["exists"] and not out["finite"]
    assert run_tool("limit", {"expression": "1/x", "point": 0, "direction": "-"})["result"] == "-oo"


def test_one_sided_limit_written_in_the_point() -> None:
    out = run_tool("limit", {"expression": "1/x", "point": "0+"})
    assert out["result"] == "oo" and out["direction"] == "+"
    assert run_tool("limit", {"expression": "1/x", "point": "0-"})["result"] == "-oo"
    with pytest.raises(HavocInputError, match="^direction: "):
        run_tool("limit", {"expression": "1/x", "point": "0+", "direction": "-"})


def test_two_sided_limit_that_does_not_exist() -> None:
    out = run_tool("limit", {"expression": "abs(x)/x", "point": 0})
    assert out["exists"] is False and (out["left"], out["right"]) == ("-1", "1")
    out = run_tool("limit", {"expression": "1/x", "point": 0})
    assert out["exists"] is False and (out["left"], out["right"]) == ("-oo", "oo")
    out = run_tool("limit", {"expression": "sin(1/x)", "point": 0})
    assert out["exists"] is False and "AccumBounds" in out["result"]


def test_limit_bad_input() -> None:
    with pytest.raises(HavocInputError, match="direction"):
        run_tool("limit", {"expression": "x", "point": 0, "direction": "up"})
    with pytest.raises(HavocInputError, match="point"):
        run_tool("limit", {"expression": "x"})
    with pytest.raises(HavocInputError, match="^point: the point cannot contain"):
        run_tool("limit", {"expression": "x", "point": "x+1"})


# ------------------------------------------------------------------- series


def test_series_of_exp() -> None:
    out = run_tool("series", {"expression": "exp(x)", "variable": "x", "point": 0, "order": 6})
    expected = sum(x**k / sympy.factorial(k) for k in range(6))
    assert back(out["polynomial"]) == expected
    assert back(out["result"]) == expected + sympy.O(x**6)
    assert [back(c) for c in out["coefficients"]] == [1 / sympy.factorial(k) for k in range(6)]


def test_series_about_another_point() -> None:
    out = run_tool("series", {"expression": "log(x)", "point": 1, "order": 4})
    assert [back(c) for c in out["coefficients"]] == [0, 1, sympy.Rational(-1, 2), sympy.Rational(1, 3)]
    assert same(back(out["polynomial"]), (x - 1) - (x - 1) ** 2 / 2 + (x - 1) ** 3 / 3)
    assert "O(" in out["result"]


# ------------------------------------------------------------------- matrix


def test_matrix_operations() -> None:
    m = [[1, 2], [3, 4]]
    assert run_tool("matrix", {"matrix": m, "operation": "determinant"})["value"]["numeric"] == -2.0
    inv = run_tool("matrix", {"matrix": m, "operation": "inverse"})
    assert inv["rows"] == [["-2", "1"], ["3/2", "-1/2"]]
    assert back(inv["result"]) == sympy.Matrix(m).inv()
    assert run_tool("matrix", {"matrix": [[1, 2], [2, 4]], "operation": "rank"})["result"] == "1"
    assert run_tool("matrix", {"matrix": [[1, 2, 3]], "operation": "transpose"})["rows"] == [["1"], ["2"], ["3"]]
    assert run_tool("matrix", {"matrix": [["a", "b"], ["c", "d"]], "operation": "determinant"})["result"] == "a*d - b*c"


def test_nullspace_and_characteristic_polynomial() -> None:
    out = run_tool("matrix", {"matrix": [[1, 2], [2, 4]], "operation": "nullspace"})
    assert out["rows"] == [["-2", "1"]]
    assert run_tool("matrix", {"matrix": [[1, 0], [0, 1]], "operation": "nullspace"})["rows"] == []
    out = run_tool("matrix", {"matrix": [[2, 1], [1, 2]], "operation": "charpoly"})
    lam = sympy.Symbol("lamda")
    assert back(out["result"]) == lam**2 - 4 * lam + 3 and "\\lambda" in out["latex"]


def test_eigenvalues_with_multiplicity() -> None:
    out = run_tool("matrix", {"matrix": [[2, 0, 0], [0, 2, 0], [0, 0, 5]], "operation": "eigenvalues"})
    assert [(e["value"]["exact"], e["multiplicity"]) for e in out["eigenvalues"]] == [("2", 2), ("5", 1)]
    out = run_tool("matrix", {"matrix": [[2, 1], [1, 2]], "operation": "eigenvectors"})
    assert [e["value"]["numeric"] for e in out["eigenvalues"]] == [1.0, 3.0]
    assert out["eigenvalues"][1]["vectors"] == [["1", "1"]]


def test_matrix_bad_input() -> None:
    with pytest.raises(HavocInputError, match="^matrix: is singular"):
        run_tool("matrix", {"matrix": [[1, 2], [2, 4]], "operation": "inverse"})
    with pytest.raises(HavocInputError, match="^matrix: row 1 has 1 entries"):
        run_tool("matrix", {"matrix": [[1, 2], [3]], "operation": "determinant"})
    with pytest.raises(HavocInputError, match="^matrix: determinant needs a square matrix"):
        run_tool("matrix", {"matrix": [[1, 2, 3], [4, 5, 6]], "operation": "determinant"})
    with pytest.raises(HavocInputError, match=r"^matrix\[0\]\[1\]: names may not start"):
        run_tool("matrix", {"matrix": [[1, "__import__('os')"], [3, 4]]})
    with pytest.raises(HavocInputError, match="^matrix: is empty"):
        run_tool("matrix", {"matrix": []})


# ----------------------------------------------------------------- evaluate


def test_evaluate() -> None:
    out = run_tool("evaluate", {"expression": "sin(x)", "values": {"x": 1}})
    assert out["value"] == pytest.approx(0.8414709848078965, rel=1e-15) and out["is_real"] and out["finite"]
    out = run_tool("evaluate", {"expression": "x/3 + y", "values": {"x": 1, "y": Decimal("0.1"), "z": 2},
                                "exact": True})
    assert out["exact"] == "13/30" and out["unused"] == ["z"]
    out = run_tool("evaluate", {"expression": "sqrt(x)", "values": {"x": -4}})
    assert out["value"] is None and out["imag"] == 2.0 and out["is_real"] is False
    out = run_tool("evaluate", {"expression": "1/x", "values": {"x": 0}})
    assert out["finite"] is False and out["value"] is None
    out = run_tool("evaluate", {"expression": "pi", "digits": 30})
    assert out["result"] == "3.14159265358979323846264338328"
    out = run_tool("evaluate", {"expression": "cos(x)", "values": {"x": "pi/3"}})
    assert out["value"] == pytest.approx(0.5, abs=1e-15)


def test_evaluate_at_several_points_in_one_call() -> None:
    out = run_tool("evaluate", {"expression": "a*x^2", "values": {"a": 2},
                                "points": [{"x": 1}, {"x": Decimal("0.5")}, {"x": "sqrt(2)"}]})
    assert [p["value"] for p in out["points"]] == [2.0, 0.5, pytest.approx(4.0, rel=1e-15)]
    assert out["value"] == 2.0 and out["result"] == "2.00000000000000"
    with pytest.raises(HavocInputError, match=r"^points\[1\]: no value for x"):
        run_tool("evaluate", {"expression": "x", "points": [{"x": 1}, {"y": 2}]})


def test_evaluate_keeps_huge_values_safe() -> None:
    out = run_tool("evaluate", {"expression": "x^x^x", "values": {"x": 10}})
    assert out["finite"] and out["value"] is None and "e+10000000000" in out["result"]


def test_sympy_refusals_become_one_line_input_errors() -> None:
    with pytest.raises(HavocInputError, match="^expression: evaluation is not possible here: "):
        run_tool("evaluate", {"expression": "factorial2(x)", "values": {"x": 1.75}})


def test_evaluate_bad_input() -> None:
    with pytest.raises(HavocInputError, match="^values: no value for y"):
        run_tool("evaluate", {"expression": "x + y", "values": {"x": 1}})
    with pytest.raises(HavocInputError, match=r"^values\.x: a value must be a number"):
        run_tool("evaluate", {"expression": "x", "values": {"x": "y + 1"}})
    with pytest.raises(HavocInputError, match=r"^values\.__class__: "):
        run_tool("evaluate", {"expression": "x", "values": {"__class__": 1, "x": 1}})


# --------------------------------------------------------------- round trip


@pytest.mark.parametrize(
    ("tool", "args"),
    [
        ("integrate", {"expression": "sin(x)/x"}),  # Si(x)
        ("integrate", {"expression": "exp(x^2)"}),  # erfi
        ("integrate", {"expression": "1/log(x)"}),  # li
        ("differentiate", {"expression": "gamma(x)"}),  # polygamma(0, x)
        ("differentiate", {"expression": "abs(x) + atan2(y, x)", "variable": "x"}),
        ("integrate", {"expression": "exp(-x^2)", "lower": 0, "upper": 1}),  # erf(1)
        ("limit", {"expression": "(1+1/x)^x", "point": "oo"}),
        ("series", {"expression": "cos(x)", "order": 4}),
    ],
)
def test_results_parse_back_with_our_own_parser(tool: str, args: dict) -> None:
    """The AUDIT feeds results back into `evaluate`: SymPy's output must be readable by safe_expr."""
    from tools.safe_expr import parse_sympy

    out = run_tool(tool, args)
    text = out.get("polynomial") or out["result"]
    assert parse_sympy(text) == back(text)


def test_solution_values_parse_back() -> None:
    from tools.safe_expr import parse_sympy

    out = run_tool("solve", {"equations": "x*exp(x) = 1"})
    value = out["solutions"][0]["x"]["exact"]
    assert "LambertW" in value and parse_sympy(value) == back(value)
    assert out["solutions"][0]["x"]["numeric"] == pytest.approx(0.5671432904097838, rel=1e-15)


# ------------------------------------------------------------------ hostile


@pytest.mark.parametrize("tool", ["differentiate", "integrate", "simplify", "series", "evaluate"])
def test_hostile_expression_through_every_tool(tool: str, tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    payload = f"__import__('os').system('touch {marker}')"
    with pytest.raises(HavocInputError) as info:
        run_tool(tool, {"expression": payload})
    assert str(info.value) == "expression: names may not start with '_' at column 1"
    assert not marker.exists()


def test_hostile_equations_and_variables(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    with pytest.raises(HavocInputError, match=r"^equations: unexpected character"):
        run_tool("solve", {"equations": f"x = eval(\"open('{marker}', 'w')\")"})
    with pytest.raises(HavocInputError, match="^variable: "):
        run_tool("differentiate", {"expression": "x", "variable": "x.__class__"})
    with pytest.raises(HavocInputError, match="^expression: "):
        run_tool("integrate", {"expression": "9**9**9**9"})
    assert not marker.exists()


def test_cli_exit_code_2_and_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    from havoc_agent.cli import main

    code = main(["tool", "run", "differentiate", "--args", json.dumps({"expression": "().__class__"})])
    err = capsys.readouterr().err
    assert code == 2
    assert err.strip() == "error: expression: unexpected character '.' at column 3"
    code = main(["tool", "run", "integrate", "--args", '{"expression": "x^2", "lower": 0, "upper": 1}'])
    assert code == 0
    assert json.loads(capsys.readouterr().out)["result"] == "1/3"


def test_no_worker_left_running_after_the_tests_here() -> None:
    from tools import worker

    for pid in worker.worker_pids():
        assert os.path.exists(f"/proc/{pid}")  # idle pool workers are alive and accounted for
    assert len(worker.worker_pids()) <= worker.MAX_IDLE_WORKERS


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("xy12.^*()+-/ e!,=sinqrtlogabcπ√")), min_size=1, max_size=30))
def test_random_text_through_tools_never_breaks(text: str) -> None:
    """Whatever is typed: a result, or a one-line input error; never another exception."""
    for name, args in (("differentiate", {"expression": text, "variable": "x", "timeout_s": 5}),
                       ("evaluate", {"expression": text, "values": {"x": 0.5, "y": 2}, "timeout_s": 5})):
        try:
            out = run_tool(name, args)
        except HavocInputError as exc:
            assert "\n" not in str(exc)
        else:
            json.dumps(out)


@pytest.mark.parametrize(("expression", "expected"), [
    ("(x^3 - 8)/(x - 2)", "x**2 + 2*x + 4"),
    ("(x^2 - 1)/(x + 1)", "x - 1"),
    ("(x^2 + 2x + 1)/(x^2 - 1)", "(x + 1)/(x - 1)"),
    ("exp(x)/(exp(x) + 1)", "exp(x)/(exp(x) + 1)"),
])
def test_simplify_cancels_common_factors(expression: str, expected: str) -> None:
    import sympy

    out = run_tool("simplify", {"expression": expression})
    assert sympy.simplify(sympy.sympify(out["result"]) - sympy.sympify(expected)) == 0
    assert sympy.srepr(sympy.sympify(out["result"])) == sympy.srepr(sympy.sympify(expected))
