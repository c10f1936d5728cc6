"""The correlation tool: Pearson against NIST's certified Norris fit, Spearman and Kendall against hand counts.

The references are independent of the tool: NIST StRD's certified R² and F of the Norris line (for a straight
line r = ±√R² and t² = F), ranks and pairs counted here in plain Python, and scipy for the p-values.
"""

from __future__ import annotations

import json
import math
from decimal import Decimal
from itertools import combinations
from pathlib import Path

import pytest
from scipy import stats

from graphs.audit_checks import AUDITORS
from tools.errors import HavocInputError
from tools.numeric import log_relative_error
from tools.registry import run_tool

# Wikipedia's worked example of Spearman's rho (IQ against hours of television a week): no ties,
# sum of squared rank differences 194, rho = 1 - 6*194/(10*99) = -29/165, p = 0.627188 by the t approximation
IQ = [106, 100, 86, 101, 99, 103, 97, 113, 112, 110]
TV = [7, 27, 2, 50, 28, 29, 20, 12, 6, 17]
# ties in both series
TIED_X = [1, 2, 2, 3, 4, 4, 4, 5, 6, 7, 7, 8]
TIED_Y = [2, 1, 3, 3, 5, 4, 6, 6, 5, 8, 9, 9]


def _norris(reference_dir: Path) -> dict:
    return json.loads((reference_dir / "strd_lls_Norris.json").read_text(), parse_float=Decimal)


def _average_ranks(values: list[float]) -> list[float]:
    """Rank 1 for the smallest; tied values share the mean of the positions they occupy."""
    ordered = sorted(values)
    return [sum(i + 1 for i, v in enumerate(ordered) if v == x) / ordered.count(x) for x in values]


def _pearson(x: list[float], y: list[float]) -> float:
    mx, my = sum(x) / len(x), sum(y) / len(y)
    sxy = sum((a - mx) * (b - my) for a, b in zip(x, y, strict=True))
    return sxy / math.sqrt(sum((a - mx) ** 2 for a in x) * sum((b - my) ** 2 for b in y))


def _tau_b(x: list[float], y: list[float]) -> float:
    """Kendall's tau-b by counting pairs: (C - D) / sqrt((pairs - x ties)(pairs - y ties))."""
    concordant = discordant = x_ties = y_ties = 0
    for i, j in combinations(range(len(x)), 2):
        dx, dy = x[i] - x[j], y[i] - y[j]
        x_ties += dx == 0
        y_ties += dy == 0
        if dx * dy > 0:
            concordant += 1
        elif dx * dy < 0:
            discordant += 1
    pairs = len(x) * (len(x) - 1) // 2
    return (concordant - discordant) / math.sqrt((pairs - x_ties) * (pairs - y_ties))


def test_pearson_meets_nists_certified_norris_line(reference_dir: Path) -> None:
    case = _norris(reference_dir)
    x, y = case["input"]["x"], case["input"]["y"]
    certified = case["expected"]
    slope = float(certified["coefficients"][1])
    r_certified = math.copysign(math.sqrt(float(certified["r_squared"])), slope)
    out = run_tool("correlation", {"x": x, "y": y})
    digits = case["tolerance"]["min_digits"]
    assert log_relative_error(out["coefficient"], r_certified) >= digits
    assert log_relative_error(out["r_squared"], float(certified["r_squared"])) >= digits
    # a straight line's t for the slope is the t of r: t² = F
    assert log_relative_error(out["statistic"], math.sqrt(float(certified["f_statistic"]))) >= digits - 1
    assert out["df"] == certified["residual_df"] == 34
    assert out["r"] == out["coefficient"] and out["coefficient_name"] == "r" and out["rho"] is None


def test_pearson_keeps_its_digits_when_the_data_share_twelve_leading_ones(reference_dir: Path) -> None:
    case = _norris(reference_dir)
    big = Decimal(10) ** 12
    x = [v + big for v in case["input"]["x"]]
    y = [v + big for v in case["input"]["y"]]
    r_certified = math.sqrt(float(case["expected"]["r_squared"]))
    assert log_relative_error(run_tool("correlation", {"x": x, "y": y})["coefficient"], r_certified) >= 9


