"""Mann-Whitney and Wilcoxon signed-rank against R's published `wilcox.test` examples and scipy.

Published values: R's documentation of `wilcox.test` (package stats, ?wilcox.test, "Examples"):
- Hollander & Wolfe (1973), p. 29, depression scale x (first visit) and y (second visit), paired,
  alternative "greater": V = 40, p-value = 0.01953; the large-sample approximation without continuity
  correction on y - x, alternative "less": p-value = 0.01908.
- Hollander & Wolfe (1973), p. 69, permeability constants x (at term) and y (12-26 weeks), alternative
  "greater": W = 35, p-value = 0.1272; exact = FALSE, correct = FALSE: p-value = 0.1103.
- airquality Ozone, May vs August (NA removed): W = 127.5, p-value = 0.0001208 (ties: normal approximation
  with continuity correction).
"""

from __future__ import annotations

import numpy as np
import pytest
from scipy import stats as sps

from tools.errors import HavocInputError
from tools.registry import run_tool

HW_X = [1.83, 0.50, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.30]
HW_Y = [0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29]
PERM_X = [0.80, 0.83, 1.89, 1.04, 1.45, 1.38, 1.91, 1.64, 0.73, 1.46]
PERM_Y = [1.15, 0.88, 0.90, 0.74, 1.21]
OZONE_MAY = [41, 36, 12, 18, 28, 23, 19, 8, 7, 16, 11, 14, 18, 14, 34, 6, 30, 11, 1, 11, 4, 32, 23, 45, 115, 37]
OZONE_AUG = [39, 9, 16, 78, 35, 66, 122, 89, 110, 44, 28, 65, 22, 59, 23, 31, 44, 21, 9, 45, 168, 73, 76, 118, 84,
             85]


def test_signed_rank_paired_matches_r_documentation() -> None:
    r = run_tool("wilcoxon_signed_rank", {"x": HW_X, "y": HW_Y, "alternative": "greater"})
    assert r["statistic"] == 40 and r["statistic_name"] == "V" and r["exact"] is True
    assert r["p_value"] == pytest.approx(0.01953, abs=5e-6)
    approx = run_tool("wilcoxon_signed_rank", {"x": [b - a for a, b in zip(HW_X, HW_Y, strict=True)],
                                               "alternative": "less", "method": "normal", "correct": False})
    assert approx["p_value"] == pytest.approx(0.01908, abs=5e-6) and approx["exact"] is False


def test_mann_whitney_matches_r_documentation() -> None:
    r = run_tool("mann_whitney", {"x": PERM_X, "y": PERM_Y, "alternative": "greater"})
    assert r["statistic"] == 35 and r["statistic_name"] == "W" and r["exact"] is True
    assert r["p_value"] == pytest.approx(0.1272, abs=5e-5)
    approx = run_tool("mann_whitney", {"x": PERM_X, "y": PERM_Y, "alternative": "greater", "method": "normal",
                                       "correct": False})
    assert approx["p_value"] == pytest.approx(0.1103, abs=5e-5)


def test_mann_whitney_with_ties_uses_corrected_normal_approximation() -> None:
    r = run_tool("mann_whitney", {"x": OZONE_MAY, "y": OZONE_AUG})
    assert r["statistic"] == 127.5 and r["ties"] is True and r["exact"] is False
    assert r["p_value"] == pytest.approx(0.0001208, abs=5e-8)
    assert "continuity" in r["method"] and r["notes"]
    with pytest.raises(HavocInputError, match="method"):
        run_tool("mann_whitney", {"x": OZONE_MAY, "y": OZONE_AUG, "method": "exact"})


@pytest.mark.parametrize("alternative", ["two-sided", "less", "greater"])
def test_exact_p_values_match_scipy(alternative: str) -> None:
    rng = np.random.default_rng(3)
    for m, n in ((3, 4), (8, 11), (12, 6)):
        x, y = rng.normal(size=m), rng.normal(size=n) + 0.4
        mw = run_tool("mann_whitney", {"x": x.tolist(), "y": y.tolist(), "alternative": alternative})
        assert mw["p_value"] == pytest.approx(sps.mannwhitneyu(x, y, alternative=alternative, method="exact").pvalue,
                                              rel=1e-10)
        d = rng.normal(0.3, 1, m + n)
        sr = run_tool("wilcoxon_signed_rank", {"x": d.tolist(), "alternative": alternative})
        assert sr["p_value"] == pytest.approx(sps.wilcoxon(d, alternative=alternative, method="exact").pvalue,
                                              rel=1e-10)


