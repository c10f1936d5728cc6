"""ChatHavoc: a `havoc_model` checkpoint as a LangChain chat model.

The checkpoint directory holds the weights, the tokenizer and the chat template; the
weights load on first use, once per process, and every instance over the same
directory shares them (the agent, the API and a test may each build their own
instance). Prompts are laid out by the tokenizer's chat template and start with `<s>`,
as every training document does.

`grammar="dsl"` decodes under the DSL grammar (`dsl.prefix.PrefixChecker`): the reply
always parses, ends only where the grammar accepts, and every literal number in it is
copied from the user's messages, no more often than given (or is a small count outside a list), so the model can misread a
question but never invent data.

A checkpoint whose tokenizer holds the list-slot symbols (`havoc_model.list_slots`, as the
planner recipe's does) sees each run of numbers in the user's turns as one slot symbol
`⟦k⟧`; when it writes that symbol, the reply carries the user's list, copied whole.

Tool calling uses the template's markup: the assistant writes `<|tool_call|>` then a JSON
object `{"name": ..., "arguments": {...}}`. A forced `tool_choice` starts the reply with
that token, so `with_structured_output` always gets a call to parse.
"""

from __future__ import annotations

import dataclasses
import json
import threading
import time
import uuid
from collections.abc import AsyncIterator, Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from langchain_core.callbacks import AsyncCallbackManagerForLLMRun, CallbackManagerForLLMRun
from langchain_core.language_models import BaseChatModel, LanguageModelInput
from langchain_core.language_models.chat_models import LangSmithParams
from langchain_core.messages import (
    AIMessage,
    AIMessageChunk,
    BaseMessage,
    HumanMessage,
    SystemMessage,
    ToolMessage,
)
from langchain_core.messages.ai import UsageMetadata
from langchain_core.outputs import ChatGeneration, ChatGenerationChunk, ChatResult
from langchain_core.runnables import Runnable, run_in_executor
from langchain_core.tools import BaseTool
from langchain_core.utils.function_calling import convert_to_openai_tool
from pydantic import ConfigDict, Field

from havoc_model.checkpoint import TOKENIZER_FILE, load_checkpoint
from havoc_model.constrained import CopiedNumbers, GrammarGuide, piece_table
from havoc_model.errors import ModelInputError
from havoc_model.generate import BatchDecoder, GenerationConfig, default_stop_ids, visible_text
from havoc_model.list_slots import MAX_SLOTS, SLOT_SYMBOLS, Run, expand, find_runs, mark
from havoc_model.model import HavocLM
from havoc_model.tokenizer import HavocTokenizer


@dataclass
class LoadedCheckpoint:
    model: HavocLM
    tokenizer: HavocTokenizer
    pieces: list[str | None]
    slot_ids: list[int]  # the list-slot symbols' ids, when the checkpoint was trained with them (else empty)
    lock: threading.Lock  # one decode at a time per model: the decode layout and caches are shared


_LOADED: dict[str, LoadedCheckpoint] = {}
_LOAD_LOCK = threading.Lock()


def load_shared(checkpoint: str | Path) -> LoadedCheckpoint:
    """The checkpoint's model and tokenizer, loaded once per process and per directory."""
    path = Path(checkpoint).expanduser()
    if not path.is_dir():
        raise ModelInputError(f"checkpoint: {path} is not a checkpoint directory")
    key = str(path.resolve())
    with _LOAD_LOCK:
        if key not in _LOADED:
            if not (path / TOKENIZER_FILE).is_file():
                raise ModelInputError(f"checkpoint: {path} has no {TOKENIZER_FILE}; a chat model needs one")
            model, _ = load_checkpoint(path)
            tokenizer = HavocTokenizer.load(path)
            slot_ids = [tokenizer.piece_to_id(s) for s in SLOT_SYMBOLS]
            if any(i == tokenizer.unk_id for i in slot_ids):
                slot_ids = []
            _LOADED[key] = LoadedCheckpoint(model, tokenizer, piece_table(tokenizer), slot_ids, threading.Lock())
        return _LOADED[key]


def _text(content: Any) -> str:
    """Message content as plain text (a list of content blocks keeps its text blocks)."""
    if isinstance(content, str):
        return content
    parts = []
    for block in content or []:
        if isinstance(block, str):
            parts.append(block)
        elif isinstance(block, dict) and block.get("type") == "text":
            parts.append(str(block.get("text", "")))
    return "".join(parts)


