"""The shared numeric helpers: decimal text, shifting, sums and the LRE measure."""

from __future__ import annotations

import math
from decimal import Decimal

import numpy as np
import pytest

from tools.errors import HavocInputError
from tools.numeric import (
    accurate_sum,
    add_offset,
    decimal_shift,
    exact_shift,
    log_relative_error,
    to_decimal,
    uses_decimal_text,
    validate_numbers,
)


def test_to_decimal_reads_floats_as_their_repr() -> None:
    assert to_decimal(1000000000000.4) == Decimal("1000000000000.4")
    assert to_decimal(0.1) == Decimal("0.1")
    assert to_decimal(7) == Decimal(7) and to_decimal(np.int64(3)) == Decimal(3)
    assert to_decimal(Decimal("1.50")) == Decimal("1.50")


def test_decimal_shift_recovers_digits_binary_loses() -> None:
    vals = [1000000000000.4, 1000000000000.3, 1000000000000.5]
    shifted, off = decimal_shift(vals)
    assert off == Decimal("1000000000000.4")
    assert shifted.tolist() == pytest.approx([0.0, -0.1, 0.1], abs=1e-15)
    binary, _ = exact_shift(np.array(vals))
    assert abs((binary[2] - binary[1]) - 0.2) > 1e-6  # the float route cannot do this


def test_decimal_shift_leaves_arrays_binary() -> None:
    arr = np.array([1.0, 2.0, 4.0])
    assert not uses_decimal_text(arr)
    shifted, off = decimal_shift(arr)
    assert isinstance(off, float) and shifted.sum() == pytest.approx(0.0)


def test_add_offset_rounds_once() -> None:
    assert add_offset(0.2, Decimal("1000000000000")) == 1000000000000.2
    assert add_offset(0.5, 2.0) == 2.5


def test_accurate_sum_is_correctly_rounded() -> None:
    values = np.array([1e16, 1.0, -1e16, 1.0])
    assert accurate_sum(values) == 2.0


def test_log_relative_error() -> None:
    assert log_relative_error(1.0, 1.0) == 15.0
    assert log_relative_error(1.0000001, 1.0) == pytest.approx(7.0, abs=0.01)
    assert log_relative_error(1e-9, 0.0) == pytest.approx(9.0)
    assert log_relative_error(math.inf, math.inf) == 15.0
    assert log_relative_error(5.0, math.inf) == 0.0


def test_existing_validation_still_works() -> None:
    assert validate_numbers([1, Decimal("2.5"), 3.0]) == [1, Decimal("2.5"), 3.0]
    with pytest.raises(HavocInputError, match="data\\[1\\]"):
        validate_numbers([1, float("nan")])
    shifted, off = exact_shift([Decimal("10.5"), Decimal("10.7")])
    assert off == Decimal("10.5") and shifted.tolist() == pytest.approx([0.0, 0.2])


@pytest.mark.parametrize(
    ("tool", "args", "field"),
    [
        ("describe", {"data": [1.0, -1e308, 3.0, 4.5]}, "data[1]"),
        ("describe", {"data": [Decimal("1e200"), Decimal("2")]}, "data[0]"),
        ("describe", {"data": [1.0] * 2000 + [1e300]}, "data[2000]"),
        ("describe", {"data": np.array([1.0, 2.0, 1e300])}, "data"),
        ("anova_oneway", {"groups": [[1, 2, 3], [4, -1e308, 6.5], [7, 8, 9]]}, "groups[1][1]"),
        ("t_test", {"kind": "welch", "x": [1e308, 2, 3, 4], "y": [2, 3, 5, 7]}, "x[0]"),
        ("capability", {"data": [1, 2, 3, 2, 1, 2.5], "lsl": 0, "usl": 4, "target": -1e308}, "target"),
        ("capability", {"data": [1, 2, 3, 2, 1, 2.5], "lsl": 0, "usl": 1e308}, "usl"),
    ],
)
def test_values_whose_squares_overflow_are_bad_input_not_internal_errors(tool: str, args: dict, field: str) -> None:
    """Finite but huge values used to escape as OverflowError / ValueError from deep inside the sums."""
    from tools.registry import run_tool

    with pytest.raises(HavocInputError) as info:
        run_tool(tool, args)
    message = str(info.value)
    assert field in message and "rescale" in message and "\n" not in message


def test_large_but_safe_magnitudes_still_work() -> None:
    from tools.registry import run_tool

    out = run_tool("describe", {"data": [1e149, 2e149, 3e149]})
    assert out["mean"] == pytest.approx(2e149) and out["std_dev"] == pytest.approx(1e149)


@pytest.mark.parametrize(
    ("tool", "args", "field"),
    [
        ("describe", {"data": [10**400, 2, 3]}, "data[0]"),
        ("t_test", {"kind": "one_sample", "x": [1, 2, 3, 4], "mu": 10**400}, "mu"),
        ("run_rules", {"values": [1, 2, 3, 4, 5], "center": 10**400, "sigma": 1}, "center"),
        ("doe_properties", {"coded": [[-1, -1e151], [1, -1], [-1, 1], [1, 1]]}, "coded"),
    ],
)
def test_huge_json_integers_and_huge_coded_values_are_bad_input(tool: str, args: dict, field: str) -> None:
    """A 400-digit JSON integer used to raise OverflowError in float(); huge coded values overflowed moments."""
    from tools.registry import run_tool

    with pytest.raises(HavocInputError) as info:
        run_tool(tool, args)
    assert str(info.value).startswith(field) or f"{field}:" in str(info.value), str(info.value)
