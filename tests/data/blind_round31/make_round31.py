#!/usr/bin/env python
"""Generator for blind evaluation round 31 (70 questions, ids y01..y70).
Every data set lives here; each question is rendered from its data, re-parsed by its own
parser, computed with library routines (a), re-computed independently by hand (b),
and mutation-tested (c). Any failed assertion stops the script."""
import os, re, json, math, copy, hashlib, itertools
from fractions import Fraction as Fr
import numpy as np
from scipy import stats
import statsmodels.api as sm
import statsmodels.formula.api as smf
from statsmodels.stats.anova import anova_lm
from statsmodels.stats.oneway import anova_oneway
from statsmodels.stats.proportion import proportions_ztest
from statsmodels.stats.power import TTestIndPower, TTestPower, NormalIndPower, FTestAnovaPower
import sympy as sp
import mpmath as mp
import pandas as pd

mp.mp.dps = 30
HERE = os.path.dirname(os.path.abspath(__file__))
rng = np.random.default_rng(31313131)
TOOLS = {ln.split()[0] for ln in open(os.path.join(HERE, 'TOOLS.txt')) if ln.strip()}

R_STAT, R_P, R_INT = 0.005, 0.02, 0
QS = []

def r1(a): return [round(float(v), 1) for v in a]
def r2(a): return [round(float(v), 2) for v in a]
def f(v, d): return f"{v:.{d}f}"
NUM = r'-?\d+(?:\.\d+)?'
def nums(s): return [float(x) for x in re.findall(NUM, s)]

def Q(id, kind, tools, intent, data, render, parse, compute, hand, refuse=False,
      defect=None, offsets=None):
    QS.append(dict(id=id, kind=kind, tools=tools, intent=intent, data=data, render=render,
                   parse=parse, compute=compute, hand=hand, refuse=refuse, defect=defect,
                   offsets=offsets or {}))

# ---------- generic helpers ----------
def leaves(d, path=()):
    if isinstance(d, dict):
        for k in d:
            yield from leaves(d[k], path + (k,))
    elif isinstance(d, (list, tuple)):
        for i, v in enumerate(d):
            yield from leaves(v, path + (i,))
    elif isinstance(d, (int, float)) and not isinstance(d, bool):
        yield path, d

def setleaf(d, path, v):
    for k in path[:-1]:
        d = d[k]
    d[path[-1]] = v

def same(a, b):
    if isinstance(a, dict):
        return isinstance(b, dict) and a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    if isinstance(a, (list, tuple)):
        return isinstance(b, (list, tuple)) and len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    if isinstance(a, (int, float)) and not isinstance(a, bool):
        return isinstance(b, (int, float)) and abs(a - b) <= 1e-9 * max(1, abs(a))
    return a == b

def close(a, b, rel):
    if rel == 0:
        return a == b
    return abs(a - b) <= rel * max(abs(a), abs(b), 1e-300)

# ---------- SPC constants (standard tables) ----------
SPC = {  # n: A2, D3, D4, d2, A3, B3, B4, c4
 2: ('1.880', '0', '3.267', '1.128', '2.659', '0', '3.267', '0.7979'),
 3: ('1.023', '0', '2.574', '1.693', '1.954', '0', '2.568', '0.8862'),
 4: ('0.729', '0', '2.282', '2.059', '1.628', '0', '2.266', '0.9213'),
 5: ('0.577', '0', '2.114', '2.326', '1.427', '0', '2.089', '0.9400'),
 6: ('0.483', '0', '2.004', '2.534', '1.287', '0.030', '1.970', '0.9515'),
 7: ('0.419', '0.076', '1.924', '2.704', '1.182', '0.118', '1.882', '0.9594'),
 8: ('0.373', '0.136', '1.864', '2.847', '1.099', '0.185', '1.815', '0.9650'),
 9: ('0.337', '0.184', '1.816', '2.970', '1.032', '0.239', '1.761', '0.9693'),
 10: ('0.308', '0.223', '1.777', '3.078', '0.975', '0.284', '1.716', '0.9727'),
}
def const(n, name, exact=False):
    i = ['A2', 'D3', 'D4', 'd2', 'A3', 'B3', 'B4', 'c4'].index(name)
    return Fr(SPC[n][i]) if exact else float(SPC[n][i])

# ---------- exact / mpmath helpers for hand checks ----------
def M(v): return mp.mpf(v.numerator) / v.denominator if isinstance(v, Fr) else mp.mpf(v)
def t_sf(t, df):  # P(T > t) via regularized incomplete beta
    t = M(t); df = M(df)
    x = df / (df + t * t)
    tail = mp.betainc(df / 2, mp.mpf(1) / 2, 0, x, regularized=True) / 2
    return tail if t > 0 else 1 - tail
def t_two(t, df): return float(2 * t_sf(abs(t), df))
def f_sf(F, d1, d2):
    x = M(d2) / (M(d2) + M(d1) * M(F))
    return float(mp.betainc(mp.mpf(d2) / 2, mp.mpf(d1) / 2, 0, x, regularized=True))
def chi2_sf(x, df): return float(mp.gammainc(M(df) / 2, M(x) / 2, mp.inf, regularized=True))
def norm_sf(z): return float(mp.ncdf(-M(z)))
def fmean(xs): return sum(Fr(str(x)) for x in xs) / len(xs)
def fss(xs):
    m = fmean(xs); return sum((Fr(str(x)) - m) ** 2 for x in xs)
def fvar(xs): return fss(xs) / (len(xs) - 1)
def msqrt(q): return float(mp.sqrt(mp.mpf(q.numerator) / q.denominator))
def ranks(vals):
    s = sorted(vals); r = []
    for v in vals:
        lo = s.index(v); hi = len(s) - 1 - s[::-1].index(v)
        r.append(Fr(lo + hi + 2, 2))
    return r
def signrank_dist(n):  # counts of W+ = w over 2^n sign patterns
    c = [1]
    for k in range(1, n + 1):
        new = [0] * (len(c) + k)
        for w, v in enumerate(c):
            new[w] += v; new[w + k] += v
        c = new
    return c
def ranksum_dist(m, n):  # counts of U (0..mn) for no ties, by recursion on (m,n)
    from functools import lru_cache
    @lru_cache(None)
    def g(m, n):
        if m == 0 or n == 0:
            return (1,)
        a = g(m - 1, n); b = g(m, n - 1)
        out = [0] * (m * n + 1)
        for u, v in enumerate(a): out[u + n] += v
        for u, v in enumerate(b): out[u] += v
        return tuple(out)
    return g(m, n)
def mahonian(n):  # inversion counts distribution
    c = [1]
    for k in range(2, n + 1):
        new = [0] * (len(c) + k - 1)
        for i, v in enumerate(c):
            for j in range(k): new[i + j] += v
        c = new
    return c
def noncentral_t_power(df, delta, tcrit, two=True):
    # P(T' > tcrit) + P(T' < -tcrit); T' = (Z+delta)/sqrt(V/df)
    df = mp.mpf(df)
    def dens(v): return mp.exp((df / 2 - 1) * mp.log(v) - v / 2 - (df / 2) * mp.log(2) - mp.loggamma(df / 2))
    def up(v): return dens(v) * mp.ncdf(delta - tcrit * mp.sqrt(v / df))
    def lo(v): return dens(v) * mp.ncdf(-tcrit * mp.sqrt(v / df) - delta)
    p = mp.quad(up, [0, df, mp.inf])
    if two: p += mp.quad(lo, [0, df, mp.inf])
    return float(p)
def noncentral_f_sf(x, d1, d2, lam):
    x = mp.mpf(x); s = mp.mpf(0)
    y = d1 * x / (d1 * x + d2)
    for j in range(0, 400):
        w = mp.exp(-lam / 2 + j * mp.log(lam / 2) - mp.loggamma(j + 1))
        s += w * (1 - mp.betainc(mp.mpf(d1) / 2 + j, mp.mpf(d2) / 2, 0, y, regularized=True))
        if j > lam and w < mp.mpf(10) ** -25: break
    return float(s)

# ======================= KIND 1: tables =======================
# y01 paired t from CSV with operator names
NAMES8 = ['Alvarez', 'Brennan', 'Chowdhury', 'Dubois', 'Eriksen', 'Fontaine', 'Gallo', 'Haddad']
_b = r1(rng.normal(14.0, 1.5, 8)); _a = r1(np.array(_b) - rng.normal(0.6, 0.7, 8))
def rd01(d):
    rows = '\n'.join(f"{n},{f(b,1)},{f(a,1)}" for n, b, a in zip(NAMES8, d['before'], d['after']))
    return ("Assembly time per unit (min) for each operator, measured in the week before and the week after the "
            "new fixture training (cell 4, Q3 2024):\n\noperator,before_min,after_min\n" + rows +
            "\n\nSame operators in both columns. Did the training change the time? Two-sided paired t-test, "
            "give t and the p-value.")
def pa01(t):
    rows = re.findall(r'^([A-Za-z]+),(' + NUM + r'),(' + NUM + r')$', t, re.M)
    return {'before': [float(r[1]) for r in rows], 'after': [float(r[2]) for r in rows]}
def cp01(d):
    r = stats.ttest_rel(d['before'], d['after'])
    return [('|t|', abs(r.statistic), R_STAT), ('p', r.pvalue, R_P)]
def hd01(d):
    diff = [Fr(str(b)) - Fr(str(a)) for b, a in zip(d['before'], d['after'])]
    n = len(diff); m = sum(diff) / n; v = sum((x - m) ** 2 for x in diff) / (n - 1)
    t = float(m) / msqrt(v / n)
    return [abs(t), t_two(t, n - 1)]
Q('y01', 1, ['t_test'], 'paired t-test on before/after columns (differences before-after), two-sided',
  {'before': _b, 'after': _a}, rd01, pa01, cp01, hd01)

# y02 label -> count, uniform goodness of fit
DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday']
_c = [int(x) for x in rng.poisson(34, 5)]
def rd02(d):
    rows = '\n'.join(f"{n} -> {c}" for n, c in zip(DAYS, d['c']))
    return ("returned-goods complaints logged per weekday over weeks 10-22 of 2025:\n\n" + rows +
            "\n\nis there any evidence the complaints are not spread evenly over the five days? chi-square goodness of fit vs equal counts")
def pa02(t):
    return {'c': [int(x) for x in re.findall(r'^\w+day -> (\d+)$', t, re.M)]}
def cp02(d):
    r = stats.chisquare(d['c'])
    return [('chi2', r.statistic, R_STAT), ('p', r.pvalue, R_P), ('df', len(d['c']) - 1, R_INT)]
def hd02(d):
    e = Fr(sum(d['c']), len(d['c'])); x = sum((c - e) ** 2 / e for c in d['c'])
    return [float(x), chi2_sf(x, len(d['c']) - 1), len(d['c']) - 1]
Q('y02', 1, ['chi_square'], 'chi-square goodness of fit of 5 weekday counts against equal expected counts',
  {'c': _c}, rd02, pa02, cp02, hd02)

# y03 p chart with varying n (markdown), limits for a named lot
LOTS3 = [f"L-{2041 + i}" for i in range(12)]
_n3 = [int(x) for x in rng.integers(180, 320, 12)]
_d3 = [int(x) for x in rng.binomial(_n3, 0.06)]
K3 = 6  # lot L-2047
def rd03(d):
    rows = '\n'.join(f"| {l} | {n} | {c} |" for l, n, c in zip(LOTS3, d['n'], d['d']))
    return ("Final inspection, connector housings. Lot sizes differ.\n\n| Lot | Inspected | Defective |\n|---|---|---|\n" + rows +
            f"\n\nSet up a p chart (3-sigma). What is the centre line, and what are the UCL and LCL for lot {LOTS3[K3]}?")
def pa03(t):
    rows = re.findall(r'^\| (L-\d+) \| (\d+) \| (\d+) \|$', t, re.M)
    return {'n': [int(r[1]) for r in rows], 'd': [int(r[2]) for r in rows]}
def cp03(d):
    n = np.array(d['n']); c = np.array(d['d']); p = c.sum() / n.sum()
    s = np.sqrt(p * (1 - p) / n[K3])
    return [('centre line', p, R_STAT), ('UCL', p + 3 * s, R_STAT), ('LCL', p - 3 * s, R_STAT)]
def hd03(d):
    p = Fr(sum(d['d']), sum(d['n'])); s = msqrt(p * (1 - p) / d['n'][K3])
    return [float(p), float(p) + 3 * s, float(p) - 3 * s]
Q('y03', 1, ['control_chart'], 'p chart with varying n: pbar = total defective / total inspected; limits use n of lot L-2047',
  {'n': _n3, 'd': _d3}, rd03, pa03, cp03, hd03)

# y04 u chart, TSV, area units
_a4 = r1(rng.uniform(8, 16, 10)); _c4 = [int(x) for x in rng.poisson(np.array(_a4) * 0.9)]
K4 = 3
def rd04(d):
    rows = '\n'.join(f"R{i + 1}\t{f(a,1)}\t{c}" for i, (a, c) in enumerate(zip(d['a'], d['c'])))
    return ("roll\tarea_m2\tblemishes\n" + rows +
            f"\n\nRolls are different sizes so I guess a u chart. Centre line (blemishes per m2) and the upper limit for roll R{K4 + 1}?")
def pa04(t):
    rows = re.findall(r'^R\d+\t(' + NUM + r')\t(\d+)$', t, re.M)
    return {'a': [float(r[0]) for r in rows], 'c': [int(r[1]) for r in rows]}
def cp04(d):
    a = np.array(d['a']); c = np.array(d['c']); u = c.sum() / a.sum()
    return [('centre line', u, R_STAT), ('UCL', u + 3 * np.sqrt(u / a[K4]), R_STAT)]
