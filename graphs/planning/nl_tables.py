"""Table shapes that are not plain numeric columns, read by their columns and labels (issue 9, kind 1).

- sizes and counts (`Inspected | Defective`, `Area m2, Defects`): a p chart of defectives, a u chart of
  defects over the amount inspected;
- rows named by a unit (an operator, a part, a patient) with two measurement columns: each unit measured
  twice, a paired t-test of the first column against the second;
- a contingency table (row labels, count columns) with association wording: chi-square independence;
- `label -> count`, `label: count` or `label count` pairs with fairness wording: a goodness of fit.

Each reader returns None unless the shape and the wording agree, so the other planners still see the question.
"""

from __future__ import annotations

import re
from collections import Counter
from decimal import Decimal

from graphs.planning.extract import _SEPARATOR_ROW, _index_column, _is_num, _num, pasted_table, without_totals
from graphs.planning.intent import Intent
from graphs.planning.nl_spc import chart_kind
from graphs.planning.nl_stats import (
    NOT_NORMAL,
    NOT_PAIRED,
    SIGN_TEST,
    confidence_args,
    paired_alternative,
    sign_method,
)
from tools.errors import HavocInputError

_SIZE_COL = re.compile(r"inspect|sample ?size|\bn\b|checked|tested|units|produced|made|area|length|m2|m²|sq|^m$|^km$|^ft$|"
                       r"metres?|meters?|rolls?|sheets?|size|lot size|batch size|total|panels?|boards?|pieces|items|parts|"
                       r"assemblies|hours", re.I)
_DEFECTIVE_COL = re.compile(r"defectives?|nonconforming|non-conforming|rejects?|rejected|failed|failures|scrap|"
                            r"bad|nok|nogood|fails?", re.I)
_DEFECT_COL = re.compile(r"defects|flaws|scratches|blemishes|errors|nonconformities|bubbles|voids|spots|dents|"
                         r"pores|porosity|pits|pinholes|holes|inclusions|cracks|chips|knots|specks|stains|marks|bugs|"
                         r"faults|particles|blisters|counts?", re.I)
_CHART_WORDS = re.compile(r"chart|control|stable|stability|in control|out of control|spc|limits|over time|"
                          r"signal", re.I)
_COMPARE = re.compile(r"compar|minus|saved|saving|reduction|difference|confidence interval|\bci\b|differ|same|agree|equal|consistent|change|improve|effect|read (?:the )?same|"
                      r"bias|higher|lower|better|worse|t[\s-]*test|paired|significan", re.I)
# "fit a line", "the fitted model", "best fit" are a model; "after we fitted the new spring pack" is not
_REGRESSION = re.compile(r"regress|depend|predict|correlat|spearman|kendall|pearson|\btau\b|\brho\b|(?<!dis)concordan|"
                         r"rank[\s-]*agreement|agree\w* (?:on|about|in) (?:the )?(?:order(?:ing)?|ranking)|relationship between|as a function|slope|best[\s-]*fit|"
                         r"\bfit(?:ted|ting)?\s+(?:(?:a|an|the)\s+)?(?:straight\s+|linear\s+|quadratic\s+)?(?:line|model|"
                         r"curve|regression|trend|equation|polynomial)|\bfitted (?:line|model|values?|curve|equation)|"
                         # "fit Ra = b0 + b1*feed": the model written out
                         r"\b[A-Za-z_]\w*\s*=\s*[ab]_?0\s*\+\s*[ab]_?1\s*\*?\s*[A-Za-z_]", re.I)
_ASSOCIATION = re.compile(r"related|relat(?:ion|ed) to|associat|independen|contingency|depend(?:s|ent)? on|"
                          r"differ(?:s|ent)? (?:by|between|across|among)|same (?:across|for (?:all|both|each|every))|"
                          r"\bdistributions?\b|\bmix\b|\bchi\b|chi[\s-]*squ", re.I)
_FAIR = re.compile(r"\bfair\b|equally|uniform|goodness|expected|same (?:frequency|popularity|share)|evenly|"
                   # "each day should get roughly the same number"
                   r"(?:should|would)\s+(?:get|have|see|show|receive)\s+(?:roughly\s+|about\s+|approximately\s+)?"
                   r"the\s+same\s+(?:number|count|amount)|nothing to do with|"
                   r"equal (?:shares?|proportions?|frequenc)|biased|loaded|by chance|(?:than|as) (?:you'?d|we'?d|one "
                   r"would|would be|I'?d) expect|spread (?:out )?evenly|more often than", re.I)


_STATED_SIZE = re.compile(r"\bn\s*=\s*(\d+)|\bsamples? (?:size )?of (\d+)|\b(\d+) (?:per|in each|each) (?:sample|lot|"
                          r"subgroup)|\bsample size (?:is |of |= ?)?(\d+)|\b(?:inspects?|inspected|checks?|checked|tests?|"
                          r"tested|samples?|sampled)\s+(?:exactly\s+|always\s+)?(\d+)\s+(?:units|parts|items|pieces|boards|"
                          r"bottles)\b", re.I)


def _columns(q: str):
    table = pasted_table(q)
    if table is None or not table.header:
        return None
    _refuse_cut_off_row(q, table)
    header = [h.strip() for h in table.header]
    columns = [[row[c] for row in table.rows] for c in range(len(header))]
    return table, header, columns


