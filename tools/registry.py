"""The one registry of HAVOC tools: every operation, with a pydantic args schema.

A tool module declares `@register("name", ArgsModel)` on a pure function
`fn(args: ArgsModel) -> ResultModel`. The first line of the function's docstring
is the tool's description. Modules are imported lazily, on first use, so that a
CLI command that needs no maths does not pay for scipy and sympy.

Packages above `tools` (the DSL) add their tools through the `havoc.tools`
entry-point group, so `tools` never imports them.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator, Mapping
from contextvars import ContextVar
from dataclasses import dataclass
from importlib import import_module
from importlib.metadata import entry_points
from typing import Any

from pydantic import BaseModel, ValidationError

from tools.errors import HavocInputError
from tools.limits import check_arguments, limits, run_with_limits

BUILTIN_MODULES = (
    "tools.stats",
    "tools.regression",
    "tools.doe",
    "tools.doe_analysis",
    "tools.doe_curvature",
    "tools.spc",
    "tools.capability",
    "tools.symbolic",
    "tools.symbolic_extrema",
)

# where each built-in tool is registered, so that running one tool imports one module (a full
# load costs about 0.5 s; tests/tools/test_registry_index.py checks this map against it)
TOOL_MODULES = {
    "anova_oneway": "tools.stats_anova", "anova_twoway": "tools.stats_anova", "capability": "tools.capability",
    "chi_square": "tools.stats_chisq", "control_chart": "tools.spc_charts", "correlation": "tools.stats_correlation",
    "describe": "tools.stats_describe", "differentiate": "tools.symbolic", "evaluate": "tools.symbolic",
    "integrate": "tools.symbolic", "limit": "tools.symbolic", "matrix": "tools.symbolic", "series": "tools.symbolic",
    "simplify": "tools.symbolic", "solve": "tools.symbolic", "summation": "tools.symbolic",
    "doe_anova": "tools.doe_analysis", "doe_effects": "tools.doe_analysis", "rsm_fit": "tools.doe_analysis",
    "doe_curvature": "tools.doe_curvature", "doe_design": "tools.doe", "doe_properties": "tools.doe_properties",
    "extrema": "tools.symbolic_extrema", "friedman": "tools.stats_friedman", "kruskal_wallis": "tools.stats_assumptions",
    "levene": "tools.stats_assumptions", "normality": "tools.stats_assumptions", "mann_whitney": "tools.stats_rank",
    "wilcoxon_signed_rank": "tools.stats_rank", "mcnemar": "tools.stats_mcnemar", "power": "tools.stats_power",
    "proportion_test": "tools.stats_proportion", "regression": "tools.regression", "run_rules": "tools.spc_rules",
    "sample_size_ci": "tools.stats_precision", "sign_test": "tools.stats_sign", "spc_constants": "tools.spc_constants",
    "summary_capability": "tools.stats_summary", "summary_t_test": "tools.stats_summary",
    "summary_chart": "tools.spc_summary", "t_test": "tools.stats_ttest", "variance_test": "tools.stats_variance",
}

# modules whose tools already run their own work in capped worker processes (with per-call
# time limits the user sets), or only orchestrate other tools: they run in the caller's process
SELF_ISOLATED_MODULES = ("tools.symbolic", "tools.symbolic_extrema", "dsl.tool")


@dataclass(frozen=True)
class ToolSpec:
    name: str
    description: str
    args_model: type[BaseModel]
    func: Callable[[Any], BaseModel]

    def validate(self, args: Mapping[str, Any] | BaseModel) -> BaseModel:
        if isinstance(args, self.args_model):
            return args
        if not isinstance(args, Mapping):
            raise HavocInputError(f"arguments of {self.name} must be a JSON object", field="args")
        check_arguments(args)
        try:
            return self.args_model.model_validate(dict(args))
        except ValidationError as exc:
            raise HavocInputError(_one_line(exc)) from None

    def run(self, args: Mapping[str, Any] | BaseModel) -> BaseModel:
        """Validate (schema and size limits), then run the work inside the envelope.

        The envelope is a worker process (`tools.worker`) whose address space and wall-clock
        time are capped (`tools.limits`): an input that slips past the size limits still ends
        in a one-line error naming the tool and the limit, never in the host running out of
        memory, and a Ctrl-C kills the worker at once.
        """
        valid = self.validate(args)
        if self.func.__module__ in SELF_ISOLATED_MODULES or _in_process.get():
            return self._call(valid)
        from tools.worker import run_with_timeout

        lim = limits()
        return run_with_timeout(run_with_limits, lim, _run_spec, self, valid, timeout=float(lim.tool_timeout_s),
                                label=self.name)

    def _call(self, valid: BaseModel) -> BaseModel:
        try:
            return self.func(valid)
        except HavocInputError:
            raise
        except ArithmeticError as exc:
            # the safety net for arithmetic the input drove out of range (overflow, 0/0, a NaN trap):
            # bad input in one line naming the tool, like a validation error, never a traceback
            raise HavocInputError(_arithmetic(self.name, exc)) from None
        except (ValueError, ZeroDivisionError) as exc:
            # a numeric routine the arguments drove outside its domain (a root finder with no sign change at a
            # confidence of 1e-20, an int too long to convert): the input's fault, said in one line
            raise HavocInputError(f"{self.name}: cannot compute with these arguments: {exc}") from None

    def json_schema(self) -> dict[str, Any]:
        return self.args_model.model_json_schema()


_REGISTRY: dict[str, ToolSpec] = {}
_loaded = False
_in_process: ContextVar[bool] = ContextVar("havoc_tools_in_process", default=False)


@contextlib.contextmanager
def in_process() -> Iterator[None]:
    """Run tools in this process (size limits still apply; no memory or time cap).

    For a caller that already runs inside its own capped sandbox, and for tests that patch a
    tool's module in this process (a patch does not reach a worker).
    """
    token = _in_process.set(True)
    try:
        yield
    finally:
        _in_process.reset(token)


def _run_spec(spec: ToolSpec, valid: BaseModel) -> BaseModel:
    """The job a worker runs (the spec travels by reference: its function's module and name)."""
    return spec._call(valid)


def register(name: str, args_model: type[BaseModel]) -> Callable[[Callable], Callable]:
    def decorate(func: Callable) -> Callable:
        doc = (func.__doc__ or "").strip().splitlines()
        if not doc:
            raise TypeError(f"tool {name} needs a docstring: its first line is the description")
        if name in _REGISTRY and _REGISTRY[name].func is not func:
            raise TypeError(f"tool {name} registered twice")
        _REGISTRY[name] = ToolSpec(name, doc[0].strip(), args_model, func)
        return func

    return decorate


def _load() -> None:
    global _loaded
    if _loaded:
        return
    for module in BUILTIN_MODULES:
        import_module(module)
    for ep in entry_points(group="havoc.tools"):
        import_module(ep.value)
    _loaded = True


def tools() -> dict[str, ToolSpec]:
    _load()
    return dict(sorted(_REGISTRY.items()))


def get(name: str) -> ToolSpec:
    if name not in _REGISTRY and name in TOOL_MODULES:
        import_module(TOOL_MODULES[name])
    if name not in _REGISTRY:
        _load()
    try:
        return _REGISTRY[name]
    except KeyError:
        close = [n for n in _REGISTRY if name.lower() in n or n in name.lower()]
        hint = f"; did you mean {', '.join(close)}?" if close else "; `havoc-agent tool list` shows them"
        raise HavocInputError(f"unknown tool {name!r}{hint}", field="tool") from None


def run_tool(name: str, args: Mapping[str, Any] | BaseModel) -> dict[str, Any]:
    """Validate, run, and return the result as JSON-ready data (the CLI's `--json` form)."""
    return get(name).run(args).model_dump(mode="json")


def langchain_tools() -> list:
    """Every tool as a LangChain `StructuredTool` (imported here, lazily: langchain is heavy)."""
    from langchain_core.tools import StructuredTool

    def bind(spec: ToolSpec):
        def call(**kwargs: Any) -> dict[str, Any]:
            return spec.run(kwargs).model_dump(mode="json")

        return StructuredTool.from_function(
            func=call, name=spec.name, description=spec.description, args_schema=spec.args_model
        )

    return [bind(spec) for spec in tools().values()]


_ARITHMETIC_KINDS = (
    (ZeroDivisionError, "a division by zero"),
    (OverflowError, "a number too large to represent"),
    (FloatingPointError, "an invalid floating-point operation"),
)


def _arithmetic(name: str, exc: ArithmeticError) -> str:
    kind = next((words for cls, words in _ARITHMETIC_KINDS if isinstance(exc, cls)), "an arithmetic error")
    detail = " ".join(str(exc).split())[:160]
    return (f"{name}: these numbers lead to {kind} ({type(exc).__name__}{': ' + detail if detail else ''}); "
            "check the input for values that are extreme, zero or all alike")


def _one_line(exc: ValidationError) -> str:
    parts = []
    for err in exc.errors()[:3]:
        loc = ".".join(str(p) for p in err.get("loc", ())) or "args"
        msg = err.get("msg", "invalid")
        # our own HavocInputError messages already name the field
        ctx_err = (err.get("ctx") or {}).get("error")
        if isinstance(ctx_err, HavocInputError):
            parts.append(str(ctx_err))
        else:
            parts.append(f"{loc}: {msg}")
    more = len(exc.errors()) - 3
    return "; ".join(parts) + (f" (and {more} more)" if more > 0 else "")
