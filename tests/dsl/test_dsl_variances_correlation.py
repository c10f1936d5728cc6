"""`variances`, `correlation` and `anova one_way … welch`: grammar, checker, formatter, executor, and the
statement the planner writes for each intent."""

from __future__ import annotations

from decimal import Decimal

import pytest
from scipy import stats

import dsl
from dsl import ast
from dsl.prefix import _choices
from graphs.planning.intent import Intent
from graphs.planning.to_dsl import statement
from tools.registry import get

A = [10.2, 9.8, 10.5, 10.1, 9.6, 10.4, 10.0]
B = [10.9, 9.1, 11.3, 8.8, 10.6, 9.4, 11.0, 10.2]
C = [10.0, 10.3, 9.9, 10.4, 10.1]
X = [3.1, 4.5, 2.2, 5.0, 4.1, 3.3, 4.4]
Y = [30, 52, 28, 49, 47, 41, 44]


def _one(text: str) -> tuple[ast.Node, dict, dict]:
    program = dsl.parse(text)
    dsl.check(program)
    assert dsl.parse(dsl.format(program)) == program
    (statement_node,) = program.statements
    (run,) = dsl.execute(program)
    return statement_node, run.args, run.output


def test_the_grammars_choices_are_the_tools() -> None:
    assert sorted(_choices("VARIANCE_METHOD")) == sorted(get("variance_test").json_schema()["properties"]["method"]
                                                          ["enum"])
    assert sorted(_choices("CORRELATION_METHOD")) == sorted(get("correlation").json_schema()["properties"]["method"]
                                                             ["enum"])


# ---------------------------------------------------------------- variances


def test_variances_f_reaches_the_tool_and_matches_the_f_distribution() -> None:
    node, args, out = _one(f"variances {[A, B]} method f alternative less confidence 0.9")
    assert isinstance(node, ast.VarianceTest)
    assert (node.method, node.alternative, node.confidence) == ("f", "less", Decimal("0.9"))
    assert args["method"] == "f" and args["alternative"] == "less" and args["confidence"] == Decimal("0.9")
    f = stats.tvar(A) / stats.tvar(B)
    assert out["statistic"] == pytest.approx(f, rel=1e-12)
    assert out["p_value"] == pytest.approx(stats.f.cdf(f, len(A) - 1, len(B) - 1), rel=1e-10)


def test_variances_bartlett_by_labels_matches_scipy() -> None:
    values = A + B + C
    labels = ["a"] * len(A) + ["b"] * len(B) + ["c"] * len(C)
    text = f"variances {values} by {labels} METHOD Bartlett".replace("'", '"')
    node, args, out = _one(text)
    assert node.method == "bartlett" and len(args["groups"]) == 3
    assert out["statistic"] == pytest.approx(stats.bartlett(A, B, C).statistic, rel=1e-11)


def test_variances_format_canonically() -> None:
    program = dsl.parse("VARIANCES [[1, 2], [3, 5]]   Method F   confidence 0.9  ALTERNATIVE greater")
    assert dsl.format(program) == "variances [[1, 2], [3, 5]] method f alternative greater confidence 0.9\n"
    built = ast.Program([ast.VarianceTest(ast.Rows([[Decimal(1), Decimal(2)], [Decimal(3), Decimal(5)]]),
                                          method="bartlett")])
    assert dsl.format(built) == "variances [[1, 2], [3, 5]] method bartlett\n"


@pytest.mark.parametrize(("text", "position", "words"), [
    ("describe [1, 2]\nvariances [[1, 2], [3, 5]] alternative less", (2, 28), "`method`"),
    ("variances [[1, 2], [3, 5]] method levene", (1, 35), "a test of variances (f, bartlett)"),
    ("variances [[1, 2], [3, 5]] method f method f", (1, 37), "unexpected `method`"),
])
def test_malformed_variances_are_located_syntax_errors(text: str, position: tuple[int, int], words: str) -> None:
    with pytest.raises(dsl.DslSyntaxError) as info:
        dsl.parse(text)
    assert (info.value.line, info.value.column) == position and words in info.value.detail, info.value.detail


