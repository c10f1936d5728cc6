"""Control charts: Shewhart X-bar/R, X-bar/S, I-MR, p, np, c, u, and the small-shift EWMA and CUSUM.

EWMA and CUSUM live in `tools.spc_smallshift`; this module holds the shared
argument and result models and the Shewhart arithmetic.

Conventions (qcc's, which match Minitab's defaults):

- sigma within: the unweighted mean of R_i/d2(n_i) (X-bar/R), of S_i/c4(n_i)
  (X-bar/S), MR-bar/d2(2) (I-MR); the X-bar centre is the size-weighted grand mean.
- R, S and MR chart limits come from the distribution of the statistic
  (d2 sigma +/- k d3 sigma, c4 sigma +/- k sigma sqrt(1 - c4^2)), floored at 0.
  With unequal subgroup sizes their centre lines are d2(n_i) sigma and
  c4(n_i) sigma per point, as Minitab draws them (qcc keeps one averaged line).
- attribute limits are floored at 0 (and p at most 1, np at most n).
- `exclude` drops phase I points from the estimates only: they are still
  plotted and still tested. A moving range that touches an excluded point is
  dropped too (Minitab; qcc would join the excluded point's neighbours).
- individuals are assumed independent: the I-MR result reports the lag-1
  autocorrelation of the phase I values, and a note when it is strong.
- phase II points (`phase2_*`) follow phase I in the output, indexed on from
  it, and are judged against the phase I limits; `center`/`sigma` give known
  standards instead of estimates.
- run rules apply to the primary chart; the R, S or MR chart gets rule 1
  (its distribution is skewed, so the zone rules do not hold there).
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

import numpy as np
from pydantic import AliasChoices, BaseModel, BeforeValidator, ConfigDict, Field

from tools.errors import HavocInputError
from tools.registry import register
from tools.spc_constants import ConstantsSource, chart_factors
from tools.spc_data import (
    NumberList,
    NumberTable,
    Subgroups,
    exclusions,
    float_values,
    positive_sizes,
    row_sizes,
    split_values,
    stack,
    subgroup_rows,
    whole_counts,
)
from tools.spc_rules import RuleSet, RuleSetArg, Violation, Zones, normalise_name, violations
from tools.spc_smallshift import CusumDetail, EwmaDetail

ChartType = Literal["xbar_r", "xbar_s", "imr", "p", "np", "c", "u", "ewma", "cusum"]
_CHART_ALIASES = {
    "xbarr": "xbar_r", "x_bar_r": "xbar_r", "xbars": "xbar_s", "x_bar_s": "xbar_s",
    "i_mr": "imr", "xmr": "imr", "x_mr": "imr", "individuals": "imr", "xbar_one": "imr",
    "exponentially_weighted_moving_average": "ewma", "tabular_cusum": "cusum", "cumulative_sum": "cusum",
}
ChartArg = Annotated[ChartType, BeforeValidator(lambda v: normalise_name(v, _CHART_ALIASES))]
Line = float | list[float]

_FIELDS: dict[str, set[str]] = {
    "xbar_r": {"subgroups", "values", "subgroup_size", "phase2_subgroups", "phase2_values", "sigma", "unequal_sizes"},
    "imr": {"values", "phase2_values", "sigma"},
    "p": {"counts", "sizes", "subgroup_size", "phase2_counts", "phase2_sizes"},
    "c": {"counts", "sizes", "phase2_counts", "phase2_sizes"},
}
_FIELDS["ewma"] = {"subgroups", "values", "subgroup_size", "phase2_subgroups", "phase2_values", "sigma", "lam"}
_FIELDS["cusum"] = {"subgroups", "values", "subgroup_size", "phase2_subgroups", "phase2_values", "sigma", "k", "h"}
_FIELDS["xbar_s"] = _FIELDS["xbar_r"]
_FIELDS["np"] = _FIELDS["u"] = _FIELDS["p"]
_PRIMARY_NAME = {"xbar_r": "xbar", "xbar_s": "xbar", "imr": "I"}
_OPTIONAL = ("subgroups", "values", "subgroup_size", "counts", "sizes", "phase2_subgroups", "phase2_values",
             "phase2_counts", "phase2_sizes", "sigma", "lam", "k", "h")


class ControlChartArgs(BaseModel):
    model_config = ConfigDict(extra="forbid", arbitrary_types_allowed=True)

    chart: ChartArg = Field(description="xbar_r, xbar_s, imr, p, np, c, u, ewma or cusum")
    subgroups: NumberTable = Field(None, description="xbar charts: rows of measurements, one row per subgroup")
    values: NumberList = Field(None, description="imr: individual values; xbar charts: a flat list cut by subgroup_size")
    subgroup_size: int | None = Field(None, description="xbar: size to cut `values` by; p/np/u: a constant sample size")
    counts: NumberList = Field(None, description="p, np: defectives per sample; c, u: defects per sample")
    sizes: NumberList = Field(None, description="p, np, u: sample size per point (u: inspection units)")
    unequal_sizes: bool = Field(False, description="xbar charts: allow subgroups of different sizes")
    k_sigma: float = Field(3.0, gt=0, le=10, validation_alias=AliasChoices("k_sigma", "L"),
                           description="limits at centre +/- k_sigma standard errors (ewma: Montgomery's L)")
    exclude: list[int] = Field(
        default_factory=list, description="0-based phase I points (subgroups for xbar charts) left out of the limits"
    )
    rules: RuleSetArg = Field("western_electric", description="western_electric (1-4), nelson (1-8) or none")
    constants: ConstantsSource = Field("table", description="table (qcc/Minitab, d2(5)=2.326) or exact")
    phase2_subgroups: NumberTable = Field(None, description="new subgroups judged against the phase I limits")
    phase2_values: NumberList = Field(None, description="new individual values (or flat subgroup values)")
    phase2_counts: NumberList = Field(None, description="new counts judged against the phase I limits")
    phase2_sizes: NumberList = Field(None, description="sizes of the new samples (default: the constant phase I size)")
    center: float | None = Field(
        None, description="known standard: process mean (xbar, imr), proportion p (p, np), defects c or u per unit"
    )
    sigma: float | None = Field(None, gt=0, description="known process sigma (xbar, imr, ewma, cusum charts)")
    lam: float | None = Field(None, gt=0, le=1, validation_alias=AliasChoices("lambda", "lam"),
                              description="ewma: weight of the newest observation, 0 < lambda <= 1 (default 0.2)")
    k: float | None = Field(None, ge=0, le=10, description="cusum: reference value K in sigma units (default 0.5, "
                                                            "half the shift to detect)")
    h: float | None = Field(None, gt=0, le=50, description="cusum: decision interval H in sigma units (default 5)")


class SecondaryChart(BaseModel):
    name: str = Field(description="R, S or MR")
    center: Line
    lcl: Line
    ucl: Line
    points: list[float | None] = Field(description="one per primary point; MR has none for the first")
    violations: list[Violation] = Field(description="rule 1 only: the zone rules assume a symmetric statistic")
    out_of_control: list[int]


class ControlChartResult(BaseModel):
    chart: ChartType
    statistic: str = Field(description="what `points` are: mean, individual, proportion, count, count_per_unit, "
                                       "ewma (the smoothed statistic), cusum (the upper sum C+; C- is `secondary`)")
    center: Line
    lcl: Line
    ucl: Line
    sigma: Line = Field(
        description="xbar/imr: the within-process sigma; p/np/c/u: the standard error of the plotted point"
    )
    point_sigma: Line = Field(description="standard error of each plotted point")
    points: list[float]
    subgroup_sizes: int | float | list[int | float] | None = None
    lag1_autocorrelation: float | None = Field(
        None, description="imr: lag-1 autocorrelation of the phase I values (limits assume independence)"
    )
    factors: dict[str, float] | None = Field(
        None, description="d2, d3, c4 behind the limits (constant subgroup size), for an independent recomputation"
    )
    secondary: SecondaryChart | None = None
    violations: list[Violation] = Field(description="run-rule violations on the primary chart (xbar, I, p, ...)")
    out_of_control: list[int] = Field(description="sorted primary-chart indices; see secondary for R, S, MR")
    excluded: list[int]
    phase1_points: int
    phase2_start: int | None = Field(None, description="index of the first phase II point, if any")
    k_sigma: float
    rules: RuleSet
    constants: ConstantsSource
    ewma: EwmaDetail | None = Field(None, description="ewma: lambda, L, the observations, steady-state limits")
    cusum: CusumDetail | None = Field(None, description="cusum: k, h, K, H, both sums, run lengths and signals")
    notes: list[str] = Field(default_factory=list)


def _line(values: np.ndarray | float) -> Line:
    """One number when the line is flat, else the per-point list (variable sample sizes)."""
    arr = np.atleast_1d(np.asarray(values, dtype=float))
    if arr.size == 0 or np.all(arr == arr[0]):
        return float(arr[0]) if arr.size else 0.0
    return arr.tolist()


def _size_out(size: float) -> int | float:
    return int(size) if float(size).is_integer() else float(size)


def _sizes_out(sizes: np.ndarray) -> int | float | list[int | float]:
    """Whole sizes print as integers; u-chart inspection units may be fractional (9.5 m2 of cloth)."""
    return _size_out(sizes[0]) if np.all(sizes == sizes[0]) else [_size_out(s) for s in sizes]


def _check_fields(args: ControlChartArgs) -> None:
    allowed = _FIELDS[args.chart]
    for name in _OPTIONAL:
        if getattr(args, name) is not None and name not in allowed:
            raise HavocInputError(f"does not apply to a {args.chart} chart", field="lambda" if name == "lam" else name)
    if args.unequal_sizes and "unequal_sizes" not in allowed:
        raise HavocInputError(f"does not apply to a {args.chart} chart", field="unequal_sizes")
    if args.center is not None and not np.isfinite(args.center):
        raise HavocInputError(f"{args.center} is not a finite number", field="center")


def _phase1_mask(n_total: int, n1: int, excluded: np.ndarray, estimating: bool, data_field: str) -> np.ndarray:
    use = np.zeros(n_total, dtype=bool)
    use[:n1] = True
    use[excluded] = False
    if estimating and use.sum() < 2:
        field = "exclude" if excluded.size else data_field
        raise HavocInputError(
            f"limits need at least 2 phase I points left to estimate from, have {int(use.sum())}", field=field
        )
    return use


def _factor_arrays(sizes: np.ndarray, source: ConstantsSource, field: str) -> tuple[np.ndarray, ...]:
    """d2, d3, c4 per point (one lookup per distinct size)."""
    unique, inverse = np.unique(sizes.astype(np.int64), return_inverse=True)
    table = np.array([chart_factors(int(n), source) for n in unique]) if unique[0] >= 2 else None
    if table is None:
        raise HavocInputError("every subgroup needs at least 2 values (use chart imr for individual values)", field=field)
    return table[inverse, 0], table[inverse, 1], table[inverse, 2]


def _secondary_violations(points: np.ndarray, center, se, lcl, ucl, k: float, rules: RuleSet, name: str):
    if rules == "none":
        return []
    return violations(points, Zones(center, se, k, lcl, ucl), rules, chart=name, only=(1,))


def _finish(
    args: ControlChartArgs,
    *,
    statistic: str,
    points: np.ndarray,
    center,
    se,
    lcl,
    ucl,
    sigma,
    sizes: np.ndarray | None,
    secondary: tuple[str, np.ndarray, Any, Any, Any, Any] | None,
    excluded: np.ndarray,
    n1: int,
    notes: list[str],
    factors: dict[str, float] | None = None,
) -> ControlChartResult:
    k = args.k_sigma
    primary = _PRIMARY_NAME.get(args.chart, args.chart)
    found = violations(points, Zones(center, se, k, lcl, ucl), args.rules, chart=primary)
    sec_model = None
    if secondary is not None:
        name, sec_points, s_center, s_se, s_lcl, s_ucl = secondary
        sec_found = _secondary_violations(sec_points, s_center, s_se, s_lcl, s_ucl, k, args.rules, name)
        sec_model = SecondaryChart(
            name=name,
            center=_line(s_center),
            lcl=_line(s_lcl),
            ucl=_line(s_ucl),
            points=[None if v != v else v for v in sec_points.tolist()],  # NaN (no moving range) -> null
            violations=sec_found,
            out_of_control=sorted({v.index for v in sec_found}),
        )
        if sec_found:
            shown = ", ".join(str(i) for i in sec_model.out_of_control[:10])
            more = "" if len(sec_model.out_of_control) <= 10 else f" and {len(sec_model.out_of_control) - 10} more"
            notes.append(f"{name} chart: points {shown}{more} beyond its limits (see secondary)")
    n_total = points.size
    if sizes is not None and not np.all(sizes == sizes[0]):
        notes.append("sample sizes vary, so the limits are given per point")
    return ControlChartResult(
        chart=args.chart,
        statistic=statistic,
        center=_line(center),
        lcl=_line(lcl),
        ucl=_line(ucl),
        sigma=_line(sigma),
        point_sigma=_line(se),
        points=points.tolist(),
        subgroup_sizes=None if sizes is None else _sizes_out(sizes),
        factors=factors,
        secondary=sec_model,
        violations=found,
        out_of_control=sorted({v.index for v in found}),
        excluded=excluded.tolist(),
        phase1_points=n1,
        phase2_start=n1 if n_total > n1 else None,
        k_sigma=k,
        rules=args.rules,
        constants=args.constants,
        notes=notes,
    )


def _finish_smallshift(args: ControlChartArgs, *, statistic: str, points: np.ndarray, center, lcl, ucl, sigma: float,
                       point_sigma, size: int, violations: list[Violation], n1: int, notes: list[str],
                       secondary: SecondaryChart | None = None, ewma: EwmaDetail | None = None,
                       cusum: CusumDetail | None = None) -> ControlChartResult:
    """The result of an EWMA or CUSUM chart: its own signals only (no zone rules), every side in `out_of_control`."""
    n_total = points.size
    return ControlChartResult(
        chart=args.chart, statistic=statistic, center=_line(center), lcl=_line(lcl), ucl=_line(ucl), sigma=float(sigma),
        point_sigma=_line(point_sigma), points=points.tolist(), subgroup_sizes=size, secondary=secondary,
        violations=violations, out_of_control=sorted({v.index for v in violations}),
        excluded=exclusions(args.exclude, n1).tolist(), phase1_points=n1, phase2_start=n1 if n_total > n1 else None,
        k_sigma=args.k_sigma, rules=args.rules, constants=args.constants, ewma=ewma, cusum=cusum, notes=notes,
    )


# ---------------------------------------------------------------- variables charts


def _subgroup_data(args: ControlChartArgs) -> tuple[Subgroups, int, str]:
    if args.subgroups is not None and args.values is not None:
        raise HavocInputError("give either subgroups or values with subgroup_size, not both", field="values")
    if args.subgroups is not None:
        if args.subgroup_size is not None:
            raise HavocInputError("only applies to a flat `values` list; subgroups already have sizes", field="subgroup_size")
        rows, field = subgroup_rows(args.subgroups, "subgroups", args.unequal_sizes), "subgroups"
    elif args.values is not None:
        if args.subgroup_size is None:
            raise HavocInputError(f"needed to cut `values` into subgroups for a {args.chart} chart", field="subgroup_size")
        if args.subgroup_size < 2:
            raise HavocInputError(
                f"must be 2 or more for a {args.chart} chart, got {args.subgroup_size} (use chart imr for individuals)",
                field="subgroup_size",
            )
        rows, field = split_values(args.values, args.subgroup_size, "values"), "values"
    else:
        raise HavocInputError(f"a {args.chart} chart needs subgroups (or values with subgroup_size)", field="subgroups")
    n1 = row_sizes(rows).size
    if args.phase2_subgroups is not None:
        new = subgroup_rows(args.phase2_subgroups, "phase2_subgroups", args.unequal_sizes)
        if not args.unequal_sizes and row_sizes(new)[0] != row_sizes(rows)[0]:
            raise HavocInputError(
                f"phase II subgroups have {row_sizes(new)[0]:g} values, phase I subgroups {row_sizes(rows)[0]:g}",
                field="phase2_subgroups",
            )
        rows = stack(rows, new)
    if args.phase2_values is not None:
        if args.subgroup_size is None:
            raise HavocInputError("needs subgroup_size (or give phase2_subgroups)", field="phase2_values")
        rows = stack(rows, split_values(args.phase2_values, args.subgroup_size, "phase2_values"))
    return rows, n1, field


def _row_stats(rows: Subgroups, chart: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(sizes, means, spread) with spread the range (R) or the standard deviation (S)."""
    sizes = row_sizes(rows)
    if isinstance(rows, np.ndarray):
        table = rows
        means = table.mean(axis=1)
        spread = np.ptp(table, axis=1) if chart == "xbar_r" else table.std(axis=1, ddof=1)
    else:
        means = np.array([r.mean() for r in rows])
        spread = np.array([np.ptp(r) if chart == "xbar_r" else r.std(ddof=1) if r.size > 1 else 0.0 for r in rows])
    return sizes, means, spread


