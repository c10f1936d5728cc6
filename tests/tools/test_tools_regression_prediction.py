"""regression `at`: the fitted mean with its confidence interval and a prediction interval at new x.

References: statsmodels `OLS(...).fit().get_prediction(exog).summary_frame(alpha)` (columns mean,
mean_se, mean_ci_lower/upper, obs_ci_lower/upper); the straight-line formulas
y0 +/- t s sqrt(1/n + (x0 - xbar)^2 / Sxx) for the mean and sqrt(1 + 1/n + ...) for a new observation;
and the published oxygen-purity example of Montgomery & Runger, *Applied Statistics and Probability for
Engineers* (ch. 11, Table 11-1 data; at x0 = 1.00% hydrocarbon: 95% CI on the mean 88.48 to 89.98, 95%
prediction interval 86.83 to 91.63).
"""

from __future__ import annotations

import numpy as np
import pytest
import statsmodels.api as sm
from scipy import stats

from tools.errors import HavocInputError
from tools.registry import run_tool

X = [1, 2, 3, 4, 5, 6, 7, 8]
Y = [1.2, 4.1, 9.3, 15.8, 25.2, 36.1, 48.8, 64.3]


def frame(y, exog, new, alpha=0.05):
    return sm.OLS(np.asarray(y, float), exog).fit().get_prediction(new).summary_frame(alpha=alpha)


def assert_matches(predictions: list[dict], expected) -> None:
    for p, (_, row) in zip(predictions, expected.iterrows(), strict=True):
        assert p["fit"] == pytest.approx(row["mean"], rel=1e-9)
        assert p["se_fit"] == pytest.approx(row["mean_se"], rel=1e-8)
        assert (p["ci_low"], p["ci_high"]) == (pytest.approx(row["mean_ci_lower"], rel=1e-8, abs=1e-10),
                                               pytest.approx(row["mean_ci_upper"], rel=1e-8, abs=1e-10))
        assert (p["pi_low"], p["pi_high"]) == (pytest.approx(row["obs_ci_lower"], rel=1e-8, abs=1e-10),
                                               pytest.approx(row["obs_ci_upper"], rel=1e-8, abs=1e-10))


# Montgomery & Runger Table 11-1: hydrocarbon level (%) and oxygen purity (%)
HYDROCARBON = [0.99, 1.02, 1.15, 1.29, 1.46, 1.36, 0.87, 1.23, 1.55, 1.40, 1.19, 1.15, 0.98, 1.01, 1.11, 1.20,
               1.26, 1.32, 1.43, 0.95]
PURITY = [90.01, 89.05, 91.43, 93.74, 96.73, 94.45, 87.59, 91.77, 99.42, 93.65, 93.54, 92.52, 90.56, 89.54, 89.85,
          90.39, 93.25, 93.41, 94.98, 87.33]


def test_oxygen_purity_intervals_as_published() -> None:
    (p,) = run_tool("regression", {"x": HYDROCARBON, "y": PURITY, "at": [1.0]})["predictions"]
    assert p["fit"] == pytest.approx(89.23, abs=0.005)
    # the book prints 89.23 -/+ 0.75 = [88.48, 89.98] (the half-width rounded first)
    assert p["ci_low"] == pytest.approx(88.48, abs=0.01) and p["ci_high"] == pytest.approx(89.98, abs=0.005)
    assert p["pi_low"] == pytest.approx(86.83, abs=0.005) and p["pi_high"] == pytest.approx(91.63, abs=0.005)
    assert_matches([p], frame(PURITY, sm.add_constant(np.array(HYDROCARBON)),
                              sm.add_constant(np.array([1.0]), has_constant="add")))


def test_straight_line_matches_statsmodels_and_the_textbook_formula() -> None:
    at = [2.5, 4.5, 9.0]
    out = run_tool("regression", {"x": X, "y": Y, "at": at})
    new = sm.add_constant(np.array(at), has_constant="add")
    assert_matches(out["predictions"], frame(Y, sm.add_constant(np.array(X, float)), new))
    x, n = np.array(X, float), len(X)
    s, t = out["residual_sd"], stats.t.ppf(0.975, n - 2)
    sxx = ((x - x.mean()) ** 2).sum()
    for p, x0 in zip(out["predictions"], at, strict=True):
        half = t * s * np.sqrt(1 / n + (x0 - x.mean()) ** 2 / sxx)
        assert p["ci_high"] - p["fit"] == pytest.approx(half, rel=1e-9)
        assert p["pi_high"] - p["fit"] == pytest.approx(t * s * np.sqrt(1 + 1 / n + (x0 - x.mean()) ** 2 / sxx),
                                                         rel=1e-9)
    assert [p["extrapolation"] for p in out["predictions"]] == [False, False, True]
    assert any("extrapolation" in w for w in out["warnings"])


def test_quadratic_at_90_percent_matches_statsmodels() -> None:
    at = [0.5, 3.3, 8.0]
    out = run_tool("regression", {"x": X, "y": Y, "degree": 2, "at": at, "confidence": 0.9})
    x = np.array(X, float)
    exog = np.column_stack([np.ones_like(x), x, x ** 2])
    new = np.column_stack([np.ones(3), np.array(at), np.array(at) ** 2])
    assert_matches(out["predictions"], frame(Y, exog, new, alpha=0.1))


def test_multiple_regression_rows_match_statsmodels() -> None:
    rng = np.random.default_rng(11)
    rows = rng.uniform(0, 10, (15, 2)).round(2)
    y = (3 + 1.5 * rows[:, 0] - 0.7 * rows[:, 1] + rng.normal(0, 1, 15)).round(3)
    at = [[5.0, 5.0], [1.0, 9.5]]
    out = run_tool("regression", {"X": rows.tolist(), "y": y.tolist(), "at": at})
    assert_matches(out["predictions"], frame(y, sm.add_constant(rows), sm.add_constant(np.array(at),
                                                                                         has_constant="add")))
    assert out["predictions"][0]["at"] == [5.0, 5.0]


def test_through_the_origin_matches_statsmodels() -> None:
    out = run_tool("regression", {"x": X, "y": Y, "intercept": False, "at": [4, 10]})
    assert_matches(out["predictions"], frame(Y, np.array(X, float).reshape(-1, 1), np.array([[4.0], [10.0]])))


def test_prediction_interval_contains_the_confidence_interval_and_widens_away_from_the_mean() -> None:
    out = run_tool("regression", {"x": X, "y": Y, "at": [4.5, 6.5, 8.5]})
    widths = [p["ci_high"] - p["ci_low"] for p in out["predictions"]]
    assert widths[0] < widths[1] < widths[2]  # 4.5 is x-bar
    for p in out["predictions"]:
        assert p["pi_low"] < p["ci_low"] < p["fit"] < p["ci_high"] < p["pi_high"]


@pytest.mark.parametrize(("args", "field"), [
    ({"x": X, "y": Y, "at": []}, "at"),
    ({"x": X, "y": Y, "at": ["a"]}, "at[0]"),
    ({"x": X, "y": Y, "at": [float("nan")]}, "at[0]"),
    ({"X": [[1, 2], [2, 1], [3, 5], [4, 3], [5, 8]], "y": [1, 2, 3, 4, 5], "at": [[1, 2, 3]]}, "at[0]"),
])
def test_bad_points_are_one_line_naming_the_field(args: dict, field: str) -> None:
    with pytest.raises(HavocInputError) as info:
        run_tool("regression", args)
    assert str(info.value).startswith(field) and "\n" not in str(info.value)
