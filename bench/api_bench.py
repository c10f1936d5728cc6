"""HTTP API figures on loopback: throughput and latency of a tool call and of a DOE run at 1, 8 and 32
concurrent clients, time to the first SSE event, and the SSE path's overhead over in-process
`graphs.srs.run`. Starts its own `havoc-agent serve` on 127.0.0.1 and stops it; bounded in time.

    python bench/api_bench.py [--seconds 30] [--clients 1,8,32]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parents[1]
DOE_QUESTION = "Design a Box-Behnken DOE for 3 factors"
TOOL = ("doe_design", {"design": "box_behnken", "factors": 3})


def start_server(home: str) -> tuple[subprocess.Popen, str]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "HAVOC_HOME": home, "PYTHONPATH": str(REPO), "OMP_NUM_THREADS": "1",
           "HAVOC_API_RATE": "10000000", "HAVOC_API_MAX_QUEUE": "256"}
    proc = subprocess.Popen([sys.executable, "-m", "havoc_agent.cli", "serve", "--port", str(port),
                             "--log-level", "error"], cwd=REPO, env=env)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(url + "/healthz", timeout=1).status_code == 200:
                return proc, url
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("server did not start")


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


async def load(url: str, clients: int, seconds: float, kind: str) -> tuple[int, int, list[float], float]:
    latencies: list[float] = []
    errors = 0
    deadline = time.monotonic() + seconds

    async def one(client: httpx.AsyncClient) -> None:
        nonlocal errors
        while time.monotonic() < deadline:
            t0 = time.perf_counter()
            if kind == "tool":
                r = await client.post(f"/v1/tools/{TOOL[0]}", json=TOOL[1])
            else:
                r = await client.post("/runs/wait", json={"assistant_id": "havoc", "input": {"question": DOE_QUESTION}})
            if r.status_code != 200:
                errors += 1
            else:
                latencies.append(time.perf_counter() - t0)

    limits = httpx.Limits(max_connections=clients + 4)
    started = time.perf_counter()
    async with httpx.AsyncClient(base_url=url, timeout=300, limits=limits) as client:
        await asyncio.gather(*(one(client) for _ in range(clients)))
    return len(latencies), errors, latencies, time.perf_counter() - started


async def stream_once(url: str, question: str) -> tuple[float, float, float]:
    """(time to first event, time to first trace event, time to `end`) of one streamed run."""
    first = first_trace = None
    async with httpx.AsyncClient(base_url=url, timeout=120) as client:
        t0 = time.perf_counter()
        async with client.stream("POST", "/runs/stream", json={"assistant_id": "havoc", "input": {"question": question},
                                                               "stream_mode": ["custom"]}) as r:
            async for line in r.aiter_lines():
                if line.startswith("event: "):
                    first = first or time.perf_counter() - t0
                    if line == "event: custom":
                        first_trace = first_trace or time.perf_counter() - t0
                    if line == "event: end":
                        return first, first_trace, time.perf_counter() - t0
    raise RuntimeError("stream ended without an end event")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=30.0, help="duration of each load level (default 30)")
    parser.add_argument("--clients", default="1,8,32", help="concurrency levels (default 1,8,32)")
    parser.add_argument("--repeats", type=int, default=10, help="streamed vs in-process runs compared (default 10)")
    args = parser.parse_args()
    levels = [int(c) for c in args.clients.split(",")]
    home = tempfile.mkdtemp(prefix="havoc_api_bench_")
    os.environ["HAVOC_HOME"] = home
    proc, url = start_server(home)
    try:
        httpx.post(url + "/runs/wait", json={"assistant_id": "havoc", "input": {"question": DOE_QUESTION}}, timeout=120)
        print(f"server {url}, {os.cpu_count()} CPUs, {args.seconds:g} s per level, server defaults "
              "(HAVOC_API_MAX_RUNS=4)")
        print(f"{'what':<10} {'clients':>7} {'requests':>8} {'errors':>6} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8}")
        total_errors = 0
        for kind in ("tool", "doe_run"):
            for clients in levels:
                ok, errors, lat, wall = asyncio.run(load(url, clients, args.seconds, kind))
                total_errors += errors
                p50 = pct(lat, 0.5) * 1000 if lat else float("nan")
                p99 = pct(lat, 0.99) * 1000 if lat else float("nan")
                print(f"{kind:<10} {clients:>7} {ok:>8} {errors:>6} {ok / wall:>8.1f} {p50:>8.1f} {p99:>8.1f}")

        from graphs.srs import run

        run(DOE_QUESTION)  # warm the in-process path as the server is warm
        local, remote, firsts, traces = [], [], [], []
        for _ in range(args.repeats):
            t0 = time.perf_counter()
            run(DOE_QUESTION)
            local.append(time.perf_counter() - t0)
            first, first_trace, total = asyncio.run(stream_once(url, DOE_QUESTION))
            firsts.append(first)
            traces.append(first_trace)
            remote.append(total)
        print(f"time to first SSE event (metadata): median {statistics.median(firsts) * 1000:.1f} ms; "
              f"to first trace event: median {statistics.median(traces) * 1000:.1f} ms")
        ratio = statistics.median(remote) / statistics.median(local)
        print(f"DOE run streamed over SSE: median {statistics.median(remote) * 1000:.1f} ms; in-process "
              f"graphs.srs.run: median {statistics.median(local) * 1000:.1f} ms; overhead ratio {ratio:.2f}")
        print(f"errors: {total_errors}")
        return 1 if total_errors else 0
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()


if __name__ == "__main__":
    sys.exit(main())
