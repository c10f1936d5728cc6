"""Two-sample and signed-rank Wilcoxon tests, as R's `wilcox.test` computes them.

Why R's rules, step for step: users compare our numbers with R's (and Minitab's, which agree for the
exact case). So the exact null distribution is used for small samples without ties (both sizes under
50), the normal approximation with the tie-corrected variance and a continuity correction otherwise;
zeros of a signed-rank test are dropped before ranking (Wilcoxon's convention, R's default) and the
answer says how many; the interval for the shift is the Hodges-Lehmann one (order statistics of the
pairwise differences or Walsh averages when exact, the inverted normal test otherwise).
"""

from __future__ import annotations

import math
from decimal import Decimal
from functools import lru_cache
from typing import Any, Literal

import numpy as np
from pydantic import Field, field_validator

from tools.errors import HavocInputError
from tools.numeric import Numbers, as_float_array, to_decimal, uses_decimal_text
from tools.registry import register
from tools.stats_common import LocationArgs, StatResult, check_probability

EXACT_LIMIT = 50  # R: exact p-values when every sample has fewer than 50 observations and there are no ties
Method = Literal["auto", "exact", "normal"]


class _RankArgs(LocationArgs):
    mu: float | Decimal = Field(0.0, description="hypothesised location shift (x - y) or median (one sample)")
    alternative: str = Field("two-sided", description="two-sided, less or greater")
    confidence: float = Field(0.95, description="confidence level of the Hodges-Lehmann interval")
    method: Method = Field("auto", description="auto (R's rule: exact below 50 per sample without ties or zeros), "
                           "exact, or normal (approximation with tie-corrected variance)")
    correct: bool = Field(True, description="continuity correction of the normal approximation (R's default)")
    alpha: float = 0.05

    @field_validator("method", mode="before")
    @classmethod
    def _method(cls, v: Any) -> Any:
        if isinstance(v, str):
            key = v.strip().lower()
            return {"asymptotic": "normal", "approximate": "normal", "approx": "normal"}.get(key, key)
        return v


class MannWhitneyArgs(_RankArgs):
    x: Numbers("x")  # type: ignore[valid-type]
    y: Numbers("y")  # type: ignore[valid-type]


class SignedRankArgs(_RankArgs):
    x: Numbers("x")  # type: ignore[valid-type]
    y: Numbers("y") | None = Field(None, description="paired with x: the test is on x - y")  # type: ignore[valid-type]


class RankTestResult(StatResult):
    test: str
    statistic_name: str = Field(description="W (Mann-Whitney U of x, as R reports it) or V (sum of positive ranks)")
    statistic: float
    statistic_other: float = Field(description="the same statistic counted from the other side: U of y (n_x·n_y − W) "
                                   "or the sum of negative ranks (n(n+1)/2 − V); textbooks and scipy often report "
                                   "the smaller of the two")
    p_value: float
    method: str = Field(description="exact, or normal approximation (with which corrections)")
    exact: bool
    z: float | None = Field(None, description="the standardised statistic of the normal approximation")
    alternative: str
    mu: float
    estimate: float = Field(description="Hodges-Lehmann: median of the pairwise differences x_i - y_j (two "
                            "samples) or of the Walsh averages (one sample / paired)")
    estimate_name: str
    ci_low: float
    ci_high: float
    ci: list[float]
    confidence: float
    achieved_confidence: float | None = Field(None, description="exact intervals: the attained coverage")
    alpha: float
    significant: bool
    n_x: int
    n_y: int | None = None
    n_used: int | None = Field(None, description="signed rank: observations left after dropping zeros")
    zeros_dropped: int = 0
    ties: bool
    medians: list[float]
    notes: list[str] = []


def _minus(a: Any, b: Any) -> np.ndarray:
    """a − b element-wise (b a list or one number), in decimal where the input is decimal text.

    Why: ranks depend on ties, and binary floats invent and break them: 8.2 − 7.6 and 7.7 − 7.1 are both 0.6
    as written, but differ in their last bits, so an exact p-value would be used where ties call for the
    normal approximation (R's `wilcox.test` has this trap).
    """
    many = isinstance(b, (list, tuple, np.ndarray))
    if uses_decimal_text(a) and (not many or uses_decimal_text(b)):
        bs = [to_decimal(v) for v in b] if many else [to_decimal(b)] * len(a)
        return np.asarray([float(to_decimal(u) - v) for u, v in zip(a, bs, strict=True)], dtype=float)
    return as_float_array(a) - (as_float_array(b) if many else float(b))


