#!/usr/bin/env python3
"""Round 19 blind evaluation set for HAVOC.

Every data set lives in this file.  For each non-refusal question we assert:
 (a) library value (scipy / statsmodels / sympy / numpy),
 (b) an independent hand computation (textbook formula, enumeration, mpmath),
     agreeing with (a) to 1e-4 relative (exact for integers),
 (c) a re-parse of the data out of the QUESTION TEXT, recomputed with (a),
     agreeing to 1e-9.
Output: round19.jsonl (deterministic).
"""
import json, re, math, itertools, os
from fractions import Fraction
import numpy as np
import scipy.stats as st
import mpmath as mp
import sympy as sp
import statsmodels.api as sm
import statsmodels.formula.api as smf
from statsmodels.stats.power import TTestIndPower, TTestPower

mp.mp.dps = 30
HERE = os.path.dirname(os.path.abspath(__file__))
QS = []
CHECKS = {"a_b": 0, "reparse": 0}


# ----------------------------------------------------------------- helpers
def add(qid, kind, question, intent, tools, expect, refuse=False):
    assert not any(q["id"] == qid for q in QS), qid
    if refuse:
        assert tools == [] and expect == []
    else:
        assert tools and expect
    QS.append(dict(id=qid, kind=kind, question=question, intent=intent,
                   tools=tools, expect=expect, refuse=refuse))


def E(what, value, rel=0.005):
    if isinstance(value, (int, np.integer)) and rel == 0:
        return {"what": what, "value": int(value), "rel": 0}
    return {"what": what, "value": round(float(value), 6 if abs(float(value)) >= 1e-3 else 10), "rel": rel}


def close(a, b, tol=1e-4):
    """(a) vs (b): relative agreement."""
    a = float(a); b = float(b)
    assert abs(a - b) <= tol * max(abs(a), abs(b), 1e-300), (a, b)
    CHECKS["a_b"] += 1


def same(a, b):
    """(c) re-parse agreement, 1e-9."""
    a = float(a); b = float(b)
    assert abs(a - b) <= 1e-9 * max(abs(a), abs(b), 1e-300), (a, b)
    CHECKS["reparse"] += 1


def nums(s):
    return [float(x) for x in re.findall(r'-?\d+(?:\.\d+)?', s)]


def grab(text, label):
    """numbers after the first ':' on the line that starts with label"""
    for line in text.splitlines():
        if line.strip().lower().startswith(label.lower()):
            return nums(line.split(':', 1)[1])
    raise KeyError(label)


def hmean(x):
    return math.fsum(x) / len(x)


def hvar(x):
    m = hmean(x)
    return math.fsum((v - m) ** 2 for v in x) / (len(x) - 1)


def t2p(t, df):
    """two-sided p of Student t via the regularised incomplete beta"""
    return mp.betainc(mp.mpf(df) / 2, mp.mpf(1) / 2, 0, df / (df + mp.mpf(t) ** 2), regularized=True)


def t_upper(t, df):
    p = t2p(t, df) / 2
    return p if t > 0 else 1 - p


def t_quant(q, df):
    """q-quantile of t (q > 0.5)"""
    return mp.findroot(lambda x: (1 - t_upper(x, df)) - q, 1.5)


def f_p(F, d1, d2):
    return mp.betainc(mp.mpf(d2) / 2, mp.mpf(d1) / 2, 0, d2 / (d2 + d1 * mp.mpf(F)), regularized=True)


def chi2_p(x, k):
    return mp.gammainc(mp.mpf(k) / 2, mp.mpf(x) / 2, mp.inf, regularized=True)


def ranks_noties(values):
    s = sorted(values)
    assert len(set(s)) == len(s), "ties present"
    return {v: i + 1 for i, v in enumerate(s)}


def oneway_hand(groups):
    allv = [v for g in groups for v in g]
    gm = hmean(allv)
    ssb = math.fsum(len(g) * (hmean(g) - gm) ** 2 for g in groups)
    ssw = math.fsum((v - hmean(g)) ** 2 for g in groups for v in g)
    d1, d2 = len(groups) - 1, len(allv) - len(groups)
    F = (ssb / d1) / (ssw / d2)
    return F, f_p(F, d1, d2), ssb, ssw


def pipe_rows(text, prefix):
    out = []
    for line in text.splitlines():
        if line.startswith("| " + prefix):
            out.append([c.strip() for c in line.strip().strip('|').split('|')])
    return out


class LCG:
    """tiny deterministic generator (independent of numpy versions)"""
    def __init__(self, seed):
        self.s = seed

    def u(self):
        self.s = (1103515245 * self.s + 12345) % 2 ** 31
        return (self.s + 0.5) / 2 ** 31

    def n(self):
        u1, u2 = self.u(), self.u()
        return math.sqrt(-2 * math.log(u1)) * math.cos(2 * math.pi * u2)


# SPC constants (standard tables)
A2 = {2: 1.880, 3: 1.023, 4: 0.729, 5: 0.577, 6: 0.483}
D3 = {2: 0, 3: 0, 4: 0, 5: 0, 6: 0}
D4 = {2: 3.267, 3: 2.574, 4: 2.282, 5: 2.114, 6: 2.004}
D2 = {2: 1.128, 3: 1.693, 4: 2.059, 5: 2.326, 6: 2.534}
A3 = {6: 1.287}
B3 = {6: 0.030}
B4 = {6: 1.970}
E2 = 2.66


def d2_exact(n):
    f = lambda x: 1 - mp.ncdf(x) ** n - (1 - mp.ncdf(x)) ** n
    return mp.quad(f, [-mp.inf, 0, mp.inf])


def c4_exact(n):
    return mp.sqrt(2 / mp.mpf(n - 1)) * mp.gamma(mp.mpf(n) / 2) / mp.gamma(mp.mpf(n - 1) / 2)


# tables vs exact constants (why rel 0.005 is enough for chart limits)
for _n in (2, 4, 5, 6):
    assert abs(D2[_n] / d2_exact(_n) - 1) < 5e-4
    assert abs(A2[_n] / (3 / (d2_exact(_n) * math.sqrt(_n))) - 1) < 2e-3
assert abs(E2 / (3 / d2_exact(2)) - 1) < 2e-3
assert abs(A3[6] / (3 / (c4_exact(6) * math.sqrt(6))) - 1) < 1e-3
assert abs(B4[6] / (1 + 3 * mp.sqrt(1 - c4_exact(6) ** 2) / c4_exact(6)) - 1) < 1e-3


def lim_tol(value, width):
    """tolerance for an X-bar / individuals limit: 0.005 relative, but never
    looser than 5% of the limit's distance from the centre line (table vs
    exact constants differ by well under 1% of that distance)."""
    return min(0.005, round(0.05 * abs(width) / abs(value), 6))


def margin_ok(points, lcl, ucl, sigma):
    """every point at least 0.1 sigma from each limit"""
    for p, lo, hi, s in zip(points, lcl, ucl, sigma):
        assert abs(p - lo) >= 0.1 * s and abs(p - hi) >= 0.1 * s, (p, lo, hi)


# =====================================================================
# KIND 1 - tables that are not plain numeric columns
# =====================================================================

# v01 paired t from a markdown table with an id column --------------------
ids = [f"F-{i:02d}" for i in range(1, 11)]
before = [12.41, 11.97, 12.66, 12.20, 12.83, 12.05, 12.54, 12.31, 12.72, 12.12]
after = [12.18, 11.90, 12.35, 12.22, 12.51, 11.86, 12.40, 12.08, 12.49, 12.04]
rows = "\n".join(f"| {i} | {b:.2f} | {a:.2f} |" for i, b, a in zip(ids, before, after))
q = f"""We re-calibrated the torque drivers on our assembly fixtures last week. Each fixture was checked before and after (N·m):

| fixture | before | after |
|---|---|---|
{rows}

Did the recalibration shift the torque? Same fixture both times, so compare them fixture by fixture."""
r = st.ttest_rel(before, after)
d = [b - a for b, a in zip(before, after)]
th = hmean(d) / math.sqrt(hvar(d) / len(d))
close(r.statistic, th); close(r.pvalue, t2p(th, 9))
pr = pipe_rows(q, "F-")
r2 = st.ttest_rel([float(x[1]) for x in pr], [float(x[2]) for x in pr])
same(r.statistic, r2.statistic); same(r.pvalue, r2.pvalue)
add("v01", 1, q, "Paired t-test on before-after differences for the 10 fixtures (two-sided), reporting t (df 9), p and mean difference.",
    ["t_test"], [E("|t| (paired, df 9)", abs(r.statistic)), E("p two-sided", r.pvalue, 0.02),
                 E("|mean difference|", abs(hmean(d)))])

# v02 label: count goodness of fit ------------------------------------------
shifts = {"Shift A": 48, "Shift B": 37, "Shift C": 61, "Night": 54}
q = ("rejects by shift for november -- " + ", ".join(f"{k}: {v}" for k, v in shifts.items()) +
     ". if rejects were equally likely on every shift we'd expect the same count on each. does the data say otherwise?")
obs = list(shifts.values())
r = st.chisquare(obs)
e = sum(obs) / 4
ch = math.fsum((o - e) ** 2 / e for o in obs)
close(r.statistic, ch); close(r.pvalue, chi2_p(ch, 3))
r2 = st.chisquare([float(x) for x in re.findall(r': (\d+)', q)])
same(r.statistic, r2.statistic); same(r.pvalue, r2.pvalue)
add("v02", 1, q, "Chi-square goodness of fit against equal expected counts (50 each), df 3.",
    ["chi_square"], [E("chi-square", r.statistic), E("p", r.pvalue, 0.02)])

# v03 np chart from a whitespace table with constant n ----------------------
defv = [8, 11, 7, 9, 12, 6, 10, 9, 8, 13, 7, 9, 10, 8, 11]
tab = "day  inspected  defective\n" + "\n".join(f"{i + 1:>3}  {150:>9}  {dv:>9}" for i, dv in enumerate(defv))
q = f"""Final inspection pulls the same number of units every day. I want to chart the NUMBER of defective units per day, not the fraction.

{tab}

what are the centre line and control limits?"""
npbar = np.mean(defv); pbar = npbar / 150
s_np = np.sqrt(npbar * (1 - pbar)); ucl = npbar + 3 * s_np; lcl = max(0.0, npbar - 3 * s_np)
hp = Fraction(sum(defv), 150 * 15)
hc = float(hp * 150); hs = math.sqrt(float(150 * hp * (1 - hp)))
close(npbar, hc); close(ucl, hc + 3 * hs); close(lcl, hc - 3 * hs)
assert lcl > 0
margin_ok(defv, [lcl] * 15, [ucl] * 15, [s_np] * 15)
rows_ = [nums(l) for l in q.splitlines() if re.fullmatch(r'\s*\d+\s+\d+\s+\d+\s*', l)]
n2 = np.mean([x[2] for x in rows_]); same(n2, npbar); same(rows_[0][1], 150)
add("v03", 1, q, "np chart with n = 150: centre n*pbar, limits n*pbar +/- 3 sqrt(n pbar (1-pbar)); no points out.",
    ["control_chart"], [E("centre line np-bar", npbar), E("UCL", ucl), E("LCL", lcl)])

