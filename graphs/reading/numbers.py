"""Every number of the question: used by the executed calls, or given a context role, or flagged.

A number the plan did not use and that has no context role ("12.5" in "the
nominal is 12.5" when only descriptive statistics were computed) is the
commonest sign of a misreading: the check fails and names it. Context roles are
narrow on purpose (a year, a label such as "Machine 2", an ordinal, a time
span, the 2 of "2^3"): anything else must be used.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal

from graphs.reading.calls import Call, key, list_lengths, numeric_leaves

# a number not glued to a name on its left (x1, A2, CO2 are names) and not a decimal's tail
_NUMBER = re.compile(r"(?<![A-Za-z_\d.^'])(?P<sign>[-+−]?)(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!,\d)|\d+(?:\.\d+)?|\.\d+)"
                     r"(?P<exp>[eE][-+]?\d+)?")

ROLE_OF_ARG = {
    "mu": "hypothesised mean", "lsl": "lower specification limit", "usl": "upper specification limit",
    "target": "target", "alpha": "significance level", "confidence": "confidence level",
    "center_points": "centre points", "replicates": "replicates", "blocks": "blocks", "factors": "factors",
    "runs": "runs", "samples": "samples", "subgroup_size": "subgroup size", "sizes": "sample sizes",
    "k_sigma": "sigma multiple", "lower": "lower bound", "upper": "upper bound", "point": "point",
    "order": "order", "degree": "degree", "levels": "levels", "seed": "random seed", "n": "subgroup size",
    "center": "centre line", "sigma": "sigma", "exclude": "excluded point", "digits": "digits",
    "resolution": "resolution", "alpha_axial": "axial distance", "at": "prediction point",
    "lambda": "EWMA weight λ", "k": "CUSUM reference value k", "h": "CUSUM decision interval h",
}
_DATA_ARGS = {"data", "x", "y", "groups", "values", "subgroups", "counts", "table", "observed", "expected",
              "response", "cells", "a", "b", "X", "coded", "matrix", "phase2_subgroups", "phase2_values",
              "phase2_counts", "probabilities", "factorial"}

_LABEL_WORDS = (
    r"machines?|lines?|lots?|batch(?:es)?|shifts?|operators?|suppliers?|vendors?|plants?|sites?|samples?|subgroups?|"
    r"runs?|parts?|days?|weeks?|months?|hours?|stations?|labs?|cavit(?:y|ies)|nozzles?|spindles?|heads?|steps?|"
    r"questions?|problems?|exercises?|tables?|figures?|fig\.?|groups?|ovens?|reactors?|lanes?|units?|versions?|"
    r"models?|types?|no\.?|number|nr\.?|id|items?|panels?|boards?|wafers?|cells?|zones?|furnaces?|molds?|moulds?|"
    r"press(?:es)?|tools?|trials?|patients?|subjects?|specimens?|coupons?|rigs?|sensors?|gauges?|probes?|channels?|"
    r"rounds?|quarters?|q|wk|jobs?|orders?|serial|po|invoice|ticket|line|plant|building|room|site|region|store|branch|team|class|"
    r"section|chapter|level|option|method|process|product|treatment|recipe|formula|catalyst|material|brand|"
    r"setting|condition|block|cell|bay|tank|pump|valve|motor|die|mill|kiln|well|field|farm|plot|school|"
    r"hospital|clinic|ward|route|truck|vehicle|car|driver|worker|employee|inspector|technician|analyst|"
    r"instrument|method|phase|stage|cycle|iteration|pass|attempt|tester|station|module|board"
)
_LABEL_BEFORE = re.compile(rf"(?:\b(?:{_LABEL_WORDS})|#)\s*[-_]?\s*$", re.I)
_ORDINAL_AFTER = re.compile(r"^(?:st|nd|rd|th)\b", re.I)
_SPAN_AFTER = re.compile(r"^\s*(?:-\s*)?(?:hours?|hrs?|h\b|minutes?|mins?|days?|weeks?|months?|years?|yrs?|"
                         r"shifts?|seconds?|secs?)\b", re.I)
_SPAN_BEFORE = re.compile(r"\b(?:every|each|over|for|per|in|last|past|during|within|after|about)\s+(?:the\s+)?"
                          r"(?:last\s+|past\s+|next\s+|first\s+)?$", re.I)
_YEAR_CONTEXT = re.compile(r"\b(?:in|since|from|of|year|fy|during|until|before|after|by|jan\w*|feb\w*|mar\w*|"
                           r"apr\w*|may|jun\w*|jul\w*|aug\w*|sep\w*|oct\w*|nov\w*|dec\w*|q[1-4])\s*$", re.I)
_LIST_MARK_AFTER = re.compile(r"^\s*[).:]\s")
_NAME_LABEL = re.compile(r"[A-Za-z]{1,12}[-_ ]$")  # "cat-1:", "Line 2 |", "op_3)"
_LABEL_CLOSE = re.compile(r"^\s*(?:[:|)\]]|\t)")
_LIST_AFTER_LABEL = re.compile(r"^[ \t]+[-+]?\d+(?:\.\d+)?\s*[,;]\s*[-+]?\d")
_WORD_BEFORE_LABEL = re.compile(r"\b(?!(?:values|data|readings|measurements|results|times|are|were|is|was|of|"
                                r"sample|samples|observations|numbers)\b)[A-Za-z]{2,}\s+$", re.I)
_MONTH_AFTER = re.compile(r"^\s*(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b", re.I)
# things in the world a question may count without measuring them: "450 employees", "6 stations"
_CONTEXT_COUNT_AFTER = re.compile(
    r"^\s*(?:[A-Za-z]{1,6}\s+)?(?:employees|people|persons|staff|workers|engineers|agents|customers|clients|users|"
    r"machines|reactors|stations|floors|plants|sites|lines|shifts|stores|branches|hospitals|trucks|vehicles|"
    r"presses|ovens|furnaces|buildings|departments|teams|products|suppliers|vendors|locations|countries|"
    r"cities|years|decades|months|weeks|days|hours|operators|inspectors|technicians|students|pupils|"
    r"cnc|lathes|mills|tools|cavities|nozzles|heads|spindles)\b", re.I)


@dataclass(frozen=True)
class QuestionNumber:
    text: str
    value: Decimal
    start: int
    end: int
    role: str | None  # None: unaccounted

    def context(self, question: str, width: int = 30) -> str:
        left = question[max(0, self.start - width):self.start].split("\n")[-1]
        right = question[self.end:self.end + width].split("\n")[0]
        return f"…{left}{self.text}{right}…".strip()


def question_numbers(question: str) -> list[tuple[str, list[Decimal], int, int]]:
    """(text, candidate values, start, end) for each number written in the question. A grouped number
    (1,200) has two readings: 1200, or the list 1 and 200."""
    text = question.replace("−", "-")
    out = []
    for m in _NUMBER.finditer(text):
        raw = m.group("num")
        sign = "-" if m.group("sign") == "-" else ""
        exp = m.group("exp") or ""
        candidates = [Decimal(sign + raw.replace(",", "") + exp)]
        if "," in raw:
            candidates += [Decimal(part) for part in raw.split(",")]
        out.append((m.group(0).strip(), candidates, m.start(), m.end()))
    return out


class _Pool:
    """The numbers the calls used: counted ones (each argument value once) and free ones (defaults, lengths,
    numbers written inside expressions, derived quantities such as 100·confidence)."""

    def __init__(self, calls: list[Call], defaults: dict[str, dict[str, object]]):
        self.counted: Counter[Decimal] = Counter()
        self.names: dict[Decimal, str] = {}
        self.free: dict[Decimal, str] = {}
        for call in calls:
            self._add_call(call, defaults.get(call.tool, {}))

    def _add(self, value: object, name: str, counted: bool = True) -> None:
        k = key(value)
        if k is None:
            return
        if counted:
            self.counted[k] += 1
            self.names.setdefault(k, name)
        else:
            self.free.setdefault(k, name)
        if k < 0:
            self.free.setdefault(-k, name)

    def _add_call(self, call: Call, defaults: dict[str, object]) -> None:
        for arg, value in call.args.items():
            strings = [value] if isinstance(value, str) else [v for v in value if isinstance(v, str)] \
                if isinstance(value, list) else []
            for text in strings:
                for _, candidates, _, _ in question_numbers(text):
                    for c in candidates:
                        self._add(c, f"{arg} of {call.tool}", counted=False)
            if isinstance(value, str):
                continue
            for name, leaf in numeric_leaves(value, arg):
                self._add(leaf, name)
            for n in list_lengths(value):
                self._add(n, f"the number of values in {arg}", counted=False)
            leaves = len(numeric_leaves(value))
            if leaves:
                self._add(leaves, f"the number of values in {arg}", counted=False)
        self._add_table_sums(call)
        exclude = call.args.get("exclude")
        for index in exclude if isinstance(exclude, list) else []:
            if isinstance(index, int):
                self._add(index + 1, "excluded point (counted from 1)", counted=False)
        for arg, default in defaults.items():
            if call.args.get(arg) is None and isinstance(default, (int, float)) and not isinstance(default, bool):
                self._add(default, f"{arg} (the default)", counted=False)
        for arg in ("confidence",):
            c = call.args.get(arg, defaults.get(arg))
            if isinstance(c, (int, float)) and 0 < c < 1:
                for derived in (c * 100, 1 - c, (1 - c) * 100):
                    self._add(round(derived, 10), "confidence level", counted=False)
        a = call.args.get("alpha", defaults.get("alpha"))
        if isinstance(a, (int, float)) and not isinstance(a, bool) and 0 < a < 1:
            for derived in (a * 100, 1 - a, (1 - a) * 100):
                self._add(round(derived, 10), "significance level", counted=False)
        lsl, usl = call.args.get("lsl"), call.args.get("usl")
        if isinstance(lsl, (int, float)) and isinstance(usl, (int, float)):
            self._add((lsl + usl) / 2, "nominal (mid-specification)", counted=False)
            self._add(round((usl - lsl) / 2, 10), "tolerance (half the specification width)", counted=False)
        self._add_output(call)

    def _add_table_sums(self, call: Call) -> None:
        """A 2×k table written as "12 defective out of 400" holds 12 and 388: the 400 is a row total; expected
        counts 50, 30, 20 were given as proportions 0.5, 0.3, 0.2 or a ratio 5:3:2."""
        table = call.args.get("table")
        if isinstance(table, list) and table and all(isinstance(r, list) for r in table):
            try:
                rows = [[float(v) for v in r] for r in table]
            except (TypeError, ValueError):
                rows = []
            for r in rows:
                self._add(sum(r), "a row total", counted=False)
            for c in zip(*rows, strict=False):
                self._add(sum(c), "a column total", counted=False)
        expected = call.args.get("expected") or call.args.get("probabilities")
        if isinstance(expected, list) and expected and all(isinstance(v, (int, float)) for v in expected):
            total, low = sum(expected), min(expected)
            for v in expected:
                if total:
                    self._add(round(v / total, 10), "an expected proportion", counted=False)
                    self._add(round(100 * v / total, 10), "an expected percentage", counted=False)
                if low:
                    self._add(round(v / low, 10), "an expected ratio", counted=False)

    def _add_output(self, call: Call) -> None:
        out = call.output
        for name in ("runs", "n", "blocks", "centre_points", "center_points", "replicates", "resolution"):
            value = out.get(name)
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                self._add(value, name, counted=False)
        sizes = out.get("subgroup_sizes")
        for value in sizes if isinstance(sizes, list) else [sizes]:
            self._add(value, "subgroup size", counted=False)
        if call.tool == "doe_design":
            factors = out.get("factor_names") or []
            if factors:
                self._add(len(factors), "factors", counted=False)
            levels = {len(set(col)) for col in zip(*(out.get("coded") or []), strict=False)}
            for n_levels in levels | ({2} if "factorial" in str(out.get("design", "")) else set()):
                self._add(n_levels, "levels", counted=False)
            runs, k = out.get("runs"), len(factors)
            centre = out.get("centre_points") or 0
            reps = out.get("replicates") or 1
            if isinstance(runs, int) and k and runs > centre:
                base = (runs - centre) / max(reps, 1)
                p = k - math.log2(base) if base > 0 else None
                if p is not None and abs(p - round(p)) < 1e-9 and p >= 0:
                    self._add(round(p), "the fraction's exponent p of 2^(k-p)", counted=False)
                    self._add(int(base), "runs", counted=False)

    def take(self, candidates: list[Decimal]) -> str | None:
        for c in candidates:
            k = c.normalize()
            if self.counted.get(k, 0) > 0:
                self.counted[k] -= 1
                return self._role(self.names[k])
        for c in candidates:
            k = c.normalize()
            if k in self.free:
                return self._role(self.free[k])
            if k in self.names:  # used already, and used again (a repeated setting)
                return self._role(self.names[k])
            if -k in self.free or -k in self.names:
                return self._role(self.free.get(-k) or self.names[-k])
        return None

    @staticmethod
    def _role(name: str) -> str:
        base = name.split(" ")[0]
        if base in _DATA_ARGS:
            return "data"
        return ROLE_OF_ARG.get(base, name)


def _context_role(question: str, text: str, value: Decimal, start: int, end: int) -> str | None:
    before = question[max(0, start - 40):start].split("\n")[-1]
    after = question[end:end + 20]
    if _ORDINAL_AFTER.match(after):
        return "an ordinal, a position"
    if re.match(r"^\s*(?:->|→|=>)", after):
        return "a category label, context"
    if after.startswith("^") or after.startswith("**"):
        return "the base of a power (levels of a 2^k design)"
    if _LABEL_BEFORE.search(before) or (_NAME_LABEL.search(before) and _LABEL_CLOSE.match(after)):
        return "a label, context"
    if (value == value.to_integral_value() and value < 100 and "." not in text
            and _LIST_AFTER_LABEL.match(question[end:end + 40]) and _WORD_BEFORE_LABEL.search(before)):
        return "a label naming the list after it, context"  # "formulation 1 23, 27, 21"
    if _MONTH_AFTER.match(after) or (re.search(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s*$",
                                               before, re.I) and "." not in text):
        return "a date, context"
    if not before.strip() and _LIST_MARK_AFTER.match(after):
        return "a list or row number, context"
    integral = value == value.to_integral_value()
    if integral and 1900 <= value <= 2100 and "." not in text and (_YEAR_CONTEXT.search(before) or
                                                                   not re.match(r"^\s*[,;]?\s*\d", after)):
        return "a year, context"
    if _SPAN_AFTER.match(after) and _SPAN_BEFORE.search(before):
        return "a time span, context"
    if integral and _CONTEXT_COUNT_AFTER.match(after):
        return "a count of things, context"
    return None


def _row_ids(question: str) -> set[int]:
    """Start offsets of row numbers: integers opening consecutive table lines (1, 2, 3 …) before a separator."""
    starts: list[tuple[int, int]] = []
    offset = 0
    for line in question.split("\n"):
        m = re.match(r"^\s*\|?\s*(\d+)\s*(?:[,|\t;:)]|\s{2,})", line)
        if m and re.search(r"\d", line[m.end():]):
            starts.append((offset + m.start(1), int(m.group(1))))
        offset += len(line) + 1
    ids: set[int] = set()
    run: list[tuple[int, int]] = []
    for item in starts + [(-1, -10)]:
        if run and item[1] == run[-1][1] + 1:
            run.append(item)
            continue
        if len(run) >= 3:
            ids |= {pos for pos, _ in run}
        run = [item]
    return ids


@dataclass(frozen=True)
class NumberAccount:
    numbers: list[QuestionNumber]

    @property
    def unaccounted(self) -> list[QuestionNumber]:
        return [n for n in self.numbers if n.role is None]


# the planner's "I did not use these" is not a role: such a number must still find one here
_NOT_A_ROLE = re.compile(r"^numbers in the question not read as data", re.I)


def _named_in(notes: list[str], candidates: list[Decimal]) -> str | None:
    for note in notes:
        if _NOT_A_ROLE.match(note):
            continue
        values = {c.normalize() for _, cs, _, _ in question_numbers(note) for c in cs}
        if any(c.normalize() in values for c in candidates):
            return f"named in the plan: {note[:80]}"
    return None


def account(question: str, calls: list[Call], defaults: dict[str, dict[str, object]],
            notes: list[str] | None = None) -> NumberAccount:
    """Each number of the question with its role (None when neither used nor context)."""
    pool = _Pool(calls, defaults)
    found = []
    text = question.replace("−", "-")
    row_ids = _row_ids(text)
    for raw, candidates, start, end in question_numbers(text):
        pct = text[end:end + 2].lstrip().startswith("%")
        options = candidates + ([c / 100 for c in candidates] if pct else [])
        role = pool.take(options) if start not in row_ids else "a row number, context"
        if role is None:
            role = _named_in(notes or [], options)
        if role is None:
            role = _context_role(text, raw, candidates[0], start, end)
        found.append(QuestionNumber(raw, candidates[0], start, end, role))
    return NumberAccount(found)
