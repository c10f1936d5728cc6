"""summary_t_test and summary_capability against R's documented t.test example, scipy, Montgomery's worked example
and the data-based capability tool."""

from __future__ import annotations

import math

import numpy as np
import pytest
from scipy import stats

from tools.errors import HavocInputError
from tools.registry import run_tool

# R's `sleep` data (Student 1908), the example of ?t.test
SLEEP_1 = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0]
SLEEP_2 = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4]


def _figures(x: list[float], suffix: str = "") -> dict:
    return {f"mean{suffix}": float(np.mean(x)), f"sd{suffix}": float(np.std(x, ddof=1)), f"n{suffix}": len(x)}


def test_welch_and_pooled_from_summary_figures_match_r_t_test_on_sleep() -> None:
    """R ?t.test: t.test(extra ~ group, data = sleep): t = -1.8608, df = 17.776, p-value = 0.07939, 95% CI
    -3.3654832 0.2054832; with var.equal = TRUE: df = 18, p-value = 0.07919, CI -3.363874 0.203874."""
    args = {**_figures(SLEEP_1), **_figures(SLEEP_2, "2")}
    welch = run_tool("summary_t_test", {"kind": "welch", **args})
    assert welch["t"] == pytest.approx(-1.8608, abs=5e-5) and welch["df"] == pytest.approx(17.776, abs=5e-4)
    assert welch["p_value"] == pytest.approx(0.07939, abs=5e-6)
    assert welch["ci"] == pytest.approx([-3.3654832, 0.2054832], abs=5e-8)
    pooled = run_tool("summary_t_test", {"kind": "pooled", **args})
    assert pooled["df"] == 18 and pooled["p_value"] == pytest.approx(0.07919, abs=5e-6)
    assert pooled["ci"] == pytest.approx([-3.363874, 0.203874], abs=5e-7)


@pytest.mark.parametrize("kind", ["welch", "pooled"])
@pytest.mark.parametrize("alternative", ["two-sided", "less", "greater"])
def test_two_sample_matches_scipy_ttest_ind_from_stats(kind: str, alternative: str) -> None:
    args = {"mean": 10.4, "sd": 1.2, "n": 12, "mean2": 9.6, "sd2": 2.1, "n2": 15, "mu": 0.0}
    out = run_tool("summary_t_test", {"kind": kind, "alternative": alternative, **args})
    ref = stats.ttest_ind_from_stats(10.4, 1.2, 12, 9.6, 2.1, 15, equal_var=kind == "pooled", alternative=alternative)
    assert out["t"] == pytest.approx(ref.statistic, rel=1e-12) and out["p_value"] == pytest.approx(ref.pvalue, rel=1e-10)


def test_one_sample_and_paired_equal_the_data_based_t_test() -> None:
    """From the figures of the data, the one-sample test is the t_test tool's (hand formula t = (x̄ − μ)/(s/√n))."""
    x = [10.2, 9.8, 10.1, 10.4, 9.9, 10.3, 10.0, 10.6]
    out = run_tool("summary_t_test", {"kind": "one_sample", **_figures(x), "mu": 10, "confidence": 0.9})
    ref = run_tool("t_test", {"kind": "one_sample", "x": x, "mu": 10, "confidence": 0.9})
    assert out["t"] == pytest.approx(ref["t"], rel=1e-10) and out["p_value"] == pytest.approx(ref["p_value"], rel=1e-9)
    assert out["ci"] == pytest.approx([ref["ci_low"], ref["ci_high"]], rel=1e-10)
    d = np.subtract(SLEEP_2, SLEEP_1)  # R ?t.test paired sleep example: t = 4.0621, df = 9, p-value = 0.002833
    paired = run_tool("summary_t_test", {"kind": "paired", **_figures(list(d))})
    assert paired["t"] == pytest.approx(4.0621, abs=5e-5) and paired["p_value"] == pytest.approx(0.002833, abs=5e-7)


