"""OpenAI-compatible chat: `/v1/models` and `/v1/chat/completions`, stream and not.

Model `havoc-agent` answers with the graph: the last user message is the question, the answer's
markdown is the content, the run id is in the `x-havoc-run-id` header and in every chunk id.
Sampling parameters are validated (the graph is deterministic, so they change nothing).
Token counts in `usage` are whitespace-separated words: HAVOC's answers come from tools, not a
tokenizer, and a count that pretends otherwise would be invented.
"""

from __future__ import annotations

import json
import time
from typing import Any, Literal

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field
from sse_starlette import EventSourceResponse

from api.deps import Manager, Owner, Settings, check_question, data_access
from api.errors import ApiError, error_body
from api.runs import Busy, Run, RunManager
from havoc_agent import jsonio

router = APIRouter(prefix="/v1", tags=["openai"])
MODEL = "havoc-agent"
CREATED = 1767225600
CHUNK_CHARS = 160


class Message(BaseModel):
    model_config = ConfigDict(extra="ignore")
    role: Literal["system", "developer", "user", "assistant", "tool"]
    content: str | list[dict[str, Any]] | None = None


class StreamOptions(BaseModel):
    model_config = ConfigDict(extra="ignore")
    include_usage: bool = False


class ChatRequest(BaseModel):
    model_config = ConfigDict(extra="ignore")
    model: str = Field(min_length=1, max_length=200)
    messages: list[Message] = Field(min_length=1, max_length=1000)
    stream: bool = False
    stream_options: StreamOptions | None = None
    temperature: float | None = Field(None, ge=0, le=2)
    top_p: float | None = Field(None, gt=0, le=1)
    n: int | None = Field(None, ge=1, le=1)
    max_tokens: int | None = Field(None, ge=1)
    max_completion_tokens: int | None = Field(None, ge=1)
    presence_penalty: float | None = Field(None, ge=-2, le=2)
    frequency_penalty: float | None = Field(None, ge=-2, le=2)
    seed: int | None = None
    user: str | None = Field(None, max_length=256)


@router.get("/models")
async def list_models(_: Owner) -> dict[str, Any]:
    return {"object": "list", "data": [{"id": MODEL, "object": "model", "created": CREATED, "owned_by": "havoc"}]}


def _text(content: str | list[dict[str, Any]] | None) -> str:
    if isinstance(content, list):
        return "\n".join(p.get("text", "") for p in content if isinstance(p, dict) and p.get("type") == "text")
    return content or ""


def _words(text: str) -> int:
    return len(text.split())


def _start(body: ChatRequest, runs: RunManager, settings, owner: str) -> Run:
    if body.model != MODEL:
        raise ApiError(404, f"model '{body.model}' does not exist (available: {MODEL})", param="model",
                       code="model_not_found")
    users = [m for m in body.messages if m.role == "user"]
    if not users:
        raise ApiError(400, "messages: no user message", param="messages")
    access = data_access(settings, owner)
    question = check_question(_text(users[-1].content), settings, access, "messages")
    try:
        return runs.start(question, owner=owner, thread=None, stream_modes=(), data_roots=access.roots)
    except Busy:
        raise ApiError(429, "every run slot and queue place is taken; retry shortly", code="server_busy",
                       headers={"Retry-After": "5"}) from None


def _answer(run: Run) -> str:
    return run.answer or ""


@router.post("/chat/completions")
async def chat_completions(body: ChatRequest, request: Request, runs: Manager, owner: Owner, settings: Settings):
    run = _start(body, runs, settings, owner)
    cid = f"chatcmpl-{run.run_id}"
    headers = {"x-havoc-run-id": run.run_id}
    if not body.stream:
        from api.routes.runs import wait_or_cancel

        await wait_or_cancel(run, runs, request)
        if run.status == "error" and not _answer(run):
            raise ApiError(500, f"the run failed: {run.error}", code="run_failed")
        content = _answer(run)
        prompt = sum(_words(_text(m.content)) for m in body.messages)
        return JSONResponse({
            "id": cid, "object": "chat.completion", "created": int(time.time()), "model": MODEL,
            "system_fingerprint": None,
            "choices": [{"index": 0, "message": {"role": "assistant", "content": content, "refusal": None},
                         "logprobs": None, "finish_reason": "stop"}],
            "usage": {"prompt_tokens": prompt, "completion_tokens": _words(content),
                      "total_tokens": prompt + _words(content)},
        }, headers=headers)

    include_usage = bool(body.stream_options and body.stream_options.include_usage)

    def chunk(delta: dict[str, Any], finish: str | None = None, usage: dict | None = None,
              choices: bool = True) -> str:
        data: dict[str, Any] = {"id": cid, "object": "chat.completion.chunk", "created": int(time.time()),
                                "model": MODEL, "system_fingerprint": None,
                                "choices": [{"index": 0, "delta": delta, "logprobs": None,
                                             "finish_reason": finish}] if choices else []}
        if include_usage:
            data["usage"] = usage
        return json.dumps(data, ensure_ascii=False)

    async def events():
        try:
            yield {"data": chunk({"role": "assistant", "content": ""})}
            async for _ in runs.follow(run):
                pass  # the chat stream carries the answer; the trace is on /threads/.../runs/stream
            failed = run.status == "interrupted" or (run.status == "error" and not _answer(run))
            if failed:
                message = "the run was cancelled" if run.status == "interrupted" else f"the run failed: {run.error}"
                yield {"data": jsonio.dumps(error_body(500, message, code=f"run_{run.status}"), indent=None)}
                yield {"data": "[DONE]"}
                return
            content = _answer(run)
            for i in range(0, len(content), CHUNK_CHARS):
                yield {"data": chunk({"content": content[i:i + CHUNK_CHARS]})}
            yield {"data": chunk({}, "stop")}
            if include_usage:
                prompt = sum(_words(_text(m.content)) for m in body.messages)
                usage = {"prompt_tokens": prompt, "completion_tokens": _words(content),
                         "total_tokens": prompt + _words(content)}
                yield {"data": chunk({}, usage=usage, choices=False)}
            yield {"data": "[DONE]"}
        finally:
            if not run.done:
                runs.cancel(run)

    return EventSourceResponse(events(), ping=15, headers=headers)
