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
    """Every plain number in `text`, in order (1,234 is two here: `ungroup_thousands` reads grouped numbers first)."""
    out = []
    # "Week of the 8th", "the 3rd shift": an ordinal names a place, it is no value
    for m in re.finditer(rf"(?<![\w^])({NUM})(?![\d])(?!(?:st|nd|rd|th)\b)", text.replace("−", "-")):
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
            if (len(names) == len(rows[0]) and all(re.fullmatch(r"[A-Za-z_][\w\-. ()%°/µ²³]*", n) for n in names)
                    and not any(n.lower() in _PROSE and not re.fullmatch(r"[A-Z]", n) for n in names)):  # "compare these three" is a sentence
                header = names
                break
    return LineTable(rows, header)


_CONNECTORS = {"vs", "versus", "and", "with", "against", "compared", "to", "then", "or", "the"}
# a comma-separated list may end "…, 8 and 4": that "and" joins it; between space-separated lists
# ("12.5 13.1 and 13.5 13.9") "and" separates two samples
_RUN = re.compile(rf"(?<![\w^.])({NUM}%?(?:\s*[,;]\s*{NUM}%?)+,?\s+and\s+{NUM}%?(?![\w.]*\d|\s*[,;]?\s*{NUM})|"
                  rf"{NUM}%?(?:(?:\s*[,;]\s*|\s+|\s*\n\s*){NUM}%?)+)(?!\w|\.\d)")


def number_runs(text: str, minimum: int = 2) -> list[tuple[str, list[Decimal]]]:
    """Runs of ≥ `minimum` numbers separated only by commas, spaces or newlines, each with the
    words just before it ("old process 5.1, 5.3 … versus new process 5.6 …" → two named runs).

    This is how people paste columns: the run boundary is the first word that is not a number.
    """
    out = []
    clean = text.replace("−", "-")
    last_end = 0
    for m in _RUN.finditer(clean):
        run_text, start = m.group(1), m.start()
        label = _label_number(clean[last_end:start], run_text)
        if label:  # "formulation 1 23, 27, 21": the 1 names the group, the list starts at 23
            run_text, start = run_text[len(label):], start + len(label)
        values = numbers(run_text)
        before = clean[last_end:start]
        last_end = m.end()
        if len(values) < minimum:
            continue
        pieces = [p for p in re.split(r"[:;,.()\n]", before) if p.strip()]
        words = re.findall(r"[A-Za-z][\w\-]*", pieces[-1] if pieces else "")
        while words and words[0].lower() in _CONNECTORS:
            words = words[1:]
        if label:
            words.append(label.strip())
        out.append((" ".join(words[-3:]), values))
    return out


_DATA_WORDS = {"values", "data", "readings", "measurements", "results", "times", "are", "were", "is", "was",
               "of", "n", "x", "y", "sample", "samples", "observations", "numbers"}


def _label_number(before: str, run: str) -> str:
    """The leading "1 " of a run "1 23, 27, 21" that follows a word: a group's number, not a value.

    Only when the first gap is a bare space and every later gap has a comma or semicolon: people
    write "formulation 1 23, 27, 21", never a comma list whose first gap alone lacks the comma.
    """
    m = re.match(r"(\d{1,2})[ \t]+(?=[-+\d.])", run)
    word = re.search(r"([A-Za-z]+)\s*$", before)
    if not m or not word or word.group(1).lower() in _DATA_WORDS:
        return ""
    gaps = re.findall(r"\s*[,;]\s*|\s+", run[m.end():].strip())
    if not gaps or not all(re.search(r"[,;]", g) for g in gaps):
        return ""
    return m.group(0)


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


_CORRECTION_OFF = re.compile(r"\b(?:no|without|not?\s+(?:use|apply|want))\s+(?:[\w'()]+\s+){0,3}?correction", re.I)
_CORRECTION_ON = re.compile(r"\byates\b|continuity[\s-]*correct", re.I)


def continuity_correction(text: str) -> bool | None:
    """Yates's (continuity) correction asked for (True) or declined (False) in words ("no continuity correction",
    "without Yates"); None when the question says nothing of it."""
    if _CORRECTION_OFF.search(text):
        return False
    return True if _CORRECTION_ON.search(text) else None


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
        text = re.sub(rf"(?<![\w]){key}\s*(?:=|:|of|is|are|was|were|at|equal to)?\s*{NUM}"
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
        m = re.search(rf"(\d+|{'|'.join(WORD_NUMBERS)})\s+(?:[\w-]+\s+)?{word}", text, flags=re.I)
        if m:
            token = m.group(1).lower()
            return WORD_NUMBERS.get(token) or int(token)
    return None


WORD_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
}


_UNITS_WORDS = {"three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
                "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
                "seventeen": 17, "eighteen": 18, "nineteen": 19}
_TENS_WORDS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
               "ninety": 90}
_SPELLED = re.compile(rf"\b(?:(?P<tens>{'|'.join(_TENS_WORDS)})(?:[\s-](?P<unit>one|two|{'|'.join(list(_UNITS_WORDS)[:7])}))?|"
                      rf"(?P<small>{'|'.join(_UNITS_WORDS)}))\b(?![\s-]*(?:level|way|sided|tailed|factor\b|sample\b|"
                      r"proportion|fold|dimensional|stage|step|point\b|parameter))", re.I)
_ONES = {"one": 1, "two": 2, **_UNITS_WORDS}


