"""A design "in blocks", "8 runs a day": the full design in blocks, never a fraction; its analysis keeps the blocks."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from graphs.planning.nl import plan_question
from graphs.srs import run, thread_memory
from tools.errors import HavocInputError

FILTRATION = [45, 71, 48, 65, 68, 60, 80, 65, 43, 100, 45, 104, 75, 86, 70, 96]  # Montgomery Example 6.2


@pytest.mark.parametrize(("question", "factors", "blocks"), [
    ("Design a 2^4 factorial in two blocks of 8", 4, 2),
    ("2^4 full factorial, we can only run 8 per day", 4, 2),
    ("I have 4 factors at two levels and can only do 8 runs per day", 4, 2),
    ("4 factors, 2 levels each, in two blocks of 8", 4, 2),
    ("factorial design for temperature, pressure, time and speed; only 8 runs fit in one day", 4, 2),
    ("2^5 factorial in blocks of 8", 5, 4),
    ("a 2^4 experiment run in four blocks", 4, 4),
    ("full factorial, 3 factors, blocks of 4 runs", 3, 2),
    ("2^4 factorial, two batches of raw material, 8 runs per batch", 4, 2),
])
def test_blocks_of_a_full_design_not_a_fraction(question: str, factors: int, blocks: int) -> None:
    (intent,) = plan_question(question, "doe")
    assert intent.tool == "doe_design" and intent.args["design"] == "full_factorial"
    count = intent.args["factors"] if isinstance(intent.args["factors"], int) else len(intent.args["factors"])
    assert count == factors and intent.args["blocks"] == blocks
    assert "runs" not in intent.args and "resolution" not in intent.args


def test_a_block_count_that_contradicts_the_block_size_is_asked_about() -> None:
    with pytest.raises(HavocInputError, match="^blocks: 2 blocks of 8 runs make 16 runs, but the full design has 32"):
        plan_question("2^5 factorial in two blocks of 8", "doe")


def test_replicates_run_one_a_day_are_blocks_with_nothing_confounded() -> None:
    state = run("2^3 factorial with 2 replicates, 8 runs per day")
    out = state["results"][0]["output"]
    assert out["blocks"] == 2 and out["confounded_with_blocks"] == [] and out["block"] == [1] * 8 + [2] * 8
    assert "whole replicates" in state["answer"]["markdown"]


def test_the_answer_names_the_blocks_and_audits_them() -> None:
    state = run("Design a 2^4 factorial in two blocks of 8")
    assert state["audit_passed"]
    names = {c["name"] for c in state["audit_checks"]}
    assert {"block sizes", "confounded with blocks"} <= names
    assert "in 2 blocks of 8 (ABCD confounded with blocks)" in state["answer"]["markdown"]
    assert any(a["topic"] == "blocking" and a["stance"] == "pro" for a in state["arguments"])


def test_analysis_of_a_blocked_design_keeps_its_blocks(tmp_path: Path) -> None:
    # Montgomery Example 7.2: block 1 (ABCD = +1) made with a poorer batch, 20 units lower
    signs = np.prod([[1 if (i >> j) & 1 else -1 for j in range(4)] for i in range(16)], axis=1)
    y = [v - 20 if s > 0 else v for v, s in zip(FILTRATION, signs, strict=True)]
    with thread_memory(tmp_path / "threads.sqlite") as saver:
        run("2^4 factorial in two blocks of 8", thread_id="b", checkpointer=saver)
        state = run("analyse it with these responses: " + ", ".join(map(str, y)), thread_id="b", checkpointer=saver)
    effects = [r for r in state["results"] if r["tool"] == "doe_effects"][-1]
    assert effects["args"]["block"] and effects["output"]["confounded_with_blocks"] == {"ABCD": -18.625}
    assert abs(effects["output"]["blocks"]["ss"] - 1387.5625) < 1e-9
    assert state["audit_passed"] and any(c["name"] == "block SS" for c in state["audit_checks"])


def test_one_question_with_blocked_responses_is_analysed_with_its_blocks() -> None:
    signs = np.prod([[1 if (i >> j) & 1 else -1 for j in range(4)] for i in range(16)], axis=1)
    y = [v - 20 if s > 0 else v for v, s in zip(FILTRATION, signs, strict=True)]
    state = run("Analyse the effects of a 2^4 factorial run in two blocks of 8: responses " + ", ".join(map(str, y)))
    effects = [r for r in state["results"] if r["tool"] == "doe_effects"][-1]
    assert effects["output"]["confounded_with_blocks"] == {"ABCD": -18.625}
    assert sorted(effects["output"]["active"]) == ["A", "AC", "AD", "C", "D"]
    assert state["audit_passed"]
