"""Validated numeric input, keeping the decimal text where it matters.

Why: certified data sets (NIST StRD) carry values such as 1000000000000.4 that
binary64 cannot hold. The CLI, the DSL and the API parse numbers as `Decimal`
(`json.loads(text, parse_float=Decimal)`), pydantic keeps them as they are, and
the engine removes the common leading part *in decimal arithmetic* before it
converts to float (`exact_shift`). Floats and numpy arrays pass straight through,
so in-process callers and benchmarks pay nothing.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from decimal import Decimal
from typing import Annotated, Any

import numpy as np
from pydantic import BeforeValidator, WithJsonSchema

from tools.errors import HavocInputError

NumberLike = float | int | Decimal
_FLOAT_MAX = Decimal("1.7976931348623157e308")
# Sums of squares of values past about 1.3e154 overflow binary64, so statistics on them would
# return infinities or fail deep inside numpy; such data are refused up front (change the units).
MAGNITUDE_LIMIT = 1e150
_MAGNITUDE_MESSAGE = "has magnitude above 1e150, where squares overflow double precision; rescale (change units)"


def _check_scalar(value: Any, field: str) -> NumberLike:
    if isinstance(value, bool) or not isinstance(value, (int, float, Decimal, np.integer, np.floating)):
        raise HavocInputError(f"expected a number, got {type(value).__name__} {str(value)[:40]!r}", field=field)
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise HavocInputError(f"{value} is not a finite number", field=field)
        if abs(value) > _FLOAT_MAX:
            raise HavocInputError(f"{value} is beyond the double-precision range (about 1.8e308)", field=field)
        if abs(value) > MAGNITUDE_LIMIT:
            raise HavocInputError(f"{value} {_MAGNITUDE_MESSAGE}", field=field)
        return value
    if isinstance(value, (int, np.integer)) and abs(int(value)) > MAGNITUDE_LIMIT:
        # checked before float(): a 400-digit JSON integer would raise OverflowError there
        raise HavocInputError(f"{str(value)[:12]}... ({len(str(abs(int(value))))} digits) {_MAGNITUDE_MESSAGE}",
                              field=field)
    if not math.isfinite(float(value)):
        raise HavocInputError(f"{value} is not a finite number (NaN and infinity are not data)", field=field)
    if abs(float(value)) > MAGNITUDE_LIMIT:
        raise HavocInputError(f"{value} {_MAGNITUDE_MESSAGE}", field=field)
    return value.item() if isinstance(value, (np.integer, np.floating)) else value


def validate_numbers(values: Any, field: str = "data") -> list[NumberLike] | np.ndarray:
    """A non-empty flat sequence of finite numbers; Decimals are kept as Decimals."""
    if isinstance(values, np.ndarray):
        if values.ndim != 1:
            raise HavocInputError(f"expected a flat list of numbers, got an array of shape {values.shape}", field=field)
        if values.size == 0:
            raise HavocInputError("is empty", field=field)
        if not np.issubdtype(values.dtype, np.number) or not np.all(np.isfinite(values)):
            raise HavocInputError("contains NaN, infinity or non-numbers", field=field)
        if np.abs(values).max() > MAGNITUDE_LIMIT:
            raise HavocInputError(f"a value {_MAGNITUDE_MESSAGE}", field=field)
        return values.astype(float, copy=False)
    if isinstance(values, (str, bytes)) or not isinstance(values, Sequence):
        raise HavocInputError(f"expected a list of numbers, got {type(values).__name__}", field=field)
    if len(values) == 0:
        raise HavocInputError("is empty", field=field)
    if len(values) > 1000 and _plain_finite_numbers(values):
        return values if isinstance(values, list) else list(values)
    return [_check_scalar(v, f"{field}[{i}]") for i, v in enumerate(values)]


def _plain_finite_numbers(values: Sequence[Any]) -> bool:
    """Fast check for long lists of ints and floats (a million values from JSON): one numpy pass, no bools."""
    try:
        arr = np.asarray(values)
    except (ValueError, TypeError):
        return False
    if arr.ndim != 1 or arr.dtype.kind not in "fi" or not np.isfinite(arr).all():
        return False
    if arr.size and np.abs(arr).max() > MAGNITUDE_LIMIT:
        return False  # the element-wise check names the first offending value
    return not any(type(v) is bool for v in values)


def _numbers_validator(field: str):
    return BeforeValidator(lambda v: validate_numbers(v, field))


def Numbers(field: str = "data"):  # noqa: N802 - reads like a type in annotations
    """Annotated type for a list of numbers in an args model: `data: Numbers("data")`."""
    return Annotated[Any, _numbers_validator(field), WithJsonSchema({"type": "array", "items": {"type": "number"}, "minItems": 1})]


def has_decimals(values: Any) -> bool:
    return not isinstance(values, np.ndarray) and any(isinstance(v, Decimal) for v in values)


def exact_shift(values: Sequence[NumberLike] | np.ndarray, offset: NumberLike | None = None) -> tuple[np.ndarray, Decimal | float]:
    """Return (values - offset as float64, offset), subtracting in decimal arithmetic when inputs are Decimals.

    The default offset is the first value (for Decimals) or the mean (for floats): what
    matters is that the shifted values are small, so converting them loses nothing.
    """
    if isinstance(values, np.ndarray) or not has_decimals(values):
        arr = np.asarray(values, dtype=float)
        off = float(np.mean(arr)) if offset is None else float(offset)
        return arr - off, off
    dec = [v if isinstance(v, Decimal) else Decimal(repr(float(v))) if isinstance(v, float) else Decimal(v) for v in values]
    off = dec[0] if offset is None else Decimal(offset) if not isinstance(offset, float) else Decimal(repr(offset))
    return np.array([float(v - off) for v in dec], dtype=float), off


def as_float_array(values: Sequence[NumberLike] | np.ndarray) -> np.ndarray:
    return np.asarray([float(v) for v in values] if not isinstance(values, np.ndarray) else values, dtype=float)


# --- decimal text, shared by the statistics tools -------------------------------------------------

DECIMAL_TEXT_LIMIT = 200_000
"""Lists longer than this skip the per-value decimal conversion (about 1 µs a value); arrays always do."""


def to_decimal(value: NumberLike) -> Decimal:
    """The decimal a number stands for: floats by their shortest repr, which is the text they were read from."""
    if isinstance(value, Decimal):
        return value
    if isinstance(value, (int, np.integer)):
        return Decimal(int(value))
    return Decimal(repr(float(value)))


def exact_decimals(values: Sequence[NumberLike] | np.ndarray) -> list[Decimal]:
    """Decimals for exact arithmetic: list entries as their decimal text, array entries as their exact binary value."""
    if isinstance(values, np.ndarray):
        return [Decimal(v) for v in values.astype(float).tolist()]
    return [to_decimal(v) for v in values]


def uses_decimal_text(values: Sequence[NumberLike] | np.ndarray) -> bool:
    """Whether `values` should be read as decimal text: Decimals always, plain lists up to the size limit."""
    if isinstance(values, np.ndarray):
        return False
    return has_decimals(values) or len(values) <= DECIMAL_TEXT_LIMIT


def decimal_shift(values: Sequence[NumberLike] | np.ndarray, offset: NumberLike | None = None) -> tuple[np.ndarray, Decimal | float]:
    """Like `exact_shift`, but lists of floats are read as the decimal text of their repr.

    Why: 1000000000000.4 arrives as the nearest double, 1000000000000.400024...; its repr is still
    '1000000000000.4', so subtracting in decimal recovers the value the user wrote. Floats in arrays are
    taken as the binary numbers they are (in-process callers, benchmarks).
    """
    if not uses_decimal_text(values):
        return exact_shift(values, offset)
    dec = [to_decimal(v) for v in values]
    off = dec[0] if offset is None else to_decimal(offset)
    return np.array([float(v - off) for v in dec], dtype=float), off


def add_offset(value: float, offset: Decimal | float) -> float:
    """`offset + value` rounded once: the offset is added in decimal so its digits are not lost first."""
    if isinstance(offset, Decimal):
        return float(offset + Decimal(value))
    return float(offset) + value


def accurate_sum(values: np.ndarray) -> float:
    """Correctly rounded sum for small inputs (math.fsum); numpy's pairwise sum for large ones."""
    if values.size <= 20_000:
        return math.fsum(values.tolist())
    return float(np.sum(values))


def log_relative_error(value: float, certified: float, cap: float = 15.0) -> float:
    """NIST's LRE: correct significant digits, -log10(|x-c|/|c|) (absolute where c = 0), capped."""
    value, certified = float(value), float(certified)
    if math.isinf(certified) or math.isinf(value):
        return cap if value == certified else 0.0
    err = abs(value - certified)
    if err == 0:
        return cap
    scale = abs(certified) if certified != 0 else 1.0
    return max(0.0, min(cap, -math.log10(err / scale)))
