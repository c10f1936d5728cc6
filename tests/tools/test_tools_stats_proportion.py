"""proportion_test against R's documented examples, Newcombe's published tables, scipy and statsmodels."""

from __future__ import annotations

import math

import pytest
from scipy import stats
from statsmodels.stats.proportion import confint_proportions_2indep, proportion_confint, proportions_ztest

from tools.errors import HavocInputError
from tools.registry import run_tool


def test_binom_test_mendel_peas_r_documented() -> None:
    """R ?binom.test: binom.test(682, 682 + 243, p = 3/4) -> p-value = 0.3825, 95% CI 0.7076683 0.7654066."""
    out = run_tool("proportion_test", {"x": 682, "n": 925, "p0": 0.75})
    assert out["method"] == "exact" and out["statistic"] == 682
    assert out["p_value"] == pytest.approx(0.3825, abs=5e-5)
    assert out["ci"] == pytest.approx([0.7076683, 0.7654066], abs=5e-8)
    assert out["estimate"] == pytest.approx(0.7372973, abs=5e-8)


@pytest.mark.parametrize("x, n, p0, alternative", [(3, 20, 0.4, "two-sided"), (17, 20, 0.4, "two-sided"),
                                                   (0, 10, 0.3, "two-sided"), (12, 40, 0.5, "less"),
                                                   (31, 40, 0.6, "greater"), (500, 100000, 0.0049, "two-sided")])
def test_exact_binomial_matches_scipy_binomtest(x: int, n: int, p0: float, alternative: str) -> None:
    """scipy.stats.binomtest follows R's binom.test (same two-sided rule, same Clopper-Pearson interval)."""
    out = run_tool("proportion_test", {"x": x, "n": n, "p0": p0, "alternative": alternative})
    ref = stats.binomtest(x, n, p0, alternative=alternative)
    assert out["p_value"] == pytest.approx(ref.pvalue, rel=1e-9, abs=1e-300)
    ci = ref.proportion_ci(confidence_level=0.95, method="exact")
    assert out["ci"] == pytest.approx([ci.low, ci.high], rel=1e-9, abs=1e-12)


def test_single_proportion_intervals_newcombe_1998_table() -> None:
    """Newcombe RG (1998), Two-sided confidence intervals for the single proportion, Stat Med 17:857-872,
    Table I, 81/263: Wilson 0.2553-0.3662, Clopper-Pearson 0.2527-0.3676 (statsmodels agrees to 1e-12)."""
    out = run_tool("proportion_test", {"x": 81, "n": 263, "method": "score"})
    assert out["ci_method"].startswith("Wilson") and out["ci"] == pytest.approx([0.2553, 0.3662], abs=5e-5)
    assert out["intervals"]["clopper_pearson"] == pytest.approx([0.2527, 0.3676], abs=5e-5)
    assert out["intervals"]["wilson"] == pytest.approx(proportion_confint(81, 263, method="wilson"), rel=1e-12)
    assert out["intervals"]["clopper_pearson"] == pytest.approx(proportion_confint(81, 263, method="beta"), rel=1e-9)


def test_score_test_is_the_one_sample_z_and_r_prop_test_with_correction() -> None:
    """Score z = (x - n p0)/sqrt(n p0 (1 - p0)) (statsmodels proportions_ztest with prop_var=p0); with Yates it
    is R's prop.test(30, 80, p = 0.25): X-squared = (|30 - 20| - 0.5)^2 / 15 = 6.0167."""
    out = run_tool("proportion_test", {"x": 30, "n": 80, "p0": 0.25, "method": "score"})
    z, p = proportions_ztest(30, 80, value=0.25, prop_var=0.25)
    assert out["z"] == pytest.approx(z, rel=1e-12) and out["p_value"] == pytest.approx(p, rel=1e-10)
    corrected = run_tool("proportion_test", {"x": 30, "n": 80, "p0": 0.25, "method": "score", "correct": True})
    assert corrected["chi_square"] == pytest.approx(9.5 ** 2 / 15, rel=1e-12)
    assert corrected["p_value"] == pytest.approx(stats.chi2.sf(9.5 ** 2 / 15, 1), rel=1e-10)


def test_two_proportions_newcombe_1998_example_and_z_test() -> None:
    """Newcombe RG (1998), Interval estimation for the difference between independent proportions, Stat Med
    17:873-890, Table II example (a) 56/70 - 48/80: method 10 (score) 0.0524 to 0.3339, Wald 0.0575 to 0.3425.
    The z test is statsmodels proportions_ztest (pooled) and R's prop.test(correct = FALSE)."""
    out = run_tool("proportion_test", {"x": [56, 48], "n": [70, 80]})
    assert out["method"] == "z" and out["difference"] == pytest.approx(0.2)
    assert out["ci"] == pytest.approx([0.0524, 0.3339], abs=5e-5)
    assert out["intervals"]["wald"] == pytest.approx([0.0575, 0.3425], abs=5e-5)
    low, high = confint_proportions_2indep(56, 70, 48, 80, method="newcomb")
    assert out["ci"] == pytest.approx([low, high], rel=1e-12)
    z, p = proportions_ztest([56, 48], [70, 80])
    assert out["z"] == pytest.approx(z, rel=1e-12) and out["p_value"] == pytest.approx(p, rel=1e-10)


