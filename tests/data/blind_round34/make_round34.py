#!/usr/bin/env python
"""Generator for blind evaluation round 34 (70 questions).

Holds every data set, renders each question from its data, re-parses the
text, computes expected values with libraries (a), recomputes them by an
independent hand method (b), checks re-parse (c) and a +1 mutation test,
then writes round34.jsonl, round34_meta.json.
"""
import os, re, json, copy, math, hashlib, itertools
from fractions import Fraction as Fr
import numpy as np
import scipy.stats as st
import scipy.integrate as si
import statsmodels.api as sm
import statsmodels.formula.api as smf
from statsmodels.stats.power import TTestIndPower
from statsmodels.stats.proportion import proportions_ztest
import sympy as sp
from sympy.parsing.sympy_parser import (parse_expr, standard_transformations,
                                        implicit_multiplication_application, convert_xor)
import mpmath as mp
import pandas as pd

HERE = os.path.dirname(os.path.abspath(__file__))
mp.mp.dps = 30
rng = np.random.default_rng(34343434)
TOOLS = set(l.split()[0] for l in open(os.path.join(HERE, 'TOOLS.txt')) if l.strip())

# ---------------------------------------------------------------- data helpers
def N(mu, sd, n, dec=1):
    return [float(round(v, dec)) for v in rng.normal(mu, sd, n)]

def I(lo, hi, n):
    return [int(v) for v in rng.integers(lo, hi + 1, n)]

def fr(x):
    return Fr(str(x)) if isinstance(x, float) else Fr(x)

def mpf(q):
    q = fr(q) if not isinstance(q, Fr) else q
    return mp.mpf(q.numerator) / q.denominator

# ---------------------------------------------------------------- formatting
NUM = r'-?\d+(?:\.\d+)?'
NUMDC = r'-?\d+(?:,\d+)?'

def fmt(v, dc=False):
    if isinstance(v, (int, np.integer)):
        s = str(int(v))
    else:
        s = '%.10g' % v
    return s.replace('.', ',') if dc else s

def num(s, dc=False):
    s = s.strip()
    if dc:
        s = s.replace(',', '.')
    return float(s) if '.' in s else int(s)

