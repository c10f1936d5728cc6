"""Sentence embeddings computed by us, from model files on disk, never from a hub.

Why we compute them instead of handing Chroma an embedding function: Chroma's
functions record absolute paths in the collection and try to download models.
Why sentence-transformers is imported inside `Embedder._load` only: `knowledge
stats`, `reset` and the lexical path must stay fast and must not pay for torch.

Two encoders, one function. Batches (ingest, the vector cache) go through
sentence-transformers, which is fastest on many long passages. A single
question (`embed_query`, what every `havoc-agent ask` does) goes through
`knowledge.bert_encoder`, the same network in numpy, when the model is a
plain BERT with mean pooling: it answers in milliseconds without importing
torch, transformers and scikit-learn (5-8 s of a cold ask). The test suite
holds the two to cosine >= 0.99999 on the shipped model.
"""

from __future__ import annotations

import importlib
import os
import re
import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from knowledge import settings
from tools.errors import HavocInputError

if TYPE_CHECKING:
    import numpy as np

_MODEL_FILES = ("modules.json", "config.json")
_QUERY_CACHE_SIZE = 256


def _looks_like_model_dir(path: Path) -> bool:
    return path.is_dir() and any((path / name).is_file() for name in _MODEL_FILES)


def resolve_model_dir(spec: str) -> Path:
    """A directory of model files from a path or an installed package that bundles one."""
    candidate = Path(spec).expanduser()
    if candidate.exists():
        if _looks_like_model_dir(candidate):
            return candidate.resolve()
        raise HavocInputError(f"{spec} is not a sentence-transformers model directory", field="HAVOC_EMBEDDING_MODEL")
    module_name = spec.replace("-", "_")
    if not module_name.isidentifier():
        raise HavocInputError(f"{spec} is neither a directory nor an installed package", field="HAVOC_EMBEDDING_MODEL")
    try:
        module = importlib.import_module(module_name)
    except ImportError:
        raise HavocInputError(f"{spec} is neither a directory nor an installed package", field="HAVOC_EMBEDDING_MODEL") from None
    getter = getattr(module, "get_model_path", None)
    if callable(getter):
        path = Path(getter())
    else:
        path = Path(getattr(module, "__file__", "") or ".").parent / "model"
    if not _looks_like_model_dir(path):
        raise HavocInputError(f"package {spec} has no model files at {path}", field="HAVOC_EMBEDDING_MODEL")
    return path.resolve()


def model_slug(spec: str) -> str:
    """A short, stable name for the model, used to keep one Chroma collection per model.

    Vectors from two models must never share a collection; the name depends on the
    model, not on where a virtual environment happens to be installed.
    """
    base = Path(spec.rstrip("/\\")).name or spec
    slug = re.sub(r"[^a-z0-9]+", "-", base.lower()).strip("-")
    return (slug or "model")[:48].strip("-")


@dataclass
class Embedder:
    """Unit-length vectors from one model, loaded once per process on first use."""

    spec: str
    model_dir: Path
    _model: Any = field(default=None, repr=False)
    _query_encoder: Any = field(default=None, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    _query_cache: OrderedDict[str, list[float]] = field(default_factory=OrderedDict, repr=False)
    _cache_lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def _load(self) -> Any:
        with self._lock:
            if self._model is None:
                os.environ.setdefault("HF_HUB_OFFLINE", "1")
                os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
                os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
                os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
                from sentence_transformers import SentenceTransformer
                from transformers.utils import logging as hf_logging

                hf_logging.disable_progress_bar()
                self._model = SentenceTransformer(str(self.model_dir), device="cpu", local_files_only=True)
            return self._model

    @property
    def dimension(self) -> int:
        model = self._load()
        getter = getattr(model, "get_embedding_dimension", None) or model.get_sentence_embedding_dimension
        return int(getter())

    def embed(self, texts: list[str], batch_size: int = 32) -> np.ndarray:
        """Row i is the normalised embedding of texts[i] (cosine similarity is a dot product)."""
        import numpy as np

        if not texts:
            return np.zeros((0, 0), dtype=np.float32)
        model = self._load()
        vectors = model.encode(
            texts,
            batch_size=batch_size,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        )
        return np.asarray(vectors, dtype=np.float32)

    def _load_query_encoder(self) -> Any:
        """The numpy encoder when it computes this model exactly, else False (use sentence-transformers)."""
        with self._lock:
            if self._query_encoder is None:
                from knowledge import bert_encoder

                supported = bert_encoder.supports(self.model_dir)
                self._query_encoder = bert_encoder.BertEncoder(self.model_dir) if supported else False
            return self._query_encoder

    def embed_query(self, text: str) -> list[float]:
        """One question's vector; repeated questions (the agent retries, users re-ask) skip the model."""
        with self._cache_lock:
            cached = self._query_cache.get(text)
            if cached is not None:
                self._query_cache.move_to_end(text)
                return cached
        encoder = self._load_query_encoder()
        vector = (encoder.encode([text]) if encoder else self.embed([text]))[0].tolist()
        with self._cache_lock:
            self._query_cache[text] = vector
            while len(self._query_cache) > _QUERY_CACHE_SIZE:
                self._query_cache.popitem(last=False)
        return vector


_EMBEDDERS: dict[str, Embedder] = {}
_EMBEDDERS_LOCK = threading.Lock()


def get_embedder(spec: str | None = None) -> Embedder:
    """The process-wide embedder for a model spec (default: the configured one)."""
    spec = spec or settings.embedding_model()
    with _EMBEDDERS_LOCK:
        embedder = _EMBEDDERS.get(spec)
        if embedder is None:
            embedder = Embedder(spec=spec, model_dir=resolve_model_dir(spec))
            _EMBEDDERS[spec] = embedder
        return embedder
