"""The Chroma collection that holds every passage, one collection per embedding model.

Embedded `PersistentClient` under `$HAVOC_HOME/chroma` by default; an `HttpClient`
to a `chroma run` server when `HAVOC_CHROMA_URL` is set, which is how several
processes or machines share one store. Telemetry is off in both.

The collection's own metadata carries a `generation` number that every change
bumps, so the in-memory lexical index (and any other process's) knows when to
rebuild without listing the whole store on each query.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from filelock import FileLock, Timeout

from knowledge import settings
from knowledge.embeddings import model_slug
from tools.errors import HavocInputError

COLLECTION_PREFIX = "havoc-kb-"
CREATION_TIMEOUT_S = 120.0
_CLIENTS: dict[str, Any] = {}
_CLIENTS_LOCK = threading.Lock()


def _client() -> Any:
    import chromadb
    from chromadb.config import Settings

    chroma_settings = Settings(anonymized_telemetry=False)
    url = settings.chroma_url()
    if url:
        parsed = urlparse(url if "://" in url else f"http://{url}")
        if parsed.scheme not in ("http", "https") or not parsed.hostname:
            raise HavocInputError(f"{url!r} is not an http(s) URL", field="HAVOC_CHROMA_URL")
        key = f"http:{parsed.geturl()}"
        with _CLIENTS_LOCK:
            if key not in _CLIENTS:
                try:
                    _CLIENTS[key] = chromadb.HttpClient(
                        host=parsed.hostname,
                        port=parsed.port or (443 if parsed.scheme == "https" else 8000),
                        ssl=parsed.scheme == "https",
                        settings=chroma_settings,
                    )
                except Exception as exc:  # the server is down or not Chroma: the user's setting
                    raise HavocInputError(f"cannot reach Chroma at {url}: {exc}", field="HAVOC_CHROMA_URL") from None
            return _CLIENTS[key]
    path = settings.chroma_path()
    key = f"path:{path}"
    with _CLIENTS_LOCK:
        if key not in _CLIENTS:
            with creation_lock():
                if not path.is_dir():
                    settings.require_writable(f"create the knowledge store {path}")
                    path.mkdir(parents=True, exist_ok=True)
                check_sqlite(path / "chroma.sqlite3", "the knowledge store")
                opened = path if settings.is_writable(settings.home()) else _read_only_snapshot(path)
                try:
                    _CLIENTS[key] = chromadb.PersistentClient(path=str(opened), settings=chroma_settings)
                except Exception as exc:  # a file Chroma cannot read: damaged, not our bug, and repairable
                    raise damaged("the knowledge store", path, exc) from None
        return _CLIENTS[key]


MAX_SNAPSHOT_BYTES = 2 * 2**30


def _read_only_snapshot(path: Path) -> Path:
    """A private copy of a store in a read-only home, so that reads work.

    Why: Chroma's embedded client writes to its SQLite file as it opens it (even to read),
    which a read-only mount refuses. A copy in the temporary directory serves every read;
    it is deleted when the process ends, and writes are refused before they get here.
    """
    import atexit
    import shutil
    import tempfile

    size = sum(f.stat().st_size for f in path.rglob("*") if f.is_file())
    if size > MAX_SNAPSHOT_BYTES:
        raise HavocInputError(f"{settings.home()} is read-only and its store ({size // 2**20:,} MiB) is too large to "
                              "read from a private copy; make it writable or use HAVOC_CHROMA_URL", field="HAVOC_HOME")
    copy = Path(tempfile.mkdtemp(prefix="havoc-read-only-store-"))
    atexit.register(shutil.rmtree, copy, ignore_errors=True)
    shutil.copytree(path, copy, dirs_exist_ok=True)
    return copy


@contextlib.contextmanager
def creation_lock() -> Iterator[None]:
    """Serialise creating the store's tables and collection across processes.

    Why: two processes opening a fresh `$HAVOC_HOME` at once both ran Chroma's table
    creation, and one failed with "table collections already exists", losing its ingest.
    A home that cannot be written cannot be created either: reads go on without the lock.
    """
    try:
        lock = FileLock(str(settings.home() / "store.lock"), timeout=CREATION_TIMEOUT_S)
        lock.acquire()
    except OSError:  # read-only home: nothing can be created, so nothing can race
        yield
        return
    except Timeout:
        raise HavocInputError(f"another process holds {settings.home() / 'store.lock'} for more than "
                              f"{CREATION_TIMEOUT_S:g} s", field="HAVOC_HOME") from None
    try:
        yield
    finally:
        lock.release()


def check_sqlite(path: Path, what: str) -> None:
    """Refuse a SQLite file that is not one, or fails SQLite's own quick check (damage, truncation)."""
    if not path.exists():
        return
    problem = sqlite_problem(path)
    if problem:
        raise damaged(what, path, problem)


def sqlite_problem(path: Path) -> str | None:
    """None for a sound database file, else what is wrong with it (read-only: never writes)."""
    import sqlite3

    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=30)
        try:
            row = conn.execute("PRAGMA quick_check").fetchone()
        finally:
            conn.close()
    except sqlite3.Error as exc:
        return str(exc)
    return None if row and row[0] == "ok" else f"quick_check: {row[0] if row else 'no answer'}"


def damaged(what: str, path: Path, cause: object) -> HavocInputError:
    detail = " ".join(str(cause).split())[:160]
    return HavocInputError(f"{what} at {path} is damaged ({detail}); `havoc-agent doctor --repair` moves it "
                           "aside and rebuilds it", field="HAVOC_HOME")


