"""Power and sample size: one- and two-sample t, paired t, two proportions, one-way ANOVA.

Why these formulas: they are the ones engineers check against. The t tests and the ANOVA use the exact
noncentral t and F laws with both rejection tails counted (G*Power, statsmodels.stats.power); two
proportions use R's `power.prop.test` normal formula (with unequal group sizes allowed) or Cohen's arcsine
effect h (statsmodels `NormalIndPower`, G*Power). Given n the tool returns the power; given a target power it
solves for n (continuous, as R and statsmodels report it) and rounds up to whole units, with the power
actually reached.
"""

from __future__ import annotations

import math
from typing import Any, Literal

from pydantic import BaseModel, Field, field_validator

from tools.errors import HavocInputError
from tools.registry import register
from tools.stats_common import StatResult, normalise_alternative

PowerTest = Literal["one_sample_t", "paired_t", "two_sample_t", "two_proportions", "anova"]
MAX_N = 10**8


def _number(v: Any, field: str) -> Any:
    if v is None:
        return None
    from tools.numeric import _check_scalar

    return float(_check_scalar(v, field))


class PowerArgs(BaseModel):
    test: PowerTest = Field(description="one_sample_t, paired_t, two_sample_t, two_proportions or anova (one-way)")
    effect_size: float | None = Field(None, description="Cohen's d (t tests: difference / sd) or Cohen's f (anova)")
    delta: float | None = Field(None, description="t tests: the difference to detect (with sd instead of "
                                "effect_size)")
    sd: float | None = Field(None, description="t tests: the standard deviation (paired: of the differences)")
    p1: float | None = Field(None, description="two proportions: the first group's proportion")
    p2: float | None = Field(None, description="two proportions: the second group's proportion")
    n: float | None = Field(None, description="sample size per group (pairs for paired_t); give n or power")
    power: float | None = Field(None, description="target power (e.g. 0.8): the sample size is solved for")
    alpha: float = Field(0.05, description="significance level")
    alternative: str = Field("two-sided", description="two-sided, greater or less (t tests and proportions)")
    ratio: float = Field(1.0, description="two-sample tests: n2 / n1")
    groups: int | None = Field(None, description="anova: the number of groups k")
    means: list[float] | None = Field(None, description="anova: the hypothesised group means, with sd the common "
                                      "within-group SD (instead of effect_size; equal group sizes)")
    method: Literal["normal", "arcsine"] = Field("normal", description="two proportions: normal (R's "
                                                 "power.prop.test) or arcsine (Cohen's h)")
    cost_per_unit: float | None = Field(None, gt=0, description="the cost of one unit measured (one pair for "
                                        "paired_t): the result adds the total cost of all the units")

    @field_validator("effect_size", "delta", "sd", "p1", "p2", "n", "power", "alpha", "ratio", "cost_per_unit",
                     mode="before")
    @classmethod
    def _finite(cls, v: Any, info: Any) -> Any:
        return _number(v, info.field_name)

    @field_validator("groups", mode="before")
    @classmethod
    def _groups(cls, v: Any) -> Any:
        value = _number(v, "groups")
        if value is not None and (value != int(value) or value < 2 or value > 1000):
            raise HavocInputError(f"the number of groups is a whole number from 2 to 1000, got {value:g}",
                                  field="groups")
        return None if value is None else int(value)

    @field_validator("alternative", mode="before")
    @classmethod
    def _alt(cls, v: Any) -> str:
        return normalise_alternative(v)


class PowerResult(StatResult):
    test: str
    solved_for: str = Field(description="n (the sample size for the target power) or power (at the given n)")
    effect_size: float = Field(description="the standardised effect the power refers to")
    effect_name: str
    alpha: float
    alternative: str
    power: float = Field(description="the power at n_per_group (solving for n: the power actually reached)")
    target_power: float | None = None
    n_exact: float | None = Field(None, description="solving for n: the continuous solution (R, statsmodels)")
    n_per_group: list[int] = Field(description="whole units per group (pairs for paired_t)")
    n_total: int
    groups: int
    df: list[float] | None = Field(None, description="degrees of freedom of the test at n_per_group")
    noncentrality: float | None = None
    cost_per_unit: float | None = None
    total_cost: float | None = Field(None, description="n_total × cost_per_unit, when a cost per unit was given")
    notes: list[str] = []


def _t_power(d: float, n1: float, n2: float | None, alpha: float, alternative: str) -> tuple[float, float, float]:
    from scipy.stats import nct
    from scipy.stats import t as student

    if n2 is None:
        df, ncp = n1 - 1, d * math.sqrt(n1)
    else:
        df, ncp = n1 + n2 - 2, d * math.sqrt(n1 * n2 / (n1 + n2))
    if abs(ncp) > 60:  # the noncentral law is far past the critical value (scipy returns NaN out there)
        side = {"greater": ncp > 0, "less": ncp < 0}.get(alternative, True)
        return (1.0 if side else 0.0), df, ncp
    if alternative == "two-sided":
        crit = float(student.isf(alpha / 2, df))
        power = float(nct.sf(crit, df, ncp) + nct.cdf(-crit, df, ncp))
    elif alternative == "greater":
        power = float(nct.sf(student.isf(alpha, df), df, ncp))
    else:
        power = float(nct.cdf(student.ppf(alpha, df), df, ncp))
    return power, df, ncp