def hd04(d):
    u = Fr(sum(d['c'])) / sum(Fr(str(a)) for a in d['a'])
    return [float(u), float(u) + 3 * msqrt(u / Fr(str(d['a'][K4])))]
Q('y04', 1, ['control_chart'], 'u chart: ubar = total defects / total area; UCL for roll R4 with its own area',
  {'a': _a4, 'c': _c4}, rd04, pa04, cp04, hd04)

# y05 aligned predictor/response -> regression
_x5 = [150, 160, 170, 180, 190, 200, 210, 220, 230]
_y5 = r1(40 + 0.18 * np.array(_x5) + rng.normal(0, 1.6, 9))
def rd05(d):
    rows = '\n'.join(f"{x:>8d}   {f(y,1):>8}" for x, y in zip(d['x'], d['y']))
    return ("Cure temperature vs bond strength, oven 2\n\n  temp_C   strength_MPa\n" + rows +
            "\n\nFit strength = a + b*temp by least squares. slope, intercept, and Pearson r?")
def pa05(t):
    rows = re.findall(r'^\s+(\d+)\s+(' + NUM + r')$', t, re.M)
    return {'x': [int(r[0]) for r in rows], 'y': [float(r[1]) for r in rows]}
def cp05(d):
    m = sm.OLS(d['y'], sm.add_constant(np.array(d['x'], float))).fit()
    return [('slope', m.params[1], R_STAT), ('intercept', m.params[0], R_STAT),
            ('r', stats.pearsonr(d['x'], d['y'])[0], R_STAT)]
def hd05(d):
    X = [Fr(x) for x in d['x']]; Y = [Fr(str(y)) for y in d['y']]
    mx = sum(X) / len(X); my = sum(Y) / len(Y)
    sxy = sum((a - mx) * (b - my) for a, b in zip(X, Y)); sxx = sum((a - mx) ** 2 for a in X)
    syy = sum((b - my) ** 2 for b in Y); b = sxy / sxx
    return [float(b), float(my - b * mx), float(sxy) / msqrt(sxx * syy)]
Q('y05', 1, ['regression', 'correlation'], 'simple linear regression of strength on temperature; slope, intercept and r',
  {'x': _x5, 'y': _y5}, rd05, pa05, cp05, hd05)

# y06 contingency markdown
COLS6 = ['Scratch', 'Dent', 'Misalign', 'Other']; ROWS6 = ['Day', 'Evening', 'Night']
_t6 = [[int(x) for x in rng.poisson(l)] for l in ([30, 18, 12, 9], [26, 20, 15, 8], [22, 13, 24, 11])]
def rd06(d):
    hdr = '| Shift | ' + ' | '.join(COLS6) + ' |\n|---|' + '---|' * 4 + '\n'
    rows = '\n'.join(f"| {r} | " + ' | '.join(str(v) for v in row) + ' |' for r, row in zip(ROWS6, d['t']))
    return ("Is defect type related to shift? Counts from the Line 7 audit:\n\n" + hdr + rows +
            "\n\nChi-square test of independence; I need the statistic, df and p.")
def pa06(t):
    rows = re.findall(r'^\| (?:Day|Evening|Night) \| (\d+) \| (\d+) \| (\d+) \| (\d+) \|$', t, re.M)
    return {'t': [[int(v) for v in r] for r in rows]}
def cp06(d):
    r = stats.chi2_contingency(d['t'], correction=False)
    return [('chi2', r[0], R_STAT), ('df', int(r[2]), R_INT), ('p', r[1], R_P)]
def hd06(d):
    T = d['t']; N = sum(map(sum, T)); rs = [sum(r) for r in T]; cs = [sum(c) for c in zip(*T)]
    x = sum((Fr(T[i][j]) - Fr(rs[i] * cs[j], N)) ** 2 / Fr(rs[i] * cs[j], N) for i in range(3) for j in range(4))
    return [float(x), 6, chi2_sf(x, 6)]
Q('y06', 1, ['chi_square'], 'chi-square test of independence on a 3x4 shift-by-defect-type table',
  {'t': _t6}, rd06, pa06, cp06, hd06)

# y07 long format CSV -> one-way ANOVA
G7 = {'SupA': 6, 'SupB': 5, 'SupC': 7, 'SupD': 6}
_v7 = {g: r2(rng.normal(mu, 0.35, n)) for (g, n), mu in zip(G7.items(), [5.1, 5.4, 5.0, 5.5])}
def rd07(d):
    rows = []
    for g in G7:
        rows += [f"{g},{f(v,2)}" for v in d[g]]
    return ("supplier,viscosity_Pa_s\n" + '\n'.join(rows) +
            "\n\n^ one row per drum. one-way ANOVA across the four suppliers - F and p?")
def pa07(t):
    out = {g: [] for g in G7}
    for g, v in re.findall(r'^(Sup[A-D]),(' + NUM + r')$', t, re.M):
        out[g].append(float(v))
    return out
def cp07(d):
    df = pd.DataFrame([(g, v) for g in G7 for v in d[g]], columns=['g', 'y'])
    a = anova_lm(smf.ols('y ~ C(g)', df).fit())
    return [('F', a['F'].iloc[0], R_STAT), ('p', a['PR(>F)'].iloc[0], R_P)]
def hd07(d):
    allv = [v for g in G7 for v in d[g]]; gm = fmean(allv); N = len(allv); k = len(G7)
    ssb = sum(len(d[g]) * (fmean(d[g]) - gm) ** 2 for g in G7); ssw = sum(fss(d[g]) for g in G7)
    F = (ssb / (k - 1)) / (ssw / (N - k))
    return [float(F), f_sf(F, k - 1, N - k)]
Q('y07', 1, ['anova_oneway'], 'one-way ANOVA on long-format supplier/value rows (4 groups, unequal n)',
  _v7, rd07, pa07, cp07, hd07)

# y08 X-bar R chart from hourly subgroups (time labels to ignore)
HOURS = [f"{h:02d}:00" for h in range(6, 16)]
_s8 = [r2(rng.normal(25.0, 0.05, 5) * 1) for _ in range(10)]
def rd08(d):
    rows = '\n'.join(f"{h}  " + '  '.join(f(v,2) for v in s) for h, s in zip(HOURS, d['s']))
    return ("Shaft OD (mm), five consecutive parts pulled every hour on press 12:\n\n" + rows +
            "\n\nBuild an X-bar/R chart. What are the X-bar UCL and LCL and the R chart UCL?")
def pa08(t):
    rows = re.findall(r'^\d\d:\d\d((?:\s+' + NUM + r'){5})$', t, re.M)
    return {'s': [[float(v) for v in r.split()] for r in rows]}
def cp08(d):
    s = np.array(d['s']); xb = s.mean(axis=1).mean(); rb = np.ptp(s, axis=1).mean()
    return [('UCL X-bar', xb + const(5, 'A2') * rb, R_STAT), ('LCL X-bar', xb - const(5, 'A2') * rb, R_STAT),
            ('UCL R', const(5, 'D4') * rb, R_STAT)]
def hd08(d):
    xb = sum(fmean(s) for s in d['s']) / len(d['s'])
    rb = sum(Fr(str(max(s))) - Fr(str(min(s))) for s in d['s']) / len(d['s'])
    A2 = const(5, 'A2', True); D4 = const(5, 'D4', True)
    return [float(xb + A2 * rb), float(xb - A2 * rb), float(D4 * rb)]
Q('y08', 1, ['control_chart'], 'X-bar/R chart, n=5 subgroups in rows labelled by hour; A2=0.577, D4=2.114',
  {'s': _s8}, rd08, pa08, cp08, hd08)

# y09 label: count with stated expected percentages
GR9 = ['Grade A', 'Grade B', 'Grade C', 'Reject']
_c9 = [int(x) for x in rng.multinomial(260, [0.47, 0.33, 0.14, 0.06])]
_p9 = [50, 30, 15, 5]
def rd09(d):
    rows = '\n'.join(f"{g}: {c}" for g, c in zip(GR9, d['c']))
    pr = ', '.join(f"{p}%" for p in d['p'])
    return ("Sorted output from the new grading line, shift of 14 March:\n" + rows +
            f"\nThe spec sheet says the split should be {pr} (A, B, C, reject). Does the observed split fit? chi-square GOF")
def pa09(t):
    c = [int(x) for x in re.findall(r'^(?:Grade [ABC]|Reject): (\d+)$', t, re.M)]
    p = [int(x) for x in re.findall(r'(\d+)%', t)]
    return {'c': c, 'p': p}
def cp09(d):
    e = np.array(d['p']) / 100 * sum(d['c'])
    r = stats.chisquare(d['c'], e)
    return [('chi2', r.statistic, R_STAT), ('p', r.pvalue, R_P)]
def hd09(d):
    N = sum(d['c']); assert sum(d['p']) == 100
    x = sum((c - Fr(p * N, 100)) ** 2 / Fr(p * N, 100) for c, p in zip(d['c'], d['p']))
    return [float(x), chi2_sf(x, 3)]
Q('y09', 1, ['chi_square'], 'chi-square goodness of fit, expected = stated percentages x total',
  {'c': _c9, 'p': _p9}, rd09, pa09, cp09, hd09)

# y10 long TSV -> Kruskal-Wallis
G10 = ['nozzle_1', 'nozzle_2', 'nozzle_3']
_v10 = {g: r2(rng.normal(mu, 0.6, n)) for g, mu, n in zip(G10, [3.2, 3.9, 3.5], [6, 7, 6])}
def rd10(d):
    rows = '\n'.join(f"{g}\t{f(v,2)}" for g in G10 for v in d[g])
    return ("Spray thickness (um) by nozzle, don't think it's normal.\n\nnozzle\tthickness\n" + rows +
            "\n\nKruskal-Wallis please: H (no tie correction needed, no ties) and the chi-square approximation p.")
def pa10(t):
    out = {g: [] for g in G10}
    for g, v in re.findall(r'^(nozzle_\d)\t(' + NUM + r')$', t, re.M):
        out[g].append(float(v))
    return out
def cp10(d):
    r = stats.kruskal(*[d[g] for g in G10])
    return [('H', r.statistic, R_STAT), ('p', r.pvalue, R_P)]
def hd10(d):
    allv = [v for g in G10 for v in d[g]]; rk = ranks(allv); N = len(allv)
    H = Fr(12, N * (N + 1)) * sum((sum(rk[i] for i in range(len(allv)) if allv[i] in d[g] and i in idx) ** 2) / len(d[g])
                                  for g, idx in [(g, set(range(sum(len(d[h]) for h in G10[:G10.index(g)]),
                                                           sum(len(d[h]) for h in G10[:G10.index(g) + 1])))) for g in G10]) - 3 * (N + 1)
    return [float(H), chi2_sf(H, 2)]
Q('y10', 1, ['kruskal_wallis'], 'Kruskal-Wallis on long-format nozzle/thickness rows, chi-square approximation p',
  _v10, rd10, pa10, cp10, hd10)

# y11 Wilcoxon signed-rank, paired columns with person names
NAMES10 = ['Ines', 'Jakub', 'Kwame', 'Lena', 'Marco', 'Nadia', 'Oskar', 'Priya', 'Quentin', 'Rosa']
_l11 = r2(rng.normal(38, 5, 10)); _r11 = r2(np.array(_l11) + rng.normal(1.6, 1.5, 10))
def rd11(d):
    rows = '\n'.join(f"{n:<9} {f(a,2):>6} {f(b,2):>6}" for n, a, b in zip(NAMES10, d['old'], d['new']))
    return ("Each tester rated both handle designs (grip score). Paired, but the differences look skewed so "
            "use the Wilcoxon signed-rank test, exact two-sided p, and report the smaller rank sum.\n\n"
            "tester     old    new\n" + rows)
def pa11(t):
    rows = re.findall(r'^([A-Z][a-z]+)\s+(' + NUM + r')\s+(' + NUM + r')$', t, re.M)
    return {'old': [float(r[1]) for r in rows], 'new': [float(r[2]) for r in rows]}
def cp11(d):
    r = stats.wilcoxon(d['old'], d['new'], method='exact')
    return [('W', r.statistic, R_STAT), ('p', r.pvalue, R_P)]
def hd11(d):
    df_ = [Fr(str(b)) - Fr(str(a)) for a, b in zip(d['old'], d['new'])]
    df_ = [x for x in df_ if x != 0]; n = len(df_)
    rk = ranks([abs(x) for x in df_]); assert all(r.denominator == 1 for r in rk)
    wp = sum(r for r, x in zip(rk, df_) if x > 0); wm = sum(r for r, x in zip(rk, df_) if x < 0)
    w = int(min(wp, wm)); dist = signrank_dist(n)
    p = min(1, 2 * Fr(sum(dist[:w + 1]), 2 ** n))
    return [w, float(p)]
Q('y11', 1, ['wilcoxon_signed_rank'], 'Wilcoxon signed-rank on paired old/new columns, exact two-sided p, W = min(W+, W-)',
  {'old': _l11, 'new': _r11}, rd11, pa11, cp11, hd11)

# y12 REFUSAL: p chart data where one lot has more defectives than inspected
_n12 = [int(x) for x in rng.integers(40, 60, 8)]; _d12 = [int(x) for x in rng.binomial(_n12, 0.08)]
_d12[5] = _n12[5] + 9
def rd12(d):
    rows = '\n'.join(f"W{i + 18},{n},{c}" for i, (n, c) in enumerate(zip(d['n'], d['d'])))
    return ("week,inspected,defective\n" + rows + "\n\np-chart limits for each week please (3 sigma)")
def pa12(t):
    rows = re.findall(r'^W\d+,(\d+),(\d+)$', t, re.M)
    return {'n': [int(r[0]) for r in rows], 'd': [int(r[1]) for r in rows]}
