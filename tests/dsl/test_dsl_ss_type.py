"""`anova two_way … ss sequential|hierarchical|adjusted`: grammar, formatter, executor, the tool's sums of squares,
and the statement the planner writes."""

from __future__ import annotations

import pytest

import dsl
from graphs.planning.intent import Intent
from graphs.planning.to_dsl import statement

# unbalanced: cells (P, A) 2, (P, B) 2, (Q, A) 1, (Q, B) 3, so the three kinds of sums of squares differ
Y = [5.1, 5.3, 6.0, 5.8, 4.8, 6.4, 6.1, 6.6]
A = ["P", "P", "P", "P", "Q", "Q", "Q", "Q"]
B = ["A", "A", "B", "B", "A", "B", "B", "B"]


def _program(kind: str) -> str:
    return f'anova two_way {Y} by {A} and {B} ss {kind}'.replace("'", '"')


@pytest.mark.parametrize(("kind", "number"), [("sequential", 1), ("hierarchical", 2), ("adjusted", 3)])
def test_each_kind_reaches_the_tool_and_round_trips(kind: str, number: int) -> None:
    program = dsl.parse(_program(kind))
    assert dsl.parse(dsl.format(program)) == program
    (run,) = dsl.execute(program)
    assert run.args["ss_type"] == number and run.output["ss_type"] == number
    assert run.output["balanced"] is False


def test_the_kinds_give_different_tables_on_an_unbalanced_layout() -> None:
    out = {kind: dsl.execute(dsl.parse(_program(kind)))[0].output for kind in ("sequential", "adjusted")}
    assert abs(out["sequential"]["ss_a"] - out["adjusted"]["ss_a"]) > 1e-6
    # the interaction is adjusted for both main effects either way
    assert abs(out["sequential"]["ss_ab"] - out["adjusted"]["ss_ab"]) < 1e-9


def test_an_unknown_kind_is_a_syntax_error_with_its_place() -> None:
    with pytest.raises(dsl.DslSyntaxError) as info:
        dsl.parse(_program("bogus"))
    assert info.value.line == 1 and info.value.column is not None


def test_the_planner_writes_the_option() -> None:
    text = statement(Intent("anova_twoway", {"y": Y, "a": A, "b": B, "ss_type": 1}))
    assert text.endswith("ss sequential")
    assert dsl.execute(dsl.parse(text))[-1].args["ss_type"] == 1
