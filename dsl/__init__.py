"""The HAVOC language: parse, check, format and execute programs of DOE, SPC, statistics and maths.

    program = dsl.parse(text, source="plan.havoc")
    dsl.check(program, base_dir=Path("."))
    results = dsl.execute(program, base_dir=Path("."), env=bindings)
    text = dsl.format(program)

Files: `dsl.execute(program, data_root=None)` reads no file, `data_root=Path("/srv/data")` only
files under it, `dsl.LOCAL` (the default) any file; `with dsl.file_access(root):` sets it for a
whole context (see `dsl.files`).

The modules are named `formatter`, `checker`, `executor` (not `format`, `check`,
`execute`) so that importing one never replaces the function of the same name here.
"""

from __future__ import annotations

from dsl.ast import Program
from dsl.checker import check
from dsl.errors import DslError, DslRuntimeError, DslSemanticError, DslSyntaxError
from dsl.executor import StatementResult, execute
from dsl.files import LOCAL, file_access
from dsl.formatter import format_program as format  # noqa: A004 - the public name the graph calls
from dsl.formatter import format_statement
from dsl.parser import parse, parse_expression

__all__ = [
    "DslError", "DslRuntimeError", "DslSemanticError", "DslSyntaxError", "Program", "StatementResult",
    "LOCAL", "check", "execute", "file_access", "format", "format_statement", "parse", "parse_expression",
]
