#!/usr/bin/env python3
"""Generator for blind round 42 (70 questions, 5 kinds x 14).

Every expected value is computed twice: (a) with a library (scipy / statsmodels /
sympy / numpy) and (b) independently by hand (explicit formulas, Fractions,
enumeration, mpmath).  Every question's data is parsed back out of its own text
and compared with the drawn data.  Data come from numpy default_rng(42424242),
drawn in id order and rounded at draw time (the printed decimals are the data).
"""
import hashlib
import itertools
import json
import math
import re
import statistics
from fractions import Fraction as Fr

import mpmath as mp
import numpy as np
import scipy.stats as ss
import statsmodels.api as sm
import statsmodels.formula.api as smf
import sympy as sp
from statsmodels.stats.contingency_tables import mcnemar as sm_mcnemar
from statsmodels.stats.power import TTestIndPower

mp.mp.dps = 30
rng = np.random.default_rng(42424242)
OUT = "round42.jsonl"
META = "round42_meta.json"

TOOLS = [l.split()[0] for l in open("TOOLS.txt") if l.strip()]

# ----------------------------------------------------------------- helpers
def draw(vals, d):
    """round at draw time via the printed text: the printed decimals are the data"""
    return [float(f"{v:.{d}f}") for v in np.atleast_1d(vals)]


def fmt(v, d):
    return f"{v:.{d}f}"


def nums(s):
    return [float(x) for x in re.findall(r"-?\d+(?:\.\d+)?", s)]


def between(text, a, b=None):
    i = text.index(a) + len(a)
    j = text.index(b, i) if b else len(text)
    return text[i:j]


def agree(a, b, name, rel=1e-4):
    a = float(a); b = float(b)
    if isinstance(a, float) and a == int(a) and b == int(b) and rel == 0:
        assert a == b, (name, a, b)
    assert abs(a - b) <= rel * max(abs(a), abs(b)) + 1e-12, (name, a, b)


def tol_stat(v):
    return max(abs(v) * 1e-3, 1e-6)


def tol_p(v):
    return max(abs(v) * 1e-3, 1e-6)


def tol_loc(v):
    """location-type values (means, medians, CI ends, EWMA): 0.1 % of |v| is too loose, use 2e-5"""
    return max(abs(v) * 2e-5, 1e-6)


def tol_math(v):
    return abs(v) * 1e-4 + 1e-6


def ex(name, a, b, kind="stat", tol=None):
    """expected entry after asserting the two computations agree"""
    if kind == "int":
        assert int(a) == int(b), (name, a, b)
        return {"name": name, "value": int(a), "tol": 0}
    agree(a, b, name)
    v = float(a)
    if tol is None:
        tol = {"stat": tol_stat, "p": tol_p, "math": tol_math, "loc": tol_loc}[kind](v)
    return {"name": name, "value": float(f"{v:.10g}"), "tol": float(f"{tol:.3g}")}


# hand distributions (mpmath)
def h_norm_sf(z):
    return mp.erfc(mp.mpf(z) / mp.sqrt(2)) / 2


def h_norm_ppf(p):
    return mp.sqrt(2) * mp.erfinv(2 * mp.mpf(p) - 1)


def h_t_sf(t, nu):
    t = mp.mpf(t); nu = mp.mpf(nu)
    x = nu / (nu + t * t)
    tail = mp.betainc(nu / 2, mp.mpf(1) / 2, 0, x, regularized=True) / 2
    return tail if t >= 0 else 1 - tail


def h_t_ppf(p, nu):
    return mp.findroot(lambda t: (1 - h_t_sf(t, nu)) - p, 2.0)


def h_F_sf(F, d1, d2):
    F = mp.mpf(F)
    return mp.betainc(mp.mpf(d2) / 2, mp.mpf(d1) / 2, 0, d2 / (d2 + d1 * F), regularized=True)


def h_chi2_sf(x, k):
    return mp.gammainc(mp.mpf(k) / 2, mp.mpf(x) / 2, mp.inf, regularized=True)


def h_mean(x):
    return math.fsum(x) / len(x)


def h_sd(x):
    m = h_mean(x)
    return math.sqrt(math.fsum((v - m) ** 2 for v in x) / (len(x) - 1))


def h_ranks(x):
    order = sorted(range(len(x)), key=lambda i: x[i])
    r = [0.0] * len(x)
    i = 0
    while i < len(x):
        j = i
        while j + 1 < len(x) and x[order[j + 1]] == x[order[i]]:
            j += 1
        for k in range(i, j + 1):
            r[order[k]] = (i + j) / 2 + 1
        i = j + 1
    return r


def h_welch(a, b):
    va, vb = h_sd(a) ** 2 / len(a), h_sd(b) ** 2 / len(b)
    t = (h_mean(a) - h_mean(b)) / math.sqrt(va + vb)
    df = (va + vb) ** 2 / (va ** 2 / (len(a) - 1) + vb ** 2 / (len(b) - 1))
    return t, df


def h_oneway(groups):
    allv = [v for g in groups for v in g]
    gm = h_mean(allv)
    ssb = math.fsum(len(g) * (h_mean(g) - gm) ** 2 for g in groups)
    ssw = math.fsum((v - h_mean(g)) ** 2 for g in groups for v in g)
    d1, d2 = len(groups) - 1, len(allv) - len(groups)
    F = (ssb / d1) / (ssw / d2)
    return F, float(h_F_sf(F, d1, d2)), ssw / d2


# tabulated SPC constants (standard tables) and exact d2 by integration
D2_TAB = {2: 1.128, 3: 1.693, 4: 2.059, 5: 2.326}
A2_TAB = {2: 1.880, 3: 1.023, 4: 0.729, 5: 0.577}
D4_TAB = {2: 3.267, 3: 2.574, 4: 2.282, 5: 2.114}


def d2_exact(n):
    Phi = lambda x: mp.ncdf(x)
    return mp.quad(lambda x: 1 - Phi(x) ** n - (1 - Phi(x)) ** n, [-mp.inf, 0, mp.inf])


Q = []  # records


def add(kind, question, intent, tools, expect, refuse=False, layout="", data_check=None):
    for t in tools:
        assert t in TOOLS, t
    if refuse:
        assert expect == []
    if data_check is not None:
        parsed, orig = data_check
        assert parsed == orig, (len(Q) + 1, parsed, orig)
    Q.append(dict(kind=kind, question=question, intent=intent, tools=tools,
                  expect=expect, refuse=refuse, layout=layout))


K1, K2, K3, K4, K5 = ("tables", "wording", "prose_numbers", "maths", "named_tests")

# ======================================================= KIND 1: table layouts
# n01 CSV with part ids
x = draw(rng.normal(12.00, 0.04, 15), 3)
ids = [f"P-{1001 + i}" for i in range(15)]
csv = "part_id,diameter_mm\n" + "\n".join(f"{p},{fmt(v, 3)}" for p, v in zip(ids, x))
q = ("I exported this from our gauge software, can you give me the mean and the sample "
     "standard deviation (n-1) of the diameters?\n\n" + csv)
parsed = [float(l.split(",")[1]) for l in between(q, "part_id,diameter_mm\n").strip().splitlines()]
add(K1, q, "describe the diameter column; part ids are labels, not data", ["describe"],
    [ex("mean", np.mean(x), h_mean(x), "loc"), ex("sd", np.std(x, ddof=1), h_sd(x))],
    layout="CSV with part-id column -> mean and n-1 SD", data_check=(parsed, x))

# n02 markdown table two suppliers -> Welch
a = draw(rng.normal(31.5, 1.2, 8), 1); b = draw(rng.normal(30.2, 2.0, 8), 1)
tbl = "| Sample | Supplier A | Supplier B |\n|---|---|---|\n" + "\n".join(
    f"| {i + 1} | {fmt(u, 1)} | {fmt(v, 1)} |" for i, (u, v) in enumerate(zip(a, b)))
q = ("Pull strength (N) of connectors from two suppliers, different connectors in each column "
     "(not paired). Run a Welch two-sample t-test, two-sided, difference taken as A minus B. "
     "I need t, the Welch df and the p-value.\n\n" + tbl)
rows = [r.strip("|").split("|") for r in between(q, "|---|---|---|\n").strip().splitlines()]
pa = [float(r[1]) for r in rows]; pb = [float(r[2]) for r in rows]
res = ss.ttest_ind(a, b, equal_var=False); th, dfh = h_welch(a, b)
add(K1, q, "Welch t-test A-B, two-sided, from markdown table", ["t_test"],
    [ex("t_statistic", res.statistic, th), ex("df", res.df, dfh),
     ex("p_value", res.pvalue, 2 * h_t_sf(abs(th), dfh), "p")],
    layout="markdown table, sample-number column -> Welch t, df, p", data_check=((pa, pb), (a, b)))

# n03 long format machine,value -> one-way ANOVA
g = [draw(rng.normal(m, 0.8, 6), 2) for m in (20.0, 20.6, 21.1)]
long = [(f"M{k + 1}", v) for k in range(3) for v in g[k]]
perm = rng.permutation(len(long))
long = [long[i] for i in perm]
txt = "machine,fill_g\n" + "\n".join(f"{m},{fmt(v, 2)}" for m, v in long)
q = ("Fill weights in long format below (one row per bottle). Is there a difference between the "
     "three machines? Give me the one-way ANOVA F statistic and p-value.\n\n" + txt)
back = {"M1": [], "M2": [], "M3": []}
for l in between(q, "machine,fill_g\n").strip().splitlines():
    m, v = l.split(","); back[m].append(float(v))
gl = [[v for m, v in long if m == f"M{k + 1}"] for k in range(3)]
res = ss.f_oneway(*gl); Fh, ph, _ = h_oneway(gl)
add(K1, q, "one-way ANOVA from long-format rows in shuffled order", ["anova_oneway"],
    [ex("f_statistic", res.statistic, Fh), ex("p_value", res.pvalue, ph, "p")],
    layout="long format machine,value shuffled -> one-way ANOVA F, p",
    data_check=([back[f"M{k + 1}"] for k in range(3)], gl))

# n04 counts by label -> chi-square GOF
labels = ["Scratch", "Dent", "Misalignment", "Discolouration"]
props = [0.40, 0.25, 0.20, 0.15]
cnt = [int(c) for c in rng.multinomial(160, [0.33, 0.27, 0.22, 0.18])]
txt = "\n".join(f"{l}: {c}" for l, c in zip(labels, cnt))
q = ("Defect tally from last month's audit:\n\n" + txt + "\n\nHistorically the split has been "
     "40% scratch, 25% dent, 20% misalignment, 15% discolouration. Chi-square goodness-of-fit: has "
     "the mix changed? Give the chi-square statistic, degrees of freedom and p-value.")
