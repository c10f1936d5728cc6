"""Runs and threads: each graph run is its own task, its events kept so any stream can join or replay.

Why a task of its own: iterating the graph inside an SSE generator cannot stop a node that is
computing. Here `graphs.srs.run` runs in a worker thread with a `threading.Event` as its `cancel`;
a client that leaves sets it, which kills the tool worker process and skips the remaining stages.
Event ids are the run's sequence numbers, so `Last-Event-ID` replays exactly what was missed.

Admission: at most `max_runs` compute at once, `max_queue` more wait; beyond that `Busy` (429).
Thread memory is the graph's own checkpointer (SQLite under $HAVOC_HOME); run events and thread
metadata are kept in this process.
"""

from __future__ import annotations

import asyncio
import threading
import uuid
from collections.abc import AsyncIterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any, Literal

from graphs.jsonable import jsonable
from graphs.trace import now_iso

RunStatus = Literal["pending", "running", "success", "error", "interrupted"]
STREAM_MODES = ("values", "updates", "custom")


class Busy(Exception):
    """Every run slot and queue place is taken."""


class ThreadBusy(Exception):
    """The thread already has a run in progress (LangGraph's multitask strategy `reject`)."""


@dataclass
class Event:
    seq: int
    event: str
    data: Any


@dataclass
class Thread:
    thread_id: str
    owner: str
    metadata: dict[str, Any] = field(default_factory=dict)
    created_at: str = field(default_factory=now_iso)
    updated_at: str = field(default_factory=now_iso)
    messages: list[dict[str, Any]] = field(default_factory=list)
    values: dict[str, Any] = field(default_factory=dict)
    active_run: str | None = None

    def as_json(self) -> dict[str, Any]:
        return {"thread_id": self.thread_id, "created_at": self.created_at, "updated_at": self.updated_at,
                "metadata": self.metadata, "status": "busy" if self.active_run else "idle",
                "values": self.values or None, "interrupts": {}}


@dataclass
class Run:
    run_id: str
    thread_id: str | None
    owner: str
    question: str
    stream_modes: tuple[str, ...]
    metadata: dict[str, Any] = field(default_factory=dict)
    status: RunStatus = "pending"
    created_at: str = field(default_factory=now_iso)
    updated_at: str = field(default_factory=now_iso)
    events: list[Event] = field(default_factory=list)
    cancel: threading.Event = field(default_factory=threading.Event)
    final: dict[str, Any] | None = None
    error: str | None = None
    worker_done: threading.Event = field(default_factory=threading.Event)
    changed: asyncio.Event = field(default_factory=asyncio.Event)
    task: asyncio.Task | None = None

    @property
    def done(self) -> bool:
        return self.status in ("success", "error", "interrupted")

    def publish(self, event: str, data: Any) -> None:
        self.events.append(Event(len(self.events), event, data))
        self.updated_at = now_iso()
        self.changed.set()
        self.changed = asyncio.Event()

    def as_json(self) -> dict[str, Any]:
        return {"run_id": self.run_id, "thread_id": self.thread_id, "assistant_id": ASSISTANT_ID,
                "created_at": self.created_at, "updated_at": self.updated_at, "status": self.status,
                "metadata": self.metadata, "kwargs": {"input": {"question": self.question},
                                                      "stream_mode": list(self.stream_modes)},
                "multitask_strategy": "reject"}

    async def follow(self, after: int = -1) -> AsyncIterator[Event]:
        """Every event with seq > `after`, then new ones live, until the run's `end`."""
        index = after + 1
        while True:
            waiter = self.changed
            while index < len(self.events):
                yield self.events[index]
                index += 1
            if self.done and index >= len(self.events):
                return
            await waiter.wait()


ASSISTANT_ID = "havoc"


def ai_message(content: str, run_id: str) -> dict[str, Any]:
    return {"type": "ai", "content": content, "id": f"run-{run_id}", "name": None, "additional_kwargs": {},
            "response_metadata": {}, "tool_calls": [], "invalid_tool_calls": [], "usage_metadata": None}


def human_message(content: str) -> dict[str, Any]:
    return {"type": "human", "content": content, "id": uuid.uuid4().hex, "name": None, "additional_kwargs": {},
            "response_metadata": {}}


def state_values(state: dict[str, Any]) -> dict[str, Any]:
    """The graph's state as JSON (Decimals as their text, every digit kept)."""
    return jsonable({k: v for k, v in state.items() if not k.startswith("__")})


