"""`doe_curvature`: the single-degree-of-freedom test for curvature in a 2^k with centre points.

Why a tool of its own: "is a first-order model enough here, or do I need a
response-surface design?" is the question centre points are added to answer,
before any axial run is spent. Montgomery (Design and Analysis of Experiments,
section 6.8): with n_F factorial runs and n_C centre runs,

    SS_curvature = n_F n_C (ybar_F - ybar_C)^2 / (n_F + n_C)     (1 df)

tested against pure error, the spread of runs repeated at the same setting: the
centre points (n_C - 1 df), pooled with any replicated factorial runs. The test
says whether the surface curves somewhere, not which factor curves: that takes
axial runs (a central composite design).
"""

from __future__ import annotations

from typing import Any

import numpy as np
from pydantic import AliasChoices, BaseModel, ConfigDict, Field

from tools.doe_fit import pure_error
from tools.errors import HavocInputError
from tools.numeric import Numbers, as_float_array, validate_numbers
from tools.registry import register


class CurvatureArgs(BaseModel):
    model_config = ConfigDict(extra="forbid")

    factorial: Numbers("factorial") | None = Field(  # type: ignore[valid-type]
        None, description="responses at the factorial (corner) runs, any order")
    center: Numbers("center") | None = Field(  # type: ignore[valid-type]
        None, validation_alias=AliasChoices("center", "centre"), description="responses at the centre runs")
    coded: list[list[float]] | None = Field(None, description="coded rows (+-1 corners, all-zero centre rows), "
                                                                "instead of factorial/center")
    design: dict[str, Any] | None = Field(None, description="a doe_design result (or its arguments), instead of coded")
    response: Numbers("response") | None = Field(  # type: ignore[valid-type]
        None, description="one response per row of coded/design, in standard order")
    alpha: float = Field(0.05, gt=0, lt=0.5, description="significance level of the test")


class CurvatureResult(BaseModel):
    factorial_mean: float
    centre_mean: float
    difference: float = Field(description="ybar_F - ybar_C: positive means the centre lies below the corners' plane")
    factorial_runs: int
    centre_runs: int
    ss_curvature: float
    df_curvature: int = 1
    ss_pure_error: float
    df_pure_error: int
    ms_pure_error: float
    pure_error_from: str
    f: float | None
    p: float | None
    t: float | None = Field(description="the same test as a t statistic: t^2 = F")
    ci_low: float | None = Field(description="confidence interval for ybar_F - ybar_C at 1 - alpha")
    ci_high: float | None
    alpha: float
    curvature: bool = Field(description="p < alpha: the surface curves within the design region")
    conclusion: str
    notes: list[str]


def _split(args: CurvatureArgs) -> tuple[np.ndarray, np.ndarray, float, int, str]:
    """Factorial and centre responses, and pure error (SS, df, where it came from)."""
    direct = args.factorial is not None or args.center is not None
    if direct and (args.coded is not None or args.design is not None or args.response is not None):
        raise HavocInputError("give factorial and center responses, or coded rows (or a design) with response, "
                              "not both", field="factorial")
    if direct:
        if args.factorial is None:
            raise HavocInputError("needs the responses at the factorial (corner) runs", field="factorial")
        if args.center is None:
            raise HavocInputError("needs the responses at the centre runs", field="center")
        yf = as_float_array(validate_numbers(args.factorial, "factorial"))
        yc = as_float_array(validate_numbers(args.center, "center"))
        if yf.size < 2:
            raise HavocInputError("needs at least 2 factorial runs", field="factorial")
        ss, df = float(((yc - yc.mean()) ** 2).sum()), int(yc.size - 1)
        return yf, yc, ss, df, "the centre points"
    x, field = _rows(args)
    if args.response is None:
        raise HavocInputError("needs one response per run", field="response")
    y = as_float_array(validate_numbers(args.response, "response"))
    if y.size != x.shape[0]:
        raise HavocInputError(f"has {y.size} values but the design has {x.shape[0]} runs", field="response")
    centre = np.all(np.abs(x) < 1e-9, axis=1)
    outer = x[~centre]
    if not outer.size:
        raise HavocInputError("has only centre rows", field=field)
    if not np.allclose(np.abs(outer), np.abs(outer[0]), rtol=1e-9, atol=1e-12) or np.any(np.abs(outer[0]) < 1e-12):
        raise HavocInputError("the curvature test needs a two-level design (each column at +-1) with centre rows; "
                              "use rsm_fit for other designs", field=field)
    ss, df = pure_error(np.where(centre[:, None], 0.0, np.sign(x)), y)
    replicated = df > int(centre.sum()) - 1
    return y[~centre], y[centre], ss, df, ("the centre points and the replicated factorial runs" if replicated
                                           else "the centre points")


