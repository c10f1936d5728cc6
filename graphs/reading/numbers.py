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

from graphs.planning.extract import decimal_commas, earlier_study_spans, without_estimator_formulas
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
    r"instrument|method|phase|stage|cycle|iteration|pass|attempt|tester|station|module|board|booth|coater|roll|coil|"
    r"van|audit|badge|nos?|reel|spool|mixer|feeder|filler|bench|fixture|jig|chamber|kiln|vessel|cabinet|slitter|"
    r"extruder|winder|printer|sealer|labeller|labeler|dock|warehouse|kiosk|heat|furnace|cell|rack|shelf|bay|gate|"
    r"conveyor|robot|welder|lathe|grinder|dryer|washer|autoclave|centrifuge|scale|balance|meter|camera|loom|bay|"
    r"greenhouse|tank|vat|kettle|reactor|boiler|crusher|sieve|hopper"
)
_LABEL_BEFORE = re.compile(rf"(?:\b(?:{_LABEL_WORDS})|#)\s*[-_]?\s*$", re.I)
_ORDINAL_AFTER = re.compile(r"^(?:st|nd|rd|th)\b", re.I)
_SPAN_AFTER = re.compile(r"^\s*(?:-\s*)?(?:hours?|hrs?|h\b|minutes?|mins?|days?|weeks?|months?|years?|yrs?|"
                         r"shifts?|seconds?|secs?)\b", re.I)
_SPAN_BEFORE = re.compile(r"\b(?:every|each|over|for|per|in|last|past|during|within|after|about|a|an)\s+(?:the\s+)?"
                          r"(?:last\s+|past\s+|next\s+|first\s+)?$", re.I)
_YEAR_CONTEXT = re.compile(r"\b(?:in|since|from|of|year|fy|during|until|before|after|by|jan\w*|feb\w*|mar\w*|"
                           r"apr\w*|may|jun\w*|jul\w*|aug\w*|sep\w*|oct\w*|nov\w*|dec\w*|q[1-4])\s*$", re.I)
_LIST_MARK_AFTER = re.compile(r"^\s*[).:]\s")
_NAME_LABEL = re.compile(r"[A-Za-z]{1,12}[-_ ]$")  # "cat-1:", "Line 2 |", "op_3)"
_LABEL_CLOSE = re.compile(r"^\s*(?:[:|)\]]|\t)")
_LIST_AFTER_LABEL = re.compile(r"^[ \t]+[-+]?\d+(?:\.\d+)?\s*[,;]\s*[-+]?\d")
_WORD_BEFORE_LABEL = re.compile(r"\b(?!(?:values|data|readings|measurements|results|times|are|were|is|was|of|"
                                r"sample|samples|observations|numbers)\b)[A-Za-z]{2,}\s+$", re.I)
