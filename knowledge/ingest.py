"""Putting files into the store: incremental, locked, and never half-done.

Chunk ids are hashes of what the chunk says and where it sits, so re-ingesting an
unchanged file writes nothing, and a changed file only embeds its new chunks and
removes the ones that disappeared. Per file, new chunks are written before stale
ones are deleted: a crash in between leaves a duplicate, never a hole, and the
next ingest tidies it. A file lock keeps two ingests from interleaving.
"""

from __future__ import annotations

import hashlib
import json
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
from filelock import FileLock, Timeout
from pydantic import BaseModel, Field

from knowledge import settings, vector_cache
from knowledge.chunking import Chunk, chunk_markdown, chunk_plain
from knowledge.documents import SUPPORTED_SUFFIXES, Document, load_document
from knowledge.embeddings import get_embedder
from knowledge.store import Store, get_store, location
from tools.errors import HavocInputError

CORPUS_DIR = Path(__file__).resolve().parent / "corpus"
BUILTIN_PREFIX = "builtin:"
CHUNKER_VERSION = "2"  # bump when chunking changes, so stores re-chunk themselves
DEFAULT_TOPIC = "general"
LOCK_TIMEOUT_S = 600.0
EMBED_BATCH = 16  # short batches pad less; measured faster than 32 on CPU
GROUP_CHUNKS = 256

Warn = Callable[[str], None]


class SkippedFile(BaseModel):
    path: str
    reason: str


class IngestReport(BaseModel):
    store: str
    files_seen: int = 0
    files_added: int = 0
    files_changed: int = 0
    files_unchanged: int = 0
    chunks_added: int = 0
    chunks_removed: int = 0
    total_chunks: int = 0
    seconds: float = 0.0
    skipped: list[SkippedFile] = Field(default_factory=list)


def _stderr_warning(message: str) -> None:
    print(f"warning: {message}", file=sys.stderr)


def discover(paths: Iterable[str | Path], warn: Warn, report: IngestReport) -> list[Path]:
    """Files to ingest: given files as they are, folders searched for supported, non-hidden files."""
    found: list[Path] = []
    for raw in paths:
        path = Path(raw).expanduser()
        if path.is_dir():
            for item in sorted(path.rglob("*")):
                rel = item.relative_to(path).parts
                if item.is_file() and item.suffix.lower() in SUPPORTED_SUFFIXES and not any(p.startswith(".") for p in rel):
                    found.append(item)
        elif path.exists():
            found.append(path)
        else:
            _skip(report, warn, path, "no such file or folder")
    unique: dict[str, Path] = {}
    for item in found:
        unique.setdefault(str(item.resolve()), item)
    return list(unique.values())


def _skip(report: IngestReport, warn: Warn, path: Path | str, reason: str) -> None:
    report.skipped.append(SkippedFile(path=str(path), reason=reason))
    warn(f"{path}: {reason} (skipped)")


def chunks_of(doc: Document) -> list[Chunk]:
    if doc.kind == "markdown":
        return chunk_markdown(doc.body)
    if doc.kind == "pdf":
        return [c for n, page in enumerate(doc.pages, 1) if page for c in chunk_plain(page, section=f"page {n}")]
    return chunk_plain(doc.body)


def embedding_text(title: str, section: str, text: str) -> str:
    """What the model reads: the title and section say what a short passage is about."""
    head = f"{title}. {section}." if section and section != "Overview" else f"{title}."
    return f"{head}\n{text}"


def _records(doc: Document, chunks: list[Chunk], builtin: bool) -> list[tuple[str, str, dict[str, Any]]]:
    topics = doc.topics or [DEFAULT_TOPIC]
    seen: dict[str, int] = {}
    out = []
    for index, chunk in enumerate(chunks):
        basis = "\x00".join([CHUNKER_VERSION, doc.source_key, doc.title, chunk.section, ",".join(topics), chunk.text])
        digest = hashlib.sha256(basis.encode("utf-8")).hexdigest()[:32]
        seen[digest] = seen.get(digest, 0) + 1
        chunk_id = digest if seen[digest] == 1 else f"{digest}-{seen[digest]}"
        meta = {
            "source": doc.source,
            "source_key": doc.source_key,
            "title": doc.title,
            "section": chunk.section,
            "topics": topics,
            "topics_text": ",".join(topics),
            "kind": doc.kind,
            "chunk_index": index,
            "builtin": builtin,
        }
        out.append((chunk_id, chunk.text, meta))
    return out


