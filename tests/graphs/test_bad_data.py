"""A gap in pasted data ("1, nan, 3") is named back to the user; nothing is computed on the remaining numbers."""

from __future__ import annotations

import pytest

from graphs.planning.nl import plan_question
from graphs.srs import run
from tools.errors import HavocInputError


@pytest.mark.parametrize(("question", "token"), [
    ("mean of 1, nan, 3, 4", "nan"),
    ("t-test 5.1 5.3 N/A 5.2 vs 5.6 5.8 5.5", "N/A"),
    ("capability LSL 1 USL 9 data 4, 5, ?, 6", "?"),
    ("I chart: 5.1, 5.3, 4.9, missing, 5.2", "missing"),
    ("describe [2.1, 2.5, null]", "null"),
])
def test_a_gap_in_the_data_is_named(question: str, token: str) -> None:
    with pytest.raises(HavocInputError, match="not a value"):
        plan_question(question, "stats")
    state = run(question)
    assert not state["results"] and state["plan"] is None
    assert state["answer"]["markdown"].startswith("**I could not plan this:**")
    assert repr(token) in state["answer"]["markdown"]


@pytest.mark.parametrize("question", [
    "integrate 1/x^2 from 1 to inf", "limit of 1/x as x -> inf", "integrate exp(-x) from 0 to infinity",
    "Design a Box-Behnken DOE", "is there any data? 1, 2, 3",
])
def test_infinity_as_a_bound_and_ordinary_questions_are_not_gaps(question: str) -> None:
    plan_question(question, "math")  # does not raise
