"""The `--model` seam: the shipped planner by default, a checkpoint directory, or any LangChain chat model.

- no `--model`: the planner checkpoint shipped in `havoc_model/planner_checkpoint` when it is present and
  its recorded evaluation (`eval.json`, written by `havoc-agent eval planner --record`) reaches
  the execution-match goal; else no model (every stage works without one). A second reader that
  is mostly wrong would not be evidence: its disagreements would cap the confidence of answers
  the rules got right (graphs/confidence.py), so a weak checkpoint is only used when asked for;
- `--model none`: no model;
- `--model DIR`: a `havoc_model` checkpoint directory, wrapped as `ChatHavoc` (grammar-constrained);
- `--model package.module:attribute`: a `BaseChatModel` instance or a zero-argument factory.
"""

from __future__ import annotations

from importlib import import_module
from pathlib import Path

from tools.errors import HavocInputError

SHIPPED_PLANNER = Path(__file__).resolve().parent.parent / "havoc_model" / "planner_checkpoint"
RECORD = "eval.json"
MIN_EXECUTION_MATCH = 0.70  # the goal for the model alone on the held-out questions


def shipped_planner_status() -> tuple[bool, str]:
    """(used by default?, why) for the shipped planner checkpoint."""
    import json

    if not (SHIPPED_PLANNER / "model.safetensors").is_file():
        return False, f"no planner checkpoint in {SHIPPED_PLANNER}"
    record = SHIPPED_PLANNER / RECORD
    if not record.is_file():
        return False, f"{record} missing: run `havoc-agent eval planner --record`"
    try:
        match = float(json.loads(record.read_text(encoding="utf-8"))["model_execution_match"])
    except (ValueError, KeyError, TypeError):
        return False, f"{record} holds no model_execution_match"
    if match < MIN_EXECUTION_MATCH:
        return False, (f"execution-match {match:.0%} on the held-out questions, under the {MIN_EXECUTION_MATCH:.0%} "
                       f"needed to be the default second reader (use --model {SHIPPED_PLANNER} to try it)")
    return True, f"execution-match {match:.0%} on the held-out questions"


def planner_model(directory: str | Path):
    from havoc_agent.chat_havoc import ChatHavoc

    path = Path(directory)
    missing = [name for name in ("config.json", "model.safetensors", "tokenizer.model") if not (path / name).is_file()]
    if missing:
        raise HavocInputError(f"{path} is not a chat checkpoint: {missing[0]} missing", field="--model")
    return ChatHavoc(checkpoint=str(path), model="havoc-planner", grammar="dsl", temperature=0.0,
                     max_tokens=192, plans_from_question_alone=True)


def load_chat_model(spec: str | None):
    if spec is None:
        return planner_model(SHIPPED_PLANNER) if shipped_planner_status()[0] else None
    if not spec or spec.lower() == "none":
        return None
    from langchain_core.language_models import BaseChatModel

    if Path(spec).is_dir():
        return planner_model(spec)
    module_name, _, attr = spec.partition(":")
    if not module_name or not attr:
        raise HavocInputError(f"expected a checkpoint directory, none, or package.module:attribute, got {spec!r}",
                              field="--model")
    try:
        obj = getattr(import_module(module_name), attr)
    except (ImportError, AttributeError) as exc:
        raise HavocInputError(f"cannot load {spec}: {exc}", field="--model") from None
    if not isinstance(obj, BaseChatModel) and callable(obj):
        obj = obj()
    if not isinstance(obj, BaseChatModel):
        raise HavocInputError(f"{spec} is a {type(obj).__name__}, not a LangChain BaseChatModel", field="--model")
    return obj