@dataclass
class _Pending:
    """One file's change set, waiting for its new chunks to be embedded."""

    doc: Document
    fresh: list[tuple[str, str, dict[str, Any]]]
    stale: set[str]
    existed: bool


def _plan(store: Store, doc: Document, builtin: bool) -> _Pending | None:
    """What must change for this document; None when the store already matches it."""
    records = _records(doc, chunks_of(doc), builtin)
    wanted = {r[0] for r in records}
    existing = store.ids_for(doc.source_key)
    fresh = [r for r in records if r[0] not in existing]
    stale = existing - wanted
    if not fresh and not stale:
        return None
    return _Pending(doc, fresh, stale, bool(existing))


def _embed(store: Store, texts: list[str], bar: Any) -> np.ndarray:
    """Vectors for texts: from the shipped cache where possible, the model for the rest."""
    cached = vector_cache.lookup(store.model_spec, texts)
    missing = [i for i, v in enumerate(cached) if v is None]
    if missing:
        embedder = get_embedder(store.model_spec)
        computed: list[np.ndarray] = []
        for start in range(0, len(missing), EMBED_BATCH):
            part = [texts[i] for i in missing[start : start + EMBED_BATCH]]
            computed.extend(embedder.embed(part, batch_size=EMBED_BATCH))
            bar.update(len(part))
        for i, vector in zip(missing, computed, strict=True):
            cached[i] = vector
    bar.update(len(texts) - len(missing))
    if not cached:
        return np.zeros((0, 0), dtype=np.float32)
    return np.vstack([np.asarray(v, dtype=np.float32) for v in cached])


def _apply(store: Store, group: list[_Pending], report: IngestReport, bar: Any) -> None:
    """Embed a group of files' new chunks, then write file by file: add first, delete stale after."""
    texts = [embedding_text(m["title"], m["section"], t) for p in group for _, t, m in p.fresh]
    vectors = _embed(store, texts, bar)
    offset = 0
    for pending in group:
        fresh = pending.fresh
        if fresh:
            block = vectors[offset : offset + len(fresh)]
            store.add([r[0] for r in fresh], block, [r[1] for r in fresh], [r[2] for r in fresh])
        offset += len(fresh)
        if pending.stale:
            store.delete(pending.stale)
        if pending.existed:
            report.files_changed += 1
        else:
            report.files_added += 1
        report.chunks_added += len(fresh)
        report.chunks_removed += len(pending.stale)


def ingest_lock(action: str = "write to the knowledge store") -> FileLock:
    """The one lock every writer takes (ingest, reset), so writes never interleave.

    A read-only home is said here, in one line naming what could not be done.
    """
    if not settings.chroma_url():
        settings.require_writable(action)
    return FileLock(str(settings.lock_path()), timeout=LOCK_TIMEOUT_S)


SOURCES_FILE = "ingested-sources.json"


def record_sources(keys: Iterable[str]) -> None:
    """Remember, outside the store, which documents the user ingested (call under the ingest lock).

    Why: when the store is damaged and rebuilt, the built-in corpus comes back by itself, but
    only this list can tell the user which of their own documents to ingest again.
    """
    path = settings.home() / SOURCES_FILE
    known = set(ingested_sources())
    new = known | set(keys)
    if new != known:
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(sorted(new), indent=1), encoding="utf-8")
        tmp.replace(path)


def ingested_sources() -> list[str]:
    path = settings.home() / SOURCES_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    return [str(k) for k in data] if isinstance(data, list) else []


def _ingest_files(
    store: Store,
    files: Sequence[tuple[Path, str | None]],
    topics: list[str] | None,
    builtin: bool,
    progress: bool,
    warn: Warn,
    report: IngestReport,
) -> bool:
    """Read and plan every file, then embed and write in groups of about GROUP_CHUNKS chunks.

    Grouping keeps the model busy with full batches across small files, while a
    crash part-way loses at most one group of work. True if the store changed.
    """
    from tqdm import tqdm

    plans: list[_Pending] = []
    for path, key in files:
        report.files_seen += 1
        try:
            doc = load_document(path, source_key=key, topics=topics)
            if not chunks_of(doc):
                raise HavocInputError("has no text to index", field=str(path))
        except HavocInputError as exc:
            _skip(report, warn, path, str(exc).removeprefix(f"{path}: "))
            continue
        plan = _plan(store, doc, builtin)
        if plan is None:
            report.files_unchanged += 1
        else:
            plans.append(plan)
    if not plans:
        return False
    total = sum(len(p.fresh) for p in plans)
    disable = None if progress else True
    with tqdm(total=total, desc="embedding", unit="chunk", file=sys.stderr, disable=disable, leave=False) as bar:
        group: list[_Pending] = []
        size = 0
        for plan in plans:
            group.append(plan)
            size += len(plan.fresh)
            if size >= GROUP_CHUNKS:
                _apply(store, group, report, bar)
                group, size = [], 0
        if group:
            _apply(store, group, report, bar)
    return True


