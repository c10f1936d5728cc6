#!/usr/bin/env python3
# -*- coding: utf-8 -*-
"""make_round28.py -- builds the round-28 blind evaluation set for HAVOC.

Run with:  python make_round28.py  (the repository's .venv/bin/python)
Writes round28.jsonl and round28_meta.json next to this script.

Every question is one `add(...)` call holding
  * data     -- the numbers of the question (random ones drawn from
                numpy.random.default_rng(28280928) and rounded; the rounded
                values ARE the data),
  * render   -- data -> question text,
  * parse    -- question text -> data (regex / sympy), used for the re-parse check,
  * compute  -- (a) library computation (scipy / statsmodels / sympy / numpy),
  * hand     -- (b) independent computation (Fractions, mpmath, enumeration,
                closed forms),
and the checks at the bottom assert, for every non-refusal,
  (a) == (b) to 1e-4 relative (integers exactly),
  (c) compute(parse(render(data))) == compute(data) to 1e-9, and parse(render(data)) == data,
  mutation: perturbing a data value, re-rendering and re-parsing gives back the
            perturbed data and (for at least one value) a different result.
Nothing from the HAVOC repository is imported or run.
"""
import copy
import datetime
import hashlib
import itertools
import json
import math
import os
import re
import sys
import warnings
from fractions import Fraction as Fr

import numpy as np
import scipy.stats as st
from scipy import integrate as sint
import mpmath as mp
import sympy as sp
from sympy.parsing.sympy_parser import (parse_expr, standard_transformations,
                                        implicit_multiplication_application, convert_xor)
import pandas as pd
import statsmodels.api as sm
from statsmodels.formula.api import ols
from statsmodels.stats.anova import anova_lm
from statsmodels.stats.power import TTestIndPower, FTestAnovaPower
from statsmodels.stats.proportion import proportions_ztest
from statsmodels.stats.oneway import anova_oneway

warnings.filterwarnings("ignore")
mp.mp.dps = 30
HERE = os.path.dirname(os.path.abspath(__file__))
SEED = 28280928
RNG = np.random.default_rng(SEED)

S, P, I = 0.005, 0.02, 0          # tolerances: statistics / p-values / integers
NUM = r'-?\d+(?:\.\d+)?'

# ----------------------------------------------------------------------------
# small helpers
# ----------------------------------------------------------------------------


def R1(a):
    return [round(float(v), 1) for v in np.atleast_1d(a)]


def R2(a):
    return [round(float(v), 2) for v in np.atleast_1d(a)]


def ints(a):
    return [int(v) for v in np.atleast_1d(a)]


def F(v):
    """exact Fraction of a data value (floats via their shortest decimal repr)"""
    if isinstance(v, Fr):
        return v
    if isinstance(v, (int, np.integer)):
        return Fr(int(v))
    return Fr(repr(float(v)))


def M(x):
    """Fraction / number -> mpf"""
    if isinstance(x, Fr):
        return mp.mpf(x.numerator) / x.denominator
    return mp.mpf(x)


def fl(s):
    return [float(t) for t in re.findall(NUM, s)]


def grab(pattern, text, flags=0):
    m = re.search(pattern, text, flags)
    if not m:
        raise ValueError("pattern not found: " + pattern)
    return m


WORDS = ("zero one two three four five six seven eight nine ten eleven twelve thirteen "
         "fourteen fifteen sixteen seventeen eighteen nineteen twenty").split()


def word(n):
    return WORDS[n] if 0 <= n < len(WORDS) else str(n)


def unword(tok):
    tok = tok.lower()
    return WORDS.index(tok) if tok in WORDS else int(tok)


# ---------- hand (mpmath) distribution functions ----------

def h_t_p2(t, df):
    """two-sided p of Student t via the regularized incomplete beta"""
    t, df = M(t), M(df)
    return mp.betainc(df / 2, mp.mpf(1) / 2, 0, df / (df + t * t), regularized=True)


def h_t_cdf(t, df):
    p2 = h_t_p2(t, df)
    return 1 - p2 / 2 if M(t) >= 0 else p2 / 2


def h_f_sf(x, d1, d2):
    x, d1, d2 = M(x), M(d1), M(d2)
    return mp.betainc(d2 / 2, d1 / 2, 0, d2 / (d2 + d1 * x), regularized=True)


def h_bisect(f, a, b, it=120):
    """root of an increasing function on [a, b] by bisection"""
    a, b = mp.mpf(a), mp.mpf(b)
    for _ in range(it):
        c = (a + b) / 2
        if f(c) < 0:
            a = c
        else:
            b = c
    return (a + b) / 2


def h_chi2_sf(x, k):
    return mp.gammainc(M(k) / 2, M(x) / 2, mp.inf, regularized=True)


def h_norm_sf(z):
    return mp.erfc(M(z) / mp.sqrt(2)) / 2


def h_norm_ppf(p):
    return mp.sqrt(2) * mp.erfinv(2 * M(p) - 1)


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


def avg_ranks(vals):
    """average ranks (Fractions) of a list, ties get the mean rank"""
    vals = [F(v) for v in vals]
    order = sorted(range(len(vals)), key=lambda i: vals[i])
    ranks = [None] * len(vals)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and vals[order[j + 1]] == vals[order[i]]:
            j += 1
        r = Fr(i + 1 + j + 1, 2)
        for kk in range(i, j + 1):
            ranks[order[kk]] = r
        i = j + 1
    return ranks


def tie_counts(vals):
    c = {}
    for v in vals:
        c[F(v)] = c.get(F(v), 0) + 1
    return [t for t in c.values() if t > 1]


def h_pearson(x, y):
    x = [F(v) for v in x]
    y = [F(v) for v in y]
    mx, my = fmean(x), fmean(y)
    sxy = sum(((a - mx) * (b - my) for a, b in zip(x, y)), Fr(0))
    sxx = sum(((a - mx) ** 2 for a in x), Fr(0))
    syy = sum(((b - my) ** 2 for b in y), Fr(0))
    return M(sxy) / mp.sqrt(M(sxx) * M(syy))


def h_oneway(groups):
    allv = [F(v) for g in groups for v in g]
    gm = fmean(allv)
    ssb = sum((len(g) * (fmean(g) - gm) ** 2 for g in groups), Fr(0))
    ssw = sum((fss(g) for g in groups), Fr(0))
    k, N = len(groups), len(allv)
    Fst = (ssb / (k - 1)) / (ssw / (N - k))
    return Fst, k - 1, N - k


# ---------- SPC constants (standard tables) ----------
SPC = {  # n: (A2, D3, D4, A3, B3, B4, d2, c4)
    2: (1.880, 0.0, 3.267, 2.659, 0.0, 3.267, 1.128, 0.7979),
    3: (1.023, 0.0, 2.574, 1.954, 0.0, 2.568, 1.693, 0.8862),
    4: (0.729, 0.0, 2.282, 1.628, 0.0, 2.266, 2.059, 0.9213),
    5: (0.577, 0.0, 2.114, 1.427, 0.0, 2.089, 2.326, 0.9400),
    6: (0.483, 0.0, 2.004, 1.287, 0.030, 1.970, 2.534, 0.9515),
    7: (0.419, 0.076, 1.924, 1.182, 0.118, 1.882, 2.704, 0.9594),
    8: (0.373, 0.136, 1.864, 1.099, 0.185, 1.815, 2.847, 0.9650),
    9: (0.337, 0.184, 1.816, 1.032, 0.239, 1.761, 2.970, 0.9693),
    10: (0.308, 0.223, 1.777, 0.975, 0.284, 1.716, 3.078, 0.9727),
}
E2 = 2.660


def verify_spc_table():
    """the tabulated constants agree with their exact definitions to table rounding"""
    for n in (2, 4, 5, 10):   # the subgroup sizes used in this round
        A2, D3, D4, A3, B3, B4, d2t, c4t = SPC[n]
        d2 = sint.quad(lambda x: 1 - st.norm.cdf(x) ** n - st.norm.sf(x) ** n, -12, 12, limit=200)[0]
        er2 = sint.dblquad(lambda yy, xx: 1 - st.norm.cdf(yy) ** n - st.norm.sf(xx) ** n
                           + (st.norm.cdf(yy) - st.norm.cdf(xx)) ** n, -9, 9, lambda xx: xx, lambda xx: 9, epsabs=1e-7, epsrel=1e-7)[0]
        d3 = math.sqrt(2 * er2 - d2 ** 2)
        c4 = math.sqrt(2.0 / (n - 1)) * math.gamma(n / 2) / math.gamma((n - 1) / 2)
        ex = dict(A2=3 / (d2 * math.sqrt(n)), D3=max(0.0, 1 - 3 * d3 / d2), D4=1 + 3 * d3 / d2,
                  A3=3 / (c4 * math.sqrt(n)), B3=max(0.0, 1 - 3 * math.sqrt(1 - c4 ** 2) / c4),
                  B4=1 + 3 * math.sqrt(1 - c4 ** 2) / c4, d2=d2, c4=c4)
        tab = dict(A2=A2, D3=D3, D4=D4, A3=A3, B3=B3, B4=B4, d2=d2t, c4=c4t)
        for key in tab:
            assert abs(tab[key] - ex[key]) <= 0.0015, (n, key, tab[key], ex[key])
    assert abs(E2 - 3 / 1.1283791670955126) < 0.0015


# ---------- design helpers ----------

def ff2(k):
    """2^k full factorial in standard (Yates) order, first factor changing fastest"""
    return np.array([r[::-1] for r in itertools.product([-1, 1], repeat=k)], dtype=int)


def closure(gens):
    """all words of the defining relation generated by `gens` (frozensets), word algebra"""
    words = set()
    for r in range(1, len(gens) + 1):
        for c in itertools.combinations(gens, r):
            w = frozenset()
            for g in c:
                w = w ^ g
            words.add(w)
    return words


def best_generators(k, p):
    m = k - p
    if m < 1 or p < 0:
        raise ValueError("impossible fraction")
    cands = [frozenset(s) for r in range(2, m + 1) for s in itertools.combinations(range(m), r)]
    if p > len(cands):
        raise ValueError("too many factors for this run size")
    best = None
    for combo in itertools.combinations(cands, p):
        gens = [c | {m + i} for i, c in enumerate(combo)]
        res = min(len(w) for w in closure(gens)) if gens else 10 ** 6
        if best is None or res > best[0]:
            best = (res, combo)
    return best[1]


def frac_design(k, p):
    m = k - p
    X = ff2(m)
    combo = best_generators(k, p)
    cols = [X[:, j] for j in range(m)] + [np.prod(X[:, sorted(c)], axis=1) for c in combo]
    return np.column_stack(cols), combo


def resolution_from_matrix(X):
    """smallest set of columns whose elementwise product is constant (= shortest word)"""
    k = X.shape[1]
    for r in range(1, k + 1):
        for Sset in itertools.combinations(range(k), r):
            prod = np.prod(X[:, Sset], axis=1)
            if np.all(prod == prod[0]):
                return r
    return None


def resolution_from_words(k, p, combo):
    m = k - p
    gens = [frozenset(c) | {m + i} for i, c in enumerate(combo)]
    return min(len(w) for w in closure(gens))


def block_design(k, cap):
    """2^k full factorial split into blocks of `cap` runs by confounding interactions"""
    N = 2 ** k
    if cap < 1 or N % cap:
        raise ValueError("block size does not divide the design")
    b = N // cap
    q = int(round(math.log2(b)))
    if 2 ** q != b:
        raise ValueError("number of blocks is not a power of 2")
    X = ff2(k)
    if q == 0:
        return X, np.zeros(N, dtype=int)
    cands = [frozenset(s) for r in range(2, k + 1) for s in itertools.combinations(range(k), r)]
    best = None
    for combo in itertools.combinations(cands, q):
        ws = closure(list(combo))
        if len(ws) != 2 ** q - 1 or frozenset() in ws:
            continue
        res = min(len(w) for w in ws)
        if best is None or res > best[0]:
            best = (res, combo)
    cols = [np.prod(X[:, sorted(c)], axis=1) for c in best[1]]
    labels = np.zeros(N, dtype=int)
    for j, c in enumerate(cols):
        labels += (c > 0).astype(int) << j
    return X, labels


PB_GEN = {8: "+++-+--", 12: "++-+++---+-", 20: "++--++++-+-+----++-"}


