"""Tests and intervals for one proportion or two, as R's `binom.test`, `prop.test` and `fisher.test` compute them.

Why R's rules: engineers compare defect rates and yields with R or Minitab at hand, so every number here is
the one those print. One sample: the exact binomial test (two-sided p-value: the outcomes no more likely than
the one seen, R's relative tolerance 1e-7) with the Clopper-Pearson interval, or the score test with the
Wilson interval. Two samples: the z test on the pooled proportion (`prop.test` without Yates unless asked),
or Fisher's exact test (conditional maximum-likelihood odds ratio and its exact interval) when an expected
count is under 5; the difference of proportions always gets Newcombe's hybrid score interval (his method 10),
which keeps its coverage where the Wald interval does not.
"""

from __future__ import annotations

import math
from decimal import Decimal
from typing import Any, Literal

from pydantic import BaseModel, Field, field_validator

from tools.errors import HavocInputError
from tools.registry import register
from tools.stats_common import StatResult, check_probability, normalise_alternative

ProportionMethod = Literal["auto", "exact", "score", "z", "fisher"]
RELATIVE_TOLERANCE = 1 + 1e-7  # R: outcomes within this factor of the observed one count as "as likely"
EXPECTED_MINIMUM = 5.0  # below this expected count the two-sample z test yields to Fisher's exact test
MAX_TRIALS = 10**12
FISHER_MAX_TRIALS = 10**7


def _counts(value: Any, field: str) -> list[int]:
    items = value if isinstance(value, (list, tuple)) else [value]
    if not 1 <= len(items) <= 2:
        raise HavocInputError(f"give one count (one sample) or two (two samples), got {len(items)}", field=field)
    out = []
    for item in items:
        if isinstance(item, bool) or not isinstance(item, (int, float, Decimal)):
            raise HavocInputError(f"expected a whole number, got {str(item)[:40]!r}", field=field)
        if isinstance(item, (float, Decimal)) and (not math.isfinite(float(item)) or item != int(item)):
            raise HavocInputError(f"counts are whole numbers, got {item}", field=field)
        count = int(item)
        if count < 0 or count > MAX_TRIALS:
            raise HavocInputError(f"counts must be between 0 and {MAX_TRIALS:.0e}, got {count}", field=field)
        out.append(count)
    return out


class ProportionArgs(BaseModel):
    x: list[int] = Field(description="successes (events, defectives): one count, or one per sample (two samples)")
    n: list[int] = Field(description="trials (sample sizes), one per count")
    p0: float | None = Field(None, description="one sample: the hypothesised proportion (default 0.5)")
    method: ProportionMethod = Field("auto", description="one sample: exact (binomial, the default) or score "
                                     "(Wilson); two samples: z (pooled, the default) or fisher (exact; auto "
                                     "chooses it when an expected count is under 5)")
    alternative: str = Field("two-sided", description="two-sided, less or greater (first sample's proportion "
                             "against p0 or against the second's)")
    confidence: float = Field(0.95, description="confidence level of the intervals")
    correct: bool = Field(False, description="Yates' continuity correction of the score / z test and its interval "
                          "(R's prop.test default is TRUE; the textbook z test is without)")
    alpha: float = 0.05

    @field_validator("x", "n", mode="before")
    @classmethod
    def _whole(cls, v: Any, info: Any) -> list[int]:
        return _counts(v, info.field_name)

    @field_validator("p0", mode="before")
    @classmethod
    def _p0(cls, v: Any) -> Any:
        if v is None:
            return None
        if isinstance(v, bool) or not isinstance(v, (int, float, Decimal)) or not 0 < float(v) < 1:
            raise HavocInputError(f"must be a proportion strictly between 0 and 1, got {str(v)[:40]!r}", field="p0")
        return float(v)

    @field_validator("alternative", mode="before")
    @classmethod
    def _alt(cls, v: Any) -> str:
        return normalise_alternative(v)

    @field_validator("method", mode="before")
    @classmethod
    def _method(cls, v: Any) -> Any:
        if isinstance(v, str):
            key = v.strip().lower()
            return {"binomial": "exact", "wilson": "score", "fisher_exact": "fisher", "normal": "z"}.get(key, key)
        return v


