"""Blocking a two-level design by confounding high-order interactions with blocks.

Why a search instead of a table: the same routine must block a full 2^k and any
2^(k-p) fraction, where what is confounded with blocks is a whole alias set. For
2^b blocks we choose b block words among the base-factor interactions so that the
shortest effect confounded with blocks (over every alias) is as long as possible,
then the fewest such effects; exhaustively when that is cheap, greedily otherwise.
"""

from __future__ import annotations

from itertools import combinations

import numpy as np

from tools.doe_words import defining_group, members, popcount, sort_words, word
from tools.errors import HavocInputError

EXHAUSTIVE_LIMIT = 4000


def _score(block_words: list[int], group: list[tuple[int, int]]) -> tuple[int, int]:
    confounded = [b ^ g for b, _ in defining_group(block_words)[1:] for g, _ in group]
    lengths = [popcount(c) for c in confounded]
    shortest = min(lengths)
    return (-shortest, lengths.count(shortest))


def choose_block_words(k: int, base_factors: list[int], group: list[tuple[int, int]], n_block_words: int) -> list[int]:
    """Block words (bitmasks over all k factors) for 2^n_block_words blocks."""
    m = len(base_factors)
    if n_block_words >= m:
        raise HavocInputError(f"{2 ** n_block_words} blocks leave fewer than 2 runs per block in a "
                              f"{2 ** m}-run design", field="blocks")
    candidates = sorted((sum(1 << base_factors[i] for i in range(m) if mask >> i & 1) for mask in range(1, 1 << m)),
                        key=lambda w: (-popcount(w), members(w)))
    candidates = [c for c in candidates if popcount(c) >= 1]
    n_combos = 1
    for i in range(n_block_words):
        n_combos = n_combos * (len(candidates) - i) // (i + 1)
    if n_combos <= EXHAUSTIVE_LIMIT:
        best = min(combinations(candidates, n_block_words), key=lambda ws: _score(list(ws), group))
        chosen = list(best)
    else:
        chosen = []
        for _ in range(n_block_words):
            options = [c for c in candidates if c not in chosen and _independent(chosen + [c])]
            chosen.append(min(options, key=lambda c: _score(chosen + [c], group)))
    if not _independent(chosen):
        raise HavocInputError(f"cannot split this design into {2 ** n_block_words} blocks", field="blocks")
    return chosen


def _independent(words: list[int]) -> bool:
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
