"""OpenAI-compatible chat, driven by the openai SDK and LangChain's ChatOpenAI over real HTTP."""

from __future__ import annotations

import json

import httpx
import openai
import pytest
from langchain_openai import ChatOpenAI

QUESTION = "Design a Box-Behnken DOE for 3 factors"


def client(server) -> openai.OpenAI:
    return openai.OpenAI(base_url=server.url + "/v1", api_key="unused", max_retries=0)


def test_models_and_non_streaming_completion(server):
    c = client(server)
    assert [m.id for m in c.models.list()] == ["havoc-agent"]
    raw = c.chat.completions.with_raw_response.create(model="havoc-agent",
                                                      messages=[{"role": "user", "content": QUESTION}])
    done = raw.parse()
    run_id = raw.headers["x-havoc-run-id"]
    assert done.id == f"chatcmpl-{run_id}"
    assert done.object == "chat.completion" and done.choices[0].finish_reason == "stop"
    assert "15 runs" in done.choices[0].message.content
    assert done.usage.completion_tokens == len(done.choices[0].message.content.split())


def test_streaming_chunks_role_first_then_content_then_finish_and_usage(server):
    c = client(server)
    chunks = list(c.chat.completions.create(model="havoc-agent", stream=True, temperature=0.2,
                                            stream_options={"include_usage": True},
                                            messages=[{"role": "system", "content": "be brief"},
                                                      {"role": "user", "content": QUESTION}]))
    assert chunks[0].choices[0].delta.role == "assistant"
    text = "".join(ch.choices[0].delta.content or "" for ch in chunks if ch.choices)
    assert "15 runs" in text
    finishes = [ch.choices[0].finish_reason for ch in chunks if ch.choices]
    assert finishes[-1] == "stop" and set(finishes[:-1]) == {None}
    assert chunks[-1].choices == [] and chunks[-1].usage.completion_tokens == len(text.split())
    assert len({ch.id for ch in chunks}) == 1 and chunks[0].id.startswith("chatcmpl-")


def test_raw_stream_ends_with_done(server):
    with httpx.stream("POST", server.url + "/v1/chat/completions", timeout=60,
                      json={"model": "havoc-agent", "stream": True,
                            "messages": [{"role": "user", "content": "mean of 1 2 3 4"}]}) as r:
        data = [line[6:] for line in r.iter_lines() if line.startswith("data: ")]
    assert data[-1] == "[DONE]"
    assert all(json.loads(d)["object"] == "chat.completion.chunk" for d in data[:-1])


def test_chat_openai_invoke_and_stream(server):
    llm = ChatOpenAI(base_url=server.url + "/v1", api_key="unused", model="havoc-agent", max_retries=0)
    answer = llm.invoke(QUESTION)
    assert "15 runs" in answer.content
    streamed = "".join(chunk.content for chunk in llm.stream(QUESTION))
    assert streamed == answer.content


def test_unknown_model_bad_parameters_and_bad_json(server):
    c = client(server)
    with pytest.raises(openai.NotFoundError) as err:
        c.chat.completions.create(model="gpt-9", messages=[{"role": "user", "content": "hi"}])
    assert "gpt-9" in err.value.body["message"]
    with pytest.raises(openai.UnprocessableEntityError) as err:
        c.chat.completions.create(model="havoc-agent", temperature=7,
                                  messages=[{"role": "user", "content": "hi"}])
    assert err.value.body["message"].startswith("temperature")
    with pytest.raises(openai.BadRequestError) as err:
        c.chat.completions.create(model="havoc-agent", messages=[{"role": "system", "content": "hi"}])
    assert err.value.body["message"].startswith("messages")
    r = httpx.post(server.url + "/v1/chat/completions", content=b'{"model": ',
                   headers={"content-type": "application/json"})
    assert r.status_code == 400 and r.json()["error"]["type"] == "invalid_request_error"


def test_an_error_mid_stream_is_an_error_chunk_then_done(server):
    """A streamed completion whose run is cancelled (here through `runs.cancel_many`) ends with an error."""
    slow = "```havoc\nintegral of exp(sin(x)^3)*x^7*cos(x^2) by x\n```"
    with httpx.Client(base_url=server.url, timeout=60) as http, http.stream(
            "POST", "/v1/chat/completions",
            json={"model": "havoc-agent", "stream": True, "messages": [{"role": "user", "content": slow}]}) as r:
        run_id = r.headers["x-havoc-run-id"]
        lines = r.iter_lines()
        first = next(line for line in lines if line.startswith("data: "))
        assert json.loads(first[6:])["choices"][0]["delta"]["role"] == "assistant"
        assert httpx.post(server.url + "/runs/cancel", json={"run_ids": [run_id]}).status_code == 204
        data = [line[6:] for line in lines if line.startswith("data: ")]
    assert data[-1] == "[DONE]"
    error = json.loads(data[-2])["error"]
    assert error["message"] == "the run was cancelled" and error["code"] == "run_interrupted"
    # the openai SDK surfaces it as an APIError while iterating
    with pytest.raises(openai.APIError, match="cancelled"):
        stream = client(server).chat.completions.with_raw_response.create(
            model="havoc-agent", stream=True, messages=[{"role": "user", "content": slow}])
        run_id = stream.headers["x-havoc-run-id"]
        parsed = stream.parse()
        for i, _ in enumerate(parsed):
            if i == 0:
                httpx.post(server.url + "/runs/cancel", json={"run_ids": [run_id]})