def spell_numbers(text: str) -> str:
    """Counts written as words, as digits: "fifteen parts" → "15 parts", "Twenty-four panelists" → "24 panelists".
    Three and up only ("one of them", "the two labs" stay words), and never the word of a name such as
    "three-level", "two-sided", "one-way", "four-factor", where readers look for the word itself."""
    def digits(m: re.Match) -> str:
        if m.group("small"):
            return str(_UNITS_WORDS[m.group("small").lower()])
        return str(_TENS_WORDS[m.group("tens").lower()] + (_ONES[m.group("unit").lower()] if m.group("unit") else 0))
    return _SPELLED.sub(digits, text)


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
    m = re.search(r"\b(?:for|factors?|variables?|inputs?)\s*(?::\s*|\s*\(\s*|\s+)((?:[A-Za-z_][\w ]*?)(?:\s*,\s*|\s+and\s+)[A-Za-z_][\w ,]*)", text, flags=re.I)
    # "…: screw speed and barrel temperature, each at 3 levels": the names just before "each at N levels"
    each = re.search(r"(?:^|[:;.]\s*)((?:[A-Za-z_][\w ]*?)(?:\s*,\s*|\s+and\s+)[A-Za-z_][\w ]*?),?\s+(?:each|both|all)"
                     r"\s+(?:at|with|on)\s+(?:\d+|two|three|four|five)[\s-]*levels", text, flags=re.I)
    if each and (not m or each.start(1) < m.start(1)):
        m = each
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
        # "(A, A, B, B)" or "[low high low high]"; with commas the commas separate, so a parenthetical remark ("(the
        # unequal-variance one, not the classic F)") is prose, not a list of repeated levels
        separator = r"\s*[,;]\s*" if re.search(r"[,;]", m.group("items")) else r"\s+"
        items = [i.strip().strip("\"'") for i in re.split(separator, m.group("items")) if i.strip()]
        if len(items) < 4 or len(set(items)) >= len(items) or len(set(items)) < 2:
            continue
        if not all(re.fullmatch(r"[\w.+\-]+", i) for i in items):
            continue
        words = re.findall(r"[A-Za-z][\w\-]*", m.group("name"))
        out.append((words[-1] if words else "", items))
    return out


# ------------------------------------------------------------------ pasted tables and grouped numbers

# "1,200 rpm", "qty 5,000": a number grouped in thousands. A line that is only numbers and commas is a CSV row
# ("100,200"), never a grouped number, and a text that also writes "12,9" (a comma before other than three digits)
# uses commas as list separators, so nothing there is regrouped.
_GROUPED = re.compile(r"(?<![\w.,])[-+−]?\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\w,]|\.\d)")
_LIST_COMMA = re.compile(r"\d,(?!\d{3}(?![\d]))\d")
_CSV_ROW = re.compile(r"^\s*[-+−]?[\d.]+(?:\s*,\s*[-+−]?[\d.]+)+\s*$")


def ungroup_thousands(text: str) -> tuple[str, list[str]]:
    """`text` with thousands separators removed from grouped numbers ("1,200 rpm" → "1200 rpm"), and a note naming
    them; unchanged where commas separate list items without a space ("12,9,15") or a line is a CSV row."""
    if _LIST_COMMA.search(text):
        return text, []
    changed: list[str] = []

    def fix(line: str) -> str:
        if _CSV_ROW.match(line) and "," in line and not re.search(r",\s", line):
            return line
        def ungroup(m: re.Match) -> str:
            if re.match(r"[-+−]?\d{3},\d{3},", m.group(0)):
                return m.group(0)  # "100,200,300": a list as likely as a number, so not read as one
            changed.append(m.group(0))
            return m.group(0).replace(",", "")

        return _GROUPED.sub(ungroup, line)

    out = "\n".join(fix(line) for line in text.split("\n"))
    note = [f"thousands separators read as such: {', '.join(changed[:4])}{' …' if len(changed) > 4 else ''}"] \
        if changed else []
    return out, note


# a markdown rule row: "|---|---|", "|:-:|:--|" (one dash with a colon counts; a lone "-" cell is a coded level)
_RULE_CELL = r"(?::-+:?|-+:|-{2,})"
_SEPARATOR_ROW = re.compile(rf"^\s*\|?\s*{_RULE_CELL}\s*(?:\|\s*{_RULE_CELL}\s*)*\|?\s*$|"
                            r"^\s*[-=]{2,}(?:\s*[+|]\s*[-=]{2,})+\s*$|"  # "-------+-----------+----------"
                            r"^\s*[-=]{3,}(?:[ \t]+[-=]{3,})+\s*$")  # "-----   --------": a header's underlines
_INDEX_HEADER = re.compile(r"(?:sample|subgroup|sub|sg|grp|group|op|operator|coupon|piece|unit|specimen no|participant|run|std\.? ?order|run ?order|order|hour|hr|lot|batch|day|week|shift|"
                           r"emp(?:loyee)?|staff|worker|badge|serial|s/?n|tag|asset|ticket|case|job|fixture|panel|board|"
                           r"wafer|bar|tablet|bottle|cylinder|van|vehicle|truck|"
                           r"patient|subject|part|specimen|obs(?:ervation)?|id|item|point|row|test|probe|nr|nummer|muestra|[ée]chantillon|campione)s?[\s_]*(?:#|no\.?|"
                           r"number|id)?|#|no\.|n°|idx|index", re.I)
_LEVEL_WORDS = {"+", "-", "−", "+1", "-1", "low", "high", "lo", "hi"}
_CELL_NUM = re.compile(rf"\s*({NUM})\s*%?\s*")
_HEADER_CELL = re.compile(r"[A-Za-z_µ°%#][\w\-. ()%°/µ²³#=,]*")


def _split_cells(line: str) -> list[str]:
    s = line.strip()
    if s.count("|") >= 2 or (s.startswith("|") and s.count("|") >= 1) or re.search(r"\S\s*\|\s*\S", s):
        return [c.strip() for c in s.strip("|").split("|")]
    for sep in ("\t", ",", ";"):
        if sep in s:
            return [c.strip() for c in s.split(sep)]
    if re.search(r"\S\s{2,}\S", s):
        return [c.strip() for c in re.split(r"\s{2,}", s)]
    # "Time (s) Temp (°C)": a name may carry its unit in brackets
    return re.findall(r"[^\s(]\S*(?:\s+\([^)]*\))?", s)


def _is_num(cell: str) -> bool:
    return bool(_CELL_NUM.fullmatch(cell.replace("−", "-")))


def _num(cell: str) -> Decimal:
    return to_decimal(_CELL_NUM.fullmatch(cell.replace("−", "-")).group(1))


@dataclass
class PastedTable:
    start: int  # first line (the header when there is one) and one past the last line of the block
    end: int
    header: list[str] | None
    rows: list[list[str]]
    markdown: bool