Q('y12', 1, ['control_chart'], 'REFUSE: week W23 lists more defectives than items inspected (impossible proportion > 1)',
  {'n': _n12, 'd': _d12}, rd12, pa12, None, None, refuse=True,
  defect=lambda d, t: any(c > n for n, c in zip(d['n'], d['d'])) and 'defective' in t)

# y13 np chart, constant n stated once
_n13 = 150; _d13 = [int(x) for x in rng.binomial(150, 0.07, 15)]
def rd13(d):
    rows = '\n'.join(f"Batch {i + 301:<5d}{c:>4d} defective" for i, c in enumerate(d['d']))
    return (f"we check {d['n']} pieces from every batch (go/no-go gauge). Counts:\n" + rows +
            "\nwhat are the np chart centre line and 3-sigma limits?")
def pa13(t):
    n = int(re.search(r'we check (\d+) pieces', t).group(1))
    return {'n': n, 'd': [int(x) for x in re.findall(r'^Batch \d+\s+(\d+) defective$', t, re.M)]}
def cp13(d):
    p = np.mean(d['d']) / d['n']; c = d['n'] * p; s = np.sqrt(c * (1 - p))
    return [('centre line', c, R_STAT), ('UCL', c + 3 * s, R_STAT), ('LCL', c - 3 * s, R_STAT)]
def hd13(d):
    p = Fr(sum(d['d']), len(d['d']) * d['n']); c = d['n'] * p; s = msqrt(c * (1 - p))
    return [float(c), float(c) + 3 * s, float(c) - 3 * s]
Q('y13', 1, ['control_chart'], 'np chart with constant n=150: centre n*pbar, limits n*pbar +- 3 sqrt(n pbar (1-pbar))',
  {'n': _n13, 'd': _d13}, rd13, pa13, cp13, hd13)

# y14 two-way ANOVA, long-format CSV, balanced 3x2x3
OPS = ['Ana', 'Ben', 'Cleo']; MCH = ['M1', 'M2']
_eff = {('Ana', 'M1'): 0.0, ('Ana', 'M2'): 0.25, ('Ben', 'M1'): 0.1, ('Ben', 'M2'): 0.05, ('Cleo', 'M1'): 0.3, ('Cleo', 'M2'): -0.1}
_v14 = {f"{o}|{m}": r2(rng.normal(2.0 + _eff[(o, m)], 0.12, 3)) for o in OPS for m in MCH}
def rd14(d):
    rows = '\n'.join(f"{k.split('|')[0]},{k.split('|')[1]},{f(v,2)}" for k in d for v in d[k])
    return ("Coating thickness study (3 operators x 2 machines x 3 repeats):\n\noperator,machine,thickness_mils\n" + rows +
            "\n\nTwo-way ANOVA with interaction. What's the F for the operator x machine interaction and its p?")
def pa14(t):
    out = {f"{o}|{m}": [] for o in OPS for m in MCH}
    for o, m, v in re.findall(r'^(Ana|Ben|Cleo),(M[12]),(' + NUM + r')$', t, re.M):
        out[f"{o}|{m}"].append(float(v))
    return out
def cp14(d):
    df = pd.DataFrame([(k.split('|')[0], k.split('|')[1], v) for k in d for v in d[k]], columns=['o', 'm', 'y'])
    a = anova_lm(smf.ols('y ~ C(o)*C(m)', df).fit(), typ=2)
    return [('F interaction', a.loc['C(o):C(m)', 'F'], R_STAT), ('p interaction', a.loc['C(o):C(m)', 'PR(>F)'], R_P)]
def hd14(d):
    allv = [v for k in d for v in d[k]]; gm = fmean(allv)
    cm = {k: fmean(d[k]) for k in d}
    om = {o: fmean([v for m in MCH for v in d[f"{o}|{m}"]]) for o in OPS}
    mm = {m: fmean([v for o in OPS for v in d[f"{o}|{m}"]]) for m in MCH}
    ssi = sum(3 * (cm[f"{o}|{m}"] - om[o] - mm[m] + gm) ** 2 for o in OPS for m in MCH)
    sse = sum(fss(d[k]) for k in d)
    F = (ssi / 2) / (sse / 12)
    return [float(F), f_sf(F, 2, 12)]
Q('y14', 1, ['anova_twoway'], 'balanced two-way ANOVA with interaction on long-format rows; interaction F and p (df 2, 12)',
  _v14, rd14, pa14, cp14, hd14)

# ======================= KIND 2: intent in wording =======================
# y15 Mann-Whitney exact, "don't assume normality"
_a15 = r1(rng.normal(61, 4, 8)); _b15 = r1(rng.normal(66, 5, 9))
def rd15(d):
    return ("Cycle times (s), line A: " + ', '.join(f(v,1) for v in d['A']) +
            "\nline B: " + ', '.join(f(v,1) for v in d['B']) +
            "\nWe can't assume normality here (small samples, skewed history). Compare the two lines with a rank test, "
            "exact two-sided p; report U for line A.")
def pa15(t):
    A = re.search(r'line A: ([^\n]+)', t).group(1); B = re.search(r'line B: ([^\n]+)', t).group(1)
    return {'A': nums(A), 'B': nums(B)}
def cp15(d):
    r = stats.mannwhitneyu(d['A'], d['B'], alternative='two-sided', method='exact')
    return [('U', r.statistic, R_STAT), ('p', r.pvalue, R_P)]
def hd15(d):
    allv = d['A'] + d['B']; assert len(set(allv)) == len(allv)
    rk = ranks(allv); m, n = len(d['A']), len(d['B'])
    U1 = int(sum(rk[:m]) - Fr(m * (m + 1), 2)); u = min(U1, m * n - U1)
    dist = ranksum_dist(m, n)
    return [U1, float(min(1, 2 * Fr(sum(dist[:u + 1]), sum(dist))))]
Q('y15', 2, ['mann_whitney'], 'Mann-Whitney U (no normality), exact two-sided p; U for line A',
  {'A': _a15, 'B': _b15}, rd15, pa15, cp15, hd15)

# y16 one-sample t against a stated nominal
_x16 = r2(rng.normal(25.04, 0.06, 12))
def rd16(d):
    return ("Bore diameters from this morning's first-off parts (job 5521, machine 3), mm:\n" +
            ' '.join(f(v,2) for v in d['x']) + f"\nDrawing nominal is {f(d['mu'],2)} mm. Are we centred on nominal? two-sided t, give t and p.")
def pa16(t):
    body = t.split('mm:\n')[1].split('\n')[0]
    return {'x': nums(body), 'mu': float(re.search(r'nominal is (' + NUM + ') mm', t).group(1))}
def cp16(d):
    r = stats.ttest_1samp(d['x'], d['mu'])
    return [('t', r.statistic, R_STAT), ('p', r.pvalue, R_P)]
def hd16(d):
    m = fmean(d['x']) - Fr(str(d['mu'])); t = float(m) / msqrt(fvar(d['x']) / len(d['x']))
    return [t, t_two(t, len(d['x']) - 1)]
Q('y16', 2, ['t_test'], 'one-sample t-test against nominal 25.00 (t = (xbar - 25.00)/(s/sqrt n)), two-sided',
  {'x': _x16, 'mu': 25.00}, rd16, pa16, cp16, hd16)

# y17 regression after excluding a named point
_x17 = [2, 4, 6, 8, 10, 12, 14, 16, 18]
_y17 = r1(5 + 1.3 * np.array(_x17) + rng.normal(0, 0.8, 9)); _y17[6] = round(_y17[6] + 9.0, 1)
def rd17(d):
    rows = '\n'.join(f"run {i + 1}: dose {x} g/L, response {f(y,1)}" for i, (x, y) in enumerate(zip(d['x'], d['y'])))
    return (rows + "\n\nRun 7 is bad (the probe was out of the bath), leave it out. Then regress response on dose: slope and intercept?")
def pa17(t):
    rows = re.findall(r'^run \d+: dose (' + NUM + r') g/L, response (' + NUM + r')$', t, re.M)
    return {'x': [int(r[0]) for r in rows], 'y': [float(r[1]) for r in rows]}
def cp17(d):
    x = [v for i, v in enumerate(d['x']) if i != 6]; y = [v for i, v in enumerate(d['y']) if i != 6]
    r = stats.linregress(x, y)
    return [('slope', r.slope, R_STAT), ('intercept', r.intercept, R_STAT)]
def hd17(d):
    X = [Fr(v) for i, v in enumerate(d['x']) if i != 6]; Y = [Fr(str(v)) for i, v in enumerate(d['y']) if i != 6]
    mx = sum(X) / len(X); my = sum(Y) / len(Y)
    b = sum((a - mx) * (c - my) for a, c in zip(X, Y)) / sum((a - mx) ** 2 for a in X)
    return [float(b), float(my - b * mx)]
Q('y17', 2, ['regression'], 'simple regression after dropping run 7 (8 points left)',
  {'x': _x17, 'y': _y17}, rd17, pa17, cp17, hd17)

# y18 c chart (defect counts on identical units)
_c18 = [int(x) for x in rng.poisson(12, 20)]
def rd18(d):
    return ("Solder defects found per board, boards all the same type (PCB rev C), last 20 boards: " +
            ', '.join(str(c) for c in d['c']) + ". Which chart, and what are its centre line and control limits?")
def pa18(t):
    return {'c': [int(x) for x in re.search(r'last 20 boards: ([\d, ]+)\.', t).group(1).split(', ')]}
def cp18(d):
    c = np.mean(d['c'])
    return [('centre line', c, R_STAT), ('UCL', c + 3 * np.sqrt(c), R_STAT), ('LCL', c - 3 * np.sqrt(c), R_STAT)]
def hd18(d):
    c = Fr(sum(d['c']), len(d['c'])); s = msqrt(c)
    return [float(c), float(c) + 3 * s, float(c) - 3 * s]
Q('y18', 2, ['control_chart'], 'c chart for defect counts per identical board: cbar +- 3 sqrt(cbar)',
  {'c': _c18}, rd18, pa18, cp18, hd18)

# y19 I-MR from a wrapped stream (one reading per batch)
_x19 = r1(rng.normal(72.0, 1.1, 20))
def rd19(d):
    s = ' '.join(f(v,1) for v in d['x'])
    import textwrap
    return ("one viscosity reading per batch (can't subgroup, batches are hours apart), in time order:\n" +
            textwrap.fill(s, 40) + "\nindividuals and moving range chart limits pls (MR of 2)")
def pa19(t):
    return {'x': nums(t.split('in time order:\n')[1].split('\nindividuals')[0])}
def cp19(d):
    x = np.array(d['x']); mr = np.abs(np.diff(x)).mean(); m = x.mean()
    return [('UCL individuals', m + 2.660 * mr, R_STAT), ('LCL individuals', m - 2.660 * mr, R_STAT),
            ('UCL moving range', 3.267 * mr, R_STAT)]
def hd19(d):
    X = [Fr(str(v)) for v in d['x']]; m = sum(X) / len(X)
    mr = sum(abs(X[i + 1] - X[i]) for i in range(len(X) - 1)) / (len(X) - 1)
    return [float(m + Fr('2.660') * mr), float(m - Fr('2.660') * mr), float(Fr('3.267') * mr)]
Q('y19', 2, ['control_chart'], 'I-MR chart: mean +- 2.660*MRbar, MR UCL = 3.267*MRbar',
  {'x': _x19}, rd19, pa19, cp19, hd19)

# y20 Ppk from summary figures (overall vs within sigma)
def rd20(d):
    return (f"Spec {f(d['lsl'],2)} to {f(d['usl'],2)} mm. From the 125-part run study: mean {f(d['m'],3)} mm, "
            f"overall (long-term) standard deviation {f(d['so'],4)}, within-subgroup sigma {f(d['sw'],4)}. "
            "I need the performance indices, Pp and Ppk, not Cp/Cpk.")
def pa20(t):
    g = re.search(r'Spec (' + NUM + ') to (' + NUM + r') mm.*?mean (' + NUM + r') mm, overall \(long-term\) standard deviation (' + NUM +
                  r'), within-subgroup sigma (' + NUM + ')', t, re.S).groups()
    return {'lsl': float(g[0]), 'usl': float(g[1]), 'm': float(g[2]), 'so': float(g[3]), 'sw': float(g[4])}
def cp20(d):
    pp = (d['usl'] - d['lsl']) / (6 * d['so']); ppk = min(d['usl'] - d['m'], d['m'] - d['lsl']) / (3 * d['so'])
    return [('Pp', pp, R_STAT), ('Ppk', ppk, R_STAT)]
def hd20(d):
    F = {k: Fr(str(v)) for k, v in d.items()}
    return [float((F['usl'] - F['lsl']) / (6 * F['so'])), float(min(F['usl'] - F['m'], F['m'] - F['lsl']) / (3 * F['so']))]
Q('y20', 2, ['summary_capability', 'capability'], 'Pp and Ppk use the overall SD (0.0410), not the within sigma',
  {'lsl': 12.40, 'usl': 12.60, 'm': 12.532, 'so': 0.0410, 'sw': 0.0330}, rd20, pa20, cp20, hd20)

# y21 Cpk from X-bar/R summary (sigma = Rbar/d2)
def rd21(d):
    return (f"x-bar/R chart is stable, subgroups of {d['n']}, grand mean {f(d['m'],3)}, R-bar {f(d['rb'],3)}. "
            f"Tolerance {f(d['lsl'],2)} - {f(d['usl'],2)}. estimate Cpk using sigma from R-bar/d2")
def pa21(t):
    g = re.search(r'subgroups of (\d+), grand mean (' + NUM + r'), R-bar (' + NUM + r')\. Tolerance (' + NUM + ') - (' + NUM + ')', t).groups()
    return {'n': int(g[0]), 'm': float(g[1]), 'rb': float(g[2]), 'lsl': float(g[3]), 'usl': float(g[4])}