pc = [int(l.split(":")[1]) for l in between(q, "audit:\n\n", "\n\nHist").splitlines()]
expd = [sum(cnt) * p for p in props]
res = ss.chisquare(cnt, expd)
Xh = math.fsum((o - e) ** 2 / e for o, e in zip(cnt, expd))
add(K1, q, "chi-square GOF, counts by label vs historical proportions", ["chi_square"],
    [ex("chi_square", res.statistic, Xh), ex("df", 3, len(cnt) - 1, "int"),
     ex("p_value", res.pvalue, h_chi2_sf(Xh, 3), "p")],
    layout="'Label: count' lines + proportions in prose -> chi-square GOF", data_check=(pc, cnt))

# n05 aligned whitespace table -> regression
T = [150 + 5 * i for i in range(10)]
y = draw(60 + 0.12 * np.array(T) + rng.normal(0, 0.9, 10), 1)
txt = "Temp (°C)   Yield (%)\n" + "\n".join(f"{t:>9d}   {fmt(v, 1):>9}" for t, v in zip(T, y))
q = ("Fit a straight line yield = b0 + b1*temp to this (least squares). What are the intercept, "
     "the slope and R-squared?\n\n" + txt)
pr = [l.split() for l in between(q, "Yield (%)\n").splitlines()]
res = ss.linregress(T, y)
mt, my = h_mean(T), h_mean(y)
sxx = math.fsum((t - mt) ** 2 for t in T); sxy = math.fsum((t - mt) * (v - my) for t, v in zip(T, y))
syy = math.fsum((v - my) ** 2 for v in y)
b1 = sxy / sxx
add(K1, q, "simple linear regression from aligned columns", ["regression"],
    [ex("intercept", res.intercept, my - b1 * mt), ex("slope", res.slope, b1),
     ex("r_squared", res.rvalue ** 2, sxy ** 2 / (sxx * syy))],
    layout="whitespace-aligned two-column table -> intercept, slope, R^2",
    data_check=(([float(r[0]) for r in pr], [float(r[1]) for r in pr]), ([float(t) for t in T], y)))

# n06 subgroup rows -> Xbar-R limits (tabulated constants)
sub = [draw(rng.normal(10.0, 0.15, 4), 2) for _ in range(8)]
txt = "\n".join(f"Subgroup {i + 1}: " + "  ".join(fmt(v, 2) for v in s) for i, s in enumerate(sub))
q = ("Shaft lengths, 4 consecutive parts every hour:\n\n" + txt + "\n\nSet up X-bar and R chart "
     "limits from these 8 subgroups using the standard tabulated constants (A2, D3, D4). "
     "Give the centre line, UCL and LCL of the X-bar chart and the UCL of the R chart.")
ps = [nums(l.split(":")[1]) for l in between(q, "hour:\n\n", "\n\nSet").splitlines()]
xb = np.mean(np.array(sub), axis=1); Rb = np.mean(np.ptp(np.array(sub), axis=1))
gm_h = h_mean([h_mean(s) for s in sub]); Rb_h = h_mean([max(s) - min(s) for s in sub])
A2e = 3 / (float(d2_exact(4)) * 2)
tl = abs(A2_TAB[4] - A2e) * Rb * 3 + 1e-3
D4e = 2.2820  # 1 + 3*d3/d2 with exact d3(4)=0.8798, d2(4)=2.0588
add(K1, q, "X-bar/R limits from subgroup rows, tabulated A2 D4 for n=4", ["control_chart"],
    [ex("xbar_cl", np.mean(xb), gm_h, tol=1e-4),
     ex("xbar_ucl", np.mean(xb) + A2_TAB[4] * Rb, gm_h + A2_TAB[4] * Rb_h, tol=tl),
     ex("xbar_lcl", np.mean(xb) - A2_TAB[4] * Rb, gm_h - A2_TAB[4] * Rb_h, tol=tl),
     ex("r_ucl", D4_TAB[4] * Rb, D4_TAB[4] * Rb_h, tol=0.002 * Rb + 1e-3)],
    layout="'Subgroup i: v v v v' rows -> X-bar/R limits", data_check=(ps, sub))
assert abs(A2e - A2_TAB[4]) < 1e-3 and abs(D4e - D4_TAB[4]) < 2e-3

# n07 data in sentences -> one-sample t vs 500
w = draw(rng.normal(501.0, 2.0, 9), 1)
q = (f"Checked bag weights on line 3 this morning. The first bag weighed {fmt(w[0], 1)} g, then "
     f"{fmt(w[1], 1)} g and {fmt(w[2], 1)} g. After the break I got {fmt(w[3], 1)}, {fmt(w[4], 1)} and "
     f"{fmt(w[5], 1)} g, and the last three were {fmt(w[6], 1)}, {fmt(w[7], 1)} and {fmt(w[8], 1)} g. "
     "Label says 500 g. Two-sided one-sample t-test against 500: t and p please.")
pw = nums(between(q, "first bag weighed", "Label says"))
res = ss.ttest_1samp(w, 500)
th = (h_mean(w) - 500) / (h_sd(w) / 3)
add(K1, q, "one-sample t vs 500 with data spread through sentences (line 3 is not data)", ["t_test"],
    [ex("t_statistic", res.statistic, th), ex("p_value", res.pvalue, 2 * h_t_sf(abs(th), 8), "p")],
    layout="values embedded in sentences -> one-sample t, p", data_check=(pw, w))

# n08 pasted spreadsheet cells (tabs) -> paired t
bef = draw(rng.normal(72, 4, 10), 1)
aft = draw(np.array(bef) - rng.normal(1.5, 1.5, 10), 1)
ops = ["OP-" + str(17 + 3 * i) for i in range(10)]
txt = "Operator\tBefore\tAfter\n" + "\n".join(f"{o}\t{fmt(u, 1)}\t{fmt(v, 1)}" for o, u, v in zip(ops, bef, aft))
q = ("Pasted from Excel. Assembly time (s) per operator before and after the new fixture, same "
     "operators. Paired t-test on After minus Before, two-sided. Mean difference, t and p?\n\n" + txt)
rr = [l.split("\t") for l in between(q, "Operator\tBefore\tAfter\n").splitlines()]
d = [v - u for u, v in zip(bef, aft)]
res = ss.ttest_rel(aft, bef)
th = h_mean(d) / (h_sd(d) / math.sqrt(10))
add(K1, q, "paired t from tab-separated cells, operator ids are labels", ["t_test"],
    [ex("mean_difference", np.mean(np.array(aft) - np.array(bef)), h_mean(d)),
     ex("t_statistic", res.statistic, th), ex("p_value", res.pvalue, 2 * h_t_sf(abs(th), 9), "p")],
    layout="tab-separated Excel paste with operator ids -> paired t",
    data_check=(([float(r[1]) for r in rr], [float(r[2]) for r in rr]), (bef, aft)))

# n09 log lines -> mean, sd, median
r = draw(rng.normal(45.0, 1.8, 15), 1)
lines = [f"2024-03-{(i // 5) + 11:02d} {8 + (i % 5):02d}:00:00 INFO sensor=TS-3 reading={fmt(v, 1)} unit=kPa"
         for i, v in enumerate(r)]
q = ("Here's a chunk of the controller log. Can you give me the mean, standard deviation (n-1) "
     "and median of the pressure readings?\n\n" + "\n".join(lines))
pl = [float(re.search(r"reading=(\S+)", l).group(1)) for l in q.splitlines() if "reading=" in l]
add(K1, q, "describe readings from log lines; timestamps and sensor id are not data", ["describe"],
    [ex("mean", np.mean(r), h_mean(r), "loc"), ex("sd", np.std(r, ddof=1), h_sd(r)),
     ex("median", np.median(r), sorted(r)[7], "loc")],
    layout="timestamped log lines, reading=... -> mean, SD, median", data_check=(pl, r))

# n10 2x3 contingency markdown -> chi-square independence
tab = rng.multinomial(240, [0.20, 0.15, 0.12, 0.18, 0.17, 0.18]).reshape(2, 3).tolist()
q = ("Survey of two sites, shift preference:\n\n| Site | Day | Evening | Night |\n|------|-----|---------|-------|\n"
     f"| North | {tab[0][0]} | {tab[0][1]} | {tab[0][2]} |\n| South | {tab[1][0]} | {tab[1][1]} | {tab[1][2]} |\n\n"
     "Chi-square test of independence (no continuity correction). Statistic, df, p?")
pt = [[int(c) for c in r.strip("| ").split("|")[1:]] for r in between(q, "-------|\n", "\n\nChi").splitlines()]
chi, pch, dof, e = ss.chi2_contingency(tab, correction=False)
rs = [sum(rw) for rw in tab]; cs = [sum(c) for c in zip(*tab)]; N = sum(rs)
Xh = math.fsum((tab[i][j] - rs[i] * cs[j] / N) ** 2 / (rs[i] * cs[j] / N) for i in range(2) for j in range(3))
add(K1, q, "chi-square independence on 2x3 markdown table", ["chi_square"],
    [ex("chi_square", chi, Xh), ex("df", dof, 2, "int"), ex("p_value", pch, h_chi2_sf(Xh, 2), "p")],
    layout="markdown 2x3 contingency table -> chi-square, df, p", data_check=(pt, tab))

# n11 long format two-way -> two-way ANOVA
eff = {("Op1", "Steel"): 0, ("Op1", "Alu"): -2, ("Op1", "Brass"): 1,
       ("Op2", "Steel"): 1, ("Op2", "Alu"): 0.5, ("Op2", "Brass"): 3}
rows2 = []
for (o, m_), e_ in eff.items():
    for v in draw(rng.normal(50 + e_, 1.0, 3), 1):
        rows2.append((o, m_, v))
txt = "operator,material,strength\n" + "\n".join(f"{o},{m_},{fmt(v, 1)}" for o, m_, v in rows2)
q = ("Balanced 2x3 experiment, 3 replicates per cell, long format. Two-way ANOVA with interaction: "
     "I need the F and p for operator, material and the operator x material interaction.\n\n" + txt)
