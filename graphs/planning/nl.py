"""The deterministic natural-language planner: a question → intents → a DSL program.

It tries the parser of the question's mode first, then the others (a question
MODE called "stats" may still be a control chart). Follow-ups in a thread
("now with 5 centre points", "analyse it with these responses") start from the
previous run's intents.
"""

from __future__ import annotations

import re
from copy import deepcopy
from decimal import Decimal

from graphs.planning.cells_in_prose import cells_as_table
from graphs.planning.difference_order import with_asked_order
from graphs.planning.dropped_values import drop_named_run, drop_named_values, drop_point_of_two_lists
from graphs.planning.extract import (
    NUM,
    continuity_correction,
    decimal_commas,
    flat_lists,
    int_after,
    int_before,
    normalise_pasted,
    number_runs,
    numbers,
    slashed_lists,
    strip_repeated_units,
    ungroup_thousands,
    without_estimator_formulas,
)
from graphs.planning.factorial_data import factorial_cells
from graphs.planning.frequency_table import expand_frequency_table
from graphs.planning.identifiers import blank_identifiers
from graphs.planning.intent import Intent
from graphs.planning.json_records import json_records_as_table
from graphs.planning.labelled_lines import labelled_subgroups, labelled_values
from graphs.planning.levels_in_prose import levels_as_pairs
from graphs.planning.log_lines import log_readings
from graphs.planning.nl_curvature import coded_table_curvature, plan_curvature
from graphs.planning.nl_doe import pasted_design_question, plan_analysis, plan_design
from graphs.planning.nl_follow import change_analysis
from graphs.planning.nl_friedman import plan_friedman
from graphs.planning.nl_math import plan_math, plan_matrix
from graphs.planning.nl_mcnemar import plan_mcnemar
from graphs.planning.nl_power import plan_power
from graphs.planning.nl_precision import plan_sample_size_ci
from graphs.planning.nl_prediction import plan_prediction
from graphs.planning.nl_spc import plan_spc
from graphs.planning.nl_stats import ALPHA_PHRASE, plan_stats
from graphs.planning.nl_summary import plan_summary
from graphs.planning.nl_tables import plan_table_shape
from graphs.planning.numbered_readings import numbered_readings
from graphs.planning.record_lines import (
    listed_readings_as_lists,
    named_lists_in_one_order,
    records_as_table,
    repeated_labels_as_groups,
    tuples_as_table,
)
from graphs.planning.row_codes import rows_by_code
from graphs.planning.stem_and_leaf import stem_and_leaf
from graphs.planning.table_units import units_out_of_cells
from tools.errors import HavocInputError

ORDER = {
    "doe": ("doe", "spc", "stats", "math"),
    "spc": ("spc", "stats", "doe", "math"),
    "stats": ("stats", "spc", "doe", "math"),
    "math": ("math", "stats", "spc", "doe"),
    "general": ("math", "doe", "spc", "stats"),
}


_PLANNED_MEANS = re.compile(r"\b(?:detect|expect|assume|hypothesi[sz]e|anticipate)\w*"
                            r"\s+(?:true\s+|group\s+|population\s+)*(?:mean|average)s?\b[^?!]{0,40}?\d|"
                            # "ANOVA power: 3 groups, means 10, 12 and 15, sd 2"
                            r"\banova\b[^?!]{0,80}?\b(?:group\s+)?means\s+(?:of\s+|are\s+|=\s*|:\s*)?\d", re.I | re.S)
_POWER_ASKED = re.compile(r"\b(?:power|how many|sample size)\b", re.I)


# a unit written after a value ("25.00 mm nominal"): units only, so that "batch 88 off target" keeps its words
_UNIT = (r"(?:mm|cm|m|µm|um|nm|in|ft|g|kg|mg|lb|oz|n|kn|nm|mpa|gpa|kpa|pa|psi|bar|°c|°f|degc|c|f|k|%|v|mv|a|ma|"
         r"ohms?|ω|s|ms|min|h|hrs?|l|ml|cp|rpm|hz|db|hrc|hv|ppm)\b\.?")


_ID_WORDS = r"(?:batch|lot|sample|run|day|week|shift|hour|id|no\.?|#|part|serial|unit|roll|coil|heat|order|job)s?"
_WIDE_ROW = re.compile(r"^\s*\|?\s*(?P<label>[^|\t\n]{1,20}?)\s*(?:\||\t)\s*(?P<cells>[^\n]*?)\s*\|?\s*$")


def _id_row_as_labels(question: str) -> str:
    """A table laid out sideways, "batch | 1041 | 1042 | …" over "cP | 309.1 | 312.9 | …": the first row numbers the
    readings, so each reading goes on a line of its own after its batch ("batch 1041: 309.1"), for the readers of
    labelled lines; one row of readings only, else the table is left as it is."""
    lines = question.split("\n")
    rows = [(i, m) for i, line in enumerate(lines) if (m := _WIDE_ROW.match(line)) and ("|" in line or "\t" in line)]
    for (i, first), (j, second) in zip(rows, rows[1:], strict=False):
        if j != i + 1 or not first or not second:
            continue
        ids = [c.strip() for c in re.split(r"\s*(?:\||\t)\s*", first.group("cells")) if c.strip()]
        values = [c.strip() for c in re.split(r"\s*(?:\||\t)\s*", second.group("cells")) if c.strip()]
        label = first.group("label").strip().lower()
        if len(ids) < 4 or len(ids) != len(values) or not re.fullmatch(_ID_WORDS, label) or \
                not all(re.fullmatch(r"\d{1,8}", v) for v in ids) or not all(re.fullmatch(NUM, v) for v in values):
            continue
        if any(int(b) <= int(a) for a, b in zip(ids, ids[1:], strict=False)) or (i > 0 and "|" in lines[i - 1]):
            continue  # ids count up, and the row opens its table ("| Day | 19 | 21 |" under a header is data)
        others = [k for k, line in enumerate(lines) if k not in (i, j) and re.fullmatch(r"\s*\|?[\s|:-]*\|?\s*", line)
                  and "-" in line and abs(k - i) <= 1]  # a markdown rule under the first row
        body = [f"{label} {v}: {x}" for v, x in zip(ids, values, strict=True)]
        kept = [line for k, line in enumerate(lines) if k not in (i, j, *others)]
        at = i - sum(1 for k in others if k < i)
        return "\n".join(kept[:at] + body + kept[at:])
    return question