def cp21(d):
    s = d['rb'] / const(d['n'], 'd2')
    return [('Cpk', min(d['usl'] - d['m'], d['m'] - d['lsl']) / (3 * s), R_STAT), ('sigma within', s, R_STAT)]
def hd21(d):
    s = Fr(str(d['rb'])) / const(d['n'], 'd2', True); m = Fr(str(d['m']))
    return [float(min(Fr(str(d['usl'])) - m, m - Fr(str(d['lsl']))) / (3 * s)), float(s)]
Q('y21', 2, ['summary_capability', 'spc_constants'], 'Cpk with sigma = Rbar/d2 (d2=2.326 for n=5)',
  {'n': 5, 'm': 8.012, 'rb': 0.094, 'lsl': 7.90, 'usl': 8.10}, rd21, pa21, cp21, hd21)

# y22 curvature test with centre points
_f22 = r1(rng.normal(60, 4, 4)); _c22 = r1(rng.normal(64.5, 1.0, 4))
def rd22(d):
    lab = ['(-,-)', '(+,-)', '(-,+)', '(+,+)']
    rows = '\n'.join(f"  {l}  {f(v,1)}" for l, v in zip(lab, d['f']))
    return ("2^2 on temperature and time, one run per corner:\n" + rows +
            "\nplus centre points (both factors mid-level): " + ', '.join(f(v,1) for v in d['c']) +
            "\nIs there curvature? Single-df curvature test against pure error from the centre points: SS, F and p.")
def pa22(t):
    return {'f': [float(x) for x in re.findall(r'^\s+\([+-],[+-]\)\s+(' + NUM + ')$', t, re.M)],
            'c': nums(re.search(r'mid-level\): ([^\n]+)', t).group(1))}
def cp22(d):
    X = [(-1, -1), (1, -1), (-1, 1), (1, 1)] + [(0, 0)] * len(d['c'])
    df = pd.DataFrame({'A': [a for a, b in X], 'B': [b for a, b in X], 'ctr': [0] * 4 + [1] * len(d['c']),
                       'y': d['f'] + d['c']})
    m = smf.ols('y ~ A*B + ctr', df).fit(); a = anova_lm(m, typ=2)
    return [('SS curvature', a.loc['ctr', 'sum_sq'], R_STAT), ('F', a.loc['ctr', 'F'], R_STAT), ('p', a.loc['ctr', 'PR(>F)'], R_P)]
def hd22(d):
    nf, nc = len(d['f']), len(d['c'])
    ss = Fr(nf * nc, nf + nc) * (fmean(d['f']) - fmean(d['c'])) ** 2; F = ss / fvar(d['c'])
    return [float(ss), float(F), f_sf(F, 1, nc - 1)]
Q('y22', 2, ['doe_curvature'], 'curvature SS = nF nC (ybarF - ybarC)^2/(nF+nC), F vs centre-point variance (1, 3 df)',
  {'f': _f22, 'c': _c22}, rd22, pa22, cp22, hd22)

# y23 one-sided claim, one-sample t
_x23 = r1(rng.normal(48.8, 2.0, 10))
def rd23(d):
    return (f"The supplier claims the mean breaking strength is at least {d['mu']} N. Our incoming test of 10 straps "
            "(PO 7781, received 2 May): " + '; '.join(f(v,1) for v in d['x']) +
            ". Is the mean below the claim? one-sided one-sample t, give t and p.")
def pa23(t):
    return {'mu': int(re.search(r'at least (\d+) N', t).group(1)),
            'x': nums(re.search(r'2 May\): ([^\n]+?)\. Is', t).group(1))}
def cp23(d):
    r = stats.ttest_1samp(d['x'], d['mu'], alternative='less')
    return [('t', r.statistic, R_STAT), ('p (one-sided)', r.pvalue, R_P)]
def hd23(d):
    t = float(fmean(d['x']) - d['mu']) / msqrt(fvar(d['x']) / len(d['x']))
    return [t, float(1 - t_sf(t, len(d['x']) - 1))]
Q('y23', 2, ['t_test'], 'one-sample t vs 50, lower-tailed p (H1: mean < 50)',
  {'mu': 50, 'x': _x23}, rd23, pa23, cp23, hd23)

# y24 Welch ("not the pooled one")
_a24 = r2(rng.normal(3.1, 0.2, 9)); _b24 = r2(rng.normal(3.35, 0.55, 11))
def rd24(d):
    return ("old resin: " + ' '.join(f(v,2) for v in d['a']) + "\nnew resin: " + ' '.join(f(v,2) for v in d['b']) +
            "\npeel strength N/mm. two-sample t-test but not the pooled one, the spreads clearly differ. t, df and p")
def pa24(t):
    return {'a': nums(re.search(r'old resin: ([^\n]+)', t).group(1)), 'b': nums(re.search(r'new resin: ([^\n]+)', t).group(1))}
def cp24(d):
    r = stats.ttest_ind(d['a'], d['b'], equal_var=False)
    return [('|t|', abs(r.statistic), R_STAT), ('df', r.df, R_STAT), ('p', r.pvalue, R_P)]
def hd24(d):
    va, vb = fvar(d['a']) / len(d['a']), fvar(d['b']) / len(d['b'])
    t = float(fmean(d['a']) - fmean(d['b'])) / msqrt(va + vb)
    df = (va + vb) ** 2 / (va ** 2 / (len(d['a']) - 1) + vb ** 2 / (len(d['b']) - 1))
    return [abs(t), float(df), t_two(t, float(df))]
Q('y24', 2, ['t_test'], 'Welch two-sample t (unequal variances), Satterthwaite df',
  {'a': _a24, 'b': _b24}, rd24, pa24, cp24, hd24)

# y25 pooled t from summary figures
def rd25(d):
    return (f"Two catalysts. A: n = {d['n1']}, mean yield {f(d['m1'],2)} %, s = {f(d['s1'],2)}. "
            f"B: n = {d['n2']}, mean yield {f(d['m2'],2)} %, s = {f(d['s2'],2)}. "
            "Past work says the variances are equal, so use the pooled-variance t-test (two-sided). t and p?")
def pa25(t):
    g = re.findall(r'n = (\d+), mean yield (' + NUM + r') %, s = (' + NUM + ')', t)
    return {'n1': int(g[0][0]), 'm1': float(g[0][1]), 's1': float(g[0][2]), 'n2': int(g[1][0]), 'm2': float(g[1][1]), 's2': float(g[1][2])}
def cp25(d):
    r = stats.ttest_ind_from_stats(d['m1'], d['s1'], d['n1'], d['m2'], d['s2'], d['n2'], equal_var=True)
    return [('|t|', abs(r.statistic), R_STAT), ('p', r.pvalue, R_P)]
def hd25(d):
    F = {k: Fr(str(v)) for k, v in d.items()}
    sp2 = ((F['n1'] - 1) * F['s1'] ** 2 + (F['n2'] - 1) * F['s2'] ** 2) / (F['n1'] + F['n2'] - 2)
    t = float(F['m1'] - F['m2']) / msqrt(sp2 * (1 / F['n1'] + 1 / F['n2']))
    return [abs(t), t_two(t, d['n1'] + d['n2'] - 2)]
Q('y25', 2, ['summary_t_test'], 'pooled two-sample t from summary statistics, df = n1+n2-2',
  {'n1': 14, 'm1': 78.42, 's1': 3.15, 'n2': 12, 'm2': 81.05, 's2': 2.87}, rd25, pa25, cp25, hd25)

# y26 REFUSAL: Cpk with no spread information
def rd26(d):
    return (f"We measured {d['n']} shafts last week, average diameter {f(d['m'],3)} mm. "
            f"Limits are {f(d['lsl'],2)} / {f(d['usl'],2)} mm. What's our Cpk?")
def pa26(t):
    g = re.search(r'measured (\d+) shafts.*?average diameter (' + NUM + r') mm\. Limits are (' + NUM + ') / (' + NUM + ')', t).groups()
    return {'n': int(g[0]), 'm': float(g[1]), 'lsl': float(g[2]), 'usl': float(g[3])}
Q('y26', 2, ['summary_capability'], 'REFUSE: Cpk needs a standard deviation / range; only mean, n and limits are given',
  {'n': 40, 'm': 19.987, 'lsl': 19.95, 'usl': 20.05}, rd26, pa26, None, None, refuse=True,
  defect=lambda d, t: not re.search(r'standard deviation|sigma|\bs\s*=|range|spread|variance', t, re.I))

# y27 Welch ANOVA
_v27 = {'A': r1(rng.normal(20, 0.8, 8)), 'B': r1(rng.normal(21.5, 2.5, 8)), 'C': r1(rng.normal(20.6, 1.4, 9))}
def rd27(d):
    return ('\n'.join(f"mould {g}: " + ', '.join(f(v,1) for v in d[g]) for g in 'ABC') +
            "\nShrinkage x1000. Do the three moulds differ on average? Don't assume equal variances - the spreads look very different. F and p.")
def pa27(t):
    return {g: nums(re.search(r'mould ' + g + r': ([^\n]+)', t).group(1)) for g in 'ABC'}
def cp27(d):
    r = anova_oneway([d[g] for g in 'ABC'], use_var='unequal')
    return [('F', r.statistic, R_STAT), ('p', r.pvalue, R_P)]
def hd27(d):
    k = 3; w = {g: Fr(len(d[g])) / fvar(d[g]) for g in 'ABC'}; W = sum(w.values())
    mw = sum(w[g] * fmean(d[g]) for g in 'ABC') / W
    A = sum(w[g] * (fmean(d[g]) - mw) ** 2 for g in 'ABC') / (k - 1)
    lam = sum((1 - w[g] / W) ** 2 / (len(d[g]) - 1) for g in 'ABC')
    B = 1 + Fr(2 * (k - 2), k * k - 1) * lam
    F = A / B; df2 = (k * k - 1) / (3 * lam)
    return [float(F), f_sf(F, k - 1, float(df2))]
Q('y27', 2, ['anova_oneway'], "Welch's one-way ANOVA (unequal variances)", _v27, rd27, pa27, cp27, hd27)

# y28 one-sided exact binomial
def rd28(d):
    return (f"Vendor says no more than {d['p0']}% of the clips are out of spec. We sampled {d['n']} from lot 2024-118 "
            f"and found {d['k']} bad. Exact binomial test of whether the true rate is higher than claimed - p?")
def pa28(t):
    g = re.search(r'no more than (\d+)% .*?sampled (\d+) from lot \S+ and found (\d+) bad', t).groups()
    return {'p0': int(g[0]), 'n': int(g[1]), 'k': int(g[2])}
def cp28(d):
    r = stats.binomtest(d['k'], d['n'], d['p0'] / 100, alternative='greater')
    return [('p (one-sided)', r.pvalue, R_P), ('sample proportion', d['k'] / d['n'], R_STAT)]
def hd28(d):
    p = Fr(d['p0'], 100); n = d['n']
    return [float(sum(math.comb(n, i) * p ** i * (1 - p) ** (n - i) for i in range(d['k'], n + 1))), float(Fr(d['k'], n))]
Q('y28', 2, ['proportion_test'], 'exact binomial, H1: p > 0.02, upper-tail p', {'p0': 2, 'n': 260, 'k': 10}, rd28, pa28, cp28, hd28)

# ======================= KIND 3: numbers in prose with roles =======================
def full2(k): return np.array(list(itertools.product([-1, 1], repeat=k)))
def words_resolution_from_matrix(M):  # smallest set of columns whose product is constant
    k = M.shape[1]
    for L in range(1, k + 1):
        for cols in itertools.combinations(range(k), L):
            if abs(np.prod(M[:, cols], axis=1).sum()) == M.shape[0]:
                return L
    return None

# y29 full factorial with replicates and centre points; room/year to ignore
def rd29(d):
    return (f"Planning a DOE in room 214 for the 2023 audit: {d['k']} factors (pressure, temperature, dwell), each at "
            f"{d['L']} levels, full factorial, {d['r']} replicates, plus {d['c']} centre points. How many runs in total?")
def pa29(t):
    g = re.search(r'(\d+) factors .*?each at (\d+) levels, full factorial, (\d+) replicates, plus (\d+) centre points', t).groups()
    return dict(zip(['k', 'L', 'r', 'c'], map(int, g)))
def cp29(d):
    M = np.array(list(itertools.product(range(d['L']), repeat=d['k'])))
    return [('runs', int(len(M) * d['r'] + d['c']), R_INT)]
def hd29(d): return [d['L'] ** d['k'] * d['r'] + d['c']]
Q('y29', 3, ['doe_design'], '2^3 full factorial x 2 replicates + 4 centre points (room 214, 2023 ignored)',
  {'k': 3, 'L': 2, 'r': 2, 'c': 4}, rd29, pa29, cp29, hd29)

# y30 fractional factorial with generators and centre points
GEN30 = {'E': 'ABC', 'F': 'BCD'}
def rd30(d):
    return (f"Six factors A-F, quarter fraction i.e. 2^(6-2), generators E = ABC and F = BCD, and we add {d['c']} "
            "centre points at the end. Total number of runs, and the resolution of the fraction?")
def pa30(t):
    return {'c': int(re.search(r'add (\d+) centre points', t).group(1))}
def design30():
    B = full2(4); cols = {ch: B[:, i] for i, ch in enumerate('ABCD')}
    for g, w in GEN30.items():
        cols[g] = np.prod([cols[ch] for ch in w], axis=0)
    return np.column_stack([cols[ch] for ch in 'ABCDEF'])
def cp30(d):
    M = design30()
    defining = [set(w) | {g} for g, w in GEN30.items()]
    allw = [defining[0], defining[1], defining[0] ^ defining[1]]
    return [('runs', int(len(M) + d['c']), R_INT), ('resolution', min(len(w) for w in allw), R_INT)]
