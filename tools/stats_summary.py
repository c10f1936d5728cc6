"""t-tests and capability indices from summary figures (mean, standard deviation, n) when the data are not at hand.

Why separate tools, not `t_test` and `capability` with optional data: the answer must say that normality,
outliers and stability could not be checked, and a capability index must say which sigma it rests on: Cp and
Cpk use the within-subgroup (short-term) sigma, Pp and Ppk the overall (long-term) standard deviation
(AIAG / Minitab convention). A bare "standard deviation" is ambiguous, so the caller states which it is and
the result carries that statement.
"""

from __future__ import annotations

import math
from typing import Any, Literal

from pydantic import BaseModel, Field, field_validator

from tools.errors import HavocInputError
from tools.registry import register
from tools.stats_common import StatResult, check_probability, normalise_alternative

SummaryKind = Literal["one_sample", "paired", "pooled", "welch"]
SigmaKind = Literal["overall", "within"]


def _scalar(v: Any, field: str) -> Any:
    if v is None:
        return None
    from tools.numeric import _check_scalar

    return float(_check_scalar(v, field))


def _positive(v: float | None, field: str) -> None:
    if v is not None and not v > 0:
        raise HavocInputError(f"must be greater than 0, got {v:g}", field=field)


def _count(v: Any, field: str) -> int | None:
    if v is None:
        return None
    value = _scalar(v, field)
    if value != int(value) or value < 2:
        raise HavocInputError(f"a sample size is a whole number of at least 2, got {value:g}", field=field)
    return int(value)


class SummaryTTestArgs(BaseModel):
    kind: SummaryKind = Field(description="one_sample; paired (mean and sd of the differences); pooled or welch "
                              "(two independent samples)")
    mean: float = Field(description="mean of the sample (paired: of the differences)")
    sd: float = Field(description="sample standard deviation (n - 1 divisor)")
    n: int = Field(description="sample size")
    mean2: float | None = Field(None, description="two samples: mean of the second sample")
    sd2: float | None = Field(None, description="two samples: standard deviation of the second sample")
    n2: int | None = Field(None, description="two samples: size of the second sample")
    mu: float = Field(0.0, description="hypothesised mean (one sample, paired) or difference mean - mean2")
    alternative: str = Field("two-sided", description="two-sided, less or greater")
    confidence: float = Field(0.95, description="confidence level of the interval")
    alpha: float = 0.05

    @field_validator("mean", "sd", "mean2", "sd2", "mu", mode="before")
    @classmethod
    def _number(cls, v: Any, info: Any) -> Any:
        return _scalar(v, info.field_name)

    @field_validator("n", "n2", mode="before")
    @classmethod
    def _size(cls, v: Any, info: Any) -> Any:
        return _count(v, info.field_name)

    @field_validator("alternative", mode="before")
    @classmethod
    def _alt(cls, v: Any) -> str:
        return normalise_alternative(v)


class SummaryTTestResult(StatResult):
    test: str
    kind: str
    t: float
    df: float
    p_value: float
    alternative: str
    mu: float
    estimate: float = Field(description="the mean (one sample, paired) or the difference mean - mean2")
    mean_difference: float = Field(description="estimate - mu")
    se: float
    ci_low: float
    ci_high: float
    ci: list[float]
    confidence: float
    cohens_d: float = Field(description="standardised effect: (estimate - mu) / sd (one sample) or / pooled sd")
    alpha: float
    significant: bool
    n: list[int]
    notes: list[str] = []


def _t_p(t: float, df: float, alternative: str) -> float:
    from scipy.stats import t as student

    if alternative == "less":
        return float(student.cdf(t, df))
    if alternative == "greater":
        return float(student.sf(t, df))
    return float(min(1.0, 2 * student.sf(abs(t), df)))


