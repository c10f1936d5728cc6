"""McNemar's test named in a question → the `mcnemar` intent, from a 2 × 2 table of paired outcomes.

"McNemar: [[40, 12], [5, 43]]", a pasted grid with "after pass / after fail" columns and "before pass / before
fail" rows, four lines "A pass, B fail: 9", or only the discordant counts ("b = 12, c = 5", "12 and 5
discordant pairs"). The table's rows are the first condition and its columns the second; when the row and
column labels put yes and no in different orders the columns are swapped so that the off-diagonal cells are the
discordant pairs. Named without a table it reads, the question is refused naming what is missing.
"""

from __future__ import annotations

import re
from decimal import Decimal

from graphs.planning.extract import spell_numbers, tables
from graphs.planning.intent import Intent
from tools.errors import HavocInputError

NAMED = re.compile(r"\bmc\s*nemar", re.I)
_NEGATIVE = re.compile(r"\b(?:fail(?:s|ed|ure)?|no|negative|absent|incorrect|wrong|disagree[sd]?|reject(?:ed)?|bad|"
                       r"flag(?:s|ged)?|"
                       r"defective|not|non|nonconforming|undetected|missed)\b|\bnot?\s+\w+", re.I)
_POSITIVE = re.compile(r"\b(?:pass(?:es|ed)?|yes|positive|present|correct|right|success|agree[sd]?|accept(?:ed)?|good|"
                       r"conforming|detected|found|improved|cured|hit|ok)\b", re.I)
_DISCORDANT = re.compile(r"\bb\s*=\s*(\d+)\s*(?:,|and|;)?\s*(?:and\s+)?c\s*=\s*(\d+)|"
                         r"(\d+)\s+and\s+(\d+)\s+discordant|discordant\s+(?:pairs|counts|cells)?\s*(?:of|are|were|=|:)?"
                         r"\s*(\d+)\s*(?:and|,|/)\s*(\d+)", re.I)
_LINE_CELL = re.compile(r"^\s*[-*•]?\s*(?P<label>[^:=\d][^:=]*?)\s*[:=]\s*(?P<n>\d+)\s*\.?\s*$")


def _polarity(label: str) -> int | None:
    """+1 for a yes-like label (pass, yes, positive), -1 for a no-like one (fail, no, negative), else None."""
    label = label.replace("_", " ")
    if _NEGATIVE.search(label):
        return -1
    if _POSITIVE.search(label):
        return 1
    return None


def _method(low: str) -> dict:
    if re.search(r"\bexact\b|\bbinomial\b", low):
        return {"method": "exact"}
    if re.search(r"(?:without|no|uncorrected|not)\s+(?:the\s+|a\s+|any\s+)?(?:continuity\s+|yates'?\s+|edwards'?\s+)?"
                 r"correct", low) or "uncorrected" in low:
        return {"method": "uncorrected"}
    if re.search(r"continuity\s+correct|\bcorrected\b|\bwith\s+(?:the\s+)?correction|chi[\s-]*squared?|χ²", low):
        return {"method": "corrected"}
    return {}


def _grid(q: str) -> tuple[list[list[Decimal]], list[str]] | None:
    """A pasted 2 × 2 grid with row and column labels, put in yes/no order on both margins."""
    from graphs.planning.nl_tables import _columns

    found = _columns(q)
    if found is None:
        return None
    _, header, columns = found
    if len(columns) != 3 or len(columns[0]) != 2:
        return None
    try:
        body = [[Decimal(columns[c][r].strip()) for c in (1, 2)] for r in range(2)]
    except ArithmeticError:
        return None
    return _yes_no_order(body, columns[0], header[1:])


_ALIGNED_ROW = re.compile(r"^\s*(?P<label>[^\d\s][^\d]*?)\s{2,}(?P<a>\d+)\s+(?P<b>\d+)\s*$")


def _aligned_grid(q: str) -> tuple[list[list[Decimal]], list[str]] | None:
    """Two rows "old: pass   59   3" under a header line "new: pass   new: fail": labels that hold spaces or colons,
    the columns set apart by runs of spaces."""
    lines = q.splitlines()
    for i in range(1, len(lines) - 1):
        first, second = _ALIGNED_ROW.match(lines[i]), _ALIGNED_ROW.match(lines[i + 1])
        header = [h for h in re.split(r"\s{2,}|\t", lines[i - 1].strip()) if h]
        if not (first and second) or len(header) != 2 or re.search(r"\d", lines[i - 1]):
            continue
        if i + 2 < len(lines) and _ALIGNED_ROW.match(lines[i + 2]):
            return None
        body = [[Decimal(m.group("a")), Decimal(m.group("b"))] for m in (first, second)]
        return _yes_no_order(body, [first.group("label").strip(), second.group("label").strip()], header)
    return None


