"""Parsing: the text of the language becomes the typed AST the rest of HAVOC relies on."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

import dsl
from dsl import ast
from dsl.parser import interactive, parse_expression, terminal_patterns

SKETCH = '''
# three factors, natural units
let d = design box_behnken {
    factor temperature 150 .. 200 "degC"
    factor pressure    1 .. 3     "bar"
    factor time        10 .. 30   "min"
    center_points 3
    randomize seed 42
}
chart xbar_r from "rings.csv" column diameter subgroup 5 rules nelson
capability from "rings.csv" column diameter lsl 73.95 usl 74.05 target 74
derivative of x^3 * sin(x) by x
'''


def test_the_issue_sketch_parses_to_typed_nodes() -> None:
    program = dsl.parse(SKETCH)
    let, chart, capability, derivative = program.statements
    assert isinstance(let, ast.Let) and let.name == "d"
    design = let.value
    assert isinstance(design, ast.Design) and design.kind == "box_behnken"
    assert [f.name for f in design.factors] == ["temperature", "pressure", "time"]
    assert design.factors[0] == ast.Factor("temperature", Decimal("150"), Decimal("200"), "degC")
    assert design.center_points == 3 and design.randomize and design.seed == 42
    assert chart == ast.Chart("xbar_r", ast.Column("diameter", "rings.csv"), subgroup=Decimal(5), rules="nelson")
    assert capability.lsl == Decimal("73.95") and capability.usl == Decimal("74.05") and capability.target == 74
    assert derivative == ast.Derivative(ast.Expr("x^3*sin(x)"), ["x"])


def test_locations_point_at_statements_and_options() -> None:
    program = dsl.parse(SKETCH)
    let, chart = program.statements[:2]
    assert (let.line, let.column) == (3, 1)
    assert chart.line == 10
    assert let.value.spot("center_points") == (7, 5)


def test_numbers_keep_their_decimal_text() -> None:
    (stmt,) = dsl.parse("describe [1000000000000.4, -0.000001, 2.50, 1e-3, .5]").statements
    assert [str(v) for v in stmt.data.items] == ["1000000000000.4", "-0.000001", "2.50", "0.001", "0.5"]
    assert all(isinstance(v, Decimal) for v in stmt.data.items)


def test_keywords_are_case_insensitive_and_names_are_not() -> None:
    upper = dsl.parse("LET Data = [1, 2]\nDESCRIBE Data\nChart IMR Data RULES Nelson")
    lower = dsl.parse("let Data = [1, 2]\ndescribe Data\nchart imr Data rules nelson")
    assert upper == lower
    assert upper.statements[1].data == ast.Ref("Data")
    assert upper != dsl.parse("let data = [1, 2]\ndescribe data\nchart imr data rules nelson")


def test_layout_is_free_and_comments_are_ignored() -> None:
    one_line = dsl.parse("describe [1,2,3] ttest one_sample [1,2,3] mu 2 # done")
    spread = dsl.parse("describe [\n 1,\n 2,\n 3 ]  # data\n\nttest one_sample\n [1, 2, 3]\n mu 2\n")
    assert one_line == spread and len(one_line.statements) == 2


def test_options_come_in_any_order() -> None:
    a = dsl.parse("capability [1, 2, 3] usl 5 lsl 1 target 3")
    b = dsl.parse("capability [1, 2, 3] target 3 lsl 1 usl 5")
    assert a == b


def test_tables_two_ways() -> None:
    brackets = dsl.parse("anova one_way [[1, 2], [3, 4, 5]]").statements[0]
    block = dsl.parse("anova one_way table {\n row 1 2\n row 3 4 5\n}").statements[0]
    assert brackets == block
    assert brackets.data.rows == [[1, 2], [3, 4, 5]]


def test_csv_sources() -> None:
    (reg,) = dsl.parse('regression from "longley.csv" column y on columns x1, "gnp deflator", x3').statements
    assert reg.y == ast.Column("y", "longley.csv")
    assert reg.x == ast.Columns(["x1", "gnp deflator", "x3"], None)
    (two,) = dsl.parse('anova two_way from "b.csv" column life by column material and column temp without interaction').statements
    assert two.a == ast.Column("material") and not two.interaction


def test_keywords_may_still_name_variables_inside_formulas() -> None:
    (stmt,) = dsl.parse("derivative of sin(alpha*by) + order by by").statements
    assert stmt.expression.text == "sin(alpha*by) + order" and stmt.variables == ["by"]


def test_formulas_become_canonical_text_with_parentheses_kept() -> None:
    assert parse_expression("x ** 2 * ( a+b )").text == "x^2*(a + b)"
    assert parse_expression("-x^-2 - -3").text == "-x^-2 - -3"
    assert parse_expression("f(x, y , 2)").sympy_text == "f(x, y, 2)"
    assert parse_expression("2^x").sympy_text == "2**x"


def test_every_statement_family_parses() -> None:
    text = '''
    let d = design fractional_factorial { factors 5 generator E = -ABCD center_points 2 }
    properties of d
    analyze d with response [1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18] in run order method anova
    chart p [1, 2] sizes [10, 12] k_sigma 2.5 exclude [0] rules none
    apply western_electric rules to [1, 2, 3] center 2 sigma 0.5
    constants for subgroup 4
    ttest paired [1, 2] and [2, 3] alternative greater confidence 0.9
    anova one_way [1, 2, 3, 4] by ["a", "a", "b", "b"]
    levene [[1, 2], [3, 4]]
    variances [[1, 2], [3, 5]] method f
    correlation [1, 2, 3] and [3, 1, 2] method spearman
    kruskal [1, 2, 3, 4] by [1, 1, 2, 2]
    normality [1, 2, 3]
    chisquare [[1, 2], [3, 4]] with correction
    regression [1, 2, 3] on [1, 2, 3] degree 2 without intercept
    integral of exp(-x^2) by x from -oo to oo
    solve x^2 = 4, y = x for x, y
    simplify (x^2 - 1)/(x - 1)
    limit of 1/x as x to 0 from left
    series of cos(x) around x = pi order 4
    matrix inverse of [[1, 2], [3, 4]]
    evaluate x*y at x = 2, y = 1/3
    '''
    kinds = [type(s).__name__ for s in dsl.parse(text).statements]
    assert kinds == ["Let", "Properties", "Analyze", "Chart", "RunRules", "Constants", "TTest", "AnovaOneWay",
                     "Levene", "VarianceTest", "Correlation", "Kruskal", "Normality", "ChiSquare", "Regression", "Integral", "Solve", "Simplify",
                     "Limit", "Series", "Matrix", "Evaluate"]
    design = dsl.parse(text).statements[0].value
    assert design.generators == [ast.Generator("E", "ABCD", True)]


def test_interactive_parser_says_what_may_come_next() -> None:
    ip = interactive("design box_behnken { factor temperature")
    accepts = ip.accepts()
    assert "NUMBER" in accepts and "RBRACE" in accepts and "NAME" not in accepts
    assert "DESIGN_KIND" in interactive("design ").accepts()
    assert "$END" in interactive("describe [1, 2]").accepts()
    patterns = terminal_patterns()
    assert "NUMBER" in patterns and "CHART_KIND" in patterns


def test_interactive_parser_can_be_fed_token_by_token() -> None:
    from lark import Token

    ip = interactive("")
    for token in [Token("DESCRIBE", "describe"), Token("LSQB", "["), Token("NUMBER", "1"), Token("RSQB", "]")]:
        assert token.type in ip.accepts()
        ip.feed_token(token)
    assert "$END" in ip.accepts()


def test_empty_program_is_valid() -> None:
    assert dsl.parse("").statements == []
    assert dsl.parse("  # nothing\n\n").statements == []


@pytest.mark.parametrize("bad", [None, 3, b"describe [1]"])
def test_parse_wants_text(bad: object) -> None:
    with pytest.raises(dsl.DslSyntaxError):
        dsl.parse(bad)  # type: ignore[arg-type]


def test_fast_accepts_agrees_with_lark_at_every_token() -> None:
    from dsl.parser import accepts, lark_parser

    text = (Path(__file__).resolve().parents[2] / "examples" / "doe_factorial.havoc").read_text()
    text += "\nchart p [1, 2] size 5\nsolve x^2 = 4 for x\nregression [1, 2] on [1, 2] without intercept\n"
    ip = interactive("")
    for token in lark_parser().parse_interactive(text).iter_parse():
        assert accepts(ip) == ip.accepts(), token
        ip.feed_token(token)
    assert accepts(ip) == ip.accepts() and "$END" in accepts(ip)


PREFIXES_GOOD = ["", "desc", "describe ", "describe [1.", "describe [1.5e-", "chart xba", "let d = design box_",
                 "design box_behnken { factor t 1..", 'describe from "a b', "simplify sin(", "describe [1] # c",
                 "limit of x as x to 0 from le", "simplify x**", "describe [- 1"]
PREFIXES_BAD = ["describe ]", "chart xbq", "describe [1,,", "describe [1.x", "simplify 2x", "@",
                "design box_behnken { factor t 1 .. }", "regression [1] [2]", "limit of x as x to 0 from up",
                "describe [1.5e-x", "simplify x***"]


@pytest.mark.parametrize("text", PREFIXES_GOOD)
def test_valid_prefixes(text: str) -> None:
    from dsl.prefix import is_valid_prefix

    assert is_valid_prefix(text)


@pytest.mark.parametrize("text", PREFIXES_BAD)
def test_invalid_prefixes(text: str) -> None:
    from dsl.prefix import is_valid_prefix

    assert not is_valid_prefix(text)


def test_every_prefix_of_every_example_is_valid() -> None:
    from dsl.prefix import is_complete, is_valid_prefix

    for path in sorted((Path(__file__).resolve().parents[2] / "examples").glob("*.havoc")):
        text = path.read_text()
        for end in range(0, len(text), max(1, len(text) // 80)):
            assert is_valid_prefix(text[:end]), (path.name, text[:end][-40:])
        assert is_complete(text)
        assert not is_complete(text.rstrip()[:-1] + " [")


def test_incremental_prefix_checker_agrees_with_the_full_check() -> None:
    import random

    from dsl.prefix import PrefixChecker, is_valid_prefix

    text = (Path(__file__).resolve().parents[2] / "examples" / "spc_charts.havoc").read_text()
    rng = random.Random(7)
    checker, position = PrefixChecker(), 0
    while position < len(text):
        piece = text[position : position + rng.randint(1, 5)]
        for candidate in (piece, piece + "]", "@", " x", "..", '"'):
            assert checker.allows(candidate) == is_valid_prefix(checker.text + candidate), (checker.text[-30:], candidate)
        checker.push(piece)
        position += len(piece)
    assert checker.text == text and checker.complete()
    with pytest.raises(dsl.DslSyntaxError):
        checker.push(" ]")


def test_cached_answers_hold_when_only_the_digits_differ() -> None:
    """The checker caches per parser state and tail shape (digits blinded): a warm cache must not lie."""
    import random

    from dsl.prefix import PrefixChecker, is_valid_prefix

    text = (Path(__file__).resolve().parents[2] / "examples" / "spc_charts.havoc").read_text()
    rng = random.Random(11)
    for variant in (text, "".join(str(rng.randrange(10)) if c.isdigit() else c for c in text)):
        checker, position = PrefixChecker(), 0
        while position < len(text):
            piece = variant[position : position + rng.randint(1, 4)]
            for candidate in (piece, piece + "]", " phase2", "phase3", "1.", ".5e"):
                assert checker.allows(candidate) == is_valid_prefix(checker.text + candidate), (checker.text[-30:],
                                                                                               candidate)
            checker.push(piece)
            position += len(piece)
        assert checker.text == variant and checker.complete()
