"""Natural-language design-of-experiments requests → doe intents.

Sensible defaults, always said out loud in the plan's notes: a Box–Behnken with
no factors means 3 coded factors and 3 centre points; a central composite with
none means 2 factors, rotatable, 5 centre points.
"""

from __future__ import annotations

import re

from graphs.planning.extract import WORD_NUMBERS, factor_specs, flat_lists, int_after, int_before, tables
from graphs.planning.intent import Intent

_ROMAN = {"iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "3": 3, "4": 4, "5": 5, "6": 6}
# the best resolution a 2^(k-p) design can have (Montgomery, Table 8.14; NIST 5.3.3.4.7)
MAX_RESOLUTION = {
    (3, 1): 3, (4, 1): 4, (5, 1): 5, (5, 2): 3, (6, 1): 6, (6, 2): 4, (6, 3): 3, (7, 1): 7, (7, 2): 4,
    (7, 3): 4, (7, 4): 3, (8, 1): 8, (8, 2): 5, (8, 3): 4, (8, 4): 4, (9, 2): 6, (9, 3): 4, (9, 4): 4,
    (9, 5): 3, (10, 3): 5, (10, 4): 4, (10, 5): 4, (10, 6): 3, (11, 4): 5, (11, 5): 4, (11, 6): 4, (11, 7): 3,
}
_CENTRE = r"cent(?:er|re)[\s-]*(?:points?|pts?|runs?)"


def _design_kind(low: str) -> str | None:
    if re.search(r"box[\s-]*behnken|\bbbd\b", low):
        return "box_behnken"
    if re.search(r"central[\s-]*composite|\bccd\b|\bccf\b|\bcci\b|\bccc\b", low):
        return "central_composite"
    if re.search(r"plackett|burman|\bpb\b", low):
        return "plackett_burman"
    if re.search(r"latin[\s-]*hypercube|\blhs\b|space[\s-]*filling", low):
        return "latin_hypercube"
    if re.search(r"fractional|half[\s-]*fraction|quarter[\s-]*fraction|resolution|2\^\(?\d+\s*-\s*\d+\)?|\bscreen(?:ing)?\b", low):
        return "fractional_factorial"
    if re.search(r"full[\s-]*factorial|factorial|2\^\d+|\d+\s*x\s*\d+", low):
        return "full_factorial"
    if re.search(r"response[\s-]*surface|\brsm\b|optimi[sz]|optimum|maximi[sz]e|minimi[sz]e|curvature", low):
        return "central_composite"
    if re.search(r"\b(design|doe|experiment)\b", low):
        return "full_factorial"
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


def plan_design(question: str, previous: dict | None = None) -> list[Intent] | None:
    q = question
    low = re.sub(r"[–—]", "-", q.lower()).replace("×", "x")
    kind = _design_kind(low)
    if kind is None or asks_for_explanation(q):
        return None
    notes: list[str] = []
    args: dict = {"design": kind}

    factors = factor_specs(q)
    count = int_before(low, r"(?:factors|variables|inputs)")
    frac = re.search(r"2\^\(?\s*(\d+)\s*-\s*(\d+)\s*\)?", low)
    full_pow = re.search(r"\b2\^(\d+)\b", low)
    crossed = re.search(r"\b(\d+(?:\s*x\s*\d+)+)\b", low)  # "2x2x2": one number per factor
    crossed_levels = [int(v) for v in re.findall(r"\d+", crossed.group(1))] if crossed else []
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
    else:
        default = {"box_behnken": 3, "central_composite": 2, "full_factorial": 3, "fractional_factorial": 5,
                   "plackett_burman": 7, "latin_hypercube": 2}[kind]
        args["factors"] = default
        notes.append(f"no factors named: {default} coded factors")

    centre = int_before(low, _CENTRE) or int_after(low, _CENTRE)
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
            args["alpha"] = "orthogonal" if "orthogonal" in low else "rotatable"
    if kind == "fractional_factorial":
        gens = re.findall(r"\b([A-Z])\s*=\s*([A-Z]{2,})\b", q)
        res = re.search(r"resolution\s+(iii|iv|vii|vi|v|\d)\b", low) or re.search(r"\bres(?:olution)?[\s-]*(iii|iv|v)\b", low)
        if gens:
            args["generators"] = [f"{a}={b}" for a, b in gens]
        elif res:
            args["resolution"] = _ROMAN[res.group(1)]
        elif (fraction := _fraction_size(low, args["factors"])) in MAX_RESOLUTION:
            k, p = fraction
            args["resolution"] = MAX_RESOLUTION[fraction]
            notes.append(f"a 2^({k}-{p}) design: the highest resolution that run count allows")
        elif frac and (int(frac.group(1)), int(frac.group(2))) in MAX_RESOLUTION:
            args["resolution"] = MAX_RESOLUTION[(int(frac.group(1)), int(frac.group(2)))]
            notes.append(f"2^({frac.group(1)}-{frac.group(2)}): the highest resolution that run count allows")
        else:
            args["resolution"] = 4
            notes.append("no resolution given: resolution IV (main effects clear of two-factor interactions)")
    if kind == "full_factorial":
        level_m = re.search(r"\b(\d+|two|three|four|five)[\s-]*levels?\b", low)
        levels = int(level_m.group(1)) if level_m and level_m.group(1).isdigit() else (
            WORD_NUMBERS.get(level_m.group(1)) if level_m else None)
        if levels is None and crossed_levels and len(set(crossed_levels)) == 1:
            levels = crossed_levels[0]
        if levels and levels != 2:
            args["levels"] = levels
    if kind == "latin_hypercube":
        samples = int_before(low, r"(?:samples|points|runs)") or 10
        args["samples"] = samples
        if not int_before(low, r"(?:samples|points|runs)"):
            notes.append("10 samples by default")
    replicates = int_before(low, r"replicates?") or int_after(low, r"replicated") or int_after(low, "replicates")
    if replicates and replicates > 1:
        args["replicates"] = replicates
    seed = int_after(low, "seed")
    if re.search(r"randomi[sz]", low) or seed is not None:
        args["randomize"] = True
        args["seed"] = seed if seed is not None else 1
        if seed is None:
            notes.append("randomised with seed 1 (give a seed to reproduce another order)")
    return [Intent("doe_design", args, binding="d", notes=notes)]


def plan_analysis(question: str, bindings: dict) -> list[Intent] | None:
    """`analyse it with these responses: …` after a design, or effects of a 2^k with responses."""
    low = question.lower()
    if not re.search(r"analy[sz]|effects?|responses?|fit|optimum|stationary|anova", low):
        return None
    lists = flat_lists(question)
    table = tables(question)
    response = lists[-1] if lists else None
    if response is None:
        nums = re.split(r"responses?\s*(?:are|were|is|:|=)?", question, flags=re.I)
        if len(nums) > 1:
            from graphs.planning.extract import numbers

            vals = numbers(nums[-1])
            response = vals if len(vals) >= 4 else None
    if response is None:
        return None
    surface = bool(re.search(r"surface|optimum|stationary|quadratic|second[\s-]*order|rsm", low))
    anova = "anova" in low
    if "d" in bindings and re.search(r"\b(it|this design|the design|that design|them|d)\b", low):
        tool = "rsm_fit" if surface else "doe_anova" if anova else "doe_effects"
        return [Intent(tool, {"response": response}, uses="d")]
    if table and len(table[0]) == len(response) and surface:
        return [Intent("rsm_fit", {"X": table[0], "y": response})]
    k = re.search(r"2\^(\d+)", low)
    if k and len(response) == 2 ** int(k.group(1)):
        return [Intent("doe_effects", {"factors": int(k.group(1)), "response": response})]
    if len(response) in (4, 8, 16, 32, 64) and re.search(r"factorial|effects", low):
        return [Intent("doe_effects", {"factors": len(response).bit_length() - 1, "response": response},
                       notes=[f"responses read in standard (Yates) order of a 2^{len(response).bit_length() - 1}"])]
    return None
