"""`regression` against statsmodels OLS: multiple, polynomial, no intercept; both numeric paths."""

from __future__ import annotations

from contextvars import ContextVar
from decimal import Decimal

import numpy as np
import pytest
import statsmodels.api as sm
from hypothesis import given, settings
from hypothesis import strategies as st

from tools import registry
from tools.errors import HavocInputError
from tools.registry import run_tool

rng = np.random.default_rng(21)
N = 40
XS = rng.normal(size=(N, 3)) * [1.0, 10.0, 0.1] + [5.0, -20.0, 1.0]
YS = 2.0 + XS @ np.array([1.5, -0.3, 8.0]) + rng.normal(0, 0.7, N)


def _compare(r: dict, fit, rel: float = 1e-9) -> None:
    assert r["coefficients"] == pytest.approx(fit.params, rel=rel)
    assert r["standard_errors"] == pytest.approx(fit.bse, rel=rel)
    assert r["t_values"] == pytest.approx(fit.tvalues, rel=rel)
    assert r["p_values"] == pytest.approx(fit.pvalues, rel=1e-7)
    assert r["r_squared"] == pytest.approx(fit.rsquared, rel=rel)
    assert r["adj_r_squared"] == pytest.approx(fit.rsquared_adj, rel=rel)
    assert r["f_statistic"] == pytest.approx(fit.fvalue, rel=rel)
    assert r["f_p_value"] == pytest.approx(fit.f_pvalue, rel=1e-7, abs=1e-300)
    assert r["residual_ss"] == pytest.approx(fit.ssr, rel=rel)
    assert r["residual_df"] == fit.df_resid and r["regression_df"] == fit.df_model
    ci = np.asarray(fit.conf_int(0.05))
    assert r["ci_low"] == pytest.approx(ci[:, 0], rel=rel)
    assert r["ci_high"] == pytest.approx(ci[:, 1], rel=rel)


