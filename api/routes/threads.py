"""LangGraph-compatible threads: create, get, state, history. A thread belongs to the key that made it."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from pydantic import BaseModel, ConfigDict, Field

from api.deps import Manager, Owner, owned_thread
from api.errors import ApiError
from api.runs import state_values

router = APIRouter(tags=["langgraph"])


class ThreadCreate(BaseModel):
    model_config = ConfigDict(extra="ignore")
    thread_id: str | None = Field(None, min_length=1, max_length=200)
    metadata: dict[str, Any] | None = None
    if_exists: str | None = Field(None, pattern="^(raise|do_nothing)$")


@router.post("/threads")
async def create_thread(runs: Manager, owner: Owner, body: ThreadCreate | None = None) -> dict[str, Any]:
    body = body or ThreadCreate()
    created = runs.create_thread(owner, body.metadata, body.thread_id)
    if created is not None:
        return created.as_json()
    existing = runs.get_thread(body.thread_id)
    if body.if_exists == "do_nothing" and existing is not None and existing.owner == owner:
        return existing.as_json()
    raise ApiError(409, f"thread {body.thread_id} already exists", param="thread_id", code="thread_exists")


@router.get("/threads/{thread_id}")
async def get_thread(thread_id: str, runs: Manager, owner: Owner) -> dict[str, Any]:
    return owned_thread(runs, thread_id, owner).as_json()


def _snapshot_json(snapshot, messages: list[dict] | None) -> dict[str, Any]:
    values = state_values(dict(snapshot.values or {}))
    if messages is not None:
        values["messages"] = messages
    config = snapshot.config or {}
    parent = snapshot.parent_config or {}
    return {"values": values, "next": list(snapshot.next or ()), "tasks": [],
            "checkpoint": config.get("configurable", {}), "metadata": state_values(dict(snapshot.metadata or {})),
            "created_at": snapshot.created_at, "parent_checkpoint": parent.get("configurable") or None,
            "interrupts": []}


@router.get("/threads/{thread_id}/state")
async def thread_state(thread_id: str, runs: Manager, owner: Owner) -> dict[str, Any]:
    """The thread's latest checkpoint, read from the graph's own thread memory."""
    thread = owned_thread(runs, thread_id, owner)
    from graphs.srs import build_graph

    with runs.store.checkpointer() as saver:
        snapshot = build_graph(saver).get_state({"configurable": {"thread_id": thread_id}})
    return _snapshot_json(snapshot, list(thread.messages))


class HistoryQuery(BaseModel):
    model_config = ConfigDict(extra="ignore")
    limit: int = Field(10, ge=1, le=1000)
    before: dict[str, Any] | str | None = None
    metadata: dict[str, Any] | None = None
    checkpoint: dict[str, Any] | None = None


@router.post("/threads/{thread_id}/history")
async def thread_history(thread_id: str, runs: Manager, owner: Owner,
                         body: HistoryQuery | None = None) -> list[dict[str, Any]]:
    owned_thread(runs, thread_id, owner)
    body = body or HistoryQuery()
    from graphs.srs import build_graph

    out = []
    with runs.store.checkpointer() as saver:
        for snapshot in build_graph(saver).get_state_history({"configurable": {"thread_id": thread_id}},
                                                             limit=body.limit):
            out.append(_snapshot_json(snapshot, None))
    return out