def _t_interval(estimate: float, se: float, df: float, confidence: float, alternative: str) -> list[float]:
    from scipy.stats import t as student

    if alternative == "two-sided":
        q = float(student.ppf((1 + confidence) / 2, df))
        return [estimate - q * se, estimate + q * se]
    q = float(student.ppf(confidence, df))
    return [estimate - q * se, math.inf] if alternative == "greater" else [-math.inf, estimate + q * se]


@register("summary_t_test", SummaryTTestArgs)
def summary_t_test(args: SummaryTTestArgs) -> SummaryTTestResult:
    """t-test and confidence interval from summary figures: mean, standard deviation and n (one sample, paired, pooled or Welch)."""
    confidence = check_probability(args.confidence, "confidence")
    alpha = check_probability(args.alpha, "alpha")
    _positive(args.sd, "sd")
    two = args.kind in ("pooled", "welch")
    given = [v is not None for v in (args.mean2, args.sd2, args.n2)]
    if two and not all(given):
        missing = [f for f, g in zip(("mean2", "sd2", "n2"), given, strict=True) if not g]
        raise HavocInputError(f"a {args.kind} two-sample test needs the second sample's mean, sd and n "
                              f"(missing {', '.join(missing)})", field=missing[0])
    if not two and any(given):
        raise HavocInputError(f"{args.kind} takes one set of figures; use pooled or welch for two samples",
                              field="mean2")
    notes = ["computed from summary figures: normality and outliers could not be checked from the data"]
    if not two:
        se = args.sd / math.sqrt(args.n)
        df = float(args.n - 1)
        estimate, d = args.mean, (args.mean - args.mu) / args.sd
        sizes = [args.n]
        test = "paired t-test (mean and sd of the differences)" if args.kind == "paired" else "one-sample t-test"
    else:
        _positive(args.sd2, "sd2")
        n1, n2, v1, v2 = args.n, args.n2, args.sd ** 2, args.sd2 ** 2
        pooled_var = ((n1 - 1) * v1 + (n2 - 1) * v2) / (n1 + n2 - 2)
        if args.kind == "pooled":
            se, df = math.sqrt(pooled_var * (1 / n1 + 1 / n2)), float(n1 + n2 - 2)
            test = "pooled two-sample t-test"
        else:
            a, b = v1 / n1, v2 / n2
            se = math.sqrt(a + b)
            df = (a + b) ** 2 / (a * a / (n1 - 1) + b * b / (n2 - 1))
            test = "Welch two-sample t-test"
        estimate = args.mean - args.mean2
        d = (estimate - args.mu) / math.sqrt(pooled_var)
        sizes = [n1, n2]
        ratio = max(args.sd, args.sd2) / min(args.sd, args.sd2)
        if args.kind == "pooled" and ratio > 2:
            notes.append(f"the standard deviations differ by a factor {ratio:.3g}: Welch's test is safer than pooling")
    t = (estimate - args.mu) / se
    p = _t_p(t, df, args.alternative)
    ci = _t_interval(estimate, se, df, confidence, args.alternative)
    return SummaryTTestResult(
        test=test, kind=args.kind, t=t, df=df, p_value=p, alternative=args.alternative, mu=args.mu, estimate=estimate,
        mean_difference=estimate - args.mu, se=se, ci_low=ci[0], ci_high=ci[1], ci=ci, confidence=confidence,
        cohens_d=d, alpha=alpha, significant=bool(p < alpha), n=sizes, notes=notes)


# ---------------------------------------------------------------- capability from a mean and a standard deviation


