"""Where threads, runs and run events live: this process (one worker) or PostgreSQL (any number).

With `HAVOC_DATABASE_URL` every worker reads and writes the same tables, so any worker can answer
for a thread, replay or join a run another worker computes (by polling its events), or cancel it
(a flag the computing worker polls). Thread memory then is LangGraph's Postgres checkpointer in the
same database. Without it, everything stays in the one process and thread memory is the graph's
SQLite checkpointer under $HAVOC_HOME.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from havoc_agent import jsonio

RUN_FIELDS = ("run_id", "thread_id", "owner", "question", "stream_modes", "metadata", "status", "created_at",
              "updated_at", "error", "cancel_requested", "results")
THREAD_FIELDS = ("thread_id", "owner", "metadata", "created_at", "updated_at", "messages", "values",
                 "active_run")


def _json(value: Any) -> str:
    return jsonio.dumps(value, indent=None)


class MemoryStore:
    """One process: plain dictionaries behind a lock (run threads and the event loop both write)."""

    shared = False

    def __init__(self) -> None:
        self.threads: dict[str, dict[str, Any]] = {}
        self.runs: dict[str, dict[str, Any]] = {}
        self.events: dict[str, list[tuple[int, str, Any]]] = {}
        self._lock = threading.Lock()

    def insert_thread(self, row: dict[str, Any]) -> bool:
        with self._lock:
            if row["thread_id"] in self.threads:
                return False
            self.threads[row["thread_id"]] = dict(row)
            return True

    def thread(self, thread_id: str) -> dict[str, Any] | None:
        with self._lock:
            row = self.threads.get(thread_id)
            return dict(row) if row else None

    def claim_thread(self, thread_id: str, run_id: str, message: dict, now: str) -> bool:
        with self._lock:
            row = self.threads[thread_id]
            if row["active_run"] is not None:
                return False
            row.update(active_run=run_id, messages=[*row["messages"], message], updated_at=now)
            return True

    def release_thread(self, thread_id: str, message: dict | None, values: dict | None, now: str) -> list[dict]:
        with self._lock:
            row = self.threads[thread_id]
            if message is not None:
                row["messages"] = [*row["messages"], message]
            if values is not None:
                row["values"] = values
            row.update(active_run=None, updated_at=now)
            return list(row["messages"])

    def insert_run(self, row: dict[str, Any]) -> None:
        with self._lock:
            self.runs[row["run_id"]] = dict(row)
            self.events[row["run_id"]] = []

    def run(self, run_id: str) -> dict[str, Any] | None:
        with self._lock:
            row = self.runs.get(run_id)
            return dict(row) if row else None

    def thread_runs(self, thread_id: str) -> list[dict[str, Any]]:
        with self._lock:
            return [dict(r) for r in self.runs.values() if r["thread_id"] == thread_id][::-1]

    def update_run(self, run_id: str, **values: Any) -> None:
        with self._lock:
            self.runs[run_id].update(values)

    def append_event(self, run_id: str, seq: int, event: str, data: Any) -> None:
        with self._lock:
            self.events[run_id].append((seq, event, data))

    def forget_run(self, run_id: str) -> None:
        with self._lock:
            self.runs.pop(run_id, None)
            self.events.pop(run_id, None)

    def events_after(self, run_id: str, after: int) -> list[tuple[int, str, Any]]:
        with self._lock:
            return [e for e in self.events.get(run_id, []) if e[0] > after]

    @contextmanager
    def checkpointer(self) -> Iterator[Any]:
        from graphs.srs import thread_memory

        with thread_memory() as saver:
            yield saver

    def close(self) -> None:
        pass


SCHEMA = """
create table if not exists havoc_threads (
    thread_id text primary key, owner text not null, metadata jsonb not null, created_at text not null,
    updated_at text not null, messages jsonb not null, "values" jsonb, active_run text);
create table if not exists havoc_runs (
    run_id text primary key, thread_id text, owner text not null, question text not null,
    stream_modes jsonb not null, metadata jsonb not null, status text not null, created_at text not null,
    updated_at text not null, error text, cancel_requested boolean not null default false, results jsonb);
create index if not exists havoc_runs_thread on havoc_runs (thread_id);
create table if not exists havoc_run_events (
    run_id text not null, seq integer not null, event text not null, data jsonb, primary key (run_id, seq));
