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


# "- 0 scratches -> 15 panels": a value with its word, an arrow, how many things had it
_ARROW_LINE = re.compile(r"^\s*[-*•]?\s*(?P<v>\d+(?:\.\d+)?)\s*(?P<what>[A-Za-z]+)?\s*(?:->|→|=>)\s*(?P<c>\d+)\s*"
                         r"(?P<things>[A-Za-z]+)?\s*$")


def _arrow_lines(question: str) -> tuple[str, list[str]]:
    """"Number of scratches per panel -> how many panels:" over lines "- 0 scratches -> 15 panels": the expanded
    list, when the question says the right side counts things ("how many", "frequency")."""
    lines = question.split("\n")
    hits = [(i, _ARROW_LINE.match(line)) for i, line in enumerate(lines)]
    found = [(i, m) for i, m in hits if m]
    if len(found) < 3 or found[-1][0] - found[0][0] + 1 != len(found):
        return question, []
    if not re.search(r"\bhow many\b|\bfrequenc|\btall(?:y|ied)\b|\bcount of\b", question, re.I):
        return question, []
    values = [Decimal(m.group("v")) for _, m in found]
    counts = [int(m.group("c")) for _, m in found]
    if len(set(values)) != len(values) or sum(counts) < 2 or sum(counts) > MAX_OBSERVATIONS:
        return question, []
    what = next((m.group("what") for _, m in found if m.group("what")), "value")
    things = next((m.group("things") for _, m in found if m.group("things")), "items")
    expanded = [format(v, "f") for v, c in zip(values, counts, strict=True) for _ in range(c)]
    first, last = found[0][0], found[-1][0]
    note = (f"a frequency table: each number of {what} repeated as often as the {things} that had it "
            f"({', '.join(map(str, counts))}): {sum(counts)} observations")
    return "\n".join([*lines[:first], f"{what}: " + ", ".join(expanded), *lines[last + 1:]]), [note]


def expand_frequency_table(question: str) -> tuple[str, list[str]]:
    """The question with a two-column frequency table replaced by its expanded list, and the note saying so."""
    table = pasted_table(question)
    if table is None or not table.header or len(table.header) != 2 or len(table.rows) < 2:
        return _arrow_lines(question)
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