class SummaryCapabilityArgs(BaseModel):
    mean: float = Field(description="process mean")
    sd: float | None = Field(None, description="process standard deviation (which one: `sigma`); or give rbar or "
                             "sbar with the subgroup size for the within sigma")
    sigma: SigmaKind = Field("overall", description="what `sd` is: overall (the sample standard deviation of all "
                             "the data: Pp, Ppk) or within (short-term, from subgroups or R-bar/d2: Cp, Cpk)")
    sd_within: float | None = Field(None, description="the within-subgroup sigma as well, when `sd` is overall "
                                    "(gives Cp/Cpk beside Pp/Ppk)")
    lsl: float | None = Field(None, description="lower specification limit")
    usl: float | None = Field(None, description="upper specification limit")
    target: float | None = Field(None, description="target (gives Cpm)")
    rbar: float | None = Field(None, description="average subgroup range of an X̄–R chart: within sigma = R̄/d2(n)")
    sbar: float | None = Field(None, description="average subgroup standard deviation of an X̄–S chart: within sigma "
                               "= s̄/c4(n)")
    subgroup: int | None = Field(None, ge=2, le=25, description="the subgroup size n behind rbar or sbar (tabulated "
                                 "d2 and c4, n = 2..25)")

    @field_validator("mean", "sd", "sd_within", "lsl", "usl", "target", "rbar", "sbar", mode="before")
    @classmethod
    def _number(cls, v: Any, info: Any) -> Any:
        return _scalar(v, info.field_name)

    @field_validator("sigma", mode="before")
    @classmethod
    def _sigma(cls, v: Any) -> Any:
        if isinstance(v, str):
            key = v.strip().lower().replace("-", "_").replace(" ", "_")
            return {"long_term": "overall", "total": "overall", "short_term": "within", "within_subgroup": "within",
                    "potential": "within"}.get(key, key)
        return v


class SummaryCapabilityResult(StatResult):
    mean: float
    sigma_used: str = Field(description="which standard deviation each family of indices rests on")
    sigma_within: float | None = None
    sigma_overall: float | None = None
    lsl: float | None = None
    usl: float | None = None
    target: float | None = None
    cp: float | None = None
    cp_l: float | None = None
    cp_u: float | None = None
    cpk: float | None = None
    cpm: float | None = None
    pp: float | None = None
    pp_l: float | None = None
    pp_u: float | None = None
    ppk: float | None = None
    k: float | None = Field(None, description="off-centring |m - mean| / ((USL - LSL)/2), m the mid-specification")
    ppm_expected: dict[str, float] = Field(description="expected parts per million below LSL, above USL and in "
                                           "total, from a normal distribution with the overall sigma (else within)")
    notes: list[str] = []


def _indices(mean: float, sigma: float, lsl: float | None, usl: float | None) -> dict[str, float | None]:
    lower = (mean - lsl) / (3 * sigma) if lsl is not None else None
    upper = (usl - mean) / (3 * sigma) if usl is not None else None
    potential = (usl - lsl) / (6 * sigma) if lsl is not None and usl is not None else None
    sides = [v for v in (lower, upper) if v is not None]
    return {"potential": potential, "lower": lower, "upper": upper, "k": min(sides)}


def _within_from_bars(args: SummaryCapabilityArgs) -> tuple[SummaryCapabilityArgs, list[str]]:
    """R̄/d2 or s̄/c4 (tabulated constants) as the within sigma: (args with it as sd or sd_within, the note)."""
    from tools.spc_constants import table_constants

    if args.rbar is None and args.sbar is None:
        if args.subgroup is not None:
            raise HavocInputError("subgroup is the size behind rbar or sbar; give one of them", field="subgroup")
        if args.sd is None:
            raise HavocInputError("give the standard deviation (sd), or rbar or sbar with the subgroup size",
                                  field="sd")
        return args, []
    if args.rbar is not None and args.sbar is not None:
        raise HavocInputError("give rbar or sbar, not both", field="sbar")
    if args.subgroup is None:
        raise HavocInputError("the within sigma from rbar or sbar needs the subgroup size n", field="subgroup")
    if args.sd_within is not None or (args.sd is not None and args.sigma == "within"):
        raise HavocInputError("the within sigma is given twice (sd within and rbar/sbar): give one", field="sd_within")
    name, value = ("rbar", args.rbar) if args.rbar is not None else ("sbar", args.sbar)
    _positive(value, name)
    row = table_constants(args.subgroup)
    constant, label = (row["d2"], "d2") if name == "rbar" else (row["c4"], "c4")
    within = value / constant
    note = (f"within sigma = {'R̄' if name == 'rbar' else 's̄'}/{label} = {value:g}/{constant:g} = {within:.6g} "
            f"({label} for subgroups of {args.subgroup}, tabulated)")
    if args.sd is None:
        return args.model_copy(update={"sd": within, "sigma": "within"}), [note]
    return args.model_copy(update={"sd_within": within, "sigma": "overall"}), [note]