_PAIR_ROW = re.compile(rf"^\s*(?P<label>[A-Za-z][\w.'#-]*(?: [A-Za-z][\w.'-]*)?)\s*[:,;|\t ]\s*(?P<a>{NUM})\s*[,;|\t/ ]\s*"
                       rf"(?P<b>{NUM})\s*$")
_PAIR_CUE = re.compile(r"\bpaired\b|\bbefore\b|\bafter\b|\bthen\b|\bsame (?:\w+ )?(?:operators|people|parts|units|"
                       r"subjects|panels|samples)|\bper (?:operator|person|part|unit|subject|employee|worker)", re.I)


def _headerless_pairs(question: str) -> str:
    """"old layout then new layout:" over "Ana 41.2 39.8" lines (no header row): each line one unit with its two
    readings. The rows get a header, named from the words around "then", "/", "vs" or "->" in the line above them
    ("old layout", "new layout"; else first, second), so the readers of paired columns read them as a table."""
    if not _PAIR_CUE.search(question):
        return question
    lines = question.split("\n")
    run: list[int] = []
    for i, line in enumerate([*lines, ""]):
        if i < len(lines) and _PAIR_ROW.match(line):
            run.append(i)
            continue
        if len(run) >= 3:
            labels = [_PAIR_ROW.match(lines[k]).group("label").lower() for k in run]
            above = lines[run[0] - 1] if run[0] > 0 else ""
            header = [c for c in re.split(r"\s{2,}|\t|\s*[,;|]\s*", above.strip()) if c]
            if len(header) in (2, 3) and not re.search(r"\d", above) and not above.rstrip().endswith(":"):
                run = []  # "unit    before    after": the rows have their header already
                continue
            if len(set(labels)) == len(labels) and not re.search(r"[|,\t]", above.strip().rstrip(":")) or \
                    re.search(r"\bthen\b|/|\bvs\.?\b|->|→", above):
                names = re.search(r"((?:[A-Za-z][\w-]*\s+)?[A-Za-z][\w-]*)\s*(?:,?\s*then|/|\bvs\.?|versus|->|→)\s*"
                                  r"((?:[A-Za-z][\w-]*\s+)?[A-Za-z][\w-]*)", above)
                first, second = (names.group(1), names.group(2)) if names else ("first", "second")
                rows = [f"{m.group('label')}, {m.group('a')}, {m.group('b')}" for m in (_PAIR_ROW.match(lines[k]) for k in run)]
                return "\n".join(lines[:run[0]] + [f"unit, {first}, {second}", *rows] + lines[run[-1] + 1:])
        run = []
    return question


_PIPE_ROW = re.compile(rf"^\s*\|?\s*(?P<label>[A-Za-z][\w .#-]{{0,20}}?)\s*\|(?P<cells>(?:\s*{NUM}\s*\|?)+)\s*$")


def _ragged_pipe_rows(question: str) -> str:
    """"Lab 1 | 9.84 | 9.99 | …" rows of different lengths: groups of readings, one per row ("Lab 1: 9.84, 9.99, …"),
    since no table has rows of unequal length; rows of one length are left to the table readers."""
    lines = question.split("\n")
    rows = [(i, m) for i, line in enumerate(lines) if (m := _PIPE_ROW.match(line))]
    lengths = {len(re.findall(NUM, m.group("cells"))) for _, m in rows}
    if len(rows) < 2 or len(lengths) < 2 or min(lengths) < 2:
        return question
    for i, m in rows:
        lines[i] = f"{m.group('label').strip()}: {', '.join(re.findall(NUM, m.group('cells')))}"
    return "\n".join(lines)


def plan_question(question: str, mode: str, *, previous: list[dict] | None = None,
                  bindings: dict | None = None) -> list[Intent] | None:
    """Intents for `question`, or None when nothing here understands it."""
    # "ratio = var(gauge 1)/var(gauge 2)": which variance goes on top, in words (no formula, no list)
    question = re.sub(r"\b(?:(?:the\s+)?(?:f[\s-]*)?ratio\s*(?:=|:|is)\s*)?(?:var|variance|s\^?2|σ\^?2)\s*\(\s*([^()]{1,30}?)"
                      r"\s*\)\s*/\s*(?:var|variance|s\^?2|σ\^?2)\s*\(\s*([^()]{1,30}?)\s*\)",
                      r"the variance of \1 over the variance of \2", question, flags=re.I)
    alternative = (_ALTERNATIVE_DESIGN.search(question) or _SECOND_PART.search(question)) \
        if mode == "doe" and not previous else None
    if alternative:
        # "… a rotatable CCD in 3 factors with 4 centre points: how many runs? And if we used a Box-Behnken design for
        # the same 3 factors with 5 centre points instead, how many runs?", "(1) … CCD … (2) A Box-Behnken design …":
        # two designs, each planned on its own
        parts = [question[:alternative.start() + 1], question[alternative.start() + 1:]]
        planned = [_plan_question(part, mode, bindings=bindings) for part in parts]
        if all(planned) and all(any(i.tool == "doe_design" for i in p) for p in planned):
            taken = {i.binding for i in planned[0] if i.binding}
            for intent in planned[1]:  # the second design under a name of its own
                if intent.binding in taken:
                    intent.binding = intent.binding + "2"
                if intent.uses in taken:
                    intent.uses = intent.uses + "2"
            next(i for i in planned[1] if i.tool == "doe_design").notes.append(
                "a second design, asked for beside the first")
            return [*planned[0], *planned[1]]
    intents = _plan_question(question, mode, previous=previous, bindings=bindings)
    return _with_stated_options(question, with_asked_order(question, intents))


# "(1) For a rotatable CCD … (2) A Box-Behnken design in 3 factors …": numbered parts, each a design
_SECOND_PART = re.compile(r"(?<=[.?!])\s*(?=\(\s*2\s*\)|\b2\)\s)(?=[^.?!]*\bdesign)", re.I)
# "… And if we used a Box-Behnken design instead, how many runs?": a second design beside the first
_ALTERNATIVE_DESIGN = re.compile(r"[.?!]\s+(?:and\s+|but\s+)?(?:what\s+)?if\s+(?:we|i)\s+(?:used|ran|chose|went\s+with|"
                                 r"switched\s+to|picked|took|did)\b(?=[^.?!]*\bdesign)", re.I)


