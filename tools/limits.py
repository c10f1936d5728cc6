"""Size limits every tool call is held to before any work starts (issue 14).

One bad argument must not exhaust the host: a 100,000-run Plackett–Burman design
asks for a 50,000² matrix, a million-digit string for a parser's time. Limits
are checked on the raw arguments, before validation builds anything, and each
breach is a one-line error naming the field and the limit. They are settings
(environment variables) with defaults far above real use:

| setting | default | what it bounds |
|---|---|---|
| `HAVOC_MAX_VALUES` | 1,000,000 | numbers in one call's arguments (all lists and tables together) |
| `HAVOC_MAX_TEXT` | 100,000 | characters of one text argument (an expression, a program, a label) |
| `HAVOC_MAX_DEPTH` | 16 | nesting of lists and objects in the arguments |
| `HAVOC_MAX_RUNS` | 10,000 | runs of a generated design (also in `doe_design`'s schema) |

Tools state their own per-field bounds in their schemas (`tool describe`), e.g. a design's factors.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

from tools.errors import HavocInputError

DEFAULTS = {"HAVOC_MAX_VALUES": 1_000_000, "HAVOC_MAX_TEXT": 100_000, "HAVOC_MAX_DEPTH": 16,
            "HAVOC_MAX_RUNS": 10_000}


def limit(name: str) -> int:
    raw = os.environ.get(name)
    if raw is None:
        return DEFAULTS[name]
    try:
        value = int(raw)
    except ValueError:
        raise HavocInputError(f"{name} must be a whole number, got {raw!r}", field=name) from None
    if value < 1:
        raise HavocInputError(f"{name} must be at least 1, got {value}", field=name)
    return value


def check_arguments(tool: str, args: Mapping[str, Any]) -> None:
    """Refuse arguments too large to work on, before anything is built from them."""
    max_values, max_text, max_depth = limit("HAVOC_MAX_VALUES"), limit("HAVOC_MAX_TEXT"), limit("HAVOC_MAX_DEPTH")
    count = 0
    stack: list[tuple[str, Any, int]] = [(str(k), v, 1) for k, v in args.items()]
    while stack:
        field, value, depth = stack.pop()
        if depth > max_depth:
            raise HavocInputError(f"{tool}: arguments nested deeper than {max_depth} levels (HAVOC_MAX_DEPTH)",
                                  field=field)
        if isinstance(value, str):
            if len(value) > max_text:
                raise HavocInputError(f"{tool}: text of {len(value):,} characters, more than the limit of "
                                      f"{max_text:,} (HAVOC_MAX_TEXT)", field=field)
            _check_text(tool, field, value)
        elif isinstance(value, Mapping):
            stack.extend((field, v, depth + 1) for v in value.values())
            stack.extend((field, k, depth + 1) for k in value if isinstance(k, str))
        elif isinstance(value, (list, tuple)):
            count += len(value)
            if count > max_values:
                raise HavocInputError(f"{tool}: more than {max_values:,} values in the arguments "
                                      "(HAVOC_MAX_VALUES)", field=field)
            stack.extend((field, v, depth + 1) for v in value)


def _check_text(tool: str, field: str, text: str) -> None:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise HavocInputError(f"{tool}: text with an unpaired surrogate (not valid Unicode)", field=field) from None
