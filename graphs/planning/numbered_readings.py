"""Readings numbered in prose ("#1 182.4; #2 179.8; …", "reading 1: 7.2, reading 2: 7.5, …").

Read number by number, the labels 1, 2, 3 … sat among the measurements (a list of twelve temperatures became a
one-way ANOVA of twelve pairs). A run of at least four items with the same label word and consecutive numbers is
rewritten as the plain list of values, and a reading the user leaves out by its number ("reading #7 is bogus …
leave it out", "drop #7") is taken out of it; on a control chart it becomes a position instead ("exclude point 7"),
since a chart keeps an excluded point on the plot.
"""

from __future__ import annotations

import re

from graphs.planning.extract import LEAVE_OUT, NUM, PRONOUN_OUT

_LABEL = r"#|no\.|reading|sample|point|pt\.?|obs(?:ervation)?\.?|measurement|meas\.?|piece|unit|run"
_ITEM = re.compile(rf"(?P<label>{_LABEL})\s*#?\s*(?P<i>\d+)\s*(?:[:=)]|-(?=\s)|–)?\s*(?P<v>{NUM})(?!\d|\.\d)"
                   r"\s*(?:[;,]|\.(?=\s|$)|\n|$|\s+(?=(?:" + _LABEL + r")\s*#?\s*\d))", re.I)
_CHART = re.compile(r"chart|control limits|in control|stable|\bspc\b", re.I)
_MIN_RUN = 4


def _runs(question: str) -> list[list[re.Match]]:
    runs: list[list[re.Match]] = []
    for m in _ITEM.finditer(question):
        run = runs[-1] if runs else None
        if run and m.group("label").lower() == run[-1].group("label").lower() \
                and int(m.group("i")) == int(run[-1].group("i")) + 1 \
                and not question[run[-1].end():m.start()].strip():
            run.append(m)
        else:
            runs.append([m])
    return [r for r in runs if len(r) >= _MIN_RUN]


def _left_out(prose: str, label: str) -> tuple[int, re.Match] | None:
    """The number of the reading the user leaves out, and where it is named."""
    mention = rf"(?:(?:{_LABEL})\s*#?\s*|#\s*)(?P<i>\d+)\b"
    for sentence in re.finditer(r"[^.!?\n]+", prose):
        text = sentence.group(0)
        named = re.search(rf"\b{LEAVE_OUT}\s+(?:the\s+)?{mention}", text, re.I) or (
            PRONOUN_OUT.search(text) and re.search(mention, text, re.I))
        if named:
            found = re.search(mention, text[named.start():] if named.start() else text, re.I)
            if found:
                return int(found.group("i")), found
    return None


def numbered_readings(question: str) -> tuple[str, list[str]]:
    """(question with numbered readings as a plain list, and any reading left out by its number; notes)."""
    runs = _runs(question)
    if len(runs) != 1:
        return question, []
    run = runs[0]
    start, end = run[0].start(), run[-1].end()
    values = {int(m.group("i")): m.group("v") for m in run}
    first, last = min(values), max(values)
    prose = question[:start] + " " * (end - start) + question[end:]
    notes = [f"readings numbered {first}–{last}: the numbers are labels, the values are the data"]
    out = _left_out(prose, run[0].group("label"))
    if not out or out[0] not in values:
        return prose[:start] + ", ".join(values[i] for i in sorted(values)) + "." + prose[end:], notes
    number = out[0]
    position = sorted(values).index(number) + 1
    if _CHART.search(question):
        text = prose[:start] + ", ".join(values[i] for i in sorted(values)) + "." + prose[end:]
        notes.append(f"reading {number} ({values[number]}, point {position}) excluded from the limits, as asked")
        suffix = f" exclude point {position}"
    else:
        notes.append(f"reading {number} ({values[number]}) left out, as asked")
        kept = [values[i] for i in sorted(values) if i != number]
        text = prose[:start] + ", ".join(kept) + "." + prose[end:]
        suffix = ""
    # the number in "reading #7 is bogus" is a label too: it must not be read as a value
    text = re.sub(rf"(?:(?:{_LABEL})\s*#?\s*|#\s*){number}\b", "that reading", text, flags=re.I)
    return text.rstrip() + suffix, notes