# a grid's corner naming the row factor and the column factor: "T \\ p (bar)", "temp / pressure"
_CORNER = re.compile(r"[A-Za-z][\w .()°%-]*?\s*(?:\\|/|×)\s*[A-Za-z][\w .()°%-]*")


def pasted_table(text: str) -> PastedTable | None:
    """The first block of ≥ 2 rows with one cell count, each with a number in it, as pasted from a sheet: CSV,
    tab-separated, markdown (| a | b |, its |---| rule skipped) or space-separated, with the header line above it
    when that line has no number and as many cells."""
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        if _SEPARATOR_ROW.match(lines[i]) or not lines[i].strip():
            i += 1
            continue
        cells = _split_cells(lines[i])
        if not cells or not any(_is_num(c) for c in cells):
            i += 1
            continue
        if _CORNER.fullmatch(cells[0].strip()) and len(cells) >= 3 and all(_is_num(c) for c in cells[1:]):
            # "T \\ p (bar)   2   4   6   8": both factors named in the corner, the column levels numbers
            body, j = [], i + 1
            while j < len(lines) and (row := _split_cells(lines[j])) and len(row) == len(cells) and \
                    all(_is_num(c) for c in row):
                body.append(row)
                j += 1
            if len(body) >= 2:
                return PastedTable(i, j, cells, body, "|" in lines[i])
        rows, j, markdown = [], i, False
        while j < len(lines):
            if _SEPARATOR_ROW.match(lines[j]):
                markdown = True
                j += 1
                continue
            row = _split_cells(lines[j])
            if not row or len(row) != len(cells) or not any(_is_num(c) for c in row):
                break
            markdown = markdown or "|" in lines[j]
            rows.append(row)
            j += 1
        single_ok = len(cells) > 1 or len(rows) >= 3
        if len(rows) >= 2 and single_ok:
            start, header = i, None
            k = i - 1
            while k >= 0 and _SEPARATOR_ROW.match(lines[k]):
                markdown, k = True, k - 1
            while k >= 0 and not lines[k].strip() and k > i - 3:
                k -= 1  # one blank line between a header in prose and its rows
            if k >= 0 and lines[k].strip():
                head = _split_cells(lines[k])
                # "Same 16 specimens on tester A and tester B (specimen, A, B):": the columns named in brackets
                bracket = re.search(r"\(([^()]+)\)\s*:?\s*$", lines[k].strip())
                in_brackets = [c.strip() for c in re.split(r"\s*[,;/|]\s*", bracket.group(1))] if bracket else []
                if len(cells) >= 2 and len(in_brackets) == len(cells) and all(in_brackets) and \
                        not any(re.search(r"\d", c) for c in in_brackets):  # "(plant 2, line 6)" names no columns
                    head = in_brackets
                if len(head) != len(cells):  # "Class project (room 114). name; height; arm span - all in cm"
                    tail = re.sub(r"\s+[-–—(][^;|,\t]*$", "", re.split(r"[.:]\s+", lines[k].strip())[-1])
                    sep = next((c for c in ("|", "\t", ";", ",") if c in lines[i]), None)
                    named = [c.strip() for c in tail.split(sep)] if sep else []
                    if len(named) == len(cells) and all(named):
                        head = named
                if len(head) == len(cells) - 1 and not _is_num(cells[0]) and not any(_is_num(c) for c in head) \
                        and re.match(r"\s{2,}|\t|,", lines[k]):
                    head = ["", *head]  # "        Ana   Ben   Chen" over "M1  41.2  42.1  40.9": a blank corner
                if len(head) == len(cells) and not any(_is_num(c) for c in head) and \
                        all(_HEADER_CELL.fullmatch(c) or (c == "" and n == 0) for n, c in enumerate(head)) and \
                        not any(c.lower() in _PROSE and not re.fullmatch(r"[A-Z]", c) for c in head):
                    header, start = head, k
                    markdown = markdown or "|" in lines[k]
            if header is not None or markdown:
                return PastedTable(start, j, header, rows, markdown)
        i = max(j, i + 1)
    return None


def _index_column(name: str, cells: list[str]) -> bool:
    """A row number or an id ('Sample', 'Run', 'Lot', 'Hour', '#'): distinct whole numbers under such a header."""
    if not _INDEX_HEADER.fullmatch(name.strip()) or not all(_is_num(c) for c in cells):
        return False
    values = [_num(c) for c in cells]
    return all(v == v.to_integral_value() for v in values) and len(set(values)) == len(values)


# asking to leave something out: "exclude run 5", "drop the 18.5"; and by pronoun, "… so leave it out"
LEAVE_OUT = (r"(?:ignor(?:e|ing)|exclud(?:e|ing)|drop(?:ping)?|remov(?:e|ing)|omit(?:ting)?|disregard(?:ing)?|"
             r"discard(?:ing)?|skip(?:ping)?|leav(?:e|ing) out|leav(?:e|ing) off|don'?t use|throw(?:ing)? out)")
PRONOUN_OUT = re.compile(r"\b(?:leave|drop|exclude|ignore|remove|omit|discard|skip|throw)\s+(?:it|that|this)\b|"
                         r"\bdon'?t (?:use|count|include) (?:it|that|this)\b", re.I)


def said_with_pronoun(name: str, text: str) -> bool:
    """`name` and "leave it out" (or the like) in one sentence of `text`."""
    for sentence in re.split(r"(?<=[.!?])\s+|\n", text):
        if re.search(rf"(?<![\w.]){name}(?![\w.])", sentence, re.I) and PRONOUN_OUT.search(sentence):
            return True
    return False


def _left_out_ids(prose: str, name: str, cells: list[str]) -> set[str]:
    """The row ids the question leaves out: "leave run 5 out", "exclude runs 3 and 7", "run 5 … so drop it"."""
    if not name:
        return set()
    noun = re.escape(name) + r"s?"
    ids = r"(\d+(?:\s*(?:,|and|&)\s*\d+)*)"
    found: set[str] = set()
    for m in re.finditer(rf"\b{LEAVE_OUT}\s+(?:the\s+)?{noun}\s*#?\s*{ids}|\bleave\s+(?:the\s+)?{noun}\s*#?\s*{ids}"
                         rf"\s+out\b", prose, re.I):
        found |= set(re.findall(r"\d+", m.group(1) or m.group(2)))
    for sentence in re.split(r"(?<=[.!?])\s+|\n", prose):
        if PRONOUN_OUT.search(sentence):
            found |= set(re.findall(rf"\b{noun}\s*#?\s*(\d+)", sentence, re.I))
    return {v for v in found if v in cells}


