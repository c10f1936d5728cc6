"""The sample size for a given precision against textbook worked examples (Montgomery & Runger, Applied Statistics
and Probability for Engineers, §8.2.2 and §8.4.2; Cochran, Sampling Techniques, §4.4). The worked values are written
out here from the books' arithmetic, not recomputed by the tool's formulas."""

from __future__ import annotations

import math

import pytest
from scipy import stats

from tools.errors import HavocInputError
from tools.registry import run_tool


def test_a_mean_to_within_half_a_joule() -> None:
    # Montgomery & Runger, Example 8.2 (Charpy impact energy): σ = 1 J, E = 0.5 J, 95 %: n = (1.96 · 1 / 0.5)² =
    # 15.37, so n = 16
    out = run_tool("sample_size_ci", {"target": "mean", "sd": 1, "margin": 0.5})
    assert out["n"] == 16
    assert math.isclose(out["n_unrounded"], 15.3658, rel_tol=1e-4)
    assert out["margin_at_n"] <= 0.5


def test_a_proportion_with_and_without_a_prior_estimate() -> None:
    # Montgomery & Runger, Example 8.8 (crankshaft bearings): p̂ = 0.12, E = 0.05, 95 %: n = (1.96 / 0.05)² · 0.12 ·
    # 0.88 = 162.2, so 163; without an estimate p = 0.5 gives (1.96 / 0.05)² · 0.25 = 384.2, so 385
    out = run_tool("sample_size_ci", {"target": "proportion", "p": 0.12, "margin": 0.05})
    assert out["n"] == 163 and not out["p_assumed"]
    out = run_tool("sample_size_ci", {"target": "proportion", "margin": 0.05})
    assert out["n"] == 385 and out["p_assumed"] and out["p"] == 0.5
    assert any("p = 0.5" in n for n in out["notes"])


def test_a_finite_population_shrinks_the_sample() -> None:
    # Cochran's correction: n₀ = 384.15 for ± 5 % at 95 %; from N = 2000, n₀ / (1 + (n₀ − 1) / N) = 322.39, so 323
    out = run_tool("sample_size_ci", {"target": "proportion", "margin": 0.05, "population": 2000})
    assert out["n_infinite_population"] == 385 and out["n"] == 323
    assert math.isclose(out["n_corrected_unrounded"], 322.39, rel_tol=1e-4)


def test_the_t_method_steps_n_until_the_t_interval_is_narrow_enough() -> None:
    # σ = 15, E = 5: the z formula gives 34.6 → 35, but with t(34) the half-width at 35 is 5.15; the smallest n
    # with t(n − 1) · 15 / √n ≤ 5 is 38 (t(37) = 2.0262: 4.93; at 37, t(36) = 2.0281: 5.0003)
    out = run_tool("sample_size_ci", {"target": "mean", "sd": 15, "margin": 5, "method": "t"})
    assert out["n"] == 38
    assert stats.t.ppf(0.975, 36) * 15 / math.sqrt(37) > 5 >= stats.t.ppf(0.975, 37) * 15 / math.sqrt(38)
    assert run_tool("sample_size_ci", {"target": "mean", "sd": 15, "margin": 5})["n"] == 35


def test_a_width_is_twice_the_margin_and_the_confidence_level_counts() -> None:
    # a 99 % interval 1 wide with σ = 2.5: E = 0.5, n = (2.5758 · 2.5 / 0.5)² = 165.9, so 166
    out = run_tool("sample_size_ci", {"target": "mean", "sd": 2.5, "width": 1, "confidence": 0.99})
    assert out["margin"] == 0.5 and out["n"] == 166


def test_the_table_z_is_mentioned_when_it_changes_the_answer() -> None:
    # σ = 6, E = 0.91, 95 %: the exact z = 1.959964 gives 166.9998 → 167; the table's z = 1.96 gives 167.006 → 168
    out = run_tool("sample_size_ci", {"target": "mean", "sd": 6, "margin": 0.91})
    assert out["n"] == 167 and any("z = 1.96" in n and "168" in n for n in out["notes"])


@pytest.mark.parametrize("args, message", [
    ({"target": "mean", "sd": 2}, "margin of error"),
    ({"target": "mean", "sd": 2, "margin": 1, "width": 2}, "not both"),
    ({"target": "mean", "margin": 1}, "standard deviation"),
    ({"target": "mean", "sd": 2, "margin": -1}, "above 0"),
    ({"target": "proportion", "margin": 5}, "below 1"),
    ({"target": "proportion", "margin": 0.05, "p": 1.2}, "between 0 and 1"),
    ({"target": "proportion", "margin": 0.05, "sd": 3}, "takes p"),
    ({"target": "mean", "sd": 2, "margin": 1, "confidence": 95}, "between 0 and 1"),
    ({"target": "mean", "sd": 2, "margin": 1, "population": 1.5}, "whole number"),
    ({"target": "mean", "sd": "nan", "margin": 1}, "sd"),
])
def test_bad_input_is_one_clear_line(args: dict, message: str) -> None:
    with pytest.raises(HavocInputError, match=message):
        run_tool("sample_size_ci", args)


def test_a_cost_per_unit_gives_the_total_cost_of_the_n_units() -> None:
    out = run_tool("sample_size_ci", {"target": "mean", "margin": 0.6, "sd": 2.5, "cost_per_unit": 18})
    assert out["n"] == 67 and out["total_cost"] == pytest.approx(67 * 18)
    assert run_tool("sample_size_ci", {"target": "mean", "margin": 0.6, "sd": 2.5})["total_cost"] is None
    with pytest.raises(HavocInputError) as err:
        run_tool("sample_size_ci", {"target": "mean", "margin": 0.6, "sd": 2.5, "cost_per_unit": -5})
    assert str(err.value).startswith("cost_per_unit") and "\n" not in str(err.value)
