"""Chi-square tests: independence in a contingency table, and goodness of fit to expected counts.

Why warnings rather than refusals for small expected counts: Cochran's rule (no expected count below 1,
at most 20% below 5) is advice, and the graph's ARGUE stage turns the warning into a con argument (and
suggests Fisher's exact test for 2x2 tables) instead of hiding the result.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
from pydantic import BaseModel, Field

from tools.errors import HavocInputError
from tools.numeric import _check_scalar, validate_numbers
from tools.registry import register
from tools.stats_common import StatResult


class ChiSquareArgs(BaseModel):
    table: list[Any] | None = Field(None, description="contingency table of counts (rows x columns): independence test")
    observed: list[Any] | None = Field(None, description="observed counts per category: goodness of fit")
    expected: list[Any] | None = Field(None, description="expected counts (same total as observed)")
    probabilities: list[Any] | None = Field(None, description="expected proportions (sum to 1); default uniform")
    correction: bool = Field(False, description="Yates continuity correction (2x2 tables only; R's default is on, "
                             "Minitab's off)")
    estimated_parameters: int = Field(0, description="goodness of fit: parameters estimated from the data (reduce df)")


class ChiSquareResult(StatResult):
    test: str
    statistic: float
    df: int
    p_value: float
    expected: list[Any] = Field(description="expected counts, same shape as the input")
    residuals: list[Any] = Field(description="Pearson residuals (O - E) / sqrt(E)")
    correction_applied: bool
    cramers_v: float | None = None
    min_expected: float
    cells_below_5: int
    warnings: list[str]


def _counts(values: Any, field: str) -> np.ndarray:
    vals = validate_numbers(values, field)
    arr = np.asarray([float(v) for v in vals])
    if (arr < 0).any():
        raise HavocInputError(f"counts cannot be negative (found {arr.min():g})", field=field)
    return arr


def _table(rows: Any) -> np.ndarray:
    if not isinstance(rows, list) or len(rows) < 2:
        raise HavocInputError("a contingency table needs at least 2 rows", field="table")
    width = None
    out = []
    for i, row in enumerate(rows):
        if not isinstance(row, list):
            raise HavocInputError(f"expected a row of counts, got {type(row).__name__}", field=f"table[{i}]")
        if width is None:
            width = len(row)
            if width < 2:
                raise HavocInputError("a contingency table needs at least 2 columns", field="table[0]")
        elif len(row) != width:
            raise HavocInputError(f"has {len(row)} counts, row 0 has {width} (ragged table)", field=f"table[{i}]")
        out.append([float(_check_scalar(v, f"table[{i}][{j}]")) for j, v in enumerate(row)])
    arr = np.asarray(out)
    if (arr < 0).any():
        raise HavocInputError("counts cannot be negative", field="table")
    for axis, name in ((1, "row"), (0, "column")):
        sums = arr.sum(axis=axis)
        if (sums == 0).any():
            raise HavocInputError(f"{name} {int(np.argmax(sums == 0))} has no counts: its expected counts are zero",
                                  field="table")
    return arr


def _small_count_warnings(expected: np.ndarray) -> tuple[list[str], int]:
    below5 = int((expected < 5).sum())
    warnings = []
    if below5:
        share = below5 / expected.size
        warnings.append(f"{below5} of {expected.size} expected counts ({share:.0%}) are below 5; the chi-square "
                        "approximation may be poor" + (" (Cochran: at most 20%)" if share > 0.2 else ""))
    if (expected < 1).any():
        warnings.append("some expected count is below 1: combine categories or use an exact test")
    return warnings, below5


@register("chi_square", ChiSquareArgs)
def chi_square(args: ChiSquareArgs) -> ChiSquareResult:
    """Chi-square test of independence (contingency table) or goodness of fit (observed vs expected), warning on small expected counts."""
    from scipy import stats as sps

    if args.table is not None:
        if args.observed is not None:
            raise HavocInputError("give either table (independence) or observed (goodness of fit), not both",
                                  field="table")
        obs = _table(args.table)
        stat, p, dof, exp = sps.chi2_contingency(obs, correction=args.correction)
        applied = bool(args.correction and dof == 1)
        warnings, below5 = _small_count_warnings(exp)
        if obs.shape == (2, 2) and below5:
            warnings.append("for a 2x2 table with small expected counts, Fisher's exact test is the usual choice")
        n = obs.sum()
        v = math.sqrt(stat / (n * (min(obs.shape) - 1))) if n > 0 else None
        return ChiSquareResult(test="independence (Pearson)", statistic=float(stat), df=int(dof), p_value=float(p),
                               expected=exp.tolist(), residuals=((obs - exp) / np.sqrt(exp)).tolist(),
                               correction_applied=applied, cramers_v=v, min_expected=float(exp.min()),
                               cells_below_5=below5, warnings=warnings)
    if args.observed is None:
        raise HavocInputError("needs table (independence) or observed counts (goodness of fit)", field="table")
    obs = _counts(args.observed, "observed")
    k = obs.size
    if k < 2:
        raise HavocInputError("goodness of fit needs at least 2 categories", field="observed")
    total = obs.sum()
    if total <= 0:
        raise HavocInputError("all counts are zero", field="observed")
    if args.expected is not None and args.probabilities is not None:
        raise HavocInputError("give expected counts or probabilities, not both", field="expected")
    if args.expected is not None:
        exp = _counts(args.expected, "expected")
        field = "expected"
        if exp.size != k:
            raise HavocInputError(f"has {exp.size} values for {k} categories", field=field)
        if abs(exp.sum() - total) > 1e-6 * total:
            raise HavocInputError(f"expected counts sum to {exp.sum():g} but observed to {total:g}; "
                                  "give probabilities to rescale", field=field)
    else:
        field = "probabilities"
        probs = _counts(args.probabilities, field) if args.probabilities is not None else np.full(k, 1.0 / k)
        if probs.size != k:
            raise HavocInputError(f"has {probs.size} values for {k} categories", field=field)
        if abs(probs.sum() - 1.0) > 1e-6:
            raise HavocInputError(f"must sum to 1, they sum to {probs.sum():g}", field=field)
        exp = probs / probs.sum() * total
    if (exp <= 0).any():
        raise HavocInputError("every expected count must be positive", field=field)
    dof = k - 1 - int(args.estimated_parameters)
    if dof < 1:
        raise HavocInputError(f"{k} categories with {args.estimated_parameters} estimated parameters leave no "
                              "degrees of freedom", field="estimated_parameters")
    stat = float(np.sum((obs - exp) ** 2 / exp))
    warnings, below5 = _small_count_warnings(exp)
    return ChiSquareResult(test="goodness of fit (Pearson)", statistic=stat, df=dof,
                           p_value=float(sps.chi2.sf(stat, dof)), expected=exp.tolist(),
                           residuals=((obs - exp) / np.sqrt(exp)).tolist(), correction_applied=False,
                           min_expected=float(exp.min()), cells_below_5=below5, warnings=warnings)
