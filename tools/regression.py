"""Linear least squares with full inference: simple, multiple and polynomial, with or without intercept.

Why this is more than `np.linalg.lstsq`: HAVOC promises NIST StRD certified digits (Filip, Wampler1-5,
Longley) from the decimal text the user typed. The numerics live in `tools.stats_lsq`; this module builds
the design (raw basis, its centred and scaled twin, and the exact map between them) and the ANOVA table.
No-intercept models report NIST's uncentred R^2 = 1 - RSS / sum(y^2), as R and Minitab do.
"""

from __future__ import annotations

import math
from decimal import Decimal, localcontext
from math import comb
from typing import Any

import numpy as np
from pydantic import BaseModel, ConfigDict, Field

from tools.errors import HavocInputError
from tools.numeric import Numbers, _check_scalar, decimal_shift, exact_decimals, to_decimal
from tools.registry import register
from tools.stats_common import StatResult, check_probability, f_p_value
from tools.stats_lsq import PRECISION, Design, solve, use_decimal


class RegressionArgs(BaseModel):
    model_config = ConfigDict(populate_by_name=True)

    y: Numbers("y")  # type: ignore[valid-type]
    x: Numbers("x") | None = Field(None, description="the one predictor of a simple or polynomial model")  # type: ignore[valid-type]
    degree: int = Field(1, description="polynomial degree in x (1 = straight line)")
    X: Any = Field(None, description="rows of predictor values, one row per observation",  # noqa: N815
                   json_schema_extra={"type": "array", "items": {"type": "array", "items": {"type": "number"}}})
    intercept: bool = True
    names: list[str] | None = Field(None, description="predictor names for the columns of X")
    model: str | None = Field(None, description="informational: polynomial, linear or multilinear")
    confidence: float = 0.95
    at: Any = Field(None, description="new predictor values: numbers (a model in x) or rows (a model in X); "
                                      "gives the fitted mean with its confidence interval and a prediction "
                                      "interval for a new observation at each",
                    json_schema_extra={"type": "array", "items": {"anyOf": [
                        {"type": "number"}, {"type": "array", "items": {"type": "number"}}]}})


class ResidualSummary(BaseModel):
    min: float
    q1: float
    median: float
    q3: float
    max: float


class Prediction(BaseModel):
    at: float | list[float] = Field(description="the predictor value (or row) predicted at")
    fit: float = Field(description="the fitted mean response there")
    se_fit: float = Field(description="standard error of the fitted mean: s sqrt(h), h = x0'(X'X)^-1 x0")
    ci_low: float = Field(description="confidence interval for the mean response")
    ci_high: float
    se_prediction: float = Field(description="s sqrt(1 + h): a new observation's standard error")
    pi_low: float = Field(description="prediction interval for one new observation")
    pi_high: float
    leverage: float = Field(description="h: x0'(X'X)^-1 x0")
    extrapolation: bool = Field(description="outside the range of the fitted predictor values (any column)")


class RegressionResult(StatResult):
    terms: list[str]
    coefficients: list[float] = Field(description="B0..Bk, intercept first when present")
    standard_errors: list[float]
    t_values: list[float | None]
    p_values: list[float | None]
    ci_low: list[float]
    ci_high: list[float]
    confidence: float
    n: int
    intercept: bool
    residual_sd: float
    r_squared: float
    r_squared_kind: str
    adj_r_squared: float | None
    correlation: float | None = Field(None, description="Pearson's r of x and y, for a straight line with an "
                                                        "intercept (the signed square root of R²); else null")
    regression_df: int
    regression_ss: float
    regression_ms: float
    f_statistic: float
    f_p_value: float
    residual_df: int
    residual_ss: float
    residual_ms: float
    total_ss: float
    residual_summary: ResidualSummary
    residuals: list[float] | None = Field(None, description="listed when n <= 5000")
    exact_fit: bool
    condition_number: float = Field(description="of the centred, scaled design actually factorised")
    method: str
    predictions: list[Prediction] | None = Field(None, description="at each `at` value: fitted mean, its CI, "
                                                                   "and the prediction interval")
    vertex_x: float | None = Field(None, description="a quadratic in x with an intercept: where the fitted curve "
                                                     "turns, −B1 / (2 B2)")
    vertex_y: float | None = Field(None, description="the fitted value there")
    vertex_kind: str | None = Field(None, description="maximum (B2 < 0) or minimum (B2 > 0)")
    warnings: list[str] = []


