"""The reading checks AUDIT records, in the schema of every other audit check.

Two checks when anything was computed: "numbers accounted for" and "cues
honoured". Each failure says exactly what is missing, in words a user (and
a revising planner) can act on.
"""

from __future__ import annotations

from functools import cache

from graphs.reading.calls import calls_of
from graphs.reading.cues import find_cues
from graphs.reading.numbers import account

TOOL = "reading"


@cache
def tool_defaults(tool: str) -> dict[str, object]:
    """A tool's argument defaults (only the called tools' modules are imported: a cold ask stays short)."""
    from tools.errors import HavocInputError
    from tools.registry import get

    try:
        spec = get(tool)
    except HavocInputError:  # not a registered tool: no defaults to account for
        return {}
    return {k: f.default for k, f in spec.args_model.model_fields.items()}


def reading_checks(question: str, results: list[dict] | None, notes: list[str] | None = None) -> list[dict]:
    calls = calls_of(results)
    if not calls or not question.strip():
        return []
    checks = []
    numbers = account(question, calls, {c.tool: tool_defaults(c.tool) for c in calls}, notes)
    unaccounted = numbers.unaccounted
    as_data = numbers.labels_as_data
    problems = []
    if unaccounted:
        problems.append("not used by the plan and no context role: " + "; ".join(
            f"{n.text} in '{n.context(question)}'" for n in unaccounted[:6]))
    if as_data:
        problems.append("read as data, but the question uses it to name or place a value: " + "; ".join(
            f"{n.text} ({n.role.removesuffix(', context')}) in '{n.context(question)}'" for n in as_data[:6]))
    if problems:
        detail = "; ".join(problems)
    else:
        roles = [f"{n.text}: {n.role}" for n in numbers.numbers if n.role != "data"]
        data = sum(n.role == "data" for n in numbers.numbers)
        detail = (f"{data} data value(s)" if data else "no data values") + (
            "; " + "; ".join(roles[:12]) if roles else "") + (" …" if len(roles) > 12 else "")
    checks.append({"name": "every number of the question accounted for", "passed": not problems,
                   "detail": detail, "tool": TOOL,
                   "numbers": [{"text": n.text, "role": n.role} for n in numbers.numbers],
                   "unaccounted": [n.text for n in unaccounted], "labels_as_data": [n.text for n in as_data]})
    cues = find_cues(question, calls)
    missed = [f for f in cues if not f.honoured]
    if missed:
        detail = "not honoured: " + "; ".join(f"'{f.phrase}' asks for {f.cue.requirement}" for f in missed)
    else:
        detail = ("honoured: " + ", ".join(f"{f.cue.name} ('{f.phrase}')" for f in cues)) if cues else \
            "no cue in the question asks for a particular method or option"
    checks.append({"name": "every cue of the question honoured", "passed": not missed, "detail": detail,
                   "tool": TOOL, "cues": [{"cue": f.cue.name, "phrase": f.phrase, "honoured": f.honoured}
                                          for f in cues]})
    return checks


def reading_failures(checks: list[dict]) -> list[str]:
    """What the plan did not cover, one phrase each (for the answer's opening)."""
    out = []
    for c in checks:
        if c.get("tool") != TOOL or c["passed"]:
            continue
        if c.get("unaccounted"):
            out.append("the question's " + ", ".join(c["unaccounted"][:5]) + " not used")
        if c.get("labels_as_data"):
            out.append("the labels " + ", ".join(c["labels_as_data"][:5]) + " read as data")
        for cue in c.get("cues") or []:
            if not cue["honoured"]:
                out.append(f"'{cue['phrase']}' not honoured")
    return out