# v04 p chart with varying sample sizes, CSV -------------------------------
ninsp = [220, 180, 250, 200, 210, 190, 240, 230, 205, 185, 260, 215]
ndef = [11, 8, 14, 9, 25, 7, 12, 10, 9, 8, 13, 10]
csv = "lot,inspected,defective\n" + "\n".join(f"L{2400 + i + 1},{a},{b}" for i, (a, b) in enumerate(zip(ninsp, ndef)))
q = f"""Incoming inspection on resistor reels, lot sizes vary so the sample inspected varies too. Here's the log:

{csv}

Put these on the right attribute chart for fraction defective (limits per lot) and tell me p-bar and how many lots fall outside their limits."""


def pchart(ni, di):
    pb = sum(di) / sum(ni)
    sig = [math.sqrt(pb * (1 - pb) / k) for k in ni]
    p = [a / b for a, b in zip(di, ni)]
    lo = [max(0, pb - 3 * s) for s in sig]; hi = [pb + 3 * s for s in sig]
    out = sum(1 for x, l, h in zip(p, lo, hi) if x < l or x > h)
    return pb, out, p, lo, hi, sig


pb, out, p_, lo, hi, sig = pchart(ninsp, ndef)
pbn = np.sum(ndef) / np.sum(ninsp)
pn = np.array(ndef) / np.array(ninsp); sn = np.sqrt(pbn * (1 - pbn) / np.array(ninsp))
outn = int(np.sum((pn > pbn + 3 * sn) | (pn < np.maximum(0, pbn - 3 * sn))))
close(pb, pbn); assert out == outn == 1
margin_ok(p_, lo, hi, sig)
rows_ = [l.split(',') for l in q.splitlines() if re.fullmatch(r'L\d+,\d+,\d+', l)]
pb2, out2, *_ = pchart([int(x[1]) for x in rows_], [int(x[2]) for x in rows_])
same(pb, pb2); assert out2 == out
add("v04", 1, q, "p chart with variable n (limits pbar +/- 3 sqrt(pbar(1-pbar)/n_i)); pbar = 136/2585; lot L2405 (25/210) is above its UCL.",
    ["control_chart"], [E("p-bar", pb), E("lots out of limits", out, 0)])

# v05 regression: predictor / response CSV ---------------------------------
temp = [150, 155, 160, 165, 170, 175, 180, 185]
yld = [71.2, 72.9, 74.1, 76.0, 76.8, 78.9, 79.6, 81.7]
csv = "temp_C,yield_pct\n" + "\n".join(f"{a},{b}" for a, b in zip(temp, yld))
q = f"""{csv}

^ oven set-point vs batch yield from the pilot line. fit a straight line of yield on temperature; I need slope, intercept and R-squared."""
lr = st.linregress(temp, yld)
mx, my = hmean(temp), hmean(yld)
sxy = math.fsum((a - mx) * (b - my) for a, b in zip(temp, yld)); sxx = math.fsum((a - mx) ** 2 for a in temp)
syy = math.fsum((b - my) ** 2 for b in yld)
b1 = sxy / sxx; b0 = my - b1 * mx; R2 = sxy ** 2 / (sxx * syy)
close(lr.slope, b1); close(lr.intercept, b0); close(lr.rvalue ** 2, R2)
rows_ = [list(map(float, l.split(','))) for l in q.splitlines() if re.fullmatch(r'\d+,[\d.]+', l)]
lr2 = st.linregress([x[0] for x in rows_], [x[1] for x in rows_])
same(lr.slope, lr2.slope); same(lr.intercept, lr2.intercept)
add("v05", 1, q, "Simple linear regression yield ~ temperature.",
    ["regression"], [E("slope", lr.slope), E("intercept", lr.intercept), E("R^2", lr.rvalue ** 2)])

# v06 contingency with row and column labels -------------------------------
ctab = {"Supplier A": [23, 11, 8, 6], "Supplier B": [15, 19, 5, 9], "Supplier C": [31, 9, 14, 4]}
cols = ["scratch", "dent", "discolour", "other"]
txt = f"{'':12}" + "".join(f"{c:>11}" for c in cols) + "\n" + "\n".join(
    f"{k:12}" + "".join(f"{v:>11}" for v in vals) for k, vals in ctab.items())
q = f"""Defect type by supplier for the last quarter's returns:

{txt}

Is the mix of defect types the same for all three suppliers?"""
M = np.array(list(ctab.values()))
r = st.chi2_contingency(M, correction=False)
R_, C_, N_ = M.sum(1), M.sum(0), M.sum()
ch = math.fsum((M[i, j] - R_[i] * C_[j] / N_) ** 2 / (R_[i] * C_[j] / N_) for i in range(3) for j in range(4))
close(r.statistic, ch); close(r.pvalue, chi2_p(ch, 6)); assert r.dof == 6
M2 = np.array([nums(l.split('Supplier')[1][2:]) for l in q.splitlines() if l.startswith('Supplier')])
r2 = st.chi2_contingency(M2, correction=False); same(r.statistic, r2.statistic)
add("v06", 1, q, "Chi-square test of independence on the 3x4 table, df 6.",
    ["chi_square"], [E("chi-square", r.statistic), E("df", 6, 0), E("p", r.pvalue, 0.02)])

# v07 long format one-way ANOVA ----------------------------------------------
opA = [4.12, 4.09, 4.15, 4.11, 4.14]; opB = [4.18, 4.16, 4.21, 4.17, 4.19]; opC = [4.10, 4.13, 4.08, 4.12, 4.11]
longrows = []
order = [0, 1, 2, 1, 0, 2, 2, 0, 1, 1, 2, 0, 0, 1, 2]
it = {0: iter(opA), 1: iter(opB), 2: iter(opC)}
names = {0: "Dana", 1: "Luis", 2: "Priya"}
for o in order:
    longrows.append((names[o], next(it[o])))
csv = "operator,bore_mm\n" + "\n".join(f"{a},{b:.2f}" for a, b in longrows)
q = f"""Gauge check on the bore diameter — three operators each measured parts off the same tray. Does the operator make a difference to the reading?

{csv}"""
r = st.f_oneway(opA, opB, opC)
F, p, _, _ = oneway_hand([opA, opB, opC])
close(r.statistic, F); close(r.pvalue, p)
g = {}
for l in q.splitlines():
    m = re.fullmatch(r'(\w+),([\d.]+)', l)
    if m and m.group(1) != 'operator':
        g.setdefault(m.group(1), []).append(float(m.group(2)))
r2 = st.f_oneway(*g.values()); same(r.statistic, r2.statistic); same(r.pvalue, r2.pvalue)
add("v07", 1, q, "One-way ANOVA of bore_mm by operator (3 groups of 5), F(2,12) and p.",
    ["anova_oneway"], [E("F", r.statistic), E("p", r.pvalue, 0.02)])

# v08 X-bar R with a subgroup-number column ----------------------------------
g8 = LCG(1908)
sub = [[round(25.00 + 0.04 * g8.n(), 2) for _ in range(5)] for _ in range(12)]
tab = "subgroup   x1     x2     x3     x4     x5\n" + "\n".join(
    f"{i + 1:>5}   " + "  ".join(f"{v:.2f}" for v in s) for i, s in enumerate(sub))
q = f"""{tab}

those are 12 subgroups of 5 consecutive shafts (diameter, mm). Need X-bar and R chart limits please."""
arr = np.array(sub)
xbb = arr.mean(1).mean(); rbar = np.ptp(arr, axis=1).mean()
uclx, lclx = xbb + A2[5] * rbar, xbb - A2[5] * rbar; uclr = D4[5] * rbar
hx = math.fsum(math.fsum(s) / 5 for s in sub) / 12; hr = math.fsum(max(s) - min(s) for s in sub) / 12
close(xbb, hx); close(rbar, hr); close(uclx, hx + 0.577 * hr); close(uclr, 2.114 * hr)
sx = A2[5] * rbar / 3
margin_ok(arr.mean(1), [lclx] * 12, [uclx] * 12, [sx] * 12)
rows_ = [nums(l) for l in q.splitlines() if re.fullmatch(r'\s*\d+\s+(\d+\.\d+\s*){5}', l)]
a2_ = np.array([x[1:] for x in rows_]); same(a2_.mean(), xbb); same(np.ptp(a2_, axis=1).mean(), rbar)
add("v08", 1, q, "X-bar/R chart, n = 5: CL = grand mean, limits = xbarbar +/- A2 Rbar (A2 = 0.577), R chart UCL = D4 Rbar (2.114), LCL 0.",
    ["control_chart"], [E("grand mean", xbb, lim_tol(xbb, A2[5] * rbar)), E("R-bar", rbar),
                        E("UCL xbar", uclx, lim_tol(uclx, A2[5] * rbar)), E("LCL xbar", lclx, lim_tol(lclx, A2[5] * rbar)),
                        E("UCL R", uclr)])

# v09 label -> count with stated proportions -----------------------------------
grades = {"grade A": 112, "grade B": 61, "grade C": 27}
q = ("Our spec says castings should come out 60% grade A, 30% grade B, 10% grade C. Sample of last week:\n" +
     "\n".join(f"{k} -> {v}" for k, v in grades.items()) + "\nDoes the sample fit the spec split?")
obs = list(grades.values()); ex = [0.6 * 200, 0.3 * 200, 0.1 * 200]
r = st.chisquare(obs, ex)
ch = math.fsum((o - e) ** 2 / e for o, e in zip(obs, ex))
close(r.statistic, ch); close(r.pvalue, chi2_p(ch, 2))
o2 = [float(x) for x in re.findall(r'-> (\d+)', q)]; pr_ = [float(x) / 100 for x in re.findall(r'(\d+)%', q)]
r2 = st.chisquare(o2, [p * sum(o2) for p in pr_]); same(r.statistic, r2.statistic)
add("v09", 1, q, "Chi-square goodness of fit vs expected 120/60/20, df 2.",
    ["chi_square"], [E("chi-square", r.statistic), E("p", r.pvalue, 0.02)])

# v10 two-way ANOVA, long-format CSV ------------------------------------------
g10 = LCG(2019)
noz = ["N1", "N2"]; spd = ["slow", "medium", "fast"]
eff_n = {"N1": 0.0, "N2": 0.6}; eff_s = {"slow": -0.5, "medium": 0.0, "fast": 0.7}
inter = {("N2", "fast"): 0.5}
rows10 = []
for rep in range(3):
    for a in noz:
        for b in spd:
            y = 10 + eff_n[a] + eff_s[b] + inter.get((a, b), 0) + 0.35 * g10.n()
            rows10.append((a, b, round(y, 2)))
csv = "nozzle,speed,thickness_um\n" + "\n".join(f"{a},{b},{y:.2f}" for a, b, y in rows10)
q = f"""coating thickness trial, 2 nozzles x 3 line speeds, 3 panels per combination (long format below). I want the two-way ANOVA with the interaction.

{csv}"""


def twoway_sm(rows):
    import pandas as pd
    df_ = pd.DataFrame(rows, columns=["A", "B", "y"])
    fit = smf.ols("y ~ C(A)*C(B)", data=df_).fit()
    return sm.stats.anova_lm(fit, typ=2)


