"""Process capability: Cp, Cpk, Cpm and their overall (Pp) twins, with intervals and expected PPM.

Conventions are qcc's (`processCapability`), which agree with Minitab's where both define a number:

- within sigma from the control chart's estimate: R-bar/d2 (subgroups, the
  default), S-bar/c4, pooled s/c4(d+1), or MR-bar/d2(2) (individuals); overall
  sigma is the sample standard deviation of every observation;
- Cpm = Cp / sqrt(1 + ((mean - T)/sigma_within)^2) and Ppm the same with the
  overall sigma (Minitab's "Cpm"); T defaults to the midpoint of the specs;
- intervals, n = all observations: Cp and Pp by chi-square(n-1) (Chou et al.);
  Cpk-type indices by Bissell's normal approximation (two-sided z for Cpk/Ppk,
  and, as qcc, the one-sided z_confidence for Cp_l, Cp_u, Pp_l, Pp_u); Cpm and
  Ppm by Boyles' chi-square with qcc's n(1+a^2)/(1+2a^2) degrees of freedom;
- one-sided specifications give only the indices that exist (the others null).

Every index assumes normal data, so the result carries an Anderson-Darling test.
"""

from __future__ import annotations

import math
from typing import Literal

import numpy as np
from pydantic import BaseModel, ConfigDict, Field

from tools.errors import HavocInputError
from tools.numeric import _check_scalar
from tools.registry import register
from tools.spc_constants import ConstantsSource, chart_factors, exact_c4
from tools.spc_data import (
    NumberList,
    NumberTable,
    Subgroups,
    all_values,
    float_values,
    row_sizes,
    split_values,
    subgroup_rows,
)

WithinMethod = Literal["auto", "r_bar", "s_bar", "pooled", "mr_bar"]


class CapabilityArgs(BaseModel):
    model_config = ConfigDict(extra="forbid", arbitrary_types_allowed=True)

    data: NumberList = Field(None, description="individual observations (or flat subgroup data with subgroup_size)")
    subgroups: NumberTable = Field(None, description="rows of measurements, one row per subgroup")
    subgroup_size: int | None = Field(None, description="cut `data` into consecutive subgroups of this size")
    unequal_sizes: bool = Field(False, description="allow subgroups of different sizes")
    lsl: float | None = Field(None, description="lower specification limit")
    usl: float | None = Field(None, description="upper specification limit")
    target: float | None = Field(None, description="target value (default: midpoint of the specs)")
    confidence: float = Field(0.95, gt=0, lt=1, description="confidence level of the intervals")
    sigma_within: float | None = Field(None, gt=0, description="known within-subgroup sigma (e.g. from the chart)")
    within_method: WithinMethod = Field(
        "auto", description="auto (r_bar for subgroups, mr_bar for individuals), r_bar, s_bar, pooled, mr_bar"
    )
    constants: ConstantsSource = Field("table", description="d2 from the published table (qcc) or exact")


class PpmSplit(BaseModel):
    below_lsl: float | None
    above_usl: float | None
    total: float


class ExpectedPpm(BaseModel):
    within: PpmSplit
    overall: PpmSplit


class Normality(BaseModel):
    test: str = "anderson_darling"
    statistic: float | None
    p_value: float | None
    note: str


class CapabilityResult(BaseModel):
    n: int
    mean: float
    sigma_within: float
    sigma_overall: float
    within_method: str
    lsl: float | None
    usl: float | None
    target: float | None
    cp: float | None
    cp_l: float | None
    cp_u: float | None
    cpk: float | None
    cpm: float | None
    pp: float | None
    pp_l: float | None
    pp_u: float | None
    ppk: float | None
    ppm: float | None = Field(description="the overall-sigma Cpm (Minitab's Cpm), not parts per million")
    confidence: float
    ci: dict[str, list[float]] = Field(description="index name -> [low, high] at `confidence`")
    ppm_expected: ExpectedPpm = Field(description="parts per million outside the specs under a normal model")
    ppm_observed: PpmSplit
    normality: Normality
    notes: list[str] = Field(default_factory=list)


# ---------------------------------------------------------------- pieces


def anderson_darling_normal(x: np.ndarray) -> tuple[float, float]:
    """A^2 against a normal with estimated mean and sd, and its p-value (D'Agostino & Stephens, as Minitab)."""
    from scipy import special

    n = x.size
    z = np.sort((x - x.mean()) / x.std(ddof=1))
    i = np.arange(1, n + 1)
    a2 = -n - np.sum((2 * i - 1) * (special.log_ndtr(z) + special.log_ndtr(-z[::-1]))) / n
    a = a2 * (1 + 0.75 / n + 2.25 / n**2)
    if a >= 0.6:
        p = math.exp(1.2937 - 5.709 * a + 0.0186 * a * a)
    elif a >= 0.34:
        p = math.exp(0.9177 - 4.279 * a - 1.38 * a * a)
    elif a >= 0.2:
        p = 1 - math.exp(-8.318 + 42.796 * a - 59.938 * a * a)
    else:
        p = 1 - math.exp(-13.436 + 101.14 * a - 223.73 * a * a)
    return float(a2), float(min(1.0, max(0.0, p)))