class RunManager:
    def __init__(self, max_runs: int, max_queue: int) -> None:
        self.max_runs, self.max_queue = max_runs, max_queue
        self.runs: dict[str, Run] = {}
        self.threads: dict[str, Thread] = {}
        self._slots = asyncio.Semaphore(max_runs)
        self._admitted = 0
        self._pool = ThreadPoolExecutor(max_workers=max_runs, thread_name_prefix="havoc-run")

    # ------------------------------------------------------------------ threads

    def create_thread(self, owner: str, metadata: dict[str, Any] | None = None,
                      thread_id: str | None = None) -> Thread:
        thread = Thread(thread_id=thread_id or str(uuid.uuid4()), owner=owner, metadata=dict(metadata or {}))
        self.threads[thread.thread_id] = thread
        return thread

    # ------------------------------------------------------------------ runs

    @property
    def active(self) -> int:
        return self._admitted

    def start(self, question: str, *, owner: str, thread: Thread | None,
              stream_modes: tuple[str, ...] = ("values",), metadata: dict[str, Any] | None = None,
              input_messages: list[dict[str, Any]] | None = None) -> Run:
        if self._admitted >= self.max_runs + self.max_queue:
            raise Busy
        if thread is not None and thread.active_run is not None:
            raise ThreadBusy
        run = Run(run_id=str(uuid.uuid4()), thread_id=thread.thread_id if thread else None, owner=owner,
                  question=question, stream_modes=stream_modes, metadata=dict(metadata or {}))
        self.runs[run.run_id] = run
        self._admitted += 1
        if thread is not None:
            thread.active_run = run.run_id
            thread.messages.append(input_messages[-1] if input_messages else human_message(question))
        run.publish("metadata", {"run_id": run.run_id, "thread_id": run.thread_id, "attempt": 1})
        if "values" in stream_modes:
            run.publish("values", {"question": question,
                                   "messages": list(thread.messages) if thread else [human_message(question)]})
        run.task = asyncio.get_running_loop().create_task(self._execute(run, thread))
        return run

    async def _execute(self, run: Run, thread: Thread | None) -> None:
        loop = asyncio.get_running_loop()
        try:
            async with self._slots:
                if run.cancel.is_set():
                    run.status = "interrupted"
                    return
                run.status = "running"
                final = await loop.run_in_executor(self._pool, self._compute, run, loop)
            run.final = final
            run.status = "interrupted" if final.get("cancelled") else ("error" if final.get("failure") else "success")
            answer = ((final.get("answer") or {}).get("markdown")) or ""
            values = state_values(final)
            if thread is not None:
                thread.messages.append(ai_message(answer, run.run_id))
                values["messages"] = list(thread.messages)
                thread.values = values
            else:
                values["messages"] = [human_message(run.question), ai_message(answer, run.run_id)]
            if "values" in run.stream_modes:
                run.publish("values", values)
            if final.get("failure"):
                failure = final["failure"]
                run.error = f"{failure.get('node')}: {failure.get('error')}"
                run.publish("error", {"error": "GraphError", "message": run.error})
        except Exception as exc:  # a bug of ours: the stream says so instead of hanging
            run.status, run.error = "error", f"{type(exc).__name__}: {exc}"
            run.publish("error", {"error": type(exc).__name__, "message": str(exc)})
        finally:
            self._admitted -= 1
            if thread is not None:
                thread.active_run = None
                thread.updated_at = now_iso()
            if run.status in ("pending", "running"):
                run.status = "interrupted"
            run.publish("end", {"run_id": run.run_id, "status": run.status})

    def _compute(self, run: Run, loop: asyncio.AbstractEventLoop) -> dict[str, Any]:
        """In a worker thread: the graph, its trace events handed to the loop as they happen."""
        from graphs.srs import run as srs_run

        def on_event(trace: dict) -> None:
            loop.call_soon_threadsafe(self._on_trace, run, trace)

        try:
            return srs_run(run.question, thread_id=run.thread_id, on_event=on_event, cancel=run.cancel)
        finally:
            run.worker_done.set()

    @staticmethod
    def _on_trace(run: Run, trace: dict) -> None:
        if "custom" in run.stream_modes:
            run.publish("custom", {"trace": trace})
        if "updates" in run.stream_modes and trace.get("status") in ("end", "error"):
            run.publish("updates", {trace["node"]: {"trace": [trace]}})

    def cancel(self, run: Run) -> None:
        run.cancel.set()

    def shutdown(self) -> None:
        for run in self.runs.values():
            run.cancel.set()
        self._pool.shutdown(wait=False, cancel_futures=True)
