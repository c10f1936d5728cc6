"""`power anova means [..] sd S`: hypothesised group means as the effect of a one-way ANOVA power calculation."""

from __future__ import annotations

import pytest

import dsl
from dsl.errors import DslError
from graphs.planning.nl import plan_question
from graphs.planning.to_dsl import render_program
from graphs.stages.execute import run_program


def test_means_reach_the_tool_and_round_trip() -> None:
    program = "power anova means [20, 22, 21, 24] sd 3 size 10"
    results, _ = run_program(program, {})
    out = results[0]["output"]
    assert results[0]["tool"] == "power" and out["groups"] == 4 and out["power"] == pytest.approx(0.696117, rel=1e-5)
    parsed = dsl.parse(program)
    assert dsl.parse(dsl.format(parsed)) == parsed and "means [20, 22, 21, 24]" in dsl.format(parsed)


@pytest.mark.parametrize(("program", "column", "message"), [
    ("power anova means [20, 22] sd 3 groups 3 size 5", 33, "2 means"),
    ("power two_sample_t means [20, 22] sd 3 size 5", 20, "is for anova"),
    ("power anova means [20, 22, 23] size 5", 13, "needs `sd S`"),
    ("power anova means [20] sd 3 size 5", 13, "two or more"),
])
def test_bad_means_are_errors_with_their_place(program: str, column: int, message: str) -> None:
    with pytest.raises(DslError) as err:
        dsl.check(dsl.parse(program), env={})
    assert message in str(err.value) and err.value.line == 1 and err.value.column == column


@pytest.mark.parametrize("question", [
    "one-way ANOVA planning: four groups, we expect means 20, 22, 21 and 24, common SD 3, 10 units per group, "
    "alpha 5%. what's the power?",
    "ANOVA power: 4 groups, means 20, 22, 21 and 24, sd 3, n = 10 per group",
])
def test_the_planner_writes_the_means(question: str) -> None:
    program = render_program(plan_question(question, "stats"))
    assert "power anova" in program and "means [20, 22, 21, 24]" in program and "sd 3" in program
    assert run_program(program, {})[0][0]["output"]["power"] == pytest.approx(0.696117, rel=1e-5)


def test_a_count_of_groups_that_disagrees_with_the_means_is_asked_about() -> None:
    from tools.errors import HavocInputError

    with pytest.raises(HavocInputError, match="3 groups but 4"):
        plan_question("ANOVA power: 3 groups, means 10, 12, 15 and 11, sd 2, n = 6 per group", "stats")
