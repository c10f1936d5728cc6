"""`describe` against numpy/scipy on random data, and its decimal-text accuracy."""

from __future__ import annotations

import math
from decimal import Decimal
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import stats as sps

from tools.numeric import log_relative_error
from tools.registry import run_tool


@pytest.fixture(scope="module")
def sample() -> np.ndarray:
    return np.random.default_rng(7).gamma(2.0, 3.0, size=57)


def test_matches_numpy_and_scipy(sample: np.ndarray) -> None:
    r = run_tool("describe", {"data": sample.tolist()})
    assert r["n"] == 57
    assert r["mean"] == pytest.approx(sample.mean(), rel=1e-14)
    assert r["std_dev"] == pytest.approx(sample.std(ddof=1), rel=1e-13)
    assert r["variance"] == pytest.approx(sample.var(ddof=1), rel=1e-13)
    assert r["median"] == pytest.approx(np.median(sample), rel=1e-14)
    assert r["min"] == sample.min() and r["max"] == sample.max()
    q1, q3 = np.quantile(sample, [0.25, 0.75], method="weibull")
    assert r["q1"] == pytest.approx(q1, rel=1e-13) and r["q3"] == pytest.approx(q3, rel=1e-13)
    assert r["skewness"] == pytest.approx(sps.skew(sample, bias=False), rel=1e-12)
    assert r["kurtosis"] == pytest.approx(sps.kurtosis(sample, bias=False), rel=1e-12)
    lo, hi = sps.t.interval(0.95, 56, loc=sample.mean(), scale=sps.sem(sample))
    assert r["ci_mean"] == pytest.approx([lo, hi], rel=1e-12)
    assert r["se_mean"] == pytest.approx(sps.sem(sample), rel=1e-13)
    assert r["sum"] == pytest.approx(sample.sum(), rel=1e-14)


def test_lag1_is_the_nist_definition_not_a_lagged_correlation(sample: np.ndarray) -> None:
    d = sample - sample.mean()
    nist = float(np.sum(d[1:] * d[:-1]) / np.sum(d * d))
    lagged_pearson = float(np.corrcoef(sample[1:], sample[:-1])[0, 1])
    r = run_tool("describe", {"data": sample.tolist()})
    assert r["lag1_autocorrelation"] == pytest.approx(nist, rel=1e-12)
    assert abs(r["lag1_autocorrelation"] - lagged_pearson) > 1e-6


def test_numpy_arrays_take_the_float_path(sample: np.ndarray) -> None:
    r = run_tool("describe", {"data": sample})
    assert r["std_dev"] == pytest.approx(sample.std(ddof=1), rel=1e-13)


def test_constant_data_have_zero_spread_and_no_autocorrelation() -> None:
    r = run_tool("describe", {"data": [4.2, 4.2, 4.2, 4.2]})
    assert r["std_dev"] == 0.0 and r["lag1_autocorrelation"] is None and r["skewness"] is None
    assert r["warnings"]


def test_float_input_is_read_as_its_decimal_text() -> None:
    """1000000000000.4 as a Python float still means the decimal the user wrote (its repr)."""
    data = [1000000000000.4, 1000000000000.3, 1000000000000.5] * 5
    r = run_tool("describe", {"data": data})
    exact = float(np.std([0.4, 0.3, 0.5] * 5, ddof=1))
    assert log_relative_error(r["std_dev"], exact) >= 13
    assert r["mean"] == 1000000000000.4


def test_confidence_level_changes_the_interval(sample: np.ndarray) -> None:
    narrow = run_tool("describe", {"data": sample.tolist(), "confidence": 0.8})["ci_mean"]
    wide = run_tool("describe", {"data": sample.tolist(), "confidence": 0.99})["ci_mean"]
    assert wide[0] < narrow[0] < narrow[1] < wide[1]


@settings(max_examples=30, deadline=None)
@given(st.lists(st.integers(-10**6, 10**6), min_size=3, max_size=40).filter(lambda v: len(set(v)) > 1),
       st.integers(6, 12))
def test_spread_is_invariant_to_a_large_decimal_shift(ints: list[int], exponent: int) -> None:
    base = [Decimal(v) / 1000 for v in ints]
    shift = Decimal(10) ** exponent
    plain = run_tool("describe", {"data": base})
    moved = run_tool("describe", {"data": [v + shift for v in base]})
    assert log_relative_error(moved["std_dev"], plain["std_dev"]) >= 13
    if plain["lag1_autocorrelation"] not in (None, 0.0):
        assert math.isclose(moved["lag1_autocorrelation"], plain["lag1_autocorrelation"], rel_tol=1e-12, abs_tol=1e-14)


def _exact_moments(values: list[Decimal]) -> tuple[Fraction, Fraction, Fraction]:
    xs = [Fraction(v) for v in values]
    n = len(xs)
    mean = sum(xs, Fraction(0)) / n
    ss = sum(((x - mean) ** 2 for x in xs), Fraction(0))
    lag = sum(((xs[i] - mean) * (xs[i - 1] - mean) for i in range(1, n)), Fraction(0))
    return mean, ss / (n - 1), lag / ss


@pytest.mark.parametrize("offset", ["0", "1e7", "123456789012.3"])
def test_agrees_with_exact_rational_arithmetic(offset: str) -> None:
    """A PiDigits-style set (5000 single digits) on top of a large offset, checked against Fractions."""
    digits = np.random.default_rng(4).integers(0, 10, 5000)
    data = [Decimal(int(d)) / 10 + Decimal(offset) for d in digits]
    mean, var, lag = _exact_moments(data)
    r = run_tool("describe", {"data": data})
    assert log_relative_error(r["mean"], float(mean)) >= 14.5
    assert log_relative_error(r["std_dev"], math.sqrt(var)) >= 14
    assert log_relative_error(r["population_std_dev"], math.sqrt(var * (len(data) - 1) / len(data))) >= 14
    assert log_relative_error(r["lag1_autocorrelation"], float(lag)) >= 13


def test_the_population_sd_divides_by_n() -> None:
    r = run_tool("describe", {"data": [2, 4, 4, 4, 5, 5, 7, 9]})  # the textbook set: population SD exactly 2
    assert r["population_std_dev"] == pytest.approx(2.0, rel=1e-15)
    assert r["std_dev"] == pytest.approx(math.sqrt(32 / 7), rel=1e-15)