def _distinct_up_to(values: Any, enough: int) -> int:
    """How many distinct values, counting only until `enough` (a million x values usually stop at a few)."""
    seen: set[float] = set()
    for v in values:
        seen.add(float(v))
        if len(seen) >= enough:
            break
    return len(seen)


def _power(base: Decimal, k: int) -> Decimal:
    return base**k if k else Decimal(1)  # Decimal refuses 0 ** 0


def _polynomial_design(x: Any, degree: int, intercept: bool, exact: bool) -> tuple[Design, list[str]]:
    p = degree + (1 if intercept else 0)
    powers = list(range(0 if intercept else 1, degree + 1))
    names = [("intercept" if k == 0 else "x" if k == 1 else f"x^{k}") for k in powers]
    if exact:
        with localcontext() as ctx:
            ctx.prec = PRECISION
            xd = exact_decimals(x)
            lo, hi = min(xd), max(xd)
            if intercept:
                centre, half = (lo + hi) / 2, (hi - lo) / 2
            else:
                centre, half = Decimal(0), max(abs(lo), abs(hi))
            if half == 0:
                raise HavocInputError("all x values are equal (or zero): nothing to fit", field="x")
            raw_rows = [[v**k if k else Decimal(1) for k in powers] for v in xd]
            t = [float((v - centre) / half) for v in xd]
            m_dec = np.empty((p, p), dtype=object)
            for a, j in enumerate(powers):
                for b, k in enumerate(powers):
                    m_dec[a, b] = (Decimal(comb(k, j)) * _power(-centre, k - j) / half**k) if j <= k else Decimal(0)
            raw_dec = np.empty((len(xd), p), dtype=object)
            for i, row in enumerate(raw_rows):
                raw_dec[i, :] = row
        m = m_dec.astype(float)
    else:
        xf = np.asarray(x, dtype=float)
        lo, hi = float(xf.min()), float(xf.max())
        centre, half = ((lo + hi) / 2, (hi - lo) / 2) if intercept else (0.0, max(abs(lo), abs(hi)))
        if half == 0:
            raise HavocInputError("all x values are equal (or zero): nothing to fit", field="x")
        t = (xf - centre) / half
        m = np.zeros((p, p))
        for a, j in enumerate(powers):
            for b, k in enumerate(powers):
                if j <= k:
                    m[a, b] = comb(k, j) * (-centre) ** (k - j) / half**k
        raw_dec, m_dec = None, None
    tf = np.asarray(t, dtype=float)
    scaled = np.empty((tf.size, p))
    col = np.ones_like(tf) if intercept else tf.copy()
    for b in range(p):
        scaled[:, b] = col
        col = col * tf
    return Design(raw_dec=raw_dec, scaled=scaled, m_dec=m_dec, m=m), names


def _matrix(rows: Any, n: int) -> list[list[Any]] | np.ndarray:
    """Rows as given (decimal text kept), or a float array when they arrive as one (the fast path)."""
    if isinstance(rows, np.ndarray):
        arr = rows.reshape(-1, 1) if rows.ndim == 1 else rows
        if arr.ndim != 2 or arr.shape[0] != n or arr.shape[1] == 0:
            raise HavocInputError(f"expected {n} rows of predictors, got an array of shape {rows.shape}", field="X")
        if not np.issubdtype(arr.dtype, np.number) or not np.isfinite(arr).all():
            raise HavocInputError("contains NaN, infinity or non-numbers", field="X")
        return arr.astype(float, copy=False)
    if not isinstance(rows, list) or not rows:
        raise HavocInputError("expected a non-empty list of rows of predictor values", field="X")
    if len(rows) != n:
        raise HavocInputError(f"has {len(rows)} rows but y has {n} values", field="X")
    width = None
    out = []
    for i, row in enumerate(rows):
        if isinstance(row, (int, float, Decimal)) and not isinstance(row, bool):
            row = [row]
        if isinstance(row, np.ndarray):
            row = row.tolist()
        if not isinstance(row, (list, tuple)):
            raise HavocInputError(f"expected a row of numbers, got {type(row).__name__}", field=f"X[{i}]")
        if width is None:
            width = len(row)
            if width == 0:
                raise HavocInputError("rows are empty: give at least one predictor", field="X[0]")
        elif len(row) != width:
            raise HavocInputError(f"has {len(row)} values, row 0 has {width} (ragged rows)", field=f"X[{i}]")
        out.append([_check_scalar(v, f"X[{i}][{j}]") for j, v in enumerate(row)])
    return out


