"""Choosing generators of 2^(k-p) fractions: the textbook catalogue, then a search.

Why a catalogue: users compare against Montgomery (Table 8.14) and the NIST/SEMATECH
handbook (5.3.3.4.7), so when a design is listed there we give those very generators.
They are minimum-aberration designs; the tests re-derive the minimum-aberration
word-length pattern by exhaustive search and compare. Outside the catalogue, small
cases are searched exhaustively; larger ones by a greedy search that adds, one
generator at a time, the column keeping the best (resolution, word-length pattern).
The result says which route gave the generators.
"""

from __future__ import annotations

from itertools import combinations
from math import comb

import numpy as np

from tools.doe_words import Generator, defining_group, members, parse_generators, popcount
from tools.errors import HavocInputError

# (k, p): generators, from Montgomery DAoE Table 8.14 / NIST 5.3.3.4.7 (letters skip I).
CATALOGUE: dict[tuple[int, int], tuple[str, ...]] = {
    (3, 1): ("C=AB",),
    (4, 1): ("D=ABC",),
    (5, 1): ("E=ABCD",),
    (5, 2): ("D=AB", "E=AC"),
    (6, 1): ("F=ABCDE",),
    (6, 2): ("E=ABC", "F=BCD"),
    (6, 3): ("D=AB", "E=AC", "F=BC"),
    (7, 1): ("G=ABCDEF",),
    (7, 2): ("F=ABCD", "G=ABDE"),
    (7, 3): ("E=ABC", "F=BCD", "G=ACD"),
    (7, 4): ("D=AB", "E=AC", "F=BC", "G=ABC"),
    (8, 1): ("H=ABCDEFG",),
    (8, 2): ("G=ABCD", "H=ABEF"),
    (8, 3): ("F=ABC", "G=ABD", "H=BCDE"),
    (8, 4): ("E=BCD", "F=ACD", "G=ABC", "H=ABD"),
    (9, 2): ("H=ACDFG", "J=BCEFG"),
    (9, 3): ("G=ABCD", "H=ACEF", "J=CDEF"),
    (9, 4): ("F=BCDE", "G=ACDE", "H=ABDE", "J=ABCE"),
    (9, 5): ("E=ABC", "F=BCD", "G=ACD", "H=ABD", "J=ABCD"),
    (10, 3): ("H=ABCG", "J=BCDE", "K=ACDF"),
    (10, 4): ("G=BCDF", "H=ACDF", "J=ABDE", "K=ABCE"),
    (10, 5): ("F=ABCD", "G=ABCE", "H=ABDE", "J=ACDE", "K=BCDE"),
    (10, 6): ("E=ABC", "F=BCD", "G=ACD", "H=ABD", "J=ABCD", "K=AB"),
    (11, 4): ("H=ABCG", "J=BCDE", "K=ACDF", "L=ABCDEFG"),
    (11, 5): ("G=CDE", "H=ABCD", "J=ABF", "K=BDEF", "L=ADEF"),
    (11, 6): ("F=ABC", "G=BCD", "H=CDE", "J=ACD", "K=ADE", "L=BDE"),
    (11, 7): ("E=ABC", "F=BCD", "G=ACD", "H=ABD", "J=ABCD", "K=AB", "L=AC"),
    (12, 8): ("E=ABC", "F=BCD", "G=ACD", "H=ABD", "J=ABCD", "K=AB", "L=AC", "M=AD"),
    (13, 9): ("E=ABC", "F=BCD", "G=ACD", "H=ABD", "J=ABCD", "K=AB", "L=AC", "M=AD", "N=BC"),
    (14, 10): ("E=ABC", "F=BCD", "G=ACD", "H=ABD", "J=ABCD", "K=AB", "L=AC", "M=AD", "N=BC", "O=BD"),
    (15, 11): ("E=ABC", "F=BCD", "G=ACD", "H=ABD", "J=ABCD", "K=AB", "L=AC", "M=AD", "N=BC", "O=BD",
               "P=CD"),
}

