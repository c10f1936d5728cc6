#!/usr/bin/env python3
"""Generator for blind round 41 (70 questions, ids m01..m70).

Builds every question text, its intent, the tool list and the expected
values.  Every expected value is computed twice -- (a) with a library
(scipy.stats / statsmodels / sympy / numpy) and (b) independently by hand
(explicit formulas, exact rationals, exact null distributions by
enumeration, mpmath quadrature / incomplete beta & gamma functions) -- and
the two must agree (relative 1e-4, integers exactly).  The data of each
question are parsed back out of its own text and compared with the drawn
data.  Data come from numpy.random.default_rng(41414141) in id order and are
rounded at draw time: the printed decimals ARE the data.

Run:  python make_round41.py      (rewrites round41.jsonl, round41_meta.json,
                                   README.md byte-identically)
"""
import hashlib
import itertools
import json
import math
import os
import re
import statistics
from fractions import Fraction
from functools import lru_cache

import mpmath as mp
import numpy as np
import pandas as pd
import statsmodels.api as sm
import statsmodels.formula.api as smf
import sympy as sp
from scipy import integrate, optimize, signal, special, stats
from statsmodels.stats.contingency_tables import mcnemar as sm_mcnemar
from statsmodels.stats.power import TTestIndPower
from statsmodels.stats.proportion import proportions_ztest
from sympy.parsing.sympy_parser import (convert_xor,
                                        implicit_multiplication_application,
                                        parse_expr, standard_transformations)

HERE = os.path.dirname(os.path.abspath(__file__))
mp.mp.dps = 30
rng = np.random.default_rng(41414141)

TOOLNAMES = set()
with open(os.path.join(HERE, "TOOLS.txt"), encoding="utf-8") as fh:
    for line in fh:
        if line.strip():
            TOOLNAMES.add(line.split()[0])

KINDS = {1: "tables", 2: "wording", 3: "prose", 4: "maths", 5: "named"}

# --------------------------------------------------------------------------
# small helpers
# --------------------------------------------------------------------------


def rd(x, d):
    """Round at draw time; returns list of floats equal to the printed text."""
    return [float(f"{float(v):.{d}f}") for v in np.atleast_1d(x)]


def f_(v, d):
    return f"{v:.{d}f}"


def sig(v):
    return float(f"{float(v):.10g}")


def agree(a, b, name, rel=1e-4):
    a = float(a)
    b = float(b)
    assert abs(a - b) <= rel * max(abs(a), abs(b)) + 1e-12, (name, a, b)


def agree_int(a, b, name):
    assert int(a) == int(b) and float(a) == float(b), (name, a, b)


def E(name, value, tol):
    if isinstance(value, (int, np.integer)) and tol == 0:
        return {"name": name, "value": int(value), "tol": 0}
    return {"name": name, "value": sig(value), "tol": sig(tol)}


def tS(v):  # statistics: 0.1 % of the value
    return max(1e-3 * abs(v), 1e-6)


def tP(p):  # p-values: 0.1 % relative, floor 1e-6
    return max(1e-3 * abs(p), 1e-6)


def tL(v):  # locations with a large offset (means, CI ends, fitted values)
    return max(1e-5 * abs(v), 1e-6)


def tM(v):  # mathematics
    return 1e-4 * abs(v) + 1e-6


NUM = re.compile(r"-?\d+(?:\.\d+)?")


def nums(s):
    return [float(t) for t in NUM.findall(s)]


# --------------------------------------------------------------------------
# hand (independent) distribution functions, mpmath based
# --------------------------------------------------------------------------


def h_mean(x):
    return math.fsum(x) / len(x)


def h_var(x):
    m = h_mean(x)
    return math.fsum((v - m) ** 2 for v in x) / (len(x) - 1)


def h_t_two(t, df):
    """two-sided p of Student t: I_{df/(df+t^2)}(df/2, 1/2)."""
    t = mp.mpf(t)
    df = mp.mpf(df)
    return float(mp.betainc(df / 2, mp.mpf(1) / 2, 0, df / (df + t * t), regularized=True))


def h_t_cdf_mp(t, df):
    t = mp.mpf(t)
    df = mp.mpf(df)
    half = mp.betainc(df / 2, mp.mpf(1) / 2, 0, df / (df + t * t), regularized=True) / 2
    return half if t < 0 else 1 - half


def h_t_cdf(t, df):
    return float(h_t_cdf_mp(t, df))


def h_t_ppf(p, df):
    return float(mp.findroot(lambda t: h_t_cdf_mp(t, df) - p, 2.0))


def h_f_sf(F, d1, d2):
    F = mp.mpf(F)
    return float(mp.betainc(mp.mpf(d2) / 2, mp.mpf(d1) / 2, 0, d2 / (d2 + d1 * F), regularized=True))


def h_f_cdf(F, d1, d2):
    F = mp.mpf(F)
    return float(mp.betainc(mp.mpf(d1) / 2, mp.mpf(d2) / 2, 0, d1 * F / (d1 * F + d2), regularized=True))


def h_chi2_sf(x, k):
    return float(mp.gammainc(mp.mpf(k) / 2, mp.mpf(x) / 2, mp.inf, regularized=True))


def h_ncdf(z):
    return float(mp.ncdf(z))


ND = statistics.NormalDist()


def h_rank(vals):
    """average ranks (1-based) by hand."""
    order = sorted(range(len(vals)), key=lambda i: vals[i])
    r = [0.0] * len(vals)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and vals[order[j + 1]] == vals[order[i]]:
            j += 1
        avg = (i + j + 2) / 2.0
        for k in range(i, j + 1):
            r[order[k]] = avg
        i = j + 1
    return r


def tie_groups(vals):
    c = {}
    for v in vals:
        c[v] = c.get(v, 0) + 1
    return [t for t in c.values() if t > 1]


# --------------------------------------------------------------------------
# control chart constants: tabulated and exact (two independent integrations)
# --------------------------------------------------------------------------
TAB = {2: dict(d2=1.128, d3=0.853, A2=1.880, D3=0.0, D4=3.267),
       4: dict(d2=2.059, d3=0.880, A2=0.729, D3=0.0, D4=2.282),
       5: dict(d2=2.326, d3=0.864, A2=0.577, D3=0.0, D4=2.114)}


@lru_cache(None)
def consts_quad(n):
    """(a) scipy quad / dblquad."""
    d2 = integrate.quad(lambda x: 1 - stats.norm.cdf(x) ** n - stats.norm.sf(x) ** n, -12, 12, limit=200)[0]
    f = lambda y, x: (1 - stats.norm.cdf(y) ** n - stats.norm.sf(x) ** n
                      + (stats.norm.cdf(y) - stats.norm.cdf(x)) ** n)
    er2 = 2 * integrate.dblquad(f, -10, 10, lambda x: x, lambda x: 10)[0]
    d3 = math.sqrt(er2 - d2 ** 2)
    return d2, d3


def _simpw(m, h):
    w = np.ones(m)
    w[1:-1:2] = 4
    w[2:-1:2] = 2
    return w * h / 3


@lru_cache(None)
def consts_grid(n):
    """(b) composite Simpson on a grid, range written as x and x + r."""
    x = np.linspace(-9, 9, 1801)
    r = np.linspace(0, 12, 1201)
    wx = _simpw(len(x), x[1] - x[0])
    wr = _simpw(len(r), r[1] - r[0])
    Px = 0.5 * special.erfc(-x / math.sqrt(2))
    d2 = float(wx @ (1 - Px ** n - (1 - Px) ** n))
    X, R = np.meshgrid(x, r, indexing="ij")
    Fx = 0.5 * special.erfc(-X / math.sqrt(2))
    Fy = 0.5 * special.erfc(-(X + R) / math.sqrt(2))
    g = 1 - Fy ** n - (1 - Fx) ** n + (Fy - Fx) ** n
    er2 = 2 * float(wx @ g @ wr)
    return d2, math.sqrt(er2 - d2 ** 2)


def exact_consts(n, which):
    d2, d3 = consts_quad(n) if which == "a" else consts_grid(n)
    return dict(d2=d2, d3=d3, A2=3 / (d2 * math.sqrt(n)), D3=max(0.0, 1 - 3 * d3 / d2), D4=1 + 3 * d3 / d2)


def chart_tol(exact_val, variants):
    return max(abs(v - exact_val) for v in variants) + tL(exact_val) + 1e-6


# --------------------------------------------------------------------------
# exact null distributions by enumeration (hand)
# --------------------------------------------------------------------------


def signrank_counts(n):
    top = n * (n + 1) // 2
    c = [0] * (top + 1)
    c[0] = 1
    for k in range(1, n + 1):
        for s in range(top, k - 1, -1):
            c[s] += c[s - k]
    return c


@lru_cache(None)
def mw_counts(m, n):
    """counts of U (for the m-sample) over all C(m+n, m) arrangements."""
    if m == 0 or n == 0:
        return (1,)
    a = mw_counts(m - 1, n)  # largest obs from m-sample: contributes n
    b = mw_counts(m, n - 1)
    out = [0] * (m * n + 1)
    for u, c in enumerate(a):
        out[u + n] += c
    for u, c in enumerate(b):
        out[u] += c
    return tuple(out)


def mahonian(n):
    c = [1]
    for k in range(2, n + 1):
        new = [0] * (len(c) + k - 1)
        for i, v in enumerate(c):
            for j in range(k):
                new[i + j] += v
        c = new
    return c


def two_sided_from_counts(counts, t):
    tot = sum(counts)
    lo = Fraction(sum(counts[: t + 1]), tot)
    hi = Fraction(sum(counts[t:]), tot)
    return min(Fraction(1), 2 * min(lo, hi))


# --------------------------------------------------------------------------
# sympy parsing for the maths questions
# --------------------------------------------------------------------------
X, Y, N_ = sp.symbols("x y n")
TR = standard_transformations + (implicit_multiplication_application, convert_xor)
LD = {"e": sp.E, "x": X, "y": Y, "n": N_, "ln": sp.log, "pi": sp.pi, "sqrt": sp.sqrt}


def P(s):
    return parse_expr(s, transformations=TR, local_dict=LD)


def same_expr(s, expr):
    assert sp.simplify(P(s) - expr) == 0, (s, expr)


QUESTIONS = []


def Q(fn):
    QUESTIONS.append(fn)
    return fn


def R(kind, question, intent, tools, expect, summary, refuse=False):
    for t in tools:
        assert t in TOOLNAMES, t
    if refuse:
        assert expect == []
    else:
        assert expect
    return dict(kind=KINDS[kind], question=question, intent=intent, tools=tools,
                expect=expect, refuse=refuse, summary=summary)


# ==========================================================================
# KIND 1 -- tables that are not plain numeric columns  (m01..m14)
# ==========================================================================


@Q
def m01():
    n = 12
    x = rd(rng.normal(25.000, 0.018, n), 3)
    ids = [f"SH-{2207 + 3 * i}" for i in range(n)]
    lines = ["part_id,diameter_mm"] + [f"{i},{f_(v, 3)}" for i, v in zip(ids, x)]
    text = ("Pasting our incoming-inspection export for the shaft diameters (first column is just the part id):\n\n"
            + "\n".join(lines)
            + "\n\nCan you give me the mean, the sample standard deviation (n-1 divisor) and a two-sided 95% "
              "t confidence interval for the mean diameter?")
    rows = [l.split(",") for l in text.splitlines() if re.match(r"SH-\d+,", l)]
    assert [float(r[1]) for r in rows] == x
    # (a)
    am, asd = np.mean(x), np.std(x, ddof=1)
    alo, ahi = stats.t.interval(0.95, n - 1, loc=am, scale=asd / math.sqrt(n))
    # (b)
    m, s = h_mean(x), math.sqrt(h_var(x))
    tc = h_t_ppf(0.975, n - 1)
    lo, hi = m - tc * s / math.sqrt(n), m + tc * s / math.sqrt(n)
    for nm, a, b in [("mean", am, m), ("sd", asd, s), ("lo", alo, lo), ("hi", ahi, hi)]:
        agree(a, b, nm)
    ex = [E("mean", m, tL(m)), E("sd", s, tS(s)), E("ci_lower", lo, tL(lo)), E("ci_upper", hi, tL(hi))]
    return R(1, text, "CSV with part-id column; describe the diameter column: mean, SD (n-1), 95% t-CI of the mean.",
             ["describe"], ex, "CSV export with part ids -> mean, SD, 95% t-CI of the mean")


def welch(x1, x2):
    n1, n2 = len(x1), len(x2)
    v1, v2 = h_var(x1), h_var(x2)
    se2 = v1 / n1 + v2 / n2
    t = (h_mean(x1) - h_mean(x2)) / math.sqrt(se2)
    df = se2 ** 2 / ((v1 / n1) ** 2 / (n1 - 1) + (v2 / n2) ** 2 / (n2 - 1))
    return t, df, h_t_two(t, df)


@Q
def m02():
    n = 8
    a = rd(rng.normal(50.2, 0.8, n), 1)
    b = rd(rng.normal(49.1, 1.6, n), 1)
    days = ["Mon 3 Jun", "Tue 4 Jun", "Wed 5 Jun", "Thu 6 Jun", "Fri 7 Jun", "Mon 10 Jun", "Tue 11 Jun", "Wed 12 Jun"]
    tab = ["| Day        | Press A | Press B |", "|------------|---------|---------|"]
    tab += [f"| {d:<10} | {f_(u, 1):>7} | {f_(v, 1):>7} |" for d, u, v in zip(days, a, b)]
    text = ("Output (parts/hour) of our two presses, copied from the shift report:\n\n" + "\n".join(tab)
            + "\n\nThe presses run independently; the Day column is only the log date, the rows are NOT paired. "
              "Run a Welch two-sample t-test (two-sided) for mean(Press A) - mean(Press B): give t, the "
              "Welch degrees of freedom and the p-value.")
    body = [l for l in text.splitlines() if l.startswith("| ") and re.search(r"\d+\.\d", l)]
    pa = [float(l.split("|")[2]) for l in body]
    pb = [float(l.split("|")[3]) for l in body]
    assert pa == a and pb == b
    r = stats.ttest_ind(a, b, equal_var=False)
    t, df, p = welch(a, b)
    agree(r.statistic, t, "t")
    agree(r.df, df, "df")
    agree(r.pvalue, p, "p")
    md = h_mean(a) - h_mean(b)
    ex = [E("mean_difference", md, tS(md)), E("t_statistic", t, tS(t)), E("df", df, tS(df)), E("p_value", p, tP(p))]
    return R(1, text, "Markdown table, day column is a label not a pairing; Welch t-test A-B two-sided.",
             ["t_test"], ex, "markdown table with a date column (not paired) -> Welch t, df, p")


def oneway_hand(groups):
    allv = [v for g in groups for v in g]
    gm = h_mean(allv)
    ssb = math.fsum(len(g) * (h_mean(g) - gm) ** 2 for g in groups)
    ssw = math.fsum((v - h_mean(g)) ** 2 for g in groups for v in g)
    dfb, dfw = len(groups) - 1, len(allv) - len(groups)
    F = (ssb / dfb) / (ssw / dfw)
    return F, h_f_sf(F, dfb, dfw), ssw / dfw, dfb, dfw


@Q
def m03():
    names = ["Acme", "Borealis", "Castell"]
    means = [412.0, 418.0, 409.0]
    data = {nm: rd(rng.normal(mu, 5.0, 6), 1) for nm, mu in zip(names, means)}
    rows = [(nm, v) for nm in names for v in data[nm]]
    perm = rng.permutation(len(rows))
    rows = [rows[i] for i in perm]
    text = ("Tensile results from the supplier qualification, straight out of the LIMS (one row per coupon):\n\n"
            "supplier,strength_MPa\n" + "\n".join(f"{nm},{f_(v, 1)}" for nm, v in rows)
            + "\n\nOne-way ANOVA across the three suppliers please - F, p-value and the error (within-group) mean square.")
    back = {nm: [] for nm in names}
    for l in text.splitlines():
        m = re.match(r"(Acme|Borealis|Castell),(\d+\.\d)$", l)
        if m:
            back[m.group(1)].append(float(m.group(2)))
    for nm in names:
        assert sorted(back[nm]) == sorted(data[nm])
    groups = [back[nm] for nm in names]
    ra = stats.f_oneway(*groups)
    df_ = pd.DataFrame(rows, columns=["s", "y"])
    fit = smf.ols("y ~ C(s)", data=df_).fit()
    F, p, mse, dfb, dfw = oneway_hand(groups)
    agree(ra.statistic, F, "F")
    agree(ra.pvalue, p, "p")
    agree(fit.mse_resid, mse, "mse")
    ex = [E("f_statistic", F, tS(F)), E("p_value", p, tP(p)), E("ms_error", mse, tS(mse)),
          E("df_between", dfb, 0), E("df_within", dfw, 0)]
    return R(1, text, "Long-format CSV (label,value) in shuffled order; one-way ANOVA F, p, MSE.",
             ["anova_oneway"], ex, "long-format supplier,value rows (shuffled) -> one-way ANOVA F, p, MSE")