def _multiple_design(rows: list[list[Any]] | np.ndarray, intercept: bool, exact: bool, names: list[str]) -> Design:
    n, k = len(rows), len(rows[0])
    p = k + (1 if intercept else 0)
    cols_f = rows if isinstance(rows, np.ndarray) else np.array([[float(v) for v in row] for row in rows]).reshape(n, k)
    scaled = np.empty((n, p))
    m = np.zeros((p, p))
    m_dec = raw_dec = None
    off = 1 if intercept else 0
    if intercept:
        scaled[:, 0] = 1.0
        m[0, 0] = 1.0
    if exact:
        with localcontext() as ctx:
            ctx.prec = PRECISION
            m_dec = np.array([[Decimal(0)] * p for _ in range(p)], dtype=object)
            raw_dec = np.empty((n, p), dtype=object)
            if intercept:
                raw_dec[:, 0] = Decimal(1)
                m_dec[0, 0] = Decimal(1)
            for j in range(k):
                col = exact_decimals(rows[:, j]) if isinstance(rows, np.ndarray) else [to_decimal(row[j]) for row in rows]
                raw_dec[:, off + j] = col
                centre = sum(col, Decimal(0)) / n if intercept else Decimal(0)
                dev = np.array([float(v - centre) for v in col])
                scale = float(np.sqrt(np.mean(dev * dev)))
                if scale == 0.0:
                    raise HavocInputError(f"column {names[off + j]!r} is constant" + (
                        ": with an intercept it is collinear" if intercept else " zero"), field="X")
                scaled[:, off + j] = dev / scale
                inv = Decimal(1) / Decimal(scale)
                m_dec[off + j, off + j] = inv
                if intercept:
                    m_dec[0, off + j] = -centre * inv
        m = m_dec.astype(float)
    else:
        centre = cols_f.mean(axis=0) if intercept else np.zeros(k)
        dev = cols_f - centre
        scale = np.sqrt(np.mean(dev * dev, axis=0))
        if (scale == 0.0).any():
            j = int(np.argmax(scale == 0.0))
            raise HavocInputError(f"column {names[off + j]!r} is constant" + (
                ": with an intercept it is collinear" if intercept else " zero"), field="X")
        scaled[:, off:] = dev / scale
        m[off:, off:] = np.diag(1.0 / scale)
        if intercept:
            m[0, off:] = -centre / scale
    return Design(raw_dec=raw_dec, scaled=scaled, m_dec=m_dec, m=m)


