"""The answer's audit section tells passed, failed and undecided checks apart."""

from __future__ import annotations

from graphs.reading import reading_checks
from graphs.stages.answer import compose
from tools.registry import run_tool


def _state(checks: list[dict], passed: bool) -> dict:
    args = {"expression": "x^2", "variable": "x", "lower": 0, "upper": 1}
    results = [{"tool": "integrate", "args": args, "output": run_tool("integrate", args)}]
    checks = checks + reading_checks("integrate x^2 from 0 to 1", results)  # as AUDIT adds them
    return {
        "question": "integrate x^2 from 0 to 1", "mode": "math", "mode_confidence": 1.0,
        "results": results,
        "plan": {"program": "integrate x^2 dx from 0 to 1", "planner": "nl_parser"},
        "decision": {"chosen": "integrate", "rationale": "as asked", "confidence": 0.8},
        "audit_checks": checks, "audit_passed": passed, "passages": [],
    }


def test_an_inconclusive_check_is_neither_a_pass_nor_a_fail() -> None:
    checks = [
        {"tool": "integrate", "name": "closed form", "passed": True, "detail": "matches"},
        {"tool": "integrate", "name": "quadrature", "passed": False, "inconclusive": True,
         "detail": "inconclusive: did not converge"},
    ]
    answer = compose(_state(checks, passed=True))
    assert "1 of 1 independent checks passed (1 could not decide)." in answer.markdown
    assert "- ? integrate quadrature: inconclusive: did not converge" in answer.markdown
    assert any("could not decide" in c for c in answer.caveats)
    assert answer.confidence > 0


def test_a_failed_check_is_shown_as_failed() -> None:
    checks = [{"tool": "integrate", "name": "quadrature", "passed": False, "detail": "off by 1e-3"}]
    answer = compose(_state(checks, passed=False))
    assert "0 of 1 independent checks passed: **the audit failed**" in answer.markdown
    assert "- ✗ integrate quadrature" in answer.markdown