def pb_design(k):
    N = 4 * (k // 4 + 1)
    if N == 16:
        H = np.array([[1]])
        for _ in range(4):
            H = np.block([[H, H], [H, -H]])
        X = H[:, 1:]
    elif N in PB_GEN:
        g = np.array([1 if c == '+' else -1 for c in PB_GEN[N]])
        X = np.array([np.roll(g, i) for i in range(N - 1)] + [-np.ones(N - 1, dtype=int)])
    else:
        raise ValueError("PB size not available")
    assert np.array_equal(X.T @ X, N * np.eye(N - 1, dtype=int))
    return X[:, :k]


def bbd_design(k, nc):
    if k < 3:
        raise ValueError("Box-Behnken needs at least 3 factors")
    rows = []
    for i, j in itertools.combinations(range(k), 2):
        for a, b in itertools.product([-1, 1], repeat=2):
            r = [0] * k
            r[i], r[j] = a, b
            rows.append(r)
    rows += [[0] * k] * nc
    return np.array(rows, dtype=float)


def ccd_design(k, nc, alpha):
    fac = ff2(k).astype(float)
    ax = []
    for i in range(k):
        for s in (-1, 1):
            r = [0.0] * k
            r[i] = s * alpha
            ax.append(r)
    return np.vstack([fac, np.array(ax), np.zeros((nc, k))])


# ---------- hand power (noncentral t / F) ----------

def h_chi2_pdf(u, df):
    df = M(df)
    return u ** (df / 2 - 1) * mp.exp(-u / 2) / (2 ** (df / 2) * mp.gamma(df / 2))


def h_nct_cdf(t, df, nc):
    df = M(df)
    sd = mp.sqrt(2 * df)
    pts = [0, max(mp.mpf(0.5), df - 6 * sd), df, df + 6 * sd, mp.inf]
    pts = sorted(set(pts))
    return mp.quad(lambda u: mp.ncdf(t * mp.sqrt(u / df) - nc) * h_chi2_pdf(u, df), pts)


def h_tcrit(alpha, df):
    return mp.findroot(lambda t: h_t_p2(t, df) - alpha, mp.mpf(2))


def h_power_2t(n, d, alpha):
    df = 2 * n - 2
    nc = M(d) * mp.sqrt(mp.mpf(n) / 2)
    tc = h_tcrit(M(alpha), df)
    return 1 - h_nct_cdf(tc, df, nc) + h_nct_cdf(-tc, df, nc)


def h_ncf_sf(x, d1, d2, lam):
    d1, d2, lam = M(d1), M(d2), M(lam)
    y = d1 * x / (d1 * x + d2)
    s = mp.mpf(0)
    for j in range(0, 2000):
        w = mp.exp(-lam / 2) * (lam / 2) ** j / mp.factorial(j)
        s += w * (1 - mp.betainc(d1 / 2 + j, d2 / 2, 0, y, regularized=True))
        if j > lam and w < mp.mpf(10) ** -25:
            break
    return s


# ---------- sympy text parsing for the maths questions ----------
X_, Y_, Z_ = sp.symbols('x y z')
TRANS = standard_transformations + (implicit_multiplication_application, convert_xor)


def pexpr(s):
    s = s.strip().replace('·', '*').replace('²', '^2').replace('³', '^3').replace('−', '-')
    s = s.replace('∞', 'oo')
    s = re.sub(r'e\^\(', 'exp(', s)
    s = re.sub(r'e\^([a-z])', r'exp(\1)', s)
    return parse_expr(s, transformations=TRANS, local_dict={'x': X_, 'y': Y_, 'z': Z_, 'e': sp.E})


def sym_eq(a, b):
    if set(a) != set(b):
        return False
    for k in a:
        u, v = a[k], b[k]
        if isinstance(u, sp.Basic) or isinstance(v, sp.Basic):
            if sp.simplify(sp.sympify(u) - sp.sympify(v)) != 0:
                return False
        elif u != v:
            return False
    return True


def rat(v):
    return sp.Rational(repr(v)) if isinstance(v, float) else sp.Integer(v)


# ----------------------------------------------------------------------------
# question registry
# ----------------------------------------------------------------------------
QS = []


def add(qid, kind, intent, tools, data, render, parse, compute=None, hand=None, what=(), rel=(),
        refuse=False, reason=None, refcheck=None, fixed=(), eq=None, build=None):
    QS.append(dict(id=qid, kind=kind, intent=intent, tools=list(tools), data=data, render=render,
                   parse=parse, compute=compute, hand=hand, what=list(what), rel=list(rel),
                   refuse=refuse, reason=reason, refcheck=refcheck, fixed=tuple(fixed), eq=eq,
                   build=build))


# ============================================================================
# KIND 1 -- tables that are not plain numeric columns
# ============================================================================

# ---- u01: paired t from a markdown table with a name column ----
def _u01():
    names = ["Ana", "Bilal", "Chen", "Dara", "Eli", "Femi", "Gosia", "Hugo", "Ines"]
    before = R1(RNG.normal(74, 7, 9))
    after = R1(np.array(before) - RNG.normal(2.0, 2.8, 9))
    d = dict(names=names, before=before, after=after)

    def render(d):
        rows = "\n".join(f"| {n} | {b:.1f} | {a:.1f} |" for n, b, a in zip(d['names'], d['before'], d['after']))
        return ("Resting heart rate (bpm) from our 2023 office walking challenge, measured in room 14 "
                "before the 6-week plan and again after it:\n\n| participant | before | after |\n|---|---|---|\n"
                + rows + "\n\nSame people both times. Paired t-test, two-sided - what are t, the p-value "
                "and the mean change?")

    def parse(t):
        rows = re.findall(r'^\|\s*([A-Za-z]+)\s*\|\s*(\d+\.\d)\s*\|\s*(\d+\.\d)\s*\|\s*$', t, re.M)
        return dict(names=[r[0] for r in rows], before=[float(r[1]) for r in rows],
                    after=[float(r[2]) for r in rows])

    def compute(d):
        r = st.ttest_rel(d['before'], d['after'])
        return [abs(r.statistic), r.pvalue, abs(np.mean(np.subtract(d['before'], d['after'])))]

    def hand(d):
        dif = [F(b) - F(a) for b, a in zip(d['before'], d['after'])]
        n = len(dif)
        m = fmean(dif)
        t = M(m) / mp.sqrt(M(fvar(dif)) / n)
        return [abs(t), h_t_p2(t, n - 1), abs(M(m))]
    add("u01", 1, "paired t-test on before/after columns of a named-row markdown table",
        ["t_test", "dsl_run"], d, render, parse, compute, hand,
        ["|t|", "p", "|mean difference|"], [S, P, S])


# ---- u02: chi-square GOF, label -> count ----
def _u02():
    days = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    counts = ints(RNG.poisson([36, 31, 33, 29, 40, 45]))
    d = dict(days=days, counts=counts)

    def render(d):
        rows = "\n".join(f"{a} -> {c}" for a, c in zip(d['days'], d['counts']))
        return ("help desk tickets by weekday, weeks 14-22 (building 3 only):\n" + rows +
                "\nis the load uniform across the 6 days? chi-square goodness of fit with equal expected "
                "counts - want chi2, df and p")

    def parse(t):
        rows = re.findall(r'^([A-Z][a-z]{2}) -> (\d+)$', t, re.M)
        return dict(days=[r[0] for r in rows], counts=[int(r[1]) for r in rows])

    def compute(d):
        r = st.chisquare(d['counts'])
        return [r.statistic, len(d['counts']) - 1, r.pvalue]

    def hand(d):
        c = [Fr(v) for v in d['counts']]
        e = sum(c) / len(c)
        x2 = sum(((o - e) ** 2 / e for o in c), Fr(0))
        k = len(c) - 1
        return [M(x2), k, h_chi2_sf(x2, k)]
    add("u02", 1, "chi-square goodness of fit (uniform) from label -> count lines",
        ["chi_square", "dsl_run"], d, render, parse, compute, hand, ["chi2", "df", "p"], [S, I, P])


# ---- u03: p chart with varying sample sizes, tab-separated with lot labels ----
def _u03():
    lots = [f"L{2301 + i}" for i in range(12)]
    n = ints(RNG.integers(150, 260, 12))
    dfc = ints(RNG.binomial(n, 0.065))
    d = dict(lots=lots, n=n, dfc=dfc, target="L2305")

    def render(d):
        rows = "\n".join(f"{a}\t{b}\t{c}" for a, b, c in zip(d['lots'], d['n'], d['dfc']))
        return ("Need a p chart for incoming inspection (tab-separated, pasted from the 2024 QA log). "
                "Sample sizes differ from lot to lot. What's the centre line, and the UCL and LCL for lot "
                f"{d['target']}?\n\nlot\tinspected\tdefective\n" + rows)

    def parse(t):
        rows = re.findall(r'^(L\d+)\t(\d+)\t(\d+)$', t, re.M)
        return dict(lots=[r[0] for r in rows], n=[int(r[1]) for r in rows], dfc=[int(r[2]) for r in rows],
                    target=grab(r'for lot (L\d+)\?', t).group(1))

    def compute(d):
        n, x = np.array(d['n'], float), np.array(d['dfc'], float)
        pb = x.sum() / n.sum()
        ni = n[d['lots'].index(d['target'])]
        s = np.sqrt(pb * (1 - pb) / ni)
        return [pb, pb + 3 * s, max(0.0, pb - 3 * s)]

    def hand(d):
        pb = Fr(sum(d['dfc']), sum(d['n']))
        ni = d['n'][d['lots'].index(d['target'])]
        s = mp.sqrt(M(pb * (1 - pb) / ni))
        return [M(pb), M(pb) + 3 * s, M(pb) - 3 * s]
    add("u03", 1, "p chart (varying n) centre line and limits for a named lot from a TSV table",
        ["control_chart", "dsl_run"], d, render, parse, compute, hand,
        ["p-bar (centre line)", "UCL (lot L2305)", "LCL (lot L2305)"], [S, S, S])


# ---- u04: u chart, CSV with area per sample ----
def _u04():
    area = R1(RNG.uniform(1.5, 3.5, 15))
    defects = ints(RNG.poisson(2.1 * np.array(area)))
    d = dict(area=area, defects=defects, target=7)

    def render(d):
        rows = "\n".join(f"{i + 1},{a:.1f},{c}" for i, (a, c) in enumerate(zip(d['area'], d['defects'])))
        return ("sample,area_m2,defects\n" + rows + "\n\nthose are coating defects on panels of different "
                "area (spray booth 2, shift B). u chart please: the centre line in defects per m2, and the UCL "
                f"for sample {d['target']}.")

    def parse(t):
        rows = re.findall(r'^(\d+),(\d+\.\d),(\d+)$', t, re.M)
        return dict(area=[float(r[1]) for r in rows], defects=[int(r[2]) for r in rows],
                    target=int(grab(r'UCL for sample (\d+)', t).group(1)))

    def compute(d):
        a, c = np.array(d['area']), np.array(d['defects'], float)
        ub = c.sum() / a.sum()
        return [ub, ub + 3 * np.sqrt(ub / a[d['target'] - 1])]

    def hand(d):
        ub = Fr(sum(d['defects'])) / sum(F(a) for a in d['area'])
        return [M(ub), M(ub) + 3 * mp.sqrt(M(ub / F(d['area'][d['target'] - 1])))]
    add("u04", 1, "u chart centre line and UCL for one sample from a CSV of area and defects",
        ["control_chart", "dsl_run"], d, render, parse, compute, hand,
        ["u-bar (centre line, per m2)", "UCL (sample 7)"], [S, S])


# ---- u05: simple regression, aligned columns with run ids ----
def _u05():
    x = R1(RNG.uniform(150, 210, 10))
    y = R1(12 + 0.3 * np.array(x) + RNG.normal(0, 2.5, 10))
    d = dict(run=[f"T{i + 1:02d}" for i in range(10)], x=x, y=y)

    def render(d):
        rows = "\n".join(f"{r:<6}{a:>7.1f}{b:>10.1f}" for r, a, b in zip(d['run'], d['x'], d['y']))
        return ("yield vs reactor temperature, 10 runs from last quarter:\n\nrun   temp_C   yield_pct\n" + rows +
                "\n\nfit yield = b0 + b1*temp by ordinary least squares. slope, intercept and R^2?")

    def parse(t):
        rows = re.findall(r'^(T\d\d)\s+(\d+\.\d)\s+(\d+\.\d)\s*$', t, re.M)
        return dict(run=[r[0] for r in rows], x=[float(r[1]) for r in rows], y=[float(r[2]) for r in rows])

    def compute(d):
        r = st.linregress(d['x'], d['y'])
        return [r.slope, r.intercept, r.rvalue ** 2]

    def hand(d):
        x, y = [F(v) for v in d['x']], [F(v) for v in d['y']]
        n = len(x)
        # normal equations [[n, Sx],[Sx, Sxx]] b = [Sy, Sxy] solved exactly
        Sx, Sy = sum(x), sum(y)
        Sxx = sum(a * a for a in x)
        Sxy = sum(a * b for a, b in zip(x, y))
        det = n * Sxx - Sx * Sx
        b1 = (n * Sxy - Sx * Sy) / det
        b0 = (Sy * Sxx - Sx * Sxy) / det
        yb = Sy / n
        sst = sum((b - yb) ** 2 for b in y)
        sse = sum((b - b0 - b1 * a) ** 2 for a, b in zip(x, y))
        return [M(b1), M(b0), M(1 - sse / sst)]
    add("u05", 1, "simple linear regression from an aligned table with a run-id column",
        ["regression", "dsl_run"], d, render, parse, compute, hand, ["slope", "intercept", "R^2"], [S, S, S])


# ---- u06: contingency table (markdown) with row and column labels ----
def _u06():
    base = np.array([[22, 12, 9, 15], [18, 14, 8, 11], [20, 13, 12, 12]])
    tab = [ints(r) for r in RNG.poisson(base)]
    d = dict(rows=["Day", "Evening", "Night"], cols=["scratch", "dent", "misalign", "other"], tab=tab)

    def render(d):
        head = "| shift | " + " | ".join(d['cols']) + " |\n|" + "---|" * (len(d['cols']) + 1) + "\n"
        body = "\n".join("| " + r + " | " + " | ".join(str(v) for v in row) + " |" for r, row in zip(d['rows'], d['tab']))
        return ("Line 4 QC, weeks 32-35. Counts of defect type by shift:\n\n" + head + body +
                "\n\nIs defect type independent of shift? Give the chi-square statistic, its degrees of freedom "
                "and the p-value.")

    def parse(t):
        hdr = grab(r'^\| shift \|(.*)\|\s*$', t, re.M).group(1)
        cols = [c.strip() for c in hdr.split('|')]
        rows = re.findall(r'^\| ([A-Za-z]+) \|((?:\s*\d+\s*\|)+)\s*$', t, re.M)
        return dict(rows=[r[0] for r in rows], cols=cols,
                    tab=[[int(v) for v in re.findall(r'\d+', r[1])] for r in rows])

    def compute(d):
        r = st.chi2_contingency(np.array(d['tab']), correction=False)
        return [r.statistic, int(r.dof), r.pvalue]

    def hand(d):
        t = [[Fr(v) for v in row] for row in d['tab']]
        R = [sum(row) for row in t]
        C = [sum(col) for col in zip(*t)]
        N = sum(R)
        x2 = sum(((t[i][j] - R[i] * C[j] / N) ** 2 / (R[i] * C[j] / N)
                  for i in range(len(R)) for j in range(len(C))), Fr(0))
        df = (len(R) - 1) * (len(C) - 1)
        return [M(x2), df, h_chi2_sf(x2, df)]
    add("u06", 1, "chi-square test of independence on a labelled 3x4 contingency table",
        ["chi_square", "dsl_run"], d, render, parse, compute, hand, ["chi2", "df", "p"], [S, I, P])


# ---- u07: long format one-way ANOVA ----
def _u07():
    species = ["alder", "birch", "cedar", "maple"]
    means = [41.0, 43.5, 40.0, 44.0]
    pairs = [(s, v) for s, m in zip(species, means) for v in R1(RNG.normal(m, 2.2, 5))]
    order = RNG.permutation(len(pairs))
    pairs = [pairs[i] for i in order]
    d = dict(lab=[p[0] for p in pairs], val=[p[1] for p in pairs])

    def render(d):
        rows = "\n".join(f"{a} {v:.1f}" for a, v in zip(d['lab'], d['val']))
        return ("hardness readings, one line per board (species then value), in the order they came off the "
                "tester in lab 2B:\n\n" + rows + "\n\nDo the four species differ in mean hardnes? one-way "
                "ANOVA - F and p please.")

    def parse(t):
        rows = re.findall(r'^([a-z]+) (\d+\.\d)$', t, re.M)
        return dict(lab=[r[0] for r in rows], val=[float(r[1]) for r in rows])

    def groups(d):
        labs = list(dict.fromkeys(d['lab']))
        return [[v for a, v in zip(d['lab'], d['val']) if a == g] for g in labs]

    def compute(d):
        r = st.f_oneway(*groups(d))
        return [r.statistic, r.pvalue]

    def hand(d):
        Fst, d1, d2 = h_oneway(groups(d))
        return [M(Fst), h_f_sf(Fst, d1, d2)]
    add("u07", 1, "one-way ANOVA from long-format label/value lines",
        ["anova_oneway", "dsl_run"], d, render, parse, compute, hand, ["F", "p"], [S, P])


# ---- u08: Pearson correlation, lot-labelled lines ----
def _u08():
    lots = [str(v) for v in sorted(RNG.choice(np.arange(4400, 4500), 12, replace=False))]
    h = R1(RNG.normal(60, 3, 12))
    ts = R1(1200 + 14 * np.array(h) + RNG.normal(0, 90, 12))
    d = dict(lots=lots, h=h, ts=ts)

    def render(d):
        rows = "\n".join(f"lot {a} - hardness {b:.1f}, tensile {c:.1f}" for a, b, c in zip(d['lots'], d['h'], d['ts']))
        return ("Incoming coil data, heat-treat furnace 2 (Jan 2024). For each lot:\n" + rows +
                "\nPearson correlation between hardness and tensile strength, with its two-sided p-value?")

    def parse(t):
        rows = re.findall(r'^lot (\d{4}) - hardness (\d+\.\d), tensile (\d+\.\d)$', t, re.M)
        return dict(lots=[r[0] for r in rows], h=[float(r[1]) for r in rows], ts=[float(r[2]) for r in rows])

    def compute(d):
        r = st.pearsonr(d['h'], d['ts'])
        return [r.statistic, r.pvalue]

    def hand(d):
        r = h_pearson(d['h'], d['ts'])
        n = len(d['h'])
        t = r * mp.sqrt((n - 2) / (1 - r * r))
        return [r, h_t_p2(t, n - 2)]
    add("u08", 1, "Pearson correlation of two measurement columns keyed by lot number",
        ["correlation", "dsl_run"], d, render, parse, compute, hand, ["r", "p"], [S, P])


# ---- u09: GOF against a 9:3:3:1 ratio, label: count ----
def _u09():
    labels = ["purple/tall", "purple/dwarf", "white/tall", "white/dwarf"]
    counts = ints(RNG.multinomial(556, [0.57, 0.18, 0.19, 0.06]))
    d = dict(labels=labels, counts=counts, ratio=[9, 3, 3, 1])

    def render(d):
        rows = "\n".join(f"{a}: {c}" for a, c in zip(d['labels'], d['counts']))
        return ("F2 cross counts (greenhouse bay 6, sown in April 2024):\n" + rows +
                "\nDo they fit the " + ":".join(str(v) for v in d['ratio']) +
                " ratio? chi-square goodness of fit - statistic, df, p.")

    def parse(t):
        rows = re.findall(r'^([a-z]+/[a-z]+): (\d+)$', t, re.M)
        ratio = [int(v) for v in grab(r'the (\d+(?::\d+)+) ratio', t).group(1).split(':')]
        return dict(labels=[r[0] for r in rows], counts=[int(r[1]) for r in rows], ratio=ratio)

    def compute(d):
        c = np.array(d['counts'], float)
        e = c.sum() * np.array(d['ratio'], float) / sum(d['ratio'])
        r = st.chisquare(c, e)
        return [r.statistic, len(c) - 1, r.pvalue]

    def hand(d):
        N = sum(d['counts'])
        tot = sum(d['ratio'])
        x2 = sum(((Fr(o) - Fr(N * w, tot)) ** 2 / Fr(N * w, tot) for o, w in zip(d['counts'], d['ratio'])), Fr(0))
        k = len(d['counts']) - 1
        return [M(x2), k, h_chi2_sf(x2, k)]
    add("u09", 1, "chi-square goodness of fit against a stated 9:3:3:1 ratio from label: count lines",
        ["chi_square", "dsl_run"], d, render, parse, compute, hand, ["chi2", "df", "p"], [S, I, P])


# ---- u10: Xbar-R from subgroup rows labelled by time ----
def _u10():
    x = [R2(r) for r in RNG.normal(12.50, 0.03, (8, 5))]
    times = [f"{6 + i:02d}:00" for i in range(8)]
    d = dict(times=times, x=x)

    def render(d):
        rows = "\n".join(t + " | " + " ".join(f"{v:.2f}" for v in r) for t, r in zip(d['times'], d['x']))
        return ("xbar-R chart from these - shaft diameters (mm), 5 consecutive parts every hour, cell 7:\n\n"
                + rows + "\n\nneed the grand mean (centre line), the UCL of the xbar chart, and the UCL of the "
                "range chart.")

    def parse(t):
        rows = re.findall(r'^(\d\d:\d\d) \| (.+)$', t, re.M)
        return dict(times=[r[0] for r in rows], x=[fl(r[1]) for r in rows])

    def compute(d):
        a = np.array(d['x'])
        n = a.shape[1]
        A2, D3, D4 = SPC[n][:3]
        xbb = a.mean(axis=1).mean()
        rb = np.ptp(a, axis=1).mean()
        return [xbb, xbb + A2 * rb, D4 * rb]

    def hand(d):
        n = len(d['x'][0])
        A2, D4 = F(SPC[n][0]), F(SPC[n][2])
        xbb = fmean([fmean(r) for r in d['x']])
        rb = fmean([max(F(v) for v in r) - min(F(v) for v in r) for r in d['x']])
        return [M(xbb), M(xbb + A2 * rb), M(D4 * rb)]
    add("u10", 1, "X-bar/R chart: centre line, X-bar UCL and R UCL from time-labelled subgroup rows",
        ["control_chart", "dsl_run"], d, render, parse, compute, hand,
        ["grand mean (centre line)", "UCL (X-bar)", "UCL (R)"], [S, S, S])


# ---- u11: 2^3 factorial effects from a run table with -/+ codes ----
def _u11():
    std = ff2(3)
    perm = [int(v) for v in RNG.permutation(8)]
    signs = [[int(v) for v in std[i]] for i in perm]
    A, B, C = (np.array([s[j] for s in signs]) for j in range(3))
    y = R1(60 + 2.0 * A - 1.3 * B + 0.9 * A * B + 0.3 * C + RNG.normal(0, 0.5, 8))
    d = dict(signs=signs, y=y)

    def render(d):
        sg = lambda v: '+' if v > 0 else '-'
        rows = "\n".join(f"{i + 1:>3}   {sg(s[0])}  {sg(s[1])}  {sg(s[2])}   {v:.1f}" for i, (s, v) in enumerate(zip(d['signs'], d['y'])))
        return ("2^3 full factorial, run in random order. A = temperature, B = pressure, C = catalyst load, "
                "coded -/+ :\n\nrun  A  B  C   yield\n" + rows + "\n\nwhat are the main effects of A and B and "
                "the AB interaction effect? (effect = mean response at + minus mean at -)")

    def parse(t):
        rows = re.findall(r'^\s*(\d+)\s+([-+])\s+([-+])\s+([-+])\s+(\d+\.\d)$', t, re.M)
        return dict(signs=[[1 if r[j] == '+' else -1 for j in (1, 2, 3)] for r in rows],
                    y=[float(r[4]) for r in rows])

    def compute(d):
        s = np.array(d['signs'], float)
        A, B, C = s[:, 0], s[:, 1], s[:, 2]
        X = np.column_stack([np.ones(8), A, B, C, A * B, A * C, B * C, A * B * C])
        coef = np.linalg.lstsq(X, np.array(d['y']), rcond=None)[0]
        return [2 * coef[1], 2 * coef[2], 2 * coef[4]]

    def hand(d):
        y = [F(v) for v in d['y']]
        eff = lambda col: (sum(v for v, c in zip(y, col) if c > 0) - sum(v for v, c in zip(y, col) if c < 0)) / 4
        A = [s[0] for s in d['signs']]
        B = [s[1] for s in d['signs']]
        return [M(eff(A)), M(eff(B)), M(eff([a * b for a, b in zip(A, B)]))]
    add("u11", 1, "main effects A, B and AB interaction of a randomised 2^3 factorial from a -/+ table",
        ["doe_effects", "dsl_run"], d, render, parse, compute, hand,
        ["effect A", "effect B", "effect AB"], [S, S, S], fixed=("signs",))


# ---- u12: I-MR from date/value lines ----
def _u12():
    start = datetime.date(2024, 3, 4)
    dates = [(start + datetime.timedelta(days=i)).isoformat() for i in range(20)]
    v = R2(RNG.normal(4.20, 0.12, 20))
    d = dict(dates=dates, v=v)

    def render(d):
        rows = "\n".join(f"{a}  {b:.2f}" for a, b in zip(d['dates'], d['v']))
        return ("I-MR chart for this please - centre line and UCL of the individuals chart, plus the average "
                "moving range. Daily pH of rinse tank 3:\n" + rows + "\n(one grab sample per day at 07:30)")

    def parse(t):
        rows = re.findall(r'^(\d{4}-\d\d-\d\d)  (\d+\.\d\d)$', t, re.M)
        return dict(dates=[r[0] for r in rows], v=[float(r[1]) for r in rows])

    def compute(d):
        v = np.array(d['v'])
        mr = np.abs(np.diff(v)).mean()
        return [v.mean(), v.mean() + E2 * mr, mr]

    def hand(d):
        v = [F(a) for a in d['v']]
        mr = fmean([abs(b - a) for a, b in zip(v, v[1:])])
        xb = fmean(v)
        return [M(xb), M(xb + F(E2) * mr), M(mr)]
    add("u12", 1, "I-MR chart centre line, individuals UCL and MR-bar from dated long-format readings",
        ["control_chart", "dsl_run"], d, render, parse, compute, hand,
        ["centre line (mean)", "UCL (individuals)", "MR-bar"], [S, S, S])


# ---- u13: REFUSAL -- contingency table given only as row percentages ----
def _u13():
    rows = ["North", "South", "East"]
    pct = []
    for pr in ([0.81, 0.13], [0.74, 0.17], [0.78, 0.12]):
        a = R1(100 * (np.array(pr) + RNG.normal(0, 0.01, 2)))
        pct.append(a + [round(100 - a[0] - a[1], 1)])
    d = dict(rows=rows, pct=pct)

    def render(d):
        body = "\n".join(f"{r} | {a:.1f}% | {b:.1f}% | {c:.1f}%" for r, (a, b, c) in zip(d['rows'], d['pct']))
        return ("Outcome split by plant (row %, copied from the Q3 2024 review deck - I don't have the "
                "underlying numbers):\n\nPlant | pass | rework | scrap\n" + body +
                "\n\nchi-square test of independence between plant and outcome: statistic and p?")

    def parse(t):
        rows = re.findall(r'^([A-Z][a-z]+) \| (\d+\.\d)% \| (\d+\.\d)% \| (\d+\.\d)%$', t, re.M)
        return dict(rows=[r[0] for r in rows], pct=[[float(v) for v in r[1:]] for r in rows])

    def refcheck(d):
        return all(abs(sum(r) - 100) < 0.05 for r in d['pct']) and len(d['rows']) == 3
    add("u13", 1, "chi-square independence requested from row percentages only (no counts)",
        ["chi_square", "dsl_run"], d, render, parse, refuse=True, refcheck=refcheck,
        reason="Only row percentages are given (no counts or row totals); the chi-square statistic "
               "depends on the counts, so it cannot be computed.")


# ---- u14: REFUSAL -- p chart data with more rejects than units checked ----
def _u14():
    n = ints(RNG.integers(40, 60, 10))
    r = ints(RNG.binomial(n, 0.08))
    r[6] = n[6] + 9
    d = dict(week=list(range(31, 41)), n=n, r=r)

    def render(d):
        rows = "\n".join(f"{w};{a};{b}" for w, a, b in zip(d['week'], d['n'], d['r']))
        return ("build me a p chart (p-bar and the limits for each week) from the final-test export:\n\n"
                "week;checked;rejects\n" + rows)

    def parse(t):
        rows = re.findall(r'^(\d+);(\d+);(\d+)$', t, re.M)
        return dict(week=[int(a[0]) for a in rows], n=[int(a[1]) for a in rows], r=[int(a[2]) for a in rows])

    def refcheck(d):
        return any(b > a for a, b in zip(d['n'], d['r']))
    add("u14", 1, "p chart requested from a table where one week has more rejects than units checked",
        ["control_chart", "dsl_run"], d, render, parse, refuse=True, refcheck=refcheck,
        reason="Week 37 lists more rejects than units checked (a proportion above 1), so the data are "
               "impossible for a p chart and must be corrected first.")


for _f in (_u01, _u02, _u03, _u04, _u05, _u06, _u07, _u08, _u09, _u10, _u11, _u12, _u13, _u14):
    _f()

# ============================================================================
# KIND 2 -- intent carried by the wording
# ============================================================================

# ---- u15: Welch t ("don't assume equal variances") ----
def _u15():
    h1 = R1(RNG.normal(502.0, 0.9, 9))
    h2 = R1(RNG.normal(500.9, 2.4, 12))
    d = dict(h1=h1, h2=h2)

    def render(d):
        return ("Fill weights (g), two filling heads on line 2, sampled 3 March between 09:10 and 09:40:\n"
                "head 1: " + ", ".join(f"{v:.1f}" for v in d['h1']) + "\n"
                "head 2: " + ", ".join(f"{v:.1f}" for v in d['h2']) + "\n"
                "is there a differnce in mean fill between the heads? Don't assume the variances are equal. "
                "t, df and p please (two-sided)")

    def parse(t):
        return dict(h1=fl(grab(r'^head 1: (.+)$', t, re.M).group(1)),
                    h2=fl(grab(r'^head 2: (.+)$', t, re.M).group(1)))

    def compute(d):
        r = st.ttest_ind(d['h1'], d['h2'], equal_var=False)
        return [abs(r.statistic), r.df, r.pvalue]

    def hand(d):
        v1, v2 = fvar(d['h1']) / len(d['h1']), fvar(d['h2']) / len(d['h2'])
        t = M(fmean(d['h1']) - fmean(d['h2'])) / mp.sqrt(M(v1 + v2))
        df = (v1 + v2) ** 2 / (v1 ** 2 / (len(d['h1']) - 1) + v2 ** 2 / (len(d['h2']) - 1))
        return [abs(t), M(df), h_t_p2(t, M(df))]
    add("u15", 2, "Welch two-sample t-test (variances not assumed equal)",
        ["t_test", "dsl_run"], d, render, parse, compute, hand, ["|t|", "df", "p"], [S, S, P])


# ---- u16: one-sample t against a stated nominal, with distracting part/drawing numbers ----
def _u16():
    x = R2(RNG.normal(25.03, 0.04, 10))
    d = dict(nominal=25.0, x=x)

    def render(d):
        return ("PN 88-1042, drawing rev 3 (2019). The nominal bore is " + f"{d['nominal']:.2f}" + " mm. "
                "Ten bores off this morning's batch, measured on CMM 2: " + ", ".join(f"{v:.2f}" for v in d['x']) +
                " mm. Does the mean differ from nominal? Two-sided test - t and p, plus the sample mean.")

    def parse(t):
        return dict(nominal=float(grab(r'nominal bore is (\d+\.\d+) mm', t).group(1)),
                    x=fl(grab(r'CMM 2: (.+?) mm\.', t).group(1)))

    def compute(d):
        r = st.ttest_1samp(d['x'], d['nominal'])
        return [r.statistic, r.pvalue, np.mean(d['x'])]

    def hand(d):
        m = fmean(d['x'])
        t = M(m - F(d['nominal'])) / mp.sqrt(M(fvar(d['x'])) / len(d['x']))
        return [t, h_t_p2(t, len(d['x']) - 1), M(m)]
    add("u16", 2, "one-sample t-test of the mean against the stated nominal value",
        ["t_test", "dsl_run"], d, render, parse, compute, hand, ["t", "p", "mean"], [S, P, S])


# ---- u17: regression after excluding a named point ----
def _u17():
    lab = [f"B{i + 1}" for i in range(12)]
    x = R1(RNG.uniform(1, 10, 12))
    y = np.array(5 + 2.2 * np.array(x) + RNG.normal(0, 1.5, 12))
    y[6] += 9
    d = dict(lab=lab, x=x, y=R1(y), drop="B7")

    def render(d):
        rows = "\n".join(f"{a:<4}dose {b:.1f} mg  resp {c:.1f}" for a, b, c in zip(d['lab'], d['x'], d['y']))
        return ("dose-response from the pilot plant (12 batches, campaign 2024-07):\n" + rows +
                f"\nLeave out {d['drop']} - the thermocouple died mid-run and that reading is junk. "
                "Then fit resp = a + b*dose: slope, intercept and R^2?")

    def parse(t):
        rows = re.findall(r'^(B\d+)\s+dose (\d+\.\d) mg  resp (\d+\.\d)$', t, re.M)
        return dict(lab=[r[0] for r in rows], x=[float(r[1]) for r in rows], y=[float(r[2]) for r in rows],
                    drop=grab(r'Leave out (B\d+)', t).group(1))

    def keep(d):
        idx = [i for i, a in enumerate(d['lab']) if a != d['drop']]
        return [d['x'][i] for i in idx], [d['y'][i] for i in idx]

    def compute(d):
        x, y = keep(d)
        res = sm.OLS(np.array(y), sm.add_constant(np.array(x))).fit()
        return [res.params[1], res.params[0], res.rsquared]

    def hand(d):
        x, y = keep(d)
        x, y = [F(v) for v in x], [F(v) for v in y]
        mx, my = fmean(x), fmean(y)
        sxy = sum((a - mx) * (b - my) for a, b in zip(x, y))
        sxx = sum((a - mx) ** 2 for a in x)
        syy = sum((b - my) ** 2 for b in y)
        b1 = sxy / sxx
        return [M(b1), M(my - b1 * mx), M(sxy * sxy / (sxx * syy))]
    add("u17", 2, "simple regression after excluding the named bad batch",
        ["regression", "dsl_run"], d, render, parse, compute, hand, ["slope", "intercept", "R^2"], [S, S, S])


# ---- u18: defect counts on identical units -> c chart ----
def _u18():
    c = ints(RNG.poisson(11, 20))
    d = dict(c=c)

    def render(d):
        return ("Scratches counted on each panel (every panel is the same 1.2 m x 0.8 m sheet), panels 1-20 in "
                "production order: " + ", ".join(str(v) for v in d['c']) +
                ".\nWhat chart shoud this be, and what are its centre line, UCL and LCL?")

    def parse(t):
        return dict(c=[int(v) for v in re.findall(r'\d+', grab(r'production order: ([\d, ]+)\.', t).group(1))])

    def compute(d):
        cb = np.mean(d['c'])
        return [cb, cb + 3 * np.sqrt(cb), cb - 3 * np.sqrt(cb)]

    def hand(d):
        cb = Fr(sum(d['c']), len(d['c']))
        return [M(cb), M(cb) + 3 * mp.sqrt(M(cb)), M(cb) - 3 * mp.sqrt(M(cb))]
    add("u18", 2, "c chart for defect counts on equal-sized panels (chart type from the wording)",
        ["control_chart", "dsl_run"], d, render, parse, compute, hand,
        ["c-bar (centre line)", "UCL", "LCL"], [S, S, S])


# ---- u19: counts over varying lengths -> u chart ----
def _u19():
    L = ints(RNG.integers(100, 201, 12))
    c = ints(RNG.poisson(0.2 * np.array(L)))
    d = dict(L=L, c=c, target=6)

    def render(d):
        return ("Fabric inspection, loom 5, week 41. Roll lengths (m): " + ", ".join(str(v) for v in d['L']) +
                "\nFlaws found per roll (same order): " + ", ".join(str(v) for v in d['c']) +
                "\nThe rolls aren't the same length, so I want flaws per metre on the chart. Centre line, and "
                f"the control limits for roll {d['target']}?")

    def parse(t):
        return dict(L=[int(v) for v in re.findall(r'\d+', grab(r'Roll lengths \(m\): (.+)$', t, re.M).group(1))],
                    c=[int(v) for v in re.findall(r'\d+', grab(r'\(same order\): (.+)$', t, re.M).group(1))],
                    target=int(grab(r'limits for roll (\d+)\?', t).group(1)))

    def compute(d):
        L, c = np.array(d['L'], float), np.array(d['c'], float)
        ub = c.sum() / L.sum()
        s = np.sqrt(ub / L[d['target'] - 1])
        return [ub, ub + 3 * s, ub - 3 * s]

    def hand(d):
        ub = Fr(sum(d['c']), sum(d['L']))
        s = mp.sqrt(M(ub / d['L'][d['target'] - 1]))
        return [M(ub), M(ub) + 3 * s, M(ub) - 3 * s]
    add("u19", 2, "u chart (flaws per metre, varying roll length): centre line and limits for roll 6",
        ["control_chart", "dsl_run"], d, render, parse, compute, hand,
        ["u-bar (per metre)", "UCL (roll 6)", "LCL (roll 6)"], [S, S, S])


# ---- u20: Cp / Cpk from summary figures ----
def _u20():
    d = dict(mean=19.987, sd=0.0062, nom=20.0, tol=0.025)

    def render(d):
        return (f"Shaft OD on the new grinder: process mean {d['mean']:.3f} mm, within-subgroup std dev "
                f"{d['sd']:.4f} mm (from the last 25 subgroups of 5). Spec is {d['nom']:.3f} ± {d['tol']:.3f} mm. "
                "What are Cp and Cpk?")

    def parse(t):
        m = grab(r'Spec is (\d+\.\d+) ± (\d+\.\d+) mm', t)
        return dict(mean=float(grab(r'process mean (\d+\.\d+) mm', t).group(1)),
                    sd=float(grab(r'std dev (\d+\.\d+) mm', t).group(1)),
                    nom=float(m.group(1)), tol=float(m.group(2)))

    def compute(d):
        lsl, usl = d['nom'] - d['tol'], d['nom'] + d['tol']
        return [(usl - lsl) / (6 * d['sd']), min(usl - d['mean'], d['mean'] - lsl) / (3 * d['sd'])]

    def hand(d):
        lsl, usl = F(d['nom']) - F(d['tol']), F(d['nom']) + F(d['tol'])
        mu, s = F(d['mean']), F(d['sd'])
        return [M((usl - lsl) / (6 * s)), M(min(usl - mu, mu - lsl) / (3 * s))]
    add("u20", 2, "Cp and Cpk from a mean, a within sigma and a two-sided spec",
        ["summary_capability", "dsl_run"], d, render, parse, compute, hand,
        ["Cp", "Cpk"], [S, S])


# ---- u21: curvature test, 2^2 with 4 centre points ----
def _u21():
    std = ff2(2)
    fy = R1(55 + 1.8 * std[:, 0] + 1.1 * std[:, 1] + RNG.normal(0, 0.6, 4))
    cy = R1(RNG.normal(53.0, 0.8, 4))
    d = dict(fy=fy, cy=cy)

    def render(d):
        rows = [f"{a:>2}  {b:>2}  {v:.1f}" for (a, b), v in zip(std.tolist(), d['fy'])]
        rows += [f"{0:>2}  {0:>2}  {v:.1f}" for v in d['cy']]
        return ("2x2 factorial plus centre runs (coded units), response = conversion %, reactor R-104:\n\n"
                " A   B  conv\n" + "\n".join(rows) + "\n\nIs there curvature? Test it against pure error from "
                "the centre points - I need the curvature SS, F and p.")

    def parse(t):
        rows = re.findall(r'^\s*(-1|1|0)\s+(-1|1|0)\s+(\d+\.\d)$', t, re.M)
        return dict(fy=[float(r[2]) for r in rows if r[0] != '0'], cy=[float(r[2]) for r in rows if r[0] == '0'])

    def compute(d):
        nf, nc = len(d['fy']), len(d['cy'])
        A = np.r_[std[:, 0], np.zeros(nc)]
        B = np.r_[std[:, 1], np.zeros(nc)]
        ctr = np.r_[np.zeros(nf), np.ones(nc)]
        X = np.column_stack([np.ones(nf + nc), A, B, A * B, ctr])
        res = sm.OLS(np.r_[d['fy'], d['cy']], X).fit()
        Fc = res.tvalues[4] ** 2
        return [Fc * res.mse_resid, Fc, res.pvalues[4]]

    def hand(d):
        nf, nc = len(d['fy']), len(d['cy'])
        ssc = Fr(nf * nc, nf + nc) * (fmean(d['fy']) - fmean(d['cy'])) ** 2
        mspe = fvar(d['cy'])
        return [M(ssc), M(ssc / mspe), h_f_sf(ssc / mspe, 1, nc - 1)]
    add("u21", 2, "single-df curvature test of a 2^2 design with centre points against pure error",
        ["doe_curvature", "dsl_run"], d, render, parse, compute, hand,
        ["SS curvature", "F", "p"], [S, S, P])


# ---- u22: one-sided one-sample t vs a claimed minimum ----
def _u22():
    x = R1(RNG.normal(48.8, 2.1, 12))
    d = dict(mu0=50, x=x)

    def render(d):
        return (f"Supplier's datasheet claims the mean pull-off force is at least {d['mu0']} N. Our 12 samples "
                "(N): " + ", ".join(f"{v:.1f}" for v in d['x']) + ". Does our data show the mean is lower "
                f"than {d['mu0']}? One-sided test at 5%. t and p?")

    def parse(t):
        return dict(mu0=int(grab(r'at least (\d+) N', t).group(1)),
                    x=fl(grab(r'samples \(N\): (.+?)\. Does', t).group(1)))

    def compute(d):
        r = st.ttest_1samp(d['x'], d['mu0'], alternative='less')
        return [r.statistic, r.pvalue]

    def hand(d):
        t = M(fmean(d['x']) - d['mu0']) / mp.sqrt(M(fvar(d['x'])) / len(d['x']))
        return [t, h_t_cdf(t, len(d['x']) - 1)]
    add("u22", 2, "one-sided (less-than) one-sample t-test against a claimed minimum mean",
        ["t_test", "dsl_run"], d, render, parse, compute, hand, ["t", "p (one-sided)"], [S, P])


# ---- u23: "not normal", two independent groups -> Mann-Whitney exact + HL shift ----
def mw_exact_counts(n1, n2):
    """number of rank subsets of size n1 from 1..n1+n2 by rank sum (exact null of W)"""
    N = n1 + n2
    dp = [dict() for _ in range(n1 + 1)]
    dp[0][0] = 1
    for r in range(1, N + 1):
        for k in range(min(r, n1), 0, -1):
            for s_, c in dp[k - 1].items():
                dp[k][s_ + r] = dp[k].get(s_ + r, 0) + c
    return dp[n1]


def _u23():
    while True:
        g1 = R2(RNG.lognormal(1.0, 0.45, 8))
        g2 = R2(RNG.lognormal(1.6, 0.45, 9))
        if len(set(g1 + g2)) == 17:
            break
    d = dict(g1=g1, g2=g2)

    def render(d):
        return ("Repair times (hours) for two independent crews. They're obviously skewed, so I don't want "
                "anything that assumes normality.\ncrew north: " + ", ".join(f"{v:.2f}" for v in d['g1']) +
                "\ncrew south: " + ", ".join(f"{v:.2f}" for v in d['g2']) +
                "\nExact two-sided p-value for a location difference, and the Hodges-Lehmann estimate of the "
                "shift between the crews?")

    def parse(t):
        return dict(g1=fl(grab(r'^crew north: (.+)$', t, re.M).group(1)),
                    g2=fl(grab(r'^crew south: (.+)$', t, re.M).group(1)))

    def compute(d):
        r = st.mannwhitneyu(d['g1'], d['g2'], method='exact', alternative='two-sided')
        hl = np.median(np.subtract.outer(np.array(d['g1']), np.array(d['g2'])).ravel())
        return [r.pvalue, abs(hl)]

    def hand(d):
        n1, n2 = len(d['g1']), len(d['g2'])
        assert len(set(d['g1'] + d['g2'])) == n1 + n2
        rk = avg_ranks(d['g1'] + d['g2'])
        W = sum(rk[:n1])
        cnt = mw_exact_counts(n1, n2)
        tot = sum(cnt.values())
        lo = Fr(sum(c for s_, c in cnt.items() if s_ <= W), tot)
        hi = Fr(sum(c for s_, c in cnt.items() if s_ >= W), tot)
        p = min(Fr(1), 2 * min(lo, hi))
        diffs = sorted(F(a) - F(b) for a in d['g1'] for b in d['g2'])
        return [M(p), abs(M(fmedian(diffs)))]
    add("u23", 2, "two independent skewed samples: exact Mann-Whitney p and Hodges-Lehmann shift",
        ["mann_whitney", "dsl_run"], d, render, parse, compute, hand,
        ["p (exact)", "|Hodges-Lehmann shift|"], [P, S])


# ---- u24: "not normal", paired -> Wilcoxon signed-rank exact + HL median ----
def _u24():
    while True:
        before = R2(RNG.normal(31.0, 2.5, 10))
        dif = RNG.exponential(1.0, 10) - 0.1
        after = R2(np.array(before) - dif)
        dd = [round(b - a, 2) for b, a in zip(before, after)]
        if all(v != 0 for v in dd) and len(set(abs(v) for v in dd)) == 10:
            break
    d = dict(press=[f"P-{i + 1:02d}" for i in range(10)], before=before, after=after)

    def render(d):
        rows = "\n".join(f"{a} | {b:.2f} | {c:.2f}" for a, b, c in zip(d['press'], d['before'], d['after']))
        return ("Cycle time (s) on 10 presses before and after the firmware update (v4.2 -> v4.3):\n\n"
                "press | before | after\n" + rows + "\n\nThe differences look nothing like normal, so no t-test "
                "please. Exact two-sided p-value, and the Hodges-Lehmann estimate of the median change.")

    def parse(t):
        rows = re.findall(r'^(P-\d\d) \| (\d+\.\d\d) \| (\d+\.\d\d)$', t, re.M)
        return dict(press=[r[0] for r in rows], before=[float(r[1]) for r in rows], after=[float(r[2]) for r in rows])

    def compute(d):
        b, a = np.array(d['before']), np.array(d['after'])
        r = st.wilcoxon(b, a, method='exact')
        dif = b - a
        walsh = [(dif[i] + dif[j]) / 2 for i in range(len(dif)) for j in range(i, len(dif))]
        return [r.pvalue, abs(np.median(walsh))]

    def hand(d):
        dif = [F(b) - F(a) for b, a in zip(d['before'], d['after'])]
        n = len(dif)
        rk = avg_ranks([abs(v) for v in dif])
        wp = sum(r for r, v in zip(rk, dif) if v > 0)
        T = min(wp, Fr(n * (n + 1), 2) - wp)
        cnt = 0
        for mask in range(2 ** n):
            s_ = sum(i + 1 for i in range(n) if mask >> i & 1)
            cnt += s_ <= T
        p = min(Fr(1), Fr(2 * cnt, 2 ** n))
        walsh = [(dif[i] + dif[j]) / 2 for i in range(n) for j in range(i, n)]
        return [M(p), abs(M(fmedian(walsh)))]
    add("u24", 2, "paired non-normal differences: exact Wilcoxon signed-rank p and Hodges-Lehmann median",
        ["wilcoxon_signed_rank", "dsl_run"], d, render, parse, compute, hand,
        ["p (exact)", "|Hodges-Lehmann median difference|"], [P, S])


# ---- u25: one-sided F test of variances (new over old) ----
def _u25():
    new = R2(RNG.normal(8.0, 0.12, 10))
    old = R2(RNG.normal(8.0, 0.17, 12))
    d = dict(new=new, old=old)

    def render(d):
        return ("Assume both sets of readings are normal. Is the new caliper less variable than the old one? "
                "One-sided test, with the new caliper's variance on top of the ratio.\n"
                "new: " + "  ".join(f"{v:.2f}" for v in d['new']) + "\nold: " +
                "  ".join(f"{v:.2f}" for v in d['old']) + "\n(gauge block 8.00 mm, lab temp 20 C) - ratio and p?")

    def parse(t):
        return dict(new=fl(grab(r'^new: (.+)$', t, re.M).group(1)), old=fl(grab(r'^old: (.+)$', t, re.M).group(1)))

    def compute(d):
        f = np.var(d['new'], ddof=1) / np.var(d['old'], ddof=1)
        return [f, st.f.cdf(f, len(d['new']) - 1, len(d['old']) - 1)]

    def hand(d):
        f = fvar(d['new']) / fvar(d['old'])
        return [M(f), 1 - h_f_sf(f, len(d['new']) - 1, len(d['old']) - 1)]
    add("u25", 2, "one-sided F test that the new caliper has smaller variance (ratio new/old)",
        ["variance_test", "dsl_run"], d, render, parse, compute, hand,
        ["F (new/old)", "p (one-sided)"], [S, P])


# ---- u26: one-sided pooled two-proportion z ----
def _u26():
    d = dict(x1=12, n1=300, x2=25, n2=310)

    def render(d):
        return (f"Supplier X: {d['x1']} defective out of {d['n1']} received; supplier Y: {d['x2']} out of {d['n2']} "
                "(both from the 2024 PO 5518 shipments). Is X's defect rate lower than Y's? Pooled two-proportion "
                "z test, no continuity correction, one-sided. z and p.")

    def parse(t):
        a = grab(r'Supplier X: (\d+) defective out of (\d+) received; supplier Y: (\d+) out of (\d+)', t)
        return dict(x1=int(a.group(1)), n1=int(a.group(2)), x2=int(a.group(3)), n2=int(a.group(4)))

    def compute(d):
        z, p = proportions_ztest([d['x1'], d['x2']], [d['n1'], d['n2']], alternative='smaller')
        return [abs(z), p]

    def hand(d):
        p1, p2 = Fr(d['x1'], d['n1']), Fr(d['x2'], d['n2'])
        pp = Fr(d['x1'] + d['x2'], d['n1'] + d['n2'])
        z = M(p1 - p2) / mp.sqrt(M(pp * (1 - pp) * (Fr(1, d['n1']) + Fr(1, d['n2']))))
        return [abs(z), 1 - h_norm_sf(z)]
    add("u26", 2, "one-sided pooled two-proportion z test (X lower than Y)",
        ["proportion_test", "dsl_run"], d, render, parse, compute, hand, ["|z|", "p (one-sided)"], [S, P])


# ---- u27: "chart the number defective" with a fixed sample -> np chart ----
def _u27():
    c = ints(RNG.binomial(120, 0.08, 18))
    d = dict(n=120, c=c)

    def render(d):
        return (f"We pull {d['n']} units from every lot and count how many are defective. I'd like to chart the "
                "number defective itself, not the fraction. Last 18 lots: " + ", ".join(str(v) for v in d['c']) +
                ". Centre line, UCL and LCL?")

    def parse(t):
        return dict(n=int(grab(r'We pull (\d+) units', t).group(1)),
                    c=[int(v) for v in re.findall(r'\d+', grab(r'Last 18 lots: ([\d, ]+)\.', t).group(1))])

    def compute(d):
        pb = np.sum(d['c']) / (d['n'] * len(d['c']))
        s = np.sqrt(d['n'] * pb * (1 - pb))
        return [d['n'] * pb, d['n'] * pb + 3 * s, d['n'] * pb - 3 * s]

    def hand(d):
        pb = Fr(sum(d['c']), d['n'] * len(d['c']))
        s = mp.sqrt(M(d['n'] * pb * (1 - pb)))
        return [M(d['n'] * pb), M(d['n'] * pb) + 3 * s, M(d['n'] * pb) - 3 * s]
    add("u27", 2, "np chart (number defective, constant sample of 120) centre line and limits",
        ["control_chart", "dsl_run"], d, render, parse, compute, hand,
        ["centre line (n*p-bar)", "UCL", "LCL"], [S, S, S])


# ---- u28: REFUSAL -- Cpk without any spread ----
SPREAD_WORDS = r'std|\bsd\b|s\.d\.|sigma|deviation|spread|range|variance'


def _u28():
    d = dict(mean=4.87, n=50, lsl=4.50, usl=5.20, spread_given=False)

    def render(d):
        return (f"Cpk for the bracket hole position? Mean is {d['mean']:.2f} mm over {d['n']} parts, spec "
                f"{d['lsl']:.2f}-{d['usl']:.2f} mm (drawing 7731-B).")

    def parse(t):
        m = grab(r'spec (\d+\.\d+)-(\d+\.\d+) mm', t)
        return dict(mean=float(grab(r'Mean is (\d+\.\d+) mm', t).group(1)),
                    n=int(grab(r'over (\d+) parts', t).group(1)), lsl=float(m.group(1)), usl=float(m.group(2)),
                    spread_given=bool(re.search(SPREAD_WORDS, t, re.I)))

    def refcheck(d):
        return not d['spread_given']
    add("u28", 2, "Cpk requested with a mean and spec limits but no standard deviation",
        ["summary_capability", "dsl_run"], d, render, parse, refuse=True, refcheck=refcheck,
        reason="No standard deviation (or any spread / individual data) is given, so Cpk cannot be computed.")


for _f in (_u15, _u16, _u17, _u18, _u19, _u20, _u21, _u22, _u23, _u24, _u25, _u26, _u27, _u28):
    _f()

# ============================================================================
# KIND 3 -- numbers in prose with roles
# ============================================================================

# ---- u29: full 2^k with a daily capacity -> blocks ----
def _u29():
    d = dict(k=5, cap=8)

    def render(d):
        return (f"Planning a study: {word(d['k'])} two-level factors (temp, time, pressure, catalyst, stirring), "
                "full factorial, no replication. Our furnace can only handle "
                f"{d['cap']} runs per day, so each day has to be a block. How many runs in total, and how many "
                "blocks? (project 2291, kick-off 14 May)")

    def parse(t):
        return dict(k=unword(grab(r'study: (\w+) two-level factors', t).group(1)),
                    cap=int(grab(r'handle (\d+) runs per day', t).group(1)))

    def compute(d):
        X, labels = block_design(d['k'], d['cap'])
        sizes = np.bincount(labels)
        assert np.all(sizes == d['cap'])
        return [X.shape[0], len(np.unique(labels))]

    def hand(d):
        return [2 ** d['k'], 2 ** d['k'] // d['cap']]
    add("u29", 3, "2^5 full factorial blocked by a capacity of 8 runs per day: runs and number of blocks",
        ["doe_design", "dsl_run"], d, render, parse, compute, hand, ["total runs", "blocks"], [I, I])


# ---- u30: "3 levels" are levels, not factors; replicates ----
def _u30():
    d = dict(k=3, lev=3, reps=2)

    def render(d):
        return (f"{word(d['k']).capitalize()} factors (feed, speed, coolant concentration), each at {d['lev']} levels, "
                f"full factorial, and we'll run {d['reps']} replicates of the whole set. How many runs is that in "
                "total?")

    def parse(t):
        return dict(k=unword(grab(r'^(\w+) factors', t).group(1)), lev=int(grab(r'each at (\d+) levels', t).group(1)),
                    reps=int(grab(r'run (\d+) replicates', t).group(1)))

    def compute(d):
        X = np.array(list(itertools.product(range(d['lev']), repeat=d['k'])) * d['reps'])
        return [X.shape[0]]

    def hand(d):
        return [d['lev'] ** d['k'] * d['reps']]
    add("u30", 3, "run count of a replicated 3-level full factorial (3 factors, 2 replicates)",
        ["doe_design", "dsl_run"], d, render, parse, compute, hand, ["total runs"], [I])


# ---- u31: X-bar/R, subgroup size given in words, data as one stream ----
def _u31():
    x = R2(RNG.normal(8.20, 0.05, 40))
    d = dict(n=4, x=x)

    def render(d):
        lines = [", ".join(f"{v:.2f}" for v in d['x'][i:i + 10]) for i in range(0, len(d['x']), 10)]
        return (f"Every half hour the operator pulls {d['n']} consecutive pieces off press 12 and measures the "
                "flange thickness. Readings (mm), oldest first:\n" + ",\n".join(lines) +
                "\n\nX-bar and R chart: UCL adn LCL for X-bar, and the UCL for R?")

    def parse(t):
        blk = grab(r'oldest first:\n(.+?)\n\n', t, re.S).group(1)
        return dict(n=int(grab(r'pulls (\d+) consecutive', t).group(1)), x=fl(blk))

    def compute(d):
        n = d['n']
        if len(d['x']) % n:
            raise ValueError("ragged")
        a = np.array(d['x']).reshape(-1, n)
        A2, D3, D4 = SPC[n][:3]
        xbb, rb = a.mean(axis=1).mean(), np.ptp(a, axis=1).mean()
        return [xbb + A2 * rb, xbb - A2 * rb, D4 * rb]

    def hand(d):
        n = d['n']
        subs = [d['x'][i:i + n] for i in range(0, len(d['x']), n)]
        xbb = fmean([fmean(s_) for s_ in subs])
        rb = fmean([max(F(v) for v in s_) - min(F(v) for v in s_) for s_ in subs])
        A2, D4 = F(SPC[n][0]), F(SPC[n][2])
        return [M(xbb + A2 * rb), M(xbb - A2 * rb), M(D4 * rb)]
    add("u31", 3, "X-bar/R limits with the subgroup size (4) stated in words and data as one stream",
        ["control_chart", "dsl_run"], d, render, parse, compute, hand,
        ["UCL (X-bar)", "LCL (X-bar)", "UCL (R)"], [S, S, S])


# ---- u32: Box-Behnken 4 factors + 3 centre points ----
def _u32():
    d = dict(k=4, nc=3)

    def render(d):
        return f"Box-Behnken in {d['k']} factors with {d['nc']} centre points - how many runs is that?"

    def parse(t):
        return dict(k=int(grab(r'in (\d+) factors', t).group(1)), nc=int(grab(r'with (\d+) centre points', t).group(1)))

    def compute(d):
        return [bbd_design(d['k'], d['nc']).shape[0]]

    def hand(d):
        return [2 * d['k'] * (d['k'] - 1) + d['nc']]
    add("u32", 3, "run count of a 4-factor Box-Behnken with 3 centre points",
        ["doe_design", "dsl_run"], d, render, parse, compute, hand, ["total runs"], [I])


# ---- u33: REFUSAL -- Box-Behnken with two factors ----
def _u33():
    d = dict(k=2, nc=3)

    def render(d):
        return (f"we only have {word(d['k'])} factors (pH and temperature). Can you set up a Box-Behnken with "
                f"{d['nc']} centre points and tell me the number of runs + the design matrix?")

    def parse(t):
        return dict(k=unword(grab(r'have (\w+) factors', t).group(1)), nc=int(grab(r'with (\d+) centre', t).group(1)))

    def refcheck(d):
        return d['k'] < 3
    add("u33", 3, "Box-Behnken requested for only two factors",
        ["doe_design", "dsl_run"], d, render, parse, refuse=True, refcheck=refcheck,
        reason="A Box-Behnken design needs at least three factors; with two factors it does not exist.")


# ---- u34: rotatable CCD, 3 factors, a single centre point ----
def _u34():
    d = dict(k=3, nc=1)

    def render(d):
        cp = "a centre point" if d['nc'] == 1 else f"{d['nc']} centre points"
        return (f"rotatable central composite design, {d['k']} factors, plus {cp}. What's the run count and the "
                "axial distance alpha?")

    def parse(t):
        m = grab(r'plus (a|\d+) centre point', t).group(1)
        return dict(k=int(grab(r'design, (\d+) factors', t).group(1)), nc=1 if m == 'a' else int(m))

    def compute(d):
        alpha = (2.0 ** d['k']) ** 0.25
        X = ccd_design(d['k'], d['nc'], alpha)
        fac = X[np.all(np.abs(X) == 1, axis=1)]
        return [X.shape[0], float(np.abs(X).max()) if fac.shape[0] else alpha]

    def hand(d):
        return [2 ** d['k'] + 2 * d['k'] + d['nc'], mp.root(2 ** d['k'], 4)]
    add("u34", 3, "rotatable CCD in 3 factors with a single centre point: runs and alpha",
        ["doe_design", "dsl_run"], d, render, parse, compute, hand, ["total runs", "alpha"], [I, S])


# ---- u35: half fraction of 2^5, two replicates, centre points added once ----
def _u35():
    d = dict(k=5, reps=2, nc=4)

    def render(d):
        return (f"We're doing a half fraction of a 2^{d['k']}, {d['reps']} replicates, plus {d['nc']} centre points "
                "(the centre points are not replicated). Total number of runs and the design resolution?")

    def parse(t):
        return dict(k=int(grab(r'half fraction of a 2\^(\d+)', t).group(1)),
                    reps=int(grab(r', (\d+) replicates', t).group(1)), nc=int(grab(r'plus (\d+) centre', t).group(1)))

    def compute(d):
        X, combo = frac_design(d['k'], 1)
        full = np.vstack([X] * d['reps'] + [np.zeros((d['nc'], d['k']), dtype=int)])
        return [full.shape[0], resolution_from_matrix(X)]

    def hand(d):
        combo = best_generators(d['k'], 1)
        return [2 ** (d['k'] - 1) * d['reps'] + d['nc'], resolution_from_words(d['k'], 1, combo)]
    add("u35", 3, "2^(5-1) with two replicates plus 4 unreplicated centre points: runs and resolution",
        ["doe_design", "doe_properties", "dsl_run"], d, render, parse, compute, hand,
        ["total runs", "resolution"], [I, I])


# ---- u36: sample size per group, two-sample t ----
def _u36():
    d = dict(delta=2.5, sd=4.0, a=5, pw=80)

    def render(d):
        return (f"Want to detect a {d['delta']:.1f} s difference in mean cycle time between two fixtures. SD is "
                f"about {d['sd']:.1f} s. Two-sided alpha {d['a']}%, power {d['pw']}%. How many parts per fixture "
                "(equal groups, exact noncentral-t calculation)? And what power does that n actually give?")

    def parse(t):
        return dict(delta=float(grab(r'detect a (\d+\.\d) s', t).group(1)), sd=float(grab(r'SD is about (\d+\.\d)', t).group(1)),
                    a=int(grab(r'alpha (\d+)%', t).group(1)), pw=int(grab(r'power (\d+)%', t).group(1)))

    def compute(d):
        es = d['delta'] / d['sd']
        nf = TTestIndPower().solve_power(effect_size=es, alpha=d['a'] / 100, power=d['pw'] / 100)
        n = math.ceil(nf - 1e-9)
        return [n, TTestIndPower().power(effect_size=es, nobs1=n, alpha=d['a'] / 100)]

    def hand(d):
        es, a, target = M(F(d['delta']) / F(d['sd'])), Fr(d['a'], 100), M(Fr(d['pw'], 100))
        z = h_norm_ppf(1 - a / 2) + h_norm_ppf(target)
        n = max(2, int(2 * (z / es) ** 2) - 3)
        while h_power_2t(n, es, a) < target:
            n += 1
        assert n == 2 or h_power_2t(n - 1, es, a) < target
        return [n, h_power_2t(n, es, a)]
    add("u36", 3, "sample size per group for a two-sample t (delta 2.5, SD 4, alpha 5%, power 80%)",
        ["power", "dsl_run"], d, render, parse, compute, hand, ["n per group", "achieved power"], [I, S])


# ---- u37: power of a two-sample t with n given ----
def _u37():
    d = dict(n=20, delta=3.0, sd=5.0, a=5)

    def render(d):
        return (f"two-sample t-test, {d['n']} per group, true difference {d['delta']:.1f}, sigma {d['sd']:.1f}, "
                f"alpha = {d['a']}% two-sided: what power do we have?")

    def parse(t):
        return dict(n=int(grab(r't-test, (\d+) per group', t).group(1)),
                    delta=float(grab(r'difference (\d+\.\d)', t).group(1)), sd=float(grab(r'sigma (\d+\.\d)', t).group(1)),
                    a=int(grab(r'alpha = (\d+)%', t).group(1)))

    def compute(d):
        return [TTestIndPower().power(effect_size=d['delta'] / d['sd'], nobs1=d['n'], alpha=d['a'] / 100)]

    def hand(d):
        return [h_power_2t(d['n'], M(F(d['delta']) / F(d['sd'])), Fr(d['a'], 100))]
    add("u37", 3, "power of a two-sample t-test with 20 per group",
        ["power", "dsl_run"], d, render, parse, compute, hand, ["power"], [S])


# ---- u38: Plackett-Burman for 10 factors + 2 centre points ----
def _u38():
    d = dict(k=10, nc=2)

    def render(d):
        return (f"Plackett-Burman screen for {d['k']} factors, with {d['nc']} centre points added at the end. "
                "How many runs in the PB part, and how many in total?")

    def parse(t):
        return dict(k=int(grab(r'screen for (\d+) factors', t).group(1)), nc=int(grab(r'with (\d+) centre', t).group(1)))

    def compute(d):
        X = pb_design(d['k'])
        return [X.shape[0], X.shape[0] + d['nc']]

    def hand(d):
        N = 4 * (d['k'] // 4 + 1)
        return [N, N + d['nc']]
    add("u38", 3, "Plackett-Burman run count for 10 factors, and total with 2 centre points",
        ["doe_design", "dsl_run"], d, render, parse, compute, hand, ["PB runs", "total runs"], [I, I])


# ---- u39: one-way ANOVA power from planned means ----
def _u39():
    d = dict(means=[20, 22, 21, 24], sd=3, n=10, a=5)

    def render(d):
        ms = ", ".join(str(v) for v in d['means'][:-1]) + f" and {d['means'][-1]}"
        return (f"one-way ANOVA planning: {word(len(d['means']))} groups, we expect means {ms}, common SD {d['sd']}, "
                f"{d['n']} units per group, alpha {d['a']}%. what's the power?")

    def parse(t):
        m = grab(r'expect means ([\d, ]+) and (\d+),', t)
        return dict(means=[int(v) for v in re.findall(r'\d+', m.group(1))] + [int(m.group(2))],
                    sd=int(grab(r'common SD (\d+)', t).group(1)), n=int(grab(r'(\d+) units per group', t).group(1)),
                    a=int(grab(r'alpha (\d+)%', t).group(1)))

    def compute(d):
        mu = np.array(d['means'], float)
        f = np.sqrt(np.mean((mu - mu.mean()) ** 2)) / d['sd']
        k = len(mu)
        return [FTestAnovaPower().power(effect_size=f, nobs=k * d['n'], alpha=d['a'] / 100, k_groups=k)]

    def hand(d):
        k = len(d['means'])
        mb = Fr(sum(d['means']), k)
        lam = d['n'] * sum((Fr(m) - mb) ** 2 for m in d['means']) / Fr(d['sd']) ** 2
        d1, d2 = k - 1, k * d['n'] - k
        fc = mp.findroot(lambda x: h_f_sf(x, d1, d2) - M(Fr(d['a'], 100)), mp.mpf(3))
        return [h_ncf_sf(fc, d1, d2, M(lam))]
    add("u39", 3, "power of a one-way ANOVA with 4 planned means, SD 3, 10 per group",
        ["power", "dsl_run"], d, render, parse, compute, hand, ["power"], [S])


# ---- u40: X-bar/S limits from summary figures, subgroup size in words ----
def _u40():
    d = dict(n=10, k=25, xbar=500.2, sbar=1.35)

    def render(d):
        return (f"Filler 3, since Jan 2022: each shift we measure {d['n']} bottles. Over {d['k']} shifts the grand "
                f"average fill is {d['xbar']:.1f} mL and the average standard deviation is {d['sbar']:.2f} mL. "
                "X-bar/S chart: UCL and LCL for X-bar, and the UCL for S?")

    def parse(t):
        return dict(n=int(grab(r'measure (\d+) bottles', t).group(1)), k=int(grab(r'Over (\d+) shifts', t).group(1)),
                    xbar=float(grab(r'fill is (\d+\.\d) mL', t).group(1)),
                    sbar=float(grab(r'deviation is (\d+\.\d+) mL', t).group(1)))

    def compute(d):
        A3, B3, B4 = SPC[d['n']][3], SPC[d['n']][4], SPC[d['n']][5]
        return [d['xbar'] + A3 * d['sbar'], d['xbar'] - A3 * d['sbar'], B4 * d['sbar']]

    def hand(d):
        A3, B4 = F(SPC[d['n']][3]), F(SPC[d['n']][5])
        return [M(F(d['xbar']) + A3 * F(d['sbar'])), M(F(d['xbar']) - A3 * F(d['sbar'])), M(B4 * F(d['sbar']))]
    add("u40", 3, "X-bar/S limits from grand mean and s-bar with subgroup size 10 given in words",
        ["summary_chart", "dsl_run"], d, render, parse, compute, hand,
        ["UCL (X-bar)", "LCL (X-bar)", "UCL (S)"], [S, S, S], fixed=("k",))


# ---- u41: REFUSAL -- five two-level factors in four runs ----
def _u41():
    d = dict(runs=4, k=5)

    def render(d):
        return (f"budget is {d['runs']} runs, full stop. Two-level fractional factorial for {d['k']} factors "
                "(A-E) - which generators, and what resolution do we get?")

    def parse(t):
        return dict(runs=int(grab(r'budget is (\d+) runs', t).group(1)), k=int(grab(r'for (\d+) factors', t).group(1)))

    def refcheck(d):
        return d['runs'] < d['k'] + 1
    add("u41", 3, "two-level fraction for 5 factors in only 4 runs",
        ["doe_design", "dsl_run"], d, render, parse, refuse=True, refcheck=refcheck,
        reason="A 4-run two-level design has only 3 degrees of freedom for effects, so it can hold at most "
               "3 factors; 5 factors in 4 runs is impossible.")


# ---- u42: 2^(6-2) plus four centre runs ----
def _u42():
    d = dict(k=6, runs=16, nc=4)

    def render(d):
        return (f"{word(d['k'])} 2-level factors in a {d['runs']}-run fractional factorial, plus {word(d['nc'])} centre "
                "runs. Total number of runs, and the best resolution we can get?")

    def parse(t):
        return dict(k=unword(grab(r'^(\w+) 2-level factors', t).group(1)), runs=int(grab(r'in a (\d+)-run', t).group(1)),
                    nc=unword(grab(r'plus (\w+) centre', t).group(1)))

    def compute(d):
        p = d['k'] - int(round(math.log2(d['runs'])))
        X, combo = frac_design(d['k'], p)
        assert X.shape[0] == d['runs']
        return [X.shape[0] + d['nc'], resolution_from_matrix(X)]

    def hand(d):
        p = d['k'] - int(round(math.log2(d['runs'])))
        return [d['runs'] + d['nc'], resolution_from_words(d['k'], p, best_generators(d['k'], p))]
    add("u42", 3, "2^(6-2) fractional factorial plus 4 centre runs: total runs and resolution",
        ["doe_design", "doe_properties", "dsl_run"], d, render, parse, compute, hand,
        ["total runs", "resolution"], [I, I], fixed=("runs",))


for _f in (_u29, _u30, _u31, _u32, _u33, _u34, _u35, _u36, _u37, _u38, _u39, _u40, _u41, _u42):
    _f()

# ============================================================================
# KIND 4 -- mathematics
# ============================================================================

def mp_fun(expr, *vars_):
    return sp.lambdify(vars_, expr, modules='mpmath')


def poly_str(coeffs, var='x'):
    deg = len(coeffs) - 1
    out = ""
    for i, c in enumerate(coeffs):
        pw = deg - i
        if c == 0:
            continue
        sign = " - " if c < 0 else " + "
        a = abs(c)
        body = (("" if a == 1 and pw else str(a)) + (var if pw >= 1 else "") + (f"^{pw}" if pw >= 2 else ""))
        out += (("-" if c < 0 else "") if not out else sign) + body
    return out


# ---- u43: second derivative at a point ----
def _u43():
    d = dict(a=3, b=2, x0=0.7)
    build = lambda d: dict(f=X_ ** d['a'] * sp.sin(d['b'] * X_), x0=rat(d['x0']))

    def render(d):
        return f"whats the 2nd derivative of f(x) = x^{d['a']}*sin({d['b']}x) at x = {d['x0']}"

    def parse(t):
        m = grab(r'f\(x\) = (.+?) at x = (' + NUM + ')', t)
        return dict(f=pexpr(m.group(1)), x0=sp.Rational(m.group(2)))

    def compute(p):
        return [sp.diff(p['f'], X_, 2).subs(X_, p['x0']).evalf(30)]

    def hand(p):
        return [mp.diff(mp_fun(p['f'], X_), M(Fr(str(p['x0']))), 2)]
    add("u43", 4, "second derivative of x^3 sin(2x) evaluated at x = 0.7",
        ["differentiate", "evaluate", "dsl_run"], d, render, parse, compute, hand, ["f''(0.7)"], [S],
        eq=sym_eq, build=build)


# ---- u44: mixed partial derivative at a point ----
def _u44():
    d = dict(a=3, b=2, x0=1, y0=0.5)
    build = lambda d: dict(f=X_ ** d['a'] * Y_ ** d['b'] + sp.exp(X_ * Y_), x0=rat(d['x0']), y0=rat(d['y0']))

    def render(d):
        return (f"For f(x,y) = x^{d['a']}*y^{d['b']} + exp(x*y), compute the mixed partial ∂²f/∂x∂y at the point "
                f"({d['x0']}, {d['y0']}).")

    def parse(t):
        m = grab(r'point \((' + NUM + r'), (' + NUM + r')\)', t)
        return dict(f=pexpr(grab(r'f\(x,y\) = (.+?), compute', t).group(1)),
                    x0=sp.Rational(m.group(1)), y0=sp.Rational(m.group(2)))

    def compute(p):
        return [sp.diff(p['f'], X_, Y_).subs({X_: p['x0'], Y_: p['y0']}).evalf(30)]

    def hand(p):
        f = mp_fun(p['f'], X_, Y_)
        return [mp.diff(f, (M(Fr(str(p['x0']))), M(Fr(str(p['y0'])))), (1, 1))]
    add("u44", 4, "mixed partial d2f/dxdy of x^3 y^2 + exp(xy) at (1, 0.5)",
        ["differentiate", "evaluate", "dsl_run"], d, render, parse, compute, hand, ["f_xy(1, 0.5)"], [S],
        eq=sym_eq, build=build)


# ---- u45: definite integral ----
def _u45():
    d = dict(p=2, c=2, hi=3)
    build = lambda d: dict(f=X_ ** d['p'] * sp.exp(-X_ / d['c']), lo=sp.Integer(0), hi=rat(d['hi']))

    def render(d):
        return f"integrate x^{d['p']}*e^(-x/{d['c']}) from 0 to {d['hi']} (numeric value pls)"

    def parse(t):
        m = grab(r'integrate (.+?) from (' + NUM + ') to (' + NUM + ')', t)
        return dict(f=pexpr(m.group(1)), lo=sp.Rational(m.group(2)), hi=sp.Rational(m.group(3)))

    def compute(p):
        return [sp.integrate(p['f'], (X_, p['lo'], p['hi'])).evalf(30)]

    def hand(p):
        return [mp.quad(mp_fun(p['f'], X_), [M(Fr(str(p['lo']))), M(Fr(str(p['hi'])))])]
    add("u45", 4, "definite integral of x^2 e^(-x/2) from 0 to 3",
        ["integrate", "dsl_run"], d, render, parse, compute, hand, ["integral"], [S], eq=sym_eq, build=build)


# ---- u46: improper integral ----
def _u46():
    d = dict(b=4, c=3, lo=1)
    build = lambda d: dict(f=1 / (X_ ** 2 + d['b'] * X_ + d['c']), lo=rat(d['lo']))

    def render(d):
        return f"Evaluate the improper integral ∫ from {d['lo']} to ∞ of dx/(x^2 + {d['b']}x + {d['c']})."

    def parse(t):
        m = grab(r'∫ from (' + NUM + r') to ∞ of dx/\((.+?)\)\.', t)
        return dict(f=1 / pexpr(m.group(2)), lo=sp.Rational(m.group(1)))

    def compute(p):
        return [sp.integrate(p['f'], (X_, p['lo'], sp.oo)).evalf(30)]

    def hand(p):
        return [mp.quad(mp_fun(p['f'], X_), [M(Fr(str(p['lo']))), mp.inf])]
    add("u46", 4, "improper integral of 1/(x^2+4x+3) from 1 to infinity",
        ["integrate", "dsl_run"], d, render, parse, compute, hand, ["integral"], [S], eq=sym_eq, build=build)


# ---- u47: limit at 0 ----
def _u47():
    d = dict(a=3)
    build = lambda d: dict(f=(sp.sin(d['a'] * X_) - d['a'] * X_) / X_ ** 3)

    def render(d):
        return f"limit as x -> 0 of (sin({d['a']}x) - {d['a']}x)/x^3 ?"

    def parse(t):
        return dict(f=pexpr(grab(r'x -> 0 of (.+?) \?', t).group(1)))

    def compute(p):
        return [sp.limit(p['f'], X_, 0).evalf(30)]

    def hand(p):
        with mp.workdps(60):
            return [mp.limit(mp_fun(p['f'], X_), 0)]
    add("u47", 4, "limit of (sin 3x - 3x)/x^3 as x -> 0",
        ["limit", "dsl_run"], d, render, parse, compute, hand, ["limit"], [S], eq=sym_eq, build=build)


# ---- u48: limit at infinity ----
def _u48():
    d = dict(a=2, b=3)
    build = lambda d: dict(f=(1 + d['a'] / X_) ** (d['b'] * X_))

    def render(d):
        return f"lim_{{x→∞}} (1 + {d['a']}/x)^({d['b']}x) = ?"

    def parse(t):
        return dict(f=pexpr(grab(r'\} (.+?) = \?', t).group(1)))

    def compute(p):
        return [sp.limit(p['f'], X_, sp.oo).evalf(30)]

    def hand(p):
        return [mp.limit(mp_fun(p['f'], X_), mp.inf)]
    add("u48", 4, "limit of (1 + 2/x)^(3x) as x -> infinity",
        ["limit", "dsl_run"], d, render, parse, compute, hand, ["limit"], [S], eq=sym_eq, build=build)


# ---- u49: Maclaurin coefficients ----
def _u49():
    d = dict(a=1, b=2)
    build = lambda d: dict(f=sp.exp(d['a'] * X_) * sp.cos(d['b'] * X_))

    def render(d):
        ex = "e^x" if d['a'] == 1 else f"e^({d['a']}x)"
        return (f"Maclaurin series of {ex}*cos({d['b']}x) up to x^5: what are the coefficients of x^3, x^4 and "
                "x^5?")

    def parse(t):
        return dict(f=pexpr(grab(r'series of (.+?) up to', t).group(1)))

    def compute(p):
        s = sp.series(p['f'], X_, 0, 6).removeO()
        return [s.coeff(X_, k) for k in (3, 4, 5)]

    def hand(p):
        c = mp.taylor(mp_fun(p['f'], X_), 0, 5)
        return [c[3], c[4], c[5]]
    add("u49", 4, "Maclaurin coefficients of x^3, x^4, x^5 for e^x cos(2x)",
        ["series", "dsl_run"], d, render, parse, compute, hand,
        ["coefficient of x^3", "coefficient of x^4", "coefficient of x^5"], [S, S, S], eq=sym_eq, build=build)


# ---- u50: real roots of a cubic ----
def _u50():
    d = dict(c=[1, -2, -5, 3])

    def render(d):
        return f"find all real roots of {poly_str(d['c'])} = 0"

    def parse(t):
        e = pexpr(grab(r'roots of (.+?) = 0', t).group(1))
        return dict(c=[int(v) for v in sp.Poly(e, X_).all_coeffs()])

    def compute(d):
        r = sorted(float(v) for v in sp.real_roots(sp.Poly(d['c'], X_)))
        if len(r) != 3:
            raise ValueError("not three real roots")
        return r

    def hand(d):
        r = mp.polyroots([M(v) for v in d['c']], maxsteps=200, extraprec=200)
        assert all(abs(mp.im(v)) < mp.mpf(10) ** -20 for v in r)
        return sorted(mp.re(v) for v in r)
    add("u50", 4, "all three real roots of x^3 - 2x^2 - 5x + 3 = 0",
        ["solve", "dsl_run"], d, render, parse, compute, hand,
        ["smallest root", "middle root", "largest root"], [S, S, S])


# ---- u51: 3x3 linear system ----
def _u51():
    while True:
        A = RNG.integers(-4, 7, (3, 3))
        b = RNG.integers(-10, 11, 3)
        if round(np.linalg.det(A)) != 0:
            sol = np.linalg.solve(A, b)
            if np.all(np.abs(sol) > 0.05):
                break
    d = dict(A=[ints(r) for r in A], b=ints(b))

    def render(d):
        eqs = "\n".join("  " + poly_row(r) + f" = {v}" for r, v in zip(d['A'], d['b']))
        return "solve\n" + eqs + "\nfor x, y, z"

    def poly_row(r):
        out = ""
        for c, v in zip(r, "xyz"):
            if c == 0:
                continue
            a = abs(c)
            body = ("" if a == 1 else str(a)) + v
            out += (("-" if c < 0 else "") if not out else (" - " if c < 0 else " + ")) + body
        return out

    def parse(t):
        rows = re.findall(r'^  (.+) = (-?\d+)$', t, re.M)
        eqs = [pexpr(l) - int(rhs) for l, rhs in rows]
        Am, bm = sp.linear_eq_to_matrix(eqs, [X_, Y_, Z_])
        return dict(A=[[int(v) for v in Am.row(i)] for i in range(Am.rows)], b=[int(v) for v in bm])

    def compute(d):
        return list(np.linalg.solve(np.array(d['A'], float), np.array(d['b'], float)))

    def hand(d):
        A = [[Fr(v) for v in r] for r in d['A']]
        det3 = lambda m: (m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1]) - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
                          + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]))
        D = det3(A)
        out = []
        for j in range(3):
            Aj = [[(Fr(d['b'][i]) if c == j else A[i][c]) for c in range(3)] for i in range(3)]
            out.append(M(det3(Aj) / D))
        return out
    add("u51", 4, "solve a 3x3 linear system with integer coefficients",
        ["solve", "matrix", "dsl_run"], d, render, parse, compute, hand, ["x", "y", "z"], [S, S, S])