def _left_out_values(rows: list[list[str]], ids: list[str], dropped: set[str], at: int) -> str:
    """" (its readings 4.9, 7.23)": the values of the rows left out, so the plan names every number it set aside."""
    values = [c.strip() for r, row in enumerate(rows) if ids[r] in dropped for i, c in enumerate(row)
              if i != at and _is_num(c)]
    return f" (its readings {', '.join(values)})" if values else ""


def _ragged_columns(table: PastedTable, gaps_said: bool = False) -> list[tuple[str, list[str]]] | None:
    """Named numeric columns whose only blanks close them ("20.1,26.9,19.1 … 18.9,21.9, / ,22.2,"): (name, values).
    With `gaps_said` (the question says the empty cells are to be left out) a blank may also sit inside a column, and
    a first column numbering the rows 1 … n is their id, not a group."""
    if not table.header or not any(c == "" for row in table.rows for c in row):
        return None
    out = []
    for c, name in enumerate(table.header):
        cells = [row[c] for row in table.rows]
        values = [x for x in cells if x != ""]
        if not name or not values or not all(_is_num(x) for x in values):
            return None
        if gaps_said and c == 0 and cells == [str(i) for i in range(1, len(cells) + 1)]:
            continue  # "Messung 1 … 12": the rows' numbers
        if "" in cells[:len(values)] and any(x != "" for x in cells[cells.index(""):]) and not gaps_said:
            return None  # a gap inside the column: a value missing, not a shorter column
        out.append((name, values))
    return out if len({len(v) for _, v in out}) > 1 else None


# "Two Linie_B cells are empty because the gauge was out - just leave them out", "skip the blanks"
_GAPS_SAID = re.compile(r"\b(?:empty|blank|missing)\b[^.?!]{0,80}?\b(?:leave|skip|ignore|drop|omit)\b|"
                        r"\b(?:leave|skip|ignore|drop|omit)\w*\s+(?:out\s+)?(?:the\s+|any\s+)?(?:empty|blank|missing)|"
                        # "line B had one fewer bag", "B has two fewer readings": the shorter column ends early
                        r"\b(?:one|two|three|\d+)\s+fewer\b|\bone\s+(?:less|short)\b", re.I)


# what a question says when it compares or models by a column of names
# ("one row per part", "each row": words about the layout, not a comparison; "by operator" names the column)
_COMPARES = re.compile(r"compar|differ|between|versus|\bvs\.?\b|anova|analysis of variance|"
                       r"\bgroups?\b|t[\s-]?test|effect|factor|interaction|regress|correl|chart|subgroup|independen|"
                       r"associat|kruskal|mann|wilcoxon|levene|bartlett|variance test|consisten|broken down|"
                       r"breakdown|contingency|chi", re.I)


def _factor_asked(prose: str, name: str) -> bool:
    """Whether the question uses a column of names as a factor: it names the column or compares something."""
    name = name.strip()
    if name and re.search(rf"\b{re.escape(name)}s?\b", prose, re.I):
        return True
    return bool(_COMPARES.search(prose))


_TOTAL_NAME = re.compile(r"\s*(?:grand\s+)?(?:total|sum|all|overall|σ|Σ|gesamt\w*|summe)s?\s*", re.I)


def without_totals(labels: list[str] | None, header: list[str], columns: list[list[str]],
                    notes: list[str]) -> tuple[list[str] | None, list[str], list[list[str]]]:
    """A pivot table's margins ("Grand Total" as the last row or column, each cell the sum of the others) are not
    cells of the table: dropped, and said. Only a margin named so and adding up is dropped."""
    def adds_up(total: list[str], parts: list[list[str]]) -> bool:
        try:
            return all(abs(_num(t) - sum(_num(p[i]) for p in parts)) <= Decimal("1e-9") * max(1, abs(_num(t)))
                       for i, t in enumerate(total)) and len(parts) >= 2
        except (ValueError, ArithmeticError):
            return False

    if columns and all(_is_num(x) for col in columns for x in col):
        if len(header) >= 3 and _TOTAL_NAME.fullmatch((header[-1] or "").strip("*_ ")) and \
                adds_up(columns[-1], [list(c) for c in columns[:-1]]):
            notes.append(f"column {header[-1].strip()!r} is the rows' totals: left out of the table")
            header, columns = header[:-1], columns[:-1]
        if labels and len(labels) >= 3 and _TOTAL_NAME.fullmatch(labels[-1].strip("*_ ")):  # "**Total**"
            rows = [list(r) for r in zip(*columns, strict=True)]
            if adds_up(rows[-1], rows[:-1]):
                notes.append(f"row {labels[-1].strip()!r} is the columns' totals: left out of the table")
                labels, columns = labels[:-1], [c[:-1] for c in columns]
    return labels, header, columns


