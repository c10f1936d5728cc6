"""Natural-language design-of-experiments requests → doe intents.

Sensible defaults, always said out loud in the plan's notes: a Box–Behnken with
no factors means 3 coded factors and 3 centre points; a central composite with
none means 2 factors, rotatable, 5 centre points.
"""

from __future__ import annotations

import re

from graphs.planning.cost import cost_asked
from graphs.planning.extract import (
    WORD_NUMBERS,
    factor_specs,
    flat_lists,
    int_after,
    int_before,
    longest_run,
    numbers,
    spell_numbers,
    tables,
    to_decimal,
    without_earlier_studies,
)
from graphs.planning.factorial_data import FactorialData, factorial_cells
from graphs.planning.intent import Intent
from graphs.planning.surface_points import surface_points
from tools.errors import HavocInputError

_ROMAN = {"iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "3": 3, "4": 4, "5": 5, "6": 6}
# the best resolution a 2^(k-p) design can have (Montgomery, Table 8.14; NIST 5.3.3.4.7)
MAX_RESOLUTION = {
    (3, 1): 3, (4, 1): 4, (5, 1): 5, (5, 2): 3, (6, 1): 6, (6, 2): 4, (6, 3): 3, (7, 1): 7, (7, 2): 4,
    (7, 3): 4, (7, 4): 3, (8, 1): 8, (8, 2): 5, (8, 3): 4, (8, 4): 4, (9, 2): 6, (9, 3): 4, (9, 4): 4,
    (9, 5): 3, (10, 3): 5, (10, 4): 4, (10, 5): 4, (10, 6): 3, (11, 4): 5, (11, 5): 4, (11, 6): 4, (11, 7): 3,
}
_CENTRE = r"cent(?:er|re)[\s-]*(?:points?|pts?|runs?)"


_COUNT = rf"(\d+|{'|'.join(WORD_NUMBERS)})"


def _grouped_level_counts(low: str) -> list[int] | None:
    """Level counts of factors given in groups: "2 factors at three levels and 1 factor at two levels", "two 3-level
    factors plus one 2-level factor" → [3, 3, 2]; None unless two or more groups with different level counts."""
    groups = _level_groups(low)
    if len(groups) < 2 or len({k for _, k, _ in groups}) < 2 or any(
            not 0 < n <= 12 or not 1 < k <= 10 for n, k, _ in groups):
        return None
    return [k for n, k, _ in groups for _ in range(n)]


def _level_groups(text: str) -> list[tuple[int, int, list[str]]]:
    """(how many factors, their level count, their names when listed in brackets after the group) of each group."""
    names = r"(?:\s*\((?P<names>[A-Za-z][A-Za-z .-]*(?:\s*(?:,|and)\s*[A-Za-z][A-Za-z .-]*)*)\))?"
    groups = []
    for m in re.finditer(rf"\b{_COUNT}\s+(?:[a-z]+\s+)?factors?\s*(?:\(|,)?\s*(?:each\s+)?(?:at|with|of|having|on)\s+"
                         rf"{_COUNT}[\s-]*levels?\b{names}|\b{_COUNT}\s+{_COUNT}[\s-]*levels?\s+(?:[a-z]+\s+)?factors?\b"
                         rf"{names.replace('names', 'names2')}", text, flags=re.I):
        n, k = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(5))
        listed = m.group("names") or m.group("names2")
        groups.append((_as_int(n.lower()), _as_int(k.lower()),
                       [w.strip() for w in re.split(r"\s*(?:,|\band\b)\s*", listed) if w.strip()] if listed else []))
    return groups


_NUM = r"-?\d+(?:\.\d+)?"


def _level_lists(q: str) -> list[tuple[str, list]]:
    """Factors written with their levels, in order: "temperature 150, 175, 200 C", "coating: yes, no",
    "catalyst = A/B/C" → [(name, levels), …] (numbers as numbers, words as text)."""
    found = []
    pattern = (rf"\b(?P<name>[A-Za-z][A-Za-z_]{{1,24}})\s*(?::|=|\bat\b|\blevels?\b)?\s*"
               rf"(?P<nums>{_NUM}(?:\s*(?:,|/)\s*(?:and\s+)?{_NUM})+)(?![\d.])|"
               rf"\b(?P<cname>[A-Za-z][A-Za-z_]{{1,24}})\s*(?::|=)\s*(?P<words>[A-Za-z][\w-]{{0,15}}(?:\s*(?:,|/)\s*"
               rf"(?:(?:and|or)\s+)?[A-Za-z][\w-]{{0,15}})+)")
    for m in re.finditer(pattern, q):
        if m.group("name"):
            found.append((m.group("name").lower(), [to_decimal(v) for v in re.findall(_NUM, m.group("nums"))]))
        else:
            words = [w.strip() for w in re.split(r"\s*(?:,|/)\s*(?:(?:and|or)\s+)?", m.group("words"))]
            found.append((m.group("cname").lower(), words))
    return found


def _as_int(token: str) -> int:
    return int(token) if token.isdigit() else WORD_NUMBERS[token]


def _design_kind(low: str) -> str | None:
    if re.search(r"box[\s-]*behnken|\bbbd\b", low):
        return "box_behnken"
    if re.search(r"central[\s-]*composite|\bccd\b|\bccf\b|\bcci\b|\bccc\b", low):
        return "central_composite"
    if re.search(r"plackett|burman|\bpb\b", low):
        return "plackett_burman"
    if re.search(r"latin[\s-]*hypercube|\blhs\b|space[\s-]*filling", low):
        return "latin_hypercube"
    fraction = (r"fractional|half[\s-]*fraction|quarter[\s-]*fraction|(?:eighth|sixteenth|1/(?:2|4|8|16|32|64))[\s-]*"
                r"fraction|resolution|2\^\(?\d+\s*-\s*\d+\)?")
    # "we don't want a half fraction, we want every combination": the fraction declined is no fraction
    low = re.sub(rf"\b(?:(?:do\s*n[o']t|not|never|no)\s+(?:want|need|use|run|do)\s+(?:an?\s+|the\s+)?|rather than\s+(?:an?\s+)?|"
                 rf"instead of\s+(?:an?\s+)?|not\s+(?:an?\s+)?)(?:{fraction})", " ", low)
    if re.search(r"every (?:possible )?combination|all (?:the )?(?:possible )?combinations", low) and \
            not re.search(fraction, low):
        return "full_factorial"
    if re.search(r"full[\s-]*(?:[\w-]+\s+){0,2}factorial", low) and not re.search(fraction, low):
        # "screening 4 factors … as a full (two-level) factorial": the design named wins over the purpose
        return "full_factorial"
    if re.search(rf"{fraction}|\bscreen(?:ing)?\b", low):
        return "fractional_factorial"
    if re.search(r"full[\s-]*factorial|factorial|2\^\d+", low) or (re.search(r"\d+\s*x\s*\d+", low) and not re.search(
            r"matri|invers|invert|determinant|eigen|transpose|\brank\b", low)):  # "invert this 3x3" is a matrix
        return "full_factorial"
    if re.search(r"response[\s-]*surface|\brsm\b|optimi[sz]|optimum|maximi[sz]e|minimi[sz]e|curvature", low):
        return "central_composite"
    if re.search(r"\b(design|doe|experiment)\b", low):
        return "full_factorial"
    if re.search(r"\bfactors\b", low) and (re.search(r"\b(?:two|2)[\s-]*levels?\b", low) and (
            _CAPACITY.search(low) or _BLOCK_SIZE.search(low) or re.search(r"\bblocks?\b", low))):
        return "full_factorial"  # "4 factors at two levels, only 8 runs a day": the full design, in blocks
    return None


