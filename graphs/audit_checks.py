"""Independent recomputation of each tool's result, by a different route.

The engine's results are recomputed here with plain numpy formulas (never by
calling the same tool again): sums of squares that must add up, limits from raw
data, design matrices inspected directly, derivatives against finite
differences. A check returns AuditCheck rows; any failure sends PLAN the reason.
"""

from __future__ import annotations

import math
import random
import re
from collections.abc import Callable
from itertools import combinations

import numpy as np

from graphs.audit_blocks import audit_design_blocks, audit_doe_anova, audit_effects_blocks
from graphs.audit_curvature import audit_curvature
from graphs.audit_prediction import audit_predictions
from graphs.state import AuditCheck
from tools.errors import HavocInputError

RTOL = 1e-6


def _close(a: float, b: float, rtol: float = RTOL, atol: float = 1e-9) -> bool:
    return abs(float(a) - float(b)) <= atol + rtol * max(abs(float(a)), abs(float(b)))


def _check(name: str, passed: bool, detail: str) -> dict:
    return AuditCheck(name=name, passed=bool(passed), detail=detail).model_dump()


def _f(values) -> np.ndarray:
    return np.asarray([float(v) for v in values], dtype=float)


# ---------------------------------------------------------------- statistics

def audit_describe(args: dict, out: dict) -> list[dict]:
    x = _f(args["data"])
    checks = [_check("mean", _close(out["mean"], x.mean()), f"mean recomputed {x.mean():.10g}")]
    if len(x) > 1:
        sd = math.sqrt(((x - x.mean()) ** 2).sum() / (len(x) - 1))
        checks.append(_check("std_dev", _close(out["std_dev"], sd), f"two-pass sd {sd:.10g}"))
        if out.get("population_std_dev") is not None:
            pop = math.sqrt(((x - x.mean()) ** 2).sum() / len(x))
            checks.append(_check("population std_dev", _close(out["population_std_dev"], pop),
                                 f"two-pass sd with divisor n {pop:.10g}"))
    return checks


def audit_t_test(args: dict, out: dict) -> list[dict]:
    kind = args["kind"]
    x = _f(args["x"])
    if kind == "one_sample":
        d, mu = x, float(args.get("mu") or 0)
        t = (d.mean() - mu) / (d.std(ddof=1) / math.sqrt(len(d)))
    elif kind == "paired":
        d = x - _f(args["y"])
        t = (d.mean() - float(args.get("mu") or 0)) / (d.std(ddof=1) / math.sqrt(len(d)))
    else:
        y = _f(args["y"])
        vx, vy, nx, ny = x.var(ddof=1), y.var(ddof=1), len(x), len(y)
        if kind == "welch":
            se = math.sqrt(vx / nx + vy / ny)
        else:
            sp2 = ((nx - 1) * vx + (ny - 1) * vy) / (nx + ny - 2)
            se = math.sqrt(sp2 * (1 / nx + 1 / ny))
        t = (x.mean() - y.mean() - float(args.get("mu") or 0)) / se
    centre = float(np.mean(x)) if kind == "one_sample" else float(out["mean_difference"])
    contains = out["ci_low"] <= centre <= out["ci_high"] if args.get("alternative", "two-sided") == "two-sided" else True
    return [_check("t statistic", _close(out["t"], t), f"t recomputed from the data: {t:.10g}"),
            _check("ci contains estimate", contains, f"the confidence interval brackets the estimate {centre:.6g}")]


def audit_anova_oneway(args: dict, out: dict) -> list[dict]:
    groups = [_f(g) for g in args["groups"]]
    allv = np.concatenate(groups)
    grand = allv.mean()
    ssb = sum(len(g) * (g.mean() - grand) ** 2 for g in groups)
    ssw = sum(((g - g.mean()) ** 2).sum() for g in groups)
    sst = ((allv - grand) ** 2).sum()
    checks = [
        _check("SS add up", _close(out["between_ss"] + out["within_ss"], sst, 1e-8),
               f"between + within = {out['between_ss'] + out['within_ss']:.10g}, total = {sst:.10g}"),
        _check("between SS", _close(out["between_ss"], ssb, 1e-6, 1e-9 * max(sst, 1)), f"recomputed {ssb:.10g}"),
    ]
    if out.get("welch"):
        return checks + _audit_welch(groups, out)
    return checks + [
        _check("F = MSB/MSW", _close(out["f_statistic"], (ssb / (len(groups) - 1)) / (ssw / (len(allv) - len(groups)))),
               "F recomputed from the sums of squares"),
    ]


def _audit_welch(groups: list[np.ndarray], out: dict) -> list[dict]:
    """Welch (1951) by its textbook formula: weights n/s², the weighted mean, Λ, F and df2."""
    k = len(groups)
    n = np.array([len(g) for g in groups], dtype=float)
    w = n / np.array([g.var(ddof=1) for g in groups])
    means = np.array([g.mean() for g in groups])
    mw = (w * means).sum() / w.sum()
    lam = ((1 - w / w.sum()) ** 2 / (n - 1)).sum()
    f = ((w * (means - mw) ** 2).sum() / (k - 1)) / (1 + 2 * (k - 2) * lam / (k * k - 1))
    df2 = (k * k - 1) / (3 * lam)
    return [_check("Welch F", _close(out["f_statistic"], f), f"Σw(m − m_w)²/(k − 1) over 1 + 2(k − 2)Λ/(k² − 1) "
                   f"with w = n/s²: {f:.10g}"),
            _check("Welch df2", _close(out["df2"], df2), f"(k² − 1)/(3Λ) = {df2:.10g}")]


def _ranks(x: np.ndarray) -> np.ndarray:
    """Average ranks (ties share the mean of their positions), by sorting: no library ranking."""
    order = np.argsort(x, kind="mergesort")
    ranks = np.empty(len(x))
    sorted_x = x[order]
    i = 0
    while i < len(x):
        j = i
        while j + 1 < len(x) and sorted_x[j + 1] == sorted_x[i]:
            j += 1
        ranks[order[i:j + 1]] = (i + j) / 2 + 1
        i = j + 1
    return ranks


KENDALL_PAIR_LIMIT = 3000  # pair counting is O(n²): past this the coefficient is not recounted


def audit_correlation(args: dict, out: dict) -> list[dict]:
    """r from two-pass sums, rho as r of hand-made average ranks, tau-b by counting concordant pairs."""
    x, y = _f(args["x"]), _f(args["y"])
    n, method = len(x), out.get("method", "pearson")

    def pearson(a: np.ndarray, b: np.ndarray) -> float:
        da, db = a - a.mean(), b - b.mean()
        return float((da * db).sum() / math.sqrt((da * da).sum() * (db * db).sum()))

    if method == "kendall":
        if n > KENDALL_PAIR_LIMIT:
            return []
        sx, sy = np.sign(np.subtract.outer(x, x)), np.sign(np.subtract.outer(y, y))
        upper = np.triu_indices(n, 1)
        s = float((sx * sy)[upper].sum())
        tx, ty = float((sx[upper] != 0).sum()), float((sy[upper] != 0).sum())
        ref, how = s / math.sqrt(tx * ty), "(concordant − discordant) / √(untied-x pairs × untied-y pairs)"
    elif method == "spearman":
        ref, how = pearson(_ranks(x), _ranks(y)), "Pearson's r of the average ranks"
    else:
        ref, how = pearson(x, y), "Σ(x − x̄)(y − ȳ) / √(Σ(x − x̄)² Σ(y − ȳ)²)"
    checks = [_check("coefficient", _close(out["coefficient"], ref, 1e-9, 1e-12), f"{how}: {ref:.10g}")]
    if method != "kendall" and abs(ref) < 1 and isinstance(out.get("statistic"), (int, float)):
        t = ref * math.sqrt((n - 2) / (1 - ref * ref))
        checks.append(_check("t statistic", _close(out["statistic"], t, 1e-6), f"r·√((n − 2)/(1 − r²)) = {t:.10g}"))
    if out.get("ci_low") is not None and out.get("ci_high") is not None:
        checks.append(_check("ci contains estimate", out["ci_low"] <= out["coefficient"] <= out["ci_high"],
                             "the interval brackets the coefficient"))
    return checks


