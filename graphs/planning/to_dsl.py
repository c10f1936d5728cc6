"""Write planner intents as a HAVOC DSL program (docs/dsl.md is the reference).

The program, not the intents, is what EXECUTE runs: the user sees, and can
rerun, exactly what was computed.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from graphs.planning.intent import Intent

FUNCTIONS = {"sin", "cos", "tan", "sec", "csc", "cot", "sinh", "cosh", "tanh", "asin", "acos", "atan",
             "arcsin", "arccos", "arctan", "exp", "ln", "log", "sqrt", "abs", "floor", "ceiling", "sign",
             "gamma", "erf", "factorial", "asinh", "acosh", "atanh", "cbrt", "root", "max", "min"}
_TOKEN = re.compile(r"\s*(?:(?P<num>\d+\.?\d*(?:[eE][-+]?\d+)?|\.\d+)|(?P<name>[A-Za-z_][A-Za-z0-9_]*)|(?P<op>\*\*|[-+*/^(),=]))")


def number(value: Any) -> str:
    if isinstance(value, bool):
        raise TypeError("a boolean is not a number")
    if isinstance(value, Decimal):
        text = format(value, "f") if abs(value.as_tuple().exponent) < 20 else str(value)
    elif isinstance(value, float):
        text = repr(value)
    else:
        text = str(value)
    return text


def numbers(values: list) -> str:
    return "[" + ", ".join(number(v) for v in values) + "]"


def label(value: Any) -> str:
    """A quoted DSL string on one line."""
    text = " ".join(str(value).split())
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def rows(values: list[list]) -> str:
    return "[" + ", ".join(numbers(r) for r in values) + "]"


def explicit_multiplication(expression: str) -> str:
    """`2x sin(x)` → `2*x*sin(x)`: the DSL's formula grammar, like a calculator, wants the `*`."""
    tokens: list[tuple[str, str]] = []
    pos = 0
    text = expression.strip()
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        if not m or m.end() == pos:
            return expression  # unknown character: let the parser report it with a column
        kind = m.lastgroup
        tok = m.group(kind)
        # split a run like `2x` (number immediately followed by a name) is handled by the regex already
        tokens.append((kind, tok))
        pos = m.end()
    out: list[str] = []
    prev: tuple[str, str] | None = None
    for kind, tok in tokens:
        if prev is not None:
            left_operand = prev[0] == "num" or (prev[0] == "name" and prev[1] not in FUNCTIONS) or prev[1] == ")"
            right_operand = kind in ("num", "name") or tok == "("
            if left_operand and right_operand:
                out.append("*")
        out.append(tok)
        prev = (kind, tok)
    joined = "".join(f" {t} " if t in "+-=," else t for t in out)
    return re.sub(r"\s+", " ", joined).replace("( ", "(").replace(" )", ")").strip()


def _factors(spec: Any) -> list[str]:
    if isinstance(spec, int):
        return [f"factors {spec}"]
    lines = []
    for f in spec:
        line = f"factor {f['name']}"
        if f.get("levels") is not None:
            line += " levels [" + ", ".join(label(v) if isinstance(v, str) else number(v) for v in f["levels"]) + "]"
        elif f.get("low") is not None:
            line += f" {number(f['low'])} .. {number(f['high'])}"
            if f.get("units"):
                line += f' "{f["units"]}"'
        lines.append(line)
    return lines


def design(args: dict) -> str:
    items = []
    factors = args.get("factors", 3)
    if args.get("levels") and isinstance(factors, int):
        names = [chr(ord("A") + i) for i in range(factors)]
        levels = list(range(args["levels"]))
        items += [f"factor {n} levels {numbers(levels)}" for n in names]
    elif args.get("levels") and args["levels"] != 2:
        # "a 3-level full factorial for speed and feed": each named factor at that many levels, evenly spaced
        # between its low and high where given, else numbered 0 .. n-1
        n = int(args["levels"])
        spread = []
        for f in factors:
            if f.get("levels") is None and f.get("low") is not None:
                low, high = Decimal(str(f["low"])), Decimal(str(f["high"]))
                f = {**f, "levels": [low + (high - low) * i / (n - 1) for i in range(n)]}
            elif f.get("levels") is None:
                f = {**f, "levels": list(range(n))}
            spread.append(f)
        items += _factors(spread)
    else:
        items += _factors(factors)
    for gen in args.get("generators") or []:
        left, right = gen.replace(" ", "").split("=")
        items.append(f"generator {left} = {right.lstrip('-')}" if not right.startswith("-")
                     else f"generator {left} = -{right[1:]}")
    for key, word in (("resolution", "resolution"), ("center_points", "center_points"),
                      ("replicates", "replicates"), ("samples", "samples"), ("blocks", "blocks"), ("runs", "runs")):
        if args.get(key) is not None:
            items.append(f"{word} {number(args[key])}" + (" once" if key == "center_points" and args.get("center_once")
                                                         else "")
                         + (f" confounding {', '.join(args['block_generators'])}" if key == "blocks"
                            and args.get("block_generators") else ""))
    if args.get("face"):
        items.append(f"face {args['face']}")
    if args.get("alpha") is not None:
        items.append(f"alpha {args['alpha'] if isinstance(args['alpha'], str) else number(args['alpha'])}")
    if args.get("randomize"):
        items.append("randomize" + (f" seed {number(args['seed'])}" if args.get("seed") is not None else ""))
    if args.get("cost_per_run") is not None:
        items.append(f"cost {number(args['cost_per_run'])}")
    body = "\n".join(f"    {i}" for i in items)
    return f"design {args['design']} {{\n{body}\n}}"


