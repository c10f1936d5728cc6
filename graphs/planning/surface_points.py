"""Response-surface runs told in prose, each point with its response → the rows of a quadratic fit.

"The four factorial runs gave (-1,-1) 73.5, (+1,-1) 77.4, … The axial runs were at +/-1.414: x1 = -1.414 gave 73.5,
x1 = +1.414 gave 78.2, … Plus five centre points: 79.6, 79.6, 79.4, 80.0, 80.6." names every run by its coded
coordinates: a corner by its signed tuple, an axial run by the one coordinate that is not 0, the centre runs by
being at the centre. Nothing is guessed: a run whose place is not said makes the reader give up.
"""

from __future__ import annotations

import re
from decimal import Decimal

from graphs.planning.extract import NUM, number_runs, to_decimal

_SIGNED = r"[-+−]?(?:\d+(?:\.\d+)?|\.\d+)?"
# "(-1,-1) 73.5", "(+1, -1): 77.4", "(-,+) = 76.3"
_CORNER = re.compile(rf"\(\s*({_SIGNED}(?:\s*,\s*{_SIGNED})+)\s*\)\s*(?:gave|=|:|->|→)?\s*({NUM})")
# "x1 = -1.414 gave 73.5", "x2=+1.414: 77.6", "x1 at -1.414 -> 73.5"
_AXIAL = re.compile(rf"\bx\s*_?(\d)\s*(?:=|at)\s*([-+−]?\d+(?:\.\d+)?)\s*(?:gave|=|:|->|→|yielded|read)\s*({NUM})", re.I)
_CENTRE = re.compile(r"cent(?:er|re)|mid[\s-]*points?", re.I)


def _coordinate(text: str) -> Decimal:
    text = text.replace("−", "-").strip()
    if text in ("-", "+"):
        return Decimal(-1 if text == "-" else 1)
    return to_decimal(text)


def surface_points(question: str) -> tuple[list[list[Decimal]], list[Decimal]] | None:
    """(coded rows, responses) of corners, axial runs and centre runs told in prose, or None."""
    corners = [([_coordinate(c) for c in coords.split(",")], to_decimal(y)) for coords, y in _CORNER.findall(question)]
    if len(corners) < 4:
        return None
    k = len(corners[0][0])
    if any(len(point) != k for point, _ in corners) or any(abs(c) != 1 for point, _ in corners for c in point):
        return None
    axial = []
    for index, at, y in _AXIAL.findall(question):
        i = int(index) - 1
        if not 0 <= i < k:
            return None
        point = [Decimal(0)] * k
        point[i] = _coordinate(at)
        axial.append((point, to_decimal(y)))
    rest = _AXIAL.sub(" ", _CORNER.sub(" ", question))
    centre = [values for name, values in number_runs(rest, 1) if _CENTRE.search(name)]
    if not axial or not centre:
        return None
    runs = corners + axial + [([Decimal(0)] * k, y) for y in centre[0]]
    if len({tuple(point) for point, _ in runs}) < 1 + k + (k * (k + 1)) // 2:
        return None  # too few distinct points for the full quadratic
    return [point for point, _ in runs], [y for _, y in runs]
