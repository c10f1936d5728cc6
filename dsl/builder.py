"""Lark's parse tree -> the typed AST of `dsl.ast`, keeping where each node came from.

Options of a statement may come in any order in the text; here they land in
named fields, and an option given twice is a syntax error at its second place.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from lark import Token, Transformer, v_args

from dsl import ast
from dsl.errors import DslSyntaxError


class _Opt:
    """An option of a statement, with the place of its keyword (for errors and duplicates)."""

    __slots__ = ("name", "value", "line", "column")

    def __init__(self, name: str, value: Any, meta: Any) -> None:
        self.name, self.value = name, value
        self.line, self.column = _pos(meta)


class _Flag(_Opt):
    """A `with ...` or `without ...` clause: sets its field to True or False."""




def _pos(meta: Any) -> tuple[int | None, int | None]:
    return (getattr(meta, "line", None), getattr(meta, "column", None)) if not getattr(meta, "empty", True) else (None, None)


def _loc(meta: Any) -> dict[str, Any]:
    line, column = _pos(meta)
    return {"line": line, "column": column, "end_line": getattr(meta, "end_line", None) if line else None}


def _unquote(token: str) -> str:
    body = token[1:-1]
    return body.replace('\\"', '"').replace("\\\\", "\\") if "\\" in body else body


def _number(token: str) -> Decimal:
    try:
        return Decimal(token)
    except InvalidOperation:  # the grammar only lets digits through; keep the guard honest
        raise DslSyntaxError(f"`{token}` is not a number") from None


def _apply_options(node: ast.Node, options: list[_Opt], field_names: dict[str, str] | None = None) -> None:
    field_names = field_names or {}
    seen: dict[str, _Opt] = {}
    for opt in options:
        target = field_names.get(opt.name, opt.name)
        if target in seen:
            first = seen[target]
            raise DslSyntaxError(
                f"`{opt.name}` is given twice (first on line {first.line})", line=opt.line, column=opt.column
            )
        seen[target] = opt
        setattr(node, target, opt.value)
        if opt.line is not None:
            node.spots[target] = (opt.line, opt.column or 1)


@v_args(meta=True)
class Build(Transformer):
    """Lark tree -> `dsl.ast` nodes. Anonymous keywords are filtered out by Lark."""

    def start(self, meta, children):
        return list(children)

    def __default__(self, data, children, meta):
        raise TypeError(f"no builder for grammar rule {data}")  # our bug, not the user's

    # `keyword number` options: center_points 3, lsl 73.95, ... (explicit: the parser calls them while parsing)
    def center_points(self, meta, c):
        return _Opt("center_points", (c[0], len(c) > 1), meta)

    def replicates(self, meta, c):
        return _Opt("replicates", c[0], meta)

    def resolution(self, meta, c):
        return _Opt("resolution", c[0], meta)

    def samples(self, meta, c):
        return _Opt("samples", c[0], meta)

    def blocks(self, meta, c):
        words = [str(t) for t in c[1:]]
        return [_Opt("blocks", c[0], meta)] + ([_Opt("block_words", words, meta)] if words else [])

    def runs(self, meta, c):
        return _Opt("runs", c[0], meta)

    def k_sigma(self, meta, c):
        return _Opt("k_sigma", c[0], meta)

    def sigma(self, meta, c):
        return _Opt("sigma", c[0], meta)

    def std_dev(self, meta, c):  # a chart's known process standard deviation: the tool's `sigma`
        return _Opt("sigma", c[0], meta)

    def center(self, meta, c):
        return _Opt("center", c[0], meta)

    def lsl(self, meta, c):
        return _Opt("lsl", c[0], meta)

    def usl(self, meta, c):
        return _Opt("usl", c[0], meta)

    def target(self, meta, c):
        return _Opt("target", c[0], meta)

    def confidence(self, meta, c):
        return _Opt("confidence", c[0], meta)

    def mean_bound(self, meta, c):
        return _Opt("bound", str(c[0]).lower(), meta)

    def sigma_within(self, meta, c):
        return _Opt("sigma_within", c[0], meta)

    def mu(self, meta, c):
        return _Opt("mu", c[0], meta)

    def degree(self, meta, c):
        return _Opt("degree", c[0], meta)

    def predict_at(self, meta, c):
        return _Opt("at", c[0], meta)

    def ewma_lambda(self, meta, c):
        return _Opt("lam", c[0], meta)

    def cusum_k(self, meta, c):
        return _Opt("k", c[0], meta)

    def cusum_h(self, meta, c):
        return _Opt("h", c[0], meta)

    # ---- data
    def number(self, meta, c):
        return _number(c[0])

    def negative(self, meta, c):
        return _number("-" + c[0])

    def values(self, meta, c):
        return ast.Values([_unquote(v) if isinstance(v, Token) else v for v in c], **_loc(meta))

    def row(self, meta, c):
        return list(c)

    def rows(self, meta, c):
        return ast.Rows(list(c), **_loc(meta))

    def table_row(self, meta, c):
        return list(c)

    def table(self, meta, c):
        return ast.Rows(list(c), **_loc(meta))

    def ref(self, meta, c):
        return ast.Ref(str(c[0]), **_loc(meta))

    def file(self, meta, c):
        return _unquote(c[0])

    @staticmethod
    def _colname(token: Token) -> str:
        return _unquote(token) if token.type == "STRING" else str(token)

    def column_ref(self, meta, c):
        file = c[0] if len(c) == 2 else None
        return ast.Column(self._colname(c[-1]), file, **_loc(meta))

    def columns_ref(self, meta, c):
        file = c[0] if c and isinstance(c[0], str) and not isinstance(c[0], Token) else None
        names = [self._colname(t) for t in c if isinstance(t, Token)]
        return ast.Columns(names, file, **_loc(meta))

    # ---- design
    def factor_range(self, meta, c):
        name = str(c[0])
        if len(c) == 1:
            return ast.Factor(name, **_loc(meta))
        unit = _unquote(c[3]) if len(c) > 3 else None
        return ast.Factor(name, c[1], c[2], unit, **_loc(meta))

    def factor_levels(self, meta, c):
        return ast.Factor(str(c[0]), levels=list(c[1].items), **_loc(meta))

    def generator(self, meta, c):
        return ast.Generator(str(c[0]), str(c[1]), **_loc(meta))

    def negative_generator(self, meta, c):
        return ast.Generator(str(c[0]), str(c[1]), True, **_loc(meta))

    def randomize(self, meta, c):
        return [_Opt("randomize", True, meta)] + ([_Opt("seed", c[0], meta)] if c else [])

    def factor_count(self, meta, c):
        return _Opt("factor_count", c[0], meta)

    def face(self, meta, c):
        return _Opt("face", str(c[0]).lower(), meta)

    def alpha(self, meta, c):
        value = c[0]
        return _Opt("alpha", str(value).lower() if isinstance(value, Token) else value, meta)

    def design_stmt(self, meta, c):
        node = ast.Design(str(c[0]).lower(), **_loc(meta))
        options: list[_Opt] = []
        for item in c[1:]:
            if isinstance(item, ast.Factor):
                node.factors.append(item)
            elif isinstance(item, ast.Generator):
                node.generators.append(item)
            elif isinstance(item, list):
                options.extend(item)
            else:
                options.append(item)
        _apply_options(node, options)
        if isinstance(node.center_points, tuple):  # `center_points N [once]`
            node.center_points, node.centre_once = node.center_points
        return node

    def response_order(self, meta, c):
        return _Opt("order", str(c[0]).lower(), meta)

    def anova_model(self, meta, c):
        return _Opt("model", str(c[0]).lower(), meta)

    def no_curvature(self, meta, c):
        return _Opt("curvature", False, meta)

    def analyze_stmt(self, meta, c):
        node = ast.Analyze(str(c[0]), c[1], **_loc(meta))
        rest = [x for x in c[2:] if x is not None]
        _apply_options(node, [x for x in rest if isinstance(x, _Opt)])
        methods = [x for x in rest if not isinstance(x, _Opt)]
        if methods:
            node.method = str(methods[0]).lower()
        return node

    def properties_stmt(self, meta, c):
        return ast.Properties(str(c[0]), **_loc(meta))

    # ---- SPC
    def subgroup(self, meta, c):
        return _Opt("subgroup", c[0], meta)

    def sizes(self, meta, c):
        return _Opt("sizes", c[0], meta)

    def exclude(self, meta, c):
        return _Opt("exclude", list(c[0].items), meta)

    def cost(self, meta, c):
        return _Opt("cost", c[0], meta)

    def criterion(self, meta, c):
        return _Opt("criterion", str(c[0]).lower(), meta)

    def phase2(self, meta, c):
        return _Opt("phase2", c[0], meta)

    def rules(self, meta, c):
        return _Opt("rules", str(c[0]).lower(), meta)

    def chart_stmt(self, meta, c):
        node = ast.Chart(str(c[0]).lower(), c[1], **_loc(meta))
        _apply_options(node, c[2:])
        return node

    def rules_stmt(self, meta, c):
        node = ast.RunRules(str(c[0]).lower(), c[1], **_loc(meta))
        _apply_options(node, c[2:])
        return node

    def capability_stmt(self, meta, c):
        node = ast.Capability(c[0], **_loc(meta))
        _apply_options(node, c[1:])
        return node

    def constants_stmt(self, meta, c):
        return ast.Constants(c[0], **_loc(meta))

    # ---- statistics
    def alternative(self, meta, c):
        return _Opt("alternative", str(c[0]).lower(), meta)

    def ttest_stmt(self, meta, c):
        node = ast.TTest(str(c[0]).lower(), c[1], **_loc(meta))
        rest = list(c[2:])
        if rest and not isinstance(rest[0], _Opt):
            node.y = rest.pop(0)
        _apply_options(node, rest)
        return node

    def rank_method(self, meta, c):
        return _Opt("method", str(c[0]).lower(), meta)

    def ranktest_stmt(self, meta, c):
        node = ast.RankTest(str(c[0]).lower(), c[1], **_loc(meta))
        rest = list(c[2:])
        if rest and not isinstance(rest[0], _Opt):
            node.y = rest.pop(0)
        _apply_options(node, rest)
        return node

    # ---- proportions, summary figures, power
    def p0(self, meta, c):
        return _Opt("p0", c[0], meta)

    def prop_method(self, meta, c):
        return _Opt("method", str(c[0]).lower(), meta)

    def proptest_stmt(self, meta, c):
        counts = [v for v in c if not isinstance(v, _Opt)]
        node = ast.ProportionTest(counts[0::2], counts[1::2], **_loc(meta))
        _apply_options(node, [v for v in c if isinstance(v, _Opt)])
        return node

    def summary_sample(self, meta, c):
        return ast.SummarySample(c[0], c[1], c[2], **_loc(meta))

    def summary_ttest_stmt(self, meta, c):
        node = ast.SummaryTTest(str(c[0]).lower(), c[1], **_loc(meta))
        rest = list(c[2:])
        if rest and isinstance(rest[0], ast.SummarySample):
            node.y = rest.pop(0)
        _apply_options(node, rest)
        return node

    def sigma_kind(self, meta, c):
        return _Opt("sigma", str(c[0]).lower(), meta)

    def summary_count_chart(self, meta, c):
        n = c[1] if len(c) == 4 else None
        return ast.SummaryCountChart(str(c[0]).lower(), c[-2], c[-1], n, **_loc(meta))

    def summary_chart_stmt(self, meta, c):
        return ast.SummaryChart(str(c[0]).lower(), c[1], c[2], str(c[3]).lower(), c[4], c[5] if len(c) > 5 else None,
                                **_loc(meta))

    def capability_sd(self, meta, c):
        return c[0]

    def capability_bar(self, meta, c):
        return (str(c[0]).lower(), c[1], c[2])

    def summary_capability_stmt(self, meta, c):
        spread = c[1]
        if isinstance(spread, tuple):  # rbar R subgroup N, sbar S subgroup N
            node = ast.SummaryCapability(c[0], None, spread=spread[0], spread_value=spread[1], subgroup=spread[2],
                                         **_loc(meta))
        else:
            node = ast.SummaryCapability(c[0], spread, **_loc(meta))
        _apply_options(node, list(c[2:]))
        return node

    def power_effect(self, meta, c):
        return _Opt("effect", c[0], meta)

    def power_delta(self, meta, c):
        return _Opt("delta", c[0], meta)

    def power_sd(self, meta, c):
        return _Opt("sd", c[0], meta)

    def power_p1(self, meta, c):
        return _Opt("p1", c[0], meta)

    def power_p2(self, meta, c):
        return _Opt("p2", c[0], meta)

    def power_size(self, meta, c):
        return _Opt("n", c[0], meta)

    def power_target(self, meta, c):
        return _Opt("power", c[0], meta)

    def power_groups(self, meta, c):
        return _Opt("groups", c[0], meta)

    def power_means(self, meta, c):
        return _Opt("means", c[0], meta)

    def power_ratio(self, meta, c):
        return _Opt("ratio", c[0], meta)

    def power_method(self, meta, c):
        return _Opt("method", str(c[0]).lower(), meta)

    def power_stmt(self, meta, c):
        node = ast.Power(str(c[0]).lower(), **_loc(meta))
        _apply_options(node, list(c[1:]))
        return node

    def samplesize_margin(self, meta, c):
        return _Opt("margin", c[0], meta)

    def samplesize_width(self, meta, c):
        return _Opt("width", c[0], meta)

    def samplesize_p(self, meta, c):
        return _Opt("p", c[0], meta)

    def samplesize_method(self, meta, c):
        return _Opt("method", str(c[0]).lower(), meta)

    def samplesize_population(self, meta, c):
        return _Opt("population", c[0], meta)

    def samplesize_stmt(self, meta, c):
        node = ast.SampleSize(str(c[0]).lower(), **_loc(meta))
        _apply_options(node, list(c[1:]))
        return node

    def anova_one_stmt(self, meta, c):
        rest = list(c[1:])
        flags = [f for f in rest if isinstance(f, _Flag)]
        node = ast.AnovaOneWay(c[0], next((s for s in rest if not isinstance(s, _Flag)), None), **_loc(meta))
        _apply_options(node, flags)
        return node

    def welch(self, meta, c):
        return _Flag("welch", True, meta)

    def without_interaction(self, meta, c):
        return _Flag("interaction", False, meta)

    def ss_type(self, meta, c):
        return _Opt("ss_type", str(c[0]).lower(), meta)

    def with_correction(self, meta, c):
        return _Flag("correction", True, meta)

    def without_correction(self, meta, c):
        return _Flag("correction", False, meta)

    def without_intercept(self, meta, c):
        return _Flag("intercept", False, meta)

    def anova_two_stmt(self, meta, c):
        node = ast.AnovaTwoWay(c[0], c[1], c[2], **_loc(meta))
        _apply_options(node, c[3:])
        return node

    def levene_stmt(self, meta, c):
        rest = list(c[1:])
        center = str(rest.pop()).lower() if rest and isinstance(rest[-1], Token) and rest[-1].type == "LEVENE_CENTER" \
            else None
        return ast.Levene(c[0], rest[0] if rest else None, center, **_loc(meta))

    def variance_method(self, meta, c):
        return _Opt("method", str(c[0]).lower(), meta)

    def variances_stmt(self, meta, c):
        rest = list(c[1:])
        by = rest.pop(0) if rest and not isinstance(rest[0], _Opt) else None
        node = ast.VarianceTest(c[0], by, **_loc(meta))
        _apply_options(node, rest)
        return node

    def correlation_method(self, meta, c):
        return _Opt("method", str(c[0]).lower(), meta)

    def correlation_stmt(self, meta, c):
        node = ast.Correlation(c[0], c[1], **_loc(meta))
        _apply_options(node, c[2:])
        return node

    def kruskal_stmt(self, meta, c):
        return ast.Kruskal(c[0], c[1] if len(c) > 1 else None, **_loc(meta))

    def friedman_stmt(self, meta, c):
        return ast.Friedman(c[0], **_loc(meta))

    def mcnemar_discordant(self, meta, c):
        return ("discordant", c[0], c[1])

    def mcnemar_stmt(self, meta, c):
        node = ast.McNemar(**_loc(meta))
        if isinstance(c[0], tuple) and c[0] and c[0][0] == "discordant":
            node.b, node.c = c[0][1], c[0][2]
        else:
            node.data = c[0]
        for item in c[1:]:
            if isinstance(item, _Opt):
                _apply_options(node, [item])
            else:
                node.method = str(item).lower()
                node.spots["method"] = (item.line, item.column)
        return node

    def normality_stmt(self, meta, c):
        return ast.Normality(c[0], str(c[1]).lower() if len(c) > 1 else None, **_loc(meta))

    def chisquare_stmt(self, meta, c):
        node = ast.ChiSquare(c[0], **_loc(meta))
        rest = list(c[1:])
        if rest and not isinstance(rest[0], _Opt):
            node.expected = rest.pop(0)
        _apply_options(node, rest)
        return node

    def regression_stmt(self, meta, c):
        node = ast.Regression(c[0], c[1], **_loc(meta))
        _apply_options(node, c[2:])
        return node

    def curvature_stmt(self, meta, c):
        return ast.Curvature(c[0], c[1], **_loc(meta))

    def surface_stmt(self, meta, c):
        return ast.Surface(c[0], c[1], **_loc(meta))

    def describe_stmt(self, meta, c):
        node = ast.Describe(c[0], **_loc(meta))
        _apply_options(node, c[1:])
        return node

    # ---- symbolic
    def derivative_stmt(self, meta, c):
        names = [str(t) for t in c[1:] if isinstance(t, Token)]
        at = [a for a in c[1:] if isinstance(a, ast.Assignment)]
        rest = [x for x in c if not isinstance(x, ast.Assignment)]
        order = rest[-1] if isinstance(rest[-1], Decimal) else None
        return ast.Derivative(c[0], names, order, at, **_loc(meta))

    def integral_stmt(self, meta, c):
        lower, upper = (c[2], c[3]) if len(c) == 4 else (None, None)
        return ast.Integral(c[0], str(c[1]), lower, upper, **_loc(meta))

    def equation(self, meta, c):
        return ast.Equation(c[0], c[1] if len(c) > 1 else None, **_loc(meta))

    def solve_stmt(self, meta, c):
        equations = [e for e in c if isinstance(e, ast.Equation)]
        names = [str(t) for t in c if isinstance(t, Token) and t.type != "REAL"]
        real = any(isinstance(t, Token) and t.type == "REAL" for t in c)
        return ast.Solve(equations, names, real, **_loc(meta))

    def simplify_stmt(self, meta, c):
        node = ast.Simplify(c[0], at=[a for a in c[1:] if isinstance(a, ast.Assignment)], **_loc(meta))
        method = [t for t in c[1:] if isinstance(t, Token)]
        if method:
            node.method = str(method[0]).lower()
            node.spots["method"] = (method[0].line, method[0].column)
        return node

    def limit_stmt(self, meta, c):
        side = str(c[3]).lower() if len(c) > 3 else None
        return ast.Limit(c[0], str(c[1]), c[2], side, **_loc(meta))

    def extrema_stmt(self, meta, c):
        names = [str(t) for t in c[1:] if isinstance(t, Token) and t.type == "NAME"]
        interval = next((e for e in c[1:] if isinstance(e, dict)), {})
        return ast.Extrema(c[0], names, **interval, **_loc(meta))

    def extrema_from(self, meta, c):
        return {"lower": c[0], "upper": c[1]}

    def extrema_over(self, meta, c):
        return {"lower": c[1], "upper": c[2], "lower_open": c[0], "upper_open": c[3]}

    def end_open(self, meta, c):
        return True

    def end_closed(self, meta, c):
        return False

    def series_stmt(self, meta, c):
        return ast.Series(c[0], str(c[1]), c[2], c[3] if len(c) > 3 else None, **_loc(meta))

    def sum_stmt(self, meta, c):
        return ast.Summation(c[0], str(c[1]), c[2], c[3], **_loc(meta))

    def matrix_row(self, meta, c):
        return list(c)

    def matrix_stmt(self, meta, c):
        return ast.Matrix(str(c[0]).lower(), list(c[1:]), **_loc(meta))

    def assignment(self, meta, c):
        return ast.Assignment(str(c[0]), c[1], **_loc(meta))

    def evaluate_stmt(self, meta, c):
        digits = c[-1] if isinstance(c[-1], Decimal) else None
        at = [a for a in c[1:] if isinstance(a, ast.Assignment)]
        return ast.Evaluate(c[0], at, digits, **_loc(meta))

    def let_stmt(self, meta, c):
        return ast.Let(str(c[0]), c[1], **_loc(meta))

    # ---- formulas: rebuilt as canonical text; parentheses are kept as written
    def _expr(self, meta, text: str) -> ast.Expr:
        return ast.Expr(text, **_loc(meta))

    def num(self, meta, c):
        return self._expr(meta, str(c[0]))

    def var(self, meta, c):
        return self._expr(meta, str(c[0]))

    def call(self, meta, c):
        return self._expr(meta, f"{c[0]}({', '.join(a.text for a in c[1:])})")

    def paren(self, meta, c):
        return self._expr(meta, f"({c[0].text})")

    def add(self, meta, c):
        return self._expr(meta, f"{c[0].text} + {c[1].text}")

    def sub(self, meta, c):
        return self._expr(meta, f"{c[0].text} - {c[1].text}")

    def mul(self, meta, c):
        return self._expr(meta, f"{c[0].text}*{c[1].text}")

    def div(self, meta, c):
        return self._expr(meta, f"{c[0].text}/{c[1].text}")

    def pow(self, meta, c):
        return self._expr(meta, f"{c[0].text}^{c[1].text}")

    def neg(self, meta, c):
        return self._expr(meta, f"-{c[0].text}")

    def pos(self, meta, c):
        return self._expr(meta, f"+{c[0].text}")