class ProportionResult(StatResult):
    test: str
    method: str
    x: list[int]
    n: list[int]
    p_hat: list[float]
    percent: list[float] = Field(description="each sample's proportion as a percentage, 100 x / n")
    p0: float | None = None
    difference: float | None = Field(None, description="two samples: p1 - p2")
    statistic_name: str = Field(description="x (exact binomial), z (score / z test) or x11 (Fisher: the first "
                                "sample's successes)")
    statistic: float
    z: float | None = None
    chi_square: float | None = Field(None, description="z squared (R's prop.test reports X-squared)")
    p_value: float
    p_value_score: float | None = Field(None, description="exact one-sample test: the score test's p-value beside "
                                        "it (with `z`), for comparison with hand calculations")
    alternative: str
    estimate: float = Field(description="the proportion (one sample) or the difference p1 - p2")
    ci_low: float
    ci_high: float
    ci: list[float]
    ci_method: str
    intervals: dict[str, list[float]] = Field(description="every interval computed, by name")
    odds_ratio: float | None = Field(None, description="Fisher: conditional maximum-likelihood odds ratio")
    odds_ratio_ci: list[float] | None = None
    sample_odds_ratio: float | None = None
    min_expected: float | None = Field(None, description="two samples: the smallest expected count of the 2x2 "
                                       "table under equal proportions")
    confidence: float
    alpha: float
    significant: bool
    correct: bool
    notes: list[str] = []


# ---------------------------------------------------------------- one sample


def _binom_two_sided(x: int, n: int, p: float) -> float:
    """R's binom.test: P(outcomes with probability <= that of x, within a relative 1e-7), by bisection on the
    far tail: the mode floor((n + 1)p) lies in [floor(np), ceil(np)], so the pmf is monotone on each side of
    np and a million trials cost a few dozen pmf calls."""
    from scipy.stats import binom

    m = n * p
    if x == m:
        return 1.0
    d = binom.pmf(x, n, p) * RELATIVE_TOLERANCE
    if x < m:  # count far-tail outcomes i >= ceil(m) with pmf(i) <= d: they form a run ending at n
        lo, hi = math.ceil(m), n + 1  # find the first i in [lo, n] with pmf(i) <= d
        while lo < hi:
            mid = (lo + hi) // 2
            if binom.pmf(mid, n, p) <= d:
                hi = mid
            else:
                lo = mid + 1
        return float(min(1.0, binom.cdf(x, n, p) + binom.sf(lo - 1, n, p)))
    lo, hi = -1, math.floor(m)  # last i in [0, floor(m)] with pmf(i) <= d
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if binom.pmf(mid, n, p) <= d:
            lo = mid
        else:
            hi = mid - 1
    below = binom.cdf(lo, n, p) if lo >= 0 else 0.0
    return float(min(1.0, below + binom.sf(x - 1, n, p)))


def clopper_pearson(x: int, n: int, confidence: float, alternative: str) -> list[float]:
    from scipy.stats import beta

    tail = (1 - confidence) / (2 if alternative == "two-sided" else 1)
    low = 0.0 if x == 0 else float(beta.ppf(tail, x, n - x + 1))
    high = 1.0 if x == n else float(beta.isf(tail, x + 1, n - x))
    if alternative == "less":
        return [0.0, high]
    if alternative == "greater":
        return [low, 1.0]
    return [low, high]


def wilson(x: int, n: int, confidence: float, alternative: str, yates: float = 0.0) -> list[float]:
    """Wilson's score interval, with R's prop.test continuity correction when `yates` > 0."""
    from scipy.stats import norm

    z = float(norm.ppf((1 + confidence) / 2 if alternative == "two-sided" else confidence))
    estimate = x / n
    z22n = z * z / (2 * n)
    pc = estimate + yates / n
    high = 1.0 if pc >= 1 else (pc + z22n + z * math.sqrt(pc * (1 - pc) / n + z22n / (2 * n))) / (1 + 2 * z22n)
    pc = estimate - yates / n
    low = 0.0 if pc <= 0 else (pc + z22n - z * math.sqrt(pc * (1 - pc) / n + z22n / (2 * n))) / (1 + 2 * z22n)
    low, high = max(low, 0.0), min(high, 1.0)
    if alternative == "less":
        return [0.0, high]
    if alternative == "greater":
        return [low, 1.0]
    return [low, high]


