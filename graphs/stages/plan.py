"""PLAN: turn the question into a DSL program.

Planners, in order (DESIGN.md): DSL written by the user; the configured chat
model (its output must parse and check, else we fall through); the
deterministic natural-language parser. The plan records which one produced it.
On a revision after a failed audit, the planner that produced the failing plan
is skipped, so a retry is a genuinely different route, not the same mistake.
"""

from __future__ import annotations

import re

from graphs.jsonable import jsonable
from graphs.planning.chat_planner import plan_with_chat_model
from graphs.planning.intent import Intent
from graphs.planning.nl import plan_question
from graphs.planning.to_dsl import render_program
from graphs.state import RESET, Plan
from graphs.trace import StageResult, traced
from tools.errors import HavocInputError

_FENCE = re.compile(r"```(?:havoc|dsl)?\s*\n(.*?)```", re.S | re.I)


def user_dsl(question: str) -> str | None:
    """A fenced ```havoc block, or a question that is itself a valid program."""
    import dsl

    m = _FENCE.search(question)
    candidate = m.group(1) if m else question
    try:
        dsl.parse(candidate)
    except HavocInputError:
        if m:  # the user clearly meant DSL: let its error reach them
            raise
        return None
    return candidate.strip()


def _previous_intents(state: dict) -> list[dict]:
    for entry in reversed(state.get("history") or []):
        if entry.get("intents"):
            return entry["intents"]
    return []


@traced("PLAN")
def plan_stage(state: dict, config: dict | None = None) -> StageResult:
    question = state["question"]
    revisions = state.get("revisions", 0)
    failed_planner = (state.get("plan") or {}).get("planner") if state.get("audit_feedback") else None
    reset = {"arguments": [RESET], "audit_checks": [RESET], "intents": [], "results": [], "alternatives": []}
    detail: dict = {"revision": revisions}
    if state.get("audit_feedback"):
        detail["audit_feedback"] = state["audit_feedback"]

    try:
        program = None if failed_planner == "user_dsl" else user_dsl(question)
    except HavocInputError as exc:
        why = f"your DSL program does not parse: {exc}"
        return ({**reset, "plan": None, "plan_error": why}, why, detail)
    if program:
        plan = Plan(program=program, planner="user_dsl")
        return {**reset, "plan": plan.model_dump(), "plan_error": None}, "user's own DSL program", detail

    model = (config or {}).get("configurable", {}).get("model")
    if model is not None and failed_planner != "chat_model":
        program, why = plan_with_chat_model(model, question, state.get("mode", "general"), state.get("bindings"))
        detail["chat_model"] = why
        if program:
            plan = Plan(program=program, planner="chat_model")
            return {**reset, "plan": plan.model_dump(), "plan_error": None}, "planned by the chat model", detail

    try:
        intents = plan_question(question, state.get("mode", "general"), previous=_previous_intents(state),
                                bindings=state.get("bindings") or {})
    except HavocInputError as exc:  # the question's own data cannot be used as written ("1, nan, 3")
        return ({**reset, "plan": None, "plan_error": str(exc)}, f"bad data in the question: {exc}", detail)
    if not intents:
        if failed_planner:  # a revision with no other route: keep the audited plan and its results
            return {}, "no alternative plan; keeping the audited one", detail
        return ({**reset, "plan": None, "plan_error": None}, "nothing to compute for this question", detail)
    program = render_program(intents)
    notes = [n for i in intents for n in i.notes]
    plan = Plan(program=program, planner="nl_parser", notes=notes, intent=intents[0].tool)
    detail["intents"] = [_intent_dict(i) for i in intents]
    return ({**reset, "plan": plan.model_dump(), "plan_error": None, "intents": detail["intents"]},
            f"{intents[0].tool} via the NL parser" + (f" ({'; '.join(notes)})" if notes else ""), detail)


def _intent_dict(intent: Intent) -> dict:
    return jsonable({"tool": intent.tool, "args": intent.args, "binding": intent.binding, "uses": intent.uses})
