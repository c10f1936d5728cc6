"""Equality of variances under normality: the F test of two variances and Bartlett's test of several.

Why beside Levene (tools.stats_assumptions): users ask for these by name, and they are the exact tests when
the data are normal (Levene's is the robust one). The F test is R's var.test: F = s1²/s2², the p-value from
the F distribution (two-sided: twice the smaller tail), and the interval for σ1²/σ2² by inverting it.
Bartlett's statistic is scipy's and R's: [(N − k) ln s_p² − Σ (n_i − 1) ln s_i²] / C with
C = 1 + (Σ 1/(n_i − 1) − 1/(N − k)) / (3 (k − 1)), on k − 1 df. Variances come from deviations about each
group's mean after one common decimal shift, as in the ANOVA.
"""

from __future__ import annotations

import math
from typing import Any, Literal

from pydantic import BaseModel, Field, field_validator

from tools.errors import HavocInputError
from tools.numeric import accurate_sum
from tools.registry import register
from tools.stats_common import (
    StatResult,
    check_probability,
    normalise_alternative,
    shift_groups,
    validate_groups,
)
from tools.stats_describe import centred

_METHOD_ALIASES = {"f_test": "f", "var_test": "f", "fisher": "f", "variance_ratio": "f", "bartlett_test": "bartlett",
                   "bartletts": "bartlett"}


class VarianceTestArgs(BaseModel):
    groups: list[Any] = Field(description="one list of observations per group")
    method: Literal["f", "bartlett"] = Field("f", description="f: the F test of two variances (first over "
                                             "second); bartlett: Bartlett's test of k >= 2 variances")
    alternative: str = Field("two-sided", description="F test only: two-sided, greater (σ1² > σ2²) or less")
    confidence: float = Field(0.95, description="F test only: confidence level of the interval for σ1²/σ2²")
    alpha: float = 0.05

    @field_validator("method", mode="before")
    @classmethod
    def _method(cls, v: Any) -> Any:
        if isinstance(v, str):
            key = v.strip().lower().replace("-", "_").replace(" ", "_").replace("'", "")
            return _METHOD_ALIASES.get(key, key)
        return v

    @field_validator("alternative", mode="before")
    @classmethod
    def _alt(cls, v: Any) -> str:
        return normalise_alternative(v)


class VarianceTestResult(StatResult):
    method: Literal["f", "bartlett"]
    test: str
    statistic: float = Field(description="F = s1²/s2² (f) or Bartlett's corrected chi-square (bartlett)")
    statistic_name: str
    df: list[int] = Field(description="f: [n1 - 1, n2 - 1]; bartlett: [k - 1]")
    p_value: float
    alternative: str | None = Field(description="the F test's alternative; none for Bartlett's (it asks only "
                                    "whether the variances differ)")
    alpha: float
    equal_variances: bool = Field(description="p_value >= alpha: no evidence that the variances differ")
    n: list[int]
    variances: list[float]
    std_devs: list[float]
    ratio: float | None = Field(None, description="f: s1²/s2², the estimate of σ1²/σ2²")
    ci_low: float | None = None
    ci_high: float | None = None
    ci: list[float] | None = Field(None, description="f: interval for σ1²/σ2² (one-sided: 0 or infinity at one end)")
    confidence: float | None = None
    pooled_variance: float | None = Field(None, description="bartlett: Σ (n_i - 1) s_i² / (N - k)")
    correction: float | None = Field(None, description="bartlett: the correction factor C")


def _variances(groups: list[Any]) -> list[float]:
    shifted, _ = shift_groups(groups)
    out = []
    for i, g in enumerate(shifted):
        _, dev = centred(g)
        var = accurate_sum(dev * dev) / (g.size - 1)
        if var == 0.0:
            raise HavocInputError("all values are equal (zero variance): a test of variances needs spread in "
                                  "every group", field=f"groups[{i}]")
        out.append(var)
    return out


def _f_test(variances: list[float], sizes: list[int], alternative: str, confidence: float
            ) -> tuple[float, float, float, float]:
    from scipy import stats as sps

    d1, d2 = sizes[0] - 1, sizes[1] - 1
    f = variances[0] / variances[1]
    lower_tail = float(sps.f.cdf(f, d1, d2))
    upper_tail = float(sps.f.sf(f, d1, d2))
    if alternative == "two-sided":
        p = min(1.0, 2.0 * min(lower_tail, upper_tail))
        beta = (1.0 - confidence) / 2.0
        lo, hi = f / float(sps.f.ppf(1.0 - beta, d1, d2)), f / float(sps.f.ppf(beta, d1, d2))
    elif alternative == "greater":
        p = upper_tail
        lo, hi = f / float(sps.f.ppf(confidence, d1, d2)), math.inf
    else:
        p = lower_tail
        lo, hi = 0.0, f / float(sps.f.ppf(1.0 - confidence, d1, d2))
    return f, p, lo, hi


def _bartlett(variances: list[float], sizes: list[int]) -> tuple[float, float, float, float]:
    from scipy import stats as sps

    k, total = len(sizes), sum(sizes)
    pooled = math.fsum((n - 1) * v for n, v in zip(sizes, variances, strict=True)) / (total - k)
    numerator = (total - k) * math.log(pooled) - math.fsum((n - 1) * math.log(v)
                                                            for n, v in zip(sizes, variances, strict=True))
    correction = 1.0 + (math.fsum(1.0 / (n - 1) for n in sizes) - 1.0 / (total - k)) / (3.0 * (k - 1))
    statistic = max(0.0, numerator / correction)  # >= 0 by the AM-GM inequality; rounding may dip below
    return statistic, float(sps.chi2.sf(statistic, k - 1)), pooled, correction


@register("variance_test", VarianceTestArgs)
def variance_test(args: VarianceTestArgs) -> VarianceTestResult:
    """Equal variances under normality: the F test of two variances (with CI of the ratio) or Bartlett's test."""
    alpha = check_probability(args.alpha, "alpha")
    confidence = check_probability(args.confidence, "confidence")
    groups = validate_groups(args.groups, min_size=2)
    if args.method == "f" and len(groups) != 2:
        raise HavocInputError(f"the F test compares exactly 2 groups, got {len(groups)}; use method bartlett (or "
                              "Levene's test) for more", field="groups")
    if args.method == "bartlett" and args.alternative != "two-sided":
        raise HavocInputError("Bartlett's test only asks whether the variances differ; a one-sided alternative "
                              "needs the F test of two groups", field="alternative")
    variances = _variances(groups)
    sizes = [len(g) for g in groups]
    common = {"alpha": alpha, "n": sizes, "variances": variances, "std_devs": [math.sqrt(v) for v in variances]}
    if args.method == "f":
        f, p, lo, hi = _f_test(variances, sizes, args.alternative, confidence)
        return VarianceTestResult(
            method="f", test="F test of two variances (first over second)", statistic=f, statistic_name="F",
            df=[sizes[0] - 1, sizes[1] - 1], p_value=p, alternative=args.alternative,
            equal_variances=bool(p >= alpha), ratio=f, ci_low=lo, ci_high=hi, ci=[lo, hi], confidence=confidence,
            **common)
    statistic, p, pooled, correction = _bartlett(variances, sizes)
    return VarianceTestResult(
        method="bartlett", test="Bartlett's test of equal variances", statistic=statistic,
        statistic_name="chi-square", df=[len(sizes) - 1], p_value=p, alternative=None,
        equal_variances=bool(p >= alpha), pooled_variance=pooled, correction=correction, **common)
