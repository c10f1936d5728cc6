#!/usr/bin/env python
"""Round 24 blind evaluation set for HAVOC.

Every question is built from its data; each expected number is computed three ways:
 (a) library (scipy / statsmodels / sympy / numpy; SPC with tabulated constants),
 (b) independent hand computation (textbook sums, mpmath incomplete beta/gamma,
     exact enumeration, Fractions, Cramer's rule, mpmath diff/quad/taylor, closed forms),
 (c) re-parse: the data are read back out of the QUESTION TEXT and (a) is recomputed.
Usage:  python make_round24.py            -> writes round24.jsonl
        python make_round24.py --mutate q05 [k]   -> alters the k-th number token (default 0)
            in q05's text and shows that check (c) fails.
"""
import sys, re, json, math, itertools, hashlib
from fractions import Fraction as Fr
import numpy as np
import scipy.stats as st
import sympy as sp
import mpmath as mp
from sympy.parsing.sympy_parser import (parse_expr, standard_transformations,
                                        implicit_multiplication_application, convert_xor)
import statsmodels.api as sm
import statsmodels.formula.api as smf
from statsmodels.stats.anova import anova_lm
from statsmodels.stats.oneway import anova_oneway
from statsmodels.stats.power import TTestIndPower, TTestPower
from statsmodels.stats.proportion import proportions_ztest
import pandas as pd

mp.mp.dps = 30
rng = np.random.default_rng(20240524)
F = float

# ----------------------------------------------------------------------------- helpers
NUM = r'-?\d+(?:\.\d+)?'


def nums(s):
    return [F(x) for x in re.findall(NUM, s)]


def line_after(text, label):
    i = text.index(label) + len(label)
    j = text.find('\n', i)
    return text[i:] if j < 0 else text[i:j]


WORDS = {'two': 2, 'three': 3, 'four': 4, 'five': 5, 'six': 6, 'seven': 7, 'eight': 8, 'nine': 9,
         'ten': 10, 'eleven': 11, 'twelve': 12, 'twenty': 20}


def word_after(text, pattern):
    m = re.search(pattern, text, re.I)
    w = m.group(1).lower()
    return WORDS[w] if w in WORDS else int(w)


TR = standard_transformations + (implicit_multiplication_application, convert_xor)
x, y, z = sp.symbols('x y z')


def pexpr(s):
    return parse_expr(s.strip(), transformations=TR, local_dict={'x': x, 'y': y, 'z': z, 'e': sp.E, 'pi': sp.pi})


def fsum(v):
    return math.fsum(v)


def hmean(v):
    return fsum(v) / len(v)


def hvar(v):
    m = hmean(v)
    return fsum((a - m) ** 2 for a in v) / (len(v) - 1)


def hp_t2(t, df):  # two-sided p of t via regularised incomplete beta
    return F(mp.betainc(mp.mpf(df) / 2, mp.mpf(1) / 2, 0, mp.mpf(df) / (df + mp.mpf(t) ** 2), regularized=True))


def hp_tlower(t, df):
    p2 = hp_t2(t, df)
    return p2 / 2 if t < 0 else 1 - p2 / 2


def hp_F(f, d1, d2):
    return F(mp.betainc(mp.mpf(d2) / 2, mp.mpf(d1) / 2, 0, mp.mpf(d2) / (d2 + d1 * mp.mpf(f)), regularized=True))


def hp_chi2(xv, k):
    return F(mp.gammainc(mp.mpf(k) / 2, mp.mpf(xv) / 2, mp.inf, regularized=True))


def hp_z2(zv):
    return F(mp.erfc(abs(mp.mpf(zv)) / mp.sqrt(2)))


def hPhi(zv):
    return F(mp.ncdf(zv))


def avg_ranks(vals):
    order = sorted(range(len(vals)), key=lambda i: vals[i])
    r = [0.0] * len(vals)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and vals[order[j + 1]] == vals[order[i]]:
            j += 1
        for k in range(i, j + 1):
            r[order[k]] = (i + j) / 2 + 1
        i = j + 1
    return r


def tie_groups(vals):
    c = {}
    for v in vals:
        c[v] = c.get(v, 0) + 1
    return [t for t in c.values() if t > 1]


# SPC table constants (standard tabulated values)
TAB = {2: dict(A2=1.880, d2=1.128, d3=0.853, D3=0, D4=3.267),
       4: dict(A2=0.729, d2=2.059, d3=0.880, D3=0, D4=2.282),
       5: dict(A2=0.577, d2=2.326, d3=0.864, D3=0, D4=2.114),
       8: dict(A3=1.099, B3=0.185, B4=1.815, c4=0.9650)}

QUESTIONS = []


def Q(kind, text, intent, tools, data=None, parse=None, lib=None, hand=None, expect=None, refuse=False):
    QUESTIONS.append(dict(kind=kind, text=text, intent=intent, tools=tools, data=data, parse=parse,
                          lib=lib, hand=hand, expect=expect or [], refuse=refuse))


def rows_csv(text, pat, sep=','):
    out = []
    for ln in text.splitlines():
        if re.match(pat, ln.strip()):
            out.append([c.strip() for c in ln.strip().strip('|').split(sep)])
    return out

# =============================================================================
# KIND 1: tables that are not plain numeric columns
# =============================================================================

# q01 CSV id + paired columns -> paired t
b = np.round(rng.normal(144, 9, 10)).astype(int)
a = (b - np.round(rng.normal(6, 5, 10))).astype(int)
d01 = dict(ids=[f'P{i + 1:02d}' for i in range(10)], before=[int(v) for v in b], after=[int(v) for v in a])
t01 = ("Blood pressure study, systolic mmHg measured on the same people before and after an 8-week walking programme "
       "(export from the clinic system):\n\nsubject,sbp_before,sbp_after\n" +
       "\n".join(f"{i},{u},{v}" for i, u, v in zip(d01['ids'], d01['before'], d01['after'])) +
       "\n\nDid the programme change systolic pressure? Paired t-test, two-sided, alpha 0.05.")


def p01(t):
    r = rows_csv(t, r'^P\d\d,')
    return dict(before=[F(c[1]) for c in r], after=[F(c[2]) for c in r])


def l01(d):
    res = st.ttest_rel(d['before'], d['after'])
    return {'t': abs(res.statistic), 'p': res.pvalue, 'md': abs(np.mean(np.subtract(d['before'], d['after'])))}


def h01(d):
    dd = [u - v for u, v in zip(d['before'], d['after'])]
    t = hmean(dd) / math.sqrt(hvar(dd) / len(dd))
    return {'t': abs(t), 'p': hp_t2(t, len(dd) - 1), 'md': abs(hmean(dd))}


Q(1, t01, "paired t-test on CSV with subject id column", ["t_test", "dsl_run"], d01, p01, l01, h01,
  [("|t|", 't', 0.005), ("p", 'p', 0.02), ("|mean difference|", 'md', 0.005)])

# q02 markdown table, lot / inspected / defective -> p chart with varying n
n02 = [180, 220, 200, 240, 190, 210, 260, 200, 230, 170]
dfc = [9, 14, 8, 17, 11, 10, 21, 12, 13, 7]
d02 = dict(n=n02, d=dfc)
t02 = ("| lot   | inspected | defective |\n|-------|-----------|-----------|\n" +
       "\n".join(f"| L-{101 + i} | {u} | {v} |" for i, (u, v) in enumerate(zip(n02, dfc))) +
       "\n\nSet up a p chart for these incoming lots (sample sizes differ). Give the centre line and the "
       "3-sigma UCL and LCL that apply to lot L-107.")


def p02(t):
    r = rows_csv(t, r'^\| L-\d+', '|')
    return dict(n=[F(c[1]) for c in r], d=[F(c[2]) for c in r])


def l02(d):
    n = np.array(d['n'], float); c = np.array(d['d'], float)
    pb = c.sum() / n.sum(); s = np.sqrt(pb * (1 - pb) / n[6])
    return {'pb': pb, 'ucl': pb + 3 * s, 'lcl': max(0.0, pb - 3 * s)}


def h02(d):
    pb = Fr(sum(int(v) for v in d['d']), sum(int(v) for v in d['n']))
    s = math.sqrt(F(pb * (1 - pb) / int(d['n'][6])))
    return {'pb': F(pb), 'ucl': F(pb) + 3 * s, 'lcl': max(0.0, F(pb) - 3 * s)}


Q(1, t02, "p chart from a markdown lot table with varying sample sizes; limits for one lot", ["control_chart", "dsl_run"],
  d02, p02, l02, h02, [("p-bar", 'pb', 0.005), ("UCL lot L-107", 'ucl', 0.005), ("LCL lot L-107", 'lcl', 0.005)])

# q03 label: count -> GOF with stated proportions
cats = ['espresso', 'latte', 'cappuccino', 'flat white', 'americano']
obs03 = [58, 91, 47, 39, 65]
pr03 = [20, 30, 15, 10, 25]
d03 = dict(obs=obs03, pr=pr03)
t03 = ("orders yesterday by drink:\n" + "\n".join(f"{c}: {o}" for c, o in zip(cats, obs03)) +
       "\n\nhead office plans stock on a mix of " + ", ".join(f"{c} {p}%" for c, p in zip(cats, pr03)) +
       ". does yesterday fit that mix? chi-square goodness of fit please")


def p03(t):
    obs = [F(re.search(re.escape(c) + r':\s*(\d+)', t).group(1)) for c in cats]
    pr = [F(re.search(re.escape(c) + r' (\d+)%', t).group(1)) for c in cats]
    return dict(obs=obs, pr=pr)


def l03(d):
    o = np.array(d['obs'], float); e = o.sum() * np.array(d['pr'], float) / 100
    r = st.chisquare(o, e)
    return {'chi2': r.statistic, 'p': r.pvalue, 'df': len(o) - 1}


def h03(d):
    n = sum(d['obs'])
    c = fsum((o - n * p / 100) ** 2 / (n * p / 100) for o, p in zip(d['obs'], d['pr']))
    return {'chi2': c, 'p': hp_chi2(c, len(d['obs']) - 1), 'df': len(d['obs']) - 1}


Q(1, t03, "goodness of fit from label: count lines with a stated mix", ["chi_square", "dsl_run"], d03, p03, l03, h03,
  [("chi-square", 'chi2', 0.005), ("p", 'p', 0.02), ("df", 'df', 0)])

# q04 tab-separated contingency table with labels -> chi-square independence
tab04 = [[34, 18, 9, 12], [29, 25, 14, 7], [21, 31, 22, 10]]
cols04 = ['scratch', 'dent', 'porosity', 'misalign']
rws04 = ['early', 'late', 'night']
d04 = dict(tab=tab04)
t04 = ("Defect type by shift, last quarter (tab separated):\n\nshift\t" + "\t".join(cols04) + "\n" +
       "\n".join(r + "\t" + "\t".join(str(v) for v in row) for r, row in zip(rws04, tab04)) +
       "\n\nIs defect type independent of shift? Pearson chi-square test of independence.")


def p04(t):
    return dict(tab=[[F(v) for v in line_after(t, '\n' + r + '\t').split('\t')] for r in rws04])


def l04(d):
    c, p, dof, e = st.chi2_contingency(np.array(d['tab'], float), correction=False)
    return {'chi2': c, 'p': p, 'df': dof}


def h04(d):
    T = d['tab']; R = [sum(r) for r in T]; C = [sum(c) for c in zip(*T)]; N = sum(R)
    c = fsum((T[i][j] - R[i] * C[j] / N) ** 2 / (R[i] * C[j] / N) for i in range(len(R)) for j in range(len(C)))
    k = (len(R) - 1) * (len(C) - 1)
    return {'chi2': c, 'p': hp_chi2(c, k), 'df': k}


Q(1, t04, "chi-square independence from a labelled tab-separated table", ["chi_square", "dsl_run"], d04, p04, l04, h04,
  [("chi-square", 'chi2', 0.005), ("p", 'p', 0.02), ("df", 'df', 0)])

# q05 aligned-space predictor/response -> simple regression
x05 = [150, 160, 170, 180, 190, 200, 210, 220, 230]
y05 = [61.2, 63.0, 66.1, 66.8, 70.4, 71.9, 72.5, 75.8, 76.3]
d05 = dict(x=x05, y=y05)
t05 = ("run   oven_temp_C   yield_pct\n" + "\n".join(f"{i + 1:>3}   {u:>11}   {v:>9}" for i, (u, v) in enumerate(zip(x05, y05))) +
       "\n\nregress yield on oven temp (straight line). want slope, intercept, R^2 and the p-value of the slope")


def p05(t):
    r = [nums(ln) for ln in t.splitlines() if re.match(r'^\s*\d+\s+\d+\s+\d', ln)]
    return dict(x=[v[1] for v in r], y=[v[2] for v in r])


