#!/usr/bin/env python
"""Round 18 blind evaluation set for HAVOC.

Every data set is defined here, the question text is generated from it, the
expected values are computed two independent ways and asserted equal, and the
data are re-parsed back out of the question text and recomputed.

Run from this folder:  ../../../.venv/bin/python make_round18.py   -> writes round18.jsonl
"""
import itertools
import json
import math
import os
import re
from fractions import Fraction

import numpy as np
import sympy as sp
import mpmath as mp
import statsmodels.api as sm
import statsmodels.formula.api as smf
from scipy import integrate, special, stats
from statsmodels.stats.power import TTestIndPower
from statsmodels.stats.proportion import proportions_ztest
from statsmodels.stats.weightstats import DescrStatsW

HERE = os.path.dirname(os.path.abspath(__file__))
TOL = 1e-4          # (a) vs (b) agreement
TOL_CONST = 2e-3    # tabulated vs exact SPC constants
TOL_PARSE = 1e-9    # data re-parsed from text vs data as defined

ALL_TOOLS = set("""anova_oneway anova_twoway capability chi_square control_chart
describe differentiate doe_curvature doe_design doe_effects doe_properties evaluate
integrate kruskal_wallis limit mann_whitney matrix power proportion_test regression
series simplify solve spc_constants summary_capability summary_chart summary_t_test
t_test wilcoxon_signed_rank levene normality""".split())

RECORDS = []


# --------------------------------------------------------------------------
# generic helpers
# --------------------------------------------------------------------------
def agree(a, b, tol=TOL, label=""):
    a = list(a) if isinstance(a, (list, tuple, np.ndarray)) else [a]
    b = list(b) if isinstance(b, (list, tuple, np.ndarray)) else [b]
    assert len(a) == len(b), (label, a, b)
    for x, y in zip(a, b):
        if isinstance(x, (int, np.integer)) and isinstance(y, (int, np.integer)):
            assert x == y, (label, x, y)
        else:
            x, y = float(x), float(y)
            assert math.isclose(x, y, rel_tol=tol, abs_tol=1e-12), (label, x, y)


def sig(v, n=6):
    if isinstance(v, (int, np.integer)):
        return int(v)
    return float(f"{float(v):.{n}g}")


def E(what, value, rel):
    return {"what": what, "value": sig(value), "rel": rel}


NUM = r"-?\d+(?:\.\d+)?"


def floats(s):
    return [float(x) for x in re.findall(NUM, s)]


def between(text, start, end=None):
    i = text.index(start) + len(start)
    j = text.index(end, i) if end is not None else len(text)
    return text[i:j]


def add(qid, kind, question, intent, tools, expect, refuse=False):
    assert not set(tools) - ALL_TOOLS, (qid, tools)
    assert qid == f"u{len(RECORDS) + 1:02d}", (qid, len(RECORDS))
    if refuse:
        assert expect == [] and tools == []
    else:
        assert expect and tools
    RECORDS.append({"id": qid, "kind": kind, "question": question.strip("\n"),
                    "intent": intent, "tools": list(tools), "expect": expect,
                    "refuse": refuse})


def mean(x):
    return sum(x) / len(x)


def svar(x):
    m = mean(x)
    return sum((v - m) ** 2 for v in x) / (len(x) - 1)


# independent p-value routines (incomplete beta / gamma, not scipy.stats)
def p_t2(t, df):
    return float(special.betainc(df / 2, 0.5, df / (df + t * t)))


def p_t_greater(t, df):
    h = 0.5 * special.betainc(df / 2, 0.5, df / (df + t * t))
    return float(h if t > 0 else 1 - h)


def p_F(F, d1, d2):
    return float(special.betainc(d2 / 2, d1 / 2, d2 / (d2 + d1 * F)))


def p_chi2(x, k):
    return float(special.gammaincc(k / 2, x / 2))


def p_z2(z):
    return float(special.erfc(abs(z) / math.sqrt(2)))


def Phi(z):
    return 0.5 * special.erfc(-z / math.sqrt(2))


def t_crit_two_sided(alpha, df):
    lo, hi = 0.0, 100.0
    for _ in range(200):
        mid = (lo + hi) / 2
        if p_t2(mid, df) > alpha:
            lo = mid
        else:
            hi = mid
    return (lo + hi) / 2


def widen_rel(p_ref, alternatives, floor=0.02):
    """relative tolerance that covers other p-value conventions, rounded up."""
    dev = max(abs(a - p_ref) / p_ref for a in alternatives)
    return max(floor, math.ceil((dev + 0.01) * 100) / 100)


# SPC constants: tabulated (ASTM / Montgomery) and exact
TAB = {  # n: (d2, d3, A2, D3, D4)
    2: (1.128, 0.853, 1.880, 0.0, 3.267), 3: (1.693, 0.888, 1.023, 0.0, 2.574),
    4: (2.059, 0.880, 0.729, 0.0, 2.282), 5: (2.326, 0.864, 0.577, 0.0, 2.114),
    6: (2.534, 0.848, 0.483, 0.0, 2.004), 7: (2.704, 0.833, 0.419, 0.076, 1.924),
}


def exact_d2_d3(n):
    F = lambda x: Phi(x)
    d2 = integrate.quad(lambda x: 1 - F(x) ** n - (1 - F(x)) ** n, -12, 12, limit=200)[0]
    er2 = integrate.dblquad(
        lambda s, t: 1 - (1 - F(s)) ** n - F(t) ** n + (F(t) - F(s)) ** n,
        -10, 10, lambda t: -10, lambda t: t, epsabs=1e-10, epsrel=1e-10)[0]
    d3 = math.sqrt(2 * er2 - d2 ** 2)
    return d2, d3


def exact_consts(n):
    d2, d3 = exact_d2_d3(n)
    return dict(d2=d2, d3=d3, A2=3 / (d2 * math.sqrt(n)),
                D3=max(0.0, 1 - 3 * d3 / d2), D4=1 + 3 * d3 / d2)


def tab_consts(n):
    d2, d3, A2, D3, D4 = TAB[n]
    return dict(d2=d2, d3=d3, A2=A2, D3=D3, D4=D4)


def assert_margin(values, limit, sigma, label, frac=0.1):
    """points must be clearly on one side of a limit (robust out-of-control counts)"""
    for v in values:
        assert abs(v - limit) > frac * sigma, (label, v, limit, sigma)


def parse_table(block, ncols=None, skip_header=True, sep=None):
    rows = []
    lines = [l for l in block.strip("\n").splitlines() if l.strip()]
    if skip_header:
        lines = lines[1:]
    for l in lines:
        parts = [p.strip() for p in (l.split(sep) if sep else l.split())]
        parts = [p for p in parts if p != ""]
        rows.append(parts)
    if ncols:
        assert all(len(r) == ncols for r in rows), rows
    return rows


# --------------------------------------------------------------------------
# reusable computations: (a) library, (b) hand
# --------------------------------------------------------------------------
def paired_a(x, y):
    r = stats.ttest_rel(x, y)
    d = np.array(x) - np.array(y)
    return [float(d.mean()), abs(float(r.statistic)), float(r.pvalue)]


def paired_b(x, y):
    d = [a - b for a, b in zip(x, y)]
    n = len(d)
    t = mean(d) / math.sqrt(svar(d) / n)
    return [mean(d), abs(t), p_t2(t, n - 1)]


def welch_a(x, y):
    r = stats.ttest_ind(x, y, equal_var=False)
    return [abs(float(r.statistic)), float(r.df), float(r.pvalue)]


def welch_b(x, y):
    vx, vy, nx, ny = svar(x) / len(x), svar(y) / len(y), len(x), len(y)
    t = (mean(x) - mean(y)) / math.sqrt(vx + vy)
    df = (vx + vy) ** 2 / (vx ** 2 / (nx - 1) + vy ** 2 / (ny - 1))
    return [abs(t), df, p_t2(t, df)]


def pooled_a(x, y):
    r = stats.ttest_ind(x, y, equal_var=True)
    return [abs(float(r.statistic)), float(r.df), float(r.pvalue)]


def pooled_b(x, y):
    nx, ny = len(x), len(y)
    sp2 = ((nx - 1) * svar(x) + (ny - 1) * svar(y)) / (nx + ny - 2)
    t = (mean(x) - mean(y)) / math.sqrt(sp2 * (1 / nx + 1 / ny))
    return [abs(t), float(nx + ny - 2), p_t2(t, nx + ny - 2)]


def onesample_a(x, mu, alt="two-sided"):
    r = stats.ttest_1samp(x, mu, alternative=alt)
    return [float(np.mean(x)), float(r.statistic), float(r.pvalue)]


def onesample_b(x, mu, alt="two-sided"):
    n = len(x)
    t = (mean(x) - mu) / math.sqrt(svar(x) / n)
    p = p_t2(t, n - 1) if alt == "two-sided" else p_t_greater(t, n - 1)
    return [mean(x), t, p]


def gof_a(obs, exp):
    r = stats.chisquare(obs, exp)
    return [float(r.statistic), len(obs) - 1, float(r.pvalue)]


def gof_b(obs, exp):
    x = sum((o - e) ** 2 / e for o, e in zip(obs, exp))
    return [x, len(obs) - 1, p_chi2(x, len(obs) - 1)]


def contingency_a(tab, correction=False):
    r = stats.chi2_contingency(np.array(tab), correction=correction)
    return [float(r.statistic), int(r.dof), float(r.pvalue)]


def contingency_b(tab):
    R, C = len(tab), len(tab[0])
    rs = [sum(r) for r in tab]
    cs = [sum(tab[i][j] for i in range(R)) for j in range(C)]
    N = sum(rs)
    x = sum((tab[i][j] - rs[i] * cs[j] / N) ** 2 / (rs[i] * cs[j] / N)
            for i in range(R) for j in range(C))
    df = (R - 1) * (C - 1)
    return [x, df, p_chi2(x, df)]


def oneway_a(groups):
    r = stats.f_oneway(*groups)
    N, k = sum(len(g) for g in groups), len(groups)
    return [float(r.statistic), k - 1, N - k, float(r.pvalue)]


def oneway_b(groups):
    allv = [v for g in groups for v in g]
    gm = mean(allv)
    ssb = sum(len(g) * (mean(g) - gm) ** 2 for g in groups)
    ssw = sum(sum((v - mean(g)) ** 2 for v in g) for g in groups)
    k, N = len(groups), len(allv)
    F = (ssb / (k - 1)) / (ssw / (N - k))
    return [F, k - 1, N - k, p_F(F, k - 1, N - k)]


def levene_a(groups, center):
    r = stats.levene(*groups, center=center)
    return [float(r.statistic), float(r.pvalue)]