def _refuse_cut_off_row(q: str, table) -> None:
    """A row right under the table, named like its rows ("Supplier Z  27" under "Supplier X  34  12  9"), with fewer
    values than they have: the table was cut off, and any test of the rows above it would leave a row out unsaid."""
    lines = q.split("\n")
    if table.end >= len(lines) or not table.rows or _is_num(table.rows[0][0]):
        return
    line = lines[table.end].strip()
    first_words = {row[0].split()[0].lower() for row in table.rows if row[0].split()}
    m = re.match(r"([A-Za-z][\w-]*(?:\s+[A-Za-z0-9][\w-]*)?)[\s:|,]+(.*)$", line)
    if not m or len(first_words) != 1 or m.group(1).split()[0].lower() not in first_words:
        return
    values = re.findall(r"(?<![\w.])\d+(?:\.\d+)?(?![\w.])", m.group(2))
    if 0 < len(values) < len(table.rows[0]) - 1:
        raise HavocInputError(f"the row {m.group(1)!r} has {len(values)} value{'s' if len(values) > 1 else ''} where "
                              f"the rows above it have {len(table.rows[0]) - 1}: the table looks cut off; give the "
                              "missing cells and ask again", field="table")


def _integers(col: list[str]) -> bool:
    return all(_is_num(c) and _num(c) == _num(c).to_integral_value() and _num(c) >= 0 for c in col)


def _counts_rows(col: list[str]) -> bool:
    """1, 2, 3, …: a first column numbering the rows ("Panel 1, 2, 3"), not the sizes of the samples."""
    values = [_num(c) for c in col]
    return values == [values[0] + i for i in range(len(values))]


def sizes_and_counts(q: str) -> list[Intent] | None:
    """`Day | Inspected | Defective` → p chart; `Panel, Area m2, Defects` → u chart."""
    found = _columns(q)
    if found is None or not _CHART_WORDS.search(q):
        return None
    _, header, columns = found
    numeric = [c for c, col in enumerate(columns) if all(_is_num(x) for x in col)]
    sizes = [c for c in numeric if _SIZE_COL.search(header[c]) and not _DEFECTIVE_COL.search(header[c])
             and not _DEFECT_COL.search(header[c]) and not (c == 0 and _counts_rows(columns[c]))]
    defectives = [c for c in numeric if _DEFECTIVE_COL.search(header[c]) and _integers(columns[c])]
    defects = [c for c in numeric if _DEFECT_COL.search(header[c]) and not _DEFECTIVE_COL.search(header[c])
               and _integers(columns[c])]
    others = [c for c in numeric if c not in defectives + defects and not (c == 0 and _counts_rows(columns[c]))]
    kind = chart_kind(q.lower())
    if not defectives and not defects and kind in ("p", "np") and not sizes:
        ints = [c for c in others if _integers(columns[c])]
        if len(ints) == 2:  # "p chart" asked for: of two count columns, the larger holds the sizes ("orders", "late")
            big, small = ints if all(_num(a) >= _num(b) for a, b in zip(columns[ints[0]], columns[ints[1]], strict=True)) \
                else ints[::-1]
            if all(_num(a) >= _num(b) for a, b in zip(columns[big], columns[small], strict=True)):
                sizes, defectives = [big], [small]
    if not defectives and not defects and kind == "u" and len(sizes) == 1:
        rest = [c for c in others if c not in sizes and _integers(columns[c])]
        if len(rest) == 1:  # "u chart" asked for: beside the size, the one column of counts holds the defects ("nicks")
            defects = rest
    counted = defectives + defects
    others = [c for c in numeric if c not in counted and not (c == 0 and _counts_rows(columns[c]))]
    if not sizes and len(counted) == 1 and len(others) == 1 and re.fullmatch(r"[A-Za-z][\w -]*s", header[others[0]]) \
            and (defects or all(_num(a) >= _num(b) for a, b in zip(columns[others[0]], columns[counted[0]], strict=True))):
        # "40 doors, 9 defects", "12 cars, 30 defects": the other count names the things inspected (defects may
        # outnumber the things they are found on; defective things may not)
        sizes = others
    stated = _STATED_SIZE.search(q)
    if not sizes and stated and len(defectives) + len(defects) == 1:  # "defectives (n=80 each)", "samples of 50"
        n = Decimal(next(g for g in stated.groups() if g))
        header, columns = [*header, f"n = {n}"], [*columns, [str(n)] * len(columns[0])]
        sizes = [len(columns) - 1]
    if len(sizes) != 1 or len(defectives) + len(defects) != 1:
        return None
    size = [_num(x) for x in columns[sizes[0]]]
    if defectives:
        counts = [_num(x) for x in columns[defectives[0]]]
        if any(c > n for c, n in zip(counts, size, strict=True)):
            return None
        chart = "np" if chart_kind(q.lower()) == "np" and len(set(size)) == 1 else "p"  # "np chart", "number nonconforming"
        why = f"'{header[defectives[0]]}' are defective items out of '{header[sizes[0]]}' inspected: a {chart} chart"
    else:
        counts = [_num(x) for x in columns[defects[0]]]
        chart = "u"
        why = f"'{header[defects[0]]}' are defects counted over '{header[sizes[0]]}' inspected: a u chart of defects per unit"
        unit_words = r"(?:m|metres?|meters?|ft|feet|m2|m²|sq\.?\s*m|km|units?|pieces|parts|hours?|h)"
        # "per 100 m", "treat 100 m of coil as one inspection unit": the unit the rate is counted in
        per = re.search(rf"\bper\s+(\d+(?:\.\d+)?)\s*{unit_words}\b", q, re.I) or re.search(
            rf"\b(\d+(?:\.\d+)?)\s*{unit_words}\b(?:\s+of\s+[a-z]+)?\s+(?:as|is|=|counts as|makes)\s+(?:one|an?|1)\s+"
            r"(?:inspection\s+|sampling\s+)?unit", q, re.I)
        if per and Decimal(per.group(1)) > 1:  # "express the rate per 100 m": the unit is 100 m of the sizes given
            unit = Decimal(per.group(1))
            size = [s / unit for s in size]
            why += f", the unit being {per.group(1)} of '{header[sizes[0]]}' (each size divided by {per.group(1)})"
    return [Intent("control_chart", {"chart": chart, "counts": counts, "sizes": size, "rules": "western_electric"},
                   notes=[why])]


