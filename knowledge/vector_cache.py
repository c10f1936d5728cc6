"""Precomputed embeddings of the built-in corpus, shipped with the code.

Why: on a busy two-core machine MiniLM embeds a few dozen passages a second, so a
fresh `HAVOC_HOME` would spend a minute or more embedding the built-in corpus on
first use, in every test session and every new container. The cache maps the
SHA-256 of (model, text the model reads) to its vector; a passage whose text or
model changed simply misses and is embedded as usual, so a stale cache costs time,
never correctness. Regenerate after editing the corpus with

    python -m knowledge.vector_cache
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

import numpy as np

from knowledge.embeddings import model_slug

CACHE_DIR = Path(__file__).resolve().parent / "vector_cache"


def text_key(model_spec: str, text: str) -> str:
    return hashlib.sha256(f"{model_slug(model_spec)}\x00{text}".encode()).hexdigest()


def cache_file(model_spec: str) -> Path:
    return CACHE_DIR / f"{model_slug(model_spec)}.npz"


@lru_cache(maxsize=4)
def _load(path: Path, mtime: float) -> dict[str, np.ndarray]:
    try:
        with np.load(path, allow_pickle=False) as data:
            keys = [str(k) for k in data["keys"]]
            vectors = np.asarray(data["vectors"], dtype=np.float32)
    except (OSError, ValueError, KeyError):  # a damaged cache is only a slower start
        return {}
    if vectors.ndim != 2 or len(keys) != len(vectors):
        return {}
    return dict(zip(keys, vectors, strict=True))


def lookup(model_spec: str, texts: list[str]) -> list[np.ndarray | None]:
    """The cached vector for each text, or None where the cache has none."""
    path = cache_file(model_spec)
    if not path.is_file():
        return [None] * len(texts)
    table = _load(path, path.stat().st_mtime)
    return [table.get(text_key(model_spec, t)) for t in texts]


def build(model_spec: str | None = None) -> Path:
    """Embed every passage of the built-in corpus and write the cache file."""
    from knowledge import settings
    from knowledge.documents import load_document
    from knowledge.embeddings import get_embedder
    from knowledge.ingest import BUILTIN_PREFIX, CORPUS_DIR, chunks_of, embedding_text

    spec = model_spec or settings.embedding_model()
    texts: list[str] = []
    for path in sorted(CORPUS_DIR.glob("*.md")):
        doc = load_document(path, source_key=f"{BUILTIN_PREFIX}{path.name}")
        texts.extend(embedding_text(doc.title, c.section, c.text) for c in chunks_of(doc))
    known = lookup(spec, texts)  # unchanged passages keep their vectors; only edits are embedded
    missing = [i for i, v in enumerate(known) if v is None]
    if missing:
        fresh = get_embedder(spec).embed([texts[i] for i in missing], batch_size=16)
        for i, vector in zip(missing, fresh, strict=True):
            known[i] = vector
    vectors = np.vstack([np.asarray(v, dtype=np.float32) for v in known])
    keys = np.array([text_key(spec, t) for t in texts])
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    out = cache_file(spec)
    tmp = out.with_name(out.stem + ".tmp.npz")
    np.savez_compressed(tmp, keys=keys, vectors=vectors.astype(np.float32))
    tmp.replace(out)
    _load.cache_clear()
    return out


if __name__ == "__main__":
    written = build()
    with np.load(written, allow_pickle=False) as saved:
        print(f"{written}: {len(saved['keys'])} vectors")
