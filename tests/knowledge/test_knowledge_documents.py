"""Reading files: front matter, titles, topics, and every kind of unusable file."""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge import documents
from knowledge.documents import load_document
from tools.errors import HavocInputError


def write_pdf(path: Path, lines: list[str]) -> Path:
    """A minimal one-page PDF with real text objects, built by hand."""
    text_ops = " ".join(f"({line}) Tj 0 -16 Td" for line in lines)
    stream = f"BT /F1 12 Tf 72 720 Td {text_ops} ET".encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    path.write_bytes(bytes(out))
    return path


def test_front_matter_sets_title_and_topics(tmp_path: Path) -> None:
    path = tmp_path / "note.md"
    path.write_text("---\ntitle: Gauge R&R\ntopics: [SPC, msa, spc]\n---\n# Ignored heading\n\nBody text.\n")
    doc = load_document(path, topics=["Quality"])
    assert doc.title == "Gauge R&R"
    assert doc.topics == ["msa", "quality", "spc"]
    assert doc.kind == "markdown"
    assert "---" not in doc.body
    assert doc.source == "note.md"
    assert doc.source_key == str(path.resolve())


def test_title_falls_back_to_heading_then_file_name(tmp_path: Path) -> None:
    with_heading = tmp_path / "a.md"
    with_heading.write_text("# Torque procedure\n\nText.\n")
    assert load_document(with_heading).title == "Torque procedure"
    plain = tmp_path / "torque_check-list.txt"
    plain.write_text("Check every bolt.\n")
    doc = load_document(plain)
    assert doc.title == "Torque check list"
    assert doc.kind == "text"
    assert doc.topics == []


def test_topics_may_be_a_comma_separated_string(tmp_path: Path) -> None:
    path = tmp_path / "t.md"
    path.write_text("---\ntopics: doe, screening\n---\nText.\n")
    assert load_document(path).topics == ["doe", "screening"]


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.md", b"", "is empty"),
        ("blank.txt", b"  \n\n\t", "is empty"),
        ("binary.txt", b"abc\x00\x01\x02", "binary"),
        ("latin.md", "café".encode("latin-1"), "not UTF-8"),
        ("image.png", b"\x89PNG", "unsupported file type"),
        ("only-front.md", b"---\ntitle: x\n---\n", "no text"),
        ("bad-yaml.md", b"---\ntitle: [unclosed\n---\nbody\n", "not valid YAML"),
        ("bad-topics.md", b"---\ntopics: {a: 1}\n---\nbody\n", "topics"),
        ("broken.pdf", b"%PDF-1.4 this is not really a pdf", "PDF"),
    ],
)
def test_unusable_files_raise_one_line_errors_naming_the_file(tmp_path: Path, name: str, content: bytes, reason: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(HavocInputError) as info:
        load_document(path)
    message = str(info.value)
    assert str(path) in message
    assert reason in message
    assert "\n" not in message


def test_enormous_and_missing_files_are_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(documents, "MAX_TEXT_BYTES", 100)
    big = tmp_path / "big.md"
    big.write_text("word " * 100)
    with pytest.raises(HavocInputError, match="limit"):
        load_document(big)
    with pytest.raises(HavocInputError, match="not a regular file"):
        load_document(tmp_path / "missing.md")


def test_pdf_text_is_extracted_per_page(tmp_path: Path) -> None:
    path = write_pdf(tmp_path / "gauge_study.pdf", ["Gauge repeatability study", "Ten parts measured twice"])
    doc = load_document(path)
    assert doc.kind == "pdf"
    assert doc.title == "Gauge study"
    assert len(doc.pages) == 1
    assert "Ten parts measured twice" in doc.pages[0]
