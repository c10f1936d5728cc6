"""Domain questions with nothing to compute are answered from the corpus, cited, with no invented numbers;
requests that do name something to compute still get it."""

from __future__ import annotations

import pytest

from graphs.planning.nl_doe import asks_for_explanation, plan_design
from graphs.planning.nl_math import plan_math, reads_as_maths
from graphs.srs import run


@pytest.mark.parametrize(("question", "article"), [
    ("what is a p-value?", "P-values"),
    ("explain Box-Behnken", "Box-Behnken"),
    ("what does Cpk measure", "apab"),
    ("When should I use a central composite design?", "entral composite"),
])
def test_an_explanation_quotes_the_corpus(question: str, article: str) -> None:
    state = run(question)
    answer = state["answer"]
    assert state["results"] == [] and (state.get("plan") or {}).get("program") is None
    assert answer["citations"] and article.lower() in " ".join(answer["citations"]).lower(), answer["citations"]
    assert answer["markdown"].startswith("## From the knowledge base")
    assert "Nothing was computed" in answer["markdown"]
    quoted = [p["text"].strip()[:60] for p in state["passages"]]
    assert any(q in answer["markdown"] for q in quoted)
    assert answer["confidence"] == 0.0


def test_an_explanation_starts_with_what_the_method_is_for() -> None:
    answer = run("explain Box-Behnken")["answer"]
    assert answer["citations"][0] == "Box-Behnken design § When to use it"


def test_data_without_a_known_computation_is_not_explained_away() -> None:
    answer = run("Hotelling T2 chart of 5.1, 5.3, 4.9, 5.0, 5.2, 5.4, 5.0")["answer"]
    assert answer["markdown"].startswith("I can't compute an answer to that")
    assert "Related reading" in answer["markdown"]


@pytest.mark.parametrize("question", [
    "What is a Box-Behnken design for three factors?",
    "what is a box-behnken design for temperature (150-200 C), pressure (1-3 bar) and time (10-30 min)",
    "Can you design a 2^3 full factorial?",
    "Design a Box-Behnken DOE",
])
def test_a_design_request_phrased_as_a_question_still_gets_a_design(question: str) -> None:
    assert not asks_for_explanation(question)
    intents = plan_design(question)
    assert intents and intents[0].tool == "doe_design"


@pytest.mark.parametrize(("expression", "maths"), [
    ("x^3 sin(x)", True), ("theta^2 cos(theta)", True), ("xy", True), ("log_2(x)", True),
    ("erf(x)*Heaviside(x)", True), ("exp(2t)", True), ("who lost its function", False), ("velocity", False),
    ("", False),
])
def test_reads_as_maths(expression: str, maths: bool) -> None:
    assert reads_as_maths(expression) is maths


def test_a_greek_variable_is_the_variable() -> None:
    (intent,) = plan_math("differentiate theta^2 cos(theta)")
    assert intent.args["variable"] == "theta"
    (intent,) = plan_math("derivative of sin(omega t)")
    assert intent.args["variable"] == "t"  # omega is the constant, as written in physics


def test_a_greek_derivative_is_right_end_to_end() -> None:
    state = run("differentiate theta^2 cos(theta)")
    out = state["results"][0]["output"]
    assert out["result"].replace(" ", "") in ("-theta**2*sin(theta)+2*theta*cos(theta)",
                                               "2*theta*cos(theta)-theta**2*sin(theta)",
                                               "theta*(-theta*sin(theta)+2*cos(theta))"), out
    assert state["audit_passed"]
