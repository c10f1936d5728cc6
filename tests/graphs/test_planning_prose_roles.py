"""Numbers in prose given their role: a group's own number is its name, a capacity per batch is a block size."""

from __future__ import annotations

from decimal import Decimal

from graphs.planning.extract import number_runs
from graphs.planning.nl import plan_question
from graphs.reading.numbers import question_numbers


def test_a_number_after_a_group_word_names_the_list_after_it() -> None:
    runs = number_runs("formulation 1 23, 27, 21, 30, 25; formulation 2 31, 35, 29, 33, 38")
    assert runs == [("formulation 1", [Decimal(v) for v in ("23", "27", "21", "30", "25")]),
                    ("formulation 2", [Decimal(v) for v in ("31", "35", "29", "33", "38")])]


def test_space_separated_samples_and_data_words_keep_their_first_number() -> None:
    assert number_runs("values 3 4, 5, 6")[0][1][0] == Decimal("3")  # "values" names no group
    assert number_runs("old 5 5.3 5.2")[0][1] == [Decimal("5"), Decimal("5.3"), Decimal("5.2")]  # no commas
    assert number_runs("line 1 12.1 12.4, 12.2")[0][1][0] == Decimal("1")  # mixed gaps: not a label


def test_numbered_groups_are_compared_with_their_own_values() -> None:
    q = ("Kruskal-Wallis: formulation 1 23, 27, 21, 30, 25; formulation 2 31, 35, 29, 33, 38; "
         "formulation 3 22, 26, 28, 24, 20")
    (intent,) = plan_question(q, "stats")
    assert intent.tool == "kruskal_wallis"
    assert [len(g) for g in intent.args["groups"]] == [5, 5, 5]
    roles = {text: role for text, _, role in _roles(q)}
    assert roles["1"] == roles["2"] == "a label naming the list after it, context"


def _roles(question: str):
    from graphs.reading.numbers import _context_role

    for text, values, start, end in question_numbers(question):
        yield text, values, _context_role(question, text, values[0], start, end)


def test_material_per_batch_is_a_block_size_not_a_run_budget() -> None:
    for q in ("2^3 design, but each batch of raw material is only enough for 4 runs",
              "full factorial for 4 factors; one oven load holds 8 runs"):
        (intent,) = plan_question(q, "doe")
        assert intent.args["design"] == "full_factorial" and intent.args["blocks"] == 2, q