@register("regression", RegressionArgs)
def regression(args: RegressionArgs) -> RegressionResult:
    """Least-squares regression (simple, multiple, polynomial; with or without intercept) with coefficient tests and ANOVA."""
    from scipy import stats as sps

    confidence = check_probability(args.confidence, "confidence")
    y = args.y
    n = len(y)
    if (args.x is None) == (args.X is None):
        raise HavocInputError("give either x (with degree) or X (rows of predictors), not both or neither", field="x")
    if args.x is not None:
        if len(args.x) != n:
            raise HavocInputError(f"has {len(args.x)} values but y has {n}", field="x")
        if not isinstance(args.degree, int) or not 1 <= args.degree <= 20:
            raise HavocInputError(f"must be an integer from 1 to 20, got {args.degree!r}", field="degree")
        p = args.degree + (1 if args.intercept else 0)
        exact = use_decimal(n, p)
        distinct = _distinct_up_to(args.x, p)
        if distinct < p:
            raise HavocInputError(f"{distinct} distinct x values cannot determine a degree-{args.degree} polynomial",
                                  field="x")
        design, terms = _polynomial_design(args.x, args.degree, args.intercept, exact)
        field = "x"
    else:
        rows = _matrix(args.X, n)
        k = len(rows[0])
        names = args.names or [f"x{j + 1}" for j in range(k)]
        if len(names) != k:
            raise HavocInputError(f"has {len(names)} names for {k} columns of X", field="names")
        terms = (["intercept"] if args.intercept else []) + list(names)
        p = len(terms)
        exact = use_decimal(n, p)
        design = _multiple_design(rows, args.intercept, exact, terms)
        field = "X"
    df_res = n - p
    if df_res < 1:
        raise HavocInputError(f"{n} observations for {p} coefficients leave no residual degrees of freedom",
                              field="y")
    y_dec = exact_decimals(y) if exact else None
    if exact:
        yf = np.array([float(v) for v in y_dec])
        offset = 0.0
    else:
        yf, offset = decimal_shift(y) if args.intercept else (np.asarray([float(v) for v in y]), 0.0)
    fit = solve(design, y_dec, yf, args.intercept, field, terms)
    coef = fit.coefficients.copy()
    if args.intercept and not exact:
        coef[0] += float(offset)
    if fit.tss == 0.0:
        raise HavocInputError("y has no variation to explain (constant, or all zero without an intercept)", field="y")
    reg_df = p - 1 if args.intercept else p
    rss, ess = fit.rss, fit.ess
    res_ms = rss / df_res
    reg_ms = ess / reg_df
    f = math.inf if res_ms == 0.0 else reg_ms / res_ms
    se = np.sqrt(np.maximum(fit.unscaled_cov_diag, 0.0) * res_ms)
    q = float(sps.t.ppf(0.5 + confidence / 2.0, df_res))
    tvals: list[float | None] = []
    pvals: list[float | None] = []
    for b, s in zip(coef, se, strict=True):
        if s > 0:
            t = float(b / s)
            tvals.append(t)
            pvals.append(float(min(1.0, 2.0 * sps.t.sf(abs(t), df_res))))
        else:
            tvals.append(None)
            pvals.append(None)
    resid = fit.residuals
    qs = np.quantile(resid, [0.0, 0.25, 0.5, 0.75, 1.0])
    warnings = []
    if fit.exact_fit:
        warnings.append("the model fits the data exactly: residuals, standard errors and residual SD are 0, F is "
                        "infinite")
    if fit.condition > 1e10:
        warnings.append(f"the design is ill-conditioned even after centring and scaling (condition {fit.condition:.2g})")
    tss_n = (n - 1) if args.intercept else n
    predictions = None
    if args.at is not None:
        predictions = _predictions(args, design, coef, res_ms, q, df_res)
        if any(pr.extrapolation for pr in predictions):
            warnings.append("some prediction points lie outside the range of the data: extrapolation, the model "
                            "may not hold there")
    return RegressionResult(
        terms=terms, coefficients=coef.tolist(), standard_errors=se.tolist(), t_values=tvals, p_values=pvals,
        ci_low=(coef - q * se).tolist(), ci_high=(coef + q * se).tolist(), confidence=confidence, n=n,
        intercept=args.intercept, residual_sd=math.sqrt(res_ms), r_squared=ess / fit.tss,
        r_squared_kind="centred" if args.intercept else "uncentred (1 - RSS / sum y^2, no intercept)",
        adj_r_squared=1.0 - res_ms / (fit.tss / tss_n),
        correlation=(math.copysign(math.sqrt(max(ess / fit.tss, 0.0)), float(coef[1]))
                     if args.intercept and len(terms) == 2 and (args.degree or 1) == 1 else None),
        regression_df=reg_df, regression_ss=ess, regression_ms=reg_ms, f_statistic=f,
        f_p_value=f_p_value(f, reg_df, df_res), residual_df=df_res, residual_ss=rss, residual_ms=res_ms,
        total_ss=fit.tss,
        residual_summary=ResidualSummary(min=qs[0], q1=qs[1], median=qs[2], q3=qs[3], max=qs[4]),
        residuals=resid.tolist() if n <= 5000 else None, exact_fit=fit.exact_fit, condition_number=fit.condition,
        method=("QR of the centred, scaled design with iterative refinement in "
                f"{PRECISION}-digit decimal ({fit.sweeps} sweeps)" if fit.precise else
                "QR of the centred, scaled design in float64 with one refinement sweep"),
        predictions=predictions,
        **_vertex(coef, args),
        warnings=warnings,
    )


