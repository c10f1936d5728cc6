"""A run is its own task: a client that leaves stops the work; slots are bounded; health stays fast."""

from __future__ import annotations

import json
import time

import httpx

SLOW = "```havoc\nintegral of exp(sin(x)^3)*x^7*cos(x^2) by x\n```"  # ~10 s of sympy in a tool worker


def stream_until_execute(url: str, body: dict) -> str:
    """Open a run's stream, read until EXECUTE starts, then drop the connection; returns the run id."""
    run_id = None
    with httpx.stream("POST", url, json=body, timeout=60) as r:
        assert r.status_code == 200, r.read()
        event = None
        for line in r.iter_lines():
            if line.startswith("event: "):
                event = line[7:]
            elif line.startswith("data: ") and event == "metadata":
                run_id = json.loads(line[6:])["run_id"]
            elif line.startswith("data: ") and event == "custom":
                trace = json.loads(line[6:])["trace"]
                if trace["node"] == "EXECUTE" and trace["status"] == "start":
                    break
    return run_id


def wait_status(url: str, statuses: set[str], limit_s: float = 20) -> dict:
    deadline = time.monotonic() + limit_s
    while time.monotonic() < deadline:
        run = httpx.get(url).json()
        if run["status"] in statuses:
            return run
        time.sleep(0.1)
    raise AssertionError(f"run still {run['status']} after {limit_s} s")


def test_disconnect_cancels_the_run_and_nothing_keeps_computing(server):
    tid = httpx.post(server.url + "/threads", json={}).json()["thread_id"]
    run_id = stream_until_execute(f"{server.url}/threads/{tid}/runs/stream",
                                  {"assistant_id": "havoc", "input": {"question": SLOW}, "stream_mode": ["custom"]})
    left_at = time.monotonic()
    run = wait_status(f"{server.url}/threads/{tid}/runs/{run_id}", {"interrupted", "success", "error"})
    assert run["status"] == "interrupted"
    assert time.monotonic() - left_at < 5  # the 10 s integral was not waited for
    time.sleep(0.5)
    before = server.descendants_cpu_s()
    time.sleep(1.5)
    assert server.descendants_cpu_s() - before < 0.3  # the tool worker was killed, not left running


def test_on_disconnect_continue_keeps_the_run(server):
    tid = httpx.post(server.url + "/threads", json={}).json()["thread_id"]
    run_id = stream_until_execute(f"{server.url}/threads/{tid}/runs/stream",
                                  {"assistant_id": "havoc", "input": {"question": "mean of 4 5 6 7"},
                                   "stream_mode": ["custom"], "on_disconnect": "continue"})
    run = wait_status(f"{server.url}/threads/{tid}/runs/{run_id}", {"interrupted", "success", "error"})
    assert run["status"] == "success"


def test_runs_beyond_slots_and_queue_get_429_while_health_stays_fast(server_factory):
    small = server_factory({"HAVOC_API_MAX_RUNS": "1", "HAVOC_API_MAX_QUEUE": "1"})
    tids = [httpx.post(small.url + "/threads", json={}).json()["thread_id"] for _ in range(3)]
    body = {"assistant_id": "havoc", "input": {"question": SLOW}, "stream_mode": ["custom"],
            "on_disconnect": "continue"}
    running = stream_until_execute(f"{small.url}/threads/{tids[0]}/runs/stream", body)
    queued = httpx.post(f"{small.url}/threads/{tids[1]}/runs", json=body)
    assert queued.status_code == 200, queued.text
    queued_id = queued.json()["run_id"]
    assert httpx.get(f"{small.url}/threads/{tids[1]}/runs/{queued_id}").json()["status"] == "pending"
    r = httpx.post(f"{small.url}/threads/{tids[2]}/runs/wait", json=body)
    assert r.status_code == 429 and int(r.headers["retry-after"]) >= 1
    assert r.json()["error"]["code"] == "server_busy"
    # the event loop is never behind a run: health answers fast while the integral computes
    # (one keep-alive client: a new httpx client per call costs more than the request itself)
    times = []
    with httpx.Client(base_url=small.url) as c:
        for _ in range(20):
            t0 = time.perf_counter()
            assert c.get("/healthz").status_code == 200
            times.append(time.perf_counter() - t0)
    times.sort()
    assert times[len(times) // 2] < 0.1, f"/healthz median {times[len(times) // 2] * 1000:.0f} ms"
    assert times[-2] < 0.1, f"/healthz took {[round(t * 1000) for t in times]} ms"
    for tid, rid in ((tids[0], running), (tids[1], queued_id)):
        assert httpx.post(f"{small.url}/threads/{tid}/runs/{rid}/cancel").status_code == 202
    for tid, rid in ((tids[0], running), (tids[1], queued_id)):
        assert wait_status(f"{small.url}/threads/{tid}/runs/{rid}", {"interrupted"})["status"] == "interrupted"


def test_a_worker_forgets_its_oldest_finished_runs(monkeypatch):
    """In-process on purpose: the bound is a module constant, and a thousand runs over HTTP would be slow."""
    import asyncio

    from api import runs as runs_module
    from api.runs import RunManager

    monkeypatch.setattr(runs_module, "KEPT_RUNS", 3)

    async def go() -> tuple[list[str], RunManager]:
        manager = RunManager(max_runs=2, max_queue=10)
        started = []
        for _ in range(5):
            started.append(manager.start("mean of 1 2 3", owner="local", thread=None, stream_modes=()))
            await manager.wait(started[-1])
        manager.shutdown()
        return [r.run_id for r in started], manager

    ids, manager = asyncio.run(go())
    assert list(manager.local) == ids[-3:]
    assert manager.get_run(ids[0]) is None and manager.get_run(ids[-1]).status == "success"
