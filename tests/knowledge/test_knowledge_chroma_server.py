"""The scale-out path: HAVOC_CHROMA_URL points retrieval at a `chroma run` server."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from knowledge import admin
from knowledge.retrieval import retrieve
from tools.errors import HavocInputError

CHROMA = Path(sys.executable).parent / "chroma"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def chroma_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    if not CHROMA.exists() and not shutil.which("chroma"):
        pytest.skip("the chroma CLI is not installed")
    port = free_port()
    data = tmp_path_factory.mktemp("chroma-server")
    process = subprocess.Popen(
        [str(CHROMA if CHROMA.exists() else shutil.which("chroma")), "run", "--path", str(data), "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://localhost:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{url}/api/v2/heartbeat", timeout=1):
                    break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    pytest.skip("chroma server did not start")
                time.sleep(0.3)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


def test_retrieval_through_a_chroma_server(chroma_server: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HAVOC_HOME", str(tmp_path))
    monkeypatch.setenv("HAVOC_CHROMA_URL", chroma_server)
    hits = retrieve("Plackett-Burman screening", k=3)
    assert hits[0].source == "plackett-burman.md"
    stats = admin.stats()
    assert stats.backend == "http" and stats.location == chroma_server
    assert stats.builtin_current and stats.chunks > 250
    assert not (tmp_path / "chroma").exists()  # nothing embedded locally


def test_an_unreachable_server_is_a_one_line_input_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HAVOC_HOME", str(tmp_path))
    monkeypatch.setenv("HAVOC_CHROMA_URL", f"http://127.0.0.1:{free_port()}")
    with pytest.raises(HavocInputError) as info:
        retrieve("anything")
    assert str(info.value).startswith("HAVOC_CHROMA_URL: cannot reach Chroma")
    monkeypatch.setenv("HAVOC_CHROMA_URL", "ftp://example")
    with pytest.raises(HavocInputError, match="not an http"):
        retrieve("anything")
