"""Reading training text without ever holding a whole corpus in memory.

The tokenizer trainer and the data pipeline both read the same kinds of
sources (plain text, markdown, JSONL of `{"text": ...}` or chat
`{"messages": [...]}` records), so the readers live here, once. Files are
streamed in paragraph-aligned chunks: a multi-gigabyte text file costs one
chunk of memory, and a chunk boundary never cuts a paragraph in two.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from havoc_model.errors import ModelInputError

TEXT_SUFFIXES = (".md", ".markdown", ".txt", ".text", ".rst")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
CHUNK_CHARS = 1 << 16


@dataclass(frozen=True)
class Record:
    """One unit of training text: either free text or a chat transcript."""

    text: str | None = None
    messages: list[dict[str, Any]] | None = None


def collect_files(paths: Iterable[str | Path], *, field: str = "input") -> list[Path]:
    """Expand files and directories (recursively, known suffixes only) in a stable order."""
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(
                p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES + JSONL_SUFFIXES
            )
            if not found:
                raise ModelInputError(f"{field}: directory {path} holds no .md, .txt or .jsonl files")
            files.extend(found)
        elif path.is_file():
            files.append(path)
        else:
            raise ModelInputError(f"{field}: {path} does not exist")
    if not files:
        raise ModelInputError(f"{field}: no input files given")
    return files


def iter_records(path: Path, *, chunk_chars: int = CHUNK_CHARS) -> Iterator[Record]:
    """Yield the records of one file; JSONL by line, everything else as text chunks."""
    if path.suffix.lower() in JSONL_SUFFIXES:
        yield from _iter_jsonl(path)
    else:
        for chunk in iter_text_chunks(path, chunk_chars=chunk_chars):
            yield Record(text=chunk)


def iter_text_chunks(path: Path, *, chunk_chars: int = CHUNK_CHARS) -> Iterator[str]:
    """Stream a text file as chunks of about `chunk_chars`, cut only after a blank line.

    Concatenating the chunks gives back the file exactly, so the token stream
    of a file does not depend on the chunk size (apart from BPE merges that
    would span a blank line, which the tokenizer never makes across "\\n").
    """
    buffer: list[str] = []
    size = 0
    try:
        with path.open("r", encoding="utf-8", newline="") as handle:
            for line in handle:
                buffer.append(line)
                size += len(line)
                if size >= chunk_chars and line.strip() == "":
                    yield "".join(buffer)
                    buffer, size = [], 0
                elif size >= 16 * chunk_chars:
                    # A file with no blank lines at all: cut at a line end rather than grow forever.
                    yield "".join(buffer)
                    buffer, size = [], 0
    except UnicodeDecodeError as exc:
        raise ModelInputError(f"input: {path} is not UTF-8 text (byte {exc.start})") from None
    except OSError as exc:
        raise ModelInputError(f"input: cannot read {path}: {exc.strerror}") from None
    if buffer:
        yield "".join(buffer)


def _iter_jsonl(path: Path) -> Iterator[Record]:
    try:
        with path.open("r", encoding="utf-8") as handle:
            for lineno, line in enumerate(handle, start=1):
                if not line.strip():
                    continue
                yield _parse_record(line, path, lineno)
    except UnicodeDecodeError as exc:
        raise ModelInputError(f"input: {path} is not UTF-8 text (byte {exc.start})") from None
    except OSError as exc:
        raise ModelInputError(f"input: cannot read {path}: {exc.strerror}") from None


def _parse_record(line: str, path: Path, lineno: int) -> Record:
    where = f"{path}:{lineno}"
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        raise ModelInputError(f"input: {where}: invalid JSON ({exc.msg}, column {exc.colno})") from None
    if not isinstance(obj, dict):
        raise ModelInputError(f"input: {where}: each JSONL line must be an object with 'text' or 'messages'")
    if isinstance(obj.get("text"), str):
        return Record(text=obj["text"])
    messages = obj.get("messages")
    if isinstance(messages, list) and messages:
        for i, message in enumerate(messages):
            if not isinstance(message, dict) or not isinstance(message.get("role"), str):
                raise ModelInputError(f"input: {where}: messages[{i}] needs a string 'role'")
        return Record(messages=messages)
    raise ModelInputError(f"input: {where}: each JSONL line must have a string 'text' or a list 'messages'")


def record_texts(record: Record) -> list[str]:
    """The plain strings inside a record, for tokenizer training."""
    if record.text is not None:
        return [record.text]
    texts: list[str] = []
    for message in record.messages or []:
        content = message.get("content")
        if isinstance(content, str) and content:
            texts.append(content)
        for call in message.get("tool_calls") or []:
            texts.append(json.dumps(call, ensure_ascii=False, sort_keys=True))
    return texts
