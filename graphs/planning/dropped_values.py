"""A value the user names for exclusion ("the 18.5 was a sensor glitch, drop it", "ignore the 7.9 reading").

Outside a control chart the value is removed from the pasted data before any planner reads it, and the plan
says so. On a chart it becomes a position ("exclude point 5"), since a chart keeps an excluded point on the
plot and leaves it out of the limits only (graphs/planning/nl_spc.py reads positions).
"""

from __future__ import annotations

import re

from graphs.planning.extract import NUM

_VERB = r"(?:drop|exclude|remove|ignore|omit|leave out|disregard|throw out|discard|delete|take out)"
_NAMED = re.compile(rf"\b{_VERB}\s+(?:the\s+)?(?:value\s+|reading\s+|measurement\s+|observation\s+|result\s+)?"
                    rf"(?P<value>{NUM})(?![\d.]|\s*(?:st|nd|rd|th)\b|\s*(?:%|percent))"
                    r"(?!\s*(?:points?|samples?|subgroups?|values|readings|observations|outliers|runs))", re.I)
_BLAMED = re.compile(rf"\b(?:the\s+)?(?P<value>{NUM})\s+(?:was|is|looks like|seems)\s+(?:a|an|just\s+a)?\s*"
                     r"[\w\s-]{0,30}?(?:glitch|typo|error|outlier|mistake|bad reading|misreading|fault|wrong)\b"
                     rf"[^?!]{{0,40}}?\b(?:{_VERB}\s+(?:it|that)|(?:leave|take|throw|keep|strike|cross)\s+(?:it|that)"
                     r"\s+out|don'?t\s+(?:use|count|include)\s+(?:it|that))\b", re.I)
# "The 7th reading (52.6) was taken with the wrong indenter, so please leave it out": named by place and value
_ORDINAL = re.compile(rf"\b(?:the\s+)?\d+(?:st|nd|rd|th)\s+(?:reading|value|measurement|observation|result|point|"
                      rf"sample|part|weight|length)\s*\(\s*(?P<value>{NUM})\s*\)[^.?!]{{0,80}}?\b(?:{_VERB}\s+(?:it|that)|"
                      r"(?:leave|take|throw|keep|strike|cross)\s+(?:it|that)\s+out|don'?t\s+(?:use|count|include)\s+"
                      r"(?:it|that))\b", re.I)
# a question about a control chart: an excluded value stays plotted and leaves only the limits
CHART_WORDS = re.compile(r"chart|control limits|in control|stable|spc", re.I)


def drop_named_values(question: str) -> tuple[str, list[str]]:
    """(question with the value removed from its data, notes)."""
    m = _BLAMED.search(question) or _ORDINAL.search(question) or _NAMED.search(question)
    if not m or re.search(r"\b(?:run|sample|point|row|batch|lot|day|test|unit|item|specimen|no\.?)\s*#?\s*$|#\s*$",
                          question[:m.start("value")], re.I):
        return question, []  # "run 7 was a glitch": a row named by its id, left out with its row (extract.py)
    value = m.group("value")
    clause = (m.start(), m.end())
    rest = question[:clause[0]] + " " * (clause[1] - clause[0]) + question[clause[1]:]
    hits = [h for h in re.finditer(rf"(?<![\w.]){re.escape(value)}(?![\w.]*\d)", rest)]
    if not hits:
        return question, []
    hit = hits[0]
    if CHART_WORDS.search(question):
        before = re.findall(rf"(?<![\w.]){NUM}", rest[:hit.start()])
        position = len(before) + 1
        text = question[:clause[0]] + question[clause[1]:]
        return (text.rstrip() + f" exclude point {position}",
                [f"{value} (point {position}) excluded from the limits, as asked"])
    start, end = hit.span()
    text = rest[:start] + rest[end:]
    text = re.sub(r"\s*,\s*,", ",", text)
    return re.sub(r"[ \t]{2,}", " ", text), [f"{value} removed from the data, as asked"]


# "Runs 1 to 8 gave 101, 100.6, …. Run 4 had a clogged nozzle so leave that one out", "readings 1 to 9 in order: …
# Reading #4 is junk, leave it out": an item named by its number in a list the question numbers itself
_ITEM_WORD = r"(?:run|reading|measurement|sample|point|value|part|piece|specimen|coupon|shot|cycle|test|weighing)"
_RUN_OUT = re.compile(rf"\b{_ITEM_WORD}\s*#?\s*(?P<a>\d+)\b[^.?!]{{0,60}}?\b(?:leave|leaving|take|throw)\s+(?:that|it|this)"
                      rf"(?:\s+one)?\s+out|\b{_ITEM_WORD}\s*#?\s*(?P<b>\d+)\b[^.?!]{{0,60}}?\b(?:drop|exclude|ignore|omit|discard|"
                      rf"remove)\s+(?:it|that|this)\b|\b{_VERB}\s+(?:the\s+)?{_ITEM_WORD}\s*#?\s*(?P<c>\d+)\b", re.I)
