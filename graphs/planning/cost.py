"""A cost per run (or per unit measured) that the question asks to total → the `cost` option of a design or a sample
size, whose result then states the total cost.

"Each run costs $85. How many runs, and what's the cost?" asks for runs × 85. Said without asking ("scrap costs us
$12.50 a part", "each day costs ~1200 EUR"), a cost is context and no option is set: the answer does not total what
nobody asked for.
"""

from __future__ import annotations

import re
from decimal import Decimal

from graphs.planning.extract import NUM, to_decimal

_THING = (r"(?:run|trial|experiment|measurement|test|unit|part|sample|coupon|specimen|piece|item|bag|bottle|board|"
          r"panel|observation|reading|response|survey|interview)")
_MONEY = r"(?:[$€£]|\b(?:eur|usd|gbp|chf)\b)"
_PER = re.compile(
    # "each run costs $85", "every measurement costs EUR 18", "one test is £40"
    rf"\b(?:each|every|one|a|per)\s+{_THING}s?(?:\s+(?:weighed|measured|tested|made|run|checked|sampled))?\s+"
    rf"(?:costs?|is|=|will\s+cost|would\s+cost)\s*(?:about\s+|around\s+|roughly\s+|"
    rf"~\s*)?{_MONEY}?\s*(?P<a>{NUM})|"
    # "$85 per run", "18 EUR a measurement", "cost of 350 per run", "costs 40 dollars each test"
    rf"(?:{_MONEY}\s*(?P<b>{NUM})|(?<![\w.])(?P<c>{NUM})\s*(?:{_MONEY}|dollars?|euros?|pounds?)|"
    rf"\bcosts?\s+(?:is\s+|of\s+)?(?:about\s+|around\s+)?(?P<d>{NUM}))\s*(?:per|a|an|each|/)\s*{_THING}\b",
    re.I)
_ASKED = re.compile(r"\b(?:what(?:'s|\s+is|\s+will|\s+would)?|how\s+much)\b[^.?!]{0,50}\bcost|\btotal\s+cost\b|"
                    r"\b(?:and|plus)\s+(?:the\s+|its\s+)?cost\b|\bcost\s+(?:in\s+total|altogether|overall)\b|"
                    r"\bhow\s+much\s+(?:will|would)\s+(?:it|that|this)\s+(?:cost|set\s+us\s+back)\b", re.I)


def cost_asked(question: str) -> tuple[Decimal, str] | None:
    """(cost of one run or unit, its phrase) when the question gives it and asks for the total cost, else None."""
    if not _ASKED.search(question):
        return None
    m = _PER.search(question)
    if not m:
        return None
    value = to_decimal(next(g for g in (m.group("a"), m.group("b"), m.group("c"), m.group("d")) if g is not None))
    return (value, m.group(0).strip()) if value > 0 else None
