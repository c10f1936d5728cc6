"""Natural-language questions about critical points and extremes → the extrema intent.

"Find the critical points of f(x) = x^3 - 3x^2 - 9x + 5 and classify them", "max and min of x^3 - 3x on [-3, 2]",
"local extrema of f(x, y) = x^3 - 3xy + y^3": the function, its variables, and a closed interval when one is
given (then the absolute maximum and minimum on it are asked for too). Open and half-open intervals are read as
such ("for x > 0", "0 < x ≤ 5", "on (0, ∞)", "for positive x"): an open end is not a candidate, and the tool says
when an extreme is only approached there. A bound that is not a number is not guessed at.
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
    r"\b(?:maximum|minimum|largest|smallest|greatest|least)\s+(?:possible\s+)?value\s+(?:(?=of\b)|that\b)|"
    r"\b(?:find|what(?:'s| is)|where(?:'s| is))\s+(?:the\s+)?(?:max(?:imum)?|min(?:imum)?)\s+(?:value\s+)?(?:of|for)\b|"
    r"\b(?:maximi[sz]e|minimi[sz]e)\b(?=[^.?!]*[a-z]\s*\^|[^.?!]*[a-z]\s*\()|"
    r"\bwhere\s+(?:is|does)\s+[a-z](?:\s*\(\s*[a-z]\s*\))?\s+(?:have\s+(?:its|a|an)\s+)?(?:max|min)\w*\b|"
    r"^\s*(?:the\s+)?(?:max(?:imum)?|min(?:imum)?)\s+(?:value\s+)?(?=of\b)",
    re.I)
# with a named function defined in the question ("C(x) = 3x + 200/x^2"), a plain "minimum cost", "lowest cost",
# "maximum profit" asks for its extreme
_NAMED_FUNCTION = re.compile(r"\b[A-Za-z]\s*\(\s*[a-z]\s*\)\s*=")
_PLAIN_EXTREME = re.compile(r"\b(?:find|what(?:'s| is)|determine|compute|give)\s+(?:the\s+)?(?:max(?:imum)?|min(?:imum)?|"
                            r"lowest|highest|smallest|largest|least|greatest)\b|\b(?:maximi[sz]e|minimi[sz]e)\b", re.I)
# the function: "f(x) = …", "f(x, y) = …", "y = …", or what follows "of" / "for" / ":" after the cue
_DEFINED = re.compile(r"\b(?:(?:[fgh]|y)\s*(?:\(\s*(?P<vars>[a-z](?:\s*,\s*[a-z]){0,2})\s*\))?|[A-Z]\s*\(\s*(?P<vars2>[a-z])"
                      r"\s*\))\s*=\s*(?P<expr>[^=]+)", re.I)
_AFTER_CUE = re.compile(r"\b(?:of|for)\s+(?:the\s+)?(?:function\s+|curve\s+|expression\s+|polynomial\s+)?"
                        r"(?P<expr>[^=]+)$|:\s*(?P<expr2>[^=]+)$", re.I)
_INF = r"(?:[-+−]?\s*(?:∞|oo|inf(?:inity)?))"
_END = rf"(?:{_INF}|{_BOUND})"
_LE, _LT, _GE, _GT = r"(?:≤|<=|⩽|=<)", r"(?:<(?!=))", r"(?:≥|>=|⩾|=>)", r"(?:>(?!=))"
# "on [a, b]", "on the (closed) interval [a, b]", "over [a, b]", "for a ≤ x ≤ b", "between x = a and x = b"
_CLOSED = re.compile(rf"\s*,?\s*(?:on|over|in)\s+(?:the\s+)?(?:closed\s+)?(?:interval\s+)?\[\s*(?P<a>{_BOUND})\s*,\s*"
                     rf"(?P<b>{_BOUND})\s*\]", re.I)
# "on (0, 1)", "on the open interval (0, ∞)", "x in [1, oo)", "over (0, 5]": each end as its bracket says
_BRACKETS = re.compile(rf"\s*,?\s*(?:(?:on|over|in|for)\s+(?:the\s+)?(?:(?:half-)?open\s+|closed\s+)?(?:interval\s+)?|"
                       rf"(?:for|where|with)?\s*[a-z]\s*(?:in|∈)\s+)(?P<l>[(\[])\s*(?P<a>{_END})\s*,\s*(?P<b>{_END})\s*"
                       rf"(?P<r>[)\]])", re.I)
_CHAIN = re.compile(rf"\s*,?\s*(?:on|over|for|in|where|with)?\s*(?:the\s+(?:interval|range|domain)\s+)?(?P<a>{_BOUND})"
                    rf"\s*(?P<lo>{_LE}|{_LT})\s*(?P<v>[a-z])\s*(?P<hi>{_LE}|{_LT})\s*(?P<b>{_BOUND})", re.I)
# "for x > 0", "where x ≥ 1", "with x < 3": a half-line
_SIDE = re.compile(rf"\s*,?\s*(?:on|over|for|in|where|with|when)?\s*(?:all\s+)?(?:the\s+(?:region|domain)\s+)?"
                   rf"(?P<v>[a-z])\s*(?P<op>{_GE}|{_GT}|{_LE}|{_LT})\s*(?P<a>{_BOUND})(?![\w^*/(]|\.\d)", re.I)
# "for positive x", "x positive", "for x positive", "for non-negative x"
_POSITIVE = re.compile(r"\s*,?\s*(?:for|over|on|with|where)?\s*(?:all\s+)?(?:(?P<sign>positive|non-?negative)\s+"
                       r"(?:real\s+)?(?:values\s+of\s+)?(?P<v>[a-z])\b|(?P<v2>[a-z])\s+(?:is\s+)?(?P<sign2>positive|"
                       r"non-?negative)\b)", re.I)
_BETWEEN = re.compile(rf"\s*,?\s*(?:on|over|for)?\s*(?:the\s+interval\s+)?(?:between|from)\s+(?:[a-z]\s*=\s*)?"
                      rf"(?P<a>{_BOUND})\s+(?:and|to)\s+(?:[a-z]\s*=\s*)?(?P<b>{_BOUND})\b", re.I)


# what is asked after the function ("… and classify them", "… , which are maxima?"): not part of it
_TAIL = re.compile(r"\s*(?:[,;:.?!]|\band\b|\bthen\b|\s-+\s)\s*(?:then\s+)?(?:classify|determine|identify|say|state|"
                   r"tell|find|give|list|show|which|what|where|are|is|decide|check|use|and|the|its)\b.*$|"
                   r"\s+(?:have|has|attain|attains|reach|reaches|take|takes)\b.*$|\s*[?.!]+\s*$", re.I | re.S)


def _interval(question: str) -> tuple[dict, tuple[int, int]] | None:
    """The interval x ranges over, as extrema arguments (lower, upper, lower_open, upper_open), and its span."""
    m = _CLOSED.search(question)
    if m:
        return {"lower": _bound(m.group("a")), "upper": _bound(m.group("b"))}, m.span()
    m = _BRACKETS.search(question)
    if m:
        args: dict = {}
        if not _infinite(m.group("a")):
            args["lower"] = _bound(m.group("a"))
            if m.group("l") == "(":
                args["lower_open"] = True
        if not _infinite(m.group("b")):
            args["upper"] = _bound(m.group("b"))
            if m.group("r") == ")":
                args["upper_open"] = True
        return (args, m.span()) if args else None
    m = _CHAIN.search(question)
    if m:
        args = {"lower": _bound(m.group("a")), "upper": _bound(m.group("b"))}
        if re.fullmatch(_LT, m.group("lo")):
            args["lower_open"] = True
        if re.fullmatch(_LT, m.group("hi")):
            args["upper_open"] = True
        return args, m.span()
    m = _SIDE.search(question)
    if m:
        op, end = m.group("op"), _bound(m.group("a"))
        if re.fullmatch(f"{_GE}|{_GT}", op):
            return ({"lower": end, **({"lower_open": True} if re.fullmatch(_GT, op) else {})}, m.span())
        return ({"upper": end, **({"upper_open": True} if re.fullmatch(_LT, op) else {})}, m.span())
    m = _POSITIVE.search(question)
    if m:
        sign = (m.group("sign") or m.group("sign2")).lower()
        return ({"lower": "0", **({"lower_open": True} if sign == "positive" else {})}, m.span())
    m = _BETWEEN.search(question)
    if m:
        return {"lower": _bound(m.group("a")), "upper": _bound(m.group("b"))}, m.span()
    return None


def _prose_after(body: str) -> str:
    """The formula without the words after it: "3x + 200/x^2 to make" → "3x + 200/x^2" (the maths reader's cut)."""
    from graphs.planning.nl_math import _prose_cut

    cut = _prose_cut(body)
    return body if cut is None else body[:cut].rstrip(" ,;:")


def _infinite(text: str) -> bool:
    return re.fullmatch(_INF, text.strip(), re.I) is not None


def _bound(text: str) -> str:
    text = re.sub(r"\s+", "", text).replace("−", "-").replace("π", "pi")
    return re.sub(r"(\d)(pi)", r"\1*\2", text)


def plan_extrema(question: str) -> list[Intent] | None:
    """The extrema intent of a question about critical points or extremes of a formula, or None."""
    from graphs.planning.nl_math import clean_expression, reads_as_maths

    q = question.strip()
    cue = _ASKS.search(q) or (_NAMED_FUNCTION.search(q) and _PLAIN_EXTREME.search(q))
    if not cue:
        return None
    interval = _interval(q)
    text = q[:interval[1][0]] + q[interval[1][1]:] if interval else q
    defined = _DEFINED.search(text)
    if defined:
        body, named = defined.group("expr"), defined.group("vars") or defined.group("vars2")
    else:
        after = _AFTER_CUE.search(text[cue.end():])
        if not after:
            return None
        body, named = after.group("expr") or after.group("expr2"), None
    body = _prose_after(_TAIL.sub("", body))
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
        bounds = interval[0]
        args.update(bounds)
        lower, upper = bounds.get("lower"), bounds.get("upper")
        shown = (("(" if bounds.get("lower_open") or lower is None else "[") + f"{lower or '-oo'}, {upper or 'oo'}"
                 + (")" if bounds.get("upper_open") or upper is None else "]"))
        if shown.startswith("[") and shown.endswith("]"):
            notes.append(f"on the closed interval {shown}: the ends are candidates for the absolute maximum and "
                         "minimum")
        else:
            notes.append(f"on {shown}: an open end is not a candidate, so an absolute extreme may not be attained")
    return [Intent("extrema", args, notes=notes)]
