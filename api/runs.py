"""Runs and threads: each graph run is its own task, its events kept so any stream can join or replay.

Why a task of its own: iterating the graph inside an SSE generator cannot stop a node that is
computing. Here `graphs.srs.run` runs in a worker thread with a `threading.Event` as its `cancel`;
a client that leaves sets it, which kills the tool worker process and skips the remaining stages.
Event ids are the run's sequence numbers, so `Last-Event-ID` replays exactly what was missed.

Admission (per worker): at most `max_runs` compute at once, `max_queue` more wait; beyond, `Busy`.
Threads, runs and events go through a store (`api/store.py`): this process, or PostgreSQL shared by
every worker. A run computed by another worker is followed by polling its events and cancelled
through a flag that its worker polls.
"""

from __future__ import annotations

import asyncio
import threading
import uuid
from collections.abc import AsyncIterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from api.store import MemoryStore, PostgresStore
from graphs.jsonable import jsonable
from graphs.trace import now_iso

RunStatus = Literal["pending", "running", "success", "error", "interrupted"]
STREAM_MODES = ("values", "updates", "custom")
DONE = ("success", "error", "interrupted")
ASSISTANT_ID = "havoc"
POLL_S = 0.1
KEPT_RUNS = 1000  # finished runs a worker keeps in memory (with PostgreSQL they stay in the tables)


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
    metadata: dict[str, Any]
    created_at: str
    updated_at: str
    messages: list[dict[str, Any]]
    values: dict[str, Any] | None
    active_run: str | None

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
    error: str | None = None
    results: list[dict[str, Any]] | None = None
    answer: str | None = None
    # only on the worker that computes the run
    local: bool = False
    events: list[Event] = field(default_factory=list)
    cancel: threading.Event = field(default_factory=threading.Event)
    changed: asyncio.Event | None = None
    task: asyncio.Task | None = None
    data_roots: tuple[Path, ...] = ()  # where its programs read CSV files (api/confinement.py)

    @property
    def done(self) -> bool:
        return self.status in DONE

    def as_json(self) -> dict[str, Any]:
        return {"run_id": self.run_id, "thread_id": self.thread_id, "assistant_id": ASSISTANT_ID,
                "created_at": self.created_at, "updated_at": self.updated_at, "status": self.status,
                "metadata": self.metadata, "kwargs": {"input": {"question": self.question},
                                                      "stream_mode": list(self.stream_modes)},
                "multitask_strategy": "reject"}


def ai_message(content: str, run_id: str) -> dict[str, Any]:
    return {"type": "ai", "content": content, "id": f"run-{run_id}", "name": None, "additional_kwargs": {},
            "response_metadata": {}, "tool_calls": [], "invalid_tool_calls": [], "usage_metadata": None}


def human_message(content: str) -> dict[str, Any]:
    return {"type": "human", "content": content, "id": uuid.uuid4().hex, "name": None, "additional_kwargs": {},
            "response_metadata": {}}


def state_values(state: dict[str, Any]) -> dict[str, Any]:
    """The graph's state as JSON (Decimals as their text, every digit kept)."""
    return jsonable({k: v for k, v in state.items() if not k.startswith("__")})


def _thread(row: dict[str, Any]) -> Thread:
    return Thread(**{k: row[k] for k in ("thread_id", "owner", "metadata", "created_at", "updated_at",
                                         "messages", "values", "active_run")})


def _run(row: dict[str, Any]) -> Run:
    return Run(run_id=row["run_id"], thread_id=row["thread_id"], owner=row["owner"], question=row["question"],
               stream_modes=tuple(row["stream_modes"]), metadata=row["metadata"], status=row["status"],
               created_at=row["created_at"], updated_at=row["updated_at"], error=row.get("error"),
               results=row.get("results"))


