"""Synthetic question → tool call → result → answer dialogues, generated with a seed.

Why synthetic: the shipped corpus must teach a small model the chat layout
(roles, `<|tool_call|>` JSON, `<|tool_result|>`, `<|end|>`) without any
download. Every number in a tool result is computed here with Python's
`statistics`/`math`, so the text never contains a wrong figure for the model
to learn. `python -m havoc_model.corpus.dialogues` rewrites `dialogues.jsonl`
byte for byte (a test checks that the shipped file is exactly this output).
"""

from __future__ import annotations

import json
import math
import random
import statistics
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

SHIPPED = Path(__file__).with_name("dialogues.jsonl")
DEFAULT_COUNT = 1500
DEFAULT_SEED = 20261125

SYSTEM = "You are HAVOC. Every number you state comes from a tool result."
Message = dict[str, Any]


def _fmt(x: float, digits: int = 4) -> str:
    text = f"{x:.{digits}g}"
    return "0" if text in ("-0", "-0.0") else text


def _sample(rng: random.Random, n: int) -> list[float]:
    centre = rng.choice([0, 5, 10, 20, 50, 100, 250])
    spread = rng.choice([0.5, 1, 2, 5, 10])
    values: list[float] = []
    for _ in range(n):
        digits = rng.choice([0, 1, 2])
        x = rng.gauss(centre, spread)
        values.append(round(x, digits) if digits else int(round(x)))
    return values


def _nums(values: list[float]) -> str:
    return ", ".join(_fmt(v, 8) for v in values)


def _describe(rng: random.Random) -> list[Message]:
    data = _sample(rng, rng.randint(4, 12))
    ask = rng.choice([
        "What are the mean and standard deviation of {d}?",
        "Summarise this sample: {d}.",
        "Give me the mean, median and sample SD of {d}.",
        "Describe the data {d}.",
    ]).format(d=_nums(data))
    mean, median, sd = statistics.fmean(data), statistics.median(data), statistics.stdev(data)
    result = {"n": len(data), "mean": _fmt(mean), "median": _fmt(median), "sd": _fmt(sd),
              "min": _fmt(min(data), 8), "max": _fmt(max(data), 8)}
    answer = (f"For n = {len(data)} values the mean is {_fmt(mean)}, the median {_fmt(median)} and the "
              f"sample standard deviation s = {_fmt(sd)} (range {_fmt(min(data), 8)} to {_fmt(max(data), 8)}).")
    return _dialogue(ask, "describe", {"data": data}, result, answer)


def _one_sample_t(rng: random.Random) -> list[Message]:
    data = _sample(rng, rng.randint(5, 15))
    mu0 = round(statistics.fmean(data) + rng.choice([-2, -1, -0.5, 0, 0.5, 1, 2]) * statistics.stdev(data) / 2, 1)
    ask = rng.choice([
        "Is the mean of {d} different from {m}?",
        "Test H0: μ = {m} for the sample {d}.",
        "Run a one-sample t-test of {d} against μ0 = {m}.",
    ]).format(d=_nums(data), m=_fmt(mu0, 8))
    n = len(data)
    se = statistics.stdev(data) / math.sqrt(n)
    t = (statistics.fmean(data) - mu0) / se if se > 0 else 0.0
    result = {"t": _fmt(t), "df": n - 1, "mean": _fmt(statistics.fmean(data)), "se": _fmt(se)}
    verdict = "large" if abs(t) > 2.5 else "small"
    answer = (f"The t statistic is {_fmt(t)} on {n - 1} degrees of freedom (mean {_fmt(statistics.fmean(data))}, "
              f"standard error {_fmt(se)}); |t| is {verdict} relative to the usual critical values near 2.")
    return _dialogue(ask, "t_test_one_sample", {"data": data, "mu0": mu0}, result, answer)


def _control_limits(rng: random.Random) -> list[Message]:
    centre = rng.choice([10, 25, 50, 74, 100])
    sigma = rng.choice([0.1, 0.2, 0.5, 1, 2])
    k = rng.choice([2, 3])
    ask = rng.choice([
        "A process has mean {c} and σ = {s}. What are the {k}-sigma control limits?",
        "Compute {k}σ limits for centre line {c} with sigma {s}.",
    ]).format(c=centre, s=sigma, k=k)
    lcl, ucl = centre - k * sigma, centre + k * sigma
    result = {"center": _fmt(centre, 8), "lcl": _fmt(lcl, 8), "ucl": _fmt(ucl, 8)}
    answer = f"The centre line is {_fmt(centre, 8)}; LCL = {_fmt(lcl, 8)} and UCL = {_fmt(ucl, 8)} ({k}σ)."
    return _dialogue(ask, "control_limits", {"center": centre, "sigma": sigma, "k": k}, result, answer)