EXHAUSTIVE_LIMIT = 5000  # sets of generators tried one by one (well under a second)
GREEDY_LIMIT = 4_000_000  # candidate columns x defining-relation words scored per greedy step
MAX_SEARCH_GENERATORS = 16  # 2^16 words in the defining relation is as far as we enumerate
MAX_BASE_FACTORS = 16  # 65536 runs


def wlp_key(words: list[int], k: int) -> tuple[int, ...]:
    """Sort key: (-resolution, A_3, A_4, ..., A_k); smaller is better (minimum aberration)."""
    group = defining_group(words)
    counts = [0] * (k + 1)
    for w, _ in group[1:]:
        counts[popcount(w)] += 1
    res = next((n for n in range(1, k + 1) if counts[n]), k + 1)
    return (-res, *counts[1:])


def _generators_from_masks(bases: list[int], k: int) -> list[Generator]:
    m = k - len(bases)
    return [Generator(m + i, b, 1) for i, b in enumerate(bases)]


def _candidates(m: int) -> list[int]:
    """Interaction columns of m base factors, odd weights first (they keep resolution IV), heaviest first."""
    if m > MAX_BASE_FACTORS:
        raise HavocInputError(f"{2 ** m} runs is more than this tool builds (at most {2 ** MAX_BASE_FACTORS})",
                              field="runs")
    masks = [mask for mask in range(1, 1 << m) if popcount(mask) >= 2]
    return sorted(masks, key=lambda c: (popcount(c) % 2 == 0, -popcount(c), members(c)))


def greedy_generators(k: int, p: int) -> list[Generator]:
    """Pick p interaction columns of the k-p base factors, each time keeping the best word-length pattern.

    Each step scores every remaining candidate at once: the new words are the current
    defining group XOR the candidate word, and their lengths are bit counts.
    """
    m = k - p
    candidates = np.array(_candidates(m), dtype=np.int64)
    if candidates.size < p:
        raise HavocInputError(f"{2 ** m} runs cannot hold {k} factors (at most {2 ** m - 1})", field="factors")
    group = np.zeros(1, dtype=np.int64)
    used = np.zeros(candidates.size, dtype=bool)
    chosen: list[int] = []
    for step in range(p):
        bit = np.int64(1 << (m + step))
        free = np.flatnonzero(~used)
        words = group[None, :] ^ (candidates[free] | bit)[:, None]
        lengths = np.bitwise_count(words).astype(np.int64)
        counts = np.zeros((free.size, k + 1), dtype=np.int64)
        np.add.at(counts, (np.repeat(np.arange(free.size), group.size), lengths.ravel()), 1)
        keys = np.column_stack([-lengths.min(axis=1), counts[:, 1:]])
        best = free[np.lexsort(keys.T[::-1])[0]]  # first candidate with the smallest key (stable order)
        used[best] = True
        chosen.append(int(candidates[best]))
        group = np.concatenate([group, group ^ (candidates[best] | bit)])
    return _generators_from_masks(chosen, k)


def constructed_generators(k: int, p: int) -> list[Generator]:
    """Without a search: odd-weight columns first, which guarantees resolution IV while they last."""
    cands = _candidates(k - p)
    if len(cands) < p:
        raise HavocInputError(f"{2 ** (k - p)} runs cannot hold {k} factors", field="factors")
    return _generators_from_masks(cands[:p], k)


def exhaustive_generators(k: int, p: int) -> list[Generator]:
    """Minimum aberration by trying every set of p interaction columns (small designs only)."""
    m = k - p
    candidates = [mask for mask in range(1, 1 << m) if popcount(mask) >= 2]
    best, best_key = None, None
    for combo in combinations(candidates, p):
        words = [b | (1 << (m + i)) for i, b in enumerate(combo)]
        key = wlp_key(words, k)
        if best_key is None or key < best_key:
            best, best_key = list(combo), key
    if best is None:
        raise HavocInputError(f"{2 ** m} runs cannot hold {k} factors", field="factors")
    return _generators_from_masks(best, k)


