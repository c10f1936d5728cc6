"""Model `havoc-chat`: the shipped checkpoint served as plain chat, driven by the openai SDK over real HTTP.

The expected replies and token counts come from the same checkpoint run here in-process with ChatHavoc
and its tokenizer, so the server is checked against the model, not against numbers written down.
"""

from __future__ import annotations

import subprocess
import sys

import httpx
import openai
import pytest
from langchain_core.messages import AIMessage, HumanMessage, SystemMessage
from langchain_openai import ChatOpenAI

from havoc_agent.chat_havoc import ChatHavoc, load_shared, mark_list_slots, to_template_messages
from tests.api.conftest import CHAT_CHECKPOINT, REPO

CONVERSATION = [{"role": "system", "content": "be brief"},
                {"role": "user", "content": "mean of 4 8 15"},
                {"role": "assistant", "content": "describe [4, 8, 15]"},
                {"role": "user", "content": "and the median?"}]
AS_LANGCHAIN = [SystemMessage("be brief"), HumanMessage("mean of 4 8 15"), AIMessage("describe [4, 8, 15]"),
                HumanMessage("and the median?")]


def client(server) -> openai.OpenAI:
    return openai.OpenAI(base_url=server.url + "/v1", api_key="unused", max_retries=0)


@pytest.fixture(scope="module")
def local() -> ChatHavoc:
    return ChatHavoc(checkpoint=str(CHAT_CHECKPOINT))


def prompt_tokens(messages) -> int:
    loaded = load_shared(CHAT_CHECKPOINT)
    template = to_template_messages(messages)
    if loaded.slot_ids:  # a planner checkpoint reads each run of numbers as one list slot
        mark_list_slots(template)
    return len(loaded.tokenizer.apply_chat_template(template, add_generation_prompt=True))


def test_models_lists_both_and_readyz_reports_the_checkpoint(chat_server):
    models = client(chat_server).models.list().data
    assert [m.id for m in models] == ["havoc-agent", "havoc-chat"]
    assert {m.owned_by for m in models} == {"havoc"}
    ready = httpx.get(chat_server.url + "/readyz").json()
    assert ready["checks"]["model"] == f"havoc-chat: loaded from {CHAT_CHECKPOINT}"


def test_non_streaming_reply_and_usage_are_the_models(chat_server, local):
    done = client(chat_server).chat.completions.create(model="havoc-chat", messages=CONVERSATION, max_tokens=40)
    expected = local.invoke(AS_LANGCHAIN, max_tokens=40)
    assert done.object == "chat.completion" and done.model == "havoc-chat"
    assert done.choices[0].message.content == expected.content and expected.content
    assert done.usage.prompt_tokens == prompt_tokens(AS_LANGCHAIN) == expected.usage_metadata["input_tokens"]
    assert done.usage.completion_tokens == expected.usage_metadata["output_tokens"] > 0
    assert done.usage.total_tokens == done.usage.prompt_tokens + done.usage.completion_tokens
    reason = expected.response_metadata["finish_reason"]
    assert done.choices[0].finish_reason == ("length" if reason == "length" else "stop")


def test_streaming_role_first_then_deltas_then_finish_and_usage(chat_server, local):
    chunks = list(client(chat_server).chat.completions.create(
        model="havoc-chat", messages=CONVERSATION, max_tokens=40, stream=True,
        stream_options={"include_usage": True}))
    expected = local.invoke(AS_LANGCHAIN, max_tokens=40)
    assert chunks[0].choices[0].delta.role == "assistant"
    deltas = [ch.choices[0].delta.content for ch in chunks[1:] if ch.choices and ch.choices[0].delta.content]
    assert len(deltas) > 1 and "".join(deltas) == expected.content  # token by token, not one block
    finishes = [ch.choices[0].finish_reason for ch in chunks if ch.choices]
    assert set(finishes[:-1]) == {None} and finishes[-1] in ("stop", "length")
    assert chunks[-1].choices == []
    assert chunks[-1].usage.prompt_tokens == expected.usage_metadata["input_tokens"]
    assert chunks[-1].usage.completion_tokens == expected.usage_metadata["output_tokens"] > 0
    assert len({ch.id for ch in chunks}) == 1


