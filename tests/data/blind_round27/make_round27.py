#!/usr/bin/env python3
"""
make_round27.py -- blind evaluation round 27 (70 questions, ids t01-t70) for HAVOC.

Deterministic: every random number comes from numpy.random.default_rng(27270827),
drawn in question order; continuous data are rounded to 1-2 decimals and the rounded
values ARE the data.  For every non-refusal question the script asserts

  (a) library value   : scipy / statsmodels / sympy / numpy (SPC with tabulated constants,
                        design run counts by building the design matrix and counting rows)
  (b) hand value      : independent computation (Fractions, mpmath incomplete beta/gamma,
                        exact enumeration, closed forms) agreeing with (a) to 1e-4 relative
                        (integers exactly)
  (c) re-parse        : the data are read back out of the QUESTION TEXT by a parser and (a)
                        is recomputed from the parsed data, agreeing to 1e-9; each parser is
                        mutation-tested (perturb one data value, re-render, re-parse, the
                        result must change).

Run:   python make_round27.py  (with the repository's .venv/bin/python)
Writes round27.jsonl and round27_meta.json next to this script.
"""
import copy
import hashlib
import itertools
import json
import math
import os
import re
import warnings
from collections import Counter
from fractions import Fraction as Fr

import mpmath as mp
import numpy as np
import pandas as pd
import scipy.stats as st
import statsmodels.formula.api as smf
import sympy as sp
from scipy import optimize
from statsmodels.stats.anova import anova_lm
from statsmodels.stats.oneway import anova_oneway
from statsmodels.stats.power import TTestIndPower, TTestPower
from statsmodels.stats.proportion import proportions_ztest
from sympy.parsing.sympy_parser import (convert_xor, implicit_multiplication_application,
                                        parse_expr, standard_transformations)

warnings.filterwarnings("ignore")
mp.mp.dps = 40
HERE = os.path.dirname(os.path.abspath(__file__))
RNG = np.random.default_rng(27270827)
TR = standard_transformations + (implicit_multiplication_application, convert_xor)
X, Y, NN = sp.symbols('x y n')
SYMS = {'x': X, 'y': Y, 'n': NN, 'e': sp.E}

WORDNUM = {w: i for i, w in enumerate(
    'zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen '
    'fifteen sixteen seventeen eighteen nineteen twenty'.split())}
NUMWORD = {v: k for k, v in WORDNUM.items()}
TIMES = {2: 'twice', 3: 'three times', 4: 'four times', 5: 'five times'}

# ----------------------------------------------------------------------------- helpers


def r1(a):
    return [round(float(v), 1) for v in a]


def r2(a):
    return [round(float(v), 2) for v in a]


def ints(a):
    return [int(v) for v in a]


def F(x):
    if isinstance(x, Fr):
        return x
    if isinstance(x, (int, np.integer)):
        return Fr(int(x))
    return Fr(repr(float(x)))


def M(f):
    f = F(f)
    return mp.mpf(f.numerator) / f.denominator


def fmean(xs):
    xs = [F(v) for v in xs]
    return sum(xs, Fr(0)) / len(xs)


def fss(xs):
    m = fmean(xs)
    return sum(((F(v) - m) ** 2 for v in xs), Fr(0))


def fvar(xs):
    return fss(xs) / (len(xs) - 1)


