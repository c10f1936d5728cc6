"""The Friedman test by name: a blocks × treatments table, lines per block, or lines per treatment."""

from __future__ import annotations

from decimal import Decimal

import pytest

from graphs.planning.nl import plan_question
from graphs.srs import run
from tests.graphs.planned import first_intent
from tools.errors import HavocInputError

TABLE = ("Friedman test please: five panellists each scored the same three coatings.\n"
         "panellist, coating A, coating B, coating C\nP1, 7, 5, 6\nP2, 8, 6, 7\nP3, 6, 4, 6\nP4, 9, 6, 8\nP5, 7, 6, 5")


def test_a_table_of_blocks_by_treatments() -> None:
    intent = first_intent(TABLE)
    assert intent.tool == "friedman" and intent.args["groups"][0] == [Decimal(v) for v in (7, 8, 6, 9, 7)]


def test_lines_per_block_and_lines_per_treatment() -> None:
    blocks = first_intent("Friedman test, three machines run by the same four operators:\noperator 1: 12, 15, 11\n"
                          "operator 2: 14, 16, 13\noperator 3: 11, 14, 12\noperator 4: 13, 17, 12")
    assert len(blocks.args["groups"]) == 3 and blocks.args["groups"][1] == [Decimal(v) for v in (15, 16, 14, 17)]
    treatments = first_intent("Friedman on yields, same five fields in the same order on each line:\n"
                              "seed X: 41 38 45 40 39\nseed Y: 44 40 47 42 43\nseed Z: 40 37 44 41 38")
    assert len(treatments.args["groups"]) == 3 and len(treatments.args["groups"][0]) == 5


def test_ragged_lines_are_refused() -> None:
    with pytest.raises(HavocInputError, match="every treatment in every block"):
        plan_question("Friedman test:\nseed X: 41 38 45 40\nseed Y: 44 40 47", "stats")


def test_the_answer_reads_as_ranks_within_blocks() -> None:
    answer = run(TABLE)["answer"]
    assert answer["reading"].startswith("I read this as a Friedman rank test of 3 treatments in 5 blocks")
    assert "Kendall's W" in answer["markdown"] and answer["confidence"] >= 0.7