def audit_variance_test(args: dict, out: dict) -> list[dict]:
    """Sample variances from two-pass sums; F as their ratio, Bartlett's statistic by its formula."""
    groups = [_f(g) for g in args["groups"]]
    var = np.array([((g - g.mean()) ** 2).sum() / (len(g) - 1) for g in groups])
    n = np.array([len(g) for g in groups], dtype=float)
    checks = [_check("variances", np.allclose(out["variances"], var, rtol=1e-9), "two-pass sample variances")]
    if out.get("method") == "f":
        ratio = float(var[0] / var[1])
        checks.append(_check("F = s1²/s2²", _close(out["statistic"], ratio, 1e-9), f"ratio of variances {ratio:.10g}"))
        lo, hi = out.get("ci_low"), out.get("ci_high")
        if isinstance(lo, (int, float)) and isinstance(hi, (int, float)):
            checks.append(_check("ci contains estimate", lo <= ratio <= hi, "the interval brackets s1²/s2²"))
        return checks
    k, total = len(groups), n.sum()
    pooled = ((n - 1) * var).sum() / (total - k)
    c = 1 + ((1 / (n - 1)).sum() - 1 / (total - k)) / (3 * (k - 1))
    stat = ((total - k) * math.log(pooled) - ((n - 1) * np.log(var)).sum()) / c
    return checks + [_check("Bartlett's statistic", _close(out["statistic"], stat, 1e-7, 1e-10),
                            f"[(N − k) ln s_p² − Σ(n − 1) ln s²] / C = {stat:.10g}")]


def audit_anova_twoway(args: dict, out: dict) -> list[dict]:
    y = _f(args["y"])
    sst = ((y - y.mean()) ** 2).sum()
    parts = out["ss_a"] + out["ss_b"] + (out.get("ss_ab") or 0) + out["ss_error"]
    return [_check("SS add up", _close(parts, sst, 1e-7),
                   f"A + B + AB + error = {parts:.10g}, total = {sst:.10g}" +
                   ("" if _close(parts, sst, 1e-7) else " (unbalanced data: type II/III SS need not add up)"))]


def audit_regression(args: dict, out: dict) -> list[dict]:
    y = _f(args["y"])
    if args.get("X") is not None:
        X = np.asarray([[float(v) for v in row] for row in args["X"]])
    else:
        x = _f(args["x"])
        X = np.column_stack([x ** d for d in range(1, int(args.get("degree") or 1) + 1)])
    if args.get("intercept", True):
        X = np.column_stack([np.ones(len(y)), X])
    beta, *_ = np.linalg.lstsq(X, y, rcond=None)
    coefs = np.asarray(out["coefficients"], dtype=float)
    resid = y - X @ coefs
    rss = float(resid @ resid)
    ok = np.allclose(coefs, beta, rtol=1e-5, atol=1e-8 * max(1.0, float(np.abs(beta).max())))
    return [
        _check("coefficients", ok, "least squares by numpy lstsq (SVD) agrees" if ok else
               f"lstsq gives {np.array2string(beta, precision=6)}"),
        _check("residual SS", _close(out["residual_ss"], rss, 1e-6, 1e-9 * max(1.0, float(y @ y))),
               f"residual SS from the returned coefficients: {rss:.10g}"),
    ] + (audit_predictions(args, out) if out.get("predictions") else [])


def audit_chi_square(args: dict, out: dict) -> list[dict]:
    if args.get("table") is not None:
        t = np.asarray([[float(v) for v in row] for row in args["table"]])
        exp = np.outer(t.sum(1), t.sum(0)) / t.sum()
        ok = np.allclose(np.asarray(out["expected"], dtype=float), exp, rtol=1e-9)
        checks = [_check("expected counts", ok, "row total × column total / N")]
        if not args.get("correction", True) or t.shape != (2, 2):
            stat = float(((t - exp) ** 2 / exp).sum())
            checks.append(_check("statistic", _close(out["statistic"], stat), f"Σ(O−E)²/E = {stat:.10g}"))
        return checks
    return []


def audit_mcnemar(args: dict, out: dict) -> list[dict]:
    """statsmodels' `mcnemar` on the same 2 × 2 table (exact, and chi-square with the continuity correction), and the
    discordant cells read back from the table."""
    from statsmodels.stats.contingency_tables import mcnemar

    if args.get("table") is not None:
        t = [[float(v) for v in row] for row in args["table"]]
    else:
        t = [[0.0, float(args["b"])], [float(args["c"]), 0.0]]
    exact = float(mcnemar(t, exact=True).pvalue)
    chi = mcnemar(t, exact=False, correction=True)
    return [
        _check("discordant pairs", (out["b"], out["c"]) == (int(t[0][1]), int(t[1][0])),
               f"b = {int(t[0][1])} (first yes, second no), c = {int(t[1][0])}"),
        _check("exact p-value", _close(out["p_exact"], exact, 1e-9, 1e-15), f"statsmodels gives {exact:.10g}"),
        _check("corrected χ²", _close(out["chi2_corrected"], float(chi.statistic), 1e-9, 1e-12),
               f"statsmodels gives {float(chi.statistic):.10g}, p = {float(chi.pvalue):.6g}"),
    ]


def audit_scipy_test(tool: str) -> Callable[[dict, dict], list[dict]]:
    def check(args: dict, out: dict) -> list[dict]:
        from scipy import stats

        if tool == "normality" and args.get("method", "shapiro_wilk") == "shapiro_wilk":
            ref = stats.shapiro(_f(args["data"])).statistic
        elif tool == "levene":
            ref = stats.levene(*[_f(g) for g in args["groups"]], center=args.get("center", "median")).statistic
        elif tool == "friedman":
            ref = stats.friedmanchisquare(*[_f(g) for g in args["groups"]]).statistic
        elif tool == "kruskal_wallis":
            ref = stats.kruskal(*[_f(g) for g in args["groups"]]).statistic
        else:
            return []
        return [_check("statistic", _close(out["statistic"], ref, 1e-6), f"scipy.stats gives {ref:.10g}")]

    return check


def _written_minus(a, b) -> np.ndarray:
    """a − b as the numbers were written (decimal text), so ties are the user's, not binary rounding's."""
    from decimal import Decimal

    bs = b if isinstance(b, (list, tuple)) else [b] * len(a)
    return np.asarray([float(Decimal(str(u)) - Decimal(str(v))) for u, v in zip(a, bs, strict=True)])


