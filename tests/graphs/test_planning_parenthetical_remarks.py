"""A remark in parentheses is prose: its comma-separated words are no list of factor levels or group names."""

from __future__ import annotations

from graphs.planning.extract import label_lists
from graphs.planning.nl import plan_question
from graphs.planning.nl_math import _without_remarks


def test_a_remark_with_repeated_words_is_no_label_list() -> None:
    assert label_lists("Welch please (the unequal-variance one, not the classic F). Data:") == []
    assert label_lists("yield by catalyst (A, A, B, B, A, B)") == [("catalyst", ["A", "A", "B", "B", "A", "B"])]
    assert label_lists("temp [low high low high]") == [("temp", ["low", "high", "low", "high"])]


def test_groups_after_a_remark_keep_their_own_names() -> None:
    q = ("Welch's ANOVA, please (the one for unequal spreads, not the usual F, not the pooled one). Seal strength by "
         "line:\nL1 -> 40.1, 41.3, 39.8, 40.6\nL2 -> 43.0, 38.2, 45.1, 41.9, 44.0\nL3 -> 39.0, 39.4, 38.7, 39.9\n"
         "F and p?")
    (intent,) = plan_question(q, "stats")
    assert intent.tool == "anova_oneway" and intent.args["welch"] is True
    assert intent.args["labels"] == ["L1", "L2", "L3"] and [len(g) for g in intent.args["groups"]] == [4, 5, 4]


def test_a_comment_on_the_maths_in_brackets_is_no_maths() -> None:
    (intent,) = plan_question("simplify (t^2 - 1)/(t - 1), then what does the simplified version give at t = 1 (where the "
                              "original is 0/0)?", "math")
    assert intent.tool == "simplify" and intent.args["at"] == {"t": "1"}
    assert "(where y = 3)" in _without_remarks("evaluate x^2 + y (where y = 3) at x = 2")  # an equation is maths


def test_a_question_after_a_dash_is_no_maths() -> None:
    (intent,) = plan_question("∫ from 2 to ∞ of dx/(x^2 - 1) -- does it converge? to what, if so", "math")
    assert intent.tool == "integrate" and (intent.args["lower"], intent.args["upper"]) == (2, "oo")
