"""ChatHavoc through LangChain: invoke, stream, astream, stops, seeds, usage, tools, grammar."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import jinja2.sandbox
import pytest
from langchain_core.messages import AIMessage, HumanMessage, SystemMessage
from pydantic import BaseModel

import dsl
from havoc_agent.chat_havoc import ChatHavoc, load_shared, to_template_messages
from havoc_model.chat_template import CHAT_TEMPLATE_FILE, read_chat_template
from havoc_model.constrained import numbers_in
from havoc_model.errors import ModelInputError


def test_invoke_and_stream_agree_and_report_usage(tiny_checkpoint: Path) -> None:
    model = ChatHavoc(checkpoint=str(tiny_checkpoint), max_tokens=12, temperature=1.0, seed=3)
    reply = model.invoke("hello")
    assert reply.content  # random weights, but sampled: some text
    assert isinstance(reply, AIMessage) and isinstance(reply.content, str)
    usage = reply.usage_metadata
    assert usage and usage["output_tokens"] >= 1 and usage["input_tokens"] >= 3
    assert usage["total_tokens"] == usage["input_tokens"] + usage["output_tokens"]
    chunks = list(model.stream("hello"))
    assert len(chunks) >= 2
    assert "".join(c.content for c in chunks) == reply.content
    assert sum((c.usage_metadata or {}).get("output_tokens", 0) for c in chunks) == usage["output_tokens"]
    achunks = asyncio.run(_collect(model, "hello"))
    assert "".join(c.content for c in achunks) == reply.content


async def _collect(model: ChatHavoc, prompt: str) -> list:
    return [c async for c in model.astream(prompt)]


def test_weights_load_once_and_are_shared(tiny_checkpoint: Path) -> None:
    a = ChatHavoc(checkpoint=str(tiny_checkpoint))
    b = ChatHavoc(checkpoint=str(tiny_checkpoint) + "/")
    a.invoke("x", max_tokens=1)
    assert load_shared(a.checkpoint) is load_shared(b.checkpoint)


def test_sampling_is_reproducible_from_a_seed(tiny_checkpoint: Path) -> None:
    model = ChatHavoc(checkpoint=str(tiny_checkpoint), temperature=1.0, top_k=50, top_p=0.95, max_tokens=16,
                      repetition_penalty=1.2)
    assert model.invoke("one", seed=7).content == model.invoke("one", seed=7).content
    texts = {model.invoke("one", seed=s).content for s in range(4)}
    assert len(texts) > 1  # the seed matters


def test_stop_sequences_end_the_reply(tiny_checkpoint: Path) -> None:
    model = ChatHavoc(checkpoint=str(tiny_checkpoint), temperature=1.0, max_tokens=40, seed=1)
    free = model.invoke("hello").content
    assert len(free) > 2
    stop = free[1:3]
    cut = model.invoke("hello", stop=[stop])
    assert stop not in cut.content and free.startswith(cut.content)
    assert cut.response_metadata["finish_reason"] == "stop_sequence"
    assert "".join(c.content for c in model.stream("hello", stop=[stop])) == cut.content


def test_identifying_and_tracing_params(tiny_checkpoint: Path) -> None:
    model = ChatHavoc(checkpoint=str(tiny_checkpoint), model="planner", max_tokens=9, stop=["\n\n"])
    assert model._identifying_params["checkpoint"] == str(tiny_checkpoint)
    ls = model._get_ls_params()
    assert ls["ls_model_name"] == "planner" and ls["ls_max_tokens"] == 9 and ls["ls_stop"] == ["\n\n"]


def test_bad_checkpoint_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ModelInputError, match="checkpoint"):
        ChatHavoc(checkpoint=str(tmp_path / "missing")).invoke("hi")


def test_grammar_constrained_reply_always_parses_and_copies_numbers(tiny_checkpoint: Path) -> None:
    model = ChatHavoc(checkpoint=str(tiny_checkpoint), grammar="dsl", temperature=1.0, max_tokens=60)
    question = "mean of 12.5, 17 and 1093 please"
    for seed in range(3):
        reply = model.invoke([HumanMessage(question)], seed=seed)
        meta = reply.response_metadata
        text = reply.content
        assert meta["grammar"]["steps"] >= 1
        if meta["finish_reason"] == "stop_token":  # ended where the grammar accepts: a whole program
            dsl.parse(text)
        else:
            assert meta["finish_reason"] == "length"
        for literal in numbers_in(text):
            assert literal in numbers_in(question) or (literal.isdigit() and int(literal) <= 20), literal


def test_forced_tool_call_and_structured_output(tiny_checkpoint: Path) -> None:
    class Reading(BaseModel):
        program: str

    model = ChatHavoc(checkpoint=str(tiny_checkpoint), max_tokens=8)
    bound = model.bind_tools([Reading], tool_choice="any")
    reply = bound.invoke("read this")
    # random weights rarely write valid JSON: the text lands in invalid_tool_call, never as a fake call
    assert reply.tool_calls or reply.response_metadata.get("invalid_tool_call") is not None
    messages = to_template_messages([HumanMessage("q")], [{"type": "function", "function": {"name": "Reading"}}])
    assert messages[0]["role"] == "system" and "Reading" in messages[0]["content"]


def test_chat_template_renders_what_the_tokenizer_encodes(tiny_checkpoint: Path) -> None:
    assert (tiny_checkpoint / CHAT_TEMPLATE_FILE).is_file()
    tok = load_shared(tiny_checkpoint).tokenizer
    messages = to_template_messages([SystemMessage("be brief"), HumanMessage("mean of 1, 2"),
                                     AIMessage("describe [1, 2]"), HumanMessage("and 3?")])
    env = jinja2.sandbox.ImmutableSandboxedEnvironment()
    rendered = env.from_string(read_chat_template(tiny_checkpoint)).render(
        messages=messages, bos_token="<s>", add_generation_prompt=True)
    ids = tok.apply_chat_template(messages, add_generation_prompt=True)
    assert ids[0] == tok.bos_id
    assert rendered == tok.decode(ids, skip_special=False)


def test_hf_export_carries_the_chat_template(tiny_checkpoint: Path, tmp_path: Path) -> None:
    from havoc_model.hf import export_hf

    out = export_hf(tiny_checkpoint, tmp_path / "hf")
    config = json.loads((out / "tokenizer_config.json").read_text())
    assert config["chat_template"] == read_chat_template(tiny_checkpoint)
    assert "<|assistant|>" in config["additional_special_tokens"]


def test_a_list_slot_is_written_as_the_users_list(tiny_slot_checkpoint: Path) -> None:
    """The slot symbol the model samples is checked and pushed as the run it points to."""
    from havoc_agent.chat_havoc import DslGrammar, mark_list_slots
    from havoc_model.constrained import CopiedNumbers, GrammarGuide
    from havoc_model.list_slots import SLOT_SYMBOLS

    loaded = load_shared(tiny_slot_checkpoint)
    assert len(loaded.slot_ids) == len(SLOT_SYMBOLS)
    messages = [{"role": "user", "content": "describe 4.2, 4.8, 5.1 please"},
                {"role": "user", "content": "and 7 8 9"}]
    runs = mark_list_slots(messages)
    assert [m["content"] for m in messages] == ["describe ⟦1⟧4.2, 4.8, 5.1 please", "and ⟦2⟧7 8 9"]
    pieces = list(loaded.pieces)
    pieces[loaded.slot_ids[0]] = runs[0].literal
    grammar = CopiedNumbers(DslGrammar(), "describe 4.2, 4.8, 5.1 please")
    guide = GrammarGuide(grammar, pieces, stop_ids=[])
    grammar.push("describe ")
    import torch
    logits = torch.zeros(len(pieces))
    assert guide.pick(loaded.slot_ids[0], logits) == loaded.slot_ids[0]
    assert grammar.text == "describe [4.2, 4.8, 5.1]" and grammar.complete()
    assert guide.fallbacks == 0


def test_a_slot_checkpoint_replies_with_lists_never_slot_symbols(tiny_slot_checkpoint: Path) -> None:
    model = ChatHavoc(checkpoint=str(tiny_slot_checkpoint), grammar="dsl", temperature=1.0, max_tokens=40)
    question = "mean of 12.5, 17 and 1093 please, then 2 4 8"
    for seed in range(4):
        reply = model.invoke([HumanMessage(question)], seed=seed)
        assert "⟦" not in reply.content
        if reply.response_metadata["finish_reason"] == "stop_token":
            dsl.parse(reply.content)
        for literal in numbers_in(reply.content):
            assert literal in numbers_in(question) or (literal.isdigit() and int(literal) <= 20), literal
    free = ChatHavoc(checkpoint=str(tiny_slot_checkpoint), temperature=1.0, max_tokens=40)
    assert all("⟦1⟧" not in free.invoke([HumanMessage(question)], seed=s).content for s in range(3))
