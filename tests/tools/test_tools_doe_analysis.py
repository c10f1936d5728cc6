"""doe_effects, doe_anova and rsm_fit against textbook examples and exact constructions."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import stats

from tools.errors import HavocInputError
from tools.registry import run_tool as run

# Montgomery, DAoE Example 6.2: filtration rate, unreplicated 2^4 in standard order
FILTRATION = [45, 71, 48, 65, 68, 60, 80, 65, 43, 100, 45, 104, 75, 86, 70, 96]
# Montgomery, DAoE Example 6.1: chemical process yield, 2^2 with 3 replicates (listed replicate by replicate)
YIELD = [28, 36, 18, 31, 25, 32, 19, 30, 27, 32, 23, 29]
# Montgomery, DAoE Example 11.2: CCD in 2 factors with 5 centre runs
CCD_X = [[-1, -1], [-1, 1], [1, -1], [1, 1], [0, 0], [0, 0], [0, 0], [0, 0], [0, 0],
         [1.414, 0], [-1.414, 0], [0, 1.414], [0, -1.414]]
CCD_Y = [76.5, 77.0, 78.0, 79.5, 79.9, 80.3, 80.0, 79.7, 79.8, 78.4, 75.6, 78.5, 77.0]


# ------------------------------------------------------------------ doe_effects

def test_filtration_effects_lenth_and_half_normal() -> None:
    res = run("doe_effects", {"factors": 4, "response": FILTRATION})
    assert res["effects"]["A"] == pytest.approx(21.625)
    assert res["effects"]["AC"] == pytest.approx(-18.125)
    assert len(res["effects"]) == 15
    assert res["coefficients"]["AD"] == pytest.approx(16.625 / 2)
    lenth = res["lenth"]
    # hand computation: s0 = 1.5 * 2.625; PSE = 1.5 * median of the 10 |effects| below 2.5 s0 = 1.5 * 1.75
    assert lenth["s0"] == pytest.approx(3.9375)
    assert lenth["pse"] == pytest.approx(2.625)
    assert lenth["me"] == pytest.approx(stats.t.ppf(0.975, 5) * 2.625)
    assert sorted(res["active"]) == ["A", "AC", "AD", "C", "D"]
    assert set(res["likely_active"]) <= set(res["active"])
    hn = res["half_normal"]
    assert [p["abs_effect"] for p in hn] == sorted(abs(v) for v in res["effects"].values())
    assert all(a["quantile"] < b["quantile"] for a, b in zip(hn, hn[1:], strict=False))
    assert res["t_tests"] is None and "Lenth" in res["active_method"]


def test_effects_do_not_depend_on_row_order() -> None:
    design = run("doe_design", {"design": "full_factorial", "factors": 4, "randomize": True, "seed": 3})
    rows = np.asarray(design["coded"])
    order = np.asarray(design["execution_order"]) - 1
    res = run("doe_effects", {"coded": rows[order].tolist(), "response": np.asarray(FILTRATION)[order].tolist()})
    ref = run("doe_effects", {"factors": 4, "response": FILTRATION})
    assert res["effects"] == pytest.approx(ref["effects"])


def test_replicated_effects_use_t_tests() -> None:
    res = run("doe_effects", {"factors": 2, "response": YIELD})
    assert res["effects"] == pytest.approx({"A": 25 / 3, "B": -5.0, "AB": 5 / 3})
    tests = {t["effect"]: t for t in res["t_tests"]}
    se = 2 * np.sqrt((31.3333333333 / 8) / 12)
    assert tests["A"]["std_error"] == pytest.approx(se, rel=1e-9)
    assert tests["A"]["df"] == 8
    assert sorted(res["active"]) == ["A", "B"]
    # t^2 equals the ANOVA F: Montgomery's table prints 53.15 from rounded mean squares; 208.33/3.9167
    assert tests["A"]["t"] ** 2 == pytest.approx(208.333333 / (31.333333 / 8), rel=1e-6)


def test_half_fraction_effects_follow_alias_classes() -> None:
    """Montgomery Example 8.1: the 2^(4-1), I = ABCD, half of the filtration experiment."""
    design = run("doe_design", {"design": "fractional_factorial", "factors": 4, "generators": ["D=ABC"]})
    full = np.asarray(run("doe_design", {"design": "full_factorial", "factors": 4})["coded"])
    lookup = {tuple(r): y for r, y in zip(full.tolist(), FILTRATION, strict=True)}
    y = [lookup[tuple(r)] for r in design["coded"]]
    res = run("doe_effects", {"coded": design["coded"], "response": y})
    assert set(res["effects"]) == {"A", "B", "C", "D", "AB", "AC", "AD"}
    assert res["effects"] == pytest.approx({"A": 19.0, "B": 1.5, "C": 14.0, "D": 16.5,
                                            "AB": -1.0, "AC": -18.5, "AD": 19.0})
    assert res["aliases"]["AB"] == ["CD"] and res["aliases"]["A"] == ["BCD"]


def test_plackett_burman_gives_main_effects_only() -> None:
    design = run("doe_design", {"design": "plackett_burman", "factors": 7, "runs": 12})
    x = np.asarray(design["coded"])
    y = 10 + 3 * x[:, 0] - 2 * x[:, 4]
    res = run("doe_effects", {"coded": design["coded"], "response": y.tolist()})
    assert set(res["effects"]) == {"A", "B", "C", "D", "E", "F", "G"}
    assert res["effects"]["A"] == pytest.approx(6.0) and res["effects"]["E"] == pytest.approx(-4.0)
    assert any("Plackett-Burman" in n for n in res["notes"])


def test_centre_points_give_curvature_and_pure_error() -> None:
    design = run("doe_design", {"design": "full_factorial", "factors": 2, "center_points": 4})
    y = [39.3, 40.9, 40.0, 41.5, 40.3, 40.5, 40.7, 40.2]  # Montgomery Example 6.6 layout
    res = run("doe_effects", {"coded": design["coded"], "response": y})
    assert res["centre_points"] == 4 and res["factorial_runs"] == 4
    curv = res["curvature"]
    assert curv["ss"] == pytest.approx(4 * 4 * (np.mean(y[:4]) - np.mean(y[4:])) ** 2 / 8)
    assert curv["p"] is not None and res["t_tests"][0]["df"] == 3


@pytest.mark.parametrize(("args", "field"), [
    ({"factors": 3, "response": [1.0] * 7}, "response"),
    ({"coded": [[-1, -1], [1, -1], [-1, 1], [1, 1]], "response": [1, 2, 3]}, "response"),
    ({"coded": [[-1, 0.5], [1, -1], [-1, 1], [1, 1]], "response": [1, 2, 3, 4]}, "coded"),
    ({"coded": [[-1, 1], [1, 1], [-1, 1], [1, 1]], "response": [1, 2, 3, 4]}, "coded"),
    ({"coded": [[-1, 1], [1, -1]], "response": [1, 2]}, "coded"),
    ({"response": [1, 2, 3, 4]}, "factors"),
    ({"factors": 2, "response": [1, 2, "x", 4]}, "response"),
    ({"factors": 2, "response": [1, 2, float("nan"), 4]}, "response"),
])
def test_effects_bad_input(args: dict, field: str) -> None:
    with pytest.raises(HavocInputError) as err:
        run("doe_effects", args)
    assert str(err.value).startswith(field) and "\n" not in str(err.value)


# ------------------------------------------------------------------ doe_anova

def test_anova_of_replicated_factorial_matches_montgomery() -> None:
    res = run("doe_anova", {"design": {"design": "full_factorial", "factors": 2, "replicates": 3},
                            "response": YIELD, "model": "interactions"})
    rows = {r["source"]: r for r in res["table"]}
    assert rows["A"]["ss"] == pytest.approx(208.333333, abs=1e-5)
    assert rows["B"]["ss"] == pytest.approx(75.0)
    assert rows["AB"]["ss"] == pytest.approx(8.333333, abs=1e-5)
    assert rows["Error"]["ss"] == pytest.approx(31.333333, abs=1e-5) and rows["Error"]["df"] == 8
    assert rows["A"]["f"] == pytest.approx(53.19, abs=0.01)
    assert rows["Total"]["ss"] == pytest.approx(323.0)
    assert res["r_squared"] == pytest.approx(1 - 31.3333333 / 323.0)


def test_anova_of_quadratic_ccd_has_lack_of_fit_and_adds_up() -> None:
    res = run("doe_anova", {"coded": CCD_X, "response": CCD_Y, "model": "quadratic"})
    rows = {r["source"]: r for r in res["table"]}
    assert rows["Model"]["df"] == 5 and rows["Error"]["df"] == 7
    assert rows["Lack of fit"]["df"] == 3 and rows["Pure error"]["df"] == 4
    assert rows["Lack of fit"]["ss"] + rows["Pure error"]["ss"] == pytest.approx(rows["Error"]["ss"])
    assert rows["Model"]["ss"] + rows["Error"]["ss"] == pytest.approx(rows["Total"]["ss"])
    pe = np.var([79.9, 80.3, 80.0, 79.7, 79.8], ddof=1) * 4
    assert rows["Pure error"]["ss"] == pytest.approx(pe)
    assert res["terms"] == ["A", "B", "A^2", "B^2", "AB"]


def test_anova_drops_aliased_terms_of_a_fraction() -> None:
    design = run("doe_design", {"design": "fractional_factorial", "factors": 4, "generators": ["D=ABC"]})
    y = np.arange(8, dtype=float) ** 1.5
    res = run("doe_anova", {"coded": design["coded"], "response": y.tolist(), "model": "interactions"})
    assert res["aliased_terms"] == ["BC", "BD", "CD"]
    assert res["residual_df"] == 0 and any("no degrees of freedom" in n for n in res["notes"])


def test_anova_leaves_out_squares_a_two_level_design_cannot_see() -> None:
    design = run("doe_design", {"design": "full_factorial", "factors": 2, "replicates": 2})
    res = run("doe_anova", {"coded": design["coded"], "response": [1, 2, 3, 5, 1.5, 2, 3.5, 5], "model": "quadratic"})
    assert res["aliased_terms"] == ["A^2", "B^2"] and res["terms"] == ["A", "B", "AB"]


def test_anova_adds_curvature_for_centre_points() -> None:
    design = run("doe_design", {"design": "full_factorial", "factors": 2, "center_points": 4})
    y = [39.3, 40.9, 40.0, 41.5, 40.3, 40.5, 40.7, 40.2]
    res = run("doe_anova", {"coded": design["coded"], "response": y, "model": "interactions"})
    rows = {r["source"]: r for r in res["table"]}
    effects = run("doe_effects", {"coded": design["coded"], "response": y})
    assert rows["Curvature"]["ss"] == pytest.approx(effects["curvature"]["ss"])


@pytest.mark.parametrize(("args", "field"), [
    ({"coded": CCD_X, "response": CCD_Y, "model": "cubic"}, "model"),
    ({"coded": CCD_X, "response": CCD_Y[:-1]}, "response"),
    ({"coded": [[1, 2], [3]], "response": [1, 2]}, "coded"),
    ({"response": [1, 2]}, "coded"),
    ({"coded": [[1], [1]], "response": [1, 2], "model": "main"}, "coded"),
])
def test_anova_bad_input(args: dict, field: str) -> None:
    with pytest.raises(HavocInputError) as err:
        run("doe_anova", args)
    assert str(err.value).startswith(field) and "\n" not in str(err.value)


# ------------------------------------------------------------------ rsm_fit

def test_rsm_matches_montgomery_example_11_2() -> None:
    res = run("rsm_fit", {"X": CCD_X, "y": CCD_Y})
    c = res["coefficients"]
    assert c["b0"] == pytest.approx(79.94, abs=0.005)
    assert c["b1"] == pytest.approx(0.995, abs=0.001)
    assert c["b2"] == pytest.approx(0.515, abs=0.001)
    assert c["b11"] == pytest.approx(-1.376, abs=0.001)
    assert c["b22"] == pytest.approx(-1.001, abs=0.001)
    assert c["b12"] == pytest.approx(0.250, abs=0.001)
    assert res["stationary_point"] == pytest.approx([0.389, 0.306], abs=0.002)
    assert res["predicted_at_stationary"] == pytest.approx(80.21, abs=0.01)
    assert sorted(res["eigenvalues"]) == pytest.approx([-1.4141, -0.9634], abs=0.001)
    assert res["nature"] == "maximum" and res["inside_design_region"] is True
    assert res["lack_of_fit"]["df"] == 3


def test_rsm_recovers_an_exact_surface_and_its_canonical_form() -> None:
    x = np.asarray(run("doe_design", {"design": "box_behnken", "factors": 3})["coded"])
    b = np.array([1.0, -2.0, 0.5])
    big_b = np.array([[2.0, 0.5, 0.0], [0.5, -1.0, 0.25], [0.0, 0.25, 1.5]])
    y = 10 + x @ b + np.einsum("ni,ij,nj->n", x, big_b, x)
    res = run("rsm_fit", {"X": x.tolist(), "y": y.tolist(),
                          "factors": [{"name": "t", "low": 100, "high": 200}, {"name": "p", "low": 1, "high": 3},
                                      {"name": "c", "low": 0, "high": 1}]})
    c = res["coefficients"]
    assert c["b0"] == pytest.approx(10) and c["b12"] == pytest.approx(1.0) and c["b23"] == pytest.approx(0.5)
    assert c["b13"] == pytest.approx(0, abs=1e-9) and c["b33"] == pytest.approx(1.5)
    xs = -0.5 * np.linalg.solve(big_b, b)
    assert res["stationary_point"] == pytest.approx(xs.tolist())
    assert res["stationary_point_natural"][0] == pytest.approx(150 + 50 * xs[0])
    assert res["eigenvalues"] == pytest.approx(sorted(np.linalg.eigvalsh(big_b)))
    assert res["nature"] == "saddle"
    assert res["predicted_at_stationary"] == pytest.approx(10 + 0.5 * xs @ b)
    # the canonical axes are unit eigenvectors
    for axis in res["canonical"]:
        v = np.asarray(axis["direction"])
        assert big_b @ v == pytest.approx(axis["eigenvalue"] * v)


def test_rsm_minimum() -> None:
    x = np.asarray(run("doe_design", {"design": "ccd", "factors": 2, "center_points": 3})["coded"])
    y = 5 + (x[:, 0] - 0.2) ** 2 + 2 * (x[:, 1] + 0.1) ** 2
    res = run("rsm_fit", {"X": x.tolist(), "y": y.tolist()})
    assert res["nature"] == "minimum"
    assert res["stationary_point"] == pytest.approx([0.2, -0.1])
    assert res["predicted_at_stationary"] == pytest.approx(5.0)


@pytest.mark.parametrize(("args", "field"), [
    ({"X": [[-1, -1], [1, -1], [-1, 1], [1, 1], [0, 0]], "y": [1, 2, 3, 4, 5]}, "X"),
    ({"X": [[-1, -1], [1, -1], [-1, 1], [1, 1], [0, 0], [0, 0], [0, 0]], "y": [1, 2, 3, 4, 5, 6, 7]}, "X"),
    ({"X": CCD_X, "y": CCD_Y[:5]}, "y"),
    ({"X": CCD_X, "y": CCD_Y, "factors": 3}, "factors"),
])
def test_rsm_bad_input(args: dict, field: str) -> None:
    with pytest.raises(HavocInputError) as err:
        run("rsm_fit", args)
    assert str(err.value).startswith(field) and "\n" not in str(err.value)


def test_decimal_text_input_as_the_cli_sends_it() -> None:
    from decimal import Decimal

    res = run("doe_effects", {"factors": 2, "response": [Decimal(str(v)) for v in YIELD]})
    assert res["effects"]["A"] == pytest.approx(25 / 3)
    fit = run("rsm_fit", {"X": [[Decimal(str(v)) for v in row] for row in CCD_X], "y": [Decimal(str(v)) for v in CCD_Y]})
    assert fit["nature"] == "maximum"


def test_anova_accepts_a_design_result() -> None:
    design = run("doe_design", {"design": "full_factorial", "factors": 2, "replicates": 3})
    by_result = run("doe_anova", {"design": design, "response": YIELD})
    by_rows = run("doe_anova", {"coded": design["coded"], "response": YIELD})
    assert by_result["table"] == by_rows["table"]


def test_first_order_model_leaves_curvature_and_interaction_in_the_lack_of_fit() -> None:
    design = run("doe_design", {"design": "full_factorial", "factors": 2, "center_points": 5})
    y = np.array([46.14, 48.17, 45.69, 53.06, 48.81, 49.00, 48.33, 49.14, 48.97])
    res = run("doe_anova", {"coded": design["coded"], "response": y.tolist(), "model": "first_order"})
    rows = {r["source"]: r for r in res["table"]}
    assert "Curvature" not in rows and res["terms"] == ["A", "B"]
    # by hand: pure error from the centre runs; lack of fit = what the first-order fit leaves beyond it
    x = np.asarray(design["coded"], dtype=float)
    X = np.column_stack([np.ones(len(y)), x])
    resid = y - X @ np.linalg.lstsq(X, y, rcond=None)[0]
    centre = y[4:]
    ss_pe = float(((centre - centre.mean()) ** 2).sum())
    ss_lof = float((resid ** 2).sum()) - ss_pe
    f = (ss_lof / 2) / (ss_pe / 4)
    assert rows["Lack of fit"]["df"] == 2 and rows["Pure error"]["df"] == 4
    assert rows["Lack of fit"]["f"] == pytest.approx(f, rel=1e-9)
    assert rows["Lack of fit"]["p"] == pytest.approx(float(stats.f.sf(f, 2, 4)), rel=1e-9)


def test_interactions_without_curvature_leave_the_centre_runs_in_the_lack_of_fit() -> None:
    """A + B + AB on a replicated 2^2 with centre runs: residual df = lack of fit 1 (the curvature) + pure error from
    the corner duplicates and the centre runs together."""
    corners = [[-1, -1], [1, -1], [-1, 1], [1, 1]]
    design = {"coded": corners + corners + [[0, 0]] * 4}
    x = np.asarray(design["coded"], dtype=float)
    y = np.array([52.2, 54.8, 54.6, 57.4, 50.5, 56.4, 53.4, 58.3, 56.5, 55.3, 56.7, 56.7])
    res = run("doe_anova", {"coded": design["coded"], "response": y.tolist(), "model": "interactions",
                            "curvature": False})
    rows = {r["source"]: r for r in res["table"]}
    assert "Curvature" not in rows and res["terms"] == ["A", "B", "AB"]
    X = np.column_stack([np.ones(len(y)), x, x[:, 0] * x[:, 1]])
    resid = y - X @ np.linalg.lstsq(X, y, rcond=None)[0]
    points: dict[tuple, list[float]] = {}
    for row, value in zip(map(tuple, x), y, strict=True):
        points.setdefault(row, []).append(value)
    ss_pe = sum(float(((np.array(v) - np.mean(v)) ** 2).sum()) for v in points.values())
    ss_lof = float((resid ** 2).sum()) - ss_pe
    f = (ss_lof / 1) / (ss_pe / 7)
    assert rows["Lack of fit"]["df"] == 1 and rows["Pure error"]["df"] == 7
    assert rows["Lack of fit"]["f"] == pytest.approx(f, rel=1e-9)
    with_curvature = run("doe_anova", {"coded": design["coded"], "response": y.tolist(), "model": "interactions"})
    assert "Curvature" in {r["source"] for r in with_curvature["table"]}
