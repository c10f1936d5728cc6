"""Replicates told level by level in prose (`At 1200 rpm we got 0.81, 0.80 and 0.76 µm Ra; at 1500 rpm 0.94, …`)
→ one (level, reading) pair per line, when a fit against the level is asked.

Each clause names one setting of the predictor, with its unit, and the readings taken there; three or more such
clauses, all in one unit, make the pairs a straight-line (or curve) fit reads. Anything else is left as it is.
"""

from __future__ import annotations

import re

from graphs.planning.extract import NUM

_CLAUSE = re.compile(rf"\bat\s+(?P<x>{NUM})\s*(?P<unit>[A-Za-zµ°%/]{{1,8}})\s*[,:]?\s*(?:(?:we|I|they)\s+(?:got|measured|"
                     rf"saw|read|had|recorded)\s+|(?:gave|gives|->|→|=)\s*)?(?P<ys>{NUM}(?:\s*(?:,|\band\b|&|/)\s*{NUM})+)"
                     rf"(?!\s*[A-Za-zµ°%/]*\s*(?:,|\band\b)\s*\d)", re.I)
_FIT = re.compile(r"\bfit\b|regress|straight\s+line|\bslope\b|\bintercept\b|linear\s+(?:model|fit|trend)|"
                  r"trend\s+line|least\s+squares", re.I)
MIN_LEVELS = 3


def levels_as_pairs(question: str) -> tuple[str, list[str]]:
    if not _FIT.search(question):
        return question, []
    found = list(_CLAUSE.finditer(question))
    if len(found) < MIN_LEVELS or len({m.group("unit").lower() for m in found}) != 1:
        return question, []
    xs = [m.group("x") for m in found]
    if len(set(xs)) != len(xs):
        return question, []
    unit = found[0].group("unit")
    pairs = [(m.group("x"), y) for m in found for y in re.findall(NUM, m.group("ys"))]
    lines = [f"setting ({unit})\treading", *(f"{x}\t{y}" for x, y in pairs)]
    start, end = found[0].start(), found[-1].end()
    note = (f"{len(pairs)} readings at {len(xs)} settings ({', '.join(xs)} {unit}) told in prose: one "
            "(setting, reading) pair per reading")
    return question[:start] + "\n" + "\n".join(lines) + "\n" + question[end:], [note]
