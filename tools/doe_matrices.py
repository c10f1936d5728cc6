"""Coded design matrices of each family, without centre points, replicates or randomisation.

Why our own code next to `pydoe`: pydoe's orderings and defaults differ from the
textbooks (first factor slowest, 4+4 centre points in a CCD, Plackett-Burman only for
some run counts). Each builder here returns exactly the points of the design in the
order users meet in Montgomery and Minitab (standard/Yates order: A changes fastest),
and each is checked by `doe_properties`, which knows nothing about how it was built.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence

import numpy as np

from tools.doe_words import Generator, members
from tools.errors import HavocInputError


def yates(k: int) -> np.ndarray:
    """2^k full factorial in standard order: column j flips every 2^j runs."""
    runs = np.arange(1 << k)
    return np.where((runs[:, None] >> np.arange(k)[None, :]) & 1, 1.0, -1.0)


def fractional(k: int, gens: Sequence[Generator]) -> np.ndarray:
    """2^(k-p) fraction: the base factors in standard order, generated columns as signed products."""
    generated = {g.factor for g in gens}
    base_idx = [j for j in range(k) if j not in generated]
    base = yates(len(base_idx))
    x = np.empty((base.shape[0], k))
    x[:, base_idx] = base
    for g in gens:
        x[:, g.factor] = g.sign * np.prod(x[:, members(g.base)], axis=1)
    return x


def general_full(levels: Sequence[np.ndarray]) -> np.ndarray:
    """Mixed-level full factorial; the first factor changes fastest (as in Minitab's standard order)."""
    grids = [np.asarray(lv, dtype=float) for lv in levels]
    rows = itertools.product(*reversed(grids))
    return np.array([tuple(reversed(r)) for r in rows], dtype=float).reshape(-1, len(grids))


# ---------------------------------------------------------------- Plackett-Burman

def _legendre(q: int) -> np.ndarray:
    chi = -np.ones(q, dtype=int)
    chi[0] = 0
    chi[sorted({(i * i) % q for i in range(1, q)})] = 1
    return chi


def _is_prime(n: int) -> bool:
    return n >= 2 and all(n % d for d in range(2, int(math.isqrt(n)) + 1))


def _jacobsthal(q: int) -> np.ndarray:
    chi = _legendre(q)
    i = np.arange(q)
    return chi[(i[None, :] - i[:, None]) % q]


def hadamard(n: int) -> np.ndarray | None:
    """A Hadamard matrix of order n by Sylvester doubling or Paley I/II over a prime field, or None."""
    if n == 1:
        return np.ones((1, 1))
    if n == 2:
        return np.array([[1.0, 1.0], [1.0, -1.0]])
    if n % 4:
        return None
    q = n - 1
    if _is_prime(q) and q % 4 == 3:  # Paley I
        jac = _jacobsthal(q)
        s = np.zeros((n, n))
        s[0, 1:] = 1
        s[1:, 0] = -1
        s[1:, 1:] = jac
        return np.eye(n) + s
    q = n // 2 - 1
    if _is_prime(q) and q % 4 == 1:  # Paley II
        jac = _jacobsthal(q)
        c = np.zeros((q + 1, q + 1))
        c[0, 1:] = 1
        c[1:, 0] = 1
        c[1:, 1:] = jac
        a = np.array([[1.0, 1.0], [1.0, -1.0]])
        b = np.array([[1.0, -1.0], [-1.0, -1.0]])
        return np.kron(c, a) + np.kron(np.eye(q + 1), b)
    half = hadamard(n // 2) if n % 8 == 0 else None
    if half is not None:
        return np.block([[half, half], [half, -half]])
    return None


def plackett_burman(k: int, runs: int | None = None) -> np.ndarray:
    """Two-level orthogonal screening design for k factors in the smallest multiple of 4 above k runs.

    pydoe's `pbdesign` serves sizes 2^a, 12*2^a and 20*2^a; the other multiples of 4 (28, 36,
    44, ...) come from the Paley constructions. Either way the columns are checked orthogonal.
    """
    n = runs if runs is not None else 4 * (k // 4 + 1)
    if n % 4 or n <= k:
        raise HavocInputError(f"a Plackett-Burman design for {k} factors needs a multiple of 4 runs above {k}, "
                              f"got {n}", field="runs")
    x = None
    f, e = np.frexp([n, n / 12.0, n / 20.0])
    if any(fi == 0.5 and ei > 0 for fi, ei in zip(f, e, strict=True)) and runs is None:
        import pydoe

        x = np.asarray(pydoe.pbdesign(k), dtype=float)
        if x.shape[0] != n:
            x = None
    if x is None:
        h = hadamard(n)
        if h is None:
            raise HavocInputError(f"no Hadamard construction here for {n} runs; choose another multiple of 4",
                                  field="runs")
        h = h * np.sign(h[:, [0]])  # first column all +1
        x = h[:, 1 : k + 1]
    gram = x.T @ x
    if np.abs(gram - n * np.eye(k)).max() > 1e-9 or np.abs(x.sum(axis=0)).max() > 1e-9:
        raise RuntimeError(f"Plackett-Burman construction for {n} runs is not orthogonal")
    return x


# ---------------------------------------------------------------- Box-Behnken

# Box & Behnken (1960): incomplete-block designs for 6 and 7 factors (3 factors per block).
_BB_BLOCKS: dict[int, list[tuple[int, ...]]] = {
    6: [(0, 1, 3), (1, 2, 4), (2, 3, 5), (0, 3, 4), (1, 4, 5), (0, 2, 5)],
    7: [(3, 4, 5), (0, 5, 6), (1, 4, 6), (0, 1, 3), (2, 3, 6), (1, 2, 5), (0, 2, 4)],
}


def box_behnken(k: int) -> tuple[np.ndarray, str]:
    """Edge points of a Box-Behnken design (no centre points) and where the layout comes from."""
    if k < 3:
        raise HavocInputError(f"Box-Behnken designs need at least 3 factors, got {k}", field="factors")
    if k > 16:
        raise HavocInputError(f"{k} factors is more than this Box-Behnken builder supports (16)", field="factors")
    if k in _BB_BLOCKS:
        blocks, source = _BB_BLOCKS[k], f"Box & Behnken (1960) incomplete-block design for {k} factors"
    else:
        blocks = list(itertools.combinations(range(k), 2))
        source = ("Box & Behnken (1960): every pair of factors at +-1, others at 0" if k <= 5 else
                  f"every pair of factors at +-1 (Box & Behnken's published {k}-factor design is not tabulated here)")
    rows = []
    for block in blocks:
        for signs in yates(len(block)):
            row = np.zeros(k)
            row[list(block)] = signs
            rows.append(row)
    return np.array(rows), source


# ---------------------------------------------------------------- central composite

def axial(k: int, alpha: float) -> np.ndarray:
    x = np.zeros((2 * k, k))
    for j in range(k):
        x[2 * j, j] = -alpha
        x[2 * j + 1, j] = alpha
    return x


def alpha_rotatable(n_factorial: int) -> float:
    return float(n_factorial) ** 0.25


def alpha_orthogonal(n_factorial: int, k: int, n_centre: int) -> float:
    """Orthogonal quadratic terms (Myers & Montgomery): alpha = (F (sqrt(N) - sqrt(F))^2 / 4)^(1/4)."""
    total = n_factorial + 2 * k + n_centre
    q = (math.sqrt(total) - math.sqrt(n_factorial)) ** 2
    return (n_factorial * q / 4.0) ** 0.25


def alpha_orthogonal_blocks(n_factorial: int, k: int, centre_factorial: int, centre_axial: int) -> float:
    """Orthogonal blocking (Box & Hunter): sum of squares per block proportional to block size."""
    return math.sqrt(k * (1 + centre_axial / (2 * k)) / (1 + centre_factorial / n_factorial))


# ---------------------------------------------------------------- Latin hypercube

def latin_hypercube(k: int, samples: int, seed: int, criterion: str | None) -> np.ndarray:
    """Points in the unit cube [0,1]^k, one per stratum in every column (pydoe's `lhs`, seeded)."""
    import pydoe

    crit = {"random": None, None: None, "center": "center", "maximin": "maximin",
            "centermaximin": "centermaximin", "correlation": "correlation"}[criterion]
    u = np.asarray(pydoe.lhs(k, samples=samples, criterion=crit, iterations=20 if crit else None,
                             seed=np.random.default_rng(seed)), dtype=float)
    strata = np.floor(u * samples).astype(int)
    if not all(sorted(strata[:, j]) == list(range(samples)) for j in range(k)):
        raise RuntimeError("Latin hypercube lost its one-point-per-stratum property")
    return u