def _fraction_size(low: str, factors: object) -> tuple[int, int] | None:
    """(k, p) of a 2^(k-p) asked for in words: "half fraction", "quarter fraction", "in 8 runs"."""
    if isinstance(factors, list):
        k = len(factors)
    elif isinstance(factors, int):
        k = factors
    else:
        return None
    if re.search(r"half[\s-]*fraction", low):
        return k, 1
    if re.search(r"quarter[\s-]*fraction", low):
        return k, 2
    named = re.search(r"\b(eighth|sixteenth|1/(2|4|8|16|32|64))[\s-]*(?:(?:of\s+the\s+)?(?:full\s+)?(?:factorial\s+)?)?"
                      r"fraction|\b1/(2|4|8|16|32|64)\s+fraction", low)
    if named:  # "an eighth fraction", "a 1/16 fraction of the full factorial"
        denominator = {"eighth": 8, "sixteenth": 16}.get(named.group(1), 0) or int(named.group(2) or named.group(3))
        return k, denominator.bit_length() - 1
    runs = re.search(r"\b(\d+)[\s-]+runs?\b", low)
    if runs:
        n = int(runs.group(1))
        if n >= 4 and n & (n - 1) == 0 and n < 2 ** k:
            return k, k - (n.bit_length() - 1)
    return None


_EXPLAIN = re.compile(
    r"^\s*(?:(?:can|could|would) you\s+|please\s+|so\s+|hi,?\s+|hey,?\s+)?"
    r"(?:explain|describe|define|tell me (?:about|what)|what(?:'s|s|\s+is|\s+are|\s+does|\s+do)|why|"
    r"when (?:should|do|would|to|is)|how (?:does|do|is|are)|(?:what is |what'?s )?the difference between|"
    r"is (?:a|an|the) .+ (?:better|worse)|pros and cons|meaning of)\b"
)


def asks_for_explanation(question: str) -> bool:
    """"Explain Box-Behnken", "what is aliasing in DOE": a request to be told about designs, not for one.
    A question that gives a factor count or names factors ("what is a BBD for 4 factors") still gets a design."""
    low = re.sub(r"[–—]", "-", question.lower()).replace("’", "'")
    if not _EXPLAIN.search(low) or re.search(r"\d", low) or factor_specs(question):
        return False
    return int_before(low, r"(?:factors|variables|inputs)") is None


def pasted_design_question(question: str) -> bool:
    """"Is this design orthogonal? [[-1, -1], …]": a question about a design the user pasted, not a request for one
    (HAVOC's properties statement reads a design it generated, so nothing here is planned for it)."""
    low = question.lower()
    return bool(tables(question) and _design_kind(low) and re.search(
        r"orthogon|alias|confound|rotatab|propert|resolution|balanced", low) and not re.search(
        r"\b(?:give|make|build|create|generate|suggest|need|want|plan|set up|recommend)\b", low) and not re.search(
        # "two-factor rotatable CCD … fit the full quadratic, where is the stationary point": its results, analysed
        r"\b(?:fit|stationary|optimum|effects?|anova|analy[sz]e)\b", low))


_ASKS_PROPERTIES = re.compile(r"\b(?:is|are)\s+(?:the\s+|this\s+|that\s+|it\s+)?(?:design\s+)?(?:it\s+)?"
                              r"(?:rotatable|orthogonal|balanced)\b|\bhow many (?:of (?:those|these|the) )?runs\s+"
                              r"(?:put|have|are|sit|place|set)\b[^.?]{0,40}\blevel\b", re.I)