def ingest_paths(
    paths: Iterable[str | Path],
    *,
    topics: list[str] | None = None,
    progress: bool = True,
    warn: Warn | None = None,
    store: Store | None = None,
) -> IngestReport:
    """Ingest markdown, text and PDF files (folders are searched); bad files are skipped with a warning."""
    warn = warn or _stderr_warning
    started = time.perf_counter()
    store = store or get_store()
    report = IngestReport(store=location())
    files = discover(paths, warn, report)
    try:
        with ingest_lock("ingest documents"):
            try:
                changed = _ingest_files(store, [(f, None) for f in files], topics, False, progress, warn, report)
            except BaseException:  # part of a group may be written: make every reader rebuild
                store.update_meta()
                raise
            if changed:
                store.update_meta()
            record_sources(str(f.resolve()) for f in files)
    except Timeout:
        raise HavocInputError(f"another ingest holds {settings.lock_path()}; try again when it finishes", field="lock") from None
    report.total_chunks = store.count()
    report.seconds = round(time.perf_counter() - started, 3)
    return report


def builtin_manifest(model_spec: str) -> str:
    """A hash of the built-in corpus as shipped: equal hashes mean nothing to do.

    Checked on every retrieval, so the hash is memoised on the files' names,
    sizes and modification times; the contents are read only when those change.
    """
    files = sorted(CORPUS_DIR.glob("*.md"))
    fingerprint = tuple((p.name, p.stat().st_size, p.stat().st_mtime_ns) for p in files)
    return _manifest(model_spec, str(CORPUS_DIR), fingerprint)


@lru_cache(maxsize=8)
def _manifest(model_spec: str, corpus_dir: str, fingerprint: tuple) -> str:
    digest = hashlib.sha256(f"{CHUNKER_VERSION}\x00{model_spec}".encode())
    for name, _, _ in fingerprint:
        digest.update(name.encode("utf-8") + b"\x00" + (Path(corpus_dir) / name).read_bytes() + b"\x00")
    return digest.hexdigest()[:32]


def ensure_builtin(store: Store | None = None, *, progress: bool = False, meta: dict | None = None) -> IngestReport | None:
    """Ingest the built-in corpus if the store does not hold this exact version of it.

    Called on every retrieval, so the common case (already there) costs one
    metadata read. Articles removed from the corpus are removed from the store.
    """
    store = store or get_store()
    manifest = builtin_manifest(store.model_spec)
    if (meta if meta is not None else store.meta()).get("builtin_manifest") == manifest:
        return None
    if not settings.chroma_url() and not settings.is_writable(settings.home()):
        return None  # a read-only home serves what it holds; it cannot be brought up to date
    started = time.perf_counter()
    report = IngestReport(store=location())
    lock = ingest_lock("add the built-in corpus")
    try:
        # A reader never waits for another process's writer: waiting here while this process's store
        # connection holds SQLite locks the writer needs deadlocked both (seen with three agents on one home).
        # Whoever holds the lock is bringing the corpus up to date; until then, this retrieval reads what is there.
        held = lock.acquire(timeout=0)
    except Timeout:
        return None
    try:
        with held:  # released once, on leaving
            if store.meta().get("builtin_manifest") == manifest:  # another process did it while we waited
                return None
            files = sorted(CORPUS_DIR.glob("*.md"))
            keys = {f"{BUILTIN_PREFIX}{f.name}" for f in files}
            complete = False
            try:
                _ingest_files(
                    store, [(f, f"{BUILTIN_PREFIX}{f.name}") for f in files], None, True, progress, _stderr_warning, report
                )
                gone = [
                    r.id
                    for r in store.records(where={"builtin": True}, include_text=False)
                    if r.metadata.get("source_key") not in keys
                ]
                if gone:
                    store.delete(gone)
                    report.chunks_removed += len(gone)
                complete = not report.skipped
            finally:  # a partial run records no manifest, so the next use finishes the job
                store.update_meta(builtin_manifest=manifest if complete else "")
    except Timeout:
        raise HavocInputError(f"another ingest holds {settings.lock_path()}; try again when it finishes", field="lock") from None
    report.total_chunks = store.count()
    report.seconds = round(time.perf_counter() - started, 3)
    return report
