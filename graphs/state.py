"""The typed state that flows through the eight SRS stages.

Append-only fields (trace, arguments, audit checks) use `Annotated` reducers.
A thread (LangGraph checkpointer) keeps the state between questions, so each
new run starts by resetting the per-run lists with `RESET`; `bindings` and
`history` deliberately survive, which is what lets "now with 5 centre points"
refer to the previous answer.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal, TypedDict

from pydantic import BaseModel, Field

Mode = Literal["doe", "spc", "stats", "math", "general"]
MODES: tuple[Mode, ...] = ("doe", "spc", "stats", "math", "general")

RESET = {"__reset__": True}
MAX_REVISIONS = 2


def append_or_reset(left: list | None, right: list | None) -> list:
    """Append `right` to `left`, unless `right` starts with RESET, which starts the list afresh."""
    left = list(left or [])
    right = list(right or [])
    if right and right[0] == RESET:
        return right[1:]
    return left + right


class Passage(BaseModel):
    text: str
    citation: str
    source: str
    section: str = ""
    score: float = 0.0


class Plan(BaseModel):
    program: str = Field(description="the DSL program")
    planner: Literal["user_dsl", "chat_model", "nl_parser", "none"]
    notes: list[str] = Field(default_factory=list, description="defaults the planner assumed, in words")
    intent: str = ""


class ToolResult(BaseModel):
    tool: str
    args: dict[str, Any]
    output: dict[str, Any] | None = None
    error: str | None = None
    statement: str = ""
    binding: str | None = None


class Argument(BaseModel):
    stance: Literal["pro", "con", "note"]
    topic: str
    text: str
    check: str = Field(default="", description="the check the argument rests on")
    value: float | None = None


class Alternative(BaseModel):
    name: str
    tool: str
    output: dict[str, Any] | None = None
    summary: str = ""


class Decision(BaseModel):
    chosen: str
    rationale: str
    confidence: float
    confidence_terms: dict[str, float] = Field(default_factory=dict)


class AuditCheck(BaseModel):
    name: str
    passed: bool
    detail: str = ""


class Answer(BaseModel):
    markdown: str
    confidence: float
    caveats: list[str] = Field(default_factory=list)
    citations: list[str] = Field(default_factory=list)
    reading: str = Field(default="", description="'I read this as …', generated from the executed calls")
    status: Literal["answered", "unsure", "refused"] = Field(
        default="answered", description="unsure: the reading audit found part of the question not covered")


class AgentState(TypedDict, total=False):
    run_id: str
    question: str
    model_configured: bool
    mode: Mode
    mode_confidence: float
    mode_scores: dict[str, float]
    passages: list[dict[str, Any]]
    plan: dict[str, Any] | None
    plan_error: str | None
    # every reader's checked program: {"planner", "program", "results", "execution_error"}
    readings: list[dict[str, Any]]
    # "agree" (the readings' tool results are equal), "disagree", or "single" (one reading)
    agreement: Literal["agree", "disagree", "single"] | None
    intents: list[dict[str, Any]]
    results: list[dict[str, Any]]
    execution_error: str | None
    arguments: Annotated[list[dict[str, Any]], append_or_reset]
    alternatives: list[dict[str, Any]]
    decision: dict[str, Any] | None
    audit_checks: Annotated[list[dict[str, Any]], append_or_reset]
    audit_passed: bool
    audit_feedback: str | None
    revisions: int
    unaudited: list[str]
    answer: dict[str, Any] | None
    trace: Annotated[list[dict[str, Any]], append_or_reset]
    failure: dict[str, Any] | None
    cancelled: bool
    # survive across the runs of one thread
    bindings: dict[str, Any]
    history: Annotated[list[dict[str, Any]], append_or_reset]
