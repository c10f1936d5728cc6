"""Security defaults: keys, key-owned threads, CORS, size limits, rate limit, no server files over HTTP."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

REPO = Path(__file__).resolve().parents[2]
ALICE = {"Authorization": "Bearer key-alice"}
BOB = {"x-api-key": "key-bob"}


def test_missing_or_wrong_key_is_401_and_health_stays_open(keyed_server):
    url = keyed_server.url
    assert httpx.get(url + "/healthz").status_code == 200
    r = httpx.get(url + "/v1/models")
    assert r.status_code == 401 and "API key" in r.json()["error"]["message"]
    r = httpx.get(url + "/v1/models", headers={"Authorization": "Bearer nope"})
    assert r.status_code == 401 and r.json()["error"]["code"] == "invalid_api_key"
    assert httpx.get(url + "/v1/models", headers=ALICE).status_code == 200
    assert httpx.get(url + "/v1/models", headers=BOB).status_code == 200


def test_a_thread_belongs_to_the_key_that_created_it(keyed_server):
    url = keyed_server.url
    tid = httpx.post(url + "/threads", json={}, headers=ALICE).json()["thread_id"]
    assert httpx.get(f"{url}/threads/{tid}", headers=ALICE).status_code == 200
    r = httpx.get(f"{url}/threads/{tid}", headers=BOB)
    assert r.status_code == 404
    r = httpx.post(f"{url}/threads/{tid}/runs/wait", headers=BOB,
                   json={"assistant_id": "havoc", "input": {"question": "mean of 1 2 3"}})
    assert r.status_code == 404


def test_cors_allows_only_configured_origins(keyed_server):
    pre = {"Origin": "http://ui.example", "Access-Control-Request-Method": "POST"}
    r = httpx.options(keyed_server.url + "/threads", headers=pre)
    assert r.headers.get("access-control-allow-origin") == "http://ui.example"
    r = httpx.options(keyed_server.url + "/threads", headers={**pre, "Origin": "http://evil.example"})
    assert "access-control-allow-origin" not in r.headers


def test_body_and_question_limits(server):
    r = httpx.post(server.url + "/v1/dsl/run", json={"program": "describe [1]" + " " * 2_000_000})
    assert r.status_code == 413 and r.json()["error"]["param"] == "body"
    r = httpx.post(server.url + "/runs/wait", json={"assistant_id": "havoc", "input": {"question": "x" * 30_000}})
    assert r.status_code == 400 and "longer than 20000" in r.json()["error"]["message"]


def test_rate_limit_answers_429_with_retry_after(server_factory):
    limited = server_factory({"HAVOC_API_RATE": "5"})
    codes = [httpx.get(limited.url + "/v1/models").status_code for _ in range(8)]
    assert codes[:5] == [200] * 5 and codes[-1] == 429
    r = httpx.get(limited.url + "/v1/models")
    assert int(r.headers["retry-after"]) >= 1 and r.json()["error"]["type"] == "rate_limit_error"


def test_non_loopback_bind_refuses_without_keys(tmp_path):
    env = {**os.environ, "PYTHONPATH": str(REPO), "HAVOC_HOME": str(tmp_path)}
    env.pop("HAVOC_API_KEYS", None)
    p = subprocess.run([sys.executable, "-m", "havoc_agent.cli", "serve", "--host", "0.0.0.0", "--port", "1"],
                       env=env, capture_output=True, text=True, timeout=60)
    assert p.returncode == 2 and "HAVOC_API_KEYS" in p.stderr and "Traceback" not in p.stderr


@pytest.fixture(scope="module")
def secrets(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("secrets")
    (folder / "data.csv").write_text("y\n1\n2\n3\n")
    (folder / "link.csv").symlink_to(folder / "data.csv")
    return folder


def file_programs(secrets: Path) -> list[str]:
    return [f'describe from "{secrets / "data.csv"}" column y',
            'describe from "/etc/passwd" column root',
            'describe from "../../../../etc/passwd" column root',
            'describe from "~/.bashrc" column x',
            f'describe from "{secrets / "link.csv"}" column y']


def test_http_programs_never_read_server_files(server, secrets):
    for program in file_programs(secrets):
        for route in ("/v1/dsl/run", "/v1/dsl/check"):
            r = httpx.post(server.url + route, json={"program": program})
            assert r.status_code == 400, (route, program, r.text)
            assert r.json()["error"]["code"] == "file_access_refused"
            assert "line 1" in r.json()["error"]["message"]
        r = httpx.post(server.url + "/v1/tools/dsl_run", json={"program": program})
        assert r.status_code == 400 and r.json()["error"]["code"] == "file_access_refused", r.text
        question = f"please run this\n```havoc\n{program}\n```"
        r = httpx.post(server.url + "/runs/wait", json={"assistant_id": "havoc", "input": {"question": question}})
        assert r.status_code == 400 and r.json()["error"]["code"] == "file_access_refused", r.text
        r = httpx.post(server.url + "/v1/chat/completions",
                       json={"model": "havoc-agent", "messages": [{"role": "user", "content": question}]})
        assert r.status_code == 400 and r.json()["error"]["code"] == "file_access_refused", r.text
    r = httpx.post(server.url + "/v1/tools/dsl_run", json={"program": "describe [1, 2]", "base_dir": "/etc"})
    assert r.status_code == 400 and r.json()["error"]["param"] == "base_dir"
