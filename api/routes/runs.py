"""LangGraph-compatible runs: stream, wait, get, cancel, join (with Last-Event-ID replay).

SSE events are named as the LangGraph server names them: `metadata`, then the requested stream
modes (`values`, `updates`, `custom`: our trace events travel as `custom`), `error`, `end`; each
carries `id:` (its sequence number in the run) so a client that reconnects misses nothing.
"""

from __future__ import annotations

import asyncio
from typing import Any, Literal

from fastapi import APIRouter, Header, Query, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field
from sse_starlette import EventSourceResponse, ServerSentEvent

from api.deps import Manager, Owner, Settings, check_question, data_access, owned_thread
from api.errors import ApiError
from api.runs import ASSISTANT_ID, STREAM_MODES, Busy, Run, RunManager, ThreadBusy
from havoc_agent import jsonio

router = APIRouter(tags=["langgraph"])
PING_S = 15


# LangGraph's stream modes: ours, and the ones clients such as agent-chat-ui ask for that carry nothing here
AnyMode = Literal["values", "updates", "custom", "messages", "messages-tuple", "events", "debug", "tasks",
                  "checkpoints"]


class RunCreate(BaseModel):
    """What langgraph-sdk's `runs.stream` / `runs.wait` send; fields we do not use are accepted and ignored."""

    model_config = ConfigDict(extra="ignore")
    assistant_id: str = ASSISTANT_ID
    input: dict[str, Any] | None = None
    stream_mode: AnyMode | list[AnyMode] = Field("values", description=(
        "values, updates, custom (our trace events); LangGraph's other modes are accepted and send nothing"))
    metadata: dict[str, Any] | None = None
    on_disconnect: Literal["cancel", "continue"] = "cancel"
    multitask_strategy: Literal["reject", "interrupt", "rollback", "enqueue"] | None = Field(
        None, description="accepted; every strategy behaves as `reject` (409 while the thread has a run)")
    stream_resumable: bool | None = None


def question_from_input(data: dict[str, Any] | None) -> tuple[Any, list[dict[str, Any]] | None]:
    """`{"question": ...}`, or as agent-chat-ui sends it, `{"messages": [...]}` (the last user message)."""
    if not data:
        raise ApiError(400, "input: expected {\"question\": \"...\"} or {\"messages\": [...]}", param="input")
    if "question" in data:
        return data["question"], None
    messages = data.get("messages")
    if not isinstance(messages, list) or not messages:
        raise ApiError(400, "input: expected {\"question\": \"...\"} or {\"messages\": [...]}", param="input")
    for message in reversed(messages):
        if isinstance(message, dict) and message.get("type", message.get("role")) in ("human", "user"):
            content = message.get("content")
            if isinstance(content, list):  # content blocks: keep the text ones
                content = "\n".join(part.get("text", "") for part in content
                                    if isinstance(part, dict) and part.get("type") == "text")
            normalised = {"type": "human", "content": content, "id": message.get("id"), "name": None,
                          "additional_kwargs": {}, "response_metadata": {}}
            return content, [normalised]
    raise ApiError(400, "input.messages: no user message", param="input.messages")


def _start(runs: RunManager, settings, owner: str, thread_id: str | None, body: RunCreate,
           default_modes: tuple[str, ...]) -> Run:
    if body.assistant_id != ASSISTANT_ID:
        raise ApiError(404, f"assistant {body.assistant_id} not found (the one assistant is '{ASSISTANT_ID}')",
                       param="assistant_id")
    raw, messages = question_from_input(body.input)
    access = data_access(settings, owner)
    question = check_question(raw, settings, access, "input.question" if messages is None else "input.messages")
    modes = body.stream_mode if isinstance(body.stream_mode, list) else [body.stream_mode]
    thread = owned_thread(runs, thread_id, owner) if thread_id is not None else None
    try:
        return runs.start(question, owner=owner, thread=thread, stream_modes=tuple(modes) or default_modes,
                          metadata=body.metadata, input_messages=messages, data_roots=access.roots)
    except Busy:
        raise ApiError(429, "every run slot and queue place is taken; retry shortly", code="server_busy",
                       headers={"Retry-After": "5"}) from None
    except ThreadBusy:
        raise ApiError(409, f"thread {thread_id} already has a run in progress", param="thread_id",
                       code="thread_busy") from None


