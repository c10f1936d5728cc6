"""Statistics on 10^6 points: median of 5 runs per tool.

Two figures per tool: numpy arrays in (in-process callers; the float path), and plain Python lists in,
as the CLI and API deliver them (validation, decimal-text handling and JSON-ready output included).

    OMP_NUM_THREADS=1 .venv/bin/python bench/stats_bench.py
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import numpy as np  # noqa: E402

from tools.regression import RegressionArgs, regression  # noqa: E402
from tools.stats_anova import OneWayArgs, anova_oneway  # noqa: E402
from tools.stats_describe import DescribeArgs, describe  # noqa: E402

N = 1_000_000
REPEATS = 5


def median_ms(fn) -> float:
    times = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return 1000.0 * statistics.median(times)


def main() -> None:
    rng = np.random.default_rng(0)
    data = rng.normal(100.0, 5.0, N)
    x = rng.uniform(0.0, 10.0, N)
    y = 3.0 + 2.0 * x + rng.normal(0.0, 1.0, N)
    xs = rng.normal(size=(N, 3))
    y3 = 1.0 + xs @ np.array([0.5, -2.0, 1.0]) + rng.normal(0.0, 1.0, N)
    groups = [data[i::10] + 0.1 * i for i in range(10)]
    lists = {"data": data.tolist(), "x": x.tolist(), "y": y.tolist(), "groups": [g.tolist() for g in groups]}

    rows = [
        ("describe", lambda: describe(DescribeArgs(data=data)),
         lambda: describe(DescribeArgs(data=lists["data"])).model_dump(mode="json")),
        ("regression, y on x", lambda: regression(RegressionArgs(y=y, x=x)),
         lambda: regression(RegressionArgs(y=lists["y"], x=lists["x"])).model_dump(mode="json")),
        ("regression, y on 3 columns", lambda: regression(RegressionArgs(y=y3, X=xs)), None),
        ("regression, cubic in x", lambda: regression(RegressionArgs(y=y, x=x, degree=3)), None),
        ("anova_oneway, 10 groups + Tukey", lambda: anova_oneway(OneWayArgs(groups=groups)),
         lambda: anova_oneway(OneWayArgs(groups=lists["groups"])).model_dump(mode="json")),
        ("anova_oneway, 10 groups, no Tukey", lambda: anova_oneway(OneWayArgs(groups=groups, tukey=False)), None),
    ]
    print(f"n = {N:,} points, median of {REPEATS} runs, OMP_NUM_THREADS={os.environ['OMP_NUM_THREADS']}")
    print(f"{'tool':36s} {'arrays in':>12s} {'lists in':>12s}")
    for name, fast, slow in rows:
        a = median_ms(fast)
        b = f"{median_ms(slow):9.0f} ms" if slow else "          -"
        print(f"{name:36s} {a:9.0f} ms {b}")


if __name__ == "__main__":
    main()
