"""Turning a control chart's raw arguments into validated arrays.

Why a module of its own: the chart arithmetic is short and exact, while the ways
a user can hand over data (rows of subgroups, a flat list with a subgroup size,
counts with sizes, a phase II block, Decimals from JSON) are many. Keeping the
checks here gives every bad input one line naming its field before any
arithmetic runs.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from tools.errors import HavocInputError
from tools.numeric import as_float_array, validate_numbers


def float_values(values: Any, field: str) -> np.ndarray:
    """A non-empty 1-D float array of finite numbers (Decimals converted after validation)."""
    return as_float_array(validate_numbers(values, field))


def subgroup_rows(rows: Any, field: str, unequal_sizes: bool) -> list[np.ndarray]:
    """Rows of a subgroups table, each a float array; unequal lengths only when the user says so.

    A row that is one value short is far more often a copy-paste slip than a
    planned variable-size design, so it is an error unless `unequal_sizes` is set.
    """
    if isinstance(rows, np.ndarray):
        if rows.ndim != 2 or rows.size == 0:
            raise HavocInputError(f"expected a non-empty 2-D table, got shape {rows.shape}", field=field)
        if not np.all(np.isfinite(rows)):
            raise HavocInputError("contains NaN or infinity", field=field)
        return list(rows.astype(float, copy=False))
    if isinstance(rows, (str, bytes)) or not isinstance(rows, Sequence):
        raise HavocInputError(f"expected a list of subgroups (lists of numbers), got {type(rows).__name__}", field=field)
    if len(rows) == 0:
        raise HavocInputError("is empty", field=field)
    out = [float_values(row, f"{field}[{i}]") for i, row in enumerate(rows)]
    if not unequal_sizes:
        first = out[0].size
        for i, row in enumerate(out):
            if row.size != first:
                raise HavocInputError(
                    f"ragged: subgroup {i} has {row.size} values, subgroup 0 has {first}; "
                    "set unequal_sizes: true if subgroup sizes really vary (limits then vary per point)",
                    field=field,
                )
    return out


def split_values(values: Any, subgroup_size: int, field: str) -> list[np.ndarray]:
    """A flat list cut into consecutive subgroups of `subgroup_size`."""
    flat = float_values(values, field)
    if flat.size % subgroup_size:
        raise HavocInputError(
            f"{flat.size} values do not split into subgroups of {subgroup_size} "
            f"({flat.size % subgroup_size} left over)",
            field=field,
        )
    return list(flat.reshape(-1, subgroup_size))


def whole_counts(values: Any, field: str) -> np.ndarray:
    """Non-negative whole numbers: defectives or defects, never proportions."""
    arr = float_values(values, field)
    bad = np.flatnonzero((arr < 0) | (arr != np.round(arr)))
    if bad.size:
        i = int(bad[0])
        why = "is negative" if arr[i] < 0 else "is not a whole number (give counts, not proportions)"
        raise HavocInputError(f"{arr[i]:g} {why}", field=f"{field}[{i}]")
    return arr


def positive_sizes(values: Any, field: str, length: int, counts_field: str) -> np.ndarray:
    arr = float_values(values, field)
    if arr.size != length:
        raise HavocInputError(f"has {arr.size} entries but {counts_field} has {length}", field=field)
    bad = np.flatnonzero((arr <= 0) | (arr != np.round(arr)))
    if bad.size:
        i = int(bad[0])
        raise HavocInputError(f"{arr[i]:g} is not a positive whole number", field=f"{field}[{i}]")
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
