"""Control-chart constants: the published table and the exact integrals.

Why two sources: qcc and Minitab compute limits with the published 3-decimal
table (d2(5) = 2.326), so reproducing their numbers digit for digit needs the
table; the exact values (numerical integration over the normal range
distribution) are what the table rounds, and are the honest choice for subgroup
sizes the table does not cover. `chart_factors` decides which a chart uses.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Literal

import numpy as np
from pydantic import BaseModel, ConfigDict, Field

from tools.errors import HavocInputError
from tools.registry import register

ConstantsSource = Literal["table", "exact"]

# Published factors for n = 2..25 (Montgomery, Introduction to SQC, Appendix VI;
# ASTM MNL7; AIAG SPC manual). Index 0 is n = 2.
_TABLE: dict[str, tuple[float, ...]] = {
    "A2": (1.880, 1.023, 0.729, 0.577, 0.483, 0.419, 0.373, 0.337, 0.308, 0.285, 0.266, 0.249,
           0.235, 0.223, 0.212, 0.203, 0.194, 0.187, 0.180, 0.173, 0.167, 0.162, 0.157, 0.153),
    "A3": (2.659, 1.954, 1.628, 1.427, 1.287, 1.182, 1.099, 1.032, 0.975, 0.927, 0.886, 0.850,
           0.817, 0.789, 0.763, 0.739, 0.718, 0.698, 0.680, 0.663, 0.647, 0.633, 0.619, 0.606),
    "c4": (0.7979, 0.8862, 0.9213, 0.9400, 0.9515, 0.9594, 0.9650, 0.9693, 0.9727, 0.9754, 0.9776,
           0.9794, 0.9810, 0.9823, 0.9835, 0.9845, 0.9854, 0.9862, 0.9869, 0.9876, 0.9882, 0.9887,
           0.9892, 0.9896),
    "B3": (0.0, 0.0, 0.0, 0.0, 0.030, 0.118, 0.185, 0.239, 0.284, 0.321, 0.354, 0.382,
           0.406, 0.428, 0.448, 0.466, 0.482, 0.497, 0.510, 0.523, 0.534, 0.545, 0.555, 0.565),
    "B4": (3.267, 2.568, 2.266, 2.089, 1.970, 1.882, 1.815, 1.761, 1.716, 1.679, 1.646, 1.618,
           1.594, 1.572, 1.552, 1.534, 1.518, 1.503, 1.490, 1.477, 1.466, 1.455, 1.445, 1.435),
    "d2": (1.128, 1.693, 2.059, 2.326, 2.534, 2.704, 2.847, 2.970, 3.078, 3.173, 3.258, 3.336,
           3.407, 3.472, 3.532, 3.588, 3.640, 3.689, 3.735, 3.778, 3.819, 3.858, 3.895, 3.931),
    "d3": (0.853, 0.888, 0.880, 0.864, 0.848, 0.833, 0.820, 0.808, 0.797, 0.787, 0.778, 0.770,
           0.763, 0.756, 0.750, 0.744, 0.739, 0.734, 0.729, 0.724, 0.720, 0.716, 0.712, 0.708),
    "D3": (0.0, 0.0, 0.0, 0.0, 0.0, 0.076, 0.136, 0.184, 0.223, 0.256, 0.283, 0.307,
           0.328, 0.347, 0.363, 0.378, 0.391, 0.403, 0.415, 0.425, 0.434, 0.443, 0.451, 0.459),
    "D4": (3.267, 2.574, 2.282, 2.114, 2.004, 1.924, 1.864, 1.816, 1.777, 1.744, 1.717, 1.693,
           1.672, 1.653, 1.637, 1.622, 1.608, 1.597, 1.585, 1.575, 1.566, 1.557, 1.548, 1.541),
}
TABLE_MAX_N = 25

# The standard deviation of the relative range as qcc tabulates it (its
# `se.R.unscaled`, n = 2..50). qcc draws R and MR chart limits with these, so
# table-mode charts use them to reproduce qcc's R-chart limits to 7 digits
# (D4(5) = 1 + 3 * 0.8640855 / 2.326 = 2.11447, not the table's 2.114).
_QCC_D3: tuple[float, ...] = (
    0.8525033, 0.8883697, 0.8798108, 0.8640855, 0.8480442, 0.8332108, 0.8198378, 0.8078413,
    0.7970584, 0.7873230, 0.7784873, 0.7704257, 0.7630330, 0.7562217, 0.7499188, 0.7440627,
    0.7386021, 0.7334929, 0.7286980, 0.7241851, 0.7199267, 0.7158987, 0.7120802, 0.7084528,
    0.7050004, 0.7017086, 0.6985648, 0.6955576, 0.6926770, 0.6899137, 0.6872596, 0.6847074,
    0.6822502, 0.6798821, 0.6775973, 0.6753910, 0.6732584, 0.6711952, 0.6691976, 0.6672619,
    0.6653848, 0.6635632, 0.6617943, 0.6600754, 0.6584041, 0.6567780, 0.6551950, 0.6536532,
    0.6521506,
)
QCC_D3_MAX_N = 50

MAX_N = 10_000  # beyond this the integrals are still fine, but no chart has such subgroups

# The x grid for integrals over the real line: the integrands are smooth and
# decay like the normal density, so the trapezoid rule on a fine uniform grid
# is accurate to ~1e-13 (it converges geometrically for such functions).
_X = np.linspace(-12.0, 12.0, 1201)
_DX = _X[1] - _X[0]


def _check_n(n: int, field: str = "n") -> int:
    if isinstance(n, bool) or not isinstance(n, (int, np.integer)):
        raise HavocInputError(f"subgroup size must be a whole number, got {n!r}", field=field)
    if n < 2 or n > MAX_N:
        raise HavocInputError(f"subgroup size must be between 2 and {MAX_N}, got {n}", field=field)
    return int(n)


@lru_cache(maxsize=512)
def exact_d2(n: int) -> float:
    """E[range]/sigma of n normal observations: the integral of 1 - (1-Phi)^n - Phi^n."""
    from scipy import special

    n = _check_n(n)
    upper = np.exp(n * special.log_ndtr(_X))  # Phi(x)^n
    lower = -np.expm1(n * special.log_ndtr(-_X))  # 1 - (1 - Phi(x))^n
    return float(np.sum(lower - upper) * _DX)


def _range_survival(r: np.ndarray, n: int) -> np.ndarray:
    """P(R > r) for the range of n standard normals, for a vector of r.

    P(R <= r) = n * int phi(x) (Phi(x+r) - Phi(x))^(n-1) dx, with the difference
    of Phi taken from whichever tail keeps its digits.
    """
    from scipy import special

    rr = np.asarray(r, dtype=float)[:, None]
    neg, pos = _X[_X <= 0], _X[_X > 0]
    diff = np.concatenate(
        [special.ndtr(neg + rr) - special.ndtr(neg), special.ndtr(-pos) - special.ndtr(-pos - rr)], axis=1
    )
    density = np.exp(-0.5 * _X * _X) / np.sqrt(2 * np.pi)
    cdf = n * (diff ** (n - 1) @ density) * _DX
    return np.clip(1.0 - cdf, 0.0, 1.0)


_GL_NODES, _GL_WEIGHTS = np.polynomial.legendre.leggauss(160)


@lru_cache(maxsize=512)
def exact_d3(n: int) -> float:
    """sd(range)/sigma: E[R^2] = 2 * int_0^inf r P(R > r) dr, minus d2^2.

    P(R > r) is analytic in r and below 1e-30 past d2 + 14, so Gauss-Legendre on
    [0, d2 + 14] integrates it to ~1e-12 in one vectorised pass.
    """
    n = _check_n(n)
    d2 = exact_d2(n)
    top = d2 + 14.0
    r = 0.5 * top * (_GL_NODES + 1.0)
    second = 0.5 * top * float(np.sum(_GL_WEIGHTS * r * _range_survival(r, n)))
    return float(np.sqrt(2.0 * second - d2 * d2))


def exact_c4(n: int | np.ndarray) -> float | np.ndarray:
    """E[S]/sigma for n normal observations, by gamma functions (log form: no overflow)."""
    from scipy import special

    n_arr = np.asarray(n, dtype=float)
    out = np.sqrt(2.0 / (n_arr - 1.0)) * np.exp(special.gammaln(n_arr / 2.0) - special.gammaln((n_arr - 1.0) / 2.0))
    return float(out) if np.ndim(out) == 0 else out


def exact_constants(n: int, k_sigma: float = 3.0) -> dict[str, float]:
    """Every factor from d2, d3, c4 (for k-sigma limits; the tables are for k = 3)."""
    d2, d3, c4 = exact_d2(n), exact_d3(n), exact_c4(n)
    k = k_sigma
    return {
        "A": k / np.sqrt(n),
        "A2": k / (d2 * np.sqrt(n)),
        "A3": k / (c4 * np.sqrt(n)),
        "B3": max(0.0, 1.0 - k * np.sqrt(1.0 - c4 * c4) / c4),
        "B4": 1.0 + k * np.sqrt(1.0 - c4 * c4) / c4,
        "c4": c4,
        "d2": d2,
        "d3": d3,
        "D3": max(0.0, 1.0 - k * d3 / d2),
        "D4": 1.0 + k * d3 / d2,
        "E2": k / d2,
    }


def table_constants(n: int) -> dict[str, float]:
    """The published row for n (2..25); A and E2 are rounded to 3 decimals like the printed tables."""
    n = _check_n(n)
    if n > TABLE_MAX_N:
        raise HavocInputError(f"the published table covers n = 2..{TABLE_MAX_N}, got {n}", field="n")
    row = {name: values[n - 2] for name, values in _TABLE.items()}
    row["A"] = round(3.0 / np.sqrt(n), 3)
    row["E2"] = round(3.0 / row["d2"], 3)
    return row


def chart_factors(n: int, source: ConstantsSource) -> tuple[float, float, float]:
    """(d2, d3, c4) a chart uses for subgroups of size n.

    Table mode reproduces qcc: d2 from the 3-decimal table, d3 from qcc's
    7-digit table, c4 from the gamma functions (qcc and Minitab compute c4).
    Sizes outside those tables fall back to the exact values.
    """
    n = _check_n(n, "subgroup_size")
    if source == "table":
        d2 = _TABLE["d2"][n - 2] if n <= TABLE_MAX_N else exact_d2(n)
        d3 = _QCC_D3[n - 2] if n <= QCC_D3_MAX_N else exact_d3(n)
    else:
        d2, d3 = exact_d2(n), exact_d3(n)
    return d2, d3, float(exact_c4(n))


# ---------------------------------------------------------------- the tool


class SpcConstantsArgs(BaseModel):
    model_config = ConfigDict(extra="forbid")

    n: int | list[int] = Field(description="subgroup size (2 or more), or a list of sizes for a table")
    constants: ConstantsSource = Field(
        "table", description="table: the published 3-decimal table (qcc/Minitab); exact: numerical integration"
    )


Factor = float | list[float]


class SpcConstantsResult(BaseModel):
    n: int | list[int]
    constants: ConstantsSource
    source: str = Field(description="where the numbers come from")
    A: Factor
    A2: Factor
    A3: Factor
    B3: Factor
    B4: Factor
    c4: Factor
    d2: Factor
    d3: Factor
    D3: Factor
    D4: Factor
    E2: Factor


_TABLE_SOURCE = "published table (Montgomery Appendix VI / ASTM MNL7), 3 decimals (c4: 4)"
_EXACT_SOURCE = "exact: numerical integration of the normal range distribution; c4 by gamma functions"


def _row(n: int, source: ConstantsSource, field: str) -> dict[str, float]:
    n = _check_n(n, field)
    values = table_constants(n) if source == "table" and n <= TABLE_MAX_N else exact_constants(n)
    return {k: float(v) for k, v in values.items()}


@register("spc_constants", SpcConstantsArgs)
def spc_constants(args: SpcConstantsArgs) -> SpcConstantsResult:
    """Control-chart constants A, A2, A3, B3, B4, c4, d2, d3, D3, D4, E2 for subgroup size n (table or exact).

    Table sizes beyond 25 have no published row, so they are computed and the
    `source` field says so rather than failing a user who asked for n = 30.
    """
    sizes = args.n if isinstance(args.n, list) else [args.n]
    if not sizes:
        raise HavocInputError("is empty", field="n")
    rows = [_row(n, args.constants, "n" if not isinstance(args.n, list) else f"n[{i}]") for i, n in enumerate(sizes)]
    if args.constants == "exact":
        source = _EXACT_SOURCE
    elif max(sizes) <= TABLE_MAX_N:
        source = _TABLE_SOURCE
    else:
        source = f"{_TABLE_SOURCE}; n > {TABLE_MAX_N}: {_EXACT_SOURCE} (the published table stops at n = {TABLE_MAX_N})"
    if isinstance(args.n, list):
        columns = {name: [row[name] for row in rows] for name in rows[0]}
        return SpcConstantsResult(n=list(sizes), constants=args.constants, source=source, **columns)
    return SpcConstantsResult(n=sizes[0], constants=args.constants, source=source, **rows[0])