@Q
def m04():
    labels = ["Scratch", "Dent", "Chip", "Discoloration", "Burr"]
    obs = [int(v) for v in rng.poisson([22, 15, 12, 18, 13])]
    text = ("Defect tally from last month's audit of returned housings:\n\n"
            + "\n".join(f"  {lab} - {c}" for lab, c in zip(labels, obs))
            + "\n\nIs there evidence that the five defect types are not equally common? Chi-square goodness of fit "
              "against equal proportions; give the statistic, df and p-value.")
    back = [int(m.group(2)) for m in re.finditer(r"^  ([A-Za-z]+) - (\d+)$", text, re.M)]
    assert back == obs
    ra = stats.chisquare(obs)
    n = sum(obs)
    e = Fraction(n, len(obs))
    chi = float(sum((Fraction(o) - e) ** 2 / e for o in obs))
    p = h_chi2_sf(chi, len(obs) - 1)
    agree(ra.statistic, chi, "chi")
    agree(ra.pvalue, p, "p")
    ex = [E("chi_square", chi, tS(chi)), E("df", len(obs) - 1, 0), E("p_value", p, tP(p))]
    return R(1, text, "Counts by label; chi-square GOF vs equal proportions.",
             ["chi_square"], ex, "counts by defect label -> chi-square GOF (equal proportions): chi2, df, p")


def xbar_r(subgroups, n, which):
    c = exact_consts(n, which)
    if which == "a":
        xb = np.mean([np.mean(s) for s in subgroups])
        rb = np.mean([np.ptp(s) for s in subgroups])
    else:
        xb = math.fsum(math.fsum(s) / len(s) for s in subgroups) / len(subgroups)
        rb = math.fsum(max(s) - min(s) for s in subgroups) / len(subgroups)
    return dict(xc=xb, xu=xb + c["A2"] * rb, xl=xb - c["A2"] * rb, rc=rb, ru=c["D4"] * rb, rl=c["D3"] * rb)


def xbar_r_tab(xb, rb, n):
    t = TAB[n]
    a2x = 3 / (t["d2"] * math.sqrt(n))
    d4x = 1 + 3 * t["d3"] / t["d2"]
    return [dict(xu=xb + A * rb, xl=xb - A * rb, ru=D * rb) for A in (t["A2"], a2x) for D in (t["D4"], d4x)]


@Q
def m05():
    k, n = 20, 5
    sub = [rd(rng.normal(10.00, 0.05, n), 2) for _ in range(k)]
    lines = [f"Subgroup {i + 1:02d}: " + ", ".join(f_(v, 2) for v in s) for i, s in enumerate(sub)]
    text = ("Bore diameters (mm), five consecutive parts pulled every hour - one subgroup per line:\n\n"
            + "\n".join(lines)
            + "\n\nPlease set up X-bar and R charts (3-sigma limits, standard constants for n = 5): centre lines and "
              "control limits for both charts.")
    back = [[float(v) for v in m.group(1).split(", ")] for m in re.finditer(r"Subgroup \d\d: (.+)", text)]
    assert back == sub
    A = xbar_r(sub, n, "a")
    B = xbar_r(sub, n, "b")
    for key in A:
        agree(A[key], B[key], key) if abs(B[key]) > 0 else None
    var = xbar_r_tab(B["xc"], B["rc"], n)
    ex = [E("xbar_center", B["xc"], tL(B["xc"])),
          E("xbar_ucl", B["xu"], chart_tol(B["xu"], [v["xu"] for v in var])),
          E("xbar_lcl", B["xl"], chart_tol(B["xl"], [v["xl"] for v in var])),
          E("r_center", B["rc"], tL(B["rc"])),
          E("r_ucl", B["ru"], chart_tol(B["ru"], [v["ru"] for v in var])),
          E("r_lcl", 0.0, 1e-6)]
    return R(1, text, "Subgroup rows 'Subgroup 01: a, b, c, d, e'; Xbar-R limits (n=5).",
             ["control_chart"], ex, "one subgroup per labelled row -> X-bar/R centre lines and limits")


@Q
def m06():
    x = rd(rng.normal(24.3, 1.1, 9), 1)
    para = (f"Week of the 8th: Monday's batch assayed at {f_(x[0], 1)} g/L, Tuesday's at {f_(x[1], 1)}, "
            f"Wednesday {f_(x[2], 1)} and Thursday {f_(x[3], 1)}. Friday was a holiday. The following week "
            f"Monday came in at {f_(x[4], 1)}, Tuesday {f_(x[5], 1)}, Wednesday {f_(x[6], 1)}, Thursday "
            f"{f_(x[7], 1)} and Friday {f_(x[8], 1)}.")
    text = ("Our assay results for the last two weeks, as the lab reported them to me:\n\n" + para
            + "\n\nThe target is 24.0 g/L. Is the mean assay different from target? One-sample t-test, two-sided - "
              "I need the mean, t and the p-value.")
    back = [float(v) for v in re.findall(r"\d+\.\d", para)]
    assert back == x
    ra = stats.ttest_1samp(x, 24.0)
    m = h_mean(x)
    t = (m - 24.0) / math.sqrt(h_var(x) / len(x))
    p = h_t_two(t, len(x) - 1)
    agree(ra.statistic, t, "t")
    agree(ra.pvalue, p, "p")
    ex = [E("mean", m, tL(m)), E("t_statistic", t, tS(t)), E("p_value", p, tP(p))]
    return R(1, text, "Nine values embedded in sentences (8th is a date); one-sample t vs 24.0 two-sided.",
             ["t_test"], ex, "values embedded in sentences -> one-sample t vs 24.0: mean, t, p")


def slr_hand(x, y):
    n = len(x)
    mx, my = h_mean(x), h_mean(y)
    sxx = math.fsum((a - mx) ** 2 for a in x)
    sxy = math.fsum((a - mx) * (b - my) for a, b in zip(x, y))
    syy = math.fsum((b - my) ** 2 for b in y)
    b1 = sxy / sxx
    b0 = my - b1 * mx
    sse = math.fsum((b - b0 - b1 * a) ** 2 for a, b in zip(x, y))
    s2 = sse / (n - 2)
    t = b1 / math.sqrt(s2 / sxx)
    return dict(b1=b1, b0=b0, r2=1 - sse / syy, t=t, p=h_t_two(t, n - 2), s2=s2, sxx=sxx, mx=mx, n=n)


@Q
def m07():
    temp = [150 + 5 * i for i in range(10)]
    yld = rd(60 + 0.12 * (np.array(temp) - 150) + rng.normal(0, 1.0, 10), 1)
    rows = "\n".join(f"{t}\t{f_(v, 1)}" for t, v in zip(temp, yld))
    text = ("Copied straight out of Excel (tab separated):\n\nTemp (°C)\tYield (%)\n" + rows
            + "\n\nFit yield = b0 + b1*temp by least squares. I want the slope, the intercept, R-squared and the "
              "p-value for the slope.")
    back = [l.split("\t") for l in text.splitlines() if re.match(r"\d{3}\t", l)]
    assert [int(a) for a, _ in back] == temp and [float(b) for _, b in back] == yld
    fit = sm.OLS(yld, sm.add_constant(temp)).fit()
    h = slr_hand([float(t) for t in temp], yld)
    agree(fit.params[1], h["b1"], "b1")
    agree(fit.params[0], h["b0"], "b0")
    agree(fit.rsquared, h["r2"], "r2")
    agree(fit.pvalues[1], h["p"], "p")
    ex = [E("slope", h["b1"], tS(h["b1"])), E("intercept", h["b0"], tS(h["b0"])),
          E("r_squared", h["r2"], tS(h["r2"])), E("p_value_slope", h["p"], tP(h["p"]))]
    return R(1, text, "Tab-separated spreadsheet paste with unit headers; simple linear regression.",
             ["regression"], ex, "tab-separated Excel paste with unit headers -> slope, intercept, R^2, p(slope)")


@Q
def m08():
    temps = ["low", "high"]
    cats = ["X", "Y", "Z"]
    mu = {("low", "X"): 71.0, ("low", "Y"): 73.5, ("low", "Z"): 72.0,
          ("high", "X"): 74.0, ("high", "Y"): 75.0, ("high", "Z"): 78.5}
    recs = []
    for tp in temps:
        for c in cats:
            for v in rd(rng.normal(mu[(tp, c)], 1.2, 3), 1):
                recs.append((tp, c, v))
    perm = rng.permutation(len(recs))
    recs = [recs[i] for i in perm]
    js = ",\n".join(f'  {{"run": {i + 1}, "temp": "{tp}", "catalyst": "{c}", "yield": {f_(v, 1)}}}'
                    for i, (tp, c, v) in enumerate(recs))
    text = ("Here's the run log from the reactor trial as our script dumps it:\n\n[\n" + js + "\n]\n\n"
            "It's a balanced 2 x 3 layout (temperature x catalyst) with 3 runs per cell. Two-way ANOVA with "
            "interaction: F for temperature, catalyst and the interaction, the interaction p-value and the "
            "error mean square.")
    back = json.loads(text[text.index("["): text.index("]") + 1])
    assert [(r["temp"], r["catalyst"], r["yield"]) for r in back] == recs
    df_ = pd.DataFrame(recs, columns=["t", "c", "y"])
    fit = smf.ols("y ~ C(t) * C(c)", data=df_).fit()
    tab = sm.stats.anova_lm(fit, typ=2)
    # hand, balanced formulas
    a, b, r = 2, 3, 3
    cell = {(tp, c): [v for (t2, c2, v) in recs if t2 == tp and c2 == c] for tp in temps for c in cats}
    allv = [v for _, _, v in recs]
    g = h_mean(allv)
    mA = {tp: h_mean([v for (t2, _, v) in recs if t2 == tp]) for tp in temps}
    mB = {c: h_mean([v for (_, c2, v) in recs if c2 == c]) for c in cats}
    ssa = b * r * math.fsum((mA[tp] - g) ** 2 for tp in temps)
    ssb = a * r * math.fsum((mB[c] - g) ** 2 for c in cats)
    ssab = r * math.fsum((h_mean(cell[(tp, c)]) - mA[tp] - mB[c] + g) ** 2 for tp in temps for c in cats)
    sse = math.fsum((v - h_mean(cell[k])) ** 2 for k in cell for v in cell[k])
    dfe = a * b * (r - 1)
    mse = sse / dfe
    fa, fb, fab = ssa / (a - 1) / mse, ssb / (b - 1) / mse, ssab / ((a - 1) * (b - 1)) / mse
    pab = h_f_sf(fab, (a - 1) * (b - 1), dfe)
    agree(tab.loc["C(t)", "F"], fa, "fa")
    agree(tab.loc["C(c)", "F"], fb, "fb")
    agree(tab.loc["C(t):C(c)", "F"], fab, "fab")
    agree(tab.loc["C(t):C(c)", "PR(>F)"], pab, "pab")
    agree(fit.mse_resid, mse, "mse")
    ex = [E("f_temperature", fa, tS(fa)), E("f_catalyst", fb, tS(fb)), E("f_interaction", fab, tS(fab)),
          E("p_interaction", pab, tP(pab)), E("ms_error", mse, tS(mse))]
    return R(1, text, "JSON list of run records (shuffled run order); balanced two-way ANOVA with interaction.",
             ["anova_twoway"], ex, "JSON run records -> balanced two-way ANOVA: F (A, B, AB), p(AB), MSE")


@Q
def m09():
    k = 18
    cnt = [int(v) for v in rng.binomial(50, 0.05, k)]
    cnt[10] = 53
    lines = [f"2024-03-{i + 4:02d}T06:1{i % 6} QC lot=L03{i + 4:02d} inspected=50 defective={c}" for i, c in enumerate(cnt)]
    text = ("Daily sampling log from the end-of-line check (50 units pulled per lot):\n\n" + "\n".join(lines)
            + "\n\nCan you build a p chart from this and tell me the centre line and limits?")
    back = [int(v) for v in re.findall(r"defective=(\d+)", text)]
    assert back == cnt and all(int(v) == 50 for v in re.findall(r"inspected=(\d+)", text))
    return R(1, text, "REFUSE/ASK: lot L0314 logs 53 defectives out of 50 inspected - impossible; the record must be "
                      "corrected (or the lot excluded by the user) before a p chart can be computed.",
             ["control_chart"], [], "log lines lot=..., inspected=50, defective=... (one lot has 53 of 50) -> refuse/ask",
             refuse=True)


@Q
def m10():
    t2 = rd(rng.normal(71.5, 0.6, 15), 2)
    t1 = rd(rng.normal(68.0, 0.5, 13), 2)
    labels = ["T1"] * 13 + ["T2"] * 15
    labels = [labels[i] for i in rng.permutation(len(labels))]
    it1, it2 = iter(t1), iter(t2)
    lines = []
    for i, lab in enumerate(labels):
        v = next(it1) if lab == "T1" else next(it2)
        hh, mm = divmod(8 * 60 + 5 * i, 60)
        lines.append(f"2024-05-02 {hh:02d}:{mm:02d}:03 INFO  [{lab}] temp={f_(v, 2)} C")
    text = ("Log from the oven controller, two thermocouples writing to the same file:\n\n" + "\n".join(lines)
            + "\n\nI only care about thermocouple T2. Individuals and moving-range (I-MR) chart for T2 in time order, "
              "MR of span 2, 3-sigma limits: centre line and limits of the I chart and the MR chart.")
    back = [float(v) for v in re.findall(r"\[T2\] temp=(\d+\.\d+)", text)]
    assert back == t2
    x = t2
    # (a)
    mr = np.abs(np.diff(x))
    d2a = exact_consts(2, "a")
    xa = np.mean(x)
    mra = np.mean(mr)
    Aa = dict(c=xa, u=xa + 3 * mra / d2a["d2"], l=xa - 3 * mra / d2a["d2"], mc=mra, mu=d2a["D4"] * mra)
    # (b) closed form for n = 2: d2 = 2/sqrt(pi), d3 = sqrt(2 - 4/pi)
    d2 = 2 / math.sqrt(math.pi)
    d3 = math.sqrt(2 - 4 / math.pi)
    xb = h_mean(x)
    mrb = math.fsum(abs(x[i + 1] - x[i]) for i in range(len(x) - 1)) / (len(x) - 1)
    Bb = dict(c=xb, u=xb + 3 * mrb / d2, l=xb - 3 * mrb / d2, mc=mrb, mu=(1 + 3 * d3 / d2) * mrb)
    for kk in Aa:
        agree(Aa[kk], Bb[kk], kk)
    facs = [2.66, 3 / 1.128, 3 / d2]
    ex = [E("i_center", Bb["c"], tL(Bb["c"])),
          E("i_ucl", Bb["u"], chart_tol(Bb["u"], [xb + f * mrb for f in facs])),
          E("i_lcl", Bb["l"], chart_tol(Bb["l"], [xb - f * mrb for f in facs])),
          E("mr_center", mrb, tL(mrb)),
          E("mr_ucl", Bb["mu"], chart_tol(Bb["mu"], [3.267 * mrb, (1 + 3 * 0.853 / 1.128) * mrb]))]
    return R(1, text, "Interleaved log of two sensors; extract T2 only; I-MR chart limits.",
             ["control_chart"], ex, "interleaved two-sensor log, pick T2 -> I-MR centre lines and limits")


def chi2_indep_hand(tab):
    rs = [sum(r) for r in tab]
    cs = [sum(c) for c in zip(*tab)]
    n = sum(rs)
    chi = Fraction(0)
    for i, r in enumerate(tab):
        for j, o in enumerate(r):
            e = Fraction(rs[i] * cs[j], n)
            chi += (o - e) ** 2 / e
    df = (len(tab) - 1) * (len(tab[0]) - 1)
    return float(chi), df, h_chi2_sf(float(chi), df), min(Fraction(rs[i] * cs[j], n) for i in range(len(rs)) for j in range(len(cs)))


