"""power against R's documented power.t.test / power.prop.test examples, Cohen's tables, G*Power and
statsmodels.stats.power."""

from __future__ import annotations

import pytest
from statsmodels.stats.power import FTestAnovaPower, NormalIndPower, TTestIndPower, TTestPower
from statsmodels.stats.proportion import proportion_effectsize

from tools.errors import HavocInputError
from tools.registry import run_tool


def test_r_power_t_test_documented_examples() -> None:
    """R ?power.t.test: power.t.test(n = 20, delta = 1) -> power = 0.8689528; power.t.test(power = .90, delta = 1)
    -> n = 22.02110; with alternative = "one.sided" -> n = 17.84713. (R leaves out the far tail, strict = FALSE;
    counting it, as G*Power and statsmodels do, moves these by under 2e-5.)"""
    assert run_tool("power", {"test": "two_sample_t", "delta": 1, "sd": 1, "n": 20})["power"] == pytest.approx(
        0.8689528, abs=1e-6)
    two = run_tool("power", {"test": "two_sample_t", "delta": 1, "sd": 1, "power": 0.9})
    assert two["n_exact"] == pytest.approx(22.02110, abs=5e-5) and two["n_per_group"] == [23, 23]
    assert two["power"] >= 0.9 and two["solved_for"] == "n"
    one = run_tool("power", {"test": "two_sample_t", "delta": 1, "sd": 1, "power": 0.9, "alternative": "greater"})
    assert one["n_exact"] == pytest.approx(17.84713, abs=5e-5)


def test_r_power_prop_test_documented_examples() -> None:
    """R ?power.prop.test: power.prop.test(n = 50, p1 = .50, p2 = .75) -> power = 0.7401659;
    power.prop.test(p1 = .50, p2 = .75, power = .90) -> n = 76.7 (printed rounded)."""
    assert run_tool("power", {"test": "two_proportions", "p1": 0.5, "p2": 0.75, "n": 50})["power"] == pytest.approx(
        0.7401659, abs=5e-8)
    out = run_tool("power", {"test": "two_proportions", "p1": 0.5, "p2": 0.75, "power": 0.9})
    assert out["n_exact"] == pytest.approx(76.7, abs=0.05) and out["n_per_group"] == [77, 77]


def test_cohen_and_g_power_tables() -> None:
    """Cohen (1988) Table 2.4.1: d = 0.5, two-tailed α = .05, power .80 -> n = 64 per group (G*Power: 64, actual
    power 0.8015). G*Power, one-sample t, d = 0.5, power .80 -> n = 34 (actual 0.8078). G*Power one-way ANOVA,
    f = 0.25, k = 3, power .80 -> total N = 159 (actual 0.8049)."""
    two = run_tool("power", {"test": "two_sample_t", "effect_size": 0.5, "power": 0.8})
    assert two["n_per_group"] == [64, 64] and two["power"] == pytest.approx(0.8015, abs=5e-5)
    one = run_tool("power", {"test": "one_sample_t", "effect_size": 0.5, "power": 0.8})
    assert one["n_per_group"] == [34] and one["power"] == pytest.approx(0.8078, abs=5e-5)
    anova = run_tool("power", {"test": "anova", "effect_size": 0.25, "groups": 3, "power": 0.8})
    assert anova["n_total"] == 159 and anova["n_per_group"] == [53, 53, 53]
    assert anova["power"] == pytest.approx(0.8049, abs=5e-5)


@pytest.mark.parametrize("d, n, ratio, alternative", [(0.5, 30, 1, "two-sided"), (0.3, 50, 2, "two-sided"),
                                                      (0.8, 12, 1, "greater"), (-0.4, 40, 0.5, "less")])
def test_t_tests_match_statsmodels(d: float, n: int, ratio: float, alternative: str) -> None:
    sm_alt = {"two-sided": "two-sided", "greater": "larger", "less": "smaller"}[alternative]
    out = run_tool("power", {"test": "two_sample_t", "effect_size": d, "n": n, "ratio": ratio,
                             "alternative": alternative})
    assert out["power"] == pytest.approx(TTestIndPower().power(d, n, 0.05, ratio=ratio, alternative=sm_alt), rel=1e-9)
    paired = run_tool("power", {"test": "paired_t", "effect_size": d, "n": n, "alternative": alternative})
    assert paired["power"] == pytest.approx(TTestPower().power(d, n, 0.05, alternative=sm_alt), rel=1e-9)
    solved = run_tool("power", {"test": "paired_t", "effect_size": d, "power": 0.85, "alternative": alternative,
                                "alpha": 0.01})
    assert solved["n_exact"] == pytest.approx(TTestPower().solve_power(d, power=0.85, alpha=0.01,
                                                                       alternative=sm_alt), rel=1e-6)


