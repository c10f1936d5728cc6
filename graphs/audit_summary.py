"""AUDIT for the tools that work from counts and summary figures (proportions, summary t-tests, capability from a
mean and a standard deviation, power): each number recomputed by another library or another formula.

Why a module of its own: these tools have no raw data to recompute from, so the independent route is a second
implementation (scipy or statsmodels, which follow R) or an identity that must hold (Cpk = Cp (1 − k)).
"""

from __future__ import annotations

import math
from collections.abc import Callable

from graphs.audit_checks import _check, _close


def _same(a, b, rtol: float = 1e-7) -> bool:
    """Close, or the same infinity (a one-sided interval's open end; JSON writes it "Infinity")."""
    a, b = float(a), float(b)
    return a == b or (math.isfinite(a) and math.isfinite(b) and _close(a, b, rtol))


def _two_sided(out: dict) -> bool:
    return out.get("alternative", "two-sided") == "two-sided"


def audit_proportion_test(args: dict, out: dict) -> list[dict]:
    """p-values by scipy (binomtest, fisher_exact) or statsmodels (proportions_ztest), intervals by statsmodels."""
    from scipy import stats
    from statsmodels.stats.proportion import confint_proportions_2indep, proportion_confint, proportions_ztest

    x, n = [int(v) for v in args["x"]], [int(v) for v in args["n"]]
    alternative = out.get("alternative", "two-sided")
    sm_alt = {"two-sided": "two-sided", "greater": "larger", "less": "smaller"}[alternative]
    level = float(out["confidence"])
    checks = [_check("estimate", _close(out["p_hat"][0], x[0] / n[0]), f"{x[0]}/{n[0]} = {x[0] / n[0]:.6g}")]
    method = out["method"]
    if len(x) == 1:
        p0 = float(out["p0"])
        if method == "exact":
            ref = stats.binomtest(x[0], n[0], p0, alternative=alternative)
            ci = ref.proportion_ci(level, method="exact")
            checks += [_check("p-value", _close(out["p_value"], ref.pvalue, 1e-7, 1e-300),
                              f"scipy.stats.binomtest gives {ref.pvalue:.6g}"),
                       _check("Clopper-Pearson", _same(out["ci_low"], ci.low) and _same(out["ci_high"], ci.high),
                              f"scipy's exact interval [{ci.low:.6g}, {ci.high:.6g}]")]
        elif not out.get("correct"):
            z, p = proportions_ztest(x[0], n[0], value=p0, prop_var=p0, alternative=sm_alt)
            checks.append(_check("p-value", _close(out["p_value"], p, 1e-7, 1e-300),
                                 f"statsmodels proportions_ztest: z = {z:.6g}, p = {p:.6g}"))
        if _two_sided(out):
            low, high = proportion_confint(x[0], n[0], alpha=1 - level, method="wilson")
            checks.append(_check("Wilson", _close(out["intervals"]["wilson"][0], low) and
                                 _close(out["intervals"]["wilson"][1], high),
                                 f"statsmodels Wilson interval [{low:.6g}, {high:.6g}]"))
        return checks
    table = [[x[0], n[0] - x[0]], [x[1], n[1] - x[1]]]
    if method == "fisher":
        p = stats.fisher_exact(table, alternative=alternative).pvalue
        checks.append(_check("p-value", _close(out["p_value"], p, 1e-7, 1e-300),
                             f"scipy.stats.fisher_exact gives {p:.6g}"))
        if out.get("odds_ratio") is not None and 0 < out["odds_ratio"] < math.inf:
            ref = stats.contingency.odds_ratio(table, kind="conditional").statistic
            checks.append(_check("odds ratio", _close(out["odds_ratio"], ref, 1e-5),
                                 f"scipy conditional MLE odds ratio {ref:.6g}"))
    elif out.get("correct"):
        if _two_sided(out):
            chi, p, _, _ = stats.chi2_contingency(table, correction=True)
            checks.append(_check("p-value", _close(out["p_value"], p, 1e-7, 1e-300),
                                 f"scipy chi2_contingency with Yates: χ² = {chi:.6g}, p = {p:.6g}"))
    else:
        z, p = proportions_ztest(x, n, alternative=sm_alt)
        checks.append(_check("p-value", _close(out["p_value"], p, 1e-7, 1e-300),
                             f"statsmodels proportions_ztest: z = {z:.6g}, p = {p:.6g}"))
    checks.append(_check("difference", _close(out["difference"], x[0] / n[0] - x[1] / n[1]),
                         f"p1 − p2 = {x[0] / n[0] - x[1] / n[1]:.6g}"))
    if _two_sided(out):
        low, high = confint_proportions_2indep(x[0], n[0], x[1], n[1], method="newcomb", compare="diff",
                                               alpha=1 - level)
        checks.append(_check("Newcombe", _close(out["ci_low"], low) and _close(out["ci_high"], high),
                             f"statsmodels Newcombe interval [{low:.6g}, {high:.6g}]"))
    return checks


