"""Two-level fractions: generators, defining relation, resolution and aliases, checked from the matrix."""

from __future__ import annotations

from itertools import combinations

import numpy as np
import pytest

from tools.doe_fractions import CATALOGUE, exhaustive_generators, standard_generators, wlp_key
from tools.doe_words import parse_generators
from tools.errors import HavocInputError
from tools.registry import run_tool as run


def _canon(w: str) -> str:
    return "".join(sorted(w.lstrip("-")))


def _words_by_brute_force(x: np.ndarray) -> set[str]:
    """Every product of columns that is constant, by trying all column subsets."""
    k = x.shape[1]
    letters = "ABCDEFGHJKLMNOPQRSTUVWXYZ"
    out = set()
    for size in range(1, k + 1):
        for combo in combinations(range(k), size):
            prod = np.prod(x[:, combo], axis=1)
            if np.all(prod == prod[0]):
                out.add("".join(letters[j] for j in combo))
    return out


CASES = sorted((k, p) for k, p in CATALOGUE if k <= 11) + [(12, 8), (15, 11)]


@pytest.mark.parametrize(("k", "p"), CASES, ids=[f"2^({k}-{p})" for k, p in CASES])
def test_catalogue_fraction_matches_its_matrix(k: int, p: int) -> None:
    res = run("doe_design", {"design": "fractional_factorial", "factors": k, "runs": 2 ** (k - p)})
    x = np.asarray(res["coded"])
    assert x.shape == (2 ** (k - p), k)
    assert np.all(np.abs(x) == 1)
    assert np.allclose(x.T @ x, len(x) * np.eye(k))  # orthogonal, balanced
    assert res["generator_source"].startswith("catalogue")
    props = run("doe_properties", {"coded": res["coded"]})
    assert props["regular"] is True
    assert props["resolution"] == res["resolution"]
    assert sorted(map(_canon, props["defining_relation"])) == sorted(map(_canon, res["defining_relation"]))
    assert props["word_length_pattern"] == res["word_length_pattern"]
    assert props["aliases"] == res["aliases"]
    assert len(res["defining_relation"]) == 2**p - 1
    if k <= 11:
        assert set(map(_canon, res["defining_relation"])) == _words_by_brute_force(x)
    # resolution is the shortest word; aliases of a main effect are the 2FIs sharing a word of length 3
    lengths = [len(w.lstrip("-")) for w in res["defining_relation"]]
    assert res["resolution"] == min(lengths)
    assert sum(res["word_length_pattern"].values()) == 2**p - 1
    words = {_canon(w) for w in res["defining_relation"]}
    for effect, aliases in res["aliases"].items():
        for alias in aliases:
            product = "".join(sorted(set(effect) ^ set(alias.lstrip("-"))))
            assert product in words, (effect, alias)


@pytest.mark.parametrize(("k", "p", "resolution"), [
    (3, 1, 3), (4, 1, 4), (5, 1, 5), (5, 2, 3), (6, 1, 6), (6, 2, 4), (6, 3, 3), (7, 1, 7), (7, 2, 4),
    (7, 3, 4), (7, 4, 3), (8, 2, 5), (8, 3, 4), (8, 4, 4), (9, 2, 6), (9, 3, 4), (9, 4, 4), (9, 5, 3),
    (10, 3, 5), (10, 4, 4), (10, 5, 4), (10, 6, 3), (11, 4, 5), (11, 5, 4), (11, 6, 4), (11, 7, 3)])
def test_textbook_resolutions(k: int, p: int, resolution: int) -> None:
    """Montgomery Table 8.14 / NIST 5.3.3.4.7 resolutions."""
    gens, _ = standard_generators(k, p)
    assert -wlp_key([g.word for g in gens], k)[0] == resolution


@pytest.mark.parametrize(("k", "p"), [(k, p) for k, p in CATALOGUE if 2 ** (k - p) <= 16] + [(6, 1), (7, 2), (8, 3)])
def test_catalogue_is_minimum_aberration(k: int, p: int) -> None:
    """An exhaustive search over all generator sets finds no better word-length pattern."""
    gens = parse_generators(CATALOGUE[(k, p)], k)
    best = exhaustive_generators(k, p)
    assert wlp_key([g.word for g in gens], k) == wlp_key([g.word for g in best], k)


@pytest.mark.parametrize(("k", "wanted", "runs"), [(5, 5, 16), (5, 4, 16), (5, 3, 8), (7, 4, 16), (7, 3, 8),
                                                    (8, 5, 64), (9, 4, 32), (11, 5, 128), (11, 4, 32), (4, 4, 8)])