def test_two_proportions_with_yates_is_the_corrected_chi_square() -> None:
    """R's prop.test default (correct = TRUE) equals chisq.test with Yates on the 2 x 2 table (scipy's too)."""
    out = run_tool("proportion_test", {"x": [15, 25], "n": [50, 50], "correct": True})
    chi, p, _, _ = stats.chi2_contingency([[15, 35], [25, 25]], correction=True)
    assert out["chi_square"] == pytest.approx(chi, rel=1e-12) and out["p_value"] == pytest.approx(p, rel=1e-10)


def test_fisher_tea_tasting_and_convictions_r_documented() -> None:
    """R ?fisher.test: TeaTasting p = 0.4857, odds ratio 6.408309, CI 0.2117329 621.9337505 (R finds the roots
    with uniroot's tolerance 1.2e-4 on 1/OR, so its upper bound is good to about 1%; scipy's exact root is
    626.24); alternative greater p = 0.2429. Convictions, alternative less: p = 0.0004652, OR 0.04693661,
    CI 0 to 0.2849601."""
    tea = run_tool("proportion_test", {"x": [3, 1], "n": [4, 4], "method": "fisher"})
    assert tea["p_value"] == pytest.approx(0.4857, abs=5e-5)
    assert tea["odds_ratio"] == pytest.approx(6.408309, rel=1e-5)
    assert tea["odds_ratio_ci"][0] == pytest.approx(0.2117329, rel=1e-4)
    assert tea["odds_ratio_ci"][1] == pytest.approx(621.9337505, rel=0.01)
    ref = stats.contingency.odds_ratio([[3, 1], [1, 3]]).confidence_interval()
    assert tea["odds_ratio_ci"] == pytest.approx([ref.low, ref.high], rel=1e-8)
    greater = run_tool("proportion_test", {"x": [3, 1], "n": [4, 4], "method": "fisher", "alternative": "greater"})
    assert greater["p_value"] == pytest.approx(0.2429, abs=5e-5)
    conv = run_tool("proportion_test", {"x": [2, 10], "n": [17, 13], "method": "fisher", "alternative": "less"})
    assert conv["p_value"] == pytest.approx(0.0004652, abs=5e-8)
    assert conv["odds_ratio"] == pytest.approx(0.04693661, rel=1e-5)
    assert conv["odds_ratio_ci"] == pytest.approx([0.0, 0.2849601], abs=1e-6)


def test_auto_chooses_fisher_for_small_expected_counts_and_says_so() -> None:
    out = run_tool("proportion_test", {"x": [1, 6], "n": [12, 11]})
    assert out["method"] == "fisher" and out["min_expected"] < 5 and "Fisher" in out["notes"][0]
    assert out["p_value"] == pytest.approx(stats.fisher_exact([[1, 11], [6, 5]]).pvalue, rel=1e-12)
    assert out["odds_ratio"] == 0 or math.isfinite(out["odds_ratio"])


@pytest.mark.parametrize("args, field", [
    ({"x": [12], "n": [10]}, "x[0]"),
    ({"x": [1, 2], "n": [10]}, "n"),
    ({"x": [1, 2, 3], "n": [5, 5, 5]}, "x"),
    ({"x": 2.5, "n": 10}, "x"),
    ({"x": 2, "n": 10, "method": "fisher"}, "method"),
    ({"x": [2, 3], "n": [10, 10], "method": "exact"}, "method"),
    ({"x": [2, 3], "n": [10, 10], "p0": 0.3}, "p0"),
    ({"x": 2, "n": 10, "p0": 1.5}, "p0"),
    ({"x": 2, "n": 0}, "n[0]"),
])
def test_bad_input_is_one_line_naming_the_field(args: dict, field: str) -> None:
    with pytest.raises(HavocInputError) as info:
        run_tool("proportion_test", args)
    assert str(info.value).startswith(f"{field}:") or f"{field}:" in str(info.value), str(info.value)
    assert "\n" not in str(info.value)


def test_a_one_sided_test_also_gives_the_two_sided_interval() -> None:
    # R: binom.test(7, 60, 0.05, alternative = "greater")$conf.int = [0.05605, 1];
    #    binom.test(7, 60)$conf.int = [0.04821, 0.22572]
    out = run_tool("proportion_test", {"x": [7], "n": [60], "p0": 0.05, "method": "exact", "alternative": "greater"})
    assert [round(v, 5) for v in out["ci"]] == [0.05605, 1.0]
    assert [round(v, 5) for v in out["intervals"]["clopper_pearson_two_sided"]] == [0.04821, 0.22572]
    assert "clopper_pearson_two_sided" not in run_tool("proportion_test", {"x": [7], "n": [60], "p0": 0.05})["intervals"]
