"""Which points a chart question leaves out of the limits; a count of outliers names no point."""

from __future__ import annotations

import pytest

from graphs.planning.nl_spc import _excluded_points


@pytest.mark.parametrize(("question", "points"), [
    ("exclude points 3 and 7", [2, 6]),
    ("drop the 4th sample", [3]),
    ("remove sample #12", [11]),
    ("leave out the 3rd and 5th points", [2, 4]),
    ("exclude subgroups 2, 5", [1, 4]),
    ("i chart 5 6 7, exclude 2.", [1]),
    ("remove 3 outliers", None),
    ("without the 3 outliers", None),
    ("individuals chart: 1, 2, 3", None),
])
def test_excluded_points(question: str, points: list[int] | None) -> None:
    assert _excluded_points(question) == points
