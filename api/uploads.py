"""Callers' CSV uploads: one directory per owner under `$HAVOC_HOME/uploads`, written atomically.

Why files on disk, also with PostgreSQL: the DSL reads a CSV file by its path, and `--workers N`
starts N processes on one machine that share `$HAVOC_HOME`, so an upload that one worker wrote is
at once a file every other worker reads, with no copy to keep in step (a copy kept per worker
would go stale when another worker deletes or replaces the upload). Workers on several machines
need `$HAVOC_HOME/uploads` on a shared file system.

Layout, per owner (the owner id is a hash of the API key, never the key):
`files/NAME` (what programs read), `meta/NAME.json` (sha256, bytes, uploaded_at, and the data
file's size and mtime the digest belongs to) and `tmp/` (an upload in progress, renamed into
`files/` only once it is whole and checked, so a broken upload leaves nothing half-written).
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import json
import os
import re
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import BinaryIO

from pydantic import BaseModel, Field

from tools.limits import limits

MAX_NAME_CHARS = 128
SUFFIXES = (".csv", ".txt")
NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")
OWNER = re.compile(r"[A-Za-z0-9-]+")
CHUNK = 1 << 20


class UploadError(Exception):
    """A refused upload: the HTTP status, the field it is about, a code, and a one-line message."""

    def __init__(self, status: int, message: str, field: str, code: str) -> None:
        super().__init__(message)
        self.status, self.message, self.field, self.code = status, message, field, code


class FileInfo(BaseModel):
    name: str = Field(description="the name programs use: from \"NAME\" column y")
    bytes: int = Field(description="size in bytes")
    sha256: str = Field(description="hex digest of the content")
    uploaded_at: str = Field(description="UTC, ISO 8601")


def check_name(name: str, field: str = "name") -> str:
    """A plain file name: no separators, no `..`, no leading dot, a length limit, .csv or .txt."""
    shown = name if len(name) <= 80 else name[:77] + "..."
    if not name:
        raise UploadError(400, f"{field}: a file name is required", field, "invalid_file_name")
    if len(name) > MAX_NAME_CHARS:
        raise UploadError(400, f"{field}: a name of {len(name)} characters is longer than {MAX_NAME_CHARS}",
                          field, "invalid_file_name")
    if "/" in name or "\\" in name:
        raise UploadError(400, f"{field}: {shown!r} holds a path separator; give a plain file name", field,
                          "invalid_file_name")
    if ".." in name:
        raise UploadError(400, f"{field}: {shown!r} holds '..'", field, "invalid_file_name")
    if name.startswith("."):
        raise UploadError(400, f"{field}: {shown!r} starts with a dot", field, "invalid_file_name")
    if not NAME.fullmatch(name):
        raise UploadError(400, f"{field}: {shown!r} may hold only letters, digits, '.', '_' and '-', and "
                               "starts with a letter or digit", field, "invalid_file_name")
    if not name.lower().endswith(SUFFIXES):
        raise UploadError(400, f"{field}: {shown!r} must end in .csv or .txt", field, "invalid_file_name")
    return name


def _write_atomic(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
    with tmp.open("wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)


def _check_csv_text(path: Path, field: str) -> None:
    """UTF-8 text (a BOM is fine), no NUL, a header row, quotes that close: what the DSL can read."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            first = handle.readline(1 << 20)
            if not first.strip():
                raise UploadError(400, f"{field}: the file is empty or its first line is blank (the first line "
                                       "names the columns)", field, "not_csv")
            delimiter = next((d for d in (",", ";", "\t") if d in first), ",")
            handle.seek(0)
            reader = csv.reader(handle, delimiter=delimiter, strict=True)
            for _ in reader:
                pass
    except UnicodeDecodeError as exc:
        raise UploadError(400, f"{field}: not UTF-8 text (byte {exc.start} of a chunk cannot be decoded)", field,
                          "not_utf8") from None
    except csv.Error as exc:
        raise UploadError(400, f"{field}: not CSV text: {exc}", field, "not_csv") from None