@pytest.mark.parametrize("alternative", ["two-sided", "greater", "less"])
def test_pearson_p_value_and_fisher_interval(alternative: str) -> None:
    out = run_tool("correlation", {"x": IQ, "y": TV, "alternative": alternative, "confidence": 0.9})
    r, n = _pearson(IQ, TV), len(IQ)
    ref = stats.pearsonr(IQ, TV, alternative=alternative)  # exact beta distribution of r: the same test
    assert out["coefficient"] == pytest.approx(r, rel=1e-13)
    assert out["p_value"] == pytest.approx(ref.pvalue, rel=1e-9)
    assert out["statistic"] == pytest.approx(r * math.sqrt((n - 2) / (1 - r * r)), rel=1e-12)
    z, se = math.atanh(r), 1 / math.sqrt(n - 3)
    if alternative == "two-sided":
        q = stats.norm.ppf(0.95)
        want = [math.tanh(z - q * se), math.tanh(z + q * se)]
    elif alternative == "greater":
        want = [math.tanh(z - stats.norm.ppf(0.9) * se), 1.0]
    else:
        want = [-1.0, math.tanh(z + stats.norm.ppf(0.9) * se)]
    assert out["ci"] == pytest.approx(want, rel=1e-12)
    assert out["ci_method"] == "Fisher's z"


def test_spearman_is_wikipedias_worked_example() -> None:
    out = run_tool("correlation", {"x": IQ, "y": TV, "method": "spearman"})
    d2 = sum((a - b) ** 2 for a, b in zip(_average_ranks(IQ), _average_ranks(TV), strict=True))
    assert d2 == 194
    assert out["coefficient"] == pytest.approx(-29 / 165, rel=1e-14)
    assert out["rho"] == out["coefficient"] and out["coefficient_name"] == "rho"
    assert out["p_value"] == pytest.approx(0.627188, abs=5e-7)
    assert out["df"] == 8 and out["statistic_name"] == "t"
    assert out["r_squared"] is None


def test_spearman_with_ties_is_pearson_of_average_ranks_and_matches_scipy() -> None:
    out = run_tool("correlation", {"x": TIED_X, "y": TIED_Y, "method": "spearman", "alternative": "greater"})
    rho = _pearson(_average_ranks(TIED_X), _average_ranks(TIED_Y))
    assert out["coefficient"] == pytest.approx(rho, rel=1e-13)
    ref = stats.spearmanr(TIED_X, TIED_Y, alternative="greater")
    assert out["coefficient"] == pytest.approx(ref.statistic, rel=1e-13)
    assert out["p_value"] == pytest.approx(ref.pvalue, rel=1e-9)
    n = len(TIED_X)
    se = math.sqrt(1.06 / (n - 3))  # Bonett-Wright
    assert out["ci"] == pytest.approx([math.tanh(math.atanh(rho) - stats.norm.ppf(0.95) * se), 1.0], rel=1e-12)
    assert "Bonett" in out["ci_method"]
    assert any("ties in x" in note for note in out["notes"]) and any("ties in y" in note for note in out["notes"])


@pytest.mark.parametrize(("x", "y"), [(IQ, TV), (TIED_X, TIED_Y)], ids=["no ties", "ties"])
@pytest.mark.parametrize("alternative", ["two-sided", "greater", "less"])
def test_kendall_tau_b_by_counting_pairs_and_scipys_p(x: list, y: list, alternative: str) -> None:
    out = run_tool("correlation", {"x": x, "y": y, "method": "kendall", "alternative": alternative})
    assert out["coefficient"] == pytest.approx(_tau_b(x, y), rel=1e-13)
    assert out["tau_b"] == out["coefficient"] and out["coefficient_name"] == "tau_b"
    ref = stats.kendalltau(x, y, alternative=alternative)
    assert out["p_value"] == pytest.approx(ref.pvalue, rel=1e-9)
    assert out["df"] is None and out["ci"] is None and out["statistic_name"] == "z"
    assert out["p_method"].startswith("exact" if x is IQ else "normal")
    if x is TIED_X:  # the normal score scipy's asymptotic p-value comes from
        z = stats.norm.isf(stats.kendalltau(x, y, method="asymptotic").pvalue / 2)
        assert abs(out["statistic"]) == pytest.approx(z, rel=1e-9)


def test_a_perfect_correlation_has_an_infinite_t_and_no_interval() -> None:
    out = run_tool("correlation", {"x": [1, 2, 3, 4, 5], "y": [3, 5, 7, 9, 11]})
    assert out["coefficient"] == 1.0 and out["statistic"] == "Infinity" and out["p_value"] == 0.0
    assert out["ci"] is None and any("perfect" in n for n in out["notes"])
    three = run_tool("correlation", {"x": [1, 2, 3], "y": [2, 1, 4]})
    assert three["ci"] is None and any("at least 4 pairs" in n for n in three["notes"])
    assert three["coefficient"] == pytest.approx(_pearson([1, 2, 3], [2, 1, 4]), rel=1e-14)