def l05(d):
    m = sm.OLS(np.array(d['y']), sm.add_constant(np.array(d['x'], float))).fit()
    return {'b1': m.params[1], 'b0': m.params[0], 'r2': m.rsquared, 'p': m.pvalues[1]}


def h05(d):
    X, Y = d['x'], d['y']; mx, my = hmean(X), hmean(Y)
    sxx = fsum((a - mx) ** 2 for a in X); sxy = fsum((a - mx) * (b - my) for a, b in zip(X, Y))
    syy = fsum((b - my) ** 2 for b in Y)
    b1 = sxy / sxx; b0 = my - b1 * mx; sse = syy - b1 * sxy; n = len(X)
    t = b1 / math.sqrt(sse / (n - 2) / sxx)
    return {'b1': b1, 'b0': b0, 'r2': 1 - sse / syy, 'p': hp_t2(t, n - 2)}


Q(1, t05, "simple regression from an aligned-space table with a run column", ["regression", "dsl_run"], d05, p05, l05, h05,
  [("slope", 'b1', 0.005), ("intercept", 'b0', 0.005), ("R^2", 'r2', 0.005), ("p slope", 'p', 0.02)])

# q06 long-format CSV -> one-way ANOVA
g06 = {'Alder': [412, 398, 405, 421, 409, 401], 'Birch': [428, 433, 419, 441, 425, 430],
       'Cedar': [402, 396, 415, 399, 393, 408]}
order06 = [('Birch', 0), ('Alder', 0), ('Cedar', 0), ('Alder', 1), ('Cedar', 1), ('Birch', 1), ('Birch', 2), ('Alder', 2),
           ('Cedar', 2), ('Cedar', 3), ('Alder', 3), ('Birch', 3), ('Alder', 4), ('Birch', 4), ('Cedar', 4), ('Cedar', 5),
           ('Birch', 5), ('Alder', 5)]
d06 = dict(g=g06)
t06 = ("supplier,tensile_MPa\n" + "\n".join(f"{s},{g06[s][i]}" for s, i in order06) +
       "\n\nOne-way ANOVA: do the three suppliers differ in mean tensile strength? F and p.")


def p06(t):
    g = {}
    for ln in t.splitlines():
        m = re.match(r'^(Alder|Birch|Cedar),(\d+)', ln)
        if m:
            g.setdefault(m.group(1), []).append(F(m.group(2)))
    return dict(g=g)


def l06(d):
    r = st.f_oneway(*[d['g'][k] for k in sorted(d['g'])])
    return {'F': r.statistic, 'p': r.pvalue}


def h06(d):
    gs = [d['g'][k] for k in sorted(d['g'])]; allv = sum(gs, []); gm = hmean(allv)
    ssb = fsum(len(g) * (hmean(g) - gm) ** 2 for g in gs); ssw = fsum((v - hmean(g)) ** 2 for g in gs for v in g)
    k, N = len(gs), len(allv); f = (ssb / (k - 1)) / (ssw / (N - k))
    return {'F': f, 'p': hp_F(f, k - 1, N - k)}


Q(1, t06, "one-way ANOVA from long-format CSV (group column, value column, shuffled)", ["anova_oneway", "dsl_run"],
  d06, p06, l06, h06, [("F", 'F', 0.005), ("p", 'p', 0.02)])

# q07 grid: operator rows x gauge columns, two replicates per cell -> two-way ANOVA
ops07 = ['Ana', 'Ben', 'Caro']
gau07 = ['G1', 'G2', 'G3']
cell07 = [[(10.2, 10.5), (10.9, 11.1), (10.4, 10.1)],
          [(10.8, 10.6), (11.4, 11.0), (10.9, 11.2)],
          [(10.1, 10.3), (11.6, 11.9), (10.0, 10.4)]]
d07 = dict(c=cell07)
t07 = ("Diameter readings (mm). Rows = operator, columns = gauge, two repeat readings per cell separated by a slash.\n\n"
       "          G1          G2          G3\n" +
       "\n".join(f"{o:<6}" + "".join(f"{u}/{v}".rjust(12) for u, v in row) for o, row in zip(ops07, cell07)) +
       "\n\nRun a two-way ANOVA with interaction (operator, gauge, operator x gauge). Report the F for each of the three terms "
       "and the p-value of the interaction.")


def p07(t):
    c = []
    for o in ops07:
        pairs = re.findall(r'(\d+\.\d+)/(\d+\.\d+)', line_after(t, '\n' + o))
        c.append([(F(u), F(v)) for u, v in pairs])
    return dict(c=c)


def l07(d):
    rows = [(o, g, v) for i, o in enumerate(ops07) for j, g in enumerate(gau07) for v in d['c'][i][j]]
    df = pd.DataFrame(rows, columns=['op', 'g', 'y'])
    a = anova_lm(smf.ols('y ~ C(op)*C(g)', df).fit(), typ=2)
    return {'FA': a.F.iloc[0], 'FB': a.F.iloc[1], 'FAB': a.F.iloc[2], 'pAB': a['PR(>F)'].iloc[2]}


def h07(d):
    c = d['c']; a, b, r = 3, 3, 2
    cm = [[hmean(c[i][j]) for j in range(b)] for i in range(a)]
    rm = [hmean(cm[i]) for i in range(a)]; km = [hmean([cm[i][j] for i in range(a)]) for j in range(b)]
    gm = hmean(rm)
    ssa = b * r * fsum((v - gm) ** 2 for v in rm); ssb = a * r * fsum((v - gm) ** 2 for v in km)
    ssab = r * fsum((cm[i][j] - rm[i] - km[j] + gm) ** 2 for i in range(a) for j in range(b))
    sse = fsum((v - cm[i][j]) ** 2 for i in range(a) for j in range(b) for v in c[i][j])
    mse = sse / (a * b * (r - 1))
    fab = ssab / ((a - 1) * (b - 1)) / mse
    return {'FA': ssa / (a - 1) / mse, 'FB': ssb / (b - 1) / mse, 'FAB': fab, 'pAB': hp_F(fab, 4, 9)}


Q(1, t07, "two-way ANOVA from a grid with replicate pairs in each cell", ["anova_twoway", "dsl_run"], d07, p07, l07, h07,
  [("F operator", 'FA', 0.005), ("F gauge", 'FB', 0.005), ("F interaction", 'FAB', 0.005), ("p interaction", 'pAB', 0.02)])

# q08 u chart: roll length and flaw count
len08 = [42.0, 55.5, 38.0, 61.0, 47.5, 50.0, 44.0, 58.5, 40.0, 52.5]
c08 = [7, 12, 5, 14, 9, 8, 11, 10, 6, 9]
d08 = dict(n=len08, c=c08)
t08 = ("Coating flaws found on film rolls; rolls are different lengths.\n\nroll | metres | flaws\n" +
       "\n".join(f"R{i + 1} | {u} | {v}" for i, (u, v) in enumerate(zip(len08, c08))) +
       "\n\nTreat 1 metre as the inspection unit. Give the centre line of the appropriate attributes chart and the UCL for roll R4.")


def p08(t):
    r = rows_csv(t, r'^R\d+ \|', '|')
    return dict(n=[F(v[1]) for v in r], c=[F(v[2]) for v in r])


def l08(d):
    n = np.array(d['n']); c = np.array(d['c'], float); u = c.sum() / n.sum()
    return {'u': u, 'ucl': u + 3 * np.sqrt(u / n[3])}


def h08(d):
    u = Fr(sum(int(v) for v in d['c'])) / sum(Fr(str(v)) for v in d['n'])
    return {'u': F(u), 'ucl': F(u) + 3 * math.sqrt(F(u / Fr(str(d['n'][3]))))}


Q(1, t08, "u chart from a pipe table of roll lengths and flaw counts", ["control_chart", "dsl_run"], d08, p08, l08, h08,
  [("u-bar (flaws per metre)", 'u', 0.005), ("UCL roll R4", 'ucl', 0.005)])

# q09 np chart, tab table, n stated in prose
d09c = [6, 9, 4, 11, 7, 5, 8, 10, 6, 7, 9, 5]
d09 = dict(n=150, d=d09c)
days = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']
t09 = ("Each day the line inspects exactly 150 units and records the number of rejects. Two weeks:\n\nweek\tday\trejects\n" +
       "\n".join(f"{1 + i // 6}\t{days[i % 6]}\t{v}" for i, v in enumerate(d09c)) +
       "\n\nnp chart please: centre line and UCL (say what happens to the LCL).")


def p09(t):
    n = F(re.search(r'exactly (\d+) units', t).group(1))
    dd = [F(ln.split('\t')[2]) for ln in t.splitlines() if re.match(r'^\d\t[A-Z][a-z]{2}\t\d', ln)]
    return dict(n=n, d=dd)


def l09(d):
    c = np.array(d['d'], float); pb = c.mean() / d['n']; s = np.sqrt(d['n'] * pb * (1 - pb))
    return {'cl': d['n'] * pb, 'ucl': d['n'] * pb + 3 * s, 'lcl': max(0, d['n'] * pb - 3 * s)}


def h09(d):
    n = int(d['n']); pb = Fr(sum(int(v) for v in d['d']), n * len(d['d']))
    s = math.sqrt(F(n * pb * (1 - pb)))
    return {'cl': F(n * pb), 'ucl': F(n * pb) + 3 * s, 'lcl': max(0, F(n * pb) - 3 * s)}


Q(1, t09, "np chart; week/day label columns; n given in prose", ["control_chart", "dsl_run"], d09, p09, l09, h09,
  [("CL", 'cl', 0.005), ("UCL", 'ucl', 0.005)])
assert l09(d09)['lcl'] == 0  # LCL truncated at zero: not used as an expected number

# q10 markdown person, height, arm span -> Pearson
ppl = ['Maya', 'Tomas', 'Ines', 'Kwame', 'Li', 'Oskar', 'Priya', 'Rafa', 'Saoirse', 'Yusuf', 'Zoe']
h10 = [162, 178, 169, 185, 158, 181, 166, 174, 171, 189, 160]
s10 = [160, 181, 167, 190, 161, 179, 170, 176, 168, 192, 157]
d10 = dict(x=h10, y=s10)
t10 = ("| name | height (cm) | arm span (cm) |\n|:--|--:|--:|\n" +
       "\n".join(f"| {p} | {u} | {v} |" for p, u, v in zip(ppl, h10, s10)) +
       "\n\nPearson correlation between height and arm span, with its p-value?")


def p10(t):
    r = rows_csv(t, r'^\| [A-Z][a-z]+ \| \d', '|')
    return dict(x=[F(v[1]) for v in r], y=[F(v[2]) for v in r])


def l10(d):
    r = st.pearsonr(d['x'], d['y']); return {'r': r.statistic, 'p': r.pvalue}


def h10f(d):
    X, Y = d['x'], d['y']; mx, my = hmean(X), hmean(Y)
    r = fsum((a - mx) * (b - my) for a, b in zip(X, Y)) / math.sqrt(fsum((a - mx) ** 2 for a in X) * fsum((b - my) ** 2 for b in Y))
    n = len(X); t = r * math.sqrt((n - 2) / (1 - r * r))
    return {'r': r, 'p': hp_t2(t, n - 2)}


Q(1, t10, "Pearson correlation from a markdown table with a name column", ["correlation", "dsl_run"], d10, p10, l10, h10f,
  [("r", 'r', 0.005), ("p", 'p', 0.02)])

# q11 REFUSAL: p chart without sample sizes
t11 = ("lot,defectives\nK1,4\nK2,7\nK3,3\nK4,9\nK5,5\nK6,6\n\nBuild the p chart (proportion defective) for these lots and "
       "give the UCL for K4. Sample sizes weren't always the same, I don't have them to hand.")
Q(1, t11, "REFUSE: a p chart needs each lot's sample size; none are given and they are said to vary", [], refuse=True)

# q12 subgroup table -> Xbar-R
sub12 = np.round(rng.normal(25.00, 0.02, (10, 5)), 3)
d12 = dict(s=sub12.tolist())
t12 = ("subgroup  x1      x2      x3      x4      x5\n" +
       "\n".join(f"S{i + 1:<8}" + "  ".join(f"{v:.3f}" for v in row) for i, row in enumerate(sub12)) +
       "\n\nshaft diameters, mm, 5 per subgroup. Xbar-R chart limits: Xbar CL, UCL, LCL and the R chart UCL")


def p12(t):
    return dict(s=[nums(ln)[1:] for ln in t.splitlines() if re.match(r'^S\d+\s', ln)])


def l12(d):
    s = np.array(d['s']); xb = s.mean(1).mean(); rb = np.ptp(s, 1).mean(); c = TAB[5]
    return {'cl': xb, 'ucl': xb + c['A2'] * rb, 'lcl': xb - c['A2'] * rb, 'rucl': c['D4'] * rb}