pr2 = [(l.split(",")[0], l.split(",")[1], float(l.split(",")[2])) for l in between(q, "strength\n").splitlines()]
import pandas as pd
df_ = pd.DataFrame(rows2, columns=["op", "mat", "y"])
an = sm.stats.anova_lm(smf.ols("y ~ C(op)*C(mat)", df_).fit(), typ=2)
A_ = ["Op1", "Op2"]; B_ = ["Steel", "Alu", "Brass"]
cell = {(o, m_): [v for oo, mm, v in rows2 if oo == o and mm == m_] for o in A_ for m_ in B_}
gmn = h_mean([v for _, _, v in rows2])
ma = {o: h_mean([v for oo, _, v in rows2 if oo == o]) for o in A_}
mb = {m_: h_mean([v for _, mm, v in rows2 if mm == m_]) for m_ in B_}
ssa = 9 * math.fsum((ma[o] - gmn) ** 2 for o in A_)
ssb_ = 6 * math.fsum((mb[m_] - gmn) ** 2 for m_ in B_)
ssab = 3 * math.fsum((h_mean(cell[o, m_]) - ma[o] - mb[m_] + gmn) ** 2 for o in A_ for m_ in B_)
sse = math.fsum((v - h_mean(cell[o, m_])) ** 2 for o in A_ for m_ in B_ for v in cell[o, m_])
mse = sse / 12
FA, FB, FAB = ssa / mse, ssb_ / 2 / mse, ssab / 2 / mse
add(K1, q, "balanced two-way ANOVA with interaction from long format", ["anova_twoway"],
    [ex("f_operator", an.loc["C(op)", "F"], FA), ex("p_operator", an.loc["C(op)", "PR(>F)"], h_F_sf(FA, 1, 12), "p"),
     ex("f_material", an.loc["C(mat)", "F"], FB), ex("p_material", an.loc["C(mat)", "PR(>F)"], h_F_sf(FB, 2, 12), "p"),
     ex("f_interaction", an.loc["C(op):C(mat)", "F"], FAB),
     ex("p_interaction", an.loc["C(op):C(mat)", "PR(>F)"], h_F_sf(FAB, 2, 12), "p")],
    layout="long format operator,material,strength -> two-way ANOVA F/p x3", data_check=(pr2, rows2))

# n12 semicolon list with decimal commas -> Pp, Ppk
x = draw(rng.normal(10.02, 0.025, 20), 3)
txt = "; ".join(fmt(v, 3).replace(".", ",") for v in x)
q = ("Messwerte (mm), aus unserem deutschen Excel kopiert, Dezimalkomma:\n" + txt +
     "\nSpec is 9,900 to 10,100. Compute Pp and Ppk using the overall sample standard deviation (n-1).")
px = [float(s.strip().replace(",", ".")) for s in between(q, "Dezimalkomma:\n", "\nSpec").split(";")]
s_a = np.std(x, ddof=1); m_a = np.mean(x); s_h = statistics.stdev(x); m_h = statistics.fmean(x)
add(K1, q, "Pp/Ppk with overall sd from decimal-comma semicolon list", ["capability"],
    [ex("pp", 0.2 / (6 * s_a), 0.2 / (6 * s_h)),
     ex("ppk", min(10.1 - m_a, m_a - 9.9) / (3 * s_a), min(10.1 - m_h, m_h - 9.9) / (3 * s_h))],
    layout="semicolon list with decimal commas + spec -> Pp, Ppk", data_check=(px, x))

# n13 JSON records -> p chart
dd = [int(v) for v in rng.binomial(120, 0.06, 12)]
recs = [{"date": f"2024-05-{i + 1:02d}", "inspected": 120, "defective": c} for i, c in enumerate(dd)]
q = ("Our MES API returns this. Build a p chart (3-sigma, constant n) and give the centre line, "
     "UCL and LCL (LCL floored at 0).\n\n" + json.dumps(recs, indent=1))
pj = [r_["defective"] for r_ in json.loads(q[q.index("["):])]
pbar = np.sum(dd) / (120 * 12)
pbar_h = Fr(sum(dd), 1440)
sig_h = mp.sqrt(mp.mpf(pbar_h.numerator) / pbar_h.denominator * (1 - mp.mpf(pbar_h.numerator) / pbar_h.denominator) / 120)
ucl_a = pbar + 3 * math.sqrt(pbar * (1 - pbar) / 120)
lcl_a = max(0.0, pbar - 3 * math.sqrt(pbar * (1 - pbar) / 120))
add(K1, q, "p chart from JSON records, n=120 each", ["control_chart"],
    [ex("p_bar", pbar, float(pbar_h)), ex("ucl", ucl_a, float(pbar_h) + 3 * sig_h),
     ex("lcl", lcl_a, max(0, float(pbar_h) - 3 * sig_h), tol=1e-4)],
    layout="JSON records {date, inspected, defective} -> p chart CL/UCL/LCL", data_check=(pj, dd))

# n14 REFUSE: second column missing
x = draw(rng.normal(5.0, 0.2, 6), 2)
q = ("Compare the two lines, is B significantly thicker than A?\n\nLine A,Line B\n" +
     "\n".join(f"{fmt(v, 2)},(see attached)" if i == 0 else f"{fmt(v, 2)}," for i, v in enumerate(x)))
add(K1, q, "REFUSE: Line B values are missing (only 'see attached'); ask for the data", [],
    [], refuse=True, layout="CSV whose second column is empty -> refuse, ask for Line B data")

# ======================================================= KIND 2: wording carries intent
# n15 one-sided claim mu > 350
x = draw(rng.normal(353, 6, 12), 1)
q = ("Vendor claims their bolts have a mean tensile strength above 350 MPa. We tested 12: "
     + ", ".join(fmt(v, 1) for v in x) + ". Does our data back up their claim? Use a t-test, 5% level; "
     "give t and the p-value.")
res = ss.ttest_1samp(x, 350, alternative="greater")
th = (h_mean(x) - 350) / (h_sd(x) / math.sqrt(12))
add(K2, q, "one-sided upper one-sample t (H1: mu > 350)", ["t_test"],
    [ex("t_statistic", res.statistic, th), ex("p_value", res.pvalue, h_t_sf(th, 11), "p")],
    layout="'claims above 350' -> one-sided upper one-sample t",
    data_check=(nums(between(q, "tested 12:", ". Does")), x))

# n16 don't assume normal -> Mann-Whitney exact
a = draw(rng.exponential(3.0, 7) + 1, 2); b = draw(rng.exponential(5.0, 8) + 1, 2)
assert len(set(a + b)) == 15
q = ("Repair times (h) for two teams. These are clearly skewed so please don't assume normality. "
     f"Team North: {', '.join(fmt(v, 2) for v in a)}. Team South: {', '.join(fmt(v, 2) for v in b)}. "
     "Is there a difference between the teams (two-sided)? Use the exact distribution (there are no "
     "ties) and report U for North (number of pairs where North > South) and the p-value.")
pa = nums(between(q, "Team North:", ". Team South")); pb = nums(between(q, "Team South:", ". Is there"))
res = ss.mannwhitneyu(a, b, alternative="two-sided", method="exact")
U_h = sum(1 for u in a for v in b if u > v)
# exact null distribution of U by DP
m_, n_ = len(a), len(b)
from functools import lru_cache


@lru_cache(None)
def cntU(m, n, u):
    if u < 0: return 0
    if m == 0 or n == 0: return 1 if u == 0 else 0
    return cntU(m - 1, n, u - n) + cntU(m, n - 1, u)


tot = math.comb(15, 7)
lo = Fr(sum(cntU(m_, n_, k) for k in range(U_h + 1)), tot)
hi = Fr(sum(cntU(m_, n_, k) for k in range(U_h, m_ * n_ + 1)), tot)
add(K2, q, "Mann-Whitney exact two-sided, U for North", ["mann_whitney"],
    [ex("u_statistic", res.statistic, U_h, "int"), ex("p_value", res.pvalue, min(1, 2 * min(lo, hi)), "p")],
    layout="'don't assume normality' -> Mann-Whitney exact U, p", data_check=((pa, pb), (a, b)))

# n17 variances may differ, one-sided Welch (new lower)
new = draw(rng.normal(41.0, 1.0, 10), 2); old = draw(rng.normal(42.2, 2.6, 9), 2)
q = ("Cycle times (s). Old line: " + ", ".join(fmt(v, 2) for v in old) + ". New line: "
     + ", ".join(fmt(v, 2) for v in new) + ". The spread on the two lines may well be different, so "
     "don't pool. Is the new line faster, i.e. lower mean cycle time? Report t for new minus old, "
     "the df and the one-sided p-value.")
po = nums(between(q, "Old line:", ". New")); pn = nums(between(q, "New line:", ". The spread"))
res = ss.ttest_ind(new, old, equal_var=False, alternative="less")
th, dfh = h_welch(new, old)
add(K2, q, "Welch one-sided (new < old)", ["t_test"],
    [ex("t_statistic", res.statistic, th), ex("df", res.df, dfh), ex("p_value", res.pvalue, 1 - h_t_sf(th, dfh), "p")],
    layout="'spread may differ', 'faster' -> one-sided Welch t", data_check=((po, pn), (old, new)))

# n18 same specimens, two gauges -> paired
base = rng.normal(8.0, 0.5, 10)
gA = draw(base + rng.normal(0.05, 0.03, 10), 3); gB = draw(base + rng.normal(0, 0.03, 10), 3)
q = ("We measured the same 10 specimens on gauge A and on gauge B.\nGauge A: " + " ".join(fmt(v, 3) for v in gA)
     + "\nGauge B: " + " ".join(fmt(v, 3) for v in gB) + "\n(specimen order is the same in both lists). "
     "Do the gauges disagree on average? Two-sided; give the mean difference A-B, t and p.")
pA = nums(between(q, "Gauge A:", "\n")); pB = nums(between(q, "Gauge B:", "\n"))
d = [u - v for u, v in zip(gA, gB)]
res = ss.ttest_rel(gA, gB); th = h_mean(d) / (h_sd(d) / math.sqrt(10))
add(K2, q, "paired t (same specimens) A-B two-sided", ["t_test"],
    [ex("mean_difference", np.mean(np.array(gA) - np.array(gB)), h_mean(d)),
     ex("t_statistic", res.statistic, th), ex("p_value", res.pvalue, 2 * h_t_sf(abs(th), 9), "p")],
    layout="'same 10 specimens' -> paired t A-B", data_check=((pA, pB), (gA, gB)))

# n19 nominal target -> two-sided t + 95% CI
x = draw(rng.normal(25.03, 0.05, 11), 3)
q = ("Nominal bore is 25.00 mm. Readings: " + " / ".join(fmt(v, 3) for v in x) +
     ". Is the process off nominal? Two-sided one-sample t-test, plus the 95% confidence interval for the mean.")
res = ss.ttest_1samp(x, 25.0); ci = res.confidence_interval(0.95)
th = (h_mean(x) - 25) / (h_sd(x) / math.sqrt(11)); tc = float(h_t_ppf(0.975, 10)); hw = tc * h_sd(x) / math.sqrt(11)
add(K2, q, "two-sided one-sample t vs nominal + 95% CI", ["t_test"],
    [ex("t_statistic", res.statistic, th), ex("p_value", res.pvalue, 2 * h_t_sf(abs(th), 10), "p"),
     ex("ci_lower", ci.low, h_mean(x) - hw, "loc"), ex("ci_upper", ci.high, h_mean(x) + hw, "loc")],
    layout="'nominal 25.00', slash-separated -> two-sided t and 95% CI",
    data_check=(nums(between(q, "Readings:", ". Is")), x))