@Q
def m11():
    mus = [[180, 14, 6], [165, 18, 9], [150, 22, 12]]
    tab = [[int(v) for v in rng.poisson(r)] for r in mus]
    shifts = ["Day", "Swing", "Night"]
    hdr = f"{'Shift':<8}{'Pass':>8}{'Rework':>8}{'Scrap':>8}"
    body = [f"{s:<8}{r[0]:>8}{r[1]:>8}{r[2]:>8}" for s, r in zip(shifts, tab)]
    text = ("Final-inspection outcome by shift for week 32 (fixed-width, from the MES report):\n\n"
            + hdr + "\n" + "\n".join(body)
            + "\n\nIs the outcome distribution independent of shift? Chi-square test of independence: statistic, "
              "degrees of freedom, p-value.")
    back = [[int(v) for v in l.split()[1:]] for l in text.splitlines() if l.split()[:1] and l.split()[0] in shifts]
    assert back == tab
    ra = stats.chi2_contingency(tab)
    chi, df, p, emin = chi2_indep_hand(tab)
    assert emin >= 5
    agree(ra.statistic, chi, "chi")
    agree_int(ra.dof, df, "df")
    agree(ra.pvalue, p, "p")
    ex = [E("chi_square", chi, tS(chi)), E("df", df, 0), E("p_value", p, tP(p))]
    return R(1, text, "Fixed-width 3x3 contingency table; chi-square independence.",
             ["chi_square"], ex, "fixed-width shift x outcome table -> chi-square independence: chi2, df, p")


@Q
def m12():
    n = 12
    por = rd(rng.uniform(1.0, 8.0, n), 1)
    ten = rd(140 - 3.1 * np.array(por) + rng.normal(0, 4, n), 0)
    tab = ["| Sample | Porosity | UTS     |", "|--------|----------|---------|"]
    tab += [f"| S-{101 + i} | {f_(p, 1)} % | {int(t)} MPa |" for i, (p, t) in enumerate(zip(por, ten))]
    text = ("Porosity vs ultimate tensile strength for the cast brackets:\n\n" + "\n".join(tab)
            + "\n\nWhat's the Pearson correlation between porosity and UTS, and its two-sided p-value (H0: rho = 0)?")
    rows = [l for l in text.splitlines() if l.startswith("| S-")]
    bp = [float(l.split("|")[2].replace("%", "")) for l in rows]
    bt = [float(l.split("|")[3].replace("MPa", "")) for l in rows]
    assert bp == por and bt == ten
    ra = stats.pearsonr(por, ten)
    mx, my = h_mean(por), h_mean(ten)
    sxy = math.fsum((a - mx) * (b - my) for a, b in zip(por, ten))
    sxx = math.fsum((a - mx) ** 2 for a in por)
    syy = math.fsum((b - my) ** 2 for b in ten)
    r = sxy / math.sqrt(sxx * syy)
    t = r * math.sqrt((n - 2) / (1 - r * r))
    p = h_t_two(t, n - 2)
    agree(ra.statistic, r, "r")
    agree(ra.pvalue, p, "p")
    ex = [E("pearson_r", r, tS(r)), E("p_value", p, tP(p))]
    return R(1, text, "Markdown table with units inside cells and sample ids; Pearson r and p.",
             ["correlation"], ex, "markdown table with units in cells -> Pearson r and p")


@Q
def m13():
    d = [int(v) for v in rng.poisson(1.3, 60)]
    mx = max(d)
    freq = [(k, d.count(k)) for k in range(mx + 1)]
    lines = [f"{'defects/board':<16}{'boards':>6}"] + [f"{k:<16}{c:>6}" for k, c in freq]
    text = ("Frequency table from the AOI station for today's 60 boards:\n\n" + "\n".join(lines)
            + "\n\nWhat are the mean number of defects per board and the standard deviation (sample, n-1) "
              "per board? And confirm how many boards that is.")
    back = [tuple(int(v) for v in l.split()) for l in text.splitlines() if re.match(r"\d+\s+\d+$", l)]
    assert back == freq
    expd = sorted(d)
    am, asd = np.mean(expd), np.std(expd, ddof=1)
    nb = sum(c for _, c in freq)
    sm_ = Fraction(sum(k * c for k, c in freq), nb)
    var = (Fraction(sum(k * k * c for k, c in freq)) - nb * sm_ ** 2) / (nb - 1)
    agree(am, float(sm_), "mean")
    agree(asd, math.sqrt(var), "sd")
    agree_int(len(expd), nb, "n")
    ex = [E("n_boards", nb, 0), E("mean", float(sm_), tS(float(sm_))), E("sd", math.sqrt(var), tS(math.sqrt(var)))]
    return R(1, text, "Frequency table value -> count; statistics of the expanded data (n-1 SD).",
             ["describe"], ex, "frequency table defects/board -> n, mean, SD of expanded data")


@Q
def m14():
    a = rd(rng.normal(12.40, 0.06, 12), 2)
    bfull = rd(rng.normal(12.38, 0.11, 12), 2)
    blank = {4, 9}
    b = [v for i, v in enumerate(bfull) if i not in blank]
    lines = ["Messung;Linie_A;Linie_B"]
    for i in range(12):
        cb = "" if i in blank else f_(bfull[i], 2).replace(".", ",")
        lines.append(f"{i + 1};{f_(a[i], 2).replace('.', ',')};{cb}")
    text = ("Export from our German Excel (semicolons, decimal commas). Two Linie_B cells are empty because the "
            "gauge was out for calibration - just leave them out:\n\n" + "\n".join(lines)
            + "\n\nF test for equal variances of Linie_A and Linie_B (normal data assumed), two-sided, with the ratio "
              "taken as var(A)/var(B). F, both degrees of freedom and the p-value please.")
    ba, bb = [], []
    for l in text.splitlines():
        m = re.match(r"(\d+);(\d+,\d+);(\d+,\d+)?$", l)
        if m:
            ba.append(float(m.group(2).replace(",", ".")))
            if m.group(3):
                bb.append(float(m.group(3).replace(",", ".")))
    assert ba == a and bb == b
    d1, d2 = len(a) - 1, len(b) - 1
    Fa = np.var(a, ddof=1) / np.var(b, ddof=1)
    pa = 2 * min(stats.f.cdf(Fa, d1, d2), stats.f.sf(Fa, d1, d2))
    F = h_var(a) / h_var(b)
    p = 2 * min(h_f_cdf(F, d1, d2), h_f_sf(F, d1, d2))
    agree(Fa, F, "F")
    agree(pa, p, "p")
    ex = [E("f_ratio", F, tS(F)), E("df1", d1, 0), E("df2", d2, 0), E("p_value", p, tP(p))]
    return R(1, text, "Semicolon CSV with decimal commas and blank cells; two-sided F test var(A)/var(B).",
             ["variance_test"], ex, "semicolon CSV, decimal commas, blank cells -> F test var(A)/var(B), df, p")


# ==========================================================================
# KIND 2 -- intent carried by wording  (m15..m28)
# ==========================================================================


@Q
def m15():
    x = rd(rng.normal(494.0, 7.0, 10), 1)
    text = ("Our rope supplier claims the mean breaking strength is at least 500 N. We pulled 10 ropes from the "
            "last delivery: " + ", ".join(f_(v, 1) for v in x)
            + " N. Do we have evidence at the 5% level that the true mean is below what they claim? Give t and the p-value.")
    back = nums(text.split("delivery:")[1].split(" N.")[0])
    assert back == x
    ra = stats.ttest_1samp(x, 500.0, alternative="less")
    t = (h_mean(x) - 500) / math.sqrt(h_var(x) / 10)
    p = h_t_cdf(t, 9)
    agree(ra.statistic, t, "t")
    agree(ra.pvalue, p, "p")
    ex = [E("t_statistic", t, tS(t)), E("p_value", p, tP(p))]
    return R(2, text, "Claim 'at least 500', suspicion 'below': one-sample t, lower-tailed (H1: mu < 500).",
             ["t_test"], ex, "'claims at least 500, evidence it is below' -> lower-tailed one-sample t, p")


@Q
def m16():
    n = 12
    while True:
        before = rd(rng.normal(48.0, 4.0, n), 1)
        after = rd(np.array(before) - rng.normal(1.2, 2.0, n), 1)
        d = [round(b - a, 1) for b, a in zip(before, after)]
        if all(v != 0 for v in d) and len(set(abs(v) for v in d)) == n:
            break
    text = ("Cycle times (s) of the same 12 operators, before and after we introduced the new fixture:\n\n"
            "before: " + " ".join(f_(v, 1) for v in before) + "\n"
            "after:  " + " ".join(f_(v, 1) for v in after) + "\n\n"
            "(operator order is the same in both lines). I don't want to assume the differences are normally "
            "distributed, though they look roughly symmetric. Has the cycle time changed? Use the differences "
            "before - after, a two-sided test and an exact p-value; report the sum of the ranks of the positive differences too.")
    bb = nums(re.search(r"before: (.+)", text).group(1))
    ba = nums(re.search(r"after:  (.+)", text).group(1))
    assert bb == before and ba == after
    dd = np.array(before) - np.array(after)
    ra = stats.wilcoxon(dd, method="exact")
    rk = stats.rankdata(np.abs(dd))
    wpa = float(rk[dd > 0].sum())
    # hand
    hr = h_rank([abs(v) for v in d])
    wp = int(round(sum(r for r, v in zip(hr, d) if v > 0)))
    p = float(two_sided_from_counts(signrank_counts(n), wp))
    agree_int(wpa, wp, "w+")
    agree(ra.pvalue, p, "p")
    ex = [E("w_plus", wp, 0), E("p_value", p, tP(p))]
    return R(2, text, "Paired, not normal but symmetric, magnitudes matter: Wilcoxon signed-rank exact two-sided.",
             ["wilcoxon_signed_rank"], ex, "'same operators', 'don't assume normal, symmetric' -> Wilcoxon signed-rank exact: W+, p")


@Q
def m17():
    old = rd(rng.normal(20.4, 0.5, 9), 2)
    new = rd(rng.normal(20.0, 1.3, 12), 2)
    text = ("Fill heights (mm) from the old line (9 bottles): " + ", ".join(f_(v, 2) for v in old)
            + ". New line (12 bottles): " + ", ".join(f_(v, 2) for v in new)
            + ". The new line is visibly more erratic, so I don't want to assume the two spreads are the same. "
              "Is there a difference in mean fill height? Take old minus new; t, df and p.")
    bo = nums(text.split("(9 bottles):")[1].split(". New")[0])
    bn = nums(text.split("(12 bottles):")[1].split(". The")[0])
    assert bo == old and bn == new
    ra = stats.ttest_ind(old, new, equal_var=False)
    t, df, p = welch(old, new)
    agree(ra.statistic, t, "t")
    agree(ra.df, df, "df")
    agree(ra.pvalue, p, "p")
    ex = [E("t_statistic", t, tS(t)), E("df", df, tS(df)), E("p_value", p, tP(p))]
    return R(2, text, "'don't assume the spreads are the same' -> Welch t; 'is there a difference' -> two-sided; old-new.",
             ["t_test"], ex, "'don't assume spreads the same' -> Welch t old-new: t, df, p")


@Q
def m18():
    n = 10
    true = rng.normal(12.0, 0.8, n)
    ga = rd(true + rng.normal(0.03, 0.02, n), 3)
    gb = rd(true + rng.normal(0.0, 0.02, n), 3)
    text = ("We measured the same 10 specimens on both hardness gauges (specimen 1 first in each list).\n"
            "Gauge A: " + ", ".join(f_(v, 3) for v in ga) + "\n"
            "Gauge B: " + ", ".join(f_(v, 3) for v in gb) + "\n"
            "Does gauge A read differently from gauge B? I need the mean of A - B, the t statistic and the "
            "two-sided p-value.")
    ba = nums(re.search(r"Gauge A: (.+)", text).group(1))
    bb = nums(re.search(r"Gauge B: (.+)", text).group(1))
    assert ba == ga and bb == gb
    ra = stats.ttest_rel(ga, gb)
    d = [Fraction(str(a)) - Fraction(str(b)) for a, b in zip(ga, gb)]
    md = sum(d) / n
    sd2 = sum((v - md) ** 2 for v in d) / (n - 1)
    t = float(md) / math.sqrt(float(sd2) / n)
    p = h_t_two(t, n - 1)
    agree(ra.statistic, t, "t")
    agree(ra.pvalue, p, "p")
    ex = [E("mean_difference", float(md), tS(float(md))), E("t_statistic", t, tS(t)), E("p_value", p, tP(p))]
    return R(2, text, "'same 10 specimens on both gauges' -> paired t on A-B, two-sided.",
             ["t_test"], ex, "'same specimens on both gauges' -> paired t A-B: mean diff, t, p")


@Q
def m19():
    x = rd(rng.normal(500.6, 1.2, 15), 1)
    text = ("The nominal fill is 500 mL. Fifteen bottles from this morning: " + "; ".join(f_(v, 1) for v in x)
            + ". Is the filler centred on nominal or not? Give the sample mean, t and p.")
    back = nums(text.split("morning:")[1].split(". Is")[0])
    assert back == x
    ra = stats.ttest_1samp(x, 500.0)
    m = h_mean(x)
    t = (m - 500) / math.sqrt(h_var(x) / 15)
    p = h_t_two(t, 14)
    agree(ra.statistic, t, "t")
    agree(ra.pvalue, p, "p")
    ex = [E("mean", m, tL(m)), E("t_statistic", t, tS(t)), E("p_value", p, tP(p))]
    return R(2, text, "'centred on nominal or not' -> one-sample t vs 500, two-sided.",
             ["t_test"], ex, "'centred on nominal 500 or not' -> two-sided one-sample t: mean, t, p")


@Q
def m20():
    x = rd(rng.normal(402.0, 3.0, 12), 1)
    x[6] = rd(rng.normal(371.0, 2.0), 1)[0]
    keep = [v for i, v in enumerate(x) if i != 6]
    text = ("Yield strength (MPa) for runs 1 to 12: " + ", ".join(f"run {i + 1} {f_(v, 1)}" for i, v in enumerate(x))
            + ". Run 7 was done with a slipping extensometer, so please ignore that reading. With the rest, "
              "what are the mean, the sample SD and a 95% two-sided t confidence interval for the mean?")
    back = [float(v) for v in re.findall(r"run \d+ (\d+\.\d)", text)]
    assert back == x
    n = len(keep)
    am, asd = np.mean(keep), np.std(keep, ddof=1)
    alo, ahi = stats.t.interval(0.95, n - 1, loc=am, scale=asd / math.sqrt(n))
    m, s = h_mean(keep), math.sqrt(h_var(keep))
    tc = h_t_ppf(0.975, n - 1)
    lo, hi = m - tc * s / math.sqrt(n), m + tc * s / math.sqrt(n)
    for nm, a_, b_ in [("m", am, m), ("s", asd, s), ("lo", alo, lo), ("hi", ahi, hi)]:
        agree(a_, b_, nm)
    ex = [E("mean", m, tL(m)), E("sd", s, tS(s)), E("ci_lower", lo, tL(lo)), E("ci_upper", hi, tL(hi))]
    return R(2, text, "Exclude run 7 (faulty); describe remaining 11: mean, SD, 95% t-CI.",
             ["describe"], ex, "'ignore run 7' -> mean, SD, 95% CI of the other 11")


@Q
def m21():
    c = [int(v) for v in rng.poisson(4.2, 25)]
    text = ("Each windshield can carry several blemishes, and we count every blemish. Blemishes on the last 25 "
            "windshields (all the same size), in production order: " + " ".join(str(v) for v in c)
            + ". Set up the appropriate attribute control chart (3-sigma), give centre line and limits, and set a "
              "negative lower limit to zero.")
    back = [int(v) for v in text.split("production order:")[1].split(".")[0].split()]
    assert back == c
    cb_a = float(np.mean(c))
    cb = Fraction(sum(c), len(c))
    ucl = float(cb) + 3 * math.sqrt(float(cb))
    ucl_a = cb_a + 3 * np.sqrt(cb_a)
    lcl = max(0.0, float(cb) - 3 * math.sqrt(float(cb)))
    agree(cb_a, float(cb), "c")
    agree(ucl_a, ucl, "ucl")
    assert lcl == 0.0
    ex = [E("center", float(cb), tL(float(cb))), E("ucl", ucl, tL(ucl)), E("lcl", lcl, 1e-6)]
    return R(2, text, "Defects (blemishes) per equal-size unit -> c chart, LCL truncated at 0.",
             ["control_chart"], ex, "'several blemishes per unit, equal size' -> c chart: centre, UCL, LCL=0")


