"""AUDIT for the tools that work from counts and summary figures (proportions, summary t-tests, capability from a
mean and a standard deviation, power): each number recomputed by another library or another formula.

Why a module of its own: these tools have no raw data to recompute from, so the independent route is a second
implementation (scipy or statsmodels, which follow R) or an identity that must hold (Cpk = Cp (1 − k)).
"""

from __future__ import annotations

import math
from collections.abc import Callable

from graphs.audit_checks import _check, _close


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
                       _check("Clopper-Pearson", _close(out["ci_low"], ci.low, 1e-7) and _close(out["ci_high"],
                              ci.high, 1e-7), f"scipy's exact interval [{ci.low:.6g}, {ci.high:.6g}]")]
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


SUMMARY_AUDITORS: dict[str, Callable[[dict, dict], list[dict]]] = {
    "proportion_test": audit_proportion_test,
}