# ---------------------------------------------------------------- exact null distributions


@lru_cache(maxsize=64)
def _wilcox_counts(m: int, n: int) -> tuple[int, ...]:
    """Number of arrangements giving U = 0 .. m*n (the Mann-Whitney null distribution, by recursion on sizes)."""
    # f[j][u]: arrangements of j x's among the first i values with U = u; add values one at a time
    table = [[0] * (m * n + 1) for _ in range(m + 1)]
    table[0][0] = 1
    for i in range(1, m + n + 1):
        for j in range(min(i, m), 0, -1):
            ys_before = i - j  # y's placed before this x: each adds one to U
            if ys_before > n:
                continue
            row, prev = table[j], table[j - 1]
            for u in range(m * n, ys_before - 1, -1):
                row[u] += prev[u - ys_before]
    return tuple(table[m])


@lru_cache(maxsize=64)
def _signrank_counts(n: int) -> tuple[int, ...]:
    top = n * (n + 1) // 2
    counts = [0] * (top + 1)
    counts[0] = 1
    for k in range(1, n + 1):
        for v in range(top, k - 1, -1):
            counts[v] += counts[v - k]
    return tuple(counts)


def _cdf(counts: tuple[int, ...], q: float) -> float:
    """P(S <= q) for an integer-valued statistic."""
    k = math.floor(q + 1e-9)
    if k < 0:
        return 0.0
    return sum(counts[: k + 1]) / sum(counts)


def _quantile(counts: tuple[int, ...], p: float) -> int:
    """R's qwilcox / qsignrank: the smallest q with P(S <= q) >= p."""
    total, acc = sum(counts), 0
    target = p - 10 * np.finfo(float).eps
    for q, c in enumerate(counts):
        acc += c
        if acc / total >= target:
            return q
    return len(counts) - 1


def _exact_p(counts: tuple[int, ...], stat: float, alternative: str) -> float:
    lower = _cdf(counts, stat)
    upper = 1.0 - _cdf(counts, stat - 1)
    if alternative == "less":
        return lower
    if alternative == "greater":
        return upper
    return min(1.0, 2.0 * min(lower, upper))


def _normal_p(z: float, alternative: str) -> float:
    from scipy.stats import norm

    if alternative == "less":
        return float(norm.cdf(z))
    if alternative == "greater":
        return float(norm.sf(z))
    return float(min(1.0, 2.0 * norm.sf(abs(z))))


def _correction(dz: float, alternative: str, correct: bool) -> float:
    if not correct:
        return 0.0
    if alternative == "two-sided":
        return 0.5 * float(np.sign(dz))
    return 0.5 if alternative == "greater" else -0.5


def _tie_sum(values: np.ndarray) -> float:
    _, counts = np.unique(values, return_counts=True)
    return float(np.sum(counts.astype(float) ** 3 - counts))


def _exact_interval(sorted_diffs: np.ndarray, counts: tuple[int, ...], top: int, confidence: float,
                    alternative: str) -> tuple[float, float, float]:
    """Order statistics of the differences (R's rule): the bounds and the coverage they attain."""
    alpha = 1.0 - confidence
    if alternative == "two-sided":
        qu = max(_quantile(counts, alpha / 2), 1)
        ql = top - qu
        achieved = 1.0 - 2.0 * _cdf(counts, qu - 1)
        return float(sorted_diffs[qu - 1]), float(sorted_diffs[ql]), achieved
    qu = max(_quantile(counts, alpha), 1)
    achieved = 1.0 - _cdf(counts, qu - 1)
    if alternative == "greater":
        return float(sorted_diffs[qu - 1]), math.inf, achieved
    return -math.inf, float(sorted_diffs[top - qu]), achieved


def _root(func, low: float, high: float, zq: float) -> float:
    """R's `root`: the shift where the standardised statistic crosses zq, clipped to the range of shifts."""
    from scipy.optimize import brentq

    f_low, f_high = func(low) - zq, func(high) - zq
    if f_low <= 0:
        return low
    if f_high >= 0:
        return high
    return float(brentq(lambda d: func(d) - zq, low, high, xtol=1e-10))