def _sse(run: Run, after: int, modes: set[str] | None, cancel_on_disconnect: bool, runs: RunManager):
    async def events():
        try:
            async for event in runs.follow(run, after):
                if modes is not None and event.event in STREAM_MODES and event.event not in modes:
                    continue
                yield ServerSentEvent(data=jsonio.dumps(event.data, indent=None), event=event.event,
                                      id=str(event.seq))
        finally:
            if cancel_on_disconnect and not run.done:
                runs.cancel(run)

    location = f"/threads/{run.thread_id}/runs/{run.run_id}" if run.thread_id else f"/runs/{run.run_id}"
    return EventSourceResponse(events(), ping=PING_S, headers={"Content-Location": location,
                                                               "Location": f"{location}/stream",
                                                               "Cache-Control": "no-store"})


@router.post("/threads/{thread_id}/runs/stream")
async def stream_run(thread_id: str, body: RunCreate, runs: Manager, owner: Owner, settings: Settings):
    run = _start(runs, settings, owner, thread_id, body, ("values",))
    return _sse(run, -1, None, body.on_disconnect == "cancel", runs)


@router.post("/runs/stream")
async def stream_stateless_run(body: RunCreate, runs: Manager, owner: Owner, settings: Settings):
    run = _start(runs, settings, owner, None, body, ("values",))
    return _sse(run, -1, None, body.on_disconnect == "cancel", runs)


@router.post("/threads/{thread_id}/runs")
async def create_run(thread_id: str, body: RunCreate, runs: Manager, owner: Owner, settings: Settings):
    """A background run (`runs.create`): it computes whether or not anyone streams it; join or cancel it later."""
    if "stream_mode" not in body.model_fields_set:
        body.stream_mode = list(STREAM_MODES)  # a background run keeps every mode for whoever joins
    run = _start(runs, settings, owner, thread_id, body, STREAM_MODES)
    return JSONResponse(run.as_json(), headers={"Content-Location": f"/threads/{thread_id}/runs/{run.run_id}"})


async def wait_or_cancel(run: Run, runs: RunManager, request: Request) -> None:
    """Wait for the run; a client that leaves meanwhile cancels it."""
    waiting = asyncio.ensure_future(runs.wait(run))
    try:
        while not waiting.done():
            await asyncio.wait({waiting}, timeout=0.5)
            if not waiting.done() and await request.is_disconnected():
                runs.cancel(run)
                await waiting
    finally:
        if not waiting.done():
            runs.cancel(run)
            waiting.cancel()


async def _wait(run: Run, runs: RunManager, request: Request) -> JSONResponse:
    """The final values; a client that leaves while waiting cancels the run."""
    await wait_or_cancel(run, runs, request)
    values = runs.final_values(run)
    if run.status == "error" and values is None:
        raise ApiError(500, f"run failed: {run.error}", code="run_failed")
    location = f"/threads/{run.thread_id}/runs/{run.run_id}" if run.thread_id else f"/runs/{run.run_id}"
    return JSONResponse(content=_json(values if values is not None else {}),
                        headers={"Content-Location": location})


def _json(data: Any) -> Any:
    import json

    return json.loads(jsonio.dumps(data, indent=None))


class RunWait(RunCreate):
    pass


@router.post("/threads/{thread_id}/runs/wait")
async def wait_run(thread_id: str, body: RunWait, request: Request, runs: Manager, owner: Owner,
                   settings: Settings):
    run = _start(runs, settings, owner, thread_id, body, ("values",))
    return await _wait(run, runs, request)