def normalise_pasted(text: str) -> tuple[str, list[str]]:
    """A pasted table rewritten in the forms the planners read, and notes saying how it was read.

    * an index column (Sample, Run, Lot, Hour, Patient, # …) is an id, not data: dropped, and said;
    * a first column of distinct names (day/night, Mon…Fri) labels the rows: "day: 45 5";
    * a column of repeated names is a factor: "operator (A, A, B, B)", and the numbers beside it "value: 5.1, …";
    * one numeric column under a name is that named list: "Diameter (mm): 10.01, 9.98, …";
    * two or more leading two-valued numeric columns and a response are a two-level factorial in natural units:
      each is coded low → -, high → + (said in the notes);
    * other numeric columns stay a table, one tab-separated row per line, under their names.
    """
    table = pasted_table(text)
    if table is None:
        return text, []
    lines = text.split("\n")
    gaps_said = bool(_GAPS_SAID.search(text))
    ragged = _ragged_columns(table, gaps_said)
    if ragged:  # "blanks = no more results": named columns of different lengths, each a group
        listed = [f"{name}: {', '.join(values)}" for name, values in ragged]
        return "\n".join([*lines[:table.start], *listed, *lines[table.end:]]), [
            "empty cells left out, as the question says: each column a group" if gaps_said else
            "columns of different lengths (blank cells end the shorter ones): each column a group"]
    header = table.header or [""] * len(table.rows[0])
    columns = [[row[c] for row in table.rows] for c in range(len(header))]
    notes: list[str] = []
    keep = []
    prose = "\n".join(lines[:table.start] + lines[table.end:])
    skip_rows: set[int] = set()
    for c, (name, cells) in enumerate(zip(header, columns, strict=True)):
        # "regress weight on day", "weight vs day": a column the question makes a predictor is a variable
        named = re.search(rf"\b(?:on|vs\.?|versus|against|between|and)\s+(?:the\s+)?(?:[a-z-]+\s+){{0,2}}?"
                          rf"{re.escape(name.strip())}s?(?!\w)", prose, re.I) if name.strip() else None
        if table.header and _index_column(name, cells) and len(header) > 1 and not named:
            notes.append(f"column {name!r} read as a row id, not data")
            dropped_ids = _left_out_ids(prose, name.strip(), cells)
            if dropped_ids:
                skip_rows |= {r for r, v in enumerate(cells) if v in dropped_ids}
                notes.append(f"{name.strip()} {', '.join(sorted(dropped_ids, key=_num))} left out, as asked"
                             + _left_out_values(table.rows, cells, dropped_ids, c))
            continue
        worded = [re.fullmatch(r"([A-Za-z]+)\s*#?\s*(\d+)", x.strip()) for x in cells]
        if c == 0 and len(header) > 2 and all(worded) and len({m.group(1).lower() for m in worded}) == 1 and \
                _INDEX_HEADER.fullmatch(worded[0].group(1)) and len({m.group(2) for m in worded}) == len(cells):
            # "run 1 | 2.1 | 2.92", "run 2 | …": the first column numbers the rows, in words and digits
            word, numbers = worded[0].group(1), [m.group(2) for m in worded]
            notes.append(f"column of row ids ({cells[0]} … {cells[-1]}) read as ids, not data")
            dropped_ids = _left_out_ids(prose, word, numbers)
            if dropped_ids:
                skip_rows |= {r for r, v in enumerate(numbers) if v in dropped_ids}
                notes.append(f"{word} {', '.join(sorted(dropped_ids, key=_num))} left out, as asked"
                             + _left_out_values(table.rows, numbers, dropped_ids, c))
            continue
        if table.header and c == 0 and len(header) > 2 and _INDEX_HEADER.fullmatch(name.strip()) and \
                len(set(cells)) == len(cells) and all(re.search(r"\d", x) and not _is_num(x) for x in cells):
            # "sample_id: HX-0912, HX-0913 …" beside two or more columns: codes naming the rows, not groups
            notes.append(f"column {name!r} read as a row id, not data")
            continue
        keep.append(c)
    header = [header[c] for c in keep]
    columns = [[v for r, v in enumerate(columns[c]) if r not in skip_rows] for c in keep]
    numeric = [all(_is_num(x) for x in col) for col in columns]
    labels = None
    if columns and not numeric[0] and len(set(columns[0])) == len(columns[0]) and all(numeric[1:]) and len(columns) > 1:
        labels, header, columns, numeric = columns[0], header[1:], columns[1:], numeric[1:]
    factors = [c for c, ok in enumerate(numeric) if not ok]
    repeats = [c for c, ok in enumerate(numeric) if ok and _REPLICATE_HEADER.fullmatch(header[c].strip())]
    if factors and len(repeats) >= 2 and len(factors) + len(repeats) == len(columns) and not labels:
        # "temp  add  rep1  rep2  rep3": one row per cell, its repeat readings across; one observation per reading
        width = len(repeats)
        parts = [f"{header[c] or 'factor'} ({', '.join(v for v in columns[c] for _ in range(width))})" for c in factors]
        values = [columns[c][r] for r in range(len(columns[0])) for c in repeats]
        block = [", ".join(parts) + ", response: " + ", ".join(values)]
        notes.append(f"columns {', '.join(repr(header[c]) for c in repeats)} read as repeat readings of each row's "
                     f"cell ({', '.join(header[c] for c in factors)}): one observation per reading")
        return "\n".join(lines[:table.start] + block + lines[table.end:]), notes
    coded_levels = factors and all({x.lower() for x in columns[c]} <= _LEVEL_WORDS for c in factors)
    unasked = [c for c in factors if not _factor_asked(prose, header[c])] if factors and not coded_levels else []
    named = [c for c in factors if header[c].strip() and re.search(rf"\b{re.escape(header[c].strip())}s?\b", prose, re.I)]
    if factors and not coded_levels and named and len(named) < len(factors) and \
            not re.search(r"two[\s-]*way|three[\s-]*way|interaction|both factors|\bblock", prose, re.I):
        # "date,machine,shot_weight_g … different between the three machines?": the factor the question names is
        # the factor; a date column beside it is when, not a second factor
        unasked = [c for c in factors if c not in named]
        notes.append("column" + ("s " if len(unasked) > 1 else " ") + ", ".join(repr(header[c]) for c in unasked) +
                     " not used: the question names " + ", ".join(repr(header[c]) for c in named) + " as the factor")
        header = [h for c, h in enumerate(header) if c not in unasked]
        columns = [col for c, col in enumerate(columns) if c not in unasked]
        numeric = [ok for c, ok in enumerate(numeric) if c not in unasked]
        factors = [c for c, ok in enumerate(numeric) if not ok]
        unasked = []
    one_sample = re.search(r"\b(?:mean|average|standard deviation|std|sd|median|describe|descriptive|summary|"
                           r"summari[sz]e|capab\w*|cpk?|ppk?)\b", prose, re.I)
    if unasked and len(unasked) == len(factors) and any(numeric) and one_sample:
        # "part_id,diameter_mm,inspector … the average diameter and the SD?": who measured is a label beside the
        # data when the question neither names the column nor compares anything
        notes.append("column" + ("s " if len(unasked) > 1 else " ") + ", ".join(repr(header[c]) for c in unasked) +
                     " read as a label beside the data, not a factor: the question compares nothing by it")
        header = [h for c, h in enumerate(header) if c not in unasked]
        columns = [col for c, col in enumerate(columns) if c not in unasked]
        numeric = [ok for c, ok in enumerate(numeric) if c not in unasked]
        factors = []
    if factors and not coded_levels:
        if any(len(set(columns[c])) == len(columns[c]) for c in factors) or not any(numeric):
            return text, []  # text that is not a factor: not a table the planners read
        parts = []
        for c, (name, col, ok) in enumerate(zip(header, columns, numeric, strict=True)):
            name = name or "values"
            # "R1,160,41.2": beside a factor of names, a numeric column before the response whose values repeat
            # (160, 180, each seen several times) is a second factor's levels, not a predictor or a response
            level = ok and c < len(columns) - 1 and _repeated_levels(col)
            parts.append(f"{name}: {', '.join(col)}" if ok and not level else f"{name} ({', '.join(col)})")
        block = [", ".join(parts)]
        notes.append("columns " + ", ".join(repr(h) for h in header) + " read as one observation per row")
    elif len(columns) == 1:
        block = [f"{header[0] or 'values'}: " + ", ".join(columns[0])]
    else:
        labels, header, columns = without_totals(labels, header, columns, notes)
        coded = None if coded_levels else _natural_factorial(header, columns)
        if coded:
            columns, note = coded
            notes.append(note)
        rows = list(zip(*columns, strict=True))
        names = [h for h in header if h]
        block = (["\t".join(header)] if len(names) == len(header) else []) + [
            (f"{labels[r]}: " if labels else "") + "\t".join(row) for r, row in enumerate(rows)]
    return "\n".join(lines[:table.start] + block + lines[table.end:]), notes


