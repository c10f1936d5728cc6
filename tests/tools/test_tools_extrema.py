"""The extrema tool against hand-worked textbook cases: each critical point, its classification by the test that
decides it, and the absolute extremes on a closed interval (Stewart, Calculus, §4.1 and §4.3; §14.7 for two
variables). The worked values are written out here, not recomputed by SymPy."""

from __future__ import annotations

import math

import pytest

from tools.errors import HavocInputError
from tools.registry import run_tool


def _points(out: dict) -> list[tuple[tuple[float, ...], float, str]]:
    names = out["variables"]
    return [(tuple(p["point"][n]["numeric"] for n in names), p["value"]["numeric"], p["kind"]) for p in out["points"]]


def test_a_cubic_has_a_local_max_and_a_local_min_and_no_absolute_extreme() -> None:
    out = run_tool("extrema", {"expression": "x^3 - 3*x^2 - 9*x + 5"})  # f' = 3(x + 1)(x − 3)
    assert _points(out) == [((-1.0,), 10.0, "local maximum"), ((3.0,), -22.0, "local minimum")]
    assert out["gradient"] == ["3*x**2 - 6*x - 9"]
    assert out["absolute_max"] is None and out["absolute_min"] is None
    assert out["points"][0]["test"] == "f''(-1) = -12 < 0"


def test_a_downward_parabola_has_its_absolute_maximum_at_the_vertex() -> None:
    out = run_tool("extrema", {"expression": "-2*x^2 + 8*x + 3"})
    assert _points(out) == [((2.0,), 11.0, "local maximum")]
    assert out["absolute_max"]["value"]["numeric"] == 11.0 and out["absolute_max"]["at"] == ["2"]
    assert out["absolute_min"] is None


def test_on_a_closed_interval_the_ends_compete() -> None:
    # Stewart's closed-interval method: f(x) = x^3 − 3x on [−3, 2]: f(−3) = −18, f(−1) = 2, f(1) = −2, f(2) = 2
    out = run_tool("extrema", {"expression": "x^3 - 3*x", "lower": -3, "upper": 2})
    assert _points(out) == [((-1.0,), 2.0, "local maximum"), ((1.0,), -2.0, "local minimum")]
    assert out["absolute_max"]["value"]["numeric"] == 2.0 and out["absolute_max"]["at"] == ["-1", "2"] and \
        out["absolute_max"]["end"] == [None, "right"]
    assert out["absolute_min"]["value"]["numeric"] == -18.0 and out["absolute_min"]["at"] == ["-3"] and out["absolute_min"]["end"] == ["left"]


def test_higher_derivatives_decide_when_the_second_vanishes() -> None:
    quartic, cubic = run_tool("extrema", {"expression": "x^4"}), run_tool("extrema", {"expression": "x^3"})
    assert _points(quartic) == [((0.0,), 0.0, "local minimum")] and "order 4" in quartic["points"][0]["test"]
    assert _points(cubic) == [((0.0,), 0.0, "no extremum")] and "odd order 3" in cubic["points"][0]["test"]


def test_a_corner_is_a_critical_point_decided_by_the_sign_of_the_derivative() -> None:
    out = run_tool("extrema", {"expression": "abs(x - 1)"})
    assert _points(out) == [((1.0,), 0.0, "local minimum")]
    assert out["points"][0]["derivative_exists"] is False and "from − to +" in out["points"][0]["test"]


def test_a_trigonometric_function_needs_an_interval() -> None:
    with pytest.raises(HavocInputError, match="infinitely many"):
        run_tool("extrema", {"expression": "sin(x)"})
    out = run_tool("extrema", {"expression": "sin(x)", "lower": 0, "upper": "2*pi"})
    assert [(p[0][0], p[2]) for p in _points(out)] == [(pytest.approx(math.pi / 2), "local maximum"),
                                                       (pytest.approx(3 * math.pi / 2), "local minimum")]
    assert out["absolute_max"]["value"]["numeric"] == 1.0 and out["absolute_min"]["value"]["numeric"] == -1.0


def test_two_variables_classified_by_the_hessian() -> None:
    # f = x^3 − 3xy + y^3: ∇f = 0 at (0, 0) (D = −9, a saddle) and (1, 1) (D = 27, f_xx = 6: a minimum, f = −1)
    out = run_tool("extrema", {"expression": "x^3 - 3*x*y + y^3"})
    assert _points(out) == [((0.0, 0.0), 0.0, "saddle point"), ((1.0, 1.0), -1.0, "local minimum")]


