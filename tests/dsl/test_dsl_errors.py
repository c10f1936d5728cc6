"""Bad programs: every error is located, worded for people, and a clean HavocInputError."""

from __future__ import annotations

from pathlib import Path

import pytest

import dsl
from tools.errors import HavocInputError

# (program, line, column, words the message must contain); Lark's token names must never show
SYNTAX = [
    ("design box_behnken {\n  factor temperature\n  factor pressure 1 .. \n}", 4, 1,
     ["unexpected `}`", "expected a number", "after `1 ..`"]),
    ("design foo { }", 1, 8, ["unexpected name `foo`", "a design kind (full_factorial", "after `design`"]),
    ("chart xbar_q [1,2]", 1, 7, ["chart type (xbar_r, xbar_s, imr, p, np, c, u, ewma, cusum)"]),
    ("describe [1, 2,, 3]", 1, 16, ["unexpected `,`", "a number", "`]`"]),
    ("let = [1]", 1, 5, ["unexpected `=`", "expected a name after `let`"]),
    ('describe "abc', 1, 10, ["string is not closed"]),
    ("describe [1, 2] @", 1, 17, ["unexpected character `@`", "a new statement", "the end of the program"]),
    ("derivative of x^3 * by x", 1, 24, ["unexpected name `x`", "`by`", "an operator"]),
    ("ttest welch [1,2] and", 1, 22, ["ends too early", 'data (a list [...], a table', 'from "file.csv" column']),
    ("capability [1,2] lsl", 1, 21, ["ends too early", "expected a number after `2] lsl`"]),
    ("regression [1,2] [3,4]", 1, 18, ["unexpected `[`", "expected `on`"]),
    ("describe", 1, 9, ["ends too early", "data ("]),
    ("design box_behnken { factor t 1 .. 2 center_points 3 center_points 4 }", 1, 54,
     ["`center_points` is given twice"]),
    ("ttest student [1] and [2]", 1, 7, ["t-test kind (one_sample, paired, pooled, welch)"]),
    ("chart imr [1, 2] rules shewhart", 1, 24, ["rule set (western_electric, nelson, none)"]),
    ("anova three_way [1]", 1, 7, ["unexpected name `three_way`", "`one_way` or `two_way`"]),
    ("limit of 1/x as x to 0 from above", 1, 29, ["a side (left, right)"]),
    ("solve x^2 = 4", 1, 14, ["ends too early", "`for`"]),
    ("matrix determinant of [[1, 2], [3, 4]", 1, 38, ["ends too early", "`]`"]),
    ("design central_composite { alpha huge }", 1, 34, ["rotatable, orthogonal", "a number"]),
    ("series of exp(x) around x order 3", 1, 27, ["unexpected `order`", "expected `=`"]),
    ("simplify 2x", 1, 11, ["unexpected name `x`"]),
    ("let d = design box_behnken {\n    factor t 1 .. 2 degC\n}", 2, 21, ["unexpected name `degC`", 'a quoted string']),
    ("describe [1; 2]", 1, 12, ["unexpected character `;`"]),
    ("desribe [1, 2]", 1, 1, ["unexpected name `desribe`", "did you mean `describe`?"]),
    ("design box_behnkn { factors 3 }", 1, 8, ["did you mean `box_behnken`?"]),
    ("capability [1, 2] lsl 1 uls 2", 1, 25, ["did you mean `usl`?"]),
    ("simplify (x + 1)(x - 1)", 1, 17, ["write multiplication with `*`"]),
]


@pytest.mark.parametrize(("program", "line", "column", "words"), SYNTAX, ids=[s[0][:30] for s in SYNTAX])
def test_syntax_errors_are_located_and_worded(program: str, line: int, column: int, words: list[str]) -> None:
    with pytest.raises(dsl.DslSyntaxError) as info:
        dsl.parse(program, source="plan.havoc")
    err = info.value
    assert isinstance(err, HavocInputError)
    assert (err.line, err.column) == (line, column), str(err)
    message = str(err)
    assert "\n" not in message and message.startswith(f"plan.havoc:{line}:{column}: syntax error: ")
    for word in words:
        assert word in message, (word, message)
    for lark_name in ("NUMBER", "NAME", "RSQB", "LBRACE", "__ANON", "$END", "Token("):
        assert lark_name not in message, message


def test_pretty_shows_file_line_caret_and_words() -> None:
    with pytest.raises(dsl.DslSyntaxError) as info:
        dsl.parse("describe [1]\ndesign box_behnken {\n    factor temperature 150 .. }\n", source="plan.havoc")
    pretty = info.value.pretty().splitlines()
    assert pretty[0] == "plan.havoc:3:31: syntax error"
    assert pretty[1].endswith("|     factor temperature 150 .. }")
    caret_at = pretty[2].index("^")
    assert pretty[1][caret_at] == "}"
    assert "expected a number after `temperature 150 ..`" in pretty[3]


