"""Text -> typed AST, with errors a person can act on.

The Lark LALR parser is built once per process (`_lark()`), because the agent
parses on every plan and the constrained decoder asks it on every token.
Syntax errors never show Lark's token names: `words.describe_expected` turns
them into "a number", "`..`", "a design kind (box_behnken, ...)".
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
from pathlib import Path
from typing import Any

import lark
from lark import Lark, Token
from lark.exceptions import UnexpectedCharacters, UnexpectedEOF, UnexpectedInput, UnexpectedToken, VisitError
from lark.parsers.lalr_analysis import Shift
from lark.parsers.lalr_interactive_parser import InteractiveParser

from dsl import ast
from dsl.builder import Build
from dsl.errors import DslError, DslSyntaxError
from dsl.layout import attach_layout
from dsl.words import describe_expected, describe_token, hint

GRAMMAR_PATH = Path(__file__).with_name("havoc.lark")
MAX_PROGRAM_CHARS = 8 * 1024 * 1024


_OPTIONS: dict[str, Any] = {"parser": "lalr", "lexer": "contextual", "propagate_positions": True,
                            "maybe_placeholders": False}


def _tables_path(grammar: str) -> Path:
    """Where the compiled tables of this grammar, options and Lark version are kept: beside the grammar, as
    trusted as the code (the file is a pickle, so never a shared temp directory)."""
    key = hashlib.sha256(f"{grammar}\n{sorted(_OPTIONS.items())}\n{lark.__version__}".encode()).hexdigest()[:16]
    return GRAMMAR_PATH.with_name(f".havoc.lark.{key}.tables")


@functools.cache
def _lark() -> Lark:
    """Built from the grammar once per install (~0.1-0.2 s of a cold `ask`), then loaded from saved tables."""
    grammar = GRAMMAR_PATH.read_text(encoding="utf-8")
    tables = _tables_path(grammar)
    try:
        with tables.open("rb") as f:
            return Lark.load(f)
    except Exception:  # noqa: BLE001 - absent, stale or unreadable tables: build from the grammar instead
        pass
    parser = Lark(grammar, **_OPTIONS)
    with contextlib.suppress(OSError):  # a read-only install just builds every time
        tmp = tables.with_name(f"{tables.name}.{os.getpid()}.tmp")
        with tmp.open("wb") as f:
            parser.save(f)
        os.replace(tmp, tables)  # atomic: a concurrent reader sees the old file or the whole new one
        for old in tables.parent.glob(".havoc.lark.*.tables"):  # tables of earlier grammars
            if old != tables:
                old.unlink(missing_ok=True)
    return parser


def lark_parser() -> Lark:
    """The compiled Lark parser (shared; do not mutate)."""
    return _lark()


def parse(text: str, *, source: str = "<program>") -> ast.Program:
    """Parse a HAVOC program; raises `DslSyntaxError` with line, column and words."""
    if not isinstance(text, str):
        raise DslSyntaxError(f"a program is text, got {type(text).__name__}", source=source)
    if len(text) > MAX_PROGRAM_CHARS:
        raise DslSyntaxError(f"the program is longer than {MAX_PROGRAM_CHARS // 2**20} MiB", source=source)
    try:
        tree = _lark().parse(text)
    except UnexpectedInput as exc:
        raise _syntax_error(exc, text, source) from None
    try:
        statements = Build().transform(tree)
    except VisitError as exc:
        inner = exc.orig_exc
        if isinstance(inner, DslError):
            raise inner.relocated(source=source, text=text) from None
        if isinstance(inner, RecursionError):
            raise DslSyntaxError("the program is nested too deeply", source=source, text=text) from None
        raise
    except RecursionError:
        raise DslSyntaxError("the program is nested too deeply", source=source, text=text) from None
    program = ast.Program(statements, source=source, text=text, line=1, column=1)
    if "#" in text or "\n\n" in text:
        attach_layout(program, text)
    return program


def parse_expression(text: str) -> ast.Expr:
    """A formula in canonical form (`x^3*sin(x)`), for code that builds programs from parts."""
    if not isinstance(text, str) or "#" in text or "\n" in text or "\r" in text:
        raise DslSyntaxError("a formula is one line of text, without comments", source="<formula>")
    program = parse(f"simplify {text}", source="<formula>")
    if len(program.statements) != 1:
        raise DslSyntaxError("expected one formula", source="<formula>")
    return program.statements[0].expression


def interactive(text: str = "") -> InteractiveParser:
    """A Lark interactive parser positioned after `text`: `.accepts()` gives the terminals allowed next.

    The constrained decoder asks `dsl.parser.accepts(ip)` (fast; same answer as
    `ip.accepts()`), feeds the chosen token with `ip.feed_token(Token(type, value))`,
    and `ip.copy()` forks it to try alternatives.
    """
    ip = _lark().parse_interactive(text)
    try:
        ip.exhaust_lexer()
    except UnexpectedInput as exc:
        raise _syntax_error(exc, text, "<prefix>") from None
    return ip


def accepts(ip: InteractiveParser) -> set[str]:
    """The terminals `ip` can take next: the same set as `ip.accepts()`, without copying the parser.

    Why: Lark's `accepts()` copies the whole parser and feeds a fake token for
    every candidate terminal (milliseconds after a complete statement, where some
    70 are possible); the constrained decoder asks on every generated token.
    This walks the LALR table on a copy of the state stack only.
    """
    state = ip.parser_state
    conf = state.parse_conf
    states = conf.parse_table.states
    stack = state.state_stack
    found = set()
    for terminal in states[stack[-1]]:
        if terminal.isupper() and _can_shift(states, stack, terminal, conf.end_state):
            found.add(terminal)
    return found


def _can_shift(states: Any, stack: list, terminal: str, end_state: Any) -> bool:
    stack = list(stack)
    while True:
        action, arg = states[stack[-1]].get(terminal, (None, None))
        if action is None:
            return False
        if action is Shift:
            return True
        size = len(arg.expansion)  # a reduction: pop the rule's states, then follow its goto
        if size:
            del stack[-size:]
        goto = states[stack[-1]].get(arg.origin.name)
        if goto is None:
            return False
        stack.append(goto[1])
        if terminal == "$END" and stack[-1] == end_state:
            return True


def terminal_patterns() -> dict[str, str]:
    """Every terminal's regular expression, for a decoder that matches generated text to terminals."""
    return {t.name: t.pattern.to_regexp() for t in _lark().terminals}


