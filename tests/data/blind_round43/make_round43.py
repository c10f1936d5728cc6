#!/usr/bin/env python3
"""Round 43 blind evaluation set generator.

Builds 70 questions (5 kinds x 14) with certified expected values.
Every expected value is computed twice: (a) with a library (scipy / statsmodels /
sympy / numpy) and (b) independently by hand (fractions, explicit formulas,
exact enumeration, mpmath quadrature), and the two are asserted to agree.
Each question's data is parsed back out of its own text and compared with the
drawn data.  All data come from numpy.random.default_rng(43434343), in id order.
"""
import csv
import hashlib
import io
import itertools
import json
import math
import os
import re
from fractions import Fraction as Fr

import mpmath as mp
import numpy as np
import pandas as pd
import scipy.integrate as si
import scipy.stats as st
import statsmodels.api as sm
import statsmodels.formula.api as smf
import sympy as sp
from statsmodels.stats.contingency_tables import mcnemar as sm_mcnemar
from statsmodels.stats.power import TTestIndPower
from statsmodels.stats.proportion import proportion_confint, proportions_ztest
from statsmodels.tsa.stattools import acf as sm_acf

mp.mp.dps = 30
HERE = os.path.dirname(os.path.abspath(__file__))
SEED = 43434343

# ----------------------------------------------------------------------------
# helpers
# ----------------------------------------------------------------------------


def R(a, d):
    """Round at draw time: the float equals the printed decimal string."""
    return [float(f"{float(v):.{d}f}") for v in np.atleast_1d(a)]


def R1(v, d):
    return R([v], d)[0]


def F(x, d):
    return f"{x:.{d}f}"


def FL(xs, d, sep=", "):
    return sep.join(F(x, d) for x in xs)


def nums(s):
    return [float(t) for t in re.findall(r"-?\d+(?:\.\d+)?", s)]


def fr(x):
    return Fr(repr(float(x)))


def M(f):
    """Fraction -> mpf"""
    if isinstance(f, Fr):
        return mp.mpf(f.numerator) / f.denominator
    return mp.mpf(f)


def hmean(xs):
    return sum(fr(x) for x in xs) / len(xs)


def hvar(xs):
    m = hmean(xs)
    return sum((fr(x) - m) ** 2 for x in xs) / (len(xs) - 1)


def hsd(xs):
    return mp.sqrt(M(hvar(xs)))


def h_t2(t, df):
    """two-sided t p-value by the regularized incomplete beta (mpmath)"""
    t = mp.mpf(t)
    df = mp.mpf(df)
    return mp.betainc(df / 2, mp.mpf(1) / 2, 0, df / (df + t * t), regularized=True)


def h_tsf(t, df):
    t = mp.mpf(t)
    half = h_t2(t, df) / 2
    return half if t > 0 else 1 - half


def h_tcdf(t, df):
    return h_tsf(-mp.mpf(t), df)


def mp_bisect(f, lo, hi, iters=110):
    """root of an increasing function f on [lo, hi] by plain bisection (mpmath)"""
    lo, hi = mp.mpf(lo), mp.mpf(hi)
    flo, fhi = f(lo), f(hi)
    assert flo < 0 < fhi, (flo, fhi)
    for _ in range(iters):
        mid = (lo + hi) / 2
        if f(mid) < 0:
            lo = mid
        else:
            hi = mid
    return (lo + hi) / 2


def h_tppf(q, df):
    q = mp.mpf(q)
    if q > 0.5:
        return mp_bisect(lambda x: h_tcdf(x, df) - q, 0, 60)
    return -h_tppf(1 - q, df)


def h_chi2sf(x, k):
    return mp.gammainc(mp.mpf(k) / 2, mp.mpf(x) / 2, mp.inf, regularized=True)


def h_fsf(f, d1, d2):
    f, d1, d2 = mp.mpf(f), mp.mpf(d1), mp.mpf(d2)
    return mp.betainc(d2 / 2, d1 / 2, 0, d2 / (d2 + d1 * f), regularized=True)


def h_fcdf(f, d1, d2):
    f, d1, d2 = mp.mpf(f), mp.mpf(d1), mp.mpf(d2)
    return mp.betainc(d1 / 2, d2 / 2, 0, d1 * f / (d1 * f + d2), regularized=True)


def h_fppf(q, d1, d2):
    return mp_bisect(lambda f: h_fcdf(f, d1, d2) - q, mp.mpf("1e-8"), 500)


def h_nppf(p):
    return mp.sqrt(2) * mp.erfinv(2 * mp.mpf(p) - 1)


def h_ranks(vals):
    """average ranks, 1-based, by hand"""
    order = sorted(range(len(vals)), key=lambda i: vals[i])
    ranks = [None] * len(vals)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and vals[order[j + 1]] == vals[order[i]]:
            j += 1
        r = Fr(i + 1 + j + 1, 2)
        for k in range(i, j + 1):
            ranks[order[k]] = r
        i = j + 1
    return ranks


def comb(n, k):
    return math.comb(n, k)


# ---- tolerance kinds --------------------------------------------------------


def tol_for(kind, v):
    v = abs(float(v))
    if kind == "stat":
        return max(1e-3 * v, 1e-6)
    if kind == "loc":
        return max(2e-5 * v, 1e-8)
    if kind == "p":
        return max(1e-3 * v, 1e-6)
    if kind == "math":
        return 1e-4 * v + 1e-6
    if kind == "int":
        return 0
    raise ValueError(kind)


def agree(name, a, b, integer=False, rel=1e-4):
    if integer:
        assert float(a) == round(float(a)) and float(b) == round(float(b)), (name, a, b)
        assert int(round(float(a))) == int(round(float(b))), (name, a, b)
    else:
        a, b = float(a), float(b)
        assert abs(a - b) <= rel * max(abs(a), abs(b)) + 1e-12, (name, a, b)


def ex(name, a, b, kind, tol=None):
    """Expected value from library value a and hand value b (asserted equal)."""
    if kind == "int":
        agree(name, a, b, integer=True)
        return {"name": name, "value": int(round(float(a))), "tol": 0}
    agree(name, a, b)
    v = float(f"{float(a):.10g}")
    t = tol if tol is not None else tol_for(kind, v)
    return {"name": name, "value": v, "tol": float(f"{t:.3g}")}


# ---- Shewhart constants: exact (two ways) and tabulated ----------------------

TAB = {  # n: (d2, d3, A2, D4)
    2: (1.128, 0.853, 1.880, 3.267),
    3: (1.693, 0.888, 1.023, 2.574),
    4: (2.059, 0.880, 0.729, 2.282),
    5: (2.326, 0.864, 0.577, 2.114),
    6: (2.534, 0.848, 0.483, 2.004),
}


def d2d3_scipy(n):
    f = lambda x: 1 - st.norm.cdf(x) ** n - st.norm.sf(x) ** n
    d2 = si.quad(f, -np.inf, np.inf, epsabs=1e-13, epsrel=1e-12)[0]

    def g(w, x):
        y = x + w
        return 2 * (1 - st.norm.sf(x) ** n - st.norm.cdf(y) ** n + (st.norm.cdf(y) - st.norm.cdf(x)) ** n)

    er2 = si.dblquad(g, -12, 12, 0, 24, epsabs=1e-12, epsrel=1e-11)[0]
    return d2, math.sqrt(er2 - d2 * d2)


def d2d3_mp(n):
    with mp.workdps(20):
        Phi = mp.ncdf
        d2 = mp.quad(lambda x: 1 - Phi(x) ** n - (1 - Phi(x)) ** n, [-mp.inf, 0, mp.inf])
        g = lambda x, w: 2 * (1 - (1 - Phi(x)) ** n - Phi(x + w) ** n + (Phi(x + w) - Phi(x)) ** n)
        er2 = mp.quad(g, [-10, 0, 10], [0, 3, 20])
        return float(d2), float(mp.sqrt(er2 - d2 * d2))


_CONST = {}


def consts(n):
    if n not in _CONST:
        a = d2d3_scipy(n)
        b = d2d3_mp(n)
        agree(f"d2({n})", a[0], b[0])
        agree(f"d3({n})", a[1], b[1])
        d2, d3 = a
        # exact constants must round to the tabulated ones
        assert abs(d2 - TAB[n][0]) < 6e-4 and abs(d3 - TAB[n][1]) < 6e-4, (n, d2, d3)
        _CONST[n] = (a, b)
    return _CONST[n]


def shewhart(name, exact_a, exact_b, tabulated):
    """Expected value for a Shewhart limit: exact-constant value, tol widened to
    cover the tabulated-constant value."""
    agree(name, exact_a, exact_b)
    v = float(f"{exact_a:.10g}")
    tol = 1.5 * abs(exact_a - tabulated) + 2e-5 * abs(v) + 1e-6
    assert abs(tabulated - v) <= tol
    return {"name": name, "value": v, "tol": float(f"{tol:.3g}")}


# ----------------------------------------------------------------------------
# the questions
# ----------------------------------------------------------------------------

Q = []
KIND = {}
for i in range(1, 15):
    KIND[i] = "tables"
for i in range(15, 29):
    KIND[i] = "wording"
for i in range(29, 43):
    KIND[i] = "prose_numbers"
for i in range(43, 57):
    KIND[i] = "maths"
for i in range(57, 71):
    KIND[i] = "named_tests"

README_LINES = {}
REFUSALS = {}


def add(num, question, intent, tools, expect, readme, refuse=False, reason=None):
    qid = f"p{num:02d}"
    if refuse:
        assert expect == [] and reason
        REFUSALS[qid] = reason
    else:
        assert expect
    Q.append({
        "id": qid,
        "kind": KIND[num],
        "question": question,
        "intent": intent,
        "tools": tools,
        "expect": expect,
        "refuse": bool(refuse),
    })
    README_LINES[qid] = readme


# ============================ 1. tables ======================================


def p01(rng):
    n = 12
    ids = rng.integers(10000, 99999, n)
    x = R(rng.normal(25.400, 0.018, n), 3)
    insp = ["JM", "JM", "KT", "KT", "JM", "RS", "RS", "KT", "JM", "RS", "KT", "JM"]
    table = "\n".join(["part_id,diameter_mm,inspector"] +
                      [f"BR-{i},{F(v, 3)},{s}" for i, v, s in zip(ids, x, insp)])
    q = ("Pasting this straight out of the CMM export (bore on the brake bracket). "
         "Can you give me the average diameter and the sample standard deviation "
         "(n-1 in the denominator)?\n\n" + table)
    rows = list(csv.DictReader(io.StringIO(q.split("\n\n", 1)[1])))
    assert [float(r["diameter_mm"]) for r in rows] == x
    e = [ex("mean", np.mean(x), M(hmean(x)), "loc"),
         ex("sd", np.std(x, ddof=1), hsd(x), "stat")]
    add(1, q, "describe the diameter_mm column only (ignore part ids); mean and n-1 SD",
        ["describe"], e, "CSV with part-id and inspector columns -> mean and n-1 SD of diameter")


def p02(rng):
    a = R(rng.normal(50.30, 0.45, 10), 2)
    b = R(rng.normal(49.85, 0.60, 9), 2)
    lines = ["| Sample | Line A (g) | Line B (g) |", "|---:|---:|---:|"]
    for i in range(10):
        lines.append(f"| {i + 1} | {F(a[i], 2)} | {F(b[i], 2) if i < 9 else ''} |")
    tab = "\n".join(lines)
    q = ("Fill weights from two independent filling lines (the row number is just the order they were "
         "weighed, the lines have nothing to do with each other; line B had one fewer bag):\n\n" + tab +
         "\n\nRun Welch's unequal-variance t-test, two-sided. I need t for A minus B, the "
         "Welch-Satterthwaite degrees of freedom and the p-value.")
    pa, pb = [], []
    for ln in q.split("\n"):
        m = re.match(r"\|\s*(\d+)\s*\|\s*([\d.]+)\s*\|\s*([\d.]*)\s*\|", ln)
        if m:
            pa.append(float(m.group(2)))
            if m.group(3):
                pb.append(float(m.group(3)))
    assert pa == a and pb == b
    r = st.ttest_ind(a, b, equal_var=False)
    n1, n2 = len(a), len(b)
    v1, v2 = hvar(a) / n1, hvar(b) / n2
    t = (M(hmean(a)) - M(hmean(b))) / mp.sqrt(M(v1 + v2))
    df = M((v1 + v2) ** 2 / (v1 ** 2 / (n1 - 1) + v2 ** 2 / (n2 - 1)))
    e = [ex("t", r.statistic, t, "stat"), ex("df", r.df, df, "stat"),
         ex("p_two_sided", r.pvalue, h_t2(t, df), "p")]
    add(2, q, "Welch two-sample t-test A-B, two-sided, unequal n (blank cell)", ["t_test"], e,
        "markdown table, two independent lines with a blank cell -> Welch t, df, two-sided p")


def p03(rng):
    ops = ["Ana", "Bram", "Chen", "Dita", "Eloy", "Femi", "Gus", "Hana"]
    before = R(rng.normal(42.0, 2.5, 8), 1)
    after = R(np.array(before) - rng.normal(1.5, 1.2, 8), 1)
    tsv = "\n".join(["operator\tbefore_s\tafter_s"] +
                    [f"{o}\t{F(b, 1)}\t{F(a, 1)}" for o, b, a in zip(ops, before, after)])
    q = ("Cycle times per operator before and after we changed the fixture (same eight people, "
         "tab-separated as it came out of the sheet):\n\n" + tsv +
         "\n\nPaired comparison please, differences taken as after minus before: the mean difference, "
         "the t statistic and the two-sided p-value.")
    rows = [ln.split("\t") for ln in q.split("\n\n")[1].split("\n")[1:]]
    assert [float(r[1]) for r in rows] == before and [float(r[2]) for r in rows] == after
    d = [x - y for x, y in zip(after, before)]
    r = st.ttest_rel(after, before)
    dd = [fr(x) - fr(y) for x, y in zip(after, before)]
    md = sum(dd) / 8
    vd = sum((v - md) ** 2 for v in dd) / 7
    t = M(md) / mp.sqrt(M(vd) / 8)
    e = [ex("mean_diff_after_minus_before", np.mean(np.array(after) - np.array(before)), M(md), "loc"),
         ex("t", r.statistic, t, "stat"), ex("p_two_sided", r.pvalue, h_t2(t, 7), "p")]
    add(3, q, "paired t on after-before from a TSV paste", ["t_test"], e,
        "TSV paste, operator/before/after -> paired mean difference, t, two-sided p")


