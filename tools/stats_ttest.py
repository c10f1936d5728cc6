"""Student and Welch t-tests with confidence intervals and effect sizes, as R's t.test reports them.

Why shift first: a t statistic is a difference of means over a spread; when the data share leading digits
(weights near 107.868...) the spread lives in the last few digits, so they are subtracted in decimal.
"""

from __future__ import annotations

import math
from decimal import Decimal
from typing import Any, Literal

import numpy as np
from pydantic import BaseModel, Field, field_validator

from tools.errors import HavocInputError
from tools.numeric import Numbers, accurate_sum, add_offset, decimal_shift, to_decimal, uses_decimal_text
from tools.registry import register
from tools.stats_common import (
    StatResult,
    check_probability,
    normalise_alternative,
    p_from_t,
    require_count,
    shift_groups,
    t_interval,
)
from tools.stats_describe import centred

Kind = Literal["one_sample", "paired", "pooled", "welch"]
_KIND_ALIASES = {"one": "one_sample", "onesample": "one_sample", "single": "one_sample", "dependent": "paired",
                 "matched": "paired", "student": "pooled", "equal_var": "pooled", "equal_variances": "pooled",
                 "two_sample": "welch", "independent": "welch", "unequal_var": "welch", "unequal_variances": "welch"}


class TTestArgs(BaseModel):
    kind: Kind | None = Field(None, description="one_sample, paired, pooled (Student) or welch; default: one_sample "
                              "without y, welch with y (R's default)")
    x: Numbers("x")  # type: ignore[valid-type]
    y: Numbers("y") | None = None  # type: ignore[valid-type]
    mu: float | Decimal = Field(0.0, description="hypothesised mean (one sample), mean difference (paired, two samples)")
    alternative: str = Field("two-sided", description="two-sided, less or greater")
    confidence: float = 0.95

    @field_validator("kind", mode="before")
    @classmethod
    def _kind(cls, v: Any) -> Any:
        if isinstance(v, str):
            key = v.strip().lower().replace("-", "_").replace(" ", "_")
            return _KIND_ALIASES.get(key, key)
        return v

    @field_validator("mu", mode="before")
    @classmethod
    def _mu(cls, v: Any) -> Any:
        from tools.numeric import _check_scalar

        value = _check_scalar(v, "mu")
        return Decimal(value) if isinstance(value, int) else value

    @field_validator("alternative", mode="before")
    @classmethod
    def _alt(cls, v: Any) -> str:
        return normalise_alternative(v)


class TTestResult(StatResult):
    kind: Kind
    alternative: str
    t: float
    df: float
    p_value: float
    mean_difference: float = Field(description="mean of x minus mu (one sample), mean of x - y (paired), mean x - mean y")
    se: float
    ci_low: float = Field(description="R's interval: for the mean of x (one sample), of x - y (paired), of "
                          "mean x - mean y (two samples); one-sided alternatives give an infinite end")
    ci_high: float
    ci: list[float] = Field(description="[ci_low, ci_high]")
    confidence: float
    mu: float
    n_x: int
    n_y: int | None
    mean_x: float
    mean_y: float | None
    sd_x: float
    sd_y: float | None
    sd_difference: float | None = Field(None, description="paired: standard deviation of the differences")
    pooled_sd: float | None = Field(None, description="pooled (Student): the pooled standard deviation s_p, "
                                    "sqrt(((n_x - 1) s_x^2 + (n_y - 1) s_y^2) / (n_x + n_y - 2))")
    cohens_d: float = Field(description="standardised effect: one sample and paired d (d_z); pooled: pooled SD; "
                            "welch: root mean of the two variances")
    hedges_g: float = Field(description="Cohen's d times the small-sample correction J = 1 - 3 / (4 df - 1)")
    method: str


def _moments(shifted: Any) -> tuple[float, float, int]:
    mean_s, dev = centred(shifted)
    n = shifted.size
    return mean_s, accurate_sum(dev * dev) / (n - 1), n


def _paired_differences(x: Any, y: Any) -> Any:
    if len(x) != len(y):
        raise HavocInputError(f"paired samples need equal lengths: x has {len(x)}, y has {len(y)}", field="y")
    if uses_decimal_text(x) and uses_decimal_text(y):
        return [to_decimal(a) - to_decimal(b) for a, b in zip(x, y, strict=True)]
    return np.asarray(x, dtype=float) - np.asarray(y, dtype=float)