def _yes_no_order(body: list[list[Decimal]], row_labels: list[str],
                  col_labels: list[str]) -> tuple[list[list[Decimal]], list[str]]:
    rows, cols = [_polarity(x) for x in row_labels], [_polarity(x) for x in col_labels]
    notes = [f"rows ({', '.join(row_labels)}) the first condition, columns ({', '.join(col_labels)}) the second"]
    # yes first on one margin and no first on the other: the discordant cells are on the diagonal, so swap columns
    if None not in rows and None not in cols and rows[0] != rows[1] and cols[0] != cols[1] and rows[0] != cols[0]:
        body = [[r[1], r[0]] for r in body]
        notes.append("columns swapped to the rows' yes/no order, so that b and c are the discordant pairs")
    return body, notes


_PROSE_CELL = re.compile(r"(?P<label>[A-Za-z][A-Za-z /&>→-]*?)\s*[:=]?\s*(?P<n>\d+)\s*$")


def _cell(label: str) -> tuple[int, int] | None:
    """(first, second) outcome of a cell's label: "A pass, B fail", "pass before/fail after", "both fail",
    "'pass' both times", "fail before but pass after"."""
    label = label.replace("'", "").replace('"', "").strip()
    both = re.match(r"\s*(?:both|twice)\s+(.+)$", label, re.I) or re.match(r"\s*(.+?)\s+(?:both\s+times|twice|"
                                                                       r"each\s+time|on\s+both)$", label, re.I)
    if both:
        sign = _polarity(both.group(1))
        return None if sign is None else (sign, sign)
    parts = re.split(r"\s*(?:,|/|&|\band\b|\bthen\b|\bbut\b|->|→)\s*", label.strip())
    if len(parts) != 2:
        return None
    if re.search(r"\b(?:after|post|second|new)\b", parts[0], re.I) and re.search(r"\b(?:before|pre|first|old)\b", parts[1],
                                                                              re.I):
        parts = parts[::-1]  # "pass after but fail before": the first condition is the one named first in time
    first, second = _polarity(parts[0]), _polarity(parts[1])
    return None if first is None or second is None else (first, second)


# "Both flag: 21. U flags but R passes: 9. R flags but U passes: 2. Both pass: 18.": each cell named by the two
# methods' outcomes, a method by its name (U, R), in either order
_NAMED_CELL = re.compile(r"^\s*(?:and\s+)?(?P<label>[A-Za-z][^:=\d]*?)\s*[:=]\s*(?P<n>\d+)\s*$")


def _named_cells(q: str) -> dict[tuple[int, int], Decimal] | None:
    found = [m for m in map(_NAMED_CELL.match, re.split(r"[.;\n]", q)) if m]
    # ("Inspector A passed but B failed: 9": the role word before a name is not the name)
    split = [[re.sub(r"^(?:inspector|operator|rater|judge|reader|method|gauge|instrument|assay|test|tester|machine)\s+"
                     r"(?=\S+\s)", "", part, flags=re.I)
              for part in re.split(r"\s*(?:,|\bbut\b|\band\b|/)\s*", m.group("label").strip())] for m in found]
    names = [part.split()[0] for parts in split if len(parts) == 2 for part in parts if part.split()]
    distinct = list(dict.fromkeys(names))
    if len(distinct) != 2:
        return None
    order = sorted(distinct, key=lambda n: (m.start() if (m := re.search(rf"\b{re.escape(n)}\b", q)) else len(q)))
    cells: dict[tuple[int, int], Decimal] = {}
    for m, parts in zip(found, split, strict=True):
        if re.match(r"\s*both\s", m.group("label"), re.I):
            key = _cell(m.group("label"))  # "Both flag": the same outcome under each
        elif len(parts) == 2 and all(p.split() for p in parts):
            by_name = {p.split()[0]: _polarity(" ".join(p.split()[1:])) for p in parts}
            key = (by_name.get(order[0]), by_name.get(order[1]))
            key = None if None in key else key
        else:
            key = None
        if key is None or key in cells:
            return None
        cells[key] = Decimal(m.group("n"))
    return cells if len(cells) == 4 else None


