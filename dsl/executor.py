"""Run a checked HAVOC program: each statement becomes one call into the tool registry.

Why the executor owns data plumbing and nothing else: every number comes from
a tool (`tools.registry.run_tool`), so what this module adds is reading the
data where the program says it is (inline, CSV, names bound earlier), shaping
it into the tool's arguments, and keeping results in order with the statement
that asked for them. Tool errors come back located at their statement.

The environment (`env`) maps `let` names to JSON-ready values, so the graph can
keep it in its state and a follow-up program can `analyze d` a design made in
an earlier run:

    {"kind": "data", "numbers": ["1.5", "2"]}      numbers as decimal text
    {"kind": "data", "labels": ["a", "b"]}
    {"kind": "table", "rows": [["1", "2"], ...], "names": [...] or null}
    {"kind": "design", "design": "box_behnken", "tool": "doe_design", "output": {...}}
    {"kind": "result", "tool": "regression", "output": {...}}
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from pydantic import BaseModel, field_serializer

from dsl import ast
from dsl.checker import check
from dsl.csvdata import CsvCache
from dsl.errors import DslError, DslRuntimeError
from dsl.files import Access, DataRoot, root_for
from dsl.formatter import format_source, format_statement
from tools.errors import HavocInputError
from tools.registry import run_tool

SURFACE_DESIGNS = {"box_behnken", "central_composite", "latin_hypercube"}
ANALYSIS_TOOLS = {"effects": "doe_effects", "anova": "doe_anova", "surface": "rsm_fit", "curvature": "doe_curvature"}


class StatementResult(BaseModel):
    """One statement's tool call: what ran, with which arguments, and what it returned."""

    statement: str
    line: int | None
    tool: str
    args: dict[str, Any]
    output: dict[str, Any]
    binding: str | None = None

    @field_serializer("args", when_used="json")
    def _args_as_numbers(self, args: dict[str, Any]) -> dict[str, Any]:
        return plain(args)


