"""Reading one file into a document we can chunk, or a one-line reason we cannot.

Every way a file can be unusable (missing, unreadable, empty, binary, not UTF-8,
enormous, a PDF without text) becomes a `HavocInputError` naming the file, so the
ingest loop can skip it with a warning and carry on with the rest.

Front matter convention for markdown (all built-in articles use it)::

    ---
    title: X̄-R control chart
    topics: [spc, control-chart, variables]
    ---

`title` defaults to the first `# heading`, else the file name; `topics` to none.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from tools.errors import HavocInputError

MAX_TEXT_BYTES = 8 * 1024 * 1024
MAX_PDF_BYTES = 64 * 1024 * 1024
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
TEXT_SUFFIXES = frozenset({".txt", ".text", ".rst"})
PDF_SUFFIXES = frozenset({".pdf"})
SUPPORTED_SUFFIXES = MARKDOWN_SUFFIXES | TEXT_SUFFIXES | PDF_SUFFIXES

_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)
_TITLE = re.compile(r"^#\s+(.+?)\s*#*\s*$", re.M)


@dataclass
class Document:
    source: str  # the file name, what a citation shows
    source_key: str  # what identifies the file in the store (path, or builtin:name)
    title: str
    topics: list[str]
    kind: str  # markdown | text | pdf
    body: str = ""
    pages: list[str] = field(default_factory=list)  # PDFs: one entry per page


def _normalise_topics(value: object, path: Path) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        value = [part for part in re.split(r"[,\s]+", value) if part]
    if not isinstance(value, list) or not all(isinstance(t, str | int) for t in value):
        raise HavocInputError("front matter 'topics' must be a list of words", field=str(path))
    return sorted({str(t).strip().lower() for t in value if str(t).strip()})


def split_front_matter(text: str, path: Path) -> tuple[dict, str]:
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text
    try:
        meta = yaml.safe_load(match.group(1)) or {}
    except yaml.YAMLError as exc:
        line = getattr(getattr(exc, "problem_mark", None), "line", None)
        where = f" (line {line + 2})" if line is not None else ""
        raise HavocInputError(f"front matter is not valid YAML{where}", field=str(path)) from None
    if not isinstance(meta, dict):
        raise HavocInputError("front matter must be key: value lines", field=str(path))
    return meta, text[match.end() :]


def _read_text(path: Path) -> str:
    size = _size(path)
    if size > MAX_TEXT_BYTES:
        raise HavocInputError(f"file is {size / 2**20:.1f} MiB, over the {MAX_TEXT_BYTES // 2**20} MiB limit", field=str(path))
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise HavocInputError(f"cannot read: {exc.strerror or exc}", field=str(path)) from None
    if b"\x00" in data[:8192]:
        raise HavocInputError("looks binary (contains NUL bytes)", field=str(path))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise HavocInputError(f"not UTF-8 text (bad byte at offset {exc.start})", field=str(path)) from None
    if not text.strip():
        raise HavocInputError("is empty", field=str(path))
    return text


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError as exc:
        raise HavocInputError(f"cannot read: {exc.strerror or exc}", field=str(path)) from None


def _read_pdf(path: Path) -> list[str]:
    size = _size(path)
    if size > MAX_PDF_BYTES:
        raise HavocInputError(f"file is {size / 2**20:.1f} MiB, over the {MAX_PDF_BYTES // 2**20} MiB limit", field=str(path))
    try:
        from pypdf import PdfReader
        from pypdf.errors import PdfReadError
    except ImportError:
        raise HavocInputError("PDF support needs the pypdf package", field=str(path)) from None
    # pypdf logs its own complaints ("EOF marker not found") to stderr; our one-line
    # warning already names the file and the reason, so its logger is kept quiet.
    logging.getLogger("pypdf").setLevel(logging.CRITICAL)
    try:
        reader = PdfReader(str(path))
        pages = [(page.extract_text() or "").strip() for page in reader.pages]
    except PdfReadError as exc:
        raise HavocInputError(f"unreadable PDF: {exc}", field=str(path)) from None
    except Exception as exc:  # a third-party parser on untrusted bytes: any failure means "cannot read"
        raise HavocInputError(f"unreadable PDF ({type(exc).__name__})", field=str(path)) from None
    if not any(pages):
        raise HavocInputError("PDF has no extractable text (scanned images need OCR first)", field=str(path))
    return pages


def load_document(path: Path, *, source_key: str | None = None, topics: list[str] | None = None) -> Document:
    """The document in `path`; `topics` are added to any the file declares itself."""
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise HavocInputError(f"unsupported file type {suffix or '(none)'}; use .md, .txt or .pdf", field=str(path))
    if not path.is_file():
        raise HavocInputError("not a regular file", field=str(path))
    key = source_key or str(path.resolve())
    extra = [t.strip().lower() for t in topics or [] if t.strip()]
    if suffix in PDF_SUFFIXES:
        pages = _read_pdf(path)
        return Document(path.name, key, _title_from_name(path), sorted(set(extra)), "pdf", pages=pages)
    text = _read_text(path)
    if suffix in MARKDOWN_SUFFIXES:
        meta, body = split_front_matter(text, path)
        if not body.strip():
            raise HavocInputError("has front matter but no text", field=str(path))
        heading = _TITLE.search(body)
        title = str(meta.get("title") or (heading.group(1) if heading else _title_from_name(path))).strip()
        declared = _normalise_topics(meta.get("topics"), path)
        return Document(path.name, key, title, sorted(set(declared) | set(extra)), "markdown", body=body)
    return Document(path.name, key, _title_from_name(path), sorted(set(extra)), "text", body=text)


def _title_from_name(path: Path) -> str:
    words = re.sub(r"[_\-]+", " ", path.stem).strip()
    return words[:1].upper() + words[1:] if words else path.name
