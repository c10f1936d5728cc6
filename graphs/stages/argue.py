"""ARGUE: pro and con arguments from real checks, and alternatives computed side by side.

Nothing here is opinion: each argument names the check it rests on (a normality
test, Levene's test, expected counts, design properties, run counts) and the
number that check produced. Alternatives (Welch vs Student, Kruskal–Wallis vs
ANOVA, CCD vs BBD, full vs fractional factorial) are run through the same tool
registry, so ARBITER can compare like with like.
"""

from __future__ import annotations

from collections.abc import Callable

from graphs.state import Alternative, Argument
from graphs.trace import StageResult, traced
from tools.errors import HavocInputError

ALPHA = 0.05


def call(tool: str, args: dict) -> dict | None:
    from tools.registry import run_tool

    try:
        return run_tool(tool, args)
    except HavocInputError:
        return None


def _arg(stance: str, topic: str, text: str, check: str = "", value: float | None = None) -> dict:
    return Argument(stance=stance, topic=topic, text=text, check=check,
                    value=None if value is None else float(value)).model_dump()


def _alt(name: str, tool: str, output: dict | None, summary: str) -> dict:
    return Alternative(name=name, tool=tool, output=output, summary=summary).model_dump()


def normality_args(data: list, label: str) -> list[dict]:
    if len(data) < 3:
        return [_arg("con", "normality", f"{label}: too few values ({len(data)}) to check normality", "sample size")]
    # Shapiro–Wilk's p-value is an approximation past 5000 points; Anderson–Darling has no such limit
    method, name = ("shapiro_wilk", "Shapiro–Wilk") if len(data) <= 5000 else ("anderson_darling", "Anderson–Darling")
    out = call("normality", {"data": data, "method": method})
    if not out:
        return []
    p = out.get("p_value")
    if p is None:
        return []
    if p >= ALPHA:
        return [_arg("pro", "normality", f"{label}: no evidence against normality ({name} p = {p:.3g})", name, p)]
    return [_arg("con", "normality", f"{label}: departs from normality ({name} p = {p:.3g})", name, p)]


def _levene(groups: list[list]) -> list[dict]:
    """Levene's test of equal variances, as an argument. Groups whose absolute deviations from their median are
    constant within every group (identical values, or two values per group) leave the test undefined: scipy then
    divides by zero; that is said in the argument, not leaked to stderr as a RuntimeWarning."""
    import warnings

    import numpy as np

    from tools.registry import run_tool

    try:
        with warnings.catch_warnings(), np.errstate(divide="ignore", invalid="ignore"):
            warnings.simplefilter("ignore", RuntimeWarning)
            out = run_tool("levene", {"groups": groups})
    except HavocInputError as exc:
        return [_arg("con", "equal variance", f"Levene's test cannot be computed here ({str(exc).removeprefix('groups: ')}); equal variances "
                     "are neither supported nor refuted", "Levene")]
    if not out or out.get("p_value") is None:
        return []
    p = out["p_value"]
    stance = "pro" if p >= ALPHA else "con"
    words = "variances look equal" if p >= ALPHA else "variances differ"
    return [_arg(stance, "equal variance", f"{words} (Levene p = {p:.3g})", "Levene", p)]


def _sample_size(n: int, label: str, minimum: int) -> list[dict]:
    if n < minimum:
        return [_arg("con", "sample size", f"{label}: only {n} observations; below {minimum} the test has little power",
                     "sample size", n)]
    return [_arg("pro", "sample size", f"{label}: {n} observations", "sample size", n)]


def argue_t_test(args: dict, output: dict) -> tuple[list, list]:
    kind = args.get("kind")
    arguments, alternatives = [], []
    x, y = args.get("x") or [], args.get("y") or []
    if kind == "paired":
        diffs = [float(a) - float(b) for a, b in zip(x, y, strict=False)]
        arguments += normality_args(diffs, "paired differences") + _sample_size(len(diffs), "pairs", 10)
    elif kind == "one_sample":
        arguments += normality_args(x, "sample") + _sample_size(len(x), "sample", 10)
    else:
        arguments += normality_args(x, "first group") + normality_args(y, "second group")
        arguments += _levene([x, y])
        other = "pooled" if kind == "welch" else "welch"
        alt = call("t_test", {**args, "kind": other})
        if alt:
            alternatives.append(_alt(other, "t_test", alt, f"{other}: t = {alt['t']:.4g}, df = {alt['df']:.4g}, "
                                                            f"p = {alt['p_value']:.4g}"))
            agree = (alt["p_value"] < ALPHA) == (output["p_value"] < ALPHA)
            arguments.append(_arg("pro" if agree else "con", "robustness",
                                  f"Welch and Student {'agree' if agree else 'disagree'} at α = {ALPHA}",
                                  "Welch vs Student"))
    return arguments, alternatives


