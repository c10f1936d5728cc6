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

from pydantic import BaseModel, ConfigDict, Field

from tools.registry import register


def data_dir() -> Path:
    """Where a program run as a tool may read CSV files: `HAVOC_DATA_DIR`, else the current directory.

    It is a setting of whoever runs HAVOC, never an argument of the call: a caller that could name the
    directory could name `/` (paths are resolved, symlinks and `..` included, and must stay under it)."""
    return Path(os.environ.get("HAVOC_DATA_DIR") or Path.cwd()).expanduser().resolve()


class DslRunArgs(BaseModel):
    model_config = ConfigDict(extra="forbid")

    program: str = Field(description="a HAVOC program (docs/dsl.md), e.g. 'describe [1, 2, 3]'", max_length=1_000_000)
    bindings: dict[str, Any] | None = Field(
        None, description="names bound by an earlier run (its `bindings`), for follow-up programs"
    )


class DslRunResult(BaseModel):
    results: list[dict[str, Any]] = Field(description="one per tool call: statement, line, tool, args, output, binding")
    bindings: dict[str, Any] = Field(description="names bound by `let`, JSON-ready, to pass to a follow-up run")


@register("dsl_run", DslRunArgs)
def dsl_run(args: DslRunArgs) -> DslRunResult:
    """Run a HAVOC DSL program (designs, charts, tests, symbolic maths) and return each statement's result."""
    import dsl

    env = dict(args.bindings or {})
    program = dsl.parse(args.program)
    results = dsl.execute(program, base_dir=data_dir(), env=env, confine_files=True)
    return DslRunResult(results=[r.model_dump(mode="json") for r in results], bindings=env)
