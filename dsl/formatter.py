"""The canonical text of a HAVOC program.

Why one canonical form: the planner builds programs as ASTs and shows them to
the user as text; `havoc-agent dsl fmt` tidies hand-written files; results name
the statement they came from. `parse(format_program(p)) == p` holds for every
program the parser produces (tested with hypothesis).

Layout: lowercase keywords, one statement per line, design items one per line
indented by four spaces, options in a fixed order, numbers as their decimal text.
"""

from __future__ import annotations

import re
from decimal import Decimal

from dsl import ast

INDENT = "    "
WRAP_AT = 100  # longer inline data is written one row (or ten values) per line
VALUES_PER_LINE = 10
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")


def format_program(program: ast.Program) -> str:
    """The whole program, one statement per line, ending with a newline (empty program: empty text).

    Comments survive: those above or inside a statement go above it, one on its
    last line stays there; a blank line between statements is kept (one at most).
    """
    out: list[str] = []
    for index, statement in enumerate(program.statements):
        if statement.blank_before and index > 0:
            out.append("")
        out += [_comment(c) for c in statement.comments]
        text = format_statement(statement)
        if statement.trailing_comment is not None:
            text += "  " + _comment(statement.trailing_comment)
        out.append(text)
    out += [_comment(c) for c in program.closing_comments]
    return "".join(line + "\n" for line in out)


def _comment(text: str | None) -> str:
    if text is None:  # a blank line the author left between comments
        return ""
    return f"# {text}".rstrip() if text else "#"


def format_statement(statement: ast.Statement) -> str:
    if isinstance(statement, ast.Let):
        value = statement.value
        body = format_source(value) if isinstance(value, ast.Source) else format_statement(value)
        return f"let {statement.name} = {body}"
    writer = _WRITERS.get(type(statement))
    if writer is None:
        raise TypeError(f"not a HAVOC statement: {type(statement).__name__}")
    return writer(statement)


# ---------------------------------------------------------------- atoms


def number(value: Decimal | int | float) -> str:
    if isinstance(value, Decimal):
        return str(value)
    return str(Decimal(str(value)))


