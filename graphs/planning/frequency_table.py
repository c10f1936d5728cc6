"""A frequency table (each value beside how many times it was seen) → the observations themselves.

    Defects per panel | Panels
                    0 | 15
                    1 | 19

is 15 panels with 0 defects, 19 with 1 …: a sample of 34 values, not two columns of 2 data each. Read so only when
the question or the header says the second column counts the first ("frequency table", "Panels" beside "Defects
per panel", "count", "no. of"); the table is rewritten as the one expanded list, and a note says how.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from graphs.planning.extract import pasted_table

MAX_OBSERVATIONS = 100_000
_SAID = re.compile(r"\bfrequency\s+(?:table|distribution|count)|\btall(?:y|ied)\b|\bhistogram\b", re.I)
_COUNT_HEADER = re.compile(r"^(?:freq(?:uency|\.)?|count|counts|n|no\.?\s+of\s+\w+|number\s+of\s+\w+|#\s*\w*|"
                           r"occurrences|times(?:\s+seen)?)$", re.I)


def _counts_the_first(first: str, second: str) -> bool:
    """"Defects per panel" beside "Panels": the second column counts the things the first is measured per."""
    per = re.search(r"\bper\s+([a-z]+)", first, re.I)
    unit = re.sub(r"(?:es|s)$", "", second.strip().lower())
    return bool(per and unit and re.sub(r"(?:es|s)$", "", per.group(1).lower()) == unit)


def expand_frequency_table(question: str) -> tuple[str, list[str]]:
    """The question with a two-column frequency table replaced by its expanded list, and the note saying so."""
    table = pasted_table(question)
    if table is None or not table.header or len(table.header) != 2 or len(table.rows) < 2:
        return question, []
    first, second = (h.strip() for h in table.header)
    if not (_SAID.search(question) or _COUNT_HEADER.match(second) or _counts_the_first(first, second)):
        return question, []
    try:
        values = [Decimal(row[0]) for row in table.rows]
        counts = [Decimal(row[1]) for row in table.rows]
    except (InvalidOperation, IndexError):
        return question, []
    if any(c < 0 or c != c.to_integral_value() for c in counts) or len(set(values)) != len(values):
        return question, []
    total = int(sum(counts))
    if total < 2 or total > MAX_OBSERVATIONS:
        return question, []
    expanded = [format(v, "f") for v, c in zip(values, counts, strict=True) for _ in range(int(c))]
    lines = question.split("\n")
    listed = f"{first or 'value'}: " + ", ".join(expanded)
    note = (f"a frequency table: each value of '{first or 'value'}' repeated as often as its count in '{second}' "
            f"({', '.join(format(c, 'f') for c in counts)}): {total} observations")
    return "\n".join([*lines[:table.start], listed, *lines[table.end:]]), [note]