@pytest.mark.parametrize(("text", "position", "words"), [
    ("variances [[1, 2], [3, 5], [4, 9]] method f", (1, 36), "exactly 2 groups"),
    ("variances [[1, 2], [3, 5], [4, 9]] method bartlett alternative less", (1, 52), "`alternative` is for the F"),
    ("variances [[1, 2], [3, 5], [4, 9]] method bartlett confidence 0.9", (1, 52), "`confidence` is for the F"),
    ("variances [[1, 2], [3, 5]] method f confidence 95", (1, 37), "between 0 and 1"),
    ('variances [[1, 2], [3, 5]] by ["A", "B"] method f', (1, 31), "takes no group names"),
    ("variances [[1, 2]] method bartlett", (1, 11), "at least 2 groups"),
])
def test_variances_that_cannot_work_are_located_semantic_errors(text: str, position: tuple[int, int],
                                                                words: str) -> None:
    with pytest.raises(dsl.DslSemanticError) as info:
        dsl.check(dsl.parse(text))
    assert (info.value.line, info.value.column) == position and words in info.value.detail, info.value.detail


def test_a_constant_group_is_a_located_runtime_error() -> None:
    with pytest.raises(dsl.DslRuntimeError) as info:
        dsl.execute(dsl.parse("describe [1, 2]\nvariances [[1, 2], [3, 3]] method f"))
    assert (info.value.line, info.value.column) == (2, 1)
    assert "groups[1]" in info.value.detail and "zero variance" in info.value.detail


# ---------------------------------------------------------------- correlation


@pytest.mark.parametrize(("method", "reference"), [
    (None, stats.pearsonr), ("spearman", stats.spearmanr), ("kendall", stats.kendalltau)])
def test_correlation_reaches_the_tool_and_matches_scipy(method: str | None, reference) -> None:
    text = f"correlation {X} and {Y}" + (f" method {method}" if method else "") + " alternative greater"
    node, args, out = _one(text)
    assert isinstance(node, ast.Correlation) and node.method == method and node.alternative == "greater"
    assert args.get("method") == method and args["alternative"] == "greater"
    ref = reference(X, Y, alternative="greater")
    assert out["coefficient"] == pytest.approx(ref.statistic, rel=1e-12)
    assert out["p_value"] == pytest.approx(ref.pvalue, rel=1e-9)


def test_correlation_of_bound_names_and_csv_columns(tmp_path) -> None:
    (tmp_path / "d.csv").write_text("x,y\n" + "".join(f"{a},{b}\n" for a, b in zip(X, Y, strict=True)))
    program = dsl.parse(f'let u = {X}\nlet v = {Y}\ncorrelation u and v confidence 0.9\n'
                        'correlation from "d.csv" column x and column y confidence 0.9')
    by_name, by_column = dsl.execute(program, base_dir=tmp_path)
    assert by_name.output == by_column.output and by_name.args["confidence"] == Decimal("0.9")
    assert by_name.statement == "correlation u and v confidence 0.9"


@pytest.mark.parametrize(("text", "position", "words"), [
    ("correlation [1, 2, 3] and [4, 5, 6] method pearsn", (1, 44), "did you mean `pearson`?"),
    ("correlation [1, 2, 3] [4, 5, 6]", (1, 23), "`and`"),
    ("correlation [1, 2, 3] and [4, 5, 6] alternative two-sided", (1, 49), "two_sided"),
])
def test_malformed_correlations_are_located_syntax_errors(text: str, position: tuple[int, int], words: str) -> None:
    with pytest.raises(dsl.DslSyntaxError) as info:
        dsl.parse(text)
    assert (info.value.line, info.value.column) == position and words in info.value.detail, info.value.detail


