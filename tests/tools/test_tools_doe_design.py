"""doe_design: every family's invariants, recomputed from the returned matrix."""

from __future__ import annotations

import math
from decimal import Decimal

import numpy as np
import pytest

from tools.errors import HavocInputError
from tools.registry import run_tool as run


def design(**args) -> dict:
    return run("doe_design", args)


def props(res: dict) -> dict:
    return run("doe_properties", {"coded": res["coded"]})


# ------------------------------------------------------------------ full factorials

def test_two_level_full_factorial_is_in_yates_order() -> None:
    res = design(design="full_factorial", factors=3)
    assert res["coded"][:4] == [[-1, -1, -1], [1, -1, -1], [-1, 1, -1], [1, 1, -1]]
    assert res["runs"] == 8 and res["factor_names"] == ["A", "B", "C"]
    assert res["resolution"] is None and res["defining_relation"] == []
    assert res["natural"] is None
    p = props(res)
    assert p["orthogonal"] and p["two_level"] and p["defining_relation"] == []


def test_mixed_level_factorial_with_ranges_lists_and_categories() -> None:
    res = design(design="full_factorial", factors=[
        {"name": "temp", "low": Decimal("150.5"), "high": Decimal("170.5"), "units": "C", "levels": 3},
        {"name": "pressure", "levels": [1, 2, 5]},
        {"name": "catalyst", "levels": ["X", "Y"]}])
    assert res["runs"] == 18
    nat = res["natural"]
    assert sorted({r[0] for r in nat}) == [150.5, 160.5, 170.5]
    assert sorted({r[1] for r in nat}) == [1.0, 2.0, 5.0]
    assert sorted({r[2] for r in nat}) == ["X", "Y"]
    coded = np.asarray(res["coded"])
    assert sorted(set(np.round(coded[:, 1], 12))) == [-1.0, 0.0, 1.0]  # a level list is coded as ordered levels
    assert np.allclose(coded.sum(axis=0), 0)
    assert len({tuple(r) for r in nat}) == 18  # every combination once
    assert res["factors"][0]["units"] == "C"


def test_default_level_count_for_every_factor() -> None:
    res = design(design="full_factorial", factors=[{"name": "a", "low": 0, "high": 10}, {"name": "b", "levels": 2}],
                 levels=3)
    assert res["runs"] == 6
    assert sorted({r[0] for r in res["natural"]}) == [0.0, 5.0, 10.0]
    p = props(res)
    assert p["column_levels"] == [[-1.0, 0.0, 1.0], [-1.0, 1.0]] and p["orthogonal"]


def test_centre_points_and_replicates() -> None:
    res = design(design="full_factorial", factors=[{"name": "x", "low": 10, "high": 20},
                                                    {"name": "y", "low": 0, "high": 1}],
                 center_points=3, replicates=2)
    assert res["runs"] == 2 * (4 + 3) and res["replicates"] == 2 and res["centre_points"] == 3
    assert res["natural"][4] == [15.0, 0.5]
    assert props(res)["centre_points"] == 6
    assert res["std_order"] == list(range(1, 15))


def test_randomisation_is_reproducible_by_seed() -> None:
    a = design(design="full_factorial", factors=4, randomize=True, seed=11)
    b = design(design="full_factorial", factors=4, randomize=True, seed=11)
    c = design(design="full_factorial", factors=4, randomize=True, seed=12)
    assert a["run_order"] == b["run_order"]
    assert a["run_order"] != c["run_order"]
    assert sorted(a["run_order"]) == list(range(1, 17))
    # execution_order is the inverse permutation of run_order
    for position, row in enumerate(a["execution_order"], start=1):
        assert a["run_order"][row - 1] == position
    plain = design(design="full_factorial", factors=4)
    assert plain["run_order"] == list(range(1, 17)) and plain["randomized"] is False
    unseeded = design(design="full_factorial", factors=3, randomize=True)
    assert isinstance(unseeded["seed"], int)  # reported, so the order can be reproduced
    again = design(design="full_factorial", factors=3, randomize=True, seed=unseeded["seed"])
    assert again["run_order"] == unseeded["run_order"]


def test_blocks_confound_the_highest_interaction() -> None:
    res = design(design="full_factorial", factors=5, blocks=2, center_points=2)
    assert res["block_generators"] == ["ABCDE"]
    assert res["confounded_with_blocks"] == ["ABCDE"]
    coded = np.asarray(res["coded"])
    block = np.asarray(res["block"])
    for b in (1, 2):
        part = coded[block == b]
        assert len(part) == 17  # 16 factorial runs + 1 centre run
        assert np.allclose(part.sum(axis=0), 0)  # main effects orthogonal to blocks
        corner = part[np.any(part != 0, axis=1)]
        assert len({float(np.prod(r)) for r in corner}) == 1