_REPLICATE_HEADER = re.compile(r"(?:rep(?:licate)?|r|y|obs(?:ervation)?|trial|reading|meas(?:urement)?|run|"
                               r"sample|value)[\s_#.-]*\d{1,2}", re.I)


def _repeated_levels(cells: list[str]) -> bool:
    """At least two distinct values, each seen at least twice, and at most half as many values as cells."""
    counts: dict[str, int] = {}
    for cell in cells:
        counts[cell] = counts.get(cell, 0) + 1
    return len(counts) >= 2 and min(counts.values()) >= 2 and len(counts) <= len(cells) // 2


def _natural_factorial(header: list[str], columns: list[list[str]]) -> tuple[list[list[str]], str] | None:
    """Leading columns of two numeric settings each and the rest responses, with every one of the 2^k setting
    combinations present equally often: the settings coded - (the lower) and + (the higher)."""
    two = 0
    while two < len(columns) and len({_num(x) for x in columns[two]}) == 2:
        two += 1
    if two < 2 or two == len(columns) or not all(header[:two]):
        return None
    combos: dict[tuple, int] = {}
    for row in zip(*columns[:two], strict=True):
        key = tuple(_num(x) for x in row)
        combos[key] = combos.get(key, 0) + 1
    if len(combos) != 2 ** two or len(set(combos.values())) != 1:
        return None
    coded, said = [], []
    for name, col in zip(header[:two], columns[:two], strict=True):
        low, high = sorted({_num(x) for x in col})
        coded.append(["-" if _num(x) == low else "+" for x in col])
        said.append(f"{name} {format(low, 'f')} → −1, {format(high, 'f')} → +1")
    return coded + columns[two:], "a two-level factorial in natural units, coded: " + "; ".join(said)


_UNIT_WORD = r"(?:°\s?[CF]|[A-Za-zµΩ%][\w/°%²³µΩ·]{0,7})"
_NOT_UNIT = {"and", "or", "of", "in", "out", "per", "to", "vs", "versus", "x", "by", "from", "at", "on", "for", "with",
             "is", "are", "was", "were", "then", "than", "e", "the", "a", "an"}


_SLASH_RUN = re.compile(rf"(?<![\w./]){NUM}(?:[ \t]+/[ \t]+{NUM}){{2,}}(?![\w/]|\.\d)|"
                        rf"(?<![\w./]){NUM}(?:/{NUM}){{3,}}(?![\w/]|\.\d)")
_PAIR_VALUE = r"[-+−]?\d+(?:\.\d+)?"
# "spec 1: 14.1 / 14.9", "van 1 7.69 -> 6.51", "S3 = 12.0 → 11.4": a unit's label, then its two values
_SLASH_PAIR_LINE = re.compile(rf"^(?P<head>\s*[^\n/>]*?(?:[:=|]|\s-)\s*|\s*[A-Za-z][\w.#-]*(?:\s+[A-Za-z0-9#][\w.-]*)?\s+|\s*)"
                              rf"(?P<a>{_PAIR_VALUE})\s*(?:/|->|→|=>)\s*(?P<b>{_PAIR_VALUE})\s*[.;]?\s*$")


def records_between_semicolons(line: str, is_record) -> list[str]:
    """"…: panel A 2.5 m2 7 blemishes; panel B 1.5 m2 5 blemishes; …; panel H 3.5 m2 9 blemishes. chart it": three or
    more records (`is_record` says which segments are) written on one line between semicolons, each on its own line
    (with the sentence before the first and after the last on lines of their own, and any other semicolons of the
    prose left as they are); else the line unchanged."""
    segments = line.split(";")
    whole = [bool(is_record(seg)) for seg in segments]
    best = None  # the longest run of whole records
    i = 0
    while i < len(segments):
        j = i
        while j < len(segments) and whole[j]:
            j += 1
        if j > i and (best is None or j - i > best[1] - best[0]):
            best = (i, j)
        i = max(j, i + 1)
    if best is None:
        return [line]
    i, j = best
    head = tail = ""
    first_i, last_j = i, j
    if i > 0:  # "… measured twice (mils): panel 1 old 3.42 new 3.38": the record after the last colon or full stop
        cuts = [m.end() for m in re.finditer(r"[:.]\s+", segments[i - 1])]
        cut = next((c for c in reversed(cuts) if is_record(segments[i - 1][c:])), None)
        if cut is not None:
            head, segments[i - 1] = segments[i - 1][:cut].rstrip(), segments[i - 1][cut:]
            first_i = i - 1
    if j < len(segments):  # "… panel 10 old 4.02 new 3.92. Differences look skewed …": the record before the stop
        cuts = [m.start() for m in re.finditer(r"[.?!]\s+", segments[j])]
        cut = next((c for c in cuts if is_record(segments[j][:c])), None)
        if cut is not None:
            tail, segments[j] = segments[j][cut + 1:].strip(), segments[j][:cut]
            last_j = j + 1
    if last_j - first_i < 3:
        return [line]
    before = ";".join(segments[:first_i]) + (";" if first_i > 0 else "") + head
    after = tail + (";" if last_j < len(segments) else "") + ";".join(segments[last_j:])
    return [p for p in (before.strip(), *(seg.strip() for seg in segments[first_i:last_j]), after.strip()) if p]