def plan_design(question: str, previous: dict | None = None) -> list[Intent] | None:
    q = without_earlier_studies(question)
    # counts as words ("eight runs per shift", "two centre runs in each shift") read as the digits they are
    low = spell_numbers(re.sub(r"[–—]", "-", q.lower()).replace("×", "x"))
    kind = _design_kind(low)
    if kind is None or asks_for_explanation(q):
        return None
    if pasted_design_question(q):
        return None
    notes: list[str] = []
    args: dict = {"design": kind}

    factors = factor_specs(q)
    count = int_before(low, r"(?:factors|variables|inputs)")
    if count is None:  # "the 4-factor two-level full factorial"
        hyphened = re.search(r"\b(\d{1,2})-factor\b", low)
        count = int(hyphened.group(1)) if hyphened else None
    frac = re.search(r"2\^\(?\s*(\d+)\s*-\s*(\d+)\s*\)?", low)
    full_pow = re.search(r"\b2\^(\d+)\b", low)
    crossed = re.search(r"\b(\d+(?:\s*x\s*\d+)+)\b", low)  # "2x2x2": one number per factor
    crossed_levels = [int(v) for v in re.findall(r"\d+", crossed.group(1))] if crossed else []
    other_pow = re.search(r"\b([3-9])\^(\d+)\b", low)
    power_levels = int(other_pow.group(1)) if other_pow else None
    grouped = _grouped_level_counts(low)
    if grouped:  # "2 factors at three levels and 1 factor at two levels": one level count per factor, in order
        crossed_levels = grouped
        if count and count != len(grouped):
            count = len(grouped)
    if factors and count and len(factors) != count and any(f.low is None for f in factors):
        factors = []  # "4 factors with a CCD, alpha = 1": those words are not factor names
    if factors:
        args["factors"] = [
            {"name": f.name, **({"low": f.low, "high": f.high} if f.low is not None else {}),
             **({"units": f.units} if f.units else {})}
            for f in factors
        ]
        if any(f.low is None for f in factors):
            notes.append("no ranges given: the design is in coded units (-1, 0, +1)")
    elif frac:
        args["factors"] = int(frac.group(1))
    elif count:
        args["factors"] = count
    elif kind == "plackett_burman" and (pb_runs := re.search(r"\b(\d+)[\s-]*runs?\b", low)):
        args["factors"] = int(pb_runs.group(1)) - 1  # a Plackett-Burman in N runs screens up to N - 1 factors
        notes.append(f"{args['factors']} factors: the most a {pb_runs.group(1)}-run Plackett-Burman screens")
    elif full_pow and kind in ("full_factorial", "fractional_factorial"):
        args["factors"] = int(full_pow.group(1))
    elif crossed_levels and kind == "full_factorial":
        args["factors"] = len(crossed_levels)
    elif other_pow and kind == "full_factorial":  # "a 3^2 factorial": 2 factors at 3 levels
        args["factors"] = int(other_pow.group(2))
    else:
        if _design_kind(re.sub(r"\b(?:design|doe|experiment)\b", " ", low)) is None and re.search(r"\d", low):
            # "we can do 10 runs per day for 3 days. Design the DOE": numbers about capacity, nothing about factors
            raise HavocInputError("the question gives no factors: name them (with their ranges) or say how many, "
                                  "and which design (full factorial, Box-Behnken, …)", field="factors")
        default = {"box_behnken": 3, "central_composite": 2, "full_factorial": 3, "fractional_factorial": 5,
                   "plackett_burman": 7, "latin_hypercube": 2}[kind]
        args["factors"] = default
        notes.append(f"no factors named: {default} coded factors")

    centre = int_before(low, _CENTRE) or int_after(low, _CENTRE)
    if centre is None and re.search(rf"\b(?:a|one|single|a single)\s+{_CENTRE}", low):
        centre = 1  # "plus a centre point", "with one centre run" ("… in each block": per block, below)
    if kind in ("box_behnken", "central_composite"):
        if centre is None:
            centre = 3 if kind == "box_behnken" else 5
            notes.append(f"{centre} centre points (the usual choice; say how many you want)")
        args["center_points"] = centre
    elif centre:
        args["center_points"] = centre

    if kind == "central_composite":
        if re.search(r"face[\s-]*cent(?:er|re)d|\bccf\b|\bfaced?\b|\balpha\s*(?:=|of|is)?\s*1(?:\.0+)?\b(?!\.\d)", low):
            args["face"] = "faced"
        elif re.search(r"inscribed|\bcci\b", low):
            args["face"] = "inscribed"
        else:
            args["face"] = "circumscribed"
        if args["face"] == "circumscribed":
            given = re.search(r"\b(?:alpha|α|axial distance)\s*(?:=|of|is)?\s*(\d+(?:\.\d+)?)\b", low)
            if given:  # "alpha = 1.5": the axial distance the user chose
                args["alpha"] = to_decimal(given.group(1))
            else:
                args["alpha"] = "orthogonal" if "orthogonal" in low else "rotatable"
    if kind == "fractional_factorial":
        gens = re.findall(r"\b([A-Z])\s*=\s*([A-Z]{2,})\b", q)
        res = re.search(r"resolution\s+(iii|iv|vii|vi|v|\d)\b", low) or re.search(r"\bres(?:olution)?[\s-]*(iii|iv|v)\b", low)
        if gens:
            args["generators"] = [f"{a}={b}" for a, b in gens]
        elif res:
            args["resolution"] = _ROMAN[res.group(1)]
            stated = (int(frac.group(1)), int(frac.group(2))) if frac else _fraction_size(low, args["factors"])
            best = MAX_RESOLUTION.get(stated) if stated else None
            if best is not None and args["resolution"] > best:  # "resolution V 2^(5-2)": no such design exists
                k, p = stated
                raise HavocInputError(f"a 2^({k}-{p}) design ({2 ** (k - p)} runs) has at most resolution "
                                      f"{_ROMAN_NAME.get(best, best)}; resolution {_ROMAN_NAME.get(args['resolution'])} "
                                      "needs more runs: ask for a larger fraction or a lower resolution",
                                      field="resolution")
        elif frac and (int(frac.group(1)), int(frac.group(2))) in MAX_RESOLUTION:  # the notation beats a run count
            args["resolution"] = MAX_RESOLUTION[(int(frac.group(1)), int(frac.group(2)))]
            notes.append(f"2^({frac.group(1)}-{frac.group(2)}): the highest resolution that run count allows")
        elif (fraction := _fraction_size(low, args["factors"])) in MAX_RESOLUTION:
            k, p = fraction
            args["resolution"] = MAX_RESOLUTION[fraction]
            notes.append(f"a 2^({k}-{p}) design: the highest resolution that run count allows")
        else:
            args["resolution"] = 4
            notes.append("no resolution given: resolution IV (main effects clear of two-factor interactions)")
    if kind == "full_factorial":
        level_m = None if grouped else re.search(r"\b(\d+|two|three|four|five)[\s-]*levels?\b", low)
        levels = int(level_m.group(1)) if level_m and level_m.group(1).isdigit() else (
            WORD_NUMBERS.get(level_m.group(1)) if level_m else None)
        if levels is None and crossed_levels and len(set(crossed_levels)) == 1:
            levels = crossed_levels[0]
        if levels is None and power_levels:
            levels = power_levels
        # "additive supplier (we have 4 suppliers, each one is a level)", "resin (3 grades)": a categorical factor
        # whose levels are counted things
        kinds = (r"suppliers|vendors|grades|types|kinds|brands|materials|recipes|operators|machines|options|"
                 r"catalysts|settings|variants|formulations|designs|sources|lines|tools|methods|shifts|days|ovens|"
                 r"presses|sites|plants|batches|lots|cavities|nozzles|heads|fixtures|stations|positions|colou?rs|"
                 r"sizes|shapes|coatings|resins|treatments|additives|crews|teams|gauges|instruments|labs|locations|"
                 r"speeds|temperatures|pressures|times|concentrations|doses|rates|loads|modes|patterns|profiles|"
                 r"configurations|setups|feeds|flows|angles|thicknesses|widths|densities|programs|programmes")
        q_levels = re.sub(rf"\s*\(\s*(?:we have|there are|with)?\s*(\d{{1,2}})\s+(?:different\s+)?(?:[a-z]+\s+)?(?:(?:{kinds})"
                          rf"\s*(?:,?\s*(?:and\s+)?each(?:\s+one)?\s+(?:is|as|being)\s+a\s+level|,?\s*one\s+per\s+level)?|"
                          rf"[a-z]+\s*,?\s*(?:and\s+)?each(?:\s+one)?\s+(?:is|as|being)\s+a\s+level)\s*\)",
                          r" at \1 levels", q, flags=re.I)
        q_levels = re.sub(r"\s*\((?:[A-Za-z]+\s*/\s*)+[A-Za-z]+\)", "", q_levels)  # "stirrer (on/off) at 2 levels"
        # "catalyst at 2 types", "operator with 3 crews": the counted things are the factor's levels
        q_levels = re.sub(rf"\b(at|with|has|in)\s+(\d{{1,2}}|two|three|four|five)\s+(?:different\s+)?(?:{kinds})\b",
                          r"\1 \2 levels", q_levels, flags=re.I)
        per_factor = re.findall(r"\b([A-Za-z]\w{0,20})\s*(?:\(|:|=|\bat\b|\bwith\b|\bhas\b)?\s*(\d+|two|three|four|"
                                r"five)[\s-]*levels?\b", q_levels)
        per_factor = [(name, int(n) if n.isdigit() else WORD_NUMBERS[n.lower()]) for name, n in per_factor
                      if name.lower() not in ("at", "all", "each", "with", "factors", "factor", "and", "of", "the")
                      and name.lower() not in WORD_NUMBERS]
        if not grouped and len(per_factor) >= 2 and len({name.lower() for name, _ in per_factor}) == len(per_factor) and \
                len({n for _, n in per_factor}) > 1:
            # "A (3 levels), B (2 levels), C (2 levels)": each factor's own level count
            levels = None
            crossed_levels = [n for _, n in per_factor]
            args["factors"] = [{"name": name} for name, _ in per_factor]
            notes[:] = [n for n in notes if not n.startswith("no factors named")]
        mixed = crossed_levels if levels is None and len(set(crossed_levels)) > 1 else None
        if mixed and _factor_count(args["factors"]) == len(mixed) and not (
                isinstance(args["factors"], list) and any("low" in f for f in args["factors"])):
            # "3x2x2": one level count per factor, in order; levels numbered 0 .. n-1 (coded -1 .. +1)
            names = ([f["name"] for f in args["factors"]] if isinstance(args["factors"], list)
                     else [chr(ord("A") + i) for i in range(len(mixed))])
            given = _level_lists(q)
            named = [name for n, _, listed in _level_groups(q) for name in (listed if len(listed) == n else [None] * n)]
            if [len(v) for _, v in given] == mixed and not isinstance(args["factors"], list):
                # "(temperature 150, 175, 200 C; speed 10, 20, 30 rpm) … (coating: yes, no)": the levels as written
                args["factors"] = [{"name": name, "levels": values} for name, values in given]
                notes.append(f"a {'×'.join(map(str, mixed))} mixed-level factorial at the levels given")
            else:
                if not isinstance(args["factors"], list) and len(named) == len(mixed) and all(named) and \
                        len({n.lower() for n in named}) == len(named):  # "(screw speed, barrel temp)" after the group
                    names = [re.sub(r"\W+", "_", n.strip()).strip("_") for n in named]
                args["factors"] = [{**(args["factors"][i] if isinstance(args["factors"], list) else {"name": names[i]}),
                                    "levels": list(range(n))} for i, n in enumerate(mixed)]
                notes.append(f"a {'×'.join(map(str, mixed))} mixed-level factorial: levels numbered 0 .. n-1 "
                             "for each factor (give the level values to use your own)")
        elif levels and levels != 2:
            args["levels"] = levels
    if kind == "latin_hypercube":
        samples = int_before(low, r"(?:samples|points|runs)") or 10
        args["samples"] = samples
        if not int_before(low, r"(?:samples|points|runs)"):
            notes.append("10 samples by default")
    replicates = int_before(low, r"replicates?") or int_after(low, r"replicated") or int_after(low, "replicates") \
        or _replicate_words(low)
    if replicates and replicates > 1:
        args["replicates"] = replicates
    blocks = int_before(low, r"blocks") or int_after(low, r"blocked (?:in|into)") or _blocks_by_unit(low)
    if blocks and blocks > 1:  # "in 2 blocks": blocks confounded with a high-order interaction (CCD: orthogonal)
        args["blocks"] = blocks
    elif (args.get("replicates") or 1) > 1 and re.search(
            r"\b(?:each|every) replicate\b[^.;]{0,40}\b(?:day|shift|batch|machine|operator|week|lot|oven|furnace)|"
            r"\bblock(?:ed)? (?:it |them |the runs )?by (?:day|shift|batch|replicate|week|operator|machine)", low):
        # "two replicates, each on a different day: block it by day": one block per replicate, nothing confounded
        args["blocks"] = args["replicates"]
        notes.append(f"one block per replicate ({args['replicates']} blocks): no effect is confounded with blocks")
    # ("3 centre points in total", not "how many runs in total?")
    said_total = re.search(r"cent(?:er|re)[\s-]*(?:points?|runs?)[^.;?]{0,25}\bin (?:total|all)\b|"
                           r"\bin (?:total|all)\b[^.;?]{0,25}cent(?:er|re)[\s-]*(?:points?|runs?)|"
                           r"\bnot (?:per|in each|in every|with each|for each) replicate|"
                           r"\bcent(?:er|re)[\s-]*(?:points?|runs?)\s+(?:are\s+)?not\s+(?:replicated|repeated)", low)
    if (args.get("replicates") or 1) > 1 and args.get("center_points") and (args.get("blocks") or 1) == 1 and \
            kind in ("full_factorial", "fractional_factorial", "plackett_burman") and (said_total or not re.search(
                r"cent(?:er|re)[^.;]{0,40}\b(?:each|every|per)\s+replicate|"
                r"(?:each|every|per)\s+replicate[^.;]{0,40}cent(?:er|re)|"
                r"cent(?:er|re)[\s-]*(?:points?|runs?)\s+(?:are\s+|also\s+|get\s+)*(?:replicated|repeated|duplicated)|"
                r"replicat\w+\s+(?:(?:the|all|everything|every\s+run)\s+)*(?:including|incl\.?|with)\s+(?:the\s+)?"
                r"cent(?:er|re)", low)):
        # "run the whole fraction twice, plus 3 centre points": the centre runs once, unless they are said to repeat
        args["center_once"] = True
        notes.append(f"{args['center_points']} centre run(s) once, not repeated with each replicate (say 'centre points "
                     "in each replicate' otherwise)")
    seed = int_after(low, "seed")
    if re.search(r"randomi[sz]", low) or seed is not None:
        args["randomize"] = True
        args["seed"] = seed if seed is not None else 1
        if seed is None:
            notes.append("randomised with seed 1 (give a seed to reproduce another order)")
    capacity = _CAPACITY.search(low)
    block_size = _BLOCK_SIZE.search(low)
    unit_first = _CAPACITY_UNIT_FIRST.search(low)
    stated_fraction = kind == "fractional_factorial" and frac and "runs" not in args
    if block_size and kind == "full_factorial":  # "in (two) blocks of 8": the full design cut into blocks
        _blocks_of_size(int(block_size.group(1)), args, notes)
    elif kind == "full_factorial" and "blocks" in args and (capacity or unit_first):
        # "only 8 runs per day, so run it in 4 blocks": the capacity is the block size, and the two must agree
        _blocks_of_size(int(capacity.group(1)) if capacity else int(unit_first.group(2)), args, notes)
    elif (kind == "full_factorial" or stated_fraction) and "blocks" not in args and (capacity or unit_first):
        total = 2 ** (int(frac.group(1)) - int(frac.group(2))) if stated_fraction else None
        size, unit = (int(capacity.group(1)), capacity.group(2)) if capacity else \
            (int(unit_first.group(2)), unit_first.group(1))
        try:
            _blocks_from_capacity(size, unit, args, notes, total)
            _centre_runs_over_capacity(size, unit, args, notes)
        except HavocInputError:
            # "only 6 runs a day … 2 centre points in every block": the day holds the centre points too, so the
            # factorial runs of a block are the capacity less them
            centre = int(args.get("center_points") or 0)
            if not (centre and _PER_BLOCK.search(low) and size - centre > 0):
                raise
            _blocks_from_capacity(size - centre, unit, args, notes, total)
            notes.append(f"{size} runs per {unit} include the {centre} centre point(s) of each block")
    elif kind in ("full_factorial", "fractional_factorial"):
        _fit_run_budget(low, args, notes)
    _confounded_with_blocks(q, args, notes)
    _centre_points_per_block(low, args, notes)
    cost = cost_asked(q)
    if cost:
        args["cost_per_run"] = cost[0]
        notes.append(f"{cost[0]}: the cost of one run ('{cost[1]}'), totalled as asked")
    design = Intent("doe_design", args, binding="d", notes=notes)
    if _ASKS_PROPERTIES.search(low):
        # "… and is the design rotatable?", "how many runs put a factor at its middle level": the design's invariants
        return [design, Intent("doe_properties", {}, uses="d",
                               notes=["the design's properties recomputed from its coded runs, as asked"])]
    return [design]


