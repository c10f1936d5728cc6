"""Bad input to the statistics tools: one line, the field named, never a traceback from numpy or scipy."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from tools.errors import HavocInputError
from tools.registry import run_tool

NAN = float("nan")
INF = float("inf")

CASES: list[tuple[str, dict[str, Any], str]] = [
    ("describe", {"data": []}, "data"),
    ("describe", {"data": [3.0]}, "data"),
    ("describe", {"data": [1.0, NAN]}, "data[1]"),
    ("describe", {"data": [1.0, INF]}, "data[1]"),
    ("describe", {"data": [Decimal(1), Decimal("1e400")]}, "data[1]"),
    ("describe", {"data": ["1", 2]}, "data[0]"),
    ("describe", {"data": "1,2,3"}, "data"),
    ("describe", {"data": [1, 2, 3], "confidence": 1.5}, "confidence"),
    ("describe", {}, "data"),
    ("t_test", {"x": [1.0]}, "x"),
    ("t_test", {"x": [2.0, 2.0, 2.0]}, "x"),
    ("t_test", {"kind": "paired", "x": [1, 2, 3], "y": [1, 2]}, "y"),
    ("t_test", {"kind": "paired", "x": [1, 2, 3]}, "y"),
    ("t_test", {"kind": "one_sample", "x": [1, 2, 3], "y": [1, 2]}, "y"),
    ("t_test", {"kind": "pooled", "x": [1, 1], "y": [2, 2]}, "x"),
    ("t_test", {"kind": "welch", "x": [1], "y": [2, 3]}, "x"),
    ("t_test", {"x": [1, 2, 3], "alternative": "bigger"}, "alternative"),
    ("t_test", {"x": [1, 2, 3], "kind": "anova"}, "kind"),
    ("t_test", {"x": [1, 2, 3], "mu": NAN}, "mu"),
    ("anova_oneway", {"groups": [[1, 2, 3]]}, "groups"),
    ("anova_oneway", {"groups": [[1, 2], []]}, "groups[1]"),
    ("anova_oneway", {"groups": [[1], [2]]}, "groups"),
    ("anova_oneway", {"groups": [[1, 1], [2, 2]]}, "groups"),
    ("anova_oneway", {"groups": [[1, 2], [3, "x"]]}, "groups[1][1]"),
    ("anova_oneway", {"groups": [[1, 2], 3]}, "groups[1]"),
    ("anova_oneway", {"groups": [[1, 2], [3, 4]], "labels": ["a"]}, "labels"),
    ("anova_twoway", {"y": [1, 2, 3, 4], "a": ["x", "x", "y"], "b": ["p", "q", "p", "q"]}, "a"),
    ("anova_twoway", {"y": [1, 2, 3, 4], "a": ["x", "x", "y", "y"], "b": ["p", "q", "p", "q"]}, "y"),
    ("anova_twoway", {"y": [1, 2, 3], "a": ["x", "x", "x"], "b": ["p", "q", "p"]}, "a"),
    ("anova_twoway", {"y": [1, 2, 3, 4, 5], "a": ["x", "x", "y", "y", "y"], "b": ["p", "p", "p", "p", "q"]}, "a"),
    ("anova_twoway", {"cells": [[[1, 2], [3, 4]], [[5, 6]]]}, "cells[1]"),
    ("anova_twoway", {}, "y"),
    ("regression", {"y": [1, 2, 3]}, "x"),
    ("regression", {"y": [1, 2, 3], "x": [1, 2]}, "x"),
    ("regression", {"y": [1, 2], "x": [1, 2]}, "y"),
    ("regression", {"y": [1, 2, 3, 4], "x": [1, 1, 1, 1]}, "x"),
    ("regression", {"y": [1, 2, 3, 4], "x": [1, 2, 1, 2], "degree": 2}, "x"),
    ("regression", {"y": [1, 2, 3, 4], "x": [1, 2, 3, 4], "degree": 0}, "degree"),
    ("regression", {"y": [1, 2, 3, 4], "X": [[1, 2], [2, 3], [3]]}, "X"),
    ("regression", {"y": [1, 2, 3, 4], "X": [[1, 2], [2, 3], [3, 5], [4]]}, "X[3]"),
    ("regression", {"y": [1, 2, 3, 4], "X": [[1, 2], [2, 4], [3, 6], [4, 8]]}, "X"),
    ("regression", {"y": [1, 2, 3, 4], "X": [[1], [1], [1], [1]]}, "X"),
    ("regression", {"y": [5, 5, 5, 5], "x": [1, 2, 3, 4]}, "y"),
    ("regression", {"y": [1, 2, 3, 4], "X": [[1, "a"], [2, 3], [3, 5], [4, 1]]}, "X[0][1]"),
    ("regression", {"y": [1, 2, 3, 4], "X": [[1, NAN], [2, 3], [3, 5], [4, 1]]}, "X[0][1]"),
    ("regression", {"y": [1, 2, 3, 4], "x": [1, 2, 3, 4], "X": [[1], [2], [3], [4]]}, "x"),
    ("regression", {"y": [1, 2, 3, 4], "X": [[1, 2], [2, 3], [3, 5], [4, 1]], "names": ["a"]}, "names"),
    ("chi_square", {}, "table"),
    ("chi_square", {"table": [[1, 2], [3]]}, "table[1]"),
    ("chi_square", {"table": [[1, -2], [3, 4]]}, "table"),
    ("chi_square", {"table": [[0, 0], [3, 4]]}, "table"),
    ("chi_square", {"table": [[1, 2, 3]]}, "table"),
    ("chi_square", {"observed": [5, 5], "expected": [4, 4]}, "expected"),
    ("chi_square", {"observed": [5, 5], "probabilities": [0.2, 0.2]}, "probabilities"),
    ("chi_square", {"observed": [5]}, "observed"),
    ("chi_square", {"observed": [5, 6], "estimated_parameters": 1}, "estimated_parameters"),
    ("normality", {"data": [1, 2]}, "data"),
    ("normality", {"data": [3, 3, 3, 3]}, "data"),
    ("normality", {"data": [1, 2, 3], "method": "lilliefors"}, "method"),
    ("levene", {"groups": [[1, 2], [3]]}, "groups[1]"),
    ("levene", {"groups": [[1, 1], [3, 3]]}, "groups"),
    ("kruskal_wallis", {"groups": [[1, 1], [1, 1]]}, "groups"),
    ("anova_oneway", {"groups": [[1, 2], [3]], "welch": True}, "groups[1]"),
    ("anova_oneway", {"groups": [[1, 2], [3, 3], [4, 6]], "welch": True}, "groups[1]"),
    ("variance_test", {"groups": [[1, 2], [3]]}, "groups[1]"),
    ("variance_test", {"groups": [[1, 2], [3, 3]]}, "groups[1]"),
    ("variance_test", {"groups": [[1, 2], [3, 4], [5, 7]], "method": "f"}, "groups"),
    ("correlation", {"x": [1, 2, 3], "y": [1, 2]}, "y"),
    ("correlation", {"x": [1, 2], "y": [1, 2]}, "x"),
    ("correlation", {"x": [1, 1, 1], "y": [1, 2, 3]}, "x"),
    ("correlation", {"x": [1, 2, NAN], "y": [1, 2, 3]}, "x[2]"),
    ("kruskal_wallis", {"groups": [[1, 2, 3]]}, "groups"),
]


@pytest.mark.parametrize(("tool", "args", "field"), CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_bad_input_names_the_field(tool: str, args: dict[str, Any], field: str) -> None:
    with pytest.raises(HavocInputError) as info:
        run_tool(tool, args)
    message = str(info.value)
    assert "\n" not in message
    assert field in message, message


def test_spellings_people_and_planners_use_are_accepted() -> None:
    groups = {"y": [1, 2, 3, 4, 5, 6, 7, 9], "a": list("aabbaabb"), "b": list("xxxxyyyy")}
    assert run_tool("anova_twoway", {**groups, "ss_type": "III"})["ss_type"] == 3
    assert run_tool("anova_twoway", {**groups, "ss_type": "type 2"})["ss_type"] == 2
    assert run_tool("t_test", {"x": [1, 2, 4], "y": [2, 3, 7], "kind": "Student"})["kind"] == "pooled"
    assert run_tool("t_test", {"x": [1, 2, 4], "y": [2, 3, 7], "kind": "two-sample"})["kind"] == "welch"
    assert run_tool("normality", {"data": [1, 2, 4, 7, 8], "method": "Shapiro"})["method"].startswith("Shapiro")
    assert run_tool("normality", {"data": [1, 2, 4, 7, 8, 9, 12, 13], "method": "AD"})["method"].startswith("Anderson")