# ---------------------------------------------------------------- tables
def tbl_render(spec, d):
    st_ = spec['style']
    if st_ == 'long':
        rows = [spec['header']]
        lists = [(lab, d[k]) for lab, k in spec['groups']]
        m = max(len(v) for _, v in lists)
        for i in range(m):
            for lab, v in lists:
                if i < len(v):
                    rows.append(spec['sep'].join([lab, fmt(v[i])]))
        return '\n'.join(rows)
    if st_ == 'subgroups':
        x, n = d[spec['key']], spec['n']
        return '\n'.join(spec['label'].format(j + 1) + ': ' + ' '.join(fmt(v) for v in x[j * n:(j + 1) * n])
                         for j in range(len(x) // n))
    cols = spec['cols']
    dc = st_ == 'scdc'
    heads = [h for h, _ in cols]
    data = [c if isinstance(c, list) else d[c] for _, c in cols]
    m = len(data[0])
    cells = [[(str(data[j][i]) if isinstance(cols[j][1], list) else fmt(data[j][i], dc)) for j in range(len(cols))]
             for i in range(m)]
    if st_ == 'csv':
        return '\n'.join([','.join(heads)] + [','.join(r) for r in cells])
    if st_ == 'tsv':
        return '\n'.join(['\t'.join(heads)] + ['\t'.join(r) for r in cells])
    if st_ == 'scdc':
        return '\n'.join([';'.join(heads)] + [';'.join(r) for r in cells])
    if st_ == 'md':
        return '\n'.join(['| ' + ' | '.join(heads) + ' |', '|' + '---|' * len(heads)] +
                         ['| ' + ' | '.join(r) + ' |' for r in cells])
    if st_ == 'aligned':
        w = [max(len(heads[j]), max(len(r[j]) for r in cells)) + 3 for j in range(len(heads))]
        return '\n'.join([''.join(heads[j].rjust(w[j]) for j in range(len(heads)))] +
                         [''.join(r[j].rjust(w[j]) for j in range(len(heads))) for r in cells])
    raise ValueError(st_)

def tbl_parse(spec, block):
    st_ = spec['style']
    lines = [l for l in block.strip('\n').split('\n')]
    out = {}
    if st_ == 'long':
        assert lines[0] == spec['header']
        labs = dict((lab, k) for lab, k in spec['groups'])
        for k in labs.values():
            out[k] = []
        for l in lines[1:]:
            lab, v = l.split(spec['sep'])
            assert re.fullmatch(NUM, v)
            out[labs[lab]].append(num(v))
        return out
    if st_ == 'subgroups':
        vals = []
        for j, l in enumerate(lines):
            lab, rest = l.split(': ')
            assert lab == spec['label'].format(j + 1)
            toks = rest.split(' ')
            assert len(toks) == spec['n'] and all(re.fullmatch(NUM, t) for t in toks)
            vals += [num(t) for t in toks]
        return {spec['key']: vals}
    cols = spec['cols']
    dc = st_ == 'scdc'
    if st_ == 'csv':
        rows = [l.split(',') for l in lines]
    elif st_ == 'tsv':
        rows = [l.split('\t') for l in lines]
    elif st_ == 'scdc':
        rows = [l.split(';') for l in lines]
    elif st_ == 'md':
        assert re.fullmatch(r'\|(---\|)+', lines[1])
        rows = [[c.strip() for c in l.strip().strip('|').split('|')] for l in [lines[0]] + lines[2:]]
    elif st_ == 'aligned':
        rows = [l.split() for l in lines]
    assert rows[0] == [h for h, _ in cols], rows[0]
    for j, (h, c) in enumerate(cols):
        if isinstance(c, list):
            assert [r[j] for r in rows[1:]] == [str(v) for v in c]
        else:
            assert all(re.fullmatch(NUMDC if dc else NUM, r[j]) for r in rows[1:])
            out[c] = [num(r[j], dc) for r in rows[1:]]
    return out

# ---------------------------------------------------------------- templates
def render(q, d):
    parts = re.split(r'<<(.*?)>>', q['tpl'])
    out = []
    for i, p in enumerate(parts):
        if i % 2 == 0:
            out.append(p)
            continue
        if p == 'TABLE':
            out.append(tbl_render(q['table'], d))
        elif '|' in p:
            k, sep = p.split('|', 1)
            out.append(sep.join(fmt(v) for v in d[k]))
        else:
            out.append(fmt(d[p]))
    return ''.join(out)

def parse(q, text):
    parts = re.split(r'<<(.*?)>>', q['tpl'])
    rx, seen, kinds, gi = [], set(), [], 0
    for i, p in enumerate(parts):
        if i % 2 == 0:
            rx.append(re.escape(p))
            continue
        gi += 1
        g = 'g%d' % gi
        if p == 'TABLE':
            rx.append('(?P<%s>.*?)' % g)
            kinds.append((g, 'TABLE', None))
        elif '|' in p:
            k, sep = p.split('|', 1)
            rx.append('(?P<%s>%s(?:%s%s)*)' % (g, NUM, re.escape(sep), NUM))
            kinds.append((g, k, sep))
        else:
            rx.append('(?P<%s>%s)' % (g, NUM))
            kinds.append((g, p, None))
    m = re.fullmatch(''.join(rx), text, re.S)
    assert m, (q['id'], 'parse failed')
    out = {}
    for g, k, sep in kinds:
        s = m.group(g)
        if k == 'TABLE':
            val = tbl_parse(q['table'], s)
            for kk, vv in val.items():
                assert kk not in out or out[kk] == vv
                out[kk] = vv
            continue
        v = [num(t) for t in s.split(sep)] if sep is not None else num(s)
        if k in out:
            assert out[k] == v, (q['id'], k, 'repeat mismatch')
        out[k] = v
    return out

def same(a, b):
    if isinstance(a, list):
        return isinstance(b, list) and len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    return abs(a - b) <= 1e-9 * max(1, abs(a))

# ---------------------------------------------------------------- sympy expression parse
TRANS = standard_transformations + (implicit_multiplication_application, convert_xor)
X, Y = sp.symbols('x y')
def uparse(s):
    s = s.replace('e^', 'exp').replace('ln', 'log')
    return parse_expr(s, transformations=TRANS, local_dict={'x': X, 'y': Y, 'n': sp.Symbol('n', integer=True)})

# ---------------------------------------------------------------- hand helpers
def hmean(xs):
    return sum(fr(x) for x in xs) / len(xs)

def hvar(xs):
    m = hmean(xs)
    return sum((fr(x) - m) ** 2 for x in xs) / (len(xs) - 1)

def hsqrt(q):
    return mp.sqrt(mpf(q))

def hp_t2(t, df):
    t = mp.mpf(t)
    return mp.betainc(mp.mpf(df) / 2, mp.mpf(1) / 2, 0, df / (df + t * t), regularized=True)

def hp_tup(t, df):
    p2 = hp_t2(t, df)
    return p2 / 2 if t > 0 else 1 - p2 / 2

def hp_F(F, d1, d2):
    F = mp.mpf(F)
    return mp.betainc(mp.mpf(d2) / 2, mp.mpf(d1) / 2, 0, d2 / (d2 + d1 * F), regularized=True)

def hp_chi2(x, k):
    return mp.gammainc(mp.mpf(k) / 2, mp.mpf(x) / 2, mp.inf, regularized=True)

def hz(p):
    return mp.sqrt(2) * mp.erfinv(2 * mp.mpf(p) - 1)

def hranks(vals):
    vals = [fr(v) for v in vals]
    order = sorted(range(len(vals)), key=lambda i: vals[i])
    r = [None] * len(vals)
    i = 0
    ties = []
    while i < len(order):
        j = i
        while j + 1 < len(order) and vals[order[j + 1]] == vals[order[i]]:
            j += 1
        for k in range(i, j + 1):
            r[order[k]] = Fr(i + j + 2, 2)
        ties.append(j - i + 1)
        i = j + 1
    return r, ties

def h_pooled(a, b):
    na, nb = len(a), len(b)
    sp2 = ((na - 1) * hvar(a) + (nb - 1) * hvar(b)) / (na + nb - 2)
    t = mpf(hmean(a) - hmean(b)) / hsqrt(sp2 * (Fr(1, na) + Fr(1, nb)))
    return t, na + nb - 2

def h_welch(m1, v1, n1, m2, v2, n2):
    se2 = v1 / n1 + v2 / n2
    t = mpf(m1 - m2) / hsqrt(se2)
    df = mpf(se2 ** 2) / mpf((v1 / n1) ** 2 / (n1 - 1) + (v2 / n2) ** 2 / (n2 - 1))
    return t, df

def h_anova(groups):
    allv = [x for g in groups for x in g]
    gm = hmean(allv)
    ssb = sum(len(g) * (hmean(g) - gm) ** 2 for g in groups)
    ssw = sum((fr(x) - hmean(g)) ** 2 for g in groups for x in g)
    d1, d2 = len(groups) - 1, len(allv) - len(groups)
    F = (ssb / d1) / (ssw / d2)
    return F, d1, d2

def h_d2(n):
    f = lambda x: 1 - mp.ncdf(x) ** n - (1 - mp.ncdf(x)) ** n
    return mp.quad(f, [-mp.inf, 0, mp.inf])

def h_c4(n):
    return mp.sqrt(mp.mpf(2) / (n - 1)) * mp.gamma(mp.mpf(n) / 2) / mp.gamma(mp.mpf(n - 1) / 2)

def h_power_t(df, ncp, alpha):
    c = mp.findroot(lambda c: hp_t2(c, df) - alpha, 2)
    def f(v):
        pdf = v ** (mp.mpf(df) / 2 - 1) * mp.e ** (-v / 2) / (2 ** (mp.mpf(df) / 2) * mp.gamma(mp.mpf(df) / 2))
        s = mp.sqrt(v / df)
        return pdf * ((1 - mp.ncdf(c * s - ncp)) + mp.ncdf(-c * s - ncp))
    return mp.quad(f, [0, df, 4 * df + 40, mp.inf])

def subset_sum_counts(items, size=None):
    """counts[s] of subsets (of given size if set) of items with sum s"""
    if size is None:
        cnt = {0: 1}
        for it in items:
            new = dict(cnt)
            for s, c in cnt.items():
                new[s + it] = new.get(s + it, 0) + c
            cnt = new
        return cnt
    cnt = {(0, 0): 1}
    for it in items:
        new = dict(cnt)
        for (k, s), c in cnt.items():
            if k < size:
                new[(k + 1, s + it)] = new.get((k + 1, s + it), 0) + c
        cnt = new
    return {s: c for (k, s), c in cnt.items() if k == size}

def det_cof(M):
    if len(M) == 1:
        return M[0][0]
    return sum((-1) ** j * M[0][j] * det_cof([r[:j] + r[j + 1:] for r in M[1:]]) for j in range(len(M)))

# ---------------------------------------------------------------- question registry
QS = []
def add(kind, tpl, data, tools, intent, compute=None, hand=None, table=None, refuse=False,
        defect=None, text_defect=None, exprs=None):
    QS.append(dict(id='d%02d' % (len(QS) + 1), kind=kind, tpl=tpl, data=data, tools=tools, intent=intent,
                   compute=compute, hand=hand, table=table, refuse=refuse, defect=defect,
                   text_defect=text_defect, exprs=exprs or []))

S, P, Z = 0.005, 0.02, 0   # tolerances: statistic, p-value, exact

# ============================================================ KIND 1: tables
# d01 CSV, Welch
d = dict(a=N(24.0, 1.2, 8), b=N(25.6, 1.4, 8))
def c01(d):
    r = st.ttest_ind(d['a'], d['b'], equal_var=False)
    return [('|t|', abs(r.statistic), S), ('p', r.pvalue, P)]
def h01(d):
    t, df = h_welch(hmean(d['a']), hvar(d['a']), 8, hmean(d['b']), hvar(d['b']), 8)
    return [abs(t), hp_t2(t, df)]
add(1, "got this export from the tensile rig, two suppliers, 8 coupons each:\n\n<<TABLE>>\n\n"
       "can you run a welch two sample t test (unequal variances, two sided) on supplier_A vs supplier_B and give me t and the p value",
    d, ['t_test', 'dsl_run'], 'Welch two-sample t-test (unequal variances), two-sided, supplier_A vs supplier_B; report |t| and p.',
    c01, h01, table=dict(style='csv', cols=[('supplier_A', 'a'), ('supplier_B', 'b')]))

# d02 markdown, one-way ANOVA
d = dict(a=N(50.0, 2.0, 6), b=N(52.5, 2.0, 6), c=N(51.0, 2.0, 6))
def c02(d):
    r = st.f_oneway(d['a'], d['b'], d['c'])
    return [('F', r.statistic, S), ('p', r.pvalue, P)]
def h02(d):
    F, d1, d2 = h_anova([d['a'], d['b'], d['c']])
    return [mpf(F), hp_F(mpf(F), d1, d2)]
add(1, "Hardness readings (HRC) from three heat-treat furnaces:\n\n<<TABLE>>\n\nOne-way ANOVA please - is there a furnace effect? I need the F statistic and its p-value.",
    d, ['anova_oneway', 'dsl_run'], 'One-way ANOVA across the three furnace columns; report F and p.',
    c02, h02, table=dict(style='md', cols=[('Furnace 1', 'a'), ('Furnace 2', 'b'), ('Furnace 3', 'c')]))

# d03 TSV, paired t
d = dict(b=N(12.0, 1.5, 10), a=None)
d['a'] = [float(round(x + v, 1)) for x, v in zip(d['b'], rng.normal(-0.6, 0.7, 10))]
def c03(d):
    r = st.ttest_rel(d['a'], d['b'])
    return [('t', r.statistic, S), ('p', r.pvalue, P)]
def h03(d):
    dd = [fr(x) - fr(y) for x, y in zip(d['a'], d['b'])]
    t = mpf(hmean(dd)) / hsqrt(hvar(dd) / len(dd))
    return [t, hp_t2(t, len(dd) - 1)]
add(1, "Paired data, same 10 operators timed before and after the new fixture (minutes). Tab separated, pasted from excel:\n<<TABLE>>\n"
       "Paired t-test on the differences after minus before, two-sided. What are t and p?",
    d, ['t_test', 'dsl_run'], 'Paired t-test, differences after - before, two-sided; t (sign follows after-before) and p.',
    c03, h03, table=dict(style='tsv', cols=[('operator', ['Op%d' % i for i in range(1, 11)]), ('before', 'b'), ('after', 'a')]))

# d04 aligned columns, regression
xs4 = [150, 160, 170, 180, 190, 200, 210, 220, 230]
d = dict(x=list(xs4), y=[float(round(62 + 0.05 * (x - 150) + e, 1)) for x, e in zip(xs4, rng.normal(0, 1.2, 9))])
def c04(d):
    r = st.linregress(d['x'], d['y'])
    return [('slope', r.slope, S), ('p', r.pvalue, P)]
def h04(d):
    x, y = [fr(v) for v in d['x']], [fr(v) for v in d['y']]
    n = len(x); mx, my = sum(x) / n, sum(y) / n
    sxx = sum((a - mx) ** 2 for a in x); sxy = sum((a - mx) * (b - my) for a, b in zip(x, y))
    b1 = sxy / sxx; b0 = my - b1 * mx
    sse = sum((b - b0 - b1 * a) ** 2 for a, b in zip(x, y))
    t = mpf(b1) / hsqrt(sse / (n - 2) / sxx)
    return [mpf(b1), hp_t2(t, n - 2)]
add(1, "cure temp vs yield, columns below\n<<TABLE>>\nfit a straight line yield = b0 + b1*temp (ordinary least squares) and tell me the slope b1 and the two-sided p-value for it",
    d, ['regression', 'dsl_run'], 'Simple linear OLS of yield on temp; slope and its two-sided t-test p-value.',
    c04, h04, table=dict(style='aligned', cols=[('temp_C', 'x'), ('yield_pct', 'y')]))

# d05 REFUSAL: mismatched lengths for paired test
d = dict(b=N(8.0, 0.6, 9), a=N(7.7, 0.6, 8))
add(1, "Paired comparison of coating thickness on the same panels, before and after the bake:\n"
       "before: <<b|, >>\nafter: <<a|, >>\nPlease run a paired t-test (after - before, two-sided) and report t and p.",
    d, ['t_test', 'dsl_run'], 'Refuse: a paired t-test needs equal-length before/after lists (9 vs 8 values given).',
    refuse=True, defect=lambda d: len(d['b']) != len(d['a']), text_defect=lambda t: 'paired' in t.lower())

# d06 long format, Kruskal-Wallis
d = dict(a=N(3.2, 0.4, 5), b=N(3.7, 0.4, 6), c=N(3.4, 0.4, 5))
def c06(d):
    r = st.kruskal(d['a'], d['b'], d['c'])
    return [('H', r.statistic, S), ('p', r.pvalue, P)]
def h06(d):
    gs = [d['a'], d['b'], d['c']]
    allv = [x for g in gs for x in g]
    r, ties = hranks(allv)
    n = len(allv); pos = 0; s = Fr(0)
    for g in gs:
        R = sum(r[pos:pos + len(g)]); pos += len(g); s += R * R / len(g)
    H = Fr(12, n * (n + 1)) * s - 3 * (n + 1)
    H = H / (1 - Fr(sum(t ** 3 - t for t in ties), n ** 3 - n))
    return [mpf(H), hp_chi2(mpf(H), 2)]
add(1, "Long-format export from the MES (line, surface roughness Ra in um):\n\n<<TABLE>>\n\n"
       "The data look skewed so I'd like a Kruskal-Wallis test across the three lines (with the usual tie correction, chi-square approximation). H and p?",
    d, ['kruskal_wallis', 'dsl_run'], 'Kruskal-Wallis H across lines L1-L3 with tie correction, chi-square p-value (2 df).',
    c06, h06, table=dict(style='long', header='line,Ra', sep=',', groups=[('L1', 'a'), ('L2', 'b'), ('L3', 'c')]))

# d07 contingency, chi-square independence
d = dict(a1=int(rng.integers(30, 40)), a2=int(rng.integers(15, 25)), a3=int(rng.integers(10, 18)),
         b1=int(rng.integers(20, 30)), b2=int(rng.integers(22, 32)), b3=int(rng.integers(16, 26)))
def tab07(d):
    return [[d['a1'], d['a2'], d['a3']], [d['b1'], d['b2'], d['b3']]]
def c07(d):
    r = st.chi2_contingency(tab07(d), correction=False)
    return [('chi2', r[0], S), ('p', r[1], P), ('df', int(r[2]), Z)]
def h07(d):
    T = tab07(d); R = [sum(r) for r in T]; C = [sum(c) for c in zip(*T)]; n = sum(R)
    x2 = sum(Fr((T[i][j] * n - R[i] * C[j]) ** 2, n * R[i] * C[j]) for i in range(2) for j in range(3))
    return [mpf(x2), hp_chi2(mpf(x2), 2), (2 - 1) * (3 - 1)]
add(1, "defect type by shift, counts from last month's audit\n\n| shift | scratch | dent | porosity |\n|---|---|---|---|\n"
       "| day | <<a1>> | <<a2>> | <<a3>> |\n| night | <<b1>> | <<b2>> | <<b3>> |\n\n"
       "chi-square test of independence (Pearson, no Yates correction). give the statistic, df and p",
    d, ['chi_square', 'dsl_run'], 'Pearson chi-square test of independence on the 2x3 table, no continuity correction; X2, df, p.',
    c07, h07)

# d08 subgroup rows, Xbar-S chart
d = dict(x=N(20.0, 0.5, 30, 2))
TAB = {5: dict(A2=0.577, A3=1.427, B3=0.0, B4=2.089, c4=0.9400, d2=2.326, D3=0.0, D4=2.114),
       2: dict(E2=2.660, d2=1.128)}
def c08(d):
    x = np.array(d['x']).reshape(6, 5)
    xbb = x.mean(); sbar = x.std(axis=1, ddof=1).mean()
    return [('UCL', xbb + TAB[5]['A3'] * sbar, S), ('LCL', xbb - TAB[5]['A3'] * sbar, S)]
def h08(d):
    subs = [d['x'][5 * j:5 * j + 5] for j in range(6)]
    xbb = mpf(hmean(d['x'])); sbar = sum(hsqrt(hvar(s)) for s in subs) / 6
    A3 = 3 / (h_c4(5) * mp.sqrt(5))
    return [xbb + A3 * sbar, xbb - A3 * sbar]
add(1, "Six subgroups of five shafts each (diameter, mm), one row per subgroup:\n<<TABLE>>\n"
       "Set up an X-bar and S chart (3-sigma, standard tabulated constants) - what are the UCL and LCL of the X-bar chart?",
    d, ['control_chart', 'dsl_run'], 'X-bar/S chart from 6 subgroups of 5: X-bar limits grand mean +/- A3*s-bar (A3=1.427).',
    c08, h08, table=dict(style='subgroups', key='x', n=5, label='SG{}'))

# d09 semicolon / decimal comma, Pp/Ppk
d = dict(x=N(10.12, 0.09, 12, 2))
def c09(d):
    x = np.array(d['x']); m, s = x.mean(), x.std(ddof=1)
    return [('Pp', (10.4 - 9.8) / (6 * s), S), ('Ppk', min(10.4 - m, m - 9.8) / (3 * s), S)]
def h09(d):
    m, s = hmean(d['x']), hsqrt(hvar(d['x']))
    return [mpf(Fr('0.6')) / (6 * s), mpf(min(Fr('10.4') - m, m - Fr('9.8'))) / (3 * s)]
add(1, "Hallo, Export aus unserem Messsystem (German locale, so decimal commas and ';' separators):\n\n<<TABLE>>\n\n"
       "Spec is 9.8 to 10.4 mm. Please compute Pp and Ppk using the overall sample standard deviation (n-1).",
    d, ['capability', 'dsl_run'], 'Pp and Ppk with LSL 9.8, USL 10.4 using the overall sample SD (n-1).',
    c09, h09, table=dict(style='scdc', cols=[('Teil', ['T%02d' % i for i in range(1, 13)]), ('Durchmesser', 'x')]))

# d10 aligned batches, I-MR limits
d = dict(x=N(48.0, 0.8, 12, 1))
def c10(d):
    x = np.array(d['x']); mr = np.abs(np.diff(x)).mean()
    return [('UCL', x.mean() + TAB[2]['E2'] * mr, S), ('LCL', x.mean() - TAB[2]['E2'] * mr, S)]
def h10(d):
    x = d['x']; mr = sum(abs(fr(a) - fr(b)) for a, b in zip(x[1:], x[:-1])) / (len(x) - 1)
    d2 = 2 / mp.sqrt(mp.pi)
    return [mpf(hmean(x)) + 3 * mpf(mr) / d2, mpf(hmean(x)) - 3 * mpf(mr) / d2]
add(1, "individual viscosity readings, one per batch, in time order\n\n<<TABLE>>\n\n"
       "what are the individuals (I-MR) chart control limits? use moving range of 2 and the usual 3 sigma, E2 = 2.66",
    d, ['control_chart', 'dsl_run'], 'I-MR chart: individuals limits mean +/- 2.66*MRbar (MR span 2).',
    c10, h10, table=dict(style='aligned', cols=[('batch', ['B%02d' % i for i in range(1, 13)]), ('visc_cP', 'x')]))

# d11 2^3 factorial, effects
A_ = [-1, 1, -1, 1, -1, 1, -1, 1]; B_ = [-1, -1, 1, 1, -1, -1, 1, 1]; C_ = [-1, -1, -1, -1, 1, 1, 1, 1]
d = dict(y=[float(round(60 + 4 * a + 1.5 * b - 1 * c + 2.2 * a * b + e, 1)) for a, b, c, e in zip(A_, B_, C_, rng.normal(0, 0.8, 8))])
def c11(d):
    Xm = np.column_stack([np.ones(8), A_, B_, C_, np.multiply(A_, B_)])
    b = sm.OLS(np.array(d['y']), Xm).fit().params
    return [('effect_A', 2 * b[1], S), ('effect_AB', 2 * b[4], S)]
def h11(d):
    y = [fr(v) for v in d['y']]
    return [mpf(sum(a * v for a, v in zip(A_, y)) / 4), mpf(sum(a * b * v for a, b, v in zip(A_, B_, y)) / 4)]
add(1, "2^3 full factorial, one replicate, standard order, coded units:\n<<TABLE>>\n"
       "Estimate the main effect of A and the AB interaction effect (effect = mean at +1 minus mean at -1).",
    d, ['doe_effects', 'dsl_run'], '2^3 factorial effects: A and AB, effect = avg(+) - avg(-).',
    c11, h11, table=dict(style='csv', cols=[('run', [str(i) for i in range(1, 9)]), ('A', A_), ('B', B_), ('C', C_), ('y', 'y')]))

# d12 two-way ANOVA (long TSV)
ops = ['Ann', 'Ann', 'Ann', 'Ann', 'Ann', 'Ann', 'Bob', 'Bob', 'Bob', 'Bob', 'Bob', 'Bob']
mcs = ['M1', 'M1', 'M2', 'M2', 'M3', 'M3'] * 2
eff = {'M1': 0.0, 'M2': 1.4, 'M3': 0.6}
d = dict(y=[float(round(30 + eff[m] + (0.5 if o == 'Bob' else 0) + (0.9 if (o, m) == ('Bob', 'M3') else 0) + e, 1))
            for o, m, e in zip(ops, mcs, rng.normal(0, 0.5, 12))])
def c12(d):
    df_ = pd.DataFrame(dict(o=ops, m=mcs, y=d['y']))
    a = sm.stats.anova_lm(smf.ols('y ~ C(o)*C(m)', df_).fit(), typ=2)
    return [('F_machine', a.loc['C(m)', 'F'], S), ('p_machine', a.loc['C(m)', 'PR(>F)'], P),
            ('F_interaction', a.loc['C(o):C(m)', 'F'], S)]
def h12(d):
    y = [fr(v) for v in d['y']]; gm = sum(y) / 12
    cell = {}; 
    for o, m, v in zip(ops, mcs, y): cell.setdefault((o, m), []).append(v)
    mo = {o: sum(v for oo, v in zip(ops, y) if oo == o) / 6 for o in ['Ann', 'Bob']}
    mm = {m: sum(v for mmm, v in zip(mcs, y) if mmm == m) / 4 for m in ['M1', 'M2', 'M3']}
    ssm = 4 * sum((v - gm) ** 2 for v in mm.values())
    sso = 6 * sum((v - gm) ** 2 for v in mo.values())
    sse = sum((v - sum(c) / 2) ** 2 for c in cell.values() for v in c)
    sst = sum((v - gm) ** 2 for v in y)
    ssi = sst - ssm - sso - sse
    mse = sse / 6
    Fm, Fi = (ssm / 2) / mse, (ssi / 2) / mse
    return [mpf(Fm), hp_F(mpf(Fm), 2, 6), mpf(Fi)]
add(1, "Gauge study style data - operator x machine, 2 repeats per cell (torque, Nm). tab separated:\n\n<<TABLE>>\n\n"
       "Two-way ANOVA with interaction (balanced, so SS type doesn't matter). Give me F and p for machine, and F for the operator*machine interaction.",
    d, ['anova_twoway', 'dsl_run'], 'Balanced two-way ANOVA with interaction (operator x machine, 2 reps); F and p for machine, F for interaction.',
    c12, h12, table=dict(style='tsv', cols=[('operator', ops), ('machine', mcs), ('torque', 'y')]))

# d13 label: value lines, chi-square GOF
d = dict(mo=int(rng.integers(38, 52)), tu=int(rng.integers(28, 40)), we=int(rng.integers(28, 40)),
         th=int(rng.integers(28, 40)), fr_=int(rng.integers(40, 56)))
def c13(d):
    o = [d['mo'], d['tu'], d['we'], d['th'], d['fr_']]
    r = st.chisquare(o)
    return [('chi2', r.statistic, S), ('p', r.pvalue, P)]
def h13(d):
    o = [d['mo'], d['tu'], d['we'], d['th'], d['fr_']]; n = sum(o); e = Fr(n, 5)
    x2 = sum((v - e) ** 2 / e for v in o)
    return [mpf(x2), hp_chi2(mpf(x2), 4)]
add(1, "Machine stoppages logged by weekday over the quarter:\nMon: <<mo>>\nTue: <<tu>>\nWed: <<we>>\nThu: <<th>>\nFri: <<fr_>>\n"
       "Are stoppages spread evenly over the five days? chi-square goodness of fit against equal expected counts, please give X^2 and p.",
    d, ['chi_square', 'dsl_run'], 'Chi-square goodness of fit against equal expected counts over 5 weekdays (4 df); X2 and p.',
    c13, h13)

# d14 p chart table
d = dict(dd=I(4, 14, 10))
def c14(d):
    pb = sum(d['dd']) / (150 * 10)
    return [('pbar', pb, S), ('UCL', pb + 3 * math.sqrt(pb * (1 - pb) / 150), S)]
def h14(d):
    pb = Fr(sum(d['dd']), 1500)
    return [mpf(pb), mpf(pb) + 3 * hsqrt(pb * (1 - pb) / 150)]
add(1, "Final inspection, 150 units pulled from every lot:\n<<TABLE>>\n"
       "p chart please: centre line p-bar and the 3-sigma UCL (n = 150 for every lot).",
    d, ['control_chart', 'dsl_run'], 'p chart with n=150 per lot: p-bar = total defectives / 1500, UCL = pbar + 3 sqrt(pbar(1-pbar)/150).',
    c14, h14, table=dict(style='md', cols=[('lot', ['L%d' % i for i in range(101, 111)]), ('defective', 'dd')]))

# ============================================================ KIND 2: wording carries intent
# d15 Wilcoxon signed-rank exact
d = dict(a=N(5.0, 0.8, 9, 2), b=None)
d['b'] = [float(round(x + v, 2)) for x, v in zip(d['a'], rng.normal(0.45, 0.5, 9))]
def wdiff(d):
    return [fr(y) - fr(x) for x, y in zip(d['a'], d['b'])]
def c15(d):
    dd = np.array(d['b']) - np.array(d['a'])
    r1 = st.wilcoxon(dd, alternative='greater', method='exact')
    r2 = st.wilcoxon(dd, alternative='two-sided', method='exact')
    return [('W+', float(r1.statistic), S), ('p', r2.pvalue, P)]
def h15(d):
    dd = wdiff(d); assert all(v != 0 for v in dd) and len(set(abs(v) for v in dd)) == len(dd)
    r, _ = hranks([abs(v) for v in dd]); n = len(dd)
    wp = sum(rr for rr, v in zip(r, dd) if v > 0)
    cnt = subset_sum_counts(range(1, n + 1)); tot = 2 ** n
    lo = sum(c for s, c in cnt.items() if s <= wp); hi = sum(c for s, c in cnt.items() if s >= wp)
    return [mpf(wp), min(1, 2 * mp.mpf(min(lo, hi)) / tot)]
add(2, "I've got 9 paired readings (left gauge vs right gauge on the same part) and I don't want to assume the differences are normally distributed.\n"
       "left:  <<a|  >>\nright: <<b|  >>\nTest whether the median difference right minus left is zero, two-sided, exact p-value please, and tell me the sum of the positive ranks.",
    d, ['wilcoxon_signed_rank', 'dsl_run'], 'Wilcoxon signed-rank on right - left, exact two-sided p; W+ = sum of ranks of positive differences.',
    c15, h15)

# d16 nominal value
d = dict(x=N(25.03, 0.04, 10, 2))
def c16(d):
    r = st.ttest_1samp(d['x'], 25.0)
    return [('t', r.statistic, S), ('p', r.pvalue, P)]
def h16(d):
    t = mpf(hmean(d['x']) - 25) / hsqrt(hvar(d['x']) / 10)
    return [t, hp_t2(t, 9)]
add(2, "the nominal length for this pin is 25.00 mm. measured ten of them: <<x|, >>. is the process off nominal? two sided, assume normal. give t (mean minus nominal) and p",
    d, ['t_test', 'dsl_run'], 'One-sample t-test against the nominal 25.00, two-sided; t = (mean-25)/(s/sqrt n), p.',
    c16, h16)

# d17 drop a named run
d = dict(x=N(100.6, 0.9, 8, 1))
d['x'][3] = float(round(d['x'][3] + 6.0, 1))
def keep17(d):
    return [v for i, v in enumerate(d['x']) if i != 3]
def c17(d):
    k = keep17(d); r = st.ttest_1samp(k, 100)
    return [('mean', float(np.mean(k)), S), ('t', r.statistic, S), ('p', r.pvalue, P)]
def h17(d):
    k = keep17(d); m = hmean(k); t = mpf(m - 100) / hsqrt(hvar(k) / 7)
    return [mpf(m), t, hp_t2(t, 6)]
add(2, "Runs 1 to 8 gave <<x|, >> (in run order). Run 4 had a clogged nozzle so leave that one out entirely. "
       "With what's left, does the mean differ from the 100 target? Two-sided one-sample t; I want the mean, t and p.",
    d, ['t_test', 'dsl_run'], 'Drop run 4, one-sample t-test of the remaining 7 values against 100, two-sided; mean, t, p.',
    c17, h17)

# d18 defect counts -> c chart
d = dict(c=I(8, 20, 12))
def c18(d):
    cb = float(np.mean(d['c']))
    return [('cbar', cb, S), ('UCL', cb + 3 * math.sqrt(cb), S)]
def h18(d):
    cb = hmean(d['c'])
    return [mpf(cb), mpf(cb) + 3 * hsqrt(cb)]
add(2, "We count surface blemishes on each painted door panel (same panel size every time). Last 12 panels: <<c|, >>.\n"
       "What chart fits counts of defects like this, and what are its centre line and upper control limit (3 sigma)?",
    d, ['control_chart', 'dsl_run'], 'c chart for defect counts: c-bar and UCL = cbar + 3 sqrt(cbar).',
    c18, h18)

# d19 one reading per batch -> within sigma from MR
d = dict(x=N(7.0, 0.12, 10, 2))
D2_2 = si.quad(lambda t: 1 - st.norm.cdf(t) ** 2 - st.norm.sf(t) ** 2, -np.inf, np.inf)[0]
def c19(d):
    x = np.array(d['x']); s = np.abs(np.diff(x)).mean() / D2_2
    return [('sigma_within', s, S), ('Cpk', min(7.5 - x.mean(), x.mean() - 6.5) / (3 * s), S)]
def h19(d):
    x = d['x']; mr = sum(abs(fr(a) - fr(b)) for a, b in zip(x[1:], x[:-1])) / 9
    s = mpf(mr) / (2 / mp.sqrt(mp.pi)); m = hmean(x)
    return [s, mpf(min(Fr('7.5') - m, m - Fr('6.5'))) / (3 * s)]
add(2, "pH of the rinse bath, we only get one reading per batch: <<x|, >>\nlimits are 6.5 to 7.5. "
       "Estimate the short-term (within) sigma from the average moving range of consecutive readings (MRbar/d2) and then Cpk with that sigma.",
    d, ['capability', 'dsl_run'], 'Within sigma = MRbar/d2 (d2=1.128, span 2); Cpk = min(USL-mean, mean-LSL)/(3 sigma_within), LSL 6.5, USL 7.5.',
    c19, h19)

# d20 overall vs within
d = dict(m=float(round(rng.normal(15.2, 0.05), 2)), so=float(round(rng.uniform(0.16, 0.2), 2)), rb=float(round(rng.uniform(0.25, 0.3), 2)))
def c20(d):
    return [('Pp', (16 - 14.5) / (6 * d['so']), S), ('Ppk', min(16 - d['m'], d['m'] - 14.5) / (3 * d['so']), S)]
def h20(d):
    s = fr(d['so']); m = fr(d['m'])
    return [mpf(Fr('1.5') / (6 * s)), mpf(min(16 - m, m - Fr('14.5')) / (3 * s))]
add(2, "From the monthly report: mean <<m>>, overall standard deviation <<so>> (all 125 parts pooled), average range of the subgroups of 5 was <<rb>>. "
       "Spec 14.5 - 16.0. My manager wants the long-term performance numbers based on the overall sigma, not the within-subgroup one. What are they?",
    d, ['summary_capability', 'dsl_run'], 'Pp and Ppk with the overall SD (ignore Rbar): Pp=(16-14.5)/(6 s), Ppk=min(16-m, m-14.5)/(3 s).',
    c20, h20)

# d21 one-sided claim
d = dict(x=N(49.0, 1.3, 12, 1))
def c21(d):
    r = st.ttest_1samp(d['x'], 50, alternative='less')
    return [('t', r.statistic, S), ('p', r.pvalue, P)]
def h21(d):
    t = mpf(hmean(d['x']) - 50) / hsqrt(hvar(d['x']) / 12)
    return [t, 1 - hp_tup(t, 11)]
add(2, "Supplier says the mean breaking strength is at least 50 N. Our 12 samples: <<x|; >>. Do we have evidence the true mean is below what they claim? "
       "Use a t test at alpha 0.05 and report t and the (one-sided) p value.",
    d, ['t_test', 'dsl_run'], 'One-sample t-test vs 50, alternative mean < 50 (lower one-sided); t and p.',
    c21, h21)

# d22 not the pooled one
d = dict(a=N(3.1, 0.2, 7, 2), b=N(3.4, 0.6, 11, 2))
def c22(d):
    r = st.ttest_ind(d['a'], d['b'], equal_var=False)
    return [('|t|', abs(r.statistic), S), ('df', r.df, S), ('p', r.pvalue, P)]
def h22(d):
    t, df = h_welch(hmean(d['a']), hvar(d['a']), 7, hmean(d['b']), hvar(d['b']), 11)
    return [abs(t), df, hp_t2(t, df)]
add(2, "Group A (7 parts): <<a|, >>\nGroup B (11 parts): <<b|, >>\n"
       "The spreads are clearly different, so not the pooled-variance version please. Two-sided test of equal means: t, the (fractional) degrees of freedom and p.",
    d, ['t_test', 'dsl_run'], 'Welch unequal-variance t-test, two-sided; |t|, Welch-Satterthwaite df, p.',
    c22, h22)

# d23 summary figures only, pooled
d = dict(m1=41.8, s1=2.9, n1=14, m2=39.6, s2=3.2, n2=16)
def c23(d):
    r = st.ttest_ind_from_stats(d['m1'], d['s1'], d['n1'], d['m2'], d['s2'], d['n2'], equal_var=True)
    return [('t', r.statistic, S), ('p', r.pvalue, P), ('df', d['n1'] + d['n2'] - 2, Z)]
def h23(d):
    n1, n2 = d['n1'], d['n2']
    sp2 = ((n1 - 1) * fr(d['s1']) ** 2 + (n2 - 1) * fr(d['s2']) ** 2) / (n1 + n2 - 2)
    t = mpf(fr(d['m1']) - fr(d['m2'])) / hsqrt(sp2 * (Fr(1, n1) + Fr(1, n2)))
    return [t, hp_t2(t, n1 + n2 - 2), n1 + n2 - 2]
add(2, "I only have the summary sheet, no raw data. Day shift: mean <<m1>>, sd <<s1>>, n = <<n1>>. Night shift: mean <<m2>>, sd <<s2>>, n = <<n2>>. "
       "Equal variances are a fair assumption here. Is there a difference (day minus night), two sided? t, df and p please",
    d, ['summary_t_test', 'dsl_run'], 'Pooled two-sample t from summary statistics, day - night, two-sided; t, df=n1+n2-2, p.',
    c23, h23)

# d24 ratio direction
d = dict(a=N(10.0, 0.15, 10, 2), b=N(10.0, 0.3, 10, 2))
def c24(d):
    F = np.var(d['b'], ddof=1) / np.var(d['a'], ddof=1)
    return [('F', F, S), ('p', st.f.sf(F, 9, 9), P)]
def h24(d):
    F = mpf(hvar(d['b']) / hvar(d['a']))
    return [F, hp_F(F, 9, 9)]
add(2, "line A: <<a| >>\nline B: <<b| >>\n"
       "I think line B is more variable than line A. Test it with the variance ratio B over A (normal data), one-sided in that direction - ratio and p?",
    d, ['variance_test', 'dsl_run'], 'F test of variances, F = s_B^2/s_A^2, one-sided (B larger), df (9,9); F and p.',
    c24, h24)

# d25 which difference direction, CI
d = dict(o=N(71.0, 2.0, 8, 1), nw=N(74.0, 2.0, 8, 1))
def c25(d):
    r = st.ttest_ind(d['nw'], d['o'], equal_var=True)
    ci = r.confidence_interval(0.95)
    return [('diff', float(np.mean(d['nw']) - np.mean(d['o'])), S), ('lower', ci.low, S), ('upper', ci.high, S)]
def h25(d):
    n = 8; sp2 = (hvar(d['o']) + hvar(d['nw'])) / 2
    diff = hmean(d['nw']) - hmean(d['o']); se = hsqrt(sp2 * Fr(2, 8))
    tc = mp.findroot(lambda c: hp_t2(c, 14) - mp.mpf('0.05'), 2)
    return [mpf(diff), mpf(diff) - tc * se, mpf(diff) + tc * se]
add(2, "old recipe: <<o|, >>\nnew recipe: <<nw|, >>\n"
       "How much better is the new one? Give the difference new minus old and its 95% confidence interval, using the pooled (equal variance) standard error.",
    d, ['t_test', 'dsl_run'], 'Pooled two-sample CI for mean(new) - mean(old), 95%; difference, lower, upper.',
    c25, h25)

# d26 REFUSAL: Cp with only USL
d = dict(m=float(round(rng.normal(0.82, 0.02), 2)), s=0.05, usl=1.0)
add(2, "Flatness is an upper-limit-only characteristic: USL = <<usl>> mm, there's no lower limit. Process mean <<m>>, sd <<s>>. "
       "I need the Cp value (the two-sided potential index, spec width over six sigma) for the PPAP.",
    d, ['summary_capability', 'dsl_run'], 'Refuse: Cp needs both spec limits; only an upper limit exists, so the spec width is undefined.',
    refuse=True, defect=lambda d: 'lsl' not in d, text_defect=lambda t: "no lower limit" in t and 'LSL' not in t)

# d27 proportion went down, one-sided two-proportion z
d = dict(x1=int(rng.integers(30, 38)), n1=400, x2=int(rng.integers(16, 24)), n2=380)
def c27(d):
    z, p = proportions_ztest([d['x2'], d['x1']], [d['n2'], d['n1']], alternative='smaller')
    return [('z', z, S), ('p', p, P)]
def h27(d):
    p1, p2 = Fr(d['x1'], d['n1']), Fr(d['x2'], d['n2'])
    pp = Fr(d['x1'] + d['x2'], d['n1'] + d['n2'])
    z = mpf(p2 - p1) / hsqrt(pp * (1 - pp) * (Fr(1, d['n1']) + Fr(1, d['n2'])))
    return [z, mp.ncdf(z)]
add(2, "Before the poka-yoke: <<x1>> rejects out of <<n1>>. After: <<x2>> rejects out of <<n2>>. Did the reject rate actually go down? "
       "Pooled two-proportion z test, no continuity correction, z as after minus before; one-sided p.",
    d, ['proportion_test', 'dsl_run'], 'Pooled two-proportion z test, z = (p_after - p_before)/SE_pooled, lower one-sided p, no continuity correction.',
    c27, h27)

# d28 ppm above USL from summary
d = dict(m=float(round(rng.normal(4.02, 0.01), 2)), s=float(round(rng.uniform(0.05, 0.07), 2)), usl=4.2)
def c28(d):
    return [('ppm_above', 1e6 * st.norm.sf((d['usl'] - d['m']) / d['s']), S)]
def h28(d):
    z = mpf((fr(d['usl']) - fr(d['m'])) / fr(d['s']))
    return [1e6 * mp.erfc(z / mp.sqrt(2)) / 2]
add(2, "if the process is normal with mean <<m>> and standard deviation <<s>>, how many parts per million would fall above the upper limit of <<usl>>? (only the upper tail)",
    d, ['summary_capability', 'dsl_run'], 'Expected ppm above USL: 1e6 * P(Z > (USL-mean)/sd) under normality.',
    c28, h28)

# ============================================================ KIND 3: prose with irrelevant numbers, DOE etc.
def full2(k):
    return [list(r) for r in itertools.product([-1, 1], repeat=k)]

def frac_design(k_base, gens):
    base = full2(k_base)
    rows = []
    for r in base:
        row = list(r)
        for g in gens:
            row.append(int(np.prod([r[i] for i in g])))
        rows.append(row)
    return np.array(rows)

def res_from_matrix(M):
    k = M.shape[1]; best = None
    for L in range(1, k + 1):
        for sub in itertools.combinations(range(k), L):
            col = np.prod(M[:, sub], axis=1)
            if np.all(col == col[0]):
                best = L if best is None else min(best, L)
        if best is not None:
            return best
    return None

def res_from_generators(k_base, gens):
    words = []
    for j, g in enumerate(gens):
        words.append(frozenset(g) | {k_base + j})
    group = {frozenset()}
    for w in words:
        group |= {w ^ x for x in group}
    return min(len(w) for w in group if w)

# d29 2^3 with replicates and centre points
d = dict(r=2, c=4)
def c29(d):
    M = [row for _ in range(d['r']) for row in full2(3)] + [[0, 0, 0]] * d['c']
    pts = {}
    for row in M: pts.setdefault(tuple(row), 0); pts[tuple(row)] += 1
    return [('runs', len(M), Z), ('pure_error_df', sum(v - 1 for v in pts.values()), Z)]
def h29(d):
    return [8 * d['r'] + d['c'], 8 * (d['r'] - 1) + d['c'] - 1]
add(3, "Planning next week's trial in building 7, room 214. Three factors (temperature, pressure, dwell) at two levels each, full factorial, "
       "every corner run <<r>> times, plus <<c>> centre points (each centre point is a single run). Resin lot 4471 costs $380 per drum so I want to know "
       "how many runs in total, and how many degrees of freedom for pure error this gives.",
    d, ['doe_design', 'dsl_run'], 'Runs = 2^3*r + c; pure-error df = 8(r-1) + (c-1) from replicated corners and centre points.',
    c29, h29)

# d30 2^(5-2) fractional with generators
d = dict(c=3)
def c30(d):
    M = frac_design(3, [(0, 1), (0, 2)])
    runs = len(np.vstack([M] + [np.zeros((1, 5))] * d['c']))
    return [('runs', runs, Z), ('resolution', res_from_matrix(M), Z)]
def h30(d):
    return [2 ** (5 - 2) + d['c'], res_from_generators(3, [(0, 1), (0, 2)])]
add(3, "Screening 5 factors A-E with a 2^(5-2) fraction, generators D = AB and E = AC, plus <<c>> centre points (one run each). "
       "The old 2019 study used 32 runs on press #12, but budget's tight. How many runs is this plan, and what is its resolution (length of the shortest word in the defining relation)?",
    d, ['doe_design', 'doe_properties', 'dsl_run'], 'Runs = 8 + centre points; resolution = shortest word of I = ABD = ACE = BCDE (III -> 3).',
    c30, h30)

# d31 2^(6-2)
d = dict(r=2)
def c31(d):
    M = frac_design(4, [(0, 1, 2), (1, 2, 3)])
    return [('runs', len(np.vstack([M] * d['r'])), Z), ('resolution', res_from_matrix(M), Z)]
def h31(d):
    return [16 * d['r'], res_from_generators(4, [(0, 1, 2), (1, 2, 3)])]
add(3, "six factors, 2^(6-2) design with E = ABC and F = BCD, and we'll replicate the whole fraction <<r>> times (no centre points). "
       "Line 3 runs 40 parts/hr and the trial starts 14 March. total number of runs? and the design resolution as a number?",
    d, ['doe_design', 'doe_properties', 'dsl_run'], 'Runs = 16*r; resolution = shortest word of I = ABCE = BCDF = ADEF (IV -> 4).',
    c31, h31)

# d32 blocked 2^k
d = dict(k=4, c=2)
def c32(d):
    M = full2(d['k']); blk = [int(np.prod(r)) for r in M]
    rows = [(b, tuple(r)) for b, r in zip(blk, M)] + [(b, (0,) * d['k']) for b in (-1, 1) for _ in range(d['c'])]
    return [('runs', len(rows), Z)]
def h32(d):
    return [2 ** d['k'] + 2 * d['c']]
add(3, "We can only do about half the runs per day (oven 2 seats 9 trays, and each day costs ~1200 EUR), so the <<k>>-factor two-level full factorial "
       "will be split into 2 blocks (confounding the highest-order interaction), with <<c>> centre points added in each block. How many runs altogether?",
    d, ['doe_design', 'dsl_run'], 'Blocked full factorial: runs = 2^k + 2 blocks * c centre points per block.',
    c32, h32)

# d33 Box-Behnken
d = dict(k=3, c=3)
def bbd(k, c):
    rows = []
    for i, j in itertools.combinations(range(k), 2):
        for a, b in itertools.product([-1, 1], repeat=2):
            r = [0] * k; r[i] = a; r[j] = b; rows.append(r)
    return rows + [[0] * k] * c
def c33(d):
    return [('runs', len(bbd(d['k'], d['c'])), Z)]
def h33(d):
    return [2 * d['k'] * (d['k'] - 1) + d['c']]
add(3, "For the response surface follow-up (project 2024-117) I'm thinking Box-Behnken in <<k>> factors with <<c>> centre runs. "
       "Kiln 5 is free for 3 weeks. How many experimental runs does that come to?",
    d, ['doe_design', 'dsl_run'], 'Box-Behnken runs = 2k(k-1) edge-midpoint runs + c centre runs.',
    c33, h33)

# d34 CCD
d = dict(k=3, c=6)
def c34(d):
    k = d['k']; cube = full2(k)
    axial = [[(a if j == i else 0) for j in range(k)] for i in range(k) for a in (-1, 1)]
    M = cube + axial + [[0] * k] * d['c']
    return [('runs', len(M), Z), ('alpha', len(cube) ** 0.25, S)]
def h34(d):
    return [2 ** d['k'] + 2 * d['k'] + d['c'], mp.mpf(2) ** (mp.mpf(d['k']) / 4)]
add(3, "central composite design, <<k>> factors, full 2-level factorial portion, axial points at the rotatable distance, <<c>> centre points. "
       "(we did a 20-run screening back in 2022 with 5 operators.) how many runs and what alpha (in coded units) for rotatability?",
    d, ['doe_design', 'dsl_run'], 'CCD runs = 2^k + 2k + c; rotatable alpha = (2^k)^(1/4).',
    c34, h34)

# d35 Plackett-Burman
PB12 = [1, 1, -1, 1, 1, 1, -1, -1, -1, 1, -1]
d = dict(k=9, r=2)
def c35(d):
    rows = [PB12[-i:] + PB12[:-i] if i else PB12[:] for i in range(11)] + [[-1] * 11]
    M = np.array(rows)[:, :d['k']]
    assert np.all(M.T @ M == 12 * np.eye(d['k']))
    return [('runs', len(np.vstack([M] * d['r'])), Z)]
def h35(d):
    return [4 * ((d['k'] + 1 + 3) // 4) * d['r']]
add(3, "Need a Plackett-Burman screening for <<k>> two-level factors, main effects only, smallest standard PB size that fits, "
       "and the whole design is run <<r>> times (full replicates). Each run takes 45 min and the chamber is booked from 08:00. How many runs in total?",
    d, ['doe_design', 'dsl_run'], 'Plackett-Burman: smallest multiple of 4 greater than k, times r replicates -> runs.',
    c35, h35)

# d36 mixed-level factorial
d = dict(a=3, b=4, r=2)
def c36(d):
    M = [row for _ in range(d['r']) for row in itertools.product(range(d['a']), range(d['b']), range(2))]
    cells = len(set(M))
    return [('runs', len(M), Z), ('error_df', len(M) - cells, Z)]
def h36(d):
    return [d['a'] * d['b'] * 2 * d['r'], d['a'] * d['b'] * 2 * (d['r'] - 1)]
add(3, "General full factorial: catalyst at <<a>> levels, temperature at <<b>> levels, stirrer (on/off) at 2 levels, whole thing replicated <<r>> times. "
       "Reactor R-2 holds 15 L. How many runs in total, and how many error degrees of freedom if we fit the full model with all interactions?",
    d, ['doe_design', 'anova_twoway', 'dsl_run'], 'Mixed-level full factorial: runs = a*b*2*r; error df = runs - a*b*2 cells.',
    c36, h36)

# d37 sample size for a mean
d = dict(s=2.4, e=0.5)
def c37(d):
    return [('n', int(math.ceil((st.norm.ppf(0.975) * d['s'] / d['e']) ** 2)), Z)]
def h37(d):
    return [int(mp.ceil((hz(mp.mpf('0.975')) * mpf(fr(d['s'])) / mpf(fr(d['e']))) ** 2))]
add(3, "How many bags do we need to weigh to estimate the mean fill weight to within +/- <<e>> g with 95% confidence? "
       "Historical sigma is <<s>> g (treat it as known). Last audit in 2021 weighed 60 bags from filler 3.",
    d, ['power', 'dsl_run'], 'n = ceil((z_0.975 * sigma / E)^2), known sigma, rounded up.',
    c37, h37)

# d38 sample size two-sample t
d = dict(delta=1.5, s=2.0)
def c38(d):
    n = TTestIndPower().solve_power(effect_size=d['delta'] / d['s'], alpha=0.05, power=0.9, ratio=1, alternative='two-sided')
    return [('n_per_group', int(math.ceil(n)), Z)]
def h38(d):
    es = mpf(fr(d['delta']) / fr(d['s'])); n = 2
    while h_power_t(2 * n - 2, es * mp.sqrt(mp.mpf(n) / 2), mp.mpf('0.05')) < mp.mpf('0.9'):
        n += 1
    return [n]
add(3, "Comparing two coatings with a two-sample t-test (equal n, two-sided, alpha 0.05). We want 90% power to detect a difference of <<delta>> hours in mean life; "
       "SD is about <<s>> hours. The salt-spray cabinet holds 24 panels. What's the sample size per coating?",
    d, ['power', 'dsl_run'], 'Two-sample t (pooled) sample size per group for power 0.90, alpha 0.05 two-sided, d = delta/sd, rounded up.',
    c38, h38)

# d39 Xbar-R limits from summary
d = dict(xbb=float(round(rng.normal(50, 0.3), 2)), rb=float(round(rng.uniform(1.8, 2.4), 2)))
def c39(d):
    return [('UCL', d['xbb'] + TAB[5]['A2'] * d['rb'], S), ('LCL', d['xbb'] - TAB[5]['A2'] * d['rb'], S),
            ('sigma_hat', d['rb'] / TAB[5]['d2'], S)]
def h39(d):
    d2 = h_d2(5); A2 = 3 / (d2 * mp.sqrt(5))
    return [mpf(fr(d['xbb'])) + A2 * mpf(fr(d['rb'])), mpf(fr(d['xbb'])) - A2 * mpf(fr(d['rb'])), mpf(fr(d['rb'])) / d2]
add(3, "From 25 subgroups of size 5 taken on press 9 since 3 June: grand average <<xbb>>, average range <<rb>>. "
       "X-bar chart limits please (3 sigma, tabulated A2), and the estimate of sigma from R-bar/d2.",
    d, ['summary_chart', 'spc_constants', 'dsl_run'], 'X-bar/R from summaries, n=5: UCL/LCL = xbarbar +/- A2*Rbar (A2=0.577), sigma = Rbar/d2 (2.326).',
    c39, h39)

# d40 capability from summaries
d = dict(m=float(round(rng.normal(12.06, 0.02), 2)), s=float(round(rng.uniform(0.08, 0.1), 2)), lsl=11.7, usl=12.3)
def c40(d):
    return [('Cp', (d['usl'] - d['lsl']) / (6 * d['s']), S), ('Cpk', min(d['usl'] - d['m'], d['m'] - d['lsl']) / (3 * d['s']), S)]
def h40(d):
    s, m = fr(d['s']), fr(d['m'])
    return [mpf((fr(d['usl']) - fr(d['lsl'])) / (6 * s)), mpf(min(fr(d['usl']) - m, m - fr(d['lsl'])) / (3 * s))]
add(3, "Part no. 88-1042, bore diameter. Spec <<lsl>> to <<usl>> mm. The within-subgroup sigma from the control chart is <<s>> mm and the process average is <<m>> mm "
       "(chart ran 6 weeks, 30 subgroups). Work out Cp and Cpk with that within sigma.",
    d, ['summary_capability', 'dsl_run'], 'Cp = (USL-LSL)/(6 sigma_within), Cpk = min(USL-mean, mean-LSL)/(3 sigma_within).',
    c40, h40)

# d41 REFUSAL: 2^(7-4) resolution IV impossible
d = dict(c=2)
def d41_defect(d):
    best = 0
    for gens in itertools.product([g for L in (1, 2, 3) for g in itertools.combinations(range(3), L)], repeat=4):
        best = max(best, res_from_generators(3, list(gens)))
    return best < 4
add(3, "We have 7 two-level factors and can afford only 8 runs (a 2^(7-4) fraction), plus <<c>> centre points. "
       "Please give me generators that make it a resolution IV design so no main effect is aliased with a two-factor interaction. Kiln 2, week 31.",
    d, ['doe_design', 'doe_properties', 'dsl_run'], 'Refuse: no 2^(7-4) design has resolution IV (8 runs allow at most resolution III for 7 factors).',
    refuse=True, defect=d41_defect, text_defect=lambda t: '2^(7-4)' in t and 'resolution IV' in t)

# d42 REFUSAL: zero error df
d = dict(y=N(40, 3, 8, 1))
add(3, "Unreplicated 2^3 (no centre points, single replicate, standard order), responses <<y|, >>. Batch 551, operator 12. "
       "Fit the full model (A, B, C, AB, AC, BC, ABC) and give me the ANOVA F statistic and p-value for every term from the residual mean square.",
    d, ['doe_anova', 'dsl_run'], 'Refuse: 8 runs and 8 parameters in the full model leave 0 error df, so no F or p exists.',
    refuse=True, defect=lambda d: len(d['y']) - 8 == 0, text_defect=lambda t: 'no centre points' in t and 'single replicate' in t)

# ============================================================ KIND 4: maths
def chk_expr(rx, build):
    return (rx, build)

# d43 second derivative at a point
d = dict(a=3, b=2, c=2)
def b43(d): return d['a'] * X ** 4 - d['b'] * sp.sin(X) + sp.log(X)
def c43(d):
    return [('f2', float(sp.diff(b43(d), X, 2).subs(X, d['c'])), S)]
def h43(d):
    f = lambda x: d['a'] * x ** 4 - d['b'] * mp.sin(x) + mp.log(x)
    return [mp.diff(f, d['c'], 2)]
add(4, "whats the 2nd derivitive of <<a>>x^4 - <<b>>sin x + ln(x) at x=<<c>>", d, ['differentiate', 'evaluate', 'dsl_run'],
    "f''(2) for f = 3x^4 - 2 sin x + ln x (radians).", c43, h43,
    exprs=[(r"derivitive of (.*) at x", b43)])

# d44 mixed partial
d = dict(a=3, b=2, c=5, px=1, py=2)
def b44(d): return X ** d['a'] * Y ** d['b'] + d['c'] * X * Y ** 2
def c44(d):
    return [('fxy', float(sp.diff(b44(d), X, Y).subs({X: d['px'], Y: d['py']})), S)]
def h44(d):
    f = lambda x, y: x ** d['a'] * y ** d['b'] + d['c'] * x * y ** 2
    return [mp.diff(f, (d['px'], d['py']), (1, 1))]
add(4, "Let f(x,y) = x^<<a>> y^<<b>> + <<c>>xy^2. Find the mixed partial d^2f/dxdy evaluated at (<<px>>, <<py>>).", d,
    ['differentiate', 'evaluate', 'dsl_run'], 'Mixed partial f_xy of x^3 y^2 + 5xy^2 at (1,2).', c44, h44,
    exprs=[(r"f\(x,y\) = (.*)\. Find", b44)])

# d45 definite integral
d = dict(a=6, b=4, u=2)
def b45(d): return d['a'] * X ** 2 + d['b'] * sp.exp(-X)
def c45(d):
    return [('integral', float(sp.integrate(b45(d), (X, 0, d['u']))), S)]
def h45(d):
    return [mp.quad(lambda x: d['a'] * x ** 2 + d['b'] * mp.e ** (-x), [0, d['u']])]
add(4, "Evaluate the integral from 0 to <<u>> of (<<a>>x^2 + <<b>>e^(-x)) dx, numerical value please.", d,
    ['integrate', 'dsl_run'], 'Definite integral of 6x^2 + 4e^(-x) over [0, 2].', c45, h45,
    exprs=[(r"of \((.*)\) dx", b45)])

# d46 improper integral
d = dict(a=3)
def b46(d): return X ** 2 * sp.exp(-d['a'] * X)
def c46(d):
    return [('integral', float(sp.integrate(b46(d), (X, 0, sp.oo))), S)]
def h46(d):
    return [mp.quad(lambda x: x ** 2 * mp.e ** (-d['a'] * x), [0, mp.inf])]
add(4, "int_0^inf x^2 e^(-<<a>>x) dx = ?", d, ['integrate', 'dsl_run'], 'Improper integral of x^2 e^(-3x) from 0 to infinity (=2/27).', c46, h46,
    exprs=[(r"int_0\^inf (.*) dx", b46)])

# d47 limit
d = dict(a=4, b=3)
def b47(d): return (1 - sp.cos(d['a'] * X)) / (d['b'] * X ** 2)
def c47(d):
    return [('limit', float(sp.limit(b47(d), X, 0)), S)]
def h47(d):
    return [mp.limit(lambda x: (1 - mp.cos(d['a'] * x)) / (d['b'] * x ** 2), 0)]
add(4, "lim as x->0 of (1 - cos(<<a>>x))/(<<b>>x^2)  -- I keep getting 0/0, what's the actual limit?", d, ['limit', 'dsl_run'],
    'Limit x->0 of (1-cos 4x)/(3x^2) = 16/6.', c47, h47, exprs=[(r"of (.*)  --", b47)])

# d48 Taylor coefficient
d = dict(a=2)
def b48(d): return sp.exp(d['a'] * X) * sp.cos(X)
def c48(d):
    return [('coef_x4', float(sp.series(b48(d), X, 0, 6).removeO().coeff(X, 4)), S)]
def h48(d):
    return [mp.taylor(lambda x: mp.e ** (d['a'] * x) * mp.cos(x), 0, 4)[4]]
add(4, "In the Maclaurin series (Taylor about 0) of e^(<<a>>x)*cos(x), what is the coefficient of x^4?", d, ['series', 'dsl_run'],
    'Coefficient of x^4 in the Maclaurin expansion of e^(2x) cos x.', c48, h48, exprs=[(r"of (.*), what", b48)])

# d49 series sum
d = dict(a=3)
def c49(d):
    n = sp.Symbol('n', integer=True, positive=True)
    return [('sum', float(sp.summation(n / sp.Integer(d['a']) ** n, (n, 1, sp.oo))), S)]
def h49(d):
    return [mp.nsum(lambda n: n / mp.mpf(d['a']) ** n, [1, mp.inf])]
add(4, "sum from n=1 to infinity of n/<<a>>^n ... converges right? to what", d, ['summation', 'dsl_run'],
    'Sum over n>=1 of n/3^n (= 3/4).', c49, h49)

# d50 real root
d = dict(a=2, b=5)
def b50(d): return X ** 3 + d['a'] * X - d['b']
def c50(d):
    r = [complex(v) for v in sp.Poly(b50(d), X).nroots(n=30)]
    return [('root', [v.real for v in r if abs(v.imag) < 1e-12][0], S)]
def h50(d):
    return [mp.findroot(lambda x: x ** 3 + d['a'] * x - d['b'], 1)]
add(4, "Solve x^3 + <<a>>x - <<b>> = 0 for its real root (there's only one since the cubic is increasing). Decimal answer is fine.", d,
    ['solve', 'dsl_run'], 'Unique real root of x^3 + 2x - 5 = 0.', c50, h50, exprs=[(r"Solve (.*) = 0 for", b50)])

# d51 partial fractions
d = dict(a=3, b=7, p=1, q=2)
def b51(d): return (d['a'] * X + d['b']) / ((X - d['p']) * (X + d['q']))
def c51(d):
    ap = sp.apart(b51(d), X)
    A = sp.limit(ap * (X - d['p']), X, d['p']); B = sp.limit(ap * (X + d['q']), X, -d['q'])
    terms = {sp.simplify(t * (X - d['p'])) for t in ap.as_ordered_terms()}
    return [('A', float(A), S), ('B', float(B), S)]
def h51(d):
    A = Fr(d['a'] * d['p'] + d['b'], d['p'] + d['q']); B = Fr(-d['a'] * d['q'] + d['b'], -d['q'] - d['p'])
    return [mpf(A), mpf(B)]
add(4, "partial fractions of (<<a>>x+<<b>>)/((x-<<p>>)(x+<<q>>)) -- want it as A/(x-<<p>>) + B/(x+<<q>>), what are A and B", d,
    ['simplify', 'dsl_run'], 'apart((3x+7)/((x-1)(x+2))) = A/(x-1) + B/(x+2); A and B.', c51, h51,
    exprs=[(r"fractions of (.*) -- want", b51)])

# d52 determinant 3x3
d = dict(a=2, b=1, c=3, e=4, f=1, g=5, h=2, i=6, z=7)
def M52(d): return [[d['a'], d['b'], d['c']], [d['z'], d['e'], d['f']], [d['g'], d['h'], d['i']]]
def c52(d):
    return [('det', int(sp.Matrix(M52(d)).det()), Z)]
def h52(d):
    return [det_cof(M52(d))]
add(4, "determinant of\n[<<a>> <<b>> <<c>>]\n[<<z>> <<e>> <<f>>]\n[<<g>> <<h>> <<i>>]\nplease (exact)", d, ['matrix', 'dsl_run'],
    'Exact determinant of the 3x3 integer matrix.', c52, h52)

# d53 eigenvalues symmetric 2x2
d = dict(a=5, b=2, c=1)
def c53(d):
    ev = sorted(float(v) for v in sp.Matrix([[d['a'], d['b']], [d['b'], d['c']]]).eigenvals())
    return [('lambda_max', ev[1], S), ('lambda_min', ev[0], S)]
def h53(d):
    tr, dt = d['a'] + d['c'], d['a'] * d['c'] - d['b'] ** 2
    disc = mp.sqrt(mp.mpf(tr) ** 2 - 4 * dt)
    return [(tr + disc) / 2, (tr - disc) / 2]
add(4, "Eigenvalues of the symmetric matrix A = [[<<a>>, <<b>>], [<<b>>, <<c>>]]? give both, largest first", d, ['matrix', 'dsl_run'],
    'Both eigenvalues of [[5,2],[2,1]], largest first.', c53, h53)

# d54 linear system
d = dict(a=2, b=3, r1=9, c=4, r2=5, e=5, r3=10)
def sys54(d):
    return [[d['a'], 1, -1], [1, d['b'], 1], [d['c'], -1, d['e']]], [d['r1'], d['r2'], d['r3']]
def c54(d):
    x, y, z = sp.symbols('x y z'); A, r = sys54(d)
    sol = sp.solve([sum(A[i][j] * v for j, v in enumerate((x, y, z))) - r[i] for i in range(3)], [x, y, z])
    return [('x', float(sol[x]), S), ('y', float(sol[y]), S), ('z', float(sol[z]), S)]
def h54(d):
    A, r = sys54(d); D = det_cof(A); out = []
    for j in range(3):
        Aj = [[r[i] if jj == j else A[i][jj] for jj in range(3)] for i in range(3)]
        out.append(mpf(Fr(det_cof(Aj), D)))
    return out
add(4, "solve the system\n<<a>>x + y - z = <<r1>>\nx + <<b>>y + z = <<r2>>\n<<c>>x - y + <<e>>z = <<r3>>\nfor x, y, z", d, ['solve', 'matrix', 'dsl_run'],
    'Solve the 3x3 linear system for x, y, z.', c54, h54)

# d55 extremes on interval
d = dict(a=6, b=9, k=2, c=5)
def b55(d): return X ** 3 - d['a'] * X ** 2 + d['b'] * X + d['k']
def c55(d):
    f = b55(d); cps = [v for v in sp.solve(sp.diff(f, X), X) if v.is_real and 0 <= v <= d['c']]
    loc_min = [v for v in cps if sp.diff(f, X, 2).subs(X, v) > 0]
    vals = [f.subs(X, v) for v in cps + [0, d['c']]]
    return [('x_local_min', float(loc_min[0]), S), ('abs_max', float(max(vals)), S), ('abs_min', float(min(vals)), S)]
def h55(d):
    f = lambda x: x ** 3 - d['a'] * x ** 2 + d['b'] * x + d['k']
    g = lambda x: mp.diff(f, x)
    # roots of derivative via quadratic closed form checked by findroot
    A, B, C = 3, -2 * d['a'], d['b']
    r1 = mp.findroot(g, (-B + mp.sqrt(B * B - 4 * A * C)) / (2 * A) + mp.mpf('0.01'))
    r0 = mp.findroot(g, (-B - mp.sqrt(B * B - 4 * A * C)) / (2 * A) - mp.mpf('0.01'))
    cand = [x for x in (r0, r1) if 0 <= x <= d['c']] + [mp.mpf(0), mp.mpf(d['c'])]
    xmin = r1 if mp.diff(f, r1, 2) > 0 else r0
    return [xmin, max(f(x) for x in cand), min(f(x) for x in cand)]
add(4, "f(x)=x^3-<<a>>x^2+<<b>>x+<<k>> on [0,<<c>>]. where is the local min, and what are the absolute max & min values of f on that interval?", d,
    ['extrema', 'dsl_run'], 'Critical points of x^3-6x^2+9x+2; local-min location, absolute max and min on [0,5].', c55, h55,
    exprs=[(r"f\(x\)=(.*) on \[", b55)])

# d56 REFUSAL: determinant of non-square matrix
d = dict(a=1, b=4, c=2, e=3, f=5, g=7)
add(4, "quick one, det of [[<<a>>, <<b>>, <<c>>], [<<e>>, <<f>>, <<g>>]] ?", d, ['matrix', 'dsl_run'],
    'Refuse: a 2x3 matrix has no determinant (determinants exist only for square matrices).',
    refuse=True, defect=lambda d: len([[d['a'], d['b'], d['c']], [d['e'], d['f'], d['g']]]) != 3,
    text_defect=lambda t: [len(g.split(', ')) for g in re.search(r'\[\[([^\]]*)\], \[([^\]]*)\]\]', t).groups()] == [3, 3])

# ============================================================ KIND 5: named tests
# d57 F test two variances
d = dict(a=N(20, 0.5, 9, 2), b=N(20, 0.9, 11, 2))
def c57(d):
    F = np.var(d['a'], ddof=1) / np.var(d['b'], ddof=1)
    return [('F', F, S), ('p', 2 * min(st.f.cdf(F, 8, 10), st.f.sf(F, 8, 10)), P)]
def h57(d):
    F = mpf(hvar(d['a']) / hvar(d['b'])); up = hp_F(F, 8, 10)
    return [F, 2 * min(up, 1 - up)]
add(5, "F-test for equality of two variances. Sample 1: <<a|, >>. Sample 2: <<b|, >>. Use F = s1^2/s2^2 and a two-sided p-value (twice the smaller tail).",
    d, ['variance_test', 'dsl_run'], 'Two-sided F test, F = s1^2/s2^2, df (8,10), p = 2*min tail.', c57, h57)

# d58 Brown-Forsythe Levene
d = dict(a=N(5, 0.3, 6, 2), b=N(5, 0.7, 6, 2), c=N(5, 0.4, 6, 2))
def c58(d):
    r = st.levene(d['a'], d['b'], d['c'], center='median')
    return [('W', r.statistic, S), ('p', r.pvalue, P)]
def h58(d):
    gs = []
    for g in (d['a'], d['b'], d['c']):
        s = sorted(fr(v) for v in g); med = (s[2] + s[3]) / 2
        gs.append([abs(fr(v) - med) for v in g])
    F, d1, d2 = h_anova(gs)
    return [mpf(F), hp_F(mpf(F), d1, d2)]
add(5, "Brown-Forsythe version of Levene's test (deviations from the group medians) on these three groups:\nG1 <<a| >>\nG2 <<b| >>\nG3 <<c| >>\nstatistic and p?",
    d, ['levene', 'dsl_run'], 'Levene test with median centring (Brown-Forsythe); W and p.', c58, h58)

# d59 Anderson-Darling
d = dict(x=N(12, 2, 15, 1))
def c59(d):
    return [('A2', st.anderson(d['x'], 'norm', method='interpolate').statistic, S)]
def h59(d):
    x = sorted(d['x']); n = len(x); m = mpf(hmean(x)); s = hsqrt(hvar(x))
    z = [(mp.mpf(v) - m) / s for v in x]
    S_ = sum((2 * i - 1) * (mp.log(mp.ncdf(z[i - 1])) + mp.log(1 - mp.ncdf(z[n - i]))) for i in range(1, n + 1))
    return [-n - S_ / n]
add(5, "anderson darling normality test on: <<x| >>\njust the plain A^2 statistic (mean and sd estimated from the data, sample sd with n-1, no small-sample adjustment)",
    d, ['normality', 'dsl_run'], 'Anderson-Darling A^2 for normality with estimated mean and sd (n-1), unadjusted.', c59, h59)

# d60 Fisher exact
d = dict(a=9, b=3, c=4, e=11)
def c60(d):
    r = st.fisher_exact([[d['a'], d['b']], [d['c'], d['e']]])
    return [('p', r.pvalue, P), ('odds_ratio', r.statistic, S)]
def h60(d):
    a, b, c, e = d['a'], d['b'], d['c'], d['e']; r1, c1, n = a + b, a + c, a + b + c + e
    pr = lambda k: Fr(math.comb(c1, k) * math.comb(n - c1, r1 - k), math.comb(n, r1))
    p0 = pr(a); ks = range(max(0, r1 + c1 - n), min(r1, c1) + 1)
    p = sum(pr(k) for k in ks if pr(k) <= p0 * (1 + Fr(1, 10 ** 7)))
    return [mpf(p), mpf(Fr(a * e, b * c))]
add(5, "Fisher's exact test (two-sided) on this 2x2:\n            pass  fail\nnew tool     <<a>>     <<b>>\nold tool     <<c>>     <<e>>\n"
       "p value and the sample odds ratio (ad/bc)?", d, ['proportion_test', 'chi_square', 'dsl_run'],
    "Two-sided Fisher exact test on [[9,3],[4,11]]; p and sample OR = ad/bc.", c60, h60)

# d61 exact binomial one-sided
d = dict(k=7, n=50)
def c61(d):
    return [('p', st.binomtest(d['k'], d['n'], 0.05, alternative='greater').pvalue, P)]
def h61(d):
    p = sum(Fr(math.comb(d['n'], j)) * Fr(1, 20) ** j * Fr(19, 20) ** (d['n'] - j) for j in range(d['k'], d['n'] + 1))
    return [mpf(p)]
add(5, "exact binomial test: <<k>> defectives in a sample of <<n>>, H0 p = 0.05 vs H1 p > 0.05. p-value?", d, ['proportion_test', 'dsl_run'],
    'Exact binomial test, upper one-sided: P(X >= 7 | n=50, p=0.05).', c61, h61)

# d62 REFUSAL: k > n
d = dict(k=23, n=20)
add(5, "Run a binomial test: <<k>> successes out of <<n>> trials, null proportion 0.5, two-sided exact p please.", d, ['proportion_test', 'dsl_run'],
    'Refuse: 23 successes cannot occur in 20 trials.', refuse=True, defect=lambda d: d['k'] > d['n'],
    text_defect=lambda t: 'successes out of' in t)

# d63 two-proportion z two-sided
d = dict(x1=int(rng.integers(40, 50)), n1=250, x2=int(rng.integers(55, 68)), n2=260)
def c63(d):
    z, p = proportions_ztest([d['x1'], d['x2']], [d['n1'], d['n2']])
    return [('|z|', abs(z), S), ('p', p, P)]
def h63(d):
    pp = Fr(d['x1'] + d['x2'], d['n1'] + d['n2'])
    z = mpf(Fr(d['x1'], d['n1']) - Fr(d['x2'], d['n2'])) / hsqrt(pp * (1 - pp) * (Fr(1, d['n1']) + Fr(1, d['n2'])))
    return [abs(z), mp.erfc(abs(z) / mp.sqrt(2))]
add(5, "Two-proportion z-test, pooled SE, no continuity correction, two-sided. Plant A: <<x1>>/<<n1>> late deliveries, Plant B: <<x2>>/<<n2>>.",
    d, ['proportion_test', 'dsl_run'], 'Pooled two-proportion z test, two-sided, no continuity correction; |z| and p.', c63, h63)

# d64 Pearson
d = dict(x=N(30, 5, 10, 1), y=None)
d['y'] = [float(round(0.4 * v + e, 1)) for v, e in zip(d['x'], rng.normal(0, 2.2, 10))]
def c64(d):
    r = st.pearsonr(d['x'], d['y'])
    return [('r', r.statistic, S), ('p', r.pvalue, P)]
def h64(d):
    x, y = [fr(v) for v in d['x']], [fr(v) for v in d['y']]; mx, my = sum(x) / 10, sum(y) / 10
    sxy = sum((a - mx) * (b - my) for a, b in zip(x, y)); sxx = sum((a - mx) ** 2 for a in x); syy = sum((b - my) ** 2 for b in y)
    r = mpf(sxy) / mp.sqrt(mpf(sxx * syy)); t = r * mp.sqrt(8 / (1 - r * r))
    return [r, hp_t2(t, 8)]
add(5, "pearson correlation between x = <<x|, >> and y = <<y|, >>, with the two-sided p-value (t test on r)", d,
    ['correlation', 'dsl_run'], 'Pearson r and two-sided p (t with n-2 df).', c64, h64)

# d65 Spearman
d = dict(x=N(50, 10, 12, 1), y=None)
d['y'] = [float(round(0.05 * v + e, 2)) for v, e in zip(d['x'], rng.normal(0, 0.6, 12))]
def c65(d):
    r = st.spearmanr(d['x'], d['y'])
    return [('rho', r.statistic, S), ('p', r.pvalue, P)]
def h65(d):
    rx, _ = hranks(d['x']); ry, _ = hranks(d['y']); n = 12; m = Fr(n + 1, 2)
    sxy = sum((a - m) * (b - m) for a, b in zip(rx, ry)); sxx = sum((a - m) ** 2 for a in rx); syy = sum((b - m) ** 2 for b in ry)
    r = mpf(sxy) / mp.sqrt(mpf(sxx * syy)); t = r * mp.sqrt((n - 2) / (1 - r * r))
    return [r, hp_t2(t, n - 2)]
add(5, "Spearman rank correlation please.\nload (kN): <<x|, >>\ncrack length (mm): <<y|, >>\nrho and two-sided p using the t approximation (n-2 df).",
    d, ['correlation', 'dsl_run'], 'Spearman rho with two-sided p from the t approximation (n-2 df).', c65, h65)

# d66 Mann-Whitney exact
d = dict(a=N(14, 1.5, 7, 2), b=N(15.8, 1.5, 8, 2))
def c66(d):
    r = st.mannwhitneyu(d['a'], d['b'], alternative='two-sided', method='exact')
    return [('U_A', float(r.statistic), S), ('p', r.pvalue, P)]
def h66(d):
    allv = d['a'] + d['b']; assert len(set(allv)) == len(allv)
    r, _ = hranks(allv); m, n = len(d['a']), len(d['b'])
    U = sum(r[:m]) - Fr(m * (m + 1), 2); Ubig = max(U, m * n - U)
    cnt = subset_sum_counts(range(1, m + n + 1), m); tot = math.comb(m + n, m)
    ge = sum(c for s, c in cnt.items() if s - Fr(m * (m + 1), 2) >= Ubig)
    return [mpf(U), min(1, 2 * mp.mpf(ge) / tot)]
add(5, "Mann-Whitney U test, exact distribution, two-sided.\nbatch A: <<a|, >>\nbatch B: <<b|, >>\nReport U for batch A (count of A>B pairs) and the p-value.",
    d, ['mann_whitney', 'dsl_run'], 'Exact two-sided Mann-Whitney; U for A = R_A - m(m+1)/2, p.', c66, h66)

# d67 sign test
d = dict(a=N(60, 4, 12, 1), b=None)
d['b'] = [float(round(v + e, 1)) for v, e in zip(d['a'], rng.normal(1.3, 2.0, 12))]
def c67(d):
    dd = np.array(d['b']) - np.array(d['a']); dd = dd[np.abs(dd) > 1e-9]
    k = int((dd > 0).sum())
    return [('n_nonzero', len(dd), Z), ('positives', k, Z), ('p', st.binomtest(k, len(dd), 0.5).pvalue, P)]
def h67(d):
    dd = [fr(y) - fr(x) for x, y in zip(d['a'], d['b'])]; dd = [v for v in dd if v != 0]
    n = len(dd); k = sum(1 for v in dd if v > 0); j = min(k, n - k)
    p = min(Fr(1), 2 * sum(Fr(math.comb(n, i), 2 ** n) for i in range(0, j + 1)))
    return [n, k, mpf(p)]
add(5, "sign test on paired data (after - before), drop zero differences, exact binomial two-sided\nbefore <<a| >>\nafter <<b| >>\nhow many nonzero pairs, how many positive, p?",
    d, ['sign_test', 'dsl_run'], 'Paired sign test on after-before, zeros dropped, exact two-sided binomial; n, positives, p.', c67, h67)

# d68 Friedman
d = dict(a=N(7, 0.5, 6, 1), b=None, c=None)
d['b'] = [float(round(v + e, 1)) for v, e in zip(d['a'], rng.normal(0.4, 0.4, 6))]
d['c'] = [float(round(v + e, 1)) for v, e in zip(d['a'], rng.normal(0.1, 0.4, 6))]
def c68(d):
    r = st.friedmanchisquare(d['a'], d['b'], d['c'])
    return [('chi2', r.statistic, S), ('p', r.pvalue, P)]
def h68(d):
    n, k = 6, 3; R = [Fr(0)] * 3; tsum = 0
    for i in range(n):
        rr, ties = hranks([d['a'][i], d['b'][i], d['c'][i]])
        for j in range(3): R[j] += rr[j]
        tsum += sum(t ** 3 - t for t in ties)
    x2 = Fr(12, n * k * (k + 1)) * sum(r * r for r in R) - 3 * n * (k + 1)
    x2 = x2 / (1 - Fr(tsum, n * k * (k * k - 1)))
    return [mpf(x2), hp_chi2(mpf(x2), 2)]
add(5, "Friedman test: 6 judges (blocks) each scored the three formulations once.\nformulation X: <<a|, >>\nformulation Y: <<b|, >>\nformulation Z: <<c|, >>\n"
       "(judge order is the same in each row.) chi-square statistic (tie-corrected) and p from the chi-square approximation?",
    d, ['friedman', 'dsl_run'], 'Friedman test, 6 blocks x 3 treatments, tie-corrected chi-square and its p (2 df).', c68, h68)

# d69 REFUSAL: Friedman with unequal block counts
d = dict(a=[6.5, 7.1, 6.8, 7.4, 6.9], b=[7.0, 7.3, 6.6, 7.8])
add(5, "friedman test for 2 treatments over judges, one score each per judge:\nT1: <<a|, >>\nT2: <<b|, >>\nnothing is missing according to the operator. chi2 and p?",
    d, ['friedman', 'dsl_run'], 'Refuse: Friedman needs one value per treatment in every block; T1 has 5 scores, T2 has 4.',
    refuse=True, defect=lambda d: len(d['a']) != len(d['b']), text_defect=lambda t: 'one score each per judge' in t)

# d70 power two-sample t
d = dict(n=12, delta=1.0, s=1.2)
def c70(d):
    return [('power', TTestIndPower().power(effect_size=d['delta'] / d['s'], nobs1=d['n'], alpha=0.05, ratio=1), S)]
def h70(d):
    es = mpf(fr(d['delta']) / fr(d['s']))
    return [h_power_t(2 * d['n'] - 2, es * mp.sqrt(mp.mpf(d['n']) / 2), mp.mpf('0.05'))]
add(5, "Power of a two-sample t-test (pooled, equal groups, two-sided alpha = 0.05) with n = <<n>> per group, true difference <<delta>>, common SD <<s>>?",
    d, ['power', 'dsl_run'], 'Power of two-sided pooled two-sample t, n per group, d = delta/sd, noncentral t.', c70, h70)

# ================================================================ checks & output
def sig6(v):
    return float('%.6g' % v)

def compute_vals(q, d):
    return [float(v[1]) for v in q['compute'](d)]

def main():
    assert len(QS) == 70
    out_lines, mutations, refusal_reasons = [], 0, {}
    texts = set()
    for idx, q in enumerate(QS):
        assert q['id'] == 'd%02d' % (idx + 1)
        assert q['kind'] == idx // 14 + 1
        assert 'dsl_run' in q['tools'] and all(t in TOOLS for t in q['tools']), q['id']
        d = q['data']
        text = render(q, d)
        assert text not in texts; texts.add(text)
        pd_ = parse(q, text)
        assert set(pd_) == set(d) and all(same(pd_[k], d[k]) for k in d), q['id']
        for rx, build in q['exprs']:
            m = re.search(rx, text); assert m, q['id']
            assert sp.simplify(uparse(m.group(1)) - build(pd_)) == 0, (q['id'], m.group(1))
        if q['refuse']:
            assert q['defect'](d) and q['defect'](pd_) and q['text_defect'](text), q['id']
            refusal_reasons[q['id']] = q['intent'].replace('Refuse: ', '')
            expect = []
        else:
            lib = q['compute'](d)
            hand = q['hand'](d)
            assert 1 <= len(lib) <= 3 and len(hand) == len(lib), q['id']
            expect = []
            for (what, v, rel), h in zip(lib, hand):
                if rel == 0:
                    assert isinstance(v, (int, np.integer)) and int(v) == int(h) and int(h) == h, (q['id'], what, v, h)
                    val = int(v)
                else:
                    v = float(v); h = float(h)
                    assert abs(v - h) <= 1e-4 * abs(h), (q['id'], what, v, h)
                    val = sig6(v)
                assert val != 0, (q['id'], what)
                if what == 'p' or what.startswith('p_'):
                    assert 1e-4 <= val <= 0.99, (q['id'], what, val)
                expect.append(dict(what=what, value=val, rel=rel))
            cp = compute_vals(q, pd_)
            c0 = compute_vals(q, d)
            assert all(abs(a - b) <= 1e-9 * max(1, abs(b)) for a, b in zip(cp, c0)), q['id']
        # mutation test
        changed = False
        for k in d:
            idxs = [None] if not isinstance(d[k], list) else list(range(len(d[k])))
            for i in idxs:
                dm = copy.deepcopy(d)
                if i is None: dm[k] = dm[k] + 1
                else: dm[k][i] = dm[k][i] + 1
                if isinstance(dm[k], float): dm[k] = float(round(dm[k], 6))
                if isinstance(dm[k], list): dm[k] = [float(round(v, 6)) if isinstance(v, float) else v for v in dm[k]]
                tm = render(q, dm)
                pm = parse(q, tm)
                assert set(pm) == set(dm) and all(same(pm[kk], dm[kk]) for kk in dm), (q['id'], k, i)
                for rx, build in q['exprs']:
                    mm = re.search(rx, tm)
                    assert sp.simplify(uparse(mm.group(1)) - build(pm)) == 0
                mutations += 1
                if not q['refuse'] and not changed:
                    try:
                        cm = compute_vals(q, pm)
                        if any(abs(a - b) > 1e-9 * max(1, abs(b)) for a, b in zip(cm, c0)):
                            changed = True
                    except Exception:
                        pass
        if not q['refuse']:
            assert changed, (q['id'], 'no mutation changed a result')
        out_lines.append(json.dumps(dict(id=q['id'], kind=q['kind'], question=text, intent=q['intent'], tools=q['tools'],
                                         expect=expect, refuse=q['refuse']), ensure_ascii=False))
    assert sum(q['refuse'] for q in QS) == 7
    body = '\n'.join(out_lines) + '\n'
    with open(os.path.join(HERE, 'round34.jsonl'), 'w') as f:
        f.write(body)
    md5 = hashlib.md5(body.encode()).hexdigest()
    meta = dict(counts_per_kind={str(k): sum(1 for q in QS if q['kind'] == k) for k in range(1, 6)},
                refusals=refusal_reasons,
                tolerances={'statistics, limits, coefficients, power, indices, Welch df': 0.005,
                            'p-values': 0.02, 'run counts, integer df, n, resolution, integer determinants': 0},
                mutations_checked=mutations, md5_round34_jsonl=md5, seed=34343434)
    with open(os.path.join(HERE, 'round34_meta.json'), 'w') as f:
        json.dump(meta, f, indent=2)
    print('md5', md5, 'mutations', mutations)

if __name__ == '__main__':
    main()
