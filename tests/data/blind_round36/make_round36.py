#!/usr/bin/env python3
"""make_round36.py - deterministic generator of the round-36 blind evaluation set.

Every data set lives in this file (random parts drawn from
numpy.random.default_rng(36363636) in id order).  Each question's text is
rendered from its data, parsed back with a regex / table parser and compared
with the data; expected values are computed with library routines (scipy,
statsmodels, sympy, SPC tables, design matrices) and cross-checked against an
independent hand computation (Fractions, mpmath, exact rank distributions,
closed forms).  A mutation test perturbs every numeric datum by +1.
"""
import copy
import hashlib
import itertools
import json
import math
import os
import re
import sys
import time
from fractions import Fraction as Fr

import mpmath as mp
import numpy as np
import scipy.integrate as si
import scipy.stats as st
import statsmodels.api as sm
import statsmodels.formula.api as smf
import sympy as sp
from statsmodels.stats.contingency_tables import mcnemar as sm_mcnemar
from statsmodels.stats.descriptivestats import sign_test as sm_sign_test
from statsmodels.stats.power import FTestAnovaPower, TTestIndPower, TTestPower
from statsmodels.stats.proportion import proportion_confint, proportions_ztest

T0 = time.time()
HERE = os.path.dirname(os.path.abspath(__file__))
mp.mp.dps = 30
rng = np.random.default_rng(36363636)

# ----------------------------------------------------------------------------
# small helpers
# ----------------------------------------------------------------------------


def rf(a, dec):
    """list of python floats rounded to dec decimals"""
    return [round(float(x), dec) for x in np.atleast_1d(a)]


def ri(a):
    return [int(x) for x in np.atleast_1d(a)]


def Fx(v):
    """exact Fraction of a (rounded) datum"""
    if isinstance(v, Fr):
        return v
    if isinstance(v, (int, np.integer)):
        return Fr(int(v))
    return Fr(repr(round(float(v), 9)))


def mq(x):
    x = Fx(x) if not isinstance(x, Fr) else x
    return mp.mpf(x.numerator) / x.denominator


def fmean(xs):
    return sum((Fx(x) for x in xs), Fr(0)) / len(xs)


def fss(xs):
    m = fmean(xs)
    return sum(((Fx(x) - m) ** 2 for x in xs), Fr(0))


def fvar(xs):
    return fss(xs) / (len(xs) - 1)


def msd(xs):
    return mp.sqrt(mq(fvar(xs)))


