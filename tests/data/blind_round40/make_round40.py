#!/usr/bin/env python3
"""make_round40.py -- generator for blind question set round 40.

Builds 70 questions (k01..k70, five kinds of 14), their intent, the tools they
need (names from TOOLS.txt) and the expected values.  Every expected value is
computed twice -- (a) with a library (scipy / statsmodels / sympy / numpy) and
(b) independently by hand (explicit formulas, exact fractions, enumeration of
exact null distributions, mpmath quadrature) -- and the two must agree
(relative 1e-4, integers exactly).  The data of every question are parsed back
out of the question text and compared with the drawn data.

Data come from numpy.random.default_rng(40404040), drawn in id order and
rounded at draw time: the printed decimals *are* the data.

Running the script rewrites round40.jsonl, round40_meta.json and README.md
byte-identically and prints  OK <md5> <counts> <refusal ids>.
"""
import hashlib
import itertools
import json
import math
import os
import re
from fractions import Fraction as Fr

import mpmath as mp
import numpy as np
import pandas as pd
import scipy.stats as st
import statsmodels.formula.api as smf
import sympy as sp
from scipy import integrate as sint
from statsmodels.stats.anova import anova_lm
from statsmodels.stats.contingency_tables import mcnemar as sm_mcnemar
from statsmodels.stats.power import TTestIndPower
from statsmodels.stats.proportion import proportion_confint, proportions_ztest
from sympy.parsing.sympy_parser import (convert_xor, implicit_multiplication_application,
                                        parse_expr, standard_transformations)

HERE = os.path.dirname(os.path.abspath(__file__))
mp.mp.dps = 30
rng = np.random.default_rng(40404040)

TOOLS = set()
with open(os.path.join(HERE, "TOOLS.txt"), encoding="utf-8") as fh:
    for line in fh:
        if line.strip():
            TOOLS.add(line.split()[0])

# --------------------------------------------------------------------------
# generic helpers
# --------------------------------------------------------------------------


def draw(arr, d):
    """Round at draw time: the printed decimals are the data."""
    return [float(f"{v:.{d}f}") for v in np.asarray(arr, dtype=float).ravel()]


def fm(v, d):
    return f"{v:.{d}f}"


def FR(v):
    return v if isinstance(v, Fr) else Fr(str(v))


def M(fr):
    fr = FR(fr)
    return mp.mpf(fr.numerator) / fr.denominator


def agree(a, b, what):
    a = float(a)
    b = float(b)
    if not abs(a - b) <= 1e-4 * max(abs(a), abs(b)) + 1e-12:
        raise AssertionError(f"{what}: library {a!r} vs hand {b!r}")
    return a


def agree_int(a, b, what):
    if not (float(a) == float(b) and float(a) == int(round(float(a)))):
        raise AssertionError(f"{what}: {a!r} vs {b!r}")
    return int(round(float(a)))


def same(parsed, data, what):
    parsed = [float(p) for p in parsed]
    data = [float(x) for x in data]
    if parsed != data:
        raise AssertionError(f"parse-back failed for {what}: {parsed} vs {data}")


def nums(s):
    return [float(t) for t in re.findall(r"-?\d+(?:\.\d+)?", s)]


def E(name, value, tol):
    if isinstance(value, (int, np.integer)) and not isinstance(value, bool):
        return {"name": name, "value": int(value), "tol": 0}
    return {"name": name, "value": float(f"{float(value):.10g}"), "tol": float(f"{float(tol):.3g}")}


def t_stat(v):      # test statistics, SDs, indices: 0.1 % relative
    return max(1e-3 * abs(v), 1e-6)


def t_p(v):         # p-values: 0.1 % relative, floor 1e-6
    return max(1e-3 * abs(v), 1e-6)


def t_loc(v, spread):  # location-type values (means, CI bounds, limits)
    return 1e-5 * abs(v) + 1e-3 * abs(spread) + 1e-9


def t_math(v):
    return 1e-4 * abs(v) + 1e-6


# --------------------------------------------------------------------------
# hand (independent) distribution functions, mpmath
# --------------------------------------------------------------------------


def H_Phi(z):
    return mp.erfc(-mp.mpf(z) / mp.sqrt(2)) / 2


def H_norm_sf(z):
    return mp.erfc(mp.mpf(z) / mp.sqrt(2)) / 2


def H_z(p):
    return mp.sqrt(2) * mp.erfinv(2 * mp.mpf(p) - 1)


def H_t_sf(t, df):
    t = mp.mpf(t)
    df = mp.mpf(df)
    half = mp.betainc(df / 2, mp.mpf(1) / 2, 0, df / (df + t * t), regularized=True) / 2
    return half if t >= 0 else 1 - half


def H_t_two(t, df):
    return 2 * H_t_sf(abs(mp.mpf(t)), df)


def H_t_ppf(p, df):
    return mp.findroot(lambda t: (1 - H_t_sf(t, df)) - p, H_z(p))


def H_F_sf(F, d1, d2):
    F = mp.mpf(F)
    d1 = mp.mpf(d1)
    d2 = mp.mpf(d2)
    return mp.betainc(d2 / 2, d1 / 2, 0, d2 / (d2 + d1 * F), regularized=True)


def H_chi2_sf(x, k):
    return mp.gammainc(mp.mpf(k) / 2, mp.mpf(x) / 2, mp.inf, regularized=True)


def H_mean(xs):
    xs = [FR(x) for x in xs]
    return sum(xs) / len(xs)


def H_var(xs):
    xs = [FR(x) for x in xs]
    m = sum(xs) / len(xs)
    return sum((x - m) ** 2 for x in xs) / (len(xs) - 1)


def H_sd(xs):
    return mp.sqrt(M(H_var(xs)))


