"""`simplify F method M` and `describe DATA confidence C`: grammar, checker, formatter, executor."""

from __future__ import annotations

from decimal import Decimal

import pytest

import dsl
from dsl import ast
from dsl.checker import SIMPLIFY_METHODS
from dsl.prefix import _choices
from tools.registry import get


def test_simplify_methods_are_the_tools_and_the_grammars() -> None:
    schema = get("simplify").json_schema()["properties"]["method"]
    assert list(SIMPLIFY_METHODS) == schema["enum"]
    assert sorted(_choices("SIMPLIFY_METHOD")) == sorted(SIMPLIFY_METHODS)


@pytest.mark.parametrize(("text", "method", "result"), [
    ("simplify x^2 - 1 method factor", "factor", "(x - 1)*(x + 1)"),
    ("simplify (x + 1)^2 METHOD Expand", "expand", "x**2 + 2*x + 1"),
    ("simplify 1/(x^2 - 1) method apart", "apart", "-1/(2*(x + 1)) + 1/(2*(x - 1))"),
    ("simplify sin(x)^2 + cos(x)^2", None, "1"),
])
def test_simplify_method_reaches_the_tool(text: str, method: str | None, result: str) -> None:
    program = dsl.parse(text)
    (statement,) = program.statements
    assert isinstance(statement, ast.Simplify) and statement.method == method
    assert dsl.parse(dsl.format(program)) == program
    (run,) = dsl.execute(program)
    assert run.args.get("method") == method
    assert run.output["result"] == result


def test_simplify_method_formats_canonically() -> None:
    assert dsl.format(dsl.parse("SIMPLIFY (x+1)^2   Method   EXPAND")) == "simplify (x + 1)^2 method expand\n"
    assert dsl.format(dsl.parse("simplify x")) == "simplify x\n"


def test_a_variable_may_still_be_called_method() -> None:
    (statement,) = dsl.parse("simplify method + 1 method expand").statements
    assert statement.expression.text == "method + 1" and statement.method == "expand"


def test_unknown_method_in_text_is_a_located_syntax_error_listing_the_choices() -> None:
    with pytest.raises(dsl.DslSyntaxError) as info:
        dsl.parse("describe [1, 2]\nsimplify x^2 - 1 method factr\n")
    error = info.value
    assert (error.line, error.column) == (2, 25)
    assert "expand, factor" in error.detail and "expand_log" in error.detail
    assert "did you mean `factor`?" in error.detail


def test_unknown_method_in_a_built_program_is_a_located_semantic_error() -> None:
    program = dsl.parse("describe [1, 2]\nsimplify x^2 - 1 method factor\n")
    program.statements[1].method = "factorise"  # as a program-building caller might set it
    with pytest.raises(dsl.DslSemanticError) as info:
        dsl.check(program)
    error = info.value
    assert (error.line, error.column) == (2, 25)
    assert "unknown simplify method 'factorise'" in error.detail
    assert ", ".join(SIMPLIFY_METHODS) in error.detail


def test_method_given_without_location_still_names_the_choices() -> None:
    program = ast.Program([ast.Simplify(dsl.parse_expression("x^2 - 1"), method="collect")])
    with pytest.raises(dsl.DslSemanticError, match="choose one of simplify, expand, factor"):
        dsl.check(program)


def test_describe_confidence_reaches_the_tool_and_narrows_the_interval() -> None:
    data = "[2.1, 3.9, 6.2, 7.8]"
    default, ninety = dsl.execute(dsl.parse(f"describe {data}\ndescribe {data} confidence 0.9"))
    assert "confidence" not in default.args and ninety.args["confidence"] == Decimal("0.9")
    assert ninety.statement == f"describe {data} confidence 0.9"
    width = lambda r: r.output["ci_mean"][1] - r.output["ci_mean"][0]  # noqa: E731
    assert width(ninety) < width(default)


def test_describe_confidence_round_trips_and_is_checked() -> None:
    program = dsl.parse("let y = [1, 2, 3]\nDESCRIBE y CONFIDENCE 0.99")
    assert program.statements[1] == ast.Describe(ast.Ref("y"), Decimal("0.99"))
    assert dsl.format(program) == "let y = [1, 2, 3]\ndescribe y confidence 0.99\n"
    with pytest.raises(dsl.DslSemanticError) as info:
        dsl.check(dsl.parse("describe [1, 2, 3] confidence 95"))
    assert (info.value.line, info.value.column) == (1, 20) and "between 0 and 1" in info.value.detail
    with pytest.raises(dsl.DslSyntaxError) as info:
        dsl.parse("describe [1, 2, 3] confidence 0.9 confidence 0.8")
    assert (info.value.line, info.value.column) == (1, 35)


# ---------------------------------------------------------------- anova one_way TABLE by NAMES


