"""`dsl_run`: the HAVOC language as one tool of the registry.

Why: the graph and any chat model call tools by name with JSON arguments; with
this one they can hand over a whole program (a design, its analysis, a chart)
and get every statement's result back in order, each naming the tool that
computed it. Registered through the `havoc.tools` entry point, so `tools`
never imports the DSL.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_validator

from tools.errors import HavocInputError
from tools.limits import limits
from tools.registry import register


class DslRunArgs(BaseModel):
    model_config = ConfigDict(extra="forbid")

    program: str = Field(description="a HAVOC program (docs/dsl.md), e.g. 'describe [1, 2, 3]'; CSV files are "
                                     "read from the operator's HAVOC_DATA_DIR (default: the current directory) only",
                         max_length=limits().max_program_chars)
    bindings: dict[str, Any] | None = Field(
        None, description="names bound by an earlier run (its `bindings`), for follow-up programs"
    )


    @model_validator(mode="before")
    @classmethod
    def _no_base_dir(cls, data: Any) -> Any:
        if isinstance(data, dict) and "base_dir" in data:
            raise HavocInputError("is not an argument: data files are read from the directory the operator "
                                  "set (HAVOC_DATA_DIR), never one the caller names", field="base_dir")
        return data


def data_root() -> Path | tuple[Path, ...] | None:
    """Where `dsl_run` may read CSV files: what the server set (`dsl.file_access`), else the operator's
    HAVOC_DATA_DIR, else the current directory. None: no file at all."""
    from dsl.files import Access, ambient, effective

    if ambient() is not Access.AMBIENT:
        policy = effective(Access.AMBIENT)
        return Path.cwd().resolve() if policy is Access.LOCAL else policy  # type: ignore[return-value]
    configured = os.environ.get("HAVOC_DATA_DIR", "").strip()
    return Path(configured).expanduser().resolve() if configured else Path.cwd().resolve()


class DslRunResult(BaseModel):
    results: list[dict[str, Any]] = Field(description="one per tool call: statement, line, tool, args, output, binding")
    bindings: dict[str, Any] = Field(description="names bound by `let`, JSON-ready, to pass to a follow-up run")


@register("dsl_run", DslRunArgs)
def dsl_run(args: DslRunArgs) -> DslRunResult:
    """Run a HAVOC DSL program (designs, charts, tests, symbolic maths) and return each statement's result."""
    import dsl

    env = dict(args.bindings or {})
    program = dsl.parse(args.program)
    root = data_root()
    base = root if isinstance(root, Path) else None
    results = dsl.execute(program, base_dir=base, env=env, data_root=root)  # never LOCAL: a caller's program
    return DslRunResult(results=[r.model_dump(mode="json") for r in results], bindings=env)