_NUMBERED_LIST = re.compile(rf"\b{_ITEM_WORD}s?\s+#?1\s*(?:to|-|–|through|thru)\s*#?(?P<n>\d+)\b[^\d\n]{{0,30}}?"
                            rf"(?P<list>{NUM}(?:\s*[,;]?\s+{NUM}|\s*,\s*{NUM})+)", re.I)


def _item_word(clause: str) -> str:
    """The word that names the item in the clause that leaves it out ("Reading #4 is junk" → "reading")."""
    found = re.search(_ITEM_WORD, clause, re.I)
    return found.group(0).lower() if found else "run"


def drop_named_run(question: str) -> tuple[str, list[str]]:
    """(question with the named run's value removed from its numbered list, notes); unchanged when the list does not
    number its runs or the run is not in it."""
    m = _RUN_OUT.search(question)
    listed = _NUMBERED_LIST.search(question)
    if not m or not listed:
        return question, []
    k = int(m.group("a") or m.group("b") or m.group("c"))
    values = list(re.finditer(NUM, listed.group("list")))
    if len(values) != int(listed.group("n")) or not 1 <= k <= len(values):
        return question, []
    hit = values[k - 1]
    start, end = listed.start("list") + hit.start(), listed.start("list") + hit.end()
    value = hit.group(0)
    label = _item_word(m.group(0))
    if CHART_WORDS.search(question):
        text = question[:m.start()] + question[m.end():]
        return text.rstrip() + f" exclude point {k}", [f"{label} {k} ({value}) excluded from the limits, as asked"]
    text = question[:start] + question[end:]
    text = re.sub(r"\s*,\s*,", ",", text)
    text = text.replace(m.group(0), " " * len(m.group(0)), 1) if m.start() > end else text
    return re.sub(r"[ \t]{2,}", " ", text), [f"{label} {k} ({value}) removed from the data, as asked"]


# "Point 6 was logged on the wrong range, leave it out and refit": the k-th point of two equal lists (x and y, or
# paired readings), named by its position
_POINT_OUT = re.compile(r"\b(?:point|observation|pair|reading|row|specimen|sample)\s*#?\s*(?P<a>\d+)\b[^.?!]{0,70}?\b(?:leave|"
                        r"leaving|take|throw)\s+(?:that|it|this)(?:\s+one)?\s+out|\b(?:point|observation|pair|reading|row|"
                        r"specimen|sample)\s*#?\s*(?P<b>\d+)\b[^.?!]{0,70}?\b(?:drop|exclude|ignore|omit|discard|remove)\s+"
                        rf"(?:it|that|this)\b|\b{_VERB}\s+(?:the\s+)?(?:point|observation|pair|reading|row)\s*#?\s*(?P<c>\d+)\b",
                        re.I)


def drop_point_of_two_lists(question: str) -> tuple[str, list[str]]:
    """(question with the k-th value taken out of each of its two equal lists, notes); unchanged unless the question
    names a point by its position and gives exactly two lists of one length (≥ 3) that reach it."""
    from graphs.planning.extract import number_runs

    m = _POINT_OUT.search(question)
    if not m or CHART_WORDS.search(question):
        return question, []
    k = int(m.group("a") or m.group("b") or m.group("c"))
    runs = [r for r in re.finditer(rf"{NUM}(?:\s*,\s*{NUM}){{2,}}", question)]
    if len(runs) != 2 or len(number_runs(question, 3)) != 2:
        return question, []
    values = [list(re.finditer(NUM, r.group(0))) for r in runs]
    if len(values[0]) != len(values[1]) or not 1 <= k <= len(values[0]):
        return question, []
    text, dropped = question, []
    for run, found in sorted(zip(runs, values, strict=True), key=lambda p: -p[0].start()):
        kept = [v.group(0) for i, v in enumerate(found) if i != k - 1]
        dropped.append(found[k - 1].group(0))
        text = text[:run.start()] + ", ".join(kept) + text[run.end():]
    return text, [f"point {k} ({' and '.join(reversed(dropped))}) removed from both lists, as asked"]