# n20 exclude a point
x = draw(rng.normal(3.40, 0.06, 9), 2); x[3] = 5.87
q = ("Coating thickness (µm), readings 1 to 9 in order: " + ", ".join(fmt(v, 2) for v in x) +
     ". Reading #4 is junk (the probe slipped), leave it out. What are the mean and sample standard "
     "deviation of the rest?")
xr = x[:3] + x[4:]
add(K2, q, "describe after excluding reading #4", ["describe"],
    [ex("mean", np.mean(xr), h_mean(xr), "loc"), ex("sd", np.std(xr, ddof=1), h_sd(xr))],
    layout="'leave reading #4 out' -> mean, SD of 8 values",
    data_check=(nums(between(q, "in order:", ". Reading")), x))

# n21 defects -> c chart
c = [int(v) for v in rng.poisson(6.5, 15)]
q = ("We count the number of scratches on each painted panel (all panels the same size; a panel can "
     "have several scratches). Last 15 panels: " + " ".join(str(v) for v in c) +
     ". What are the centre line and 3-sigma control limits for this? (LCL floored at 0)")
cb = np.mean(c); cbh = Fr(sum(c), 15)
add(K2, q, "defects (counts per unit, same size) -> c chart", ["control_chart"],
    [ex("cl", cb, float(cbh)), ex("ucl", cb + 3 * math.sqrt(cb), float(cbh) + 3 * mp.sqrt(mp.mpf(cbh.numerator) / cbh.denominator)),
     ex("lcl", max(0, cb - 3 * math.sqrt(cb)), max(0, float(cbh) - 3 * mp.sqrt(mp.mpf(cbh.numerator) / cbh.denominator)), tol=1e-4)],
    layout="scratches per panel (defects) -> c chart", data_check=([int(v) for v in nums(between(q, "15 panels:", ". What"))], c))

# n22 defectives -> np chart
dfc = [int(v) for v in rng.binomial(50, 0.08, 15)]
q = ("Every day we pull 50 boards and count how many boards fail (a board is either good or bad). "
     "Counts for 15 days: " + ", ".join(str(v) for v in dfc) +
     ". I want a chart of the number of bad boards: centre line, UCL and LCL (3-sigma, LCL floored at 0).")
npb = np.mean(dfc); pb_ = npb / 50
npbh = Fr(sum(dfc), 15); pbh = npbh / 50
sh = mp.sqrt(mp.mpf(npbh.numerator) / npbh.denominator * (1 - mp.mpf(pbh.numerator) / pbh.denominator))
add(K2, q, "defectives, constant n, count chart -> np chart", ["control_chart"],
    [ex("cl", npb, float(npbh)), ex("ucl", npb + 3 * math.sqrt(npb * (1 - pb_)), float(npbh) + 3 * sh),
     ex("lcl", max(0, npb - 3 * math.sqrt(npb * (1 - pb_))), max(0, float(npbh) - 3 * sh), tol=1e-4)],
    layout="bad boards out of 50 per day (defectives) -> np chart",
    data_check=([int(v) for v in nums(between(q, "15 days:", ". I want"))], dfc))

# n23 overall sigma -> Pp/Ppk
x = draw(rng.normal(4.47, 0.09, 25), 2)
q = ("25 consecutive parts (order as produced): " + " ".join(fmt(v, 2) for v in x) +
     "\nLSL 4.10, USL 4.80. I want the long-term performance, i.e. based on the overall standard deviation "
     "(n-1), not within-subgroup: Pp and Ppk.")
sa = np.std(x, ddof=1); ma_ = np.mean(x); sh_ = h_sd(x); mh = h_mean(x)
add(K2, q, "Pp/Ppk from overall sd", ["capability"],
    [ex("pp", 0.7 / (6 * sa), 0.7 / (6 * sh_)),
     ex("ppk", min(4.8 - ma_, ma_ - 4.1) / (3 * sa), min(4.8 - mh, mh - 4.1) / (3 * sh_))],
    layout="'overall, not within' -> Pp, Ppk", data_check=(nums(between(q, "produced):", "\nLSL")), x))

# n24 within sigma Rbar/d2 -> Cp, Cpk
sub = [draw(rng.normal(20.05, 0.08, 5), 2) for _ in range(6)]
q = ("Subgroups of 5 taken every 2 hours:\n" + "\n".join(", ".join(fmt(v, 2) for v in s) for s in sub) +
     "\nSpec 19.80 - 20.30. Give Cp and Cpk using the within-subgroup sigma estimated as R-bar/d2 "
     "(tabulated d2 = 2.326 for n = 5).")
ps = [nums(l) for l in between(q, "2 hours:\n", "\nSpec").splitlines()]
arr = np.array(sub); Rb = np.ptp(arr, axis=1).mean(); mu = arr.mean(); sw = Rb / 2.326
Rbh = h_mean([max(s) - min(s) for s in sub]); muh = h_mean([v for s in sub for v in s]); swh = Rbh / 2.326
add(K2, q, "Cp/Cpk from within sigma Rbar/d2", ["capability"],
    [ex("cp", 0.5 / (6 * sw), 0.5 / (6 * swh)),
     ex("cpk", min(20.3 - mu, mu - 19.8) / (3 * sw), min(20.3 - muh, muh - 19.8) / (3 * swh))],
    layout="subgroup rows, 'within sigma R-bar/d2' -> Cp, Cpk", data_check=(ps, sub))

# n25 exact binomial, pass rate below 95%
npass = int(rng.binomial(200, 0.92))
q = (f"Requirement: at least 95% of units pass the leak test. We tested 200 and {npass} passed. Is there "
     "evidence that the true pass rate is below 95%? Exact binomial test, one-sided; give the p-value.")
res = ss.binomtest(npass, 200, 0.95, alternative="less")
ph = sum(Fr(math.comb(200, k)) * Fr(95, 100) ** k * Fr(5, 100) ** (200 - k) for k in range(npass + 1))
add(K2, q, "one proportion exact one-sided lower", ["proportion_test"],
    [ex("p_value", res.pvalue, float(ph), "p")],
    layout="'at least 95%' requirement -> exact binomial one-sided lower p",
    data_check=(nums(between(q, "tested", "passed")), [200.0, float(npass)]))

# n26 two proportions, one-sided pooled z
d1 = int(rng.binomial(400, 0.06)); d2 = int(rng.binomial(380, 0.035))
q = (f"Old process: {d1} defective out of 400. New process: {d2} defective out of 380. Does the new process "
     "have a lower defective rate? Pooled two-proportion z-test, no continuity correction; z for new minus "
     "old and the one-sided p-value.")
from statsmodels.stats.proportion import proportions_ztest
za, pa_ = proportions_ztest([d2, d1], [380, 400], alternative="smaller")
pp = (d1 + d2) / 780
zh = (d2 / 380 - d1 / 400) / math.sqrt(pp * (1 - pp) * (1 / 380 + 1 / 400))
add(K2, q, "two-proportion pooled z one-sided (new lower)", ["proportion_test"],
    [ex("z_statistic", za, zh), ex("p_value", pa_, 1 - h_norm_sf(zh), "p")],
    layout="'lower defective rate' -> one-sided pooled z",
    data_check=(nums(q[:q.index("Does")]), [float(d1), 400.0, float(d2), 380.0]))

# n27 REFUSE: spec limits reversed
x = draw(rng.normal(5.0, 0.2, 10), 2)
q = ("Data: " + ", ".join(fmt(v, 2) for v in x) + ". Lower spec limit is 6.0 and upper spec limit is 4.0. "
     "Calculate Cpk for me.")
add(K2, q, "REFUSE: LSL (6.0) above USL (4.0) - contradictory spec", [], [], refuse=True,
    layout="LSL 6.0 > USL 4.0 -> refuse / ask which limits are right")

# n28 REFUSE: paired but unequal lengths
a = draw(rng.normal(10, 1, 8), 1); b = draw(rng.normal(10.5, 1, 7), 1)
q = ("Paired t-test please, each unit measured before and after heat treatment.\nBefore: " +
     ", ".join(fmt(v, 1) for v in a) + "\nAfter: " + ", ".join(fmt(v, 1) for v in b))
add(K2, q, "REFUSE: 'paired' but 8 before vs 7 after values; pairing undefined", [], [], refuse=True,
    layout="paired request with 8 vs 7 values -> refuse / ask")

# ======================================================= KIND 3: numbers in prose
# n29 summary one-sample t
q = ("Lot 4471 (received 3 March, stored at 22 °C): we measured 25 pins, mean length 10.12 mm with a "
     "standard deviation of 0.15 mm. Drawing says 10.00 mm. Two-sided one-sample t-test at the 95% level: "
     "t, p and the confidence interval for the mean.")
t_a = (10.12 - 10.0) / (0.15 / 5)
tc = ss.t.ppf(0.975, 24)
th = mp.mpf("0.12") / (mp.mpf("0.15") / 5)
tch = h_t_ppf(0.975, 24)
add(K3, q, "summary one-sample t: n=25, mean 10.12, sd 0.15, mu0 10.00", ["summary_t_test"],
    [ex("t_statistic", t_a, th), ex("p_value", 2 * ss.t.sf(abs(t_a), 24), 2 * h_t_sf(th, 24), "p"),
     ex("ci_lower", 10.12 - tc * 0.03, 10.12 - tch * mp.mpf("0.03"), "loc"),
     ex("ci_upper", 10.12 + tc * 0.03, 10.12 + tch * mp.mpf("0.03"), "loc")],
    layout="lot no./date/temperature distractors -> summary one-sample t + CI")

# n30 summary Welch
q = ("Supplier X charges $4.20 per part, supplier Y $3.85. From X we tested 12 parts: mean hardness 48.3 HRC, "
     "SD 2.1. From Y, 15 parts: mean 46.1 HRC, SD 3.4. The variances look different so use Welch. "
     "Two-sided test of X minus Y: t, df, p.")
r_ = ss.ttest_ind_from_stats(48.3, 2.1, 12, 46.1, 3.4, 15, equal_var=False)
va, vb = Fr(21, 10) ** 2 / 12, Fr(34, 10) ** 2 / 15
th = mp.mpf("2.2") / mp.sqrt(mp.mpf(va.numerator) / va.denominator + mp.mpf(vb.numerator) / vb.denominator)
dfh = (va + vb) ** 2 / (va ** 2 / 11 + vb ** 2 / 14)
add(K3, q, "summary Welch t, costs are distractors", ["summary_t_test"],
    [ex("t_statistic", r_.statistic, th), ex("df", float(va + vb) ** 2 / (float(va) ** 2 / 11 + float(vb) ** 2 / 14), float(dfh)),
     ex("p_value", r_.pvalue, 2 * h_t_sf(th, float(dfh)), "p")],
    layout="prices are distractors -> summary Welch t, df, p")

