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
import unicodedata
from collections.abc import Iterable, Sequence
from typing import Protocol

import torch

_BYTE_PIECE = re.compile(r"<0x([0-9A-Fa-f]{2})>")
_SPACE_MARK = "\u2581"
# a number not glued to a name or to another number; "150..200" holds two (a range), not "150."
_NUMBER = re.compile(r"(?<![A-Za-z_\d])(?<!\d\.)\d+(?:\.\d+)?(?:[eE][-+]?\d+)?")
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
    """A grammar whose literal numbers must occur in `source` (or be a small count ≤ `small_max`).

    The model may misread a question, but it cannot invent data: every number it writes is
    one the user wrote. An unfinished number must be the start of an allowed one.
    """

    def __init__(self, grammar: PrefixGrammar, source: str, *, small_max: int = 20) -> None:
        self.grammar = grammar
        self.allowed = numbers_in(source) | {str(i) for i in range(small_max + 1)}
        self._values = {_value(a) for a in self.allowed}
        self.text = ""

    def _ok(self, text: str, *, final: bool, start: int = 0) -> bool:
        """Every number in text[start:] is allowed (numbers before `start` were final and checked)."""
        for match in _NUMBER.finditer(text, start):
            literal = match.group(0)
            if not final and _PENDING.fullmatch(text, match.end()):
                literal = text[match.start():]
            if not final and match.end() == len(text) or literal != match.group(0):
                if not any(a.startswith(literal) for a in self.allowed) and literal.rstrip(".") not in self.allowed:
                    return False
            elif literal not in self.allowed and _value(literal) not in self._values:
                return False
        return True

    def _settled(self) -> int:
        """Where the unfinished number (if any) at the end of the text begins; earlier ones are final."""
        i = len(self.text)
        while i > 0 and self.text[i - 1] in _NUMBER_CHARS:
            i -= 1
        return i

    def allows(self, piece: str) -> bool:
        return self._ok(self.text + piece, final=False, start=self._settled()) and self.grammar.allows(piece)

    def push(self, piece: str) -> None:
        self.grammar.push(piece)
        self.text += piece

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

    def _allowed(self, token: int) -> bool:
        self.checks += 1
        if token in self.stop_ids:
            return self.grammar.complete()
        piece = self.pieces[token] if 0 <= token < len(self.pieces) else None
        return piece is not None and self.grammar.allows(piece)

    def pick(self, sampled: int, logits: torch.Tensor) -> int | None:
        """The token to emit (and, unless it ends the text, pushed), or None when nothing fits."""
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
