"""Errors of the HAVOC language, located in the program text.

Why a family of its own: the CLI, the graph and the API must treat a bad
program exactly like any other bad input (`HavocInputError`: exit code 2, HTTP
4xx, one line), while a person reading it needs more: the file, the line, a
caret under the spot and what was expected in words. `str()` stays one line;
`.pretty()` gives the full picture.
"""

from __future__ import annotations

from tools.errors import HavocInputError


class DslError(HavocInputError):
    """A bad program: one-line `str()`, multi-line `.pretty()`, with its location."""

    kind = "error"

    def __init__(
        self,
        message: str,
        *,
        line: int | None = None,
        column: int | None = None,
        source: str = "<program>",
        text: str | None = None,
    ) -> None:
        self.line = line
        self.column = column
        self.source = source
        self.text = text
        self.detail = " ".join(str(message).split())
        # set where known: which statement (0-based, in the program) failed, and, from `dsl.execute`,
        # the results of the statements that ran before it
        self.index: int | None = None
        self.results: list = []
        super().__init__(f"{self.where()}: {self.kind}: {self.detail}")

    def where(self) -> str:
        if self.line is None:
            return self.source
        if self.column is None:
            return f"{self.source}:{self.line}"
        return f"{self.source}:{self.line}:{self.column}"

    def source_line(self) -> str | None:
        if self.text is None or self.line is None:
            return None
        lines = self.text.splitlines()
        return lines[self.line - 1] if 0 < self.line <= len(lines) else None

    def pretty(self) -> str:
        """file:line:col, the offending line, a caret under the spot, the message."""
        out = [f"{self.where()}: {self.kind}"]
        code = self.source_line()
        if code is not None:
            out.append(f"  {self.line:>4} | {code}")
            if self.column is not None:
                # keep tabs so the caret lines up however the terminal renders them
                pad = "".join(c if c == "\t" else " " for c in code[: self.column - 1])
                out.append(f"       | {pad}^")
        out.append(f"  {self.detail}")
        return "\n".join(out)

    def relocated(self, *, source: str, text: str) -> DslError:
        """The same error, told against another file name and text (the CLI knows them; the parser may not)."""
        moved = type(self)(self.detail, line=self.line, column=self.column, source=source, text=text)
        moved.index, moved.results = self.index, self.results
        return moved

    def as_json(self, statement: str | None = None) -> dict:
        """The machine form: what went wrong, where, and in which statement (its canonical text, if known)."""
        return {"kind": self.kind, "source": self.source, "line": self.line, "column": self.column,
                "message": self.detail, "statement_index": self.index,
                "statement": statement if statement is not None else self.source_line()}


class DslSyntaxError(DslError):
    """The text is not a HAVOC program."""

    kind = "syntax error"


class DslSemanticError(DslError):
    """The program parses but cannot mean anything: unknown names, impossible ranges, missing files."""

    kind = "error"


class DslRuntimeError(DslError):
    """A statement was well formed, but its data or the tool it calls refused it."""

    kind = "error"
