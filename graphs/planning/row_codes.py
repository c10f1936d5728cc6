"""Rows that carry a code beside their reading ("shot 06  CAL   80.04") and a question that leaves codes out.

"Leave out the warm-up shot (WU) and the calibration-block checks (CAL) - those aren't product": each line names its
row (shot 01 …), says what kind of row it is (WU, PROD, CAL) and gives one reading. The rows whose code the question
leaves out go, the rest are the data, in order; a note names what went. Without such an instruction the codes are
left to the other readers (as groups, a factor).
"""

from __future__ import annotations

import re

from graphs.planning.extract import NUM

_ROW = re.compile(rf"^\s*(?P<label>[A-Za-z][\w-]*\s*#?\s*\d+|#?\d+)[ \t]+(?P<code>[A-Z][A-Z0-9_-]{{0,9}})[ \t]+"
                  rf"(?P<value>{NUM})\s*$")
_LEAVE = re.compile(r"\b(?:leave|leaving|take|throw)\b[^.?!\n]{0,80}?\bout\b|\b(?:exclude|excluding|skip|skipping|drop|"
                    r"dropping|ignore|ignoring|remove|removing|omit|omitting|without|not counting|except)\b", re.I)
MIN_ROWS = 5


def rows_by_code(question: str) -> tuple[str, list[str]]:
    """The question with its coded rows replaced by the kept readings as one list, and notes."""
    lines = question.split("\n")
    hits = [(i, _ROW.match(line)) for i, line in enumerate(lines)]
    found = [(i, m) for i, m in hits if m]
    if len(found) < MIN_ROWS or found[-1][0] - found[0][0] + 1 != len(found):
        return question, []
    codes = list(dict.fromkeys(m.group("code") for _, m in found))
    if not 2 <= len(codes) <= 6:
        return question, []
    first, last = found[0][0], found[-1][0]
    prose = "\n".join(lines[:first] + lines[last + 1:])
    left_out = set()
    for sentence in re.finditer(r"[^.?!\n]+", prose):
        text = sentence.group(0)
        if _LEAVE.search(text):
            left_out |= {c for c in codes if re.search(rf"(?<![\w-]){re.escape(c)}(?![\w-])", text)}
    if not left_out or left_out == set(codes):
        return question, []
    kept = [m.group("value") for _, m in found if m.group("code") not in left_out]
    dropped = [f"{m.group('label').strip()} {m.group('code')} {m.group('value')}" for _, m in found
               if m.group("code") in left_out]
    labels = f"{found[0][1].group('label').strip()} … {found[-1][1].group('label').strip()}"
    kept_codes = [c for c in codes if c not in left_out]
    listed = f"{'/'.join(kept_codes)} readings: " + ", ".join(kept)
    notes = [f"rows coded {', '.join(sorted(left_out))} left out, as asked: {'; '.join(dropped)}",
             f"the rows ({labels}) are named by their labels; the {len(kept)} {'/'.join(kept_codes)} readings are the "
             "data, in order"]
    return "\n".join([*lines[:first], listed, *lines[last + 1:]]), notes
