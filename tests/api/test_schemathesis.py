"""schemathesis against /openapi.json: generated requests (valid and not) never get a 5xx.

Bounded: a fixed number of examples per operation, deterministic generation, one thread and run of
the server's own supplied so the routes under them are reached.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import httpx
import pytest


@pytest.mark.slow
def test_no_server_errors(server_factory, tmp_path):
    cli = shutil.which("schemathesis") or str(Path(sys.executable).parent / "schemathesis")
    if not Path(cli).exists():
        pytest.fail("schemathesis is not installed (it is in the dev extra)")
    server = server_factory({"HAVOC_API_RATE": "1000000", "HAVOC_API_MAX_RUNS": "2", "HAVOC_API_MAX_QUEUE": "4"})
    tid = httpx.post(server.url + "/threads", json={}).json()["thread_id"]
    done = httpx.post(f"{server.url}/threads/{tid}/runs/wait", timeout=60,
                      json={"assistant_id": "havoc", "input": {"question": "I-MR chart of 5 6 5 7 6 5 6"}})
    run_id = done.headers["content-location"].rsplit("/", 1)[1]
    config = tmp_path / "schemathesis.toml"
    config.write_text(f'[parameters]\n"path.thread_id" = "{tid}"\n"path.run_id" = "{run_id}"\n'
                      '"path.assistant_id" = "havoc"\n')
    out = subprocess.run([cli, "--config-file", str(config), "run", server.url + "/openapi.json",
                          "--checks", "not_a_server_error", "--max-examples", "10", "--generation-deterministic",
                          "--phases", "examples,coverage,fuzzing", "--request-timeout", "60"],
                         capture_output=True, text=True, timeout=400, cwd=tmp_path)  # its cache stays out of the repo
    assert out.returncode == 0, out.stdout[-6000:] + out.stderr[-2000:]
    assert "passed" in out.stdout
