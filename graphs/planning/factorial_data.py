"""Two-level factorial results typed as labelled cells, in the order the user gave them.

    A low B low 28, 25; A high B low 36, 32; A low B high 18, 19; A high B high 31, 30
    temperature=+ pressure=-: 36 32 / …
    (1) 28 25, a 36 32, b 18 19, ab 31 30          (Yates' treatment labels)
    A  B  y1  y2                                    (coded rows: -1/+1 or -/+ per factor, then the responses)
    -1 -1 28  25
    …

Each cell is read to its coded settings (low → -1, high → +1 per factor), and the responses are re-listed in the
design's standard order (first factor fastest), replicate after replicate, which is how `analyze` reads them.
Nothing is guessed: every one of the 2^k cells must be there, each with the same number of responses, and every
cell must name the same factors; otherwise this is not a factorial the planner can read.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from decimal import Decimal

from graphs.planning.extract import NUM, numbers
from tools.errors import HavocInputError

MAX_FACTORS = 7
_LOW = {"low", "lo", "-", "−", "-1", "−1", "minus", "min"}
_HIGH = {"high", "hi", "+", "+1", "1", "plus", "max"}
_LEVEL = r"(?:low|high|lo|hi|minus|plus|[-−+]1?(?![\d.]))"
_NAME = r"[A-Za-z][A-Za-z0-9_]*"
_NOT_NAMES = {"is", "was", "were", "are", "at", "and", "the", "with", "very", "too", "both", "all", "set", "level",
              "levels", "run", "runs", "of", "to", "in", "on", "a", "an", "for", "replicate", "replicates", "yield",
              "response", "responses", "gave", "give", "got", "so", "or", "but", "where", "when"}
_PROSE = _NOT_NAMES | {"here", "results", "result", "data", "my", "our", "these", "table", "this", "that", "i", "we"}
# one setting: "A low", "A=-1", "A: high", "A (+)", "temperature at high", "A+"
_SETTING = re.compile(rf"(?<![\w+\-−])(?P<name>{_NAME})\s*(?:=|:|\bat\b|\bis\b)?\s*\(?\s*(?P<level>{_LEVEL})\s*\)?"
                      rf"(?![\w.])")
# the same, level first: "low A", "high temperature"
_SETTING_FIRST = re.compile(rf"(?<![\w+\-−])(?P<level>low|high)\s+(?P<name>{_NAME})(?![\w])", re.I)
# a cell's replicate values: "28 25", "28, 25", "50.1/51.3" (rep1/rep2)
_VALUES = re.compile(rf"(?<![\w^.]){NUM}(?:\s*(?:,|;|/|\band\b)?\s*{NUM})*(?![\w^/]|\.\d)")


@dataclass
class FactorialData:
    factors: list[str]
    replicates: int
    response: list[Decimal]  # standard order, replicate after replicate
    layout: str  # how the cells were written, for the plan's notes


def _sign(level: str) -> int:
    level = level.lower()
    if level in _LOW:
        return -1
    if level in _HIGH:
        return 1
    raise ValueError(level)


def _cells_from_settings(text: str, pattern: re.Pattern) -> list[tuple[dict[str, int], list[Decimal]]]:
    """(settings, values) for every run of settings followed by a run of numbers."""
    tokens: list[tuple[int, str, object]] = []
    spelled: dict[str, str] = {}
    blanked = text
    for m in pattern.finditer(text):
        name = m.group("name")
        if name in _NOT_NAMES or (len(name) > 1 and name.lower() in _NOT_NAMES):
            continue
        # "Temperature low / … temperature high": a word name is the same factor whatever its case
        name = spelled.setdefault(name.lower(), name) if len(name) > 1 else name
        tokens.append((m.start(), "setting", (name, _sign(m.group("level")))))
        blanked = blanked[:m.start()] + ";" + " " * (m.end() - m.start() - 1) + blanked[m.end():]
    for m in _VALUES.finditer(blanked):
        tokens.append((m.start(), "values", numbers(m.group(0))))
    tokens.sort(key=lambda t: t[0])
    cells: list[tuple[dict[str, int], list[Decimal]]] = []
    current: dict[str, int] | None = None
    after_values = False
    for _, kind, value in tokens:
        if kind == "setting":
            name, sign = value  # type: ignore[misc]
            if current is None or after_values or name in current:
                current, after_values = {}, False
            current[name] = sign
        elif current is not None and not after_values:
            cells.append((current, list(value)))  # type: ignore[arg-type]
            after_values = True
    return cells


def _yates_cells(text: str) -> list[tuple[dict[str, int], list[Decimal]]]:
    """Yates' labels "(1) 28 25, a 36 32, b 18 19, ab 31 30": a letter is its factor at its high level."""
    start = text.find("(1)")
    if start < 0:
        return []
    body = text[start:]
    label = re.compile(r"(?<![\w(])(\(1\)|[a-h]{1,7})(?![\w)])\s*[:=]?\s*")
    cells = []
    labels = list(label.finditer(body))
    for i, m in enumerate(labels):
        end = labels[i + 1].start() if i + 1 < len(labels) else len(body)
        chunk = body[m.end():end]
        values = _VALUES.match(chunk.strip().rstrip(",;."))
        if not values:
            return []
        word = m.group(1)
        letters = "" if word == "(1)" else word
        if len(set(letters)) != len(letters):
            return []
        cells.append(({c: 1 for c in letters}, numbers(values.group(0))))
    if not cells:
        return []
    names = sorted({c for s, _ in cells for c in s})
    if not names or names != [chr(ord("a") + i) for i in range(len(names))]:
        return []
    return [({n.upper(): s.get(n, -1) for n in names}, v) for s, v in cells]