def paired_columns(q: str) -> list[Intent] | None:
    """Rows named by a unit, two measurement columns, a comparison asked: each unit measured twice."""
    found = _columns(q)
    # by name, or the differences said not to be normal ("I don't want to assume the differences are normal")
    signed_rank = re.search(r"signed[\s-]*rank|wilcoxon(?![\s-]*rank[\s-]*sum)", q, re.I) or NOT_NORMAL.search(q.lower())
    sign = SIGN_TEST.search(q)
    signed_rank = signed_rank or sign
    if found is None or _REGRESSION.search(q) or _CHART_WORDS.search(q) or not (_COMPARE.search(q) or signed_rank):
        return None
    # "Do the two lines have the same variability? F-test for equal variances": spreads compared, not paired means
    if re.search(r"variabilit|variances?\b|\bspread|f[\s-]*test|levene|bartlett|brown[\s-]*forsythe|consisten", q, re.I) and \
            not re.search(r"(?<!un)paired|t[\s-]*test", q, re.I):
        return None
    _, header, columns = found
    numbered = all(_is_num(x) for x in columns[0]) and (_index_column(header[0], columns[0]) or signed_rank) and \
        _counts_rows(columns[0])
    # "the classic two-sample t-test, pooled variance": the test named is for independent samples, whatever the layout
    independent = re.search(r"two[\s-]*sample\s+t|\bpooled\b|\bwelch\b|\bstudent'?s\s+t\b", q, re.I) and \
        not re.search(r"(?<!un)paired|same (?:parts|units|specimens|samples)", q, re.I)
    if len(columns) != 3 or (all(_is_num(x) for x in columns[0]) and not numbered) or NOT_PAIRED.search(q) or independent:
        return None  # the first column names the units: words, or row numbers under a name such as 'op' or 'part'
    labels = columns[0]
    if len(set(labels)) != len(labels):
        return None  # a repeated name is a factor, not a unit
    if not all(_is_num(v) for col in columns[1:] for v in col) or len(labels) < 3:
        return None  # a column of names (supplier: Osprey, Merlin …) is a factor of a long table, not a measurement
    x, y = ([_num(v) for v in col] for col in columns[1:])
    if _second_minus_first(q, header[1], header[2]):  # "the mean change (after minus before)": that order
        x, y = y, x
        header = [header[0], header[2], header[1]]
    if _integers(columns[1]) and _integers(columns[2]) and _ASSOCIATION.search(q):
        return None  # a table of counts: contingency_table's
    alternative = paired_alternative(q.lower(), header[1], header[2])
    if sign:  # the sign test by name: the signs of the differences, not their ranks
        return [Intent("sign_test", {"x": x, "y": y, "alternative": alternative, **sign_method(q)},
                       notes=[f"each row ({header[0] or 'row'}) is one unit measured in both '{header[1]}' and "
                              f"'{header[2]}': the sign test of {header[1]} − {header[2]}"])]
    if signed_rank:
        return [Intent("wilcoxon_signed_rank", {"x": x, "y": y, "alternative": alternative},
                       notes=[f"each row ({header[0] or 'row'}) is one unit measured in both '{header[1]}' and "
                              f"'{header[2]}': the signed-rank test of {header[1]} − {header[2]}"])]
    return [Intent("t_test", {"kind": "paired", "x": x, "y": y, "alternative": alternative, **confidence_args(q)},
                   notes=[f"each row ({header[0] or 'row'}: {', '.join(labels[:3])} …) is one unit measured in both "
                          f"'{header[1]}' and '{header[2]}': a paired t-test of {header[1]} − {header[2]}"])]


def _second_minus_first(q: str, first: str, second: str) -> bool:
    """"after minus before", "after - before": the difference asked for takes the second column first. Column names
    are matched by their first word ("after_kN" is "after")."""
    from graphs.planning.difference_order import asks_second_first, change_asked

    def word(name: str) -> str:
        return re.escape(re.split(r"[\s_(]+", name.strip())[0])
    return bool(re.search(rf"\b{word(second)}\w*\s*(?:minus|−|-|–)\s*{word(first)}\b", q, re.I)) or \
        asks_second_first(q, first, second) or change_asked(q, first, second, True)


def contingency_table(q: str) -> list[Intent] | None:
    found = _columns(q)
    if found is None or not _ASSOCIATION.search(q) or _CHART_WORDS.search(q):
        return None
    _, header, columns = found
    if all(_is_num(x) for x in columns[0]) or len(columns) < 3:
        return None
    body = columns[1:]
    if any(cell.strip().endswith("%") for col in body for cell in col):
        raise HavocInputError("the table gives percentages, not counts: a test of independence needs the counts in "
                              "each cell (or each row's total to recover them)", field="table")
    if not all(_integers(col) for col in body):
        return None
    margins: list[str] = []
    labels, names, body = without_totals(list(columns[0]), list(header[1:]), [list(c) for c in body], margins)
    labels = labels or list(columns[0])
    table = [[_num(col[r]) for col in body] for r in range(len(labels))]
    if len(body) == 2:
        sized = _size_and_subset(names, table)
        if sized:
            return sized
    fisher = re.search(r"fisher'?s?(?:\s+exact)?|\bexact\s+test\b", q, re.I)
    if fisher and not re.search(r"(?:not|n't|no|rather than|instead of)\s+(?:a\s+|the\s+)?$",
                                q[max(0, fisher.start() - 20):fisher.start()], re.I):
        if len(table) != 2 or len(table[0]) != 2:
            raise HavocInputError(f"Fisher's exact test here takes a 2 × 2 table; this one is {len(table)} × "
                                  f"{len(table[0])}", field="table")
        (a, b), (c, d) = table
        low = q.lower()
        side = ("greater" if re.search(r"one[\s-]*sided[^.?!]{0,40}\b(?:greater|higher|more)", low) else
                "less" if re.search(r"one[\s-]*sided[^.?!]{0,40}\b(?:less|lower|fewer)", low) else "two-sided")
        return [Intent("proportion_test", {"x": [a, c], "n": [a + b, c + d], "method": "fisher", "alternative": side},
                       notes=[*margins, f"Fisher's exact test, as asked, of the 2 × 2 table: rows {', '.join(labels)}, the "
                              f"first column ({names[0]}) the successes"])]
    return [Intent("chi_square", {"table": table},
                   notes=[*margins, f"a contingency table: rows {', '.join(labels)} by columns {', '.join(names)}; "
                          "a test of independence"])]


