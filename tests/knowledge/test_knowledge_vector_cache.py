"""The shipped vector cache must cover the corpus and agree with the model."""

from __future__ import annotations

import numpy as np

from knowledge import settings, vector_cache
from knowledge.documents import load_document
from knowledge.embeddings import get_embedder
from knowledge.ingest import BUILTIN_PREFIX, CORPUS_DIR, chunks_of, embedding_text


def corpus_texts() -> list[str]:
    texts = []
    for path in sorted(CORPUS_DIR.glob("*.md")):
        doc = load_document(path, source_key=f"{BUILTIN_PREFIX}{path.name}")
        texts.extend(embedding_text(doc.title, c.section, c.text) for c in chunks_of(doc))
    return texts


def test_cache_covers_every_built_in_passage() -> None:
    texts = corpus_texts()
    found = vector_cache.lookup(settings.embedding_model(), texts)
    stale = [t.splitlines()[0] for t, v in zip(texts, found, strict=True) if v is None]
    assert not stale, f"run `python -m knowledge.vector_cache`; stale passages: {stale[:5]}"


def test_cached_vectors_match_the_model() -> None:
    texts = corpus_texts()[::97][:3]
    cached = np.vstack(vector_cache.lookup(settings.embedding_model(), texts))
    fresh = get_embedder().embed(texts)
    cosine = np.sum(cached * fresh, axis=1)
    assert np.all(cosine > 0.999)
    assert np.allclose(np.linalg.norm(cached, axis=1), 1.0, atol=1e-3)


def test_an_unknown_model_gets_no_cached_vectors() -> None:
    assert vector_cache.lookup("/models/some-other-model", ["anything"]) == [None]