def _xbar_chart(args: ControlChartArgs) -> ControlChartResult:
    rows, n1, field = _subgroup_data(args)
    sizes, means, spread = _row_stats(rows, args.chart)
    d2, d3, c4 = _factor_arrays(sizes, args.constants, field)
    excluded = exclusions(args.exclude, n1)
    use = _phase1_mask(means.size, n1, excluded, args.center is None or args.sigma is None, field)
    notes: list[str] = []
    if args.constants == "table" and sizes.max() > 25:
        notes.append("subgroups larger than 25 are beyond the published table; their d2 is computed exactly")

    unbias = d2 if args.chart == "xbar_r" else c4
    if args.sigma is not None:
        sigma = float(args.sigma)
        notes.append("sigma is the given standard, not estimated")
    else:
        sigma = float(np.mean(spread[use] / unbias[use]))
        if sigma == 0.0:
            raise HavocInputError(
                "zero within-subgroup variation (every subgroup's values are equal); limits need spread", field=field
            )
    if args.center is not None:
        center = float(args.center)
        notes.append("the centre line is the given standard, not estimated")
    else:
        center = float(np.sum(sizes[use] * means[use]) / np.sum(sizes[use]))

    k = args.k_sigma
    se = sigma / np.sqrt(sizes)
    if args.chart == "xbar_r":
        s_center, s_se, name = d2 * sigma, d3 * sigma, "R"
    else:
        s_center, s_se, name = c4 * sigma, sigma * np.sqrt(1.0 - c4 * c4), "S"
    secondary = (name, spread, s_center, s_se, np.maximum(0.0, s_center - k * s_se), s_center + k * s_se)
    return _finish(
        args, statistic="mean", points=means, center=center, se=se, lcl=center - k * se, ucl=center + k * se,
        sigma=sigma, sizes=sizes, secondary=secondary, excluded=excluded, n1=n1, notes=notes,
        factors={"d2": float(d2[0]), "d3": float(d3[0]), "c4": float(c4[0])} if np.all(sizes == sizes[0]) else None,
    )