class RunManager:
    def __init__(self, max_runs: int, max_queue: int, store: MemoryStore | PostgresStore | None = None) -> None:
        self.max_runs, self.max_queue = max_runs, max_queue
        self.store = store or MemoryStore()
        self.local: dict[str, Run] = {}
        self._slots = asyncio.Semaphore(max_runs)
        self._admitted = 0
        self._pool = ThreadPoolExecutor(max_workers=max_runs, thread_name_prefix="havoc-run")

    @property
    def active(self) -> int:
        return self._admitted

    # ------------------------------------------------------------------ threads

    def create_thread(self, owner: str, metadata: dict[str, Any] | None = None,
                      thread_id: str | None = None) -> Thread | None:
        """None when the id is taken."""
        now = now_iso()
        row = {"thread_id": thread_id or str(uuid.uuid4()), "owner": owner, "metadata": dict(metadata or {}),
               "created_at": now, "updated_at": now, "messages": [], "values": None, "active_run": None}
        return _thread(row) if self.store.insert_thread(row) else None

    def get_thread(self, thread_id: str) -> Thread | None:
        row = self.store.thread(thread_id)
        return _thread(row) if row else None

    # ------------------------------------------------------------------ runs

    def get_run(self, run_id: str) -> Run | None:
        if run_id in self.local:
            return self.local[run_id]
        row = self.store.run(run_id)
        return _run(row) if row else None

    def thread_runs(self, thread_id: str) -> list[Run]:
        return [self.local.get(r["run_id"]) or _run(r) for r in self.store.thread_runs(thread_id)]

    def start(self, question: str, *, owner: str, thread: Thread | None,
              stream_modes: tuple[str, ...] = ("values",), metadata: dict[str, Any] | None = None,
              input_messages: list[dict[str, Any]] | None = None, data_roots: tuple[Path, ...] = ()) -> Run:
        if self._admitted >= self.max_runs + self.max_queue:
            raise Busy
        run = Run(run_id=str(uuid.uuid4()), thread_id=thread.thread_id if thread else None, owner=owner,
                  question=question, stream_modes=stream_modes, metadata=dict(metadata or {}), local=True,
                  changed=asyncio.Event(), data_roots=data_roots)
        message = input_messages[-1] if input_messages else human_message(question)
        if thread is not None and not self.store.claim_thread(thread.thread_id, run.run_id, message, now_iso()):
            raise ThreadBusy
        self.store.insert_run({"run_id": run.run_id, "thread_id": run.thread_id, "owner": owner, "question": question,
                               "stream_modes": list(stream_modes), "metadata": run.metadata, "status": "pending",
                               "created_at": run.created_at, "updated_at": run.updated_at})
        self.local[run.run_id] = run
        self._admitted += 1
        self._publish(run, "metadata", {"run_id": run.run_id, "thread_id": run.thread_id, "attempt": 1})
        if "values" in stream_modes:
            messages = (thread.messages + [message]) if thread else [message]
            self._publish(run, "values", {"question": question, "messages": messages})
        run.task = asyncio.get_running_loop().create_task(self._execute(run))
        return run

    def _publish(self, run: Run, event: str, data: Any) -> None:
        seq = len(run.events)
        run.events.append(Event(seq, event, data))
        run.updated_at = now_iso()
        if self.store.shared:
            self.store.append_event(run.run_id, seq, event, data)
        run.changed.set()
        run.changed = asyncio.Event()

    def _set_status(self, run: Run, status: RunStatus) -> None:
        run.status = status
        fields: dict[str, Any] = {"status": status, "updated_at": now_iso(), "error": run.error}
        if run.results is not None:
            fields["results"] = run.results
        self.store.update_run(run.run_id, **fields)

    async def _watch_cancel_flag(self, run: Run) -> None:
        """Another worker may ask to cancel this run: it sets a flag in the shared store."""
        while not run.cancel.is_set():
            await asyncio.sleep(POLL_S * 2)
            row = await asyncio.to_thread(self.store.run, run.run_id)
            if row and row.get("cancel_requested"):
                run.cancel.set()

    async def _execute(self, run: Run) -> None:
        loop = asyncio.get_running_loop()
        watcher = loop.create_task(self._watch_cancel_flag(run)) if self.store.shared else None
        message = values = None
        try:
            async with self._slots:
                if run.cancel.is_set():
                    return
                self._set_status(run, "running")
                final = await loop.run_in_executor(self._pool, self._compute, run, loop)
            run.answer = ((final.get("answer") or {}).get("markdown")) or ""
            values = state_values(final)
            run.results = values.get("results") or []
            message = ai_message(run.answer, run.run_id)
            if final.get("failure"):
                failure = final["failure"]
                run.error = f"{failure.get('node')}: {failure.get('error')}"
            run.status = "interrupted" if final.get("cancelled") else ("error" if final.get("failure") else "success")
        except Exception as exc:  # a bug of ours: the stream says so instead of hanging
            run.status, run.error = "error", f"{type(exc).__name__}: {exc}"
        finally:
            if watcher is not None:
                watcher.cancel()
            self._admitted -= 1
            if run.status in ("pending", "running"):
                run.status = "interrupted"
            if run.thread_id is not None:
                messages = self.store.release_thread(run.thread_id, message, values, now_iso())
            else:
                messages = [human_message(run.question)] + ([message] if message else [])
            if values is not None and "values" in run.stream_modes:
                self._publish(run, "values", {**values, "messages": messages})
            if run.status == "error":
                self._publish(run, "error", {"error": "RunError", "message": run.error})
            self._set_status(run, run.status)
            self._publish(run, "end", {"run_id": run.run_id, "status": run.status})
            self._forget_old_runs()

    def _forget_old_runs(self) -> None:
        """A long-lived server must not keep every run's events: the oldest finished ones go first."""
        finished = [rid for rid, r in self.local.items() if r.done]
        for rid in finished[:max(0, len(self.local) - KEPT_RUNS)]:
            del self.local[rid]
            self.store.forget_run(rid)

    def _compute(self, run: Run, loop: asyncio.AbstractEventLoop) -> dict[str, Any]:
        """In a worker thread: the graph, its trace events handed to the loop as they happen."""
        from dsl.files import file_access
        from graphs.srs import run as srs_run

        def on_event(trace: dict) -> None:
            loop.call_soon_threadsafe(self._on_trace, run, trace)

        # a question that arrived over HTTP reads only its caller's data, whichever planner wrote its program
        with file_access(run.data_roots):
            if run.thread_id is None:
                return srs_run(run.question, on_event=on_event, cancel=run.cancel)
            with self.store.checkpointer() as saver:
                return srs_run(run.question, thread_id=run.thread_id, on_event=on_event, cancel=run.cancel,
                               checkpointer=saver)

    def _on_trace(self, run: Run, trace: dict) -> None:
        if "custom" in run.stream_modes:
            self._publish(run, "custom", {"trace": trace})
        if "updates" in run.stream_modes and trace.get("status") in ("end", "error"):
            self._publish(run, "updates", {trace["node"]: {"trace": [trace]}})

    async def follow(self, run: Run, after: int = -1) -> AsyncIterator[Event]:
        """Every event with seq > `after`, then new ones live, until the run's `end`."""
        index = after + 1
        if run.local:
            while True:
                waiter = run.changed
                while index < len(run.events):
                    yield run.events[index]
                    index += 1
                if run.done and index >= len(run.events):
                    return
                await waiter.wait()
        while True:  # computed by another worker: its events come from the shared store
            rows = await asyncio.to_thread(self.store.events_after, run.run_id, index - 1)
            for seq, event, data in rows:
                yield Event(seq, event, data)
                index = seq + 1
                if event == "end":
                    return
            await asyncio.sleep(POLL_S)

    async def wait(self, run: Run) -> Run:
        """Until the run is done, wherever it computes; the run as it ended."""
        async for _ in self.follow(run, len(run.events) - 1 if run.local else -1):
            pass
        return self.get_run(run.run_id) or run

    def cancel(self, run: Run) -> None:
        if run.local:
            run.cancel.set()
        else:
            self.store.update_run(run.run_id, cancel_requested=True)

    def final_values(self, run: Run) -> dict[str, Any] | None:
        events = run.events if run.local else [Event(*e) for e in self.store.events_after(run.run_id, -1)]
        return next((e.data for e in reversed(events) if e.event == "values"), None)

    def shutdown(self) -> None:
        for run in self.local.values():
            run.cancel.set()
        self._pool.shutdown(wait=False, cancel_futures=True)
        self.store.close()