def test_four_blocks_confound_interactions_not_main_effects() -> None:
    res = design(design="full_factorial", factors=6, blocks=4)
    confounded = [c.split(" = ")[0] for c in res["confounded_with_blocks"]]
    assert len(confounded) == 3 and min(len(c) for c in confounded) >= 3
    block = np.asarray(res["block"])
    coded = np.asarray(res["coded"])
    for b in range(1, 5):
        part = coded[block == b]
        assert len(part) == 16
        assert np.allclose(part.sum(axis=0), 0)
        assert np.allclose(part.T @ part, 16 * np.eye(6))  # 2FIs and main effects free of blocks


def test_randomisation_stays_within_blocks() -> None:
    res = design(design="full_factorial", factors=4, blocks=2, randomize=True, seed=5)
    block = np.asarray(res["block"])
    order = np.asarray(res["run_order"])
    assert order[block == 1].max() < order[block == 2].min()


# ------------------------------------------------------------------ Plackett-Burman

@pytest.mark.parametrize("runs", [8, 12, 16, 20, 24, 28, 32, 36, 40, 44, 48])
def test_plackett_burman_is_orthogonal(runs: int) -> None:
    for k in (runs - 1, runs - 4 + 1):
        res = design(design="plackett_burman", factors=k)
        x = np.asarray(res["coded"])
        assert x.shape == (runs, k)
        assert np.all(np.abs(x) == 1)
        assert np.allclose(x.T @ x, runs * np.eye(k))
        assert res["resolution"] == 3


def test_plackett_burman_12_is_not_a_regular_fraction() -> None:
    p = props(design(design="plackett_burman", factors=11))
    assert p["two_level"] and p["orthogonal"] and p["regular"] is False


# ------------------------------------------------------------------ Box-Behnken

@pytest.mark.parametrize(("k", "edge_runs"), [(3, 12), (4, 24), (5, 40), (6, 48), (7, 56)])
def test_box_behnken_run_counts_and_levels(k: int, edge_runs: int) -> None:
    res = design(design="box_behnken", factors=k)
    assert res["centre_points"] == 3  # default, stated
    assert res["runs"] == edge_runs + 3
    p = props(res)
    assert all(levels == [-1.0, 0.0, 1.0] for levels in p["column_levels"])
    assert p["centre_points"] == 3 and p["orthogonal"] and p["quadratic_estimable"]
    assert np.allclose(p["column_sums"], 0)
    x = np.asarray(res["coded"])
    edges = x[np.any(x != 0, axis=1)]
    per_row = {2} if k <= 5 else {3}
    assert set((edges != 0).sum(axis=1)) == per_row


def test_box_behnken_rotatability_by_size() -> None:
    # BB(4) and BB(7) are rotatable; BB(3) is not (mean x^4 = 8/12, 3 mean x_i^2 x_j^2 = 12/12 without centre)
    assert props(design(design="box_behnken", factors=4))["rotatability"]["rotatable"]
    assert props(design(design="box_behnken", factors=7))["rotatability"]["rotatable"]
    assert not props(design(design="box_behnken", factors=3))["rotatability"]["rotatable"]


# ------------------------------------------------------------------ central composite

@pytest.mark.parametrize("k", [2, 3, 4, 5, 6])
def test_rotatable_ccd(k: int) -> None:
    res = design(design="central_composite", factors=k, alpha="rotatable", center_points=4)
    assert res["alpha"] == pytest.approx((2**k) ** 0.25, abs=1e-12)
    assert res["runs"] == 2**k + 2 * k + 4 and res["centre_points"] == 4
    p = props(res)
    assert p["rotatability"]["rotatable"], p["rotatability"]["reason"]
    assert p["quadratic_estimable"] and p["centre_points"] == 4


@pytest.mark.parametrize(("k", "n0"), [(2, 1), (2, 5), (3, 4), (3, 6), (4, 2), (5, 8)])
def test_orthogonal_alpha_makes_quadratic_columns_orthogonal(k: int, n0: int) -> None:
    res = design(design="ccd", factors=k, alpha="orthogonal", center_points=n0)
    F = 2**k
    N = F + 2 * k + n0
    expected = (F * (math.sqrt(N) - math.sqrt(F)) ** 2 / 4) ** 0.25
    assert res["alpha"] == pytest.approx(expected, rel=1e-12)
    sq = np.asarray(res["coded"]) ** 2
    sq -= sq.mean(axis=0)
    gram = sq.T @ sq
    assert np.abs(gram - np.diag(np.diag(gram))).max() < 1e-9


