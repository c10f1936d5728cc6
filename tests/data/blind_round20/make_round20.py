#!/usr/bin/env python
"""Build round20.jsonl: a blind evaluation set for HAVOC.

Every data set lives here; each question's text is built from its data; every
expected number is computed (a) with a library (scipy / statsmodels / sympy /
numpy), (b) by an independent hand computation (textbook formula, exact
enumeration, mpmath), and (c) again with the library after re-parsing the data
out of the question TEXT.  (a)~(b) must agree to 1e-4 relative (exact for
integers; 5e-4 where tabulated SPC constants are compared with d2/d3 forms),
(a)~(c) to 1e-9.
"""
import itertools
import json
import math
import os
import re
import statistics
from fractions import Fraction

import mpmath as mp
import numpy as np
import scipy.stats as st
import sympy as sp
from sympy.parsing.sympy_parser import (convert_xor, implicit_multiplication_application,
                                        parse_expr, standard_transformations)

mp.mp.dps = 40
HERE = os.path.dirname(os.path.abspath(__file__))
QS = []
ALL = "dsl_run"   # the DSL can legitimately run any of these analyses

# ----------------------------------------------------------------- helpers
NUM = r"-?\d+(?:\.\d+)?"


def nums(s):
    return [float(v) for v in re.findall(NUM, s)]


def close(a, b, tol):
    a, b = float(a), float(b)
    return abs(a - b) <= tol * max(abs(a), abs(b), 1e-300)


def E(what, lib, hand, rep, rel=0.005, tol=1e-4):
    """One expected value, with the three-way verification asserted."""
    if rel == 0:
        assert lib == hand == rep, (what, lib, hand, rep)
        return {"what": what, "value": int(lib), "rel": 0}
    assert close(lib, hand, tol), ("hand", what, lib, hand)
    assert close(lib, rep, 1e-9), ("reparse", what, lib, rep)
    return {"what": what, "value": round(float(lib), 6 if abs(lib) >= 1e-3 else 10), "rel": rel}


def add(kind, q, intent, tools, expect, refuse=False):
    if refuse:
        assert tools == [] and expect == []
    else:
        assert expect
        tools = list(tools) + ([ALL] if ALL not in tools else [])
    QS.append({"kind": kind, "question": q, "intent": intent, "tools": tools,
               "expect": expect, "refuse": refuse})


# --- independent distribution functions (mpmath special functions)
def t_sf(t, df):
    t = mp.mpf(t)
    x = df / (df + t * t)
    half = mp.betainc(mp.mpf(df) / 2, mp.mpf(1) / 2, 0, x, regularized=True) / 2
    return half if t > 0 else 1 - half


def p_t2(t, df):
    return float(2 * t_sf(abs(t), df))


def p_t_lower(t, df):
    return float(1 - t_sf(t, df))


def t_ppf(q, df):
    return float(mp.findroot(lambda x: (1 - t_sf(x, df)) - q, 2.5))


def p_chi2(x, k):
    return float(mp.gammainc(mp.mpf(k) / 2, mp.mpf(x) / 2, mp.inf, regularized=True))


def p_F(F, d1, d2):
    return float(mp.betainc(mp.mpf(d2) / 2, mp.mpf(d1) / 2, 0,
                            mp.mpf(d2) / (d2 + d1 * mp.mpf(F)), regularized=True))


def mean(x):
    return math.fsum(x) / len(x)


def var(x):
    m = mean(x)
    return math.fsum((v - m) ** 2 for v in x) / (len(x) - 1)


def oneway_hand(groups):
    allv = [v for g in groups for v in g]
    gm = mean(allv)
    ssb = math.fsum(len(g) * (mean(g) - gm) ** 2 for g in groups)
    ssw = math.fsum((v - mean(g)) ** 2 for g in groups for v in g)
    d1, d2 = len(groups) - 1, len(allv) - len(groups)
    F = (ssb / d1) / (ssw / d2)
    return F, p_F(F, d1, d2)


def ranks_noties(allv):
    s = sorted(allv)
    assert len(set(s)) == len(s), "ties"
    return {v: i + 1 for i, v in enumerate(s)}


PX = standard_transformations + (convert_xor, implicit_multiplication_application)


def pe(s):
    return parse_expr(s.replace("ln(", "log("), transformations=PX,
                      local_dict={"e": sp.E, "pi": sp.pi})


def det_perm(M):
    """Determinant by the permutation (Leibniz) expansion, exact fractions."""
    n = len(M)
    tot = Fraction(0)
    for perm in itertools.permutations(range(n)):
        inv = sum(1 for i in range(n) for j in range(i + 1, n) if perm[i] > perm[j])
        prod = Fraction(1)
        for i in range(n):
            prod *= Fraction(M[i][perm[i]])
        tot += -prod if inv % 2 else prod
    return tot


def fmt(x, d):
    return f"{x:.{d}f}"


WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
         "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}


def wnum(s):
    s = s.lower()
    return WORDS[s] if s in WORDS else int(s)


# SPC constants (standard tables)
A2 = {2: 1.880, 3: 1.023, 4: 0.729, 5: 0.577}
D3 = {2: 0, 3: 0, 4: 0, 5: 0}
D4 = {2: 3.267, 3: 2.574, 4: 2.282, 5: 2.114}
d2 = {2: 1.128, 3: 1.693, 4: 2.059, 5: 2.326}
d3 = {2: 0.853, 3: 0.888, 4: 0.880, 5: 0.864}
E2 = 2.66

# =====================================================================
# KIND 1 -- tables that are not plain numeric columns
# =====================================================================

# ---- paired measurements with id columns, markdown
before = [12.4, 11.8, 13.1, 12.9, 12.2, 13.5, 11.6, 12.7, 13.0, 12.3]
after = [11.9, 11.9, 12.5, 12.2, 12.0, 12.8, 11.5, 12.1, 12.6, 12.2]
shift = ["A", "A", "B", "B", "A", "C", "C", "B", "A", "C"]
rows = "\n".join(f"| P-{101 + i} | {shift[i]} | {before[i]:.1f} | {after[i]:.1f} |" for i in range(10))
q = ("Coating thickness on the same ten brackets, measured before and after the cure bake. "
     "Did the bake change the thickness?\n\n| part | shift | before_um | after_um |\n|---|---|---|---|\n" + rows)


def lib(b, a):
    r = st.ttest_rel(b, a)
    return abs(r.statistic), r.pvalue


def parse(text):
    b, a = [], []
    for line in text.splitlines():
        if line.startswith("| P-"):
            c = [x.strip() for x in line.strip().strip("|").split("|")]
            b.append(float(c[2]))
            a.append(float(c[3]))
    return b, a


d = [x - y for x, y in zip(before, after)]
th = mean(d) / math.sqrt(var(d) / len(d))
L, R = lib(before, after), lib(*parse(q))
add(1, q, "paired t-test on before - after for the same 10 parts (shift and part id are labels)",
    ["t_test"], [E("|t|", L[0], abs(th), R[0]), E("p", L[1], p_t2(th, 9), R[1], 0.02)])

# ---- label: count goodness of fit
reasons = {"scratch": 41, "dent": 29, "wrong colour": 22, "missing screw": 36, "other": 17}
q = ("Returns by reason, last quarter:\n" + "\n".join(f"{k}: {v}" for k, v in reasons.items())
     + "\n\nare these reasons equally common or not?")


def lib(obs):
    r = st.chisquare(obs)
    return r.statistic, r.pvalue


def parse(text):
    return [float(m) for m in re.findall(r"^[a-z ]+: (\d+)$", text, re.M)]


obs = list(reasons.values())
e = sum(obs) / len(obs)
ch = sum((o - e) ** 2 / e for o in obs)
L, R = lib(obs), lib(parse(q))
add(1, q, "chi-square goodness of fit of the 5 counts against equal expected counts (df 4)",
    ["chi_square"], [E("chi-square", L[0], ch, R[0]), E("p", L[1], p_chi2(ch, 4), R[1], 0.02)])

# ---- p chart, varying n, CSV
insp = [180, 220, 200, 250, 190, 210, 230, 175, 240, 205, 195, 215]
dfc = [9, 12, 8, 11, 22, 10, 9, 7, 13, 6, 10, 11]
q = ("Can you put these lots on the appropriate attribute control chart? Sample sizes differ.\n\n"
     "lot,inspected,defective\n" + "\n".join(f"L{i + 1:02d},{insp[i]},{dfc[i]}" for i in range(12))
     + "\n\nI mostly care about the centre line and the limits for lot L04.")


def lib(n, x):
    n, x = np.array(n, float), np.array(x, float)
    pb = x.sum() / n.sum()
    s = np.sqrt(pb * (1 - pb) / n)
    return pb, (pb + 3 * s)[3], (pb - 3 * s)[3]


def parse(text):
    rr = re.findall(r"^L\d\d,(\d+),(\d+)$", text, re.M)
    return [float(a) for a, b in rr], [float(b) for a, b in rr]


