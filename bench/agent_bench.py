"""Agent speed: cold `havoc-agent ask` wall time, and warm in-process latency per stage.

    .venv/bin/python bench/agent_bench.py [--repeats 5]

Cold = a fresh process each time (imports, model load, store open): what a user
typing the command feels. Warm = the same process asking again: what the API
server pays per question. Medians of --repeats runs; OMP_NUM_THREADS=1.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
REPO = Path(__file__).resolve().parents[1]
QUESTIONS = {
    "doe": "Design a Box-Behnken DOE",
    "spc": "individuals chart: 5.1, 5.3, 4.9, 5.0, 5.2, 5.4, 5.0, 4.8, 5.1, 5.2",
    "math": "What is the derivative of x^3 sin x",
}


def cold(question: str, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        proc = subprocess.run([sys.executable, "-m", "havoc_agent.cli", "ask", question, "--json"], cwd=REPO,
                              capture_output=True, text=True)
        times.append(time.perf_counter() - t0)
        if proc.returncode != 0:
            raise SystemExit(f"ask failed: {proc.stderr[-500:]}")
    return statistics.median(times)


def warm(question: str, repeats: int) -> tuple[float, dict[str, float]]:
    from graphs.srs import STAGES, run

    run(question)  # warm-up: imports, embedding model, store
    totals, per_stage = [], {s: [] for s in STAGES}
    for _ in range(repeats):
        t0 = time.perf_counter()
        state = run(question)
        totals.append((time.perf_counter() - t0) * 1000)
        for event in state["trace"]:
            if event["status"] == "end":
                per_stage[event["node"]].append(event["duration_ms"])
    return statistics.median(totals), {s: statistics.median(v) for s, v in per_stage.items() if v}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    print(f"threads: OMP_NUM_THREADS={os.environ['OMP_NUM_THREADS']}, repeats: {args.repeats} (medians)")
    print("\ncold `havoc-agent ask` (new process each time):")
    for mode, question in QUESTIONS.items():
        print(f"  {mode:<5} {cold(question, args.repeats):6.2f} s   {question[:50]}")
    print("\nwarm, in-process (ms):")
    header = None
    for mode, question in QUESTIONS.items():
        total, stages = warm(question, args.repeats)
        if header is None:
            header = list(stages)
            print("  mode   total  " + " ".join(f"{s:>8}" for s in header))
        print(f"  {mode:<5} {total:6.1f}  " + " ".join(f"{stages.get(s, 0):8.1f}" for s in header))


if __name__ == "__main__":
    main()
