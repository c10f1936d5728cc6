"""The sample size to estimate a mean or a proportion to within ±E: the confidence interval's half-width.

Why a tool beside `power`: "how many parts must we measure to know the mean to within ±0.5 mm at 95 %?" is a
question about precision, not about detecting a difference, and it has no power in it. The textbook answers
(Montgomery, Applied Statistics and Probability for Engineers §8.2; Cochran, Sampling Techniques §4.4) are
closed forms:

- a mean with the standard deviation σ taken as known: n = (z σ / E)², z the two-sided normal quantile;
- a mean whose standard deviation is only estimated (`method="t"`): the smallest n with t(n−1) · s / √n ≤ E,
  found by stepping n (the t quantile grows as n shrinks, so the z answer is the place to start);
- a proportion: n = z² p (1 − p) / E², with p the anticipated proportion, or 0.5 when none is known (the most
  conservative choice, stated in the answer);
- from a finite population of N units, Cochran's correction n = n₀ / (1 + (n₀ − 1) / N).

The unrounded n is reported beside the whole number (always rounded up: rounding down would miss the margin),
with the half-width that whole number actually reaches. The exact normal quantile is used (1.959964 at 95 %,
not 1.96): where the two differ in the rounded n the answer says so.
"""

from __future__ import annotations

import math
from typing import Literal

from pydantic import BaseModel, Field, field_validator

from tools.errors import HavocInputError
from tools.registry import register
from tools.stats_common import StatResult

MAX_N = 10**9
_TABLE_Z = {0.80: 1.282, 0.90: 1.645, 0.95: 1.96, 0.98: 2.326, 0.99: 2.576}


class PrecisionArgs(BaseModel):
    target: Literal["mean", "proportion"] = Field(description="what is estimated: a mean, or a proportion")
    margin: float | None = Field(None, description="the margin of error E: the interval's half-width (± E)")
    width: float | None = Field(None, description="instead of margin: the interval's full width (2E)")
    sd: float | None = Field(None, description="mean: the standard deviation (known, or from a pilot study)")
    p: float | None = Field(None, description="proportion: the anticipated proportion (default 0.5, the most "
                                              "conservative)")
    confidence: float = Field(0.95, description="confidence level of the interval, e.g. 0.95")
    method: Literal["z", "t"] = Field("z", description="mean: z (σ known: the textbook formula) or t (σ estimated: "
                                                       "the smallest n whose t interval is narrow enough)")
    population: int | None = Field(None, description="finite population size N: Cochran's correction")
    cost_per_unit: float | None = Field(None, gt=0, description="the cost of measuring one unit: the result adds the "
                                                                 "total cost of the n units")

    @field_validator("margin", "width", "sd", "p", "confidence", "cost_per_unit", mode="before")
    @classmethod
    def _finite(cls, v: object, info) -> object:
        if v is None:
            return None
        from tools.numeric import _check_scalar

        return float(_check_scalar(v, info.field_name))

    @field_validator("population", mode="before")
    @classmethod
    def _population(cls, v: object) -> object:
        if v is None:
            return None
        from tools.numeric import _check_scalar

        value = float(_check_scalar(v, "population"))
        if value != int(value) or value < 2:
            raise HavocInputError(f"the population size is a whole number of at least 2, got {value:g}",
                                  field="population")
        return int(value)


class PrecisionResult(StatResult):
    target: str
    method: str = Field(description="z, t, or the proportion's normal (Wald) formula")
    confidence: float
    margin: float = Field(description="the margin of error E asked for (half the interval's width)")
    sd: float | None = None
    p: float | None = Field(None, description="the proportion used in p(1 - p)")
    p_assumed: bool = Field(False, description="True when no proportion was given and 0.5 was used")
    critical_value: float = Field(description="z (or t with n - 1 df at the answer) for the confidence level")
    n_unrounded: float = Field(description="the formula's n before rounding up (z and proportion methods; for t, the "
                                           "z formula's value the search started from)")
    n_infinite_population: int = Field(description="n before the finite-population correction")
    population: int | None = None
    n_corrected_unrounded: float | None = Field(None, description="with a population: Cochran's n before rounding up")
    n: int = Field(description="the sample size: the whole number needed, rounded up")
    margin_at_n: float = Field(description="the half-width this n reaches")
    cost_per_unit: float | None = None
    total_cost: float | None = Field(None, description="n × cost_per_unit, when a cost per unit was given")
    formula: str
    notes: list[str] = Field(default_factory=list)


