"""EWMA and tabular CUSUM charts: the charts for small, sustained shifts of the mean.

Why they sit beside the Shewhart charts rather than among them: a Shewhart chart
judges each point alone, so a shift of one sigma takes about 44 points to show
(ARL at 1 sigma); the EWMA and the CUSUM accumulate evidence over points and catch
it in about ten. Their statistics are autocorrelated by construction, so the zone
run rules do not apply: each chart signals only by its own limit (EWMA) or
decision interval (CUSUM).

Conventions (Montgomery, *Introduction to Statistical Quality Control*, ch. 9;
qcc's `ewma` and `cusum` give the same numbers):

- the plotted observations are individual values, or subgroup means with
  standard error sigma/sqrt(n); sigma is the given standard, else estimated as
  for the I-MR chart (MR-bar/d2) or the X-bar/R chart (mean of R_i/d2(n));
  the target is the given `center`, else the mean of the phase I observations;
- EWMA: z_0 = target, z_i = lambda x_i + (1 - lambda) z_(i-1), limits
  target +/- L sigma_x sqrt(lambda/(2 - lambda) (1 - (1 - lambda)^(2i)))
  (the exact, time-varying limits; the steady-state ones are reported too);
- CUSUM: C+_i = max(0, x_i - (target + K) + C+_(i-1)), C-_i = max(0, (target - K)
  - x_i + C-_(i-1)), K = k sigma_x, H = h sigma_x, both sums start at 0 and are
  not reset after a signal. A signal is the first point of each excursion beyond
  H; its run length N is the number of consecutive periods the sum has been
  non-zero, the shift is estimated to have begun after period i - N, and the
  new mean to be target + K + C+/N (target - K - C-/N below).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

import numpy as np
from pydantic import BaseModel, ConfigDict, Field

from tools.errors import HavocInputError
from tools.spc_data import exclusions, float_values
from tools.spc_rules import Violation

DEFAULT_LAMBDA = 0.2  # qcc's ewma default
DEFAULT_K = 0.5  # detects a one-sigma shift (k is half the shift)
DEFAULT_H = 5.0  # qcc's decision interval; with k = 0.5 the in-control ARL is about 465 (Montgomery Table 9.3)

if TYPE_CHECKING:
    from tools.spc_charts import ControlChartArgs, ControlChartResult


class EwmaDetail(BaseModel):
    model_config = ConfigDict(serialize_by_alias=True, populate_by_name=True)

    lam: float = Field(alias="lambda", description="weight of the newest observation")
    L: float = Field(description="width of the limits in standard errors of the EWMA")
    observations: list[float] = Field(description="the values (or subgroup means) the EWMA smooths")
    steady_state_lcl: float
    steady_state_ucl: float
    signals: list[int] = Field(description="0-based points where the EWMA first leaves its limits (each excursion)")


class CusumSignal(BaseModel):
    index: int = Field(description="0-based point where the sum first exceeds H in this excursion")
    side: Literal["upper", "lower"]
    run_length: int = Field(description="N: consecutive periods the sum has been above zero at the signal")
    shift_after: int = Field(description="0-based index of the last point before the estimated shift (-1: from the start)")
    estimated_mean: float = Field(description="target + K + C+/N (upper) or target - K - C-/N (lower)")


class CusumDetail(BaseModel):
    k: float = Field(description="reference value in sigma units of the plotted statistic")
    h: float = Field(description="decision interval in sigma units")
    K: float = Field(description="k times sigma of the plotted statistic, in data units")
    H: float = Field(description="h times sigma of the plotted statistic, in data units")
    target: float
    observations: list[float]
    upper: list[float] = Field(description="C+ per point, data units")
    lower: list[float] = Field(description="C- per point, data units (a positive sum of downward deviations)")
    upper_run: list[int] = Field(description="N+ per point: periods since C+ was last zero")
    lower_run: list[int] = Field(description="N- per point: periods since C- was last zero")
    signals: list[CusumSignal]


def _observations(args: ControlChartArgs) -> tuple[np.ndarray, np.ndarray, int, float | None, int, list[str]]:
    """(plotted observations, phase I mask, phase I count, estimated sigma of one value or None, subgroup size, notes).

    The returned sigma is the process sigma (of one value); the plotted statistic's is sigma/sqrt(n).
    """
    from tools.spc_charts import _phase1_mask, _row_stats, _subgroup_data
    from tools.spc_constants import chart_factors

    notes: list[str] = []
    estimating = args.center is None or args.sigma is None
    if args.subgroups is not None or (args.values is not None and args.subgroup_size is not None):
        rows, n1, field = _subgroup_data(args)
        sizes, means, ranges = _row_stats(rows, "xbar_r")
        excluded = exclusions(args.exclude, n1)
        use = _phase1_mask(means.size, n1, excluded, estimating, field)
        n = int(sizes[0])
        d2 = chart_factors(n, args.constants)[0]
        sigma = float(np.mean(ranges[use] / d2)) if args.sigma is None else None
        if sigma == 0.0:
            raise HavocInputError("zero within-subgroup variation (every subgroup's values are equal)", field=field)
        notes.append(f"subgroup means of {n} are charted, with standard error sigma/sqrt({n})")
        return means, use, n1, sigma, n, notes
    if args.values is None:
        raise HavocInputError(f"an {args.chart} chart needs values (or subgroups)", field="values")
    if args.phase2_subgroups is not None:
        raise HavocInputError("individual values take phase2_values, not subgroups", field="phase2_subgroups")
    x = float_values(args.values, "values")
    n1 = x.size
    if args.phase2_values is not None:
        x = np.concatenate([x, float_values(args.phase2_values, "phase2_values")])
    excluded = exclusions(args.exclude, n1)
    use = _phase1_mask(x.size, n1, excluded, estimating, "values")
    sigma = None
    if args.sigma is None:
        mr = np.abs(np.diff(x))
        mr_use = use[1:] & use[:-1]
        if not mr_use.any():
            raise HavocInputError("no moving range is left between non-excluded neighbours", field="exclude")
        sigma = float(np.mean(mr[mr_use]) / chart_factors(2, args.constants)[0])
        if sigma == 0.0:
            raise HavocInputError("zero variation: every moving range is 0; sigma cannot be estimated", field="values")
    return x, use, n1, sigma, 1, notes


def _standards(args: ControlChartArgs) -> tuple[np.ndarray, int, float, float, int, list[str]]:
    """Observations, phase I count, target, sigma of the plotted statistic, subgroup size, notes."""
    x, use, n1, sigma_est, n, notes = _observations(args)
    if args.sigma is not None:
        sigma = float(args.sigma)
        notes.append("sigma is the given standard, not estimated")
    else:
        sigma = float(sigma_est)  # type: ignore[arg-type]
        notes.append("sigma estimated from the phase I data " + ("(MR-bar/d2)" if n == 1 else "(R-bar/d2)"))
    if args.center is not None:
        target = float(args.center)
        notes.append("the target (centre line) is the given standard, not estimated")
    else:
        target = float(np.mean(x[use]))
        notes.append("no target given: the centre line is the phase I mean (give `center` for a known target)")
    return x, n1, target, sigma / np.sqrt(n), n, notes


def _excursion_starts(beyond: np.ndarray) -> list[int]:
    """First index of each run of True values."""
    return [int(i) for i in np.flatnonzero(beyond & ~np.concatenate([[False], beyond[:-1]]))]


def ewma_chart(args: ControlChartArgs) -> ControlChartResult:
    from tools.spc_charts import _finish_smallshift

    x, n1, target, se, n, notes = _standards(args)
    lam, width = (DEFAULT_LAMBDA if args.lam is None else float(args.lam)), float(args.k_sigma)
    z = np.empty(x.size)
    prev = target
    for i, xi in enumerate(x):
        prev = lam * xi + (1.0 - lam) * prev
        z[i] = prev
    i = np.arange(1, x.size + 1)
    sd_z = se * np.sqrt(lam / (2.0 - lam) * (1.0 - (1.0 - lam) ** (2 * i)))
    lcl, ucl = target - width * sd_z, target + width * sd_z
    beyond = (z > ucl) | (z < lcl)
    steady = se * np.sqrt(lam / (2.0 - lam))
    found = [Violation.model_construct(rule=1, index=int(j), chart="EWMA",
                                       description="EWMA beyond its control limits")
             for j in np.flatnonzero(beyond)]
    detail = EwmaDetail(lam=lam, L=width, observations=x.tolist(), steady_state_lcl=target - width * steady,
                        steady_state_ucl=target + width * steady, signals=_excursion_starts(beyond))
    if args.rules != "none":
        notes.append("the EWMA signals only beyond its limits: its points are autocorrelated, so zone run rules "
                     "do not apply")
    return _finish_smallshift(args, statistic="ewma", points=z, center=target, lcl=lcl, ucl=ucl, sigma=se * np.sqrt(n),
                              point_sigma=sd_z, size=n, violations=found, n1=n1, notes=notes, ewma=detail)


def cusum_chart(args: ControlChartArgs) -> ControlChartResult:
    from tools.spc_charts import SecondaryChart, _finish_smallshift

    x, n1, target, se, n, notes = _standards(args)
    k = DEFAULT_K if args.k is None else float(args.k)
    h = DEFAULT_H if args.h is None else float(args.h)
    big_k, big_h = k * se, h * se
    upper, lower = np.zeros(x.size), np.zeros(x.size)
    n_up, n_down = np.zeros(x.size, dtype=int), np.zeros(x.size, dtype=int)
    cp = cm = 0.0
    np_ = nm = 0
    for i, xi in enumerate(x):
        cp = max(0.0, xi - (target + big_k) + cp)
        cm = max(0.0, (target - big_k) - xi + cm)
        np_ = np_ + 1 if cp > 0 else 0
        nm = nm + 1 if cm > 0 else 0
        upper[i], lower[i], n_up[i], n_down[i] = cp, cm, np_, nm
    up_beyond, down_beyond = upper > big_h, lower > big_h
    signals = []
    for i in _excursion_starts(up_beyond):
        signals.append(CusumSignal(index=i, side="upper", run_length=int(n_up[i]), shift_after=i - int(n_up[i]),
                                   estimated_mean=target + big_k + upper[i] / n_up[i]))
    for i in _excursion_starts(down_beyond):
        signals.append(CusumSignal(index=i, side="lower", run_length=int(n_down[i]), shift_after=i - int(n_down[i]),
                                   estimated_mean=target - big_k - lower[i] / n_down[i]))
    signals.sort(key=lambda s: (s.index, s.side))
    up_found = [Violation.model_construct(rule=1, index=int(j), chart="C+", description="upper CUSUM beyond H")
                for j in np.flatnonzero(up_beyond)]
    down_found = [Violation.model_construct(rule=1, index=int(j), chart="C-", description="lower CUSUM beyond H")
                  for j in np.flatnonzero(down_beyond)]
    found = sorted(up_found + down_found, key=lambda v: (v.index, v.chart))
    secondary = SecondaryChart(name="C-", center=0.0, lcl=0.0, ucl=big_h, points=lower.tolist(), violations=down_found,
                               out_of_control=sorted({v.index for v in down_found}))
    detail = CusumDetail(k=k, h=h, K=big_k, H=big_h, target=target, observations=x.tolist(), upper=upper.tolist(),
                         lower=lower.tolist(), upper_run=n_up.tolist(), lower_run=n_down.tolist(), signals=signals)
    notes.append(f"tabular CUSUM: K = {k:g} sigma = {big_k:.6g}, H = {h:g} sigma = {big_h:.6g}; the sums are not "
                 "reset after a signal")
    return _finish_smallshift(args, statistic="cusum", points=upper, center=0.0, lcl=0.0, ucl=big_h,
                              sigma=se * np.sqrt(n), point_sigma=se, size=n, violations=found, n1=n1, notes=notes,
                              secondary=secondary, cusum=detail)
