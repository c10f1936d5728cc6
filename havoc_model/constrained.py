"""Grammar-constrained decoding that costs one check per token, not one per vocabulary entry.

The obvious way (ask the grammar about every piece of the vocabulary, mask the rest) cost
0.47 s per token here. Instead the decoder samples as usual and asks the grammar about the
sampled piece only; when it is refused, the next candidates are tried in logit order. A
trained planner's first choice is nearly always allowed, so the usual cost is one prefix check.

The grammar itself is outside this package (havoc_model knows no DSL): anything with
`allows(piece)`, `push(piece)` and `complete()` works, such as `dsl.prefix.PrefixChecker`.
`CopiedNumbers` wraps one so that every literal number must be copied from a source text.
"""

from __future__ import annotations

import re
import time
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

import torch

_BYTE_PIECE = re.compile(r"<0x([0-9A-Fa-f]{2})>")
_SPACE_MARK = "\u2581"
# a number not glued to a name or to another number; "150..200" holds two (a range), not "150."
_NUMBER = re.compile(r"(?<![A-Za-z_\d])(?<!\d\.)\d+(?:\.\d+)?(?:[eE][-+]?\d+)?")
# ".5" (or "." in a list): a number begun without its digits, which copying never needs; a lone "."
# elsewhere may begin a range ".."
_BARE_DOT = re.compile(r"(?<![\w.])\.(\d*)\Z")
_EVENTS = re.compile(f"(?:{_NUMBER.pattern})|[\\[\\]]")  # a number or a bracket, in text order
_NUMBER_CHARS = frozenset("0123456789.eE+-")
_PENDING = re.compile(r"\.\d*|[eE][-+]?|\.\d+[eE][-+]?")  # what may still grow a number at the end


class PrefixGrammar(Protocol):
    def allows(self, piece: str) -> bool: ...
    def push(self, piece: str) -> None: ...
    def complete(self) -> bool: ...


def piece_table(tokenizer: object) -> list[str | None]:
    """Each id's text when appended, or None where it can never be part of constrained text.

    Control tokens and non-ASCII byte pieces (half a UTF-8 character, which a prefix check
    cannot judge) are excluded; with identity normalisation, text = concatenated pieces.
    """
    size = int(tokenizer.vocab_size)  # type: ignore[attr-defined]
    table: list[str | None] = []
    for token_id in range(size):
        if tokenizer.is_special(token_id):  # type: ignore[attr-defined]
            table.append(None)
            continue
        piece = tokenizer.id_to_piece(token_id)  # type: ignore[attr-defined]
        byte = _BYTE_PIECE.fullmatch(piece)
        if byte:
            value = int(byte.group(1), 16)
            table.append(_printable(chr(value)) if value < 0x80 else None)
        else:
            table.append(_printable(piece.replace(_SPACE_MARK, " ")))
    return table


def _printable(text: str) -> str | None:
    """Control characters other than newline and tab never belong in constrained text."""
    if not text or any(unicodedata.category(c) == "Cc" and c not in "\n\t" for c in text):
        return None
    return text


def numbers_in(text: str) -> set[str]:
    return {m.group(0) for m in _NUMBER.finditer(text)}


@dataclass
class _Copying:
    """Where copying stands after the counted text: list depth, last question number used by the
    current list (an index into the question's numbers), and how often each value was written."""

    depth: int = 0
    after: int = -1
    used: Counter = field(default_factory=Counter)

    def fork(self) -> _Copying:
        return _Copying(self.depth, self.after, Counter(self.used))


