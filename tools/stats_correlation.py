"""Correlation of two paired samples: Pearson's r, Spearman's rho or Kendall's tau-b, with its test and interval.

Why these choices: they are the textbook ones and the ones R's cor.test and scipy report, so users can
check us. Pearson and Spearman are tested with t = r·sqrt((n − 2)/(1 − r²)) on n − 2 df (exact for Pearson
under normality; the usual approximation for Spearman, as scipy.stats.spearmanr computes it). Kendall's
p-value is scipy's kendalltau (exact without ties for small n, else the tie-corrected normal score, whose z
is reported either way). The interval for Pearson's r is Fisher's z; for Spearman's rho it is Fisher's z with
the Bonett–Wright variance 1.06/(n − 3); Kendall's tau gets none. Each series is shifted in decimal first
(NIST's Norris data keep all their digits), and ranks are taken of the values as written, ties averaged.
"""

from __future__ import annotations

import math
from typing import Any, Literal

import numpy as np
from pydantic import BaseModel, Field, field_validator

from tools.errors import HavocInputError
from tools.numeric import Numbers, accurate_sum, decimal_shift
from tools.registry import register
from tools.stats_common import StatResult, check_probability, normalise_alternative, p_from_t
from tools.stats_describe import centred

Method = Literal["pearson", "spearman", "kendall"]
_METHOD_ALIASES = {"r": "pearson", "product_moment": "pearson", "rho": "spearman", "spearman_rho": "spearman",
                   "rank": "spearman", "tau": "kendall", "tau_b": "kendall", "kendall_tau": "kendall"}
_NAMES = {"pearson": "r", "spearman": "rho", "kendall": "tau_b"}
_TITLES = {"pearson": "Pearson product-moment correlation", "spearman": "Spearman rank correlation",
           "kendall": "Kendall rank correlation (tau-b)"}
BONETT_WRIGHT = 1.06  # the variance factor of Fisher's z for Spearman's rho (Bonett & Wright, 2000)
SPEARMAN_T_MINIMUM = 10  # below this the t approximation for rho is rough
KENDALL_EXACT_LIMIT = 33  # scipy's rule: exact p without ties up to 33 pairs


class CorrelationArgs(BaseModel):
    x: Numbers("x")  # type: ignore[valid-type]
    y: Numbers("y")  # type: ignore[valid-type]
    method: Method = Field("pearson", description="pearson (linear), spearman (ranks) or kendall (tau-b)")
    alternative: str = Field("two-sided", description="two-sided, greater (positive association) or less")
    confidence: float = Field(0.95, description="confidence level of the interval for the coefficient")
    alpha: float = 0.05

    @field_validator("method", mode="before")
    @classmethod
    def _method(cls, v: Any) -> Any:
        if isinstance(v, str):
            key = v.strip().lower().replace("-", "_").replace(" ", "_").replace("'s", "")
            return _METHOD_ALIASES.get(key, key)
        return v

    @field_validator("alternative", mode="before")
    @classmethod
    def _alt(cls, v: Any) -> str:
        return normalise_alternative(v)


class CorrelationResult(StatResult):
    method: Method
    test: str
    n: int
    coefficient: float = Field(description="r (pearson), rho (spearman) or tau-b (kendall)")
    coefficient_name: str = Field(description="r, rho or tau_b: the key that repeats the coefficient")
    r: float | None = None
    rho: float | None = None
    tau_b: float | None = None
    statistic: float | None = Field(description="t (pearson, spearman) or the normal score z (kendall)")
    statistic_name: str
    df: int | None = Field(description="n - 2 for the t statistic; none for kendall")
    p_value: float
    p_method: str
    alternative: str
    alpha: float
    significant: bool = Field(description="p_value < alpha")
    confidence: float
    ci_low: float | None
    ci_high: float | None
    ci: list[float] | None = Field(description="[ci_low, ci_high]; one-sided alternatives end at -1 or 1")
    ci_method: str | None
    r_squared: float | None = Field(None, description="pearson only: the share of y's variance a line in x explains")
    concordant: int | None = Field(None, description="kendall only: pairs ordered the same way in x and y")
    discordant: int | None = Field(None, description="kendall only: pairs ordered opposite ways (ties in either are "
                                                     "neither)")
    s: int | None = Field(None, description="kendall only: Kendall's S = concordant − discordant")
    p_value_normal: float | None = Field(None, description="kendall only: the large-sample p-value of z (normal, no "
                                         "continuity correction), beside an exact p_value")
    notes: list[str] = []