def test_resolution_picks_fewest_runs(k: int, wanted: int, runs: int) -> None:
    res = run("doe_design", {"design": "fractional_factorial", "factors": k, "resolution": wanted})
    assert res["runs"] == runs
    assert res["resolution"] >= wanted


def test_roman_resolution_and_named_factors() -> None:
    res = run("doe_design", {"design": "fractional_factorial", "resolution": "IV", "factors": [
        {"name": "temp", "low": 150, "high": 200}, {"name": "time", "low": 1, "high": 3},
        {"name": "conc", "low": 0.1, "high": 0.3}, {"name": "speed", "low": 10, "high": 20}]})
    assert res["runs"] == 8 and res["resolution"] == 4 and res["generators"] == ["D=ABC"]
    nat = np.asarray(res["natural"], dtype=float)
    assert set(nat[:, 0]) == {150.0, 200.0} and set(nat[:, 2]) == {0.1, 0.3}


def test_outside_catalogue_uses_a_search_and_stays_honest() -> None:
    res = run("doe_design", {"design": "fractional_factorial", "factors": 16, "runs": 32})
    assert "search" in res["generator_source"]
    props = run("doe_properties", {"coded": res["coded"]})
    assert props["resolution"] == res["resolution"] >= 3
    assert props["word_length_pattern"] == res["word_length_pattern"]


def test_given_generators_with_signs_and_names() -> None:
    res = run("doe_design", {"design": "fractional_factorial", "factors": 5, "generators": ["E=-ABCD"]})
    assert res["defining_relation"] == ["-ABCDE"]
    x = np.asarray(res["coded"])
    assert np.all(np.prod(x, axis=1) == -1)
    props = run("doe_properties", {"coded": res["coded"]})
    assert props["defining_relation"] == ["-ABCDE"]
    named = run("doe_design", {"design": "fractional_factorial", "generators": ["d=a*b*c"],
                               "factors": ["a", "b", "c", "d"]})
    assert named["generators"] == ["D=ABC"] and named["resolution"] == 4


def test_aliases_of_a_resolution_iv_design() -> None:
    res = run("doe_design", {"design": "fractional_factorial", "factors": 6, "generators": ["E=ABC", "F=BCD"]})
    assert res["aliases"]["A"] == []  # clear of 2FIs at resolution IV
    assert sorted(res["aliases"]["AB"]) == ["CE"]
    assert sorted(map(_canon, res["defining_relation"])) == sorted(["ABCE", "BCDF", "ADEF"])


BAD = [
    ({"factors": 5, "resolution": 6}, "resolution"),
    ({"factors": 5, "resolution": 2}, "resolution"),
    ({"factors": 7, "runs": 5}, "runs"),
    ({"factors": 7, "runs": 4}, "runs"),
    ({"factors": 5, "runs": 8, "resolution": 5}, "resolution"),
    ({"factors": 5, "generators": ["E=ABCX"]}, "generators[0]"),
    ({"factors": 5, "generators": ["E ABCD"]}, "generators[0]"),
    ({"factors": 5, "generators": ["E=A"]}, "generators[0]"),
    ({"factors": 5, "generators": ["E=ABE"]}, "generators[0]"),
    ({"factors": 6, "generators": ["E=ABC", "F=ABC"]}, "generators"),
    ({"factors": 6, "generators": ["E=ABC", "F=ABE"]}, "generators[1]"),
    ({"factors": 5}, "generators"),
    ({"factors": 2, "runs": 2}, "factors"),
]


@pytest.mark.parametrize(("args", "field"), BAD)
def test_bad_fraction_requests_name_the_field(args: dict, field: str) -> None:
    with pytest.raises(HavocInputError) as err:
        run("doe_design", {"design": "fractional_factorial", **args})
    msg = str(err.value)
    assert "\n" not in msg
    assert msg.startswith(f"{field}:"), msg


@pytest.mark.parametrize(("k", "wanted", "runs"), [(12, 5, 256), (13, 4, 32), (17, 4, 64), (20, 3, 32)])
def test_large_fractions_reach_the_resolution_at_the_rao_bound(k: int, wanted: int, runs: int) -> None:
    """Resolution III needs k+1 runs, IV needs 2k (foldover bound); the construction reaches both."""
    res = run("doe_design", {"design": "fractional_factorial", "factors": k, "resolution": wanted})
    assert res["runs"] == runs
    props = run("doe_properties", {"coded": res["coded"]})
    assert props["resolution"] == res["resolution"] >= wanted
    assert props["word_length_pattern"] == res["word_length_pattern"]


def test_fractions_too_large_to_enumerate_are_refused_with_advice() -> None:
    with pytest.raises(HavocInputError, match="plackett_burman"):
        run("doe_design", {"design": "fractional_factorial", "factors": 25, "resolution": 3})
