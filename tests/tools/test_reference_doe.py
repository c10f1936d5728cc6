"""Every certified DOE case in ../shared/reference runs through the registry and must hold.

Row order is free between tools, so designs are compared as sorted row multisets and
through invariants recomputed from the returned matrix (`doe_properties`), never by
trusting what the generator says about itself.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from tools.registry import run_tool

REFERENCE = Path(__file__).resolve().parents[2].parent / "shared" / "reference"
KINDS = {"design_box_behnken", "design_central_composite", "design_fractional_factorial", "doe_factorial_effects"}


def _cases() -> list[Path]:
    if not REFERENCE.is_dir():
        return []
    out = []
    for path in sorted(REFERENCE.glob("*.json")):
        try:
            kind = json.loads(path.read_text()).get("kind")
        except (OSError, ValueError):
            continue
        if kind in KINDS:
            out.append(path)
    return out


CASES = _cases()


def _tol(case: dict) -> float:
    tol = case.get("tolerance", {})
    return float(tol.get("value", 1e-12)) if tol.get("metric") == "abs" else 1e-12


def _sorted_rows(rows) -> np.ndarray:
    a = np.round(np.asarray(rows, dtype=float), 9) + 0.0
    return a[np.lexsort(a.T[::-1])]


def _check_properties(coded: list[list[float]], expected: dict, tol: float) -> dict:
    props = run_tool("doe_properties", {"coded": coded})
    if "runs" in expected:
        assert props["runs"] == expected["runs"]
    if "factors" in expected:
        assert props["factors"] == expected["factors"]
    if "column_levels" in expected:
        assert len(props["column_levels"]) == len(expected["column_levels"])
        for got, want in zip(props["column_levels"], expected["column_levels"], strict=True):
            assert np.allclose(got, want, atol=max(tol, 1e-11)), (got, want)
    if "centre_points" in expected:
        assert props["centre_points"] == expected["centre_points"]
    if "column_sums" in expected:
        assert np.allclose(props["column_sums"], expected["column_sums"], atol=max(tol, 1e-11))
    if "XtX_diagonal" in expected:
        assert np.allclose(props["XtX_diagonal"], expected["XtX_diagonal"], atol=max(tol, 1e-11))
    if "XtX_max_abs_offdiag" in expected:
        assert abs(props["XtX_max_abs_offdiag"] - expected["XtX_max_abs_offdiag"]) <= max(tol, 1e-11)
    return props


def _numeric(word: str) -> str:
    """A letter word (ABD) in NIST's digits (124); letters skip I."""
    letters = "ABCDEFGHJKLMNOPQRSTUVWXYZ"
    sign = "-" if word.startswith("-") else ""
    return sign + "".join(str(letters.index(c) + 1) for c in word.lstrip("-"))


def _canon(word: str) -> str:
    return "".join(sorted(word))


@pytest.mark.skipif(not CASES, reason="no certified DOE references found")
@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_reference_case(path: Path) -> None:
    case = json.loads(path.read_text())
    kind, inp, exp = case["kind"], case["input"], case["expected"]
    tol = _tol(case)
    if kind == "design_box_behnken":
        _box_behnken(inp, exp, tol)
    elif kind == "design_central_composite":
        _central_composite(inp, exp, tol)
    elif kind == "design_fractional_factorial":
        _fractional(inp, exp)
    else:
        _effects(inp, exp, tol)


def _box_behnken(inp: dict, exp: dict, tol: float) -> None:
    centre = inp.get("centre_points", inp.get("center_points"))
    args = {"design": "box_behnken", "factors": inp["factors"]}
    if centre is not None:
        args["center_points"] = centre
    res = run_tool("doe_design", args)
    if "runs_with_centre" in exp:
        assert res["runs"] == exp["runs_with_centre"]
    if "runs_without_centre" in exp:
        assert res["runs"] - res["centre_points"] == exp["runs_without_centre"]
    _check_properties(res["coded"], exp.get("properties", {}), tol)
    coded = np.asarray(res["coded"])
    edges = coded[np.any(coded != 0, axis=1)]
    assert np.all((np.abs(edges) == 1).sum(axis=1) == 2), "every edge run has exactly two factors at +-1"
    if "matrix_pydoe" in exp:
        assert np.array_equal(_sorted_rows(res["coded"]), _sorted_rows(exp["matrix_pydoe"]))


