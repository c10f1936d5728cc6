"""Knowledge store speed: ingest throughput and warm query latency, at 1 and 2 threads.

Prints figures; never part of the test pass/fail. Runs in a temporary HAVOC_HOME.

    python bench/knowledge_bench.py            # full: model-embedded ingest + queries
    python bench/knowledge_bench.py --queries 40

Ingest is measured twice: embedding every chunk with the model (what a user's own
documents cost) and from the shipped vector cache (what the built-in corpus costs
on first use).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return ordered[index]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--queries", type=int, default=106, help="questions from the eval set per setting")
    parser.add_argument("--threads", type=int, nargs="+", default=[1, 2])
    args = parser.parse_args()

    import torch

    from knowledge import vector_cache
    from knowledge.embeddings import get_embedder
    from knowledge.evaluate import DEFAULT_EVAL_FILE, load_eval
    from knowledge.ingest import CORPUS_DIR, ensure_builtin, ingest_paths
    from knowledge.retrieval import retrieve

    questions = [item.question for item in load_eval(DEFAULT_EVAL_FILE)][: args.queries]
    get_embedder().embed(["warm-up"])  # model load is not ingest time
    print(f"cpu cores visible: {os.cpu_count()}, torch {torch.__version__}, load average {os.getloadavg()[0]:.1f}")

    for threads in args.threads:
        torch.set_num_threads(threads)
        with tempfile.TemporaryDirectory() as home:
            os.environ["HAVOC_HOME"] = home
            real_lookup = vector_cache.lookup
            vector_cache.lookup = lambda spec, texts: [None] * len(texts)
            try:
                started = time.perf_counter()
                report = ingest_paths([CORPUS_DIR], progress=False, warn=lambda _: None)
                seconds = time.perf_counter() - started
            finally:
                vector_cache.lookup = real_lookup
            print(
                f"[{threads} thread(s)] ingest, model-embedded: {report.chunks_added} chunks in {seconds:.1f} s "
                f"= {report.chunks_added / seconds:.1f} chunks/s"
            )
        with tempfile.TemporaryDirectory() as home:
            os.environ["HAVOC_HOME"] = home
            started = time.perf_counter()
            cached = ensure_builtin()
            seconds = time.perf_counter() - started
            assert cached is not None
            print(
                f"[{threads} thread(s)] ingest, built-in from vector cache: {cached.chunks_added} chunks in "
                f"{seconds:.2f} s = {cached.chunks_added / seconds:.0f} chunks/s"
            )
            for mode in ("hybrid", "vector", "lexical"):
                for q in questions[:5]:
                    retrieve(q, k=5, mode=mode)  # warm: lexical index built, model loaded
                embedder = get_embedder()
                latencies = []
                for q in questions:
                    embedder._query_cache.clear()  # measure the model, not our query cache
                    started = time.perf_counter()
                    retrieve(q, k=5, mode=mode)
                    latencies.append((time.perf_counter() - started) * 1000)
                print(
                    f"[{threads} thread(s)] query {mode:<7} n={len(latencies)}: p50 {percentile(latencies, 50):.1f} ms, "
                    f"p95 {percentile(latencies, 95):.1f} ms, mean {statistics.fmean(latencies):.1f} ms"
                )


if __name__ == "__main__":
    main()
