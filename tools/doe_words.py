"""Word algebra of regular two-level fractions: labels, generators, defining relation, aliases.

Why bitmasks: a word such as ABD is the set of factors whose columns multiply to a
constant; multiplying words is the symmetric difference of the sets, i.e. XOR of
bitmasks. Everything in this module (defining relation, resolution, word-length
pattern, alias chains) is that one operation applied to small integers, which keeps
it fast and easy to check independently from the design matrix.

Factor labels follow Montgomery and Minitab: A, B, ..., H, J, ... (no I, which names
the identity in `I = ABCD`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from tools.errors import HavocInputError

LETTERS = "ABCDEFGHJKLMNOPQRSTUVWXYZ"  # 25 labels; I is the identity


def labels(k: int) -> list[str]:
    """Labels for k factors: letters while they last, then X26, X27, ... (never used in words)."""
    return [LETTERS[i] if i < len(LETTERS) else f"X{i + 1}" for i in range(k)]


def require_letter_labels(k: int, field: str = "factors") -> None:
    if k > len(LETTERS):
        raise HavocInputError(f"{k} factors is more than the {len(LETTERS)} single-letter labels that word "
                              "notation (ABD, E=ABCD) needs", field=field)


def popcount(mask: int) -> int:
    return bin(mask).count("1")


def members(mask: int) -> list[int]:
    return [i for i in range(mask.bit_length()) if mask >> i & 1]


def word(mask: int, names: Sequence[str] | None = None) -> str:
    """The word of a bitmask in label notation (or joined by '*' when names are longer than a letter)."""
    idx = members(mask)
    if names is None:
        return "".join(LETTERS[i] for i in idx)
    parts = [names[i] for i in idx]
    return "".join(parts) if all(len(p) == 1 for p in parts) else "*".join(parts)


def numeric_word(mask: int) -> str:
    """NIST's numeric notation (124 for ABD); factors past 9 are written in parentheses."""
    return "".join(str(i + 1) if i < 9 else f"({i + 1})" for i in members(mask))


def parse_word(text: str, k: int, field: str, names: Sequence[str] | None = None) -> int:
    """A word such as ABD, A*B*D or temp*time (when factor names are given) as a bitmask."""
    text = text.strip()
    if not text:
        raise HavocInputError("empty word", field=field)
    tokens = [t.strip() for t in text.split("*")] if "*" in text else list(text)
    lookup = {lab: i for i, lab in enumerate(labels(k))}
    if names:
        lookup.update({n: i for i, n in enumerate(names)})
    mask = 0
    for tok in tokens:
        if tok not in lookup:
            known = ", ".join(labels(k)[: min(k, 25)])
            raise HavocInputError(f"{tok!r} in {text!r} is not one of the {k} factors ({known})", field=field)
        bit = 1 << lookup[tok]
        if mask & bit:
            raise HavocInputError(f"factor {tok} appears twice in {text!r}", field=field)
        mask |= bit
    return mask


_GENERATOR = re.compile(r"^\s*([+-]?)\s*([^=+-][^=]*?)\s*=\s*([+-]?)\s*([^=+-][^=]*?)\s*$")


@dataclass(frozen=True)
class Generator:
    """`factor = sign * product(base)`: the column of `factor` is defined by base columns."""

    factor: int
    base: int
    sign: int

    @property
    def word(self) -> int:
        return self.base | (1 << self.factor)

    def text(self, names: Sequence[str] | None = None) -> str:
        lab = names[self.factor] if names else LETTERS[self.factor]
        return f"{lab}={'-' if self.sign < 0 else ''}{word(self.base, names)}"


def parse_generators(texts: Sequence[str], k: int, names: Sequence[str] | None = None) -> list[Generator]:
    """Parse ["E=ABCD", "F=-ABD", "G=A*B*C"]; the right-hand sides may use base factors only."""
    require_letter_labels(k, "generators")
    gens: list[Generator] = []
    for i, raw in enumerate(texts):
        field = f"generators[{i}]"
        if not isinstance(raw, str):
            raise HavocInputError("expected text like 'E=ABCD'", field=field)
        m = _GENERATOR.match(raw)
        if not m:
            raise HavocInputError(f"{raw!r} is not of the form E=ABCD (or E=-ABCD)", field=field)
        lsign, lhs, rsign, rhs = m.groups()
        left = parse_word(lhs, k, field, names)
        if popcount(left) != 1:
            raise HavocInputError(f"the left side of {raw!r} must be one factor", field=field)
        right = parse_word(rhs, k, field, names)
        if popcount(right) < 2:
            raise HavocInputError(f"{raw!r} makes a factor a copy of another; the right side needs 2+ factors",
                                  field=field)
        if right & left:
            raise HavocInputError(f"{raw!r} uses its own factor on the right side", field=field)
        sign = -1 if (lsign == "-") != (rsign == "-") else 1
        gens.append(Generator(members(left)[0], right, sign))
    generated = 0
    for i, g in enumerate(gens):
        if generated >> g.factor & 1:
            raise HavocInputError(f"factor {LETTERS[g.factor]} is generated twice", field=f"generators[{i}]")
        generated |= 1 << g.factor
    for i, g in enumerate(gens):
        if g.base & generated:
            bad = word(g.base & generated)
            raise HavocInputError(f"{texts[i]!r} uses generated factor(s) {bad}; write every generator in terms "
                                  "of the base (non-generated) factors", field=f"generators[{i}]")
    bases = [g.base for g in gens]
    for i, b in enumerate(bases):
        if b in bases[:i]:
            j = bases.index(b)
            raise HavocInputError(f"{texts[j]!r} and {texts[i]!r} have the same right side, so "
                                  f"{LETTERS[gens[j].factor]} and {LETTERS[gens[i].factor]} are the same column",
                                  field="generators")
    if len(gens) >= k:
        raise HavocInputError(f"{len(gens)} generators for {k} factors leaves no base factors", field="generators")
    return gens


