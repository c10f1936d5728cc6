"""Trace events: one schema for the CLI, the API and the web UI.

Every stage is wrapped by `traced`, which emits a `start` event when the node
begins and an `end` (or `error`) event when it returns, through LangGraph's
`custom` stream (so consumers see them live) and into the state's `trace` list
(so a finished run carries its own audit trail). Timestamps are ours: LangGraph
does not stamp its events.
"""

from __future__ import annotations

import time
import traceback
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any, Literal

from langchain_core.runnables import RunnableConfig
from pydantic import BaseModel, Field

Status = Literal["start", "end", "error", "tool"]


class TraceEvent(BaseModel):
    run_id: str
    node: str
    status: Status
    ts: str = Field(description="ISO-8601 UTC time the event was emitted")
    started_at: str
    duration_ms: float | None = None
    summary: str = ""
    detail: dict[str, Any] = Field(default_factory=dict)


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def _writer() -> Callable[[Any], None]:
    try:
        from langgraph.config import get_stream_writer

        return get_stream_writer()
    except Exception:  # outside a graph run (unit tests call stages directly)
        return lambda _event: None


def emit(event: TraceEvent) -> dict[str, Any]:
    data = event.model_dump(mode="json")
    _writer()({"trace": data})
    return data


def tool_event(run_id: str, node: str, tool: str, args: dict, output: dict | None, error: str | None,
               started: float, started_at: str) -> dict[str, Any]:
    """A tool call made inside a stage: shown live, kept in the trace."""
    return emit(TraceEvent(
        run_id=run_id, node=node, status="tool", ts=now_iso(), started_at=started_at,
        duration_ms=round((time.perf_counter() - started) * 1000, 3),
        summary=f"{tool}: {'error: ' + error if error else 'ok'}",
        detail={"tool": tool, "args": args, "error": error, "output_keys": sorted(output)[:20] if output else []},
    ))


StageResult = tuple[dict[str, Any], str, dict[str, Any]]
"""What a stage returns: (state update, one-line summary, detail for the trace)."""


def traced(node: str) -> Callable[[Callable[..., StageResult]], Callable[..., dict]]:
    """Wrap a stage `fn(state, config) -> (update, summary, detail)` as a traced LangGraph node."""

    def decorate(fn: Callable[..., StageResult]) -> Callable[..., dict]:
        def node_fn(state: dict, config: RunnableConfig) -> dict:
            run_id = state.get("run_id", "")
            started_at = now_iso()
            t0 = time.perf_counter()
            emit(TraceEvent(run_id=run_id, node=node, status="start", ts=started_at, started_at=started_at))
            try:
                update, summary, detail = fn(state, config)
            except Exception as exc:
                ms = round((time.perf_counter() - t0) * 1000, 3)
                event = emit(TraceEvent(
                    run_id=run_id, node=node, status="error", ts=now_iso(), started_at=started_at,
                    duration_ms=ms, summary=f"{type(exc).__name__}: {exc}",
                    detail={"traceback": traceback.format_exc(limit=8)},
                ))
                return {"trace": [event], "failure": {"node": node, "error": f"{type(exc).__name__}: {exc}"}}
            ms = round((time.perf_counter() - t0) * 1000, 3)
            event = emit(TraceEvent(
                run_id=run_id, node=node, status="end", ts=now_iso(), started_at=started_at,
                duration_ms=ms, summary=summary, detail=detail,
            ))
            update = dict(update)
            update["trace"] = list(update.get("trace", [])) + [event]
            return update

        # not functools.wraps: LangGraph reads the signature, and ours types `config` as it wants
        node_fn.__name__ = node_fn.__qualname__ = fn.__name__
        node_fn.__doc__ = fn.__doc__
        node_fn.stage = fn  # the undecorated stage, for unit tests
        return node_fn

    return decorate