def argue_anova(args: dict, output: dict) -> tuple[list, list]:
    groups = args.get("groups") or []
    residuals = [float(v) - sum(map(float, g)) / len(g) for g in groups for v in g]
    spread = _levene(groups)
    if args.get("welch"):  # Welch's ANOVA does not rest on equal variances: Levene says why it fits, or is a note
        spread = [{**a, "stance": "pro" if a["stance"] == "con" and a.get("value") is not None else "note",
                   "text": a["text"] + "; Welch's ANOVA does not assume equal variances"} for a in spread]
    arguments = normality_args(residuals, "residuals") + spread
    sizes = [len(g) for g in groups]
    if max(sizes) != min(sizes) and not args.get("welch"):
        arguments.append(_arg("note", "balance", f"unbalanced groups (sizes {sizes}): ANOVA is less robust to "
                                                 "unequal variances", "group sizes"))
    alternatives = []
    if args.get("welch"):
        classic = call("anova_oneway", {**args, "welch": False, "tukey": False})
        if classic:
            alternatives.append(_alt("anova_oneway", "anova_oneway", classic, f"classic (equal-variance) ANOVA: "
                                     f"F = {classic['f_statistic']:.4g}, p = {classic['p_value']:.4g}"))
    kw = call("kruskal_wallis", {"groups": groups})
    if kw:
        alternatives.append(_alt("kruskal_wallis", "kruskal_wallis", kw,
                                 f"Kruskal–Wallis H = {kw['statistic']:.4g}, p = {kw['p_value']:.4g}"))
        agree = (kw["p_value"] < ALPHA) == (output["p_value"] < ALPHA)
        arguments.append(_arg("pro" if agree else "con", "robustness",
                              f"ANOVA and Kruskal–Wallis {'agree' if agree else 'disagree'} at α = {ALPHA}",
                              "ANOVA vs Kruskal–Wallis"))
    return arguments, alternatives


def _t_alternative(t_args: dict, output: dict, label: str) -> tuple[list, list]:
    """The parametric test on the same data, side by side: agreement at α is evidence, disagreement a warning."""
    alt = call("t_test", t_args)
    if not alt:
        return [], []
    summary = f"{label}: t = {alt['t']:.4g}, df = {alt['df']:.4g}, p = {alt['p_value']:.4g}"
    agree = (alt["p_value"] < ALPHA) == (output["p_value"] < ALPHA)
    return ([_arg("pro" if agree else "con", "robustness",
                  f"the rank test and the {label} {'agree' if agree else 'disagree'} at α = {ALPHA}",
                  f"rank test vs {label}")],
            [_alt(t_args["kind"], "t_test", alt, summary)])


def _exactness(output: dict) -> list[dict]:
    if output.get("exact"):
        return [_arg("pro", "exactness", "exact p-value from the permutation distribution of the ranks", "method")]
    return [_arg("note", "exactness", f"p-value from the {output.get('method')}", "method")]


def argue_mann_whitney(args: dict, output: dict) -> tuple[list, list]:
    x, y = args.get("x") or [], args.get("y") or []
    arguments = _exactness(output) + _sample_size(min(len(x), len(y)), "smaller sample", 5)
    spread = _levene([x, y])
    for a in spread:  # unequal spreads change what is tested, not whether the test is valid
        if a["stance"] == "con":
            a["text"] += ("; with unequal spreads Mann–Whitney tests P(X > Y) = ½, not a shift of medians, and the "
                          "Hodges–Lehmann shift is only a summary")
    arguments += [{**a, "topic": "similar shape"} for a in spread]
    more, alternatives = _t_alternative({"kind": "welch", "x": x, "y": y, "mu": args.get("mu", 0),
                                         "alternative": output.get("alternative", "two-sided")}, output,
                                        "Welch t-test")
    return arguments + more, alternatives