def _concordance(xs: np.ndarray, ys: np.ndarray) -> tuple[int, int]:
    """(concordant, discordant) pairs i < j, by the signs of their differences in x and y (a tie in either is
    neither)."""
    i, j = np.triu_indices(xs.size, k=1)
    product = np.sign(xs[j] - xs[i]) * np.sign(ys[j] - ys[i])
    return int((product > 0).sum()), int((product < 0).sum())


def _pearson(xs: np.ndarray, ys: np.ndarray) -> float:
    _, dx = centred(xs)
    _, dy = centred(ys)
    sxx, syy, sxy = accurate_sum(dx * dx), accurate_sum(dy * dy), accurate_sum(dx * dy)
    product = sxx * syy  # one square root where it neither overflows nor underflows: r = 1 stays exactly 1
    denominator = math.sqrt(product) if 0.0 < product < math.inf else math.sqrt(sxx) * math.sqrt(syy)
    return max(-1.0, min(1.0, sxy / denominator))


def _t_test(r: float, n: int, alternative: str) -> tuple[float, float]:
    if abs(r) == 1.0:
        t = math.copysign(math.inf, r)
        p = {"two-sided": 0.0, "greater": 0.0 if r > 0 else 1.0, "less": 0.0 if r < 0 else 1.0}[alternative]
        return t, p
    t = r * math.sqrt((n - 2) / ((1.0 - r) * (1.0 + r)))
    return t, p_from_t(t, n - 2, alternative)


def _fisher_interval(r: float, n: int, variance: float, confidence: float, alternative: str
                     ) -> tuple[float, float] | None:
    from scipy import stats as sps

    if n < 4 or abs(r) == 1.0:
        return None
    z, se = math.atanh(r), math.sqrt(variance / (n - 3))
    if alternative == "two-sided":
        q = float(sps.norm.ppf(0.5 + confidence / 2.0))
        return math.tanh(z - q * se), math.tanh(z + q * se)
    q = float(sps.norm.ppf(confidence))
    return (math.tanh(z - q * se), 1.0) if alternative == "greater" else (-1.0, math.tanh(z + q * se))


def _tie_counts(values: np.ndarray) -> np.ndarray:
    _, counts = np.unique(values, return_counts=True)
    return counts[counts > 1].astype(float)


def _kendall(xs: np.ndarray, ys: np.ndarray, alternative: str) -> tuple[float, float, float, str]:
    """tau-b and p from scipy; z = (concordant - discordant) / sd under H0 with ties (Kendall 1970, scipy's)."""
    from scipy import stats as sps

    res = sps.kendalltau(xs, ys, alternative=alternative)
    tau = float(res.statistic)
    n = xs.size
    tot = n * (n - 1) / 2
    tx, ty = _tie_counts(xs), _tie_counts(ys)
    xtie, ytie = float((tx * (tx - 1) / 2).sum()), float((ty * (ty - 1) / 2).sum())
    con_minus_dis = round(tau * math.sqrt(tot - xtie) * math.sqrt(tot - ytie))
    m = n * (n - 1.0)
    var = ((m * (2 * n + 5) - (tx * (tx - 1) * (2 * tx + 5)).sum() - (ty * (ty - 1) * (2 * ty + 5)).sum()) / 18
           + 2 * xtie * ytie / m + (tx * (tx - 1) * (tx - 2)).sum() * (ty * (ty - 1) * (ty - 2)).sum() / (9 * m * (n - 2)))
    z = con_minus_dis / math.sqrt(var)
    no_ties = xtie == 0 and ytie == 0
    exact = no_ties and (n <= KENDALL_EXACT_LIMIT or min((tot - con_minus_dis) / 2, (tot + con_minus_dis) / 2) <= 1)
    how = "exact null distribution (no ties)" if exact else "normal approximation with the tie-corrected variance"
    return tau, float(res.pvalue), z, how


