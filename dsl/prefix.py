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
from lark.parsers.lalr_interactive_parser import InteractiveParser

from dsl.errors import DslSyntaxError
from dsl.parser import accepts, interactive, lark_parser

# what an unfinished token may look like, for the terminals whose text is open-ended
_PARTIAL = {
    "NAME": re.compile(r"[A-Za-z_][A-Za-z0-9_]*"),
    "NUMBER": re.compile(r"\d+([eE][+-]?\d*)?|\d*\.(\d+([eE][+-]?\d*)?)?"),
    "STRING": re.compile(r'"([^"\\\n]|\\["\\])*\\?'),
}
_WORDS = re.compile(r"\(\?i:([A-Za-z_|]+)\)")
# digits that stand alone (not after a letter, as in "phase2" or "x1") can be any digit: NUMBER's
# pattern is digit-blind, so "52.04, 5" and "00.00, 0" read alike and share one cache entry
_FREE_DIGITS = re.compile(r"(?<![A-Za-z_\d])\d+")
_CACHE_LIMIT = 200_000


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


def _from(ip: InteractiveParser, text: str) -> InteractiveParser:
    """A copy of `ip` that will read `text` next (positions in its tokens are relative to `text`)."""
    fork = ip.copy(deepcopy_values=False)
    fork.lexer_thread = lark_parser().parser._make_lexer_thread(text)
    return fork


def _lexed(ip: InteractiveParser, text: str) -> tuple[list[Token], int]:
    """Reading `text` after `ip`: the tokens taken before anything went wrong, and where lexing stopped."""
    tokens: list[Token] = []
    fork = _from(ip, text)
    stop = len(text)
    try:
        for token in fork.iter_parse():
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
    return _valid_after(interactive(""), text)


def _valid_after(start: InteractiveParser, text: str) -> bool:
    tokens, stop = _lexed(start, text)
    ip = start.copy(deepcopy_values=False)
    before: dict[int, set[str]] = {}  # what was acceptable before each of the last three tokens
    fed = 0
    for index, token in enumerate(tokens):
        if index >= len(tokens) - 3:  # only the tail needs the (costlier) question
            before[index] = accepts(ip)
            if token.type not in before[index]:
                break
        try:
            ip.feed_token(token)
        except UnexpectedInput:
            break
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


def _shape(text: str) -> str:
    return _FREE_DIGITS.sub(lambda m: "0" * len(m.group(0)), text)


# Answers shared by every checker in the process, keyed by (LALR state stack, shape of the unread
# tail): whether the tail can still grow into a program, and how the lexer cuts it. A planner
# writes the same statements over and over, so after a few programs nearly every question is a
# dictionary lookup instead of a lexer run plus a walk of the parse table (about 1 ms).
_VALID: dict[tuple[tuple[int, ...], str], bool] = {}
_LEXED: dict[tuple[tuple[int, ...], str], tuple[list[tuple[str, int, int]], int]] = {}


def _remember(cache: dict, key: tuple, value: object) -> None:
    if len(cache) >= _CACHE_LIMIT:
        cache.clear()
    cache[key] = value


class PrefixChecker:
    """`is_valid_prefix` for a decoder that grows the text piece by piece, at the cost of the unread tail.

        checker = PrefixChecker()
        keep = [p for p in candidates if checker.allows(p)]
        checker.push(chosen)

    Tokens followed by a blank are final: they are fed to the parser once and
    not read again, so each question costs the unfinished tail, not the text;
    answers are cached per parser state and tail shape (see `_VALID`).
    """

    def __init__(self) -> None:
        self._ip = interactive("")
        self._done = ""  # text whose tokens are fed
        self._tail = ""  # text still read on every question

    @property
    def text(self) -> str:
        return self._done + self._tail

    def _key(self, text: str) -> tuple[tuple[int, ...], str]:
        return tuple(self._ip.parser_state.state_stack), _shape(text)

    def allows(self, piece: str) -> bool:
        key = self._key(self._tail + piece)
        found = _VALID.get(key)
        if found is None:
            found = _valid_after(self._ip, self._tail + piece)
            _remember(_VALID, key, found)
        return found

    def complete(self) -> bool:
        """The text so far is a whole program."""
        tokens, stop = _lexed(self._ip, self._tail)
        if self._tail[stop:].strip():
            return False
        ip = self._ip.copy(deepcopy_values=False)
        try:
            for token in tokens:
                ip.feed_token(token)
        except UnexpectedInput:
            return False
        return "$END" in accepts(ip)

    def push(self, piece: str) -> None:
        if not self.allows(piece):
            raise DslSyntaxError(f"{(self._tail + piece)[-40:]!r} cannot continue the program")
        self._tail += piece
        key = self._key(self._tail)
        fixed = _LEXED.get(key)
        if fixed is None:
            fixed = self._fixed_tokens()
            _remember(_LEXED, key, fixed)
        spans, cut = fixed
        for kind, start, end in spans:
            self._ip.feed_token(Token(kind, self._tail[start:end], start_pos=start, end_pos=end))
        self._done += self._tail[:cut]
        self._tail = self._tail[cut:]

    def _fixed_tokens(self) -> tuple[list[tuple[str, int, int]], int]:
        """The tokens of the tail that a blank has made final (type and span), and where they end."""
        tokens, _ = _lexed(self._ip, self._tail)
        # a blank fixes every token before it: text appended later cannot change how they were read
        last = max((i for i, t in enumerate(tokens)
                    if t.end_pos is not None and t.end_pos < len(self._tail) and self._tail[t.end_pos].isspace()),
                   default=-1)
        spans = [(t.type, t.start_pos, t.end_pos) for t in tokens[: last + 1]]
        return spans, spans[-1][2] if spans else 0


def is_complete(text: str) -> bool:
    """True if `text` is a whole program (it parses; the checker may still object)."""
    try:
        ip = interactive(text)
    except UnexpectedInput:
        return False
    except Exception:  # noqa: BLE001 - DslSyntaxError from a bad prefix
        return False
    return "$END" in accepts(ip)
