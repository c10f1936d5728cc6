"""Lines of a machine log (`2024-05-02 08:00:03 INFO [T1] temp=68.33 C`) → the readings of the source asked about.

A log interleaves sources: each line carries a tag (in brackets, or a `sensor=TS-3` pair) and one numeric
`key=value` reading (its unit after it or in a `unit=kPa` pair). When the question names
one of the tags outside the log ("I only care about thermocouple T2"), that tag's readings are the data, in log
order; with a single tag, all of them are. The other tags' readings are set aside and named in a note, and the
timestamps are times, never data.
"""

from __future__ import annotations

import re

from graphs.planning.extract import NUM

_BRACKET_TAG = re.compile(r"\[(?P<tag>[\w.-]{1,20})\]")
# "temp=68.33 C", "reading=43.2 unit=kPa", "sensor=TS-3": key=value pairs (a time's "08:00" has no key)
_PAIR = re.compile(r"(?<![\w.:-])(?P<key>[A-Za-z_][\w.]*)\s*[=:]\s*(?P<value>[^\s,;]+)")
_NUMBER = re.compile(rf"{NUM}")
_UNIT_AFTER = re.compile(r"\s*(?P<unit>[A-Za-zµ°%/]{1,6})\s*$")
# a pair that names the source rather than measuring: "sensor=TS-3", "ch=2", "probe: P1"
_SOURCE_KEYS = re.compile(r"sensor|source|probe|channel|ch|tag|device|dev|station|machine|node|gauge|id|loc(?:ation)?|"
                          r"unit_?id|tc|thermocouple", re.I)
_STAMP = re.compile(r"\s*(?:\d{4}-\d\d-\d\d|\d{1,2}[:.]\d\d(?::\d\d)?)\b")
MIN_LINES = 5


class _Reading:
    def __init__(self, key: str, value: str, unit: str, tag: str):
        self.key, self.value, self.unit, self.tag = key, value, unit, tag

    def group(self, name: str) -> str:
        return getattr(self, name)


def _parse(line: str) -> _Reading | None:
    """One log line's reading: its one numeric key=value pair, the source's tag and the unit, or None."""
    pairs = list(_PAIR.finditer(line))
    numeric = [m for m in pairs if _NUMBER.fullmatch(m.group("value")) and not _SOURCE_KEYS.fullmatch(m.group("key"))]
    if len(numeric) != 1:
        return None
    reading = numeric[0]
    bracket = _BRACKET_TAG.search(line)
    sources = [m for m in pairs if _SOURCE_KEYS.fullmatch(m.group("key"))]
    tag = bracket.group("tag") if bracket else (sources[0].group("value") if sources else "")
    if not bracket and ("=" not in reading.group(0) or not (sources or _STAMP.match(line))):
        return None  # "3 June: 7.12" is a dated reading, not a log line: a log writes key=value after a stamp or tag
    unit_pair = [m for m in pairs if m.group("key").lower() in ("unit", "units", "uom")]
    rest = line[reading.end():]
    after = _UNIT_AFTER.match(rest) if not _PAIR.search(rest) else None
    unit = unit_pair[0].group("value") if unit_pair else (after.group("unit") if after else "")
    return _Reading(reading.group("key"), reading.group("value"), unit, tag)


def log_readings(question: str) -> tuple[str, list[str]]:
    """The question with its log block replaced by the asked source's readings as one named list, and notes."""
    lines = question.split("\n")
    hits = [(i, _parse(line)) for i, line in enumerate(lines)]
    found = [(i, m) for i, m in hits if m]
    if len(found) < MIN_LINES:
        return question, []
    first, last = found[0][0], found[-1][0]
    if any(not m and lines[i].strip() for i, m in hits[first:last + 1]):
        return question, []  # not one block of log lines
    keys = {m.group("key") for _, m in found}
    if len(keys) != 1:
        return question, []
    key = keys.pop()
    tags = list(dict.fromkeys(m.group("tag") for _, m in found))
    prose = "\n".join(lines[:first] + lines[last + 1:])
    asked = [t for t in tags if re.search(rf"(?<![\w-]){re.escape(t)}(?![\w-])", prose)]
    if len(tags) > 1 and len(asked) != 1:
        return question, []  # which source the data are is not said: leave the question as it is
    tag = asked[0] if len(tags) > 1 else tags[0]
    source = f" of {tag}" if tag else ""
    kept = [m.group("value") for _, m in found if m.group("tag") == tag]
    others = [m.group("value") for _, m in found if m.group("tag") != tag]
    unit = found[0][1].group("unit")
    listed = f"{key}{f' {tag}' if tag else ''}{f' ({unit})' if unit else ''}: " + ", ".join(kept)
    notes = [f"log lines: the {len(kept)} {key} readings{source}, in log order; timestamps are times, not data"]
    if others:
        notes.append(f"the other sources' readings set aside ({', '.join(t for t in tags if t != tag)}): "
                     + ", ".join(others))
    return "\n".join([*lines[:first], listed, *lines[last + 1:]]), notes