def to_template_messages(messages: Sequence[BaseMessage], tools: Sequence[dict] | None = None) -> list[dict]:
    """LangChain messages as the chat template's dicts; bound tools are described in a system turn."""
    out: list[dict] = []
    if tools:
        described = "\n".join(json.dumps(t["function"], sort_keys=True) for t in tools)
        out.append({"role": "system", "content": "Tools (call one as <|tool_call|>{\"name\": ..., \"arguments\": "
                                                 "{...}}):\n" + described})
    for message in messages:
        if isinstance(message, SystemMessage):
            out.append({"role": "system", "content": _text(message.content)})
        elif isinstance(message, HumanMessage):
            out.append({"role": "user", "content": _text(message.content)})
        elif isinstance(message, AIMessage):
            calls = [{"name": c["name"], "arguments": c["args"]} for c in message.tool_calls]
            out.append({"role": "assistant", "content": _text(message.content), "tool_calls": calls})
        elif isinstance(message, ToolMessage):
            out.append({"role": "tool", "content": _text(message.content)})
        else:
            role = {"human": "user", "ai": "assistant", "system": "system", "tool": "tool"}.get(message.type)
            if role is None:
                raise ModelInputError(f"messages: ChatHavoc cannot render a {message.type!r} message")
            out.append({"role": role, "content": _text(message.content)})
    return out


def mark_list_slots(template_messages: list[dict]) -> list[Run]:
    """Mark the runs of numbers in the user's turns with slot symbols, numbered across turns (in place)."""
    runs: list[Run] = []
    for message in template_messages:
        if message["role"] == "user" and len(runs) < MAX_SLOTS:
            found = find_runs(message["content"])[: MAX_SLOTS - len(runs)]
            message["content"] = mark(message["content"], found, first=len(runs))
            runs += found
    return runs


class DslGrammar:
    """The DSL's prefix checker, without comments: a comment would let the model write anything."""

    def __init__(self) -> None:
        from dsl.prefix import PrefixChecker

        self._checker = PrefixChecker()

    def allows(self, piece: str) -> bool:
        return "#" not in piece and self._checker.allows(piece)

    def push(self, piece: str) -> None:
        self._checker.push(piece)

    def complete(self) -> bool:
        return self._checker.complete()


@dataclass
class _ShownText:
    """Decodes what the user is shown: the model's text with list slots expanded to the user's numbers."""

    tokenizer: Any
    runs: list[Run]

    def decode(self, ids: list[int]) -> str:
        text = self.tokenizer.decode(ids)
        return expand(text, self.runs) if self.runs else text


def _parse_tool_call(text: str) -> dict | None:
    try:
        data = json.loads(text)
    except json.JSONDecodeError:
        return None
    if not isinstance(data, dict) or not isinstance(data.get("name"), str):
        return None
    args = data.get("arguments", data.get("args", {}))
    if not isinstance(args, dict):
        return None
    return {"name": data["name"], "args": args, "id": f"call_{uuid.uuid4().hex[:12]}", "type": "tool_call"}


