"""Stage-level behaviour: reducers, MODE, NL planning to valid DSL, the routing after AUDIT."""

from __future__ import annotations

from decimal import Decimal

import pytest

from graphs.planning.extract import factor_specs, named_groups, numbers
from graphs.planning.nl import plan_question
from graphs.planning.to_dsl import explicit_multiplication, render_program
from graphs.srs import RECURSION_LIMIT, after_audit
from graphs.stages.arbiter import confidence
from graphs.stages.mode import classify
from graphs.state import MAX_REVISIONS, RESET, append_or_reset


def test_append_or_reset() -> None:
    assert append_or_reset([1, 2], [3]) == [1, 2, 3]
    assert append_or_reset([1, 2], [RESET, 3]) == [3]
    assert append_or_reset(None, None) == []


@pytest.mark.parametrize(("question", "mode"), [
    ("Design a Box-Behnken DOE", "doe"),
    ("Is this process capable?", "spc"),
    ("Compare these three suppliers", "stats"),
    ("What is the derivative of x³ sin x", "math"),
    ("weather in Paris", "general"),
    ("qwerty zxcv", "general"),
])
def test_mode(question: str, mode: str) -> None:
    got, conf, scores = classify(question)
    assert got == mode
    assert 0 < conf <= 1
    assert set(scores) == {"doe", "spc", "stats", "math", "general"}


def test_numbers_keep_decimal_text() -> None:
    assert numbers("LSL 9.80 and 1000000000000.4") == [Decimal("9.80"), Decimal("1000000000000.4")]


def test_factor_ranges_and_units() -> None:
    specs = factor_specs("temperature 150-200 °C, pressure 1 to 3 bar and time (10..30 min)")
    assert [(f.name, f.low, f.high, f.units) for f in specs] == [
        ("temperature", 150, 200, "°C"), ("pressure", 1, 3, "bar"), ("time", 10, 30, "min")]


def test_named_groups() -> None:
    groups = named_groups("A: 1, 2, 3; B = [4, 5, 6]")
    assert list(groups) == ["A", "B"] and groups["B"] == [4, 5, 6]


@pytest.mark.parametrize(("text", "want"), [
    ("x^3 sin(x)", "x^3*sin(x)"), ("2x", "2*x"), ("(x+1)(x-1)", "(x + 1)*(x - 1)"), ("sin(2x)", "sin(2*x)"),
])
def test_explicit_multiplication(text: str, want: str) -> None:
    assert explicit_multiplication(text) == want


def test_default_box_behnken_plan() -> None:
    intents = plan_question("Design a Box-Behnken DOE", "doe")
    assert intents[0].args == {"design": "box_behnken", "factors": 3, "center_points": 3}
    assert any("3 coded factors" in n for n in intents[0].notes)


def test_follow_up_changes_previous_design() -> None:
    previous = [{"tool": "doe_design", "args": {"design": "box_behnken", "factors": 3, "center_points": 3},
                 "binding": "d"}]
    intents = plan_question("now with 5 centre points", "doe", previous=previous)
    assert intents[0].args["center_points"] == 5 and intents[0].args["design"] == "box_behnken"


def test_unplannable_question_gives_nothing() -> None:
    assert plan_question("What's the weather in Paris?", "general") is None


def test_rendered_programs_parse() -> None:
    import dsl

    for question in ("Design a Box-Behnken DOE for temperature 150-200 °C, pressure 1 to 3 bar and time 10..30 min",
                     "face-centred central composite design for 3 factors", "What is the derivative of x³ sin x",
                     "Integrate x^2 from 0 to 1", "p chart: defectives [12, 15, 8] out of 100 each",
                     "Compare A: 1, 2, 3; B: 2, 3, 5; C: 4, 5, 6"):
        mode = classify(question)[0]
        program = render_program(plan_question(question, mode))
        dsl.parse(program)  # raises on a syntax error


def test_after_audit_routing() -> None:
    chat = {"planner": "chat_model"}
    assert after_audit({"audit_feedback": "SS do not add up", "revisions": 1, "plan": chat}) == "PLAN"
    assert after_audit({"audit_feedback": "SS do not add up", "revisions": MAX_REVISIONS + 1, "plan": chat}) == "ANSWER"
    assert after_audit({"audit_feedback": None, "revisions": 0, "plan": chat}) == "ANSWER"
    # the NL parser is the last planner: re-running it would repeat the same plan
    assert after_audit({"audit_feedback": "bad", "revisions": 1, "plan": {"planner": "nl_parser"}}) == "ANSWER"
    assert RECURSION_LIMIT >= 8 + 5 * MAX_REVISIONS


def test_confidence_formula() -> None:
    value, terms = confidence(1.0, "user_dsl", pros=3, cons=0)
    assert value == pytest.approx(0.2 + 0.3 + 0.5 * 4 / 5)
    assert terms == {"m": 1.0, "p": 1.0, "a": 0.8}
    assert confidence(1.0, "nl_parser", 0, 5)[0] < confidence(1.0, "nl_parser", 5, 0)[0]


def test_mode_asks_the_chat_model_only_when_unsure() -> None:
    from langchain_core.language_models.fake_chat_models import FakeListChatModel

    from graphs.stages.mode import mode_stage

    unsure = {"question": "how fast does it grow", "run_id": "t"}
    out = mode_stage(unsure, {"configurable": {"model": FakeListChatModel(responses=["math"])}})
    assert out["mode"] == "math" and out["mode_confidence"] == 0.6
    sure = {"question": "Design a Box-Behnken DOE", "run_id": "t"}
    out = mode_stage(sure, {"configurable": {"model": FakeListChatModel(responses=["math"])}})
    assert out["mode"] == "doe"
    junk = mode_stage(unsure, {"configurable": {"model": FakeListChatModel(responses=["banana"])}})
    assert junk["mode"] == "general"