# ---- u52: 4x4 determinant ----
def f_det(m):
    """Laplace (cofactor) expansion with Fractions"""
    if len(m) == 1:
        return Fr(m[0][0])
    return sum(((-1) ** j * Fr(m[0][j]) * f_det([r[:j] + r[j + 1:] for r in m[1:]]) for j in range(len(m))), Fr(0))


def _u52():
    while True:
        A = RNG.integers(-4, 7, (4, 4))
        if round(np.linalg.det(A)) != 0:
            break
    d = dict(A=[ints(r) for r in A])

    def render(d):
        rows = "\n".join("[ " + " ".join(f"{v:>2}" for v in r) + " ]" for r in d['A'])
        return "det of\n" + rows + "\n?"

    def parse(t):
        return dict(A=[[int(v) for v in r.split()] for r in re.findall(r'^\[ (.+?) \]$', t, re.M)])

    def compute(d):
        return [int(sp.Matrix(d['A']).det())]

    def hand(d):
        return [f_det(d['A'])]
    add("u52", 4, "determinant of a 4x4 integer matrix",
        ["matrix", "dsl_run"], d, render, parse, compute, hand, ["determinant"], [I])


# ---- u53: 3x3 inverse (three entries) ----
def _u53():
    while True:
        A = RNG.integers(-3, 6, (3, 3))
        if abs(round(np.linalg.det(A))) > 2:
            Ai = np.linalg.inv(A)
            if all(abs(Ai[i, j]) > 1e-9 for i, j in ((0, 0), (1, 2), (2, 0))):
                break
    d = dict(A=[ints(r) for r in A])

    def render(d):
        return ("A = " + json.dumps(d['A']) + "\nneed the inverse of A. mostly I care about the (1,1), (2,3) and "
                "(3,1) entries (row, column).")

    def parse(t):
        return dict(A=json.loads(grab(r'^A = (\[\[.*\]\])$', t, re.M).group(1)))

    def compute(d):
        Ai = np.linalg.inv(np.array(d['A'], float))
        return [Ai[0, 0], Ai[1, 2], Ai[2, 0]]

    def hand(d):
        A = d['A']
        D = f_det(A)
        minor = lambda i, j: f_det([r[:j] + r[j + 1:] for k, r in enumerate(A) if k != i])
        inv = lambda i, j: (-1) ** (i + j) * minor(j, i) / D   # adjugate / det
        return [M(inv(0, 0)), M(inv(1, 2)), M(inv(2, 0))]
    add("u53", 4, "inverse of a 3x3 integer matrix, entries (1,1), (2,3), (3,1)",
        ["matrix", "dsl_run"], d, render, parse, compute, hand,
        ["inverse (1,1)", "inverse (2,3)", "inverse (3,1)"], [S, S, S])


