"""The formatter: one canonical text per program, and parse(format(p)) == p."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import dsl
from dsl import ast
from dsl.checker import SIMPLIFY_METHODS, keywords

# ---------------------------------------------------------------- programs as ASTs
_name = st.from_regex(r"[a-z][a-z0-9_]{0,5}", fullmatch=True).filter(lambda n: n not in keywords())
_label_text = st.text(alphabet=st.sampled_from('abcXY 12_-#"\\'), min_size=0, max_size=6)
_file = st.sampled_from(["data.csv", "dir/rings.csv", 'we"ird.csv', "a b.csv"])
_column = st.one_of(_name, st.sampled_from(["inner diameter", "x-1", '"q"', "2nd"]))

number = st.one_of(
    st.integers(-10**6, 10**6).map(Decimal),
    st.decimals(min_value=-10**6, max_value=10**6, places=3, allow_nan=False, allow_infinity=False),
    st.sampled_from([Decimal("1E+5"), Decimal("2.50"), Decimal("-0.000001"), Decimal("0"), Decimal("1000000000000.4")]),
)
count = st.integers(0, 20).map(Decimal)
values = st.builds(ast.Values, st.lists(st.one_of(number, _label_text), min_size=0, max_size=5))
numbers = st.builds(ast.Values, st.lists(number, min_size=1, max_size=5))
rows = st.builds(ast.Rows, st.lists(st.lists(number, min_size=1, max_size=3), min_size=1, max_size=3))
source = st.one_of(
    values, rows, st.builds(ast.Ref, _name),
    st.builds(ast.Column, _column, st.one_of(st.none(), _file)),
    st.builds(ast.Columns, st.lists(_column, min_size=1, max_size=3), st.one_of(st.none(), _file)),
)


def _formula() -> st.SearchStrategy[str]:
    """Canonical formula text, generated along the grammar's precedence levels."""
    num = st.one_of(st.integers(0, 99).map(str), st.sampled_from(["2.5", "1E+3", "0.1"]))
    expr = st.deferred(lambda: sum_)
    call = st.builds(lambda f, args: f"{f}({', '.join(args)})", _name, st.lists(expr, min_size=1, max_size=2))
    atom = st.one_of(num, _name, call, expr.map(lambda e: f"({e})"))
    unary = st.deferred(lambda: st.one_of(power, unary.map(lambda u: "-" + u), unary.map(lambda u: "+" + u)))
    power = st.one_of(atom, st.builds(lambda a, u: f"{a}^{u}", atom, unary))
    product = st.deferred(lambda: st.one_of(
        unary, st.builds(lambda p, op, u: f"{p}{op}{u}", product, st.sampled_from("*/"), unary)))
    sum_ = st.deferred(lambda: st.one_of(
        product, st.builds(lambda s, op, p: f"{s} {op} {p}", sum_, st.sampled_from("+-"), product)))
    return sum_


formula = _formula().filter(lambda t: len(t) < 200).map(ast.Expr)


def _opt(strategy: st.SearchStrategy) -> st.SearchStrategy:
    return st.one_of(st.none(), strategy)


factor = st.one_of(
    st.builds(ast.Factor, _name),
    st.builds(lambda n, lo, hi, u: ast.Factor(n, lo, hi, u), _name, number, number, _opt(_label_text)),
    st.builds(lambda n, lv: ast.Factor(n, levels=lv), _name, st.lists(st.one_of(number, _label_text), max_size=4)),
)


@st.composite
def design(draw: st.DrawFn) -> ast.Design:
    seed = draw(_opt(count))
    return ast.Design(
        kind=draw(st.sampled_from(["full_factorial", "fractional_factorial", "plackett_burman", "box_behnken",
                                   "central_composite", "latin_hypercube"])),
        factors=draw(st.lists(factor, max_size=3)),
        factor_count=draw(_opt(count)),
        center_points=draw(_opt(count)),
        replicates=draw(_opt(count)),
        randomize=True if seed is not None else draw(st.booleans()),
        seed=seed,
        generators=draw(st.lists(st.builds(ast.Generator, st.sampled_from("EFG"), st.sampled_from(["ABC", "ABCD", "BD"]),
                                           st.booleans()), max_size=2)),
        resolution=draw(_opt(count)),
        face=draw(_opt(st.sampled_from(["circumscribed", "inscribed", "faced"]))),
        alpha=draw(_opt(st.one_of(st.sampled_from(["rotatable", "orthogonal"]), number))),
        samples=draw(_opt(count)),
        blocks=draw(_opt(count)),
        runs=draw(_opt(count)),
        criterion=draw(_opt(st.sampled_from(["random", "center", "maximin", "centermaximin", "correlation"]))),
    )