def _size_and_subset(names: list[str], table: list[list[Decimal]]) -> list[Intent] | None:
    """`shift, inspected, defective`: the second column counts part of the first, so the categories are
    (defective, inspected − defective); as printed, the two columns are not categories of one count."""
    for size_at, part_at in ((0, 1), (1, 0)):
        size_name, part_name = names[size_at], names[part_at]
        if _SIZE_COL.search(size_name) and (_DEFECTIVE_COL.search(part_name) or re.search(
                r"pass|good|ok|accept|conform|success|yes|respond|click|buy|fail|defect", part_name, re.I)) and \
                all(row[part_at] <= row[size_at] for row in table):
            cells = [[row[part_at], row[size_at] - row[part_at]] for row in table]
            return [Intent("chi_square", {"table": cells},
                           notes=[f"'{part_name}' counts part of '{size_name}': the table of {part_name} and "
                                  f"{size_name} − {part_name} per row; a test that the proportion is the same in "
                                  "every row"])]
    return None


_PAIR = re.compile(r"(?P<label>[A-Za-z][\w .'/-]{0,20}?|\d{1,3})\s*(?P<sep>->|→|=>|:|=|\s[-–—]\s|\s)\s*(?P<count>\d+)"
                   r"(?![\d.])")


def label_counts(q: str) -> list[tuple[str, Decimal]] | None:
    """`1 -> 8, 2 -> 12, …`, `red: 30; blue: 45`, `red 30, blue 45, green 25`: ≥ 3 labelled counts."""
    segments = [s.strip() for s in re.split(r"[,;\n?!]|\band\b|\.(?:\s|$)", q) if s.strip()]
    pairs = []
    for seg in segments:
        m = _PAIR.fullmatch(seg.strip(" .")) or re.search(rf"(?:^|[:\s]){_PAIR.pattern}$", seg.strip(" ."))
        if m:
            label = m.group("label").strip()
            label = re.sub(r"^.*?:\s*", "", label) if ":" in label else label
            pairs.append((label, Decimal(m.group("count")), bool(m.group("sep").strip())))
    if any(marked for *_, marked in pairs):  # "mon -> 37 …": one written layout; "store #4471, Q3 2024" is not a pair
        pairs = [p for p in pairs if p[2]]
    pairs = [(label, count) for label, count, _ in pairs]
    short = [lab.split()[-1] if lab else lab for lab, _ in pairs]
    if len(set(short)) == len(short):  # "Filler 1: 14" → "1"; keep the whole label only where words repeat
        pairs = [(s, c) for s, (_, c) in zip(short, pairs, strict=True)]
    labels = [p[0].lower() for p in pairs]
    if len(pairs) < 3 or len(set(labels)) != len(labels):
        return None
    return pairs


# ("50% from supplier A, 35% from B": a preposition, and a category word, may stand between them)
_SHARE_THEN_LABEL = re.compile(r"(?P<pct>\d+(?:\.\d+)?)\s*%\s*(?:of\s+|are\s+|is\s+|from\s+|to\s+|for\s+|by\s+)?"
                               r"(?:(?:supplier|vendor|line|shift|grade|type|machine|plant|site|source|category|class|"
                               r"operator|model)\s+)?(?P<label>[A-Za-z][\w-]*)")
_SHARE_WORD_LABEL = re.compile(r"(?P<pct>\d+(?:\.\d+)?)\s*%\s*[A-Za-z]+\s+(?P<label>[A-Za-z][\w-]*)")
_LABEL_THEN_SHARE = re.compile(r"(?P<label>[A-Za-z][\w-]*)\s*[:=]?\s*(?P<pct>\d+(?:\.\d+)?)\s*%")


def _singular(word: str) -> str:
    """"scratches" and "scratch", "dents" and "dent": one category, written in the plural or not."""
    word = word.lower()
    if re.search(r"(?:ch|sh|x|ss)es$", word):
        return word[:-2]
    return word[:-1] if word.endswith("s") and not word.endswith("ss") and len(word) > 3 else word


def _own_word(label: str, labels: list[str]) -> str | None:
    """The one word of a label ("A-grade", "grade_B") found in no other label, singular and lower case."""
    def words(text: str) -> set[str]:
        return {_singular(w) for w in re.split(r"[-_\s]+", text) if w}
    others = set().union(*(words(lab) for lab in labels if lab != label))
    own = words(label) - others
    return next(iter(own)) if len(own) == 1 else None


