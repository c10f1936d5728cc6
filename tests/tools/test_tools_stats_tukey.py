"""The vectorised studentised range against scipy's adaptive quadrature, and Tukey-Kramer against scipy."""

from __future__ import annotations

import math

import numpy as np
import pytest
from scipy import stats as sps
from scipy.stats import studentized_range

from tools.stats_tukey import ptukey, qtukey, tukey_kramer


@pytest.mark.parametrize("k", [2, 4, 9])
@pytest.mark.parametrize("df", [1, 3, 46, 2000, math.inf])
def test_cdf_matches_scipy(k: int, df: float) -> None:
    q = np.array([0.4, 1.5, 3.0, 4.5, 7.0, 12.0])
    assert ptukey(q, k, df) == pytest.approx(studentized_range.cdf(q, k, df), abs=1e-9)


def test_closed_form_for_two_means_and_two_df() -> None:
    assert ptukey(1.0, 2, 2)[0] == pytest.approx(1 / math.sqrt(5), abs=1e-11)


def test_quantile_inverts_the_cdf() -> None:
    q = qtukey(0.95, 5, 30)
    assert q == pytest.approx(studentized_range.ppf(0.95, 5, 30), rel=1e-9)
    assert ptukey(q, 5, 30)[0] == pytest.approx(0.95, abs=1e-12)


def test_large_df_stays_accurate() -> None:
    """df in the millions (one-way ANOVA on 10^6 observations) tends to the infinite-df law."""
    assert qtukey(0.95, 9, 1e6) == pytest.approx(studentized_range.ppf(0.95, 9, math.inf), rel=1e-5)


def test_tukey_kramer_matches_scipy_on_unequal_groups() -> None:
    rng = np.random.default_rng(8)
    groups = [rng.normal(m, 1.0, n) for m, n in ((0.0, 5), (0.8, 9), (1.9, 7))]
    k = len(groups)
    n = sum(g.size for g in groups)
    mse = sum(((g - g.mean()) ** 2).sum() for g in groups) / (n - k)
    rows = tukey_kramer([g.mean() for g in groups], [g.size for g in groups], mse, n - k, 0.95)
    ref = sps.tukey_hsd(*groups)
    ci = ref.confidence_interval(0.95)
    for i, j, diff, lo, hi, p in rows:
        assert diff == pytest.approx(ref.statistic[i, j], rel=1e-12)
        assert p == pytest.approx(ref.pvalue[i, j], rel=1e-6, abs=1e-10)
        assert (lo, hi) == pytest.approx((ci.low[i, j], ci.high[i, j]), rel=1e-8)
