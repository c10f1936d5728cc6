"""Records pasted one per line, each naming its own numbers, rewritten as the table they are.

Three shapes, each on ≥ 3 consecutive lines that agree with one another:

- a label, then named measurements: "P-1043: as-received 42.7, annealed 40.6" (columns as-received, annealed);
- a label, then counts of named things: "batch 1: 34 boards, 19 defects" (columns boards, defects);
- a value with its unit, then another: "140 C -> 54.6 %", "0 ppm  0.0065" (an x column and a y column).

Read number by number, "P-1043: as-received 42.7, annealed 40.6" is three measurements and the part number becomes
data. As a table, the readers of table shapes (graphs/planning/nl_tables.py) and the regression reader see rows
named by a unit, sizes beside counts, or a predictor beside its response. A row the question asks to leave out
("leave out the 8 ppm standard", "drop P-1062") is removed, with a note.
"""

from __future__ import annotations

import re

from graphs.planning.extract import LEAVE_OUT, NUM, records_between_semicolons, said_with_pronoun

_SEP = r"(?:\s*(?:->|→|=>|:|=|\||\t|–|—)\s*|\s+-\s+)"  # "Lot 4471 - 200 inspected, 7 defective"
_LABEL = r"(?P<label>[A-Za-z#][\w .#/'()-]{0,30}?|\d{1,6}[A-Za-z][\w-]*)"
_UNIT = r"(?:[A-Za-zµ°%/·²³]{1,6}\.?)"
_NAMED_VALUE = re.compile(rf"(?P<name>[A-Za-z][\w .'/()-]{{0,25}}?)\s*[:=]?\s*(?P<num>{NUM})\s*(?P<unit>{_UNIT})?")
_COUNTED = re.compile(rf"(?P<num>{NUM})\s*(?P<name>[A-Za-z][\w-]*(?:\s+[A-Za-z][\w-]*)?)")
_XY = re.compile(rf"^\s*(?P<x>{NUM})\s*(?P<xu>{_UNIT})?\s*(?:->|→|=>|:|=|,|\t|\s)\s*(?P<y>{NUM})\s*(?P<yu>{_UNIT})?"
                 r"\s*[.;]?\s*$")
# summary figures per group ("Line 1: mean 10.2, sd 0.3, n 25") are read by the summary planner, not as a table
_SUMMARY_NAMES = re.compile(r"^(?:mean|average|avg|x-?bar|sd|s|std|stdev|std\.? ?dev|standard deviation|sigma|σ|n|"
                            r"size|sample size|median|range|min|max|minimum|maximum|var|variance|cv)$", re.I)


def _cells(rest: str) -> list[str]:
    """"40 boards with 23 defects", "15 blemishes in 205 m", "as-received 42.7, annealed 40.6": the named numbers of a
    record."""
    # ("old 0.782 / new 0.758": a slash between two named values separates them)
    cells = [c.strip(" .;") for c in re.split(r"\s*(?:,|;|\t|\band\b|\bwith\b|\bin\b(?=\s*\d)|\||(?<=\d)\s+/\s+(?=[A-Za-z]))\s*",
                                              rest.strip(" .;"))
             if c.strip(" .;")]
    # "dose=2.1 response=7.15": name=value pairs with only spaces between them
    return [part for c in cells for part in re.split(r"(?<=\d)\s+(?=[A-Za-z][\w-]*\s*[=:]\s*[-+]?\.?\d)", c)]


_SPACED = re.compile(rf"^\s*(?P<label>[A-Za-z][\w-]*(?:\s+[A-Za-z0-9][\w-]*)?)\s+(?P<rest>{NUM}\s*[A-Za-z][\w²³/]*"
                     rf"(?:\s*(?:,|\band\b)?\s*{NUM}\s*[A-Za-z][\w²³/]*)+)\s*[.;]?\s*$")
_SHORT_UNIT = r"(?:\s*[A-Za-zµ°%/²³]{1,7}\b(?!\s+[-+]?\.?\d))?"  # "dose 3.0 mg  resp 12.0": a unit after a value
_NAMED_SPACED = re.compile(rf"^\s*(?P<label>[A-Za-z][\w-]*\s+\d{{1,4}}|[A-Za-z][\w-]*\d{{1,4}})\s+(?P<rest>[A-Za-z][\w-]*\s+{NUM}"
                           rf"{_SHORT_UNIT}(?:\s*,?\s*[A-Za-z][\w-]*\s+{NUM}{_SHORT_UNIT})+)\s*[.;]?\s*$")