def test_normal_approximation_matches_scipy_with_ties() -> None:
    x = [3, 5, 5, 6, 7, 7, 7, 9, 10, 12]
    y = [1, 2, 2, 3, 5, 6, 6, 8]
    r = run_tool("mann_whitney", {"x": x, "y": y})
    ref = sps.mannwhitneyu(x, y, method="asymptotic", use_continuity=True)
    assert r["statistic"] == ref.statistic and r["p_value"] == pytest.approx(ref.pvalue, rel=1e-10)
    d = [1.5, -0.5, 2.0, 2.0, 3.0, 0.0, 1.0, -1.0, 2.5, 4.0]
    s = run_tool("wilcoxon_signed_rank", {"x": d})
    ref = sps.wilcoxon(d, zero_method="wilcox", correction=True, method="asymptotic")
    assert s["p_value"] == pytest.approx(ref.pvalue, rel=1e-10)
    assert s["zeros_dropped"] == 1 and s["n_used"] == 9 and "dropped" in s["notes"][0]


def test_hodges_lehmann_interval_is_the_inverted_exact_test() -> None:
    """Independent route: a shift is inside the exact 95% interval iff the two-sided test at that shift keeps H0."""
    r = run_tool("mann_whitney", {"x": PERM_X, "y": PERM_Y, "confidence": 0.95})
    diffs = np.subtract.outer(PERM_X, PERM_Y).ravel()
    assert r["estimate"] == pytest.approx(np.median(diffs))
    achieved_alpha = 1 - r["achieved_confidence"]
    for shift in np.linspace(-1.2, 1.2, 241):
        if np.any(np.isclose(diffs, shift)):
            continue
        p = sps.mannwhitneyu(np.asarray(PERM_X) - shift, PERM_Y, method="exact").pvalue
        assert (r["ci_low"] < shift < r["ci_high"]) == (p > achieved_alpha + 1e-12), shift
    one = run_tool("wilcoxon_signed_rank", {"x": HW_X, "y": HW_Y})
    d = np.subtract(HW_X, HW_Y)
    for shift in np.linspace(-0.5, 1.2, 171):
        walsh = (np.add.outer(d, d)[np.triu_indices(9)]) / 2
        if np.any(np.isclose(walsh, shift)):
            continue
        p = sps.wilcoxon(d - shift, method="exact").pvalue
        assert (one["ci_low"] < shift < one["ci_high"]) == (p > 1 - one["achieved_confidence"] + 1e-12), shift


def test_bad_input_names_the_field() -> None:
    with pytest.raises(HavocInputError, match="y"):
        run_tool("wilcoxon_signed_rank", {"x": [1, 2, 3], "y": [1, 2]})
    with pytest.raises(HavocInputError, match="x"):
        run_tool("wilcoxon_signed_rank", {"x": [2, 2, 2], "mu": 2})
    with pytest.raises(HavocInputError, match="alternative"):
        run_tool("mann_whitney", {"x": [1, 2], "y": [3, 4], "alternative": "bigger"})
    with pytest.raises(HavocInputError, match="x"):
        run_tool("mann_whitney", {"x": [1, 1], "y": [1, 1]})


def test_ties_are_read_from_the_decimal_text_not_binary_differences() -> None:
    """8.2 − 7.6 and 7.7 − 7.1 are both 0.6 as written; in binary they differ, which would wrongly allow the exact
    distribution. As decimal text they tie, so the tie-corrected normal approximation is used (checked with scipy on
    the differences rounded back to tenths)."""
    before = [8.2, 7.9, 8.8, 9.1, 8.5, 7.7, 8.9, 8.4]
    after = [7.6, 7.8, 8.1, 8.3, 8.4, 7.1, 8.0, 7.5]
    r = run_tool("wilcoxon_signed_rank", {"x": before, "y": after})
    d = np.round(np.subtract(before, after), 9)
    assert r["ties"] is True and r["exact"] is False
    assert r["p_value"] == pytest.approx(sps.wilcoxon(d, method="asymptotic", correction=True).pvalue, rel=1e-10)
    shifted = run_tool("mann_whitney", {"x": [1.3, 2.4, 3.5], "y": [1.2, 2.0, 2.3, 3.4], "mu": 0.1})
    assert shifted["ties"] is True  # 1.3 − 0.1 = 1.2 and 3.5 − 0.1 = 3.4 exactly
