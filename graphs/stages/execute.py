"""EXECUTE: run the plan's DSL program through the tool registry.

Errors are captured into the state, never raised: a bad number in the question
becomes a clear sentence in the answer. Names bound by `let` survive in the
thread's `bindings`, so a follow-up can analyse the design made before.
"""

from __future__ import annotations

import time

from graphs.jsonable import jsonable
from graphs.trace import StageResult, now_iso, tool_event, traced
from tools.errors import HavocInputError
from tools.worker import ToolCancelledError


def run_program(program_text: str, bindings: dict) -> tuple[list[dict], dict]:
    import dsl

    env = dict(bindings)
    program = dsl.parse(program_text)
    statements = dsl.execute(program, env=env)
    results = [
        {"tool": r.tool, "args": jsonable(r.args, decimal_as_text=False), "output": jsonable(r.output),
         "statement": r.statement, "binding": r.binding, "error": None}
        for r in statements
    ]
    return results, jsonable(env)


@traced("EXECUTE")
def execute_stage(state: dict, config: dict | None = None) -> StageResult:
    plan = state.get("plan")
    if not plan:
        return {"results": [], "execution_error": None}, "nothing to execute", {}
    started, started_at = time.perf_counter(), now_iso()
    try:
        results, env = run_program(plan["program"], state.get("bindings") or {})
    except ToolCancelledError as exc:
        return ({"results": [], "execution_error": "the run was cancelled"}, "cancelled",
                {"cancelled": True, "worker_pid": exc.worker_pid})
    except HavocInputError as exc:
        tool_event(state.get("run_id", ""), "EXECUTE", "dsl_run", {"program": plan["program"]}, None, str(exc),
                   started, started_at)
        return ({"results": [], "execution_error": str(exc)}, f"error: {exc}", {"error": str(exc)})
    for r in results:
        tool_event(state.get("run_id", ""), "EXECUTE", r["tool"], r["args"], r["output"], None, started, started_at)
    return (
        {"results": results, "execution_error": None, "bindings": env},
        ", ".join(r["tool"] for r in results) + f" ({len(results)} call{'s' * (len(results) != 1)})",
        {"tools": [r["tool"] for r in results], "statements": [r["statement"] for r in results]},
    )
