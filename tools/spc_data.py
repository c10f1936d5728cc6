"""Turning a control chart's raw arguments into validated arrays.

Why a module of its own: the chart arithmetic is short and exact, while the ways
a user can hand over data (rows of subgroups, a flat list with a subgroup size,
counts with sizes, a phase II block, Decimals from JSON) are many. Keeping the
checks here gives every bad input one line naming its field before any
arithmetic runs.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Annotated, Any

import numpy as np
from pydantic import WithJsonSchema

from tools.errors import HavocInputError
from tools.numeric import as_float_array, validate_numbers

# Argument types: validated here (one-line errors naming the cell), described for `tool describe` and LLMs.
NumberList = Annotated[Any, WithJsonSchema({"type": "array", "items": {"type": "number"}, "minItems": 1})]
NumberTable = Annotated[
    Any,
    WithJsonSchema({"type": "array", "items": {"type": "array", "items": {"type": "number"}}, "minItems": 1}),
]


def float_values(values: Any, field: str) -> np.ndarray:
    """A non-empty 1-D float array of finite numbers (Decimals converted after validation)."""
    return as_float_array(validate_numbers(values, field))


Subgroups = np.ndarray | list[np.ndarray]  # a 2-D table when sizes are equal, else one array per row

_PLAIN_NUMBERS = {float, int, Decimal}


def _fast_table(rows: Sequence[Any], field: str) -> np.ndarray | None:
    """The whole table in one numpy call when every cell is a plain number (the common, large case)."""
    try:
        if not all(isinstance(row, (list, tuple)) for row in rows):
            return None
        kinds = {type(v) for row in rows for v in row}
        if not kinds <= _PLAIN_NUMBERS or len({len(row) for row in rows}) != 1 or not rows[0]:
            return None
        table = np.array(rows, dtype=float)
    except (TypeError, ValueError, OverflowError):
        return None
    bad = np.argwhere(~np.isfinite(table))
    if bad.size:
        i, j = (int(v) for v in bad[0])
        raise HavocInputError(f"{rows[i][j]} is not a finite number", field=f"{field}[{i}][{j}]")
    return table


def subgroup_rows(rows: Any, field: str, unequal_sizes: bool) -> Subgroups:
    """A subgroups table: a 2-D float array when every row has the same size, else a list of rows.

    Unequal lengths are accepted only when the user says so: a row that is one
    value short is far more often a copy-paste slip than a planned design.
    """
    if isinstance(rows, np.ndarray):
        if rows.ndim != 2 or rows.size == 0:
            raise HavocInputError(f"expected a non-empty 2-D table, got shape {rows.shape}", field=field)
        if not np.issubdtype(rows.dtype, np.number) or not np.all(np.isfinite(rows)):
            raise HavocInputError("contains NaN, infinity or non-numbers", field=field)
        return rows.astype(float, copy=False)
    if isinstance(rows, (str, bytes)) or not isinstance(rows, Sequence):
        raise HavocInputError(f"expected a list of subgroups (lists of numbers), got {type(rows).__name__}", field=field)
    if len(rows) == 0:
        raise HavocInputError("is empty", field=field)
    table = _fast_table(rows, field)
    if table is not None:
        return table
    out = [float_values(row, f"{field}[{i}]") for i, row in enumerate(rows)]
    first = out[0].size
    if all(row.size == first for row in out):
        return np.vstack(out)
    if not unequal_sizes:
        i = next(i for i, row in enumerate(out) if row.size != first)
        raise HavocInputError(
            f"ragged: subgroup {i} has {out[i].size} values, subgroup 0 has {first}; "
            "set unequal_sizes: true if subgroup sizes really vary (limits then vary per point)",
            field=field,
        )
    return out


def row_sizes(rows: Subgroups) -> np.ndarray:
    if isinstance(rows, np.ndarray):
        return np.full(rows.shape[0], float(rows.shape[1]))
    return np.array([r.size for r in rows], dtype=float)


def all_values(rows: Subgroups) -> np.ndarray:
    return rows.ravel() if isinstance(rows, np.ndarray) else np.concatenate(rows)


def stack(first: Subgroups, second: Subgroups) -> Subgroups:
    """Phase I rows followed by phase II rows, staying a table when both are tables of one width."""
    if isinstance(first, np.ndarray) and isinstance(second, np.ndarray) and first.shape[1] == second.shape[1]:
        return np.vstack([first, second])
    return list(first) + list(second)


def split_values(values: Any, subgroup_size: int, field: str) -> np.ndarray:
    """A flat list cut into consecutive subgroups of `subgroup_size`."""
    flat = float_values(values, field)
    if flat.size % subgroup_size:
        raise HavocInputError(
            f"{flat.size} values do not split into subgroups of {subgroup_size} "
            f"({flat.size % subgroup_size} left over)",
            field=field,
        )
    return flat.reshape(-1, subgroup_size)


def whole_counts(values: Any, field: str) -> np.ndarray:
    """Non-negative whole numbers: defectives or defects, never proportions."""
    arr = float_values(values, field)
    bad = np.flatnonzero((arr < 0) | (arr != np.round(arr)))
    if bad.size:
        i = int(bad[0])
        why = "is negative" if arr[i] < 0 else "is not a whole number (give counts, not proportions)"
        raise HavocInputError(f"{arr[i]:g} {why}", field=f"{field}[{i}]")
    return arr


def positive_sizes(values: Any, field: str, length: int, counts_field: str, whole: bool = True) -> np.ndarray:
    """Sample sizes (p, np: whole items) or inspection units (c, u: any positive amount, e.g. 9.5 m2 of cloth)."""
    arr = float_values(values, field)
    if arr.size != length:
        raise HavocInputError(f"has {arr.size} entries but {counts_field} has {length}", field=field)
    bad = np.flatnonzero((arr <= 0) | ((arr != np.round(arr)) if whole else False))
    if bad.size:
        i = int(bad[0])
        what = "positive whole number" if whole else "positive amount of inspection units"
        raise HavocInputError(f"{arr[i]:g} is not a {what}", field=f"{field}[{i}]")
    return arr


def exclusions(exclude: Sequence[int], n_phase1: int) -> np.ndarray:
    """0-based phase I indices to leave out of the limits, checked against the data."""
    out = []
    for j, i in enumerate(exclude):
        if isinstance(i, bool) or not isinstance(i, (int, np.integer)):
            raise HavocInputError(f"expected a 0-based point index, got {i!r}", field=f"exclude[{j}]")
        if not 0 <= i < n_phase1:
            raise HavocInputError(
                f"index {i} is out of range: phase I has {n_phase1} points (0..{n_phase1 - 1})", field=f"exclude[{j}]"
            )
        out.append(int(i))
    return np.array(sorted(set(out)), dtype=np.int64)
