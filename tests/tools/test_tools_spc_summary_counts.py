"""summary_chart for p, np, c and u charts from a total count over equal subgroups (Montgomery §7.2, §7.3 formulas)."""

from __future__ import annotations

import math

import pytest

import dsl
from tools.errors import HavocInputError
from tools.registry import run_tool


@pytest.mark.parametrize(("chart", "n", "total", "k"), [("np", 150, 84, 20), ("p", 150, 84, 20), ("c", None, 84, 20),
                                                       ("u", 2.5, 84, 20), ("np", 50, 212, 25)])
def test_limits_from_the_total(chart: str, n: float | None, total: int, k: int) -> None:
    args = {"chart": chart, "total": total, "subgroups": k, **({"n": n} if n is not None else {})}
    out = run_tool("summary_chart", args)["attribute"]
    if chart in ("p", "np"):
        p = total / (k * n)
        centre, sd = (n * p, math.sqrt(n * p * (1 - p))) if chart == "np" else (p, math.sqrt(p * (1 - p) / n))
    else:
        centre = total / k / (n if chart == "u" else 1)
        sd = math.sqrt(centre / (n if chart == "u" else 1))
    assert out["center"] == pytest.approx(centre, rel=1e-12)
    assert out["ucl"] == pytest.approx(centre + 3 * sd, rel=1e-12)
    assert out["lcl"] == pytest.approx(max(0.0, centre - 3 * sd), abs=1e-12)


@pytest.mark.parametrize(("args", "field"), [
    ({"chart": "np", "total": 84, "subgroups": 20}, "n"),
    ({"chart": "np", "n": 10, "total": 300, "subgroups": 4}, "total"),
    ({"chart": "c", "total": 84}, "subgroups"),
    ({"chart": "c", "total": 0, "subgroups": 5}, "total"),
    ({"chart": "xbar_r", "total": 5, "subgroups": 5}, "n"),
])
def test_bad_totals_are_one_clear_error(args: dict, field: str) -> None:
    with pytest.raises(HavocInputError) as err:
        run_tool("summary_chart", args)
    assert str(err.value).startswith(f"{field}:")  # raised while validating, the field leads the message


def test_the_statement_round_trips_and_checks() -> None:
    program = dsl.parse("summary chart np subgroup 150 total 84 subgroups 20")
    assert dsl.parse(dsl.format(program)) == program
    assert dsl.execute(program)[0].output["attribute"]["ucl"] == pytest.approx(10.2615, rel=1e-5)
    with pytest.raises(dsl.DslError, match="takes no subgroup size"):
        dsl.check(dsl.parse("summary chart c subgroup 5 total 3 subgroups 4"), env={})