def H_median(xs):
    xs = sorted(FR(x) for x in xs)
    n = len(xs)
    return xs[n // 2] if n % 2 else (xs[n // 2 - 1] + xs[n // 2]) / 2


def H_ranks(xs):
    xs = [FR(x) for x in xs]
    order = sorted(range(len(xs)), key=lambda i: xs[i])
    r = [None] * len(xs)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and xs[order[j + 1]] == xs[order[i]]:
            j += 1
        avg = Fr(i + 1 + j + 1, 2)
        for k in range(i, j + 1):
            r[order[k]] = avg
        i = j + 1
    return r


def H_anova(groups):
    groups = [[FR(v) for v in g] for g in groups]
    allv = [v for g in groups for v in g]
    N = len(allv)
    k = len(groups)
    gm = sum(allv) / N
    means = [sum(g) / len(g) for g in groups]
    ssb = sum(len(g) * (m - gm) ** 2 for g, m in zip(groups, means))
    ssw = sum(sum((v - m) ** 2 for v in g) for g, m in zip(groups, means))
    msw = ssw / (N - k)
    F = (ssb / (k - 1)) / msw
    return M(F), H_F_sf(M(F), k - 1, N - k), M(msw)


def H_pearson(x, y):
    x = [FR(v) for v in x]
    y = [FR(v) for v in y]
    mx = sum(x) / len(x)
    my = sum(y) / len(y)
    sxy = sum((a - mx) * (b - my) for a, b in zip(x, y))
    sxx = sum((a - mx) ** 2 for a in x)
    syy = sum((b - my) ** 2 for b in y)
    return M(sxy) / mp.sqrt(M(sxx) * M(syy))


# SPC constants: exact, computed two ways --------------------------------


def L_d2(n):
    f = lambda x: 1 - st.norm.cdf(x) ** n - st.norm.sf(x) ** n
    return sint.quad(f, -np.inf, np.inf, epsabs=1e-13, epsrel=1e-13, limit=200)[0]


def H_d2(n):
    with mp.workdps(20):
        return mp.quad(lambda x: 1 - H_Phi(x) ** n - (1 - H_Phi(x)) ** n, [-mp.inf, 0, mp.inf])


def L_d3(n):
    g = lambda y, x: ((y - x) ** 2 * n * (n - 1) * st.norm.pdf(x) * st.norm.pdf(y)
                      * (st.norm.cdf(y) - st.norm.cdf(x)) ** (n - 2))
    er2 = sint.dblquad(g, -10, 10, lambda x: x, lambda x: 10, epsabs=1e-12, epsrel=1e-12)[0]
    return math.sqrt(er2 - L_d2(n) ** 2)


def H_d3(n):
    with mp.workdps(15):
        phi = lambda x: mp.exp(-x * x / 2) / mp.sqrt(2 * mp.pi)
        fW = lambda w: n * (n - 1) * mp.quad(
            lambda x: phi(x) * phi(x + w) * (H_Phi(x + w) - H_Phi(x)) ** (n - 2), [-mp.inf, -w / 2, mp.inf])
        er2 = mp.quad(lambda w: w * w * fW(w), [0, 2, 5, mp.inf])
        return mp.sqrt(er2 - H_d2(n) ** 2)


def L_c4(n):
    return math.sqrt(2.0 / (n - 1)) * math.exp(math.lgamma(n / 2) - math.lgamma((n - 1) / 2))


def H_c4(n):
    return mp.sqrt(mp.mpf(2) / (n - 1)) * mp.gamma(mp.mpf(n) / 2) / mp.gamma(mp.mpf(n - 1) / 2)


TABLE = {  # classical 3-/4-decimal tables, only used to size tolerances
    "A2": {5: 0.577}, "D4": {5: 2.114}, "d2": {4: 2.059, 5: 2.326},
    "A3": {6: 1.287}, "B3": {6: 0.030}, "B4": {6: 1.970},
}

# --------------------------------------------------------------------------
# question registry
# --------------------------------------------------------------------------

QS = []
KINDS = ["layout", "wording", "prose", "maths", "named"]


def add(qid, kind, question, intent, tools, expect, summary, refuse=False, reason=None):
    for t in tools:
        assert t in TOOLS, (qid, t)
    if refuse:
        assert not expect
    else:
        assert expect
    QS.append({"id": qid, "kind": kind, "question": question, "intent": intent, "tools": tools,
               "expect": expect, "refuse": refuse, "_summary": summary, "_reason": reason})


# ==========================================================================
# Kind 1: layout (k01-k14)
# ==========================================================================


def k01():
    n = 12
    x = draw(rng.normal(12.0, 0.025, n), 3)
    ids = sorted(int(v) for v in rng.choice(np.arange(1040, 1090), n, replace=False))
    csv = "part_id,diameter_mm\n" + "\n".join(f"P-{i},{fm(v, 3)}" for i, v in zip(ids, x))
    q = ("Pasted straight from our CMM export (first column is just the part number):\n\n" + csv +
         "\n\nCan you give me the mean diameter, the sample standard deviation (n−1 in the denominator) "
         "and a two-sided 95% t confidence interval for the mean?")
    same([float(m) for m in re.findall(r"^P-\d+,([\d.]+)$", q, re.M)], x, "k01")
    a = np.array(x)
    L_mean, L_sd = a.mean(), a.std(ddof=1)
    L_lo, L_hi = st.t.interval(0.95, n - 1, loc=L_mean, scale=L_sd / math.sqrt(n))
    H_m = M(H_mean(x))
    H_s = H_sd(x)
    hw = H_t_ppf(mp.mpf("0.975"), n - 1) * H_s / mp.sqrt(n)
    mean = agree(L_mean, H_m, "k01 mean")
    sd = agree(L_sd, H_s, "k01 sd")
    lo = agree(L_lo, H_m - hw, "k01 lo")
    hi = agree(L_hi, H_m + hw, "k01 hi")
    add("k01", "layout", q, "Ignore the part-ID column; describe the 12 diameters: mean, n-1 SD, 95% t-interval.",
        ["describe"],
        [E("mean", mean, t_loc(mean, sd / math.sqrt(n))), E("sd", sd, t_stat(sd)),
         E("ci_lower", lo, t_loc(lo, hi - lo)), E("ci_upper", hi, t_loc(hi, hi - lo))],
        "CSV export with a part-ID column -> mean, SD (n-1), 95% t-CI of the diameter")


def k02():
    mus = [45.0, 46.4, 44.8, 45.9]
    data = [draw(rng.normal(m, 1.1, 5), 1) for m in mus]
    rows = "\n".join(f"| M-0{i + 1}    | " + " | ".join(f"{fm(v, 1):>5}" for v in g) + " |"
                     for i, g in enumerate(data))
    table = ("| Machine | Run 1 | Run 2 | Run 3 | Run 4 | Run 5 |\n"
             "|---------|------:|------:|------:|------:|------:|\n" + rows)
    q = ("Cycle times in seconds, five runs on each of our four moulding machines:\n\n" + table +
         "\n\nIs there any difference in mean cycle time between the machines? Please run a one-way ANOVA "
         "and give me the F statistic, its p-value and the error (within-machine) mean square.")
    parsed = [[float(c) for c in ln.split("|")[2:-1]] for ln in q.splitlines() if ln.startswith("| M-")]
    same(sum(parsed, []), sum(data, []), "k02")
    F1, p1 = st.f_oneway(*data)
    df = pd.DataFrame({"y": sum(data, []), "g": sum([[i] * 5 for i in range(4)], [])})
    mse1 = smf.ols("y ~ C(g)", df).fit().mse_resid
    F2, p2, mse2 = H_anova(data)
    F = agree(F1, F2, "k02 F")
    p = agree(p1, p2, "k02 p")
    mse = agree(mse1, mse2, "k02 mse")
    add("k02", "layout", q, "Rows of a markdown table are groups (machines); one-way ANOVA F, p and MSE.",
        ["anova_oneway"],
        [E("f_statistic", F, t_stat(F)), E("p_value", p, t_p(p)), E("ms_error", mse, t_stat(mse))],
        "markdown table, one row per machine -> one-way ANOVA F, p, MS error")


def k03():
    sizes = {"A": 6, "B": 5, "C": 7}
    mus = {"A": 71.0, "B": 73.4, "C": 69.9}
    vals = {g: draw(rng.normal(mus[g], 1.8, n), 1) for g, n in sizes.items()}
    long = [(g, v) for g in "ABC" for v in vals[g]]
    perm = rng.permutation(len(long))
    long = [long[i] for i in perm]
    tsv = "catalyst\tyield_pct\n" + "\n".join(f"{g}\t{fm(v, 1)}" for g, v in long)
    q = ("Yield by catalyst, exactly as it came out of the LIMS (long format, tab-separated):\n\n" + tsv +
         "\n\nThe groups are small and I'd rather not assume normality. Can you run a Kruskal–Wallis test "
         "across the three catalysts? Please give H (with the correction for ties), its degrees of freedom "
         "and the p-value from the chi-square approximation.")
    parsed = {g: [] for g in "ABC"}
    for g, v in re.findall(r"^([ABC])\t([\d.]+)$", q, re.M):
        parsed[g].append(float(v))
    for g in "ABC":
        same(parsed[g], [v for gg, v in long if gg == g], "k03 " + g)
    groups = [parsed[g] for g in "ABC"]
    H1, p1 = st.kruskal(*groups)
    allv = sum(groups, [])
    r = H_ranks(allv)
    N = len(allv)
    idx = 0
    s = Fr(0)
    for g in groups:
        R = sum(r[idx:idx + len(g)])
        s += R * R / len(g)
        idx += len(g)
    Hraw = Fr(12, N * (N + 1)) * s - 3 * (N + 1)
    counts = {}
    for v in allv:
        counts[v] = counts.get(v, 0) + 1
    corr = 1 - Fr(sum(t ** 3 - t for t in counts.values()), N ** 3 - N)
    H2 = M(Hraw / corr)
    H = agree(H1, H2, "k03 H")
    p = agree(p1, H_chi2_sf(H2, 2), "k03 p")
    add("k03", "layout", q, "Long-format TSV (label, value) in random order; regroup by catalyst; tie-corrected Kruskal-Wallis H, df=2, chi-square p.",
        ["kruskal_wallis"],
        [E("h_statistic", H, t_stat(H)), E("df", 2, 0), E("p_value", p, t_p(p))],
        "long-format TSV (catalyst, yield) in random order -> Kruskal-Wallis H (tie-corrected), df, p")


def k04():
    labels = ["Scratch", "Dent", "Discolouration", "Misalignment"]
    counts = [int(c) for c in rng.multinomial(128, [0.33, 0.29, 0.21, 0.17])]
    props = [Fr(40, 100), Fr(25, 100), Fr(20, 100), Fr(15, 100)]
    lines = "\n".join(f"{lab} {'.' * (20 - len(lab))} {c}" for lab, c in zip(labels, counts))
    q = ("Defect log for March, one line per category:\n\n" + lines +
         "\n\nHistorically the split has been 40 % scratches, 25 % dents, 20 % discolouration and 15 % "
         "misalignment. Has the mix changed? Chi-square goodness-of-fit test against those historical "
         "proportions please: the statistic, degrees of freedom and p-value.")
    same([int(c) for c in re.findall(r"^\w+ \.+ (\d+)$", q, re.M)], counts, "k04")
    N = sum(counts)
    exp_ = [N * p for p in props]
    assert min(exp_) >= 5
    c1, p1 = st.chisquare(counts, [float(e) for e in exp_])
    c2 = sum((Fr(o) - e) ** 2 / e for o, e in zip(counts, exp_))
    chi = agree(c1, M(c2), "k04 chi")
    p = agree(p1, H_chi2_sf(M(c2), 3), "k04 p")
    add("k04", "layout", q, "Counts by label with dotted leaders; GOF against 40/25/20/15 %; df = 3.",
        ["chi_square"],
        [E("chi2_statistic", chi, t_stat(chi)), E("df", 3, 0), E("p_value", p, t_p(p))],
        "counts by label with dotted leaders -> chi-square goodness of fit vs 40/25/20/15 %")


def k05():
    k, n = 12, 5
    sub = [draw(rng.normal(25.0, 0.02, n), 3) for _ in range(k)]
    lines = "\n".join(f"Subgroup {i + 1}: " + "  ".join(fm(v, 3) for v in g) for i, g in enumerate(sub))
    q = ("Twelve subgroups of five shafts (OD in mm), one subgroup per line in time order:\n\n" + lines +
         "\n\nPlease work out X-bar and R chart limits (3-sigma): the grand mean, R-bar, the UCL and LCL of "
         "the X-bar chart and the UCL of the R chart.")
    parsed = [[float(v) for v in ln.split(":")[1].split()] for ln in q.splitlines() if ln.startswith("Subgroup ")]
    same(sum(parsed, []), sum(sub, []), "k05")
    a = np.array(sub)
    L_gm = a.mean()
    L_rbar = (a.max(1) - a.min(1)).mean()
    d2L, d3L = L_d2(n), L_d3(n)
    d2H, d3H = H_d2(n), H_d3(n)
    agree(d2L, d2H, "d2(5)")
    agree(d3L, d3H, "d3(5)")
    A2L, A2H = 3 / (d2L * math.sqrt(n)), 3 / (d2H * mp.sqrt(n))
    D4L, D4H = 1 + 3 * d3L / d2L, 1 + 3 * d3H / d2H
    H_gm = M(sum(FR(v) for g in sub for v in g) / (k * n))
    H_rbar = M(sum(max(FR(v) for v in g) - min(FR(v) for v in g) for g in sub) / k)
    gm = agree(L_gm, H_gm, "k05 gm")
    rbar = agree(L_rbar, H_rbar, "k05 rbar")
    ucl = agree(L_gm + A2L * L_rbar, H_gm + A2H * H_rbar, "k05 ucl")
    lcl = agree(L_gm - A2L * L_rbar, H_gm - A2H * H_rbar, "k05 lcl")
    uclr = agree(D4L * L_rbar, D4H * H_rbar, "k05 uclr")
    dA2 = abs(TABLE["A2"][5] - A2L) * rbar
    dD4 = abs(TABLE["D4"][5] - D4L) * rbar
    hw = ucl - gm
    add("k05", "layout", q, "One subgroup per line (12 x 5); X-bar/R limits with A2, D4 for n=5 (LCL_R = 0).",
        ["control_chart"],
        [E("grand_mean", gm, t_loc(gm, hw)), E("r_bar", rbar, t_stat(rbar)),
         E("ucl_xbar", ucl, t_loc(ucl, hw) + 2 * dA2), E("lcl_xbar", lcl, t_loc(lcl, hw) + 2 * dA2),
         E("ucl_r", uclr, t_stat(uclr) + 2 * dD4)],
        "'Subgroup i:' lines, 12 subgroups of 5 -> X-bar/R: grand mean, R-bar, UCL/LCL X-bar, UCL R")


def k06():
    x = draw(rng.normal(500.7, 1.2, 8), 1)
    days = ["Mon", "Tue", "Wed", "Thu", "Fri", "Mon", "Tue", "Wed"]
    w = [f"{d} {fm(v, 1)} g" for d, v in zip(days, x)]
    q = ("I've been checking one bottle a day off the line. Last week it was " + ", ".join(w[:4]) +
         " and " + w[4] + "; this week so far " + w[5] + ", " + w[6] + " and " + w[7] +
         ". The label claim is 500 g. Is the average fill different from 500 g? A two-sided one-sample "
         "t-test please — t, p and the sample mean.")
    same([float(v) for v in re.findall(r"(\d{3}\.\d) g", q)], x, "k06")
    r = st.ttest_1samp(x, 500.0)
    m = H_mean(x)
    t2 = M(m - 500) / (H_sd(x) / mp.sqrt(8))
    t = agree(r.statistic, t2, "k06 t")
    p = agree(r.pvalue, H_t_two(t2, 7), "k06 p")
    mean = agree(np.mean(x), M(m), "k06 mean")
    add("k06", "layout", q, "Eight weights embedded in a sentence (day names and '500 g' are not data); one-sample t vs 500, two-sided.",
        ["t_test"],
        [E("t_statistic", t, t_stat(t)), E("p_value", p, t_p(p)), E("mean", mean, t_loc(mean, 0.4))],
        "values embedded in a sentence with day names -> one-sample t vs 500 g (t, p, mean)")


def k07():
    T = list(range(20, 61, 5))
    y = draw(1.95 - 0.0215 * np.array(T) + rng.normal(0, 0.015, len(T)), 3)
    tab = "Temp (°C)\tViscosity (mPa·s)\n" + "\n".join(f"{t}\t{fm(v, 3)}" for t, v in zip(T, y))
    q = ("Copied from Excel (two columns, first row is the header):\n\n" + tab +
         "\n\nFit a straight line, viscosity = b0 + b1·temperature, by ordinary least squares. I need the slope, "
         "the intercept, R² and the p-value for the slope.")
    rows = re.findall(r"^(\d+)\t([\d.]+)$", q, re.M)
    same([float(a) for a, _ in rows], T, "k07 x")
    same([float(b) for _, b in rows], y, "k07 y")
    lr = st.linregress(T, y)
    xs = [Fr(t) for t in T]
    ys = [FR(v) for v in y]
    n = len(xs)
    mx, my = sum(xs) / n, sum(ys) / n
    sxx = sum((a - mx) ** 2 for a in xs)
    sxy = sum((a - mx) * (b - my) for a, b in zip(xs, ys))
    syy = sum((b - my) ** 2 for b in ys)
    b1 = sxy / sxx
    b0 = my - b1 * mx
    sse = syy - b1 * sxy
    r2 = 1 - sse / syy
    tb = M(b1) / mp.sqrt(M(sse) / (n - 2) / M(sxx))
    slope = agree(lr.slope, M(b1), "k07 b1")
    icpt = agree(lr.intercept, M(b0), "k07 b0")
    R2 = agree(lr.rvalue ** 2, M(r2), "k07 r2")
    p = agree(lr.pvalue, H_t_two(tb, n - 2), "k07 p")
    add("k07", "layout", q, "Tab-separated spreadsheet paste with a units header; simple linear regression.",
        ["regression"],
        [E("slope", slope, t_stat(slope)), E("intercept", icpt, t_stat(icpt)),
         E("r_squared", R2, 1e-4 * R2), E("p_value_slope", p, t_p(p))],
        "tab-separated Excel paste with unit header -> OLS slope, intercept, R², slope p")


def k08():
    rows_lab = ["Day shift", "Swing shift", "Night shift"]
    cols = ["Bridging", "Missing", "Misplaced"]
    lam = np.array([[32, 13, 19], [27, 16, 22], [40, 24, 15]])
    tab = [[int(v) for v in rng.poisson(r)] for r in lam]
    head = " " * 15 + "".join(f"{c:>11}" for c in cols)
    body = "\n".join(f"{lab:<15}" + "".join(f"{v:>11d}" for v in r) for lab, r in zip(rows_lab, tab))
    q = ("Defect counts by shift and defect type for last month (fixed-width printout):\n\n" + head + "\n" + body +
         "\n\nIs the type of defect independent of the shift? Chi-square test of independence please — "
         "statistic, degrees of freedom and p-value.")
    parsed = [[int(v) for v in re.findall(r"\d+", ln[15:])] for ln in q.splitlines() if ln.endswith(tuple("0123456789")) and "shift " in ln]
    same(sum(parsed, []), sum(tab, []), "k08")
    c1, p1, dof, ex = st.chi2_contingency(tab)
    N = sum(sum(r) for r in tab)
    rs = [sum(r) for r in tab]
    cs = [sum(c) for c in zip(*tab)]
    c2 = Fr(0)
    for i in range(3):
        for j in range(3):
            e = Fr(rs[i] * cs[j], N)
            assert e >= 5
            c2 += (tab[i][j] - e) ** 2 / e
    chi = agree(c1, M(c2), "k08 chi")
    p = agree(p1, H_chi2_sf(M(c2), 4), "k08 p")
    agree_int(dof, 4, "k08 df")
    add("k08", "layout", q, "Aligned fixed-width 3x3 table with multi-word row labels; chi-square independence, df=4.",
        ["chi_square"],
        [E("chi2_statistic", chi, t_stat(chi)), E("df", 4, 0), E("p_value", p, t_p(p))],
        "fixed-width aligned 3x3 table (shift x defect type) -> chi-square independence, df, p")


def k09():
    n = 10
    before = [int(v) for v in np.round(rng.normal(142, 11, n))]
    after = [int(b - v) for b, v in zip(before, np.round(rng.normal(5, 6, n)))]
    tab = "| Participant | Before | After |\n|---|---|---|\n" + "\n".join(
        f"| S{i + 1:02d} | {b} | {a} |" for i, (b, a) in enumerate(zip(before, after)))
    q = ("Resting systolic BP (mmHg) for our participants before and after the 8-week programme:\n\n" + tab +
         "\n\nDid blood pressure change? Paired t-test on the differences After − Before, two-sided: "
         "mean difference, t and p please.")
    rows = re.findall(r"^\| S\d+ \| (\d+) \| (\d+) \|$", q, re.M)
    same([float(b) for b, _ in rows], before, "k09 b")
    same([float(a) for _, a in rows], after, "k09 a")
    r = st.ttest_rel(after, before)
    d = [Fr(a - b) for a, b in zip(after, before)]
    md = H_mean(d)
    t2 = M(md) / (H_sd(d) / mp.sqrt(n))
    mdiff = agree(np.mean(np.array(after) - np.array(before)), M(md), "k09 md")
    t = agree(r.statistic, t2, "k09 t")
    p = agree(r.pvalue, H_t_two(t2, n - 1), "k09 p")
    add("k09", "layout", q, "Markdown table with participant IDs; paired t on After - Before (sign matters), two-sided.",
        ["t_test"],
        [E("mean_difference", mdiff, t_stat(mdiff)), E("t_statistic", t, t_stat(t)), E("p_value", p, t_p(p))],
        "markdown table with participant IDs, before/after columns -> paired t (After - Before)")


def k10():
    spec = [("Supplier A", 6, 12.6, 0.45), ("Supplier B", 5, 12.7, 0.18), ("Supplier C", 7, 12.6, 0.95)]
    data = [draw(rng.normal(m, s, n), 1) for _, n, m, s in spec]
    lines = "\n".join(lab + ";" + ";".join(fm(v, 1).replace(".", ",") for v in g)
                      for (lab, _, _, _), g in zip(spec, data))
    q = ("Our Excel is set to a German locale, so decimal commas and semicolons, sorry:\n\n" + lines +
         "\n\nEach row is one supplier's lot results (they sent different numbers of lots). Are the variances "
         "the same for all three suppliers? Please use the Brown–Forsythe version of Levene's test "
         "(absolute deviations from each supplier's median) and give the test statistic and p-value.")
    parsed = [[float(c.replace(",", ".")) for c in ln.split(";")[1:]] for ln in q.splitlines() if ln.startswith("Supplier ")]
    same(sum(parsed, []), sum(data, []), "k10")
    W1, p1 = st.levene(*data, center="median")
    devs = []
    for g in data:
        med = H_median(g)
        devs.append([abs(FR(v) - med) for v in g])
    W2, p2, _ = H_anova(devs)
    W = agree(W1, W2, "k10 W")
    p = agree(p1, p2, "k10 p")
    add("k10", "layout", q, "Semicolon-separated rows with decimal commas, unequal row lengths; Brown-Forsythe (median) Levene.",
        ["levene"],
        [E("w_statistic", W, t_stat(W)), E("p_value", p, t_p(p))],
        "semicolon rows with decimal commas, unequal lengths -> Brown-Forsythe Levene W, p")


def k11():
    lots = [f"L23{i:02d}" for i in range(1, 15)]
    x = draw(rng.normal(48.0, 0.9, len(lots)), 1)
    csv = "lot,thickness_um\n" + "\n".join(f"{l},{fm(v, 1)}" for l, v in zip(lots, x))
    q = ("Coating thickness by lot from this week (CSV):\n\n" + csv +
         "\n\nWhat's our Cpk? The customer wants it in Friday's report.")
    same([float(v) for v in re.findall(r"^L\d+,([\d.]+)$", q, re.M)], x, "k11")
    reason = "Cpk needs at least one specification limit; none is given anywhere in the question."
    add("k11", "layout", q, "Refuse / ask: no specification limits (LSL/USL) are given, so Cpk cannot be computed.",
        ["capability"], [], "CSV of lot thickness, no spec limits -> REFUSE (Cpk undefined)", True, reason)


def k12():
    n, weeks = 200, 15
    while True:  # keep the LCL clearly positive
        rej = [int(v) for v in rng.binomial(n, 0.06, weeks)]
        pb = sum(rej) / (n * weeks)
        if pb - 3 * math.sqrt(pb * (1 - pb) / n) > 0.002:
            break
    lines = "\n".join(f"Week {i + 1} — inspected {n}, rejected {r}" for i, r in enumerate(rej))
    q = ("Final inspection log:\n\n" + lines +
         "\n\nCould you set up a p chart for the reject fraction — centre line and 3-sigma UCL and LCL? "
         "(Same sample size every week.)")
    rows = re.findall(r"Week (\d+) — inspected (\d+), rejected (\d+)", q)
    same([int(c) for _, _, c in rows], rej, "k12")
    assert all(int(b) == n for _, b, _ in rows)
    L_p = np.sum(rej) / (n * weeks)
    L_s = math.sqrt(L_p * (1 - L_p) / n)
    Hp = Fr(sum(rej), n * weeks)
    Hs = mp.sqrt(M(Hp * (1 - Hp) / n))
    pbar = agree(L_p, M(Hp), "k12 p")
    ucl = agree(L_p + 3 * L_s, M(Hp) + 3 * Hs, "k12 ucl")
    lcl = agree(L_p - 3 * L_s, M(Hp) - 3 * Hs, "k12 lcl")
    assert lcl > 0.002
    add("k12", "layout", q, "One line per week with inspected/rejected counts; p chart with n = 200 (LCL positive).",
        ["control_chart"],
        [E("p_bar", pbar, t_stat(pbar)), E("ucl", ucl, t_stat(ucl)), E("lcl", lcl, t_stat(lcl))],
        "'Week i — inspected 200, rejected r' lines -> p chart centre, UCL, LCL")


def k13():
    raw = rng.poisson(1.3, 61)
    mx = int(raw.max())
    freq = [int(np.sum(raw == v)) for v in range(mx + 1)]
    lines = "\n".join(f"{v:>17} | {f}" for v, f in enumerate(freq))
    q = ("Number of surface defects per panel, as a frequency table:\n\nDefects per panel | Panels\n" + lines +
         "\n\nTreating each panel as one observation, what is the total number of panels, the mean number of "
         "defects per panel and the sample standard deviation (n−1)?")
    rows = re.findall(r"^\s*(\d+) \| (\d+)$", q, re.M)
    same([int(a) for a, _ in rows], list(range(mx + 1)), "k13 v")
    same([int(b) for _, b in rows], freq, "k13 f")
    expanded = np.repeat(np.arange(mx + 1), freq)
    N = sum(freq)
    s1 = sum(v * f for v, f in enumerate(freq))
    s2 = sum(v * v * f for v, f in enumerate(freq))
    Hm = Fr(s1, N)
    Hv = (Fr(s2) - N * Hm * Hm) / (N - 1)
    n_ = agree_int(len(expanded), N, "k13 n")
    mean = agree(expanded.mean(), M(Hm), "k13 mean")
    sd = agree(expanded.std(ddof=1), mp.sqrt(M(Hv)), "k13 sd")
    add("k13", "layout", q, "Frequency table (value | count) must be expanded, not treated as two columns of data.",
        ["describe"],
        [E("n_panels", n_, 0), E("mean", mean, t_stat(mean)), E("sd", sd, t_stat(sd))],
        "frequency table 'value | count' -> n, mean and SD of the expanded data")


def k14():
    n = 10
    while True:
        x = draw(rng.uniform(40, 80, n), 1)
        y = draw(2.0 + 0.05 * np.array(x) + rng.normal(0, 0.45, n), 2)
        if len(set(x)) == n and len(set(y)) == n:
            break
    q = ("From my MATLAB workspace:\n\n"
         "x = [" + " ".join(fm(v, 1) for v in x) + "];   % line speed, m/min\n"
         "y = [" + " ".join(fm(v, 2) for v in y) + "];   % scrap per shift, kg\n\n"
         "What's the Spearman rank correlation between x and y, and its two-sided p-value (the usual "
         "t approximation with n−2 degrees of freedom is fine)?")
    same(nums(re.search(r"x = \[([^\]]*)\]", q).group(1)), x, "k14 x")
    same(nums(re.search(r"y = \[([^\]]*)\]", q).group(1)), y, "k14 y")
    r1, p1 = st.spearmanr(x, y)
    rx, ry = H_ranks(x), H_ranks(y)
    d2 = sum((a - b) ** 2 for a, b in zip(rx, ry))
    rho2 = 1 - Fr(6) * d2 / (n * (n * n - 1))
    t = M(rho2) * mp.sqrt((n - 2) / (1 - M(rho2) ** 2))
    rho = agree(r1, M(rho2), "k14 rho")
    p = agree(p1, H_t_two(t, n - 2), "k14 p")
    add("k14", "layout", q, "MATLAB-style row vectors with % comments; Spearman rho with t-approximation p.",
        ["correlation"],
        [E("spearman_rho", rho, t_stat(rho)), E("p_value", p, t_p(p))],
        "MATLAB vectors x = [...]; y = [...] with comments -> Spearman rho, two-sided p")


# ==========================================================================
# Kind 2: intent carried by wording (k15-k28)
# ==========================================================================


def k15():
    x = draw(rng.normal(246.5, 6.0, 10), 1)
    q = ("Our supplier says the mean tensile strength of these brackets is at least 250 MPa. I tested ten "
         "from the last delivery and I suspect it's actually lower:\n\n" + ", ".join(fm(v, 1) for v in x) +
         " MPa\n\nCan you test their claim at the 5% level? Give me the t statistic and the p-value.")
    same(nums(q.split("\n\n")[1].replace(" MPa", "")), x, "k15")
    r = st.ttest_1samp(x, 250.0, alternative="less")
    t2 = M(H_mean(x) - 250) / (H_sd(x) / mp.sqrt(10))
    t = agree(r.statistic, t2, "k15 t")
    p = agree(r.pvalue, 1 - H_t_sf(t2, 9), "k15 p")
    add("k15", "wording", q, "Claim 'at least 250', suspicion 'lower' -> one-sided (less) one-sample t; p is the lower tail.",
        ["t_test"],
        [E("t_statistic", t, t_stat(t)), E("p_value", p, t_p(p))],
        "'claims at least 250, suspect lower' -> one-sided one-sample t (H1: mu < 250)")


def k16():
    while True:
        north = draw(np.exp(rng.normal(1.25, 0.55, 7)), 1)
        south = draw(np.exp(rng.normal(1.62, 0.55, 8)), 1)
        if len(set(north + south)) == 15:
            break
    q = ("Repair turnaround times (hours) at our two depots:\n\nNorth: " + ", ".join(fm(v, 1) for v in north) +
         "\nSouth: " + ", ".join(fm(v, 1) for v in south) +
         "\n\nThese are clearly skewed, so I don't want to assume normality. Is there a difference between the "
         "depots (two-sided)? There are no ties, so please give the exact p-value, and report U as the number "
         "of (North, South) pairs in which the North time is the larger one.")
    same(nums(re.search(r"North: (.*)", q).group(1)), north, "k16 n")
    same(nums(re.search(r"South: (.*)", q).group(1)), south, "k16 s")
    r = st.mannwhitneyu(north, south, alternative="two-sided", method="exact")
    U = sum(1 for a in north for b in south if a > b)
    # exact null distribution by enumerating all C(15,7) rank subsets
    m, nn = 7, 8
    dist = {}
    for comb in itertools.combinations(range(1, m + nn + 1), m):
        u = sum(comb) - m * (m + 1) // 2
        dist[u] = dist.get(u, 0) + 1
    tot = sum(dist.values())
    lo = Fr(sum(c for u, c in dist.items() if u <= U), tot)
    hi = Fr(sum(c for u, c in dist.items() if u >= U), tot)
    p2 = min(Fr(1), 2 * min(lo, hi))
    Uv = agree_int(r.statistic, U, "k16 U")
    p = agree(r.pvalue, M(p2), "k16 p")
    add("k16", "wording", q, "'Don't assume normality', independent depots, no ties -> Mann-Whitney exact two-sided; U counts North > South.",
        ["mann_whitney"],
        [E("u_statistic", Uv, 0), E("p_value", p, t_p(p))],
        "'skewed, don't assume normality', two depots -> Mann-Whitney exact p, U = #(North > South)")


def k17():
    a = draw(rng.normal(38.0, 1.1, 9), 1)
    b = draw(rng.normal(36.4, 2.9, 12), 1)
    q = ("Coating thickness (µm) from two suppliers.\n\nSupplier A: " + ", ".join(fm(v, 1) for v in a) +
         "\nSupplier B: " + ", ".join(fm(v, 1) for v in b) +
         "\n\nTheir processes are quite different, so the variances may well differ — please don't pool them. "
         "Is the mean thickness different (two-sided, 5%)? Give t for A − B, the degrees of freedom and the p-value.")
    same(nums(re.search(r"Supplier A: (.*)", q).group(1)), a, "k17 a")
    same(nums(re.search(r"Supplier B: (.*)", q).group(1)), b, "k17 b")
    r = st.ttest_ind(a, b, equal_var=False)
    va, vb = M(H_var(a)) / 9, M(H_var(b)) / 12
    t2 = M(H_mean(a) - H_mean(b)) / mp.sqrt(va + vb)
    df2 = (va + vb) ** 2 / (va ** 2 / 8 + vb ** 2 / 11)
    t = agree(r.statistic, t2, "k17 t")
    df = agree(r.df, df2, "k17 df")
    p = agree(r.pvalue, H_t_two(t2, df2), "k17 p")
    add("k17", "wording", q, "'Variances may differ, don't pool' -> Welch t, Welch-Satterthwaite df, two-sided.",
        ["t_test"],
        [E("t_statistic", t, t_stat(t)), E("df", df, t_stat(df)), E("p_value", p, t_p(p))],
        "'variances may differ, don't pool' -> Welch t (A - B), Welch df, p")


def k18():
    n = 10
    nominal = [Fr(v) for v in [1, 2, 5, 10, 20, 25, 50, 75, 100, 125]]
    ours = draw(np.array([float(v) for v in nominal]) + rng.normal(0.0009, 0.0006, n), 4)
    theirs = draw(np.array([float(v) for v in nominal]) + rng.normal(0.0, 0.0006, n), 4)
    q = ("We measured the same ten gauge blocks (nominal 1, 2, 5, 10, 20, 25, 50, 75, 100 and 125 mm) in our lab, "
         "and the calibration house measured them too. Results in mm, same block order:\n\n"
         "Ours:      " + "  ".join(fm(v, 4) for v in ours) + "\n"
         "Cal house: " + "  ".join(fm(v, 4) for v in theirs) +
         "\n\nIs there a systematic difference between the two labs? Take difference = ours − theirs, two-sided. "
         "Mean difference, t and p please.")
    same(nums(re.search(r"Ours: (.*)", q).group(1)), ours, "k18 o")
    same(nums(re.search(r"Cal house: (.*)", q).group(1)), theirs, "k18 t")
    r = st.ttest_rel(ours, theirs)
    d = [FR(a) - FR(b) for a, b in zip(ours, theirs)]
    t2 = M(H_mean(d)) / (H_sd(d) / mp.sqrt(n))
    md = agree(np.mean([float(v) for v in d]), M(H_mean(d)), "k18 md")
    t = agree(r.statistic, t2, "k18 t")
    p = agree(r.pvalue, H_t_two(t2, n - 1), "k18 p")
    add("k18", "wording", q, "Same blocks measured by both labs -> paired t on ours - theirs (an unpaired test would be swamped by block size).",
        ["t_test"],
        [E("mean_difference", md, t_stat(md)), E("t_statistic", t, t_stat(t)), E("p_value", p, t_p(p))],
        "same gauge blocks in two labs (nominal sizes are labels) -> paired t, ours - theirs")


def k19():
    x = draw(rng.normal(25.012, 0.011, 30), 3)
    q = ("Nominal is 25.00 mm with a tolerance of ±0.05 mm. Here are 30 consecutive parts:\n\n" +
         "\n".join(" ".join(fm(v, 3) for v in x[i:i + 10]) for i in range(0, 30, 10)) +
         "\n\nUsing the overall sample standard deviation (n−1), what are Pp and Ppk?")
    same(nums(q.split("\n\n")[1]), x, "k19")
    a = np.array(x)
    s = a.std(ddof=1)
    L_pp = 0.10 / (6 * s)
    L_ppk = min(25.05 - a.mean(), a.mean() - 24.95) / (3 * s)
    Hs = H_sd(x)
    Hm = H_mean(x)
    H_pp = M(Fr(1, 10)) / (6 * Hs)
    H_ppk = min(M(Fr("25.05") - Hm), M(Hm - Fr("24.95"))) / (3 * Hs)
    pp = agree(L_pp, H_pp, "k19 pp")
    ppk = agree(L_ppk, H_ppk, "k19 ppk")
    add("k19", "wording", q, "Nominal ± tolerance -> LSL 24.95, USL 25.05; overall (n-1) sigma -> Pp, Ppk.",
        ["capability"],
        [E("pp", pp, t_stat(pp)), E("ppk", ppk, t_stat(ppk))],
        "'nominal 25.00 ± 0.05', overall SD -> Pp, Ppk")


def k20():
    x = draw(rng.normal(58.6, 0.5, 10), 1)
    x[6] = float(fm(rng.normal(52.5, 0.3), 1))
    q = ("Hardness readings (HRC) for heat-treat lot 7731, in the order taken:\n\n" + ", ".join(fm(v, 1) for v in x) +
         "\n\nThe 7th reading (" + fm(x[6], 1) + ") was taken with the wrong indenter, so please leave it out. "
         "With the remaining readings, what's the sample size, the mean and a two-sided 95% confidence "
         "interval for the mean?")
    same(nums(q.split("\n\n")[1]), x, "k20")
    keep = x[:6] + x[7:]
    a = np.array(keep)
    n = len(keep)
    L_lo, L_hi = st.t.interval(0.95, n - 1, loc=a.mean(), scale=a.std(ddof=1) / math.sqrt(n))
    Hm = M(H_mean(keep))
    hw = H_t_ppf(mp.mpf("0.975"), n - 1) * H_sd(keep) / mp.sqrt(n)
    mean = agree(a.mean(), Hm, "k20 m")
    lo = agree(L_lo, Hm - hw, "k20 lo")
    hi = agree(L_hi, Hm + hw, "k20 hi")
    add("k20", "wording", q, "Exclude the 7th value as instructed (n = 9); mean and 95% t-interval of the rest.",
        ["describe"],
        [E("n", n, 0), E("mean", mean, t_loc(mean, hi - lo)),
         E("ci_lower", lo, t_loc(lo, hi - lo)), E("ci_upper", hi, t_loc(hi, hi - lo))],
        "list of 10 with 'leave the 7th out' -> n = 9, mean, 95% t-CI")


def k21():
    while True:  # keep the LCL clearly positive
        c = [int(v) for v in rng.poisson(11, 20)]
        if np.mean(c) - 3 * math.sqrt(np.mean(c)) > 0.2:
            break
    q = ("Each circuit board can carry several solder defects, so we count defects, not defective boards. "
         "Defects found on one board per hour over the last 20 hours:\n\n" + ", ".join(str(v) for v in c) +
         "\n\nWhat are the centre line and the 3-sigma control limits for this?")
    same([int(v) for v in nums(q.split("\n\n")[1])], c, "k21")
    L_c = np.mean(c)
    Hc = Fr(sum(c), 20)
    cbar = agree(L_c, M(Hc), "k21 c")
    ucl = agree(L_c + 3 * math.sqrt(L_c), M(Hc) + 3 * mp.sqrt(M(Hc)), "k21 ucl")
    lcl = agree(L_c - 3 * math.sqrt(L_c), M(Hc) - 3 * mp.sqrt(M(Hc)), "k21 lcl")
    assert lcl > 0.2
    add("k21", "wording", q, "Defects (not defectives) counted on a constant unit (one board) -> c chart: c-bar ± 3 sqrt(c-bar).",
        ["control_chart"],
        [E("c_bar", cbar, t_stat(cbar)), E("ucl", ucl, t_stat(ucl)), E("lcl", lcl, t_stat(lcl))],
        "'we count defects, not defective boards', one board per hour -> c chart CL, UCL, LCL")


def k22():
    q = ("During final inspection of today's batch we found 12 defects. Our target is a defective rate of at most 3%. "
         "Is the defective rate above target? One-sided exact binomial test please.")
    reason = ("No sample size (number of units inspected) is given, and '12 defects' is a defect count, not a count "
              "of defective units; a defective-rate test is impossible without n and the number of defectives.")
    add("k22", "wording", q, "Refuse / ask: the number of units inspected is missing and defects are not defectives.",
        ["proportion_test"], [], "'12 defects' vs 'defective rate', no n -> REFUSE", True, reason)


def k23():
    k, n = 8, 4
    sub = [draw(rng.normal(50.1, 0.14, n), 2) for _ in range(k)]
    lines = "\n".join(f"Hour {i + 1}: " + " ".join(fm(v, 2) for v in g) for i, g in enumerate(sub))
    q = ("Hourly samples of four, eight hours so far:\n\n" + lines +
         "\n\nThe spec is 50.0 ± 0.6. Please estimate sigma from within the subgroups (R-bar/d2), not the "
         "overall standard deviation, and give me that sigma, Cp and Cpk.")
    parsed = [nums(ln.split(":")[1]) for ln in q.splitlines() if ln.startswith("Hour ")]
    same(sum(parsed, []), sum(sub, []), "k23")
    a = np.array(sub)
    d2L, d2H = L_d2(n), H_d2(n)
    agree(d2L, d2H, "d2(4)")
    L_sig = (a.max(1) - a.min(1)).mean() / d2L
    L_m = a.mean()
    H_rbar = M(sum(max(FR(v) for v in g) - min(FR(v) for v in g) for g in sub) / k)
    H_sig = H_rbar / d2H
    H_m = M(sum(FR(v) for g in sub for v in g) / (k * n))
    sig = agree(L_sig, H_sig, "k23 sig")
    cp = agree(1.2 / (6 * L_sig), mp.mpf("1.2") / (6 * H_sig), "k23 cp")
    cpk = agree(min(50.6 - L_m, L_m - 49.4) / (3 * L_sig),
                min(mp.mpf("50.6") - H_m, H_m - mp.mpf("49.4")) / (3 * H_sig), "k23 cpk")
    rel = abs(TABLE["d2"][4] - d2L) / d2L
    add("k23", "wording", q, "'Within subgroups (R-bar/d2), not overall' -> sigma_within = R-bar/d2(4); Cp, Cpk with LSL 49.4, USL 50.6.",
        ["capability"],
        [E("sigma_within", sig, t_stat(sig) + 2 * rel * sig), E("cp", cp, t_stat(cp) + 2 * rel * cp),
         E("cpk", cpk, t_stat(cpk) + 2 * rel * cpk)],
        "'sigma from within subgroups (R-bar/d2), not overall', 8 x 4 -> sigma_within, Cp, Cpk")


def k24():
    l1 = draw(rng.normal(20.3, 0.6, 9), 1)
    l2 = draw(rng.normal(20.7, 0.6, 11), 1)
    q = ("Fill heights (mm) from this morning:\n\nLine 1: " + ", ".join(fm(v, 1) for v in l1) +
         "\nLine 2: " + ", ".join(fm(v, 1) for v in l2) +
         "\n\nThese are paired measurements, so please run a paired t-test on the differences Line 1 − Line 2 "
         "and tell me whether the lines differ.")
    same(nums(re.search(r"Line 1: (.*)", q).group(1)), l1, "k24 1")
    same(nums(re.search(r"Line 2: (.*)", q).group(1)), l2, "k24 2")
    reason = "A paired t-test needs one-to-one pairs, but Line 1 has 9 values and Line 2 has 11; the pairing is impossible as stated."
    add("k24", "wording", q, "Refuse / ask: 'paired' contradicts unequal sample sizes (9 vs 11) with no pairing key.",
        ["t_test"], [], "'paired' but 9 vs 11 values -> REFUSE (contradictory)", True, reason)


def k25():
    x = int(rng.binomial(400, 0.008))
    q = ("We want to show that our defective rate is below 2%. In a random sample of 400 units we found "
         f"{x} defective units. Exact binomial test, one-sided please — what's the p-value?")
    assert nums(q)[2] == x
    p1 = st.binomtest(x, 400, 0.02, alternative="less").pvalue
    p0 = Fr(2, 100)
    p2 = sum(math.comb(400, i) * p0 ** i * (1 - p0) ** (400 - i) for i in range(x + 1))
    p = agree(p1, M(p2), "k25 p")
    add("k25", "wording", q, "'Show below 2%' -> H1: p < 0.02; exact binomial lower tail P(X <= x).",
        ["proportion_test"],
        [E("p_value", p, t_p(p))],
        "'show the defective rate is below 2%' -> exact binomial one-sided (lower tail) p")


def k26():
    n1, n2 = 220, 240
    x1 = int(rng.binomial(n1, 0.068))
    x2 = int(rng.binomial(n2, 0.031))
    q = (f"Old supplier: {x1} failures out of {n1} parts. New supplier: {x2} failures out of {n2} parts. "
         "Has the failure rate changed? Two-proportion z-test with the pooled proportion, no continuity "
         "correction, two-sided; report z for old − new and the p-value.")
    v = nums(q)
    assert v[:4] == [x1, n1, x2, n2]
    z1, p1 = proportions_ztest([x1, x2], [n1, n2])
    pp = Fr(x1 + x2, n1 + n2)
    z2 = M(Fr(x1, n1) - Fr(x2, n2)) / mp.sqrt(M(pp * (1 - pp) * (Fr(1, n1) + Fr(1, n2))))
    z = agree(z1, z2, "k26 z")
    p = agree(p1, 2 * H_norm_sf(abs(z2)), "k26 p")
    add("k26", "wording", q, "'Changed' -> two-sided; pooled SE; no continuity correction; z sign old - new.",
        ["proportion_test"],
        [E("z_statistic", z, t_stat(z)), E("p_value", p, t_p(p))],
        "'has the failure rate changed?' -> pooled two-proportion z (old - new), two-sided")


def k27():
    n = 12
    speed = draw(rng.uniform(40, 80, n), 1)
    scrap = draw(0.9 + 0.012 * np.array(speed) + rng.normal(0, 0.14, n), 2)
    lines = "\n".join(f"{fm(a, 1)} m/min -> {fm(b, 2)} %" for a, b in zip(speed, scrap))
    q = ("Line speed vs scrap rate, one shift per line:\n\n" + lines +
         "\n\nAt the 1% significance level, is there a positive correlation between speed and scrap? Use "
         "Pearson's r with a one-sided alternative (ρ > 0). Give r and the one-sided p-value.")
    rows = re.findall(r"^([\d.]+) m/min -> ([\d.]+) %$", q, re.M)
    same([float(a) for a, _ in rows], speed, "k27 x")
    same([float(b) for _, b in rows], scrap, "k27 y")
    r1 = st.pearsonr(speed, scrap, alternative="greater")
    r2 = H_pearson(speed, scrap)
    t = r2 * mp.sqrt((n - 2) / (1 - r2 ** 2))
    r = agree(r1.statistic, r2, "k27 r")
    p = agree(r1.pvalue, H_t_sf(t, n - 2), "k27 p")
    add("k27", "wording", q, "'Positive correlation', one-sided Pearson (upper tail of t with n-2 df).",
        ["correlation"],
        [E("pearson_r", r, t_stat(r)), E("p_value", p, t_p(p))],
        "'is there a positive correlation at 1%' -> Pearson r, one-sided p")


def k28():
    old = draw(rng.normal(142, 10, 8), 1)
    new = draw(rng.normal(152, 10, 10), 1)
    q = ("Tool life in minutes.\nOld lubricant: " + ", ".join(fm(v, 1) for v in old) +
         "\nNew lubricant: " + ", ".join(fm(v, 1) for v in new) +
         "\n\nThe new lubricant is supposed to increase tool life. Assume equal variances (pooled t-test) and test "
         "whether the new mean is greater than the old one. Report t (new − old), the degrees of freedom and the "
         "one-sided p-value.")
    same(nums(re.search(r"Old lubricant: (.*)", q).group(1)), old, "k28 o")
    same(nums(re.search(r"New lubricant: (.*)", q).group(1)), new, "k28 n")
    r = st.ttest_ind(new, old, equal_var=True, alternative="greater")
    sp2 = (7 * M(H_var(old)) + 9 * M(H_var(new))) / 16
    t2 = M(H_mean(new) - H_mean(old)) / mp.sqrt(sp2 * (mp.mpf(1) / 8 + mp.mpf(1) / 10))
    t = agree(r.statistic, t2, "k28 t")
    p = agree(r.pvalue, H_t_sf(t2, 16), "k28 p")
    add("k28", "wording", q, "'Equal variances (pooled)', 'greater' -> Student t with 16 df, one-sided upper tail, sign new - old.",
        ["t_test"],
        [E("t_statistic", t, t_stat(t)), E("df", 16, 0), E("p_value", p, t_p(p))],
        "'assume equal variances', 'new greater than old' -> pooled t (new - old), df, one-sided p")


# ==========================================================================
# Kind 3: numbers in prose with roles and distractors (k29-k42)
# ==========================================================================


def k29():
    std = [(a, b, c) for c in (-1, 1) for b in (-1, 1) for a in (-1, 1)]  # A fastest
    labels = ["(1)", "a", "b", "ab", "c", "ac", "bc", "abc"]
    mu = np.array([60 + 4 * a + 2.5 * b - 1.0 * c + 1.5 * a * b for a, b, c in std])
    rep1 = draw(mu + rng.normal(0, 1.0, 8), 1)
    rep2 = draw(mu + rng.normal(0, 1.0, 8), 1)
    q = ("We ran a 2^3 full factorial on press #4471 on 14 March, two replicates, 16 runs in random order. "
         "Factors: A = mould temperature (160 vs 180 °C), B = hold pressure (2 vs 3 bar), C = cure time "
         "(20 vs 30 min). I've re-sorted the results into standard order (1), a, b, ab, c, ac, bc, abc:\n\n"
         "Replicate 1: " + ", ".join(fm(v, 1) for v in rep1) + "\n"
         "Replicate 2: " + ", ".join(fm(v, 1) for v in rep2) +
         "\n\nWhat are the main effects of A, B and C and the AB interaction effect (effect = mean at high "
         "level minus mean at low level)?")
    same(nums(re.search(r"Replicate 1: (.*)", q).group(1)), rep1, "k29 1")
    same(nums(re.search(r"Replicate 2: (.*)", q).group(1)), rep2, "k29 2")
    df = pd.DataFrame([dict(A=a, B=b, C=c, y=y) for (a, b, c), y in zip(std * 2, rep1 + rep2)])
    fit = smf.ols("y ~ A*B*C", df).fit()
    out = []
    ys = [FR(v) for v in rep1 + rep2]
    cols = std * 2
    for name, f in [("effect_a", lambda r: r[0]), ("effect_b", lambda r: r[1]), ("effect_c", lambda r: r[2]),
                    ("effect_ab", lambda r: r[0] * r[1])]:
        H_eff = sum(f(r) * y for r, y in zip(cols, ys)) / 8
        key = {"effect_a": "A", "effect_b": "B", "effect_c": "C", "effect_ab": "A:B"}[name]
        v = agree(2 * fit.params[key], M(H_eff), "k29 " + name)
        out.append(E(name, v, max(1e-3 * abs(v), 1e-4)))
    add("k29", "prose", q, "Standard-order responses, 2 replicates; dates, press number and factor levels are not data; effects = 2 x coded coefficients.",
        ["doe_effects"], out,
        "2^3 x 2 replicates in standard order, date/press/levels as distractors -> effects A, B, C, AB")


def k30():
    corners = draw(np.array([40 + 0.8 * a + 0.4 * b for b in (-1, 1) for a in (-1, 1)]) + rng.normal(0, 0.2, 4), 1)
    centre = draw(40.55 + rng.normal(0, 0.2, 4), 1)
    q = ("Screening run on reactor R-2: a 2^2 design in reaction time (30 and 40 min) and temperature (150 and "
         "160 °C) plus four centre points at 35 min / 155 °C. Yields (%): (30 min, 150 °C) " + fm(corners[0], 1) +
         ", (40 min, 150 °C) " + fm(corners[1], 1) + ", (30 min, 160 °C) " + fm(corners[2], 1) +
         ", (40 min, 160 °C) " + fm(corners[3], 1) + "; centre points " + ", ".join(fm(v, 1) for v in centre) +
         ". Is there evidence of curvature? Please give the single-degree-of-freedom curvature sum of squares, "
         "and its F and p tested against pure error from the centre points.")
    cs = re.findall(r"°C\) ([\d.]+)", q)
    same([float(v) for v in cs], corners, "k30 c")
    same(nums(re.search(r"centre points ([\d., ]+)\.", q).group(1)), centre, "k30 m")
    A = [-1, 1, -1, 1, 0, 0, 0, 0]
    B = [-1, -1, 1, 1, 0, 0, 0, 0]
    cv = [0, 0, 0, 0, 1, 1, 1, 1]
    df = pd.DataFrame(dict(A=A, B=B, cv=cv, y=corners + centre))
    fit = smf.ols("y ~ A*B + cv", df).fit()
    F1 = fit.tvalues["cv"] ** 2
    p1 = fit.pvalues["cv"]
    ss1 = F1 * fit.mse_resid
    yF = H_mean(corners)
    yC = H_mean(centre)
    ss2 = Fr(4 * 4, 8) * (yF - yC) ** 2
    mspe = H_var(centre)
    F2 = ss2 / mspe
    ss = agree(ss1, M(ss2), "k30 ss")
    F = agree(F1, M(F2), "k30 F")
    p = agree(p1, H_F_sf(M(F2), 1, 3), "k30 p")
    add("k30", "prose", q, "Corner vs centre means; SS_curv = nF nC (ybarF - ybarC)^2/(nF+nC); F vs pure error (3 df).",
        ["doe_curvature"],
        [E("ss_curvature", ss, t_stat(ss)), E("f_statistic", F, t_stat(F)), E("p_value", p, t_p(p))],
        "2^2 + 4 centre points described in prose (times/temperatures are levels) -> curvature SS, F, p")


def k31():
    m = float(fm(10.0 + rng.uniform(0.025, 0.045), 3))
    s = float(fm(rng.uniform(0.026, 0.034), 3))
    q = (f"Last quarter's 50 parts from cell 3 averaged {fm(m, 3)} mm with an overall standard deviation of "
         f"{fm(s, 3)} mm (drawing 77-210-B, LSL 9.850 mm, USL 10.150 mm). Parts were measured at 23 °C and each "
         "one costs us $4.20. What are Pp and Ppk?")
    v = nums(q)
    assert v[2] == m and v[3] == s
    L_pp = 0.3 / (6 * s)
    L_ppk = min(10.15 - m, m - 9.85) / (3 * s)
    H_pp = Fr("0.300") / (6 * FR(s))
    H_ppk = min(Fr("10.150") - FR(m), FR(m) - Fr("9.850")) / (3 * FR(s))
    pp = agree(L_pp, M(H_pp), "k31 pp")
    ppk = agree(L_ppk, M(H_ppk), "k31 ppk")
    add("k31", "prose", q, "Summary mean/overall SD; LSL 9.85, USL 10.15; 50 parts, cell 3, drawing no., 23 °C, $4.20 are distractors.",
        ["summary_capability"],
        [E("pp", pp, t_stat(pp)), E("ppk", ppk, t_stat(ppk))],
        "mean/SD in prose with drawing no., temperature, cost -> Pp, Ppk")


def k32():
    m = float(fm(rng.normal(11.68, 0.08), 2))
    s = float(fm(rng.uniform(0.7, 0.9), 2))
    q = (f"Sixteen samples, taken by two operators over three shifts, gave a mean moisture content of {fm(m, 2)}% "
         f"with a standard deviation of {fm(s, 2)}%. The spec target is 12.0%. Is the mean different from 12.0%? "
         "Give me t, the two-sided p-value and a 90% confidence interval for the mean.")
    v = nums(q)
    assert v[0] == m and v[1] == s
    n = 16
    L_t = (m - 12.0) / (s / 4)
    L_p = 2 * st.t.sf(abs(L_t), 15)
    L_lo, L_hi = st.t.interval(0.90, 15, loc=m, scale=s / 4)
    H_tv = M((FR(m) - 12) / (FR(s) / 4))
    hw = H_t_ppf(mp.mpf("0.95"), 15) * M(FR(s) / 4)
    t = agree(L_t, H_tv, "k32 t")
    p = agree(L_p, H_t_two(H_tv, 15), "k32 p")
    lo = agree(L_lo, M(FR(m)) - hw, "k32 lo")
    hi = agree(L_hi, M(FR(m)) + hw, "k32 hi")
    add("k32", "prose", q, "n = 16 ('two operators', 'three shifts' are distractors); one-sample t vs 12.0; 90% CI uses t(0.95, 15).",
        ["summary_t_test"],
        [E("t_statistic", t, t_stat(t)), E("p_value", p, t_p(p)),
         E("ci_lower", lo, t_loc(lo, hi - lo)), E("ci_upper", hi, t_loc(hi, hi - lo))],
        "n written as a word, operators/shifts as distractors, 90% level -> one-sample t, p, 90% CI")


def k33():
    q = ("We want to estimate the mean fill volume to within ±0.5 mL with 95% confidence. The line runs three "
         "shifts at about 1,200 bottles an hour and the nominal fill is 750 mL. How many bottles should we sample?")
    reason = "The sample size for a mean needs a value (or pilot estimate) of the standard deviation; none is given."
    add("k33", "prose", q, "Refuse / ask: no sigma or pilot SD; 1,200/h and 750 mL nominal are not a spread.",
        ["sample_size_ci"], [], "sample size for a mean to ±0.5 mL, no sigma -> REFUSE", True, reason)


def k34():
    q = ("We'd like to estimate the share of customers who would pick option B to within ±3 percentage points "
         "with 95% confidence. Last year's survey (2,000 replies from 4 regions) put it at about 12%. How many "
         "responses do we need (round up)?")
    L_z = st.norm.ppf(0.975)
    L_n = math.ceil(L_z ** 2 * 0.12 * 0.88 / 0.03 ** 2)
    H_n = int(mp.ceil(H_z(mp.mpf("0.975")) ** 2 * M(Fr(12, 100) * Fr(88, 100) / Fr(3, 100) ** 2)))
    n = agree_int(L_n, H_n, "k34 n")
    assert math.ceil(1.96 ** 2 * 0.12 * 0.88 / 0.03 ** 2) == n  # table z gives the same answer
    add("k34", "prose", q, "p = 0.12 planning value, E = 0.03, z = 1.96; 2,000 and 4 regions are distractors; n = ceil(z^2 p(1-p)/E^2).",
        ["sample_size_ci"],
        [E("n", n, 0)],
        "proportion to ±3 points at 95%, prior 12%, survey size as distractor -> n")


def k35():
    d = 5 / 8
    q = ("We want to detect a 5 MPa difference in mean tensile strength between two suppliers. From past data "
         "σ ≈ 8 MPa for both. Two-sided α = 0.05, power 0.80, equal numbers per supplier, two-sample t-test "
         "(use the noncentral t, not the normal approximation). Our lab tests 12 pieces a day at 21 °C. "
         "How many pieces do we need per supplier?")
    pw = TTestIndPower()

    def H_power(n):
        with mp.workdps(20):
            nu = 2 * n - 2
            delta = mp.mpf(d) * mp.sqrt(mp.mpf(n) / 2)
            c = H_t_ppf(mp.mpf("0.975"), nu)
            fchi = lambda v: v ** (mp.mpf(nu) / 2 - 1) * mp.exp(-v / 2) / (2 ** (mp.mpf(nu) / 2) * mp.gamma(mp.mpf(nu) / 2))
            up = mp.quad(lambda v: fchi(v) * H_norm_sf(c * mp.sqrt(v / nu) - delta), [0, nu, mp.inf])
            dn = mp.quad(lambda v: fchi(v) * H_Phi(-c * mp.sqrt(v / nu) - delta), [0, nu, mp.inf])
            return up + dn

    L_n = next(n for n in range(2, 500) if pw.power(effect_size=d, nobs1=n, alpha=0.05, ratio=1.0) >= 0.8)
    H_n = next(n for n in range(L_n - 3, 500) if H_power(n) >= 0.8)
    n = agree_int(L_n, H_n, "k35 n")
    agree(pw.power(effect_size=d, nobs1=n, alpha=0.05), H_power(n), "k35 power")
    assert H_power(n) - 0.8 > 1e-3 and 0.8 - H_power(n - 1) > 1e-3
    add("k35", "prose", q, "Effect 5/8 = 0.625 SD, alpha 0.05 two-sided, power 0.8, noncentral t; 12/day and 21 °C are distractors.",
        ["power"],
        [E("n_per_group", n, 0)],
        "two-sample t power in prose (difference, sigma, alpha, power; lab rate/temperature distractors) -> n per group")


def k36():
    q = ("We're planning a 2^(5−2) fractional factorial with generators D = AB and E = AC. The factorial part will "
         "be run twice (two replicates) and we'll add 3 centre points, not replicated. Temperature is run at 150 "
         "and 170 °C and we have 4 operators available. How many runs is that in total, and what is the "
         "resolution of the design?")
    # (a) defining-relation group from the generator words
    gens = [frozenset("ABD"), frozenset("ACE")]
    words = set()
    for r in range(1, len(gens) + 1):
        for combo in itertools.combinations(gens, r):
            w = frozenset()
            for g in combo:
                w = w ^ g
            words.add(w)
    res_a = min(len(w) for w in words)
    runs_a = 2 ** (5 - 2) * 2 + 3
    # (b) build the coded design and search for the shortest interaction column that is constant
    base = np.array(list(itertools.product([-1, 1], repeat=3)))
    X = {"A": base[:, 0], "B": base[:, 1], "C": base[:, 2]}
    X["D"] = X["A"] * X["B"]
    X["E"] = X["A"] * X["C"]
    res_b = None
    for size in range(1, 6):
        for combo in itertools.combinations("ABCDE", size):
            col = np.prod([X[f] for f in combo], axis=0)
            if np.all(col == col[0]):
                res_b = size
                break
        if res_b:
            break
    design = np.vstack([np.column_stack([X[f] for f in "ABCDE"])] * 2 + [np.zeros((3, 5))])
    runs = agree_int(runs_a, design.shape[0], "k36 runs")
    res = agree_int(res_a, res_b, "k36 res")
    add("k36", "prose", q, "8 runs x 2 replicates + 3 centre = 19; I = ABD = ACE = BCDE -> resolution III; temperatures/operators are distractors.",
        ["doe_design", "doe_properties"],
        [E("total_runs", runs, 0), E("resolution", res, 0)],
        "2^(5-2) with D=AB, E=AC, 2 replicates + 3 centre points -> total runs, resolution")


def k37():
    gm = float(fm(74.0 + rng.normal(0, 0.0015), 4))
    sbar = float(fm(rng.uniform(0.008, 0.011), 4))
    n = 6
    q = (f"Piston-ring diameters: 25 subgroups of n = 6 collected over 3 days. Grand mean {fm(gm, 4)} mm, average "
         f"subgroup standard deviation s-bar = {fm(sbar, 4)} mm. The gauge R&R came out at 8% and the spec is "
         "74.000 ± 0.050 mm. Could you give me the X-bar and S chart limits (UCL and LCL for each, 3-sigma)?")
    v = nums(q)
    assert v[3] == gm and v[4] == sbar and v[1] == n
    c4L, c4H = L_c4(n), H_c4(n)
    agree(c4L, c4H, "c4(6)")
    A3L, A3H = 3 / (c4L * math.sqrt(n)), 3 / (c4H * mp.sqrt(n))
    B3L, B3H = max(0.0, 1 - 3 * math.sqrt(1 - c4L ** 2) / c4L), 1 - 3 * mp.sqrt(1 - c4H ** 2) / c4H
    B4L, B4H = 1 + 3 * math.sqrt(1 - c4L ** 2) / c4L, 1 + 3 * mp.sqrt(1 - c4H ** 2) / c4H
    assert B3H > 0
    G, S = FR(gm), FR(sbar)
    ux = agree(gm + A3L * sbar, M(G) + A3H * M(S), "k37 ux")
    lx = agree(gm - A3L * sbar, M(G) - A3H * M(S), "k37 lx")
    us = agree(B4L * sbar, B4H * M(S), "k37 us")
    ls = agree(B3L * sbar, B3H * M(S), "k37 ls")
    hw = ux - gm
    dA3 = 2 * abs(TABLE["A3"][6] - A3L) * sbar
    dB3 = 2 * abs(TABLE["B3"][6] - B3L) * sbar
    dB4 = 2 * abs(TABLE["B4"][6] - B4L) * sbar
    add("k37", "prose", q, "X-bar/S from summary: A3, B3, B4 for n = 6; 25 subgroups, 3 days, 8% R&R, spec are distractors.",
        ["summary_chart"],
        [E("ucl_xbar", ux, t_loc(ux, hw) + dA3), E("lcl_xbar", lx, t_loc(lx, hw) + dA3),
         E("ucl_s", us, t_stat(us) + dB4), E("lcl_s", ls, t_stat(ls) + dB3)],
        "X-bar/S from grand mean and s-bar (n = 6) with spec/R&R distractors -> 4 limits")


def k38():
    q = ("Our drawing gives LSL 12.60 mm and USL 12.40 mm. The process runs at a mean of 12.52 mm with a standard "
         "deviation of 0.03 mm (from 125 parts measured last week). What's the Cpk?")
    reason = "The stated LSL (12.60) is above the USL (12.40); the specification is contradictory, so Cpk is undefined until it is corrected."
    add("k38", "prose", q, "Refuse / ask: LSL > USL is contradictory (swapped or mistyped limits).",
        ["summary_capability"], [], "LSL 12.60 > USL 12.40 -> REFUSE (contradictory spec)", True, reason)


def k39():
    mA = float(fm(rng.normal(15.30, 0.03), 2))
    sA = float(fm(rng.uniform(0.36, 0.44), 2))
    mB = float(fm(rng.normal(15.04, 0.03), 2))
    sB = float(fm(rng.uniform(0.60, 0.70), 2))
    nA, nB = 24, 19
    q = (f"Line A: {nA} parts, mean {fm(mA, 2)} mm, standard deviation {fm(sA, 2)} mm. Line B: {nB} parts, mean "
         f"{fm(mB, 2)} mm, standard deviation {fm(sB, 2)} mm. Both sets were measured on gauge #3 at 20 °C on "
         "2 May. Please use Welch's t-test (no pooling), two-sided, and give t for A − B, the degrees of freedom, "
         "the p-value and a 95% confidence interval for the difference A − B.")
    v = nums(q)
    assert v[:6] == [nA, mA, sA, nB, mB, sB]
    r = st.ttest_ind_from_stats(mA, sA, nA, mB, sB, nB, equal_var=False)
    vA, vB = sA ** 2 / nA, sB ** 2 / nB
    L_df = (vA + vB) ** 2 / (vA ** 2 / (nA - 1) + vB ** 2 / (nB - 1))
    L_hw = st.t.ppf(0.975, L_df) * math.sqrt(vA + vB)
    HvA, HvB = M(FR(sA) ** 2 / nA), M(FR(sB) ** 2 / nB)
    Hdf = (HvA + HvB) ** 2 / (HvA ** 2 / (nA - 1) + HvB ** 2 / (nB - 1))
    Hd = M(FR(mA) - FR(mB))
    Ht = Hd / mp.sqrt(HvA + HvB)
    Hhw = H_t_ppf(mp.mpf("0.975"), Hdf) * mp.sqrt(HvA + HvB)
    t = agree(r.statistic, Ht, "k39 t")
    df = agree(L_df, Hdf, "k39 df")
    p = agree(r.pvalue, H_t_two(Ht, Hdf), "k39 p")
    lo = agree(mA - mB - L_hw, Hd - Hhw, "k39 lo")
    hi = agree(mA - mB + L_hw, Hd + Hhw, "k39 hi")
    add("k39", "prose", q, "Welch from summaries; gauge #3, 20 °C, 2 May are distractors; CI of A - B with Welch df.",
        ["summary_t_test"],
        [E("t_statistic", t, t_stat(t)), E("df", df, t_stat(df)), E("p_value", p, t_p(p)),
         E("ci_lower", lo, t_stat(lo)), E("ci_upper", hi, t_stat(hi))],
        "two-line summaries with gauge/temperature/date distractors -> Welch t, df, p, 95% CI of A - B")


def k40():
    n = 1250
    x = int(rng.binomial(n, 0.014))
    q = (f"In week 32 we shipped 1,250 units and {x} came back under warranty (each return costs us about $15 to "
         "process). Can you give me a 95% Wilson score interval for the return rate?")
    assert nums(q.replace("1,250", "1250"))[1] == n and nums(q.replace("1,250", "1250"))[2] == x
    lo1, hi1 = proportion_confint(x, n, alpha=0.05, method="wilson")
    z = H_z(mp.mpf("0.975"))
    ph = M(Fr(x, n))
    cen = (ph + z * z / (2 * n)) / (1 + z * z / n)
    hw = z / (1 + z * z / n) * mp.sqrt(ph * (1 - ph) / n + z * z / (4 * n * n))
    lo = agree(lo1, cen - hw, "k40 lo")
    hi = agree(hi1, cen + hw, "k40 hi")
    add("k40", "prose", q, "x returns of n = 1250 (week 32 and $15 are distractors); Wilson score interval with z = 1.96.",
        ["proportion_test"],
        [E("wilson_lower", lo, t_stat(lo)), E("wilson_upper", hi, t_stat(hi))],
        "returns out of '1,250' with week number and cost distractors -> 95% Wilson interval")


def k41():
    temps = [820, 850, 880]
    ops = ["Ana", "Ben"]
    teff = {820: 0, 850: 11, 880: 18}
    oeff = {"Ana": 0, "Ben": -4}
    inter = {(880, "Ben"): 3}
    data = {}
    for T in temps:
        for o in ops:
            mu = 410 + teff[T] + oeff[o] + inter.get((T, o), 0)
            data[(T, o)] = [int(v) for v in np.round(rng.normal(mu, 4.0, 2))]
    parts = []
    for T in temps:
        a, b = data[(T, "Ana")], data[(T, "Ben")]
        parts.append(f"at {T} °C Ana's two parts read {a[0]} and {a[1]} HV and Ben's {b[0]} and {b[1]} HV")
    q = ("Two operators (Ana and Ben) each hardened two parts at each of three furnace temperatures on the new "
         "line (commissioned in 2019, 3 zones). Results: " + "; ".join(parts) +
         ". Please analyse this as a two-way ANOVA with interaction and give F and p for temperature, operator "
         "and the temperature × operator interaction.")
    for T, a0, a1, b0, b1 in re.findall(r"at (\d+) °C Ana's two parts read (\d+) and (\d+) HV and Ben's (\d+) and (\d+) HV", q):
        T = int(T)
        same([a0, a1], data[(T, "Ana")], "k41")
        same([b0, b1], data[(T, "Ben")], "k41")
    rows = [dict(T=str(T), O=o, y=v) for (T, o), vs in data.items() for v in vs]
    df = pd.DataFrame(rows)
    tab = anova_lm(smf.ols("y ~ C(T) * C(O)", df).fit(), typ=2)
    # hand: balanced two-way SS with fractions
    allv = [Fr(v) for vs in data.values() for v in vs]
    gm = sum(allv) / 12
    mT = {T: sum(Fr(v) for o in ops for v in data[(T, o)]) / 4 for T in temps}
    mO = {o: sum(Fr(v) for T in temps for v in data[(T, o)]) / 6 for o in ops}
    mC = {k: sum(Fr(v) for v in vs) / 2 for k, vs in data.items()}
    ssT = 4 * sum((mT[T] - gm) ** 2 for T in temps)
    ssO = 6 * sum((mO[o] - gm) ** 2 for o in ops)
    ssI = 2 * sum((mC[(T, o)] - mT[T] - mO[o] + gm) ** 2 for T in temps for o in ops)
    ssE = sum((Fr(v) - mC[k]) ** 2 for k, vs in data.items() for v in vs)
    mse = ssE / 6
    out = []
    for name, key, ss, dfn in [("temperature", "C(T)", ssT, 2), ("operator", "C(O)", ssO, 1),
                               ("interaction", "C(T):C(O)", ssI, 2)]:
        F2 = (ss / dfn) / mse
        F = agree(tab.loc[key, "F"], M(F2), "k41 F " + name)
        p = agree(tab.loc[key, "PR(>F)"], H_F_sf(M(F2), dfn, 6), "k41 p " + name)
        out += [E("f_" + name, F, t_stat(F)), E("p_" + name, p, t_p(p))]
    add("k41", "prose", q, "Balanced 3 x 2 x 2 reps from prose; temperatures are factor levels, 2019/3 zones distractors; two-way ANOVA.",
        ["anova_twoway"], out,
        "operator x temperature hardness in sentences (2019, 3 zones distractors) -> two-way ANOVA F, p x 3")


def k42():
    while True:  # keep the LCL clearly positive
        c = [int(v) for v in rng.poisson(14, 15)]
        ub = sum(c) / 750
        if ub - 3 * math.sqrt(ub / 50) > 0.005:
            break
    q = ("Each roll of fabric is 50 m². Defects found on the last 15 rolls: " + ", ".join(str(v) for v in c) +
         ". Please set up a u chart in defects per square metre: the centre line and the 3-sigma UCL and LCL.")
    same([int(v) for v in nums(q.split("rolls: ")[1].split(". Please")[0])], c, "k42")
    L_u = np.sum(c) / (15 * 50)
    Hu = Fr(sum(c), 750)
    ubar = agree(L_u, M(Hu), "k42 u")
    ucl = agree(L_u + 3 * math.sqrt(L_u / 50), M(Hu) + 3 * mp.sqrt(M(Hu) / 50), "k42 ucl")
    lcl = agree(L_u - 3 * math.sqrt(L_u / 50), M(Hu) - 3 * mp.sqrt(M(Hu) / 50), "k42 lcl")
    assert lcl > 0.005
    add("k42", "prose", q, "Area per unit n = 50 m^2 is the inspection unit; u-bar = total/750; limits u-bar ± 3 sqrt(u-bar/50).",
        ["control_chart"],
        [E("u_bar", ubar, t_stat(ubar)), E("ucl", ucl, t_stat(ucl)), E("lcl", lcl, t_stat(lcl))],
        "defects per 50 m² roll, 15 rolls -> u chart per m²: CL, UCL, LCL")


# ==========================================================================
# Kind 4: mathematics typed informally (k43-k56)
# ==========================================================================

x_, y_, n_ = sp.symbols("x y n")
TRANS = standard_transformations + (implicit_multiplication_application, convert_xor)


def P(s):
    return parse_expr(s, transformations=TRANS, local_dict={"x": x_, "y": y_, "n": n_, "e": sp.E})


def k43():
    ex = "x^2*sin(3x)"
    q = f"whats the derivative of {ex} at x = 1 ? (radians)"
    assert ex in q
    L = sp.diff(P(ex), x_).subs(x_, 1)
    Hd = mp.diff(lambda t: t ** 2 * mp.sin(3 * t), 1)
    v = agree(sp.N(L, 20), Hd, "k43")
    add("k43", "maths", q, "d/dx[x^2 sin 3x] = 2x sin 3x + 3x^2 cos 3x at x = 1 = 2 sin 3 + 3 cos 3.",
        ["differentiate", "evaluate"], [E("derivative_at_1", v, t_math(v))],
        "'x^2*sin(3x)' with implicit 3x -> derivative at x = 1")


def k44():
    ex = "1/(x^2 + x)"
    q = f"integral from 1 to infinity of {ex} dx , does it converge and to what"
    L = sp.integrate(P(ex), (x_, 1, sp.oo))
    Hv = mp.quad(lambda t: 1 / (t * t + t), [1, mp.inf])
    v = agree(sp.N(L, 20), Hv, "k44")
    assert sp.simplify(L - sp.log(2)) == 0
    add("k44", "maths", q, "Partial fractions 1/x - 1/(x+1); converges to ln 2.",
        ["integrate"], [E("integral", v, t_math(v))],
        "improper integral 1..inf of 1/(x^2 + x) -> ln 2")


def k45():
    ex = "(sin(x) - x)/x^3"
    q = f"lim as x -> 0 of {ex}"
    L = sp.limit(P(ex), x_, 0)
    Hv = mp.limit(lambda t: (mp.sin(t) - t) / t ** 3, 0)
    v = agree(sp.N(L), Hv, "k45")
    add("k45", "maths", q, "Taylor: sin x - x ~ -x^3/6, limit -1/6.",
        ["limit"], [E("limit", v, t_math(v))], "'lim as x -> 0' of (sin x - x)/x^3 -> -1/6")


def k46():
    ex = "1/(n(n+2))"
    q = f"sum of {ex} from n=1 to infinity"
    L = sp.summation(P(ex), (n_, 1, sp.oo))
    Hv = mp.nsum(lambda k: 1 / (k * (k + 2)), [1, mp.inf])
    v = agree(sp.N(L), Hv, "k46")
    add("k46", "maths", q, "Telescoping: (1/2)(1 + 1/2) = 3/4.",
        ["summation"], [E("sum", v, t_math(v))], "infinite sum of 1/(n(n+2)) typed without '*' -> 3/4")


def k47():
    ex = "x^3 - 2x - 5"
    q = f"solve {ex} = 0 , i only need the real root (numerically is fine)"
    sols = [s for s in sp.solve(P(ex), x_) if abs(sp.im(sp.N(s))) < 1e-20]
    assert len(sols) == 1
    Hv = mp.findroot(lambda t: t ** 3 - 2 * t - 5, 2)
    v = agree(sp.N(sp.re(sols[0]), 20), Hv, "k47")
    add("k47", "maths", q, "Cubic with one real root (Newton's classic), about 2.0945515.",
        ["solve"], [E("real_root", v, t_math(v))], "cubic x^3 - 2x - 5 = 0 -> the single real root")


def k48():
    ex = "x^3 - 3x^2 - 9x + 5"
    q = f"f(x) = {ex} on the interval [-2, 6]. find the absolute max and min and where they happen"
    f = P(ex)
    crit = [c for c in sp.solve(sp.diff(f, x_), x_) if -2 <= c <= 6]
    cand = {c: f.subs(x_, c) for c in crit + [sp.Integer(-2), sp.Integer(6)]}
    Lmax_x = max(cand, key=lambda c: cand[c])
    Lmin_x = min(cand, key=lambda c: cand[c])
    grid = np.linspace(-2, 6, 800001)
    fv = grid ** 3 - 3 * grid ** 2 - 9 * grid + 5
    Hmax_x, Hmin_x = grid[np.argmax(fv)], grid[np.argmin(fv)]
    mx = agree(cand[Lmax_x], fv.max(), "k48 max")
    mn = agree(cand[Lmin_x], fv.min(), "k48 min")
    agree(Lmax_x, Hmax_x, "k48 xmax")
    agree(Lmin_x, Hmin_x, "k48 xmin")
    add("k48", "maths", q, "Critical points -1 (f=10) and 3 (f=-22); endpoints f(-2)=3, f(6)=59: max 59 at x=6, min -22 at x=3.",
        ["extrema"],
        [E("abs_max", int(mx), 0), E("abs_max_x", int(Lmax_x), 0), E("abs_min", int(mn), 0), E("abs_min_x", int(Lmin_x), 0)],
        "cubic on [-2, 6] -> absolute max/min values and locations (max at an endpoint)")


def k49():
    A = [[4, 1, 0], [1, 3, 1], [0, 1, 2]]
    q = "A = [[4,1,0],[1,3,1],[0,1,2]] . det(A) and the biggest eigenvalue pls"
    assert json.loads(q.split(" = ")[1].split(" .")[0]) == A
    S = sp.Matrix(A)
    det = agree_int(S.det(), round(np.linalg.det(np.array(A, float))), "k49 det")
    Lev = max(sp.N(e, 20) for e in S.eigenvals())
    Hev = max(np.linalg.eigvalsh(np.array(A, float)))
    ev = agree(sp.re(Lev), Hev, "k49 eig")
    add("k49", "maths", q, "Exact det = 18; largest eigenvalue of the symmetric tridiagonal matrix.",
        ["matrix"], [E("determinant", det, 0), E("largest_eigenvalue", ev, t_math(ev))],
        "matrix in Python-list notation -> determinant, largest eigenvalue")


def k50():
    ex = "(x^3 - 8)/(x^2 - 4)"
    q = f"simplify {ex} and then evaluate the simplified thing at x=2"
    s = sp.cancel(P(ex))
    L = s.subs(x_, 2)
    Hv = mp.limit(lambda t: (t ** 3 - 8) / (t ** 2 - 4), 2)
    v = agree(L, Hv, "k50")
    add("k50", "maths", q, "Cancel (x-2): (x^2+2x+4)/(x+2), which is 12/4 = 3 at x = 2 (removable singularity).",
        ["simplify", "evaluate"], [E("value_at_2", v, t_math(v))],
        "rational expression with removable singularity -> simplified form evaluated at x = 2 (3)")


def k51():
    q = "y = 3x^2 + kx - 4, what's dy/dx at x=2? i need a number not a formula"
    reason = "The constant k is never given, so dy/dx at x = 2 (= 12 + k) has no numeric value."
    add("k51", "maths", q, "Refuse / ask: k is unspecified; only 12 + k can be given, not the requested number.",
        ["differentiate"], [], "derivative with unspecified constant k, 'need a number' -> REFUSE", True, reason)


def k52():
    ex = "e^x cos x"
    q = f"what is the coefficient of x^4 in the taylor series of {ex} about x=0"
    L = sp.series(sp.exp(x_) * sp.cos(x_), x_, 0, 6).removeO().coeff(x_, 4)
    assert sp.simplify(P("e^x*cos(x)") - sp.exp(x_) * sp.cos(x_)) == 0
    Hv = mp.taylor(lambda t: mp.exp(t) * mp.cos(t), 0, 4)[4]
    v = agree(L, Hv, "k52")
    add("k52", "maths", q, "e^x cos x = Re e^{(1+i)x}; x^4 coefficient Re((1+i)^4)/4! = -4/24 = -1/6.",
        ["series"], [E("coefficient_x4", v, t_math(v))], "Taylor coefficient of x^4 in e^x cos x -> -1/6")


def k53():
    ex = "x^2y^3 + e^(xy)"
    q = f"f(x,y) = {ex} ... need d2f/dxdy at (1,2)"
    f = P(ex)
    assert sp.simplify(f - (x_ ** 2 * y_ ** 3 + sp.exp(x_ * y_))) == 0
    L = sp.diff(f, x_, y_).subs({x_: 1, y_: 2})
    Hv = mp.diff(lambda a, b: a ** 2 * b ** 3 + mp.exp(a * b), (1, 2), (1, 1))
    v = agree(sp.N(L, 20), Hv, "k53")
    add("k53", "maths", q, "f_xy = 6xy^2 + e^{xy}(1 + xy) -> 24 + 3e^2 at (1,2).",
        ["differentiate", "evaluate"], [E("mixed_partial_at_1_2", v, t_math(v))],
        "'x^2y^3 + e^(xy)' without operators -> mixed partial at (1,2)")


def k54():
    ex = "ln(x)/sqrt(x)"
    q = f"int from 0 to 1 of {ex} dx"
    L = sp.integrate(sp.log(x_) / sp.sqrt(x_), (x_, 0, 1))
    assert sp.simplify(P("log(x)/sqrt(x)") - sp.log(x_) / sp.sqrt(x_)) == 0
    Hv = mp.quad(lambda t: mp.log(t) / mp.sqrt(t), [0, 1])
    v = agree(sp.N(L), Hv, "k54")
    add("k54", "maths", q, "Improper at 0; substitution / parts gives -4.",
        ["integrate"], [E("integral", v, t_math(v))], "'int from 0 to 1 of ln(x)/sqrt(x)' (improper at 0) -> -4")


def k55():
    eqs = ["2x + 3y - z = 5", "x - y + 2z = 3", "3x + y + z = 10"]
    q = "solve the system " + " , ".join(eqs)
    z_ = sp.Symbol("z")
    ld = {"x": x_, "y": y_, "z": z_}
    sy = [parse_expr(e.split("=")[0], transformations=TRANS, local_dict=ld) -
          parse_expr(e.split("=")[1], transformations=TRANS, local_dict=ld) for e in eqs]
    sol = sp.solve(sy, [x_, y_, z_], dict=True)
    assert len(sol) == 1
    Amat = np.array([[2, 3, -1], [1, -1, 2], [3, 1, 1]], float)
    hv = np.linalg.solve(Amat, np.array([5, 3, 10], float))
    out = []
    for i, s in enumerate([x_, y_, z_]):
        v = agree(sol[0][s], hv[i], f"k55 {s}")
        out.append(E(str(s), v, t_math(v)))
    add("k55", "maths", q, "Unique solution of a 3x3 linear system.",
        ["solve"], out, "three linear equations separated by commas -> x, y, z")


def k56():
    ex = "x^3 + y^3 - 3xy"
    q = f"find & classify the critical points of f(x,y) = {ex}. what's the local minimum value?"
    f = P(ex)
    crit = [s for s in sp.solve([sp.diff(f, x_), sp.diff(f, y_)], [x_, y_], dict=True)
            if all(sp.im(v) == 0 for v in s.values())]
    Hs = sp.hessian(f, (x_, y_))
    mins = [s for s in crit if Hs.subs(s).det() > 0 and Hs.subs(s)[0, 0] > 0]
    assert len(mins) == 1
    # hand: y = x^2, x^4 = x -> real roots via numpy; classify with numeric Hessian
    rr = [r.real for r in np.roots([1, 0, 0, -1, 0]) if abs(r.imag) < 1e-12]
    pts = sorted(set(round(r, 12) for r in rr))
    hmin = []
    for px in pts:
        py = px ** 2
        det = 36 * px * py - 9
        if det > 0 and 6 * px > 0:
            hmin.append((px, py, px ** 3 + py ** 3 - 3 * px * py))
    ncrit = agree_int(len(crit), len(pts), "k56 n")
    mv = agree(f.subs(mins[0]), hmin[0][2], "k56 min")
    mx_ = agree(mins[0][x_], hmin[0][0], "k56 x")
    my_ = agree(mins[0][y_], hmin[0][1], "k56 y")
    add("k56", "maths", q, "Critical points (0,0) saddle and (1,1) local min with f = -1.",
        ["extrema"],
        [E("n_critical_points", ncrit, 0), E("local_min_value", int(mv), 0), E("local_min_x", int(mx_), 0),
         E("local_min_y", int(my_), 0)],
        "two-variable cubic -> critical points, classification, local min value")


# ==========================================================================
# Kind 5: tests or methods named by the user (k57-k70)
# ==========================================================================


def k57():
    while True:
        m1 = draw(rng.normal(24.0, 3.0, 10), 1)
        m2 = draw(rng.normal(27.0, 3.0, 11), 1)
        if len(set(m1 + m2)) == 21:
            break
    q = ("Drying times (min) with two methods.\nMethod 1: " + ", ".join(fm(v, 1) for v in m1) +
         "\nMethod 2: " + ", ".join(fm(v, 1) for v in m2) +
         "\n\nPlease run a Mann–Whitney U test, two-sided, using the normal approximation with continuity "
         "correction. Report U for Method 1 (the number of pairs in which the Method 1 time is larger) and the p-value.")
    same(nums(re.search(r"Method 1: (.*)", q).group(1)), m1, "k57 1")
    same(nums(re.search(r"Method 2: (.*)", q).group(1)), m2, "k57 2")
    r = st.mannwhitneyu(m1, m2, alternative="two-sided", method="asymptotic", use_continuity=True)
    U = sum(1 for a in m1 for b in m2 if a > b)
    n1, n2 = 10, 11
    mu = mp.mpf(n1 * n2) / 2
    sd = mp.sqrt(mp.mpf(n1 * n2 * (n1 + n2 + 1)) / 12)
    z = (abs(U - mu) - mp.mpf("0.5")) / sd
    Uv = agree_int(r.statistic, U, "k57 U")
    p = agree(r.pvalue, 2 * H_norm_sf(z), "k57 p")
    add("k57", "named", q, "Mann-Whitney, no ties, z = (|U - n1n2/2| - 0.5)/sqrt(n1n2(N+1)/12), two-sided.",
        ["mann_whitney"],
        [E("u_statistic", Uv, 0), E("p_value", p, t_p(p))],
        "Mann-Whitney named, normal approximation with continuity correction -> U (Method 1), p")


def k58():
    n = 10
    while True:
        before = draw(rng.normal(30.0, 4.0, n), 1)
        after = draw(np.array(before) + rng.normal(1.1, 1.6, n), 1)
        d = [FR(a) - FR(b) for a, b in zip(after, before)]
        ad = sorted(abs(v) for v in d)
        if all(v != 0 for v in d) and all(ad[i + 1] - ad[i] >= Fr(1, 10) for i in range(n - 1)):
            break
    tab = "Unit  Before  After\n" + "\n".join(f"{i + 1:>4}  {fm(b, 1):>6}  {fm(a, 1):>5}" for i, (b, a) in enumerate(zip(before, after)))
    q = ("Grip strength (kg) of ten assembly workers before and after the new handle design:\n\n" + tab +
         "\n\nWilcoxon signed-rank test on the differences After − Before please, two-sided with the exact p-value "
         "(there are no zero differences and no ties). Report W+ (the sum of the ranks of the positive "
         "differences) and the p-value.")
    rows = re.findall(r"^\s*\d+\s+([\d.]+)\s+([\d.]+)$", q, re.M)
    same([float(b) for b, _ in rows], before, "k58 b")
    same([float(a) for _, a in rows], after, "k58 a")
    r2 = st.wilcoxon(after, before, alternative="two-sided", method="exact")
    rg = st.wilcoxon(after, before, alternative="greater", method="exact")
    rk = H_ranks([abs(v) for v in d])
    Wp = sum(r for r, v in zip(rk, d) if v > 0)
    dist = {}
    for signs in itertools.product([0, 1], repeat=n):
        w = sum(i + 1 for i, s in enumerate(signs) if s)
        dist[w] = dist.get(w, 0) + 1
    lo = Fr(sum(c for w, c in dist.items() if w <= Wp), 2 ** n)
    hi = Fr(sum(c for w, c in dist.items() if w >= Wp), 2 ** n)
    p2 = min(Fr(1), 2 * min(lo, hi))
    W = agree_int(rg.statistic, Wp, "k58 W")
    p = agree(r2.pvalue, M(p2), "k58 p")
    add("k58", "named", q, "Signed-rank on After - Before; W+ = sum of positive ranks; exact null by 2^10 enumeration.",
        ["wilcoxon_signed_rank"],
        [E("w_plus", W, 0), E("p_value", p, t_p(p))],
        "Wilcoxon signed-rank named, aligned before/after table -> W+, exact two-sided p")


def k59():
    nb, k = 6, 4
    eff = np.array([0.0, 0.6, 1.1, 0.2])
    while True:
        tab = [draw(6.0 + eff + rng.normal(0, 0.7, k) + rng.normal(0, 0.8), 1) for _ in range(nb)]
        if all(len(set(r)) == k for r in tab):
            break
    body = "\n".join(f"| P{i + 1} | " + " | ".join(fm(v, 1) for v in r) + " |" for i, r in enumerate(tab))
    q = ("Six trained panellists each scored all four formulations (higher = better):\n\n"
         "| Panellist | F1 | F2 | F3 | F4 |\n|---|---|---|---|---|\n" + body +
         "\n\nPanellists use the scale very differently, so I'd like a Friedman test (chi-square approximation). "
         "Test statistic, degrees of freedom and p-value please.")
    parsed = [nums(ln.split("|", 2)[2]) for ln in q.splitlines() if re.match(r"^\| P\d", ln)]
    same(sum(parsed, []), sum(tab, []), "k59")
    s1, p1 = st.friedmanchisquare(*[list(c) for c in zip(*tab)])
    R = [Fr(0)] * k
    for row in tab:
        rk = H_ranks(row)
        R = [a + b for a, b in zip(R, rk)]
    Q = Fr(12, nb * k * (k + 1)) * sum(r * r for r in R) - 3 * nb * (k + 1)
    s = agree(s1, M(Q), "k59 Q")
    p = agree(p1, H_chi2_sf(M(Q), k - 1), "k59 p")
    add("k59", "named", q, "Blocks = panellists, treatments = formulations; rank within rows; Friedman Q, df = 3.",
        ["friedman"],
        [E("chi2_statistic", s, t_stat(s)), E("df", 3, 0), E("p_value", p, t_p(p))],
        "Friedman named, markdown blocks x treatments -> statistic, df, p")


def k60():
    spec = [("Gauge 1", 8, 5.0, 0.05), ("Gauge 2", 8, 5.0, 0.12), ("Gauge 3", 8, 5.0, 0.07)]
    data = [draw(rng.normal(m, s, n), 2) for _, n, m, s in spec]
    q = ("Repeat readings of the same reference standard on three gauges:\n\n" +
         "\n".join(f"{lab}: " + " ".join(fm(v, 2) for v in g) for (lab, _, _, _), g in zip(spec, data)) +
         "\n\nI want the original Levene's test for equal variances — absolute deviations from the group means, "
         "not the medians. Test statistic and p-value?")
    for (lab, _, _, _), g in zip(spec, data):
        same(nums(re.search(lab + r": (.*)", q).group(1)), g, "k60 " + lab)
    W1, p1 = st.levene(*data, center="mean")
    devs = [[abs(FR(v) - H_mean(g)) for v in g] for g in data]
    W2, p2, _ = H_anova(devs)
    W = agree(W1, W2, "k60 W")
    p = agree(p1, p2, "k60 p")
    add("k60", "named", q, "Classic Levene (mean-centred), three groups of 8; 'Gauge 1' labels are not data.",
        ["levene"],
        [E("w_statistic", W, t_stat(W)), E("p_value", p, t_p(p))],
        "original Levene (mean-centred) named, gauge-labelled rows -> W, p")


def k61():
    a = int(rng.binomial(12, 0.25))
    c = int(rng.binomial(14, 0.72))
    tab = [[a, 12 - a], [c, 14 - c]]
    q = ("Small pilot on a new surface treatment. Treated panels: " + f"{a} of 12 passed the salt-spray test. "
         f"Untreated panels: {c} of 14 passed. With counts this small I'd like Fisher's exact test, "
         "two-sided — what's the p-value?")
    v = nums(q)
    assert v[:4] == [a, 12, c, 14]
    L = st.fisher_exact(tab, alternative="two-sided").pvalue
    r1, c1, N = 12, a + c, 26

    def pmf(x):
        return Fr(math.comb(c1, x) * math.comb(N - c1, r1 - x), math.comb(N, r1))
    pobs = pmf(a)
    H = sum(pmf(x) for x in range(max(0, r1 + c1 - N), min(r1, c1) + 1) if pmf(x) <= pobs)
    p = agree(L, M(H), "k61 p")
    add("k61", "named", q, "2x2 table built from 'x of n' sentences; Fisher exact two-sided (sum of tables no more probable than observed).",
        ["proportion_test"],
        [E("p_value", p, t_p(p))],
        "Fisher's exact named, counts as 'x of n' sentences -> two-sided p")


def k62():
    while True:
        t = [int(v) for v in rng.multinomial(60, [0.48, 0.06, 0.20, 0.26])]
        if t[1] != t[2] and t[1] + t[2] >= 8:
            break
    pp, pf, fp, ff = t
    q = ("60 inspectors judged the same reference part before and after the refresher course.\n\n"
         "                 After: pass   After: fail\n"
         f"Before: pass     {pp:>11}   {pf:>11}\n"
         f"Before: fail     {fp:>11}   {ff:>11}\n\n"
         "McNemar's test please — the exact binomial version on the discordant pairs, two-sided. What's the p-value?")
    rows = re.findall(r"^Before: \w+\s+(\d+)\s+(\d+)$", q, re.M)
    same([int(v) for r in rows for v in r], t, "k62")
    L = sm_mcnemar([[pp, pf], [fp, ff]], exact=True).pvalue
    b, c = pf, fp
    H = min(Fr(1), 2 * sum(Fr(math.comb(b + c, i), 2 ** (b + c)) for i in range(min(b, c) + 1)))
    p = agree(L, M(H), "k62 p")
    add("k62", "named", q, "Discordant cells are Before pass/After fail and Before fail/After pass; exact binomial, two-sided.",
        ["mcnemar"],
        [E("p_value", p, t_p(p))],
        "McNemar exact named, aligned 2x2 before/after table -> two-sided p")


def k63():
    q = ("Before the refresher course 38 of our 60 inspectors passed the audit sample; afterwards 49 of the same 60 "
         "passed. Can you run McNemar's test on that and give me the p-value?")
    reason = ("McNemar's test needs the discordant pair counts (pass->fail and fail->pass); only the marginal totals "
              "38/60 and 49/60 are given, which do not determine them.")
    add("k63", "named", q, "Refuse / ask: only marginals given; McNemar requires the paired 2x2 (discordant) counts.",
        ["mcnemar"], [], "McNemar named but only marginal totals -> REFUSE (missing discordant counts)", True, reason)


def k64():
    while True:
        a = int(rng.binomial(90, 0.92))
        c = int(rng.binomial(85, 0.80))
        tab = [[a, 90 - a], [c, 85 - c]]
        N = 175
        if abs(Fr(tab[0][0] * tab[1][1] - tab[0][1] * tab[1][0], N)) > 1 and min(
                Fr(sum(r) * sum(col), N) for r in tab for col in zip(*tab)) >= 5:
            break
    q = ("Machine A: 90 parts, " + f"{a} good and {90 - a} bad. Machine B: 85 parts, {c} good and {85 - c} bad. "
         "Run a chi-square test of independence on this 2×2 table with Yates' continuity correction. "
         "Statistic and p-value?")
    v = nums(q.replace("2×2", ""))
    assert v[:6] == [90, a, 90 - a, 85, c, 85 - c]
    s1, p1, _, _ = st.chi2_contingency(tab, correction=True)
    (A, B), (C, D) = tab
    H = Fr(N) * (abs(A * D - B * C) - Fr(N, 2)) ** 2 / ((A + B) * (C + D) * (A + C) * (B + D))
    s = agree(s1, M(H), "k64 chi")
    p = agree(p1, H_chi2_sf(M(H), 1), "k64 p")
    add("k64", "named", q, "Yates-corrected chi-square on the 2x2 built from sentences: N(|ad-bc| - N/2)^2 / margins.",
        ["chi_square"],
        [E("chi2_statistic", s, t_stat(s)), E("p_value", p, t_p(p))],
        "chi-square with Yates named, table in sentences -> statistic, p")


def k65():
    n = 20
    x = draw(3.0 + rng.gamma(2.0, 0.6, n), 2)
    q = ("Surface roughness Ra (µm) of 20 machined faces:\n" + ", ".join(fm(v, 2) for v in x) +
         "\n\nShapiro–Wilk test for normality please: W and the p-value.")
    same(nums(q.split("\n")[1]), x, "k65")
    W1, p1 = st.shapiro(x)
    # hand: Royston (1992/1995) approximation, as in AS R94
    xs = sorted(FR(v) for v in x)
    mvals = [H_z((mp.mpf(i) - mp.mpf("0.375")) / (n + mp.mpf("0.25"))) for i in range(1, n + 1)]
    msum = sum(v * v for v in mvals)
    u = 1 / mp.sqrt(n)
    cn, cn1 = mvals[-1] / mp.sqrt(msum), mvals[-2] / mp.sqrt(msum)
    an = cn + 0.221157 * u - 0.147981 * u ** 2 - 2.071190 * u ** 3 + 4.434685 * u ** 4 - 2.706056 * u ** 5
    an1 = cn1 + 0.042981 * u - 0.293762 * u ** 2 - 1.752461 * u ** 3 + 5.682633 * u ** 4 - 3.582633 * u ** 5
    phi = (msum - 2 * mvals[-1] ** 2 - 2 * mvals[-2] ** 2) / (1 - 2 * an ** 2 - 2 * an1 ** 2)
    a = [mv / mp.sqrt(phi) for mv in mvals]
    a[-1], a[-2], a[0], a[1] = an, an1, -an, -an1
    xm = M(sum(xs) / n)
    ss = sum((M(v) - xm) ** 2 for v in xs)
    W2 = sum(ai * M(v) for ai, v in zip(a, xs)) ** 2 / ss
    L = mp.log(n)
    mu = 0.0038915 * L ** 3 - 0.083751 * L ** 2 - 0.31082 * L - 1.5861
    sg = mp.exp(0.0030302 * L ** 2 - 0.082676 * L - 0.4803)
    z = (mp.log(1 - W2) - mu) / sg
    p2 = H_norm_sf(z)
    W = agree(W1, W2, "k65 W")
    p = agree(p1, p2, "k65 p")
    add("k65", "named", q, "Shapiro-Wilk W (Royston coefficients) and Royston's normal approximation for p, n = 20.",
        ["normality"],
        [E("w_statistic", W, max(2e-4 * W, 1e-6)), E("p_value", p, max(5e-3 * p, 1e-6))],
        "Shapiro-Wilk named, 20 comma-separated values -> W, p")


def k66():
    n = 12
    while True:
        x = draw(rng.uniform(10, 30, n), 1)
        y = draw(50 - 0.8 * np.array(x) + rng.normal(0, 4.0, n), 1)
        if len(set(x)) == n and len(set(y)) == n:
            break
    lines = "\n".join(f"{fm(a, 1)}\t{fm(b, 1)}" for a, b in zip(x, y))
    q = ("Ambient humidity (%) vs adhesive peel strength (N) for 12 bonds, one pair per line:\n\n" + lines +
         "\n\nKendall's tau please (no ties, so tau-b equals tau-a), with a two-sided p-value from the large-sample "
         "normal approximation without continuity correction.")
    rows = re.findall(r"^([\d.]+)\t([\d.]+)$", q, re.M)
    same([float(a) for a, _ in rows], x, "k66 x")
    same([float(b) for _, b in rows], y, "k66 y")
    r = st.kendalltau(x, y, method="asymptotic")
    S = 0
    for i in range(n):
        for j in range(i + 1, n):
            S += int(np.sign(x[j] - x[i]) * np.sign(y[j] - y[i]))
    tau2 = Fr(S, n * (n - 1) // 2)
    z = S / mp.sqrt(mp.mpf(n * (n - 1) * (2 * n + 5)) / 18)
    tau = agree(r.statistic, M(tau2), "k66 tau")
    p = agree(r.pvalue, 2 * H_norm_sf(abs(z)), "k66 p")
    add("k66", "named", q, "Kendall tau from concordant - discordant pairs; z = S/sqrt(n(n-1)(2n+5)/18).",
        ["correlation"],
        [E("kendall_tau", tau, t_stat(tau)), E("p_value", p, t_p(p))],
        "Kendall tau named, tab-separated pairs -> tau, asymptotic two-sided p")


def k67():
    mus = {"A": 20.0, "B": 21.6, "C": 23.1}
    data = {g: draw(rng.normal(m, 1.5, 6), 1) for g, m in mus.items()}
    q = ("Bond strength (MPa) for three primers, six coupons each:\n\n" +
         "\n".join(f"Primer {g}: " + ", ".join(fm(v, 1) for v in data[g]) for g in "ABC") +
         "\n\nRun a one-way ANOVA followed by Tukey's HSD. I need the Tukey-adjusted p-values for A vs B, A vs C "
         "and B vs C.")
    for g in "ABC":
        same(nums(re.search(f"Primer {g}: (.*)", q).group(1)), data[g], "k67 " + g)
    groups = [data[g] for g in "ABC"]
    res = st.tukey_hsd(*groups)
    _, _, mse = H_anova(groups)
    nu = 15
    k = 3

    def H_ptukey_sf(qv):
        with mp.workdps(18):
            qv = mp.mpf(qv)

            def G(w):  # P(range of k iid N(0,1) < w)
                return k * mp.quad(lambda z: mp.npdf(z) * (mp.ncdf(z) - mp.ncdf(z - w)) ** (k - 1),
                                   [-mp.inf, w / 2, mp.inf])
            fs = lambda s: (2 * (mp.mpf(nu) / 2) ** (mp.mpf(nu) / 2) / mp.gamma(mp.mpf(nu) / 2)
                            * s ** (nu - 1) * mp.exp(-nu * s * s / 2))
            return mp.quad(lambda s: fs(s) * (1 - G(qv * s)), [0, 1, 2, mp.inf])

    out = []
    means = {g: H_mean(data[g]) for g in "ABC"}
    for (i, gi), (j, gj) in itertools.combinations(enumerate("ABC"), 2):
        qv = abs(M(means[gi] - means[gj])) / mp.sqrt(mse / 6)
        p = agree(res.pvalue[i, j], H_ptukey_sf(qv), f"k67 p{gi}{gj}")
        out.append(E(f"p_{gi.lower()}{gj.lower()}", p, t_p(p)))
    add("k67", "named", q, "Tukey HSD: q = |mean diff|/sqrt(MSE/n), studentized range k=3, df=15.",
        ["anova_oneway"], out,
        "Tukey HSD named, 'Primer X:' rows -> three adjusted p-values")


def k68():
    q = ("For a Box–Behnken design in 3 factors with 3 centre points: how many runs does it have in total, how many "
         "of those runs put any one factor at its middle (0) level, and is the design rotatable? (Answer the last "
         "one as 1 for yes, 0 for no.)")
    # (a) build the design explicitly
    runs = []
    for i, j in itertools.combinations(range(3), 2):
        for a, b in itertools.product([-1, 1], repeat=2):
            r = [0, 0, 0]
            r[i], r[j] = a, b
            runs.append(r)
    runs += [[0, 0, 0]] * 3
    Xd = np.array(runs, float)
    n_a = Xd.shape[0]
    zeros_a = [int(np.sum(Xd[:, f] == 0)) for f in range(3)]
    assert len(set(zeros_a)) == 1
    rot_a = int(all(abs(np.sum(Xd[:, i] ** 4) - 3 * np.sum(Xd[:, i] ** 2 * Xd[:, j] ** 2)) < 1e-12
                    for i, j in itertools.permutations(range(3), 2)))
    # (b) combinatorial formulas: 4 C(k,2) edge runs + nc; factor at 0 in 4 C(k-1,2) edge runs + nc;
    #     rotatability needs sum x_i^4 = 3 sum x_i^2 x_j^2, i.e. 4(k-1) = 3*4
    kf, nc = 3, 3
    n_b = 4 * math.comb(kf, 2) + nc
    zeros_b = 4 * math.comb(kf - 1, 2) + nc
    rot_b = int(4 * (kf - 1) == 3 * 4)
    add("k68", "named", q, "BBD k=3: 12 edge midpoints + 3 centre = 15 runs; each factor at 0 in 4 + 3 = 7 runs; not rotatable ([iiii]=8 vs 3[iijj]=12).",
        ["doe_design", "doe_properties"],
        [E("n_runs", agree_int(n_a, n_b, "k68 n"), 0), E("runs_at_zero_per_factor", agree_int(zeros_a[0], zeros_b, "k68 z"), 0),
         E("rotatable", agree_int(rot_a, rot_b, "k68 rot"), 0)],
        "Box-Behnken (3 factors, 3 centre points) named -> runs, runs at 0 per factor, rotatable flag")


def k69():
    mu0, sig, lam, Lw = 50.0, 2.0, 0.2, 3.0
    while True:  # redraw until some point signals and no point sits within 0.02 of a limit
        x = draw(np.concatenate([rng.normal(50, 2, 8), rng.normal(53.2, 2, 7)]), 1)
        z, ok, sig_any = Fr(50), True, False
        for t, v in enumerate(x, 1):
            z = Fr(1, 5) * FR(v) + Fr(4, 5) * z
            hw = 6 * math.sqrt(float(Fr(1, 9) * (1 - Fr(4, 5) ** (2 * t))))
            ok = ok and abs(abs(float(z) - 50) - hw) > 0.05
            sig_any = sig_any or abs(float(z) - 50) > hw
        if ok and sig_any:
            break
    q = ("EWMA chart please. Target μ0 = 50.0, known σ = 2.0, λ = 0.2, L = 3, starting value z0 = 50.0, and use the "
         "exact (time-varying) limits. Observations in order:\n" + " ".join(fm(v, 1) for v in x) +
         "\n\nWhat is the EWMA value and the UCL at the last observation, and which observation (1-based) is the first "
         "to signal? (0 if none.)")
    same(nums(q.split("\n")[1]), x, "k69")
    n = len(x)
    # (a) vectorised closed form z_t = (1-lam)^t mu0 + sum lam (1-lam)^(t-j) x_j
    a = np.array(x)
    L_z = np.array([(1 - lam) ** t * mu0 + sum(lam * (1 - lam) ** (t - j) * a[j - 1] for j in range(1, t + 1))
                    for t in range(1, n + 1)])
    tt = np.arange(1, n + 1)
    L_ucl = mu0 + Lw * sig * np.sqrt(lam / (2 - lam) * (1 - (1 - lam) ** (2 * tt)))
    L_lcl = mu0 - Lw * sig * np.sqrt(lam / (2 - lam) * (1 - (1 - lam) ** (2 * tt)))
    L_sig = [i + 1 for i in range(n) if L_z[i] > L_ucl[i] or L_z[i] < L_lcl[i]]
    # (b) exact recursion with fractions
    lamF = Fr(1, 5)
    z = Fr(50)
    H_z_, H_u = [], []
    for t, v in enumerate(x, 1):
        z = lamF * FR(v) + (1 - lamF) * z
        H_z_.append(z)
        H_u.append(50 + 3 * 2 * mp.sqrt(M(lamF / (2 - lamF) * (1 - (1 - lamF) ** (2 * t)))))
    H_sig = [i + 1 for i in range(n) if M(H_z_[i]) > H_u[i] or M(H_z_[i]) < 100 - H_u[i]]
    for i in range(n):
        assert abs(M(H_z_[i]) - H_u[i]) > 0.02 and abs(M(H_z_[i]) - (100 - H_u[i])) > 0.02
    assert H_sig
    zl = agree(L_z[-1], M(H_z_[-1]), "k69 z")
    ul = agree(L_ucl[-1], H_u[-1], "k69 ucl")
    fs = agree_int(L_sig[0], H_sig[0], "k69 first")
    add("k69", "named", q, "EWMA z_t = 0.2 x_t + 0.8 z_{t-1}, z0 = 50; time-varying limits; first t with z outside limits.",
        ["control_chart"],
        [E("ewma_last", zl, t_loc(zl, ul - 50)), E("ucl_last", ul, t_loc(ul, ul - 50)), E("first_signal", fs, 0)],
        "EWMA named with lambda, L, sigma, z0 -> last EWMA, last UCL, first signalling point")


def k70():
    mu0, sig = 10.0, 0.5
    K, Hh = 0.25, 2.5
    while True:  # redraw until some point signals and no sum sits within 0.05 of h
        x = draw(np.concatenate([rng.normal(10.0, 0.5, 8), rng.normal(10.6, 0.5, 8)]), 2)
        cp = cm = Fr(0)
        ok, sig_any = True, False
        for v in x:
            cp = max(Fr(0), FR(v) - Fr("10.25") + cp)
            cm = max(Fr(0), Fr("9.75") - FR(v) + cm)
            ok = ok and abs(cp - Fr("2.5")) > Fr(1, 20) and abs(cm - Fr("2.5")) > Fr(1, 20)
            sig_any = sig_any or cp > Fr("2.5") or cm > Fr("2.5")
        if ok and sig_any:
            break
    q = ("Tabular CUSUM, please. Target 10.00, σ = 0.50 (known), reference value k = 0.5σ and decision interval "
         "h = 5σ, both sums starting at 0. Data:\n" + ", ".join(fm(v, 2) for v in x) +
         "\n\nGive me C+ and C− after the last observation and the number (1-based) of the first observation at "
         "which either sum exceeds h (0 if none).")
    same(nums(q.split("\n")[1]), x, "k70")
    a = np.array(x)
    # (a) vectorised: C+_t = S_t - min_{j<=t} S_j with S cumulative sum of (x - mu0 - K), S_0 = 0
    Sp = np.concatenate([[0.0], np.cumsum(a - mu0 - K)])
    Cp = Sp[1:] - np.minimum.accumulate(Sp)[1:]
    Sm = np.concatenate([[0.0], np.cumsum(mu0 - K - a)])
    Cm = Sm[1:] - np.minimum.accumulate(Sm)[1:]
    L_first = next((i + 1 for i in range(len(a)) if Cp[i] > Hh or Cm[i] > Hh), 0)
    # (b) recursion with fractions
    cp = cm = Fr(0)
    HCp, HCm = [], []
    for v in x:
        cp = max(Fr(0), FR(v) - Fr("10.25") + cp)
        cm = max(Fr(0), Fr("9.75") - FR(v) + cm)
        HCp.append(cp)
        HCm.append(cm)
    H_first = next((i + 1 for i in range(len(x)) if HCp[i] > Fr("2.5") or HCm[i] > Fr("2.5")), 0)
    for i in range(len(x)):
        assert abs(HCp[i] - Fr("2.5")) > Fr(1, 50) and abs(HCm[i] - Fr("2.5")) > Fr(1, 50)
    assert H_first > 0
    cpl = agree(Cp[-1], M(HCp[-1]), "k70 cp")
    cml = agree(Cm[-1], M(HCm[-1]), "k70 cm")
    fs = agree_int(L_first, H_first, "k70 first")
    add("k70", "named", q, "Tabular CUSUM with K = 0.25, H = 2.5 in data units; C+ = max(0, x - 10.25 + C+), C- = max(0, 9.75 - x + C-).",
        ["control_chart"],
        [E("c_plus_last", cpl, 1e-6 if cpl == 0 else t_stat(cpl)),
         E("c_minus_last", cml, 1e-6 if cml == 0 else t_stat(cml)), E("first_signal", fs, 0)],
        "tabular CUSUM named with k = 0.5 sigma, h = 5 sigma -> last C+, C-, first signal")


# ==========================================================================
# build, check, write
# ==========================================================================


def main():
    builders = [globals()[f"k{i:02d}"] for i in range(1, 71)]
    for b in builders:
        b()
    assert [q["id"] for q in QS] == [f"k{i:02d}" for i in range(1, 71)]
    for i, q in enumerate(QS):
        assert q["kind"] == KINDS[i // 14], q["id"]
        for e in q["expect"]:
            assert re.fullmatch(r"[a-z][a-z0-9_]*", e["name"]), e
            assert math.isfinite(e["value"]) and e["tol"] >= 0
            if isinstance(e["value"], int):
                assert e["tol"] == 0
        assert len({e["name"] for e in q["expect"]}) == len(q["expect"])
    refusals = [q["id"] for q in QS if q["refuse"]]
    assert len(refusals) == 7
    assert len({QS[int(r[1:]) - 1]["kind"] for r in refusals}) == 5

    keys = ["id", "kind", "question", "intent", "tools", "expect", "refuse"]
    lines = [json.dumps({k: q[k] for k in keys}, ensure_ascii=False) for q in QS]
    blob = ("\n".join(lines) + "\n").encode("utf-8")
    with open(os.path.join(HERE, "round40.jsonl"), "wb") as fh:
        fh.write(blob)
    md5 = hashlib.md5(blob).hexdigest()

    counts = {k: sum(1 for q in QS if q["kind"] == k) for k in KINDS}
    meta = {
        "round": 40,
        "seed": 40404040,
        "n_questions": len(QS),
        "counts_per_kind": counts,
        "kind_ranges": {k: f"k{14 * i + 1:02d}-k{14 * i + 14:02d}" for i, k in enumerate(KINDS)},
        "refusals": [{"id": q["id"], "kind": q["kind"], "reason": q["_reason"]} for q in QS if q["refuse"]],
        "md5_round40_jsonl": md5,
        "generator": "make_round40.py",
    }
    with open(os.path.join(HERE, "round40_meta.json"), "w", encoding="utf-8") as fh:
        fh.write(json.dumps(meta, indent=2, ensure_ascii=False) + "\n")

    titles = {
        "layout": "Kind 1 — layout: data in tables that are not plain numeric columns (k01–k14)",
        "wording": "Kind 2 — wording: intent carried by the wording (k15–k28)",
        "prose": "Kind 3 — prose: numbers in prose with roles and distractors (k29–k42)",
        "maths": "Kind 4 — maths: mathematics typed informally (k43–k56)",
        "named": "Kind 5 — named: tests or methods named by the user (k57–k70)",
    }
    readme = [
        "# Blind question set, round 40",
        "",
        "70 questions for a maths / statistics / engineering question-answering agent, written blind: the only",
        "project file read while writing them was `TOOLS.txt` (the agent's tool list). No agent code, tests or",
        "earlier question sets were looked at.",
        "",
        "## How it was written",
        "",
        "* One generator, `make_round40.py`, builds every question text, its intent, the tools it needs (names",
        "  from `TOOLS.txt`) and the expected values.",
        "* Data are drawn from `numpy.random.default_rng(40404040)` in id order and rounded at draw time; the",
        "  printed decimals are the data. Maths questions and fixed-number questions draw nothing.",
        "* Every expected value is computed twice and the two must agree (relative 1e-4, integers exactly):",
        "  (a) with a library (scipy.stats, statsmodels, sympy, numpy) and (b) independently by hand — exact",
        "  fractions, explicit formulas, mpmath incomplete beta/gamma for tail areas, exact null distributions by",
        "  enumeration (Mann–Whitney, Wilcoxon signed-rank, Fisher, McNemar, binomial), mpmath quadrature for the",
        "  noncentral t power, the studentized range and the exact d2/d3 control-chart constants, Royston's",
        "  formulas for Shapiro–Wilk, a closed-form vs recursive EWMA/CUSUM, design matrices vs defining relations.",
        "* Every question's data are parsed back out of its own text and compared with the drawn data.",
        "* Tolerances (absolute, in `tol`): test statistics and indices 0.1 % of the value; p-values 0.1 %",
        "  relative with a floor of 1e-6; location-type values (means, CI bounds, control limits) 1e-5 relative",
        "  plus 0.1 % of the relevant spread; control-chart limits are computed with exact constants and widened",
        "  to cover the classical tabulated constants (A2, D4, d2, A3, B3, B4); maths 1e-4 relative + 1e-6;",
        "  integers 0. Shapiro–Wilk W and p use 0.02 % and 0.5 % because implementations of Royston's",
        "  approximation differ slightly.",
        "* Conventions that could change the answer (one/two-sided, n vs n−1, continuity correction, sign of",
        "  a difference, exact vs asymptotic, tie handling, which U) are stated in each question.",
        "* 7 questions (`refuse: true`, empty `expect`) are ill-posed, contradictory or missing something",
        "  essential; a careful agent must refuse or ask. They are spread over all five kinds.",
        "",
        "## Files",
        "",
        "* `make_round40.py` — the generator (run with `/work/main/.venv/bin/python make_round40.py`).",
        "* `round40.jsonl` — 70 lines, keys `id, kind, question, intent, tools, expect, refuse`.",
        "* `round40_meta.json` — counts per kind, refusal ids with reasons, md5 of `round40.jsonl`.",
        "* `README.md` — this file (also written by the generator).",
        "* `TOOLS.txt` — the agent's tool list (input, not modified).",
        "",
        "## Determinism",
        "",
        "Running the generator rewrites all three output files byte-identically (it takes about two to three",
        "minutes, mostly the mpmath quadratures for d3 and the studentized range). It prints",
        "`OK <md5> <counts> <refusal ids>` when every check has passed.",
        "",
        f"md5(round40.jsonl) = `{md5}`",
        "",
        "Counts: " + ", ".join(f"{k} {v}" for k, v in counts.items()) + ".  Refusals: " + ", ".join(refusals) + ".",
        "",
    ]
    for k in KINDS:
        readme += [f"## {titles[k]}", ""]
        for q in QS:
            if q["kind"] == k:
                readme.append(f"* {q['id']}: {q['_summary']}" + ("  **[refuse]**" if q["refuse"] else ""))
        readme.append("")
    readme += ["## Refusals", ""]
    for q in QS:
        if q["refuse"]:
            readme.append(f"* {q['id']} ({q['kind']}): {q['_reason']}")
    readme.append("")
    with open(os.path.join(HERE, "README.md"), "w", encoding="utf-8") as fh:
        fh.write("\n".join(readme))

    print("OK", md5, json.dumps(counts, separators=(",", ":")), ",".join(refusals))


if __name__ == "__main__":
    main()
