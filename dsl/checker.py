"""The meaning of a parsed program, checked before anything runs.

Why a separate pass: a syntax error is about text, these are about sense
(a name used before `let`, a factor whose low end is above its high end, a
design kind that cannot take that option, a file that is not there). Each
error points at the statement or option that caused it, so the user (or the
planner) can fix exactly that. Sizes that only the data can tell (a CSV column
that does not split into subgroups) are checked by the executor, also with the
statement's location.
"""

from __future__ import annotations

import functools
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

from dsl import ast
from dsl.csvdata import CsvCache
from dsl.errors import DslSemanticError, DslSyntaxError
from dsl.files import Access, DataRoot, root_for
from tools.errors import HavocInputError

NAME_RE = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")
GENERATOR_WORD = re.compile(r"[A-Z]+\Z")
MAX_FACTORS = 50
MAX_ORDER = 50
EVALUATE_MAX_DIGITS = 100  # the evaluate tool's own limit

DESIGN_MINIMUM_FACTORS = {
    "full_factorial": 1,
    "fractional_factorial": 3,
    "plackett_burman": 2,
    "box_behnken": 3,
    "central_composite": 2,
    "latin_hypercube": 1,
}
ONLY_FOR = {
    "generators": {"fractional_factorial"},
    "resolution": {"fractional_factorial"},
    "face": {"central_composite"},
    "alpha": {"central_composite"},
    "samples": {"latin_hypercube"},
    "runs": {"fractional_factorial", "plackett_burman"},
    "criterion": {"latin_hypercube"},
}
MATRIX_OPERATIONS = ("determinant", "inverse", "eigenvalues", "eigenvectors", "rank", "transpose", "trace", "rref")
# the simplify tool's methods, in its order (tests hold the grammar and the tool's schema to this list)
SIMPLIFY_METHODS = ("simplify", "expand", "factor", "trigsimp", "cancel", "apart", "together", "radsimp", "powsimp",
                    "logcombine", "expand_trig", "expand_log")
SQUARE_OPERATIONS = {"determinant", "inverse", "eigenvalues", "eigenvectors", "trace"}
SUBGROUP_CHARTS = {"xbar_r", "xbar_s"}
SMALL_SHIFT_CHARTS = {"ewma", "cusum"}  # individual values, or subgroups (rows, or `subgroup N`) charted by their means
COUNT_CHARTS_WITH_SIZES = {"p", "np", "u"}

# what a bound name holds; `let` records it, every use checks it
DATA = "data"
TABLE = "table"
DESIGN = "design"
RESULT = "result"


@functools.cache
def keywords() -> frozenset[str]:
    """Every word the grammar treats as a keyword somewhere: not usable as a `let` name."""
    from dsl.parser import lark_parser

    words = set()
    for term in lark_parser().terminals:
        if type(term.pattern).__name__ == "PatternStr" and NAME_RE.match(term.pattern.value):
            words.add(term.pattern.value.lower())
    return frozenset(words)


def check(
    program: ast.Program,
    *,
    base_dir: Path | None = None,
    env: dict[str, Any] | None = None,
    confine_files: bool = False,
    data_root: DataRoot = Access.AMBIENT,
) -> None:
    """Raise `DslSemanticError` (with line and column) for the first thing in `program` that cannot work.

    `env` holds names bound by earlier runs (as `dsl.execute` leaves them), so a
    follow-up program may use them. `data_root` says which files may be read (`dsl.files`:
    `dsl.LOCAL`, None for none, or a directory); `confine_files=True` is `data_root=base_dir`
    (or the current directory).
    """
    _Checker(program, base_dir, env or {}, root_for(base_dir, confine_files, data_root)).run()


def binding_kind(value: Any) -> str | None:
    """The kind of a value stored in an execution environment (see `dsl.executor`)."""
    if isinstance(value, dict):
        kind = value.get("kind")
        if kind in (DATA, TABLE, DESIGN, RESULT):
            return kind
    return None


