"""The HAVOC language: parse, check, format and execute programs of DOE, SPC, statistics and maths.

    program = dsl.parse(text, source="plan.havoc")
    dsl.check(program, base_dir=Path("."))
    results = dsl.execute(program, base_dir=Path("."), env=bindings)
    text = dsl.format(program)
"""

from __future__ import annotations

from dsl.ast import Program
from dsl.errors import DslError, DslRuntimeError, DslSemanticError, DslSyntaxError
from dsl.parser import parse, parse_expression

__all__ = [
    "DslError", "DslRuntimeError", "DslSemanticError", "DslSyntaxError", "Program", "StatementResult",
    "check", "execute", "format", "parse", "parse_expression",
]


def __getattr__(name: str):
    # check/format/execute are imported on first use: parsing alone should not pay for the executor
    if name == "check":
        from dsl.check import check

        return check
    if name == "format":
        from dsl.format import format_program

        return format_program
    if name == "execute":
        from dsl.execute import execute

        return execute
    if name == "StatementResult":
        from dsl.execute import StatementResult

        return StatementResult
    raise AttributeError(f"module 'dsl' has no attribute {name!r}")
