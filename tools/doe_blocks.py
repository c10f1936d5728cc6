"""Blocking a two-level design by confounding high-order interactions with blocks.

Why a search instead of a table: the same routine must block a full 2^k and any
2^(k-p) fraction, where what is confounded with blocks is a whole alias set. For
2^b blocks we choose the b-dimensional space of block words among the base-factor
interactions whose confounded effects have minimum aberration: the fewest main
effects confounded with blocks, then the fewest two-factor interactions, then
three-factor, and so on (each alias set counted by its shortest word). That is
the criterion behind Montgomery's tables of suggested blocking arrangements
(Design and Analysis of Experiments, Table 7.8 for 2^k, Appendix X for
fractions); where a table entry is not of minimum aberration the search does
at least as well. Every block space is visited once (in reduced echelon form)
when there are few enough; otherwise a greedy start improved by exchanges.
"""

from __future__ import annotations

from itertools import combinations

import numpy as np

from tools.doe_words import defining_group, members, popcount, sort_words, word
from tools.errors import HavocInputError

EXHAUSTIVE_LIMIT = 20000  # block spaces scored one by one; beyond, greedy plus exchanges


def _pattern(block_words: list[int], group: list[tuple[int, int]], k: int) -> tuple[int, ...]:
    """Word-length pattern of the effects confounded with blocks: how many of length 1, 2, ..., k."""
    counts = [0] * (k + 1)
    for b, _ in defining_group(block_words)[1:]:
        counts[min(popcount(b ^ g) for g, _ in group)] += 1
    return tuple(counts[1:])


def _echelon_spaces(m: int, b: int):
    """Every b-dimensional subspace of GF(2)^m once, as its reduced row echelon basis (bitmasks)."""
    for pivots in combinations(range(m - 1, -1, -1), b):
        pivot_set = set(pivots)
        free = [[j for j in range(p) if j not in pivot_set] for p in pivots]
        n_free = sum(len(f) for f in free)
        for assignment in range(1 << n_free):
            rows, shift = [], 0
            for p, f in zip(pivots, free, strict=True):
                row = 1 << p
                for i, j in enumerate(f):
                    if assignment >> (shift + i) & 1:
                        row |= 1 << j
                shift += len(f)
                rows.append(row)
            yield rows


def _count_spaces(m: int, b: int) -> int:
    num = den = 1
    for i in range(b):
        num *= (1 << (m - i)) - 1
        den *= (1 << (i + 1)) - 1
    return num // den


def choose_block_words(k: int, base_factors: list[int], group: list[tuple[int, int]], n_block_words: int) -> list[int]:
    """Block words (bitmasks over all k factors) for 2^n_block_words blocks."""
    m = len(base_factors)
    if n_block_words >= m:
        raise HavocInputError(f"{2 ** n_block_words} blocks leave fewer than 2 runs per block in a "
                              f"{2 ** m}-run design", field="blocks")

    def full(mask: int) -> int:
        return sum(1 << base_factors[i] for i in range(m) if mask >> i & 1)

    def score(words: list[int]) -> tuple:
        return _pattern(words, group, k), sorted((-popcount(w), members(w)) for w in words)

    if _count_spaces(m, n_block_words) <= EXHAUSTIVE_LIMIT:
        best = min((([full(r) for r in rows]) for rows in _echelon_spaces(m, n_block_words)), key=score)
    else:
        candidates = sorted((full(mask) for mask in range(1, 1 << m)), key=lambda w: (-popcount(w), members(w)))
        best = []
        for _ in range(n_block_words):
            options = [c for c in candidates if c not in best and independent(best + [c])]
            best.append(min(options, key=lambda c: score(best + [c])))
        improved = True
        while improved:  # exchange one block word at a time while the pattern improves
            improved = False
            for i in range(len(best)):
                for c in candidates:
                    trial = best[:i] + [c] + best[i + 1:]
                    if c not in best and independent(trial) and score(trial) < score(best):
                        best, improved = trial, True
    chosen = _readable(best)
    if not independent(chosen):
        raise HavocInputError(f"cannot split this design into {2 ** n_block_words} blocks", field="blocks")
    return chosen


def _readable(words: list[int]) -> list[int]:
    """The same block space with generators a reader expects: the longest words of the space, independent."""
    space = sorted((w for w, _ in defining_group(words)[1:]), key=lambda w: (-popcount(w), members(w)))
    chosen: list[int] = []
    for w in space:
        if len(chosen) == len(words):
            break
        if independent(chosen + [w]):
            chosen.append(w)
    return chosen


def independent(words: list[int]) -> bool:
    return all(w for w, _ in defining_group(words)[1:])


def block_column(coded: np.ndarray, block_words: list[int]) -> np.ndarray:
    """Block number (1-based) of each run; block 1 holds the first run in standard order."""
    signs = np.column_stack([np.prod(coded[:, members(w)], axis=1) for w in block_words])
    keys = [tuple(row) for row in signs]
    order: dict[tuple, int] = {}
    for key in keys:
        order.setdefault(key, len(order) + 1)
    return np.array([order[key] for key in keys])


def confounded_effects(block_words: list[int], group: list[tuple[int, int]], names: list[str] | None = None) -> list[str]:
    """Every effect confounded with blocks, shortest word of each alias set first."""
    out = []
    for b, _ in defining_group(block_words)[1:]:
        aliases = sort_words([b ^ g for g, _ in group])
        out.append(" = ".join(word(a, names) for a in aliases))
    return sorted(out, key=lambda s: (len(s.split(" = ")[0]), s))