def p04(rng):
    mus = {"M1": 18.2, "M2": 18.6, "M3": 18.0}
    data = {k: R(rng.normal(m, 0.5, 6), 2) for k, m in mus.items()}
    flat = [(k, v) for k in mus for v in data[k]]
    perm = rng.permutation(len(flat))
    rows = [flat[i] for i in perm]
    lines = ["date,machine,shot_weight_g"]
    for j, (k, v) in enumerate(rows):
        lines.append(f"2024-05-{(j // 3) + 6:02d},{k},{F(v, 2)}")
    q = ("Long-format export from the moulding cell. Is mean shot weight different between the three "
         "machines? One-way ANOVA, give me F, its p-value and the within-group (error) mean square.\n\n"
         + "\n".join(lines))
    parsed = {"M1": [], "M2": [], "M3": []}
    for r in csv.DictReader(io.StringIO(q.split("\n\n", 1)[1])):
        parsed[r["machine"]].append(float(r["shot_weight_g"]))
    assert all(sorted(parsed[k]) == sorted(data[k]) for k in mus)
    groups = [parsed[k] for k in mus]
    r = st.f_oneway(*groups)
    allv = [v for g in groups for v in g]
    gm = hmean(allv)
    ssb = sum(len(g) * (hmean(g) - gm) ** 2 for g in groups)
    ssw = sum((fr(v) - hmean(g)) ** 2 for g in groups for v in g)
    msw = ssw / (18 - 3)
    Fv = M(ssb / 2) / M(msw)
    a_msw = sum(np.sum((np.array(g) - np.mean(g)) ** 2) for g in groups) / 15
    e = [ex("F", r.statistic, Fv, "stat"), ex("p", r.pvalue, h_fsf(Fv, 2, 15), "p"),
         ex("MS_within", a_msw, M(msw), "stat")]
    add(4, q, "one-way ANOVA from long format (group column), date column is noise", ["anova_oneway"], e,
        "long-format CSV with date/machine/value -> one-way ANOVA F, p, MS error")


def p05(rng):
    n = 16
    e_ = rng.normal(0, 0.15, n)
    x = []
    prev = 4.20
    for t in range(n):
        v = 4.20 + 0.6 * (prev - 4.20) + e_[t]
        prev = v
        x.append(v)
    x = R(x, 2)
    lines = []
    k = 0
    for mnt in range(n + 2):
        ts = f"2024-06-14 09:{mnt * 3:02d}:00"
        if mnt in (4, 11):
            lines.append(f"{ts} DEBUG heartbeat seq={1000 + mnt} uptime_s={3600 + mnt * 180}")
        else:
            lines.append(f"{ts} INFO  line=3 press_bar={F(x[k], 2)} valve=OPEN")
            k += 1
    q = ("Here's a chunk of the PLC log. Take the press_bar readings in time order (skip the heartbeat "
         "lines) and give me their mean and the lag-1 autocorrelation, the usual ACF estimate "
         "r1 = sum (x_t - xbar)(x_{t+1} - xbar) / sum (x_t - xbar)^2.\n\n" + "\n".join(lines))
    parsed = [float(v) for v in re.findall(r"press_bar=([\d.]+)", q)]
    assert parsed == x
    m = hmean(x)
    num = sum((fr(x[i]) - m) * (fr(x[i + 1]) - m) for i in range(n - 1))
    den = sum((fr(v) - m) ** 2 for v in x)
    e = [ex("mean", np.mean(x), M(m), "loc"),
         ex("lag1_autocorrelation", sm_acf(np.array(x), nlags=1, fft=False)[1], M(num / den), "stat")]
    add(5, q, "extract readings from log lines, skip heartbeat lines; mean and ACF r1", ["describe"], e,
        "PLC log lines with heartbeat noise -> mean and lag-1 autocorrelation")


def p06(rng):
    xt = R(np.sort(rng.uniform(20, 70, 10)), 1)
    y = R(1450 - 12.3 * np.array(xt) + rng.normal(0, 15, 10), 1)
    blob = json.dumps({"run": "V-17", "operator": "JK", "spindle": 4,
                       "temperature_C": xt, "viscosity_cP": y}, indent=1)
    q = ("Got this JSON from the rheometer. Fit a straight line of viscosity on temperature (ordinary "
         "least squares): what are the slope, the intercept and R-squared?\n\n" + blob)
    d = json.loads(q.split("\n\n", 1)[1])
    assert d["temperature_C"] == xt and d["viscosity_cP"] == y
    r = st.linregress(xt, y)
    mx, my = hmean(xt), hmean(y)
    sxy = sum((fr(a) - mx) * (fr(b) - my) for a, b in zip(xt, y))
    sxx = sum((fr(a) - mx) ** 2 for a in xt)
    syy = sum((fr(b) - my) ** 2 for b in y)
    b1 = sxy / sxx
    b0 = my - b1 * mx
    r2 = sxy * sxy / (sxx * syy)
    e = [ex("slope", r.slope, M(b1), "stat"), ex("intercept", r.intercept, M(b0), "stat"),
         ex("R2", r.rvalue ** 2, M(r2), "stat")]
    add(6, q, "simple regression y=viscosity on x=temperature from JSON arrays; spindle number is noise",
        ["regression"], e, "JSON blob with metadata -> OLS slope, intercept, R^2")


def p07(rng):
    mu = np.array([[14, 9, 6, 5], [11, 10, 8, 6], [9, 13, 12, 7]])
    obs = rng.poisson(mu)
    rows = ["Day", "Swing", "Night"]
    cols = ["Scratch", "Dent", "Misalign", "Other"]
    rt = obs.sum(1)
    ct = obs.sum(0)
    w = 12
    lines = ["Count of defect_id", "Row Labels".ljust(w) + "".join(c.rjust(10) for c in cols) +
             "Grand Total".rjust(13)]
    for i, rn in enumerate(rows):
        lines.append(rn.ljust(w) + "".join(str(v).rjust(10) for v in obs[i]) + str(rt[i]).rjust(13))
    lines.append("Grand Total".ljust(w) + "".join(str(v).rjust(10) for v in ct) + str(obs.sum()).rjust(13))
    q = ("Pivot table straight from Excel, defect type by shift. Is defect type independent of shift? "
         "Chi-square test of independence: statistic, degrees of freedom, p-value.\n\n" + "\n".join(lines))
    body = []
    for ln in q.split("\n\n", 1)[1].split("\n"):
        tok = ln.split()
        if tok and tok[0] in rows:
            body.append([int(t) for t in tok[1:-1]])
            assert int(tok[-1]) == sum(body[-1])
    assert np.array_equal(np.array(body), obs)
    chi2, p, dof, _ = st.chi2_contingency(obs, correction=False)
    N = int(obs.sum())
    h = sum(Fr((int(obs[i, j]) * N - int(rt[i]) * int(ct[j])) ** 2, int(rt[i]) * int(ct[j]) * N)
            for i in range(3) for j in range(4))
    e = [ex("chi_square", chi2, M(h), "stat"), ex("df", dof, 6, "int"),
         ex("p", p, h_chi2sf(M(h), 6), "p")]
    add(7, q, "chi-square independence on pivot body only (exclude Grand Total row/column)",
        ["chi_square"], e, "Excel pivot with Grand Total row/column -> chi-square stat, df, p")


def p08(rng):
    k, n = 8, 5
    shifts = rng.normal(0, 0.008, k)
    data = [R(10.00 + s + rng.normal(0, 0.02, n), 3) for s in shifts]
    lines = [f"{7 + j:02d}:00 | " + "  ".join(F(v, 3) for v in data[j]) for j in range(k)]
    q = ("Hourly subgroups of five shaft diameters (mm), one subgroup per line, time stamp first:\n\n" +
         "\n".join(lines) +
         "\n\nSet up an X-bar and R chart from these 8 subgroups: I want the centre line and the upper and "
         "lower control limits of the X-bar chart, and the upper control limit of the R chart.")
    parsed = [[float(v) for v in ln.split("|")[1].split()] for ln in q.split("\n\n")[1].split("\n")]
    assert parsed == data
    xb = [np.mean(g) for g in data]
    rg = [max(g) - min(g) for g in data]
    gm, rbar = np.mean(xb), np.mean(rg)
    hgm = M(sum(hmean(g) for g in data) / k)
    hr = M(sum(max(map(fr, g)) - min(map(fr, g)) for g in data) / k)
    (d2, d3), (d2b, d3b) = consts(n)
    A2, A2b = 3 / (d2 * math.sqrt(n)), 3 / (d2b * math.sqrt(n))
    D4, D4b = 1 + 3 * d3 / d2, 1 + 3 * d3b / d2b
    tA2, tD4 = TAB[n][2], TAB[n][3]
    e = [ex("xbar_CL", gm, hgm, "loc"),
         shewhart("xbar_UCL", gm + A2 * rbar, float(hgm + A2b * hr), gm + tA2 * rbar),
         shewhart("xbar_LCL", gm - A2 * rbar, float(hgm - A2b * hr), gm - tA2 * rbar),
         shewhart("R_UCL", D4 * rbar, float(D4b * hr), tD4 * rbar)]
    add(8, q, "Xbar-R from raw subgroups (time stamps are labels)", ["control_chart"], e,
        "subgroup rows with time-stamp labels -> Xbar-R centre, UCL, LCL and R UCL")


def p09(rng):
    x = R(rng.normal(44.0, 1.6, 25), 1)
    xs = sorted(x)
    stems = range(int(math.floor(xs[0])), int(math.floor(xs[-1])) + 1)
    lines = []
    for s in stems:
        leaves = [int(round((v - s) * 10)) for v in xs if math.floor(v) == s]
        lines.append(f"{s:>3} | " + " ".join(str(l) for l in leaves))
    q = ("Stem-and-leaf of the 25 bag weights from the last audit (Key: 41|3 = 41.3 kg):\n\n" +
         "\n".join(lines) + "\n\nWhat are the mean, the median and the sample standard deviation?")
    parsed = []
    for ln in q.split("\n\n")[1].split("\n"):
        m = re.match(r"^\s*(\d+) \|(.*)$", ln)
        parsed += [float(f"{m.group(1)}.{l}") for l in m.group(2).split()]
    assert parsed == xs
    e = [ex("mean", np.mean(x), M(hmean(x)), "loc"),
         ex("median", np.median(x), M(sorted(map(fr, x))[12]), "loc"),
         ex("sd", np.std(x, ddof=1), hsd(x), "stat")]
    add(9, q, "decode stem-and-leaf (stem=units, leaf=tenths), then mean/median/SD", ["describe"], e,
        "stem-and-leaf display -> mean, median, n-1 SD")


def p10(rng):
    x = R(rng.normal(3.12, 0.05, 20), 2)
    lines = ["  ".join(F(v, 2) for v in x[i:i + 5]) for i in range(0, 20, 5)]
    q = ("Coating thickness (mils) off today's run, 20 panels, read left to right:\n\n" + "\n".join(lines) +
         "\n\nWork out the Cpk for this batch and tell me if we're capable.")
    assert [float(v) for v in q.split("\n\n")[1].split()] == x
    add(10, q, "Cpk requested but no specification limits (LSL/USL) or target are given anywhere",
        ["capability"], [], "Cpk from 20 values with no spec limits -> REFUSE (ask for LSL/USL)",
        refuse=True, reason="Cpk asked but no specification limits are given")


def p11(rng):
    panel = ["P1", "P2", "P3", "P4", "P5", "P6", "P7"]
    eff = np.array([0.0, 0.6, -0.3, 0.9])
    rows = []
    for _ in panel:
        while True:
            base = rng.normal(6.0, 0.7)
            r = R(base + eff + rng.normal(0, 0.5, 4), 1)
            if len(set(r)) == 4:
                break
        rows.append(r)
    hdr = "panelist   Form-A   Form-B   Form-C   Form-D"
    lines = [hdr] + [f"{p:<10}" + "".join(F(v, 1).rjust(9) for v in r) for p, r in zip(panel, rows)]
    q = ("Taste panel, each of 7 panelists scored all four formulations (0-10 scale):\n\n" + "\n".join(lines) +
         "\n\nPanelists obviously use the scale differently, so treat them as blocks and do a Friedman "
         "test. Give the Friedman chi-square statistic and its p-value (chi-square approximation).")
    parsed = [[float(v) for v in ln.split()[1:]] for ln in q.split("\n\n")[1].split("\n")[1:]]
    assert parsed == rows
    cols = list(zip(*rows))
    r = st.friedmanchisquare(*cols)
    n, k = 7, 4
    Rs = [Fr(0)] * k
    for row in rows:
        rk = h_ranks(row)
        Rs = [a + b for a, b in zip(Rs, rk)]
    Qh = Fr(12, n * k * (k + 1)) * sum(v * v for v in Rs) - 3 * n * (k + 1)
    e = [ex("friedman_chi2", r.statistic, M(Qh), "stat"), ex("p", r.pvalue, h_chi2sf(M(Qh), 3), "p")]
    add(11, q, "Friedman test, rows=blocks (panelists), columns=treatments", ["friedman"], e,
        "fixed-width wide table, panelists x formulations -> Friedman chi-square and p")


def p12(rng):
    x = R(rng.normal(12.47, 0.04, 10), 2)
    csvt = "\n".join(["Probe;Messwert_mm"] + [f"{i + 1};{F(v, 2).replace('.', ',')}" for i, v in enumerate(x)])
    q = ("Our German plant sent this (semicolon-separated, decimal commas). Nominal is 12.50 mm. "
         "One-sample t-test of the mean against nominal, two-sided: t, p-value and the 95% confidence "
         "interval for the mean.\n\n" + csvt)
    parsed = [float(ln.split(";")[1].replace(",", ".")) for ln in q.split("\n\n")[1].split("\n")[1:]]
    assert parsed == x
    r = st.ttest_1samp(x, 12.50)
    ci = r.confidence_interval(0.95)
    m, s = M(hmean(x)), hsd(x)
    se = s / mp.sqrt(10)
    t = (m - mp.mpf("12.5")) / se
    tc = h_tppf(0.975, 9)
    e = [ex("t", r.statistic, t, "stat"), ex("p_two_sided", r.pvalue, h_t2(t, 9), "p"),
         ex("ci_low", ci.low, m - tc * se, "loc"), ex("ci_high", ci.high, m + tc * se, "loc")]
    add(12, q, "decimal-comma semicolon CSV; one-sample t vs 12.50, two-sided, 95% CI", ["t_test"], e,
        "European CSV (decimal commas) -> one-sample t vs nominal, p, 95% CI")