def _anova_power(f: float, n: float, k: int, alpha: float) -> tuple[float, list[float], float]:
    from scipy.stats import f as fisher
    from scipy.stats import ncf

    total = n * k
    df1, df2 = k - 1, total - k
    lam = f * f * total
    return float(ncf.sf(fisher.isf(alpha, df1, df2), df1, df2, lam)), [df1, df2], lam


def _prop_power(p1: float, p2: float, n1: float, n2: float, alpha: float, alternative: str, method: str) -> float:
    from scipy.stats import norm

    tails = 2 if alternative == "two-sided" else 1
    z = float(norm.isf(alpha / tails))
    sign = {"greater": 1.0, "less": -1.0}.get(alternative, 1.0)
    if method == "arcsine":
        h = 2 * math.asin(math.sqrt(p1)) - 2 * math.asin(math.sqrt(p2))
        shift = h * math.sqrt(n1 * n2 / (n1 + n2))
        if alternative == "two-sided":
            return float(norm.sf(z - shift) + norm.cdf(-z - shift))
        return float(norm.sf(z - sign * shift))
    d = (p1 - p2) if alternative != "two-sided" else abs(p1 - p2)
    d *= sign if alternative != "two-sided" else 1.0
    pbar = (n1 * p1 + n2 * p2) / (n1 + n2)
    null_sd = math.sqrt(pbar * (1 - pbar) * (1 / n1 + 1 / n2))
    alt_sd = math.sqrt(p1 * (1 - p1) / n1 + p2 * (1 - p2) / n2)
    return float(norm.cdf((d - z * null_sd) / alt_sd))  # R's strict = FALSE: the far tail is left out


def _effect_from_means(args: PowerArgs) -> tuple[float, str, list[str]]:
    """Cohen's f of hypothesised group means: their SD about the grand mean (divisor k) over the common SD."""
    means = [_number(m, "means") for m in args.means or []]
    if args.test != "anova":
        raise HavocInputError("means (hypothesised group means) are for anova", field="means")
    if args.effect_size is not None or args.delta is not None:
        raise HavocInputError("give the effect once: effect_size, or means with sd", field="means")
    if len(means) < 2:
        raise HavocInputError(f"means takes one hypothesised mean per group (two or more), got {len(means)}",
                              field="means")
    if args.groups is not None and args.groups != len(means):
        raise HavocInputError(f"groups is {args.groups} but {len(means)} means are given", field="groups")
    if args.sd is None or not args.sd > 0:
        raise HavocInputError("means need sd, the common within-group standard deviation (> 0)", field="sd")
    grand = math.fsum(means) / len(means)
    spread = math.sqrt(math.fsum((m - grand) ** 2 for m in means) / len(means))
    if spread == 0:
        raise HavocInputError("the hypothesised means are all equal: there is no difference to detect",
                              field="means")
    f = spread / args.sd
    return f, "Cohen's f", [f"Cohen's f = SD of the {len(means)} means about {grand:.6g} (divisor k) / sd = "
                            f"{spread:.6g} / {args.sd:g} = {f:.4g}"]


def _effect(args: PowerArgs) -> tuple[float, str, list[str]]:
    notes: list[str] = []
    if args.test == "two_proportions":
        if args.p1 is None or args.p2 is None:
            raise HavocInputError("two proportions need p1 and p2 (the rates to tell apart)",
                                  field="p1" if args.p1 is None else "p2")
        for name in ("p1", "p2"):
            if not 0 < getattr(args, name) < 1:
                raise HavocInputError(f"must be strictly between 0 and 1, got {getattr(args, name):g}", field=name)
        if args.p1 == args.p2:
            raise HavocInputError("p1 equals p2: there is no difference to detect", field="p2")
        h = 2 * math.asin(math.sqrt(args.p1)) - 2 * math.asin(math.sqrt(args.p2))
        return (h, "Cohen's h", notes) if args.method == "arcsine" else (args.p1 - args.p2, "p1 - p2", notes)
    if args.means is not None:
        return _effect_from_means(args)
    if args.effect_size is not None and (args.delta is not None or args.sd is not None):
        raise HavocInputError("give effect_size, or delta with sd, not both", field="effect_size")
    if args.effect_size is None:
        if args.test == "anova":
            raise HavocInputError("anova needs Cohen's f as effect_size (0.10 small, 0.25 medium, 0.40 large)",
                                  field="effect_size")
        if args.delta is None or args.sd is None:
            raise HavocInputError("give the effect as effect_size (Cohen's d), or as delta and sd",
                                  field="delta" if args.delta is None else "sd")
        if not args.sd > 0:
            raise HavocInputError(f"must be greater than 0, got {args.sd:g}", field="sd")
        effect = args.delta / args.sd
        notes.append(f"Cohen's d = delta / sd = {args.delta:g} / {args.sd:g} = {effect:.4g}")
    else:
        effect = args.effect_size
    if effect == 0 or (args.test == "anova" and effect < 0):
        raise HavocInputError("the effect must be non-zero (anova: Cohen's f > 0)", field="effect_size")
    return effect, ("Cohen's f" if args.test == "anova" else "Cohen's d"), notes


