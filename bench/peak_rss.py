"""Run a command and print the peak memory of its whole process tree (workers included).

Why not `/usr/bin/time -v` alone: tool workers are children of a fork server, so the
command's own maximum RSS misses them. This samples every descendant's RSS from /proc
every 5 ms and prints the largest sum seen, with the exit code and the last stderr line.

    python bench/peak_rss.py -- havoc-agent tool run doe_design --args '{...}'
"""

from __future__ import annotations

import os
import subprocess
import sys
import time


def _children(pid: int) -> list[int]:
    out: list[int] = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as fh:
                out.extend(int(c) for c in fh.read().split())
    except OSError:
        pass
    return out


def _rss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def tree_rss_kb(root: int) -> int:
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        total += _rss_kb(pid)
        todo.extend(_children(pid))
    return total


def main(argv: list[str]) -> int:
    if "--" in argv:
        argv = argv[argv.index("--") + 1:]
    if not argv:  # `make bench`: the case that once grew to 23.7 GB
        argv = [sys.executable, "-m", "havoc_agent.cli", "tool", "run", "doe_design", "--args",
                '{"design": "plackett_burman", "factors": 3, "runs": 100000}']
        print("plackett_burman, 3 factors, runs 100000:")
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    peak = 0
    while proc.poll() is None:
        peak = max(peak, tree_rss_kb(proc.pid))
        time.sleep(0.005)
    err = (proc.stderr.read() if proc.stderr else "").strip().splitlines()
    print(f"exit {proc.returncode}; peak memory of the process tree {peak / 1024:.0f} MiB")
    print(f"stderr: {err[-1] if err else ''} ({len(err)} line{'s' if len(err) != 1 else ''})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