@Q
def m22():
    pre = rd(rng.normal(5.02, 0.03, 10), 3)
    post = rd(rng.normal(5.00, 0.03, 12), 3)
    text = ("Each of our operators measured the same reference parts before and after the CMM recalibration, so "
            "the data are paired.\nBefore: " + ", ".join(f_(v, 3) for v in pre)
            + "\nAfter:  " + ", ".join(f_(v, 3) for v in post)
            + "\nPaired t-test please, before minus after, two-sided.")
    assert nums(re.search(r"Before: (.+)", text).group(1)) == pre
    assert nums(re.search(r"After:  (.+)", text).group(1)) == post
    return R(2, text, "REFUSE/ASK: described as paired (same parts) but 10 'before' vs 12 'after' values - pairs "
                      "cannot be formed; ask which measurements belong together.",
             ["t_test"], [], "'paired, same parts' but 10 vs 12 values -> refuse/ask", refuse=True)


@Q
def m23():
    k, n = 15, 4
    shift = rng.normal(0, 0.03, k)
    sub = [rd(10.02 + s + rng.normal(0, 0.045, n), 3) for s in shift]
    lsl, usl = 9.80, 10.25
    lines = [f"hour {i + 1:>2}: " + "  ".join(f_(v, 3) for v in s) for i, s in enumerate(sub)]
    text = ("Spec is 9.80 to 10.25 mm. Four parts per hour over 15 hours:\n\n" + "\n".join(lines)
            + "\n\nFor the customer report I need long-term performance: use the overall standard deviation of all "
              "60 values (n-1), not the within-subgroup sigma. What are Pp and Ppk?")
    back = [nums(l.split(":")[1]) for l in text.splitlines() if l.startswith("hour")]
    assert back == sub
    allv = [v for s in sub for v in s]
    sa = np.std(allv, ddof=1)
    ma = np.mean(allv)
    ppa, ppka = (usl - lsl) / (6 * sa), min(usl - ma, ma - lsl) / (3 * sa)
    fr = [Fraction(str(v)) for v in allv]
    mf = sum(fr) / len(fr)
    s = math.sqrt(float(sum((v - mf) ** 2 for v in fr) / (len(fr) - 1)))
    m = float(mf)
    pp, ppk = (usl - lsl) / (6 * s), min(usl - m, m - lsl) / (3 * s)
    agree(ppa, pp, "pp")
    agree(ppka, ppk, "ppk")
    ex = [E("pp", pp, tS(pp)), E("ppk", ppk, tS(ppk))]
    return R(2, text, "'long-term, overall SD' -> Pp, Ppk with overall s (n-1) of all 60 values.",
             ["capability"], ex, "'overall SD, not within' -> Pp, Ppk")


@Q
def m24():
    k, n = 16, 5
    sub = [rd(rng.normal(5.012, 0.025, n), 3) for _ in range(k)]
    lsl, usl = 4.90, 5.10
    lines = [" | ".join(f_(v, 3) for v in s) for s in sub]
    text = ("Subgroups of 5 (one row each), spec 4.90 - 5.10:\n\n" + "\n".join(lines)
            + "\n\nI want potential capability, so estimate sigma within subgroups from the average range "
              "(R-bar / d2). Give sigma_within, Cp and Cpk.")
    back = [nums(l) for l in text.splitlines() if l.count("|") == 4]
    assert back == sub
    rbar_a = np.mean([np.ptp(s) for s in sub])
    mean_a = np.mean(sub)
    ca = exact_consts(5, "a")
    sa = rbar_a / ca["d2"]
    cpa, cpka = (usl - lsl) / (6 * sa), min(usl - mean_a, mean_a - lsl) / (3 * sa)
    cb = exact_consts(5, "b")
    rbar = math.fsum(max(s) - min(s) for s in sub) / k
    m = h_mean([v for s in sub for v in s])
    sw = rbar / cb["d2"]
    cp, cpk = (usl - lsl) / (6 * sw), min(usl - m, m - lsl) / (3 * sw)
    agree(sa, sw, "sw")
    agree(cpa, cp, "cp")
    agree(cpka, cpk, "cpk")
    swt = rbar / TAB[5]["d2"]
    cpt, cpkt = (usl - lsl) / (6 * swt), min(usl - m, m - lsl) / (3 * swt)
    ex = [E("sigma_within", sw, abs(swt - sw) + tS(sw)), E("cp", cp, abs(cpt - cp) + tS(cp)),
          E("cpk", cpk, abs(cpkt - cpk) + tS(cpk))]
    return R(2, text, "'potential capability, within subgroups from R-bar/d2' -> Cp, Cpk with sigma=Rbar/d2 (n=5).",
             ["capability"], ex, "'within subgroups from R-bar/d2' -> sigma_within, Cp, Cpk")


@Q
def m25():
    n = 60
    x = int(rng.binomial(n, 0.04))
    text = (f"We ran {n} units through the accelerated life test and {x} failed. Can we claim the true failure "
            "rate is below 10%? Exact binomial test at the 5% level, plus the one-sided 95% upper "
            "Clopper-Pearson confidence bound on the failure rate.")
    bn, bx = [int(v) for v in re.findall(r"ran (\d+) units.+? and (\d+) failed", text)[0]]
    assert (bn, bx) == (n, x)
    ra = stats.binomtest(x, n, 0.10, alternative="less")
    ub_a = ra.proportion_ci(confidence_level=0.95).high
    p = float(sum(Fraction(math.comb(n, k)) * Fraction(1, 10) ** k * Fraction(9, 10) ** (n - k) for k in range(x + 1)))
    cdf = lambda q: mp.fsum(mp.binomial(n, k) * q ** k * (1 - q) ** (n - k) for k in range(x + 1))
    lo_, hi_ = mp.mpf(0), mp.mpf(1)
    for _ in range(200):  # bisection: cdf(q) is decreasing in q
        mid = (lo_ + hi_) / 2
        lo_, hi_ = (mid, hi_) if cdf(mid) > mp.mpf("0.05") else (lo_, mid)
    ub = float((lo_ + hi_) / 2)
    agree(ra.pvalue, p, "p")
    agree(ub_a, ub, "ub")
    ex = [E("p_value", p, tP(p)), E("upper_bound_95", ub, tS(ub))]
    return R(2, text, "'claim below 10%' -> exact binomial, H1: p < 0.10 (lower tail), one-sided 95% CP upper bound.",
             ["proportion_test"], ex, "'claim failure rate below 10%' -> exact lower-tailed binomial p, CP upper bound")


@Q
def m26():
    n1, n2 = 450, 420
    x1 = int(rng.binomial(n1, 0.915))
    x2 = int(rng.binomial(n2, 0.885))
    text = (f"Day shift passed {x1} of {n1} boards at ICT, night shift passed {x2} of {n2}. Did the pass rate differ "
            "between the shifts? Two-proportion z-test with the pooled standard error and no continuity "
            "correction; day minus night. z and p please.")
    (a1, b1), (a2, b2) = [tuple(int(v) for v in t) for t in re.findall(r"passed (\d+) of (\d+)", text)]
    assert (a1, b1, a2, b2) == (x1, n1, x2, n2)
    za, pa = proportions_ztest([x1, x2], [n1, n2])
    p1, p2 = Fraction(x1, n1), Fraction(x2, n2)
    pp = Fraction(x1 + x2, n1 + n2)
    z = float(p1 - p2) / math.sqrt(float(pp * (1 - pp) * (Fraction(1, n1) + Fraction(1, n2))))
    p = 2 * (1 - h_ncdf(abs(z)))
    agree(za, z, "z")
    agree(pa, p, "p")
    ex = [E("z_statistic", z, tS(z)), E("p_value", p, tP(p))]
    return R(2, text, "'did it differ' -> two-sided pooled two-proportion z, no CC, day-night.",
             ["proportion_test"], ex, "'did the pass rate differ' -> two-sided pooled 2-proportion z, p")


@Q
def m27():
    new = rd(rng.normal(8.00, 0.05, 13), 3)
    old = rd(rng.normal(8.00, 0.085, 16), 3)
    text = ("We changed the spindle bearings hoping to make the process less variable.\nNew setup (13 parts): "
            + " ".join(f_(v, 3) for v in new) + "\nOld setup (16 parts): " + " ".join(f_(v, 3) for v in old)
            + "\nIs the new setup's variance smaller than the old one's? Assume normality; F = s_new^2 / s_old^2, "
              "give F and the p-value.")
    assert nums(re.search(r"New setup \(13 parts\): (.+)", text).group(1)) == new
    assert nums(re.search(r"Old setup \(16 parts\): (.+)", text).group(1)) == old
    Fa = np.var(new, ddof=1) / np.var(old, ddof=1)
    pa = stats.f.cdf(Fa, 12, 15)
    F = h_var(new) / h_var(old)
    p = h_f_cdf(F, 12, 15)
    agree(Fa, F, "F")
    agree(pa, p, "p")
    ex = [E("f_ratio", F, tS(F)), E("p_value", p, tP(p))]
    return R(2, text, "'smaller variance' -> one-sided F test, lower tail of F(12,15).",
             ["variance_test"], ex, "'is the new variance smaller' -> one-sided F test: F, p")


@Q
def m28():
    load = [0.5 * (i + 1) for i in range(8)]
    rdg = rd(2.47 * np.array(load) + rng.normal(0, 0.04, 8), 3)
    text = ("Load cell calibration: applied load (kg) -> reading (mV)\n"
            + "\n".join(f"{f_(l, 1)} kg -> {f_(r, 3)} mV" for l, r in zip(load, rdg))
            + "\nPhysically the cell must read zero at zero load, so fit the straight line through the origin "
              "(no intercept). What's the slope and its standard error?")
    back = [(float(a), float(b)) for a, b in re.findall(r"(\d+\.\d) kg -> (\d+\.\d+) mV", text)]
    assert back == list(zip(load, rdg))
    fit = sm.OLS(rdg, np.array(load)).fit()
    sxy = math.fsum(a * b for a, b in zip(load, rdg))
    sxx = math.fsum(a * a for a in load)
    b = sxy / sxx
    s2 = math.fsum((y - b * x) ** 2 for x, y in zip(load, rdg)) / (len(load) - 1)
    se = math.sqrt(s2 / sxx)
    agree(fit.params[0], b, "b")
    agree(fit.bse[0], se, "se")
    ex = [E("slope", b, tL(b)), E("se_slope", se, tS(se))]
    return R(2, text, "'must read zero at zero load' -> regression through the origin: slope, SE (n-1 df).",
             ["regression"], ex, "'zero at zero load, no intercept' -> slope and SE through the origin")


# ==========================================================================
# KIND 3 -- numbers in prose with roles and distractors  (m29..m42)
# ==========================================================================


@Q
def m29():
    A = np.array([-1, 1, -1, 1, -1, 1, -1, 1])
    B = np.array([-1, -1, 1, 1, -1, -1, 1, 1])
    C = np.array([-1, -1, -1, -1, 1, 1, 1, 1])
    mu = 60 + 1.5 * A + 0.75 * B - 0.25 * C + 0.6 * A * B
    r1 = rd(mu + rng.normal(0, 0.8, 8), 1)
    r2 = rd(mu + rng.normal(0, 0.8, 8), 1)
    text = ("On 12 March 2024 we ran a 2^3 full factorial on reactor R-7 (catalyst batch 2231): A = temperature "
            "180 vs 200 °C, B = time 30 vs 45 min, C = catalyst loading 1.0 vs 1.5 %. Two replicates, 16 runs in total. "
            "Yields (%) in standard order (1), a, b, ab, c, ac, bc, abc:\nreplicate 1: " + ", ".join(f_(v, 1) for v in r1)
            + "\nreplicate 2: " + ", ".join(f_(v, 1) for v in r2)
            + "\nEstimate the main effects of A, B and C and the AB interaction effect (effect = mean at high minus "
              "mean at low), and give the t-test p-value for AB using the pure-error mean square from the replicates.")
    assert nums(re.search(r"replicate 1: (.+)", text).group(1)) == r1
    assert nums(re.search(r"replicate 2: (.+)", text).group(1)) == r2
    y = np.array(r1 + r2)
    a, b, c = np.tile(A, 2), np.tile(B, 2), np.tile(C, 2)
    Xm = np.column_stack([np.ones(16), a, b, c, a * b, a * c, b * c, a * b * c])
    fit = sm.OLS(y, Xm).fit()
    eff_a = {nm: 2 * fit.params[i] for i, nm in [(1, "A"), (2, "B"), (3, "C"), (4, "AB")]}
    p_ab_a = fit.pvalues[4]
    # hand: contrasts
    ys = [Fraction(str(u)) + Fraction(str(v)) for u, v in zip(r1, r2)]
    con = lambda s: sum(int(si) * yi for si, yi in zip(s, ys))
    eff = {"A": con(A) / 8, "B": con(B) / 8, "C": con(C) / 8, "AB": con(A * B) / 8}
    mse = sum((Fraction(str(u)) - Fraction(str(v))) ** 2 / 2 for u, v in zip(r1, r2)) / 8
    ss_ab = con(A * B) ** 2 / 16
    F = float(ss_ab / mse)
    p_ab = h_f_sf(F, 1, 8)
    for k in eff:
        agree(eff_a[k], float(eff[k]), k)
    agree(p_ab_a, p_ab, "p_ab")
    ex = [E("effect_a", float(eff["A"]), tS(float(eff["A"]))), E("effect_b", float(eff["B"]), tS(float(eff["B"]))),
          E("effect_c", float(eff["C"]), tS(float(eff["C"]))), E("effect_ab", float(eff["AB"]), tS(float(eff["AB"]))),
          E("p_value_ab", p_ab, tP(p_ab))]
    return R(3, text, "2^3 x 2 replicates in standard order; distractors: date, reactor, batch, factor levels; "
                      "effects A, B, C, AB and p(AB) with 8-df pure error.",
             ["doe_effects"], ex, "2^3 with 2 replicates in prose (levels/date/batch are not data) -> effects A, B, C, AB, p(AB)")


@Q
def m30():
    corners = rd(rng.normal([52.0, 58.0, 55.0, 62.5], 0.6), 1)
    centre = rd(rng.normal(59.5, 0.6, 4), 1)
    text = ("Quick screening on the coating line: factors pressure (2.0 vs 3.0 bar) and flow (40 vs 60 L/min), one "
            "run at each corner plus 4 centre runs at 2.5 bar / 50 L/min. Line speed was held at 12 m/min and the oven "
            f"at 180 °C. Corner results (thickness, µm): (-,-) {f_(corners[0], 1)}, (+,-) {f_(corners[1], 1)}, "
            f"(-,+) {f_(corners[2], 1)}, (+,+) {f_(corners[3], 1)}. Centre runs: "
            + ", ".join(f_(v, 1) for v in centre)
            + ". Is there significant curvature? Give the curvature sum of squares, its F against pure error from the "
              "centre points, and the p-value.")
    bc = [float(v) for v in re.findall(r"\([-+],[-+]\) (\d+\.\d)", text)]
    bm = nums(text.split("Centre runs:")[1].split(". Is")[0])
    assert bc == corners and bm == centre
    # (a) OLS with centre indicator: residual = pure error
    a = np.array([-1, 1, -1, 1, 0, 0, 0, 0.0])
    b = np.array([-1, -1, 1, 1, 0, 0, 0, 0.0])
    ctr = np.array([0, 0, 0, 0, 1, 1, 1, 1.0])
    y = np.array(corners + centre)
    fit = sm.OLS(y, np.column_stack([np.ones(8), a, b, a * b, ctr])).fit()
    Fa = fit.tvalues[4] ** 2
    pa = fit.pvalues[4]
    # (b)
    yf, yc = Fraction(sum(Fraction(str(v)) for v in corners), 4), Fraction(sum(Fraction(str(v)) for v in centre), 4)
    ss = 4 * 4 * (yf - yc) ** 2 / 8
    mspe = sum((Fraction(str(v)) - yc) ** 2 for v in centre) / 3
    F = float(ss / mspe)
    p = h_f_sf(F, 1, 3)
    ssa = fit.params[4] ** 2 * 1 / (1 / 4 + 1 / 4)
    agree(ssa, float(ss), "ss")
    agree(Fa, F, "F")
    agree(pa, p, "p")
    ex = [E("ss_curvature", float(ss), tS(float(ss))), E("f_statistic", F, tS(F)), E("p_value", p, tP(p))]
    return R(3, text, "2^2 + 4 centre points in prose (levels, line speed, oven temp are distractors); single-df "
                      "curvature test vs pure error (3 df).",
             ["doe_curvature"], ex, "2^2 corners + 4 centres in prose -> curvature SS, F, p")