def hd30(d): return [2 ** (6 - 2) + d['c'], words_resolution_from_matrix(design30())]
Q('y30', 3, ['doe_design', 'doe_properties'], '2^(6-2) with E=ABC, F=BCD: 16 runs + 3 centre points; I=ABCE=BCDF=ADEF -> resolution IV',
  {'c': 3}, rd30, pa30, cp30, hd30)

# y31 blocked 2^k from a daily capacity
def rd31(d):
    return (f"We want a full 2^{d['k']} factorial on the coating line but the line can only do {d['cap']} runs per day, "
            "so each day has to be a block. Start is Monday 3 June, lab B12. How many runs and how many blocks?")
def pa31(t):
    g = re.search(r'full 2\^(\d+) factorial .*?only do (\d+) runs per day', t).groups()
    return {'k': int(g[0]), 'cap': int(g[1])}
def cp31(d):
    M = full2(d['k']); chunks = np.array_split(np.arange(len(M)), int(math.ceil(len(M) / d['cap'])))
    return [('runs', int(len(M)), R_INT), ('blocks', len(chunks), R_INT)]
def hd31(d): return [2 ** d['k'], 2 ** d['k'] // d['cap']]
Q('y31', 3, ['doe_design'], 'blocked 2^5: 32 runs, blocks = 32/8 per day = 4 (date, lab ignored)',
  {'k': 5, 'cap': 8}, rd31, pa31, cp31, hd31)

# y32 Box-Behnken
def bbd(k, c):
    rows = []
    for i, j in itertools.combinations(range(k), 2):
        for a, b in itertools.product([-1, 1], repeat=2):
            r = [0] * k; r[i] = a; r[j] = b; rows.append(r)
    return np.array(rows + [[0] * k] * c)
def rd32(d):
    return (f"box behnken for {d['k']} factors w/ {d['c']} centre pts - how many runs is that? (it's for the 2025 budget, "
            "cost is 350 per run)")
def pa32(t):
    g = re.search(r'box behnken for (\d+) factors w/ (\d+) centre pts', t).groups()
    return {'k': int(g[0]), 'c': int(g[1])}
def cp32(d): return [('runs', int(len(bbd(d['k'], d['c']))), R_INT)]
def hd32(d): return [2 * d['k'] * (d['k'] - 1) + d['c']]
Q('y32', 3, ['doe_design'], 'Box-Behnken k=4: 24 edge runs + 3 centre = 27 (budget numbers ignored)',
  {'k': 4, 'c': 3}, rd32, pa32, cp32, hd32)

# y33 CCD, rotatable
def rd33(d):
    return (f"Central composite design, {d['k']} factors, full 2-level factorial core, axial points set for rotatability, "
            f"{d['c']} centre points. Number of runs and the axial distance alpha (coded units)?")
def pa33(t):
    g = re.search(r'Central composite design, (\d+) factors.*?, (\d+) centre points', t).groups()
    return {'k': int(g[0]), 'c': int(g[1])}
def cp33(d):
    k = d['k']; F = full2(k).astype(float); a = len(F) ** 0.25
    ax = np.vstack([s * a * np.eye(k)[i] for i in range(k) for s in (-1, 1)])
    M = np.vstack([F, ax, np.zeros((d['c'], k))])
    return [('runs', int(len(M)), R_INT), ('alpha', a, R_STAT)]
def hd33(d): return [2 ** d['k'] + 2 * d['k'] + d['c'], float(mp.root(2 ** d['k'], 4))]
Q('y33', 3, ['doe_design'], 'rotatable CCD k=3: 8+6+6 = 20 runs, alpha = 8^(1/4)', {'k': 3, 'c': 6}, rd33, pa33, cp33, hd33)

# y34 Plackett-Burman with replicates
PBGEN = {12: '++-+++---+-', 20: '++--++++-+-+----++-'}
def pb(N):
    g = [1 if ch == '+' else -1 for ch in PBGEN[N]]
    rows = [g[-i:] + g[:-i] if i else g[:] for i in range(N - 1)]
    return np.array(rows + [[-1] * (N - 1)])
def rd34(d):
    return (f"Screening {d['k']} candidate factors with a Plackett-Burman design (smallest one that fits), whole design run "
            f"{d['r']} times. Part no. 88-1403. How many runs?")
def pa34(t):
    g = re.search(r'Screening (\d+) candidate factors.*?run (\d+) times', t, re.S).groups()
    return {'k': int(g[0]), 'r': int(g[1])}
def cp34(d):
    N = 4 * (d['k'] // 4 + 1); M = pb(N)
    assert np.allclose(M.T @ M, N * np.eye(N - 1))
    return [('runs', int(len(M) * d['r']), R_INT)]
def hd34(d): return [4 * math.ceil((d['k'] + 1) / 4) * d['r']]
Q('y34', 3, ['doe_design'], 'Plackett-Burman for 9 factors -> 12 runs, x2 replicates = 24 (part no. ignored)',
  {'k': 9, 'r': 2}, rd34, pa34, cp34, hd34)

# y35 sample size, two-sample t
def rd35(d):
    return (f"How many samples per group do I need to detect a difference of {f(d['delta'],1)} units between two independent "
            f"groups if the standard deviation is about {f(d['sd'],1)}? two-sided test at {d['alpha']}% significance, "
            f"{d['pw']}% power. (last year's study used 12 per group)")
def pa35(t):
    g = re.search(r'difference of (' + NUM + r') units.*?standard deviation is about (' + NUM + r')\? two-sided test at (\d+)% significance, (\d+)% power', t, re.S).groups()
    return {'delta': float(g[0]), 'sd': float(g[1]), 'alpha': int(g[2]), 'pw': int(g[3])}
def cp35(d):
    n = TTestIndPower().solve_power(effect_size=d['delta'] / d['sd'], alpha=d['alpha'] / 100, power=d['pw'] / 100)
    n = int(math.ceil(n - 1e-9)); return [('n per group', n, R_INT), ('total n', 2 * n, R_INT)]
def hd35(d):
    es = mp.mpf(d['delta']) / d['sd']; a = mp.mpf(d['alpha']) / 100
    def pw(n):
        df = 2 * n - 2; tc = mp.findroot(lambda x: t_sf(x, df) - a / 2, 2)
        return noncentral_t_power(df, es * mp.sqrt(mp.mpf(n) / 2), tc)
    n = cp35(d)[0][1]
    assert pw(n) >= d['pw'] / 100 > pw(n - 1)
    return [n, 2 * n]
Q('y35', 3, ['power'], 'two-sample t sample size: d = 2.0/3.5, alpha 0.05 two-sided, power 0.90, round n up',
  {'delta': 2.0, 'sd': 3.5, 'alpha': 5, 'pw': 90}, rd35, pa35, cp35, hd35)

# y36 REFUSAL: paired sample size without any SD
def rd36(d):
    return (f"For the gauge change on line {d['line']} we want to detect a {f(d['delta'],1)} mm shift in the paired differences "
            f"with {d['pw']}% power at alpha {d['alpha']}%. How many parts do we need?")
def pa36(t):
    g = re.search(r'line (\d+) we want to detect a (' + NUM + r') mm shift.*?with (\d+)% power at alpha (\d+)%', t).groups()
    return {'line': int(g[0]), 'delta': float(g[1]), 'pw': int(g[2]), 'alpha': int(g[3])}
Q('y36', 3, ['power'], 'REFUSE: paired-t sample size needs the SD of the differences (or a standardised effect); none given',
  {'line': 4, 'delta': 0.5, 'pw': 80, 'alpha': 5}, rd36, pa36, None, None, refuse=True,
  defect=lambda d, t: not re.search(r'standard deviation|\bsd\b|sigma|spread|variance|effect size', t, re.I))

# y37 X-bar/S from summary figures
def rd37(d):
    return (f"Line 3, lot 4471: every 2 hours we pull {d['n']} consecutive caps and weigh them. After 30 subgroups the grand "
            f"average is {f(d['xb'],3)} g and the average subgroup standard deviation is {f(d['sb'],4)} g. "
            "X-bar and S chart limits?")
def pa37(t):
    g = re.search(r'we pull (\d+) consecutive caps.*?grand average is (' + NUM + r') g and the average subgroup standard deviation is (' + NUM + ') g', t, re.S).groups()
    return {'n': int(g[0]), 'xb': float(g[1]), 'sb': float(g[2])}
def cp37(d):
    A3, B4 = const(d['n'], 'A3'), const(d['n'], 'B4')
    return [('UCL X-bar', d['xb'] + A3 * d['sb'], R_STAT), ('LCL X-bar', d['xb'] - A3 * d['sb'], R_STAT), ('UCL S', B4 * d['sb'], R_STAT)]
def hd37(d):
    xb, sb = Fr(str(d['xb'])), Fr(str(d['sb'])); A3, B4 = const(d['n'], 'A3', True), const(d['n'], 'B4', True)
    return [float(xb + A3 * sb), float(xb - A3 * sb), float(B4 * sb)]
Q('y37', 3, ['summary_chart', 'spc_constants'], 'X-bar/S from summary, n=6: A3=1.287, B4=1.970 (lot, line, 2 h, 30 ignored)',
  {'n': 6, 'xb': 12.046, 'sb': 0.0852}, rd37, pa37, cp37, hd37)

# y38 X-bar/R from summary figures
def rd38(d):
    return (f"25 subgroups collected across 3 shifts in 2024, subgroup size {d['n']}. Grand mean = {f(d['xb'],2)} ohm, "
            f"average range = {f(d['rb'],2)} ohm. give me the xbar chart UCL/LCL and the range chart UCL")
def pa38(t):
    g = re.search(r'subgroup size (\d+)\. Grand mean = (' + NUM + r') ohm, average range = (' + NUM + ') ohm', t).groups()
    return {'n': int(g[0]), 'xb': float(g[1]), 'rb': float(g[2])}
def cp38(d):
    A2, D4 = const(d['n'], 'A2'), const(d['n'], 'D4')
    return [('UCL X-bar', d['xb'] + A2 * d['rb'], R_STAT), ('LCL X-bar', d['xb'] - A2 * d['rb'], R_STAT), ('UCL R', D4 * d['rb'], R_STAT)]
def hd38(d):
    xb, rb = Fr(str(d['xb'])), Fr(str(d['rb'])); A2, D4 = const(d['n'], 'A2', True), const(d['n'], 'D4', True)
    return [float(xb + A2 * rb), float(xb - A2 * rb), float(D4 * rb)]
Q('y38', 3, ['summary_chart', 'spc_constants'], 'X-bar/R from summary, n=4: A2=0.729, D4=2.282 (25, 3, 2024 ignored)',
  {'n': 4, 'xb': 100.27, 'rb': 1.84}, rd38, pa38, cp38, hd38)

# y39 two-proportion sample size with Cohen's h
def rd39(d):
    return (f"Current scrap rate is {d['p1']}%, the new die should bring it to {d['p2']}%. Per-arm sample size for a two-sided "
            f"test at {d['alpha']}% with {d['pw']}% power? Use Cohen's h (arcsine) effect size with the normal approximation.")
def pa39(t):
    g = re.search(r'scrap rate is (\d+)%.*?bring it to (\d+)%.*?test at (\d+)% with (\d+)% power', t).groups()
    return dict(zip(['p1', 'p2', 'alpha', 'pw'], map(int, g)))
def cp39(d):
    h = 2 * math.asin(math.sqrt(d['p1'] / 100)) - 2 * math.asin(math.sqrt(d['p2'] / 100))
    n = NormalIndPower().solve_power(effect_size=h, alpha=d['alpha'] / 100, power=d['pw'] / 100, ratio=1)
    return [('n per group', int(math.ceil(n - 1e-9)), R_INT)]
def hd39(d):
    h = abs(2 * mp.asin(mp.sqrt(mp.mpf(d['p1']) / 100)) - 2 * mp.asin(mp.sqrt(mp.mpf(d['p2']) / 100)))
    z = -mp.sqrt(2) * mp.erfinv(2 * (mp.mpf(d['alpha']) / 200) - 1)
    def pw(n): return mp.ncdf(h * mp.sqrt(mp.mpf(n) / 2) - z) + mp.ncdf(-h * mp.sqrt(mp.mpf(n) / 2) - z)
    n = 2
    while pw(n) < mp.mpf(d['pw']) / 100: n += 1
    return [n]
Q('y39', 3, ['power'], "two-proportion sample size, Cohen's h, alpha 0.05 two-sided, power 0.80",
  {'p1': 10, 'p2': 5, 'alpha': 5, 'pw': 80}, rd39, pa39, cp39, hd39)

# y40 REFUSAL: 2^(5-2) resolution V cannot exist
def rd40(d):
    return (f"Please give me a 2^({d['k']}-{d['p']}) fractional factorial that is resolution V, so that no two-factor "
            "interaction is aliased with another two-factor interaction. Only 8 runs fit in the oven schedule.")
def pa40(t):
    g = re.search(r'2\^\((\d+)-(\d+)\)', t).groups()
    return {'k': int(g[0]), 'p': int(g[1])}
Q('y40', 3, ['doe_design', 'doe_properties'], 'REFUSE: 8-run fraction of 5 factors is at most resolution III; res V needs 1+5+10=16 > 8 runs',
  {'k': 5, 'p': 2}, rd40, pa40, None, None, refuse=True,
  defect=lambda d, t: 'resolution V' in t and 1 + d['k'] + math.comb(d['k'], 2) > 2 ** (d['k'] - d['p']))

# y41 mixed-level full factorial
def rd41(d):
    return (f"Bench 6 trial, starting 14:30: {d['a']} factors at three levels (screw speed, barrel temp) and {d['b']} factor at "
            f"two levels (die type), full factorial, each combination repeated {d['r']} times. total runs?")
def pa41(t):
    g = re.search(r'(\d+) factors at three levels .*?and (\d+) factor at two levels .*?repeated (\d+) times', t).groups()
    return dict(zip(['a', 'b', 'r'], map(int, g)))
def cp41(d):
    M = list(itertools.product(*([range(3)] * d['a'] + [range(2)] * d['b'])))
    return [('runs', len(M) * d['r'], R_INT)]
def hd41(d): return [3 ** d['a'] * 2 ** d['b'] * d['r']]
Q('y41', 3, ['doe_design'], '3x3x2 full factorial x 3 replicates = 54 (bench 6, 14:30 ignored)',
  {'a': 2, 'b': 1, 'r': 3}, rd41, pa41, cp41, hd41)

# y42 one-way ANOVA power
def rd42(d):
    return (f"We plan {d['k']} groups with {d['n']} units in each. If the true effect size is Cohen's f = {f(d['f'],2)}, what power "
            f"does a one-way ANOVA at alpha = {d['alpha']}% have?")
def pa42(t):
    g = re.search(r'plan (\d+) groups with (\d+) units.*?f = (' + NUM + r'), .*?alpha = (\d+)%', t).groups()
    return {'k': int(g[0]), 'n': int(g[1]), 'f': float(g[2]), 'alpha': int(g[3])}
def cp42(d):
    p = FTestAnovaPower().power(effect_size=d['f'], nobs=d['k'] * d['n'], alpha=d['alpha'] / 100, k_groups=d['k'])
    return [('power', p, R_STAT)]
def hd42(d):
    N = d['k'] * d['n']; d1, d2 = d['k'] - 1, N - d['k']; a = mp.mpf(d['alpha']) / 100
    Fc = mp.findroot(lambda x: f_sf(x, d1, d2) - a, 2.7)
    return [noncentral_f_sf(Fc, d1, d2, mp.mpf(d['f']) ** 2 * N)]
Q('y42', 3, ['power'], 'one-way ANOVA power, k=4, n=20 each (N=80), f=0.25, lambda = f^2 N', {'k': 4, 'n': 20, 'f': 0.25, 'alpha': 5},
  rd42, pa42, cp42, hd42)

# ======================= KIND 4: maths =======================
from sympy.parsing.sympy_parser import parse_expr, standard_transformations, implicit_multiplication_application, convert_xor
TR = standard_transformations + (implicit_multiplication_application, convert_xor)
X, Y, N_ = sp.symbols('x y n')
def spx(s): return parse_expr(s.replace('ln(', 'log('), transformations=TR, local_dict={'x': X, 'y': Y, 'n': N_, 'e': sp.E})
def same_expr(a, b): return sp.simplify(a - b) == 0
def lin(cs, vs):  # render linear/polynomial terms with signs
    out = ''
    for c, v in zip(cs, vs):
        if c == 0: continue
        mag = '' if abs(c) == 1 and v else str(abs(c))
        term = mag + v
        out += (('- ' if c < 0 else '+ ') if out else ('-' if c < 0 else '')) + term + ' '
    return out.strip()

# y43 derivative at a point (typo)
def e43(d): return X ** d['a'] * sp.exp(d['b'] * X)
def rd43(d): return f"whats the derivitive of f(x) = x^{d['a']} e^({d['b']}x) at x = {d['x0']}?"
def pa43(t):
    g = re.search(r'f\(x\) = (x\^(\d+) e\^\((\d+)x\)) at x = (\d+)', t).groups()
    d = {'a': int(g[1]), 'b': int(g[2]), 'x0': int(g[3])}; assert same_expr(spx(g[0]), e43(d)); return d
def cp43(d): return [('derivative at x0', float(sp.diff(e43(d), X).subs(X, d['x0'])), R_STAT)]
def hd43(d): return [float(mp.diff(lambda x: x ** d['a'] * mp.exp(d['b'] * x), d['x0']))]
Q('y43', 4, ['differentiate', 'evaluate'], "f'(1) for x^3 e^(2x) = 5 e^2", {'a': 3, 'b': 2, 'x0': 1}, rd43, pa43, cp43, hd43)

# y44 second derivative
def e44(d): return sp.log(X ** 2 + d['a'])
def rd44(d): return f"secnd derivative of ln(x^2 + {d['a']}) evaluated at x = {d['x0']} please"
def pa44(t):
    g = re.search(r'of (ln\(x\^2 \+ (\d+)\)) evaluated at x = (\d+)', t).groups()
    d = {'a': int(g[1]), 'x0': int(g[2])}; assert same_expr(spx(g[0]), e44(d)); return d
def cp44(d): return [('second derivative at x0', float(sp.diff(e44(d), X, 2).subs(X, d['x0'])), R_STAT)]
def hd44(d): return [float(mp.diff(lambda x: mp.log(x ** 2 + d['a']), d['x0'], 2))]
Q('y44', 4, ['differentiate'], "d2/dx2 ln(x^2+4) at x=1 = 2(4-1)/25", {'a': 4, 'x0': 1}, rd44, pa44, cp44, hd44)

# y45 mixed partial
def e45(d): return X ** 3 * Y ** 2 + d['a'] * X * sp.exp(Y)
def rd45(d): return (f"For f(x, y) = x^3 y^2 + {d['a']}x e^y, compute the mixed partial d2f/dxdy at the point "
                     f"(x, y) = ({d['x0']}, {d['y0']}).")
def pa45(t):
    g = re.search(r'f\(x, y\) = (x\^3 y\^2 \+ (\d+)x e\^y), .*?\(x, y\) = \((\d+), (\d+)\)', t).groups()
    d = {'a': int(g[1]), 'x0': int(g[2]), 'y0': int(g[3])}; assert same_expr(spx(g[0]), e45(d)); return d
def cp45(d): return [('mixed partial', float(sp.diff(e45(d), X, Y).subs({X: d['x0'], Y: d['y0']})), R_STAT)]
def hd45(d): return [float(mp.diff(lambda x, y: x ** 3 * y ** 2 + d['a'] * x * mp.exp(y), (d['x0'], d['y0']), (1, 1)))]
Q('y45', 4, ['differentiate'], 'f_xy = 6x^2 y + 5 e^y at (1,2)', {'a': 5, 'x0': 1, 'y0': 2}, rd45, pa45, cp45, hd45)

# y46 definite integral
def e46(d): return (X ** 2 + d['a']) / X
def rd46(d): return f"Integrate (x^2 + {d['a']})/x from x = {d['lo']} to x = {d['hi']}. Numerical value please."
def pa46(t):
    g = re.search(r'Integrate (\(x\^2 \+ (\d+)\)/x) from x = (\d+) to x = (\d+)', t).groups()
    d = {'a': int(g[1]), 'lo': int(g[2]), 'hi': int(g[3])}; assert same_expr(spx(g[0]), e46(d)); return d
def cp46(d): return [('integral', float(sp.integrate(e46(d), (X, d['lo'], d['hi']))), R_STAT)]
def hd46(d): return [float(mp.quad(lambda x: (x ** 2 + d['a']) / x, [d['lo'], d['hi']]))]
Q('y46', 4, ['integrate'], 'definite integral of (x^2+3)/x on [1,4] = 15/2 + 3 ln 4', {'a': 3, 'lo': 1, 'hi': 4}, rd46, pa46, cp46, hd46)

# y47 improper integral
def e47(d): return 1 / (X ** 2 + d['a'])
def rd47(d): return f"improper integral: integral from 0 to infinity of 1/(x^2 + {d['a']}) dx = ?"
def pa47(t):
    g = re.search(r'of (1/\(x\^2 \+ (\d+)\)) dx', t).groups()
    d = {'a': int(g[1])}; assert same_expr(spx(g[0]), e47(d)); return d
def cp47(d): return [('integral', float(sp.integrate(e47(d), (X, 0, sp.oo))), R_STAT)]
def hd47(d): return [float(mp.quad(lambda x: 1 / (x ** 2 + d['a']), [0, mp.inf]))]
Q('y47', 4, ['integrate'], 'int_0^oo dx/(x^2+9) = pi/6', {'a': 9}, rd47, pa47, cp47, hd47)

# y48 limit (typo)
def e48(d): return (sp.sin(d['a'] * X) - d['a'] * X) / X ** 3
def rd48(d): return f"limt as x -> 0 of (sin({d['a']}x) - {d['a']}x)/x^3"
def pa48(t):
    g = re.search(r'of (\(sin\((\d+)x\) - (\d+)x\)/x\^3)', t).groups()
    assert g[1] == g[2]
    d = {'a': int(g[1])}; assert same_expr(spx(g[0]), e48(d)); return d
def cp48(d): return [('limit', float(sp.limit(e48(d), X, 0)), R_STAT)]
def hd48(d):
    with mp.workdps(60):
        return [float(mp.limit(lambda x: (mp.sin(d['a'] * x) - d['a'] * x) / x ** 3, 0))]
Q('y48', 4, ['limit'], 'lim (sin 2x - 2x)/x^3 = -8/6', {'a': 2}, rd48, pa48, cp48, hd48)

# y49 Taylor coefficient
def e49(d): return sp.exp(d['a'] * X) * sp.cos(d['b'] * X)
def rd49(d): return f"Maclaurin series of e^({d['a']}x) cos({d['b']}x): what is the coefficient of x^4?"
def pa49(t):
    g = re.search(r'series of (e\^\((\d+)x\) cos\((\d+)x\))', t).groups()
    d = {'a': int(g[1]), 'b': int(g[2])}; assert same_expr(spx(g[0]), e49(d)); return d
def cp49(d): return [('coefficient of x^4', float(sp.series(e49(d), X, 0, 5).removeO().coeff(X, 4)), R_STAT)]
def hd49(d): return [float(mp.taylor(lambda x: mp.exp(d['a'] * x) * mp.cos(d['b'] * x), 0, 4)[4])]
Q('y49', 4, ['series'], 'x^4 coefficient of e^(2x) cos(3x) about 0', {'a': 2, 'b': 3}, rd49, pa49, cp49, hd49)

# y50 sum of a series
def rd50(d): return f"Sum of the series n/{d['a']}^n for n = 1 to infinity?"
def pa50(t): return {'a': int(re.search(r'series n/(\d+)\^n for n = 1 to infinity', t).group(1))}
def cp50(d): return [('sum', float(sp.summation(N_ / sp.Integer(d['a']) ** N_, (N_, 1, sp.oo))), R_STAT)]
def hd50(d): return [float(mp.nsum(lambda n: n / mp.mpf(d['a']) ** n, [1, mp.inf]))]
Q('y50', 4, ['summation'], 'sum n/3^n = 3/4', {'a': 3}, rd50, pa50, cp50, hd50)

# y51 largest real root of a cubic
def rd51(d): return f"solve {lin([1, d['a'], d['b'], d['c']], ['x^3', 'x^2', 'x', ''])} = 0 and give me the largest real root"
def pa51(t):
    s = re.search(r'solve (.*?) = 0', t).group(1)
    P = sp.Poly(spx(s), X); c = [int(v) for v in P.all_coeffs()]
    assert c[0] == 1 and len(c) == 4
    return {'a': c[1], 'b': c[2], 'c': c[3]}
def cp51(d):
    r = [float(v) for v in sp.real_roots(X ** 3 + d['a'] * X ** 2 + d['b'] * X + d['c'])]
    return [('largest real root', max(r), R_STAT)]
def hd51(d):
    r = mp.polyroots([1, d['a'], d['b'], d['c']], maxsteps=200, extraprec=100)
    return [float(max(mp.re(v) for v in r if abs(mp.im(v)) < 1e-20))]
Q('y51', 4, ['solve'], 'largest real root of x^3 - 5x^2 + 3x + 4', {'a': -5, 'b': 3, 'c': 4}, rd51, pa51, cp51, hd51)

# y52 partial fractions (typo)
def rd52(d): return f"partail fractions of ({d['a']}x + {d['b']})/((x - 1)(x + 2)) - what are the two numerators A/(x-1) + B/(x+2)?"
def pa52(t):
    g = re.search(r'of (\((\d+)x \+ (\d+)\)/\(\(x - 1\)\(x \+ 2\)\))', t).groups()
    d = {'a': int(g[1]), 'b': int(g[2])}; assert same_expr(spx(g[0]), (d['a'] * X + d['b']) / ((X - 1) * (X + 2))); return d
def cp52(d):
    ap = sp.apart((d['a'] * X + d['b']) / ((X - 1) * (X + 2)), X)
    A = sp.limit(ap * (X - 1), X, 1); B = sp.limit(ap * (X + 2), X, -2)
    return [('A', float(A), R_STAT), ('B', float(B), R_STAT)]
def hd52(d): return [float(Fr(d['a'] + d['b'], 3)), float(Fr(-2 * d['a'] + d['b'], -3))]
Q('y52', 4, ['simplify'], 'apart: (5x+7)/((x-1)(x+2)) = 4/(x-1) + 1/(x+2)', {'a': 5, 'b': 7}, rd52, pa52, cp52, hd52)

# y53 determinant of integer 3x3
_m53 = [[int(v) for v in row] for row in rng.integers(-5, 8, (3, 3))]
def rd53(d): return ("Determinant of\n" + '\n'.join('[ ' + '  '.join(f"{v:>3d}" for v in r) + ' ]' for r in d['M']) + "\n?")
def pa53(t): return {'M': [[int(v) for v in r.split()] for r in re.findall(r'^\[ (.*) \]$', t, re.M)]}
def cp53(d): return [('determinant', int(sp.Matrix(d['M']).det()), R_INT)]
def hd53(d):
    M = d['M']
    return [M[0][0] * (M[1][1] * M[2][2] - M[1][2] * M[2][1]) - M[0][1] * (M[1][0] * M[2][2] - M[1][2] * M[2][0])
            + M[0][2] * (M[1][0] * M[2][1] - M[1][1] * M[2][0])]
Q('y53', 4, ['matrix'], 'determinant of a 3x3 integer matrix (exact)', {'M': _m53}, rd53, pa53, cp53, hd53)

# y54 eigenvalues of symmetric 2x2
def rd54(d): return f"eigenvalues of the matrix A = [[{d['a']}, {d['b']}], [{d['b']}, {d['c']}]] ?"
def pa54(t):
    g = re.search(r'\[\[(-?\d+), (-?\d+)\], \[(-?\d+), (-?\d+)\]\]', t).groups()
    assert g[1] == g[2]
    return {'a': int(g[0]), 'b': int(g[1]), 'c': int(g[3])}
def cp54(d):
    ev = np.linalg.eigvalsh(np.array([[d['a'], d['b']], [d['b'], d['c']]], float))
    return [('largest eigenvalue', ev[-1], R_STAT), ('smallest eigenvalue', ev[0], R_STAT)]
def hd54(d):
    m = mp.mpf(d['a'] + d['c']) / 2; r = mp.sqrt((mp.mpf(d['a'] - d['c']) / 2) ** 2 + d['b'] ** 2)
    return [float(m + r), float(m - r)]
Q('y54', 4, ['matrix'], 'eigenvalues of symmetric [[4,3],[3,-2]]: 1 +- sqrt(18)', {'a': 4, 'b': 3, 'c': -2}, rd54, pa54, cp54, hd54)

# y55 3x3 linear system
_A55 = [[2, 1, -1], [1, -3, 2], [3, 2, 1]]; _b55 = [3, -4, 10]
def rd55(d):
    eqs = [lin(r, ['x', 'y', 'z']) + f" = {b}" for r, b in zip(d['A'], d['b'])]
    return "Solve the system\n" + '\n'.join(eqs) + "\nfor x, y, z."
def pa55(t):
    A, b = [], []
    for ln in re.findall(r'^(.*= -?\d+)$', t, re.M):
        lhs, rhs = ln.split('=')
        e = spx(lhs); A.append([int(e.coeff(v)) for v in sp.symbols('x y z')]); b.append(int(rhs))
    return {'A': A, 'b': b}
def cp55(d):
    s = sp.Matrix(d['A']).LUsolve(sp.Matrix(d['b']))
    return [('x', float(s[0]), R_STAT), ('y', float(s[1]), R_STAT), ('z', float(s[2]), R_STAT)]
def hd55(d):
    def det(M): return (M[0][0] * (M[1][1] * M[2][2] - M[1][2] * M[2][1]) - M[0][1] * (M[1][0] * M[2][2] - M[1][2] * M[2][0])
                        + M[0][2] * (M[1][0] * M[2][1] - M[1][1] * M[2][0]))
    D = det(d['A']); out = []
    for j in range(3):
        Mj = [[d['b'][i] if c == j else d['A'][i][c] for c in range(3)] for i in range(3)]
        out.append(float(Fr(det(Mj), D)))
    return out
Q('y55', 4, ['solve', 'matrix'], '3x3 linear system by elimination / Cramer', {'A': _A55, 'b': _b55}, rd55, pa55, cp55, hd55)

# y56 REFUSAL: determinant of a non-square matrix
def rd56(d): return ("can you find the determinant of this matrix:\n" + '\n'.join('  '.join(str(v) for v in r) for r in d['M']) + "\nthanks")
def pa56(t): return {'M': [[int(v) for v in r.split()] for r in re.findall(r'^(-?\d+(?:[ ]+-?\d+)+)$', t, re.M)]}
Q('y56', 4, ['matrix'], 'REFUSE: 2x3 matrix has no determinant', {'M': [[3, 1, 4], [1, 5, 9]]}, rd56, pa56, None, None, refuse=True,
  defect=lambda d, t: len(d['M']) != len(d['M'][0]) and 'determinant' in t)

# ======================= KIND 5: named tests =======================
# y57 Brown-Forsythe
_v57 = {'Lab 1': r2(rng.normal(10, 0.3, 7)), 'Lab 2': r2(rng.normal(10, 0.7, 7)), 'Lab 3': r2(rng.normal(10, 0.45, 8))}
def rd57(d):
    return ("Brown-Forsythe test (Levene with medians) for equal variances across labs:\n\n" +
            '\n'.join(f"{g} | " + ' | '.join(f(v,2) for v in d[g]) for g in d) + "\n\nstatistic and p")
def pa57(t): return {g: nums(re.search(g + r' \| ([^\n]+)', t).group(1)) for g in ['Lab 1', 'Lab 2', 'Lab 3']}
def cp57(d):
    r = stats.levene(*d.values(), center='median'); return [('W', r.statistic, R_STAT), ('p', r.pvalue, R_P)]
def hd57(d):
    Z = {}
    for g, v in d.items():
        s = sorted(Fr(str(x)) for x in v); n = len(s)
        med = s[n // 2] if n % 2 else (s[n // 2 - 1] + s[n // 2]) / 2
        Z[g] = [abs(Fr(str(x)) - med) for x in v]
    allz = [z for g in Z for z in Z[g]]; gm = sum(allz) / len(allz); N = len(allz); k = len(Z)
    ssb = sum(len(Z[g]) * (sum(Z[g]) / len(Z[g]) - gm) ** 2 for g in Z)
    ssw = sum(sum((z - sum(Z[g]) / len(Z[g])) ** 2 for z in Z[g]) for g in Z)
    F = (ssb / (k - 1)) / (ssw / (N - k)); return [float(F), f_sf(F, k - 1, N - k)]
Q('y57', 5, ['levene'], 'Brown-Forsythe (median-centred Levene) across 3 labs', _v57, rd57, pa57, cp57, hd57)

# y58 Bartlett
_v58 = [r1(rng.normal(50, s, n)) for s, n in zip([1.2, 2.4, 1.6, 1.0], [6, 6, 7, 6])]
def rd58(d):
    return ('\n'.join(f"cavity {i + 1}: " + ' '.join(f(v,1) for v in g) for i, g in enumerate(d['g'])) +
            "\n(part weights, g) - run Bartlett's test for homogeneity of variance, want the chi-square stat and p")
def pa58(t): return {'g': [nums(m) for m in re.findall(r'^cavity \d: ([^\n]+)$', t, re.M)]}
def cp58(d):
    r = stats.bartlett(*d['g']); return [('chi2', r.statistic, R_STAT), ('p', r.pvalue, R_P)]
def hd58(d):
    k = len(d['g']); ns = [len(g) for g in d['g']]; N = sum(ns); vs = [fvar(g) for g in d['g']]
    sp2 = sum((n - 1) * v for n, v in zip(ns, vs)) / (N - k)
    num = (N - k) * mp.log(mp.mpf(sp2.numerator) / sp2.denominator) - sum((n - 1) * mp.log(mp.mpf(v.numerator) / v.denominator) for n, v in zip(ns, vs))
    C = 1 + (sum(Fr(1, n - 1) for n in ns) - Fr(1, N - k)) / (3 * (k - 1))
    T = num / (mp.mpf(C.numerator) / C.denominator); return [float(T), chi2_sf(T, k - 1)]
Q('y58', 5, ['variance_test'], "Bartlett's test across 4 cavities", {'g': _v58}, rd58, pa58, cp58, hd58)

# y59 Shapiro-Wilk
_x59 = r1(rng.gamma(3.0, 2.0, 15) + 20)
def rd59(d): return "Shapiro-Wilk normality test on these 15 fill times (s): " + ', '.join(f(v,1) for v in d['x']) + ". W and p?"
def pa59(t): return {'x': nums(re.search(r'\(s\): ([^\n]+)\. W and p', t).group(1))}
def cp59(d):
    r = stats.shapiro(d['x']); return [('W', r.statistic, R_STAT), ('p', r.pvalue, R_P)]
def hd59(d):  # Royston (1992/1995) algorithm written out
    x = sorted(mp.mpf(v) for v in d['x']); n = len(x)
    m = [mp.sqrt(2) * mp.erfinv(2 * ((i - mp.mpf(3) / 8) / (n + mp.mpf(1) / 4)) - 1) for i in range(1, n + 1)]
    mm = sum(v * v for v in m); u = 1 / mp.sqrt(n)
    an = m[-1] / mp.sqrt(mm) + 0.221157 * u - 0.147981 * u ** 2 - 2.071190 * u ** 3 + 4.434685 * u ** 4 - 2.706056 * u ** 5
    an1 = m[-2] / mp.sqrt(mm) + 0.042981 * u - 0.293762 * u ** 2 - 1.752461 * u ** 3 + 5.682633 * u ** 4 - 3.582633 * u ** 5
    phi = (mm - 2 * m[-1] ** 2 - 2 * m[-2] ** 2) / (1 - 2 * an ** 2 - 2 * an1 ** 2)
    a = [v / mp.sqrt(phi) for v in m]; a[-1], a[-2], a[0], a[1] = an, an1, -an, -an1
    xm = sum(x) / n
    W = sum(ai * xi for ai, xi in zip(a, x)) ** 2 / sum((xi - xm) ** 2 for xi in x)
    ln = mp.log(n)
    mu = 0.0038915 * ln ** 3 - 0.083751 * ln ** 2 - 0.31082 * ln - 1.5861
    sg = mp.exp(0.0030302 * ln ** 2 - 0.082676 * ln - 0.4803)
    return [float(W), norm_sf((mp.log(1 - W) - mu) / sg)]
Q('y59', 5, ['normality'], 'Shapiro-Wilk W and p (Royston), n=15', {'x': _x59}, rd59, pa59, cp59, hd59)

# y60 Fisher exact
def rd60(d):
    return (f"Fisher's exact test (two-sided): new coating {d['a']} failures out of {d['a'] + d['b']} panels, old coating "
            f"{d['c']} failures out of {d['c'] + d['d']} panels. p-value and the sample odds ratio (new vs old, odds of failure)?")
def pa60(t):
    g = re.search(r'new coating (\d+) failures out of (\d+) panels, old coating (\d+) failures out of (\d+) panels', t).groups()
    a, n1, c, n2 = map(int, g); return {'a': a, 'b': n1 - a, 'c': c, 'd': n2 - c}
def cp60(d):
    r = stats.fisher_exact([[d['a'], d['b']], [d['c'], d['d']]])
    return [('p', r.pvalue, R_P), ('odds ratio', r.statistic, R_STAT)]
def hd60(d):
    a, b, c, dd = d['a'], d['b'], d['c'], d['d']; r1_, c1, N = a + b, a + c, a + b + c + dd
    def P(x): return Fr(math.comb(r1_, x) * math.comb(N - r1_, c1 - x), math.comb(N, c1))
    po = P(a); lo, hi = max(0, c1 - (N - r1_)), min(r1_, c1)
    p = sum(P(x) for x in range(lo, hi + 1) if P(x) <= po * Fr(1 + 10 ** -7))
    return [float(p), float(Fr(a * dd, b * c))]
Q('y60', 5, ['proportion_test'], "Fisher exact 2x2 [[2,18],[9,11]] two-sided, sample OR = ad/bc", {'a': 2, 'b': 18, 'c': 9, 'd': 11},
  rd60, pa60, cp60, hd60)

# y61 binomial two-sided
def rd61(d):
    return (f"coin-flip style check on the sorter: it sent {d['k']} of {d['n']} parts to the left bin. Exact binomial test "
            f"of p = 0.{d['p0']}, two-sided - p value?")
def pa61(t):
    g = re.search(r'sent (\d+) of (\d+) parts.*?test of p = 0\.(\d+), two-sided', t).groups()
    return {'k': int(g[0]), 'n': int(g[1]), 'p0': int(g[2])}
def cp61(d):
    return [('p', stats.binomtest(d['k'], d['n'], d['p0'] / 10 ** len(str(d['p0']))).pvalue, R_P)]
def hd61(d):
    n = d['n']; p0 = Fr(d['p0'], 10 ** len(str(d['p0'])))
    pm = [math.comb(n, i) * p0 ** i * (1 - p0) ** (n - i) for i in range(n + 1)]
    po = pm[d['k']]; return [float(min(1, sum(v for v in pm if v <= po * Fr(1 + 10 ** -7))))]
Q('y61', 5, ['proportion_test'], 'exact two-sided binomial test of p=0.5 (31 of 48)', {'k': 31, 'n': 48, 'p0': 5}, rd61, pa61, cp61, hd61)

# y62 two-proportion z test
def rd62(d):
    return (f"Two-proportion z-test (pooled, no continuity correction): site North had {d['x1']} late deliveries out of {d['n1']}, "
            f"site South {d['x2']} out of {d['n2']}. z and two-sided p?")
def pa62(t):
    g = re.search(r'North had (\d+) late deliveries out of (\d+), site South (\d+) out of (\d+)', t).groups()
    return dict(zip(['x1', 'n1', 'x2', 'n2'], map(int, g)))
def cp62(d):
    z, p = proportions_ztest([d['x1'], d['x2']], [d['n1'], d['n2']]); return [('|z|', abs(z), R_STAT), ('p', p, R_P)]
def hd62(d):
    p1, p2 = Fr(d['x1'], d['n1']), Fr(d['x2'], d['n2']); pp = Fr(d['x1'] + d['x2'], d['n1'] + d['n2'])
    z = float(p1 - p2) / msqrt(pp * (1 - pp) * (Fr(1, d['n1']) + Fr(1, d['n2'])))
    return [abs(z), 2 * norm_sf(abs(z))]
Q('y62', 5, ['proportion_test'], 'pooled two-proportion z-test, no continuity correction', {'x1': 38, 'n1': 420, 'x2': 57, 'n2': 455},
  rd62, pa62, cp62, hd62)

# y63 Pearson correlation
_x63 = r1(rng.uniform(20, 60, 12)); _y63 = r1(0.4 * np.array(_x63) + rng.normal(0, 5, 12))
def rd63(d):
    return ("Pearson correlation between humidity (%RH) and static charge (kV), 12 readings taken on 4 Feb:\n" +
            "RH: " + ', '.join(f(v,1) for v in d['x']) + "\nkV: " + ', '.join(f(v,1) for v in d['y']) + "\nr and its p-value?")
def pa63(t): return {'x': nums(re.search(r'^RH: ([^\n]+)', t, re.M).group(1)), 'y': nums(re.search(r'^kV: ([^\n]+)', t, re.M).group(1))}
def cp63(d):
    r = stats.pearsonr(d['x'], d['y']); return [('r', r.statistic, R_STAT), ('p', r.pvalue, R_P)]
def hd63(d):
    X_ = [Fr(str(v)) for v in d['x']]; Y_ = [Fr(str(v)) for v in d['y']]; n = len(X_)
    mx, my = sum(X_) / n, sum(Y_) / n
    sxy = sum((a - mx) * (b - my) for a, b in zip(X_, Y_)); r2_ = sxy ** 2 / (sum((a - mx) ** 2 for a in X_) * sum((b - my) ** 2 for b in Y_))
    r = math.copysign(msqrt(r2_), sxy); t = r * math.sqrt(n - 2) / math.sqrt(1 - r * r)
    return [r, t_two(t, n - 2)]
Q('y63', 5, ['correlation'], 'Pearson r with t-based two-sided p', {'x': _x63, 'y': _y63}, rd63, pa63, cp63, hd63)

# y64 Kendall tau-b exact
_x64 = [int(v) for v in rng.permutation(np.arange(1, 11))]; _y64 = r2(np.array(_x64) * 0.6 + rng.normal(0, 2.0, 10))
def rd64(d):
    rows = '\n'.join(f"{a}\t{f(b,2)}" for a, b in zip(d['x'], d['y']))
    return ("judge_rank\tscore\n" + rows + "\nKendall's tau-b between the judge's ranking and the measured score, with the exact two-sided p (no ties).")
def pa64(t):
    rows = re.findall(r'^(\d+)\t(' + NUM + r')$', t, re.M); return {'x': [int(r[0]) for r in rows], 'y': [float(r[1]) for r in rows]}
def cp64(d):
    r = stats.kendalltau(d['x'], d['y'], method='exact'); return [('tau', r.statistic, R_STAT), ('p', r.pvalue, R_P)]
def hd64(d):
    n = len(d['x']); C = D = 0
    for i in range(n):
        for j in range(i + 1, n):
            s = (d['x'][i] - d['x'][j]) * (d['y'][i] - d['y'][j])
            assert s != 0; C += s > 0; D += s < 0
    tot = n * (n - 1) // 2; dist = mahonian(n); m = min(D, tot - D)
    return [float(Fr(C - D, tot)), float(min(1, 2 * Fr(sum(dist[:m + 1]), math.factorial(n))))]
Q('y64', 5, ['correlation'], 'Kendall tau-b exact p (no ties)', {'x': _x64, 'y': _y64}, rd64, pa64, cp64, hd64)

# y65 F test of two variances
_a65 = r2(rng.normal(5, 0.42, 10)); _b65 = r2(rng.normal(5, 0.22, 9))
def rd65(d):
    return ("F-test for equality of two variances, ratio = var(gauge 1)/var(gauge 2), two-sided.\ngauge 1: " +
            ' '.join(f(v,2) for v in d['a']) + "\ngauge 2: " + ' '.join(f(v,2) for v in d['b']))
def pa65(t): return {'a': nums(re.search(r'^gauge 1: ([^\n]+)', t, re.M).group(1)), 'b': nums(re.search(r'^gauge 2: ([^\n]+)', t, re.M).group(1))}
def cp65(d):
    F = np.var(d['a'], ddof=1) / np.var(d['b'], ddof=1); d1, d2 = len(d['a']) - 1, len(d['b']) - 1
    return [('F', F, R_STAT), ('p', 2 * min(stats.f.sf(F, d1, d2), stats.f.cdf(F, d1, d2)), R_P)]
def hd65(d):
    F = fvar(d['a']) / fvar(d['b']); d1, d2 = len(d['a']) - 1, len(d['b']) - 1; s = f_sf(F, d1, d2)
    return [float(F), 2 * min(s, 1 - s)]
Q('y65', 5, ['variance_test'], 'F = s1^2/s2^2 (gauge 1 over gauge 2), two-sided p', {'a': _a65, 'b': _b65}, rd65, pa65, cp65, hd65)

# y66 REFUSAL: one-way ANOVA with a single observation per group
def rd66(d):
    return (f"one-way ANOVA please: oven A gave {f(d['v'][0],1)}, oven B gave {f(d['v'][1],1)}, oven C gave {f(d['v'][2],1)} "
            "(one test coupon each). F and p?")
def pa66(t): return {'v': [float(v) for v in re.findall(r'oven [ABC] gave (' + NUM + ')', t)]}
Q('y66', 5, ['anova_oneway'], 'REFUSE: one observation per group leaves 0 error df; F undefined',
  {'v': [41.2, 43.7, 39.9]}, rd66, pa66, None, None, refuse=True,
  defect=lambda d, t: len(d['v']) == 3 and 'one test coupon each' in t)

# y67 Wilcoxon signed-rank one-sample vs a median
_x67 = r2(rng.normal(10.9, 1.2, 11))
def rd67(d):
    return (f"Wilcoxon signed-rank test: is the median torque different from {d['m0']} N*m? Readings: " + ', '.join(f(v,2) for v in d['x']) +
            ". Exact two-sided p, and the statistic as the smaller of W+ and W-.")
def pa67(t):
    return {'m0': int(re.search(r'different from (\d+) N\*m', t).group(1)), 'x': nums(re.search(r'Readings: ([^\n]+?)\. Exact', t).group(1))}
def cp67(d):
    r = stats.wilcoxon(np.round(np.array(d['x']) - d['m0'], 6), method='exact'); return [('W', r.statistic, R_STAT), ('p', r.pvalue, R_P)]
def hd67(d):
    df_ = [Fr(str(v)) - d['m0'] for v in d['x'] if Fr(str(v)) != d['m0']]; n = len(df_)
    rk = ranks([abs(v) for v in df_]); assert all(r.denominator == 1 for r in rk)
    wp = sum(r for r, v in zip(rk, df_) if v > 0); w = int(min(wp, Fr(n * (n + 1), 2) - wp))
    return [w, float(min(1, 2 * Fr(sum(signrank_dist(n)[:w + 1]), 2 ** n)))]
Q('y67', 5, ['wilcoxon_signed_rank'], 'one-sample Wilcoxon signed-rank vs median 10, exact two-sided', {'m0': 10, 'x': _x67}, rd67, pa67, cp67, hd67)

# y68 Spearman
_x68 = r1(rng.uniform(1, 9, 11)); _y68 = r1(np.exp(np.array(_x68) / 3) + rng.normal(0, 2.5, 11))
def rd68(d):
    return ("Spearman rank correlation (t approximation for the p) between dwell time and pull-off force:\n" +
            '\n'.join(f"dwell={f(a,1)}s force={f(b,1)}N" for a, b in zip(d['x'], d['y'])))
def pa68(t):
    rows = re.findall(r'^dwell=(' + NUM + r')s force=(' + NUM + r')N$', t, re.M)
    return {'x': [float(r[0]) for r in rows], 'y': [float(r[1]) for r in rows]}
def cp68(d):
    r = stats.spearmanr(d['x'], d['y']); return [('rho', r.statistic, R_STAT), ('p', r.pvalue, R_P)]
def hd68(d):
    rx, ry = ranks(d['x']), ranks(d['y']); n = len(rx); m = Fr(n + 1, 2)
    sxy = sum((a - m) * (b - m) for a, b in zip(rx, ry))
    rho = float(sxy) / msqrt(sum((a - m) ** 2 for a in rx) * sum((b - m) ** 2 for b in ry))
    t = rho * math.sqrt((n - 2) / (1 - rho * rho)); return [rho, t_two(t, n - 2)]
Q('y68', 5, ['correlation'], 'Spearman rho with t-approximation p', {'x': _x68, 'y': _y68}, rd68, pa68, cp68, hd68)

# y69 REFUSAL: paired t with unequal lengths
_a69 = r1(rng.normal(30, 2, 8)); _b69 = r1(rng.normal(31, 2, 10))
def rd69(d):
    return ("Paired t-test, before vs after recalibration (same gauges):\nbefore: " + ', '.join(f(v,1) for v in d['a']) +
            "\nafter: " + ', '.join(f(v,1) for v in d['b']))
def pa69(t): return {'a': nums(re.search(r'^before: ([^\n]+)', t, re.M).group(1)), 'b': nums(re.search(r'^after: ([^\n]+)', t, re.M).group(1))}
Q('y69', 5, ['t_test'], 'REFUSE: paired t-test but 8 before values vs 10 after values - cannot pair',
  {'a': _a69, 'b': _b69}, rd69, pa69, None, None, refuse=True,
  defect=lambda d, t: len(d['a']) != len(d['b']) and 'Paired' in t)

# y70 power of a two-sample t
def rd70(d):
    return (f"What's the power of a two-sided two-sample t-test with {d['n']} per group, effect size d = {f(d['d'],1)}, "
            f"alpha {d['alpha']}%?")
def pa70(t):
    g = re.search(r'with (\d+) per group, effect size d = (' + NUM + r'), alpha (\d+)%', t).groups()
    return {'n': int(g[0]), 'd': float(g[1]), 'alpha': int(g[2])}
def cp70(d): return [('power', TTestIndPower().power(effect_size=d['d'], nobs1=d['n'], alpha=d['alpha'] / 100), R_STAT)]
def hd70(d):
    df = 2 * d['n'] - 2; a = mp.mpf(d['alpha']) / 100; tc = mp.findroot(lambda x: t_sf(x, df) - a / 2, 2)
    return [noncentral_t_power(df, mp.mpf(d['d']) * mp.sqrt(mp.mpf(d['n']) / 2), tc)]
Q('y70', 5, ['power'], 'power of two-sample t, n=15/group, d=0.8, alpha 0.05 two-sided', {'n': 15, 'd': 0.8, 'alpha': 5}, rd70, pa70, cp70, hd70)

# ======================= checks and output =======================
def sig6(v, rel): return int(v) if rel == 0 else float(f"{float(v):.6g}")

def main():
    assert [q['id'] for q in QS] == [f"y{i:02d}" for i in range(1, 71)]
    rows, nmut, loosened = [], 0, []
    for q in QS:
        qid, d = q['id'], q['data']
        assert q['kind'] == (int(qid[1:]) - 1) // 14 + 1, qid
        text = q['render'](d)
        pd_ = q['parse'](text); assert same(pd_, d), (qid, pd_, d)
        tools = list(dict.fromkeys(q['tools'] + ['dsl_run']))
        assert all(t in TOOLS for t in tools), qid
        if q['refuse']:
            assert q['defect'](d, text), qid
            exp = []
        else:
            a = q['compute'](d); h = q['hand'](d)
            assert 1 <= len(a) <= 3 and len(h) == len(a), qid
            for (w, v, rel), hv in zip(a, h):
                v = float(v); hv = float(hv)
                assert v != 0 and math.isfinite(v), (qid, w)
                if rel == 0:
                    assert v == int(v) and hv == v, (qid, w, v, hv)
                else:
                    assert close(v, hv, 1e-4), (qid, w, v, hv)
                if rel == R_P:
                    assert 1e-4 <= v <= 0.99, (qid, w, v)
            b = q['compute'](pd_)
            assert all(close(float(x[1]), float(y[1]), 1e-9) for x, y in zip(a, b)), qid
            exp = [{'what': w, 'value': sig6(v, rel), 'rel': rel} for w, v, rel in a]
        changed = False
        for path, v in list(leaves(d)):
            off = q['offsets'].get(path, 1)
            assert off in (1, 7, 23)
            m = copy.deepcopy(d); setleaf(m, path, v + off)
            tm = q['render'](m); pm = q['parse'](tm)
            assert same(pm, m), (qid, path, pm, m); nmut += 1
            if not q['refuse']:
                try:
                    c = q['compute'](m)
                    if any(not close(float(x[1]), float(y[1]), 1e-12) for x, y in zip(a, c)):
                        changed = True
                except Exception:
                    pass
        assert changed or q['refuse'], qid
        rows.append({'id': qid, 'kind': q['kind'], 'question': text, 'intent': q['intent'], 'tools': tools,
                     'expect': exp, 'refuse': q['refuse']})
    assert sum(r['refuse'] for r in rows) == 7
    assert len({r['question'] for r in rows}) == 70
    js = ''.join(json.dumps(r, ensure_ascii=False) + '\n' for r in rows)
    open(os.path.join(HERE, 'round31.jsonl'), 'w', encoding='utf-8').write(js)
    md5 = hashlib.md5(js.encode('utf-8')).hexdigest()
    kinds = {str(k): sum(r['kind'] == k for r in rows) for k in range(1, 6)}
    meta = {'round': 31, 'n_questions': len(rows), 'counts_per_kind': kinds,
            'refusals': {r['id']: r['intent'].replace('REFUSE: ', '') for r in rows if r['refuse']},
            'refusals_per_kind': {str(k): sum(r['refuse'] and r['kind'] == k for r in rows) for k in range(1, 6)},
            'tolerances': {'statistics/limits/coefficients/effects/power/CI': R_STAT, 'p-values': R_P,
                           'integers (runs, df, n, resolution, integer determinant)': R_INT},
            'loosened_tolerances': loosened, 'n_mutations_checked': nmut,
            'seed': 31313131, 'jsonl_md5': md5}
    json.dump(meta, open(os.path.join(HERE, 'round31_meta.json'), 'w'), indent=1)
    print('ok', md5, kinds, 'mutations', nmut)

if __name__ == '__main__':
    main()
