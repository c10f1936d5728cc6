"""HAVOC's knowledge: a cited retrieval corpus in Chroma, with offline embeddings.

The one call the reasoning graph needs is `retrieve(query, k, where, mode)`.
"""

from knowledge.retrieval import Passage, retrieve

__all__ = ["Passage", "retrieve"]