@Q
def m31():
    E_, conf, p0 = 0.03, 0.95, 0.88
    text = ("We want to estimate first-pass yield on the new SMT line to within ±3 percentage points with 95% "
            "confidence. Last quarter the yield was 88%. The lot is 2,400 boards, but ignore any finite-population "
            "correction. Each inspection costs about $4.50 and takes 6 minutes. How many boards do we need to inspect?")
    assert nums(text)[:3] == [3.0, 95.0, 88.0]
    za = stats.norm.ppf(0.975)
    na = math.ceil(za ** 2 * p0 * (1 - p0) / E_ ** 2)
    zb = ND.inv_cdf(0.975)
    nb = math.ceil(Fraction(zb) ** 2 * Fraction(88, 100) * Fraction(12, 100) / Fraction(3, 100) ** 2)
    n196 = math.ceil(Fraction(196, 100) ** 2 * Fraction(88, 100) * Fraction(12, 100) / Fraction(3, 100) ** 2)
    agree_int(na, nb, "n")
    assert n196 == nb
    ex = [E("sample_size", nb, 0)]
    return R(3, text, "Proportion CI sample size n = z^2 p(1-p)/E^2, p=0.88, E=0.03, 95%; lot size, cost, time are distractors.",
             ["sample_size_ci"], ex, "margin +-3 pts, 95%, prior 88% (lot size/cost distractors) -> n for a proportion")


@Q
def m32():
    n1, n2 = 24, 30
    m1 = rd(rng.normal(10.42, 0.03), 2)[0]
    m2 = rd(rng.normal(10.27, 0.03), 2)[0]
    s1 = rd(rng.uniform(0.28, 0.34), 2)[0]
    s2 = rd(rng.uniform(0.42, 0.48), 2)[0]
    text = (f"Part number 4471-B, measured on 3 March on CMM #2. Line 1: n = {n1}, mean {f_(m1, 2)} mm, SD {f_(s1, 2)} mm. "
            f"Line 2: n = {n2}, mean {f_(m2, 2)} mm, SD {f_(s2, 2)} mm. The drawing tolerance is ±0.5 mm. Don't pool "
            "the variances. I need the t statistic, degrees of freedom, two-sided p-value and a 95% confidence "
            "interval for mean(Line 1) - mean(Line 2).")
    g = re.findall(r"n = (\d+), mean (\d+\.\d+) mm, SD (\d+\.\d+) mm", text)
    assert [(int(a), float(b), float(c)) for a, b, c in g] == [(n1, m1, s1), (n2, m2, s2)]
    ra = stats.ttest_ind_from_stats(m1, s1, n1, m2, s2, n2, equal_var=False)
    va, vb = s1 ** 2 / n1, s2 ** 2 / n2
    df_a = (va + vb) ** 2 / (va ** 2 / (n1 - 1) + vb ** 2 / (n2 - 1))
    tca = stats.t.ppf(0.975, df_a)
    # hand in exact rationals
    V1 = Fraction(str(s1)) ** 2 / n1
    V2 = Fraction(str(s2)) ** 2 / n2
    d = Fraction(str(m1)) - Fraction(str(m2))
    se = math.sqrt(float(V1 + V2))
    t = float(d) / se
    df = float((V1 + V2) ** 2 / (V1 ** 2 / (n1 - 1) + V2 ** 2 / (n2 - 1)))
    p = h_t_two(t, df)
    tc = h_t_ppf(0.975, df)
    lo, hi = float(d) - tc * se, float(d) + tc * se
    agree(ra.statistic, t, "t")
    agree(ra.pvalue, p, "p")
    agree(df_a, df, "df")
    agree(float(d) - tca * math.sqrt(va + vb), lo, "lo")
    agree(float(d) + tca * math.sqrt(va + vb), hi, "hi")
    ex = [E("t_statistic", t, tS(t)), E("df", df, tS(df)), E("p_value", p, tP(p)),
          E("ci_lower", lo, tS(lo)), E("ci_upper", hi, tS(hi))]
    return R(3, text, "Summary-stat Welch t (part number, date, CMM #, tolerance are distractors); t, df, p, 95% CI of m1-m2.",
             ["summary_t_test"], ex, "two summaries in prose (part no., date, tolerance distractors) -> Welch t, df, p, 95% CI")


@Q
def m33():
    m = rd(rng.normal(25.013, 0.001), 3)[0]
    s = rd(rng.uniform(0.0035, 0.0045), 4)[0]
    text = (f"Bore diameters on drawing 77-1203 rev C: over 50 parts the average was {f_(m, 3)} mm with a standard "
            f"deviation of {f_(s, 4)} mm. Parts were measured at 20 °C after a 2-hour soak, gauge R&R was 8 % and we run "
            "3 shifts. What's our Cpk?")
    assert f_(m, 3) in text and f_(s, 4) in text
    return R(3, text, "REFUSE/ASK: Cpk needs the specification limits (LSL/USL or nominal and tolerance); none are "
                      "given - 20 °C, 8 %, 50, 3 shifts and the drawing number are not spec limits.",
             ["summary_capability"], [], "mean/SD with drawing no., temperature, R&R, but no spec limits -> refuse/ask",
             refuse=True)


@Q
def m34():
    gm = rd(rng.normal(50.10, 0.04), 2)[0]
    rb = rd(rng.uniform(0.70, 0.95), 2)[0]
    n = 4
    text = (f"Machine 3 ran two 8-hour shifts; we took 25 subgroups of 4 pistons each. Grand average {f_(gm, 2)} mm, "
            f"average range {f_(rb, 2)} mm. Nominal is 50.00 mm with a ±1.5 mm tolerance. What are the X-bar chart "
            "limits and the upper limit of the R chart (3-sigma)?")
    assert re.search(r"Grand average (\d+\.\d+) mm", text).group(1) == f_(gm, 2)
    assert float(re.search(r"average range (\d+\.\d+) mm", text).group(1)) == rb
    ca, cb = exact_consts(n, "a"), exact_consts(n, "b")
    for k in ("A2", "D4"):
        agree(ca[k], cb[k], k)
    xu, xl, ru = gm + cb["A2"] * rb, gm - cb["A2"] * rb, cb["D4"] * rb
    agree(gm + ca["A2"] * rb, xu, "xu")
    agree(ca["D4"] * rb, ru, "ru")
    var = xbar_r_tab(gm, rb, n)
    ex = [E("xbar_ucl", xu, chart_tol(xu, [v["xu"] for v in var])),
          E("xbar_lcl", xl, chart_tol(xl, [v["xl"] for v in var])),
          E("r_ucl", ru, chart_tol(ru, [v["ru"] for v in var]))]
    return R(3, text, "Xbar-R from summaries (n=4, 25 subgroups); nominal, tolerance, shifts, machine no. are distractors.",
             ["summary_chart"], ex, "grand mean + R-bar, n=4 in prose (tolerance/shift distractors) -> X-bar limits, R UCL")


@Q
def m35():
    m = rd(rng.normal(12.045, 0.004), 3)[0]
    s = rd(rng.uniform(0.034, 0.040), 3)[0]
    text = (f"125 shafts measured over 3 shifts at 21 °C. Overall mean {f_(m, 3)} mm, overall (long-term) standard "
            f"deviation {f_(s, 3)} mm. The spec is 12.00 ± 0.15 mm. What are Pp and Ppk?")
    mm = re.search(r"Overall mean (\d+\.\d+) mm, overall \(long-term\) standard deviation (\d+\.\d+) mm", text)
    assert float(mm.group(1)) == m and float(mm.group(2)) == s
    lsl, usl = 11.85, 12.15
    pp_a, ppk_a = (usl - lsl) / (6 * s), min(usl - m, m - lsl) / (3 * s)
    F = lambda v: Fraction(str(v))
    pp = (F(12.15) - F(11.85)) / (6 * F(s))
    ppk = min(F(12.15) - F(m), F(m) - F(11.85)) / (3 * F(s))
    agree(pp_a, float(pp), "pp")
    agree(ppk_a, float(ppk), "ppk")
    ex = [E("pp", float(pp), tS(float(pp))), E("ppk", float(ppk), tS(float(ppk)))]
    return R(3, text, "Summary capability with overall SD; spec 12.00±0.15; 125, 3 shifts, 21 °C are distractors.",
             ["summary_capability"], ex, "mean, overall SD, spec 12.00+-0.15 (count/temp distractors) -> Pp, Ppk")


def h_power_two_sample(n, d, alpha):
    df = 2 * n - 2
    lam = d * mp.sqrt(mp.mpf(n) / 2)
    c = mp.mpf(h_t_ppf(1 - alpha / 2, df))
    dens = lambda v: v ** (mp.mpf(df) / 2 - 1) * mp.exp(-v / 2) / (2 ** (mp.mpf(df) / 2) * mp.gamma(mp.mpf(df) / 2))
    up = mp.quad(lambda v: dens(v) * mp.ncdf(lam - c * mp.sqrt(v / df)), [0, df, mp.inf])
    lo = mp.quad(lambda v: dens(v) * mp.ncdf(-lam - c * mp.sqrt(v / df)), [0, df, mp.inf])
    return float(up), float(up + lo)


@Q
def m36():
    delta, sd = 2.5, 4.0
    text = ("Planning a comparison of two coating suppliers. The smallest difference in mean adhesion worth detecting "
            "is 2.5 N/mm; past data put the SD at about 4 N/mm. We'll use a two-sided two-sample t-test at alpha = 0.05 "
            "and want 90% power, equal group sizes - please base it on the noncentral t, not the z shortcut. Each pull test costs $350 and we have 6 weeks. How many specimens "
            "per supplier?")
    assert nums(text)[:2] == [2.5, 4.0]
    na = math.ceil(TTestIndPower().solve_power(effect_size=delta / sd, alpha=0.05, power=0.9, alternative="two-sided"))
    n = 2
    while True:
        one, both = h_power_two_sample(n, mp.mpf(delta) / sd, 0.05)
        if both >= 0.9:
            break
        n += 1
    n1 = 2
    while h_power_two_sample(n1, mp.mpf(delta) / sd, 0.05)[0] < 0.9:
        n1 += 1
    agree_int(na, n, "n")
    assert n1 == n
    ex = [E("n_per_group", n, 0)]
    return R(3, text, "Two-sample t sample size: d = 2.5/4, alpha .05 two-sided, power .9; cost and weeks are distractors.",
             ["power"], ex, "delta 2.5, SD 4, alpha .05, power 90% (cost/weeks distractors) -> n per group")


@Q
def m37():
    text = ("We're planning a response-surface study on the curing oven with 4 factors: temperature (160-200 °C), "
            "time (20-40 min), airflow (2-4 m/s) and belt load (10-30 kg). The plan is a central composite design "
            "built on the full 2^4 factorial, with axial (star) points and 7 centre runs; budget is 35 runs at $120 "
            "each. For the design to be rotatable, what axial distance alpha (coded units) do we need, how many "
            "axial runs are there and how many runs in total?")
    assert "2^4" in text and "7 centre runs" in text
    k, nc = 4, 7
    fac = np.array(list(itertools.product([-1, 1], repeat=k)), float)

    def design(al):
        ax = np.vstack([s * al * np.eye(k)[i] for i in range(k) for s in (-1, 1)])
        return np.vstack([fac, ax, np.zeros((nc, k))])
    f = lambda al: (design(al)[:, 0] ** 4).sum() - 3 * (design(al)[:, 0] ** 2 * design(al)[:, 1] ** 2).sum()
    al_a = optimize.brentq(f, 1.0, 3.0)
    al_b = float(mp.root(mp.mpf(2) ** k, 4))
    runs_a = len(design(al_a))
    runs_b = 2 ** k + 2 * k + nc
    agree(al_a, al_b, "alpha")
    agree_int(runs_a, runs_b, "runs")
    ex = [E("alpha", al_b, tM(al_b)), E("axial_runs", 2 * k, 0), E("total_runs", runs_b, 0)]
    return R(3, text, "Rotatable CCD, k=4 full factorial core, 7 centres: alpha=(2^4)^(1/4), runs; ranges/budget are distractors.",
             ["doe_design", "doe_properties"], ex, "rotatable CCD k=4 with 7 centres (ranges/budget distractors) -> alpha, axial runs, total runs")


@Q
def m38():
    n = 480
    x = int(rng.binomial(n, 0.034))
    text = (f"Of {n} boards from lot 2207 (built 14 Feb, reflow profile 4, 23 °C ambient), {x} had solder bridges. The "
            "contract allows at most 2.5% defective. Test at the 5% level whether the defective rate exceeds 2.5% - "
            "exact binomial test, one-sided. p-value?")
    m = re.search(r"Of (\d+) boards .+?\), (\d+) had", text)
    assert (int(m.group(1)), int(m.group(2))) == (n, x)
    ra = stats.binomtest(x, n, 0.025, alternative="greater")
    p0 = Fraction(1, 40)
    p = 1 - sum(Fraction(math.comb(n, k)) * p0 ** k * (1 - p0) ** (n - k) for k in range(x))
    agree(ra.pvalue, float(p), "p")
    ex = [E("p_value", float(p), tP(float(p))), E("sample_proportion", x / n, tS(x / n))]
    return R(3, text, "Exact binomial upper-tailed, x/480 vs 0.025; lot, date, profile, temperature are distractors.",
             ["proportion_test"], ex, "x of 480 vs 2.5% (lot/date/temp distractors) -> exact upper-tailed binomial p")


@Q
def m39():
    speeds = [1200, 1500, 1800]
    ys = {s: rd(0.80 + 0.0004 * (s - 1200) + rng.normal(0, 0.03, 3), 2) for s in speeds}
    text = ("Surface roughness trial on lathe 4 (insert lot 55, 6 % coolant, shop at 22 °C). At 1200 rpm we got "
            + ", ".join(f_(v, 2) for v in ys[1200][:2]) + f" and {f_(ys[1200][2], 2)} µm Ra; at 1500 rpm "
            + ", ".join(f_(v, 2) for v in ys[1500][:2]) + f" and {f_(ys[1500][2], 2)}; at 1800 rpm "
            + ", ".join(f_(v, 2) for v in ys[1800][:2]) + f" and {f_(ys[1800][2], 2)}. "
            "Fit Ra as a straight line in spindle speed and tell me the slope (per rpm), the intercept and the predicted Ra at 1650 rpm.")
    back = {}
    for s, seg in re.findall(r"(1200|1500|1800) rpm (?:we got )?([\d., and]+)", text):
        back[int(s)] = [float(v) for v in re.findall(r"\d+\.\d+", seg)]
    assert back == ys
    x = [float(s) for s in speeds for _ in range(3)]
    y = [v for s in speeds for v in ys[s]]
    fit = sm.OLS(y, sm.add_constant(x)).fit()
    pa = fit.predict([[1.0, 1650.0]])[0]
    h = slr_hand(x, y)
    pred = h["b0"] + h["b1"] * 1650
    agree(fit.params[1], h["b1"], "b1")
    agree(fit.params[0], h["b0"], "b0")
    agree(pa, pred, "pred")
    ex = [E("slope", h["b1"], 1e-3 * abs(h["b1"])), E("intercept", h["b0"], tS(h["b0"])),
          E("predicted_at_1650", pred, tS(pred))]
    return R(3, text, "3 speeds x 3 replicates in prose (lathe no., lot, coolant %, temperature are distractors); SLR + prediction.",
             ["regression"], ex, "replicated speeds in prose (lot/coolant/temp distractors) -> slope, intercept, prediction at 1650")