def p13(rng):
    while True:
        h = [int(v) for v in rng.choice(np.arange(100, 2000), 10, replace=False)]
        w = R(0.02 + 0.00008 * np.array(h) + rng.normal(0, 0.02, 10), 3)
        if len(set(w)) == 10:
            break
    lines = [f"({v} h, {F(u, 3)} mm)" for v, u in zip(h, w)]
    q = ("Hours in service vs measured wear for ten pump seals:\n" + "; ".join(lines) +
         ".\nI don't want to assume a straight line. What are Spearman's rank correlation and Kendall's tau-b?")
    pr = re.findall(r"\((\d+) h, ([\d.]+) mm\)", q)
    assert [int(a) for a, _ in pr] == h and [float(b) for _, b in pr] == w
    rho = st.spearmanr(h, w).statistic
    tau = st.kendalltau(h, w).statistic
    rh, rw = h_ranks(h), h_ranks(w)
    n = 10
    rho_h = 1 - Fr(6) * sum((a - b) ** 2 for a, b in zip(rh, rw)) / (n * (n * n - 1))
    C = D = 0
    for i in range(n):
        for j in range(i + 1, n):
            s = (h[i] - h[j]) * (w[i] - w[j])
            C += s > 0
            D += s < 0
    tau_h = Fr(C - D, n * (n - 1) // 2)
    e = [ex("spearman_rho", rho, M(rho_h), "stat"), ex("kendall_tau_b", tau, M(tau_h), "stat")]
    add(13, q, "inline list of (x,y) pairs with units; Spearman rho and Kendall tau-b", ["correlation"], e,
        "inline list of (hours, wear) pairs -> Spearman rho and Kendall tau-b")


def p14(rng):
    c = [int(v) for v in rng.poisson(11, 20)]
    lines = [f"Panel {i + 1:02d} — {v} blemish{'es' if v != 1 else ''}" for i, v in enumerate(c)]
    q = ("Blemish counts per door panel (every panel is the same size) from Thursday's audit:\n" +
         "\n".join(lines) + "\n\nWhat are the centre line and the 3-sigma control limits of a c chart for these?")
    parsed = [int(v) for v in re.findall(r"— (\d+) blemish", q)]
    assert parsed == c
    cb = np.mean(c)
    hc = Fr(sum(c), 20)
    ucl_a, lcl_a = cb + 3 * math.sqrt(cb), max(0.0, cb - 3 * math.sqrt(cb))
    ucl_b, lcl_b = M(hc) + 3 * mp.sqrt(M(hc)), max(mp.mpf(0), M(hc) - 3 * mp.sqrt(M(hc)))
    assert lcl_a > 0
    e = [ex("c_bar", cb, M(hc), "loc"), ex("UCL", ucl_a, ucl_b, "loc"), ex("LCL", lcl_a, lcl_b, "loc")]
    add(14, q, "c chart (count of defects per equal-size unit)", ["control_chart"], e,
        "one line per panel 'Panel 01 — 3 blemishes' -> c chart centre, UCL, LCL")


# ============================ 2. wording ======================================


def p15(rng):
    x = R(rng.normal(498.9, 1.8, 12), 1)
    q = ("The bottler's supplier insists the mean fill is at least 500 ml. We think they are under-filling. "
         "We measured twelve bottles: " + FL(x, 1) + " ml. Test the supplier's claim against our suspicion at "
         "the 5% level: give the t statistic and the p-value for that one-sided alternative.")
    assert nums(q.split("bottles:")[1].split("ml")[0]) == x
    r = st.ttest_1samp(x, 500, alternative="less")
    t = (M(hmean(x)) - 500) / (hsd(x) / mp.sqrt(12))
    e = [ex("t", r.statistic, t, "stat"), ex("p_one_sided_less", r.pvalue, h_tcdf(t, 11), "p")]
    add(15, q, "one-sample t, H0 mu>=500 vs H1 mu<500 (lower-tail p)", ["t_test"], e,
        "supplier claims 'at least 500', we suspect under-fill -> one-sample t and lower-tail p")


def p16(rng):
    true = rng.normal(5.00, 0.20, 10)
    ga = R(true + rng.normal(0.012, 0.008, 10), 3)
    gb = R(true + rng.normal(0.0, 0.008, 10), 3)
    q = ("Two bench gauges. Gauge A readings on specimens 1 to 10: " + FL(ga, 3) + ". Gauge B was then used "
         "on the very same ten specimens, same order: " + FL(gb, 3) + ". Is there a systematic offset "
         "between the gauges? Two-sided; give the mean difference (A minus B), t and p.")
    pa = nums(q.split("specimens 1 to 10:")[1].split(". Gauge B")[0])
    pb = nums(q.split("same order:")[1].split(". Is")[0])
    assert pa == ga and pb == gb
    r = st.ttest_rel(ga, gb)
    dd = [fr(a) - fr(b) for a, b in zip(ga, gb)]
    md = sum(dd) / 10
    vd = sum((v - md) ** 2 for v in dd) / 9
    t = M(md) / mp.sqrt(M(vd) / 10)
    e = [ex("mean_diff_A_minus_B", np.mean(np.array(ga) - np.array(gb)), M(md), "loc"),
         ex("t", r.statistic, t, "stat"), ex("p_two_sided", r.pvalue, h_t2(t, 9), "p")]
    add(16, q, "same specimens measured by both gauges -> paired t, not two-sample", ["t_test"], e,
        "two lists, 'same ten specimens, same order' -> paired mean diff A-B, t, p")


def p17(rng):
    n = int(rng.integers(360, 441))
    x = int(rng.binomial(n, 0.06))
    defects = x + int(rng.poisson(0.8 * x))
    q = (f"We pulled {n} boards off line 3 on Tuesday. {x} of them had at least one defect; across those "
         f"boards we counted {defects} defects in total. What fraction of the boards is defective, and what is "
         "the exact (Clopper-Pearson) 95% confidence interval for that fraction?")
    m = re.search(r"pulled (\d+) boards.*?\. (\d+) of them.*?counted (\d+) defects", q)
    assert (int(m.group(1)), int(m.group(2)), int(m.group(3))) == (n, x, defects)
    lo, hi = proportion_confint(x, n, alpha=0.05, method="beta")
    lo_h = mp_bisect(lambda p: mp.betainc(x, n - x + 1, 0, p, regularized=True) - mp.mpf("0.025"),
                     mp.mpf("1e-9"), mp.mpf(x) / n)
    hi_h = mp_bisect(lambda p: mp.betainc(x + 1, n - x, 0, p, regularized=True) - mp.mpf("0.975"),
                     mp.mpf(x) / n, mp.mpf("0.999999"))
    e = [ex("p_hat", x / n, M(Fr(x, n)), "loc"), ex("cp_low", lo, lo_h, "loc"), ex("cp_high", hi, hi_h, "loc")]
    add(17, q, "defectives (boards with >=1 defect) not defects; exact binomial CI", ["proportion_test"], e,
        "boards with >=1 defect vs total defects (distractor) -> fraction defective and Clopper-Pearson CI")


def p18(rng):
    k = 6
    shifts = rng.normal(0, 0.07, k)
    data = [R(20.08 + s + rng.normal(0, 0.09, 4), 2) for s in shifts]
    days = ["Mon AM", "Mon PM", "Tue AM", "Tue PM", "Wed AM", "Wed PM"]
    lines = [f"Subgroup {i + 1} ({days[i]}): " + ", ".join(F(v, 2) for v in g) for i, g in enumerate(data)]
    q = ("Spec is 20.00 +/- 0.50 mm. Six subgroups of four:\n" + "\n".join(lines) +
         "\n\nThe customer asked for Pp and Ppk, i.e. based on the overall standard deviation of all 24 "
         "readings (ordinary n-1 sample SD), not the within-subgroup sigma. What are they?")
    parsed = [nums(ln.split(":", 1)[1]) for ln in q.split("\n\n")[0].split("\n")[1:]]
    assert parsed == data
    allv = [v for g in data for v in g]
    m, s = np.mean(allv), np.std(allv, ddof=1)
    hm, hs = M(hmean(allv)), hsd(allv)
    e = [ex("Pp", 1.0 / (6 * s), 1 / (6 * hs), "stat"),
         ex("Ppk", min(20.5 - m, m - 19.5) / (3 * s), min(mp.mpf("20.5") - hm, hm - mp.mpf("19.5")) / (3 * hs),
            "stat")]
    add(18, q, "overall (long-term) sigma, n-1 SD of all 24 values; Pp and Ppk with LSL 19.5 USL 20.5",
        ["capability"], e, "subgroups + 'overall SD not within' -> Pp, Ppk")


def p19(rng):
    n = 15
    tags = ["WU"] + ["PROD"] * 14
    tags[5] = "CAL"
    tags[11] = "CAL"
    vals = []
    for tg in tags:
        if tg == "CAL":
            vals.append(R1(rng.normal(80.00, 0.05), 2))
        elif tg == "WU":
            vals.append(R1(rng.normal(69.0, 0.5), 2))
        else:
            vals.append(R1(rng.normal(72.0, 1.1), 2))
    lines = [f"shot {i + 1:02d}  {tg:<4}  {F(v, 2)}" for i, (tg, v) in enumerate(zip(tags, vals))]
    q = ("Shot-by-shot hardness log (HRB). Leave out the warm-up shot (WU) and the calibration-block checks "
         "(CAL) - those aren't product. For the production shots only: mean and 95% confidence interval for "
         "the mean.\n\n" + "\n".join(lines))
    parsed = [(m.group(1), float(m.group(2))) for m in re.finditer(r"shot \d+\s+(\w+)\s+([\d.]+)", q)]
    assert parsed == list(zip(tags, vals))
    x = [v for tg, v in parsed if tg == "PROD"]
    assert len(x) == 12
    r = st.ttest_1samp(x, 0)
    ci = r.confidence_interval(0.95)
    m, s = M(hmean(x)), hsd(x)
    tc = h_tppf(0.975, 11)
    e = [ex("mean", np.mean(x), m, "loc"), ex("ci_low", ci.low, m - tc * s / mp.sqrt(12), "loc"),
         ex("ci_high", ci.high, m + tc * s / mp.sqrt(12), "loc")]
    add(19, q, "exclude WU and CAL rows (12 PROD remain); mean and t CI", ["describe", "t_test"], e,
        "log with WU/CAL rows to exclude -> mean and 95% CI of the 12 production shots")


def _mw_exact_counts(n1, n2):
    """number of arrangements giving each U (by DP), U = # pairs with A > B"""
    # f(n1, n2)[u]
    from functools import lru_cache

    @lru_cache(None)
    def f(a, b):
        if a == 0 or b == 0:
            return (1,)
        # largest element is from A (adds b) or from B
        x = f(a - 1, b)
        y = f(a, b - 1)
        L = max(len(x) + b, len(y))
        out = [0] * L
        for u, c in enumerate(x):
            out[u + b] += c
        for u, c in enumerate(y):
            out[u] += c
        return tuple(out)

    return f(n1, n2)


def p20(rng):
    while True:
        a = R(rng.normal(412, 9, 7), 1)
        b = R(rng.normal(401, 9, 8), 1)
        if len(set(a + b)) == 15:
            break
    q = ("Tensile strength (MPa). Supplier A: " + FL(a, 1) + ". Supplier B: " + FL(b, 1) +
         ". Different coupons, nothing paired. I don't trust normality with samples this small, so use a "
         "rank-based two-sample comparison: report the smaller of the two Mann-Whitney U statistics, the exact "
         "two-sided p-value, and the Hodges-Lehmann estimate of the shift (A minus B).")
    assert nums(q.split("Supplier A:")[1].split(". Supplier B")[0]) == a
    assert nums(q.split("Supplier B:")[1].split(". Different")[0]) == b
    r = st.mannwhitneyu(a, b, alternative="two-sided", method="exact")
    u_a = sum(1 for x in a for y in b if x > y)
    umin = min(u_a, 56 - u_a)
    cnt = _mw_exact_counts(7, 8)
    tot = sum(cnt)
    assert tot == comb(15, 7)
    p_h = min(Fr(1), 2 * Fr(sum(cnt[: umin + 1]), tot))
    hl_a = np.median(np.subtract.outer(a, b))
    diffs = sorted(fr(x) - fr(y) for x in a for y in b)
    hl_b = (diffs[27] + diffs[28]) / 2
    e = [ex("U_smaller", min(r.statistic, 56 - r.statistic), umin, "int"),
         ex("p_exact_two_sided", r.pvalue, M(p_h), "p"),
         ex("hodges_lehmann_A_minus_B", hl_a, M(hl_b), "loc")]
    add(20, q, "nonparametric two independent samples: Mann-Whitney, exact p, HL shift", ["mann_whitney"], e,
        "'don't trust normality', independent coupons -> Mann-Whitney U (smaller), exact p, HL shift")


def p21(rng):
    while True:
        old = R(rng.normal(0.82, 0.10, 10), 3)
        new = R(np.array(old) - rng.normal(0.035, 0.04, 10), 3)
        d = [fr(o) - fr(n_) for o, n_ in zip(old, new)]
        if all(v != 0 for v in d) and len(set(abs(v) for v in d)) == 10:
            break
    rig = [f"rig {i + 1}: old {F(o, 3)} / new {F(n_, 3)}" for i, (o, n_) in enumerate(zip(old, new))]
    q = ("Wear depth (mm) after 500 h, each rig run once with the old coating and once with the new one:\n" +
         "\n".join(rig) + "\n\nWe only care whether the new coating reduces wear. Wilcoxon signed-rank on the "
         "differences old minus new: give W+ (sum of the ranks of the positive differences) and the exact "
         "one-sided p-value.")
    pr = re.findall(r"old ([\d.]+) / new ([\d.]+)", q)
    assert [float(x) for x, _ in pr] == old and [float(y) for _, y in pr] == new
    r = st.wilcoxon(old, new, alternative="greater", method="exact")
    dd = np.array(old) - np.array(new)
    rk = st.rankdata(np.abs(dd))
    wplus_a = float(np.sum(rk[dd > 0]))
    ranks_h = h_ranks([abs(v) for v in d])
    wplus = sum(r_ for r_, v in zip(ranks_h, d) if v > 0)
    assert wplus.denominator == 1
    cnt = 0
    for signs in itertools.product((0, 1), repeat=10):
        if sum(i + 1 for i, s in enumerate(signs) if s) >= wplus:
            cnt += 1
    agree("W+ scipy", r.statistic, wplus_a)
    e = [ex("W_plus", wplus_a, int(wplus), "int"), ex("p_exact_one_sided", r.pvalue, M(Fr(cnt, 1024)), "p")]
    add(21, q, "paired (same rig), one-sided H1 old>new, Wilcoxon signed-rank exact", ["wilcoxon_signed_rank"], e,
        "rig-by-rig old/new pairs, 'only care if new reduces wear' -> W+ and exact one-sided p")


def p22(rng):
    n1 = int(rng.integers(400, 461))
    n2 = int(rng.integers(420, 481))
    x1 = int(rng.binomial(n1, 0.075))
    x2 = int(rng.binomial(n2, 0.045))
    q = (f"Night shift: {x1} defective units out of {n1} inspected. Day shift: {x2} defective out of {n2}. "
         "The night-shift supervisor says his rate is no worse. Test whether the night-shift defective rate is "
         "higher than the day-shift rate: pooled two-proportion z-test, one-sided. Give z and the p-value.")
    m = re.findall(r"(\d+) defective(?: units)? out of (\d+)", q)
    assert [(int(a), int(b)) for a, b in m] == [(x1, n1), (x2, n2)]
    z, p = proportions_ztest([x1, x2], [n1, n2], alternative="larger")
    pp = Fr(x1 + x2, n1 + n2)
    zh = M(Fr(x1, n1) - Fr(x2, n2)) / mp.sqrt(M(pp * (1 - pp) * (Fr(1, n1) + Fr(1, n2))))
    e = [ex("z", z, zh, "stat"), ex("p_one_sided", p, 1 - mp.ncdf(zh), "p")]
    add(22, q, "two proportions, one-sided H1 night>day, pooled z", ["proportion_test"], e,
        "night vs day defectives, 'is night higher' -> pooled z and one-sided p")


def p23(rng):
    x = R(rng.normal(181.5, 1.2, 10), 1)
    q = ("Cure-oven temperature audit. Oven 1 readings (degC): " + FL(x, 1) + ". Oven 2's readings are in the "
         "sheet I attached. Run a two-sample t-test (Welch) and tell me whether the ovens differ, with the "
         "p-value.")
    assert nums(q.split("(degC):")[1].split(". Oven 2")[0]) == x
    add(23, q, "second sample referred to an attachment that is not there; cannot run a two-sample test",
        ["t_test"], [], "Welch t with oven 2 data 'in the attached sheet' (absent) -> REFUSE",
        refuse=True, reason="second sample missing (only referred to as an attachment)")


def p24(rng):
    sds = {"Fixture 1": 0.020, "Fixture 2": 0.045, "Fixture 3": 0.025}
    data = {k: R(rng.normal(6.35, s, 7), 3) for k, s in sds.items()}
    q = ("We think one fixture holds parts less consistently than the others. Seven parts each:\n" +
         "\n".join(f"{k}: " + " ".join(F(v, 3) for v in vals) for k, vals in data.items()) +
         "\n\nTest whether the spread differs between fixtures without leaning on normality - use absolute "
         "deviations from each fixture's median (the Brown-Forsythe version of Levene's test). Statistic and "
         "p-value please.")
    parsed = {m.group(1): nums(m.group(2)) for m in re.finditer(r"(Fixture \d): ([\d. ]+)", q)}
    for k in sds:
        assert parsed[k] == data[k]
    groups = list(data.values())
    r = st.levene(*groups, center="median")
    z = []
    for g in groups:
        med = sorted(map(fr, g))[3]
        z.append([abs(fr(v) - med) for v in g])
    allz = [v for g in z for v in g]
    gm = sum(allz) / 21
    ssb = sum(7 * (sum(g) / 7 - gm) ** 2 for g in z)
    ssw = sum((v - sum(g) / 7) ** 2 for g in z for v in g)
    W = M(ssb / 2) / M(ssw / 18)
    e = [ex("W", r.statistic, W, "stat"), ex("p", r.pvalue, h_fsf(W, 2, 18), "p")]
    add(24, q, "Levene with median centring (Brown-Forsythe)", ["levene"], e,
        "'deviations from each median' -> Brown-Forsythe Levene statistic and p")


def p25(rng):
    before = R(rng.normal(7.4, 0.6, 8), 2)
    after = R(rng.normal(6.9, 0.6, 7), 2)
    q = ("Same eight heat exchangers measured before and after descaling (pressure drop, kPa). Before: " +
         FL(before, 2) + ". After: " + FL(after, 2) + ". Paired t-test, two-sided: t and p?")
    assert nums(q.split("Before:")[1].split(". After")[0]) == before
    assert nums(q.split("After:")[1].split(". Paired")[0]) == after
    add(25, q, "paired test on 'the same eight units' but only 7 after-values: pairing undefined",
        ["t_test"], [], "paired t, 8 before vs 7 after values for 'the same eight units' -> REFUSE",
        refuse=True, reason="paired data with 8 before but only 7 after values; pairs cannot be formed")


def p26(rng):
    area = R(rng.uniform(1.5, 3.5, 12), 1)
    flaws = [int(v) for v in rng.poisson(2.2 * np.array(area))]
    ids = [f"R-22{i + 7:02d}" for i in range(12)]
    lines = ["roll     area_m2   flaws"] + [f"{a}   {F(b, 1):>7}   {c:>5}" for a, b, c in zip(ids, area, flaws)]
    q = ("Fabric rolls are cut to different lengths, so the inspected area varies. We want to chart flaws "
         "per square metre:\n\n" + "\n".join(lines) +
         "\n\nWhat is the centre line, and what are the 3-sigma upper and lower control limits for roll R-2213 "
         "(the seventh one)?")
    rows = [ln.split() for ln in q.split("\n\n")[1].split("\n")[1:]]
    assert [float(r[1]) for r in rows] == area and [int(r[2]) for r in rows] == flaws
    ub = sum(flaws) / sum(area)
    hub = Fr(sum(flaws)) / sum(fr(a) for a in area)
    a7 = area[6]
    ua, la = ub + 3 * math.sqrt(ub / a7), max(0.0, ub - 3 * math.sqrt(ub / a7))
    uh = M(hub) + 3 * mp.sqrt(M(hub) / M(fr(a7)))
    lh = max(mp.mpf(0), M(hub) - 3 * mp.sqrt(M(hub) / M(fr(a7))))
    e = [ex("u_bar", ub, M(hub), "loc"), ex("UCL_roll7", ua, uh, "loc"), ex("LCL_roll7", la, lh, "loc")]
    add(26, q, "u chart with variable area (defects per m^2), limits for the 7th roll", ["control_chart"], e,
        "rolls with varying area, 'flaws per m^2' -> u chart centre and limits for roll 7")


def p27(rng):
    x = R(rng.normal(3.20, 0.40, 9), 2)
    q = ("Outgassing rates for nine samples of the new adhesive (units of 1e-5 Torr L/s): " + FL(x, 2) +
         ". For the datasheet we need a single number we can be 95% confident the true mean rate does not "
         "exceed. What is that bound, and what is the sample mean?")
    assert nums(q.split("L/s):")[1].split(". For")[0]) == x
    r = st.ttest_1samp(x, 0, alternative="less")
    ub = r.confidence_interval(0.95).high
    m, s = M(hmean(x)), hsd(x)
    e = [ex("mean", np.mean(x), m, "loc"), ex("upper_bound_95_one_sided", ub, m + h_tppf(0.95, 8) * s / 3, "loc")]
    add(27, q, "one-sided 95% upper confidence bound for the mean (= t_0.95,8)", ["t_test", "describe"], e,
        "'95% confident the mean does not exceed' -> one-sided upper bound and mean")


def p28(rng):
    cells = rng.multinomial(80, [0.60, 0.17, 0.05, 0.18])
    a, b, c, d = (int(v) for v in cells)
    q = (f"Two inspectors judged the same 80 castings pass/fail. Both passed {a}; inspector A passed but B "
         f"failed {b}; A failed but B passed {c}; both failed {d}. Do the inspectors differ in how often they "
         "fail parts? Use the exact version of McNemar's test on the paired judgements and give the two-sided "
         "p-value.")
    m = re.search(r"Both passed (\d+);.*?failed (\d+); A failed but B passed (\d+); both failed (\d+)", q)
    assert tuple(int(v) for v in m.groups()) == (a, b, c, d)
    p = sm_mcnemar([[a, b], [c, d]], exact=True).pvalue
    nd = b + c
    ph = min(Fr(1), 2 * sum(Fr(comb(nd, i), 2 ** nd) for i in range(min(b, c) + 1)))
    e = [ex("p_exact", p, M(ph), "p")]
    add(28, q, "same castings, two raters -> McNemar exact on discordant pairs", ["mcnemar"], e,
        "same 80 castings, two inspectors' pass/fail told in prose -> exact McNemar p")


# ============================ 3. prose_numbers ================================


def p29(rng):
    n1, n2 = int(rng.integers(12, 17)), int(rng.integers(9, 14))
    m1, m2 = R1(rng.normal(8.30, 0.05), 2), R1(rng.normal(8.02, 0.05), 2)
    s1, s2 = R1(rng.uniform(0.33, 0.45), 3), R1(rng.uniform(0.28, 0.40), 3)
    q = (f"Quick one. Lot 4471 (made 12 March, line temp 21 C) gave {n1} shafts with mean length deviation "
         f"{F(m1, 2)} mm and standard deviation {F(s1, 3)} mm. Lot 4480, made on the 19th at 24 C, gave {n2} "
         f"shafts, mean {F(m2, 2)} mm, SD {F(s2, 3)} mm. Without assuming equal variances, is there a difference "
         "between the lots? t (4471 minus 4480), degrees of freedom and two-sided p, please.")
    mm = re.search(r"gave (\d+) shafts with mean length deviation ([\d.]+) mm and standard deviation ([\d.]+) mm",
                   q)
    mm2 = re.search(r"gave (\d+) shafts, mean ([\d.]+) mm, SD ([\d.]+) mm", q)
    assert (int(mm.group(1)), float(mm.group(2)), float(mm.group(3))) == (n1, m1, s1)
    assert (int(mm2.group(1)), float(mm2.group(2)), float(mm2.group(3))) == (n2, m2, s2)
    r = st.ttest_ind_from_stats(m1, s1, n1, m2, s2, n2, equal_var=False)
    v1, v2 = fr(s1) ** 2 / n1, fr(s2) ** 2 / n2
    t = M(fr(m1) - fr(m2)) / mp.sqrt(M(v1 + v2))
    df = M((v1 + v2) ** 2 / (v1 ** 2 / (n1 - 1) + v2 ** 2 / (n2 - 1)))
    a_df = float((s1 ** 2 / n1 + s2 ** 2 / n2) ** 2 / ((s1 ** 2 / n1) ** 2 / (n1 - 1) + (s2 ** 2 / n2) ** 2 / (n2 - 1)))
    e = [ex("t", r.statistic, t, "stat"), ex("df", a_df, df, "stat"), ex("p_two_sided", r.pvalue, h_t2(t, df), "p")]
    add(29, q, "Welch t from summary stats; dates/temperatures/lot numbers are distractors", ["summary_t_test"], e,
        "two lots told in prose with dates, temperatures, lot numbers -> Welch t, df, p")


def p30(rng):
    while True:
        sig = R1(rng.uniform(1.5, 3.5), 1)
        E = R1(rng.uniform(0.3, 0.8), 2)
        raw = (st.norm.ppf(0.975) * sig / E) ** 2
        if abs(raw - round(raw)) > 0.01:
            break
    q = (f"Each tensile test costs us about 35 euros and takes 20 minutes. From last year's 3 batches the "
         f"standard deviation of bond strength was about {F(sig, 1)} N. How many specimens do we need so that a "
         f"95% confidence interval for the mean is within +/- {F(E, 2)} N?")
    assert float(re.search(r"was about ([\d.]+) N", q).group(1)) == sig
    assert float(re.search(r"within \+/- ([\d.]+) N", q).group(1)) == E
    na = math.ceil(raw)
    nb = int(mp.ceil((h_nppf(mp.mpf("0.975")) * M(fr(sig)) / M(fr(E))) ** 2))
    e = [ex("n", na, nb, "int")]
    add(30, q, "n = ceil((z sigma/E)^2), z=1.96; cost/time/batches are distractors", ["sample_size_ci"], e,
        "sigma and +/-E told in prose with cost distractors -> n for mean CI")


def _h_power_2s(n, d, alpha):
    df = 2 * n - 2
    ncp = mp.mpf(d) * mp.sqrt(mp.mpf(n) / 2)
    c = h_tppf(1 - mp.mpf(alpha) / 2, df)
    k = mp.mpf(df)
    dens = lambda v: v ** (k / 2 - 1) * mp.exp(-v / 2) / (2 ** (k / 2) * mp.gamma(k / 2))
    f = lambda v: dens(v) * (1 - mp.ncdf(c * mp.sqrt(v / k) - ncp) + mp.ncdf(-c * mp.sqrt(v / k) - ncp))
    return mp.quad(f, [0, k, 4 * k, mp.inf])


def p31(rng):
    while True:
        delta = R1(rng.uniform(1.0, 2.0), 1)
        sig = R1(rng.uniform(1.8, 3.0), 1)
        d = delta / sig
        pw = TTestIndPower()
        na = next(n for n in range(2, 500) if pw.power(d, n, 0.05, ratio=1, alternative="two-sided") >= 0.90)
        p_at = pw.power(d, na, 0.05)
        p_below = pw.power(d, na - 1, 0.05)
        if p_at - 0.90 > 2e-4 and 0.90 - p_below > 2e-4:
            break
    q = (f"Planning a comparison of two adhesive formulations (pilot run in Building 7, 40 kg of resin per "
         f"batch). We want to detect a difference in mean peel strength of {F(delta, 1)} N/cm, the standard "
         f"deviation is about {F(sig, 1)} N/cm in both groups, two-sided alpha 0.05 and 90% power. How many "
         "specimens per formulation for a two-sample t-test?")
    assert float(re.search(r"peel strength of ([\d.]+) N/cm", q).group(1)) == delta
    assert float(re.search(r"about ([\d.]+) N/cm in both", q).group(1)) == sig
    dm = M(fr(delta)) / M(fr(sig))
    nb = next(n for n in range(2, 500) if _h_power_2s(n, dm, 0.05) >= mp.mpf("0.9"))
    assert math.ceil(pw.solve_power(d, power=0.9, alpha=0.05)) == na
    e = [ex("n_per_group", na, nb, "int")]
    add(31, q, "two-sample t sample size (noncentral t), delta and sigma from prose", ["power"], e,
        "detect difference with SD, alpha, power in prose (building/kg distractors) -> n per group")


def p32(rng):
    while True:
        p0 = R1(rng.uniform(0.05, 0.15), 2)
        Epp = int(rng.integers(2, 5))
        raw = st.norm.ppf(0.975) ** 2 * p0 * (1 - p0) / (Epp / 100) ** 2
        if abs(raw - round(raw)) > 0.01:
            break
    q = (f"We want to estimate the proportion of returned meters with a cracked housing. Last quarter (about "
         f"1,250 returns) it looked like roughly {int(round(p0 * 100))}%. How many returns do we have to "
         f"inspect to estimate the proportion within plus or minus {Epp} percentage points with 95% confidence?")
    assert int(re.search(r"roughly (\d+)%", q).group(1)) == int(round(p0 * 100))
    assert abs(int(round(p0 * 100)) / 100 - p0) < 1e-12
    assert int(re.search(r"minus (\d+) percentage", q).group(1)) == Epp
    na = math.ceil(raw)
    pf = Fr(int(round(p0 * 100)), 100)
    nb = int(mp.ceil(h_nppf(mp.mpf("0.975")) ** 2 * M(pf * (1 - pf)) / M(Fr(Epp, 100)) ** 2))
    e = [ex("n", na, nb, "int")]
    add(32, q, "n = ceil(z^2 p(1-p)/E^2) with p guess and E in percentage points; 1,250 is a distractor",
        ["sample_size_ci"], e, "proportion guess and +/- percentage points in prose -> n")


def p33(rng):
    m = R1(rng.normal(10.08, 0.03), 3)
    sw = R1(rng.uniform(0.10, 0.13), 3)
    so = R1(sw + rng.uniform(0.02, 0.04), 3)
    q = (f"Capability summary for part 77-1204 (125 pieces, 25 subgroups of 5): the drawing says 10.00 +/- "
         f"0.50. Process average {F(m, 3)}, within-subgroup sigma (R-bar/d2) {F(sw, 3)}, overall standard "
         f"deviation {F(so, 3)}. What are Cp and Cpk?")
    mm = re.search(r"average ([\d.]+), within-subgroup sigma \(R-bar/d2\) ([\d.]+), overall standard deviation "
                   r"([\d.]+)\.", q)
    assert tuple(float(v) for v in mm.groups()) == (m, sw, so)
    cp_a = 1.0 / (6 * sw)
    cpk_a = min(10.5 - m, m - 9.5) / (3 * sw)
    cp_b = Fr(1) / (6 * fr(sw))
    cpk_b = min(Fr(105, 10) - fr(m), fr(m) - Fr(95, 10)) / (3 * fr(sw))
    e = [ex("Cp", cp_a, M(cp_b), "stat"), ex("Cpk", cpk_a, M(cpk_b), "stat")]
    add(33, q, "Cp/Cpk use within sigma; overall SD is for Pp/Ppk (distractor)", ["summary_capability"], e,
        "spec, mean, within and overall sigma in prose -> Cp and Cpk from within sigma")


def p34(rng):
    n = int(rng.integers(3, 7))
    gm = R1(rng.normal(25.30, 0.05), 3)
    rbar = R1(rng.uniform(0.6, 1.0), 3)
    q = (f"The gauge room runs an X-bar/R chart on the valve seat depth: {n} parts per subgroup, every 2 hours, "
         f"30 subgroups so far. Grand average {F(gm, 3)} mm, average range {F(rbar, 3)} mm. The tolerance on "
         f"the drawing is 25.0 to 25.6 mm. Calculate the control limits for X-bar and the upper limit for R.")
    mm = re.search(r"(\d+) parts per subgroup.*Grand average ([\d.]+) mm, average range ([\d.]+) mm", q)
    assert (int(mm.group(1)), float(mm.group(2)), float(mm.group(3))) == (n, gm, rbar)
    (d2, d3), (d2b, d3b) = consts(n)
    A2, A2b, tA2 = 3 / (d2 * math.sqrt(n)), 3 / (d2b * math.sqrt(n)), TAB[n][2]
    D4, D4b, tD4 = 1 + 3 * d3 / d2, 1 + 3 * d3b / d2b, TAB[n][3]
    e = [shewhart("xbar_UCL", gm + A2 * rbar, gm + A2b * rbar, gm + tA2 * rbar),
         shewhart("xbar_LCL", gm - A2 * rbar, gm - A2b * rbar, gm - tA2 * rbar),
         shewhart("R_UCL", D4 * rbar, D4b * rbar, tD4 * rbar)]
    add(34, q, f"Xbar-R limits from grand mean, Rbar, n={n}; tolerance and '2 hours/30 subgroups' are distractors",
        ["summary_chart"], e, "subgroup size, grand mean, R-bar in prose (tolerance distractor) -> X-bar limits, R UCL")


def p35(rng):
    tot = int(rng.binomial(5000, 0.062))
    q = (f"For the p chart on the label printer: 25 daily samples, 200 labels each, {tot} defective labels in "
         f"all. Line speed is 120 labels/min. What are the centre line and the control limits?")
    assert int(re.search(r"each, (\d+) defective", q).group(1)) == tot
    pb = tot / 5000
    ua, la = pb + 3 * math.sqrt(pb * (1 - pb) / 200), max(0.0, pb - 3 * math.sqrt(pb * (1 - pb) / 200))
    ph = Fr(tot, 5000)
    sd = mp.sqrt(M(ph * (1 - ph) / 200))
    assert la > 0
    e = [ex("p_bar", pb, M(ph), "loc"), ex("UCL", ua, M(ph) + 3 * sd, "loc"), ex("LCL", la, M(ph) - 3 * sd, "loc")]
    add(35, q, "p chart, n=200 per sample, 25 samples; line speed is a distractor", ["summary_chart", "control_chart"],
        e, "p chart told in one sentence (line speed distractor) -> p-bar, UCL, LCL")


def p36(rng):
    mu = {(-1, -1): 62.0, (1, -1): 67.0, (-1, 1): 63.5, (1, 1): 73.5}
    y = {k: R(rng.normal(v, 0.6, 2), 1) for k, v in mu.items()}
    q = (f"Two-factor trial on the reactor, two runs at each setting (batch numbers 311-318). At 160 C and "
         f"2 bar the yields were {F(y[(-1, -1)][0], 1)} and {F(y[(-1, -1)][1], 1)} %; at 180 C and 2 bar, "
         f"{F(y[(1, -1)][0], 1)} and {F(y[(1, -1)][1], 1)} %; at 160 C and 3 bar, {F(y[(-1, 1)][0], 1)} and "
         f"{F(y[(-1, 1)][1], 1)} %; and at 180 C and 3 bar, {F(y[(1, 1)][0], 1)} and {F(y[(1, 1)][1], 1)} %. "
         "Estimate the temperature effect, the pressure effect and the temperature x pressure interaction "
         "effect (effect = mean response at the high level minus mean at the low level, usual +/-1 coding).")
    pr = re.findall(r"(\d+\.\d) and (\d+\.\d) %", q)
    keys = [(-1, -1), (1, -1), (-1, 1), (1, 1)]
    assert [[float(a), float(b)] for a, b in pr] == [y[k] for k in keys]
    rows = [(k[0], k[1], v) for k in keys for v in y[k]]
    X = np.array([[1, a, b, a * b] for a, b, _ in rows], float)
    Y = np.array([v for *_, v in rows])
    coef = sm.OLS(Y, X).fit().params
    hand = {}
    for name, fn in (("A", lambda a, b: a), ("B", lambda a, b: b), ("AB", lambda a, b: a * b)):
        hand[name] = sum(fn(a, b) * fr(v) for a, b, v in rows) / 4
    e = [ex("effect_temperature", 2 * coef[1], M(hand["A"]), "stat"),
         ex("effect_pressure", 2 * coef[2], M(hand["B"]), "stat"),
         ex("effect_interaction", 2 * coef[3], M(hand["AB"]), "stat")]
    add(36, q, "2^2 factorial with 2 replicates told in a sentence; effects (not coefficients)", ["doe_effects"], e,
        "2x2 factorial runs told in prose (batch numbers distractor) -> A, B, AB effects")


def p37(rng):
    n = int(rng.integers(220, 281))
    x = int(rng.binomial(n, 0.14))
    q = (f"In the March customer survey (it cost us $4,800 and ran for 3 weeks) {x} of the {n} respondents said "
         f"the lid was hard to open. Historically that figure has been 10%. Has it gone up? Exact binomial test, "
         "one-sided; give the sample proportion and the p-value.")
    mm = re.search(r"weeks\) (\d+) of the (\d+) respondents", q)
    assert (int(mm.group(1)), int(mm.group(2))) == (x, n)
    pa = st.binomtest(x, n, 0.10, alternative="greater").pvalue
    ph = sum(comb(n, i) * Fr(1, 10) ** i * Fr(9, 10) ** (n - i) for i in range(x, n + 1))
    e = [ex("p_hat", x / n, M(Fr(x, n)), "loc"), ex("p_one_sided", pa, M(ph), "p")]
    add(37, q, "exact binomial, H1 p>0.10; cost and duration are distractors", ["proportion_test"], e,
        "survey count in prose with cost/duration distractors -> p-hat and exact one-sided p")


def p38(rng):
    m = R1(rng.normal(12.4, 0.05), 1)
    q = (f"Our cable pull-off tests (batch 2291, tested at 23 C) averaged {F(m, 1)} kN over 20 samples. The "
         f"target is 12.0 kN. Is the mean significantly different from target at the 5% level? Give me t and "
         "the p-value.")
    assert float(re.search(r"averaged ([\d.]+) kN", q).group(1)) == m
    add(38, q, "one-sample t from summary but no standard deviation given", ["summary_t_test"], [],
        "one-sample t asked with mean and n but no SD -> REFUSE (ask for SD)", refuse=True,
        reason="one-sample t-test requested but no standard deviation given")


def p39(rng):
    n = int(rng.integers(12, 19))
    md = R1(rng.uniform(1.2, 2.2), 2)
    sd = R1(rng.uniform(2.4, 3.4), 2)
    q = (f"We re-torqued {n} flange joints (torque wrench cal. due 2025-01-15) and measured the clamp-load "
         f"change on each joint. The mean of the after-minus-before differences was {F(md, 2)} kN and their "
         f"standard deviation {F(sd, 2)} kN. Is the mean change different from zero? Two-sided: t, p and a 95% "
         "confidence interval for the mean change.")
    assert int(re.search(r"re-torqued (\d+) flange", q).group(1)) == n
    assert float(re.search(r"differences was ([\d.]+) kN", q).group(1)) == md
    assert float(re.search(r"standard deviation ([\d.]+) kN", q).group(1)) == sd
    se = sd / math.sqrt(n)
    ta = md / se
    pa = 2 * st.t.sf(abs(ta), n - 1)
    tc = st.t.ppf(0.975, n - 1)
    seh = M(fr(sd)) / mp.sqrt(n)
    th = M(fr(md)) / seh
    tch = h_tppf(0.975, n - 1)
    e = [ex("t", ta, th, "stat"), ex("p_two_sided", pa, h_t2(th, n - 1), "p"),
         ex("ci_low", md - tc * se, M(fr(md)) - tch * seh, "loc"), ex("ci_high", md + tc * se, M(fr(md)) + tch * seh, "loc")]
    add(39, q, "paired t from summary of differences; calibration date is a distractor", ["summary_t_test"], e,
        "mean and SD of paired differences in prose -> t, p, 95% CI")


def p40(rng):
    n = int(rng.integers(110, 131))
    x = n + int(rng.integers(5, 20))
    q = (f"We x-rayed {n} castings from heat 5521 and {x} of them showed porosity. Give me the 95% Wilson "
         "interval for the porosity rate.")
    mm = re.search(r"x-rayed (\d+) castings.*?and (\d+) of them", q)
    assert (int(mm.group(1)), int(mm.group(2))) == (n, x)
    assert x > n
    add(40, q, "more 'successes' than trials: contradictory counts", ["proportion_test"], [],
        f"{x} porous out of {n} castings -> REFUSE (count exceeds sample size)", refuse=True,
        reason="number with porosity exceeds number of castings inspected")


def p41(rng):
    p1 = R1(rng.uniform(0.10, 0.14), 2)
    p2 = R1(p1 - rng.uniform(0.04, 0.06), 2)
    q = (f"Supplier trial: the current seal leaks on about {int(round(p1 * 100))}% of assemblies, and we hope the "
         f"new one gets that down to {int(round(p2 * 100))}%. With a two-sided 5% test and 80% power, how many "
         "assemblies per arm? Use the usual normal-approximation formula n = [z(1-a/2) sqrt(2 pbar qbar) + "
         "z(1-b) sqrt(p1 q1 + p2 q2)]^2 / (p1 - p2)^2 with pbar the average of the two rates, rounded up. "
         "(Each assembly costs $14.)")
    assert int(re.search(r"about (\d+)% of", q).group(1)) / 100 == p1
    assert int(re.search(r"down to (\d+)%", q).group(1)) / 100 == p2
    za, zb = st.norm.ppf(0.975), st.norm.ppf(0.80)
    pb = (p1 + p2) / 2
    na = math.ceil((za * math.sqrt(2 * pb * (1 - pb)) + zb * math.sqrt(p1 * (1 - p1) + p2 * (1 - p2))) ** 2 /
                   (p1 - p2) ** 2)
    raw_b = ((h_nppf(mp.mpf("0.975")) * mp.sqrt(M(2 * ((fr(p1) + fr(p2)) / 2) * (1 - (fr(p1) + fr(p2)) / 2))) +
              h_nppf(mp.mpf("0.8")) * mp.sqrt(M(fr(p1) * (1 - fr(p1)) + fr(p2) * (1 - fr(p2))))) ** 2 /
             M((fr(p1) - fr(p2)) ** 2))
    assert abs(raw_b - mp.nint(raw_b)) > 0.01
    e = [ex("n_per_arm", na, int(mp.ceil(raw_b)), "int")]
    add(41, q, "two-proportion sample size with the stated pooled formula; cost is a distractor", ["power"], e,
        "two leak rates in prose with explicit formula -> n per arm")


def p42(rng):
    corner_mu = np.array([45, 52, 47, 55, 46, 53, 48, 57], float)
    yc = R(corner_mu + rng.normal(0, 0.8, 8), 1)
    yz = R(rng.normal(52.5, 0.6, 4), 1)
    q = ("We ran a 2^3 full factorial (resin batch 7, oven at 85 C, run on 3 June) plus centre points. "
         "The eight corner runs in standard order gave " + FL(yc, 1) + "; the four centre-point runs gave " +
         FL(yz, 1) + ". Is there curvature? Give the single-degree-of-freedom curvature sum of squares, its F "
         "ratio against pure error from the centre points, and the p-value.")
    assert nums(q.split("standard order gave")[1].split(";")[0]) == yc
    assert nums(q.split("centre-point runs gave")[1].split(". Is")[0]) == yz
    # (a) statsmodels: saturated factorial + centre indicator vs without
    lv = list(itertools.product((-1, 1), repeat=3))
    corners = [(c, b, a) for (a, b, c) in lv]  # standard order, A fastest
    rows = []
    for (A, B, C), v in zip(corners, yc):
        rows.append([1, A, B, C, A * B, A * C, B * C, A * B * C, 0, v])
    for v in yz:
        rows.append([1, 0, 0, 0, 0, 0, 0, 0, 1, v])
    Arr = np.array(rows, float)
    full = sm.OLS(Arr[:, -1], Arr[:, :9]).fit()
    red = sm.OLS(Arr[:, -1], Arr[:, :8]).fit()
    ss_a = red.ssr - full.ssr
    F_a = ss_a / (full.ssr / 3)
    p_a = st.f.sf(F_a, 1, 3)
    yF, yC = hmean(yc), hmean(yz)
    ss_b = Fr(8 * 4, 12) * (yF - yC) ** 2
    F_b = M(ss_b) / M(hvar(yz))
    e = [ex("SS_curvature", ss_a, M(ss_b), "stat"), ex("F", F_a, F_b, "stat"), ex("p", p_a, h_fsf(F_b, 1, 3), "p")]
    add(42, q, "curvature test: SS = nF nC (ybarF - ybarC)^2/(nF+nC), F vs centre-point pure error (3 df)",
        ["doe_curvature"], e, "2^3 corners and 4 centre points told in a sentence -> curvature SS, F, p")


# ============================ 4. maths ========================================

x_, y_, n_, k_ = sp.symbols("x y n k")


def p43(rng):
    a = int(rng.integers(2, 5))
    b = int(rng.integers(2, 7))
    x0 = [0.5, 1.5, 2.0][int(rng.integers(0, 3))]
    q = (f"What is the slope of f(x) = x^3 * e^(-{a}x) + ln(1 + {b}x^2) at x = {x0}?")
    mm = re.search(r"e\^\(-(\d+)x\) \+ ln\(1 \+ (\d+)x\^2\) at x = ([\d.]+)", q)
    assert (int(mm.group(1)), int(mm.group(2)), float(mm.group(3))) == (a, b, x0)
    f = x_ ** 3 * sp.exp(-a * x_) + sp.log(1 + b * x_ ** 2)
    va = float(sp.diff(f, x_).subs(x_, sp.Rational(str(x0))).evalf(30))
    vb = mp.diff(lambda t: t ** 3 * mp.exp(-a * t) + mp.log(1 + b * t * t), mp.mpf(str(x0)))
    e = [ex("derivative", va, vb, "math")]
    add(43, q, "f'(x0) of a product/exp plus log term", ["differentiate", "evaluate"], e,
        f"slope of x^3 e^(-{a}x)+ln(1+{b}x^2) at x={x0} -> f'(x0)")


def p44(rng):
    a = int(rng.integers(2, 5))
    q = (f"Need a number for a report: the integral of x^{a} ln(x) dx from x = 1 to x = e.")
    assert int(re.search(r"of x\^(\d+) ln", q).group(1)) == a
    va = float(sp.integrate(x_ ** a * sp.log(x_), (x_, 1, sp.E)).evalf(30))
    vb = mp.quad(lambda t: t ** a * mp.log(t), [1, mp.e])
    cf = mp.e ** (a + 1) * (mp.mpf(1) / (a + 1) - mp.mpf(1) / (a + 1) ** 2) + mp.mpf(1) / (a + 1) ** 2
    agree("closed form", vb, cf)
    e = [ex("integral", va, vb, "math")]
    add(44, q, "definite integral with log", ["integrate"], e, f"integral of x^{a} ln x from 1 to e -> value")


def p45(rng):
    a = int(rng.integers(2, 6))
    q = f"Find the limit of (sin({a}x) - {a}x) / x^3 as x goes to 0."
    mm = re.search(r"\(sin\((\d+)x\) - (\d+)x\)", q)
    assert int(mm.group(1)) == a and int(mm.group(2)) == a
    va = float(sp.limit((sp.sin(a * x_) - a * x_) / x_ ** 3, x_, 0))
    with mp.workdps(50):
        vb = mp.limit(lambda t: (mp.sin(a * t) - a * t) / t ** 3, 0)
    agree("closed", vb, -mp.mpf(a) ** 3 / 6)
    e = [ex("limit", va, vb, "math")]
    add(45, q, "0/0 limit, answer -a^3/6", ["limit"], e, f"lim (sin({a}x)-{a}x)/x^3 at 0 -> {-a**3}/6")


def p46(rng):
    k = int(rng.integers(2, 7))
    q = f"What does the series sum from n = 1 to infinity of 1/(n(n+{k})) converge to?"
    assert int(re.search(r"1/\(n\(n\+(\d+)\)\)", q).group(1)) == k
    va = float(sp.summation(1 / (n_ * (n_ + k)), (n_, 1, sp.oo)).evalf(30))
    vb = mp.nsum(lambda t: 1 / (t * (t + k)), [1, mp.inf])
    agree("closed", vb, M(sum(Fr(1, j) for j in range(1, k + 1)) / k))
    e = [ex("sum", va, vb, "math")]
    add(46, q, "telescoping series, H_k/k", ["summation"], e, f"sum 1/(n(n+{k})) from 1 to oo -> H_{k}/{k}")


def p47(rng):
    a = int(rng.integers(7, 15))
    b = int(rng.integers(1, 6))
    assert 4 * a ** 3 - 27 * b ** 2 > 0
    q = (f"For which x is x^3 - {a}x - {b} = 0? I need the smallest and the largest real solution.")
    mm = re.search(r"x\^3 - (\d+)x - (\d+) = 0", q)
    assert (int(mm.group(1)), int(mm.group(2))) == (a, b)
    ra = sorted(np.roots([1, 0, -a, -b]).real)
    rb = sorted([mp.re(r) for r in mp.polyroots([1, 0, -a, -b], maxsteps=200, extraprec=50)])
    e = [ex("smallest_root", ra[0], rb[0], "math"), ex("largest_root", ra[-1], rb[-1], "math")]
    add(47, q, "depressed cubic with three real roots; smallest and largest", ["solve"], e,
        f"x^3-{a}x-{b}=0 -> smallest and largest real root")


def p48(rng):
    while True:
        a = int(rng.integers(2, 8))
        if int(math.isqrt(a)) ** 2 != a:
            break
    b = int(rng.integers(1, 6))
    c = int(rng.integers(1, 20))
    q = (f"f(x, y) = x^3 - {3 * a}x + y^2 - {2 * b}y + {c}. Find its local minimum: where is it (x and y) and "
         "what is the minimum value?")
    mm = re.search(r"x\^3 - (\d+)x \+ y\^2 - (\d+)y \+ (\d+)\.", q)
    assert (int(mm.group(1)), int(mm.group(2)), int(mm.group(3))) == (3 * a, 2 * b, c)
    f = x_ ** 3 - 3 * a * x_ + y_ ** 2 - 2 * b * y_ + c
    crit = sp.solve([sp.diff(f, x_), sp.diff(f, y_)], [x_, y_], dict=True)
    Hs = sp.hessian(f, (x_, y_))
    mins = [s for s in crit if Hs.subs(s).det() > 0 and Hs.subs(s)[0, 0] > 0]
    assert len(mins) == 1
    s = mins[0]
    xa, ya, fa = float(s[x_]), float(s[y_]), float(f.subs(s))
    xb = mp.sqrt(a)
    fb = -2 * a * mp.sqrt(a) - b * b + c
    e = [ex("x_min", xa, xb, "math"), ex("y_min", ya, b, "math"), ex("f_min", fa, fb, "math")]
    add(48, q, "critical points (+-sqrt(a), b); local min at (sqrt(a), b)", ["extrema"], e,
        f"f=x^3-{3*a}x+y^2-{2*b}y+{c} -> local min location and value")


def _det3(A):
    return (A[0][0] * (A[1][1] * A[2][2] - A[1][2] * A[2][1]) - A[0][1] * (A[1][0] * A[2][2] - A[1][2] * A[2][0]) +
            A[0][2] * (A[1][0] * A[2][1] - A[1][1] * A[2][0]))


def p49(rng):
    while True:
        U = rng.integers(-4, 7, (3, 3))
        A = [[int(U[min(i, j), max(i, j)]) for j in range(3)] for i in range(3)]
        if _det3(A) != 0:
            break
    rows = "\n".join("[ " + " ".join(f"{v:>3}" for v in r) + " ]" for r in A)
    q = ("For the symmetric matrix\n" + rows + "\nwhat are the determinant and the largest eigenvalue?")
    parsed = [[int(v) for v in re.findall(r"-?\d+", ln)] for ln in q.split("\n")[1:4]]
    assert parsed == A
    da = round(float(np.linalg.det(np.array(A, float))))
    db = _det3(A)
    ea = float(np.max(np.linalg.eigvalsh(np.array(A, float))))
    tr = A[0][0] + A[1][1] + A[2][2]
    c2 = (A[0][0] * A[1][1] - A[0][1] * A[1][0]) + (A[0][0] * A[2][2] - A[0][2] * A[2][0]) + \
         (A[1][1] * A[2][2] - A[1][2] * A[2][1])
    eb = max(mp.re(r) for r in mp.polyroots([1, -tr, c2, -db], maxsteps=200, extraprec=50))
    e = [ex("determinant", da, db, "int"), ex("largest_eigenvalue", ea, eb, "math")]
    add(49, q, "3x3 symmetric integer matrix", ["matrix"], e, "bracketed 3x3 symmetric matrix -> det and largest eigenvalue")


def p50(rng):
    a = int(rng.integers(1, 4))
    b = int(rng.integers(1, 4))
    es = "e^x" if a == 1 else f"e^({a}x)"
    cs = "cos(x)" if b == 1 else f"cos({b}x)"
    q = (f"In the Maclaurin series of {es} {cs}, what are the coefficients of x^3 and x^4?")
    mm = re.search(r"e\^(?:\((\d+)x\)|x) cos\((\d*)x\)", q)
    assert (int(mm.group(1) or 1), int(mm.group(2) or 1)) == (a, b)
    ser = sp.series(sp.exp(a * x_) * sp.cos(b * x_), x_, 0, 6).removeO()
    ca3, ca4 = float(ser.coeff(x_, 3)), float(ser.coeff(x_, 4))
    ecoef = [Fr(a ** j, math.factorial(j)) for j in range(5)]
    ccoef = [Fr((-1) ** (j // 2) * b ** j, math.factorial(j)) if j % 2 == 0 else Fr(0) for j in range(5)]
    cb3 = sum(ecoef[i] * ccoef[3 - i] for i in range(4))
    cb4 = sum(ecoef[i] * ccoef[4 - i] for i in range(5))
    e = [ex("coef_x3", ca3, M(cb3), "math"), ex("coef_x4", ca4, M(cb4), "math")]
    add(50, q, "Taylor coefficients about 0 (Cauchy product)", ["series"], e,
        f"Maclaurin {es} {cs} -> coefficients of x^3, x^4")


def p51(rng):
    a = int(rng.integers(2, 5))
    x0 = [1.0, 0.5, 2.0][int(rng.integers(0, 3))]
    y0 = [0.5, 1.0, 1.5][int(rng.integers(0, 3))]
    q = (f"For f(x, y) = x^2 y^3 + sin({a}xy), evaluate the mixed partial derivative d^2f/dxdy at "
         f"(x, y) = ({x0}, {y0}).")
    mm = re.search(r"sin\((\d+)xy\).*\(([\d.]+), ([\d.]+)\)", q)
    assert (int(mm.group(1)), float(mm.group(2)), float(mm.group(3))) == (a, x0, y0)
    f = x_ ** 2 * y_ ** 3 + sp.sin(a * x_ * y_)
    va = float(sp.diff(f, x_, y_).subs({x_: sp.Rational(str(x0)), y_: sp.Rational(str(y0))}).evalf(30))
    vb = mp.diff(lambda s, t: s ** 2 * t ** 3 + mp.sin(a * s * t), (mp.mpf(str(x0)), mp.mpf(str(y0))), (1, 1))
    e = [ex("d2f_dxdy", va, vb, "math")]
    add(51, q, "mixed partial f_xy at a point", ["differentiate", "evaluate"], e,
        f"f=x^2y^3+sin({a}xy) -> f_xy at ({x0},{y0})")


def _fmt_lin(coefs, names=("x", "y", "z")):
    s = ""
    for j, (c, nm) in enumerate(zip(coefs, names)):
        if c == 0:
            continue
        sign = "-" if c < 0 else "+"
        mag = abs(c)
        term = (nm if mag == 1 else f"{mag}{nm}")
        if not s:
            s = ("-" if c < 0 else "") + term
        else:
            s += f" {sign} {term}"
    return s


def _parse_lin(eq):
    lhs, rhs = eq.split("=")
    co = {"x": 0, "y": 0, "z": 0}
    for sgn, mag, nm in re.findall(r"([+-]?)\s*(\d*)([xyz])", lhs.replace(" ", "")):
        v = int(mag) if mag else 1
        co[nm] = -v if sgn == "-" else v
    return [co["x"], co["y"], co["z"]], int(rhs)


def p52(rng):
    while True:
        A = [[int(v) for v in r] for r in rng.integers(-5, 8, (3, 3))]
        bvec = [int(v) for v in rng.integers(-10, 21, 3)]
        if _det3(A) != 0 and all(any(r) for r in A):
            break
    eqs = [f"{_fmt_lin(A[i])} = {bvec[i]}" for i in range(3)]
    q = ("Solve the system\n  " + "\n  ".join(eqs) + "\nfor x, y and z.")
    parsed = [_parse_lin(ln.strip()) for ln in q.split("\n")[1:4]]
    assert [p[0] for p in parsed] == A and [p[1] for p in parsed] == bvec
    sa = np.linalg.solve(np.array(A, float), np.array(bvec, float))
    D = _det3(A)
    sb = []
    for j in range(3):
        Aj = [[bvec[i] if c == j else A[i][c] for c in range(3)] for i in range(3)]
        sb.append(Fr(_det3(Aj), D))
    ssym = sp.Matrix(A).LUsolve(sp.Matrix(bvec))
    assert [sp.Rational(v.numerator, v.denominator) for v in sb] == list(ssym)
    e = [ex(nm, sa[j], M(sb[j]), "math") for j, nm in enumerate(("x", "y", "z"))]
    add(52, q, "3x3 linear system, unique rational solution", ["solve", "matrix"], e,
        "3x3 linear system typed as equations -> x, y, z")


def p53(rng):
    r1 = [int(v) for v in rng.integers(1, 5, 3)]
    r3 = [int(v) for v in rng.integers(-3, 4, 3)]
    b1 = int(rng.integers(2, 9))
    b3 = int(rng.integers(0, 9))
    r2 = [2 * v for v in r1]
    b2 = 2 * b1 + 1
    eqs = [f"{_fmt_lin(r1)} = {b1}", f"{_fmt_lin(r2)} = {b2}", f"{_fmt_lin(r3)} = {b3}"]
    q = ("My homework says this system has exactly one solution. Find x, y and z:\n  " + "\n  ".join(eqs))
    parsed = [_parse_lin(ln.strip()) for ln in q.split("\n")[1:4]]
    assert [p[0] for p in parsed] == [r1, r2, r3] and [p[1] for p in parsed] == [b1, b2, b3]
    Mx = sp.Matrix([r1, r2, r3])
    Aug = Mx.row_join(sp.Matrix([b1, b2, b3]))
    assert Mx.rank() < Aug.rank()  # inconsistent
    add(53, q, "second equation is 2x the first with a different right side: inconsistent, no solution",
        ["solve", "matrix"], [], "'exactly one solution' claimed for an inconsistent system -> REFUSE (no solution)",
        refuse=True, reason="system is inconsistent (row 2 = 2 x row 1 with RHS != 2 x RHS); premise of a unique solution is false")


def p54(rng):
    a = [0.5, 1.5, 2.0, 3.0][int(rng.integers(0, 4))]
    q = (f"Compute the improper integral from 0 to infinity of e^(-x) sin({a}x) / x dx.")
    assert float(re.search(r"sin\(([\d.]+)x\)", q).group(1)) == a
    va = si.quad(lambda t: math.exp(-t) * math.sin(a * t) / t if t > 0 else a, 0, np.inf, limit=200,
                 epsabs=1e-13, epsrel=1e-12)[0]
    vb = mp.quad(lambda t: mp.exp(-t) * mp.sin(a * t) / t, [0, 1, 5, mp.inf])
    agree("closed", vb, mp.atan(a))
    e = [ex("integral", va, vb, "math")]
    add(54, q, "Frullani/Laplace-type integral = arctan(a)", ["integrate"], e,
        f"int_0^oo e^(-x) sin({a}x)/x dx -> arctan({a})")


def p55(rng):
    N = int(rng.integers(10, 21))
    q = f"What is the exact value of k * 2^k summed over k = 1, 2, ..., {N}?"
    assert int(re.search(r"\.\.\., (\d+)\?", q).group(1)) == N
    va = int(sp.summation(k_ * 2 ** k_, (k_, 1, N)))
    vb = sum(j * 2 ** j for j in range(1, N + 1))
    assert vb == (N - 1) * 2 ** (N + 1) + 2
    e = [ex("sum", va, vb, "int")]
    add(55, q, "finite arithmetico-geometric sum, integer", ["summation"], e, f"sum k 2^k, k=1..{N} -> integer")


def p56(rng):
    a = int(rng.integers(1, 5))
    b = int(rng.integers(2, 9))
    ln = f"y = {'' if a == 1 else a}x + {b}"
    q = (f"Find the area of the region enclosed between the parabola y = x^2 and the line {ln}, and "
         "the x-coordinates where they cross.")
    mm = re.search(r"line y = (\d*)x \+ (\d+)", q)
    assert (int(mm.group(1) or 1), int(mm.group(2))) == (a, b)
    rts = sorted(sp.solve(x_ ** 2 - a * x_ - b, x_), key=lambda r: float(r))
    area_a = float(sp.integrate(a * x_ + b - x_ ** 2, (x_, rts[0], rts[1])).evalf(30))
    disc = mp.mpf(a * a + 4 * b)
    r1b, r2b = (a - mp.sqrt(disc)) / 2, (a + mp.sqrt(disc)) / 2
    area_b = disc ** mp.mpf(1.5) / 6
    e = [ex("area", area_a, area_b, "math"), ex("x_left", float(rts[0]), r1b, "math"),
         ex("x_right", float(rts[1]), r2b, "math")]
    add(56, q, "area between parabola and line, (a^2+4b)^(3/2)/6", ["solve", "integrate"], e,
        f"area between y=x^2 and {ln.replace(' ', '')} -> area and crossing x values")


# ============================ 5. named_tests ==================================


def p57(rng):
    while True:
        g = [R(rng.normal(m, 1.4, n), 1) for m, n in ((23.0, 6), (24.8, 7), (22.1, 5))]
        if len(set(sum(g, []))) == 18:
            break
    names = ["Resin X", "Resin Y", "Resin Z"]
    q = ("Kruskal-Wallis test on impact energy (J) for three resins, please - H statistic and p-value "
         "(chi-square approximation).\n" + "\n".join(f"- {nm}: {FL(v, 1)}" for nm, v in zip(names, g)))
    parsed = [nums(ln.split(":")[1]) for ln in q.split("\n")[1:]]
    assert parsed == g
    r = st.kruskal(*g)
    allv = sum(g, [])
    rk = h_ranks(allv)
    N = 18
    H = Fr(0)
    i = 0
    for grp in g:
        Rsum = sum(rk[i:i + len(grp)])
        H += Rsum * Rsum / len(grp)
        i += len(grp)
    H = Fr(12, N * (N + 1)) * H - 3 * (N + 1)
    e = [ex("H", r.statistic, M(H), "stat"), ex("p", r.pvalue, h_chi2sf(M(H), 2), "p")]
    add(57, q, "Kruskal-Wallis, 3 groups, no ties", ["kruskal_wallis"], e, "bulleted groups -> Kruskal-Wallis H and p")


def p58(rng):
    spec = (("Nozzle 1", 8, 0.9), ("Nozzle 2", 10, 1.6), ("Nozzle 3", 7, 1.1))
    g = [R(rng.normal(30, s, n), 2) for _, n, s in spec]
    q = ("Bartlett's test for equal variances of spray width (mm) across three nozzles. Report the test "
         "statistic and p-value.\n\n" + "\n".join(f"{nm} | {' '.join(F(v, 2) for v in vals)}"
                                                     for (nm, _, _), vals in zip(spec, g)))
    parsed = [nums(ln.split("|")[1]) for ln in q.split("\n\n")[1].split("\n")]
    assert parsed == g
    r = st.bartlett(*g)
    ns = [len(v) for v in g]
    N, k = sum(ns), 3
    vs = [M(hvar(v)) for v in g]
    sp2 = sum((n - 1) * v for n, v in zip(ns, vs)) / (N - k)
    num = (N - k) * mp.log(sp2) - sum((n - 1) * mp.log(v) for n, v in zip(ns, vs))
    den = 1 + (sum(mp.mpf(1) / (n - 1) for n in ns) - mp.mpf(1) / (N - k)) / (3 * (k - 1))
    T = num / den
    e = [ex("bartlett_T", r.statistic, T, "stat"), ex("p", r.pvalue, h_chi2sf(T, 2), "p")]
    add(58, q, "Bartlett test, unequal n", ["variance_test"], e, "pipe-separated groups -> Bartlett statistic and p")


def p59(rng):
    x = R(rng.normal(15.0, 0.30, 10), 2)
    y = R(rng.normal(15.0, 0.17, 12), 2)
    q = ("F-test for two variances. Machine X: " + FL(x, 2) + ". Machine Y: " + FL(y, 2) +
         ". Put X's variance on top: give F, the two-sided p-value and the 95% confidence interval for the "
         "variance ratio sigma_X^2 / sigma_Y^2.")
    assert nums(q.split("Machine X:")[1].split(". Machine Y")[0]) == x
    assert nums(q.split("Machine Y:")[1].split(". Put")[0]) == y
    va, vb = np.var(x, ddof=1), np.var(y, ddof=1)
    Fa = va / vb
    pa = 2 * min(st.f.cdf(Fa, 9, 11), st.f.sf(Fa, 9, 11))
    loa, hia = Fa / st.f.ppf(0.975, 9, 11), Fa / st.f.ppf(0.025, 9, 11)
    Fh = M(hvar(x)) / M(hvar(y))
    ph = 2 * min(h_fcdf(Fh, 9, 11), h_fsf(Fh, 9, 11))
    loh, hih = Fh / h_fppf(0.975, 9, 11), Fh / h_fppf(0.025, 9, 11)
    e = [ex("F", Fa, Fh, "stat"), ex("p_two_sided", pa, ph, "p"), ex("ci_low", loa, loh, "loc"),
         ex("ci_high", hia, hih, "loc")]
    add(59, q, "F = s_X^2/s_Y^2, df (9, 11), two-sided p and CI of ratio", ["variance_test"], e,
        "two machines inline, X on top -> F, two-sided p, 95% CI of variance ratio")


def p60(rng):
    x = R(rng.gamma(4.0, 0.5, 20) + 10, 2)
    q = ("Anderson-Darling normality test on these 20 surface-roughness readings (Ra, um): " + FL(x, 2) +
         ". I only need the A-squared statistic itself (no small-sample adjustment), with the mean and SD "
         "estimated from the data.")
    assert nums(q.split("(Ra, um):")[1].split(". I only")[0]) == x
    Aa = st.anderson(x, dist="norm", method="interpolate").statistic
    xs = sorted(map(fr, x))
    m, s = M(hmean(x)), hsd(x)
    n = 20
    z = [(M(v) - m) / s for v in xs]
    S = sum((2 * i - 1) * (mp.log(mp.ncdf(z[i - 1])) + mp.log(1 - mp.ncdf(z[n - i]))) for i in range(1, n + 1))
    Ah = -n - S / n
    e = [ex("A2", Aa, Ah, "stat")]
    add(60, q, "AD A^2 with estimated mean/SD (n-1), unadjusted", ["normality"], e,
        "Anderson-Darling on 20 values -> unadjusted A^2")


def p61(rng):
    mu = {("C1", "T1"): 71, ("C1", "T2"): 74, ("C1", "T3"): 76, ("C2", "T1"): 72, ("C2", "T2"): 78,
          ("C2", "T3"): 83}
    y = {k: R(rng.normal(v, 1.5, 3), 1) for k, v in mu.items()}
    q = ("Two-way ANOVA with interaction please. Catalyst (C1, C2) by temperature setting (T1, T2, T3), "
         "three replicate batches per cell, response = conversion %:\n" +
         "\n".join(f"{c}/{t}: {FL(v, 1)}" for (c, t), v in y.items()) +
         "\nI need the F statistics for catalyst, temperature and the interaction, and the interaction p-value.")
    parsed = {(m.group(1), m.group(2)): nums(m.group(3)) for m in re.finditer(r"(C\d)/(T\d): ([\d., ]+)", q)}
    assert parsed == y
    df = pd.DataFrame([(c, t, v) for (c, t), vs in y.items() for v in vs], columns=["cat", "temp", "y"])
    tab = sm.stats.anova_lm(smf.ols("y ~ C(cat) * C(temp)", data=df).fit(), typ=2)
    Cs, Ts = ["C1", "C2"], ["T1", "T2", "T3"]
    gm = hmean([v for vs in y.values() for v in vs])
    cm = {c: hmean([v for t in Ts for v in y[(c, t)]]) for c in Cs}
    tm = {t: hmean([v for c in Cs for v in y[(c, t)]]) for t in Ts}
    cell = {k: hmean(v) for k, v in y.items()}
    ssA = 9 * sum((cm[c] - gm) ** 2 for c in Cs)
    ssB = 6 * sum((tm[t] - gm) ** 2 for t in Ts)
    ssAB = 3 * sum((cell[k] - gm) ** 2 for k in y) - ssA - ssB
    ssE = sum((fr(v) - cell[k]) ** 2 for k, vs in y.items() for v in vs)
    mse = ssE / 12
    FA, FB, FAB = M(ssA / mse), M(ssB / 2 / mse), M(ssAB / 2 / mse)
    e = [ex("F_catalyst", tab.loc["C(cat)", "F"], FA, "stat"), ex("F_temperature", tab.loc["C(temp)", "F"], FB, "stat"),
         ex("F_interaction", tab.loc["C(cat):C(temp)", "F"], FAB, "stat"),
         ex("p_interaction", tab.loc["C(cat):C(temp)", "PR(>F)"], h_fsf(FAB, 2, 12), "p")]
    add(61, q, "balanced 2x3 two-way ANOVA with interaction, 3 reps", ["anova_twoway"], e,
        "cell-labelled lines C1/T1: ... -> two-way ANOVA F's and interaction p")


def p62(rng):
    x = R(rng.normal(15.9, 1.5, 14), 1)
    q = ("Sign test: is the median cure time 15.0 min? Data (min): " + FL(x, 1) +
         ". Two-sided; how many observations are above 15.0, how many values are used, and what is the exact "
         "p-value?")
    assert nums(q.split("Data (min):")[1].split(". Two-sided")[0]) == x
    above = sum(v > 15.0 for v in x)
    below = sum(v < 15.0 for v in x)
    nn = above + below
    pa = st.binomtest(int(above), int(nn), 0.5).pvalue
    ph = min(Fr(1), 2 * sum(Fr(comb(nn, i), 2 ** nn) for i in range(min(above, below) + 1)))
    e = [ex("n_above", int(np.sum(np.array(x) > 15.0)), above, "int"),
         ex("n_used", int(np.sum(np.array(x) != 15.0)), nn, "int"), ex("p_exact", pa, M(ph), "p")]
    add(62, q, "one-sample sign test vs 15.0, ties dropped, exact binomial", ["sign_test"], e,
        "sign test vs 15.0 -> count above, n used (ties dropped), exact p")


def p63(rng):
    a = int(rng.integers(1, 5))
    b = int(rng.integers(10, 16))
    c = int(rng.integers(6, 11))
    d = int(rng.integers(6, 12))
    q = (f"Fisher's exact test. Parts with the new anneal: {a} cracked, {b} fine. Parts with the old anneal: "
         f"{c} cracked, {d} fine. Two-sided p-value, and the sample odds ratio (new-anneal odds of cracking over "
         "old-anneal odds).")
    mm = re.search(r"new anneal: (\d+) cracked, (\d+) fine\. Parts with the old anneal: (\d+) cracked, (\d+) fine", q)
    assert tuple(int(v) for v in mm.groups()) == (a, b, c, d)
    ora, pa = st.fisher_exact([[a, b], [c, d]])
    r1, c1, N = a + b, a + c, a + b + c + d

    def hp(t):
        return Fr(comb(r1, t) * comb(N - r1, c1 - t), comb(N, c1))

    p0 = hp(a)
    ph = sum(hp(t) for t in range(max(0, c1 - (N - r1)), min(r1, c1) + 1) if hp(t) <= p0)
    e = [ex("p_two_sided", pa, M(ph), "p"), ex("odds_ratio", ora, M(Fr(a * d, b * c)), "stat")]
    add(63, q, "Fisher exact 2x2, two-sided (sum of probabilities <= observed), sample OR", ["proportion_test", "chi_square"],
        e, "2x2 counts told in sentences -> Fisher two-sided p and sample odds ratio")


def p64(rng):
    x = R(np.concatenate([rng.normal(10.0, 0.5, 8), rng.normal(10.9, 0.5, 8)]), 2)
    q = ("EWMA chart with lambda = 0.2 and L = 3. Target 10.00, process sigma 0.50 (known from the capability "
         "study). Start the EWMA at the target. Observations in order: " + FL(x, 2) +
         ". What is the EWMA value after the last observation, what is the steady-state (asymptotic) upper "
         "control limit, and at which observation number does the EWMA first go above that asymptotic limit?")
    assert nums(q.split("in order:")[1].split(". What")[0]) == x
    lam = 0.2
    za = 10.0
    za_list = []
    for v in x:
        za = lam * v + (1 - lam) * za
        za_list.append(za)
    ucl_a = 10.0 + 3 * 0.5 * math.sqrt(lam / (2 - lam))
    first_a = next(i + 1 for i, z in enumerate(za_list) if z > ucl_a)
    zb = Fr(10)
    zl = []
    for v in x:
        zb = Fr(1, 5) * fr(v) + Fr(4, 5) * zb
        zl.append(zb)
    ucl_b = 10 + mp.mpf("1.5") * mp.sqrt(mp.mpf(1) / 9)
    first_b = next(i + 1 for i, z in enumerate(zl) if M(z) > ucl_b)
    assert all(abs(M(z) - ucl_b) > 1e-6 for z in zl)
    e = [ex("ewma_last", za_list[-1], M(zl[-1]), "loc"), ex("UCL_asymptotic", ucl_a, ucl_b, "loc"),
         ex("first_signal_obs", first_a, first_b, "int")]
    add(64, q, "EWMA recursion z_t = 0.2 x_t + 0.8 z_{t-1}, z_0 = 10; UCL = mu0 + 3 sigma sqrt(lambda/(2-lambda))",
        ["control_chart"], e, "EWMA lambda 0.2 L 3 on 16 values -> last EWMA, asymptotic UCL, first signal")


def p65(rng):
    while True:
        x = R(np.concatenate([rng.normal(50, 2, 10), rng.normal(53, 2, 10)]), 1)
        c = 0.0
        cl = []
        for v in x:
            c = max(0.0, c + v - 51.0)
            cl.append(c)
        if any(v > 8 for v in cl) and all(abs(v - 8) > 1e-6 for v in cl):
            break
    q = ("Tabular CUSUM on fill height: target 50.0 mm, sigma 2.0 mm (known), reference value k = 0.5 sigma, "
         "decision interval h = 4 sigma, both cumulative sums start at zero. Data: " + FL(x, 1) +
         ". What is the upper CUSUM C+ after the 20th observation, and at which observation does C+ first "
         "exceed h?")
    assert nums(q.split("Data:")[1].split(". What")[0]) == x
    first_a = next(i + 1 for i, v in enumerate(cl) if v > 8)
    cb = Fr(0)
    cbl = []
    for v in x:
        cb = max(Fr(0), cb + fr(v) - 51)
        cbl.append(cb)
    first_b = next(i + 1 for i, v in enumerate(cbl) if v > 8)
    e = [ex("C_plus_20", cl[-1], M(cbl[-1]), "loc", tol=max(2e-5 * abs(cl[-1]), 1e-6)),
         ex("first_signal_obs", first_a, first_b, "int")]
    add(65, q, "upper CUSUM with K = 51.0 (target + 1), H = 8", ["control_chart"], e,
        "tabular CUSUM k=0.5 sigma h=4 sigma on 20 values -> C+ at 20 and first signal")


def p66(rng):
    x = R(rng.normal(101.5, 1.2, 20), 1)
    q = ("Individuals and moving-range (I-MR) chart for these 20 daily viscosity checks: " + FL(x, 1) +
         ". Moving ranges of span 2. Give the centre line and control limits of the individuals chart, the "
         "average moving range and the upper control limit of the MR chart.")
    assert nums(q.split("checks:")[1].split(". Moving")[0]) == x
    mr = np.abs(np.diff(x))
    mrb = float(np.mean(mr))
    hmr = sum(abs(fr(x[i + 1]) - fr(x[i])) for i in range(19)) / 19
    xb, hxb = float(np.mean(x)), M(hmean(x))
    (d2, d3), (d2b, d3b) = consts(2)
    E2a, E2b, tE2 = 3 / d2, 3 / d2b, 2.66
    D4a, D4b, tD4 = 1 + 3 * d3 / d2, 1 + 3 * d3b / d2b, TAB[2][3]
    e = [ex("I_CL", xb, hxb, "loc"),
         shewhart("I_UCL", xb + E2a * mrb, float(hxb + E2b * M(hmr)), xb + tE2 * mrb),
         shewhart("I_LCL", xb - E2a * mrb, float(hxb - E2b * M(hmr)), xb - tE2 * mrb),
         ex("MR_bar", mrb, M(hmr), "loc"),
         shewhart("MR_UCL", D4a * mrb, float(D4b * M(hmr)), tD4 * mrb)]
    add(66, q, "I-MR with MR span 2, limits xbar +- 2.66 MRbar, MR UCL 3.267 MRbar", ["control_chart"], e,
        "I-MR on 20 values -> I chart CL/UCL/LCL, MR-bar, MR UCL")


def _h_ptukey_sf(q, k, nu):
    with mp.workdps(18):
        def inner(w):
            return k * mp.quad(lambda z: mp.npdf(z) * (mp.ncdf(z) - mp.ncdf(z - w)) ** (k - 1), [-8, 0, 8])

        c = 2 * (mp.mpf(nu) / 2) ** (mp.mpf(nu) / 2) / mp.gamma(mp.mpf(nu) / 2)
        g = lambda s: c * s ** (nu - 1) * mp.exp(-nu * s * s / 2)
        cdf = mp.quad(lambda s: g(s) * inner(q * s), [0, 0.5, 1, 1.5, 3])
        return 1 - cdf


def p67(rng):
    mus = {"A": 20.0, "B": 21.4, "C": 20.6, "D": 19.3}
    g = {k: R(rng.normal(m, 1.0, 5), 2) for k, m in mus.items()}
    q = ("One-way ANOVA followed by Tukey's HSD on four paint batches (gloss units):\n" +
         "\n".join(f"batch {k}: {FL(v, 2)}" for k, v in g.items()) +
         "\nFor the B vs D comparison I need the difference in means (B minus D) and the Tukey-adjusted p-value.")
    parsed = {m.group(1): nums(m.group(2)) for m in re.finditer(r"batch ([A-D]): ([\d., ]+)", q)}
    assert parsed == g
    groups = [g[k] for k in "ABCD"]
    res = st.tukey_hsd(*groups)
    pa = res.pvalue[1, 3]
    diff_a = np.mean(g["B"]) - np.mean(g["D"])
    ssw = sum((fr(v) - hmean(gr)) ** 2 for gr in groups for v in gr)
    mse = ssw / 16
    diff_h = hmean(g["B"]) - hmean(g["D"])
    qstat = abs(M(diff_h)) / mp.sqrt(M(mse) / 5)
    ph = _h_ptukey_sf(qstat, 4, 16)
    e = [ex("mean_diff_B_minus_D", diff_a, M(diff_h), "loc"), ex("p_tukey", pa, ph, "p")]
    add(67, q, "Tukey HSD pair B-D with MSE from all 4 groups (df 16)", ["anova_oneway"], e,
        "four batches, Tukey HSD -> B-D difference and adjusted p")


def p68(rng):
    nc = int(rng.integers(4, 7))
    nb = int(rng.integers(3, 6))
    q = (f"Design question: a rotatable central composite design in 3 factors with {nc} centre points - how "
         f"many runs in total, and what axial distance alpha (coded units) makes it rotatable? And if we used a "
         f"Box-Behnken design for the same 3 factors with {nb} centre points instead, how many runs would that be?")
    mm = re.search(r"3 factors with (\d+) centre points - how.*?with (\d+) centre points instead", q)
    assert (int(mm.group(1)), int(mm.group(2))) == (nc, nb)
    k = 3
    fact = np.array(list(itertools.product((-1.0, 1.0), repeat=k)))
    al = sp.symbols("alpha", positive=True)
    # rotatability: sum x_i^4 = 3 sum x_i^2 x_j^2
    s4 = len(fact) + 2 * al ** 4
    s22 = float(np.sum(fact[:, 0] ** 2 * fact[:, 1] ** 2))
    alpha_a = float(sp.solve(sp.Eq(s4, 3 * s22), al)[0])
    axial = np.vstack([np.eye(k) * alpha_a, -np.eye(k) * alpha_a])
    ccd = np.vstack([fact, axial, np.zeros((nc, k))])
    bb = [tuple(v) for i, j in itertools.combinations(range(k), 2) for v in
          [[(a if c == i else b if c == j else 0) for c in range(k)] for a in (-1, 1) for b in (-1, 1)]]
    bb_runs = len(set(bb)) + nb
    e = [ex("ccd_runs", ccd.shape[0], 2 ** k + 2 * k + nc, "int"),
         ex("alpha", alpha_a, mp.mpf(2 ** k) ** mp.mpf(0.25), "math"),
         ex("box_behnken_runs", bb_runs, 2 * k * (k - 1) + nb, "int")]
    add(68, q, "CCD runs 2^k+2k+nc, rotatable alpha=(2^k)^(1/4); BBD runs 2k(k-1)+nc", ["doe_design", "doe_properties"], e,
        "rotatable CCD and Box-Behnken for 3 factors -> run counts and alpha")


def p69(rng):
    g = [R(rng.normal(m, 0.8, n), 1) for m, n in ((5.2, 6), (5.9, 5), (5.5, 7))]
    q = ("Run a Friedman test on these three treatments and give me the chi-square and p: Treatment 1: " +
         FL(g[0], 1) + "; Treatment 2: " + FL(g[1], 1) + "; Treatment 3: " + FL(g[2], 1) + ".")
    parts = re.findall(r"Treatment \d: ([\d., ]+?)(?:;|\.$)", q)
    assert [nums(p) for p in parts] == g
    add(69, q, "Friedman needs every treatment in every block; groups have 6, 5, 7 values and no blocks",
        ["friedman"], [], "Friedman on three unequal-length unblocked lists -> REFUSE (no block structure)",
        refuse=True, reason="Friedman requested but treatments have unequal counts (6, 5, 7) and no blocks")


def p70(rng):
    x = R(np.concatenate([rng.normal(50, 2, 12), rng.normal(53.0, 1.6, 13)]), 1)
    q = ("Apply the Nelson run rules to this series (centre line 50, sigma 2): " + FL(x, 1) +
         ". How many points fall beyond 3 sigma (rule 1), and at which observation number does rule 2 (nine "
         "points in a row on the same side of the centre line) first fire?")
    assert nums(q.split("sigma 2):")[1].split(". How")[0]) == x
    arr = np.array(x)
    r1_a = int(np.sum(np.abs(arr - 50) > 6))
    side = np.sign(arr - 50)
    first_a = None
    for i in range(8, len(arr)):
        w = side[i - 8:i + 1]
        if np.all(w > 0) or np.all(w < 0):
            first_a = i + 1
            break
    r1_b = sum(1 for v in x if fr(v) > 56 or fr(v) < 44)
    run, last, first_b = 0, 0, None
    for i, v in enumerate(x):
        s = (fr(v) > 50) - (fr(v) < 50)
        run = run + 1 if (s != 0 and s == last) else (1 if s != 0 else 0)
        last = s
        if run >= 9 and first_b is None:
            first_b = i + 1
    assert first_a is not None
    e = [ex("rule1_count", r1_a, r1_b, "int"), ex("rule2_first_obs", first_a, first_b, "int")]
    add(70, q, "Nelson rule 1 count (|x-50|>6) and first point completing 9 on one side", ["run_rules"], e,
        "25-point series, Nelson rules -> rule-1 count, first rule-2 observation")


# ----------------------------------------------------------------------------


def main():
    rng = np.random.default_rng(SEED)
    g = globals()
    for i in range(1, 71):
        g[f"p{i:02d}"](rng)
    assert len(Q) == 70 and [q["id"] for q in Q] == [f"p{i:02d}" for i in range(1, 71)]
    counts = {}
    for q in Q:
        counts[q["kind"]] = counts.get(q["kind"], 0) + 1
        assert list(q.keys()) == ["id", "kind", "question", "intent", "tools", "expect", "refuse"]
        for e in q["expect"]:
            assert set(e) == {"name", "value", "tol"}
    assert all(v == 14 for v in counts.values()) and len(counts) == 5
    assert len(REFUSALS) == 7
    assert len({q["kind"] for q in Q if q["refuse"]}) == 5
    body = "".join(json.dumps(q, ensure_ascii=False) + "\n" for q in Q).encode("utf-8")
    md5 = hashlib.md5(body).hexdigest()
    with open(os.path.join(HERE, "round43.jsonl"), "wb") as fh:
        fh.write(body)
    meta = {"round": 43, "seed": SEED, "n_questions": len(Q), "counts": counts,
            "refusals": [{"id": k, "reason": v} for k, v in REFUSALS.items()],
            "md5_round43_jsonl": md5}
    with open(os.path.join(HERE, "round43_meta.json"), "w", encoding="utf-8", newline="\n") as fh:
        fh.write(json.dumps(meta, indent=2, ensure_ascii=False) + "\n")
    readme = [
        "# Round 43 blind evaluation set",
        "",
        "Written blind: only TOOLS.txt (tool names and one-line descriptions) was read; no project source,",
        "tests or earlier rounds were consulted.",
        "",
        "70 questions, 5 kinds x 14: tables (p01-p14), wording (p15-p28), prose_numbers (p29-p42),",
        "maths (p43-p56), named_tests (p57-p70). Seven are ill-posed (refuse: true, empty expect):",
        "one or more per kind.",
        "",
        "## How it was written",
        "",
        "- All data are drawn from `numpy.random.default_rng(43434343)` in id order and rounded at draw",
        "  time, so the decimals printed in each question are exactly the data used.",
        "- Each question's data are parsed back out of its own text and asserted equal to the drawn data.",
        "- Every expected value is computed twice: (a) with a library (scipy.stats, statsmodels, sympy,",
        "  numpy) and (b) independently by hand (Fractions, explicit formulas, exact enumeration, mpmath",
        "  incomplete-beta/gamma functions and quadrature), and the two are asserted to agree (relative",
        "  1e-4; integers exactly).",
        "- Shewhart constants d2, d3 are computed exactly by numerical integration (scipy and mpmath);",
        "  the expected limit uses the exact constants and its tolerance is widened to cover the",
        "  tabulated constants (A2, D4, 2.66, 3.267).",
        "- Tolerances (absolute, field `tol`): statistics 0.1 % of the value; location values (means,",
        "  medians, CI ends, chart centre lines) 2e-5 relative; p-values 0.1 % relative with a 1e-6 floor;",
        "  maths 1e-4 relative + 1e-6; integers 0.",
        "",
        "## Files",
        "",
        "- `make_round43.py` - the generator (run with /work/main/.venv/bin/python).",
        "- `round43.jsonl` - 70 lines with keys id, kind, question, intent, tools, expect, refuse.",
        "- `round43_meta.json` - counts per kind, refusal ids with reasons, md5 of round43.jsonl.",
        "- `README.md` - this file.",
        "",
        "## Determinism",
        "",
        f"Running the generator rewrites all outputs byte-identically; md5(round43.jsonl) = `{md5}`.",
        "",
        "## Questions",
        "",
    ]
    for q in Q:
        readme.append(f"- {q['id']}: {README_LINES[q['id']]}")
    with open(os.path.join(HERE, "README.md"), "w", encoding="utf-8", newline="\n") as fh:
        fh.write("\n".join(readme) + "\n")
    cstr = ",".join(f"{k}={v}" for k, v in counts.items())
    print(f"OK {md5} {cstr} refusals={','.join(REFUSALS)}")


if __name__ == "__main__":
    main()
