"""Western Electric and Nelson run rules, vectorised.

Why vectorised: a chart of 10^5 points with all eight Nelson rules must answer
in milliseconds, so every rule is a running count (cumulative sums) rather than
a Python loop over windows.

Convention (qcc's, and Minitab's): a point is flagged when it *completes* a
violating pattern, and every later point that extends the run is flagged too.
For the "m of L beyond a zone" rules the flagged point must itself be beyond
the zone. Zones scale with k: rule 1 at k sigma, zone A at 2k/3, zone C at k/3
(so k = 3 gives the familiar 3, 2 and 1 sigma). Every (rule, index) pair is
reported; a point can break several rules.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any, Literal

import numpy as np
from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationInfo,
    WithJsonSchema,
    computed_field,
    field_validator,
    model_validator,
)

from tools.errors import HavocInputError
from tools.numeric import Numbers, as_float_array, validate_numbers
from tools.registry import register

RuleSet = Literal["western_electric", "nelson", "none"]

_RULE_SET_ALIASES = {"we": "western_electric", "westernelectric": "western_electric", "off": "none"}


def normalise_name(value: Any, aliases: dict[str, str] | None = None) -> Any:
    """'Western-Electric', 'western electric' and 'western_electric' are the same request (qcc writes hyphens)."""
    if not isinstance(value, str):
        return value
    key = "_".join(value.strip().lower().replace("-", " ").split())
    aliases = aliases or {}
    return aliases.get(key, aliases.get(key.replace("_", ""), key))


# The argument form: forgiving about case, spaces and hyphens, strict about the name itself.
RuleSetArg = Annotated[RuleSet, BeforeValidator(lambda v: normalise_name(v, _RULE_SET_ALIASES))]

DESCRIPTIONS: dict[RuleSet, dict[int, str]] = {
    "western_electric": {
        1: "one point beyond the k-sigma control limits",
        2: "2 of 3 consecutive points beyond 2/3 k sigma (zone A), same side",
        3: "4 of 5 consecutive points beyond 1/3 k sigma (zone B), same side",
        4: "8 points in a row on the same side of the centre line",
    },
    "nelson": {
        1: "one point beyond the k-sigma control limits",
        2: "9 points in a row on the same side of the centre line",
        3: "6 points in a row all increasing or all decreasing",
        4: "14 points in a row alternating up and down",
        5: "2 of 3 consecutive points beyond 2/3 k sigma (zone A), same side",
        6: "4 of 5 consecutive points beyond 1/3 k sigma (zone B), same side",
        7: "15 points in a row within 1/3 k sigma (zone C) of the centre line",
        8: "8 points in a row beyond 1/3 k sigma on both sides, none in zone C",
    },
    "none": {},
}


class Violation(BaseModel):
    rule: int = Field(description="rule number within the rule set")
    index: int = Field(description="0-based index of the flagged point")
    chart: str = Field("primary", description="which chart the point is on")
    description: str = ""

    @computed_field(description="the flagged point counted from 1, as the answer shows it")  # type: ignore[prop-decorator]
    @property
    def point(self) -> int:
        return self.index + 1


def run_length_at_least(condition: np.ndarray, length: int) -> np.ndarray:
    """True where a run of True values of at least `length` ends at (or passes through) this point."""
    n = condition.size
    if n == 0:
        return condition.copy()
    idx = np.arange(n)
    last_false = np.maximum.accumulate(np.where(condition, -1, idx))
    return (idx - last_false) >= length


def window_count(condition: np.ndarray, length: int) -> np.ndarray:
    """How many True values in the window of `length` points ending here (0 before a full window)."""
    csum = np.concatenate(([0], np.cumsum(condition, dtype=np.int64)))
    out = np.zeros(condition.size, dtype=np.int64)
    if condition.size >= length:
        out[length - 1 :] = csum[length:] - csum[: condition.size - length + 1]
    return out


class Zones:
    """Zone boundaries around a centre line; centre and sigma may vary per point (variable sample sizes)."""

    def __init__(
        self,
        center: np.ndarray | float,
        sigma: np.ndarray | float,
        k_sigma: float,
        lcl: np.ndarray | float | None = None,
        ucl: np.ndarray | float | None = None,
    ) -> None:
        self.center = center
        self.sigma = sigma
        self.k = k_sigma
        # Rule 1 uses the chart's own limits (floored at 0 for counts), the zones do not need to.
        self.lcl = center - k_sigma * sigma if lcl is None else lcl
        self.ucl = center + k_sigma * sigma if ucl is None else ucl

    def above(self, x: np.ndarray, fraction: float) -> np.ndarray:
        return x > self.center + fraction * self.k * self.sigma

    def below(self, x: np.ndarray, fraction: float) -> np.ndarray:
        return x < self.center - fraction * self.k * self.sigma


def _beyond_limits(x: np.ndarray, z: Zones) -> np.ndarray:
    return (x > z.ucl) | (x < z.lcl)


def _m_of_l(x: np.ndarray, z: Zones, m: int, length: int, fraction: float) -> np.ndarray:
    up, down = z.above(x, fraction), z.below(x, fraction)
    return ((window_count(up, length) >= m) & up) | ((window_count(down, length) >= m) & down)


def _same_side(x: np.ndarray, z: Zones, length: int) -> np.ndarray:
    return run_length_at_least(x > z.center, length) | run_length_at_least(x < z.center, length)


def _trend(x: np.ndarray, length: int = 6) -> np.ndarray:
    """`length` points in a row steadily rising or falling: length - 1 consecutive same-sign steps."""
    out = np.zeros(x.size, dtype=bool)
    if x.size < length:
        return out
    d = np.diff(x)
    hit = run_length_at_least(d > 0, length - 1) | run_length_at_least(d < 0, length - 1)
    out[1:] = hit
    return out


def _alternating(x: np.ndarray, length: int = 14) -> np.ndarray:
    """`length` points in a row alternating up and down: length - 2 consecutive sign changes."""
    out = np.zeros(x.size, dtype=bool)
    if x.size < length:
        return out
    d = np.diff(x)
    flips = d[1:] * d[:-1] < 0
    out[2:] = run_length_at_least(flips, length - 2)
    return out


def _within_c(x: np.ndarray, z: Zones, length: int = 15) -> np.ndarray:
    inside = ~z.above(x, 1 / 3) & ~z.below(x, 1 / 3)
    return run_length_at_least(inside, length)


def _outside_c_both_sides(x: np.ndarray, z: Zones, length: int = 8) -> np.ndarray:
    up, down = z.above(x, 1 / 3), z.below(x, 1 / 3)
    full = window_count(up | down, length) == length
    return full & (window_count(up, length) > 0) & (window_count(down, length) > 0)


_RULES: dict[RuleSet, dict[int, Callable[[np.ndarray, Zones], np.ndarray]]] = {
    "western_electric": {
        1: _beyond_limits,
        2: lambda x, z: _m_of_l(x, z, 2, 3, 2 / 3),
        3: lambda x, z: _m_of_l(x, z, 4, 5, 1 / 3),
        4: lambda x, z: _same_side(x, z, 8),
    },
    "nelson": {
        1: _beyond_limits,
        2: lambda x, z: _same_side(x, z, 9),
        3: lambda x, z: _trend(x, 6),
        4: lambda x, z: _alternating(x, 14),
        5: lambda x, z: _m_of_l(x, z, 2, 3, 2 / 3),
        6: lambda x, z: _m_of_l(x, z, 4, 5, 1 / 3),
        7: lambda x, z: _within_c(x, z, 15),
        8: lambda x, z: _outside_c_both_sides(x, z, 8),
    },
    "none": {},
}


def rule_flags(x: np.ndarray, zones: Zones, rules: RuleSet, only: tuple[int, ...] | None = None) -> dict[int, np.ndarray]:
    """Boolean flags per rule number; `only` restricts to some rules (rule 1 alone for R, S, MR charts)."""
    return {
        number: check(x, zones)
        for number, check in _RULES[rules].items()
        if only is None or number in only
    }


def violations(
    x: np.ndarray,
    zones: Zones,
    rules: RuleSet,
    chart: str = "primary",
    only: tuple[int, ...] | None = None,
) -> list[Violation]:
    """The flagged points as (rule, index) records, ordered by index then rule."""
    found: list[tuple[int, int]] = []
    for number, flags in rule_flags(x, zones, rules, only).items():
        found.extend((int(i), number) for i in np.flatnonzero(flags))
    found.sort()
    text = DESCRIPTIONS[rules]
    # model_construct: these fields are ours and already typed; validating thousands of them costs 30 us each
    return [Violation.model_construct(rule=r, index=i, chart=chart, description=text[r]) for i, r in found]


# ---------------------------------------------------------------- the tool


def _center_or_sigma(value: Any, field: str) -> float | np.ndarray:
    """One number, or one per point (charts whose limits vary with the sample size)."""
    if isinstance(value, (list, tuple, np.ndarray)):
        arr = as_float_array(validate_numbers(value, field))
    else:
        arr = as_float_array(validate_numbers([value], field))
    if field != "center" and np.any(arr <= 0):
        raise HavocInputError("must be positive", field=field)
    return float(arr[0]) if not isinstance(value, (list, tuple, np.ndarray)) else arr


PerPoint = Annotated[
    Any, WithJsonSchema({"anyOf": [{"type": "number"}, {"type": "array", "items": {"type": "number"}}]})
]


class RunRulesArgs(BaseModel):
    model_config = ConfigDict(extra="forbid", arbitrary_types_allowed=True)

    values: Numbers("values") = Field(description="the plotted statistic, in time order")
    center: PerPoint = Field(description="centre line: a number, or one per point")
    sigma: PerPoint = Field(
        description="standard error of the plotted statistic (a number, or one per point); zones are k_sigma/3 of it"
    )
    rules: RuleSetArg = "western_electric"
    k_sigma: float = Field(3.0, gt=0, le=10, description="control limits at center +/- k_sigma * sigma")

    @field_validator("center", "sigma", mode="before")
    @classmethod
    def _numbers(cls, value: Any, info: ValidationInfo) -> float | np.ndarray:
        return _center_or_sigma(value, info.field_name)

    @model_validator(mode="after")
    def _lengths(self) -> RunRulesArgs:
        n = len(self.values)
        for name in ("center", "sigma"):
            value = getattr(self, name)
            if isinstance(value, np.ndarray) and value.size != n:
                raise HavocInputError(f"has {value.size} entries but values has {n}", field=name)
        return self


class RunRulesResult(BaseModel):
    rules: RuleSet
    n: int
    violations: list[Violation]
    out_of_control: list[int] = Field(description="sorted indices flagged by any rule")


@register("run_rules", RunRulesArgs)
def run_rules(args: RunRulesArgs) -> RunRulesResult:
    """Western Electric (1-4) or Nelson (1-8) run rules on a sequence, given its centre and sigma.

    Each flagged point is the one that completes the pattern, 0-based.
    """
    x = as_float_array(args.values)
    found = violations(x, Zones(args.center, args.sigma, args.k_sigma), args.rules)
    return RunRulesResult(
        rules=args.rules, n=int(x.size), violations=found, out_of_control=sorted({v.index for v in found})
    )