@Q
def m40():
    text = ("How many bearings do we need to measure to estimate the mean bore to within ±0.002 mm at 95% confidence? "
            "The lot is 5,000 bearings, our gauge resolution is 0.001 mm, each measurement costs $2 and the report is "
            "due 15 June.")
    assert "0.002" in text
    return R(3, text, "REFUSE/ASK: n = (z*sigma/E)^2 needs a standard deviation (or pilot data); none is given - the gauge "
                      "resolution, lot size and cost are not the process SD.",
             ["sample_size_ci"], [], "margin and confidence but no SD (resolution/lot/cost distractors) -> refuse/ask",
             refuse=True)


@Q
def m41():
    n = 200
    d = [int(v) for v in rng.binomial(n, 0.04, 20)]
    text = ("The conveyor runs at 45 units/min; every working day QC pulls a sample of 200 units and counts the "
            "defective ones. Last 20 days: " + ", ".join(str(v) for v in d)
            + ". Set up an np chart (3-sigma): centre line, UCL and LCL (use 0 if the LCL comes out negative).")
    back = [int(v) for v in text.split("Last 20 days:")[1].split(".")[0].split(",")]
    assert back == d
    npb_a = np.mean(d)
    pb_a = npb_a / n
    ucl_a = npb_a + 3 * np.sqrt(npb_a * (1 - pb_a))
    npb = Fraction(sum(d), 20)
    pb = npb / n
    sdv = math.sqrt(float(npb * (1 - pb)))
    ucl = float(npb) + 3 * sdv
    lcl = max(0.0, float(npb) - 3 * sdv)
    agree(npb_a, float(npb), "c")
    agree(ucl_a, ucl, "ucl")
    ex = [E("center", float(npb), tL(float(npb))), E("ucl", ucl, tL(ucl)), E("lcl", lcl, max(tL(lcl), 1e-6))]
    return R(3, text, "np chart with n=200; 45 units/min is a distractor; LCL floored at 0.",
             ["control_chart"], ex, "daily defective counts, n=200 (conveyor speed distractor) -> np chart centre, UCL, LCL")


@Q
def m42():
    text = ("For the injection-moulding screening we'll run a 2^(5-1) fractional factorial with generator E = ABCD "
            "(A melt temp 220/240 °C, B hold pressure 600/800 bar, C cooling 15/25 s, D mould temp 40/60 °C, E screw "
            "speed 80/120 rpm), plus 2 centre points. How many runs is that in total, and what is the resolution of the design?")
    assert "E = ABCD" in text
    # (a) from the coded matrix: all column products that are constant +1
    base = np.array(list(itertools.product([-1, 1], repeat=4)))
    M = np.column_stack([base, base.prod(axis=1)])
    words = []
    for r in range(1, 6):
        for S in itertools.combinations(range(5), r):
            col = M[:, list(S)].prod(axis=1)
            if np.all(col == 1):
                words.append(S)
    res_a = min(len(w) for w in words)
    runs_a = M.shape[0] + 2
    # (b) word algebra: I = ABCDE
    res_b = len(set("ABCD") ^ {"E"})
    agree_int(res_a, res_b, "res")
    agree_int(runs_a, 2 ** 4 + 2, "runs")
    ex = [E("total_runs", 18, 0), E("factorial_runs", 16, 0), E("resolution", res_b, 0)]
    return R(3, text, "2^(5-1), E=ABCD, 2 centres: 18 runs, resolution V; factor levels are distractors.",
             ["doe_design", "doe_properties"], ex, "2^(5-1) E=ABCD + 2 centres (levels distractors) -> runs, resolution")


# ==========================================================================
# KIND 4 -- mathematics typed informally  (m43..m56)
# ==========================================================================


@Q
def m43():
    s = "x^2*e^(3x)*sin x"
    text = f"whats the derivative of {s} , and what's its value at x = 0.5"
    same_expr(re.search(r"derivative of (.+?) ,", text).group(1), X ** 2 * sp.exp(3 * X) * sp.sin(X))
    f = X ** 2 * sp.exp(3 * X) * sp.sin(X)
    a = float(sp.diff(f, X).subs(X, sp.Rational(1, 2)).evalf(30))
    b = float(mp.diff(lambda t: t ** 2 * mp.exp(3 * t) * mp.sin(t), mp.mpf("0.5")))
    agree(a, b, "d")
    return R(4, text, "d/dx[x^2 e^{3x} sin x] at x=0.5.", ["differentiate"], [E("derivative_at_0_5", b, tM(b))],
             "informal product -> derivative value at 0.5")


@Q
def m44():
    text = "integrate x^2 e^(-2x) dx from 0 to inf"
    same_expr(re.search(r"integrate (.+?) dx", text).group(1), X ** 2 * sp.exp(-2 * X))
    a = sp.integrate(X ** 2 * sp.exp(-2 * X), (X, 0, sp.oo))
    b = mp.quad(lambda t: t ** 2 * mp.exp(-2 * t), [0, mp.inf])
    agree(float(a), float(b), "int")
    return R(4, text, "Improper integral int_0^oo x^2 e^{-2x} dx = 1/4.", ["integrate"],
             [E("integral", float(a), tM(float(a)))], "improper integral x^2 e^(-2x) on [0, inf) -> 1/4")


@Q
def m45():
    text = "lim x->0 of (sin(3x) - 3x)/x^3   ? i keep getting 9/2 but the answer key disagrees"
    same_expr(re.search(r"of (.+?)   \?", text).group(1), (sp.sin(3 * X) - 3 * X) / X ** 3)
    a = sp.limit((sp.sin(3 * X) - 3 * X) / X ** 3, X, 0)
    with mp.workdps(80):
        t = mp.mpf("1e-15")
        b = (mp.sin(3 * t) - 3 * t) / t ** 3
    agree(float(a), float(b), "lim")
    return R(4, text, "Limit (sin 3x - 3x)/x^3 as x->0 = -9/2.", ["limit"], [E("limit", float(a), tM(float(a)))],
             "limit at 0 of (sin3x-3x)/x^3 -> -4.5")


@Q
def m46():
    text = "sum of 1/(n(n+2)) for n = 1 to infinity?? also whats sum k^2 from k=1 to 20"
    same_expr(re.search(r"sum of (.+?) for", text).group(1), 1 / (N_ * (N_ + 2)))
    k = sp.Symbol("k", integer=True)
    a1 = sp.summation(1 / (N_ * (N_ + 2)), (N_, 1, sp.oo))
    a2 = sp.summation(k ** 2, (k, 1, 20))
    b1 = mp.nsum(lambda t: 1 / (t * (t + 2)), [1, mp.inf])
    b2 = sum(i * i for i in range(1, 21))
    agree(float(a1), float(b1), "s1")
    agree_int(int(a2), b2, "s2")
    return R(4, text, "Telescoping sum = 3/4; finite sum of squares 1..20 = 2870.", ["summation"],
             [E("infinite_sum", float(a1), tM(float(a1))), E("finite_sum", b2, 0)], "telescoping series + finite sum of squares")


@Q
def m47():
    text = "solve x^3 -6x^2+11x - 6.2 = 0 , i need all the real roots (smallest first)"
    same_expr(re.search(r"solve (.+?) = 0", text).group(1), X ** 3 - 6 * X ** 2 + 11 * X - sp.Rational(31, 5))
    poly = X ** 3 - 6 * X ** 2 + 11 * X - sp.Rational(31, 5)
    ra = sorted(float(r) for r in sp.real_roots(poly))
    f = lambda t: t ** 3 - 6 * t ** 2 + 11 * t - mp.mpf("6.2")
    rb = sorted(float(mp.findroot(f, g)) for g in (1.0, 2.0, 3.0))
    assert len(ra) == 3
    for i in range(3):
        agree(ra[i], rb[i], f"r{i}")
    return R(4, text, "Three real roots of x^3-6x^2+11x-6.2.", ["solve"],
             [E(f"root_{i + 1}", rb[i], tM(rb[i])) for i in range(3)], "cubic with three real roots -> sorted roots")


@Q
def m48():
    text = "f(x)=x^3-3x^2-9x+5 on the interval [-2,6]: absolute max and min, and where do they happen"
    same_expr(re.search(r"f\(x\)=(.+?) on", text).group(1), X ** 3 - 3 * X ** 2 - 9 * X + 5)
    f = X ** 3 - 3 * X ** 2 - 9 * X + 5
    cands = [sp.Integer(-2), sp.Integer(6)] + [c for c in sp.solve(sp.diff(f, X), X) if -2 <= c <= 6]
    vals = [(f.subs(X, c), c) for c in cands]
    amax, amin = max(vals), min(vals)
    # hand: critical points via quadratic formula on 3x^2 - 6x - 9
    disc = 36 + 4 * 3 * 9
    crit = [Fraction(6 - int(math.isqrt(disc)), 6), Fraction(6 + int(math.isqrt(disc)), 6)]
    assert math.isqrt(disc) ** 2 == disc
    g = lambda t: t ** 3 - 3 * t ** 2 - 9 * t + 5
    hv = [(g(Fraction(c)), Fraction(c)) for c in [Fraction(-2), Fraction(6)] + crit]
    hmax, hmin = max(hv), min(hv)
    assert int(amax[0]) == hmax[0] and int(amax[1]) == hmax[1] and int(amin[0]) == hmin[0] and int(amin[1]) == hmin[1]
    ex = [E("abs_max", int(hmax[0]), 0), E("x_at_abs_max", int(hmax[1]), 0),
          E("abs_min", int(hmin[0]), 0), E("x_at_abs_min", int(hmin[1]), 0)]
    return R(4, text, "Absolute extrema on [-2,6]: max 59 at x=6, min -22 at x=3.", ["extrema"], ex,
             "cubic on a closed interval -> absolute max/min and locations")


@Q
def m49():
    text = "for the matrix A = [[4,1,2],[1,3,0],[2,0,5]] find det(A), the (1,1) entry of A inverse and the biggest eigenvalue"
    rows = json.loads(re.search(r"A = (\[\[.+?\]\])", text).group(1))
    M = sp.Matrix(rows)
    assert rows == [[4, 1, 2], [1, 3, 0], [2, 0, 5]]
    det_a = M.det()
    inv_a = M.inv()[0, 0]
    ev_a = max(float(sp.re(v)) for v in M.eigenvals())
    F = [[Fraction(v) for v in r] for r in rows]
    det_b = (F[0][0] * (F[1][1] * F[2][2] - F[1][2] * F[2][1]) - F[0][1] * (F[1][0] * F[2][2] - F[1][2] * F[2][0])
             + F[0][2] * (F[1][0] * F[2][1] - F[1][1] * F[2][0]))
    inv_b = (F[1][1] * F[2][2] - F[1][2] * F[2][1]) / det_b
    ev_b = float(max(mp.eig(mp.matrix(rows))[0], key=lambda z: mp.re(z)).real)
    agree_int(int(det_a), int(det_b), "det")
    assert Fraction(int(sp.numer(inv_a)), int(sp.denom(inv_a))) == inv_b
    agree(ev_a, ev_b, "ev")
    ex = [E("determinant", int(det_b), 0), E("inverse_11", float(inv_b), tM(float(inv_b))),
          E("largest_eigenvalue", ev_b, tM(ev_b))]
    return R(4, text, "3x3 symmetric matrix: det 43, (A^-1)_11 = 15/43, largest eigenvalue.", ["matrix"], ex,
             "3x3 matrix in list syntax -> det, inverse (1,1), largest eigenvalue")


@Q
def m50():
    text = "if f(x) = x^2 g(x) and g(1) = 3, what is f'(1)?"
    assert "g(1) = 3" in text
    return R(4, text, "REFUSE/ASK: f'(1) = 2 g(1) + g'(1) needs g'(1), which is not given.",
             ["differentiate"], [], "f = x^2 g(x) with only g(1) given -> refuse/ask for g'(1)", refuse=True)


@Q
def m51():
    text = "simplify (x^3-8)/(x^2-4) and then what does it equal at x=2 (the simplified version i mean)"
    same_expr(re.search(r"simplify (.+?) and", text).group(1), (X ** 3 - 8) / (X ** 2 - 4))
    g = sp.cancel((X ** 3 - 8) / (X ** 2 - 4))
    a = g.subs(X, 2)
    b = Fraction(2 * 2 + 2 * 2 + 4, 2 + 2)  # (x^2+2x+4)/(x+2)
    with mp.workdps(50):
        h = mp.mpf("1e-20")
        bn = ((2 + h) ** 3 - 8) / ((2 + h) ** 2 - 4)
    agree(float(a), float(b), "v")
    agree(float(bn), float(b), "vn")
    return R(4, text, "(x^3-8)/(x^2-4) = (x^2+2x+4)/(x+2); value 3 at x=2.", ["simplify", "evaluate"],
             [E("value_at_2", float(b), tM(float(b)))], "rational function simplify -> value at removable point x=2")


@Q
def m52():
    text = "f = x^2 y^3 + e^(xy) , need the mixed partial d2f/dxdy at (1,2)"
    same_expr(re.search(r"f = (.+?) ,", text).group(1), X ** 2 * Y ** 3 + sp.exp(X * Y))
    f = X ** 2 * Y ** 3 + sp.exp(X * Y)
    a = float(sp.diff(f, X, Y).subs({X: 1, Y: 2}).evalf(30))
    b = float(mp.diff(lambda u, v: u ** 2 * v ** 3 + mp.exp(u * v), (1, 2), (1, 1)))
    agree(a, b, "fxy")
    return R(4, text, "f_xy = 6xy^2 + e^{xy}(1+xy) at (1,2) = 24 + 3e^2.", ["differentiate"],
             [E("fxy_at_1_2", b, tM(b))], "mixed partial of x^2y^3+e^(xy) at (1,2)")


@Q
def m53():
    text = "taylor series of e^x cos x around x=0 up to x^4. what are the coefficients of x^3 and x^4"
    same_expr(re.search(r"taylor series of (.+?) around", text).group(1), sp.exp(X) * sp.cos(X))
    s = sp.series(sp.exp(X) * sp.cos(X), X, 0, 5).removeO()
    a3, a4 = s.coeff(X, 3), s.coeff(X, 4)
    c = mp.taylor(lambda t: mp.exp(t) * mp.cos(t), 0, 4)
    agree(float(a3), float(c[3]), "c3")
    agree(float(a4), float(c[4]), "c4")
    return R(4, text, "e^x cos x = 1 + x - x^3/3 - x^4/6 + ...", ["series"],
             [E("coef_x3", float(a3), tM(float(a3))), E("coef_x4", float(a4), tM(float(a4)))],
             "Maclaurin series of e^x cos x -> coefficients of x^3, x^4")


@Q
def m54():
    text = "solve the system  2x + y - z = 1 ,  x - 3y + 2z = 4 ,  3x + 2y + z = 10"
    eqs_s = [e.strip() for e in text.split("system")[1].split(",")]
    xs, ys_, zs = sp.symbols("x y z")
    loc = {"x": xs, "y": ys_, "z": zs}
    eqs = [sp.Eq(parse_expr(e.split("=")[0], transformations=TR, local_dict=loc),
                 parse_expr(e.split("=")[1], transformations=TR, local_dict=loc)) for e in eqs_s]
    A = [[2, 1, -1], [1, -3, 2], [3, 2, 1]]
    bvec = [1, 4, 10]
    for e, row, rhs in zip(eqs, A, bvec):
        assert sp.expand(e.lhs - e.rhs - (row[0] * xs + row[1] * ys_ + row[2] * zs - rhs)) == 0
    sol = sp.solve(eqs, [xs, ys_, zs])
    F = [[Fraction(v) for v in r] for r in A]

    def det3(m):
        return (m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1]) - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
                + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]))
    D = det3(F)
    cr = []
    for j in range(3):
        Mj = [[(Fraction(bvec[i]) if c == j else F[i][c]) for c in range(3)] for i in range(3)]
        cr.append(det3(Mj) / D)
    for v, sym in zip(cr, (xs, ys_, zs)):
        assert Fraction(int(sp.numer(sol[sym])), int(sp.denom(sol[sym]))) == v
    return R(4, text, "3x3 linear system by Cramer/elimination.", ["solve"],
             [E(nm, float(v), tM(float(v))) for nm, v in zip(("x", "y", "z"), cr)], "3x3 linear system -> x, y, z")