def _normal_p(z: float, alternative: str) -> float:
    from scipy.stats import norm

    if alternative == "less":
        return float(norm.cdf(z))
    if alternative == "greater":
        return float(norm.sf(z))
    return float(min(1.0, 2 * norm.sf(abs(z))))


def _one_sample(args: ProportionArgs, confidence: float, alpha: float) -> ProportionResult:
    from scipy.stats import binom

    x, n = args.x[0], args.n[0]
    p0 = 0.5 if args.p0 is None else args.p0
    method = "exact" if args.method == "auto" else args.method
    if method not in ("exact", "score"):
        raise HavocInputError(f"one sample takes method exact or score, not {method}", field="method")
    estimate = x / n
    yates = min(0.5, abs(x - n * p0)) if args.correct else 0.0
    intervals = {"clopper_pearson": clopper_pearson(x, n, confidence, args.alternative),
                 "wilson": wilson(x, n, confidence, args.alternative)}
    if args.correct:
        intervals["wilson_corrected"] = wilson(x, n, confidence, args.alternative, yates)
    if args.alternative != "two-sided":
        # a one-sided test reports the one-sided bound (as R's binom.test does); the usual two-sided interval of the
        # proportion is what "the 95 % Clopper-Pearson interval" means to most readers, so it is given beside it
        intervals["clopper_pearson_two_sided"] = clopper_pearson(x, n, confidence, "two-sided")
        intervals["wilson_two_sided"] = wilson(x, n, confidence, "two-sided")
    notes = []
    z = chi = p_value_score = None
    if method == "exact":
        statistic, name = float(x), "x"
        if args.alternative == "less":
            p = float(binom.cdf(x, n, p0))
        elif args.alternative == "greater":
            p = float(binom.sf(x - 1, n, p0))
        else:
            p = _binom_two_sided(x, n, p0)
        ci, ci_method, test = intervals["clopper_pearson"], "Clopper-Pearson (exact)", "exact binomial test"
        # the score test beside it, as many texts compute it by hand: z = (p̂ − p0) / √(p0(1 − p0)/n)
        z = (estimate - p0) / math.sqrt(p0 * (1 - p0) / n) if 0 < p0 < 1 else None
        if z is not None:
            score_p = _normal_p(z, args.alternative)
            notes.append(f"for comparison, the score (normal-approximation) test gives z = {z:.4g}, "
                         f"p = {score_p:.4g}; the exact p-value above is the one to use")
            p_value_score = score_p
    else:
        chi = (abs(x - n * p0) - yates) ** 2 / (n * p0 * (1 - p0))
        z = math.copysign(math.sqrt(chi), estimate - p0)
        statistic, name = z, "z"
        p = _normal_p(z, args.alternative)
        key = "wilson_corrected" if args.correct else "wilson"
        ci, ci_method = intervals[key], "Wilson score" + (" with continuity correction" if args.correct else "")
        test = "score test of one proportion" + (" (continuity-corrected)" if args.correct else "")
        if min(n * p0, n * (1 - p0)) < EXPECTED_MINIMUM:
            notes.append(f"n·p0 or n·(1 − p0) is under {EXPECTED_MINIMUM:g}: the normal approximation is poor; "
                         "the exact binomial test is safer")
    return ProportionResult(
        test=test, method=method, x=[x], n=[n], p_hat=[estimate], percent=[100.0 * x / n], p0=p0, statistic_name=name,
        statistic=statistic,
        z=z, chi_square=chi, p_value=p, p_value_score=p_value_score, alternative=args.alternative,
        estimate=estimate, ci_low=ci[0], ci_high=ci[1], ci=ci, ci_method=ci_method, intervals=intervals,
        confidence=confidence, alpha=alpha, significant=bool(p < alpha), correct=args.correct, notes=notes)


# ---------------------------------------------------------------- two samples


