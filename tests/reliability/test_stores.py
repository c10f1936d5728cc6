"""Stores under concurrency and damage: nothing lost, damage named, doctor repairs, read-only homes read."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from havoc_agent.cli import main

REPO = Path(__file__).resolve().parents[2]
TRIALS = int(os.environ.get("HAVOC_RELIABILITY_TRIALS", "3"))  # bench/reliability_bench.py runs 10 of each

# one writer process: opens the store (creating it when fresh) and adds one passage under the ingest lock,
# with a fixed vector (the race is in creating and writing the store, not in the embedding model)
WRITER = """
import sys
from knowledge.ingest import ingest_lock, record_sources
from knowledge.store import get_store
key = sys.argv[1]
store = get_store()
with ingest_lock():
    store.add([key], [[1.0] + [0.0] * 383], [f"passage {key}"], [{"source_key": key}])
    store.update_meta()
    record_sources([key])
"""


def _env(home: Path) -> dict[str, str]:
    return {**os.environ, "HAVOC_HOME": str(home), "PYTHONPATH": str(REPO), "OMP_NUM_THREADS": "1"}


def _parallel_writers(home: Path, keys: list[str]) -> None:
    procs = [subprocess.Popen([sys.executable, "-c", WRITER, key], env=_env(home), stderr=subprocess.PIPE, text=True)
             for key in keys]
    for proc in procs:
        _, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err[-2000:]


def _stored_keys(home: Path) -> set[str]:
    code = ("from knowledge.store import get_store\n"
            "print('\\n'.join(r.id for r in get_store().records(include_text=False)))")
    out = subprocess.run([sys.executable, "-c", code], env=_env(home), capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr[-2000:]
    return set(out.stdout.split())


@pytest.mark.parametrize("warm", [False, True], ids=["fresh", "warm"])
def test_parallel_writers_lose_nothing(tmp_path: Path, warm: bool) -> None:
    for trial in range(TRIALS):
        home = tmp_path / f"home{trial}"
        if warm:
            _parallel_writers(home, [f"warm-{trial}"])
        keys = [f"t{trial}-a", f"t{trial}-b"]
        _parallel_writers(home, keys)
        assert set(keys) <= _stored_keys(home), f"trial {trial}: a write was lost"


def _damage(path: Path) -> None:
    path.write_bytes(b"this is not a database " * 200)


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture()
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "home"
    _parallel_writers(home, ["/docs/mine.md"])
    monkeypatch.setenv("HAVOC_HOME", str(home))
    from havoc_agent.doctor import _forget_open_store

    _forget_open_store()
    yield home
    _forget_open_store()


def test_a_damaged_store_is_named_then_repaired(home: Path, capsys) -> None:
    _damage(home / "chroma" / "chroma.sqlite3")
    code, _, err = _run(capsys, "knowledge", "search", "anything")
    assert code == 2 and "knowledge store" in err and "doctor --repair" in err
    assert len(err.strip().splitlines()) == 1
    code, out, _ = _run(capsys, "doctor")
    assert code == 1 and "BAD   knowledge store" in out
    code, out, _ = _run(capsys, "doctor", "--repair")
    assert code == 0, out
    assert "moved aside to chroma.damaged-" in out and "rebuilt with the built-in corpus" in out
    assert "havoc-agent knowledge ingest /docs/mine.md" in out  # the user is told what to add again
    assert any(p.name.startswith("chroma.damaged-") for p in home.iterdir())
    code, out, _ = _run(capsys, "doctor")
    assert code == 0 and "sound" in out
    code, out, _ = _run(capsys, "knowledge", "search", "control chart limits")
    assert code == 0 and "[1]" in out


def test_damaged_thread_memory_is_named_then_repaired(home: Path, capsys) -> None:
    _damage(home / "threads.sqlite")
    code, _, err = _run(capsys, "ask", "--thread", "t1", "mean of 1 2 3")
    assert code == 2 and "thread memory" in err and "doctor --repair" in err
    code, out, _ = _run(capsys, "doctor", "--repair")
    assert code == 0 and "threads.sqlite.damaged-" in out
    code, _, err = _run(capsys, "ask", "--thread", "t1", "mean of 1 2 3")
    assert code == 0, err


def test_a_home_below_a_regular_file_is_one_line(tmp_path: Path, monkeypatch, capsys) -> None:
    (tmp_path / "file").write_text("x")
    monkeypatch.setenv("HAVOC_HOME", str(tmp_path / "file" / "home"))
    code, _, err = _run(capsys, "knowledge", "search", "x")
    assert code == 2 and err.startswith("error: HAVOC_HOME: ") and "regular file" in err


def _read_only(src: Path, dst: Path) -> bool:
    """A read-only view of `src` at `dst` (a read-only bind mount as root, else permissions)."""
    dst.mkdir()
    if os.geteuid() != 0:
        for p in [src, *src.rglob("*")]:
            p.chmod(p.stat().st_mode & ~0o222)
        dst.rmdir()
        dst.symlink_to(src)
        return True
    ok = subprocess.run(["mount", "--bind", str(src), str(dst)], capture_output=True).returncode == 0
    return ok and subprocess.run(["mount", "-o", "remount,ro,bind", str(dst)], capture_output=True).returncode == 0


def test_a_read_only_home_serves_reads_and_names_what_it_cannot_write(home: Path, tmp_path: Path,
                                                                       monkeypatch, capsys) -> None:
    assert _run(capsys, "knowledge", "search", "control chart")[0] == 0  # built while writable
    view = tmp_path / "ro"
    if not _read_only(home, view):
        pytest.skip("cannot make a read-only view here")
    try:
        from havoc_agent.doctor import _forget_open_store

        _forget_open_store()
        monkeypatch.setenv("HAVOC_HOME", str(view))
        code, out, err = _run(capsys, "knowledge", "search", "control chart limits")
        assert code == 0 and "[1]" in out, err
        code, _, err = _run(capsys, "knowledge", "ingest", str(tmp_path))
        assert code == 2 and "read-only: cannot ingest documents" in err
        code, _, err = _run(capsys, "ask", "--thread", "t", "mean of 1 2 3")
        assert code == 2 and "read-only: cannot keep thread memory" in err
        assert _run(capsys, "ask", "mean of 1 2 3")[0] == 0
    finally:
        if os.geteuid() == 0:
            subprocess.run(["umount", str(view)], capture_output=True)


# a process that holds the writer's lock for a while, as an ingest of the built-in corpus does
HOLDER = """
import sys, time
from knowledge.ingest import ingest_lock
with ingest_lock():
    print("held", flush=True)
    time.sleep(float(sys.argv[1]))
"""


def test_a_reader_never_waits_for_another_process_writer(tmp_path: Path) -> None:
    """Retrieval with a stale built-in corpus must not block on the lock of a process bringing it up to date
    (waiting there, while holding the store open, deadlocked three processes on one home)."""
    import time

    home = tmp_path / "home"
    code = "from knowledge import retrieve\nprint(len(retrieve('x-bar chart limits', k=2)))"
    build = subprocess.run([sys.executable, "-c", code], env=_env(home), capture_output=True, text=True, timeout=600)
    assert build.returncode == 0, build.stderr[-2000:]
    stale = ("from knowledge.store import get_store\nget_store().update_meta(builtin_manifest='stale')")
    subprocess.run([sys.executable, "-c", stale], env=_env(home), check=True, timeout=300)
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, "60"], env=_env(home), stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        started = time.monotonic()
        reader = subprocess.run([sys.executable, "-c", code], env=_env(home), capture_output=True, text=True,
                                timeout=120)
        assert reader.returncode == 0, reader.stderr[-2000:]
        assert int(reader.stdout.strip()) == 2  # the passages already stored answer it
        assert time.monotonic() - started < 45, "the reader waited for the writer"
    finally:
        holder.kill()