def test_montgomery_hard_bake_capability() -> None:
    """Montgomery, Introduction to Statistical Quality Control, the hard-bake flow-width example (x̄ and R charts,
    then its capability): USL 2.00, LSL 1.00, σ̂ = R̄/d2 = 0.1398, Cp = 1/(6 × 0.1398) = 1.192; with x̄̄ = 1.5056
    the hand formula gives Cpk = Cpu = (2 − 1.5056)/(3 × 0.1398) = 1.179."""
    out = run_tool("summary_capability", {"mean": 1.5056, "sd": 0.1398, "sigma": "within", "lsl": 1, "usl": 2})
    assert out["cp"] == pytest.approx(1.192, abs=5e-4) and out["cpk"] == pytest.approx(1.18, abs=5e-3)
    assert out["cpk"] == out["cp_u"] and out["pp"] is None and "within" in out["sigma_used"]
    assert out["cpk"] == pytest.approx(out["cp"] * (1 - out["k"]), rel=1e-12)  # Cpk = Cp (1 − k)


def test_overall_sigma_gives_pp_ppk_equal_to_the_data_based_tool() -> None:
    data = [20.1, 19.9, 20.2, 20.0, 20.3, 19.8, 20.1, 20.0, 20.2, 19.9, 20.1, 20.0]
    ref = run_tool("capability", {"data": data, "lsl": 19.5, "usl": 20.6})
    out = run_tool("summary_capability", {"mean": float(np.mean(data)), "sd": float(np.std(data, ddof=1)),
                                          "lsl": 19.5, "usl": 20.6, "target": 20.0})
    assert out["ppk"] == pytest.approx(ref["ppk"], rel=1e-9) and out["pp"] == pytest.approx(ref["pp"], rel=1e-9)
    assert out["cp"] is None and "Pp/Ppk" in out["notes"][1]
    sd = float(np.std(data, ddof=1))
    cpm = 1.1 / (6 * math.sqrt(sd ** 2 + (np.mean(data) - 20.0) ** 2))
    assert out["cpm"] == pytest.approx(cpm, rel=1e-12)
    below = stats.norm.cdf((19.5 - np.mean(data)) / sd) * 1e6
    assert out["ppm_expected"]["below_lsl"] == pytest.approx(below, rel=1e-9)


def test_both_sigmas_and_one_sided_specification() -> None:
    out = run_tool("summary_capability", {"mean": 50, "sd": 2, "sd_within": 1.5, "usl": 56})
    assert out["ppk"] == pytest.approx(1.0) and out["cpk"] == pytest.approx(6 / 4.5) and out["cp"] is None


@pytest.mark.parametrize("tool, args, field", [
    ("summary_t_test", {"kind": "welch", "mean": 1, "sd": 1, "n": 10, "mean2": 2, "sd2": 1}, "n2"),
    ("summary_t_test", {"kind": "one_sample", "mean": 1, "sd": 0, "n": 10}, "sd"),
    ("summary_t_test", {"kind": "one_sample", "mean": 1, "sd": 1, "n": 1}, "n"),
    ("summary_t_test", {"kind": "one_sample", "mean": 1, "sd": 1, "n": 5.5}, "n"),
    ("summary_t_test", {"kind": "one_sample", "mean": 1, "sd": 1, "n": 5, "mean2": 3}, "mean2"),
    ("summary_capability", {"mean": 1, "sd": 1}, "lsl"),
    ("summary_capability", {"mean": 1, "sd": 1, "lsl": 3, "usl": 2}, "lsl"),
    ("summary_capability", {"mean": 1, "sd": -1, "lsl": 0}, "sd"),
    ("summary_capability", {"mean": 1, "sd": 1, "lsl": 0, "sigma": "sometimes"}, "sigma"),
])
def test_bad_input_is_one_line_naming_the_field(tool: str, args: dict, field: str) -> None:
    with pytest.raises(HavocInputError) as info:
        run_tool(tool, args)
    assert str(info.value).startswith(f"{field}") and "\n" not in str(info.value), str(info.value)
