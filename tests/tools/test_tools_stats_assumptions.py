"""Normality, Levene, Kruskal-Wallis and chi-square against scipy / statsmodels."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import stats as sps
from statsmodels.stats.diagnostic import normal_ad

from tools.registry import run_tool

rng = np.random.default_rng(17)
NORMAL = rng.normal(50, 4, 60)
SKEWED = rng.exponential(2.0, 60)
GROUPS = [rng.normal(0, s, n) + 100 for s, n in ((1.0, 12), (2.5, 15), (1.2, 9))]


def test_shapiro_wilk_matches_scipy() -> None:
    for data in (NORMAL, SKEWED):
        r = run_tool("normality", {"data": data.tolist()})
        ref = sps.shapiro(data)
        assert r["statistic"] == pytest.approx(ref.statistic, rel=1e-7)
        assert r["p_value"] == pytest.approx(ref.pvalue, rel=1e-6)
    assert run_tool("normality", {"data": SKEWED.tolist()})["normal"] is False


def test_anderson_darling_matches_scipy_and_statsmodels() -> None:
    for data in (NORMAL, SKEWED):
        r = run_tool("normality", {"data": data.tolist(), "method": "anderson_darling"})
        assert r["statistic"] == pytest.approx(sps.anderson(data, method="interpolate").statistic, rel=1e-10)
        a2, p = normal_ad(data)
        assert r["statistic"] == pytest.approx(a2, rel=1e-10)
        assert r["p_value"] == pytest.approx(p, rel=1e-8)
        assert r["adjusted_statistic"] == pytest.approx(a2 * (1 + 0.75 / 60 + 2.25 / 3600), rel=1e-12)
    skewed = run_tool("normality", {"data": SKEWED.tolist(), "method": "anderson_darling", "alpha": 0.01})
    assert skewed["normal"] is False and skewed["adjusted_statistic"] > skewed["critical_values"]["0.01"]


@pytest.mark.parametrize("center", ["median", "mean"])
def test_levene_matches_scipy(center: str) -> None:
    r = run_tool("levene", {"groups": [g.tolist() for g in GROUPS], "center": center})
    ref = sps.levene(*GROUPS, center=center)
    assert r["statistic"] == pytest.approx(ref.statistic, rel=1e-9)
    assert r["p_value"] == pytest.approx(ref.pvalue, rel=1e-8)
    assert r["df"] == [2, 33]


def test_kruskal_wallis_matches_scipy() -> None:
    r = run_tool("kruskal_wallis", {"groups": [g.tolist() for g in GROUPS]})
    ref = sps.kruskal(*GROUPS)
    assert r["statistic"] == pytest.approx(ref.statistic, rel=1e-12)
    assert r["p_value"] == pytest.approx(ref.pvalue, rel=1e-10)
    assert r["df"] == 2 and r["n"] == 36
    assert sum(m * g.size for m, g in zip(r["mean_ranks"], GROUPS, strict=True)) == pytest.approx(36 * 37 / 2)


def test_kruskal_wallis_handles_ties() -> None:
    groups = [[1, 2, 2, 3], [2, 3, 3, 4, 5], [5, 5, 6]]
    r = run_tool("kruskal_wallis", {"groups": groups})
    assert r["statistic"] == pytest.approx(sps.kruskal(*groups).statistic, rel=1e-12)


@pytest.mark.parametrize("correction", [False, True])
def test_chi_square_independence(correction: bool) -> None:
    table = [[12, 5], [7, 15]]
    r = run_tool("chi_square", {"table": table, "correction": correction})
    stat, p, dof, exp = sps.chi2_contingency(np.array(table), correction=correction)
    assert r["statistic"] == pytest.approx(stat, rel=1e-12) and r["p_value"] == pytest.approx(p, rel=1e-10)
    assert r["df"] == 1 and r["correction_applied"] is correction
    assert np.allclose(r["expected"], exp, rtol=1e-12)
    assert r["warnings"] == []


def test_chi_square_goodness_of_fit() -> None:
    obs = [18, 22, 30, 30]
    r = run_tool("chi_square", {"observed": obs, "probabilities": [0.25, 0.25, 0.25, 0.25]})
    ref = sps.chisquare(obs)
    assert r["statistic"] == pytest.approx(ref.statistic, rel=1e-12) and r["df"] == 3
    assert r["p_value"] == pytest.approx(ref.pvalue, rel=1e-10)
    r2 = run_tool("chi_square", {"observed": obs, "expected": [20, 20, 30, 30], "estimated_parameters": 1})
    ref2 = sps.chisquare(obs, [20, 20, 30, 30], ddof=1)
    assert r2["statistic"] == pytest.approx(ref2.statistic, rel=1e-12) and r2["df"] == 2
    assert r2["p_value"] == pytest.approx(ref2.pvalue, rel=1e-10)
    assert run_tool("chi_square", {"observed": obs})["statistic"] == pytest.approx(ref.statistic)


def test_small_expected_counts_warn() -> None:
    r = run_tool("chi_square", {"table": [[3, 1], [2, 6]]})
    assert r["cells_below_5"] == 4
    assert any("below 5" in w for w in r["warnings"]) and any("Fisher" in w for w in r["warnings"])


def test_levene_with_equal_deviations_in_every_group_is_one_clean_error() -> None:
    # each group's deviations from its mean are all equal: the statistic is 0/0; the user gets one line, and
    # no RuntimeWarning from SciPy on the way (the tool runs in a worker, so look at what the CLI prints)
    import os
    import subprocess
    import sys

    env = {**os.environ, "OMP_NUM_THREADS": "1"}
    done = subprocess.run([sys.executable, "-m", "havoc_agent.cli", "tool", "run", "levene", "--args",
                           '{"groups": [[1, 3], [5, 9]], "center": "mean"}'], capture_output=True, text=True,
                          env=env, timeout=120)
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [
        "error: groups: the absolute deviations are all zero within groups: the test statistic is undefined"]