def fmedian(xs):
    s = sorted(F(v) for v in xs)
    n = len(s)
    return s[n // 2] if n % 2 else (s[n // 2 - 1] + s[n // 2]) / 2


def p_t2(t, df):
    """two-sided t p-value via the regularised incomplete beta function"""
    t = mp.mpf(t)
    df = mp.mpf(df)
    return mp.betainc(df / 2, mp.mpf(1) / 2, 0, df / (df + t * t), regularized=True)


def cdf_t(t, df):
    h = p_t2(t, df) / 2
    return h if t < 0 else 1 - h


def sf_F(f, d1, d2):
    f, d1, d2 = mp.mpf(f), mp.mpf(d1), mp.mpf(d2)
    return mp.betainc(d2 / 2, d1 / 2, 0, d2 / (d2 + d1 * f), regularized=True)


def cdf_F(f, d1, d2):
    f, d1, d2 = mp.mpf(f), mp.mpf(d1), mp.mpf(d2)
    return mp.betainc(d1 / 2, d2 / 2, 0, d1 * f / (d2 + d1 * f), regularized=True)


def sf_chi2(x, k):
    return mp.gammainc(mp.mpf(k) / 2, mp.mpf(x) / 2, mp.inf, regularized=True)


def avg_ranks(values):
    s = sorted(values)
    out = []
    for v in values:
        lo = s.index(v)
        hi = len(s) - 1 - s[::-1].index(v)
        out.append(Fr(lo + hi + 2, 2))
    return out


def fls(Xrows, y):
    """least squares with Fractions via the normal equations (Gauss-Jordan); returns beta, RSS"""
    Xrows = [[F(v) for v in row] for row in Xrows]
    y = [F(v) for v in y]
    n, p = len(Xrows), len(Xrows[0])
    A = [[sum((Xrows[k][i] * Xrows[k][j] for k in range(n)), Fr(0)) for j in range(p)]
         + [sum((Xrows[k][i] * y[k] for k in range(n)), Fr(0))] for i in range(p)]
    for c in range(p):
        piv = next(r for r in range(c, p) if A[r][c] != 0)
        A[c], A[piv] = A[piv], A[c]
        pv = A[c][c]
        A[c] = [v / pv for v in A[c]]
        for r in range(p):
            if r != c and A[r][c] != 0:
                fct = A[r][c]
                A[r] = [a - fct * b for a, b in zip(A[r], A[c])]
    beta = [A[i][p] for i in range(p)]
    rss = sum(((y[k] - sum((Xrows[k][j] * beta[j] for j in range(p)), Fr(0))) ** 2
               for k in range(n)), Fr(0))
    return beta, rss


def fdet(A):
    A = [[F(v) for v in row] for row in A]
    n = len(A)
    if n == 1:
        return A[0][0]
    return sum(((-1) ** j * A[0][j] * fdet([row[:j] + row[j + 1:] for row in A[1:]])
                for j in range(n) if A[0][j] != 0), Fr(0))


def mp_bisect(f, a, b, it=160):
    fa = f(a)
    assert fa * f(b) < 0
    for _ in range(it):
        m = (a + b) / 2
        fm = f(m)
        if fm * fa <= 0:
            b = m
        else:
            a, fa = m, fm
    return (a + b) / 2


def close(a, b, tol):
    a, b = float(a), float(b)
    if a == b:
        return True
    return abs(a - b) <= tol * max(abs(a), abs(b))


def sig(v):
    return float(f"{float(v):.6g}")


def floats(s):
    return [float(v) for v in re.findall(r'-?\d+(?:\.\d+)?', s)]


def wnum(tok):
    tok = tok.strip().lower()
    return WORDNUM[tok] if tok in WORDNUM else int(tok)


def sym(s):
    return parse_expr(s, local_dict=dict(SYMS), transformations=TR)


def grab(pat, q, fn=float, flags=0):
    m = re.search(pat, q, flags)
    assert m, f"parser: pattern {pat!r} not found"
    return fn(m.group(1))


def mset(path, fn=None):
    """mutation: perturb the leaf at path"""
    def f(d):
        d = copy.deepcopy(d)
        o = d
        for k in path[:-1]:
            o = o[k]
        v = o[path[-1]]
        if fn is not None:
            o[path[-1]] = fn(v)
        elif isinstance(v, int):
            o[path[-1]] = v + 3
        else:
            o[path[-1]] = round(v + max(1.3, abs(v) * 0.15), 2)
        return d
    return f


def mswap(p1, p2):
    def f(d):
        d = copy.deepcopy(d)
        a = d
        for k in p1[:-1]:
            a = a[k]
        b = d
        for k in p2[:-1]:
            b = b[k]
        a[p1[-1]], b[p2[-1]] = b[p2[-1]], a[p1[-1]]
        return d
    return f


# tabulated Shewhart constants (standard 3-decimal tables)
TAB = {
    'A2': {2: 1.880, 3: 1.023, 4: 0.729, 5: 0.577, 6: 0.483, 7: 0.419, 8: 0.373},
    'D3': {2: 0.0, 3: 0.0, 4: 0.0, 5: 0.0, 6: 0.0, 7: 0.076, 8: 0.136},
    'D4': {2: 3.267, 3: 2.574, 4: 2.282, 5: 2.114, 6: 2.004, 7: 1.924, 8: 1.864},
    'A3': {2: 2.659, 3: 1.954, 4: 1.628, 5: 1.427, 6: 1.287, 7: 1.182, 8: 1.099},
    'B3': {2: 0.0, 3: 0.0, 4: 0.0, 5: 0.0, 6: 0.030, 7: 0.118, 8: 0.185},
    'B4': {2: 3.267, 3: 2.568, 4: 2.266, 5: 2.089, 6: 1.970, 7: 1.882, 8: 1.815},
    'd2': {2: 1.128, 3: 1.693, 4: 2.059, 5: 2.326, 6: 2.534, 7: 2.704, 8: 2.847},
}


def exact_d2(n):
    return mp.quad(lambda x: 1 - mp.ncdf(x) ** n - (1 - mp.ncdf(x)) ** n, [-mp.inf, 0, mp.inf])


def exact_c4(n):
    return mp.sqrt(mp.mpf(2) / (n - 1)) * mp.gamma(mp.mpf(n) / 2) / mp.gamma(mp.mpf(n - 1) / 2)


# ---- design builders ---------------------------------------------------------------

def xor_words(words):
    s = frozenset()
    for w in words:
        s = s ^ w
    return s


def best_fraction(k, p):
    """best-resolution generators for a 2^(k-p) design (search over interactions of the base factors)"""
    b = k - p
    cands = [c for r in range(b, 1, -1) for c in itertools.combinations(range(b), r)]
    best = None
    for gens in itertools.combinations(cands, p):
        gw = [frozenset(g) | {b + j} for j, g in enumerate(gens)]
        res = min(len(xor_words(sub)) for r in range(1, p + 1) for sub in itertools.combinations(gw, r))
        if best is None or res > best[0]:
            best = (res, gens)
    return best


def build_fraction(k, p):
    res, gens = best_fraction(k, p)
    base = np.array(list(itertools.product([-1, 1], repeat=k - p)))
    cols = [base[:, i] for i in range(k - p)] + [np.prod(base[:, list(g)], axis=1) for g in gens]
    return np.column_stack(cols), res


def blocked_factorial(k, cap, cpb):
    base = list(itertools.product([-1, 1], repeat=k))
    nb = 1
    while len(base) // nb + cpb > cap:
        nb *= 2
        if nb > len(base):
            raise ValueError('cannot block')
    q = int(round(math.log2(nb)))
    cands = [frozenset(c) for r in range(k, 1, -1) for c in itertools.combinations(range(k), r)]
    chosen = None
    for gens in itertools.combinations(cands, q):
        if all(len(xor_words(sub)) >= 2 for r in range(1, q + 1) for sub in itertools.combinations(gens, r)):
            chosen = gens
            break
    blocks = {}
    for run in base:
        key = tuple(int(np.prod([run[i] for i in g])) for g in chosen)
        blocks.setdefault(key, []).append(run)
    assert all(len(v) == len(base) // nb for v in blocks.values())
    design = []
    for bi, key in enumerate(sorted(blocks)):
        design += [tuple(r) + (bi + 1,) for r in blocks[key]]
        design += [(0,) * k + (bi + 1,)] * cpb
    return np.array(design)


def box_behnken(k, c):
    rows = []
    for i, j in itertools.combinations(range(k), 2):
        for a, b in itertools.product([-1, 1], repeat=2):
            r = [0] * k
            r[i], r[j] = a, b
            rows.append(r)
    rows += [[0] * k] * c
    return np.array(rows)


def hadamard(N):
    if N in (4, 8, 16):
        H = np.array([[1]])
        while H.shape[0] < N:
            H = np.block([[H, H], [H, -H]])
        return H
    gen = {12: '++-+++---+-', 20: '++--++++-+-+----++-'}[N]
    g = np.array([1 if ch == '+' else -1 for ch in gen])
    rows = [np.roll(g, i) for i in range(N - 1)] + [-np.ones(N - 1, dtype=int)]
    return np.column_stack([np.ones(N, dtype=int), np.array(rows)])


def plackett_burman(k):
    for N in (4, 8, 12, 16, 20):
        if N - 1 >= k:
            H = hadamard(N)
            assert np.array_equal(H.T @ H, N * np.eye(N, dtype=int))
            return H[:, 1:k + 1]
    raise ValueError


def ccd(k, c):
    fact = np.array(list(itertools.product([-1.0, 1.0], repeat=k)))
    alpha = len(fact) ** 0.25
    ax = []
    for i in range(k):
        for s in (-alpha, alpha):
            r = [0.0] * k
            r[i] = s
            ax.append(r)
    return np.vstack([fact, np.array(ax), np.zeros((c, k))]), alpha


# ----------------------------------------------------------------------------- registry
QS = []


def add(**kw):
    kw.setdefault('refuse', False)
    kw.setdefault('muts', [])
    QS.append(kw)


# =============================================================================
# KIND 1 -- tables that are not plain numeric columns
# =============================================================================

# ---- t01 paired t, csv keyed by subject id
d = {'ids': [f"S-{101 + i}" for i in range(10)]}
d['before'] = r1(RNG.normal(74, 6, 10))
d['after'] = r1(np.array(d['before']) - RNG.normal(1.6, 2.2, 10))


def render(d):
    rows = "\n".join(f"{i},{b:.1f},{a:.1f}" for i, b, a in zip(d['ids'], d['before'], d['after']))
    return (f"quick one - we measured resting heart rate on {len(d['ids'])} volunteers before and after the 6-week "
            "walking programme (study ref 2023-HR-14, clinic room 3B). csv below\n\n"
            "subject,before_bpm,after_bpm\n" + rows + "\n\n"
            "same people both times. paired t-test please (two-sided) - whats t, the p value and the mean change in bpm?")


def parse(q):
    out = {'ids': [], 'before': [], 'after': []}
    for ln in q.splitlines():
        m = re.fullmatch(r'(S-\d+),(\d+\.\d),(\d+\.\d)', ln.strip())
        if m:
            out['ids'].append(m[1])
            out['before'].append(float(m[2]))
            out['after'].append(float(m[3]))
    return out


def lib(d):
    r = st.ttest_rel(d['before'], d['after'])
    return [abs(r.statistic), r.pvalue, abs(np.mean(np.subtract(d['before'], d['after'])))]


def hand(d):
    diff = [F(b) - F(a) for b, a in zip(d['before'], d['after'])]
    n = len(diff)
    m = fmean(diff)
    t = M(m) / mp.sqrt(M(fvar(diff)) / n)
    return [abs(t), p_t2(t, n - 1), abs(M(m))]


add(id='t01', kind=1, data=d, render=render, parse=parse, lib=lib, hand=hand,
    names=['|t|', 'p', '|mean difference|'], rels=[.005, .02, .005],
    muts=[mset(('before', 0)), mset(('after', -1))],
    intent='paired t-test (two-sided) on before/after columns keyed by subject id',
    tools=['t_test', 'dsl_run'])

# ---- t02 goodness of fit, label -> count with stated percentages
d = {'cats': ['blue', 'red', 'green', 'black'], 'pct': [35, 25, 25, 15],
     'obs': ints(RNG.multinomial(180, [.31, .29, .23, .17]))}


def render(d):
    exp = ", ".join(f"{p}% {c}" for p, c in zip(d['pct'][:-1], d['cats'][:-1])) + f" and {d['pct'][-1]}% {d['cats'][-1]}"
    rows = "\n".join(f"{c} -> {o}" for c, o in zip(d['cats'], d['obs']))
    return ("Colour preference poll at our trade-show stand (booth 42, day 2 of 3). Going by last year's sales we "
            f"expected {exp}. What people actually picked:\n\n{rows}\n\n"
            "does that fit the expected split?? chi-square goodness of fit - statistic, df and p please")


def parse(q):
    pct = {c: int(p) for p, c in re.findall(r'(\d+)% ([a-z]+)', q)}
    obs = re.findall(r'^([a-z]+) -> (\d+)$', q, re.M)
    return {'cats': [c for c, _ in obs], 'pct': [pct[c] for c, _ in obs], 'obs': [int(o) for _, o in obs]}


def lib(d):
    n = sum(d['obs'])
    r = st.chisquare(d['obs'], f_exp=[n * p / 100 for p in d['pct']])
    return [r.statistic, len(d['obs']) - 1, r.pvalue]


def hand(d):
    n = sum(d['obs'])
    e = [Fr(n * p, 100) for p in d['pct']]
    chi = sum(((o - ei) ** 2 / ei for o, ei in zip(d['obs'], e)), Fr(0))
    k = len(e) - 1
    return [M(chi), k, sf_chi2(M(chi), k)]


add(id='t02', kind=1, data=d, render=render, parse=parse, lib=lib, hand=hand,
    names=['chi-square', 'df', 'p'], rels=[.005, 0, .02],
    muts=[mset(('obs', 0)), mset(('obs', 2))],
    intent='chi-square goodness of fit of label -> count data against stated percentages',
    tools=['chi_square', 'dsl_run'])

# ---- t03 np chart, sizes-and-counts table (constant size)
d = {'lots': [f"L-{5501 + i}" for i in range(20)], 'n': [150] * 20,
     'def': ints(RNG.binomial(150, 0.08, 20))}


def render(d):
    rows = "\n".join(f"{l:<7}| {n:>9} | {k:>9}" for l, n, k in zip(d['lots'], d['n'], d['def']))
    return ("Incoming inspection log, PCB supplier, Q3 2024 (inspector R. Osei). Every lot is one full tray.\n\n"
            "Lot    | Inspected | Defective\n-------+-----------+----------\n" + rows +
            "\n\nSet up an np chart from this. Centre line, UCL and LCL (3 sigma)?")


def parse(q):
    rows = re.findall(r'^(L-\d+)\s*\|\s*(\d+)\s*\|\s*(\d+)\s*$', q, re.M)
    return {'lots': [r[0] for r in rows], 'n': [int(r[1]) for r in rows], 'def': [int(r[2]) for r in rows]}


def lib(d):
    assert len(set(d['n'])) == 1
    n = d['n'][0]
    pbar = np.sum(d['def']) / np.sum(d['n'])
    cl = n * pbar
    s = np.sqrt(cl * (1 - pbar))
    return [cl, cl + 3 * s, max(0.0, cl - 3 * s)]


def hand(d):
    n = d['n'][0]
    pbar = Fr(sum(d['def']), sum(d['n']))
    cl = n * pbar
    s = mp.sqrt(M(cl * (1 - pbar)))
    return [M(cl), M(cl) + 3 * s, M(cl) - 3 * s]


add(id='t03', kind=1, data=d, render=render, parse=parse, lib=lib, hand=hand,
    names=['centre line (np-bar)', 'UCL', 'LCL'], rels=[.005, .005, .005],
    muts=[mset(('def', 0)), mset(('def', -1))],
    intent='np chart from a lot / inspected / defective table with constant lot size',
    tools=['control_chart', 'dsl_run'])

# ---- t04 u chart, date / units / defects (TSV), limits for one named day
d = {'dates': [f"{i:02d}-Mar" for i in range(1, 17)], 'units': ints(RNG.integers(6, 15, 16))}
d['defects'] = ints(RNG.poisson(2.3 * np.array(d['units'])))
d['target'] = d['dates'][int(np.argmin(d['units']))]


def render(d):
    rows = "\n".join(f"{a}\t{u}\t{c}" for a, u, c in zip(d['dates'], d['units'], d['defects']))
    return ("Final assembly audit, line 3. units = cabinets checked that day, defects = total nonconformities found on "
            "them (one cabinet can have several)\n\ndate\tunits\tdefects\n" + rows +
            f"\n\nI want a u chart. what is u-bar, and what are the control limits for {d['target']}?")


def parse(q):
    rows = re.findall(r'^(\d\d-Mar)\t(\d+)\t(\d+)$', q, re.M)
    return {'dates': [r[0] for r in rows], 'units': [int(r[1]) for r in rows],
            'defects': [int(r[2]) for r in rows], 'target': grab(r'limits for (\d\d-Mar)', q, str)}


def lib(d):
    ubar = np.sum(d['defects']) / np.sum(d['units'])
    n = d['units'][d['dates'].index(d['target'])]
    s = np.sqrt(ubar / n)
    return [ubar, ubar + 3 * s, max(0.0, ubar - 3 * s)]


def hand(d):
    ubar = Fr(sum(d['defects']), sum(d['units']))
    n = d['units'][d['dates'].index(d['target'])]
    s = mp.sqrt(M(ubar / n))
    return [M(ubar), M(ubar) + 3 * s, M(ubar) - 3 * s]


add(id='t04', kind=1, data=d, render=render, parse=parse, lib=lib, hand=hand,
    names=['u-bar', 'UCL (that day)', 'LCL (that day)'], rels=[.005, .005, .005],
    muts=[mset(('defects', 0)), mset(('units', int(np.argmin(d['units']))), lambda v: v + 2)],
    intent='u chart from date / units / defects table; centre line and the limits for one named day',
    tools=['control_chart', 'dsl_run'])

# ---- t05 regression, markdown table with batch ids
d = {'batch': [f"B-{412 + 3 * i:04d}" for i in range(12)], 'x': r1(RNG.uniform(150, 200, 12))}
d['y'] = r2(12 + 0.31 * np.array(d['x']) + RNG.normal(0, 1.5, 12))


def render(d):
    rows = "\n".join(f"| {b} | {x:.1f} | {y:.2f} |" for b, x, y in zip(d['batch'], d['x'], d['y']))
    return ("Reactor trials from March (reactor R-2, 5 L charge). fit yield_pct = b0 + b1*temp_C by ordinary least "
            "squares - I need the slope, intercept and R-squared.\n\n| batch | temp_C | yield_pct |\n|---|---|---|\n"
            + rows)


def parse(q):
    rows = re.findall(r'^\|\s*(B-\d+)\s*\|\s*(\d+\.\d)\s*\|\s*(\d+\.\d+)\s*\|$', q, re.M)
    return {'batch': [r[0] for r in rows], 'x': [float(r[1]) for r in rows], 'y': [float(r[2]) for r in rows]}


def lib(d):
    r = st.linregress(d['x'], d['y'])
    return [r.slope, r.intercept, r.rvalue ** 2]


def hand(d):
    beta, rss = fls([[1, x] for x in d['x']], d['y'])
    return [M(beta[1]), M(beta[0]), 1 - M(rss / fss(d['y']))]


add(id='t05', kind=1, data=d, render=render, parse=parse, lib=lib, hand=hand,
    names=['slope', 'intercept', 'R^2'], rels=[.005, .005, .005],
    muts=[mset(('y', 0)), mset(('x', -1))],
    intent='simple linear regression of yield on temperature from a markdown table with batch labels',
    tools=['regression', 'dsl_run'])

# ---- t06 contingency table, tab separated with row and column labels
d = {'rows': ['day', 'evening', 'night'], 'cols': ['scratch', 'dent', 'stain', 'other'],
     'tab': [ints(r) for r in RNG.poisson([[34, 21, 15, 10], [27, 24, 17, 12], [19, 27, 25, 13]])]}


def render(d):
    body = "\n".join(r + "\t" + "\t".join(str(v) for v in row) for r, row in zip(d['rows'], d['tab']))
    return ("defect log by shift, Jan-Feb 2024, plant 2 (counts of rejected parts)\n\n"
            "shift\t" + "\t".join(d['cols']) + "\n" + body +
            "\n\nis defect type independent of shift? chi-square test of independence: chi2, df and p please.")


def parse(q):
    out = {'rows': [], 'cols': [], 'tab': []}
    for ln in q.splitlines():
        cells = ln.split('\t')
        if len(cells) < 3:
            continue
        if cells[0] == 'shift':
            out['cols'] = cells[1:]
        else:
            out['rows'].append(cells[0])
            out['tab'].append([int(c) for c in cells[1:]])
    return out


def lib(d):
    chi, p, dof, _ = st.chi2_contingency(np.array(d['tab']), correction=False)
    return [chi, dof, p]


def hand(d):
    t = d['tab']
    R = [sum(r) for r in t]
    C = [sum(c) for c in zip(*t)]
    N = sum(R)
    chi = sum((Fr(t[i][j]) - Fr(R[i] * C[j], N)) ** 2 / Fr(R[i] * C[j], N)
              for i in range(len(R)) for j in range(len(C)))
    dof = (len(R) - 1) * (len(C) - 1)
    return [M(chi), dof, sf_chi2(M(chi), dof)]


add(id='t06', kind=1, data=d, render=render, parse=parse, lib=lib, hand=hand,
    names=['chi-square', 'df', 'p'], rels=[.005, 0, .02],
    muts=[mset(('tab', 0, 0)), mset(('tab', 2, 3))],
    intent='chi-square test of independence on a labelled 3x4 contingency table',
    tools=['chi_square', 'dsl_run'])

# ---- t07 one-way ANOVA from long format (label value per line, shuffled)
rows = []
for g, mu, n in (('acme', 412, 6), ('borgia', 420, 7), ('cmt', 405, 5)):
    rows += [[g, v] for v in r1(RNG.normal(mu, 8, n))]
perm = RNG.permutation(len(rows))
d = {'rows': [rows[i] for i in perm]}


def render(d):
    body = "\n".join(f"{g} {v:.1f}" for g, v in d['rows'])
    return ("tensile strength of test coupons (MPa), three suppliers, one coupon per line - supplier then value:\n\n"
            + body + "\n\none-way anova across the suppliers, F and p value?")


def parse(q):
    return {'rows': [[g, float(v)] for g, v in re.findall(r'^([a-z]+) (\d+\.\d)$', q, re.M)]}


def groups_of(rows):
    out = {}
    for g, v in rows:
        out.setdefault(g, []).append(v)
    return [out[k] for k in sorted(out)]


def lib(d):
    r = st.f_oneway(*groups_of(d['rows']))
    return [r.statistic, r.pvalue]


def hand_oneway(groups):
    allv = [v for g in groups for v in g]
    gm = fmean(allv)
    ssb = sum((len(g) * (fmean(g) - gm) ** 2 for g in groups), Fr(0))
    ssw = sum((fss(g) for g in groups), Fr(0))
    d1, d2 = len(groups) - 1, len(allv) - len(groups)
    f = (ssb / d1) / (ssw / d2)
    return M(f), sf_F(M(f), d1, d2)


def hand(d):
    return list(hand_oneway(groups_of(d['rows'])))


add(id='t07', kind=1, data=d, render=render, parse=parse, lib=lib, hand=hand,
    names=['F', 'p'], rels=[.005, .02],
    muts=[mset(('rows', 0, 1)), mset(('rows', -1, 1))],
    intent='one-way ANOVA from long-format supplier/value lines',
    tools=['anova_oneway', 'dsl_run'])

# ---- t08 p chart with varying lot sizes, limits for one named lot
d = {'lots': [str(7731 + i) for i in range(18)], 'n': ints(RNG.integers(280, 520, 18))}
d['rej'] = ints(RNG.binomial(d['n'], 0.05))
d['target'] = d['lots'][int(np.argmin(d['n']))]


def render(d):
    rows = "\n".join(f"{l:<8}{n:<12}{k}" for l, n, k in zip(d['lots'], d['n'], d['rej']))
    return ("Final visual inspection, lot by lot. sizes vary so i guess the limits will too.\n\n"
            "lot     inspected   rejected\n" + rows +
            f"\n\np chart please: p-bar, and the UCL / LCL for lot {d['target']}.")


def parse(q):
    rows = re.findall(r'^(\d{4})\s+(\d+)\s+(\d+)$', q, re.M)
    return {'lots': [r[0] for r in rows], 'n': [int(r[1]) for r in rows], 'rej': [int(r[2]) for r in rows],
            'target': grab(r'for lot (\d{4})', q, str)}


def lib(d):
    pbar = np.sum(d['rej']) / np.sum(d['n'])
    n = d['n'][d['lots'].index(d['target'])]
    s = np.sqrt(pbar * (1 - pbar) / n)
    return [pbar, pbar + 3 * s, max(0.0, pbar - 3 * s)]


def hand(d):
    pbar = Fr(sum(d['rej']), sum(d['n']))
    n = d['n'][d['lots'].index(d['target'])]
    s = mp.sqrt(M(pbar * (1 - pbar) / n))
    return [M(pbar), M(pbar) + 3 * s, M(pbar) - 3 * s]


add(id='t08', kind=1, data=d, render=render, parse=parse, lib=lib, hand=hand,
    names=['p-bar', 'UCL (that lot)', 'LCL (that lot)'], rels=[.005, .005, .005],
    muts=[mset(('rej', 0)), mset(('n', int(np.argmin(d['n']))), lambda v: v + 40)],
    intent='p chart with varying lot sizes; p-bar and limits for one named lot',
    tools=['control_chart', 'dsl_run'])

# ---- t09 Pearson correlation, rows named by person
d = {'names': ['Ana', 'Ben', 'Chloe', 'Dev', 'Eli', 'Fay', 'Gus', 'Hana', 'Ivo', 'Jun', 'Kai', 'Lena'],
     'h': r1(RNG.normal(171, 9, 12))}
d['s'] = r1(np.array(d['h']) + RNG.normal(1, 7, 12))


def render(d):
    rows = "\n".join(f"{n}; {a:.1f}; {b:.1f}" for n, a, b in zip(d['names'], d['h'], d['s']))
    return ("Class project (room 114, 7 Nov). name; height; arm span - all in cm\n\n" + rows +
            "\n\nPearson correlation between height and arm span, with its p-value (two-sided)?")


def parse(q):
    rows = re.findall(r'^([A-Z][a-z]+); (\d+\.\d); (\d+\.\d)$', q, re.M)
    return {'names': [r[0] for r in rows], 'h': [float(r[1]) for r in rows], 's': [float(r[2]) for r in rows]}


def lib(d):
    r = st.pearsonr(d['h'], d['s'])
    return [r.statistic, r.pvalue]


def hand_pearson(x, y):
    mx, my = fmean(x), fmean(y)
    sxy = sum(((F(a) - mx) * (F(b) - my) for a, b in zip(x, y)), Fr(0))
    r2_ = sxy ** 2 / (fss(x) * fss(y))
    r = mp.sqrt(M(r2_)) * (1 if sxy > 0 else -1)
    n = len(x)
    t = r * mp.sqrt((n - 2) / (1 - M(r2_)))
    return r, p_t2(t, n - 2)


def hand(d):
    return list(hand_pearson(d['h'], d['s']))


add(id='t09', kind=1, data=d, render=render, parse=parse, lib=lib, hand=hand,
    names=['r', 'p'], rels=[.005, .02],
    muts=[mset(('h', 0)), mset(('s', 5))],
    intent='Pearson correlation of two measurement columns in a name-keyed table',
    tools=['correlation', 'dsl_run'])

# ---- t10 2^3 factorial effects, table in run order with -/+ coding
std = [(a, b, c) for c in (-1, 1) for b in (-1, 1) for a in (-1, 1)]
noise = RNG.normal(0, 0.6, 8)
yv = r1([60 + 2.1 * a - 1.6 * b + 0.4 * c + 1.2 * a * b + e for (a, b, c), e in zip(std, noise)])
order = RNG.permutation(8)
d = {'rows': [[*std[i], yv[i]] for i in order]}


def render(d):
    s = {-1: '-', 1: '+'}
    body = "\n".join(f"{i + 1:>3} | {s[a]} | {s[b]} | {s[c]} | {y:.1f}" for i, (a, b, c, y) in enumerate(d['rows']))
    return ("2^3 full factorial, coded -/+ (low/high), listed in the order we ran them (12-13 June, reactor #4):\n\n"
            "run | A | B | C | yield\n" + body +
            "\n\nestimate the main effects of A and B and the AB interaction effect (effect = mean at + minus mean at -).")


def parse(q):
    rows = re.findall(r'^\s*\d+ \| ([+-]) \| ([+-]) \| ([+-]) \| (\d+\.\d)$', q, re.M)
    sg = {'+': 1, '-': -1}
    return {'rows': [[sg[a], sg[b], sg[c], float(y)] for a, b, c, y in rows]}


def lib(d):
    R = np.array(d['rows'], dtype=float)
    A, B, C, y = R.T
    Xm = np.column_stack([np.ones(8), A, B, C, A * B, A * C, B * C, A * B * C])
    coef = np.linalg.lstsq(Xm, y, rcond=None)[0]
    return [2 * coef[1], 2 * coef[2], 2 * coef[4]]


def hand(d):
    n = len(d['rows'])
    eff = lambda f: M(sum((F(r[3]) * f(r) for r in d['rows']), Fr(0)) / (n // 2))
    return [eff(lambda r: r[0]), eff(lambda r: r[1]), eff(lambda r: r[0] * r[1])]


add(id='t10', kind=1, data=d, render=render, parse=parse, lib=lib, hand=hand,
    names=['effect A', 'effect B', 'effect AB'], rels=[.005, .005, .005],
    muts=[mset(('rows', 0, 3)), mset(('rows', 5, 3))],
    intent='main effects A, B and AB interaction of a 2^3 factorial listed in run order with -/+ coding',
    tools=['doe_effects', 'doe_anova', 'dsl_run'])

# ---- t11 unbalanced two-way ANOVA, long format, sequential SS
sizes = RNG.integers(2, 5, (2, 3))
assert len(set(sizes.flatten().tolist())) > 1
rows = []
for i, op in enumerate(['Kim', 'Lopez']):
    for j, mc in enumerate(['M1', 'M2', 'M3']):
        mu = 40 + [0, 1.5][i] + [0, 1.0, -0.8][j] + [[0, 0, 0], [0, 0.9, -0.6]][i][j]
        rows += [[op, mc, v] for v in r1(RNG.normal(mu, 1.2, sizes[i, j]))]
perm = RNG.permutation(len(rows))
d = {'rows': [rows[i] for i in perm]}


def render(d):
    body = "\n".join(f"{o},{m},{v:.1f}" for o, m, v in d['rows'])
    return ("readings from our unbalanced study (a few parts got scrapped so the cell sizes differ). "
            "operator,machine,reading:\n\n" + body +
            "\n\nTwo-way ANOVA with interaction, reading ~ operator * machine. Use sequential (Type I) sums of squares "
            "in the order operator, then machine, then operator:machine. What are the three F statistics?")


def parse(q):
    return {'rows': [[o, m, float(v)] for o, m, v in re.findall(r'^([A-Z][a-z]+),(M\d),(\d+\.\d)$', q, re.M)]}


def lib(d):
    df = pd.DataFrame(d['rows'], columns=['op', 'm', 'y'])
    fit = smf.ols('y ~ C(op) + C(m) + C(op):C(m)', data=df).fit()
    tab = anova_lm(fit, typ=1)
    return [tab['F'].iloc[0], tab['F'].iloc[1], tab['F'].iloc[2]]


def hand(d):
    ops = sorted({r[0] for r in d['rows']})
    ms = sorted({r[1] for r in d['rows']})
    y = [r[2] for r in d['rows']]
    X0 = [[1] for _ in d['rows']]
    XA = [[1] + [int(r[0] == o) for o in ops[1:]] for r in d['rows']]
    XAB = [[1] + [int(r[0] == o) for o in ops[1:]] + [int(r[1] == m) for m in ms[1:]] for r in d['rows']]
    XF = [[int(r[0] == o and r[1] == m) for o in ops for m in ms] for r in d['rows']]
    rss = [fls(Xm, y)[1] for Xm in (X0, XA, XAB, XF)]
    dfe = len(y) - len(ops) * len(ms)
    mse = rss[3] / dfe
    dfs = [len(ops) - 1, len(ms) - 1, (len(ops) - 1) * (len(ms) - 1)]
    return [M((rss[i] - rss[i + 1]) / dfs[i] / mse) for i in range(3)]


add(id='t11', kind=1, data=d, render=render, parse=parse, lib=lib, hand=hand,
    names=['F operator', 'F machine', 'F operator:machine'], rels=[.005, .005, .005],
    muts=[mset(('rows', 0, 2)), mset(('rows', -1, 2))],
    intent='unbalanced two-way ANOVA with interaction, sequential (Type I) SS in a stated order, long format',
    tools=['anova_twoway', 'dsl_run'])

# ---- t12 X-bar / R from labelled subgroup rows
d = {'sub': [r2(row) for row in RNG.normal(25.40, 0.12, (15, 5))]}


def render(d):
    body = "\n".join(f"Subgroup {i + 1:02d}: " + "  ".join(f"{v:.2f}" for v in row) for i, row in enumerate(d['sub']))
    return ("Shaft OD in mm, spindle 2, week 37. 5 parts per subgroup, 15 subgroups:\n\n" + body +
            "\n\nNeed X-bar and R chart limits - UCL/LCL for X-bar and the UCL for R.")


def parse(q):
    return {'sub': [floats(s) for _, s in re.findall(r'^Subgroup (\d+): (.+)$', q, re.M)]}


def xbar_r_lib(sub):
    a = np.array(sub)
    n = a.shape[1]
    xbb = a.mean(axis=1).mean()
    rbar = (a.max(axis=1) - a.min(axis=1)).mean()
    return [xbb + TAB['A2'][n] * rbar, xbb - TAB['A2'][n] * rbar, TAB['D4'][n] * rbar]


def xbar_r_hand(sub):
    n = len(sub[0])
    xbb = fmean([fmean(s) for s in sub])
    rbar = fmean([max(F(v) for v in s) - min(F(v) for v in s) for s in sub])
    a2, d4 = F(TAB['A2'][n]), F(TAB['D4'][n])
    return [M(xbb + a2 * rbar), M(xbb - a2 * rbar), M(d4 * rbar)]


def xbar_r_exactcheck(sub):
    """limits with exact A2 = 3/(d2 sqrt n) must be well inside the 0.005 tolerance of the tabulated ones"""
    n = len(sub[0])
    a = np.array(sub)
    xbb = a.mean(axis=1).mean()
    rbar = (a.max(axis=1) - a.min(axis=1)).mean()
    A2 = 3 / (exact_d2(n) * mp.sqrt(n))
    tab = xbar_r_lib(sub)
    for v, w in zip(tab[:2], [xbb + A2 * rbar, xbb - A2 * rbar]):
        assert close(v, w, 0.001)


lib = lambda d: xbar_r_lib(d['sub'])
hand = lambda d: xbar_r_hand(d['sub'])
add(id='t12', kind=1, data=d, render=render, parse=parse, lib=lib, hand=hand,
    names=['UCL xbar', 'LCL xbar', 'UCL R'], rels=[.005, .005, .005],
    muts=[mset(('sub', 0, 0)), mset(('sub', 14, 4))], extra=lambda d: xbar_r_exactcheck(d['sub']),
    intent='X-bar/R chart limits from rows labelled by subgroup (n = 5)',
    tools=['control_chart', 'dsl_run'])

# ---- t13 REFUSAL: contingency table given as percentages only
d = {'pct': [[40, 35, 25], [55, 30, 15], [30, 50, 20]]}


def render(d):
    h, o, s = d['pct']
    return ("Staff survey on the new shift pattern, % of each department answering yes / no / unsure:\n\n"
            f"HR: {h[0]}% yes, {h[1]}% no, {h[2]}% unsure\nOps: {o[0]}% / {o[1]}% / {o[2]}%\n"
            f"Sales: {s[0]}% / {s[1]}% / {s[2]}%\n\n"
            "Is the answer independent of department? run a chi-square test of independence and give me chi2 and p.")


add(id='t13', kind=1, data=d, render=render, refuse=True,
    reason='Only row percentages are given, with no counts or department sizes; a chi-square test of '
           'independence needs observed counts, and its statistic depends on the (unknown) sample sizes.',
    check=lambda d: all(sum(r) == 100 for r in d['pct']),
    intent='chi-square independence asked on percentages only (no counts) - refuse',
    tools=['chi_square', 'dsl_run'])

# ---- t14 REFUSAL: regression with a constant predictor
d = {'x': [20.0] * 8, 'y': r2(RNG.normal(3.4, 0.3, 8))}


def render(d):
    body = "\n".join(f"{x:<8.1f}{y:.2f}" for x, y in zip(d['x'], d['y']))
    return ("humidity chamber #2, run log 14/05. fit drift_um = a + b*temp_C and give me the slope b and its p-value\n\n"
            "temp_C  drift_um\n" + body)


add(id='t14', kind=1, data=d, render=render, refuse=True,
    reason='Every temp_C value is 20.0: the predictor has zero variance, so the slope (and its test) is not '
           'estimable.',
    check=lambda d: len(set(d['x'])) == 1,
    intent='straight-line fit requested where the predictor column is constant - refuse',
    tools=['regression', 'dsl_run'])

# =============================================================================
# KIND 2 -- intent carried by wording
# =============================================================================

# ---- t15 Welch t ("don't assume equal variances")
d = {'A': r2(RNG.normal(12.4, 0.4, 9)), 'B': r2(RNG.normal(11.7, 1.3, 11))}


def render(d):
    return ("Cycle time (s), two packing lines, sampled on 3rd shift.\n"
            "line A: " + ", ".join(f"{v:.2f}" for v in d['A']) + "\n"
            "line B: " + ", ".join(f"{v:.2f}" for v in d['B']) + "\n\n"
            "is the mean different between the lines? dont assume equal variances. t, df and p.")


def parse(q):
    return {'A': floats(grab(r'^line A: (.+)$', q, str, re.M)), 'B': floats(grab(r'^line B: (.+)$', q, str, re.M))}


def lib(d):
    r = st.ttest_ind(d['A'], d['B'], equal_var=False)
    return [abs(r.statistic), r.df, r.pvalue]


def hand_welch(m1, v1, n1, m2, v2, n2):
    a, b = v1 / n1, v2 / n2
    t = M(m1 - m2) / mp.sqrt(M(a + b))
    df = (a + b) ** 2 / (a ** 2 / (n1 - 1) + b ** 2 / (n2 - 1))
    return [abs(t), M(df), p_t2(t, M(df))]


def hand(d):
    A, B = d['A'], d['B']
    return hand_welch(fmean(A), fvar(A), len(A), fmean(B), fvar(B), len(B))


add(id='t15', kind=2, data=d, render=render, parse=parse, lib=lib, hand=hand,
    names=['|t|', 'df', 'p'], rels=[.005, .005, .02],
    muts=[mset(('A', 0)), mset(('B', -1))],
    intent="two-sample t without the equal-variance assumption (Welch), from 'dont assume equal variances'",
    tools=['t_test', 'dsl_run'])

# ---- t16 Mann-Whitney exact ("not normal")
d = {'old': r2(RNG.lognormal(1.0, 0.5, 8)), 'new': r2(RNG.lognormal(1.6, 0.5, 9))}
assert len(set(d['old'] + d['new'])) == 17


def render(d):
    return ("Time to first crack (hours) in the humidity cycling test, old resin vs new resin. These are definitely "
            "not normal (long right tail, a couple of huge ones) so no t-test please. Compare the two resins - I'd "
            "like the rank-sum test statistic U for the old resin and an exact two-sided p.\n\n"
            "old: " + "  ".join(f"{v:.2f}" for v in d['old']) + "\n"
            "new: " + "  ".join(f"{v:.2f}" for v in d['new']))


def parse(q):
    return {'old': floats(grab(r'^old: (.+)$', q, str, re.M)), 'new': floats(grab(r'^new: (.+)$', q, str, re.M))}


def lib(d):
    r = st.mannwhitneyu(d['old'], d['new'], method='exact', alternative='two-sided')
    return [r.statistic, r.pvalue]


def hand(d):
    a, b = d['old'], d['new']
    n1, n2 = len(a), len(b)
    U = sum(Fr(1) if x > y else Fr(1, 2) if x == y else Fr(0) for x in a for y in b)
    # exact null distribution of U1 by counting subsets of ranks (no ties)
    N = n1 + n2
    ways = {(0, 0): 1}
    for rk in range(1, N + 1):
        new = dict(ways)
        for (k, s), c in ways.items():
            if k < n1:
                new[(k + 1, s + rk)] = new.get((k + 1, s + rk), 0) + c
        ways = new
    dist = Counter()
    for (k, s), c in ways.items():
        if k == n1:
            dist[s - n1 * (n1 + 1) // 2] += c
    tot = sum(dist.values())
    umax = max(U, n1 * n2 - U)
    p = min(Fr(1), 2 * Fr(sum(c for u, c in dist.items() if u >= umax), tot))
    return [M(U), M(p)]


add(id='t16', kind=2, data=d, render=render, parse=parse, lib=lib, hand=hand,
    names=['U (old resin)', 'p'], rels=[.005, .02],
    muts=[mswap(('old', 0), ('new', 0)), mswap(('old', 3), ('new', 5))],
    intent="'not normal' two-group comparison -> Mann-Whitney with exact p",
    tools=['mann_whitney', 'dsl_run'])

# ---- t17 one-sample t against a stated nominal
d = {'nominal': 250, 'x': r1(RNG.normal(249.2, 1.3, 12))}


def render(d):
    return (f"Filler head 6. Label/nominal fill is {d['nominal']} ml. {NUMWORD[len(d['x'])].capitalize()} bottles "
            "pulled at 14:20 on line 2 (ml):\n\n" + "  ".join(f"{v:.1f}" for v in d['x']) +
            "\n\nIs the mean fill off nominal? two-sided one-sample t - t and p.")


def parse(q):
    vals = [floats(ln) for ln in q.splitlines() if re.fullmatch(r'[\d.\s]+', ln) and len(floats(ln)) > 4][0]
    return {'nominal': grab(r'nominal fill is (\d+(?:\.\d+)?) ml', q), 'x': vals}


def lib(d):
    r = st.ttest_1samp(d['x'], d['nominal'])
    return [r.statistic, r.pvalue]


def hand(d):
    n = len(d['x'])
    t = M(fmean(d['x']) - F(d['nominal'])) / mp.sqrt(M(fvar(d['x'])) / n)
    return [t, p_t2(t, n - 1)]


add(id='t17', kind=2, data=d, render=render, parse=parse, lib=lib, hand=hand,
    names=['t', 'p'], rels=[.005, .02],
    muts=[mset(('x', 0)), mset(('nominal',), lambda v: v + 1)],
    intent='one-sample t-test of the mean against the stated nominal fill',
    tools=['t_test', 'dsl_run'])

# ---- t18 regression after excluding a named point
dose = sorted(r1(RNG.uniform(0.5, 5, 10)))
resp = r2(3.2 + 1.8 * np.array(dose) + RNG.normal(0, 0.4, 10))
resp[6] = round(resp[6] + 6.0, 2)
d = {'lab': [f"R{i + 1}" for i in range(10)], 'dose': dose, 'resp': resp, 'excl': 'R7'}


def render(d):
    body = "\n".join(f"{l}: dose={x:.1f} response={y:.2f}" for l, x, y in zip(d['lab'], d['dose'], d['resp']))
    return ("calibration runs, lab 2, 2024-05-09\n\n" + body +
            f"\n\n{d['excl']} had a sensor fault, leave it out. Then fit response vs dose (straight line, OLS). "
            "slope and R^2?")


def parse(q):
    rows = re.findall(r'^(R\d+): dose=(\d+\.\d) response=(\d+\.\d+)$', q, re.M)
    return {'lab': [r[0] for r in rows], 'dose': [float(r[1]) for r in rows], 'resp': [float(r[2]) for r in rows],
            'excl': grab(r'(R\d+) had a sensor fault', q, str)}


def keep(d):
    idx = [i for i, l in enumerate(d['lab']) if l != d['excl']]
    return [d['dose'][i] for i in idx], [d['resp'][i] for i in idx]


def lib(d):
    x, y = keep(d)
    r = st.linregress(x, y)
    return [r.slope, r.rvalue ** 2]


def hand(d):
    x, y = keep(d)
    beta, rss = fls([[1, v] for v in x], y)
    return [M(beta[1]), 1 - M(rss / fss(y))]


def t18_extra(d, lib=lib):
    full = st.linregress(d['dose'], d['resp'])
    assert abs(full.rvalue ** 2 - lib(d)[1]) > 0.05


add(id='t18', kind=2, data=d, render=render, parse=parse, lib=lib, hand=hand,
    names=['slope', 'R^2'], rels=[.005, .005],
    muts=[mset(('resp', 0)), mset(('dose', 9))], extra=t18_extra,
    intent='simple regression after excluding the named faulty run',
    tools=['regression', 'dsl_run'])

# ---- t19 c chart (defect counts, equal-size units)
d = {'c': ints(RNG.poisson(12, 25))}


def render(d):
    return ("We count scratches on every painted door panel coming off the line (all panels are the same size). "
            f"Last {len(d['c'])} panels, in order: " + ", ".join(str(v) for v in d['c']) +
            ". What chart shoud this be and what are its centre line, UCL and LCL?")


def parse(q):
    return {'c': [int(v) for v in floats(grab(r'in order: ([\d, ]+)\.', q, str))]}


def lib(d):
    cb = np.mean(d['c'])
    return [cb, cb + 3 * np.sqrt(cb), max(0.0, cb - 3 * np.sqrt(cb))]


def hand(d):
    cb = fmean(d['c'])
    return [M(cb), M(cb) + 3 * mp.sqrt(M(cb)), M(cb) - 3 * mp.sqrt(M(cb))]


add(id='t19', kind=2, data=d, render=render, parse=parse, lib=lib, hand=hand,
    names=['c-bar', 'UCL', 'LCL'], rels=[.005, .005, .005],
    muts=[mset(('c', 0)), mset(('c', -1))],
    intent='defect counts per equal-size panel -> c chart centre line and limits',
    tools=['control_chart', 'dsl_run'])

# ---- t20 u chart (defects per varying roll length, per 100 m), limits for the longest roll
d = {'len': ints(RNG.integers(25, 65, 12) * 10)}
d['k'] = ints(RNG.poisson(3.1 * np.array(d['len']) / 100))
d['target'] = int(np.argmax(d['len'])) + 1


def render(d):
    body = "\n".join(f"roll {i + 1}: {L} m, {k} flaws" for i, (L, k) in enumerate(zip(d['len'], d['k'])))
    return ("Fabric inspection, loom 7 - roll lengths aren't the same so the raw counts aren't comparable.\n\n" + body +
            f"\n\nChart the flaw rate per 100 m. Centre line, and the control limits that apply to roll {d['target']}?")


def parse(q):
    rows = re.findall(r'^roll (\d+): (\d+) m, (\d+) flaws$', q, re.M)
    return {'len': [int(r[1]) for r in rows], 'k': [int(r[2]) for r in rows],
            'target': grab(r'apply to roll (\d+)', q, int)}


def lib(d):
    u = np.array(d['len']) / 100
    ub = np.sum(d['k']) / u.sum()
    s = np.sqrt(ub / u[d['target'] - 1])
    return [ub, ub + 3 * s, max(0.0, ub - 3 * s)]


def hand(d):
    ub = Fr(sum(d['k']) * 100, sum(d['len']))
    s = mp.sqrt(M(ub / Fr(d['len'][d['target'] - 1], 100)))
    return [M(ub), M(ub) + 3 * s, M(ub) - 3 * s]


add(id='t20', kind=2, data=d, render=render, parse=parse, lib=lib, hand=hand,
    names=['u-bar (per 100 m)', 'UCL (that roll)', 'LCL (that roll)'], rels=[.005, .005, .005],
    muts=[mset(('k', 0)), mset(('len', d['target'] - 1), lambda v: v + 50)],
    intent='flaw counts over rolls of different length -> u chart per 100 m; limits for one named roll',
    tools=['control_chart', 'dsl_run'])

# ---- t21 Cp/Cpk from summary figures (label: value)
d = {'lsl': 12.30, 'usl': 12.70, 'mean': round(float(RNG.normal(12.52, 0.03)), 2),
     'sw': round(float(RNG.uniform(0.04, 0.06)), 2)}


def render(d):
    return ("part: bracket, hole dia (drawing 7741-C rev B)\n"
            f"LSL: {d['lsl']:.2f}\nUSL: {d['usl']:.2f}\nmean: {d['mean']:.2f}\n"
            f"within-subgroup sigma: {d['sw']:.2f}\nsubgroups: 25 of 5\n\nCp and Cpk from these?")


def parse(q):
    g = lambda lab: grab(r'^' + lab + r': (\d+\.\d+)$', q, float, re.M)
    return {'lsl': g('LSL'), 'usl': g('USL'), 'mean': g('mean'), 'sw': g('within-subgroup sigma')}


def lib(d):
    cp = (d['usl'] - d['lsl']) / (6 * d['sw'])
    cpk = min(d['usl'] - d['mean'], d['mean'] - d['lsl']) / (3 * d['sw'])
    return [cp, cpk]


def hand(d):
    u, l, m, s = F(d['usl']), F(d['lsl']), F(d['mean']), F(d['sw'])
    return [M((u - l) / (6 * s)), M(min(u - m, m - l) / (3 * s))]


add(id='t21', kind=2, data=d, render=render, parse=parse, lib=lib, hand=hand,
    names=['Cp', 'Cpk'], rels=[.005, .005],
    muts=[mset(('mean',), lambda v: round(v + 0.05, 2)), mset(('sw',), lambda v: round(v + 0.01, 2))],
    intent='capability Cp and Cpk from summary figures (mean, within sigma, spec limits)',
    tools=['summary_capability', 'capability', 'dsl_run'])

# ---- t22 curvature test, 2^2 with 4 centre points
fact = [(-1, -1), (1, -1), (-1, 1), (1, 1)]
yf = r1([70 + 3 * a + 2 * b + e for (a, b), e in zip(fact, RNG.normal(0, 0.5, 4))])
yc = r1(72.6 + RNG.normal(0, 0.6, 4))
d = {'rows': [[a, b, y] for (a, b), y in zip(fact, yf)] + [[0, 0, y] for y in yc]}


def render(d):
    body = "\n".join(f"{a:>3}  {b:>3}  {y:.1f}" for a, b, y in d['rows'])
    return ("Two-factor, two-level design (temperature A, time B) plus 4 centre points, coded units:\n\n"
            "  A    B  y\n" + body +
            "\n\nIs there curvature? I need the curvature sum of squares, its F and p (tested against pure error "
            "from the centre points).")


def parse(q):
    return {'rows': [[int(a), int(b), float(y)] for a, b, y in
                     re.findall(r'^\s*(-?[01])\s+(-?[01])\s+(\d+\.\d)$', q, re.M)]}


def lib(d):
    df = pd.DataFrame(d['rows'], columns=['A', 'B', 'y'])
    df['ctr'] = ((df.A == 0) & (df.B == 0)).astype(float)
    tab = anova_lm(smf.ols('y ~ A + B + A:B + ctr', data=df).fit(), typ=2)
    return [tab.loc['ctr', 'sum_sq'], tab.loc['ctr', 'F'], tab.loc['ctr', 'PR(>F)']]


def hand(d):
    yf = [r[2] for r in d['rows'] if r[0] != 0]
    yc = [r[2] for r in d['rows'] if r[0] == 0]
    nf, nc = len(yf), len(yc)
    ss = Fr(nf * nc, nf + nc) * (fmean(yf) - fmean(yc)) ** 2
    f = ss / fvar(yc)
    return [M(ss), M(f), sf_F(M(f), 1, nc - 1)]


add(id='t22', kind=2, data=d, render=render, parse=parse, lib=lib, hand=hand,
    names=['SS curvature', 'F', 'p'], rels=[.005, .005, .02],
    muts=[mset(('rows', 0, 2)), mset(('rows', 5, 2))],
    intent='single-df curvature test of a 2^2 with centre points against pure error',
    tools=['doe_curvature', 'doe_anova', 'dsl_run'])

# ---- t23 one-sided one-sample t (claim "at least")
d = {'claim': 50, 'x': r1(RNG.normal(48.9, 2.1, 10))}


def render(d):
    return (f"Vendor says the mean bond strength is at least {d['claim']} MPa. We tested {len(d['x'])} coupons from "
            "job 5512: " + ", ".join(f"{v:.1f}" for v in d['x']) +
            ". We think it's actually lower than claimed - one-sided t test please (alpha 0.05). t and p?")


def parse(q):
    return {'claim': grab(r'at least (\d+) MPa', q), 'x': floats(grab(r'job 5512: ([\d., ]+)\. We think', q, str))}


def lib(d):
    r = st.ttest_1samp(d['x'], d['claim'], alternative='less')
    return [r.statistic, r.pvalue]


def hand(d):
    n = len(d['x'])
    t = M(fmean(d['x']) - F(d['claim'])) / mp.sqrt(M(fvar(d['x'])) / n)
    return [t, cdf_t(t, n - 1)]


add(id='t23', kind=2, data=d, render=render, parse=parse, lib=lib, hand=hand,
    names=['t', 'p (one-sided)'], rels=[.005, .02],
    muts=[mset(('x', 0)), mset(('claim',), lambda v: v + 1)],
    intent="one-sided (lower-tail) one-sample t-test of the vendor's 'at least 50 MPa' claim",
    tools=['t_test', 'dsl_run'])

# ---- t24 two-proportion z, one-sided, pooled
d = {'n_old': 600, 'k_old': int(RNG.binomial(600, .065)), 'n_new': 580, 'k_new': int(RNG.binomial(580, .04))}


def render(d):
    return (f"old line - {d['n_old']} units inspected, {d['k_old']} defective\n"
            f"new line - {d['n_new']} units inspected, {d['k_new']} defective\n\n"
            "Is the new line's defect rate lower? pooled two-proportion z test, no continuity correction, one-sided. "
            "z and p?")


def parse(q):
    a = re.search(r'old line - (\d+) units inspected, (\d+) defective', q)
    b = re.search(r'new line - (\d+) units inspected, (\d+) defective', q)
    return {'n_old': int(a[1]), 'k_old': int(a[2]), 'n_new': int(b[1]), 'k_new': int(b[2])}


def lib(d):
    z, p = proportions_ztest([d['k_new'], d['k_old']], [d['n_new'], d['n_old']], alternative='smaller')
    return [abs(z), p]


def hand(d):
    p1, p2 = Fr(d['k_new'], d['n_new']), Fr(d['k_old'], d['n_old'])
    pp = Fr(d['k_new'] + d['k_old'], d['n_new'] + d['n_old'])
    z = M(p1 - p2) / mp.sqrt(M(pp * (1 - pp) * (Fr(1, d['n_new']) + Fr(1, d['n_old']))))
    assert z < 0
    return [abs(z), mp.ncdf(z)]


add(id='t24', kind=2, data=d, render=render, parse=parse, lib=lib, hand=hand,
    names=['|z|', 'p (one-sided)'], rels=[.005, .02],
    muts=[mset(('k_new',)), mset(('n_old',), lambda v: v + 100)],
    intent='one-sided pooled two-proportion z-test (new line lower), no continuity correction',
    tools=['proportion_test', 'dsl_run'])

# ---- t25 independent two-sample pooled t, data laid out side by side ("NOT paired")
while True:      # redraw until reading the columns as paired would give a clearly different answer
    d = {'g1': r1(RNG.normal(31.0, 3.0, 10)), 'g2': r1(RNG.normal(34.0, 3.0, 10))}
    _pi = st.ttest_ind(d['g1'], d['g2']).pvalue
    if 0.001 < _pi < 0.2 and abs(st.ttest_rel(d['g1'], d['g2']).pvalue - _pi) > 0.25 * _pi:
        break


def render(d):
    body = "\n".join(f"{a:.1f} | {b:.1f}" for a, b in zip(d['g1'], d['g2']))
    return ("Scores on the assembly dexterity test, two training methods.\n\nmethod 1 | method 2\n" + body +
            "\n\nNB these are NOT paired - different trainees in each column, the rows only line up because of "
            "sign-up order. Equal variances is fine. Two-sample t: t and p?")


def parse(q):
    rows = re.findall(r'^(\d+\.\d) \| (\d+\.\d)$', q, re.M)
    return {'g1': [float(a) for a, _ in rows], 'g2': [float(b) for _, b in rows]}


def lib(d):
    r = st.ttest_ind(d['g1'], d['g2'], equal_var=True)
    return [abs(r.statistic), r.pvalue]


def hand(d):
    a, b = d['g1'], d['g2']
    n1, n2 = len(a), len(b)
    sp2 = (fss(a) + fss(b)) / (n1 + n2 - 2)
    t = M(fmean(a) - fmean(b)) / mp.sqrt(M(sp2 * (Fr(1, n1) + Fr(1, n2))))
    return [abs(t), p_t2(t, n1 + n2 - 2)]


def t25_extra(d, lib=lib):
    assert not close(st.ttest_rel(d['g1'], d['g2']).pvalue, lib(d)[1], 0.25)


add(id='t25', kind=2, data=d, render=render, parse=parse, lib=lib, hand=hand,
    names=['|t|', 'p'], rels=[.005, .02],
    muts=[mset(('g1', 0)), mset(('g2', -1))], extra=t25_extra,
    intent='independent pooled two-sample t although the columns look paired (stated not paired)',
    tools=['t_test', 'dsl_run'])

# ---- t26 Ppk with a lower spec only, overall SD
d = {'lsl': 3.10, 'mean': round(float(RNG.normal(3.5, .02)), 2), 's': round(float(RNG.uniform(.09, .12)), 2)}


def render(d):
    return (f"Coating thickness. There's only a lower spec, LSL = {d['lsl']:.2f} µm (no upper). From 120 readings over "
            f"the month: mean {d['mean']:.2f} µm, overall (long-term) SD {d['s']:.2f} µm. Ppk please - use the overall "
            "SD, not a within-subgroup one.")


def parse(q):
    return {'lsl': grab(r'LSL = (\d+\.\d+)', q), 'mean': grab(r'mean (\d+\.\d+) µm', q),
            's': grab(r'SD (\d+\.\d+) µm', q)}


lib = lambda d: [(d['mean'] - d['lsl']) / (3 * d['s'])]
hand = lambda d: [M((F(d['mean']) - F(d['lsl'])) / (3 * F(d['s'])))]
add(id='t26', kind=2, data=d, render=render, parse=parse, lib=lib, hand=hand,
    names=['Ppk'], rels=[.005],
    muts=[mset(('mean',), lambda v: round(v + 0.04, 2)), mset(('s',), lambda v: round(v + 0.02, 2))],
    intent='Ppk (overall SD) with a one-sided lower specification, from summary figures',
    tools=['summary_capability', 'dsl_run'])

# ---- t27 X-bar / S limits from summary figures
d = {'gm': round(float(RNG.normal(50.1, .1)), 2), 'sbar': round(float(RNG.uniform(.7, .9)), 2), 'n': 6}


def render(d):
    return (f"We chart subgroup standard deviations, not ranges. 30 subgroups of {d['n']}. grand mean = {d['gm']:.2f}, "
            f"average subgroup SD (s-bar) = {d['sbar']:.2f}. Limits for the X-bar chart (UCL, LCL) and the UCL of the "
            "S chart?")


def parse(q):
    return {'gm': grab(r'grand mean = (\d+\.\d+)', q), 'sbar': grab(r's-bar\) = (\d+\.\d+)', q),
            'n': grab(r'subgroups of (\d+)', q, int)}


def lib(d):
    n = d['n']
    return [d['gm'] + TAB['A3'][n] * d['sbar'], d['gm'] - TAB['A3'][n] * d['sbar'], TAB['B4'][n] * d['sbar']]


def hand(d):
    n = d['n']
    g, s = F(d['gm']), F(d['sbar'])
    return [M(g + F(TAB['A3'][n]) * s), M(g - F(TAB['A3'][n]) * s), M(F(TAB['B4'][n]) * s)]


def t27_extra(d, lib=lib):
    n = d['n']
    c4 = exact_c4(n)
    A3 = 3 / (c4 * mp.sqrt(n))
    B4 = 1 + 3 * mp.sqrt(1 - c4 ** 2) / c4
    ex = [d['gm'] + A3 * d['sbar'], d['gm'] - A3 * d['sbar'], B4 * d['sbar']]
    assert all(close(a, b, 0.001) for a, b in zip(lib(d), ex))


add(id='t27', kind=2, data=d, render=render, parse=parse, lib=lib, hand=hand,
    names=['UCL xbar', 'LCL xbar', 'UCL S'], rels=[.005, .005, .005],
    muts=[mset(('sbar',), lambda v: round(v + 0.1, 2)), mset(('n',), lambda v: v + 1)], extra=t27_extra,
    intent='X-bar/S limits from grand mean, s-bar and subgroup size (S chart, not R)',
    tools=['summary_chart', 'control_chart', 'dsl_run'])

# ---- t28 REFUSAL: test against "nominal" without a nominal value
d = {'x': r2(RNG.normal(8.02, .03, 10))}


def render(d):
    return ("Bore diameters off the new fixture (mm): " + ", ".join(f"{v:.2f}" for v in d['x']) +
            "\n\nIs the mean different from nominal? two-sided t test please, t and p.")


add(id='t28', kind=2, data=d, render=render, refuse=True,
    reason='The nominal (reference) diameter the mean should be tested against is never stated.',
    check=lambda d, render=render: 'nominal' in render(d) and not re.search(r'nominal\D{0,20}\d', render(d)),
    intent='one-sample test against a nominal value that is not given - refuse',
    tools=['t_test', 'dsl_run'])

# =============================================================================
# KIND 3 -- numbers in prose with roles
# =============================================================================

# ---- t29 capacity per day = block size, centre points per block
d = {'k': 3, 'cap': 6, 'cpb': 2}


def render(d):
    return (f"Planning a full 2^{d['k']} on the coater. The oven only takes {d['cap']} runs a day so each day has to be "
            f"a block, and I want {d['cpb']} centre points in every block. How many runs in total, and how many "
            "blocks (days)?")


def parse(q):
    return {'k': grab(r'full 2\^(\d+)', q, int), 'cap': grab(r'takes (\d+) runs a day', q, int),
            'cpb': grab(r'want (\d+) centre points', q, int)}


def lib(d):
    D = blocked_factorial(d['k'], d['cap'], d['cpb'])
    return [D.shape[0], len(set(D[:, -1].tolist()))]


def hand(d):
    nb = 2 ** math.ceil(math.log2(Fr(2 ** d['k'], d['cap'] - d['cpb'])))
    return [2 ** d['k'] + nb * d['cpb'], nb]


add(id='t29', kind=3, data=d, render=render, parse=parse, lib=lib, hand=hand,
    names=['total runs', 'blocks'], rels=[0, 0],
    muts=[mset(('cap',), lambda v: v + 4), mset(('cpb',), lambda v: v + 1)],
    intent='blocked 2^3 where the daily capacity sets the block size, centre points per block',
    tools=['doe_design', 'dsl_run'])

# ---- t30 "3-level" full factorial with replicates
d = {'levels': 3, 'factors': ['temperature', 'pressure', 'cure time'], 'reps': 2}


def render(d):
    f = ", ".join(d['factors'][:-1]) + " and " + d['factors'][-1]
    return (f"we want a {d['levels']}-level design, full factorial, in {f}, and the whole thing run "
            f"{TIMES[d['reps']]} in total ({d['reps']} replicates). how many runs is that?")


def parse(q):
    fl = grab(r'full factorial, in (.+?), and the whole', q, str)
    return {'levels': grab(r'(\d+)-level', q, int), 'factors': re.split(r', | and ', fl),
            'reps': grab(r'\((\d+) replicates\)', q, int)}


def lib(d):
    D = np.tile(np.array(list(itertools.product(range(d['levels']), repeat=len(d['factors'])))), (d['reps'], 1))
    return [D.shape[0]]


hand = lambda d: [d['levels'] ** len(d['factors']) * d['reps']]
add(id='t30', kind=3, data=d, render=render, parse=parse, lib=lib, hand=hand,
    names=['runs'], rels=[0],
    muts=[mset(('reps',), lambda v: v + 1), mset(('factors',), lambda v: v + ['humidity'])],
    intent="'3-level' gives the levels, three named factors, 2 replicates -> run count",
    tools=['doe_design', 'dsl_run'])

# ---- t31 X-bar/R with subgroup size from the sampling plan, flat list
d = {'n': 4, 'x': r2(RNG.normal(20.10, 0.04, 48))}


def render(d):
    return ("Sampling plan on the shaft line: every hour, on the hour, the operator measures "
            f"{NUMWORD[d['n']]} consecutive shafts (OD, mm). Here is the whole shift in time order (07:00 through "
            "18:00), read left to right:\n\n" + ", ".join(f"{v:.2f}" for v in d['x']) +
            "\n\nX-bar/R chart limits please: UCL and LCL of the X-bar chart and the UCL of the R chart.")


def parse(q):
    line = [ln for ln in q.splitlines() if ln.count(',') > 10][0]
    return {'n': grab(r'measures (\w+) consecutive', q, wnum), 'x': floats(line)}


def lib(d):
    return xbar_r_lib(np.array(d['x']).reshape(-1, d['n']).tolist())


def hand(d):
    n = d['n']
    return xbar_r_hand([d['x'][i:i + n] for i in range(0, len(d['x']), n)])


add(id='t31', kind=3, data=d, render=render, parse=parse, lib=lib, hand=hand,
    names=['UCL xbar', 'LCL xbar', 'UCL R'], rels=[.005, .005, .005],
    muts=[mset(('x', 0)), mset(('n',), lambda v: 6)],
    extra=lambda d: xbar_r_exactcheck(np.array(d['x']).reshape(-1, d['n']).tolist()),
    intent='X-bar/R limits where the subgroup size (4) is given by the sampling plan in words',
    tools=['control_chart', 'dsl_run'])

# ---- t32 Box-Behnken run count
d = {'k': 4, 'c': 3, 'names': ['feed', 'speed', 'depth of cut', 'coolant %', 'tool angle']}


def render(d):
    nm = ", ".join(d['names'][:d['k']])
    return f"Box-Behnken for {d['k']} factors ({nm}), {d['c']} center points. total number of runs?"


def parse(q):
    return {'k': grab(r'Box-Behnken for (\d+) factors', q, int), 'c': grab(r'(\d+) center points', q, int),
            'names': re.search(r'factors \((.+?)\)', q)[1].split(', ')}


lib = lambda d: [box_behnken(d['k'], d['c']).shape[0]]
hand = lambda d: [2 * d['k'] * (d['k'] - 1) + d['c']]
add(id='t32', kind=3, data=d, render=render, parse=parse, lib=lib, hand=hand,
    names=['runs'], rels=[0],
    muts=[mset(('c',), lambda v: v + 2), mset(('k',), lambda v: v + 1)],
    intent='Box-Behnken run count for 4 factors with 3 centre points (centre points not replicated)',
    tools=['doe_design', 'dsl_run'])

# ---- t33 replicated half fraction + centre points in total
d = {'k': 5, 'p': 1, 'reps': 2, 'c': 4}


def render(d):
    return (f"We'll run a 2^({d['k']}-{d['p']}) half fraction (resolution V), replicate the factorial part "
            f"{TIMES[d['reps']]} ({d['reps']} replicates), plus {d['c']} centre points in total (not per replicate). "
            "How many runs altogether?")


def parse(q):
    m = re.search(r'2\^\((\d+)-(\d+)\)', q)
    return {'k': int(m[1]), 'p': int(m[2]), 'reps': grab(r'\((\d+) replicates\)', q, int),
            'c': grab(r'plus (\d+) centre points in total', q, int)}


def lib(d):
    D, res = build_fraction(d['k'], d['p'])
    D = np.vstack([np.tile(D, (d['reps'], 1)), np.zeros((d['c'], d['k']))])
    return [D.shape[0]]


hand = lambda d: [2 ** (d['k'] - d['p']) * d['reps'] + d['c']]
add(id='t33', kind=3, data=d, render=render, parse=parse, lib=lib, hand=hand,
    names=['runs'], rels=[0],
    muts=[mset(('c',), lambda v: v + 3), mset(('reps',), lambda v: v + 1)],
    intent='run count of a replicated 2^(5-1) with centre points counted once',
    tools=['doe_design', 'dsl_run'])

# ---- power helpers (hand: noncentral t by integrating over the chi-square denominator)


def chi2_pdf(v, nu):
    return mp.exp((nu / 2 - 1) * mp.log(v) - v / 2 - (nu / 2) * mp.log(2) - mp.loggamma(nu / 2))


def power_t_hand(delta, df, alpha):
    df = mp.mpf(df)
    tc = mp.findroot(lambda t: p_t2(t, df) - alpha, mp.mpf(2))

    def f(v):
        s = mp.sqrt(v / df)
        return chi2_pdf(v, df) * (1 - mp.ncdf(tc * s - delta) + mp.ncdf(-tc * s - delta))
    return mp.quad(f, [0, df / 4, df / 2, df, 2 * df, 4 * df, mp.inf])


# ---- t34 two-sample t sample size
d = {'diff': 2.5, 'sd': 4.0, 'alpha': 0.05, 'power': 0.90}


def render(d):
    return ("How many specimens per group do I need? Want to detect a difference of "
            f"{d['diff']} N in mean peel strength between the two adhesives; SD is about {d['sd']} N (from the 2022 "
            f"trials, 40 specimens). Two-sample t-test, two sided alpha = {d['alpha']}, power {d['power'] * 100:.0f}%.")


def parse(q):
    return {'diff': grab(r'difference of (\d+(?:\.\d+)?) N', q), 'sd': grab(r'SD is about (\d+(?:\.\d+)?) N', q),
            'alpha': grab(r'alpha = (\d*\.\d+)', q), 'power': grab(r'power (\d+)%', q) / 100}


def lib(d):
    n = TTestIndPower().solve_power(effect_size=d['diff'] / d['sd'], alpha=d['alpha'], power=d['power'],
                                    ratio=1, alternative='two-sided')
    return [int(math.ceil(n))]


def hand(d):
    es = mp.mpf(d['diff']) / d['sd']
    pw = lambda n: power_t_hand(es * mp.sqrt(mp.mpf(n) / 2), 2 * n - 2, mp.mpf(d['alpha']))
    lo, hi = 2, 4
    while pw(hi) < d['power']:
        lo, hi = hi, hi * 2
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if pw(mid) >= d['power']:
            hi = mid
        else:
            lo = mid
    return [hi]


add(id='t34', kind=3, data=d, render=render, parse=parse, lib=lib, hand=hand,
    names=['n per group'], rels=[0],
    muts=[mset(('diff',), lambda v: 3.5), mset(('sd',), lambda v: 5.0)],
    intent='sample size per group for a two-sample t (difference, SD, alpha, power stated in prose)',
    tools=['power', 'dsl_run'])

# ---- t35 paired t power
d = {'n': 15, 'diff': 1.2, 'sd': 2.0, 'alpha': 0.05}


def render(d):
    return (f"Paired design, {d['n']} patients each measured on both assays. If the true mean difference is "
            f"{d['diff']} mg/L and the SD of the differences is {d['sd']} mg/L, what power does a paired t test have "
            f"at alpha {d['alpha']} (two-sided)?")


def parse(q):
    return {'n': grab(r'(\d+) patients', q, int), 'diff': grab(r'difference is (\d+(?:\.\d+)?) mg/L', q),
            'sd': grab(r'differences is (\d+(?:\.\d+)?) mg/L', q), 'alpha': grab(r'alpha (\d*\.\d+)', q)}


lib = lambda d: [TTestPower().power(effect_size=d['diff'] / d['sd'], nobs=d['n'], alpha=d['alpha'],
                                    alternative='two-sided')]
hand = lambda d: [power_t_hand(mp.mpf(d['diff']) / d['sd'] * mp.sqrt(d['n']), d['n'] - 1, mp.mpf(d['alpha']))]
add(id='t35', kind=3, data=d, render=render, parse=parse, lib=lib, hand=hand,
    names=['power'], rels=[.005],
    muts=[mset(('n',), lambda v: v + 5), mset(('diff',), lambda v: 1.5)],
    intent='power of a paired t-test with n, mean difference, SD of differences and alpha in prose',
    tools=['power', 'dsl_run'])

# ---- t36 Plackett-Burman size
d = {'k': 9}


def render(d):
    return (f"screening {NUMWORD[d['k']]} two-level factors (no centre points). whats the smallest Plackett-Burman "
            "design that fits them - how many runs?")


parse = lambda q: {'k': grab(r'screening (\w+) two-level', q, wnum)}
lib = lambda d: [plackett_burman(d['k']).shape[0]]
hand = lambda d: [4 * math.ceil((d['k'] + 1) / 4)]
add(id='t36', kind=3, data=d, render=render, parse=parse, lib=lib, hand=hand,
    names=['runs'], rels=[0],
    muts=[mset(('k',), lambda v: 13), mset(('k',), lambda v: 5)],
    intent='smallest Plackett-Burman design for nine factors',
    tools=['doe_design', 'dsl_run'])

# ---- t37 rotatable CCD
d = {'k': 2, 'c': 5}


def render(d):
    return (f"rotatable central composite design, {d['k']} factors, {d['c']} center runs. total runs, and what axial "
            "distance (alpha) does rotatability need?")


def parse(q):
    m = re.search(r'design, (\d+) factors, (\d+) center runs', q)
    return {'k': int(m[1]), 'c': int(m[2])}


def lib(d):
    D, a = ccd(d['k'], d['c'])
    return [D.shape[0], a]


hand = lambda d: [2 ** d['k'] + 2 * d['k'] + d['c'], mp.mpf(2) ** (mp.mpf(d['k']) / 4)]
add(id='t37', kind=3, data=d, render=render, parse=parse, lib=lib, hand=hand,
    names=['runs', 'alpha'], rels=[0, .005],
    muts=[mset(('k',), lambda v: v + 1), mset(('c',), lambda v: v + 3)],
    intent='run count and axial distance of a rotatable CCD (2 factors, 5 centre runs)',
    tools=['doe_design', 'dsl_run'])

# ---- t38 2^(7-4): runs and resolution
d = {'k': 7, 'frac': 16}


def render(d):
    return (f"Need to screen {NUMWORD[d['k']]} two-level factors but we can only afford a 1/{d['frac']} fraction of "
            "the full factorial. How many runs is that, and what resolution do we get (best possible)?")


def parse(q):
    return {'k': grab(r'screen (\w+) two-level', q, wnum), 'frac': grab(r'1/(\d+) fraction', q, int)}


def lib(d):
    p = int(round(math.log2(d['frac'])))
    D, res = build_fraction(d['k'], p)
    return [D.shape[0], res]


def hand(d):
    p = int(round(math.log2(d['frac'])))
    D, _ = build_fraction(d['k'], p)
    k = D.shape[1]
    for r in range(1, k + 1):
        for cols in itertools.combinations(range(k), r):
            if len(set(np.prod(D[:, list(cols)], axis=1).tolist())) == 1:
                return [2 ** (k - p), r]


add(id='t38', kind=3, data=d, render=render, parse=parse, lib=lib, hand=hand,
    names=['runs', 'resolution'], rels=[0, 0],
    muts=[mset(('frac',), lambda v: 8), mset(('frac',), lambda v: 4)],
    intent='seven factors in a 1/16 fraction: run count and (best) resolution',
    tools=['doe_design', 'doe_properties', 'dsl_run'])

# ---- t39 p chart, sample size from prose
labels = [f"{dd} {s}" for dd in ['Mon', 'Tue', 'Wed', 'Thu', 'Fri'] for s in 'ABC']
d = {'n': 200, 'labels': labels, 'k': ints(RNG.binomial(200, .08, 15))}


def render(d):
    body = "\n".join(f"{l}: {k}" for l, k in zip(d['labels'], d['k']))
    return (f"Lamp QC. Each shift we pull and test {d['n']} bulbs off the line (batch codes don't matter here). "
            "Rejects per shift last week:\n\n" + body + "\n\np-chart please: centre line and control limits.")


def parse(q):
    rows = re.findall(r'^([A-Z][a-z]{2} [ABC]): (\d+)$', q, re.M)
    return {'n': grab(r'test (\d+) bulbs', q, int), 'labels': [r[0] for r in rows], 'k': [int(r[1]) for r in rows]}


def lib(d):
    pb = np.sum(d['k']) / (d['n'] * len(d['k']))
    s = np.sqrt(pb * (1 - pb) / d['n'])
    return [pb, pb + 3 * s, max(0.0, pb - 3 * s)]


def hand(d):
    pb = Fr(sum(d['k']), d['n'] * len(d['k']))
    s = mp.sqrt(M(pb * (1 - pb) / d['n']))
    return [M(pb), M(pb) + 3 * s, M(pb) - 3 * s]


add(id='t39', kind=3, data=d, render=render, parse=parse, lib=lib, hand=hand,
    names=['p-bar', 'UCL', 'LCL'], rels=[.005, .005, .005],
    muts=[mset(('k', 0)), mset(('n',), lambda v: 250)],
    intent='p chart where the per-shift sample size (200) is stated in prose',
    tools=['control_chart', 'dsl_run'])

# ---- t40 I-MR
d = {'x': r1(RNG.normal(84.0, 1.5, 20))}


def render(d):
    return ("One viscosity reading per batch (batches 2291-2310, 400 L each), in order: " +
            ", ".join(f"{v:.1f}" for v in d['x']) +
            ". Individuals and moving-range chart please: UCL and LCL for the individuals and the UCL for the moving "
            "range.")


parse = lambda q: {'x': floats(grab(r'in order: ([\d., ]+)\. Individuals', q, str))}


def lib(d):
    x = np.array(d['x'])
    mr = np.abs(np.diff(x)).mean()
    return [x.mean() + 3 * mr / TAB['d2'][2], x.mean() - 3 * mr / TAB['d2'][2], TAB['D4'][2] * mr]


def hand(d):
    x = [F(v) for v in d['x']]
    mr = fmean([abs(b - a) for a, b in zip(x, x[1:])])
    m = fmean(x)
    d2 = F(TAB['d2'][2])
    return [M(m + 3 * mr / d2), M(m - 3 * mr / d2), M(F(TAB['D4'][2]) * mr)]


def t40_extra(d, lib=lib):
    x = np.array(d['x'])
    mr = np.abs(np.diff(x)).mean()
    ex = [x.mean() + 3 * mr / exact_d2(2), x.mean() - 3 * mr / exact_d2(2)]
    assert all(close(a, b, 0.001) for a, b in zip(lib(d), ex))


add(id='t40', kind=3, data=d, render=render, parse=parse, lib=lib, hand=hand,
    names=['UCL individuals', 'LCL individuals', 'UCL moving range'], rels=[.005, .005, .005],
    muts=[mset(('x', 0)), mset(('x', -1))], extra=t40_extra,
    intent='I-MR chart limits, one reading per batch (batch numbers and volume are context only)',
    tools=['control_chart', 'dsl_run'])

# ---- t41 REFUSAL: Box-Behnken with two factors
d = {'k': 2, 'c': 3}


def render(d):
    return (f"Can you lay out a Box-Behnken design for my {NUMWORD[d['k']]} factors (flow rate and temperature) "
            f"with {d['c']} centre points, and tell me how many runs it has?")


add(id='t41', kind=3, data=d, render=render, refuse=True,
    reason='Box-Behnken designs need at least three factors; no Box-Behnken design exists for two factors.',
    check=lambda d: d['k'] < 3,
    intent='Box-Behnken requested for two factors (impossible design) - refuse',
    tools=['doe_design', 'dsl_run'])

# ---- t42 REFUSAL: resolution V half fraction in 4 factors
d = {'k': 4}


def render(d):
    return (f"For {d['k']} factors I want a half fraction (2^({d['k']}-1), 8 runs) of resolution V, so that no "
            "two-factor interactions are aliased with each other. Which generator does that, and what's the alias "
            "structure?")


add(id='t42', kind=3, data=d, render=render, refuse=True,
    reason='A 2^(4-1) half fraction has at most resolution IV (generator D = ABC); resolution V is impossible '
           'in 8 runs for 4 factors.',
    check=lambda d: best_fraction(d['k'], 1)[0] == 4,
    intent='2^(4-1) of resolution V requested (impossible, max IV) - refuse',
    tools=['doe_design', 'doe_properties', 'dsl_run'])

# =============================================================================
# KIND 4 -- maths
# =============================================================================

# ---- t43 higher-order derivative at a point
d = {'a': 3, 'b': 2, 'x0': 1, 'n': 3}


def render(d):
    return f"d^{d['n']}/dx^{d['n']} [x^{d['a']}*sin({d['b']}x)] at x = {d['x0']}  -- numerical value pls"


def parse(q):
    m = re.search(r'd\^(\d+)/dx\^\d+ \[(.+?)\] at x = (\d+(?:\.\d+)?)', q)
    return {'f': m[2], 'n': int(m[1]), 'x0': float(m[3])}


def lib(d):
    f = d['f'] if 'f' in d else f"x^{d['a']}*sin({d['b']}x)"
    return [float(sp.diff(sym(f), X, d['n']).subs(X, sp.nsimplify(d['x0'])).evalf(30))]


def hand(d):
    g = sp.lambdify(X, sym(f"x^{d['a']}*sin({d['b']}x)"), 'mpmath')
    return [mp.diff(g, mp.mpf(d['x0']), d['n'])]


add(id='t43', kind=4, data=d, render=render, parse=parse, lib=lib, hand=hand,
    names=['value'], rels=[.005],
    muts=[mset(('a',), lambda v: v + 1), mset(('b',), lambda v: v + 1)],
    intent='third derivative of x^3 sin(2x) evaluated at x = 1',
    tools=['differentiate', 'evaluate', 'dsl_run'])

# ---- t44 mixed partial at a point
d = {'p': 2, 'q': 3, 'x0': 1, 'y0': 0.5}


def render(d):
    return (f"f(x,y) = x^{d['p']}*y^{d['q']} + exp(x*y). I need the third-order mixed partial f_xxy (differentiate "
            f"twice in x, once in y) evaluated at x = {d['x0']}, y = {d['y0']}")


def parse(q):
    m = re.search(r'at x = (\d+(?:\.\d+)?), y = (\d+(?:\.\d+)?)', q)
    return {'f': grab(r'f\(x,y\) = (.+?)\. I need', q, str), 'x0': float(m[1]), 'y0': float(m[2])}


def lib(d):
    f = d['f'] if 'f' in d else f"x^{d['p']}*y^{d['q']} + exp(x*y)"
    v = sp.diff(sym(f), X, 2, Y, 1).subs({X: sp.nsimplify(d['x0']), Y: sp.nsimplify(d['y0'])})
    return [float(v.evalf(30))]


def hand(d):
    g = sp.lambdify((X, Y), sym(f"x^{d['p']}*y^{d['q']} + exp(x*y)"), 'mpmath')
    return [mp.diff(g, (mp.mpf(d['x0']), mp.mpf(d['y0'])), (2, 1))]


add(id='t44', kind=4, data=d, render=render, parse=parse, lib=lib, hand=hand,
    names=['f_xxy'], rels=[.005],
    muts=[mset(('q',), lambda v: v + 1), mset(('y0',), lambda v: 1.5)],
    intent='mixed third partial derivative f_xxy at a point',
    tools=['differentiate', 'evaluate', 'dsl_run'])

# ---- t45 definite integral
d = {'n': 2, 'b': 3}
render = lambda d: f"integrate x^{d['n']}*exp(-x) dx from 0 to {d['b']} pls"


def parse(q):
    m = re.search(r'integrate (.+?) dx from (\d+) to (\d+)', q)
    return {'f': m[1], 'a': int(m[2]), 'b': int(m[3])}


def lib(d):
    f = d['f'] if 'f' in d else f"x^{d['n']}*exp(-x)"
    return [float(sp.integrate(sym(f), (X, d.get('a', 0), d['b'])).evalf(30))]


hand = lambda d: [mp.quad(lambda x: x ** d['n'] * mp.exp(-x), [0, d['b']])]
add(id='t45', kind=4, data=d, render=render, parse=parse, lib=lib, hand=hand,
    names=['integral'], rels=[.005],
    muts=[mset(('b',), lambda v: v + 1), mset(('n',), lambda v: v + 1)],
    intent='definite integral of x^2 e^-x from 0 to 3',
    tools=['integrate', 'dsl_run'])

# ---- t46 improper integral
d = {'p': 2, 'a': 1}


def render(d):
    return f"Does the integral from {d['a']} to infinity of 1/(x^{d['p']}*(1+x)) dx converge? if so what's its value?"


def parse(q):
    m = re.search(r'integral from (\d+) to infinity of (.+?) dx', q)
    return {'a': int(m[1]), 'f': m[2]}


def lib(d):
    f = d['f'] if 'f' in d else f"1/(x^{d['p']}*(1+x))"
    return [float(sp.integrate(sym(f), (X, d['a'], sp.oo)).evalf(30))]


hand = lambda d: [mp.quad(lambda x: 1 / (x ** d['p'] * (1 + x)), [d['a'], mp.inf])]
add(id='t46', kind=4, data=d, render=render, parse=parse, lib=lib, hand=hand,
    names=['integral'], rels=[.005],
    muts=[mset(('p',), lambda v: v + 1), mset(('a',), lambda v: v + 1)],
    intent='improper integral from 1 to infinity of 1/(x^2(1+x)) (converges to 1 - ln 2)',
    tools=['integrate', 'dsl_run'])

# ---- t47 limit
d = {'a': 3}
render = lambda d: f"lim x->0 of (sin({d['a']}x) - {d['a']}x)/x^3 ?"
parse = lambda q: {'f': grab(r'lim x->0 of (.+?) \?', q, str)}


def lib(d):
    f = d['f'] if 'f' in d else f"(sin({d['a']}x) - {d['a']}x)/x^3"
    return [float(sp.limit(sym(f), X, 0))]


def hand(d):
    a = d['a']
    return [mp.limit(lambda x: (mp.sin(a * x) - a * x) / x ** 3, 0)]


add(id='t47', kind=4, data=d, render=render, parse=parse, lib=lib, hand=hand,
    names=['limit'], rels=[.005],
    muts=[mset(('a',), lambda v: v + 1), mset(('a',), lambda v: 2)],
    intent='limit of (sin 3x - 3x)/x^3 as x -> 0',
    tools=['limit', 'dsl_run'])

# ---- t48 Taylor coefficients
d = {'b': 1, 'pw': [3, 4]}


def render(d):
    c = "cos(x)" if d['b'] == 1 else f"cos({d['b']}x)"
    return (f"taylor series of exp(x)*{c} about x=0 up to x^5 - what are the coefficients of x^{d['pw'][0]} and "
            f"x^{d['pw'][1]}?")


def parse(q):
    m = re.search(r'coefficients of x\^(\d+) and x\^(\d+)', q)
    return {'f': grab(r'series of (.+?) about x=0', q, str), 'pw': [int(m[1]), int(m[2])]}


def lib(d):
    f = d['f'] if 'f' in d else ("exp(x)*cos(x)" if d['b'] == 1 else f"exp(x)*cos({d['b']}x)")
    s = sp.series(sym(f), X, 0, 6).removeO()
    return [float(s.coeff(X, k)) for k in d['pw']]


def hand(d):
    c = mp.taylor(lambda x: mp.exp(x) * mp.cos(d['b'] * x), 0, 5)
    return [c[k] for k in d['pw']]


add(id='t48', kind=4, data=d, render=render, parse=parse, lib=lib, hand=hand,
    names=['coefficient of x^3', 'coefficient of x^4'], rels=[.005, .005],
    muts=[mset(('b',), lambda v: 2), mset(('pw', 0), lambda v: 2)],
    intent='Maclaurin coefficients of x^3 and x^4 in e^x cos x',
    tools=['series', 'dsl_run'])

# ---- t49 infinite sum
d = {'p': 2, 'r': 3}
render = lambda d: f"whats the sum of n^{d['p']}/{d['r']}^n for n = 1 to infinity"
parse = lambda q: {'f': grab(r'sum of (.+?) for n = 1 to infinity', q, str)}


def lib(d):
    f = d['f'] if 'f' in d else f"n^{d['p']}/{d['r']}^n"
    return [float(sp.summation(sym(f), (NN, 1, sp.oo)).evalf(30))]


hand = lambda d: [mp.nsum(lambda n: n ** d['p'] / mp.mpf(d['r']) ** n, [1, mp.inf])]
add(id='t49', kind=4, data=d, render=render, parse=parse, lib=lib, hand=hand,
    names=['sum'], rels=[.005],
    muts=[mset(('p',), lambda v: v + 1), mset(('r',), lambda v: v + 1)],
    intent='sum of the series n^2/3^n from n = 1 to infinity',
    tools=['evaluate', 'series', 'dsl_run'])

# ---- t50 transcendental equation, two real roots
d = {'b': 2, 'c': 3}
render = lambda d: f"Solve {d['b']}^x = {d['c']}x for real x. I think there are two solutions?"


def parse(q):
    m = re.search(r'Solve (.+?) = (.+?) for real x', q)
    return {'lhs': m[1], 'rhs': m[2]}


def lib(d):
    lhs, rhs = (d['lhs'], d['rhs']) if 'lhs' in d else (f"{d['b']}^x", f"{d['c']}x")
    g = sp.lambdify(X, sym(lhs) - sym(rhs), 'numpy')
    grid = np.linspace(-10, 10, 2001)
    vals = g(grid)
    roots = [optimize.brentq(g, grid[i], grid[i + 1], xtol=1e-14)
             for i in range(len(grid) - 1) if vals[i] * vals[i + 1] < 0]
    roots += [float(grid[i]) for i in range(len(grid)) if vals[i] == 0]
    assert len(roots) == 2
    return sorted(roots)


def hand(d):
    g = lambda x: mp.mpf(d['b']) ** x - d['c'] * x
    out = []
    for a in range(-10, 10):
        if g(mp.mpf(a) + 0.5) * g(mp.mpf(a) + 1.5) < 0:
            out.append(mp.findroot(g, (mp.mpf(a) + 0.5, mp.mpf(a) + 1.5), solver='anderson'))
    return sorted(out)


add(id='t50', kind=4, data=d, render=render, parse=parse, lib=lib, hand=hand,
    names=['smaller root', 'larger root'], rels=[.005, .005],
    muts=[mset(('c',), lambda v: v + 1), mset(('c',), lambda v: v + 2)],
    intent='real solutions of 2^x = 3x',
    tools=['solve', 'dsl_run'])

# ---- t51 3x3 linear system
while True:
    A = RNG.integers(-6, 7, (3, 3))
    b = RNG.integers(-12, 13, 3)
    if round(np.linalg.det(A)) != 0:
        sol = np.linalg.solve(A, b)
        if np.all(np.abs(sol) > 0.05):
            break
d = {'A': [ints(r) for r in A], 'b': ints(b)}


def lin_str(coefs):
    s = ""
    for c, v in zip(coefs, 'xyz'):
        if c == 0:
            continue
        mag = "" if abs(c) == 1 else str(abs(c))
        if not s:
            s = ("-" if c < 0 else "") + mag + v
        else:
            s += (" - " if c < 0 else " + ") + mag + v
    return s


def render(d):
    eqs = "\n".join(f"{lin_str(r)} = {bb}" for r, bb in zip(d['A'], d['b']))
    return "3 eqns, 3 unknowns, can't get it to come out:\n\n" + eqs + "\n\nx, y, z = ?"


def parse(q):
    A, b = [], []
    for ln in q.splitlines():
        m = re.fullmatch(r'([-+\dxyz ]+) = (-?\d+)', ln.strip())
        if m:
            e = sp.expand(sym(m[1]))
            A.append([int(e.coeff(v)) for v in (X, Y, sp.Symbol('z'))])
            b.append(int(m[2]))
    return {'A': A, 'b': b}


lib = lambda d: list(np.linalg.solve(np.array(d['A'], float), np.array(d['b'], float)))


def hand(d):
    A = [[F(v) for v in r] for r in d['A']]
    D = fdet(A)
    out = []
    for j in range(3):
        Aj = [r[:j] + [F(d['b'][i])] + r[j + 1:] for i, r in enumerate(A)]
        out.append(M(fdet(Aj) / D))
    return out


add(id='t51', kind=4, data=d, render=render, parse=parse, lib=lib, hand=hand,
    names=['x', 'y', 'z'], rels=[.005, .005, .005],
    muts=[mset(('b', 0)), mset(('b', 2), lambda v: v - 5)],
    intent='solve a 3x3 linear system',
    tools=['solve', 'matrix', 'dsl_run'])

# ---- t52 4x4 determinant
while True:
    A = RNG.integers(-5, 6, (4, 4))
    if round(np.linalg.det(A)) != 0:
        break
d = {'A': [ints(r) for r in A]}


def render(d):
    rows = "\n".join("[ " + " ".join(f"{v:>2}" for v in r) + " ]" for r in d['A'])
    return "What's det(M)?  M =\n\n" + rows


def parse(q):
    return {'A': [[int(v) for v in m.split()] for m in re.findall(r'^\[\s*(-?\d+(?:\s+-?\d+)*)\s*\]$', q, re.M)]}


lib = lambda d: [int(sp.Matrix(d['A']).det())]
hand = lambda d: [int(fdet(d['A']))]


def t52_extra(d, lib=lib):
    assert round(np.linalg.det(np.array(d['A'], float))) == lib(d)[0]


add(id='t52', kind=4, data=d, render=render, parse=parse, lib=lib, hand=hand,
    names=['determinant'], rels=[0],
    muts=[mset(('A', 0, 0)), mset(('A', 3, 2))], extra=t52_extra,
    intent='determinant of a 4x4 integer matrix',
    tools=['matrix', 'dsl_run'])

# ---- t53 3x3 inverse (three entries checked)
POS = [(0, 0), (1, 2), (2, 1)]
while True:
    A = RNG.integers(-4, 5, (3, 3))
    dt = int(round(np.linalg.det(A)))
    if abs(dt) in (1, 2, 4, 5, 8, 10):
        inv = np.linalg.inv(A)
        if all(abs(inv[i, j]) > 1e-9 for i, j in POS):
            break
d = {'A': [ints(r) for r in A]}
render = lambda d: "can u invert this 3x3 for me\n\nA = " + str(d['A'])


def parse(q):
    rows = re.search(r'A = \[(\[.+\])\]', q)[1]
    return {'A': [[int(v) for v in r.split(',')] for r in re.findall(r'\[([^\[\]]+)\]', rows)]}


def lib(d):
    inv = np.linalg.inv(np.array(d['A'], float))
    return [inv[i, j] for i, j in POS]


def hand(d):
    A = [[F(v) for v in r] for r in d['A']]
    D = fdet(A)
    cof = lambda i, j: (-1) ** (i + j) * fdet([r[:j] + r[j + 1:] for k, r in enumerate(A) if k != i])
    return [M(cof(j, i) / D) for i, j in POS]   # inverse = adj / det, adj[i][j] = cof(j, i)


add(id='t53', kind=4, data=d, render=render, parse=parse, lib=lib, hand=hand,
    names=['inverse[1,1]', 'inverse[2,3]', 'inverse[3,2]'], rels=[.005, .005, .005],
    muts=[mset(('A', 0, 0), lambda v: v + 2), mset(('A', 2, 2), lambda v: v + 3)],
    intent='inverse of a 3x3 integer matrix (three entries checked)',
    tools=['matrix', 'dsl_run'])

# ---- t54 eigenvalues of a symmetric 3x3
while True:
    B = RNG.integers(-3, 5, (3, 3))
    S = np.triu(B) + np.triu(B, 1).T
    ev = np.linalg.eigvalsh(S)
    if np.min(np.abs(ev)) > 0.2 and np.min(np.diff(ev)) > 0.2:
        break
d = {'S': [ints(r) for r in S]}


def render(d):
    rows = "\n".join("  ".join(f"{v:>3}" for v in r) for r in d['S'])
    return "eigenvalues of this symmetric matrix?\n\n" + rows


def parse(q):
    return {'S': [[int(v) for v in ln.split()] for ln in q.splitlines()
                  if re.fullmatch(r'\s*-?\d+\s+-?\d+\s+-?\d+\s*', ln)]}


lib = lambda d: sorted(np.linalg.eigvalsh(np.array(d['S'], float)).tolist())


def hand(d):
    A = [[F(v) for v in r] for r in d['S']]
    tr = sum(A[i][i] for i in range(3))
    m2 = sum(A[i][i] * A[j][j] - A[i][j] * A[j][i] for i, j in [(0, 1), (0, 2), (1, 2)])
    dt = fdet(A)
    roots = mp.polyroots([1, -M(tr), M(m2), -M(dt)], maxsteps=200, extraprec=200)
    return sorted(mp.re(r) for r in roots)


add(id='t54', kind=4, data=d, render=render, parse=parse, lib=lib, hand=hand,
    names=['smallest eigenvalue', 'middle eigenvalue', 'largest eigenvalue'], rels=[.005, .005, .005],
    muts=[mset(('S', 0, 0)), mset(('S', 2, 2), lambda v: v - 2)],
    intent='eigenvalues of a symmetric 3x3 integer matrix',
    tools=['matrix', 'dsl_run'])

# ---- t55 partial fractions
d = {'a': 5, 'b': 3, 'c': 1, 'e': 3}


def render(d):
    return (f"Partial fractions: write ({d['a']}x + {d['b']})/((x + {d['c']})(x - {d['e']})) as "
            f"A/(x + {d['c']}) + B/(x - {d['e']}). A = ?, B = ?")


def parse(q):
    m = re.search(r'write (.+?) as A/\((.+?)\) \+ B/\((.+?)\)\.', q)
    return {'f': m[1], 'dA': m[2], 'dB': m[3]}


def lib(d):
    if 'f' in d:
        f, dA, dB = sym(d['f']), sym(d['dA']), sym(d['dB'])
    else:
        f = sym(f"({d['a']}x + {d['b']})/((x + {d['c']})(x - {d['e']}))")
        dA, dB = sym(f"x + {d['c']}"), sym(f"x - {d['e']}")
    out = {}
    for term in sp.Add.make_args(sp.apart(f, X)):
        for key, den in (('A', dA), ('B', dB)):
            v = sp.cancel(term * den)
            if v.is_number:
                out[key] = float(v)
    return [out['A'], out['B']]


def hand(d):
    a, b, c, e = (F(d[k]) for k in 'abce')
    return [M((a * (-c) + b) / (-c - e)), M((a * e + b) / (e + c))]


add(id='t55', kind=4, data=d, render=render, parse=parse, lib=lib, hand=hand,
    names=['A', 'B'], rels=[.005, .005],
    muts=[mset(('b',)), mset(('a',))],
    intent='partial-fraction coefficients of (5x+3)/((x+1)(x-3))',
    tools=['simplify', 'dsl_run'])

# ---- t56 REFUSAL: determinant of a 3x4 matrix
d = {'A': [ints(r) for r in RNG.integers(-4, 5, (3, 4))]}


def render(d):
    return "det of this matrix? rows:\n\n" + "\n".join(" ".join(str(v) for v in r) for r in d['A'])


add(id='t56', kind=4, data=d, render=render, refuse=True,
    reason='The matrix is 3x4 (not square); a determinant is only defined for square matrices.',
    check=lambda d: len(d['A']) != len(d['A'][0]),
    intent='determinant of a non-square (3x4) matrix - refuse',
    tools=['matrix', 'dsl_run'])

# =============================================================================
# KIND 5 -- named tests that must not be substituted
# =============================================================================

# ---- t57 Mann-Whitney, normal approximation with continuity + tie correction
d = {'A': r1(RNG.normal(5.0, 0.8, 10)), 'B': r1(RNG.normal(5.8, 0.8, 12))}
assert len(set(d['A'] + d['B'])) < 22


def render(d):
    return ("Surface roughness Ra (µm), two polishing methods, batch 2024/117.\n"
            "method A | " + ", ".join(f"{v:.1f}" for v in d['A']) + "\n"
            "method B | " + ", ".join(f"{v:.1f}" for v in d['B']) + "\n\n"
            "Mann-Whitney U test, two-sided, using the normal approximation with continuity correction and the "
            "tie-corrected variance. U for method A, and p?")


def parse(q):
    return {'A': floats(grab(r'^method A \| (.+)$', q, str, re.M)), 'B': floats(grab(r'^method B \| (.+)$', q, str, re.M))}


def lib(d):
    r = st.mannwhitneyu(d['A'], d['B'], method='asymptotic', use_continuity=True, alternative='two-sided')
    return [r.statistic, r.pvalue]


def hand(d):
    a, b = d['A'], d['B']
    n1, n2 = len(a), len(b)
    N = n1 + n2
    U = sum(Fr(1) if x > y else Fr(1, 2) if x == y else Fr(0) for x in a for y in b)
    ties = sum(t ** 3 - t for t in Counter(a + b).values())
    s = mp.sqrt(M(Fr(n1 * n2, 12) * ((N + 1) - Fr(ties, N * (N - 1)))))
    umax = max(U, n1 * n2 - U)
    z = (M(umax) - mp.mpf(n1 * n2) / 2 - mp.mpf(1) / 2) / s
    return [M(U), 2 * (1 - mp.ncdf(z))]


def t57_extra(d, lib=lib):
    assert lib(d)[0] < len(d['A']) * len(d['B']) / 2


add(id='t57', kind=5, data=d, render=render, parse=parse, lib=lib, hand=hand,
    names=['U (method A)', 'p'], rels=[.005, .02],
    muts=[mswap(('A', 0), ('B', 0)), mswap(('A', 4), ('B', 7))], extra=t57_extra,
    intent='Mann-Whitney U, normal approximation with continuity and tie correction',
    tools=['mann_whitney', 'dsl_run'])

# ---- t58 Wilcoxon signed-rank, exact, paired
d = {'ids': [f"W{i + 1}" for i in range(11)], 'am': r2(RNG.normal(30, 3, 11))}
d['pm'] = r2(np.array(d['am']) + RNG.normal(1.5, 1.5, 11))
_dd = [round(a - b, 2) for a, b in zip(d['am'], d['pm'])]
assert 0 not in _dd and len(set(abs(v) for v in _dd)) == 11


def render(d):
    body = "\n".join(f"{i}\t{a:.2f}\t{b:.2f}" for i, a, b in zip(d['ids'], d['am'], d['pm']))
    return ("grip strength (kg) for 11 workers, same people morning and evening:\n\nworker\tmorning\tevening\n" + body +
            "\n\nWilcoxon signed-rank test on morning minus evening, exact two-sided p. Report the signed-rank "
            "statistic (sum of ranks of the positive differences) and p.")


def parse(q):
    rows = re.findall(r'^(W\d+)\t(\d+\.\d+)\t(\d+\.\d+)$', q, re.M)
    return {'ids': [r[0] for r in rows], 'am': [float(r[1]) for r in rows], 'pm': [float(r[2]) for r in rows]}


def lib(d):
    r = st.wilcoxon(d['am'], d['pm'], method='exact')
    return [r.statistic, r.pvalue]


def hand(d):
    diff = [F(a) - F(b) for a, b in zip(d['am'], d['pm'])]
    diff = [v for v in diff if v != 0]
    rk = avg_ranks([abs(v) for v in diff])
    wplus = sum((r for r, v in zip(rk, diff) if v > 0), Fr(0))
    n = len(diff)
    tot = n * (n + 1) // 2
    w = min(wplus, tot - wplus)
    assert all(r.denominator == 1 for r in rk)
    cnt = Counter({0: 1})
    for r in range(1, n + 1):
        new = Counter(cnt)
        for s, c in cnt.items():
            new[s + r] += c
        cnt = new
    p = min(Fr(1), 2 * Fr(sum(c for s, c in cnt.items() if s <= w), 2 ** n))
    assert wplus == w  # the positive-rank sum is the smaller one, so it is also scipy's statistic
    return [M(wplus), M(p)]


add(id='t58', kind=5, data=d, render=render, parse=parse, lib=lib, hand=hand,
    names=['W+', 'p'], rels=[.005, .02],
    muts=[mswap(('am', 0), ('pm', 0)), mset(('pm', 3), lambda v: round(v - 6.0, 2))],
    intent='exact Wilcoxon signed-rank test on paired morning/evening values',
    tools=['wilcoxon_signed_rank', 'dsl_run'])

# ---- t59 Kruskal-Wallis
d = {'North': r1(RNG.normal(4.2, 1.1, 7)), 'South': r1(RNG.normal(5.1, 1.1, 8)), 'East': r1(RNG.normal(3.6, 1.1, 6))}


def render(d):
    body = "\n".join(f"- {k}: " + ", ".join(f"{v:.1f}" for v in d[k]) for k in ('North', 'South', 'East'))
    return ("Waiting times (min) at three clinics, random sample of patients on 14 Feb:\n" + body +
            "\n\nKruskal-Wallis test please (tie-corrected H, chi-square approximation). H and p?")


def parse(q):
    return {k: floats(v) for k, v in re.findall(r'^- (\w+): (.+)$', q, re.M)}


def lib(d):
    r = st.kruskal(d['North'], d['South'], d['East'])
    return [r.statistic, r.pvalue]


def hand(d):
    gs = [d['North'], d['South'], d['East']]
    allv = [v for g in gs for v in g]
    N = len(allv)
    rk = avg_ranks(allv)
    pos = 0
    s = Fr(0)
    for g in gs:
        R = sum(rk[pos:pos + len(g)], Fr(0))
        s += R ** 2 / len(g)
        pos += len(g)
    H = Fr(12, N * (N + 1)) * s - 3 * (N + 1)
    H /= 1 - Fr(sum(t ** 3 - t for t in Counter(allv).values()), N ** 3 - N)
    return [M(H), sf_chi2(M(H), len(gs) - 1)]


add(id='t59', kind=5, data=d, render=render, parse=parse, lib=lib, hand=hand,
    names=['H', 'p'], rels=[.005, .02],
    muts=[mswap(('North', 0), ('South', 0)), mswap(('East', 1), ('South', 2))],
    intent='Kruskal-Wallis H (tie-corrected) across three clinics',
    tools=['kruskal_wallis', 'dsl_run'])

# ---- t60 Welch t from summary statistics
d = {'m1': round(float(RNG.normal(102, 2)), 1), 's1': round(float(RNG.uniform(7, 9)), 1), 'n1': 14,
     'm2': round(float(RNG.normal(95, 2)), 1), 's2': round(float(RNG.uniform(14, 17)), 1), 'n2': 10}


def render(d):
    return ("I only have the summary numbers from the report (tables 3 & 4):\n\n"
            f"site 1: n = {d['n1']}, mean = {d['m1']:.1f}, sd = {d['s1']:.1f}\n"
            f"site 2: n = {d['n2']}, mean = {d['m2']:.1f}, sd = {d['s2']:.1f}\n\n"
            "Welch's t-test (unequal variances) - t, df, p.")


def parse(q):
    out = {}
    for i, n, m, s in re.findall(r'^site (\d): n = (\d+), mean = (\d+\.\d), sd = (\d+\.\d)$', q, re.M):
        out.update({'n' + i: int(n), 'm' + i: float(m), 's' + i: float(s)})
    return out


def lib(d):
    r = st.ttest_ind_from_stats(d['m1'], d['s1'], d['n1'], d['m2'], d['s2'], d['n2'], equal_var=False)
    a, b = d['s1'] ** 2 / d['n1'], d['s2'] ** 2 / d['n2']
    df = (a + b) ** 2 / (a ** 2 / (d['n1'] - 1) + b ** 2 / (d['n2'] - 1))
    return [abs(r.statistic), df, r.pvalue]


hand = lambda d: hand_welch(F(d['m1']), F(d['s1']) ** 2, d['n1'], F(d['m2']), F(d['s2']) ** 2, d['n2'])
add(id='t60', kind=5, data=d, render=render, parse=parse, lib=lib, hand=hand,
    names=['|t|', 'df', 'p'], rels=[.005, .005, .02],
    muts=[mset(('m1',), lambda v: round(v + 3, 1)), mset(('s2',), lambda v: round(v + 4, 1))],
    intent="Welch's t-test from summary statistics (n, mean, sd per site)",
    tools=['summary_t_test', 'dsl_run'])

# ---- t61 Fisher exact 2x2
d = {'coated': [int(RNG.binomial(12, .25))], 'uncoated': [int(RNG.binomial(13, .65))]}
d['coated'].append(12 - d['coated'][0])
d['uncoated'].append(13 - d['uncoated'][0])


def render(d):
    return ("Small trial, coated vs uncoated brackets in the salt-spray cabinet (cabinet 2, 96 h):\n\n"
            "           failed   ok\n"
            f"coated     {d['coated'][0]:>6}  {d['coated'][1]:>3}\n"
            f"uncoated   {d['uncoated'][0]:>6}  {d['uncoated'][1]:>3}\n\n"
            "Fisher's exact test: the two-sided p, and the one-sided p for 'coated fails less often'.")


def parse(q):
    return {k: [int(a), int(b)] for k, a, b in re.findall(r'^(coated|uncoated)\s+(\d+)\s+(\d+)$', q, re.M)}


def lib(d):
    t = [d['coated'], d['uncoated']]
    return [st.fisher_exact(t).pvalue, st.fisher_exact(t, alternative='less').pvalue]


def hand(d):
    (a, b), (c, e) = d['coated'], d['uncoated']
    r1_, c1, N = a + b, a + c, a + b + c + e
    pmf = {x: Fr(math.comb(r1_, x) * math.comb(N - r1_, c1 - x), math.comb(N, c1))
           for x in range(max(0, c1 - (N - r1_)), min(r1_, c1) + 1)}
    two = sum(v for v in pmf.values() if v <= pmf[a])
    less = sum(v for x, v in pmf.items() if x <= a)
    return [M(two), M(less)]


add(id='t61', kind=5, data=d, render=render, parse=parse, lib=lib, hand=hand,
    names=['p (two-sided)', 'p (one-sided)'], rels=[.02, .02],
    muts=[mset(('coated', 0), lambda v: v + 1), mset(('uncoated', 1), lambda v: v + 2)],
    intent="Fisher's exact test on a 2x2 table, two-sided and one-sided p",
    tools=['proportion_test', 'dsl_run'])

# ---- t62 exact binomial + Clopper-Pearson
d = {'k': int(RNG.binomial(60, .11)), 'n': 60, 'p0': 5}


def render(d):
    return (f"Supplier promises no more than {d['p0']}% defective. We found {d['k']} bad in a random sample of "
            f"{d['n']} from lot 88-1042. Exact binomial test (not the normal approximation), one-sided: is the defect "
            f"rate higher than {d['p0']}%? p-value, plus the 95% Clopper-Pearson interval for the defect rate.")


def parse(q):
    m = re.search(r'found (\d+) bad in a random sample of (\d+)', q)
    return {'k': int(m[1]), 'n': int(m[2]), 'p0': grab(r'no more than (\d+)% defective', q, int)}


def lib(d):
    p = st.binomtest(d['k'], d['n'], d['p0'] / 100, alternative='greater').pvalue
    ci = st.binomtest(d['k'], d['n']).proportion_ci(0.95, method='exact')
    return [p, ci.low, ci.high]


def hand(d):
    k, n = d['k'], d['n']
    p0 = Fr(d['p0'], 100)
    pv = sum(math.comb(n, j) * p0 ** j * (1 - p0) ** (n - j) for j in range(k, n + 1))
    upper_tail = lambda p: mp.fsum(mp.binomial(n, j) * p ** j * (1 - p) ** (n - j) for j in range(k, n + 1))
    lo = mp_bisect(lambda p: upper_tail(p) - mp.mpf('0.025'), mp.mpf('1e-9'), mp.mpf(k) / n)
    hi = mp_bisect(lambda p: (1 - upper_tail(p)) + mp.binomial(n, k) * p ** k * (1 - p) ** (n - k)
                   - mp.mpf('0.025'), mp.mpf(k) / n, 1 - mp.mpf('1e-9'))
    return [M(pv), lo, hi]


add(id='t62', kind=5, data=d, render=render, parse=parse, lib=lib, hand=hand,
    names=['p (one-sided)', 'CI lower', 'CI upper'], rels=[.02, .005, .005],
    muts=[mset(('k',), lambda v: v + 2), mset(('n',), lambda v: v + 20)],
    intent='exact binomial test (one-sided, greater) with Clopper-Pearson 95% interval',
    tools=['proportion_test', 'dsl_run'])

# ---- t63 Brown-Forsythe
d = {'M1': r2(RNG.normal(10, 0.2, 8)), 'M2': r2(RNG.normal(10, 0.35, 8)), 'M3': r2(RNG.normal(10, 0.6, 8))}


def render(d):
    body = "\n".join(f"{k}  " + " ".join(f"{v:.2f}" for v in d[k]) for k in ('M1', 'M2', 'M3'))
    return ("Fill weights (g) from three machines, 8 each:\n\n" + body +
            "\n\nBrown-Forsythe test (Levene's test centred on the medians) for equal variances. statistic + p pls")


parse = lambda q: {k: floats(v) for k, v in re.findall(r'^(M\d)  (.+)$', q, re.M)}


def lib(d):
    r = st.levene(d['M1'], d['M2'], d['M3'], center='median')
    return [r.statistic, r.pvalue]


def hand(d):
    gs = [[abs(F(v) - fmedian(g)) for v in g] for g in (d['M1'], d['M2'], d['M3'])]
    return list(hand_oneway(gs))


add(id='t63', kind=5, data=d, render=render, parse=parse, lib=lib, hand=hand,
    names=['W (Brown-Forsythe F)', 'p'], rels=[.005, .02],
    muts=[mset(('M1', 0)), mset(('M3', -1))],
    intent='Brown-Forsythe (median-centred Levene) test of equal variances across three machines',
    tools=['levene', 'dsl_run'])

# ---- t64 Bartlett
d = {f"oven{i + 1}": r1(RNG.normal(0, s, n)) for i, (s, n) in enumerate([(1.0, 6), (1.6, 7), (0.9, 6), (2.2, 8)])}


def render(d):
    body = "\n".join(f"{k} = [" + ", ".join(f"{v:.1f}" for v in d[k]) + "]" for k in sorted(d))
    return ("temperature deviation from setpoint (°C), spot checks on four ovens:\n\n" + body +
            "\n\nBartlett's test for equal variances across the four ovens - statistic and p?")


parse = lambda q: {k: floats(v) for k, v in re.findall(r'^(oven\d) = \[(.+)\]$', q, re.M)}


def lib(d):
    r = st.bartlett(*[d[k] for k in sorted(d)])
    return [r.statistic, r.pvalue]


def hand(d):
    gs = [d[k] for k in sorted(d)]
    k = len(gs)
    N = sum(len(g) for g in gs)
    sp2 = sum((fss(g) for g in gs), Fr(0)) / (N - k)
    num = (N - k) * mp.log(M(sp2)) - mp.fsum((len(g) - 1) * mp.log(M(fvar(g))) for g in gs)
    den = 1 + (sum((Fr(1, len(g) - 1) for g in gs), Fr(0)) - Fr(1, N - k)) / (3 * (k - 1))
    T = num / M(den)
    return [T, sf_chi2(T, k - 1)]


add(id='t64', kind=5, data=d, render=render, parse=parse, lib=lib, hand=hand,
    names=['Bartlett statistic', 'p'], rels=[.005, .02],
    muts=[mset(('oven1', 0)), mset(('oven4', -1))],
    intent="Bartlett's test of equal variances across four groups",
    tools=['variance_test', 'dsl_run'])

# ---- t65 F test of two variances
d = {'X': r2(RNG.normal(50, 1.8, 10)), 'Z': r2(RNG.normal(50, 0.9, 9))}


def render(d):
    return ("two suppliers, same part, thickness (mm)\n"
            f"supplier X ({len(d['X'])} pcs): " + " ".join(f"{v:.2f}" for v in d['X']) + "\n"
            f"supplier Z ({len(d['Z'])} pcs): " + " ".join(f"{v:.2f}" for v in d['Z']) + "\n\n"
            "F test for equality of the two variances, supplier X's variance on top (F = s_X^2/s_Z^2), two-sided p.")


def parse(q):
    return {'X': floats(grab(r'^supplier X \(\d+ pcs\): (.+)$', q, str, re.M)),
            'Z': floats(grab(r'^supplier Z \(\d+ pcs\): (.+)$', q, str, re.M))}


def lib(d):
    f = np.var(d['X'], ddof=1) / np.var(d['Z'], ddof=1)
    d1, d2 = len(d['X']) - 1, len(d['Z']) - 1
    return [f, 2 * min(st.f.cdf(f, d1, d2), st.f.sf(f, d1, d2))]


def hand(d):
    f = M(fvar(d['X']) / fvar(d['Z']))
    d1, d2 = len(d['X']) - 1, len(d['Z']) - 1
    return [f, 2 * min(cdf_F(f, d1, d2), sf_F(f, d1, d2))]


add(id='t65', kind=5, data=d, render=render, parse=parse, lib=lib, hand=hand,
    names=['F', 'p'], rels=[.005, .02],
    muts=[mset(('X', 0)), mset(('Z', -1))],
    intent='F test of two variances with a stated numerator, two-sided p',
    tools=['variance_test', 'dsl_run'])

# ---- t66 Spearman
d = {'x': r2(RNG.uniform(10, 40, 12))}
d['y'] = r2(8 + 0.5 * np.array(d['x']) + RNG.normal(0, 6, 12))
assert len(set(d['x'])) == 12 and len(set(d['y'])) == 12


def render(d):
    pairs = ", ".join(f"({a:.2f}, {b:.2f})" for a, b in zip(d['x'], d['y']))
    return ("weekly (ad spend k$, new sign-ups in hundreds) for the last 12 weeks:\n" + pairs +
            "\n\nSpearman rank correlation with its p-value (t approximation, two-sided).")


def parse(q):
    pr = re.findall(r'\((\d+\.\d+), (\d+\.\d+)\)', q)
    return {'x': [float(a) for a, _ in pr], 'y': [float(b) for _, b in pr]}


def lib(d):
    r = st.spearmanr(d['x'], d['y'])
    return [r.statistic, r.pvalue]


def hand(d):
    rx, ry = avg_ranks(d['x']), avg_ranks(d['y'])
    n = len(rx)
    rho = 1 - Fr(6) * sum(((a - b) ** 2 for a, b in zip(rx, ry)), Fr(0)) / (n * (n * n - 1))
    t = M(rho) * mp.sqrt((n - 2) / (1 - M(rho) ** 2))
    return [M(rho), p_t2(t, n - 2)]


add(id='t66', kind=5, data=d, render=render, parse=parse, lib=lib, hand=hand,
    names=['rho', 'p'], rels=[.005, .02],
    muts=[mswap(('y', 0), ('y', 1)), mswap(('x', 4), ('x', 9))],
    intent='Spearman rank correlation with t-approximation p',
    tools=['correlation', 'dsl_run'])

# ---- t67 Kendall tau, exact
while True:      # redraw until there are no ties (exact Kendall p needs none)
    d = {'j1': r2(RNG.uniform(5, 9.5, 9))}
    d['j2'] = r2(np.array(d['j1']) + RNG.normal(0, 0.9, 9))
    if len(set(d['j1'])) == 9 and len(set(d['j2'])) == 9:
        break


def render(d):
    return ("Two judges scored the same 9 wines (flight 3, tasting on 2 Sept), in the same wine order:\n"
            "judge 1: " + "  ".join(f"{v:.2f}" for v in d['j1']) + "\n"
            "judge 2: " + "  ".join(f"{v:.2f}" for v in d['j2']) + "\n\n"
            "Kendall's tau(-b) between the judges with the exact two-sided p-value.")


def parse(q):
    return {'j1': floats(grab(r'^judge 1: (.+)$', q, str, re.M)), 'j2': floats(grab(r'^judge 2: (.+)$', q, str, re.M))}


def lib(d):
    r = st.kendalltau(d['j1'], d['j2'], method='exact')
    return [r.statistic, r.pvalue]


def hand(d):
    a, b = d['j1'], d['j2']
    n = len(a)
    conc = sum(1 for i, j in itertools.combinations(range(n), 2) if (a[i] - a[j]) * (b[i] - b[j]) > 0)
    disc = sum(1 for i, j in itertools.combinations(range(n), 2) if (a[i] - a[j]) * (b[i] - b[j]) < 0)
    tot = n * (n - 1) // 2
    assert conc + disc == tot
    tau = Fr(conc - disc, tot)
    mah = [1]                                   # Mahonian numbers: permutations by number of inversions
    for m in range(2, n + 1):
        new = [0] * (len(mah) + m - 1)
        for k, c in enumerate(mah):
            for j in range(m):
                new[k + j] += c
        mah = new
    c = min(disc, tot - disc)
    p = min(Fr(1), 2 * Fr(sum(mah[:c + 1]), math.factorial(n)))
    return [M(tau), M(p)]


add(id='t67', kind=5, data=d, render=render, parse=parse, lib=lib, hand=hand,
    names=['tau', 'p'], rels=[.005, .02],
    muts=[mswap(('j2', 0), ('j2', 1)), mswap(('j1', 2), ('j1', 7))],
    intent="Kendall's tau-b with exact p between two judges",
    tools=['correlation', 'dsl_run'])

# ---- t68 Shapiro-Wilk
d = {'x': r2(10 + RNG.gamma(4, 1.5, 20))}


def render(d):
    rows = "\n".join("\t".join(f"{v:.2f}" for v in d['x'][i:i + 5]) for i in range(0, 20, 5))
    return ("Is this sample normal? Shapiro-Wilk, W and p please. (resistances in ohms, reel 3, 2024-02-11)\n\n" + rows)


parse = lambda q: {'x': [v for ln in q.splitlines() if re.fullmatch(r'(\d+\.\d+\t?)+', ln) for v in floats(ln)]}


def lib(d):
    r = st.shapiro(d['x'])
    return [r.statistic, r.pvalue]


def hand(d):
    """Royston (1992/1995) algorithm AS R94, written out with mpmath"""
    x = sorted(M(v) for v in d['x'])
    n = len(x)
    m = [mp.sqrt(2) * mp.erfinv(2 * ((i - mp.mpf('0.375')) / (n + mp.mpf('0.25'))) - 1) for i in range(1, n + 1)]
    mm = mp.fsum(v ** 2 for v in m)
    u = 1 / mp.sqrt(n)
    c = [v / mp.sqrt(mm) for v in m]
    an = c[-1] + 0.221157 * u - 0.147981 * u ** 2 - 2.071190 * u ** 3 + 4.434685 * u ** 4 - 2.706056 * u ** 5
    an1 = c[-2] + 0.042981 * u - 0.293762 * u ** 2 - 1.752461 * u ** 3 + 5.682633 * u ** 4 - 3.582633 * u ** 5
    phi = (mm - 2 * m[-1] ** 2 - 2 * m[-2] ** 2) / (1 - 2 * an ** 2 - 2 * an1 ** 2)
    a = [v / mp.sqrt(phi) for v in m]
    a[-1], a[-2], a[0], a[1] = an, an1, -an, -an1
    xm = mp.fsum(x) / n
    W = mp.fsum(ai * xi for ai, xi in zip(a, x)) ** 2 / mp.fsum((xi - xm) ** 2 for xi in x)
    ln = mp.log(n)
    mu = 0.0038915 * ln ** 3 - 0.083751 * ln ** 2 - 0.31082 * ln - 1.5861
    sg = mp.exp(0.0030302 * ln ** 2 - 0.082676 * ln - 0.4803)
    z = (mp.log(1 - W) - mu) / sg
    return [W, 1 - mp.ncdf(z)]


add(id='t68', kind=5, data=d, render=render, parse=parse, lib=lib, hand=hand,
    names=['W', 'p'], rels=[.005, .02],
    muts=[mset(('x', 0)), mset(('x', 13))],
    intent='Shapiro-Wilk normality test (W and p)',
    tools=['normality', 'dsl_run'])

# ---- t69 Welch ANOVA, CSV with ragged columns
d = {'lab_A': r1(RNG.normal(20, 1, 8)), 'lab_B': r1(RNG.normal(22, 3, 10)), 'lab_C': r1(RNG.normal(19.5, 2, 7))}


def render(d):
    keys = ['lab_A', 'lab_B', 'lab_C']
    L = max(len(d[k]) for k in keys)
    rows = [",".join(f"{d[k][i]:.1f}" if i < len(d[k]) else "" for k in keys) for i in range(L)]
    return ("round-robin results (same reference sample), columns are labs, blanks = no more results:\n\n"
            + ",".join(keys) + "\n" + "\n".join(rows) +
            "\n\nWelch's ANOVA please (variances clearly differ between labs): F, the denominator df, and p?")


def parse(q):
    lines = q.splitlines()
    h = [i for i, ln in enumerate(lines) if ln.startswith('lab_A,')][0]
    keys = lines[h].split(',')
    out = {k: [] for k in keys}
    for ln in lines[h + 1:]:
        if ln.count(',') != len(keys) - 1:
            break
        for k, c in zip(keys, ln.split(',')):
            if c:
                out[k].append(float(c))
    return out


def lib(d):
    r = anova_oneway([d['lab_A'], d['lab_B'], d['lab_C']], use_var='unequal')
    return [r.statistic, r.df[1], r.pvalue]


def hand(d):
    gs = [d['lab_A'], d['lab_B'], d['lab_C']]
    k = len(gs)
    w = [Fr(len(g)) / fvar(g) for g in gs]
    W = sum(w)
    yw = sum(wi * fmean(g) for wi, g in zip(w, gs)) / W
    A = sum(wi * (fmean(g) - yw) ** 2 for wi, g in zip(w, gs)) / (k - 1)
    lam = sum((1 - wi / W) ** 2 / (len(g) - 1) for wi, g in zip(w, gs))
    B = 1 + Fr(2 * (k - 2), k * k - 1) * lam
    f = A / B
    df2 = Fr(k * k - 1) / (3 * lam)
    return [M(f), M(df2), sf_F(M(f), k - 1, M(df2))]


add(id='t69', kind=5, data=d, render=render, parse=parse, lib=lib, hand=hand,
    names=['F', 'df2', 'p'], rels=[.005, .005, .02],
    muts=[mset(('lab_A', 0)), mset(('lab_B', -1))],
    intent="Welch's ANOVA from a CSV with ragged columns",
    tools=['anova_oneway', 'dsl_run'])

# ---- t70 REFUSAL: signed-rank with unequal lengths
d = {'before': r1(RNG.normal(62, 4, 9)), 'after': r1(RNG.normal(60, 4, 8))}


def render(d):
    return ("Wilcoxon signed-rank on before vs after for the same operators please (exact p):\n"
            "before: " + ", ".join(f"{v:.1f}" for v in d['before']) + "\n"
            "after:  " + ", ".join(f"{v:.1f}" for v in d['after']))


add(id='t70', kind=5, data=d, render=render, refuse=True,
    reason='Paired test requested but "before" has 9 values and "after" has 8; the pairs cannot be formed '
           '(one operator has no after value and it is not said which).',
    check=lambda d: len(d['before']) != len(d['after']),
    intent='paired Wilcoxon signed-rank asked with unequal-length before/after lists - refuse',
    tools=['wilcoxon_signed_rank', 'dsl_run'])


# ============================================================================= checks + output


def run_checks():
    assert [q['id'] for q in QS] == [f"t{i:02d}" for i in range(1, 71)]
    report = {}
    for q in QS:
        text = q['render'](q['data'])
        q['question'] = text
        if q['refuse']:
            assert q['check'](q['data']), q['id']
            q['expect'] = []
            continue
        a = [float(v) for v in q['lib'](q['data'])]
        b = [float(v) for v in q['hand'](q['data'])]
        assert len(a) == len(b) == len(q['names']) == len(q['rels']), q['id']
        # (b) hand vs library
        for name, va, vb, rel in zip(q['names'], a, b, q['rels']):
            if rel == 0:
                assert float(va).is_integer() and va == vb, (q['id'], name, va, vb)
            else:
                assert close(va, vb, 1e-4), (q['id'], name, va, vb)
            if name.startswith('p') and name != 'power':
                assert 1e-4 < va < 0.99, (q['id'], name, va)
        # (c) re-parse from the text
        pd_ = q['parse'](text)
        c = [float(v) for v in q['lib'](pd_)]
        assert all(close(x, y, 1e-9) for x, y in zip(a, c)), (q['id'], a, c)
        # mutation test of the parser
        assert len(q['muts']) >= 1, q['id']
        for mut in q['muts']:
            d2 = mut(q['data'])
            t2 = q['render'](d2)
            assert t2 != text, q['id']
            c2 = [float(v) for v in q['lib'](q['parse'](t2))]
            assert any(not close(x, y, 1e-9) for x, y in zip(a, c2)), (q['id'], 'mutation not detected')
        if 'extra' in q:
            q['extra'](q['data'])
        q['expect'] = [{'what': n, 'value': int(v) if r == 0 else sig(v), 'rel': r}
                       for n, v, r in zip(q['names'], a, q['rels'])]
        report[q['id']] = a
    return report


def main():
    run_checks()
    lines = []
    for q in QS:
        obj = {'id': q['id'], 'kind': q['kind'], 'question': q['question'], 'intent': q['intent'],
               'tools': q['tools'], 'expect': q['expect'], 'refuse': q['refuse']}
        lines.append(json.dumps(obj, ensure_ascii=False))
    out = "\n".join(lines) + "\n"
    with open(os.path.join(HERE, 'round27.jsonl'), 'w', encoding='utf-8') as fh:
        fh.write(out)
    kinds = Counter(q['kind'] for q in QS)
    meta = {
        'round': 27,
        'seed': 27270827,
        'n_questions': len(QS),
        'counts_by_kind': {str(k): kinds[k] for k in sorted(kinds)},
        'refusals_by_kind': {str(k): sum(1 for q in QS if q['kind'] == k and q['refuse']) for k in sorted(kinds)},
        'n_refusals': sum(q['refuse'] for q in QS),
        'n_expectations': sum(len(q['expect']) for q in QS),
        'refusal_reasons': {q['id']: q['reason'] for q in QS if q['refuse']},
        'loosened_tolerance': {},
        'tolerances': {'statistics/limits/coefficients': 0.005, 'p-values': 0.02, 'integers': 0},
        'checks': ['(a) library', '(b) independent hand computation, 1e-4 relative, integers exact',
                   '(c) re-parse from question text, 1e-9, with parser mutation tests'],
        'md5_round27_jsonl': hashlib.md5(out.encode('utf-8')).hexdigest(),
    }
    with open(os.path.join(HERE, 'round27_meta.json'), 'w', encoding='utf-8') as fh:
        json.dump(meta, fh, indent=2, ensure_ascii=False)
        fh.write("\n")
    print(f"wrote {len(QS)} questions, {meta['n_refusals']} refusals, {meta['n_expectations']} expectations; "
          f"md5 {meta['md5_round27_jsonl']}")


if __name__ == '__main__':
    main()
