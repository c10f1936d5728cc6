"""--workers 2 with threads, runs, events and thread memory in a real PostgreSQL: any worker can answer
for a thread, join or replay a run another worker computes, and cancel it."""

from __future__ import annotations

import json
import time

import httpx
import pytest

SLOW = "```havoc\nintegral of exp(sin(x)^3)*x^7*cos(x^2) by x\n```"
DOE = "Design a Box-Behnken DOE for 3 factors"


@pytest.fixture(scope="module")
def cluster(server_factory, postgres_url):
    return server_factory({"HAVOC_DATABASE_URL": postgres_url}, extra=["--workers", "2"])


def fresh(method: str, url: str, **kw) -> httpx.Response:
    """A new connection each time, so the kernel hands requests to either worker."""
    with httpx.Client(timeout=120) as c:
        return c.request(method, url, **kw)


def worker_of_run(url: str, run_path: str, body: dict) -> tuple[str, str]:
    r = fresh("POST", url + run_path, json=body)
    assert r.status_code == 200, r.text
    return r.json()["run_id"], r.headers["x-havoc-worker"]


def test_both_workers_answer(cluster):
    pids = {fresh("GET", cluster.url + "/healthz").headers["x-havoc-worker"] for _ in range(40)}
    assert len(pids) == 2
    ready = fresh("GET", cluster.url + "/readyz").json()
    assert ready["checks"]["store"] == "postgresql" and ready["checks"]["checkpointer"] == "ok"


def test_thread_memory_and_runs_are_shared_between_workers(cluster):
    tid = fresh("POST", cluster.url + "/threads", json={}).json()["thread_id"]
    answered_by = set()
    for question, expected in ((DOE, "15 runs"), ("now with 5 centre points", "17 runs")):
        r = fresh("POST", f"{cluster.url}/threads/{tid}/runs/wait",
                  json={"assistant_id": "havoc", "input": {"question": question}})
        assert r.status_code == 200, r.text
        assert expected in r.json()["messages"][-1]["content"]
        answered_by.add(r.headers["x-havoc-worker"])
    # whichever worker answers, the thread and its runs are there; the kernel spreads new connections between the
    # workers unevenly under load, so ask until both have answered (at least 10 times, at most 60)
    for attempt in range(60):
        r = fresh("GET", f"{cluster.url}/threads/{tid}/runs")
        answered_by.add(r.headers["x-havoc-worker"])
        assert [run["status"] for run in r.json()] == ["success", "success"]
        state = fresh("GET", f"{cluster.url}/threads/{tid}/state")
        answered_by.add(state.headers["x-havoc-worker"])
        assert len(state.json()["values"]["messages"]) == 4
        if attempt >= 9 and len(answered_by) == 2:
            break
    assert len(answered_by) == 2


def test_join_replay_and_cancel_from_any_worker(cluster):
    tid = fresh("POST", cluster.url + "/threads", json={}).json()["thread_id"]
    run_id, computing = worker_of_run(cluster.url, f"/threads/{tid}/runs",
                                      {"assistant_id": "havoc", "input": {"question": SLOW}})
    # wait until EXECUTE has started, reading the events from whichever worker answers
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        events = read_stream(cluster.url, tid, run_id, last_event_id=None, stop_at_execute=True)
        if any(e["event"] == "custom" and e["data"]["trace"]["node"] == "EXECUTE" for e in events[1]):
            break
    # replay after event 1 from both workers: identical events, in order
    replays = {}
    for _ in range(80):  # which worker accepts a new connection is the kernel's choice
        worker, events = read_stream(cluster.url, tid, run_id, last_event_id="1", stop_at_execute=True)
        replays.setdefault(worker, events)
        if len(replays) == 2:
            break
    assert len(replays) == 2, "both workers should have served a replay"
    first, second = replays.values()
    assert first[:3] == second[:3] and first[0]["id"] == "2"
    # cancel through a worker that is not computing the run
    for _ in range(80):
        r = fresh("POST", f"{cluster.url}/threads/{tid}/runs/{run_id}/cancel")
        assert r.status_code == 202
        if r.headers["x-havoc-worker"] != computing:
            break
    else:
        pytest.fail("no request reached the other worker")
    t0 = time.monotonic()
    while time.monotonic() - t0 < 8:
        status = fresh("GET", f"{cluster.url}/threads/{tid}/runs/{run_id}").json()["status"]
        if status == "interrupted":
            break
        time.sleep(0.2)
    assert status == "interrupted"
    assert time.monotonic() - t0 < 8  # the 10 s integral was killed, not waited for


def read_stream(url: str, tid: str, run_id: str, last_event_id: str | None,
                stop_at_execute: bool) -> tuple[str, list[dict]]:
    headers = {"Last-Event-ID": last_event_id} if last_event_id else {}
    events, current = [], {}
    with httpx.Client(timeout=60) as c, c.stream("GET", f"{url}/threads/{tid}/runs/{run_id}/stream",
                                                 headers=headers) as r:
        worker = r.headers["x-havoc-worker"]
        for line in r.iter_lines():
            if line.startswith(("event: ", "id: ", "data: ")):
                key, _, value = line.partition(": ")
                current[key] = json.loads(value) if key == "data" else value
            elif line == "" and "event" in current:
                events.append(current)
                done = current["event"] == "end" or (stop_at_execute and current["event"] == "custom"
                                                     and current["data"]["trace"]["node"] == "EXECUTE")
                current = {}
                if done:
                    break
    return worker, events


def test_an_upload_is_seen_by_every_worker(cluster):
    """Uploads are files under the shared $HAVOC_HOME: one worker writes, any worker reads, lists, deletes."""
    content = b"batch,y\n1,10.2\n2,9.9\n3,10.4\n4,10.1\n5,9.8\n"
    r = fresh("POST", cluster.url + "/v1/files", files={"file": ("shared_upload.csv", content)})
    assert r.status_code == 201, r.text
    program = {"program": 'describe from "shared_upload.csv" column y'}
    read_by, listed_by = set(), set()
    for _ in range(40):
        r = fresh("POST", cluster.url + "/v1/dsl/run", json=program)
        assert r.status_code == 200 and r.json()["results"][0]["output"]["mean"] == pytest.approx(10.08), r.text
        read_by.add(r.headers["x-havoc-worker"])
        r = fresh("GET", cluster.url + "/v1/files")
        assert "shared_upload.csv" in [f["name"] for f in r.json()["data"]]
        listed_by.add(r.headers["x-havoc-worker"])
        if len(read_by) == len(listed_by) == 2:
            break
    assert len(read_by) == 2 and len(listed_by) == 2
    deleted_by = fresh("DELETE", cluster.url + "/v1/files/shared_upload.csv").headers["x-havoc-worker"]
    gone_for = set()
    for _ in range(40):
        r = fresh("POST", cluster.url + "/v1/dsl/run", json=program)
        assert r.status_code == 400 and r.json()["error"]["message"] == "no such file: shared_upload.csv", r.text
        gone_for.add(r.headers["x-havoc-worker"])
        if len(gone_for) == 2:
            break
    assert len(gone_for) == 2 and deleted_by in gone_for
