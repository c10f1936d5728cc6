"""The Friedman test by name → the friedman intent: k treatments, each measured once in every block.

"Friedman test: five tasters scored the same three recipes" with a table (one row per taster, one column per recipe)
or one line per block ("Judge 1: 7, 8, 6") or one line per treatment ("Recipe A: 7 5 8 6 9", the blocks in the same
order on every line). Which way the lines run is read from their names: judges, subjects, batches, days … are
blocks; anything else is a treatment. Ragged rows are refused: the test needs every treatment in every block.
"""

from __future__ import annotations

import re
from decimal import Decimal

from graphs.planning.extract import pasted_table
from graphs.planning.intent import Intent
from tools.errors import HavocInputError

FRIEDMAN = re.compile(r"\bfriedman", re.I)
_BLOCK_NAMES = re.compile(r"^(?:judge|rater|assessor|panell?ist|taster|subject|participant|patient|person|operator|"
                          r"inspector|batch|lot|day|week|shift|block|plot|field|site|store|student|car|animal|"
                          r"specimen|sample|bar|coupon|wafer)s?\b", re.I)


def _numbers(cells: list[str]) -> list[Decimal] | None:
    try:
        return [Decimal(c.replace("−", "-")) for c in cells]
    except ArithmeticError:
        return None


def plan_friedman(question: str) -> list[Intent] | None:
    if not FRIEDMAN.search(question):
        return None
    from graphs.planning.nl_stats import _groups

    table = pasted_table(question)
    if table is not None and table.header:
        label_first = _numbers([r[0] for r in table.rows]) is None or bool(_BLOCK_NAMES.match(table.header[0]))
        body = [r[1:] for r in table.rows] if label_first else table.rows
        names = table.header[1:] if label_first else table.header
        rows = [_numbers(r) for r in body]
        if all(rows) and len(names) >= 2 and len(rows) >= 2:
            treatments = [[row[j] for row in rows] for j in range(len(names))]
            return [Intent("friedman", {"groups": treatments},
                           notes=[f"one row per block ({len(rows)}), one column per treatment ({', '.join(names)}): "
                                  "ranked within each block"])]
    groups = _groups(question)
    if len(groups) < 2:
        return None
    lengths = {len(values) for _, values in groups}
    if len(lengths) != 1:
        raise HavocInputError("the Friedman test needs every treatment in every block: the lines have "
                              + ", ".join(str(len(v)) for _, v in groups) + " values", field="groups")
    if all(_BLOCK_NAMES.match(str(name)) for name, _ in groups):
        k = lengths.pop()
        treatments = [[values[j] for _, values in groups] for j in range(k)]
        return [Intent("friedman", {"groups": treatments},
                       notes=[f"one line per block ({', '.join(str(n) for n, _ in groups[:3])} …), the {k} treatments "
                              "in the same order on each: ranked within each block"])]
    return [Intent("friedman", {"groups": [values for _, values in groups]},
                   notes=[f"one line per treatment ({', '.join(str(n) for n, _ in groups)}), the blocks in the same "
                          "order on every line: ranked within each block"])]
