"""Readings numbered in prose ("#1 182.4; #2 179.8; …", "reading 1: 7.2, reading 2: 7.5, …").

Read number by number, the labels 1, 2, 3 … sat among the measurements (a list of twelve temperatures became a
one-way ANOVA of twelve pairs). A run of at least four items with the same label word and consecutive numbers is
rewritten as the plain list of values, and a reading the user leaves out by its number ("reading #7 is bogus …
leave it out", "drop #7") is taken out of it; on a control chart it becomes a position instead ("exclude point 7"),
since a chart keeps an excluded point on the plot.
"""

from __future__ import annotations

import re

from graphs.planning.dropped_values import CHART_WORDS
from graphs.planning.extract import LEAVE_OUT, NUM, PRONOUN_OUT

_LABEL = r"#|no\.|reading|sample|point|pt\.?|obs(?:ervation)?\.?|measurement|meas\.?|piece|unit|run"
# "#3 7.1", "reading 3: 7.1", or an id glued to its number and then "=" or ":" ("S3=7.1", "P3: 7.1")
_ITEM = re.compile(rf"(?:(?P<label>{_LABEL})\s*#?\s*(?P<i>\d+)\s*(?:[:=)]|-(?=\s)|–)?|"
                   rf"\b(?P<prefix>[A-Za-z]{{1,3}})(?P<j>\d+)\s*[:=])\s*(?P<v>{NUM})(?!\d|\.\d)"
                   r"\s*(?:[;,]|\.(?=\s|$)|\n|$|\s+(?=(?:" + _LABEL + r")\s*#?\s*\d|[A-Za-z]{1,3}\d+\s*[:=]))", re.I)
_MIN_RUN = 4


def _label(m: re.Match) -> str:
    return (m.group("label") or m.group("prefix")).lower()


def _index(m: re.Match) -> int:
    return int(m.group("i") or m.group("j"))


def _runs(question: str) -> list[list[re.Match]]:
    runs: list[list[re.Match]] = []
    for m in _ITEM.finditer(question):
        run = runs[-1] if runs else None
        if run and _label(m) == _label(run[-1]) and _index(m) == _index(run[-1]) + 1 \
                and not question[run[-1].end():m.start()].strip():
            run.append(m)
        else:
            runs.append([m])
    return [r for r in runs if len(r) >= _MIN_RUN]


def _mention(label: str) -> str:
    """How a reading is named again in prose: by a label word, by '#', or by its own id prefix ("S7")."""
    return rf"(?:(?:{_LABEL})\s*#?\s*|#\s*|\b{re.escape(label)}(?=\d))(?P<i>\d+)\b"


def _left_out(prose: str, label: str) -> list[int]:
    """The numbers of the readings the user leaves out ("Run 7 … leave it out, and run 12 … drop that one too")."""
    mention = _mention(label)
    out: list[int] = []
    # clauses: "…, so leave it out, and run 12 turned out to be …, drop that one too" names two
    for clause in re.finditer(r"[^.!?\n;]+?(?=(?:,\s*and\s+|;|[.!?\n]|$))", prose):
        text = clause.group(0)
        named = re.search(rf"\b{LEAVE_OUT}\s+(?:the\s+)?{mention}", text, re.I)
        if named:
            out.append(int(named.group("i")))
            continue
        pronoun = PRONOUN_OUT.search(text) or re.search(r"\b(?:drop|exclude|remove|omit|ignore|skip)\s+that\s+one\b",
                                                        text, re.I)
        mentions = list(re.finditer(mention, text, re.I)) if pronoun else []
        if mentions:  # "S7 was taken with the probe unplugged, so leave it out": the mention nearest the pronoun
            found = min(mentions, key=lambda x: abs(x.start() - pronoun.start()))
            out.append(int(found.group("i")))
    return list(dict.fromkeys(out))


# "1: 50.5, 2: 49.5, 3: 51.2, …": readings numbered by bare numbers, 1 to n in order on one line
_BARE = re.compile(rf"(?<![\w.:])1\s*:\s*{NUM}(?:\s*[,;]\s*\d{{1,3}}\s*:\s*{NUM}){{3,}}")


def _bare_numbered(question: str) -> tuple[str, list[str]]:
    m = _BARE.search(question)
    if not m:
        return question, []
    items = re.findall(rf"(\d{{1,3}})\s*:\s*({NUM})", m.group(0))
    if [int(i) for i, _ in items] != list(range(1, len(items) + 1)):
        return question, []
    listed = ", ".join(v for _, v in items)
    return (question[:m.start()] + listed + question[m.end():],
            [f"readings numbered 1–{len(items)}: the numbers are labels, the values are the data"])


def numbered_readings(question: str) -> tuple[str, list[str]]:
    """(question with numbered readings as a plain list, and any reading left out by its number; notes)."""
    bare, notes = _bare_numbered(question)
    if notes:
        return bare, notes
    runs = _runs(question)
    if len(runs) != 1:
        return question, []
    run = runs[0]
    start, end = run[0].start(), run[-1].end()
    values = {_index(m): m.group("v") for m in run}
    first, last = min(values), max(values)
    prose = question[:start] + " " * (end - start - 1) + "." + question[end:]  # the list ends a sentence
    notes = [f"readings numbered {first}–{last}: the numbers are labels, the values are the data"]
    out = [n for n in _left_out(prose, _label(run[0])) if n in values]
    if not out:
        return prose[:start] + ", ".join(values[i] for i in sorted(values)) + "." + prose[end:], notes
    positions = [sorted(values).index(n) + 1 for n in out]
    said = ", ".join(f"{n} ({values[n]}" + (f", point {p})" if CHART_WORDS.search(question) else ")")
                     for n, p in zip(out, positions, strict=True))
    if CHART_WORDS.search(question):
        text = prose[:start] + ", ".join(values[i] for i in sorted(values)) + "." + prose[end:]
        notes.append(f"reading{'s' if len(out) > 1 else ''} {said} excluded from the limits, as asked")
        suffix = " exclude point" + ("s " if len(out) > 1 else " ") + ", ".join(map(str, positions))
    else:
        notes.append(f"reading{'s' if len(out) > 1 else ''} {said} left out, as asked")
        kept = [values[i] for i in sorted(values) if i not in out]
        text = prose[:start] + ", ".join(kept) + "." + prose[end:]
        suffix = ""
    # the number in "reading #7 is bogus" is a label too: it must not be read as a value
    for number in out:
        text = re.sub(_mention(_label(run[0])).replace("(?P<i>\\d+)", str(number)), "that reading", text, flags=re.I)
    return text.rstrip() + suffix, notes
