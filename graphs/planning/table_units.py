"""Units typed into the cells of a pasted table (`| S-101 | 5.9 % | 126 MPa |`) → bare numbers, the unit kept once.

Only a column whose every cell is a number followed by the same unit is changed; the unit moves into the header
("Porosity (%)"), so nothing said is lost and the readers see numeric columns.
"""

from __future__ import annotations

import re

from graphs.planning.extract import NUM

_CELL = re.compile(rf"^\s*({NUM})\s*([A-Za-zµ°%/²³]{{1,8}})\s*$")
MIN_ROWS = 3


def units_out_of_cells(question: str) -> tuple[str, list[str]]:
    lines = question.split("\n")
    piped = [i for i, line in enumerate(lines) if line.count("|") >= 2]
    if len(piped) < MIN_ROWS + 1:
        return question, []
    split = {i: lines[i].strip().strip("|").split("|") for i in piped}
    width = len(split[piped[0]])
    if any(len(cells) != width for cells in split.values()):
        return question, []
    rule = {i for i in piped if all(re.fullmatch(r"\s*:?-{2,}:?\s*", c) for c in split[i])}
    header = piped[0]
    body = [i for i in piped[1:] if i not in rule]
    if len(body) < MIN_ROWS:
        return question, []
    notes = []
    for c in range(width):
        cells = [_CELL.match(split[i][c]) for i in body]
        units = {m.group(2) for m in cells if m}
        if not all(cells) or len(units) != 1:
            continue
        unit = units.pop()
        for i, m in zip(body, cells, strict=True):
            split[i][c] = f" {m.group(1)} "
        name = split[header][c].strip()
        split[header][c] = f" {name} ({unit}) " if unit not in name else f" {name} "
        notes.append(f"'{unit}' in every cell of column '{name}': read as its unit")
    if not notes:
        return question, []
    for i in piped:
        lines[i] = "|" + "|".join(split[i]) + "|"
    return "\n".join(lines), notes