def location() -> str:
    """Where the store lives, for messages and `knowledge stats`."""
    return settings.chroma_url() or str(settings.chroma_path())


@dataclass
class Record:
    id: str
    text: str
    metadata: dict[str, Any]


class Store:
    """Thin, typed access to the one collection; every write goes through here."""

    def __init__(self, model_spec: str | None = None) -> None:
        self.model_spec = model_spec or settings.embedding_model()
        self.name = f"{COLLECTION_PREFIX}{model_slug(self.model_spec)}"
        self.client = _client()
        self._collection = self._open()

    def _open(self) -> Any:
        if not settings.chroma_url():
            with creation_lock():
                return self._get_or_create()
        return self._get_or_create()

    def _get_or_create(self) -> Any:
        try:
            return self.client.get_collection(self.name, embedding_function=None)
        except Exception:  # not there yet: only a writable home can make it
            if not settings.chroma_url():
                settings.require_writable(f"create the collection {self.name}")
        return self.client.get_or_create_collection(
            name=self.name,
            configuration={"hnsw": {"space": "cosine"}},
            metadata={"generation": 0, "embedding_model": model_slug(self.model_spec)},
            embedding_function=None,
        )

    def refresh(self) -> Any:
        """The collection as it is now (another process may have changed its metadata)."""
        try:
            self._collection = self.client.get_collection(self.name, embedding_function=None)
        except Exception:  # deleted by a reset elsewhere: start an empty one
            self._collection = self._open()
        return self._collection

    @property
    def uid(self) -> str:
        """Changes when the collection is dropped and recreated, unlike its name."""
        return str(self._collection.id)

    # -- metadata ----------------------------------------------------------
    def meta(self, fresh: bool = True) -> dict[str, Any]:
        collection = self.refresh() if fresh else self._collection
        return dict(collection.metadata or {})

    def generation(self) -> int:
        return int(self.meta().get("generation", 0))

    def update_meta(self, **values: Any) -> None:
        """Merge values into the collection metadata and bump the generation."""
        meta = self.meta()
        meta.update(values)
        meta["generation"] = int(meta.get("generation", 0)) + 1
        self._collection.modify(metadata=meta)

    # -- reads -------------------------------------------------------------
    def count(self) -> int:
        return int(self._collection.count())

    def ids_for(self, source_key: str) -> set[str]:
        got = self._collection.get(where={"source_key": source_key}, include=[])
        return set(got["ids"])

    def source_keys(self) -> dict[str, int]:
        """Chunks per source key."""
        counts: dict[str, int] = {}
        for record in self.records(include_text=False):
            key = str(record.metadata.get("source_key", ""))
            counts[key] = counts.get(key, 0) + 1
        return counts

    def records(self, where: dict | None = None, include_text: bool = True, page: int = 2000) -> list[Record]:
        """Every record (optionally filtered), read in pages so a big store never needs one huge reply."""
        include = ["documents", "metadatas"] if include_text else ["metadatas"]
        out: list[Record] = []
        offset = 0
        while True:
            got = self._collection.get(where=where, include=include, limit=page, offset=offset)
            ids = got["ids"]
            docs = got.get("documents") or [""] * len(ids)
            metas = got.get("metadatas") or [{}] * len(ids)
            out.extend(Record(i, d or "", dict(m or {})) for i, d, m in zip(ids, docs, metas, strict=True))
            if len(ids) < page:
                return out
            offset += page

    def query(self, embedding: Sequence[float], n: int, where: dict | None = None) -> list[tuple[Record, float]]:
        """Nearest records with their cosine distance (0 = same direction)."""
        total = self.count()
        if total == 0:
            return []
        got = self._collection.query(
            query_embeddings=[list(embedding)],
            n_results=min(n, total),
            where=where,
            include=["documents", "metadatas", "distances"],
        )
        ids = got["ids"][0]
        docs = (got.get("documents") or [[]])[0]
        metas = (got.get("metadatas") or [[]])[0]
        dists = (got.get("distances") or [[]])[0]
        return [
            (Record(i, d or "", dict(m or {})), float(dist))
            for i, d, m, dist in zip(ids, docs, metas, dists, strict=True)
        ]

    # -- writes (callers hold the ingest lock) -----------------------------
    def add(self, ids: list[str], embeddings: Any, texts: list[str], metadatas: list[dict[str, Any]]) -> None:
        batch = max(1, int(self.client.get_max_batch_size()))
        for start in range(0, len(ids), batch):
            end = start + batch
            self._collection.upsert(
                ids=ids[start:end],
                embeddings=[list(map(float, v)) for v in embeddings[start:end]],
                documents=texts[start:end],
                metadatas=metadatas[start:end],
            )

    def delete(self, ids: Iterable[str]) -> None:
        ids = list(ids)
        batch = max(1, int(self.client.get_max_batch_size()))
        for start in range(0, len(ids), batch):
            self._collection.delete(ids=ids[start : start + batch])

    def drop(self) -> None:
        """Delete the collection and start an empty one."""
        with contextlib.suppress(Exception):  # already gone: nothing to drop
            self.client.delete_collection(self.name)
        self._collection = self._open()


_STORES: dict[tuple[str, str], Store] = {}
_STORES_LOCK = threading.Lock()


def get_store(model_spec: str | None = None) -> Store:
    """The process-wide store for the current settings (re-read each call, so tests can move HAVOC_HOME)."""
    spec = model_spec or settings.embedding_model()
    key = (location(), spec)
    with _STORES_LOCK:
        store = _STORES.get(key)
        if store is None:
            store = Store(spec)
            _STORES[key] = store
        return store
