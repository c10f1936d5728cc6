"""Identifiers in prose ("lot 2024-117", "part 7731-22", "RMA batch 0931", "P/N 55-210") are names, not numbers.

Read number by number, "Twelve pulls from lot 2024-117: 50.3, 50.8 …" puts 2024 and 117 among the measurements (a
one-sample question became a one-way ANOVA of three "groups"). An identifier is a number written after a word that
names a thing (lot, batch, part, serial, order, job, heat, reel, drawing …) and written like a code: with a hyphen
or slash between digit groups, a leading zero, or four digits or more. It is replaced by a placeholder before the
planners read the numbers, and said in the notes.
"""

from __future__ import annotations

import re

_NOUN = (r"lot|batch|part|part\s*(?:no\.?|number)|p/?n|serial|s/?n|order|po|job|ticket|ref(?:erence)?|rma|drawing|dwg|project|"
         r"heat|coil|reel|work\s*order|wo|sample\s*id|id|spool|roll|pallet|tool|die|mou?ld|cavity\s*set|receipt\s*nos?")
# "in production order: 1213, 1250, …" names no order: an order of readings, and the first of a list is a reading
_ID = re.compile(rf"(?<!production )(?<!time )(?<!run )(?<!standard )(?<!random )(?<!the same )"
                 rf"\b(?P<noun>{_NOUN})\.?\s*(?:no\.?|number|#|id)?\s*[:#]?\s*"
                 r"(?P<id>[A-Z]{0,3}-?\d+(?:[-/][A-Za-z0-9]+)+|0\d+|\d{4,})(?![\w.,]*\d)(?!\s*[,;]\s*\d)", re.I)


def blank_identifiers(question: str) -> tuple[str, list[str]]:
    """(question with each identifier replaced by a placeholder, a note naming them)."""
    found: list[str] = []
    row_labels: set[tuple[str, str]] = set()

    def blank(m: re.Match) -> str:
        line_start = question.rfind("\n", 0, m.start()) + 1
        if not question[line_start:m.start()].strip() and \
                re.match(r"\s*(?:->|[-–—:|→\t])\s*\d", question[m.end():m.end() + 8]):
            row_labels.add((m.group("noun").lower(), m.group("id")))
            return m.group(0)  # "Lot 4471 - 200 inspected, 7 defective": a row's label, read with its row
        if (m.group("noun").lower(), m.group("id")) in rows:
            return m.group(0)  # "batch 1047 … leave it out": the prose names a row, which its reader drops
        found.append(f"{m.group('noun')} {m.group('id')}")
        return m.group(0)[: m.start("id") - m.start()] + "(id)"

    rows: set[tuple[str, str]] = set()
    _ID.sub(blank, question)  # first pass: the identifiers that label rows
    rows, found[:] = set(row_labels), []
    out = _ID.sub(blank, question)
    if not found:
        return question, []
    return out, [f"identifiers, not data: {', '.join(found[:4])}{' …' if len(found) > 4 else ''}"]
