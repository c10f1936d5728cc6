"""The sign test: one sample against a hypothesised median, or paired (x − y), as R's `binom.test` on the signs.

Why a sign test beside the signed-rank test: it assumes nothing about the shape of the differences (not even
symmetry), only that they are independent, so it is the test for ordinal scores and skewed changes. Each
difference from the median is a + or a −; differences equal to it are dropped (the usual convention: R,
Minitab) and the answer says how many. Under the null hypothesis the number of + signs is Binomial(n, 1/2):
the p-value is exact (two-sided: twice the smaller tail, capped at 1, which for p = 1/2 equals R's rule of
summing every outcome no more likely than the one seen), or the normal approximation with a continuity
correction when asked for. The interval for the median is the distribution-free one from order statistics,
with the confidence it attains (the binomial is discrete, so it is at least the one asked for).
"""

from __future__ import annotations

import math
from decimal import Decimal
from typing import Any, Literal

import numpy as np
from pydantic import Field, field_validator

from tools.errors import HavocInputError
from tools.numeric import Numbers, as_float_array, to_decimal, uses_decimal_text
from tools.registry import register
from tools.stats_common import LocationArgs, StatResult, check_probability


class SignTestArgs(LocationArgs):
    x: Numbers("x")  # type: ignore[valid-type]
    y: Numbers("y") | None = Field(None, description="paired with x: the test is on the signs of x - y")  # type: ignore[valid-type]
    mu: float | Decimal = Field(0.0, description="hypothesised median (one sample) or median difference (paired)")
    alternative: str = Field("two-sided", description="two-sided, less or greater (the median above mu)")
    method: Literal["exact", "normal"] = Field("exact", description="exact binomial (also for `auto`), or the normal "
                                               "approximation with a continuity correction")
    confidence: float = Field(0.95, description="confidence of the order-statistic interval for the median")
    alpha: float = 0.05

    @field_validator("method", mode="before")
    @classmethod
    def _method(cls, v: Any) -> Any:
        if isinstance(v, str):
            key = v.strip().lower()
            return {"auto": "exact", "binomial": "exact", "asymptotic": "normal", "approximate": "normal", "approx": "normal",
                    "z": "normal"}.get(key, key)
        return v


class SignTestResult(StatResult):
    test: str
    statistic_name: str = "S+"
    statistic: int = Field(description="the number of + signs: differences above mu")
    positives: int
    negatives: int
    zeros_dropped: int = Field(description="differences equal to mu, dropped before counting")
    n_used: int = Field(description="signs counted: positives + negatives")
    p_value: float
    method: str
    exact: bool
    z: float | None = Field(None, description="the normal approximation's standardised statistic (with continuity "
                            "correction)")
    alternative: str
    mu: float
    median: float = Field(description="the sample median of x (or of x - y), all values")
    ci_low: float
    ci_high: float
    ci: list[float]
    confidence: float
    achieved_confidence: float = Field(description="the coverage the order-statistic interval attains")
    alpha: float
    significant: bool
    n_x: int
    n_y: int | None = None
    notes: list[str] = []


def binomial_half_cdf(k: int, n: int) -> float:
    """P(S ≤ k) for S ~ Binomial(n, 1/2), summed exactly in integers."""
    if k < 0:
        return 0.0
    if k >= n:
        return 1.0
    return sum(math.comb(n, i) for i in range(k + 1)) / (1 << n)  # integer division, correctly rounded


def _exact_p(s: int, n: int, alternative: str) -> float:
    lower, upper = binomial_half_cdf(s, n), 1.0 - binomial_half_cdf(s - 1, n)
    if alternative == "less":
        return lower
    if alternative == "greater":
        return upper
    return min(1.0, 2.0 * min(lower, upper))


def _normal_p(s: int, n: int, alternative: str) -> tuple[float, float]:
    from scipy.stats import norm

    half = n / 2.0
    if alternative == "two-sided":
        dz = s - half
        z = (dz - math.copysign(0.5, dz) if abs(dz) >= 0.5 else 0.0) / math.sqrt(n / 4.0)
        return z, float(min(1.0, 2.0 * norm.sf(abs(z))))
    if alternative == "greater":
        z = (s - 0.5 - half) / math.sqrt(n / 4.0)
        return z, float(norm.sf(z))
    z = (s + 0.5 - half) / math.sqrt(n / 4.0)
    return z, float(norm.cdf(z))


