"""Natural-language prediction questions → a regression intent with `at` (and its confidence).

"Predict y at x = 12", "95% prediction interval for the strength when temperature is 180", "what is the
mean response at 2.5 and 4?": the new x values are cut out of the question (so they are not read as
data), the regression is planned from the rest, and the points go to the tool's `at`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal

from graphs.planning.extract import NUM, named_groups, numbers
from graphs.planning.intent import Intent

_NUMS = rf"{NUM}(?:\s*(?:,|and|or|&)\s*{NUM})*(?![\d.]*\s*%)"
_CUE = re.compile(r"\bpredict\w*|\bforecast\w*|prediction interval|\bfitted value|\bexpected (?:value|mean|y|response)|"
                  r"\bexpected\s+(?:[a-z]+\s+){1,2}?(?:if|when|at|for)\b|"
                  r"\bmean response|\bwhat (?:would|will|is) (?:the )?\w+ be\b|confidence interval (?:for|on) the mean|"
                  r"\bestimate (?:the )?(?:mean )?(?:y|response|value)\b", re.I)
# "at x = 12", "when temperature is 180", "for a new x of 6 and 7", "at 12" after a prediction cue
_NAMED = re.compile(rf"\b(?:at|when|for|if|where)\s+(?:an?\s+|the\s+)?(?:new\s+)?(?:value\s+of\s+)?"
                    rf"(?P<name>[A-Za-z_]\w*(?:\s+(?:level|value|setting|concentration|content|amount))?)\s*"
                    rf"(?:=|is|of|equals|equal to)\s*(?P<values>{_NUMS})", re.I)
_BARE = re.compile(rf"(?:{_CUE.pattern})[^.;?\n]*?\bat\s+(?P<values>{_NUMS})", re.I)
# "the expected time if we charge 3.5 g": the new x after a verb of setting it
_IF_WE = re.compile(rf"\b(?:if|when)\s+(?:we|you|i|they)\s+(?:[a-z]+\s+){{1,2}}?(?P<values>{_NUMS})(?!\s*%)", re.I)
_LEVEL = re.compile(r"(\d{2}(?:\.\d+)?)\s*%\s*(?:two[\s-]*sided\s+)?(?:prediction|confidence|PI\b|CI\b)", re.I)


def _points(text: str) -> tuple[list[Decimal], str, str | None] | None:
    """The new x values, the text without them, and the predictor's name when the question gives one."""
    for m in _NAMED.finditer(text):
        if m.group("name").lower() in ("y", "response", "confidence", "alpha", "level", "a", "the"):
            continue
        values = numbers(m.group("values"))
        if 1 <= len(values) <= 10:
            return values, text[:m.start()] + " ; " + text[m.end():], m.group("name").lower().split()[0]
    m = _BARE.search(text) or _IF_WE.search(text)
    if m:
        values = numbers(m.group("values"))
        start = m.start("values")
        return values, text[:start - 3] + " ; " + text[m.end():], None
    return None


def _predictor_first(intent: Intent, rest: str, name: str | None) -> None:
    """"predict the strength at a temperature of 125": temperature is the predictor, whatever order the
    columns were typed in."""
    if not name or name == "x":
        return
    named = {key.lower().split()[-1]: values for key, values in named_groups(rest).items()}
    values = named.get(name)
    if values is not None and [str(v) for v in values] == [str(v) for v in intent.args["y"]]:
        intent.args["x"], intent.args["y"] = intent.args["y"], intent.args["x"]
        intent.notes.append(f"{name} is the predictor (the question predicts at a {name})")


def plan_prediction(question: str, plan_stats: Callable[[str], list[Intent] | None]) -> list[Intent] | None:
    """The regression with `at` points when the question asks for a prediction; None otherwise."""
    if not _CUE.search(question):
        return None
    found = _points(question)
    if found is None:
        return None
    points, rest, name = found
    level = _LEVEL.search(rest)
    if level:
        rest = rest[:level.start()] + " ; " + rest[level.end():]
    intents = plan_stats(rest)
    if not intents or intents[0].tool != "regression":
        intents = plan_stats("linear regression: " + rest)
    if not intents or intents[0].tool != "regression" or intents[0].args.get("x") is None:
        return None
    _predictor_first(intents[0], rest, name)
    xs = [str(v) for v in intents[0].args["x"]]
    if [str(v) for v in points] == xs:
        return None  # the "points" were the data themselves
    intents[0].args["at"] = points
    notes = [f"predicted at {', '.join(map(str, points))}: the fitted mean with its confidence interval, and the "
             "prediction interval for one new observation"]
    if level:
        intents[0].args["confidence"] = Decimal(level.group(1)) / 100
        notes.append(f"{level.group(1)}% intervals")
    intents[0].notes = notes + intents[0].notes
    return intents
