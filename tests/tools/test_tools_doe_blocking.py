"""Blocked two-level designs and their analysis, against Montgomery's blocking tables and Example 7.2.

Sources: D. C. Montgomery, *Design and Analysis of Experiments* (8th ed., Wiley 2013): Table 7.8
("suggested blocking arrangements for the 2^k factorial design"), Example 7.2 (the filtration-rate
2^4 of Example 6.2 run in two blocks with ABCD confounded, block 1 twenty units lower: ABCD estimate
-18.625, block sum of squares 1387.5625, and the ANOVA of A, C, D, AC, AD with error SS 187.5625 on
9 df), and the appendix table of selected 2^(k-p) designs: 2^(6-2)_IV with E = ABC, F = BCD in four blocks
by ABD and ACD.
"""

from __future__ import annotations

from itertools import combinations

import numpy as np
import pytest

from tools.errors import HavocInputError
from tools.registry import run_tool as run

# k, blocks, Montgomery's block generators (Table 7.8)
MONTGOMERY_TABLE_7_8 = [
    (3, 2, ["ABC"]), (3, 4, ["AB", "AC"]),
    (4, 2, ["ABCD"]), (4, 4, ["ABC", "ACD"]), (4, 8, ["AB", "BC", "CD"]),
    (5, 2, ["ABCDE"]), (5, 4, ["ABC", "CDE"]), (5, 8, ["ABE", "BCE", "CDE"]), (5, 16, ["AB", "AC", "CD", "DE"]),
    (6, 2, ["ABCDEF"]), (6, 4, ["ABCF", "CDEF"]), (6, 8, ["ABEF", "ABCD", "ACE"]),
    (6, 32, ["AB", "BC", "CD", "DE", "EF"]),
    (7, 2, ["ABCDEFG"]), (7, 4, ["ABCFG", "CDEFG"]), (7, 64, ["AB", "BC", "CD", "DE", "EF", "FG"]),
]
# entries where a block space of lower aberration exists (the search must do at least as well)
MONTGOMERY_NOT_MINIMUM = [(6, 16, ["ABF", "ACF", "BDF", "DEF"]), (7, 8, ["ABC", "DEF", "AFG"])]

FILTRATION = [45, 71, 48, 65, 68, 60, 80, 65, 43, 100, 45, 104, 75, 86, 70, 96]  # Example 6.2, standard order


def mask(word: str) -> int:
    return sum(1 << (ord(c) - 65) for c in word)


def pattern_of(generators: list[str], k: int) -> tuple[int, ...]:
    """Word-length pattern of every effect confounded with blocks (all products of the generators)."""
    counts = [0] * (k + 1)
    masks = [mask(g) for g in generators]
    for r in range(1, len(masks) + 1):
        for combo in combinations(masks, r):
            w = 0
            for m in combo:
                w ^= m
            counts[bin(w).count("1")] += 1
    return tuple(counts[1:])


def our_pattern(res: dict, k: int) -> tuple[int, ...]:
    counts = [0] * (k + 1)
    for effect in res["confounded_with_blocks"]:
        counts[len(effect.split(" = ")[0])] += 1
    return tuple(counts[1:])


@pytest.mark.parametrize(("k", "blocks", "generators"), MONTGOMERY_TABLE_7_8,
                         ids=[f"2^{k}-in-{b}" for k, b, _ in MONTGOMERY_TABLE_7_8])
def test_confounding_matches_montgomery_table_7_8(k: int, blocks: int, generators: list[str]) -> None:
    res = run("doe_design", {"design": "full_factorial", "factors": k, "blocks": blocks})
    assert our_pattern(res, k) == pattern_of(generators, k)
    assert len(res["confounded_with_blocks"]) == blocks - 1


@pytest.mark.parametrize(("k", "blocks", "generators"), MONTGOMERY_NOT_MINIMUM)
def test_never_worse_than_the_table(k: int, blocks: int, generators: list[str]) -> None:
    res = run("doe_design", {"design": "full_factorial", "factors": k, "blocks": blocks})
    assert our_pattern(res, k) < pattern_of(generators, k)  # fewer short interactions lost to blocks


