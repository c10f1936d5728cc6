"""Per-token cost of grammar-constrained decoding over free decoding, and planner latency per question.

    python bench/bench_chat_havoc.py [--checkpoint DIR] [--questions N]

By default it measures the shipped planner (havoc_model/planner_checkpoint) the way PLAN calls it: greedy,
the bare question as the user message, on held-out evaluation questions. Each question is decoded
free and constrained back to back, so a busy machine slows both alike. Two overhead figures:
wall time per token (constrained vs free), and the constraint's own time (spent choosing each
token: grammar and copied-number checks, fallbacks included) per token over free decoding's
time per token; the second is the steadier one on a shared CPU. The prefix checker's cache is
cold for the first half of the questions (what a cold `havoc-agent ask` pays) and warmed by
that half only for the second. Without a shipped planner it falls back to the tests'
random-weight checkpoint, the worst case (an untrained model's choices are often refused).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from langchain_core.messages import HumanMessage  # noqa: E402

from havoc_agent.chat_havoc import ChatHavoc  # noqa: E402
from havoc_agent.models import SHIPPED_PLANNER  # noqa: E402
from havoc_agent.planner_data import EVAL_SET  # noqa: E402


def _timed(model: ChatHavoc, question: str, **kwargs) -> tuple[float, int, dict]:
    started = time.perf_counter()
    reply = model.invoke([HumanMessage(question)], **kwargs)
    return time.perf_counter() - started, reply.usage_metadata["output_tokens"], reply.response_metadata.get(
        "grammar", {})


def measure(model: ChatHavoc, questions: list[str]) -> dict:
    totals = {"free_s": 0.0, "free_tokens": 0, "s": 0.0, "tokens": 0, "grammar_ms": 0.0, "checks": 0,
              "fallbacks": 0, "steps": 0}
    for question in questions:
        seconds, tokens, _ = _timed(model, question)
        totals["free_s"] += seconds
        totals["free_tokens"] += tokens
        seconds, tokens, grammar = _timed(model, question, grammar="dsl")
        totals["s"] += seconds
        totals["tokens"] += tokens
        totals["grammar_ms"] += grammar.get("ms", 0.0)
        for key in ("checks", "fallbacks", "steps"):
            totals[key] += grammar.get(key, 0)
    free = 1000 * totals["free_s"] / max(totals["free_tokens"], 1)
    constrained = 1000 * totals["s"] / max(totals["tokens"], 1)
    own = totals["grammar_ms"] / max(totals["tokens"], 1)
    return {**totals, "free_ms": free, "constrained_ms": constrained, "own_ms": own,
            "wall_overhead": 100 * (constrained / free - 1), "own_overhead": 100 * own / free,
            "ms_per_question": 1000 * totals["s"] / len(questions)}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--checkpoint", type=Path)
    parser.add_argument("--questions", type=int, default=40)
    parser.add_argument("--max-tokens", type=int, default=192)
    args = parser.parse_args()
    checkpoint = args.checkpoint
    if checkpoint is None and (SHIPPED_PLANNER / "model.safetensors").is_file():
        checkpoint = SHIPPED_PLANNER
    if checkpoint is None:
        from tests.agent.tiny_checkpoint import build_tiny_checkpoint

        checkpoint = build_tiny_checkpoint(Path(tempfile.mkdtemp()))
    lines = EVAL_SET.read_text(encoding="utf-8").splitlines()
    questions = [json.loads(line)["question"] for line in lines if line.strip()][: args.questions]
    model = ChatHavoc(checkpoint=str(checkpoint), max_tokens=args.max_tokens, temperature=0.0)
    model.invoke("warm up", max_tokens=2)
    print(f"checkpoint {checkpoint}; {len(questions)} held-out questions, greedy, max {args.max_tokens} tokens")
    half = len(questions) // 2
    for label, part in (("cache cold", questions[:half]), ("cache warm", questions[half:])):
        m = measure(model, part)
        print(f"{label}: free {m['free_ms']:.2f} ms/token ({m['free_tokens']} tokens), constrained "
              f"{m['constrained_ms']:.2f} ms/token ({m['tokens']} tokens; {m['checks']} checks, {m['fallbacks']} of "
              f"{m['steps']} steps fell back)")
        print(f"  overhead per token: constraint's own time {m['own_ms']:.3f} ms = {m['own_overhead']:.1f} %; "
              f"wall {m['wall_overhead']:+.1f} %  (goal < 30 %)")
        print(f"  planner latency: {m['ms_per_question']:.0f} ms/question (goal < 300 ms)")


if __name__ == "__main__":
    main()