def test_a_table_of_groups_named_after_by_keeps_the_names_in_tukeys_table() -> None:
    program = dsl.parse('anova one_way [[12, 13, 11, 14], [15, 14, 16, 17], [12, 12, 13, 11]] by ["A", "B", "C"]')
    assert dsl.parse(dsl.format(program)) == program
    (run,) = dsl.execute(program)
    assert run.args["labels"] == ["A", "B", "C"]
    assert [(p["group_a"], p["group_b"]) for p in run.output["tukey"]] == [("A", "B"), ("A", "C"), ("B", "C")]
    assert [g["label"] for g in run.output["groups"]] == ["A", "B", "C"]
    unnamed, by_label = dsl.execute(dsl.parse(
        "anova one_way [[12, 13, 11, 14], [15, 14, 16, 17], [12, 12, 13, 11]]\n"
        'anova one_way [12, 13, 11, 14, 15, 14, 16, 17, 12, 12, 13, 11] by '
        '["A", "A", "A", "A", "B", "B", "B", "B", "C", "C", "C", "C"]'))
    assert run.output["f_statistic"] == unnamed.output["f_statistic"] == by_label.output["f_statistic"]
    assert by_label.output["tukey"] == run.output["tukey"]


def test_group_names_from_bound_names_are_counted_when_run() -> None:
    ok = dsl.execute(dsl.parse('let t = [[1, 2, 3], [4, 5, 7]]\nlet n = ["old", "new"]\nanova one_way t by n'))
    assert ok[0].args["labels"] == ["old", "new"]
    with pytest.raises(dsl.DslError) as info:
        dsl.execute(dsl.parse('let t = [[1, 2, 3], [4, 5, 7]]\nlet n = ["x", "y", "z"]\nanova one_way t by n'))
    assert (info.value.line, info.value.column) == (3, 20) and "3 group names for 2 groups" in info.value.detail


@pytest.mark.parametrize(("text", "words"), [
    ('anova one_way [[1, 2], [3, 4]] by ["A"]', "1 group name for 2 groups"),
    ('anova one_way [[1, 2], [3, 4]] by ["A", "A"]', "'A' is given twice"),
    ('levene [[1, 2], [3, 4]] by ["A", "B"]', "Levene's test takes no group names"),
    ('kruskal [[1, 2], [3, 4]] by ["A", "B"]', "Kruskal-Wallis test takes no group names"),
    ("anova one_way [[1, 2], [3, 4]] by [[1, 2]]", "must be a flat list"),
])
def test_bad_group_names_are_located(text: str, words: str) -> None:
    with pytest.raises(dsl.DslSemanticError) as info:
        dsl.check(dsl.parse(text))
    assert (info.value.line, info.value.column) == (1, text.index(" by ") + 5)  # at the names
    assert words in info.value.detail


def test_evaluate_digits_reaches_the_tool_and_round_trips() -> None:
    program = dsl.parse("evaluate sqrt(2) digits 30")
    dsl.check(program)
    assert dsl.format(program).strip() == "evaluate sqrt(2) digits 30"
    (result,) = dsl.execute(program)
    assert result.args["digits"] == 30
    assert result.output["result"].startswith("1.41421356237309504880168872")  # sqrt(2) to 28 places


@pytest.mark.parametrize("bad", ["0", "2.5", "500"])
def test_evaluate_digits_out_of_range_is_refused(bad: str) -> None:
    with pytest.raises(dsl.DslSemanticError, match="digits: a whole number from 1 to 100"):
        dsl.check(dsl.parse(f"evaluate sqrt(2) digits {bad}"))


GROUPS = [[10.2, 9.8, 10.5, 10.1, 9.6, 10.4, 10.0], [10.9, 9.1, 11.3, 8.8, 10.6, 9.4, 11.0]]


@pytest.mark.parametrize(("option", "center"), [(" center mean", "mean"), (" CENTER Median", "median"), ("", None)])
def test_levene_centre_reaches_the_tool_and_matches_scipy(option: str, center: str | None) -> None:
    from scipy import stats

    program = dsl.parse(f"levene {GROUPS}{option}")
    (statement,) = program.statements
    assert isinstance(statement, ast.Levene) and statement.center == center
    assert dsl.parse(dsl.format(program)) == program
    (run,) = dsl.execute(program)
    expected = stats.levene(*GROUPS, center=center or "median")
    assert run.output["statistic"] == pytest.approx(expected.statistic, rel=1e-12)
    assert run.output["center"] == (center or "median")


def test_an_unknown_levene_centre_is_a_located_syntax_error_and_a_built_one_a_semantic_error() -> None:
    with pytest.raises(dsl.DslSyntaxError) as info:
        dsl.parse("levene [[1, 2], [3, 5]] center middle")
    assert (info.value.line, info.value.column) == (1, 32) and "median" in info.value.detail
    program = dsl.parse("levene [[1, 2], [3, 5]]")
    program.statements[0].center = "trimmed"
    with pytest.raises(dsl.DslSemanticError, match="choose median or mean"):
        dsl.check(program, env={})