# ---- u54: eigenvalues of a symmetric 3x3 ----
def _u54():
    while True:
        U = RNG.integers(-3, 5, (3, 3))
        A = np.triu(U) + np.triu(U, 1).T
        ev = np.linalg.eigvalsh(A)
        if np.min(np.diff(ev)) > 0.3 and np.all(np.abs(ev) > 0.1):
            break
    d = dict(A=[ints(r) for r in A])

    def render(d):
        rows = "\n".join("    " + "  ".join(f"{v:>2}" for v in r) for r in d['A'])
        return "Eigenvalues of the symmetric matrix\n\n" + rows + "\n\n(all three, please)"

    def parse(t):
        return dict(A=[[int(v) for v in r.split()] for r in re.findall(r'^    (.+)$', t, re.M)])

    def compute(d):
        A = np.array(d['A'], float)
        if not np.array_equal(A, A.T):
            raise ValueError("not symmetric")
        return list(np.sort(np.linalg.eigvalsh(A)))

    def hand(d):
        A = [[Fr(v) for v in r] for r in d['A']]
        tr = A[0][0] + A[1][1] + A[2][2]
        m2 = sum(A[i][i] * A[j][j] - A[i][j] * A[j][i] for i, j in ((0, 1), (0, 2), (1, 2)))
        det = f_det(A)
        r = mp.polyroots([1, -M(tr), M(m2), -M(det)], maxsteps=200, extraprec=200)
        return sorted(mp.re(v) for v in r)
    add("u54", 4, "eigenvalues of a symmetric 3x3 integer matrix",
        ["matrix", "dsl_run"], d, render, parse, compute, hand,
        ["smallest eigenvalue", "middle eigenvalue", "largest eigenvalue"], [S, S, S])


