"""Records pasted as JSON (a script's dump: `[{"run": 1, "temp": "low", "yield": 71.6}, …]`) → the same table as CSV.

Each object is a row and its keys are the columns, in the first object's order; every object must have the same
keys and only numbers or short strings as values, else the text is left as it is. The JSON is read by the json
module (data, never code).
"""

from __future__ import annotations

import json
import re

MAX_ROWS = 10_000


def _cell(value: object) -> str | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (int, float)):
        return repr(value) if isinstance(value, float) else str(value)
    if isinstance(value, str) and value.strip() and len(value) <= 40 and not re.search(r"[,\n\t]", value):
        return value.strip()
    return None


def json_records_as_table(question: str) -> tuple[str, list[str]]:
    """The question with a JSON array of flat records rewritten as CSV lines, and a note saying so."""
    start = question.find("[")
    while start >= 0:
        if re.match(r"\[\s*\{", question[start:]):
            depth, end = 0, None
            for i in range(start, len(question)):
                depth += {"[": 1, "]": -1}.get(question[i], 0)
                if depth == 0:
                    end = i + 1
                    break
            if end is None:
                return question, []
            try:
                records = json.loads(question[start:end])
            except ValueError:
                return question, []
            table = _table(records)
            if table is None:
                return question, []
            header, rows = table
            lines = [", ".join(header), *(", ".join(row) for row in rows)]
            note = f"JSON records read as a table: {len(rows)} rows of {', '.join(header)}"
            for c, name in enumerate(header):  # "run": 1 … 18, each once: the records' ids, named so
                column = [row[c] for row in rows]
                if sorted(column, key=lambda v: int(v) if v.isdigit() else -1) == [str(i) for i in
                                                                                  range(1, len(rows) + 1)]:
                    note += f"; '{name}' numbers the records ({', '.join(column)})"
            return question[:start] + "\n".join(lines) + question[end:], [note]
        start = question.find("[", start + 1)
    return question, []


def _table(records: object) -> tuple[list[str], list[list[str]]] | None:
    if not isinstance(records, list) or not 2 <= len(records) <= MAX_ROWS or \
            not all(isinstance(r, dict) and r for r in records):
        return None
    header = [str(k) for k in records[0]]
    if any([str(k) for k in r] != header for r in records) or any(not re.fullmatch(r"[\w .%()/-]{1,40}", h)
                                                                     for h in header):
        return None
    rows = [[_cell(v) for v in r.values()] for r in records]
    if any(c is None for row in rows for c in row):
        return None
    return header, rows  # type: ignore[return-value]