def _shifted(values: Any, field: str) -> np.ndarray:
    shifted, _ = decimal_shift(values)
    if np.all(shifted == shifted[0]):
        raise HavocInputError("all values are equal: a constant series has no correlation (it is undefined)",
                              field=field)
    return shifted


@register("correlation", CorrelationArgs)
def correlation(args: CorrelationArgs) -> CorrelationResult:
    """Correlation of paired x and y: Pearson r, Spearman rho or Kendall tau-b, with its test and interval."""
    from scipy import stats as sps

    confidence = check_probability(args.confidence, "confidence")
    alpha = check_probability(args.alpha, "alpha")
    if len(args.x) != len(args.y):
        raise HavocInputError(f"x and y must be paired (equal lengths): x has {len(args.x)} values, y has "
                              f"{len(args.y)}", field="y")
    n = len(args.x)
    if n < 3:
        raise HavocInputError(f"needs at least 3 pairs, got {n} (a correlation of two points is always ±1)",
                              field="x")
    xs, ys = _shifted(args.x, "x"), _shifted(args.y, "y")
    method, alternative = args.method, args.alternative
    notes: list[str] = []
    interval = None
    ci_method = None
    r_squared = None
    df: int | None = n - 2
    p_normal = None
    if method == "kendall":
        coefficient, p, statistic, p_method = _kendall(xs, ys, alternative)
        df, statistic_name = None, "z"
        tail = {"greater": sps.norm.sf(statistic), "less": sps.norm.cdf(statistic)}
        p_normal = float(tail.get(alternative, 2 * sps.norm.sf(abs(statistic))))
        notes.append("Kendall's tau-b gets no confidence interval here")
    else:
        if method == "spearman":
            coefficient = _pearson(sps.rankdata(xs), sps.rankdata(ys))
        else:
            coefficient = _pearson(xs, ys)
            r_squared = coefficient * coefficient
        statistic, p = _t_test(coefficient, n, alternative)
        statistic_name = "t"
        p_method = f"t distribution on {n - 2} df" + (" (the usual approximation for ranks)" if method == "spearman"
                                                      else "")
        variance = BONETT_WRIGHT if method == "spearman" else 1.0
        interval = _fisher_interval(coefficient, n, variance, confidence, alternative)
        if interval is not None:
            ci_method = ("Fisher's z" if method == "pearson" else
                         "Fisher's z with the Bonett–Wright variance 1.06/(n − 3)")
        elif n < 4:
            notes.append("no confidence interval: Fisher's z needs at least 4 pairs")
        else:
            notes.append("no confidence interval: the correlation is perfect (±1)")
        if method == "spearman" and n < SPEARMAN_T_MINIMUM:
            notes.append(f"with fewer than {SPEARMAN_T_MINIMUM} pairs the t approximation to Spearman's p-value is "
                         "rough (the exact permutation p-value is not computed)")
    if method != "pearson":
        for name, values in (("x", xs), ("y", ys)):
            ties = _tie_counts(values)
            if ties.size:
                how = "tau-b corrects for them" if method == "kendall" else "average ranks used"
                notes.append(f"ties in {name}: {int(ties.sum())} values in {ties.size} tied group(s); {how}")
    lo, hi = interval if interval is not None else (None, None)
    pairs = _concordance(xs, ys) if method == "kendall" and n <= 5000 else None
    return CorrelationResult(
        method=method, test=_TITLES[method], n=n, coefficient=coefficient, coefficient_name=_NAMES[method],
        **{_NAMES[method]: coefficient}, statistic=statistic, statistic_name=statistic_name, df=df,
        p_value=p, p_method=p_method, alternative=alternative, alpha=alpha, significant=bool(p < alpha),
        confidence=confidence, ci_low=lo, ci_high=hi, ci=None if interval is None else [lo, hi],
        ci_method=ci_method, r_squared=r_squared, p_value_normal=p_normal, notes=notes,
        **(dict(zip(("concordant", "discordant"), pairs, strict=True)) | {"s": pairs[0] - pairs[1]} if pairs else {}),
    )
