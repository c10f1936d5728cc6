"""Lines of a machine log (`2024-05-02 08:00:03 INFO [T1] temp=68.33 C`) → the readings of the source asked about.

A log line starts with a time stamp or carries a tag in brackets, and holds `key=value` pairs. A log interleaves
sources: each line names its source (a tag in brackets, or a pair such as `sensor=TS-3` or `line=3`) and its reading
(a numeric pair; its unit after it or in a `unit=kPa` pair). The reading is the one numeric key of the log, or, when
lines hold several (`press_bar=4.13 … uptime_s=4320`), the key the question names ("take the press_bar readings");
lines without that key (heartbeats, status lines) are skipped, and said. When the question names one of the tags
("I only care about thermocouple T2"), that tag's readings are the data, in log order; with a single tag, all of them
are. The other tags' readings are set aside and named in a note, and the time stamps are times, never data.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from graphs.planning.extract import NUM

_BRACKET_TAG = re.compile(r"\[(?P<tag>[\w.-]{1,20})\]")
# "temp=68.33 C", "reading=43.2 unit=kPa", "sensor=TS-3": key=value pairs (a time's "08:00" has no key)
_PAIR = re.compile(r"(?<![\w.:-])(?P<key>[A-Za-z_][\w.]*)\s*(?P<sep>[=:])\s*(?P<value>[^\s,;]+)")
_NUMBER = re.compile(rf"{NUM}")
_UNIT_AFTER = re.compile(r"\s*(?P<unit>[A-Za-zµ°%/]{1,6})\s*$")
# a pair that names the source rather than measuring: "sensor=TS-3", "ch=2", "probe: P1", "line=3"
_SOURCE_KEYS = re.compile(r"sensor|source|probe|channel|ch|tag|device|dev|station|machine|node|gauge|id|loc(?:ation)?|"
                          r"unit_?id|tc|thermocouple|line|cell|press|head|cavity|spindle|lane|seq|step", re.I)
_STAMP = re.compile(r"\s*(?:\d{4}-\d\d-\d\d|\d{1,2}[:.]\d\d(?::\d\d)?)\b")
MIN_LINES = 5


@dataclass(frozen=True)
class _Line:
    readings: dict[str, str]  # numeric key → value
    units: dict[str, str]  # numeric key → unit written after it
    unit: str  # a `unit=kPa` pair
    tag: str
    numbers: tuple[str, ...]  # every numeric pair, "seq=1004" included, as written
    sources: dict[str, str]  # every pair naming a source: {"line": "2", "station": "S2"}


def _parse(line: str) -> _Line | None:
    """A log line's numeric pairs, unit and source tag; None for a line that is not a log line."""
    pairs = list(_PAIR.finditer(line))
    bracket = _BRACKET_TAG.search(line)
    if not pairs or not (bracket or _STAMP.match(line)):
        return None
    # "3 June: 7.12" is a dated reading, not a log line: without a tag in brackets a log writes key=value
    if not bracket and not any(m.group("sep") == "=" for m in pairs):
        return None
    readings, units = {}, {}
    for i, m in enumerate(pairs):
        # "torque=12.58Nm": a unit glued to the value
        glued = re.fullmatch(rf"({NUM})([A-Za-zµ°%/]{{1,6}})", m.group("value"))
        if not (_NUMBER.fullmatch(m.group("value")) or glued) or _SOURCE_KEYS.fullmatch(m.group("key")):
            continue
        readings[m.group("key")] = glued.group(1) if glued else m.group("value")
        rest = line[m.end():pairs[i + 1].start()] if i + 1 < len(pairs) else line[m.end():]
        after = _UNIT_AFTER.match(rest)
        units[m.group("key")] = glued.group(2) if glued else (after.group("unit") if after else "")
    sources = [m for m in pairs if _SOURCE_KEYS.fullmatch(m.group("key"))]
    tag = bracket.group("tag") if bracket else (sources[0].group("value") if sources else "")
    unit = next((m.group("value") for m in pairs if m.group("key").lower() in ("unit", "units", "uom")), "")
    numbers = tuple(f"{m.group('key')}={m.group('value')}" for m in pairs if _NUMBER.fullmatch(m.group("value")))
    return _Line(readings, units, unit, tag, numbers, {m.group("key").lower(): m.group("value") for m in sources})


def _named(key: str, prose: str) -> bool:
    spoken = re.escape(key).replace("_", "[_ ]")
    return bool(re.search(rf"(?<![\w-]){spoken}(?![\w-])", prose, re.I))