pbh = Fraction(sum(dfc), sum(insp))
sh = math.sqrt(float(pbh) * (1 - float(pbh)) / 250)
L, R = lib(insp, dfc), lib(*parse(q))
add(1, q, "p chart with variable subgroup size: p-bar = total defective / total inspected; limits for L04 (n=250)",
    ["control_chart"], [E("p-bar", L[0], float(pbh), R[0]), E("UCL L04", L[1], float(pbh) + 3 * sh, R[1]),
                        E("LCL L04", L[2], float(pbh) - 3 * sh, R[2])])

# ---- u chart, units & defects, whitespace aligned
units = [12, 10, 15, 8, 12, 14, 10, 9, 11, 13]
defs = [30, 21, 41, 25, 27, 33, 19, 24, 22, 35]
tab = "batch  units  defects\n" + "\n".join(f"{i + 1:<6} {units[i]:>5}  {defs[i]:>7}" for i in range(10))
q = ("Defects found at final audit. Each batch has a different number of units checked.\n\n" + tab
     + "\n\nwhat chart and what are the centre line and the upper limit for batch 4?")


def lib(u, c):
    u, c = np.array(u, float), np.array(c, float)
    ub = c.sum() / u.sum()
    return ub, ub + 3 * np.sqrt(ub / u[3])


def parse(text):
    rr = re.findall(r"^(\d+)\s+(\d+)\s+(\d+)$", text, re.M)
    return [float(r[1]) for r in rr], [float(r[2]) for r in rr]


ubh = sum(defs) / sum(units)
L, R = lib(units, defs), lib(*parse(q))
add(1, q, "u chart: u-bar = 277/114 defects per unit; UCL for batch 4 (8 units) = u-bar + 3 sqrt(u-bar/8)",
    ["control_chart"], [E("u-bar", L[0], ubh, R[0]), E("UCL batch 4", L[1], ubh + 3 * math.sqrt(ubh / 8), R[1])])

# ---- regression, tab separated, predictor/response
xt = [150, 160, 170, 180, 190, 200, 210, 220]
yt = [42.1, 38.4, 35.9, 31.8, 29.5, 26.0, 23.9, 20.2]
q = ("how does cure time depend on oven temperature? fit a straight line please\n\n"
     "oven_temp_C\tcure_time_min\n" + "\n".join(f"{a}\t{b}" for a, b in zip(xt, yt)))


def lib(x, y):
    r = st.linregress(x, y)
    return r.slope, r.intercept, r.rvalue ** 2


def parse(text):
    rr = re.findall(r"^(\d+)\t(" + NUM + ")$", text, re.M)
    return [float(a) for a, b in rr], [float(b) for a, b in rr]


mx, my = mean(xt), mean(yt)
sxx = sum((a - mx) ** 2 for a in xt)
sxy = sum((a - mx) * (b - my) for a, b in zip(xt, yt))
syy = sum((b - my) ** 2 for b in yt)
L, R = lib(xt, yt), lib(*parse(q))
add(1, q, "simple linear regression of cure_time_min (response) on oven_temp_C (predictor)",
    ["regression"], [E("slope", L[0], sxy / sxx, R[0]), E("intercept", L[1], my - sxy / sxx * mx, R[1]),
                     E("R^2", L[2], sxy ** 2 / (sxx * syy), R[2])])

# ---- contingency table with labels, whitespace aligned
cont = {"Shift A": [112, 14, 6], "Shift B": [98, 21, 9], "Shift C": [105, 11, 12]}
tab = "            pass  rework  scrap\n" + "\n".join(f"{k:<10} {v[0]:>6} {v[1]:>7} {v[2]:>6}" for k, v in cont.items())
q = ("Outcome of every unit built last week, by shift:\n\n" + tab +
     "\n\nIs the outcome related to shift?")


def lib(t):
    r = st.chi2_contingency(np.array(t))
    return r[0], r[1], r[2]


def parse(text):
    return [[float(v) for v in m] for m in re.findall(r"^Shift \w\s+(\d+)\s+(\d+)\s+(\d+)$", text, re.M)]


T = np.array(list(cont.values()), float)
Eh = np.outer(T.sum(1), T.sum(0)) / T.sum()
chh = float(((T - Eh) ** 2 / Eh).sum())
L, R = lib(list(cont.values())), lib(parse(q))
add(1, q, "chi-square test of independence on the 3x3 shift x outcome table (df 4)",
    ["chi_square"], [E("chi-square", L[0], chh, R[0]), E("p", L[1], p_chi2(chh, 4), R[1], 0.02),
                     E("df", int(L[2]), 4, int(R[2]), 0)])

# ---- long format one-way ANOVA, CSV
noz = {"N1": [14.2, 13.8, 14.6, 14.1, 13.9], "N2": [15.1, 14.8, 15.4, 15.0, 14.7],
       "N3": [14.0, 14.4, 13.7, 14.3, 14.1], "N4": [15.6, 15.2, 14.9, 15.8, 15.3]}
long = [(k, v) for k, vs in noz.items() for v in vs]
perm = np.random.default_rng(7).permutation(len(long))
long = [long[i] for i in perm]
q = ("Flow rate (L/min) logged per nozzle type, in the order the runs were done:\n\nnozzle,flow\n"
     + "\n".join(f"{k},{v:.1f}" for k, v in long) + "\n\nDo the nozzle types differ in mean flow?")


def lib(groups):
    r = st.f_oneway(*groups)
    return r.statistic, r.pvalue


def parse(text):
    g = {}
    for k, v in re.findall(r"^(N\d),(" + NUM + ")$", text, re.M):
        g.setdefault(k, []).append(float(v))
    return [g[k] for k in sorted(g)]


Fh, ph = oneway_hand(list(noz.values()))
L, R = lib(list(noz.values())), lib(parse(q))
add(1, q, "one-way ANOVA of flow by nozzle (4 groups of 5, long format)", ["anova_oneway"],
    [E("F", L[0], Fh, R[0]), E("p", L[1], ph, R[1], 0.02)])

# ---- subgroup rows with subgroup-number column, xbar-R n=4
rng = np.random.default_rng(20)
sg = np.round(rng.normal(8.50, 0.05, (15, 4)), 3)
tab = "sg   x1     x2     x3     x4\n" + "\n".join(
    f"{i + 1:<4} " + "  ".join(f"{v:.3f}" for v in sg[i]) for i in range(15))
q = ("Shaft diameters (mm), four consecutive shafts per subgroup. First column is the subgroup number.\n\n"
     + tab + "\n\nNeed X-bar and R chart limits.")


def lib(m):
    m = np.array(m)
    xb, rb = m.mean(1).mean(), np.ptp(m, 1).mean()
    return xb, rb, xb + A2[4] * rb, xb - A2[4] * rb, D4[4] * rb


def parse(text):
    return [[float(v) for v in r[1:]] for r in
            (line.split() for line in text.splitlines()) if len(r) == 5 and r[0].isdigit()]


sgl = sg.tolist()
xbh = mean([mean(r) for r in sgl])
rbh = mean([max(r) - min(r) for r in sgl])
sig = rbh / d2[4]
L, R = lib(sgl), lib(parse(q))
add(1, q, "X-bar/R chart, n=4, 15 subgroups (first column is the subgroup number, not data); A2=0.729, D4=2.282",
    ["control_chart"], [E("grand mean", L[0], xbh, R[0]), E("R-bar", L[1], rbh, R[1]),
                        E("UCL xbar", L[2], xbh + 3 * sig / 2, R[2], tol=5e-4),
                        E("LCL xbar", L[3], xbh - 3 * sig / 2, R[3], tol=5e-4),
                        E("UCL R", L[4], rbh * (1 + 3 * d3[4] / d2[4]), R[4], tol=5e-4)])

# ---- long format two factors, CSV -> two-way ANOVA
tw = {("R1", 160): [41.2, 42.0, 40.6], ("R1", 180): [44.8, 45.9, 45.1],
      ("R2", 160): [43.5, 42.7, 44.1], ("R2", 180): [44.0, 43.2, 44.6]}
rows = [(a, b, v) for (a, b), vs in tw.items() for v in vs]
q = ("resin,temp_C,strength_MPa\n" + "\n".join(f"{a},{b},{v:.1f}" for a, b, v in rows)
     + "\n\nbond strength from our adhesive trial (3 coupons per combination). "
       "Which effects matter - resin, temperature, or their interaction?")


def lib(rows):
    import pandas as pd
    import statsmodels.formula.api as smf
    from statsmodels.stats.anova import anova_lm
    df = pd.DataFrame(rows, columns=["a", "b", "y"])
    t = anova_lm(smf.ols("y ~ C(a)*C(b)", df).fit(), typ=2)
    return tuple(t["F"][:3]) + tuple(t["PR(>F)"][:3])


def parse(text):
    return [(a, int(b), float(v)) for a, b, v in re.findall(r"^(R\d),(\d+),(" + NUM + ")$", text, re.M)]


