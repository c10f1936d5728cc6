"""Store housekeeping shared by the CLI and the API: what is in it, and wiping it."""

from __future__ import annotations

from filelock import Timeout
from pydantic import BaseModel, Field

from knowledge import settings
from knowledge.ingest import BUILTIN_PREFIX, builtin_manifest, ingest_lock
from knowledge.store import get_store, location
from tools.errors import HavocInputError


class SourceCount(BaseModel):
    source: str
    chunks: int


class StoreStats(BaseModel):
    location: str
    backend: str = Field(description="persistent (embedded) or http (a chroma server)")
    collection: str
    embedding_model: str
    chunks: int
    builtin_articles: int
    builtin_current: bool = Field(description="the store holds this exact version of the built-in corpus")
    user_sources: list[SourceCount]


def stats() -> StoreStats:
    store = get_store()
    meta = store.meta()
    counts = store.source_keys()
    builtin = [k for k in counts if k.startswith(BUILTIN_PREFIX)]
    user = sorted((SourceCount(source=k, chunks=v) for k, v in counts.items() if not k.startswith(BUILTIN_PREFIX)),
                  key=lambda s: s.source)
    return StoreStats(
        location=location(),
        backend="http" if settings.chroma_url() else "persistent",
        collection=store.name,
        embedding_model=store.model_spec,
        chunks=sum(counts.values()),
        builtin_articles=len(builtin),
        builtin_current=meta.get("builtin_manifest") == builtin_manifest(store.model_spec),
        user_sources=user,
    )


class ResetReport(BaseModel):
    location: str
    collection: str
    chunks_removed: int


def reset() -> ResetReport:
    """Drop every passage (built-in ones come back on the next retrieval)."""
    store = get_store()
    try:
        with ingest_lock("reset the knowledge store"):
            removed = store.count()
            store.drop()
    except Timeout:
        raise HavocInputError(f"an ingest holds {settings.lock_path()}; try again when it finishes", field="lock") from None
    return ResetReport(location=location(), collection=store.name, chunks_removed=removed)
