"""AUDIT: verify the chosen results by an independent route (graphs/audit_checks.py), and the reading.

The reading audit (graphs/reading/) checks that every number of the question
is used by the executed calls or has a named context role, and that every
cue ("paired", "in 2 blocks", "Ppk") is honoured; it looks at the question and
the calls only, whichever planner wrote the plan.

A failed check sends the reason back to PLAN, at most MAX_REVISIONS times; a
tool with no independent route is said to be unaudited, which is a caveat, not
a failure. A check whose independent route cannot decide (a quadrature that does
not settle, arithmetic that overflows) is marked `inconclusive` with the reason:
it is reported, and neither passes nor fails the audit.
"""

from __future__ import annotations

from graphs.audit_checks import AUDITORS
from graphs.reading import reading_checks
from graphs.state import RESET
from graphs.trace import StageResult, traced


@traced("AUDIT")
def audit_stage(state: dict, config: dict | None = None) -> StageResult:
    checks: list[dict] = []
    unaudited: list[str] = []
    for result in state.get("results") or []:
        if result.get("output") is None:
            continue
        auditor = AUDITORS.get(result["tool"])
        if auditor is None:
            unaudited.append(result["tool"])
            continue
        try:
            found = auditor(result["args"], result["output"])
        except ArithmeticError as exc:  # the recomputation overflowed or divided by zero: it cannot decide
            found = [{"name": f"{result['tool']} audit", "passed": False, "inconclusive": True,
                      "detail": f"inconclusive: could not recompute: {type(exc).__name__}: {exc}"}]
        except (KeyError, TypeError, ValueError, IndexError) as exc:
            found = [{"name": f"{result['tool']} audit", "passed": False,
                      "detail": f"could not recompute: {type(exc).__name__}: {exc}"}]
        if not found:
            unaudited.append(result["tool"])
        checks += [{**c, "tool": result["tool"]} for c in found]
    if not state.get("execution_error"):
        checks += reading_checks(state.get("question", ""), state.get("results"),
                                 (state.get("plan") or {}).get("notes"))
    failed = [c for c in checks if not c["passed"] and not c.get("inconclusive")]
    inconclusive = [c for c in checks if c.get("inconclusive")]
    passed = bool(state.get("results")) and not failed and not state.get("execution_error")
    revisions = state.get("revisions", 0)
    feedback = "; ".join(f"{c['tool']}: {c['name']}: {c['detail']}" for c in failed) or None
    update = {
        "audit_checks": [RESET, *checks],
        "audit_passed": passed,
        "audit_feedback": feedback,
        "revisions": revisions + (1 if failed else 0),
        "unaudited": unaudited,
    }
    decided = len(checks) - len(inconclusive)
    summary = (f"{decided - len(failed)}/{decided} checks passed" if checks else "no independent check")
    if inconclusive:
        summary += f", {len(inconclusive)} inconclusive"
    if unaudited:
        summary += f"; unaudited: {', '.join(sorted(set(unaudited)))}"
    return update, summary, {"checks": checks, "unaudited": unaudited}
