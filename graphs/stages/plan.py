"""PLAN: turn the question into a DSL program.

Readers (DESIGN.md): DSL written by the user wins outright. Otherwise both the
rule parser and the configured chat model read the question (the model's
program must parse and check); the rule parser's program is the plan when it
has one, the model's when the rules refuse. `readings` keeps every checked
program, so EXECUTE can run both and the answer can show two readings.
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
        return ({**reset, "plan": None, "plan_error": why, "readings": []}, why, detail)
    if program:
        plan = Plan(program=program, planner="user_dsl")
        return ({**reset, "plan": plan.model_dump(), "plan_error": None, "readings": [_reading("user_dsl", program)]},
                "user's own DSL program", detail)

    model = (config or {}).get("configurable", {}).get("model")
    model_program = None
    if model is not None and failed_planner != "chat_model":
        model_program, why = plan_with_chat_model(model, question, state.get("mode", "general"), state.get("bindings"))
        detail["chat_model"] = why
    model_reading = [_reading("chat_model", model_program)] if model_program else []

    try:
        intents = plan_question(question, state.get("mode", "general"), previous=_previous_intents(state),
                                bindings=state.get("bindings") or {})
    except HavocInputError as exc:  # the question's own data cannot be used as written ("1, nan, 3")
        return ({**reset, "plan": None, "plan_error": str(exc), "readings": []},
                f"bad data in the question: {exc}", detail)
    if not intents or failed_planner == "nl_parser":
        if model_program:  # the rules refused (or failed the audit): the model's checked program answers
            plan = Plan(program=model_program, planner="chat_model")
            detail["readings"] = model_reading
            return ({**reset, "plan": plan.model_dump(), "plan_error": None, "readings": model_reading},
                    "planned by the chat model" + (" (the rule parser found nothing)" if not intents else ""), detail)
        if failed_planner:  # a revision with no other route: keep the audited plan and its results
            return {}, "no alternative plan; keeping the audited one", detail
        return ({**reset, "plan": None, "plan_error": None, "readings": []}, "nothing to compute for this question",
                detail)
    program = render_program(intents)
    notes = [n for i in intents for n in i.notes]
    plan = Plan(program=program, planner="nl_parser", notes=notes, intent=intents[0].tool)
    readings = [_reading("nl_parser", program), *model_reading]
    detail["intents"] = [_intent_dict(i) for i in intents]
    detail["readings"] = readings
    second = f"; the chat model read it {'the same way' if model_program == program else 'differently'}" \
        if model_program else ""
    return ({**reset, "plan": plan.model_dump(), "plan_error": None, "intents": detail["intents"],
             "readings": readings},
            f"{intents[0].tool} via the NL parser" + (f" ({'; '.join(notes)})" if notes else "") + second, detail)


def _reading(planner: str, program: str) -> dict:
    """One reader's checked program; EXECUTE fills its results."""
    return {"planner": planner, "program": program, "results": [], "execution_error": None}


def _intent_dict(intent: Intent) -> dict:
    return jsonable({"tool": intent.tool, "args": intent.args, "binding": intent.binding, "uses": intent.uses})
