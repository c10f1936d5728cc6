"""The variance_test tool: the F test of two variances and Bartlett's test, against hand computation and scipy.

The hand computations use plain Python sums (never the tool's helpers); scipy supplies only the F and
chi-square distributions, and scipy.stats.bartlett is a second, independent implementation.
"""

from __future__ import annotations

import math
from decimal import Decimal

import pytest
from scipy import stats

from graphs.audit_checks import AUDITORS
from tools.errors import HavocInputError
from tools.registry import run_tool

A = [10.2, 9.8, 10.5, 10.1, 9.6, 10.4, 10.0]
B = [10.9, 9.1, 11.3, 8.8, 10.6, 9.4, 11.0, 10.2]
C = [10.0, 10.3, 9.9, 10.4, 10.1]


def _variance(values: list[float]) -> float:
    mean = sum(values) / len(values)
    return sum((v - mean) ** 2 for v in values) / (len(values) - 1)


def _bartlett(groups: list[list[float]]) -> float:
    k, total = len(groups), sum(len(g) for g in groups)
    variances = [_variance(g) for g in groups]
    pooled = sum((len(g) - 1) * v for g, v in zip(groups, variances, strict=True)) / (total - k)
    numerator = (total - k) * math.log(pooled) - sum((len(g) - 1) * math.log(v)
                                                     for g, v in zip(groups, variances, strict=True))
    correction = 1 + (sum(1 / (len(g) - 1) for g in groups) - 1 / (total - k)) / (3 * (k - 1))
    return numerator / correction


def test_f_test_two_sided_by_hand() -> None:
    out = run_tool("variance_test", {"groups": [A, B], "method": "f"})
    f = _variance(A) / _variance(B)
    d1, d2 = len(A) - 1, len(B) - 1
    assert out["statistic"] == pytest.approx(f, rel=1e-13) and out["ratio"] == out["statistic"]
    assert out["df"] == [d1, d2] and out["statistic_name"] == "F"
    p = 2 * min(stats.f.cdf(f, d1, d2), stats.f.sf(f, d1, d2))
    assert out["p_value"] == pytest.approx(p, rel=1e-10)
    assert out["ci"] == pytest.approx([f / stats.f.ppf(0.975, d1, d2), f / stats.f.ppf(0.025, d1, d2)], rel=1e-10)
    assert out["variances"] == pytest.approx([_variance(A), _variance(B)], rel=1e-13)
    assert out["std_devs"] == pytest.approx([math.sqrt(_variance(A)), math.sqrt(_variance(B))], rel=1e-13)
    assert out["equal_variances"] is bool(p >= 0.05) and out["n"] == [7, 8]


def test_f_test_is_symmetric_in_its_groups() -> None:
    """Swapping the groups inverts F and the interval, and leaves the two-sided p where it was."""
    ab = run_tool("variance_test", {"groups": [A, B]})
    ba = run_tool("variance_test", {"groups": [B, A]})
    assert ba["statistic"] == pytest.approx(1 / ab["statistic"], rel=1e-13)
    assert ba["p_value"] == pytest.approx(ab["p_value"], rel=1e-10)
    assert ba["ci"] == pytest.approx([1 / ab["ci_high"], 1 / ab["ci_low"]], rel=1e-10)


@pytest.mark.parametrize("alternative", ["greater", "less"])
def test_f_test_one_sided_tails_and_bounds(alternative: str) -> None:
    out = run_tool("variance_test", {"groups": [A, B], "method": "f", "alternative": alternative, "confidence": 0.9})
    f, d1, d2 = _variance(A) / _variance(B), len(A) - 1, len(B) - 1
    if alternative == "greater":
        assert out["p_value"] == pytest.approx(stats.f.sf(f, d1, d2), rel=1e-10)
        assert out["ci_low"] == pytest.approx(f / stats.f.ppf(0.9, d1, d2), rel=1e-10)
        assert out["ci_high"] == "Infinity"
    else:
        assert out["p_value"] == pytest.approx(stats.f.cdf(f, d1, d2), rel=1e-10)
        assert out["ci_low"] == 0.0 and out["ci_high"] == pytest.approx(f / stats.f.ppf(0.1, d1, d2), rel=1e-10)
    assert out["alternative"] == alternative and out["confidence"] == 0.9


