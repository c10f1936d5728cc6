"""The --model seam, the planner's training pairs and their separation from the evaluation set."""

from __future__ import annotations

from pathlib import Path

import pytest

import dsl
from havoc_agent.chat_havoc import ChatHavoc
from havoc_agent.models import load_chat_model
from havoc_agent.planner_data import eval_questions, overlap, sampled_pairs
from tools.errors import HavocInputError


def test_model_seam(tiny_checkpoint: Path, tmp_path: Path) -> None:
    model = load_chat_model(str(tiny_checkpoint))
    assert isinstance(model, ChatHavoc) and model.grammar == "dsl" and model.plans_from_question_alone
    assert load_chat_model("none") is None
    with pytest.raises(HavocInputError, match="config.json missing"):
        load_chat_model(str(tmp_path))


def test_sampled_pairs_parse_and_never_hold_an_evaluation_question() -> None:
    questions = eval_questions()
    assert len(questions) >= 310  # both held-out sets
    pairs = list(sampled_pairs(400, seed=0))
    for _, program in pairs[:50]:
        dsl.check(dsl.parse(program), env={})
    assert overlap(pairs, questions) == []
    assert overlap([(questions[3].upper() + "  ", "describe [1]")], questions) == [questions[3]]


def test_the_planner_model_reads_through_the_agent(tiny_checkpoint: Path) -> None:
    from graphs.srs import run

    state = run("mean of 4, 8 and 15", model=load_chat_model(str(tiny_checkpoint)))
    assert state["readings"][0]["planner"] == "nl_parser"
    # an untrained model's constrained program is either checked (a second reading) or dropped
    assert state["agreement"] in ("single", "agree", "disagree")
    plans = [e for e in state["trace"] if e["node"] == "PLAN" and e["status"] == "end"]
    assert "chat_model" in plans[0]["detail"]


def test_the_shipped_planner_is_the_default_only_with_a_good_record(tiny_checkpoint: Path, tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    import json
    import shutil

    from havoc_agent import models

    shipped = tmp_path / "planner"
    shutil.copytree(tiny_checkpoint, shipped)
    monkeypatch.setattr(models, "SHIPPED_PLANNER", shipped)
    used, why = models.shipped_planner_status()
    assert not used and "eval.json missing" in why and load_chat_model(None) is None
    (shipped / "eval.json").write_text(json.dumps({"model_execution_match": 0.5}))
    used, why = models.shipped_planner_status()
    assert not used and "50%" in why and load_chat_model(None) is None
    (shipped / "eval.json").write_text(json.dumps({"model_execution_match": 0.75}))
    assert models.shipped_planner_status()[0] and isinstance(load_chat_model(None), ChatHavoc)