def twoway_hand(rows):
    A = sorted(set(r[0] for r in rows)); B = sorted(set(r[1] for r in rows))
    ys = [r[2] for r in rows]; gm = hmean(ys); N = len(ys)
    cell = {(a, b): [r[2] for r in rows if r[0] == a and r[1] == b] for a in A for b in B}
    nrep = len(next(iter(cell.values())))
    ma = {a: hmean([r[2] for r in rows if r[0] == a]) for a in A}
    mb = {b: hmean([r[2] for r in rows if r[1] == b]) for b in B}
    ssa = len(B) * nrep * math.fsum((ma[a] - gm) ** 2 for a in A)
    ssb = len(A) * nrep * math.fsum((mb[b] - gm) ** 2 for b in B)
    ssab = nrep * math.fsum((hmean(cell[a, b]) - ma[a] - mb[b] + gm) ** 2 for a in A for b in B)
    sse = math.fsum((y - hmean(c)) ** 2 for c in cell.values() for y in c)
    dfa, dfb, dfe = len(A) - 1, len(B) - 1, N - len(A) * len(B)
    mse = sse / dfe
    Fa, Fb, Fab = ssa / dfa / mse, ssb / dfb / mse, ssab / (dfa * dfb) / mse
    return (Fa, f_p(Fa, dfa, dfe)), (Fb, f_p(Fb, dfb, dfe)), (Fab, f_p(Fab, dfa * dfb, dfe))


tw = twoway_sm(rows10); hw = twoway_hand(rows10)
for i, key in enumerate(["C(A)", "C(B)", "C(A):C(B)"]):
    close(tw.loc[key, "F"], hw[i][0]); close(tw.loc[key, "PR(>F)"], hw[i][1])
rr = [(m.group(1), m.group(2), float(m.group(3))) for m in re.finditer(r'^(N\d),(\w+),([\d.]+)$', q, re.M)]
tw2 = twoway_sm(rr); same(tw.loc["C(A)", "F"], tw2.loc["C(A)", "F"]); same(tw.loc["C(A):C(B)", "F"], tw2.loc["C(A):C(B)", "F"])
add("v10", 1, q, "Balanced two-way ANOVA with interaction (nozzle 1 df, speed 2 df, interaction 2 df, error 12 df).",
    ["anova_twoway", "doe_anova"], [E("F nozzle", tw.loc["C(A)", "F"]), E("F speed", tw.loc["C(B)", "F"]),
                                    E("F interaction", tw.loc["C(A):C(B)", "F"]),
                                    E("p interaction", tw.loc["C(A):C(B)", "PR(>F)"], 0.02)])
V10 = tw

# v11 I-MR chart with batch-id column ----------------------------------------
visc = [412.5, 418.2, 409.8, 415.1, 421.4, 413.7, 410.9, 417.6, 414.2, 408.3, 419.5, 416.8, 411.2, 415.9, 420.1, 412.8]
tab = "| batch | viscosity (cP) |\n|---|---|\n" + "\n".join(f"| B-23{i + 41:02d} | {v:.1f} |" for i, v in enumerate(visc))
q = f"""One reading per batch, so no rational subgroups. Individuals chart please (with the moving range).

{tab}"""
x = np.array(visc); mr = np.abs(np.diff(x)); mrb = mr.mean()
ucl, lcl = x.mean() + E2 * mrb, x.mean() - E2 * mrb; uclmr = D4[2] * mrb
hmr = math.fsum(abs(visc[i] - visc[i - 1]) for i in range(1, 16)) / 15
close(mrb, hmr); close(ucl, hmean(visc) + 2.66 * hmr)
margin_ok(visc, [lcl] * 16, [ucl] * 16, [E2 * mrb / 3] * 16)
margin_ok(mr, [0] * 15, [uclmr] * 15, [E2 * mrb / 3] * 15)
v2 = np.array([float(r_[1]) for r_ in pipe_rows(q, "B-")]); same(v2.mean(), x.mean()); same(np.abs(np.diff(v2)).mean(), mrb)
add("v11", 1, q, "I-MR chart: CL = mean, limits mean +/- 2.66 MRbar, MR UCL = 3.267 MRbar; batch ids are labels, not data.",
    ["control_chart"], [E("mean", x.mean(), lim_tol(x.mean(), E2 * mrb)), E("MR-bar", mrb),
                        E("UCL", ucl, lim_tol(ucl, E2 * mrb)), E("LCL", lcl, lim_tol(lcl, E2 * mrb)), E("UCL MR", uclmr)])

# v12 REFUSAL: contingency table cut off ---------------------------------------
q = """Pass/fail at end-of-line test by production line, is there an association?

line     pass   fail
Line 1    182     9
Line 2    175    14
Line 3    169

(sorry the last number didn't paste)"""
add("v12", 1, q, "Refuse: the fail count for Line 3 is missing, so the 3x2 contingency table is incomplete; ask for it.", [], [], True)

# v13 REFUSAL: impossible p-chart data -----------------------------------------
q = """p chart for these daily samples?
day | inspected | defective
1 | 50 | 3
2 | 50 | 4
3 | 50 | 62
4 | 50 | 2
5 | 50 | 5"""
add("v13", 1, q, "Refuse / query: day 3 reports 62 defectives out of 50 inspected, which is impossible; the data must be corrected first.", [], [], True)


# =====================================================================
# KIND 2 - intent carried by wording
# =====================================================================

# v14 "don't assume normal" -> Mann-Whitney ------------------------------------
P = [11.2, 13.5, 12.1, 14.8, 10.9, 12.7, 15.3, 11.8, 13.0]
Qv = [14.1, 16.2, 13.9, 17.5, 15.0, 12.4, 16.8, 15.7, 18.1, 14.5]
q = f"""Lead times in working days for two vendors, separate orders (not matched):
Vendor P: {', '.join(f'{v}' for v in P)}
Vendor Q: {', '.join(f'{v}' for v in Qv)}
Lead times are skewed in general so please don't assume they're normal. Is one vendor faster?"""
r = st.mannwhitneyu(P, Qv, alternative="two-sided")
rk = ranks_noties(P + Qv)
U1 = sum(rk[v] for v in P) - 9 * 10 / 2
U1b = sum((a > b) + 0.5 * (a == b) for a in P for b in Qv)  # pair counting
close(r.statistic, U1); close(U1, U1b); assert U1 < 90 - U1
r2 = st.mannwhitneyu(grab(q, "Vendor P"), grab(q, "Vendor Q"), alternative="two-sided")
same(r.statistic, r2.statistic); same(r.pvalue, r2.pvalue)
add("v14", 2, q, "Mann-Whitney (Wilcoxon rank-sum) two-sided test of two independent samples, no ties; U for Vendor P = min(U1,U2).",
    ["mann_whitney"], [E("U", r.statistic, 0)])
V14p = r.pvalue

# v15 one-sample t against a stated nominal -------------------------------------
x15 = [25.03, 24.98, 25.06, 25.04, 25.01, 25.07, 24.99, 25.05, 25.02, 25.08, 25.03, 25.00]
q = f"""the drawing calls for 25.00 mm nominal on this pin. twelve pins off this morning's run measured
pins: {', '.join(f'{v:.2f}' for v in x15)}
is the process centred on nominal or has it drifted?"""
r = st.ttest_1samp(x15, 25.00)
th = (hmean(x15) - 25) / math.sqrt(hvar(x15) / 12)
close(r.statistic, th); close(r.pvalue, t2p(th, 11))
r2 = st.ttest_1samp(grab(q, "pins"), float(re.search(r'for ([\d.]+) mm nominal', q).group(1)))
same(r.statistic, r2.statistic)
add("v15", 2, q, "One-sample t-test of mean = 25.00 mm, two-sided, df 11.",
    ["t_test", "summary_t_test"], [E("t", r.statistic), E("p", r.pvalue, 0.02), E("mean", hmean(x15), 0.0002)])

# v16 exclusion of a named point ---------------------------------------------------
x16 = [182.4, 179.8, 184.1, 181.0, 183.6, 180.7, 241.9, 182.2, 178.9, 183.0, 181.5, 180.3]
q = ("Oven zone temps logged every 10 min: " + "; ".join(f"#{i + 1} {v}" for i, v in enumerate(x16)) +
     ". Reading #7 is bogus, the thermocouple came loose, so leave it out. What's the mean and standard deviation of the rest?")
keep = [v for i, v in enumerate(x16) if i != 6]
m_, s_ = np.mean(keep), np.std(keep, ddof=1)
close(m_, hmean(keep)); close(s_, math.sqrt(hvar(keep)))
pairs = [(int(a), float(b)) for a, b in re.findall(r'#(\d+) (\d+(?:\.\d+)?)', q)]
k2 = [b for a, b in pairs if a != int(re.search(r'Reading #(\d+) is bogus', q).group(1))]
same(np.mean(k2), m_); same(np.std(k2, ddof=1), s_)
add("v16", 2, q, "Drop reading #7 (241.9) and describe the remaining 11: mean and sample SD (n-1).",
    ["describe"], [E("n", 11, 0), E("mean", m_, 0.0005), E("sd", s_)])

# v17 defect counts -> c chart -------------------------------------------------------
c17 = [9, 14, 11, 12, 8, 15, 10, 13, 11, 9, 16, 12, 10, 14, 11, 13, 12, 8, 10, 13]
q = ("Paint shop: we count the number of surface defects (runs, craters, dirt) on each door, all doors the same model and size. Last 20 doors: "
     + ", ".join(map(str, c17)) + ". Set up the control chart for this.")
cb = np.mean(c17); ucl = cb + 3 * np.sqrt(cb); lcl = cb - 3 * np.sqrt(cb)
hc = Fraction(sum(c17), 20)
close(cb, float(hc)); close(ucl, float(hc) + 3 * math.sqrt(float(hc))); assert lcl > 0
margin_ok(c17, [lcl] * 20, [ucl] * 20, [math.sqrt(cb)] * 20)
c2 = nums(q.split("Last 20 doors:")[1].split(". Set")[0]); same(np.mean(c2), cb)
add("v17", 2, q, "c chart (defects per equal-size unit): CL = c-bar, limits c-bar +/- 3 sqrt(c-bar); none out.",
    ["control_chart"], [E("c-bar", cb), E("UCL", ucl), E("LCL", lcl)])

# v18 counts over varying area -> u chart ----------------------------------------------
area = [42, 55, 38, 60, 47, 51, 44, 58, 36, 49]
blem = [19, 24, 15, 27, 41, 22, 18, 25, 16, 20]
q = ("Film rolls are slit to different lengths so the inspected area changes roll to roll. Blemish counts:\n" +
     "\n".join(f"roll {i + 1}: {a} m2, {b} blemishes" for i, (a, b) in enumerate(zip(area, blem))) +
     "\nWhich chart, what's the centre line, and are any rolls out of control?")