def _capability(rng: random.Random) -> list[Message]:
    lsl = rng.choice([0, 5, 9.5, 48])
    width = rng.choice([1, 2, 4, 6])
    usl = lsl + width
    mean = round(lsl + width * rng.uniform(0.3, 0.7), 2)
    sigma = round(width / rng.choice([4, 6, 8, 10]), 3)
    ask = rng.choice([
        "LSL {l}, USL {u}, mean {m}, σ {s}: what are Cp and Cpk?",
        "Process capability for specs [{l}, {u}] with mean {m} and sigma {s}?",
    ]).format(l=_fmt(lsl, 8), u=_fmt(usl, 8), m=_fmt(mean, 8), s=_fmt(sigma, 8))
    cp = (usl - lsl) / (6 * sigma)
    cpk = min(usl - mean, mean - lsl) / (3 * sigma)
    result = {"cp": _fmt(cp), "cpk": _fmt(cpk)}
    judged = "capable" if cpk >= 1.33 else "not capable at the 1.33 benchmark"
    answer = f"Cp = {_fmt(cp)} and Cpk = {_fmt(cpk)}: the process is {judged}."
    args = {"lsl": lsl, "usl": usl, "mean": mean, "sigma": sigma}
    return _dialogue(ask, "capability", args, result, answer)


def _factorial(rng: random.Random) -> list[Message]:
    k = rng.randint(2, 5)
    names = rng.sample(["temperature", "pressure", "time", "speed", "feed", "catalyst", "pH"], k)
    reps = rng.choice([1, 1, 2])
    ask = rng.choice([
        "Design a full factorial experiment in {f}.",
        "I want a 2-level full factorial for {f} with {r} replicate(s).",
    ]).format(f=", ".join(names), r=reps)
    runs = 2**k * reps
    result = {"design": "full_factorial", "factors": k, "runs": runs}
    answer = f"A two-level full factorial in {k} factors has 2^{k} = {2**k} runs per replicate, {runs} in total."
    return _dialogue(ask, "doe_full_factorial", {"factors": names, "levels": 2, "replicates": reps}, result, answer)


def _derivative(rng: random.Random) -> list[Message]:
    a, b, n = rng.randint(1, 9), rng.randint(-9, 9), rng.randint(2, 6)
    expr = f"{a}*x**{n} + {b}*x"
    ask = rng.choice(["Differentiate {e} with respect to x.", "What is d/dx of {e}?"]).format(e=expr)
    deriv = f"{a * n}*x**{n - 1} + {b}" if n > 2 else f"{a * n}*x + {b}"
    result = {"derivative": deriv}
    answer = f"d/dx ({expr}) = {deriv}."
    return _dialogue(ask, "differentiate", {"expr": expr, "var": "x"}, result, answer)


def _dialogue(ask: str, tool: str, args: dict[str, Any], result: dict[str, Any], answer: str) -> list[Message]:
    return [
        {"role": "system", "content": SYSTEM},
        {"role": "user", "content": ask},
        {"role": "assistant", "content": "", "tool_calls": [{"name": tool, "arguments": args}]},
        {"role": "tool", "content": json.dumps(result, sort_keys=True)},
        {"role": "assistant", "content": answer},
    ]


TEMPLATES: tuple[Callable[[random.Random], list[Message]], ...] = (
    _describe, _one_sample_t, _control_limits, _capability, _factorial, _derivative,
)


def generate(count: int = DEFAULT_COUNT, seed: int = DEFAULT_SEED) -> list[str]:
    """JSONL lines of `count` dialogues; the same (count, seed) always gives the same lines."""
    rng = random.Random(seed)
    return [
        json.dumps({"messages": rng.choice(TEMPLATES)(rng)}, ensure_ascii=False, sort_keys=True)
        for _ in range(count)
    ]


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    out = Path(argv[0]) if argv else SHIPPED
    out.write_text("\n".join(generate()) + "\n", encoding="utf-8")
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
