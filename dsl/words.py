"""Grammar terminals in words, for error messages a process engineer can read.

Lark reports what it expected as terminal names (`NUMBER`, `__ANON_0`,
`CENTER_POINTS`); nobody should ever see those. Keywords are shown as the word
itself, enumerations with their choices, punctuation as the character.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping
from typing import Any

ENUMERATIONS = {
    "DESIGN_KIND": "a design kind (full_factorial, fractional_factorial, plackett_burman, box_behnken, "
    "central_composite, latin_hypercube)",
    "FACE": "a face (circumscribed, inscribed, faced)",
    "ALPHA_KIND": "rotatable, orthogonal",
    "METHOD": "a method (effects, anova, surface, curvature)",
    "CHART_KIND": "a chart type (xbar_r, xbar_s, imr, p, np, c, u, ewma, cusum)",
    "RULESET": "a rule set (western_electric, nelson, none)",
    "TTEST_KIND": "a t-test kind (one_sample, paired, pooled, welch)",
    "RANKTEST_KIND": "a rank test (mann_whitney, signed_rank, sign)",
    "PROP_METHOD": "a proportion test method (auto, exact, score, z, fisher)",
    "RANK_METHOD": "a rank test method (auto, exact, normal)",
    "SIGMA_KIND": "which standard deviation (overall, within)",
    "POWER_KIND": "a power calculation (one_sample_t, paired_t, two_sample_t, two_proportions, anova)",
    "POWER_METHOD": "a two-proportion power method (normal, arcsine)",
    "SIZE_TARGET": "what is estimated (mean, proportion)",
    "MCNEMAR_METHOD": "a McNemar method (auto, exact, corrected, uncorrected)",
    "SIZE_METHOD": "a sample-size method (z, t)",
    "ALTERNATIVE": "an alternative (two_sided, less, greater)",
    "SIDE": "a side (left, right)",
    "REAL": "real (real solutions only)",
    "SPREAD": "rbar or sbar (the average range or standard deviation)",
    "LHS_CRITERION": "a criterion (random, center, maximin, centermaximin, correlation)",
    "NORMALITY_TEST": "a test (shapiro_wilk, anderson_darling)",
    "LEVENE_CENTER": "a centre for Levene's test (median: Brown-Forsythe, the default; mean: Levene's original)",
    "VARIANCE_METHOD": "a test of variances (f, bartlett)",
    "CORRELATION_METHOD": "a correlation (pearson, spearman, kendall)",
    "SIMPLIFY_METHOD": "a method (simplify, expand, factor, trigsimp, cancel, apart, together, radsimp, powsimp, "
    "logcombine, expand_trig, expand_log)",
    "MATRIX_OP": "an operation (determinant, inverse, eigenvalues, eigenvectors, rank, transpose, trace, rref)",
    "NAME": "a name",
    "NUMBER": "a number",
    "STRING": 'a quoted string ("...")',
    "$END": "the end of the program",
}

# the words that start a statement: when most of them are possible we say "a new statement"
STATEMENT_KEYWORDS = frozenset({
    "let", "design", "analyze", "properties", "curvature", "surface", "chart", "apply", "capability", "constants", "ttest",
    "ranktest", "proptest", "summary", "power", "samplesize",
    "anova", "levene", "variances", "correlation", "kruskal", "friedman", "mcnemar", "normality", "chisquare", "regression", "describe", "derivative",
    "integral", "solve", "simplify", "limit", "extrema", "series", "sum", "matrix", "evaluate",
})
# the tokens that can start a data source, said once as "data (...)"
DATA_STARTERS = frozenset({"[", "table", "from", "column", "columns"})
DATA_WORDS = 'data (a list [...], a table, a name bound by `let`, or from "file.csv" column x)'
OPERATORS = frozenset({"+", "-", "*", "/", "^", "**"})


def _literal(name: str, terminals: Mapping[str, Any]) -> str | None:
    term = terminals.get(name)
    if term is None or type(term.pattern).__name__ != "PatternStr":
        return None
    return term.pattern.value


def describe_expected(expected: Iterable[str], terminals: Mapping[str, Any]) -> str:
    """'a number or `..`', 'a design kind (...)', 'a new statement or the end of the program'."""
    names = set(expected)
    words: list[str] = []
    literals = {n: _literal(n, terminals) for n in names}
    starters = {n for n, lit in literals.items() if lit and lit.lower() in STATEMENT_KEYWORDS}
    operators = {n for n, lit in literals.items() if lit in OPERATORS}
    end = "$END" in names
    collapse_statements = len(starters) >= 5
    data_words = {n for n, lit in literals.items() if lit in DATA_STARTERS}
    collapse_data = len(data_words) == len(DATA_STARTERS) and "NAME" in names
    if collapse_data:
        names -= data_words | {"NAME"}
        words.append(DATA_WORDS)
    if "NUMBER" in names:  # a negative number is still "a number"
        names -= {n for n, lit in literals.items() if lit == "-"}
    collapse_operators = len(operators) >= 4
    for name in sorted(names, key=lambda n: _rank(n, literals.get(n))):
        if name == "$END" or (collapse_statements and name in starters) or (collapse_operators and name in operators):
            continue
        if name in ENUMERATIONS:
            words.append(ENUMERATIONS[name])
        elif literals.get(name) is not None:
            words.append(f"`{literals[name]}`")
        else:
            words.append(name.lower())
    if collapse_operators:
        words.append("an operator (+ - * / ^)")
    if collapse_statements:
        words.append("a new statement (let, design, chart, ttest, ...)")
    if end:
        words.append(ENUMERATIONS["$END"])
    if not words:
        return "nothing more here"
    if len(words) > 8:
        words = words[:7] + ["..."]
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " or " + words[-1]


def _rank(name: str, literal: str | None) -> tuple[int, str]:
    if name in ("NUMBER", "NAME", "STRING"):
        return 0, name
    if name in ENUMERATIONS:
        return 1, name
    if literal is not None and literal[:1].isalpha():
        return 2, literal
    return 3, literal or name


def hint(token: Any, allowed: set[str], terminals: Mapping[str, Any], before: str) -> str:
    """A likely fix for the commonest slips: a misspelt keyword or choice, `2x` for `2*x`."""
    value = str(token)
    if token.type == "NAME" or token.type in ENUMERATIONS:
        words = [lit for n in allowed if (lit := _literal(n, terminals)) and lit[:1].isalpha()]
        for name in allowed:
            if name in ENUMERATIONS and "(" in ENUMERATIONS[name]:
                words += [w.strip() for w in ENUMERATIONS[name].split("(", 1)[1].rstrip(")").split(",")]
            elif name == "ALPHA_KIND":
                words += ["rotatable", "orthogonal"]
        close = difflib.get_close_matches(value.lower(), words, n=1, cutoff=0.6)
        if close:
            return f" (did you mean `{close[0]}`?)"
    multiply = _literal_name("*", terminals)
    if multiply in allowed and token.type in ("NAME", "NUMBER", "LPAR") and (before[-1:].isalnum() or before.endswith(")")):
        return " (write multiplication with `*`, as in `2*x`)"
    return ""


def _literal_name(literal: str, terminals: Mapping[str, Any]) -> str | None:
    return next((n for n in terminals if _literal(n, terminals) == literal), None)


def describe_token(token: Any, terminals: Mapping[str, Any]) -> str:
    """'number 3', 'name `foo`', '`design`', 'string "x"', 'the end of the program'."""
    kind = token.type
    value = str(token)
    if kind == "$END":
        return ENUMERATIONS["$END"]
    if kind == "NUMBER":
        return f"number {value}"
    if kind == "NAME":
        return f"name `{value}`"
    if kind == "STRING":
        shown = value if len(value) <= 40 else value[:37] + '..."'
        return f"string {shown}"
    if kind in ENUMERATIONS:
        return f"word `{value}`"
    return f"`{value}`"
