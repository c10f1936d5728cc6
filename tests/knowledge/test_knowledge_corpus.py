"""The built-in corpus: every article follows the house format and covers the engine."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from knowledge.chunking import chunk_markdown
from knowledge.documents import load_document
from knowledge.ingest import CORPUS_DIR

ARTICLES = sorted(CORPUS_DIR.glob("*.md"))
MODES = {"doe", "spc", "stats", "math", "general"}
REQUIRED_SECTIONS = ["When to use it", "Assumptions", "Formulas", "How to read the result", "Worked example", "Common mistakes"]


def test_corpus_has_at_least_forty_articles() -> None:
    assert len(ARTICLES) >= 40


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.name)
def test_article_format(path: Path) -> None:
    doc = load_document(path)
    text = path.read_text(encoding="utf-8")
    assert text.startswith("---\n"), "front matter first"
    assert doc.title and doc.title != path.stem
    assert MODES & set(doc.topics), f"topics {doc.topics} need one of {sorted(MODES)}"
    headings = re.findall(r"^## (.+)$", doc.body, flags=re.M)
    assert headings == REQUIRED_SECTIONS
    assert "$" in doc.body, "formulas in LaTeX"
    sources = [line for line in doc.body.splitlines() if line.startswith("Sources:")]
    assert len(sources) == 1 and len(sources[0]) > 40
    assert chunk_markdown(doc.body), "article must produce passages"


def test_engine_methods_are_all_covered() -> None:
    names = {p.stem for p in ARTICLES}
    expected = {
        "full-factorial", "fractional-factorial", "plackett-burman", "box-behnken", "central-composite",
        "latin-hypercube", "effects-lenth", "response-surface-canonical", "doe-anova",
        "xbar-r-chart", "xbar-s-chart", "imr-chart", "p-chart", "np-chart", "c-chart", "u-chart",
        "run-rules", "process-capability", "control-chart-constants", "phase-i-vs-phase-ii", "rational-subgroups",
        "one-sample-and-paired-t-test", "two-sample-t-test", "one-way-anova", "two-way-anova", "tukey-hsd",
        "chi-square-tests", "normality-tests", "levene-test", "kruskal-wallis",
        "simple-linear-regression", "multiple-regression", "polynomial-regression", "regression-through-origin",
        "descriptive-statistics", "derivatives", "integrals", "solving-equations", "limits", "series-expansions",
        "simplification", "matrices", "central-limit-theorem", "p-values", "power-sample-size", "randomisation",
        "blocking", "replication", "confidence-intervals", "normality-assumption",
    }
    assert expected <= names, f"missing: {sorted(expected - names)}"