# n31 sample size mean
q = ("Each tensile test costs $12 and we run 3 shifts. Process SD is about 2.5 MPa. How many specimens do we "
     "need to estimate the mean to within ±0.5 MPa with 95% confidence? (n = (z·σ/E)², round up)")
na = math.ceil((ss.norm.ppf(0.975) * 2.5 / 0.5) ** 2)
nh = int(mp.ceil((h_norm_ppf(0.975) * mp.mpf("2.5") / mp.mpf("0.5")) ** 2))
add(K3, q, "sample size for mean: sigma 2.5, E 0.5, 95%", ["sample_size_ci"],
    [ex("n", na, nh, "int")], layout="cost/shift distractors -> n for mean within ±E")

# n32 sample size proportion
q = ("Last year's audit (sample of 400 forms) found about 12% with errors. For this year's audit we want the "
     "error proportion within ±3 percentage points at 90% confidence, using 12% as the planning value. "
     "Minimum sample size (round up)?")
na = math.ceil(ss.norm.ppf(0.95) ** 2 * 0.12 * 0.88 / 0.03 ** 2)
nh = int(mp.ceil(h_norm_ppf(0.95) ** 2 * mp.mpf("0.12") * mp.mpf("0.88") / mp.mpf("0.03") ** 2))
add(K3, q, "sample size for proportion: p 0.12, E 0.03, 90%; 400 is a distractor", ["sample_size_ci"],
    [ex("n", na, nh, "int")], layout="last year's n=400 distractor -> n for proportion")

# n33 power two-sample t
q = ("Planning a comparison of two adhesives at 23 °C and 50% RH. We can afford 20 joints per adhesive. "
     "Expected difference in peel strength 1.5 N/mm, SD 2.0 N/mm in both groups, two-sided alpha 0.05, "
     "two-sample t-test with equal variances. What power do we get?")
pa_ = TTestIndPower().power(effect_size=0.75, nobs1=20, alpha=0.05, ratio=1.0, alternative="two-sided")
nu = 38; delta = mp.mpf("0.75") * mp.sqrt(10); tcr = h_t_ppf(0.975, nu)
fV = lambda v: v ** (nu / 2 - 1) * mp.e ** (-v / 2) / (2 ** (nu / 2) * mp.gamma(nu / 2))
ph = mp.quad(lambda v: fV(v) * (h_norm_sf(tcr * mp.sqrt(v / nu) - delta) + 1 - h_norm_sf(-tcr * mp.sqrt(v / nu) - delta)), [0, 38, mp.inf])
add(K3, q, "power of two-sample t: n=20/group, d=0.75, alpha .05 two-sided", ["power"],
    [ex("power", pa_, ph)], layout="temperature/RH distractors -> power of two-sample t")

# n34 DOE curvature
fy = draw(rng.normal(70, 3, 4), 1); cy = draw(rng.normal(76, 1.0, 4), 1)
q = ("2^2 factorial, temperature 150 and 180 °C, time 20 and 40 min, plus 4 centre points at 165 °C / 30 min. "
     f"Corner yields (%): {fmt(fy[0], 1)} (150/20), {fmt(fy[1], 1)} (180/20), {fmt(fy[2], 1)} (150/40), "
     f"{fmt(fy[3], 1)} (180/40). Centre-point yields: {', '.join(fmt(v, 1) for v in cy)}. "
     "Test for curvature against pure error: SS curvature, F and p.")
pf = [float(m_) for m_ in re.findall(r"(\d+\.\d) \(\d+/\d+\)", q)]
pcen = nums(between(q, "Centre-point yields:", ". Test"))
A = [-1, 1, -1, 1, 0, 0, 0, 0]; B = [-1, -1, 1, 1, 0, 0, 0, 0]; C = [0, 0, 0, 0, 1, 1, 1, 1]
dfd = pd.DataFrame({"y": fy + cy, "A": A, "B": B, "C": C})
fit = smf.ols("y ~ A + B + A:B + C", dfd).fit()
F_a = fit.tvalues["C"] ** 2
SSc = 4 * 4 * (h_mean(fy) - h_mean(cy)) ** 2 / 8; MSpe = h_sd(cy) ** 2
add(K3, q, "curvature test of 2^2 + 4 centre points; factor levels are not data", ["doe_curvature"],
    [ex("ss_curvature", F_a * fit.mse_resid, SSc), ex("f_statistic", F_a, SSc / MSpe),
     ex("p_value", fit.pvalues["C"], h_F_sf(SSc / MSpe, 1, 3), "p")],
    layout="levels in °C/min + corner/centre yields -> curvature SS, F, p", data_check=((pf, pcen), (fy, cy)))

# n35 summary X-bar R
q = ("Part 88-1204-B, 25 subgroups of size 5 collected over 5 days. Grand mean 50.2 mm, average range 1.8 mm. "
     "What are the X-bar chart control limits (tabulated A2)?")
A2e = 3 / (float(d2_exact(5)) * math.sqrt(5)); tl = abs(A2e - A2_TAB[5]) * 1.8 * 3 + 1e-3
add(K3, q, "summary X-bar/R limits, n=5; 25 subgroups / part no. / days are distractors", ["summary_chart"],
    [ex("ucl", 50.2 + A2_TAB[5] * 1.8, float(Fr(502, 10) + Fr(577, 1000) * Fr(18, 10)), tol=tl),
     ex("lcl", 50.2 - A2_TAB[5] * 1.8, float(Fr(502, 10) - Fr(577, 1000) * Fr(18, 10)), tol=tl)],
    layout="part no./25 subgroups distractors -> X-bar limits from grand mean and R-bar")

# n36 summary capability
q = ("Injection moulding cell 7, mould temperature 80 °C, cycle 32 s. From 30 subgroups the process mean is "
     "12.03 mm and the within-subgroup standard deviation is 0.04 mm. Spec 11.90 to 12.10 mm. Cp and Cpk?")
add(K3, q, "Cp/Cpk from summary mean/sd; cell no., temperature, cycle, 30 are distractors", ["summary_capability"],
    [ex("cp", 0.2 / 0.24, float(Fr(20, 100) / (6 * Fr(4, 100)))),
     ex("cpk", (12.10 - 12.03) / 0.12, float((Fr(1210, 100) - Fr(1203, 100)) / (3 * Fr(4, 100))))],
    layout="cell/temperature/cycle distractors -> Cp, Cpk from mean and sd")

# n37 exact binomial upper
q = ("Batch 2024-117: 200 relays cycled 10,000 times each at 85 °C, 7 failed. The datasheet claims a failure "
     "rate of at most 2%. Exact binomial test of whether the failure rate exceeds 2% (one-sided): p-value?")
res = ss.binomtest(7, 200, 0.02, alternative="greater")
ph = 1 - sum(Fr(math.comb(200, k)) * Fr(2, 100) ** k * Fr(98, 100) ** (200 - k) for k in range(7))
add(K3, q, "exact binomial one-sided upper, 7/200 vs 0.02; batch/cycles/temp distractors", ["proportion_test"],
    [ex("p_value", res.pvalue, float(ph), "p")], layout="batch/cycles/85 °C distractors -> exact binomial upper p")

# n38 DOE effects 2^3
yv = draw(rng.normal(50, 1.0, 8) + np.array([0, 6, 0, 6, 0, 6, 0, 6]) + np.array([0, 0, 2, 2, 0, 0, 2, 2]) +
          np.array([0, 0, 0, 3, 0, 0, 0, 3]), 1)
q = ("2^3 full factorial, factors A = pressure (2 and 4 bar), B = speed (100 and 150 rpm), C = supplier (1 or 2), "
     "one replicate, standard (Yates) order (1), a, b, ab, c, ac, bc, abc. Responses: " +
     ", ".join(fmt(v, 1) for v in yv) + ". Estimate the main effects of A, B and C and the AB interaction "
     "(effect = mean at high minus mean at low).")
py = nums(between(q, "Responses:", ". Estimate"))
XA = np.array([-1, 1, -1, 1, -1, 1, -1, 1]); XB = np.array([-1, -1, 1, 1, -1, -1, 1, 1]); XC = np.array([-1, -1, -1, -1, 1, 1, 1, 1])
dfe = pd.DataFrame({"y": yv, "A": XA, "B": XB, "C": XC})
fit = smf.ols("y ~ A + B + C + A:B", dfe).fit()
hc = lambda s: math.fsum(si * yi for si, yi in zip(s, yv)) / 4
add(K3, q, "2^3 effects A,B,C,AB from Yates-order responses; factor settings are not data", ["doe_effects"],
    [ex("effect_a", 2 * fit.params["A"], hc(XA)), ex("effect_b", 2 * fit.params["B"], hc(XB)),
     ex("effect_c", 2 * fit.params["C"], hc(XC)), ex("effect_ab", 2 * fit.params["A:B"], hc(XA * XB))],
    layout="factor levels in prose + Yates-order responses -> effects A,B,C,AB", data_check=(py, yv))

# n39 summary paired t one-sided
q = ("Fuel trial on 15 trucks (route length 240 km), each truck ran with the old and the new additive. "
     "Savings per truck (old minus new consumption, L/100 km): mean 0.8, standard deviation 0.9. Test at "
     "alpha = 0.01 whether the additive reduces consumption (one-sided). t and p?")
t_a = 0.8 / (0.9 / math.sqrt(15)); th = mp.mpf("0.8") / (mp.mpf("0.9") / mp.sqrt(15))
add(K3, q, "summary paired t one-sided, mean diff 0.8 sd 0.9 n 15; route length distractor", ["summary_t_test"],
    [ex("t_statistic", t_a, th), ex("p_value", ss.t.sf(t_a, 14), h_t_sf(th, 14), "p")],
    layout="route length/alpha distractors -> summary paired t one-sided")

# n40 summary p chart
q = ("Over 24 days (one sample of 100 forms per day, 2,400 forms total) we found 168 forms with errors. "
     "p-chart centre line and 3-sigma limits (LCL floored at 0)?")
pb_ = 168 / 2400; s_ = math.sqrt(pb_ * (1 - pb_) / 100)
pbh = Fr(168, 2400); sh = mp.sqrt(mp.mpf(float(pbh * (1 - pbh) / 100)))
add(K3, q, "summary p chart: p-bar 0.07, n=100", ["summary_chart"],
    [ex("cl", pb_, float(pbh)), ex("ucl", pb_ + 3 * s_, float(pbh) + 3 * sh),
     ex("lcl", max(0, pb_ - 3 * s_), max(0, float(pbh) - 3 * sh), tol=1e-4)],
    layout="24 days x 100, 168 defectives -> p chart limits")