@pytest.mark.parametrize(("k", "blocks"), [(4, 2), (5, 4), (6, 8), (7, 4)])
def test_blocks_are_equal_and_estimable_effects_orthogonal_to_them(k: int, blocks: int) -> None:
    res = run("doe_design", {"design": "full_factorial", "factors": k, "blocks": blocks})
    x, block = np.asarray(res["coded"]), np.asarray(res["block"])
    assert sorted(set(block.tolist())) == list(range(1, blocks + 1))
    lost = {e.split(" = ")[0] for e in res["confounded_with_blocks"]}
    for size in range(1, k + 1):
        for combo in combinations(range(k), size):
            name = "".join(chr(65 + j) for j in combo)
            column = np.prod(x[:, combo], axis=1)
            per_block = [column[block == b] for b in range(1, blocks + 1)]
            assert all(p.size == 2 ** k // blocks for p in per_block)
            if name in lost:
                assert all(np.all(p == p[0]) for p in per_block), name  # constant within each block
            else:
                assert all(p.sum() == 0 for p in per_block), name  # balanced within each block


def test_fraction_in_blocks_montgomery_2_6_2() -> None:
    res = run("doe_design", {"design": "fractional_factorial", "factors": 6, "generators": ["E=ABC", "F=BCD"],
                             "blocks": 4})
    assert res["block_generators"] == ["ABD", "ACD"]
    assert res["confounded_with_blocks"][0].startswith("AE = BC = DF")  # the one 2FI alias chain lost


def _blocked_filtration() -> tuple[dict, list[float]]:
    design = run("doe_design", {"design": "full_factorial", "factors": 4, "blocks": 2})
    abcd = np.prod(np.asarray(design["coded"]), axis=1)
    return design, [y - 20 if s > 0 else y for y, s in zip(FILTRATION, abcd, strict=True)]


def test_effects_set_the_block_confounded_effect_apart_montgomery_example_7_2() -> None:
    design, y = _blocked_filtration()
    out = run("doe_effects", {"coded": design["coded"], "response": y, "block": design["block"]})
    assert out["confounded_with_blocks"] == {"ABCD": pytest.approx(-18.625)}
    assert "ABCD" not in out["effects"] and out["effects"]["A"] == pytest.approx(21.625)
    assert out["blocks"]["ss"] == pytest.approx(1387.5625) and out["blocks"]["df"] == 1
    assert sorted(out["active"]) == ["A", "AC", "AD", "C", "D"]
    unblocked = run("doe_effects", {"coded": design["coded"], "response": y})
    assert unblocked["effects"]["ABCD"] == pytest.approx(-18.625)  # without blocks it is mistaken for an effect


def test_anova_fits_blocks_first_montgomery_example_7_2() -> None:
    design, y = _blocked_filtration()
    out = run("doe_anova", {"design": design, "response": y, "model": "interactions", "order": 4})
    rows = {r["source"]: r for r in out["table"]}
    assert rows["Blocks"]["ss"] == pytest.approx(1387.5625) and rows["Blocks"]["df"] == 1
    assert out["confounded_with_blocks"] == ["ABCD"] and out["blocks"] == 2
    for term, ss in {"A": 1870.5625, "C": 390.0625, "D": 855.5625, "AC": 1314.0625, "AD": 1105.5625}.items():
        assert rows[term]["ss"] == pytest.approx(ss)
    kept = 1387.5625 + 1870.5625 + 390.0625 + 855.5625 + 1314.0625 + 1105.5625
    assert rows["Total"]["ss"] - kept == pytest.approx(187.5625)  # Montgomery's error SS for the reduced model
    two = run("doe_anova", {"design": design, "response": y, "model": "interactions", "order": 2})
    table = {r["source"]: r for r in two["table"]}
    assert table["Blocks"]["ss"] + table["Model"]["ss"] + table["Error"]["ss"] == pytest.approx(table["Total"]["ss"])
    assert table["Blocks"]["f"] == pytest.approx(1387.5625 / table["Error"]["ms"])


def test_block_labels_may_be_given_directly_and_are_checked() -> None:
    design, y = _blocked_filtration()
    labels = ["day 1" if b == 1 else "day 2" for b in design["block"]]
    out = run("doe_effects", {"coded": design["coded"], "response": y, "block": labels})
    assert set(out["blocks"]["means"]) == {"day 1", "day 2"}
    with pytest.raises(HavocInputError, match="^block: has 3 labels"):
        run("doe_effects", {"coded": design["coded"], "response": y, "block": [1, 2, 1]})
    with pytest.raises(HavocInputError, match="block"):
        run("doe_anova", {"coded": design["coded"], "response": y, "block": list(range(16))})


def test_replicated_blocks_test_effects_with_error_within_blocks() -> None:
    # two replicates of a 2^2, each replicate a block (a day); day 2 runs 5 higher
    design = run("doe_design", {"design": "full_factorial", "factors": 2})
    base = [28.0, 36.0, 18.0, 31.0]  # Montgomery Example 6.1 replicate 1
    noise = [0.5, -0.4, 0.3, -0.2]
    y = base + [b + 5 + e for b, e in zip(base, noise, strict=True)]
    coded = design["coded"] * 2
    out = run("doe_effects", {"coded": coded, "response": y, "block": [1] * 4 + [2] * 4})
    assert out["blocks"]["ss"] == pytest.approx(sum(4 * (np.mean(part) - np.mean(y)) ** 2 for part in (y[:4], y[4:])))
    assert out["confounded_with_blocks"] == {}
    assert out["t_tests"] is None  # no setting repeats inside a block: no pure error apart from the block shift