def chart(args: dict) -> str:
    kind = args["chart"]
    if args.get("subgroups") is not None:
        source = rows(args["subgroups"])
    elif args.get("values") is not None:
        source = numbers(args["values"])
    else:
        source = numbers(args["counts"])
    text = f"chart {kind} {source}"
    if args.get("sizes") is not None:
        sizes = args["sizes"]
        text += f" sizes {number(sizes[0])}" if len(set(map(str, sizes))) == 1 else f" sizes {numbers(sizes)}"
    if args.get("k_sigma") is not None:
        text += f" k_sigma {number(args['k_sigma'])}"
    if args.get("center") is not None:  # known standards instead of estimates
        text += f" center {number(args['center'])}"
    if args.get("sigma") is not None:
        text += f" std_dev {number(args['sigma'])}"
    if args.get("exclude"):
        text += f" exclude {numbers(args['exclude'])}"
    if args.get("phase2_subgroups") is not None:  # new points judged against the limits of the first data
        text += f" phase2 {rows(args['phase2_subgroups'])}"
    for key in ("phase2_values", "phase2_counts"):
        if args.get(key) is not None:
            text += f" phase2 {numbers(args[key])}"
    for key, word in (("lambda", "lambda"), ("k", "k"), ("h", "h")):  # the EWMA's weight, the CUSUM's k and h
        if args.get(key) is not None:
            text += f" {word} {number(args[key])}"
    text += f" rules {args.get('rules', 'western_electric')}"
    return text


def capability(args: dict) -> str:
    text = "capability " + (rows(args["subgroups"]) if args.get("subgroups") is not None else numbers(args["data"]))
    for key in ("lsl", "usl", "target", "confidence", "sigma_within"):
        if args.get(key) is not None:
            text += f" {key} {number(args[key])}"
    return text


def _samples_test(head: str, args: dict) -> str:
    """`HEAD x [and y] [mu m] [alternative …] [confidence c]`: the t-tests and the rank tests alike."""
    text = f"{head} {numbers(args['x'])}"
    if args.get("y") is not None:
        text += f" and {numbers(args['y'])}"
    if args.get("mu") is not None:
        text += f" mu {number(args['mu'])}"
    return text + _alternative_and_confidence(args)


def t_test(args: dict) -> str:
    return _samples_test(f"ttest {args['kind']}", args)


RANK_KINDS = {"mann_whitney": "mann_whitney", "wilcoxon_signed_rank": "signed_rank", "sign_test": "sign"}


def rank_test(tool: str, args: dict) -> str:
    text = _samples_test(f"ranktest {RANK_KINDS[tool]}", args)
    text += f" method {args['method']}" if args.get("method") else ""
    if args.get("correct") is not None:
        text += " with correction" if args["correct"] else " without correction"
    return text


def _alternative_and_confidence(args: dict) -> str:
    text = ""
    alt = str(args.get("alternative") or "two-sided").replace("-", "_")
    if alt != "two_sided":
        text += f" alternative {alt}"
    if args.get("confidence") is not None:
        text += f" confidence {number(args['confidence'])}"
    return text


def correlation(args: dict) -> str:
    text = f"correlation {numbers(args['x'])} and {numbers(args['y'])}"
    if args.get("method") not in (None, "pearson"):
        text += f" method {args['method']}"
    return text + _alternative_and_confidence(args)


