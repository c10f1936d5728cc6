"""A real `havoc-agent serve` on 127.0.0.1 for the API tests, driven over real HTTP by real clients."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

REPO = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Server:
    url: str
    process: subprocess.Popen
    home: Path

    def descendants_cpu_s(self) -> float:
        """CPU seconds used so far by the server's child processes (the tool workers), from /proc."""
        total = 0.0
        tick = os.sysconf("SC_CLK_TCK")
        for pid in _descendants(self.process.pid):
            try:
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
                total += (int(fields[11]) + int(fields[12])) / tick
            except (OSError, IndexError, ValueError):
                continue
        return total


def _descendants(pid: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry.name))
    found, stack = [], [pid]
    while stack:
        for child in children.get(stack.pop(), []):
            found.append(child)
            stack.append(child)
    return found


def start_server(home: Path, env: dict[str, str] | None = None, host: str = "127.0.0.1",
                 extra: list[str] | None = None) -> Server:
    port = free_port()
    full_env = {**os.environ, "HAVOC_HOME": str(home), "PYTHONPATH": str(REPO), "OMP_NUM_THREADS": "1",
                "HAVOC_WEB_DIST": str(home / "no-web-dist"), **(env or {})}
    process = subprocess.Popen(
        [sys.executable, "-m", "havoc_agent.cli", "serve", "--host", host, "--port", str(port),
         "--log-level", "warning", *(extra or [])],
        cwd=REPO, env=full_env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited: {process.stdout.read()}")
        try:
            if httpx.get(url + "/healthz", timeout=1).status_code == 200:
                return Server(url, process, home)
        except httpx.HTTPError:
            time.sleep(0.2)
    process.kill()
    raise RuntimeError(f"server did not start in 60 s: {process.communicate()[0][-3000:]}")


def stop_server(server: Server) -> None:
    server.process.terminate()
    try:
        server.process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        server.process.kill()
        server.process.wait()


@pytest.fixture(scope="session")
def server_factory(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Callable[..., Server]]:
    started: list[Server] = []

    def make(env: dict[str, str] | None = None, extra: list[str] | None = None) -> Server:
        server = start_server(tmp_path_factory.mktemp("api_home"), env, extra=extra)
        started.append(server)
        return server

    yield make
    for server in started:
        stop_server(server)


@pytest.fixture(scope="session")
def server(server_factory) -> Server:
    """An open server (loopback, no keys), shared by the tests that need no special settings."""
    return server_factory()


@pytest.fixture(scope="session")
def keyed_server(server_factory) -> Server:
    return server_factory({"HAVOC_API_KEYS": "key-alice,key-bob", "HAVOC_API_RATE": "600",
                           "HAVOC_CORS_ORIGINS": "http://ui.example"})


PG_BIN = Path("/usr/lib/postgresql")


def _pg_bin() -> Path | None:
    versions = sorted(PG_BIN.glob("*/bin/pg_ctl"))
    return versions[-1].parent if versions else None


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """A real PostgreSQL server of our own on 127.0.0.1, run as a non-root user (it refuses root)."""
    import shutil
    import tempfile

    bindir = _pg_bin()
    if bindir is None:
        pytest.fail("PostgreSQL is not installed (`make test` installs Debian's postgresql package)")
    data = Path(tempfile.mkdtemp(prefix="havoc_pg_"))
    as_user: list[str] = []
    if os.geteuid() == 0:
        shutil.chown(data, "postgres", "postgres")
        as_user = ["runuser", "-u", "postgres", "--"]
    port = free_port()
    subprocess.run([*as_user, str(bindir / "initdb"), "-D", str(data / "db"), "-A", "trust", "-U", "havoc",
                    "--no-sync"], check=True, capture_output=True)
    subprocess.run([*as_user, str(bindir / "pg_ctl"), "-D", str(data / "db"), "-w", "-l", str(data / "log"),
                    "-o", f"-p {port} -k {data} -c listen_addresses=127.0.0.1 -c fsync=off", "start"],
                   check=True, capture_output=True)
    try:
        yield f"postgresql://havoc@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run([*as_user, str(bindir / "pg_ctl"), "-D", str(data / "db"), "-m", "fast", "stop"],
                       capture_output=True)
        shutil.rmtree(data, ignore_errors=True)
