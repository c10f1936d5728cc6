"""Sample sizes for a given precision (the sample_size_ci tool) read from questions in our own words, and what
is refused or left to the power reader."""

from __future__ import annotations

from decimal import Decimal

import pytest

from graphs.planning.nl import plan_question
from graphs.srs import run
from tests.graphs.planned import first_intent
from tools.errors import HavocInputError


@pytest.mark.parametrize("question, args", [
    ("How many shafts do we need to measure to pin down the mean diameter to within ±0.02 mm at 95% confidence? "
     "Process sigma is about 0.05 mm.",
     {"target": "mean", "margin": Decimal("0.02"), "sd": Decimal("0.05"), "confidence": Decimal("0.95")}),
    ("what sample size gives a margin of error of 4 percentage points for the scrap rate, 90% confidence",
     {"target": "proportion", "margin": Decimal("0.04"), "confidence": Decimal("0.90")}),
    ("Last quarter about 8% of returns were warranty claims. How many returns must we audit to estimate that "
     "proportion within 0.03 at 99% confidence?",
     {"target": "proportion", "margin": Decimal("0.03"), "p": Decimal("0.08"), "confidence": Decimal("0.99")}),
    ("sd = 12 s. I want a 95% CI for the mean cycle time no wider than 5 s. What n?",
     {"target": "mean", "width": Decimal("5"), "sd": Decimal("12"), "confidence": Decimal("0.95")}),
    ("A lot of 1500 units: how many must be inspected to estimate the fraction defective within ±5% (95% confidence)?",
     {"target": "proportion", "margin": Decimal("0.05"), "population": Decimal("1500"), "confidence": Decimal("0.95")}),
    ("sigma unknown, a pilot gave s = 3.1; how many samples to estimate the mean within 1.0 using the t distribution?",
     {"target": "mean", "margin": Decimal("1.0"), "sd": Decimal("3.1"), "method": "t"}),
])
def test_precision_questions(question: str, args: dict) -> None:
    intent = first_intent(question, "stats")
    assert intent.tool == "sample_size_ci"
    assert intent.args == args


def test_a_mean_without_its_standard_deviation_is_refused_naming_it() -> None:
    with pytest.raises(HavocInputError, match="standard deviation"):
        plan_question("How many samples to estimate the mean weight within ±1 g at 95% confidence?", "stats")


def test_a_difference_to_detect_stays_a_power_question() -> None:
    intent = first_intent("How many parts per group to detect a difference of 2 with sd 4 at 80% power?", "stats")
    assert intent.tool == "power"


def test_the_answer_states_n_and_the_margin_it_reaches() -> None:
    answer = run("How many bolts must we measure to estimate the mean length to within ±0.2 mm with 95% "
                 "confidence? The standard deviation is about 0.8 mm.")["answer"]
    assert "sample size to estimate a mean to within ± 0.2 with σ = 0.8, at 95 % confidence" in answer["reading"]
    assert "n = 62" in answer["markdown"]  # (1.959964 · 0.8 / 0.2)² = 61.46
    assert answer["confidence"] >= 0.7
