"""CSV files as HAVOC data: a header row, then one observation per row.

Why our own small reader: numbers must stay `Decimal` (the certified-data
promise), errors must name the file, row and column, and the checker wants the
header alone without reading a large file twice. Comma, semicolon and tab
separated files are recognised from the header line.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

from dsl.files import Access, DataRoot, resolve
from tools.errors import HavocInputError
from tools.limits import limits


@dataclass
class CsvTable:
    path: Path
    header: list[str]
    rows: list[list[str]] = field(repr=False)

    def column_index(self, name: str) -> int:
        try:
            return self.header.index(name)
        except ValueError:
            shown = ", ".join(self.header[:12]) + (", ..." if len(self.header) > 12 else "")
            raise HavocInputError(f"{self.path.name} has no column {name!r} (columns: {shown})") from None

    def labels(self, name: str) -> list[str]:
        index = self.column_index(name)
        out = []
        for number, row in enumerate(self.rows, start=2):
            cell = row[index].strip() if index < len(row) else ""
            if cell == "":
                raise HavocInputError(f"{self.path.name} line {number}: column {name!r} is empty")
            out.append(cell)
        return out

    def numbers(self, name: str) -> list[Decimal]:
        out = []
        for number, cell in enumerate(self.labels(name), start=2):
            try:
                value = Decimal(cell)
            except InvalidOperation:
                raise HavocInputError(
                    f"{self.path.name} line {number}: column {name!r} holds {cell[:30]!r}, not a number"
                ) from None
            if not value.is_finite():
                raise HavocInputError(f"{self.path.name} line {number}: column {name!r} holds {cell!r}, not a finite number")
            out.append(value)
        return out


class CsvCache:
    """One read per file per program run; headers are read on their own for the checker."""

    def __init__(self, base_dir: Path | None, *, data_root: DataRoot = Access.AMBIENT) -> None:
        """`data_root`: which files may be read (`dsl.files`: LOCAL, None for none, or a directory).

        Why: a program can come from a remote caller (the API, a chat model);
        it must not read, or show the first line of, any file on the server.
        """
        self.base_dir = base_dir
        self.data_root = data_root
        self._tables: dict[Path, CsvTable] = {}
        self._headers: dict[Path, list[str]] = {}

    def path(self, file: str) -> Path:
        return resolve(file, self.base_dir, self.data_root)

    def header(self, file: str) -> list[str]:
        path = self.path(file)
        if path not in self._headers:
            if path in self._tables:
                self._headers[path] = self._tables[path].header
            else:
                self._headers[path] = _split_header(_read(path, first_line=True), path)
        return self._headers[path]

    def table(self, file: str) -> CsvTable:
        path = self.path(file)
        if path not in self._tables:
            if path.stat().st_size > limits().max_file_bytes:
                raise HavocInputError(f"{path.name} is larger than the limit of {limits().max_file_mb} MiB "
                                      "(HAVOC_MAX_FILE_MB)")
            self._tables[path] = _parse(_read(path), path)
        return self._tables[path]


def _read(path: Path, *, first_line: bool = False) -> str:
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            return handle.readline(1 << 20) if first_line else handle.read(limits().max_file_bytes + 1)
    except UnicodeDecodeError:
        raise HavocInputError(f"{path.name} is not UTF-8 text") from None
    except OSError as exc:
        raise HavocInputError(f"cannot read {path}: {exc.strerror or exc}") from None


def _dialect(first_line: str) -> str:
    for delimiter in (",", ";", "\t"):
        if delimiter in first_line:
            return delimiter
    return ","


def _split_header(first_line: str, path: Path) -> list[str]:
    header = next(csv.reader([first_line.rstrip("\r\n")], delimiter=_dialect(first_line)), [])
    header = [h.strip() for h in header]
    if not header or all(h == "" for h in header):
        raise HavocInputError(f"{path.name} has no header row (the first line names the columns)")
    return header


def _parse(text: str, path: Path) -> CsvTable:
    try:
        first = text.split("\n", 1)[0]
        reader = csv.reader(io.StringIO(text), delimiter=_dialect(first))
        lines = [row for row in reader if any(cell.strip() for cell in row)]
    except (csv.Error, UnicodeDecodeError) as exc:
        raise HavocInputError(f"{path.name} is not a readable CSV file: {exc}") from None
    if not lines:
        raise HavocInputError(f"{path.name} is empty")
    header = [h.strip() for h in lines[0]]
    return CsvTable(path, header, lines[1:])
