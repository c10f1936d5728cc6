"""The one intent the rule parser plans for a question, for the planning tests."""

from __future__ import annotations

from graphs.planning.intent import Intent
from graphs.planning.nl import plan_question


def first_intent(question: str, mode: str = "stats") -> Intent:
    intents = plan_question(question, mode)
    assert intents, f"nothing planned for {question!r}"
    return intents[0]


def decimals(values: list) -> list:
    """Values as the planner holds them (Decimal, from their text)."""
    from decimal import Decimal

    return [Decimal(str(v)) for v in values]