@router.post("/runs/wait")
async def wait_stateless_run(body: RunWait, request: Request, runs: Manager, owner: Owner, settings: Settings):
    run = _start(runs, settings, owner, None, body, ("values",))
    return await _wait(run, runs, request)


def owned_run(runs: RunManager, thread_id: str, run_id: str, owner: str) -> Run:
    owned_thread(runs, thread_id, owner)
    run = runs.get_run(run_id)
    if run is None or run.thread_id != thread_id:
        raise ApiError(404, f"run {run_id} not found in thread {thread_id}", param="run_id", code="run_not_found")
    return run


@router.get("/threads/{thread_id}/runs/{run_id}")
async def get_run(thread_id: str, run_id: str, runs: Manager, owner: Owner) -> dict[str, Any]:
    return owned_run(runs, thread_id, run_id, owner).as_json()


@router.get("/threads/{thread_id}/runs")
async def list_runs(thread_id: str, runs: Manager, owner: Owner,
                    limit: int = Query(10, ge=1, le=1000), offset: int = Query(0, ge=0)) -> list[dict[str, Any]]:
    owned_thread(runs, thread_id, owner)
    return [r.as_json() for r in runs.thread_runs(thread_id)[offset: offset + limit]]


@router.post("/threads/{thread_id}/runs/{run_id}/cancel", status_code=202)
async def cancel_run(thread_id: str, run_id: str, runs: Manager, owner: Owner,
                     wait: bool = Query(False), action: Literal["interrupt", "rollback"] = Query("interrupt")):
    run = owned_run(runs, thread_id, run_id, owner)
    runs.cancel(run)
    if wait:
        return (await runs.wait(run)).as_json()
    return None


class CancelMany(BaseModel):
    model_config = ConfigDict(extra="ignore")
    thread_id: str | None = None
    run_ids: list[str] = Field(min_length=1, max_length=1000)


@router.post("/runs/cancel", status_code=204)
async def cancel_runs(body: CancelMany, runs: Manager, owner: Owner,
                      action: Literal["interrupt", "rollback"] = Query("interrupt")) -> None:
    """`runs.cancel_many(run_ids=[...])`: also reaches stateless runs, such as a chat completion's
    (its id is the `x-havoc-run-id` header). Runs of other keys are not found."""
    found = [runs.get_run(run_id) for run_id in body.run_ids]
    missing = [rid for rid, run in zip(body.run_ids, found, strict=True)
               if run is None or run.owner != owner or (body.thread_id and run.thread_id != body.thread_id)]
    if missing:
        raise ApiError(404, f"run {missing[0]} not found", param="run_ids", code="run_not_found")
    for run in found:
        runs.cancel(run)


@router.get("/threads/{thread_id}/runs/{run_id}/join")
async def join_run(thread_id: str, run_id: str, runs: Manager, owner: Owner) -> Any:
    run = await runs.wait(owned_run(runs, thread_id, run_id, owner))
    return _json(runs.final_values(run) or {})


@router.get("/threads/{thread_id}/runs/{run_id}/stream")
async def join_stream(thread_id: str, run_id: str, runs: Manager, owner: Owner,
                      stream_mode: list[str] | None = Query(None, description="values, updates, custom"),
                      cancel_on_disconnect: bool = Query(False),
                      last_event_id: str | None = Header(None, alias="Last-Event-ID")):
    """Replay everything after `Last-Event-ID` (or from the start), then follow the run live."""
    run = owned_run(runs, thread_id, run_id, owner)
    after = -1
    if last_event_id:
        if not last_event_id.isdigit():
            raise ApiError(400, "Last-Event-ID: must be an event id this server sent (a number)",
                           param="Last-Event-ID")
        after = int(last_event_id)
    modes = {m for m in stream_mode or [] if m}  # the SDK sends `stream_mode=` when it has none
    if modes - set(AnyMode.__args__):
        raise ApiError(422, f"stream_mode: must be among {', '.join(AnyMode.__args__)}", param="stream_mode")
    return _sse(run, after, modes or None, cancel_on_disconnect, runs)