# ---------------------------------------------------------------- errors


def _syntax_error(exc: UnexpectedInput, text: str, source: str) -> DslSyntaxError:
    terminals = {t.name: t for t in _lark().terminals}
    line, column = getattr(exc, "line", None), getattr(exc, "column", None)
    if isinstance(exc, UnexpectedCharacters):
        char = text[exc.pos_in_stream] if exc.pos_in_stream < len(text) else ""
        before = _tokens_before(text, exc.pos_in_stream)
        if char == '"':
            message = "this string is not closed: a string ends with `\"` on the same line"
        else:
            expected = describe_expected(_accepts_at(text, exc.pos_in_stream, exc.allowed), terminals)
            message = f"unexpected character `{char}`; expected {expected}" + (f" after `{before}`" if before else "")
    elif isinstance(exc, UnexpectedEOF) or (isinstance(exc, UnexpectedToken) and exc.token.type == "$END"):
        expected = describe_expected(_precise(exc), terminals)
        before = _tokens_before(text, len(text))
        message = f"the program ends too early; expected {expected}" + (f" after `{before}`" if before else "")
        line, column = _end_position(text)
    else:
        assert isinstance(exc, UnexpectedToken)
        allowed = _precise(exc)
        expected = describe_expected(allowed, terminals)
        before = _tokens_before(text, exc.token.start_pos)
        message = f"unexpected {describe_token(exc.token, terminals)}; expected {expected}"
        if before:
            message += f" after `{before}`"
        message += hint(exc.token, allowed, terminals, before)
    return DslSyntaxError(message, line=line, column=column, source=source, text=text)


def _precise(exc: UnexpectedInput) -> set[str]:
    """What really may come next: LALR's error state over-reports (merged lookaheads), `accepts()` does not."""
    ip = getattr(exc, "interactive_parser", None)
    if ip is not None:
        try:
            return set(ip.accepts())
        except Exception:  # noqa: BLE001 - fall back to Lark's own (coarser) set
            pass
    return set(getattr(exc, "expected", ()) or ())


def _accepts_at(text: str, position: int, fallback: Any) -> set[str]:
    try:
        ip = _lark().parse_interactive(text[:position])
        ip.exhaust_lexer()
        return set(ip.accepts())
    except UnexpectedInput:
        return set(fallback or ())


def _tokens_before(text: str, position: int | None, limit: int = 3) -> str:
    """The last few tokens before `position`, on its line if any, to say what the error follows."""
    if position is None:
        return ""
    tokens: list[Token] = []
    ip = _lark().parse_interactive(text)
    try:
        for token in ip.iter_parse():
            if token.start_pos is not None and token.start_pos >= position:
                break
            tokens.append(token)
    except UnexpectedInput:
        pass
    if not tokens:
        return ""
    error_line = text.count("\n", 0, position) + 1
    same_line = [t for t in tokens if t.line == error_line]
    chosen = same_line[-limit:] if same_line else tokens[-min(limit, 2):]
    return " ".join(text[chosen[0].start_pos : chosen[-1].end_pos].split())


def _end_position(text: str) -> tuple[int, int]:
    stripped = text.rstrip()
    line = stripped.count("\n") + 1
    column = len(stripped) - (stripped.rfind("\n") + 1) + 1
    return line, column


# ---------------------------------------------------------------- tree -> AST
