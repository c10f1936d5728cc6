"""Per-token cost of grammar-constrained decoding over free decoding, and planner latency per question.

    python bench/bench_chat_havoc.py [--checkpoint DIR] [--questions N]

By default it measures the shipped planner (checkpoints/planner) the way PLAN calls it: greedy,
the bare question as the user message. Questions come from the held-out evaluation set.
Constrained decoding is timed on two halves of the questions in one process: the first half with
the prefix checker's cache cold (what a cold `havoc-agent ask` pays), the second half with the
cache warmed by the first half only (a server after some questions); each against free decoding
of the same half. Without a
shipped planner it falls back to the tests' random-weight checkpoint, the worst case for the
constraint (an untrained model's choices are often refused, so fallbacks are frequent).
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


def per_token_ms(model: ChatHavoc, questions: list[str], **kwargs) -> tuple[float, float, int, dict]:
    """(ms per output token, ms per question, tokens, grammar counters)."""
    tokens, seconds, grammar = 0, 0.0, {"steps": 0, "checks": 0, "fallbacks": 0}
    for question in questions:
        started = time.perf_counter()
        reply = model.invoke([HumanMessage(question)], **kwargs)
        seconds += time.perf_counter() - started
        tokens += reply.usage_metadata["output_tokens"]
        for key, value in reply.response_metadata.get("grammar", {}).items():
            grammar[key] += value
    return 1000 * seconds / max(tokens, 1), 1000 * seconds / len(questions), tokens, grammar


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--checkpoint", type=Path)
    parser.add_argument("--questions", type=int, default=40)
    parser.add_argument("--max-tokens", type=int, default=256)
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
    first, second = questions[: len(questions) // 2], questions[len(questions) // 2:]
    free_cold, _, free_tokens, _ = per_token_ms(model, first)
    free_warm, _, free_tokens_warm, _ = per_token_ms(model, second)
    cold, cold_q, cold_tokens, cold_grammar = per_token_ms(model, first, grammar="dsl")
    warm, warm_q, tokens, grammar = per_token_ms(model, second, grammar="dsl")
    print(f"checkpoint {checkpoint}; {len(questions)} held-out questions in two halves, greedy")
    print(f"free decoding:              {free_cold:7.2f} ms/token first half ({free_tokens} tokens), "
          f"{free_warm:.2f} second half ({free_tokens_warm} tokens)")
    print(f"constrained, cache cold:    {cold:7.2f} ms/token ({cold_tokens} tokens; {cold_grammar['checks']} checks, "
          f"{cold_grammar['fallbacks']} of {cold_grammar['steps']} steps fell back)")
    print(f"constrained, cache warm:    {warm:7.2f} ms/token ({tokens} tokens; {grammar['checks']} checks, "
          f"{grammar['fallbacks']} of {grammar['steps']} steps fell back)")
    print(f"overhead per token:         {100 * (cold / free_cold - 1):6.1f} % cold, {100 * (warm / free_warm - 1):6.1f} % warm "
          f"(goal < 30 %)")
    print(f"planner latency:            {cold_q:7.0f} ms/question cold, {warm_q:7.0f} ms/question warm "
          f"(goal < 300 ms)")


if __name__ == "__main__":
    main()
