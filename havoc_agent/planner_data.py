"""Training pairs for the planner model: (question, DSL program), every program verified.

Two sources:
- the labelled agent questions (tests/data/agent_questions.jsonl): the rule parser's program
  is kept only when it parses, checks, runs without error and calls the tool the label names;
- sampled specifications (`planner_specs`: designs, data and tests, charts, expressions)
  rendered in many phrasings; the program is written from the specification itself, not by
  the rule parser, so the model is a second reader, not a copy.

Written for training, each pair's runs of numbers become list slots (`havoc_model.list_slots`).

Nothing from the evaluation sets may enter (`HELD_OUT_SETS`): sampling draws again on meeting
one, `overlap` normalises questions, and the recipe refuses to build when any evaluation question
appears in the training pairs.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Iterator
from pathlib import Path

from havoc_agent.planner_specs import sample
from havoc_model.list_slots import slot_pair

REPO = Path(__file__).resolve().parent.parent
LABELLED = REPO / "tests" / "data" / "agent_questions.jsonl"
EVAL_SET = REPO / "tests" / "data" / "planner_eval.jsonl"
FRESH_SET = REPO / "tests" / "data" / "planner_fresh" / "planner_eval2.jsonl"  # written blind, see its README
HELD_OUT_SETS = (EVAL_SET, FRESH_SET)


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
    """`count` sampled pairs; a draw that happens to be an evaluation question is drawn again."""
    import dsl

    rng = random.Random(seed)
    held_out = {normalise(q) for q in eval_questions()}
    made = 0
    while made < count:
        question, program = sample(rng)
        if normalise(question) in held_out:  # short random expressions can meet one ("limit as x goes to 1 of ...")
            continue
        dsl.check(dsl.parse(program), env={})  # a generator bug must fail the build, not train the model on it
        made += 1
        yield question, program


def eval_questions() -> list[str]:
    """The questions of every held-out planner set."""
    return [json.loads(line)["question"] for path in HELD_OUT_SETS if path.is_file()
            for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


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


def write_pairs(pairs: list[tuple[str, str]], path: Path) -> None:
    """JSONL chat records, with runs of numbers as list slots (as ChatHavoc shows them to the model)."""
    with path.open("w", encoding="utf-8") as handle:
        for raw_question, raw_program in pairs:
            question, program = slot_pair(raw_question, raw_program)
            record = {"messages": [{"role": "user", "content": question}, {"role": "assistant", "content": program}]}
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