def _stated_shares(q: str, labels: list[str]) -> list[Decimal] | None:
    """"last year's mix was 45% A, 35% B, 20% C": the share stated for each counted label, in their order (a label
    counted as "scratch" matches a share stated for "scratches")."""
    for pattern in (_SHARE_THEN_LABEL, _LABEL_THEN_SHARE):
        shares = {_singular(m.group("label")): Decimal(m.group("pct")) for m in pattern.finditer(q)}
        if pattern is _SHARE_THEN_LABEL:  # "55% grade A, 30% grade B": a category word before each label
            for m in _SHARE_WORD_LABEL.finditer(q):
                shares.setdefault(_singular(m.group("label")), Decimal(m.group("pct")))
        if all(_singular(lab) in shares for lab in labels):
            return [shares[_singular(lab)] for lab in labels]
        # "A-grade: 197" against "50% A": a label matched by the one word that tells it from the others
        own = [_own_word(lab, labels) for lab in labels]
        if all(w is not None and w in shares for w in own) and len(set(own)) == len(own):
            return [shares[w] for w in own]
    # "the split should be 50%, 30%, 15%, 5% (A, B, C, reject)": the shares, then their labels in the same order
    listed = re.search(r"((?:\d+(?:\.\d+)?\s*%\s*[,;/]\s*)+(?:and\s+)?\d+(?:\.\d+)?\s*%)\s*\(([^()]+)\)", q)
    if listed:
        pcts = [Decimal(v) for v in re.findall(r"\d+(?:\.\d+)?", listed.group(1))]
        names = [n.strip().lower() for n in re.split(r"\s*(?:,|;|/|\band\b)\s*", listed.group(2)) if n.strip()]
        shares = {_singular(n.split()[-1]): v for n, v in zip(names, pcts, strict=False)} if len(names) == len(pcts) else {}
        if shares and all(_singular(lab.split()[-1]) in shares for lab in labels):
            return [shares[_singular(lab.split()[-1])] for lab in labels]
    return None


_RATIO = re.compile(r"\b(\d+(?:\.\d+)?(?:\s*:\s*\d+(?:\.\d+)?){2,})\b")


def goodness_of_fit(q: str) -> list[Intent] | None:
    if pasted_table(q) is not None:
        return None
    ratio = _RATIO.search(q) if re.search(r"\bratio\b|\bexpected\b|\bin the proportions?\b", q, re.I) else None
    if ratio:
        q_counts = q[:ratio.start()] + " " + q[ratio.end():]
        pairs = label_counts(q_counts)
        parts = [Decimal(v) for v in re.split(r"\s*:\s*", ratio.group(1))]
        if pairs and len(parts) == len(pairs):
            total = sum(parts)
            return [Intent("chi_square", {"observed": [c for _, c in pairs],
                                          "probabilities": [str(p / total) for p in parts]},
                           notes=[f"counts per category ({', '.join(lab for lab, _ in pairs)}) against the ratio "
                                  f"{ratio.group(1)}: expected proportions {', '.join(f'{p}/{total}' for p in parts)}"],
                           read=parts)]
    pairs = label_counts(re.sub(r"\d+(?:\.\d+)?\s*%\s*(?:of\s+)?[A-Za-z][\w-]*|[A-Za-z][\w-]*\s*[:=]?\s*\d+(?:\.\d+)?\s*%",
                                " ", q))
    if not pairs:
        return None
    shares = _stated_shares(q, [lab for lab, _ in pairs])
    if shares and abs(sum(shares) - 100) > Decimal("0.5") and all(s > 1 for s in shares):
        raise HavocInputError(f"the stated shares ({', '.join(f'{s}%' for s in shares)}) add up to {sum(shares)}%, not "
                              "100%: correct them and ask again", field="expected")
    if shares and re.search(r"chang|shift|differ|still|same|match|consistent|follow|fit|hold", q, re.I):
        observed = [c for _, c in pairs]
        total = sum(observed)
        expected = [Decimal(f"{float(s) * float(total) / float(sum(shares)):.12g}") for s in shares]
        return [Intent("chi_square", {"observed": observed, "expected": expected},
                       notes=[f"counts per category ({', '.join(lab for lab, _ in pairs)}) against the stated "
                              f"shares {', '.join(f'{s}%' for s in shares)}: expected = share × {total} observed"],
                       read=shares)]
    if not _FAIR.search(q):
        return None
    stated = re.findall(r"(?<![\w.])\d+(?:\.\d+)?\s*%(?!\s*(?:confidence|confident|significan|level|power|alpha|ci\b))", q,
                        re.I)
    if len(stated) >= 2:
        # shares stated that could not be matched to the categories: never the equal-proportions test instead
        raise HavocInputError("the question states shares (" + ", ".join(stated) + ") "
                              "that could not be matched to the counted categories: give each category its expected "
                              "share ('A 50%, B 30%, C 20%')", field="expected")
    return [Intent("chi_square", {"observed": [c for _, c in pairs]},
                   notes=[f"counts per category ({', '.join(lab for lab, _ in pairs)}) tested against equal "
                          "proportions: a goodness of fit", "no expected counts: equal proportions"])]


_CELL = r"\d+\s+(?:not\s+|non[\s-]?)?[A-Za-z][\w-]*"
_PROSE_ROW = re.compile(rf"^\s*(?P<label>[^:\n;]{{1,30}}?)\s*(?:[:\-–>|]+\s*|\s+(?=\d))(?P<cells>{_CELL}"
                        rf"(?:\s*(?:,|and|/)\s*{_CELL})+)\s*[.]?\s*$")


def _prose_rows(q: str) -> list[tuple[str, list[tuple[Decimal, str]]]]:
    """Rows of counts of named categories: "18-30: 45 earlies, 30 lates, 25 nights" on each line, or "vaccinated 44
    not infected, 16 infected; unvaccinated 31 not infected, 29 infected" between semicolons (a remark before the
    first row, up to its last colon, is not part of the label)."""
    rows = []
    # rows between lines, semicolons or sentences ("Machine A: 90 parts, 82 good and 8 bad. Machine B: …")
    for segment in re.split(r"\n|;|(?<=[a-z])\.\s+(?=[A-Z])", q):
        segment = re.split(r"(?<=[a-z\d])\.\s+", segment.strip())[0]  # "… 29 infected. Pearson chi-square": the row
        m = _PROSE_ROW.match(segment)
        if not m and ":" in segment:
            m = _PROSE_ROW.match(segment.rsplit(":", 1)[-1])
        if m:
            cells = re.findall(r"(\d+)\s+((?:not\s+|non[\s-]?)?[A-Za-z][\w-]*)", m.group("cells"))
            rows.append((m.group("label").strip(), [(Decimal(n), w.lower()) for n, w in cells]))
    return rows