def test_inscribed_and_faced_ccd() -> None:
    cci = design(design="ccd", factors=3, face="inscribed", center_points=2)
    x = np.asarray(cci["coded"])
    assert np.abs(x).max() == pytest.approx(1.0)
    assert props(cci)["rotatability"]["rotatable"]
    ccf = design(design="ccd", factors=3, face="face-centred", center_points=2)
    assert ccf["alpha"] == 1.0 and ccf["face"] == "faced"
    p = props(ccf)
    assert all(levels == [-1.0, 0.0, 1.0] for levels in p["column_levels"])
    assert not p["rotatability"]["rotatable"]


def test_ccd_default_centre_runs_are_stated() -> None:
    res = design(design="ccd", factors=3)
    assert res["centre_points"] == 6 and res["runs"] == 8 + 6 + 6
    assert any("centre runs" in n for n in res["notes"])


def test_ccd_numeric_alpha_and_natural_units() -> None:
    res = design(design="ccd", factors=[{"name": "t", "low": 100, "high": 200}, {"name": "p", "low": 1, "high": 2}],
                 alpha=2.0, center_points=1)
    nat = np.asarray(res["natural"], dtype=float)
    assert nat[:, 0].min() == pytest.approx(50.0) and nat[:, 0].max() == pytest.approx(250.0)


@pytest.mark.parametrize(("k", "blocks", "centre"), [(2, 2, 4), (3, 2, 6), (3, 3, 6), (4, 3, 6), (5, 5, 8)])
def test_ccd_in_orthogonal_blocks(k: int, blocks: int, centre: int) -> None:
    res = design(design="ccd", factors=k, blocks=blocks, center_points=centre)
    x = np.asarray(res["coded"])
    block = np.asarray(res["block"])
    assert res["blocks"] == blocks and sorted(set(block)) == list(range(1, blocks + 1))
    total_sq = (x**2).sum(axis=0)
    for b in range(1, blocks + 1):
        part = x[block == b]
        assert np.allclose(part.sum(axis=0), 0)  # first-order terms orthogonal to blocks
        cross = part.T @ part
        assert np.abs(cross - np.diag(np.diag(cross))).max() < 1e-9  # cross products too
        # second moments in proportion to block size: the Box-Hunter orthogonal blocking condition
        assert np.allclose((part**2).sum(axis=0) / total_sq, len(part) / len(x))


# ------------------------------------------------------------------ Latin hypercube

def test_latin_hypercube_one_point_per_stratum_and_seeded() -> None:
    args = {"design": "latin_hypercube", "factors": [{"name": "a", "low": 0, "high": 10},
                                                     {"name": "b", "low": -5, "high": 5}, {"name": "c", "low": 1, "high": 2}],
            "samples": 20, "seed": 42}
    a = run("doe_design", args)
    b = run("doe_design", args)
    assert a["coded"] == b["coded"] and a["seed"] == 42
    u = (np.asarray(a["coded"]) + 1) / 2
    for j in range(3):
        assert sorted(np.floor(u[:, j] * 20).astype(int)) == list(range(20))
    nat = np.asarray(a["natural"], dtype=float)
    assert nat[:, 0].min() >= 0 and nat[:, 0].max() <= 10
    c = run("doe_design", {**args, "seed": 43})
    assert c["coded"] != a["coded"]
    m = run("doe_design", {**args, "criterion": "maximin"})
    um = (np.asarray(m["coded"]) + 1) / 2
    assert sorted(np.floor(um[:, 1] * 20).astype(int)) == list(range(20))


# ------------------------------------------------------------------ bad input