def audit_mann_whitney(args: dict, out: dict) -> list[dict]:
    """W by counting pairs (no ranks), the p-value by scipy's own null distribution, the shift by its definition."""
    from scipy import stats

    x, y = _written_minus(args["x"], args.get("mu") or 0), _f(args["y"])
    diff = np.subtract.outer(x, y)
    w = float((diff > 0).sum() + 0.5 * (diff == 0).sum())
    alternative = args.get("alternative", "two-sided")
    ref = stats.mannwhitneyu(x, y, alternative=alternative, method="exact" if out["exact"] else "asymptotic",
                             use_continuity=bool(args.get("correct", True)))
    hl = float(np.median(np.subtract.outer(_f(args["x"]), y)))
    return [_check("W", _close(out["statistic"], w), f"pairs with x − μ above y (ties ½): {w:g}"),
            _check("p-value", _close(out["p_value"], ref.pvalue, 1e-6, 1e-12), f"scipy.stats.mannwhitneyu gives "
                   f"{ref.pvalue:.6g}"),
            _check("Hodges–Lehmann shift", _close(out["estimate"], hl), f"median of the x − y differences {hl:.6g}"),
            _check("ci contains estimate", float(out["ci_low"]) <= hl <= float(out["ci_high"]),
                   "the interval brackets the Hodges–Lehmann estimate")]


def audit_wilcoxon_signed_rank(args: dict, out: dict) -> list[dict]:
    """V by counting Walsh averages above μ (Tukey's identity, no ranks), the p-value by scipy."""
    from decimal import Decimal

    from scipy import stats

    y = args["y"] if args.get("y") is not None else [0] * len(args["x"])
    mu = Decimal(str(args.get("mu") or 0))
    d = np.asarray([float(Decimal(str(a)) - Decimal(str(b)) - mu) for a, b in zip(args["x"], y, strict=True)])
    d = d[d != 0]
    walsh = np.add.outer(d, d)[np.triu_indices(len(d))]
    v = float((walsh > 0).sum() + 0.5 * (walsh == 0).sum())
    alternative = args.get("alternative", "two-sided")
    ref = stats.wilcoxon(d, alternative=alternative, zero_method="wilcox", correction=bool(args.get("correct", True)),
                         method="exact" if out["exact"] else "asymptotic")
    return [_check("V", _close(out["statistic"], v), f"Walsh averages above μ (ties ½): {v:g}"),
            _check("p-value", _close(out["p_value"], ref.pvalue, 1e-6, 1e-12), f"scipy.stats.wilcoxon gives "
                   f"{ref.pvalue:.6g}"),
            _check("ci contains estimate", float(out["ci_low"]) <= out["estimate"] <= float(out["ci_high"]),
                   "the interval brackets the pseudomedian")]


def audit_sign_test(args: dict, out: dict) -> list[dict]:
    """The signs counted again from the written numbers, the p-value by scipy's binomial test (or the normal formula)."""
    from decimal import Decimal

    from scipy import stats

    y = args["y"] if args.get("y") is not None else [0] * len(args["x"])
    mu = Decimal(str(args.get("mu") or 0))
    d = [Decimal(str(a)) - Decimal(str(b)) - mu for a, b in zip(args["x"], y, strict=True)]
    plus, minus = sum(v > 0 for v in d), sum(v < 0 for v in d)
    alternative = args.get("alternative", "two-sided")
    if out.get("exact", True):
        ref = float(stats.binomtest(plus, plus + minus, 0.5, alternative=alternative).pvalue)
        how = f"scipy.stats.binomtest({plus}, {plus + minus}, 1/2) gives {ref:.6g}"
    else:
        z = out.get("z") or 0.0
        ref = float(2 * stats.norm.sf(abs(z)) if alternative == "two-sided" else
                    stats.norm.sf(z) if alternative == "greater" else stats.norm.cdf(z))
        how = f"the normal tail of z = {z:.4g} is {ref:.6g}"
    return [_check("signs", (out["positives"], out["negatives"]) == (plus, minus),
                   f"{plus} above and {minus} below μ, {len(d) - plus - minus} equal"),
            _check("p-value", _close(out["p_value"], min(1.0, ref), 1e-9, 1e-12), how)]


# ---------------------------------------------------------------- SPC

def audit_control_chart(args: dict, out: dict) -> list[dict]:
    from tools.registry import run_tool

    chart = args["chart"]
    if chart in ("ewma", "cusum"):
        from graphs.audit_smallshift import audit_small_shift

        return audit_small_shift(args, out)
    exclude = set(args.get("exclude") or [])
    k = float(args.get("k_sigma") or 3)
    checks = []
    known_center = float(args["center"]) if args.get("center") is not None else None
    known_sigma = float(args["sigma"]) if args.get("sigma") is not None else None
    if chart in ("xbar_r", "xbar_s"):
        sub = [_f(s) for i, s in enumerate(args["subgroups"]) if i not in exclude]
        n = len(sub[0])
        if any(len(s) != n for s in sub):
            return []
        const = run_tool("spc_constants", {"n": n})
        means = np.array([s.mean() for s in sub])
        center = known_center if known_center is not None else means.mean()
        if known_sigma is not None:
            half, how = k * known_sigma / np.sqrt(n), f"{k:g}·σ/√n with the known σ"
        elif chart == "xbar_r":
            half, how = k / 3 * const["A2"] * np.mean([s.max() - s.min() for s in sub]), "A2·R̄ from the published table"
        else:
            half, how = k / 3 * const["A3"] * np.mean([s.std(ddof=1) for s in sub]), "A3·s̄ from the published table"
        checks.append(_check("centre line", _close(out["center"], center),
                             "the known mean" if known_center is not None else f"grand mean {center:.10g}"))
        checks.append(_check("limits", _close(out["ucl"], center + half, 1e-3) and _close(out["lcl"], center - half, 1e-3),
                             f"centre ± {how}: [{center - half:.6g}, {center + half:.6g}]"))
    elif chart == "imr":
        every = _f(args["values"])
        x = _f([v for i, v in enumerate(args["values"]) if i not in exclude])
        center = known_center if known_center is not None else x.mean()
        if known_sigma is not None:
            half, how = k * known_sigma, f"{k:g}·σ (known)"
        else:
            # a moving range spans two neighbours: one touching an excluded point is left out, not bridged
            ranges = [abs(every[i + 1] - every[i]) for i in range(len(every) - 1)
                      if i not in exclude and i + 1 not in exclude]
            half, how = k * float(np.mean(ranges)) / 1.128, f"{k:g}·MR̄/1.128"
        checks.append(_check("limits", _close(out["ucl"], center + half, 1e-3) and _close(out["lcl"], center - half, 1e-3),
                             f"{'μ' if known_center is not None else 'x̄'} ± {how}: [{center - half:.6g}, {center + half:.6g}]"))
    elif chart in ("p", "np", "c", "u"):
        keep = [i for i in range(len(args["counts"])) if i not in exclude]
        c = _f([args["counts"][i] for i in keep])
        if chart == "c":
            center = c.mean()
        else:
            sizes = args.get("sizes") or [args["subgroup_size"]] * len(args["counts"])
            n = _f([sizes[i] for i in keep])
            center = c.sum() / n.sum() if chart in ("p", "u") else c.mean()
        checks.append(_check("centre line", _close(out["center"], center), f"recomputed {center:.10g}"))
    return checks