class ChatHavoc(BaseChatModel):
    """A HAVOC checkpoint as a chat model; see the module docstring for grammar and tool calls."""

    model_config = ConfigDict(populate_by_name=True, protected_namespaces=())

    checkpoint: str = Field(description="checkpoint directory: config.json, model.safetensors, tokenizer.model")
    model_name: str = Field(default="", alias="model", description="name reported in traces (default: the directory)")
    temperature: float = 0.0
    top_p: float | None = None
    top_k: int | None = None
    repetition_penalty: float = 1.0
    max_tokens: int = 256
    seed: int | None = None
    stop: list[str] | None = Field(default=None, alias="stop_sequences")
    grammar: Literal["dsl"] | None = Field(default=None, description="'dsl': replies are DSL programs that parse")
    small_count_max: int = Field(default=20, description="with a grammar, integers up to this need not be copied")
    timeout: float | None = Field(default=None, description="seconds one reply may take; past it the reply ends")
    max_retries: int = Field(default=0, description="accepted for the standard signature; local decoding never retries")
    streaming: bool = False

    # graphs.planning.chat_planner sends a planner checkpoint the bare question (as in training)
    plans_from_question_alone: bool = Field(default=False, exclude=True)

    @property
    def _llm_type(self) -> str:
        return "havoc"

    @property
    def _identifying_params(self) -> dict[str, Any]:
        return {"checkpoint": self.checkpoint, "model_name": self._name(), "temperature": self.temperature,
                "top_p": self.top_p, "top_k": self.top_k, "repetition_penalty": self.repetition_penalty,
                "max_tokens": self.max_tokens, "seed": self.seed, "grammar": self.grammar}

    def _name(self) -> str:
        return self.model_name or Path(self.checkpoint).name

    def _get_ls_params(self, stop: list[str] | None = None, **kwargs: Any) -> LangSmithParams:
        params = LangSmithParams(ls_provider="havoc", ls_model_name=kwargs.get("model") or self._name(),
                                 ls_model_type="chat", ls_temperature=kwargs.get("temperature", self.temperature))
        if max_tokens := kwargs.get("max_tokens", self.max_tokens):
            params["ls_max_tokens"] = max_tokens
        if stop := stop or kwargs.get("stop") or self.stop:
            params["ls_stop"] = list(stop)
        return params

    # tools ------------------------------------------------------------------------------------

    def bind_tools(
        self, tools: Sequence[dict[str, Any] | type | Callable | BaseTool], *,
        tool_choice: str | bool | dict | None = None, **kwargs: Any,
    ) -> Runnable[LanguageModelInput, AIMessage]:
        """Describe the tools in the prompt; a forced choice ('any', 'required', a name) opens the call."""
        formatted = [convert_to_openai_tool(t) for t in tools]
        forced = tool_choice not in (None, False, "auto", "none")
        return super().bind(tools=formatted, force_tool_call=forced, **kwargs)

    # decoding ---------------------------------------------------------------------------------

    def _config(self, stop: list[str] | None, kwargs: dict) -> GenerationConfig:
        return GenerationConfig(
            max_new_tokens=int(kwargs.get("max_tokens", self.max_tokens)),
            temperature=float(kwargs.get("temperature", self.temperature)),
            top_k=kwargs.get("top_k", self.top_k), top_p=kwargs.get("top_p", self.top_p),
            repetition_penalty=float(kwargs.get("repetition_penalty", self.repetition_penalty)),
            stop_sequences=tuple(stop or kwargs.get("stop") or self.stop or ()),
            seed=kwargs.get("seed", self.seed),
        )

    def _decode(self, messages: list[BaseMessage], stop: list[str] | None, kwargs: dict) -> Iterator[tuple[str, dict]]:
        """Yields ("text", piece) as text becomes final, then ("end", info) once."""
        loaded = load_shared(self.checkpoint)
        tok = loaded.tokenizer
        gen = self._config(stop, kwargs)
        gen = dataclasses.replace(gen, stop_token_ids=tuple(default_stop_ids(tok)))
        template_messages = to_template_messages(messages, kwargs.get("tools"))
        # a checkpoint trained with list slots reads runs of numbers as slots and writes them back as lists
        runs = mark_list_slots(template_messages) if loaded.slot_ids else []
        pieces = loaded.pieces
        if loaded.slot_ids:
            pieces = list(pieces)
            for index, token_id in enumerate(loaded.slot_ids):
                pieces[token_id] = runs[index].literal if index < len(runs) else None
        prompt = tok.apply_chat_template(template_messages, add_generation_prompt=True)
        tool_call_id = tok.special_ids["<|tool_call|>"]
        forced = bool(kwargs.get("force_tool_call"))
        if forced:
            prompt.append(tool_call_id)
        grammar = kwargs.get("grammar", self.grammar)
        guide = None
        if grammar == "dsl" and not forced:
            source = " ".join(_text(m.content) for m in messages if isinstance(m, HumanMessage))
            guide = GrammarGuide(CopiedNumbers(DslGrammar(), source, small_max=self.small_count_max),
                                 pieces, gen.stop_token_ids)
        elif grammar not in (None, "dsl"):
            raise ModelInputError(f"grammar: only 'dsl' is supported, got {grammar!r}")
        shown = _ShownText(tok, runs)  # stop sequences apply to the text the user sees, lists expanded
        deadline = time.monotonic() + self.timeout if self.timeout else None
        with loaded.lock:
            decoder = BatchDecoder(loaded.model, [prompt], gen, vocab_limit=tok.vocab_size, guide=guide)
            emitted, in_call = "", forced
            call_ids: list[int] = []
            while not decoder.done:
                token = decoder.step()[0]
                if deadline is not None and time.monotonic() > deadline:
                    decoder.finish(0, "timeout")
                if token is None:
                    continue
                if token == tool_call_id and not in_call:
                    in_call = True
                    continue
                if in_call:
                    call_ids.append(token)
                    continue
                text_ids = [t for t in decoder.generated[0] if t != tool_call_id]
                visible, final = visible_text(shown, text_ids, gen.stop_sequences)
                if final is not None:
                    decoder.finish(0, "stop_sequence")
                    visible = final
                if visible.startswith(emitted) and len(visible) > len(emitted):
                    yield "text", visible[len(emitted):]
                    emitted = visible
            if not in_call and decoder.finish_reasons[0] != "stop_sequence":
                text_ids = [t for t in decoder.generated[0] if t != tool_call_id]
                rest = shown.decode(text_ids)
                hits = [rest.find(s) for s in gen.stop_sequences if s in rest]
                rest = rest[: min(hits)] if hits else rest
                if rest.startswith(emitted) and len(rest) > len(emitted):
                    yield "text", rest[len(emitted):]
            info = {
                "finish_reason": decoder.finish_reasons[0] or "length",
                "input_tokens": len(prompt), "output_tokens": len(decoder.generated[0]),
                "tool_call_text": tok.decode(call_ids) if in_call else None,
            }
            if guide is not None:
                info["grammar"] = {"steps": guide.steps, "checks": guide.checks, "fallbacks": guide.fallbacks,
                                   "ms": round(1000 * guide.seconds, 3)}
        yield "end", info

    def _final_chunk(self, info: dict) -> AIMessageChunk:
        usage = UsageMetadata(input_tokens=info["input_tokens"], output_tokens=info["output_tokens"],
                              total_tokens=info["input_tokens"] + info["output_tokens"])
        metadata: dict[str, Any] = {"finish_reason": info["finish_reason"], "model_name": self._name(),
                                    "model_provider": "havoc"}
        if "grammar" in info:
            metadata["grammar"] = info["grammar"]
        call_chunks = []
        if info["tool_call_text"] is not None:
            call = _parse_tool_call(info["tool_call_text"])
            if call is not None:
                call_chunks = [{"name": call["name"], "args": json.dumps(call["args"]), "id": call["id"], "index": 0,
                                "type": "tool_call_chunk"}]
            else:
                metadata["invalid_tool_call"] = info["tool_call_text"]
        return AIMessageChunk(content="", usage_metadata=usage, response_metadata=metadata,
                              tool_call_chunks=call_chunks, chunk_position="last")

    def _stream(
        self, messages: list[BaseMessage], stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None, **kwargs: Any,
    ) -> Iterator[ChatGenerationChunk]:
        for kind, value in self._decode(messages, stop, kwargs):
            if kind == "text":
                chunk = ChatGenerationChunk(message=AIMessageChunk(content=value))
                if run_manager:
                    run_manager.on_llm_new_token(value, chunk=chunk)
                yield chunk
            else:
                yield ChatGenerationChunk(message=self._final_chunk(value),
                                          generation_info={"finish_reason": value["finish_reason"]})

    async def _astream(
        self, messages: list[BaseMessage], stop: list[str] | None = None,
        run_manager: AsyncCallbackManagerForLLMRun | None = None, **kwargs: Any,
    ) -> AsyncIterator[ChatGenerationChunk]:
        """Each token is decoded in a worker thread, so the event loop stays free between tokens."""
        iterator = self._stream(messages, stop, None, **kwargs)
        done = object()
        while True:
            chunk = await run_in_executor(None, next, iterator, done)
            if chunk is done:
                return
            if run_manager and chunk.message.content:
                await run_manager.on_llm_new_token(chunk.text, chunk=chunk)
            yield chunk

    def _generate(
        self, messages: list[BaseMessage], stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None, **kwargs: Any,
    ) -> ChatResult:
        merged: AIMessageChunk | None = None
        for chunk in self._stream(messages, stop, run_manager, **kwargs):
            merged = chunk.message if merged is None else merged + chunk.message
        assert merged is not None
        message = AIMessage(content=merged.content, tool_calls=merged.tool_calls,
                            invalid_tool_calls=merged.invalid_tool_calls, usage_metadata=merged.usage_metadata,
                            response_metadata=merged.response_metadata, id=merged.id)
        info = {"finish_reason": merged.response_metadata.get("finish_reason")}
        return ChatResult(generations=[ChatGeneration(message=message, generation_info=info)])