def test_a_zero_eigenvalue_is_reported_as_undetermined() -> None:
    out = run_tool("extrema", {"expression": "x^4 + y^4"})
    assert _points(out) == [((0.0, 0.0), 0.0, "undetermined")] and "says nothing" in out["points"][0]["test"]


def test_no_critical_point_and_a_function_not_continuous_on_the_line() -> None:
    exp = run_tool("extrema", {"expression": "exp(x)"})
    assert exp["count"] == 0 and exp["absolute_max"] is None
    hyperbola = run_tool("extrema", {"expression": "x + 1/x"})
    assert _points(hyperbola) == [((-1.0,), -2.0, "local maximum"), ((1.0,), 2.0, "local minimum")]
    assert any("continuous only on" in n for n in hyperbola["notes"])


def test_on_a_half_line_an_open_end_is_only_approached() -> None:
    # C(x) = 3x + 200/x^2 for x > 0: C'(x) = 3 − 400/x^3 = 0 at x = (400/3)^(1/3) ≈ 5.1087, where 200/x^2 = 3x/2,
    # so C = 4.5 x ≈ 22.989; C → ∞ at 0+ and at ∞: a minimum, no maximum
    out = run_tool("extrema", {"expression": "3*x + 200/x^2", "lower": 0, "lower_open": True})
    x = (400 / 3) ** (1 / 3)
    [(where, value, kind)] = _points(out)
    assert kind == "local minimum" and math.isclose(where[0], x, rel_tol=1e-12)
    assert math.isclose(value, 4.5 * x, rel_tol=1e-12)
    assert out["interval"] == "(0, oo)"
    assert math.isclose(out["absolute_min"]["value"]["numeric"], 4.5 * x, rel_tol=1e-12)
    assert out["absolute_max"] is None and any("no absolute maximum" in n for n in out["notes"])


def test_a_closed_end_of_a_half_line_competes_and_an_open_end_does_not() -> None:
    # x e^(−x) on [0, ∞): f(0) = 0 is the minimum, f(1) = 1/e the maximum, and f → 0 at ∞ (never below 0)
    out = run_tool("extrema", {"expression": "x*exp(-x)", "lower": 0})
    assert out["interval"] == "[0, oo)"
    assert out["absolute_max"]["at"] == ["1"] and math.isclose(out["absolute_max"]["value"]["numeric"], 1 / math.e)
    assert out["absolute_min"]["at"] == ["0"] and out["absolute_min"]["end"] == ["left"]
    # x^2 on (−1, 2]: the minimum 0 at the vertex, the maximum 4 at the closed right end
    out = run_tool("extrema", {"expression": "x^2", "lower": -1, "upper": 2, "lower_open": True})
    assert out["absolute_max"]["at"] == ["2"] and out["absolute_max"]["end"] == ["right"]
    assert out["absolute_min"]["at"] == ["0"] and out["absolute_min"]["end"] == [None]
    # x on (0, 1): no critical point and no closed end, so neither extreme is attained
    out = run_tool("extrema", {"expression": "x", "lower": 0, "upper": 1, "lower_open": True, "upper_open": True})
    assert out["absolute_max"] is None and out["absolute_min"] is None
    # x^2 on (−1, 1): the maximum 1 is approached at both open ends but never reached
    out = run_tool("extrema", {"expression": "x^2", "lower": -1, "upper": 1, "lower_open": True, "upper_open": True})
    assert out["absolute_min"]["value"]["numeric"] == 0.0 and out["absolute_max"] is None


@pytest.mark.parametrize("args, message", [
    ({"expression": "x^2", "upper_open": True}, "open end needs its bound"),
    ({"expression": "1/x", "lower": -1, "lower_open": True}, "not continuous"),
    ({"expression": "x^2", "lower": 3, "upper": 1}, "below its upper end"),
    ({"expression": "x*y", "lower": 0, "upper": 1}, "one variable"),
    ({"expression": "a*x^2", "variables": "x"}, "also contains a"),
    ({"expression": "1/x", "lower": -1, "upper": 1}, "not continuous"),
    ({"expression": "x^2 + __import__(1)"}, "expression"),
])
def test_bad_input_is_one_clear_line(args: dict, message: str) -> None:
    with pytest.raises(HavocInputError, match=message):
        run_tool("extrema", args)


def test_where_an_absolute_extreme_is_attained_is_also_given_as_a_number() -> None:
    out = run_tool("extrema", {"expression": "sin(x)", "lower": 0, "upper": "2*pi"})
    assert out["absolute_max"]["at"] == ["pi/2"] and out["absolute_max"]["at_numeric"] == [pytest.approx(math.pi / 2)]
    assert out["absolute_min"]["at_numeric"] == [pytest.approx(3 * math.pi / 2)]