def plain(value: Any) -> Any:
    """Decimals as JSON numbers (ints stay ints), recursively: the machine form of tool arguments."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() and abs(value) < 2**53 else float(value)
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    return value


def execute(
    program: ast.Program,
    *,
    base_dir: Path | str | None = None,
    env: dict[str, Any] | None = None,
    checked: bool = False,
    confine_files: bool = False,
    data_root: DataRoot = Access.AMBIENT,
) -> list[StatementResult]:
    """Check (unless `checked`), then run every statement in order; `env` gains the program's bindings.

    `data_root`: which files may be read (`dsl.files`): `dsl.LOCAL` (the CLI's default: any file),
    None (no file at all: for remote callers with no data directory) or a directory every file must
    lie under once resolved. Left out, the ambient `dsl.file_access(...)` setting applies (else LOCAL).
    `confine_files=True` is `data_root=base_dir` (or the current directory).
    A program that fails its check runs nothing; when statement k fails while running, the
    `DslError` raised carries `index` (k, 0-based) and `results` (those of the statements before it).
    """
    base = Path(base_dir) if base_dir is not None else None
    if env is None:
        env = {}
    root = root_for(base, confine_files, data_root)
    if not checked:
        check(program, base_dir=base, env=env, data_root=root)
    runner = _Runner(program, base, env, root)
    results: list[StatementResult] = []
    for index, statement in enumerate(program.statements):
        try:
            result = runner.statement(statement)
        except DslError as exc:
            exc.index, exc.results = index, results
            raise
        if result is not None:
            results.append(result)
    return results


class _Runner:
    def __init__(self, program: ast.Program, base_dir: Path | None, env: dict[str, Any], data_root: DataRoot) -> None:
        self.program = program
        self.env = env
        self.csv = CsvCache(base_dir, data_root=data_root)
        self.file: str | None = None
        self.current: ast.Node | None = None

    # ---- errors located at the statement being run
    def fail(self, message: str, node: ast.Node | None = None) -> None:
        node = node if node is not None and node.line is not None else self.current
        line, column = (node.line, node.column) if node is not None else (None, None)
        raise DslRuntimeError(message, line=line, column=column, source=self.program.source, text=self.program.text)

    def statement(self, node: ast.Statement) -> StatementResult | None:
        self.current = node
        self.file = None
        if isinstance(node, ast.Let):
            return self.let(node)
        tool, args = self.plan(node)
        return self.call(node, tool, args, binding=None)

    def plan(self, node: ast.Action) -> tuple[str, dict[str, Any]]:
        builder: Callable[[Any], tuple[str, dict[str, Any]]] | None = getattr(self, "_" + type(node).__name__.lower(), None)
        if builder is None:
            self.fail(f"cannot run a {type(node).__name__} statement")
        return builder(node)

    def call(self, node: ast.Statement, tool: str, args: dict[str, Any], binding: str | None) -> StatementResult:
        try:
            output = run_tool(tool, args)
        except HavocInputError as exc:
            self.fail(f"{tool}: {exc}", node)
        return StatementResult(
            statement=format_statement(node), line=node.line, tool=tool, args=args, output=output, binding=binding
        )

    def let(self, node: ast.Let) -> StatementResult | None:
        value = node.value
        if isinstance(value, ast.Source):
            self.env[node.name] = self.bind_source(value)
            return None
        self.current = value if value.line is not None else node
        tool, args = self.plan(value)
        result = self.call(node, tool, args, binding=node.name)
        if isinstance(value, ast.Design):
            self.env[node.name] = {"kind": "design", "design": value.kind, "tool": tool, "output": result.output}
        else:
            self.env[node.name] = {"kind": "result", "tool": tool, "output": result.output}
        return result

    def bind_source(self, src: ast.Source) -> dict[str, Any]:
        if isinstance(src, ast.Rows | ast.Columns) or (isinstance(src, ast.Ref) and self.binding(src)["kind"] == "table"):
            names = src.names if isinstance(src, ast.Columns) else None
            return {"kind": "table", "rows": [[str(v) for v in row] for row in self.rows(src)], "names": names}
        if isinstance(src, ast.Values) and any(isinstance(v, str) for v in src.items):
            return {"kind": "data", "labels": self.labels(src)}
        if isinstance(src, ast.Ref):
            return dict(self.binding(src))
        if isinstance(src, ast.Column):
            table = self.table_for(src)
            try:
                return {"kind": "data", "numbers": [str(v) for v in table.numbers(src.name)]}
            except HavocInputError:
                return {"kind": "data", "labels": table.labels(src.name)}
        return {"kind": "data", "numbers": [str(v) for v in self.numbers(src)]}

    # ---- data
    def binding(self, ref: ast.Ref) -> dict[str, Any]:
        value = self.env.get(ref.name)
        if not isinstance(value, dict) or "kind" not in value:
            self.fail(f"`{ref.name}` is not defined", ref)
        return value

    def table_for(self, src: ast.Column | ast.Columns):
        if src.file is not None:
            self.file = src.file
        if self.file is None:
            self.fail("which file? name it with `from \"file.csv\"`", src)
        try:
            return self.csv.table(self.file)
        except HavocInputError as exc:
            self.fail(str(exc), src)

    def numbers(self, src: ast.Source, what: str = "the data") -> list[Decimal]:
        if isinstance(src, ast.Values):
            if any(isinstance(v, str) for v in src.items):
                self.fail(f"{what} must be numbers, not labels", src)
            return list(src.items)
        if isinstance(src, ast.Column):
            table = self.table_for(src)
            try:
                return table.numbers(src.name)
            except HavocInputError as exc:
                self.fail(str(exc), src)
        if isinstance(src, ast.Ref):
            value = self.binding(src)
            if value.get("kind") == "data" and "numbers" in value:
                return [_decimal(v, src.name, self) for v in value["numbers"]]
            self.fail(f"`{src.name}` does not hold a list of numbers", src)
        self.fail(f"{what} must be a flat list of numbers, not {format_source(src)[:40]}", src)
        raise AssertionError

    def labels(self, src: ast.Source) -> list[str]:
        if isinstance(src, ast.Values):
            return [v if isinstance(v, str) else str(v) for v in src.items]
        if isinstance(src, ast.Column):
            table = self.table_for(src)
            try:
                return table.labels(src.name)
            except HavocInputError as exc:
                self.fail(str(exc), src)
        if isinstance(src, ast.Ref):
            value = self.binding(src)
            if value.get("kind") == "data":
                items = value.get("labels", value.get("numbers"))
                if isinstance(items, list):
                    return [str(v) for v in items]
            self.fail(f"`{src.name}` does not hold a list of labels", src)
        self.fail("the labels must be a flat list", src)
        raise AssertionError

    def rows(self, src: ast.Source) -> list[list[Decimal]]:
        if isinstance(src, ast.Rows):
            return [list(r) for r in src.rows]
        if isinstance(src, ast.Columns):
            table = self.table_for(src)
            try:
                columns = [table.numbers(n) for n in src.names]
            except HavocInputError as exc:
                self.fail(str(exc), src)
            return [list(r) for r in zip(*columns, strict=True)]
        if isinstance(src, ast.Ref):
            value = self.binding(src)
            rows = value.get("rows")
            if value.get("kind") == "table" and isinstance(rows, list) and all(isinstance(r, list) for r in rows):
                return [[_decimal(v, src.name, self) for v in r] for r in rows]
            self.fail(f"`{src.name}` does not hold a table", src)
        self.fail("expected a table (rows of numbers)", src)
        raise AssertionError

    def is_table(self, src: ast.Source) -> bool:
        if isinstance(src, ast.Rows | ast.Columns):
            return True
        return isinstance(src, ast.Ref) and self.binding(src).get("kind") == "table"

    def grouped(self, data: ast.Source, by: ast.Source) -> tuple[list[str], list[list[Decimal]]]:
        """Split observations by their labels, groups in order of first appearance."""
        values, labels = self.numbers(data), self.labels(by)
        if len(values) != len(labels):
            self.fail(f"{len(values)} observations but {len(labels)} labels", by)
        groups: dict[str, list[Decimal]] = {}
        for value, label in zip(values, labels, strict=True):
            groups.setdefault(label, []).append(value)
        return list(groups), list(groups.values())

    def subgroups(self, data: ast.Source, subgroup: Decimal | ast.Source | None) -> dict[str, Any]:
        """xbar charts and capability: rows as given, a flat list cut by a size, or split by labels."""
        if self.is_table(data):
            rows = self.rows(data)
            return {"subgroups": rows, **({"unequal_sizes": True} if len({len(r) for r in rows}) > 1 else {})}
        values = self.numbers(data)
        if isinstance(subgroup, Decimal):
            size = int(subgroup)
            if len(values) % size:
                self.fail(f"{len(values)} values do not split into subgroups of {size}")
            return {"values": values, "subgroup_size": size}
        if subgroup is None:
            return {"values": values}
        _, groups = self.grouped(data, subgroup)
        return {"subgroups": groups, **({"unequal_sizes": True} if len({len(g) for g in groups}) > 1 else {})}

    # ---- design of experiments
    def _design(self, d: ast.Design) -> tuple[str, dict[str, Any]]:
        args: dict[str, Any] = {"design": d.kind}
        if d.factors:
            factors = []
            for f in d.factors:
                spec: dict[str, Any] = {"name": f.name}
                if f.levels is not None:
                    spec["levels"] = list(f.levels)
                if f.low is not None:
                    spec["low"], spec["high"] = f.low, f.high
                if f.unit is not None:
                    spec["units"] = f.unit
                factors.append(spec)
            args["factors"] = factors
        else:
            args["factors"] = int(d.factor_count)
        for key in ("center_points", "replicates", "resolution", "samples", "blocks", "runs"):
            value = getattr(d, key)
            if value is not None:
                args[key] = int(value)
        if d.centre_once:
            args["center_once"] = True
        if d.randomize:
            args["randomize"] = True
        if d.seed is not None:
            args["randomize"] = True
            args["seed"] = int(d.seed)
        if d.generators:
            args["generators"] = [g.text for g in d.generators]
        if d.block_words:
            args["block_generators"] = list(d.block_words)
        if d.face is not None:
            args["face"] = d.face
        if d.alpha is not None:
            args["alpha"] = d.alpha
        if d.criterion is not None:
            args["criterion"] = d.criterion
        if d.cost is not None:
            args["cost_per_run"] = d.cost
        return "doe_design", args

    def design_binding(self, name: str) -> dict[str, Any]:
        value = self.env.get(name)
        output = value.get("output") if isinstance(value, dict) else None
        if not isinstance(output, dict) or not isinstance(output.get("coded"), list):
            self.fail(f"`{name}` is not a design made by `design ...`")
        return value

    def _properties(self, p: ast.Properties) -> tuple[str, dict[str, Any]]:
        output = self.design_binding(p.design)["output"]
        args: dict[str, Any] = {"coded": output["coded"]}
        if output.get("factor_names"):
            args["factor_names"] = output["factor_names"]
        return "doe_properties", args

    def _analyze(self, a: ast.Analyze) -> tuple[str, dict[str, Any]]:
        binding = self.design_binding(a.design)
        output = binding["output"]
        coded = output["coded"]
        response = self.numbers(a.response, "the response")
        if len(response) != len(coded):
            self.fail(f"design {a.design} has {len(coded)} runs but the response has {len(response)} values", a.response)
        if a.order == "run":
            order = output.get("run_order")
            if not isinstance(order, list) or sorted(order) != list(range(1, len(coded) + 1)):
                self.fail(f"design {a.design} has no run order to read the responses by")
            response = [response[position - 1] for position in order]
        surface_design = binding.get("design") in SURFACE_DESIGNS
        method = a.method or ("surface" if surface_design else "effects" if _two_level(coded) else "anova")
        tool = ANALYSIS_TOOLS[method]
        names = output.get("factor_names") if isinstance(output.get("factor_names"), list) else None
        if tool == "rsm_fit":
            args: dict[str, Any] = {"X": coded, "y": response}
            specs = _factor_specs(output)
            if specs:
                args["factors"] = specs
        elif tool == "doe_effects":
            args = {"coded": coded, "response": response}
            if names:
                args["factors"] = names
        elif tool == "doe_curvature":
            return tool, {"coded": coded, "response": response}
        else:
            args = {"coded": coded, "response": response}
            if surface_design:
                args["model"] = "quadratic"
            if a.model == "full":  # every interaction, up to the one of all the factors
                args["model"], args["order"] = "interactions", max(1, len(coded[0]) if coded else 1)
            elif a.model:
                args["model"] = a.model
            if a.curvature is False:
                args["curvature"] = False
            if names:
                args["factor_names"] = names
        block = output.get("block")
        if tool != "rsm_fit" and isinstance(block, list) and len(set(map(str, block))) > 1:
            args["block"] = block  # a blocked design is analysed with its blocks (confounded effects set apart)
        return tool, args

    # ---- statistical process control
    def _chart(self, c: ast.Chart) -> tuple[str, dict[str, Any]]:
        args: dict[str, Any] = {"chart": c.kind}
        if c.kind in ("xbar_r", "xbar_s") or (c.kind in ("ewma", "cusum") and (c.subgroup is not None
                                                                                or self.is_table(c.data))):
            args.update(self.subgroups(c.data, c.subgroup))
        elif c.kind in ("imr", "ewma", "cusum"):
            args["values"] = self.numbers(c.data)
        else:
            args["counts"] = self.numbers(c.data, "the counts")
            if isinstance(c.sizes, Decimal):
                args["subgroup_size"] = int(c.sizes)
            elif c.sizes is not None:
                args["sizes"] = self.numbers(c.sizes, "the sample sizes")
                if len(args["sizes"]) != len(args["counts"]):
                    self.fail(f"{len(args['sizes'])} sample sizes for {len(args['counts'])} counts")
        for key in ("k_sigma", "center", "sigma", "k", "h"):
            if getattr(c, key) is not None:
                args[key] = getattr(c, key)
        if c.lam is not None:
            args["lambda"] = c.lam
        if c.exclude:
            args["exclude"] = [int(i) for i in c.exclude]
        if c.rules is not None:
            args["rules"] = c.rules
        if c.phase2 is not None:
            if c.kind in ("xbar_r", "xbar_s", "ewma", "cusum") and ("subgroups" in args or "subgroup_size" in args):
                if self.is_table(c.phase2):
                    args["phase2_subgroups"] = self.rows(c.phase2)
                else:
                    args["phase2_values"] = self.numbers(c.phase2, "the phase II values")
            elif c.kind in ("imr", "ewma", "cusum"):
                args["phase2_values"] = self.numbers(c.phase2, "the phase II values")
            else:
                args["phase2_counts"] = self.numbers(c.phase2, "the phase II counts")
        return "control_chart", args

    def _runrules(self, r: ast.RunRules) -> tuple[str, dict[str, Any]]:
        return "run_rules", {"values": self.numbers(r.data), "center": r.center, "sigma": r.sigma, "rules": r.ruleset}

    def _capability(self, c: ast.Capability) -> tuple[str, dict[str, Any]]:
        shaped = self.subgroups(c.data, c.subgroup)
        args: dict[str, Any] = {}
        if "values" in shaped:
            args["data"] = shaped.pop("values")
        args.update(shaped)
        for key in ("lsl", "usl", "target", "confidence", "sigma_within"):
            if getattr(c, key) is not None:
                args[key] = getattr(c, key)
        return "capability", args

    def _constants(self, c: ast.Constants) -> tuple[str, dict[str, Any]]:
        return "spc_constants", {"n": int(c.n)}

    # ---- statistics
    def _ttest(self, t: ast.TTest) -> tuple[str, dict[str, Any]]:
        args: dict[str, Any] = {"kind": t.kind, "x": self.numbers(t.x, "the sample")}
        if t.y is not None:
            args["y"] = self.numbers(t.y, "the second sample")
        return "t_test", _options(t, args, "mu", "confidence", "alternative")

    def _ranktest(self, t: ast.RankTest) -> tuple[str, dict[str, Any]]:
        args: dict[str, Any] = {"x": self.numbers(t.x, "the sample")}
        if t.y is not None:
            args["y"] = self.numbers(t.y, "the second sample")
        tool = {"mann_whitney": "mann_whitney", "signed_rank": "wilcoxon_signed_rank", "sign": "sign_test"}[t.kind]
        if t.correction is not None:
            args["correct"] = t.correction
        return tool, _options(t, args, "mu", "confidence", "alternative", "method")

    # ---- proportions, summary figures, power
    def _proportiontest(self, t: ast.ProportionTest) -> tuple[str, dict[str, Any]]:
        args: dict[str, Any] = {"x": [int(v) for v in t.x], "n": [int(v) for v in t.n]}
        _options(t, args, "p0", "method", "confidence", "alternative")
        if t.correction is not None:
            args["correct"] = t.correction
        return "proportion_test", args

    def _summaryttest(self, t: ast.SummaryTTest) -> tuple[str, dict[str, Any]]:
        args: dict[str, Any] = {"kind": t.kind, "mean": t.x.mean, "sd": t.x.sd, "n": int(t.x.n)}
        if t.y is not None:
            args.update(mean2=t.y.mean, sd2=t.y.sd, n2=int(t.y.n))
        return "summary_t_test", _options(t, args, "mu", "confidence", "alternative")

    def _summarychart(self, c: ast.SummaryChart) -> tuple[str, dict[str, Any]]:
        args: dict[str, Any] = {"chart": c.chart, "n": int(c.n), "grand_mean": c.mean,
                                ("r_bar" if c.spread == "rbar" else "s_bar"): c.value}
        if c.subgroups is not None:
            args["subgroups"] = int(c.subgroups)
        return "summary_chart", args

    def _summarycountchart(self, c: ast.SummaryCountChart) -> tuple[str, dict[str, Any]]:
        args: dict[str, Any] = {"chart": c.chart, "total": c.total, "subgroups": int(c.subgroups)}
        if c.n is not None:
            args["n"] = c.n
        return "summary_chart", args

    def _summarycapability(self, c: ast.SummaryCapability) -> tuple[str, dict[str, Any]]:
        args: dict[str, Any] = {"mean": c.mean}
        if c.sd is not None:
            args["sd"] = c.sd
        if c.spread is not None:
            args[c.spread] = c.spread_value
            args["subgroup"] = int(c.subgroup)
        for key in ("lsl", "usl", "target", "sigma"):
            if getattr(c, key) is not None:
                args[key] = getattr(c, key)
        if c.sigma_within is not None:
            args["sd_within"] = c.sigma_within
        return "summary_capability", args

    def _samplesize(self, s: ast.SampleSize) -> tuple[str, dict[str, Any]]:
        args: dict[str, Any] = {"target": s.target}
        for key in ("margin", "width", "sd", "p", "confidence", "method"):
            if getattr(s, key) is not None:
                args[key] = getattr(s, key)
        if s.population is not None:
            args["population"] = int(s.population)
        if s.cost is not None:
            args["cost_per_unit"] = s.cost
        return "sample_size_ci", args

    def _power(self, p: ast.Power) -> tuple[str, dict[str, Any]]:
        args: dict[str, Any] = {"test": p.kind}
        for key, field in (("effect", "effect_size"), ("delta", "delta"), ("sd", "sd"), ("p1", "p1"), ("p2", "p2"),
                           ("n", "n"), ("power", "power"), ("alpha", "alpha"), ("ratio", "ratio"),
                           ("method", "method"), ("cost", "cost_per_unit")):
            if getattr(p, key) is not None:
                args[field] = getattr(p, key)
        if p.groups is not None:
            args["groups"] = int(p.groups)
        if p.means is not None:
            args["means"] = list(p.means.items)
            args["groups"] = len(p.means.items)
        return "power", _options(p, args, "alternative")

    def groups(self, data: ast.Source, by: ast.Source | None) -> tuple[list[str] | None, list[list[Decimal]]]:
        """Rows of a table (named one per row after `by`, if given), or one list split by its labels."""
        if by is None:
            return None, self.rows(data)
        if self.is_table(data):
            rows, names = self.rows(data), self.labels(by)
            if len(names) != len(rows):
                self.fail(f"{len(names)} group name{'s' * (len(names) != 1)} for {len(rows)} groups (one name per row)", by)
            return names, rows
        return self.grouped(data, by)

    def _anovaoneway(self, a: ast.AnovaOneWay) -> tuple[str, dict[str, Any]]:
        labels, groups = self.groups(a.data, a.by)
        return "anova_oneway", {"groups": groups, **({"labels": labels} if labels else {}),
                                **({"welch": True} if a.welch else {})}

    def _levene(self, a: ast.Levene) -> tuple[str, dict[str, Any]]:
        args: dict[str, Any] = {"groups": self.groups(a.data, a.by)[1]}
        if a.center is not None:
            args["center"] = a.center
        return "levene", args

    def _variancetest(self, v: ast.VarianceTest) -> tuple[str, dict[str, Any]]:
        args: dict[str, Any] = {"groups": self.groups(v.data, v.by)[1], "method": v.method}
        return "variance_test", _options(v, args, "alternative", "confidence")

    def _correlation(self, c: ast.Correlation) -> tuple[str, dict[str, Any]]:
        args: dict[str, Any] = {"x": self.numbers(c.x, "the first sample"), "y": self.numbers(c.y, "the second sample")}
        return "correlation", _options(c, args, "method", "alternative", "confidence")

    def _friedman(self, a: ast.Friedman) -> tuple[str, dict[str, Any]]:
        return "friedman", {"groups": self.groups(a.data, None)[1]}

    def _mcnemar(self, m: ast.McNemar) -> tuple[str, dict[str, Any]]:
        args: dict[str, Any] = {"table": self.rows(m.data)} if m.data is not None else {"b": m.b, "c": m.c}
        return "mcnemar", _options(m, args, "method", "confidence")

    def _kruskal(self, a: ast.Kruskal) -> tuple[str, dict[str, Any]]:
        return "kruskal_wallis", {"groups": self.groups(a.data, a.by)[1]}

    def _anovatwoway(self, a: ast.AnovaTwoWay) -> tuple[str, dict[str, Any]]:
        y = self.numbers(a.data, "the response")
        la, lb = self.labels(a.a), self.labels(a.b)
        if not len(y) == len(la) == len(lb):
            self.fail(f"{len(y)} observations but {len(la)} and {len(lb)} labels")
        args: dict[str, Any] = {"y": y, "a": la, "b": lb}
        if not a.interaction:
            args["interaction"] = False
        if a.ss_type:
            args["ss_type"] = {"sequential": 1, "hierarchical": 2, "adjusted": 3}[a.ss_type]
        for key, src in (("factor_a", a.a), ("factor_b", a.b)):
            if isinstance(src, ast.Column | ast.Ref):
                args[key] = src.name
        return "anova_twoway", args

    def _normality(self, n: ast.Normality) -> tuple[str, dict[str, Any]]:
        args: dict[str, Any] = {"data": self.numbers(n.data)}
        if n.method is not None:
            args["method"] = n.method
        return "normality", args

    def _curvature(self, c: ast.Curvature) -> tuple[str, dict[str, Any]]:
        return "doe_curvature", {"factorial": self.numbers(c.factorial, "the factorial responses"),
                                 "center": self.numbers(c.center, "the centre responses")}

    def _surface(self, s: ast.Surface) -> tuple[str, dict[str, Any]]:
        return "rsm_fit", {"X": self.rows(s.runs), "y": self.numbers(s.response, "the response")}

    def _describe(self, d: ast.Describe) -> tuple[str, dict[str, Any]]:
        args: dict[str, Any] = {"data": self.numbers(d.data)}
        if d.confidence is not None:
            args["confidence"] = d.confidence
        if d.bound is not None:
            args["bound"] = d.bound
        return "describe", args

    def _chisquare(self, c: ast.ChiSquare) -> tuple[str, dict[str, Any]]:
        if c.expected is None:
            args: dict[str, Any] = {"table": self.rows(c.observed)}
        else:
            args = {"observed": self.numbers(c.observed, "the observed counts"),
                    "expected": self.numbers(c.expected, "the expected counts")}
        if c.correction is not None:
            args["correction"] = c.correction
        return "chi_square", args

    def _regression(self, r: ast.Regression) -> tuple[str, dict[str, Any]]:
        args: dict[str, Any] = {"y": self.numbers(r.y, "the response")}
        if self.is_table(r.x):
            args["X"] = self.rows(r.x)
            if isinstance(r.x, ast.Columns):
                args["names"] = list(r.x.names)
            elif isinstance(r.x, ast.Ref) and self.binding(r.x).get("names"):
                args["names"] = list(self.binding(r.x)["names"])
        else:
            args["x"] = self.numbers(r.x, "the predictor")
            if r.degree is not None:
                args["degree"] = int(r.degree)
        if not r.intercept:
            args["intercept"] = False
        if r.at is not None:
            args["at"] = self.rows(r.at) if self.is_table(r.at) else self.numbers(r.at, "the prediction points")
        if r.confidence is not None:
            args["confidence"] = r.confidence
        return "regression", args

    # ---- symbolic mathematics: formulas go as text; the tools parse them safely
    def _derivative(self, d: ast.Derivative) -> tuple[str, dict[str, Any]]:
        args: dict[str, Any] = {"expression": d.expression.sympy_text}
        if len(d.variables) == 1:
            args["variable"] = d.variables[0]
        else:
            args["variables"] = list(d.variables)
        if d.order is not None:
            args["order"] = int(d.order)
        if d.at:
            args["at"] = {a.name: a.value.sympy_text for a in d.at}
        return "differentiate", args

    def _integral(self, i: ast.Integral) -> tuple[str, dict[str, Any]]:
        args: dict[str, Any] = {"expression": i.expression.sympy_text, "variable": i.variable}
        if i.lower is not None and i.upper is not None:
            args["lower"], args["upper"] = i.lower.sympy_text, i.upper.sympy_text
        return "integrate", args

    def _solve(self, s: ast.Solve) -> tuple[str, dict[str, Any]]:
        equations = [e.left.sympy_text + (f" = {e.right.sympy_text}" if e.right is not None else "") for e in s.equations]
        args: dict[str, Any] = {"equations": equations, "variables": list(s.variables)}
        if s.real:
            args["domain"] = "real"
        return "solve", args

    def _simplify(self, s: ast.Simplify) -> tuple[str, dict[str, Any]]:
        args: dict[str, Any] = {"expression": s.expression.sympy_text}
        if s.method is not None:
            args["method"] = s.method
        if s.at:
            args["at"] = {a.name: a.value.sympy_text for a in s.at}
        return "simplify", args

    def _limit(self, lim: ast.Limit) -> tuple[str, dict[str, Any]]:
        args: dict[str, Any] = {"expression": lim.expression.sympy_text, "variable": lim.variable,
                                "point": lim.point.sympy_text}
        if lim.side is not None:
            args["direction"] = "-" if lim.side == "left" else "+"
        return "limit", args

    def _extrema(self, e: ast.Extrema) -> tuple[str, dict[str, Any]]:
        args: dict[str, Any] = {"expression": e.expression.sympy_text, "variables": list(e.variables)}
        if e.lower is not None and e.upper is not None:
            args["lower"], args["upper"] = e.lower.sympy_text, e.upper.sympy_text
            if e.lower_open:
                args["lower_open"] = True
            if e.upper_open:
                args["upper_open"] = True
        return "extrema", args

    def _series(self, s: ast.Series) -> tuple[str, dict[str, Any]]:
        args: dict[str, Any] = {"expression": s.expression.sympy_text, "variable": s.variable,
                                "point": s.point.sympy_text}
        if s.order is not None:
            args["order"] = int(s.order)
        return "series", args

    def _summation(self, s: ast.Summation) -> tuple[str, dict[str, Any]]:
        return "summation", {"expression": s.expression.sympy_text, "variable": s.variable,
                             "lower": s.lower.sympy_text, "upper": s.upper.sympy_text}

    def _matrix(self, m: ast.Matrix) -> tuple[str, dict[str, Any]]:
        return "matrix", {"operation": m.operation, "matrix": [[e.sympy_text for e in row] for row in m.rows]}

    def _evaluate(self, e: ast.Evaluate) -> tuple[str, dict[str, Any]]:
        args: dict[str, Any] = {"expression": e.expression.sympy_text}
        if e.at:
            args["values"] = {a.name: a.value.sympy_text for a in e.at}
        if e.digits is not None:
            args["digits"] = int(e.digits)
        return "evaluate", args


def _two_level(coded: list[Any]) -> bool:
    """Every run at +-1 on every factor, or a centre run: what factorial effects are defined for."""
    for row in coded:
        levels = {float(v) for v in row} if isinstance(row, list) else {None}
        if not (levels <= {-1.0, 1.0} or levels == {0.0}):
            return False
    return True


def _factor_specs(output: dict[str, Any]) -> list[Any] | None:
    """The design's factors as the analysis tools take them: names, with ranges when every factor has one."""
    factors = output.get("factors")
    if not isinstance(factors, list) or not all(isinstance(f, dict) and "name" in f for f in factors):
        return None
    if all(f.get("low") is not None and f.get("high") is not None for f in factors):
        return [{"name": f["name"], "low": f["low"], "high": f["high"]} for f in factors]
    return [f["name"] for f in factors]


def _decimal(value: Any, name: str, runner: _Runner) -> Decimal:
    if isinstance(value, bool):
        runner.fail(f"`{name}` holds a boolean where a number belongs")
    try:
        number = Decimal(str(value)) if not isinstance(value, Decimal) else value
    except InvalidOperation:
        runner.fail(f"`{name}` holds {str(value)[:30]!r}, not a number")
    if not number.is_finite():
        runner.fail(f"`{name}` holds {value}, not a finite number")
    return number


def _options(node: Any, args: dict[str, Any], *keys: str) -> dict[str, Any]:
    """`args` with each of the node's `keys` that was given; an alternative as the tools spell it (two-sided)."""
    for key in keys:
        value = getattr(node, key)
        if value is not None:
            args[key] = value.replace("_", "-") if key == "alternative" else value
    return args