# "sequential (Type I) sums of squares", "type III SS", "adjusted SS": which sums of squares an unbalanced two-way
# layout is tested with, whichever reader found the layout
_SS_TYPES = ((3, r"type\s*(?:iii|3)\b|adjusted\s+(?:sums?|ss)|marginal\s+(?:sums?|ss)"),
             (2, r"type\s*(?:ii|2)\b|hierarchical\s+(?:sums?|ss)"),
             (1, r"type\s*(?:i|1)\b|sequential\s+(?:\(type\s*(?:i|1)\)\s+)?(?:sums?|ss)"))


def _with_stated_options(question: str, intents: list[Intent] | None) -> list[Intent] | None:
    for intent in intents or []:
        if intent.tool == "anova_twoway" and "ss_type" not in intent.args:
            for ss_type, words in _SS_TYPES:
                if re.search(words, question, re.I):
                    intent.args["ss_type"] = ss_type
                    intent.notes.append({1: "sequential", 2: "hierarchical", 3: "adjusted"}[ss_type]
                                        + f" (type {'I' * ss_type}) sums of squares, as asked")
                    break
    return intents


def _plan_question(question: str, mode: str, *, previous: list[dict] | None = None,
                   bindings: dict | None = None) -> list[Intent] | None:
    bindings = bindings or {}
    missing = _MISSING.search(question)
    if missing:
        raise HavocInputError(f"{missing.group('token')!r} among the numbers is not a value: remove the missing "
                              "point or replace it with a measurement", field="data")
    _refuse_missing_cell(question)
    question = re.sub(r"(?<=[A-Za-z])[–—](?=[A-Za-z])", "-", question)  # "Mann–Whitney", "Box–Behnken": a hyphen
    question = re.sub(r"\bplus\s*(?:or|/)\s*minus\b", "±", question, flags=re.I)  # "100 plus or minus 5"
    # "Nominal is 25.00 mm with a tolerance of ±0.05 mm": the nominal ± its tolerance, said the way readers expect
    question = re.sub(rf"({NUM})([ \t]*{_UNIT})?[ \t]*,?[ \t]*(?:with[ \t]+)?(?:a[ \t]+)?(?:tolerance|tol\.?)[ \t]*"
                      r"(?:of|is|=|:)?[ \t]*(?:±|\+/-|\+-)[ \t]*", lambda m: f"{m.group(1)}{m.group(2) or ''} ± ",
                      question, flags=re.I)
    # "calls for 25.00 mm nominal": the value before its key, said the way the readers expect ("nominal 25.00 mm")
    # (not across a sentence or a line: "… 501.3 mL. Nominal fill is 500 mL" ends one sentence and starts the next,
    # and a list's last value on the line above "Nominal is 25.000 mm" is data)
    question = re.sub(rf"(?<![\w.])({NUM})([ \t]*{_UNIT})?[ \t]+(nominal|target)\b(?!\s*(?:[:=]|is|of|was)?\s*\d)",
                      lambda m: m.group(0) if (m.group(2) or "").endswith(".") else
                      f"{m.group(3)} {m.group(1)}{m.group(2) or ''}", question, flags=re.I)
    question = re.sub(r"(?<!`)`([^`\n]+)`(?!`)", r"\1", question)  # "integrate `x*sin(x)`": markdown code quotes
    # "| **Total** | 52 |": markdown bold in a table cell is emphasis, not part of the name
    question = re.sub(r"(?<=\|)([ \t]*)\*\*([^*|\n]+)\*\*(?=[ \t]*\|)", r"\1\2", question)
    question = re.sub(r"(?m)^[ \t]*\+(?:[-=]+\+)+[ \t]*(?:\n|$)", "", question)  # "+-----+----+": an ASCII table's rules
    # "Scratch ............. 44": dot leaders between a line's label and its value, as a printed list has them
    question = re.sub(r"(?m)(?<=[^\s.\d])[ \t]*\.{3,}[ \t]*(?=[-+]?\d[\d.,]*[ \t]*$)", ": ", question)
    # "the bottles say 500 mL on the label": the label's claim, said the way the readers expect ("label says 500 mL")
    question = re.sub(rf"\b(?:says?|states?|reads?|claims?)\s+({NUM})(\s*{_UNIT})?\s+on\s+the\s+label\b",
                      r"label says \1\2", question, flags=re.I)
    # "The bottle says each tablet contains 500 mg": the package's claim is the label's
    question = re.sub(rf"\b(?:the\s+)?(?:bottle|package|packet|pack|box|jar|can|bag|carton|label)\s+(?:says|states|claims|reads)"
                      rf"\s+(?:that\s+)?(?:each|every|the|a)\s+[a-z]+\s+(?:contains|holds|weighs|has)\s+({NUM})",
                      r"the label says \1", question, flags=re.I)
    follow = follow_up(question, previous or [])
    if follow:
        return follow
    # power and sample size, read before units and percent signs are tidied away; a list of hypothesised means ("to
    # detect true means of 20, 22, 22 and 24") is the effect of a planned study, not data
    # ("from the pilot run (lot 3, 1,200 parts made)": a grouped number is one number, not a run of data)
    if not carries_data(ungroup_thousands(question)[0]):  # to within ± E: a precision, not a power (read before the power reader's cues)
        precision = plan_sample_size_ci(question)
        if precision:
            return precision
    if not carries_data(ungroup_thousands(question)[0]) or (_POWER_ASKED.search(question) and
                                                            _PLANNED_MEANS.search(question)):
        power = plan_power(question)
        if power:
            return power
    mcnemar = plan_mcnemar(decimal_commas(question))  # named: a 2 × 2 table of paired outcomes, or the discordant pairs
    if mcnemar:
        return mcnemar
    friedman = plan_friedman(decimal_commas(question))  # named: a blocks × treatments table, read as pasted
    if friedman:
        return friedman
    cells = factorial_cells(question) if "(1)" in question else None
    if cells and cells.layout.startswith("Yates"):
        # Yates' labels with replicates, "a 51.9/52.9": the factorial's runs, read before slashes become lists
        yates = plan_analysis(question, bindings or {})
        if yates:
            return yates
    question = slashed_lists(question)
    # "3-sigma limits": the width of Shewhart limits in sigmas, written as a word so it is never read as a datum (the
    # small-shift charts read their L and a "shift of 1 sigma" as numbers, so theirs stay)
    question = question if re.search(r"ewma|cusum|exponentially[\s-]+weighted|cumulative[\s-]+sum", question, re.I) else re.sub(r"(?<![\w.])([1-6])(\s*-\s*|\s+)(sigma|σ)\b(?=\s*(?:control\s+)?(?:limits?|lines?|bands?|zones?)\b)",
                      lambda m: ("one", "two", "three", "four", "five",
                      "six")[int(m.group(1)) - 1] + m.group(2) + m.group(3), question, flags=re.I)
    question = decimal_commas(question)
    question = without_estimator_formulas(question)  # "r1 = sum (x_t - xbar)(…)": how to compute, not what
    question = _id_row_as_labels(question)
    question = _headerless_pairs(question)
    question = _ragged_pipe_rows(question)
    # "3 Jun - 27 boards, 43 defects; 4 Jun - …": a date naming a record is one label, not a number and a month
    month = r"(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
    dated = {(m.group(1), m.group(2)) for line in question.split("\n") if line.count(";") >= 2 for m in re.finditer(
        rf"(?:(?<=^)|(?<=;)|(?<=:))\s*(\d{{1,2}})\s+({month})(?=\s*(?:[-–—:|]|\s{{2,}}|\t))", line)}
    for day, name in dated:  # the same date in the prose ("without 14 March") names the same record
        question = re.sub(rf"(?<![\w.]){day}\s+{re.escape(name)}(?![\w])", f"{name}_{day}", question)
    # "Cat-1<TAB>71.3 68.9 …", "M-2: 5.1, …": a row's name with a hyphenated number; as "Cat_1" its number is no datum
    line_label = r"(?m)^(\s*[A-Za-z]{1,12})-(\d{1,3})(?=\s*[:\t|]|\s{2,}|\s+[-+]?\d|\s+[-–—]+>?\s+[-+]?\d)"
    named = {f"{m.group(1).strip()}-{m.group(2)}" for m in re.finditer(line_label, question)}
    question = re.sub(line_label, r"\1_\2", question)
    for name in named:  # "catalyst K-12 vs catalyst K-31, 8 runs each" above the rows: the same names in the prose
        question = re.sub(rf"(?<![\w-]){re.escape(name)}(?![\w-])", name.replace("-", "_"), question)
    # "Mould 1  32.31  30.51 …" on each of several lines, one word and a distinct number before a wide gap: the
    # number is part of the row's name, not a reading
    spaced = r"(?m)^(\s*[A-Za-z]{2,12}) (\d{1,3})(?=\t|\s{2,}[-+]?\d)"
    rows = [(m.group(1).strip().lower(), m.group(2)) for m in re.finditer(spaced, question)]
    if len(rows) >= 2 and len({w for w, _ in rows}) == 1 and len({n for _, n in rows}) == len(rows):
        question = re.sub(spaced, r"\1_\2", question)
    matrix = plan_matrix(question)
    if matrix:
        return matrix
    # "Subgroup 1 (Mon AM): 20.08, …": a remark in brackets between a row's label and its colon names no value
    # ("Old press (13): 21.88, …": the count of the list in brackets, said again by the list itself)
    question = re.sub(r"(?m)^(\s*[A-Za-z][\w .#-]{0,20}?\d*)\s*\((?:[^()\d\n]{1,24}|\s*(?:n\s*=\s*)?\d{1,4}\s*)\)(?=\s*:)",
                      r"\1", question)
    question, time_notes = labelled_subgroups(question)
    question, id_notes = blank_identifiers(question)
    question, item_notes = _item_names_in_brackets(question)
    id_notes = [*id_notes, *item_notes]
    question, numbered_notes = numbered_readings(question)
    id_notes = [*time_notes, *id_notes, *numbered_notes]
    question, json_notes = json_records_as_table(question)
    question, log_notes = log_readings(question)
    question, stem_notes = stem_and_leaf(question)
    question, code_notes = rows_by_code(question)
    log_notes = [*log_notes, *stem_notes, *code_notes]
    question, unit_notes = units_out_of_cells(question)
    question, level_notes = levels_as_pairs(question)
    question, cell_notes = cells_as_table(question)
    level_notes = [*level_notes, *cell_notes]
    log_notes = [*log_notes, *unit_notes, *level_notes]
    id_notes = [*json_notes, *log_notes, *id_notes]
    question, named_notes = named_lists_in_one_order(question)
    question, record_notes = records_as_table(question)
    record_notes = [*named_notes, *record_notes]
    question, listed_notes = listed_readings_as_lists(question)
    question, tuple_notes = tuples_as_table(question)
    question, grouped_notes = repeated_labels_as_groups(question)
    record_notes = [*id_notes, *record_notes, *listed_notes, *tuple_notes, *grouped_notes]
    shaped = None if pasted_design_question(question) else (coded_table_curvature(question) or
                                                            plan_table_shape(question))
    if shaped:
        shaped[0].notes = [*record_notes, *shaped[0].notes]
        _continuity_correction(question, shaped)
        return shaped
    question, label_notes = labelled_values(question)
    question, drop_notes = drop_named_values(question)
    if not drop_notes:
        question, drop_notes = drop_named_run(question)
    if not drop_notes:
        question, drop_notes = drop_point_of_two_lists(question)
    drop_notes = [*record_notes, *label_notes, *drop_notes]
    question, read_notes = ungroup_thousands(question)
    read_notes = [*drop_notes, *read_notes]
    question = strip_repeated_units(question)
    question, frequency_notes = expand_frequency_table(question)
    question, table_notes = normalise_pasted(question)
    table_notes = [*frequency_notes, *table_notes]
    if any(note.startswith("pairs on each line") for note in record_notes):
        mode = "stats"  # a predictor beside its response is data to fit, whatever the words say about curvature
    intents = _plan_fresh(question, mode, bindings)
    _capability_without_data(question, intents)
    _counts_not_shares(intents, table_notes)
    _subgroups_in_columns(question, intents)
    _continuity_correction(question, intents)
    _summary_figures_only(question, intents)
    if intents and (read_notes or table_notes):
        intents[0].notes = [*read_notes, *table_notes, *intents[0].notes]
    if intents:
        _reference_named_not_given(question, intents)
        _whole_set_told_in_pieces(question, intents)
        _one_list_or_ask(question, intents)
        unused = unused_numbers(question, intents)
        if unused:
            intents[0].notes.append("numbers in the question not read as data: " + ", ".join(unused)
                                    + " (say so if any of them is a measurement)")
    return intents