@pytest.mark.parametrize("groups", [[A, B], [A, B, C]], ids=["two groups", "three groups"])
def test_bartlett_by_hand_and_against_scipy(groups: list[list[float]]) -> None:
    out = run_tool("variance_test", {"groups": groups, "method": "bartlett"})
    ref = stats.bartlett(*groups)
    assert out["statistic"] == pytest.approx(_bartlett(groups), rel=1e-12)
    assert out["statistic"] == pytest.approx(ref.statistic, rel=1e-11)
    assert out["p_value"] == pytest.approx(ref.pvalue, rel=1e-10)
    assert out["p_value"] == pytest.approx(stats.chi2.sf(_bartlett(groups), len(groups) - 1), rel=1e-10)
    assert out["df"] == [len(groups) - 1] and out["alternative"] is None and out["ci"] is None
    assert out["equal_variances"] is bool(ref.pvalue >= 0.05)


def test_bartlett_keeps_its_digits_when_the_data_share_leading_ones() -> None:
    big = Decimal("1000000000000")
    shifted = [[big + Decimal(str(v)) for v in g] for g in (A, B, C)]
    assert run_tool("variance_test", {"groups": shifted, "method": "bartlett"})["statistic"] == pytest.approx(
        _bartlett([A, B, C]), rel=1e-9)


def test_unequal_variances_are_detected() -> None:
    wide = [1.0, 9.0, -6.0, 14.0, 3.5, -2.0, 11.0, 0.5]
    out = run_tool("variance_test", {"groups": [A, wide], "method": "bartlett"})
    assert out["p_value"] < 0.001 and out["equal_variances"] is False


def test_method_spellings() -> None:
    assert run_tool("variance_test", {"groups": [A, B], "method": "F-test"})["method"] == "f"
    assert run_tool("variance_test", {"groups": [A, B], "method": "Bartlett"})["method"] == "bartlett"


@pytest.mark.parametrize(("args", "field"), [
    ({"groups": [A, [1.0]], "method": "f"}, "groups[1]"),
    ({"groups": [A, [2.0, 2.0, 2.0]], "method": "bartlett"}, "groups[1]"),
    ({"groups": [[5, 5], B], "method": "f"}, "groups[0]"),
    ({"groups": [A, B, C], "method": "f"}, "groups"),
    ({"groups": [A], "method": "bartlett"}, "groups"),
    ({"groups": [A, B], "method": "levene"}, "method"),
    ({"groups": [A, B, C], "method": "bartlett", "alternative": "greater"}, "alternative"),
    ({"groups": [A, [1, float("nan")]]}, "groups[1][1]"),
    ({"groups": [A, B], "confidence": 0}, "confidence"),
])
def test_bad_input_is_one_line_naming_the_field(args: dict, field: str) -> None:
    with pytest.raises(HavocInputError) as info:
        run_tool("variance_test", args)
    assert "\n" not in str(info.value) and str(info.value).startswith(field), str(info.value)


@pytest.mark.parametrize("method", ["f", "bartlett"])
def test_the_audit_recomputes_the_statistic_and_catches_a_wrong_one(method: str) -> None:
    args = {"groups": [A, B], "method": method}
    out = run_tool("variance_test", args)
    checks = AUDITORS["variance_test"](args, out)
    assert len(checks) >= 2 and all(c["passed"] for c in checks), checks
    wrong = AUDITORS["variance_test"](args, {**out, "statistic": out["statistic"] * 1.001})
    assert [c["name"] for c in wrong if not c["passed"]] == [checks[1]["name"]]
