"""Descriptive summary, exact to NIST StRD univariate certified values.

Why the care: NumAcc4 (10000000.2, 10000000.1, ...) defeats a one-pass variance and binary input alike.
The data are shifted by their first value in decimal arithmetic, then mean and spread come from a
two-pass centred sum with a correction term, so the leading digits never enter a floating sum.
"""

from __future__ import annotations

import math
from typing import Any, Literal

import numpy as np
from pydantic import BaseModel, Field

from tools.numeric import Numbers, accurate_sum, add_offset, decimal_shift
from tools.registry import register
from tools.stats_common import StatResult, check_probability, require_count


class DescribeArgs(BaseModel):
    data: Numbers("data")  # type: ignore[valid-type]
    confidence: float = Field(0.95, description="confidence level of the interval for the mean")
    bound: Literal["two-sided", "upper", "lower"] = Field(
        "two-sided", description="the interval the question asks for: two-sided, or the one-sided upper or lower "
        "confidence bound for the mean (both bounds are always reported; this names the one stated)")


class DescribeResult(StatResult):
    n: int
    mean: float
    std_dev: float = Field(description="sample standard deviation, denominator n - 1")
    population_std_dev: float = Field(description="population standard deviation, denominator n (the values are "
                                      "the whole population, not a sample of it)")
    variance: float
    se_mean: float
    ci_mean: list[float] = Field(description="t interval for the mean at `confidence`")
    mean_upper_bound: float = Field(description="one-sided upper confidence bound for the mean at `confidence`: "
                                    "mean + t(confidence, n - 1) * se (the mean does not exceed it)")
    mean_lower_bound: float = Field(description="one-sided lower confidence bound for the mean at `confidence`")
    confidence: float
    lag1_autocorrelation: float | None = Field(
        description="NIST r(1) = sum (y_i - ybar)(y_{i-1} - ybar) / sum (y_i - ybar)^2; null for constant data")
    min: float
    q1: float
    median: float
    q3: float
    max: float
    range: float
    iqr: float
    quartile_method: str = "Minitab: (n + 1)p positions, interpolated (Hyndman-Fan type 6)"
    skewness: float | None = Field(description="adjusted Fisher-Pearson G1 (Minitab, Excel); needs n >= 3")
    kurtosis: float | None = Field(description="excess kurtosis G2 (Minitab, Excel); needs n >= 4")
    sum: float
    warnings: list[str] = []


def centred(shifted: np.ndarray) -> tuple[float, np.ndarray]:
    """Mean of `shifted` and the deviations from it: two passes plus the correction pass (Bjorck)."""
    n = shifted.size
    mean = accurate_sum(shifted) / n
    dev = shifted - mean
    mean += accurate_sum(dev) / n
    return mean, shifted - mean


def summarise(data: Any, confidence: float = 0.95, field: str = "data") -> DescribeResult:
    """The `describe` computation for callers that already hold validated numbers."""
    from scipy import stats as sps

    require_count(data, 2, field, "a standard deviation needs two")
    shifted, offset = decimal_shift(data)
    n = shifted.size
    mean_s, dev = centred(shifted)
    ss = accurate_sum(dev * dev)
    var = ss / (n - 1)
    sd = math.sqrt(var)
    warnings: list[str] = []
    if ss == 0.0:
        warnings.append("all values are equal: autocorrelation, skewness and kurtosis are undefined")
        lag1 = skew = kurt = None
    else:
        lag1 = accurate_sum(dev[1:] * dev[:-1]) / ss
        z = dev / sd
        z2 = z * z
        skew = n / ((n - 1) * (n - 2)) * accurate_sum(z2 * z) if n >= 3 else None
        kurt = (n * (n + 1) / ((n - 1) * (n - 2) * (n - 3)) * accurate_sum(z2 * z2)
                - 3.0 * (n - 1) ** 2 / ((n - 2) * (n - 3))) if n >= 4 else None
    se = sd / math.sqrt(n)
    q = float(sps.t.ppf(0.5 + confidence / 2.0, n - 1))
    q1_sided = float(sps.t.ppf(confidence, n - 1))
    lo_s, q1_s, med_s, q3_s, hi_s = np.quantile(shifted, [0.0, 0.25, 0.5, 0.75, 1.0], method="weibull")
    mean = add_offset(mean_s, offset)
    return DescribeResult(
        n=n, mean=mean, std_dev=sd, population_std_dev=math.sqrt(ss / n), variance=var, se_mean=se,
        ci_mean=[add_offset(mean_s - q * se, offset), add_offset(mean_s + q * se, offset)], confidence=confidence,
        mean_upper_bound=add_offset(mean_s + q1_sided * se, offset),
        mean_lower_bound=add_offset(mean_s - q1_sided * se, offset),
        lag1_autocorrelation=lag1,
        min=add_offset(float(lo_s), offset), q1=add_offset(float(q1_s), offset), median=add_offset(med_s, offset),
        q3=add_offset(float(q3_s), offset), max=add_offset(float(hi_s), offset),
        range=float(hi_s - lo_s), iqr=float(q3_s - q1_s), skewness=skew, kurtosis=kurt,
        sum=add_offset(accurate_sum(shifted), offset * n),
        warnings=warnings,
    )


@register("describe", DescribeArgs)
def describe(args: DescribeArgs) -> DescribeResult:
    """Descriptive statistics: n, mean, standard deviation, quartiles, skewness, kurtosis, lag-1 autocorrelation, CI of the mean."""
    return summarise(args.data, check_probability(args.confidence, "confidence"))