def _continuity_correction(question: str, intents: list[Intent] | None) -> None:
    """Yates's continuity correction, asked for or declined in words, on every chi-square of a table
    (the tool applies it to 2 × 2 tables only, and says so); unsaid, the tool's default (off) stands."""
    said = continuity_correction(question)
    for intent in intents or []:
        if intent.tool == "chi_square" and intent.args.get("table") is not None and "correction" not in intent.args \
                and said is not None:
            intent.args["correction"] = said
        if intent.tool in ("mann_whitney", "wilcoxon_signed_rank") and "method" not in intent.args:
            # "using the normal approximation with continuity correction": the p-value the user's method gives
            if _NORMAL_APPROXIMATION.search(question):
                intent.args["method"] = "normal"
                if said is not None:
                    intent.args["correct"] = said
                intent.notes.append("the normal approximation, as asked" + (
                    "" if said is None else " (with continuity correction)" if said else " (no continuity correction)"))
            elif re.search(r"\bexact\b(?:\s+\w+){0,3}\s+p\b|\bexact\s+(?:test|distribution|null)", question, re.I):
                intent.args["method"] = "exact"


_NORMAL_APPROXIMATION = re.compile(r"\b(?:normal|large[\s-]*sample|asymptotic|z)[\s-]*approximation\b|\basymptotic\b",
                                   re.I)