@Q
def m55():
    text = "partial fractions for (3x+5)/((x+1)(x+2)) = A/(x+1) + B/(x+2), whats A and B, and then integrate it from 0 to 1"
    same_expr(re.search(r"for (.+?) = A", text).group(1), (3 * X + 5) / ((X + 1) * (X + 2)))
    ap = sp.apart((3 * X + 5) / ((X + 1) * (X + 2)), X)
    Aa = sp.limit(ap * (X + 1), X, -1)
    Ba = sp.limit(ap * (X + 2), X, -2)
    Ia = sp.integrate((3 * X + 5) / ((X + 1) * (X + 2)), (X, 0, 1))
    Ab = Fraction(3 * -1 + 5, -1 + 2)  # cover-up
    Bb = Fraction(3 * -2 + 5, -2 + 1)
    Ib = mp.quad(lambda t: (3 * t + 5) / ((t + 1) * (t + 2)), [0, 1])
    assert Fraction(int(Aa)) == Ab and Fraction(int(Ba)) == Bb
    agree(float(Ia), float(Ib), "I")
    return R(4, text, "A=2, B=1; integral over [0,1] = ln 6.", ["simplify", "integrate"],
             [E("a", float(Ab), tM(float(Ab))), E("b", float(Bb), tM(float(Bb))), E("integral", float(Ib), tM(float(Ib)))],
             "partial fractions A, B and definite integral on [0,1]")


@Q
def m56():
    text = "limit as x -> infinity of (1+3/x)^(2x)"
    same_expr(re.search(r"of (.+)$", text).group(1), (1 + 3 / X) ** (2 * X))
    a = sp.limit((1 + 3 / X) ** (2 * X), X, sp.oo)
    with mp.workdps(100):
        t = mp.mpf(10) ** 60
        b = mp.exp(2 * t * mp.log1p(3 / t))
    agree(float(a), float(b), "lim")
    return R(4, text, "lim (1+3/x)^{2x} = e^6.", ["limit"], [E("limit", float(a), tM(float(a)))],
             "limit at infinity (1+3/x)^(2x) -> e^6")


# ==========================================================================
# KIND 5 -- tests or methods named by the user  (m57..m70)
# ==========================================================================