def _normal_interval(z_of_shift, low: float, high: float, confidence: float,
                     alternative: str) -> tuple[float, float]:
    from scipy.stats import norm

    alpha = 1.0 - confidence
    if alternative == "two-sided":
        return (_root(z_of_shift, low, high, float(norm.isf(alpha / 2))),
                _root(z_of_shift, low, high, float(norm.ppf(alpha / 2))))
    if alternative == "greater":
        return _root(z_of_shift, low, high, float(norm.isf(alpha))), math.inf
    return -math.inf, _root(z_of_shift, low, high, float(norm.ppf(alpha)))


def _use_exact(method: str, small: bool, ties: bool, zeros: bool, field: str = "method") -> bool:
    if method == "normal":
        return False
    if method == "exact":
        if ties or zeros:
            what = "ties" if ties else "zero differences"
            raise HavocInputError(f"exact p-values need data without {what}; use method normal (or auto)",
                                  field=field)
        return True
    return small and not ties and not zeros


# ---------------------------------------------------------------- Mann-Whitney


@register("mann_whitney", MannWhitneyArgs)
def mann_whitney(args: MannWhitneyArgs) -> RankTestResult:
    """Mann-Whitney / Wilcoxon rank-sum test of two independent samples, with the Hodges-Lehmann shift and its CI."""
    from scipy.stats import rankdata

    confidence = check_probability(args.confidence, "confidence")
    alpha = check_probability(args.alpha, "alpha")
    x, y, mu = as_float_array(args.x), as_float_array(args.y), float(args.mu)
    nx, ny = x.size, y.size
    pooled = np.concatenate([_minus(args.x, args.mu), y])
    if np.all(pooled == pooled[0]):
        raise HavocInputError("all values (x shifted by mu, and y) are equal: the ranks carry no information",
                              field="x")
    ranks = rankdata(pooled)
    w = float(np.sum(ranks[:nx]) - nx * (nx + 1) / 2)
    ties = bool(np.unique(pooled).size < pooled.size)
    exact = _use_exact(args.method, nx < EXACT_LIMIT and ny < EXACT_LIMIT, ties, False)
    diffs = np.sort(np.subtract.outer(x, y).ravel())
    notes: list[str] = []
    z = None
    if exact:
        counts = _wilcox_counts(nx, ny)
        p = _exact_p(counts, w, args.alternative)
        lo, hi, achieved = _exact_interval(diffs, counts, nx * ny, confidence, args.alternative)
        method = "exact"
    else:
        total = nx + ny

        def z_of(shift: float, correct: bool = args.correct, data: np.ndarray | None = None) -> float:
            data = np.concatenate([x - shift, y]) if data is None else data
            dz = float(np.sum(rankdata(data)[:nx]) - nx * (nx + 1) / 2 - nx * ny / 2)
            sigma = math.sqrt(nx * ny / 12 * ((total + 1) - _tie_sum(data) / (total * (total - 1))))
            if sigma == 0.0:
                raise HavocInputError("every value is tied: the normal approximation has zero variance", field="x")
            return (dz - _correction(dz, args.alternative, correct)) / sigma

        z = z_of(mu, data=pooled)
        p = _normal_p(z, args.alternative)
        lo, hi = _normal_interval(z_of, float(x.min() - y.max()), float(x.max() - y.min()), confidence,
                                  args.alternative)
        achieved = None
        method = "normal approximation, tie-corrected variance" + (", continuity correction" if args.correct else "")
        if ties and args.method == "auto" and nx < EXACT_LIMIT and ny < EXACT_LIMIT:
            notes.append("ties present: the exact distribution does not apply, so the normal approximation is used")
    estimate = float(np.median(diffs))
    return RankTestResult(
        test="Mann-Whitney (Wilcoxon rank-sum)", statistic_name="W", statistic=w, statistic_other=float(nx * ny - w),
        p_value=p, method=method,
        exact=exact, z=z, alternative=args.alternative, mu=mu, estimate=estimate,
        estimate_name="difference in location (Hodges-Lehmann, x - y)", ci_low=lo, ci_high=hi, ci=[lo, hi],
        confidence=confidence, achieved_confidence=achieved, alpha=alpha, significant=bool(p < alpha),
        n_x=nx, n_y=ny, ties=ties, medians=[float(np.median(x)), float(np.median(y))], notes=notes)


# ---------------------------------------------------------------- Wilcoxon signed rank


