"""Planner round 11: pasted tables, grouped numbers, units after every value, context numbers, and questions
that must be refused (no numbers made up from the prose around them)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from graphs.planning.extract import (
    normalise_pasted,
    number_runs,
    pasted_table,
    strip_repeated_units,
    ungroup_thousands,
)
from graphs.planning.nl import plan_question, unused_numbers
from graphs.srs import run
from tools.errors import HavocInputError


def _d(values):
    return [Decimal(str(v)) for v in values]


@pytest.mark.parametrize("text, want", [
    ("Spindle speeds 1,200 rpm, 1,350 rpm", "Spindle speeds 1200 rpm, 1350 rpm"),
    ("qty 5,000 and 12.5 mm", "qty 5000 and 12.5 mm"),
    ("counts 12,9,15,1,200", "counts 12,9,15,1,200"),  # commas without spaces separate this list
    ("x,y\n100,200\n150,250", "x,y\n100,200\n150,250"),  # a CSV row is never a grouped number
    ("levels 100,200,300 rpm", "levels 100,200,300 rpm"),  # as likely a list as 100 million
    ("n = 1,234,567 parts", "n = 1234567 parts"),
])
def test_ungroup_thousands(text, want):
    assert ungroup_thousands(text)[0] == want


def test_repeated_unit_belongs_to_each_value():
    assert strip_repeated_units("loads 45.2 kN, 47.1 kN and 46.7 kN.") == "loads 45.2, 47.1 and 46.7 kN."
    assert strip_repeated_units("3.2e-3, 3.5e-3, 2.9e-3 ohm") == "3.2e-3, 3.5e-3, 2.9e-3 ohm"
    assert strip_repeated_units("5 of 200, 8 of 200, 3 of 200") == "5 of 200, 8 of 200, 3 of 200"


def test_and_ends_a_comma_list_but_separates_space_lists():
    assert number_runs("found 3, 5, 2, 8 and 4 defectives") == [("found", _d([3, 5, 2, 8, 4]))]
    assert [v for _, v in number_runs("12.5 13.1 12.8 and 13.5 13.9 13.6")] == [_d([12.5, 13.1, 12.8]),
                                                                                _d([13.5, 13.9, 13.6])]
    assert number_runs("between 0 and 3") == []


def test_markdown_table_with_row_ids_and_labels():
    text = "| Patient | Before | After |\n|---|---|---|\n| 1 | 142 | 135 |\n| 2 | 138 | 136 |\npaired?"
    table = pasted_table(text)
    assert table.header == ["Patient", "Before", "After"] and table.markdown
    out, notes = normalise_pasted(text)
    assert out.splitlines()[:3] == ["Before\tAfter", "142\t135", "138\t136"]
    assert notes == ["column 'Patient' read as a row id, not data"]
    out, _ = normalise_pasted("|  | pass | fail |\n|---|---|---|\n| day | 45 | 5 |\n| night | 38 | 12 |")
    assert out.splitlines() == ["pass\tfail", "day: 45\t5", "night: 38\t12"]


def test_factor_columns_single_column_and_natural_factorial():
    out, _ = normalise_pasted("operator,machine,value\nA,M1,5.1\nA,M2,5.6\nB,M1,5.3\nB,M2,5.9")
    assert out == "operator (A, A, B, B), machine (M1, M2, M1, M2), value: 5.1, 5.6, 5.3, 5.9"
    out, _ = normalise_pasted("Diameter (mm)\n10.01\n9.98\n10.02\nCpk?")
    assert out == "Diameter (mm): 10.01, 9.98, 10.02\nCpk?"
    out, notes = normalise_pasted("run,temp,pressure,yield\n1,150,2,61\n2,200,2,72\n3,150,4,58\n4,200,4,80")
    assert out.splitlines() == ["temp\tpressure\tyield", "-\t-\t61", "+\t-\t72", "-\t+\t58", "+\t+\t80"]
    assert "temp 150 → −1, 200 → +1" in notes[-1]
    # a row number the question makes the predictor stays; "per hour" does not make Hour a variable
    assert normalise_pasted("Day,Weight\n1,70.2\n2,70.0\nregress weight on day")[0].splitlines()[0] == "Day\tWeight"
    assert normalise_pasted("Hour,Defects\n1,3\n2,5\n3,2\nc chart of the defects per hour")[0].startswith(
        "Defects: 3, 5, 2")
    # "x" is a variable, not an id, even with values 1..n
    assert normalise_pasted("x y\n1 2.3\n2 4.1\n3 6.2")[0].splitlines()[0] == "x\ty"
    # a sentence above numbers is no header, and "no" is not an id column
    text = "control chart for subgroups\n1) 5.1 5.2 5.0\n2) 5.3 5.1 5.2"
    assert normalise_pasted(text) == (text, [])
    assert normalise_pasted("yes no\n30 20\n18 32")[1] == []


def test_context_numbers_are_named_not_used():
    question = "We ran 3 shifts last week and the line 2 scrap counts per shift were 12, 9, 15, 11, 8. In control?"
    intents = plan_question(question, "spc")
    assert intents[0].args["counts"] == _d([12, 9, 15, 11, 8])
    # "line 2" names the line (a numbered thing is named, not measured); "3 shifts" is a number set aside
    assert unused_numbers(question, intents) == ["3"]
    assert any("not read as data: 3 " in n for n in intents[0].notes)


def test_summary_statistics_are_not_data():
    # with every figure given, the summary t-test answers; without n, the refusal says n is missing
    (intent,) = plan_question("The mean was 10.2 and the standard deviation 0.3 with n = 25. Is the mean different "
                              "from 10?", "stats")
    assert intent.tool == "summary_t_test" and intent.args["n"] == 25 and intent.args["mu"] == 10
    with pytest.raises(HavocInputError, match="needs the sample size"):
        plan_question("The mean was 10.2 and the standard deviation 0.3. Is the mean different from 10?", "stats")


def test_two_lists_for_a_one_sample_tool_ask_which():
    with pytest.raises(HavocInputError, match="2 lists of numbers"):
        plan_question("Readings were 5.1 5.2 5.3 5.0 yesterday and 6.1 6.2 6.3 6.0 today. Is the data normal?",
                      "stats")


@pytest.mark.parametrize("question", [
    "Line 1 made 1200 parts and line 2 made 1500 parts; 3 operators worked 8 hours. Is the process capable?",
    "What's the Cpk of my process? The mean is 10.1.",
    "Is my process in control?",
    "Compare the two suppliers please",
    "We have 4 machines and 2 shifts; run a t-test",
    "Our plant has 3 lines, 120 workers and 2 shifts. Is the difference between line 1 and line 2 significant?",
    "The mean was 10.2 and the standard deviation 0.3. Is the mean different from 10?",  # no n: named, not guessed
    "is this design orthogonal? [[-1, -1], [1, -1], [-1, 1], [1, 1]]",
    "I measured one part: 5.1 mm. Is it normal?",
    "Summary statistics please: line A 10 12 11 13, line B 20 22 21 23",
])
def test_refused_without_made_up_numbers(question):
    state = run(question)
    assert not state.get("plan") or not state["plan"].get("program"), state["plan"]
    assert not [r for r in state.get("results") or [] if r.get("output")]
    assert state["answer"]["markdown"].strip()
