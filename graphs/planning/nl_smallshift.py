"""Natural-language EWMA and CUSUM questions → a control_chart intent of kind ewma or cusum.

Why apart from the Shewhart reading: these charts carry their own parameters
(λ and L; k and h, or the shift to detect) and usually a target and σ from a
stable period ("μ0 = 10, σ = 1"), which must all be read off the question and
cut out of it before the data are, so that none is taken for a measurement.
"""

from __future__ import annotations

import re
from decimal import Decimal

from graphs.planning.extract import NUM, flat_lists, longest_run, numbers, tables, to_decimal
from graphs.planning.intent import Intent

EWMA = re.compile(r"\bewma\b|exponentially[\s-]*weighted", re.I)
CUSUM = re.compile(r"\bcu[\s-]?sum\b|cumulative[\s-]*sums?\b", re.I)

_IS = r"\s*(?:=|:|of|is|equal to)?\s*"
# (argument, pattern whose group 1 is the number); the first pattern found for an argument wins
_PARAMETERS: tuple[tuple[str, str, int], ...] = (
    ("lambda", rf"(?<![\w])(?:lambda|λ|smoothing (?:constant|parameter|weight)|weight(?:ing)?(?: factor)?){_IS}({NUM})",
     re.I),
    ("k_sigma", rf"(?<![\w])L{_IS}({NUM})", 0),
    ("k_sigma", rf"({NUM})[\s-]*(?:sigma|σ)[\s-]*(?:control )?limits", re.I),
    ("k_sigma", rf"limits? (?:at|of) ({NUM})\s*(?:sigma|σ)", re.I),
    ("k", rf"(?<![\w])(?:k|reference value|allowance|slack(?: value)?){_IS}({NUM})", re.I),
    ("h", rf"(?<![\w])(?:h|decision interval|decision limit|threshold){_IS}({NUM})", re.I),
    ("shift", rf"shifts? of (?:about |around )?({NUM})\s*(?:sigma|σ|standard deviations?|sd|s\.d\.)", re.I),
    ("center", rf"(?<![\w])(?:target(?: (?:value|mean))?|(?:mu|μ)\s*_?\s*0|in[\s-]*control mean|process mean|"
               rf"known mean|historical mean|nominal|cent(?:re|er)(?:[\s-]*line)?){_IS}({NUM})(?!\s*[,;]?\s*[-+]?\d)", re.I),
    ("sigma", rf"(?<![\w])(?:(?:known |process |historical |in[\s-]*control )?(?:sigma|σ|standard deviation|std\.? ?dev)"
              rf"(?:\s*_?\s*0)?){_IS}({NUM})(?!\s*[,;]?\s*[-+]?\d)", re.I),
)


def small_shift_kind(low: str) -> str | None:
    if CUSUM.search(low):
        return "cusum"
    if EWMA.search(low):
        return "ewma"
    return None


def _parameters(text: str) -> tuple[dict[str, Decimal], str]:
    found: dict[str, Decimal] = {}
    for name, pattern, flags in _PARAMETERS:
        if name in found:
            continue
        m = re.search(pattern, text, flags=flags)
        if m:
            found[name] = to_decimal(m.group(1))
            text = text[:m.start()] + " ; " + text[m.end():]
    return found, text


def plan_small_shift(question: str, kind: str, rules: str) -> list[Intent] | None:
    """An EWMA or CUSUM chart of the values (or subgroup rows) in the question, with the parameters it names."""
    params, rest = _parameters(question)
    args: dict = {"chart": kind, "rules": rules}
    notes: list[str] = []
    table = tables(rest)
    if table and len(table[0]) >= 2 and len(table[0][0]) >= 2:
        args["subgroups"] = table[0]
        notes.append(f"{len(table[0])} subgroups of {len(table[0][0])}: their means are charted")
    else:
        data = flat_lists(rest)
        values = data[0] if data else longest_run(rest, 3)
        if not values and ":" in rest:
            values = numbers(rest.split(":", 1)[1])
        if len(values) < 3:
            return None
        args["values"] = values
    for name in ("center", "sigma"):
        if name in params:
            args[name] = params[name]
    if kind == "ewma":
        if "lambda" in params:
            args["lambda"] = params["lambda"]
        else:
            notes.append("λ = 0.2 (the usual choice; say `lambda 0.1` for smaller shifts)")
        if "k_sigma" in params:
            args["k_sigma"] = params["k_sigma"]
        else:
            notes.append("L = 3 (limits at ±3 standard errors of the EWMA)")
        for unused in ("k", "h", "shift"):
            if unused in params:
                notes.append(f"{unused} {params[unused]} is a CUSUM parameter, not used by an EWMA chart")
    else:
        if "k" in params:
            args["k"] = params["k"]
        elif "shift" in params:
            args["k"] = params["shift"] / 2
            notes.append(f"to detect a shift of {params['shift']}σ: k = {args['k']} (half the shift)")
        else:
            notes.append("k = 0.5 (detects a shift of about 1σ)")
        if "h" in params:
            args["h"] = params["h"]
        else:
            notes.append("h = 5 (decision interval in σ units)")
        for unused in ("lambda", "k_sigma"):
            if unused in params:
                notes.append(f"{params[unused]} ({unused}) is an EWMA parameter, not used by a CUSUM chart")
    if "center" not in args:
        notes.append("no target given: the centre is the mean of the data")
    if "sigma" not in args:
        notes.append("no σ given: estimated from the data (moving ranges or subgroup ranges)")
    return [Intent("control_chart", args, notes=notes)]
