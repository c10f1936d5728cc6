"""`t_test` against scipy: every kind, every alternative, intervals and effect sizes."""

from __future__ import annotations

import math
import statistics

import numpy as np
import pytest
from scipy import stats as sps

from tools.registry import run_tool

rng = np.random.default_rng(11)
X = rng.normal(10.0, 2.0, 23)
Y = rng.normal(11.0, 3.5, 17)
PAIRED_Y = X + rng.normal(0.4, 1.0, X.size)


@pytest.mark.parametrize("alternative", ["two-sided", "less", "greater"])
def test_one_sample(alternative: str) -> None:
    r = run_tool("t_test", {"kind": "one_sample", "x": X.tolist(), "mu": 9.5, "alternative": alternative})
    ref = sps.ttest_1samp(X, 9.5, alternative=alternative)
    ci = ref.confidence_interval(0.95)
    assert r["t"] == pytest.approx(ref.statistic, rel=1e-12)
    assert r["df"] == 22
    assert r["p_value"] == pytest.approx(ref.pvalue, rel=1e-10)
    assert [float(r["ci_low"]), float(r["ci_high"])] == pytest.approx([ci.low, ci.high], rel=1e-12)
    assert r["mean_difference"] == pytest.approx(X.mean() - 9.5, rel=1e-12)
    assert r["cohens_d"] == pytest.approx((X.mean() - 9.5) / X.std(ddof=1), rel=1e-12)


@pytest.mark.parametrize("alternative", ["two-sided", "less", "greater"])
def test_paired(alternative: str) -> None:
    r = run_tool("t_test", {"kind": "paired", "x": X.tolist(), "y": PAIRED_Y.tolist(), "alternative": alternative})
    ref = sps.ttest_rel(X, PAIRED_Y, alternative=alternative)
    ci = ref.confidence_interval(0.95)
    assert r["t"] == pytest.approx(ref.statistic, rel=1e-12)
    assert r["p_value"] == pytest.approx(ref.pvalue, rel=1e-10)
    assert [float(r["ci_low"]), float(r["ci_high"])] == pytest.approx([ci.low, ci.high], rel=1e-12)
    assert r["mean_difference"] == pytest.approx((X - PAIRED_Y).mean(), rel=1e-12)
    assert r["sd_difference"] == pytest.approx((X - PAIRED_Y).std(ddof=1), rel=1e-12)


@pytest.mark.parametrize("kind", ["pooled", "welch"])
@pytest.mark.parametrize("alternative", ["two-sided", "less", "greater"])
def test_two_samples(kind: str, alternative: str) -> None:
    r = run_tool("t_test", {"kind": kind, "x": X.tolist(), "y": Y.tolist(), "alternative": alternative,
                            "confidence": 0.9})
    ref = sps.ttest_ind(X, Y, equal_var=kind == "pooled", alternative=alternative)
    ci = ref.confidence_interval(0.9)
    assert r["t"] == pytest.approx(ref.statistic, rel=1e-12)
    assert r["df"] == pytest.approx(ref.df, rel=1e-12)
    assert r["p_value"] == pytest.approx(ref.pvalue, rel=1e-10)
    lo, hi = float(r["ci_low"]), float(r["ci_high"])  # one-sided ends arrive as "-Infinity" / "Infinity"
    assert (lo == ci.low if math.isinf(ci.low) else lo == pytest.approx(ci.low, rel=1e-12))
    assert (hi == ci.high if math.isinf(ci.high) else hi == pytest.approx(ci.high, rel=1e-12))
    assert r["mean_difference"] == pytest.approx(X.mean() - Y.mean(), rel=1e-12)


def test_effect_sizes_for_pooled_samples() -> None:
    r = run_tool("t_test", {"kind": "pooled", "x": X.tolist(), "y": Y.tolist()})
    sp = math.sqrt(((X.size - 1) * X.var(ddof=1) + (Y.size - 1) * Y.var(ddof=1)) / (X.size + Y.size - 2))
    d = (X.mean() - Y.mean()) / sp
    assert r["cohens_d"] == pytest.approx(d, rel=1e-12)
    assert r["hedges_g"] == pytest.approx(d * (1 - 3 / (4 * (X.size + Y.size - 2) - 1)), rel=1e-12)


def test_default_kind_follows_r() -> None:
    assert run_tool("t_test", {"x": X.tolist()})["kind"] == "one_sample"
    assert run_tool("t_test", {"x": X.tolist(), "y": Y.tolist()})["kind"] == "welch"


def test_nonzero_mu_for_two_samples_shifts_the_statistic_not_the_interval() -> None:
    a = run_tool("t_test", {"kind": "welch", "x": X.tolist(), "y": Y.tolist(), "mu": -1.0})
    b = run_tool("t_test", {"kind": "welch", "x": X.tolist(), "y": Y.tolist()})
    assert a["ci"] == pytest.approx(b["ci"], rel=1e-14)
    assert a["t"] == pytest.approx((X.mean() - Y.mean() + 1.0) / b["se"], rel=1e-12)


def test_one_sided_interval_has_an_infinite_end_in_strict_json() -> None:
    r = run_tool("t_test", {"x": X.tolist(), "alternative": "greater"})
    assert r["ci_high"] == "Infinity" and isinstance(r["ci_low"], float)


def test_alternative_aliases() -> None:
    r = run_tool("t_test", {"x": X.tolist(), "alternative": "two.sided"})
    assert r["alternative"] == "two-sided"


def test_pooled_t_reports_the_pooled_sd() -> None:
    x = [43.9, 45.8, 43.8, 43.6, 44.5, 46.7, 45.0, 44.3]
    y = [45.6, 45.2, 48.0, 46.0, 46.7, 48.7, 48.2, 47.0, 45.3, 44.5]
    out = run_tool("t_test", {"kind": "pooled", "x": x, "y": y})
    sx2, sy2 = statistics.variance(x), statistics.variance(y)
    assert out["pooled_sd"] == pytest.approx(math.sqrt((7 * sx2 + 9 * sy2) / 16), rel=1e-12)
    assert run_tool("t_test", {"kind": "welch", "x": x, "y": y})["pooled_sd"] is None
