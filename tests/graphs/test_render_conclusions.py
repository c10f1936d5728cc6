"""Every tool the planner can reach gets a conclusion sentence built from its own output, not a bare table."""

from __future__ import annotations

import numpy as np
import pytest

from graphs.render import RENDERERS, fmt, render_result
from tools.registry import run_tool

_X, _Y = [1, 2, 3, 4, 5, 6], [12.1, 9.9, 8.2, 5.8, 4.1, 2.2]
_LINE = np.polyfit(_X, _Y, 1)
_R = float(np.corrcoef(_X, _Y)[0, 1])

CASES = [
    ("normality", {"data": [2.1, 2.5, 2.3, 2.8, 2.2, 2.6, 2.4, 3.9]}, ["Shapiro", "depart from normality"]),
    ("levene", {"groups": [[1, 2, 3, 4], [2, 4, 6, 9]]}, ["Levene", "no evidence"]),
    ("variance_test", {"groups": [[1, 2, 3, 4], [2, 4, 6, 19]], "method": "f"},
     ["F test of two variances", f"F = s1²/s2² = {fmt((5 / 3) / (176.75 / 3), 5)}", "on 3 and 3 df", "the variances differ", "95% CI"]),
    ("variance_test", {"groups": [[1, 2, 3, 4], [2, 4, 6, 9], [5, 6, 7, 8]], "method": "bartlett"},
     ["Bartlett's test", "on 2 df", "no evidence that the variances differ"]),
    ("correlation", {"x": _X, "y": _Y}, ["Pearson", f"r = {fmt(_R, 5)}", "on 4 df", "significant", "95% CI"]),
    ("correlation", {"x": _X, "y": _Y, "method": "kendall"}, ["Kendall", "τ_b = -1", "z = "]),
    ("anova_oneway", {"groups": [[1, 2, 3, 4], [2, 4, 6, 19], [5, 6, 7, 8]], "welch": True},
     ["Welch's ANOVA", "on 2 and ", "df"]),
    ("kruskal_wallis", {"groups": [[1, 2, 3, 4], [2, 4, 6, 9], [5, 6, 7, 8]]}, ["Kruskal–Wallis", "not significant"]),
    ("spc_constants", {"n": 5}, ["n = 5", "A2 = 0.577"]),
    ("run_rules", {"values": [0.1, -0.2, 3.5, 0.0, 0.3], "center": 0, "sigma": 1}, ["violation", "point(s) 3"]),
    ("evaluate", {"expression": "sin(pi/6) + sqrt(2)"}, ["1.9142135623", "1/2 + sqrt(2)"]),
    ("anova_twoway", {"y": [1, 2, 3, 4, 5, 6, 7, 8.5], "a": ["x"] * 4 + ["y"] * 4, "b": ["p", "q"] * 4},
     ["Two-way ANOVA", "significant"]),
    ("regression", {"x": [1, 2, 3, 4, 5, 6], "y": [12.1, 9.9, 8.2, 5.8, 4.1, 2.2]},
     # numpy's least squares line and Pearson's r for the same data
     [f"ŷ = {fmt(_LINE[1])} − {fmt(-_LINE[0])}·x", f"correlation r = {fmt(_R, 5)}"]),
]


@pytest.mark.parametrize(("tool", "args", "phrases"), CASES, ids=[c[0] for c in CASES])
def test_conclusion_reads_the_output(tool: str, args: dict, phrases: list[str]) -> None:
    assert tool in RENDERERS
    conclusion, _body = render_result(tool, args, run_tool(tool, args))
    for phrase in phrases:
        assert phrase in conclusion, conclusion


def test_correlation_only_for_a_straight_line() -> None:
    args = {"x": [1, 2, 3, 4, 5, 6], "y": [1, 4, 9, 16, 25, 37], "degree": 2}
    out = run_tool("regression", args)
    assert out["correlation"] is None
    assert "correlation" not in render_result("regression", args, out)[0]
