"""The `--model` seam: any LangChain chat model the user configures.

A spec is `package.module:attribute`, naming a `BaseChatModel` instance or a
zero-argument factory that returns one. (A `havoc_model` checkpoint directory
will plug in here through `ChatHavoc`; until that wrapper exists a directory
is refused with a clear message rather than half-supported.)
"""

from __future__ import annotations

from importlib import import_module
from pathlib import Path

from tools.errors import HavocInputError


def load_chat_model(spec: str | None):
    if not spec:
        return None
    from langchain_core.language_models import BaseChatModel

    if Path(spec).is_dir():
        raise HavocInputError(f"{spec} is a checkpoint directory; the ChatHavoc wrapper over havoc_model is not "
                              "part of this release yet: pass a module:attribute chat model", field="--model")
    module_name, _, attr = spec.partition(":")
    if not module_name or not attr:
        raise HavocInputError(f"expected package.module:attribute, got {spec!r}", field="--model")
    try:
        obj = getattr(import_module(module_name), attr)
    except (ImportError, AttributeError) as exc:
        raise HavocInputError(f"cannot load {spec}: {exc}", field="--model") from None
    if not isinstance(obj, BaseChatModel) and callable(obj):
        obj = obj()
    if not isinstance(obj, BaseChatModel):
        raise HavocInputError(f"{spec} is a {type(obj).__name__}, not a LangChain BaseChatModel", field="--model")
    return obj
