"""Programs and questions that arrive over HTTP read CSV files only from the caller's data.

On one's own machine `from "data.csv" column y` is what a user wants; on a server it would let any
caller read /etc/passwd or ../secrets. Over HTTP a name is looked up in two places, in this order:
the caller's own uploads (`$HAVOC_HOME/uploads/OWNER/files`, see `api/uploads.py`), then the
operator's `HAVOC_DATA_DIR` when it is set. An upload wins over a data-directory file of the same
name: what the caller sent is what the caller means. Nothing else is ever read.

Two guards, so that no program slips between them:
- before anything runs, every file a program names is checked (a clear 400 naming the line and
  column): an absolute path, `~`, `..`, or a name whose real path (symlinks followed) leaves its
  directory is refused; a name that is simply not there is left to the DSL's own located error;
- graphs and programs then run under `dsl.files.file_access(roots)`, so a program no check
  foresaw (a planner's) reads under the same roots, and only there.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path, PureWindowsPath
from typing import Any

from api.errors import ApiError
from dsl.ast import Column, Columns, Program
from tools.errors import HavocInputError


def _file_reads(node: Any) -> list[Column | Columns]:
    found: list[Column | Columns] = []
    if isinstance(node, (Column, Columns)) and node.file is not None:
        found.append(node)
    if dataclasses.is_dataclass(node) and not isinstance(node, type):
        for f in dataclasses.fields(node):
            found.extend(_file_reads(getattr(node, f.name)))
    elif isinstance(node, (list, tuple)):
        for item in node:
            found.extend(_file_reads(item))
    elif isinstance(node, dict):
        for item in node.values():
            found.extend(_file_reads(item))
    return found


def _why_refused(name: str) -> str | None:
    """What a name asks for that a caller may never have, before looking at any file."""
    if "\x00" in name:
        return "a file name cannot hold a NUL character"
    if name.startswith("~"):
        return "'~' (a home directory) is not readable over HTTP"
    if Path(name).is_absolute() or PureWindowsPath(name).is_absolute() or name.startswith("\\"):
        return "an absolute path is not readable over HTTP"
    if ".." in Path(name.replace("\\", "/")).parts:
        return "'..' is not allowed in a file name over HTTP"
    return None


@dataclasses.dataclass(frozen=True)
class DataAccess:
    """The directories one caller's programs read, in the order a name is looked up."""

    roots: tuple[Path, ...]

    def check_program(self, program: Program, field: str = "program") -> None:
        from dsl.files import OutsideDataRoot, resolve

        for read in _file_reads(program):
            where = f"line {read.line}, column {read.column}: " if read.line else ""
            shown = read.file if len(read.file) <= 80 else read.file[:77] + "..."
            reason = _why_refused(read.file)
            if reason is None:
                try:
                    resolve(read.file, None, self.roots)
                except OutsideDataRoot:
                    reason = "it leads outside your uploads and the server's data directory"
                except HavocInputError:
                    pass  # not there (or unreadable): the DSL says so with its own location
            if reason is not None:
                raise ApiError(400, f"{field}: {where}{shown!r}: {reason}; programs sent over HTTP read only "
                                    "your uploads (POST /v1/files) and the server's data directory",
                               param=field, code="file_access_refused")

    def check_question(self, question: str, field: str = "question") -> None:
        """A question's DSL block (what PLAN would run as the user's program) is checked the same way."""
        import dsl
        from graphs.stages.plan import user_dsl

        try:
            text = user_dsl(question)
            program = dsl.parse(text) if text is not None else None
        except HavocInputError:
            return  # a broken block: the graph reports its error, and it reads nothing
        if program is not None:
            self.check_program(program, field)