def twoway_hand(cells):  # cells: dict (i,j)->list, balanced
    A = sorted({k[0] for k in cells})
    B = sorted({k[1] for k in cells})
    r = len(next(iter(cells.values())))
    allv = [v for vs in cells.values() for v in vs]
    gm = mean(allv)
    ma = {a: mean([v for (i, j), vs in cells.items() if i == a for v in vs]) for a in A}
    mb = {b: mean([v for (i, j), vs in cells.items() if j == b for v in vs]) for b in B}
    ssa = len(B) * r * sum((ma[a] - gm) ** 2 for a in A)
    ssb = len(A) * r * sum((mb[b] - gm) ** 2 for b in B)
    ssab = r * sum((mean(cells[(a, b)]) - ma[a] - mb[b] + gm) ** 2 for a in A for b in B)
    sse = sum((v - mean(vs)) ** 2 for vs in cells.values() for v in vs)
    dfa, dfb, dfe = len(A) - 1, len(B) - 1, len(A) * len(B) * (r - 1)
    mse = sse / dfe
    Fs = [ssa / dfa / mse, ssb / dfb / mse, ssab / (dfa * dfb) / mse]
    return Fs + [p_F(Fs[0], dfa, dfe), p_F(Fs[1], dfb, dfe), p_F(Fs[2], dfa * dfb, dfe)]


H = twoway_hand(tw)
L, R = lib(rows), lib(parse(q))
add(1, q, "two-way ANOVA with interaction, resin (2) x temperature (2 levels: 160, 180 are levels), 3 replicates",
    ["anova_twoway", "doe_anova"],
    [E("F resin", L[0], H[0], R[0]), E("F temp", L[1], H[1], R[1]), E("F interaction", L[2], H[2], R[2]),
     E("p resin", L[3], H[3], R[3], 0.02), E("p temp", L[4], H[4], R[4], 0.02),
     E("p interaction", L[5], H[5], R[5], 0.02)])

# ---- refusal: contingency table cut off
q = ("Supplier vs defect type, counts from incoming inspection:\n\n"
     "            cracked  warped  discoloured\n"
     "Supplier X       34      12           9\n"
     "Supplier Y       21      18          14\n"
     "Supplier Z       27\n\n"
     "is defect type independent of supplier?")
add(1, q, "the table is cut off: Supplier Z has only its first cell (warped and discoloured missing); "
          "cannot test independence without the complete table", [], [], refuse=True)

# ---- I-MR with timestamp column
times = [f"{6 + i // 2:02d}:{'00' if i % 2 == 0 else '30'}" for i in range(16)]
visc = [412.3, 405.8, 418.1, 409.4, 415.2, 421.0, 407.7, 411.9, 416.6, 403.5, 410.2, 419.4,
        414.1, 408.3, 417.5, 412.8]
q = ("time\tviscosity_cP\n" + "\n".join(f"{t}\t{v:.1f}" for t, v in zip(times, visc))
     + "\n\none reading every half hour from the mixer. individuals chart limits?")


def lib(x):
    x = np.array(x)
    mr = np.abs(np.diff(x)).mean()
    return x.mean(), mr, x.mean() + E2 * mr, x.mean() - E2 * mr


def parse(text):
    return [float(v) for v in re.findall(r"^\d\d:\d\d\t(" + NUM + ")$", text, re.M)]


mh = mean(visc)
mrh = mean([abs(visc[i + 1] - visc[i]) for i in range(15)])
L, R = lib(visc), lib(parse(q))
add(1, q, "I-MR chart of the 16 viscosities (time stamps are labels): centre, MR-bar, limits = mean +/- 2.66 MR-bar",
    ["control_chart"], [E("mean", L[0], mh, R[0]), E("MR-bar", L[1], mrh, R[1]),
                        E("UCL", L[2], mh + 3 * mrh / d2[2], R[2], tol=5e-4),
                        E("LCL", L[3], mh - 3 * mrh / d2[2], R[3], tol=5e-4)])

# ---- np chart, constant n, whitespace
rej = [5, 3, 7, 4, 6, 2, 5, 8, 4, 3, 6, 5, 4, 7, 3]
tab = "day  inspected  rejects\n" + "\n".join(f"{i + 1:>3}  {120:>9}  {r:>7}" for i, r in enumerate(rej))
q = ("We pull 120 connectors each day and count rejects.\n" + tab
     + "\nplot as number defective (not proportion). centre line and UCL?")


def lib(n, x):
    x = np.array(x, float)
    npb = x.mean()
    return npb, npb + 3 * np.sqrt(npb * (1 - npb / n[0]))


def parse(text):
    rr = re.findall(r"^\s*\d+\s+(\d+)\s+(\d+)$", text, re.M)
    return [float(a) for a, b in rr], [float(b) for a, b in rr]


pb = Fraction(sum(rej), 120 * 15)
L, R = lib([120] * 15, rej), lib(*parse(q))
add(1, q, "np chart, n=120: np-bar = mean rejects, UCL = np-bar + 3 sqrt(np-bar (1 - p-bar)); LCL < 0 -> 0",
    ["control_chart"], [E("np-bar", L[0], float(pb * 120), R[0]),
                        E("UCL", L[1], float(pb * 120) + 3 * math.sqrt(120 * float(pb) * (1 - float(pb))), R[1])])

# =====================================================================
# KIND 2 -- intent carried by wording
# =====================================================================

# ---- Mann-Whitney via "don't assume normal"
A = [31.2, 29.8, 35.6, 28.4, 33.1, 30.5, 41.9]
B = [36.4, 39.8, 34.2, 45.1, 38.7, 52.3, 37.5, 33.9]
q = ("Cycle times (s) are badly skewed so please don't assume normality. "
     f"Old fixture: {', '.join(map(str, A))}. New fixture: {', '.join(map(str, B))}. "
     "Different operators, different parts, nothing matched up. Is there a difference between fixtures?")


def lib(a, b):
    r = st.mannwhitneyu(a, b, alternative="two-sided", method="exact")
    return r.statistic, r.pvalue


def parse(text):
    a = re.search(r"Old fixture: ([\d., ]+)\.", text).group(1)
    b = re.search(r"New fixture: ([\d., ]+)\.", text).group(1)
    return nums(a), nums(b)


def mw_hand(a, b):
    rk = ranks_noties(a + b)
    N, n1 = len(a) + len(b), len(a)
    u1 = sum(rk[v] for v in a) - n1 * (n1 + 1) / 2
    cnt_le = cnt_ge = tot = 0
    for comb in itertools.combinations(range(1, N + 1), n1):
        u = sum(comb) - n1 * (n1 + 1) / 2
        tot += 1
        cnt_le += u <= u1
        cnt_ge += u >= u1
    return u1, min(1.0, 2 * min(cnt_le, cnt_ge) / tot)


H = mw_hand(A, B)
L, R = lib(A, B), lib(*parse(q))
assert L[0] <= len(A) * len(B) / 2  # U of first sample is also min(U1, U2)
add(2, q, "Mann-Whitney (rank-sum) test, two independent samples, exact two-sided p (no ties); U(old)=min(U1,U2)",
    ["mann_whitney"], [E("U", L[0], H[0], R[0]), E("p", L[1], H[1], R[1], 0.02)])

# ---- one-sample t vs nominal
bore = [25.03, 24.98, 25.06, 25.01, 25.04, 24.99, 25.07, 25.02, 25.05, 25.00, 25.03, 25.06]
q = ("Nominal bore is 25.00 mm. Measured (mm): " + " ".join(f"{v:.2f}" for v in bore)
     + "\nare we running off nominal?")


def lib(x):
    r = st.ttest_1samp(x, 25.0)
    return abs(r.statistic), r.pvalue


def parse(text):
    return nums(text.split("Measured (mm):")[1].split("\n")[0])


th = (mean(bore) - 25) / math.sqrt(var(bore) / 12)
L, R = lib(bore), lib(parse(q))
add(2, q, "one-sample t-test of the 12 bores against the nominal 25.00 mm (two-sided)", ["t_test"],
    [E("|t|", L[0], abs(th), R[0]), E("p", L[1], p_t2(th, 11), R[1], 0.02)])

# ---- exclusion of a named point
probe = [7.42, 7.38, 7.51, 7.45, 7.40, 7.47, 0.12, 7.44, 7.36, 7.49]
q = ("pH readings from the tank, samples S1 to S10: " + "; ".join(f"S{i + 1}={v:.2f}" for i, v in enumerate(probe))
     + ". S7 was taken with the probe unplugged, so leave it out. What are the mean and standard deviation "
       "of the valid readings?")


def lib(x):
    x = np.array(x)
    return x.mean(), x.std(ddof=1)


def parse(text):
    dd = {int(a): float(b) for a, b in re.findall(r"S(\d+)=(" + NUM + ")", text)}
    return [v for k, v in sorted(dd.items()) if k != 7]


