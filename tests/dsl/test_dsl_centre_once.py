"""`center_points N once`: with replicates, the centre runs are added one time, not with each replicate."""

from __future__ import annotations

import pytest

import dsl
from tools.errors import HavocInputError
from tools.registry import run_tool


def _design(centre: str) -> str:
    return f"let d = design full_factorial {{\n    factors 3\n    {centre}\n    replicates 2\n}}"


def test_once_adds_the_centre_runs_one_time_and_round_trips() -> None:
    program = dsl.parse(_design("center_points 3 once"))
    assert dsl.parse(dsl.format(program)) == program and "center_points 3 once" in dsl.format(program)
    (run,) = dsl.execute(program)
    coded = run.output["coded"]
    centres = [row for row in coded if all(v == 0 for v in row)]
    assert run.output["runs"] == 8 * 2 + 3 and len(centres) == 3
    assert coded[-3:] == centres  # after the replicated corner runs


def test_without_once_each_replicate_has_its_centre_runs() -> None:
    (run,) = dsl.execute(dsl.parse(_design("center_points 3")))
    assert run.output["runs"] == (8 + 3) * 2


def test_once_does_not_go_with_blocks() -> None:
    with pytest.raises(HavocInputError) as err:
        run_tool("doe_design", {"design": "full_factorial", "factors": 3, "center_points": 2, "replicates": 2,
                                "blocks": 2, "center_once": True})
    assert err.value.field == "center_once"