def argue_signed_rank(args: dict, output: dict) -> tuple[list, list]:
    import numpy as np

    x = [float(v) for v in args.get("x") or []]
    d = np.subtract(x, [float(v) for v in args["y"]]) if args.get("y") is not None else np.asarray(x)
    d = d - float(args.get("mu") or 0)
    d = d[d != 0]
    arguments = _exactness(output) + _sample_size(len(d), "non-zero differences", 6)
    if output.get("zeros_dropped"):
        arguments.append(_arg("note", "zeros", f"{output['zeros_dropped']} zero difference(s) dropped before ranking",
                              "zero handling", output["zeros_dropped"]))
    if len(d) >= 8:  # symmetry about the median: sample skewness against its standard error √(6/n)
        centred = d - d.mean()
        skew = float((centred ** 3).mean() / (centred ** 2).mean() ** 1.5) if np.any(centred) else 0.0
        bound = 2 * (6 / len(d)) ** 0.5
        symmetric = abs(skew) < bound
        arguments.append(_arg("pro" if symmetric else "con", "symmetry",
                              f"differences {'look symmetric' if symmetric else 'are skewed'} (skewness {skew:.3g}, "
                              f"{'within' if symmetric else 'outside'} ±{bound:.2g}); the signed-rank test assumes "
                              "symmetry about the median", "skewness", skew))
    t_args = ({"kind": "paired", "x": args["x"], "y": args["y"]} if args.get("y") is not None
              else {"kind": "one_sample", "x": args["x"]})
    t_args.update(mu=args.get("mu", 0), alternative=output.get("alternative", "two-sided"))
    more, alternatives = _t_alternative(t_args, output, f"{t_args['kind'].replace('_', '-')} t-test")
    return arguments + more, alternatives


def argue_sign_test(args: dict, output: dict) -> tuple[list, list]:
    """The sign test assumes only independent differences; its price is power, so the signed-rank test on the same
    differences is shown beside it (agreement is evidence, disagreement says the ranks carry information)."""
    n = int(output.get("n_used") or 0)
    arguments = [_arg("pro" if output.get("exact") else "note", "exactness",
                      "exact binomial p-value of the + signs" if output.get("exact")
                      else f"p-value from the {output.get('method')}", "method")]
    arguments += _sample_size(n, "non-zero differences", 6)
    if output.get("zeros_dropped"):
        arguments.append(_arg("note", "zeros", f"{output['zeros_dropped']} value(s) equal to the median tested dropped "
                              "before counting signs", "zero handling", output["zeros_dropped"]))
    arguments.append(_arg("pro", "assumptions", "no assumption about the shape of the differences (not even symmetry): "
                          "only the signs are used", "distribution-free"))
    rank_args = {"x": args["x"], **({"y": args["y"]} if args.get("y") is not None else {}),
                 "mu": args.get("mu", 0), "alternative": output.get("alternative", "two-sided")}
    ranked = call("wilcoxon_signed_rank", rank_args)
    if not ranked:
        return arguments, []
    agree = (ranked["p_value"] < ALPHA) == (output["p_value"] < ALPHA)
    arguments.append(_arg("pro" if agree else "note", "robustness",
                          f"the Wilcoxon signed-rank test on the same differences {'agrees' if agree else 'disagrees'} "
                          f"at α = {ALPHA} (p = {ranked['p_value']:.4g}; it also uses the sizes of the differences and "
                          "assumes their symmetry)", "sign vs signed-rank"))
    summary = f"Wilcoxon signed-rank: V = {ranked['statistic']:.4g}, p = {ranked['p_value']:.4g}"
    return arguments, [_alt("signed_rank", "wilcoxon_signed_rank", ranked, summary)]


