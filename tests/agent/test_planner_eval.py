"""`eval planner`'s counts on a few held-out questions: every question lands in exactly one verdict per reader."""

from __future__ import annotations

from pathlib import Path

from havoc_agent.models import load_chat_model
from havoc_agent.planner_data import EVAL_SET
from havoc_agent.planner_eval import evaluate


def test_counts_add_up_and_disagreements_are_a_subset(tiny_checkpoint: Path, tmp_path: Path) -> None:
    subset = tmp_path / "eval.jsonl"
    subset.write_text("\n".join(EVAL_SET.read_text(encoding="utf-8").splitlines()[:4]) + "\n", encoding="utf-8")
    report = evaluate(load_chat_model(str(tiny_checkpoint)), subset)
    assert report["questions"] == 4
    for who in ("rules", "model", "both"):
        assert sum(report["counts"][who].values()) == 4
    disagreed = report["both_disagreed"]
    assert disagreed["right"] <= report["counts"]["both"]["right"]
    assert disagreed["wrong"] <= report["counts"]["both"]["wrong"]
    assert 0.0 <= report["model_parse_rate"] <= 1.0
    only = report["both_model_only"]  # the rules refused these; they cannot also be disagreements
    assert only["right"] + only["wrong"] <= report["counts"]["rules"]["refused"]
    assert report["both_confident_wrong"] == report["counts"]["both"]["wrong"] - disagreed["wrong"] - only["wrong"] >= 0
    assert report["set"] == str(subset)

    rules_only = evaluate(None, subset)
    assert "model" not in rules_only["counts"] and rules_only["counts"]["both"] == rules_only["counts"]["rules"]