_SUMMARY = re.compile(r"\b(?:mean|average|x-?bar)\b[^.;?]{0,25}?\d|\b(?:standard deviation|std\.? ?dev|\bsd\b|sigma|"
                      r"σ|s\s*=)[^.;?]{0,25}?\d", re.I)
_SUMMARY_TOOLS = {"summary_t_test", "summary_capability", "summary_chart", "power", "control_chart", "run_rules",
                  "spc_constants"}


_UNSTATED_REFERENCE = re.compile(r"\b(?:above|below|over|under|exceeds?|differs?\s+from|different\s+from|equal\s+to|"
                                 r"against|meets?|reach(?:es)?|than)\s+(?:(?:the|our|its)\s+)?(?:target|nominal|spec(?:ification)?|"
                                 r"claim(?:ed value)?|label(?:led)? (?:value|claim)|reference(?: value)?|standard)\b"
                                 r"(?!\s*(?:of|=|:|is|value of)?\s*[-+]?\d)", re.I)


def _reference_named_not_given(question: str, intents: list[Intent]) -> None:
    """"Test whether the mean is above the target" with no target anywhere: descriptive statistics would answer a
    different question, so ask for the value."""
    if intents[0].tool != "describe" or not _UNSTATED_REFERENCE.search(question):
        return
    if re.search(r"\b(?:target|nominal|spec(?:ification)?|claim\w*|label\w*|reference|standard)\b[^.?!]{0,20}?\d",
                 question, re.I):
        return
    raise HavocInputError("the question tests the mean against a target (or nominal, claimed) value that it does not "
                          "give: say the value and ask again", field="mu")


def _summary_figures_only(question: str, intents: list[Intent] | None) -> None:
    """A mean and a standard deviation but no measurements ("mean 10.2, sd 0.1, specs 9.8 to 10.6: Cpk?") need a
    tool that works from summary figures; any other tool would compute something else from the figures
    themselves (a t-test of the spec limits), so say what is missing instead."""
    if carries_data(question) or len(_SUMMARY.findall(question)) < 2:
        return
    if intents and any(i.tool in _SUMMARY_TOOLS or i.tool in ("differentiate", "integrate", "solve", "evaluate",
                                                               "doe_design") for i in intents):
        return
    raise HavocInputError("the question gives summary figures (a mean and a standard deviation), not the "
                          "measurements: HAVOC computes this from the data itself; paste the measurements",
                          field="data")


_CAPABILITY_ASKED = re.compile(r"\b(?:cpk?|ppk?|cpm|cp[ul]|pp[ul]|capab\w*)\b", re.I)
_SIGMA_GIVEN = re.compile(r"\b(?:standard deviation|std\.? ?dev|sd|sigma|σ|s)\s*(?:\([^()]{0,20}\)\s*)?(?:=|:|of|is|was)?\s*\d",
                          re.I)


_COLUMN_SUBGROUPS = re.compile(r"\beach\s+column\s+(?:is|=|holds|is\s+one|forms)\s+(?:one\s+|a\s+)?(?:subgroup|sample)\b|"
                               r"\b(?:subgroups|samples)\s+(?:are|run\s+down|go\s+down)\s+(?:the\s+)?columns\b|"
                               r"\bone\s+(?:subgroup|sample)\s+(?:per|in\s+each)\s+column\b", re.I)


def _subgroups_in_columns(question: str, intents: list[Intent] | None) -> None:
    """"Each column is one subgroup" under a pasted grid: the subgroups are the columns, not the rows read."""
    if not intents or not _COLUMN_SUBGROUPS.search(question):
        return
    for intent in intents:
        rows = intent.args.get("subgroups")
        if intent.tool in ("capability", "control_chart") and isinstance(rows, list) and len(rows) > 1 and \
                all(isinstance(r, list) and len(r) == len(rows[0]) for r in rows):
            intent.args["subgroups"] = [list(col) for col in zip(*rows, strict=True)]
            intent.notes.append(f"each column is a subgroup, as the question says: {len(rows[0])} subgroups of "
                                f"{len(rows)}")


# tools whose cells must be counts: a share has lost the sample size the test's statistic grows with
_COUNT_CELLS = {"chi_square": ("table", "observed"), "mcnemar": ("table",)}


def _counts_not_shares(intents: list[Intent] | None, table_notes: list[str]) -> None:
    """A chi-square (or McNemar) test on percentages or fractions ("79.6 % | 13.8 % | 6.6 %", "0.42, 0.58") would
    compute a statistic that depends on the scale the shares are written in: say the counts are missing instead."""
    for intent in intents or []:
        cells = [v for key in _COUNT_CELLS.get(intent.tool, ()) for v in _flat(intent.args.get(key))]
        if not cells:
            continue
        percent_cells = any("'%' in every cell" in note for note in table_notes)
        if percent_cells or any(Decimal(str(v)) != Decimal(str(v)).to_integral_value() for v in cells):
            raise HavocInputError(f"the {intent.tool.replace('_', ' ')} test needs counts, and the table holds "
                                  "percentages or fractions, which have lost how many items each came from: give the "
                                  "counts (or the totals the shares are of)", field="observed")