_WORD = r"[A-Z](?:\s*\*?\s*[A-Z])+"
_WORDS = rf"(?P<words>{_WORD}(?:\s*(?:,|and|&|,\s*and)\s*{_WORD})*)"
# "blocks generated by confounding ABC and CDE", "confound ABC and CDE with blocks", "block generators ABC, CDE",
# "ABCD confounded with blocks": the interactions the user gives up to blocks
_BLOCK_WORDS = (
    re.compile(rf"\bblocks?\s+(?:are\s+|were\s+|is\s+)?(?:generated|defined|formed|made|set up)\s+(?:by|from|with)\s+"
               rf"(?:confounding\s+)?(?:the\s+)?(?:interactions?\s+)?{_WORDS}", re.I),
    re.compile(rf"\bconfound(?:ing|ed|s)?\s+(?:the\s+)?(?:interactions?\s+)?{_WORDS}\s+(?:with|into|to)\s+(?:the\s+)?blocks?",
               re.I),
    re.compile(rf"\bblock(?:ing)?\s+generators?\s*(?:are|is|:|=|of)?\s*{_WORDS}", re.I),
    re.compile(rf"(?<![\w*]){_WORDS}\s+(?:is|are|being)\s+confounded\s+with\s+(?:the\s+)?blocks?", re.I),
)