def argue_regression(args: dict, output: dict) -> tuple[list, list]:
    arguments = []
    n = len(args.get("y") or [])
    k = len(output.get("coefficients") or [])
    if n - k < 3:
        arguments.append(_arg("con", "degrees of freedom", f"{n} points for {k} coefficients: little left to "
                                                           "estimate the error", "residual df", n - k))
    r2 = output.get("r_squared")
    if r2 is not None:
        stance = "pro" if r2 >= 0.7 else "con"
        arguments.append(_arg(stance, "fit", f"R² = {r2:.4g}", "R²", r2))
    if "x" in args and output.get("coefficients"):
        coefs = output["coefficients"]
        xs = [float(v) for v in args["x"]]
        offset = 0 if args.get("intercept", True) else 1
        fitted = [sum(c * xv ** (i + offset) for i, c in enumerate(coefs)) for xv in xs]
        residuals = [float(yv) - f for yv, f in zip(args["y"], fitted, strict=False)]
        arguments += normality_args(residuals, "residuals")
    for p in output.get("predictions") or []:  # a prediction interval rests on the model holding where it is used
        where = p["at"]
        if p["extrapolation"]:
            arguments.append(_arg("con", "extrapolation", f"the prediction at {where} lies outside the range of the "
                                                          "data: the fitted relation may not hold there", "data range"))
        else:
            arguments.append(_arg("pro", "interpolation", f"the prediction at {where} lies within the range of the "
                                                          "data", "data range"))
    if output.get("predictions"):
        arguments.append(_arg("note", "prediction interval", "the prediction interval assumes normal residuals with "
                                                             "constant variance; the CI for the mean leans on it less",
                              "model assumptions"))
    return arguments, []


def argue_chi_square(args: dict, output: dict) -> tuple[list, list]:
    expected = output.get("expected") or []
    flat = [v for row in expected for v in (row if isinstance(row, list) else [row])]
    small = [v for v in flat if v < 5]
    if small:
        return [_arg("con", "expected counts", f"{len(small)} of {len(flat)} expected counts are below 5: the "
                                               "chi-square approximation is doubtful", "expected counts",
                     min(small))], []
    return [_arg("pro", "expected counts", "every expected count is at least 5", "expected counts",
                 min(flat) if flat else None)], []


def argue_describe(args: dict, output: dict) -> tuple[list, list]:
    data = args.get("data") or []
    arguments = normality_args(data, "data")
    r1 = output.get("lag1_autocorrelation")
    values = [float(v) for v in data]
    ordered = values == sorted(values) or values == sorted(values, reverse=True)
    if r1 is not None and len(data) >= 10 and not ordered:  # values listed sorted carry no time order to judge
        n = len(data)
        bound = 2 / n ** 0.5
        stance = "pro" if abs(r1) < bound else "con"
        arguments.append(_arg(stance, "independence", f"lag-1 autocorrelation {r1:.3g} "
                                                      f"({'within' if stance == 'pro' else 'outside'} ±{bound:.2g})",
                              "lag-1 autocorrelation", r1))
    return arguments, []


def argue_capability(args: dict, output: dict) -> tuple[list, list]:
    data = args.get("data") or [v for row in (args.get("subgroups") or []) for v in row]
    arguments = normality_args(data, "process data") + _sample_size(len(data), "capability study", 100)
    chart_args = ({"chart": "xbar_r", "subgroups": args["subgroups"]} if args.get("subgroups")
                  else {"chart": "imr", "values": data})
    chart = call("control_chart", {**chart_args, "rules": "western_electric"})
    alternatives = []
    if chart is not None:
        n_viol = len(chart.get("violations") or [])
        arguments.append(_arg("pro" if n_viol == 0 else "con", "stability",
                              "the process is in statistical control" if n_viol == 0 else
                              f"{n_viol} run-rule violations: capability of an unstable process is not predictive",
                              "control chart", n_viol))
        alternatives.append(_alt("stability check", "control_chart", chart, f"{chart_args['chart']} chart: "
                                                                            f"{n_viol} violations"))
    cpk, ppk = output.get("cpk"), output.get("ppk")
    if cpk is not None and ppk is not None and cpk > 0 and abs(cpk - ppk) / cpk > 0.15:
        arguments.append(_arg("note", "within vs overall", f"Cpk {cpk:.3g} vs Ppk {ppk:.3g}: between-subgroup "
                                                           "variation is large", "Cpk vs Ppk"))
    return arguments, alternatives


def _phase1_length(output: dict) -> list[dict]:
    points = (output.get("points") or [])[:output.get("phase1_points") or None]  # phase II points set no limits
    if len(points) < 20:
        return [_arg("con", "phase I length", f"{len(points)} points; phase I limits want 20–25 subgroups",
                     "number of points", len(points))]
    return [_arg("pro", "phase I length", f"{len(points)} points", "number of points", len(points))]