ub = sum(blem) / sum(area)
uu = [b / a for a, b in zip(area, blem)]; ss = [math.sqrt(ub / a) for a in area]
lo = [max(0, ub - 3 * s) for s in ss]; hi = [ub + 3 * s for s in ss]
out = sum(1 for u, l, h in zip(uu, lo, hi) if u < l or u > h)
un = np.sum(blem) / np.sum(area); sn_ = np.sqrt(un / np.array(area))
outn = int(np.sum(np.abs(np.array(blem) / np.array(area) - un) > 3 * sn_))
close(ub, un); assert out == outn == 1
margin_ok(uu, lo, hi, ss)
rr = [(float(a), float(b)) for a, b in re.findall(r'roll \d+: (\d+) m2, (\d+) blemishes', q)]
same(sum(b for a, b in rr) / sum(a for a, b in rr), ub)
add("v18", 2, q, "u chart with varying area: u-bar = 227/480 per m2, per-roll limits u-bar +/- 3 sqrt(u-bar/a_i); roll 5 (41 on 47 m2) is above its UCL.",
    ["control_chart"], [E("u-bar", ub), E("rolls out", out, 0)])

# v19 one-sided claim -------------------------------------------------------------------
x19 = [492, 503, 488, 497, 485, 499, 494, 490, 501, 486]
q = f"""Supplier's cert says the mean tensile strength of their bar is at least 500 MPa. We pulled 10 coupons and got (MPa)
coupons: {', '.join(map(str, x19))}
I think they're below what they claim. Test it at 5%."""
r = st.ttest_1samp(x19, 500, alternative="less")
th = (hmean(x19) - 500) / math.sqrt(hvar(x19) / 10)
close(r.statistic, th); close(r.pvalue, 1 - t_upper(th, 9))
r2 = st.ttest_1samp(grab(q, "coupons"), 500, alternative="less"); same(r.pvalue, r2.pvalue)
add("v19", 2, q, "One-sided one-sample t-test H1: mu < 500, df 9; reject at 5%.",
    ["t_test", "summary_t_test"], [E("|t|", abs(r.statistic)), E("one-sided p", r.pvalue, 0.02)])

# v20 90% CI for a mean -----------------------------------------------------------------
x20 = [498.2, 501.5, 499.8, 502.3, 497.6, 500.9, 499.1, 503.0, 498.7, 500.4, 501.8, 499.5, 497.9, 500.6]
q = ("Fill weights (g) from one filler head: " + " ".join(f"{v}" for v in x20) +
     "  -- give me a 90% confidence interval for the true mean fill, not 95.")
ci = st.t.interval(0.90, 13, loc=np.mean(x20), scale=st.sem(x20))
tq = t_quant(0.95, 13); hw_ = float(tq) * math.sqrt(hvar(x20) / 14)
close(ci[0], hmean(x20) - hw_); close(ci[1], hmean(x20) + hw_)
x2 = nums(q.split(":", 1)[1].split("--")[0]); c2 = st.t.interval(0.90, len(x2) - 1, loc=np.mean(x2), scale=st.sem(x2))
same(c2[0], ci[0]); same(c2[1], ci[1])
add("v20", 2, q, "90% t interval for the mean, n = 14, df 13.",
    ["describe", "t_test"], [E("lower 90%", ci[0], round(0.02 * hw_ / ci[0], 7)), E("upper 90%", ci[1], round(0.02 * hw_ / ci[1], 7))])

# v21 capability from summary figures -----------------------------------------------------
mu21, sd21, L21, U21 = 10.018, 0.011, 9.980, 10.050
q = (f"Process is stable, mean {mu21} mm and within-subgroup standard deviation {sd21} mm. Spec is {L21} to {U21} mm. "
     "What are Cp and Cpk?")
cp = (U21 - L21) / (6 * sd21); cpk = min(U21 - mu21, mu21 - L21) / (3 * sd21)
fr = lambda s: Fraction(s)
cph = (fr("10.050") - fr("9.980")) / (6 * fr("0.011")); cpkh = min(fr("10.050") - fr("10.018"), fr("10.018") - fr("9.980")) / (3 * fr("0.011"))
close(cp, float(cph)); close(cpk, float(cpkh))
nn = nums(q); same(nn[0], mu21); same(nn[1], sd21); same(nn[2], L21); same(nn[3], U21)
add("v21", 2, q, "Cp = (USL-LSL)/6s, Cpk = min(USL-mu, mu-LSL)/3s from summary figures.",
    ["summary_capability", "capability"], [E("Cp", cp), E("Cpk", cpk)])

# v22 curvature test, 2^2 with centre points ------------------------------------------------
fact = {(-1, -1): 41.2, (1, -1): 47.8, (-1, 1): 44.5, (1, 1): 52.1}
cen = [48.9, 49.6, 48.4, 49.3, 49.0]
q = ("2^2 factorial on time (A) and temperature (B) plus 5 centre points. Corner runs: "
     + "; ".join(f"A={'+' if a > 0 else '-'} B={'+' if b > 0 else '-'}: {y}" for (a, b), y in fact.items())
     + ". Centre runs: " + ", ".join(map(str, cen)) + ". Is there evidence of curvature, i.e. is a first-order model plus interaction enough?")
X = []; y = []
for (a, b), v in fact.items():
    X.append([1, a, b, a * b, 0]); y.append(v)
for v in cen:
    X.append([1, 0, 0, 0, 1]); y.append(v)
fit = sm.OLS(np.array(y), np.array(X, float)).fit()
Fc = fit.tvalues[4] ** 2; pc = fit.pvalues[4]
yF, yC = hmean(list(fact.values())), hmean(cen)
SSc = 4 * 5 * (yF - yC) ** 2 / 9; MSpe = hvar(cen)
close(Fc, SSc / MSpe); close(pc, f_p(SSc / MSpe, 1, 4))
fv = [float(v) for v in re.findall(r'B=[+-]: (\d+\.\d+)', q)]; cv = nums(q.split("Centre runs:")[1].split(". Is")[0])
same((4 * len(cv) * (hmean(fv) - hmean(cv)) ** 2 / (4 + len(cv))) / hvar(cv), Fc)
add("v22", 2, q, "Single-df curvature test: SS_curv = nF nC (ybarF - ybarC)^2/(nF+nC), F against pure error from the 5 centre points (df 1, 4).",
    ["doe_curvature", "doe_anova"], [E("SS curvature", SSc), E("F curvature", Fc), E("p curvature", pc, 0.02)])

# v23 not paired, unequal variances -> Welch ------------------------------------------------
wa = [31.2, 29.8, 33.5, 30.1, 34.8, 28.9, 32.6, 35.1]
wb = [27.4, 27.9, 28.3, 27.1, 28.8, 27.6, 28.1, 27.8]
q = f"""Cure time (min) for adhesive from two different mixing stations. These are NOT paired — different batches on different days, just happens to be 8 each. Station 1 is clearly more variable so don't pool the variances.
Station 1: {', '.join(map(str, wa))}
Station 2: {', '.join(map(str, wb))}
Do the stations differ in mean cure time?"""
r = st.ttest_ind(wa, wb, equal_var=False)
va, vb = hvar(wa) / 8, hvar(wb) / 8
th = (hmean(wa) - hmean(wb)) / math.sqrt(va + vb); dfh = (va + vb) ** 2 / (va ** 2 / 7 + vb ** 2 / 7)
close(r.statistic, th); close(r.pvalue, t2p(th, dfh)); close(r.df, dfh)
r2 = st.ttest_ind(grab(q, "Station 1"), grab(q, "Station 2"), equal_var=False); same(r.statistic, r2.statistic)
add("v23", 2, q, "Welch two-sample t-test (unpooled, Satterthwaite df), two-sided.",
    ["t_test"], [E("|t|", abs(r.statistic)), E("Welch df", r.df), E("p", r.pvalue, 0.02)])

# v24 Pp / Ppk from raw data (overall sigma) -----------------------------------------------
g24 = LCG(24)
x24 = [round(6.02 + 0.025 * g24.n(), 3) for _ in range(20)]
L24, U24 = 5.90, 6.10
q = ("Spec on the spacer thickness is 5.90 to 6.10 mm. Here are 20 parts from the qualification run:\n" +
     ", ".join(f"{v:.3f}" for v in x24) +
     "\nWe want the overall (long-term) performance indices Pp and Ppk using the overall standard deviation.")
s = np.std(x24, ddof=1); m = np.mean(x24)
Pp = (U24 - L24) / (6 * s); Ppk = min(U24 - m, m - L24) / (3 * s)
close(Pp, (U24 - L24) / (6 * math.sqrt(hvar(x24)))); close(Ppk, min(U24 - hmean(x24), hmean(x24) - L24) / (3 * math.sqrt(hvar(x24))))
lines = q.splitlines(); x2 = nums(lines[1]); spec = nums(lines[0])
s2 = np.std(x2, ddof=1); same(min(spec[1] - np.mean(x2), np.mean(x2) - spec[0]) / (3 * s2), Ppk); assert len(x2) == 20
add("v24", 2, q, "Pp = (USL-LSL)/(6 s_overall), Ppk = min(USL-mean, mean-LSL)/(3 s_overall), s with n-1.",
    ["capability", "summary_capability"], [E("Pp", Pp), E("Ppk", Ppk), E("mean", m, 0.0002)])

# v25 REFUSAL: test against a target that is never given ------------------------------------
q = """Can you check whether our fill volume is on target? Last 10 bottles (mL): 502.1, 499.4, 500.8, 501.6, 498.9, 500.2, 502.4, 499.7, 501.1, 500.5. One-sample test please."""
add("v25", 2, q, "Refuse / ask: a one-sample test needs the target (nominal) volume, which is never stated.", [], [], True)


# =====================================================================
# KIND 3 - numbers in prose with roles
# =====================================================================
def full2(k):
    return [list(p) for p in itertools.product([-1, 1], repeat=k)]


# v26 2^4 full factorial, day = block of 8 ----------------------------------------
q = ("We're looking at four plating factors — bath temperature, current density, pH and agitation — each at two levels. "
     "The line can only do 8 runs in a day and we don't want a half fraction, we want every combination, so treat day as a block. "
     "How many runs in total and over how many days?")
D = np.array(full2(4)); blk = D.prod(1)  # ABCD confounded with days
runs = len(D); nblocks = len(set(blk)); assert all(np.sum(blk == b) == 8 for b in (-1, 1))
assert runs == 2 ** 4 and nblocks == 2 ** 4 // 8
fac = re.search(r'— (.*) —', q).group(1); kq = len(re.split(r', | and ', fac)); cap = int(re.search(r'only do (\d+) runs', q).group(1))
assert 2 ** kq == runs and 2 ** kq // cap == nblocks; CHECKS["reparse"] += 1; CHECKS["a_b"] += 1
add("v26", 3, q, "Full 2^4 factorial (16 runs) in 2 blocks of 8 (one per day), ABCD confounded with days. Not a 2^(4-1) fraction.",
    ["doe_design"], [E("total runs", 16, 0), E("blocks (days)", 2, 0)])

# v27 '3-level' = levels, 2 factors, 3 replicates --------------------------------------
q = ("On the 3500-series lathe we want to study feed rate and depth of cut, each at 3 levels (low/mid/high). "
     "Full factorial, and we'll replicate the whole thing 3 times. How many runs is that in total?")
