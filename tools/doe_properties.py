"""`doe_properties`: the invariants of a design recomputed from its coded matrix alone.

Why: the AUDIT stage must verify a generated design by a route independent of the
generator. Nothing here knows how the matrix was built: run count, levels, column
sums, orthogonality, centre runs, the Box-Hunter rotatability moment conditions, and,
for two-level matrices, the defining relation found as the products of columns that
are constant (a null space over GF(2)).
"""

from __future__ import annotations

from itertools import combinations

import numpy as np
from pydantic import BaseModel, ConfigDict, Field

from tools.doe_fractions import roman
from tools.doe_words import (
    aliases_up_to_two,
    gf2_defining_words,
    labels,
    numeric_word,
    require_letter_labels,
    resolution,
    signed,
    sort_words,
    word_length_pattern,
)
from tools.errors import HavocInputError
from tools.registry import register

TOL = 1e-9


class PropertiesArgs(BaseModel):
    model_config = ConfigDict(extra="forbid")

    coded: list[list[float]] = Field(description="design matrix in coded units, one row per run")
    factor_names: list[str] | None = Field(None, description="names of the columns (default A, B, C, ...)")


class Rotatability(BaseModel):
    rotatable: bool
    mean_x_i2: list[float]
    mean_x_i4: list[float]
    mean_x_i2_x_j2: list[float]
    max_abs_odd_moment: float
    reason: str


class PropertiesResult(BaseModel):
    runs: int
    factors: int
    factor_names: list[str]
    factor_labels: list[str]
    column_levels: list[list[float]]
    column_level_counts: list[list[int]] = Field(description="for each factor, how many runs sit at each of its "
                                                 "levels (in the order of column_levels)")
    column_sums: list[float]
    XtX_diagonal: list[float]
    XtX_max_abs_offdiag: float
    correlation_max_abs_offdiag: float
    orthogonal: bool
    balanced: bool
    centre_points: int
    center_points: int
    distinct_runs: int
    replicated_points: int
    rotatability: Rotatability
    rotatable: bool
    quadratic_estimable: bool
    two_level: bool
    regular: bool | None = None
    defining_relation: list[str] = []
    defining_relation_numeric: list[str] = []
    resolution: int | None = None
    resolution_roman: str | None = None
    word_length_pattern: dict[str, int] = {}
    aliases: dict[str, list[str]] = {}


def as_matrix(rows: list[list[float]], field: str = "coded") -> np.ndarray:
    if not rows:
        raise HavocInputError("is empty", field=field)
    width = len(rows[0])
    for i, row in enumerate(rows):
        if len(row) != width:
            raise HavocInputError(f"row {i} has {len(row)} values, row 0 has {width}", field=field)
    if width == 0:
        raise HavocInputError("rows have no columns", field=field)
    x = np.asarray(rows, dtype=float)
    if not np.all(np.isfinite(x)):
        raise HavocInputError("contains NaN or infinity", field=field)
    if np.abs(x).max() > 1e30:
        # fourth moments (rotatability) and cross products overflow binary64 well before 1e308
        raise HavocInputError(f"has a value of {np.abs(x).max():g}; give the design in coded units", field=field)
    return x


def _levels(col: np.ndarray) -> list[float]:
    return sorted({round(float(v), 12) + 0.0 for v in col})


def rotatability(x: np.ndarray) -> Rotatability:
    """Box & Hunter's moment conditions up to order 4 (all odd moments 0, [iiii] = 3[iijj], equal [ii])."""
    n, k = x.shape
    scale = max(float(np.mean(x**2)), TOL)
    m2 = np.mean(x**2, axis=0)
    m4 = np.mean(x**4, axis=0)
    pairs = list(combinations(range(k), 2))
    m22 = np.array([np.mean(x[:, i] ** 2 * x[:, j] ** 2) for i, j in pairs])
    odd = [np.abs(np.mean(x, axis=0)).max(), np.abs(np.mean(x**3, axis=0)).max()]
    if k > 1:
        xc = x.T @ x / n
        odd.append(np.abs(xc - np.diag(np.diag(xc))).max())
        odd.append(np.abs((x**2).T @ x / n - np.diag(np.mean(x**3, axis=0))).max())  # [iij], i != j
        odd.append(np.abs((x**3).T @ x / n - np.diag(m4)).max())  # [iiij]
    if 2 < k <= 12:
        t3 = np.einsum("ni,nj,nk->ijk", x, x, x) / n
        idx = [(i, j, m) for i, j, m in combinations(range(k), 3)]
        odd.append(max(abs(t3[c]) for c in idx))
        # [iijk] with j != k, both != i
        for i in range(k):
            sq = x[:, i] ** 2
            others = [j for j in range(k) if j != i]
            if len(others) >= 2:
                sub = x[:, others]
                g = (sub * sq[:, None]).T @ sub / n
                odd.append(np.abs(g - np.diag(np.diag(g))).max())
    if 3 < k <= 10:
        t4 = np.einsum("ni,nj,nk,nl->ijkl", x, x, x, x) / n
        odd.append(max(abs(t4[c]) for c in combinations(range(k), 4)))
    max_odd = float(max(odd)) if odd else 0.0
    tol = 1e-8 * scale**2 + 1e-12
    reasons = []
    if max_odd > 1e-8 * max(scale, scale**2):
        reasons.append(f"odd moment {max_odd:.3g} is not 0")
    if np.ptp(m2) > tol:
        reasons.append("second moments differ between factors")
    if k == 1:
        reasons.append("rotatability needs at least 2 factors")
    elif np.ptp(m4) > tol or np.ptp(m22) > tol:
        reasons.append("fourth moments differ between factors")
    elif abs(m4[0] - 3 * m22[0]) > tol:
        reasons.append(f"mean x_i^4 = {m4[0]:.6g} but 3 mean x_i^2 x_j^2 = {3 * m22[0]:.6g}")
    return Rotatability(
        rotatable=not reasons,
        mean_x_i2=[float(v) for v in m2],
        mean_x_i4=[float(v) for v in m4],
        mean_x_i2_x_j2=[float(v) for v in m22],
        max_abs_odd_moment=max_odd,
        reason="; ".join(reasons) or "all odd moments vanish and mean x_i^4 = 3 mean x_i^2 x_j^2",
    )