def argue_control_chart(args: dict, output: dict) -> tuple[list, list]:
    if args.get("chart") in ("ewma", "cusum"):
        from graphs.stages.argue_smallshift import argue_small_shift

        small, alternatives = argue_small_shift(args, output)
        return _phase1_length(output) + small, alternatives
    arguments = _phase1_length(output)
    if args.get("chart") == "imr" and args.get("values"):
        arguments += normality_args(args["values"], "individual values")
    n_viol = len(output.get("violations") or [])
    arguments.append(_arg("note", "signals", f"{n_viol} run-rule violation(s)", "run rules", n_viol))
    return arguments, []


def argue_design(args: dict, output: dict) -> tuple[list, list]:
    arguments, alternatives = [], []
    design = args.get("design")
    props = call("doe_properties", {"coded": output.get("coded")})
    if props:
        orth = props.get("orthogonal")
        if orth is not None:
            arguments.append(_arg("pro" if orth else "note", "orthogonality",
                                  "main-effect columns are orthogonal" if orth else
                                  "main-effect columns are not orthogonal", "X'X off-diagonals"))
        rot = props.get("rotatable")
        if rot is not None and design in ("central_composite", "box_behnken"):
            arguments.append(_arg("pro" if rot else "note", "rotatability",
                                  "rotatable: prediction variance depends only on distance from the centre" if rot
                                  else "not exactly rotatable (prediction variance varies with direction)",
                                  "moment conditions"))
    runs = output.get("runs")
    if design == "box_behnken":
        arguments.append(_arg("pro", "region", "no corner runs: the factors are never all at their extremes at once, "
                                               "safer when corners are infeasible", "design geometry"))
        alt_args = {k: v for k, v in args.items() if k not in ("design",)}
        ccd = call("doe_design", {**alt_args, "design": "central_composite", "face": "faced"})
        if ccd:
            alternatives.append(_alt("central_composite (face-centred)", "doe_design", ccd,
                                     f"face-centred CCD: {ccd['runs']} runs vs {runs} for Box–Behnken"))
            stance = "pro" if runs <= ccd["runs"] else "con"
            arguments.append(_arg(stance, "run economy", f"{runs} runs vs {ccd['runs']} for a face-centred CCD "
                                                         "with the same centre points", "run count", runs))
    elif design == "central_composite":
        arguments.append(_arg("pro", "sequential", "a CCD extends a factorial already run: axial points can be "
                                                   "added later", "design geometry"))
        k = len(output.get("factor_names") or [])
        if k >= 3:
            alt_args = {kk: v for kk, v in args.items() if kk not in ("design", "face", "alpha")}
            bbd = call("doe_design", {**alt_args, "design": "box_behnken"})
            if bbd:
                alternatives.append(_alt("box_behnken", "doe_design", bbd,
                                         f"Box–Behnken: {bbd['runs']} runs vs {runs} for this CCD"))
                stance = "pro" if runs <= bbd["runs"] else "con"
                arguments.append(_arg(stance, "run economy", f"{runs} runs vs {bbd['runs']} for a Box–Behnken",
                                      "run count", runs))
    elif design == "fractional_factorial":
        res = output.get("resolution")
        if res is not None:
            stance = "pro" if res >= 4 else "con"
            text = {3: "resolution III: main effects are aliased with two-factor interactions",
                    4: "resolution IV: main effects are clear of two-factor interactions; 2FIs are aliased "
                       "with each other"}.get(res, f"resolution {res}: main effects and 2FIs are estimable")
            arguments.append(_arg(stance, "aliasing", text, "defining relation", res))
        k = len(output.get("factor_names") or [])
        full_runs = 2 ** k
        arguments.append(_arg("pro", "run economy", f"{runs} runs instead of {full_runs} for the full 2^{k}",
                              "run count", runs))
    elif design == "plackett_burman":
        arguments.append(_arg("con", "aliasing", "Plackett–Burman main effects are partially aliased with many "
                                                 "two-factor interactions: use it to screen, then follow up",
                              "alias structure"))
    elif design == "full_factorial":
        arguments.append(_arg("pro", "aliasing", "full factorial: every interaction is estimable", "design"))
    if output.get("blocks", 1) > 1:
        from graphs.stages.argue_blocks import argue_design_blocks

        arguments += argue_design_blocks(output)
    if design != "latin_hypercube" and not args.get("randomize"):
        arguments.append(_arg("note", "randomisation", "run order not randomised: randomise before running "
                                                       "(give a seed)", "run order"))
    return arguments, alternatives


