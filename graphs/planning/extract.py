"""Pull numbers, lists, tables, named groups and factor ranges out of free text.

Numbers stay `Decimal` (their decimal text) all the way to the engine. Nothing
here evaluates anything: it is regular expressions and a JSON reader.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

NUM = r"[-+−]?(?:\d+(?:[.,]\d+)?|\.\d+)(?:[eE][-+]?\d+)?"
_NUM_RE = re.compile(rf"(?<![\w.^])({NUM})(?![\w.]*[a-df-zA-DF-Z])")


def to_decimal(text: str) -> Decimal:
    text = text.replace("−", "-").strip()
    try:
        return Decimal(text)
    except InvalidOperation as exc:
        raise ValueError(f"not a number: {text!r}") from exc


def numbers(text: str) -> list[Decimal]:
    """Every plain number in `text`, in order (thousands separators are not supported: 1,234 is two)."""
    out = []
    for m in re.finditer(rf"(?<![\w^])({NUM})", text.replace("−", "-")):
        token = m.group(1)
        if "," in token:  # "1,2" in a list is two numbers
            out.extend(to_decimal(t) for t in token.split(",") if t)
        else:
            out.append(to_decimal(token))
    return out


def _json_lists(text: str) -> list[tuple[int, int, object]]:
    """Top-level bracketed JSON arrays of numbers (possibly nested) with their spans."""
    found = []
    depth, start = 0, None
    for i, ch in enumerate(text):
        if ch == "[":
            if depth == 0:
                start = i
            depth += 1
        elif ch == "]" and depth:
            depth -= 1
            if depth == 0 and start is not None:
                chunk = text[start:i + 1].replace("−", "-")
                try:
                    value = json.loads(chunk, parse_float=Decimal, parse_int=Decimal)
                except (json.JSONDecodeError, RecursionError):
                    value = None
                if value is not None and _all_numeric(value):
                    found.append((start, i + 1, value))
    return found


def _all_numeric(value: object) -> bool:
    if isinstance(value, list):
        return bool(value) and all(_all_numeric(v) for v in value)
    return isinstance(value, Decimal)


def bracket_lists(text: str) -> list[object]:
    return [v for _, _, v in _json_lists(text)]


def flat_lists(text: str) -> list[list[Decimal]]:
    return [v for v in bracket_lists(text) if all(isinstance(x, Decimal) for x in v)]


def tables(text: str) -> list[list[list[Decimal]]]:
    """Nested lists ([[...], [...]]) and pipe/line tables of numbers.

    A pasted row may carry a label ("subgroup 1: 74.01 73.99 …", "S3 | 5 | 6"):
    the label is dropped so the row is still data.
    """
    found = [v for v in bracket_lists(text) if all(isinstance(r, list) for r in v)]
    if found:
        return found
    table = line_table(text)
    return [table.rows] if table else []


@dataclass
class LineTable:
    """Rows of numbers pasted one per line, with the header line above them when there is one."""

    rows: list[list[Decimal]]
    header: list[str] | None = None

    def columns(self) -> list[list[Decimal]]:
        return [list(col) for col in zip(*self.rows, strict=True)]


_CELL_SPLIT = re.compile(r"[|\t;]|\s{2,}|,\s*|\s+")
_ROW_LABEL = re.compile(r"^\s*(?:[A-Za-z][\w\- ]{0,24}?(?:\s*\d+)?\s*[:=|]|\(?#?\d+\s*[)\]:])\s*")


def _row_numbers(line: str) -> list[Decimal] | None:
    body = _ROW_LABEL.sub("", line.replace("−", "-"), count=1)
    cells = [c for c in _CELL_SPLIT.split(body.strip()) if c]
    try:
        return [to_decimal(c) for c in cells] if cells else None
    except ValueError:
        return None


_PROSE = {"the", "these", "this", "that", "of", "for", "and", "or", "a", "an", "is", "are", "to", "in", "on", "with",
          "data", "table", "following", "below", "here", "my", "our", "please", "test", "compare", "values"}


def line_table(text: str) -> LineTable | None:
    """The first block of ≥ 2 equal-length numeric lines, and a header of names right above it."""
    lines = text.splitlines()
    rows: list[list[Decimal]] = []
    start = 0
    for i, line in enumerate(lines):
        nums = _row_numbers(line)
        if nums is not None and len(nums) >= 2 and (not rows or len(nums) == len(rows[0])):
            if not rows:
                start = i
            rows.append(nums)
        elif rows:
            break
    if len(rows) < 2:
        return None
    header = None
    if start > 0:
        line = lines[start - 1].strip()
        for split in (r"\t|\||\s{2,}|\s*[,;]\s*", r"\s+"):  # "Supplier X<TAB>Supplier Y" keeps its spaces
            names = [c.strip() for c in re.split(split, line) if c.strip()]
            if (len(names) == len(rows[0]) and all(re.fullmatch(r"[A-Za-z_][\w\-. ()%]*", n) for n in names)
                    and not any(n.lower() in _PROSE and not re.fullmatch(r"[A-Z]", n) for n in names)):  # "compare these three" is a sentence
                header = names
                break
    return LineTable(rows, header)


_CONNECTORS = {"vs", "versus", "and", "with", "against", "compared", "to", "then", "or", "the"}
_RUN = re.compile(rf"(?<![\w^.])({NUM}%?(?:(?:\s*[,;]\s*|\s+|\s*\n\s*){NUM}%?)+)(?!\w|\.\d)")


def number_runs(text: str, minimum: int = 2) -> list[tuple[str, list[Decimal]]]:
    """Runs of ≥ `minimum` numbers separated only by commas, spaces or newlines, each with the
    words just before it ("old process 5.1, 5.3 … versus new process 5.6 …" → two named runs).

    This is how people paste columns: the run boundary is the first word that is not a number.
    """
    out = []
    clean = text.replace("−", "-")
    last_end = 0
    for m in _RUN.finditer(clean):
        values = numbers(m.group(1))
        before = clean[last_end:m.start()]
        last_end = m.end()
        if len(values) < minimum:
            continue
        pieces = [p for p in re.split(r"[:;,.()\n]", before) if p.strip()]
        words = re.findall(r"[A-Za-z][\w\-]*", pieces[-1] if pieces else "")
        while words and words[0].lower() in _CONNECTORS:
            words = words[1:]
        out.append((" ".join(words[-3:]), values))
    return out


_GROUP_RE = re.compile(
    rf"(?P<name>[A-Za-z][\w\- ]{{0,30}}?)\s*(?:[:=]|\bwas\b|\bwere\b|\bgave\b|\bhas\b)\s*"
    rf"(?P<values>\[?\s*{NUM}(?:\s*[,;]?\s*{NUM})+\s*\]?)"
)


def named_groups(text: str) -> dict[str, list[Decimal]]:
    """`A: 1, 2, 3; B = [4, 5, 6]` or one group per line → {"A": [...], "B": [...]} in order."""
    groups: dict[str, list[Decimal]] = {}
    for m in _GROUP_RE.finditer(text.replace("−", "-")):
        name = m.group("name").strip()
        name = re.sub(r"^(?:and|with|for|data|values)\s+(?=\w)", "", name, flags=re.I)
        # "supplier A" -> "A", but "line 1" stays "line 1": a bare number is no name
        name = re.sub(r"^(?:supplier|group|machine|line|method)\s+(?=\w*[A-Za-z])", "", name, flags=re.I)
        name = re.sub(r"^(?:and|with)\s+", "", name, flags=re.I).strip()
        values = numbers(m.group("values"))
        if name and len(values) >= 2:
            groups[name] = values
    return groups


def value_after(text: str, *keys: str) -> Decimal | None:
    """The number after one of `keys` ("LSL 9.8", "usl=10.2", "target of 10", "mu 5")."""
    for key in keys:
        m = re.search(rf"(?<![\w]){key}\s*(?:=|:|of|is|at|equal to|to)?\s*({NUM})", text, flags=re.I)
        if m:
            return to_decimal(m.group(1))
    return None


def blank_keyed(text: str, *keys: str) -> str:
    """`text` with every "KEY = NUMBER" (and "KEY NUMBER to NUMBER") cut out, so that a spec
    limit or a sample size written next to the data is not read as one more data point."""
    for key in keys:
        text = re.sub(rf"(?<![\w]){key}\s*(?:=|:|of|is|are|at|equal to)?\s*{NUM}"
                      rf"(?:\s*(?:\.\.|-|–|to|and|,)\s*{NUM})?", " ; ", text, flags=re.I)
    return text


def longest_run(text: str, minimum: int = 3) -> list[Decimal]:
    """The longest run of numbers in `text` (the data someone pasted), or [] when there is none."""
    runs = [values for _, values in number_runs(text, minimum)]
    return max(runs, key=len) if runs else []


def int_after(text: str, *keys: str) -> int | None:
    value = value_after(text, *keys)
    return int(value) if value is not None and value == value.to_integral_value() else None


def int_before(text: str, *words: str) -> int | None:
    """The integer before one of `words` ("5 centre points", "3 factors")."""
    for word in words:
        m = re.search(rf"(\d+|{'|'.join(WORD_NUMBERS)})\s+(?:\w+\s+)?{word}", text, flags=re.I)
        if m:
            token = m.group(1).lower()
            return WORD_NUMBERS.get(token) or int(token)
    return None


WORD_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
}


@dataclass
class FactorSpec:
    name: str
    low: Decimal | None = None
    high: Decimal | None = None
    units: str | None = None


_UNIT = r"(?:°\s?[CF]|deg\s?[CF]|degC|degF|C|F|K|bar|psi|kPa|MPa|Pa|atm|min|mins|minutes|s|sec|seconds|h|hr|hours|rpm|%|mm|cm|m|g|kg|mg|ml|mL|L|V|A|W|mol|ppm|N|Nm|Hz)"
_RANGE = re.compile(
    rf"(?P<name>[A-Za-z][A-Za-z_]*(?:\s[A-Za-z_]+)?)\s*(?:\(|:|from|between|of|=)?\s*"
    rf"(?P<low>{NUM})\s*(?P<u1>{_UNIT}(?:/[A-Za-z]+)?(?![A-Za-z]))?\s*(?:\.\.|-|–|to|and)\s*(?P<high>{NUM})\s*"
    rf"(?P<u2>{_UNIT}(?:/[A-Za-z]+)?(?![A-Za-z]))?\)?"
)

_STOP = {"and", "for", "with", "the", "a", "an", "of", "in", "on", "at", "factors", "factor", "design",
         "doe", "runs", "using", "levels", "from", "between", "where", "ranges", "range", "three", "two",
         "four", "five", "six", "seven", "to", "by", "center", "centre", "points", "box", "behnken",
         "composite", "central", "full", "factorial", "fractional", "variables", "variable", "inputs", "me",
         "give", "make", "create", "build", "plan", "need", "want", "i", "please", "experiment", "study",
         "ccd", "bbd", "rsm", "alpha", "rotatable", "orthogonal", "resolution", "replicates", "seed", "randomized",
         "randomised", "face", "centered", "centred", "level", "screening", "run"}


def factor_specs(text: str) -> list[FactorSpec]:
    """Factors named in a design request, with ranges and units when given.

    Handles "temperature 150-200 °C, pressure 1 to 3 bar and time (10..30 min)" and
    bare lists "for temperature, pressure and time".
    """
    found: list[FactorSpec] = []
    seen = set()
    for m in _RANGE.finditer(text.replace("−", "-")):
        words = [w for w in m.group("name").split() if w.lower() not in _STOP]
        if not words:
            continue
        name = "_".join(words).lower()
        if name in seen:
            continue
        low, high = to_decimal(m.group("low")), to_decimal(m.group("high"))
        units = (m.group("u2") or m.group("u1") or None)
        found.append(FactorSpec(name, low, high, units.replace(" ", "") if units else None))
        seen.add(name)
    if found:
        return found
    m = re.search(r"\b(?:for|factors?|variables?|inputs?)\s*:?\s+((?:[A-Za-z_][\w ]*?)(?:\s*,\s*|\s+and\s+)[A-Za-z_][\w ,]*)", text, flags=re.I)
    if not m:
        return []
    names = re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", m.group(1))
    out = []
    for raw in names:
        words = [w for w in raw.split() if (w.lower() not in _STOP or re.fullmatch(r"[A-Z]", w)) and not w.isdigit()]
        if words and len(words) <= 3:
            name = "_".join(words).lower()
            if name not in seen and re.fullmatch(r"[a-z_][a-z0-9_]*", name):
                out.append(FactorSpec(name))
                seen.add(name)
    return out if len(out) >= 2 else []


_PAIR = re.compile(r"(?<![\w./])(\d+)\s*(?:/|(?:[A-Za-z]+\s+)?(?:\bout\s+of\b|\bof\b|\bin\b))\s*(\d+)(?![\w/]|[.,]\d)")


def fraction_pairs(text: str, *, rates: bool = False) -> list[tuple[Decimal, Decimal]]:
    """Counts written against their sample sizes: "5/200, 8/200", "5 of 200", "12 defective out of 400" →
    [(5, 200), …].

    At least two pairs, each a whole count no larger than its size; a date ("12/05/2023") is not a pair. With
    `rates` (defects per unit, a u chart: "12 defects in 10 units") a count may exceed its size.
    """
    pairs = [(Decimal(a), Decimal(b)) for a, b in _PAIR.findall(text.replace("−", "-"))]
    if len(pairs) < 2 or not all(b > 0 and (rates or a <= b) for a, b in pairs):
        return []
    return pairs


def separated_rows(text: str) -> list[list[Decimal]]:
    """Rows of numbers separated by "/", ";" or "|" on one line ("10.2 10.1 9.9 / 10.1 10.4 10.0 / …"):
    the last run of numbers in each piece, when there are ≥ 2 rows and every row has the same length ≥ 2."""
    clean = text.replace("−", "-")
    for sep in (r"\s/\s|(?<=\d)/(?=\s)|(?<=\s)/(?=\d)", r";", r"\|"):
        pieces = re.split(sep, clean)
        if len(pieces) < 2:
            continue
        rows = []
        for piece in pieces:
            runs = [values for _, values in number_runs(piece, 2)]
            if runs:
                rows.append(runs[-1])
        if len(rows) >= 2 and len({len(r) for r in rows}) == 1 and len(rows[0]) >= 2:
            return rows
    return []


_LABEL_LIST = re.compile(r"(?P<name>[A-Za-z][\w\- ]{0,40}?)\s*[:=]?\s*[(\[]\s*(?P<items>[^()\[\]]+?)\s*[)\]]")


def label_lists(text: str) -> list[tuple[str, list[str]]]:
    """Named lists of factor levels, one per observation: "catalyst (A, A, B, B)", "temp: [low, high, low, high]".

    A list counts when it repeats its levels (fewer distinct levels than entries) and has ≥ 4 entries; its name is
    the last word before it ("yield by catalyst (…)" → "catalyst").
    """
    out = []
    for m in _LABEL_LIST.finditer(text):
        items = [i.strip().strip("\"'") for i in re.split(r"\s*,\s*|\s+", m.group("items")) if i.strip()]
        if len(items) < 4 or len(set(items)) >= len(items) or len(set(items)) < 2:
            continue
        if not all(re.fullmatch(r"[\w.+\-]+", i) for i in items):
            continue
        words = re.findall(r"[A-Za-z][\w\-]*", m.group("name"))
        out.append((words[-1] if words else "", items))
    return out