action = st.one_of(
    design(),
    st.builds(ast.Analyze, _name, source, _opt(st.sampled_from(["effects", "anova", "surface"])),
              _opt(st.sampled_from(["standard", "run"]))),
    st.builds(ast.Properties, _name),
    st.builds(ast.Chart, st.sampled_from(["xbar_r", "xbar_s", "imr", "p", "np", "c", "u"]), source,
              _opt(st.one_of(count, source)), _opt(st.one_of(count, source)), _opt(number), _opt(number),
              _opt(number), _opt(st.lists(count, max_size=3)), _opt(st.sampled_from(["western_electric", "nelson", "none"])),
              _opt(source)),
    st.builds(ast.RunRules, st.sampled_from(["western_electric", "nelson", "none"]), source, _opt(number), _opt(number)),
    st.builds(ast.Capability, source, _opt(number), _opt(number), _opt(number), _opt(number), _opt(number),
              _opt(st.one_of(count, source))),
    st.builds(ast.Constants, count),
    st.builds(ast.TTest, st.sampled_from(["one_sample", "paired", "pooled", "welch"]), source, _opt(source),
              _opt(number), _opt(st.sampled_from(["two_sided", "less", "greater"])), _opt(number)),
    st.builds(ast.RankTest, st.sampled_from(["mann_whitney", "signed_rank"]), source, _opt(source),
              _opt(number), _opt(st.sampled_from(["two_sided", "less", "greater"])), _opt(number)),
    st.builds(ast.AnovaOneWay, source, _opt(source)),
    st.builds(ast.AnovaTwoWay, source, source, source, st.booleans()),
    st.builds(ast.Levene, source, _opt(source)),
    st.builds(ast.Kruskal, source, _opt(source)),
    st.builds(ast.Normality, source, _opt(st.sampled_from(["shapiro_wilk", "anderson_darling"]))),
    st.builds(ast.ChiSquare, source, _opt(source), _opt(st.booleans())),
    st.builds(ast.Regression, source, source, _opt(count), st.booleans()),
    st.builds(ast.Describe, source, _opt(number)),
    st.builds(ast.Derivative, formula, st.lists(_name, min_size=1, max_size=2), _opt(count)),
    st.one_of(st.builds(ast.Integral, formula, _name),
              st.builds(ast.Integral, formula, _name, formula, formula)),
    st.builds(ast.Solve, st.lists(st.builds(ast.Equation, formula, _opt(formula)), min_size=1, max_size=2),
              st.lists(_name, min_size=1, max_size=2)),
    st.builds(ast.Simplify, formula, _opt(st.sampled_from(list(SIMPLIFY_METHODS)))),
    st.builds(ast.Limit, formula, _name, formula, _opt(st.sampled_from(["left", "right"]))),
    st.builds(ast.Series, formula, _name, formula, _opt(count)),
    st.builds(ast.Matrix, st.sampled_from(["determinant", "inverse", "eigenvalues", "rank"]),
              st.lists(st.lists(formula, min_size=1, max_size=2), min_size=1, max_size=2)),
    st.builds(ast.Evaluate, formula, st.lists(st.builds(ast.Assignment, _name, formula), max_size=2)),
    st.integers(1, 2).flatmap(lambda k: st.builds(
        ast.ProportionTest, st.lists(count, min_size=k, max_size=k), st.lists(count, min_size=k, max_size=k),
        _opt(number), _opt(st.sampled_from(["auto", "exact", "score", "z", "fisher"])),
        _opt(st.sampled_from(["two_sided", "less", "greater"])), _opt(number), _opt(st.booleans()))),
    st.builds(ast.SummaryTTest, st.sampled_from(["one_sample", "paired", "pooled", "welch"]),
              st.builds(ast.SummarySample, number, number, count), _opt(st.builds(ast.SummarySample, number, number,
                                                                                   count)),
              _opt(number), _opt(st.sampled_from(["two_sided", "less", "greater"])), _opt(number)),
    st.builds(ast.SummaryCapability, number, number, _opt(number), _opt(number), _opt(number),
              _opt(st.sampled_from(["overall", "within"])), _opt(number)),
    st.builds(ast.Power, st.sampled_from(["one_sample_t", "paired_t", "two_sample_t", "two_proportions", "anova"]),
              _opt(number), _opt(number), _opt(number), _opt(number), _opt(number), number, _opt(number),
              _opt(number), _opt(st.sampled_from(["two_sided", "less", "greater"])), _opt(count), _opt(number),
              _opt(st.sampled_from(["normal", "arcsine"]))),
)
statement = st.one_of(action, st.builds(ast.Let, _name, st.one_of(action, source)))
program = st.builds(ast.Program, st.lists(statement, max_size=4))
programs = program

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(programs)
def test_format_then_parse_gives_the_same_program(program: ast.Program) -> None:
    text = dsl.format(program)
    parsed = dsl.parse(text)
    assert parsed == program, text
    assert dsl.parse(dsl.format(parsed)) == parsed
    assert dsl.format(parsed) == text


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(programs)
def test_prefixes_of_generated_programs_are_valid(program: ast.Program) -> None:
    from dsl.prefix import is_complete, is_valid_prefix

    text = dsl.format(program)
    for end in range(0, len(text), max(1, len(text) // 25)):
        assert is_valid_prefix(text[:end]), text[:end]
    assert is_complete(text)


def test_format_is_canonical_for_messy_input() -> None:
    messy = 'LET  d=DESIGN Box_Behnken{FACTORS 3 Center_Points 3}\nanalyze d WITH response [1,2 ,3]method SURFACE'
    assert dsl.format(dsl.parse(messy)) == (
        "let d = design box_behnken {\n    factors 3\n    center_points 3\n}\n"
        "analyze d with response [1, 2, 3] method surface\n"
    )


def test_format_keeps_comments_and_blank_lines() -> None:
    text = (
        "# head\n"
        "let d = design box_behnken {  # the design\n"
        "    factor t 1 .. 2  # hot\n"
        "    factors 1\n"
        "}  # closing\n"
        "\n"
        "describe [1, \"#not a comment\"]   #  trailing\n"
        "# between\n"
        "\n"
        "# before\n"
        "chart imr [1,2,3]\n"
        "# the end\n"
    )
    out = dsl.format(dsl.parse(text))
    assert out == (
        "# head\n# the design\n# hot\n"
        "let d = design box_behnken {\n    factor t 1 .. 2\n    factors 1\n}  # closing\n"
        "\n"
        'describe [1, "#not a comment"]  # trailing\n'
        "# between\n\n# before\n"
        "chart imr [1, 2, 3]\n"
        "# the end\n"
    )
    assert dsl.format(dsl.parse(out)) == out


def test_programs_built_from_code_format_to_parseable_text() -> None:
    program = ast.Program([
        ast.Let("d", ast.Design("central_composite", factor_count=ast.Number(2), alpha="rotatable")),
        ast.Analyze("d", ast.Values([ast.Number(v) for v in "12345678901"])),
        ast.Describe(ast.Column("inner diameter", 'my "rings".csv')),
        ast.Derivative(dsl.parse_expression("x^3*sin(x)"), ["x"]),
    ])
    text = dsl.format(program)
    assert 'describe from "my \\"rings\\".csv" column "inner diameter"' in text
    assert dsl.parse(text) == program


def test_examples_are_in_canonical_form() -> None:
    files = sorted(EXAMPLES.glob("*.havoc"))
    assert files
    for path in files:
        text = path.read_text()
        assert dsl.format(dsl.parse(text)) == text, path.name


def test_long_data_is_written_one_row_per_line() -> None:
    values = ", ".join(str(i) for i in range(100, 125))
    rows = ", ".join("[74.030, 74.002, 74.019, 73.992, 74.008]" for _ in range(3))
    text = dsl.format(dsl.parse(f"let y = [{values}]  # data\nchart xbar_r [{rows}] rules nelson"))
    assert text.splitlines()[:3] == ["let y = [", "    100, 101, 102, 103, 104, 105, 106, 107, 108, 109,",
                                     "    110, 111, 112, 113, 114, 115, 116, 117, 118, 119,"]
    assert "]  # data\nchart xbar_r [\n    [74.030, 74.002, 74.019, 73.992, 74.008],\n" in text
    assert text.endswith("] rules nelson\n")
    assert dsl.format(dsl.parse(text)) == text
