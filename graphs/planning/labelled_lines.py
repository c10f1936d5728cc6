"""Measurements pasted one per line, each after its own label ("run 1: 98.7", "batch 101 -> 42.1", "W03 | 7.9").

The label names the row; only the number after it is data. Left as they are, "batch 101 -> 42.1" reads as two
numbers per line and the labels become measurements. Lines like these are rewritten into one list, in order, and a
label the question asks to leave out ("ignore run 6, we had a power cut") removes its line, with a note.
Counts per label ("Filler 1: 14") are left alone: a goodness of fit reads them (graphs/planning/nl_tables.py),
unless the question charts them ("defects per shift … chart it"): then they are a series like any other.
"""

from __future__ import annotations

import re

from graphs.planning.extract import NUM

_DATE = (r"\d{1,2}(?:st|nd|rd|th)?\s+(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?:\s+\d{2,4})?|"
         r"\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}(?:/\d{2,4})?")
_LINE = re.compile(rf"^\s*(?P<label>[A-Za-z][\w .#/'-]{{0,30}}?|\d{{1,4}}[A-Za-z][\w-]*|{_DATE})\s*(?:->|→|=>|:|=|\||\t)\s*"
                   rf"(?P<value>{NUM})\s*(?P<unit>[A-Za-zµ°%/]{{0,6}})\s*$")
# counts per shift, day or lot to be charted are a series in time order, not categories to compare
_CHARTED = re.compile(r"\bchart|control limits|in control|out of control|\bspc\b|run rules", re.I)
LEAVE_OUT = r"(?:ignore|exclude|drop|remove|omit|disregard|discard|skip|leave out|leave off|don'?t use|throw out)"


_PRONOUN_OUT = re.compile(r"\b(?:leave|drop|exclude|ignore|remove|omit|discard|skip|throw)\s+(?:it|that|this)\b|"
                          r"\bdon'?t (?:use|count|include) (?:it|that|this)\b", re.I)


def _left_out_by_pronoun(label: str, text: str) -> bool:
    """"The 14 March reading was taken during the swap, so leave it out": the label and "leave it out" in one
    sentence."""
    for sentence in re.split(r"(?<=[.!?])\s+|\n", text):
        if re.search(rf"(?<![\w.]){re.escape(label)}(?![\w.])", sentence, re.I) and _PRONOUN_OUT.search(sentence):
            return True
    return False


def labelled_values(question: str) -> tuple[str, list[str]]:
    """(question with ≥ 3 consecutive labelled lines of measurements as one list, notes)."""
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
    if all(re.fullmatch(r"\d+", value) for _, _, value in best) and not _CHARTED.search(question):
        return question, []  # counts per label: a goodness of fit, not a series of measurements (unless charted)
    kept, notes = list(best), []
    rest = "\n".join(line for i, line in enumerate(lines) if i not in {j for j, _, _ in best})
    for _, label, value in best:
        said = re.search(rf"\b{LEAVE_OUT}\s+(?:the\s+)?{re.escape(label)}(?![\w.])", rest, re.I) or \
            _left_out_by_pronoun(label, rest)
        if said:
            kept = [row for row in kept if row[1] != label]
            notes.append(f"{label} ({value}) left out, as asked")
            lines = [re.sub(rf"(?<=\s){re.escape(label)}(?![\w.])", "it", line) if i not in {j for j, _, _ in best}
                     else line for i, line in enumerate(lines)]
    notes.append(f"one value per labelled line ({best[0][1]} … {best[-1][1]}): the labels name the rows")
    listed = "data: " + ", ".join(value for _, _, value in kept)
    first, last = best[0][0], best[-1][0]
    return "\n".join([*lines[:first], listed, *lines[last + 1:]]), notes
