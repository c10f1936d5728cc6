"""List slots: which runs of numbers become slots, how the model's slots expand, how training pairs are slotted."""

from __future__ import annotations

import pytest

from havoc_model.list_slots import MAX_SLOTS, SLOT_SYMBOLS, expand, find_runs, mark, slot_pair


@pytest.mark.parametrize(("text", "runs"), [
    ("mean of 4.2, 4.8, 5.1, 4.9 and 5.0.", [("4.2", "4.8", "5.1", "4.9", "5.0")]),
    ("groups 10 12 11 13 / 9 15 8 16", [("10", "12", "11", "13"), ("9", "15", "8", "16")]),
    ("table [[18, 22], [25, 15]]", [("18", "22"), ("25", "15")]),
    ("before 1.02 1.05 1.01 and 1.08 1.10 1.07", [("1.02", "1.05", "1.01"), ("1.08", "1.10", "1.07")]),
    ("x,y\n1,2\n3,4\n-1.5,2", [("1", "2"), ("3", "4"), ("-1.5", "2")]),
    ("spec limits 9.5, 10.5", [("9.5", "10.5")]),
])
def test_runs_of_numbers(text: str, runs: list[tuple[str, ...]]) -> None:
    assert [r.numbers for r in find_runs(text)] == runs


@pytest.mark.parametrize("text", [
    "integrate x^2 between 0 and 2",  # two numbers joined by "and" are bounds, not a list
    "solve x^2 - 5x + 6 = 0",  # numbers inside a formula
    "what is 3^4 - 2*5",
    "LSL 10, USL 20, target 15",
    "a 2x3 table in 2024",
])
def test_numbers_that_are_not_lists(text: str) -> None:
    assert find_runs(text) == []


def test_mark_and_expand_round_trip() -> None:
    question = "compare 3.3, 3.5, 3.4 with 3.9 4.1 4.0"
    runs = find_runs(question)
    assert mark(question) == "compare ⟦1⟧3.3, 3.5, 3.4 with ⟦2⟧3.9 4.1 4.0"
    assert mark(question, runs, first=2) == "compare ⟦3⟧3.3, 3.5, 3.4 with ⟦4⟧3.9 4.1 4.0"
    assert expand("ttest welch ⟦1⟧ and ⟦2⟧", runs) == "ttest welch [3.3, 3.5, 3.4] and [3.9, 4.1, 4.0]"
    assert expand("anova one_way [⟦1⟧, ⟦2⟧]", runs) == "anova one_way [[3.3, 3.5, 3.4], [3.9, 4.1, 4.0]]"
    assert expand("describe ⟦7⟧", runs) == "describe ⟦7⟧"  # a slot with no run is left for the checker to refuse


def test_at_most_max_slots_runs() -> None:
    text = " / ".join(f"{i} {i + 1}" for i in range(0, 4 * MAX_SLOTS, 2))
    assert len(find_runs(text)) == MAX_SLOTS == len(SLOT_SYMBOLS)


def test_training_pairs_use_slots_for_lists_equal_to_a_run() -> None:
    question, program = slot_pair("paired: before 5, 5, 5 after 5, 5, 5; limit 5.0",
                                   "ttest paired [5, 5, 5] and [5.0, 5, 5] mu 5.0")
    assert question == "paired: before ⟦1⟧5, 5, 5 after ⟦2⟧5, 5, 5; limit 5.0"
    assert program == "ttest paired ⟦1⟧ and ⟦2⟧ mu 5.0"  # equal runs are used once each, in order
    question, program = slot_pair("fit (0, 1.2), (1, 2.9), (2, 5.1)", "regression [1.2, 2.9, 5.1] on [0, 1, 2]")
    assert program == "regression [1.2, 2.9, 5.1] on [0, 1, 2]"  # columns of pairs are no run: copied as written
