"""The LangGraph-compatible subset, driven by langgraph-sdk's own client over real HTTP."""

from __future__ import annotations

import asyncio

import httpx
import pytest
from langgraph_sdk import get_client

from graphs.srs import STAGES

DOE = "Design a Box-Behnken DOE for 3 factors"


def arun(coro):
    return asyncio.run(coro)


def test_stream_delivers_every_stage_start_and_end_in_order(server):
    async def go():
        client = get_client(url=server.url)
        assistants = await client.assistants.search()
        assert [a["assistant_id"] for a in assistants] == ["havoc"]
        thread = await client.threads.create()
        parts = [p async for p in client.runs.stream(thread["thread_id"], "havoc", input={"question": DOE},
                                                     stream_mode=["updates", "custom"])]
        return thread, parts

    thread, parts = arun(go())
    events = [p.event for p in parts]
    assert events[0] == "metadata" and events[-1] == "end"
    assert parts[-1].data["status"] == "success"
    traces = [p.data["trace"] for p in parts if p.event == "custom"]
    starts = [t["node"] for t in traces if t["status"] == "start"]
    ends = [t["node"] for t in traces if t["status"] == "end"]
    assert starts == list(STAGES) and ends == list(STAGES)
    for t in traces:
        assert {"run_id", "node", "status", "started_at", "summary", "detail"} <= set(t)
    updates = [p.data for p in parts if p.event == "updates"]
    assert [next(iter(u)) for u in updates] == list(STAGES)
    ids = [int(p.id) for p in parts if p.id is not None]
    assert ids == sorted(ids) and len(ids) == len(parts)
    assert "values" not in events  # only the modes asked for


def test_messages_input_values_and_follow_up_in_thread(server):
    async def go():
        client = get_client(url=server.url)
        thread = await client.threads.create(metadata={"who": "test"})
        tid = thread["thread_id"]
        first = await client.runs.wait(tid, "havoc", input={"messages": [{"type": "human", "content": DOE}]})
        second = await client.runs.wait(tid, "havoc", input={"messages": [
            {"role": "user", "content": "now with 5 centre points"}]})
        state = await client.threads.get_state(tid)
        history = await client.threads.get_history(tid, limit=3)
        got = await client.threads.get(tid)
        return first, second, state, history, got

    first, second, state, history, got = arun(go())
    assert first["messages"][-1]["type"] == "ai" and "Box" in first["messages"][-1]["content"]
    assert "15 runs" in first["messages"][-1]["content"]
    # the follow-up remembered the design: 12 edge runs + 5 centre points
    assert "17 runs" in second["messages"][-1]["content"], second["messages"][-1]["content"][:300]
    assert [m["type"] for m in second["messages"]] == ["human", "ai", "human", "ai"]
    assert state["values"]["question"] == "now with 5 centre points"
    assert len(state["values"]["messages"]) == 4
    assert history and all("values" in h for h in history)
    assert got["metadata"] == {"who": "test"} and got["status"] == "idle"


def test_cancel_and_join_stream_with_last_event_id(server):
    slow = "```havoc\nintegral of exp(sin(x)^3)*x^7*cos(x^2) by x\n```"

    async def go():
        client = get_client(url=server.url)
        tid = (await client.threads.create())["thread_id"]
        run_id = None
        seen = []
        async for part in client.runs.stream(tid, "havoc", input={"question": DOE}, stream_mode="custom"):
            seen.append(part)
        run_id = seen[0].data["run_id"]
        # replay: everything after the third event, exactly as it was sent the first time
        replay = [p async for p in client.runs.join_stream(tid, run_id, last_event_id=seen[2].id)]
        run = await client.runs.get(tid, run_id)

        # a slow run, cancelled by another request while EXECUTE computes
        created = None
        async for part in client.runs.stream(tid, "havoc", input={"question": slow}, stream_mode="custom",
                                             on_disconnect="continue"):
            if part.event == "metadata":
                created = part.data["run_id"]
            if part.event == "custom" and part.data["trace"]["node"] == "EXECUTE":
                break
        await client.runs.cancel(tid, created)
        joined = [p async for p in client.runs.join_stream(tid, created)]
        cancelled = await client.runs.get(tid, created)
        return seen, replay, run, joined, cancelled

    seen, replay, run, joined, cancelled = arun(go())
    assert [(p.event, p.id, p.data) for p in replay] == [(p.event, p.id, p.data) for p in seen[3:]]
    assert run["status"] == "success"
    assert joined[-1].event == "end" and joined[-1].data["status"] == "interrupted"
    assert cancelled["status"] == "interrupted"
    nodes_ended = [p.data["trace"]["node"] for p in joined if p.event == "custom"
                   and p.data["trace"]["status"] == "end"]
    assert "ANSWER" not in nodes_ended


def test_unknown_thread_run_and_assistant_are_404(server):
    async def go():
        client = get_client(url=server.url)
        with pytest.raises(httpx.HTTPStatusError) as err:
            await client.threads.get("no-such-thread")
        assert err.value.response.status_code == 404
        assert "not found" in err.value.response.json()["error"]["message"]
        tid = (await client.threads.create())["thread_id"]
        with pytest.raises(httpx.HTTPStatusError) as err:
            await client.runs.get(tid, "no-such-run")
        assert err.value.response.status_code == 404
        with pytest.raises(httpx.HTTPStatusError) as err:
            await client.runs.wait(tid, "other", input={"question": DOE})
        assert err.value.response.status_code == 404

    arun(go())


def test_bad_run_input_is_4xx_naming_the_field(server):
    tid = httpx.post(server.url + "/threads", json={}).json()["thread_id"]
    for body, field in (({"assistant_id": "havoc", "input": {}}, "input"),
                        ({"assistant_id": "havoc", "input": {"question": 3}}, "input.question"),
                        ({"assistant_id": "havoc", "input": {"question": "  "}}, "input.question"),
                        ({"assistant_id": "havoc", "input": {"question": "x"}, "stream_mode": "bogus"},
                         "stream_mode"),
                        ({"assistant_id": "havoc", "input": {"messages": [{"type": "ai", "content": "hi"}]}},
                         "input.messages")):
        r = httpx.post(f"{server.url}/threads/{tid}/runs/wait", json=body)
        assert 400 <= r.status_code < 500, (body, r.text)
        assert r.json()["error"]["message"].startswith(field), (body, r.text)
    r = httpx.post(f"{server.url}/threads/{tid}/runs/wait", content=b"{not json",
                   headers={"content-type": "application/json"})
    assert r.status_code == 400 and "JSON" in r.json()["error"]["message"]


def test_agent_chat_ui_style_request_with_other_modes_and_strategy(server):
    """agent-chat-ui asks for modes we do not produce and a multitask strategy: accepted, the answer in values."""
    async def go():
        client = get_client(url=server.url)
        tid = (await client.threads.create())["thread_id"]
        return [p async for p in client.runs.stream(
            tid, "havoc", input={"messages": [{"type": "human", "content": [{"type": "text", "text": DOE}]}]},
            stream_mode=["values", "messages-tuple", "custom"], multitask_strategy="enqueue")]

    parts = arun(go())
    assert {p.event for p in parts} == {"metadata", "values", "custom", "end"}
    final = [p for p in parts if p.event == "values"][-1].data
    assert final["messages"][0]["content"] == DOE and "15 runs" in final["messages"][-1]["content"]
