"""Checks of ANOVA and t-test assumptions, and the rank-based alternative: normality, Levene, Kruskal-Wallis.

Why together: the graph's ARGUE stage runs them side by side with the parametric test (ANOVA vs
Kruskal-Wallis, equal variances vs Welch), so they share group handling and report alike.
"""

from __future__ import annotations

import math
from typing import Any, Literal

import numpy as np
from pydantic import BaseModel, Field, field_validator

from tools.errors import HavocInputError
from tools.numeric import Numbers, add_offset, decimal_shift
from tools.registry import register
from tools.stats_common import StatResult, check_probability, require_count, shift_groups, validate_groups

# Stephens (1986) / D'Agostino & Stephens, case 3 (mean and variance estimated): p-value of the adjusted A*^2,
# as used by Minitab and R's nortest::ad.test.
_AD_CRITICAL_LEVELS = (0.15, 0.10, 0.05, 0.025, 0.01)
_AD_CRITICAL_VALUES = (0.576, 0.656, 0.787, 0.918, 1.092)  # for A*^2 = A^2 (1 + 0.75/n + 2.25/n^2)


class NormalityArgs(BaseModel):
    data: Numbers("data")  # type: ignore[valid-type]
    method: Literal["shapiro_wilk", "anderson_darling"] = "shapiro_wilk"
    alpha: float = 0.05


    @field_validator("method", mode="before")
    @classmethod
    def _method(cls, v: Any) -> Any:
        if isinstance(v, str):
            key = v.strip().lower().replace("-", "_").replace(" ", "_")
            return {"shapiro": "shapiro_wilk", "sw": "shapiro_wilk", "anderson": "anderson_darling",
                    "ad": "anderson_darling"}.get(key, key)
        return v


class NormalityResult(StatResult):
    method: str
    n: int
    statistic: float = Field(description="W (Shapiro-Wilk) or A^2 (Anderson-Darling, unadjusted, as R and Minitab print)")
    adjusted_statistic: float | None = Field(None, description="Anderson-Darling A*^2 = A^2 (1 + 0.75/n + 2.25/n^2)")
    p_value: float
    alpha: float
    normal: bool = Field(description="p_value >= alpha: no evidence against normality at alpha")
    critical_values: dict[str, float] | None = Field(None, description="A*^2 critical values by significance level")
    mean: float
    std_dev: float
    warnings: list[str] = []


def anderson_darling(z_sorted: np.ndarray) -> float:
    """A^2 of standardised, sorted data, with log-CDFs so the tails do not round to log(0)."""
    from scipy import stats as sps

    n = z_sorted.size
    i = np.arange(1, n + 1)
    terms = (2 * i - 1) * (sps.norm.logcdf(z_sorted) + sps.norm.logsf(z_sorted[::-1]))
    return float(-n - terms.sum() / n)


def anderson_darling_p(a2_adjusted: float) -> float:
    a = a2_adjusted
    if a >= 0.6:
        p = math.exp(1.2937 - 5.709 * a + 0.0186 * a * a)
    elif a >= 0.34:
        p = math.exp(0.9177 - 4.279 * a - 1.38 * a * a)
    elif a >= 0.2:
        p = 1.0 - math.exp(-8.318 + 42.796 * a - 59.938 * a * a)
    else:
        p = 1.0 - math.exp(-13.436 + 101.14 * a - 223.73 * a * a)
    return min(1.0, max(0.0, p))


