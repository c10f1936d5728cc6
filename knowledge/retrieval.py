"""Hybrid retrieval: vector and BM25 rankings fused by reciprocal rank.

Why both: the embedding model understands paraphrase ("is my process able to meet
spec?" finds capability indices) and BM25 catches exact terms the model has barely
seen ("Cpk", "Plackett-Burman"). Reciprocal rank fusion, score = Σ 1/(60 + rank),
needs no tuning of two incomparable score scales.

The built-in corpus is brought into the store on first use (a no-op afterwards),
so a fresh `HAVOC_HOME` just works.
"""

from __future__ import annotations

import threading
from typing import Any

from pydantic import BaseModel, Field

from knowledge.embeddings import get_embedder
from knowledge.ingest import ensure_builtin
from knowledge.lexical import BM25Index, tokenize
from knowledge.store import Record, Store, get_store
from tools.errors import HavocInputError

MODES = ("hybrid", "vector", "lexical")
RRF_K = 60
MAX_K = 100
MAX_QUERY_CHARS = 4000
MAX_PER_SOURCE = 2  # passages from one article in one answer; the rest go to other articles
# Vector hits less similar than this are dropped: MiniLM gives every query a nearest
# neighbour, and off-topic questions ("capital of France") score 0.14-0.21 on the
# built-in corpus while the weakest relevant hit in the eval set scores 0.29.
MIN_SIMILARITY = 0.25
# Filter keys users and the graph may use, and the metadata field each reads.
FILTER_FIELDS = {"topic": "topics", "topics": "topics", "source": "source", "title": "title", "section": "section", "kind": "kind"}


class Passage(BaseModel):
    """One retrieved passage with everything needed to cite it."""

    text: str
    score: float = Field(description="hybrid: fused reciprocal-rank score; vector: cosine similarity; lexical: BM25")
    source: str = Field(description="file name the passage came from")
    title: str
    section: str
    topics: list[str]
    citation: str = Field(description="short 'Title § Section' reference")
    chunk_id: str
    vector_rank: int | None = None
    lexical_rank: int | None = None


def citation(title: str, section: str) -> str:
    return f"{title} § {section}" if section and section != "Overview" else title


def _passage(record: Record, score: float, vector_rank: int | None = None, lexical_rank: int | None = None) -> Passage:
    meta = record.metadata
    topics = meta.get("topics") or []
    title = str(meta.get("title", ""))
    section = str(meta.get("section", ""))
    return Passage(
        text=record.text,
        score=round(float(score), 6),
        source=str(meta.get("source", "")),
        title=title,
        section=section,
        topics=[str(t) for t in (topics if isinstance(topics, list) else [topics])],
        citation=citation(title, section),
        chunk_id=record.id,
        vector_rank=vector_rank,
        lexical_rank=lexical_rank,
    )


# -- filters ------------------------------------------------------------------
Condition = tuple[str, list[str]]


def parse_where(where: dict[str, Any] | None) -> list[Condition]:
    """`{"topic": "spc"}` or `{"topic": ["spc", "stats"], "source": "x.md"}`: all keys must hold, any listed value."""
    if where is None:
        return []
    if not isinstance(where, dict):
        raise HavocInputError("must be an object like {\"topic\": \"spc\"}", field="where")
    conditions: list[Condition] = []
    for key, value in where.items():
        fld = FILTER_FIELDS.get(str(key).lower())
        if fld is None:
            raise HavocInputError(f"unknown filter key {key!r}; use one of {', '.join(sorted(FILTER_FIELDS))}", field="where")
        values = value if isinstance(value, list) else [value]
        if not values or not all(isinstance(v, str) and v.strip() for v in values):
            raise HavocInputError(f"{key} must be a non-empty string or list of strings", field="where")
        cleaned = [v.strip().lower() if fld == "topics" else v.strip() for v in values]
        conditions.append((fld, cleaned))
    return conditions


def _chroma_where(conditions: list[Condition]) -> dict | None:
    clauses: list[dict] = []
    for fld, values in conditions:
        if fld == "topics":
            options = [{"topics": {"$contains": v}} for v in values]
        else:
            options = [{fld: v} for v in values]
        clauses.append(options[0] if len(options) == 1 else {"$or": options})
    if not clauses:
        return None
    return clauses[0] if len(clauses) == 1 else {"$and": clauses}


def _matches(meta: dict[str, Any], conditions: list[Condition]) -> bool:
    for fld, values in conditions:
        have = meta.get(fld)
        items = set(have) if isinstance(have, list) else {have}
        if not items & set(values):
            return False
    return True


# -- the lexical index, rebuilt when the store's generation moves ------------
_LEXICAL: dict[str, tuple[int, BM25Index, list[Record]]] = {}
_LEXICAL_LOCK = threading.Lock()