def _sample_with(mean: float, sd: float, n: int):
    """n values whose mean and standard deviation are exactly the given ones (evenly spaced, then scaled)."""
    import numpy as np

    z = np.arange(n, dtype=float) - (n - 1) / 2
    z /= z.std(ddof=1)
    return mean + sd * z


def audit_summary_t_test(args: dict, out: dict) -> list[dict]:
    """A sample rebuilt with the same mean, sd and n, tested by scipy's data-based t-test (one sample, paired), or
    scipy's ttest_ind_from_stats (two samples)."""
    from scipy import stats

    alternative = out.get("alternative", "two-sided")
    mean, sd, n, mu = float(args["mean"]), float(args["sd"]), int(args["n"]), float(args.get("mu") or 0)
    if args["kind"] in ("pooled", "welch"):
        ref = stats.ttest_ind_from_stats(mean - mu, sd, n, float(args["mean2"]), float(args["sd2"]), int(args["n2"]),
                                         equal_var=args["kind"] == "pooled", alternative=alternative)
        how = "scipy.stats.ttest_ind_from_stats"
        checks = []
    else:
        ref = stats.ttest_1samp(_sample_with(mean, sd, n), mu, alternative=alternative)
        ci = ref.confidence_interval(float(out["confidence"]))
        how = "scipy.stats.ttest_1samp on a sample rebuilt with this mean, sd and n"
        checks = [_check("interval", _same(out["ci_low"], ci.low) and _same(out["ci_high"], ci.high),
                         f"{how}: [{ci.low:.6g}, {ci.high:.6g}]")]
    return [_check("t", _close(out["t"], ref.statistic, 1e-8), f"{how}: t = {ref.statistic:.6g}"),
            _check("p-value", _close(out["p_value"], ref.pvalue, 1e-7, 1e-300), f"{how}: p = {ref.pvalue:.6g}"),
            *checks]


def audit_summary_capability(args: dict, out: dict) -> list[dict]:
    """Each index from its definition, Cpk = Cp (1 − k) where both limits are given, and the expected ppm from the
    normal tail on the other side (Φ(−z) = 1 − Φ(z))."""
    from scipy.stats import norm

    mean = float(args["mean"])
    lsl = None if args.get("lsl") is None else float(args["lsl"])
    usl = None if args.get("usl") is None else float(args["usl"])
    checks = []
    spread = next((k for k in ("rbar", "sbar") if args.get(k) is not None), None)
    if spread is not None and out.get("sigma_within") is not None:
        # the within sigma from R̄ or s̄ against the exact d2 or c4 (the tool uses the printed table: agree to ~1e-3)
        from tools.spc_constants import exact_c4, exact_d2

        n = int(args["subgroup"])
        exact = float(args[spread]) / (exact_d2(n) if spread == "rbar" else float(exact_c4(n)))
        checks.append(_check("within sigma", _close(out["sigma_within"], exact, 2e-3),
                             f"{'R̄/d2' if spread == 'rbar' else 's̄/c4'} with the exact constant for n = {n}: {exact:.6g}"))
    for family, sigma in (("c", out.get("sigma_within")), ("p", out.get("sigma_overall"))):
        if sigma is None:
            continue
        sides = [v for v in ((mean - lsl) / (3 * sigma) if lsl is not None else None,
                             (usl - mean) / (3 * sigma) if usl is not None else None) if v is not None]
        name = f"{family}pk"
        checks.append(_check(name.capitalize(), _close(out[name], min(sides)), f"min(mean − LSL, USL − mean)/3σ = "
                             f"{min(sides):.6g} with σ = {sigma:g}"))
        if lsl is not None and usl is not None:
            whole = (usl - lsl) / (6 * sigma)
            checks.append(_check(f"{name.capitalize()} = {family.upper()}p(1 − k)",
                                 _close(out[name], whole * (1 - out["k"])), f"{whole:.6g} × (1 − {out['k']:.4g})"))
    sigma = out.get("sigma_overall") or out.get("sigma_within")
    below = (1 - norm.cdf((mean - lsl) / sigma)) * 1e6 if lsl is not None else 0.0
    above = (1 - norm.cdf((usl - mean) / sigma)) * 1e6 if usl is not None else 0.0
    checks.append(_check("expected ppm", _close(out["ppm_expected"]["total"], below + above, 1e-6, 1e-6),
                         f"normal tails {below + above:.6g} ppm"))
    return checks