def _central_composite(inp: dict, exp: dict, tol: float) -> None:
    faces = {"circumscribed": "circumscribed", "inscribed": "inscribed", "face_centred": "faced",
             "faced": "faced", "face_centered": "faced"}
    variants = exp.get("variants", {})
    assert variants, "a CCD reference lists its variants"
    for key, want in variants.items():
        matrix = want.get("matrix_pydoe_1_centre")
        centre = 1 if matrix is not None else inp.get("centre_points", inp.get("center_points", 1))
        res = run_tool("doe_design", {"design": "central_composite", "factors": inp["factors"],
                                      "alpha": inp.get("alpha", "rotatable"), "face": faces[key],
                                      "center_points": centre})
        k = inp["factors"]
        assert res["runs"] == 2**k + 2 * k + centre
        assert res["centre_points"] == centre
        props = _check_properties(res["coded"], want.get("properties", {}), tol)
        if matrix is not None:
            assert np.allclose(_sorted_rows(res["coded"]), _sorted_rows(matrix), atol=1e-9)
        if "max_abs_level" in want:
            assert abs(np.abs(np.asarray(res["coded"])).max() - want["max_abs_level"]) <= 1e-11
        rot = want.get("rotatability_moments")
        if rot:
            assert props["rotatability"]["rotatable"] is rot["rotatable"]
            assert np.allclose(props["rotatability"]["mean_x_i4"], rot["mean_x_i^4"], atol=tol)
            assert np.allclose(props["rotatability"]["mean_x_i2_x_j2"], rot["mean_x_i^2_x_j^2"], atol=tol)
        if key == "circumscribed" and "alpha_rotatable" in exp:
            assert abs(res["alpha"] - exp["alpha_rotatable"]) <= tol
        if key.startswith("face") and "alpha_face_centred" in exp:
            assert abs(res["alpha"] - exp["alpha_face_centred"]) <= tol


def _fractional(inp: dict, exp: dict) -> None:
    k = inp["factors"]
    res = run_tool("doe_design", {"design": "fractional_factorial", "factors": k, "generators": inp["generators"]})
    if "runs" in exp:
        assert res["runs"] == exp["runs"]
    if "resolution" in exp:
        assert res["resolution"] == exp["resolution"]
    if "defining_relation" in exp:
        want = sorted(_canon(w) for w in exp["defining_relation"])
        assert sorted(_canon(w) for w in res["defining_relation_numeric"]) == want
        assert sorted(_canon(_numeric(w)) for w in res["defining_relation"]) == want
    if "word_length_pattern" in exp:
        got = {n: c for n, c in res["word_length_pattern"].items() if c or n in exp["word_length_pattern"]}
        assert got == {str(n): c for n, c in exp["word_length_pattern"].items()}
    if "main_effect_2fi_aliases" in exp:
        for effect, aliases in exp["main_effect_2fi_aliases"].items():
            letter = "ABCDEFGHJKLMNOPQRSTUVWXYZ"[int(effect) - 1]
            got = sorted(_canon(_numeric(a)) for a in res["aliases"][letter] if len(a.lstrip("-")) == 2)
            assert got == sorted(_canon(a) for a in aliases)
    if "matrix_pydoe" in exp:
        assert np.array_equal(_sorted_rows(res["coded"]), _sorted_rows(exp["matrix_pydoe"]))
    props = _check_properties(res["coded"], exp.get("properties", {}), 1e-12)
    # independent route: the words recomputed from the matrix are the reported ones
    assert sorted(map(_canon, props["defining_relation"])) == sorted(map(_canon, res["defining_relation"]))
    assert props["resolution"] == res["resolution"]
    if "p" in inp:
        # asking by (k, p) instead of generators reaches the same resolution and word-length pattern
        by_runs = run_tool("doe_design", {"design": "fractional_factorial", "factors": k, "runs": 2 ** (k - inp["p"])})
        assert by_runs["resolution"] == res["resolution"]
        assert by_runs["word_length_pattern"] == res["word_length_pattern"]


def _effects(inp: dict, exp: dict, tol: float) -> None:
    factors = inp["factors"]
    res = run_tool("doe_effects", {"factors": factors, "response": inp["response"]})
    for name, value in exp.get("effects", {}).items():
        assert abs(res["effects"][name] - value) <= tol, name
    assert set(res["effects"]) == set(exp.get("effects", res["effects"]))
    if "mean" in exp:
        assert abs(res["mean"] - exp["mean"]) <= tol
    for key in ("active_effects_half_normal", "active_effects", "active"):
        if key in exp:
            assert sorted(res["active"]) == sorted(exp[key])
