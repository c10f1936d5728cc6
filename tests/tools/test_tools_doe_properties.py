"""doe_properties on matrices built by hand, independent of the design generator."""

from __future__ import annotations

import itertools
import math

import numpy as np
import pytest

from tools.errors import HavocInputError
from tools.registry import run_tool as run


def props(rows, **extra) -> dict:
    return run("doe_properties", {"coded": np.asarray(rows, dtype=float).tolist(), **extra})


def test_hexagon_design_is_rotatable() -> None:
    """Six points on a circle plus centres: rotatable although no run lies on an axis pair pattern."""
    pts = [[math.cos(math.pi * i / 3), math.sin(math.pi * i / 3)] for i in range(6)] + [[0, 0]] * 3
    p = props(pts)
    assert p["rotatability"]["rotatable"], p["rotatability"]["reason"]
    assert p["centre_points"] == 3 and p["quadratic_estimable"]
    assert not p["two_level"]


def test_a_square_with_centre_is_not_rotatable() -> None:
    p = props([[-1, -1], [1, -1], [-1, 1], [1, 1], [0, 0]])
    rot = p["rotatability"]
    assert not rot["rotatable"]
    assert rot["mean_x_i4"] == pytest.approx([0.8, 0.8])
    assert rot["mean_x_i2_x_j2"] == pytest.approx([0.8])
    assert not p["quadratic_estimable"]


def test_odd_moments_break_rotatability() -> None:
    p = props([[1, 0], [0, 1], [-1, -1], [0, 0]])
    assert not p["rotatability"]["rotatable"] and "odd moment" in p["rotatability"]["reason"]


def test_non_orthogonal_columns_are_measured() -> None:
    rows = [[-1, -1], [1, 1], [1, 1], [-1, 1]]
    p = props(rows)
    x = np.asarray(rows, dtype=float)
    r = np.corrcoef(x.T)[0, 1]
    assert p["correlation_max_abs_offdiag"] == pytest.approx(abs(r))
    assert p["XtX_max_abs_offdiag"] == pytest.approx(abs((x[:, 0] * x[:, 1]).sum()))
    assert not p["orthogonal"]
    assert p["distinct_runs"] == 3 and p["replicated_points"] == 1
    assert not p["balanced"]


def test_words_found_from_a_disguised_fraction() -> None:
    """Permute and flip the columns of a 2^(6-2) design; the defining relation follows the disguise."""
    base = np.array(list(itertools.product([-1, 1], repeat=4)), dtype=float)
    a, b, c, d = base.T
    x = np.column_stack([a, b, c, d, a * b * c, b * c * d])  # I = ABCE = BCDF = ADEF
    perm = [3, 0, 5, 1, 4, 2]
    flips = np.array([1, -1, 1, 1, -1, 1])
    y = x[:, perm] * flips
    p = props(y[np.random.default_rng(1).permutation(16)])
    letters = "ABCDEF"
    # new column j holds old column perm[j]; translate old words to new letters with their signs
    expected = set()
    for old in ("ABCE", "BCDF", "ADEF"):
        cols = sorted(perm.index(letters.index(ch)) for ch in old)
        sign = int(np.prod([flips[j] for j in cols]))
        expected.add(("-" if sign < 0 else "") + "".join(letters[j] for j in cols))
    assert set(p["defining_relation"]) == expected
    assert p["resolution"] == 4 and p["regular"] is True
    assert p["word_length_pattern"] == {"3": 0, "4": 3, "5": 0, "6": 0}


def test_replicated_fraction_with_centre_points_is_still_regular() -> None:
    res = run("doe_design", {"design": "fractional_factorial", "factors": 5, "generators": ["E=ABCD"],
                             "replicates": 2, "center_points": 2})
    p = props(res["coded"])
    assert p["regular"] and p["defining_relation"] == ["ABCDE"] and p["centre_points"] == 4


def test_factor_names_are_echoed_and_checked() -> None:
    p = props([[-1, -1], [1, 1]], factor_names=["temp", "time"])
    assert p["factor_names"] == ["temp", "time"]
    assert p["defining_relation"] == ["AB"] and p["resolution"] == 2
    with pytest.raises(HavocInputError, match="^factor_names:"):
        props([[-1, -1], [1, 1]], factor_names=["temp"])


@pytest.mark.parametrize("rows", [[], [[1, 2], [3]], [[]], [[1.0, float("nan")]], [[1.0, float("inf")]]])
def test_bad_matrices(rows) -> None:
    with pytest.raises(HavocInputError) as err:
        run("doe_properties", {"coded": rows})
    assert str(err.value).startswith("coded") and "\n" not in str(err.value)
