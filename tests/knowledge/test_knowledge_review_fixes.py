"""Defects found in review: repeated passages and pypdf's stray stderr lines."""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge.documents import load_document
from knowledge.retrieval import _diverse
from knowledge.store import Record
from tools.errors import HavocInputError


def _record(chunk_id: str, text: str, source: str) -> Record:
    return Record(id=chunk_id, text=text, metadata={"source_key": source})


def test_same_text_from_two_sources_is_returned_once() -> None:
    # The built-in corpus ingested again as a user folder stores every chunk twice
    # under different ids; the k slots must not hold one passage twice.
    ranked = [
        (_record("a1", "Cpk is the nearer-limit index.", "builtin:cap.md"), 0.9, 1, 1),
        (_record("b1", "Cpk is the nearer-limit index.", "/home/u/cap.md"), 0.8, 2, 2),
        (_record("a2", "Cp ignores centring.", "builtin:cap.md"), 0.7, 3, 3),
        (_record("c1", "An X-bar chart tracks means.", "builtin:xbar.md"), 0.6, 4, 4),
    ]
    chosen = _diverse(ranked, k=3, cap=2)
    texts = [item[0].text for item in chosen]
    assert len(texts) == len(set(texts)) == 3
    assert [item[0].id for item in chosen] == ["a1", "a2", "c1"]


def test_duplicates_do_not_pad_a_short_result() -> None:
    ranked = [
        (_record("a1", "same", "x"), 0.9, 1, None),
        (_record("b1", "same", "y"), 0.8, 2, None),
    ]
    assert [item[0].id for item in _diverse(ranked, k=5, cap=2)] == ["a1"]


def test_broken_pdf_gives_one_line_and_nothing_on_stderr(tmp_path: Path, capfd: pytest.CaptureFixture[str]) -> None:
    pdf = tmp_path / "broken.pdf"
    pdf.write_bytes(b"%PDF-1.4 truncated")
    with pytest.raises(HavocInputError) as info:
        load_document(pdf)
    assert "broken.pdf" in str(info.value) and "\n" not in str(info.value)
    captured = capfd.readouterr()
    assert captured.err == "" and captured.out == ""


def test_a_short_section_joined_to_the_previous_keeps_its_heading() -> None:
    from knowledge.chunking import chunk_markdown

    body = (
        "## Scope\n" + "This procedure covers torque checks on the line. " * 5 + "\n"
        "## Frequency\nChecked daily.\n"
    )
    chunks = chunk_markdown(body)
    assert len(chunks) == 1
    assert chunks[0].section == "Scope"
    assert chunks[0].text.endswith("Frequency:\nChecked daily.")