"""


class PostgresStore:
    """Every worker shares these tables; a connection pool serves the loop and the run threads."""

    shared = True

    def __init__(self, url: str) -> None:
        from langgraph.checkpoint.postgres import PostgresSaver
        from psycopg.rows import dict_row
        from psycopg_pool import ConnectionPool

        self.pool = ConnectionPool(url, min_size=1, max_size=8, open=True,
                                   kwargs={"autocommit": True, "row_factory": dict_row, "prepare_threshold": None})
        with self.pool.connection() as conn:
            # workers start together: one migrates at a time. Polled, not a blocking lock: a statement
            # waiting on the lock would hold a snapshot that the saver's CREATE INDEX CONCURRENTLY waits for.
            while not conn.execute("select pg_try_advisory_lock(7240312) as got").fetchone()["got"]:
                time.sleep(0.1)
            try:
                conn.execute(SCHEMA)
                self.saver = PostgresSaver(self.pool)
                self.saver.setup()
            finally:
                conn.execute("select pg_advisory_unlock(7240312)")

    def _one(self, sql: str, params: tuple) -> dict[str, Any] | None:
        with self.pool.connection() as conn:
            return conn.execute(sql, params).fetchone()

    def _exec(self, sql: str, params: tuple) -> int:
        with self.pool.connection() as conn:
            return conn.execute(sql, params).rowcount

    def insert_thread(self, row: dict[str, Any]) -> bool:
        return self._exec(
            'insert into havoc_threads (thread_id, owner, metadata, created_at, updated_at, messages, "values", '
            "active_run) values (%s, %s, %s::jsonb, %s, %s, %s::jsonb, %s::jsonb, %s) on conflict do nothing",
            (row["thread_id"], row["owner"], _json(row["metadata"]), row["created_at"], row["updated_at"],
             _json(row["messages"]), _json(row["values"]), row["active_run"])) == 1

    def thread(self, thread_id: str) -> dict[str, Any] | None:
        return self._one("select * from havoc_threads where thread_id = %s", (thread_id,))

    def claim_thread(self, thread_id: str, run_id: str, message: dict, now: str) -> bool:
        return self._exec(
            "update havoc_threads set active_run = %s, messages = messages || %s::jsonb, updated_at = %s "
            "where thread_id = %s and active_run is null",
            (run_id, _json([message]), now, thread_id)) == 1

    def release_thread(self, thread_id: str, message: dict | None, values: dict | None, now: str) -> list[dict]:
        row = self._one(
            'update havoc_threads set messages = messages || %s::jsonb, "values" = coalesce(%s::jsonb, "values"), '
            "active_run = null, updated_at = %s where thread_id = %s returning messages",
            (_json([message] if message else []), _json(values) if values is not None else None, now, thread_id))
        return list(row["messages"]) if row else []

    def insert_run(self, row: dict[str, Any]) -> None:
        self._exec(
            "insert into havoc_runs (run_id, thread_id, owner, question, stream_modes, metadata, status, created_at, "
            "updated_at) values (%s, %s, %s, %s, %s::jsonb, %s::jsonb, %s, %s, %s)",
            (row["run_id"], row["thread_id"], row["owner"], row["question"], _json(row["stream_modes"]),
             _json(row["metadata"]), row["status"], row["created_at"], row["updated_at"]))

    def run(self, run_id: str) -> dict[str, Any] | None:
        return self._one("select * from havoc_runs where run_id = %s", (run_id,))

    def thread_runs(self, thread_id: str) -> list[dict[str, Any]]:
        with self.pool.connection() as conn:
            return conn.execute("select * from havoc_runs where thread_id = %s order by created_at desc",
                                (thread_id,)).fetchall()

    def update_run(self, run_id: str, **values: Any) -> None:
        sets, params = [], []
        for key, value in values.items():
            sets.append(f"{key} = %s::jsonb" if key == "results" else f"{key} = %s")
            params.append(_json(value) if key == "results" else value)
        self._exec(f"update havoc_runs set {', '.join(sets)} where run_id = %s", (*params, run_id))

    def append_event(self, run_id: str, seq: int, event: str, data: Any) -> None:
        self._exec("insert into havoc_run_events (run_id, seq, event, data) values (%s, %s, %s, %s::jsonb)",
                   (run_id, seq, event, _json(data)))

    def forget_run(self, run_id: str) -> None:
        """The tables keep every run: any worker may still be asked for it."""

    def events_after(self, run_id: str, after: int) -> list[tuple[int, str, Any]]:
        with self.pool.connection() as conn:
            rows = conn.execute("select seq, event, data from havoc_run_events where run_id = %s and seq > %s "
                                "order by seq", (run_id, after)).fetchall()
        return [(r["seq"], r["event"], r["data"]) for r in rows]

    @contextmanager
    def checkpointer(self) -> Iterator[Any]:
        yield self.saver

    def close(self) -> None:
        self.pool.close()


def open_store(url: str | None) -> MemoryStore | PostgresStore:
    return PostgresStore(url) if url else MemoryStore()

