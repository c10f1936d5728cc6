"""Loading the registry must stay cheap: heavy libraries are imported by the functions that use them.

A design question never touches scipy.stats, statsmodels or sympy, and a cold `havoc-agent ask` pays for
every module imported on the way (scipy.stats alone is ~0.7 s here).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

HEAVY = ("scipy.stats", "scipy.special", "scipy.linalg", "scipy.optimize", "statsmodels", "sympy", "torch",
         "matplotlib")


def _imported_after(code: str) -> list[str]:
    probe = code + f"\nimport json, sys\nprint(json.dumps(sorted(m for m in {HEAVY!r} if m in sys.modules)))\n"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True,
                         cwd=Path(__file__).resolve().parents[2])
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_listing_every_tool_imports_nothing_heavy() -> None:
    assert _imported_after("from tools.registry import tools\nassert len(tools()) >= 27") == []


def test_a_design_imports_nothing_heavy() -> None:
    code = ("from tools.registry import run_tool\n"
            "out = run_tool('doe_design', {'design': 'box_behnken', 'factors': 3})\n")
    assert _imported_after(code) == []


def test_a_t_test_imports_scipy_stats_only_when_it_runs() -> None:
    code = ("from tools.registry import in_process, run_tool\n"
            "with in_process():\n"
            "    run_tool('t_test', {'kind': 'one_sample', 'x': [1.0, 2.0, 3.5, 2.2], 'mu': 1.0})\n")
    assert "scipy.stats" in _imported_after(code)