def variance_test(args: dict) -> str:
    """`variances GROUPS method f|bartlett`: the method is always written (the F test takes two groups only)."""
    return f"variances {rows(args['groups'])} method {args.get('method') or 'f'}" + _alternative_and_confidence(args)


# ---------------------------------------------------------------- proportions, summary figures, power


def proportion_test(args: dict) -> str:
    text = "proptest " + " and ".join(f"{number(x)} of {number(n)}" for x, n in zip(args["x"], args["n"], strict=True))
    if args.get("p0") is not None:
        text += f" p0 {number(args['p0'])}"
    if args.get("method") not in (None, "auto"):
        text += f" method {args['method']}"
    text += _alternative_and_confidence(args)
    if args.get("correct"):
        text += " with correction"
    return text


def summary_t_test(args: dict) -> str:
    def sample(suffix: str) -> str:
        return f"mean {number(args['mean' + suffix])} sd {number(args['sd' + suffix])} size {number(args['n' + suffix])}"

    text = f"summary ttest {args['kind']} {sample('')}"
    if args.get("mean2") is not None:
        text += f" and {sample('2')}"
    if args.get("mu") is not None:
        text += f" mu {number(args['mu'])}"
    return text + _alternative_and_confidence(args)


def summary_capability(args: dict) -> str:
    spread = next((k for k in ("rbar", "sbar") if args.get(k) is not None), None)
    text = f"summary capability mean {number(args['mean'])} " + (
        f"sd {number(args['sd'])}" if spread is None else
        f"{spread} {number(args[spread])} subgroup {number(args['subgroup'])}")
    if args.get("sigma") is not None:
        text += f" sigma {args['sigma']}"
    if args.get("sd_within") is not None:
        text += f" sigma_within {number(args['sd_within'])}"
    for key in ("lsl", "usl", "target"):
        if args.get(key) is not None:
            text += f" {key} {number(args[key])}"
    return text


def power(args: dict) -> str:
    text = f"power {args['test']}"
    for key, word in (("effect_size", "effect"), ("delta", "delta"), ("sd", "sd"), ("p1", "p1"), ("p2", "p2"),
                      ("n", "size"), ("power", "for power"), ("alpha", "alpha"), ("groups", "groups"),
                      ("ratio", "ratio")):
        if args.get(key) is not None:
            text += f" {word} {number(args[key])}"
    alt = str(args.get("alternative", "two-sided")).replace("-", "_")
    if alt != "two_sided":
        text += f" alternative {alt}"
    if args.get("method") not in (None, "normal"):
        text += f" method {args['method']}"
    if args.get("means") is not None:
        text += " means [" + ", ".join(number(m) for m in args["means"]) + "]"
    if args.get("cost_per_unit") is not None:
        text += f" cost {number(args['cost_per_unit'])}"
    return text


def sample_size_ci(args: dict) -> str:
    text = f"samplesize {args['target']}"
    for key in ("margin", "width", "sd", "p", "confidence"):
        if args.get(key) is not None:
            text += f" {key} {number(args[key])}"
    if args.get("method") not in (None, "z"):
        text += f" method {args['method']}"
    if args.get("population") is not None:
        text += f" population {number(args['population'])}"
    if args.get("cost_per_unit") is not None:
        text += f" cost {number(args['cost_per_unit'])}"
    return text


def summary_chart(args: dict) -> str:
    if args.get("total") is not None:  # p, np, c, u from a total count over equal subgroups
        size = f" subgroup {number(args['n'])}" if args.get("n") is not None else ""
        return f"summary chart {args['chart']}{size} total {number(args['total'])} subgroups {args['subgroups']}"
    spread = f"rbar {number(args['r_bar'])}" if args.get("r_bar") is not None else f"sbar {number(args['s_bar'])}"
    text = f"summary chart {args['chart']} subgroup {args['n']} mean {number(args['grand_mean'])} {spread}"
    return text + (f" subgroups {args['subgroups']}" if args.get("subgroups") is not None else "")


SUMMARY_WRITERS = {"proportion_test": proportion_test, "summary_t_test": summary_t_test,
                   "summary_capability": summary_capability, "summary_chart": summary_chart, "power": power,
                   "sample_size_ci": sample_size_ci}


def regression(args: dict) -> str:
    x = rows(args["X"]) if args.get("X") is not None else numbers(args["x"])
    text = f"regression {numbers(args['y'])} on {x}"
    if args.get("degree", 1) != 1:
        text += f" degree {args['degree']}"
    if args.get("intercept") is False:
        text += " without intercept"
    if args.get("at") is not None:  # new predictor values: fitted mean, CI and prediction interval
        at = args["at"]
        text += f" at {rows(at) if at and isinstance(at[0], list) else numbers(at)}"
    if args.get("confidence") is not None:
        text += f" confidence {number(args['confidence'])}"
    return text