def _imr_chart(args: ControlChartArgs) -> ControlChartResult:
    if args.values is None:
        raise HavocInputError("an imr chart needs individual values", field="values")
    x = float_values(args.values, "values")
    n1 = x.size
    if args.phase2_values is not None:
        x = np.concatenate([x, float_values(args.phase2_values, "phase2_values")])
    excluded = exclusions(args.exclude, n1)
    use = _phase1_mask(x.size, n1, excluded, args.center is None or args.sigma is None, "values")
    d2, d3, _ = chart_factors(2, args.constants)
    mr = np.concatenate([[np.nan], np.abs(np.diff(x))])
    mr_use = np.concatenate([[False], use[1:] & use[:-1]])
    notes: list[str] = []
    if args.sigma is not None:
        sigma = float(args.sigma)
        notes.append("sigma is the given standard, not estimated")
    else:
        if not mr_use.any():
            raise HavocInputError("no moving range is left between non-excluded neighbours", field="exclude")
        sigma = float(np.mean(mr[mr_use]) / d2)
        if sigma == 0.0:
            raise HavocInputError("zero variation: every moving range is 0; limits need spread", field="values")
    if args.center is not None:
        center = float(args.center)
        notes.append("the centre line is the given standard, not estimated")
    else:
        center = float(np.mean(x[use]))
    k = args.k_sigma
    s_center, s_se = d2 * sigma, d3 * sigma
    secondary = ("MR", mr, s_center, s_se, max(0.0, s_center - k * s_se), s_center + k * s_se)
    r1 = _lag1(x[:n1])
    if r1 is not None and abs(r1) > 0.5:
        notes.append(
            f"lag-1 autocorrelation {r1:.2f}: the values are not independent, so moving-range limits "
            "are misleading (too tight for positive autocorrelation); consider a time-series model"
        )
    result = _finish(
        args, statistic="individual", points=x, center=center, se=sigma, lcl=center - k * sigma,
        ucl=center + k * sigma, sigma=sigma, sizes=None, secondary=secondary, excluded=excluded, n1=n1, notes=notes,
        factors={"d2": d2, "d3": d3},
    )
    result.lag1_autocorrelation = r1
    return result


