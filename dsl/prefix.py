"""Is this text the beginning of some HAVOC program? The question constrained decoding asks.

Why here: a language model generates sub-word pieces, not grammar terminals; a
decoder keeps a piece only if the text so far can still grow into a program.
Answering that needs the grammar (which terminals may come next, from the LALR
table) and the lexer (is the unfinished last word the start of one of them).
`is_valid_prefix` does both; `is_complete` says the text is a whole program.
"""

from __future__ import annotations

import re

from lark import Token
from lark.exceptions import UnexpectedInput

from dsl.parser import accepts, interactive, lark_parser

# what an unfinished token may look like, for the terminals whose text is open-ended
_PARTIAL = {
    "NAME": re.compile(r"[A-Za-z_][A-Za-z0-9_]*"),
    "NUMBER": re.compile(r"\d+([eE][+-]?\d*)?|\d*\.(\d+([eE][+-]?\d*)?)?"),
    "STRING": re.compile(r'"([^"\\\n]|\\["\\])*\\?'),
}
_WORDS = re.compile(r"\(\?i:([A-Za-z_|]+)\)")


def _choices(name: str) -> list[str] | None:
    """The words of an enumeration terminal such as CHART_KIND, or None if it is not one."""
    term = next((t for t in lark_parser().terminals if t.name == name), None)
    if term is None:
        return None
    if type(term.pattern).__name__ == "PatternStr":
        return [term.pattern.value]
    found = _WORDS.search(term.pattern.value)
    return found.group(1).split("|") if found else None


def _could_start(terminal: str, partial: str) -> bool:
    """Can `partial` grow into (or already be) a token of `terminal`? Keywords ignore case."""
    if terminal in _PARTIAL:
        return _PARTIAL[terminal].fullmatch(partial) is not None
    words = _choices(terminal)
    return words is not None and any(w.lower().startswith(partial.lower()) for w in words)


def _lexed(text: str) -> tuple[list[Token], int]:
    """The tokens the parser took before anything went wrong, and where lexing stopped."""
    tokens: list[Token] = []
    ip = lark_parser().parse_interactive(text)
    stop = len(text)
    try:
        for token in ip.iter_parse():
            tokens.append(token)
    except UnexpectedInput as exc:
        position = getattr(exc, "pos_in_stream", None)
        token = getattr(exc, "token", None)
        if token is not None and token.type != "$END" and token.start_pos is not None:
            stop = token.end_pos if token.end_pos is not None else len(text)
            if not tokens or tokens[-1] is not token:
                tokens.append(token)
        elif position is not None:
            stop = position
    return tokens, stop


def is_valid_prefix(text: str) -> bool:
    """True if some continuation of `text` is a complete, syntactically valid program."""
    tokens, stop = _lexed(text)
    ip = interactive("")
    before: dict[int, set[str]] = {}  # what was acceptable before each of the last three tokens
    fed = 0
    for index, token in enumerate(tokens):
        allowed = accepts(ip)
        if index >= len(tokens) - 3:
            before[index] = allowed
        if token.type not in allowed:
            break
        ip.feed_token(token)
        fed += 1
    # the last word may be unfinished ("desc", "xbar_", "1.", "1.5e", "\"rin"): the lexer may have cut it
    # into several tokens, so try the tail from each of the last few, when they touch each other
    for index in sorted(before, reverse=True):
        if index > fed:
            continue
        tail = text[tokens[index].start_pos :]
        if any(a.end_pos != b.start_pos for a, b in zip(tokens[index:], tokens[index + 1 :], strict=False)):
            break
        if any(_could_start(t, tail) for t in before[index]):
            return True
    if fed < len(tokens):
        return False
    # ... or every token is finished, with only blanks (or the start of the next token) after them
    rest = text[stop:].lstrip()
    return not rest or any(_could_start(t, rest) for t in accepts(ip))


def is_complete(text: str) -> bool:
    """True if `text` is a whole program (it parses; the checker may still object)."""
    try:
        ip = interactive(text)
    except UnexpectedInput:
        return False
    except Exception:  # noqa: BLE001 - DslSyntaxError from a bad prefix
        return False
    return "$END" in accepts(ip)