# n41 REFUSE: Cpk without sd
q = ("Shaft batch 5521, 50 pieces measured, mean diameter 19.984 mm, spec 19.95 to 20.05 mm, measured at "
     "20 °C. What's the Cpk?")
add(K3, q, "REFUSE: no standard deviation (or data) given; Cpk impossible", [], [], refuse=True,
    layout="mean + spec but no SD -> refuse / ask for SD")

# n42 REFUSE: percentages without sample sizes
q = ("Supplier A had 3.5% defective last quarter and supplier B had 5.0%. Is the difference statistically "
     "significant at 5%? (Quarter ended 30 June, invoice totals were $18,400 and $22,100.)")
add(K3, q, "REFUSE: percentages without sample sizes; test impossible", [], [], refuse=True,
    layout="two percentages, no n (invoice totals are not n) -> refuse / ask for counts")

# ======================================================= KIND 4: maths
X, Y, Z, N = sp.symbols("x y z n")

def m_add(q, intent, tools, expect, layout):
    add(K4, q, intent, tools, expect, layout=layout)

# n43
f = X ** 2 * sp.exp(3 * X)
m_add("whats the derivative of x^2 e^(3x) at x = 1? need a number", "f'(1) of x^2 e^{3x} = 5e^3",
      ["differentiate", "evaluate"],
      [ex("derivative_value", sp.N(sp.diff(f, X).subs(X, 1), 30), mp.diff(lambda t: t ** 2 * mp.e ** (3 * t), 1), "math")],
      "d/dx x^2 e^(3x) at 1 -> 5e^3")
# n44
m_add("integral from 0 to 1 of x^2*e^x dx ??", "definite integral = e - 2", ["integrate"],
      [ex("integral", sp.N(sp.integrate(X ** 2 * sp.exp(X), (X, 0, 1)), 30), mp.quad(lambda t: t ** 2 * mp.e ** t, [0, 1]), "math")],
      "int_0^1 x^2 e^x -> e-2")
# n45
m_add("does int_0^inf dx/(1+x^2)^2 converge? if so what to", "improper integral = pi/4", ["integrate"],
      [ex("integral", sp.N(sp.integrate(1 / (1 + X ** 2) ** 2, (X, 0, sp.oo)), 30), mp.quad(lambda t: 1 / (1 + t ** 2) ** 2, [0, mp.inf]), "math")],
      "int_0^oo 1/(1+x^2)^2 -> pi/4")
# n46
m_add("lim x->0 of (1 - cos(3x))/x^2", "limit = 9/2", ["limit"],
      [ex("limit", sp.N(sp.limit((1 - sp.cos(3 * X)) / X ** 2, X, 0)), mp.limit(lambda t: (1 - mp.cos(3 * t)) / t ** 2, 0), "math")],
      "(1-cos3x)/x^2 at 0 -> 9/2")
# n47
m_add("what does (1 + 2/n)^n go to as n -> infinity", "limit = e^2", ["limit"],
      [ex("limit", sp.N(sp.limit((1 + 2 / N) ** N, N, sp.oo), 30), mp.limit(lambda t: (1 + 2 / t) ** t, mp.inf), "math")],
      "(1+2/n)^n at oo -> e^2")
# n48
m_add("sum of n^2/3^n for n=1 to infinity", "series sum = 3/2", ["summation"],
      [ex("sum", sp.N(sp.summation(N ** 2 / 3 ** N, (N, 1, sp.oo))), mp.nsum(lambda k: k ** 2 / mp.mpf(3) ** k, [1, mp.inf]), "math")],
      "sum n^2/3^n -> 3/2")
# n49
rr_ = [r_ for r_ in sp.Poly(X ** 3 - 2 * X - 5, X).real_roots()]
m_add("solve x^3 - 2x - 5 = 0, just the real root, 6 decimals is fine", "real root ~2.0945515", ["solve"],
      [ex("root", sp.N(rr_[0], 30), mp.findroot(lambda t: t ** 3 - 2 * t - 5, 2), "math")],
      "x^3-2x-5=0 real root -> 2.09455")
# n50
f = X ** 3 - 3 * X ** 2 - 9 * X + 5
cands = [sp.Integer(-2), sp.Integer(6)] + [c_ for c_ in sp.solve(sp.diff(f, X), X) if -2 <= c_ <= 6]
vals = [f.subs(X, c_) for c_ in cands]
grid = [(float(f.subs(X, sp.Rational(k, 1000))), k / 1000) for k in range(-2000, 6001)]
m_add("f(x) = x^3 - 3x^2 - 9x + 5 on [-2, 6]. absolute max and min values? and where is the min",
      "abs max 59 at x=6, abs min -22 at x=3", ["extrema"],
      [ex("absolute_max", max(vals), max(grid)[0], "math"), ex("absolute_min", min(vals), min(grid)[0], "math"),
       ex("x_at_min", cands[vals.index(min(vals))], min(grid)[1], "math")],
      "cubic on [-2,6] -> abs max, abs min, argmin")
# n51
Mx = sp.Matrix([[2, 1, 0], [1, 3, 1], [0, 1, 4]])
ev = max(sp.N(e_, 30) for e_ in Mx.eigenvals())
m_add("matrix A = [[2,1,0],[1,3,1],[0,1,4]]. determinant? and the largest eigenvalue", "det 18, lambda_max", ["matrix"],
      [ex("determinant", Mx.det(), round(np.linalg.det(np.array(Mx, dtype=float))), "int"),
       ex("largest_eigenvalue", ev, max(np.linalg.eigvalsh(np.array(Mx, dtype=float))), "math")],
      "3x3 symmetric matrix -> det, largest eigenvalue")
# n52
g_ = sp.cancel((X ** 3 - 8) / (X ** 2 - 4))
m_add("simplify (x^3 - 8)/(x^2 - 4). what value does the simplified form give at x = 2",
      "(x^2+2x+4)/(x+2) -> 3 at x=2", ["simplify", "evaluate"],
      [ex("value_at_2", g_.subs(X, 2), mp.limit(lambda t: (t ** 3 - 8) / (t ** 2 - 4), 2), "math")],
      "cancel rational function, value at removable point -> 3")
# n53
m_add("taylor series of e^x cos(x) around 0, what is the coefficient of x^4", "coefficient -1/6", ["series"],
      [ex("coefficient_x4", sp.series(sp.exp(X) * sp.cos(X), X, 0, 6).removeO().coeff(X, 4), mp.taylor(lambda t: mp.e ** t * mp.cos(t), 0, 4)[4], "math")],
      "Maclaurin e^x cos x -> coeff x^4 = -1/6")
# n54
f = X ** 2 * Y + sp.sin(X * Y)
m_add("f(x,y) = x^2 y + sin(xy). find the mixed partial d2f/dxdy at (1,0)", "mixed partial = 3", ["differentiate", "evaluate"],
      [ex("mixed_partial", sp.diff(f, X, Y).subs({X: 1, Y: 0}), mp.diff(lambda s, t: s ** 2 * t + mp.sin(s * t), (1, 0), (1, 1)), "math")],
      "mixed partial of x^2y+sin(xy) at (1,0) -> 3")
# n55
sol = sp.solve([2 * X + Y - Z - 3, X - Y + 2 * Z - 7, 3 * X + 2 * Y + Z - 10], [X, Y, Z])
nsol = np.linalg.solve(np.array([[2, 1, -1], [1, -1, 2], [3, 2, 1]], float), np.array([3, 7, 10], float))
m_add("solve the system 2x + y - z = 3, x - y + 2z = 7, 3x + 2y + z = 10", "linear system", ["solve"],
      [ex("x", sol[X], nsol[0], "math"), ex("y", sol[Y], nsol[1], "math"), ex("z", sol[Z], nsol[2], "math")],
      "3x3 linear system -> x, y, z")
# n56 REFUSE singular inverse
Ms = sp.Matrix([[1, 2, 3], [2, 4, 6], [1, 0, 1]]); assert Ms.det() == 0
add(K4, "find the inverse of [[1,2,3],[2,4,6],[1,0,1]] pls, need all 9 entries",
    "REFUSE: matrix is singular (row2 = 2*row1), no inverse exists", [], [], refuse=True,
    layout="inverse of singular 3x3 -> refuse / explain det = 0")

# ======================================================= KIND 5: named tests
# n57 Welch
a = draw(rng.normal(14.2, 0.6, 9), 2); b = draw(rng.normal(13.6, 1.4, 11), 2)
q = ("Run Welch's t-test (two-sided) on these. Method 1: " + " ".join(fmt(v, 2) for v in a) +
     "; Method 2: " + " ".join(fmt(v, 2) for v in b) + ". Report t (Method 1 minus Method 2), Welch-Satterthwaite df and p.")
res = ss.ttest_ind(a, b, equal_var=False); th, dfh = h_welch(a, b)
add(K5, q, "Welch t two-sided", ["t_test"],
    [ex("t_statistic", res.statistic, th), ex("df", res.df, dfh), ex("p_value", res.pvalue, 2 * h_t_sf(abs(th), dfh), "p")],
    layout="named Welch -> t, df, p",
    data_check=((nums(between(q, "Method 1:", ";")), nums(between(q, "Method 2:", ". Report"))), (a, b)))

# n58 Mann-Whitney asymptotic with ties
a = [float(v) for v in rng.integers(3, 9, 10)]; b = [float(v) for v in rng.integers(4, 11, 12)]
q = ("Mann-Whitney U test on these panel scores (1-10 scale), group A: " + ", ".join(str(int(v)) for v in a) +
     "; group B: " + ", ".join(str(int(v)) for v in b) + ". Lots of ties, so use the normal approximation with the "
     "tie-corrected variance and no continuity correction, two-sided. Give U for group A (pairs A > B plus half the ties) and p.")
res = ss.mannwhitneyu(a, b, alternative="two-sided", method="asymptotic", use_continuity=False)
U_h = sum(1.0 if u > v else 0.5 if u == v else 0.0 for u in a for v in b)
rk = h_ranks(a + b); n1, n2 = 10, 12; Nn = 22
ties = {}
for v in a + b: ties[v] = ties.get(v, 0) + 1
varU = n1 * n2 / 12 * ((Nn + 1) - math.fsum(t ** 3 - t for t in ties.values()) / (Nn * (Nn - 1)))
zh = (U_h - n1 * n2 / 2) / math.sqrt(varU)
assert U_h == math.fsum(rk[:10]) - 55
add(K5, q, "Mann-Whitney asymptotic, tie-corrected, no continuity correction", ["mann_whitney"],
    [ex("u_statistic", res.statistic, U_h), ex("p_value", res.pvalue, 2 * h_norm_sf(abs(zh)), "p")],
    layout="named Mann-Whitney with ties -> U, normal-approx p",
    data_check=((nums(between(q, "group A:", ";")), nums(between(q, "group B:", ". Lots"))), (a, b)))