# ---- u55: partial fractions ----
def _u55():
    d = dict(p=3, q=5)
    build = lambda d: dict(f=(d['p'] * X_ + d['q']) / ((X_ + 1) * (X_ + 2) ** 2))

    def render(d):
        return (f"Partial fractions: write ({d['p']}x+{d['q']})/((x+1)(x+2)^2) as A/(x+1) + B/(x+2) + C/(x+2)^2. "
                "What are A, B and C?")

    def parse(t):
        return dict(f=pexpr(grab(r'write (.+?) as A/', t).group(1)))

    def compute(p):
        ap = sp.apart(sp.together(p['f']), X_)
        out = {}
        for term in sp.Add.make_args(ap):
            num, den = sp.fraction(sp.factor(term))
            out[sp.srepr(sp.expand(den))] = num
        return [out.get(sp.srepr(sp.expand(X_ + 1)), 0), out.get(sp.srepr(sp.expand(X_ + 2)), 0),
                out.get(sp.srepr(sp.expand((X_ + 2) ** 2)), 0)]

    def hand(p):
        num, den = sp.fraction(sp.together(p['f']))
        c = sp.Poly(num, X_).all_coeffs()
        pp, qq = (Fr(int(c[0])), Fr(int(c[1]))) if len(c) == 2 else (Fr(0), Fr(int(c[0])))
        Nf = lambda x: pp * x + qq
        A = Nf(-1) / (-1 + 2) ** 2              # cover-up at x = -1
        C = Nf(-2) / (-2 + 1)                   # cover-up at x = -2
        B = (pp * (-2 + 1) - Nf(-2)) / (-2 + 1) ** 2   # d/dx [N/(x+1)] at x = -2
        return [M(A), M(B), M(C)]
    add("u55", 4, "partial-fraction coefficients A, B, C of (3x+5)/((x+1)(x+2)^2)",
        ["simplify", "dsl_run"], d, render, parse, compute, hand, ["A", "B", "C"], [S, S, S],
        eq=sym_eq, build=build)


