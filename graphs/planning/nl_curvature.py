"""Natural-language curvature questions → the doe_curvature intent.

"Is there curvature? corners 39.3, 40.9, 40.0, 41.5, centre points 40.3, 40.5, ..." names two groups of
responses; "2^2 with 5 centre points, responses ..." gives one list whose last runs are the centre
(the order doe_design lists them in). Either way the question asks whether a first-order model is
enough, which is the single-df curvature test, not a new design.
"""

from __future__ import annotations

import re
from decimal import Decimal

from graphs.planning.extract import NUM, flat_lists, int_before, number_runs, pasted_table, to_decimal
from graphs.planning.factorial_data import factorial_cells
from graphs.planning.intent import Intent

_ASKS = re.compile(r"\bcurvature\b|\bcurved?\b|\bpure[\s-]*quadratic|\bquadratic (?:effect|term)s?\b|"
                   r"(?:first|1st)[\s-]*order model\b.*\b(?:adequate|enough|sufficient|ok|fine|good)|"
                   r"\blinear (?:model|fit)\b.*\b(?:adequate|enough|sufficient)", re.I | re.S)
_CENTRE = re.compile(r"cent(?:er|re)|mid[\s-]*points?", re.I)
_LETTER_CORNER = re.compile(rf"\b((?:[A-Z]\s?[-+−]\s?){{2,}})\s*(?:gave|=|:|->|→)?\s*({NUM})")
_SIGNED_CORNER = re.compile(rf"\(\s*([-+−]1?(?:\s*,\s*[-+−]1?)+)\s*\)\s*[:=]?\s*({NUM})")  # (-,+) or (-1,+1)


_LACK_OF_FIT = re.compile(r"\black[\s-]*of[\s-]*fit\b", re.I)
_WITH_INTERACTION = re.compile(r"\b(?:with|plus|and|including)\s+(?:the\s+|an?\s+|its\s+)?(?:two[\s-]*factor\s+|2fi\s+)?"
                               r"(?:[A-Z]{2}|[A-Z]\s*[x×*]\s*[A-Z])?\s*interactions?\b")
_FIRST_ORDER = re.compile(r"(?:first|1st)[\s-]*order|\blinear\b|main[\s-]*effects?(?:\s+only)?|\bno\s+interaction", re.I)


# "(30 min, 150 °C) 39.2": a corner named by its settings in natural units, each factor at one of two values
_NATURAL_CORNER = re.compile(rf"\(\s*({NUM}\s*(?:°\s*)?[A-Za-zµ%]{{0,6}}(?:\s*[,/;]\s*{NUM}\s*(?:°\s*)?[A-Za-zµ%]{{0,6}})+)"
                             rf"\s*\)\s*(?:gave|=|:|->|→)?\s*({NUM})")
# "70.2 (150/20)": the response first, its settings after it in brackets
_NATURAL_CORNER_AFTER = re.compile(rf"(?<![\w.])({NUM})\s*%?\s*\(\s*({NUM}\s*(?:°\s*)?[A-Za-zµ%]{{0,6}}"
                                   rf"(?:\s*[,/;]\s*{NUM}\s*(?:°\s*)?[A-Za-zµ%]{{0,6}})+)\s*\)")


def _natural_found(question: str) -> list[tuple[str, str]]:
    """(settings, response) of each corner told in natural units, settings first or response first."""
    found = _NATURAL_CORNER.findall(question)
    return found if len(found) >= 4 else [(settings, y) for y, settings in _NATURAL_CORNER_AFTER.findall(question)]


def _without_natural_corners(question: str) -> str:
    return _NATURAL_CORNER_AFTER.sub(" ", _NATURAL_CORNER.sub(" ", question))


def _natural_design(question: str) -> tuple[list[list[Decimal]], list[list[Decimal]], list[str]] | None:
    """(each corner's settings, each factor's two levels low-high, the responses) of corners told in natural units;
    None unless every position has exactly two values and the corners are the 2^k distinct ones."""
    found = _natural_found(question)
    if len(found) < 4:
        return None
    settings = [[to_decimal(re.match(NUM, c.strip()).group(0)) for c in re.split(r"\s*[,/;]\s*", s)] for s, _ in found]
    k = len(settings[0])
    if any(len(s) != k for s in settings):
        return None
    levels = [sorted({s[i] for s in settings}) for i in range(k)]
    if any(len(v) != 2 for v in levels) or len({tuple(s) for s in settings}) != len(settings) or len(settings) != 2 ** k:
        return None
    return settings, levels, [y for _, y in found]


def natural_levels_note(question: str) -> str | None:
    """What the natural-unit corners of the question code to, and where their centre is (numbers the plan names)."""
    design = _natural_design(question)
    if design is None:
        return None
    return ("corners named by their settings: " + "; ".join(f"{lo} → -1, {hi} → +1 (centre {(lo + hi) / 2})"
                                                           for lo, hi in design[1]))


