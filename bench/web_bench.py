"""Web UI weight and speed: the first load's gzipped bytes, and time to interactive in Chromium.

    .venv/bin/python bench/web_bench.py [--loads 5] [--url http://127.0.0.1:8000]

First load = index.html and every script, stylesheet and module preload it names (what the
browser fetches before the UI can answer); KaTeX, the markdown renderer and the plan editor are
lazy chunks, listed apart. Goal: first load under 500 KB gzipped. Time to interactive = from
navigation start until the graph (from /v1/graph) is drawn and the question box is there,
against a local `havoc-agent serve` (started here on 127.0.0.1 unless --url is given); median of
--loads fresh browser contexts. Needs `make web` (the build and Debian's chromium).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DIST = REPO / "web" / "dist"
GOAL_KB = 500


def gz_kb(path: Path) -> float:
    return len(gzip.compress(path.read_bytes(), compresslevel=9)) / 1024


def first_load(dist: Path) -> list[Path]:
    html = (dist / "index.html").read_text(encoding="utf-8")
    refs = re.findall(r'(?:src|href)="/?(assets/[^"]+)"', html)
    return [dist / "index.html", *(dist / r for r in dict.fromkeys(refs))]


def serve(home: str) -> tuple[subprocess.Popen, str]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "HAVOC_HOME": home, "PYTHONPATH": str(REPO), "OMP_NUM_THREADS": "1"}
    proc = subprocess.Popen([sys.executable, "-m", "havoc_agent.cli", "serve", "--port", str(port),
                             "--log-level", "warning"], cwd=REPO, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"{url}/healthz", timeout=2).close()
            return proc, url
        except OSError:
            time.sleep(0.3)
    proc.kill()
    raise SystemExit("server did not start in 60 s")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--loads", type=int, default=5)
    ap.add_argument("--url", help="a running server (default: start one on 127.0.0.1)")
    args = ap.parse_args()
    if not (DIST / "index.html").is_file():
        print("web/dist is missing: run `make web` first", file=sys.stderr)
        return 2

    first = first_load(DIST)
    total = sum(gz_kb(p) for p in first)
    print("first load (gzip -9):")
    for p in first:
        print(f"  {p.relative_to(DIST)!s:<40} {gz_kb(p):8.1f} KB")
    print(f"  {'total':<40} {total:8.1f} KB  (goal < {GOAL_KB} KB: {'met' if total < GOAL_KB else 'NOT met'})")
    lazy = [p for p in sorted((DIST / "assets").iterdir()) if p.suffix in (".js", ".css") and p not in first]
    print("lazy chunks:")
    for p in lazy:
        print(f"  {p.name:<40} {gz_kb(p):8.1f} KB")

    with tempfile.TemporaryDirectory() as home:
        proc, url = (None, args.url) if args.url else serve(home)
        try:
            done = subprocess.run(["node", "scripts/tti.mjs", url, str(args.loads)], cwd=REPO / "web",
                                  capture_output=True, text=True, timeout=300)
        finally:
            if proc is not None:
                proc.terminate()
                proc.wait(timeout=15)
    if done.returncode != 0:
        print(done.stdout + done.stderr, file=sys.stderr)
        return 1
    loads = json.loads(done.stdout.strip().splitlines()[-1])["loads_ms"]
    print(f"time to interactive, {len(loads)} loads against {'the given server' if args.url else 'a local server'}: "
          f"median {statistics.median(loads):.0f} ms, min {min(loads):.0f} ms, max {max(loads):.0f} ms")
    return 0 if total < GOAL_KB else 1


if __name__ == "__main__":
    raise SystemExit(main())