def test_significance_follows_alpha() -> None:
    out = run_tool("correlation", {"x": IQ, "y": TV, "alpha": 0.9})
    assert out["p_value"] < 0.9 and out["significant"] is True
    assert run_tool("correlation", {"x": IQ, "y": TV})["significant"] is False


def test_spellings_of_the_method() -> None:
    assert run_tool("correlation", {"x": IQ, "y": TV, "method": "Spearman's rho"})["method"] == "spearman"
    assert run_tool("correlation", {"x": IQ, "y": TV, "method": "tau"})["method"] == "kendall"


@pytest.mark.parametrize(("args", "field"), [
    ({"x": [1, 2, 3], "y": [1, 2]}, "y"),
    ({"x": [1, 2], "y": [2, 1]}, "x"),
    ({"x": [4, 4, 4, 4], "y": [1, 2, 3, 4]}, "x"),
    ({"x": [1, 2, 3, 4], "y": [7, 7, 7, 7]}, "y"),
    ({"x": [1, float("nan"), 3], "y": [1, 2, 3]}, "x[1]"),
    ({"x": [1, 2, 3], "y": [1, 2, 3], "method": "distance"}, "method"),
    ({"x": [1, 2, 3], "y": [1, 2, 3], "alternative": "positive"}, "alternative"),
    ({"x": [1, 2, 3], "y": [1, 2, 3], "confidence": 95}, "confidence"),
])
def test_bad_input_is_one_line_naming_the_field(args: dict, field: str) -> None:
    with pytest.raises(HavocInputError) as info:
        run_tool("correlation", args)
    assert "\n" not in str(info.value) and str(info.value).startswith(field), str(info.value)


@pytest.mark.parametrize("method", ["pearson", "spearman", "kendall"])
def test_the_audit_recomputes_the_coefficient_and_catches_a_wrong_one(method: str) -> None:
    args = {"x": TIED_X, "y": TIED_Y, "method": method}
    out = run_tool("correlation", args)
    checks = AUDITORS["correlation"](args, out)
    assert checks and all(c["passed"] for c in checks), checks
    wrong = AUDITORS["correlation"](args, {**out, "coefficient": out["coefficient"] * 1.01})
    assert not next(c for c in wrong if c["name"] == "coefficient")["passed"]


def test_kendall_reports_concordant_and_discordant_pairs_and_s() -> None:
    x = [4, 4, 1, 1, 1, 4, 5, 3, 2, 5, 3, 4, 4, 2]
    y = [4.5, 4.0, 1.0, 2.0, 3.5, 4.5, 6.0, 6.0, 2.0, 4.5, 4.0, 6.5, 7.0, 2.5]
    out = run_tool("correlation", {"x": x, "y": y, "method": "kendall"})
    # by hand: every pair i < j, concordant when x and y move the same way, a tie in either counts as neither
    pairs = [(x[j] - x[i]) * (y[j] - y[i]) for i in range(len(x)) for j in range(i + 1, len(x))]
    assert (out["concordant"], out["discordant"]) == (sum(p > 0 for p in pairs), sum(p < 0 for p in pairs))
    assert out["s"] == out["concordant"] - out["discordant"] == 50
    assert run_tool("correlation", {"x": x, "y": y})["s"] is None


@pytest.mark.parametrize("alternative", ["two-sided", "greater", "less"])
def test_kendall_gives_the_large_sample_normal_p_beside_the_exact_one(alternative: str) -> None:
    x = [3.1, 7.4, 1.2, 9.9, 5.0, 6.3, 2.8, 8.1, 4.4, 0.7]
    y = [2.2, 5.9, 3.3, 8.8, 4.1, 7.7, 1.0, 6.5, 5.2, 0.4]
    out = run_tool("correlation", {"x": x, "y": y, "method": "kendall", "alternative": alternative})
    assert "exact" in out["p_method"]
    # by hand: z = S / sqrt(n(n-1)(2n+5)/18) without ties, and its normal tail
    n = len(x)
    z = out["s"] / math.sqrt(n * (n - 1) * (2 * n + 5) / 18)
    tail = {"two-sided": 2 * stats.norm.sf(abs(z)), "greater": stats.norm.sf(z), "less": stats.norm.cdf(z)}
    assert out["p_value_normal"] == pytest.approx(tail[alternative], rel=1e-12)
    assert out["p_value_normal"] == pytest.approx(
        stats.kendalltau(x, y, method="asymptotic", alternative=alternative).pvalue, rel=1e-12)