def standard_generators(k: int, p: int) -> tuple[list[Generator], str]:
    """Generators for a 2^(k-p) design and where they came from (catalogue, search or construction)."""
    if p == 0:
        return [], "full factorial"
    if (1 << (k - p)) <= k:
        raise HavocInputError(f"{2 ** (k - p)} runs cannot hold {k} two-level factors; "
                              f"at least {_min_runs(k)} runs are needed", field="runs")
    if k - p > MAX_BASE_FACTORS:
        raise HavocInputError(f"a 2^({k}-{p}) fraction has {2 ** (k - p)} runs, more than this tool builds "
                              f"({2 ** MAX_BASE_FACTORS})", field="runs")
    if (k, p) in CATALOGUE:
        return parse_generators(CATALOGUE[(k, p)], k), "catalogue (Montgomery Table 8.14, NIST 5.3.3.4.7)"
    m = k - p
    if p == 1:
        return [Generator(m, (1 << m) - 1, 1)], "half fraction on the highest-order interaction"
    if p > MAX_SEARCH_GENERATORS:
        raise HavocInputError(f"a 2^({k}-{p}) fraction has {2 ** p} words in its defining relation, more than "
                              f"this tool enumerates (p <= {MAX_SEARCH_GENERATORS}); for screening many factors "
                              "use plackett_burman", field="factors")
    n_cands = (1 << m) - 1 - m
    if comb(n_cands, p) <= EXHAUSTIVE_LIMIT:
        return exhaustive_generators(k, p), "exhaustive search (minimum aberration)"
    built = constructed_generators(k, p)
    if n_cands * (1 << p) <= GREEDY_LIMIT:
        found = greedy_generators(k, p)
        if wlp_key([g.word for g in found], k) <= wlp_key([g.word for g in built], k):
            return found, "greedy search (maximum resolution, then fewest short words)"
    return built, "construction (odd-weight interaction columns first; not searched for minimum aberration)"


def _min_runs(k: int) -> int:
    n = 1
    while n <= k:
        n *= 2
    return n


def max_resolution(k: int, p: int) -> int:
    gens, _ = standard_generators(k, p)
    group = defining_group([g.word for g in gens])
    lengths = [popcount(w) for w, _ in group[1:]]
    return min(lengths) if lengths else k + 1


def rao_bound(k: int, wanted: int) -> int:
    """Fewest runs any two-level array of strength `wanted - 1` in k factors can have (Rao's bound)."""
    t = wanted - 1
    u = t // 2
    runs = sum(comb(k, i) for i in range(u + 1))
    return runs + (comb(k - 1, u) if t % 2 else 0)


def fraction_for_resolution(k: int, wanted: int) -> int:
    """The largest p (fewest runs) whose standard fraction reaches resolution `wanted`."""
    if wanted < 3:
        raise HavocInputError(f"resolution {wanted} is below III; two-level fractions start at III",
                              field="resolution")
    if wanted > k:
        raise HavocInputError(f"{k} factors allow resolution at most {_roman(k)} (the half fraction); "
                              f"resolution {_roman(wanted)} needs more factors, or use full_factorial",
                              field="resolution")
    bound = rao_bound(k, wanted)
    p = k
    while p > 1 and (1 << (k - p)) < max(bound, k + 1):
        p -= 1
    for q in range(p, 0, -1):
        if k - q > MAX_BASE_FACTORS:
            break
        if max_resolution(k, q) >= wanted:
            return q
    raise HavocInputError(f"a resolution {_roman(wanted)} fraction of {k} factors needs more than "
                          f"{2 ** MAX_BASE_FACTORS} runs here", field="resolution")


def _roman(n: int) -> str:
    return {1: "I", 2: "II", 3: "III", 4: "IV", 5: "V", 6: "VI", 7: "VII", 8: "VIII", 9: "IX", 10: "X"}.get(n, str(n))


def roman(n: int | None) -> str | None:
    return None if n is None else _roman(n)
