"""Lists of numbers copied by pointer: a planner writes `⟦1⟧`, the decoder writes `[4.2, 4.8, 5.1]`.

Copying a list of thirty readings digit by digit, in order, is the hardest thing a small
planner is asked to do, and the one it did worst (the numbers right, their order wrong).
So before the model reads a question, every run of two or more numbers separated only by
commas or spaces ("4.2, 4.8, 5.1 and 5.0", "10 12 11 13", a row "18, 22" of a table) is
marked in place with a slot symbol: "describe ⟦1⟧4.2, 4.8, 5.1". The numbers stay visible
(the model may still copy one, as a spec limit or a bound); the slot symbol is a single
piece of the planner's vocabulary, and when the model writes it the decoder emits the run
as a list literal, `[4.2, 4.8, 5.1]`, exactly as the user wrote its numbers.

Training pairs get the same treatment (`slot_pair`): a list in the program that equals a
run of the question becomes that run's slot. A checkpoint whose tokenizer holds the slot
symbols was trained this way; `ChatHavoc` then marks the user's text and expands the
model's slots by itself.

Text only: no grammar here. A run is where a list literal would be; what the list means is
the model's reading.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_SLOTS = 24
SLOT_SYMBOLS: tuple[str, ...] = tuple(f"⟦{i}⟧" for i in range(1, MAX_SLOTS + 1))

# a number standing alone: not glued to a name, an exponent, a product or another number
# ("x2", "5x", "3^4", "2*x", "1e5" stay out); a leading minus belongs to it after a space or bracket
_NUM = r"(?<![\w.^*/-])-?\d+(?:\.\d+)?(?![\w^*/(]|\.[\d.])"
# what may separate the numbers of one run: a comma (a line break may follow it) or spaces and tabs
_SEP = r"(?:[ \t]*,[ \t]*\n?[ \t]*|[ \t]+)"
# "a, b and c": the last number joined by "and" ends the run (in "a b and c d" the "and" parts two runs)
_RUN = re.compile(rf"{_NUM}(?:{_SEP}{_NUM})+(?:(?:,?[ \t]+and[ \t]+){_NUM}(?!{_SEP}-?\d))?")
_ONE = re.compile(_NUM)
_SLOT = re.compile("⟦(\\d+)⟧")


@dataclass(frozen=True)
class Run:
    start: int
    end: int
    numbers: tuple[str, ...]

    @property
    def literal(self) -> str:
        return "[" + ", ".join(self.numbers) + "]"


def find_runs(text: str) -> list[Run]:
    """Runs of two or more numbers, in order; "a, b and c" is a run of three, "a and b" is not."""
    runs = []
    for match in _RUN.finditer(text):
        numbers = tuple(m.group(0) for m in _ONE.finditer(match.group(0)))
        if len(numbers) >= 2 and not (len(numbers) == 2 and " and " in match.group(0)):
            runs.append(Run(match.start(), match.end(), numbers))
        if len(runs) == MAX_SLOTS:
            break
    return runs


def mark(text: str, runs: list[Run] | None = None, *, first: int = 0) -> str:
    """The text with each run preceded by its slot symbol (numbered from `first`, for a later turn)."""
    runs = find_runs(text) if runs is None else runs
    out, last = [], 0
    for index, run in enumerate(runs, start=first):
        out += [text[last:run.start], SLOT_SYMBOLS[index]]
        last = run.start
    return "".join(out) + text[last:]


def expand(text: str, runs: list[Run]) -> str:
    """Slot symbols in the model's text replaced by the runs they point to (an unknown slot stays)."""
    def literal(match: re.Match) -> str:
        index = int(match.group(1)) - 1
        return runs[index].literal if 0 <= index < len(runs) else match.group(0)

    return _SLOT.sub(literal, text)


_LIST = re.compile(r"\[\s*-?\d[\d.\s,\-]*\]")


def _value(number: str) -> float:
    return float(number)


def slot_pair(question: str, program: str) -> tuple[str, str]:
    """A training pair with its lists as slots: each list in the program equal to a run of the question
    (same numbers, same order) becomes that run's slot; other lists stay literal."""
    runs = find_runs(question)
    keys = [tuple(_value(n) for n in run.numbers) for run in runs]
    used: set[int] = set()

    def replace(match: re.Match) -> str:
        numbers = [n.strip() for n in match.group(0)[1:-1].split(",") if n.strip()]
        try:
            key = tuple(_value(n) for n in numbers)
        except ValueError:
            return match.group(0)
        matching = [i for i, k in enumerate(keys) if k == key]
        if not matching:
            return match.group(0)
        index = next((i for i in matching if i not in used), matching[0])  # equal runs: each once, in order
        used.add(index)
        return SLOT_SYMBOLS[index]

    return mark(question, runs), _LIST.sub(replace, program)
