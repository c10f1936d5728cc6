"""What every statistics tool shares: the result base, argument checks, alternatives and p-values.

Why a module of its own: the tools must agree on how they refuse input (one line, the field named) and
on how they report infinities, or the graph's ARGUE stage would have to special-case each tool.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from decimal import Decimal
from typing import Any, Literal

import numpy as np
from pydantic import (
    BaseModel,
    ConfigDict,
    SerializationInfo,
    SerializerFunctionWrapHandler,
    field_validator,
    model_serializer,
)

from tools.errors import HavocInputError
from tools.numeric import NumberLike, decimal_shift, validate_numbers

Alternative = Literal["two-sided", "less", "greater"]
_ALTERNATIVE_ALIASES = {"two-sided": "two-sided", "two_sided": "two-sided", "two.sided": "two-sided",
                        "twosided": "two-sided", "less": "less", "greater": "greater"}


class StatResult(BaseModel):
    """Base of every statistics result: in JSON form infinities become the strings "Infinity"/"-Infinity".

    Why: an exact fit has F = infinity and a one-sided interval has an infinite end; strict JSON has no
    such number (browsers and Starlette's JSONResponse refuse it), and NIST writes "Infinity" as text.
    `model_dump()` (Python mode) keeps the floats.
    """

    model_config = ConfigDict(ser_json_inf_nan="strings")

    @model_serializer(mode="wrap")
    def _strict_json(self, handler: SerializerFunctionWrapHandler, info: SerializationInfo) -> Any:
        data = handler(self)
        return _non_finite_as_text(data) if info.mode == "json" else data


def _non_finite_as_text(value: Any) -> Any:
    if isinstance(value, float) and not math.isfinite(value):
        return "NaN" if math.isnan(value) else ("Infinity" if value > 0 else "-Infinity")
    if isinstance(value, dict):
        return {k: _non_finite_as_text(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_non_finite_as_text(v) for v in value]
    return value


def normalise_alternative(value: Any) -> str:
    key = str(value).strip().lower() if value is not None else "two-sided"
    if key not in _ALTERNATIVE_ALIASES:
        raise HavocInputError(f"must be two-sided, less or greater, got {value!r}", field="alternative")
    return _ALTERNATIVE_ALIASES[key]


class LocationArgs(BaseModel):
    """What every test of a location (a median, a shift) takes: `mu` checked as one finite number, and the
    alternative in its normal spelling ("two-sided", "less", "greater")."""

    mu: float | Decimal = 0.0
    alternative: str = "two-sided"

    @field_validator("mu", mode="before")
    @classmethod
    def _mu(cls, v: Any) -> Any:
        from tools.numeric import _check_scalar

        return _check_scalar(v, "mu")

    @field_validator("alternative", mode="before")
    @classmethod
    def _alt(cls, v: Any) -> str:
        return normalise_alternative(v)


def check_probability(value: float, field: str) -> float:
    if not (isinstance(value, (int, float)) and 0.0 < float(value) < 1.0):
        raise HavocInputError(f"must be strictly between 0 and 1, got {value!r}", field=field)
    return float(value)


def require_count(values: Sequence[Any] | np.ndarray, minimum: int, field: str, why: str = "") -> None:
    if len(values) < minimum:
        reason = f" ({why})" if why else ""
        raise HavocInputError(f"needs at least {minimum} observations, got {len(values)}{reason}", field=field)


def validate_groups(groups: Any, field: str = "groups", min_groups: int = 2, min_size: int = 1) -> list[list[NumberLike] | np.ndarray]:
    """A list of at least `min_groups` non-empty numeric lists (ragged is fine: groups differ in size)."""
    if isinstance(groups, (str, bytes)) or not isinstance(groups, (Sequence, np.ndarray)):
        raise HavocInputError(f"expected a list of groups (lists of numbers), got {type(groups).__name__}", field=field)
    if len(groups) < min_groups:
        raise HavocInputError(f"needs at least {min_groups} groups, got {len(groups)}", field=field)
    out = []
    for i, g in enumerate(groups):
        if isinstance(g, (int, float)) and not isinstance(g, bool):
            raise HavocInputError("expected a list of numbers per group, got a single number", field=f"{field}[{i}]")
        vals = validate_numbers(g, f"{field}[{i}]")
        if len(vals) < min_size:
            raise HavocInputError(f"needs at least {min_size} observations, got {len(vals)}", field=f"{field}[{i}]")
        out.append(vals)
    return out


def shift_groups(groups: Sequence[Sequence[NumberLike] | np.ndarray]) -> tuple[list[np.ndarray], Any]:
    """Shift every group by one common offset, subtracted in decimal where the input is decimal text.

    Location-free statistics (ANOVA, Levene, Tukey) are unchanged by the shift; their accuracy is not.
    """
    if all(isinstance(g, np.ndarray) for g in groups):
        flat = np.concatenate(groups)
        shifted, off = decimal_shift(flat, float(np.median(flat)))
    else:
        flat_list: list[NumberLike] = [v for g in groups for v in (g.tolist() if isinstance(g, np.ndarray) else g)]
        shifted, off = decimal_shift(flat_list)
    bounds = np.cumsum([0] + [len(g) for g in groups])
    return [shifted[bounds[i]:bounds[i + 1]] for i in range(len(groups))], off


def p_from_t(t: float, df: float, alternative: str) -> float:
    from scipy import stats as sps
    if alternative == "less":
        return float(sps.t.cdf(t, df))
    if alternative == "greater":
        return float(sps.t.sf(t, df))
    return float(min(1.0, 2.0 * sps.t.sf(abs(t), df)))


def t_interval(estimate: float, se: float, df: float, confidence: float, alternative: str) -> tuple[float, float]:
    """Confidence bounds matching the alternative, as R's t.test reports them (one-sided: an infinite side)."""
    from scipy import stats as sps

    if alternative == "two-sided":
        q = float(sps.t.ppf(0.5 + confidence / 2.0, df))
        return estimate - q * se, estimate + q * se
    q = float(sps.t.ppf(confidence, df))
    if alternative == "less":
        return -math.inf, estimate + q * se
    return estimate - q * se, math.inf


def f_p_value(f: float, df1: float, df2: float) -> float:
    from scipy import stats as sps
    if math.isinf(f):
        return 0.0
    return float(sps.f.sf(f, df1, df2))


def finite_or_none(value: float) -> float | None:
    return float(value) if math.isfinite(value) else None