# ---- u56: REFUSAL -- determinant of a non-square matrix ----
def _u56():
    d = dict(A=[[2, 5, 1], [0, 3, 4]])

    def render(d):
        return "determinant of " + json.dumps(d['A']) + " please"

    def parse(t):
        return dict(A=json.loads(grab(r'determinant of (\[\[.*\]\])', t).group(1)))

    def refcheck(d):
        return any(len(r) != len(d['A']) for r in d['A'])
    add("u56", 4, "determinant of a 2x3 matrix",
        ["matrix", "dsl_run"], d, render, parse, refuse=True, refcheck=refcheck,
        reason="The matrix is 2x3 (not square), so its determinant is undefined.")


for _f in (_u43, _u44, _u45, _u46, _u47, _u48, _u49, _u50, _u51, _u52, _u53, _u54, _u55, _u56):
    _f()

# ============================================================================
# KIND 5 -- named tests that must not be substituted
# ============================================================================

# ---- u57: Mann-Whitney, normal approximation with continuity + tie correction ----
def _u57():
    while True:
        g1 = R1(RNG.normal(23.5, 2.5, 11))
        g2 = R1(RNG.normal(26.0, 2.5, 10))
        U1 = st.mannwhitneyu(g1, g2).statistic
        if U1 < 11 * 10 / 2 and tie_counts(g1 + g2):
            break
    d = dict(g1=g1, g2=g2)

    def render(d):
        return ("Mann-Whitney U test please - normal approximation with continuity correction, ties corrected.\n"
                "site 1: " + "; ".join(f"{v:.1f}" for v in d['g1']) + "\nsite 2: " + "; ".join(f"{v:.1f}" for v in d['g2'])
                + "\n(sampled 2024-05-02, both sites, 11:00 run). U for site 1 and the two-sided p?")

    def parse(t):
        return dict(g1=fl(grab(r'^site 1: (.+)$', t, re.M).group(1)), g2=fl(grab(r'^site 2: (.+)$', t, re.M).group(1)))

    def compute(d):
        r = st.mannwhitneyu(d['g1'], d['g2'], method='asymptotic', use_continuity=True, alternative='two-sided')
        return [r.statistic, r.pvalue]

    def hand(d):
        n1, n2 = len(d['g1']), len(d['g2'])
        N = n1 + n2
        rk = avg_ranks(d['g1'] + d['g2'])
        U1 = sum(rk[:n1]) - Fr(n1 * (n1 + 1), 2)
        mu = Fr(n1 * n2, 2)
        ties = sum(Fr(t ** 3 - t) for t in tie_counts(d['g1'] + d['g2']))
        var = Fr(n1 * n2, 12) * ((N + 1) - ties / (N * (N - 1)))
        z = (abs(M(U1 - mu)) - mp.mpf(0.5)) / mp.sqrt(M(var))
        return [M(U1), 2 * h_norm_sf(z)]
    add("u57", 5, "Mann-Whitney U (asymptotic, continuity- and tie-corrected) for two sites",
        ["mann_whitney", "dsl_run"], d, render, parse, compute, hand, ["U (site 1)", "p"], [S, P])


