"""`sum of F for N from A to B`: grammar, formatter round trip, executor, checker, and the statement the planner
writes for sums asked in words."""

from __future__ import annotations

import pytest

import dsl
from graphs.planning.nl import plan_question
from graphs.planning.to_dsl import render_program


def test_the_statement_reaches_the_tool_and_round_trips() -> None:
    program = dsl.parse("sum of n^2/3^n for n from 1 to oo")
    assert dsl.parse(dsl.format(program)) == program
    (run,) = dsl.execute(program)
    assert run.tool == "summation" and run.args["lower"] == "1" and run.args["upper"] == "oo"
    assert run.output["result"] == "3/2"


def test_a_missing_bound_is_a_syntax_error_with_its_place() -> None:
    with pytest.raises(dsl.DslSyntaxError) as info:
        dsl.parse("sum of n^2 for n from 1")
    assert info.value.line == 1 and info.value.column >= 22


@pytest.mark.parametrize(("question", "program"), [
    ("whats the sum of n^2/3^n for n = 1 to infinity", "sum of n^2/3^n for n from 1 to oo"),
    ("Find the sum of the series 1/(n(n+1)) from n=1 to ∞.", "sum of 1/(n*(n + 1)) for n from 1 to oo"),
    ("sum from k=1 to 10 of k^3", "sum of k^3 for k from 1 to 10"),
    ("Σ_{n=0}^{∞} (1/2)^n = ?", "sum of (1/2)^n for n from 0 to oo"),
    ("What does the infinite series sum 1/n^2, n ≥ 1 converge to?", "sum of 1/n^2 for n from 1 to oo"),
    ("sum of 3^k, k = 0..12", "sum of 3^k for k from 0 to 12"),
])
def test_sums_in_words_and_symbols(question: str, program: str) -> None:
    assert render_program(plan_question(question, "math")) == program


def test_a_sum_of_squares_of_data_is_no_series() -> None:
    intents = plan_question("Total sum of squares for the data 4, 5, 6, 7?", "stats")
    assert not intents or intents[0].tool != "summation"