def h12(d):
    s = d['s']; xb = hmean([hmean(r) for r in s]); rb = hmean([max(r) - min(r) for r in s])
    sig = rb / TAB[5]['d2']
    return {'cl': xb, 'ucl': xb + 3 * sig / math.sqrt(5), 'lcl': xb - 3 * sig / math.sqrt(5),
            'rucl': rb + 3 * TAB[5]['d3'] * sig}


Q(1, t12, "Xbar-R chart from a subgroup-id table", ["control_chart", "dsl_run"], d12, p12, l12, h12,
  [("Xbar CL", 'cl', 0.005), ("Xbar UCL", 'ucl', 0.005), ("Xbar LCL", 'lcl', 0.005), ("R UCL", 'rucl', 0.005)], )
QUESTIONS[-1]['spc'] = True

# q13 long-format tab two groups, Welch
gA = [23.1, 25.4, 22.8, 24.9, 26.2, 23.7, 25.0, 24.4]
gB = [27.9, 21.3, 30.2, 25.6, 29.8, 19.9, 28.4, 31.0, 26.7]
d13 = dict(a=gA, b=gB)
lst = [('vendorA', v) for v in gA] + [('vendorB', v) for v in gB]
perm = [3, 9, 0, 12, 5, 15, 1, 8, 10, 2, 14, 6, 16, 4, 11, 7, 13]
t13 = ("source\tcure_time_min\n" + "\n".join(f"{lst[i][0]}\t{lst[i][1]}" for i in perm) +
       "\n\ncompare mean cure time of the two resin vendors - the spreads clearly differ so don't pool the variances. "
       "two-sided t, df and p")


def p13(t):
    a = [F(v) for v in re.findall(r'vendorA\t(' + NUM + ')', t)]; b = [F(v) for v in re.findall(r'vendorB\t(' + NUM + ')', t)]
    return dict(a=a, b=b)


def l13(d):
    r = st.ttest_ind(d['a'], d['b'], equal_var=False)
    return {'t': abs(r.statistic), 'df': r.df, 'p': r.pvalue}


def h13(d):
    va, vb, na, nb = hvar(d['a']), hvar(d['b']), len(d['a']), len(d['b'])
    se2 = va / na + vb / nb; t = (hmean(d['a']) - hmean(d['b'])) / math.sqrt(se2)
    df = se2 ** 2 / ((va / na) ** 2 / (na - 1) + (vb / nb) ** 2 / (nb - 1))
    return {'t': abs(t), 'df': df, 'p': hp_t2(t, df)}


Q(1, t13, "Welch t from a long-format tab table; wording forbids pooling", ["t_test", "dsl_run"], d13, p13, l13, h13,
  [("|t|", 't', 0.005), ("Welch df", 'df', 0.005), ("p", 'p', 0.02)])

# =============================================================================
# KIND 2: intent carried by wording
# =============================================================================

# q14 don't assume normality -> Mann-Whitney exact (first sample lower so U1 = min U)
x14 = [3.1, 4.7, 2.6, 5.2, 3.9, 4.1, 2.2]
y14 = [5.8, 4.4, 6.3, 7.1, 5.5, 4.9, 6.8, 3.6]
d14 = dict(x=x14, y=y14)
t14 = ("Pain relief times (hours). Old formulation: " + ", ".join(map(str, x14)) + ". New formulation: " +
       ", ".join(map(str, y14)) + ". Samples are small and I don't want to assume normality. Do the two formulations differ? "
       "Give the test statistic and the exact two-sided p.")


def p14(t):
    return dict(x=nums(t[t.index('Old formulation:'):t.index('New formulation')]),
                y=nums(t[t.index('New formulation:'):t.index('Samples')]))


def l14(d):
    r = st.mannwhitneyu(d['x'], d['y'], alternative='two-sided', method='exact')
    return {'U': r.statistic, 'p': r.pvalue}