def _pair_segments(line: str) -> list[str]:
    """A line of three or more labelled pairs between semicolons ("van 1 7.69 -> 6.51; van 2 7.76 -> 7.27; …")."""
    return records_between_semicolons(line, _SLASH_PAIR_LINE.match)


def slashed_lists(text: str) -> str:
    """Values separated by slashes, written as the lists they are: "3.82 / 4.10 / 3.95" (three or more, spaced) or
    "3.82/4.10/3.95/4.21" (four or more: "12/05/2026" is a date) → commas; and one labelled pair per line ("spec 1:
    14.1 / 14.9", "van 1 7.69 -> 6.51", three or more, on lines or between semicolons) → a table of units by their
    two values, under a header naming the two
    (from "A (first number) vs B (second)", else first and second). A lone "50/50" or "1/2" is a ratio or a
    fraction and stays, and so does "3/200" on every line (counts out of totals)."""
    text = _SLASH_RUN.sub(lambda m: re.sub(r"\s*/\s*", ", ", m.group(0)), _unlabelled_pairs(text))
    lines = [part for line in text.split("\n") for part in _pair_segments(line)]
    pairs = [bool(_SLASH_PAIR_LINE.match(line)) for line in lines]
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and pairs[j]:
            j += 1
        found = [_SLASH_PAIR_LINE.match(lines[k]) for k in range(i, j)]
        counts_of = all(re.fullmatch(r"\d+", m.group("a")) and re.fullmatch(r"\d+", m.group("b"))
                        and int(m.group("a")) <= int(m.group("b")) for m in found)  # "3/200": a count out of a total
        labels = [m.group("head").strip().rstrip(":=|-").strip() for m in found]
        arrows = any(re.search(r"->|→|=>", lines[k]) for k in range(i, j))
        if j - i >= 3 and (not counts_of or arrows) and all(labels) and len(set(labels)) == len(labels):
            first, second = _pair_names(text)
            rows = [f"{label}, {m.group('a')}, {m.group('b')}" for label, m in zip(labels, found, strict=True)]
            lines[i:j] = [f"unit, {first}, {second}", *rows]
            pairs[i:j] = [False] * (j - i + 1)
            j += 1
        i = max(j, i + 1)
    return "\n".join(lines)


_UNLABELLED_PAIRS = re.compile(rf"(?<![\w./])((?:{_PAIR_VALUE}\s*/\s*{_PAIR_VALUE}\s*[;,]\s*){{3,}}{_PAIR_VALUE}\s*/\s*"
                               rf"{_PAIR_VALUE})(?![\w/]|\.\d)")


def _unlabelled_pairs(text: str) -> str:
    """"written left/right: 58.4/57.6; 61.2/59.3; …": four or more pairs without labels, between semicolons or commas,
    as two named lists (the names from "left/right" written before them, else first and second)."""
    m = _UNLABELLED_PAIRS.search(text)
    if not m:
        return text
    pairs = [re.split(r"\s*/\s*", p.strip()) for p in re.split(r"\s*[;,]\s*", m.group(1))]
    if all(re.fullmatch(r"\d+", a) and re.fullmatch(r"\d+", b) and int(a) <= int(b) for a, b in pairs):
        return text  # "3/20; 5/25; …": counts out of totals
    named = re.search(r"\b([A-Za-z][\w-]*)\s*/\s*([A-Za-z][\w-]*)\b[^/\n]{0,15}$", text[:m.start()])
    first, second = (named.group(1), named.group(2)) if named else _pair_names(text)
    lists = (f"{first}: {', '.join(a for a, _ in pairs)}\n{second}: {', '.join(b for _, b in pairs)}\n")
    return text[:m.start()] + "\n" + lists + text[m.end():]


def _pair_names(text: str) -> tuple[str, str]:
    """"method A (first number) vs method B (second)": the names of the two values of each pair, else first/second."""
    names = []
    for ordinal in ("first", "second"):
        m = re.search(rf"([A-Za-z][\w-]*(?: [A-Za-z0-9][\w-]*)?)\s*\((?:the\s+)?{ordinal}(?: number| value| one)?\)", text)
        names.append(m.group(1) if m else ordinal)
    if names == ["first", "second"]:
        # "I've put length (in hundreds of metres) / flaws:", "format: inspected / defective": the two names around a
        # slash at the end of the line that introduces the pairs
        for line in text.split("\n")[:-1]:
            m = re.search(r"(?:^|[\s:(])([A-Za-z][\w-]*)\s*(?:\([^()\n]*\)\s*)?/\s*([A-Za-z][\w-]*)\s*(?:\([^()\n]*\)\s*)?"
                          r"[:.]?\s*$", line, re.I)
            if m:
                names = [m.group(1), m.group(2)]
                break
    return (names[0], names[1]) if names[0] != names[1] else ("first", "second")


