"""A stem-and-leaf display ("41 | 6 8", "42 | 0 0 3 5 7 9", …, "Key: 41|3 = 41.3") → the values it shows.

Read number by number, a display's stems became the data and its leaves were lost. Each leaf is one value: the stem
followed by the leaf digit, placed by the key ("41|3 = 41.3 kg": a leaf is tenths). Without a key the leaf is the
units digit (stem 4, leaf 2 → 42), the common convention, and the note says so. A count the question states ("the 25
bag weights") must match the leaves, or the display is left alone, and so is one the question does not call a
stem-and-leaf display (or give a key for): "0 | 7", "1 | 11" is as likely a tally.
"""

from __future__ import annotations

import re
from decimal import Decimal

_ROW = re.compile(r"^\s*(?P<stem>-?\d{1,4})\s*[|│]\s*(?P<leaves>(?:\d\s*)*)$")
_KEY = re.compile(r"(?P<stem>-?\d{1,4})\s*[|│]\s*(?P<leaf>\d)\s*(?:=|means|represents|is)\s*(?P<value>-?\d+(?:\.\d+)?)",
                  re.I)
MIN_ROWS = 3


def _scale(key: re.Match | None) -> tuple[Decimal, str]:
    """The value of one leaf unit, from the key, and how it was found."""
    if not key:
        return Decimal(1), "no key given: the leaf read as the units digit (stem 4, leaf 2 → 42)"
    stem, leaf, value = int(key.group("stem")), int(key.group("leaf")), Decimal(key.group("value"))
    for exponent in range(-4, 4):
        unit = Decimal(10) ** exponent
        if (Decimal(stem) * 10 + leaf) * unit == value:
            return unit, f"key {key.group(0).strip()}: a leaf is {unit.normalize():f}"
    raise ValueError(key.group(0))


def display_span(question: str) -> tuple[int, int, list[Decimal]] | None:
    """(start, end, values) of the question's stem-and-leaf display, or None (the reading audit's view of it)."""
    text, notes = stem_and_leaf(question)
    if not notes:
        return None
    lines = question.split("\n")
    found = [i for i, line in enumerate(lines) if _ROW.match(line)]
    start = sum(len(line) + 1 for line in lines[:found[0]])
    end = sum(len(line) + 1 for line in lines[:found[-1] + 1]) - 1
    listed = next(line for line in text.split("\n") if line.startswith("values: "))
    return start, end, [Decimal(v) for v in listed[len("values: "):].split(", ")]


def stem_and_leaf(question: str) -> tuple[str, list[str]]:
    """The question with its display replaced by the values as one list, and a note; unchanged when it has none."""
    if not re.search(r"\bstem|\bleaf|\bleaves\b|\bkey\s*:", question, re.I):
        return question, []  # "0 | 7", "1 | 11": a tally or a table, unless the question says it is a display
    lines = question.split("\n")
    rows = [(i, _ROW.match(line)) for i, line in enumerate(lines)]
    found = [(i, m) for i, m in rows if m]
    if len(found) < MIN_ROWS or found[-1][0] - found[0][0] + 1 != len(found):
        return question, []
    try:
        unit, how = _scale(_KEY.search(question))
    except ValueError:
        return question, []
    values = []
    for _, m in found:
        stem = int(m.group("stem"))
        for leaf in re.findall(r"\d", m.group("leaves")):
            magnitude = (abs(stem) * 10 + int(leaf)) * unit
            values.append(-magnitude if m.group("stem").startswith("-") else magnitude)
    said = re.search(r"\b(?:the|all|of)\s+(\d+)\s+(?:[a-z-]+\s+){0,3}?(?:values|weights|readings|measurements|"
                     r"observations|results|times|lengths|scores|points|data)\b", question, re.I)
    if said and int(said.group(1)) != len(values) or len(values) < 3:
        return question, []
    first, last = found[0][0], found[-1][0]
    digits = max(-unit.as_tuple().exponent, 0)
    listed = "values: " + ", ".join(f"{v:.{digits}f}" for v in values)
    # the key's own numbers are how to read the display, not data
    prose = [re.sub(_KEY, "key", line) for line in lines[:first] + ["\0"] + lines[last + 1:]]
    text = "\n".join(prose).replace("\0", listed)
    return text, [f"a stem-and-leaf display of {len(values)} values ({how})"]
