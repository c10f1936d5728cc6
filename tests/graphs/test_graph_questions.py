"""The agent end to end on tests/data/agent_questions.jsonl: plan, key numbers, audit, citations.

Expected numbers were computed independently (numpy/scipy/sympy, published
constants) by tests/data/make_agent_questions.py.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import sympy

from graphs.srs import run
from havoc_agent.evaluation import expect_problem, main_result
from tools.registry import get as get_tool

QUESTIONS = [json.loads(line) for line in (Path(__file__).parents[1] / "data" / "agent_questions.jsonl").read_text(
    encoding="utf-8").splitlines() if line.strip()]
MARKER = Path("/tmp/havoc_pwned_by_question")
# one planner argument, two spellings in the DSL: a constant sample size is `sizes 100`, a subgroup_size for the
# tool; "3 levels" for every factor becomes each factor's own list of levels
SAME_ARG = {"sizes": ("sizes", "subgroup_size"), "levels": ("levels", "factors")}


def _dropped(tool: str, planned: dict, executed: dict) -> list[str]:
    """Planner arguments that did not reach the tool: absent there, and not the tool's own default either."""
    fields = get_tool(tool).args_model.model_fields
    dropped = []
    for key, value in planned.items():
        if any(name in executed for name in SAME_ARG.get(key, (key,))):
            continue
        default = fields[key].default if key in fields else object()
        if str(value) != str(default):
            dropped.append(f"{key}={value!r}")
    return sorted(dropped)


def _main_result(state: dict, tool: str) -> dict:
    result = main_result(state, tool)
    assert result, f"no {tool} result; plan was {state.get('plan')}, error {state.get('execution_error')}"
    return result


@pytest.mark.parametrize("item", QUESTIONS, ids=[q["question"][:50] for q in QUESTIONS])
def test_question(item: dict) -> None:
    MARKER.unlink(missing_ok=True)
    state = run(item["question"])
    assert not state.get("failure"), state.get("failure")
    answer = state["answer"]
    assert answer["markdown"].strip()
    if item.get("hostile"):
        assert not MARKER.exists(), "a hostile question executed code"
        assert not [r for r in state.get("results") or [] if r.get("output")]
        return
    if item["tool"] is None:
        assert state["mode"] == "general"
        assert not state.get("results")
        assert "HAVOC answers questions about" in answer["markdown"]
        return
    assert state["mode"] == item["mode"], state.get("mode_scores")
    result = _main_result(state, item["tool"])
    for key, value in (item.get("args") or {}).items():
        assert result["args"].get(key) == value, f"{key}: {result['args'].get(key)!r} != {value!r}"
    for key, value in (item.get("expect") or {}).items():
        problem = expect_problem(key, value, result)
        assert problem is None, problem
    if item.get("expr"):
        got = sympy.sympify(result["output"]["result"])
        assert sympy.simplify(got - sympy.sympify(item["expr"])) == 0, result["output"]["result"]
    for intent, executed in zip(state.get("intents") or [], state.get("results") or [], strict=False):
        if intent["tool"] == executed["tool"]:  # nothing the planner understood may be lost on the way to the tool
            dropped = _dropped(intent["tool"], intent["args"], executed["args"])
            assert not dropped, f"the DSL program dropped {dropped}: {state['plan']['program']}"
    assert state["audit_passed"], [c for c in state["audit_checks"] if not c["passed"]]
    assert answer["citations"], "no citations from the corpus"
    assert 0 < answer["confidence"] <= 1