_SPACED_CELL = re.compile(rf"{NUM}\s*[A-Za-z][\w²³/]*")


def _record(line: str) -> tuple[str, list[tuple[str, str]]] | None:
    """(label, [(column name, number)]) of a labelled line with ≥ 2 named numbers, else None."""
    m = re.match(rf"^\s*{_LABEL}{_SEP}(?P<rest>.+)$", line)
    if not m:
        spaced = _SPACED.match(line)  # "panel A 2.5 m2 7 blemishes": the label, then counted things, no separators
        if not spaced:
            named = _NAMED_SPACED.match(line)  # "panel 1 old 3.42 new 3.38": the label, then name-value pairs
            if not named:
                return None
            pairs = re.findall(rf"([A-Za-z][\w-]*)\s+({NUM})", named.group("rest"))
            return (named.group("label").strip(), pairs) if len(pairs) >= 2 else None
        pairs = [(c.group(0)[len(re.match(NUM, c.group(0)).group(0)):].strip(), re.match(NUM, c.group(0)).group(0))
                 for c in _SPACED_CELL.finditer(spaced.group("rest"))]
        if len(pairs) < 2 or any(name.lower() in ("and", "or") for name, _ in pairs):
            return None
        return spaced.group("label").strip(), pairs
    cells = _cells(m.group("rest"))
    if len(cells) < 2:
        return None
    named = [_NAMED_VALUE.fullmatch(c) for c in cells]
    if all(named):
        pairs = [(n.group("name").strip() + (f" ({n.group('unit')})" if n.group("unit") else ""), n.group("num"))
                 for n in named]
    else:
        counted = [_COUNTED.fullmatch(c) for c in cells]
        if not all(counted):
            return None
        pairs = [(c.group("name").strip(), c.group("num")) for c in counted]
    if any(_SUMMARY_NAMES.fullmatch(re.sub(r"\s*\(.*\)$", "", name)) for name, _ in pairs):
        return None
    return m.group("label").strip(), pairs


_PAIR = re.compile(rf"(?P<name>[A-Za-z][\w-]{{0,20}})\s*[=:]\s*(?P<num>{NUM})\s*(?P<unit>{_UNIT})?(?![\w.])")


def _unlabelled(line: str) -> list[tuple[str, str]] | None:
    """"dwell=1.2s force=3.2N": ≥ 2 name=value pairs and nothing else on the line → [(column name, number)]."""
    pairs = list(_PAIR.finditer(line))
    rest = _PAIR.sub(" ", line)
    if len(pairs) < 2 or re.sub(r"[\s,;|]", "", rest):
        return None
    named = [(p.group("name") + (f" ({p.group('unit')})" if p.group("unit") else ""), p.group("num")) for p in pairs]
    return None if any(_SUMMARY_NAMES.fullmatch(p.group("name")) for p in pairs) else named


def _xy(line: str) -> tuple[str, str, str, str] | None:
    m = _XY.match(line)
    if not m or not (m.group("xu") or m.group("yu") or re.search(r"->|→|=>", line)):
        return None
    return m.group("x"), m.group("xu") or "", m.group("y"), m.group("yu") or ""


def _blocks(lines: list[str], read) -> list[tuple[int, list]]:
    """Runs of ≥ 3 consecutive lines that `read` understands: (first line, [what it read])."""
    found, start, block = [], 0, []
    for i, line in enumerate([*lines, ""]):
        got = read(line) if line.strip() else None
        if got is not None:
            if not block:
                start = i
            block.append(got)
            continue
        if len(block) >= 3:
            found.append((start, block))
        block = []
    return found


def _left_out(text: str, names: list[str]) -> re.Match | None:
    """Where the question asks to leave out the row called one of `names`: "drop the 8 ppm standard", or the row named
    and a pronoun in one sentence ("the 8.0 mg/L standard had a bubble, leave that one out")."""
    for n in names:
        m = n and re.search(rf"\b{LEAVE_OUT}\s+(?:the\s+)?(?:one\s+(?:at|for|with)\s+)?(?P<name>{re.escape(n)})(?![\w.])",
                            text, re.I)
        if m:
            return m
    for n in names:
        if n and re.search(r"[A-Za-z]", n) and said_with_pronoun(re.escape(n), text):  # a bare "8.0" could be anything
            return re.search(rf"(?<![\w.])(?P<name>{re.escape(n)})(?![\w.])", text, re.I)
    return None


