"""Putting files into the store: incremental, locked, and never half-done.

Chunk ids are hashes of what the chunk says and where it sits, so re-ingesting an
unchanged file writes nothing, and a changed file only embeds its new chunks and
removes the ones that disappeared. Per file, new chunks are written before stale
ones are deleted: a crash in between leaves a duplicate, never a hole, and the
next ingest tidies it. A file lock keeps two ingests from interleaving.
"""

from __future__ import annotations

import hashlib
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from filelock import FileLock, Timeout
from pydantic import BaseModel, Field

from knowledge import settings
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


def _ingest_document(store: Store, doc: Document, builtin: bool, report: IngestReport) -> bool:
    """Bring one document's chunks up to date; True if the store changed."""
    records = _records(doc, chunks_of(doc), builtin)
    wanted = {r[0] for r in records}
    existing = store.ids_for(doc.source_key)
    fresh = [r for r in records if r[0] not in existing]
    stale = existing - wanted
    if not fresh and not stale:
        report.files_unchanged += 1
        return False
    if fresh:
        vectors = get_embedder(store.model_spec).embed(
            [embedding_text(m["title"], m["section"], t) for _, t, m in fresh]
        )
        store.add([r[0] for r in fresh], vectors, [r[1] for r in fresh], [r[2] for r in fresh])
    if stale:
        store.delete(stale)
    if existing:
        report.files_changed += 1
    else:
        report.files_added += 1
    report.chunks_added += len(fresh)
    report.chunks_removed += len(stale)
    return True


def _lock() -> FileLock:
    return FileLock(str(settings.lock_path()), timeout=LOCK_TIMEOUT_S)


def _ingest_files(
    store: Store,
    files: Sequence[tuple[Path, str | None]],
    topics: list[str] | None,
    builtin: bool,
    progress: bool,
    warn: Warn,
    report: IngestReport,
) -> bool:
    from tqdm import tqdm

    changed = False
    bar = tqdm(files, desc="ingest", unit="file", file=sys.stderr, disable=None if progress else True, leave=False)
    for path, key in bar:
        report.files_seen += 1
        try:
            doc = load_document(path, source_key=key, topics=topics)
            if not chunks_of(doc):
                raise HavocInputError("has no text to index", field=str(path))
        except HavocInputError as exc:
            _skip(report, warn, path, str(exc).removeprefix(f"{path}: "))
            continue
        changed = _ingest_document(store, doc, builtin, report) or changed
    return changed


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
        with _lock():
            changed = False
            try:
                changed = _ingest_files(store, [(f, None) for f in files], topics, False, progress, warn, report)
            finally:
                if changed or report.chunks_added or report.chunks_removed:
                    store.update_meta()
    except Timeout:
        raise HavocInputError(f"another ingest holds {settings.lock_path()}; try again when it finishes", field="lock") from None
    report.total_chunks = store.count()
    report.seconds = round(time.perf_counter() - started, 3)
    return report


def builtin_manifest(model_spec: str) -> str:
    """A hash of the built-in corpus as shipped: equal hashes mean nothing to do."""
    digest = hashlib.sha256(f"{CHUNKER_VERSION}\x00{model_spec}".encode())
    for path in sorted(CORPUS_DIR.glob("*.md")):
        digest.update(path.name.encode("utf-8") + b"\x00" + path.read_bytes() + b"\x00")
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
    started = time.perf_counter()
    report = IngestReport(store=location())
    try:
        with _lock():
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
