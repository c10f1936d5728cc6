"""Training pairs for the planner model: (question, DSL program), every program verified.

Two sources:
- the labelled agent questions (tests/data/agent_questions.jsonl): the rule parser's program
  is kept only when it parses, checks, runs without error and calls the tool the label names;
- sampled specifications (design kind, factors with ranges and units, data, chart kinds,
  tests, expressions) rendered in many phrasings (synonyms, word orders, terse and wordy,
  typos, data as lists, columns or `label: value`); the program is written from the
  specification itself, not by the rule parser, so the model is a second reader, not a copy.

Nothing from the evaluation set may enter: `overlap` normalises questions and the recipe
refuses to build when any evaluation question appears in the training pairs.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Callable, Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
LABELLED = REPO / "tests" / "data" / "agent_questions.jsonl"
EVAL_SET = REPO / "tests" / "data" / "planner_eval.jsonl"

FACTORS = [("temperature", 150, 200, "C"), ("pressure", 1, 3, "bar"), ("time", 10, 30, "min"),
           ("speed", 800, 1200, "rpm"), ("feed", 0.1, 0.3, "mm"), ("concentration", 5, 15, "%"),
           ("ph", 4, 8, None), ("flow", 2, 6, "L/min"), ("voltage", 10, 20, "V"), ("catalyst", 1, 5, "g"),
           ("humidity", 30, 70, "%"), ("depth", 1, 4, "mm")]
DESIGNS = {
    "box_behnken": ["Box-Behnken", "box behnken", "BBD", "Box Behnken"],
    "central_composite": ["central composite", "CCD", "central-composite", "response surface CCD"],
    "full_factorial": ["full factorial", "2-level full factorial", "full factorial", "2^k factorial"],
    "plackett_burman": ["Plackett-Burman", "plackett burman", "PB screening"],
    "latin_hypercube": ["latin hypercube", "LHS", "space filling"],
}
ASK = ["", "please ", "can you ", "I need to ", "help me ", "could you "]
DATA_WORDS = ["data", "values", "measurements", "readings", "samples", "observations"]


def _num(rng: random.Random, lo: float, hi: float, decimals: int) -> str:
    value = rng.uniform(lo, hi)
    return f"{value:.{decimals}f}" if decimals else str(round(value))


def _data(rng: random.Random, n: int | None = None) -> list[str]:
    n = n or rng.randint(5, 12)
    centre = rng.choice([5, 10, 25, 50, 100, 250])
    decimals = rng.choice([0, 1, 2])
    spread = centre * rng.uniform(0.02, 0.2)
    return [_num(rng, centre - spread, centre + spread, decimals) for _ in range(n)]


def _list_text(rng: random.Random, values: list[str]) -> str:
    style = rng.randrange(4)
    if style == 0:
        return ", ".join(values)
    if style == 1:
        return " ".join(values)
    if style == 2:
        return "[" + ", ".join(values) + "]"
    return ", ".join(values[:-1]) + " and " + values[-1]


def _typo(rng: random.Random, text: str) -> str:
    """One swapped letter pair in one word of four or more letters, now and then."""
    if rng.random() > 0.15:
        return text
    words = text.split(" ")
    long = [i for i, w in enumerate(words) if w.isalpha() and len(w) > 4]
    if not long:
        return text
    i = rng.choice(long)
    w = words[i]
    j = rng.randrange(1, len(w) - 2)
    words[i] = w[:j] + w[j + 1] + w[j] + w[j + 2:]
    return " ".join(words)


def _values(values: list[str]) -> str:
    return "[" + ", ".join(values) + "]"


def gen_design(rng: random.Random) -> tuple[str, str]:
    kind = rng.choice(list(DESIGNS))
    k = rng.randint(2, 4) if kind != "plackett_burman" else rng.randint(4, 7)
    picks = rng.sample(FACTORS, min(k, len(FACTORS)))
    ranged = rng.random() < 0.5
    named = ranged or rng.random() < 0.7
    word = rng.choice(DESIGNS[kind])
    noun = rng.choice(["design", "DOE", "experiment", "design of experiments"])
    lines, parts = [], []
    for name, lo, hi, unit in picks:
        if ranged:
            sep = rng.choice(["-", " to ", "..", " - "])
            unit_text = f" {unit}" if unit and rng.random() < 0.7 else ""
            parts.append(f"{name} {lo}{sep}{hi}{unit_text}")
            lines.append(f"    factor {name} {lo} .. {hi}" + (f' "{unit}"' if unit_text else ""))
        else:
            parts.append(name)
            lines.append(f"    factor {name}")
    if not named:
        lines = [f"    factors {k}"]
    centre = None
    if kind in ("box_behnken", "central_composite") and rng.random() < 0.4:
        centre = rng.randint(2, 6)
    if kind in ("box_behnken", "central_composite"):
        lines.append(f"    center_points {centre if centre is not None else 3}")
    samples = None
    if kind == "latin_hypercube":
        samples = rng.choice([10, 12, 20, 25, 30, 40, 50])
        lines.append(f"    samples {samples}")
    factors_text = (", ".join(parts[:-1]) + " and " + parts[-1]) if named else f"{k} factors"
    extra = f" with {centre} center points" if centre is not None else ""
    extra += f", {samples} runs" if samples else ""
    question = rng.choice([
        f"{rng.choice(ASK)}design a {word} {noun} for {factors_text}{extra}",
        f"{word} {noun}: {factors_text}{extra}",
        f"I want a {word} {noun} with {factors_text}{extra}",
        f"set up a {word} {noun} for {factors_text}{extra}",
        f"{factors_text}: make a {word} {noun}{extra}",
    ])
    return _typo(rng, question), "let d = design " + kind + " {\n" + "\n".join(lines) + "\n}"


def gen_describe(rng: random.Random) -> tuple[str, str]:
    values = _data(rng)
    text = _list_text(rng, values)
    question = rng.choice([
        f"mean and standard deviation of {text}",
        f"describe these {rng.choice(DATA_WORDS)}: {text}",
        f"summary statistics for {text}",
        f"what is the average of {text}",
        f"{text} - give me the descriptive stats",
    ])
    return _typo(rng, question), f"describe {_values(values)}"


def gen_ttest(rng: random.Random) -> tuple[str, str]:
    kind = rng.choice(["one_sample", "welch", "paired"])
    a = _data(rng)
    if kind == "one_sample":
        mu = a[0].split(".")[0]
        question = rng.choice([
            f"is the mean of {_list_text(rng, a)} different from {mu}?",
            f"test whether the mean equals {mu}: {_list_text(rng, a)}",
            f"one sample t-test against {mu} for {_list_text(rng, a)}",
        ])
        return _typo(rng, question), f"ttest one_sample {_values(a)} mu {mu}"
    b = _data(rng, len(a))
    if kind == "paired":
        question = rng.choice([
            f"paired t-test, before: {', '.join(a)}; after: {', '.join(b)}",
            f"before {_list_text(rng, a)} and after {_list_text(rng, b)} on the same parts: did it change?",
        ])
        return _typo(rng, question), f"ttest paired {_values(a)} and {_values(b)}"
    question = rng.choice([
        f"compare group A {_list_text(rng, a)} with group B {_list_text(rng, b)}",
        f"t-test: machine 1: {', '.join(a)}; machine 2: {', '.join(b)}",
        f"are these two samples different? {_values(a)} vs {_values(b)}",
    ])
    return _typo(rng, question), f"ttest welch {_values(a)} and {_values(b)}"


def gen_chart(rng: random.Random) -> tuple[str, str]:
    values = _data(rng, rng.randint(8, 16))
    question = rng.choice([
        f"control chart for {_list_text(rng, values)}",
        f"is this process in control? {_list_text(rng, values)}",
        f"I-MR chart of these {rng.choice(DATA_WORDS)}: {_list_text(rng, values)}",
        f"plot an individuals chart: {_list_text(rng, values)}",
    ])
    return _typo(rng, question), f"chart imr {_values(values)} rules western_electric"


def gen_capability(rng: random.Random) -> tuple[str, str]:
    values = _data(rng, rng.randint(8, 14))
    nums = sorted(float(v) for v in values)
    lsl = str(int(nums[0] * 0.9))
    usl = str(int(nums[-1] * 1.1) + 1)
    question = rng.choice([
        f"process capability with LSL {lsl} and USL {usl}: {_list_text(rng, values)}",
        f"Cpk for {_list_text(rng, values)}, spec {lsl} to {usl}",
        f"spec limits {lsl}-{usl}, {rng.choice(DATA_WORDS)} {_list_text(rng, values)}: is it capable?",
    ])
    return _typo(rng, question), f"capability {_values(values)} lsl {lsl} usl {usl}"


def gen_normality(rng: random.Random) -> tuple[str, str]:
    values = _data(rng, rng.randint(8, 15))
    question = rng.choice([
        f"is this normally distributed? {_list_text(rng, values)}",
        f"normality test for {_list_text(rng, values)}",
        f"check normality: {_list_text(rng, values)}",
    ])
    return _typo(rng, question), f"normality {_values(values)}"


def gen_regression(rng: random.Random) -> tuple[str, str]:
    n = rng.randint(5, 8)
    step = rng.choice([1, 2, 5, 10])
    start = rng.choice([0, 1, 10, 20])
    x = [str(start + step * i) for i in range(n)]
    slope, intercept = rng.uniform(0.5, 4), rng.uniform(5, 50)
    y = [f"{intercept + slope * float(v) + rng.uniform(-1, 1):.1f}" for v in x]
    question = rng.choice([
        f"fit a line: x = {', '.join(x)}; y = {', '.join(y)}",
        f"regression of y on x, x: {' '.join(x)}, y: {' '.join(y)}",
        f"linear regression, x {_values(x)} y {_values(y)}",
    ])
    return _typo(rng, question), f"regression {_values(y)} on {_values(x)}"


EXPRESSIONS = [("x^2*sin(x)", "x^2 sin x"), ("exp(2*x)", "e^(2x)"), ("x^3 - 4*x", "x^3 - 4x"),
               ("log(x)/x", "ln(x)/x"), ("cos(x)^2", "cos^2 x"), ("sqrt(x)", "sqrt(x)"), ("x*exp(-x)", "x e^-x"),
               ("1/(1 + x^2)", "1/(1+x^2)"), ("tan(x)", "tan x"), ("x^4 + 3*x^2", "x^4 + 3x^2")]


def gen_calculus(rng: random.Random) -> tuple[str, str]:
    dsl_expr, text = rng.choice(EXPRESSIONS)
    if rng.random() < 0.5:
        question = rng.choice([f"derivative of {text}", f"differentiate {text}", f"d/dx {text}",
                               f"what is the derivative of {text} with respect to x?"])
        return question, f"derivative of {dsl_expr} by x"
    if rng.random() < 0.5:
        a, b = sorted(rng.sample(range(0, 6), 2))
        question = rng.choice([f"integrate {text} from {a} to {b}", f"definite integral of {text} between {a} and {b}"])
        return question, f"integral of {dsl_expr} by x from {a} to {b}"
    question = rng.choice([f"integrate {text}", f"antiderivative of {text}", f"integral of {text} dx"])
    return question, f"integral of {dsl_expr} by x"


GENERATORS: list[Callable[[random.Random], tuple[str, str]]] = [
    gen_design, gen_design, gen_describe, gen_ttest, gen_chart, gen_capability, gen_normality, gen_regression,
    gen_calculus,
]


def normalise(question: str) -> str:
    return re.sub(r"[^a-z0-9.]+", " ", question.lower()).strip()


def labelled_pairs() -> Iterator[tuple[str, str]]:
    """The labelled questions whose rule-parser program checks, runs, and calls the labelled tool."""
    import dsl
    from graphs.planning.nl import plan_question
    from graphs.planning.to_dsl import render_program
    from graphs.stages.execute import run_program

    for line in LABELLED.read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        if not item.get("tool"):
            continue
        try:
            intents = plan_question(item["question"], item.get("mode", "general"))
            if not intents or intents[0].tool != item["tool"]:
                continue
            program = render_program(intents)
            dsl.check(dsl.parse(program), env={})
            results, _ = run_program(program, {})
        except Exception:  # noqa: BLE001 - a pair that cannot be verified is left out, whatever the reason
            continue
        if results and not any(r.get("error") for r in results):
            yield item["question"], program


def sampled_pairs(count: int, seed: int) -> Iterator[tuple[str, str]]:
    import dsl

    rng = random.Random(seed)
    for _ in range(count):
        question, program = rng.choice(GENERATORS)(rng)
        dsl.parse(program)  # a generator bug must fail the build, not train the model on it
        yield question, program


def eval_questions() -> list[str]:
    if not EVAL_SET.is_file():
        return []
    return [json.loads(line)["question"] for line in EVAL_SET.read_text(encoding="utf-8").splitlines() if line.strip()]


def overlap(pairs: list[tuple[str, str]], questions: list[str]) -> list[str]:
    """Evaluation questions that also occur (normalised) among the training questions."""
    seen = {normalise(q) for q, _ in pairs}
    return [q for q in questions if normalise(q) in seen]


def build_pairs(sampled: int, seed: int) -> list[tuple[str, str]]:
    held_out = {normalise(q) for q in eval_questions()}
    pairs = [p for p in [*labelled_pairs(), *sampled_pairs(sampled, seed)] if normalise(p[0]) not in held_out]
    leaked = overlap(pairs, eval_questions())
    if leaked:
        raise ValueError(f"{len(leaked)} evaluation question(s) in the training pairs, e.g. {leaked[0]!r}")
    return pairs


def write_pairs(pairs: list[tuple[str, str]], path: Path, repeat_labelled: int = 1) -> None:
    with path.open("w", encoding="utf-8") as handle:
        for question, program in pairs:
            record = {"messages": [{"role": "user", "content": question}, {"role": "assistant", "content": program}]}
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
