"""Programs and questions that arrive over HTTP never read server files.

On one's own machine `from "data.csv" column y` is what a user wants; on a server it would let any
caller read /etc/passwd or ../secrets. The API refuses every program that reads a CSV file before
anything runs (a clear 400 naming the line and column), and runs graphs and programs under
`dsl.files.file_access(None)` as well, so a program no check foresaw (a planner's) reads no file
either. A confined data directory over HTTP (uploads, `HAVOC_DATA_DIR`) is not offered yet.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from api.errors import ApiError
from dsl.ast import Column, Columns, Program


def _file_reads(node: Any) -> list[Column | Columns]:
    found: list[Column | Columns] = []
    if isinstance(node, (Column, Columns)):
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


def refuse_file_reads(program: Program, field: str = "program") -> None:
    reads = _file_reads(program)
    if reads:
        first = reads[0]
        where = f"line {first.line}, column {first.column}: " if first.line else ""
        raise ApiError(400, f"{field}: {where}programs sent over HTTP cannot read files on the server "
                            "(send the data inline, e.g. [1.2, 3.4])", param=field, code="file_access_refused")


def refuse_question_file_reads(question: str, field: str = "question") -> None:
    """A question whose DSL block (what PLAN would run as the user's program) reads a file is refused."""
    import dsl
    from graphs.stages.plan import user_dsl
    from tools.errors import HavocInputError

    try:
        text = user_dsl(question)
    except HavocInputError:
        return  # a broken fenced block: the graph reports its error, it reads nothing
    if text is not None:
        refuse_file_reads(dsl.parse(text), field)