def _flat(value: object) -> list:
    if isinstance(value, (list, tuple)):
        return [x for v in value for x in _flat(v)]
    return [] if value is None or isinstance(value, (str, bool)) else [value]


def _capability_without_data(question: str, intents: list[Intent] | None) -> None:
    """A capability index asked for with neither measurements nor a standard deviation ("Cp and Cpk? mean = 10.2,
    LSL 9, USL 11") cannot be computed; any tool run on the figures given computes something else."""
    if not _CAPABILITY_ASKED.search(question) or carries_data(question) or \
            len(re.findall(r"(?<![\w.])\d+(?:\.\d+)?", question)) < 2:  # "what does Cpk measure": an explanation
        return
    if intents and any(i.tool in _SUMMARY_TOOLS or i.tool == "capability" for i in intents):
        return
    missing = [] if _SIGMA_GIVEN.search(question) else ["the standard deviation (or the measurements themselves)"]
    if not re.search(r"\b(?:lsl|usl|spec\w*|tolerance|limits?|min(?:imum)?|max(?:imum)?)\b", question, re.I):
        missing.append("the specification limits")
    if not missing:
        return
    raise HavocInputError("a capability index needs " + " and ".join(missing) + ": give them and ask again",
                          field="data")


# tools that take one list of measurements, and where it is
_ONE_LIST = {"describe": "data", "normality": "data", "capability": "data", "control_chart": "values",
             "t_test": "x"}


# "… That is every batch we made, the complete set": the values told piece by piece are one set
_WHOLE_SET = re.compile(r"\b(?:every|each)\s+(?:single\s+)?[a-z]+\s+(?:we|i|they)\s+(?:made|ran|took|measured|produced|"
                        r"shipped|built|have|had|received|bought)\b|"
                        r"\b(?:the\s+)?(?:complete|whole|full|entire)\s+(?:set|population|lot|record|list)\b|"
                        r"\ball\s+(?:of\s+)?(?:them|these|the\s+\w+)\s+(?:together|combined|pooled)\b|"
                        r"\b(?:pool(?:ed)?|combine(?:d)?)\s+(?:them|these|all|the\s+\w+)\b", re.I)


def _whole_set_told_in_pieces(question: str, intents: list[Intent]) -> None:
    """Descriptive statistics of values scattered over sentences ("January: 397, 404 and 398 kg. February, two: 403
    and 416 kg. … That is every batch we made"): when the question says they are one whole set, the values after
    the first list join it, in the order given, if they are measurements of the same size."""
    intent = intents[0]
    if intent.tool != "describe" or not _WHOLE_SET.search(question):
        return
    data = list(intent.args.get("data") or [])
    rest = [Decimal(v) for v in unused_numbers(question, intents, limit=10_000)]
    if len(data) < 2 or len(rest) < 2:
        return
    lo, hi = min(data), max(data)
    mean = sum(data) / len(data)
    span = max(hi - lo, abs(mean) / 4)
    if not all(lo - span <= v <= hi + span for v in rest):
        return
    first_rest = question.find(format(rest[0], "f"), question.find(format(data[-1], "f")) + 1)
    if first_rest < 0:
        return  # a value set aside comes before the list read: the order given is not known
    intent.args["data"] = [*data, *rest]
    intent.notes.append(f"the {len(data) + len(rest)} values told sentence by sentence read as one whole set, as the "
                        "question says")


def _one_list_or_ask(question: str, intents: list[Intent]) -> None:
    """A one-sample tool given one of several pasted lists ("5.1 5.2 5.3 yesterday and 6.1 6.2 6.3 today. Is it
    normal?") cannot know which the user meant: say so instead of picking one."""
    intent = intents[0]
    key = _ONE_LIST.get(intent.tool)
    if key is None or (intent.tool == "t_test" and intent.args.get("kind") != "one_sample"):
        return
    data = intent.args.get(key)
    if not isinstance(data, list) or not data:
        return
    used = {format(v, "f") for v in _decimals(intent.args)}
    # another run of three or more values none of which the plan holds (a "95%" after the data is not one)
    others = [values for _, values in number_runs(question, 3)
              if len([v for v in values if format(v, "f") not in used]) >= 3]
    if others:
        lists = "; ".join(", ".join(format(v, "f") for v in values[:4]) + (" …" if len(values) > 4 else "")
                          for values in [data, *others][:3])
        raise HavocInputError(f"the question has {1 + len(others)} lists of numbers ({lists}) and "
                              f"{intent.tool.replace('_', ' ')} takes one: say which list is the data, or ask to "
                              "compare them", field="data")


_DATA_TOOLS = {"describe", "t_test", "normality", "control_chart", "capability", "anova_oneway", "anova_twoway",
               "levene", "kruskal_wallis", "regression", "chi_square", "mann_whitney", "wilcoxon_signed_rank", "sign_test",
               "proportion_test"}


def _decimals(value: object) -> list[Decimal]:
    if isinstance(value, Decimal):
        return [value]
    if isinstance(value, (list, tuple)):
        return [d for v in value for d in _decimals(v)]
    if isinstance(value, dict):
        return [d for v in value.values() for d in _decimals(v)]
    return []


