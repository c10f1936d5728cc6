"""Planner pieces added for issue 5, round 9: requirements, count/size pairs, separated subgroups, tables of
counts, two-way ANOVA from level lists; d²/dx² in answers; Levene's degenerate case in ARGUE.

End-to-end numbers for the same phrasings are in tests/data/agent_questions.jsonl (round 9).
"""

from __future__ import annotations

import warnings
from decimal import Decimal

import pytest

from graphs.planning.extract import fraction_pairs, label_lists, separated_rows
from graphs.planning.nl import plan_question
from graphs.planning.nl_stats import reference_mean
from graphs.planning.to_dsl import render_program
from graphs.render import render_symbolic
from graphs.stages.argue import _levene


@pytest.mark.parametrize(("text", "pairs"), [
    ("5/200, 8/200, 3/200", [(5, 200), (8, 200), (3, 200)]),
    ("3 of 150 and 5 out of 150", [(3, 150), (5, 150)]),
    ("12 defective out of 400, line B 25 out of 410", [(12, 400), (25, 410)]),
    ("shipped 12/05/2023 and 13/05/2023", []),  # dates are not counts
    ("5/200 only", []),  # one pair is not a series
    ("300/200, 5/200", []),  # a count above its size is not a proportion
])
def test_fraction_pairs(text, pairs) -> None:
    assert fraction_pairs(text) == [(Decimal(a), Decimal(b)) for a, b in pairs]


def test_separated_rows() -> None:
    rows = separated_rows("Subgroups of 3: 1.1 1.2 1.3 / 2.1 2.2 2.3 / 3.1 3.2 3.3")
    assert rows == [[Decimal("1.1"), Decimal("1.2"), Decimal("1.3")], [Decimal("2.1"), Decimal("2.2"), Decimal("2.3")],
                    [Decimal("3.1"), Decimal("3.2"), Decimal("3.3")]]
    assert len(separated_rows("a; 1 2 3 4; 5 6 7 8")) == 2
    assert separated_rows("1 2 3 / 4 5") == []  # unequal rows are not subgroups


def test_label_lists() -> None:
    found = label_lists("yield by catalyst (A, A, B, B) and temperature [low, high, low, high]: 1, 2, 3, 4")
    assert found == [("catalyst", ["A", "A", "B", "B"]), ("temperature", ["low", "high", "low", "high"])]
    assert label_lists("values (1, 2, 3, 4)") == []  # no repeated level: data, not a factor


@pytest.mark.parametrize(("question", "mu", "alternative"), [
    ("Does the mean meet the 400 MPa requirement?", "400", "greater"),
    ("the mean must not exceed 45 ppm", "45", "less"),
    ("is the average at least 25 Nm", "25", "greater"),
    ("is the average below the 2.0 mm maximum", "2.0", "less"),
    ("compare with the limit of 12 s", "12", "two-sided"),  # a limit with no direction is not guessed
])
def test_reference_mean(question, mu, alternative) -> None:
    value, alt, notes, _ = reference_mean(question)
    assert (str(value), alt) == (mu, alternative)
    assert notes and ("H1" in notes[0])


def test_requirement_plan_says_one_sided() -> None:
    intents = plan_question("strengths 402, 398, 405, 410, 395 MPa. Does the mean meet the 400 MPa requirement?", "stats")
    assert intents[0].tool == "t_test" and intents[0].args["alternative"] == "greater"
    assert Decimal(400) not in intents[0].args["x"]  # the requirement is not a data point
    assert any("one-sided" in n for n in intents[0].notes)


def test_pairs_make_a_p_chart_and_two_compared_pairs_a_proportion_test() -> None:
    chart = plan_question("proportion defective: 5/200, 8/200, 3/200, 6/200", "spc")[0]
    assert chart.args["chart"] == "p" and chart.args["counts"] == [5, 8, 3, 6] and chart.args["sizes"] == [200] * 4
    two = plan_question("Line A 12 defective out of 400, line B 25 out of 410: is the rate different?", "stats")[0]
    assert two.tool == "proportion_test" and two.args["x"] == [12, 25] and two.args["n"] == [400, 410]
    table = plan_question("Compare defect rates: 8/500 vs 15/500 vs 11/500", "stats")[0]
    assert table.tool == "chi_square" and table.args["table"] == [[8, 492], [15, 485], [11, 489]]


def test_independence_is_a_table_even_when_mode_says_spc() -> None:
    intents = plan_question("defects by shift: day [10, 20, 30], night [20, 20, 20]. Independent of shift?", "spc")
    assert intents[0].tool == "chi_square" and intents[0].args["table"] == [[10, 20, 30], [20, 20, 20]]


def test_two_way_program_names_the_factors() -> None:
    intents = plan_question("two-way anova: y by catalyst (A, A, B, B, A, A, B, B) and temp (lo, hi, lo, hi, lo, hi, "
                            "lo, hi): 1, 2, 3, 4, 5, 6, 7, 8", "stats")
    program = render_program(intents)
    assert program.splitlines()[-1] == "anova two_way [1, 2, 3, 4, 5, 6, 7, 8] by catalyst and temp"
    single = plan_question("two-way anova: y by a1 (A, A, B, B) and b1 (x, y, x, y): 1, 2, 3, 4", "stats")[0]
    assert single.args["interaction"] is False  # one observation per cell: no error term for AB
    assert any("additive" in n for n in single.notes)


def test_unknown_is_not_guessed() -> None:
    # labels but no response of the same length: nothing is planned rather than a wrong ANOVA
    assert plan_question("two-way anova with catalyst (A, A, B, B) and temp (lo, hi, lo, hi): 1, 2, 3", "stats") is None


@pytest.mark.parametrize(("args", "start"), [
    ({"expression": "x**4", "variable": "x", "order": 2}, "d²/dx² [`x**4`]"),
    ({"expression": "x**4", "variable": "x"}, "d/dx [`x**4`]"),
    ({"expression": "sin(t)", "variable": "t", "order": 3}, "d³/dt³ [`sin(t)`]"),
    ({"expression": "x*y", "variable": ["x", "y"]}, "∂²/∂x∂y [`x*y`]"),
])
def test_derivative_operator(args, start) -> None:
    conclusion, _ = render_symbolic("differentiate")(args, {"result": "0"})
    assert conclusion.startswith(start)


def test_levene_degenerate_groups_are_said_not_warned() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a RuntimeWarning leaking from scipy fails the test
        args = _levene([[200, 8], [200, 3], [200, 6]])
    assert len(args) == 1 and args[0]["stance"] == "con" and "cannot be computed" in args[0]["text"]
    ok = _levene([[1, 2, 3, 4], [2, 4, 6, 9]])
    assert ok[0]["value"] is not None