_MONTH_AFTER = re.compile(r"^[ \t-]*(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
                          r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?", re.I)
# things in the world a question may count without measuring them: "450 employees", "6 stations"
_CONTEXT_COUNT_AFTER = re.compile(
    r"^\s*(?:[A-Za-z]{1,6}\s+)?(?:employees|people|persons|staff|workers|engineers|agents|customers|clients|users|"
    r"machines|reactors|stations|floors|plants|sites|lines|shifts|stores|branches|hospitals|trucks|vehicles|"
    r"presses|ovens|furnaces|buildings|departments|teams|products|suppliers|vendors|locations|countries|"
    r"cities|years|decades|months|weeks|days|hours|operators|inspectors|technicians|students|pupils|"
    r"cnc|lathes|mills|tools|cavities|nozzles|heads|spindles)\b", re.I)
# codes and identifiers: "S-104", "HX-0912", "lot 24-0117", "part 88-410"; a leading zero ("0912", "03") is never a
# measurement
_IDENTIFIER_BEFORE = re.compile(r"(?:\b[A-Za-z]{2,8}|\b[A-Z])[-_]$|\b\d{2,4}-$")
_DATE_BEFORE = re.compile(r"\b(?:19|20)\d\d[-/.]\d{1,2}[-/.]$|\b(?:on|dated?)\s+\d{1,2}/$", re.I)
# a date written "22/10" after "on": context when unused, but not strong enough to call a use of it a misreading
_DATE_TOKEN_BEFORE = re.compile(r"\b(?:on|dated?)\s+$", re.I)
# hh:mm, and ":15" past the hour
_TIME_AFTER = re.compile(r"^:[0-5]\d\b|^\s*(?:o'?\s?clock|[ap]\.?m\.?)(?![a-z])", re.I)
_TIME_BEFORE = re.compile(r"(?:\b(?:[01]?\d|2[0-3])|\b\d{1,2}:[0-5]\d|\bat\s|^|\s):$")  # "06:27:33": the seconds too
# "per 100 m", "L/100 km", "errors per 1000 parts": the basis of a rate
_BASIS_BEFORE = re.compile(r"(?:\bper\s+|[A-Za-z]/)$", re.I)
# "(1-10, ordinal)", "scores (1-5)", "on a 1 to 5 scale"
_SCALE = re.compile(r"\(\s*(?P<lo>[01])\s*(?:-|to)\s*(?P<hi>\d{1,2})\s*[,)]|\b(?P<lo2>[01])\s*(?:-|to)\s*(?P<hi2>\d{1,2})"
                    r"\s*(?:point )?(?:scale|rating)|"
                    # "adhesion was rated 0-10", "scored from 1 to 5"
                    r"\b(?:rated|scored|graded|ranked)\s+(?:on\s+(?:a\s+)?|from\s+)?(?P<lo3>[01])\s*(?:-|–|to)\s*(?P<hi3>\d{1,2})\b",
                    re.I)
# "to 4 d.p.", "3 significant figures"
_PRECISION_AFTER = re.compile(r"^\+?\s*(?:d\.?p\.?|dp\b|decimal places?|decimals?\b|significant (?:figures|digits)|sig\.? ?figs?)",
                              re.I)
# "an 8-week programme", "the 3500-series lathe"
_QUALIFIER_AFTER = re.compile(r"^-(?:weeks?|days?|hours?|hrs?|minutes?|months?|years?|series|class|model|type|grade)\b",
                              re.I)
# "from the last 100 parts", "after 25 such samples", "30 subgroups so far": what the summary figures came from
_OBSERVED_BEFORE = re.compile(r"\b(?:last|past|after|over|from)\s+(?:the\s+)?(?:last\s+|past\s+|first\s+)?$", re.I)
_OBSERVED_AFTER = re.compile(r"^\s*(?:[A-Za-z]+\s+)?(?:parts|samples|subgroups|units|pieces|items|bars|specimens|"
                             r"readings|measurements|batches|lots|days|shifts|runs|cycles)\b", re.I)
_SUBGROUPS_BEFORE = re.compile(r"\bsubgroups?\s*[:=]?\s*(?:\d+\s+(?:of|x|×)\s+)?$", re.I)  # "subgroups: 25 of 5"
_SO_FAR_AFTER = re.compile(r"^\s*(?:[A-Za-z]+\s+)?(?:parts|samples|subgroups|units|readings|batches|lots|days)\s+so far\b",
                           re.I)
# "weeks 14-17", "batches 301 to 320": the end of a range of labels
_LABEL_RANGE_BEFORE = re.compile(rf"(?:\b(?:{_LABEL_WORDS})|#)\s*\d+\s*(?:-|–|to|through|thru)\s*$", re.I)

# "readings 1 to 9 in order: 3.37, …", "measurements #1-#12": the items of a list numbered by the question itself
_ITEMS = r"\b(?:readings?|measurements?|values?|points?|pieces?|shots?|weighings?|observations?|obs\.?)"
_ITEM_RANGE_END = re.compile(rf"{_ITEMS}\s*#?\s*\d+\s*(?:-|–|to|through|thru)\s*#?\s*$", re.I)
_ITEM_RANGE_START_BEFORE = re.compile(rf"{_ITEMS}\s*#?\s*$", re.I)
_ITEM_RANGE_START_AFTER = re.compile(r"^\s*(?:-|–|to|through|thru)\s*#?\s*\d+\b", re.I)


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
    text = decimal_commas(question.replace("−", "-"))  # "24,27" in a semicolon export is one number
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
        for arg in ("X", "coded"):  # a pasted design's centre runs (rows of zeros): "5 centre points"
            rows = call.args.get(arg)
            if isinstance(rows, list) and rows and all(isinstance(r, list) for r in rows):
                centre = sum(all(key(v) == 0 for v in r) for r in rows)
                if centre:
                    self._add(centre, f"the centre runs (rows of zeros) in {arg}", counted=False)
        self._add_table_sums(call)
        self._add_layout(call)
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
        size, count = call.args.get("n"), call.args.get("subgroups")
        if isinstance(size, (int, float)) and isinstance(count, (int, float)) and not isinstance(count, bool):
            # "after 25 hours (125 shafts)": the parts the subgroups hold in all
            self._add(size * count, "the parts in all the subgroups (subgroups × n)", counted=False)
        centre = call.args.get("center")
        sigma = call.args.get("std_dev", call.args.get("sigma"))
        if isinstance(centre, (int, float)) and isinstance(sigma, (int, float)) and not isinstance(sigma, bool):
            # "centre 50, sigma 2 (so the 3-sigma limits are 44 and 56)": the limits and zones the two imply
            for k in (1, 2, 3):
                for limit in (centre - k * sigma, centre + k * sigma):
                    self._add(round(limit, 10), f"centre ± {k}σ (implied by the centre and σ)", counted=False)
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
            if rows:
                self._add(sum(map(sum, rows)), "the table's total", counted=False)
        expected = call.args.get("expected") or call.args.get("probabilities")
        if isinstance(expected, list) and expected and all(isinstance(v, (int, float)) for v in expected):
            total, low = sum(expected), min(expected)
            for v in expected:
                if total:
                    self._add(round(v / total, 10), "an expected proportion", counted=False)
                    self._add(round(100 * v / total, 10), "an expected percentage", counted=False)
                if low:
                    self._add(round(v / low, 10), "an expected ratio", counted=False)

    def _add_layout(self, call: Call) -> None:
        """Numbers a layout implies: the coded levels −1, 0, +1 of a design analysis, a correlation's null value 0,
        the failures n − x beside the successes x, the levels and the replicates per cell of a two-way layout."""
        if call.tool in ("doe_effects", "doe_anova", "doe_curvature", "rsm_fit", "doe_properties"):
            for level in (-1, 0, 1):
                self._add(level, "a coded level", counted=False)
        if call.tool == "correlation":
            self._add(0, "the null value of the correlation", counted=False)
        if call.tool == "proportion_test":
            xs, ns = call.args.get("x"), call.args.get("n")
            if isinstance(xs, list) and isinstance(ns, list):
                for x, n in zip(xs, ns, strict=False):
                    if isinstance(x, (int, float)) and isinstance(n, (int, float)):
                        self._add(n - x, "the failures beside the successes", counted=False)
            p0 = call.args.get("p0")
            if isinstance(p0, (int, float)) and 0 < p0 < 1:
                self._add(round(100 * p0, 10), "the null proportion as a percentage", counted=False)
                self._add(round(100 * (1 - p0), 10), "the null proportion's complement", counted=False)
        if call.tool == "anova_twoway":
            a, b = call.args.get("a"), call.args.get("b")
            if isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
                self._add(len(set(map(str, a))), "levels of the first factor", counted=False)
                self._add(len(set(map(str, b))), "levels of the second factor", counted=False)
                for n in set(Counter(zip(map(str, a), map(str, b), strict=True)).values()):
                    self._add(n, "replicates per cell", counted=False)

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

    def take_data(self, candidates: list[Decimal]) -> bool:
        """Whether the calls used this number as data (and count that use)."""
        for c in candidates:
            k = c.normalize()
            if self.counted.get(k, 0) > 0 and self.names[k].split(" ")[0] in _DATA_ARGS:
                self.counted[k] -= 1
                return True
        return False

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


_FUNCTION_WORDS = {"with", "of", "in", "and", "the", "at", "to", "for", "from", "by", "on", "per", "is", "was", "are",
                   "were", "than", "or", "gave", "got", "had", "has", "have", "mean", "sd", "average", "median", "about",
                   "only", "just", "then", "plus", "minus", "times", "over", "under", "after", "before", "within", "out"}


def _numbered_labels(question: str) -> set[int]:
    """Start offsets of numbers that name one of several things of a kind: "Booth 1 … Booth 2", "van 1 …; van 2"."""
    seen: dict[str, set[str]] = {}
    spots: list[tuple[str, str, int]] = []
    for m in re.finditer(r"\b([A-Za-z]{2,})[ \t]+(\d{1,3})\b(?![.,]\d)", question):
        word = m.group(1).lower()
        if word in _FUNCTION_WORDS:
            continue
        seen.setdefault(word, set()).add(m.group(2))
        spots.append((word, m.group(2), m.start(2)))
    def numbered(values: set[str]) -> bool:  # "coil 1 … coil 12", not "mean 71 … mean 66" or "scratches 15, 11, 7"
        ints = sorted(int(v) for v in values)
        # (two readings of one person, "Ana 88 … Ana 87", are no numbering: two labels start low, or there are more)
        return len(ints) >= 2 and ints[-1] - ints[0] + 1 <= len(ints) + 1 and (len(ints) >= 3 or ints[0] <= 20)
    out = {start for word, _, start in spots if numbered(seen[word])}
    # "1: 50.5, 2: 49.5, 3: 51.2, …": readings numbered by bare numbers from 1, in order
    from graphs.planning.numbered_readings import _BARE

    for run in _BARE.finditer(question):
        labels = list(re.finditer(r"(\d{1,3})\s*:", run.group(0)))
        if [int(x.group(1)) for x in labels] == list(range(1, len(labels) + 1)):
            out |= {run.start() + x.start(1) for x in labels}
    return out


_ID_HEADER = re.compile(r"^\s*\|?\s*(?:[A-Za-z_ ]*(?:#|\bno\.?|\bnumber|\bid|\bcode|\bserial|\bbadge|\btag)|emp\w*|"
                        r"sample|lot|batch|run|unit|part|specimen|item|probe|nr|nummer|muestra|[ée]chantillon|campione)"
                        r"\s*(?:[|,\t;]|\s{2,})", re.I)


def _id_column(question: str) -> set[int]:
    """Start offsets of the first-column numbers of a table whose first header names an id ("emp#", "serial no",
    "lot"): codes naming the rows."""
    out: set[int] = set()
    offset, in_table = 0, False
    for line in question.split("\n"):
        m = re.match(r"^\s*\|?\s*(\d+)\s*(?:[|,\t;]|\s{2,})", line)
        if in_table and m:
            out.add(offset + m.start(1))
        else:
            in_table = bool(_ID_HEADER.match(line)) and not re.match(r"^\s*\|?\s*\d", line)
        offset += len(line) + 1
    return out


def _scale_ends(question: str) -> set[int]:
    out = set()
    for m in _SCALE.finditer(question):
        for name in ("lo", "hi", "lo2", "hi2", "lo3", "hi3"):
            if m.group(name) is not None:
                out.add(m.start(name))
    return out


# "batch | 1041 | 1042 | …": a table's row of ids, laid out sideways
_ID_ROW = re.compile(r"^\s*\|?\s*(?:batch|lot|sample|run|day|week|shift|hour|id|no\.?|#|part|serial|unit|roll|coil|heat|"
                     r"order|job)s?\s*(?:\||\t)(?:\s*\d{1,8}\s*(?:\||\t|$))+", re.I | re.M)


_UNITS_COVERED = "how many units each count covers, context"


def _context_role(question: str, text: str, value: Decimal, start: int, end: int) -> str | None:
    if any(a <= start < b for a, b in earlier_study_spans(question)):
        return "what an earlier study did, context"
    if re.search(r"[$€£¥]\s*$", question[max(0, start - 3):start]) or re.match(
            r"^\s*(?:usd|eur|gbp|dollars?|euros?|pounds?|chf|yen)\b", question[end:end + 10], re.I):
        return "a cost, context"
    before = question[max(0, start - 40):start].split("\n")[-1]
    after = question[end:end + 20]
    line_start = question.rfind("\n", 0, start) + 1
    line_end = question.find("\n", end)
    if _ID_ROW.fullmatch(question[line_start:line_end if line_end >= 0 else len(question)].rstrip(" |\t") + "|"):
        return "a row of ids labelling the readings, context"
    if _ORDINAL_AFTER.match(after):
        return "an ordinal, a position"
    opened = before.rfind("(")
    if opened > before.rfind(")") and re.match(r"\(\s*(?:from|based on|estimated from|taken from)\b", before[opened:], re.I):
        return "where a figure came from, context"  # "SD about 4.0 N (from the 2022 trials, 40 specimens)"
    if re.search(r"\b(?:19|20)\d\d[-.]\d{1,2}[-.]$", before):
        return "a date, context"
    if _IDENTIFIER_BEFORE.search(before) or re.fullmatch(r"0\d+", text) or (
            re.match(r"^[A-Z](?![A-Za-z])", after) and "." not in text) or (  # "bay 4B", but "3.2N" is 3.2 newtons
            re.match(r"^-\d{3,}\b", after) and re.search(r"(?:^|\s)$", before)):
        return "an identifier or code, context"
    if _DATE_BEFORE.search(before) or (re.match(r"^/\d{1,2}\b", after) and _DATE_TOKEN_BEFORE.search(before)):
        return "a day and month, context"  # "on 22/10": a date when unused, but "2/10" may be a count of 10
    if _TIME_AFTER.match(after) or (len(text) == 2 and _TIME_BEFORE.search(before)):
        return "a time of day, context"
    if _BASIS_BEFORE.search(before) and value == value.to_integral_value() and value >= 10:
        return "the basis of a rate, context"
    if value == 2 and re.search(r"\b(?:mr|moving[\s-]*ranges?)\s+(?:of\s+)?(?:span|length|window)\s*(?:of\s*)?$|"
                                r"\bspan\s*(?:of\s*)?$", before, re.I):
        return "the moving-range span (2, consecutive points), context"  # "MR of span 2"
    if re.search(r"\b(?:shop|room|ambient|lab|air|hall|plant)\s+(?:at|@|temp(?:erature)?\s*(?:of|at)?)?\s*$", before,
                 re.I) and re.match(r"^\s*°?\s*[CF]\b", after):
        return "a stated condition, context"  # "shop at 22 °C"
    if re.match(r"^\s*%\s*(?:coolant|oil|solids|moisture|humidity|rh|additive|concentration|glycol|salt|binder|"
                r"water|emulsion)\b", after, re.I):
        return "a stated condition, context"  # "6 % coolant"
    if re.search(r"\bbudget\s*(?:is|of|:|=)?\s*(?:about\s+|around\s+|up\s+to\s+|at\s+most\s+)?$", before, re.I):
        return "a budget, context"  # "budget is 35 runs": a limit the plan is compared with, not a setting of it
    if re.search(r"\b(?:gauge\s+|%\s*)?(?:r\s*&\s*r|grr)\b[^.\d]{0,30}$", before, re.I):
        return "a measurement-system figure, context"  # "the gauge R&R came out at 8%"
    if re.search(r"\b(?:units?\s+of|in\s+units\s+of|×|x|times)\s*$", before, re.I) and re.match(r"^\s*[A-Za-zµ°Ω]", after) and \
            re.fullmatch(r"1(?:[eE][-+]?\d+|0\^?[-+]?\d*)|10\^?[-−+]?\d+|1e[-+]?\d+", text.replace("−", "-")):
        return "a unit's scale, context"  # "(units of 1e-5 Torr L/s)", "× 10^-3 mm"
    if re.search(r"\b(?:speed|rate|throughput|takt|output|feed)\b[^.;\n]{0,20}$", before, re.I) and \
            re.match(r"^\s*(?:[A-Za-z]+\s*)?(?:/|per\s+)(?:min(?:ute)?|h(?:ou)?r?|s(?:ec(?:ond)?)?|day|shift)\b", after, re.I):
        return "a speed or rate of the process, context"  # "Line speed is 120 labels/min"
    if re.search(r"[\"'](?:batch|lot|id|serial|run|order|po|job|unit_?id|sample_?id|part_?no|heat)[\"']\s*:\s*$", before, re.I):
        return "an identifier or code, context"  # "batch": 7781 in a JSON export
    if re.fullmatch(r"(?:0?[1-9]|[12]\d|3[01])\.(?:0[1-9]|1[0-2])", text) and re.match(r"^\.(?:\d{2,4})?\s*[;\t,|]", after) \
            and re.fullmatch(r"\s*\|?\s*", before.split("\n")[-1]):
        return "a date, context"  # "02.04." in a German export: day and month
    if re.match(r"^\s*[x×]\s*\d", after) or re.search(r"\d\s*[x×]\s*$", before) or \
            re.match(r"^\s*(?:[a-zµ]{1,3}\s+)?(?:long|wide|high|tall|thick|deep|in diameter)\b", after, re.I):
        return "a dimension, context"  # "the coupons are 25 x 75 mm", "every roll 50 m long and 1.6 m wide"
    if _PRECISION_AFTER.match(after):
        return "a precision, context"
    if _QUALIFIER_AFTER.match(after):
        return "part of a name or a duration, context"
    if re.search(r"@\s*$", before) or (re.search(r"\b(?:lab\s+|room\s+|ambient\s+)?temp(?:erature)?\s*(?:of|at|=|:)?\s*$",
                                                  before, re.I) and re.match(r"^\s*°?\s*[CF]\b", after)):
        return "a stated condition, context"  # "(cP @ 25 °C)", "(lab temp 20 C)"
    if (re.search(r"\b(?:stored|kept|held|conditioned|aged|measured|tested|inspected|cured|soaked)\s+(?:at|in)\s*$", before,
                  re.I) and re.match(r"^\s*(?:°\s*[CF]\b|deg|%\s*(?:rh|r\.h\.|relative)|k\b)", after, re.I)) or \
            (re.search(r"\bat\s*$|\(\s*$", before, re.I) and re.match(r"^\s*°\s*[CF]\b", after)):
        return "a stated condition, context"  # "stored at 22 °C", "conditioned at 50 % RH", "two adhesives at 23 °C"
    if re.search(r"\bnot\s+$", before, re.I) and re.match(r"^\s*[.,;)]", after):
        return "a value the question rules out, context"
    if _LABEL_RANGE_BEFORE.search(before) or _ITEM_RANGE_END.search(before):
        return "the end of a range of labels, context"
    if _ITEM_RANGE_START_BEFORE.search(before) and _ITEM_RANGE_START_AFTER.match(after):
        return "the start of a range of labels, context"  # "readings 1 to 9 in order: …"
    if value == value.to_integral_value() and (
            (_OBSERVED_BEFORE.search(before) and _OBSERVED_AFTER.match(after)) or _SO_FAR_AFTER.match(after)
            or _SUBGROUPS_BEFORE.search(before)):
        return "how many were observed, context"
    if re.match(r"^\s*(?:->|→|=>)", after):
        return "a category label, context"
    if re.search(r"\b(?:holds?|seats?|capacity(?: of)?|fits?|takes?|can take|room for)\s*$", before, re.I) and \
            value == value.to_integral_value():
        return "a capacity of the equipment, context"  # "Reactor R-2 holds 15 L", "oven 2 seats 9 trays"
    if value == value.to_integral_value() and (
            re.match(r"^\s+[a-z]+s\s+(?:per|each|every|a)\s+(?:shift|day|hour|lot|batch|week|run|sample|subgroup)\b", after)
            or re.search(r"\b(?:those|these|the same)\s+$", before)):
        return _UNITS_COVERED  # "we inspect 25 boards per shift … on those 25 boards"
    if re.search(r"\b(?:rated|certified|specified|good|qualified)\s+(?:to|for|at|up\s+to)\s*$|\brating\s+(?:of\s+)?$", before,
                 re.I):
        return "a rating of the equipment, context"  # "(bought 2019, rated to 1200 C)"
    # "each batch uses 25 kg of resin", "a run consumes 3 L": the material a run takes, not a level or a count of runs
    if re.search(r"\b(?:uses?|consumes?|needs?|requires?|eats)\s+(?:about\s+|around\s+|roughly\s+)?$", before, re.I) and \
            re.match(r"^\s*(?:kg|g|mg|t|tonnes?|tons?|lbs?|l|litres?|liters?|ml|m3|m²|m2|m|metres?|meters?|kwh|gallons?)\b"
                     r"(?:\s+of\s+\w+)?", after, re.I):
        return "an amount of material a run uses, context"
    if re.match(r"^[\s-]*(?:sigma|σ)\b", after, re.I) and value in (1, 2, 3, 4, 5, 6):
        return "the width of the limits in sigmas, context"  # "(3 sigma, tabulated A2)"
    if value == value.to_integral_value() and re.match(r"^\s*subgroups?\b(?!\s+(?:of|with)\b)", after) and \
            re.search(r"(?:ran|over|from|in|,)\s*[^\d]{0,20}$", before):
        return "how many subgroups a chart used, context"  # "(chart ran 6 weeks, 30 subgroups)"
    if value == value.to_integral_value() and re.match(r"^\s+of\s+(?:the|these|those|them|which)\b", after):
        return "how many of them a remark is about, context"  # "(6 of the factors are settings on the new extruder)"
    # "A*² = A²(1 + 0.75/n + 2.25/n²)": a constant of a formula the question quotes, beside a symbol
    if re.match(r"^\s*[*/]\s*[a-zA-Z](?![a-zA-Z]{2})", after) or re.search(r"(?:[a-zA-Z²³)]\s*[*/^]|\(\s*)\s*$", before) and \
            re.match(r"^\s*[-+*/)]", after) and re.search(r"[a-zA-Z]\s*[²³^(]|[a-zA-Z]\s*=", before):
        return "a constant in a formula, context"
    if re.search(r"(?<![A-Za-z])[a-zA-Z]\s*[-+]\s*$", before):
        return "a constant in a formula, context"  # "the n-1 divisor", "k - 1 df"
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
    if re.search(r"[(;]\s*$", before) and re.match(r"^\s*[:)]\s", after) and value == value.to_integral_value():
        return "a list or row number, context"  # "(1: a point beyond 3 sigma; 2: two of three …)"
    integral = value == value.to_integral_value()
    if integral and 1900 <= value <= 2100 and "." not in text and (_YEAR_CONTEXT.search(before) or
                                                                   not re.match(r"^\s*[,;]?\s*\d", after)):
        return "a year, context"
    if _SPAN_AFTER.match(after) and (_SPAN_BEFORE.search(before) or re.search(r"[,(]\s*$", before)):
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
    labels_as_data: list[QuestionNumber]  # a row number, a label, a date … that the calls used as a measurement

    @property
    def unaccounted(self) -> list[QuestionNumber]:
        return [n for n in self.numbers if n.role is None]


# roles that name or place a thing, never measure it: such a number in the data is a misreading ("coil 1: 15
# blemishes", "10 March: 182.4", "08:00 412.3" read with the 1, the 10, the 8 as measurements). Row numbers and
# labels after a word are left out: a first column 1, 2, 3 … is often the x of a regression, and "panel 4, 7, 3"
# starts the data.
_LABEL_ROLES = ("an identifier", "a date", "a time of day", "one of several numbered")


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


def _display_read(text: str, calls: list[Call]) -> tuple[int, int, str] | None:
    """The span of a stem-and-leaf display whose values a call reads in full, and the role of its digits."""
    from graphs.planning.stem_and_leaf import display_span

    span = display_span(text)
    if span is None:
        return None
    start, end, values = span
    wanted = sorted(float(v) for v in values)
    for call in calls:
        for arg in call.args.values():
            if isinstance(arg, list) and len(arg) == len(wanted) and all(isinstance(v, (int, float)) for v in arg) \
                    and all(abs(a - b) < 1e-9 for a, b in zip(sorted(arg), wanted, strict=True)):
                return start, end, f"a stem or leaf of the display, read as its {len(values)} values"
    return None


def account(question: str, calls: list[Call], defaults: dict[str, dict[str, object]],
            notes: list[str] | None = None) -> NumberAccount:
    """Each number of the question with its role (None when neither used nor context)."""
    pool = _Pool(calls, defaults)
    # a c chart counts defects on a fixed inspection unit: how many items that unit holds is its description
    counts_defects = any(c.tool == "control_chart" and c.args.get("chart") == "c" for c in calls)
    found = []
    # a formula the question writes out for the method ("r1 = sum (x_t - xbar)…", "formula n = [z(1-a/2) …]") holds
    # no values to account for
    text = without_estimator_formulas(question.replace("−", "-"))
    row_ids = _row_ids(text)
    labels = _numbered_labels(text)
    scale = _scale_ends(text)
    ids = _id_column(text)
    labelled: list[QuestionNumber] = []
    display = _display_read(text, calls)
    for raw, candidates, start, end in question_numbers(text):
        if display and display[0] <= start < display[1]:
            found.append(QuestionNumber(raw, candidates[0], start, end, display[2]))
            continue
        # "5 %", "3 percentage points": the fraction too; "+/-3", "± 3": the size of a margin, whatever its sign
        pct = bool(re.match(r"\s*(?:%|percent(?:age)?\b|per\s+cent\b)", text[end:end + 16], re.I))
        plus_minus = bool(re.search(r"(?:±|\+/-|\+-)\s*$", text[max(0, start - 4):start + 1]))
        candidates = candidates + ([abs(c) for c in candidates if c < 0] if plus_minus else [])
        options = candidates + ([c / 100 for c in candidates] if pct else [])
        label = ("a row number, context" if start in row_ids else
                 "an identifier or code, context" if start in ids else
                 "one of several numbered things, context" if start in labels else
                 _context_role(text, raw, candidates[0], start, end))
        dated = label == "a year, context" and _YEAR_CONTEXT.search(text[max(0, start - 40):start].split("\n")[-1])
        if label and (label.startswith(_LABEL_ROLES) or dated):  # "Q3 2024", "in 2023": a year, not a count
            labelled.append(QuestionNumber(raw, candidates[0], start, end, label))
            found.append(labelled[-1])
            continue
        role = pool.take(options)
        if role is None:
            role = _named_in(notes or [], options)
        if role is None and start in scale:
            role = "an end of a rating scale, context"
        if role is None:
            role = label  # a row number, a label or another context role, found above
        if role == _UNITS_COVERED and not counts_defects:
            role = None  # "5 shafts per hour" read by no call is a subgroup size missed, not context
        found.append(QuestionNumber(raw, candidates[0], start, end, role))
    misread = [n for n in labelled if pool.take_data([n.value])]
    return NumberAccount(found, misread)
