"""Measurements told in sentences, one by one or a few at a time, all in one unit.

"The first bag weighed 502.0 g, then 501.6 g and 500.0 g. After the break I got 502.7, 503.0 and 498.1 g, and the
last three were 500.7, 502.0 and 504.6 g." is nine weights, though no run of numbers holds more than three of them;
read run by run they became two "groups" of three. Here every number that carries the unit, or stands in a list that
ends in it ("502.7, 503.0 and 498.1 g"), is a value, in the order told. Numbers without the unit ("line 3") are not,
and neither is a number the caller has blanked (the hypothesised mean, the label's 500 g).
"""

from __future__ import annotations

import re
from collections import Counter
from decimal import Decimal

from graphs.planning.extract import NUM, to_decimal

_UNIT = r"(?:°\s?[CF]|µm|mm|cm|m|kg|g|mg|µg|l|ml|N|kN|MPa|kPa|Pa|bar|psi|s|ms|min|h|V|mV|A|mA|Ω|ohm|W|kW|Hz|rpm|%|" \
        r"lb|oz|in|ppm|HRC|HV|dB|nm|°)"
# one number, or a list "a, b and c" (commas, "and", "then") that ends in the unit
_TOLD = re.compile(rf"(?<![\w.]){NUM}(?:\s*(?:,\s*(?:and\s+|then\s+)?|\s+and\s+|\s+then\s+){NUM})*\s*(?P<u>{_UNIT})(?![\w°%])")
# a sentence that states the reference, not a measurement: "Label says 500 g.", "Nominal is 25 mm."
_REFERENCE = re.compile(r"\b(?:label\w*|nominal|target|spec\w*|claim\w*|declared|stated|rated|limit|tolerance|"
                        r"should (?:be|weigh|read)|supposed to|requirement|required|against|vs\.?|versus)\b", re.I)
_VALUE = re.compile(rf"(?<![\w.]){NUM}(?![\w.]|\.\d)")


def told_values(text: str, *, minimum: int = 5) -> list[Decimal]:
    """The values told in `text` that carry its one unit, in order, when at least two sentences tell them and there
    are `minimum` or more; [] otherwise (a single list is read by the ordinary readers)."""
    found = [(m, m.group("u")) for m in _TOLD.finditer(text.replace("−", "-"))]
    if not found:
        return []
    unit, _ = Counter(u for _, u in found).most_common(1)[0]
    told = [m for m, u in found if u == unit and not _REFERENCE.search(_sentence(text, m.start()))]
    if len(told) < 3:
        return []
    sentences = {len(re.findall(r"[.?!;]\s", text[:m.start()])) for m in told}
    values = [to_decimal(v.group(0)) for m in told for v in _VALUE.finditer(m.group(0)[:m.start("u") - m.start()])]
    return values if len(sentences) >= 2 and len(values) >= minimum else []


def _sentence(text: str, at: int) -> str:
    start = max(text.rfind(". ", 0, at), text.rfind("? ", 0, at), text.rfind("! ", 0, at), text.rfind("\n", 0, at))
    ends = [i for i in (text.find(". ", at), text.find("? ", at), text.find("! ", at), text.find("\n", at)) if i >= 0]
    return text[start + 1:min(ends) if ends else len(text)]