def defining_group(words: Sequence[int], signs: Sequence[int] | None = None) -> list[tuple[int, int]]:
    """All products of the generator words, identity first: [(mask, sign), ...]."""
    signs = signs if signs is not None else [1] * len(words)
    group = [(0, 1)]
    for w, s in zip(words, signs, strict=True):
        group += [(gw ^ w, gs * s) for gw, gs in group]
    return group


def sort_words(masks: Sequence[int]) -> list[int]:
    """Shortest first, then in the order of the factors (ABD before ACE)."""
    return sorted(masks, key=lambda m: (popcount(m), members(m)))


def resolution(group: Sequence[tuple[int, int]]) -> int | None:
    lengths = [popcount(w) for w, _ in group if w]
    return min(lengths) if lengths else None


def word_length_pattern(group: Sequence[tuple[int, int]], k: int) -> dict[str, int]:
    """Counts of words of each length 3..k (keys are strings so the result is JSON)."""
    counts = {str(n): 0 for n in range(3, k + 1)}
    for w, _ in group:
        n = popcount(w)
        if n >= 3:
            counts[str(n)] += 1
        elif w:
            counts[str(n)] = counts.get(str(n), 0) + 1
    return dict(sorted(counts.items(), key=lambda kv: int(kv[0])))


def signed(mask: int, sign: int, names: Sequence[str] | None = None) -> str:
    return ("-" if sign < 0 else "") + word(mask, names)


def aliases_up_to_two(group: Sequence[tuple[int, int]], k: int,
                      names: Sequence[str] | None = None) -> dict[str, list[str]]:
    """Every main effect and two-factor interaction with its aliases among effects of order <= 2.

    Like NIST's alias tables, three-factor and higher interactions are left out. Main effects
    always appear (an empty list means clear); a 2FI appears when it has an alias.
    """
    effects = [1 << i for i in range(k)] + [(1 << i) | (1 << j) for i in range(k) for j in range(i + 1, k)]
    short = [(w, s) for w, s in group if w and popcount(w) <= 4]  # only these can leave <= 2 letters
    out: dict[str, list[str]] = {}
    for e in effects:
        sign_of = {e ^ w: s for w, s in short if popcount(e ^ w) <= 2}
        found = sort_words(list(sign_of))
        if found or popcount(e) == 1:
            out[word(e, names)] = [signed(a, sign_of[a], names) for a in found]
    return out


def gf2_defining_words(columns: np.ndarray) -> list[tuple[int, int]]:
    """The defining group of a two-level matrix found from the matrix itself.

    A product of +-1 columns is constant exactly when the XOR of their 0/1 versions is all
    zeros (product +1) or all ones (product -1); that is the null space over GF(2) of
    [columns | ones], found by Gaussian elimination. Returns the whole group, identity first.
    """
    n, k = columns.shape
    bits = (columns < 0).astype(np.uint8)
    # augment with the all-ones column; a kernel vector using it means the product is -1
    mat = np.concatenate([bits, np.ones((n, 1), dtype=np.uint8)], axis=1).T.copy()  # (k+1) x n rows=vars
    # find linear dependencies among the k+1 vectors: row-reduce while tracking combinations
    combo = np.eye(k + 1, dtype=np.uint8)
    pivots_rows: list[int] = []
    rows = mat.copy()
    basis: list[tuple[np.ndarray, np.ndarray]] = []  # (reduced vector, combination)
    kernel: list[np.ndarray] = []
    for r in range(k + 1):
        vec = rows[r].copy()
        comb = combo[r].copy()
        for bvec, bcomb in basis:
            piv = int(np.argmax(bvec))
            if vec[piv]:
                vec ^= bvec
                comb ^= bcomb
        if vec.any():
            # keep basis vectors with distinct leading positions
            piv = int(np.argmax(vec))
            new_basis = []
            for bvec, bcomb in basis:
                if bvec[piv]:
                    bvec = bvec ^ vec
                    bcomb = bcomb ^ comb
                new_basis.append((bvec, bcomb))
            basis = new_basis + [(vec, comb)]
            pivots_rows.append(r)
        else:
            kernel.append(comb)
    words, signs = [], []
    for comb in kernel:
        mask = sum(1 << i for i in range(k) if comb[i])
        if mask == 0:
            continue
        words.append(mask)
        signs.append(-1 if comb[k] else 1)
    return defining_group(words, signs)
