"""The web UI: vitest for its state logic, and Chromium (playwright-core) against a real `havoc-agent serve`.

`make test` installs what these need (npm ci, the build, Debian's chromium); run alone, they build
web/dist when it is missing or older than its sources. Screenshots go to tests/web/artifacts/.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
WEB = REPO / "web"
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")


def _need(tool: str, hint: str) -> str:
    path = shutil.which(tool) if "/" not in tool else (tool if os.access(tool, os.X_OK) else None)
    if not path:
        pytest.fail(f"{tool} is missing: {hint}")
    return path


def _npm(*args: str, timeout: int = 600) -> None:
    npm = _need("npm", "install Node 20+ (make test does the rest)")
    done = subprocess.run([npm, *args], cwd=WEB, capture_output=True, text=True, timeout=timeout)
    assert done.returncode == 0, f"npm {' '.join(args)} failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"


def _newest(folder: Path) -> float:
    return max((p.stat().st_mtime for p in folder.rglob("*") if p.is_file()), default=0.0)


@pytest.fixture(scope="module")
def built() -> Path:
    if not (WEB / "node_modules" / ".package-lock.json").is_file():
        _npm("ci", "--no-audit", "--no-fund")
    index = WEB / "dist" / "index.html"
    sources = max(_newest(WEB / "src"), (WEB / "index.html").stat().st_mtime)
    if not index.is_file() or index.stat().st_mtime < sources:
        _npm("run", "build")
    return index


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(built: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    port = _free_port()
    env = {**os.environ, "HAVOC_HOME": str(tmp_path_factory.mktemp("web_home")), "PYTHONPATH": str(REPO),
           "OMP_NUM_THREADS": "1"}
    log = tmp_path_factory.mktemp("web_log") / "server.log"
    with log.open("w") as out:
        process = subprocess.Popen([sys.executable, "-m", "havoc_agent.cli", "serve", "--host", "127.0.0.1",
                                    "--port", str(port), "--log-level", "warning"],
                                   cwd=REPO, env=env, stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            if process.poll() is not None:
                pytest.fail(f"server exited: {log.read_text()[-3000:]}")
            try:
                with urllib.request.urlopen(f"{url}/healthz", timeout=2):
                    break
            except OSError:
                if time.monotonic() > deadline:
                    pytest.fail("server did not answer /healthz in 60 s")
                time.sleep(0.3)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def test_state_logic_unit_tests() -> None:
    if not (WEB / "node_modules" / ".package-lock.json").is_file():
        _npm("ci", "--no-audit", "--no-fund")
    _npm("test", timeout=300)


def test_browser(server: str) -> None:
    node = _need("node", "install Node 20+")
    _need(CHROMIUM, "apt-get install -y chromium (make test installs it)")
    with urllib.request.urlopen(server) as res:  # the API serves the built UI at /
        assert b'<div id="root">' in res.read()
    shutil.rmtree(ARTIFACTS, ignore_errors=True)
    done = subprocess.run([node, "tests/browser.mjs", str(ARTIFACTS)], cwd=WEB, capture_output=True, text=True,
                          timeout=540, env={**os.environ, "HAVOC_URL": server, "CHROMIUM": CHROMIUM})
    assert done.returncode == 0, f"browser checks failed:\n{done.stdout}\n{done.stderr[-3000:]}"
    assert "FAIL" not in done.stdout
    assert len(list(ARTIFACTS.glob("*.png"))) >= 7