@Q
def m57():
    while True:
        a = rd(rng.normal(14.2, 1.3, 8), 1)
        b = rd(rng.normal(12.9, 1.3, 9), 1)
        if len(set(a + b)) == 17:
            break
    text = ("Cure times (min) for adhesive A: " + ", ".join(f_(v, 1) for v in a) + "; adhesive B: "
            + ", ".join(f_(v, 1) for v in b)
            + ". Please run a Mann-Whitney U test, two-sided with the exact p-value. Report U for adhesive A "
              "(rank sum of A minus nA(nA+1)/2) and the Hodges-Lehmann estimate of the shift A - B.")
    ba = nums(text.split("adhesive A:")[1].split(";")[0])
    bb = nums(text.split("adhesive B:")[1].split(". Please")[0])
    assert ba == a and bb == b
    ra = stats.mannwhitneyu(a, b, alternative="two-sided", method="exact")
    hl_a = float(np.median(np.subtract.outer(a, b)))
    rk = h_rank(a + b)
    u = int(round(sum(rk[:8]) - 8 * 9 / 2))
    p = float(two_sided_from_counts(list(mw_counts(8, 9)), u))
    diffs = sorted(Fraction(str(x)) - Fraction(str(y)) for x in a for y in b)
    m = len(diffs)
    hl = (diffs[m // 2 - 1] + diffs[m // 2]) / 2 if m % 2 == 0 else diffs[m // 2]
    agree_int(ra.statistic, u, "U")
    agree(ra.pvalue, p, "p")
    agree(hl_a, float(hl), "hl")
    ex = [E("u_statistic", u, 0), E("p_value", p, tP(p)), E("hl_shift", float(hl), tS(float(hl)))]
    return R(5, text, "Mann-Whitney exact two-sided, U_A, HL shift A-B (no ties).", ["mann_whitney"], ex,
             "Mann-Whitney exact -> U for A, p, Hodges-Lehmann shift")


@Q
def m58():
    x = rd(rng.normal(51.0, 1.5, 16), 1)
    text = ("Moisture content (%) of 16 grain samples: " + " ".join(f_(v, 1) for v in x)
            + ". Wilcoxon signed-rank test of H0: median = 50 % against two-sided, using the normal approximation "
              "with the tie correction to the variance and no continuity correction; drop any zero differences. "
              "Give W+ (sum of ranks of the positive differences), the z statistic for W+ and the p-value.")
    back = nums(text.split("samples:")[1].split(". Wilcoxon")[0])
    assert back == x
    d = [round(v - 50.0, 1) for v in x]
    dn = [v for v in d if v != 0]
    n = len(dn)
    ra = stats.wilcoxon(np.array(x) - 50.0, zero_method="wilcox", correction=False, method="approx")
    rk = h_rank([abs(v) for v in dn])
    wp = sum(r for r, v in zip(rk, dn) if v > 0)
    ties = tie_groups([abs(v) for v in dn])
    var = n * (n + 1) * (2 * n + 1) / 24 - sum(t ** 3 - t for t in ties) / 48
    z = (wp - n * (n + 1) / 4) / math.sqrt(var)
    p = 2 * (1 - h_ncdf(abs(z)))
    dd = np.array(x) - 50.0
    dd = dd[np.abs(dd) > 1e-9]
    wpa = stats.rankdata(np.abs(dd))[dd > 0].sum()
    agree(wpa, wp, "w+")
    agree(ra.pvalue, p, "p")
    agree(abs(ra.zstatistic), abs(z), "z")
    assert ties  # the tie correction matters here
    ex = [E("w_plus", wp, 1e-6), E("z_statistic", z, tS(z)), E("p_value", p, tP(p))]
    return R(5, text, "One-sample Wilcoxon vs 50, normal approx, tie-corrected variance, no CC, zeros dropped.",
             ["wilcoxon_signed_rank"], ex, "one-sample Wilcoxon, normal approx with tie correction -> W+, z, p")


@Q
def m59():
    g = {"Supplier K": rd(rng.normal(34, 4, 6), 0), "Supplier L": rd(rng.normal(38, 4, 7), 0),
         "Supplier M": rd(rng.normal(31, 4, 5), 0)}
    text = ("Peel strength (N) by supplier -\n" + "\n".join(f"{k}: " + ", ".join(str(int(v)) for v in vs) for k, vs in g.items())
            + "\nKruskal-Wallis test please: H corrected for ties, degrees of freedom and the chi-square approximation p-value.")
    back = {m.group(1): [float(v) for v in m.group(2).split(", ")] for m in re.finditer(r"(Supplier [KLM]): (.+)", text)}
    assert back == g
    groups = list(g.values())
    ra = stats.kruskal(*groups)
    allv = [v for gg in groups for v in gg]
    N = len(allv)
    rk = h_rank(allv)
    pos = 0
    Hs = Fraction(0)
    for gg in groups:
        rs = Fraction(sum(Fraction(r) for r in rk[pos:pos + len(gg)]))
        Hs += rs * rs / len(gg)
        pos += len(gg)
    H = Fraction(12, N * (N + 1)) * Hs - 3 * (N + 1)
    ties = tie_groups(allv)
    C = 1 - Fraction(sum(t ** 3 - t for t in ties), N ** 3 - N)
    Hc = float(H / C)
    p = h_chi2_sf(Hc, 2)
    assert ties
    agree(ra.statistic, Hc, "H")
    agree(ra.pvalue, p, "p")
    ex = [E("h_statistic", Hc, tS(Hc)), E("df", 2, 0), E("p_value", p, tP(p))]
    return R(5, text, "Kruskal-Wallis with tie correction, chi-square approx, 3 groups.", ["kruskal_wallis"], ex,
             "Kruskal-Wallis (ties) -> H corrected, df, p")


@Q
def m60():
    nb, k = 8, 4
    eff = np.array([0.0, 0.4, 0.9, 0.2])
    while True:
        blocks = [rd(rng.normal(6.0, 0.8) + eff + rng.normal(0, 0.5, k), 1) for _ in range(nb)]
        if all(len(set(b)) == k for b in blocks):
            break
    hdr = "panelist  F1   F2   F3   F4"
    lines = [f"P{i + 1:<8}" + " ".join(f"{v:4.1f}" for v in b) for i, b in enumerate(blocks)]
    text = ("Taste scores, each of 8 panelists scored all four formulations:\n\n" + hdr + "\n" + "\n".join(lines)
            + "\n\nFriedman test (panelists as blocks): chi-square statistic, df and p-value (chi-square approximation).")
    back = [nums(l[9:]) for l in text.splitlines() if re.match(r"P\d", l)]
    assert back == blocks
    ra = stats.friedmanchisquare(*[list(c) for c in zip(*blocks)])
    Rj = [Fraction(0)] * k
    for b in blocks:
        rk = h_rank(b)
        for j in range(k):
            Rj[j] += Fraction(rk[j])
    Qs = Fraction(12, nb * k * (k + 1)) * sum(r * r for r in Rj) - 3 * nb * (k + 1)
    p = h_chi2_sf(float(Qs), k - 1)
    agree(ra.statistic, float(Qs), "Q")
    agree(ra.pvalue, p, "p")
    ex = [E("chi_square", float(Qs), tS(float(Qs))), E("df", k - 1, 0), E("p_value", p, tP(p))]
    return R(5, text, "Friedman, 8 blocks x 4 treatments, no within-block ties.", ["friedman"], ex,
             "Friedman (panelists x formulations) -> chi2, df, p")


@Q
def m61():
    g = {"Op 1": rd(rng.normal(10.0, 0.10, 8), 2), "Op 2": rd(rng.normal(10.0, 0.22, 8), 2),
         "Op 3": rd(rng.normal(10.0, 0.14, 8), 2)}
    text = ("Three operators measured the same gauge block 8 times each (mm):\n"
            + "\n".join(f"{k}: " + "  ".join(f_(v, 2) for v in vs) for k, vs in g.items())
            + "\nBrown-Forsythe test (Levene's test using absolute deviations from each operator's median) for "
              "equal variances: test statistic and p-value.")
    back = {m.group(1): nums(m.group(2)) for m in re.finditer(r"^(Op \d): (.+)$", text, re.M)}
    assert back == g
    groups = list(g.values())
    ra = stats.levene(*groups, center="median")
    z = [[abs(v - statistics.median(gg)) for v in gg] for gg in groups]
    F, p, _, _, _ = oneway_hand(z)
    agree(ra.statistic, F, "W")
    agree(ra.pvalue, p, "p")
    ex = [E("w_statistic", F, tS(F)), E("p_value", p, tP(p))]
    return R(5, text, "Brown-Forsythe (median-centred Levene), 3 groups of 8.", ["levene"], ex,
             "Brown-Forsythe (median Levene) -> W, p")


@Q
def m62():
    n1, n2 = 15, 17
    x1 = int(rng.binomial(n1, 0.2))
    x2 = int(rng.binomial(n2, 0.6))
    text = (f"Salt-spray results: supplier X, {x1} of {n1} panels failed; supplier Y, {x2} of {n2} panels failed. "
            "Fisher's exact test, two-sided (p-value), and the sample odds ratio (odds of failure X vs Y).")
    g = [tuple(int(v) for v in t) for t in re.findall(r"(\d+) of (\d+) panels", text)]
    assert g == [(x1, n1), (x2, n2)]
    tab = [[x1, n1 - x1], [x2, n2 - x2]]
    ra = stats.fisher_exact(tab)
    r1, c1, N = n1, x1 + x2, n1 + n2
    pr = lambda a: Fraction(math.comb(c1, a) * math.comb(N - c1, r1 - a), math.comb(N, r1))
    po = pr(x1)
    p = float(sum(pr(a) for a in range(max(0, r1 + c1 - N), min(r1, c1) + 1) if pr(a) <= po))
    orr = Fraction(x1 * (n2 - x2), (n1 - x1) * x2)
    agree(ra.pvalue, p, "p")
    agree(ra.statistic, float(orr), "or")
    ex = [E("p_value", p, tP(p)), E("odds_ratio", float(orr), tS(float(orr)))]
    return R(5, text, "Fisher exact two-sided 2x2 (failures by supplier), sample odds ratio.", ["proportion_test"], ex,
             "Fisher exact from 'x of n failed' -> p, sample odds ratio")


@Q
def m63():
    b = int(rng.poisson(15))
    c = int(rng.poisson(6))
    a = int(rng.poisson(150))
    d = 200 - a - b - c
    text = (f"The same 200 parts went through both the old visual check and the new camera. Both passed {a}, old "
            f"passed / camera failed {b}, old failed / camera passed {c}, both failed {d}. McNemar's test: give the "
            "exact (binomial) two-sided p-value, and also the chi-square statistic with continuity correction and its p-value.")
    m = re.findall(r"Both passed (\d+), old passed / camera failed (\d+), old failed / camera passed (\d+), both failed (\d+)", text)[0]
    assert tuple(int(v) for v in m) == (a, b, c, d) and d > 0
    tab = [[a, b], [c, d]]
    rex = sm_mcnemar(tab, exact=True)
    rcc = sm_mcnemar(tab, exact=False, correction=True)
    nn = b + c
    pe = float(min(Fraction(1), 2 * sum(Fraction(math.comb(nn, k), 2 ** nn) for k in range(min(b, c) + 1))))
    chi = Fraction((abs(b - c) - 1) ** 2, b + c)
    pc = h_chi2_sf(float(chi), 1)
    agree(rex.pvalue, pe, "pe")
    agree(rcc.statistic, float(chi), "chi")
    agree(rcc.pvalue, pc, "pc")
    ex = [E("p_value_exact", pe, tP(pe)), E("chi_square_cc", float(chi), tS(float(chi))), E("p_value_chi_square", pc, tP(pc))]
    return R(5, text, "McNemar: exact binomial on discordant pairs and continuity-corrected chi-square.", ["mcnemar"], ex,
             "McNemar from a described 2x2 -> exact p, chi2 with CC, its p")


def swilk_hand(x):
    """Royston (1992) approximation, AS R94, written out."""
    n = len(x)
    xs = sorted(x)
    m = [ND.inv_cdf((i - 0.375) / (n + 0.25)) for i in range(1, n + 1)]
    mm = math.fsum(v * v for v in m)
    u = 1 / math.sqrt(n)
    an = m[-1] / math.sqrt(mm) + 0.221157 * u - 0.147981 * u ** 2 - 2.071190 * u ** 3 + 4.434685 * u ** 4 - 2.706056 * u ** 5
    an1 = m[-2] / math.sqrt(mm) + 0.042981 * u - 0.293762 * u ** 2 - 1.752461 * u ** 3 + 5.682633 * u ** 4 - 3.582633 * u ** 5
    phi = (mm - 2 * m[-1] ** 2 - 2 * m[-2] ** 2) / (1 - 2 * an ** 2 - 2 * an1 ** 2)
    a = [v / math.sqrt(phi) for v in m]
    a[-1], a[-2], a[0], a[1] = an, an1, -an, -an1
    mean = h_mean(xs)
    W = math.fsum(ai * xi for ai, xi in zip(a, xs)) ** 2 / math.fsum((v - mean) ** 2 for v in xs)
    ln = math.log(n)
    mu = 0.0038915 * ln ** 3 - 0.083751 * ln ** 2 - 0.31082 * ln - 1.5861
    sg = math.exp(0.0030302 * ln ** 2 - 0.082676 * ln - 0.4803)
    z = (math.log(1 - W) - mu) / sg
    return W, 1 - h_ncdf(z)


@Q
def m64():
    x = rd(rng.gamma(4.0, 0.6, 20) + 10.0, 2)
    text = ("Before I run a capability study I'd like to check normality. Flatness readings (µm): "
            + ", ".join(f_(v, 2) for v in x) + ". Shapiro-Wilk W and p-value please.")
    back = nums(text.split("(µm):")[1].split(". Shapiro")[0])
    assert back == x
    ra = stats.shapiro(x)
    W, p = swilk_hand(x)
    agree(ra.statistic, W, "W")
    agree(ra.pvalue, p, "p", rel=2e-4 if p < 0.01 else 1e-4)
    ex = [E("w_statistic", W, tS(W)), E("p_value", p, tP(p))]
    return R(5, text, "Shapiro-Wilk on 20 values (Royston).", ["normality"], ex, "Shapiro-Wilk -> W, p")


@Q
def m65():
    g = {"Machine 1": rd(rng.normal(5.0, 0.3, 5), 2), "Machine 2": rd(rng.normal(5.2, 0.3, 7), 2),
         "Machine 3": rd(rng.normal(4.9, 0.3, 6), 2)}
    text = ("Pin heights from three separate machines - different parts on each machine, nothing matched:\n"
            + "\n".join(f"{k}: " + ", ".join(f_(v, 2) for v in vs) for k, vs in g.items())
            + "\nPlease run a Friedman test on these three machines and give me the p-value.")
    back = {m.group(1): nums(m.group(2)) for m in re.finditer(r"^(Machine \d): (.+)$", text, re.M)}
    assert back == g
    return R(5, text, "REFUSE/ASK: Friedman needs every treatment measured in every block; these are independent groups "
                      "of unequal size (5, 7, 6) with no blocking - point out the mismatch (Kruskal-Wallis would fit) "
                      "and ask before substituting.",
             ["friedman"], [], "Friedman requested on independent unequal groups -> refuse/ask", refuse=True)


@Q
def m66():
    n = 10
    while True:
        x = rd(rng.uniform(20, 80, n), 1)
        y = rd(0.5 * np.array(x) + rng.normal(0, 9, n), 1)
        if len(set(x)) == n and len(set(y)) == n:
            break
    text = ("Operator experience (months) vs first-time-right score for 10 trainees:\nexperience: "
            + ", ".join(f_(v, 1) for v in x) + "\nscore: " + ", ".join(f_(v, 1) for v in y)
            + "\nKendall's tau-b with the exact two-sided p-value, and Spearman's rho as well.")
    assert nums(re.search(r"experience: (.+)", text).group(1)) == x
    assert nums(re.search(r"score: (.+)", text).group(1)) == y
    ra = stats.kendalltau(x, y, method="exact")
    rs = stats.spearmanr(x, y).statistic
    conc = disc = 0
    for i in range(n):
        for j in range(i + 1, n):
            s = (x[i] - x[j]) * (y[i] - y[j])
            conc += s > 0
            disc += s < 0
    tau = Fraction(conc - disc, n * (n - 1) // 2)
    p = float(two_sided_from_counts(mahonian(n), disc))
    rx, ry = h_rank(x), h_rank(y)
    rho = 1 - Fraction(6 * sum(Fraction(a - b) ** 2 for a, b in zip(rx, ry))) / (n * (n * n - 1))
    agree(ra.statistic, float(tau), "tau")
    agree(ra.pvalue, p, "p")
    agree(rs, float(rho), "rho")
    ex = [E("kendall_tau", float(tau), tS(float(tau))), E("p_value_exact", p, tP(p)),
          E("spearman_rho", float(rho), tS(float(rho)))]
    return R(5, text, "Kendall tau-b exact p (no ties, n=10) and Spearman rho.", ["correlation"], ex,
             "Kendall tau-b exact + Spearman rho")


def tukey_p_hand(q, k, nu):
    """P(Q > q) for the studentized range, double integral on grids (Simpson)."""
    z = np.linspace(-9, 9, 2401)
    wz = _simpw(len(z), z[1] - z[0])
    s = np.linspace(1e-9, 4.0, 4001)
    ws = _simpw(len(s), s[1] - s[0])
    Phi = lambda t: 0.5 * special.erfc(-t / math.sqrt(2))
    phi = np.exp(-z ** 2 / 2) / math.sqrt(2 * math.pi)
    logc = (nu / 2) * math.log(nu) - math.lgamma(nu / 2) - (nu / 2 - 1) * math.log(2)
    fs = np.exp(logc + (nu - 1) * np.log(s) - nu * s ** 2 / 2)
    Z, S = np.meshgrid(z, s, indexing="ij")
    inner = k * (wz @ (phi[:, None] * (Phi(Z) - Phi(Z - q * S)) ** (k - 1)))
    cdf = float(ws @ (fs * inner))
    return 1 - cdf


@Q
def m67():
    names = ["A", "B", "C", "D"]
    mus = [24.0, 24.5, 24.6, 24.1]
    g = {nm: rd(rng.normal(mu, 1.0, 6), 1) for nm, mu in zip(names, mus)}
    text = ("Gloss readings for four coatings, six panels each:\n"
            + "\n".join(f"coating {k} = " + ", ".join(f_(v, 1) for v in vs) for k, vs in g.items())
            + "\nOne-way ANOVA, then Tukey's HSD. What's the ANOVA F, and for the pair B vs D the difference in means "
              "(B - D) and the Tukey-adjusted p-value?")
    back = {m.group(1): nums(m.group(2)) for m in re.finditer(r"coating ([A-D]) = (.+)", text)}
    assert back == g
    groups = [g[k] for k in names]
    F, pF, mse, dfb, dfw = oneway_hand(groups)
    ra = stats.tukey_hsd(*groups)
    p_a = ra.pvalue[1, 3]
    diff = h_mean(g["B"]) - h_mean(g["D"])
    qst = abs(diff) / math.sqrt(mse / 6)
    p_b = tukey_p_hand(qst, 4, dfw)
    agree(stats.f_oneway(*groups).statistic, F, "F")
    agree(ra.statistic[1, 3], diff, "diff")
    agree(p_a, p_b, "p")
    assert 1e-3 < p_b < 0.5
    ex = [E("f_statistic", F, tS(F)), E("mean_difference_bd", diff, tS(diff)), E("p_tukey_bd", p_b, tP(p_b))]
    return R(5, text, "One-way ANOVA + Tukey HSD; pair B-D difference and adjusted p.", ["anova_oneway"], ex,
             "ANOVA + Tukey HSD -> F, B-D difference, Tukey p")


@Q
def m68():
    text = ("We put the same 200 parts through the old visual check and the new camera. The old check passed 170 of "
            "them and the camera passed 158. Run McNemar's test and tell me if the two methods differ.")
    assert nums(text) == [200.0, 170.0, 158.0]
    return R(5, text, "REFUSE/ASK: McNemar needs the discordant counts (old pass/camera fail and vice versa); only the "
                      "marginal pass totals are given, which do not determine them.",
             ["mcnemar"], [], "McNemar requested with only marginal totals -> refuse/ask", refuse=True)


@Q
def m69():
    lam, L, mu0, sg = 0.2, 3.0, 10.0, 0.5
    x = rd(np.concatenate([rng.normal(10.0, 0.5, 10), rng.normal(10.75, 0.5, 10)]), 2)
    text = ("Hourly viscosity readings (cP): " + ", ".join(f_(v, 2) for v in x)
            + ". EWMA chart with lambda = 0.2 and L = 3, target 10.0, known sigma 0.5, EWMA started at the target, "
              "exact time-varying limits. At which sample does it first signal, what is the EWMA value there and the "
              "UCL at that sample? Also the steady-state (asymptotic) UCL.")
    back = nums(text.split("(cP):")[1].split(". EWMA")[0])
    assert back == x
    # (a) lfilter
    za = signal.lfilter([lam], [1, -(1 - lam)], x, zi=[(1 - lam) * mu0])[0]
    i_ = np.arange(1, 21)
    ucla = mu0 + L * sg * np.sqrt(lam / (2 - lam) * (1 - (1 - lam) ** (2 * i_)))
    lcla = 2 * mu0 - ucla
    sa = int(np.argmax((za > ucla) | (za < lcla))) + 1
    assert ((za > ucla) | (za < lcla)).any()
    # (b) exact rationals
    lf = Fraction(1, 5)
    zf = Fraction(10)
    first = None
    for i, v in enumerate(x, 1):
        zf = lf * Fraction(str(v)) + (1 - lf) * zf
        w = 3 * 0.5 * math.sqrt(float(lf / (2 - lf) * (1 - (1 - lf) ** (2 * i))))
        if first is None and (float(zf) > 10 + w or float(zf) < 10 - w):
            first, zsig, usig = i, float(zf), 10 + w
    agree_int(sa, first, "first")
    assert np.all(np.minimum(ucla - za, za - lcla)[: first - 1] > 0.02)  # no near-miss before the signal
    agree(za[sa - 1], zsig, "z")
    agree(ucla[sa - 1], usig, "ucl")
    uss = 10 + 1.5 * math.sqrt(0.2 / 1.8)
    ex = [E("first_signal", first, 0), E("ewma_at_signal", zsig, tL(zsig)), E("ucl_at_signal", usig, tL(usig)),
          E("ucl_steady_state", uss, tL(uss))]
    return R(5, text, "EWMA lambda .2, L 3, mu0 10, sigma .5, z0 = target, exact limits.", ["control_chart"], ex,
             "EWMA chart -> first signal, EWMA and UCL there, asymptotic UCL")


@Q
def m70():
    mu0, sg = 25.0, 0.4
    x = rd(np.concatenate([rng.normal(25.0, 0.4, 12), rng.normal(25.45, 0.4, 12)]), 2)
    text = ("Fill weights (g), in order: " + " ".join(f_(v, 2) for v in x)
            + "\nTabular CUSUM with target 25.0 g and known sigma 0.4 g, reference value k = 0.5 sigma, decision interval "
              "h = 5 sigma, both sums starting at 0, no reset after a signal. Which sample first gives a signal (C+ or C- "
              "exceeding h), what is C+ at that sample, and what are C+ and C- after the last sample?")
    back = nums(text.split("in order:")[1].split("\n")[0])
    assert back == x
    K, H = 0.2, 2.0
    # (a) numpy loop
    cp = np.zeros(25)
    cm = np.zeros(25)
    for i in range(24):
        cp[i + 1] = max(0.0, x[i] - (mu0 + K) + cp[i])
        cm[i + 1] = max(0.0, (mu0 - K) - x[i] + cm[i])
    sig_a = np.where((cp[1:] > H) | (cm[1:] > H))[0]
    assert len(sig_a)
    first_a = int(sig_a[0]) + 1
    # (b) exact rationals
    cpf = cmf = Fraction(0)
    first = None
    for i, v in enumerate(x, 1):
        v = Fraction(str(v))
        cpf = max(Fraction(0), v - Fraction(252, 10) + cpf)
        cmf = max(Fraction(0), Fraction(248, 10) - v + cmf)
        if first is None and (cpf > 2 or cmf > 2):
            first, cps = i, cpf
            assert cpf > 2
    agree_int(first_a, first, "first")
    agree(cp[first], float(cps), "cp")
    agree(cp[24], float(cpf), "cpN")
    if cmf != 0:
        agree(cm[24], float(cmf), "cmN")
    else:
        assert cm[24] == 0
    ex = [E("first_signal", first, 0), E("c_plus_at_signal", float(cps), tS(float(cps))),
          E("c_plus_final", float(cpf), tS(float(cpf))), E("c_minus_final", float(cmf), max(tS(float(cmf)), 1e-6))]
    return R(5, text, "Tabular CUSUM k=0.5 sigma, h=5 sigma, no reset.", ["control_chart"], ex,
             "tabular CUSUM -> first signal, C+ there, final C+ and C-")


# ==========================================================================
# driver
# ==========================================================================


def main():
    recs = []
    summaries = []
    for i, fn in enumerate(QUESTIONS, 1):
        qid = f"m{i:02d}"
        assert fn.__name__ == qid, (fn.__name__, qid)
        r = fn()
        recs.append({"id": qid, "kind": r["kind"], "question": r["question"], "intent": r["intent"],
                     "tools": r["tools"], "expect": r["expect"], "refuse": r["refuse"]})
        summaries.append((qid, r["kind"], r["summary"], r["refuse"]))
    assert len(recs) == 70
    for i, rec in enumerate(recs):
        assert rec["kind"] == KINDS[i // 14 + 1]
    refusals = [r["id"] for r in recs if r["refuse"]]
    assert len(refusals) == 7
    assert len({r["kind"] for r in recs if r["refuse"]}) == 5
    body = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs)
    with open(os.path.join(HERE, "round41.jsonl"), "w", encoding="utf-8", newline="\n") as fh:
        fh.write(body)
    md5 = hashlib.md5(body.encode("utf-8")).hexdigest()
    counts = {k: sum(1 for r in recs if r["kind"] == k) for k in KINDS.values()}
    meta = {"round": 41, "n_questions": len(recs), "counts_per_kind": counts,
            "refusals": {r["id"]: r["intent"] for r in recs if r["refuse"]},
            "n_expected_values": sum(len(r["expect"]) for r in recs),
            "seed": 41414141, "md5_round41_jsonl": md5}
    with open(os.path.join(HERE, "round41_meta.json"), "w", encoding="utf-8", newline="\n") as fh:
        fh.write(json.dumps(meta, indent=2, ensure_ascii=False) + "\n")
    write_readme(md5, counts, refusals, summaries)
    cs = ",".join(f"{k}={v}" for k, v in counts.items())
    print(f"OK {md5} {cs} {' '.join(refusals)}")


KIND_TITLES = {
    "tables": "Kind 1 - tables that are not plain numeric columns (m01-m14)",
    "wording": "Kind 2 - intent carried by wording (m15-m28)",
    "prose": "Kind 3 - numbers in prose with roles and distractors (m29-m42)",
    "maths": "Kind 4 - mathematics typed informally (m43-m56)",
    "named": "Kind 5 - tests or methods named by the user (m57-m70)",
}


def write_readme(md5, counts, refusals, summaries):
    L = []
    L.append("# Blind round 41")
    L.append("")
    L.append("70 questions for a maths / statistics / engineering question-answering agent, written blind: the only "
             "project file consulted was `TOOLS.txt` (the agent's tool list). Questions are phrased the way outside "
             "users type them (engineers, quality people, statisticians, students).")
    L.append("")
    L.append("## How it was written")
    L.append("")
    L.append("- One generator, `make_round41.py`, builds every question text, its intent, the tools it needs and the "
             "expected values. Data are drawn from `numpy.random.default_rng(41414141)` in id order and rounded at "
             "draw time, so the printed decimals are exactly the data.")
    L.append("- Every expected value is computed twice and the two must agree (relative 1e-4, integers exactly): "
             "(a) with a library (scipy.stats, statsmodels, sympy, numpy) and (b) independently by hand - explicit "
             "formulas in exact rationals where possible, mpmath incomplete beta/gamma for t, F and chi-square tails, "
             "exact null distributions by enumeration (signed-rank, Mann-Whitney, Kendall, Fisher, binomial), "
             "Royston's Shapiro-Wilk written out, mpmath quadrature for power, grid quadrature for the studentized "
             "range and for exact d2/d3 control-chart constants, mpmath for calculus.")
    L.append("- Each question's data are parsed back out of its own text (regex / csv / json / sympy parsing) and "
             "asserted equal to the drawn data.")
    L.append("- Tolerances (absolute, stored per value): test statistics and SDs 0.1 % of the value; p-values 0.1 % "
             "relative with a 1e-6 floor; means/CI ends/limits with a large offset 1e-5 relative; control-chart "
             "limits widened to cover tabulated vs exact constants (A2, D4, d2, 2.66 vs 3/d2); capability from "
             "R-bar/d2 widened for tabulated vs exact d2; mathematics 1e-4 relative + 1e-6; integers 0.")
    L.append("- `refuse: true` marks 7 questions that a careful agent must refuse or ask about (contradictory or "
             "missing essential information); their `expect` is empty and the reason is in `intent`.")
    L.append("")
    L.append("## Files")
    L.append("")
    L.append("- `make_round41.py` - the generator (run with the project's Python: numpy, scipy, statsmodels, sympy, mpmath).")
    L.append("- `round41.jsonl` - 70 lines with keys `id, kind, question, intent, tools, expect, refuse`; `expect` is a "
             "list of `{name, value, tol}` (absolute tolerance, 0 for integers).")
    L.append("- `round41_meta.json` - counts per kind, refusal ids with reasons, md5 of `round41.jsonl`.")
    L.append("- `README.md` - this file (also written by the generator).")
    L.append("")
    L.append("## Determinism")
    L.append("")
    L.append("`python make_round41.py` rewrites all three output files byte-identically and ends by printing "
             "`OK <md5> <counts> <refusal ids>`.")
    L.append("")
    L.append(f"- md5 of round41.jsonl: `{md5}`")
    L.append("- counts: " + ", ".join(f"{k} {v}" for k, v in counts.items()))
    L.append("- refusals: " + ", ".join(refusals))
    L.append("")
    for kind, title in KIND_TITLES.items():
        L.append(f"## {title}")
        L.append("")
        for qid, k, summ, ref in summaries:
            if k == kind:
                L.append(f"- {qid}: {summ}" + (" [REFUSE]" if ref else ""))
        L.append("")
    with open(os.path.join(HERE, "README.md"), "w", encoding="utf-8", newline="\n") as fh:
        fh.write("\n".join(L))


if __name__ == "__main__":
    main()
