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
from typing import Protocol

import torch

_BYTE_PIECE = re.compile(r"<0x([0-9A-Fa-f]{2})>")
_SPACE_MARK = "\u2581"
# a number not glued to a name or to another number; "150..200" holds two (a range), not "150."
_NUMBER = re.compile(r"(?<![A-Za-z_\d])(?<!\d\.)\d+(?:\.\d+)?(?:[eE][-+]?\d+)?")
# ".5" (or "." in a list): a number begun without its digits, which copying never needs; a lone "."
# elsewhere may begin a range ".."
_BARE_DOT = re.compile(r"(?<![\w.])\.(\d*)\Z")
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


class CopiedNumbers:
    """A grammar whose literal numbers are copied from `source` (small counts ≤ `small_max` excepted).

    The model may misread a question, but it cannot invent data: every number it writes is
    one the user wrote, and no more often than the user wrote it (a value given once cannot
    fill a whole list). Small counts are free only outside brackets and written as integers:
    inside `[...]` a number is data, and "5.0" or "10" in a list must be the user's too.
    An unfinished number must be able to end as an allowed one.
    """

    def __init__(self, grammar: PrefixGrammar, source: str, *, small_max: int = 20) -> None:
        self.grammar = grammar
        found = [m.group(0) for m in _NUMBER.finditer(source)]
        self.allowed = set(found) | {str(i) for i in range(small_max + 1)}
        self._budget = Counter(_value(a) for a in found)  # how often each value may be written
        self._free = {float(i) for i in range(small_max + 1)}
        self._used: Counter = Counter()
        self._counted = 0  # the numbers before this position are final and in _used
        self.text = ""

    def _fits(self, value: float | None, used: Counter, *, count: bool = False) -> bool:
        return value is not None and ((count and value in self._free) or used[value] < self._budget.get(value, 0))

    @staticmethod
    def _is_count(text: str, match: re.Match) -> bool:
        """An integer outside brackets: a count, not a data value."""
        return match.group(0).isdigit() and text.count("[", 0, match.start()) <= text.count("]", 0, match.start())

    def _ok(self, text: str, *, final: bool) -> bool:
        """The numbers after the counted ones fit the budget; an unfinished last one can still end well."""
        bare = None if final else _BARE_DOT.search(text, self._counted)
        if bare and (bare.group(1) or text.count("[", 0, bare.start()) > text.count("]", 0, bare.start())):
            return False
        used = Counter(self._used)
        for match in _NUMBER.finditer(text, self._counted):
            literal = match.group(0)
            count = self._is_count(text, match)
            if not final and (match.end() == len(text) or _PENDING.fullmatch(text, match.end())):
                literal = text[match.start():]
                closed = literal.rstrip(".eE+-")
                if not self._fits(_value(closed), used, count=count and closed.isdigit()) and not any(
                        a.startswith(literal) and self._fits(_value(a), used) for a in self.allowed):
                    return False
            else:
                value = _value(literal)
                if not self._fits(value, used, count=count):
                    return False
                if not (count and value in self._free):
                    used[value] += 1
        return True

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
        for match in _NUMBER.finditer(self.text, self._counted, settled):
            if not (self._is_count(self.text, match) and _value(match.group(0)) in self._free):
                self._used[_value(match.group(0))] += 1
        self._counted = max(self._counted, settled)

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