def unused_numbers(question: str, intents: list[Intent], limit: int = 8) -> list[str]:
    """The numbers of a data question that no argument of the plan holds ("we ran 3 shifts … line 2 …"), so the
    answer says which numbers it set aside as context; a confidence level (95 → 0.95) counts as used."""
    if not any(i.tool in _DATA_TOOLS for i in intents):
        return []
    used: dict[Decimal, int] = {}
    for intent in intents:
        for d in _decimals(intent.args) + _decimals(intent.read):
            used[d] = used.get(d, 0) + 1
        confidence = intent.args.get("confidence")
        if confidence is not None:
            used[Decimal(str(confidence)) * 100] = used.get(Decimal(str(confidence)) * 100, 0) + 1
    # a scalar setting (a hypothesised mean, a target) may be said twice: "above 50 N … greater than 50 N?"
    params = {v for intent in intents for v in intent.args.values() if isinstance(v, Decimal)}
    # "the same 6 coupons", "the last 18 lots": a count of the values read is said by the data themselves
    counts = {Decimal(n) for intent in intents for n in _lengths(intent.args)}
    out = []
    clean = ALPHA_PHRASE.sub(" ", question.replace("−", "-"))  # the level of the test is read by ARGUE
    clean = re.sub(r"\b\d{1,2}(?:\.\d+)?\s*(?:%|percent|per cent)\s*(?:significance\s+)?level\b", " ", clean, flags=re.I)
    clean = re.sub(r"\b\d{1,2}:\d{2}(?::\d{2})?\b", " ", clean)  # "daily 08:00 readings": a time of day
    clean = re.sub(r"\b[nN]\s*-\s*1\b", "n", clean)  # "(divide by N, not N-1)": a divisor, no value
    # a nominal ± tolerance is a spec, read as its limits; "Machine 1 |", "lab 1 (", "Operator 2:" is a name
    clean = re.sub(rf"{NUM}\s*(?:[A-Za-zµ°]{{1,3}}\.?\s*)?(?:±|\+/-|\+-)\s*{NUM}", " ", clean)
    clean = re.sub(r"(?<=[A-Za-z])([\s-])\d+(?=\s*(?:[:|(\t]|[-–—]\s|'s\b|$))", r"\1#", clean, flags=re.M)
    # "line 1 vs line 2", "oven 3's": a numbered thing is named, not measured
    clean = re.sub(r"\b((?:line|machine|lab|operator|shift|supplier|oven|press|site|plant|cell|station|group|method|"
                   r"gauge|reactor|mou?ld|cavity|head|nozzle|spindle|lane|tank|furnace|vendor|filler|unit|run|row|point|"
                   r"subgroup|specimen|trial|day|hour|week)s?)\s+\d{1,2}\b",
                   r"\1 #", clean, flags=re.I)
    clean = re.sub(r"\blag[\s-]*\d+\b", "lag", clean, flags=re.I)  # "the lag-1 autocorrelation": an order, no value
    clean = re.sub(r"\b(rated|scored|graded|ranked)\s+(?:on\s+(?:a\s+)?|from\s+)?[01]\s*(?:-|–|to)\s*\d{1,2}\b", r"\1",
                   clean, flags=re.I)  # "rated 0-10": the ends of a scale
    clean = re.sub(r"\b(units?\s+of)\s+1[eE][-+]?\d+", r"\1", clean, flags=re.I)  # "(units of 1e-5 Torr L/s)"
    # "readings 1 to 9 in order: …": the question numbers its own list
    clean = re.sub(r"\b((?:readings?|measurements?|values?|points?|pieces?|shots?|weighings?|observations?|runs?)\s*)#?\s*"
                   r"\d+\s*(?:-|–|to|through|thru)\s*#?\s*\d+\b", r"\1#", clean, flags=re.I)
    for m in re.finditer(rf"(?<![\w^.]){NUM}(?![\w.]*\d)", clean):
        text = m.group(0)
        try:
            value = Decimal(text.replace(",", "")) if re.fullmatch(r"[-+]?\d{1,3}(?:,\d{3})+(?:\.\d+)?", text) \
                else None
        except ArithmeticError:
            value = None
        values = [value] if value is not None else numbers(text)
        for v in values:
            if used.get(v, 0) > 0:
                used[v] -= 1
            elif v not in params and not (v in counts and re.match(r"\s+(?:[a-z-]+\s+)?[a-z]+", clean[m.end():])):
                out.append(format(v, "f"))
    return out[:limit]


def _lengths(value: object) -> list[int]:
    """The length of every list in a plan's arguments, nested ones included."""
    if isinstance(value, dict):
        return [n for v in value.values() for n in _lengths(v)]
    if isinstance(value, (list, tuple)):
        return [len(value), *(n for v in value for n in _lengths(v))]
    return []


_NAMED_TEST = re.compile(r"\bchi[\s-]*squared?\b|\bt[\s-]*test\b|\bmann[\s-]*whitney\b|\bwilcoxon\b|\bkruskal\b|"
                         r"\bfisher'?s?\s+exact\b|\bmcnemar\b|\bshapiro\b|\blevene\b|\bcorrelation\b|\bregression\b",
                         re.I)


def _plan_fresh(question: str, mode: str, bindings: dict) -> list[Intent] | None:
    if pasted_design_question(question):
        return None  # no tool reads a pasted design's properties: "here is what I can do", not an ANOVA of it
    curvature = plan_curvature(question)  # corners and centre runs: the curvature test, not a new design
    if curvature:
        return curvature
    analysis = plan_analysis(question, bindings)
    if analysis:
        return analysis
    if not carries_data(question):  # summary figures (a mean, a standard deviation, n) instead of measurements
        summary = plan_summary(question)
        if summary:
            return summary
    planners = {"doe": lambda: plan_design(question), "spc": lambda: plan_spc(question),
                "stats": lambda: plan_prediction(question, plan_stats) or plan_stats(question),
                "math": lambda: plan_math(question)}
    has_data = carries_data(question)
    named_test = _NAMED_TEST.search(question)
    for name in ORDER.get(mode, ORDER["general"]):
        if mode == "general" and name != "math" and not (has_data and name in ("stats", "spc")):
            continue  # an off-topic question is not forced into a design or a chart
        if name == "doe" and named_test and not re.search(r"\b(?:design|doe|factorial|runs?)\b", question, re.I):
            continue  # "a chi-square test on this 2×2 table" the statistics could not read is no 2×2 design
        intents = planners[name]()
        if intents:
            return intents
    return None


# "1, nan, 3" / "5.1 N/A 5.3" / "2, 4, ?": a gap in pasted data. A token between numbers (or closing a list of them)
# with only separators around it; "from 0 to inf" has a word in between and is a bound, not a gap.
_GAP = r"(?P<token>nan|n/a|na|null|none|missing|inf(?:inity)?|-inf(?:inity)?|\?(?!\s*$))"
_MISSING = re.compile(rf"(?:{NUM}\s*[,;]?\s+|{NUM}\s*[,;]\s*){_GAP}(?=\s*(?:[,;\])]|$|\s+{NUM}))", re.I)


# a cell with no value in it; a lone "-" is not one (a coded low level in a design table: "| - | + | 45 |")
_PLACEHOLDER = re.compile(r"\?+|-{2,3}|[–—]{1,3}|n/?a|nan|null|none|missing|tbd|tba|\.{2,}|…|blank|", re.I)


