"""Chunking: heading-aware sections, size cap, overlap; no model needed."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from knowledge.chunking import MAX_CHARS, OVERLAP_CHARS, chunk_markdown, chunk_plain, split_text

ARTICLE = """# Title

Intro paragraph that explains what this article is about in a sentence or two, long
enough to stand on its own as a passage of text for retrieval purposes here.

## When to use it

Use it when the subgroups are small and rational, which is the common case on a shop
floor where five parts are measured every hour by the operator at the machine.

## Formulas

```python
# not a heading inside a fence
x = 1
```

The limits are the grand mean plus or minus A2 times the average range, computed from
the phase I data after removing subgroups with assignable causes.

### Constants

A2 depends on the subgroup size n; for n = 5 it is 0.577 and D4 is 2.114 for the range.
They come from the distribution of the relative range of normal samples of that size.

## Sources

Sources: NIST §6.3.2.
"""


def test_sections_follow_headings_and_ignore_fenced_hashes() -> None:
    chunks = chunk_markdown(ARTICLE)
    sections = [c.section for c in chunks]
    assert sections[0] == "Overview"
    assert "When to use it" in sections
    assert "Formulas" in sections
    assert "Formulas › Constants" in sections
    assert not any("not a heading" in s for s in sections)
    assert any("# not a heading inside a fence" in c.text for c in chunks)


def test_tiny_trailing_section_joins_the_previous_passage() -> None:
    chunks = chunk_markdown(ARTICLE)
    assert not any(c.section == "Sources" for c in chunks)
    assert "Sources: NIST §6.3.2." in chunks[-1].text


def test_long_section_is_split_with_overlap() -> None:
    sentences = [f"Sentence number {i} talks about control limits and rational subgroups." for i in range(80)]
    body = "## Long\n\n" + "\n\n".join(" ".join(sentences[i : i + 4]) for i in range(0, 80, 4))
    chunks = chunk_markdown(body)
    assert len(chunks) > 3
    assert all(c.section == "Long" for c in chunks)
    assert all(len(c.text) <= MAX_CHARS + OVERLAP_CHARS for c in chunks)
    for prev, cur in zip(chunks, chunks[1:], strict=False):
        assert cur.text.startswith("… ")
        tail = cur.text[2:].split("\n\n", 1)[0]
        assert tail in prev.text  # the overlap repeats the end of the previous passage


def test_a_single_huge_paragraph_without_punctuation_is_still_capped() -> None:
    pieces = split_text("x" * 5000)
    assert len(pieces) >= 5
    assert all(len(p) <= MAX_CHARS + OVERLAP_CHARS for p in pieces)


def test_plain_text_chunks_carry_the_given_section() -> None:
    chunks = chunk_plain("First paragraph.\n\nSecond paragraph.", section="page 2")
    assert [c.section for c in chunks] == ["page 2"]
    assert "Second paragraph." in chunks[0].text


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(alphabet=st.characters(categories=["L", "N"]), min_size=1, max_size=40), min_size=1, max_size=300))
def test_every_word_survives_chunking(words: list[str]) -> None:
    text = " ".join(words)
    joined = " ".join(c.text for c in chunk_plain(text))
    for word in words:
        assert word[:MAX_CHARS] in joined.replace("\n", " ") or len(word) > MAX_CHARS - OVERLAP_CHARS


def test_heading_levels_reset_the_section_path() -> None:
    body = "## A\n\n" + "alpha " * 40 + "\n\n### B\n\n" + "beta " * 40 + "\n\n## C\n\n" + "gamma " * 40
    sections = [c.section for c in chunk_markdown(body)]
    assert sections == ["A", "A › B", "C"]
    assert all(re.fullmatch(r"[A-C](?: › B)?", s) for s in sections)
