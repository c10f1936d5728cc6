"""Planner intents written as DSL keep what the user asked for: group names, simplify methods, confidence."""

from __future__ import annotations

import pytest

import dsl
from graphs.planning.intent import Intent
from graphs.planning.nl import plan_question
from graphs.planning.nl_stats import _group_names
from graphs.planning.to_dsl import render_program


def _program(question: str, mode: str) -> tuple[list[Intent], str]:
    intents = plan_question(question, mode)
    assert intents, f"no plan for {question!r}"
    text = render_program(intents)
    dsl.check(dsl.parse(text))
    return intents, text


def test_named_anova_groups_reach_tukeys_table() -> None:
    question = "compare suppliers A: 12 13 11 14, B: 15 14 16 17, C: 12 12 13 11 with anova"
    intents, text = _program(question, "stats")
    assert intents[0].args["labels"] == ["A", "B", "C"]
    assert text == 'anova one_way [[12, 13, 11, 14], [15, 14, 16, 17], [12, 12, 13, 11]] by ["A", "B", "C"]'
    (result,) = dsl.execute(dsl.parse(text))
    assert [(p["group_a"], p["group_b"]) for p in result.output["tukey"]] == [("A", "B"), ("A", "C"), ("B", "C")]


def test_multi_word_group_names_survive() -> None:
    intents, text = _program("Machine A 5.1 5.3 5.2, machine B 5.6 5.5 5.7 and machine C 5.0 4.9 5.1: do they differ?",
                             "stats")
    assert intents[0].args["labels"] == ["Machine A", "machine B", "machine C"]
    assert text.endswith('by ["Machine A", "machine B", "machine C"]')


def test_unnamed_groups_get_no_names() -> None:
    intents, text = _program("anova [1,2,3] [4,5,6] [7,8,9]", "stats")
    assert "labels" not in intents[0].args and " by " not in text


@pytest.mark.parametrize(("names", "want"), [
    (["compare suppliers A", "B", "C"], ["A", "B", "C"]),
    (["the old line", "new line"], ["old line", "new line"]),
    (["group 1", "group 2", "group 3"], None),
    (["A", "a"], None),  # names that differ only in case would read as one group
    (["x", ""], None),
])
def test_group_names_are_tidied_or_dropped(names: list[str], want: list[str] | None) -> None:
    assert _group_names(names) == want


def test_names_with_quotes_are_escaped() -> None:
    text = render_program([Intent("anova_oneway", {"groups": [[1, 2], [3, 4]], "labels": ['5" pipe', "back\\slash"]})])
    (statement,) = dsl.parse(text).statements
    assert statement.by.items == ['5" pipe', "back\\slash"]


@pytest.mark.parametrize(("question", "method", "result"), [
    ("factor x^2 - 5*x + 6", "factor", "(x - 3)*(x - 2)"),
    ("expand (x+2)^3", "expand", "x**3 + 6*x**2 + 12*x + 8"),
])
def test_simplify_method_is_kept(question: str, method: str, result: str) -> None:
    _, text = _program(question, "math")
    assert text.endswith(f"method {method}")
    (run,) = dsl.execute(dsl.parse(text))
    assert run.args["method"] == method and run.output["result"] == result


def test_plain_simplify_has_no_method_clause() -> None:
    assert render_program([Intent("simplify", {"expression": "sin(x)^2 + cos(x)^2", "method": "simplify"})]) == \
        "simplify sin(x)^2 + cos(x)^2"


def test_describe_keeps_the_confidence_level() -> None:
    intents, text = _program("describe 2.1 3.9 6.2 7.8 5.5 with a 90% confidence interval", "stats")
    assert intents[0].args["confidence"] == 0.9
    assert text == "describe [2.1, 3.9, 6.2, 7.8, 5.5] confidence 0.9"
    _, plain = _program("describe 2.1 3.9 6.2 7.8 5.5", "stats")
    assert "confidence" not in plain