def _coded_rows(text: str) -> list[tuple[dict[str, int], list[Decimal]]]:
    """Rows of signs then responses, one per line ("-1 -1 28 25", "+ - 36 32"), with an optional header."""
    rows: list[tuple[list[int], list[Decimal]]] = []
    header: list[str] | None = None
    previous = ""
    for line in text.splitlines():
        cells = [c for c in re.split(r"[\s,;|\t]+", line.strip()) if c]
        signs: list[int] = []
        for c in cells:
            if c.replace("−", "-") in ("-1", "+1", "1", "-", "+"):
                signs.append(-1 if c.replace("−", "-").startswith("-") else 1)
            elif c.lower() in ("low", "lo", "minus", "high", "hi", "plus"):  # "low  high  8.7": levels in words
                signs.append(-1 if c.lower() in ("low", "lo", "minus") else 1)
            else:
                break
        rest = cells[len(signs):]
        try:
            values = [Decimal(c.replace("−", "-")) for c in rest]
        except ArithmeticError:
            values = []
        if len(signs) >= 2 and values and (not rows or len(signs) == len(rows[0][0])):
            if not rows:
                names = [c for c in re.split(r"[\s,;|\t]+", previous.strip()) if c]
                header = names if (len(names) in (len(signs), len(signs) + 1, len(cells))
                                   and all(re.fullmatch(_NAME, n) and n.lower() not in _PROSE for n in names)) else None
            rows.append((signs, values))
        elif rows:
            width = len(rows[0][0]) + len(rows[0][1])
            try:
                more = len(cells) == width and all(Decimal(c.replace("−", "-")) is not None for c in cells)
            except ArithmeticError:
                more = False
            if more:
                return []  # the table goes on at other settings (axial ±1.414, centre 0): not a two-level factorial
            break
        previous = line
    if len(rows) < 4:
        return []
    k = len(rows[0][0])
    names = header[:k] if header else [chr(ord("A") + i) for i in range(k)]
    return [(dict(zip(names, signs, strict=True)), values) for signs, values in rows]


def _assemble(cells: list[tuple[dict[str, int], list[Decimal]]], layout: str) -> FactorialData | None:
    if len(cells) < 4:
        return None
    names = list(cells[0][0])
    k = len(names)
    if not 2 <= k <= MAX_FACTORS or any(set(s) != set(names) for s, _ in cells):
        return None
    by_cell: dict[tuple[int, ...], list[Decimal]] = {}
    for settings, values in cells:
        by_cell.setdefault(tuple(settings[n] for n in names), []).extend(values)
    combos = list(itertools.product((-1, 1), repeat=k))
    if set(by_cell) != set(combos):
        return None
    counts = {len(v) for v in by_cell.values()}
    if len(counts) != 1:
        raise HavocInputError("the cells of the factorial have different numbers of responses ("
                              + ", ".join(str(len(by_cell[c])) for c in combos if c in by_cell)
                              + "): give every combination the same number of replicates", field="response")
    reps = counts.pop()
    # standard (Yates) order: the first factor changes fastest
    standard = [tuple(reversed(c)) for c in itertools.product((-1, 1), repeat=k)]
    response = [by_cell[c][r] for r in range(reps) for c in standard]
    return FactorialData(names, reps, response, layout)


_NATURAL_LINE = re.compile(rf"^\s*(?P<settings>.+?)\s*(?::|->|→|=>|\|)\s*(?P<values>{NUM}(?:(?:\s*[,;]\s*|\s+){NUM})*)\s*"
                           r"(?:[A-Za-zµ°%/]{1,6}\.?)?\s*$")
_NATURAL_SETTING = re.compile(rf"(?P<name>[A-Za-z][\w-]*)\s*(?:=|:)?\s*(?P<num>{NUM})\s*(?:[A-Za-zµ°%]{{1,4}}\.?)?")


def _natural_cells(text: str) -> list[tuple[dict[str, int], list[Decimal]]]:
    """One run per line in natural units ("Temp 160 C, time 30 min: 18.2"): two settings per factor, the
    lower coded -1 and the higher +1."""
    rows: list[tuple[dict[str, Decimal], list[Decimal]]] = []
    for line in text.splitlines():
        m = _NATURAL_LINE.match(line)
        settings = [(s.group("name").lower(), Decimal(s.group("num"))) for s in
                    _NATURAL_SETTING.finditer(m.group("settings"))] if m else []
        if len(settings) < 2 or len({n for n, _ in settings}) != len(settings):
            if rows:
                break
            continue
        if rows and [n for n, _ in settings] != list(rows[0][0]):
            break
        rows.append((dict(settings), [Decimal(v) for v in re.findall(NUM, m.group("values"))]))
    if len(rows) < 4:
        return []
    names = list(rows[0][0])
    levels = {n: sorted({r[0][n] for r in rows}) for n in names}
    if any(len(v) != 2 for v in levels.values()):
        return []
    return [({n: -1 if settings[n] == levels[n][0] else 1 for n in names}, values) for settings, values in rows]


def factorial_cells(question: str) -> FactorialData | None:
    """The 2^k factorial written as labelled cells in `question`, or None when there is none."""
    text = question.replace("–", "-").replace("—", "-")
    for cells, layout in ((_yates_cells(text), "Yates labels: a letter is its factor at the high level"),
                          (_coded_rows(text), "coded rows: -1/- is the low level, +1/+ the high level"),
                          (_cells_from_settings(text, _SETTING), "each factor's low/high setting → -1/+1"),
                          (_cells_from_settings(text, _SETTING_FIRST), "each factor's low/high setting → -1/+1"),
                          (_natural_cells(text), "each factor's two settings in natural units: the lower → -1, the "
                                                 "higher → +1")):
        data = _assemble(cells, layout)
        if data:
            return data
    return None