def _confounded_with_blocks(q: str, args: dict, notes: list[str]) -> None:
    """The interactions named as block generators, in capitals as written (ABC, A*B*C); the block count follows."""
    if args.get("design") not in ("full_factorial", "fractional_factorial"):
        return
    for pattern in _BLOCK_WORDS:
        m = pattern.search(q)
        if m:
            words = [re.sub(r"[\s*]", "", w) for w in re.findall(_WORD, m.group("words"))]
            if not words or not all(w.isupper() for w in words):
                continue
            blocks = 2 ** len(words)
            if args.get("blocks") not in (None, blocks):
                raise HavocInputError(f"{len(words)} block generator(s) ({', '.join(words)}) make {blocks} blocks, not "
                                      f"the {args['blocks']} the question asks for", field="blocks")
            args["blocks"] = blocks
            args["block_generators"] = words
            notes.append(f"blocks confounded with {', '.join(words)} (and their products), as asked")
            return


_UNIT_BLOCK = re.compile(rf"\b(\d+|{'|'.join(WORD_NUMBERS)})\s+(days|shifts|batches|weeks|operators|machines|ovens|"
                         r"furnaces|lots)\b[^.;?]{0,40}?(?:\b(?:each|every|one)\s+(?:day|shift|batch|week|operator|machine|"
                         r"oven|furnace|lot)\s+(?:is|as|being|forms?|makes?)\s+(?:a|one|its own)\s+block|"
                         r"\(\s*(?:day|shift|batch|week|operator|machine|oven|furnace|lot)\s*(?:=|is|as)\s*(?:a\s+)?block\s*\))")


def _blocks_by_unit(low: str) -> int | None:
    """"spread it over 4 days, each day is a block", "run over two shifts (shift = block)": as many blocks as days."""
    m = _UNIT_BLOCK.search(low)
    return (WORD_NUMBERS.get(m.group(1)) or int(m.group(1))) if m else None


_PER_BLOCK = re.compile(rf"{_CENTRE}\s+(?:(?:added|run|placed|included|put)\s+)?(?:in|per|to|for)\s+(?:each|every)\s+"
                        rf"(?:block|day|shift|batch)|"
                        rf"{_CENTRE}\s+per\s+(?:block|day|shift|batch)|(?:each|every)\s+(?:block|day|shift|batch)\s+"
                        rf"(?:also\s+|then\s+|additionally\s+)?(?:gets?|has|with|should have|needs?|includes?)\s+"
                        rf"(?:\d+|one|two|three|four)\s+{_CENTRE}")


def _centre_points_per_block(low: str, args: dict, notes: list[str]) -> None:
    """"1 centre point in every block": the design's count is the total, so it is the count per block × blocks."""
    per_block, blocks = args.get("center_points"), args.get("blocks")
    if per_block and blocks and _PER_BLOCK.search(low):
        reps = int(args.get("replicates") or 1)
        # the design's count is per replicate, and a replicated design's blocks are spread over its replicates
        per_replicate = blocks // reps if reps > 1 and blocks % reps == 0 else blocks
        args["center_points"] = per_block * per_replicate
        notes.append(f"{per_block} centre point(s) in each of the {blocks} blocks: {per_block * blocks} in all")


_REPLICATE_WORDS = {"twice": 2, "two times": 2, "in duplicate": 2, "duplicated": 2, "three times": 3,
                    "thrice": 3, "in triplicate": 3, "triplicated": 3, "four times": 4}


def _replicate_words(low: str) -> int | None:
    """"replicated twice", "run in duplicate", "each run done three times"."""
    m = re.search(r"(?:replicat\w*|repeat\w*|run|do|done|performed)\s+(?:(?:the|it|this|that|whole|entire|full|complete|"
                  r"design|experiment|thing|everything|all|of|over|fraction|half|quarter|eighth|set|runs|"
                  r"combinations?|factorial|matrix|plan|study|array)\s+){0,4}(twice|two times|thrice|three times|four times|"
                  r"in duplicate|in triplicate|\d+\s+times\b(?!\s+(?:a|per|each)\b))|\b(duplicated|triplicated)\b", low)
    if m:
        word = m.group(1) or m.group(2)
        times = re.match(r"(\d+)\s+times", word)
        return int(times.group(1)) if times else _REPLICATE_WORDS[word]
    # "each combination twice", "every run 3 times", "each treatment combination is tested twice"
    m = re.search(r"\b(?:each|every)\s+(?:run|combination|treatment(?:\s+combination)?|cell|condition|setting|point|"
                  r"design\s+point)\s+(?:is\s+|gets\s+)?(?:\w+ed\s+)?(twice|two times|thrice|three times|four times|"
                  r"(\d+)\s+times\b)", low)
    if m:
        return int(m.group(2)) if m.group(2) else _REPLICATE_WORDS[m.group(1)]
    # "we'd like to duplicate the whole thing", "triplicate it": the verb on the design
    m = re.search(r"\b(duplicate|triplicate)\s+(?:the|it|this|that|everything|all)\b", low)
    return {"duplicate": 2, "triplicate": 3}[m.group(1)] if m else None


# a capacity per day / shift / batch is a block size, not a run budget ("we can only do 8 runs a day",
# "we can only run 8 per day", "only 8 runs fit in one day")
_CAPACITY = re.compile(r"\b(\d+)\s+(?:(?:runs?|experiments|trials|tests|parts|pieces|samples|specimens|coupons|units|"
                       r"panels|wafers|bars)\s+)?(?:(?:can be (?:run|done|made)|fit|"
                       r"are possible|at most|max(?:imum)?)\s+)?(?:a|per|each|in (?:one|a|each|a single))\s+"
                       r"(day|shift|batch|session|week|morning|afternoon|load|oven load|furnace load|lot)\b")
# "in blocks of 8", "two blocks of 8 runs": the size of each block
_BLOCK_SIZE = re.compile(r"\bblocks?\s+of\s+(\d+)\b(?!\s*(?:factors|levels))")