@register("wilcoxon_signed_rank", SignedRankArgs)
def wilcoxon_signed_rank(args: SignedRankArgs) -> RankTestResult:
    """Wilcoxon signed-rank test, one sample or paired (x - y), zeros dropped, with the Hodges-Lehmann median and CI."""
    from scipy.stats import rankdata

    confidence = check_probability(args.confidence, "confidence")
    alpha = check_probability(args.alpha, "alpha")
    mu = float(args.mu)
    paired = args.y is not None
    if paired:
        if len(args.y) != len(args.x):
            raise HavocInputError(f"paired samples must have the same length (x has {len(args.x)}, y has "
                                  f"{len(args.y)})", field="y")
        x = _minus(args.x, args.y)  # the differences, exact where the data are decimal text
        as_text = uses_decimal_text(args.x) and uses_decimal_text(args.y)
        d_all = _minus([to_decimal(a) - to_decimal(b) for a, b in zip(args.x, args.y, strict=True)], args.mu) \
            if as_text else x - mu
    else:
        x = as_float_array(args.x)
        d_all = _minus(args.x, args.mu)
    zeros = int(np.sum(d_all == 0.0))
    d = d_all[d_all != 0.0]
    n = d.size
    if n == 0:
        raise HavocInputError("every difference from mu is zero: nothing is left to rank", field="x")
    ranks = rankdata(np.abs(d))
    v = float(np.sum(ranks[d > 0]))
    ties = bool(np.unique(np.abs(d)).size < n)
    exact = _use_exact(args.method, n < EXACT_LIMIT, ties, zeros > 0)
    base = d + mu  # the interval is for the (pseudo)median of x (or of x - y), zeros dropped as R does
    notes = [f"{zeros} difference{'s' if zeros != 1 else ''} equal to mu dropped before ranking (Wilcoxon's "
             "convention, R's default)"] if zeros else []
    z = None
    if exact:
        counts = _signrank_counts(n)
        p = _exact_p(counts, v, args.alternative)
        walsh = np.add.outer(base, base)[np.triu_indices(n)] / 2.0
        walsh.sort()
        lo, hi, achieved = _exact_interval(walsh, counts, n * (n + 1) // 2, confidence, args.alternative)
        estimate = float(np.median(walsh))
        method = "exact"
    else:

        def z_of(shift: float, correct: bool = args.correct, dd: np.ndarray | None = None) -> float:
            dd = base - shift if dd is None else dd
            dd = dd[dd != 0.0]
            m = dd.size
            if m == 0:
                return 0.0
            rr = rankdata(np.abs(dd))
            dz = float(np.sum(rr[dd > 0]) - m * (m + 1) / 4)
            sigma = math.sqrt(m * (m + 1) * (2 * m + 1) / 24 - _tie_sum(np.abs(dd)) / 48)
            if sigma == 0.0:
                raise HavocInputError("every difference is tied: the normal approximation has zero variance",
                                      field="x")
            return (dz - _correction(dz, args.alternative, correct)) / sigma

        z = z_of(mu, dd=d)
        p = _normal_p(z, args.alternative)
        lo, hi = _normal_interval(z_of, float(base.min()), float(base.max()), confidence, args.alternative)
        walsh = np.add.outer(base, base)[np.triu_indices(n)] / 2.0
        estimate = float(np.median(walsh))
        achieved = None
        method = "normal approximation, tie-corrected variance" + (", continuity correction" if args.correct else "")
        if (ties or zeros) and args.method == "auto" and n < EXACT_LIMIT:
            why = "ties" if ties else "zeros"
            notes.append(f"{why} present: the exact distribution does not apply, so the normal approximation is used")
    return RankTestResult(
        test="Wilcoxon signed-rank" + (" (paired)" if paired else " (one sample)"), statistic_name="V",
        statistic=v, statistic_other=float(n * (n + 1) / 2 - v), p_value=p, method=method, exact=exact, z=z,
        alternative=args.alternative, mu=mu, estimate=estimate, estimate_name="(pseudo)median" + (" of x - y" if paired else "") + " (Hodges-Lehmann)",
        ci_low=lo, ci_high=hi, ci=[lo, hi], confidence=confidence, achieved_confidence=achieved, alpha=alpha,
        significant=bool(p < alpha), n_x=int(x.size), n_y=int(x.size) if paired else None, n_used=n,
        zeros_dropped=zeros, ties=ties, medians=[float(np.median(x))], notes=notes)
