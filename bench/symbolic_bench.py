"""Symbolic tools: what the worker process costs, per call, against doing the work in-process.

    .venv/bin/python bench/symbolic_bench.py [--repeats 20]

In-process = parse the text and run the SymPy job in this process (what we would pay with
no isolation and no time limit). Via worker = `run_tool`, the real path: parse here, send
the tree to a pooled worker process, run, send the result back. The difference is the
price of being able to stop a runaway computation. Also printed: the cold start (fork
server importing SymPy, paid once per process), the start of a fresh worker from the
fork server (paid after a timeout killed one), and a bare round trip (`abs(-1)`).
Medians of --repeats calls; OMP_NUM_THREADS=1.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

CASES: dict[str, dict] = {
    "differentiate": {"expression": "x^3*sin(x)", "variable": "x"},
    "integrate": {"expression": "x^2", "variable": "x", "lower": 0, "upper": 1},
    "solve": {"equations": "x^2 - 4 = 0", "variables": "x"},
    "simplify": {"expression": "sin(x)^2 + cos(x)^2"},
    "limit": {"expression": "sin(x)/x", "variable": "x", "point": 0},
    "series": {"expression": "exp(x)", "variable": "x", "order": 6},
    "matrix": {"matrix": [[2, 1, 0], [1, 3, 1], [0, 1, 4]], "operation": "determinant"},
    "evaluate": {"expression": "x^3*sin(x)", "values": {"x": 1.5}},
}


def median_ms(func: Callable[[], object], repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        func()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def in_process(name: str, args: dict) -> Callable[[], object]:
    """The same work as the tool, with `run_with_timeout` swapped for a direct call."""
    from tools import symbolic
    from tools.registry import get

    spec = get(name)

    def direct(func, *a, timeout, label=None, cancel=None, **kw):  # noqa: ARG001 - same signature
        return func(*a, **kw)

    def call() -> object:
        original = symbolic.run_with_timeout
        symbolic.run_with_timeout = direct
        try:
            return spec.run(args)
        finally:
            symbolic.run_with_timeout = original

    return call


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=20)
    opts = parser.parse_args()

    from tools import worker
    from tools.registry import run_tool

    start = time.perf_counter()
    worker.run_with_timeout(abs, -1, timeout=120)
    cold_ms = (time.perf_counter() - start) * 1000
    round_trip = median_ms(lambda: worker.run_with_timeout(abs, -1, timeout=10), opts.repeats * 5)
    fresh = []
    for _ in range(5):
        worker.shutdown()
        start = time.perf_counter()
        worker.run_with_timeout(abs, -1, timeout=60)
        fresh.append((time.perf_counter() - start) * 1000)

    print(f"symbolic bench (medians of {opts.repeats}; OMP_NUM_THREADS={os.environ['OMP_NUM_THREADS']}, "
          f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f})")
    print(f"  cold start (fork server imports SymPy, first worker): {cold_ms:8.1f} ms")
    print(f"  fresh worker from the fork server (after a kill):     {statistics.median(fresh):8.1f} ms")
    print(f"  bare round trip to a pooled worker (abs(-1)):         {round_trip:8.3f} ms")
    print()
    print(f"  {'tool':<14}{'in-process ms':>15}{'via worker ms':>15}{'overhead ms':>13}")
    for name, args in CASES.items():
        run_tool(name, args)  # warm both caches (SymPy's, here and in the worker)
        local = in_process(name, args)
        local()
        inproc = median_ms(local, opts.repeats)
        via = median_ms(lambda name=name, args=args: run_tool(name, args), opts.repeats)
        print(f"  {name:<14}{inproc:15.2f}{via:15.2f}{via - inproc:13.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
