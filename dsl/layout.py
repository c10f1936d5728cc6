"""Comments and blank lines of a program's text, kept on its statements for the formatter.

Why: `havoc-agent dsl fmt --write` rewrites people's files; it must not eat
their notes. The grammar ignores comments, so they are found here, in the text,
and hung on the statement they sit above (or inside, or at the end of).
"""

from __future__ import annotations

from dsl import ast


def comments_in(text: str) -> list[tuple[int, int, str]]:
    """(line, column, comment text without `#`) for every comment; a `#` inside a string is not one."""
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        if "#" not in line:
            continue
        in_string = escaped = False
        for index, char in enumerate(line):
            if in_string:
                if escaped:
                    escaped = False
                elif char == "\\":
                    escaped = True
                elif char == '"':
                    in_string = False
            elif char == '"':
                in_string = True
            elif char == "#":
                found.append((number, index + 1, line[index + 1 :].strip()))
                break
    return found


def attach_layout(program: ast.Program, text: str) -> None:
    """Give each statement the comments above it (or inside it) and on its last line, and note blank lines.

    Why: `havoc-agent dsl fmt --write` rewrites people's files; it must not eat their notes.
    Comment lists hold `None` for a blank line between comments.
    """
    lines = text.splitlines()
    by_line = {c[0]: c[2] for c in comments_in(text)}
    previous_end = 0
    for statement in program.statements:
        start = statement.line or previous_end + 1
        end = statement.end_line or start
        before, blank = _gap(lines, by_line, previous_end + 1, start)
        statement.blank_before = blank and previous_end > 0
        inside = [by_line[n] for n in range(max(start, previous_end + 1), end) if n in by_line]
        if end in by_line and end != previous_end:
            statement.trailing_comment = by_line[end]
        statement.comments = before + inside
        previous_end = end
    program.closing_comments, _ = _gap(lines, by_line, previous_end + 1, len(lines) + 1)
    while program.closing_comments and program.closing_comments[-1] is None:
        program.closing_comments.pop()


def _gap(lines: list[str], by_line: dict[int, str], first: int, stop: int) -> tuple[list[str | None], bool]:
    """Comment lines in [first, stop), blank lines between them as None; and whether a blank line leads."""
    out: list[str | None] = []
    leading_blank = False
    for number in range(first, stop):
        if number in by_line and not lines[number - 1].split("#", 1)[0].strip():
            out.append(by_line[number])
        elif number - 1 < len(lines) and not lines[number - 1].strip():
            if out and out[-1] is not None:
                out.append(None)
            elif not out:
                leading_blank = True
    return out, leading_blank