def prose_contingency(q: str) -> list[Intent] | None:
    """Rows of counts named by the same categories (see `_prose_rows`), with association or chi-square wording: a
    contingency table, each row's cells put in the first row's order."""
    if not _ASSOCIATION.search(q):
        return None
    found = _prose_rows(q)
    if len(found) < 2:
        return None
    # "90 parts, 82 good and 8 bad": a row's first count that is the sum of the others is its total, not a category
    totals = [cells[0][0] for _, cells in found]
    if all(len(cells) >= 3 and cells[0][0] == sum(n for n, _ in cells[1:]) for _, cells in found):
        found = [(label, cells[1:]) for label, cells in found]
    else:
        totals = []
    columns = [w for _, w in found[0][1]]
    if len(set(columns)) != len(columns):
        return None
    rows, labels = [], []
    for label, cells in found:
        named = dict((w, n) for n, w in cells)
        if sorted(named) != sorted(columns) or len(cells) != len(columns):
            return None  # the same categories on every row
        rows.append([named[c] for c in columns])
        labels.append(label)
    notes = [f"a contingency table from the text: rows {', '.join(labels)} by columns {', '.join(columns)}; a test "
             "of independence"]
    if totals:
        notes.append(f"the row totals ({', '.join(format(t, 'f') for t in totals)}) are the sums of the counts, not a "
                     "category")
    return [Intent("chi_square", {"table": rows}, notes=notes)]


# both margins of a grid asked about: "do the machines differ? do the operators?", "each machine/operator
# combination", a two-way or two-factor analysis named
_BOTH_MARGINS = re.compile(r"two[\s-]*(?:way|factor)|\b2[\s-]*way\b|\bcombination|"
                           r"(?:differ|effect|matter|significant)[^?]*\?[^?]*(?:differ|effect|matter|significant)", re.I)


def _margin_names(q: str) -> tuple[str, str] | None:
    """The two factors the question names ("machine/operator combination", "do the machines differ? do the
    operators differ?"), in the order written."""
    pair = re.search(r"\b([a-z]+)\s*(?:/|×|\bx\b|\band\b|\bby\b)\s*([a-z]+)\s+combinations?", q, re.I)
    if pair:
        return pair.group(1).lower(), pair.group(2).lower()
    named = [_singular(m.group(1).lower()) for m in re.finditer(
        r"\b(?:the\s+)?([a-z]{3,})\s+(?:differ|matter|have an effect|make a difference)", q, re.I)]
    named = list(dict.fromkeys(n for n in named if n not in ("mean", "result", "value", "there", "they", "it")))
    return (named[0], named[1]) if len(named) >= 2 else None


# a randomized complete block design: "every batch saw every catalyst", "batches are a nuisance", "blocked by day"
_BLOCKED = re.compile(r"\bnuisance\b|\bblock(?:s|ed|ing)?\b|\brandomi[sz]ed complete block|\bevery\s+(?:batch|day|lot|operator|"
                      r"block|plot|subject|panel|shift|machine)\s+(?:saw|got|received|tested|ran|used|had|tried)\s+every\b",
                      re.I)


def two_way_grid(q: str) -> list[Intent] | None:
    """A grid of measurements, rows named by one factor and columns by another, one value per cell, with both
    factors asked about → the two-way ANOVA without replication (the additive model: no interaction term is
    estimable with one value per cell)."""
    found = _columns(q)
    if found is None or not (_BOTH_MARGINS.search(q) or _BLOCKED.search(q)) or _CHART_WORDS.search(q) or \
            _ASSOCIATION.search(q):
        return None
    _, header, columns = found
    rows, body = columns[0], columns[1:]
    # "T \ p (bar)" in the corner: both factors named there, so the row labels may be numbers (150, 170, 190 °C)
    corner = bool(re.search(r"\\|/|×|\bvs\.?\b", header[0]))
    if (all(_is_num(x) for x in rows) and not corner) or len(body) < 2 or len(rows) < 2 or len(set(rows)) != len(rows):
        return None
    if all(re.fullmatch(r"\(1\)|[a-h]{1,7}", x.strip()) for x in rows) and "ab" in [x.strip() for x in rows]:
        return None  # Yates' labels "(1), a, b, ab …" name a two-level factorial's runs, read by the DOE analysis
    if not all(_is_num(x) for col in body for x in col) or not all(h.strip() for h in header[1:]):
        return None
    if len(body) == 2 and (NOT_NORMAL.search(q.lower()) or re.search(r"signed[\s-]*rank|wilcoxon|paired", q, re.I)):
        return None  # units measured twice, said not normal or paired: the paired reader's, not an ANOVA's
    if all(_integers(col) for col in body) and not re.search(r"two[\s-]*(?:way|factor)|\banova\b", q, re.I):
        return None  # a grid of counts is a contingency table, not measurements
    y = [_num(col[r]) for r in range(len(rows)) for col in body]
    a = [rows[r] for r in range(len(rows)) for _ in body]
    b = [header[1 + c] for _ in rows for c in range(len(body))]
    corner_names = [re.sub(r"\(.*?\)", "", n).strip().lower() for n in re.split(r"\s*(?:\\|/|×|\bvs\.?)\s*", header[0])]
    names = _margin_names(q) or (tuple(corner_names) if corner and len(corner_names) == 2 and all(
        re.fullmatch(r"[a-z]\w*", n) for n in corner_names) and corner_names[0] != corner_names[1] else None) or \
        ("row_factor", "column_factor")
    if re.search(r"\binteraction", q, re.I) and not re.search(r"no interaction|without (?:the |an? )?interaction|"
                                                              r"additive (?:model|anova|fit)|main effects only", q, re.I):
        raise HavocInputError(f"the grid has one value per {names[0]} × {names[1]} cell, so the interaction has no "
                              "error degrees of freedom left: its F and p do not exist (repeat readings per cell are "
                              "needed; without them only the additive model, main effects only, can be fitted)",
                              field="interaction")
    args = {"y": y, "a": a, "b": b, "interaction": False, "factor_a": names[0], "factor_b": names[1]}
    return [Intent("anova_twoway", args, notes=[
        f"a grid: {names[0]} in rows ({', '.join(rows)}) by {names[1]} in columns ({', '.join(header[1:])}), "
        "one value per cell: the two-way ANOVA without an interaction term (none is estimable)"])]