def _lag1(x: np.ndarray) -> float | None:
    """sum (x_t - m)(x_t+1 - m) / sum (x_t - m)^2 (the NIST definition); None when undefined."""
    if x.size < 3:
        return None
    d = x - x.mean()
    denom = float(np.dot(d, d))
    return float(np.dot(d[:-1], d[1:]) / denom) if denom > 0 else None


# ---------------------------------------------------------------- attribute charts


def _attribute_data(args: ControlChartArgs) -> tuple[np.ndarray, np.ndarray | None, int]:
    if args.counts is None:
        raise HavocInputError(f"a {args.chart} chart needs counts", field="counts")
    counts = whole_counts(args.counts, "counts")
    n1 = counts.size
    sizes = _sizes_for(args, args.sizes, "sizes", counts.size, "counts", None)
    if args.phase2_counts is not None:
        new = whole_counts(args.phase2_counts, "phase2_counts")
        constant = sizes[0] if sizes is not None and np.all(sizes == sizes[0]) else None
        new_sizes = _sizes_for(args, args.phase2_sizes, "phase2_sizes", new.size, "phase2_counts", constant)
        counts = np.concatenate([counts, new])
        sizes = None if sizes is None else np.concatenate([sizes, new_sizes])
    elif args.phase2_sizes is not None:
        raise HavocInputError("given without phase2_counts", field="phase2_sizes")
    if sizes is not None and args.chart in ("p", "np"):
        over = np.flatnonzero(counts > sizes)
        if over.size:
            i = int(over[0])
            field = "counts" if i < n1 else "phase2_counts"
            j = i if i < n1 else i - n1
            raise HavocInputError(
                f"{counts[i]:g} defectives in a sample of {sizes[i]:g}: counts cannot exceed sizes", field=f"{field}[{j}]"
            )
    return counts, sizes, n1


