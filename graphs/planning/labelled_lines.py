"""Measurements pasted one per line, each after its own label ("run 1: 98.7", "batch 101 -> 42.1", "W03 | 7.9").

The label names the row; only the number after it is data. Left as they are, "batch 101 -> 42.1" reads as two
numbers per line and the labels become measurements. Lines like these are rewritten into one list, in order, and a
label the question asks to leave out ("ignore run 6, we had a power cut") removes its line, with a note.
Counts per label ("Filler 1: 14") are left alone: a goodness of fit reads them (graphs/planning/nl_tables.py),
unless the question charts them ("defects per shift … chart it"): then they are a series like any other.
"""

from __future__ import annotations

import re

from graphs.planning.extract import LEAVE_OUT, NUM, said_with_pronoun

_DATE = (r"\d{1,2}(?:st|nd|rd|th)?\s+(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?:\s+\d{2,4})?|"
         r"\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}(?:/\d{2,4})?")
# "07:30 41.7", "2:15 pm  9.8": a clock time names the reading it was taken at
_TIME = r"\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?"
_LINE = re.compile(rf"^\s*(?P<label>[A-Za-z][\w .#/'-]{{0,30}}?|\d{{1,4}}[A-Za-z][\w-]*|{_DATE}|\d{{4}}-\d{{2}}-\d{{2}}|"
                   rf"{_TIME})"
                   rf"\s*(?:->|→|=>|:|=|\||\t|(?<=\S)\s+[—–]\s*|(?<=\S)\s+-\s+|(?<=\d{{4}}-\d{{2}}-\d{{2}})\s{{2,}}|(?<=\d:\d{{2}})\s+|(?<=[ap]m)\s+|"
                   rf"(?<=[ap]\.m\.)\s+|(?<=[A-Za-z] \d)\s{{2,}}|(?<=[A-Za-z] \d\d)\s{{2,}}|(?<=[A-Za-z] \d\d\d)\s{{2,}}|"
                   rf"(?<=[A-Za-z] \d\d\d\d)\s{{2,}})\s*"
                   rf"(?P<value>{NUM})\s*(?P<unit>[A-Za-zµ°%/]{{0,6}}|defective|defects|rejects|failures|faulty|"
                   rf"nonconforming|rejected|blemishes|scratches|nonconformities|errors|complaints|bubbles|voids|"
                   rf"flaws|pinholes|cracks)\s*$")
# counts per shift, day or lot to be charted are a series in time order, not categories to compare
_CHARTED = re.compile(r"\bchart|control limits|in control|out of control|\bspc\b|run rules", re.I)


_NUMBERED_ROW = re.compile(rf"^\s*(?P<label>[A-Za-z]{{1,10}}\s*#?\s*(?P<n>\d{{1,3}})|\d{{1,2}}:\d{{2}})\s*[:|\-–]?\s+"
                           rf"(?P<values>(?:{NUM}[\s,;]+)+{NUM})\s*$")
_SUBGROUP_CUE = re.compile(r"subgroup|sub-group|x[\s-]*bar|x̄|xbar|r[\s-]*bar|\branges?\b|capab|\bc[pP][kKlLuU]?\b|"
                           r"\bp[pP][kK]?\b|control (?:chart|limits)|\bchart\b|in control|d2\b", re.I)


def labelled_subgroups(question: str) -> tuple[str, list[str]]:
    """Rows of measurements, each after a numbered label or a time ("SG1  50.87 50.13 …", "Hour 3: 9.9 10.1 …",
    "07:00: 9.966 10.050 …"), three or more with one count of values, in a question about subgroups, charts or
    capability: one subgroup per row, written as rows the planners read ([[…], […]]); the labels name the rows."""
    lines = question.split("\n")
    hits = [(i, m) for i, line in enumerate(lines) if (m := _NUMBERED_ROW.match(line))]
    if len(hits) < 3 or not _SUBGROUP_CUE.search(question):
        return question, []
    block = [hits[0]]
    for i, m in hits[1:]:
        if i == block[-1][0] + 1:
            block.append((i, m))
        elif len(block) < 3:
            block = [(i, m)]
    rows = [re.findall(NUM, m.group("values")) for _, m in block]
    numbers = [m.group("n") for _, m in block]
    if len(block) < 3 or len({len(r) for r in rows}) != 1 or len(rows[0]) < 2:
        return question, []
    if all(numbers) and [int(n) for n in numbers] != list(range(int(numbers[0]), int(numbers[0]) + len(numbers))):
        return question, []  # numbered labels that do not count up are not row names
    first, last = block[0][0], block[-1][0]
    above = re.split(r"\s*[,;|\t]\s*|\s{2,}|\s+", lines[first - 1].strip()) if first > 0 else []
    if len(above) in (len(rows[0]), len(rows[0]) + 1) and not any(re.fullmatch(NUM, c) for c in above):
        return question, []  # "lot  boards  scratches" above: named columns, a table the table readers read
    text = "subgroups: [" + ", ".join("[" + ", ".join(r) + "]" for r in rows) + "]"
    note = (f"one subgroup per row ({block[0][1].group('label').strip()} … {block[-1][1].group('label').strip()}): "
            f"{len(rows)} subgroups of {len(rows[0])}")
    return "\n".join([*lines[:first], text, *lines[last + 1:]]), [note]


