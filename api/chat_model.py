"""Model `havoc-chat`: plain chat with the ChatHavoc checkpoint named by HAVOC_CHAT_CHECKPOINT.

Unlike `havoc-agent` this is the model itself talking: every message goes into its prompt, the
sampling parameters change the reply, and `usage` counts the checkpoint's tokenizer's tokens (the
chat template's prompt; the generated tokens, the end token included). Without `temperature` the
reply is greedy, so the same request gives the same reply. Decoding runs one token at a time in a
worker thread (`ChatHavoc.astream`), so the event loop stays free, and a client that leaves stops
the decoding at the next token.
"""

from __future__ import annotations

import asyncio
import json
import time
import uuid
from collections.abc import AsyncIterator
from contextlib import aclosing
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fastapi import Request
from fastapi.responses import JSONResponse, Response
from langchain_core.messages import AIMessage, BaseMessage, HumanMessage, SystemMessage
from sse_starlette import EventSourceResponse

from api.errors import ApiError, error_body
from havoc_agent import jsonio
from havoc_model.errors import ModelInputError

if TYPE_CHECKING:  # ChatHavoc brings torch: imported only by a server that serves a checkpoint
    from api.routes.openai_chat import ChatRequest
    from havoc_agent.chat_havoc import ChatHavoc

CHAT_MODEL = "havoc-chat"
DISCONNECT_POLL_S = 0.1  # a reply decodes in well under a second: notice a client that left sooner
ROLES = {"system": SystemMessage, "developer": SystemMessage, "user": HumanMessage, "assistant": AIMessage}


def load(checkpoint: Path) -> ChatHavoc:
    """Loads the weights now, so `/readyz` tells the truth and the first caller does not wait for them."""
    from havoc_agent.chat_havoc import ChatHavoc, load_shared

    load_shared(checkpoint)
    return ChatHavoc(checkpoint=str(checkpoint), model=CHAT_MODEL)


def describe(model: ChatHavoc | None) -> str:
    if model is None:
        return "none (the agent runs every stage without one)"
    return f"{CHAT_MODEL}: loaded from {model.checkpoint}"


def to_messages(body: ChatRequest) -> list[BaseMessage]:
    out: list[BaseMessage] = []
    for i, message in enumerate(body.messages):
        if message.role not in ROLES:
            raise ApiError(400, f"messages[{i}].role: {CHAT_MODEL} is plain chat, it takes no "
                                f"{message.role!r} messages", param=f"messages[{i}].role")
        out.append(ROLES[message.role](content=message.content or ""))  # ChatHavoc keeps text blocks
    if not any(isinstance(m, HumanMessage) for m in out):
        raise ApiError(400, "messages: no user message", param="messages")
    return out


def options(body: ChatRequest) -> dict[str, Any]:
    """The request's sampling parameters as ChatHavoc's; absent ones keep the model's defaults."""
    opts: dict[str, Any] = {}
    if body.temperature is not None:
        opts["temperature"] = body.temperature
    if body.top_p is not None:
        opts["top_p"] = body.top_p
    if (limit := body.max_completion_tokens or body.max_tokens) is not None:
        opts["max_tokens"] = limit
    if body.seed is not None:
        opts["seed"] = body.seed
    if body.stop:
        opts["stop"] = [body.stop] if isinstance(body.stop, str) else list(body.stop)
    return opts


async def _pieces(model: ChatHavoc, body: ChatRequest) -> AsyncIterator[tuple[str, Any]]:
    """("text", delta) as the model produces it, then ("end", (finish_reason, usage)) once."""
    async with aclosing(model.astream(to_messages(body), **options(body))) as chunks:
        async for chunk in chunks:
            if chunk.content:
                yield "text", chunk.content
            if chunk.usage_metadata:
                reason = chunk.response_metadata.get("finish_reason")
                usage = chunk.usage_metadata
                yield "end", ("length" if reason == "length" else "stop",
                              {"prompt_tokens": usage["input_tokens"], "completion_tokens": usage["output_tokens"],
                               "total_tokens": usage["total_tokens"]})


async def _started(model: ChatHavoc, body: ChatRequest) -> AsyncIterator[tuple[str, Any]]:
    """The pieces, once the first has come: a prompt the model cannot take fails here, while a 400 can
    still be sent instead of a stream."""
    pieces = _pieces(model, body)
    try:
        first = await anext(pieces)
    except ModelInputError as exc:
        await pieces.aclose()
        raise ApiError(400, f"messages: {exc}", param="messages", code="invalid_input") from None

    async def chained() -> AsyncIterator[tuple[str, Any]]:
        async with aclosing(pieces):
            yield first
            async for piece in pieces:
                yield piece

    return chained()


def _completion_id() -> str:
    return f"chatcmpl-{uuid.uuid4().hex}"


async def complete(body: ChatRequest, request: Request, model: ChatHavoc) -> JSONResponse:
    pieces = await _started(model, body)

    async def collect() -> tuple[str, str, dict]:
        text, end = "", None
        async with aclosing(pieces):
            async for kind, value in pieces:
                text, end = (text + value, end) if kind == "text" else (text, value)
        assert end is not None, "ChatHavoc ends every reply with its usage"
        return text, *end

    task = asyncio.ensure_future(collect())  # a client that leaves cancels it, which stops the decoding
    try:
        while not task.done():
            await asyncio.wait({task}, timeout=DISCONNECT_POLL_S)
            if not task.done() and await request.is_disconnected():
                task.cancel()
                await asyncio.wait({task})
                return Response(status_code=499)  # nobody is left to read it
        text, finish, usage = task.result()
    finally:
        task.cancel()
    return JSONResponse({
        "id": _completion_id(), "object": "chat.completion", "created": int(time.time()), "model": CHAT_MODEL,
        "system_fingerprint": None,
        "choices": [{"index": 0, "message": {"role": "assistant", "content": text, "refusal": None},
                     "logprobs": None, "finish_reason": finish}],
        "usage": usage,
    })


async def stream(body: ChatRequest, model: ChatHavoc) -> EventSourceResponse:
    pieces = await _started(model, body)
    cid, created = _completion_id(), int(time.time())
    include_usage = bool(body.stream_options and body.stream_options.include_usage)

    def chunk(delta: dict[str, Any], finish: str | None = None, usage: dict | None = None,
              choices: bool = True) -> str:
        data: dict[str, Any] = {"id": cid, "object": "chat.completion.chunk", "created": created,
                                "model": CHAT_MODEL, "system_fingerprint": None,
                                "choices": [{"index": 0, "delta": delta, "logprobs": None,
                                             "finish_reason": finish}] if choices else []}
        if include_usage:
            data["usage"] = usage
        return json.dumps(data, ensure_ascii=False)

    async def events():
        async with aclosing(pieces):  # sse-starlette cancels this on disconnect; closing stops the decoding
            yield {"data": chunk({"role": "assistant", "content": ""})}
            end = None
            try:
                async for kind, value in pieces:
                    if kind == "text":
                        yield {"data": chunk({"content": value})}
                    else:
                        end = value
            except ModelInputError as exc:  # after the first token only a broken model gets here
                yield {"data": jsonio.dumps(error_body(500, f"the model failed: {exc}", code="model_failed"),
                                            indent=None)}
                yield {"data": "[DONE]"}
                return
            finish, usage = end if end is not None else ("stop", None)
            yield {"data": chunk({}, finish)}
            if include_usage:
                yield {"data": chunk({}, usage=usage, choices=False)}
            yield {"data": "[DONE]"}

    return EventSourceResponse(events(), ping=15)