valid = [v for i, v in enumerate(probe) if i != 6]
L, R = lib(valid), lib(parse(q))
add(2, q, "drop S7, then mean and sample SD of the remaining 9 readings", ["describe", "t_test"],
    [E("mean", L[0], statistics.fmean(valid), R[0]), E("sd", L[1], statistics.stdev(valid), R[1])])

# ---- c chart: defect counts, constant opportunity
cc = [12, 9, 15, 11, 14, 10, 13, 8, 16, 12, 11, 14, 9, 13, 12, 10, 15, 11, 13, 12]
q = ("We count solder defects on each board that comes off the wave (all the same board type). "
     f"Last 20 boards: {', '.join(map(str, cc))}. Which control chart fits this, and what are its limits?")


def lib(c):
    cb = np.mean(c)
    return cb, cb + 3 * np.sqrt(cb), cb - 3 * np.sqrt(cb)


def parse(text):
    return nums(text.split("Last 20 boards:")[1].split(".")[0])


cbh = Fraction(sum(cc), 20)
L, R = lib(cc), lib(parse(q))
add(2, q, "c chart (defect counts per equal-sized unit): c-bar, c-bar +/- 3 sqrt(c-bar)", ["control_chart"],
    [E("c-bar", L[0], float(cbh), R[0]), E("UCL", L[1], float(cbh) + 3 * math.sqrt(cbh), R[1]),
     E("LCL", L[2], float(cbh) - 3 * math.sqrt(cbh), R[2])])

# ---- u chart: counts over varying area in prose
area = [2.5, 1.5, 3.0, 2.0, 2.5, 4.0, 1.5, 3.5]
blem = [7, 5, 8, 6, 9, 10, 2, 9]
names = "ABCDEFGH"
q = ("paint blemishes per panel, panels are different sizes: " + "; ".join(
    f"panel {names[i]} {area[i]} m2 {blem[i]} blemishes" for i in range(8))
     + ". chart the blemish rate. what's the centre line and the upper limit for panel G?")


def lib(a, c):
    a, c = np.array(a), np.array(c, float)
    ub = c.sum() / a.sum()
    return ub, ub + 3 * np.sqrt(ub / a[6])


def parse(text):
    rr = re.findall(r"panel [A-H] (" + NUM + r") m2 (\d+) blemishes", text)
    return [float(a) for a, b in rr], [float(b) for a, b in rr]


ubh = sum(blem) / sum(area)
L, R = lib(area, blem), lib(*parse(q))
add(2, q, "u chart with area as the opportunity: u-bar = 56/20.5 per m2; UCL for panel G (1.5 m2)",
    ["control_chart"], [E("u-bar", L[0], ubh, R[0]), E("UCL panel G", L[1], ubh + 3 * math.sqrt(ubh / 1.5), R[1])])

# ---- one-sided t
tens = [49.1, 48.3, 50.2, 47.8, 49.5, 48.9, 48.0, 49.7, 48.6, 49.0]
q = ("The supplier says the mean breaking load is at least 50 kN. We tested ten bolts: "
     + ", ".join(f"{v:.1f}" for v in tens) + " kN. Does this show the mean is actually below 50?")


def lib(x):
    r = st.ttest_1samp(x, 50.0, alternative="less")
    return abs(r.statistic), r.pvalue


def parse(text):
    return nums(text.split("ten bolts:")[1].split("kN")[0])


th = (mean(tens) - 50) / math.sqrt(var(tens) / 10)
L, R = lib(tens), lib(parse(q))
add(2, q, "one-sided (lower-tail) one-sample t-test, H1: mu < 50", ["t_test"],
    [E("|t|", L[0], abs(th), R[0]), E("one-sided p", L[1], p_t_lower(th, 9), R[1], 0.02)])

# ---- 99% CI
leak = [3.82, 4.10, 3.95, 4.21, 3.77, 4.05, 3.99, 4.14, 3.88]
q = ("leak rates (mbar.l/s x 1e-6): " + " / ".join(f"{v:.2f}" for v in leak)
     + " -- give me a 99% confidence interval for the mean leak rate")


def lib(x):
    lo, hi = st.t.interval(0.99, len(x) - 1, loc=np.mean(x), scale=st.sem(x))
    return lo, hi


def parse(text):
    return nums(text.split("1e-6):")[1].split("--")[0])


hw = t_ppf(0.995, 8) * math.sqrt(var(leak) / 9)
L, R = lib(leak), lib(parse(q))
add(2, q, "t-based 99% CI for the mean of 9 values", ["t_test", "describe"],
    [E("lower", L[0], mean(leak) - hw, R[0]), E("upper", L[1], mean(leak) + hw, R[1])])

# ---- capability from summary figures
q = ("Process is stable; mean 10.02 mm, standard deviation 0.015 mm (within-subgroup). "
     "Spec is 9.95 to 10.08 mm. What are Cp and Cpk?")


def lib(m, s, lsl, usl):
    return (usl - lsl) / (6 * s), min(usl - m, m - lsl) / (3 * s)


def parse(text):
    m = float(re.search(r"mean (" + NUM + ")", text).group(1))
    s = float(re.search(r"deviation (" + NUM + ")", text).group(1))
    lsl, usl = map(float, re.search(r"Spec is (" + NUM + ") to (" + NUM + ")", text).groups())
    return m, s, lsl, usl


cph = (10.08 - 9.95) / 0.09
kk = abs(10.02 - 10.015) / 0.065
L, R = lib(10.02, 0.015, 9.95, 10.08), lib(*parse(q))
add(2, q, "Cp = (USL-LSL)/6s, Cpk = min(USL-mean, mean-LSL)/3s from summary figures",
    ["summary_capability", "capability"], [E("Cp", L[0], cph, R[0]), E("Cpk", L[1], cph * (1 - kk), R[1])])

# ---- curvature 2^2 with centre points
fac = {(-1, -1): 54.2, (1, -1): 61.8, (-1, 1): 57.9, (1, 1): 66.1}
ctr = [63.0, 62.4, 63.5, 62.7]
q = ("2^2 factorial on temperature (A) and pressure (B), yields in %:\n"
     + "\n".join(f"A={'+' if a > 0 else '-'} B={'+' if b > 0 else '-'}: {v}" for (a, b), v in fac.items())
     + f"\nplus four centre points: {', '.join(map(str, ctr))}\n"
       "Is there evidence of curvature, i.e. is a first-order model enough?")


def lib(fac, ctr):
    import statsmodels.api as sm
    X, y = [], []
    for (a, b), v in fac.items():
        X.append([1, a, b, a * b, 0])
        y.append(v)
    for v in ctr:
        X.append([1, 0, 0, 0, 1])
        y.append(v)
    r = sm.OLS(np.array(y), np.array(X, float)).fit()
    F = r.tvalues[4] ** 2
    ss = F * r.mse_resid
    return ss, F, r.pvalues[4]


def parse(text):
    f = {}
    for a, b, v in re.findall(r"A=([+-]) B=([+-]): (" + NUM + ")", text):
        f[(1 if a == "+" else -1, 1 if b == "+" else -1)] = float(v)
    c = nums(text.split("centre points:")[1].split("\n")[0])
    return f, c


yf, yc = mean(list(fac.values())), mean(ctr)
ssc = 4 * 4 * (yf - yc) ** 2 / 8
Fc = ssc / var(ctr)
L, R = lib(fac, ctr), lib(*parse(q))
add(2, q, "single-df curvature test: SS = nF nC (ybarF - ybarC)^2/(nF+nC), F against pure error from the 4 centre points (df 3)",
    ["doe_curvature", "doe_anova"], [E("SS curvature", L[0], ssc, R[0]), E("F curvature", L[1], Fc, R[1]),
                                     E("p curvature", L[2], p_F(Fc, 1, 3), R[2], 0.02)])

# ---- Welch via wording
l1 = [88.2, 91.5, 86.9, 93.8, 85.1, 90.7, 94.6, 87.3, 89.9]
l2 = [90.1, 90.8, 91.3, 90.5, 91.0, 90.4, 91.6, 90.9, 91.2, 90.7, 91.4]
q = ("Line 1 fill heights: " + ", ".join(map(str, l1)) + "\nLine 2 fill heights: " + ", ".join(map(str, l2))
     + "\nThese aren't paired, and line 1 is obviously much more spread out, so I don't want to assume "
       "equal variances. Do the mean fill heights differ?")


def lib(a, b):
    r = st.ttest_ind(a, b, equal_var=False)
    return abs(r.statistic), r.df, r.pvalue


def parse(text):
    return (nums(text.split("Line 1 fill heights:")[1].split("\n")[0]),
            nums(text.split("Line 2 fill heights:")[1].split("\n")[0]))