_SUMMARY_LABEL = re.compile(r"^(?:lsl|usl|lower spec\w*|upper spec\w*|spec\w*|target|nominal|mean|average|x[\s-]*bar\w*|"
                            r"grand mean|sd|s|std\.?\s*dev\w*|standard deviation|sigma|[\w-]*\s*sigma|s[\s-]*bar|"
                            r"r[\s-]*bar|n|sample size|subgroups?|alpha|power|cp|cpk|pp|ppk)$", re.I)


# "batch 1: 8.42, batch 2: 8.37, batch 3: 8.51, …": labelled readings written along one line
_INLINE_ITEM = rf"[A-Za-z][A-Za-z#.]{{0,12}}\s*#?\s*\d{{1,4}}\s*[:=]\s*{NUM}"
_INLINE_RUN = re.compile(rf"(?<![\w.])({_INLINE_ITEM}(?:\s*[,;]\s*(?:and\s+)?{_INLINE_ITEM}){{2,}})(?![\w]|\.\d)")


def _one_per_line(question: str) -> str:
    """Labelled readings along a line, each put on a line of its own (the label's word the same throughout)."""
    def split(m: re.Match) -> str:
        items = re.split(r"\s*[,;]\s*(?:and\s+)?", m.group(1))
        words = {re.match(r"[A-Za-z][A-Za-z#.]*", item).group(0).lower() for item in items}  # type: ignore[union-attr]
        return "\n" + "\n".join(items) + "\n" if len(words) == 1 else m.group(0)

    return _INLINE_RUN.sub(split, question)


def labelled_values(question: str) -> tuple[str, list[str]]:
    """(question with ≥ 3 consecutive labelled lines of measurements as one list, notes)."""
    question = _one_per_line(question)
    lines = question.split("\n")
    block: list[tuple[int, str, str]] = []
    best: list[tuple[int, str, str]] = []
    for i, line in enumerate(lines):
        m = _LINE.match(line)
        if m and (not block or block[-1][0] == i - 1):
            block.append((i, m.group("label").strip(), m.group("value")))
        else:
            block = [(i, m.group("label").strip(), m.group("value"))] if m else []
        if len(block) > len(best):
            best = list(block)
    if len(best) < 3 or len({label.lower() for _, label, _ in best}) != len(best):
        return question, []
    if sum(bool(_SUMMARY_LABEL.search(label)) for _, label, _ in best) >= 2:
        return question, []  # "LSL: 12.30 / USL: 12.70 / mean: 12.51": summary figures, each its own role
    if all(re.fullmatch(r"\d+", value) for _, _, value in best) and not _CHARTED.search(question):
        return question, []  # counts per label: a goodness of fit, not a series of measurements (unless charted)
    kept, notes = list(best), []
    rest = "\n".join(line for i, line in enumerate(lines) if i not in {j for j, _, _ in best})
    for _, label, value in best:
        said = re.search(rf"\b{LEAVE_OUT}\s+(?:the\s+)?{re.escape(label)}(?![\w.])", rest, re.I) or \
            said_with_pronoun(re.escape(label), rest)
        if said:
            kept = [row for row in kept if row[1] != label]
            notes.append(f"{label} ({value}) left out, as asked")
            lines = [re.sub(rf"(?<=\s){re.escape(label)}(?![\w.])", "it", line) if i not in {j for j, _, _ in best}
                     else line for i, line in enumerate(lines)]
    notes.append(f"one value per labelled line ({best[0][1]} … {best[-1][1]}): the labels name the rows")
    listed = "data: " + ", ".join(value for _, _, value in kept)
    first, last = best[0][0], best[-1][0]
    return "\n".join([*lines[:first], listed, *lines[last + 1:]]), notes
