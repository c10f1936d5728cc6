"""HAVOC language speed: parse + check of a 10,000-statement program, and the per-token cost of
asking the interactive parser which terminals may come next (what constrained decoding pays).

Run: .venv/bin/python bench/dsl_bench.py   (prints figures; never part of the test pass/fail)
"""

from __future__ import annotations

import os
import statistics
import time

os.environ.setdefault("OMP_NUM_THREADS", "1")

import dsl  # noqa: E402
from dsl.parser import accepts, interactive, lark_parser  # noqa: E402
from dsl.prefix import PrefixChecker, is_valid_prefix  # noqa: E402

STATEMENTS = [
    "let d{i} = design box_behnken {{\n    factor temperature 150 .. 200 \"degC\"\n    factor pressure 1 .. 3 \"bar\"\n"
    "    factor time 10 .. 30 \"min\"\n    center_points 3\n    randomize seed {i}\n}}",
    "chart xbar_r [[74.03, 74.002, 74.019], [73.995, 73.992, 74.001], [73.988, 74.024, 74.021]] rules nelson",
    "capability [74.01, 73.99, 74.0, 74.02, 73.98] lsl 73.95 usl 74.05 target 74",
    "ttest welch [5.1, 4.9, 5.6, 5.8] and [6.2, 6.4, 5.9, 6.8] alternative less",
    "derivative of x^3 * sin(x) by x",
    "let y{i} = [2.1, 3.9, 6.2, 7.8, 10.1]",
    "regression y{i} on [1, 2, 3, 4, 5] degree 2",
    "anova one_way [[18.2, 20.1, 17.6], [19.4, 22.3, 21.0], [24.1, 23.2, 25.0]]",
    "solve x^2 - 5*x + 6 = 0 for x",
    "chart p [12, 15, 8, 10] size 50 k_sigma 3",
]


def big_program(n: int) -> str:
    lines = []
    for i in range(n):
        template = STATEMENTS[i % len(STATEMENTS)]
        index = i - (i % len(STATEMENTS)) + 5  # y{i} bound by the statement before its regression
        lines.append(template.format(i=index))
    return "\n".join(lines) + "\n"


def best_of(repeats: int, func) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    start = time.perf_counter()
    lark_parser()
    print(f"grammar compile (once per process): {1000 * (time.perf_counter() - start):.1f} ms")

    text = big_program(10_000)
    program = dsl.parse(text)
    assert len(program.statements) == 10_000
    parse_s = best_of(3, lambda: dsl.parse(text))
    check_s = best_of(3, lambda: dsl.check(program))
    format_s = best_of(3, lambda: dsl.format(program))
    print(f"10,000 statements ({len(text.splitlines())} lines, {len(text) / 1e6:.2f} MB):")
    print(f"  parse  {parse_s:.3f} s  ({1e6 * parse_s / 10_000:.1f} us/statement)")
    print(f"  check  {check_s:.3f} s  ({1e6 * check_s / 10_000:.1f} us/statement)")
    print(f"  parse + check  {parse_s + check_s:.3f} s")
    print(f"  format {format_s:.3f} s")

    # constrained decoding: at every token, ask what may come next, then feed the chosen token
    sample = "\n".join(s.format(i=5) for s in STATEMENTS)
    tokens = list(lark_parser().parse_interactive(sample).iter_parse())
    for label, ask in (("dsl.parser.accepts(ip)", accepts), ("Lark ip.accepts()", lambda ip: ip.accepts())):
        ask_us, feed_us, sizes = [], [], []
        for _ in range(3):
            ip = interactive("")
            for token in tokens:
                t0 = time.perf_counter()
                allowed = ask(ip)
                t1 = time.perf_counter()
                ip.feed_token(token)
                t2 = time.perf_counter()
                ask_us.append(1e6 * (t1 - t0))
                feed_us.append(1e6 * (t2 - t1))
                sizes.append(len(allowed))
        ask_us.sort()
        print(f"{label} over {len(tokens)} tokens (x3): median {statistics.median(ask_us):.1f} us, "
              f"mean {statistics.fmean(ask_us):.1f} us, p95 {ask_us[int(0.95 * len(ask_us))]:.1f} us per token "
              f"(median {statistics.median(sizes):.0f}, max {max(sizes)} terminals allowed); "
              f"feed_token median {statistics.median(feed_us):.1f} us")

    # the text-level question (a decoder holding sub-word pieces): is this still the start of a program?
    for length in (100, 400, 1600):
        prefix = (sample * 4)[:length]
        seconds = best_of(5, lambda p=prefix: is_valid_prefix(p))
        print(f"is_valid_prefix on {length} characters: {1e3 * seconds:.2f} ms")
    checker, asked, start = PrefixChecker(), 0, time.perf_counter()
    for position in range(0, len(sample), 3):
        piece = sample[position : position + 3]
        for candidate in (piece, "@", " ]"):
            checker.allows(candidate)
            asked += 1
        checker.push(piece)
    elapsed = time.perf_counter() - start
    print(f"PrefixChecker growing a {len(sample)}-character program by 3-character pieces: "
          f"{1e3 * elapsed / asked:.3f} ms per allows() (with its share of push)")


if __name__ == "__main__":
    main()
