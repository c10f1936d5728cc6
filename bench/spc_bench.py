"""Control charts on 10^5 points with all Nelson rules on: median of 5 runs per chart type.

Two figures per chart: the engine (arguments already validated, numpy arrays in)
and the full registry call from plain Python lists, as the CLI and API make it
(validation and JSON-ready output included).

    OMP_NUM_THREADS=1 .venv/bin/python bench/spc_bench.py
"""

from __future__ import annotations

import os
import statistics
import time

os.environ.setdefault("OMP_NUM_THREADS", "1")

import numpy as np  # noqa: E402

from tools.capability import CapabilityArgs, capability  # noqa: E402
from tools.spc import ControlChartArgs, RunRulesArgs, control_chart, run_rules  # noqa: E402

N = 100_000
REPEATS = 5


def median_ms(fn) -> float:
    times = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1e3)
    return statistics.median(times)


def cases(rng: np.random.Generator) -> dict[str, dict]:
    sizes = rng.integers(80, 120, N).astype(float)
    return {
        "xbar_r": {"subgroups": rng.normal(10, 1, (N, 5))},
        "xbar_s": {"subgroups": rng.normal(10, 1, (N, 5))},
        "imr": {"values": rng.normal(10, 1, N)},
        "p": {"counts": rng.binomial(100, 0.05, N).astype(float), "sizes": np.full(N, 100.0)},
        "p (variable n)": {"counts": rng.binomial(80, 0.05, N).astype(float), "sizes": sizes},
        "np": {"counts": rng.binomial(100, 0.05, N).astype(float), "sizes": np.full(N, 100.0)},
        "c": {"counts": rng.poisson(8.0, N).astype(float)},
        "u": {"counts": rng.poisson(8.0, N).astype(float), "sizes": sizes},
    }


def as_lists(data: dict) -> dict:
    return {k: v.tolist() for k, v in data.items()}


def main() -> None:
    rng = np.random.default_rng(1)
    print(f"control charts, {N:,} points, Nelson rules 1-8, median of {REPEATS} (ms)")
    print(f"{'chart':<16}{'engine':>10}{'registry':>12}{'points flagged':>16}")
    for name, data in cases(rng).items():
        chart = name.split()[0]
        args = ControlChartArgs(chart=chart, rules="nelson", **data)
        engine = median_ms(lambda a=args: control_chart(a))
        listed = {"chart": chart, "rules": "nelson", **as_lists(data)}
        full = median_ms(lambda a=listed: control_chart(ControlChartArgs.model_validate(a)).model_dump(mode="json"))
        flagged = len(control_chart(args).out_of_control)
        print(f"{name:<16}{engine:>10.1f}{full:>12.1f}{flagged:>16,}")

    x = rng.normal(0, 1, N)
    rules_args = RunRulesArgs(values=x, center=0.0, sigma=1.0, rules="nelson")
    print(f"{'run_rules':<16}{median_ms(lambda: run_rules(rules_args)):>10.1f}")
    cap_args = CapabilityArgs(subgroups=rng.normal(10, 1, (N // 5, 5)), lsl=6.0, usl=14.0)
    print(f"{'capability':<16}{median_ms(lambda: capability(cap_args)):>10.1f}   ({N:,} observations in subgroups of 5)")


if __name__ == "__main__":
    main()