# ---- u58: REFUSAL -- Wilcoxon signed-rank on unequal-length "paired" data ----
def _u58():
    left = R1(RNG.normal(40, 2, 10))
    right = R1(RNG.normal(40.5, 2, 9))
    d = dict(left=left, right=right)

    def render(d):
        return ("Wilcoxon signed-rank test on these paired readings (same shafts, left gauge vs right gauge):\n"
                "left gauge  -> " + " ".join(f"{v:.1f}" for v in d['left']) + "\nright gauge -> " +
                " ".join(f"{v:.1f}" for v in d['right']) + "\nW and p?")

    def parse(t):
        return dict(left=fl(grab(r'^left gauge  -> (.+)$', t, re.M).group(1)),
                    right=fl(grab(r'^right gauge -> (.+)$', t, re.M).group(1)))

    def refcheck(d):
        return len(d['left']) != len(d['right'])
    add("u58", 5, "Wilcoxon signed-rank requested for 'paired' lists of unequal length",
        ["wilcoxon_signed_rank", "dsl_run"], d, render, parse, refuse=True, refcheck=refcheck,
        reason="The 'paired' lists have 10 and 9 values, so the readings cannot be paired; the signed-rank "
               "test is undefined until the missing/extra reading is resolved.")


# ---- u59: Kruskal-Wallis (tie-corrected H) ----
def _u59():
    names = ["early", "late", "night"]
    g = [R1(RNG.normal(m, 1.5, n)) for m, n in zip([14.0, 15.6, 13.4], [7, 8, 6])]
    d = dict(names=names, g=g)

    def render(d):
        rows = "\n".join(f"{a}; " + "; ".join(f"{v:.1f}" for v in b) for a, b in zip(d['names'], d['g']))
        return ("Scrap weight per shift (kg), export from MES line 9:\n" + rows +
                "\n\nKruskal-Wallis accross the three shifts - H (corrected for ties) and the chi-square p-value.")

    def parse(t):
        rows = re.findall(r'^([a-z]+); (.+)$', t, re.M)
        return dict(names=[r[0] for r in rows], g=[fl(r[1]) for r in rows])

    def compute(d):
        r = st.kruskal(*d['g'])
        return [r.statistic, r.pvalue]

    def hand(d):
        allv = [v for g in d['g'] for v in g]
        N = len(allv)
        rk = avg_ranks(allv)
        pos, H = 0, Fr(0)
        for g in d['g']:
            R = sum(rk[pos:pos + len(g)])
            H += R * R / len(g)
            pos += len(g)
        H = Fr(12, N * (N + 1)) * H - 3 * (N + 1)
        C = 1 - sum(Fr(t ** 3 - t) for t in tie_counts(allv)) / (N ** 3 - N)
        H = H / C
        return [M(H), h_chi2_sf(H, len(d['g']) - 1)]
    add("u59", 5, "Kruskal-Wallis H (tie-corrected) across three shifts",
        ["kruskal_wallis", "dsl_run"], d, render, parse, compute, hand, ["H", "p"], [S, P])


# ---- u60: Welch t from summary statistics ----
def _u60():
    d = dict(m1=12.4, s1=2.1, n1=15, m2=10.9, s2=3.4, n2=12)

    def render(d):
        return (f"Welch's t-test from summary stats: group A mean {d['m1']}, sd {d['s1']}, n {d['n1']}; "
                f"group B mean {d['m2']}, sd {d['s2']}, n {d['n2']}. t, df and the two-sided p?")

    def parse(t):
        a = grab(r'group A mean (' + NUM + r'), sd (' + NUM + r'), n (\d+); group B mean (' + NUM + r'), sd (' + NUM +
                 r'), n (\d+)\.', t)
        return dict(m1=float(a.group(1)), s1=float(a.group(2)), n1=int(a.group(3)), m2=float(a.group(4)),
                    s2=float(a.group(5)), n2=int(a.group(6)))

    def compute(d):
        r = st.ttest_ind_from_stats(d['m1'], d['s1'], d['n1'], d['m2'], d['s2'], d['n2'], equal_var=False)
        v1, v2 = d['s1'] ** 2 / d['n1'], d['s2'] ** 2 / d['n2']
        df = (v1 + v2) ** 2 / (v1 ** 2 / (d['n1'] - 1) + v2 ** 2 / (d['n2'] - 1))
        return [abs(r.statistic), df, r.pvalue]

    def hand(d):
        v1, v2 = F(d['s1']) ** 2 / d['n1'], F(d['s2']) ** 2 / d['n2']
        t = M(F(d['m1']) - F(d['m2'])) / mp.sqrt(M(v1 + v2))
        df = (v1 + v2) ** 2 / (v1 ** 2 / (d['n1'] - 1) + v2 ** 2 / (d['n2'] - 1))
        return [abs(t), M(df), h_t_p2(t, M(df))]
    add("u60", 5, "Welch t-test from summary statistics",
        ["summary_t_test", "t_test", "dsl_run"], d, render, parse, compute, hand, ["|t|", "df", "p"], [S, S, P])


# ---- u61: Fisher exact 2x2 ----
def _u61():
    d = dict(t=[[3, 14], [11, 9]])

    def render(d):
        (a, b), (c, e) = d['t']
        return ("Fisher exact test (two-sided) on this 2x2, burn-in lot 2024-118:\n\n"
                "              failed   passed\n"
                f"vendor A      {a:>4}     {b:>4}\n"
                f"vendor B      {c:>4}     {e:>4}\n\nwhat's the p-value?")

    def parse(t):
        rows = re.findall(r'^vendor [AB]\s+(\d+)\s+(\d+)$', t, re.M)
        return dict(t=[[int(r[0]), int(r[1])] for r in rows])

    def compute(d):
        return [st.fisher_exact(d['t'], alternative='two-sided').pvalue]

    def hand(d):
        (a, b), (c, e) = d['t']
        r1, r2, c1 = a + b, c + e, a + c
        N = r1 + r2
        pr = lambda x: Fr(math.comb(r1, x) * math.comb(r2, c1 - x), math.comb(N, c1))
        po = pr(a)
        p = sum(pr(x) for x in range(max(0, c1 - r2), min(r1, c1) + 1) if pr(x) <= po)
        return [M(p)]
    add("u61", 5, "two-sided Fisher exact test on a labelled 2x2 table",
        ["proportion_test", "dsl_run"], d, render, parse, compute, hand, ["p"], [P])


# ---- u62: exact binomial test + Clopper-Pearson ----
def _u62():
    d = dict(x=7, n=40, p0=0.08)

    def render(d):
        return (f"exact binomial test: {d['x']} failures in {d['n']} trials, H0: p = {d['p0']}, two-sided (p-value = "
                "sum of the probabilities of all outcomes no more likely than the observed one). Give the p-value and "
                "the Clopper-Pearson 95% CI for the failure rate.")

    def parse(t):
        m = grab(r'(\d+) failures in (\d+) trials, H0: p = (' + NUM + ')', t)
        return dict(x=int(m.group(1)), n=int(m.group(2)), p0=float(m.group(3)))

    def compute(d):
        r = st.binomtest(d['x'], d['n'], d['p0'])
        ci = r.proportion_ci(0.95, method='exact')
        return [r.pvalue, ci.low, ci.high]

    def hand(d):
        x, n, p0 = d['x'], d['n'], F(d['p0'])
        pmf = lambda k: math.comb(n, k) * p0 ** k * (1 - p0) ** (n - k)
        po = pmf(x)
        p = sum(pmf(k) for k in range(n + 1) if pmf(k) <= po)
        lo = h_bisect(lambda q: mp.betainc(x, n - x + 1, 0, q, regularized=True) - mp.mpf('0.025'), 0, 1)
        hi = h_bisect(lambda q: mp.betainc(x + 1, n - x, 0, q, regularized=True) - mp.mpf('0.975'), 0, 1)
        return [M(p), lo, hi]
    add("u62", 5, "two-sided exact binomial test (minlikelihood convention) with Clopper-Pearson CI",
        ["proportion_test", "dsl_run"], d, render, parse, compute, hand,
        ["p", "CI lower", "CI upper"], [P, S, S])


# ---- u63: Brown-Forsythe (median-centred Levene) ----
def _u63():
    g = [R1(RNG.normal(50, s_, 8)) for s_ in (1.4, 3.2, 2.0)]
    d = dict(g=g)

    def render(d):
        return ("Brown-Forsythe test (Levene with deviations from the group medians) for equal variances across "
                "the three moulds:\n" + "\n".join(f"M{i + 1} = " + ", ".join(f"{v:.1f}" for v in x) for i, x in enumerate(d['g']))
                + "\nstatistic and p?")

    def parse(t):
        return dict(g=[fl(b) for b in re.findall(r'^M\d = (.+)$', t, re.M)])

    def compute(d):
        r = st.levene(*d['g'], center='median')
        return [r.statistic, r.pvalue]

    def hand(d):
        z = [[abs(F(v) - fmedian(x)) for v in x] for x in d['g']]
        Fst, d1, d2 = h_oneway(z)
        return [M(Fst), h_f_sf(Fst, d1, d2)]
    add("u63", 5, "Brown-Forsythe (median-centred Levene) test across three moulds",
        ["levene", "dsl_run"], d, render, parse, compute, hand, ["W (F statistic)", "p"], [S, P])


# ---- u64: Bartlett ----
def _u64():
    g = [R2(RNG.normal(10, s_, 6)) for s_ in (0.25, 0.2, 0.35, 0.2)]
    d = dict(ops=["Kim", "Ortiz", "Patel", "Weber"], g=g)

    def render(d):
        hdr = "operator | readings (mm)\n"
        rows = "\n".join(f"{a:<8} | " + "  ".join(f"{v:.2f}" for v in x) for a, x in zip(d['ops'], d['g']))
        return "Bartlett's test for equal variances on these four operators' readings:\n\n" + hdr + rows + \
            "\n\nchi-square statistic and p-value?"

    def parse(t):
        rows = re.findall(r'^([A-Z][a-z]+)\s+\| (.+)$', t, re.M)
        return dict(ops=[r[0] for r in rows], g=[fl(r[1]) for r in rows])

    def compute(d):
        r = st.bartlett(*d['g'])
        return [r.statistic, r.pvalue]

    def hand(d):
        k = len(d['g'])
        n = [len(x) for x in d['g']]
        N = sum(n)
        v = [fvar(x) for x in d['g']]
        sp2 = sum((ni - 1) * vi for ni, vi in zip(n, v)) / (N - k)
        num = (N - k) * mp.log(M(sp2)) - sum((ni - 1) * mp.log(M(vi)) for ni, vi in zip(n, v))
        den = 1 + (sum(Fr(1, ni - 1) for ni in n) - Fr(1, N - k)) / (3 * (k - 1))
        T = num / M(den)
        return [T, h_chi2_sf(T, k - 1)]
    add("u64", 5, "Bartlett's test for equal variances across four operators",
        ["variance_test", "dsl_run"], d, render, parse, compute, hand, ["chi2 (Bartlett)", "p"], [S, P])


# ---- u65: two-sided F test of variances ----
def _u65():
    A = R2(RNG.normal(3.0, 0.30, 11))
    B = R2(RNG.normal(3.0, 0.17, 9))
    d = dict(A=A, B=B)

    def render(d):
        return ("A: " + ", ".join(f"{v:.2f}" for v in d['A']) + "\nB: " + ", ".join(f"{v:.2f}" for v in d['B']) +
                "\n\nF test for equality of the two variances: ratio = var(A)/var(B), two-sided p (twice the smaller "
                "tail). Coating thickness in microns, booth 4.")

    def parse(t):
        return dict(A=fl(grab(r'^A: (.+)$', t, re.M).group(1)), B=fl(grab(r'^B: (.+)$', t, re.M).group(1)))

    def compute(d):
        f = np.var(d['A'], ddof=1) / np.var(d['B'], ddof=1)
        d1, d2 = len(d['A']) - 1, len(d['B']) - 1
        return [f, 2 * min(st.f.cdf(f, d1, d2), st.f.sf(f, d1, d2))]

    def hand(d):
        f = fvar(d['A']) / fvar(d['B'])
        sf = h_f_sf(f, len(d['A']) - 1, len(d['B']) - 1)
        return [M(f), 2 * min(sf, 1 - sf)]
    add("u65", 5, "two-sided F test of two variances, ratio var(A)/var(B)",
        ["variance_test", "dsl_run"], d, render, parse, compute, hand, ["F (A/B)", "p"], [S, P])