D = list(itertools.product([-1, 0, 1], repeat=2)) * 3
assert len(D) == 3 ** 2 * 3 == 27
lv = int(re.search(r'each at (\d+) levels', q).group(1)); rp = int(re.search(r'replicate the whole thing (\d+) times', q).group(1))
assert lv ** 2 * rp == len(D); CHECKS["reparse"] += 1; CHECKS["a_b"] += 1
add("v27", 3, q, "3^2 full factorial = 9 treatment combinations, x3 replicates = 27 runs (3500 is a model number, not data).",
    ["doe_design"], [E("total runs", 27, 0)])

# v28 2^3 in two blocks with two centre points per block --------------------------------
q = ("i need a 2^3 full factorial run over two shifts (shift = block), and add 2 center points in each block "
     "so we can check curvature. how many runs total and what does each block look like?")
D = np.array(full2(3)); blk = D.prod(1)
per_block = {b: int(np.sum(blk == b)) + 2 for b in (-1, 1)}
total = sum(per_block.values()); assert total == 2 ** 3 + 2 * 2 == 12 and per_block == {-1: 6, 1: 6}
k_ = int(re.search(r'2\^(\d)', q).group(1)); cp_ = int(re.search(r'add (\d+) center', q).group(1))
assert 2 ** k_ + 2 * cp_ == total; CHECKS["reparse"] += 1; CHECKS["a_b"] += 1
add("v28", 3, q, "2^3 = 8 factorial runs split into 2 blocks of 4 (ABC confounded) + 2 centre points per block: 12 runs, 6 per block.",
    ["doe_design"], [E("total runs", 12, 0)])

# v29 rotatable CCD, 3 factors, 6 centre points ------------------------------------------
q = ("Response surface study on an extruder: 3 factors (barrel temp, screw speed, feed rate). We'd like a rotatable central composite "
     "design with 6 centre points. Total number of runs and the axial distance alpha?")
fpts = full2(3); ax = []
alpha = (len(fpts)) ** 0.25
for i in range(3):
    for sgn in (-1, 1):
        p = [0, 0, 0]; p[i] = sgn * alpha; ax.append(p)
D = np.array(fpts + ax + [[0, 0, 0]] * 6)
# rotatability check: pure 4th moment = 3 x mixed 4th moment
close(np.sum(D[:, 0] ** 4), 3 * np.sum(D[:, 0] ** 2 * D[:, 1] ** 2))
close(alpha, mp.root(8, 4)); assert len(D) == 8 + 6 + 6 == 20
k_ = int(re.search(r'(\d) factors', q).group(1)); c_ = int(re.search(r'with (\d+) centre', q).group(1))
assert 2 ** k_ + 2 * k_ + c_ == len(D); same((2 ** k_) ** 0.25, alpha)
add("v29", 3, q, "Rotatable CCD, k = 3: 8 cube + 6 axial + 6 centre = 20 runs, alpha = 8^(1/4) = 1.682.",
    ["doe_design"], [E("total runs", 20, 0), E("alpha", alpha)])

# v30 Box-Behnken 3 factors, 3 centre points ------------------------------------------------
q = ("For the granulation process (water amount, impeller speed, wet massing time) we want a Box-Behnken with 3 centre runs. "
     "How many runs will that be?")
bb = []
for i, j in itertools.combinations(range(3), 2):
    for a, b in itertools.product([-1, 1], repeat=2):
        p = [0, 0, 0]; p[i] = a; p[j] = b; bb.append(p)
bb += [[0, 0, 0]] * 3
k_ = len(re.split(r', | and ', re.search(r'\((.*?)\)', q).group(1))); c_ = int(re.search(r'with (\d+) centre', q).group(1))
assert len(bb) == 4 * math.comb(3, 2) + 3 == 15 == 4 * math.comb(k_, 2) + c_; CHECKS["a_b"] += 1; CHECKS["reparse"] += 1
add("v30", 3, q, "Box-Behnken for 3 factors: 12 edge-midpoint runs + 3 centre = 15.",
    ["doe_design"], [E("total runs", 15, 0)])

# v31 X-bar R limits from summary, context numbers not data ----------------------------------
q = ("Line 4 has been running the 2019 retooled die since March. Sampling plan: every hour we pull 4 consecutive shafts and measure OD. "
     "From the last 25 subgroups the grand average is 18.362 mm and the average range is 0.041 mm. "
     "What are the X-bar and R chart limits?")
xbb, rb, n = 18.362, 0.041, 4
uclx, lclx, uclr = xbb + A2[n] * rb, xbb - A2[n] * rb, D4[n] * rb
h = Fraction("18.362"); hr_ = Fraction("0.041")
close(uclx, float(h + Fraction("0.729") * hr_)); close(uclr, float(Fraction("2.282") * hr_))
# exact constants variant within tolerance
close(uclx, xbb + 3 / (float(d2_exact(4)) * 2) * rb, 1e-4)
xb2 = float(re.search(r'grand average is ([\d.]+)', q).group(1)); rb2 = float(re.search(r'average range is ([\d.]+)', q).group(1))
n2 = int(re.search(r'pull (\d+) consecutive', q).group(1)); same(xb2 + A2[n2] * rb2, uclx); same(D4[n2] * rb2, uclr)
w = A2[n] * rb
add("v31", 3, q, "n = 4 (not 25 or 2019): UCL/LCL = 18.362 +/- 0.729(0.041); R chart UCL = 2.282(0.041), LCL = 0.",
    ["summary_chart", "control_chart"], [E("UCL xbar", uclx, lim_tol(uclx, w)), E("LCL xbar", lclx, lim_tol(lclx, w)), E("UCL R", uclr)])


# power helpers (b): noncentral t by integrating over the chi-square denominator
def power_hand(delta, nu, alpha=0.05):
    c = t_quant(1 - alpha / 2, nu)
    fv = lambda v: v ** (nu / 2 - 1) * mp.exp(-v / 2) / (2 ** (nu / 2) * mp.gamma(nu / 2))
    up = mp.quad(lambda v: fv(v) * (1 - mp.ncdf(c * mp.sqrt(v / nu) - delta)), [0, nu, mp.inf])
    lo = mp.quad(lambda v: fv(v) * mp.ncdf(-c * mp.sqrt(v / nu) - delta), [0, nu, mp.inf])
    return up + lo


# v32 sample size, two-sample t --------------------------------------------------------------
q = ("Planning the 2025 validation: we want to detect a difference in mean seal strength of 0.5 standard deviations between the old and "
     "new sealing jaws, two-sided test at alpha = 0.05 with 80% power, two independent groups of equal size. How many seals per group?")
nraw = TTestIndPower().solve_power(effect_size=0.5, alpha=0.05, power=0.8)
nreq = math.ceil(nraw)
assert power_hand(0.5 * math.sqrt(nreq / 2), 2 * nreq - 2) >= 0.8 > power_hand(0.5 * math.sqrt((nreq - 1) / 2), 2 * nreq - 4)
CHECKS["a_b"] += 1
d_ = float(re.search(r'of ([\d.]+) standard deviations', q).group(1)); pw = float(re.search(r'(\d+)% power', q).group(1)) / 100
assert math.ceil(TTestIndPower().solve_power(effect_size=d_, alpha=0.05, power=pw)) == nreq; CHECKS["reparse"] += 1
add("v32", 3, q, "Two-sample t sample size, d = 0.5, alpha 0.05 two-sided, power 0.8: 63.8 -> 64 per group (2025 is context).",
    ["power"], [E("n per group", nreq, 0)])

# v33 power of a paired t-test --------------------------------------------------------------------
q = ("We only have budget for 15 paired comparisons (each part measured on the old gauge and the new gauge). If the true mean difference is 2.0 µm and the "
     "standard deviation of the differences is 3.5 µm, what power does a two-sided paired t-test at alpha 0.05 have?")
pw = TTestPower().power(effect_size=2.0 / 3.5, nobs=15, alpha=0.05)
close(pw, power_hand(2.0 / 3.5 * math.sqrt(15), 14))
n_ = int(re.search(r'for (\d+) paired', q).group(1)); dd = float(re.search(r'difference is ([\d.]+)', q).group(1))
sd_ = float(re.search(r'differences is ([\d.]+)', q).group(1))
same(TTestPower().power(effect_size=dd / sd_, nobs=n_, alpha=0.05), pw)
add("v33", 3, q, "Paired t power with n = 15 pairs, d = 2.0/3.5 = 0.571, alpha 0.05 two-sided (noncentral t).",
    ["power"], [E("power", pw, 0.01)])

# v34 X-bar S limits from summary --------------------------------------------------------------
q = ("Bearing bore, machine #12. Subgroups of 6 taken twice a shift, 20 subgroups so far: overall mean 74.006 mm, "
     "average subgroup standard deviation 0.0093 mm. Give me the X-bar and S chart limits.")
xbb, sb, n = 74.006, 0.0093, 6
uclx, lclx, ucls = xbb + A3[6] * sb, xbb - A3[6] * sb, B4[6] * sb
c4 = c4_exact(6); close(uclx, float(xbb + 3 / (c4 * mp.sqrt(6)) * sb), 1e-4)
close(ucls, float((1 + 3 * mp.sqrt(1 - c4 ** 2) / c4) * sb), 1e-3)
xb2 = float(re.search(r'overall mean ([\d.]+)', q).group(1)); sb2 = float(re.search(r'deviation ([\d.]+)', q).group(1))
n2 = int(re.search(r'Subgroups of (\d+)', q).group(1)); same(xb2 + A3[n2] * sb2, uclx); same(B4[n2] * sb2, ucls)
w = A3[6] * sb
add("v34", 3, q, "X-bar/S with n = 6 (not 12 or 20): limits 74.006 +/- A3 sbar (A3 = 1.287); S chart UCL = B4 sbar (1.970), LCL = B3 sbar (0.030).",
    ["summary_chart", "control_chart"], [E("UCL xbar", uclx, lim_tol(uclx, w)), E("LCL xbar", lclx, lim_tol(lclx, w)), E("UCL S", ucls)])

# v35 2^(5-1) + centre points ------------------------------------------------------------------
q = ("five two-level factors, budget won't stretch to 32 runs so we'll take the half fraction, plus 4 centre points. total run count? "
     "and which resolution do we get with the best generator?")
D = np.array(full2(4)); E5 = D.prod(1, keepdims=True); D5 = np.hstack([D, E5])
assert len(D5) == 16 and np.allclose(D5.T @ D5, 16 * np.eye(5))
# resolution: shortest word in defining relation I = ABCDE has length 5
assert len(D5) + 4 == 20 == 2 ** (5 - 1) + 4; CHECKS["a_b"] += 1
assert 2 ** 5 // 2 + int(re.search(r'plus (\d+) centre', q).group(1)) == 20; CHECKS["reparse"] += 1
add("v35", 3, q, "2^(5-1) resolution V (E = ABCD) = 16 runs + 4 centre = 20 runs.",
    ["doe_design"], [E("total runs", 20, 0)])

# v36 Plackett-Burman for 10 factors -------------------------------------------------------------
q = ("Screening 10 possible factors on the wave-solder line (we expect only 2 or 3 to matter). Plackett–Burman design — "
     "what's the smallest run count?")
