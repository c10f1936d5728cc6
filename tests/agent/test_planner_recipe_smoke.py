"""A short run of the planner recipe: pairs, tokenizer, shards, two training steps, a loadable checkpoint."""

from __future__ import annotations

from pathlib import Path

import pytest
from langchain_core.messages import HumanMessage

from havoc_agent.models import planner_model
from havoc_agent.planner_recipe import build


@pytest.mark.slow
def test_recipe_builds_a_checkpoint_the_agent_loads(tmp_path: Path) -> None:
    out = build(tmp_path / "planner", steps=2, sampled=60, seed=0)
    assert (out / "chat_template.jinja").is_file() and not (out / "training_state.pt").exists()
    reply = planner_model(out).invoke([HumanMessage("mean of 3, 4 and 5")], max_tokens=8)
    assert reply.response_metadata["grammar"]["steps"] >= 1