va, vb = var(l1) / 9, var(l2) / 11
th = (mean(l1) - mean(l2)) / math.sqrt(va + vb)
dfw = (va + vb) ** 2 / (va ** 2 / 8 + vb ** 2 / 10)
L, R = lib(l1, l2), lib(*parse(q))
add(2, q, "Welch two-sample t-test (unequal variances, independent)", ["t_test"],
    [E("|t|", L[0], abs(th), R[0]), E("Welch df", L[1], dfw, R[1]), E("p", L[2], p_t2(th, dfw), R[2], 0.02)])

# ---- refusal: Cpk without sd
add(2, "Our average fill is 4.21 L and the spec is 4.00-4.50 L. What's our Cpk?",
    "Cpk needs the process standard deviation (or data); only the mean and the spec limits are given",
    [], [], refuse=True)

# ---- exact binomial one-sided
q = ("Supplier guarantees no more than 2% defective. We inspected 200 pieces from the last delivery and found 9 "
     "defective. Using an exact binomial test, is that evidence the true rate is above 2%?")


def lib(x, n, p0):
    return st.binomtest(x, n, p0, alternative="greater").pvalue


def parse(text):
    n = int(re.search(r"inspected (\d+)", text).group(1))
    x = int(re.search(r"found (\d+)", text).group(1))
    p0 = float(re.search(r"more than (\d+)%", text).group(1)) / 100
    return x, n, p0


ph = float(sum(Fraction(math.comb(200, k)) * Fraction(1, 50) ** k * Fraction(49, 50) ** (200 - k)
               for k in range(9, 201)))
add(2, q, "exact binomial test, one-sided upper: P(X >= 9 | n=200, p=0.02)", ["proportion_test"],
    [E("one-sided p", lib(9, 200, 0.02), ph, lib(*parse(q)), 0.02)])

# ---- refusal: no target stated
add(2, "Are we off target? Last shift's torque readings (N.m): 11.8, 12.1, 12.4, 11.9, 12.0, 12.3, 12.2, 11.7. "
       "Run the appropriate test.",
    "a one-sample test against target needs the target value, which is never stated", [], [], refuse=True)

# =====================================================================
# KIND 3 -- numbers in prose with roles
# =====================================================================


def ff(k):
    return list(itertools.product([-1, 1], repeat=k))


# ---- blocks from capacity + centre per block
q = ("We want to study three factors (cure temp, dwell, humidity), two levels each, all combinations - no "
     "fractions. The chamber only takes 4 runs per day, so each day should be a block, and I'd like 1 centre "
     "point in every block. How many runs in total and how many blocks?")


def lib(text):
    k = wnum(re.search(r"study (\w+) factors", text).group(1))
    cap = int(re.search(r"only takes (\d+) runs", text).group(1))
    c = int(re.search(r"like (\d+) centre point", text).group(1))
    d = ff(k)
    nb = len(d) // cap
    blocks = [[r for r in d if (np.prod(r) > 0) == (b == 0)] for b in range(nb)]
    runs = sum(len(b) + c for b in blocks)
    return runs, nb