def _natural_corners(question: str) -> list[tuple[str, str]]:
    """Corners in natural units as (signs, response): in each position the lower of its two levels is -1, the higher
    +1; [] when they are not a 2^k's corners."""
    design = _natural_design(question)
    if design is None:
        return []
    settings, levels, responses = design
    return [(",".join("-1" if s[i] == levels[i][0] else "+1" for i in range(len(levels))), y)
            for s, y in zip(settings, responses, strict=True)]


def _corner_signs(name: str) -> list[int]:
    """"-1,+1" or "A-B+" → [-1, 1]."""
    return [-1 if s in "-−" else 1 for s in re.findall(r"[-+−]", name)]


def _lack_of_fit(question: str, k: int, replicates: int, corners: list, centre: list, read: str,
                 factors: list[str] | None = None) -> list[Intent]:
    """"I fitted a first-order model … is there lack of fit?": the model's residual split into pure error (the centre
    runs' scatter, and the corners' own when they were replicated) and lack of fit, by the ANOVA of the corners
    (standard order, replicate after replicate) and the centre runs together."""
    model = "first_order" if _FIRST_ORDER.search(question) else "interactions"
    anova = {"response": list(corners) + list(centre), "model": model}
    terms = "first-order (main effects alone)" if model == "first_order" else "main effects and interactions"
    if model == "first_order" and _WITH_INTERACTION.search(question):
        # "the first-order model with the AB interaction": main effects and interactions, the centre runs' curvature
        # left in the lack of fit
        anova = {**anova, "model": "interactions", "curvature": False}
        terms = "main effects and interactions (no curvature term)"
    design = {"design": "full_factorial", "factors": [{"name": f} for f in factors] if factors else k,
              "center_points": len(centre)}
    if replicates > 1:
        design = {**design, "replicates": replicates, "center_once": True}
    twice = f", the corners run {replicates} times" if replicates > 1 else ""
    return [Intent("doe_design", design, binding="d",
                   notes=[f"the 2^{k} the corners name{twice}, with its {len(centre)} centre runs"]),
            Intent("doe_anova", anova, uses="d",
                   notes=[f"{read} and {len(centre)} centre runs; the {terms} model, its lack of fit tested against "
                          "the pure error"])]


def plan_curvature(question: str) -> list[Intent] | None:
    lack = _LACK_OF_FIT.search(question)
    if not (_ASKS.search(question) or lack) or not _CENTRE.search(question):
        return None
    low = question.lower()
    signed = _SIGNED_CORNER.findall(question) or _LETTER_CORNER.findall(question) or _natural_corners(question)
    # "(-,-) 39.3, (+,-) 40.9, …", "A-B- gave 41.2, A+B- 47.9, …": each corner named by its signs
    if len(signed) >= 2:
        rest = _without_natural_corners(_LETTER_CORNER.sub(" ", _SIGNED_CORNER.sub(" ", question)))
        runs = number_runs(rest, 2)
        centre = [values for name, values in runs if _CENTRE.search(name)]
        if not centre and len(runs) == 1 and _CENTRE.search(rest):
            # "five runs at the centre (160 °C, 35 min), which gave 40.4, 40.6, …": the one run left is the centre's
            centre = [runs[0][1]]
        if centre and lack:
            # "I fitted a first-order model … is there lack of fit?": the model's residual split into pure error
            # (the centre runs' scatter) and lack of fit, by the ANOVA of the corners and the centre together
            k = len(_corner_signs(signed[0][0]))
            # each corner's place in standard order (the first factor changing fastest), from its signs
            places = [sum(1 << i for i, s in enumerate(_corner_signs(name)) if s > 0) for name, _ in signed]
            if any(len(_corner_signs(name)) != k for name, _ in signed) or sorted(places) != list(range(2 ** k)):
                return None
            response = [to_decimal(v) for _, v in sorted(zip(places, (v for _, v in signed), strict=True))]
            return _lack_of_fit(question, k, 1, response, centre[0],
                                f"{len(signed)} corner runs named by their signs (put in standard order)")
        if centre:
            return [_intent([to_decimal(v) for _, v in signed], centre[0],
                            [f"{len(signed)} corner runs named by their settings, the centre runs after them",
                             *filter(None, [natural_levels_note(question)])])]
    coded = coded_table_curvature(question)
    if coded:
        return coded
    # "centre points (0,0): 70.8, 71.5 …": the coordinates name the point, they are not responses
    question = re.sub(r"\(\s*0(?:\s*,\s*0)+\s*\)", " ", question)
    cells = factorial_cells(question)  # the corners as sign rows ("- - 62.3", "+ - 68.9" …) with their header
    if cells:
        centre = [values for name, values in number_runs(question, 2) if _CENTRE.search(name)]
        if centre and lack:
            return _lack_of_fit(question, len(cells.factors), cells.replicates, cells.response, max(centre, key=len),
                                f"{len(cells.response)} corner runs read from their cells ({cells.layout})",
                                factors=cells.factors)
        if centre:
            return [_intent(cells.response, max(centre, key=len),
                            [f"{len(cells.response)} corner runs read from their sign rows ({cells.layout}), the "
                             "centre runs after them"])]
    runs = [(name, values) for name, values in number_runs(question, 2)]
    bracketed = flat_lists(question)
    centre = [values for name, values in runs if _CENTRE.search(name)]
    corners = [values for name, values in runs if not _CENTRE.search(name)]
    if centre and corners:
        return [_intent(corners[0], centre[0], [])]
    if len(bracketed) == 2 and len(bracketed[0]) >= 2 and len(bracketed[1]) >= 2:
        first_centre = bool(re.search(r"cent(?:er|re)[^\[]*\[[^\]]*\][^\[]*\[", low)) and not re.search(
            r"(?:factorial|corner|cube)[^\[]*\[[^\]]*\][^\[]*cent", low)
        corner_values, centre_values = (bracketed[1], bracketed[0]) if first_centre else (bracketed[0], bracketed[1])
        return [_intent(corner_values, centre_values, ["the first list read as the factorial runs, the second as "
                                                       "the centre runs" if not first_centre else
                                                       "the centre runs listed first"])]
    single = bracketed[0] if len(bracketed) == 1 else (runs[0][1] if len(runs) == 1 else None)
    n_centre = int_before(low, r"(?:cent(?:er|re)[\s-]*(?:points?|runs?|pts?))")
    if single and n_centre and 2 <= n_centre < len(single) - 1:
        n_corner = len(single) - n_centre
        power = re.search(r"\b2\^(\d+)\b", low)
        if power and n_corner % (2 ** int(power.group(1))):
            return None
        return [_intent(single[:n_corner], single[n_corner:],
                        [f"the last {n_centre} responses read as the centre runs, the first {n_corner} as the "
                         "factorial runs (the order a design lists them in)"])]
    return None


