""""I read this as …": one sentence generated from the executed calls, never echoed from the question.

A misreading must be visible at a glance: the sentence names the method, the
data it ran on (group sizes, not the values), the options that change the
result (sidedness, α or confidence, the hypothesised value, exclusions, blocks,
centre points) and nothing else.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from graphs.reading.calls import Call, calls_of


def _n(values: object) -> int:
    return len(values) if isinstance(values, list) else 0


def _fmt(x: object) -> str:
    if isinstance(x, float):
        return f"{x:g}"
    return str(x)


def _alpha(call: Call, default_conf: float = 0.95) -> str:
    if call.args.get("alpha") is not None:
        return f"α = {_fmt(call.args['alpha'])}"
    conf = call.args.get("confidence")
    if conf is not None and conf != default_conf:
        return f"{_fmt(100 * conf)}% confidence"
    return "α = 0.05"


def _sided(call: Call) -> str:
    alt = str(call.args.get("alternative") or "two-sided")
    return {"two-sided": "two-sided", "greater": "one-sided (greater)", "less": "one-sided (less)"}.get(alt, alt)


def _group_sizes(groups: object, labels: object = None) -> str:
    if not isinstance(groups, list):
        return ""
    names = labels if isinstance(labels, list) and len(labels) == len(groups) else None
    parts = [f"{names[i]} (n = {_n(g)})" if names else f"n = {_n(g)}" for i, g in enumerate(groups)]
    return ", ".join(parts)


def _t_test(c: Call) -> str:
    kind = c.args.get("kind") or ("one_sample" if c.args.get("y") is None else "welch")
    x, y = _n(c.args.get("x")), _n(c.args.get("y"))
    tail = f"{_sided(c)}, {_alpha(c)}"
    if kind == "one_sample":
        return f"a one-sample t-test of the mean of {x} values against {_fmt(c.args.get('mu', 0.0))}, {tail}"
    if kind == "paired":
        return f"a paired t-test on {x} pairs (differences first minus second), {tail}"
    name = "Welch" if kind == "welch" else "pooled (Student)"
    return f"a two-sample {name} t-test of the first group (n = {x}) against the second (n = {y}), {tail}"


def _design(c: Call) -> str:
    out = c.output
    design = str(c.args.get("design", "design")).replace("_", " ")
    factors = out.get("factor_names") or []
    parts = [f"a {design} design for {len(factors)} factor(s)" + (f" ({', '.join(map(str, factors))})"
                                                                  if factors else "")]
    parts.append(f"{out.get('runs')} runs")
    if out.get("resolution_roman"):
        parts.append(f"resolution {out['resolution_roman']}")
    if out.get("centre_points"):
        parts.append(f"{out['centre_points']} centre point(s)")
    if (out.get("replicates") or 1) > 1:
        parts.append(f"{out['replicates']} replicates")
    if (out.get("blocks") or 1) > 1:
        sizes = set(out.get("runs_per_block") or [])
        parts.append(f"in {out['blocks']} blocks" + (f" of {sizes.pop()}" if len(sizes) == 1 else ""))
    if out.get("randomized"):
        parts.append(f"randomised (seed {out.get('seed')})")
    if c.args.get("cost_per_run") is not None:
        parts.append(f"totalled at {_fmt(c.args['cost_per_run'])} a run")
    return ", ".join(parts)


def _chart(c: Call) -> str:
    kind = str(c.args.get("chart"))
    names = {"xbar_r": "an X̄–R chart", "xbar_s": "an X̄–S chart", "imr": "an individuals (I-MR) chart",
             "p": "a p chart", "np": "an np chart", "c": "a c chart", "u": "a u chart", "ewma": "an EWMA chart",
             "cusum": "a CUSUM chart"}
    text = names.get(kind, f"a {kind} chart")
    sizes = c.output.get("subgroup_sizes")
    points = len(c.output.get("points") or [])
    text += f" of {points} point(s)"
    if kind in ("xbar_r", "xbar_s") and isinstance(sizes, list) and sizes:
        text += f" (subgroups of {sizes[0]})" if len(set(sizes)) == 1 else " (unequal subgroups)"
    if kind in ("p", "np", "u") and c.args.get("sizes") is not None:
        sz = c.args["sizes"]
        text += f", sample sizes {sz if not isinstance(sz, list) else ', '.join(map(_fmt, sz[:4])) + (' …' if len(sz) > 4 else '')}"
    if c.args.get("exclude"):
        text += ", excluding point(s) " + ", ".join(str(i + 1) for i in c.args["exclude"]) + " from the limits"
    if c.args.get("center") is not None:
        text += f", known centre {_fmt(c.args['center'])}" + (
            f" and σ {_fmt(c.args['sigma'])}" if c.args.get("sigma") is not None else "")
    elif c.args.get("sigma") is not None:
        text += f", known σ {_fmt(c.args['sigma'])}"
    if any(c.args.get(k) for k in ("phase2_values", "phase2_subgroups", "phase2_counts")):
        text += ", with phase II points judged against the phase I limits"
    if kind == "ewma":
        detail = c.output.get("ewma") or {}
        return text + f", λ = {_fmt(detail.get('lambda', c.args.get('lambda')))}, L = {_fmt(c.output.get('k_sigma'))}"
    if kind == "cusum":
        detail = c.output.get("cusum") or {}
        return text + f", k = {_fmt(detail.get('k', c.args.get('k')))}σ, h = {_fmt(detail.get('h', c.args.get('h')))}σ"
    rules = str(c.args.get("rules") or "western_electric").replace("_", " ")
    return text + f", {rules} rules"


def _capability(c: Call) -> str:
    n = _n(c.args.get("data")) or sum(_n(g) for g in c.args.get("subgroups") or [])
    specs = []
    if c.args.get("lsl") is not None:
        specs.append(f"LSL {_fmt(c.args['lsl'])}")
    if c.args.get("usl") is not None:
        specs.append(f"USL {_fmt(c.args['usl'])}")
    if c.args.get("target") is not None:
        specs.append(f"target {_fmt(c.args['target'])}")
    return f"a capability study of {n} values against {', '.join(specs) or 'no specification'}"


def _anova(c: Call) -> str:
    name = "Welch's one-way ANOVA (unequal variances)" if c.args.get("welch") else "a one-way ANOVA"
    return f"{name} of {_n(c.args.get('groups'))} groups ({_group_sizes(c.args.get('groups'), c.args.get('labels'))})"


def _variance_test(c: Call) -> str:
    groups = c.args.get("groups")
    if str(c.args.get("method") or "f") == "bartlett":
        return f"Bartlett's test of equal variances across {_n(groups)} groups ({_group_sizes(groups)}), {_alpha(c)}"
    return (f"an F test of the variance of the first group over the second ({_group_sizes(groups)}), {_sided(c)}, "
            f"{_alpha(c)}")


def _correlation(c: Call) -> str:
    name = {"spearman": "Spearman's rank correlation (rho)", "kendall": "Kendall's rank correlation (tau-b)"}.get(
        str(c.args.get("method") or "pearson"), "Pearson's correlation (r)")
    return f"{name} of {_n(c.args.get('x'))} pairs (x, y), {_sided(c)}, {_alpha(c)}"


def _regression(c: Call) -> str:
    return _regression_fit(c) + _predicted_at(c)


def _predicted_at(c: Call) -> str:
    """", predicted at x = 6 (95% confidence and prediction intervals)": the new points a question asked about."""
    points = c.args.get("at")
    if not points:
        return ""
    shown = ", ".join(_fmt(p) for p in points[:4]) + (" …" if len(points) > 4 else "")
    level = c.output.get("confidence") or c.args.get("confidence") or 0.95
    return f", predicted at {shown} ({_fmt(float(level) * 100)}% confidence and prediction intervals)"


def _regression_fit(c: Call) -> str:
    n = _n(c.args.get("y"))
    if c.args.get("X") is not None:
        names = c.args.get("names") or []
        return f"a multiple regression of y on {len(names) or 'several'} predictors ({', '.join(map(str, names))}), n = {n}"
    degree = int(c.args.get("degree") or 1)
    shape = "a straight line" if degree == 1 else f"a degree-{degree} polynomial"
    return f"a least-squares fit of {shape} of y on x, n = {n}" + ("" if c.args.get("intercept", True) else
                                                                    ", through the origin")


def _chi_square(c: Call) -> str:
    if c.args.get("table") is not None:
        t = c.args["table"]
        return f"a chi-square test of independence on a {len(t)}×{_n(t[0]) if t else 0} table of counts"
    k = _n(c.args.get("observed"))
    given = c.args.get("expected") or c.args.get("probabilities")
    equal = isinstance(given, list) and len({str(v) for v in given}) == 1  # the DSL writes equal counts out
    expected = "the stated proportions" if given and not equal else "equal proportions"
    return f"a chi-square goodness-of-fit test of {k} observed counts against {expected}"


_SS_NAMES = {1: "sequential (type I)", 2: "hierarchical (type II)", 3: "adjusted (type III)"}
_REWRITES = {"apart": "the partial fractions", "simplify": "the simplified form", "expand": "the expansion",
             "factor": "the factorisation", "together": "one fraction", "cancel": "the cancelled form"}


def _interval(args: dict) -> str:
    """[a, b], (0, oo), [1, oo): the interval an extrema program searches."""
    lower, upper = args.get("lower"), args.get("upper")
    left = "(" if args.get("lower_open") or lower is None or str(lower).startswith("-oo") else "["
    right = ")" if args.get("upper_open") or upper is None or str(upper) == "oo" else "]"
    return f"{left}{'-oo' if lower is None else lower}, {'oo' if upper is None else upper}{right}"


def _symbolic(verb: str) -> Callable[[Call], str]:
    def sentence(c: Call) -> str:
        expr = c.args.get("expression") or c.args.get("equations")
        if isinstance(expr, list):
            expr = "; ".join(map(str, expr))
        var = c.args.get("variable") or c.args.get("variables")
        text = f"{verb} of {expr}" if verb != "solving" else f"solving {expr}"
        if verb == "the derivative" and isinstance(var, list) and len(var) > 1:
            # a mixed partial: by each variable in turn, the order said
            text = f"the mixed partial derivative of {expr}, by {', then by '.join(map(str, var))}"
            var = None
        if var:
            text += f" with respect to {var if not isinstance(var, list) else ', '.join(map(str, var))}" \
                if verb == "the derivative" else f" for {var if not isinstance(var, list) else ', '.join(map(str, var))}" \
                if verb == "solving" else f" over {var}" if verb == "the sum" else f" in {var}"
        if int(c.args.get("order") or 1) > 1 and verb == "the derivative":
            text += f" (order {c.args['order']})"
        if c.args.get("lower") is not None or c.args.get("upper") is not None:
            text += f" from {c.args.get('lower')} to {c.args.get('upper')}"
        if c.args.get("point") is not None and verb in ("the limit", "the series"):
            text += f" at {c.args['point']}"
        if c.args.get("domain") == "real" and verb == "solving":
            text += " (real solutions only)"
        if c.args.get("at"):
            text += ", and its value at " + ", ".join(f"{k} = {v}" for k, v in c.args["at"].items())
        return text
    return sentence


SENTENCES: dict[str, Callable[[Call], str]] = {
    "doe_curvature": lambda c: (f"the single-degree-of-freedom curvature test of {c.output.get('factorial_runs')} "
                                f"factorial runs against {c.output.get('centre_runs')} centre runs (pure error from "
                                f"{c.output.get('pure_error_from', 'the centre points')})"),
    "t_test": _t_test,
    "doe_design": _design,
    "control_chart": _chart,
    "capability": _capability,
    "anova_oneway": _anova,
    "regression": _regression,
    "chi_square": _chi_square,
    "describe": lambda c: f"descriptive statistics of {_n(c.args.get('data'))} values" + (
        f", with the one-sided {_fmt(100 * float(c.args.get('confidence') or 0.95))}% {c.args['bound']} confidence "
        "bound for the mean" if c.args.get("bound") in ("upper", "lower") else
        f", with a {_fmt(100 * float(c.args['confidence']))}% confidence interval for the mean"
        if c.args.get("confidence") not in (None, 0.95) else ""),
    "normality": lambda c: f"{'an' if c.args.get('method') == 'anderson_darling' else 'a'} "
                           f"{str(c.args.get('method') or 'shapiro_wilk').replace('_', '-').title()} normality "
                           f"test of {_n(c.args.get('data'))} values, {_alpha(c)}",
    "variance_test": _variance_test,
    "correlation": _correlation,
    "levene": lambda c: f"Levene's test of equal variances across {_n(c.args.get('groups'))} groups "
                        f"({_group_sizes(c.args.get('groups'))})",
    "mcnemar": lambda c: ("McNemar's test of paired yes/no outcomes, "
                          + ("the 2 × 2 table [" + ", ".join("[" + ", ".join(_fmt(v) for v in row) + "]"
                                                            for row in c.args["table"]) + "]"
                             if c.args.get("table") is not None else
                             f"{_fmt(c.args.get('b'))} and {_fmt(c.args.get('c'))} discordant pairs")
                          + {"exact": ", exact binomial", "corrected": ", χ² with continuity correction",
                             "uncorrected": ", χ² without continuity correction"}.get(str(c.args.get("method")), "")),
    "friedman": lambda c: f"a Friedman rank test of {_n(c.args.get('groups'))} treatments in "
                          f"{len((c.args.get('groups') or [[]])[0])} blocks, ranked within each block, {_alpha(c)}",
    "kruskal_wallis": lambda c: f"a Kruskal–Wallis rank test across {_n(c.args.get('groups'))} groups "
                                f"({_group_sizes(c.args.get('groups'))})",
    "anova_twoway": lambda c: f"a two-way ANOVA of {c.args.get('factor_a', 'A')} × {c.args.get('factor_b', 'B')}"
                              + (" with interaction" if c.args.get("interaction", True) else " without interaction")
                              + ("" if c.output.get("balanced", True) else
                                 f", unbalanced: {_SS_NAMES.get(c.output.get('ss_type'), 'adjusted')} sums of squares"),
    "doe_effects": lambda c: f"the effects of {len(c.args.get('factors') or [])} two-level factor(s) on "
                             f"{_n(c.args.get('response'))} responses",
    "doe_anova": lambda c: f"an ANOVA of the design's {_n(c.args.get('response'))} responses" + {
        "first_order": " (first-order model, main effects alone: lack of fit against pure error)",
        "linear": " (first-order model, main effects alone: lack of fit against pure error)",
        "main": " (main effects model)", "quadratic": " (full quadratic model)"}.get(str(c.args.get("model")), "") + (
        f" (every interaction up to order {c.args['order']})" if int(c.args.get("order") or 2) > 2 else "") + (
        " with no curvature term (lack of fit against pure error)" if c.args.get("curvature") is False else ""),
    "rsm_fit": lambda c: f"a second-order response surface fitted to {_n(c.args.get('y'))} runs",
    "doe_properties": lambda c: f"the properties of the {_n(c.args.get('coded'))}-run design",
    "differentiate": _symbolic("the derivative"),
    "integrate": _symbolic("the integral"),
    "summation": _symbolic("the sum"),
    "limit": _symbolic("the limit"),
    "extrema": lambda c: f"the critical points of {c.args.get('expression')}, each classified"
                         + (f", and the absolute maximum and minimum on {_interval(c.args)}"
                            if c.args.get("lower") is not None or c.args.get("upper") is not None else ""),
    "series": _symbolic("the series"),
    "simplify": lambda c: f"{_REWRITES.get(str(c.args.get('method') or 'simplify'), c.args.get('method'))} of "
                          f"{c.args.get('expression')}" + (
        ", and its value at " + ", ".join(f"{k} = {v}" for k, v in c.args["at"].items()) if c.args.get("at") else ""),
    "solve": _symbolic("solving"),
    "evaluate": lambda c: f"the value of {c.args.get('expression')} at {c.args.get('values') or c.args.get('points')}",
    "matrix": lambda c: f"the {c.args.get('operation', 'determinant')} of a {_n(c.args.get('matrix'))}-row matrix",
    "spc_constants": lambda c: f"the control-chart constants for subgroups of {c.args.get('n')}",
    "run_rules": lambda c: f"run rules on {_n(c.args.get('values'))} points about centre {c.args.get('center')}",
}


def _proportion(c: Call) -> str:
    x, n = c.args.get("x") or [], c.args.get("n") or []
    method = str(c.output.get("method") or c.args.get("method") or "auto")
    if len(x) == 1:
        name = "an exact binomial test" if method == "exact" else "a score (z) test"
        return (f"{name} of {_fmt(x[0])} out of {_fmt(n[0])} against the proportion "
                f"{_fmt(c.args.get('p0') or 0.5)}, {_sided(c)}, {_alpha(c)}")
    name = "Fisher's exact test" if method == "fisher" else "a two-proportion z test"
    return (f"{name} of {_fmt(x[0])}/{_fmt(n[0])} against {_fmt(x[1])}/{_fmt(n[1])}, {_sided(c)}, {_alpha(c)}")


def _summary_t(c: Call) -> str:
    kind = c.args.get("kind")
    tail = f"{_sided(c)}, {_alpha(c)}"
    if kind in ("pooled", "welch"):
        name = "Welch" if kind == "welch" else "pooled (Student)"
        return (f"a two-sample {name} t-test from summary figures (n = {_fmt(c.args.get('n'))} and "
                f"n = {_fmt(c.args.get('n2'))}), {tail}")
    what = "the mean difference of " if kind == "paired" else "a mean of "
    return (f"a {'paired' if kind == 'paired' else 'one-sample'} t-test from summary figures: {what}"
            f"{_fmt(c.args.get('mean'))} (sd {_fmt(c.args.get('sd'))}, n = {_fmt(c.args.get('n'))}) against "
            f"{_fmt(c.args.get('mu', 0))}, {tail}")


def _summary_capability(c: Call) -> str:
    limits = ", ".join(f"{k.upper()} {_fmt(c.args[k])}" for k in ("lsl", "usl") if c.args.get(k) is not None)
    spread = next((k for k in ("rbar", "sbar") if c.args.get(k) is not None), None)
    if spread is not None:
        bar, constant = ("R̄", "d2") if spread == "rbar" else ("s̄", "c4")
        overall = f" and an overall sd of {_fmt(c.args['sd'])} (Pp, Ppk)" if c.args.get("sd") is not None else ""
        return (f"capability from a mean of {_fmt(c.args.get('mean'))}, a within sigma of {bar}/{constant} with "
                f"{bar} = {_fmt(c.args[spread])} and subgroups of {_fmt(c.args.get('subgroup'))} (Cp, Cpk){overall}, "
                f"{limits}")
    sigma = ("a within-subgroup sigma (Cp, Cpk)" if c.args.get("sigma") == "within" else
             "an overall sd (Pp, Ppk)" + (" and a within sigma (Cp, Cpk)" if c.args.get("sd_within") else ""))
    limits = ", ".join(f"{k.upper()} {_fmt(c.args[k])}" for k in ("lsl", "usl") if c.args.get(k) is not None)
    return (f"capability from a mean of {_fmt(c.args.get('mean'))} and {sigma} of {_fmt(c.args.get('sd'))}, "
            f"{limits}")


def _power(c: Call) -> str:
    test = {"one_sample_t": "one-sample t-test", "paired_t": "paired t-test", "two_sample_t": "two-sample t-test",
            "two_proportions": "two-proportion test", "anova": "one-way ANOVA"}.get(str(c.args.get("test")), "test")
    a = c.args
    if a.get("means") is not None:
        effect = (f" of {len(a['means'])} groups with hypothesised means {', '.join(_fmt(m) for m in a['means'])} "
                  f"and SD {_fmt(a.get('sd'))}")
    elif a.get("delta") is not None:
        effect = f" to detect a difference of {_fmt(a['delta'])} with SD {_fmt(a.get('sd'))}"
    elif a.get("effect_size") is not None:
        name = "Cohen's f" if a.get("test") == "anova" else "Cohen's d"
        groups = f" over {_fmt(a['groups'])} groups" if a.get("groups") is not None else ""
        effect = f"{groups} at {name} = {_fmt(a['effect_size'])}"
    elif a.get("p1") is not None:
        effect = f" of {_fmt(a['p1'])} against {_fmt(a.get('p2'))}"
    else:
        effect = ""
    cost = f", totalled at {_fmt(a['cost_per_unit'])} a unit" if a.get("cost_per_unit") is not None else ""
    if a.get("power") is not None:
        return f"the sample size of a {test}{effect} for power {_fmt(a['power'])}, {_sided(c)}, {_alpha(c)}{cost}"
    unit = {"paired_t": " pairs", "one_sample_t": ""}.get(str(a.get("test")), " per group")
    return f"the power of a {test}{effect} with n = {_fmt(a.get('n'))}{unit}, {_sided(c)}, {_alpha(c)}{cost}"


def _summary_chart(c: Call) -> str:
    if c.args.get("total") is not None:
        size = f" of {_fmt(c.args.get('n'))}" if c.args.get("n") is not None else ""
        chart, k = str(c.args.get("chart")), float(c.args.get("subgroups") or 1)
        if k == 1:
            # a centre line stated outright (p̄ = 0.042), not a total over subgroups
            bar = {"p": "p̄", "np": "np̄", "c": "c̄", "u": "ū"}.get(chart, "the centre line")
            n = float(c.args.get("n") or 1) if chart in ("p", "u") else 1.0
            return f"{chart} chart limits from its centre line {bar} = {_fmt(float(c.args['total']) / n)}" + (
                f", subgroups{size}" if size else "")
        return (f"{c.args.get('chart')} chart limits from a total of {_fmt(c.args.get('total'))} over "
                f"{_fmt(c.args.get('subgroups'))} subgroups{size}")
    spread = (f"an average range of {_fmt(c.args.get('r_bar'))}" if c.args.get("r_bar") is not None else
              f"an average standard deviation of {_fmt(c.args.get('s_bar'))}")
    kind = "X̄–R" if c.args.get("chart") == "xbar_r" else "X̄–S"
    return (f"{kind} chart limits from summary figures: subgroups of {_fmt(c.args.get('n'))}, a grand mean of "
            f"{_fmt(c.args.get('grand_mean'))} and {spread}")


def _sample_size_ci(c: Call) -> str:
    a = c.args
    margin = f"± {_fmt(a['margin'])}" if a.get("margin") is not None else f"a full width of {_fmt(a.get('width'))}"
    conf = f"{_fmt(100 * float(a.get('confidence', 0.95)))} % confidence"
    if a.get("target") == "mean":
        sd = "σ" if a.get("method") != "t" else "s (t method)"
        spread = f"{sd} = {_fmt(a.get('sd'))}"
    else:
        spread = f"p = {_fmt(a['p'])}" if a.get("p") is not None else "p = 0.5 (none given)"
    population = f", from a population of {_fmt(a['population'])}" if a.get("population") is not None else ""
    cost = f", totalled at {_fmt(a['cost_per_unit'])} a unit" if a.get("cost_per_unit") is not None else ""
    return (f"the sample size to estimate a {a.get('target')} to within {margin} with {spread}, at {conf}"
            f"{population}{cost}")


SENTENCES.update({
    "sample_size_ci": _sample_size_ci,
    "summary_chart": _summary_chart,
    "proportion_test": _proportion,
    "summary_t_test": _summary_t,
    "summary_capability": _summary_capability,
    "power": _power,
    "mann_whitney": lambda c: f"a Mann–Whitney (rank-sum) test of the first group (n = {_n(c.args.get('x'))}) "
                              f"against the second (n = {_n(c.args.get('y'))}), {_sided(c)}, {_alpha(c)}",
    "wilcoxon_signed_rank": lambda c: (f"a Wilcoxon signed-rank test on {_n(c.args.get('x'))} pairs, {_sided(c)}"
                                       if c.args.get("y") is not None else
                                       f"a Wilcoxon signed-rank test of the median of {_n(c.args.get('x'))} values "
                                       f"against {_fmt(c.args.get('mu', 0))}, {_sided(c)}") + f", {_alpha(c)}",
    "sign_test": lambda c: (f"a sign test on {_n(c.args.get('x'))} pairs (the signs of first minus second), {_sided(c)}"
                            if c.args.get("y") is not None else
                            f"a sign test of the median of {_n(c.args.get('x'))} values against "
                            f"{_fmt(c.args.get('mu', 0))}, {_sided(c)}")
                           + (", normal approximation" if c.args.get("method") == "normal" else ", exact binomial")
                           + f", {_alpha(c)}",
})


def _one(call: Call) -> str:
    fn = SENTENCES.get(call.tool)
    if fn is None:
        return f"{call.tool.replace('_', ' ')} with {', '.join(sorted(call.args))}"
    try:
        return fn(call)
    except (TypeError, ValueError, KeyError, IndexError, AttributeError):
        return call.tool.replace("_", " ")


def reading_sentence(results: list[dict] | None) -> str:
    """'I read this as …' for the executed calls; empty when nothing was computed."""
    calls = calls_of(results)
    if not calls:
        return ""
    parts = [_one(c) for c in calls]
    if len(parts) == 1:
        body = parts[0]
    else:
        body = "; then ".join(parts)
    body = re.sub(r"\*\*", "^", body)  # expressions as people type them: x^2, not Python's x**2
    body = re.sub(r"(?<=\d)\*(?=[A-Za-z(])", "", body)  # 3*x → 3x
    return f"I read this as {body}."