@pytest.mark.parametrize(("text", "position", "words"), [
    ("correlation [1, 2, 3] and [4, 5]", (1, 27), "same length (3 and 2)"),
    ("correlation [1, 2] and [4, 5]", (1, 13), "at least 3 pairs"),
    ('correlation [1, 2, "a"] and [4, 5, 6]', (1, 13), "must be numbers"),
    ("correlation [[1, 2], [3, 4]] and [4, 5]", (1, 13), "flat list"),
])
def test_correlations_that_cannot_work_are_located_semantic_errors(text: str, position: tuple[int, int],
                                                                   words: str) -> None:
    with pytest.raises(dsl.DslSemanticError) as info:
        dsl.check(dsl.parse(text))
    assert (info.value.line, info.value.column) == position and words in info.value.detail, info.value.detail


def test_a_built_correlation_with_an_unknown_method_is_refused() -> None:
    program = ast.Program([ast.Correlation(ast.Values([Decimal(1), Decimal(2), Decimal(4)]),
                                           ast.Values([Decimal(2), Decimal(2), Decimal(3)]), method="distance")])
    with pytest.raises(dsl.DslSemanticError, match="choose pearson, spearman or kendall"):
        dsl.check(program)


def test_the_new_keywords_are_not_names() -> None:
    for word in ("correlation", "variances", "welch"):
        with pytest.raises(dsl.DslError):
            dsl.check(dsl.parse(f"let {word} = [1, 2]"))


# ---------------------------------------------------------------- anova one_way … welch


def test_anova_welch_reaches_the_tool_with_names_and_round_trips() -> None:
    node, args, out = _one('anova one_way [[12, 13, 11, 14], [15, 11, 19, 17], [12, 12, 13, 11]] by ["A", "B", "C"] '
                           "WELCH")
    assert isinstance(node, ast.AnovaOneWay) and node.welch is True
    assert args["welch"] is True and args["labels"] == ["A", "B", "C"]
    assert out["welch"] is True and out["tukey"] is None and [g["label"] for g in out["groups"]] == ["A", "B", "C"]
    assert dsl.format(dsl.parse("anova one_way [[1, 2, 4], [3, 4, 6]] welch")) == \
        "anova one_way [[1, 2, 4], [3, 4, 6]] welch\n"
    _, plain_args, plain = _one("anova one_way [[12, 13, 11, 14], [15, 11, 19, 17], [12, 12, 13, 11]]")
    assert "welch" not in plain_args and plain["welch"] is False and plain["tukey"]


def test_welch_given_twice_is_a_located_syntax_error() -> None:
    with pytest.raises(dsl.DslSyntaxError) as info:
        dsl.parse("anova one_way [[1, 2], [3, 4]] welch welch")
    assert (info.value.line, info.value.column) == (1, 38)


# ---------------------------------------------------------------- the planner's intents as statements


@pytest.mark.parametrize(("tool", "args", "text"), [
    ("correlation", {"x": X, "y": Y}, f"correlation {X} and {Y}"),
    ("correlation", {"x": X, "y": Y, "method": "kendall", "alternative": "less", "confidence": 0.9},
     f"correlation {X} and {Y} method kendall alternative less confidence 0.9"),
    ("variance_test", {"groups": [A, B]}, f"variances {[A, B]} method f"),
    ("variance_test", {"groups": [A, B, C], "method": "bartlett"}, f"variances {[A, B, C]} method bartlett"),
    ("variance_test", {"groups": [A, B], "method": "f", "alternative": "greater"},
     f"variances {[A, B]} method f alternative greater"),
    ("anova_oneway", {"groups": [A, B, C], "welch": True}, f"anova one_way {[A, B, C]} welch"),
    ("anova_oneway", {"groups": [A, B], "labels": ["old", "new"], "welch": True},
     f'anova one_way {[A, B]} by ["old", "new"] welch'),
])
def test_an_intent_becomes_a_statement_that_runs_the_same_call(tool: str, args: dict, text: str) -> None:
    from tools.registry import run_tool

    written = statement(Intent(tool, args))
    assert written == text
    (run,) = dsl.execute(dsl.parse(written))
    assert run.tool == tool
    assert run.output == run_tool(tool, args)