def audit_capability(args: dict, out: dict) -> list[dict]:
    data = _f(args.get("data") or [v for row in args.get("subgroups") or [] for v in row])
    checks = []
    sd = data.std(ddof=1)
    lsl, usl = args.get("lsl"), args.get("usl")
    if lsl is not None and usl is not None and out.get("pp") is not None:
        pp = (float(usl) - float(lsl)) / (6 * sd)
        checks.append(_check("Pp", _close(out["pp"], pp, 1e-6), f"(USL−LSL)/6s with the sample sd: {pp:.6g}"))
    if lsl is not None and usl is not None and out.get("cp") is not None and out.get("sigma_within"):
        cp = (float(usl) - float(lsl)) / (6 * out["sigma_within"])
        checks.append(_check("Cp", _close(out["cp"], cp, 1e-9), f"(USL−LSL)/6σ_within: {cp:.6g}"))
    if out.get("cpk") is not None and out.get("cp") is not None:
        checks.append(_check("Cpk ≤ Cp", out["cpk"] <= out["cp"] + 1e-12, "Cpk never exceeds Cp"))
    return checks


# ---------------------------------------------------------------- DOE

def audit_design(args: dict, out: dict) -> list[dict]:
    X = np.asarray(out["coded"], dtype=float)
    checks = [_check("run count", X.shape[0] == out["runs"], f"{X.shape[0]} rows, {out['runs']} runs reported")]
    if args.get("cost_per_run") is not None and out.get("total_cost") is not None:
        total = X.shape[0] * float(args["cost_per_run"])
        checks.append(_check("total cost", _close(out["total_cost"], total, 1e-12),
                             f"{X.shape[0]} rows × {float(args['cost_per_run']):g} = {total:g}"))
    design = args.get("design")
    centre = int(np.sum(np.all(np.abs(X) < 1e-12, axis=1)))
    if design in ("box_behnken", "central_composite") and args.get("center_points") is not None:
        want = int(args["center_points"]) * int(args.get("replicates") or 1)
        checks.append(_check("centre points", centre == want, f"{centre} centre rows found, {want} asked"))
    if design in ("box_behnken", "full_factorial", "fractional_factorial", "plackett_burman", "central_composite"):
        sums = np.abs(X.sum(axis=0)).max()
        checks.append(_check("balance", sums < 1e-9, f"max |column sum| = {sums:.3g}"))
        Xc = X - X.mean(axis=0)
        G = Xc.T @ Xc
        off = np.abs(G - np.diag(np.diag(G))).max() if G.shape[0] > 1 else 0.0
        checks.append(_check("orthogonality", off < 1e-9, f"max |off-diagonal of X'X| = {off:.3g}"))
    if design == "box_behnken":
        levels = set(np.round(X, 9).ravel().tolist())
        checks.append(_check("levels", levels <= {-1.0, 0.0, 1.0}, f"level set {sorted(levels)}"))
        edge = X[~np.all(np.abs(X) < 1e-12, axis=1)]
        ok = bool(np.all(np.sum(np.abs(edge) > 0.5, axis=1) == 2)) if X.shape[1] == 3 else True
        checks.append(_check("edge midpoints", ok, "each non-centre run has exactly two factors at ±1"
                             if X.shape[1] == 3 else "not checked beyond 3 factors"))
    if out.get("block"):
        checks += audit_design_blocks(out)
    if design == "fractional_factorial" and out.get("resolution"):
        res = resolution_from_matrix(X)
        checks.append(_check("resolution", res == out["resolution"],
                             f"shortest word found in the matrix has length {res}"))
    return checks


def resolution_from_matrix(X: np.ndarray, max_len: int = 8) -> int | None:
    """Length of the shortest product of columns that is constant: the design's resolution.

    Centre rows (all zeros) carry no sign information and are left out.
    """
    X = X[~np.all(np.abs(X) < 1e-12, axis=1)]
    cols = [X[:, j] for j in range(X.shape[1])]
    for length in range(1, min(max_len, len(cols)) + 1):
        for combo in combinations(range(len(cols)), length):
            prod = np.prod([cols[j] for j in combo], axis=0)
            if np.all(prod == prod[0]) and abs(prod[0]) == 1:
                return length
    return None


def audit_effects(args: dict, out: dict) -> list[dict]:
    """Each effect as a contrast, Σ x·y / (Σ x² / 2), over the product of its factors' coded columns."""
    y = _f(args["response"])
    if args.get("coded") is not None:
        X = np.asarray([[float(v) for v in row] for row in args["coded"]])
    elif isinstance(args.get("factors"), int):
        k = int(args["factors"])
        X = np.array([[1.0 if (i >> j) & 1 else -1.0 for j in range(k)] for i in range(2 ** k)])
    else:
        return []
    if X.shape[0] != len(y) or X.shape[1] > 26:
        return []
    checks = [_check("mean", _close(out["mean"], y.mean()), f"mean {y.mean():.10g}")]
    bad = []
    for word, value in out["effects"].items():
        if not word.isalpha() or not word.isupper() or any(ord(c) - 65 >= X.shape[1] for c in word):
            continue
        column = np.prod([X[:, ord(c) - 65] for c in word], axis=0)
        effect = float(column @ y) / (float(column @ column) / 2)
        if not _close(value, effect, 1e-9, 1e-9 * max(1.0, float(np.abs(y).max()))):
            bad.append(f"{word}: {value} vs contrast {effect:.10g}")
    checks.append(_check("effects as contrasts", not bad, "; ".join(bad) or
                         f"all {len(out['effects'])} effects recomputed from the coded columns"))
    if args.get("block"):
        checks += audit_effects_blocks(args, out)
    return checks


def audit_rsm(args: dict, out: dict) -> list[dict]:
    X = np.asarray([[float(v) for v in row] for row in args["X"]])
    y = _f(args["y"])
    k = X.shape[1]
    cols, names = [np.ones(len(y))], ["b0"]
    cols += [X[:, i] for i in range(k)]
    names += [f"b{i + 1}" for i in range(k)]
    cols += [X[:, i] ** 2 for i in range(k)]
    names += [f"b{i + 1}{i + 1}" for i in range(k)]
    for i, j in combinations(range(k), 2):
        cols.append(X[:, i] * X[:, j])
        names.append(f"b{i + 1}{j + 1}")
    beta, *_ = np.linalg.lstsq(np.column_stack(cols), y, rcond=None)
    coefs = out["coefficients"]
    ok = all(_close(coefs[n], b, 1e-6, 1e-8) for n, b in zip(names, beta, strict=True) if n in coefs)
    return [_check("coefficients", ok, "second-order least squares by numpy lstsq agrees")]


# ---------------------------------------------------------------- symbolic

def _evaluate_many(expression: str, points: list[dict[str, float]]) -> list[float | None]:
    """The expression's real value at each point, in one tool call (None where undefined or complex)."""
    from tools.registry import run_tool

    try:
        out = run_tool("evaluate", {"expression": expression, "points": points or [{}]})
    except HavocInputError:
        return [None] * max(1, len(points))
    values = []
    for p in out.get("points") or [out]:
        v = p.get("value")
        ok = isinstance(v, (int, float)) and math.isfinite(v) and p.get("is_real", True) is not False
        values.append(float(v) if ok else None)
    return values


def _evaluate(expression: str, values: dict[str, float]) -> float | None:
    return _evaluate_many(expression, [values])[0]