def median_interval(values: np.ndarray, confidence: float, alternative: str) -> tuple[float, float, float]:
    """Distribution-free interval for the median: order statistics x_(k) .. x_(n+1-k) with the largest k whose
    coverage 1 − 2·P(S ≤ k − 1) is at least `confidence` (one-sided: one end open, coverage 1 − P(S ≤ k − 1))."""
    v = np.sort(values)
    n = v.size
    tails = 1 if alternative != "two-sided" else 2
    k = 0
    while k + 1 <= n and 1.0 - tails * binomial_half_cdf(k, n) >= confidence:
        k += 1  # x_(k+1) still keeps the coverage at or above the level asked for
    if k == 0:  # too few values for that confidence: the whole line
        return -math.inf, math.inf, 1.0
    achieved = 1.0 - tails * binomial_half_cdf(k - 1, n)
    low, high = float(v[k - 1]), float(v[n - k])
    if alternative == "greater":
        return low, math.inf, achieved
    if alternative == "less":
        return -math.inf, high, achieved
    return low, high, achieved


@register("sign_test", SignTestArgs)
def sign_test(args: SignTestArgs) -> SignTestResult:
    """Sign test of a median, one sample or paired (x - y), exact binomial, ties dropped, with the median's CI."""
    confidence = check_probability(args.confidence, "confidence")
    alpha = check_probability(args.alpha, "alpha")
    paired = args.y is not None
    if paired and len(args.y) != len(args.x):
        raise HavocInputError(f"paired samples must have the same length (x has {len(args.x)}, y has {len(args.y)})",
                              field="y")
    if paired and uses_decimal_text(args.x) and uses_decimal_text(args.y):
        # exact differences where the data are written in decimals: 8.2 − 7.6 and 7.7 − 7.1 are both 0.6, not a sign
        base = np.asarray([float(to_decimal(a) - to_decimal(b)) for a, b in zip(args.x, args.y, strict=True)])
        signs = [(to_decimal(a) - to_decimal(b) - to_decimal(args.mu)) for a, b in zip(args.x, args.y, strict=True)]
    elif paired:
        base = as_float_array(args.x) - as_float_array(args.y)
        signs = list(base - float(args.mu))
    else:
        base = as_float_array(args.x)
        signs = [to_decimal(v) - to_decimal(args.mu) for v in args.x] if uses_decimal_text(args.x) else \
            list(base - float(args.mu))
    positives = sum(1 for d in signs if d > 0)
    negatives = sum(1 for d in signs if d < 0)
    zeros = len(signs) - positives - negatives
    n = positives + negatives
    if n == 0:
        raise HavocInputError("every value equals mu: no + or − sign is left to count", field="x")
    if args.method == "exact":
        p, z, method = _exact_p(positives, n, args.alternative), None, f"exact binomial (n = {n}, p = 1/2)"
    else:
        z, p = _normal_p(positives, n, args.alternative)
        method = "normal approximation with continuity correction"
    low, high, achieved = median_interval(base, confidence, args.alternative)
    notes = [f"{zeros} value{'s' if zeros != 1 else ''} equal to mu dropped before counting signs"] if zeros else []
    if achieved < 1.0 and achieved > confidence + 1e-12:
        notes.append(f"the interval's coverage is {achieved:.4f}: the binomial is discrete, so the nearest order "
                     f"statistics give at least the {confidence:g} asked for")
    if low == -math.inf and high == math.inf:
        notes.append(f"too few values for a {confidence:g} interval for the median")
    return SignTestResult(
        test="sign test" + (" (paired)" if paired else " (one sample)"), statistic=positives, positives=positives,
        negatives=negatives, zeros_dropped=zeros, n_used=n, p_value=p, method=method, exact=args.method == "exact",
        z=z, alternative=args.alternative, mu=float(args.mu), median=float(np.median(base)), ci_low=low, ci_high=high,
        ci=[low, high], confidence=confidence, achieved_confidence=achieved, alpha=alpha, significant=bool(p < alpha),
        n_x=len(args.x), n_y=len(args.y) if paired else None, notes=notes)