# ---- u66: Spearman rank correlation ----
def _u66():
    x = R1(RNG.uniform(10, 30, 14))
    y = R1(0.5 * np.array(x) + RNG.normal(0, 3.5, 14))
    d = dict(x=x, y=y)

    def render(d):
        rows = "\n".join(f"{a:.1f}\t{b:.1f}" for a, b in zip(d['x'], d['y']))
        return ("Spearman rank correlation between humidity (%) and drying defects (per 1000) - average ranks for "
                "ties, p from the t approximation.\n\nhum\tdef\n" + rows)

    def parse(t):
        rows = re.findall(r'^(\d+\.\d)\t(-?\d+\.\d)$', t, re.M)
        return dict(x=[float(r[0]) for r in rows], y=[float(r[1]) for r in rows])

    def compute(d):
        r = st.spearmanr(d['x'], d['y'])
        return [r.statistic, r.pvalue]

    def hand(d):
        rho = h_pearson(avg_ranks(d['x']), avg_ranks(d['y']))
        n = len(d['x'])
        t = rho * mp.sqrt((n - 2) / (1 - rho ** 2))
        return [rho, h_t_p2(t, n - 2)]
    add("u66", 5, "Spearman rank correlation with t-approximation p",
        ["correlation", "dsl_run"], d, render, parse, compute, hand, ["rho", "p"], [S, P])


# ---- u67: Kendall tau-b with exact p ----
def mahonian(n):
    """distribution of the number of inversions over the n! permutations"""
    dist = [1]
    for m in range(2, n + 1):
        new = [0] * (len(dist) + m - 1)
        for i, c in enumerate(dist):
            for j in range(m):
                new[i + j] += c
        dist = new
    return dist


def _u67():
    while True:
        x = R2(RNG.uniform(1, 9, 10))
        y = R2(0.4 * np.array(x) + RNG.normal(0, 1.2, 10))
        if len(set(x)) == 10 and len(set(y)) == 10:
            break
    d = dict(x=x, y=y)

    def render(d):
        pairs = ", ".join(f"({a:.2f}, {b:.2f})" for a, b in zip(d['x'], d['y']))
        return ("(x, y) pairs from the vibration study, rig #3: " + pairs +
                ". Kendall's tau-b with an exact p-value (two-sided) please.")

    def parse(t):
        prs = re.findall(r'\((' + NUM + r'), (' + NUM + r')\)', t)
        return dict(x=[float(a) for a, b in prs], y=[float(b) for a, b in prs])

    def compute(d):
        r = st.kendalltau(d['x'], d['y'], method='exact')
        return [r.statistic, r.pvalue]

    def hand(d):
        n = len(d['x'])
        con = dis = 0
        for i in range(n):
            for j in range(i + 1, n):
                s_ = (F(d['x'][i]) - F(d['x'][j])) * (F(d['y'][i]) - F(d['y'][j]))
                con += s_ > 0
                dis += s_ < 0
        tau = Fr(con - dis, n * (n - 1) // 2)
        dist = mahonian(n)
        c = min(con, dis)
        p = min(Fr(1), Fr(2 * sum(dist[:c + 1]), math.factorial(n)))
        return [M(tau), M(p)]
    add("u67", 5, "Kendall tau-b with exact two-sided p",
        ["correlation", "dsl_run"], d, render, parse, compute, hand, ["tau-b", "p (exact)"], [S, P])


# ---- u68: Shapiro-Wilk ----
def h_shapiro(x):
    """Royston (1995) AS R94 algorithm, written out independently"""
    x = sorted(M(F(v)) for v in x)
    n = len(x)
    assert 12 <= n <= 5000
    nn2 = n // 2
    m = [h_norm_ppf((mp.mpf(i) - mp.mpf('0.375')) / (n + mp.mpf('0.25'))) for i in range(1, nn2 + 1)]
    summ2 = 2 * sum(v * v for v in m)
    ssumm2 = mp.sqrt(summ2)
    rsn = 1 / mp.sqrt(n)
    poly = lambda c, z: sum(ci * z ** i for i, ci in enumerate(c))
    c1 = [0, mp.mpf('0.221157'), mp.mpf('-0.147981'), mp.mpf('-2.071190'), mp.mpf('4.434685'), mp.mpf('-2.706056')]
    c2 = [0, mp.mpf('0.042981'), mp.mpf('-0.293762'), mp.mpf('-1.752461'), mp.mpf('5.682633'), mp.mpf('-3.582633')]
    a1 = poly(c1, rsn) - m[0] / ssumm2
    a2 = -m[1] / ssumm2 + poly(c2, rsn)
    fac = mp.sqrt((summ2 - 2 * m[0] ** 2 - 2 * m[1] ** 2) / (1 - 2 * a1 ** 2 - 2 * a2 ** 2))
    a = [a1, a2] + [-m[i] / fac for i in range(2, nn2)]
    num = sum(a[i] * (x[i] - x[n - 1 - i]) for i in range(nn2)) ** 2
    xm = sum(x) / n
    W = num / sum((v - xm) ** 2 for v in x)
    ln = mp.log(n)
    mu = poly([mp.mpf('-1.5861'), mp.mpf('-0.31082'), mp.mpf('-0.083751'), mp.mpf('0.0038915')], ln)
    sg = mp.exp(poly([mp.mpf('-0.4803'), mp.mpf('-0.082676'), mp.mpf('0.0030302')], ln))
    pval = h_norm_sf((mp.log(1 - W) - mu) / sg)
    return W, pval


def _u68():
    x = R1(np.round(20 + RNG.gamma(2.5, 1.6, 20), 1))
    d = dict(x=x)

    def render(d):
        return ("Shapiro-Wilk normality test on these 20 cycle times (s), cell 14, 2nd shift:\n" +
                "\n".join("  ".join(f"{v:.1f}" for v in d['x'][i:i + 5]) for i in range(0, 20, 5)) + "\nW and p?")

    def parse(t):
        blk = grab(r'2nd shift:\n(.+?)\nW and p', t, re.S).group(1)
        return dict(x=fl(blk))

    def compute(d):
        r = st.shapiro(d['x'])
        return [r.statistic, r.pvalue]

    def hand(d):
        return list(h_shapiro(d['x']))
    add("u68", 5, "Shapiro-Wilk W and p for 20 cycle times",
        ["normality", "dsl_run"], d, render, parse, compute, hand, ["W", "p"], [S, P])


# ---- u69: Welch's ANOVA ----
def _u69():
    g = [R1(RNG.normal(m, s_, n)) for m, s_, n in zip([20.0, 21.5, 23.5], [1.0, 2.5, 4.0], [8, 10, 7])]
    d = dict(labs=["Lab-A", "Lab-B", "Lab-C"], g=g)

    def render(d):
        rows = "\n".join(f"{a}: " + " ".join(f"{v:.1f}" for v in x) for a, x in zip(d['labs'], d['g']))
        return ("Welch's ANOVA (unequal variances) for the three labs' results on reference sample RS-19:\n" + rows +
                "\nF, denominator df, p?")

    def parse(t):
        rows = re.findall(r'^(Lab-[A-Z]): (.+)$', t, re.M)
        return dict(labs=[r[0] for r in rows], g=[fl(r[1]) for r in rows])

    def compute(d):
        r = anova_oneway([np.array(x) for x in d['g']], use_var='unequal', welch_correction=True)
        return [r.statistic, r.df[1], r.pvalue]

    def hand(d):
        k = len(d['g'])
        n = [len(x) for x in d['g']]
        w = [Fr(ni) / fvar(x) for ni, x in zip(n, d['g'])]
        W = sum(w)
        mw = sum(wi * fmean(x) for wi, x in zip(w, d['g'])) / W
        A = sum(wi * (fmean(x) - mw) ** 2 for wi, x in zip(w, d['g'])) / (k - 1)
        tmp = sum((1 - wi / W) ** 2 / (ni - 1) for wi, ni in zip(w, n))
        B = 1 + Fr(2 * (k - 2), k * k - 1) * tmp
        Fst = A / B
        df2 = Fr(k * k - 1) / (3 * tmp)
        return [M(Fst), M(df2), h_f_sf(Fst, k - 1, M(df2))]
    add("u69", 5, "Welch's one-way ANOVA for three labs with unequal variances",
        ["anova_oneway", "dsl_run"], d, render, parse, compute, hand, ["F", "df2", "p"], [S, S, P])


# ---- u70: balanced two-way ANOVA with interaction ----
def _u70():
    ovens, recs = ["O1", "O2"], ["R1", "R2", "R3"]
    eff_o = {"O1": 0.0, "O2": 1.2}
    eff_r = {"R1": 0.0, "R2": 0.8, "R3": -0.5}
    inter = {("O2", "R3"): 1.6}
    rows = []
    for o in ovens:
        for r in recs:
            for v in R1(30 + eff_o[o] + eff_r[r] + inter.get((o, r), 0) + RNG.normal(0, 0.8, 3)):
                rows.append((o, r, v))
    order = [int(i) for i in RNG.permutation(len(rows))]
    rows = [rows[i] for i in order]
    d = dict(o=[r[0] for r in rows], r=[r[1] for r in rows], y=[r[2] for r in rows])

    def render(d):
        body = "\n".join(f"{a},{b},{c:.1f}" for a, b, c in zip(d['o'], d['r'], d['y']))
        return ("oven,recipe,hardness\n" + body + "\n\nTwo-way ANOVA with interaction on that (balanced, 3 "
                "replicates per oven x recipe cell). F for oven, F for the oven x recipe interaction, and the "
                "interaction p-value?")

    def parse(t):
        rows = re.findall(r'^(O\d),(R\d),(\d+\.\d)$', t, re.M)
        return dict(o=[r[0] for r in rows], r=[r[1] for r in rows], y=[float(r[2]) for r in rows])

    def compute(d):
        df = pd.DataFrame(dict(o=d['o'], r=d['r'], y=d['y']))
        tab = anova_lm(ols('y ~ C(o) * C(r)', data=df).fit(), typ=2)
        return [tab.loc['C(o)', 'F'], tab.loc['C(o):C(r)', 'F'], tab.loc['C(o):C(r)', 'PR(>F)']]

    def hand(d):
        A = sorted(set(d['o']))
        B = sorted(set(d['r']))
        cell = {(a, b): [F(y) for o, r, y in zip(d['o'], d['r'], d['y']) if o == a and r == b] for a in A for b in B}
        nrep = len(cell[(A[0], B[0])])
        assert all(len(v) == nrep for v in cell.values())
        gm = fmean([F(y) for y in d['y']])
        ma = {a: fmean([v for b in B for v in cell[(a, b)]]) for a in A}
        mb = {b: fmean([v for a in A for v in cell[(a, b)]]) for b in B}
        mc = {k: fmean(v) for k, v in cell.items()}
        ssa = len(B) * nrep * sum((ma[a] - gm) ** 2 for a in A)
        ssab = nrep * sum((mc[(a, b)] - ma[a] - mb[b] + gm) ** 2 for a in A for b in B)
        sse = sum((v - mc[k]) ** 2 for k, vs in cell.items() for v in vs)
        dfe = len(A) * len(B) * (nrep - 1)
        mse = sse / dfe
        fa = (ssa / (len(A) - 1)) / mse
        dfab = (len(A) - 1) * (len(B) - 1)
        fab = (ssab / dfab) / mse
        return [M(fa), M(fab), h_f_sf(fab, dfab, dfe)]
    add("u70", 5, "balanced two-way ANOVA with interaction (oven x recipe), long-format CSV",
        ["anova_twoway", "dsl_run"], d, render, parse, compute, hand,
        ["F (oven)", "F (oven x recipe)", "p (interaction)"], [S, S, P])


for _f in (_u57, _u58, _u59, _u60, _u61, _u62, _u63, _u64, _u65, _u66, _u67, _u68, _u69, _u70):
    _f()

# ============================================================================
# checks and output
# ============================================================================

def leaves(obj, path=()):
    if isinstance(obj, dict):
        for k in obj:
            yield from leaves(obj[k], path + (k,))
    elif isinstance(obj, (list, tuple)):
        for i, v in enumerate(obj):
            yield from leaves(v, path + (i,))
    elif isinstance(obj, bool) or obj is None:
        return
    elif isinstance(obj, (int, float)):
        yield path, obj


def set_leaf(obj, path, val):
    o = copy.deepcopy(obj)
    cur = o
    for p_ in path[:-1]:
        cur = cur[p_]
    cur[path[-1]] = val
    return o


def bump(v, step):
    return v + step if isinstance(v, int) else round(v + step, 6)


def close(a, b, tol):
    a, b = float(a), float(b)
    return abs(a - b) <= tol * max(abs(a), abs(b)) or abs(a - b) < 1e-12


def is_int(v):
    return float(v) == int(round(float(v)))


def tool_names():
    names = []
    with open(os.path.join(HERE, "TOOLS.txt"), encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                names.append(line.split()[0])
    return set(names)


def sig(v, rel):
    if rel == 0:
        return int(round(float(v)))
    return float(f"{float(v):.6g}")


def check(q, tools_ok):
    assert set(q['tools']) <= tools_ok, (q['id'], q['tools'])
    assert "dsl_run" in q['tools']
    build = q['build'] or (lambda x: x)
    eq = q['eq'] or (lambda a, b: a == b)
    d = q['data']
    text = q['render'](d)
    parsed = q['parse'](text)
    assert eq(parsed, build(d)), (q['id'], "parse(render(data)) != data")
    lib = None
    if q['refuse']:
        assert q['refcheck'](parsed), (q['id'], "refusal condition not visible in the text")
        assert q['compute'] is None
    else:
        n_exp = len(q['what'])
        assert 1 <= n_exp <= 3 and len(q['rel']) == n_exp
        lib = [float(v) for v in q['compute'](build(d))]
        hd = [float(v) for v in q['hand'](build(d))]
        assert len(lib) == len(hd) == n_exp, q['id']
        for w, r, a, b in zip(q['what'], q['rel'], lib, hd):
            assert math.isfinite(a), (q['id'], w, a)
            if r == 0:
                assert is_int(a) and is_int(b) and int(round(a)) == int(round(b)), (q['id'], w, a, b)
            else:
                assert close(a, b, 1e-4), (q['id'], w, a, b)
                assert a != 0.0, (q['id'], w, "zero expectation")
            if w.lower().startswith('p') and r == P:
                assert 1e-4 < a < 0.99, (q['id'], w, a)
        rp = [float(v) for v in q['compute'](parsed)]
        for a, b in zip(lib, rp):
            assert close(a, b, 1e-9), (q['id'], "re-parse", a, b)
    # mutation test of the parser
    tried = changed = 0
    for path, v in leaves(d):
        if path[0] in q['fixed']:
            continue
        for step in (1, 7, 23):
            d2 = set_leaf(d, path, bump(v, step))
            try:
                t2 = q['render'](d2)
                b2 = build(d2)
            except Exception:
                continue
            p2 = q['parse'](t2)
            assert t2 != text, (q['id'], path)
            assert eq(p2, b2), (q['id'], "mutation not parsed back", path)
            tried += 1
            if q['refuse']:
                changed += 1
                break
            try:
                r2 = [float(v) for v in q['compute'](p2)]
            except Exception:
                continue
            if any(not close(a, b, 1e-9) for a, b in zip(lib, r2)):
                changed += 1
                break
    assert tried > 0 and changed > 0, (q['id'], tried, changed)
    return text, lib


def main():
    verify_spc_table()
    tools_ok = tool_names()
    ids = [q['id'] for q in QS]
    assert ids == [f"u{i:02d}" for i in range(1, len(QS) + 1)], ids
    recs = []
    for q in QS:
        text, lib = check(q, tools_ok)
        exp = [] if q['refuse'] else [{"what": w, "value": sig(v, r), "rel": r}
                                      for w, v, r in zip(q['what'], lib, q['rel'])]
        recs.append({"id": q['id'], "kind": q['kind'], "question": text, "intent": q['intent'],
                     "tools": q['tools'], "expect": exp, "refuse": q['refuse']})
    lines = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs)
    with open(os.path.join(HERE, "round28.jsonl"), "w", encoding="utf-8") as fh:
        fh.write(lines)
    by_kind = {}
    for r in recs:
        by_kind.setdefault(str(r['kind']), {"questions": 0, "refusals": 0})
        by_kind[str(r['kind'])]["questions"] += 1
        by_kind[str(r['kind'])]["refusals"] += int(r['refuse'])
    meta = {
        "round": 28, "seed": SEED, "n_questions": len(recs),
        "n_refusals": sum(r['refuse'] for r in recs),
        "n_expectations": sum(len(r['expect']) for r in recs),
        "by_kind": by_kind,
        "refusal_reasons": {q['id']: q['reason'] for q in QS if q['refuse']},
        "loosened_tolerance": LOOSENED,
        "tolerances": {"statistics": S, "p_values": P, "integers": I},
        "jsonl_md5": hashlib.md5(lines.encode("utf-8")).hexdigest(),
    }
    with open(os.path.join(HERE, "round28_meta.json"), "w", encoding="utf-8") as fh:
        json.dump(meta, fh, indent=2, ensure_ascii=False)
        fh.write("\n")
    print(f"{len(recs)} questions, {meta['n_refusals']} refusals, md5 {meta['jsonl_md5']}")


LOOSENED = {}

if __name__ == "__main__":
    main()