SEMANTIC = [
    ("describe x", 1, 10, "`x` is not defined"),
    ("let d = design box_behnken { factor t 5 .. 1 factor u 1 .. 2 factor v 1 .. 2 }", 1, 30,
     "the low end (5) must be below the high end (1)"),
    ("design box_behnken { factor a 0 .. 1 factor b 0 .. 1 }", 1, 1, "needs at least 3 factors, not 2"),
    ("design full_factorial { factors 3 center_points 2.5 }", 1, 35, "center_points must be a whole number"),
    ("design full_factorial { factor a factor b factors 3 }", 1, 43, "`factors 3` but 2 factors are named"),
    ("design box_behnken { factors 3 face faced }", 1, 32, "`face` only applies to central_composite"),
    ("design fractional_factorial { factors 5 }", 1, 1, "needs `resolution N`"),
    ("design fractional_factorial { factors 4 generator E = ABC }", 1, 41, "E is not one of the factor letters ABCD"),
    ("design full_factorial { factor a 0 .. 1 factor a 2 .. 3 }", 1, 41, "factor 'a' is named twice"),
    ("let d = [1, 2]\nanalyze d with response [1, 2]", 2, 1, "`d` is not a design"),
    ("chart xbar_r [1, 2, 3, 4, 5, 6]", 1, 1, "needs subgroups"),
    ("chart xbar_r [1, 2, 3, 4, 5, 6, 7] subgroup 3", 1, 36, "7 values do not split into subgroups of 3"),
    ("chart p [1, 2, 3]", 1, 1, "needs the sample sizes"),
    ("chart imr [1, 2, 3] subgroup 2", 1, 21, "`subgroup` is for xbar_r, xbar_s, ewma and cusum"),
    ("capability [1, 2, 3] lsl 5 usl 1", 1, 28, "lsl (5) must be below usl (1)"),
    ("capability [1, 2, 3]", 1, 1, "needs a specification limit"),
    ("ttest welch [1, 2, 3]", 1, 1, "compares two samples"),
    ("ttest one_sample [1, 2] confidence 95", 1, 25, "between 0 and 1"),
    ("ttest paired [1, 2, 3] and [1, 2]", 1, 28, "same length (3 and 2)"),
    ("describe [1, \"a\"]", 1, 10, "must be numbers, but holds the label 'a'"),
    ("describe [[1, 2], [3, 4]]", 1, 10, "must be a flat list of values, not a table"),
    ("chisquare [1, 2, 3]", 1, 11, "must be a table"),
    ("regression [1, 2] on [[1, 2], [3, 4]] degree 2", 1, 39, "`degree` is for one predictor"),
    ("let design_1 = [1]\nlet table = [2]", 2, 1, "`table` is a HAVOC keyword"),
    ('describe from "nowhere.csv" column x', 1, 10, "no such file"),
    ("describe column x", 1, 10, "which file?"),
    ("matrix determinant of [[1, 2, 3], [4, 5, 6]]", 1, 1, "needs a square matrix, not 2x3"),
    ("derivative of x by x order 0", 1, 1, "order must be at least 1"),
    ("constants for subgroup 1", 1, 1, "must be at least 2"),
    ("anova two_way [1, 2, 3] by [1, 2] and [1, 2, 3]", 1, 1, "same length"),
]


@pytest.mark.parametrize(("program", "line", "column", "words"), SEMANTIC, ids=[s[0][:30] for s in SEMANTIC])
def test_semantic_errors_are_located(program: str, line: int, column: int, words: str, tmp_path: Path) -> None:
    parsed = dsl.parse(program, source="plan.havoc")
    with pytest.raises(dsl.DslSemanticError) as info:
        dsl.check(parsed, base_dir=tmp_path)
    err = info.value
    assert isinstance(err, HavocInputError)
    assert (err.line, err.column) == (line, column), str(err)
    assert words in str(err), str(err)
    assert "\n" not in str(err)
    assert err.pretty().splitlines()[1].endswith(program.splitlines()[line - 1])


def test_csv_columns_are_checked_against_the_header(tmp_path: Path) -> None:
    (tmp_path / "rings.csv").write_text("sample,diameter\n1,74.01\n")
    program = dsl.parse('describe from "rings.csv" column diametre')
    with pytest.raises(dsl.DslSemanticError, match="rings.csv has no column 'diametre' \\(columns: sample, diameter\\)"):
        dsl.check(program, base_dir=tmp_path)


def test_execute_checks_first() -> None:
    with pytest.raises(dsl.DslSemanticError, match="`y` is not defined"):
        dsl.execute(dsl.parse("describe y"))


def test_names_from_an_earlier_run_are_known_to_check() -> None:
    program = dsl.parse("describe y")
    dsl.check(program, env={"y": {"kind": "data", "numbers": ["1", "2"]}})
    with pytest.raises(dsl.DslSemanticError, match="holds a design, not data"):
        dsl.check(program, env={"y": {"kind": "design", "output": {}}})


def test_formulas_built_by_code_are_checked() -> None:
    from dsl import ast

    dsl.check(ast.Program([ast.Derivative(ast.Expr("x^3*sin(x)"), ["x"])]))
    with pytest.raises(dsl.DslSemanticError, match="'2x' is not a formula"):
        dsl.check(ast.Program([ast.Derivative(ast.Expr("2x"), ["x"])]))
    with pytest.raises(dsl.DslSemanticError, match="without comments"):
        dsl.check(ast.Program([ast.Simplify(ast.Expr("x # by y"))]))
    with pytest.raises(dsl.DslSemanticError, match="must be text on one line"):
        dsl.check(ast.Program([ast.AnovaOneWay(ast.Values([ast.Number(1), ast.Number(2)]),
                                               ast.Values(["a\nb", "c"]))]))
