"""retrieve(): the GROUND stage's one call, on the built-in corpus in the session's store.

All tests here share the session HAVOC_HOME from tests/conftest.py, so the built-in
corpus is ingested once (from the shipped vector cache) and the model loads once.
"""

from __future__ import annotations

import json

import pytest

import knowledge
from knowledge import retrieval
from knowledge.ingest import ensure_builtin
from knowledge.retrieval import Passage, retrieve
from knowledge.store import get_store
from tools.errors import HavocInputError


def test_public_api_is_exported() -> None:
    assert knowledge.retrieve is retrieve
    assert knowledge.Passage is Passage


def test_built_in_corpus_is_ingested_once_and_then_a_no_op() -> None:
    retrieve("control chart", k=1, mode="lexical")
    store = get_store()
    count = store.count()
    generation = store.generation()
    assert count > 250
    assert ensure_builtin() is None  # nothing to do the second time
    assert store.count() == count and store.generation() == generation


def test_passages_carry_citations_and_serialise() -> None:
    passages = retrieve("Is my process capable of meeting the tolerance? Cpk", k=5)
    assert 1 <= len(passages) <= 5
    top = passages[0]
    assert top.source == "process-capability.md"
    assert top.title.startswith("Process capability indices")
    assert top.citation == f"{top.title} § {top.section}"
    assert "spc" in top.topics
    assert top.chunk_id and top.text
    assert [p.score for p in passages] == sorted((p.score for p in passages), reverse=True)
    data = json.loads(json.dumps([p.model_dump() for p in passages]))
    assert set(data[0]) >= {"text", "score", "source", "title", "section", "topics", "citation", "chunk_id"}


@pytest.mark.parametrize(
    ("query", "source"),
    [
        ("Box-Behnken", "box-behnken.md"),
        ("Lenth pseudo standard error", "effects-lenth.md"),
        ("np chart", "np-chart.md"),
        ("Western Electric rules", "run-rules.md"),
    ],
)
def test_exact_terms_are_found_lexically(query: str, source: str) -> None:
    assert retrieve(query, k=1, mode="lexical")[0].source == source


@pytest.mark.parametrize(
    ("query", "source"),
    [
        ("can my process meet the customer tolerance", "process-capability.md"),
        ("spread the runs of a computer simulation evenly", "latin-hypercube.md"),
        ("how likely am I to detect a real difference with my sample", "power-sample-size.md"),
    ],
)
def test_paraphrases_are_found_by_vectors(query: str, source: str) -> None:
    assert source in [p.source for p in retrieve(query, k=5, mode="vector")]


def test_hybrid_reports_both_ranks() -> None:
    top = retrieve("Kruskal-Wallis rank test for several groups", k=3)[0]
    assert top.source == "kruskal-wallis.md"
    assert top.vector_rank is not None and top.lexical_rank is not None


def test_topic_filter_restricts_every_mode() -> None:
    for mode in retrieval.MODES:
        passages = retrieve("how to compute limits", k=8, where={"topic": "spc"}, mode=mode)
        assert passages, mode
        assert all("spc" in p.topics for p in passages), mode
    math_only = retrieve("how to compute limits", k=5, where={"topic": ["math"]})
    assert all("math" in p.topics for p in math_only)
    assert "limits.md" in {p.source for p in math_only}


def test_source_filter_and_per_article_cap() -> None:
    passages = retrieve("control limits", k=4, where={"source": "xbar-r-chart.md"})
    assert {p.source for p in passages} == {"xbar-r-chart.md"}
    assert len(passages) == 4  # one article only: the cap yields rather than return fewer
    mixed = retrieve("control chart limits for subgroups", k=6)
    per_source: dict[str, int] = {}
    for p in mixed:
        per_source[p.source] = per_source.get(p.source, 0) + 1
    assert max(per_source.values()) <= retrieval.MAX_PER_SOURCE


def test_off_topic_and_unmatched_queries_return_nothing() -> None:
    assert retrieve("what is the capital of France", k=5) == []
    assert retrieve("zzqqxx", k=5, mode="lexical") == []
    assert retrieve("control chart", k=5, where={"topic": "no-such-topic"}) == []


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"query": ""}, "query"),
        ({"query": "   "}, "query"),
        ({"query": 42}, "query"),
        ({"query": "x" * 5000}, "query"),
        ({"query": "ok", "k": 0}, "k"),
        ({"query": "ok", "k": 101}, "k"),
        ({"query": "ok", "k": True}, "k"),
        ({"query": "ok", "mode": "semantic"}, "mode"),
        ({"query": "ok", "where": {"colour": "red"}}, "where"),
        ({"query": "ok", "where": {"topic": ""}}, "where"),
        ({"query": "ok", "where": ["topic", "spc"]}, "where"),
        ({"query": "ok", "where": {"topic": [1, 2]}}, "where"),
    ],
)
def test_bad_arguments_name_the_field(kwargs: dict, field: str) -> None:
    with pytest.raises(HavocInputError) as info:
        retrieve(**kwargs)
    assert str(info.value).startswith(f"{field}:")