def argue_effects(args: dict, output: dict) -> tuple[list, list]:
    active = output.get("active") or []
    arguments = [_arg("note", "active effects", f"{len(active)} active effect(s) by Lenth's method: "
                                                f"{', '.join(map(str, active)) or 'none'}", "Lenth PSE")]
    if output.get("blocks"):
        from graphs.stages.argue_blocks import argue_analysis_blocks

        y = [float(v) for v in args.get("response") or []]
        mean = sum(y) / len(y) if y else 0.0
        arguments += argue_analysis_blocks(output, sum((v - mean) ** 2 for v in y) or None)
    return arguments, []


def argue_rsm(args: dict, output: dict) -> tuple[list, list]:
    arguments = []
    nature = output.get("nature")
    point = output.get("stationary_point") or []
    if point:
        far = max(abs(float(v)) for v in point)
        stance = "pro" if far <= 1.7 else "con"
        arguments.append(_arg(stance, "extrapolation", f"stationary point {'inside' if stance == 'pro' else 'outside'} "
                                                       f"the experimental region (max |coded| = {far:.3g})",
                              "stationary point", far))
    if nature:
        arguments.append(_arg("note", "nature", f"the stationary point is a {nature}", "eigenvalues"))
    return arguments, []


def argue_curvature_test(args: dict, output: dict) -> tuple[list, list]:
    from graphs.stages.argue_curvature import argue_curvature

    return argue_curvature(args, output)


ARGUERS: dict[str, Callable[[dict, dict], tuple[list, list]]] = {
    "t_test": argue_t_test,
    "mann_whitney": argue_mann_whitney,
    "wilcoxon_signed_rank": argue_signed_rank,
    "sign_test": argue_sign_test,
    "anova_oneway": argue_anova,
    "regression": argue_regression,
    "chi_square": argue_chi_square,
    "describe": argue_describe,
    "capability": argue_capability,
    "control_chart": argue_control_chart,
    "doe_design": argue_design,
    "doe_effects": argue_effects,
    "rsm_fit": argue_rsm,
    "doe_curvature": argue_curvature_test,
}


def _summary_arguers() -> None:
    """The count and summary-figure tools argue in graphs.stages.argue_summary (which uses this module's helpers)."""
    from graphs.stages.argue_summary import SUMMARY_ARGUERS

    ARGUERS.update(SUMMARY_ARGUERS)


_summary_arguers()


def reading_args(state: dict) -> list[dict]:
    """Two readers of the question: agreement is evidence for the plan, disagreement is shown, not hidden."""
    readings = state.get("readings") or []
    agreement = state.get("agreement")
    chosen = (state.get("plan") or {}).get("planner")
    if len(readings) < 2 or agreement not in ("agree", "disagree"):
        return []
    names = {"nl_parser": "the rule parser", "chat_model": "the planner model", "user_dsl": "your DSL"}
    if agreement == "agree":
        return [_arg("pro", "reading", "the rule parser and the planner model read the question independently "
                     "and their programs give the same results", "two readings")]
    other = next(r for r in readings if r["planner"] != chosen)
    why = (f"its program failed: {other['execution_error']}" if other["execution_error"]
           else f"it read the question as: {other['program']}")
    return [_arg("con", "reading", f"the two readers disagree; the answer uses {names.get(chosen, chosen)}'s "
                 f"reading (rules first when they have one); {names.get(other['planner'], other['planner'])}: {why}",
                 "two readings")]


@traced("ARGUE")
def argue_stage(state: dict, config: dict | None = None) -> StageResult:
    arguments: list[dict] = []
    alternatives: list[dict] = []
    for result in state.get("results") or []:
        if result.get("output") is None:
            continue
        arguer = ARGUERS.get(result["tool"])
        if arguer is None:
            continue
        try:
            a, alt = arguer(result["args"], result["output"])
        except (KeyError, TypeError, ValueError, ZeroDivisionError) as exc:
            a, alt = [_arg("note", "checks", f"a check could not run: {exc}", "internal")], []
        arguments += a
        alternatives += alt
    arguments += reading_args(state)
    pros = sum(a["stance"] == "pro" for a in arguments)
    cons = sum(a["stance"] == "con" for a in arguments)
    return (
        {"arguments": arguments, "alternatives": alternatives},
        f"{pros} pro, {cons} con, {len(alternatives)} alternative(s)",
        {"arguments": [f"[{a['stance']}] {a['text']}" for a in arguments],
         "alternatives": [a["summary"] for a in alternatives]},
    )