class _Checker:
    def __init__(self, program: ast.Program, base_dir: Path | None, env: dict[str, Any], data_root: DataRoot) -> None:
        self.program = program
        self.csv = CsvCache(Path(base_dir) if base_dir is not None else None, data_root=data_root)
        self.scope: dict[str, str] = {}
        for name, value in env.items():
            kind = binding_kind(value)
            if kind is not None:
                self.scope[name] = kind
        self.file: str | None = None  # the last file named in the statement being checked

    # ---- reporting
    def fail(self, message: str, node: ast.Node | None = None, option: str | None = None) -> None:
        line, column = (None, None)
        if node is not None:
            line, column = node.spot(option) if option else (node.line, node.column)
        raise DslSemanticError(message, line=line, column=column, source=self.program.source, text=self.program.text)

    def run(self) -> None:
        if not isinstance(self.program, ast.Program):
            raise DslSemanticError(f"expected a Program, got {type(self.program).__name__}")
        for index, statement in enumerate(self.program.statements):
            self.file = None
            try:
                self.statement(statement)
            except DslSemanticError as exc:
                exc.index = index
                raise

    def statement(self, node: Any) -> None:
        if isinstance(node, ast.Let):
            self.let(node)
            return
        method = getattr(self, "_" + type(node).__name__.lower(), None)
        if method is None:
            self.fail(f"not a HAVOC statement: {type(node).__name__}", node if isinstance(node, ast.Node) else None)
        method(node)

    def let(self, node: ast.Let) -> None:
        if not isinstance(node.name, str) or not NAME_RE.match(node.name):
            self.fail(f"`{node.name}` is not a name (letters, digits and _, not starting with a digit)", node)
        if node.name.lower() in keywords():
            self.fail(f"`{node.name}` is a HAVOC keyword; choose another name", node)
        value = node.value
        if isinstance(value, ast.Source):
            kind = self.source(value, "the value", node, want="any")
        else:
            self.statement(value)
            kind = DESIGN if isinstance(value, ast.Design) else RESULT
        self.scope[node.name] = kind

    # ---- numbers
    def whole(self, value: Any, what: str, node: ast.Node, option: str | None = None, *, minimum: int = 0,
              maximum: int | None = None) -> int:
        self.finite(value, what, node, option)
        if value != value.to_integral_value():
            self.fail(f"{what} must be a whole number, not {value}", node, option)
        if value < minimum:
            self.fail(f"{what} must be at least {minimum}, not {value}", node, option)
        if maximum is not None and value > maximum:
            self.fail(f"{what} must be at most {maximum}, not {value}", node, option)
        return int(value)

    def finite(self, value: Any, what: str, node: ast.Node, option: str | None = None) -> None:
        if isinstance(value, bool) or not isinstance(value, (Decimal, int)):
            self.fail(f"{what} must be a number", node, option)
        if isinstance(value, Decimal) and not value.is_finite():
            self.fail(f"{what} must be a finite number, not {value}", node, option)

    def positive(self, value: Any, what: str, node: ast.Node, option: str) -> None:
        self.finite(value, what, node, option)
        if value <= 0:
            self.fail(f"{what} must be greater than 0, not {value}", node, option)

    def proportion(self, value: Any, what: str, node: ast.Node, option: str) -> None:
        self.finite(value, what, node, option)
        if not 0 < value < 1:
            self.fail(f"{what} must be between 0 and 1 (e.g. 0.95), not {value}", node, option)

    def one_line(self, text: Any, what: str, node: ast.Node) -> None:
        """Strings are one line in the language; a program built by code could hold anything."""
        if not isinstance(text, str) or "\n" in text or "\r" in text:
            self.fail(f"{what} must be text on one line", node)

    # ---- data sources
    def source(self, src: Any, what: str, owner: ast.Node, *, want: str) -> str:
        """Check a data source; `want` is numbers, labels, table, numbers_or_table or any. Returns its kind."""
        if isinstance(src, ast.Values):
            if not src.items:
                self.fail(f"{what} is an empty list", src)
            for item in src.items:
                if isinstance(item, str):
                    self.one_line(item, "a label", src)
                    if want in ("numbers", "table", "numbers_or_table"):
                        self.fail(f"{what} must be numbers, but holds the label {item!r}", src)
                else:
                    self.finite(item, what, src)
            if want == "table":
                self.fail(f"{what} must be a table (rows of numbers, e.g. [[1, 2], [3, 4]])", src)
            return DATA
        if isinstance(src, ast.Rows):
            if not src.rows or any(not row for row in src.rows):
                self.fail(f"{what} has an empty row", src)
            for row in src.rows:
                for item in row:
                    self.finite(item, what, src)
            if want in ("numbers", "labels"):
                self.fail(f"{what} must be a flat list of values, not a table", src)
            return TABLE
        if isinstance(src, ast.Ref):
            kind = self.scope.get(src.name)
            if kind is None:
                known = ", ".join(sorted(self.scope)) or "none yet"
                self.fail(f"`{src.name}` is not defined (bind it first with `let {src.name} = ...`; defined: {known})", src)
            if kind in (DESIGN, RESULT) and want != "any":
                self.fail(f"`{src.name}` holds a {kind}, not data", src)
            if kind == TABLE and want in ("numbers", "labels"):
                self.fail(f"`{src.name}` is a table; {what} must be a flat list", src)
            if kind == DATA and want == "table":
                self.fail(f"`{src.name}` is a flat list; {what} must be a table", src)
            return kind
        if isinstance(src, (ast.Column, ast.Columns)):
            for text in [src.file or "", *([src.name] if isinstance(src, ast.Column) else src.names)]:
                self.one_line(text, "a file or column name", src)
            if src.file is not None:
                self.file = src.file
            if self.file is None:
                first = src.name if isinstance(src, ast.Column) else src.names[0]
                self.fail(f'which file? write `from "data.csv" column {first}`', src)
            try:
                header = self.csv.header(self.file)
            except HavocInputError as exc:
                self.fail(str(exc), src)
            names = [src.name] if isinstance(src, ast.Column) else src.names
            if not names:
                self.fail(f"{what}: name at least one column", src)
            for name in names:
                if name not in header:
                    shown = ", ".join(header[:12])
                    self.fail(f"{self.file} has no column {name!r} (columns: {shown})", src)
            if isinstance(src, ast.Columns):
                if want in ("numbers", "labels"):
                    self.fail(f"{what} must be one column, not several", src)
                return TABLE
            if want == "table":
                self.fail(f"{what} must be a table: use `columns a, b, ...`", src)
            return DATA
        self.fail(f"{what} is not a data source ({type(src).__name__})", owner)
        raise AssertionError  # unreachable: fail() raises

    # ---- design of experiments
    def _design(self, d: ast.Design) -> None:
        if d.kind not in DESIGN_MINIMUM_FACTORS:
            self.fail(f"unknown design kind {d.kind!r}", d)
        if d.cost is not None:
            self.positive(d.cost, "cost", d, "cost")
        names = [f.name for f in d.factors]
        for factor in d.factors:
            self.factor(factor, d)
        duplicates = sorted({n for n in names if names.count(n) > 1})
        if duplicates:
            self.fail(f"factor {duplicates[0]!r} is named twice", d.factors[names.index(duplicates[0], 1 + names.index(duplicates[0]))])
        count = len(d.factors)
        if d.factor_count is not None:
            given = self.whole(d.factor_count, "factors", d, "factor_count", minimum=1, maximum=MAX_FACTORS)
            if d.factors and given != count:
                self.fail(f"`factors {given}` but {count} factors are named; give one or the other", d, "factor_count")
            count = given
        if count == 0:
            self.fail("which factors? add `factor NAME low .. high` lines or `factors N`", d)
        if count > MAX_FACTORS:
            self.fail(f"at most {MAX_FACTORS} factors, not {count}", d)
        minimum = DESIGN_MINIMUM_FACTORS[d.kind]
        if count < minimum:
            self.fail(f"a {d.kind} design needs at least {minimum} factors, not {count}", d)
        if any(f.levels is not None for f in d.factors) and d.kind != "full_factorial":
            self.fail(f"`levels` is for full_factorial designs; a {d.kind} design sets its own levels", d)
        for option, kinds in ONLY_FOR.items():
            present = bool(d.generators) if option == "generators" else getattr(d, option) is not None
            if present and d.kind not in kinds:
                spot = d.generators[0] if option == "generators" else d
                self.fail(f"`{option[:-1] if option == 'generators' else option}` only applies to "
                          f"{' or '.join(sorted(kinds))} designs, not {d.kind}", spot, None if option == "generators" else option)
        if d.center_points is not None:
            self.whole(d.center_points, "center_points", d, "center_points", maximum=1000)
        if d.replicates is not None:
            self.whole(d.replicates, "replicates", d, "replicates", minimum=1, maximum=100)
        if d.seed is not None:
            self.whole(d.seed, "the seed", d, "seed", maximum=2**32 - 1)
        if d.blocks is not None:
            self.whole(d.blocks, "blocks", d, "blocks", minimum=1, maximum=64)
        if d.block_words:
            if d.kind not in ("full_factorial", "fractional_factorial"):
                self.fail(f"`confounding` only applies to full_factorial or fractional_factorial designs, not {d.kind}",
                          d, "blocks")
            if d.blocks is not None and 2 ** len(d.block_words) != int(d.blocks):
                self.fail(f"{len(d.block_words)} confounded interaction(s) make {2 ** len(d.block_words)} blocks, "
                          f"not {int(d.blocks)}", d, "blocks")
        if d.samples is not None:
            self.whole(d.samples, "samples", d, "samples", minimum=2, maximum=100_000)
        if d.runs is not None:
            self.whole(d.runs, "runs", d, "runs", minimum=2, maximum=100_000)
        if d.resolution is not None:
            self.whole(d.resolution, "resolution", d, "resolution", minimum=3, maximum=8)
        if isinstance(d.alpha, Decimal):
            self.positive(d.alpha, "alpha", d, "alpha")
        elif d.alpha is not None and d.alpha not in ("rotatable", "orthogonal"):
            self.fail(f"alpha must be rotatable, orthogonal or a number, not {d.alpha!r}", d, "alpha")
        if d.face is not None and d.face not in ("circumscribed", "inscribed", "faced"):
            self.fail(f"face must be circumscribed, inscribed or faced, not {d.face!r}", d, "face")
        if d.kind == "fractional_factorial":
            if not d.generators and d.resolution is None and d.runs is None:
                self.fail("a fractional_factorial needs `resolution N`, `runs N` or `generator E = ABCD` lines", d)
            if d.generators and d.resolution is not None:
                self.fail("give generators or a resolution, not both", d, "resolution")
            self.generators(d, count)

    def factor(self, f: ast.Factor, d: ast.Design) -> None:
        if not isinstance(f.name, str) or not NAME_RE.match(f.name):
            self.fail(f"`{f.name}` is not a factor name", f)
        for text in [f.unit or "", *(v for v in f.levels or [] if isinstance(v, str))]:
            self.one_line(text, f"a unit or level of {f.name}", f)
        if f.levels is not None:
            if len(f.levels) < 2:
                self.fail(f"factor {f.name} needs at least 2 levels", f)
            if len({str(v) for v in f.levels}) != len(f.levels):
                self.fail(f"factor {f.name} repeats a level", f)
            return
        if (f.low is None) != (f.high is None):
            self.fail(f"factor {f.name} needs both ends of its range: low .. high", f)
        if f.low is not None:
            self.finite(f.low, f"the low end of {f.name}", f)
            self.finite(f.high, f"the high end of {f.name}", f)
            if not f.low < f.high:
                self.fail(f"factor {f.name}: the low end ({f.low}) must be below the high end ({f.high})", f)
        elif f.unit is not None:
            self.fail(f"factor {f.name} has a unit but no range", f)

    def generators(self, d: ast.Design, count: int) -> None:
        letters = [chr(ord("A") + i) for i in range(min(count, 26))]
        seen: set[str] = set()
        for g in d.generators:
            if g.factor not in letters:
                self.fail(f"generator {g.text}: {g.factor} is not one of the factor letters {''.join(letters)}", g)
            if not GENERATOR_WORD.match(g.word) or any(c not in letters for c in g.word):
                self.fail(f"generator {g.text}: {g.word} must be made of the factor letters {''.join(letters)}", g)
            if g.factor in g.word:
                self.fail(f"generator {g.text}: a factor cannot generate itself", g)
            if len(set(g.word)) != len(g.word):
                self.fail(f"generator {g.text}: a letter repeats", g)
            if g.factor in seen:
                self.fail(f"factor {g.factor} has two generators", g)
            seen.add(g.factor)
        if d.generators and len(d.generators) >= count:
            self.fail(f"{len(d.generators)} generators for {count} factors leave no base design", d.generators[-1])

    def is_rows(self, src: Any) -> bool:
        return isinstance(src, (ast.Rows, ast.Columns)) or (isinstance(src, ast.Ref) and self.scope.get(src.name) == TABLE)

    def design_name(self, name: str, node: ast.Node) -> None:
        kind = self.scope.get(name)
        if kind is None:
            self.fail(f"`{name}` is not defined: bind a design first with `let {name} = design ...`", node)
        if kind != DESIGN:
            self.fail(f"`{name}` is not a design", node)

    def _analyze(self, a: ast.Analyze) -> None:
        self.design_name(a.design, a)
        self.source(a.response, "the response", a, want="numbers")
        if a.order is not None and a.order not in ("standard", "run"):
            self.fail(f"the response order must be standard or run, not {a.order!r}", a, "order")
        if a.method is not None and a.method not in ("effects", "anova", "surface", "curvature"):
            self.fail(f"method must be effects, anova, surface or curvature, not {a.method!r}", a)
        if a.curvature is not None and a.method != "anova":
            self.fail("`without curvature` chooses the terms of `method anova`: say `method anova without curvature`",
                      a, "curvature")
        if a.model is not None and a.method != "anova":
            self.fail("`model` chooses the terms of `method anova`: say `method anova model " + a.model + "`", a, "model")

    def _properties(self, p: ast.Properties) -> None:
        self.design_name(p.design, p)

    def _curvature(self, c: ast.Curvature) -> None:
        self.source(c.factorial, "the factorial responses", c, want="numbers")
        self.source(c.center, "the centre responses", c, want="numbers")
        if isinstance(c.factorial, ast.Values) and len(c.factorial.items) < 2:
            self.fail("the curvature test needs at least 2 factorial responses", c.factorial)
        if isinstance(c.center, ast.Values) and len(c.center.items) < 2:
            self.fail("the curvature test needs at least 2 centre responses (their spread is the pure error)",
                      c.center)

    def _surface(self, s: ast.Surface) -> None:
        self.source(s.runs, "the runs", s, want="table")
        self.source(s.response, "the response", s, want="numbers")
        if isinstance(s.runs, ast.Rows) and isinstance(s.response, ast.Values):
            if len(s.runs.rows) != len(s.response.items):
                self.fail(f"{len(s.runs.rows)} runs but {len(s.response.items)} responses: give one response per run",
                          s.response)
            if len({len(r) for r in s.runs.rows}) != 1:
                self.fail("every run needs a setting for each factor (the rows differ in length)", s.runs)

    # ---- statistical process control
    def subgroup(self, value: Any, node: ast.Node, data_kind: str) -> None:
        if isinstance(value, (Decimal, int)):
            self.whole(value, "the subgroup size", node, "subgroup", minimum=2, maximum=1000)
            size = int(value)
            data = getattr(node, "data", None)
            if isinstance(data, ast.Values) and len(data.items) % size:
                self.fail(f"{len(data.items)} values do not split into subgroups of {size}", node, "subgroup")
        else:
            self.source(value, "the subgroup labels", node, want="labels")
        if data_kind == TABLE:
            self.fail("the data are already rows of subgroups; drop `subgroup`", node, "subgroup")

    def _chart(self, c: ast.Chart) -> None:
        kinds = ("xbar_r", "xbar_s", "imr", "p", "np", "c", "u", "ewma", "cusum")
        if c.kind not in kinds:
            self.fail(f"unknown chart type {c.kind!r}", c)
        data_kind = self.source(c.data, "the chart data", c, want="numbers_or_table")
        if c.subgroup is not None:
            if c.kind not in SUBGROUP_CHARTS | SMALL_SHIFT_CHARTS:
                self.fail(f"`subgroup` is for xbar_r, xbar_s, ewma and cusum charts, not {c.kind}", c, "subgroup")
            self.subgroup(c.subgroup, c, data_kind)
        elif c.kind in SUBGROUP_CHARTS and data_kind != TABLE:
            self.fail(f"an {c.kind} chart needs subgroups: add `subgroup 5` (a size) or "
                      "`subgroup column NAME`, or give rows", c)
        if c.kind not in SUBGROUP_CHARTS | SMALL_SHIFT_CHARTS and data_kind == TABLE:
            self.fail(f"a {c.kind} chart takes one list of values, not rows", c.data)
        self._small_shift_options(c)
        if c.kind in COUNT_CHARTS_WITH_SIZES and c.sizes is None:
            self.fail(f"a {c.kind} chart needs the sample sizes: add `size 50` or `sizes [...]`", c)
        if c.sizes is not None:
            if c.kind not in COUNT_CHARTS_WITH_SIZES:
                self.fail(f"`sizes` is for p, np and u charts, not {c.kind}", c, "sizes")
            if isinstance(c.sizes, (Decimal, int)):
                self.whole(c.sizes, "the sample size", c, "sizes", minimum=1)
            else:
                self.source(c.sizes, "the sample sizes", c, want="numbers")
                if isinstance(c.sizes, ast.Values) and isinstance(c.data, ast.Values) and len(c.sizes.items) != len(c.data.items):
                    self.fail(f"{len(c.sizes.items)} sizes for {len(c.data.items)} counts", c, "sizes")
        if c.k_sigma is not None:
            self.positive(c.k_sigma, "k_sigma", c, "k_sigma")
            if c.k_sigma > 10:
                self.fail(f"k_sigma must be at most 10, not {c.k_sigma}", c, "k_sigma")
        if c.center is not None:
            self.finite(c.center, "center", c, "center")
        if c.sigma is not None:
            self.positive(c.sigma, "std_dev", c, "sigma")
            if c.kind not in ("xbar_r", "xbar_s", "imr", "ewma", "cusum"):
                self.fail(f"a known std_dev is for xbar, imr, ewma and cusum charts, not {c.kind}", c, "sigma")
        for index in c.exclude or []:
            self.whole(index, "an excluded point (0-based)", c, "exclude")
        if c.phase2 is not None:
            phase2_kind = self.source(c.phase2, "the phase II data", c, want="numbers_or_table")
            if phase2_kind == TABLE and c.kind not in SUBGROUP_CHARTS | SMALL_SHIFT_CHARTS:
                self.fail(f"a {c.kind} chart takes one list of new values, not rows", c, "phase2")
            if isinstance(c.sizes, ast.Values) or (c.sizes is not None and not isinstance(c.sizes, (Decimal, int))):
                self.fail("phase II points of a chart with varying sizes need their own sizes; "
                          "give a constant `size N` or chart them separately", c, "phase2")
            if phase2_kind != TABLE and c.kind in SUBGROUP_CHARTS and not isinstance(c.subgroup, (Decimal, int)) \
                    and not self.is_rows(c.data):
                self.fail("new values of an xbar chart need a subgroup size (`subgroup N`) or rows", c, "phase2")
            if phase2_kind != TABLE and c.kind in SUBGROUP_CHARTS and self.is_rows(c.data):
                self.fail("the chart data are rows of subgroups; give the phase II data as rows too", c, "phase2")
        if c.rules is not None and c.rules not in ("western_electric", "nelson", "none"):
            self.fail(f"rules must be western_electric, nelson or none, not {c.rules!r}", c, "rules")

    def _small_shift_options(self, c: ast.Chart) -> None:
        """`lambda` belongs to an EWMA, `k` and `h` to a CUSUM; each within the tool's range."""
        if c.lam is not None:
            if c.kind != "ewma":
                self.fail(f"`lambda` is the weight of an ewma chart, not of a {c.kind} chart", c, "lam")
            self.positive(c.lam, "lambda", c, "lam")
            if c.lam > 1:
                self.fail(f"lambda must be at most 1 (1 is a Shewhart chart), not {c.lam}", c, "lam")
        for name, top in (("k", 10), ("h", 50)):
            value = getattr(c, name)
            if value is None:
                continue
            if c.kind != "cusum":
                self.fail(f"`{name}` is for a cusum chart, not a {c.kind} chart", c, name)
            if name == "h":
                self.positive(value, "h", c, "h")
            elif value < 0:
                self.fail(f"k must be 0 or more, not {value}", c, "k")
            if value > top:
                self.fail(f"{name} must be at most {top} (sigma units), not {value}", c, name)

    def _runrules(self, r: ast.RunRules) -> None:
        self.source(r.data, "the values", r, want="numbers")
        if r.center is None:
            self.fail("say where the centre line is: add `center NUMBER`", r)
        self.finite(r.center, "center", r, "center")
        if r.sigma is None:
            self.fail("say what one sigma is: add `sigma NUMBER`", r)
        self.positive(r.sigma, "sigma", r, "sigma")

    def _capability(self, c: ast.Capability) -> None:
        data_kind = self.source(c.data, "the capability data", c, want="numbers_or_table")
        if c.lsl is None and c.usl is None:
            self.fail("capability needs a specification limit: add `lsl NUMBER` and/or `usl NUMBER`", c)
        for option in ("lsl", "usl", "target"):
            if getattr(c, option) is not None:
                self.finite(getattr(c, option), option, c, option)
        if c.lsl is not None and c.usl is not None and not c.lsl < c.usl:
            self.fail(f"lsl ({c.lsl}) must be below usl ({c.usl})", c, "usl")
        if c.confidence is not None:
            self.proportion(c.confidence, "confidence", c, "confidence")
        if c.sigma_within is not None:
            self.positive(c.sigma_within, "sigma_within", c, "sigma_within")
        if c.subgroup is not None:
            self.subgroup(c.subgroup, c, data_kind)

    def _constants(self, c: ast.Constants) -> None:
        self.whole(c.n, "the subgroup size", c, minimum=2, maximum=100)

    # ---- statistics
    def _ttest(self, t: ast.TTest) -> None:
        if t.kind not in ("one_sample", "paired", "pooled", "welch"):
            self.fail(f"unknown t-test kind {t.kind!r}", t)
        self.source(t.x, "the sample", t, want="numbers")
        if t.kind == "one_sample":
            if t.y is not None:
                self.fail("a one_sample t-test takes one sample; for two use paired, pooled or welch", t.y)
        else:
            if t.y is None:
                self.fail(f"a {t.kind} t-test compares two samples: add `and [...]`", t)
            self.source(t.y, "the second sample", t, want="numbers")
            if t.kind == "paired" and isinstance(t.x, ast.Values) and isinstance(t.y, ast.Values) \
                    and len(t.x.items) != len(t.y.items):
                self.fail(f"paired samples must have the same length ({len(t.x.items)} and {len(t.y.items)})", t.y)
        if t.mu is not None:
            self.finite(t.mu, "mu", t, "mu")
        if t.alternative is not None and t.alternative not in ("two_sided", "less", "greater"):
            self.fail(f"alternative must be two_sided, less or greater, not {t.alternative!r}", t, "alternative")
        if t.confidence is not None:
            self.proportion(t.confidence, "confidence", t, "confidence")

    def _ranktest(self, t: ast.RankTest) -> None:
        if t.kind not in ("mann_whitney", "signed_rank", "sign"):
            self.fail(f"unknown rank test {t.kind!r}", t)
        self.source(t.x, "the sample", t, want="numbers")
        if t.kind == "mann_whitney" and t.y is None:
            self.fail("a Mann-Whitney test compares two samples: add `and [...]`", t)
        if t.y is not None:
            self.source(t.y, "the second sample", t, want="numbers")
            if t.kind in ("signed_rank", "sign") and isinstance(t.x, ast.Values) and isinstance(t.y, ast.Values) \
                    and len(t.x.items) != len(t.y.items):
                self.fail(f"paired samples must have the same length ({len(t.x.items)} and {len(t.y.items)})", t.y)
        if t.mu is not None:
            self.finite(t.mu, "mu", t, "mu")
        if t.alternative is not None and t.alternative not in ("two_sided", "less", "greater"):
            self.fail(f"alternative must be two_sided, less or greater, not {t.alternative!r}", t, "alternative")
        if t.confidence is not None:
            self.proportion(t.confidence, "confidence", t, "confidence")

    # ---- proportions, summary figures, power
    def _proportiontest(self, t: ast.ProportionTest) -> None:
        if len(t.x) not in (1, 2) or len(t.x) != len(t.n):
            self.fail("give one `x of n`, or two joined by `and`", t)
        for x, n in zip(t.x, t.n, strict=True):
            self.whole(x, "a count of successes", t)
            self.whole(n, "a number of trials", t, minimum=1)
            if x > n:
                self.fail(f"{x} of {n}: successes cannot exceed trials", t)
        if t.p0 is not None:
            if len(t.x) == 2:
                self.fail("p0 is for one proportion; two are compared with each other", t, "p0")
            self.proportion(t.p0, "p0", t, "p0")
        if t.method is not None:
            allowed = ("auto", "exact", "score") if len(t.x) == 1 else ("auto", "z", "fisher")
            if t.method not in allowed:
                self.fail(f"method for {'one proportion' if len(t.x) == 1 else 'two proportions'} is "
                          f"{', '.join(allowed)}, not {t.method!r}", t, "method")
        if t.alternative is not None and t.alternative not in ("two_sided", "less", "greater"):
            self.fail(f"alternative must be two_sided, less or greater, not {t.alternative!r}", t, "alternative")
        if t.confidence is not None:
            self.proportion(t.confidence, "confidence", t, "confidence")

    def summary_sample(self, s: ast.SummarySample, owner: ast.Node) -> None:
        self.finite(s.mean, "the mean", owner)
        self.positive(s.sd, "the standard deviation", owner, "sd")
        self.whole(s.n, "the sample size", owner, minimum=2)

    def _summaryttest(self, t: ast.SummaryTTest) -> None:
        self.summary_sample(t.x, t)
        two = t.kind in ("pooled", "welch")
        if two and t.y is None:
            self.fail(f"a {t.kind} test compares two samples: add `and mean .. sd .. size ..`", t)
        if not two and t.y is not None:
            self.fail(f"{t.kind} takes one sample's figures (paired: those of the differences)", t)
        if t.y is not None:
            self.summary_sample(t.y, t)
        if t.mu is not None:
            self.finite(t.mu, "mu", t, "mu")
        if t.alternative is not None and t.alternative not in ("two_sided", "less", "greater"):
            self.fail(f"alternative must be two_sided, less or greater, not {t.alternative!r}", t, "alternative")
        if t.confidence is not None:
            self.proportion(t.confidence, "confidence", t, "confidence")

    def _summarycountchart(self, c: ast.SummaryCountChart) -> None:
        if c.chart not in ("p", "np", "c", "u"):
            self.fail(f"a total count over subgroups gives a p, np, c or u chart, not {c.chart}", c)
        if c.chart == "c" and c.n is not None:
            self.fail("a c chart counts defects per subgroup: it takes no subgroup size", c)
        if c.chart != "c" and c.n is None:
            self.fail(f"a {c.chart} chart needs `subgroup N` (items or units per subgroup)", c)
        if c.n is not None:
            self.positive(c.n, "the subgroup size", c, "n")
        self.whole(c.subgroups, "the number of subgroups", c, minimum=1)
        self.finite(c.total, "the total count", c)

    def _summarychart(self, c: ast.SummaryChart) -> None:
        if c.chart not in ("xbar_r", "xbar_s"):
            self.fail(f"limits from summary figures are for xbar_r or xbar_s charts, not {c.chart}", c)
        want = "rbar" if c.chart == "xbar_r" else "sbar"
        if c.spread != want:
            self.fail(f"an {c.chart} chart takes {want} (the average {'range' if want == 'rbar' else 'standard deviation'}),"
                      f" not {c.spread}", c)
        self.whole(c.n, "the subgroup size", c, minimum=2, maximum=100)
        self.finite(c.mean, "the grand mean", c)
        self.positive(c.value, f"{c.spread}", c, c.spread)
        if c.subgroups is not None:
            self.whole(c.subgroups, "the number of subgroups", c, minimum=1)

    def _summarycapability(self, c: ast.SummaryCapability) -> None:
        self.finite(c.mean, "the mean", c)
        if c.sd is not None:
            self.positive(c.sd, "the standard deviation", c, "sd")
        else:
            self.positive(c.spread_value, c.spread, c, "spread_value")
            self.whole(c.subgroup, "subgroup", c, "subgroup", minimum=2, maximum=25)
            if c.sigma is not None:
                self.fail(f"{c.spread} gives the within sigma: `sigma` is for an sd", c, "sigma")
        for name in ("lsl", "usl", "target"):
            if getattr(c, name) is not None:
                self.finite(getattr(c, name), name, c, name)
        if c.lsl is None and c.usl is None:
            self.fail("capability needs a specification limit: add `lsl` or `usl`", c)
        if c.lsl is not None and c.usl is not None and c.lsl >= c.usl:
            self.fail(f"lsl ({c.lsl}) must be below usl ({c.usl})", c, "lsl")
        if c.sigma is not None and c.sigma not in ("overall", "within"):
            self.fail(f"sigma must be overall or within, not {c.sigma!r}", c, "sigma")
        if c.sigma_within is not None:
            self.positive(c.sigma_within, "sigma_within", c, "sigma_within")
            if c.sigma == "within":
                self.fail("sd is already the within sigma: sigma_within goes with an overall sd", c, "sigma_within")

    def _samplesize(self, s: ast.SampleSize) -> None:
        if s.cost is not None:
            self.positive(s.cost, "cost", s, "cost")
        if (s.margin is None) == (s.width is None):
            self.fail("give `margin E` (the half-width, ± E) or `width W` (the full width), one of them", s)
        for name in ("margin", "width", "sd"):
            if getattr(s, name) is not None:
                self.positive(getattr(s, name), name, s, name)
        if s.confidence is not None:
            self.proportion(s.confidence, "confidence", s, "confidence")
        if s.population is not None and (s.population != s.population.to_integral_value() or s.population < 2):
            self.fail(f"population is a whole number of at least 2, not {s.population}", s, "population")
        if s.target == "mean":
            if s.sd is None:
                self.fail("a mean's sample size needs `sd S`, its standard deviation", s)
            if s.p is not None:
                self.fail("`p` is for a proportion; a mean takes sd", s, "p")
        else:
            if s.sd is not None:
                self.fail("`sd` is for a mean; a proportion takes p (the anticipated proportion)", s, "sd")
            if s.method == "t":
                self.fail("`method t` is for a mean", s, "method")
            if s.p is not None:
                self.proportion(s.p, "p", s, "p")
            margin = s.margin if s.margin is not None else (s.width / 2 if s.width is not None else None)
            if margin is not None and margin >= 1:
                self.fail(f"a proportion's margin is below 1 (0.03 for ± 3 points), not {margin}", s,
                          "margin" if s.margin is not None else "width")

    def _power(self, p: ast.Power) -> None:
        if p.cost is not None:
            self.positive(p.cost, "cost", p, "cost")
        if (p.n is None) == (p.power is None):
            self.fail("give `size N` (to get the power) or `for power P` (to get the sample size), one of them", p)
        if p.n is not None:
            self.positive(p.n, "size", p, "n")
        if p.power is not None:
            self.proportion(p.power, "power", p, "power")
        if p.alpha is not None:
            if not isinstance(p.alpha, Decimal):
                self.fail(f"alpha here is a significance level (e.g. 0.05), not {p.alpha!r}", p, "alpha")
            self.proportion(p.alpha, "alpha", p, "alpha")
        if p.kind == "two_proportions":
            for name in ("p1", "p2"):
                value = getattr(p, name)
                if value is None:
                    self.fail(f"two proportions need {name}", p)
                self.proportion(value, name, p, name)
            for name in ("effect", "delta", "sd", "means"):
                if getattr(p, name) is not None:
                    self.fail(f"`{name}` is for t tests and anova; two proportions take p1 and p2", p, name)
        else:
            for name in ("p1", "p2", "method"):
                if getattr(p, name) is not None:
                    self.fail(f"`{name}` is for two_proportions", p, name)
            if p.means is not None:
                if p.kind != "anova":
                    self.fail("`means` (hypothesised group means) is for anova", p, "means")
                if p.effect is not None or p.delta is not None:
                    self.fail("give the effect once: `effect F`, or `means [..] sd S`", p, "means")
                if p.sd is None:
                    self.fail("`means` needs `sd S`, the common within-group standard deviation", p, "means")
                if len(p.means.items) < 2 or any(isinstance(v, str) for v in p.means.items):
                    self.fail("`means` takes two or more numbers, one per group", p, "means")
                if p.groups is not None and p.groups != len(p.means.items):
                    self.fail(f"`groups {p.groups}` but {len(p.means.items)} means", p, "groups")
            elif p.effect is None and (p.delta is None or p.sd is None):
                self.fail("give `effect D` (Cohen's d; anova: Cohen's f or `means [..] sd S`) or `delta X sd S`", p)
            if p.sd is not None:
                self.positive(p.sd, "sd", p, "sd")
        if p.kind == "anova":
            if p.groups is None and p.means is None:
                self.fail("anova needs `groups K` (or one hypothesised mean per group, `means [..]`)", p)
            if p.groups is not None:
                self.whole(p.groups, "groups", p, "groups", minimum=2)
        elif p.groups is not None:
            self.fail("`groups` is for anova", p, "groups")
        if p.ratio is not None:
            if p.kind not in ("two_sample_t", "two_proportions"):
                self.fail("`ratio` (n2 / n1) is for two-sample tests", p, "ratio")
            self.positive(p.ratio, "ratio", p, "ratio")
        if p.alternative is not None and p.alternative not in ("two_sided", "less", "greater"):
            self.fail(f"alternative must be two_sided, less or greater, not {p.alternative!r}", p, "alternative")

    def grouped(self, node: Any, name: str) -> None:
        if node.by is None or self.is_rows(node.data):
            self.source(node.data, "the groups", node, want="table")
            if isinstance(node.data, ast.Rows) and len(node.data.rows) < 2:
                self.fail(f"{name} compares at least 2 groups", node.data)
            if node.by is not None:
                self.group_names(node, name)
        else:
            self.source(node.data, "the observations", node, want="numbers")
            self.source(node.by, "the group labels", node, want="labels")

    def group_names(self, node: Any, name: str) -> None:
        """`anova one_way [[...], [...]] by ["A", "B"]`: one name per group (row), for the tables that report groups."""
        if not isinstance(node, ast.AnovaOneWay):
            self.fail(f"{name} takes no group names: drop `by`, or give one list of observations "
                      "with a label for each after `by`", node.by)
        self.source(node.by, "the group names", node, want="labels")
        if isinstance(node.by, ast.Values):
            names = [str(v) for v in node.by.items]
            if isinstance(node.data, ast.Rows) and len(names) != len(node.data.rows):
                self.fail(f"{len(names)} group name{'s' * (len(names) != 1)} for {len(node.data.rows)} groups (one name per row)", node.by)
            repeated = next((n for i, n in enumerate(names) if n in names[:i]), None)
            if repeated is not None:
                self.fail(f"the group name {repeated!r} is given twice; group names must be distinct", node.by)

    def _anovaoneway(self, a: ast.AnovaOneWay) -> None:
        self.grouped(a, "one-way ANOVA")

    def _levene(self, a: ast.Levene) -> None:
        self.grouped(a, "Levene's test")
        if a.center is not None and a.center not in ("median", "mean"):
            self.fail(f"unknown centre {a.center!r} for Levene's test; choose median or mean", a, "center")

    def _variancetest(self, v: ast.VarianceTest) -> None:
        self.grouped(v, "the test of variances")
        if v.method not in ("f", "bartlett"):
            self.fail(f"unknown test of variances {v.method!r}; choose f (two groups) or bartlett", v, "method")
        if v.method == "f" and isinstance(v.data, ast.Rows) and v.by is None and len(v.data.rows) != 2:
            self.fail(f"the F test compares exactly 2 groups, not {len(v.data.rows)}; use `method bartlett` for "
                      "more", v, "method")
        if v.method == "bartlett":
            for option in ("alternative", "confidence"):
                if getattr(v, option) is not None:
                    self.fail(f"`{option}` is for the F test of two variances; Bartlett's test only asks whether "
                              "the variances differ", v, option)
        self.alternative_and_confidence(v)

    def _correlation(self, c: ast.Correlation) -> None:
        self.source(c.x, "the first sample", c, want="numbers")
        self.source(c.y, "the second sample", c, want="numbers")
        if isinstance(c.x, ast.Values) and isinstance(c.y, ast.Values):
            if len(c.x.items) != len(c.y.items):
                self.fail(f"a correlation pairs the values: the samples must have the same length "
                          f"({len(c.x.items)} and {len(c.y.items)})", c.y)
            if len(c.x.items) < 3:
                self.fail(f"a correlation needs at least 3 pairs, not {len(c.x.items)}", c.x)
        if c.method is not None and c.method not in ("pearson", "spearman", "kendall"):
            self.fail(f"unknown correlation {c.method!r}; choose pearson, spearman or kendall", c, "method")
        self.alternative_and_confidence(c)

    def alternative_and_confidence(self, node: Any) -> None:
        if node.alternative is not None and node.alternative not in ("two_sided", "less", "greater"):
            self.fail(f"alternative must be two_sided, less or greater, not {node.alternative!r}", node, "alternative")
        if node.confidence is not None:
            self.proportion(node.confidence, "confidence", node, "confidence")

    def _kruskal(self, a: ast.Kruskal) -> None:
        self.grouped(a, "the Kruskal-Wallis test")

    def _friedman(self, a: ast.Friedman) -> None:
        self.source(a.data, "the treatments (one row each)", a, want="table")
        if isinstance(a.data, ast.Rows) and len(a.data.rows) < 2:
            self.fail("the Friedman test compares at least 2 treatments", a.data)
        if isinstance(a.data, ast.Rows) and len({len(r) for r in a.data.rows}) > 1:
            self.fail("the Friedman test needs one value per block in every row: the rows have "
                      + ", ".join(str(len(r)) for r in a.data.rows) + " values", a)

    def _mcnemar(self, m: ast.McNemar) -> None:
        if m.data is not None:
            self.source(m.data, "the 2 x 2 table of paired outcomes", m, want="table")
            if isinstance(m.data, ast.Rows) and (len(m.data.rows) != 2 or any(len(r) != 2 for r in m.data.rows)):
                self.fail("McNemar's test takes a 2 x 2 table [[a, b], [c, d]] of paired outcomes", m.data)
        else:
            for name in ("b", "c"):
                value = getattr(m, name)
                if value < 0 or value != value.to_integral_value():
                    self.fail(f"a discordant count is a whole number ≥ 0, not {value}", m)
        if m.confidence is not None:
            self.proportion(m.confidence, "confidence", m, "confidence")

    def _anovatwoway(self, a: ast.AnovaTwoWay) -> None:
        self.source(a.data, "the response", a, want="numbers")
        self.source(a.a, "the first factor's labels", a, want="labels")
        self.source(a.b, "the second factor's labels", a, want="labels")
        lengths = [len(s.items) for s in (a.data, a.a, a.b) if isinstance(s, ast.Values)]
        if len(set(lengths)) > 1:
            self.fail(f"the response and both label lists must have the same length (got {lengths})", a)

    def _normality(self, n: ast.Normality) -> None:
        self.source(n.data, "the data", n, want="numbers")
        if n.method is not None and n.method not in ("shapiro_wilk", "anderson_darling"):
            self.fail(f"method must be shapiro_wilk or anderson_darling, not {n.method!r}", n)

    def _describe(self, d: ast.Describe) -> None:
        self.source(d.data, "the data", d, want="numbers")
        if d.confidence is not None:
            self.proportion(d.confidence, "confidence", d, "confidence")

    def _chisquare(self, c: ast.ChiSquare) -> None:
        if c.expected is None:
            self.source(c.observed, "the contingency table", c, want="table")
        else:
            self.source(c.observed, "the observed counts", c, want="numbers")
            self.source(c.expected, "the expected counts", c, want="numbers")
            if isinstance(c.observed, ast.Values) and isinstance(c.expected, ast.Values) \
                    and len(c.observed.items) != len(c.expected.items):
                self.fail(f"{len(c.observed.items)} observed counts but {len(c.expected.items)} expected", c.expected)

    def _regression(self, r: ast.Regression) -> None:
        self.source(r.y, "the response", r, want="numbers")
        x_kind = self.source(r.x, "the predictors", r, want="numbers_or_table")
        if r.degree is not None:
            self.whole(r.degree, "degree", r, "degree", minimum=1, maximum=10)
            if x_kind == TABLE:
                self.fail("`degree` is for one predictor; several predictors are already a multiple regression", r, "degree")
        if r.at is not None:
            at_kind = self.source(r.at, "the prediction points", r, want="numbers_or_table")
            if x_kind == TABLE and at_kind != TABLE and not isinstance(r.at, ast.Ref):
                self.fail("several predictors: give the prediction points as rows, one value per predictor", r, "at")
            if x_kind != TABLE and at_kind == TABLE:
                self.fail("one predictor: give the prediction points as a list of numbers", r, "at")
        if r.confidence is not None:
            self.proportion(r.confidence, "confidence", r, "confidence")

    # ---- symbolic mathematics
    def expr(self, e: Any, what: str, owner: ast.Node) -> None:
        if not isinstance(e, ast.Expr) or not isinstance(e.text, str) or not e.text.strip():
            self.fail(f"{what} is missing", owner)
        if e.line is None:  # built by code, not parsed: make sure it is a formula the grammar reads back
            from dsl.parser import parse_expression

            try:
                parse_expression(e.text)
            except DslSyntaxError as exc:
                self.fail(f"{what} {e.text[:40]!r} is not a formula: {exc.detail}", owner)

    def variable(self, name: Any, owner: ast.Node) -> None:
        if not isinstance(name, str) or not NAME_RE.match(name):
            self.fail(f"`{name}` is not a variable name", owner)

    def _derivative(self, d: ast.Derivative) -> None:
        self.expr(d.expression, "the formula", d)
        if not d.variables:
            self.fail("differentiate by which variable? add `by x`", d)
        for v in d.variables:
            self.variable(v, d)
        if d.order is not None:
            self.whole(d.order, "order", d, minimum=1, maximum=MAX_ORDER)
        self._point(d.at, d)

    def _point(self, at: list[ast.Assignment], owner: ast.Node) -> None:
        """`at x = 1, y = 2`: each a variable name with a formula for its value, none given twice."""
        names = [a.name for a in at]
        for a in at:
            self.variable(a.name, owner)
            self.expr(a.value, f"the value of {a.name}", owner)
        if len(set(names)) != len(names):
            self.fail("a variable is given two values", owner)

    def _integral(self, i: ast.Integral) -> None:
        self.expr(i.expression, "the formula", i)
        self.variable(i.variable, i)
        if (i.lower is None) != (i.upper is None):
            self.fail("a definite integral needs both bounds: from A to B", i)

    def _solve(self, s: ast.Solve) -> None:
        if not s.equations:
            self.fail("solve what? give an equation", s)
        for e in s.equations:
            self.expr(e.left, "the equation", s)
        if not s.variables:
            self.fail("solve for which variable? add `for x`", s)
        for v in s.variables:
            self.variable(v, s)

    def _simplify(self, s: ast.Simplify) -> None:
        self.expr(s.expression, "the formula", s)
        if s.method is not None and s.method not in SIMPLIFY_METHODS:
            self.fail(f"unknown simplify method {s.method!r}; choose one of {', '.join(SIMPLIFY_METHODS)}", s, "method")
        self._point(s.at, s)

    def _limit(self, lim: ast.Limit) -> None:
        self.expr(lim.expression, "the formula", lim)
        self.variable(lim.variable, lim)
        self.expr(lim.point, "the point", lim)
        if lim.side is not None and lim.side not in ("left", "right"):
            self.fail(f"side must be left or right, not {lim.side!r}", lim)

    def _extrema(self, e: ast.Extrema) -> None:
        self.expr(e.expression, "the formula", e)
        for v in e.variables:
            self.variable(v, e)
        if len(set(e.variables)) != len(e.variables):
            self.fail("a variable is named twice", e)
        if len(e.variables) > 3:
            self.fail("at most 3 variables", e)
        if e.lower is not None:
            if len(e.variables) > 1:
                self.fail("an interval (`from A to B`, `over (A, B)`) is for a function of one variable", e)
            self.expr(e.lower, "the lower bound", e)
            self.expr(e.upper, "the upper bound", e)

    def _summation(self, s: ast.Summation) -> None:
        self.expr(s.expression, "the formula", s)
        self.variable(s.variable, s)
        self.expr(s.lower, "the lower bound", s)
        self.expr(s.upper, "the upper bound", s)

    def _series(self, s: ast.Series) -> None:
        self.expr(s.expression, "the formula", s)
        self.variable(s.variable, s)
        self.expr(s.point, "the point", s)
        if s.order is not None:
            self.whole(s.order, "order", s, minimum=1, maximum=MAX_ORDER)

    def _matrix(self, m: ast.Matrix) -> None:
        if m.operation not in MATRIX_OPERATIONS:
            self.fail(f"unknown matrix operation {m.operation!r}", m)
        if not m.rows or not m.rows[0]:
            self.fail("the matrix is empty", m)
        width = len(m.rows[0])
        if any(len(row) != width for row in m.rows):
            self.fail("the matrix rows have different lengths", m)
        if m.operation in SQUARE_OPERATIONS and len(m.rows) != width:
            self.fail(f"a {m.operation} needs a square matrix, not {len(m.rows)}x{width}", m)
        if width > 12 or len(m.rows) > 12:
            self.fail(f"at most a 12x12 matrix here, not {len(m.rows)}x{width}", m)

    def _evaluate(self, e: ast.Evaluate) -> None:
        self.expr(e.expression, "the formula", e)
        self._point(e.at, e)
        if e.digits is not None and not (e.digits == e.digits.to_integral_value() and 1 <= e.digits <= EVALUATE_MAX_DIGITS):
            self.fail(f"digits: a whole number from 1 to {EVALUATE_MAX_DIGITS}, got {e.digits}", e)