def _statsmodels_power(out: dict, args: dict, sizes: list[int]) -> tuple[float, float]:
    """The power statsmodels.stats.power gives at these sizes, and the tolerance it is compared with."""
    from statsmodels.stats.power import FTestAnovaPower, NormalIndPower, TTestIndPower, TTestPower
    from statsmodels.stats.proportion import power_proportions_2indep

    alpha, effect = float(out["alpha"]), float(out["effect_size"])
    alt = {"two-sided": "two-sided", "greater": "larger", "less": "smaller"}[out["alternative"]]
    test = out["test"]
    if test == "anova":
        return float(FTestAnovaPower().power(effect, sum(sizes), alpha, k_groups=len(sizes))), 1e-7
    if test in ("one_sample_t", "paired_t"):
        return float(TTestPower().power(effect, sizes[0], alpha, alternative=alt)), 1e-7
    if test == "two_sample_t":
        return float(TTestIndPower().power(effect, sizes[0], alpha, ratio=sizes[1] / sizes[0], alternative=alt)), 1e-7
    if args.get("method") == "arcsine":
        return float(NormalIndPower().power(effect, sizes[0], alpha, ratio=sizes[1] / sizes[0], alternative=alt)), 1e-7
    p1, p2 = float(args["p1"]), float(args["p2"])
    ref = power_proportions_2indep(p1 - p2, p2, sizes[0], ratio=sizes[1] / sizes[0], alpha=alpha, alternative=alt)
    # statsmodels counts the far rejection tail that R's power.prop.test leaves out: equal up to that tail
    return float(ref.power), (1e-7 if alt != "two-sided" else 2e-3)


def audit_power(args: dict, out: dict) -> list[dict]:
    """The power at the reported sizes by statsmodels.stats.power; a solved n is the smallest that reaches the
    target (one unit fewer falls short)."""
    sizes = [int(v) for v in out["n_per_group"]]
    given_n = args.get("n") is not None and float(args["n"]) != int(float(args["n"]))
    checks = []
    if not given_n:
        ref, tol = _statsmodels_power(out, args, sizes)
        checks.append(_check("power", abs(float(out["power"]) - ref) <= tol + 1e-7 * ref,
                             f"statsmodels.stats.power gives {ref:.6g} at n = {sizes}"))
    if out.get("solved_for") == "n" and out.get("target_power") is not None:
        target = float(out["target_power"])
        checks.append(_check("reaches the target", float(out["power"]) >= target - 1e-12,
                             f"power {float(out['power']):.4g} ≥ {target:g} at {sizes[0]} per group"))
        if sizes[0] > (1 if out["test"] == "two_proportions" else 2):
            fewer = [sizes[0] - 1] * len(sizes) if out["test"] != "two_sample_t" and out["test"] != \
                "two_proportions" else [sizes[0] - 1, max(1, sizes[1] - round(sizes[1] / sizes[0]))]
            below, _ = _statsmodels_power(out, args, fewer)
            checks.append(_check("smallest n", below < target + 1e-9, f"one fewer per group gives {below:.4g}"))
    if args.get("cost_per_unit") is not None and out.get("total_cost") is not None:
        total = sum(sizes) * float(args["cost_per_unit"])
        checks.append(_check("total cost", abs(float(out["total_cost"]) - total) <= 1e-9 * max(1.0, total),
                             f"{sum(sizes)} units × {float(args['cost_per_unit']):g} = {total:g}"))
    return checks


def audit_sample_size_ci(args: dict, out: dict) -> list[dict]:
    """The margin reached by the reported n, recomputed from the normal or t quantile (scipy), is within the one asked
    for, and one unit fewer falls short of it (the n is the smallest); without a finite population the unrounded n
    is recomputed from the closed form."""
    from scipy import stats

    n, margin, conf = int(out["n"]), float(out["margin"]), float(out["confidence"])
    population = out.get("population")

    def reached(size: int) -> float:
        if size < (2 if out["method"] == "t" else 1):
            return math.inf
        q = stats.t.ppf(1 - (1 - conf) / 2, size - 1) if out["method"] == "t" else stats.norm.ppf(1 - (1 - conf) / 2)
        spread = float(out["sd"]) if out["target"] == "mean" else math.sqrt(float(out["p"]) * (1 - float(out["p"])))
        fpc = 1.0 if not population else math.sqrt(max(0.0, (population - size) / (population - 1)))
        return float(q) * spread / math.sqrt(size) * fpc

    checks = []
    if not population:
        checks.append(_check("reaches the margin", reached(n) <= margin * (1 + 1e-12),
                             f"± {reached(n):.6g} at n = {n}, asked ± {margin:g}"))
        checks.append(_check("smallest n", reached(n - 1) > margin * (1 - 1e-12),
                             f"one fewer gives ± {reached(n - 1):.6g}"))
        if out["method"] != "t":
            z = float(stats.norm.ppf(1 - (1 - conf) / 2))
            spread2 = float(out["sd"]) ** 2 if out["target"] == "mean" else float(out["p"]) * (1 - float(out["p"]))
            n0 = z * z * spread2 / margin**2
            checks.append(_check("closed form", _close(float(out["n_unrounded"]), n0, 1e-9, 1e-12),
                                 f"z² σ² / E² = {n0:.8g}"))
    else:
        n0 = float(out["n_unrounded"]) if out["method"] != "t" else float(out["n_infinite_population"])
        corrected = n0 / (1 + (n0 - 1) / population)
        checks.append(_check("Cochran's correction", n == max(1, min(population, math.ceil(corrected - 1e-9))),
                             f"n₀ / (1 + (n₀ − 1) / N) = {corrected:.6g} → {n}"))
    return checks


