"""The constrained planner may copy the question's numbers, never invent one (ranges and decimals included)."""

from __future__ import annotations

import pytest

from havoc_agent.chat_havoc import DslGrammar
from havoc_model.constrained import CopiedNumbers, numbers_in


def test_a_range_holds_two_numbers() -> None:
    assert numbers_in("temperature 150..200, catalyst 1 - 5 g, x2, phase2") == {"150", "200", "1", "5"}
    assert numbers_in("1.5e3 and 0.25") == {"1.5e3", "0.25"}


def _writes(question: str, program: str, step: int = 3) -> bool:
    grammar = CopiedNumbers(DslGrammar(), question)
    for i in range(0, len(program), step):
        piece = program[i:i + step]
        if not grammar.allows(piece):
            return False
        grammar.push(piece)
    return grammar.complete()


@pytest.mark.parametrize("step", [1, 2, 5])
def test_copied_numbers_pass_whatever_the_pieces(step: int) -> None:
    question = "LHS with temperature 150..200 and pressure 1.5-2.75 bar, 30 runs"
    program = "let d = design latin_hypercube {\n    factor temperature 150 .. 200\n" \
              "    factor pressure 1.5 .. 2.75 \"bar\"\n    samples 30\n}"
    assert _writes(question, program, step)


@pytest.mark.parametrize("invented", ["201", "2.7", "2.755", "1.55", "37"])
def test_an_invented_number_is_refused(invented: str) -> None:
    question = "LHS with temperature 150..200 and pressure 1.5-2.75 bar, 30 runs"
    program = f"let d = design latin_hypercube {{\n    factor temperature 150 .. 200\n" \
              f"    factor pressure 1.5 .. {invented} \"bar\"\n    samples 30\n}}"
    assert not _writes(question, program, 1)


def test_a_value_is_written_no_more_often_than_the_question_gives_it() -> None:
    question = "mean of 4.2, 4.8, 5.1 and 4.2"
    assert _writes(question, "describe [4.2, 5.1, 4.8, 4.2]", 1)
    assert not _writes(question, "describe [5.1, 5.1]", 1)
    assert not _writes(question, "describe [4.2, 4.20, 4.2]", 2)
    assert not _writes("counts 3 and 7", "describe [3, 3, 7]", 1)  # in a list a small integer is data
    assert _writes("a full factorial", "let d = design full_factorial {\n    factors 3\n}", 1)  # a count is free
    assert not _writes("12.1 12.3 11.9", "chart imr [5.0, 12.1]", 1)  # "5.0" is no count


def test_a_number_that_can_still_end_well_is_not_a_dead_end() -> None:
    # "10" is written on the way to "10.05" and to "10.0" (the value of the user's "10")
    assert _writes("chart for 12.1 10.05 and 10", "chart imr [10.05, 12.1, 10.0]", 1)


def test_a_list_ends_when_the_values_run_out() -> None:
    grammar = CopiedNumbers(DslGrammar(), "mean of 4.2 and 4.8")
    for piece in ["describe [", "4.2", ", ", "4.8", ", "]:
        assert grammar.allows(piece)
        grammar.push(piece)
    assert not any(grammar.allows(p) for p in [".", ".5", "4", "0.", "5.0"])
    assert grammar.allows("]")