gen = [1, 1, -1, 1, 1, 1, -1, -1, -1, 1, -1]
PB = [gen[-i:] + gen[:-i] for i in range(11)] + [[-1] * 11]
PB = np.array(PB)
assert np.allclose(PB.T @ PB, 12 * np.eye(11))  # 12 runs hold up to 11 factors orthogonally
nf = int(re.search(r'Screening (\d+)', q).group(1)); assert 4 * math.ceil((nf + 1) / 4) == len(PB) == 12
CHECKS["a_b"] += 1; CHECKS["reparse"] += 1
add("v36", 3, q, "PB runs are multiples of 4 with at least k+1: 12 runs for 10 factors (the 2 or 3 is context).",
    ["doe_design"], [E("runs", 12, 0)])

# v37 sample size one-sample t (context numbers) ------------------------------------------------
q = ("Audit 7 of 2024 flagged the wall thickness on part 88-410. We want to show the mean has moved off nominal by 0.5 µm if it really has; "
     "historical standard deviation is 1.2 µm. One-sample two-sided t-test, alpha 0.05, 90% power. How many parts do we need to measure?")
nraw = TTestPower().solve_power(effect_size=0.5 / 1.2, alpha=0.05, power=0.9)
nreq37 = math.ceil(nraw)
assert power_hand(0.5 / 1.2 * math.sqrt(nreq37), nreq37 - 1) >= 0.9 > power_hand(0.5 / 1.2 * math.sqrt(nreq37 - 1), nreq37 - 2)
CHECKS["a_b"] += 1
dd = float(re.search(r'by ([\d.]+) µm', q).group(1)); sd_ = float(re.search(r'deviation is ([\d.]+)', q).group(1))
assert math.ceil(TTestPower().solve_power(effect_size=dd / sd_, alpha=0.05, power=0.9)) == nreq37; CHECKS["reparse"] += 1
add("v37", 3, q, f"One-sample t sample size, d = 0.5/1.2 = 0.417, alpha 0.05 two-sided, power 0.9: {nraw:.2f} -> {nreq37} parts.",
    ["power"], [E("sample size", nreq37, 0)])

# v38 REFUSAL: sample size with no variability information ------------------------------------
q = ("How many parts per group do we need to detect a 2 N difference in mean pull-off force between the two adhesives, "
     "alpha 0.05, 80% power? We haven't measured any yet.")
add("v38", 3, q, "Refuse / ask: a sample size needs the standard deviation (or a standardised effect size); only the raw difference 2 N is given.",
    [], [], True)


# =====================================================================
# KIND 4 - maths
# =====================================================================
X_, Y_ = sp.symbols('x y')


def sym(s):
    return sp.sympify(s.replace('^', '**'), locals={'e': sp.E, 'pi': sp.pi, 'ln': sp.log})


# v39 derivative at a point -------------------------------------------------------------
q = "What's the derivative of x^3*sin(x), evaluated at x = pi/2?"
f = X_ ** 3 * sp.sin(X_)
val = sp.diff(f, X_).subs(X_, sp.pi / 2)
close(float(val), mp.diff(lambda t: t ** 3 * mp.sin(t), mp.pi / 2))
m = re.search(r'derivative of (.*), evaluated at x = (.*)\?', q)
same(float(sp.diff(sym(m.group(1)), X_).subs(X_, sym(m.group(2)))), float(val))
add("v39", 4, q, "d/dx = 3x^2 sin x + x^3 cos x; at pi/2 equals 3 pi^2/4.", ["differentiate", "evaluate"],
    [E("f'(pi/2)", float(val))])

# v40 mixed partial ---------------------------------------------------------------------
q = "f(x,y) = x^2*y^3 + exp(x*y). need d2f/dxdy (mixed partial) at the point x=1, y=2"
f = X_ ** 2 * Y_ ** 3 + sp.exp(X_ * Y_)
val = sp.diff(f, X_, Y_).subs({X_: 1, Y_: 2})
close(float(val), mp.diff(lambda a, b: a ** 2 * b ** 3 + mp.exp(a * b), (1, 2), (1, 1)))
m = re.search(r'f\(x,y\) = (.*)\. need', q); pt = re.search(r'x=(\d+), y=(\d+)', q)
same(float(sp.diff(sym(m.group(1)), X_, Y_).subs({X_: int(pt.group(1)), Y_: int(pt.group(2))})), float(val))
add("v40", 4, q, "f_xy = 6xy^2 + e^{xy} + xy e^{xy}; at (1,2) = 24 + 3e^2.", ["differentiate", "evaluate"],
    [E("f_xy(1,2)", float(val))])

# v41 definite integral -----------------------------------------------------------------
q = "Evaluate the integral of x*e^(-x) dx from x = 0 to x = 2."
val = sp.integrate(X_ * sp.exp(-X_), (X_, 0, 2))
close(float(val), mp.quad(lambda t: t * mp.exp(-t), [0, 2]))
m = re.search(r'integral of (.*) dx from x = (\d+) to x = (\d+)', q)
same(float(sp.integrate(sym(m.group(1)), (X_, int(m.group(2)), int(m.group(3))))), float(val))
add("v41", 4, q, "Integration by parts: 1 - 3e^-2.", ["integrate"], [E("integral", float(val))])

# v42 improper integral -----------------------------------------------------------------
q = "integral from 0 to infinity of 1/(1+x^2)^2 dx?"
val = sp.integrate(1 / (1 + X_ ** 2) ** 2, (X_, 0, sp.oo))
close(float(val), mp.quad(lambda t: 1 / (1 + t ** 2) ** 2, [0, mp.inf]))
m = re.search(r'of (.*) dx', q); same(float(sp.integrate(sym(m.group(1)), (X_, 0, sp.oo))), float(val))
add("v42", 4, q, "Improper integral equals pi/4.", ["integrate"], [E("integral", float(val))])

# v43 limit -----------------------------------------------------------------------------
q = "lim x->0 of (1 - cos(3x))/x^2"
val = sp.limit((1 - sp.cos(3 * X_)) / X_ ** 2, X_, 0)
close(float(val), mp.limit(lambda t: (1 - mp.cos(3 * t)) / t ** 2, 0))
m = re.search(r'of (.*)$', q); same(float(sp.limit(sym(m.group(1).replace('3x', '3*x')), X_, 0)), float(val))
add("v43", 4, q, "Limit = 9/2.", ["limit"], [E("limit", float(val))])

# v44 series coefficient ----------------------------------------------------------------
q = "taylor expand e^x cos(x) around 0 up to x^5. what is the coefficient on x^4?"
ser = sp.series(sp.exp(X_) * sp.cos(X_), X_, 0, 6).removeO()
val = ser.coeff(X_, 4)
close(float(val), mp.taylor(lambda t: mp.exp(t) * mp.cos(t), 0, 5)[4])
m = re.search(r'expand (.*) around', q)
same(float(sp.series(sym(m.group(1).replace(' ', '*')), X_, 0, 6).removeO().coeff(X_, 4)), float(val))
add("v44", 4, q, "e^x cos x = 1 + x - x^3/3 - x^4/6 - x^5/30 + ...; coefficient of x^4 is -1/6.", ["series"],
    [E("coefficient of x^4", float(val))])

# v45 solve a quadratic -------------------------------------------------------------------
q = "solve 2x^2 - 3x - 7 = 0 for x"
sols = sorted(float(s) for s in sp.solve(2 * X_ ** 2 - 3 * X_ - 7, X_))
hand = sorted(float(r_) for r_ in mp.polyroots([2, -3, -7]))
close(sols[0], hand[0]); close(sols[1], hand[1])
m = re.search(r'solve (.*) = 0', q)
s2 = sorted(float(s) for s in sp.solve(sym(m.group(1).replace('2x', '2*x').replace('3x', '3*x')), X_))
same(s2[0], sols[0]); same(s2[1], sols[1])
add("v45", 4, q, "x = (3 +/- sqrt(65))/4.", ["solve"], [E("root 1", sols[1]), E("root 2", sols[0])])

# v46 3x3 linear system -------------------------------------------------------------------
A = [[2, 1, -1], [1, -3, 2], [3, 2, 4]]; b = [3, -1, 12]
q = """Solve the system
2x + y - z = 3
x - 3y + 2z = -1
3x + 2y + 4z = 12"""
xs = np.linalg.solve(np.array(A, float), np.array(b, float))


def det3(M):
    M = [[Fraction(v) for v in r_] for r_ in M]
    return (M[0][0] * (M[1][1] * M[2][2] - M[1][2] * M[2][1]) - M[0][1] * (M[1][0] * M[2][2] - M[1][2] * M[2][0])
            + M[0][2] * (M[1][0] * M[2][1] - M[1][1] * M[2][0]))


dA = det3(A)
cr = [det3([[b[i] if j == c else A[i][j] for j in range(3)] for i in range(3)]) / dA for c in range(3)]
for c in range(3):
    close(xs[c], float(cr[c]))
eqs = [sp.Eq(sym(re.sub(r'(\d)([xyz])', r'\1*\2', l.split('=')[0])), sym(l.split('=')[1])) for l in q.splitlines()[1:]]
sol = sp.solve(eqs, sp.symbols('x y z'))
for c, v in enumerate(sp.symbols('x y z')):
    same(float(sol[v]), xs[c])
add("v46", 4, q, "Unique solution by elimination / Cramer.", ["solve", "matrix"],
    [E("x", xs[0]), E("y", xs[1]), E("z", xs[2])])

# v47 4x4 determinant ---------------------------------------------------------------------
M4 = [[2, -1, 0, 3], [1, 4, 2, -2], [0, 3, -1, 1], [5, 2, 1, 0]]
q = "determinant of\n" + "\n".join("[ " + "  ".join(f"{v:>2}" for v in r_) + " ]" for r_ in M4)
dv = sp.Matrix(M4).det()


def leibniz(M):
    n = len(M); tot = 0
    for perm in itertools.permutations(range(n)):
        inv = sum(1 for i in range(n) for j in range(i + 1, n) if perm[i] > perm[j])
        term = (-1) ** inv
        for i in range(n):
            term *= M[i][perm[i]]
        tot += term
    return tot


assert int(dv) == leibniz(M4); CHECKS["a_b"] += 1
M2 = [list(map(int, re.findall(r'-?\d+', l))) for l in q.splitlines()[1:]]
assert sp.Matrix(M2).det() == dv; CHECKS["reparse"] += 1
add("v47", 4, q, "Exact integer determinant of the 4x4 matrix.", ["matrix"], [E("determinant", int(dv), 0)])

# v48 eigenvalues of a symmetric 3x3 ------------------------------------------------------
M3 = [[4, 1, 0], [1, 3, 1], [0, 1, 2]]
q = "eigenvalues of the matrix A = [[4,1,0],[1,3,1],[0,1,2]] ?"
ev = sorted(float(v) for v in sp.Matrix(M3).eigenvals(multiple=True))
# Faddeev-LeVerrier characteristic polynomial -> roots
n = 3; Mk = [[Fraction(0)] * 3 for _ in range(3)]; coeffs = [Fraction(1)]; I3 = [[Fraction(int(i == j)) for j in range(3)] for i in range(3)]
Ak = [[Fraction(v) for v in r_] for r_ in M3]
for k in range(1, n + 1):
    Mk = [[sum(Ak[i][l] * Mk[l][j] for l in range(3)) + coeffs[-1] * I3[i][j] for j in range(3)] for i in range(3)]
    AM = [[sum(Ak[i][l] * Mk[l][j] for l in range(3)) for j in range(3)] for i in range(3)]
    coeffs.append(-sum(AM[i][i] for i in range(3)) / k)