def lexical_index(store: Store, generation: int) -> tuple[BM25Index, list[Record]]:
    key = f"{store.name}:{store.uid}"
    with _LEXICAL_LOCK:
        cached = _LEXICAL.get(key)
        if cached and cached[0] == generation:
            return cached[1], cached[2]
        records = store.records()
        texts = [f"{r.metadata.get('title', '')}\n{r.metadata.get('section', '')}\n{r.text}" for r in records]
        index = BM25Index.build([r.id for r in records], texts)
        _LEXICAL[key] = (generation, index, records)
        return index, records


# -- retrieval ----------------------------------------------------------------
def _validate(query: Any, k: Any, mode: Any) -> str:
    if not isinstance(query, str) or not query.strip():
        raise HavocInputError("must be a non-empty string", field="query")
    if len(query) > MAX_QUERY_CHARS:
        raise HavocInputError(f"is {len(query)} characters; the limit is {MAX_QUERY_CHARS}", field="query")
    if isinstance(k, bool) or not isinstance(k, int) or not 1 <= k <= MAX_K:
        raise HavocInputError(f"must be an integer from 1 to {MAX_K}", field="k")
    if mode not in MODES:
        raise HavocInputError(f"must be one of {', '.join(MODES)}", field="mode")
    return " ".join(query.split())


def _diverse(ranked: list[tuple[Record, float, int | None, int | None]], k: int, cap: int) -> list[tuple]:
    """The best k, at most `cap` per article unless nothing else is left.

    A passage whose text was already chosen is dropped: the same file ingested twice
    (the built-in corpus also added as a user folder, a copy of an SOP under another
    name) must not fill the k slots with one passage repeated.
    """
    chosen: list[tuple] = []
    overflow: list[tuple] = []
    per_source: dict[str, int] = {}
    seen_texts: set[str] = set()
    for item in ranked:
        if item[0].text in seen_texts:
            continue
        seen_texts.add(item[0].text)
        key = str(item[0].metadata.get("source_key", item[0].id))
        if per_source.get(key, 0) < cap:
            per_source[key] = per_source.get(key, 0) + 1
            chosen.append(item)
        else:
            overflow.append(item)
        if len(chosen) == k:
            return chosen
    return chosen + overflow[: k - len(chosen)]


def retrieve(
    query: str,
    k: int = 5,
    where: dict | None = None,
    mode: str = "hybrid",
    *,
    max_per_source: int = MAX_PER_SOURCE,
) -> list[Passage]:
    """The k passages that best answer `query`, best first; [] when nothing matches.

    `where` filters on metadata: {"topic": "spc"}, {"topic": ["doe", "stats"]},
    {"source": "my-sop.md"}; all keys must hold. `mode` is hybrid, vector or lexical.
    `max_per_source` caps passages per article (1 favours breadth of citations,
    2, the default, lets an article contribute its formulas and its worked example).
    """
    text = _validate(query, k, mode)
    if isinstance(max_per_source, bool) or not isinstance(max_per_source, int) or max_per_source < 1:
        raise HavocInputError("must be a positive integer", field="max_per_source")
    conditions = parse_where(where)
    store = get_store()
    meta = store.meta()
    if ensure_builtin(store, meta=meta) is not None:
        meta = store.meta()
    pool = max(4 * k, 30)

    vector: list[tuple[Record, float]] = []
    if mode in ("hybrid", "vector"):
        embedding = get_embedder(store.model_spec).embed_query(text)
        hits = store.query(embedding, pool, _chroma_where(conditions))
        vector = [(r, 1.0 - d) for r, d in hits if 1.0 - d >= MIN_SIMILARITY]

    lexical: list[tuple[Record, float]] = []
    if mode in ("hybrid", "lexical") and tokenize(text):
        index, records = lexical_index(store, int(meta.get("generation", 0)))
        allowed = {i for i, r in enumerate(records) if _matches(r.metadata, conditions)} if conditions else None
        lexical = [(records[i], s) for i, s in index.search(text, pool, allowed)]

    if mode == "vector":
        ranked = [(r, s, n, None) for n, (r, s) in enumerate(vector, 1)]
    elif mode == "lexical":
        ranked = [(r, s, None, n) for n, (r, s) in enumerate(lexical, 1)]
    else:
        fused: dict[str, list] = {}
        for n, (record, _) in enumerate(vector, 1):
            fused[record.id] = [record, 1.0 / (RRF_K + n), n, None]
        for n, (record, _) in enumerate(lexical, 1):
            entry = fused.setdefault(record.id, [record, 0.0, None, None])
            entry[1] += 1.0 / (RRF_K + n)
            entry[3] = n
        ranked = sorted((tuple(v) for v in fused.values()), key=lambda item: -item[1])
    return [_passage(r, s, vr, lr) for r, s, vr, lr in _diverse(ranked, k, max_per_source)]