@register("summary_capability", SummaryCapabilityArgs)
def summary_capability(args: SummaryCapabilityArgs) -> SummaryCapabilityResult:
    """Capability indices from a mean and a standard deviation: Cp/Cpk (within sigma) or Pp/Ppk (overall sigma), stated."""
    from scipy.stats import norm

    args, from_bars = _within_from_bars(args)
    _positive(args.sd, "sd")
    _positive(args.sd_within, "sd_within")
    if args.lsl is None and args.usl is None:
        raise HavocInputError("capability needs at least one specification limit (lsl or usl)", field="lsl")
    if args.lsl is not None and args.usl is not None and args.lsl >= args.usl:
        raise HavocInputError(f"lsl ({args.lsl:g}) must be below usl ({args.usl:g})", field="lsl")
    if args.sd_within is not None and args.sigma == "within":
        raise HavocInputError("sd is already the within sigma; sd_within is for an overall sd given with it",
                              field="sd_within")
    within = args.sd if args.sigma == "within" else args.sd_within
    overall = args.sd if args.sigma == "overall" else None
    out: dict[str, Any] = {}
    used = []
    if within is not None:
        w = _indices(args.mean, within, args.lsl, args.usl)
        out.update(cp=w["potential"], cp_l=w["lower"], cp_u=w["upper"], cpk=w["k"])
        used.append(f"Cp, Cpk from the within-subgroup sigma {within:g}")
    if overall is not None:
        o = _indices(args.mean, overall, args.lsl, args.usl)
        out.update(pp=o["potential"], pp_l=o["lower"], pp_u=o["upper"], ppk=o["k"])
        used.append(f"Pp, Ppk from the overall standard deviation {overall:g}")
    sigma = overall if overall is not None else within
    k = None
    if args.lsl is not None and args.usl is not None:
        k = abs((args.usl + args.lsl) / 2 - args.mean) / ((args.usl - args.lsl) / 2)
        if args.target is not None:
            out["cpm"] = (args.usl - args.lsl) / (6 * math.sqrt(sigma ** 2 + (args.mean - args.target) ** 2))
    below = float(norm.cdf((args.lsl - args.mean) / sigma)) * 1e6 if args.lsl is not None else 0.0
    above = float(norm.sf((args.usl - args.mean) / sigma)) * 1e6 if args.usl is not None else 0.0
    notes = ["from summary figures: normality and stability (a control chart) could not be checked; the indices "
             "assume a stable, normal process", *from_bars]
    if from_bars:
        pass
    elif args.sigma == "overall" and args.sd_within is None:
        notes.append("the standard deviation is taken as the overall one, so these are Pp/Ppk; Cp/Cpk need the "
                     "within-subgroup sigma (sigma within)")
    elif args.sigma == "within":
        notes.append("the standard deviation is taken as the within-subgroup sigma, so these are Cp/Cpk; with the "
                     "overall sample standard deviation the same numbers are Pp/Ppk")
    return SummaryCapabilityResult(
        mean=args.mean, sigma_used="; ".join(used), sigma_within=within, sigma_overall=overall, lsl=args.lsl,
        usl=args.usl, target=args.target, k=k, ppm_expected={"below_lsl": below, "above_usl": above,
                                                             "total": below + above}, notes=notes, **out)
