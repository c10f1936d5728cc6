"""An intent: one tool call the planner wants, before it is written as DSL."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Intent:
    tool: str
    args: dict[str, Any]
    binding: str | None = None
    notes: list[str] = field(default_factory=list)
    uses: str | None = None  # a name bound by an earlier run ("analyze d ...")
    # numbers of the question the planner turned into other arguments (proportions 0.5, 0.3 → expected counts)
    read: list[str] = field(default_factory=list)