def _t_search(sd: float, margin: float, confidence: float, start: float) -> tuple[int, float]:
    """The smallest n ≥ 2 with t(1 − α/2, n − 1) · sd / √n ≤ margin, and t there."""
    from scipy import stats

    upper = 1 - (1 - confidence) / 2
    n = max(2, math.ceil(start))
    while stats.t.ppf(upper, n - 1) * sd / math.sqrt(n) > margin:
        n += 1
        if n > MAX_N:
            raise HavocInputError(f"more than {MAX_N:,} observations would be needed", field="margin")
    # the z start is a lower bound only up to rounding: step back while a smaller n still reaches the margin
    while n > 2 and stats.t.ppf(upper, n - 2) * sd / math.sqrt(n - 1) <= margin:
        n -= 1
    return n, float(stats.t.ppf(upper, n - 1))


@register("sample_size_ci", PrecisionArgs)
def sample_size_ci(args: PrecisionArgs) -> PrecisionResult:
    """The sample size to estimate a mean or a proportion to within ±E at a confidence level (n = (zσ/E)², ...)."""
    from scipy import stats

    if (args.margin is None) == (args.width is None):
        raise HavocInputError("give the margin of error (the half-width, ± E) or the interval's full width, not both "
                              "and not neither", field="margin")
    margin = args.margin if args.margin is not None else args.width / 2
    if margin <= 0:
        raise HavocInputError(f"the margin of error must be above 0, got {margin:g}", field="margin")
    if not 0 < args.confidence < 1:
        raise HavocInputError(f"the confidence level is between 0 and 1 (e.g. 0.95), got {args.confidence:g}",
                              field="confidence")
    z = float(stats.norm.ppf(1 - (1 - args.confidence) / 2))
    notes: list[str] = []
    if args.width is not None:
        notes.append(f"a full width of {args.width:g} is a margin of ± {margin:g}")
    sd = p = None
    assumed = False
    if args.target == "mean":
        if args.sd is None or args.sd <= 0:
            raise HavocInputError("the sample size for a mean needs its standard deviation (above 0)", field="sd")
        if args.p is not None:
            raise HavocInputError("p is for a proportion, not a mean", field="p")
        sd = args.sd
        n0 = (z * sd / margin) ** 2
        formula = "n = (z σ / E)²"
        method = args.method
    else:
        if args.sd is not None:
            raise HavocInputError("a proportion's sample size takes p (the anticipated proportion), not sd", field="sd")
        if args.method == "t":
            raise HavocInputError("the t method is for a mean", field="method")
        assumed = args.p is None
        p = 0.5 if assumed else args.p
        if not 0 < p < 1:
            raise HavocInputError(f"the anticipated proportion is between 0 and 1, got {p:g}", field="p")
        if margin >= 1:
            raise HavocInputError(f"a proportion's margin of error is below 1 (e.g. 0.03 for ± 3 points), got "
                                  f"{margin:g}", field="margin")
        n0 = z * z * p * (1 - p) / margin**2
        formula = "n = z² p (1 − p) / E²"
        method = "normal (Wald)"
        if assumed:
            notes.append("no anticipated proportion was given: p = 0.5, which gives the largest n")
    if n0 > MAX_N:
        raise HavocInputError(f"more than {MAX_N:,} observations would be needed", field="margin")
    critical = z
    if args.target == "mean" and args.method == "t":
        n_inf, critical = _t_search(sd, margin, args.confidence, n0)
        formula = "smallest n with t(n − 1) s / √n ≤ E"
    else:
        n_inf = max(1, math.ceil(n0 - 1e-9))
        table_z = _TABLE_Z.get(round(args.confidence, 4))
        if table_z is not None:
            by_table = math.ceil((n0 * (table_z / z) ** 2) - 1e-9)
            if by_table != n_inf:
                notes.append(f"with the table value z = {table_z} instead of {z:.6f} the formula gives {by_table}")
    n = n_inf
    corrected = None
    if args.population is not None:
        base = n0 if not (args.target == "mean" and args.method == "t") else float(n_inf)
        corrected = base / (1 + (base - 1) / args.population)
        n = max(1, min(args.population, math.ceil(corrected - 1e-9)))
        formula += ", then n / (1 + (n − 1) / N)"
        notes.append(f"finite population N = {args.population}: {n_inf} shrinks to {n} (Cochran's correction)")
    fpc = 1.0 if args.population is None else math.sqrt(max(0.0, (args.population - n) / (args.population - 1)))
    if args.target == "mean":
        multiplier = float(stats.t.ppf(1 - (1 - args.confidence) / 2, n - 1)) if args.method == "t" and n > 1 else z
        reached = multiplier * sd / math.sqrt(n) * fpc
    else:
        reached = z * math.sqrt(p * (1 - p) / n) * fpc
    return PrecisionResult(target=args.target, method=method, confidence=args.confidence, margin=margin, sd=sd, p=p,
                           p_assumed=assumed, critical_value=critical, n_unrounded=n0, n_infinite_population=n_inf,
                           population=args.population, n_corrected_unrounded=corrected, n=n, margin_at_n=reached,
                           cost_per_unit=args.cost_per_unit,
                           total_cost=n * args.cost_per_unit if args.cost_per_unit is not None else None,
                           formula=formula, notes=notes)