def coded_table_curvature(question: str) -> list[Intent] | None:
    """The curvature test of a pasted design table in coded units (see `_coded_table`), when curvature is asked;
    read before pasted tables are rewritten as lists. The centre rows (all zeros) show themselves, so only the
    curvature need be asked."""
    if not _ASKS.search(question):
        return None
    coded = _coded_table(question)
    return [coded] if coded else None


def _coded_table(question: str) -> Intent | None:
    """A pasted design in coded units, factor columns of −1 / +1 with centre rows of 0 and the response last
    ("A  B  yield / -1 -1 38.1 / … / 0 0 45.2"): the corner rows' responses and the centre rows'."""
    table = pasted_table(question)
    if table is None or not table.header or len(table.header) < 3:
        return None
    # levels as signs or words: "-", "lo", "low"; "+", "hi", "high"; "0", "mid", "centre"
    signs = {"-": "-1", "−": "-1", "+": "1", "0": "0", "lo": "-1", "low": "-1", "hi": "1", "high": "1", "mid": "0",
             "middle": "0", "centre": "0", "center": "0", "med": "0", "medium": "0"}
    body = [list(row) for row in table.rows]
    # centre rows pasted under the corners but aligned differently ("mid mid mid  61.39" under " lo  lo  lo  57.93")
    for line in question.split("\n")[table.end:]:
        cells = line.split()
        if len(cells) != len(table.header) or not all(c.lower() in signs for c in cells[:-1]):
            break
        body.append(cells)
    try:
        rows = [[to_decimal(signs.get(c.strip().lower(), c)) for c in row] for row in body]
    except ValueError:
        return None
    header = list(table.header)
    if re.fullmatch(r"run|std|order|#|no\.?|trial|obs", header[0].strip(), re.I) and \
            [row[0] for row in rows] == list(range(1, len(rows) + 1)):
        rows, header = [row[1:] for row in rows], header[1:]  # a run-number column names the rows
    if len(header) < 3:
        return None
    levels = {v for row in rows for v in row[:-1]}
    if not levels <= {-1, 0, 1}:
        return None
    corners = [row[-1] for row in rows if all(abs(v) == 1 for v in row[:-1])]
    centre = [row[-1] for row in rows if all(v == 0 for v in row[:-1])]
    k = len(header) - 1
    if len(corners) + len(centre) != len(rows) or len(centre) < 2 or len(corners) % 2 ** k:
        return None  # axial runs (a ±1 in one factor, 0 in the others) make it a composite design, not this test
    return _intent(corners, centre, [f"a coded table ({', '.join(header[:-1])}; response "
                                     f"{header[-1]}): {len(corners)} corner rows, {len(centre)} centre rows"])


def _intent(corners: list, centre: list, notes: list[str]) -> Intent:
    return Intent("doe_curvature", {"factorial": corners, "center": centre}, notes=notes)
