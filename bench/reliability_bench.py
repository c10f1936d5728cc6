"""Reliability counts: hostile tool arguments, mutated DSL programs, parallel store writers.

Prints tried / clean / failures for each, so the next regression shows as a number.
Clean means a result or a one-line `HavocInputError`; a failure is anything else.

    PYTHONPATH=. python bench/reliability_bench.py [--examples 200] [--trials 10]
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))


def tool_sweep(examples: int) -> tuple[int, int, list[str]]:
    from hypothesis import HealthCheck, given, settings

    from tests.reliability.hostile import arguments
    from tools.errors import HavocInputError
    from tools.registry import run_tool, tools

    tried, clean, failures = 0, 0, []

    def sweep_one(name: str, schema: dict) -> None:
        @settings(max_examples=examples, derandomize=True, deadline=None, database=None,
                  suppress_health_check=list(HealthCheck))
        @given(arguments(schema))
        def sweep(args: dict) -> None:
            nonlocal tried, clean
            if "timeout_s" in schema.get("properties", {}):
                args["timeout_s"] = 2
            tried += 1
            try:
                run_tool(name, args)
                clean += 1
            except HavocInputError:
                clean += 1
            except Exception as exc:  # noqa: BLE001 - counted and shown
                failures.append(f"{name} {type(exc).__name__}: {str(exc)[:100]}")

        sweep()

    for name, spec in tools().items():
        sweep_one(name, spec.json_schema())
    return tried, clean, failures


def dsl_mutations(count: int, seed: int = 14) -> tuple[int, int, list[str]]:
    import dsl
    from tools.errors import HavocInputError

    rng = random.Random(seed)
    sources = [p.read_text() for p in sorted((REPO / "examples").glob("*.havoc"))]
    tried, clean, failures = 0, 0, []
    for _ in range(count):
        tokens = re.findall(r'"[^"]*"|\S+|\n', rng.choice(sources))
        for _ in range(rng.randint(1, 4)):
            i = rng.randrange(len(tokens))
            op = rng.choice(["drop", "dup", "swap", "num", "junk"])
            if op == "drop":
                tokens.pop(i)
            elif op == "dup":
                tokens.insert(i, tokens[i])
            elif op == "swap":
                j = rng.randrange(len(tokens))
                tokens[i], tokens[j] = tokens[j], tokens[i]
            elif op == "num":
                tokens[i] = rng.choice(["0", "-1", "1e308", "1e999999", "100000", "0.0", "99999999999999999999"])
            else:
                tokens[i] = rng.choice(["{", "}", "[", "]", '"', "..", "\ud800", "let", "="])
            if not tokens:
                tokens = ["describe"]
        text = " ".join(tokens).replace(" \n ", "\n")
        tried += 1
        try:
            program = dsl.parse(text)
            dsl.format(program)
            dsl.check(program, data_root=None)
            dsl.execute(program, data_root=None, checked=True)
            clean += 1
        except HavocInputError:
            clean += 1
        except Exception as exc:  # noqa: BLE001
            failures.append(f"{type(exc).__name__}: {str(exc)[:100]}")
    return tried, clean, failures


def parallel_writers(trials: int) -> dict[str, tuple[int, int]]:
    import os
    import subprocess

    from tests.reliability.test_stores import WRITER

    out: dict[str, tuple[int, int]] = {}
    for warm in (False, True):
        ok = 0
        for trial in range(trials):
            with tempfile.TemporaryDirectory() as tmp:
                env = {**os.environ, "HAVOC_HOME": tmp, "PYTHONPATH": str(REPO), "OMP_NUM_THREADS": "1"}
                if warm:
                    subprocess.run([sys.executable, "-c", WRITER, "warm"], env=env, check=True, capture_output=True)
                keys = [f"t{trial}-a", f"t{trial}-b"]
                procs = [subprocess.Popen([sys.executable, "-c", WRITER, k], env=env, stderr=subprocess.PIPE) for k in keys]
                codes = [p.wait(timeout=300) for p in procs]
                listed = subprocess.run([sys.executable, "-c", "from knowledge.store import get_store\n"
                                         "print(' '.join(r.id for r in get_store().records(include_text=False)))"],
                                        env=env, capture_output=True, text=True).stdout.split()
                ok += codes == [0, 0] and set(keys) <= set(listed)
        out["warm" if warm else "fresh"] = (trials, ok)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=100, help="hostile argument sets per tool")
    parser.add_argument("--mutants", type=int, default=2000, help="mutated DSL programs")
    parser.add_argument("--trials", type=int, default=10, help="parallel-writer trials per home kind")
    args = parser.parse_args()
    for label, run in (("tool arguments", lambda: tool_sweep(args.examples)),
                       ("DSL mutants", lambda: dsl_mutations(args.mutants))):
        started = time.perf_counter()
        tried, clean, failures = run()
        print(f"{label:<16} tried {tried:>6}  clean {clean:>6}  failures {len(failures):>4}  "
              f"({time.perf_counter() - started:.1f} s)")
        for text, n in Counter(failures).most_common(10):
            print(f"    {n} x {text}")
    for kind, (trials, ok) in parallel_writers(args.trials).items():
        print(f"parallel writers ({kind} home): trials {trials}  every write kept {ok}  lost {trials - ok}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
