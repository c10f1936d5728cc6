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
        return {"results": [], "execution_error": None, "readings": [], "agreement": None}, "nothing to execute", {}
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
    readings, agreement = run_readings(state.get("readings") or [], plan["program"], results,
                                       state.get("bindings") or {})
    summary = ", ".join(r["tool"] for r in results) + f" ({len(results)} call{'s' * (len(results) != 1)})"
    if agreement != "single":
        summary += f"; the two readings {'agree' if agreement == 'agree' else 'disagree'}"
    return (
        {"results": results, "execution_error": None, "bindings": env, "readings": readings, "agreement": agreement},
        summary,
        {"tools": [r["tool"] for r in results], "statements": [r["statement"] for r in results],
         "agreement": agreement, "readings": [{"planner": r["planner"], "program": r["program"],
                                               "execution_error": r["execution_error"]} for r in readings]},
    )


def _same_results(a: list[dict], b: list[dict]) -> bool:
    """Two readings agree when they call the same tools and get the same outputs (arguments may be spelled apart)."""
    return [(r["tool"], r["output"]) for r in a] == [(r["tool"], r["output"]) for r in b]


def run_readings(readings: list[dict], program: str, results: list[dict], bindings: dict) -> tuple[list[dict], str]:
    """Each reading with its results: the plan's are reused, a different program is run on its own copy of the
    bindings (a second reading must not leave names behind in the thread)."""
    done: list[dict] = []
    for reading in readings:
        reading = dict(reading)
        if reading["program"] == program:
            reading["results"], reading["execution_error"] = results, None
        else:
            try:
                reading["results"], _ = run_program(reading["program"], bindings)
                reading["execution_error"] = None
            except HavocInputError as exc:
                reading["results"], reading["execution_error"] = [], str(exc)
        done.append(reading)
    if len(done) < 2:
        return done, "single"
    first = done[0]
    same = all(r["execution_error"] is None and _same_results(r["results"], first["results"]) for r in done[1:])
    return done, "agree" if same and first["execution_error"] is None else "disagree"