def newcombe(x: list[int], n: list[int], confidence: float, alternative: str) -> list[float]:
    """Newcombe's hybrid score interval for p1 - p2 (1998, method 10), from the two Wilson intervals.

    One-sided: the matching bound of the two-sided interval at level 1 - 2(1 - confidence)."""
    level = confidence if alternative == "two-sided" else 2 * confidence - 1
    (l1, u1), (l2, u2) = wilson(x[0], n[0], level, "two-sided"), wilson(x[1], n[1], level, "two-sided")
    p1, p2 = x[0] / n[0], x[1] / n[1]
    d = p1 - p2
    low = d - math.sqrt((p1 - l1) ** 2 + (u2 - p2) ** 2)
    high = d + math.sqrt((u1 - p1) ** 2 + (p2 - l2) ** 2)
    if alternative == "less":
        return [-1.0, high]
    if alternative == "greater":
        return [low, 1.0]
    return [low, high]


def wald_difference(x: list[int], n: list[int], confidence: float, alternative: str, correct: bool) -> list[float]:
    """R's prop.test interval for p1 - p2 (Wald, with its continuity correction when asked)."""
    from scipy.stats import norm

    p1, p2 = x[0] / n[0], x[1] / n[1]
    d = p1 - p2
    z = float(norm.ppf((1 + confidence) / 2 if alternative == "two-sided" else confidence))
    yates = min(0.5, abs(d) / (1 / n[0] + 1 / n[1])) if correct else 0.0
    width = z * math.sqrt(p1 * (1 - p1) / n[0] + p2 * (1 - p2) / n[1]) + yates * (1 / n[0] + 1 / n[1])
    low, high = max(d - width, -1.0), min(d + width, 1.0)
    if alternative == "less":
        return [-1.0, high]
    if alternative == "greater":
        return [low, 1.0]
    return [low, high]


def _fisher_p(a: int, rows: tuple[int, int], col: int, alternative: str) -> float:
    """The hypergeometric law of the first cell given the margins; two-sided as R (probabilities <= observed)."""
    import numpy as np
    from scipy.stats import hypergeom

    total = rows[0] + rows[1]
    law = hypergeom(total, col, rows[0])
    if alternative == "less":
        return float(law.cdf(a))
    if alternative == "greater":
        return float(law.sf(a - 1))
    support = np.arange(max(0, col - rows[1]), min(col, rows[0]) + 1)
    pmf = law.pmf(support)
    return float(min(1.0, pmf[pmf <= law.pmf(a) * RELATIVE_TOLERANCE].sum()))


def _fisher_odds_ratio(a: int, rows: tuple[int, int], col: int, confidence: float,
                       alternative: str) -> tuple[float, list[float]]:
    """Conditional maximum-likelihood odds ratio and its exact interval (R's fisher.test), by root finding on
    Fisher's noncentral hypergeometric law of the first cell."""
    from scipy.optimize import brentq
    from scipy.stats import nchypergeom_fisher

    total = rows[0] + rows[1]
    lo_a, hi_a = max(0, col - rows[1]), min(col, rows[0])

    def law(log_or: float):
        return nchypergeom_fisher(total, rows[0], col, math.exp(log_or))

    def solve(func, target: float) -> float:
        low, high = -50.0, 50.0
        f_low, f_high = func(low) - target, func(high) - target
        if f_low * f_high > 0:
            return -math.inf if abs(f_low) < abs(f_high) else math.inf
        return brentq(lambda t: func(t) - target, low, high, xtol=1e-12)

    if a == lo_a:
        mle = 0.0
    elif a == hi_a:
        mle = math.inf
    else:
        mle = math.exp(solve(lambda t: law(t).mean(), a))
    tail = (1 - confidence) / (2 if alternative == "two-sided" else 1)
    low = 0.0 if a == lo_a else math.exp(solve(lambda t: law(t).sf(a - 1), tail))
    high = math.inf if a == hi_a else math.exp(solve(lambda t: law(t).cdf(a), tail))
    if alternative == "less":
        return mle, [0.0, high]
    if alternative == "greater":
        return mle, [low, math.inf]
    return mle, [low, high]