@register("t_test", TTestArgs)
def t_test(args: TTestArgs) -> TTestResult:
    """t-test (one-sample, paired, pooled Student or Welch) with confidence interval and effect size (Cohen's d, Hedges' g)."""
    confidence = check_probability(args.confidence, "confidence")
    kind = args.kind or ("one_sample" if args.y is None else "welch")
    alt = args.alternative
    if kind == "one_sample" and args.y is not None:
        raise HavocInputError("a one-sample test takes no y; use kind paired, pooled or welch", field="y")
    if kind != "one_sample" and args.y is None:
        raise HavocInputError(f"a {kind} test needs a second sample y", field="y")
    mu = float(args.mu)
    if kind in ("one_sample", "paired"):
        require_count(args.x, 2, "x", "a standard deviation needs two")
        sample = args.x if kind == "one_sample" else _paired_differences(args.x, args.y)
        shifted, _ = decimal_shift(sample, args.mu)  # centred at mu: the statistic is then mean / se
        mean_s, var, n = _moments(shifted)
        if var == 0.0:
            what = "x" if kind == "one_sample" else "x - y"
            raise HavocInputError(f"{what} has zero variance: the t statistic is undefined", field="x")
        sd = math.sqrt(var)
        se = sd / math.sqrt(n)
        df = float(n - 1)
        xs, xoff = decimal_shift(args.x)
        mx, vx, _ = _moments(xs)
        mean_y = sd_y = sd_diff = None
        if kind == "paired":
            ys, yoff = decimal_shift(args.y)
            my, vy, _ = _moments(ys)
            mean_y, sd_y, sd_diff = add_offset(my, yoff), math.sqrt(vy), sd
            # R's estimate for paired data is the mean difference itself; for one sample it is mean(x) - mu here
            estimate, mean_difference = mean_s + mu, mean_s + mu
        else:
            estimate, mean_difference = add_offset(mx, xoff), mean_s
        lo, hi = t_interval(mean_s, se, df, confidence, alt)
        move = estimate - mean_s
        lo, hi = (lo + move if math.isfinite(lo) else lo), (hi + move if math.isfinite(hi) else hi)
        name = "One-sample t-test" if kind == "one_sample" else "Paired t-test"
        return _finish(kind, alt, mean_s / se, df, mean_difference, se, lo, hi, mu, confidence, len(args.x),
                       None if kind == "one_sample" else len(args.y), add_offset(mx, xoff), mean_y, math.sqrt(vx),
                       sd_y, sd_diff, mean_s / sd, f"{name} (mu = {mu:g}); CI for the mean of "
                       + ("x" if kind == "one_sample" else "x - y"))
    require_count(args.x, 2 if kind == "welch" else 1, "x")
    require_count(args.y, 2 if kind == "welch" else 1, "y")
    (xs, ys), off = shift_groups([args.x, args.y])
    mx, vx, nx = _moments(xs) if xs.size > 1 else (float(xs[0]), 0.0, 1)
    my, vy, ny = _moments(ys) if ys.size > 1 else (float(ys[0]), 0.0, 1)
    diff_s = mx - my
    if kind == "pooled":
        df = float(nx + ny - 2)
        if df < 1:
            raise HavocInputError("a pooled t-test needs at least 3 observations in all", field="y")
        sp2 = ((nx - 1) * vx + (ny - 1) * vy) / df
        if sp2 == 0.0:
            raise HavocInputError("both samples have zero variance: the t statistic is undefined", field="x")
        se = math.sqrt(sp2 * (1.0 / nx + 1.0 / ny))
        d = diff_s / math.sqrt(sp2)
        method = "Two-sample t-test, pooled variance (Student)"
    else:
        a, b = vx / nx, vy / ny
        if a + b == 0.0:
            raise HavocInputError("both samples have zero variance: the t statistic is undefined", field="x")
        se = math.sqrt(a + b)
        df = (a + b) ** 2 / (a * a / (nx - 1) + b * b / (ny - 1))
        d = diff_s / math.sqrt((vx + vy) / 2.0)
        method = "Welch two-sample t-test (Satterthwaite df)"
    t = (diff_s - mu) / se
    lo, hi = t_interval(diff_s, se, df, confidence, alt)
    result = _finish(kind, alt, t, df, diff_s, se, lo, hi, mu, confidence, nx, ny, add_offset(mx, off),
                     add_offset(my, off), math.sqrt(vx), math.sqrt(vy), None, d, method, dfj=float(nx + ny - 2))
    if kind == "pooled":
        result.pooled_sd = math.sqrt(sp2)
    return result


def _j(df: float) -> float:
    return 1.0 - 3.0 / (4.0 * df - 1.0) if df > 0.25 else float("nan")


def _finish(kind: str, alt: str, t: float, df: float, diff: float, se: float, lo: float, hi: float, mu: float,
            confidence: float, n_x: int, n_y: int | None, mean_x: float, mean_y: float | None, sd_x: float,
            sd_y: float | None, sd_diff: float | None, d: float, method: str, dfj: float | None = None) -> TTestResult:
    return TTestResult(
        kind=kind, alternative=alt, t=t, df=df, p_value=p_from_t(t, df, alt), mean_difference=diff, se=se,
        ci_low=lo, ci_high=hi, ci=[lo, hi], confidence=confidence, mu=mu, n_x=n_x, n_y=n_y, mean_x=mean_x,
        mean_y=mean_y, sd_x=sd_x, sd_y=sd_y, sd_difference=sd_diff, cohens_d=d, hedges_g=d * _j(dfj or df),
        method=method,
    )