def levene_b(groups, center):
    z = []
    for g in groups:
        c = mean(g) if center == "mean" else float(sorted(g)[len(g) // 2] if len(g) % 2 else
                                                   (sorted(g)[len(g) // 2 - 1] + sorted(g)[len(g) // 2]) / 2)
        z.append([abs(v - c) for v in g])
    F, d1, d2, p = oneway_b(z)
    return [F, p]


def ols_a(x, y):
    X = sm.add_constant(np.array(x, float))
    f = sm.OLS(np.array(y, float), X).fit()
    return [float(f.params[1]), float(f.params[0]), float(f.rsquared), float(f.pvalues[1])]


def ols_b(x, y):
    n = len(x)
    mx, my = mean(x), mean(y)
    sxx = sum((a - mx) ** 2 for a in x)
    syy = sum((b - my) ** 2 for b in y)
    sxy = sum((a - mx) * (b - my) for a, b in zip(x, y))
    b1 = sxy / sxx
    b0 = my - b1 * mx
    sse = syy - b1 * sxy
    r2 = 1 - sse / syy
    t = b1 / math.sqrt(sse / (n - 2) / sxx)
    return [b1, b0, r2, p_t2(t, n - 2)]


# --- rank tests -------------------------------------------------------------
def ranks_noties(vals):
    s = sorted(vals)
    assert len(set(s)) == len(s), "ties present"
    return {v: s.index(v) + 1 for v in vals}


def mwu_a(x, y):
    r = stats.mannwhitneyu(x, y, alternative="two-sided", method="exact")
    ra = stats.mannwhitneyu(x, y, alternative="two-sided", method="asymptotic", use_continuity=True)
    rb = stats.mannwhitneyu(x, y, alternative="two-sided", method="asymptotic", use_continuity=False)
    return [float(r.statistic), float(r.pvalue)], [float(ra.pvalue), float(rb.pvalue)]


def mwu_b(x, y):
    n1, n2 = len(x), len(y)
    u1 = sum(1 for a in x for b in y if a > b)  # no ties
    N = n1 + n2
    dist = {}
    for comb in itertools.combinations(range(1, N + 1), n1):
        u = sum(comb) - n1 * (n1 + 1) // 2
        dist[u] = dist.get(u, 0) + 1
    tot = sum(dist.values())
    le = sum(c for u, c in dist.items() if u <= u1) / tot
    ge = sum(c for u, c in dist.items() if u >= u1) / tot
    return [float(u1), min(1.0, 2 * min(le, ge))]


def wsr_a(x, y):
    r = stats.wilcoxon(x, y, method="exact")
    alts = [float(stats.wilcoxon(x, y, method="asymptotic", correction=c).pvalue) for c in (False, True)]
    return [float(r.statistic), float(r.pvalue)], alts


def wsr_b(x, y):
    d = [round(a - b, 9) for a, b in zip(x, y)]
    assert all(v != 0 for v in d)
    rk = ranks_noties([abs(v) for v in d])
    wp = sum(rk[abs(v)] for v in d if v > 0)
    n = len(d)
    wm = n * (n + 1) // 2 - wp
    dist = {}
    for signs in itertools.product((0, 1), repeat=n):
        w = sum(i + 1 for i, s in enumerate(signs) if s)
        dist[w] = dist.get(w, 0) + 1
    tot = 2 ** n
    le = sum(c for w, c in dist.items() if w <= wp) / tot
    ge = sum(c for w, c in dist.items() if w >= wp) / tot
    return [float(min(wp, wm)), min(1.0, 2 * min(le, ge))]


def kw_a(groups):
    r = stats.kruskal(*groups)
    return [float(r.statistic), float(r.pvalue)]


def kw_b(groups):
    allv = [v for g in groups for v in g]
    rk = ranks_noties(allv)
    N = len(allv)
    H = 12 / (N * (N + 1)) * sum(sum(rk[v] for v in g) ** 2 / len(g) for g in groups) - 3 * (N + 1)
    return [H, p_chi2(H, len(groups) - 1)]


def shapiro_b(x):
    """Royston (1992/1995) algorithm AS R94, written out by hand (n >= 12)."""
    x = sorted(x)
    n = len(x)
    assert n >= 12
    m = [float(special.ndtri((i - 0.375) / (n + 0.25))) for i in range(1, n + 1)]
    mm = sum(v * v for v in m)
    u = 1 / math.sqrt(n)
    cn, cn1 = m[-1] / math.sqrt(mm), m[-2] / math.sqrt(mm)
    an = cn + 0.221157 * u - 0.147981 * u ** 2 - 2.071190 * u ** 3 + 4.434685 * u ** 4 - 2.706056 * u ** 5
    an1 = cn1 + 0.042981 * u - 0.293762 * u ** 2 - 1.752461 * u ** 3 + 5.682633 * u ** 4 - 3.582633 * u ** 5
    phi = (mm - 2 * m[-1] ** 2 - 2 * m[-2] ** 2) / (1 - 2 * an ** 2 - 2 * an1 ** 2)
    a = [mi / math.sqrt(phi) for mi in m]
    a[-1], a[-2], a[0], a[1] = an, an1, -an, -an1
    xb = mean(x)
    W = sum(ai * xi for ai, xi in zip(a, x)) ** 2 / sum((v - xb) ** 2 for v in x)
    ln = math.log(n)
    mu = 0.0038915 * ln ** 3 - 0.083751 * ln ** 2 - 0.31082 * ln - 1.5861
    sg = math.exp(0.0030302 * ln ** 2 - 0.082676 * ln - 0.4803)
    z = (math.log(1 - W) - mu) / sg
    return [W, 1 - Phi(z)]


# ==========================================================================
# KIND 1 : tables that are not plain numeric columns
# ==========================================================================
def u01():
    ids = [f"FX-{i}" for i in range(101, 111)]
    before = [12.4, 11.8, 12.9, 12.1, 11.5, 12.7, 12.2, 11.9, 12.5, 12.0]
    after = [12.9, 12.1, 13.4, 12.0, 12.2, 13.1, 12.6, 12.5, 12.7, 12.6]
    table = "fixture_id,before_kN,after_kN\n" + "\n".join(
        f"{i},{b},{a}" for i, b, a in zip(ids, before, after))
    q = f"""Clamp force on each fixture, measured before and after we fitted the new spring pack (same fixture both times):

{table}

Has the clamp force changed? I want the mean change (after minus before), the t statistic and the p-value."""
    va = paired_a(after, before)
    agree(va, paired_b(after, before), label="u01")
    rows = parse_table(between(q, "times):\n\n", "\n\nHas"), 3, sep=",")
    agree(paired_a([float(r[2]) for r in rows], [float(r[1]) for r in rows]), va, TOL_PARSE)
    add("u01", 1, q, "paired t-test on after-before clamp force (rows are fixtures)", ["t_test"],
        [E("mean difference after-before (kN)", va[0], 0.005), E("|t| (df 9)", va[1], 0.005),
         E("two-sided p-value", va[2], 0.02)])


def u02():
    days = ["Mon", "Tue", "Wed", "Thu", "Fri"]
    obs = [34, 22, 25, 19, 40]
    lines = "\n".join(f"{d} -> {c}" for d, c in zip(days, obs))
    q = f"""rejects logged per weekday, all of October (same 5-day pattern every week):
{lines}
are rejects spread evenly over the week or not? chi-square please"""
    exp = [sum(obs) / len(obs)] * len(obs)
    va = gof_a(obs, exp)
    agree(va, gof_b(obs, exp), label="u02")
    parsed = [int(l.split("->")[1]) for l in q.splitlines() if "->" in l]
    agree(gof_a(parsed, [sum(parsed) / len(parsed)] * len(parsed)), va, TOL_PARSE)
    add("u02", 1, q, "chi-square goodness of fit of weekday reject counts to a uniform distribution",
        ["chi_square"], [E("chi-square statistic", va[0], 0.005), E("degrees of freedom", 4, 0),
                          E("p-value", va[2], 0.02)])


def u03():
    grades = ["Grade A", "Grade B", "Grade C"]
    obs = [102, 71, 27]
    props = [0.60, 0.30, 0.10]
    lines = "\n".join(f"{g}: {c}" for g, c in zip(grades, obs))
    q = f"""Resin pellet lots, incoming inspection Q3. Supplier's datasheet claims the grade mix is 60% A / 30% B / 10% C.
What we actually graded:

{lines}

Is our mix consistent with what they claim? Give me the test statistic, df and p."""
    exp = [p * sum(obs) for p in props]
    va = gof_a(obs, exp)
    agree(va, gof_b(obs, exp), label="u03")
    parsed = [int(l.split(":")[1]) for l in q.splitlines() if l.startswith("Grade")]
    pr = [v / 100 for v in floats(between(q, "mix is", ".\n"))]
    agree(gof_a(parsed, [p * sum(parsed) for p in pr]), va, TOL_PARSE)
    add("u03", 1, q, "chi-square goodness of fit of grade counts to 60/30/10 proportions", ["chi_square"],
        [E("chi-square statistic", va[0], 0.005), E("degrees of freedom", 2, 0), E("p-value", va[2], 0.02)])


def pchart(n, d):
    pbar = sum(d) / sum(n)
    ucl = [pbar + 3 * math.sqrt(pbar * (1 - pbar) / ni) for ni in n]
    lcl = [max(0.0, pbar - 3 * math.sqrt(pbar * (1 - pbar) / ni)) for ni in n]
    return pbar, ucl, lcl


def u04():
    lots = [f"L{i:02d}" for i in range(1, 13)]
    n = [120, 95, 150, 110, 80, 135, 100, 140, 90, 125, 105, 130]
    d = [6, 4, 9, 3, 12, 7, 5, 6, 4, 8, 5, 14]
    table = "lot    inspected  defective\n" + "\n".join(
        f"{l}    {ni:<9}  {di}" for l, ni, di in zip(lots, n, d))
    q = f"""{table}

Inspection results for the last twelve lots of housings (lot sizes vary). Set up the appropriate attribute chart:
what's the centre line, what's the upper limit for lot L05, and how many lots plot above their upper limit?"""
    # (a) numpy vectorised
    na, da = np.array(n, float), np.array(d, float)
    pb = da.sum() / na.sum()
    ucla = pb + 3 * np.sqrt(pb * (1 - pb) / na)
    out_a = int(np.sum(da / na > ucla))
    # (b) loop helper
    pbb, uclb, lclb = pchart(n, d)
    out_b = sum(1 for ni, di, u in zip(n, d, uclb) if di / ni > u)
    sig_ = [math.sqrt(pbb * (1 - pbb) / ni) for ni in n]
    for ni, di, u, s in zip(n, d, uclb, sig_):
        assert abs(di / ni - u) > 0.1 * s
    agree([pb, float(ucla[4]), out_a], [pbb, uclb[4], out_b], label="u04")
    rows = parse_table(between(q, "", "\n\nInspection"), 3)
    n2, d2 = [int(r[1]) for r in rows], [int(r[2]) for r in rows]
    p2, u2, _ = pchart(n2, d2)
    agree([p2, u2[4]], [pb, float(ucla[4])], TOL_PARSE)
    add("u04", 1, q, "p chart with variable lot sizes: pbar, UCL for n=80, count of lots above UCL",
        ["control_chart"], [E("centre line pbar", pb, 0.005), E("UCL for lot L05 (n=80)", ucla[4], 0.005),
                            E("number of lots above UCL", out_a, 0)])


def u05():
    dates = ["03-04", "03-05", "03-06", "03-07", "03-08", "03-11", "03-12", "03-13", "03-14", "03-15"]
    units = [18, 22, 15, 20, 25, 16, 21, 19, 24, 17]
    defects = [27, 30, 31, 24, 33, 20, 26, 45, 29, 22]
    table = "Date     Units  Defects\n" + "\n".join(
        f"{dt}    {u:>4}  {c:>6}" for dt, u, c in zip(dates, units, defects))
    q = f"""Final audit of wiring harnesses, two weeks in March. Units audited per day varies, every defect found is logged (a harness can have several).

{table}

What are the centre line and the UCL for 03-06, and how many days are out of control?"""
    ua, ca = np.array(units, float), np.array(defects, float)
    ub = ca.sum() / ua.sum()
    ucl = ub + 3 * np.sqrt(ub / ua)
    out_a = int(np.sum(ca / ua > ucl))
    # (b)
    ubar = sum(defects) / sum(units)
    uclb = [ubar + 3 * math.sqrt(ubar / n) for n in units]
    out_b = 0
    for n, c, u in zip(units, defects, uclb):
        assert abs(c / n - u) > 0.1 * math.sqrt(ubar / n)
        out_b += c / n > u
    agree([ub, float(ucl[2]), out_a], [ubar, uclb[2], int(out_b)], label="u05")
    rows = parse_table(between(q, "several).\n\n", "\n\nWhat"), 3)
    u2, c2 = [int(r[1]) for r in rows], [int(r[2]) for r in rows]
    ubar2 = sum(c2) / sum(u2)
    agree([ubar2, ubar2 + 3 * math.sqrt(ubar2 / u2[2])], [ub, float(ucl[2])], TOL_PARSE)
    add("u05", 1, q, "u chart (defects per unit, varying units): ubar, UCL for n=15, count out",
        ["control_chart"], [E("centre line ubar (defects per unit)", ub, 0.005),
                            E("UCL for 03-06 (15 units)", ucl[2], 0.005),
                            E("days above UCL", out_a, 0)])


def u06():
    temp = [150, 160, 170, 180, 190, 200, 210, 220]
    yld = [71.2, 73.9, 75.1, 78.4, 79.0, 82.3, 83.1, 86.0]
    table = " Temp (°C)    Yield (%)\n" + "\n".join(f"   {t}          {y}" for t, y in zip(temp, yld))
    q = f"""{table}

batch reactor, one run per setpoint. fit yield vs temperature (straight line) - need slope, intercept, R^2 and the predicted yield at 195 °C"""
    va = ols_a(temp, yld)
    vb = ols_b(temp, yld)
    agree(va, vb, label="u06")
    pred_a = va[1] + va[0] * 195
    X = sm.add_constant(np.array(temp, float))
    pred_sm = float(sm.OLS(np.array(yld), X).fit().predict([[1, 195]])[0])
    agree(pred_a, pred_sm, label="u06 pred")
    rows = parse_table(between(q, "", "\n\nbatch"), 2)
    agree(ols_a([float(r[0]) for r in rows], [float(r[1]) for r in rows]), va, TOL_PARSE)
    add("u06", 1, q, "simple linear regression of yield on temperature; prediction at 195", ["regression"],
        [E("slope (% per °C)", va[0], 0.005), E("intercept", va[1], 0.005), E("R-squared", va[2], 0.005),
         E("predicted yield at 195 °C", pred_a, 0.005)])


def u07():
    rows_ = ["Shift A", "Shift B", "Shift C"]
    cols = ["Scratch", "Dent", "Misalign"]
    tab = [[28, 12, 10], [22, 18, 15], [15, 20, 25]]
    table = "            Scratch   Dent   Misalign\n" + "\n".join(
        f"{r}     {a:>5}   {b:>4}   {c:>6}" for r, (a, b, c) in zip(rows_, tab))
    q = f"""Defect type by shift, paint line, weeks 14-17:

{table}

Is defect type related to shift?"""
    va = contingency_a(tab)
    agree(va, contingency_b(tab), label="u07")
    rows = parse_table(between(q, "14-17:\n\n", "\n\nIs"), 5)
    t2 = [[int(v) for v in r[2:]] for r in rows]
    agree(contingency_a(t2), va, TOL_PARSE)
    add("u07", 1, q, "chi-square test of independence on 3x3 shift x defect-type table", ["chi_square"],
        [E("chi-square statistic", va[0], 0.005), E("degrees of freedom", 4, 0), E("p-value", va[2], 0.02)])


def u08():
    data = [("S2", 398), ("S1", 412), ("S3", 420), ("S1", 405), ("S2", 402), ("S3", 416),
            ("S1", 418), ("S3", 425), ("S2", 395), ("S1", 409), ("S2", 404), ("S3", 419),
            ("S3", 422), ("S1", 415), ("S2", 399), ("S1", 411), ("S3", 414), ("S2", 401)]
    csv = "supplier,tensile_MPa\n" + "\n".join(f"{s},{v}" for s, v in data)
    q = f"""Pasted from the lab export (coupons tested in random order):

{csv}

Do the three suppliers differ in mean tensile strength? one-way ANOVA, F and p."""

    def groups(d):
        keys = sorted(set(s for s, _ in d))
        return [[v for s, v in d if s == k] for k in keys]

    va = oneway_a(groups(data))
    agree(va, oneway_b(groups(data)), label="u08")
    rows = parse_table(between(q, "order):\n\n", "\n\nDo"), 2, sep=",")
    agree(oneway_a(groups([(r[0], float(r[1])) for r in rows])), va, TOL_PARSE)
    add("u08", 1, q, "one-way ANOVA of tensile strength by supplier (long-format rows)", ["anova_oneway"],
        [E("F statistic", va[0], 0.005), E("df between", 2, 0), E("df within", 15, 0), E("p-value", va[3], 0.02)])


def xbar_r(sub, consts):
    xb = [mean(s) for s in sub]
    R = [max(s) - min(s) for s in sub]
    xbb, rb = mean(xb), mean(R)
    return dict(xbb=xbb, rbar=rb, uclx=xbb + consts["A2"] * rb, lclx=xbb - consts["A2"] * rb,
                uclr=consts["D4"] * rb, lclr=consts["D3"] * rb)


def u09():
    sub = [[10.02, 9.98, 10.05, 10.01], [10.00, 10.03, 9.97, 10.02], [9.99, 10.01, 10.04, 10.00],
           [10.06, 10.02, 10.00, 10.03], [9.97, 10.00, 10.02, 9.99], [10.01, 10.04, 10.03, 9.98],
           [10.03, 9.99, 10.01, 10.05], [10.00, 10.02, 9.98, 10.01]]
    table = "Sub   x1     x2     x3     x4\n" + "\n".join(
        f"{i + 1}    " + "  ".join(f"{v:.2f}" for v in s) for i, s in enumerate(sub))
    q = f"""Shaft OD (mm), 4 consecutive shafts every half hour:

{table}

Xbar-R chart please: grand mean, Rbar, control limits for the Xbar chart and UCL for the R chart."""
    a = np.array(sub)
    tc = tab_consts(4)
    xbb, rb = a.mean(), np.ptp(a, axis=1).mean()
    va = [xbb, rb, xbb + tc["A2"] * rb, xbb - tc["A2"] * rb, tc["D4"] * rb]
    b = xbar_r(sub, exact_consts(4))
    agree(va, [b["xbb"], b["rbar"], b["uclx"], b["lclx"], b["uclr"]], TOL_CONST, "u09")
    rows = parse_table(between(q, "hour:\n\n", "\n\nXbar"), 5)
    r2 = xbar_r([[float(v) for v in r[1:]] for r in rows], tc)
    agree([r2["xbb"], r2["rbar"], r2["uclx"], r2["lclx"], r2["uclr"]], va, TOL_PARSE)
    add("u09", 1, q, "Xbar-R chart from subgroup rows (n=4): centre lines and limits", ["control_chart"],
        [E("grand mean", va[0], 0.005), E("Rbar", va[1], 0.005), E("UCL Xbar", va[2], 0.005),
         E("LCL Xbar", va[3], 0.005), E("UCL R", va[4], 0.005)])


def u10():
    q = """Pass / rework / scrap by line, January:

          pass   rework   scrap
Line 1    142    11       4
Line 2    131    17       9
Line 3    150    9

(sorry, the last row got cut off when I copied it out of the MES screen)
Is the outcome distribution the same for all three lines? chi-square test."""
    add("u10", 1, q, "refuse: Line 3 row is truncated (scrap count missing), so the 3x3 contingency "
                     "table is incomplete and the chi-square test cannot be computed", [], [], True)


def u11():
    d = [3, 2, 4, 1, 3, 5, 2, 3, 11, 2, 4, 3, 1, 2, 3]
    table = "Sample | n  | nonconforming\n" + "\n".join(f"{i + 1:<6} | 50 | {v}" for i, v in enumerate(d))
    q = f"""{table}

Go/no-go gauge on crimped terminals, fixed sample of 50 per hour. Number-nonconforming chart: CL, UCL, LCL, and which samples (count) are out?"""
    n = 50
    pbar = sum(d) / (n * len(d))
    cl = n * pbar
    s = math.sqrt(n * pbar * (1 - pbar))
    ucl, lcl = cl + 3 * s, max(0.0, cl - 3 * s)
    assert_margin(d, ucl, s, "u11")
    out_b = sum(v > ucl for v in d)
    # (a) numpy
    da = np.array(d, float)
    cla = da.mean()
    sa = np.sqrt(cla * (1 - cla / n))
    ucla, lcla = cla + 3 * sa, max(0.0, cla - 3 * sa)
    out_a = int(np.sum(da > ucla))
    agree([cla, ucla, lcla, out_a], [cl, ucl, lcl, int(out_b)], label="u11")
    rows = parse_table(between(q, "", "\n\nGo/no-go"), sep="|")
    d2 = np.array([float(r[2]) for r in rows])
    c2 = d2.mean()
    agree([c2, c2 + 3 * np.sqrt(c2 * (1 - c2 / float(rows[0][1])))], [cla, ucla], TOL_PARSE)
    add("u11", 1, q, "np chart, n=50 constant: CL, UCL, LCL=0, count above UCL", ["control_chart"],
        [E("CL (n*pbar)", cla, 0.005), E("UCL", ucla, 0.005), E("LCL", 0, 0),
         E("samples above UCL", out_a, 0)])


def u12():
    q = """Nonconforming units per lot for January: 7, 4, 9, 5, 12, 6, 3, 8.
Lot sizes varied quite a bit, somewhere between 100 and 300 pcs (I don't have the exact figures to hand).
Build the p chart and tell me whether lot 5 is out of control."""
    add("u12", 1, q, "refuse: lot sizes are not given (only a range), so the proportions and "
                     "variable p-chart limits cannot be computed", [], [], True)


def u13():
    batches = [f"B-22{i}" for i in range(31, 43)]
    dates = [f"2024-02-{i:02d}" for i in range(1, 13)]
    visc = [1450, 1462, 1438, 1471, 1455, 1449, 1480, 1443, 1458, 1466, 1452, 1447]
    table = "batch   date        visc_cP\n" + "\n".join(
        f"{b}  {d}  {v}" for b, d, v in zip(batches, dates, visc))
    q = f"""One batch a day, one viscosity reading per batch (cP @ 25 °C):

{table}

Individuals chart: centre line, average moving range, and the natural process limits (UCL/LCL)?"""
    x = np.array(visc, float)
    mr = np.abs(np.diff(x))
    va = [x.mean(), mr.mean(), x.mean() + 2.66 * mr.mean(), x.mean() - 2.66 * mr.mean()]
    m = mean(visc)
    mrb = mean([abs(visc[i] - visc[i - 1]) for i in range(1, len(visc))])
    d2 = exact_consts(2)["d2"]
    agree(va, [m, mrb, m + 3 * mrb / d2, m - 3 * mrb / d2], TOL_CONST, "u13")
    rows = parse_table(between(q, "25 °C):\n\n", "\n\nIndividuals"), 3)
    v2 = np.array([float(r[2]) for r in rows])
    agree([v2.mean(), np.abs(np.diff(v2)).mean()], va[:2], TOL_PARSE)
    add("u13", 1, q, "individuals (I-MR) chart: mean, MRbar, limits mean +/- 2.66 MRbar", ["control_chart"],
        [E("centre line (mean)", va[0], 0.005), E("average moving range", va[1], 0.005),
         E("UCL", va[2], 0.005), E("LCL", va[3], 0.005)])


# ==========================================================================
# KIND 2 : intent carried by wording
# ==========================================================================
def u14():
    a = [48.2, 47.9, 48.5, 48.1, 48.4, 48.0, 48.3, 48.2]
    b = [46.1, 49.8, 45.3, 47.7, 50.2, 44.9, 48.8, 46.5, 47.2, 45.8]
    q = f"""Pull-off strength (N) of the same connector, assembled at two sites.
Site A: {", ".join(map(str, a))}
Site B: {", ".join(map(str, b))}
Site B's process is a lot noisier than A's so please don't assume equal variances. Is there a difference in mean strength?"""
    va = welch_a(a, b)
    agree(va, welch_b(a, b), label="u14")
    pa, pb = floats(between(q, "Site A:", "\n")), floats(between(q, "Site B:", "\n"))
    agree(welch_a(pa, pb), va, TOL_PARSE)
    add("u14", 2, q, "Welch two-sample t-test (unequal variances)", ["t_test"],
        [E("|t| (Welch)", va[0], 0.005), E("Welch df", va[1], 0.005), E("two-sided p-value", va[2], 0.02)])


def u15():
    old = [41.2, 44.8, 39.5, 47.3, 43.1, 52.6, 40.7, 45.9, 49.4]
    new = [36.4, 38.9, 42.3, 35.1, 41.8, 40.1, 44.2, 46.1]
    q = f"""cycle times in seconds, old fixture vs new fixture.
old: {"  ".join(map(str, old))}
new: {"  ".join(map(str, new))}
these are skewed (the long ones are jams), so I'd rather not assume normality. Are the two fixtures different? report U and p"""
    (va, alts) = mwu_a(old, new)
    agree(va, mwu_b(old, new), label="u15")
    o2, n2 = floats(between(q, "old:", "\n")), floats(between(q, "new:", "\n"))
    agree(mwu_a(o2, n2)[0], va, TOL_PARSE)
    add("u15", 2, q, "Mann-Whitney U test (rank test, no normality assumption) old vs new", ["mann_whitney"],
        [E("U statistic for first sample (old); equivalently n1*n2-U = %d for new" % (72 - va[0]), va[0], 0),
         E("two-sided p-value (exact; rel covers normal approx)", va[1], widen_rel(va[1], alts))])


def u16():
    x = [25.012, 24.998, 25.021, 25.009, 25.015, 24.993, 25.018, 25.006, 25.011, 25.024, 25.003, 25.010]
    q = f"""Bore Ø nominal is 25.00 mm. Twelve parts off today's run measured on the CMM:
{", ".join(f"{v:.3f}" for v in x)}
Is the process mean sitting on nominal or has it drifted? Mean, t and p please."""
    va = onesample_a(x, 25.0)
    agree(va, onesample_b(x, 25.0), label="u16")
    x2 = floats(between(q, "CMM:\n", "\n"))
    mu2 = floats(between(q, "nominal is", "mm"))[0]
    agree(onesample_a(x2, mu2), va, TOL_PARSE)
    add("u16", 2, q, "one-sample t-test of mean bore against nominal 25.00 mm", ["t_test"],
        [E("sample mean (mm)", va[0], 0.005), E("t statistic", va[1], 0.005), E("two-sided p-value", va[2], 0.02)])


def u17():
    run = list(range(1, 10))
    defl = [2, 4, 6, 8, 10, 12, 14, 16, 18]
    force = [10.3, 20.1, 30.6, 40.2, 49.7, 60.4, 85.0, 80.5, 90.1]
    table = "run  deflection_mm  force_N\n" + "\n".join(
        f"{r}    {d:<13}  {f}" for r, d, f in zip(run, defl, force))
    q = f"""Spring rate check on the new coil spring:

{table}

Run 7 was a misread on the load cell (operator wrote it down wrong), leave that one out. What's the spring rate (slope, N/mm), the intercept and R² without it?"""
    keep = [i for i in range(9) if run[i] != 7]
    x, y = [defl[i] for i in keep], [force[i] for i in keep]
    va = ols_a(x, y)
    agree(va, ols_b(x, y), label="u17")
    rows = parse_table(between(q, "spring:\n\n", "\n\nRun 7"), 3)
    excl = int(floats(between(q, "\n\nRun", "was"))[0])
    rows = [r for r in rows if int(r[0]) != excl]
    agree(ols_a([float(r[1]) for r in rows], [float(r[2]) for r in rows]), va, TOL_PARSE)
    add("u17", 2, q, "linear regression of force on deflection after excluding run 7", ["regression"],
        [E("slope (N/mm)", va[0], 0.005), E("intercept (N)", va[1], 0.005), E("R-squared", va[2], 0.005)])


def u18():
    c = [4, 6, 3, 5, 7, 2, 4, 5, 6, 3, 14, 4, 5, 3, 6, 4, 2, 5, 4, 3]
    q = f"""Solder defects found at AOI on each board (same board type, one board sampled every 30 min):
{" ".join(map(str, c))}
What chart should this be and what are its limits? Anything out?"""
    ca = np.array(c, float)
    cb = ca.mean()
    va = [cb, cb + 3 * np.sqrt(cb), max(0.0, cb - 3 * np.sqrt(cb)), int(np.sum(ca > cb + 3 * np.sqrt(cb)))]
    cbar = sum(c) / len(c)
    ucl = cbar + 3 * math.sqrt(cbar)
    assert_margin(c, ucl, math.sqrt(cbar), "u18")
    agree(va, [cbar, ucl, 0.0, sum(v > ucl for v in c)], label="u18")
    c2 = floats(between(q, "30 min):\n", "\n"))
    agree(float(np.mean(c2)), cb, TOL_PARSE)
    add("u18", 2, q, "c chart for defect counts per board: cbar, UCL = cbar+3sqrt(cbar), LCL 0, count above",
        ["control_chart"], [E("centre line cbar", va[0], 0.005), E("UCL", va[1], 0.005), E("LCL", 0, 0),
                            E("boards above UCL", va[3], 0)])


def u19():
    area = [50, 65, 40, 55, 70, 45, 60, 50, 75, 35]
    flaws = [7, 9, 4, 8, 10, 15, 6, 5, 11, 3]
    parts = [f"roll {i + 1}: {a} m², {f} flaws" for i, (a, f) in enumerate(zip(area, flaws))]
    q = "Coated fabric, flaw count per roll, but the rolls are cut to different lengths so the area varies. " \
        "Here's the last batch - " + "; ".join(parts) + \
        ".\nI'd like a chart of flaws per square metre. What's the centre line, the UCL for the smallest roll, and how many rolls fall outside?"
    u = sum(flaws) / sum(area)
    ucl = [u + 3 * math.sqrt(u / a) for a in area]
    lcl = [max(0.0, u - 3 * math.sqrt(u / a)) for a in area]
    out_b = 0
    for a, f, hi, lo in zip(area, flaws, ucl, lcl):
        assert abs(f / a - hi) > 0.1 * math.sqrt(u / a)
        out_b += (f / a > hi) or (f / a < lo)
    i = area.index(min(area))
    A, Fl = np.array(area, float), np.array(flaws, float)
    ua = Fl.sum() / A.sum()
    ua_ucl = ua + 3 * np.sqrt(ua / A)
    ua_lcl = np.maximum(0, ua - 3 * np.sqrt(ua / A))
    out_a = int(np.sum((Fl / A > ua_ucl) | (Fl / A < ua_lcl)))
    agree([ua, float(ua_ucl[i]), out_a], [u, ucl[i], int(out_b)], label="u19")
    pr = re.findall(r"roll \d+: (\d+) m², (\d+) flaws", q)
    a2, f2 = [int(p[0]) for p in pr], [int(p[1]) for p in pr]
    u2 = sum(f2) / sum(a2)
    agree([u2, u2 + 3 * math.sqrt(u2 / min(a2))], [ua, float(ua_ucl[i])], TOL_PARSE)
    add("u19", 2, q, "u chart (flaws per m², varying area): ubar, UCL for 35 m² roll, count outside",
        ["control_chart"], [E("centre line ubar (flaws per m²)", ua, 0.005),
                            E("UCL for smallest roll (35 m²)", ua_ucl[i], 0.005),
                            E("rolls outside limits", out_a, 0)])


def u20():
    m, s, lsl, usl = 10.012, 0.018, 9.94, 10.06
    q = f"""From the last capability run: mean {m} mm, standard deviation {s} mm. Drawing says 10.00 ± 0.06 mm. What are Cp and Cpk?"""
    cp = (usl - lsl) / (6 * s)
    cpk = min(usl - m, m - lsl) / (3 * s)
    # (b) Cpk = Cp (1 - k)
    k = abs((usl + lsl) / 2 - m) / ((usl - lsl) / 2)
    agree([cp, cpk], [(usl - lsl) / (6 * s), cp * (1 - k)], label="u20")
    v = floats(q)
    m2, s2, nom, tol = v[0], v[1], v[2], v[3]
    agree([(2 * tol) / (6 * s2), min(nom + tol - m2, m2 - nom + tol) / (3 * s2)], [cp, cpk], TOL_PARSE)
    add("u20", 2, q, "Cp and Cpk from summary mean/sd and spec 9.94-10.06", ["summary_capability", "capability"],
        [E("Cp", cp, 0.005), E("Cpk", cpk, 0.005)])


def u21():
    x = [51.2, 50.8, 52.1, 49.9, 51.5, 50.6, 51.9, 50.3, 51.0, 52.4]
    q = f"""The supplier says their anchor bolts hold more than 50 kN on average. Our pull tests (kN): {", ".join(map(str, x))}.
Does our data support that the mean is greater than 50 kN?"""
    va = onesample_a(x, 50.0, "greater")
    agree(va, onesample_b(x, 50.0, "greater"), label="u21")
    x2 = floats(between(q, "(kN):", ".\n"))
    agree(onesample_a(x2, 50.0, "greater"), va, TOL_PARSE)
    add("u21", 2, q, "one-sided one-sample t-test, H1: mean > 50 kN", ["t_test"],
        [E("t statistic", va[1], 0.005), E("one-sided p-value", va[2], 0.02)])


def u22():
    q = """Process mean is 4.213 mm and the standard deviation 0.011 mm (n = 125, looks normal on the probability plot). What's our Cpk?"""
    add("u22", 2, q, "refuse: no specification limits (LSL/USL or nominal and tolerance) are given, "
                     "so Cpk cannot be computed", [], [], True)


def u23():
    before = [62.1, 60.4, 63.0, 61.7, 59.8, 62.5, 60.9, 61.2, 62.8, 60.0]
    d = [1.2, -0.4, 2.1, 0.8, 1.5, -0.9, 2.6, 0.3, 1.8, 1.1]
    after = [round(b + x, 1) for b, x in zip(before, d)]
    table = "coupon  before  after\n" + "\n".join(
        f"C{i + 1:<6} {b:<7} {a}" for i, (b, a) in enumerate(zip(before, after)))
    q = f"""Hardness (HRC) of ten coupons, each measured before and after the 200 h heat soak:

{table}

The differences don't look remotely normal, so without assuming normality: did the soak change the hardness?"""
    va, alts = wsr_a(after, before)
    agree(va, wsr_b(after, before), label="u23")
    rows = parse_table(between(q, "soak:\n\n", "\n\nThe"), 3)
    agree(wsr_a([float(r[2]) for r in rows], [float(r[1]) for r in rows])[0], va, TOL_PARSE)
    add("u23", 2, q, "Wilcoxon signed-rank test on paired before/after hardness", ["wilcoxon_signed_rank"],
        [E("signed-rank statistic T = smaller rank sum", va[0], 0),
         E("two-sided p-value (exact; rel covers normal approx)", va[1], widen_rel(va[1], alts))])


def u24():
    n, k, p0 = 150, 7, 0.02
    q = f"""Receiving inspection pulled {n} pieces from the shipment and found {k} defective. Contract limit is 2 % defective.
Counts are small so use the exact binomial. Is the true defect rate greater than 2 %?"""
    pa = float(stats.binomtest(k, n, p0, alternative="greater").pvalue)
    pb = sum(math.comb(n, i) * p0 ** i * (1 - p0) ** (n - i) for i in range(k, n + 1))
    agree(pa, pb, label="u24")
    v = floats(q)
    agree(float(stats.binomtest(int(v[1]), int(v[0]), v[2] / 100, alternative="greater").pvalue), pa, TOL_PARSE)
    add("u24", 2, q, "one-sided exact binomial test, H1: p > 0.02, 7 of 150", ["proportion_test"],
        [E("one-sided exact p-value P(X>=7)", pa, 0.02), E("sample proportion", k / n, 0.005)])


def u25():
    w = [500.2, 499.8, 500.5, 500.1, 499.6, 500.3, 500.0, 499.9, 493.1, 500.4, 499.7, 500.6, 500.2, 499.5, 500.1]
    q = f"""Fill weights (g), bottles 1-15 in order: {", ".join(map(str, w))}
Bottle 9 came off during the purge cycle so it doesn't belong - drop it. Then is the rest normally distributed? Shapiro-Wilk W and p."""
    x = [v for i, v in enumerate(w) if i != 8]
    r = stats.shapiro(x)
    va = [float(r.statistic), float(r.pvalue)]
    agree(va, shapiro_b(x), label="u25")
    w2 = floats(between(q, "in order:", "\n"))
    drop = int(floats(between(q, "\nBottle", "came"))[0])
    agree(list(stats.shapiro([v for i, v in enumerate(w2) if i != drop - 1])), va, TOL_PARSE)
    add("u25", 2, q, "Shapiro-Wilk normality test on 14 fill weights after excluding bottle 9", ["normality"],
        [E("Shapiro-Wilk W", va[0], 0.005), E("p-value", va[1], 0.02)])


def u26():
    g = {"M1": [24.1, 24.3, 23.9, 24.2, 24.0, 24.4, 24.1],
         "M2": [23.6, 24.8, 24.2, 23.4, 24.9, 24.0, 24.5],
         "M3": [24.2, 24.1, 24.3, 24.0, 24.2, 24.5, 23.8]}
    q = "Shot weights (g) from three moulds:\n" + "\n".join(f"{k}  {'  '.join(map(str, v))}" for k, v in g.items()) + \
        "\nAre the variances the same across the moulds? Use the robust version that works off the medians, " \
        "we don't trust normality here."
    groups = list(g.values())
    va = levene_a(groups, "median")
    agree(va, levene_b(groups, "median"), label="u26")
    g2 = [floats(l[3:]) for l in q.splitlines() if re.match(r"M\d ", l)]
    agree(levene_a(g2, "median"), va, TOL_PARSE)
    add("u26", 2, q, "Brown-Forsythe (median-centred Levene) test for equal variances across 3 moulds",
        ["levene"], [E("Levene/Brown-Forsythe statistic (median-centred)", va[0], 0.005),
                     E("p-value", va[1], 0.02)])


# ==========================================================================
# KIND 3 : numbers in prose with roles
# ==========================================================================
def u27():
    k, reps, per_shift = 4, 2, 8
    q = """We're planning a full 2^4 factorial on plating line 3 (temperature, current density, pH, agitation), run twice (2 replicates).
The line can only handle 8 runs per shift and we want to treat shifts as blocks. How many runs in total and how many blocks does that give?"""
    runs_a = len(list(itertools.product([-1, 1], repeat=k))) * reps
    blocks_a = runs_a // per_shift
    agree([runs_a, blocks_a], [2 ** k * reps, math.ceil(2 ** k * reps / per_shift)], label="u27")
    v = floats(q)  # 2, 4, 3, 2, 8
    agree([int(v[0] ** v[1] * v[3]), int(v[0] ** v[1] * v[3] / v[4])], [runs_a, blocks_a], TOL_PARSE)
    add("u27", 3, q, "2^4 design x 2 replicates = 32 runs, 8 runs per shift -> 4 blocks", ["doe_design"],
        [E("total runs", runs_a, 0), E("number of blocks", blocks_a, 0)])


def u28():
    q = """Three-level full factorial for the extrusion trial: barrel temperature, screw speed and die gap, each at 3 levels. We'd like to duplicate the whole thing. How many distinct treatment combinations and how many runs overall?"""
    combos = len(list(itertools.product([-1, 0, 1], repeat=3)))
    agree([combos, combos * 2], [3 ** 3, 3 ** 3 * 2], label="u28")
    add("u28", 3, q, "3^3 full factorial = 27 combinations, duplicated = 54 runs", ["doe_design"],
        [E("treatment combinations", combos, 0), E("total runs", combos * 2, 0)])


def u29():
    q = """2^3 factorial (feed, speed, depth of cut) with 4 centre points added to check for curvature. How many runs is that, and how many degrees of freedom do the centre points give for pure error?"""
    runs = len(list(itertools.product([-1, 1], repeat=3))) + 4
    agree([runs, 4 - 1], [2 ** 3 + 4, 3], label="u29")
    add("u29", 3, q, "2^3 + 4 centre points = 12 runs; pure-error df = 3", ["doe_design"],
        [E("total runs", runs, 0), E("pure error df", 3, 0)])


def u30():
    xb = [2.31, 2.28, 2.35, 2.30, 2.27, 2.33, 2.29, 2.36, 2.32, 2.30]
    rg = [0.12, 0.09, 0.15, 0.11, 0.10, 0.13, 0.08, 0.14, 0.12, 0.11]
    q = "Every hour the operator pulls 5 consecutive caps off line 2 and checks removal torque (N·m). " \
        "Hourly averages for the last 10 hours: " + ", ".join(f"{v:.2f}" for v in xb) + \
        ". Ranges: " + ", ".join(f"{v:.2f}" for v in rg) + \
        ".\nWhat limits should go on the X-bar chart, and what's the upper limit on the R chart?"
    tc = tab_consts(5)
    xbb, rb = float(np.mean(xb)), float(np.mean(rg))
    va = [xbb, xbb + tc["A2"] * rb, xbb - tc["A2"] * rb, tc["D4"] * rb]
    ec = exact_consts(5)
    agree(va, [mean(xb), mean(xb) + ec["A2"] * mean(rg), mean(xb) - ec["A2"] * mean(rg), ec["D4"] * mean(rg)],
          TOL_CONST, "u30")
    x2 = floats(between(q, "10 hours:", ". Ranges"))
    r2 = floats(between(q, "Ranges:", ".\n"))
    n2 = int(floats(between(q, "pulls", "consecutive"))[0])
    c2 = tab_consts(n2)
    agree([np.mean(x2), np.mean(x2) + c2["A2"] * np.mean(r2)], va[:2], TOL_PARSE)
    add("u30", 3, q, "Xbar-R limits from subgroup means and ranges, subgroup size 5 (A2=0.577, D4=2.114)",
        ["summary_chart", "control_chart"],
        [E("grand mean (CL)", va[0], 0.005), E("UCL Xbar", va[1], 0.005), E("LCL Xbar", va[2], 0.005),
         E("UCL R", va[3], 0.005)])


def u31():
    x = [48.2, 51.6, 49.9, 50.8, 47.5, 52.1, 49.3, 50.4, 48.9]
    q = f"""Part no. 7731-B, 2022 supplier audit. Nine coating thickness readings in µm: {", ".join(map(str, x))}.
Give me a 90% confidence interval for the mean thickness."""
    a = np.array(x)
    lo, hi = stats.t.interval(0.90, len(x) - 1, loc=a.mean(), scale=stats.sem(a))
    tc = t_crit_two_sided(0.10, len(x) - 1)
    se = math.sqrt(svar(x) / len(x))
    lo2, hi2 = DescrStatsW(a).tconfint_mean(alpha=0.10)
    agree([lo, hi], [mean(x) - tc * se, mean(x) + tc * se], label="u31")
    agree([lo, hi], [lo2, hi2], label="u31 sm")
    x2 = floats(between(q, "in µm:", ".\n"))
    conf = floats(between(q, "Give me a", "%"))[0] / 100
    agree(list(stats.t.interval(conf, len(x2) - 1, loc=np.mean(x2), scale=stats.sem(x2))), [lo, hi], TOL_PARSE)
    add("u31", 3, q, "90% t confidence interval for mean of 9 readings (part no./year are context)",
        ["describe", "t_test"], [E("mean", a.mean(), 0.005), E("90% CI lower", lo, 0.005),
                                  E("90% CI upper", hi, 0.005)])


def nct_power(d, n1, n2, alpha):
    df = n1 + n2 - 2
    nc = d * math.sqrt(n1 * n2 / (n1 + n2))
    tc = t_crit_two_sided(alpha, df)
    return float(1 - stats.nct.cdf(tc, df, nc) + stats.nct.cdf(-tc, df, nc))


def u32():
    q = """We want to compare two coating processes on panel thickness. A difference of 1.5 µm matters; the panel-to-panel SD is about 2 µm.
Two-sided test at 5 %, and we want 90 % power. How many panels per process?"""
    d = 1.5 / 2.0
    na = math.ceil(TTestIndPower().solve_power(effect_size=d, alpha=0.05, power=0.90, ratio=1.0))
    nb = next(n for n in range(2, 1000) if nct_power(d, n, n, 0.05) >= 0.90)
    agree(na, nb, label="u32")
    nz = math.ceil(2 * (special.ndtri(0.975) + special.ndtri(0.90)) ** 2 / d ** 2)
    v = floats(q)
    agree(math.ceil(TTestIndPower().solve_power(effect_size=v[0] / v[1], alpha=v[2] / 100, power=v[3] / 100)),
          na, TOL_PARSE)
    rel = math.ceil(abs(na - nz) / na * 100 + 0.5) / 100
    add("u32", 3, q, "two-sample t-test sample size per group: delta 1.5, sd 2, alpha .05, power .90",
        ["power"], [E(f"panels per process (t-based {na}; normal approx gives {nz})", na, rel)])
    return na, nz


def u33():
    q = """Budget allows 12 specimens per alloy. If the true difference in fatigue life is 0.8 standard deviations, what power does a two-sided two-sample t-test at alpha = 0.05 have?"""
    pa = float(TTestIndPower().power(effect_size=0.8, nobs1=12, alpha=0.05, ratio=1.0))
    pb = nct_power(0.8, 12, 12, 0.05)
    agree(pa, pb, label="u33")
    v = floats(q)
    agree(float(TTestIndPower().power(effect_size=v[1], nobs1=v[0], alpha=v[2])), pa, TOL_PARSE)
    add("u33", 3, q, "power of two-sample t-test, n=12 per group, d=0.8, alpha 0.05", ["power"],
        [E("power", pa, 0.01)])


def u34():
    q = """Attached is the spreadsheet for lot 4471 (March 2023) - 25 subgroups of 5 bearing bores each.
Can you work out the X-bar and R chart control limits from it and tell me if anything's out?"""
    add("u34", 3, q, "refuse: the spreadsheet is said to be attached but no subgroup data are given", [], [], True)


def u35():
    cells = {(-1, -1): [28, 25, 27], (1, -1): [36, 32, 32], (-1, 1): [18, 19, 23], (1, 1): [31, 30, 29]}
    q = """Catalyst trial, 2x2 with three replicates. Factor A is reactant concentration (15 vs 25 %), factor B is catalyst amount (1 vs 2 lb).
With both low we got 28, 25 and 27. High concentration, low catalyst: 36, 32, 32. Low concentration, high catalyst: 18, 19, 23. Both high: 31, 30, 29.
Estimate the A and B main effects and the AB interaction."""
    rows = [(a, b, y) for (a, b), ys in cells.items() for y in ys]
    X = np.array([[1, a, b, a * b] for a, b, _ in rows], float)
    yv = np.array([y for *_, y in rows], float)
    coef = sm.OLS(yv, X).fit().params
    va = [2 * coef[1], 2 * coef[2], 2 * coef[3]]
    n = 3
    one, a_, b_, ab = (sum(cells[k]) for k in [(-1, -1), (1, -1), (-1, 1), (1, 1)])
    vb = [(a_ + ab - b_ - one) / (2 * n), (b_ + ab - a_ - one) / (2 * n), (ab + one - a_ - b_) / (2 * n)]
    agree(va, vb, label="u35")
    ll = floats(between(q, "both low we got", ". High"))
    hl = floats(between(q, "low catalyst:", ". Low"))
    lh = floats(between(q, "high catalyst:", ". Both"))
    hh = floats(between(q, "Both high:", ".\n"))
    agree([(sum(hl) + sum(hh) - sum(lh) - sum(ll)) / 6, (sum(lh) + sum(hh) - sum(hl) - sum(ll)) / 6,
           (sum(hh) + sum(ll) - sum(hl) - sum(lh)) / 6], va, TOL_PARSE)
    add("u35", 3, q, "2^2 factorial with 3 replicates: main effects A, B and AB interaction", ["doe_effects"],
        [E("A effect", va[0], 0.005), E("B effect", va[1], 0.005), E("AB interaction effect", va[2], 0.005)])


def resolution_numeric(k_base, gens):
    """(b) build the design matrix and find all products of columns that are constant."""
    base = np.array(list(itertools.product([-1, 1], repeat=k_base)))
    cols = [base[:, i] for i in range(k_base)]
    for g in gens:
        cols.append(np.prod([base[:, i] for i in g], axis=0))
    words = []
    for r in range(1, len(cols) + 1):
        for s in itertools.combinations(range(len(cols)), r):
            p = np.prod([cols[i] for i in s], axis=0)
            if np.all(p == p[0]):
                words.append(s)
    return len(base), min(len(w) for w in words), len(words)


def resolution_symbolic(gen_words):
    """(a) multiply generator words (symmetric difference) to get the defining relation."""
    words = set()
    for r in range(1, len(gen_words) + 1):
        for s in itertools.combinations(gen_words, r):
            w = frozenset()
            for g in s:
                w = w ^ frozenset(g)
            words.add(w)
    return min(len(w) for w in words), len(words)


def u36():
    q = """Screening 5 factors on the wave-solder line with a half fraction, generator E = ABCD. How many runs, and what resolution is the design?"""
    res_a, nw_a = resolution_symbolic(["ABCDE"])
    runs_b, res_b, nw_b = resolution_numeric(4, [(0, 1, 2, 3)])
    runs_a = 2 ** (5 - 1)
    agree([runs_a, res_a, nw_a], [runs_b, res_b, nw_b], label="u36")
    gen = between(q, "E = ", ".")
    agree(resolution_symbolic([gen + "E"])[0], res_a, TOL_PARSE)
    add("u36", 3, q, "2^(5-1) with I=ABCDE: 16 runs, resolution V", ["doe_properties", "doe_design"],
        [E("runs", runs_a, 0), E("resolution (as a number, V=5)", res_a, 0)])


def u37():
    q = """Heat-treat study, 2^3 full factorial (soak temp, soak time, quench medium). The furnace only takes 4 parts per load, so each load is a block.
We'll run the whole design twice. How many runs and how many furnace loads?"""
    runs_a = len(list(itertools.product([-1, 1], repeat=3))) * 2
    # (b) blocks by confounding ABC within each replicate: 2 blocks per replicate
    design = list(itertools.product([-1, 1], repeat=3))
    blocks_per_rep = len(set(a * b * c for a, b, c in design))
    agree([runs_a, runs_a // 4], [16, blocks_per_rep * 2], label="u37")
    add("u37", 3, q, "2^3 x 2 replicates = 16 runs; 4 per load -> 4 blocks (ABC confounded)", ["doe_design"],
        [E("total runs", runs_a, 0), E("number of blocks (loads)", runs_a // 4, 0)])


def u38():
    corners = {(-1, -1): 39.3, (1, -1): 40.9, (-1, 1): 40.0, (1, 1): 41.5}
    centre = [40.3, 40.5, 40.7, 40.2, 40.6]
    q = """Reaction time (A) and temperature (B), 2^2 design with five centre runs. Yield at the corners: A low B low 39.3, A high B low 40.9, A low B high 40.0, A high B high 41.5.
Centre runs: 40.3, 40.5, 40.7, 40.2, 40.6.
Is there evidence of curvature? give the curvature sum of squares, the F and its p-value"""
    nF, nC = 4, len(centre)
    yF, yC = mean(list(corners.values())), mean(centre)
    ss_b = nF * nC * (yF - yC) ** 2 / (nF + nC)
    ms_pe = svar(centre)
    F_b = ss_b / ms_pe
    p_b = p_F(F_b, 1, nC - 1)
    # (a) OLS with A, B, AB and a centre-point indicator; residual = pure error
    rows = [(a, b, 0, y) for (a, b), y in corners.items()] + [(0, 0, 1, y) for y in centre]
    X = np.array([[1, a, b, a * b, c] for a, b, c, _ in rows], float)
    fit = sm.OLS(np.array([r[3] for r in rows]), X).fit()
    F_a = float(fit.tvalues[4] ** 2)
    p_a = float(fit.pvalues[4])
    ss_a = F_a * fit.mse_resid
    agree([ss_a, F_a, p_a], [ss_b, F_b, p_b], label="u38")
    c2 = floats(between(q, "Centre runs:", "\n"))
    k2 = floats(between(q, "corners:", ".\n"))
    ss2 = 4 * len(c2) * (np.mean(k2) - np.mean(c2)) ** 2 / (4 + len(c2))
    agree(ss2, ss_a, TOL_PARSE)
    add("u38", 3, q, "curvature test: SS = nF nC (yF-yC)^2/(nF+nC), F vs pure error from 5 centre points",
        ["doe_curvature"], [E("curvature sum of squares", ss_a, 0.005), E("F (1, 4 df)", F_a, 0.005),
                            E("p-value", p_a, 0.02)])


def u39():
    q = """The new press gives us natural subgroups of 6 parts (one per cavity). For the X-bar/R charts what are A2, D3, D4, and d2 for that subgroup size?"""
    tc = tab_consts(6)
    ec = exact_consts(6)
    agree([tc["A2"], tc["D4"], tc["d2"]], [ec["A2"], ec["D4"], ec["d2"]], TOL_CONST, "u39")
    assert tc["D3"] == 0 and ec["D3"] == 0
    add("u39", 3, q, "SPC constants for n=6: A2=0.483, D3=0, D4=2.004, d2=2.534", ["spc_constants"],
        [E("A2", tc["A2"], 0.005), E("D3", 0, 0), E("D4", tc["D4"], 0.005), E("d2", tc["d2"], 0.005)])


# ==========================================================================
# KIND 4 : maths with expressions and data
# ==========================================================================
X_, Y_ = sp.symbols("x y")


def sym(s):
    return sp.sympify(s.replace("^", "**"), locals={"e": sp.E, "ln": sp.log})


def fd1(f, x, h=1e-3):
    """5-point central difference (b)."""
    mp.mp.dps = 40
    x = mp.mpf(x)
    h = mp.mpf(h)
    return float((-f(x + 2 * h) + 8 * f(x + h) - 8 * f(x - h) + f(x - 2 * h)) / (12 * h))


def u40():
    expr = "x^2*y + sin(x*y)"
    q = f"""f(x,y) = {expr}. Find the partial derivative ∂f/∂x at the point (1, 2)."""
    va = float(sp.diff(sym(expr), X_).subs({X_: 1, Y_: 2}))
    vb = fd1(lambda x: x ** 2 * 2 + mp.sin(x * 2), 1)
    agree(va, vb, label="u40")
    agree(float(sp.diff(sym(between(q, "f(x,y) = ", ". Find")), X_).subs({X_: 1, Y_: 2})), va, TOL_PARSE)
    add("u40", 4, q, "df/dx = 2xy + y cos(xy) at (1,2) = 4 + 2cos 2", ["differentiate"],
        [E("∂f/∂x at (1,2)", va, 0.005)])


def u41():
    expr = "e^(2x)*ln(x)"
    q = f"""diferentiate {expr} and give me the value of the derivative at x = 1"""
    f = sp.exp(2 * X_) * sp.log(X_)
    va = float(sp.diff(f, X_).subs(X_, 1))
    vb = fd1(lambda x: mp.exp(2 * x) * mp.log(x), 1)
    agree(va, vb, label="u41")
    s = between(q, "diferentiate ", " and").replace("(2x)", "(2*x)").replace("e^", "exp")
    agree(float(sp.diff(sym(s), X_).subs(X_, 1)), va, TOL_PARSE)
    add("u41", 4, q, "d/dx[e^(2x) ln x] at x=1 = e^2", ["differentiate"], [E("derivative at x=1", va, 0.005)])


def u42():
    A = [[10, -4, 0], [-4, 12, -6], [0, -6, 9]]
    b = [12, 0, 6]
    q = """Mesh analysis on the bridge circuit gives (currents in A):
  10 I1 - 4 I2        = 12
  -4 I1 + 12 I2 - 6 I3 = 0
         -6 I2 + 9 I3 = 6
Solve for I1, I2 and I3."""
    va = [float(v) for v in np.linalg.solve(np.array(A, float), np.array(b, float))]
    M = sp.Matrix(A)
    vs = [float(v) for v in M.LUsolve(sp.Matrix(b))]

    def det3(m):
        return (m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1]) - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
                + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]))

    D = Fraction(det3(A))
    cr = []
    for j in range(3):
        Mj = [[b[i] if c == j else A[i][c] for c in range(3)] for i in range(3)]
        cr.append(float(Fraction(det3(Mj)) / D))
    agree(va, cr, label="u42")
    agree(va, vs, label="u42 sympy")
    # reparse the equations
    I1, I2, I3 = sp.symbols("I1 I2 I3")
    eqs = []
    for l in between(q, "(currents in A):\n", "\nSolve").splitlines():
        lhs, rhs = l.split("=")
        lhs = re.sub(r"(\d) I", r"\1*I", lhs)
        eqs.append(sp.Eq(sp.sympify(lhs), sp.sympify(rhs)))
    sol = sp.solve(eqs, [I1, I2, I3])
    agree([float(sol[I1]), float(sol[I2]), float(sol[I3])], va, TOL_PARSE)
    add("u42", 4, q, "solve 3x3 linear system for mesh currents", ["solve", "matrix"],
        [E("I1 (A)", va[0], 0.005), E("I2 (A)", va[1], 0.005), E("I3 (A)", va[2], 0.005)])


def cofactor_det(m):
    if len(m) == 1:
        return m[0][0]
    return sum((-1) ** j * m[0][j] * cofactor_det([r[:j] + r[j + 1:] for r in m[1:]]) for j in range(len(m)))


def u43():
    K = [[4, -1, 0, 0], [-1, 4, -1, 0], [0, -1, 4, -1], [0, 0, -1, 3]]
    q = "what's the determinant of this stiffness matrix?\n" + "\n".join(
        "[" + " ".join(f"{v:>3}" for v in r) + " ]" for r in K)
    va = int(round(float(np.linalg.det(np.array(K, float)))))
    vs = int(sp.Matrix(K).det())
    vb = cofactor_det(K)
    agree([va, vs], [vb, vb], label="u43")
    K2 = [[int(v) for v in floats(l)] for l in q.splitlines() if l.startswith("[")]
    agree(int(sp.Matrix(K2).det()), vs, TOL_PARSE)
    add("u43", 4, q, "determinant of 4x4 tridiagonal matrix", ["matrix"], [E("determinant", vs, 0)])


def u44():
    A = [[2, 1, 0], [1, 3, 1], [0, 1, 2]]
    q = """A = [[2, 1, 0], [1, 3, 1], [0, 1, 2]]
I need A^-1 - specifically the (1,1) and (2,3) entries (row, column, counting from 1) - and det(A)."""
    inv = np.linalg.inv(np.array(A, float))
    va = [float(inv[0, 0]), float(inv[1, 2]), float(np.linalg.det(np.array(A, float)))]
    # (b) adjugate with Fractions
    D = Fraction(cofactor_det(A))

    def cof(i, j):
        minor = [[A[r][c] for c in range(3) if c != j] for r in range(3) if r != i]
        return (-1) ** (i + j) * cofactor_det(minor)

    inv_b = [[Fraction(cof(j, i)) / D for j in range(3)] for i in range(3)]  # adj = cof^T
    agree(va, [float(inv_b[0][0]), float(inv_b[1][2]), float(D)], label="u44")
    A2 = sp.Matrix(sp.sympify(between(q, "A = ", "\n")))
    Ai = A2.inv()
    agree([float(Ai[0, 0]), float(Ai[1, 2]), float(A2.det())], va, TOL_PARSE)
    add("u44", 4, q, "inverse of 3x3 matrix: entries (1,1)=5/8, (2,3)=-1/4; det=8", ["matrix"],
        [E("(A^-1)_11", va[0], 0.005), E("(A^-1)_23", va[1], 0.005), E("det(A)", int(round(va[2])), 0)])


def u45():
    q = """Find lim x→0 of (sin(3x) - 3x)/x^3"""
    f = (sp.sin(3 * X_) - 3 * X_) / X_ ** 3
    va = float(sp.limit(f, X_, 0))
    mp.mp.dps = 50
    vb = float((mp.sin(3 * mp.mpf("1e-8")) - 3 * mp.mpf("1e-8")) / mp.mpf("1e-8") ** 3)
    agree(va, vb, label="u45")
    s = between(q, "of ").replace("3x", "3*x")
    agree(float(sp.limit(sym(s), X_, 0)), va, TOL_PARSE)
    add("u45", 4, q, "limit of (sin 3x - 3x)/x^3 at 0 = -9/2", ["limit"], [E("limit", va, 0.005)])


def simpson(f, a, b, n=2000):
    h = (b - a) / n
    s = f(a) + f(b) + sum((4 if i % 2 else 2) * f(a + i * h) for i in range(1, n))
    return s * h / 3


def u46():
    q = """intergrate x*exp(-x) from x=0 to x=2, numeric answer pls"""
    va = float(sp.integrate(X_ * sp.exp(-X_), (X_, 0, 2)))
    vb = simpson(lambda x: x * math.exp(-x), 0, 2)
    agree(va, vb, label="u46")
    s = between(q, "intergrate ", " from")
    lims = floats(between(q, "from", ","))
    agree(float(sp.integrate(sym(s), (X_, lims[0], lims[1]))), va, TOL_PARSE)
    add("u46", 4, q, "definite integral of x e^-x on [0,2] = 1 - 3e^-2", ["integrate"],
        [E("integral value", va, 0.005)])


def u47():
    q = """Taylor series of e^x*sin(x) about x = 0 up to the x^5 term. What are the coefficients of x^3 and x^5?"""
    ser = sp.series(sp.exp(X_) * sp.sin(X_), X_, 0, 6).removeO()
    va = [float(ser.coeff(X_, 3)), float(ser.coeff(X_, 5))]
    # (b) Cauchy product of the two series with Fractions
    ex = [Fraction(1, math.factorial(k)) for k in range(6)]
    sn = [Fraction(0) if k % 2 == 0 else Fraction((-1) ** ((k - 1) // 2), math.factorial(k)) for k in range(6)]
    c = [sum(ex[i] * sn[k - i] for i in range(k + 1)) for k in range(6)]
    agree(va, [float(c[3]), float(c[5])], label="u47")
    s = between(q, "Taylor series of ", " about")
    ser2 = sp.series(sym(s.replace("e^x", "exp(x)")), X_, 0, 6).removeO()
    agree([float(ser2.coeff(X_, 3)), float(ser2.coeff(X_, 5))], va, TOL_PARSE)
    add("u47", 4, q, "Maclaurin series of e^x sin x: coeff x^3 = 1/3, x^5 = -1/30", ["series"],
        [E("coefficient of x^3", va[0], 0.005), E("coefficient of x^5", va[1], 0.005)])


def u48():
    q = """can you simplify (x^3 - 8)/(x^2 - 4)? and what value does the simplified form take at x = 2 (where the original is 0/0)"""
    f = (X_ ** 3 - 8) / (X_ ** 2 - 4)
    g = sp.cancel(f)
    assert sp.simplify(g - sp.simplify(f)) == 0
    va = float(g.subs(X_, 2))
    # (b) evaluate original either side of 2 and average (removable singularity)
    ff = lambda x: (x ** 3 - 8) / (x ** 2 - 4)
    vb = (ff(2 + 1e-6) + ff(2 - 1e-6)) / 2
    agree(va, vb, label="u48")
    agree(float(g.subs(X_, 1)), ff(1.0), label="u48 identity")
    s = between(q, "simplify ", "?")
    agree(float(sp.cancel(sym(s)).subs(X_, 2)), va, TOL_PARSE)
    add("u48", 4, q, "simplify to (x^2+2x+4)/(x+2); value at x=2 is 3", ["simplify", "limit", "evaluate"],
        [E("value of simplified form at x=2", va, 0.005)])


def u49():
    expr = "3*x^2*y - ln(y)/sqrt(x + y)"
    q = f"""Evaluate {expr} at x = 1.5, y = 2.5"""
    va = float(sym(expr).subs({X_: 1.5, Y_: 2.5}))
    vb = 3 * 1.5 ** 2 * 2.5 - math.log(2.5) / math.sqrt(1.5 + 2.5)
    agree(va, vb, label="u49")
    s = between(q, "Evaluate ", " at")
    pts = floats(between(q, " at x"))
    agree(float(sym(s).subs({X_: pts[0], Y_: pts[1]})), va, TOL_PARSE)
    add("u49", 4, q, "numerical evaluation of an expression at a point", ["evaluate"],
        [E("value", va, 0.005)])


def u50():
    q = """What's the limit as x -> infinity of sqrt(x^2 + 3x) - x ?"""
    va = float(sp.limit(sp.sqrt(X_ ** 2 + 3 * X_) - X_, X_, sp.oo))
    mp.mp.dps = 60
    big = mp.mpf(10) ** 20
    vb = float(mp.sqrt(big ** 2 + 3 * big) - big)
    agree(va, vb, label="u50")
    s = between(q, "of ", " ?").replace("3x", "3*x")
    agree(float(sp.limit(sym(s), X_, sp.oo)), va, TOL_PARSE)
    add("u50", 4, q, "limit at infinity of sqrt(x^2+3x)-x = 3/2", ["limit"], [E("limit", va, 0.005)])


def u51():
    q = """intergrate the load curve from the plot I attached between t = 0 and t = 5 s, I need the area under it (impulse) in N·s"""
    add("u51", 4, q, "refuse: the function/curve is only in an attached plot that is not provided; "
                     "no expression or data points to integrate", [], [], True)


def u52():
    expr = "x^3*y^2 + exp(x*y)"
    q = f"""For g(x, y) = {expr}, what is the mixed second partial ∂²g/∂x∂y evaluated at x = 1, y = 1?"""
    va = float(sp.diff(sym(expr), X_, Y_).subs({X_: 1, Y_: 1}))
    mp.mp.dps = 40
    h = mp.mpf("1e-5")
    g = lambda x, y: x ** 3 * y ** 2 + mp.exp(x * y)
    vb = float((g(1 + h, 1 + h) - g(1 + h, 1 - h) - g(1 - h, 1 + h) + g(1 - h, 1 - h)) / (4 * h * h))
    agree(va, vb, label="u52")
    s = between(q, "g(x, y) = ", ", what")
    agree(float(sp.diff(sym(s), X_, Y_).subs({X_: 1, Y_: 1})), va, TOL_PARSE)
    add("u52", 4, q, "mixed partial 6x^2 y + e^{xy}(1+xy) at (1,1) = 6 + 2e", ["differentiate"],
        [E("∂²g/∂x∂y at (1,1)", va, 0.005)])


# ==========================================================================
# KIND 5 : tests that must not be substituted
# ==========================================================================
def u53():
    X = [0.82, 0.91, 0.77, 1.05, 0.88, 0.96, 0.85]
    Yv = [0.71, 0.79, 0.68, 0.84, 0.74, 0.93, 0.66, 0.80]
    q = f"""Surface roughness Ra (µm) after two polishing methods.
Method X: {", ".join(f"{v:.2f}" for v in X)}
Method Y: {", ".join(f"{v:.2f}" for v in Yv)}
Run a Mann-Whitney U test (not a t-test) - U statistic and p-value."""
    va, alts = mwu_a(X, Yv)
    agree(va, mwu_b(X, Yv), label="u53")
    x2, y2 = floats(between(q, "Method X:", "\n")), floats(between(q, "Method Y:", "\n"))
    agree(mwu_a(x2, y2)[0], va, TOL_PARSE)
    add("u53", 5, q, "Mann-Whitney U test, method X vs Y", ["mann_whitney"],
        [E("U for first sample (X); n1*n2-U = %d for Y" % (56 - va[0]), va[0], 0),
         E("two-sided p-value (exact; rel covers normal approx)", va[1], widen_rel(va[1], alts))])


def u54():
    A = [45.2, 47.8, 44.1, 46.5, 48.3, 45.9, 47.1, 44.8, 46.2, 47.6, 45.5]
    d = [0.6, -0.3, 1.1, 0.9, -0.2, 1.4, 0.5, 1.7, -0.8, 1.0, 1.3]
    B = [round(a + x, 1) for a, x in zip(A, d)]
    table = "spec.   indenter_A   indenter_B\n" + "\n".join(
        f"{i + 1:>2}      {a:<11}  {b}" for i, (a, b) in enumerate(zip(A, B)))
    q = f"""{table}

Same 11 specimens, hardness measured with both indenters. Wilcoxon signed-rank test please: the statistic and p."""
    va, alts = wsr_a(A, B)
    agree(va, wsr_b(A, B), label="u54")
    rows = parse_table(between(q, "", "\n\nSame"), 3)
    agree(wsr_a([float(r[1]) for r in rows], [float(r[2]) for r in rows])[0], va, TOL_PARSE)
    add("u54", 5, q, "Wilcoxon signed-rank test on paired indenter readings", ["wilcoxon_signed_rank"],
        [E("signed-rank statistic T = smaller rank sum", va[0], 0),
         E("two-sided p-value (exact; rel covers normal approx)", va[1], widen_rel(va[1], alts))])


def u55():
    g = {"Coolant 1": [42, 47, 39, 51, 44], "Coolant 2": [55, 49, 58, 53, 61, 50], "Coolant 3": [38, 41, 36, 45, 40]}
    q = "Tool life in minutes under three coolants:\n" + "\n".join(f"  {k}: {', '.join(map(str, v))}" for k, v in g.items()) + \
        "\nKruskal-Wallis test - H and p?"
    groups = list(g.values())
    va = kw_a(groups)
    agree(va, kw_b(groups), label="u55")
    g2 = [floats(l.split(":")[1]) for l in q.splitlines() if l.strip().startswith("Coolant")]
    agree(kw_a(g2), va, TOL_PARSE)
    add("u55", 5, q, "Kruskal-Wallis H test across 3 coolants (no ties)", ["kruskal_wallis"],
        [E("H statistic", va[0], 0.005), E("p-value (chi-square approx, 2 df)", va[1], 0.02)])


def u56():
    g = {"Op1": [5.02, 5.05, 4.98, 5.01, 5.04, 4.99], "Op2": [5.10, 4.92, 5.07, 4.95, 5.12, 4.90],
         "Op3": [5.03, 5.00, 5.06, 4.97, 5.02, 5.01]}
    q = """Gauge study - three operators measured the same reference pin six times each (mm):
""" + "\n".join(f"{k}\t" + "\t".join(f"{v:.2f}" for v in vals) for k, vals in g.items()) + """
Test whether the operators have equal variance using the original Levene test (absolute deviations from each operator's mean, not the median)."""
    groups = list(g.values())
    va = levene_a(groups, "mean")
    agree(va, levene_b(groups, "mean"), label="u56")
    g2 = [floats(l.split("\t", 1)[1]) for l in q.splitlines() if l.startswith("Op")]
    agree(levene_a(g2, "mean"), va, TOL_PARSE)
    add("u56", 5, q, "Levene test (mean-centred) for equal variances across 3 operators", ["levene"],
        [E("Levene W (mean-centred)", va[0], 0.005), E("p-value", va[1], 0.02)])


def u57():
    p1 = [82.4, 85.1, 83.7, 84.2, 81.9, 84.8, 83.3]
    p2 = [80.2, 82.6, 81.1, 79.8, 83.0, 81.7, 80.5, 82.1]
    q = f"""Batch yield (%), process 1 vs process 2. Spreads look alike so use the pooled-variance two-sample t-test.
P1 = [{", ".join(map(str, p1))}]
P2 = [{", ".join(map(str, p2))}]"""
    va = pooled_a(p1, p2)
    agree(va, pooled_b(p1, p2), label="u57")
    a2, b2 = floats(between(q, "P1 = [", "]")), floats(between(q, "P2 = [", "]"))
    agree(pooled_a(a2, b2), va, TOL_PARSE)
    add("u57", 5, q, "pooled (equal-variance) two-sample t-test", ["t_test"],
        [E("|t| (pooled)", va[0], 0.005), E("df", int(va[1]), 0), E("two-sided p-value", va[2], 0.02)])


def u58():
    l1 = [31.2, 28.7, 33.5, 30.1, 29.8, 32.4, 27.9, 31.0]
    l2 = [31.9, 29.1, 34.4, 30.3, 30.6, 33.0, 28.6, 31.5]
    q = f"""Interlab comparison: the same 8 concrete cylinders were split and each half tested by both labs (MPa).
Lab 1: {" / ".join(map(str, l1))}
Lab 2: {" / ".join(map(str, l2))}
It's the same specimens, so a paired t-test, not a two-sample one. Is there a systematic bias between labs?"""
    va = paired_a(l2, l1)
    agree(va, paired_b(l2, l1), label="u58")
    a2, b2 = floats(between(q, "Lab 1:", "\n")), floats(between(q, "Lab 2:", "\n"))
    agree(paired_a(b2, a2), va, TOL_PARSE)
    add("u58", 5, q, "paired t-test Lab 2 - Lab 1 on the same 8 specimens", ["t_test"],
        [E("|mean difference| Lab2-Lab1 (MPa)", va[0], 0.005), E("|t| (df 7)", va[1], 0.005),
         E("two-sided p-value", va[2], 0.02)])


def fisher_b(a, b, c, d):
    r1, r2, c1 = a + b, c + d, a + c
    N = r1 + r2

    def pr(x):
        return math.comb(r1, x) * math.comb(r2, c1 - x) / math.comb(N, c1)

    lo, hi = max(0, c1 - r2), min(r1, c1)
    p0 = pr(a)
    two = sum(pr(x) for x in range(lo, hi + 1) if pr(x) <= p0 * (1 + 1e-7))
    less = sum(pr(x) for x in range(lo, a + 1))
    return two, less


def u59():
    tab = [[2, 18], [9, 12]]
    q = """Salt-spray results, 500 h:
                failed   passed
new coating        2       18
old coating        9       12
Small numbers, so Fisher's exact test. Two-sided p-value, and the one-sided p for 'new coating fails less often'."""
    two_a = float(stats.fisher_exact(tab).pvalue)
    less_a = float(stats.fisher_exact(tab, alternative="less").pvalue)
    two_b, less_b = fisher_b(2, 18, 9, 12)
    agree([two_a, less_a], [two_b, less_b], label="u59")
    rows = [floats(l) for l in q.splitlines() if re.match(r"(new|old) coating", l)]
    agree(float(stats.fisher_exact([[int(v) for v in r] for r in rows]).pvalue), two_a, TOL_PARSE)
    add("u59", 5, q, "Fisher exact test on 2x2 failures by coating: two-sided and one-sided p",
        ["chi_square", "proportion_test"],
        [E("two-sided p-value", two_a, 0.02), E("one-sided p-value (new fails less)", less_a, 0.02)])


def u60():
    tab = [[84, 16], [71, 29]]
    q = """First-article results for two vendors

Vendor   | pass | fail
---------|------|-----
Vendor A |  84  |  16
Vendor B |  71  |  29

Chi-square test with Yates' continuity correction: statistic and p."""
    va = contingency_a(tab, correction=True)
    (a, b), (c, d) = tab
    N = a + b + c + d
    x = N * (abs(a * d - b * c) - N / 2) ** 2 / ((a + b) * (c + d) * (a + c) * (b + d))
    agree([va[0], va[2]], [x, p_chi2(x, 1)], label="u60")
    rows = [l.split("|") for l in q.splitlines() if l.startswith("Vendor ") and "|" in l and "pass" not in l]
    t2 = [[int(r[1]), int(r[2])] for r in rows]
    agree(contingency_a(t2, True), va, TOL_PARSE)
    add("u60", 5, q, "2x2 chi-square with Yates correction", ["chi_square"],
        [E("chi-square (Yates corrected)", va[0], 0.005), E("p-value", va[2], 0.02)])


def u61():
    data = {("M1", "P"): [23.1, 22.8, 23.5], ("M1", "Q"): [24.0, 24.6, 23.9],
            ("M2", "P"): [21.9, 22.4, 22.1], ("M2", "Q"): [23.8, 23.2, 23.6],
            ("M3", "P"): [24.2, 24.8, 24.5], ("M3", "Q"): [24.1, 24.9, 24.4]}
    body = "\n".join(f"{m}        {mat}        {', '.join(map(str, v))}" for (m, mat), v in data.items())
    q = f"""Surface hardness, three machines x two bar materials, 3 bars per cell:

machine   material   readings
{body}

Two-way ANOVA with interaction: F and p for machine, material and machine×material."""

    def anova2(d):
        rows = [(m, mat, y) for (m, mat), ys in d.items() for y in ys]
        import pandas as pd
        df = pd.DataFrame(rows, columns=["m", "mat", "y"])
        t = sm.stats.anova_lm(smf.ols("y ~ C(m) * C(mat)", df).fit(), typ=2)
        return [float(t.loc["C(m)", "F"]), float(t.loc["C(mat)", "F"]), float(t.loc["C(m):C(mat)", "F"]),
                float(t.loc["C(m)", "PR(>F)"]), float(t.loc["C(mat)", "PR(>F)"]), float(t.loc["C(m):C(mat)", "PR(>F)"])]

    va = anova2(data)
    # (b) hand sums of squares, balanced
    A = sorted(set(k[0] for k in data))
    B = sorted(set(k[1] for k in data))
    r = 3
    allv = [v for vs in data.values() for v in vs]
    gm = mean(allv)
    ma = {a: mean([v for (x, _), vs in data.items() if x == a for v in vs]) for a in A}
    mb = {b: mean([v for (_, y), vs in data.items() if y == b for v in vs]) for b in B}
    ssa = len(B) * r * sum((ma[a] - gm) ** 2 for a in A)
    ssb = len(A) * r * sum((mb[b] - gm) ** 2 for b in B)
    ssab = r * sum((mean(data[(a, b)]) - ma[a] - mb[b] + gm) ** 2 for a in A for b in B)
    sse = sum((v - mean(vs)) ** 2 for vs in data.values() for v in vs)
    dfa, dfb, dfab, dfe = len(A) - 1, len(B) - 1, (len(A) - 1) * (len(B) - 1), len(A) * len(B) * (r - 1)
    mse = sse / dfe
    Fa, Fb, Fab = ssa / dfa / mse, ssb / dfb / mse, ssab / dfab / mse
    agree(va, [Fa, Fb, Fab, p_F(Fa, dfa, dfe), p_F(Fb, dfb, dfe), p_F(Fab, dfab, dfe)], label="u61")
    d2 = {}
    for l in between(q, "readings\n", "\n\nTwo-way").splitlines():
        m, mat, rest = l.split(None, 2)
        d2[(m, mat)] = floats(rest)
    agree(anova2(d2), va, TOL_PARSE)
    add("u61", 5, q, "two-way ANOVA with replication (3 machines x 2 materials x 3)", ["anova_twoway"],
        [E("F machine", va[0], 0.005), E("F material", va[1], 0.005), E("F interaction", va[2], 0.005),
         E("p machine", va[3], 0.02), E("p material", va[4], 0.02), E("p interaction", va[5], 0.02)])


def u62():
    xa, na, xb, nb = 18, 400, 35, 420
    q = f"""Line A: {xa} defective out of {na} inspected. Line B: {xb} defective out of {nb}.
Two-proportion z-test (pooled): is the defect rate different between the lines? z and p please."""
    z_a, p_a = proportions_ztest([xa, xb], [na, nb])
    pp = (xa + xb) / (na + nb)
    z_b = (xa / na - xb / nb) / math.sqrt(pp * (1 - pp) * (1 / na + 1 / nb))
    agree([abs(float(z_a)), float(p_a)], [abs(z_b), p_z2(z_b)], label="u62")
    v = floats(q)
    agree(float(proportions_ztest([v[0], v[2]], [v[1], v[3]])[1]), float(p_a), TOL_PARSE)
    add("u62", 5, q, "pooled two-proportion z-test, 18/400 vs 35/420", ["proportion_test"],
        [E("|z|", abs(float(z_a)), 0.005), E("two-sided p-value", float(p_a), 0.02)])


def u63():
    q = """We only had time to measure one coupon from the new heat: thickness 10.34 mm, nominal is 10.30 mm.
Run a one-sample t-test - is it significantly off nominal?"""
    add("u63", 5, q, "refuse: a t-test needs at least two observations (a standard deviation); with a single "
                     "measurement and no known sigma no test is possible", [], [], True)


def u64():
    q = """Paired t-test on operator readings before/after recalibration:
before: 12.41, 12.38, 12.45, 12.40, 12.43, 12.39, 12.44, 12.42
after:  12.40, 12.36, 12.41, 12.38, 12.40, 12.37, 12.41
(one of the 'after' readings didn't get written down, not sure which operator)"""
    add("u64", 5, q, "refuse: 8 before vs 7 after readings and the missing operator is unknown, so the "
                     "pairs cannot be formed for a paired test", [], [], True)


# --------------------------------------------------------------------------
def main():
    fns = [globals()[f"u{i:02d}"] for i in range(1, 65)]
    for f in fns:
        f()
    assert len(RECORDS) == 64
    ids = [r["id"] for r in RECORDS]
    assert ids == [f"u{i:02d}" for i in range(1, 65)]
    for r in RECORDS:
        assert set(r) == {"id", "kind", "question", "intent", "tools", "expect", "refuse"}
        for e in r["expect"]:
            assert set(e) == {"what", "value", "rel"}
            assert isinstance(e["value"], (int, float)) and math.isfinite(e["value"])
    with open(os.path.join(HERE, "round18.jsonl"), "w", encoding="utf-8") as fh:
        for r in RECORDS:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    kinds = {}
    for r in RECORDS:
        k = kinds.setdefault(r["kind"], [0, 0])
        k[0] += 1
        k[1] += r["refuse"]
    print("kind  questions  refusals")
    for k in sorted(kinds):
        print(f"{k:>4}  {kinds[k][0]:>9}  {kinds[k][1]:>8}")
    print(f"total {len(RECORDS)}  refusals {sum(r['refuse'] for r in RECORDS)}")


if __name__ == "__main__":
    main()