def chi_square(args: dict) -> str:
    if args.get("table") is not None:
        text = f"chisquare {rows(args['table'])}"
    else:
        observed = args["observed"]
        expected = args.get("expected")
        if expected is None and args.get("probabilities") is not None:  # stated proportions → expected counts
            shares = [Decimal(str(v)) for v in args["probabilities"]]
            total = sum(Decimal(str(v)) for v in observed)
            expected = [(share / sum(shares) * total).normalize() for share in shares]
        if expected is None:  # goodness of fit to equal proportions: the DSL states the expectation
            share = sum(Decimal(str(v)) for v in observed) / len(observed)
            expected = [share.normalize()] * len(observed)
        text = f"chisquare {numbers(observed)} expected {numbers(expected)}"
    if args.get("correction") is not None:  # Yates's continuity correction: the tool's default is off
        text += " with correction" if args["correction"] else " without correction"
    return text


def anova_two_way(args: dict) -> str:
    """`anova two_way Y by A and B`; a factor with a name is bound to it first (`let catalyst = [...]`), so that
    the ANOVA table names the factors as the user did."""
    lines, sources = [], []
    for key, levels in (("factor_a", args["a"]), ("factor_b", args["b"])):
        listed = "[" + ", ".join(label(v) for v in levels) + "]"
        if args.get(key):
            lines.append(f"let {args[key]} = {listed}")
            sources.append(args[key])
        else:
            sources.append(listed)
    text = f"anova two_way {numbers(args['y'])} by {sources[0]} and {sources[1]}"
    if args.get("interaction") is False:
        text += " without interaction"
    if args.get("ss_type"):
        text += " ss " + {1: "sequential", 2: "hierarchical", 3: "adjusted"}[int(args["ss_type"])]
    return "\n".join([*lines, text])


def _vars(args: dict, key: str = "variable") -> str:
    value = args.get(key) or args.get("variables") or "x"
    return ", ".join(value) if isinstance(value, list) else value


def _point(args: dict) -> str:
    at = args.get("at") or {}
    return " at " + ", ".join(f"{k} = {explicit_multiplication(str(v))}" for k, v in at.items()) if at else ""


def symbolic(tool: str, args: dict) -> str:
    expr = explicit_multiplication(str(args.get("expression", "")))
    if tool == "differentiate":
        order = f" order {args['order']}" if args.get("order", 1) != 1 else ""
        return f"derivative of {expr} by {_vars(args)}{order}{_point(args)}"
    if tool == "integrate":
        bounds = ""
        if args.get("lower") is not None:
            bounds = f" from {_bound(args['lower'])} to {_bound(args['upper'])}"
        return f"integral of {expr} by {_vars(args)}{bounds}"
    if tool == "limit":
        side = {"+": " from right", "-": " from left"}.get(args.get("direction", ""), "")
        return f"limit of {expr} as {_vars(args)} to {_bound(args['point'])}{side}"
    if tool == "extrema":
        bounds = ""
        lower, upper = args.get("lower"), args.get("upper")
        if args.get("lower_open") or args.get("upper_open") or (lower is None) != (upper is None):
            left = "(" if args.get("lower_open") or lower is None else "["
            right = ")" if args.get("upper_open") or upper is None else "]"
            bounds = (f" over {left}{'-oo' if lower is None else _bound(lower)}, "
                      f"{'oo' if upper is None else _bound(upper)}{right}")
        elif lower is not None:
            bounds = f" from {_bound(lower)} to {_bound(upper)}"
        return f"extrema of {expr} by {_vars(args, 'variables')}{bounds}"
    if tool == "summation":
        return f"sum of {expr} for {_vars(args)} from {_bound(args['lower'])} to {_bound(args['upper'])}"
    if tool == "series":
        return f"series of {expr} around {_vars(args)} = {_bound(args.get('point', 0))} order {args.get('order', 6)}"
    if tool == "simplify":
        method = args.get("method") or "simplify"
        return f"simplify {expr}" + (f" method {method}" if method != "simplify" else "") + _point(args)
    if tool == "solve":
        eqs = args["equations"] if isinstance(args["equations"], list) else [args["equations"]]
        eq_text = ", ".join(explicit_multiplication(e) for e in eqs)
        names = args.get("variables") or _guess_variables(eqs)
        return f"solve {eq_text} for {', '.join(names)}" + (" real" if args.get("domain") == "real" else "")
    if tool == "evaluate":
        at = ", ".join(f"{k} = {v}" for k, v in (args.get("values") or {}).items())
        return f"evaluate {expr}" + (f" at {at}" if at else "") + (f" digits {args['digits']}" if args.get("digits") else "")
    if tool == "matrix":
        body = ", ".join("[" + ", ".join(explicit_multiplication(str(v)) for v in row) + "]" for row in args["matrix"])
        return f"matrix {args['operation']} of [{body}]"
    raise ValueError(f"no DSL form for {tool}")