def exact_rs_dist(n1, N):
    # number of n1-subsets of ranks 1..N by rank sum
    ways = [[0] * (N * (N + 1) // 2 + 1) for _ in range(n1 + 1)]
    ways[0][0] = 1
    for r in range(1, N + 1):
        for k in range(min(n1, r), 0, -1):
            for s in range(len(ways[0]) - 1, r - 1, -1):
                ways[k][s] += ways[k - 1][s - r]
    return ways[n1]


def h14(d):
    X, Y = d['x'], d['y']; n1, n2 = len(X), len(Y)
    u1 = sum(1 for a in X for b in Y if a > b); u = min(u1, n1 * n2 - u1)
    w = exact_rs_dist(n1, n1 + n2); tot = sum(w); off = n1 * (n1 + 1) // 2
    cnt = sum(c for s, c in enumerate(w) if s - off <= u)
    return {'U': u, 'p': min(1.0, 2 * F(Fr(cnt, tot)))}


assert l14(d14)['U'] == min(h14(d14)['U'], len(x14) * len(y14) - h14(d14)['U'])
Q(2, t14, "'don't assume normality' with two independent samples -> Mann-Whitney, exact p", ["mann_whitney", "dsl_run"],
  d14, p14, l14, h14, [("U", 'U', 0), ("exact p", 'p', 0.02)])

# q15 label claim -> one-sample t vs 500
x15 = [497.2, 501.8, 494.6, 498.9, 496.3, 499.5, 493.8, 500.4, 495.7, 497.9, 498.2, 494.9]
d15 = dict(x=x15, mu=500)
t15 = ("The bottle says each tablet contains 500 mg of the active ingredient. We assayed twelve tablets from lot 2231: " +
       "; ".join(map(str, x15)) + " mg. Is the label claim supported?")


def p15(t):
    return dict(x=nums(t[t.index('2231:') + 5:t.index(' mg.')]), mu=F(re.search(r'contains (\d+) mg', t).group(1)))


def l15(d):
    r = st.ttest_1samp(d['x'], d['mu']); return {'t': abs(r.statistic), 'p': r.pvalue}


def h15(d):
    t = (hmean(d['x']) - d['mu']) / math.sqrt(hvar(d['x']) / len(d['x']))
    return {'t': abs(t), 'p': hp_t2(t, len(d['x']) - 1)}


Q(2, t15, "label claim = reference value -> one-sample t against 500 (lot number is context)", ["t_test", "dsl_run"],
  d15, p15, l15, h15, [("|t|", 't', 0.005), ("p", 'p', 0.02)])

# q16 exclusion of a named point
v16 = [8.42, 8.37, 8.51, 8.46, 8.39, 8.44, 9.87, 8.48, 8.41, 8.50, 8.43, 8.38]
d16 = dict(v=v16, drop=7)
t16 = ("pH readings by batch -- " + ", ".join(f"batch {i + 1}: {v}" for i, v in enumerate(v16)) +
       ". The probe was found to be uncalibrated during batch 7, so that reading is invalid; leave it out. "
       "What are the mean and standard deviation of the remaining batches?")


def p16(t):
    v = [F(m) for m in re.findall(r'batch \d+: (' + NUM + ')', t)]
    return dict(v=v, drop=int(re.search(r'during batch (\d+)', t).group(1)))


def l16(d):
    v = np.delete(np.array(d['v']), d['drop'] - 1); return {'m': v.mean(), 's': v.std(ddof=1)}


def h16(d):
    v = [a for i, a in enumerate(d['v']) if i != d['drop'] - 1]
    return {'m': hmean(v), 's': math.sqrt(hvar(v))}


Q(2, t16, "exclude the named batch 7 then describe", ["describe", "dsl_run"], d16, p16, l16, h16,
  [("mean", 'm', 0.005), ("sd", 's', 0.005)])

# q17 defect counts -> c chart
c17 = [12, 9, 14, 11, 8, 13, 10, 15, 12, 9, 11, 16, 10, 12, 13, 9, 11, 14, 10, 12]
d17 = dict(c=c17)
t17 = ("solder defects counted on each of 20 consecutive circuit boards (same board design every time): " +
       " ".join(map(str, c17)) + "\nwhat chart and what are its limits? centre, UCL, LCL")


def p17(t):
    return dict(c=nums(t[t.index('time):') + 6:t.index('\nwhat')]))


def l17(d):
    cb = np.mean(d['c']); return {'cl': cb, 'ucl': cb + 3 * np.sqrt(cb), 'lcl': max(0, cb - 3 * np.sqrt(cb))}


def h17(d):
    cb = Fr(sum(int(v) for v in d['c']), len(d['c']))
    return {'cl': F(cb), 'ucl': F(cb) + 3 * math.sqrt(F(cb)), 'lcl': max(0, F(cb) - 3 * math.sqrt(F(cb)))}


Q(2, t17, "defect counts on a constant unit -> c chart", ["control_chart", "dsl_run"], d17, p17, l17, h17,
  [("CL", 'cl', 0.005), ("UCL", 'ucl', 0.005), ("LCL", 'lcl', 0.005)])

# q18 Ppk from summary
d18 = dict(m=10.03, s=0.042, lsl=9.90, usl=10.15)
t18 = ("Fill volume long-term study: overall mean 10.03 mL, overall (long-term) standard deviation 0.042 mL. Spec is "
       "9.90 to 10.15 mL. What are Pp and Ppk?")


def p18(t):
    v = nums(t); return dict(m=v[0], s=v[1], lsl=v[2], usl=v[3])


def l18(d):
    s = d['s']; pp = (d['usl'] - d['lsl']) / (6 * s)
    return {'pp': pp, 'ppk': min(d['usl'] - d['m'], d['m'] - d['lsl']) / (3 * s)}


def h18(d):
    m, s, l, u = (Fr(str(d[k])) for k in ('m', 's', 'lsl', 'usl'))
    return {'pp': F((u - l) / (6 * s)), 'ppk': F(min(u - m, m - l) / (3 * s))}


Q(2, t18, "Ppk named, overall sd -> Pp/Ppk", ["summary_capability", "capability", "dsl_run"], d18, p18, l18, h18,
  [("Pp", 'pp', 0.005), ("Ppk", 'ppk', 0.005)])

# q19 2^3 with centre points -> curvature test
fac19 = {(-1, -1, -1): 41.2, (1, -1, -1): 47.9, (-1, 1, -1): 43.5, (1, 1, -1): 52.1,
         (-1, -1, 1): 42.8, (1, -1, 1): 49.3, (-1, 1, 1): 44.0, (1, 1, 1): 53.6}
ctr19 = [50.9, 51.6, 50.2, 51.3]
d19 = dict(f=[fac19[k] for k in sorted(fac19, key=lambda k: (k[2], k[1], k[0]))], c=ctr19)
sg = lambda v: '+' if v > 0 else '-'
t19 = ("2^3 factorial (A, B, C coded -/+) plus centre points, response = conversion %.\n" +
       "\n".join(f"A{sg(k[0])} B{sg(k[1])} C{sg(k[2])}: {fac19[k]}" for k in sorted(fac19, key=lambda k: (k[2], k[1], k[0]))) +
       "\ncentre (0,0,0): " + ", ".join(map(str, ctr19)) +
       "\nIs there evidence of curvature? I need the curvature sum of squares, its F and p (against pure error from the centre runs).")


def p19(t):
    f = [F(v) for v in re.findall(r'C[-+]: (' + NUM + ')', t)]
    return dict(f=f, c=nums(line_after(t, 'centre (0,0,0):')))


def l19(d):
    rows = []
    for (k, v) in zip(sorted(fac19, key=lambda k: (k[2], k[1], k[0])), d['f']):
        rows.append(dict(A=k[0], B=k[1], C=k[2], ctr=0, y=v))
    for v in d['c']:
        rows.append(dict(A=0, B=0, C=0, ctr=1, y=v))
    m = smf.ols('y ~ A*B*C + ctr', pd.DataFrame(rows)).fit()
    a = anova_lm(m, typ=2)
    return {'ss': a.loc['ctr', 'sum_sq'], 'F': a.loc['ctr', 'F'], 'p': a.loc['ctr', 'PR(>F)']}


def h19(d):
    nf, nc = len(d['f']), len(d['c']); yf, yc = hmean(d['f']), hmean(d['c'])
    ss = nf * nc * (yf - yc) ** 2 / (nf + nc); f = ss / hvar(d['c'])
    return {'ss': ss, 'F': f, 'p': hp_F(f, 1, nc - 1)}


Q(2, t19, "curvature test of a 2^3 with four centre points", ["doe_curvature", "doe_anova", "dsl_run"], d19, p19, l19, h19,
  [("SS curvature", 'ss', 0.005), ("F curvature", 'F', 0.005), ("p", 'p', 0.02)])

# q20 one-sided claim
x20 = [246.1, 251.3, 243.8, 248.7, 244.2, 249.9, 247.5, 242.6, 250.4, 245.3]
d20 = dict(x=x20, mu=250)
t20 = ("Supplier claims the mean breaking strength of their cord is at least 250 N. Our ten test pieces broke at " +
       ", ".join(map(str, x20)) + " N. Test at 5% whether the true mean is below the claimed 250 N (one-sided). t and p?")


def p20(t):
    return dict(x=nums(t[t.index('broke at') + 8:t.index(' N. Test')]), mu=F(re.search(r'at least (\d+) N', t).group(1)))


def l20(d):
    r = st.ttest_1samp(d['x'], d['mu'], alternative='less'); return {'t': r.statistic, 'p': r.pvalue}


def h20(d):
    t = (hmean(d['x']) - d['mu']) / math.sqrt(hvar(d['x']) / len(d['x']))
    return {'t': t, 'p': hp_tlower(t, len(d['x']) - 1)}


Q(2, t20, "one-sided (lower) one-sample t vs claimed minimum", ["t_test", "dsl_run"], d20, p20, l20, h20,
  [("t", 't', 0.005), ("one-sided p", 'p', 0.02)])

# q21 summary Welch
d21 = dict(m1=71.4, s1=4.2, n1=14, m2=66.9, s2=9.8, n2=11)
t21 = ("Line 1: mean cycle time 71.4 s, sd 4.2 s, n = 14. Line 2: mean 66.9 s, sd 9.8 s, n = 11. Don't assume the two "
       "lines have equal variances. Two-sided test of equal means: t, df, p.")


def p21(t):
    v = nums(t.replace('Line 1', '').replace('Line 2', ''))
    return dict(m1=v[0], s1=v[1], n1=v[2], m2=v[3], s2=v[4], n2=v[5])


def l21(d):
    r = st.ttest_ind_from_stats(d['m1'], d['s1'], d['n1'], d['m2'], d['s2'], d['n2'], equal_var=False)
    v1, v2 = d['s1'] ** 2 / d['n1'], d['s2'] ** 2 / d['n2']
    df = (v1 + v2) ** 2 / (v1 ** 2 / (d['n1'] - 1) + v2 ** 2 / (d['n2'] - 1))
    return {'t': abs(r.statistic), 'df': df, 'p': r.pvalue}


def h21(d):
    v1, v2 = Fr(str(d['s1'])) ** 2 / d['n1'], Fr(str(d['s2'])) ** 2 / d['n2']
    df = F((v1 + v2) ** 2 / (v1 ** 2 / (d['n1'] - 1) + v2 ** 2 / (d['n2'] - 1)))
    t = (d['m1'] - d['m2']) / math.sqrt(F(v1 + v2))
    return {'t': abs(t), 'df': df, 'p': hp_t2(t, df)}


Q(2, t21, "'don't assume equal variances' from summary figures -> Welch", ["summary_t_test", "dsl_run"], d21, p21, l21, h21,
  [("|t|", 't', 0.005), ("Welch df", 'df', 0.005), ("p", 'p', 0.02)])

# q22 pooled t raw data
a22 = [14.2, 15.1, 13.8, 14.9, 15.6, 14.4, 13.9]
b22 = [15.8, 16.2, 15.0, 16.9, 15.5, 16.4, 15.9, 16.6]
d22 = dict(a=a22, b=b22)
t22 = ("method old -> " + " ".join(map(str, a22)) + "\nmethod new -> " + " ".join(map(str, b22)) +
       "\nassume equal variances (pooled two-sample t), two sided. t, df, p")


def p22(t):
    return dict(a=nums(line_after(t, 'old ->')), b=nums(line_after(t, 'new ->')))


def l22(d):
    r = st.ttest_ind(d['a'], d['b']); return {'t': abs(r.statistic), 'df': r.df, 'p': r.pvalue}


def h22(d):
    na, nb = len(d['a']), len(d['b'])
    sp2 = ((na - 1) * hvar(d['a']) + (nb - 1) * hvar(d['b'])) / (na + nb - 2)
    t = (hmean(d['a']) - hmean(d['b'])) / math.sqrt(sp2 * (1 / na + 1 / nb))
    return {'t': abs(t), 'df': na + nb - 2, 'p': hp_t2(t, na + nb - 2)}


Q(2, t22, "'assume equal variances' -> pooled t", ["t_test", "dsl_run"], d22, p22, l22, h22,
  [("|t|", 't', 0.005), ("df", 'df', 0), ("p", 'p', 0.02)])


# q23 Cp/Cpk from R-bar (within sigma), subgroup size in words
d23 = dict(m=25.02, rb=0.18, n=4, lsl=24.70, usl=25.30)
t23 = ("We sample four parts every shift (subgroups of four). Grand mean 25.02 mm, average range R-bar 0.18 mm. "
       "Tolerance 24.70 - 25.30 mm. Estimate within-subgroup sigma from R-bar/d2 and give Cp and Cpk.")


def p23(t):
    v = nums(t); return dict(m=v[0], rb=v[1], lsl=v[2], usl=v[3], n=word_after(t, r'sample (\w+) parts'))


def l23(d):
    s = d['rb'] / TAB[int(d['n'])]['d2']
    return {'cp': (d['usl'] - d['lsl']) / (6 * s), 'cpk': min(d['usl'] - d['m'], d['m'] - d['lsl']) / (3 * s)}


def d2_exact(n):
    return F(mp.quad(lambda t: 1 - mp.ncdf(t) ** n - (1 - mp.ncdf(t)) ** n, [-mp.inf, 0, mp.inf]))


def h23(d):
    s = d['rb'] / d2_exact(d['n'])
    return {'cp': (d['usl'] - d['lsl']) / (6 * s), 'cpk': min(d['usl'] - d['m'], d['m'] - d['lsl']) / (3 * s)}


Q(2, t23, "Cp/Cpk with sigma = R-bar/d2 (n=4 in words)", ["summary_capability", "spc_constants", "dsl_run"], d23, p23, l23, h23,
  [("Cp", 'cp', 0.005), ("Cpk", 'cpk', 0.005)])
QUESTIONS[-1]['spc'] = True

# q24 REFUSAL: target missing
t24 = ("Is our fill weight on target? Twelve cartons today: 1002, 998, 1005, 1001, 997, 1003, 1006, 999, 1004, 1000, 1002, "
       "1007 g. Use a one-sample t-test against the target weight.")
Q(2, t24, "REFUSE: a one-sample t test against 'the target' but the target value is never stated", [], refuse=True)

# q25 paired, don't assume normality -> Wilcoxon signed-rank (differences mostly negative so W+ = min)
b25 = [31.2, 28.7, 35.4, 29.9, 33.1, 27.5, 30.8, 34.2, 32.0]
a25 = [33.0, 31.8, 35.1, 33.6, 35.3, 28.0, 34.1, 38.4, 31.3]
d25 = dict(b=b25, a=a25)
t25 = ("same nine runners, 5k time (min) before and after the altitude camp\nbefore: " + " / ".join(map(str, b25)) +
       "\nafter:  " + " / ".join(map(str, a25)) +
       "\ndifferences look skewed so dont assume normality. paired test, two sided, exact p please + the statistic")


def p25(t):
    return dict(b=nums(line_after(t, 'before:')), a=nums(line_after(t, 'after:')))


def l25(d):
    r = st.wilcoxon(d['b'], d['a'], method='exact'); return {'W': r.statistic, 'p': r.pvalue}


def h25(d):
    dd = [round(u - v, 10) for u, v in zip(d['b'], d['a']) if abs(u - v) > 1e-12]
    ab = [abs(v) for v in dd]; assert len(set(ab)) == len(ab)
    rk = avg_ranks(ab); wp = sum(r for r, v in zip(rk, dd) if v > 0); n = len(dd); tot = n * (n + 1) // 2
    wmin = min(wp, tot - wp)
    cnt = 0
    for signs in itertools.product([0, 1], repeat=n):
        s = sum(i + 1 for i, g in enumerate(signs) if g)
        if s <= wmin:
            cnt += 1
    return {'W': wmin, 'p': min(1.0, 2 * F(Fr(cnt, 2 ** n)))}


Q(2, t25, "paired + 'dont assume normality' -> Wilcoxon signed-rank exact", ["wilcoxon_signed_rank", "dsl_run"],
  d25, p25, l25, h25, [("W", 'W', 0), ("exact p", 'p', 0.02)])

# q26 one-sided exact binomial
d26 = dict(k=14, n=220, p0=0.10)
t26 = ("Vendor says fewer than 10% of their connectors are out of tolerance. We checked 220 and found 14 out of tolerance. "
       "Does this support the vendor's claim? Use an exact binomial test (one-sided, alternative: proportion < 0.10).")


def p26(t):
    return dict(k=int(re.search(r'found (\d+)', t).group(1)), n=int(re.search(r'checked (\d+)', t).group(1)),
                p0=F(re.search(r'< (0\.\d+)', t).group(1)))


def l26(d):
    return {'p': st.binomtest(d['k'], d['n'], d['p0'], alternative='less').pvalue}


def h26(d):
    p0 = Fr(str(d['p0'])); n = d['n']
    return {'p': F(sum(math.comb(n, i) * p0 ** i * (1 - p0) ** (n - i) for i in range(d['k'] + 1)))}


Q(2, t26, "one-sided exact binomial (lower tail)", ["proportion_test", "dsl_run"], d26, p26, l26, h26,
  [("one-sided exact p", 'p', 0.02)])

# =============================================================================
# KIND 3: numbers in prose with roles
# =============================================================================


def full_fact(levels, k):
    return list(itertools.product(range(levels), repeat=k))


# q27
d27 = dict(k=3, lev=3, rep=2, cap=9)
t27 = ("For the 2019 pilot we want a full factorial in three factors (flow, temperature, catalyst), each factor at three levels, "
       "and the whole thing replicated twice. The reactor can only do 9 runs per day, so each day is a block. How many runs in "
       "total and how many days (blocks)?")


def p27(t):
    return dict(k=word_after(t, r'factorial in (\w+) factors'), lev=word_after(t, r'at (\w+) levels'),
                rep=2 if 'twice' in t else 1, cap=int(re.search(r'only do (\d+) runs', t).group(1)))


def l27(d):
    N = len(full_fact(d['lev'], d['k'])) * d['rep']; return {'N': N, 'B': N // d['cap']}


def h27(d):
    N = d['lev'] ** d['k'] * d['rep']; return {'N': N, 'B': -(-N // d['cap'])}


Q(3, t27, "3^3 replicated twice, capacity 9/day as block size; year is context", ["doe_design", "dsl_run"], d27, p27, l27, h27,
  [("runs", 'N', 0), ("blocks (days)", 'B', 0)])

# q28
d28 = dict(k=6, p=2, c=4)
t28 = ("lot 4471 screening: six factors, a quarter fraction of the two-level factorial (2^(6-2)), plus 4 centre points. total runs?")


def p28(t):
    m = re.search(r'2\^\((\d+)-(\d+)\)', t)
    return dict(k=int(m.group(1)), p=int(m.group(2)), c=int(re.search(r'plus (\d+) centre', t).group(1)))


def l28(d):
    base = np.array(full_fact(2, d['k'] - d['p'])) * 2 - 1
    gens = [base[:, 0] * base[:, 1] * base[:, 2], base[:, 1] * base[:, 2] * base[:, 3]]
    des = np.column_stack([base] + gens)
    des = np.vstack([des, np.zeros((d['c'], d['k']))])
    return {'N': des.shape[0]}


def h28(d):
    return {'N': 2 ** (d['k'] - d['p']) + d['c']}


Q(3, t28, "2^(6-2) + 4 centre points; lot number is context", ["doe_design", "dsl_run"], d28, p28, l28, h28, [("runs", 'N', 0)])

# q29 Plackett-Burman
d29 = dict(k=10, c=3)
t29 = ("we have ten candidate factors and want the smallest Plackett-Burman screening design that fits them, then three "
       "centre runs added on top. how many runs is the PB design itself and how many in total?")


def p29(t):
    return dict(k=word_after(t, r'have (\w+) candidate'), c=word_after(t, r'then (\w+) centre'))


PB12 = [1, 1, -1, 1, 1, 1, -1, -1, -1, 1, -1]


def l29(d):
    rows = [np.roll(PB12, i) for i in range(11)] + [-np.ones(11)]
    M = np.array(rows)[:, :d['k']]
    assert np.allclose(M.T @ M, 12 * np.eye(d['k']))
    return {'N': M.shape[0], 'T': M.shape[0] + d['c']}


def h29(d):
    n = 4 * ((d['k'] + 1 + 3) // 4); return {'N': n, 'T': n + d['c']}


Q(3, t29, "Plackett-Burman for 10 factors -> 12 runs, +3 centre = 15", ["doe_design", "dsl_run"], d29, p29, l29, h29,
  [("PB runs", 'N', 0), ("total runs", 'T', 0)])

# q30 Box-Behnken
d30 = dict(k=4, c=3)
t30 = ("Lab in room 214 wants a Box-Behnken design for 4 factors with 3 centre points. How many experimental runs is that?")


def p30(t):
    return dict(k=int(re.search(r'for (\d+) factors', t).group(1)), c=int(re.search(r'with (\d+) centre', t).group(1)))


def l30(d):
    rows = []
    for i, j in itertools.combinations(range(d['k']), 2):
        for a, b in itertools.product([-1, 1], repeat=2):
            r = [0] * d['k']; r[i] = a; r[j] = b; rows.append(r)
    rows += [[0] * d['k']] * d['c']
    return {'N': len(rows)}


def h30(d):
    return {'N': 2 * d['k'] * (d['k'] - 1) + d['c']}


Q(3, t30, "Box-Behnken k=4 with 3 centre points; room number is context", ["doe_design", "dsl_run"], d30, p30, l30, h30,
  [("runs", 'N', 0)])

# q31 CCD rotatable
d31 = dict(k=3, c=6)
t31 = ("Rotatable central composite design, 3 factors, full factorial cube, six centre points in total. Number of runs, and the "
       "axial distance alpha?")


def p31(t):
    return dict(k=int(re.search(r'design, (\d+) factors', t).group(1)), c=word_after(t, r'(\w+) centre points'))


def l31(d):
    cube = np.array(full_fact(2, d['k'])) * 2 - 1; nf = cube.shape[0]; al = nf ** 0.25
    ax = np.vstack([s * al * np.eye(d['k'])[i] for i in range(d['k']) for s in (-1, 1)])
    des = np.vstack([cube, ax, np.zeros((d['c'], d['k']))])
    return {'N': des.shape[0], 'a': al}


def h31(d):
    return {'N': 2 ** d['k'] + 2 * d['k'] + d['c'], 'a': F(mp.root(mp.mpf(2) ** d['k'], 4))}


Q(3, t31, "rotatable CCD k=3, 6 centre points total", ["doe_design", "doe_properties", "dsl_run"], d31, p31, l31, h31,
  [("runs", 'N', 0), ("alpha", 'a', 0.005)])


# power helpers (hand: noncentral t via mpmath quadrature over the chi-square variable)
def nct_power_two_sided(delta, nu, alpha):
    # critical value by hand: invert the incomplete beta (two-sided p = alpha)
    c = mp.findroot(lambda tt: mp.betainc(mp.mpf(nu) / 2, mp.mpf(1) / 2, 0, nu / (nu + tt ** 2), regularized=True) - alpha, 2)
    dens = lambda v: mp.exp((nu / 2 - 1) * mp.log(v) - v / 2 - (nu / 2) * mp.log(2) - mp.loggamma(nu / 2))
    up = mp.quad(lambda v: dens(v) * (1 - mp.ncdf(c * mp.sqrt(v / nu) - delta)), [0, nu, mp.inf])
    lo = mp.quad(lambda v: dens(v) * mp.ncdf(-c * mp.sqrt(v / nu) - delta), [0, nu, mp.inf])
    return F(up + lo)


# q32 sample size, two-sample t
d32 = dict(diff=5.0, sd=8.0, alpha=0.05, power=0.90)
t32 = ("Planning a comparison of two coatings. We want to detect a difference in mean wear of 5 um, the standard deviation "
       "is about 8 um, two-sided alpha = 0.05 and power 0.90. How many specimens per coating (two-sample t-test)?")


def p32(t):
    return dict(diff=F(re.search(r'wear of (' + NUM + ')', t).group(1)), sd=F(re.search(r'about (' + NUM + ')', t).group(1)),
                alpha=F(re.search(r'alpha = (' + NUM + ')', t).group(1)), power=F(re.search(r'power (' + NUM + ')', t).group(1)))


def l32(d):
    n = TTestIndPower().solve_power(effect_size=d['diff'] / d['sd'], alpha=d['alpha'], power=d['power'])
    return {'n': int(math.ceil(n - 1e-9))}


def h32(d):
    es = d['diff'] / d['sd']; za = F(mp.sqrt(2) * mp.erfinv(1 - d['alpha'])); zb = F(mp.sqrt(2) * mp.erfinv(2 * d['power'] - 1))
    n = max(2, int(2 * ((za + zb) / es) ** 2) - 2)
    while nct_power_two_sided(es * math.sqrt(n / 2), 2 * n - 2, d['alpha']) < d['power']:
        n += 1
    return {'n': n}


Q(3, t32, "sample size per group for a two-sample t (effect 5, sd 8, alpha .05, power .9)", ["power", "dsl_run"],
  d32, p32, l32, h32, [("n per group", 'n', 0)])

# q33 power with given n
d33 = dict(n=20, diff=3.2, sd=4.5, alpha=0.05)
t33 = ("if we test 20 bolts from each supplier (two-sample t, two-sided, alpha 0.05) and the true difference in mean "
       "clamp load is 3.2 kN with sd 4.5 kN, what power do we have?")


def p33(t):
    return dict(n=F(re.search(r'test (\d+) bolts', t).group(1)), diff=F(re.search(r'load is (' + NUM + ')', t).group(1)),
                sd=F(re.search(r'sd (' + NUM + ')', t).group(1)), alpha=F(re.search(r'alpha (' + NUM + ')', t).group(1)))


def l33(d):
    return {'pw': TTestIndPower().power(effect_size=d['diff'] / d['sd'], nobs1=d['n'], alpha=d['alpha'])}


def h33(d):
    es = d['diff'] / d['sd']; return {'pw': nct_power_two_sided(es * math.sqrt(d['n'] / 2), 2 * d['n'] - 2, d['alpha'])}


Q(3, t33, "power of a two-sample t with 20 per group", ["power", "dsl_run"], d33, p33, l33, h33, [("power", 'pw', 0.005)])

# q34 Xbar-R from summary; sampling plan in words
d34 = dict(n=5, xb=12.018, rb=0.046)
t34 = ("Since March 2023 the operators pull five consecutive pieces off the press every hour and measure the bore. Over the "
       "last 25 hours the grand average is 12.018 mm and the average range is 0.046 mm. Give the X-bar chart limits and the "
       "upper limit of the R chart.")


def p34(t):
    return dict(n=word_after(t, r'pull (\w+) consecutive'), xb=F(re.search(r'average is (' + NUM + ')', t).group(1)),
                rb=F(re.search(r'range is (' + NUM + ')', t).group(1)))


def l34(d):
    c = TAB[int(d['n'])]
    return {'ucl': d['xb'] + c['A2'] * d['rb'], 'lcl': d['xb'] - c['A2'] * d['rb'], 'rucl': c['D4'] * d['rb']}


def h34(d):
    c = TAB[int(d['n'])]; s = d['rb'] / c['d2']
    return {'ucl': d['xb'] + 3 * s / math.sqrt(d['n']), 'lcl': d['xb'] - 3 * s / math.sqrt(d['n']),
            'rucl': d['rb'] + 3 * c['d3'] * s}


Q(3, t34, "Xbar-R limits from summary; n=5 from the sampling plan in words; year and 25 hours are context",
  ["summary_chart", "control_chart", "dsl_run"], d34, p34, l34, h34,
  [("Xbar UCL", 'ucl', 0.005), ("Xbar LCL", 'lcl', 0.005), ("R UCL", 'rucl', 0.005)])
QUESTIONS[-1]['spc'] = True

# q35 2^4 in two blocks with centre points per block
d35 = dict(k=4, blocks=2, cpb=3)
t35 = ("full 2^4 factorial, single replicate, but the furnace only fits 8 runs a day so it's split into 2 blocks; "
       "we add 3 centre points in each block. how many runs altogether?")


def p35(t):
    return dict(k=int(re.search(r'2\^(\d+)', t).group(1)), blocks=int(re.search(r'into (\d+) blocks', t).group(1)),
                cpb=int(re.search(r'add (\d+) centre', t).group(1)))


def l35(d):
    base = np.array(full_fact(2, d['k'])) * 2 - 1
    blk = np.prod(base, 1)  # ABCD confounded with blocks
    tot = 0
    for b in (-1, 1):
        tot += int((blk == b).sum()) + d['cpb']
    return {'N': tot}


def h35(d):
    return {'N': 2 ** d['k'] + d['blocks'] * d['cpb']}


Q(3, t35, "2^4 in 2 blocks, 3 centre points PER block -> 22", ["doe_design", "dsl_run"], d35, p35, l35, h35, [("runs", 'N', 0)])

# q36 3-level full factorial in 4 factors, batches of 9
d36 = dict(k=4, lev=3, cap=9)
t36 = ("Bakery trial: four ingredients, each at 3 levels (low / mid / high), full factorial, no replication. "
       "The oven takes 9 loaves per batch. Runs? Batches?")


def p36(t):
    return dict(k=word_after(t, r'trial: (\w+) ingredients'), lev=int(re.search(r'at (\d+) levels', t).group(1)),
                cap=int(re.search(r'takes (\d+) loaves', t).group(1)))


Q(3, t36, "3-level full factorial in 4 factors = 81 runs, 9 batches", ["doe_design", "dsl_run"], d36, p36,
  lambda d: {'N': len(full_fact(d['lev'], d['k'])), 'B': len(full_fact(d['lev'], d['k'])) // d['cap']},
  lambda d: {'N': d['lev'] ** d['k'], 'B': -(-d['lev'] ** d['k'] // d['cap'])}, [("runs", 'N', 0), ("batches", 'B', 0)])

# q37 paired sample size
d37 = dict(diff=1.5, sd=2.8, alpha=0.01, power=0.80)
t37 = ("Paired design (each operator measures with both gauges). Expected mean difference 1.5 units, sd of the differences "
       "2.8, alpha 0.01 two-sided, power 80%. How many pairs are needed for a paired t-test?")


def p37(t):
    return dict(diff=F(re.search(r'difference (' + NUM + ')', t).group(1)), sd=F(re.search(r'differences (' + NUM + ')', t).group(1)),
                alpha=F(re.search(r'alpha (' + NUM + ')', t).group(1)), power=F(re.search(r'power (\d+)%', t).group(1)) / 100)


def l37(d):
    n = TTestPower().solve_power(effect_size=d['diff'] / d['sd'], alpha=d['alpha'], power=d['power'])
    return {'n': int(math.ceil(n - 1e-9))}


def h37(d):
    es = d['diff'] / d['sd']; za = F(mp.sqrt(2) * mp.erfinv(1 - d['alpha'])); zb = F(mp.sqrt(2) * mp.erfinv(2 * d['power'] - 1))
    n = max(3, int(((za + zb) / es) ** 2) - 2)
    while nct_power_two_sided(es * math.sqrt(n), n - 1, d['alpha']) < d['power']:
        n += 1
    return {'n': n}


Q(3, t37, "paired t sample size, alpha 0.01, power 80%", ["power", "dsl_run"], d37, p37, l37, h37, [("pairs", 'n', 0)])

# q38 REFUSAL: impossible resolution
t38 = ("I need a resolution V 2^(5-2) fractional factorial (8 runs) for five factors. Please give me the generators and the run count.")
Q(3, t38, "REFUSE: a 2^(5-2) design has at most resolution III; resolution V is impossible in 8 runs", [], refuse=True)

# q39 Xbar-S from summary; subgroups of eight
d39 = dict(n=8, xb=50.2, sb=0.31)
t39 = ("Torque audit: subgroups of eight bolts, 30 subgroups so far. Grand mean 50.2 Nm, average subgroup standard deviation "
       "s-bar = 0.31 Nm. Give the X-bar chart UCL and LCL and the S chart UCL and LCL.")


def p39(t):
    return dict(n=word_after(t, r'subgroups of (\w+) bolts'), xb=F(re.search(r'mean (' + NUM + ')', t).group(1)),
                sb=F(re.search(r's-bar = (' + NUM + ')', t).group(1)))


def l39(d):
    c = TAB[int(d['n'])]
    return {'ucl': d['xb'] + c['A3'] * d['sb'], 'lcl': d['xb'] - c['A3'] * d['sb'], 'sucl': c['B4'] * d['sb'], 'slcl': c['B3'] * d['sb']}


def h39(d):
    n = d['n']; c4 = F(mp.sqrt(mp.mpf(2) / (n - 1)) * mp.gamma(mp.mpf(n) / 2) / mp.gamma(mp.mpf(n - 1) / 2))
    s = d['sb'] / c4; k = 3 * math.sqrt(1 - c4 ** 2) / c4
    return {'ucl': d['xb'] + 3 * s / math.sqrt(n), 'lcl': d['xb'] - 3 * s / math.sqrt(n), 'sucl': d['sb'] * (1 + k),
            'slcl': d['sb'] * (1 - k)}


Q(3, t39, "Xbar-S from summary, n=8 in words; 30 subgroups is context", ["summary_chart", "control_chart", "dsl_run"], d39, p39,
  l39, h39, [("Xbar UCL", 'ucl', 0.005), ("Xbar LCL", 'lcl', 0.005), ("S UCL", 'sucl', 0.005), ("S LCL", 'slcl', 0.005)])
QUESTIONS[-1]['spc'] = True

# q40 REFUSAL: sample size with no sd
t40 = ("How many samples per group do I need for 80% power at alpha 0.05 (two-sample t) to detect a 4 mm difference in mean "
       "length between the two cutters? We haven't measured anything yet so I can't give you a standard deviation.")
Q(3, t40, "REFUSE: sample size needs the sd (or a standardized effect); the user says none is available", [], refuse=True)

# =============================================================================
# KIND 4: maths
# =============================================================================


def rex(t, pat):
    return pexpr(re.search(pat, t, re.S).group(1))


# q41 derivative at a point
d41 = dict(e='x^2*exp(-x)', a=1.5)
t41 = "d/dx of x^2*exp(-x) at x = 1.5 ?"


def p41(t):
    return dict(e=re.search(r'of (.*) at', t).group(1), a=F(re.search(r'x = (' + NUM + ')', t).group(1)))


Q(4, t41, "derivative at a point", ["differentiate", "evaluate", "dsl_run"], d41, p41,
  lambda d: {'v': F(sp.diff(pexpr(d['e']), x).subs(x, sp.nsimplify(d['a'])))},
  lambda d: {'v': F(mp.diff(lambda t: t ** 2 * mp.exp(-t), d['a']))}, [("f'(1.5)", 'v', 0.005)])

# q42 definite integral
d42 = dict(e='x^2 sqrt(1+x)', a=0, b=2)
t42 = "integrate x^2 sqrt(1+x) dx from 0 to 2"


def p42(t):
    m = re.search(r'integrate (.*) dx from (\d+) to (\d+)', t); return dict(e=m.group(1), a=int(m.group(2)), b=int(m.group(3)))


Q(4, t42, "definite integral, implicit multiplication", ["integrate", "dsl_run"], d42, p42,
  lambda d: {'v': F(sp.integrate(pexpr(d['e']), (x, d['a'], d['b'])))},
  lambda d: {'v': F(mp.quad(lambda t: t ** 2 * mp.sqrt(1 + t), [d['a'], d['b']]))}, [("integral", 'v', 0.005)])

# q43 limit
d43 = dict(e='(sin(3x) - 3x)/x^3', a=0)
t43 = "lim x->0 of (sin(3x) - 3x)/x^3"
Q(4, t43, "limit at 0 (value -4.5)", ["limit", "dsl_run"], d43,
  lambda t: dict(e=re.search(r'of (.*)$', t).group(1), a=int(re.search(r'x->(\d+)', t).group(1))),
  lambda d: {'v': F(sp.limit(pexpr(d['e']), x, d['a']))},
  lambda d: {'v': F(mp.limit(lambda t: (mp.sin(3 * t) - 3 * t) / t ** 3, d['a']))}, [("limit", 'v', 0.005)])

# q44 cubic roots
d44 = dict(c=[1, -2, -5, 3])
t44 = "Find all real roots of  x^3 - 2x^2 - 5x + 3 = 0  (numerically, 4 d.p. is fine)"


def p44(t):
    e = pexpr(re.search(r'of\s+(.*) = 0', t).group(1)); return dict(c=[int(v) for v in sp.Poly(e, x).all_coeffs()])


def l44(d):
    r = sorted(np.roots(d['c']).real); return {f'r{i}': v for i, v in enumerate(r)}


def h44(d):
    r = sorted(F(mp.re(v)) for v in mp.polyroots(d['c'], maxsteps=100, extraprec=50)); return {f'r{i}': v for i, v in enumerate(r)}


Q(4, t44, "three real roots of a cubic", ["solve", "dsl_run"], d44, p44, l44, h44,
  [("root 1", 'r0', 0.005), ("root 2", 'r1', 0.005), ("root 3", 'r2', 0.005)])

# q45 linear system
A45 = [[3, 2, -4], [2, 3, 3], [5, -3, 1]]
b45 = [4, 15, 13]
d45 = dict(A=A45, b=b45)
t45 = "solve\n3x + 2y - 4z = 4\n2x + 3y + 3z = 15\n5x - 3y + z = 13"


def p45(t):
    A, b = [], []
    for ln in t.splitlines()[1:]:
        lhs, rhs = ln.split('=')
        e = pexpr(lhs); A.append([int(e.coeff(v)) for v in (x, y, z)]); b.append(int(rhs))
    return dict(A=A, b=b)


def cramer(A, b):
    A = [[Fr(v) for v in r] for r in A]; D = det_fr(A); out = []
    for j in range(len(A)):
        M = [r[:] for r in A]
        for i in range(len(A)):
            M[i][j] = Fr(b[i])
        out.append(det_fr(M) / D)
    return out


def det_fr(M):
    M = [[Fr(v) for v in r] for r in M]
    if len(M) == 1:
        return M[0][0]
    return sum((-1) ** j * M[0][j] * det_fr([r[:j] + r[j + 1:] for r in M[1:]]) for j in range(len(M)))


def l45(d):
    s = np.linalg.solve(np.array(d['A'], float), np.array(d['b'], float)); return {'x': s[0], 'y': s[1], 'z': s[2]}


def h45(d):
    s = cramer(d['A'], d['b']); return {'x': F(s[0]), 'y': F(s[1]), 'z': F(s[2])}


Q(4, t45, "3x3 linear system", ["solve", "matrix", "dsl_run"], d45, p45, l45, h45,
  [("x", 'x', 0.005), ("y", 'y', 0.005), ("z", 'z', 0.005)])

# q46 determinant 4x4
A46 = [[2, -1, 0, 3], [1, 4, -2, 0], [0, 3, 5, -1], [-2, 1, 1, 6]]
d46 = dict(A=A46)
t46 = "det of [[2,-1,0,3],[1,4,-2,0],[0,3,5,-1],[-2,1,1,6]] = ?"


def p46(t):
    return dict(A=[[int(v) for v in re.findall(r'-?\d+', r)] for r in re.findall(r'\[([^\[\]]+)\]', t)])


Q(4, t46, "4x4 determinant", ["matrix", "dsl_run"], d46, p46, lambda d: {'D': int(sp.Matrix(d['A']).det())},
  lambda d: {'D': int(det_fr(d['A']))}, [("determinant", 'D', 0)])

# q47 inverse entries
A47 = [[4, 7, 2], [3, 6, 1], [2, 5, 3]]
d47 = dict(A=A47)
t47 = ("Matrix A has rows (4 7 2), (3 6 1), (2 5 3). Compute A^-1 and tell me the entries in row 1 and in position (3,3) as decimals.")


def p47(t):
    return dict(A=[[int(v) for v in r.split()] for r in re.findall(r'\(([\d ]+)\)', t)])


def l47(d):
    M = sp.Matrix(d['A']).inv(); return {'a11': F(M[0, 0]), 'a12': F(M[0, 1]), 'a13': F(M[0, 2]), 'a33': F(M[2, 2])}


def h47(d):
    A = d['A']; D = det_fr(A)

    def cof(i, j):
        return (-1) ** (i + j) * det_fr([r[:j] + r[j + 1:] for k, r in enumerate(A) if k != i])
    inv = lambda i, j: F(cof(j, i) / D)
    return {'a11': inv(0, 0), 'a12': inv(0, 1), 'a13': inv(0, 2), 'a33': inv(2, 2)}


Q(4, t47, "3x3 inverse entries", ["matrix", "dsl_run"], d47, p47, l47, h47,
  [("(A^-1)_11", 'a11', 0.005), ("(A^-1)_12", 'a12', 0.005), ("(A^-1)_13", 'a13', 0.005), ("(A^-1)_33", 'a33', 0.005)])

# q48 eigenvalues symmetric
A48 = [[6, 2, 1], [2, 3, 1], [1, 1, 1]]
d48 = dict(A=A48)
t48 = "eigenvalues of the symmetric matrix\n6 2 1\n2 3 1\n1 1 1"


def p48(t):
    return dict(A=[[int(v) for v in ln.split()] for ln in t.splitlines()[1:]])


def l48(d):
    e = np.linalg.eigvalsh(np.array(d['A'], float)); return {f'e{i}': v for i, v in enumerate(sorted(e))}


def h48(d):
    A = [[Fr(v) for v in r] for r in d['A']]
    tr = A[0][0] + A[1][1] + A[2][2]
    m2 = sum(A[i][i] * A[j][j] - A[i][j] * A[j][i] for i, j in [(0, 1), (0, 2), (1, 2)])
    r = sorted(F(mp.re(v)) for v in mp.polyroots([1, -F(tr), F(m2), -F(det_fr(A))], extraprec=60))
    return {f'e{i}': v for i, v in enumerate(r)}


Q(4, t48, "eigenvalues of a symmetric 3x3", ["matrix", "dsl_run"], d48, p48, l48, h48,
  [("eigenvalue 1", 'e0', 0.005), ("eigenvalue 2", 'e1', 0.005), ("eigenvalue 3", 'e2', 0.005)])

# q49 mixed partial
d49 = dict(e='x^2*y^3 + sin(x*y)', a=1, b=2)
t49 = "f(x,y) = x^2*y^3 + sin(x*y). what is f_xy (mixed second partial) at (1, 2)?"


def p49(t):
    m = re.search(r'at \((\d+), (\d+)\)', t)
    return dict(e=re.search(r'= (.*)\. what', t).group(1), a=int(m.group(1)), b=int(m.group(2)))


Q(4, t49, "mixed partial derivative at a point", ["differentiate", "dsl_run"], d49, p49,
  lambda d: {'v': F(sp.diff(pexpr(d['e']), x, y).subs({x: d['a'], y: d['b']}))},
  lambda d: {'v': F(mp.diff(lambda u, v: u ** 2 * v ** 3 + mp.sin(u * v), (d['a'], d['b']), (1, 1)))},
  [("f_xy(1,2)", 'v', 0.005)])

# q50 Taylor coefficients
d50 = dict(e='sqrt(1+x)*exp(2x)')
t50 = "Maclaurin series of sqrt(1+x)*exp(2x) up to x^4 -- give the coefficients of x^2, x^3 and x^4"


def l50(d):
    s = sp.series(pexpr(d['e']), x, 0, 5).removeO()
    return {'c2': F(s.coeff(x, 2)), 'c3': F(s.coeff(x, 3)), 'c4': F(s.coeff(x, 4))}


def h50(d):
    c = mp.taylor(lambda t: mp.sqrt(1 + t) * mp.exp(2 * t), 0, 4); return {'c2': F(c[2]), 'c3': F(c[3]), 'c4': F(c[4])}


Q(4, t50, "Taylor coefficients", ["series", "dsl_run"], d50, lambda t: dict(e=re.search(r'of (.*) up to', t).group(1)), l50, h50,
  [("coef x^2", 'c2', 0.005), ("coef x^3", 'c3', 0.005), ("coef x^4", 'c4', 0.005)])

# q51 limit at infinity
d51 = dict(e='(1 + 2/x)^(3x)')
t51 = "what does (1 + 2/x)^(3x) tend to as x goes to infinity? numeric value pls"
Q(4, t51, "limit at infinity = e^6", ["limit", "dsl_run"], d51, lambda t: dict(e=re.search(r'does (.*) tend', t).group(1)),
  lambda d: {'v': F(sp.limit(pexpr(d['e']), x, sp.oo))},
  lambda d: {'v': F(mp.limit(lambda t: (1 + 2 / t) ** (3 * t), mp.inf))}, [("limit", 'v', 0.005)])

# q52 improper integral
d52 = dict(e='1/(x^2+x)', a=1)
t52 = "Evaluate the improper integral of 1/(x^2+x) from x=1 to infinity."
Q(4, t52, "improper integral = ln 2", ["integrate", "dsl_run"], d52,
  lambda t: dict(e=re.search(r'integral of (.*) from', t).group(1), a=int(re.search(r'x=(\d+)', t).group(1))),
  lambda d: {'v': F(sp.integrate(pexpr(d['e']), (x, d['a'], sp.oo)))},
  lambda d: {'v': F(mp.quad(lambda t: 1 / (t ** 2 + t), [d['a'], mp.inf]))}, [("integral", 'v', 0.005)])

# q53 REFUSAL: determinant of non-square
t53 = "determinant of the matrix [[1, 2, 3], [4, 5, 6]] please"
Q(4, t53, "REFUSE: a 2x3 matrix has no determinant", [], refuse=True)

# q54 second derivative of quotient
d54 = dict(e='ln(x^2+1)/x', a=2)
t54 = "y = ln(x^2+1)/x. Find y'' when x = 2."
Q(4, t54, "second derivative at a point", ["differentiate", "evaluate", "dsl_run"], d54,
  lambda t: dict(e=re.search(r'y = (.*)\. Find', t).group(1), a=int(re.search(r'x = (\d+)', t).group(1))),
  lambda d: {'v': F(sp.diff(pexpr(d['e']), x, 2).subs(x, d['a']))},
  lambda d: {'v': F(mp.diff(lambda t: mp.log(t ** 2 + 1) / t, d['a'], 2))}, [("y''(2)", 'v', 0.005)])

# q55 definite trig integral, typed sloppily
d55 = dict(e='e^x cos(x)', a=0, b='pi/2')
t55 = "int_0^{pi/2} e^x cos(x) dx"
Q(4, t55, "definite integral with pi/2 limit", ["integrate", "dsl_run"], d55,
  lambda t: dict(e=re.search(r'\} (.*) dx', t).group(1), a=int(re.search(r'int_(\d+)', t).group(1)),
                 b=re.search(r'\^\{(.*?)\}', t).group(1)),
  lambda d: {'v': F(sp.integrate(pexpr(d['e']), (x, d['a'], pexpr(d['b']))))},
  lambda d: {'v': F(mp.quad(lambda t: mp.exp(t) * mp.cos(t), [d['a'], mp.pi / 2]))}, [("integral", 'v', 0.005)])

# =============================================================================
# KIND 5: specific tests
# =============================================================================

# q56 Kruskal-Wallis (ties present)
g56 = {'Line A': [14, 17, 12, 19, 15, 16], 'Line B': [21, 18, 23, 17, 25], 'Line C': [13, 11, 16, 10, 14, 12, 15]}
d56 = dict(g=g56)
t56 = ("Minutes to changeover, three lines.\n" + "\n".join(f"{k} = {v}" for k, v in g56.items()) +
       "\nKruskal-Wallis test please (with the tie correction). H and p.")


def p56(t):
    return dict(g={k: nums(line_after(t, k + ' =')) for k in g56})


def l56(d):
    r = st.kruskal(*d['g'].values()); return {'H': r.statistic, 'p': r.pvalue}


def h56(d):
    gs = list(d['g'].values()); allv = sum(gs, []); rk = avg_ranks(allv); N = len(allv)
    pos = 0; s = 0.0
    for g in gs:
        s += sum(rk[pos:pos + len(g)]) ** 2 / len(g); pos += len(g)
    H = 12 / (N * (N + 1)) * s - 3 * (N + 1)
    H /= 1 - sum(t ** 3 - t for t in tie_groups(allv)) / (N ** 3 - N)
    return {'H': H, 'p': hp_chi2(H, len(gs) - 1)}


Q(5, t56, "Kruskal-Wallis with ties", ["kruskal_wallis", "dsl_run"], d56, p56, l56, h56, [("H", 'H', 0.005), ("p", 'p', 0.02)])

# q57 Fisher exact
d57 = dict(t=[[2, 11], [9, 5]])
t57 = ("Adverse reaction: drug 2 of 13 patients, placebo 9 of 14. Fisher's exact test, two-sided p?")


def p57(t):
    m1 = re.search(r'drug (\d+) of (\d+)', t); m2 = re.search(r'placebo (\d+) of (\d+)', t)
    a, n1, c, n2 = int(m1.group(1)), int(m1.group(2)), int(m2.group(1)), int(m2.group(2))
    return dict(t=[[a, n1 - a], [c, n2 - c]])


def l57(d):
    return {'p': st.fisher_exact(d['t']).pvalue}


def h57(d):
    (a, b_), (c, dd) = d['t']; r1, r2, c1 = a + b_, c + dd, a + c; N = r1 + r2
    pr = lambda k: Fr(math.comb(r1, k) * math.comb(r2, c1 - k), math.comb(N, c1))
    po = pr(a)
    return {'p': F(sum(pr(k) for k in range(max(0, c1 - r2), min(r1, c1) + 1) if pr(k) <= po))}


Q(5, t57, "Fisher exact 2x2 from 'x of n' prose", ["proportion_test", "chi_square", "dsl_run"], d57, p57, l57, h57,
  [("p", 'p', 0.02)])

# q58 Brown-Forsythe
g58 = {'supplier 1': [5.12, 5.08, 5.15, 5.11, 5.09, 5.13, 5.10],
       'supplier 2': [5.02, 5.21, 4.97, 5.18, 5.25, 5.05, 4.99],
       'supplier 3': [5.10, 5.06, 5.14, 5.01, 5.19, 5.12, 5.08]}
d58 = dict(g=g58)
t58 = ("Brown-Forsythe (median-centred Levene) test for equal variances:\n" +
       "\n".join(f"{k}: " + "  ".join(map(str, v)) for k, v in g58.items()) + "\nstatistic and p")


def p58(t):
    return dict(g={k: nums(line_after(t, k + ':')) for k in g58})


def l58(d):
    r = st.levene(*d['g'].values(), center='median'); return {'W': r.statistic, 'p': r.pvalue}


def h58(d):
    zs = []
    for g in d['g'].values():
        s = sorted(g); n = len(s); med = s[n // 2] if n % 2 else (s[n // 2 - 1] + s[n // 2]) / 2
        zs.append([abs(v - med) for v in g])
    a = h06(dict(g={str(i): z_ for i, z_ in enumerate(zs)}))
    return {'W': a['F'], 'p': a['p']}


Q(5, t58, "Brown-Forsythe / Levene(median)", ["levene", "dsl_run"], d58, p58, l58, h58, [("statistic", 'W', 0.005), ("p", 'p', 0.02)])

# q59 Bartlett
d59 = dict(g={'M1': [20.1, 19.8, 20.4, 20.0, 19.7, 20.3], 'M2': [20.6, 19.2, 21.0, 19.5, 20.9, 19.9],
              'M3': [20.2, 20.0, 19.9, 20.5, 20.1, 19.6], 'M4': [19.4, 21.2, 20.8, 19.0, 20.7, 21.5]})
t59 = ("bartlett's test of homogeneity of variance for the four moulds\n" +
       "\n".join(f"{k} | " + ", ".join(map(str, v)) for k, v in d59['g'].items()))


def p59(t):
    return dict(g={k: nums(line_after(t, k + ' |')) for k in ('M1', 'M2', 'M3', 'M4')})


def l59(d):
    r = st.bartlett(*d['g'].values()); return {'T': r.statistic, 'p': r.pvalue}


def h59(d):
    gs = list(d['g'].values()); k = len(gs); N = sum(map(len, gs))
    sp2 = fsum((len(g) - 1) * hvar(g) for g in gs) / (N - k)
    num = (N - k) * math.log(sp2) - fsum((len(g) - 1) * math.log(hvar(g)) for g in gs)
    den = 1 + (fsum(1 / (len(g) - 1) for g in gs) - 1 / (N - k)) / (3 * (k - 1))
    T = num / den; return {'T': T, 'p': hp_chi2(T, k - 1)}


Q(5, t59, "Bartlett test", ["variance_test", "dsl_run"], d59, p59, l59, h59, [("Bartlett statistic", 'T', 0.005), ("p", 'p', 0.02)])

# q60 F test of two variances
d60 = dict(a=[0.52, 0.61, 0.47, 0.58, 0.66, 0.49, 0.55, 0.63, 0.51], b=[0.57, 0.55, 0.59, 0.56, 0.54, 0.58, 0.57, 0.60])
t60 = ("Old gauge readings: " + " ".join(map(str, d60['a'])) + ". New gauge readings: " + " ".join(map(str, d60['b'])) +
       ". F test of equal variances (old variance over new), two-sided. F and p.")


def p60(t):
    return dict(a=nums(t[t.index('Old gauge readings:'):t.index('. New')]), b=nums(t[t.index('New gauge readings:'):t.index('. F test')]))


def l60(d):
    f = np.var(d['a'], ddof=1) / np.var(d['b'], ddof=1); d1, d2 = len(d['a']) - 1, len(d['b']) - 1
    return {'F': f, 'p': 2 * min(st.f.cdf(f, d1, d2), st.f.sf(f, d1, d2))}


def h60(d):
    f = hvar(d['a']) / hvar(d['b']); d1, d2 = len(d['a']) - 1, len(d['b']) - 1; up = hp_F(f, d1, d2)
    return {'F': f, 'p': 2 * min(up, 1 - up)}


Q(5, t60, "F test of two variances, ratio direction fixed", ["variance_test", "dsl_run"], d60, p60, l60, h60,
  [("F", 'F', 0.005), ("p", 'p', 0.02)])

# q61 Welch ANOVA
d61 = dict(g={'P': [31.2, 30.8, 31.5, 31.0, 30.9, 31.3], 'Q': [29.5, 33.8, 27.9, 32.6, 35.1, 28.4, 30.2],
              'R': [32.4, 32.9, 31.8, 33.5, 32.2]})
t61 = ("Three process settings P, Q, R with very different spreads. Welch's ANOVA (not the classic F) for equal means.\n" +
       "\n".join(f"{k}: " + ", ".join(map(str, v)) for k, v in d61['g'].items()) + "\nReport F, the denominator df and p.")


def p61(t):
    return dict(g={k: nums(line_after(t, '\n' + k + ':')) for k in 'PQR'})


def l61(d):
    r = anova_oneway(list(d['g'].values()), use_var='unequal', welch_correction=True)
    return {'F': r.statistic, 'df2': r.df[1], 'p': r.pvalue}


def h61(d):
    gs = list(d['g'].values()); k = len(gs)
    w = [len(g) / hvar(g) for g in gs]; W = fsum(w); mw = fsum(wi * hmean(g) for wi, g in zip(w, gs)) / W
    A = fsum(wi * (hmean(g) - mw) ** 2 for wi, g in zip(w, gs)) / (k - 1)
    L = fsum((1 - wi / W) ** 2 / (len(g) - 1) for wi, g in zip(w, gs))
    Fv = A / (1 + 2 * (k - 2) / (k * k - 1) * L); df2 = (k * k - 1) / (3 * L)
    return {'F': Fv, 'df2': df2, 'p': hp_F(Fv, k - 1, df2)}


Q(5, t61, "Welch ANOVA", ["anova_oneway", "dsl_run"], d61, p61, l61, h61,
  [("Welch F", 'F', 0.005), ("df2", 'df2', 0.005), ("p", 'p', 0.02)])

# q62 two-proportion z
d62 = dict(x1=47, n1=380, x2=29, n2=410)
t62 = ("Old supplier: 47 failures in 380 units. New supplier: 29 failures in 410 units. Two-proportion z-test (pooled), "
       "two-sided: z and p.")


def p62(t):
    a = re.search(r'Old supplier: (\d+) failures in (\d+)', t); b = re.search(r'New supplier: (\d+) failures in (\d+)', t)
    return dict(x1=int(a.group(1)), n1=int(a.group(2)), x2=int(b.group(1)), n2=int(b.group(2)))


def l62(d):
    zz, p = proportions_ztest([d['x1'], d['x2']], [d['n1'], d['n2']]); return {'z': abs(zz), 'p': p}


def h62(d):
    p1, p2 = Fr(d['x1'], d['n1']), Fr(d['x2'], d['n2']); pp = Fr(d['x1'] + d['x2'], d['n1'] + d['n2'])
    zz = F(p1 - p2) / math.sqrt(F(pp * (1 - pp) * (Fr(1, d['n1']) + Fr(1, d['n2']))))
    return {'z': abs(zz), 'p': hp_z2(zz)}


Q(5, t62, "two-proportion pooled z", ["proportion_test", "dsl_run"], d62, p62, l62, h62, [("|z|", 'z', 0.005), ("p", 'p', 0.02)])

# q63 Shapiro-Wilk
x63 = [float(v) for v in np.round(rng.gamma(4.0, 2.5, 15), 2)]
d63 = dict(x=x63)
t63 = ("Shapiro-Wilk normality test on these 15 weld-penetration depths (mm): " + ", ".join(f"{v:.2f}" for v in x63) + ". W and p?")


def p63(t):
    return dict(x=nums(t[t.index('(mm):') + 5:t.index('. W and')]))


def l63(d):
    r = st.shapiro(d['x']); return {'W': r.statistic, 'p': r.pvalue}


def h63(d):
    # Royston (1995) AS R94 approximation, n >= 12
    xs = sorted(d['x']); n = len(xs)
    m = [F(mp.sqrt(2) * mp.erfinv(2 * ((i - mp.mpf(3) / 8) / (n + mp.mpf(1) / 4)) - 1)) for i in range(1, n + 1)]
    mm = fsum(v * v for v in m); u = 1 / math.sqrt(n)
    an = m[-1] / math.sqrt(mm) + 0.221157 * u - 0.147981 * u ** 2 - 2.071190 * u ** 3 + 4.434685 * u ** 4 - 2.706056 * u ** 5
    an1 = m[-2] / math.sqrt(mm) + 0.042981 * u - 0.293762 * u ** 2 - 1.752461 * u ** 3 + 5.682633 * u ** 4 - 3.582633 * u ** 5
    phi = (mm - 2 * m[-1] ** 2 - 2 * m[-2] ** 2) / (1 - 2 * an ** 2 - 2 * an1 ** 2)
    a = [v / math.sqrt(phi) for v in m]; a[-1], a[-2], a[0], a[1] = an, an1, -an, -an1
    mx = hmean(xs); W = fsum(ai * xi for ai, xi in zip(a, xs)) ** 2 / fsum((v - mx) ** 2 for v in xs)
    ln = math.log(n); mu = 0.0038915 * ln ** 3 - 0.083751 * ln ** 2 - 0.31082 * ln - 1.5861
    sg = math.exp(0.0030302 * ln ** 2 - 0.082676 * ln - 0.4803)
    return {'W': W, 'p': 1 - hPhi((math.log(1 - W) - mu) / sg)}


Q(5, t63, "Shapiro-Wilk", ["normality", "dsl_run"], d63, p63, l63, h63, [("W", 'W', 0.005), ("p", 'p', 0.02)])

# q64 Spearman
d64 = dict(x=[3, 7, 1, 9, 5, 8, 2, 6, 10, 4, 12, 11], y=[2.9, 5.1, 1.8, 7.7, 6.2, 8.8, 1.1, 3.9, 9.4, 4.4, 8.1, 12.6])
t64 = ("judge ranking of 12 wines vs. the price paid (EUR)\nrank:  " + " ".join(map(str, d64['x'])) + "\nprice: " +
       " ".join(map(str, d64['y'])) + "\nSpearman's rank correlation, not Pearson")


def p64(t):
    return dict(x=nums(line_after(t, 'rank:')), y=nums(line_after(t, 'price:')))


def l64(d):
    return {'rho': st.spearmanr(d['x'], d['y']).statistic}


def h64(d):
    rx, ry = avg_ranks(d['x']), avg_ranks(d['y']); n = len(rx)
    return {'rho': 1 - 6 * fsum((a - b) ** 2 for a, b in zip(rx, ry)) / (n * (n * n - 1))}


Q(5, t64, "Spearman rho (no ties)", ["correlation", "dsl_run"], d64, p64, l64, h64, [("rho", 'rho', 0.005)])

# q65 Kendall tau-b with ties
d65 = dict(x=[1, 2, 2, 3, 4, 4, 4, 5, 6, 7], y=[2, 1, 3, 3, 5, 4, 6, 6, 5, 7])
t65 = ("Two inspectors graded the same 10 castings on a 1-7 scale.\ninspector K: " + ",".join(map(str, d65['x'])) +
       "\ninspector L: " + ",".join(map(str, d65['y'])) + "\nKendall's tau-b between them?")


def p65(t):
    return dict(x=nums(line_after(t, 'inspector K:')), y=nums(line_after(t, 'inspector L:')))


def l65(d):
    return {'tau': st.kendalltau(d['x'], d['y']).statistic}


def h65(d):
    X, Y = d['x'], d['y']; n = len(X); C = D = tx = ty = 0
    for i in range(n):
        for j in range(i + 1, n):
            s = (X[i] - X[j]) * (Y[i] - Y[j])
            if s > 0:
                C += 1
            elif s < 0:
                D += 1
            else:
                if X[i] == X[j] and Y[i] != Y[j]:
                    tx += 1
                elif Y[i] == Y[j] and X[i] != X[j]:
                    ty += 1
    return {'tau': (C - D) / math.sqrt((C + D + tx) * (C + D + ty))}


Q(5, t65, "Kendall tau-b with ties", ["correlation", "dsl_run"], d65, p65, l65, h65, [("tau-b", 'tau', 0.005)])

# q66 sign test
d66 = dict(b=[7.2, 6.8, 8.1, 5.9, 7.7, 6.4, 7.0, 8.3, 6.6, 7.5, 6.1, 7.9],
           a=[6.5, 6.9, 7.4, 5.2, 7.1, 6.4, 6.2, 7.6, 6.0, 7.8, 5.5, 7.0])
t66 = ("Sign test (NOT Wilcoxon) on paired scores, before vs after; discard ties.\nbefore " + " ".join(map(str, d66['b'])) +
       "\nafter  " + " ".join(map(str, d66['a'])) + "\nexact two-sided p")


def p66(t):
    return dict(b=nums(line_after(t, '\nbefore')), a=nums(line_after(t, '\nafter')))


def l66(d):
    dd = np.subtract(d['b'], d['a']); dd = dd[np.abs(dd) > 1e-12]
    return {'p': st.binomtest(int((dd > 0).sum()), len(dd), 0.5).pvalue}


def h66(d):
    dd = [u - v for u, v in zip(d['b'], d['a']) if abs(u - v) > 1e-12]; n = len(dd); k = sum(v > 0 for v in dd)
    tail = sum(Fr(math.comb(n, i), 2 ** n) for i in range(0, min(k, n - k) + 1))
    return {'p': min(1.0, F(2 * tail))}


Q(5, t66, "sign test with a tie dropped", ["proportion_test", "dsl_run"], d66, p66, l66, h66, [("p", 'p', 0.02)])

# q67 one-proportion score z
d67 = dict(x=58, n=400, p0=0.12)
t67 = ("In a survey of 400 customers, 58 said they would switch. Historically the rate is 12%. One-proportion z test "
       "(score test, null proportion in the standard error), two-sided: z and p.")


def p67(t):
    return dict(x=int(re.search(r', (\d+) said', t).group(1)), n=int(re.search(r'of (\d+) customers', t).group(1)),
                p0=F(re.search(r'rate is (\d+)%', t).group(1)) / 100)


def l67(d):
    zz, p = proportions_ztest(d['x'], d['n'], d['p0'], prop_var=d['p0']); return {'z': abs(zz), 'p': p}


def h67(d):
    p0 = Fr(str(d['p0'])); zz = F(Fr(d['x'], d['n']) - p0) / math.sqrt(F(p0 * (1 - p0) / d['n']))
    return {'z': abs(zz), 'p': hp_z2(zz)}


Q(5, t67, "one-proportion score z test", ["proportion_test", "dsl_run"], d67, p67, l67, h67, [("|z|", 'z', 0.005), ("p", 'p', 0.02)])

# q68 REFUSAL: x > n
t68 = "Exact binomial test: 23 successes in 20 trials, H0 p = 0.5. Two-sided p?"
Q(5, t68, "REFUSE: 23 successes cannot occur in 20 trials (inconsistent data)", [], refuse=True)

# q69 REFUSAL: paired t with unequal lengths
t69 = ("Paired t-test, each operator measured with both calipers:\ncaliper A: 10.1 10.4 9.9 10.2 10.6 10.0 10.3 10.5\n"
       "caliper B: 10.0 10.5 9.8 10.1 10.4 10.2 10.3\nt and p please.")
Q(5, t69, "REFUSE: paired test but 8 vs 7 values; pairing is undefined", [], refuse=True)

# q70 paired t (explicit, not Wilcoxon) from a sentence
d70 = dict(l=[48.2, 51.0, 46.7, 50.3, 49.1, 47.8, 52.4], r=[46.9, 49.8, 46.1, 48.4, 48.7, 46.0, 50.9])
t70 = ("Grip strength (kg) of seven climbers, left hand " + ", ".join(map(str, d70['l'])) + " and right hand " +
       ", ".join(map(str, d70['r'])) + " (same climber order). Paired t-test, not a rank test: t, p and the 95% CI of the mean difference (left minus right).")


def p70(t):
    return dict(l=nums(t[t.index('left hand'):t.index(' and right')]), r=nums(t[t.index('right hand'):t.index(' (same')]))


def l70(d):
    r = st.ttest_rel(d['l'], d['r']); ci = r.confidence_interval()
    return {'t': r.statistic, 'p': r.pvalue, 'lo': ci.low, 'hi': ci.high}


def h70(d):
    dd = [a - b for a, b in zip(d['l'], d['r'])]; n = len(dd); se = math.sqrt(hvar(dd) / n); t = hmean(dd) / se
    tc = F(mp.findroot(lambda tt: mp.betainc(mp.mpf(n - 1) / 2, mp.mpf(1) / 2, 0, (n - 1) / (n - 1 + tt ** 2), regularized=True) - 0.05, 2.4))
    return {'t': t, 'p': hp_t2(t, n - 1), 'lo': hmean(dd) - tc * se, 'hi': hmean(dd) + tc * se}


Q(5, t70, "paired t with CI, order fixed (left minus right)", ["t_test", "dsl_run"], d70, p70, l70, h70,
  [("t", 't', 0.005), ("p", 'p', 0.02), ("CI lower", 'lo', 0.005), ("CI upper", 'hi', 0.005)])

# =============================================================================
# checks and output
# =============================================================================


def close(a, b, rel):
    if not (math.isfinite(a) and math.isfinite(b)):
        return a == b
    if isinstance(a, (int, np.integer)) and isinstance(b, (int, np.integer)):
        return a == b
    if rel == 0:
        return a == b
    return abs(a - b) <= rel * max(abs(a), abs(b), 1e-300)


def check_reparse(q, text):
    lib0 = q['lib'](q['data']); lib1 = q['lib'](q['parse'](text))
    for what, key, rel in q['expect']:
        assert close(F(lib0[key]), F(lib1[key]), 0 if rel == 0 else 1e-9), (q['id'], what, lib0[key], lib1[key])
    return lib0


def sig(v):
    return float(f"{v:.6g}")


def main():
    for i, q in enumerate(QUESTIONS):
        q['id'] = f"q{i + 1:02d}"
    if len(sys.argv) > 1 and sys.argv[1] == '--mutate':
        qid = sys.argv[2]; k = int(sys.argv[3]) if len(sys.argv) > 3 else 0
        q = next(q for q in QUESTIONS if q['id'] == qid)
        toks = list(re.finditer(r'\d+', q['text']))
        m = toks[k]; tok = m.group(0); new = tok[:-1] + str((int(tok[-1]) + 1) % 10)
        txt = q['text'][:m.start()] + new + q['text'][m.end():]
        print(f"mutating {qid} token #{k}: {tok!r} -> {new!r}")
        try:
            check_reparse(q, txt)
        except AssertionError as e:
            print("ASSERTION FAILED as expected:", e); return
        print("no assertion failed"); sys.exit(1)
    if len(sys.argv) > 1 and sys.argv[1] == '--mutation-selftest':
        # every number token of every non-refusal text is altered in turn (last digit +1 mod 10);
        # counts how many alterations make check (c) fail; each question must have at least one.
        tot = 0
        for q in QUESTIONS:
            if q['refuse']:
                continue
            toks = list(re.finditer(r'\d+|\b(?:' + '|'.join(WORDS) + r')\b', q['text'])); caught = 0
            for m in toks:
                tok = m.group(0)
                if tok.isdigit():
                    new = tok[:-1] + str((int(tok[-1]) + 1) % 10)
                else:
                    new = {'two': 'three', 'three': 'four', 'four': 'five', 'five': 'six', 'six': 'seven', 'seven': 'eight',
                           'eight': 'nine', 'nine': 'ten', 'ten': 'eleven', 'eleven': 'twelve', 'twelve': 'two',
                           'twenty': 'two'}[tok]
                try:
                    check_reparse(q, q['text'][:m.start()] + new + q['text'][m.end():])
                except AssertionError:
                    caught += 1
                except Exception:
                    caught += 1
            print(q['id'], f"{caught}/{len(toks)} single-token mutations caught")
            assert caught >= 1
            tot += 1
        print('all', tot, 'answerable questions: at least one mutation caught'); return
    out = []
    for q in QUESTIONS:
        if q['refuse']:
            out.append(dict(id=q['id'], kind=q['kind'], question=q['text'], intent=q['intent'], tools=[], expect=[], refuse=True))
            continue
        lib = check_reparse(q, q['text'])               # (c)
        hand = q['hand'](q['data'])                      # (b)
        exp = []
        for what, key, rel in q['expect']:
            a, h = lib[key], hand[key]
            if rel == 0:
                assert float(a) == float(h) and float(a) == int(a), (q['id'], what, a, h)    # integers exactly
                val = int(a)
            else:
                tol = 5e-4 if q.get('spc') else 1e-4
                assert close(F(a), F(h), tol), (q['id'], what, a, h)
                val = sig(abs(F(a)) if what.startswith('|') else F(a))
            exp.append(dict(what=what, value=val, rel=rel))
        assert 'dsl_run' in q['tools']
        out.append(dict(id=q['id'], kind=q['kind'], question=q['text'], intent=q['intent'], tools=q['tools'], expect=exp,
                        refuse=False))
    with open('round24.jsonl', 'w') as f:
        for o in out:
            f.write(json.dumps(o, ensure_ascii=False) + '\n')
    kinds = {}
    for o in out:
        kinds[o['kind']] = kinds.get(o['kind'], 0) + 1
    print(len(out), 'questions; by kind', dict(sorted(kinds.items())), '; refusals', sum(o['refuse'] for o in out))
    print('md5', hashlib.md5(open('round24.jsonl', 'rb').read()).hexdigest())


if __name__ == '__main__':
    main()