hr_ = sorted(float(mp.re(v)) for v in mp.polyroots([float(c) for c in coeffs]))
for a_, b_ in zip(ev, hr_):
    close(a_, b_)
M2 = eval(re.search(r'A = (\[\[.*\]\])', q).group(1))
e2 = sorted(np.linalg.eigvalsh(np.array(M2, float)))
for a_, b_ in zip(ev, e2):
    same(a_, b_)
add("v48", 4, q, "Characteristic polynomial roots: 3 - sqrt3, 3, 3 + sqrt3.", ["matrix"],
    [E("eigenvalue 1", ev[0]), E("eigenvalue 2", ev[1]), E("eigenvalue 3", ev[2])])

# v49 second derivative, misspelt ------------------------------------------------------------
q = "2nd derivitive of ln(x^2+1) at x=2 pls"
val = sp.diff(sp.log(X_ ** 2 + 1), X_, 2).subs(X_, 2)
close(float(val), mp.diff(lambda t: mp.log(t ** 2 + 1), 2, 2))
m = re.search(r'of (.*) at x=(\d+)', q); same(float(sp.diff(sym(m.group(1)), X_, 2).subs(X_, int(m.group(2)))), float(val))
add("v49", 4, q, "f'' = (2 - 2x^2)/(x^2+1)^2; at 2 equals -6/25.", ["differentiate", "evaluate"], [E("f''(2)", float(val))])

# v50 misspelt definite integral ----------------------------------------------------------
q = "intergrate x cos x from 0 to pi"
val = sp.integrate(X_ * sp.cos(X_), (X_, 0, sp.pi))
close(float(val), mp.quad(lambda t: t * mp.cos(t), [0, mp.pi]))
m = re.search(r'intergrate (.*) from (\d+) to (\w+)', q)
same(float(sp.integrate(sym(m.group(1).replace(' cos ', '*cos(') + ')'), (X_, int(m.group(2)), sym(m.group(3))))), float(val))
add("v50", 4, q, "[x sin x + cos x] from 0 to pi = -2.", ["integrate"], [E("integral", float(val))])

# v51 2x2 inverse --------------------------------------------------------------------------
q = "Inverse of the matrix\n| 4  7 |\n| 2  6 |\nplease, and its determinant."
Mi = sp.Matrix([[4, 7], [2, 6]]).inv()
dd = Fraction(4 * 6 - 7 * 2); hi_ = [[Fraction(6) / dd, Fraction(-7) / dd], [Fraction(-2) / dd, Fraction(4) / dd]]
for i in range(2):
    for j in range(2):
        assert Mi[i, j] == sp.Rational(hi_[i][j].numerator, hi_[i][j].denominator); CHECKS["a_b"] += 1
M2 = [list(map(int, re.findall(r'-?\d+', l))) for l in q.splitlines() if l.startswith('|')]
assert sp.Matrix(M2).inv() == Mi; CHECKS["reparse"] += 1
add("v51", 4, q, "det = 10; inverse = [[0.6, -0.7], [-0.2, 0.4]].", ["matrix"],
    [E("det", 10, 0), E("inv[1,1]", 0.6), E("inv[1,2]", -0.7), E("inv[2,1]", -0.2), E("inv[2,2]", 0.4)])

# v52 REFUSAL: function never given ---------------------------------------------------------
q = "Differentiate the transfer function I sent you earlier and give me its value at s = 3."
add("v52", 4, q, "Refuse / ask: the function to differentiate is not in the question.", [], [], True)


# =====================================================================
# KIND 5 - specific tests that must not be substituted
# =====================================================================

# v53 Mann-Whitney named ----------------------------------------------------------------
hA = [61.3, 58.7, 63.9, 60.2, 57.8, 62.5, 59.4, 64.6]
hB = [66.1, 63.2, 67.8, 65.0, 61.9, 68.4, 64.9]
q = f"""Run a Mann-Whitney test on the Shore hardness of the two gasket lots (independent samples):
lot A: {' '.join(map(str, hA))}
lot B: {' '.join(map(str, hB))}
Also want the Hodges-Lehmann estimate of the shift."""
r = st.mannwhitneyu(hA, hB, alternative="two-sided")
rk = ranks_noties(hA + hB); U1 = sum(rk[v] for v in hA) - 8 * 9 / 2
close(r.statistic, U1); assert U1 < 56 - U1
hl = np.median(np.subtract.outer(hB, hA))
diffs = sorted(b_ - a_ for a_ in hA for b_ in hB); hlh = (diffs[27] + diffs[28]) / 2
close(hl, hlh)
a2_, b2_ = grab(q, "lot A"), grab(q, "lot B")
same(st.mannwhitneyu(a2_, b2_).statistic, r.statistic); same(np.median(np.subtract.outer(b2_, a2_)), hl)
add("v53", 5, q, "Mann-Whitney U (two-sided; U of lot A = min) and Hodges-Lehmann shift = median of the 56 pairwise differences (sign arbitrary).",
    ["mann_whitney"], [E("U", r.statistic, 0), E("|Hodges-Lehmann shift|", abs(hl))])

# v54 Wilcoxon signed-rank, paired ---------------------------------------------------------
old = [14.2, 15.1, 13.8, 16.0, 14.9, 15.6, 13.5, 15.3, 14.7, 16.4, 14.0]
new = [13.1, 15.3, 13.55, 14.6, 14.25, 13.5, 13.85, 14.05, 13.9, 15.8, 12.3]
q = ("Cycle time (s) for the same 11 jobs, old firmware vs new firmware:\n"
     "old: " + ", ".join(map(str, old)) + "\nnew: " + ", ".join(map(str, new)) +
     "\nWilcoxon signed-rank test on the paired differences (new - old), please — no t-test, the differences look skewed.")
