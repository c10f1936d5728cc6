"""The sign test against scipy's binomial test, hand-counted signs, the order-statistic interval for the median
(Conover's table: n = 14 at 95 % uses the 3rd and 12th values) and its errors."""

from __future__ import annotations

import math

import numpy as np
import pytest
from scipy import stats

from tools.errors import HavocInputError
from tools.registry import run_tool
from tools.stats_sign import binomial_half_cdf

A = [7.2, 6.8, 8.1, 7.5, 6.9, 7.7, 8.3, 7.0, 7.4, 6.6, 7.9, 7.1, 8.0, 6.7]
B = [6.5, 6.9, 7.4, 7.1, 6.2, 7.8, 7.6, 6.4, 7.3, 6.1, 7.2, 6.6, 8.2, 6.3]


def test_paired_signs_and_the_exact_p_match_scipy() -> None:
    out = run_tool("sign_test", {"x": A, "y": B})
    assert (out["positives"], out["negatives"], out["zeros_dropped"]) == (11, 3, 0)
    assert out["p_value"] == pytest.approx(stats.binomtest(11, 14, 0.5).pvalue, rel=1e-12)
    assert out["p_value"] == pytest.approx(0.057373046875, rel=1e-12)  # 2·(1 + 14 + 91 + 364)/2^14


@pytest.mark.parametrize("alternative", ["greater", "less"])
def test_one_sided_tails(alternative: str) -> None:
    out = run_tool("sign_test", {"x": A, "y": B, "alternative": alternative})
    assert out["p_value"] == pytest.approx(stats.binomtest(11, 14, 0.5, alternative=alternative).pvalue, rel=1e-12)


def test_values_equal_to_the_median_are_dropped_and_counted() -> None:
    out = run_tool("sign_test", {"x": [3, 4, 4, 5, 6, 7, 8, 9, 4], "mu": 4})
    assert (out["positives"], out["negatives"], out["zeros_dropped"], out["n_used"]) == (5, 1, 3, 6)
    assert out["p_value"] == pytest.approx(stats.binomtest(5, 6).pvalue)


def test_decimal_differences_tie_as_written() -> None:
    # 8.2 − 7.6 and 7.7 − 7.1 are both 0.6 as written: with mu 0.6 both are zeros, not a + and a −
    out = run_tool("sign_test", {"x": [8.2, 7.7, 9.0], "y": [7.6, 7.1, 7.0], "mu": 0.6})
    assert (out["positives"], out["negatives"], out["zeros_dropped"]) == (1, 0, 2)


def test_the_normal_approximation_with_continuity_correction() -> None:
    out = run_tool("sign_test", {"x": A, "y": B, "method": "normal"})
    z = (11 - 7 - 0.5) / math.sqrt(14 / 4)
    assert out["z"] == pytest.approx(z) and out["p_value"] == pytest.approx(2 * stats.norm.sf(z))
    assert not out["exact"]


def test_the_median_interval_uses_order_statistics() -> None:
    d = np.subtract(A, B)
    out = run_tool("sign_test", {"x": A, "y": B})
    s = np.sort(d)
    assert (out["ci_low"], out["ci_high"]) == pytest.approx((s[2], s[11]))
    assert out["achieved_confidence"] == pytest.approx(1 - 2 * stats.binom.cdf(2, 14, 0.5))
    assert out["median"] == pytest.approx(float(np.median(d)))


def test_binomial_tail_sums_are_exact_for_large_n() -> None:
    assert binomial_half_cdf(600, 1200) == pytest.approx(stats.binom.cdf(600, 1200, 0.5), rel=1e-10)
    assert binomial_half_cdf(-1, 5) == 0.0 and binomial_half_cdf(5, 5) == 1.0


def test_bad_input_is_one_line() -> None:
    with pytest.raises(HavocInputError, match="same length"):
        run_tool("sign_test", {"x": [1, 2, 3], "y": [1, 2]})
    with pytest.raises(HavocInputError, match="no \\+ or − sign"):
        run_tool("sign_test", {"x": [2, 2, 2], "mu": 2})