class Uploads:
    """Every owner's uploads under `root` (`$HAVOC_HOME/uploads`)."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def owner_dir(self, owner: str) -> Path:
        if not OWNER.fullmatch(owner):
            raise ValueError(f"not an owner id: {owner!r}")
        return self.root / owner

    def files_dir(self, owner: str) -> Path:
        """What the owner's programs may read (it may not exist yet: then they read nothing from it)."""
        return self.owner_dir(owner) / "files"

    def save(self, owner: str, name: str, source: BinaryIO, field: str = "file") -> FileInfo:
        """Copy to a temp file, hashing, counting and decoding as it comes; check it; rename it into place."""
        check_name(name)
        base = self.owner_dir(owner)
        for sub in ("files", "meta", "tmp"):
            (base / sub).mkdir(parents=True, exist_ok=True)
        tmp = base / "tmp" / f"{uuid.uuid4().hex}.part"
        limit = limits().max_file_bytes
        digest, size = hashlib.sha256(), 0
        decoder = codecs.getincrementaldecoder("utf-8")()
        try:
            with tmp.open("wb") as handle:
                while chunk := source.read(CHUNK):
                    size += len(chunk)
                    if size > limit:
                        raise UploadError(413, f"{field}: larger than the limit of {limits().max_file_mb} MiB "
                                               "(HAVOC_MAX_FILE_MB)", field, "file_too_large")
                    try:
                        decoder.decode(chunk)
                    except UnicodeDecodeError:
                        raise UploadError(400, f"{field}: not UTF-8 text (at byte {size - len(chunk)} or after)",
                                          field, "not_utf8") from None
                    if b"\x00" in chunk:
                        raise UploadError(400, f"{field}: holds a NUL byte: not CSV text", field, "not_csv")
                    digest.update(chunk)
                    handle.write(chunk)
                handle.flush()
                os.fsync(handle.fileno())
            try:
                decoder.decode(b"", final=True)
            except UnicodeDecodeError:
                raise UploadError(400, f"{field}: not UTF-8 text (it ends inside a character)", field,
                                  "not_utf8") from None
            _check_csv_text(tmp, field)
            stat = tmp.stat()
            info = FileInfo(name=name, bytes=size, sha256=digest.hexdigest(),
                            uploaded_at=datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z"))
            self._write_meta(owner, info, stat)
            os.replace(tmp, base / "files" / name)
        finally:
            tmp.unlink(missing_ok=True)
        return info

    def _write_meta(self, owner: str, info: FileInfo, stat: os.stat_result) -> None:
        record = {**info.model_dump(), "size": stat.st_size, "mtime_ns": stat.st_mtime_ns}
        _write_atomic(self.owner_dir(owner) / "meta" / f"{info.name}.json", json.dumps(record).encode())

    def list(self, owner: str) -> list[FileInfo]:
        """Regular files with valid names only: a symlink or anything else planted there is not listed."""
        folder = self.files_dir(owner)
        if not folder.is_dir():
            return []
        found = []
        for entry in sorted(os.scandir(folder), key=lambda e: e.name):
            if not entry.is_file(follow_symlinks=False) or not NAME.fullmatch(entry.name):
                continue
            info = self._info(owner, entry.name, entry.stat(follow_symlinks=False))
            if info is not None:
                found.append(info)
        return found

    def _info(self, owner: str, name: str, stat: os.stat_result) -> FileInfo | None:
        """The recorded digest when it belongs to this very file, else computed again (and recorded)."""
        meta = self.owner_dir(owner) / "meta" / f"{name}.json"
        try:
            record = json.loads(meta.read_text(encoding="utf-8"))
            if record["size"] == stat.st_size and record["mtime_ns"] == stat.st_mtime_ns:
                return FileInfo(**{k: record[k] for k in ("name", "bytes", "sha256", "uploaded_at")})
        except (OSError, ValueError, KeyError, TypeError):
            pass
        digest = hashlib.sha256()
        try:
            with (self.files_dir(owner) / name).open("rb") as handle:
                while chunk := handle.read(CHUNK):
                    digest.update(chunk)
        except OSError:
            return None  # deleted meanwhile
        uploaded = datetime.fromtimestamp(stat.st_mtime, UTC).isoformat(timespec="seconds").replace("+00:00", "Z")
        info = FileInfo(name=name, bytes=stat.st_size, sha256=digest.hexdigest(), uploaded_at=uploaded)
        self._write_meta(owner, info, stat)
        return info

    def delete(self, owner: str, name: str) -> bool:
        """False when the owner has no such upload."""
        check_name(name)
        path = self.files_dir(owner) / name
        try:
            if not path.is_file() or path.is_symlink():
                return False
            path.unlink()
        except FileNotFoundError:
            return False
        (self.owner_dir(owner) / "meta" / f"{name}.json").unlink(missing_ok=True)
        return True
