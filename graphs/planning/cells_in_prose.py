"""The cells of a two-level factorial told in prose → the table the factorial reader reads.

"At 160 C and 2 bar the yields were 62.7 and 61.7 %; at 180 C and 2 bar, 66.7 and 67.5 %; at 160 C and 3 bar, …":
each clause names one setting of every factor, with its unit, and the readings taken there. When the clauses name
each factor at exactly two settings and cover every combination, with the same number of readings each, they are
rewritten as one row per reading (a column per factor, then the response) for graphs/planning/factorial_data.py,
which codes the settings low → −1, high → +1 and says so. Factors are named by their unit (°C → temperature, bar
→ pressure, min → time, rpm → speed) where the question uses that name, else A, B, C.
"""

from __future__ import annotations

import re
from itertools import product

from graphs.planning.extract import NUM

_UNIT = r"(?:°\s?[CF]|(?!(?:and|or|the|at|we|were|was|gave|with)\b)[A-Za-zµ%][A-Za-z/µ%]{0,5}(?![A-Za-z]))"
_SETTING = rf"{NUM}\s*{_UNIT}"
_CLAUSE = re.compile(rf"\bat\s+(?P<settings>{_SETTING}(?:\s*(?:,|\band\b|/|&|\+)\s*{_SETTING})+)\s*(?:,|:)?\s*"
                     rf"(?:(?:the\s+)?[a-z]+\s+(?:were|was|came\s+out\s+at)\s+|(?:we|I)\s+(?:got|measured|saw|had)\s+|"
                     rf"(?:gave|gives|->|→|=)\s*)?"
                     rf"(?P<ys>{NUM}(?:\s*(?:,|\band\b|&)\s*{NUM})*)\s*%?", re.I)
_NAMES = {"temperature": r"°?\s?[CF]|K|deg\w*", "pressure": r"bar|psi|k?Pa|MPa|atm", "time": r"s|sec|min|h|hr|hours?",
          "speed": r"rpm", "concentration": r"%|ppm|g/l|mg/l|wt%", "force": r"k?N", "voltage": r"k?V"}
MIN_CLAUSES = 4


def _name(unit: str, question: str, taken: set[str]) -> str | None:
    for name, pattern in _NAMES.items():
        if re.fullmatch(pattern, unit.strip(), re.I) and name not in taken and re.search(rf"\b{name}", question, re.I):
            return name
    return None


def cells_as_table(question: str) -> tuple[str, list[str]]:
    """The question with its prose cells replaced by a table (one row per reading), and a note."""
    found = list(_CLAUSE.finditer(question))
    if len(found) < MIN_CLAUSES:
        return question, []
    rows = []
    for m in found:
        settings = re.findall(rf"({NUM})\s*({_UNIT})", m.group("settings"))
        ys = re.findall(NUM, m.group("ys"))
        rows.append(([v for v, _ in settings], [u for _, u in settings], ys))
    k = len(rows[0][0])
    units = rows[0][1]
    if any(len(s) != k or [u.lower() for u in us] != [u.lower() for u in units] for s, us, _ in rows) or \
            len({len(ys) for _, _, ys in rows}) != 1:
        return question, []
    levels = [sorted({float(s[i]) for s, _, _ in rows}) for i in range(k)]
    cells = {tuple(float(v) for v in s) for s, _, _ in rows}
    if any(len(lv) != 2 for lv in levels) or len(cells) != len(rows) or cells != set(product(*levels)):
        return question, []
    if len(rows[0][2]) == 1 and re.search(r"\bcurvature\b|\bcurved?\b|\bcent(?:re|er)\b", question, re.I):
        # one reading per corner beside centre runs: the corners as "40.4 (150/30)", which the curvature reader
        # reads by their settings; the centre runs stay as told
        corners = ", ".join(f"{ys[0]} ({'/'.join(s)})" for s, _, ys in rows)
        start, end = found[0].start(), found[-1].end()
        text = question[:start] + f"corner responses {corners}" + question[end:]
        return text, [f"the {len(rows)} corners told in prose, each with its settings"]
    taken: set[str] = set()
    names = []
    for i, unit in enumerate(units):
        name = _name(unit, question, taken) or "ABCDEFG"[i]
        taken.add(name)
        names.append(name)
    response = re.search(r"\bthe\s+([a-z]+)\s+(?:were|was)\b", question[found[0].start():found[0].end()], re.I)
    header = [*names, response.group(1) if response else "response"]
    table = ["\t".join(header)] + ["\t".join([*s, y]) for s, _, ys in rows for y in ys]
    start, end = found[0].start(), found[-1].end()
    text = question[:start].rstrip(" ,;:.") + ".\n" + "\n".join(table) + "\n" + question[end:].lstrip(" .;")
    note = (f"the {len(rows)} cells told in prose ({', '.join(f'{n} in {u}' for n, u in zip(names, units, strict=True))}),"
            f" {len(rows[0][2])} readings each, read as a table")
    return text, [note]
