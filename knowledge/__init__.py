"""HAVOC's knowledge: a cited retrieval corpus in Chroma, with offline embeddings.

The one call the reasoning graph needs is `retrieve(query, k, where, mode)`,
returning `Passage`s. Both are loaded on first access so that `import knowledge`
(and `python -m knowledge.vector_cache`) stay light.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from knowledge.retrieval import Passage, retrieve

__all__ = ["Passage", "retrieve"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from knowledge import retrieval

        return getattr(retrieval, name)
    raise AttributeError(f"module 'knowledge' has no attribute {name!r}")
