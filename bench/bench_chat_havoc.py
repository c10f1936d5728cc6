"""Per-token cost of grammar-constrained decoding over free decoding, and planner latency per question.

    python bench/bench_chat_havoc.py [--checkpoint DIR]

Without --checkpoint it builds the tests' small random-weight checkpoint: the worst case for the
constraint (an untrained model's samples are often refused, so fallbacks are frequent).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from langchain_core.messages import HumanMessage  # noqa: E402

from havoc_agent.chat_havoc import ChatHavoc  # noqa: E402

QUESTIONS = ["Design a Box-Behnken DOE for temperature, pressure and time", "mean of 4.2, 4.8, 5.1 and 4.9",
             "is 10.2, 9.8, 10.4, 10.1 different from 10?", "derivative of x^2 sin x",
             "control chart for 12.1 12.3 11.9 12.2 12.0 12.4"]


def per_token_ms(model: ChatHavoc, **kwargs) -> tuple[float, int, dict]:
    tokens, seconds, grammar = 0, 0.0, {"steps": 0, "checks": 0, "fallbacks": 0}
    for question in QUESTIONS:
        started = time.perf_counter()
        reply = model.invoke([HumanMessage(question)], **kwargs)
        seconds += time.perf_counter() - started
        tokens += reply.usage_metadata["output_tokens"]
        for key, value in reply.response_metadata.get("grammar", {}).items():
            grammar[key] += value
    return 1000 * seconds / max(tokens, 1), tokens, grammar


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--checkpoint", type=Path)
    parser.add_argument("--max-tokens", type=int, default=48)
    args = parser.parse_args()
    checkpoint = args.checkpoint
    if checkpoint is None:
        from tests.agent.tiny_checkpoint import build_tiny_checkpoint

        checkpoint = build_tiny_checkpoint(Path(tempfile.mkdtemp()))
    model = ChatHavoc(checkpoint=str(checkpoint), max_tokens=args.max_tokens, temperature=1.0, seed=0)
    model.invoke("warm up", max_tokens=2)
    free, free_tokens, _ = per_token_ms(model)
    constrained, tokens, grammar = per_token_ms(model, grammar="dsl")
    print(f"checkpoint {checkpoint}")
    print(f"free decoding:        {free:7.2f} ms/token ({free_tokens} tokens)")
    print(f"constrained (dsl):    {constrained:7.2f} ms/token ({tokens} tokens; {grammar['checks']} checks, "
          f"{grammar['fallbacks']} of {grammar['steps']} steps fell back)")
    print(f"overhead per token:   {100 * (constrained / free - 1):6.1f} %  (goal < 30 %)")
    started = time.perf_counter()
    planner = ChatHavoc(checkpoint=str(checkpoint), grammar="dsl", temperature=0.0, max_tokens=args.max_tokens)
    for question in QUESTIONS:
        planner.invoke([HumanMessage(question)])
    print(f"planner latency:      {1000 * (time.perf_counter() - started) / len(QUESTIONS):7.0f} ms/question "
          f"(max {args.max_tokens} tokens; goal < 300 ms)")


if __name__ == "__main__":
    main()
