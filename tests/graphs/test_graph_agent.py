"""The agent as a user meets it: `havoc-agent ask`, threads, the chat-model seam, plots, bad input."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from langchain_core.language_models.fake_chat_models import FakeListChatModel

from graphs.srs import STAGES, run, thread_memory

REPO = Path(__file__).resolve().parents[2]


def cli(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "OMP_NUM_THREADS": "1"}
    return subprocess.run([sys.executable, "-m", "havoc_agent.cli", *args], capture_output=True, text=True,
                          input=stdin, cwd=REPO, env=env, timeout=300)


def test_ask_box_behnken_json() -> None:
    proc = cli("ask", "Design a Box-Behnken DOE", "--json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    for key in ("question", "mode", "plan", "results", "arguments", "decision", "audit", "answer", "trace"):
        assert key in data
    assert data["plan"]["planner"] == "nl_parser"
    design = next(r for r in data["results"] if r["tool"] == "doe_design")
    assert design["output"]["runs"] == 15
    coded = design["output"]["coded"]
    assert sum(all(v == 0 for v in row) for row in coded) == 3
    assert sum(sum(abs(v) == 1 for v in row) == 2 for row in coded) == 12
    assert data["audit"]["passed"]
    assert data["answer"]["citations"]
    nodes = [e["node"] for e in data["trace"] if e["status"] == "end"]
    assert nodes == list(STAGES)
    event = data["trace"][0]
    assert set(event) >= {"run_id", "node", "status", "ts", "started_at", "duration_ms", "summary", "detail"}


def test_ask_terminal_output_shows_stages_and_answer() -> None:
    proc = cli("ask", "What is the derivative of x^3 sin x")
    assert proc.returncode == 0, proc.stderr
    for stage in STAGES:
        assert stage in proc.stderr
    assert "cos" in proc.stdout and "Confidence" in proc.stdout


@pytest.mark.parametrize("question", ["", "   "])
def test_empty_question_is_bad_input(question: str) -> None:
    proc = cli("ask", question)
    assert proc.returncode == 2
    assert proc.stderr.strip().count("\n") == 0 and "question" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_unreadable_question_file() -> None:
    proc = cli("ask", "@/nonexistent/question.txt")
    assert proc.returncode == 2 and "cannot read" in proc.stderr


def test_bad_model_spec() -> None:
    proc = cli("ask", "Design a Box-Behnken DOE", "--model", "no_such_module:chat")
    assert proc.returncode == 2 and "--model" in proc.stderr


def test_graph_mermaid() -> None:
    proc = cli("graph")
    assert proc.returncode == 0
    assert "AUDIT -.-> PLAN" in proc.stdout and "ARBITER --> AUDIT" in proc.stdout


def test_user_dsl_is_used_as_is() -> None:
    state = run("```havoc\nderivative of x^2 by x\n```")
    assert state["plan"]["planner"] == "user_dsl"
    assert state["results"][0]["output"]["result"].replace(" ", "") == "2*x"


def test_user_dsl_syntax_error_is_reported() -> None:
    state = run("```havoc\ndesign box_behnken { factors }\n```")
    assert state["plan"] is None and state["plan_error"]
    assert "your DSL program does not parse" in state["answer"]["markdown"]


def test_chat_model_plans_when_configured() -> None:
    model = FakeListChatModel(responses=["```havoc\nderivative of x^3 by x\n```", "The derivative is shown above."])
    state = run("how fast does x cubed grow", model=model)
    assert state["plan"]["planner"] == "chat_model"
    assert state["results"][0]["tool"] == "differentiate"


def test_both_readers_are_run_and_compared() -> None:
    same = FakeListChatModel(responses=["```havoc\nderivative of x^3*sin(x) by x\n```", "narrative"])
    state = run("What is the derivative of x^3 sin x", model=same)
    assert [r["planner"] for r in state["readings"]] == ["nl_parser", "chat_model"]
    assert state["agreement"] == "agree" and state["readings"][1]["results"][0]["tool"] == "differentiate"
    other = FakeListChatModel(responses=["```havoc\nderivative of x^3 by x\n```", "narrative"])
    state = run("What is the derivative of x^3 sin x", model=other)
    assert state["agreement"] == "disagree" and state["plan"]["planner"] == "nl_parser"
    assert state["readings"][1]["results"][0]["output"] != state["readings"][0]["results"][0]["output"]
    assert any(a["topic"] == "reading" and a["stance"] == "con" and "x^3" in a["text"] for a in state["arguments"])
    assert run("What is the derivative of x^3 sin x")["agreement"] == "single"


def test_chat_model_invalid_program_falls_back_to_nl_parser() -> None:
    model = FakeListChatModel(responses=["this is not a program", "still not one", "narrative"])
    state = run("What is the derivative of x^3 sin x", model=model)
    assert state["plan"]["planner"] == "nl_parser"


def test_thread_follow_up(tmp_path: Path) -> None:
    with thread_memory(tmp_path / "threads.sqlite") as saver:
        first = run("Design a Box-Behnken DOE", thread_id="t1", checkpointer=saver)
        assert first["results"][0]["output"]["runs"] == 15
        second = run("now with 5 centre points", thread_id="t1", checkpointer=saver)
    design = second["results"][0]
    assert design["tool"] == "doe_design" and design["output"]["runs"] == 17
    assert len([e for e in second["trace"] if e["node"] == "MODE" and e["status"] == "end"]) == 1


def test_plots_written(tmp_path: Path) -> None:
    proc = cli("ask", "Design a Box-Behnken DOE", "--plots", str(tmp_path), "--json")
    assert proc.returncode == 0, proc.stderr
    pngs = list(tmp_path.glob("*.png"))
    assert pngs and all(p.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" for p in pngs)


def test_failed_audit_sends_plan_back_for_another_route(monkeypatch: pytest.MonkeyPatch) -> None:
    from graphs import audit_checks

    calls = {"n": 0}
    real = audit_checks.AUDITORS["differentiate"]

    def fail_first(args: dict, out: dict) -> list[dict]:
        calls["n"] += 1
        if calls["n"] == 1:
            return [{"name": "forced", "passed": False, "detail": "deliberately failed once"}]
        return real(args, out)

    monkeypatch.setitem(audit_checks.AUDITORS, "differentiate", fail_first)
    program = "```havoc\nderivative of sin(x)*x^3 by x\n```"  # the same question, written another way
    model = FakeListChatModel(responses=[program, program, "narrative"])
    state = run("What is the derivative of x^3 sin x", model=model)
    plans = [e for e in state["trace"] if e["node"] == "PLAN" and e["status"] == "end"]
    assert len(plans) == 2 and plans[1]["detail"]["audit_feedback"].startswith("differentiate: forced")
    # the rules' plan failed the audit: the revision takes the chat model's reading
    assert state["plan"]["planner"] == "chat_model" and state["revisions"] == 1
    assert state["audit_passed"]


def test_cancel_stops_a_runaway_integral() -> None:
    import threading
    import time

    from tools.worker import worker_pids

    cancel = threading.Event()
    started = {}

    def on_event(event: dict) -> None:  # cancel 1.5 s into EXECUTE, while the integral runs
        if event["node"] == "EXECUTE" and event["status"] == "start":
            started["t"] = time.monotonic()
            threading.Timer(1.5, cancel.set).start()

    state = run("```havoc\nintegral of exp(x^7)*sin(x^5)/log(x+2)^3 by x\n```", cancel=cancel, on_event=on_event)
    assert time.monotonic() - started["t"] < 6, "the integral kept running after cancel (its timeout is 10 s)"
    assert state["execution_error"] == "the run was cancelled"
    assert state["cancelled"] and not state.get("failure")
    assert "cancelled" in state["answer"]["markdown"]
    assert not [e for e in state["trace"] if e["node"] == "ARGUE"], "stages ran after the cancel"
    execute = next(e for e in state["trace"] if e["node"] == "EXECUTE" and e["status"] == "end")
    pid = execute["detail"]["worker_pid"]
    assert pid and pid not in worker_pids()
    time.sleep(0.5)
    with pytest.raises(ProcessLookupError):  # the process that ran the integral is gone
        os.kill(pid, 0)
