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