BAD = [
    ({"design": "box_behnken", "factors": 2}, "factors"),
    ({"design": "full_factorial", "factors": [{"name": "a", "low": 5, "high": 5}]}, "factors[0].low"),
    ({"design": "full_factorial", "factors": [{"name": "a", "low": 6, "high": 5}]}, "factors[0].low"),
    ({"design": "full_factorial", "factors": [{"name": "a"}, {"name": "a"}]}, "factors[1].name"),
    ({"design": "full_factorial", "factors": [{"name": "a", "low": 1}]}, "factors[0].high"),
    ({"design": "full_factorial", "factors": 0}, "factors"),
    ({"design": "full_factorial", "factors": True}, "factors"),
    ({"design": "full_factorial", "factors": 17}, "factors"),
    ({"design": "ccd", "factors": 1}, "factors"),
    ({"design": "taguchi", "factors": 3}, "design"),
    ({"design": "ccd", "factors": 3, "face": "sideways"}, "face"),
    ({"design": "ccd", "factors": 3, "alpha": "spherical"}, "alpha"),
    ({"design": "ccd", "factors": 3, "alpha": -1.0}, "alpha"),
    ({"design": "ccd", "factors": 3, "face": "faced", "alpha": 1.5}, "alpha"),
    ({"design": "ccd", "factors": 3, "blocks": 4}, "blocks"),
    ({"design": "ccd", "factors": 4, "blocks": 5}, "blocks"),
    ({"design": "full_factorial", "factors": 3, "blocks": 3}, "blocks"),
    ({"design": "full_factorial", "factors": 3, "blocks": 8}, "blocks"),
    ({"design": "box_behnken", "factors": [{"name": "a", "levels": 3}, "b", "c"]}, "factors[0].levels"),
    ({"design": "full_factorial", "factors": [{"name": "a", "levels": ["x", "y"]}], "center_points": 1},
     "center_points"),
    ({"design": "plackett_burman", "factors": 5, "runs": 10}, "runs"),
    ({"design": "plackett_burman", "factors": 5, "generators": ["E=ABCD"]}, "generators"),
    ({"design": "latin_hypercube", "factors": 2, "criterion": "best"}, "criterion"),
    ({"design": "full_factorial", "factors": 4, "resolution": 4}, "resolution"),
    ({"design": "box_behnken", "factors": 4, "alpha": "rotatable"}, "alpha"),
    ({"design": "box_behnken", "factors": 4, "face": "faced"}, "face"),
    ({"design": "full_factorial", "factors": 4, "samples": 10}, "samples"),
    ({"design": "box_behnken", "factors": 4, "levels": 3}, "levels"),
    ({"design": "full_factorial", "factors": 4, "levels": 1}, "levels"),
    ({"design": "full_factorial", "factors": [{"name": "a", "colour": 1}]}, "factors"),
]


@pytest.mark.parametrize(("args", "field"), BAD)
def test_bad_input_is_one_line_naming_the_field(args: dict, field: str) -> None:
    with pytest.raises(HavocInputError) as err:
        run("doe_design", args)
    msg = str(err.value)
    assert "\n" not in msg
    assert msg.startswith(field), msg


def test_ccd_with_a_resolution_v_half_fraction_core() -> None:
    res = design(design="ccd", factors=5, resolution=5, center_points=6, blocks=2)
    assert res["runs"] == 16 + 10 + 6 and res["defining_relation"] == ["ABCDE"]
    assert res["alpha_kind"] == "orthogonal blocks"
    p = props(res)
    assert p["quadratic_estimable"]
    x, block = np.asarray(res["coded"]), np.asarray(res["block"])
    total_sq = (x**2).sum(axis=0)
    for b in (1, 2):
        part = x[block == b]
        assert np.allclose((part**2).sum(axis=0) / total_sq, len(part) / len(x))


def test_a_cost_per_run_gives_the_total_cost_of_every_run() -> None:
    spec = {"design": "full_factorial", "factors": [{"name": "T", "levels": [1, 2, 3]}, {"name": "P", "levels": [1, 2]}],
            "replicates": 3, "center_points": 0, "cost_per_run": 85}
    out = run("doe_design", spec)
    assert out["runs"] == 18 and out["total_cost"] == pytest.approx(18 * 85)
    with pytest.raises(HavocInputError) as err:
        run("doe_design", {**spec, "cost_per_run": 0})
    assert str(err.value).startswith("cost_per_run") and "\n" not in str(err.value)


def test_a_central_composite_counts_its_factorial_and_axial_runs() -> None:
    out = run("doe_design", {"design": "central_composite", "factors": 4, "center_points": 7})
    # by hand: a 2^4 core (16), two axial runs per factor (8) and the centre runs
    assert (out["factorial_runs"], out["axial_runs"], out["runs"]) == (16, 8, 31)
    assert out["alpha"] == pytest.approx(2.0)  # rotatable: (2^4)^(1/4)
    assert run("doe_design", {"design": "box_behnken", "factors": 3})["axial_runs"] is None
