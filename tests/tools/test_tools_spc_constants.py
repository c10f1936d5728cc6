"""Control-chart constants: closed forms, the published table, and the exact integrals agreeing with both."""

from __future__ import annotations

import math

import pytest

from tools.errors import HavocInputError
from tools.registry import ToolSpec
from tools.spc_constants import (
    SpcConstantsArgs,
    chart_factors,
    exact_c4,
    exact_constants,
    exact_d2,
    exact_d3,
    spc_constants,
    table_constants,
)

SPEC = ToolSpec("spc_constants", "", SpcConstantsArgs, spc_constants)


def run(**args):
    return SPEC.run(args).model_dump(mode="json")


def test_closed_forms_for_small_n() -> None:
    root_pi = math.sqrt(math.pi)
    assert exact_d2(2) == pytest.approx(2 / root_pi, abs=1e-11)
    assert exact_d2(3) == pytest.approx(3 / root_pi, abs=1e-11)
    assert exact_d2(4) == pytest.approx(12 / (math.pi * root_pi) * math.atan(math.sqrt(2)), abs=1e-11)
    assert exact_d2(5) == pytest.approx(30 / math.pi**1.5 * math.atan(math.sqrt(2)) - 5 / root_pi, abs=1e-11)
    # R = |X1 - X2| for n = 2, so E[R^2] = 2 and d3^2 = 2 - d2^2
    assert exact_d3(2) == pytest.approx(math.sqrt(2 - 4 / math.pi), abs=1e-10)
    assert exact_c4(2) == pytest.approx(math.sqrt(2 / math.pi), abs=1e-14)
    assert exact_c4(3) == pytest.approx(math.sqrt(math.pi) / 2, abs=1e-14)


@pytest.mark.parametrize("n", range(2, 26))
def test_exact_values_round_to_the_published_table(n: int) -> None:
    table, exact = table_constants(n), exact_constants(n)
    for name, printed in table.items():
        # one unit in the last printed place (a few ASTM entries are off by 0.5-0.8 of a unit)
        unit = 1e-4 if name == "c4" else 1e-3
        assert exact[name] == pytest.approx(printed, abs=1.5 * unit), name


def test_large_n_behaves() -> None:
    # d2 grows like the expected range of a big sample, d3 shrinks slowly, c4 tends to 1
    assert exact_d2(100) == pytest.approx(5.015, abs=1e-3)
    assert exact_d2(1000) > exact_d2(100) > exact_d2(50)
    assert 0.4 < exact_d3(1000) < exact_d3(100) < exact_d3(50)
    assert 0.999 < exact_c4(1000) < 1.0


def test_table_tool_returns_the_printed_row() -> None:
    row = run(n=5)
    assert (row["d2"], row["d3"], row["A2"], row["D4"], row["c4"]) == (2.326, 0.864, 0.577, 2.114, 0.94)
    assert row["A"] == 1.342 and row["E2"] == 1.29
    assert row["constants"] == "table" and "table" in row["source"]


def test_exact_tool_is_consistent_with_its_own_formulas() -> None:
    row = run(n=7, constants="exact")
    assert row["A2"] == pytest.approx(3 / (row["d2"] * math.sqrt(7)))
    assert row["D4"] == pytest.approx(1 + 3 * row["d3"] / row["d2"])
    assert row["D3"] == pytest.approx(1 - 3 * row["d3"] / row["d2"])
    assert row["B4"] == pytest.approx(1 + 3 * math.sqrt(1 - row["c4"] ** 2) / row["c4"])
    assert row["E2"] == pytest.approx(3 / row["d2"]) and row["A"] == pytest.approx(3 / math.sqrt(7))


def test_lower_factors_are_floored_at_zero() -> None:
    row = run(n=3, constants="exact")
    assert row["D3"] == 0.0 and row["B3"] == 0.0


def test_table_beyond_25_is_computed_and_says_so() -> None:
    row = run(n=30)
    assert row["d2"] == pytest.approx(exact_d2(30)) and "stops at n = 25" in row["source"]


def test_chart_factors_reproduce_qcc() -> None:
    d2, d3, c4 = chart_factors(5, "table")
    assert (d2, d3) == (2.326, 0.8640855) and c4 == pytest.approx(exact_c4(5))
    d2x, d3x, _ = chart_factors(5, "exact")
    assert d2x == pytest.approx(2.325929, abs=1e-6) and d3x == pytest.approx(0.8640819, abs=1e-7)
    assert chart_factors(60, "table")[1] == pytest.approx(exact_d3(60))


@pytest.mark.parametrize(("n", "field"), [(1, "n"), (0, "n"), (-3, "n"), (10**7, "n")])
def test_bad_n(n: int, field: str) -> None:
    with pytest.raises(HavocInputError, match=f"^{field}:"):
        run(n=n)


def test_non_integer_n_is_refused() -> None:
    with pytest.raises(HavocInputError, match="n"):
        run(n="five")
    with pytest.raises(HavocInputError, match="n"):
        run(n=2.5)


def test_a_list_of_sizes_gives_columns() -> None:
    table = run(n=[2, 5, 30])
    assert table["n"] == [2, 5, 30] and table["d2"][:2] == [1.128, 2.326]
    assert table["d2"][2] == pytest.approx(exact_d2(30)) and "stops at n = 25" in table["source"]
    with pytest.raises(HavocInputError, match=r"^n\[1\]:"):
        run(n=[2, 1])
    with pytest.raises(HavocInputError, match="^n:"):
        run(n=[])