def _replicate_cells(q: str) -> tuple[list[str], list[str], list[list[list[Decimal]]]] | None:
    """A pipe- or tab-separated grid whose cells each hold the same number (≥ 2) of readings ("| Op1 | 10.2, 10.4 |
    10.6, 10.9 |"): (header, row labels, cells), or None."""
    lines = [ln for ln in q.split("\n") if ln.strip() and not _SEPARATOR_ROW.match(ln)]
    split = [[c.strip() for c in (ln.strip().strip("|").split("|") if "|" in ln else ln.strip().split("\t") if "\t" in ln
                                  else re.split(r"\s{2,}", ln.strip()))] for ln in lines
             if "|" in ln or "\t" in ln or re.search(r"\S\s{2,}\S", ln)]  # pipes, tabs or aligned columns
    for start in range(len(split) - 2):
        header, rows = split[start], []
        if len(split[start + 1]) == len(header) + 1 and not _is_num(split[start + 1][0]):
            header = ["", *header]  # "      P-100   P-200" over "120 C   22.1 22.7   23.3 23.7": a blank corner
        for row in split[start + 1:]:
            if len(row) != len(header):
                break
            cells = [[Decimal(v) for v in re.split(r"\s*[,;/]\s*|\s+", c) if v] if _READINGS.fullmatch(c) else None
                     for c in row[1:]]
            if any(c is None for c in cells) or _is_num(row[0]):
                break
            rows.append((row[0], cells))
        sizes = {len(c) for _, cells in rows for c in cells}
        # the same number of readings in every cell, or an unbalanced grid (some cells short, all with one or more)
        if len(rows) >= 2 and len(header) >= 3 and sizes and max(sizes) >= 2 and min(sizes) >= 1 and \
                (len(sizes) == 1 or min(sizes) >= 2 or sum(len(c) for _, cells in rows for c in cells) >
                 2 * len(rows) * (len(header) - 1)) and not any(_is_num(h) for h in header):
            return header, [label for label, _ in rows], [cells for _, cells in rows]
    return None



_READINGS = re.compile(r"[-+]?\d+(?:\.\d+)?(?:\s*[,;/]\s*[-+]?\d+(?:\.\d+)?|\s+[-+]?\d+(?:\.\d+)?)+")

# "At 160 C: 20 min gave 66.7 and 68.5; 30 min gave 67.5 and 68.4. At 180 C: …": one factor's level, then the other's
# levels each with its readings
_LEVEL_WORD = r"(?:[-+]?\d+(?:\.\d+)?\s*(?:°\s*)?[A-Za-zµ%]{0,6}|[A-Za-z][\w-]*(?:\s+[A-Za-z0-9][\w-]*){0,2})"
# (a level in natural units may run straight into the first cell: "at 820 °C Ana's two parts read 413 and 414 HV")
_OUTER = re.compile(rf"(?:^|(?<=[.;:\n]))\s*(?:at|for|with|under)\s+(?P<level>{_LEVEL_WORD})(?:\s*[:,]|"
                    rf"(?<=[A-Za-z°%])(?=\s+[A-Z][a-z]+'s\b))", re.I)
# "20 min gave 66.7 and 68.5", "Ana's two parts read 413 and 414 HV", "Ben's 409 and 418 HV"
_INNER = re.compile(rf"^\s*(?:and\s+)?(?P<level>{_LEVEL_WORD}?)(?:'s)?\s*(?:(?:one|two|three|four|five|six|\d+)\s+)?"
                    r"(?:parts?|samples?|runs?|readings?|specimens?|coupons?|pieces?)?\s*(?:gave|gives|=|:|->|→|yielded|"
                    r"produced|got|read|measured)?\s*"
                    rf"(?P<values>[-+]?\d+(?:\.\d+)?(?:\s*(?:,|\band\b|&|/)\s*[-+]?\d+(?:\.\d+)?)*)\s*"
                    r"(?:[A-Za-zµ°%]{1,4}\b)?\s*[.;,]?\s*$", re.I)


def _prose_nested_cells(q: str) -> tuple[list[str], list[str], list[list[list[Decimal]]]] | None:
    """The cells of a two-factor study told in prose, one factor's level at a time ("At 160 C: 20 min gave 66.7 and
    68.5; 30 min gave …"): (header, row labels, cells) as a grid, or None unless every row has the same column
    levels in the same order."""
    outers = list(_OUTER.finditer(q))
    if len(outers) < 2:
        return None
    rows: list[tuple[str, list[str], list[list[Decimal]]]] = []
    for i, m in enumerate(outers):
        end = outers[i + 1].start() if i + 1 < len(outers) else len(q)
        chunk = q[m.end():end]
        # cells end at ";" or at "and" before the next owner of readings ("… 414 HV and Ben's 409 …")
        segments = [s for s in re.split(r";|\s+and\s+(?=[A-Z][a-z]+'s\b)", chunk)]
        levels, cells = [], []
        for seg in segments:
            seg = re.split(r"\.\s+(?=[A-Z])", seg)[0]  # the sentence after the last cell is not a cell
            if not seg.strip():
                continue
            cell = _INNER.match(seg)
            if not cell:
                break
            levels.append(" ".join(cell.group("level").split()))
            cells.append([Decimal(v) for v in re.findall(r"[-+]?\d+(?:\.\d+)?", cell.group("values"))])
        if len(levels) < 2:
            return None
        rows.append((" ".join(m.group("level").split()), levels, cells))
    columns = rows[0][1]
    if any(levels != columns for _, levels, _ in rows) or len(set(columns)) != len(columns):
        return None
    if max(len(c) for _, _, cells in rows for c in cells) < 2:
        return None
    return ["", *columns], [label for label, _, _ in rows], [cells for _, _, cells in rows]


