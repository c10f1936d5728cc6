"""The SRS reasoning graph: eight stages as LangGraph nodes over `AgentState`.

    MODE → GROUND → PLAN → EXECUTE → ARGUE → ARBITER → AUDIT ─┬→ ANSWER
                      ▲                                      │
                      └──── audit failed (≤ MAX_REVISIONS) ──┘

`run(question)` is the one way to ask: it streams LangGraph's `custom` (our trace
events), `updates` and `tasks` modes, calls `on_event` for each trace event, and
returns the final state. Thread memory is a SQLite checkpointer under
$HAVOC_HOME (a thread id continues a conversation).
"""

from __future__ import annotations

import signal
import sqlite3
import threading
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from langgraph.errors import GraphRecursionError
from langgraph.graph import END, START, StateGraph

from graphs.stages.answer import answer_stage
from graphs.stages.arbiter import arbiter_stage
from graphs.stages.argue import argue_stage
from graphs.stages.audit import audit_stage
from graphs.stages.execute import execute_stage
from graphs.stages.ground import ground_stage
from graphs.stages.mode import mode_stage
from graphs.stages.plan import plan_stage
from graphs.state import MAX_REVISIONS, RESET, AgentState, Answer

STAGES = ("MODE", "GROUND", "PLAN", "EXECUTE", "ARGUE", "ARBITER", "AUDIT", "ANSWER")
# 8 stages + 2 revisions × 5 stages (PLAN…AUDIT) + headroom
RECURSION_LIMIT = len(STAGES) + MAX_REVISIONS * 5 + 4


def after_audit(state: AgentState) -> str:
    """Back to PLAN with the audit's reason while another planner can try; else ANSWER says it failed.

    A user's DSL can give way to the readers; the rule parser's plan only to a chat model's reading
    that differs from it (re-running the same deterministic planner would only repeat the mistake).
    """
    plan = state.get("plan") or {}
    planner = plan.get("planner")
    other_reading = any(r.get("planner") == "chat_model" and r.get("program") != plan.get("program")
                        for r in state.get("readings") or [])
    if (state.get("audit_feedback") and state.get("revisions", 0) <= MAX_REVISIONS and not state.get("failure")
            and (planner in ("user_dsl", "chat_model") or (planner == "nl_parser" and other_reading))):
        return "PLAN"
    return "ANSWER"


def build_graph(checkpointer=None):
    graph = StateGraph(AgentState)
    for name, fn in zip(STAGES, (mode_stage, ground_stage, plan_stage, execute_stage, argue_stage,
                                 arbiter_stage, audit_stage, answer_stage), strict=True):
        graph.add_node(name, fn)
    graph.add_edge(START, "MODE")
    for a, b in zip(STAGES[:6], STAGES[1:7], strict=True):
        graph.add_edge(a, b)
    graph.add_conditional_edges("AUDIT", after_audit, {"PLAN": "PLAN", "ANSWER": "ANSWER"})
    graph.add_edge("ANSWER", END)
    return graph.compile(checkpointer=checkpointer)


def mermaid() -> str:
    return build_graph().get_graph().draw_mermaid()


@contextmanager
def thread_memory(path: Path | None = None):
    """The SQLite checkpointer under $HAVOC_HOME (the Postgres saver is the path past one machine)."""
    from langgraph.checkpoint.sqlite import SqliteSaver

    from knowledge.store import check_sqlite, creation_lock

    if path is None:
        from knowledge.settings import home, require_writable

        path = home() / "threads.sqlite"
        require_writable("keep thread memory (ask without --thread)")
    check_sqlite(path, "the thread memory")  # damaged: one line naming the file and the repair
    with creation_lock():  # two first runs at once must not both create the tables
        conn = sqlite3.connect(str(path), check_same_thread=False, timeout=30)
        try:
            saver = SqliteSaver(conn)
            saver.setup()
        except sqlite3.DatabaseError as exc:
            conn.close()
            from knowledge.store import damaged

            raise damaged("the thread memory", path, exc) from None
    try:
        yield saver
    finally:
        conn.close()


def initial_state(question: str, run_id: str) -> dict[str, Any]:
    return {
        "run_id": run_id, "question": question, "trace": [RESET], "arguments": [RESET],
        "audit_checks": [RESET], "revisions": 0, "audit_feedback": None, "plan": None, "plan_error": None,
        "results": [], "execution_error": None, "alternatives": [], "decision": None, "answer": None,
        "failure": None, "intents": [], "unaudited": [], "passages": [],
    }


@contextmanager
def _ctrl_c_cancels(event: threading.Event) -> Iterator[None]:
    """On the main thread, Ctrl-C also sets the run's cancellation event.

    Why: the graph runs a stage on an executor thread, and on KeyboardInterrupt LangGraph waits
    for that thread; a tool computing there would hold the exit until its own time limit (10 s).
    With the event set, the tool's worker process is killed and the interrupt comes through at once.
    """
    if threading.current_thread() is not threading.main_thread() \
            or signal.getsignal(signal.SIGINT) is not signal.default_int_handler:
        yield
        return

    def interrupted(signum: int, frame: object) -> None:
        event.set()
        signal.default_int_handler(signum, frame)

    signal.signal(signal.SIGINT, interrupted)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, signal.default_int_handler)


def run(question: str, *, thread_id: str | None = None, model=None,
        on_event: Callable[[dict], None] | None = None, checkpointer=None,
        cancel: threading.Event | None = None) -> dict[str, Any]:
    """Answer one question; returns the final state (with `trace`).

    With a `thread_id` the run remembers the thread's earlier questions ("now with 5 centre points"):
    in `checkpointer` when one is given, else in the SQLite thread memory under $HAVOC_HOME.
    Setting `cancel` stops the run for real: a tool running in a worker process is killed, the
    remaining stages see no result, and the answer says it was cancelled.
    """
    from tools.worker import cancellation

    if thread_id is not None and checkpointer is None:
        with thread_memory() as saver:
            return run(question, thread_id=thread_id, model=model, on_event=on_event, checkpointer=saver,
                       cancel=cancel)
    run_id = uuid.uuid4().hex[:12]
    config: dict[str, Any] = {"recursion_limit": RECURSION_LIMIT, "configurable": {"model": model}}
    if thread_id is not None:
        config["configurable"]["thread_id"] = thread_id
    graph = build_graph(checkpointer)
    final: dict[str, Any] = {}
    try:
        with cancellation(cancel) as event, _ctrl_c_cancels(event):
            for mode, chunk in graph.stream(initial_state(question, run_id), config,
                                            stream_mode=["custom", "updates", "values"]):
                if mode == "values":
                    final = chunk
                    if cancel is not None and cancel.is_set():
                        break  # no further stage is scheduled
                elif mode == "custom" and isinstance(chunk, dict) and "trace" in chunk and on_event:
                    on_event(chunk["trace"])
    except GraphRecursionError as exc:
        final = {**final, "failure": {"node": "graph", "error": f"recursion limit reached: {exc}"}}
    if cancel is not None and cancel.is_set():
        final = {**final, "cancelled": True,
                 "answer": Answer(markdown="**The run was cancelled.**", confidence=0.0,
                                  caveats=["cancelled before it finished"]).model_dump()}
    return {**final, "run_id": run_id}