# n59 Wilcoxon signed-rank exact
while True:
    pre = draw(rng.normal(120, 8, 10), 1); post = draw(np.array(pre) - rng.normal(2.5, 4, 10), 1)
    dd_ = [round(u - v, 1) for u, v in zip(pre, post)]
    if len(set(abs(v) for v in dd_)) == 10 and 0 not in dd_:
        break
q = ("Wilcoxon signed-rank test, exact, two-sided, on the paired differences pre minus post (no zero differences, "
     "no tied |d|). Systolic BP, 10 patients.\npre:  " + " ".join(fmt(v, 1) for v in pre) +
     "\npost: " + " ".join(fmt(v, 1) for v in post) + "\nI need W+ (sum of ranks of positive differences) and the exact p.")
dpp = [u - v for u, v in zip(pre, post)]
res = ss.wilcoxon(pre, post, alternative="two-sided", method="exact")
rk = h_ranks([abs(v) for v in dpp]); Wp = sum(r_ for r_, v in zip(rk, dpp) if v > 0)
dist = [sum(i + 1 for i in range(10) if (mask >> i) & 1) for mask in range(1024)]
ph = Fr(sum(1 for s_ in dist if abs(s_ - 27.5) >= abs(Wp - 27.5)), 1024)
res1 = ss.wilcoxon(pre, post, alternative="greater", method="exact")
add(K5, q, "Wilcoxon signed-rank exact two-sided, W+", ["wilcoxon_signed_rank"],
    [ex("w_plus", res1.statistic, Wp, "int"), ex("p_value", res.pvalue, float(ph), "p")],
    layout="named Wilcoxon signed-rank exact -> W+, p",
    data_check=((nums(between(q, "pre:", "\n")), nums(between(q, "post:", "\n"))), (pre, post)))

# n60 Kruskal-Wallis
gk = [[float(v) for v in rng.integers(10, 30, 6)], [float(v) for v in rng.integers(14, 34, 7)], [float(v) for v in rng.integers(18, 38, 6)]]
q = ("Kruskal-Wallis on three shifts' downtime minutes (ties are corrected for as usual):\nEarly: " +
     ", ".join(str(int(v)) for v in gk[0]) + "\nLate: " + ", ".join(str(int(v)) for v in gk[1]) +
     "\nNight: " + ", ".join(str(int(v)) for v in gk[2]) + "\nH statistic (tie-corrected) and p from chi-square with 2 df?")
res = ss.kruskal(*gk)
allv = gk[0] + gk[1] + gk[2]; rk = h_ranks(allv); Nn = len(allv)
idx = 0; Hs = 0.0
for g__ in gk:
    R = math.fsum(rk[idx:idx + len(g__)]); Hs += R ** 2 / len(g__); idx += len(g__)
H0 = 12 / (Nn * (Nn + 1)) * Hs - 3 * (Nn + 1)
tc_ = {}
for v in allv: tc_[v] = tc_.get(v, 0) + 1
H = H0 / (1 - math.fsum(t ** 3 - t for t in tc_.values()) / (Nn ** 3 - Nn))
add(K5, q, "Kruskal-Wallis tie-corrected H, chi2(2) p", ["kruskal_wallis"],
    [ex("h_statistic", res.statistic, H), ex("p_value", res.pvalue, h_chi2_sf(H, 2), "p")],
    layout="named Kruskal-Wallis, three labelled lines -> H, p",
    data_check=([nums(between(q, k_ + ":", "\n")) for k_ in ("Early", "Late", "Night")], gk))

# n61 Friedman
blk = (rng.normal(0, 2, (6, 1)) + np.array([10, 11, 10.5, 12]) + rng.normal(0, 0.8, (6, 4)))
blk = [draw(row, 1) for row in blk]
for row in blk: assert len(set(row)) == 4
q = ("Friedman test: 6 judges each scored 4 recipes (a judge is a block).\n\n| Judge | R1 | R2 | R3 | R4 |\n|---|---|---|---|---|\n" +
     "\n".join(f"| J{i + 1} | " + " | ".join(fmt(v, 1) for v in row) + " |" for i, row in enumerate(blk)) +
     "\n\nFriedman chi-square statistic and p (chi-square approximation, 3 df).")
pbk = [[float(c_) for c_ in l.strip("| ").split("|")[1:]] for l in between(q, "|---|---|---|---|---|\n", "\n\nFried").splitlines()]
res = ss.friedmanchisquare(*[[row[j] for row in blk] for j in range(4)])
Rj = [0.0] * 4
for row in blk:
    for j, r_ in enumerate(h_ranks(row)): Rj[j] += r_
Fq = 12 / (6 * 4 * 5) * math.fsum(R ** 2 for R in Rj) - 3 * 6 * 5
add(K5, q, "Friedman chi-square, blocks = judges", ["friedman"],
    [ex("chi_square", res.statistic, Fq), ex("p_value", res.pvalue, h_chi2_sf(Fq, 3), "p")],
    layout="named Friedman, markdown judges x recipes -> chi-square, p", data_check=(pbk, blk))

# n62 Brown-Forsythe
gl = [draw(rng.normal(5, s_, 8), 2) for s_ in (0.3, 0.6, 0.9)]
q = ("Brown-Forsythe test (Levene's test centred on the median) for equal variances of three fixtures:\n"
     "F1 = [" + ", ".join(fmt(v, 2) for v in gl[0]) + "]\nF2 = [" + ", ".join(fmt(v, 2) for v in gl[1]) +
     "]\nF3 = [" + ", ".join(fmt(v, 2) for v in gl[2]) + "]\nTest statistic and p-value?")
res = ss.levene(*gl, center="median")
zs = [[abs(v - statistics.median(g__)) for v in g__] for g__ in gl]
Fh, ph, _ = h_oneway(zs)
add(K5, q, "Brown-Forsythe (median-centred Levene)", ["levene"],
    [ex("statistic", res.statistic, Fh), ex("p_value", res.pvalue, ph, "p")],
    layout="named Brown-Forsythe, Python-list layout -> W, p",
    data_check=([nums(between(q, f"F{k} = [", "]")) for k in (1, 2, 3)], gl))

# n63 Fisher exact
ft = [[int(rng.integers(1, 6)), int(rng.integers(12, 20))], [int(rng.integers(7, 13)), int(rng.integers(6, 14))]]
q = (f"Fisher's exact test, two-sided. Coating P: {ft[0][0]} corroded, {ft[0][1]} fine. Coating Q: {ft[1][0]} corroded, "
     f"{ft[1][1]} fine. p-value? Also the sample odds ratio (P corroded/fine over Q corroded/fine).")
res = ss.fisher_exact(ft, alternative="two-sided")
r1, r2 = sum(ft[0]), sum(ft[1]); c1 = ft[0][0] + ft[1][0]; Nn = r1 + r2
hp = lambda k: Fr(math.comb(r1, k) * math.comb(r2, c1 - k), math.comb(Nn, c1))
pobs = hp(ft[0][0])
ph = sum(hp(k) for k in range(max(0, c1 - r2), min(r1, c1) + 1) if hp(k) <= pobs * Fr(10 ** 7 + 1, 10 ** 7))
add(K5, q, "Fisher exact two-sided + sample odds ratio", ["proportion_test"],
    [ex("p_value", res.pvalue, float(ph), "p"),
     ex("odds_ratio", res.statistic, float(Fr(ft[0][0] * ft[1][1], ft[0][1] * ft[1][0])))],
    layout="named Fisher exact, counts in a sentence -> p, odds ratio",
    data_check=([int(v) for v in nums(between(q, "Coating P:", "p-value"))], ft[0] + ft[1]))

# n64 McNemar exact
bb, cc = int(rng.integers(3, 9)), int(rng.integers(12, 20)); aa = 41; d4 = 100 - aa - bb - cc
q = (f"McNemar test with the exact binomial version please. 100 parts inspected by both the old and new vision system: "
     f"both pass {aa}, both fail {d4}, old pass/new fail {bb}, old fail/new pass {cc}. Two-sided exact p?")
res = sm_mcnemar([[aa, bb], [cc, d4]], exact=True)
k_ = min(bb, cc); nn = bb + cc
ph = min(Fr(1), 2 * sum(Fr(math.comb(nn, i), 2 ** nn) for i in range(k_ + 1)))
assert aa + d4 + bb + cc == 100
add(K5, q, "McNemar exact on discordant pairs", ["mcnemar"],
    [ex("p_value", res.pvalue, float(ph), "p")],
    data_check=([int(v) for v in nums(between(q, "both pass", "."))], [aa, d4, bb, cc]),
    layout="named McNemar exact, cells in prose -> p")

# n65 Anderson-Darling
x = draw(rng.gamma(4, 1.5, 20), 2)
q = ("Anderson-Darling normality test on these 20 cycle counts (mean and SD estimated from the data, SD with n-1): "
     + " ".join(fmt(v, 2) for v in x) + ". Give the A² statistic (unadjusted) and the small-sample adjusted "
     "A*² = A²(1 + 0.75/n + 2.25/n²).")
res = ss.anderson(x, dist="norm", method="interpolate")
xs = sorted(x); m_ = h_mean(x); s_ = h_sd(x); n_ = 20
Fz = [float(mp.ncdf((v - m_) / s_)) for v in xs]
A2h = -n_ - math.fsum((2 * i + 1) * (math.log(Fz[i]) + math.log(1 - Fz[n_ - 1 - i])) for i in range(n_)) / n_
add(K5, q, "Anderson-Darling A^2 and adjusted A*^2", ["normality"],
    [ex("a2", res.statistic, A2h), ex("a2_adjusted", res.statistic * (1 + 0.75 / 20 + 2.25 / 400), A2h * (1 + 0.75 / 20 + 2.25 / 400))],
    layout="named Anderson-Darling -> A^2, adjusted A*^2", data_check=(nums(between(q, "n-1):", ". Give")), x))

# n66 Kendall tau exact
while True:
    kx = draw(rng.normal(50, 10, 8), 1); ky = draw(0.6 * np.array(kx) + rng.normal(0, 6, 8), 1)
    if len(set(kx)) == 8 and len(set(ky)) == 8: break
q = ("Kendall's tau between hardness (x) and wear (y), exact p-value (two-sided, no ties):\n"
     + "\n".join(f"({fmt(u, 1)}, {fmt(v, 1)})" for u, v in zip(kx, ky)) + "\ntau and p?")