def _bound(value: Any) -> str:
    if isinstance(value, (Decimal, int, float)):
        text = number(value)
        return text
    return explicit_multiplication(str(value))


def _guess_variables(equations: list[str]) -> list[str]:
    names = sorted({n for e in equations for n in re.findall(r"(?<![A-Za-z_])([a-z])(?![A-Za-z_(])", e)} - {"e"})
    return names or ["x"]


def statement(intent: Intent) -> str:
    tool, args = intent.tool, intent.args
    if intent.uses and tool == "doe_properties":
        return f"properties of {intent.uses}"
    if intent.uses:
        method = {"doe_effects": "effects", "doe_anova": "anova", "rsm_fit": "surface"}[tool]
        return f"analyze {intent.uses} with response {numbers(args['response'])} method {method}" + (
            f" model {args['model']}" if tool == "doe_anova" and args.get("model") else "") + (
            " without curvature" if tool == "doe_anova" and args.get("curvature") is False else "")
    if tool == "doe_design":
        text = design(args)
    elif tool == "control_chart":
        text = chart(args)
    elif tool == "capability":
        text = capability(args)
    elif tool == "spc_constants":
        text = f"constants for subgroup {args['n']}"
    elif tool == "t_test":
        text = t_test(args)
    elif tool == "anova_oneway":
        text = f"anova one_way {rows(args['groups'])}"
        if args.get("labels"):  # the user's names for the groups: Tukey's table says A-B, not 1-2
            text += " by [" + ", ".join(label(v) for v in args["labels"]) + "]"
        if args.get("welch"):  # Welch's ANOVA: unequal variances allowed
            text += " welch"
    elif tool == "anova_twoway":
        text = anova_two_way(args)
    elif tool == "levene":
        text = f"levene {rows(args['groups'])}" + (f" center {args['center']}" if args.get("center") else "")
    elif tool == "variance_test":
        text = variance_test(args)
    elif tool == "correlation":
        text = correlation(args)
    elif tool in RANK_KINDS:
        text = rank_test(tool, args)
    elif tool == "friedman":
        text = f"friedman {rows(args['groups'])}"
    elif tool == "mcnemar":
        text = ("mcnemar " + (rows(args["table"]) if args.get("table") is not None else
                              f"discordant {number(args['b'])} {number(args['c'])}")
                + (f" method {args['method']}" if args.get("method") not in (None, "auto") else "")
                + (f" confidence {number(args['confidence'])}" if args.get("confidence") is not None else ""))
    elif tool == "kruskal_wallis":
        text = f"kruskal {rows(args['groups'])}"
    elif tool in SUMMARY_WRITERS:
        text = SUMMARY_WRITERS[tool](args)
    elif tool == "normality":
        text = f"normality {numbers(args['data'])}" + (f" method {args['method']}" if args.get("method") else "")
    elif tool == "chi_square":
        text = chi_square(args)
    elif tool == "regression":
        text = regression(args)
    elif tool == "describe":
        text = f"describe {numbers(args['data'])}"
        if args.get("confidence") is not None:
            text += f" confidence {number(args['confidence'])}"
        if args.get("bound") in ("upper", "lower"):
            text += f" {args['bound']} bound"
    elif tool == "doe_effects":
        text = f"let d = design full_factorial {{\n    factors {args['factors']}\n}}\nanalyze d with response {numbers(args['response'])} method effects"
    elif tool == "doe_curvature":
        text = f"curvature {numbers(args['factorial'])} center {numbers(args['center'])}"
    elif tool == "rsm_fit":
        if "X" not in args:
            raise ValueError("a response surface needs a design: bind it with `let d = design …`")
        text = f"surface {rows(args['X'])} response {numbers(args['y'])}"
    else:
        text = symbolic(tool, args)
    if intent.binding and not text.startswith("let "):
        text = f"let {intent.binding} = {text}"
    return text


def render_program(intents: list[Intent]) -> str:
    return "\n".join(statement(i) for i in intents)