def replicated_grid(q: str) -> list[Intent] | None:
    """A grid, rows named by one factor and columns by another, each cell holding the same number of repeat
    readings, with an ANOVA or both factors asked about → the two-way ANOVA with its interaction term (estimable:
    the repeats give the error)."""
    if not (_BOTH_MARGINS.search(q) or re.search(r"\banova\b|analysis of variance|interaction", q, re.I)) or \
            _CHART_WORDS.search(q) or _REGRESSION.search(q):
        return None
    found = _replicate_cells(q) or _prose_nested_cells(q)
    if found is None:
        return None
    header, labels, grid = found
    columns = header[1:]
    y, a, b = [], [], []
    for label, cells in zip(labels, grid, strict=True):
        for column, cell in zip(columns, cells, strict=True):
            y.extend(cell)
            a.extend([label] * len(cell))
            b.extend([column] * len(cell))
    names = _margin_names(q) or _named_pair(q) or (header[0].lower() or "row_factor", "column_factor")
    interaction = not re.search(r"no interaction|without (?:the )?interaction|additive (?:model|anova|fit)|main effects only", q, re.I)
    args = {"y": y, "a": a, "b": b, "interaction": interaction, "factor_a": names[0], "factor_b": names[1]}
    counts = {len(cell) for cells in grid for cell in cells}
    per_cell = f"{counts.pop()} readings per cell" if len(counts) == 1 else "unequal numbers of readings per cell"
    return [Intent("anova_twoway", args, notes=[
        f"a grid: {names[0]} in rows ({', '.join(labels)}) by {names[1]} in columns ({', '.join(columns)}), "
        f"{per_cell}: the two-way ANOVA"
        + (" with the interaction term" if interaction else " without an interaction term, as asked")])]


def _named_pair(q: str) -> tuple[str, str] | None:
    """"Rows are cure temperature, columns are resin", "(operator x gauge, …)", "operator by gauge": the two factors,
    rows first; never one name twice ("resin X   resin Y" is two levels of one factor)."""
    m = re.search(r"\brows?\s*(?:=|are|:|is)\s*(?:the\s+)?(?:[a-z]+\s+)?([a-z]{3,})\b[^.\n]*?\bcolumns?\s*(?:=|are|:|is)\s*"
                  r"(?:the\s+)?(?:[a-z]+\s+)?([a-z]{3,})\b", q, re.I) or \
        re.search(r"\b([a-z]{3,})\s*(?:×|\bx\b|\bby\b|\*)\s*([a-z]{3,})\b", q, re.I)
    if not m or m.group(1).lower() == m.group(2).lower():
        return None
    return m.group(1).lower(), m.group(2).lower()


_LONG_ROW = re.compile(r"^\s*([A-Za-z][\w.-]*)\s*[\s,;|\t]\s*([A-Za-z][\w.-]*)\s*[\s,;|\t]\s*([-+]?\d+(?:\.\d+)?)\s*$")


def long_two_way(q: str) -> list[Intent] | None:
    """Long format, one reading per line after its two factor levels ("Ana  M1  21.5"), with a two-way ANOVA or
    both factors asked about → the two-way ANOVA (with its interaction when every cell has repeats)."""
    if not (_BOTH_MARGINS.search(q) or re.search(r"\banova\b|analysis of variance|interaction", q, re.I)) or \
            _CHART_WORDS.search(q) or _REGRESSION.search(q):
        return None
    rows = [m.groups() for m in (_LONG_ROW.match(line) for line in q.split("\n")) if m]
    if len(rows) < 6 or sum(bool(line.strip()) for line in q.split("\n")) - len(rows) > 4:
        return None
    a, b, y = [r[0] for r in rows], [r[1] for r in rows], [Decimal(r[2]) for r in rows]
    levels_a, levels_b = list(dict.fromkeys(a)), list(dict.fromkeys(b))
    cells = Counter(zip(a, b, strict=True))
    if len(levels_a) < 2 or len(levels_b) < 2 or len(cells) != len(levels_a) * len(levels_b):
        return None  # every combination must be there
    repeats = min(cells.values())
    header = None  # "operator,machine,value" over the rows: the factors' names
    lines = q.split("\n")
    first = next(n for n, line in enumerate(lines) if _LONG_ROW.match(line))
    if first > 0:
        cells_above = [c.strip() for c in re.split(r"\s*[,;|\t]\s*|\s{2,}", lines[first - 1].strip().rstrip(":"))]
        if len(cells_above) == 3 and all(re.fullmatch(r"[A-Za-z][\w ]{0,20}", c) for c in cells_above):
            header = (cells_above[0].lower(), cells_above[1].lower())
    names = header or _named_pair(q) or ("row_factor", "column_factor")
    asked_without = re.search(r"no interaction|without (?:the )?interaction|additive (?:model|anova|fit)|main effects "
                              r"only", q, re.I)
    interaction = repeats >= 2 and not asked_without
    args = {"y": y, "a": a, "b": b, "interaction": interaction, "factor_a": names[0], "factor_b": names[1]}
    return [Intent("anova_twoway", args, notes=[
        f"one reading per line: {names[0]} ({', '.join(levels_a)}) by {names[1]} ({', '.join(levels_b)}), "
        f"{repeats if len(set(cells.values())) == 1 else 'unequal numbers of'} reading(s) per cell: the two-way ANOVA"
        + (" with the interaction term" if interaction else " without an interaction term")])]


def plan_table_shape(question: str) -> list[Intent] | None:
    for reader in (sizes_and_counts, contingency_table, two_way_grid, replicated_grid, long_two_way, paired_columns,
                   prose_contingency, goodness_of_fit):
        intents = reader(question)
        if intents:
            return intents
    return None
