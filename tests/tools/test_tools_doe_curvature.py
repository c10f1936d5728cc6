"""doe_curvature against Montgomery's worked examples and an OLS fit with a centre-point indicator.

Sources: D. C. Montgomery, *Design and Analysis of Experiments* (8th ed., Wiley 2013):
- Example 6.6 (section 6.8): a 2^2 with 5 centre points, yields (1) 39.3, a 40.9, b 40.0, ab 41.5 and
  centre 40.3, 40.5, 40.7, 40.2, 40.6: SS_pure quadratic = 0.0027, MS_E (pure error, 4 df) = 0.0430,
  F0 = 0.063: no curvature; in the ANOVA A = 2.4025, B = 0.4225, AB = 0.0025.
- Example 11.2 (section 11.2): the second stage of the steepest-ascent study, corners 76.5, 77.0, 78.0,
  79.5 and centre 79.9, 80.3, 80.0, 79.7, 79.8: SS_pure quadratic = 10.658, MS_E = 0.053, F = 201:
  strong curvature (the region of the optimum).
"""

from __future__ import annotations

import numpy as np
import pytest
import statsmodels.api as sm

from tools.errors import HavocInputError
from tools.registry import run_tool

EX_6_6 = ([39.3, 40.9, 40.0, 41.5], [40.3, 40.5, 40.7, 40.2, 40.6])
EX_11_2 = ([76.5, 77.0, 78.0, 79.5], [79.9, 80.3, 80.0, 79.7, 79.8])


def curvature(**args) -> dict:
    return run_tool("doe_curvature", args)


def test_montgomery_example_6_6_no_curvature() -> None:
    out = curvature(factorial=EX_6_6[0], centre=EX_6_6[1])
    assert out["ss_curvature"] == pytest.approx(0.0027, abs=5e-5)
    assert out["ms_pure_error"] == pytest.approx(0.0430, abs=5e-5) and out["df_pure_error"] == 4
    assert out["f"] == pytest.approx(0.063, abs=5e-4) and out["p"] > 0.8
    assert out["curvature"] is False and out["pure_error_from"] == "the centre points"
    assert out["factorial_mean"] == pytest.approx(40.425) and out["centre_mean"] == pytest.approx(40.46)


def test_montgomery_example_11_2_strong_curvature() -> None:
    out = curvature(factorial=EX_11_2[0], center=EX_11_2[1])
    assert out["ss_curvature"] == pytest.approx(10.658, abs=5e-4)
    assert out["ms_pure_error"] == pytest.approx(0.053, abs=5e-4)
    assert out["f"] == pytest.approx(201.09, abs=0.005) and out["p"] < 1e-3 and out["curvature"] is True
    assert "central composite" in out["conclusion"]


@pytest.mark.parametrize("example", [EX_6_6, EX_11_2])
def test_same_test_as_ols_with_a_centre_indicator(example) -> None:
    """statsmodels: y on A, B, AB and a centre indicator; the indicator's t squared is the curvature F."""
    corners, centre = example
    a = np.array([-1, 1, -1, 1] + [0] * len(centre), dtype=float)
    b = np.array([-1, -1, 1, 1] + [0] * len(centre), dtype=float)
    indicator = (a == 0).astype(float)
    y = np.array(corners + centre)
    fit = sm.OLS(y, sm.add_constant(np.column_stack([a, b, a * b, indicator]))).fit()
    out = curvature(factorial=corners, center=centre)
    assert fit.df_resid == out["df_pure_error"]
    assert fit.tvalues[-1] ** 2 == pytest.approx(out["f"], rel=1e-9)
    assert fit.pvalues[-1] == pytest.approx(out["p"], rel=1e-7)
    assert out["t"] ** 2 == pytest.approx(out["f"], rel=1e-12)
    low, high = fit.conf_int(0.05)[-1]  # the indicator's coefficient is ybar_C - ybar_F
    assert (-high, -low) == (pytest.approx(out["ci_low"]), pytest.approx(out["ci_high"]))


def test_from_a_design_and_agreeing_with_the_anova_curvature_row() -> None:
    design = run_tool("doe_design", {"design": "full_factorial", "factors": 2, "center_points": 5})
    y = EX_6_6[0] + EX_6_6[1]
    out = curvature(design=design, response=y)
    direct = curvature(factorial=EX_6_6[0], center=EX_6_6[1])
    assert out["f"] == pytest.approx(direct["f"]) and out["ss_curvature"] == pytest.approx(direct["ss_curvature"])
    anova = {r["source"]: r for r in run_tool("doe_anova", {"design": design, "response": y})["table"]}
    assert anova["Curvature"]["ss"] == pytest.approx(out["ss_curvature"])
    assert anova["A"]["ss"] == pytest.approx(2.4025) and anova["B"]["ss"] == pytest.approx(0.4225)


def test_replicated_corners_pool_into_pure_error() -> None:
    design = run_tool("doe_design", {"design": "full_factorial", "factors": 2, "replicates": 2, "center_points": 2})
    coded = np.asarray(design["coded"])
    rng = np.random.default_rng(3)
    y = (50 + 2 * coded[:, 0] - 3 * np.all(coded == 0, axis=1) + rng.normal(0, 0.5, len(coded))).round(2)
    out = curvature(coded=design["coded"], response=y.tolist())
    # pure error: 4 corner pairs (4 df) and 2 centre runs in each replicate (3 df)
    assert out["df_pure_error"] == 7 and "replicated factorial" in out["pure_error_from"]
    centre = np.all(coded == 0, axis=1)
    assert out["ss_curvature"] == pytest.approx(
        centre.sum() * (~centre).sum() * (y[~centre].mean() - y[centre].mean()) ** 2 / len(y))


@pytest.mark.parametrize(("args", "field"), [
    ({"factorial": [1, 2, 3, 4]}, "center"),
    ({"center": [1, 2]}, "factorial"),
    ({"factorial": [1, 2, 3, 4], "center": [5]}, "center"),
    ({"factorial": [1], "center": [5, 6]}, "factorial"),
    ({"factorial": [1, 2], "center": [5, 6], "coded": [[1, 1]]}, "factorial"),
    ({"coded": [[-1, -1], [1, -1], [-1, 1], [1, 1]], "response": [1, 2, 3, 4]}, "coded"),
    ({"coded": [[-1, -1], [1, 0.5], [0, 0], [0, 0]], "response": [1, 2, 3, 4]}, "coded"),
    ({"coded": [[-1, -1], [1, 1], [0, 0], [0, 0]], "response": [1, 2, 3]}, "response"),
    ({"factorial": [1, 2, 3, 4], "center": [5, 6], "alpha": 0.7}, "alpha"),
])
def test_bad_input_is_one_line_naming_the_field(args: dict, field: str) -> None:
    with pytest.raises(HavocInputError) as info:
        curvature(**args)
    message = str(info.value)
    assert message.startswith(field) and "\n" not in message, message