# "the same ten gauge blocks (nominal 1, 2, 5, 10, … and 125 mm)": what each item measured is called, not a reading
_ITEM_NAMES = re.compile(r"\((?P<what>nominal(?:\s+(?:sizes?|values?|lengths?))?|sizes?|ids?|serials?|serial\s+numbers?|"
                         r"part\s+numbers?)\s*:?\s+(?P<list>\d[\d.]*(?:\s*,\s*\d[\d.]*)+(?:,?\s*and\s+\d[\d.]*)?)"
                         r"\s*(?:[a-zµ]{1,3})?\)", re.I)


def _item_names_in_brackets(question: str) -> tuple[str, list[str]]:
    m = _ITEM_NAMES.search(question)
    if not m:
        return question, []
    names = re.findall(r"\d[\d.]*", m.group("list"))
    note = f"({m.group('what')} {', '.join(names)}) names the items measured, not readings"
    return question[:m.start()] + " " * (m.end() - m.start()) + question[m.end():], [note]


def _refuse_missing_cell(question: str) -> None:
    """A table row whose value cells are numbers but for one placeholder ("| swing | 388 | ?? | 14 |", "B,12,,9"):
    a value never entered. Any test of the table would drop the row or the column unsaid; ask for it instead.
    Blanks the question explains ("blanks = no more results", "groups of unequal size") are the ends of shorter
    columns, and stand."""
    if re.search(r"\bblanks?\b[^.?!\n]{0,12}(?:=|mean|means|are|is)\s*(?:no|not|missing|fewer|unequal|the end)|"
                 r"\bunequal\s+(?:numbers|sizes|group sizes|sample sizes|lengths)|\bcolumns? (?:are|have) (?:of )?"
                 r"(?:different|unequal) lengths?|"
                 # "line B had one fewer bag": the shorter column ends early
                 r"\b(?:one|two|three|\d+)\s+fewer\b|\bone\s+(?:less|short)\b", question, re.I):
        return
    header: list[str] | None = None
    for line in question.split("\n"):
        line = re.sub(r",\s*$", "", line)  # "8.27, 8.30,": a list wrapped over lines, not an empty last cell
        pipe = line.count("|") >= 2
        if not pipe and line.count(",") < 2:
            continue
        cells = [c.strip() for c in (line.strip().strip("|").split("|") if pipe else line.split(","))]
        if not pipe and any(len(c) > 16 or re.search(r"[:()\[\]]", c) for c in cells):
            continue  # a sentence with commas, not a row of a CSV table
        numeric = [bool(re.fullmatch(rf"{NUM}%?", c)) for c in cells]
        if not any(numeric):
            header = cells if not re.fullmatch(r"[\s|:-]*", line) else header
            continue
        gaps = [i for i, c in enumerate(cells) if i > 0 and not numeric[i] and _PLACEHOLDER.fullmatch(c)]
        if gaps and sum(numeric[1:]) >= 1 and len(cells) >= 3 and len(gaps) < len(cells) - 1:
            column = header[gaps[0]] if header and len(header) == len(cells) and header[gaps[0]] else \
                f"column {gaps[0] + 1}"
            raise HavocInputError(f"the row {cells[0] or 'of the table'!r} has no value under {column!r} "
                                  f"({cells[gaps[0]] or 'blank'}): give the missing value, or say to leave the row "
                                  "out, and ask again", field="data")


def carries_data(question: str) -> bool:
    """Pasted measurements ("old 5.1, 5.3, 4.9 vs new 5.6, 5.8, 5.5") make a question about data,
    whatever words surround them; a bare number or two ("what's 2 + 2") does not."""
    return bool(flat_lists(question)) or any(len(values) >= 3 for _, values in number_runs(question))


_FOLLOW_START = (r"^(?:ok(?:ay)?,?\s+|great,?\s+|thanks,?\s+|good,?\s+|please\s+|can you\s+|could you\s+)?"
                 r"(now|then|again|same|instead|and|what if|make it|use|with|change|redo|repeat|add|but|how about|"
                 r"try|switch|go with|let'?s|what about|fit|show|increase|decrease|set|rerun|re-run|randomi[sz]e|assum\w*|exclud\w*|drop|"
                 r"remove|without|at|apply|do it|is it)\b")


_CENTRE = r"cent(?:er|re)[\s-]*(?:points?|pts?|runs?)"


def follow_up(question: str, previous: list[dict]) -> list[Intent] | None:
    """Modify the previous design: "now with 5 centre points", "make it face-centred", "use seed 3"."""
    low = re.sub(r"[–—]", "-", question.lower().strip())
    if not previous or not re.match(_FOLLOW_START, low):
        return None
    last = previous[-1]
    if last.get("tool") != "doe_design":
        # a question with its own data is a new analysis, not a change to the last one
        return None if carries_data(question) else change_analysis(low, last)
    args = deepcopy(last["args"])
    changed = []
    centre = int_before(low, _CENTRE)
    if centre is None:
        centre = int_after(low, _CENTRE)
    if centre is not None:
        args["center_points"] = centre
        changed.append(f"{centre} centre points")
    seed = int_after(low, "seed")
    if seed is not None:
        args.update(randomize=True, seed=seed)
        changed.append(f"seed {seed}")
    elif re.search(r"randomi[sz]", low) and not args.get("randomize"):
        args.update(randomize=True, seed=1)
        changed.append("randomised with seed 1")
    reps = int_before(low, r"replicates?")
    if reps:
        args["replicates"] = reps
        changed.append(f"{reps} replicates")
    count = int_before(low, r"factors?") or int_after(low, r"factors? to")
    if count:
        args["factors"] = count
        changed.append(f"{count} factors")
    if re.search(r"face[\s-]*cent", low):
        args.update(design="central_composite", face="faced")
        args.pop("alpha", None)
        changed.append("face-centred")
    if re.search(r"box[\s-]*behnken", low):
        args["design"] = "box_behnken"
        changed.append("Box-Behnken")
    if re.search(r"central[\s-]*composite|\bccd\b", low) and args["design"] != "central_composite":
        args.update(design="central_composite", face="circumscribed", alpha="rotatable")
        changed.append("central composite")
    if not changed:
        return None
    return [Intent("doe_design", args, binding=last.get("binding") or "d",
                   notes=["changed from the previous design: " + ", ".join(changed)])]