@register("normality", NormalityArgs)
def normality(args: NormalityArgs) -> NormalityResult:
    """Normality test: Shapiro-Wilk or Anderson-Darling (with p-value and critical values), normal yes/no at alpha."""
    from scipy import stats as sps

    alpha = check_probability(args.alpha, "alpha")
    require_count(args.data, 3, "data", "a normality test needs three")
    shifted, offset = decimal_shift(args.data)
    n = shifted.size
    mean_s = float(np.mean(shifted))
    dev = shifted - mean_s
    sd = float(np.sqrt(np.sum(dev * dev) / (n - 1)))
    if sd == 0.0:
        raise HavocInputError("all values are equal: zero variance, normality cannot be tested", field="data")
    warnings: list[str] = []
    mean = add_offset(mean_s, offset)
    if args.method == "shapiro_wilk":
        if n > 5000:
            warnings.append("Shapiro-Wilk p-values are approximate for n > 5000")
        w, p = sps.shapiro(shifted)
        return NormalityResult(method="Shapiro-Wilk (Royston)", n=n, statistic=float(w), p_value=float(p),
                               alpha=alpha, normal=bool(p >= alpha), mean=mean, std_dev=sd, warnings=warnings)
    if n < 8:
        warnings.append("Anderson-Darling p-values are unreliable below 8 observations")
    a2 = anderson_darling(np.sort(dev / sd))
    a2_adj = a2 * (1.0 + 0.75 / n + 2.25 / n**2)
    p = anderson_darling_p(a2_adj)
    crit = {f"{lvl:g}": v for lvl, v in zip(_AD_CRITICAL_LEVELS, _AD_CRITICAL_VALUES, strict=True)}
    return NormalityResult(method="Anderson-Darling (mean and variance estimated; Stephens p-value)", n=n,
                           statistic=a2, adjusted_statistic=a2_adj, p_value=p, alpha=alpha, normal=bool(p >= alpha),
                           critical_values=crit, mean=mean, std_dev=sd, warnings=warnings)


class LeveneArgs(BaseModel):
    groups: list[Any]
    center: Literal["median", "mean"] = Field("median", description="median: Brown-Forsythe (Minitab, R car "
                                              "default); mean: Levene's original")
    alpha: float = 0.05


class LeveneResult(StatResult):
    statistic: float
    df: list[int] = Field(description="[between, within]")
    df_between: int
    df_within: int
    p_value: float
    center: str
    alpha: float
    equal_variances: bool
    std_devs: list[float]


@register("levene", LeveneArgs)
def levene(args: LeveneArgs) -> LeveneResult:
    """Levene / Brown-Forsythe test of equal variances across groups."""
    from scipy import stats as sps

    alpha = check_probability(args.alpha, "alpha")
    groups = validate_groups(args.groups, min_size=2)
    shifted, _ = shift_groups(groups)
    sds = [float(np.std(g, ddof=1)) for g in shifted]
    if all(s == 0.0 for s in sds):
        raise HavocInputError("every group is constant: the test statistic is undefined", field="groups")
    with np.errstate(divide="ignore", invalid="ignore"):  # zero deviations within groups: said below, in one line
        stat, p = sps.levene(*shifted, center=args.center)
    k, n = len(shifted), sum(g.size for g in shifted)
    if not math.isfinite(stat):
        raise HavocInputError("the absolute deviations are all zero within groups: the test statistic is "
                              "undefined", field="groups")
    return LeveneResult(statistic=float(stat), df=[k - 1, n - k], df_between=k - 1, df_within=n - k,
                        p_value=float(p), center=args.center, alpha=alpha, equal_variances=bool(p >= alpha),
                        std_devs=sds)


class KruskalArgs(BaseModel):
    groups: list[Any]
    alpha: float = 0.05


class KruskalResult(StatResult):
    statistic: float = Field(description="H, corrected for ties")
    df: int
    p_value: float
    alpha: float
    significant: bool
    n: int
    medians: list[float]
    mean_ranks: list[float]


@register("kruskal_wallis", KruskalArgs)
def kruskal_wallis(args: KruskalArgs) -> KruskalResult:
    """Kruskal-Wallis rank test of equal distributions across groups (the nonparametric one-way ANOVA)."""
    from scipy import stats as sps

    alpha = check_probability(args.alpha, "alpha")
    groups = validate_groups(args.groups)
    shifted, offset = shift_groups(groups)
    flat = np.concatenate(shifted)
    if np.all(flat == flat[0]):
        raise HavocInputError("all values are equal: the ranks carry no information", field="groups")
    h, p = sps.kruskal(*shifted)
    ranks = sps.rankdata(flat)
    bounds = np.cumsum([0] + [g.size for g in shifted])
    medians = [add_offset(float(np.median(g)), offset) for g in shifted]
    return KruskalResult(statistic=float(h), df=len(shifted) - 1, p_value=float(p), alpha=alpha,
                         significant=bool(p < alpha), n=int(flat.size), medians=medians,
                         mean_ranks=[float(ranks[bounds[i]:bounds[i + 1]].mean()) for i in range(len(shifted))])
