"""Factors of a design: names, ranges in natural units, level lists, and coded <-> natural.

Why a separate module: every design family shares the same factor handling, and the
conversion from coded (-1..+1) to natural units is the place where users' numbers
(which may arrive as Decimal text) meet the design; it must be right once.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import numpy as np
from pydantic import BaseModel, ConfigDict

from tools.doe_words import labels
from tools.errors import HavocInputError
from tools.limits import check_at_most


class Factor(BaseModel):
    """One factor after validation: label (A, B, ...), name, optional range, optional levels."""

    model_config = ConfigDict(frozen=True)

    label: str
    name: str
    low: float | None = None
    high: float | None = None
    units: str | None = None
    levels: int | None = None          # number of levels (full factorial)
    values: list[float | str] | None = None  # explicit level values (full factorial)

    @property
    def has_range(self) -> bool:
        return self.low is not None and self.high is not None

    @property
    def categorical(self) -> bool:
        return bool(self.values) and any(isinstance(v, str) for v in self.values)

    def coded_levels(self, n: int) -> np.ndarray:
        """Coded positions of n levels, evenly spaced in -1..+1 in the order given.

        Why evenly spaced even for numeric lists such as [1, 2, 5]: as in Minitab's general
        full factorial, a level list is treated as ordered levels, which keeps every coded
        column balanced and orthogonal; `natural` carries the actual values.
        """
        return np.linspace(-1.0, 1.0, n)


def _number(value: Any, field: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float, Decimal)):
        raise HavocInputError(f"expected a number, got {str(value)[:30]!r}", field=field)
    out = float(value)
    if not np.isfinite(out):
        raise HavocInputError(f"{value} is not a finite number", field=field)
    return out


def parse_factors(spec: Any, field: str = "factors") -> list[Factor]:
    """A count, a list of names, or a list of {name, low, high, units?, levels?}."""
    if isinstance(spec, bool):
        raise HavocInputError("expected a count or a list of factors", field=field)
    if isinstance(spec, (int, Decimal)) or (isinstance(spec, float) and spec.is_integer()):
        k = int(spec)
        if k != spec or k < 1:
            raise HavocInputError(f"needs at least 1 factor, got {spec}", field=field)
        check_at_most(field, "factors", k, "max_factors")
        return [Factor(label=lab, name=lab) for lab in labels(k)]
    if not isinstance(spec, list) or not spec:
        raise HavocInputError("expected a count or a non-empty list of factors", field=field)
    check_at_most(field, "factors", len(spec), "max_factors")
    labs = labels(len(spec))
    out: list[Factor] = []
    for i, item in enumerate(spec):
        f = f"{field}[{i}]"
        if isinstance(item, str):
            item = {"name": item}
        if isinstance(item, BaseModel):
            item = item.model_dump(exclude_none=True)
        if not isinstance(item, dict):
            raise HavocInputError("expected a name or an object {name, low, high}", field=f)
        unknown = set(item) - {"name", "low", "high", "units", "levels"}
        if unknown:
            raise HavocInputError(f"unknown key(s) {', '.join(sorted(unknown))}; use name, low, high, units, levels",
                                  field=f)
        name = item.get("name", labs[i])
        if not isinstance(name, str) or not name.strip():
            raise HavocInputError("name must be non-empty text", field=f"{f}.name")
        name = name.strip()
        low = item.get("low")
        high = item.get("high")
        if (low is None) != (high is None):
            raise HavocInputError("give both low and high, or neither", field=f"{f}.{'high' if high is None else 'low'}")
        lo = _number(low, f"{f}.low") if low is not None else None
        hi = _number(high, f"{f}.high") if high is not None else None
        if lo is not None and hi is not None and not lo < hi:
            raise HavocInputError(f"low ({lo:g}) must be below high ({hi:g})", field=f"{f}.low")
        units = item.get("units")
        if units is not None and not isinstance(units, str):
            raise HavocInputError("units must be text", field=f"{f}.units")
        levels, values = _levels(item.get("levels"), f"{f}.levels")
        out.append(Factor(label=labs[i], name=name, low=lo, high=hi, units=units, levels=levels, values=values))
    seen: dict[str, int] = {}
    for i, fac in enumerate(out):
        if fac.name in seen:
            raise HavocInputError(f"duplicate factor name {fac.name!r} (also factors[{seen[fac.name]}])",
                                  field=f"{field}[{i}].name")
        seen[fac.name] = i
    return out


def _levels(raw: Any, field: str) -> tuple[int | None, list[float | str] | None]:
    if raw is None:
        return None, None
    if isinstance(raw, bool):
        raise HavocInputError("expected a count or a list of level values", field=field)
    if isinstance(raw, (int, Decimal)) or (isinstance(raw, float) and raw.is_integer()):
        n = int(raw)
        if n != raw or n < 2:
            raise HavocInputError(f"a factor needs at least 2 levels, got {raw}", field=field)
        if n > 100:
            raise HavocInputError(f"{n} levels is more than 100", field=field)
        return n, None
    if not isinstance(raw, list) or len(raw) < 2:
        raise HavocInputError("expected a count (>= 2) or a list of at least 2 level values", field=field)
    vals: list[float | str] = []
    for j, v in enumerate(raw):
        if isinstance(v, str):
            if not v.strip():
                raise HavocInputError("empty level name", field=f"{field}[{j}]")
            vals.append(v.strip())
        else:
            vals.append(_number(v, f"{field}[{j}]"))
    if len(set(map(str, vals))) != len(vals):
        raise HavocInputError("level values repeat", field=field)
    if any(isinstance(v, str) for v in vals) and not all(isinstance(v, str) for v in vals):
        raise HavocInputError("mixes numbers and names; use all numbers or all names", field=field)
    return len(vals), vals


def names(factors: list[Factor]) -> list[str]:
    return [f.name for f in factors]


def has_ranges(factors: list[Factor]) -> bool:
    return any(f.has_range or f.values for f in factors)


def to_natural(coded: np.ndarray, factors: list[Factor]) -> list[list[float | str | None]]:
    """Coded -1..+1 to natural units: x = centre + coded * half-range. Columns without a range stay coded."""
    out: list[list[float | str | None]] = []
    cols: list[list[float | str | None]] = []
    for j, fac in enumerate(factors):
        col = coded[:, j]
        if fac.values is not None:
            grid = fac.coded_levels(len(fac.values))
            cols.append([fac.values[int(np.argmin(np.abs(grid - c)))] for c in col])
        elif fac.has_range:
            assert fac.low is not None and fac.high is not None
            centre = (fac.low + fac.high) / 2.0
            half = (fac.high - fac.low) / 2.0
            cols.append([_tidy(centre + c * half) for c in col])
        else:
            cols.append([_tidy(float(c)) for c in col])
    for i in range(coded.shape[0]):
        out.append([c[i] for c in cols])
    return out


def _tidy(x: float) -> float:
    """Drop binary noise such as 149.99999999999997 -> 150.0 (12 significant digits kept)."""
    if x == 0 or not np.isfinite(x):
        return float(x)
    return float(f"{x:.12g}")
