"""BM25: tokenisation and ranking, checked against hand-computed scores."""

from __future__ import annotations

import math

import pytest

from knowledge.lexical import K1, B, BM25Index, tokenize


def test_tokenize_folds_case_accents_plurals_and_stop_words() -> None:
    assert tokenize("The X̄-R Charts of Box-Behnken designs") == ["x", "r", "chart", "box", "behnken", "design"]
    assert tokenize("Cpk") == ["cpk"]
    assert tokenize("normally distributed properties") == ["normal", "distributed", "property"]
    assert tokenize("what is the") == []


def test_bm25_matches_the_okapi_formula() -> None:
    texts = ["cpk capability index", "control chart limits", "capability of a control chart"]
    index = BM25Index.build(["a", "b", "c"], texts)
    hits = index.search("capability", 10)
    assert {doc for doc, _ in hits} == {0, 2}
    n, df = 3, 2
    idf = math.log(1 + (n - df + 0.5) / (df + 0.5))
    lengths = [3, 3, 3]  # "of" and "a" are stop words
    avg = sum(lengths) / 3
    expected = idf * 1 * (K1 + 1) / (1 + K1 * (1 - B + B * lengths[0] / avg))
    assert hits[0][1] == pytest.approx(expected)


def test_rare_terms_outrank_common_ones_and_filters_apply() -> None:
    texts = ["chart chart chart", "chart lenth", "chart", "lenth method pse"]
    index = BM25Index.build(list("abcd"), texts)
    ranked = [doc for doc, _ in index.search("lenth chart", 4)]
    assert ranked[0] == 1  # the only document with both terms
    assert {doc for doc, _ in index.search("lenth chart", 4, allowed={0, 2})} == {0, 2}
    assert index.search("nothing here", 4) == []
    assert len(index) == 4