@register("power", PowerArgs)
def power(args: PowerArgs) -> PowerResult:
    """Power, or the sample size for a target power: one-/two-sample and paired t, two proportions, one-way ANOVA."""
    from scipy.optimize import brentq

    if not 0 < args.alpha < 0.5:
        raise HavocInputError(f"must be between 0 and 0.5, got {args.alpha:g}", field="alpha")
    if (args.n is None) == (args.power is None):
        raise HavocInputError("give the sample size n (to get the power) or the target power (to get n), not both "
                              "and not neither", field="n" if args.n is None else "power")
    if args.power is not None and not args.alpha < args.power < 1:
        raise HavocInputError(f"target power must be between alpha ({args.alpha:g}) and 1, got {args.power:g}",
                              field="power")
    if not 0 < args.ratio <= 100:
        raise HavocInputError(f"n2 / n1 must be between 0 and 100, got {args.ratio:g}", field="ratio")
    two = args.test in ("two_sample_t", "two_proportions")
    if args.ratio != 1 and not two:
        raise HavocInputError("ratio (n2 / n1) is for two-sample tests", field="ratio")
    if args.test == "anova":
        if args.groups is None and args.means is not None:
            args = args.model_copy(update={"groups": len(args.means)})
        if args.groups is None:
            raise HavocInputError("anova needs the number of groups", field="groups")
        if args.alternative != "two-sided":
            raise HavocInputError("the ANOVA F test has no direction", field="alternative")
    elif args.groups is not None:
        raise HavocInputError("groups is for anova", field="groups")
    effect, name, notes = _effect(args)
    k = args.groups if args.test == "anova" else (2 if two else 1)
    minimum = 1.0 if args.test == "two_proportions" else 2.0

    def at(n: float, n2: float | None = None) -> tuple[float, list[float] | None, float | None]:
        n2 = n * args.ratio if n2 is None else n2
        if args.test == "anova":
            p, df, lam = _anova_power(effect, n, k, args.alpha)
            return p, df, lam
        if args.test == "two_proportions":
            return _prop_power(args.p1, args.p2, n, n2, args.alpha, args.alternative, args.method), None, None
        p, df, ncp = _t_power(effect, n, n2 if two else None, args.alpha, args.alternative)
        return p, [df], ncp

    if args.n is not None:
        if args.n < minimum or args.n > MAX_N:
            raise HavocInputError(f"n must be between {minimum:g} and {MAX_N:.0e} per group, got {args.n:g}",
                                  field="n")
        n_exact, n1 = None, args.n
    else:
        target = args.power
        high = minimum  # double until the target is reached, then bisect: the power grows with n
        while at(high)[0] < target:
            if high >= MAX_N:
                raise HavocInputError(f"even {MAX_N:.0e} per group does not reach power {target:g}: the effect is "
                                      "too small or points the other way from the alternative", field="power")
            high = min(high * 2, float(MAX_N))
        if high == minimum:
            n_exact = minimum
        else:
            n_exact = float(brentq(lambda n: at(n)[0] - target, high / 2, high, xtol=1e-10, rtol=1e-12))
        n1 = float(math.ceil(n_exact - 1e-9))
        if two and args.ratio != 1:
            notes.append("the second group's size is ratio × n, rounded up")
    sizes = [int(math.ceil(n1 - 1e-9))] if k == 1 else (
        [int(math.ceil(n1 - 1e-9)), int(math.ceil(n1 * args.ratio - 1e-9))] if two else [int(math.ceil(n1 - 1e-9))] * k)
    if args.n is not None and args.n != int(args.n):
        notes.append(f"power at the fractional n = {args.n:g} (as given); whole units are {sizes[0]}")
        achieved, df, ncp = at(args.n)
    else:
        achieved, df, ncp = at(float(sizes[0]), float(sizes[1]) if two else None)
    if args.test == "paired_t":
        notes.append("n is the number of pairs; d is the mean difference over the sd of the differences (d_z)")
    if args.test == "two_proportions" and args.method == "normal" and args.alternative == "two-sided":
        notes.append("R's power.prop.test formula: the far rejection tail is left out (strict = FALSE)")
    return PowerResult(
        test=args.test, solved_for="n" if args.power is not None else "power", effect_size=effect, effect_name=name,
        alpha=args.alpha, alternative=args.alternative, power=achieved, target_power=args.power, n_exact=n_exact,
        n_per_group=sizes, n_total=sum(sizes), groups=k, df=df, noncentrality=ncp, cost_per_unit=args.cost_per_unit,
        total_cost=sum(sizes) * args.cost_per_unit if args.cost_per_unit is not None else None, notes=notes)