def test_max_tokens_ends_with_length(chat_server):
    c = client(chat_server)
    # the planner's reply here is short ("describe" and one list slot), so two tokens cut it
    done = c.chat.completions.create(model="havoc-chat", messages=CONVERSATION, max_tokens=2)
    assert done.choices[0].finish_reason == "length" and done.usage.completion_tokens == 2
    chunks = list(c.chat.completions.create(model="havoc-chat", messages=CONVERSATION, max_completion_tokens=2,
                                            stream=True, stream_options={"include_usage": True}))
    assert [ch.choices[0].finish_reason for ch in chunks if ch.choices][-1] == "length"
    assert chunks[-1].usage.completion_tokens == 2
    assert "".join(ch.choices[0].delta.content or "" for ch in chunks if ch.choices) == \
        done.choices[0].message.content


def test_seed_makes_sampling_reproducible(chat_server):
    c = client(chat_server)

    def sample(seed: int) -> str:
        return c.chat.completions.create(model="havoc-chat", messages=CONVERSATION, max_tokens=30,
                                         temperature=1.5, top_p=0.95, seed=seed).choices[0].message.content

    assert sample(7) == sample(7)
    assert len({sample(1), sample(2), sample(3)}) > 1  # the sampling is real: seeds change the reply


def test_stop_sequence_cuts_the_reply(chat_server):
    c = client(chat_server)
    full = c.chat.completions.create(model="havoc-chat", messages=CONVERSATION, max_tokens=40)
    text = full.choices[0].message.content
    stop = text[len(text) // 2:len(text) // 2 + 2]
    assert stop.strip(), text
    cut = c.chat.completions.create(model="havoc-chat", messages=CONVERSATION, max_tokens=40, stop=[stop])
    assert cut.choices[0].message.content == text[:text.find(stop)]
    assert cut.choices[0].finish_reason == "stop"


def test_langchain_chat_openai_streams_the_same_reply(chat_server, local):
    llm = ChatOpenAI(base_url=chat_server.url + "/v1", api_key="unused", model="havoc-chat", max_retries=0,
                     max_tokens=20)
    expected = local.invoke([HumanMessage("mean of 4 8 15")], max_tokens=20).content
    assert llm.invoke("mean of 4 8 15").content == expected
    assert "".join(chunk.content for chunk in llm.stream("mean of 4 8 15")) == expected


def test_bad_requests_get_openai_errors(chat_server):
    c = client(chat_server)
    with pytest.raises(openai.UnprocessableEntityError) as err:
        c.chat.completions.create(model="havoc-chat", temperature=3, messages=CONVERSATION)
    assert err.value.body["message"].startswith("temperature") and err.value.body["type"] == "invalid_request_error"
    with pytest.raises(openai.BadRequestError) as err:  # longer than the checkpoint's context of 256 tokens
        c.chat.completions.create(model="havoc-chat", messages=[{"role": "user", "content": "x " * 400}])
    assert err.value.body["param"] == "messages" and "context" in err.value.body["message"]
    with pytest.raises(openai.BadRequestError) as err:
        c.chat.completions.create(model="havoc-chat", stream=True,
                                  messages=[{"role": "user", "content": "hi"},
                                            {"role": "tool", "content": "42", "tool_call_id": "c1"}])
    assert err.value.body["param"] == "messages[1].role"
    with pytest.raises(openai.NotFoundError) as err:
        c.chat.completions.create(model="havoc-chat-2", messages=CONVERSATION)
    assert "available: havoc-agent, havoc-chat" in err.value.body["message"]


def test_without_a_checkpoint_havoc_chat_is_not_served(server):
    assert [m.id for m in client(server).models.list()] == ["havoc-agent"]
    with pytest.raises(openai.NotFoundError) as err:
        client(server).chat.completions.create(model="havoc-chat", messages=CONVERSATION)
    assert err.value.body["code"] == "model_not_found"


@pytest.mark.parametrize("how", ["option", "environment"])
def test_serve_refuses_a_directory_that_is_not_a_checkpoint(tmp_path, how):
    (tmp_path / "config.json").write_text("{}")
    args, env = [], {"PYTHONPATH": str(REPO), "HAVOC_HOME": str(tmp_path / "home"), "PATH": "/usr/bin:/bin"}
    if how == "option":
        args = ["--chat-checkpoint", str(tmp_path)]
    else:
        env["HAVOC_CHAT_CHECKPOINT"] = str(tmp_path / "missing")
    out = subprocess.run([sys.executable, "-m", "havoc_agent.cli", "serve", "--port", "1", *args],
                         capture_output=True, text=True, timeout=60, env=env, cwd=REPO)
    assert out.returncode == 2, out.stderr
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and "HAVOC_CHAT_CHECKPOINT" in lines[0], out.stderr
    assert ("has no model.safetensors, tokenizer.model" if how == "option" else "existing directory") in lines[0]