def string(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def column_name(name: str) -> str:
    return name if _NAME.match(name) else string(name)


def format_source(source: ast.Source) -> str:
    """Data as text; a list or table too long for one line gets one line per row (ten values a line)."""
    if isinstance(source, ast.Values):
        items = [string(v) if isinstance(v, str) else number(v) for v in source.items]
        flat = "[" + ", ".join(items) + "]"
        if len(flat) <= WRAP_AT:
            return flat
        lines = [", ".join(items[i : i + VALUES_PER_LINE]) for i in range(0, len(items), VALUES_PER_LINE)]
        return "[\n" + "".join(f"{INDENT}{line},\n" for line in lines) + "]"
    if isinstance(source, ast.Rows):
        rows = ["[" + ", ".join(number(v) for v in row) + "]" for row in source.rows]
        flat = "[" + ", ".join(rows) + "]"
        if len(flat) <= WRAP_AT:
            return flat
        return "[\n" + "".join(f"{INDENT}{row},\n" for row in rows) + "]"
    if isinstance(source, ast.Ref):
        return source.name
    prefix = f"from {string(source.file)} " if source.file is not None else ""
    if isinstance(source, ast.Column):
        return f"{prefix}column {column_name(source.name)}"
    if isinstance(source, ast.Columns):
        return f"{prefix}columns {', '.join(column_name(n) for n in source.names)}"
    raise TypeError(f"not a data source: {type(source).__name__}")


def _value(value: Decimal | ast.Source) -> str:
    return number(value) if isinstance(value, (Decimal, int, float)) else format_source(value)


def _options(pairs: list[tuple[str, object]]) -> str:
    return "".join(f" {key} {text}" for key, text in pairs if text is not None)


# ---------------------------------------------------------------- statements


def _design(d: ast.Design) -> str:
    items: list[str] = []
    for f in d.factors:
        if f.levels is not None:
            items.append(f"factor {f.name} levels {format_source(ast.Values(list(f.levels)))}")
        elif f.low is not None and f.high is not None:
            unit = f" {string(f.unit)}" if f.unit is not None else ""
            items.append(f"factor {f.name} {number(f.low)} .. {number(f.high)}{unit}")
        else:
            items.append(f"factor {f.name}")
    simple = [("factors", d.factor_count), ("center_points", d.center_points), ("replicates", d.replicates)]
    items += [f"{key} {number(value)}" + (" once" if key == "center_points" and d.centre_once else "")
              for key, value in simple if value is not None]
    if d.randomize or d.seed is not None:
        items.append("randomize" + (f" seed {number(d.seed)}" if d.seed is not None else ""))
    items += [f"generator {g.factor} = {'-' if g.negative else ''}{g.word}" for g in d.generators]
    if d.resolution is not None:
        items.append(f"resolution {number(d.resolution)}")
    if d.face is not None:
        items.append(f"face {d.face}")
    if d.alpha is not None:
        items.append(f"alpha {d.alpha if isinstance(d.alpha, str) else number(d.alpha)}")
    tail = (("samples", d.samples), ("blocks", d.blocks), ("runs", d.runs))
    items += [f"{key} {number(value)}" + (f" confounding {', '.join(d.block_words)}" if key == "blocks" and d.block_words
                                          else "") for key, value in tail if value is not None]
    if d.criterion is not None:
        items.append(f"criterion {d.criterion}")
    if d.cost is not None:
        items.append(f"cost {number(d.cost)}")
    if not items:
        return f"design {d.kind} {{ }}"
    body = "".join(f"{INDENT}{item}\n" for item in items)
    return f"design {d.kind} {{\n{body}}}"


def _analyze(a: ast.Analyze) -> str:
    text = f"analyze {a.design} with response {format_source(a.response)}"
    if a.order is not None:
        text += f" in {a.order} order"
    return text + (f" method {a.method}" if a.method else "") + (f" model {a.model}" if a.model else "") + (
        " without curvature" if a.curvature is False else "")


def _surface(s: ast.Surface) -> str:
    return f"surface {format_source(s.runs)} response {format_source(s.response)}"


def _curvature(c: ast.Curvature) -> str:
    return f"curvature {format_source(c.factorial)} center {format_source(c.center)}"


def _chart(c: ast.Chart) -> str:
    sizes = None
    if c.sizes is not None:
        sizes = f"size {number(c.sizes)}" if isinstance(c.sizes, Decimal) else f"sizes {format_source(c.sizes)}"
    exclude = format_source(ast.Values(list(c.exclude))) if c.exclude is not None else None
    head = f"chart {c.kind} {format_source(c.data)}"
    tail = _options([
        ("subgroup", None if c.subgroup is None else _value(c.subgroup)),
        ("k_sigma", None if c.k_sigma is None else number(c.k_sigma)),
        ("center", None if c.center is None else number(c.center)),
        ("std_dev", None if c.sigma is None else number(c.sigma)),
        ("exclude", exclude),
        ("rules", c.rules),
        ("phase2", None if c.phase2 is None else format_source(c.phase2)),
        ("lambda", None if c.lam is None else number(c.lam)),
        ("k", None if c.k is None else number(c.k)),
        ("h", None if c.h is None else number(c.h)),
    ])
    return head + (f" {sizes}" if sizes else "") + tail


def _run_rules(r: ast.RunRules) -> str:
    return f"apply {r.ruleset} rules to {format_source(r.data)}" + _options([
        ("center", None if r.center is None else number(r.center)),
        ("sigma", None if r.sigma is None else number(r.sigma)),
    ])


def _capability(c: ast.Capability) -> str:
    return f"capability {format_source(c.data)}" + _options([
        ("subgroup", None if c.subgroup is None else _value(c.subgroup)),
        *[(k, None if getattr(c, k) is None else number(getattr(c, k)))
          for k in ("lsl", "usl", "target", "confidence", "sigma_within")],
    ])


def _ttest(t: ast.TTest) -> str:
    text = f"ttest {t.kind} {format_source(t.x)}"
    if t.y is not None:
        text += f" and {format_source(t.y)}"
    return text + _options([
        ("mu", None if t.mu is None else number(t.mu)),
        ("alternative", t.alternative),
        ("confidence", None if t.confidence is None else number(t.confidence)),
    ])


def _ranktest(t: ast.RankTest) -> str:
    text = f"ranktest {t.kind} {format_source(t.x)}"
    if t.y is not None:
        text += f" and {format_source(t.y)}"
    return text + _options([
        ("mu", None if t.mu is None else number(t.mu)),
        ("alternative", t.alternative),
        ("confidence", None if t.confidence is None else number(t.confidence)),
        ("method", t.method),
    ]) + ("" if t.correction is None else " with correction" if t.correction else " without correction")


def _proportiontest(t: ast.ProportionTest) -> str:
    text = "proptest " + " and ".join(f"{number(x)} of {number(n)}" for x, n in zip(t.x, t.n, strict=True))
    text += _options([
        ("p0", None if t.p0 is None else number(t.p0)),
        ("method", t.method),
        ("alternative", t.alternative),
        ("confidence", None if t.confidence is None else number(t.confidence)),
    ])
    if t.correction is not None:
        text += " with correction" if t.correction else " without correction"
    return text


def _summary_sample(s: ast.SummarySample) -> str:
    return f"mean {number(s.mean)} sd {number(s.sd)} size {number(s.n)}"


def _summaryttest(t: ast.SummaryTTest) -> str:
    text = f"summary ttest {t.kind} {_summary_sample(t.x)}"
    if t.y is not None:
        text += f" and {_summary_sample(t.y)}"
    return text + _options([
        ("mu", None if t.mu is None else number(t.mu)),
        ("alternative", t.alternative),
        ("confidence", None if t.confidence is None else number(t.confidence)),
    ])


def _summarychart(c: ast.SummaryChart) -> str:
    text = f"summary chart {c.chart} subgroup {number(c.n)} mean {number(c.mean)} {c.spread} {number(c.value)}"
    return text + (f" subgroups {number(c.subgroups)}" if c.subgroups is not None else "")


def _summarycountchart(c: ast.SummaryCountChart) -> str:
    size = f" subgroup {number(c.n)}" if c.n is not None else ""
    return f"summary chart {c.chart}{size} total {number(c.total)} subgroups {number(c.subgroups)}"


def _summarycapability(c: ast.SummaryCapability) -> str:
    spread = (f"sd {number(c.sd)}" if c.spread is None else
              f"{c.spread} {number(c.spread_value)} subgroup {number(c.subgroup)}")
    return f"summary capability mean {number(c.mean)} {spread}" + _options([
        ("sigma", c.sigma),
        ("sigma_within", None if c.sigma_within is None else number(c.sigma_within)),
        ("lsl", None if c.lsl is None else number(c.lsl)),
        ("usl", None if c.usl is None else number(c.usl)),
        ("target", None if c.target is None else number(c.target)),
    ])


def _samplesize(s: ast.SampleSize) -> str:
    def num(v: object) -> str | None:
        return None if v is None else number(v) if isinstance(v, Decimal) else str(v)

    return f"samplesize {s.target}" + _options([
        ("margin", num(s.margin)), ("width", num(s.width)), ("sd", num(s.sd)), ("p", num(s.p)),
        ("confidence", num(s.confidence)), ("method", s.method), ("population", num(s.population)),
        ("cost", num(s.cost)),
    ])


def _power(p: ast.Power) -> str:
    def num(v: object) -> str | None:
        return None if v is None else number(v) if isinstance(v, Decimal) else str(v)

    text = f"power {p.kind}" + _options([
        ("effect", num(p.effect)), ("delta", num(p.delta)), ("sd", num(p.sd)), ("p1", num(p.p1)), ("p2", num(p.p2)),
        ("size", num(p.n)), ("for power", num(p.power)), ("alpha", num(p.alpha)), ("alternative", p.alternative),
        ("groups", num(p.groups)), ("ratio", num(p.ratio)), ("method", p.method),
        ("means", format_source(p.means) if p.means is not None else None), ("cost", num(p.cost)),
    ])
    return text


def _by(head: str, data: ast.Source, by: ast.Source | None) -> str:
    return f"{head} {format_source(data)}" + (f" by {format_source(by)}" if by is not None else "")


def _anova_two(a: ast.AnovaTwoWay) -> str:
    text = f"anova two_way {format_source(a.data)} by {format_source(a.a)} and {format_source(a.b)}"
    return text + ("" if a.interaction else " without interaction") + (f" ss {a.ss_type}" if a.ss_type else "")


def _mcnemar(m: ast.McNemar) -> str:
    text = "mcnemar " + (format_source(m.data) if m.data is not None else f"discordant {number(m.b)} {number(m.c)}")
    if m.method is not None:
        text += f" method {m.method}"
    if m.confidence is not None:
        text += f" confidence {number(m.confidence)}"
    return text


def _chisquare(c: ast.ChiSquare) -> str:
    text = f"chisquare {format_source(c.observed)}"
    if c.expected is not None:
        text += f" expected {format_source(c.expected)}"
    if c.correction is not None:
        text += " with correction" if c.correction else " without correction"
    return text


def _regression(r: ast.Regression) -> str:
    text = f"regression {format_source(r.y)} on {format_source(r.x)}"
    if r.degree is not None:
        text += f" degree {number(r.degree)}"
    text += "" if r.intercept else " without intercept"
    if r.at is not None:
        text += f" at {format_source(r.at)}"
    return text + (f" confidence {number(r.confidence)}" if r.confidence is not None else "")


def _derivative(d: ast.Derivative) -> str:
    text = f"derivative of {d.expression.text} by {', '.join(d.variables)}"
    return text + (f" order {number(d.order)}" if d.order is not None else "") + _point(d.at)


def _point(at: list[ast.Assignment]) -> str:
    return " at " + ", ".join(f"{a.name} = {a.value.text}" for a in at) if at else ""


def _integral(i: ast.Integral) -> str:
    text = f"integral of {i.expression.text} by {i.variable}"
    if i.lower is not None and i.upper is not None:
        text += f" from {i.lower.text} to {i.upper.text}"
    return text


def _equation(e: ast.Equation) -> str:
    return e.left.text + (f" = {e.right.text}" if e.right is not None else "")


def _limit(lim: ast.Limit) -> str:
    text = f"limit of {lim.expression.text} as {lim.variable} to {lim.point.text}"
    return text + (f" from {lim.side}" if lim.side else "")


def _extrema(e: ast.Extrema) -> str:
    text = f"extrema of {e.expression.text} by {', '.join(e.variables)}"
    if e.lower is not None and e.upper is not None and (e.lower_open or e.upper_open):
        text += f" over {'(' if e.lower_open else '['}{e.lower.text}, {e.upper.text}{')' if e.upper_open else ']'}"
    elif e.lower is not None and e.upper is not None:
        text += f" from {e.lower.text} to {e.upper.text}"
    return text


def _summation(s: ast.Summation) -> str:
    return f"sum of {s.expression.text} for {s.variable} from {s.lower.text} to {s.upper.text}"


def _series(s: ast.Series) -> str:
    text = f"series of {s.expression.text} around {s.variable} = {s.point.text}"
    return text + (f" order {number(s.order)}" if s.order is not None else "")


def _matrix(m: ast.Matrix) -> str:
    rows = ", ".join("[" + ", ".join(e.text for e in row) + "]" for row in m.rows)
    return f"matrix {m.operation} of [{rows}]"


def _evaluate(e: ast.Evaluate) -> str:
    text = f"evaluate {e.expression.text}" + _point(e.at)
    if e.digits is not None:
        text += f" digits {e.digits}"
    return text


_WRITERS = {
    ast.Design: _design,
    ast.Analyze: _analyze,
    ast.Curvature: _curvature,
    ast.Surface: _surface,
    ast.Properties: lambda p: f"properties of {p.design}",
    ast.Chart: _chart,
    ast.RunRules: _run_rules,
    ast.Capability: _capability,
    ast.Constants: lambda c: f"constants for subgroup {number(c.n)}",
    ast.TTest: _ttest,
    ast.RankTest: _ranktest,
    ast.AnovaOneWay: lambda a: _by("anova one_way", a.data, a.by) + (" welch" if a.welch else ""),
    ast.AnovaTwoWay: _anova_two,
    ast.Levene: lambda a: _by("levene", a.data, a.by) + (f" center {a.center}" if a.center else ""),
    ast.VarianceTest: lambda v: _by("variances", v.data, v.by) + f" method {v.method}" + _options([
        ("alternative", v.alternative), ("confidence", None if v.confidence is None else number(v.confidence))]),
    ast.Correlation: lambda c: f"correlation {format_source(c.x)} and {format_source(c.y)}" + _options([
        ("method", c.method), ("alternative", c.alternative),
        ("confidence", None if c.confidence is None else number(c.confidence))]),
    ast.Kruskal: lambda a: _by("kruskal", a.data, a.by),
    ast.Friedman: lambda a: _by("friedman", a.data, None),
    ast.Normality: lambda n: f"normality {format_source(n.data)}" + (f" method {n.method}" if n.method else ""),
    ast.ChiSquare: _chisquare,
    ast.McNemar: _mcnemar,
    ast.Regression: _regression,
    ast.Describe: lambda d: f"describe {format_source(d.data)}" + _options([
        ("confidence", None if d.confidence is None else number(d.confidence))]) + (
        f" {d.bound} bound" if d.bound else ""),
    ast.Derivative: _derivative,
    ast.Integral: _integral,
    ast.Solve: lambda s: f"solve {', '.join(_equation(e) for e in s.equations)} for {', '.join(s.variables)}"
                         + (" real" if s.real else ""),
    ast.Simplify: lambda s: f"simplify {s.expression.text}" + (f" method {s.method}" if s.method else "") + _point(s.at),
    ast.Limit: _limit,
    ast.Extrema: _extrema,
    ast.Series: _series,
    ast.Summation: _summation,
    ast.Matrix: _matrix,
    ast.Evaluate: _evaluate,
    ast.ProportionTest: _proportiontest,
    ast.SummaryTTest: _summaryttest,
    ast.SummaryCapability: _summarycapability,
    ast.SummaryChart: _summarychart,
    ast.SummaryCountChart: _summarycountchart,
    ast.Power: _power,
    ast.SampleSize: _samplesize,
}