def test_anova_and_arcsine_proportions_match_statsmodels() -> None:
    out = run_tool("power", {"test": "anova", "effect_size": 0.4, "groups": 4, "n": 10})
    assert out["power"] == pytest.approx(FTestAnovaPower().power(0.4, 40, 0.05, k_groups=4), rel=1e-9)
    h = proportion_effectsize(0.65, 0.5)
    arcsine = run_tool("power", {"test": "two_proportions", "p1": 0.65, "p2": 0.5, "method": "arcsine",
                                 "power": 0.8})
    assert arcsine["effect_size"] == pytest.approx(h, rel=1e-12)
    assert arcsine["n_exact"] == pytest.approx(NormalIndPower().solve_power(h, power=0.8, alpha=0.05), rel=1e-6)


@pytest.mark.parametrize("args, field", [
    ({"test": "two_sample_t", "effect_size": 0.5}, "n"),
    ({"test": "two_sample_t", "effect_size": 0.5, "n": 10, "power": 0.8}, "power"),
    ({"test": "two_sample_t", "n": 10}, "delta"),
    ({"test": "two_sample_t", "delta": 1, "n": 10}, "sd"),
    ({"test": "anova", "effect_size": 0.25, "power": 0.8}, "groups"),
    ({"test": "two_proportions", "p1": 0.5, "power": 0.8}, "p2"),
    ({"test": "two_proportions", "p1": 0.5, "p2": 0.5, "power": 0.8}, "p2"),
    ({"test": "one_sample_t", "effect_size": 0.5, "power": 0.01}, "power"),
    ({"test": "one_sample_t", "effect_size": 0.5, "n": 10, "ratio": 2}, "ratio"),
    ({"test": "two_sample_t", "effect_size": 0.5, "power": 0.8, "alternative": "less"}, "power"),
    ({"test": "two_sample_t", "effect_size": 0.5, "n": 1}, "n"),
])
def test_bad_input_is_one_line_naming_the_field(args: dict, field: str) -> None:
    with pytest.raises(HavocInputError) as info:
        run_tool("power", args)
    assert str(info.value).startswith(f"{field}:") and "\n" not in str(info.value), str(info.value)


def test_anova_effect_from_hypothesised_means_matches_statsmodels() -> None:
    """Cohen's f from group means and a common SD: the means' SD about their mean (divisor k) over the SD
    (Cohen 1988, §8.2.1); the power and sample size as statsmodels' FTestAnovaPower gives them for that f."""
    means, sd = [20.0, 22.0, 21.0, 24.0], 3.0
    grand = sum(means) / 4
    f = (sum((m - grand) ** 2 for m in means) / 4) ** 0.5 / sd
    out = run_tool("power", {"test": "anova", "means": means, "sd": sd, "n": 10})
    assert out["groups"] == 4 and out["effect_size"] == pytest.approx(f, rel=1e-12)
    assert out["power"] == pytest.approx(FTestAnovaPower().power(effect_size=f, nobs=40, alpha=0.05, k_groups=4),
                                         rel=1e-6)
    sized = run_tool("power", {"test": "anova", "means": [5.1, 5.4, 5.9], "sd": 0.6, "power": 0.9})
    f3 = (sum((m - 5.4666666666666667) ** 2 for m in (5.1, 5.4, 5.9)) / 3) ** 0.5 / 0.6
    n = sized["n_per_group"][0]
    assert FTestAnovaPower().power(effect_size=f3, nobs=3 * n, alpha=0.05, k_groups=3) >= 0.9
    assert FTestAnovaPower().power(effect_size=f3, nobs=3 * (n - 1), alpha=0.05, k_groups=3) < 0.9


@pytest.mark.parametrize(("args", "field"), [
    ({"test": "anova", "means": [20, 20, 20], "sd": 3, "n": 5}, "means"),  # no difference to detect
    ({"test": "anova", "means": [20, 22], "sd": 3, "n": 5, "groups": 3}, "groups"),  # a mean per group
    ({"test": "anova", "means": [20, 22, 25], "n": 5}, "sd"),  # the means alone give no effect size
    ({"test": "anova", "means": [20, 22, 25], "sd": 3, "effect_size": 0.4, "n": 5}, "means"),  # the effect twice
    ({"test": "two_sample_t", "means": [20, 22], "sd": 3, "n": 5}, "means"),  # group means are for anova
])
def test_anova_means_are_checked(args: dict, field: str) -> None:
    with pytest.raises(HavocInputError) as err:
        run_tool("power", args)
    assert err.value.field == field


def test_a_cost_per_unit_totals_every_unit_of_every_group() -> None:
    out = run_tool("power", {"test": "two_sample_t", "delta": 2, "sd": 3.5, "power": 0.9, "cost_per_unit": 40})
    assert out["n_per_group"] == [66, 66] and out["total_cost"] == pytest.approx(132 * 40)
    assert run_tool("power", {"test": "paired_t", "effect_size": 0.5, "n": 20})["total_cost"] is None
    with pytest.raises(HavocInputError) as err:
        run_tool("power", {"test": "one_sample_t", "effect_size": 0.5, "n": 20, "cost_per_unit": 0})
    assert str(err.value).startswith("cost_per_unit") and "\n" not in str(err.value)