def _points(seed: str, n: int = 4) -> list[float]:
    rng = random.Random(seed)
    return [round(rng.uniform(0.3, 2.2), 6) for _ in range(n)]


def _other_symbols(expr: str, skip: set[str]) -> dict[str, float]:
    """Values for the expression's other symbols (a partial derivative holds them fixed): seeded, not special."""
    from tools.safe_expr import parse, symbols_in

    try:
        names = sorted(symbols_in(parse(expr)) - skip)
    except HavocInputError:
        return {}
    rng = random.Random(expr + "|others")
    return {n: round(rng.uniform(0.4, 1.9), 6) for n in names}


def audit_derivative(args: dict, out: dict) -> list[dict]:
    """d/dx by central differences, the other symbols held at fixed values (so ∂/∂y of x²y³ is checked too);
    a mixed second partial ∂²/∂x∂y by the four-point difference."""
    var, expr, order = args.get("variables") or args.get("variable", "x"), args["expression"], int(args.get("order") or 1)
    listed = out.get("variables")  # what the tool differentiated by: ["x", "x", "y"] for f_xxy
    if isinstance(listed, list) and len(set(listed)) > 1:
        var, order = listed, 1
    if isinstance(var, list) and len(var) == 1:
        var = var[0]
    if isinstance(var, list):
        if len(var) != 2 or var[0] == var[1] or order != 1:
            return _value_at_check(out)
        return _audit_mixed_partial(expr, var[0], var[1], out) + _value_at_check(out)
    if order != 1 or not isinstance(var, str):
        return _value_at_check(out)
    others = _other_symbols(expr, {var})
    xs = _points(expr)
    hs = [1e-5 * max(1.0, abs(x0)) for x0 in xs]
    f = _evaluate_many(expr, [{**others, var: x0 + s * h} for x0, h in zip(xs, hs, strict=True) for s in (1, -1)])
    d = _evaluate_many(out["result"], [{**others, var: x0} for x0 in xs])
    held = ", ".join(f"{k} = {v}" for k, v in others.items())
    checks = []
    for i, (x0, h) in enumerate(zip(xs, hs, strict=True)):
        fp, fm = f[2 * i], f[2 * i + 1]
        if None in (fp, fm, d[i]):
            continue
        numeric = (fp - fm) / (2 * h)
        checks.append(_check(f"d/d{var} at {var} = {x0}" + (f" ({held})" if held else ""),
                             _close(d[i], numeric, 1e-5, 1e-6),
                             f"symbolic {d[i]:.8g} vs central difference {numeric:.8g}"))
    return checks + _value_at_check(out)


def _audit_mixed_partial(expr: str, a: str, b: str, out: dict) -> list[dict]:
    others = _other_symbols(expr, {a, b})
    rng = random.Random(expr + "|mixed")
    points = [(round(rng.uniform(0.3, 2.2), 6), round(rng.uniform(0.3, 2.2), 6)) for _ in range(3)]
    h = 1e-4
    corners = [{**others, a: x + sa * h, b: y + sb * h} for x, y in points for sa, sb in ((1, 1), (1, -1), (-1, 1),
                                                                                        (-1, -1))]
    f = _evaluate_many(expr, corners)
    d = _evaluate_many(out["result"], [{**others, a: x, b: y} for x, y in points])
    checks = []
    for i, (x, y) in enumerate(points):
        pp, pm, mp, mm = f[4 * i:4 * i + 4]
        if None in (pp, pm, mp, mm, d[i]):
            continue
        numeric = (pp - pm - mp + mm) / (4 * h * h)
        checks.append(_check(f"∂²/∂{a}∂{b} at ({x}, {y})", _close(d[i], numeric, 1e-4, 1e-5),
                             f"symbolic {d[i]:.8g} vs four-point difference {numeric:.8g}"))
    return checks


def audit_integral(args: dict, out: dict) -> list[dict]:
    var, expr = args.get("variable", "x"), args["expression"]
    lower, upper = args.get("lower"), args.get("upper")
    if lower is None or upper is None:
        xs = _points(expr, 3)
        hs = [1e-5 * max(1.0, abs(x0)) for x0 in xs]
        F = _evaluate_many(out["result"], [{var: x0 + s * h} for x0, h in zip(xs, hs, strict=True) for s in (1, -1)])
        f = _evaluate_many(expr, [{var: x0} for x0 in xs])
        checks = []
        for i, (x0, h) in enumerate(zip(xs, hs, strict=True)):
            if None in (F[2 * i], F[2 * i + 1], f[i]):
                continue
            slope = (F[2 * i] - F[2 * i + 1]) / (2 * h)
            checks.append(_check(f"F'({x0}) = f({x0})", _close(slope, f[i], 1e-5, 1e-6),
                                 f"derivative of the antiderivative {slope:.8g} vs integrand {f[i]:.8g}"))
        return checks
    a, b = _bound(lower), _bound(upper)
    if a is None or b is None or not (math.isfinite(a) and math.isfinite(b)):
        # infinite bounds: the tool's own independent quadrature (scipy) is the second route
        if out.get("check_agrees") is None:
            return []
        return [_check("quadrature", bool(out["check_agrees"]),
                       f"adaptive quadrature gives {out.get('numeric_check')}")]
    value, claimed = _evaluate(str(out["result"]), {}), "the result"
    if value is None and isinstance(out.get("numeric"), (int, float)):
        value = float(out["numeric"])
    if value is None and isinstance(out.get("numeric_check"), (int, float)) and not out.get("numeric_check_imag"):
        value, claimed = float(out["numeric_check"]), "the tool's quadrature value"
    if value is None:
        return [_inconclusive("quadrature", f"the result {str(out['result'])[:60]} is not one finite real number "
                                            "to compare with a quadrature")]
    return [quadrature_check(expr, var, a, b, value, claimed)]


AUDIT_MAX_TERMS = 2000  # a finite sum with at most this many terms is added up term by term by the audit


def audit_summation(args: dict, out: dict) -> list[dict]:
    """A finite sum: every term evaluated (the `evaluate` tool) and added with fsum, against the result. An infinite
    one: the tool's own numeric check (mpmath's extrapolated sum), which is independent of SymPy's closed form."""
    var = str(out.get("variable") or args.get("variable") or "n")
    a, b = _bound(out.get("lower")), _bound(out.get("upper"))
    if out.get("converges") is False:
        return [_inconclusive("terms added", "the sum diverges: there is no value to add up to")]
    if a is None or b is None or not (math.isfinite(a) and math.isfinite(b)) or b - a >= AUDIT_MAX_TERMS:
        if out.get("check_agrees") is None:
            return []
        return [_check("terms added", bool(out["check_agrees"]),
                       f"adding the terms numerically gives {out.get('numeric_check')}")]
    terms = _values(str(out.get("expression") or args.get("expression")), var,
                    [float(k) for k in range(int(a), int(b) + 1)])
    if any(t is None for t in terms):
        return [_inconclusive("terms added", "a term has no real value")]
    total = math.fsum(terms)  # type: ignore[arg-type]
    value = out.get("numeric") if isinstance(out.get("numeric"), (int, float)) else _evaluate(str(out["result"]), {})
    if value is None:
        return [_inconclusive("terms added", f"the result {str(out['result'])[:60]} is not one finite real number")]
    return [_check("terms added", _close(float(value), total, 1e-9, 1e-12),
                   f"the {int(b - a) + 1} terms add up to {total:.12g}; the result is {float(value):.12g}")]


