"""Natural-language questions about critical points and extremes → the extrema intent.

"Find the critical points of f(x) = x^3 - 3x^2 - 9x + 5 and classify them", "max and min of x^3 - 3x on [-3, 2]",
"local extrema of f(x, y) = x^3 - 3xy + y^3": the function, its variables, and a closed interval when one is
given (then the absolute maximum and minimum on it are asked for too). An open interval, or a bound that is not a
number, is not guessed at: nothing is planned and the question is refused.
"""

from __future__ import annotations

import re

from graphs.planning.intent import Intent

NUM = r"[-+−]?(?:\d+(?:\.\d+)?|\.\d+)"
_BOUND = rf"(?:{NUM}\s*\*?\s*(?:pi|π)(?:\s*/\s*\d+)?|(?:pi|π)(?:\s*/\s*\d+)?|{NUM}(?:\s*/\s*\d+)?)"

_ASKS = re.compile(
    r"\b(?:critical|stationary|turning|saddle)\s+points?\b|\bextrem(?:a|um|e\s+values?)\b|"
    r"\b(?:local|relative|absolute|global)\s+(?:max(?:ima|imum|imums|es)?|min(?:ima|imum|imums)?|extrem\w*)\b|"
    r"\b(?:max(?:imum)?\s+(?:and|&|/|or)\s+min(?:imum)?|min(?:imum)?\s+(?:and|&|/|or)\s+max(?:imum)?)(?:\s+values?)?\b|"
    r"\b(?:maximum|minimum|largest|smallest|greatest|least)\s+(?:possible\s+)?value\s+(?:of|that)\b|"
    r"\b(?:find|what(?:'s| is)|where(?:'s| is))\s+(?:the\s+)?(?:max(?:imum)?|min(?:imum)?)\s+(?:value\s+)?(?:of|for)\b|"
    r"\b(?:maximi[sz]e|minimi[sz]e)\b(?=[^.?!]*[a-z]\s*\^|[^.?!]*[a-z]\s*\()|"
    r"\bwhere\s+(?:is|does)\s+[a-z](?:\s*\(\s*[a-z]\s*\))?\s+(?:have\s+(?:its|a|an)\s+)?(?:max|min)\w*\b",
    re.I)
# the function: "f(x) = …", "f(x, y) = …", "y = …", or what follows "of" / "for" / ":" after the cue
_DEFINED = re.compile(r"\b(?:[fgh]|y)\s*(?:\(\s*(?P<vars>[a-z](?:\s*,\s*[a-z]){0,2})\s*\))?\s*=\s*(?P<expr>[^=]+)", re.I)
_AFTER_CUE = re.compile(r"\b(?:of|for)\s+(?:the\s+)?(?:function\s+|curve\s+|expression\s+|polynomial\s+)?"
                        r"(?P<expr>[^=]+)$|:\s*(?P<expr2>[^=]+)$", re.I)
# "on [a, b]", "on the (closed) interval [a, b]", "over [a, b]", "for a ≤ x ≤ b", "between x = a and x = b"
_CLOSED = re.compile(rf"\s*,?\s*(?:on|over|in)\s+(?:the\s+)?(?:closed\s+)?(?:interval\s+)?\[\s*(?P<a>{_BOUND})\s*,\s*"
                     rf"(?P<b>{_BOUND})\s*\]", re.I)
_CHAIN = re.compile(rf"\s*,?\s*(?:on|over|for|in|where|with)?\s*(?:the\s+(?:interval|range|domain)\s+)?(?P<a>{_BOUND})"
                    rf"\s*(?:≤|<=|⩽)\s*(?P<v>[a-z])\s*(?:≤|<=|⩽)\s*(?P<b>{_BOUND})", re.I)
_BETWEEN = re.compile(rf"\s*,?\s*(?:on|over|for)?\s*(?:the\s+interval\s+)?(?:between|from)\s+(?:[a-z]\s*=\s*)?"
                      rf"(?P<a>{_BOUND})\s+(?:and|to)\s+(?:[a-z]\s*=\s*)?(?P<b>{_BOUND})\b", re.I)
_OPEN = re.compile(rf"\b(?:on|over|in)\s+(?:the\s+)?(?:open\s+)?(?:interval\s+)?[(\]]\s*{_BOUND}\s*,\s*{_BOUND}\s*[)\[]|"
                   rf"{_BOUND}\s*<\s*[a-z]\s*<\s*{_BOUND}|\bopen\s+interval\b", re.I)
# what is asked after the function ("… and classify them", "… , which are maxima?"): not part of it
_TAIL = re.compile(r"\s*(?:[,;:.?!]|\band\b|\bthen\b|\s-+\s)\s*(?:then\s+)?(?:classify|determine|identify|say|state|"
                   r"tell|find|give|list|show|which|what|where|are|is|decide|check|use|and|the|its)\b.*$|"
                   r"\s+(?:have|has|attain|attains|reach|reaches|take|takes)\b.*$|\s*[?.!]+\s*$", re.I | re.S)


def _interval(question: str) -> tuple[str, str, tuple[int, int]] | None:
    for pattern in (_CLOSED, _CHAIN, _BETWEEN):
        m = pattern.search(question)
        if m:
            return _bound(m.group("a")), _bound(m.group("b")), m.span()
    return None


def _bound(text: str) -> str:
    text = re.sub(r"\s+", "", text).replace("−", "-").replace("π", "pi")
    return re.sub(r"(\d)(pi)", r"\1*\2", text)


def plan_extrema(question: str) -> list[Intent] | None:
    """The extrema intent of a question about critical points or extremes of a formula, or None."""
    from graphs.planning.nl_math import clean_expression, reads_as_maths

    q = question.strip()
    cue = _ASKS.search(q)
    if not cue or _OPEN.search(q):
        return None
    interval = _interval(q)
    text = q[:interval[2][0]] + q[interval[2][1]:] if interval else q
    defined = _DEFINED.search(text)
    if defined:
        body, named = defined.group("expr"), defined.group("vars")
    else:
        after = _AFTER_CUE.search(text[cue.end():])
        if not after:
            return None
        body, named = after.group("expr") or after.group("expr2"), None
    body = _TAIL.sub("", body)
    expression = clean_expression(body)
    if not expression or not reads_as_maths(expression):
        return None
    variables = re.split(r"\s*,\s*", named) if named else \
        sorted(set(re.findall(r"(?<![A-Za-z])([a-z])(?![A-Za-z(])", expression)) - {"e"})
    if not variables or len(variables) > 3:
        return None
    args: dict = {"expression": expression, "variables": variables}
    notes = []
    if interval:
        if len(variables) != 1:
            return None
        args["lower"], args["upper"] = interval[0], interval[1]
        notes.append(f"on the closed interval [{interval[0]}, {interval[1]}]: the ends are candidates for the "
                     "absolute maximum and minimum")
    return [Intent("extrema", args, notes=notes)]