def log_readings(question: str) -> tuple[str, list[str]]:
    """The question with its log block replaced by the asked source's readings as one named list, and notes."""
    lines = question.split("\n")
    hits = [(i, _parse(line)) for i, line in enumerate(lines)]
    found = [(i, p) for i, p in hits if p]
    if len(found) < MIN_LINES:
        return question, []
    first, last = found[0][0], found[-1][0]
    if any(not p and lines[i].strip() for i, p in hits[first:last + 1]):
        return question, []  # not one block of log lines
    prose = "\n".join(lines[:first] + lines[last + 1:])
    keys = list(dict.fromkeys(k for _, p in found for k in p.readings))
    if len(keys) == 1:
        key = keys[0]
    else:
        asked = [k for k in keys if _named(k, prose)]
        if len(asked) != 1:
            return question, []  # which reading the data are is not said: leave the question as it is
        key = asked[0]
    carrying = [p for _, p in found if key in p.readings]
    skipped = len(found) - len(carrying)
    if len(carrying) < MIN_LINES or (skipped and len(keys) == 1):
        return question, []
    by = _grouped_by(prose, carrying)
    if by:
        # "a one-way ANOVA of torque across the four stations": one group per station, in log order within each
        levels = list(dict.fromkeys(p.sources[by] for p in carrying))
        unit = carrying[0].unit or carrying[0].units.get(key, "")
        listed = [f"{level}: " + ", ".join(p.readings[key] for p in carrying if p.sources[by] == level)
                  for level in levels]
        notes = [f"log lines: the {len(carrying)} {key} readings grouped by {by} ({', '.join(levels)})"
                 + (f", in {unit}" if unit else "") + "; timestamps are times, not data"]
        if skipped:
            notes.append(f"{skipped} log line{'s' if skipped > 1 else ''} without {key} skipped")
        constant = [f"{k}={carrying[0].sources[k]}" for k in carrying[0].sources if k != by and
                    all(p.sources.get(k) == carrying[0].sources[k] for p in carrying)]
        if constant:
            notes.append(f"the same on every line, so no factor: {', '.join(constant)}")
        others = sorted({k for p in carrying for k in p.readings if k != key})
        if others:
            notes.append(f"the other readings on the lines ({', '.join(others)}) are not the data asked for: "
                         + ", ".join(p.readings[k] for p in carrying for k in others if k in p.readings))
        return "\n".join([*lines[:first], *listed, *lines[last + 1:]]), notes
    tags = list(dict.fromkeys(p.tag for p in carrying))
    asked_tags = [t for t in tags if t and re.search(rf"(?<![\w-]){re.escape(t)}(?![\w-])", prose)]
    if len(tags) > 1 and len(asked_tags) != 1:
        return question, []  # which source the data are is not said: leave the question as it is
    tag = asked_tags[0] if len(tags) > 1 else tags[0]
    kept = [p.readings[key] for p in carrying if p.tag == tag]
    others = [p.readings[key] for p in carrying if p.tag != tag]
    unit = carrying[0].unit or carrying[0].units.get(key, "")
    source = f" of {tag}" if tag else ""
    listed = f"{key}{f' {tag}' if tag else ''}{f' ({unit})' if unit else ''}: " + ", ".join(kept)
    notes = [f"log lines: the {len(kept)} {key} readings{source}, in log order; timestamps are times, not data"]
    if skipped:
        values = [pair for _, p in found if key not in p.readings for pair in p.numbers]
        notes.append(f"{skipped} log line{'s' if skipped > 1 else ''} without {key} skipped"
                     + (f" ({', '.join(values)})" if values else ""))
    if others:
        notes.append(f"the other sources' readings set aside ({', '.join(t for t in tags if t != tag)}): "
                     + ", ".join(others))
    return "\n".join([*lines[:first], listed, *lines[last + 1:]]), notes


def _grouped_by(prose: str, carrying: list[_Line]) -> str | None:
    """The source key the question groups by ("across the four stations", "by station", "per machine"), when the
    log's lines carry it with two or more values."""
    keys = {k for p in carrying for k in p.sources}
    for k in keys:
        if not all(k in p.sources for p in carrying) or len({p.sources[k] for p in carrying}) < 2:
            continue
        if re.search(rf"\b(?:across|by|per|between|among|for each|each)\s+(?:the\s+)?(?:\w+\s+)?{re.escape(k)}(?:s|es)?\b",
                     prose, re.I):
            return k
    return None