def _sizes_for(args, given, field: str, length: int, counts_field: str, constant: float | None) -> np.ndarray | None:
    if given is not None:
        return positive_sizes(given, field, length, counts_field, whole=args.chart in ("p", "np"))
    if args.subgroup_size is not None:
        if args.subgroup_size < 1:
            raise HavocInputError(f"must be a positive whole number, got {args.subgroup_size}", field="subgroup_size")
        return np.full(length, float(args.subgroup_size))
    if constant is not None:
        return np.full(length, constant)
    if args.chart == "c":
        return None
    raise HavocInputError(f"a {args.chart} chart needs the sample size of each point (or subgroup_size)", field=field)


def _attribute_chart(args: ControlChartArgs) -> ControlChartResult:
    counts, sizes, n1 = _attribute_data(args)
    chart = args.chart
    notes: list[str] = []
    if chart == "c" and sizes is not None and not np.all(sizes == sizes[0]):
        raise HavocInputError("vary, but a c chart assumes a constant inspection unit: use chart u", field="sizes")
    excluded = exclusions(args.exclude, n1)
    use = _phase1_mask(counts.size, n1, excluded, args.center is None, "counts")

    if args.center is not None:
        level = float(args.center)
        valid = 0 < level < 1 if chart in ("p", "np") else level > 0
        if not valid:
            raise HavocInputError(
                f"{level:g} is not a valid {'proportion (0 < p < 1)' if chart in ('p', 'np') else 'defect rate (> 0)'}",
                field="center",
            )
        notes.append("the centre line is the given standard, not estimated")
    elif chart == "c":
        level = float(np.mean(counts[use]))
    else:
        level = float(np.sum(counts[use]) / np.sum(sizes[use]))
    if level == 0.0 or (chart in ("p", "np") and level == 1.0):
        what = "no defects" if chart in ("c", "u") else ("no defectives" if level == 0 else "only defectives")
        raise HavocInputError(
            f"phase I data have {what}, so the limits collapse to a line (zero variance)", field="counts"
        )

    k = args.k_sigma
    if chart == "p":
        points, center, se, statistic = counts / sizes, level, np.sqrt(level * (1 - level) / sizes), "proportion"
        ucl = np.minimum(1.0, center + k * se)
    elif chart == "np":
        points, center, se, statistic = counts, level * sizes, np.sqrt(sizes * level * (1 - level)), "count"
        ucl = np.minimum(sizes, center + k * se)
    elif chart == "c":
        points, center, se, statistic = counts, level, np.full(counts.size, np.sqrt(level)), "count"
        ucl = center + k * se
    else:
        points, center, se, statistic = counts / sizes, level, np.sqrt(level / sizes), "count_per_unit"
        ucl = center + k * se
    lcl = np.maximum(0.0, center - k * se)
    return _finish(
        args, statistic=statistic, points=points, center=center, se=se, lcl=lcl, ucl=ucl, sigma=se,
        sizes=sizes, secondary=None, excluded=excluded, n1=n1, notes=notes,
    )


@register("control_chart", ControlChartArgs)
def control_chart(args: ControlChartArgs) -> ControlChartResult:
    """Control chart (Shewhart xbar_r, xbar_s, imr, p, np, c, u; small-shift ewma, cusum) with limits, phase I/II, run rules.

    Limits follow qcc/Minitab with the published constants table by default
    (`constants: exact` integrates them); sample sizes that vary give per-point
    limits; violations name the rule and the 0-based point. EWMA (lambda, L =
    k_sigma, exact time-varying limits) and tabular CUSUM (k, h in sigma units,
    signals with run lengths) follow Montgomery ch. 9 and qcc.
    """
    _check_fields(args)
    if args.chart in ("ewma", "cusum"):
        from tools.spc_smallshift import cusum_chart, ewma_chart

        return ewma_chart(args) if args.chart == "ewma" else cusum_chart(args)
    if args.chart in ("xbar_r", "xbar_s"):
        return _xbar_chart(args)
    if args.chart == "imr":
        return _imr_chart(args)
    return _attribute_chart(args)
