"""Model `havoc-chat` over HTTP: a full-context reply's time, and what a client that leaves costs the next one.

Starts its own `havoc-agent serve --chat-checkpoint havoc_model/planner_checkpoint` on 127.0.0.1 and
stops it. Decoding is one request at a time, so a short request sent right after a client left a long
one takes as long as a short request alone only if the leaving stopped the long decoding; and
`/healthz` sent during a long decoding shows whether the event loop stayed free. Medians of --repeats.

    python bench/chat_serve_bench.py [--repeats 5]
"""

from __future__ import annotations

import argparse
import contextlib
import os
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.api.conftest import CHAT_CHECKPOINT, start_server, stop_server  # noqa: E402

os.environ.setdefault("OMP_NUM_THREADS", "1")
LONG = {"model": "havoc-chat", "messages": [{"role": "user", "content": "hi"}], "max_tokens": 240,
        "temperature": 1.5, "seed": 1}
SHORT = {"model": "havoc-chat", "messages": [{"role": "user", "content": "hi"}], "max_tokens": 3}


def timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def leave_stream(url: str) -> None:
    with httpx.stream("POST", url + "/v1/chat/completions", json={**LONG, "stream": True}) as r:
        for n, _ in enumerate(line for line in r.iter_lines() if line.startswith("data:")):
            if n == 2:
                return


def leave_waiting(url: str) -> None:
    with contextlib.suppress(httpx.TimeoutException):
        httpx.post(url + "/v1/chat/completions", json=LONG, timeout=0.1)
    time.sleep(0.15)  # the server polls for a client that left every 0.1 s


def healthz_during_long(url: str) -> float:
    worker = threading.Thread(target=lambda: httpx.post(url + "/v1/chat/completions", json=LONG, timeout=60))
    worker.start()
    time.sleep(0.15)
    took = timed(lambda: httpx.get(url + "/healthz"))
    worker.join()
    return took


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as home:
        server = start_server(Path(home), {"HAVOC_CHAT_CHECKPOINT": str(CHAT_CHECKPOINT)})
        try:
            url = server.url
            post = lambda body: httpx.post(url + "/v1/chat/completions", json=body, timeout=60)  # noqa: E731
            post(SHORT)
            rows = {
                "240-token reply, non-streaming": lambda: timed(lambda: post(LONG)),
                "3-token reply alone": lambda: timed(lambda: post(SHORT)),
                "3-token reply after a stream's client left": lambda: (leave_stream(url),
                                                                       timed(lambda: post(SHORT)))[1],
                "3-token reply after a waiting client left": lambda: (leave_waiting(url),
                                                                      timed(lambda: post(SHORT)))[1],
                "/healthz during a 240-token reply": lambda: healthz_during_long(url),
            }
            for name, measure in rows.items():
                median = statistics.median(measure() for _ in range(args.repeats))
                print(f"{name:<48} {1000 * median:8.1f} ms")
        finally:
            stop_server(server)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