@pytest.mark.parametrize("as_array", [False, True], ids=["lists", "arrays"])
@pytest.mark.parametrize("float_path", [False, True], ids=["decimal-path", "float-path"])
def test_multiple_regression(as_array: bool, float_path: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    if float_path:  # the path problems above DECIMAL_CELLS cells take
        monkeypatch.setattr("tools.regression.use_decimal", lambda n, p: False)
        monkeypatch.setattr(registry, "_in_process", ContextVar("in_process", default=True))  # the patch is here
    rows = XS if as_array else XS.tolist()
    y = YS if as_array else YS.tolist()
    r = run_tool("regression", {"y": y, "X": rows, "names": ["temp", "time", "conc"]})
    _compare(r, sm.OLS(YS, sm.add_constant(XS)).fit())
    assert r["terms"] == ["intercept", "temp", "time", "conc"]
    assert ("decimal" in r["method"]) == (not float_path)


def test_float_path_polynomial_without_intercept(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("tools.regression.use_decimal", lambda n, p: False)
    monkeypatch.setattr(registry, "_in_process", ContextVar("in_process", default=True))  # the patch is here
    x = np.linspace(0.5, 4.0, 25)
    y = 0.7 * x - 0.2 * x**2 + rng.normal(0, 0.1, 25)
    r = run_tool("regression", {"y": y, "x": x, "degree": 2, "intercept": False})
    _compare(r, sm.OLS(y, np.column_stack([x, x**2])).fit())
    assert "float64" in r["method"]


def test_no_intercept_reports_uncentred_r_squared() -> None:
    r = run_tool("regression", {"y": YS.tolist(), "X": XS.tolist(), "intercept": False})
    fit = sm.OLS(YS, XS).fit()  # statsmodels also uses the uncentred R^2 without a constant
    _compare(r, fit)
    assert r["r_squared"] == pytest.approx(1 - fit.ssr / np.sum(YS**2), rel=1e-12)
    assert "uncentred" in r["r_squared_kind"]


@pytest.mark.parametrize("degree", [1, 2, 4])
def test_polynomial(degree: int) -> None:
    x = np.linspace(-3.0, 7.0, 30) + rng.normal(0, 0.05, 30)
    y = 1.0 - 0.5 * x + 0.2 * x**2 + rng.normal(0, 0.3, 30)
    r = run_tool("regression", {"y": y.tolist(), "x": x.tolist(), "degree": degree})
    fit = sm.OLS(y, np.vander(x, degree + 1, increasing=True)).fit()
    _compare(r, fit, rel=1e-8)
    assert len(r["coefficients"]) == degree + 1


def test_anova_table_adds_up() -> None:
    r = run_tool("regression", {"y": YS.tolist(), "X": XS.tolist()})
    assert r["regression_ss"] + r["residual_ss"] == pytest.approx(r["total_ss"], rel=1e-13)
    assert r["regression_ms"] == pytest.approx(r["regression_ss"] / 3, rel=1e-14)
    assert r["residual_sd"] ** 2 == pytest.approx(r["residual_ms"], rel=1e-13)
    assert len(r["residuals"]) == N
    s = r["residual_summary"]
    assert s["min"] <= s["q1"] <= s["median"] <= s["q3"] <= s["max"]


def test_exact_fit_is_recognised() -> None:
    x = [Decimal(i) for i in range(8)]
    y = [3 + 2 * v - v * v for v in x]
    r = run_tool("regression", {"y": y, "x": x, "degree": 2})
    assert r["exact_fit"] is True
    assert r["coefficients"] == [3.0, 2.0, -1.0]
    assert r["standard_errors"] == [0.0, 0.0, 0.0] and r["residual_sd"] == 0.0
    assert r["f_statistic"] == "Infinity" and r["f_p_value"] == 0.0 and r["warnings"]  # strict JSON, as NIST writes it


def test_decimal_and_float_paths_agree_on_ordinary_data(monkeypatch: pytest.MonkeyPatch) -> None:
    a = run_tool("regression", {"y": YS.tolist(), "X": XS.tolist()})
    monkeypatch.setattr("tools.regression.use_decimal", lambda n, p: False)
    monkeypatch.setattr(registry, "_in_process", ContextVar("in_process", default=True))  # the patch is here
    b = run_tool("regression", {"y": YS, "X": XS})
    assert a["coefficients"] == pytest.approx(b["coefficients"], rel=1e-11)
    assert a["standard_errors"] == pytest.approx(b["standard_errors"], rel=1e-10)


def test_large_offsets_in_predictors_are_harmless() -> None:
    """Years such as 1947..1962 next to an intercept: centring in decimal keeps every digit."""
    years = [Decimal(1947 + i) + Decimal("0.000001") * (i % 3) for i in range(16)]
    y = [Decimal(5) + Decimal("0.25") * v + Decimal(i % 2) / 10 for i, v in enumerate(years)]
    r = run_tool("regression", {"y": y, "X": [[v] for v in years]})
    fit = sm.OLS(np.array(y, dtype=float), sm.add_constant(np.array(years, dtype=float))).fit()
    assert r["coefficients"][1] == pytest.approx(fit.params[1], rel=1e-6)


def test_singular_design_is_refused() -> None:
    rows = [[v, 2 * v] for v in XS[:, 0].tolist()]
    with pytest.raises(HavocInputError, match="singular"):
        run_tool("regression", {"y": YS.tolist(), "X": rows})


def test_standard_errors_agree_by_both_decimal_routes(monkeypatch: pytest.MonkeyPatch) -> None:
    """The per-column augmented refinement (fallback for very ill-conditioned designs) matches the Gram route."""
    import json
    from pathlib import Path

    case = json.loads((Path(__file__).parent.parent / "data" / "nist" / "strd_lls_Filip.json").read_text(),
                      parse_float=Decimal)
    gram = run_tool("regression", case["input"])
    monkeypatch.setattr("tools.stats_lsq._inverse_gram_diagonal", lambda design, r: None)
    augmented = run_tool("regression", case["input"])
    assert augmented["standard_errors"] == pytest.approx(gram["standard_errors"], rel=1e-13)
    certified = [float(v) for v in case["expected"]["standard_errors"]]
    assert augmented["standard_errors"] == pytest.approx(certified, rel=1e-12)


@settings(max_examples=15, deadline=None)
@given(st.integers(5, 12), st.integers(0, 10**6))
def test_slope_is_invariant_to_a_large_decimal_shift_of_x(exponent: int, seed: int) -> None:
    local = np.random.default_rng(seed)
    x = [Decimal(int(v)) / 100 for v in local.integers(0, 1000, 12)]
    if len(set(x)) < 3:
        return
    y = [Decimal(3) + Decimal("0.5") * v + Decimal(int(e)) / 1000 for v, e in zip(x, local.integers(-500, 500, 12),
                                                                                  strict=True)]
    shift = Decimal(10) ** exponent
    plain = run_tool("regression", {"y": y, "x": x})
    moved = run_tool("regression", {"y": y, "x": [v + shift for v in x]})
    assert moved["coefficients"][1] == pytest.approx(plain["coefficients"][1], rel=1e-12)
    assert moved["standard_errors"][1] == pytest.approx(plain["standard_errors"][1], rel=1e-12)
    assert moved["residual_ss"] == pytest.approx(plain["residual_ss"], rel=1e-12)


def test_a_quadratic_reports_where_it_turns() -> None:
    x = [0.5, 1.0, 1.5, 2.0, 2.5, 3.0, 3.5, 4.0, 4.5, 5.0]
    y = [3.9, 4.9, 5.8, 7.0, 7.3, 7.9, 8.1, 8.0, 7.7, 7.2]
    out = run_tool("regression", {"x": x, "y": y, "degree": 2})
    b0, b1, b2 = out["coefficients"]
    assert out["vertex_x"] == pytest.approx(-b1 / (2 * b2)) and out["vertex_kind"] == "maximum"
    assert out["vertex_y"] == pytest.approx(b0 + b1 * out["vertex_x"] + b2 * out["vertex_x"] ** 2)
    assert run_tool("regression", {"x": x, "y": y})["vertex_x"] is None
