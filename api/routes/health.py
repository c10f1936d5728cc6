"""Liveness and readiness: answered on the event loop, never behind a run."""

from __future__ import annotations

from fastapi import APIRouter, Request

router = APIRouter(tags=["health"])


@router.get("/healthz")
async def healthz() -> dict:
    return {"status": "ok"}


@router.get("/readyz")
async def readyz(request: Request) -> dict:
    """The thread memory opens, the tool registry loads, and whether a chat model is loaded."""
    from fastapi.responses import JSONResponse

    from tools import registry

    checks: dict[str, object] = {}
    runs = request.app.state.runs
    try:
        with runs.store.checkpointer() as saver:
            saver.get_tuple({"configurable": {"thread_id": "readyz", "checkpoint_ns": ""}})
        checks["checkpointer"] = "ok"
    except Exception as exc:
        checks["checkpointer"] = f"error: {type(exc).__name__}"
    try:
        checks["tools"] = len(registry.tools())
    except Exception as exc:
        checks["tools"] = f"error: {type(exc).__name__}"
    checks["model"] = "none (the agent runs every stage without one)"
    checks["store"] = "postgresql" if runs.store.shared else "this process"
    checks["runs_active"] = runs.active
    ok = checks["checkpointer"] == "ok" and isinstance(checks["tools"], int)
    return JSONResponse({"status": "ready" if ok else "not ready", "checks": checks}, status_code=200 if ok else 503)