pairs = [nums(l) for l in q.splitlines() if l.startswith("(")]
res = ss.kendalltau(kx, ky, method="exact")
S = sum(np.sign(kx[j] - kx[i]) * np.sign(ky[j] - ky[i]) for i in range(8) for j in range(i + 1, 8))
distS = {}
for p_ in itertools.permutations(range(8)):
    s__ = sum(1 if p_[j] > p_[i] else -1 for i in range(8) for j in range(i + 1, 8))
    distS[s__] = distS.get(s__, 0) + 1
ph = Fr(sum(c_ for s__, c_ in distS.items() if abs(s__) >= abs(S)), math.factorial(8))
add(K5, q, "Kendall tau exact two-sided", ["correlation"],
    [ex("tau", res.statistic, S / 28), ex("p_value", res.pvalue, float(ph), "p")],
    layout="named Kendall, (x, y) tuples -> tau, exact p", data_check=(([p[0] for p in pairs], [p[1] for p in pairs]), (kx, ky)))

# n67 Tukey HSD
gt = [draw(rng.normal(m, 1.0, 6), 1) for m in (20, 21.5, 22.5)]
q = ("One-way ANOVA followed by Tukey HSD, three catalysts:\nCat A: " + ", ".join(fmt(v, 1) for v in gt[0]) +
     "\nCat B: " + ", ".join(fmt(v, 1) for v in gt[1]) + "\nCat C: " + ", ".join(fmt(v, 1) for v in gt[2]) +
     "\nGive the Tukey-adjusted p-values for A vs B and A vs C.")
tk = ss.tukey_hsd(*gt)
_, _, mse = h_oneway(gt)
def ptukey_sf(qv, k, nu):
    inner = lambda w: k * mp.quad(lambda z: mp.npdf(z) * (mp.ncdf(z) - mp.ncdf(z - w)) ** (k - 1), [-mp.inf, 0, mp.inf])
    fs = lambda s: nu ** (nu / 2) / (mp.gamma(nu / 2) * 2 ** (nu / 2 - 1)) * s ** (nu - 1) * mp.e ** (-nu * s * s / 2)
    return 1 - mp.quad(lambda s: fs(s) * inner(qv * s), [0, 1, 3, mp.inf])
mp.mp.dps = 20
qAB = abs(h_mean(gt[0]) - h_mean(gt[1])) / math.sqrt(mse / 6); qAC = abs(h_mean(gt[0]) - h_mean(gt[2])) / math.sqrt(mse / 6)
pAB, pAC = ptukey_sf(qAB, 3, 15), ptukey_sf(qAC, 3, 15)
mp.mp.dps = 30
add(K5, q, "Tukey HSD adjusted p for A-B and A-C", ["anova_oneway"],
    [ex("p_a_vs_b", tk.pvalue[0, 1], pAB, "p"), ex("p_a_vs_c", tk.pvalue[0, 2], pAC, "p")],
    layout="named Tukey HSD, 'Cat X:' lines -> adjusted p A-B, A-C",
    data_check=([nums(between(q, f"Cat {k}:", "\n")) for k in "ABC"], gt))

# n68 EWMA
ew = draw(np.concatenate([rng.normal(100, 2, 8), rng.normal(102.5, 2, 6)]), 1)
q = ("EWMA chart with lambda = 0.2 and L = 3, in-control mean 100 and sigma 2 known (start the EWMA at 100). "
     "Observations in order: " + ", ".join(fmt(v, 1) for v in ew) + ". Using the exact (time-varying) limits, "
     "what are the EWMA value, the UCL and the LCL at the last (14th) point?")
lam = 0.2; zc = 100.0
for v in ew: zc = lam * v + (1 - lam) * zc
zh = math.fsum(lam * (1 - lam) ** (13 - i) * v for i, v in enumerate(ew)) + (1 - lam) ** 14 * 100
hw = 3 * 2 * math.sqrt(lam / (2 - lam) * (1 - (1 - lam) ** 28))
hwh = 3 * 2 * mp.sqrt(mp.mpf(1) / 9 * (1 - mp.mpf("0.8") ** 28))
add(K5, q, "EWMA lambda .2 L 3 exact limits at point 14", ["control_chart"],
    [ex("ewma_14", zc, zh, "loc"), ex("ucl_14", 100 + hw, 100 + hwh, tol=1e-3), ex("lcl_14", 100 - hw, 100 - hwh, tol=1e-3)],
    layout="named EWMA -> z_14, exact UCL/LCL at 14",
    data_check=(nums(between(q, "in order:", ". Using")), ew))

# n69 CUSUM
cs_ = draw(np.concatenate([rng.normal(50, 1, 10), rng.normal(51.2, 1, 10)]), 2)
q = ("Tabular CUSUM: target 50, sigma 1, k = 0.5 (reference value 50.5 for the upper side) and h = 5. Data: "
     + ", ".join(fmt(v, 2) for v in cs_) + ". What are C+ and C- after the last point, and at which "
     "observation (1-based) does the CUSUM first signal (C+ or C- > 5)?")
Cp = Cm = 0.0; first = 0
for i, v in enumerate(cs_):
    Cp = max(0.0, Cp + v - 50.5); Cm = max(0.0, Cm + 49.5 - v)
    if first == 0 and (Cp > 5 or Cm > 5): first = i + 1
Sp = np.concatenate([[0], np.cumsum(np.array(cs_) - 50.5)]); Sm = np.concatenate([[0], np.cumsum(49.5 - np.array(cs_))])
Cps = Sp - np.minimum.accumulate(Sp); Cms = Sm - np.minimum.accumulate(Sm)
first_h = int(np.argmax((Cps[1:] > 5) | (Cms[1:] > 5))) + 1
assert first > 0
add(K5, q, "tabular CUSUM k=0.5 h=5", ["control_chart"],
    [ex("c_plus_final", Cp, Cps[-1], tol=1e-4), ex("c_minus_final", Cm, Cms[-1], tol=1e-4) if Cm > 0 else
     {"name": "c_minus_final", "value": 0.0, "tol": 1e-4}, ex("first_signal", first, first_h, "int")],
    layout="named tabular CUSUM -> C+, C-, first signal index",
    data_check=(nums(between(q, "Data:", ". What")), cs_))
if Cm == 0: assert Cms[-1] == 0

# n70 REFUSE McNemar on independent groups
q = ("Do a McNemar test for me: 40 of 100 men passed the test and 55 of 120 women passed. Is the pass rate different?")
add(K5, q, "REFUSE: McNemar requires paired data; these are independent groups (ask / suggest two-proportion test)",
    [], [], refuse=True, layout="McNemar requested on two independent groups -> refuse / ask")

# ----------------------------------------------------------------- output
assert len(Q) == 70
kinds = [K1, K2, K3, K4, K5]
for i, rec in enumerate(Q):
    assert rec["kind"] == kinds[i // 14], i
lines = []
for i, rec in enumerate(Q):
    o = {"id": f"n{i + 1:02d}", "kind": rec["kind"], "question": rec["question"], "intent": rec["intent"],
         "tools": rec["tools"], "expect": rec["expect"], "refuse": rec["refuse"]}
    if not rec["refuse"]:
        assert o["expect"] and o["tools"]
    lines.append(json.dumps(o, ensure_ascii=False))
body = "\n".join(lines) + "\n"
with open(OUT, "w", encoding="utf-8") as fh:
    fh.write(body)
md5 = hashlib.md5(body.encode("utf-8")).hexdigest()
refusals = [(f"n{i + 1:02d}", r["intent"]) for i, r in enumerate(Q) if r["refuse"]]
assert len(refusals) == 7
counts = {k: sum(1 for r in Q if r["kind"] == k) for k in kinds}
meta = {"file": OUT, "md5": md5, "n_questions": len(Q), "counts_per_kind": counts,
        "refusals": [{"id": i, "reason": why.replace("REFUSE: ", "")} for i, why in refusals],
        "seed": 42424242}
with open(META, "w", encoding="utf-8") as fh:
    fh.write(json.dumps(meta, indent=2, ensure_ascii=False) + "\n")

titles = {K1: "Kind 1 - tables and layouts (n01-n14)", K2: "Kind 2 - intent carried by wording (n15-n28)",
          K3: "Kind 3 - numbers in prose with roles and distractors (n29-n42)", K4: "Kind 4 - mathematics (n43-n56)",
          K5: "Kind 5 - tests and methods named by the user (n57-n70)"}
rd = ["# Blind round 42", "",
      "70 questions (5 kinds x 14) for the maths / statistics / engineering QA agent, written blind: the only",
      "project file consulted was TOOLS.txt (tool names and one-line descriptions).", "",
      "## How it was written", "",
      "`make_round42.py` builds every question, its intent, tool list and expected values. Data are drawn from",
      "`numpy.random.default_rng(42424242)` in id order and rounded at draw time through the printed text, so the",
      "printed decimals are exactly the data. Every expected value is computed twice - (a) with a library",
      "(scipy.stats, statsmodels, sympy, numpy) and (b) independently by hand (explicit formulas, Fractions,",
      "exact enumeration of null distributions, mpmath quadrature for t/F/chi-square/noncentral-t/studentized range);",
      "the two are asserted to agree (relative 1e-4, integers exactly). Each question's data are parsed back",
      "out of its own text and asserted equal to the drawn data.", "",
      "Tolerances (absolute, in `tol`): statistics ~0.1 % of the value; location values (means, medians, CI ends,",
      "EWMA value) 2e-5 relative, since 0.1 % of a mean is wider than its sampling noise; p-values 0.1 % relative with floor 1e-6;",
      "Shewhart limits widened to cover tabulated vs exact constants (A2, D4); maths 1e-4 relative + 1e-6; integers 0.",
      "", "Seven questions (`refuse: true`, empty `expect`) are ill-posed, contradictory or missing essentials;",
      "a careful agent must refuse or ask: " + ", ".join(i for i, _ in refusals) + ".", "",
      "## Files", "",
      "- `make_round42.py` - the generator (run: `python make_round42.py`; prints `OK <md5> <counts> <refusals>`).",
      "- `round42.jsonl` - 70 lines, keys `id, kind, question, intent, tools, expect, refuse`.",
      "- `round42_meta.json` - counts per kind, refusal ids with reasons, md5 of round42.jsonl.",
      "- `README.md` - this file.", "",
      "## Determinism", "",
      f"Running the generator rewrites the outputs byte-identically. md5(round42.jsonl) = `{md5}`.", ""]
for k in kinds:
    rd += [f"## {titles[k]}", ""]
    for i, r in enumerate(Q):
        if r["kind"] == k:
            rd.append(f"- n{i + 1:02d}: {r['layout']}")
    rd.append("")
with open("README.md", "w", encoding="utf-8") as fh:
    fh.write("\n".join(rd))
print("OK", md5, json.dumps(counts, separators=(",", ":")), ",".join(i for i, _ in refusals))