def _two_sample(args: ProportionArgs, confidence: float, alpha: float) -> ProportionResult:
    (x1, x2), (n1, n2) = args.x, args.n
    if args.p0 is not None:
        raise HavocInputError("p0 is the hypothesised proportion of one sample; two samples are compared with "
                              "each other", field="p0")
    pooled = (x1 + x2) / (n1 + n2)
    expected = [n1 * pooled, n1 * (1 - pooled), n2 * pooled, n2 * (1 - pooled)]
    min_expected = min(expected)
    method = args.method
    notes = []
    if method == "auto":
        method = "fisher" if min_expected < EXPECTED_MINIMUM else "z"
        if method == "fisher":
            notes.append(f"an expected count is {min_expected:.3g} (< {EXPECTED_MINIMUM:g}): Fisher's exact test "
                         "instead of the z test")
    if method not in ("z", "fisher"):
        raise HavocInputError(f"two samples take method z or fisher, not {method}", field="method")
    if pooled in (0.0, 1.0) and method == "z":
        raise HavocInputError("every trial has the same outcome in both samples: the z test has no variance",
                              field="x")
    p1, p2 = x1 / n1, x2 / n2
    d = p1 - p2
    intervals = {"newcombe": newcombe(args.x, args.n, confidence, args.alternative),
                 "wald": wald_difference(args.x, args.n, confidence, args.alternative, args.correct)}
    z = chi = odds = sample_or = None
    odds_ci = None
    if method == "z":
        yates = min(0.5, abs(d) / (1 / n1 + 1 / n2)) if args.correct else 0.0
        observed = [x1, n1 - x1, x2, n2 - x2]
        chi = sum((abs(o - e) - yates) ** 2 / e for o, e in zip(observed, expected, strict=True))
        z = math.copysign(math.sqrt(chi), d)
        statistic, name = z, "z"
        p = _normal_p(z, args.alternative)
        test = "two-proportion z test (pooled)" + (" with continuity correction" if args.correct else "")
        if min_expected < EXPECTED_MINIMUM:
            notes.append(f"an expected count is {min_expected:.3g} (< {EXPECTED_MINIMUM:g}): the z test's normal "
                         "approximation is poor; Fisher's exact test is safer")
    else:
        if n1 + n2 > FISHER_MAX_TRIALS:
            raise HavocInputError(f"Fisher's exact test sums over every table with these margins; above "
                                  f"{FISHER_MAX_TRIALS:.0e} trials use method z (exact and normal agree there)",
                                  field="method")
        rows, col = (n1, n2), x1 + x2
        p = _fisher_p(x1, rows, col, args.alternative)
        odds, odds_ci = _fisher_odds_ratio(x1, rows, col, confidence, args.alternative)
        statistic, name = float(x1), "x11"
        b, c = n1 - x1, x2
        sample_or = (x1 * (n2 - x2)) / (b * c) if b * c else math.inf
        test = "Fisher's exact test"
    ci = intervals["newcombe"]
    return ProportionResult(
        test=test, method=method, x=[x1, x2], n=[n1, n2], p_hat=[p1, p2], percent=[100.0 * x1 / n1, 100.0 * x2 / n2],
        difference=d, statistic_name=name,
        statistic=statistic, z=z, chi_square=chi, p_value=p, alternative=args.alternative, estimate=d,
        ci_low=ci[0], ci_high=ci[1], ci=ci, ci_method="Newcombe hybrid score (difference p1 - p2)",
        intervals=intervals, odds_ratio=odds, odds_ratio_ci=odds_ci, sample_odds_ratio=sample_or,
        min_expected=min_expected, confidence=confidence, alpha=alpha, significant=bool(p < alpha),
        correct=args.correct, notes=notes)


@register("proportion_test", ProportionArgs)
def proportion_test(args: ProportionArgs) -> ProportionResult:
    """One proportion (exact binomial or score test) or two (z test or Fisher's exact), with Wilson, Clopper-Pearson and Newcombe intervals."""
    confidence = check_probability(args.confidence, "confidence")
    alpha = check_probability(args.alpha, "alpha")
    if len(args.x) != len(args.n):
        raise HavocInputError(f"give one trial count per success count ({len(args.x)} counts, {len(args.n)} "
                              "sizes)", field="n")
    for i, (x, n) in enumerate(zip(args.x, args.n, strict=True)):
        if n < 1:
            raise HavocInputError(f"a sample needs at least one trial, got {n}", field=f"n[{i}]")
        if x > n:
            raise HavocInputError(f"{x} successes out of {n} trials: successes cannot exceed trials", field=f"x[{i}]")
    if len(args.x) == 1:
        return _one_sample(args, confidence, alpha)
    return _two_sample(args, confidence, alpha)