def audit_summary_chart(args: dict, out: dict) -> list[dict]:
    """The limits rebuilt from σ within (R̄/d2 or s̄/c4) with the exact constants: X̿ ± 3σ/√n, and the R or S
    chart's 3σ limits from d3 or c4. The table's constants are rounded to 3 decimals, so agreement to about 1e-3."""
    from tools.spc_constants import exact_c4, exact_d2, exact_d3

    if args.get("total") is not None:
        return _audit_count_chart(args, out)
    n, centre = int(args["n"]), float(args["grand_mean"])
    if args.get("r_bar") is not None:
        r_bar = float(args["r_bar"])
        sigma = r_bar / exact_d2(n)
        spread = (max(0.0, r_bar - 3 * exact_d3(n) * sigma), r_bar + 3 * exact_d3(n) * sigma)
    else:
        s_bar = float(args["s_bar"])
        c4 = float(exact_c4(n))
        sigma = s_bar / c4
        spread = (max(0.0, s_bar - 3 * sigma * math.sqrt(1 - c4 * c4)), s_bar + 3 * sigma * math.sqrt(1 - c4 * c4))
    half = 3 * sigma / math.sqrt(n)
    x, s = out["xbar"], out["spread"]
    tol = 2e-3
    return [_check("X̄ limits", _close(x["ucl"] - centre, half, tol) and _close(centre - x["lcl"], half, tol),
                   f"X̿ ± 3σ/√n with σ = {sigma:.6g} (exact constants): ± {half:.6g}"),
            _check(f"{out['spread_chart']} limits", _close(s["ucl"], spread[1], tol) and
                   abs(s["lcl"] - spread[0]) <= tol * max(1.0, spread[1]),
                   f"3σ limits of the {out['spread_chart']} chart from exact constants: [{spread[0]:.6g}, "
                   f"{spread[1]:.6g}]")]


def _audit_count_chart(args: dict, out: dict) -> list[dict]:
    """p, np, c, u limits from the total: the centre as total over the inspected amount, and its limits as
    centre ± 3 standard errors of a binomial (p, np) or Poisson (c, u) count, in exact fractions where possible."""
    from fractions import Fraction

    total, k = Fraction(str(args["total"])), int(args["subgroups"])
    n = Fraction(str(args["n"])) if args.get("n") is not None else Fraction(1)
    chart = args["chart"]
    rate = total / (k * n) if chart != "c" else total / k
    if chart in ("p", "np"):
        var = float(rate * (1 - rate) / n) * (float(n) ** 2 if chart == "np" else 1.0)
        centre = float(rate * n) if chart == "np" else float(rate)
    else:
        var = float(rate / n) if chart == "u" else float(rate)
        centre = float(rate)
    half = 3 * math.sqrt(var)
    a = out["attribute"]
    return [_check(f"{chart} centre", _close(a["center"], centre), f"total {args['total']} over the inspected amount: "
                   f"{centre:.6g}"),
            _check(f"{chart} limits", _close(a["ucl"], centre + half) and _close(a["lcl"], max(0.0, centre - half)),
                   f"centre ± 3 × {math.sqrt(var):.6g}: [{max(0.0, centre - half):.6g}, {centre + half:.6g}]")]


SUMMARY_AUDITORS: dict[str, Callable[[dict, dict], list[dict]]] = {
    "summary_chart": audit_summary_chart,
    "power": audit_power,
    "sample_size_ci": audit_sample_size_ci,
    "proportion_test": audit_proportion_test,
    "summary_t_test": audit_summary_t_test,
    "summary_capability": audit_summary_capability,
}
