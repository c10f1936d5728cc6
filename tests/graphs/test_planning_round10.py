"""Planner round 10: run budgets, factorial results typed as cells, follow-ups that switch a design's analysis,
and the summary's confidence interval in the answer."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import numpy as np
import pytest
from scipy import stats

from graphs.planning.factorial_data import factorial_cells
from graphs.planning.nl import plan_question
from graphs.planning.nl_doe import plan_design
from graphs.srs import run, thread_memory
from graphs.stages.mode import classify
from tools.errors import HavocInputError


def _ints(values: list[Decimal]) -> list[int]:
    return [int(v) for v in values]


def test_cells_in_any_order_are_relisted_in_standard_order() -> None:
    # the user lists the cells out of order; standard order is (-,-), (+,-), (-,+), (+,+), replicate after replicate
    data = factorial_cells("A high B high 31, 30; A low B low 28, 25; A low B high 18, 19; A high B low 36, 32")
    assert data is not None and data.factors == ["A", "B"] and data.replicates == 2
    assert _ints(data.response) == [28, 36, 18, 31, 25, 32, 19, 30]


@pytest.mark.parametrize("text", [
    "A- B- 28; A+ B- 36; A- B+ 18; A+ B+ 31",
    "A=-1, B=-1: 28; A=+1, B=-1: 36; A=-1, B=+1: 18; A=+1, B=+1: 31",
    "(1) 28, a 36, b 18, ab 31",
    "A B y\n-1 -1 28\n1 -1 36\n-1 1 18\n1 1 31",
])
def test_cell_layouts(text: str) -> None:
    data = factorial_cells(text)
    assert data is not None and data.replicates == 1
    assert _ints(data.response) == [28, 36, 18, 31]


def test_cells_that_are_not_a_full_factorial_are_not_read_as_one() -> None:
    assert factorial_cells("A low B low 28; A high B low 36; A low B high 18") is None  # a cell is missing
    assert factorial_cells("compare A 1 2 3 and B 4 5 6") is None
    with pytest.raises(HavocInputError, match="different numbers of responses"):
        factorial_cells("A low B low 28, 25; A high B low 36, 32; A low B high 18, 19; A high B high 31")


def test_run_budget() -> None:
    design = plan_design("Design an experiment for 4 factors at 2 levels, but only 8 runs")[0]
    assert design.args["design"] == "fractional_factorial" and design.args["runs"] == 8
    assert design.args["resolution"] == 4 and "needs 16 runs" in design.notes[0]
    with pytest.raises(HavocInputError, match="two-level designs only"):
        plan_design("experiment with 3 factors, 3 levels each, but just 9 runs")
    with pytest.raises(HavocInputError, match="at least 7 runs"):
        plan_design("design for 6 factors at two levels in 4 runs")
    assert plan_design("full factorial for 3 factors with 8 runs")[0].args == {"design": "full_factorial", "factors": 3}


def test_mixed_levels() -> None:
    args = plan_design("full factorial 3x2x2")[0].args
    assert [len(f["levels"]) for f in args["factors"]] == [3, 2, 2]


def test_replicated_responses_need_the_layout_said() -> None:
    with pytest.raises(HavocInputError, match="8 responses for a 2\\^2"):
        plan_question("effects of a 2^2 design: 28, 36, 18, 31, 25, 32, 19, 30", "doe")


def test_factorial_cells_route_to_doe() -> None:
    assert classify("(1) 20 22, a 30 31, b 25 24, ab 41 43 - anova please")[0] == "doe"


def test_summary_answer_states_its_interval() -> None:
    data = [12.1, 11.9, 12.3, 12.0, 12.2]
    state = run("95% confidence interval for the mean of " + ", ".join(map(str, data)))
    half = stats.t.ppf(0.975, len(data) - 1) * stats.sem(data)
    low, high = np.mean(data) - half, np.mean(data) + half
    assert f"95% CI for the mean [{low:.6g}, {high:.6g}]" in state["answer"]["markdown"]


def test_follow_up_switches_the_analysis_of_the_same_responses(tmp_path: Path) -> None:
    y = [45, 71, 48, 65, 68, 60, 80, 65]
    with thread_memory(tmp_path / "threads.sqlite") as saver:
        run("2^3 full factorial for temperature, pressure and speed", thread_id="a", checkpointer=saver)
        run("analyse it with these responses: " + ", ".join(map(str, y)), thread_id="a", checkpointer=saver)
        anova = run("now the anova", thread_id="a", checkpointer=saver)
        summary = run("95% CI for the mean of 12.1, 11.9, 12.3, 12.0, 12.2", thread_id="a", checkpointer=saver)
        wider = run("at 99% confidence", thread_id="a", checkpointer=saver)
    result = anova["results"][-1]
    assert result["tool"] == "doe_anova"
    # main effects and two-factor interactions of a standard-order 2^3: R² of that least-squares fit
    x = np.array([[(i >> b) & 1 for b in range(3)] for i in range(8)]) * 2 - 1
    cols = [np.ones(8), *x.T, x[:, 0] * x[:, 1], x[:, 0] * x[:, 2], x[:, 1] * x[:, 2]]
    m = np.column_stack(cols)
    resid = y - m @ np.linalg.lstsq(m, y, rcond=None)[0]
    assert result["output"]["r_squared"] == pytest.approx(1 - resid @ resid / np.var(y) / 8, rel=1e-9)
    assert summary["results"][0]["output"]["confidence"] == 0.95
    assert wider["results"][0]["args"]["confidence"] == 0.99
    assert "99% CI for the mean" in wider["answer"]["markdown"]