def fmedian(xs):
    s = sorted(Fx(x) for x in xs)
    n = len(s)
    return s[n // 2] if n % 2 else (s[n // 2 - 1] + s[n // 2]) / 2


# --- distribution tails by hand (mpmath incomplete beta / gamma, erfc) -------
def h_p_t2(t, df):
    t = mp.mpf(t)
    df = mp.mpf(df)
    return mp.betainc(df / 2, mp.mpf(1) / 2, 0, df / (df + t * t), regularized=True)


def h_cdf_t(t, df):
    p2 = h_p_t2(t, df)
    return p2 / 2 if t < 0 else 1 - p2 / 2


def h_sf_F(F, d1, d2):
    F = mp.mpf(F)
    d1 = mp.mpf(d1)
    d2 = mp.mpf(d2)
    return mp.betainc(d2 / 2, d1 / 2, 0, d2 / (d2 + d1 * F), regularized=True)


def h_sf_chi2(x, k):
    return mp.gammainc(mp.mpf(k) / 2, mp.mpf(x) / 2, mp.inf, regularized=True)


def h_Phi(z):
    return mp.erfc(-mp.mpf(z) / mp.sqrt(2)) / 2


def h_zq(p):
    """standard normal quantile by hand"""
    return mp.sqrt(2) * mp.erfinv(2 * mp.mpf(p) - 1)


def h_tq(p, df):
    """t quantile by root finding on the incomplete beta"""
    z = h_zq(p)
    return mp.findroot(lambda t: h_cdf_t(t, df) - p, z * (1 + 1 / mp.mpf(df)))


def h_Fq_upper(alpha, d1, d2):
    return mp.findroot(lambda F: h_sf_F(F, d1, d2) - alpha, mp.mpf(3))


def h_bisect(f, lo, hi, it=200):
    """root of an increasing f on [lo, hi] by bisection"""
    lo, hi = mp.mpf(lo), mp.mpf(hi)
    assert f(lo) < 0 < f(hi)
    for _ in range(it):
        mid = (lo + hi) / 2
        if f(mid) < 0:
            lo = mid
        else:
            hi = mid
    return (lo + hi) / 2


def midranks(vals):
    fv = [Fx(v) for v in vals]
    order = sorted(range(len(fv)), key=lambda i: fv[i])
    r = [None] * len(fv)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and fv[order[j + 1]] == fv[order[i]]:
            j += 1
        rank = Fr(i + 1 + j + 1, 2)
        for kk in range(i, j + 1):
            r[order[kk]] = rank
        i = j + 1
    return r


def binom_pmf_fr(k, n, p):
    return math.comb(n, k) * p ** k * (1 - p) ** (n - k)


def h_welch(x, y):
    vx, vy = fvar(x) / len(x), fvar(y) / len(y)
    t = mq(fmean(x) - fmean(y)) / mp.sqrt(mq(vx + vy))
    df = (vx + vy) ** 2 / (vx ** 2 / (len(x) - 1) + vy ** 2 / (len(y) - 1))
    return t, mq(df), h_p_t2(t, mq(df))


def h_pooled(x, y):
    nx, ny = len(x), len(y)
    sp2 = (fss(x) + fss(y)) / (nx + ny - 2)
    t = mq(fmean(x) - fmean(y)) / mp.sqrt(mq(sp2 * (Fr(1, nx) + Fr(1, ny))))
    return t, nx + ny - 2, h_p_t2(t, nx + ny - 2)


def h_linreg(x, y):
    n = len(x)
    X = [Fx(v) for v in x]
    Y = [Fx(v) for v in y]
    mx, my = sum(X) / n, sum(Y) / n
    sxx = sum((a - mx) ** 2 for a in X)
    sxy = sum((a - mx) * (b - my) for a, b in zip(X, Y))
    syy = sum((b - my) ** 2 for b in Y)
    b1 = sxy / sxx
    b0 = my - b1 * mx
    r2 = sxy ** 2 / (sxx * syy)
    return b1, b0, r2


def h_anova1(groups):
    allv = [v for g in groups for v in g]
    gm = fmean(allv)
    ssb = sum(len(g) * (fmean(g) - gm) ** 2 for g in groups)
    ssw = sum(fss(g) for g in groups)
    d1, d2 = len(groups) - 1, len(allv) - len(groups)
    F = (ssb / d1) / (ssw / d2)
    return F, h_sf_F(mq(F), d1, d2), d1, d2


def h_gof(obs, probs):
    N = sum(obs)
    tot = sum(Fx(p) for p in probs)
    e = [N * Fx(p) / tot for p in probs]
    x2 = sum((o - ee) ** 2 / ee for o, ee in zip(obs, e))
    return x2, h_sf_chi2(mq(x2), len(obs) - 1)


def h_indep(tab):
    R = [sum(r) for r in tab]
    C = [sum(c) for c in zip(*tab)]
    N = sum(R)
    x2 = sum(Fr((tab[i][j] * N - R[i] * C[j]) ** 2, N * R[i] * C[j])
             for i in range(len(R)) for j in range(len(C)))
    df = (len(R) - 1) * (len(C) - 1)
    return x2, df, h_sf_chi2(mq(x2), df)


def count_subset_sums(ranks, m):
    """ways[s] = number of m-subsets of the integer ranks with sum s"""
    ways = {(0, 0): 1}
    for r in ranks:
        new = dict(ways)
        for (c, s), w in ways.items():
            if c < m:
                new[(c + 1, s + r)] = new.get((c + 1, s + r), 0) + w
        ways = new
    return {s: w for (c, s), w in ways.items() if c == m}


def h_mw_exact(x, y):
    """exact two-sided Mann-Whitney p (no ties) from the rank-sum distribution"""
    n1, n2 = len(x), len(y)
    r = midranks(list(x) + list(y))
    assert all(v.denominator == 1 for v in r)
    R1 = sum(r[:n1])
    U1 = R1 - Fr(n1 * (n1 + 1), 2)
    dist = count_subset_sums(range(1, n1 + n2 + 1), n1)
    tot = math.comb(n1 + n2, n1)
    Umax = max(U1, n1 * n2 - U1)
    up = sum(w for s, w in dist.items() if s - Fr(n1 * (n1 + 1), 2) >= Umax)
    return min(Fr(1), 2 * Fr(up, tot)), U1


def h_signed_rank_exact(d):
    """W+ and exact two-sided p of the signed-rank statistic (no zeros, no ties)"""
    ad = [abs(Fx(v)) for v in d]
    r = midranks(ad)
    assert all(v.denominator == 1 for v in r) and all(v != 0 for v in ad)
    wplus = sum(rr for rr, v in zip(r, d) if v > 0)
    n = len(d)
    ways = [0] * (n * (n + 1) // 2 + 1)
    ways[0] = 1
    for k in range(1, n + 1):
        for s in range(len(ways) - 1, k - 1, -1):
            ways[s] += ways[s - k]
    tot = 2 ** n
    wmin = min(wplus, Fr(n * (n + 1), 2) - wplus)
    lo = sum(ways[s] for s in range(len(ways)) if s <= wmin)
    return wplus, min(Fr(1), 2 * Fr(lo, tot))


# ----------------------------------------------------------------------------
# SPC constants: (a) table values d2, d3 (4 decimals) and c4 (6 decimals)
# (b) by hand: integrals of the normal range distribution / gamma functions
# ----------------------------------------------------------------------------
SPC_TABLE = {   # n: (d2, d3, c4); c4 to 6 decimals because B3/B4 are sensitive to it
    2: (1.1284, 0.8525, 0.797885), 3: (1.6926, 0.8884, 0.886227),
    4: (2.0588, 0.8798, 0.921318), 5: (2.3259, 0.8641, 0.939986),
    6: (2.5344, 0.8480, 0.951533), 7: (2.7044, 0.8332, 0.959369),
    8: (2.8472, 0.8198, 0.965030), 9: (2.9700, 0.8078, 0.969311),
    10: (3.0775, 0.7971, 0.972659), 11: (3.1729, 0.7873, 0.975350),
    12: (3.2585, 0.7785, 0.977559),
}


def spc_lib(n):
    d2, d3, c4 = SPC_TABLE[n]
    A2 = 3 / (d2 * math.sqrt(n))
    D3 = max(0.0, 1 - 3 * d3 / d2)
    D4 = 1 + 3 * d3 / d2
    A3 = 3 / (c4 * math.sqrt(n))
    B3 = max(0.0, 1 - 3 * math.sqrt(1 - c4 ** 2) / c4)
    B4 = 1 + 3 * math.sqrt(1 - c4 ** 2) / c4
    return dict(d2=d2, d3=d3, c4=c4, A2=A2, D3=D3, D4=D4, A3=A3, B3=B3, B4=B4)


_SPC_HAND = {}


def spc_hand(n):
    if n in _SPC_HAND:
        return _SPC_HAND[n]
    d2 = mp.quad(lambda x: 1 - h_Phi(x) ** n - (1 - h_Phi(x)) ** n, [-mp.inf, 0, mp.inf])
    Ph = st.norm.cdf

    def g(y, x):
        return 1 - Ph(y) ** n - (1 - Ph(x)) ** n + (Ph(y) - Ph(x)) ** n
    er2, _ = si.dblquad(g, -9, 9, lambda x: x, lambda x: 9, epsabs=1e-11, epsrel=1e-11)
    d3 = mp.sqrt(2 * er2 - d2 ** 2)
    c4 = mp.sqrt(mp.mpf(2) / (n - 1)) * mp.gamma(mp.mpf(n) / 2) / mp.gamma(mp.mpf(n - 1) / 2)
    out = dict(d2=d2, d3=d3, c4=c4, A2=3 / (d2 * mp.sqrt(n)), D4=1 + 3 * d3 / d2,
               D3=max(0, 1 - 3 * d3 / d2), A3=3 / (c4 * mp.sqrt(n)),
               B3=max(0, 1 - 3 * mp.sqrt(1 - c4 ** 2) / c4), B4=1 + 3 * mp.sqrt(1 - c4 ** 2) / c4)
    _SPC_HAND[n] = out
    return out


# ----------------------------------------------------------------------------
# template engine: <<name>>, <<name:spec>>, <<=derived:spec>>
#   spec: ''/auto number, dK fixed K decimals, L/LK list ", ", S/SK list " ",
#         W / Wc number word, R roman numeral, s token string, T table
# ----------------------------------------------------------------------------
NUM = r'-?\d+(?:\.\d+)?'
_W = ('zero one two three four five six seven eight nine ten eleven twelve thirteen '
      'fourteen fifteen sixteen seventeen eighteen nineteen twenty').split()
WORDS = _W + ['twenty-' + w for w in _W[1:10]] + ['thirty'] + ['thirty-' + w for w in _W[1:10]]
ROMAN = ['', 'I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII']
PH = re.compile(r'<<(=?)(\w+)(?::([\w.]+))?>>')


def fmt_scalar(v, spec):
    if spec in (None, ''):
        if isinstance(v, int):
            return str(v)
        return f"{v:.6f}".rstrip('0').rstrip('.')
    if spec[0] == 'd':
        return f"{v:.{int(spec[1:])}f}"
    if spec == 'W':
        return WORDS[v]
    if spec == 'Wc':
        return WORDS[v].capitalize()
    if spec == 'R':
        return ROMAN[v]
    if spec == 's':
        return v
    raise ValueError(spec)


def pattern(spec):
    if spec in (None, '') or spec[0] == 'd':
        return NUM
    if spec[0] == 'L':
        return f'{NUM}(?:, {NUM})*'
    if spec[0] == 'S':
        return f'{NUM}(?: {NUM})*'
    if spec in ('W', 'Wc'):
        return '|'.join(sorted((re.escape(w) for w in WORDS + [w.capitalize() for w in WORDS]),
                               key=len, reverse=True))
    if spec == 'R':
        return '[IVXL]+'
    if spec == 's':
        return r'[A-Za-z0-9][\w\-]*'
    if spec == 'T':
        return r'.+?'
    raise ValueError(spec)


def num(s, comma=False):
    s = s.strip()
    if comma:
        s = s.replace(',', '.')
    if not re.fullmatch(NUM, s):
        raise ValueError(f'not a number: {s!r}')
    return float(s) if '.' in s else int(s)


def conv(s, spec):
    if spec in (None, '') or spec[0] == 'd':
        return num(s)
    if spec[0] == 'L':
        return [num(x) for x in s.split(', ')]
    if spec[0] == 'S':
        return [num(x) for x in s.split(' ')]
    if spec in ('W', 'Wc'):
        return WORDS.index(s.lower())
    if spec == 'R':
        return ROMAN.index(s)
    if spec == 's':
        return s
    raise ValueError(spec)


def render(q, d):
    dv = q['derive'](d) if q.get('derive') else {}

    def rep(m):
        eq, name, spec = m.groups()
        if spec == 'T':
            return q['tables'][name][0](d)
        v = (dv if eq else d)[name]
        if spec and spec[0] in 'LS':
            sep = ', ' if spec[0] == 'L' else ' '
            sub = ('d' + spec[1:]) if len(spec) > 1 else None
            return sep.join(fmt_scalar(x, sub) for x in v)
        return fmt_scalar(v, spec)
    return PH.sub(rep, q['tpl'])


def parse(q, text):
    """regex built from the template; table blocks handed to the table parsers"""
    tpl = q['tpl']
    parts, pos, groups = [], 0, []
    for i, m in enumerate(PH.finditer(tpl)):
        parts.append(re.escape(tpl[pos:m.start()]))
        eq, name, spec = m.groups()
        g = f'g{i}'
        groups.append((g, eq, name, spec))
        parts.append(f'(?P<{g}>{pattern(spec)})')
        pos = m.end()
    parts.append(re.escape(tpl[pos:]))
    m = re.fullmatch(''.join(parts), text, re.S)
    if not m:
        raise AssertionError(f"{q['id']}: text does not parse")
    out, der = {}, {}
    for g, eq, name, spec in groups:
        s = m.group(g)
        if spec == 'T':
            got = q['tables'][name][1](s)
            for k, v in got.items():
                assert k not in out or deq(out[k], v), (q['id'], k)
                out[k] = v
            continue
        v = conv(s, spec)
        tgt = der if eq else out
        if name in tgt:
            assert deq(tgt[name], v), (q['id'], name, 'inconsistent repeats')
        tgt[name] = v
    if q.get('derive'):
        dv = q['derive'](out)
        for k, v in der.items():
            assert deq(dv[k], v), (q['id'], 'derived', k)
    return out


def deq(a, b):
    if isinstance(a, dict):
        return isinstance(b, dict) and set(a) == set(b) and all(deq(a[k], b[k]) for k in a)
    if isinstance(a, (list, tuple)):
        return isinstance(b, (list, tuple)) and len(a) == len(b) and all(deq(x, y) for x, y in zip(a, b))
    if isinstance(a, str) or isinstance(b, str):
        return a == b
    return abs(a - b) <= 1e-9 * max(1.0, abs(a))


def numeric_paths(d, path=()):
    if isinstance(d, dict):
        for k in d:
            yield from numeric_paths(d[k], path + (k,))
    elif isinstance(d, list):
        for i, v in enumerate(d):
            yield from numeric_paths(v, path + (i,))
    elif isinstance(d, (int, float)) and not isinstance(d, bool):
        yield path


def mutate(d, path):
    d2 = copy.deepcopy(d)
    cur = d2
    for k in path[:-1]:
        cur = cur[k]
    v = cur[path[-1]]
    cur[path[-1]] = v + 1 if isinstance(v, int) else round(v + 1, 6)
    return d2


# table helpers ----------------------------------------------------------------
def lines_of(block):
    return [ln for ln in block.strip('\n').split('\n') if ln.strip()]


def md_rows(block):
    rows = []
    for ln in lines_of(block):
        ln = ln.strip()
        assert ln.startswith('|') and ln.endswith('|'), ln
        cells = [c.strip() for c in ln[1:-1].split('|')]
        if all(re.fullmatch(r':?-{3,}:?', c) for c in cells):
            continue
        rows.append(cells)
    return rows


def md_table(header, rows):
    out = ['| ' + ' | '.join(header) + ' |', '|' + '|'.join('---' for _ in header) + '|']
    out += ['| ' + ' | '.join(r) + ' |' for r in rows]
    return '\n'.join(out)


def aligned(rows, gap=3):
    w = [max(len(r[j]) for r in rows) for j in range(len(rows[0]))]
    return '\n'.join((' ' * gap).join(c.ljust(w[j]) if j == 0 else c.rjust(w[j])
                                      for j, c in enumerate(r)).rstrip() for r in rows)


QS = []


def add(qid, kind, data, tpl, intent, tools, names=(), lib=None, hand=None, refuse=False,
        defect=None, reason=None, tables=None, derive=None):
    assert qid == f"f{len(QS) + 1:02d}", qid
    QS.append(dict(id=qid, kind=kind, data=data, tpl=tpl, intent=intent, tools=list(tools),
                   names=list(names), lib=lib, hand=hand, refuse=refuse, defect=defect,
                   reason=reason, tables=tables or {}, derive=derive))


P2 = 2e-3   # tolerance for p-values
T3 = 1e-3   # tolerance for statistics

# =============================================================================
# KIND 1 - data in non-plain tables
# =============================================================================
def q01():
    n = 10
    a = rf(rng.normal(12.50, 0.30, n), 2)
    dlt = rf(rng.normal(0.03, 0.05, n), 2)
    b = [round(x - e, 2) for x, e in zip(a, dlt)]
    labels = [f"P-{i}" for i in range(101, 101 + n)]
    data = dict(labels=labels, a=a, b=b)

    def rt(d):
        return "part,gauge_A,gauge_B\n" + "\n".join(
            f"{l},{x:.2f},{y:.2f}" for l, x, y in zip(d['labels'], d['a'], d['b']))

    def pt(s):
        rows = [ln.split(',') for ln in lines_of(s)]
        assert rows[0] == ['part', 'gauge_A', 'gauge_B']
        return dict(labels=[r[0] for r in rows[1:]], a=[num(r[1]) for r in rows[1:]],
                    b=[num(r[2]) for r in rows[1:]])

    def lib(d):
        r = st.ttest_rel(d['a'], d['b'])
        return [float(np.mean(np.subtract(d['a'], d['b']))), float(r.statistic), float(r.pvalue)]

    def hand(d):
        dd = [Fx(x) - Fx(y) for x, y in zip(d['a'], d['b'])]
        m = fmean(dd)
        t = mq(m) / mp.sqrt(mq(fvar(dd)) / len(dd))
        return [m, t, h_p_t2(t, len(dd) - 1)]

    add('f01', 1, data,
        "Hi - quick MSA question. Ten parts, each measured once on gauge A and once on gauge B (mm), "
        "straight from the sheet:\n\n<<tab:T>>\n\nIs there a systematic bias between the two gauges? "
        "Paired t-test, two-sided. I need the mean difference (A minus B), the t statistic and the p-value.",
        "Paired t-test on the per-part differences A - B (two-sided): mean difference, t and p.",
        ['t_test', 'dsl_run'], [('mean_diff_A_minus_B', T3), ('t', T3), ('p_value', P2)], lib, hand,
        tables={'tab': (rt, pt)})


def q02():
    days = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri']
    cnt = ri(rng.poisson([44, 37, 40, 47, 58]))
    data = dict(days=days, cnt=cnt)

    def rt(d):
        return "\n".join(f"{a} -> {c}" for a, c in zip(d['days'], d['cnt']))

    def pt(s):
        rows = [re.fullmatch(r'\s*(\w+)\s*->\s*(\d+)\s*', ln) for ln in lines_of(s)]
        return dict(days=[m.group(1) for m in rows], cnt=[num(m.group(2)) for m in rows])

    def lib(d):
        r = st.chisquare(d['cnt'])
        return [float(r.statistic), len(d['cnt']) - 1, float(r.pvalue)]

    def hand(d):
        x2, p = h_gof(d['cnt'], [1] * len(d['cnt']))
        return [x2, len(d['cnt']) - 1, p]

    add('f02', 1, data,
        "rejects per weekday, line 2, last quarter:\n\n<<tab:T>>\n\ndo these look evenly spread over "
        "the days or not? chi-square GOF against equal frequencies, want chi2, df and p",
        "Chi-square goodness-of-fit test of the weekday counts against equal expected frequencies.",
        ['chi_square', 'dsl_run'], [('chi_square', T3), ('df', 0), ('p_value', P2)], lib, hand,
        tables={'tab': (rt, pt)})


def q03():
    k = 12
    n = ri(rng.integers(90, 221, k))
    dft = ri(rng.binomial(n, 0.07))
    labels = [f"L-{i:02d}" for i in range(1, k + 1)]
    ask = labels[int(np.argmax(n))]
    data = dict(labels=labels, n=n, dft=dft, ask=ask)

    def rt(d):
        rows = [['lot', 'inspected', 'defective']] + [[l, str(a), str(b)] for l, a, b in
                                                       zip(d['labels'], d['n'], d['dft'])]
        return aligned(rows)

    def pt(s):
        rows = [ln.split() for ln in lines_of(s)]
        assert rows[0] == ['lot', 'inspected', 'defective']
        return dict(labels=[r[0] for r in rows[1:]], n=[num(r[1]) for r in rows[1:]],
                    dft=[num(r[2]) for r in rows[1:]])

    def lib(d):
        i = d['labels'].index(d['ask'])
        pbar = float(np.sum(d['dft']) / np.sum(d['n']))
        h = 3 * np.sqrt(pbar * (1 - pbar) / d['n'][i])
        return [pbar, float(pbar + h), float(pbar - h)]

    def hand(d):
        i = d['labels'].index(d['ask'])
        pb = Fr(sum(d['dft']), sum(d['n']))
        h = 3 * mp.sqrt(mq(pb * (1 - pb) / d['n'][i]))
        return [pb, mq(pb) + h, mq(pb) - h]

    add('f03', 1, data,
        "Setting up a p-chart for final inspection. Lot sizes vary, so I assume the limits vary by lot "
        "too.\n\n<<tab:T>>\n\nWhat is p-bar, and what are the 3-sigma UCL and LCL for lot <<ask:s>>?",
        "p chart with variable sample size: p-bar = total defective / total inspected and the 3-sigma "
        "limits p-bar +/- 3 sqrt(p-bar(1-p-bar)/n_i) for the named lot.",
        ['control_chart', 'dsl_run'], [('p_bar', T3), ('UCL_lot', T3), ('LCL_lot', T3)], lib, hand,
        tables={'tab': (rt, pt)})


def q04():
    temp = list(range(150, 230, 10))
    yld = rf(20 + 0.25 * np.array(temp) + rng.normal(0, 1.5, len(temp)), 1)
    data = dict(temp=temp, yld=yld)

    def rt(d):
        return md_table(['Temp (°C)', 'Yield (%)'], [[str(a), f"{b:.1f}"] for a, b in
                                                     zip(d['temp'], d['yld'])])

    def pt(s):
        rows = md_rows(s)
        assert rows[0] == ['Temp (°C)', 'Yield (%)']
        return dict(temp=[num(r[0]) for r in rows[1:]], yld=[num(r[1]) for r in rows[1:]])

    def lib(d):
        r = st.linregress(d['temp'], d['yld'])
        return [float(r.slope), float(r.intercept), float(r.rvalue ** 2)]

    def hand(d):
        return list(h_linreg(d['temp'], d['yld']))

    add('f04', 1, data,
        "Can you fit a straight line to this? (yield vs reactor temperature)\n\n<<tab:T>>\n\n"
        "Need slope, intercept and R² for the least-squares fit of yield on temperature.",
        "Simple least-squares regression of yield on temperature: slope, intercept and R².",
        ['regression', 'dsl_run'], [('slope', T3), ('intercept', T3), ('R2', T3)], lib, hand,
        tables={'tab': (rt, pt)})


def q05():
    rowsl = ['Day', 'Swing', 'Night']
    cols = ['Scratch', 'Dent', 'Misalign', 'Other']
    lam = np.array([[30, 14, 10, 8], [25, 15, 14, 7], [18, 16, 21, 9]])
    tab = [ri(r) for r in rng.poisson(lam)]
    data = dict(rowsl=rowsl, cols=cols, tab=tab)

    def rt(d):
        out = ["Shift\t" + "\t".join(d['cols'])]
        out += [r + "\t" + "\t".join(str(v) for v in row) for r, row in zip(d['rowsl'], d['tab'])]
        return "\n".join(out)

    def pt(s):
        rows = [ln.split('\t') for ln in lines_of(s)]
        assert rows[0][0] == 'Shift'
        return dict(cols=rows[0][1:], rowsl=[r[0] for r in rows[1:]],
                    tab=[[num(v) for v in r[1:]] for r in rows[1:]])

    def lib(d):
        r = st.chi2_contingency(d['tab'])
        return [float(r.statistic), int(r.dof), float(r.pvalue)]

    def hand(d):
        return list(h_indep(d['tab']))

    add('f05', 1, data,
        "Defect type by shift for March, copied out of Excel so it's tab separated:\n\n<<tab:T>>\n\n"
        "Is defect type independent of shift? Chi-square test of independence please - statistic, df and p.",
        "Pearson chi-square test of independence on the 3x4 shift-by-defect-type table.",
        ['chi_square', 'dsl_run'], [('chi_square', T3), ('df', 0), ('p_value', P2)], lib, hand,
        tables={'tab': (rt, pt)})


def q06():
    a = int(rng.integers(30, 45))
    b = int(rng.integers(2, 6))
    c = int(rng.integers(9, 15))
    dd = int(rng.integers(3, 9))
    data = dict(a=a, b=b, c=c, d=dd)

    def rt(d):
        rows = [['', 'new PASS', 'new FAIL'], ['old PASS', str(d['a']), str(d['b'])],
                ['old FAIL', str(d['c']), str(d['d'])]]
        return aligned(rows)

    def pt(s):
        L = lines_of(s)
        assert re.fullmatch(r'\s*new PASS\s+new FAIL', L[0])
        m1 = re.fullmatch(r'old PASS\s+(\d+)\s+(\d+)', L[1])
        m2 = re.fullmatch(r'old FAIL\s+(\d+)\s+(\d+)', L[2])
        return dict(a=num(m1.group(1)), b=num(m1.group(2)), c=num(m2.group(1)), d=num(m2.group(2)))

    def lib(d):
        r = sm_mcnemar([[d['a'], d['b']], [d['c'], d['d']]], exact=True)
        return [float(r.pvalue), d['b'] + d['c']]

    def hand(d):
        n = d['b'] + d['c']
        k = min(d['b'], d['c'])
        p = min(Fr(1), 2 * sum(binom_pmf_fr(i, n, Fr(1, 2)) for i in range(k + 1)))
        return [p, n]

    add('f06', 1, data,
        "We put the same batch of solder joints through the old AOI and the new AOI. Cross-tab of the "
        "calls:\n\n<<tab:T>>\n\nDoes the new machine fail joints at a different rate from the old one? "
        "Use the exact version of McNemar's test. p-value please, and how many discordant pairs there were.",
        "Exact McNemar test: two-sided binomial test on the discordant pairs (old PASS/new FAIL vs "
        "old FAIL/new PASS) with p = 1/2.",
        ['mcnemar', 'dsl_run'], [('p_value_exact', P2), ('discordant_pairs', 0)], lib, hand,
        tables={'tab': (rt, pt)})


def q07():
    means = {'A': 40.0, 'B': 41.5, 'C': 41.0, 'D': 43.0}
    grp, val = [], []
    for g, m in means.items():
        grp += [g] * 6
        val += rf(rng.normal(m, 1.8, 6), 1)
    perm = rng.permutation(len(val))
    data = dict(grp=[grp[i] for i in perm], val=[val[i] for i in perm])

    def rt(d):
        return "resin,tensile_MPa\n" + "\n".join(f"{g},{v:.1f}" for g, v in zip(d['grp'], d['val']))

    def pt(s):
        rows = [ln.split(',') for ln in lines_of(s)]
        assert rows[0] == ['resin', 'tensile_MPa']
        return dict(grp=[r[0] for r in rows[1:]], val=[num(r[1]) for r in rows[1:]])

    def groups(d):
        return [[v for g, v in zip(d['grp'], d['val']) if g == G] for G in sorted(set(d['grp']))]

    def lib(d):
        r = st.f_oneway(*groups(d))
        return [float(r.statistic), float(r.pvalue)]

    def hand(d):
        F, p, _, _ = h_anova1(groups(d))
        return [F, p]

    add('f07', 1, data,
        "Tensile results for our 4 resins, long format as exported from the LIMS:\n\n<<tab:T>>\n\n"
        "One-way ANOVA across resins, F and p?",
        "One-way ANOVA of tensile strength by resin (4 groups): F statistic and p-value.",
        ['anova_oneway', 'dsl_run'], [('F', T3), ('p_value', P2)], lib, hand, tables={'tab': (rt, pt)})


def q08():
    sg = [rf(rng.normal(12.50, 0.04, 5), 2) for _ in range(10)]
    data = dict(sg=sg)

    def rt(d):
        return "\n".join(f"Subgroup {i + 1}: " + " ".join(f"{v:.2f}" for v in r) for i, r in enumerate(d['sg']))

    def pt(s):
        out = []
        for i, ln in enumerate(lines_of(s)):
            m = re.fullmatch(r'Subgroup (\d+): (.*)', ln)
            assert int(m.group(1)) == i + 1
            out.append([num(x) for x in m.group(2).split()])
        return dict(sg=out)

    def lib(d):
        X = np.array(d['sg'])
        c = spc_lib(X.shape[1])
        xbb = X.mean(axis=1).mean()
        rbar = np.ptp(X, axis=1).mean()
        return [float(xbb + c['A2'] * rbar), float(xbb - c['A2'] * rbar), float(c['D4'] * rbar)]

    def hand(d):
        n = len(d['sg'][0])
        c = spc_hand(n)
        xbb = fmean([fmean(r) for r in d['sg']])
        rbar = fmean([max(map(Fx, r)) - min(map(Fx, r)) for r in d['sg']])
        return [mq(xbb) + c['A2'] * mq(rbar), mq(xbb) - c['A2'] * mq(rbar), c['D4'] * mq(rbar)]

    add('f08', 1, data,
        "Phase I data for an X-bar/R chart, shaft OD in mm, five per subgroup:\n\n<<tab:T>>\n\n"
        "What are the control limits for the X-bar chart and the R chart?",
        "X-bar/R chart limits from 10 subgroups of 5: X-double-bar +/- A2*R-bar and UCL_R = D4*R-bar.",
        ['control_chart', 'spc_constants', 'dsl_run'], [('UCL_xbar', T3), ('LCL_xbar', T3), ('UCL_R', T3)],
        lib, hand, tables={'tab': (rt, pt)})


def q09():
    labels = ['grade A', 'grade B', 'grade C', 'reject']
    cnt = ri(rng.multinomial(240, [0.45, 0.31, 0.165, 0.075]))
    data = dict(labels=labels, cnt=cnt, pA=50, pB=30, pC=15, pR=5)

    def rt(d):
        return "\n".join(f"{l}: {c}" for l, c in zip(d['labels'], d['cnt']))

    def pt(s):
        ms = [re.fullmatch(r'(.+?):\s*(\d+)', ln) for ln in lines_of(s)]
        return dict(labels=[m.group(1) for m in ms], cnt=[num(m.group(2)) for m in ms])

    def lib(d):
        pr = np.array([d['pA'], d['pB'], d['pC'], d['pR']]) / 100
        r = st.chisquare(d['cnt'], f_exp=np.sum(d['cnt']) * pr)
        return [float(r.statistic), float(r.pvalue)]

    def hand(d):
        assert d['pA'] + d['pB'] + d['pC'] + d['pR'] == 100
        return list(h_gof(d['cnt'], [d['pA'], d['pB'], d['pC'], d['pR']]))

    add('f09', 1, data,
        "Our supplier says their mix is <<pA>>% grade A, <<pB>>% grade B, <<pC>>% grade C and <<pR>>% "
        "reject. We graded a random sample ourselves:\n\n<<tab:T>>\n\nIs our count consistent with the "
        "claimed mix? Chi-square goodness of fit, statistic and p.",
        "Chi-square goodness-of-fit of the four counts against the claimed proportions 50/30/15/5 %.",
        ['chi_square', 'dsl_run'], [('chi_square', T3), ('p_value', P2)], lib, hand, tables={'tab': (rt, pt)})


def _coded(k):
    """standard (Yates) order, first factor fastest"""
    return [[-1 if (i >> j) & 1 == 0 else 1 for j in range(k)] for i in range(2 ** k)]


def q10():
    X = _coded(3)
    y = rf([50 + 1.6 * a + 0.4 * b + 1.1 * c + 0.9 * a * c for a, b, c in X] + rng.normal(0, 0.4, 8), 1)
    signs = [['-' if v < 0 else '+' for v in r] for r in X]
    data = dict(signs=signs, y=y)

    def rt(d):
        return md_table(['Run', 'Power (A)', 'Pressure (B)', 'Time (C)', 'Thickness (nm)'],
                        [[str(i + 1)] + s + [f"{v:.1f}"] for i, (s, v) in enumerate(zip(d['signs'], d['y']))])

    def pt(s):
        rows = md_rows(s)
        assert rows[0][0] == 'Run'
        assert [int(r[0]) for r in rows[1:]] == list(range(1, len(rows)))
        return dict(signs=[r[1:4] for r in rows[1:]], y=[num(r[4]) for r in rows[1:]])

    def coded(d):
        return np.array([[1 if c == '+' else -1 for c in r] for r in d['signs']])

    def lib(d):
        X = coded(d)
        A, B, C = X.T
        M = np.column_stack([np.ones(8), A, B, C, A * B, A * C, B * C, A * B * C])
        b = sm.OLS(np.array(d['y']), M).fit().params
        return [float(2 * b[1]), float(2 * b[3]), float(2 * b[5])]

    def hand(d):
        X = coded(d)
        Y = [Fx(v) for v in d['y']]

        def eff(col):
            plus = [y for y, c in zip(Y, col) if c > 0]
            minus = [y for y, c in zip(Y, col) if c < 0]
            return sum(plus) / len(plus) - sum(minus) / len(minus)
        return [eff(X[:, 0]), eff(X[:, 2]), eff(X[:, 0] * X[:, 2])]

    add('f10', 1, data,
        "2^3 full factorial on the sputter coater, standard order, one run per treatment combination:\n\n"
        "<<tab:T>>\n\nEstimate the effects - mainly interested in A, C and the AC interaction.",
        "Two-level factorial effects (mean at + minus mean at -) for A, C and the AC interaction.",
        ['doe_effects', 'dsl_run'], [('effect_A', T3), ('effect_C', T3), ('effect_AC', T3)], lib, hand,
        tables={'tab': (rt, pt)})


def q11():
    lv = [['low', 'low'], ['high', 'low'], ['low', 'high'], ['high', 'high']]
    y = rf(rng.normal([8.2, 9.9, 8.7, 11.3], 0.2), 1)
    data = dict(lv=lv, y=y)

    def rt(d):
        return aligned([['force', 'temp', 'pull_g']] + [[a, b, f"{v:.1f}"] for (a, b), v in zip(d['lv'], d['y'])])

    def pt(s):
        rows = [ln.split() for ln in lines_of(s)]
        assert rows[0] == ['force', 'temp', 'pull_g']
        return dict(lv=[r[:2] for r in rows[1:]], y=[num(r[2]) for r in rows[1:]])

    def defect(d):
        A = np.array([1 if a == 'high' else -1 for a, _ in d['lv']])
        B = np.array([1 if b == 'high' else -1 for _, b in d['lv']])
        M = np.column_stack([np.ones(len(A)), A, B, A * B])
        fit = sm.OLS(np.array(d['y']), M).fit()
        # full model with interaction uses every observation: no error df
        return np.linalg.matrix_rank(M) == len(d['y']) and fit.df_resid == 0 and len(d['y']) - 4 == 0

    add('f11', 1, data,
        "ran a quick 2x2 on the wire bonder, one bond per setting:\n\n<<tab:T>>\n\ncan you give me the "
        "full ANOVA table (force, temp and force*temp) with F values and p values for each term? need it "
        "for the report tomorrow",
        "Refuse: an unreplicated 2x2 with the interaction in the model has 4 runs and 4 parameters, so "
        "zero error degrees of freedom and no F or p-values.",
        ['doe_anova', 'dsl_run'], refuse=True, defect=defect,
        reason='unreplicated 2x2 with interaction: 4 runs, 4 parameters, zero error df (F and p undefined)',
        tables={'tab': (rt, pt)})


def q12():
    rowsl = ['Mon-A', 'Mon-B', 'Tue-A', 'Tue-B']
    grid = [rf(rng.normal(505.6, 1.7, 6), 1) for _ in rowsl]
    data = dict(rowsl=rowsl, grid=grid, lsl=498, usl=512)

    def rt(d):
        rows = [[''] + [f"H{j + 1}" for j in range(len(d['grid'][0]))]]
        rows += [[l] + [f"{v:.1f}" for v in r] for l, r in zip(d['rowsl'], d['grid'])]
        return aligned(rows, gap=2)

    def pt(s):
        L = lines_of(s)
        hdr = L[0].split()
        assert hdr == [f"H{j + 1}" for j in range(len(hdr))]
        rows = [ln.split() for ln in L[1:]]
        return dict(rowsl=[r[0] for r in rows], grid=[[num(v) for v in r[1:]] for r in rows])

    def lib(d):
        x = np.ravel(d['grid'])
        m, s = x.mean(), x.std(ddof=1)
        return [float((d['usl'] - d['lsl']) / (6 * s)), float(min(d['usl'] - m, m - d['lsl']) / (3 * s))]

    def hand(d):
        x = [v for r in d['grid'] for v in r]
        m, s = fmean(x), msd(x)
        return [(d['usl'] - d['lsl']) / (6 * s), mq(min(d['usl'] - m, m - d['lsl'])) / (3 * s)]

    add('f12', 1, data,
        "Fill weights (g) from yesterday, one bottle per hour, spec <<lsl>> to <<usl>> g:\n\n<<tab:T>>\n\n"
        "What are Pp and Ppk? Use the overall standard deviation of all the readings together.",
        "Performance indices from all 24 readings with the overall sample SD: Pp = (USL-LSL)/6s and "
        "Ppk = min(USL-mean, mean-LSL)/3s.",
        ['capability', 'dsl_run'], [('Pp', T3), ('Ppk', T3)], lib, hand, tables={'tab': (rt, pt)})


def q13():
    op_e = [0.0, 0.035, -0.02]
    pt_e = [-0.15, 0.0, 0.12]
    cells = [[rf(10.20 + op_e[i] + pt_e[j] + rng.normal(0, 0.02) + rng.normal(0, 0.025, 2), 2)
              for j in range(3)] for i in range(3)]
    data = dict(cells=cells)
    SUBS = ['Steel', 'Aluminium', 'Polycarbonate']

    def rt(d):
        rows = [[''] + SUBS]
        rows += [[f"Adh-{'ABC'[i]}"] + [f"{c[0]:.2f} / {c[1]:.2f}" for c in row] for i, row in enumerate(d['cells'])]
        return aligned(rows)

    def pt(s):
        L = lines_of(s)
        assert L[0].split() == SUBS
        out = []
        for i, ln in enumerate(L[1:]):
            assert ln.startswith(f"Adh-{'ABC'[i]}")
            out.append([[num(a), num(b)] for a, b in re.findall(rf'({NUM}) / ({NUM})', ln)])
        return dict(cells=out)

    def lib(d):
        rows = [(f"O{i}", f"P{j}", v) for i, r in enumerate(d['cells']) for j, c in enumerate(r) for v in c]
        df = {'op': [r[0] for r in rows], 'part': [r[1] for r in rows], 'y': [r[2] for r in rows]}
        fit = smf.ols('y ~ C(op) * C(part)', data=df).fit()
        tab = sm.stats.anova_lm(fit, typ=2)
        return [float(tab.loc['C(op)', 'F']), float(tab.loc['C(op)', 'PR(>F)']),
                float(tab.loc['C(op):C(part)', 'PR(>F)'])]

    def hand(d):
        C = [[[Fx(v) for v in c] for c in r] for r in d['cells']]
        a, b, r = len(C), len(C[0]), len(C[0][0])
        allv = [v for R in C for c in R for v in c]
        gm = sum(allv) / len(allv)
        mi = [sum(v for c in R for v in c) / (b * r) for R in C]
        mj = [sum(v for R in C for v in R[j]) / (a * r) for j in range(b)]
        mij = [[sum(c) / r for c in R] for R in C]
        ssa = b * r * sum((m - gm) ** 2 for m in mi)
        ssab = r * sum((mij[i][j] - mi[i] - mj[j] + gm) ** 2 for i in range(a) for j in range(b))
        sse = sum((v - mij[i][j]) ** 2 for i in range(a) for j in range(b) for v in C[i][j])
        dfe = a * b * (r - 1)
        Fa = (ssa / (a - 1)) / (sse / dfe)
        Fab = (ssab / ((a - 1) * (b - 1))) / (sse / dfe)
        return [Fa, h_sf_F(mq(Fa), a - 1, dfe), h_sf_F(mq(Fab), (a - 1) * (b - 1), dfe)]

    add('f13', 1, data,
        "Lap-shear results (MPa): 3 adhesives x 3 substrates, two coupons per combination, both factors "
        "fixed (cells are coupon 1 / coupon 2):\n\n<<tab:T>>\n\nTwo-way ANOVA with the adhesive x substrate "
        "interaction please. What's the F for adhesive, and the p-values for adhesive and for the interaction?",
        "Balanced fixed-effects two-way ANOVA with interaction (adhesive, substrate, adhesive x substrate; 2 "
        "replicates, F against the residual mean square): F and p for adhesive and p for the interaction.",
        ['anova_twoway', 'dsl_run'], [('F_adhesive', T3), ('p_value_adhesive', P2), ('p_value_interaction', P2)],
        lib, hand, tables={'tab': (rt, pt)})


def q14():
    a = rf(rng.normal(4.55, 0.15, 9), 2)
    b = rf(rng.normal(4.70, 0.15, 9), 2)
    data = dict(a=a, b=b)

    def c(v):
        return f"{v:.2f}".replace('.', ',')

    def rt(d):
        return "Probe;Lieferant_A;Lieferant_B\n" + "\n".join(
            f"{i + 1};{c(x)};{c(y)}" for i, (x, y) in enumerate(zip(d['a'], d['b'])))

    def pt(s):
        rows = [ln.split(';') for ln in lines_of(s)]
        assert rows[0] == ['Probe', 'Lieferant_A', 'Lieferant_B']
        assert [int(r[0]) for r in rows[1:]] == list(range(1, len(rows)))
        return dict(a=[num(r[1], comma=True) for r in rows[1:]], b=[num(r[2], comma=True) for r in rows[1:]])

    def lib(d):
        r = st.ttest_ind(d['a'], d['b'], equal_var=True)
        return [float(r.statistic), int(round(float(r.df))), float(r.pvalue)]

    def hand(d):
        return list(h_pooled(d['a'], d['b']))

    add('f14', 1, data,
        "Export from our Stuttgart plant (semicolon separated, decimal commas):\n\n<<tab:T>>\n\n"
        "Compare supplier A vs supplier B on coating thickness with the classic two-sample t-test - pooled "
        "variance, our SOP assumes equal variances - two-sided. t, df and p?",
        "Pooled (Student) two-sample t-test of A vs B (t for A - B), two-sided, df = n1 + n2 - 2.",
        ['t_test', 'dsl_run'], [('t', T3), ('df', 0), ('p_value', P2)], lib, hand, tables={'tab': (rt, pt)})

# =============================================================================
# KIND 2 - intent carried by the wording
# =============================================================================
def q15():
    while True:
        old = rf(rng.normal(42.0, 2.0, 9), 1)
        new = rf(rng.normal(39.2, 2.0, 8), 1)
        if len(set(old + new)) == 17:
            break
    data = dict(old=old, new=new)

    def lib(d):
        r = st.mannwhitneyu(d['old'], d['new'], alternative='two-sided', method='exact')
        hl = float(np.median(np.subtract.outer(d['old'], d['new'])))
        return [float(r.pvalue), hl]

    def hand(d):
        p, _ = h_mw_exact(d['old'], d['new'])
        diffs = sorted(Fx(a) - Fx(b) for a in d['old'] for b in d['new'])
        m = len(diffs)
        hl = diffs[m // 2] if m % 2 else (diffs[m // 2 - 1] + diffs[m // 2]) / 2
        return [p, hl]

    add('f15', 2, data,
        "Cycle times in seconds. Old fixture: <<old:L1>>. New fixture: <<new:L1>>. Don't assume normality "
        "here, the old fixture has the odd jam. Is there a difference between the fixtures (two-sided is "
        "fine)? And give me the Hodges-Lehmann shift (old minus new) for how much quicker the new one is.",
        "Mann-Whitney (Wilcoxon rank-sum) test, exact two-sided p (no ties), and the Hodges-Lehmann "
        "shift estimate old - new (median of pairwise differences).",
        ['mann_whitney', 'dsl_run'], [('p_value_exact', P2), ('HL_shift_old_minus_new', T3)], lib, hand)


def q16():
    k = rf(rng.normal(0.82, 0.05, 10), 2)
    m = rf(rng.normal(0.92, 0.15, 8), 2)
    data = dict(k=k, m=m)

    def lib(d):
        r = st.ttest_ind(d['k'], d['m'], equal_var=False)
        return [float(r.statistic), float(r.df), float(r.pvalue)]

    def hand(d):
        return list(h_welch(d['k'], d['m']))

    add('f16', 2, data,
        "Surface roughness Ra (µm) from two polishing vendors. Vendor K: <<k:L2>>. Vendor M: <<m:L2>>. "
        "I want a t-test but NOT the pooled one, the spreads are clearly different. t, df, p?",
        "Welch (unequal-variance) two-sample t-test, K minus M, two-sided, Welch-Satterthwaite df.",
        ['t_test', 'dsl_run'], [('t', T3), ('df_welch', T3), ('p_value', P2)], lib, hand)


def q17():
    x = rf(rng.normal(25.43, 0.04, 12), 2)
    data = dict(nom=25.40, x=x)

    def lib(d):
        r = st.ttest_1samp(d['x'], d['nom'])
        return [float(np.mean(d['x'])), float(r.statistic), float(r.pvalue)]

    def hand(d):
        m = fmean(d['x'])
        t = mq(m - Fx(d['nom'])) / (msd(d['x']) / mp.sqrt(len(d['x'])))
        return [m, t, h_p_t2(t, len(d['x']) - 1)]

    add('f17', 2, data,
        "Nominal bore is <<nom:d2>> mm. This morning's bores: <<x:L2>>. Is the process centred on "
        "nominal or not?",
        "One-sample t-test of the mean bore against the nominal 25.40 mm, two-sided: mean, t, p.",
        ['t_test', 'dsl_run'], [('mean', T3), ('t', T3), ('p_value', P2)], lib, hand)


def q18():
    load = list(range(0, 50, 5))
    mv = 0.05 + 0.21 * np.array(load) + rng.normal(0, 0.08, len(load))
    mv[5] += 1.3
    data = dict(load=load, mv=rf(mv, 2), excl=6)

    def keep(d):
        i = d['excl'] - 1
        return ([v for j, v in enumerate(d['load']) if j != i], [v for j, v in enumerate(d['mv']) if j != i])

    def lib(d):
        x, y = keep(d)
        r = st.linregress(x, y)
        return [float(r.slope), float(r.rvalue ** 2)]

    def hand(d):
        x, y = keep(d)
        b1, b0, r2 = h_linreg(x, y)
        return [b1, r2]

    add('f18', 2, data,
        "Load cell calibration. Applied load (kN): <<load:L>>. Output (mV): <<mv:L2>>. Point <<excl>> was "
        "logged on the wrong range, leave it out and refit output against load. Slope and R²?",
        "Least-squares line of output on load after deleting the 6th point: slope and R² of the refit.",
        ['regression', 'dsl_run'], [('slope', T3), ('R2', T3)], lib, hand)


def q19():
    data = dict(m1=4.12, s1=0.31, n1=20, m2=4.38, n2=18)

    def defect(d):
        # Welch needs both standard deviations; line 2 has none
        return all(k in d for k in ('m1', 's1', 'n1', 'm2', 'n2')) and 's2' not in d

    add('f19', 2, data,
        "Can you run Welch's t-test from the summary report? Line 1: mean <<m1:d2>> mm, SD <<s1:d2>> mm, "
        "n = <<n1>>. Line 2: mean <<m2:d2>> mm, n = <<n2>>. Need t, df and p.",
        "Refuse: a Welch t-test from summaries needs the standard deviation of line 2, which is not given.",
        ['summary_t_test', 'dsl_run'], refuse=True, defect=defect,
        reason='summary Welch t-test requested but the second group has no standard deviation')


def q20():
    c = ri(rng.poisson(12.5, 20))
    data = dict(c=c)

    def lib(d):
        cb = float(np.mean(d['c']))
        return [cb, cb + 3 * math.sqrt(cb), cb - 3 * math.sqrt(cb)]

    def hand(d):
        cb = Fr(sum(d['c']), len(d['c']))
        return [cb, mq(cb) + 3 * mp.sqrt(mq(cb)), mq(cb) - 3 * mp.sqrt(mq(cb))]

    add('f20', 2, data,
        "Paint defects counted on each car body at final audit (same model, same inspection area), in "
        "order: <<c:L>>. Which control chart should this be on, and what are its centre line and limits?",
        "c chart for defect counts on equal-size units: c-bar and c-bar +/- 3 sqrt(c-bar).",
        ['control_chart', 'dsl_run'], [('c_bar', T3), ('UCL', T3), ('LCL', T3)], lib, hand)


def q21():
    ln = rf(rng.uniform(2.0, 5.0, 12), 1)
    df_ = ri(rng.poisson(4.2 * np.array(ln)))
    data = dict(ln=ln, dft=df_, ask=7)

    def rt(d):
        return "\n".join(f"roll {i + 1}: {a:.1f} units, {b} defects" for i, (a, b) in enumerate(zip(d['ln'], d['dft'])))

    def pt(s):
        ms = [re.fullmatch(rf'roll (\d+): ({NUM}) units, (\d+) defects', x) for x in lines_of(s)]
        assert [int(m.group(1)) for m in ms] == list(range(1, len(ms) + 1))
        return dict(ln=[num(m.group(2)) for m in ms], dft=[num(m.group(3)) for m in ms])

    def lib(d):
        ub = float(np.sum(d['dft']) / np.sum(d['ln']))
        h = 3 * math.sqrt(ub / d['ln'][d['ask'] - 1])
        return [ub, ub + h, ub - h]

    def hand(d):
        ub = Fr(sum(d['dft'])) / sum(Fx(v) for v in d['ln'])
        h = 3 * mp.sqrt(mq(ub / Fx(d['ln'][d['ask'] - 1])))
        return [ub, mq(ub) + h, mq(ub) - h]

    add('f21', 2, data,
        "Fabric rolls come off the loom in different lengths, so I don't think a plain count chart is right. "
        "Defects per roll, length in 100 m units:\n\n<<tab:T>>\n\nWhat's the centre line, and the control "
        "limits for roll <<ask>>?",
        "u chart (defects per unit with varying unit counts): u-bar = total defects / total units and "
        "u-bar +/- 3 sqrt(u-bar/n_i) for roll 7.",
        ['control_chart', 'dsl_run'], [('u_bar', T3), ('UCL_roll', T3), ('LCL_roll', T3)], lib, hand,
        tables={'tab': (rt, pt)})


def q22():
    x = rf(rng.normal(48.6, 2.4, 10), 1)
    data = dict(mu0=50, x=x)

    def lib(d):
        r = st.ttest_1samp(d['x'], d['mu0'], alternative='less')
        return [float(r.statistic), float(r.pvalue)]

    def hand(d):
        t = mq(fmean(d['x']) - d['mu0']) / (msd(d['x']) / mp.sqrt(len(d['x'])))
        return [t, h_cdf_t(t, len(d['x']) - 1)]

    add('f22', 2, data,
        "The supplier claims mean pull-off strength is at least <<mu0>> N. Our 10 pulls: <<x:L1>>. Is there "
        "evidence at the 5% level that the true mean is below <<mu0>> N?",
        "One-sided (lower-tail) one-sample t-test of H0: mean >= 50 N vs H1: mean < 50 N: t and one-sided p.",
        ['t_test', 'dsl_run'], [('t', T3), ('p_value_one_sided', P2)], lib, hand)


def q23():
    sg = [rf(rng.normal(10.02, 0.05, 4), 2) for _ in range(8)]
    data = dict(lsl=9.80, usl=10.20, sg=sg)

    def rt(d):
        return "; ".join(" ".join(f"{v:.2f}" for v in r) for r in d['sg'])

    def pt(s):
        return dict(sg=[[num(v) for v in part.split()] for part in s.split('; ')])

    def lib(d):
        X = np.array(d['sg'])
        x = X.ravel()
        m, s = x.mean(), x.std(ddof=1)
        sw = np.ptp(X, axis=1).mean() / spc_lib(X.shape[1])['d2']
        return [float(min(d['usl'] - m, m - d['lsl']) / (3 * s)), float(min(d['usl'] - m, m - d['lsl']) / (3 * sw))]

    def hand(d):
        x = [v for r in d['sg'] for v in r]
        m, s = fmean(x), msd(x)
        rbar = fmean([max(map(Fx, r)) - min(map(Fx, r)) for r in d['sg']])
        sw = mq(rbar) / spc_hand(len(d['sg'][0]))['d2']
        dist = mq(min(Fx(d['usl']) - m, m - Fx(d['lsl'])))
        return [dist / (3 * s), dist / (3 * sw)]

    add('f23', 2, data,
        "Spec is <<lsl:d2>> to <<usl:d2>>. Subgroups of 4 taken every two hours (subgroups separated by "
        "semicolons): <<sg:T>>. The customer wants Ppk - overall sigma, all readings pooled as one sample. "
        "For our own records I also want Cpk with the within-subgroup sigma estimated as R-bar/d2.",
        "Ppk with the overall sample SD of all 32 readings, and Cpk with sigma_within = R-bar/d2 (n=4).",
        ['capability', 'spc_constants', 'dsl_run'], [('Ppk', T3), ('Cpk', T3)], lib, hand,
        tables={'sg': (rt, pt)})


def q24():
    X = _coded(2)
    yc = rf([67.9 + 3.9 * a + 2.1 * b + 0.8 * a * b for a, b in X] + rng.normal(0, 0.4, 4), 1)
    cen = rf(rng.normal(70.4, 0.7, 4), 1)
    data = dict(y1=yc[0], y2=yc[1], y3=yc[2], y4=yc[3], c=cen)

    def lib(d):
        y = [d['y1'], d['y2'], d['y3'], d['y4']] + d['c']
        A = np.array([-1, 1, -1, 1] + [0] * len(d['c']))
        B = np.array([-1, -1, 1, 1] + [0] * len(d['c']))
        ctr = np.array([0] * 4 + [1] * len(d['c']))
        M = np.column_stack([np.ones(len(y)), A, B, A * B, ctr])
        fit = sm.OLS(np.array(y), M).fit()
        return [float(fit.tvalues[4] ** 2), float(fit.pvalues[4])]

    def hand(d):
        yf = [Fx(d[k]) for k in ('y1', 'y2', 'y3', 'y4')]
        nf, nc = 4, len(d['c'])
        ss = Fr(nf * nc, nf + nc) * (sum(yf) / nf - fmean(d['c'])) ** 2
        F = ss / fvar(d['c'])
        return [F, h_sf_F(mq(F), 1, nc - 1)]

    add('f24', 2, data,
        "2^2 factorial plus centre points on etch rate (nm/min). Corner runs: (-,-) <<y1:d1>>, (+,-) "
        "<<y2:d1>>, (-,+) <<y3:d1>>, (+,+) <<y4:d1>>. Centre points: <<c:L1>>. Is there significant "
        "curvature? F and p for the curvature term.",
        "Single-df curvature test: SS = nF nC (ybar_F - ybar_C)^2/(nF+nC) against pure error from the "
        "centre points (df nC-1): F and p.",
        ['doe_curvature', 'dsl_run'], [('F_curvature', T3), ('p_value', P2)], lib, hand)


def q25():
    old = ri(np.round(rng.normal(32, 4, 8)))
    new = ri(np.round(np.array(old) + rng.normal(3.0, 2.5, 8)))
    data = dict(old=old, new=new)

    def lib(d):
        r = st.ttest_rel(d['new'], d['old'])
        ci = r.confidence_interval(0.95)
        return [float(np.mean(np.subtract(d['new'], d['old']))), float(ci.low), float(ci.high)]

    def hand(d):
        dd = [Fr(a - b) for a, b in zip(d['new'], d['old'])]
        n = len(dd)
        m = fmean(dd)
        h = h_tq(mp.mpf('0.975'), n - 1) * msd(dd) / mp.sqrt(n)
        return [m, mq(m) - h, mq(m) + h]

    add('f25', 2, data,
        "Each of our technicians did a changeover with the old procedure and with the new one (minutes, "
        "same technician order):\nold: <<old:L>>\nnew: <<new:L>>\nHow much longer does the new procedure "
        "take on average? Give me a 95% confidence interval too.",
        "Paired analysis of new - old: mean difference and its 95% t confidence interval.",
        ['t_test', 'dsl_run'], [('mean_diff_new_minus_old', T3), ('CI_low', T3), ('CI_high', T3)], lib, hand)


def q26():
    data = dict(n=15, m=1.82, s=2.61)

    def lib(d):
        t = d['m'] / (d['s'] / math.sqrt(d['n']))
        return [t, float(2 * st.t.sf(abs(t), d['n'] - 1))]

    def hand(d):
        t = mq(Fx(d['m'])) / (mq(Fx(d['s'])) / mp.sqrt(d['n']))
        return [t, h_p_t2(t, d['n'] - 1)]

    add('f26', 2, data,
        "No raw data, sorry, only the summary: <<n>> panels measured before and after cure, mean of the "
        "differences (after - before) <<m:d2>> µm, standard deviation of the differences <<s:d2>> µm. Is "
        "the change significant (two-sided)?",
        "Paired t-test from summary figures: t = dbar/(s_d/sqrt(n)) with n-1 df, two-sided p.",
        ['summary_t_test', 'dsl_run'], [('t', T3), ('p_value', P2)], lib, hand)


def q27():
    data = dict(conf=95, E=0.5, sig=2.1)

    def lib(d):
        z = st.norm.ppf(1 - (1 - d['conf'] / 100) / 2)
        return [int(math.ceil((z * d['sig'] / d['E']) ** 2 - 1e-12))]

    def hand(d):
        z = h_zq(1 - (1 - mp.mpf(d['conf']) / 100) / 2)
        v = (z * mq(Fx(d['sig'])) / mq(Fx(d['E']))) ** 2
        v196 = (mp.mpf('1.96') * mq(Fx(d['sig'])) / mq(Fx(d['E']))) ** 2
        assert int(mp.ceil(v)) == int(mp.ceil(v196))   # rounding-robust choice of numbers
        return [int(mp.ceil(v))]

    add('f27', 2, data,
        "How many shafts do I need to measure so that the <<conf>>% confidence interval for the mean "
        "diameter is ±<<E:d1>> µm? Historical sigma is about <<sig:d1>> µm. I'm after precision here, not power.",
        "Sample size for estimating a mean to within +/-E with known sigma: n = ceil((z_0.975 sigma/E)^2).",
        ['sample_size_ci', 'dsl_run'], [('n', 0)], lib, hand)


def q28():
    data = dict(pct=1, x=6, n=250)

    def lib(d):
        return [float(st.binomtest(d['x'], d['n'], d['pct'] / 100, alternative='greater').pvalue)]

    def hand(d):
        p = Fr(d['pct'], 100)
        return [1 - sum(binom_pmf_fr(i, d['n'], p) for i in range(d['x']))]

    add('f28', 2, data,
        "Vendor guarantees no more than <<pct>>% defective. Incoming inspection found <<x>> defectives in a "
        "random sample of <<n>>. Using an exact test, is that evidence the defect rate is higher than "
        "guaranteed? p-value please.",
        "One-sided exact binomial test of H0: p <= 0.01 vs H1: p > 0.01: P(X >= 6 | n=250, p=0.01).",
        ['proportion_test', 'dsl_run'], [('p_value_one_sided', P2)], lib, hand)

# =============================================================================
# KIND 3 - numbers in prose with roles, next to irrelevant numbers
# =============================================================================
LET = 'ABCDEFGHJKLMNOP'


def _def_words(gens, m):
    """defining-relation words of a 2^(k-p) design: generator word w_i times new letter m+i"""
    base = [frozenset(w) | {m + i} for i, w in enumerate(gens)]
    out = set()
    for r in range(1, len(base) + 1):
        for comb in itertools.combinations(base, r):
            w = frozenset()
            for b in comb:
                w = w ^ b
            out.add(w)
    return out


def best_generators(k, p):
    """generator set of maximum resolution (ties: fewest shortest words), by enumeration"""
    m = k - p
    words = [frozenset(c) for r in range(2, m + 1) for c in itertools.combinations(range(m), r)]
    best, key = None, None
    for gens in itertools.combinations(words, p):
        dw = _def_words(gens, m)
        lens = sorted(len(w) for w in dw)
        kk = (lens[0], -lens.count(lens[0]))
        if key is None or kk > key:
            best, key = gens, kk
    return best, (key[0] if key else None)


def ff_matrix(k, p, reps=1, cp=0):
    m = k - p
    gens, _ = best_generators(k, p) if p > 0 else ((), None)
    rows = []
    for base in itertools.product([-1, 1], repeat=m):
        rows.append(list(base) + [int(np.prod([base[i] for i in w])) for w in gens])
    return np.array(rows * reps + [[0] * k] * cp)


def resolution_from_matrix(X):
    """smallest number of columns whose elementwise product is constant (+/-1) on the 2-level runs"""
    X = X[np.all(X != 0, axis=1)]
    k = X.shape[1]
    for r in range(1, k + 1):
        for c in itertools.combinations(range(k), r):
            if abs(np.prod(X[:, list(c)], axis=1).sum()) == len(X):
                return r
    return None


def bbd_matrix(k, cp):
    rows = []
    for i, j in itertools.combinations(range(k), 2):
        for a, b in itertools.product([-1, 1], repeat=2):
            r = [0] * k
            r[i], r[j] = a, b
            rows.append(r)
    return np.array(rows + [[0] * k] * cp)


def ccd_matrix_sym(k, cp, alpha):
    rows = [list(map(sp.Integer, r)) for r in itertools.product([-1, 1], repeat=k)]
    for i in range(k):
        for s in (-1, 1):
            r = [sp.Integer(0)] * k
            r[i] = s * alpha
            rows.append(r)
    rows += [[sp.Integer(0)] * k for _ in range(cp)]
    return sp.Matrix(rows)


PB_GEN = {12: '++-+++---+-', 20: '++--++++-+-+----++-', 24: '+++++-+-++--++--+-+----'}


def pb_matrix(k):
    N = 4 * (k // 4 + 1)
    if N in PB_GEN:
        g = [1 if c == '+' else -1 for c in PB_GEN[N]]
        rows = [g[-i:] + g[:-i] if i else g[:] for i in range(N - 1)] + [[-1] * (N - 1)]
        H = np.array(rows)
    else:   # powers of two: Sylvester Hadamard without its constant column
        from scipy.linalg import hadamard
        H = hadamard(N)[:, 1:]
    X = H[:, :k]
    assert np.array_equal(X.T @ X, N * np.eye(k, dtype=int))
    return X


def q29():
    data = dict(plant=3, asset=4471, cp=4, cap=12, cost=380, k=5, p=1, reps=2)

    def lib(d):
        X = ff_matrix(d['k'], d['p'], d['reps'], d['cp'])
        return [int(X.shape[0]), int(math.ceil(X.shape[0] / d['cap'])), resolution_from_matrix(X)]

    def hand(d):
        tot = 2 ** (d['k'] - d['p']) * d['reps'] + d['cp']
        return [tot, -(-tot // d['cap']), d['k']]

    add('f29', 3, data,
        "Planning a screening DOE for the coating line in plant <<plant>> (asset <<asset>>). <<k:Wc>> "
        "factors as a 2^(<<k>>-<<p>>) half fraction with E = ABCD, <<reps:W>> replicates of the factorial "
        "part, plus <<cp>> centre points. The curing oven only takes <<cap>> runs a day and every day is a "
        "block. Last year's study cost €<<cost>> per run. How many runs in total, how many days, and what "
        "resolution is the design?",
        "Runs = 2^(5-1) x 2 replicates + 4 centre points; days = ceil(runs / 12 per day); resolution of "
        "E = ABCD is V.",
        ['doe_design', 'doe_properties', 'dsl_run'], [('total_runs', 0), ('days', 0), ('resolution', 0)],
        lib, hand)


def q30():
    data = dict(k=4, cp=3, year=2019, old=31, room=112)

    def lib(d):
        return [int(bbd_matrix(d['k'], d['cp']).shape[0])]

    def hand(d):
        return [2 * d['k'] * (d['k'] - 1) + d['cp']]

    add('f30', 3, data,
        "We want a Box-Behnken design for <<k>> factors (temperature, pressure, flow, catalyst load) with "
        "<<cp>> centre points. Our <<year>> pilot was a CCD with <<old>> runs in room B-<<room>>. How many "
        "runs does the Box-Behnken need?",
        "Box-Behnken run count for 4 factors: 2k(k-1) = 24 edge-midpoint runs plus 3 centre points.",
        ['doe_design', 'dsl_run'], [('runs', 0)], lib, hand)


def q31():
    data = dict(k=3, cp=6, reactor=204, budget=25)

    def lib(d):
        a = sp.symbols('a', positive=True)
        D = ccd_matrix_sym(d['k'], d['cp'], a)
        # rotatability: pure 4th moment = 3 x mixed 4th moment
        s4 = sum(D[i, 0] ** 4 for i in range(D.rows))
        s22 = sum(D[i, 0] ** 2 * D[i, 1] ** 2 for i in range(D.rows))
        sol = [s for s in sp.solve(sp.Eq(s4, 3 * s22), a) if s.is_positive]
        return [int(D.rows), float(sol[0])]

    def hand(d):
        return [2 ** d['k'] + 2 * d['k'] + d['cp'], mp.root(2 ** d['k'], 4)]

    add('f31', 3, data,
        "<<k:Wc>> factors, rotatable central composite design with <<cp>> centre points on reactor "
        "R-<<reactor>>. Budget is <<budget>> runs. What axial distance α do I need for rotatability, and how "
        "many runs in total?",
        "Rotatable CCD for 3 factors: alpha = (2^3)^(1/4) and runs = 8 + 6 + 6 centre points.",
        ['doe_design', 'dsl_run'], [('runs', 0), ('alpha', T3)], lib, hand)


def q32():
    data = dict(k=9, reps=2, mould=17, ct=42, cav=4)

    def lib(d):
        X = pb_matrix(d['k'])
        return [int(np.vstack([X] * d['reps']).shape[0])]

    def hand(d):
        return [(4 * (d['k'] // 4) + 4) * d['reps']]

    add('f32', 3, data,
        "<<k:Wc>> candidate factors for the injection moulding screen. We'll use a Plackett-Burman design "
        "and run it <<reps:W>> times (full replicates). Mould #<<mould>>, cycle time about <<ct>> s, <<cav>> "
        "cavities. How many runs in total?",
        "Plackett-Burman for 9 factors needs 12 runs (next multiple of 4 above k); two replicates give 24.",
        ['doe_design', 'dsl_run'], [('runs', 0)], lib, hand)


def q33():
    data = dict(l1=2, l2=3, l3=4, l4=2, reps=2, old=14, cell=6)

    def lib(d):
        rows = list(itertools.product(*[range(d[k]) for k in ('l1', 'l2', 'l3', 'l4')])) * d['reps']
        return [len(rows)]

    def hand(d):
        return [d['l1'] * d['l2'] * d['l3'] * d['l4'] * d['reps']]

    add('f33', 3, data,
        "Full factorial: nozzle type (<<l1>> types), feed rate (<<l2>> settings), temperature (<<l3>> levels) "
        "and shield gas (<<l4>> kinds), <<reps:W>> replicates. We did <<old>> runs last spring on cell "
        "<<cell>>. How many runs this time?",
        "Mixed-level full factorial run count: 2 x 3 x 4 x 2 level combinations times 2 replicates.",
        ['doe_design', 'dsl_run'], [('runs', 0)], lib, hand)


def q34():
    data = dict(k=6, p=3, res=4, mach=2, lot=5531)

    def defect(d):
        _, maxres = best_generators(d['k'], d['p'])
        # theorem: resolution IV needs at least 2k runs
        return maxres < d['res'] and 2 ** (d['k'] - d['p']) < 2 * d['k']

    add('f34', 3, data,
        "I have <<k:W>> factors and budget for a 2^(<<k>>-<<p>>) fraction. It has to be resolution <<res:R>> "
        "so main effects are clear of two-factor interactions. Which generators should I use? "
        "(Machine <<mach>>, lot <<lot>>.)",
        "Refuse: no 2^(6-3) design (8 runs) reaches resolution IV; the best possible is resolution III "
        "(resolution IV needs at least 2k = 12 runs).",
        ['doe_design', 'doe_properties', 'dsl_run'], refuse=True, defect=defect,
        reason='a 2^(6-3) fraction cannot be resolution IV (maximum is III; IV needs >= 12 runs)')


def q35():
    data = dict(press=14, n=5, k=25, xbar=1.52, rbar=0.11)

    def lib(d):
        c = spc_lib(d['n'])
        return [d['xbar'] + c['A2'] * d['rbar'], d['xbar'] - c['A2'] * d['rbar'], c['D4'] * d['rbar']]

    def hand(d):
        c = spc_hand(d['n'])
        x, r = mq(Fx(d['xbar'])), mq(Fx(d['rbar']))
        return [x + c['A2'] * r, x - c['A2'] * r, c['D4'] * r]

    add('f35', 3, data,
        "Every hour the operator on press <<press>> pulls <<n:W>> consecutive caps and measures wall "
        "thickness. After <<k>> hours (shift starts at 06:00) the grand average is <<xbar:d2>> mm and the "
        "average range is <<rbar:d2>> mm. What are the X-bar and R chart limits?",
        "X-bar/R limits from summaries with subgroup size n = 5: grand mean +/- A2 R-bar, UCL_R = D4 R-bar.",
        ['summary_chart', 'spc_constants', 'dsl_run'], [('UCL_xbar', T3), ('LCL_xbar', T3), ('UCL_R', T3)],
        lib, hand)


def q36():
    data = dict(n=10, k=30, xbar=250.4, sbar=3.21, claim=250, rpm=45)

    def lib(d):
        c = spc_lib(d['n'])
        return [d['xbar'] + c['A3'] * d['sbar'], c['B4'] * d['sbar'], c['B3'] * d['sbar']]

    def hand(d):
        c = spc_hand(d['n'])
        x, s = mq(Fx(d['xbar'])), mq(Fx(d['sbar']))
        return [x + c['A3'] * s, c['B4'] * s, c['B3'] * s]

    add('f36', 3, data,
        "Tablet press: we weigh <<n:W>> tablets per subgroup, <<k>> subgroups so far. Grand mean <<xbar:d1>> "
        "mg, average subgroup standard deviation <<sbar:d2>> mg. Label claim <<claim>> mg, press speed "
        "<<rpm>> rpm. Control limits for the X-bar and S charts?",
        "X-bar/S limits from summaries with n = 10: UCL_xbar = grand mean + A3 s-bar, UCL_S = B4 s-bar, "
        "LCL_S = B3 s-bar.",
        ['summary_chart', 'spc_constants', 'dsl_run'], [('UCL_xbar', T3), ('UCL_S', T3), ('LCL_S', T3)], lib, hand)


def q37():
    data = dict(nom=250, tol=25, n=5, year=2022, line=3, mean=258.4, sig=6.1)

    def lib(d):
        usl, lsl = d['nom'] + d['tol'], d['nom'] - d['tol']
        return [(usl - lsl) / (6 * d['sig']), min(usl - d['mean'], d['mean'] - lsl) / (3 * d['sig'])]

    def hand(d):
        usl, lsl = Fr(d['nom'] + d['tol']), Fr(d['nom'] - d['tol'])
        m, s = Fx(d['mean']), Fx(d['sig'])
        return [(usl - lsl) / (6 * s), min(usl - m, m - lsl) / (3 * s)]

    add('f37', 3, data,
        "Coating thickness spec is <<nom>> ± <<tol>> µm. From the X-bar/R chart (subgroups of <<n>>, data "
        "from <<year>>, line <<line>>): process mean <<mean:d1>> µm, within-subgroup sigma <<sig:d1>> µm. "
        "Cp and Cpk?",
        "Capability from summaries with the within sigma: Cp = 50/(6 sigma), Cpk = (USL - mean)/(3 sigma).",
        ['summary_capability', 'dsl_run'], [('Cp', T3), ('Cpk', T3)], lib, hand)


def h_power_t(delta, df, tc):
    """P(|T'| > tc) for a noncentral t with noncentrality delta, by integrating over chi-square"""
    df = mp.mpf(df)

    def dens(v):
        return mp.exp((df / 2 - 1) * mp.log(v) - v / 2 - (df / 2) * mp.log(2) - mp.loggamma(df / 2))

    up = mp.quad(lambda v: dens(v) * (1 - h_Phi(tc * mp.sqrt(v / df) - delta)), [0, df, mp.inf])
    lo = mp.quad(lambda v: dens(v) * h_Phi(-tc * mp.sqrt(v / df) - delta), [0, df, mp.inf])
    return up + lo


def q38():
    data = dict(delta=2.5, sd=4.0, alpha=0.05, pw=90, year=2021, old=15, cost=85)

    def lib(d):
        n = TTestIndPower().solve_power(effect_size=d['delta'] / d['sd'], alpha=d['alpha'],
                                        power=d['pw'] / 100, ratio=1.0, alternative='two-sided')
        return [int(math.ceil(n - 1e-9))]

    def hand(d):
        es = mq(Fx(d['delta'])) / mq(Fx(d['sd']))
        alpha = mq(Fx(d['alpha']))
        target = mp.mpf(d['pw']) / 100

        def pw(n):
            df = 2 * n - 2
            return h_power_t(es * mp.sqrt(mp.mpf(n) / 2), df, h_tq(1 - alpha / 2, df))
        zn = 2 * ((h_zq(1 - alpha / 2) + h_zq(target)) / es) ** 2
        n = int(mp.ceil(zn))
        while pw(n) < target:
            n += 1
        assert pw(n - 1) < target
        assert n == int(mp.ceil(zn)) or n == int(mp.ceil(zn)) + 1
        return [n]

    add('f38', 3, data,
        "How many specimens per resin do we need to detect a <<delta:d1>> MPa difference in mean tensile "
        "strength between two resins? SD is about <<sd:d1>> MPa, two-sided α = <<alpha:d2>>, <<pw>>% power, "
        "two-sample t-test with the exact noncentral-t power calculation (the way Minitab does it). (The <<year>> study used <<old>> per group and specimens cost $<<cost>> each.)",
        "Per-group sample size of a two-sided two-sample t-test (noncentral t) for d = 2.5/4.0, "
        "alpha 0.05, power 0.90.",
        ['power', 'dsl_run'], [('n_per_group', 0)], lib, hand)


def q39():
    data = dict(line=4, E=3, conf=95, pilot=80, p0=12, shifts=3, insp=2)

    def lib(d):
        z = st.norm.ppf(1 - (1 - d['conf'] / 100) / 2)
        p = d['p0'] / 100
        return [int(math.ceil(z ** 2 * p * (1 - p) / (d['E'] / 100) ** 2 - 1e-12))]

    def hand(d):
        z = h_zq(1 - (1 - mp.mpf(d['conf']) / 100) / 2)
        p = Fr(d['p0'], 100)
        v = z ** 2 * mq(p * (1 - p)) / mq(Fr(d['E'], 100) ** 2)
        v196 = mp.mpf('1.96') ** 2 * mq(p * (1 - p)) / mq(Fr(d['E'], 100) ** 2)
        assert int(mp.ceil(v)) == int(mp.ceil(v196))
        return [int(mp.ceil(v))]

    add('f39', 3, data,
        "We want to estimate the scrap fraction on line <<line>> to within ±<<E>> percentage points at "
        "<<conf>>% confidence. The pilot of <<pilot>> parts showed about <<p0>>% scrap. How many parts do we "
        "need to sample? (<<shifts>> shifts, <<insp>> inspectors available.)",
        "Sample size for a proportion margin of error: n = ceil(z^2 p(1-p)/E^2) with p = 0.12, E = 0.03, z_0.975.",
        ['sample_size_ci', 'dsl_run'], [('n', 0)], lib, hand)


def q40():
    data = dict(k=25, day=3, xbar=48.27, rbar=0.64, pn=7710)

    def defect(d):
        # A2 and D4 depend on the subgroup size, which is nowhere given
        return 'n' not in d and not any(k in d for k in ('subgroup_size', 'size'))

    add('f40', 3, data,
        "Our X-bar/R chart for bracket length: <<k>> subgroups collected since <<day>> March, grand mean "
        "<<xbar:d2>> mm, R-bar <<rbar:d2>> mm. Part no. <<pn>>-B. Can you give me the control limits for "
        "both charts?",
        "Refuse: the X-bar/R limits need A2, D3, D4 for the subgroup size, and the subgroup size is not given "
        "(25 is the number of subgroups).",
        ['summary_chart', 'dsl_run'], refuse=True, defect=defect,
        reason='X-bar/R limits from summaries without the subgroup size (only the number of subgroups)')


def q41():
    data = dict(n=200, line=4, days=25, d=412, cost=3.40)

    def lib(d):
        pb = d['d'] / (d['n'] * d['days'])
        h = 3 * math.sqrt(pb * (1 - pb) / d['n'])
        return [pb, pb + h, pb - h]

    def hand(d):
        pb = Fr(d['d'], d['n'] * d['days'])
        h = 3 * mp.sqrt(mq(pb * (1 - pb) / d['n']))
        return [pb, mq(pb) + h, mq(pb) - h]

    add('f41', 3, data,
        "We inspect <<n>> boards per day on line <<line>>. Over <<days>> days we found <<d>> defective boards "
        "in total (rework costs $<<cost:d2>> per board). What are the p-chart centre line and control limits?",
        "p chart from summaries: p-bar = 412/(200 x 25) and p-bar +/- 3 sqrt(p-bar(1-p-bar)/200).",
        ['summary_chart', 'dsl_run'], [('p_bar', T3), ('UCL', T3), ('LCL', T3)], lib, hand)


def q42():
    data = dict(k=4, n=8, ch=2, hrs=72, f=0.40, alpha=0.05)

    def lib(d):
        return [float(FTestAnovaPower().power(effect_size=d['f'], nobs=d['k'] * d['n'], alpha=d['alpha'],
                                              k_groups=d['k']))]

    def hand(d):
        N = d['k'] * d['n']
        d1, d2 = d['k'] - 1, N - d['k']
        lam = mq(Fx(d['f'])) ** 2 * N
        Fc = h_Fq_upper(mq(Fx(d['alpha'])), d1, d2)
        x = d1 * Fc / (d1 * Fc + d2)
        tot = mp.mpf(0)
        for j in range(200):
            w = mp.exp(-lam / 2) * (lam / 2) ** j / mp.factorial(j)
            tot += w * (1 - mp.betainc(mp.mpf(d1) / 2 + j, mp.mpf(d2) / 2, 0, x, regularized=True))
        return [tot]

    add('f42', 3, data,
        "<<k:Wc>> coating formulations, <<n>> panels each, salt spray chamber <<ch>> for <<hrs>> h. We expect "
        "Cohen's effect size f = <<f:d2>>. What power does the one-way ANOVA have at α = <<alpha:d2>>?",
        "Power of a one-way ANOVA with 4 groups of 8, f = 0.40 (noncentrality f^2 N), alpha 0.05.",
        ['power', 'dsl_run'], [('power', T3)], lib, hand)

# =============================================================================
# KIND 4 - maths with an expression or data, informal notation and typos
# =============================================================================
X_, Y_ = sp.symbols('x y')


def sq(v):
    """exact sympy number from a datum"""
    f = Fx(v)
    return sp.Rational(f.numerator, f.denominator)


def q43():
    data = dict(a=int(rng.integers(2, 6)), n=int(rng.integers(2, 5)), x0=round(float(rng.uniform(0.8, 2.4)), 1))

    def lib(d):
        f = d['a'] * X_ ** d['n'] * sp.sin(X_)
        return [float(sp.diff(f, X_).subs(X_, sq(d['x0'])).evalf(30))]

    def hand(d):
        return [mp.diff(lambda t: d['a'] * t ** d['n'] * mp.sin(t), mq(d['x0']))]

    add('f43', 4, data,
        "whats the derivitive of <<a>>x^<<n>> sin x ? need the value at x = <<x0:d1>>",
        "Derivative of a x^n sin x, i.e. a(n x^(n-1) sin x + x^n cos x), evaluated at the given x (radians).",
        ['differentiate', 'evaluate', 'dsl_run'], [('derivative_value', T3)], lib, hand)


def q44():
    data = dict(a=int(rng.integers(2, 4)), b=int(rng.integers(2, 5)), x0=int(rng.integers(1, 3)),
                y0=int(rng.integers(1, 3)))

    def lib(d):
        f = X_ ** d['a'] * Y_ ** d['b'] + sp.exp(X_ * Y_)
        return [float(sp.diff(f, X_, Y_).subs({X_: d['x0'], Y_: d['y0']}).evalf(30))]

    def hand(d):
        return [mp.diff(lambda x, y: x ** d['a'] * y ** d['b'] + mp.exp(x * y), (d['x0'], d['y0']), (1, 1))]

    add('f44', 4, data,
        "f(x,y) = x^<<a>> y^<<b>> + e^(xy). Find the mixed partial ∂²f/∂x∂y at (<<x0>>, <<y0>>).",
        "Mixed second partial derivative f_xy of x^a y^b + e^(xy) evaluated at the given point.",
        ['differentiate', 'evaluate', 'dsl_run'], [('fxy_value', T3)], lib, hand)


def q45():
    data = dict(b=int(rng.integers(2, 5)), u=int(rng.integers(2, 5)))

    def lib(d):
        return [float(sp.integrate(X_ * sp.exp(-d['b'] * X_), (X_, 0, d['u'])).evalf(30))]

    def hand(d):
        return [mp.quad(lambda t: t * mp.exp(-d['b'] * t), [0, d['u']])]

    add('f45', 4, data,
        "integrate x*e^(-<<b>>x) from 0 to <<u>> (numerical value pls)",
        "Definite integral of x e^(-b x) from 0 to u.",
        ['integrate', 'dsl_run'], [('integral', T3)], lib, hand)


def q46():
    data = dict(n=int(rng.integers(2, 5)), k=int(rng.integers(2, 6)))

    def lib(d):
        return [float(sp.integrate(X_ ** d['n'] * sp.exp(-d['k'] * X_), (X_, 0, sp.oo)).evalf(30))]

    def hand(d):
        return [mp.quad(lambda t: t ** d['n'] * mp.exp(-d['k'] * t), [0, mp.inf])]

    add('f46', 4, data,
        "int_0^inf x^<<n>> e^(-<<k>>x) dx = ?",
        "Improper integral of x^n e^(-k x) over [0, inf) = n!/k^(n+1).",
        ['integrate', 'dsl_run'], [('integral', T3)], lib, hand)


def q47():
    M = [ri(rng.integers(0, 7, 4)) for _ in range(3)]
    data = dict(M=M)

    def rt(d):
        return "; ".join(" ".join(str(v) for v in r) for r in d['M'])

    def pt(s):
        return dict(M=[[num(v) for v in r.split()] for r in s.split('; ')])

    def defect(d):
        rows, cols = len(d['M']), len(d['M'][0])
        try:
            sp.Matrix(d['M']).det()
            raised = False
        except sp.matrices.exceptions.NonSquareMatrixError:
            raised = True
        return rows != cols and raised

    add('f47', 4, data,
        "determinant of [<<M:T>>] please",
        "Refuse: the matrix is 3x4 (not square), so its determinant is undefined.",
        ['matrix', 'dsl_run'], refuse=True, defect=defect, reason='determinant asked of a 3x4 (non-square) matrix',
        tables={'M': (rt, pt)})


def q48():
    data = dict(a=int(rng.integers(3, 8)))

    def lib(d):
        return [float(sp.limit((1 - sp.cos(d['a'] * X_)) / X_ ** 2, X_, 0))]

    def hand(d):
        return [mp.limit(lambda t: (1 - mp.cos(d['a'] * t)) / t ** 2, 0)]

    add('f48', 4, data,
        "lim x->0 of (1 - cos(<<a>>x))/x^2",
        "Limit of (1 - cos(a x))/x^2 as x -> 0, equal to a^2/2.",
        ['limit', 'dsl_run'], [('limit', T3)], lib, hand)


def q49():
    data = dict(k=int(rng.integers(3, 5)), a=int(rng.integers(2, 4)), b=int(rng.integers(2, 5)))

    def lib(d):
        f = sp.exp(d['a'] * X_) * sp.cos(d['b'] * X_)
        return [float(sp.series(f, X_, 0, d['k'] + 1).removeO().coeff(X_, d['k']))]

    def hand(d):
        return [mp.taylor(lambda t: mp.exp(d['a'] * t) * mp.cos(d['b'] * t), 0, d['k'])[d['k']]]

    add('f49', 4, data,
        "What is the coefficient of x^<<k>> in the Maclaurin series of e^(<<a>>x)·cos(<<b>>x)?",
        "Taylor (Maclaurin) coefficient of x^k in e^(a x) cos(b x).",
        ['series', 'dsl_run'], [('coefficient', T3)], lib, hand)


def q50():
    data = dict(a=int(rng.integers(2, 6)))
    n_ = sp.symbols('n', integer=True, positive=True)

    def lib(d):
        return [float(sp.summation(1 / (n_ * (n_ + d['a'])), (n_, 1, sp.oo)).evalf(30))]

    def hand(d):
        return [mp.nsum(lambda k: 1 / (k * (k + d['a'])), [1, mp.inf])]

    add('f50', 4, data,
        "Evaluate sum_{n=1}^inf 1/(n(n+<<a>>)).",
        "Infinite telescoping sum of 1/(n(n+a)) from n = 1, equal to H_a / a.",
        ['summation', 'dsl_run'], [('sum', T3)], lib, hand)


def q51():
    r = sorted(ri(rng.choice(np.arange(1, 9), 3, replace=False)))
    a, b, c = r[0] + r[1] + r[2], r[0] * r[1] + r[0] * r[2] + r[1] * r[2], r[0] * r[1] * r[2]
    data = dict(a=a, b=b, c=c)

    def lib(d):
        p = X_ ** 3 - d['a'] * X_ ** 2 + d['b'] * X_ - d['c']
        return sorted(float(v) for v in sp.Poly(p, X_).real_roots())

    def hand(d):
        rts = mp.polyroots([1, -d['a'], d['b'], -d['c']], maxsteps=200, extraprec=60)
        return sorted(mp.re(v) for v in rts if abs(mp.im(v)) < mp.mpf(10) ** -20)

    add('f51', 4, data,
        "Find all roots of x^3 - <<a>>x^2 + <<b>>x - <<c>> = 0.",
        "The three real roots of the cubic, reported smallest, middle and largest.",
        ['solve', 'dsl_run'], [('root_smallest', T3), ('root_middle', T3), ('root_largest', T3)], lib, hand)


def _term(c, v, first):
    mag = '' if abs(c) == 1 else str(abs(c))
    if first:
        return ('-' if c < 0 else '') + mag + v
    return f" {'-' if c < 0 else '+'} {mag}{v}"


def q52():
    while True:
        sol = [int(v) for v in rng.choice([-3, -2, -1, 1, 2, 3, 4], 3)]
        A = [[int(v) for v in rng.choice([-4, -3, -2, -1, 1, 2, 3, 4, 5], 3)] for _ in range(3)]
        if round(np.linalg.det(A)) != 0:
            break
    rhs = [int(np.dot(row, sol)) for row in A]
    data = dict(A=A, rhs=rhs)

    def rt(d):
        return "\n".join("".join(_term(c, v, j == 0) for j, (c, v) in enumerate(zip(row, 'xyz'))) + f" = {r}"
                         for row, r in zip(d['A'], d['rhs']))

    def pt(s):
        A, rhs = [], []
        for ln in lines_of(s):
            lhs, r = ln.split(' = ')
            coef = {}
            for sg, mag, v in re.findall(r'([+-]?)\s*(\d*)([xyz])', lhs):
                coef[v] = (-1 if sg == '-' else 1) * (int(mag) if mag else 1)
            A.append([coef['x'], coef['y'], coef['z']])
            rhs.append(num(r))
        return dict(A=A, rhs=rhs)

    def lib(d):
        s = sp.Matrix(d['A']).LUsolve(sp.Matrix(d['rhs']))
        return [float(v) for v in s]

    def hand(d):   # Gauss-Jordan in Fractions
        M = [[Fr(v) for v in row] + [Fr(r)] for row, r in zip(d['A'], d['rhs'])]
        n = 3
        for i in range(n):
            piv = next(r for r in range(i, n) if M[r][i] != 0)
            M[i], M[piv] = M[piv], M[i]
            M[i] = [v / M[i][i] for v in M[i]]
            for r in range(n):
                if r != i:
                    M[r] = [a - M[r][i] * b for a, b in zip(M[r], M[i])]
        return [M[i][n] for i in range(n)]

    add('f52', 4, data,
        "Solve the system:\n<<sys:T>>",
        "Unique solution (x, y, z) of the 3x3 linear system.",
        ['solve', 'matrix', 'dsl_run'], [('x', T3), ('y', T3), ('z', T3)], lib, hand,
        tables={'sys': (rt, pt)})


def q53():
    r1 = ri(rng.integers(1, 6, 3))
    r2 = ri(rng.integers(1, 6, 3))
    A = [r1, r2, [a + b for a, b in zip(r1, r2)]]
    data = dict(A=A)

    def rt(d):
        return "[" + ", ".join("[" + ", ".join(str(v) for v in r) + "]" for r in d['A']) + "]"

    def pt(s):
        rows = re.findall(r'\[([^\[\]]+)\]', s)
        return dict(A=[[num(v) for v in r.split(', ')] for r in rows])

    def defect(d):
        M = [[Fr(v) for v in r] for r in d['A']]
        det = (M[0][0] * (M[1][1] * M[2][2] - M[1][2] * M[2][1]) - M[0][1] * (M[1][0] * M[2][2] - M[1][2] * M[2][0])
               + M[0][2] * (M[1][0] * M[2][1] - M[1][1] * M[2][0]))
        try:
            sp.Matrix(d['A']).inv()
            raised = False
        except ValueError:
            raised = True
        return len(M) == 3 and all(len(r) == 3 for r in M) and det == 0 and raised

    add('f53', 4, data,
        "Can you find the inverse of A = <<A:T>>? I need it to solve a calibration problem.",
        "Refuse: the third row is the sum of the first two, so det(A) = 0 and A has no inverse.",
        ['matrix', 'dsl_run'], refuse=True, defect=defect, reason='inverse asked of a singular 3x3 matrix (det = 0)',
        tables={'A': (rt, pt)})


def q54():
    while True:
        p, q = int(rng.integers(2, 7)), int(rng.integers(1, 10))
        r1, r2 = sorted(ri(rng.choice(np.arange(1, 6), 2, replace=False)))
        if q - p * r1 != 0 and q - p * r2 != 0:
            break
    data = dict(p=p, q=q, r1=r1, r2=r2)

    def lib(d):
        e = (d['p'] * X_ + d['q']) / ((X_ + d['r1']) * (X_ + d['r2']))
        out = {}
        for term in sp.Add.make_args(sp.apart(e, X_)):
            nm, dn = sp.fraction(sp.together(term))
            out[sp.expand(dn / sp.Poly(dn, X_).LC())] = nm / sp.Poly(dn, X_).LC()
        return [float(out[X_ + d['r1']]), float(out[X_ + d['r2']])]

    def hand(d):   # cover-up rule
        A = Fr(d['q'] - d['p'] * d['r1'], d['r2'] - d['r1'])
        B = Fr(d['q'] - d['p'] * d['r2'], d['r1'] - d['r2'])
        return [A, B]

    add('f54', 4, data,
        "Partial fractions for (<<p>>x + <<q>>)/((x + <<r1>>)(x + <<r2>>))?",
        "Partial-fraction decomposition A/(x + r1) + B/(x + r2): the constants A and B.",
        ['simplify', 'dsl_run'], [('A_over_x_plus_r1', T3), ('B_over_x_plus_r2', T3)], lib, hand)


def q55():
    while True:
        pp = int(rng.integers(1, 4))
        qq = pp + 2 * int(rng.integers(1, 3))
        c = int(rng.integers(1, 10))
        dd = qq + int(rng.integers(1, 3))
        a, b = 3 * (pp + qq) // 2, 3 * pp * qq
        vals = {x: x ** 3 - a * x ** 2 + b * x + c for x in (0, pp, qq, dd)}
        mx = max(vals.values())
        if list(vals.values()).count(mx) == 1:
            break
    data = dict(a=a, b=b, c=c, d=dd)

    def lib(d):
        f = X_ ** 3 - d['a'] * X_ ** 2 + d['b'] * X_ + d['c']
        cands = [sp.Integer(0), sp.Integer(d['d'])] + [s for s in sp.solve(sp.diff(f, X_), X_)
                                                        if s.is_real and 0 <= s <= d['d']]
        vals = [(float(f.subs(X_, s)), float(s)) for s in cands]
        mx = max(vals)
        return [mx[0], min(vals)[0], mx[1]]

    def hand(d):
        g = lambda t: t ** 3 - d['a'] * t ** 2 + d['b'] * t + d['c']
        crit = [mp.re(r) for r in mp.polyroots([3, -2 * d['a'], d['b']]) if abs(mp.im(r)) < 1e-20]
        cands = [mp.mpf(0), mp.mpf(d['d'])] + [r for r in crit if 0 <= r <= d['d']]
        vals = [(g(t), t) for t in cands]
        grid = [g(mp.mpf(d['d']) * i / 2000) for i in range(2001)]
        assert max(grid) <= max(vals)[0] + 1e-20 and min(grid) >= min(vals)[0] - 1e-20
        return [max(vals)[0], min(vals)[0], max(vals)[1]]

    add('f55', 4, data,
        "For f(x) = x^3 - <<a>>x^2 + <<b>>x + <<c>> on the interval [0, <<d>>], find the absolute maximum and "
        "absolute minimum values (and where the max occurs).",
        "Absolute extrema of the cubic on the closed interval: compare f at the critical points inside and at the "
        "endpoints.",
        ['extrema', 'dsl_run'], [('abs_max', T3), ('abs_min', T3), ('x_at_max', T3)], lib, hand)


def q56():
    while True:
        a = int(rng.integers(2, 4))
        b = int(rng.integers(a, 6))
        c, dd = int(rng.integers(2, 10)), int(rng.integers(2, 10))
        den = 4 * b - a * a
        if den > 0 and 2 * b * c - a * dd != 0 and 2 * dd - a * c != 0:
            break
    data = dict(a=a, b=b, c=c, d=dd)

    def lib(d):
        f = X_ ** 2 + d['a'] * X_ * Y_ + d['b'] * Y_ ** 2 - d['c'] * X_ - d['d'] * Y_
        s = sp.solve([sp.diff(f, X_), sp.diff(f, Y_)], [X_, Y_], dict=True)[0]
        H = sp.hessian(f, (X_, Y_))
        assert H.det() > 0 and H[0, 0] > 0   # local minimum
        return [float(s[X_]), float(s[Y_]), float(f.subs(s))]

    def hand(d):
        den = Fr(4 * d['b'] - d['a'] ** 2)
        x = Fr(2 * d['b'] * d['c'] - d['a'] * d['d']) / den
        y = Fr(2 * d['d'] - d['a'] * d['c']) / den
        fv = x * x + d['a'] * x * y + d['b'] * y * y - d['c'] * x - d['d'] * y
        return [x, y, fv]

    add('f56', 4, data,
        "Find and classify the critical point of f(x, y) = x^2 + <<a>>xy + <<b>>y^2 - <<c>>x - <<d>>y.",
        "Solve grad f = 0 for the single critical point (a minimum, Hessian positive definite) and give f there.",
        ['extrema', 'dsl_run'], [('x_star', T3), ('y_star', T3), ('f_min', T3)], lib, hand)

# =============================================================================
# KIND 5 - tests named by the user
# =============================================================================
def q57():
    a = rf(rng.normal(50.0, 1.4, 10), 1)
    b = rf(rng.normal(50.0, 1.1, 12), 1)
    data = dict(a=a, b=b)

    def lib(d):
        F = np.var(d['a'], ddof=1) / np.var(d['b'], ddof=1)
        d1, d2 = len(d['a']) - 1, len(d['b']) - 1
        return [float(F), float(2 * min(st.f.cdf(F, d1, d2), st.f.sf(F, d1, d2)))]

    def hand(d):
        F = fvar(d['a']) / fvar(d['b'])
        up = h_sf_F(mq(F), len(d['a']) - 1, len(d['b']) - 1)
        return [F, 2 * min(up, 1 - up)]

    add('f57', 5, data,
        "F test for equality of variances, please. Old gauge: <<a:L1>>. New gauge: <<b:L1>>. Take "
        "F = s²(old)/s²(new), two-sided.",
        "F test of two variances: F = s_old^2/s_new^2 with (9, 11) df, two-sided p = 2 min(tail).",
        ['variance_test', 'dsl_run'], [('F', T3), ('p_value', P2)], lib, hand)


def q58():
    g = [rf(rng.normal(500.0, s, 8), 1) for s in (0.9, 1.1, 2.6)]
    data = dict(h1=g[0], h2=g[1], h3=g[2])

    def lib(d):
        r = st.levene(d['h1'], d['h2'], d['h3'], center='median')
        return [float(r.statistic), float(r.pvalue)]

    def hand(d):
        z = []
        for k in ('h1', 'h2', 'h3'):
            md = fmedian(d[k])
            z.append([abs(Fx(v) - md) for v in d[k]])
        F, p, _, _ = h_anova1(z)
        return [F, p]

    add('f58', 5, data,
        "Brown-Forsythe test (Levene's test centred on the median) on fill volumes (mL) from three filling heads:\n"
        "Head 1: <<h1:L1>>\nHead 2: <<h2:L1>>\nHead 3: <<h3:L1>>\nIs the spread the same across heads?",
        "Brown-Forsythe (median-centred Levene) test of equal variances across the 3 heads: W statistic and p.",
        ['levene', 'dsl_run'], [('W_statistic', T3), ('p_value', P2)], lib, hand)


def h_shapiro(x):
    """Shapiro-Wilk W and p by hand (Royston 1992 approximation, n >= 12)"""
    n = len(x)
    xs = [mq(v) for v in sorted(Fx(v) for v in x)]
    m = [h_zq((i - mp.mpf(3) / 8) / (n + mp.mpf(1) / 4)) for i in range(1, n + 1)]
    s2 = sum(v * v for v in m)
    u = 1 / mp.sqrt(n)
    an = m[-1] / mp.sqrt(s2) + 0.221157 * u - 0.147981 * u ** 2 - 2.071190 * u ** 3 + 4.434685 * u ** 4 - 2.706056 * u ** 5
    an1 = m[-2] / mp.sqrt(s2) + 0.042981 * u - 0.293762 * u ** 2 - 1.752461 * u ** 3 + 5.682633 * u ** 4 - 3.582633 * u ** 5
    phi = (s2 - 2 * m[-1] ** 2 - 2 * m[-2] ** 2) / (1 - 2 * an ** 2 - 2 * an1 ** 2)
    a = [m[i] / mp.sqrt(phi) for i in range(n)]
    a[-1], a[-2], a[0], a[1] = an, an1, -an, -an1
    xm = sum(xs) / n
    W = sum(ai * xi for ai, xi in zip(a, xs)) ** 2 / sum((xi - xm) ** 2 for xi in xs)
    ln = mp.log(n)
    mu = 0.0038915 * ln ** 3 - 0.083751 * ln ** 2 - 0.31082 * ln - 1.5861
    sg = mp.exp(0.0030302 * ln ** 2 - 0.082676 * ln - 0.4803)
    z = (mp.log(1 - W) - mu) / sg
    return W, 1 - h_Phi(z)


def q59():
    x = rf(rng.normal(58.0, 1.5, 15), 1)
    data = dict(x=x)

    def lib(d):
        r = st.shapiro(d['x'])
        return [float(r.statistic), float(r.pvalue)]

    def hand(d):
        assert len(d['x']) >= 12
        return list(h_shapiro(d['x']))

    add('f59', 5, data,
        "Run a Shapiro-Wilk test on these hardness readings (HRC): <<x:L1>>. W and p?",
        "Shapiro-Wilk normality test of the 15 readings: W statistic and p-value.",
        ['normality', 'dsl_run'], [('W', T3), ('p_value', 5e-3)], lib, hand)


def q60():
    data = dict(x1=int(rng.integers(1, 4)), n1=20, x2=int(rng.integers(6, 10)), n2=22)

    def lib(d):
        t = [[d['x1'], d['n1'] - d['x1']], [d['x2'], d['n2'] - d['x2']]]
        return [float(st.fisher_exact(t).pvalue)]

    def hand(d):
        a, b = d['x1'], d['n1'] - d['x1']
        c, dd = d['x2'], d['n2'] - d['x2']
        r1, c1, N = a + b, a + c, a + b + c + dd

        def pr(k):
            return Fr(math.comb(c1, k) * math.comb(N - c1, r1 - k), math.comb(N, r1))
        po = pr(a)
        ks = range(max(0, r1 + c1 - N), min(r1, c1) + 1)
        return [sum(pr(k) for k in ks if pr(k) <= po * (1 + Fr(1, 10 ** 7)))]

    add('f60', 5, data,
        "Vendor A: <<x1>> failures out of <<n1>> parts; vendor B: <<x2>> out of <<n2>>. Fisher's exact test "
        "(two-sided) p-value?",
        "Fisher's exact test on the 2x2 failures table, two-sided (sum of tables no more likely than observed).",
        ['proportion_test', 'dsl_run'], [('p_value', P2)], lib, hand)


def q61():
    data = dict(a=int(rng.integers(15, 30)), b=int(rng.integers(3, 8)), c=int(rng.integers(12, 19)),
                d=int(rng.integers(5, 12)))

    def lib(d):
        r = sm_mcnemar([[d['a'], d['b']], [d['c'], d['d']]], exact=False, correction=True)
        return [float(r.statistic), float(r.pvalue)]

    def hand(d):
        x2 = Fr((abs(d['b'] - d['c']) - 1) ** 2, d['b'] + d['c'])
        return [x2, h_sf_chi2(mq(x2), 1)]

    add('f61', 5, data,
        "McNemar's test (chi-square with continuity correction) on pass/fail before vs after retraining, same "
        "inspectors: both pass <<a>>, pass before/fail after <<b>>, fail before/pass after <<c>>, both fail <<d>>. "
        "Statistic and p?",
        "McNemar chi-square with continuity correction (|b - c| - 1)^2/(b + c) on 1 df.",
        ['mcnemar', 'dsl_run'], [('chi_square', T3), ('p_value', P2)], lib, hand)


def q62():
    data = dict(x=int(rng.binomial(40, 0.74)), n=40, p0=60)

    def lib(d):
        r = st.binomtest(d['x'], d['n'], d['p0'] / 100)
        ci = r.proportion_ci(0.95, method='exact')
        lo, hi = proportion_confint(d['x'], d['n'], 0.05, method='beta')
        assert abs(lo - ci.low) < 1e-9 and abs(hi - ci.high) < 1e-9
        return [float(r.pvalue), float(ci.low), float(ci.high)]

    def hand(d):
        p0 = Fr(d['p0'], 100)
        pm = [binom_pmf_fr(i, d['n'], p0) for i in range(d['n'] + 1)]
        po = pm[d['x']]
        p = sum(v for v in pm if v <= po * (1 + Fr(1, 10 ** 7)))
        x, n = d['x'], d['n']
        lo = h_bisect(lambda t: mp.betainc(x, n - x + 1, 0, t, regularized=True) - mp.mpf('0.025'), 0, 1)
        hi = h_bisect(lambda t: mp.betainc(x + 1, n - x, 0, t, regularized=True) - mp.mpf('0.975'), 0, 1)
        return [p, lo, hi]

    add('f62', 5, data,
        "Exact binomial test: <<x>> of <<n>> units survived the drop test; the design assumption is <<p0>>% "
        "survival. Two-sided p-value, and the Clopper-Pearson 95% CI for the survival rate.",
        "Two-sided exact binomial test of p = 0.60 (minimum-likelihood two-sided p) and the Clopper-Pearson 95% interval.",
        ['proportion_test', 'dsl_run'], [('p_value', P2), ('CI_low', T3), ('CI_high', T3)], lib, hand)


def q63():
    data = dict(x1=int(rng.binomial(400, 0.045)), n1=400, x2=int(rng.binomial(420, 0.08)), n2=420)

    def lib(d):
        z, p = proportions_ztest([d['x1'], d['x2']], [d['n1'], d['n2']])
        return [float(z), float(p)]

    def hand(d):
        p1, p2 = Fr(d['x1'], d['n1']), Fr(d['x2'], d['n2'])
        pp = Fr(d['x1'] + d['x2'], d['n1'] + d['n2'])
        z = mq(p1 - p2) / mp.sqrt(mq(pp * (1 - pp) * (Fr(1, d['n1']) + Fr(1, d['n2']))))
        return [z, mp.erfc(abs(z) / mp.sqrt(2))]

    add('f63', 5, data,
        "two-proportion z-test (pooled, no continuity correction): line 1 had <<x1>> defects in <<n1>> units, "
        "line 2 had <<x2>> in <<n2>>. z and p?",
        "Pooled two-proportion z-test of line 1 vs line 2 (z for p1 - p2), two-sided, no continuity correction.",
        ['proportion_test', 'dsl_run'], [('z', T3), ('p_value', P2)], lib, hand)


def q64():
    b = rf(rng.normal(14.0, 1.2, 10), 1)
    a = rf(np.array(b[:9]) + rng.normal(0.5, 0.6, 9), 1)
    data = dict(b=b, a=a)

    def defect(d):
        return len(d['b']) != len(d['a'])

    add('f64', 5, data,
        "Wilcoxon signed-rank test on these before/after readings for the same operators please:\n"
        "before: <<b:L1>>\nafter: <<a:L1>>",
        "Refuse: a paired signed-rank test needs one after value per before value; the lists have 10 and 9 values.",
        ['wilcoxon_signed_rank', 'dsl_run'], refuse=True, defect=defect,
        reason='paired signed-rank test with unequal list lengths (10 before, 9 after)')


def q65():
    x = ri(np.round(rng.normal(55, 8, 12)))
    y = rf(12 - 0.06 * np.array(x) + rng.normal(0, 0.6, 12), 1)
    data = dict(x=x, y=y)

    def lib(d):
        r = st.pearsonr(d['x'], d['y'])
        return [float(r.statistic), float(r.pvalue)]

    def hand(d):
        b1, b0, r2 = h_linreg(d['x'], d['y'])
        r = mp.sqrt(mq(r2)) * (1 if b1 > 0 else -1)
        n = len(d['x'])
        t = r * mp.sqrt(n - 2) / mp.sqrt(1 - r * r)
        return [r, h_p_t2(t, n - 2)]

    add('f65', 5, data,
        "Pearson correlation between humidity and peel strength? humidity (%RH): <<x:L>>; peel strength (N/cm): "
        "<<y:L1>>. r and its p-value.",
        "Pearson correlation r with the two-sided t-test p-value (n - 2 df).",
        ['correlation', 'dsl_run'], [('r', T3), ('p_value', P2)], lib, hand)


def q66():
    while True:
        j1 = rf(rng.normal(6.5, 1.2, 10), 1)
        j2 = rf(np.array(j1) * 0.6 + rng.normal(2.6, 0.9, 10), 1)
        if len(set(j1)) == 10 and len(set(j2)) == 10:
            break
    data = dict(j1=j1, j2=j2)

    def lib(d):
        return [float(st.spearmanr(d['j1'], d['j2']).statistic), float(st.kendalltau(d['j1'], d['j2']).statistic)]

    def hand(d):
        n = len(d['j1'])
        r1, r2 = midranks(d['j1']), midranks(d['j2'])
        rho = 1 - Fr(6) * sum((a - b) ** 2 for a, b in zip(r1, r2)) / (n * (n * n - 1))
        conc = disc = 0
        for i in range(n):
            for j in range(i + 1, n):
                s = (Fx(d['j1'][i]) - Fx(d['j1'][j])) * (Fx(d['j2'][i]) - Fx(d['j2'][j]))
                conc += s > 0
                disc += s < 0
        return [rho, Fr(conc - disc, n * (n - 1) // 2)]

    add('f66', 5, data,
        "Two judges scored the same 10 weld samples. Judge 1: <<j1:L1>>. Judge 2: <<j2:L1>>. Can you give me "
        "both Spearman's rho and Kendall's tau-b?",
        "Rank correlations between the two judges (no ties): Spearman rho and Kendall tau-b.",
        ['correlation', 'dsl_run'], [('spearman_rho', T3), ('kendall_tau_b', T3)], lib, hand)


def q67():
    g = [rf(rng.normal(m, 1.4, n), 1) for m, n in ((31.0, 7), (32.2, 6), (33.4, 8))]
    data = dict(a=g[0], b=g[1], c=g[2])

    def lib(d):
        r = st.kruskal(d['a'], d['b'], d['c'])
        return [float(r.statistic), float(r.pvalue)]

    def hand(d):
        allv = d['a'] + d['b'] + d['c']
        r = midranks(allv)
        N = len(allv)
        idx, H = 0, Fr(0)
        for k in ('a', 'b', 'c'):
            R = sum(r[idx:idx + len(d[k])])
            H += R * R / len(d[k])
            idx += len(d[k])
        H = Fr(12, N * (N + 1)) * H - 3 * (N + 1)
        ties = {}
        for v in allv:
            ties[Fx(v)] = ties.get(Fx(v), 0) + 1
        C = 1 - Fr(sum(t ** 3 - t for t in ties.values()), N ** 3 - N)
        H = H / C
        return [H, h_sf_chi2(mq(H), 2)]

    add('f67', 5, data,
        "Kruskal-Wallis test on burst pressure (bar) for three hose suppliers:\nSupplier A: <<a:L1>>\n"
        "Supplier B: <<b:L1>>\nSupplier C: <<c:L1>>\nH and p please.",
        "Kruskal-Wallis H (tie-corrected) with the chi-square (2 df) p-value.",
        ['kruskal_wallis', 'dsl_run'], [('H', T3), ('p_value', P2)], lib, hand)


def q68():
    lub = ['L1', 'L2', 'L3', 'L4']
    while True:
        mach = rng.normal(0, 1.5, 7)
        W = [rf(8.0 + mach[i] + np.array([0.0, 0.5, 0.9, 0.2]) + rng.normal(0, 0.6, 4), 1) for i in range(7)]
        if all(len(set(r)) == 4 for r in W):
            break
    data = dict(W=W)

    def rt(d):
        rows = [['machine'] + lub] + [[f"M{i + 1}"] + [f"{v:.1f}" for v in r] for i, r in enumerate(d['W'])]
        return aligned(rows)

    def pt(s):
        rows = [ln.split() for ln in lines_of(s)]
        assert rows[0] == ['machine'] + lub
        assert [r[0] for r in rows[1:]] == [f"M{i + 1}" for i in range(len(rows) - 1)]
        return dict(W=[[num(v) for v in r[1:]] for r in rows[1:]])

    def lib(d):
        r = st.friedmanchisquare(*np.array(d['W']).T)
        return [float(r.statistic), float(r.pvalue)]

    def hand(d):
        n, k = len(d['W']), len(d['W'][0])
        R = [Fr(0)] * k
        for row in d['W']:
            rr = midranks(row)
            assert all(v.denominator == 1 for v in rr)
            R = [a + b for a, b in zip(R, rr)]
        Q = Fr(12, n * k * (k + 1)) * sum(v * v for v in R) - 3 * n * (k + 1)
        return [Q, h_sf_chi2(mq(Q), k - 1)]

    add('f68', 5, data,
        "Friedman test please: 4 lubricants, each run on the same 7 machines, wear in mg:\n\n<<tab:T>>\n\n"
        "Statistic and p?",
        "Friedman rank test with machines as blocks and lubricants as treatments: chi-square statistic (3 df) and p.",
        ['friedman', 'dsl_run'], [('friedman_chi_square', T3), ('p_value', P2)], lib, hand,
        tables={'tab': (rt, pt)})


def q69():
    while True:
        before = rf(rng.normal(20.0, 3.0, 12), 1)
        after = rf(np.array(before) + rng.normal(0.4, 1.2, 12), 1)
        dd = [round(a - b, 1) for a, b in zip(after, before)]
        if 0 not in dd and len(set(abs(v) for v in dd)) == 12:
            break
    data = dict(before=before, after=after)

    def lib(d):
        r2 = st.wilcoxon(d['after'], d['before'], method='exact')
        r1 = st.wilcoxon(d['after'], d['before'], method='exact', alternative='greater')
        return [float(r1.statistic), float(r2.pvalue)]

    def hand(d):
        diff = [Fx(a) - Fx(b) for a, b in zip(d['after'], d['before'])]
        return list(h_signed_rank_exact(diff))

    add('f69', 5, data,
        "Wilcoxon signed-rank test, exact, on paired data (differences after - before).\nbefore: <<before:L1>>\n"
        "after: <<after:L1>>\nI need W+ (sum of the positive ranks) and the two-sided p.",
        "Exact Wilcoxon signed-rank test on after - before (no zeros or ties): W+ and the exact two-sided p.",
        ['wilcoxon_signed_rank', 'dsl_run'], [('W_plus', T3), ('p_value_exact', P2)], lib, hand)


def q70():
    A = ri(rng.integers(5, 10, 14))
    B = ri(np.clip(np.array(A) + rng.integers(-3, 2, 14), 1, 10))
    data = dict(A=A, B=B)

    def lib(d):
        dd = np.subtract(d['A'], d['B'])
        M, p = sm_sign_test(dd, 0)
        npos, nn = int((dd > 0).sum()), int((dd != 0).sum())
        assert abs(M - (npos - nn / 2)) < 1e-12
        p2 = st.binomtest(npos, nn, 0.5).pvalue
        assert abs(p - p2) < 1e-12
        return [npos, nn, float(p)]

    def hand(d):
        dd = [a - b for a, b in zip(d['A'], d['B'])]
        pos = sum(v > 0 for v in dd)
        nn = sum(v != 0 for v in dd)
        k = min(pos, nn - pos)
        p = min(Fr(1), 2 * sum(binom_pmf_fr(i, nn, Fr(1, 2)) for i in range(k + 1)))
        return [pos, nn, p]

    add('f70', 5, data,
        "Sign test on these paired panel ratings (same 14 panels, A vs B), ties dropped.\nA: <<A:L>>\nB: <<B:L>>\n"
        "How many pairs favour A, how many untied pairs are left, and what's the two-sided exact p?",
        "Paired sign test on A - B with ties dropped: number of positive differences, untied n, exact two-sided "
        "binomial p.",
        ['sign_test', 'dsl_run'], [('n_favour_A', 0), ('n_untied', 0), ('p_value', P2)], lib, hand)

# =============================================================================
# build, check, write
# =============================================================================
def to_num(v):
    if isinstance(v, (bool, np.bool_)):
        raise TypeError('bool result')
    if isinstance(v, (int, np.integer)):
        return int(v)
    if isinstance(v, Fr):
        return float(v) if v.denominator != 1 else int(v)
    if isinstance(v, mp.mpf):
        return float(v)
    if isinstance(v, sp.Basic):
        return float(v)
    return float(v)


def rel(a, b):
    return abs(a - b) / max(abs(a), abs(b), 1e-300)


def same_results(a, b):
    return len(a) == len(b) and all(rel(float(x), float(y)) <= 1e-12 for x, y in zip(a, b))


def main():
    for i in range(1, 71):
        globals()[f'q{i:02d}']()

    tools_ok = set()
    with open(os.path.join(HERE, 'TOOLS.txt'), encoding='utf-8') as fh:
        for ln in fh:
            if ln.strip():
                tools_ok.add(ln.split()[0])

    records, n_mut, texts = [], 0, set()
    for idx, q in enumerate(QS):
        qid = q['id']
        # --- ids / kinds in order -------------------------------------------
        assert qid == f"f{idx + 1:02d}" and q['kind'] == idx // 14 + 1, qid
        text = render(q, q['data'])
        assert '<<' not in text and '>>' not in text, qid
        assert text not in texts, f'{qid}: duplicate text'
        texts.add(text)
        # --- (c) re-parse ----------------------------------------------------
        parsed = parse(q, text)
        assert deq(parsed, q['data']), f'{qid}: parsed data differ'
        assert render(q, parsed) == text, qid
        # --- tools -------------------------------------------------------------
        assert 'dsl_run' in q['tools'] and all(t in tools_ok for t in q['tools']), qid
        assert len(set(q['tools'])) == len(q['tools'])
        if q['refuse']:
            assert q['defect'](q['data']), f'{qid}: defect not present in data'
            assert q['defect'](parsed), f'{qid}: defect not present in parsed text'
            assert q['lib'] is None and not q['names']
            expect = []
        else:
            assert 1 <= len(q['names']) <= 3, qid
            L = [to_num(v) for v in q['lib'](q['data'])]
            H = [to_num(v) for v in q['hand'](q['data'])]
            assert len(L) == len(H) == len(q['names']), qid
            expect = []
            for (nm, tol), lv, hv in zip(q['names'], L, H):
                if tol == 0:   # integers exactly
                    assert isinstance(lv, int) and isinstance(hv, int) and lv == hv, (qid, nm, lv, hv)
                    val = lv
                else:          # (a) vs (b) to 1e-4
                    assert rel(lv, hv) <= 1e-4, (qid, nm, lv, hv, rel(lv, hv))
                    val = float(f"{lv:.10g}")
                assert val != 0, (qid, nm)
                if 'p_value' in nm:
                    assert 1e-4 <= val <= 0.99, (qid, nm, val)
                assert math.isfinite(val)
                expect.append(dict(name=nm, value=val, tol=tol))
            # compute(parsed) == compute(data)
            Lp = [to_num(v) for v in q['lib'](parsed)]
            assert same_results(L, Lp), qid
        # --- mutation test -----------------------------------------------------
        changed = False
        for path in numeric_paths(q['data']):
            md = mutate(q['data'], path)
            t2 = render(q, md)
            assert t2 != text, (qid, path, 'mutation invisible in text')
            p2 = parse(q, t2)
            assert deq(p2, md), (qid, path, 'mutated data not recovered')
            n_mut += 1
            if not q['refuse'] and not changed:
                try:
                    Lm = [to_num(v) for v in q['lib'](md)]
                    if not same_results(L, Lm):
                        changed = True
                except Exception:
                    pass
        if not q['refuse']:
            assert changed, f'{qid}: no mutation changes a result'
        records.append(dict(id=qid, kind=q['kind'], question=text, intent=q['intent'], tools=q['tools'],
                            expect=expect, refuse=q['refuse']))

    # --- set-level sanity ----------------------------------------------------------
    assert len(records) == 70
    counts = {k: sum(r['kind'] == k for r in records) for k in range(1, 6)}
    assert all(v == 14 for v in counts.values()), counts
    refusals = [q for q in QS if q['refuse']]
    assert len(refusals) == 7
    assert all((r['expect'] == []) == r['refuse'] for r in records)

    body = ''.join(json.dumps(r, ensure_ascii=False) + '\n' for r in records)
    with open(os.path.join(HERE, 'round36.jsonl'), 'w', encoding='utf-8') as fh:
        fh.write(body)
    md5 = hashlib.md5(body.encode('utf-8')).hexdigest()
    meta = dict(
        file='round36.jsonl', md5=md5, n_questions=len(records),
        counts_per_kind={str(k): v for k, v in counts.items()},
        refusals=[dict(id=q['id'], kind=q['kind'], reason=q['reason']) for q in refusals],
        n_refusals=len(refusals), mutation_checks=n_mut,
        n_expectations=sum(len(r['expect']) for r in records),
        seed=36363636)
    with open(os.path.join(HERE, 'round36_meta.json'), 'w', encoding='utf-8') as fh:
        fh.write(json.dumps(meta, indent=2, ensure_ascii=False) + '\n')
    with open(os.path.join(HERE, 'README.md'), 'w', encoding='utf-8') as fh:
        fh.write(readme(meta))
    print(f"ok: {len(records)} questions, {meta['n_expectations']} expectations, {n_mut} mutation checks, "
          f"md5 {md5}, {time.time() - T0:.1f}s")


def readme(meta):
    ref_rows = '\n'.join(f"| {r['id']} | {r['kind']} | {r['reason']} |" for r in meta['refusals'])
    return f"""# Round 36 blind evaluation set

70 questions for the maths / statistics / engineering question-answering agent
(14 per kind, ids f01-f70, 7 refusals).

## How it was written

Written blind: the only project file read was `TOOLS.txt` (the agent's tool
list, one line per tool).  Nothing under the project source tree and none of
the earlier blind rounds or shared folders were read; the project's Python
interpreter was only *run* (numpy, scipy, statsmodels, sympy, mpmath).  The
question texts, data sets and expected values were all written for this round.

## Files

| file | content |
|---|---|
| `make_round36.py` | the single deterministic generator: data, rendering, parsing, expected values, all checks, outputs |
| `round36.jsonl` | 70 lines: `id, kind, question, intent, tools, expect[name,value,tol], refuse` |
| `round36_meta.json` | counts per kind, refusal ids and reasons, number of mutation checks, md5 of the jsonl |
| `README.md` | this file (also written by the generator) |
| `TOOLS.txt` | the agent's tool list (input, unchanged) |

Run `python make_round36.py` (any location; files are found relative to the
script).  It takes well under a minute and stops on the first failed assertion.

## Determinism

All random data come from `numpy.random.default_rng(36363636)`, drawn in id
order (f01 first), and are rounded to integers or 1-2 decimals; the rounded
values are the data.  Summary figures and design parameters that are not drawn
are literals in the generator.  Output is written with a fixed key order, so
the md5 of `round36.jsonl` ({meta['md5']}) is stable from run to run.

## The five kinds

1. **f01-f14 table formats** - CSV with row ids and paired columns (paired t),
   `label -> count` lines (GOF, equal frequencies), aligned lot / inspected /
   defective columns (p chart with varying n), markdown predictor/response
   (regression), TSV contingency table (independence), 2x2 paired outcomes
   (exact McNemar), long format group,value (one-way ANOVA), subgroup rows
   (X-bar/R limits), `label: count` with claimed proportions (GOF), markdown
   2^3 with -/+ signs (effects), aligned unreplicated 2x2 (refusal), wide hourly
   grid (Pp/Ppk), "rep1 / rep2" cell grid (two-way ANOVA), semicolon CSV with
   decimal commas (pooled t).
2. **f15-f28 intent in the wording** - "don't assume normality" (exact
   Mann-Whitney + Hodges-Lehmann), "not the pooled one" (Welch), a nominal value
   (one-sample t), dropping a named point (regression refit), summary Welch with a
   missing SD (refusal), defect counts (c chart), counts over varying units
   (u chart), a one-sided claim (lower-tail t), Ppk vs Cpk (overall vs R-bar/d2),
   curvature with centre points, direction of a paired difference with CI,
   summary figures only (paired t), margin of error not power (n for a mean),
   one-sided exact binomial claim.
3. **f29-f42 numbers with roles among distractors** - 2^(5-1) with replicates,
   centre points and a per-day block size; Box-Behnken, rotatable CCD,
   Plackett-Burman and mixed-level run counts; an impossible resolution
   (refusal); X-bar/R limits with the subgroup size in words; X-bar/S limits;
   capability from summaries; n per group for power; n for a proportion margin;
   X-bar/R limits with no subgroup size (refusal); p chart from totals; ANOVA power.
4. **f43-f56 maths** - derivative at a point ("derivitive", "sin x"), mixed
   partial, definite and improper ("int_0^inf") integrals, determinant of a
   non-square matrix (refusal), "lim x->0", series coefficient, infinite sum,
   cubic roots, 3x3 linear system, inverse of a singular matrix (refusal),
   partial fractions, absolute extrema on an interval, critical point of f(x, y).
5. **f57-f70 named tests** - F test of variances, Brown-Forsythe, Shapiro-Wilk,
   Fisher exact, McNemar with continuity correction, exact binomial with
   Clopper-Pearson CI, pooled two-proportion z, signed-rank with unequal lists
   (refusal), Pearson, Spearman + Kendall tau-b, Kruskal-Wallis, Friedman,
   exact signed-rank (W+), sign test with ties dropped.

## Refusals

| id | kind | defect |
|---|---|---|
{ref_rows}

Each defect is asserted by the generator on the original data and on the data
parsed back from the question text.

## Checks (any failure stops the script)

* (a) library values: scipy.stats, statsmodels, sympy; design run counts from
  built design matrices (fractional factorial with generators found by
  enumeration, Box-Behnken, CCD with alpha solved from the rotatability moment
  condition, Plackett-Burman from cyclic generators/Hadamard with an
  orthogonality check, mixed-level product); SPC constants from a d2/d3/c4 table.
* (b) an independent hand computation for every expectation: exact Fraction
  arithmetic, mpmath incomplete beta/gamma and erfc for p-values, exact rank
  distributions (Mann-Whitney, signed-rank), exact binomial / hypergeometric sums,
  SPC constants by numerical integration of the range distribution and c4 from
  gamma functions, noncentral t / F power by integration and Poisson mixtures,
  Royston's Shapiro-Wilk algorithm, mpmath calculus numerics and closed forms.
  (a) and (b) agree to relative 1e-4; integers exactly.
* (c) re-parse: each question's data are recovered from its own text by a
  regex built from the template plus table parsers (CSV, TSV, markdown,
  aligned columns, semicolon/decimal comma, arrow and colon lines, cell grids,
  equations, matrices) and equal the original; compute(parsed) = compute(data).
* mutation test: every numeric datum in turn gets +1; the question is
  re-rendered, must change, and must parse back to the mutated data; for every
  non-refusal at least one mutation changes a computed result
  ({meta['mutation_checks']} mutation checks).
* sanity: ids and kinds in order, 14 per kind, unique texts, tools all in
  TOOLS.txt with dsl_run always present, 1-3 expectations each, no expected value
  exactly 0, every p-value expectation in [1e-4, 0.99], exactly 7 refusals.
"""


if __name__ == '__main__':
    main()
