"""Lines of a machine log (`2024-05-02 08:00:03 INFO [T1] temp=68.33 C`) → the readings of the source asked about.

A log interleaves sources: each line carries a tag in brackets and one `key=value` reading. When the question names
one of the tags outside the log ("I only care about thermocouple T2"), that tag's readings are the data, in log
order; with a single tag, all of them are. The other tags' readings are set aside and named in a note, and the
timestamps are times, never data.
"""

from __future__ import annotations

import re

from graphs.planning.extract import NUM

_LINE = re.compile(rf"^\s*(?:\S+\s+){{0,4}}?\[(?P<tag>[\w.-]{{1,20}})\]\s+(?:\S+\s+){{0,2}}?(?P<key>[A-Za-z_][\w]*)\s*[=:]\s*"
                   rf"(?P<value>{NUM})\s*(?P<unit>[A-Za-zµ°%/]{{0,6}})\s*$")
MIN_LINES = 5


def log_readings(question: str) -> tuple[str, list[str]]:
    """The question with its log block replaced by the asked source's readings as one named list, and notes."""
    lines = question.split("\n")
    hits = [(i, _LINE.match(line)) for i, line in enumerate(lines)]
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
    kept = [m.group("value") for _, m in found if m.group("tag") == tag]
    others = [m.group("value") for _, m in found if m.group("tag") != tag]
    unit = found[0][1].group("unit")
    listed = f"{key} {tag}{f' ({unit})' if unit else ''}: " + ", ".join(kept)
    notes = [f"log lines: the {len(kept)} {key} readings of {tag}, in log order; timestamps are times, not data"]
    if others:
        notes.append(f"the other sources' readings set aside ({', '.join(t for t in tags if t != tag)}): "
                     + ", ".join(others))
    return "\n".join([*lines[:first], listed, *lines[last + 1:]]), notes