def _rows(args: CurvatureArgs) -> tuple[np.ndarray, str]:
    if args.coded is not None:
        rows = args.coded
        field = "coded"
    elif args.design is not None:
        if "coded" in args.design:
            rows, field = args.design["coded"], "design.coded"
        elif "design" in args.design:
            from tools.doe import DesignArgs, doe_design

            rows, field = doe_design(DesignArgs.model_validate(args.design)).coded, "design"
        else:
            raise HavocInputError("expected a doe_design result (with coded) or doe_design arguments", field="design")
    else:
        raise HavocInputError("give factorial and center responses, or coded rows with response", field="factorial")
    try:
        x = np.asarray(rows, dtype=float)
    except (TypeError, ValueError):
        raise HavocInputError("expected rows of numbers", field=field) from None
    if x.ndim != 2 or x.shape[0] < 3 or not np.all(np.isfinite(x)):
        raise HavocInputError("expected at least 3 rows of finite numbers, all the same length", field=field)
    return x, field


@register("doe_curvature", CurvatureArgs)
def doe_curvature(args: CurvatureArgs) -> CurvatureResult:
    """Single-df curvature test of a two-level design with centre points: SS, F and p against pure error."""
    from scipy import stats

    yf, yc, ss_pe, df_pe, source = _split(args)
    nf, nc = int(yf.size), int(yc.size)
    if nc == 0:
        raise HavocInputError("the design has no centre runs: curvature cannot be tested; add centre points",
                              field="center" if args.center is not None else "coded")
    if df_pe < 1:
        raise HavocInputError("one centre run and no replicated corner gives no pure error to test against; "
                              "run 3 to 5 centre points", field="center" if args.center is not None else "response")
    mf, mc = float(yf.mean()), float(yc.mean())
    diff = mf - mc
    ss_curv = nf * nc * diff ** 2 / (nf + nc)
    ms_pe = ss_pe / df_pe
    notes: list[str] = []
    if ms_pe > 0:
        f = ss_curv / ms_pe
        p = float(stats.f.sf(f, 1, df_pe))
        se = float(np.sqrt(ms_pe * (1 / nf + 1 / nc)))
        t = diff / se
        half = float(stats.t.ppf(1 - args.alpha / 2, df_pe)) * se
        low, high = diff - half, diff + half
    else:
        f = p = t = low = high = None
        notes.append("the repeated runs are identical (pure error 0): no F test is possible")
    curved = p is not None and p < args.alpha
    if p is None:
        conclusion = "untestable: no spread among repeated runs"
    elif curved:
        conclusion = (f"curvature (p = {p:.4g} < {args.alpha:g}): the centre mean {mc:.6g} differs from the factorial "
                      f"mean {mf:.6g}; a first-order model misses it - add axial runs (a central composite design) "
                      "to find which factors curve")
    else:
        conclusion = (f"no evidence of curvature (p = {p:.4g}): the centre mean {mc:.6g} is consistent with the "
                      f"factorial mean {mf:.6g}; a first-order model (with interactions) is adequate in this region")
    if df_pe < 3:
        notes.append(f"only {df_pe} pure-error degree(s) of freedom: the test has little power; 4 or more centre "
                     "runs are usual")
    return CurvatureResult(
        factorial_mean=mf, centre_mean=mc, difference=diff, factorial_runs=nf, centre_runs=nc,
        ss_curvature=ss_curv, ss_pure_error=ss_pe, df_pure_error=df_pe, ms_pure_error=ms_pe,
        pure_error_from=source, f=f, p=p, t=t, ci_low=low, ci_high=high, alpha=args.alpha, curvature=curved,
        conclusion=conclusion, notes=notes,
    )
