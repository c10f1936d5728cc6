"""McNemar's test: paired yes/no outcomes (the same units under two conditions, two raters, before and after).

Why its own tool: a 2 × 2 table of paired outcomes is not a contingency table of independent samples, so a
chi-square test of independence or Fisher's exact test on it answers a different question. Only the discordant
pairs carry information about a change: b (yes under the first condition, no under the second) and c (the
reverse). Under the null hypothesis of equal marginal proportions each discordant pair is b or c with probability
1/2, so

- the exact test is the binomial test of b out of b + c against 1/2 (two-sided: twice the smaller tail, capped
  at 1), which is what statsmodels' `mcnemar(exact=True)` and R's `exact2x2` report;
- the chi-square test is (|b − c| − 1)² / (b + c) with 1 df with Edwards' continuity correction (R's
  `mcnemar.test` default), or (b − c)² / (b + c) without it.

`auto` takes the exact test when b + c < 25 (the usual rule: the chi-square approximation is poor for few
discordant pairs) and the corrected chi-square otherwise; every variant is reported beside the one chosen. With
the whole table the difference of the two marginal proportions, (b − c) / N, is given with its Wald interval.
"""

from __future__ import annotations

import math
from typing import Any, Literal

from pydantic import BaseModel, Field, field_validator

from tools.errors import HavocInputError
from tools.numeric import _check_scalar
from tools.registry import register
from tools.stats_common import StatResult, check_probability

EXACT_BELOW = 25  # discordant pairs under which `auto` takes the exact test


class McNemarArgs(BaseModel):
    table: list[Any] | None = Field(None, description="the 2 x 2 table of paired outcomes [[a, b], [c, d]]: rows the "
                                                      "first condition (yes, no), columns the second (yes, no)")
    b: Any = Field(None, description="instead of table: the discordant pairs yes under the first condition, no "
                                     "under the second")
    c: Any = Field(None, description="instead of table: the discordant pairs no under the first, yes under the second")
    method: Literal["auto", "exact", "corrected", "uncorrected"] = Field(
        "auto", description="exact binomial, chi-square with (corrected) or without (uncorrected) the continuity "
                            "correction, or auto: exact when b + c < 25, else corrected")
    confidence: float = Field(0.95, description="confidence of the interval for the difference of the proportions")

    @field_validator("method", mode="before")
    @classmethod
    def _method(cls, v: Any) -> Any:
        if isinstance(v, str):
            key = v.strip().lower().replace("-", "_").replace(" ", "_")
            return {"binomial": "exact", "chi2": "corrected", "chisq": "corrected", "chi_square": "corrected",
                    "continuity": "corrected", "edwards": "corrected", "yates": "corrected", "asymptotic": "corrected",
                    "plain": "uncorrected", "no_correction": "uncorrected"}.get(key, key)
        return v


class McNemarResult(StatResult):
    test: str = "McNemar"
    method: str = Field(description="the variant whose p-value is reported: exact, corrected or uncorrected")
    b: int = Field(description="discordant: yes under the first condition, no under the second")
    c: int = Field(description="discordant: no under the first condition, yes under the second")
    discordant: int
    statistic: float | None = Field(None, description="the chi-square statistic of the method (None for exact)")
    df: int = 1
    p_value: float
    p_exact: float
    chi2_corrected: float
    p_corrected: float
    chi2_uncorrected: float
    p_uncorrected: float
    n_pairs: int | None = Field(None, description="all pairs, when the whole table is given")
    proportion_first: float | None = Field(None, description="the first condition's proportion of yes: (a + b) / N")
    proportion_second: float | None = Field(None, description="the second condition's: (a + c) / N")
    difference: float | None = Field(None, description="proportion_first - proportion_second = (b - c) / N")
    ci_low: float | None = None
    ci_high: float | None = None
    confidence: float
    odds_ratio: float | None = Field(None, description="the conditional odds ratio b / c (None when c = 0)")
    notes: list[str] = Field(default_factory=list)


def _count(value: Any, field: str) -> int:
    number = float(_check_scalar(value, field))
    if number < 0 or number != int(number):
        raise HavocInputError(f"{field} is a count of pairs, a whole number ≥ 0; got {number:g}", field=field)
    return int(number)


def _cells(args: McNemarArgs) -> tuple[list[int] | None, int, int]:
    if args.table is not None:
        if args.b is not None or args.c is not None:
            raise HavocInputError("give the 2 x 2 table or the two discordant counts b and c, not both", field="table")
        rows = args.table
        if not isinstance(rows, list) or len(rows) != 2 or not all(isinstance(r, list) and len(r) == 2 for r in rows):
            shape = (f"{len(rows)} rows" if isinstance(rows, list) else "not a table")
            raise HavocInputError(f"McNemar's test takes a 2 x 2 table of paired outcomes, got {shape}", field="table")
        a, b, c, d = (_count(v, "table") for v in (*rows[0], *rows[1]))
        return [a, b, c, d], b, c
    if args.b is None or args.c is None:
        raise HavocInputError("McNemar's test needs the 2 x 2 table, or both discordant counts b and c", field="b")
    return None, _count(args.b, "b"), _count(args.c, "c")


@register("mcnemar", McNemarArgs)
def mcnemar(args: McNemarArgs) -> McNemarResult:
    """McNemar's test of paired yes/no outcomes: exact binomial on the discordant pairs, or chi-square (1 df)."""
    from scipy import stats

    check_probability(args.confidence, "confidence")
    cells, b, c = _cells(args)
    n = b + c
    if n == 0:
        raise HavocInputError("no discordant pairs (b = c = 0): McNemar's test has nothing to compare", field="table")
    p_exact = min(1.0, 2 * float(stats.binom.cdf(min(b, c), n, 0.5)))
    chi_corr = (max(abs(b - c) - 1, 0)) ** 2 / n
    chi_plain = (b - c) ** 2 / n
    p_corr, p_plain = float(stats.chi2.sf(chi_corr, 1)), float(stats.chi2.sf(chi_plain, 1))
    method = args.method if args.method != "auto" else ("exact" if n < EXACT_BELOW else "corrected")
    notes = []
    if args.method == "auto":
        notes.append(f"{n} discordant pairs: " + ("the exact binomial test (fewer than 25)" if method == "exact" else
                                                  "the chi-square test with continuity correction (25 or more)"))
    p = {"exact": p_exact, "corrected": p_corr, "uncorrected": p_plain}[method]
    statistic = {"exact": None, "corrected": chi_corr, "uncorrected": chi_plain}[method]
    result: dict[str, Any] = {}
    if cells is not None:
        a, _, _, d = cells
        total = a + b + c + d
        p1, p2 = (a + b) / total, (a + c) / total
        diff = (b - c) / total
        # the Wald interval of a difference of paired proportions: var = (b + c − (b − c)² / N) / N²
        se = math.sqrt(max(0.0, n - (b - c) ** 2 / total)) / total
        z = float(stats.norm.ppf(1 - (1 - args.confidence) / 2))
        result = {"n_pairs": total, "proportion_first": p1, "proportion_second": p2, "difference": diff,
                  "ci_low": max(-1.0, diff - z * se), "ci_high": min(1.0, diff + z * se)}
    return McNemarResult(method=method, b=b, c=c, discordant=n, statistic=statistic, p_value=p, p_exact=p_exact,
                         chi2_corrected=chi_corr, p_corrected=p_corr, chi2_uncorrected=chi_plain,
                         p_uncorrected=p_plain, confidence=args.confidence, odds_ratio=b / c if c else None,
                         notes=notes, **result)