def _observations(args: CapabilityArgs) -> tuple[np.ndarray, Subgroups | None, str]:
    """All observations, the subgroups if any, and the field they came from."""
    if args.data is not None and args.subgroups is not None:
        raise HavocInputError("give either data or subgroups, not both", field="subgroups")
    if args.subgroups is not None:
        if args.subgroup_size is not None:
            raise HavocInputError("only applies to flat `data`; subgroups already have sizes", field="subgroup_size")
        rows = subgroup_rows(args.subgroups, "subgroups", args.unequal_sizes)
        return all_values(rows), rows, "subgroups"
    if args.data is None:
        raise HavocInputError("give data (individual values) or subgroups", field="data")
    if args.subgroup_size is not None:
        if args.subgroup_size < 2:
            raise HavocInputError(f"must be 2 or more, got {args.subgroup_size}", field="subgroup_size")
        rows = split_values(args.data, args.subgroup_size, "data")
        return all_values(rows), rows, "data"
    return float_values(args.data, "data"), None, "data"


def _within_sigma(x: np.ndarray, rows: Subgroups | None, args: CapabilityArgs, field: str) -> tuple[float, str]:
    method = args.within_method
    if args.sigma_within is not None:
        return float(args.sigma_within), "given"
    if method == "auto":
        method = "mr_bar" if rows is None else "r_bar"
    if rows is None and method != "mr_bar":
        raise HavocInputError(f"{method} needs subgroups; individual data use mr_bar", field="within_method")
    if rows is not None and method == "mr_bar":
        raise HavocInputError("mr_bar is for individual data; subgroups use r_bar, s_bar or pooled", field="within_method")
    if method == "mr_bar":
        if x.size < 2:
            raise HavocInputError("needs at least 2 observations for a moving range", field=field)
        d2, _, _ = chart_factors(2, args.constants)
        return float(np.mean(np.abs(np.diff(x))) / d2), method
    sizes = row_sizes(rows).astype(np.int64)
    if sizes.min() < 2:
        raise HavocInputError("every subgroup needs at least 2 values", field=field)
    table = rows if isinstance(rows, np.ndarray) else None
    if method == "r_bar":
        unique, inverse = np.unique(sizes, return_inverse=True)
        d2 = np.array([chart_factors(int(m), args.constants)[0] for m in unique])[inverse]
        ranges = np.ptp(table, axis=1) if table is not None else np.array([np.ptp(r) for r in rows])
        return float(np.mean(ranges / d2)), method
    sds = table.std(axis=1, ddof=1) if table is not None else np.array([r.std(ddof=1) for r in rows])
    if method == "s_bar":
        return float(np.mean(sds / exact_c4(sizes))), method
    dof = float(np.sum(sizes - 1))
    return float(np.sqrt(np.sum((sizes - 1) * sds**2) / dof) / exact_c4(dof + 1)), method


def _chisq_ci(index: float | None, df: float, alpha: float) -> list[float] | None:
    from scipy import stats
    if index is None:
        return None
    lo, hi = stats.chi2.ppf([alpha / 2, 1 - alpha / 2], df)
    return [index * math.sqrt(lo / df), index * math.sqrt(hi / df)]


def _bissell_ci(index: float | None, z: float, n: int) -> list[float] | None:
    if index is None:
        return None
    # index * (1 +/- z sqrt(1/(9 n index^2) + 1/(2(n-1)))), written so that index <= 0 is fine too
    half = z * math.sqrt(1 / (9 * n) + index * index / (2 * (n - 1)))
    return [index - half, index + half]


def _indices(mean: float, sigma: float, lsl, usl, target) -> dict[str, float | None]:
    both = lsl is not None and usl is not None
    p = (usl - lsl) / (6 * sigma) if both else None
    p_l = (mean - lsl) / (3 * sigma) if lsl is not None else None
    p_u = (usl - mean) / (3 * sigma) if usl is not None else None
    pk = min(v for v in (p_l, p_u) if v is not None)
    pm = p / math.sqrt(1 + ((mean - target) / sigma) ** 2) if both and target is not None else None
    return {"": p, "_l": p_l, "_u": p_u, "k": pk, "m": pm}


def _expected_ppm(mean: float, sigma: float, lsl, usl) -> PpmSplit:
    from scipy import special
    below = float(special.ndtr((lsl - mean) / sigma) * 1e6) if lsl is not None else None
    above = float(special.ndtr((mean - usl) / sigma) * 1e6) if usl is not None else None
    return PpmSplit(below_lsl=below, above_usl=above, total=(below or 0.0) + (above or 0.0))