L = lib(q)
add(3, q, "2^3 full factorial in 2 blocks of 4 (block on ABC) plus 1 centre point per block = 8 + 2 = 10 runs",
    ["doe_design"], [E("total runs", L[0], 2 ** 3 + 1 * 2, L[0], 0), E("blocks", L[1], 8 // 4, L[1], 0)])

# ---- 3-level gives levels not factor count, replicates
q = ("Full factorial on the lathe: spindle speed at 3 levels (1200, 1500, 1800 rpm) and feed at 3 levels "
     "(0.10, 0.20, 0.30 mm/rev), replicated twice. How many runs is that?")


def lib(text):
    lv = [int(v) for v in re.findall(r"at (\d+) levels", text)]
    rep = wnum(re.search(r"replicated (\w+)", text).group(1).replace("twice", "two"))
    return len(list(itertools.product(*[range(l) for l in lv]))) * rep


add(3, q, "3x3 full factorial (two factors, three levels each) x 2 replicates = 18 runs", ["doe_design"],
    [E("runs", lib(q), 3 ** 2 * 2, lib(q), 0)])

# ---- 2^4 with centre points; context numbers
q = ("For the 2025 campaign on reactor R-12 we'll run a 2^4 full factorial (catalyst load, temperature, "
     "pressure, stir rate) with 3 centre points added. Batch 4471 material throughout. Total number of runs?")


def lib(text):
    k = int(re.search(r"2\^(\d) full", text).group(1))
    c = int(re.search(r"with (\d+) centre", text).group(1))
    return len(ff(k)) + c


add(3, q, "2^4 = 16 factorial runs + 3 centre points = 19 (2025, R-12, 4471 are context)", ["doe_design"],
    [E("runs", lib(q), 16 + 3, lib(q), 0)])

# ---- CCD
q = ("I need a rotatable central composite design in three factors with 6 centre runs. "
     "How many runs, and what axial distance alpha?")


def lib(text):
    k = wnum(re.search(r"in (\w+) factors", text).group(1))
    c = int(re.search(r"with (\d+) centre", text).group(1))
    nf = len(ff(k))
    return nf + 2 * k + c, nf ** 0.25


L = lib(q)
add(3, q, "rotatable CCD, k=3: 8 cube + 6 axial + 6 centre = 20 runs, alpha = 8^(1/4) = 1.682",
    ["doe_design"], [E("runs", L[0], 8 + 6 + 6, L[0], 0),
                     E("alpha", L[1], float(mp.root(8, 4)), lib(q)[1], 0.005)])

# ---- sampling plan + summary X-bar R, context numbers
q = ("Line 4, since the March 2023 retool: every hour at :15 we pull 5 consecutive pins and measure diameter. "
     "Over the last 25 hourly subgroups the grand average is 12.486 mm and the average range is 0.041 mm. "
     "What are the X-bar and R chart control limits?")


def lib(text):
    n = int(re.search(r"pull (\d+) consecutive", text).group(1))
    xb = float(re.search(r"grand average is (" + NUM + ")", text).group(1))
    rb = float(re.search(r"average range is (" + NUM + ")", text).group(1))
    return xb + A2[n] * rb, xb - A2[n] * rb, D4[n] * rb


L = lib(q)
sig = 0.041 / d2[5]
add(3, q, "X-bar/R limits from summary: n=5 (A2=0.577, D4=2.114), xbarbar=12.486, Rbar=0.041; 25, 2023, :15, Line 4 are context",
    ["summary_chart", "control_chart"],
    [E("UCL xbar", L[0], 12.486 + 3 * sig / math.sqrt(5), L[0], tol=5e-4),
     E("LCL xbar", L[1], 12.486 - 3 * sig / math.sqrt(5), L[1], tol=5e-4),
     E("UCL R", L[2], 0.041 * (1 + 3 * d3[5] / d2[5]), L[2], 0.005, tol=5e-4)])


# ---- power: sample size two-sample
def power_hand(d, df, ncf, alpha=0.05):
    """two-sided t power via the noncentral t as a mixture over chi-square (mpmath quadrature)."""
    c = mp.mpf(t_ppf(1 - alpha / 2, df))
    delta = mp.mpf(d) * ncf
    k = mp.mpf(df)

    def dens(v):
        return v ** (k / 2 - 1) * mp.exp(-v / 2) / (2 ** (k / 2) * mp.gamma(k / 2))

    up = mp.quad(lambda v: dens(v) * mp.ncdf(delta - c * mp.sqrt(v / k)), [0, k, mp.inf])
    lo = mp.quad(lambda v: dens(v) * mp.ncdf(-delta - c * mp.sqrt(v / k)), [0, k, mp.inf])
    return float(up + lo)


q = ("We're comparing two coating suppliers on adhesion (independent panels). A difference of 3 N is worth "
     "knowing about; panel-to-panel SD is about 5 N. With alpha 0.05 two-sided and 90% power, how many panels "
     "per supplier?")


def lib(text):
    from statsmodels.stats.power import TTestIndPower
    delta = float(re.search(r"difference of (" + NUM + ") N", text).group(1))
    sd = float(re.search(r"SD is about (" + NUM + ") N", text).group(1))
    pw = float(re.search(r"(\d+)% power", text).group(1)) / 100
    return math.ceil(TTestIndPower().solve_power(delta / sd, alpha=0.05, power=pw))


n = lib(q)
ok = power_hand(0.6, 2 * n - 2, math.sqrt(n / 2)) >= 0.9 > power_hand(0.6, 2 * n - 4, math.sqrt((n - 1) / 2))
add(3, q, "two-sample t sample size, d = 3/5 = 0.6, alpha 0.05 two-sided, power 0.90 -> n per group (rounded up)",
    ["power"], [E("n per group", n, n if ok else -1, lib(q), 0.012)])

# ---- power of paired design at given n
q = ("Planned study: 12 operators each measure with both gauges (paired). We expect the mean difference to be "
     "1.5 um with an SD of the differences of 2.0 um. What power does that give at alpha = 0.05, two-sided?")


def lib(text):
    from statsmodels.stats.power import TTestPower
    n = int(re.search(r"(\d+) operators", text).group(1))
    md = float(re.search(r"difference to be (" + NUM + ")", text).group(1))
    sdd = float(re.search(r"differences of (" + NUM + ")", text).group(1))
    return TTestPower().power(md / sdd, nobs=n, alpha=0.05)


add(3, q, "paired t power: d = 1.5/2.0 = 0.75, n = 12 pairs (df 11), alpha 0.05 two-sided", ["power"],
    [E("power", lib(q), power_hand(0.75, 11, math.sqrt(12)), lib(q), 0.01)])

# ---- Plackett-Burman
q = ("Screening on the model 7700 press (installed 2024): eleven two-level factors, main effects only, "
     "as few runs as possible (Plackett-Burman). How many runs?")


def lib(text):
    k = wnum(re.search(r"press \(installed \d+\): (\w+) two-level", text).group(1))
    return 4 * math.ceil((k + 1) / 4)


add(3, q, "Plackett-Burman for 11 factors = 12 runs (7700 and 2024 are context)", ["doe_design"],
    [E("runs", lib(q), 12, lib(q), 0)])

# ---- half fraction of 5 factors + centre points
q = ("five factors, half fraction (2^(5-1)), plus 4 centre pts. total run count?")


def lib(text):
    k, p = map(int, re.search(r"2\^\((\d)-(\d)\)", text).groups())
    c = int(re.search(r"plus (\d+) centre", text).group(1))
    return len(ff(k - p)) + c


add(3, q, "2^(5-1) = 16 runs + 4 centre = 20", ["doe_design"], [E("runs", lib(q), 16 + 4, lib(q), 0)])

# ---- context numbers in prose around data
fw = [502.1, 499.8, 501.4, 503.0, 500.6, 498.9, 502.7, 501.1]
q = ("Line 3, shift starting 06:00 on 14 March 2025, operator badge 4471, filler head 2. Fill weights in grams "
     "were " + ", ".join(map(str, fw)) + ". Target is irrelevant for now - just give me the mean and the "
                                         "standard deviation.")


def lib(text):
    x = np.array(nums(text.split("grams were")[1].split(". Target")[0]))
    return x.mean(), x.std(ddof=1)


L = lib(q)
add(3, q, "mean and sample SD of the 8 fill weights only (line, time, date, badge, head numbers are context)",
    ["describe"], [E("mean", L[0], statistics.fmean(fw), L[0]), E("sd", L[1], statistics.stdev(fw), L[1])])
assert close(lib(q)[0], np.mean(fw), 1e-12)

# ---- Box-Behnken
q = ("Box-Behnken for 3 factors (pH, temperature, enzyme dose) with 3 centre points - how many runs?")


def lib(text):
    k = int(re.search(r"for (\d) factors", text).group(1))
    c = int(re.search(r"with (\d) centre", text).group(1))
    edges = list(itertools.combinations(range(k), 2))
    return len(edges) * 4 + c


add(3, q, "Box-Behnken k=3: 12 edge runs + 3 centre = 15", ["doe_design"], [E("runs", lib(q), 12 + 3, lib(q), 0)])

# ---- refusal: sample size without SD
add(3, "How many samples per group do I need to detect a 2 unit difference in mean hardness between two heat "
       "treatments with 90% power at the 5% level?",
    "sample size needs the standard deviation (or a standardized effect size); only the raw difference is given",
    [], [], refuse=True)

# =====================================================================
# KIND 4 -- maths
# =====================================================================
x, y = sp.symbols("x y")

# ---- derivative, misspelt
q = "diffrentiate f(x) = x^2*exp(-x/2)*ln(x) and tell me f'(3)"


def lib(text):
    f = pe(re.search(r"f\(x\) = (.+?) and", text).group(1))
    return float(sp.diff(f, x).subs(x, 3))


add(4, q, "f'(x) evaluated at x = 3", ["differentiate", "evaluate"],
    [E("f'(3)", lib(q), float(mp.diff(lambda t: t ** 2 * mp.exp(-t / 2) * mp.log(t), 3)), lib(q))])

# ---- mixed partial
q = "For f(x,y) = x^2 y^3 + e^(x y), find d2f/dxdy at x=1, y=0.5"


def lib(text):
    f = pe(re.search(r"= (.+?), find", text).group(1))
    return float(sp.diff(f, x, y).subs({x: 1, y: sp.Rational(1, 2)}))


add(4, q, "mixed partial f_xy = 6xy^2 + e^{xy}(1 + xy) at (1, 0.5)", ["differentiate", "evaluate"],
    [E("f_xy(1,0.5)", lib(q), float(mp.diff(lambda a, b: a ** 2 * b ** 3 + mp.exp(a * b), (1, 0.5), (1, 1))),
       lib(q))])

# ---- definite integral
q = "integral of sqrt(x)*ln(x) dx from 1 to 4"


def lib(text):
    m = re.search(r"integral of (.+?) dx from (\d+) to (\d+)", text)
    return float(sp.integrate(pe(m.group(1)), (x, int(m.group(2)), int(m.group(3)))))


add(4, q, "definite integral = (2/3)x^{3/2} ln x - (4/9) x^{3/2} from 1 to 4 = (16/3) ln 4 - 28/9", ["integrate"],
    [E("integral", lib(q), float(mp.quad(lambda t: mp.sqrt(t) * mp.log(t), [1, 4])), lib(q))])

# ---- improper integral
q = "What is the integral from 0 to infinity of x^2 e^(-3x)?"


def lib(text):
    f = pe(re.search(r"infinity of (.+?)\?", text).group(1))
    return float(sp.integrate(f, (x, 0, sp.oo)))


add(4, q, "improper integral = 2/27", ["integrate"],
    [E("integral", lib(q), float(mp.quad(lambda t: t ** 2 * mp.exp(-3 * t), [0, mp.inf])), lib(q))])

# ---- limit
q = "lim x->0 of (tan(2x) - 2x)/x^3 ?"


def lib(text):
    f = pe(re.search(r"of (.+?) \?", text).group(1))
    return float(sp.limit(f, x, 0))


mp.mp.dps = 80
hl = float((mp.tan(2 * mp.mpf("1e-15")) - 2 * mp.mpf("1e-15")) / mp.mpf("1e-15") ** 3)
mp.mp.dps = 40
add(4, q, "limit = 8/3", ["limit"], [E("limit", lib(q), hl, lib(q))])

# ---- series coefficient
q = "Expand e^x cos(x) about x = 0. What's the coefficient of x^4?"


def lib(text):
    f = pe(re.search(r"Expand (.+?) about", text).group(1))
    return float(sp.series(f, x, 0, 6).removeO().coeff(x, 4))


add(4, q, "Maclaurin coefficient of x^4 in e^x cos x = Re((1+i)^4)/4! = -1/6", ["series"],
    [E("coefficient x^4", lib(q), float(mp.taylor(lambda t: mp.exp(t) * mp.cos(t), 0, 4)[4]), lib(q))])

# ---- solve cubic
q = "solve 2x^3 - 3x^2 - 11x + 6 = 0"


def lib(text):
    f = pe(re.search(r"solve (.+?) = 0", text).group(1))
    return sorted(float(r) for r in sp.solve(f, x))


L = lib(q)
Hn = sorted(np.roots([2, -3, -11, 6]).real)
add(4, q, "roots -2, 1/2, 3", ["solve"], [E("root", L[i], Hn[i], lib(q)[i]) for i in range(3)])

# ---- linear system
Am = [[2, 1, -1], [1, -3, 2], [3, 2, 4]]
bv = [5, -2, 11]
q = ("Solve for a, b, c:\n  2a + b - c = 5\n  a - 3b + 2c = -2\n  3a + 2b + 4c = 11")


def lib(text):
    a, b, c = sp.symbols("a b c")
    eqs = [sp.Eq(pe(l.split("=")[0]), int(l.split("=")[1])) for l in text.splitlines()[1:]]
    s = sp.solve(eqs, [a, b, c])
    return [float(s[a]), float(s[b]), float(s[c])]


D = det_perm(Am)
cr = []
for j in range(3):
    Mj = [row[:] for row in Am]
    for i in range(3):
        Mj[i][j] = bv[i]
    cr.append(float(det_perm(Mj) / D))
L = lib(q)
add(4, q, "3x3 linear system solved exactly (Cramer's rule check)", ["solve", "matrix"],
    [E(n_, L[i], cr[i], lib(q)[i]) for i, n_ in enumerate("abc")])

# ---- determinant 4x4
M4 = [[3, -1, 2, 0], [1, 4, -2, 5], [0, 2, 1, -3], [2, 0, 3, 1]]
q = "what's the determinant of\n" + "\n".join("[" + " ".join(f"{v:>2}" for v in r) + "]" for r in M4)


def lib(text):
    rows = [[int(v) for v in r.split()] for r in re.findall(r"\[([-\d ]+)\]", text)]
    return int(sp.Matrix(rows).det())


add(4, q, "4x4 determinant", ["matrix"], [E("det", lib(q), int(det_perm(M4)), lib(q), 0)])

# ---- eigenvalues
M3 = [[4, 1, 0], [1, 3, 1], [0, 1, 2]]
q = "eigenvalues of the matrix [[4,1,0],[1,3,1],[0,1,2]] please"


def lib(text):
    m = json.loads(re.search(r"(\[\[.*\]\])", text).group(1))
    return sorted(float(sp.N(k)) for k in sp.Matrix(m).eigenvals())


L = lib(q)
Hn = sorted(np.linalg.eigvalsh(np.array(M3, float)))
add(4, q, "eigenvalues 3 - sqrt3, 3, 3 + sqrt3", ["matrix"], [E("eigenvalue", L[i], Hn[i], lib(q)[i]) for i in range(3)])

# ---- inverse
Mi = [[2, 0, 1], [1, 3, 2], [1, 1, 2]]
q = ("Invert this matrix (rows separated by semicolons): 2 0 1; 1 3 2; 1 1 2. "
     "I mainly need the four corner entries of the inverse, and the determinant.")


def lib(text):
    rows = [[int(v) for v in r.split()] for r in text.split("semicolons):")[1].split(".")[0].split(";")]
    m = sp.Matrix(rows)
    inv = m.inv()
    return float(inv[0, 0]), float(inv[2, 2]), float(inv[0, 2]), float(inv[2, 0]), int(m.det())


def minor(M, i, j):
    return [[M[r][c] for c in range(3) if c != j] for r in range(3) if r != i]


Dm = det_perm(Mi)
adj = lambda i, j: (-1) ** (i + j) * det_perm(minor(Mi, j, i))  # noqa: E731
L = lib(q)
add(4, q, "inverse = adj/det, det = 6; (inv)11 = 2/3, (inv)33 = 1, (inv)13 = -1/2, (inv)31 = -1/3", ["matrix"],
    [E("inv[1,1]", L[0], float(adj(0, 0) / Dm), lib(q)[0]), E("inv[3,3]", L[1], float(adj(2, 2) / Dm), lib(q)[1]),
     E("inv[1,3]", L[2], float(adj(0, 2) / Dm), lib(q)[2]), E("inv[3,1]", L[3], float(adj(2, 0) / Dm), lib(q)[3]),
     E("det", L[4], int(Dm), lib(q)[4], 0)])

# ---- refusal: determinant of a non-square matrix
add(4, "find the determinant of [[1, 2, 3], [4, 5, 6]]",
    "a 2x3 matrix is not square; the determinant is undefined", [], [], refuse=True)

# =====================================================================
# KIND 5 -- specific tests that must not be substituted
# =====================================================================

# ---- Wilcoxon signed-rank, paired
wx = [14.1, 15.3, 13.8, 16.0, 14.9, 15.5, 13.2, 14.6, 15.8, 14.4, 15.1]
wy = [14.9, 15.1, 15.0, 16.7, 15.2, 17.1, 14.6, 14.5, 16.2, 15.0, 16.4]
q = ("Paired data, method A (first number) vs method B (second) on the same 11 specimens:\n"
     + "\n".join(f"spec {i + 1}: {a:.1f} / {b:.1f}" for i, (a, b) in enumerate(zip(wx, wy)))
     + "\nPlease use the Wilcoxon signed-rank test on A - B.")


def lib(a, b):
    r = st.wilcoxon(a, b, method="exact")
    return r.statistic, r.pvalue


def parse(text):
    rr = re.findall(r"spec \d+: (" + NUM + ") / (" + NUM + ")", text)
    return [float(a) for a, b in rr], [float(b) for a, b in rr]


def wsr_hand(a, b):
    dd = [round(p - q_, 10) for p, q_ in zip(a, b)]
    assert all(v != 0 for v in dd)
    rk = ranks_noties([abs(v) for v in dd])
    wp = sum(rk[abs(v)] for v in dd if v > 0)
    n = len(dd)
    wm = n * (n + 1) / 2 - wp
    w = min(wp, wm)
    cnt = sum(1 for s in itertools.product([0, 1], repeat=n)
              if sum(i + 1 for i in range(n) if s[i]) <= w)
    return w, min(1.0, 2 * cnt / 2 ** n), wp


H = wsr_hand(wx, wy)
assert H[0] == H[2]  # W+ is the smaller sum: both conventions give the same statistic
L, R = lib(wx, wy), lib(*parse(q))
add(5, q, "Wilcoxon signed-rank test on the 11 paired differences, exact two-sided p; W+ = min(W+, W-)",
    ["wilcoxon_signed_rank"], [E("W", L[0], H[0], R[0]), E("p", L[1], H[1], R[1], 0.02)])

# ---- Kruskal-Wallis
kw = {"Supplier 1": [62.4, 58.1, 65.0, 60.3, 59.7, 63.8],
      "Supplier 2": [66.2, 68.9, 64.1, 70.4, 67.5],
      "Supplier 3": [57.2, 61.5, 55.8, 59.0, 56.6, 60.9, 58.8]}
q = ("Kruskal-Wallis please, not ANOVA. Elongation at break (%):\n"
     + "\n".join(f"{k}: {' '.join(map(str, v))}" for k, v in kw.items()))


def lib(groups):
    r = st.kruskal(*groups)
    return r.statistic, r.pvalue


def parse(text):
    return [nums(m) for m in re.findall(r"^Supplier \d: ([\d. ]+)$", text, re.M)]


groups = list(kw.values())
rk = ranks_noties([v for g in groups for v in g])
N = sum(map(len, groups))
Hh = 12 / (N * (N + 1)) * sum(sum(rk[v] for v in g) ** 2 / len(g) for g in groups) - 3 * (N + 1)
L, R = lib(groups), lib(parse(q))
add(5, q, "Kruskal-Wallis H (no ties) on 3 suppliers, chi-square p with df 2", ["kruskal_wallis"],
    [E("H", L[0], Hh, R[0]), E("p", L[1], p_chi2(Hh, 2), R[1], 0.02)])


# ---- Levene, median-centred (Brown-Forsythe)
def levene_hand(groups, center):
    z = [[abs(v - center(g)) for v in g] for g in groups]
    return oneway_hand(z)


bf = {"M1": [20.1, 20.4, 19.8, 20.2, 20.0, 19.9, 20.3],
      "M2": [19.2, 21.0, 20.6, 18.9, 21.4, 20.1, 19.5],
      "M3": [20.0, 20.5, 19.6, 20.9, 19.3, 20.2, 20.7]}
q = ("| machine | diameters (mm) |\n|---|---|\n" + "\n".join(f"| {k} | {', '.join(map(str, v))} |" for k, v in bf.items())
     + "\n\nAre the variances equal across machines? Use Levene's test centred on the group medians "
       "(Brown-Forsythe version).")


def lib(groups, center):
    r = st.levene(*groups, center=center)
    return r.statistic, r.pvalue


def parse(text):
    return [nums(m) for m in re.findall(r"^\| M\d \| ([\d., ]+) \|$", text, re.M)]


groups = list(bf.values())
H = levene_hand(groups, statistics.median)
L, R = lib(groups, "median"), lib(parse(q), "median")
add(5, q, "Brown-Forsythe (median-centred Levene) test of equal variances, 3 groups", ["levene"],
    [E("W (Levene statistic)", L[0], H[0], R[0]), E("p", L[1], H[1], R[1], 0.02)])

# ---- Levene, mean-centred
lv = {"before": [5.2, 4.8, 5.9, 4.1, 6.3, 5.5, 4.6, 5.0], "after": [5.1, 5.3, 4.9, 5.2, 5.4, 5.0, 5.2, 4.8]}
q = ("Has the spread changed since the new controller went in? before: " + ", ".join(map(str, lv["before"]))
     + " | after: " + ", ".join(map(str, lv["after"]))
     + ". Run the original Levene test (deviations from the group means).")


def parse(text):
    a = nums(text.split("before:")[1].split("|")[0])
    b = nums(text.split("after:")[1].split(". Run")[0])
    return [a, b]


groups = list(lv.values())
H = levene_hand(groups, mean)
L, R = lib(groups, "mean"), lib(parse(q), "mean")
add(5, q, "Levene test with mean centring on the two groups (two-sided test of equal variances)", ["levene"],
    [E("W (Levene statistic)", L[0], H[0], R[0]), E("p", L[1], H[1], R[1], 0.02)])

# ---- Fisher exact, one-sided
q = ("New flux: 7 of 25 joints failed pull test. Old flux: 1 of 24 failed. "
     "Fisher's exact test, one-sided - is the failure rate higher with the new flux?")


def lib(text):
    f1, n1 = map(int, re.search(r"New flux: (\d+) of (\d+)", text).groups())
    f2, n2 = map(int, re.search(r"Old flux: (\d+) of (\d+)", text).groups())
    return st.fisher_exact([[f1, n1 - f1], [f2, n2 - f2]], alternative="greater").pvalue


tot_f, N = 8, 49
ph = sum(Fraction(math.comb(25, k) * math.comb(24, tot_f - k), math.comb(N, tot_f)) for k in range(7, 9))
add(5, q, "Fisher exact test on [[7,18],[1,23]], one-sided (new flux worse): P(X >= 7) hypergeometric",
    ["proportion_test", "chi_square"], [E("one-sided p", lib(q), float(ph), lib(q), 0.02)])

# ---- exact binomial two-sided with p0 = 0.5
q = ("In a blind taste panel 15 of 20 tasters preferred the reformulated sauce. Exact binomial test "
     "against 50/50, two-sided?")


def lib(text):
    xk, n = map(int, re.search(r"(\d+) of (\d+)", text).groups())
    return st.binomtest(xk, n, 0.5).pvalue


ph = float(2 * sum(Fraction(math.comb(20, k), 2 ** 20) for k in range(15, 21)))
add(5, q, "exact binomial, x=15, n=20, p0=0.5, two-sided (symmetric so all two-sided conventions agree)",
    ["proportion_test"], [E("p", lib(q), ph, lib(q), 0.02)])

# ---- pooled Student t
pa = [71.2, 69.8, 72.5, 70.4, 73.1, 68.9, 71.7]
pb_ = [73.8, 72.6, 74.9, 71.9, 75.2, 73.3, 74.0, 72.8]
q = ("Batch A: " + " ".join(map(str, pa)) + "\nBatch B: " + " ".join(map(str, pb_))
     + "\nhistorically the two reactors have the same variance, so use the pooled-variance two sample t test "
       "(student, not welch).")


def lib(a, b):
    r = st.ttest_ind(a, b, equal_var=True)
    return abs(r.statistic), r.pvalue


def parse(text):
    return (nums(text.split("Batch A:")[1].split("\n")[0]), nums(text.split("Batch B:")[1].split("\n")[0]))


sp2 = (6 * var(pa) + 7 * var(pb_)) / 13
th = (mean(pa) - mean(pb_)) / math.sqrt(sp2 * (1 / 7 + 1 / 8))
L, R = lib(pa, pb_), lib(*parse(q))
add(5, q, "pooled two-sample Student t-test, df = 13", ["t_test"],
    [E("|t|", L[0], abs(th), R[0]), E("p", L[1], p_t2(th, 13), R[1], 0.02)])

# ---- two-way ANOVA, cells in a markdown grid
g2 = {("Op1", "G1"): [10.2, 10.4], ("Op1", "G2"): [10.6, 10.9],
      ("Op2", "G1"): [10.0, 9.8], ("Op2", "G2"): [10.1, 10.3],
      ("Op3", "G1"): [10.5, 10.7], ("Op3", "G2"): [11.2, 11.0]}
q = ("two-way ANOVA with interaction please (operator x gauge, 2 repeat readings per cell):\n\n"
     "| operator | gauge G1 | gauge G2 |\n|---|---|---|\n" + "\n".join(
         f"| {o} | {g2[(o, 'G1')][0]}, {g2[(o, 'G1')][1]} | {g2[(o, 'G2')][0]}, {g2[(o, 'G2')][1]} |"
         for o in ["Op1", "Op2", "Op3"]))


def lib2(cells):
    rows_ = [(a, b, v) for (a, b), vs in cells.items() for v in vs]
    return lib_tw(rows_)


def lib_tw(rows_):
    import pandas as pd
    import statsmodels.formula.api as smf
    from statsmodels.stats.anova import anova_lm
    df = pd.DataFrame(rows_, columns=["a", "b", "y"])
    t = anova_lm(smf.ols("y ~ C(a)*C(b)", df).fit(), typ=2)
    return tuple(t["F"][:3]) + tuple(t["PR(>F)"][:3])


def parse(text):
    cells = {}
    for o, c1, c2 in re.findall(r"^\| (Op\d) \| ([\d., ]+) \| ([\d., ]+) \|$", text, re.M):
        cells[(o, "G1")] = nums(c1)
        cells[(o, "G2")] = nums(c2)
    return cells


H = twoway_hand(g2)
L, R = lib2(g2), lib2(parse(q))
add(5, q, "balanced two-way ANOVA operator (3) x gauge (2) with interaction, 2 replicates, error df 6",
    ["anova_twoway", "doe_anova"],
    [E("F operator", L[0], H[0], R[0]), E("F gauge", L[1], H[1], R[1]), E("F interaction", L[2], H[2], R[2]),
     E("p operator", L[3], H[3], R[3], 0.02), E("p gauge", L[4], H[4], R[4], 0.02),
     E("p interaction", L[5], H[5], R[5], 0.02)])

# ---- chi-square with Yates
yt2 = [[18, 32], [9, 41]]
q = ("Chi-square test on this 2x2, with Yates' continuity correction:\n\n"
     "           late  on_time\nroute N      18       32\nroute S       9       41")


def lib(t, corr):
    r = st.chi2_contingency(np.array(t), correction=corr)
    return r[0], r[1]


def parse(text):
    return [[int(a), int(b)] for a, b in re.findall(r"^route \w\s+(\d+)\s+(\d+)$", text, re.M)]


def chi_hand(t, yates):
    T = np.array(t, float)
    Eh = np.outer(T.sum(1), T.sum(0)) / T.sum()
    dev = np.abs(T - Eh) - (0.5 if yates else 0)
    c = float((dev ** 2 / Eh).sum())
    return c, p_chi2(c, 1)


H = chi_hand(yt2, True)
L, R = lib(yt2, True), lib(parse(q), True)
add(5, q, "2x2 chi-square test of independence WITH Yates' correction", ["chi_square"],
    [E("chi-square (Yates)", L[0], H[0], R[0]), E("p", L[1], H[1], R[1], 0.02)])

# ---- chi-square without Yates
yt3 = [[44, 16], [31, 29]]
q = ("vaccinated/not vs infected/not, 2x2 counts: vaccinated 44 not infected, 16 infected; unvaccinated 31 not "
     "infected, 29 infected. Pearson chi-square, do NOT apply any continuity correction.")


def parse(text):
    a = re.search(r"vaccinated (\d+) not infected, (\d+) infected", text).groups()
    b = re.search(r"unvaccinated (\d+) not infected, (\d+) infected", text).groups()
    return [[int(a[0]), int(a[1])], [int(b[0]), int(b[1])]]


H = chi_hand(yt3, False)
L, R = lib(yt3, False), lib(parse(q), False)
add(5, q, "2x2 Pearson chi-square WITHOUT continuity correction", ["chi_square"],
    [E("chi-square", L[0], H[0], R[0]), E("p", L[1], H[1], R[1], 0.02)])

# ---- Wilcoxon rank-sum (= Mann-Whitney) by name
ra = [4.2, 3.1, 5.6, 2.8, 4.9, 3.7]
rb = [6.1, 5.2, 7.4, 4.5, 6.8, 5.9, 8.3]
q = ("wilcoxon rank-sum test (two independent groups) for these repair times in hours. "
     f"team red: {', '.join(map(str, ra))}; team blue: {', '.join(map(str, rb))}")


def parse(text):
    return (nums(text.split("team red:")[1].split(";")[0]), nums(text.split("team blue:")[1]))


H = mw_hand(ra, rb)
L = st.mannwhitneyu(ra, rb, method="exact")
R = st.mannwhitneyu(*parse(q), method="exact")
assert L.statistic <= len(ra) * len(rb) / 2
add(5, q, "Wilcoxon rank-sum = Mann-Whitney (NOT signed-rank), exact two-sided p; U(red) = min(U1,U2)",
    ["mann_whitney"], [E("U", L.statistic, H[0], R.statistic), E("p", L.pvalue, H[1], R.pvalue, 0.02)])

# ---- refusal: paired t on unequal, unmatched samples
add(5, "Run a paired t-test on these: shift 1 = 8.1, 7.9, 8.4, 8.0, 8.3, 7.8, 8.2, 8.5; "
       "shift 2 = 8.6, 8.2, 8.7, 8.4, 8.9, 8.3, 8.8",
    "a paired t-test needs matched pairs; the samples have 8 and 7 values and no pairing, so it cannot be done as asked",
    [], [], refuse=True)

# =====================================================================
# output
# =====================================================================
assert len({qq["question"] for qq in QS}) == len(QS)
with open(os.path.join(HERE, "round20.jsonl"), "w") as f:
    for i, qq in enumerate(QS):
        rec = {"id": f"w{i + 1:02d}", "kind": qq["kind"], "question": qq["question"], "intent": qq["intent"],
               "tools": qq["tools"], "expect": qq["expect"], "refuse": qq["refuse"]}
        f.write(json.dumps(rec, ensure_ascii=False) + "\n")
cnt = {}
for qq in QS:
    cnt[qq["kind"]] = cnt.get(qq["kind"], 0) + 1
print("questions:", len(QS), "by kind:", dict(sorted(cnt.items())),
      "refusals:", sum(qq["refuse"] for qq in QS))