def strip_repeated_units(text: str) -> str:
    """"45.2 kN, 47.1 kN, 44.8 kN and 46.3 kN" → "45.2, 47.1, 44.8 and 46.3 kN": a unit written after every value
    of a list belongs to each value, so the list is one run of numbers (three values or more, one unit)."""
    # a value and its unit on one line: across a line break, "14.1\nN3,13.7" is a table's next row, not a unit
    item = rf"(?<![\w.^]){NUM}[ \t]*(?P<u>{_UNIT_WORD})(?![\w°%])"
    pattern = re.compile(rf"{item}(?:[ \t]*(?:[,;]|\band\b|,\s*and\b)\s*{NUM}[ \t]*(?P=u)(?![\w°%])){{2,}}")

    def fix(m: re.Match) -> str:
        unit = m.group("u")
        if unit.lower().rstrip(".") in _NOT_UNIT:
            return m.group(0)
        body = re.sub(rf"(?<=\d)\s*{re.escape(unit)}(?![\w°%])", "", m.group(0))
        return f"{body} {unit}"

    return pattern.sub(fix, text.replace("−", "-"))


def decimal_commas(question: str) -> str:
    """"1;24,27" in a semicolon- or tab-separated export (German, French locales): the comma is the decimal mark.
    Only in lines whose separator is ';' or a tab, so a comma there cannot be a separator. The text keeps its length
    (the reading audit finds numbers by position)."""
    def fix(line: str) -> str:
        cells = re.split(r"\s*[;\t]\s*", line.strip())
        if len(cells) < 2 or not any(re.fullmatch(r"[-+]?\d+,\d+", c) for c in cells) or \
                any(re.fullmatch(r"[-+]?\d+(?:,\d+){2,}", c) for c in cells):
            return line
        return re.sub(r"(?<![\d,])([-+]?\d+),(\d+)(?![\d,])", r"\1.\2", line)
    if not re.search(r"\d,\d", question) or not re.search(r"[;\t]", question):
        return question
    lines = question.split("\n")
    fixed = [fix(line) if re.search(r"[;\t]", line) else line for line in lines]
    if fixed == lines:
        return question
    # a text whose data write decimal commas writes its other numbers so too: "Spec is 9,900 to 10,100" beside
    # "10,006; 10,021; …" is 9.9 to 10.1, not thousands
    fixed = [re.sub(r"(?<![\d,.])([-+]?\d+),(\d+)(?![\d,])", r"\1.\2", new) if new == old else new
             for old, new in zip(lines, fixed, strict=True)]
    # the export's rows, header included, read as CSV once their decimal marks are points
    return "\n".join(line.replace(";", ",") if re.fullmatch(r"[^;]+(?:;[^;]*)+", line.strip()) and
                     not re.search(r"[a-z]{3,}\s+[a-z]{3,}\s+[a-z]{3,}", line, re.I) else line for line in fixed)


def _earlier_study(sentence: str) -> bool:
    if re.search(r"\b(?:ignore|disregard) (?:that|this|it)\b", sentence, re.I) and \
            re.search(r"\b(?:last|previous|earlier|prior|(?:19|20)\d\d)\b", sentence, re.I):
        return True  # "Last year's screening used 11 runs - ignore that"
    return bool(re.search(r"\b(?:study|studies|trial|experiment|doe|campaign|project|comparison|runs?|screening|"
                          r"pilot|survey|poll)\b", sentence, re.I) and
                re.search(r"\b(?:used|ran|took|had|cost|needed|was|were|required|did|made|tried|performed|asked|"
                          r"surveyed|interviewed|sampled)\b", sentence, re.I) and
                re.search(r"\b(?:previous(?:ly)?|earlier|last|prior|old|(?:19|20)\d\d|for reference)\b", sentence, re.I))


def earlier_study_spans(text: str) -> list[tuple[int, int]]:
    """Where the question says what an earlier study did ("For reference, our 2019 study used 40 runs and cost about
    3500 EUR."): context, not the plan asked for."""
    spans = []
    for m in re.finditer(r"[^.?!\n]+[.?!]", text):
        if not _earlier_study(m.group(0)):
            continue
        # "… the budget is 16 runs (lab time is booked …; the last screening study used 32 runs).": only the aside in
        # brackets is about the earlier study, so only its clause is blanked, never the sentence's plan
        asides = [(m.start() + b.start(), m.start() + b.end()) for b in re.finditer(r"\([^()]*\)", m.group(0))]
        rest = re.sub(r"\([^()]*\)", " ", m.group(0))
        inside = [(a, b) for a, b in asides if _earlier_study(text[a:b])]
        if inside and not _earlier_study(rest):
            for a, b in inside:
                clauses = [(a + c.start(), a + c.end()) for c in re.finditer(r"[^;()]+", text[a:b])]
                spans += [span for span in clauses if _earlier_study(text[span[0]:span[1]])] or [(a, b)]
            continue
        spans.append(m.span())
    return spans


# "the usual ACF estimate r1 = sum (x_t - xbar)(x_{t+1} - xbar) / sum (x_t - xbar)^2": a statistic defined over
# indexed observations (x_t, x_i, x_{t+1}) is how to compute, not an expression to evaluate or a chart to draw
_ESTIMATOR_FORMULA = re.compile(r"(?:\b[a-z]\w{0,3}\s*=\s*)?(?:\bsum\b|Σ|∑)[^.;?!\n]*?\b[a-z]_\{?[a-z](?:\s*[+-]\s*\d)?\}?"
                                r"[^;?!\n]*?(?=\.\s|\.?$|[;?!]|\n)", re.I | re.M)


# "Use the usual normal-approximation formula n = [z(1-a/2) sqrt(2 pbar qbar) + …]^2 / (p1 - p2)^2": a formula the
# question names as the method to use
_NAMED_FORMULA = re.compile(r"(?<=\bformula)\s*:?\s*[a-z]\w{0,3}\s*=\s*[^;?!\n]*?(?=\.\s|\.?$|[;?!]|\n|\s+with\s)",
                            re.I | re.M)


def without_estimator_formulas(text: str) -> str:
    """The question with each written-out estimator formula blanked (same length, so positions still match)."""
    text = _NAMED_FORMULA.sub(lambda m: " " * len(m.group(0)), text)
    return _ESTIMATOR_FORMULA.sub(lambda m: " " * len(m.group(0)), text)


def without_earlier_studies(text: str) -> str:
    """The question with those sentences blanked (same length, so positions still match)."""
    for start, end in earlier_study_spans(text):
        text = text[:start] + " " * (end - start) + text[end:]
    return text