_MONTH = re.compile(r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?", re.I)


def records_as_table(question: str) -> tuple[str, list[str]]:
    """(question with its block of record lines as a CSV table, notes); the question unchanged when it has none."""
    lines = [part for line in question.split("\n") for part in _records_in_one_line(line)]
    for start, block in _blocks(lines, _record):
        if len(block) >= 2 and all(label.endswith("(id)") for label, _ in block):
            # "lot 4411 - hardness 61.2, …" with the lot numbers already set aside as ids: number the rows instead
            block = [(f"{label.removesuffix('(id)').strip() or 'row'} {i + 1}", pairs)
                     for i, (label, pairs) in enumerate(block)]
        labels = [label for label, _ in block]
        columns = [name for name, _ in block[0][1]]
        if any([name.lower() for name, _ in pairs] != [c.lower() for c in columns] for _, pairs in block) or \
                len({lab.lower() for lab in labels}) != len(labels):
            continue  # the same named numbers on every line, each line its own row
        words = {re.sub(r"\s*[\w-]*\d[\w-]*$", "", lab).strip().lower() for lab in labels}
        firsts = {lab.split()[0].lower() for lab in labels if len(lab.split()) == 2}
        label_head = words.pop() if len(words) == 1 and "" not in words else \
            firsts.pop() if len(firsts) == 1 and all(len(lab.split()) == 2 for lab in labels) else "id"  # "panel A"
        rows = [(label, [v for _, v in pairs]) for label, pairs in block]
        return _rewrite(lines, start, len(block), [label_head, *columns], rows,
                        lambda label, _values: [label],
                        f"one row per line ({labels[0]} … {labels[-1]}), columns {', '.join(columns)}")
    for start, block in _blocks(lines, _unlabelled):
        columns = [name for name, _ in block[0]]
        if any([name.lower() for name, _ in pairs] != [c.lower() for c in columns] for pairs in block):
            continue  # the same names on every line
        rows = [(None, [v for _, v in pairs]) for pairs in block]
        return _rewrite(lines, start, len(block), columns, rows, lambda _label, values: [],
                        f"one row per line, columns {', '.join(columns)}")
    for start, block in _blocks(lines, _xy):
        xu, yu = block[0][1], block[0][3]
        if any(b[1] != xu or b[3] != yu for b in block):
            continue
        xs = [b[0] for b in block]
        if _MONTH.fullmatch(xu or ""):
            continue  # "10 March: 182.4": a date naming the reading, not a predictor
        if not xu and not yu and all(x.isdigit() for x in xs) and [int(x) for x in xs] == \
                list(range(int(xs[0]), int(xs[0]) + len(xs))) and all(b[2].isdigit() for b in block):
            continue  # "1 -> 8, 2 -> 12": counts per category, a goodness of fit
        head = [f"x ({xu})" if xu else "x", f"y ({yu})" if yu else "y"]
        rows = [(None, [b[0], b[2]]) for b in block]
        return _rewrite(lines, start, len(block), head, rows,
                        lambda _label, values, unit=xu: [f"{values[0]} {unit}".strip(), f"{values[0]}{unit}", f"{values[0]}"],
                        f"pairs on each line: {head[0]} then {head[1]}")
    for start, block in _blocks(lines, _numbered_pair):
        stems = {stem.lower() for stem, _, _ in block}
        numbers = [int(n) for _, n, _ in block]
        if len(block) < 5 or len(stems) != 1 or len(set(numbers)) != len(numbers):
            continue  # the same kind of unit on every line, each its own number ("item 1" … "item 10")
        stem = block[0][0]
        rows = [(f"{stem} {n}", values) for _, n, values in block]
        return _rewrite(lines, start, len(block), [stem, "first", "second"], rows, lambda label, _values: [label],
                        f"two values per line for each {stem} ({rows[0][0]} … {rows[-1][0]}): a pair on each unit, as "
                        "two columns (first, second)")
    return question, []


# "item 3: 62.0, 20.8": a numbered unit and two readings taken on it, the readings not named (a tab or a space after
# the number is a pasted table's row, "Op1 11.5 11.4" with tabs, read under its header)
_NUMBERED_PAIR = re.compile(rf"^\s*(?P<stem>[A-Za-z][A-Za-z]{{1,15}})\s*#?\s*(?P<n>\d{{1,4}})\s*[:=]\s*(?P<a>{NUM})"
                            rf"\s*(?:,|;|\s)\s*(?P<b>{NUM})\s*[.;]?\s*$")


def _numbered_pair(line: str) -> tuple[str, str, list[str]] | None:
    m = _NUMBERED_PAIR.match(line)
    return (m.group("stem"), m.group("n"), [m.group("a"), m.group("b")]) if m else None


_LIST_CELL = re.compile(rf"{NUM}(?:\s*[,;]\s*{NUM})+")


def _listed_row(line: str) -> tuple[list[str], list[str]] | None:
    """"M1        P        23.1, 22.8, 23.5" (or with | or tabs): (labels, readings) of a row whose last cell lists the
    repeat readings of the cell its labels name."""
    s = line.strip().strip("|")
    cells = [c.strip() for c in (s.split("|") if "|" in s else re.split(r"\t|\s{2,}", s)) if c.strip()]
    if len(cells) < 2 or not _LIST_CELL.fullmatch(cells[-1]):
        return None
    labels = cells[:-1]
    if any(re.search(r"\d", c) and (re.fullmatch(NUM, c) or _LIST_CELL.search(c)) or len(c) > 20 for c in labels):
        return None
    return labels, re.split(r"\s*[,;]\s*", cells[-1])


def listed_readings_as_lists(question: str) -> tuple[str, list[str]]:
    """A table of one or two factor columns and a last column listing each cell's repeat readings, under a header
    ("machine  material  readings"), rewritten as factor lists beside one response list, one entry per reading:
    "machine (M1, M1, M1, …), material (P, P, P, …), readings: 23.1, 22.8, …" (what the two-way and grouped readers
    read); the question unchanged when it has none."""
    lines = question.split("\n")
    for start, block in _blocks(lines, _listed_row):
        widths = {len(labels) for labels, _ in block}
        counts = {len(values) for _, values in block}
        if start == 0 or len(widths) != 1 or len(counts) != 1 or min(counts) < 2:
            continue
        header = [c.strip() for c in re.split(r"\t|\s{2,}|\|", lines[start - 1].strip().strip("|")) if c.strip()]
        k = len(block[0][0])
        if len(header) != k + 1 or any(re.search(r"\d", h) and re.fullmatch(NUM, h) for h in header):
            continue
        names = [re.sub(r"\W+", "_", h).strip("_") or f"factor{i + 1}" for i, h in enumerate(header)]
        width = min(counts)
        factors = [f"{names[i]} ({', '.join(labels[i] for labels, _ in block for _ in range(width))})" for i in range(k)]
        text = ", ".join(factors) + f", {names[-1]}: " + ", ".join(v for _, values in block for v in values)
        out = "\n".join([*lines[:start - 1], text, *lines[start + len(block):]])
        return out, [f"one row per cell ({', '.join(header[:k])}), its {width} readings listed under {header[-1]!r}: "
                     "one observation per reading"]
    return question, []


_LABEL_VALUE = re.compile(rf"^\s*([A-Za-z][\w.-]{{0,20}})\s*(?:[:,=\t]|\s)\s*({NUM})\s*$")


def repeated_labels_as_groups(question: str) -> tuple[str, list[str]]:
    """Long-format lines with no header, a group's name and one value each, the names repeating ("coat_A 31.97 /
    coat_B 33.99 / coat_A 29.1 …"), rewritten as one line per group ("coat_A: 31.97, 29.1, …"), groups in the order
    they first appear; the question unchanged when it has none."""
    lines = question.split("\n")
    for start, block in _blocks(lines, lambda ln: _LABEL_VALUE.match(ln)):
        labels = [m.group(1) for m in block]
        counts = {lab: labels.count(lab) for lab in labels}
        if len(block) < 6 or len(counts) < 2 or min(counts.values()) < 2 or len(counts) > len(block) // 2:
            continue
        groups: dict[str, list[str]] = {}
        for m in block:
            groups.setdefault(m.group(1), []).append(m.group(2))
        rows = [f"{lab}: {', '.join(values)}" for lab, values in groups.items()]
        out = "\n".join([*lines[:start], *rows, *lines[start + len(block):]])
        return out, [f"one value per line, {len(groups)} groups named on the lines ({', '.join(groups)}): the values "
                     "gathered by group"]
    return question, []


_TUPLE_UNIT = r"(?:\s*(?:°\s?[CF]|[A-Za-zµ%][A-Za-z/µ%]{0,5}))?"  # "(124 h, 0.045 mm)": each value with its unit
_TUPLE = rf"\(\s*{NUM}{_TUPLE_UNIT}\s*,\s*{NUM}{_TUPLE_UNIT}\s*\)"
_TUPLE_RUN = re.compile(rf"{_TUPLE}(?:\s*[,;]?\s*(?:and\s+)?{_TUPLE}){{2,}}")
_TUPLE_NAMES = re.compile(r"\(\s*([A-Za-z][^(),\d]{0,24}?)\s*,\s*([A-Za-z][^(),\d]{0,24}?)\s*\)\s*[:=]?\s*$")


def tuples_as_table(question: str) -> tuple[str, list[str]]:
    """"(load kN, output mV): (0.5, 0.99), (1.0, 1.98), …": three or more (x, y) pairs in brackets, as a table of
    the two columns named by the bracket before them (else x and y); a pair the question leaves out by its x ("the
    reading at 3.0 kN … leave that one out") is removed, as for record lines."""
    m = _TUPLE_RUN.search(question)
    if not m:
        return question, []
    pairs = re.findall(rf"\(\s*({NUM}){_TUPLE_UNIT}\s*,\s*({NUM}){_TUPLE_UNIT}\s*\)", m.group(0))
    named = _TUPLE_NAMES.search(question[:m.start()])
    names = [named.group(1).strip(), named.group(2).strip()] if named else ["x", "y"]
    unit = names[0].split()[-1] if len(names[0].split()) > 1 else ""
    before = question[:named.start() if named else m.start()].rstrip() + (
        "" if not named else " " + named.group(0).rstrip(" :=").strip())
    lines = [before, *("" for _ in pairs), question[m.end():].lstrip(" .;")]
    rows = [(None, [x, y]) for x, y in pairs]
    return _rewrite(lines, 1, len(pairs), [names[0], names[1]], rows,
                    lambda _label, values: [f"{values[0]} {unit}".strip(), f"{values[0]}{unit}", values[0]],
                    f"({names[0]}, {names[1]}) pairs in brackets, as two columns")


def _records_in_one_line(line: str) -> list[str]:
    return records_between_semicolons(line, _record)


def _rewrite(lines: list[str], start: int, count: int, header: list[str], rows: list, names_of, note: str
             ) -> tuple[str, list[str]]:
    before, after = "\n".join(lines[:start]), "\n".join(lines[start + count:])
    notes, kept = [note], []
    for label, values in rows:
        said = _left_out(before + "\n" + after, names_of(label, values))
        if said:
            notes.append(f"{label or ' '.join(values)} left out, as asked"
                         + (f" (its readings {', '.join(values)})" if label else ""))
            # the row's name is now read, not a number of the question's
            before, after = (re.sub(re.escape(said.group(0)), said.group(0).replace(said.group("name"), "that row"),
                                    text) for text in (before, after))
            continue
        kept.append(",".join([label, *values] if label is not None else values))
    table = [",".join(header), *kept]
    return "\n".join(part for part in (before, *table, after) if part), notes


_NAMED_ITEMS_LINE = re.compile(rf"^\s*(?P<label>[A-Za-z][^:\n]{{0,60}}?)\s*:\s*(?P<items>[A-Z][\w'-]*\s+{NUM}"
                               rf"(?:\s*[,;]\s*[A-Z][\w'-]*\s+{NUM}){{2,}})\s*[.;]?\s*$")
_NAMED_ITEM = re.compile(rf"([A-Z][\w'-]*)\s+({NUM})")


def named_lists_in_one_order(question: str) -> tuple[str, list[str]]:
    """Two lines of "Name value" items over the same names in different orders ("Before: Ana 88, Ben 74, …" and
    "After: Hana 93, Ben 79, …"): the same people measured twice, so the second list is put in the first one's order
    of names and both are written as plain lists; the question unchanged when it has no such pair."""
    lines = question.split("\n")
    found = [(i, m) for i, m in ((i, _NAMED_ITEMS_LINE.match(line)) for i, line in enumerate(lines)) if m]
    if len(found) != 2:
        return question, []
    (i, first), (j, second) = found
    a = [(n, v) for n, v in _NAMED_ITEM.findall(first.group("items"))]
    b = dict(_NAMED_ITEM.findall(second.group("items")))
    names = [n for n, _ in a]
    if len(set(names)) != len(names) or set(names) != set(b) or len(b) != len(a):
        return question, []
    def label(m: re.Match) -> str:  # "After (in the order the sheets came back)": the list's name, its remark dropped
        return re.sub(r"\s*\([^()]*\)", "", m.group("label")).strip() or m.group("label")

    lines[i] = f"{label(first)}: " + ", ".join(v for _, v in a)
    lines[j] = f"{label(second)}: " + ", ".join(b[n] for n in names)
    note = (f"the same {len(names)} names in both lists ({', '.join(names[:3])} …): "
            + ("paired by name, the second list put in the first one's order" if [*b] != names else "paired by name"))
    return "\n".join(lines), [note]