def _vertex(coef: Any, args: RegressionArgs) -> dict[str, Any]:
    """The turning point of a fitted quadratic y = B0 + B1 x + B2 x²."""
    if args.x is None or args.degree != 2 or not args.intercept or float(coef[2]) == 0.0:
        return {}
    b0, b1, b2 = (float(c) for c in coef[:3])
    x = -b1 / (2 * b2)
    return {"vertex_x": x, "vertex_y": b0 + b1 * x + b2 * x * x, "vertex_kind": "maximum" if b2 < 0 else "minimum"}


MAX_PREDICTIONS = 10_000


def _new_rows(args: RegressionArgs) -> tuple[np.ndarray, list[float | list[float]]]:
    """The `at` values as float rows (one predictor column per row for a model in x), checked."""
    at = args.at
    if isinstance(at, (int, float, Decimal)) and not isinstance(at, bool):
        at = [at]
    if not isinstance(at, (list, tuple)) or not at:
        raise HavocInputError("expected a non-empty list of predictor values", field="at")
    if len(at) > MAX_PREDICTIONS:
        raise HavocInputError(f"{len(at)} points is more than {MAX_PREDICTIONS}", field="at")
    if args.x is not None:
        values = [_check_scalar(v, f"at[{i}]") for i, v in enumerate(at)]
        return np.array([[float(v)] for v in values]), [float(v) for v in values]
    k = len(args.X[0]) if not isinstance(args.X, np.ndarray) or args.X.ndim == 2 else 1
    rows = []
    for i, row in enumerate(at):
        if isinstance(row, (int, float, Decimal)) and not isinstance(row, bool) and k == 1:
            row = [row]
        if not isinstance(row, (list, tuple)) or len(row) != k:
            raise HavocInputError(f"expected a row of {k} predictor values (one per column of X)", field=f"at[{i}]")
        rows.append([float(_check_scalar(v, f"at[{i}][{j}]")) for j, v in enumerate(row)])
    return np.array(rows), [list(r) for r in rows]


def _predictions(args: RegressionArgs, design: Design, coef: np.ndarray, res_ms: float, q: float,
                 df_res: int) -> list[Prediction]:
    """Fitted mean and intervals at new points, with h = s0'(S'S)^-1 s0 from the centred, scaled design S.

    s0 is the new point in the scaled basis (the one the fit was solved in), so h keeps its digits when
    raw powers of x would cancel them.
    """
    from scipy.linalg import solve_triangular

    new, shown = _new_rows(args)
    if args.x is not None:
        xf = np.asarray([float(v) for v in args.x])
        lo, hi = float(xf.min()), float(xf.max())
        centre, half = ((lo + hi) / 2, (hi - lo) / 2) if args.intercept else (0.0, max(abs(lo), abs(hi)))
        t0 = (new[:, 0] - centre) / half
        powers = range(0 if args.intercept else 1, args.degree + 1)
        scaled = np.column_stack([t0 ** k for k in powers])
        raw = np.column_stack([new[:, 0] ** k for k in powers])
        data_lo, data_hi = np.array([lo]), np.array([hi])
    else:
        raw = np.column_stack([np.ones(len(new)), new]) if args.intercept else new
        scaled = raw @ design.m
        cols = np.asarray(args.X if isinstance(args.X, np.ndarray) else [[float(v) for v in r] for r in args.X],
                          dtype=float).reshape(len(args.y), -1)
        data_lo, data_hi = cols.min(axis=0), cols.max(axis=0)
    r = np.linalg.qr(design.scaled, mode="r")
    v = solve_triangular(r, scaled.T, trans="T")
    h = (v * v).sum(axis=0)
    fits = raw @ coef
    out = []
    for i in range(len(new)):
        se_fit = math.sqrt(h[i] * res_ms)
        se_new = math.sqrt((1.0 + h[i]) * res_ms)
        outside = bool(np.any(new[i] < data_lo - 1e-12 * np.abs(data_lo)) or
                       np.any(new[i] > data_hi + 1e-12 * np.abs(data_hi)))
        out.append(Prediction(at=shown[i], fit=float(fits[i]), se_fit=se_fit, ci_low=float(fits[i] - q * se_fit),
                              ci_high=float(fits[i] + q * se_fit), se_prediction=se_new,
                              pi_low=float(fits[i] - q * se_new), pi_high=float(fits[i] + q * se_new),
                              leverage=float(h[i]), extrapolation=outside))
    return out