def _inconclusive(name: str, reason: str) -> dict:
    """The independent route could not decide: said so, with why; it neither passes nor fails the audit."""
    return {**_check(name, False, f"inconclusive: {reason}"), "inconclusive": True}


def _bound(value) -> float | None:
    """A bound as a float: numbers, or constant text such as pi/2 (via `evaluate`); inf for oo; None if neither."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value)
    text = str(value).strip()
    try:
        return float(text)
    except ValueError:
        pass
    if re.fullmatch(r"[-+]?\s*(oo|inf|infinity|∞)", text, re.I):
        return -math.inf if text.startswith("-") else math.inf
    return _evaluate(text, {})


# ---- adaptive quadrature for the audit: split where the integrand's formula switches, then bisect

QUAD_NODES = 10  # Gauss–Legendre points per panel: exact for polynomials up to degree 19
QUAD_RTOL = 1e-10  # the quadrature's own target, relative to the integral of |f|
AGREE_RTOL = 1e-8  # how close the result must be to the quadrature
MAX_EVALUATIONS = 10_000
BATCH = 1000  # points per `evaluate` call (the tool's limit)
SWITCH_GRID = 128  # panels of the grid that brackets where a switch (abs, sign, floor, ...) changes
SWITCH_REFINE = 7  # rounds of 32-way refinement of each bracket: width (b - a) / 128 / 32**7


def _values(expression: str, var: str, xs: list[float]) -> list[float | None]:
    out: list[float | None] = []
    for i in range(0, len(xs), BATCH):
        out += _evaluate_many(expression, [{var: x} for x in xs[i:i + BATCH]])
    return out


def _node_text(node) -> str:
    """A safe_expr tree back to text the tools read (fully parenthesised)."""
    from tools import safe_expr as se

    if isinstance(node, se.Num):
        return node.text
    if isinstance(node, se.Sym):
        return node.name
    if isinstance(node, se.Const):
        return se.CONSTANTS.get(node.name, node.name)
    if isinstance(node, se.Call):
        return f"{node.func}({', '.join(_node_text(a) for a in node.args)})"
    if isinstance(node, se.Sum):
        (first_sign, first), *rest = node.terms
        text = ("-" if first_sign < 0 else "") + _node_text(first)
        return "(" + text + "".join(f" {'+' if sign > 0 else '-'} {_node_text(t)}" for sign, t in rest) + ")"
    if isinstance(node, se.Product):
        (_, first, _), *rest = node.factors
        return "(" + _node_text(first) + "".join(f" {op} {_node_text(f)}" for op, f, _ in rest) + ")"
    if isinstance(node, se.Neg):
        return f"(-{_node_text(node.operand)})"
    if isinstance(node, se.Power):
        return f"({_node_text(node.base)})^({_node_text(node.exponent)})"
    if isinstance(node, se.Factorial):
        return f"{'factorial2' if node.double else 'factorial'}({_node_text(node.operand)})"
    raise TypeError(f"no text for {type(node).__name__}")


def _switches(expression: str) -> tuple[list[tuple[str, str]], bool]:
    """Where the formula changes branch: (kind, text of g) with kind "sign" (g = 0) or "floor" (g crosses an integer).

    abs, sign and Heaviside switch where their argument is 0; Max and Min where two arguments
    are equal; floor and ceiling where theirs crosses an integer. The second value says whether
    the integrand holds a Dirac delta, which has no values to sample.
    """
    from tools import safe_expr as se

    found: list[tuple[str, str]] = []
    delta = False
    stack = [se.parse(expression)]
    while stack:
        node = stack.pop()
        if isinstance(node, se.Call):
            stack.extend(node.args)
            args = [_node_text(a) for a in node.args]
            if node.func in ("Abs", "sign", "Heaviside"):
                found.append(("sign", args[0]))
            elif node.func in ("floor", "ceiling"):
                found.append(("floor", args[0]))
            elif node.func in ("Max", "Min"):
                found += [("sign", f"({p}) - ({q})") for p, q in combinations(args, 2)]
            elif node.func == "DiracDelta":
                delta = True
        elif isinstance(node, se.Sum):
            stack.extend(t for _, t in node.terms)
        elif isinstance(node, se.Product):
            stack.extend(f for _, f, _ in node.factors)
        elif isinstance(node, (se.Neg, se.Factorial)):
            stack.append(node.operand)
        elif isinstance(node, se.Power):
            stack.extend((node.base, node.exponent))
    return list(dict.fromkeys(found)), delta


def _key(kind: str, g: float | None) -> float | None:
    if g is None:
        return None
    return float(np.sign(g)) if kind == "sign" else float(math.floor(g))


def _breakpoints(switches: list[tuple[str, str]], var: str, a: float, b: float) -> tuple[list[float], int]:
    """The points in (a, b) where a switch changes, each to about (b - a) * 1e-13; and the evaluations spent."""
    points: list[float] = []
    spent = 0
    grid = list(np.linspace(a, b, SWITCH_GRID + 1))
    for kind, g in switches:
        keys = [_key(kind, v) for v in _values(g, var, grid)]
        spent += len(grid)
        brackets = []
        for i in range(SWITCH_GRID):
            k0, k1 = keys[i], keys[i + 1]
            if k0 is None or k1 is None:
                continue
            if kind == "sign" and k1 == 0 and 0 < i + 1 < SWITCH_GRID:
                points.append(grid[i + 1])  # the switch sits on a grid point
            elif k0 != k1 and not (kind == "sign" and 0 in (k0, k1)):
                brackets.append([grid[i], grid[i + 1], k0])
        for _ in range(SWITCH_REFINE):
            if not brackets:
                break
            inner = [[lo + (hi - lo) * j / 32 for j in range(1, 32)] for lo, hi, _ in brackets]
            keys = [_key(kind, v) for v in _values(g, var, [x for xs in inner for x in xs])]
            spent += len(keys)
            for n, (bracket, xs) in enumerate(zip(brackets, inner, strict=True)):
                lo, hi, k0 = bracket
                row = keys[31 * n:31 * (n + 1)]
                j = next((j for j, k in enumerate(row) if k is not None and k != k0), None)
                if j is None:
                    bracket[0] = xs[-1]
                else:
                    bracket[0], bracket[1] = (xs[j - 1] if j else lo), xs[j]
        found = [(lo + hi) / 2 for lo, hi, _ in brackets]
        if found:  # a switch at a round number (x = 1, x = 0.3) is put exactly there when g says so
            tries = [[round(p, d) for d in (12, 9, 6)] for p in found]
            values = _values(g, var, [c for row in tries for c in row])
            spent += len(values)
            for n, row in enumerate(tries):
                exact = [c for c, v in zip(row, values[3 * n:3 * n + 3], strict=True)
                         if v is not None and (v == 0 if kind == "sign" else v == math.floor(v))
                         and abs(c - found[n]) <= 1e-6 * (b - a)]
                if exact:
                    found[n] = exact[-1]
        points += found
    inside = sorted({p for p in points if a < p < b})
    return inside, spent


def adaptive_quadrature(expression: str, var: str, a: float, b: float
                        ) -> tuple[float | None, float, float, int, list[float], str | None]:
    """∫_a^b by Gauss–Legendre panels, split at the formula's switch points, bisected until the halves agree.

    Returns (value, error estimate, ∫|f|, evaluations, split points, why the value cannot be
    trusted or None). Every value of the integrand comes from the `evaluate` tool, 1000 points a call.
    """
    from tools import safe_expr

    others = sorted(safe_expr.symbols_in(safe_expr.parse(expression)) - {var})
    if others:
        return None, math.inf, math.inf, 0, [], f"the integrand has parameters ({', '.join(others)}), not one value"
    if a == b:
        return 0.0, 0.0, 0.0, 0, [], None
    sign = 1.0
    if a > b:
        a, b, sign = b, a, -1.0
    switches, delta = _switches(expression)
    if delta:
        return None, math.inf, math.inf, 0, [], "a Dirac delta has no values to sample"
    splits, spent = _breakpoints(switches, var, a, b) if switches else ([], 0)
    nodes, weights = np.polynomial.legendre.leggauss(QUAD_NODES)

    def panels(intervals: list[tuple[float, float]]) -> list[tuple[float, float] | None]:
        """(∫f, ∫|f|) on each interval; None where the integrand has no real value at a node."""
        xs = [float((hi - lo) / 2 * t + (lo + hi) / 2) for lo, hi in intervals for t in nodes]
        fs = _values(expression, var, xs)
        found: list[tuple[float, float] | None] = []
        for k, (lo, hi) in enumerate(intervals):
            row = fs[QUAD_NODES * k:QUAD_NODES * (k + 1)]
            if any(v is None for v in row):
                found.append(None)
            else:
                f = np.asarray(row, dtype=float)
                found.append(((hi - lo) / 2 * float(weights @ f), (hi - lo) / 2 * float(weights @ np.abs(f))))
        return found

    edges = [a, *splits, b]
    pieces = [(lo, hi) for lo, hi in zip(edges, edges[1:], strict=False) if hi > lo]
    active = list(zip(pieces, panels(pieces), strict=True))
    spent += QUAD_NODES * len(pieces)
    done: list[tuple[float, float, float]] = []  # accepted panels: (∫f, error estimate, ∫|f|)
    shortest = 1e-13 * max(b - a, abs(a), abs(b))
    reason = None
    while active and reason is None:
        if spent + 2 * QUAD_NODES * len(active) > MAX_EVALUATIONS:
            reason = f"adaptive quadrature did not settle within {MAX_EVALUATIONS} evaluations"
            if any(whole is not None for _, whole in active):
                partial = sum(v for v, _, _ in done) + sum(w[0] for _, w in active if w is not None)
                reason += f"; estimate so far {sign * partial:.10g}"
            break
        undefined = [(lo + hi) / 2 for (lo, hi), whole in active if whole is None]
        if len(undefined) > 32:  # not an isolated point a node happened to hit: a stretch without real values
            reason = f"the integrand is undefined or not real on part of the interval (near {var} = {undefined[0]:.6g})"
            break
        halves = [(lo, (lo + hi) / 2) for (lo, hi), _ in active] + [((lo + hi) / 2, hi) for (lo, hi), _ in active]
        found = panels(halves)
        spent += QUAD_NODES * len(halves)
        l1 = sum(m for _, _, m in done) + sum(whole[1] for _, whole in active if whole is not None)
        scale = max(l1, 1e-300)
        next_active = []
        for n, ((lo, hi), whole) in enumerate(active):
            left, right = found[n], found[n + len(active)]
            mid = (lo + hi) / 2
            if whole is not None and left is not None and right is not None:
                err = abs(whole[0] - (left[0] + right[0]))
                if err <= QUAD_RTOL * scale * (hi - lo) / (b - a) or hi - lo < shortest:
                    done.append((left[0] + right[0], err, left[1] + right[1]))
                    continue
            elif hi - lo < shortest:
                reason = f"the integrand is undefined or not real near {var} = {mid:.10g}"
                break
            next_active += [((lo, mid), left), ((mid, hi), right)]
        active = next_active
    value = sum(v for v, _, _ in done)
    error = sum(e for _, e, _ in done)
    l1 = sum(m for _, _, m in done)
    if reason is None and error > 100 * QUAD_RTOL * max(l1, 1e-300):
        reason = (f"adaptive quadrature did not settle (a singularity or a jump it cannot resolve): "
                  f"error estimate {error:.2g}")
    if reason is not None:
        return None, math.inf, l1, spent, splits, f"{reason} (after {spent} evaluations)"
    return sign * value, error, l1, spent, splits, None


def quadrature_check(expression: str, var: str, a: float, b: float, value: float, claimed: str = "the result") -> dict:
    """Pass when `value` matches adaptive quadrature of the integrand; inconclusive when the quadrature cannot settle."""
    quad, error, l1, spent, splits, reason = adaptive_quadrature(expression, var, a, b)
    if reason is not None or quad is None:
        return _inconclusive("quadrature", reason or "no quadrature value")
    allowed = AGREE_RTOL * max(abs(value), abs(quad)) + 1e-10 * l1 + 2 * error + 1e-300
    split = f", split at {var} = {', '.join(f'{p:.10g}' for p in splits[:6])}{' ...' if len(splits) > 6 else ''}" \
        if splits else ""
    detail = f"adaptive Gauss–Legendre gives {quad:.12g} (error estimate {error:.1g}, {spent} evaluations{split})"
    if abs(value - quad) > allowed:
        detail += f"; {claimed} is {value:.12g}"
    return _check("quadrature", abs(value - quad) <= allowed, detail)


def audit_solve(args: dict, out: dict) -> list[dict]:
    eqs = args["equations"] if isinstance(args["equations"], list) else [args["equations"]]
    checks = []
    for sol in out.get("solutions") or []:
        if any(isinstance(v, dict) and (v.get("imag") or v.get("is_real") is False) for v in sol.values()):
            continue  # a complex root: its real part alone is no solution to check
        try:
            point = {k: float(v["numeric"] if isinstance(v, dict) else v) for k, v in sol.items()}
        except (TypeError, ValueError, AttributeError):
            continue  # complex or symbolic solutions: not checked numerically
        for eq in eqs:
            lhs, _, rhs = eq.partition("=")
            residual = _evaluate(f"({lhs}) - ({rhs or 0})", point)
            if residual is not None:
                checks.append(_check(f"{eq} at {point}", abs(residual) < 1e-7, f"residual {residual:.3g}"))
    return checks


def _value_at_check(out: dict) -> list[dict]:
    """A value asked at a point ("and its value at x = 7"): the result evaluated there by the evaluate tool."""
    there, at = out.get("value_at"), out.get("at")
    if not there or not at or there.get("value") is None:
        return []
    value = _evaluate(str(out["result"]), {k: float(_evaluate(v, {}) or 0.0) for k, v in at.items()})
    if value is None:
        return []
    point = ", ".join(f"{k} = {v}" for k, v in at.items())
    return [_check(f"value at {point}", _close(value, there["value"], 1e-9, 1e-12),
                   f"result evaluated there {value:.10g} vs reported {there['value']:.10g}")]


def audit_simplify(args: dict, out: dict) -> list[dict]:
    expr = args["expression"]
    checks = _value_at_check(out)
    names = sorted(set(re.findall(r"(?<![A-Za-z])([a-z])(?![A-Za-z(])", expr)) - {"e"})
    for x0 in _points(expr, 3):
        values = {n: x0 + 0.1 * i for i, n in enumerate(names)}
        a, b = _evaluate(expr, values), _evaluate(out["result"], values)
        if None in (a, b):
            continue
        checks.append(_check(f"equal at {values}", _close(a, b, 1e-9, 1e-12), f"{a:.10g} vs {b:.10g}"))
    return checks


def audit_matrix(args: dict, out: dict) -> list[dict]:
    try:
        A = np.asarray([[float(v) for v in row] for row in args["matrix"]])
    except (TypeError, ValueError):
        return []
    op = args.get("operation")
    if op == "determinant":
        value = _evaluate(str(out["result"]), {})
        det = float(np.linalg.det(A))
        return [] if value is None else [_check("determinant", _close(value, det, 1e-9, 1e-9), f"LU gives {det:.10g}")]
    if op == "inverse" and out.get("numeric_rows"):
        product = A @ np.asarray(out["numeric_rows"], dtype=float)
        error = float(np.max(np.abs(product - np.eye(len(A)))))
        return [_check("inverse", error < 1e-9 * max(1.0, float(np.max(np.abs(A)))),
                       f"A × inverse differs from I by at most {error:.2g}")]
    return []


def _extrema_window(out: dict, names: list[str]) -> tuple[float, float, int, int] | None:
    """The stretch of a one-variable interval the absolute extremes are checked on, as (a, b, first, last) grid
    indices of 0 … 400: an open end is left out of the grid, and an infinite end is cut to a window reaching well
    past the critical points."""
    if len(names) != 1 or (out.get("lower") is None and out.get("upper") is None) or not out.get("interval"):
        return None
    interval = str(out["interval"])
    ends = [None if out.get(k) is None else _evaluate(str(out[k]), {}) for k in ("lower", "upper")]
    a, b = (e if e is not None and math.isfinite(e) else None for e in ends)
    xs = [float(p["point"][names[0]]["numeric"]) for p in out.get("points") or []
          if p["point"].get(names[0], {}).get("numeric") is not None]
    known = [v for v in (a, b, *xs) if v is not None]
    if not known:
        return None
    span = max(10.0, 4 * (max(known) - min(known)))
    a = min(known) - span if a is None else a
    b = max(known) + span if b is None else b
    return a, b, 1 if interval.startswith("(") else 0, 399 if interval.endswith(")") else 400


def audit_extrema(args: dict, out: dict) -> list[dict]:
    """Each critical point by the function's own values, through `evaluate`: the value reported there, the
    central-difference gradient (≈ 0 where the derivative exists), and the neighbours a step away along each axis
    and diagonal (all above a minimum, all below a maximum, some of each for a saddle or a point with no extremum).
    On an interval, the absolute maximum and minimum against the function on a grid of up to 401 points (an open
    end left out, an infinite one cut to a window around the critical points)."""
    expr, names = args["expression"], out.get("variables") or []
    checks: list[dict] = []
    for p in out.get("points") or []:
        try:
            c = {n: float(p["point"][n]["numeric"]) for n in names}
            claimed = float(p["value"]["numeric"])
        except (TypeError, ValueError, KeyError):
            continue
        h = 1e-3 * max(1.0, *(abs(v) for v in c.values()))
        steps = [{n: (s if n == m else 0.0) for n in names} for m in names for s in (h, -h)]
        if len(names) > 1:
            steps += [{n: s * h * (1 if i == 0 else t) for i, n in enumerate(names)} for s in (1, -1) for t in (1, -1)]
        values = _evaluate_many(expr, [c] + [{n: c[n] + d[n] for n in names} for d in steps])
        here, around = values[0], values[1:]
        where = ", ".join(f"{n} = {v:.6g}" for n, v in c.items())
        if here is None or None in around:
            continue
        checks.append(_check(f"f at {where}", _close(here, claimed, 1e-9, 1e-12), f"{here:.10g} vs reported {claimed:.10g}"))
        if p.get("derivative_exists", True):
            slopes = [(around[2 * i] - around[2 * i + 1]) / (2 * h) for i in range(len(names))]
            scale = max(1.0, abs(here)) / h
            checks.append(_check(f"gradient at {where}", all(abs(s) <= 1e-6 * scale for s in slopes),
                                 "central differences " + ", ".join(f"{s:.3g}" for s in slopes)))
        rises = [v - here for v in around]
        tiny = 1e-12 * max(1.0, abs(here))
        if all(abs(r) <= tiny for r in rises):
            continue  # too flat to see at this step: the test cannot tell
        kind = p.get("kind")
        above, below = any(r > tiny for r in rises), any(r < -tiny for r in rises)
        expected = {"local minimum": not below, "local maximum": not above,
                    "saddle point": above and below, "no extremum": above and below}.get(kind)
        if expected is not None:
            checks.append(_check(f"{kind} at {where}", expected,
                                 f"neighbours a step {h:.2g} away differ from f there by {min(rises):.3g} … {max(rises):.3g}"))
    window = _extrema_window(out, names)
    if window is not None:
        a, b, first, last = window
        if a < b:
            grid = [a + (b - a) * i / 400 for i in range(first, last + 1)]
            values = [v for v in _evaluate_many(expr, [{names[0]: x} for x in grid]) if v is not None]
            for key, pick, word in (("absolute_max", max, "maximum"), ("absolute_min", min, "minimum")):
                extreme = out.get(key)
                if values and extreme and extreme["value"].get("numeric") is not None:
                    best, claimed = pick(values), float(extreme["value"]["numeric"])
                    ok = best <= claimed + 1e-9 * max(1.0, abs(claimed)) if word == "maximum" else \
                        best >= claimed - 1e-9 * max(1.0, abs(claimed))
                    checks.append(_check(f"absolute {word} on the interval", ok,
                                         f"the {word} over a 401-point grid is {best:.10g}, reported {claimed:.10g}"))
    return checks


AUDITORS: dict[str, Callable[[dict, dict], list[dict]]] = {
    "describe": audit_describe,
    "t_test": audit_t_test,
    "anova_oneway": audit_anova_oneway,
    "anova_twoway": audit_anova_twoway,
    "regression": audit_regression,
    "chi_square": audit_chi_square,
    "normality": audit_scipy_test("normality"),
    "levene": audit_scipy_test("levene"),
    "variance_test": audit_variance_test,
    "correlation": audit_correlation,
    "kruskal_wallis": audit_scipy_test("kruskal_wallis"),
    "friedman": audit_scipy_test("friedman"),
    "mcnemar": audit_mcnemar,
    "mann_whitney": audit_mann_whitney,
    "wilcoxon_signed_rank": audit_wilcoxon_signed_rank,
    "sign_test": audit_sign_test,
    "control_chart": audit_control_chart,
    "capability": audit_capability,
    "doe_design": audit_design,
    "doe_effects": audit_effects,
    "doe_anova": audit_doe_anova,
    "doe_curvature": audit_curvature,
    "rsm_fit": audit_rsm,
    "differentiate": audit_derivative,
    "integrate": audit_integral,
    "summation": audit_summation,
    "solve": audit_solve,
    "extrema": audit_extrema,
    "simplify": audit_simplify,
    "matrix": audit_matrix,
}


def _summary_auditors() -> None:
    """The auditors of the count and summary-figure tools live in graphs.audit_summary (which uses this module)."""
    from graphs.audit_summary import SUMMARY_AUDITORS

    AUDITORS.update(SUMMARY_AUDITORS)


_summary_auditors()