# "29 said 'pass' both times, 3 said pass before but fail after": the count first, then the outcomes
_COUNT_FIRST = re.compile(r"^\s*(?:and\s+)?(?P<n>\d+)\s+(?:of\s+them\s+)?(?:said|were|was|answered|judged|rated|called\s+it|"
                          r"gave|went|got|scored|came\s+out|chose|picked)?\s*(?P<label>[A-Za-z'\"].*?)\s*$", re.I)


def _count_first_cells(q: str) -> dict[tuple[int, int], Decimal] | None:
    segments = [s for s in re.split(r"[;,.:?!\n](?!\s*(?:but|then)\b)", q) if s.strip()]
    found = [m for m in map(_COUNT_FIRST.match, segments) if m]
    return _four_cells([(m.group("label"), m.group("n")) for m in found])


def _four_cells(cells_text: list[tuple[str, str]]) -> dict[tuple[int, int], Decimal] | None:
    cells: dict[tuple[int, int], Decimal] = {}
    for label, n in cells_text:
        cell = _cell(label)
        if cell is None:
            continue
        if cell in cells:
            return None
        cells[cell] = Decimal(n)
    return cells if len(cells) == 4 else None


def _four_lines(q: str) -> tuple[list[list[Decimal]], list[str]] | None:
    """Four cells, each an outcome under each condition and its count: on lines ("A pass, B fail: 9") or in a
    sentence ("both pass 22, pass before/fail after 5, fail before/pass after 17, both fail 6")."""
    lines = [(m.group("label"), m.group("n")) for m in map(_LINE_CELL.match, q.splitlines()) if m]
    cells = _four_cells(lines)
    if cells is None:
        segments = [s.strip() for s in re.split(r"[;,.:?!\n]|\band\b(?=\s+both\b)", q) if s.strip()]
        found = [m for m in map(_PROSE_CELL.search, segments) if m]
        cells = _four_cells([(m.group("label"), m.group("n")) for m in found])
    cells = cells or _count_first_cells(q) or _named_cells(q)
    if cells is None:
        return None
    table = [[cells[(1, 1)], cells[(1, -1)]], [cells[(-1, 1)], cells[(-1, -1)]]]
    return table, ["four cells read from their labels: rows yes/no under the first condition, columns under the second"]


# "the same 60 inspectors … before and after", "each weld checked by both methods": the outcomes are paired
_SAME_UNITS = re.compile(r"\bsame\s+(?:\d+\s+)?[a-z]+|\beach\s+(?:of\s+the\s+)?[a-z]+\s+(?:was\s+|were\s+)?"
                         r"(?:checked|rated|judged|inspected|tested|classified|asked)\s+(?:by\s+|with\s+)?(?:both|twice)", re.I)


def plan_mcnemar(question: str) -> list[Intent] | None:
    """McNemar's test, when named, of the 2 × 2 table (or the discordant counts) the question gives; unnamed, when
    the same units' yes/no outcomes under two conditions are given as the four cells in words."""
    if not NAMED.search(question):
        q = spell_numbers(question)
        if not _SAME_UNITS.search(q) or not re.search(r"\bbefore\b.*\bafter\b|\bboth\b|\btwice\b", q, re.I | re.S):
            return None
        found = _four_lines(q)
        if not found:
            return None
        table, notes = found
        return [Intent("mcnemar", {"table": table, **_method(q.lower())},
                       notes=[*notes, "the same units' yes/no outcomes under both conditions: McNemar's test of the "
                                      "discordant pairs"])]
    q = spell_numbers(question)
    low = q.lower()
    method = _method(low)
    square = [t for t in tables(q) if len(t) == 2 and all(len(r) == 2 for r in t)]
    found = (square[0], ["the 2 × 2 table: rows the first condition (yes, no), columns the second"]) if square else \
        _grid(q) or _aligned_grid(q) or _four_lines(q)
    if found:
        table, notes = found
        if any(v != v.to_integral_value() or v < 0 for row in table for v in row):
            raise HavocInputError("McNemar's test counts pairs: the 2 × 2 table holds whole numbers", field="table")
        return [Intent("mcnemar", {"table": table, **method}, notes=notes)]
    m = _DISCORDANT.search(q)
    if m:
        b, c = (Decimal(g) for g in m.groups() if g is not None)
        return [Intent("mcnemar", {"b": b, "c": c, **method},
                       notes=[f"{b} and {c}: the discordant pairs (only they carry the test)"])]
    shapes = [f"{len(t)} × {len(t[0])}" for t in tables(q) if t and t[0]]
    raise HavocInputError("McNemar's test needs the 2 × 2 table of paired yes/no outcomes (or the two discordant "
                          "counts b and c)" + (f"; this question has a {shapes[0]} table" if shapes else ""),
                          field="table")
