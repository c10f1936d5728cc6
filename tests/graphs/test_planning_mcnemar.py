"""McNemar's test read from questions in our own words: a 2 × 2 table in brackets, a labelled grid (with its
columns in either yes/no order), four labelled lines, or only the discordant counts; and what is refused."""

from __future__ import annotations

import pytest

from graphs.planning.nl import plan_question
from graphs.srs import run
from tests.graphs.planned import first_intent
from tools.errors import HavocInputError


@pytest.mark.parametrize("question, table, method", [
    ("McNemar on [[40, 12], [5, 43]] with the continuity correction", [[40, 12], [5, 43]], "corrected"),
    ("Same 98 welds X-rayed before and after the new procedure. McNemar?\n"
     "            after_ok  after_reject\n"
     "before_ok       61          7\n"
     "before_reject   19         11", [[61, 7], [19, 11]], None),
    ("McNemar please\n| | gauge B pass | gauge B fail |\n|---|---|---|\n| gauge A fail | 6 | 10 |\n"
     "| gauge A pass | 70 | 14 |", [[10, 6], [14, 70]], None),
    ("Two graders marked the same 50 scripts. McNemar exact test:\nA yes, B yes: 20\nA yes, B no: 3\n"
     "A no, B yes: 11\nA no, B no: 16", [[20, 3], [11, 16]], "exact"),
])
def test_tables_of_paired_outcomes(question: str, table: list, method: str | None) -> None:
    intent = first_intent(question, "stats")
    assert intent.tool == "mcnemar"
    assert intent.args["table"] == table
    assert intent.args.get("method") == method


def test_the_discordant_counts_alone() -> None:
    intent = first_intent("mcnemar test with b = 14 and c = 4, no continuity correction", "stats")
    assert (intent.args["b"], intent.args["c"], intent.args["method"]) == (14, 4, "uncorrected")


def test_named_without_a_table_is_refused_naming_it() -> None:
    with pytest.raises(HavocInputError, match="2 × 2 table"):
        plan_question("Run a McNemar test on the 30 patients, before and after", "stats")


def test_the_answer_reports_the_discordant_pairs_and_the_difference() -> None:
    answer = run("Inspector A vs B on the same 100 parts, McNemar exact please:\nA pass, B pass: 62\n"
                 "A pass, B fail: 9\nA fail, B pass: 21\nA fail, B fail: 8")["answer"]
    assert "McNemar's test of paired yes/no outcomes, the 2 × 2 table [[62, 9], [21, 8]], exact" in answer["reading"]
    assert "30 discordant pairs (b = 9, c = 21)" in answer["markdown"]
    assert "p = 0.04277" in answer["markdown"]  # 2 · P(X ≤ 9 | 30, ½)
    assert answer["confidence"] >= 0.7