def _blocks_of_size(size: int, args: dict, notes: list[str]) -> None:
    """Blocks of a stated size split the full design; a stated count of blocks must agree with it."""
    full = 1
    for n in _levels_per_factor(args):
        full *= n
    full *= int(args.get("replicates") or 1)
    count = args.get("blocks")
    if count and count * size != full:
        raise HavocInputError(f"{count} blocks of {size} runs make {count * size} runs, but the full design has {full}; "
                              "say which is meant, or ask for a fraction", field="blocks")
    if size >= full:
        args.pop("blocks", None)
        notes.append(f"a block of {size} runs holds the whole {full}-run design: one block")
        return
    if full % size or (full // size) & (full // size - 1) or set(_levels_per_factor(args)) != {2}:
        raise HavocInputError(f"a {full}-run design does not split into blocks of {size} runs; say how many blocks, "
                              "or ask for a fraction", field="blocks")
    args["blocks"] = full // size
    notes.append(f"blocks of {size}: the full {full}-run design in {full // size} blocks, not a {size}-run fraction "
                 "(blocks confounded with the highest-order interactions)")


# the same said unit first: "each batch of raw material is only enough for 4 runs", "one oven load holds 8 runs"
_CAPACITY_UNIT_FIRST = re.compile(
    r"\b(?:each|one|a|every|per|a single)\s+(day|shift|batch|session|week|morning|afternoon|load|oven load|"
    r"furnace load|lot)\b(?:\s+of\s+[a-z][a-z ]{0,30}?)?\s+(?:is\s+|are\s+|will\s+|can\s+|only\s+)*"
    r"(?:only\s+)?(?:enough|good|sufficient|lasts?|last|covers?|cover|allows?|allow|holds?|hold|fits?|fit|take|takes|"
    r"accommodates?|handles?|handle|runs?|does|do|manages?|manage)"
    r"\s+(?:for\s+)?(?:only\s+|just\s+|about\s+|up to\s+)?(\d+)\s+(?:runs?|experiments|trials|tests)\b")


def _blocks_from_capacity(size: int, unit: str, args: dict, notes: list[str], total: int | None = None) -> None:
    """`total`: the runs of a stated fraction ("2^(7-3)"), else the full design's."""
    one = 1
    for n in _levels_per_factor(args):
        one *= n
    one = total or one  # the runs of one replicate
    full = one * int(args.get("replicates") or 1)
    if size >= full:
        notes.append(f"{size} runs per {unit} hold the whole {full}-run design: one block")
        return
    blocks = full // size
    # each replicate cut into a power-of-two number of blocks (3 replicates of 32 runs, 8 a day: 12 blocks), or
    # whole replicates per block
    per_replicate = one // size if size <= one and one % size == 0 else None
    fits = (per_replicate is not None and not per_replicate & (per_replicate - 1)) or (size > one and size % one == 0)
    if full % size or not fits or set(_levels_per_factor(args)) != {2}:
        raise HavocInputError(f"a {full}-run design does not split into blocks of {size} runs (one {unit} each); "
                              "say how many blocks, or ask for a fraction", field="blocks")
    args["blocks"] = blocks
    notes.append(f"{size} runs per {unit} is a block size, not a run budget: the {'' if total else 'full '}{full}-run "
                 f"design in {blocks} "
                 f"blocks of {size}, one {unit} each (blocks confounded with the highest-order interaction)")


def _centre_runs_over_capacity(size: int, unit: str, args: dict, notes: list[str]) -> None:
    """Centre runs added to blocks that already hold a full load: said, since those blocks no longer fit one load."""
    centre, blocks = int(args.get("center_points") or 0), int(args.get("blocks") or 1)
    if not centre or blocks <= 1 or args.get("center_once"):
        return
    reps = int(args.get("replicates") or 1)
    per_replicate = blocks // reps if reps > 1 and blocks % reps == 0 else blocks
    most = size + -(-centre // per_replicate)
    if most > size:
        notes.append(f"with the {centre} centre run(s) added, some blocks hold {most} runs, more than the {size} one "
                     f"{unit} takes: give the centre runs a {unit} of their own, or say how many fit")


# "16 runs", "a 12-run budget", "a 16 run design"; not "bench 6 trial" (a bench named 6) nor "1 trial"
_BUDGET = re.compile(r"(?<!bench )(?<!room )(?<!line )(?<!cell )(?<!bay )(?<!station )(?<!lab )(?<!site )(?<!plant )"
                     r"\b(\d+)(?:\s+(?:(?:experimental|total)\s+)?(?:runs|trials|experiments|treatment combinations)|"
                     r"-(?:runs?|trials?)|\s+(?:run|trial)\s+(?:design|budget|plan|limit|experiment|doe|max\w*))\b"
                     r"|\b(?:run budget|budget|room|capacity|time)\s+(?:of|for)\s+(?:only\s+)?(\d+)\b")
_ROMAN_NAME = {3: "III", 4: "IV", 5: "V", 6: "VI", 7: "VII", 8: "VIII"}


def _run_budget(low: str) -> int | None:
    """The number of runs the user can afford ("only 8 runs", "a 12-run budget", "budget of 16")."""
    # "budget won't stretch to 32 runs", "can't afford 64 runs": the run count ruled out is no budget
    low = re.sub(r"\b(?:won'?t|will not|can'?t|cannot|can not|doesn'?t|does not|isn'?t|not)\s+(?:\w+\s+){0,2}?"
                 r"(?:stretch|go|reach|extend|afford|run|cover|allow|do)\s+(?:to\s+|for\s+)?(?:all\s+|the\s+(?:full\s+)?)?"
                 r"\d+[\s-]+(?:runs?|trials?|experiments)\b", " ", low)
    m = _BUDGET.search(low)
    return int(m.group(1) or m.group(2)) if m else None


def _factor_count(factors: object) -> int:
    return len(factors) if isinstance(factors, list) else int(factors)  # type: ignore[arg-type]


def _levels_per_factor(args: dict) -> list[int]:
    factors = args["factors"]
    if isinstance(factors, list):
        return [len(f["levels"]) if isinstance(f.get("levels"), list) else int(args.get("levels") or 2)
                for f in factors]
    return [int(args.get("levels") or 2)] * int(factors)


def _fit_run_budget(low: str, args: dict, notes: list[str]) -> None:
    """Hold a factorial to the run count the user named: a full factorial that does not fit becomes the regular
    2^(k-p) fraction (or a Plackett-Burman design) of that size; one that cannot be made that small is refused
    with the reason, never silently made bigger."""
    budget = _run_budget(low)
    if budget is None or args.get("design") not in ("full_factorial", "fractional_factorial"):
        return
    k = _factor_count(args["factors"])
    levels = _levels_per_factor(args)
    reps = int(args.get("replicates") or 1)
    centre = int(args.get("center_points") or 0)
    if budget % reps:
        raise HavocInputError(f"{budget} runs do not split into {reps} equal replicates", field="runs")
    # "a 16-run fractional factorial, plus four centre runs": the centre runs come on top of the runs named
    extra = re.search(r"\b\d+[\s-]+runs?\s+(?:[a-z-]+\s+){0,2}(?:fraction\w*|factorial|design)\b[^.?!]{0,30}\b(?:plus|and|with|"
                      r"added|extra|on top)\b[^.?!]{0,12}\bcent(?:er|re)", low)
    per_replicate = budget // reps - (0 if extra else centre)
    full = 1
    for n in levels:
        full *= n
    if args["design"] == "full_factorial" and per_replicate >= full:
        if per_replicate == full:
            return
        if reps == 1 and not re.search(r"replicat", low) and budget % (full + centre) == 0:
            args["replicates"] = budget // (full + centre)
            notes.append(f"{budget} runs: {args['replicates']} replicates of the {full + centre}-run design")
        else:
            notes.append(f"the design has {(full + centre) * reps} runs, fewer than the {budget} you named: add "
                         "replicates or centre points to use the rest")
        return
    if any(n != 2 for n in levels):
        raise HavocInputError(f"a full factorial of {'×'.join(map(str, levels))} levels needs {full} runs per "
                              f"replicate, more than the {budget} you named; HAVOC makes fractions of two-level "
                              "designs only", field="runs")
    if per_replicate < k + 1:
        raise HavocInputError(f"{per_replicate} runs cannot estimate {k} main effects and the mean: a two-level "
                              f"design for {k} factors needs at least {k + 1} runs", field="runs")
    p = k - (per_replicate.bit_length() - 1)
    if per_replicate & (per_replicate - 1) == 0 and (k, p) in MAX_RESOLUTION:
        resolution = MAX_RESOLUTION[(k, p)]
        if args["design"] == "full_factorial":
            notes.append(f"a full factorial of {k} two-level factors needs {2 ** k} runs; in {per_replicate}: the "
                         f"2^({k}-{p}) fractional factorial of resolution {_ROMAN_NAME.get(resolution, resolution)} "
                         "(the highest that run count allows)")
        args.update(design="fractional_factorial", resolution=resolution, runs=per_replicate)
        args.pop("levels", None)
        if isinstance(args["factors"], list):
            args["factors"] = [{k_: v for k_, v in f.items() if k_ != "levels"} for f in args["factors"]]
        return
    asked_fraction = re.search(r"fraction|resolution|\bres\b|2\^\(?\d+\s*-", low)
    if args["design"] == "fractional_factorial" and not asked_fraction and per_replicate % 4 == 0 \
            and per_replicate & (per_replicate - 1):
        # "a screening design: 11 factors, 12 runs": screening asked for, no fraction named; N a multiple of 4
        args.update(design="plackett_burman", runs=per_replicate)
        for key in ("levels", "resolution", "generators"):
            args.pop(key, None)
        notes[:] = [n for n in notes if "resolution" not in n]
        notes.append(f"a screening design in {per_replicate} runs (no power of two, so no 2^(k-p) fraction): a "
                     f"{per_replicate}-run Plackett-Burman design (main effects only, partially aliased with "
                     "interactions)")
        return
    if args["design"] == "fractional_factorial" and per_replicate < 2 ** k and per_replicate & (per_replicate - 1):
        raise HavocInputError(f"a 2^(k-p) fraction has a power-of-two run count, not {per_replicate}; for "
                              f"{per_replicate} runs ask for a Plackett-Burman design", field="runs")
    if per_replicate % 4 == 0 and args["design"] == "full_factorial":
        args.update(design="plackett_burman", runs=per_replicate)
        for key in ("levels", "resolution", "generators"):
            args.pop(key, None)
        notes.append(f"a full factorial of {k} two-level factors needs {2 ** k} runs; {per_replicate} runs is no "
                     f"power of two, so a {per_replicate}-run Plackett-Burman design (main effects only, partially "
                     "aliased with interactions)")
        return
    if args["design"] == "full_factorial":
        raise HavocInputError(f"{per_replicate} runs fit no two-level design for {k} factors: a fraction needs a "
                              "power of two (8, 16, …) and a Plackett-Burman design a multiple of 4", field="runs")


_SURFACE_FIT = re.compile(r"surface|stationary|quadratic|second[\s-]*order|\brsm\b")


def plan_analysis(question: str, bindings: dict) -> list[Intent] | None:
    """`analyse it with these responses: …` after a design, or effects of a 2^k with responses."""
    low = question.lower()
    replicated = _replicate_lines(question)
    if replicated:
        return _factorial_analysis(replicated, low)
    cells = factorial_cells(question)
    if cells:
        return _factorial_analysis(cells, low)
    if not re.search(r"analy[sz]|effects?|responses?|fit|optimum|stationary|anova", low):
        return None
    points = surface_points(question) if _SURFACE_FIT.search(low) else None
    if points:
        return [Intent("rsm_fit", {"X": points[0], "y": points[1]}, notes=[
            f"{len(points[1])} runs told by their coded coordinates (corners, axial runs, centre runs): the full "
            "second-order model"])]
    lists = flat_lists(question)
    table = tables(question)
    response = lists[-1] if lists else None
    fits_surface = re.search(r"surface|stationary|quadratic|second[\s-]*order|\brsm\b", low)
    if response is None and table and fits_surface and len(table[0]) >= 6 and \
            len({len(r) for r in table[0]}) == 1 and 3 <= len(table[0][0]) <= 7:
        # settings columns then the response, one run per row (a CCD or Box-Behnken as pasted): the quadratic fit
        rows = table[0]
        return [Intent("rsm_fit", {"X": [r[:-1] for r in rows], "y": [r[-1] for r in rows]},
                       notes=[f"{len(rows[0]) - 1} factor columns and the last column as the response, one run per "
                              "row: the full second-order model"])]
    if response is None:
        # "responses are 28, 36, 18, 31": the run of numbers after the word (not "a response-surface study: 4
        # factors, 6 centre points, 20 runs", numbers of the plan in prose)
        nums = re.split(r"\bresponses?\b(?![\s-]*surfaces?\b)\s*(?:are|were|is|:|=)?", question, flags=re.I)
        if len(nums) > 1:
            response = longest_run(nums[-1], 4) or None
    k = re.search(r"2\^(\d+)(?!\s*-)", low)
    if response is None and k and re.search(r"analy[sz]|effects?|\banova\b|\bfit\b|\bmodel\b|f[\s-]*statistic|"
                                            r"p[\s-]*values?", low):
        # "effects of a 2^2 design: 28, 36, 18, 31": the run of numbers after the design's name
        rest = re.sub(r"2\^\(?\d+(?:\s*-\s*\d+)?\)?", " ; ", question)
        response = longest_run(rest, 4) or None
    if response is None:
        return None
    surface = bool(re.search(r"surface|optimum|stationary|quadratic|second[\s-]*order|rsm", low))
    anova = "anova" in low
    if "d" in bindings and re.search(r"\b(it|this design|the design|that design|them|d)\b", low):
        # a response-surface design (Box-Behnken, CCD) is analysed by its quadratic fit; effects need two levels
        made = (bindings["d"].get("output") or {}).get("design") if isinstance(bindings["d"], dict) else None
        surface = surface or made in ("box_behnken", "central_composite")
        tool = "doe_anova" if anova else "rsm_fit" if surface else "doe_effects"
        notes = ["a response-surface design: fitted by the full quadratic model"] if tool == "rsm_fit" and made else []
        return [Intent(tool, {"response": response}, uses="d", notes=notes)]
    if table and len(table[0]) == len(response) and surface:
        return [Intent("rsm_fit", {"X": table[0], "y": response})]
    if k and len(response) == 2 ** int(k.group(1)):
        blocks = _analysis_blocks(low, len(response))
        if blocks:  # "a 2^4 run in two blocks": the blocked design, so its analysis sets the block effect apart
            design = {"design": "full_factorial", "factors": int(k.group(1)), "blocks": blocks}
            return [Intent("doe_design", design, binding="d", notes=[
                        f"run in {blocks} blocks: the blocks confounded by the standard choice, and the effects "
                        "analysed with the blocks fitted first"]),
                    Intent("doe_effects", {"response": response}, uses="d")]
        full_model = re.search(r"full model|saturated|all (?:the )?(?:terms|interactions)|every term|each term|"
                               r"\b" + "".join(chr(65 + i) for i in range(int(k.group(1)))) + r"\b", question)
        if (anova or re.search(r"f[\s-]*statistic|\bf\b[^.?!]{0,20}\bp[\s-]*values?|\bf\s*(?:and|&|,)\s*p\b", low)) \
                and full_model:
            runs = len(response)
            raise HavocInputError(f"an unreplicated 2^{k.group(1)} has {runs} runs and the full model {runs - 1} terms "
                                  "besides the mean, so no degrees of freedom are left for error: the F statistics and "
                                  "p-values do not exist. Replicate the runs, add centre points, pool the highest-order "
                                  "interactions as error, or judge the effects by Lenth's method", field="response")
        return [Intent("doe_effects", {"factors": int(k.group(1)), "response": response})]
    if k:
        runs = 2 ** int(k.group(1))
        said = int_before(low, r"replicates?") or int_after(low, r"replicated")
        if len(response) % runs or not re.search(r"replicat|duplicate|repeat", low) or \
                (said and said * runs != len(response)):
            # a 2^k with a response count that is not one value per run: do not guess the layout
            raise HavocInputError(f"{len(response)} responses for a 2^{k.group(1)} of {runs} runs: give one response "
                                  f"per run in standard order, say how many replicates (e.g. '2 replicates' for "
                                  f"{2 * runs} values), or label each run's settings (A low B high: …)",
                                  field="response")
        reps = len(response) // runs
        design = {"design": "full_factorial", "factors": int(k.group(1)), "replicates": reps}
        notes = [f"{len(response)} responses read as {reps} replicates of the {runs}-run 2^{k.group(1)}, one "
                 "replicate after another, each in standard order (first factor fastest); if each run's repeats "
                 "were listed together, list them replicate by replicate instead"]
        intents = [Intent("doe_design", design, binding="d", notes=notes),
                   Intent("doe_effects", {"response": response}, uses="d")]
        return intents + [Intent("doe_anova", {"response": response}, uses="d",
                                 notes=["ANOVA model: main effects and two-factor interactions"])]
    if len(response) in (4, 8, 16, 32, 64) and re.search(r"factorial|effects", low):
        return [Intent("doe_effects", {"factors": len(response).bit_length() - 1, "response": response},
                       notes=[f"responses read in standard (Yates) order of a 2^{len(response).bit_length() - 1}"])]
    return None


_REPLICATE_LINE = re.compile(r"(?im)^\s*(?:replicate|rep\.?)\s*(?:[ivx]+|\d+)\s*[:=]\s*(.+?)\s*$")


def _replicate_lines(question: str) -> FactorialData | None:
    """"Replicate I: 47.1, 48.7, … / Replicate II: …" under a 2^k in standard order: each line one replicate of the
    2^k runs, the replicates one after another."""
    k = re.search(r"\b2\^(\d)\b(?!\s*-)", question)
    lines = [numbers(m.group(1)) for m in _REPLICATE_LINE.finditer(question)]
    if not k or len(lines) < 2 or any(len(v) != 2 ** int(k.group(1)) for v in lines) or \
            not re.search(r"standard order|\(1\)\s*,\s*a\s*,\s*b", question, re.I):
        return None
    factors = [chr(ord("A") + i) for i in range(int(k.group(1)))]
    return FactorialData(factors=factors, replicates=len(lines), response=[v for line in lines for v in line],
                         layout=f"{len(lines)} replicate lines, each the {2 ** len(factors)} runs in standard order")


def _analysis_blocks(low: str, runs: int) -> int | None:
    """Blocks of an analysed 2^k ("in two blocks", "blocks of 8", "8 runs a day"), when a whole number of them."""
    low = spell_numbers(low)  # "it can only do four runs per day"
    size = _BLOCK_SIZE.search(low) or _CAPACITY.search(low)
    count = int_before(low, r"blocks") or (runs // int(size.group(1)) if size and int(size.group(1)) else None)
    if not count or count < 2 or runs % count or count & (count - 1):
        return None
    return count


def _factorial_analysis(data: FactorialData, low: str) -> list[Intent]:
    """A 2^k written as labelled cells: the design it is, its effects, and (with replicates, or when asked) its ANOVA.
    The responses go to `analyze` in the design's standard order, replicate after replicate."""
    from dsl.checker import keywords

    k = len(data.factors)
    usable = all(re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", n) and n.lower() not in keywords() for n in data.factors)
    names = data.factors if usable and len({n.lower() for n in data.factors}) == k else \
        [chr(ord("A") + i) for i in range(k)]
    args: dict = {"design": "full_factorial", "factors": [{"name": n} for n in names]}
    if data.replicates > 1:
        args["replicates"] = data.replicates
    notes = [f"read as a 2^{k} factorial ({', '.join(names)}) with {data.replicates} "
             f"{'replicates' if data.replicates > 1 else 'run per cell'}: {data.layout}; the responses are re-listed "
             "in standard order (first factor fastest), replicate after replicate"]
    intents = [Intent("doe_design", args, binding="d", notes=notes),
               Intent("doe_effects", {"response": data.response}, uses="d")]
    asks_tests = re.search(r"\banova\b|analysis of variance|f[\s-]*(?:values?|statistics?|tests?|ratios?)\b|"
                           r"\bf\b[^.?!]{0,20}\bp[\s-]*values?", low)
    product = r"\s*[*×x:]\s*".join(re.escape(n.lower()) for n in data.factors)
    main_only = re.search(r"main[\s-]*effects?[\s-]*only|only (?:the )?main effects|no interactions?|without (?:the )?"
                          r"interactions?|additive model", low)
    full_model = (k == 2 and not main_only) or re.search(r"full[\s-](?:factorial |interaction )?model|saturated|all (?:the )?"
                                                         r"(?:terms|interactions)|every term|each term|"
                                                         + (product if k > 1 else "$^"), low)
    if data.replicates == 1 and asks_tests and full_model:
        runs = 2 ** k
        raise HavocInputError(f"an unreplicated 2^{k} has {runs} runs and the full model {runs - 1} terms besides the "
                              "mean, so no degrees of freedom are left for error: the F statistics and p-values do not "
                              "exist. Replicate the runs, add centre points, pool the highest-order interactions as "
                              "error, or judge the effects by Lenth's method", field="response")
    if data.replicates > 1 or re.search(r"\banova\b|analysis of variance", low):
        full = bool(full_model) and k >= 3 and data.replicates > 1 and not main_only
        anova_notes = ["ANOVA model: every main effect and interaction (the full model), the replicates as error"
                       if full else "ANOVA model: main effects and two-factor interactions"
                       + (" (higher-order interactions pooled into error)" if k >= 3 else "")]
        if data.replicates == 1:
            anova_notes.append("no replicates: the error term is only the pooled higher-order interactions")
        intents.append(Intent("doe_anova", {"response": data.response, **({"model": "full"} if full else {})}, uses="d",
                              notes=anova_notes))
    return intents