dn = [round(n_ - o_, 10) for o_, n_ in zip(old, new)]
assert 0 not in dn and len(set(abs(v) for v in dn)) == 11
r = st.wilcoxon(new, old)
rk = ranks_noties([abs(v) for v in dn]); Wp = sum(rk[abs(v)] for v in dn if v > 0); Wm = sum(rk[abs(v)] for v in dn if v < 0)
close(r.statistic, min(Wp, Wm)); assert Wp < Wm  # W+ (new-old) is also the minimum
walsh = sorted((dn[i] + dn[j]) / 2 for i in range(11) for j in range(i, 11)); hlw = (walsh[len(walsh) // 2 - 1] + walsh[len(walsh) // 2]) / 2; assert len(walsh) == 66
close(np.median([(dn[i] + dn[j]) / 2 for i in range(11) for j in range(i, 11)]), hlw)
# exact p by enumeration of the 2^11 sign patterns (stored for the README only)
cnt = sum(1 for signs in itertools.product([0, 1], repeat=11) if sum(k + 1 for k, s_ in enumerate(signs) if s_) <= Wp)
close(r.pvalue, min(1, 2 * cnt / 2 ** 11))
o2, n2 = grab(q, "old"), grab(q, "new"); same(st.wilcoxon(n2, o2).statistic, r.statistic)
add("v54", 5, q, "Wilcoxon signed-rank on new-old (11 nonzero, untied |d|): W+ = min(W+,W-); Hodges-Lehmann median of Walsh averages (sign arbitrary).",
    ["wilcoxon_signed_rank"], [E("W", r.statistic, 0), E("|Hodges-Lehmann median|", abs(hlw))])
V54p = r.pvalue

# v55 Kruskal-Wallis -------------------------------------------------------------------------
k1 = [23.1, 25.4, 22.8, 26.0, 24.3, 21.9]
k2 = [27.5, 29.2, 26.4, 28.8, 30.1, 25.9]
k3 = [24.7, 26.9, 23.6, 27.2, 25.1, 24.0]
q = ("Kruskal-Wallis on drying time (min) for three primer formulations, please.\n"
     f"Formulation X: {', '.join(map(str, k1))}\nFormulation Y: {', '.join(map(str, k2))}\nFormulation Z: {', '.join(map(str, k3))}")
r = st.kruskal(k1, k2, k3)
rk = ranks_noties(k1 + k2 + k3); N = 18
H = 12 / (N * (N + 1)) * sum(sum(rk[v] for v in g) ** 2 / len(g) for g in (k1, k2, k3)) - 3 * (N + 1)
close(r.statistic, H); close(r.pvalue, chi2_p(H, 2))
r2 = st.kruskal(grab(q, "Formulation X"), grab(q, "Formulation Y"), grab(q, "Formulation Z")); same(r.statistic, r2.statistic)
add("v55", 5, q, "Kruskal-Wallis H (no ties), chi-square approximation with 2 df.",
    ["kruskal_wallis"], [E("H", r.statistic), E("p", r.pvalue, 0.02)])

# v56 Levene, mean-centred ---------------------------------------------------------------------
la = [10.2, 9.8, 10.5, 10.1, 9.6, 10.4, 10.0]
lb = [10.9, 9.1, 11.3, 8.8, 10.6, 9.4, 11.0]
lc = [10.3, 10.1, 9.9, 10.6, 9.7, 10.2, 10.0]
q = ("Are the variances the same for the three fixtures? Use Levene's original test (absolute deviations from the group MEANS).\n"
     f"fixture 1: {la}\nfixture 2: {lb}\nfixture 3: {lc}").replace('[', '').replace(']', '')
r = st.levene(la, lb, lc, center='mean')
Fh, ph, _, _ = oneway_hand([[abs(v - hmean(g)) for v in g] for g in (la, lb, lc)])
close(r.statistic, Fh); close(r.pvalue, ph)
r2 = st.levene(grab(q, "fixture 1"), grab(q, "fixture 2"), grab(q, "fixture 3"), center='mean'); same(r.statistic, r2.statistic)
add("v56", 5, q, "Levene test with mean centring: one-way ANOVA F on |x - group mean|, df (2, 18).",
    ["levene"], [E("Levene W (F)", r.statistic), E("p", r.pvalue, 0.02)])

# v57 Brown-Forsythe (median-centred Levene) ----------------------------------------------------
ba = [5.12, 5.31, 4.98, 5.45, 5.07, 5.22]
bb_ = [5.03, 5.96, 4.41, 5.78, 4.66, 5.29, 6.12]
bc = [5.18, 5.09, 5.36, 4.95, 5.27]
q = f"""Three suppliers, resin viscosity index. Sample sizes differ. Check equality of variances with the Brown-Forsythe version of Levene's test (centre at the median):
supplier K: {', '.join(map(str, ba))}
supplier L: {', '.join(map(str, bb_))}
supplier M: {', '.join(map(str, bc))}"""
r = st.levene(ba, bb_, bc, center='median')
Fh, ph, _, _ = oneway_hand([[abs(v - sorted(g)[len(g) // 2] if len(g) % 2 else abs(v - (sorted(g)[len(g) // 2 - 1] + sorted(g)[len(g) // 2]) / 2)) for v in g] for g in (ba, bb_, bc)])
close(r.statistic, Fh); close(r.pvalue, ph)
r2 = st.levene(grab(q, "supplier K"), grab(q, "supplier L"), grab(q, "supplier M"), center='median'); same(r.statistic, r2.statistic)
add("v57", 5, q, "Brown-Forsythe: one-way ANOVA F on |x - group median|, df (2, 15).",
    ["levene"], [E("Brown-Forsythe W (F)", r.statistic), E("p", r.pvalue, 0.02)])

# v58 Fisher exact ------------------------------------------------------------------------------
tab = [[1, 11], [6, 4]]
q = """Salt-spray test, failures after 500 h:
                 failed   passed
new coating          1       11
old coating          6        4
Counts are small so use Fisher's exact test (two-sided)."""
r = st.fisher_exact(tab)
R1, R2, C1 = 12, 10, 7; Nn = 22
pmf = lambda a: Fraction(math.comb(R1, a) * math.comb(R2, C1 - a), math.comb(Nn, C1))
pobs = pmf(1); ph = sum(pmf(a) for a in range(0, 8) if pmf(a) <= pobs)
close(r.pvalue, float(ph))
rows_ = [nums(l) for l in q.splitlines() if 'coating' in l]
same(st.fisher_exact(rows_).pvalue, r.pvalue)
add("v58", 5, q, "Fisher exact two-sided p (sum of table probabilities <= observed) on [[1,11],[6,4]].",
    ["proportion_test"], [E("p two-sided", r.pvalue, 0.02)])

# v59 exact binomial ------------------------------------------------------------------------------
q = ("Vendor guarantees no more than 5% defective. We inspected 50 pieces from the lot and found 7 defective. "
     "Exact binomial test — is the defect rate higher than 5%?")
r = st.binomtest(7, 50, 0.05, alternative='greater')
ph = sum(Fraction(math.comb(50, k)) * Fraction(1, 20) ** k * Fraction(19, 20) ** (50 - k) for k in range(7, 51))
close(r.pvalue, float(ph))
n2 = int(re.search(r'inspected (\d+)', q).group(1)); k2_ = int(re.search(r'found (\d+)', q).group(1)); p2 = float(re.search(r'(\d+)% defective', q).group(1)) / 100
same(st.binomtest(k2_, n2, p2, alternative='greater').pvalue, r.pvalue)
add("v59", 5, q, "One-sided exact binomial P(X >= 7 | n = 50, p = 0.05).",
    ["proportion_test"], [E("p one-sided", r.pvalue, 0.02)])

# v60 Welch from summary -----------------------------------------------------------------------------
q = ("Two labs tested the same material. Lab 1: n = 12, mean 84.6, s = 3.1. Lab 2: n = 15, mean 81.2, s = 6.8. "
     "Use Welch's t-test, not the pooled one, because the spreads are clearly different.")
r = st.ttest_ind_from_stats(84.6, 3.1, 12, 81.2, 6.8, 15, equal_var=False)
va, vb = 3.1 ** 2 / 12, 6.8 ** 2 / 15; th = (84.6 - 81.2) / math.sqrt(va + vb); dfh = (va + vb) ** 2 / (va ** 2 / 11 + vb ** 2 / 14)
close(r.statistic, th); close(r.pvalue, t2p(th, dfh))
L1 = nums(q.split("Lab 1:")[1].split("Lab 2")[0]); L2 = nums(q.split("Lab 2:")[1].split("Use")[0])
same(st.ttest_ind_from_stats(L1[1], L1[2], L1[0], L2[1], L2[2], L2[0], equal_var=False).statistic, r.statistic)
add("v60", 5, q, "Welch t from summary statistics with Satterthwaite df.",
    ["summary_t_test", "t_test"], [E("t", r.statistic), E("Welch df", dfh), E("p", r.pvalue, 0.02)])

# v61 pooled Student t ------------------------------------------------------------------------------
pa = [7.42, 7.55, 7.38, 7.61, 7.49, 7.53, 7.45]
pb_ = [7.58, 7.66, 7.51, 7.70, 7.62, 7.59]
q = f"""pH of rinse water, tank 1 vs tank 2. Same probe, similar spread, so do the classic Student two-sample t-test with POOLED variance.
tank 1: {' '.join(map(str, pa))}
tank 2: {' '.join(map(str, pb_))}"""
r = st.ttest_ind(pa, pb_, equal_var=True)
sp2 = (6 * hvar(pa) + 5 * hvar(pb_)) / 11; th = (hmean(pa) - hmean(pb_)) / math.sqrt(sp2 * (1 / 7 + 1 / 6))
close(r.statistic, th); close(r.pvalue, t2p(th, 11))
same(st.ttest_ind(grab(q, "tank 1"), grab(q, "tank 2")).statistic, r.statistic)
add("v61", 5, q, "Pooled two-sample t-test, df 11.",
    ["t_test"], [E("|t|", abs(r.statistic)), E("df", 11, 0), E("p", r.pvalue, 0.02)])

# v62 two-way ANOVA from a cell table -----------------------------------------------------------------
cells = {("M1", "steel"): [41.2, 42.8], ("M1", "aluminium"): [36.5, 35.1],
         ("M2", "steel"): [44.9, 46.1], ("M2", "aluminium"): [37.8, 39.0],
         ("M3", "steel"): [40.3, 41.7], ("M3", "aluminium"): [38.9, 37.6]}
tabl = "| machine | steel | aluminium |\n|---|---|---|\n" + "\n".join(
    f"| {m_} | {cells[(m_, 'steel')][0]}, {cells[(m_, 'steel')][1]} | {cells[(m_, 'aluminium')][0]}, {cells[(m_, 'aluminium')][1]} |"
    for m_ in ("M1", "M2", "M3"))
q = f"""Surface finish Ra (x0.01 µm), two replicate parts per cell:

{tabl}

Do a two-way ANOVA (machine x material, with interaction). Don't just do separate one-way ANOVAs."""
rows62 = [(a, b, y) for (a, b), ys in cells.items() for y in ys]
tw = twoway_sm(rows62); hw = twoway_hand(rows62)
for i, key in enumerate(["C(A)", "C(B)", "C(A):C(B)"]):
    close(tw.loc[key, "F"], hw[i][0]); close(tw.loc[key, "PR(>F)"], hw[i][1])
rr = []
for row in pipe_rows(q, "M"):
    for col, cellv in zip(["steel", "aluminium"], row[1:]):
        rr += [(row[0], col, v) for v in nums(cellv)]
tw2 = twoway_sm(rr); same(tw2.loc["C(A):C(B)", "F"], tw.loc["C(A):C(B)", "F"]); same(tw2.loc["C(B)", "F"], tw.loc["C(B)", "F"])
add("v62", 5, q, "Balanced 3x2 two-way ANOVA with interaction, 2 replicates (error df 6).",
    ["anova_twoway", "doe_anova"], [E("F machine", tw.loc["C(A)", "F"]), E("F material", tw.loc["C(B)", "F"]),
                                    E("F interaction", tw.loc["C(A):C(B)", "F"]), E("p machine", tw.loc["C(A)", "PR(>F)"], 0.02)])

# v63 chi-square 2x2 WITH Yates ------------------------------------------------------------------------
t63 = [[18, 32], [29, 21]]
q = """complaint vs no complaint by packaging type:
             complaint  no_complaint
pouch            18          32
carton           29          21
chi-square test of independence WITH Yates' continuity correction please"""
r = st.chi2_contingency(t63, correction=True)
a_, b_, c_, d_ = 18, 32, 29, 21; Nn = 100
ch = Nn * (abs(a_ * d_ - b_ * c_) - Nn / 2) ** 2 / ((a_ + b_) * (c_ + d_) * (a_ + c_) * (b_ + d_))
close(r.statistic, ch); close(r.pvalue, chi2_p(ch, 1))
rows_ = [nums(l) for l in q.splitlines() if l.startswith(('pouch', 'carton'))]
same(st.chi2_contingency(rows_, correction=True).statistic, r.statistic)
add("v63", 5, q, "2x2 chi-square with Yates' correction, df 1.",
    ["chi_square"], [E("chi-square (Yates)", r.statistic), E("p", r.pvalue, 0.02)])

# v64 chi-square 2x2 WITHOUT Yates -----------------------------------------------------------------------
q = """Shift | conforming | nonconforming
Day | 45 | 15
Night | 30 | 30

Pearson chi-square on this 2x2, no continuity correction (our SOP says uncorrected)."""
t64 = [[45, 15], [30, 30]]
r = st.chi2_contingency(t64, correction=False)
a_, b_, c_, d_ = 45, 15, 30, 30; Nn = 120
ch = Nn * (a_ * d_ - b_ * c_) ** 2 / ((a_ + b_) * (c_ + d_) * (a_ + c_) * (b_ + d_))
close(r.statistic, ch); close(r.pvalue, chi2_p(ch, 1))
rows_ = [nums(l) for l in q.splitlines() if l.startswith(('Day', 'Night'))]
same(st.chi2_contingency(rows_, correction=False).statistic, r.statistic)
add("v64", 5, q, "Uncorrected Pearson chi-square on [[45,15],[30,30]], df 1 (= 8.0).",
    ["chi_square", "proportion_test"], [E("chi-square", r.statistic), E("p", r.pvalue, 0.02)])

# v65 REFUSAL: paired test on unequal-length samples ---------------------------------------------------
q = """These are paired readings (same specimens, before and after annealing) — Wilcoxon signed-rank please.
before: 212, 208, 219, 215, 221, 209, 217, 213, 218
after: 205, 207, 211, 210, 216, 204, 212, 209"""
assert len(grab(q, "before")) != len(grab(q, "after"))
add("v65", 5, q, "Refuse / ask: 9 'before' but 8 'after' values, so the pairing is broken and a paired signed-rank test cannot be done as asked.",
    [], [], True)


# v66 REFUSAL: capability with no spread given ----------------------------------------------
q = ("Quick one: our shaft OD averages 12.46 mm and the tolerance is 12.40 to 12.60 mm. What's the Cpk? "
     "(I don't have the individual readings to hand.)")
add("v66", 2, q, "Refuse / ask: Cpk needs a standard deviation (within-subgroup sigma); only the mean and spec limits are given.", [], [], True)


# =====================================================================
# write
# =====================================================================
ids_ = [q_["id"] for q_ in QS]
assert ids_ == sorted(ids_) and len(set(ids_)) == len(ids_)
with open(os.path.join(HERE, "TOOLS.txt")) as fh:
    TOOLS = {l.split()[0] for l in fh if l.strip()}
for q_ in QS:
    assert set(q_["tools"]) <= TOOLS, q_["id"]
    for e_ in q_["expect"]:
        assert math.isfinite(e_["value"])
with open(os.path.join(HERE, "round19.jsonl"), "w") as fh:
    for q_ in QS:
        fh.write(json.dumps(q_, ensure_ascii=False) + "\n")
from collections import Counter
kc = Counter(q_["kind"] for q_ in QS)
print(f"wrote {len(QS)} questions; by kind {dict(sorted(kc.items()))}; refusals {sum(q_['refuse'] for q_ in QS)}; "
      f"checks a/b {CHECKS['a_b']}, reparse {CHECKS['reparse']}")
