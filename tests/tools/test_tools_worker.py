"""The worker process runner: results come back, errors keep their kind, time-outs and cancels kill."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from tools import worker
from tools.errors import HavocInputError
from tools.safe_expr import parse
from tools.worker import (
    ToolCancelledError,
    ToolTimeoutError,
    WorkerCrashedError,
    cancellation,
    run_with_timeout,
)


def _gone(pid: int, wait_s: float = 10.0) -> bool:
    """True once no process `pid` exists (killed and reaped)."""
    end = time.monotonic() + wait_s
    while time.monotonic() < end:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        stat = Path(f"/proc/{pid}/stat")
        if stat.exists() and stat.read_text().split(")")[-1].split()[0] == "Z":
            return True  # a zombie runs nothing; its parent (the fork server) reaps it
        time.sleep(0.05)
    return False


def _spawn_sleeper_and_hang(pid_file: str) -> None:
    """Start a grandchild, tell the test its pid, then hang: the kill must reach both."""
    child = subprocess.Popen(["sleep", "60"])
    Path(pid_file).write_text(f"{os.getpid()} {child.pid}")
    time.sleep(60)


def test_result_comes_back_and_worker_is_reused() -> None:
    assert run_with_timeout(pow, 2, 10, timeout=30) == 1024
    first = run_with_timeout(os.getpid, timeout=30)
    second = run_with_timeout(os.getpid, timeout=30)
    assert first == second != os.getpid()
    assert first in worker.worker_pids()


def test_keyword_arguments_pass_through() -> None:
    assert run_with_timeout(int, "ff", base=16, timeout=30) == 255


def test_input_errors_keep_message_and_field() -> None:
    with pytest.raises(HavocInputError) as info:
        run_with_timeout(parse, "foo(x)", "equations[2]", timeout=30)
    assert str(info.value) == "equations[2]: unknown function 'foo' at column 1"
    assert info.value.field == "equations[2]"


def test_other_errors_come_back_as_themselves() -> None:
    with pytest.raises(ValueError, match="invalid literal"):
        run_with_timeout(int, "not a number", timeout=30)
    # and the worker that raised is still fine for the next call
    assert run_with_timeout(abs, -3, timeout=30) == 3


def test_timeout_kills_the_worker_quickly() -> None:
    start = time.monotonic()
    with pytest.raises(ToolTimeoutError) as info:
        run_with_timeout(time.sleep, 60, timeout=0.5, label="integrate")
    assert str(info.value) == "integrate timed out after 0.5 s"
    assert isinstance(info.value, HavocInputError)
    assert time.monotonic() - start < 30  # nowhere near the 60 s the call wanted
    assert info.value.worker_pid is not None
    assert _gone(info.value.worker_pid)
    assert info.value.worker_pid not in worker.worker_pids()
    assert run_with_timeout(abs, -1, timeout=30) == 1  # the pool carries on


def test_kill_reaches_processes_the_worker_started(tmp_path: Path) -> None:
    pid_file = tmp_path / "pids"
    with pytest.raises(ToolTimeoutError):
        run_with_timeout(_spawn_sleeper_and_hang, str(pid_file), timeout=3)
    worker_pid, grandchild = (int(p) for p in pid_file.read_text().split())
    assert _gone(worker_pid)
    assert _gone(grandchild)


def test_workers_exit_when_their_parent_dies() -> None:
    """kill -9 of the agent must not leave a runaway computation behind."""
    code = (
        "import threading, time\n"
        "from tools import worker\n"
        "threading.Thread(target=lambda: worker.run_with_timeout(time.sleep, 60, timeout=100), daemon=True).start()\n"
        "while not worker.worker_pids(): time.sleep(0.05)\n"
        "print(worker.worker_pids()[0], flush=True)\n"
        "time.sleep(60)\n"
    )
    repo = Path(__file__).resolve().parents[2]
    proc = subprocess.Popen([sys.executable, "-c", code], cwd=repo, stdout=subprocess.PIPE, text=True)
    try:
        pid = int(proc.stdout.readline())
        assert not _gone(pid, wait_s=0.2)  # it is running the sleep
    finally:
        proc.kill()
        proc.wait()
    assert _gone(pid)


def test_cancel_event_stops_the_run() -> None:
    cancel = threading.Event()
    threading.Timer(0.3, cancel.set).start()
    start = time.monotonic()
    with pytest.raises(ToolCancelledError) as info:
        run_with_timeout(time.sleep, 60, timeout=50, cancel=cancel)
    assert time.monotonic() - start < 30
    assert _gone(info.value.worker_pid)


def test_ambient_cancellation_reaches_nested_calls() -> None:
    event = threading.Event()
    with cancellation(event):
        threading.Timer(0.3, event.set).start()
        with pytest.raises(ToolCancelledError):
            run_with_timeout(time.sleep, 60, timeout=50)
        with pytest.raises(ToolCancelledError):  # already set: nothing starts
            run_with_timeout(abs, 1, timeout=50)
    assert run_with_timeout(abs, -2, timeout=30) == 2  # outside the scope, no cancel


def test_cancellation_is_per_thread_context() -> None:
    seen: list[object] = []

    def other_thread() -> None:
        seen.append(run_with_timeout(abs, -5, timeout=30))

    event = threading.Event()
    event.set()
    with cancellation(event):
        thread = threading.Thread(target=other_thread)
        thread.start()
        thread.join()
    assert seen == [5]


def test_crash_is_reported_not_hung() -> None:
    with pytest.raises(WorkerCrashedError, match="died without answering"):
        run_with_timeout(os._exit, 7, timeout=30)


def test_memory_cap(monkeypatch: pytest.MonkeyPatch) -> None:
    worker.shutdown()  # the next worker starts with the smaller cap
    monkeypatch.setenv("HAVOC_WORKER_MEMORY_MB", "256")
    with pytest.raises(HavocInputError, match="ran out of memory"):
        run_with_timeout(bytearray, 4 * 2**30, timeout=30, label="expand")
    worker.shutdown()


def test_a_whole_tool_run_can_go_to_a_worker() -> None:
    """How the graph runs any tool (SciPy ones too) under a limit; nested calls inside run inline."""
    from tools.registry import run_tool

    out = run_with_timeout(run_tool, "differentiate", {"expression": "x^2"}, timeout=60, label="differentiate")
    assert out["result"] == "2*x"


def test_preload_list_is_fixed_once_workers_exist() -> None:
    run_with_timeout(abs, 1, timeout=60)
    with pytest.raises(RuntimeError, match="before the first worker"):
        worker.add_preload(["json"])


def test_bad_timeout_is_a_programming_error() -> None:
    with pytest.raises(ValueError):
        run_with_timeout(abs, 1, timeout=0)
    with pytest.raises(ValueError):
        run_with_timeout(abs, 1, timeout=float("nan"))


def test_clamp_timeout() -> None:
    assert worker.clamp_timeout(None) == worker.DEFAULT_TIMEOUT_S
    assert worker.clamp_timeout(5) == 5.0
    for bad in (0, -1, 61, float("inf"), True, "5"):
        with pytest.raises(HavocInputError, match="^timeout_s: "):
            worker.clamp_timeout(bad)  # type: ignore[arg-type]


def test_parallel_calls_each_get_a_worker() -> None:
    results: list[int] = []
    lock = threading.Lock()

    def call(n: int) -> None:
        value = run_with_timeout(pow, n, 2, timeout=60)
        with lock:
            results.append(value)

    threads = [threading.Thread(target=call, args=(n,)) for n in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(results) == [0, 1, 4, 9, 16, 25]


def test_a_script_without_a_main_guard_runs_once(tmp_path: Path) -> None:
    """multiprocessing re-imports a script's __main__ in forkserver/spawn children; our workers must not."""
    repo = Path(__file__).resolve().parents[2]
    script = tmp_path / "unguarded.py"
    script.write_text(
        "from tools.worker import run_with_timeout\n"
        "print('BODY', flush=True)\n"
        "print('RESULT', run_with_timeout(abs, -4, timeout=60), flush=True)\n",
        encoding="utf-8",
    )
    out = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=120, cwd=repo,
                         env={**os.environ, "PYTHONPATH": str(repo)})
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.count("BODY") == 1, out.stdout
    assert "RESULT 4" in out.stdout