class CopiedNumbers:
    """A grammar whose literal numbers are copied from `source` (small counts ≤ `small_max` excepted).

    The model may misread a question, but it cannot invent data: every number it writes is
    one the user wrote, and no more often than the user wrote it (a value given once cannot
    fill a whole list). Inside `[...]` a number is data: a list (nested lists included) takes
    the user's numbers in the user's order, skipping some if it likes (the question may hold
    two lists), as a control chart or a paired test needs. Small counts are free only outside
    brackets and written as integers (`factors 3`); "5.0" or "10" in a list must be the user's.
    An unfinished number must be able to end as an allowed one.
    """

    def __init__(self, grammar: PrefixGrammar, source: str, *, small_max: int = 20) -> None:
        self.grammar = grammar
        self._seq = [(m.group(0), _value(m.group(0))) for m in _NUMBER.finditer(source)]
        self.allowed = {lit for lit, _ in self._seq} | {str(i) for i in range(small_max + 1)}
        self._budget = Counter(v for _, v in self._seq)  # how often each value may be written
        self._free = {float(i) for i in range(small_max + 1)}
        self._state = _Copying()
        self._counted = 0  # the text before this is final and walked into _state
        self.text = ""

    def _next(self, value: float | None, state: _Copying) -> int | None:
        """The question position this value is copied from (in a list: the first after the last one)."""
        for j in range(state.after + 1 if state.depth else 0, len(self._seq)):
            if self._seq[j][1] == value:
                return j
        return None

    def _take(self, value: float | None, count: bool, state: _Copying) -> bool:
        if value is None:
            return False
        if count and value in self._free:
            return True
        if state.used[value] >= self._budget.get(value, 0):
            return False
        j = self._next(value, state)
        if j is None:
            return False
        if state.depth:
            state.after = j
        state.used[value] += 1
        return True

    def _could_end(self, literal: str, count: bool, state: _Copying) -> bool:
        """An unfinished number that can still end as one the rules allow."""
        closed = literal.rstrip(".eE+-")
        if closed and self._take(_value(closed), count and closed.isdigit(), state.fork()):
            return True
        if count and closed.isdigit() and any(str(int(f)).startswith(closed) for f in self._free):
            return True
        start = state.after + 1 if state.depth else 0
        return any(lit.startswith(literal) and self._take(v, False, state.fork()) for lit, v in self._seq[start:])

    def _walk(self, text: str, start: int, end: int, state: _Copying, *, final: bool) -> bool:
        """Follow brackets and numbers in text[start:end]; False as soon as a number breaks the rules."""
        for match in _EVENTS.finditer(text, start, end):
            token = match.group(0)
            if token == "[":
                state.depth += 1
                if state.depth == 1:
                    state.after = -1
                continue
            if token == "]":
                state.depth = max(0, state.depth - 1)
                continue
            count = token.isdigit() and state.depth == 0
            if not final and (match.end() == end or _PENDING.fullmatch(text, match.end(), end)):
                return self._could_end(text[match.start():end], count, state)
            if not self._take(_value(token), count, state):
                return False
        return True

    def _ok(self, text: str, *, final: bool) -> bool:
        bare = None if final else _BARE_DOT.search(text, self._counted)
        if bare and (bare.group(1) or text.count("[", 0, bare.start()) > text.count("]", 0, bare.start())):
            return False
        return self._walk(text, self._counted, len(text), self._state.fork(), final=final)

    def _settled(self) -> int:
        """Where the unfinished number (if any) at the end of the text begins; earlier ones are final."""
        i = len(self.text)
        while i > 0 and self.text[i - 1] in _NUMBER_CHARS:
            i -= 1
        return i

    def allows(self, piece: str) -> bool:
        return self._ok(self.text + piece, final=False) and self.grammar.allows(piece)

    def push(self, piece: str) -> None:
        self.grammar.push(piece)
        self.text += piece
        settled = self._settled()
        if settled > self._counted:
            self._walk(self.text, self._counted, settled, self._state, final=True)
            self._counted = settled

    def complete(self) -> bool:
        return self._ok(self.text, final=True) and self.grammar.complete()


def _value(literal: str) -> float | None:
    try:
        return float(literal.rstrip("eE+-"))
    except ValueError:
        return None


class GrammarGuide:
    """Chooses each token for the decoder: the sampled one if the grammar allows it, else the next best."""

    def __init__(self, grammar: PrefixGrammar, pieces: Sequence[str | None], stop_ids: Iterable[int], *,
                 max_candidates: int | None = None) -> None:
        self.grammar = grammar
        self.pieces = pieces
        self.stop_ids = frozenset(stop_ids)
        self.max_candidates = max_candidates
        self.checks = 0
        self.fallbacks = 0
        self.steps = 0
        self.seconds = 0.0  # spent choosing (grammar and number checks): the constraint's own cost

    def _allowed(self, token: int) -> bool:
        self.checks += 1
        if token in self.stop_ids:
            return self.grammar.complete()
        piece = self.pieces[token] if 0 <= token < len(self.pieces) else None
        return piece is not None and self.grammar.allows(piece)

    def pick(self, sampled: int, logits: torch.Tensor) -> int | None:
        """The token to emit (and, unless it ends the text, pushed), or None when nothing fits."""
        started = time.perf_counter()
        try:
            return self._pick(sampled, logits)
        finally:
            self.seconds += time.perf_counter() - started

    def _pick(self, sampled: int, logits: torch.Tensor) -> int | None:
        self.steps += 1
        chosen: int | None = sampled if self._allowed(sampled) else None
        if chosen is None:
            self.fallbacks += 1
            finite = torch.isfinite(logits)
            count = int(finite.sum()) if self.max_candidates is None else min(self.max_candidates, int(finite.sum()))
            for token in torch.topk(logits.masked_fill(~finite, float("-inf")), count).indices.tolist():
                if token != sampled and self._allowed(token):
                    chosen = token
                    break
        if chosen is not None and chosen not in self.stop_ids:
            self.grammar.push(self.pieces[chosen])  # type: ignore[arg-type]
        return chosen