def quadratic_model(x: np.ndarray) -> np.ndarray:
    k = x.shape[1]
    cols = [np.ones(len(x))] + [x[:, i] for i in range(k)] + [x[:, i] ** 2 for i in range(k)]
    cols += [x[:, i] * x[:, j] for i, j in combinations(range(k), 2)]
    return np.column_stack(cols)


def properties(x: np.ndarray, names: list[str] | None = None) -> PropertiesResult:
    n, k = x.shape
    labs = labels(k)
    if names is not None and len(names) != k:
        raise HavocInputError(f"{len(names)} names for {k} columns", field="factor_names")
    xtx = x.T @ x
    off = np.abs(xtx - np.diag(np.diag(xtx)))
    centred = x - x.mean(axis=0)
    sd = np.sqrt((centred**2).sum(axis=0))
    if k > 1 and np.all(sd > 0):
        corr = (centred.T @ centred) / np.outer(sd, sd)
        corr_off = float(np.abs(corr - np.diag(np.diag(corr))).max())
    else:
        corr_off = 0.0
    centre = np.all(np.abs(x) < TOL, axis=1)
    distinct, counts = np.unique(np.round(x, 10), axis=0, return_counts=True)
    levels = [_levels(x[:, j]) for j in range(k)]
    balanced = all(len({int(c) for c in np.unique(np.round(x[:, j], 10), return_counts=True)[1]}) == 1
                   for j in range(k))
    q = quadratic_model(x)
    quad_ok = n >= q.shape[1] and np.linalg.matrix_rank(q) == q.shape[1]

    rot = rotatability(x)
    outer = x[~centre]
    two_level = bool(outer.size) and all(
        np.allclose(np.abs(outer[:, j]), np.abs(outer[0, j]), atol=TOL) and abs(outer[0, j]) > TOL
        for j in range(k))
    result = PropertiesResult(
        runs=n, factors=k, factor_names=names or labs, factor_labels=labs,
        column_levels=levels,
        column_level_counts=[[int(np.sum(np.abs(x[:, j] - v) <= TOL)) for v in levels[j]] for j in range(k)],
        column_sums=[float(v) + 0.0 for v in np.round(x.sum(axis=0), 12)],
        XtX_diagonal=[float(v) for v in np.diag(xtx)],
        XtX_max_abs_offdiag=float(off.max()) if k > 1 else 0.0,
        correlation_max_abs_offdiag=corr_off,
        orthogonal=corr_off < 1e-9,
        balanced=balanced,
        centre_points=int(centre.sum()), center_points=int(centre.sum()),
        distinct_runs=int(distinct.shape[0]),
        replicated_points=int((counts > 1).sum()),
        rotatability=rot,
        rotatable=rot.rotatable,
        quadratic_estimable=bool(quad_ok),
        two_level=two_level,
    )
    if two_level and k <= 25:
        require_letter_labels(k)
        signs = np.sign(outer)
        group = gf2_defining_words(signs)
        words = sort_words([w for w, _ in group[1:]])
        sign_of = dict(group)
        uniq, reps = np.unique(signs, axis=0, return_counts=True)
        p = len(group).bit_length() - 1
        regular = uniq.shape[0] == 2 ** (k - p) and len(set(reps.tolist())) == 1
        res = resolution(group)
        result.regular = bool(regular)
        result.defining_relation = [signed(w, sign_of[w]) for w in words]
        result.defining_relation_numeric = [("-" if sign_of[w] < 0 else "") + numeric_word(w) for w in words]
        result.resolution = res
        result.resolution_roman = roman(res)
        if regular:
            result.word_length_pattern = word_length_pattern(group, k) if words else {}
            result.aliases = aliases_up_to_two(group, k) if words else {}
    return result


@register("doe_properties", PropertiesArgs)
def doe_properties(args: PropertiesArgs) -> PropertiesResult:
    """Recompute a design's invariants from its coded matrix: levels, orthogonality, rotatability, aliasing."""
    x = as_matrix(args.coded)
    if x.shape[1] > 64:
        raise HavocInputError(f"{x.shape[1]} columns is more than 64", field="coded")
    return properties(x, args.factor_names)