def _check_specs(args: CapabilityArgs) -> None:
    for name in ("lsl", "usl", "target", "sigma_within"):
        value = getattr(args, name)
        if value is not None:
            _check_scalar(value, name)  # finite, and small enough that squared deviations cannot overflow
    if args.lsl is None and args.usl is None:
        raise HavocInputError("give a lower or an upper specification limit (or both)", field="lsl")
    if args.lsl is not None and args.usl is not None and args.lsl >= args.usl:
        raise HavocInputError(f"must be below usl, got lsl {args.lsl:g} >= usl {args.usl:g}", field="lsl")


@register("capability", CapabilityArgs)
def capability(args: CapabilityArgs) -> CapabilityResult:
    """Process capability Cp, Cp_l, Cp_u, Cpk, Cpm, Pp, Pp_l, Pp_u, Ppk, Ppm with confidence intervals and PPM out of spec.

    Follows qcc's processCapability (Minitab's definitions where they agree) and
    reports an Anderson-Darling normality check, because every index assumes
    normal data.
    """
    from scipy import stats

    _check_specs(args)
    x, rows, field = _observations(args)
    n = int(x.size)
    if n < 2:
        raise HavocInputError("needs at least 2 observations", field=field)
    mean = float(np.mean(x))
    overall = float(np.std(x, ddof=1))
    if overall == 0.0:
        raise HavocInputError("zero variance: every observation is the same; capability needs spread", field=field)
    within, method = _within_sigma(x, rows, args, field)
    if within == 0.0:
        raise HavocInputError(
            "zero within-subgroup variation (all ranges or moving ranges are 0); give sigma_within", field=field
        )

    notes: list[str] = []
    lsl, usl, target = args.lsl, args.usl, args.target
    if target is None and lsl is not None and usl is not None:
        target = (lsl + usl) / 2
        notes.append("target not given: the midpoint of the specifications is used for Cpm and Ppm")
    if target is not None and ((lsl is not None and target < lsl) or (usl is not None and target > usl)):
        notes.append("the target lies outside the specification limits")
    if lsl is None or usl is None:
        notes.append("one-sided specification: Cp, Cpm, Pp and Ppm are undefined (null)")

    cw = _indices(mean, within, lsl, usl, target)
    co = _indices(mean, overall, lsl, usl, target)
    alpha = 1 - args.confidence
    z_two, z_one = float(stats.norm.ppf(1 - alpha / 2)), float(stats.norm.ppf(args.confidence))
    ci: dict[str, list[float] | None] = {}
    for prefix, idx, sigma in (("cp", cw, within), ("pp", co, overall)):
        a2 = ((mean - target) / sigma) ** 2 if target is not None else 0.0
        ci[prefix] = _chisq_ci(idx[""], n - 1, alpha)
        ci[f"{prefix}_l"] = _bissell_ci(idx["_l"], z_one, n)
        ci[f"{prefix}_u"] = _bissell_ci(idx["_u"], z_one, n)
        ci[f"{prefix}k"] = _bissell_ci(idx["k"], z_two, n)
        ci[f"{prefix}m"] = _chisq_ci(idx["m"], n * (1 + a2) / (1 + 2 * a2), alpha)

    below = float(np.count_nonzero(x < lsl)) / n * 1e6 if lsl is not None else None
    above = float(np.count_nonzero(x > usl)) / n * 1e6 if usl is not None else None
    if n >= 3:
        a2_stat, p_value = anderson_darling_normal(x)
        verdict = (
            "normality rejected at the 5% level: the indices and PPM figures may mislead"
            if p_value < 0.05
            else "no evidence against normality at the 5% level"
        )
        normality = Normality(statistic=a2_stat, p_value=p_value, note=f"Anderson-Darling p = {p_value:.3g}: {verdict}")
    else:
        normality = Normality(statistic=None, p_value=None, note="too few observations to test normality")

    return CapabilityResult(
        n=n,
        mean=mean,
        sigma_within=within,
        sigma_overall=overall,
        within_method=method,
        lsl=lsl,
        usl=usl,
        target=target,
        cp=cw[""], cp_l=cw["_l"], cp_u=cw["_u"], cpk=cw["k"], cpm=cw["m"],
        pp=co[""], pp_l=co["_l"], pp_u=co["_u"], ppk=co["k"], ppm=co["m"],
        confidence=args.confidence,
        ci={name: bounds for name, bounds in ci.items() if bounds is not None},
        ppm_expected=ExpectedPpm(
            within=_expected_ppm(mean, within, lsl, usl), overall=_expected_ppm(mean, overall, lsl, usl)
        ),
        ppm_observed=PpmSplit(below_lsl=below, above_usl=above, total=(below or 0.0) + (above or 0.0)),
        normality=normality,
        notes=notes,
    )
