#!/usr/bin/env python3
"""Deterministic generator for blind evaluation round 35 (70 questions, 5 kinds).

Every data set lives in this file.  Random data come from one generator,
numpy.random.default_rng(35353535), drawn in question-id order and rounded;
the rounded values are the data.  For every question the script renders the
text from the data, parses the text back, checks the round trip, computes the
expected values with library routines (a), recomputes them by hand (b) and
checks agreement, runs a +1 mutation test on every numeric data value, checks
the refusal defects, and writes round35.jsonl and round35_meta.json next to
this file.  Any failed check raises and stops the script.
"""
import copy
import hashlib
import itertools
import json
import math
import os
import re
import sys
from fractions import Fraction as Fr

import numpy as np
import scipy.stats as st
import mpmath as mp
import sympy as sp
import statsmodels.api as sm
from statsmodels.stats.power import TTestIndPower
from statsmodels.stats.proportion import proportions_ztest

HERE = os.path.dirname(os.path.abspath(__file__))
mp.mp.dps = 30
SEED = 35353535

# ----------------------------------------------------------------------------
# generic helpers
# ----------------------------------------------------------------------------

def rl(a, d):
    return [round(float(x), d) for x in a]


def ri(a):
    return [int(x) for x in a]


def Fx(v):
    if isinstance(v, Fr):
        return v
    if isinstance(v, float):
        return Fr(repr(v))
    return Fr(int(v))


def M(fr):
    fr = Fx(fr)
    return mp.mpf(fr.numerator) / fr.denominator


def fl(s):
    return float(s)


def fmean(xs):
    X = [Fx(v) for v in xs]
    return sum(X) / len(X)


def fvar(xs):
    X = [Fx(v) for v in xs]
    m = sum(X) / len(X)
    return sum((x - m) ** 2 for x in X) / (len(X) - 1)


def fmedian(xs):
    X = sorted(Fx(v) for v in xs)
    n = len(X)
    return X[n // 2] if n % 2 else (X[n // 2 - 1] + X[n // 2]) / 2


def msqrt(v):
    return mp.sqrt(M(v) if isinstance(v, (Fr, int, float)) else v)


# distribution tails by hand (mpmath incomplete beta / gamma, erfc)
def p_t2(t, df):
    t = mp.mpf(t); df = mp.mpf(df)
    return mp.betainc(df / 2, mp.mpf(1) / 2, 0, df / (df + t * t), regularized=True)


def p_t_lower(t, df):
    h = p_t2(t, df) / 2
    return h if t < 0 else 1 - h


def p_t_upper(t, df):
    return p_t_lower(-mp.mpf(t), df)


def p_f_upper(f, d1, d2):
    f = mp.mpf(f); d1 = mp.mpf(d1); d2 = mp.mpf(d2)
    return mp.betainc(d2 / 2, d1 / 2, 0, d2 / (d2 + d1 * f), regularized=True)


def p_f_lower(f, d1, d2):
    return 1 - p_f_upper(f, d1, d2)


def p_chi2_upper(x, k):
    return mp.gammainc(mp.mpf(k) / 2, mp.mpf(x) / 2, mp.inf, regularized=True)


def p_norm_upper(z):
    return mp.erfc(mp.mpf(z) / mp.sqrt(2)) / 2


def bisect(f, lo, hi, it=200):
    lo = mp.mpf(lo); hi = mp.mpf(hi)
    flo = f(lo)
    for _ in range(it):
        mid = (lo + hi) / 2
        fm = f(mid)
        if (fm > 0) == (flo > 0):
            lo, flo = mid, fm
        else:
            hi = mid
    return (lo + hi) / 2


def t_upper_quant(q, df):
    """c with P(T > c) = q."""
    return bisect(lambda c: p_t_upper(c, df) - q, 0, 50)


def franks(xs):
    idx = sorted(range(len(xs)), key=lambda i: xs[i])
    r = [None] * len(xs)
    i = 0
    while i < len(idx):
        j = i
        while j + 1 < len(idx) and xs[idx[j + 1]] == xs[idx[i]]:
            j += 1
        for k in range(i, j + 1):
            r[idx[k]] = Fr(i + j + 2, 2)
        i = j + 1
    return r


def h_t1(xs, mu0=0):
    X = [Fx(v) for v in xs]
    n = len(X)
    m = sum(X) / n
    v = sum((x - m) ** 2 for x in X) / (n - 1)
    t = M(m - Fx(mu0)) / mp.sqrt(M(v) / n)
    return M(m), t, p_t2(t, n - 1)


def h_t2_stats(m1, v1, n1, m2, v2, n2, pooled):
    m1, v1, m2, v2 = Fx(m1), Fx(v1), Fx(m2), Fx(v2)
    if pooled:
        sp2 = ((n1 - 1) * v1 + (n2 - 1) * v2) / (n1 + n2 - 2)
        se2 = sp2 * (Fr(1, n1) + Fr(1, n2))
        df = Fr(n1 + n2 - 2)
    else:
        se2 = v1 / n1 + v2 / n2
        df = se2 ** 2 / ((v1 / n1) ** 2 / (n1 - 1) + (v2 / n2) ** 2 / (n2 - 1))
    t = M(m1 - m2) / mp.sqrt(M(se2))
    return t, M(df), p_t2(t, M(df))


def h_t2(a, b, pooled):
    return h_t2_stats(fmean(a), fvar(a), len(a), fmean(b), fvar(b), len(b), pooled)


def h_linreg(x, y):
    X = [Fx(v) for v in x]; Y = [Fx(v) for v in y]
    n = len(X)
    mx = sum(X) / n; my = sum(Y) / n
    sxx = sum((a - mx) ** 2 for a in X)
    sxy = sum((a - mx) * (b - my) for a, b in zip(X, Y))
    syy = sum((b - my) ** 2 for b in Y)
    b1 = sxy / sxx
    return my - b1 * mx, b1, sxy * sxy / (sxx * syy)


def h_anova(groups):
    G = [[Fx(v) for v in g] for g in groups]
    N = sum(len(g) for g in G); k = len(G)
    gm = sum(sum(g) for g in G) / N
    ssb = sum(len(g) * (sum(g) / len(g) - gm) ** 2 for g in G)
    ssw = sum(sum((x - sum(g) / len(g)) ** 2 for x in g) for g in G)
    F = (ssb / (k - 1)) / (ssw / (N - k))
    return M(F), p_f_upper(M(F), k - 1, N - k)


def h_chi2_gof(obs, probs):
    O = [Fx(o) for o in obs]
    P = [Fx(p) for p in probs]
    T = sum(O); S = sum(P)
    E = [T * p / S for p in P]
    c = sum((o - e) ** 2 / e for o, e in zip(O, E))
    return M(c), p_chi2_upper(M(c), len(O) - 1)


def h_chi2_indep(tab):
    R = [sum(Fx(v) for v in r) for r in tab]
    C = [sum(Fx(tab[i][j]) for i in range(len(tab))) for j in range(len(tab[0]))]
    T = sum(R)
    c = Fr(0)
    for i, r in enumerate(tab):
        for j, o in enumerate(r):
            e = R[i] * C[j] / T
            c += (Fx(o) - e) ** 2 / e
    df = (len(tab) - 1) * (len(tab[0]) - 1)
    return M(c), df, p_chi2_upper(M(c), df)


# exact null distributions by hand
def mwu_counts(m, n):
    """counts[u] = number of arrangements with U = #(x > y) = u."""
    memo = {}

    def f(a, b):
        if (a, b) in memo:
            return memo[(a, b)]
        if a == 0 or b == 0:
            res = [1]
        else:
            p1 = [0] * b + f(a - 1, b)      # largest is an x: beats all b y's
            p2 = f(a, b - 1)                # largest is a y
            L = max(len(p1), len(p2))
            res = [(p1[i] if i < len(p1) else 0) + (p2[i] if i < len(p2) else 0) for i in range(L)]
        memo[(a, b)] = res
        return res
    return f(m, n)


def h_mwu_exact(x, y):
    u = sum(1 for a in x for b in y if a > b)
    cnt = mwu_counts(len(x), len(y))
    tot = sum(cnt)
    umin = min(u, len(x) * len(y) - u)
    p = Fr(2 * sum(cnt[:umin + 1]), tot)
    return u, min(p, Fr(1))


def wsr_counts(n):
    poly = [1]
    for i in range(1, n + 1):
        new = poly + [0] * i
        for s, c in enumerate(poly):
            new[s + i] += c
        poly = new
    return poly


def h_wsr_exact(d):
    D = [Fx(v) for v in d if v != 0]
    n = len(D)
    r = franks([abs(v) for v in D])
    assert all(x.denominator == 1 for x in r), "ties in |d|"
    wp = sum(int(ri_) for ri_, v in zip(r, D) if v > 0)
    wm = n * (n + 1) // 2 - wp
    cnt = wsr_counts(n)
    p = Fr(2 * sum(cnt[:min(wp, wm) + 1]), 2 ** n)
    return wp, min(p, Fr(1))


def binom_pmf_f(k, n, p):
    return math.comb(n, k) * p ** k * (1 - p) ** (n - k)


# SPC constants: table (6 decimals) and a hand integration of the range distribution
SPC_TABLE = {2: (1.128379, 0.852502), 3: (1.692569, 0.888368), 4: (2.058751, 0.879808),
             5: (2.325929, 0.864082), 6: (2.534413, 0.848040), 7: (2.704357, 0.833205),
             8: (2.847201, 0.819831), 9: (2.970026, 0.807834), 10: (3.077505, 0.797051)}


def spc_table(n):
    d2, d3 = SPC_TABLE[n]
    return dict(d2=d2, d3=d3, A2=3 / (d2 * math.sqrt(n)), D3=max(0.0, 1 - 3 * d3 / d2), D4=1 + 3 * d3 / d2)


_RANGE_CACHE = {}


def range_moments(n):
    """d2 = E[R], d3 = SD[R] for the range of n standard normals, by numerical integration."""
    if n in _RANGE_CACHE:
        return _RANGE_CACHE[n]
    h = 0.004; L = 9.0
    x = np.arange(-L, L + h / 2, h)
    nr = int(round(12.0 / h))
    xe = np.arange(-L, L + (nr + 1) * h + h / 2, h)
    Phi = np.array([0.5 * math.erfc(-v / math.sqrt(2)) for v in xe])
    phi = np.exp(-x * x / 2) / math.sqrt(2 * math.pi)
    nx = len(x)
    surv = np.empty(nr + 1)
    for k in range(nr + 1):
        diff = Phi[k:k + nx] - Phi[:nx]
        surv[k] = 1.0 - n * np.sum(phi * diff ** (n - 1)) * h
    r = np.arange(nr + 1) * h
    w = np.full(nr + 1, h); w[0] = w[-1] = h / 2
    e1 = float(np.sum(w * surv)); e2 = float(np.sum(w * 2 * r * surv))
    _RANGE_CACHE[n] = (e1, math.sqrt(e2 - e1 * e1))
    return _RANGE_CACHE[n]


def spc_hand(n):
    d2, d3 = range_moments(n)
    return dict(d2=d2, d3=d3, A2=3 / (d2 * math.sqrt(n)), D4=1 + 3 * d3 / d2)


# power of the two-sample t test by hand (noncentral t by integration)
def h_power_2t(n, d, alpha):
    df = 2 * n - 2
    delta = mp.mpf(d) * mp.sqrt(mp.mpf(n) / 2)
    c = t_upper_quant(mp.mpf(alpha) / 2, df)
    k = mp.mpf(df)

    def dens(v):
        return mp.exp((k / 2 - 1) * mp.log(v) - v / 2 - (k / 2) * mp.log(2) - mp.loggamma(k / 2))

    def integrand(v):
        s = c * mp.sqrt(v / k)
        return dens(v) * (p_norm_upper(s - delta) + p_norm_upper(s + delta))
    old = mp.mp.dps
    mp.mp.dps = 20
    val = mp.quad(integrand, [0, k / 2, k, 2 * k, mp.inf])
    mp.mp.dps = old
    return val


# Shapiro-Wilk by hand (Royston 1992/1995 algorithm, n > 11)
def h_shapiro(x):
    n = len(x)
    assert n > 11
    xs = sorted(mp.mpf(repr(v)) for v in x)
    m = [mp.sqrt(2) * mp.erfinv(2 * ((i - mp.mpf(3) / 8) / (n + mp.mpf(1) / 4)) - 1) for i in range(1, n + 1)]
    summ2 = sum(v * v for v in m)
    u = 1 / mp.sqrt(n)
    an = m[-1] / mp.sqrt(summ2) + 0.221157 * u - 0.147981 * u ** 2 - 2.071190 * u ** 3 + 4.434685 * u ** 4 - 2.706056 * u ** 5
    an1 = m[-2] / mp.sqrt(summ2) + 0.042981 * u - 0.293762 * u ** 2 - 1.752461 * u ** 3 + 5.682633 * u ** 4 - 3.582633 * u ** 5
    phi = (summ2 - 2 * m[-1] ** 2 - 2 * m[-2] ** 2) / (1 - 2 * an ** 2 - 2 * an1 ** 2)
    a = [v / mp.sqrt(phi) for v in m]
    a[-1] = an; a[-2] = an1; a[0] = -an; a[1] = -an1
    mean = sum(xs) / n
    ss = sum((v - mean) ** 2 for v in xs)
    W = sum(ai * xi for ai, xi in zip(a, xs)) ** 2 / ss
    ln = mp.log(n)
    mu = 0.0038915 * ln ** 3 - 0.083751 * ln ** 2 - 0.31082 * ln - 1.5861
    sg = mp.exp(0.0030302 * ln ** 2 - 0.082676 * ln - 0.4803)
    z = (mp.log(1 - W) - mu) / sg
    return W, p_norm_upper(z)


# designs
def two_level(k):
    """2^k full factorial, coded -1/+1, first factor changing fastest."""
    return np.array([[((i >> j) & 1) * 2 - 1 for j in range(k)] for i in range(2 ** k)])


def resolution_of(X):
    k = X.shape[1]
    for size in range(1, k + 1):
        for S in itertools.combinations(range(k), size):
            prod = np.prod(X[:, list(S)], axis=1)
            if np.all(prod == prod[0]):
                return size
    return None


def fraction_from_generators(k, p, gens):
    base = two_level(k - p)
    letters = "ABCDEFGHJKLMNOPQRSTUVWXYZ"
    cols = [base[:, i] for i in range(k - p)]
    assert len(gens) == p
    for g in gens:
        tgt, word = g.split("=")
        assert tgt.strip() == letters[len(cols)]
        prod = np.ones(base.shape[0], dtype=int)
        for ch in word.strip():
            prod = prod * cols[letters.index(ch)]
        cols.append(prod)
    return np.column_stack(cols)


def hadamard_sylvester(N):
    H = np.array([[1]])
    while H.shape[0] < N:
        H = np.kron(H, np.array([[1, 1], [1, -1]]))
    assert H.shape[0] == N
    return H


PB_GEN = {12: "++-+++---+-", 20: "++--++++-+-+----++-"}


def plackett_burman(N):
    if N in (8, 16, 32):
        X = hadamard_sylvester(N)[:, 1:]
    else:
        g = [1 if c == "+" else -1 for c in PB_GEN[N]]
        rows = [g[-i:] + g[:-i] if i else list(g) for i in range(N - 1)]
        rows.append([-1] * (N - 1))
        X = np.array(rows)
    assert np.array_equal(X.T @ X, N * np.eye(N - 1, dtype=int)), "PB not orthogonal"
    return X


def pb_runs_for(k):
    for N in (8, 12, 16, 20):
        if N - 1 >= k:
            return N
    raise ValueError


def bbd(k, c):
    rows = []
    for i, j in itertools.combinations(range(k), 2):
        for a, b in itertools.product([-1, 1], repeat=2):
            r = [0] * k; r[i] = a; r[j] = b
            rows.append(r)
    rows += [[0] * k] * c
    return np.array(rows, dtype=float)


def ccd_rotatable(k, c):
    cube = two_level(k).astype(float)
    F = cube.shape[0]
    alpha = F ** 0.25
    ax = []
    for i in range(k):
        for s in (-1, 1):
            r = [0.0] * k; r[i] = s * alpha
            ax.append(r)
    X = np.vstack([cube, np.array(ax), np.zeros((c, k))])
    # rotatability check: pure 4th moment = 3 x mixed 4th moment
    assert abs(np.sum(X[:, 0] ** 4) - 3 * np.sum(X[:, 0] ** 2 * X[:, 1] ** 2)) < 1e-9
    return X, alpha


def pure_error_df(X):
    rows = {}
    for r in map(tuple, np.asarray(X).tolist()):
        rows[r] = rows.get(r, 0) + 1
    return sum(v - 1 for v in rows.values())


ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV", 5: "V", 6: "VI", 7: "VII", 8: "VIII", 9: "IX", 10: "X"}
UNROMAN = {v: k for k, v in ROMAN.items()}


def coef(c, var, first=False):
    """Render c*var with sign, for linear terms; |c| == 1 prints no digit."""
    mag = abs(c)
    body = (str(mag) if mag != 1 else "") + var
    if first:
        return ("-" if c < 0 else "") + body
    return (" - " if c < 0 else " + ") + body


def parse_linear(lhs, vars_):
    out = {v: 0 for v in vars_}
    for sgn, mag, v in re.findall(r'([+-]?)\s*(\d*)([a-z])', lhs.replace(" ", "")):
        c = int(mag) if mag else 1
        out[v] = -c if sgn == "-" else c
    return [out[v] for v in vars_]


# ----------------------------------------------------------------------------
# the questions (each q function draws its random data from rng, in id order)
# ----------------------------------------------------------------------------

def q01(rng):
    ids = [f"P-{101 + i}" for i in range(12)]
    a = rl(rng.normal(25.40, 0.30, 12), 2)
    b = [round(float(x + e), 2) for x, e in zip(a, rng.normal(0.06, 0.09, 12))]
    data = dict(ids=ids, a=a, b=b)

    def render(d):
        rows = "\n".join(f"{i},{x:.2f},{y:.2f}" for i, x, y in zip(d['ids'], d['a'], d['b']))
        return ("Gauge comparison. The same parts were each measured once on gauge A and once on gauge B "
                "(CSV export below). Is there a systematic offset between the two gauges? I need the average "
                "difference B minus A, the t statistic and the p-value.\n\n"
                "part_id,gauge_A_mm,gauge_B_mm\n" + rows)

    def parse(t):
        R = re.findall(r'^(P-\d+),(-?\d+\.\d+),(-?\d+\.\d+)$', t, re.M)
        return dict(ids=[r[0] for r in R], a=[fl(r[1]) for r in R], b=[fl(r[2]) for r in R])

    def lib(d):
        r = st.ttest_rel(d['b'], d['a'])
        return [float(np.mean(np.subtract(d['b'], d['a']))), float(r.statistic), float(r.pvalue)]

    def hand(d):
        return list(h_t1([Fx(y) - Fx(x) for x, y in zip(d['a'], d['b'])], 0))
    return dict(kind=1, data=data, render=render, parse=parse, lib=lib, hand=hand,
                names=["mean difference B-A (mm)", "paired t", "p (two-sided)"], tols=[1e-3, 1e-3, 2e-3], pidx=[2],
                tools=["t_test"],
                intent="Paired t-test on the per-part differences B - A (two-sided): mean difference, t statistic and p-value.")


def q02(rng):
    days = ["Mon", "Tue", "Wed", "Thu", "Fri"]
    cnt = ri(rng.poisson([50, 43, 46, 40, 58]))
    data = dict(days=days, cnt=cnt, weeks=13)

    def render(d):
        rows = "\n".join(f"{a} -> {c}" for a, c in zip(d['days'], d['cnt']))
        return (f"rejects logged at final test by weekday, last quarter ({d['weeks']} weeks):\n\n{rows}\n\n"
                "are these spread evenly over the week or is some day genuinely worse?")

    def parse(t):
        R = re.findall(r'^(\w{3}) -> (\d+)$', t, re.M)
        return dict(days=[r[0] for r in R], cnt=[int(r[1]) for r in R],
                    weeks=int(re.search(r'\((\d+) weeks\)', t).group(1)))

    def lib(d):
        r = st.chisquare(d['cnt'])
        return [float(r.statistic), float(r.pvalue)]

    def hand(d):
        return list(h_chi2_gof(d['cnt'], [1] * len(d['cnt'])))
    return dict(kind=1, data=data, render=render, parse=parse, lib=lib, hand=hand,
                names=["chi-square", "p"], tols=[1e-3, 2e-3], pidx=[1], tools=["chi_square"],
                intent="Chi-square goodness-of-fit test of the weekday counts against equal expected counts (df = 4): statistic and p-value.")


def q03(rng):
    wk = [f"W{i:02d}" for i in range(1, 16)]
    n = ri(rng.choice(np.arange(180, 321), 15, replace=False))
    dd = ri(rng.binomial(n, 0.045))
    dd[10] = int(rng.binomial(n[10], 0.115))
    data = dict(wk=wk, n=n, d=dd)

    def render(d):
        rows = "\n".join(f"{w}\t{a}\t{b}" for w, a, b in zip(d['wk'], d['n'], d['d']))
        return ("Hi, weekly incoming inspection results for the stamped bracket are below (tab separated, straight "
                "out of the tracker). Sample size changes week to week.\n\n"
                "week\tinspected\tdefective\n" + rows + "\n\n"
                "Could you set up a p chart with limits that vary with the sample size? I need the centre line, the "
                "UCL for the week with the largest sample, and how many weeks plot outside their own limits.")

    def parse(t):
        R = re.findall(r'^(W\d\d)\t(\d+)\t(\d+)$', t, re.M)
        return dict(wk=[r[0] for r in R], n=[int(r[1]) for r in R], d=[int(r[2]) for r in R])

    def lib(d):
        n = np.array(d['n'], float); x = np.array(d['d'], float)
        pb = x.sum() / n.sum()
        se = np.sqrt(pb * (1 - pb) / n)
        ucl = pb + 3 * se; lcl = np.maximum(0, pb - 3 * se)
        p = x / n
        i = int(np.argmax(n))
        assert list(n).count(n[i]) == 1
        return [float(pb), float(ucl[i]), int(np.sum((p > ucl) | (p < lcl)))]

    def hand(d):
        pb = Fr(sum(d['d']), sum(d['n']))
        i = max(range(len(d['n'])), key=lambda j: d['n'][j])
        out = 0
        for a, b in zip(d['n'], d['d']):
            s = 3 * mp.sqrt(M(pb * (1 - pb) / a))
            ph = M(Fr(b, a))
            if ph > M(pb) + s or ph < M(pb) - s:
                out += 1
        return [M(pb), M(pb) + 3 * mp.sqrt(M(pb * (1 - pb) / d['n'][i])), out]
    return dict(kind=1, data=data, render=render, parse=parse, lib=lib, hand=hand,
                names=["p-bar", "UCL for largest sample", "weeks outside limits"], tols=[1e-3, 1e-3, 0], ints=[2],
                tools=["control_chart"],
                intent="p chart with variable 3-sigma limits: p-bar = total defective / total inspected, the UCL at the largest sample size, and the number of weeks beyond their limits.")


def q04(rng):
    lab = [f"B-{i:02d}" for i in range(1, 13)]
    n = ri(rng.choice(np.arange(18, 41), 12, replace=False))
    c = ri(rng.poisson(np.array(n) * 0.62))
    data = dict(lab=lab, n=n, c=c)

    def render(d):
        rows = "\n".join(f"| {a} | {b} | {e} |" for a, b, e in zip(d['lab'], d['n'], d['c']))
        return ("| Batch | Boards inspected | Solder defects |\n|---|---|---|\n" + rows + "\n\n"
                "Defects-per-board chart for the wave solder line, please. What is u-bar, the UCL for the batch "
                "with the fewest boards, and the LCL for the batch with the most boards?")

    def parse(t):
        R = re.findall(r'^\| (B-\d\d) \| (\d+) \| (\d+) \|$', t, re.M)
        return dict(lab=[r[0] for r in R], n=[int(r[1]) for r in R], c=[int(r[2]) for r in R])

    def lib(d):
        n = np.array(d['n'], float); c = np.array(d['c'], float)
        ub = c.sum() / n.sum()
        i = int(np.argmin(n)); j = int(np.argmax(n))
        assert list(n).count(n[i]) == 1 and list(n).count(n[j]) == 1
        return [float(ub), float(ub + 3 * np.sqrt(ub / n[i])), float(ub - 3 * np.sqrt(ub / n[j]))]

    def hand(d):
        ub = Fr(sum(d['c']), sum(d['n']))
        return [M(ub), M(ub) + 3 * mp.sqrt(M(ub / min(d['n']))), M(ub) - 3 * mp.sqrt(M(ub / max(d['n'])))]
    return dict(kind=1, data=data, render=render, parse=parse, lib=lib, hand=hand,
                names=["u-bar (defects/board)", "UCL, fewest boards", "LCL, most boards"], tols=[1e-3, 1e-3, 1e-3],
                tools=["control_chart"],
                intent="u chart: u-bar = total defects / total boards, 3-sigma UCL at the smallest batch and LCL at the largest batch.")


def q05(rng):
    x = list(range(150, 200, 5))
    y = rl(12.0 + 0.085 * np.array(x) + rng.normal(0, 0.6, len(x)), 1)
    data = dict(x=x, y=y)

    def render(d):
        rows = "\n".join(f"{a:>6}{b:>14.1f}" for a, b in zip(d['x'], d['y']))
        return ("how do i get the regression line for this? cure temperature vs peel strength from my lab sheet\n\n"
                "cure_temp_C   peel_N\n" + rows + "\n\nneed slope, intercept and R^2")

    def parse(t):
        R = re.findall(r'^\s*(\d+)\s+(-?\d+\.\d)\s*$', t, re.M)
        return dict(x=[int(r[0]) for r in R], y=[fl(r[1]) for r in R])

    def lib(d):
        r = st.linregress(d['x'], d['y'])
        return [float(r.slope), float(r.intercept), float(r.rvalue ** 2)]

    def hand(d):
        b0, b1, r2 = h_linreg(d['x'], d['y'])
        return [M(b1), M(b0), M(r2)]
    return dict(kind=1, data=data, render=render, parse=parse, lib=lib, hand=hand,
                names=["slope (N per deg C)", "intercept", "R^2"], tols=[1e-3, 1e-3, 1e-3], tools=["regression"],
                intent="Simple least-squares regression of peel strength on cure temperature: slope, intercept and R^2.")


def q06(rng):
    rows = ["Day", "Evening", "Night"]
    cols = ["Scratch", "Dent", "Misalign", "Other"]
    probs = [[.40, .25, .20, .15], [.36, .26, .23, .15], [.27, .24, .33, .16]]
    tab = [ri(rng.multinomial(int(rng.integers(110, 141)), p)) for p in probs]
    data = dict(rows=rows, cols=cols, tab=tab, weeks=6)

    def render(d):
        head = " " * 10 + "".join(f"{c:>10}" for c in d['cols'])
        body = "\n".join(f"{r:<10}" + "".join(f"{v:>10}" for v in row) for r, row in zip(d['rows'], d['tab']))
        return ("Hi all,\n\nQuick one before the quality review. Below is defect type by shift for the last "
                f"{d['weeks']} weeks (counts of rejected housings). Is the mix of defect types related to shift, or is "
                "it the same mix on every shift? Please give the test statistic, degrees of freedom and p-value.\n\n"
                + head + "\n" + body + "\n\nThanks, Priya")

    def parse(t):
        lines = t.splitlines()
        hi = [i for i, l in enumerate(lines) if 'Scratch' in l][0]
        cols = lines[hi].split()
        rows, tab = [], []
        for l in lines[hi + 1:]:
            m = re.match(r'^([A-Za-z]+)((?:\s+\d+)+)\s*$', l)
            if m:
                rows.append(m.group(1)); tab.append([int(v) for v in m.group(2).split()])
        return dict(rows=rows, cols=cols, tab=tab, weeks=int(re.search(r'last (\d+) weeks', t).group(1)))

    def lib(d):
        r = st.chi2_contingency(np.array(d['tab']))
        return [float(r.statistic), int(r.dof), float(r.pvalue)]

    def hand(d):
        return list(h_chi2_indep(d['tab']))
    return dict(kind=1, data=data, render=render, parse=parse, lib=lib, hand=hand,
                names=["chi-square", "df", "p"], tols=[1e-3, 0, 2e-3], ints=[1], pidx=[2], tools=["chi_square"],
                intent="Pearson chi-square test of independence on the 3x4 shift-by-defect-type table: statistic, df and p-value.")


def q07(rng):
    sizes = {"L1": 6, "L2": 5, "L3": 7}
    means = {"L1": 41.0, "L2": 42.2, "L3": 40.4}
    pairs = []
    for g in ["L1", "L2", "L3"]:
        for v in rl(rng.normal(means[g], 1.1, sizes[g]), 1):
            pairs.append((g, v))
    perm = rng.permutation(len(pairs))
    pairs = [pairs[i] for i in perm]
    data = dict(g=[p[0] for p in pairs], v=[p[1] for p in pairs])

    def render(d):
        rows = "\n".join(f"{a},{b:.1f}" for a, b in zip(d['g'], d['v']))
        return ("anova on coating thickness by line? data is in long format, one row per reading\n\n"
                "line,thickness_um\n" + rows + "\n\ndo the line means differ - F and p")

    def parse(t):
        R = re.findall(r'^(L\d),(-?\d+\.\d)$', t, re.M)
        return dict(g=[r[0] for r in R], v=[fl(r[1]) for r in R])

    def groups(d):
        return [[v for g, v in zip(d['g'], d['v']) if g == lab] for lab in sorted(set(d['g']))]

    def lib(d):
        r = st.f_oneway(*groups(d))
        return [float(r.statistic), float(r.pvalue)]

    def hand(d):
        return list(h_anova(groups(d)))
    return dict(kind=1, data=data, render=render, parse=parse, lib=lib, hand=hand,
                names=["F", "p"], tols=[1e-3, 2e-3], pidx=[1], tools=["anova_oneway"],
                intent="One-way ANOVA of thickness across the three lines (long-format data regrouped by line): F and p-value.")


def q08(rng):
    sub = [rl(rng.normal(502.0, 1.2, 4), 1) for _ in range(15)]
    data = dict(every=30, sub=sub)

    def render(d):
        rows = "\n".join(f"Subgroup {i + 1}: " + " ".join(f"{v:.1f}" for v in s) for i, s in enumerate(d['sub']))
        return (f"Fill weights (g) from the filler. Every {d['every']} minutes the operator pulls consecutive pouches; "
                "one subgroup per line:\n\n"
                + rows + "\n\nWhat are the X-bar chart limits (UCL and LCL) and the UCL for the R chart?")

    def parse(t):
        R = re.findall(r'^Subgroup \d+: (.*)$', t, re.M)
        return dict(every=int(re.search(r'Every (\d+) minutes', t).group(1)), sub=[[fl(v) for v in r.split()] for r in R])

    def lib(d):
        S = np.array(d['sub']); n = S.shape[1]
        c = spc_table(n)
        xbb = S.mean(); rb = (S.max(1) - S.min(1)).mean()
        return [float(xbb + c['A2'] * rb), float(xbb - c['A2'] * rb), float(c['D4'] * rb)]

    def hand(d):
        n = len(d['sub'][0])
        c = spc_hand(n)
        xbb = M(sum(sum(Fx(v) for v in s) for s in d['sub']) / (n * len(d['sub'])))
        rb = M(sum(Fx(max(s)) - Fx(min(s)) for s in d['sub']) / len(d['sub']))
        return [xbb + c['A2'] * rb, xbb - c['A2'] * rb, c['D4'] * rb]
    return dict(kind=1, data=data, render=render, parse=parse, lib=lib, hand=hand,
                names=["X-bar UCL", "X-bar LCL", "R UCL"], tols=[1e-4, 1e-4, 2e-3], tools=["control_chart", "spc_constants"],
                intent="X-bar/R chart for subgroups of 4 (one subgroup per text row): grand mean +/- A2*R-bar and D4*R-bar.")


def q09(rng):
    lots = [str(4471 + i) for i in range(12)]
    n = ri(rng.integers(45, 61, 12))
    dd = ri(rng.binomial(n, 0.06))
    dd[5] = n[5] + 4
    data = dict(lots=lots, n=n, d=dd)

    def render(d):
        rows = "\n".join(f"{a} | {b} | {c}" for a, b, c in zip(d['lots'], d['n'], d['d']))
        return ("p-chart limits for incoming lots please, pasted from the receiving log:\n\n"
                "lot | sample | nonconforming\n" + rows)

    def parse(t):
        R = re.findall(r'^(\d{4}) \| (\d+) \| (\d+)$', t, re.M)
        return dict(lots=[r[0] for r in R], n=[int(r[1]) for r in R], d=[int(r[2]) for r in R])

    def defect(d):
        return any(b > a for a, b in zip(d['n'], d['d']))
    return dict(kind=1, data=data, render=render, parse=parse, refuse=True, defect=defect, tools=["control_chart"],
                reason="lot 4476 reports more nonconforming units than were sampled (proportion > 1), so the p chart cannot be built from these data",
                intent="Refuse: one lot lists more nonconforming units than its sample size, an impossible proportion for a p chart.")


def q10(rng):
    eff = np.array([0, 5.2, 0.6, 2.4, -3.4, 0.3, -0.4, 0.2])   # I A B AB C AC BC ABC (effects)
    X = two_level(3)
    cols = np.column_stack([np.ones(8), X[:, 0], X[:, 1], X[:, 0] * X[:, 1], X[:, 2],
                            X[:, 0] * X[:, 2], X[:, 1] * X[:, 2], X[:, 0] * X[:, 1] * X[:, 2]])
    y = rl(62 + cols[:, 1:] @ (eff[1:] / 2) + rng.normal(0, 0.5, 8), 1)
    perm = [int(v) for v in rng.permutation(8)]
    data = dict(y=y)
    sg = {1: "+", -1: "-"}

    def render(d):
        rows = "\n".join(f"| {r + 1} | {sg[X[i, 0]]} | {sg[X[i, 1]]} | {sg[X[i, 2]]} | {d['y'][i]:.1f} |"
                         for r, i in enumerate(perm))
        return ("Ran the 2^3 on the hydrogenation step last week, rows in run order:\n\n"
                "| Run | Temp | Pressure | Speed | Yield % |\n|---|---|---|---|---|\n" + rows + "\n\n"
                "Can you estimate the effects? I mainly want the Temp and Speed main effects and the Temp x Pressure "
                "interaction (effect = mean at + minus mean at -).")

    def parse(t):
        R = re.findall(r'^\| \d+ \| ([+-]) \| ([+-]) \| ([+-]) \| (-?\d+\.\d) \|$', t, re.M)
        y = [None] * 8
        for a, b, c, v in R:
            idx = (a == "+") * 1 + (b == "+") * 2 + (c == "+") * 4
            y[idx] = fl(v)
        return dict(y=y)

    def lib(d):
        f = sm.OLS(np.array(d['y']), cols).fit()
        return [float(2 * f.params[1]), float(2 * f.params[4]), float(2 * f.params[3])]

    def hand(d):
        Y = [Fx(v) for v in d['y']]
        A = [int(v) for v in X[:, 0]]; B = [int(v) for v in X[:, 1]]; C = [int(v) for v in X[:, 2]]
        e = lambda s: M(sum(si * yi for si, yi in zip(s, Y)) / 4)
        return [e(A), e(C), e([a * b for a, b in zip(A, B)])]
    return dict(kind=1, data=data, render=render, parse=parse, lib=lib, hand=hand,
                names=["Temp effect", "Speed effect", "Temp x Pressure effect"], tols=[1e-3, 1e-3, 1e-3],
                tools=["doe_effects"],
                intent="Two-level 2^3 factorial effects (rows mapped to standard order by their signs): mean(+) - mean(-) for Temp, Speed and the Temp x Pressure contrast.")


def q11(rng):
    sh = {}
    for s, off in zip("ABC", [0.0, 0.03, -0.02]):
        sh[s] = rl(rng.normal(5.33 + off, 0.06, 10), 2)
    data = dict(A=sh["A"], B=sh["B"], C=sh["C"], lsl=5.00, usl=5.60)

    def render(d):
        rows = "\n".join(f"Shift {s} | " + " ".join(f"{v:.2f}" for v in d[s]) for s in "ABC")
        return (f"Supplier PPAP data for the pin length, spec {d['lsl']:.2f} to {d['usl']:.2f} mm. Three shifts:\n\n"
                + rows + "\n\nPlease give me Pp and Ppk using all readings pooled together (overall standard deviation).")

    def parse(t):
        m = re.search(r'spec (\d+\.\d+) to (\d+\.\d+) mm', t)
        out = dict(lsl=fl(m.group(1)), usl=fl(m.group(2)))
        for s in "ABC":
            out[s] = [fl(v) for v in re.search(rf'^Shift {s} \| (.*)$', t, re.M).group(1).split()]
        return out

    def lib(d):
        x = np.array(d['A'] + d['B'] + d['C'])
        m, s = x.mean(), x.std(ddof=1)
        return [float((d['usl'] - d['lsl']) / (6 * s)), float(min(d['usl'] - m, m - d['lsl']) / (3 * s))]

    def hand(d):
        x = d['A'] + d['B'] + d['C']
        m = fmean(x); s = msqrt(fvar(x))
        return [M(Fx(d['usl']) - Fx(d['lsl'])) / (6 * s), M(min(Fx(d['usl']) - m, m - Fx(d['lsl']))) / (3 * s)]
    return dict(kind=1, data=data, render=render, parse=parse, lib=lib, hand=hand,
                names=["Pp", "Ppk"], tols=[1e-3, 1e-3], tools=["capability"],
                intent="Overall capability from all 30 readings pooled: Pp = (USL-LSL)/(6s) and Ppk = min(USL-mean, mean-LSL)/(3s) with the overall sample SD.")


def q12(rng):
    ops = ["Ana", "Ben", "Chloe"]
    mach = ["M1", "M2", "M3", "M4"]
    y = [rl(rng.normal(12.5, 0.4, 4), 1) for _ in ops]
    data = dict(ops=ops, mach=mach, y=y)

    def render(d):
        head = " " * 8 + "".join(f"{m:>7}" for m in d['mach'])
        body = "\n".join(f"{o:<8}" + "".join(f"{v:>7.1f}" for v in row) for o, row in zip(d['ops'], d['y']))
        return ("Torque readings, each operator ran each machine once (so one reading per operator/machine combo):\n\n"
                + head + "\n" + body + "\n\n"
                "Can you run a two way anova WITH the operator x machine interaction term and tell me the interaction F and p value?")

    def parse(t):
        lines = t.splitlines()
        hi = [i for i, l in enumerate(lines) if re.match(r'^\s+M1', l)][0]
        mach = lines[hi].split()
        ops, y = [], []
        for l in lines[hi + 1:]:
            m = re.match(r'^([A-Z][a-z]+)((?:\s+-?\d+\.\d)+)\s*$', l)
            if m:
                ops.append(m.group(1)); y.append([fl(v) for v in m.group(2).split()])
        return dict(ops=ops, mach=mach, y=y)

    def defect(d):
        N = sum(len(r) for r in d['y'])
        return N - len(d['ops']) * len(d['mach']) == 0   # residual df of the interaction model
    return dict(kind=1, data=data, render=render, parse=parse, refuse=True, defect=defect, tools=["anova_twoway"],
                reason="one observation per operator x machine cell: the model with interaction is saturated, leaving zero error degrees of freedom, so the interaction F test is undefined",
                intent="Refuse: with one reading per cell the interaction model leaves 0 error df, so no interaction F or p exists.")


def q13(rng):
    props = [50, 30, 20]
    cnt = ri(rng.multinomial(400, [0.5, 0.27, 0.23]))
    data = dict(props=props, cnt=cnt)

    def render(d):
        p = d['props']
        return (f"Blend is supposed to be {p[0]}% A / {p[1]}% B / {p[2]}% C pellets by count. "
                "Hand-sorted one scoop from the hopper:\n\n"
                f"A-grade: {d['cnt'][0]}\nB-grade: {d['cnt'][1]}\nC-grade: {d['cnt'][2]}\n\n"
                "Does the scoop fit the spec mix? Chi-square stat and p.")

    def parse(t):
        m = re.search(r'(\d+)% A / (\d+)% B / (\d+)% C', t)
        c = [int(re.search(rf'^{g}-grade: (\d+)$', t, re.M).group(1)) for g in "ABC"]
        return dict(props=[int(m.group(i)) for i in (1, 2, 3)], cnt=c)

    def lib(d):
        p = np.array(d['props'], float); c = np.array(d['cnt'], float)
        r = st.chisquare(c, f_exp=c.sum() * p / p.sum())
        return [float(r.statistic), float(r.pvalue)]

    def hand(d):
        return list(h_chi2_gof(d['cnt'], d['props']))
    return dict(kind=1, data=data, render=render, parse=parse, lib=lib, hand=hand,
                names=["chi-square", "p"], tols=[1e-3, 2e-3], pidx=[1], tools=["chi_square"],
                intent="Chi-square goodness of fit of the three grade counts to the 50/30/20 spec mix (df = 2): statistic and p-value.")


def q14(rng):
    a = rl(rng.normal(12.45, 0.22, 10), 2)
    b = rl(rng.normal(12.66, 0.25, 8), 2)
    data = dict(a=a, b=b)

    def c(v):
        return f"{v:.2f}".replace(".", ",")

    def render(d):
        rows = []
        for i in range(max(len(d['a']), len(d['b']))):
            rows.append((c(d['a'][i]) if i < len(d['a']) else "") + ";" + (c(d['b'][i]) if i < len(d['b']) else ""))
        return ("Hallo, kopiert aus Excel (German locale, so decimal commas), wall thickness in mm:\n\n"
                "Lieferant_A;Lieferant_B\n" + "\n".join(rows) + "\n\n"
                "Please do a two-sample t-test assuming equal variances (pooled) - is there a difference in mean "
                "between supplier A and B? t, df and p please.")

    def parse(t):
        a, b = [], []
        for l in t.splitlines():
            m = re.match(r'^(-?\d+,\d+)?;(-?\d+,\d+)?$', l)
            if m and (m.group(1) or m.group(2)):
                if m.group(1):
                    a.append(fl(m.group(1).replace(",", ".")))
                if m.group(2):
                    b.append(fl(m.group(2).replace(",", ".")))
        return dict(a=a, b=b)

    def lib(d):
        r = st.ttest_ind(d['a'], d['b'], equal_var=True)
        return [float(r.statistic), int(len(d['a']) + len(d['b']) - 2), float(r.pvalue)]

    def hand(d):
        t, df, p = h_t2(d['a'], d['b'], True)
        return [t, int(df), p]
    return dict(kind=1, data=data, render=render, parse=parse, lib=lib, hand=hand,
                names=["t (A - B)", "df", "p (two-sided)"], tols=[1e-3, 0, 2e-3], ints=[1], pidx=[2], tools=["t_test"],
                intent="Pooled (equal-variance) two-sample t-test, supplier A minus B, two-sided, with the unequal column lengths (blank cells ignored).")


# ---------------------------------------------------------------- kind 2

def q15(rng):
    f1 = rl(30 + np.exp(rng.normal(1.5, 0.6, 9)), 2)
    f2 = rl(30 + np.exp(rng.normal(2.1, 0.6, 10)), 2)
    data = dict(f1=f1, f2=f2)

    def render(d):
        return ("Cycle times in seconds from two fixtures. They are heavily right-skewed (the odd jam drags the tail "
                "out), so please don't assume normality.\n\n"
                "Fixture 1: " + ", ".join(f"{v:.2f}" for v in d['f1']) + "\n"
                "Fixture 2: " + ", ".join(f"{v:.2f}" for v in d['f2']) + "\n\n"
                "Do the fixtures differ, and by roughly how much (fixture 2 minus fixture 1)?")

    def parse(t):
        g = lambda k: [fl(v) for v in re.search(rf'^Fixture {k}: (.*)$', t, re.M).group(1).split(", ")]
        return dict(f1=g(1), f2=g(2))

    def lib(d):
        assert len(set(d['f1'] + d['f2'])) == len(d['f1'] + d['f2'])
        r = st.mannwhitneyu(d['f1'], d['f2'], alternative='two-sided', method='exact')
        hl = float(np.median(np.subtract.outer(d['f2'], d['f1'])))
        return [float(r.pvalue), hl]

    def hand(d):
        u, p = h_mwu_exact(d['f1'], d['f2'])
        return [M(p), M(fmedian([Fx(b) - Fx(a) for a in d['f1'] for b in d['f2']]))]
    return dict(kind=2, data=data, render=render, parse=parse, lib=lib, hand=hand,
                names=["p (Mann-Whitney, exact, two-sided)", "Hodges-Lehmann shift (2 - 1), s"], tols=[2e-3, 1e-3], pidx=[0],
                tools=["mann_whitney"],
                intent="Mann-Whitney rank-sum test (exact null distribution, no ties, two-sided) and the Hodges-Lehmann shift: median of all fixture2 - fixture1 differences.")


def q16(rng):
    m1 = round(float(rng.normal(48.2, 0.4)), 1); s1 = round(float(rng.uniform(2.8, 3.4)), 1)
    m2 = round(float(rng.normal(45.6, 0.4)), 1); s2 = round(float(rng.uniform(6.0, 6.8)), 1)
    data = dict(m1=m1, s1=s1, n1=14, m2=m2, s2=s2, n2=11)

    def render(d):
        return ("I only have the summary numbers from the supplier report, no raw data.\n"
                f"Old supplier: mean {d['m1']:.1f} MPa, SD {d['s1']:.1f}, n = {d['n1']}\n"
                f"New supplier: mean {d['m2']:.1f} MPa, SD {d['s2']:.1f}, n = {d['n2']}\n"
                "Run the t-test on the means but not the pooled one - the spreads are obviously different. "
                "t, df and p please.")

    def parse(t):
        g = lambda w: re.search(rf'{w} supplier: mean (\d+\.\d) MPa, SD (\d+\.\d), n = (\d+)', t).groups()
        a, b = g("Old"), g("New")
        return dict(m1=fl(a[0]), s1=fl(a[1]), n1=int(a[2]), m2=fl(b[0]), s2=fl(b[1]), n2=int(b[2]))

    def lib(d):
        r = st.ttest_ind_from_stats(d['m1'], d['s1'], d['n1'], d['m2'], d['s2'], d['n2'], equal_var=False)
        v1 = d['s1'] ** 2 / d['n1']; v2 = d['s2'] ** 2 / d['n2']
        df = (v1 + v2) ** 2 / (v1 ** 2 / (d['n1'] - 1) + v2 ** 2 / (d['n2'] - 1))
        return [float(r.statistic), float(df), float(r.pvalue)]

    def hand(d):
        return list(h_t2_stats(d['m1'], Fx(d['s1']) ** 2, d['n1'], d['m2'], Fx(d['s2']) ** 2, d['n2'], False))
    return dict(kind=2, data=data, render=render, parse=parse, lib=lib, hand=hand,
                names=["t (old - new)", "Welch df", "p (two-sided)"], tols=[1e-3, 1e-3, 2e-3], pidx=[2],
                tools=["summary_t_test"],
                intent="Welch (unequal-variance) two-sample t-test from summary statistics, old minus new, two-sided: t, Welch-Satterthwaite df and p.")


def q17(rng):
    x = rl(rng.normal(12.716, 0.03, 15), 2)
    data = dict(nom=12.70, x=x)

    def render(d):
        return (f"Nominal bore is {d['nom']:.2f} mm. Bores measured off today's run:\n"
                + "  ".join(f"{v:.2f}" for v in d['x']) +
                "\nIs the process mean sitting off nominal, or is this just noise?")

    def parse(t):
        nom = fl(re.search(r'Nominal bore is (\d+\.\d+) mm', t).group(1))
        line = t.splitlines()[1]
        return dict(nom=nom, x=[fl(v) for v in line.split()])

    def lib(d):
        r = st.ttest_1samp(d['x'], d['nom'])
        return [float(np.mean(d['x'])), float(r.statistic), float(r.pvalue)]

    def hand(d):
        return list(h_t1(d['x'], d['nom']))
    return dict(kind=2, data=data, render=render, parse=parse, lib=lib, hand=hand,
                names=["mean (mm)", "t", "p (two-sided)"], tols=[1e-4, 1e-3, 2e-3], pidx=[2], tools=["t_test"],
                intent="One-sample t-test of the bore mean against the 12.70 mm nominal, two-sided: mean, t and p.")


def q18(rng):
    x = [round(0.5 * i, 1) for i in range(1, 11)]
    y = rl(0.02 + 0.412 * np.array(x) + rng.normal(0, 0.03, 10), 2)
    y[6] = round(y[6] + 0.62, 2)
    data = dict(x=x, y=y, drop=7)

    def render(d):
        rows = "\n".join(f"{i + 1:>3}  {a:>7.1f}  {b:>7.2f}" for i, (a, b) in enumerate(zip(d['x'], d['y'])))
        return ("Bench test, load vs deflection:\n\nrun  load_kN  defl_mm\n" + rows + "\n\n"
                f"Run {d['drop']} was a bad mount (fixture slipped) - throw it out and refit the straight line. "
                "Slope, intercept and R^2 without it please.")

    def parse(t):
        R = re.findall(r'^\s*(\d+)\s+(-?\d+\.\d)\s+(-?\d+\.\d\d)\s*$', t, re.M)
        return dict(x=[fl(r[1]) for r in R], y=[fl(r[2]) for r in R],
                    drop=int(re.search(r'Run (\d+) was a bad mount', t).group(1)))

    def keep(d):
        return [i for i in range(len(d['x'])) if i != d['drop'] - 1]

    def lib(d):
        k = keep(d)
        r = st.linregress([d['x'][i] for i in k], [d['y'][i] for i in k])
        return [float(r.slope), float(r.intercept), float(r.rvalue ** 2)]

    def hand(d):
        k = keep(d)
        b0, b1, r2 = h_linreg([d['x'][i] for i in k], [d['y'][i] for i in k])
        return [M(b1), M(b0), M(r2)]
    return dict(kind=2, data=data, render=render, parse=parse, lib=lib, hand=hand,
                names=["slope (mm/kN)", "intercept (mm)", "R^2"], tols=[1e-3, 2e-3, 1e-4], tools=["regression"],
                intent="Straight-line least-squares fit of deflection on load after removing run 7: slope, intercept, R^2.")


def q19(rng):
    c = ri(rng.poisson(11.5, 20))
    data = dict(c=c)

    def render(d):
        return ("Blemish counts on painted door panels, one count per panel, every panel the same size, in production order:\n"
                + " ".join(str(v) for v in d['c']) +
                "\nThese are counts of defects, not defectives. What should the chart centre line and control limits be?")

    def parse(t):
        return dict(c=[int(v) for v in t.splitlines()[1].split()])

    def lib(d):
        cb = float(np.mean(d['c']))
        return [cb, cb + 3 * math.sqrt(cb), cb - 3 * math.sqrt(cb)]

    def hand(d):
        cb = fmean(d['c'])
        return [M(cb), M(cb) + 3 * msqrt(cb), M(cb) - 3 * msqrt(cb)]
    return dict(kind=2, data=data, render=render, parse=parse, lib=lib, hand=hand,
                names=["c-bar", "UCL", "LCL"], tols=[1e-4, 1e-4, 1e-3], tools=["control_chart"],
                intent="c chart (Poisson defect counts, constant area): c-bar and c-bar +/- 3 sqrt(c-bar).")


def q20(rng):
    before = rl(rng.normal(38.0, 4.0, 12), 1)
    after = [round(float(b - e), 1) for b, e in zip(before[:11], rng.normal(3.0, 2.5, 11))]
    data = dict(nclaim=12, before=before, after=after)

    def render(d):
        return (f"Same {d['nclaim']} fixtures measured before and after the rework (flatness, um). Paired t-test please.\n"
                "Before: " + " ".join(f"{v:.1f}" for v in d['before']) + "\n"
                "After:  " + " ".join(f"{v:.1f}" for v in d['after']))

    def parse(t):
        return dict(nclaim=int(re.search(r'Same (\d+) fixtures', t).group(1)),
                    before=[fl(v) for v in re.search(r'^Before: (.*)$', t, re.M).group(1).split()],
                    after=[fl(v) for v in re.search(r'^After:\s+(.*)$', t, re.M).group(1).split()])

    def defect(d):
        return len(d['before']) != len(d['after'])
    return dict(kind=2, data=data, render=render, parse=parse, refuse=True, defect=defect, tools=["t_test"],
                reason="paired test requested but the before list has 12 values and the after list 11, so the values cannot be paired",
                intent="Refuse: a paired t-test needs one after value per before value; the lists have different lengths.")


def q21(rng):
    x = rl(rng.normal(49.2, 1.4, 14), 1)
    data = dict(mu0=50, x=x, alpha=0.05)

    def render(d):
        return (f"Supplier's cert says the mean pull strength of the crimp is at least {d['mu0']} N. "
                "Our incoming pull tests:\n" + ", ".join(f"{v:.1f}" for v in d['x']) +
                f"\nDo these results show the mean is actually below {d['mu0']} N? Use alpha = {d['alpha']:.2f}.")

    def parse(t):
        return dict(mu0=int(re.search(r'at least (\d+) N', t).group(1)),
                    x=[fl(v) for v in t.splitlines()[1].split(", ")],
                    alpha=fl(re.search(r'alpha = (\d+\.\d+)', t).group(1)))

    def lib(d):
        r = st.ttest_1samp(d['x'], d['mu0'], alternative='less')
        return [float(r.statistic), float(r.pvalue)]

    def hand(d):
        m, t, p2 = h_t1(d['x'], d['mu0'])
        return [t, p_t_lower(t, len(d['x']) - 1)]
    return dict(kind=2, data=data, render=render, parse=parse, lib=lib, hand=hand,
                names=["t", "p (one-sided, mean < 50)"], tols=[1e-3, 2e-3], pidx=[1], tools=["t_test"],
                intent="One-sample t-test of H0 mean >= 50 N against the one-sided alternative mean < 50 N: t and lower-tail p.")


def q22(rng):
    sub = []
    for _ in range(8):
        off = rng.normal(0, 0.03)
        sub.append(rl(rng.normal(20.08 + off, 0.05, 5), 2))
    data = dict(sub=sub, lsl=19.90, usl=20.30)

    def render(d):
        rows = "\n".join(f"SG{i + 1:<3}" + "  ".join(f"{v:.2f}" for v in s) for i, s in enumerate(d['sub']))
        return ("Shaft OD (mm), subgroups of consecutive parts taken through the week:\n"
                + rows + f"\n\nLSL {d['lsl']:.2f}, USL {d['usl']:.2f}. The customer wants Ppk, i.e. overall "
                "(long-term) sigma from all the data - not the within-subgroup Cpk. Give me the sigma you used and Ppk.")

    def parse(t):
        R = re.findall(r'^SG\d+\s+(.*)$', t, re.M)
        return dict(sub=[[fl(v) for v in r.split()] for r in R],
                    lsl=fl(re.search(r'LSL (\d+\.\d+)', t).group(1)), usl=fl(re.search(r'USL (\d+\.\d+)', t).group(1)))

    def lib(d):
        x = np.array(d['sub']).ravel()
        m, s = x.mean(), x.std(ddof=1)
        return [float(s), float(min(d['usl'] - m, m - d['lsl']) / (3 * s))]

    def hand(d):
        x = [v for s in d['sub'] for v in s]
        m = fmean(x); s = msqrt(fvar(x))
        return [s, M(min(Fx(d['usl']) - m, m - Fx(d['lsl']))) / (3 * s)]
    return dict(kind=2, data=data, render=render, parse=parse, lib=lib, hand=hand,
                names=["overall sigma (sample SD)", "Ppk"], tols=[1e-3, 1e-3], tools=["capability"],
                intent="Ppk with the overall sample standard deviation of all 40 readings (not R-bar/d2): overall sigma and Ppk.")


def q23(rng):
    sub = []
    for _ in range(10):
        off = rng.normal(0, 0.25)
        sub.append(rl(rng.normal(25.3 + off, 0.35, 4), 1))
    data = dict(sub=sub, lsl=23.5, usl=27.0)

    def render(d):
        rows = "\n".join(", ".join(f"{v:.1f}" for v in s) for s in d['sub'])
        return (f"Fastener torque (Nm), spec {d['lsl']:.1f} - {d['usl']:.1f}. Each line below is one subgroup "
                "(consecutive rundowns from the same tool):\n\n" + rows + "\n\n"
                "I want the short-term Cpk, with sigma estimated from the within-subgroup ranges (R-bar/d2), "
                "not the overall SD. What sigma and Cpk do you get?")

    def parse(t):
        m = re.search(r'spec (\d+\.\d) - (\d+\.\d)\.', t)
        R = re.findall(r'^(-?\d+\.\d(?:, -?\d+\.\d)+)$', t, re.M)
        return dict(sub=[[fl(v) for v in r.split(", ")] for r in R], lsl=fl(m.group(1)), usl=fl(m.group(2)))

    def lib(d):
        S = np.array(d['sub'])
        sig = (S.max(1) - S.min(1)).mean() / spc_table(S.shape[1])['d2']
        m = S.mean()
        return [float(sig), float(min(d['usl'] - m, m - d['lsl']) / (3 * sig))]

    def hand(d):
        n = len(d['sub'][0])
        rb = M(sum(Fx(max(s)) - Fx(min(s)) for s in d['sub']) / len(d['sub']))
        sig = rb / range_moments(n)[0]
        m = fmean([v for s in d['sub'] for v in s])
        return [sig, M(min(Fx(d['usl']) - m, m - Fx(d['lsl']))) / (3 * sig)]
    return dict(kind=2, data=data, render=render, parse=parse, lib=lib, hand=hand,
                names=["within sigma (R-bar/d2)", "Cpk"], tols=[1e-3, 1e-3], tools=["capability", "spc_constants"],
                intent="Cpk with within-subgroup sigma = R-bar/d2 (d2 for n = 4) and the grand mean: sigma and Cpk.")


def q24(rng):
    corner = {}
    X = two_level(2)
    base = 40 + 2.3 * X[:, 0] + 0.9 * X[:, 1]
    yf = rl(base + rng.normal(0, 0.3, 4), 1)
    yc = rl(np.mean(yf) + 0.9 + rng.normal(0, 0.6, 5), 1)
    data = dict(yf=yf, yc=yc)
    lab = ["(-,-)", "(+,-)", "(-,+)", "(+,+)"]

    def render(d):
        return ("2x2 factorial on temperature and hold time, plus centre runs to check whether a linear model is OK.\n"
                "Corners (coded temp, time): " + ", ".join(f"{l} {v:.1f}" for l, v in zip(lab, d['yf'])) + "\n"
                "Centre runs: " + ", ".join(f"{v:.1f}" for v in d['yc']) + "\n"
                "Is there evidence of curvature? SS, F and p for the curvature term.")

    def parse(t):
        R = re.findall(r'\(([+-]),([+-])\) (-?\d+\.\d)', t)
        yf = [None] * 4
        for a, b, v in R:
            yf[(a == "+") + 2 * (b == "+")] = fl(v)
        return dict(yf=yf, yc=[fl(v) for v in re.search(r'^Centre runs: (.*)$', t, re.M).group(1).split(", ")])

    def lib(d):
        y = np.array(d['yf'] + d['yc'])
        A = np.r_[X[:, 0], np.zeros(len(d['yc']))]; B = np.r_[X[:, 1], np.zeros(len(d['yc']))]
        ctr = np.r_[np.zeros(4), np.ones(len(d['yc']))]
        Xm = np.column_stack([np.ones(len(y)), A, B, A * B, ctr])
        f = sm.OLS(y, Xm).fit()
        F = float(f.tvalues[4] ** 2)
        nf, nc = 4, len(d['yc'])
        ss = nf * nc / (nf + nc) * (np.mean(d['yc']) - np.mean(d['yf'])) ** 2
        return [float(ss), F, float(f.pvalues[4])]

    def hand(d):
        nf, nc = 4, len(d['yc'])
        dm = fmean(d['yc']) - fmean(d['yf'])
        ss = Fr(nf * nc, nf + nc) * dm ** 2
        mspe = fvar(d['yc'])
        F = ss / mspe
        return [M(ss), M(F), p_f_upper(M(F), 1, nc - 1)]
    return dict(kind=2, data=data, render=render, parse=parse, lib=lib, hand=hand,
                names=["SS curvature", "F curvature", "p"], tols=[1e-3, 1e-3, 2e-3], pidx=[2], tools=["doe_curvature"],
                intent="Single-df curvature test: SS = nF nC (ybarC - ybarF)^2/(nF+nC), F against pure error from the centre runs (df 1, nC-1), and p.")


def q25(rng):
    nA = int(rng.integers(700, 900)); xA = int(rng.binomial(nA, 0.03))
    nB = int(rng.integers(700, 900)); xB = int(rng.binomial(nB, 0.045))
    data = dict(xA=xA, nA=nA, xB=xB, nB=nB)

    def render(d):
        return (f"Line A: {d['xA']} rejects in {d['nA']} units. Line B: {d['xB']} rejects in {d['nB']} units. "
                "Is B's reject rate higher than A's? (Normal approximation with the pooled proportion is fine, no continuity correction.)")

    def parse(t):
        a = re.search(r'Line A: (\d+) rejects in (\d+) units', t).groups()
        b = re.search(r'Line B: (\d+) rejects in (\d+) units', t).groups()
        return dict(xA=int(a[0]), nA=int(a[1]), xB=int(b[0]), nB=int(b[1]))

    def lib(d):
        z, p = proportions_ztest([d['xB'], d['xA']], [d['nB'], d['nA']], alternative='larger')
        return [float(z), float(p)]

    def hand(d):
        pa = Fr(d['xA'], d['nA']); pb = Fr(d['xB'], d['nB'])
        pp = Fr(d['xA'] + d['xB'], d['nA'] + d['nB'])
        z = M(pb - pa) / mp.sqrt(M(pp * (1 - pp) * (Fr(1, d['nA']) + Fr(1, d['nB']))))
        return [z, p_norm_upper(z)]
    return dict(kind=2, data=data, render=render, parse=parse, lib=lib, hand=hand,
                names=["z (B - A)", "p (one-sided, B > A)"], tols=[1e-3, 2e-3], pidx=[1], tools=["proportion_test"],
                intent="Pooled two-proportion z test, one-sided alternative p_B > p_A, no continuity correction: z and upper-tail p.")


def q26(rng):
    L = rl(rng.choice(np.arange(15, 41), 14, replace=False) / 10, 1)
    f = ri(rng.poisson(np.array(L) * 2.8))
    f[8] = int(math.ceil(L[8] * 2.8 + 4.5 * math.sqrt(L[8] * 2.8)))   # planted excursion
    data = dict(L=L, f=f)

    def render(d):
        rows = "\n".join(f"roll {i + 1}: {a:.1f} / {b}" for i, (a, b) in enumerate(zip(d['L'], d['f'])))
        return ("Flaw counts per fabric roll. The rolls are not the same length, so I've put length (in hundreds of metres) / flaws:\n\n"
                + rows + "\n\nWhat's the average flaw rate per hundred metres, the upper limit for the shortest roll, "
                "and how many rolls are out of control?")

    def parse(t):
        R = re.findall(r'^roll \d+: (\d+\.\d) / (\d+)$', t, re.M)
        return dict(L=[fl(r[0]) for r in R], f=[int(r[1]) for r in R])

    def lib(d):
        L = np.array(d['L']); f = np.array(d['f'], float)
        ub = f.sum() / L.sum()
        se = np.sqrt(ub / L)
        u = f / L
        i = int(np.argmin(L)); assert list(L).count(L[i]) == 1
        out = int(np.sum((u > ub + 3 * se) | (u < ub - 3 * se)))
        return [float(ub), float(ub + 3 * se[i]), out]

    def hand(d):
        ub = Fr(sum(d['f'])) / sum(Fx(v) for v in d['L'])
        out = 0
        for a, b in zip(d['L'], d['f']):
            s = 3 * mp.sqrt(M(ub / Fx(a)))
            u = M(Fr(b) / Fx(a))
            out += int(u > M(ub) + s or u < M(ub) - s)
        return [M(ub), M(ub) + 3 * mp.sqrt(M(ub / Fx(min(d['L'])))), out]
    return dict(kind=2, data=data, render=render, parse=parse, lib=lib, hand=hand,
                names=["u-bar (flaws per 100 m)", "UCL, shortest roll", "rolls out of control"], tols=[1e-3, 1e-3, 0],
                ints=[2], tools=["control_chart"],
                intent="u chart for counts over unequal roll lengths: u-bar = total flaws / total length, 3-sigma UCL at the shortest roll, number of rolls outside their limits.")


def q27(rng):
    data = dict(n=22, mean=round(float(rng.normal(341.8, 1.0)), 1), s=round(float(rng.uniform(5.5, 7.0)), 1), conf=95)

    def render(d):
        return (f"All I have is n = {d['n']}, mean {d['mean']:.1f}, s = {d['s']:.1f} (no raw data, it's from an old report). "
                f"What's the {d['conf']}% confidence interval for the true mean?")

    def parse(t):
        return dict(n=int(re.search(r'n = (\d+)', t).group(1)), mean=fl(re.search(r'mean (\d+\.\d)', t).group(1)),
                    s=fl(re.search(r's = (\d+\.\d)', t).group(1)), conf=int(re.search(r'(\d+)% confidence', t).group(1)))

    def lib(d):
        lo, hi = st.t.interval(d['conf'] / 100, d['n'] - 1, loc=d['mean'], scale=d['s'] / math.sqrt(d['n']))
        return [float(lo), float(hi)]

    def hand(d):
        c = t_upper_quant((1 - M(Fr(d['conf'], 100))) / 2, d['n'] - 1)
        h = c * M(Fx(d['s'])) / mp.sqrt(d['n'])
        return [M(Fx(d['mean'])) - h, M(Fx(d['mean'])) + h]
    return dict(kind=2, data=data, render=render, parse=parse, lib=lib, hand=hand,
                names=["lower 95% limit", "upper 95% limit"], tols=[1e-5, 1e-5], tools=["summary_t_test"],
                intent="One-sample t confidence interval from summary figures: mean +/- t(0.975, n-1) s/sqrt(n).")


def q28(rng):
    old = rl(rng.normal(14.2, 1.0, 11), 2)
    new = [round(float(a - e), 2) for a, e in zip(old, rng.normal(0.55, 0.6, 11))]
    data = dict(old=old, new=new)

    def render(d):
        rows = "\n".join(f"op{i + 1:02d}   {a:.2f}   {b:.2f}" for i, (a, b) in enumerate(zip(d['old'], d['new'])))
        return ("Assembly time (min) for the same operators with the old jig and the new jig:\n\n"
                "operator  old  new\n" + rows + "\n\n"
                "The differences look nothing like normal, so no t-test please. Did the new jig change the time, and "
                "what's the typical saving (old minus new)?")

    def parse(t):
        R = re.findall(r'^op\d\d\s+(-?\d+\.\d\d)\s+(-?\d+\.\d\d)$', t, re.M)
        return dict(old=[fl(r[0]) for r in R], new=[fl(r[1]) for r in R])

    def diffs(d):
        return [Fx(a) - Fx(b) for a, b in zip(d['old'], d['new'])]

    def lib(d):
        r = st.wilcoxon(d['old'], d['new'], method='exact')
        dd = np.array([float(v) for v in diffs(d)])
        w = [(dd[i] + dd[j]) / 2 for i in range(len(dd)) for j in range(i, len(dd))]
        return [float(r.pvalue), float(np.median(w))]

    def hand(d):
        D = diffs(d)
        wp, p = h_wsr_exact(D)
        w = [(D[i] + D[j]) / 2 for i in range(len(D)) for j in range(i, len(D))]
        return [M(p), M(fmedian(w))]
    return dict(kind=2, data=data, render=render, parse=parse, lib=lib, hand=hand,
                names=["p (signed-rank, exact, two-sided)", "Hodges-Lehmann saving old-new (min)"], tols=[2e-3, 1e-3],
                pidx=[0], tools=["wilcoxon_signed_rank"],
                intent="Wilcoxon signed-rank test on old - new (exact, two-sided, no zeros or ties) and the Hodges-Lehmann estimate (median of Walsh averages).")


# ---------------------------------------------------------------- kind 3

def q29(rng):
    data = dict(bldg=12, cap=4, t=4, days=6, cost=350, year=2021, old=3)

    def render(d):
        return (f"Hi, planning the resin cure study for the Building {d['bldg']} lab. The curing oven only takes "
                f"{d['cap']} batches a day, and we have {d['t']} formulations, so the idea is to run every formulation "
                f"once each day and treat day as a block. We can book the oven for {d['days']} days (it costs about "
                f"${d['cost']} a day; the {d['year']} study only managed {d['old']} days). How many runs is that in total, "
                "and how many error degrees of freedom will the randomized complete block ANOVA have?")

    def parse(t):
        g = lambda p: int(re.search(p, t).group(1))
        return dict(bldg=g(r'Building (\d+)'), cap=g(r'takes (\d+) batches a day'), t=g(r'we have (\d+) formulations'),
                    days=g(r'oven for (\d+) days'), cost=g(r'\$(\d+) a day'), year=g(r'the (\d{4}) study'),
                    old=g(r'managed (\d+) days'))

    def lib(d):
        rows = list(itertools.product(range(d['days']), range(d['t'])))
        X = np.array([[1] + [int(b == j) for j in range(1, d['days'])] + [int(tr == j) for j in range(1, d['t'])]
                      for b, tr in rows])
        return [len(rows), int(len(rows) - np.linalg.matrix_rank(X))]

    def hand(d):
        return [d['t'] * d['days'], (d['t'] - 1) * (d['days'] - 1)]
    return dict(kind=3, data=data, render=render, parse=parse, lib=lib, hand=hand,
                names=["total runs", "error df"], tols=[0, 0], ints=[0, 1], tools=["doe_design", "anova_twoway"],
                intent="RCBD with day as block (block size 4 = the 4 formulations) over 6 days: 24 runs and (4-1)(6-1) error df; cost, year and building number are irrelevant.")


def q30(rng):
    data = dict(lab=214, k=3, lev=3, rep=2, part=7731, year=2019)

    def render(d):
        return (f"Lab {d['lab']} here. We're setting up a full factorial on the extruder: {d['k']} factors (screw speed, "
                f"barrel temperature, die gap), each at {d['lev']} levels, and we want {d['rep']} complete replicates. "
                f"Material is part no. {d['part']}, same as in the {d['year']} trial. How many runs do we need, and how many "
                "degrees of freedom are left for pure error if we fit the full model with all interactions?")

    def parse(t):
        g = lambda p: int(re.search(p, t).group(1))
        return dict(lab=g(r'Lab (\d+) here'), k=g(r': (\d+) factors'), lev=g(r'each at (\d+) levels'),
                    rep=g(r'want (\d+) complete replicates'), part=g(r'part no\. (\d+)'), year=g(r'in the (\d+) trial'))

    def lib(d):
        X = np.array([r for _ in range(d['rep']) for r in itertools.product(range(d['lev']), repeat=d['k'])])
        return [int(X.shape[0]), pure_error_df(X)]

    def hand(d):
        return [d['lev'] ** d['k'] * d['rep'], d['lev'] ** d['k'] * (d['rep'] - 1)]
    return dict(kind=3, data=data, render=render, parse=parse, lib=lib, hand=hand,
                names=["total runs", "pure-error df"], tols=[0, 0], ints=[0, 1], tools=["doe_design"],
                intent="3^3 full factorial replicated twice: 54 runs and 27 pure-error df; lab, part number and year are distractors.")


def q31(rng):
    data = dict(n=5, hours=25, xbb=25.47, rbar=0.21, line=3, shifts=2, year=2022)

    def render(d):
        return (f"Our sampling plan on the shaft line: every hour the operator pulls {d['n']} consecutive shafts and "
                f"measures the OD. Over the last {d['hours']} hours the grand average came out at {d['xbb']:.2f} mm with an "
                f"average range of {d['rbar']:.2f} mm. (Line {d['line']}, running {d['shifts']} shifts; the gauge was last "
                f"calibrated in {d['year']}.) What are the X-bar and R chart limits?")

    def parse(t):
        g = lambda p: re.search(p, t).group(1)
        return dict(n=int(g(r'pulls (\d+) consecutive')), hours=int(g(r'last (\d+) hours')), xbb=fl(g(r'at (\d+\.\d+) mm')),
                    rbar=fl(g(r'range of (\d+\.\d+) mm')), line=int(g(r'\(Line (\d+),')), shifts=int(g(r'running (\d+) shifts')),
                    year=int(g(r'calibrated in (\d+)')))

    def lib(d):
        c = spc_table(d['n'])
        return [d['xbb'] + c['A2'] * d['rbar'], d['xbb'] - c['A2'] * d['rbar'], c['D4'] * d['rbar']]

    def hand(d):
        c = spc_hand(d['n'])
        return [M(Fx(d['xbb'])) + c['A2'] * M(Fx(d['rbar'])), M(Fx(d['xbb'])) - c['A2'] * M(Fx(d['rbar'])), c['D4'] * M(Fx(d['rbar']))]
    return dict(kind=3, data=data, render=render, parse=parse, lib=lib, hand=hand,
                names=["X-bar UCL", "X-bar LCL", "R UCL"], tols=[1e-4, 1e-4, 2e-3], tools=["summary_chart", "spc_constants"],
                intent="X-bar/R limits from summary figures with subgroup size 5 (A2, D4 for n = 5): grand mean +/- A2 R-bar and D4 R-bar.")


def q32(rng):
    data = dict(k=3, c=3, booth=7, day=14, mins=40)

    def render(d):
        return (f"For the coating RSM I'm looking at a Box-Behnken design in {d['k']} factors (spray distance, feed rate, "
                f"gun traverse speed) with {d['c']} centre points. Booth {d['booth']} is free from the {d['day']}th and each run "
                f"takes about {d['mins']} minutes. How many runs will the design have, and how many distinct levels does each factor take?")

    def parse(t):
        g = lambda p: int(re.search(p, t).group(1))
        return dict(k=g(r'design in (\d+) factors'), c=g(r'with (\d+) centre points'), booth=g(r'Booth (\d+)'),
                    day=g(r'from the (\d+)th'), mins=g(r'about (\d+) minutes'))

    def lib(d):
        X = bbd(d['k'], d['c'])
        return [int(X.shape[0]), int(len(np.unique(X[:, 0])))]

    def hand(d):
        return [4 * math.comb(d['k'], 2) + d['c'], 3]
    return dict(kind=3, data=data, render=render, parse=parse, lib=lib, hand=hand,
                names=["total runs", "levels per factor"], tols=[0, 0], ints=[0, 1], tools=["doe_design"],
                intent="Box-Behnken in 3 factors (12 edge runs) plus 3 centre points = 15 runs, 3 levels per factor.")


def q33(rng):
    data = dict(k=4, reactor=2, c=6, year=2017, old=11)

    def render(d):
        return (f"Planning a rotatable central composite design for {d['k']} factors on reactor R-{d['reactor']}, with "
                f"{d['c']} centre points. (Our screening in {d['year']} used {d['old']} runs.) How many runs in total, and "
                "what axial distance alpha makes it rotatable?")

    def parse(t):
        g = lambda p: int(re.search(p, t).group(1))
        return dict(k=g(r'design for (\d+) factors'), reactor=g(r'reactor R-(\d+)'), c=g(r'with (\d+) centre points'),
                    year=g(r'screening in (\d+)'), old=g(r'used (\d+) runs'))

    def lib(d):
        X, a = ccd_rotatable(d['k'], d['c'])
        return [int(X.shape[0]), float(a)]

    def hand(d):
        return [2 ** d['k'] + 2 * d['k'] + d['c'], mp.root(mp.mpf(2) ** d['k'], 4)]
    return dict(kind=3, data=data, render=render, parse=parse, lib=lib, hand=hand,
                names=["total runs", "alpha"], tols=[0, 1e-6], ints=[0], tools=["doe_design", "doe_properties"],
                intent="Rotatable CCD, 4 factors: 16 cube + 8 axial + 6 centre = 30 runs, alpha = 16^(1/4) = 2.")


def q34(rng):
    data = dict(k=5, runs=16, cost=1800, res=6)

    def render(d):
        return (f"We have {d['k']} factors and budget for {d['runs']} runs (roughly ${d['cost']} per run). My director "
                f"insists on a resolution {ROMAN[d['res']]} fraction so nothing important is aliased. Which generator gives us that?")

    def parse(t):
        g = lambda p: int(re.search(p, t).group(1))
        return dict(k=g(r'have (\d+) factors'), runs=g(r'budget for (\d+) runs'), cost=g(r'\$(\d+) per run'),
                    res=UNROMAN[re.search(r'resolution ([IVX]+) fraction', t).group(1)])

    def defect(d):
        p = d['k'] - int(round(math.log2(d['runs'])))
        assert p == 1 and 2 ** (d['k'] - p) == d['runs']
        best = 0
        letters = "ABCDEFGHJK"
        for size in range(1, d['k']):   # every possible generator word for the last factor
            for S in itertools.combinations(letters[:d['k'] - 1], size):
                X = fraction_from_generators(d['k'], 1, [letters[d['k'] - 1] + "=" + "".join(S)])
                best = max(best, resolution_of(X))
        assert best == d['k']    # closed form: a half fraction has one word, of length at most k
        return best < d['res']
    return dict(kind=3, data=data, render=render, parse=parse, refuse=True, defect=defect, tools=["doe_design", "doe_properties"],
                reason="a 16-run 2^(5-1) half fraction has a single defining word of at most 5 letters, so resolution V is the maximum; resolution VI is impossible",
                intent="Refuse: no 16-run fraction of 5 two-level factors has resolution VI (maximum is V with I = ABCDE).")


def q35(rng):
    data = dict(k=9, press=4, ton=250, c=3)

    def render(d):
        return (f"Screening {d['k']} factors on press {d['press']} (the {d['ton']}-tonne one). Plan is a Plackett-Burman design "
                f"plus {d['c']} centre points. How many runs is that altogether, and how many columns of the PB base design "
                "are left unused as dummy columns?")

    def parse(t):
        g = lambda p: int(re.search(p, t).group(1))
        return dict(k=g(r'Screening (\d+) factors'), press=g(r'press (\d+)'), ton=g(r'the (\d+)-tonne'), c=g(r'plus (\d+) centre'))

    def lib(d):
        X = plackett_burman(pb_runs_for(d['k']))
        return [int(X.shape[0] + d['c']), int(X.shape[1] - d['k'])]

    def hand(d):
        N = 4 * math.ceil((d['k'] + 1) / 4)
        return [N + d['c'], N - 1 - d['k']]
    return dict(kind=3, data=data, render=render, parse=parse, lib=lib, hand=hand,
                names=["total runs", "dummy columns"], tols=[0, 0], ints=[0, 1], tools=["doe_design"],
                intent="Plackett-Burman for 9 factors uses the 12-run design (11 columns): 12 + 3 centre points = 15 runs, 2 dummy columns.")


def q36(rng):
    data = dict(k=6, p=2, c=4, techs=2, room=118)
    gens = ["E=ABC", "F=BCD"]

    def render(d):
        return (f"We're running {d['k']} factors in a 2^({d['k']}-{d['p']}) fraction with generators E = ABC and F = BCD, "
                f"plus {d['c']} centre points. {d['techs']} technicians, oven is in room {d['room']}. "
                "How many runs total, and what's the resolution of the fraction?")

    def parse(t):
        g = lambda p: int(re.search(p, t).group(1))
        m = re.search(r'2\^\((\d+)-(\d+)\)', t)
        return dict(k=g(r'running (\d+) factors'), p=int(m.group(2)), c=g(r'plus (\d+) centre'),
                    techs=g(r'(\d+) technicians'), room=g(r'room (\d+)'))

    def lib(d):
        X = fraction_from_generators(d['k'], d['p'], gens)
        return [int(X.shape[0] + d['c']), resolution_of(X)]

    def hand(d):
        words = [set("ABCE"), set("BCDF")]
        allw = [words[0], words[1], words[0] ^ words[1]]
        return [2 ** (d['k'] - d['p']) + d['c'], min(len(w) for w in allw)]
    return dict(kind=3, data=data, render=render, parse=parse, lib=lib, hand=hand,
                names=["total runs", "resolution"], tols=[0, 0], ints=[0, 1], tools=["doe_design", "doe_properties"],
                intent="2^(6-2) with E=ABC, F=BCD: 16 runs + 4 centre points = 20; defining relation I=ABCE=BCDF=ADEF gives resolution IV.")


def q37(rng):
    data = dict(cat=3, temp=3, stir=2, sup=4, rep=2, kg=25, year=2020)

    def render(d):
        return (f"Full factorial: catalyst ({d['cat']} types), temperature ({d['temp']} settings), stirring ({d['stir']} speeds) "
                f"and resin supplier ({d['sup']} suppliers), and we want {d['rep']} full replicates. Each batch uses {d['kg']} kg "
                f"of resin and the budget comes out of the {d['year']} allocation. How many runs, and how many error df are "
                "left for the full model with all interactions?")

    def parse(t):
        g = lambda p: int(re.search(p, t).group(1))
        return dict(cat=g(r'catalyst \((\d+) types'), temp=g(r'temperature \((\d+) settings'), stir=g(r'stirring \((\d+) speeds'),
                    sup=g(r'supplier \((\d+) suppliers'), rep=g(r'want (\d+) full replicates'), kg=g(r'uses (\d+) kg'),
                    year=g(r'the (\d+) allocation'))

    def lib(d):
        lv = [d['cat'], d['temp'], d['stir'], d['sup']]
        X = np.array([r for _ in range(d['rep']) for r in itertools.product(*[range(l) for l in lv])])
        return [int(X.shape[0]), pure_error_df(X)]

    def hand(d):
        c = d['cat'] * d['temp'] * d['stir'] * d['sup']
        return [c * d['rep'], c * (d['rep'] - 1)]
    return dict(kind=3, data=data, render=render, parse=parse, lib=lib, hand=hand,
                names=["total runs", "error df"], tols=[0, 0], ints=[0, 1], tools=["doe_design"],
                intent="Mixed-level full factorial 3x3x2x4 = 72 cells, 2 replicates: 144 runs and 72 error df (kg and year irrelevant).")


def q38(rng):
    data = dict(nom=500, tol=6, mean=502.1, sigma=1.35, line=2, rate=1200)

    def render(d):
        return (f"Fill volume spec is {d['nom']} +/- {d['tol']} mL. Process mean is {d['mean']:.1f} mL and the short-term "
                f"(within-subgroup) sigma is {d['sigma']:.2f} mL. Line {d['line']} runs at {d['rate']} bottles an hour. Cp and Cpk?")

    def parse(t):
        g = lambda p: re.search(p, t).group(1)
        return dict(nom=int(g(r'spec is (\d+) \+/-')), tol=int(g(r'\+/- (\d+) mL')), mean=fl(g(r'mean is (\d+\.\d) mL')),
                    sigma=fl(g(r'sigma is (\d+\.\d+) mL')), line=int(g(r'Line (\d+) runs')), rate=int(g(r'at (\d+) bottles')))

    def lib(d):
        lsl, usl = d['nom'] - d['tol'], d['nom'] + d['tol']
        return [(usl - lsl) / (6 * d['sigma']), min(usl - d['mean'], d['mean'] - lsl) / (3 * d['sigma'])]

    def hand(d):
        lsl, usl = Fx(d['nom'] - d['tol']), Fx(d['nom'] + d['tol'])
        s = Fx(d['sigma']); m = Fx(d['mean'])
        return [M((usl - lsl) / (6 * s)), M(min(usl - m, m - lsl) / (3 * s))]
    return dict(kind=3, data=data, render=render, parse=parse, lib=lib, hand=hand,
                names=["Cp", "Cpk"], tols=[1e-4, 1e-4], tools=["summary_capability"],
                intent="Cp and Cpk from summary figures with spec 494-506 mL and within sigma 1.35; line number and rate are distractors.")


def q39(rng):
    data = dict(usl=80, n=50, mean=46.3, s=9.1)

    def render(d):
        return (f"Flatness on the cover plate: the spec is {d['usl']} um max (there's no lower limit, obviously). From {d['n']} "
                f"parts the mean is {d['mean']:.1f} um with s = {d['s']:.1f} um. What's the Cp?")

    def parse(t):
        out = dict(usl=int(re.search(r'spec is (\d+) um max', t).group(1)), n=int(re.search(r'From (\d+) parts', t).group(1)),
                   mean=fl(re.search(r'mean is (\d+\.\d) um', t).group(1)), s=fl(re.search(r's = (\d+\.\d) um', t).group(1)))
        m = re.search(r'(?:LSL|lower spec(?: limit)?(?: is)?) (\d+(?:\.\d+)?)', t)
        if m:
            out['lsl'] = fl(m.group(1))
        return out

    def defect(d):
        return 'lsl' not in d and d['usl'] is not None
    return dict(kind=3, data=data, render=render, parse=parse, refuse=True, defect=defect, tools=["summary_capability"],
                reason="Cp = (USL - LSL)/(6 sigma) needs both spec limits; flatness has only an upper limit, so Cp is undefined (only Cpu/Cpk exist)",
                intent="Refuse: Cp requires two spec limits and only a USL is given.")


def q40(rng):
    data = dict(delta=0.5, sd=0.8, alpha=0.05, power=90, old=12, cost=45)

    def render(d):
        return (f"How many parts per mould do we need for a two-sample t-test to detect a {d['delta']:.1f} mm difference in mean "
                f"wall thickness between two moulds? SD is about {d['sd']:.1f} mm, alpha {d['alpha']:.2f} two-sided, {d['power']}% "
                f"power. Last year's study used {d['old']} parts per mould and each part costs ${d['cost']} to section.")

    def parse(t):
        g = lambda p: re.search(p, t).group(1)
        return dict(delta=fl(g(r'detect a (\d+\.\d) mm')), sd=fl(g(r'SD is about (\d+\.\d) mm')), alpha=fl(g(r'alpha (\d+\.\d+)')),
                    power=int(g(r'(\d+)% power')), old=int(g(r'used (\d+) parts')), cost=int(g(r'costs \$(\d+)')))

    def lib(d):
        n = TTestIndPower().solve_power(effect_size=d['delta'] / d['sd'], alpha=d['alpha'], power=d['power'] / 100)
        return [int(math.ceil(n - 1e-9))]

    def hand(d):
        eff = M(Fx(d['delta']) / Fx(d['sd']))
        tgt = M(Fr(d['power'], 100))
        n = 2
        while h_power_2t(n, eff, M(Fx(d['alpha']))) < tgt:
            n += 1 if n > 40 else 2 if n < 30 else 1
        while n > 2 and h_power_2t(n - 1, eff, M(Fx(d['alpha']))) >= tgt:
            n -= 1
        return [n]
    return dict(kind=3, data=data, render=render, parse=parse, lib=lib, hand=hand,
                names=["parts per mould"], tols=[0], ints=[0], tools=["power"],
                intent="Two-sample t-test sample size (noncentral t), d = 0.5/0.8, alpha 0.05 two-sided, power 0.90: smallest n per group.")


def q41(rng):
    data = dict(n=400, line=3, per_day=2, shifts=30, npbar=14.2)

    def render(d):
        return (f"We inspect {d['n']} connectors per shift on line {d['line']} ({d['per_day']} shifts a day). Over the last "
                f"{d['shifts']} shifts we averaged {d['npbar']:.1f} defective connectors per sample. What are the np-chart control limits?")

    def parse(t):
        g = lambda p: re.search(p, t).group(1)
        return dict(n=int(g(r'inspect (\d+) connectors')), line=int(g(r'line (\d+) \(')), per_day=int(g(r'\((\d+) shifts a day')),
                    shifts=int(g(r'last (\d+) shifts')), npbar=fl(g(r'averaged (\d+\.\d) defective')))

    def lib(d):
        p = d['npbar'] / d['n']
        s = math.sqrt(d['npbar'] * (1 - p))
        return [d['npbar'] + 3 * s, d['npbar'] - 3 * s]

    def hand(d):
        npb = Fx(d['npbar'])
        s = msqrt(npb * (1 - npb / d['n']))
        return [M(npb) + 3 * s, M(npb) - 3 * s]
    return dict(kind=3, data=data, render=render, parse=parse, lib=lib, hand=hand,
                names=["np UCL", "np LCL"], tols=[1e-4, 1e-4], tools=["summary_chart"],
                intent="np chart with n = 400 and np-bar = 14.2: np-bar +/- 3 sqrt(np-bar (1 - p-bar)).")


def q42(rng):
    data = dict(k=3, rep=3, c=5, ops=6, budget=9000)

    def render(d):
        return (f"DOE plan: 2^{d['k']} full factorial with {d['rep']} replicates of the corner runs plus {d['c']} centre points. "
                f"We have {d['ops']} operators and about ${d['budget']} to spend. How many runs in total, and how many pure-error "
                "degrees of freedom will we get?")

    def parse(t):
        g = lambda p: int(re.search(p, t).group(1))
        return dict(k=g(r'2\^(\d+) full'), rep=g(r'with (\d+) replicates'), c=g(r'plus (\d+) centre'), ops=g(r'have (\d+) operators'),
                    budget=g(r'\$(\d+) to spend'))

    def lib(d):
        X = np.vstack([two_level(d['k'])] * d['rep'] + [np.zeros((d['c'], d['k']), dtype=int)])
        return [int(X.shape[0]), pure_error_df(X)]

    def hand(d):
        return [2 ** d['k'] * d['rep'] + d['c'], 2 ** d['k'] * (d['rep'] - 1) + d['c'] - 1]
    return dict(kind=3, data=data, render=render, parse=parse, lib=lib, hand=hand,
                names=["total runs", "pure-error df"], tols=[0, 0], ints=[0, 1], tools=["doe_design"],
                intent="2^3 with 3 replicates plus 5 centre points: 29 runs; pure error df = 8(3-1) + (5-1) = 20.")


# ---------------------------------------------------------------- kind 4
X_ = sp.Symbol('x')
Y_ = sp.Symbol('y')


def q43(rng):
    data = dict(p=3, a=2, x0=1)

    def render(d):
        return f"whats the derivitive of x^{d['p']} sin {d['a']}x ?? need the value at x = {d['x0']} for my homework"

    def parse(t):
        m = re.search(r'x\^(\d+) sin (\d+)x', t)
        return dict(p=int(m.group(1)), a=int(m.group(2)), x0=int(re.search(r'at x = (-?\d+)', t).group(1)))

    def lib(d):
        f = X_ ** d['p'] * sp.sin(d['a'] * X_)
        return [float(sp.diff(f, X_).subs(X_, d['x0']))]

    def hand(d):
        return [mp.diff(lambda x: x ** d['p'] * mp.sin(d['a'] * x), d['x0'])]
    return dict(kind=4, data=data, render=render, parse=parse, lib=lib, hand=hand,
                names=["f'(1)"], tols=[1e-6], tools=["differentiate", "evaluate"],
                intent="Derivative of x^3 sin(2x), i.e. 3x^2 sin 2x + 2x^3 cos 2x, evaluated at x = 1.")


def q44(rng):
    data = dict(a=2, b=3, x0=1, y0=2)

    def render(d):
        return (f"f(x,y) = x^{d['a']} y^{d['b']} + e^(xy). Find the mixed partial f_xy and evaluate it at ({d['x0']}, {d['y0']}).")

    def parse(t):
        m = re.search(r'x\^(\d+) y\^(\d+)', t)
        q = re.search(r'at \((-?\d+), (-?\d+)\)', t)
        return dict(a=int(m.group(1)), b=int(m.group(2)), x0=int(q.group(1)), y0=int(q.group(2)))

    def lib(d):
        f = X_ ** d['a'] * Y_ ** d['b'] + sp.exp(X_ * Y_)
        return [float(sp.diff(f, X_, Y_).subs({X_: d['x0'], Y_: d['y0']}))]

    def hand(d):
        return [mp.diff(lambda x, y: x ** d['a'] * y ** d['b'] + mp.exp(x * y), (d['x0'], d['y0']), (1, 1))]
    return dict(kind=4, data=data, render=render, parse=parse, lib=lib, hand=hand,
                names=["f_xy(1,2)"], tols=[1e-6], tools=["differentiate", "evaluate"],
                intent="Mixed partial d2f/dxdy of x^2 y^3 + e^(xy) = 6xy^2 + e^(xy)(1 + xy), evaluated at (1, 2): 24 + 3e^2.")


def q45(rng):
    data = dict(lo=0, p=2, r=3)

    def render(d):
        return f"int_{d['lo']}^inf x^{d['p']} e^(-{d['r']}x) dx   -- does it converge, and to what?"

    def parse(t):
        m = re.search(r'int_(\d+)\^inf x\^(\d+) e\^\(-(\d+)x\)', t)
        return dict(lo=int(m.group(1)), p=int(m.group(2)), r=int(m.group(3)))

    def lib(d):
        return [float(sp.integrate(X_ ** d['p'] * sp.exp(-d['r'] * X_), (X_, d['lo'], sp.oo)))]

    def hand(d):
        return [mp.quad(lambda x: x ** d['p'] * mp.exp(-d['r'] * x), [d['lo'], mp.inf])]
    return dict(kind=4, data=data, render=render, parse=parse, lib=lib, hand=hand,
                names=["integral"], tols=[1e-6], tools=["integrate"],
                intent="Improper integral of x^2 e^(-3x) from 0 to infinity = 2/27.")


def q46(rng):
    data = dict(lo=1, hi=4, a=3, b=2)

    def render(d):
        return (f"Evaluate the integral from {d['lo']} to {d['hi']} of ({d['a']}x^2 + {d['b']})/sqrt(x) dx. "
                "I keep getting a different answer from the back of the book, what is it actually?")

    def parse(t):
        m = re.search(r'from (\d+) to (\d+) of \((\d+)x\^2 \+ (\d+)\)/sqrt\(x\)', t)
        return dict(lo=int(m.group(1)), hi=int(m.group(2)), a=int(m.group(3)), b=int(m.group(4)))

    def lib(d):
        return [float(sp.integrate((d['a'] * X_ ** 2 + d['b']) / sp.sqrt(X_), (X_, d['lo'], d['hi'])))]

    def hand(d):
        return [mp.quad(lambda x: (d['a'] * x ** 2 + d['b']) / mp.sqrt(x), [d['lo'], d['hi']])]
    return dict(kind=4, data=data, render=render, parse=parse, lib=lib, hand=hand,
                names=["integral"], tols=[1e-6], tools=["integrate"],
                intent="Definite integral of (3x^2 + 2)/sqrt(x) from 1 to 4 = (6/5)(32 - 1) + 4(2 - 1) = 41.2.")


def q47(rng):
    data = dict(x0=0, a=3, b=2)

    def render(d):
        return f"lim x->{d['x0']} (1 - cos({d['a']}x)) / (x sin({d['b']}x))"

    def parse(t):
        m = re.search(r'lim x->(-?\d+) \(1 - cos\((\d+)x\)\) / \(x sin\((\d+)x\)\)', t)
        return dict(x0=int(m.group(1)), a=int(m.group(2)), b=int(m.group(3)))

    def lib(d):
        return [float(sp.limit((1 - sp.cos(d['a'] * X_)) / (X_ * sp.sin(d['b'] * X_)), X_, d['x0']))]

    def hand(d):
        return [mp.limit(lambda x: (1 - mp.cos(d['a'] * x)) / (x * mp.sin(d['b'] * x)), d['x0'])]
    return dict(kind=4, data=data, render=render, parse=parse, lib=lib, hand=hand,
                names=["limit"], tols=[1e-6], tools=["limit"],
                intent="Limit as x -> 0 of (1 - cos 3x)/(x sin 2x) = 9/4.")


def q48(rng):
    data = dict(c=2, n=4)

    def render(d):
        return f"Maclaurin series of e^({d['c']}x) cos(x): what's the coefficient of x^{d['n']}?"

    def parse(t):
        return dict(c=int(re.search(r'e\^\((\d+)x\)', t).group(1)), n=int(re.search(r'coefficient of x\^(\d+)', t).group(1)))

    def lib(d):
        s = sp.series(sp.exp(d['c'] * X_) * sp.cos(X_), X_, 0, d['n'] + 1).removeO()
        return [float(s.coeff(X_, d['n']))]

    def hand(d):
        return [mp.taylor(lambda x: mp.exp(d['c'] * x) * mp.cos(x), 0, d['n'])[d['n']]]
    return dict(kind=4, data=data, render=render, parse=parse, lib=lib, hand=hand,
                names=["coefficient of x^4"], tols=[1e-6], tools=["series"],
                intent="Taylor coefficient of x^4 in e^(2x) cos x about 0 = Re((2+i)^4)/4! = -7/24.")


def q49(rng):
    data = dict(start=1, s=3)

    def render(d):
        return f"does sum_{{n={d['start']}}}^oo 1/(n(n+{d['s']})) converge? if so what's the sum"

    def parse(t):
        m = re.search(r'sum_\{n=(\d+)\}\^oo 1/\(n\(n\+(\d+)\)\)', t)
        return dict(start=int(m.group(1)), s=int(m.group(2)))

    def lib(d):
        n = sp.Symbol('n', integer=True, positive=True)
        return [float(sp.summation(1 / (n * (n + d['s'])), (n, d['start'], sp.oo)))]

    def hand(d):
        return [mp.nsum(lambda n: 1 / (n * (n + d['s'])), [d['start'], mp.inf])]
    return dict(kind=4, data=data, render=render, parse=parse, lib=lib, hand=hand,
                names=["sum"], tols=[1e-6], tools=["summation"],
                intent="Telescoping series sum_{n>=1} 1/(n(n+3)) = (1/3)(1 + 1/2 + 1/3) = 11/18.")


def q50(rng):
    data = dict(A=[[2, -1, 4], [3, 0, 5]])

    def render(d):
        return "Need the determinant of this matrix:\n" + "\n".join("[ " + " ".join(str(v) for v in r) + " ]" for r in d['A'])

    def parse(t):
        return dict(A=[[int(v) for v in m.split()] for m in re.findall(r'^\[ (.*) \]$', t, re.M)])

    def defect(d):
        sp.Matrix(d['A'])
        return len(d['A']) != len(d['A'][0])
    return dict(kind=4, data=data, render=render, parse=parse, refuse=True, defect=defect, tools=["matrix"],
                reason="the matrix is 2 x 3; a determinant is only defined for square matrices",
                intent="Refuse: determinant of a non-square (2x3) matrix is undefined.")


def q51(rng):
    data = dict(a=6, b=11, c=5)

    def render(d):
        return f"Solve x^3 - {d['a']}x^2 + {d['b']}x - {d['c']} = 0 over the reals. How many real solutions are there, and what are they?"

    def parse(t):
        m = re.search(r'x\^3 - (\d+)x\^2 \+ (\d+)x - (\d+) = 0', t)
        return dict(a=int(m.group(1)), b=int(m.group(2)), c=int(m.group(3)))

    def lib(d):
        p = X_ ** 3 - d['a'] * X_ ** 2 + d['b'] * X_ - d['c']
        r = sp.real_roots(p)
        return [len(r), float(max(sp.N(v, 30) for v in r))]

    def hand(d):
        rts = mp.polyroots([1, -d['a'], d['b'], -d['c']], maxsteps=200, extraprec=60)
        real = [mp.re(v) for v in rts if abs(mp.im(v)) < mp.mpf(10) ** -20]
        return [len(real), max(real)]
    return dict(kind=4, data=data, render=render, parse=parse, lib=lib, hand=hand,
                names=["number of real roots", "real root (largest)"], tols=[0, 1e-6], ints=[0], tools=["solve"],
                intent="Real roots of x^3 - 6x^2 + 11x - 5: exactly one real root (about 0.6753); report the count and its value.")


def q52(rng):
    data = dict(A=[[2, 1, -1], [1, -3, 2], [3, 2, 1]], b=[3, -4, 10])

    def render(d):
        eqs = []
        for r, rhs in zip(d['A'], d['b']):
            s = coef(r[0], "x", True) + coef(r[1], "y") + coef(r[2], "z")
            eqs.append(f"{s} = {rhs}")
        return "solve the system\n" + "\n".join(eqs) + "\nfor x, y, z"

    def parse(t):
        A, b = [], []
        for m in re.finditer(r'^(.*[xyz].*) = (-?\d+)$', t, re.M):
            A.append(parse_linear(m.group(1), "xyz")); b.append(int(m.group(2)))
        return dict(A=A, b=b)

    def lib(d):
        s = sp.Matrix(d['A']).LUsolve(sp.Matrix(d['b']))
        return [float(v) for v in s]

    def hand(d):
        A = [[Fr(v) for v in r] for r in d['A']]
        det = lambda m: (m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1]) - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
                         + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]))
        D = det(A)
        out = []
        for j in range(3):
            Aj = [[(Fr(d['b'][i]) if c == j else A[i][c]) for c in range(3)] for i in range(3)]
            out.append(M(det(Aj) / D))
        return out
    return dict(kind=4, data=data, render=render, parse=parse, lib=lib, hand=hand,
                names=["x", "y", "z"], tols=[1e-9, 1e-9, 1e-9], tools=["solve", "matrix"],
                intent="Unique solution of the 3x3 linear system (Cramer's rule): x = 0.95, y = 2.75, z = 1.65.")


def q53(rng):
    data = dict(A=[[4, 1, 2], [1, 3, 0], [2, 0, 5]])

    def render(d):
        rows = ", ".join("[" + ", ".join(str(v) for v in r) + "]" for r in d['A'])
        return f"For A = [{rows}], what's the largest eigenvalue, and det(A)?"

    def parse(t):
        inner = re.search(r'A = \[(.*)\], what', t).group(1)
        return dict(A=[[int(v) for v in r.split(", ")] for r in re.findall(r'\[([^\[\]]*)\]', inner)])

    def lib(d):
        Mx = sp.Matrix(d['A'])
        ev = [complex(sp.N(v, 30)) for v in Mx.eigenvals(multiple=True)]
        return [max(v.real for v in ev), int(Mx.det())]

    def hand(d):
        A = mp.matrix(d['A'])
        E, Q = mp.eigsy(A)
        return [max(E[i] for i in range(len(d['A']))), int(mp.nint(mp.det(A)))]
    return dict(kind=4, data=data, render=render, parse=parse, lib=lib, hand=hand,
                names=["largest eigenvalue", "determinant"], tols=[1e-8, 0], ints=[1], tools=["matrix"],
                intent="Largest eigenvalue of the symmetric 3x3 matrix and its determinant (43).")


def q54(rng):
    data = dict(a=5, b=3, r1=1, r2=2)

    def render(d):
        return f"partial fractions of ({d['a']}x+{d['b']})/((x+{d['r1']})(x-{d['r2']})^2) pls, need A, B, C for A/(x+{d['r1']}) + B/(x-{d['r2']}) + C/(x-{d['r2']})^2"

    def parse(t):
        m = re.search(r'of \((\d+)x\+(\d+)\)/\(\(x\+(\d+)\)\(x-(\d+)\)\^2\)', t)
        return dict(a=int(m.group(1)), b=int(m.group(2)), r1=int(m.group(3)), r2=int(m.group(4)))

    def lib(d):
        e = (d['a'] * X_ + d['b']) / ((X_ + d['r1']) * (X_ - d['r2']) ** 2)
        ap = sp.apart(e, X_)
        got = {}
        for term in sp.Add.make_args(ap):
            for key, den in (("A", X_ + d['r1']), ("B", X_ - d['r2']), ("C", (X_ - d['r2']) ** 2)):
                v = sp.simplify(term * den)
                if v.is_number:
                    got[key] = v
                    break
        return [float(got.get(k, 0)) for k in "ABC"]

    def hand(d):
        a, b, r1, r2 = (Fr(d[k]) for k in ("a", "b", "r1", "r2"))
        A = (a * (-r1) + b) / ((-r1 - r2) ** 2)
        C = (a * r2 + b) / (r2 + r1)
        return [M(A), M(-A), M(C)]
    return dict(kind=4, data=data, render=render, parse=parse, lib=lib, hand=hand,
                names=["A", "B", "C"], tols=[1e-9, 1e-9, 1e-9], tools=["simplify"],
                intent="Partial fractions (5x+3)/((x+1)(x-2)^2) = A/(x+1) + B/(x-2) + C/(x-2)^2 with A = -2/9, B = 2/9, C = 13/3.")


def q55(rng):
    data = dict(a=6, b=9, c=2, lo=0, hi=5)

    def render(d):
        return (f"Find the absolute max and min of f(x) = x^3 - {d['a']}x^2 + {d['b']}x + {d['c']} on [{d['lo']}, {d['hi']}], "
                "and say where the local maximum is.")

    def parse(t):
        m = re.search(r'x\^3 - (\d+)x\^2 \+ (\d+)x \+ (\d+) on \[(-?\d+), (-?\d+)\]', t)
        return dict(a=int(m.group(1)), b=int(m.group(2)), c=int(m.group(3)), lo=int(m.group(4)), hi=int(m.group(5)))

    def lib(d):
        f = X_ ** 3 - d['a'] * X_ ** 2 + d['b'] * X_ + d['c']
        cps = [r for r in sp.solve(sp.diff(f, X_), X_) if r.is_real]
        inside = [r for r in cps if d['lo'] <= r <= d['hi']]
        vals = [f.subs(X_, v) for v in inside + [d['lo'], d['hi']]]
        lmax = [r for r in cps if sp.diff(f, X_, 2).subs(X_, r) < 0]
        return [float(max(vals)), float(min(vals)), float(lmax[0])]

    def hand(d):
        f = lambda x: x ** 3 - d['a'] * x ** 2 + d['b'] * x + d['c']
        A, B, C = 3, -2 * d['a'], d['b']
        disc = mp.mpf(B * B - 4 * A * C)
        r1 = (-B - mp.sqrt(disc)) / (2 * A); r2 = (-B + mp.sqrt(disc)) / (2 * A)
        pts = [r for r in (r1, r2) if d['lo'] <= r <= d['hi']] + [mp.mpf(d['lo']), mp.mpf(d['hi'])]
        v = [f(p) for p in pts]
        return [max(v), min(v), r1]
    return dict(kind=4, data=data, render=render, parse=parse, lib=lib, hand=hand,
                names=["absolute max", "absolute min", "x at local max"], tols=[1e-9, 1e-9, 1e-9], tools=["extrema"],
                intent="Closed-interval extrema of x^3 - 6x^2 + 9x + 2 on [0, 5]: max 22 (at x = 5), min 2 (at x = 0 and 3), local max at x = 1.")


def q56(rng):
    data = dict(a=9, b=1, c=6, x1=4, x2=3)

    def render(d):
        bx = ("" if d['b'] == 1 else str(d['b'])) + "x"
        return (f"simplfy (x^2 - {d['a']})/(x^2 + {bx} - {d['c']}) and then plug in x = {d['x1']}. also what value would "
                f"make it continuous at x = -{d['x2']}?")

    def parse(t):
        m = re.search(r'\(x\^2 - (\d+)\)/\(x\^2 \+ (\d*)x - (\d+)\)', t)
        return dict(a=int(m.group(1)), b=int(m.group(2)) if m.group(2) else 1, c=int(m.group(3)),
                    x1=int(re.search(r'plug in x = (-?\d+)', t).group(1)), x2=int(re.search(r'at x = -(\d+)\?', t).group(1)))

    def lib(d):
        e = (X_ ** 2 - d['a']) / (X_ ** 2 + d['b'] * X_ - d['c'])
        s = sp.cancel(e)
        v2 = sp.limit(e, X_, -d['x2'])
        assert v2.is_finite
        return [float(s.subs(X_, d['x1'])), float(v2)]

    def hand(d):
        f = lambda x: (x * x - d['a']) / (x * x + d['b'] * x - d['c'])
        return [M(f(Fr(d['x1']))), mp.limit(f, -d['x2'])]
    return dict(kind=4, data=data, render=render, parse=parse, lib=lib, hand=hand,
                names=["value at x = 4", "value at x = -3 (removable)"], tols=[1e-9, 1e-8], tools=["simplify", "evaluate", "limit"],
                intent="(x^2-9)/(x^2+x-6) simplifies to (x-3)/(x-2): 1/2 at x = 4 and the continuous extension 6/5 at x = -3.")


# ---------------------------------------------------------------- kind 5

def q57(rng):
    a = rl(rng.normal(8.20, 0.11, 12), 2)
    b = rl(rng.normal(8.22, 0.19, 10), 2)
    data = dict(a=a, b=b)

    def render(d):
        return ("Can you run an F-test for equality of variances on these two machines? Put machine A's variance on top, two-sided test.\n"
                "A: " + " ".join(f"{v:.2f}" for v in d['a']) + "\nB: " + " ".join(f"{v:.2f}" for v in d['b']))

    def parse(t):
        return dict(a=[fl(v) for v in re.search(r'^A: (.*)$', t, re.M).group(1).split()],
                    b=[fl(v) for v in re.search(r'^B: (.*)$', t, re.M).group(1).split()])

    def lib(d):
        F = np.var(d['a'], ddof=1) / np.var(d['b'], ddof=1)
        d1, d2 = len(d['a']) - 1, len(d['b']) - 1
        return [float(F), float(2 * min(st.f.cdf(F, d1, d2), st.f.sf(F, d1, d2)))]

    def hand(d):
        F = M(fvar(d['a']) / fvar(d['b']))
        d1, d2 = len(d['a']) - 1, len(d['b']) - 1
        return [F, 2 * min(p_f_lower(F, d1, d2), p_f_upper(F, d1, d2))]
    return dict(kind=5, data=data, render=render, parse=parse, lib=lib, hand=hand,
                names=["F = sA^2/sB^2", "p (two-sided)"], tols=[1e-3, 2e-3], pidx=[1], tools=["variance_test"],
                intent="F test of two variances, F = var(A)/var(B) with df (11, 9), two-sided p = 2 min(tail).")


def q58(rng):
    g = {}
    for s, sd in zip(["S1", "S2", "S3"], [1.0, 1.3, 2.4]):
        g[s] = rl(rng.normal(20.0, sd, 8), 1)
    data = dict(S1=g["S1"], S2=g["S2"], S3=g["S3"])

    def render(d):
        rows = "\n".join(f"{s}: " + ", ".join(f"{v:.1f}" for v in d[s]) for s in ("S1", "S2", "S3"))
        return ("Brown-Forsythe test (Levene with deviations from the median) for equal variances across the three suppliers:\n"
                + rows + "\nWhat's the statistic and p-value?")

    def parse(t):
        return {s: [fl(v) for v in re.search(rf'^{s}: (.*)$', t, re.M).group(1).split(", ")] for s in ("S1", "S2", "S3")}

    def lib(d):
        r = st.levene(d['S1'], d['S2'], d['S3'], center='median')
        return [float(r.statistic), float(r.pvalue)]

    def hand(d):
        z = [[abs(Fx(v) - fmedian(d[s])) for v in d[s]] for s in ("S1", "S2", "S3")]
        return list(h_anova(z))
    return dict(kind=5, data=data, render=render, parse=parse, lib=lib, hand=hand,
                names=["Brown-Forsythe W", "p"], tols=[1e-3, 2e-3], pidx=[1], tools=["levene"],
                intent="Brown-Forsythe (median-centred Levene) test: one-way ANOVA F on |x - group median| and its p-value.")


def q59(rng):
    x = rl(40 + rng.gamma(6.0, 1.5, 20), 1)
    data = dict(x=x)

    def render(d):
        return "Shapiro-Wilk on these readings please, can I treat them as normal?\n" + ", ".join(f"{v:.1f}" for v in d['x'])

    def parse(t):
        return dict(x=[fl(v) for v in t.splitlines()[1].split(", ")])

    def lib(d):
        r = st.shapiro(d['x'])
        return [float(r.statistic), float(r.pvalue)]

    def hand(d):
        return list(h_shapiro(d['x']))
    return dict(kind=5, data=data, render=render, parse=parse, lib=lib, hand=hand,
                names=["W", "p"], tols=[1e-3, 5e-3], pidx=[1], tools=["normality"],
                intent="Shapiro-Wilk test (Royston's algorithm) on the 20 readings: W and p-value.")


def q60(rng):
    fo = int(rng.binomial(40, 0.07)); fn = int(rng.binomial(42, 0.24))
    data = dict(fo=fo, no=40, fn=fn, nn=42)

    def render(d):
        return (f"Fisher's exact test please: old solder paste had {d['fo']} failures out of {d['no']} boards, the new paste "
                f"{d['fn']} failures out of {d['nn']}. Two-sided p?")

    def parse(t):
        a = re.search(r'had (\d+) failures out of (\d+) boards', t); b = re.search(r'paste (\d+) failures out of (\d+)\.', t)
        return dict(fo=int(a.group(1)), no=int(a.group(2)), fn=int(b.group(1)), nn=int(b.group(2)))

    def lib(d):
        r = st.fisher_exact([[d['fo'], d['no'] - d['fo']], [d['fn'], d['nn'] - d['fn']]])
        return [float(r.pvalue)]

    def hand(d):
        K = d['fo'] + d['fn']; N = d['no'] + d['nn']
        pr = lambda k: Fr(math.comb(d['no'], k) * math.comb(d['nn'], K - k), math.comb(N, K))
        p0 = pr(d['fo'])
        ks = range(max(0, K - d['nn']), min(K, d['no']) + 1)
        return [M(sum(pr(k) for k in ks if pr(k) <= p0 * (1 + Fr(1, 10 ** 7))))]
    return dict(kind=5, data=data, render=render, parse=parse, lib=lib, hand=hand,
                names=["p (Fisher exact, two-sided)"], tols=[1e-3], pidx=[0], tools=["proportion_test"],
                intent="Fisher's exact test on the 2x2 failures table, two-sided p (sum of table probabilities <= observed).")


def q61(rng):
    data = dict(n=20, h=1000, x=23, p0=90)

    def render(d):
        return (f"Exact binomial test: we put {d['n']} units on a {d['h']} h life test and {d['x']} of them survived. Target "
                f"reliability is {d['p0']}%. Does our result support the target?")

    def parse(t):
        return dict(n=int(re.search(r'put (\d+) units', t).group(1)), h=int(re.search(r'a (\d+) h life', t).group(1)),
                    x=int(re.search(r'and (\d+) of them', t).group(1)), p0=int(re.search(r'reliability is (\d+)%', t).group(1)))

    def defect(d):
        return d['x'] > d['n']
    return dict(kind=5, data=data, render=render, parse=parse, refuse=True, defect=defect, tools=["proportion_test"],
                reason="23 survivors reported out of only 20 units tested: successes exceed trials, so no binomial test is possible",
                intent="Refuse: more survivors (23) than units on test (20).")


def q62(rng):
    xa = int(rng.binomial(1200, 0.038)); xb = int(rng.binomial(1350, 0.05))
    data = dict(xa=xa, na=1200, xb=xb, nb=1350)

    def render(d):
        return (f"two-proportion z-test: supplier A {d['xa']} defective of {d['na']}, supplier B {d['xb']} of {d['nb']}. "
                "two-sided, pooled standard error, no continuity correction")

    def parse(t):
        a = re.search(r'supplier A (\d+) defective of (\d+)', t); b = re.search(r'supplier B (\d+) of (\d+)', t)
        return dict(xa=int(a.group(1)), na=int(a.group(2)), xb=int(b.group(1)), nb=int(b.group(2)))

    def lib(d):
        z, p = proportions_ztest([d['xa'], d['xb']], [d['na'], d['nb']])
        return [float(z), float(p)]

    def hand(d):
        pa = Fr(d['xa'], d['na']); pb = Fr(d['xb'], d['nb']); pp = Fr(d['xa'] + d['xb'], d['na'] + d['nb'])
        z = M(pa - pb) / mp.sqrt(M(pp * (1 - pp) * (Fr(1, d['na']) + Fr(1, d['nb']))))
        return [z, 2 * p_norm_upper(abs(z))]
    return dict(kind=5, data=data, render=render, parse=parse, lib=lib, hand=hand,
                names=["z (A - B)", "p (two-sided)"], tols=[1e-3, 2e-3], pidx=[1], tools=["proportion_test"],
                intent="Pooled two-proportion z test, A minus B, two-sided, no continuity correction: z and p.")


def q63(rng):
    x = rl(rng.normal(50, 3, 14), 1)
    y = rl(30 - 0.25 * np.array(x) + rng.normal(0, 1.6, 14), 1)
    data = dict(x=x, y=y)

    def render(d):
        pairs = ", ".join(f"({a:.1f}, {b:.1f})" for a, b in zip(d['x'], d['y']))
        return ("Pearson correlation between hardness (HRC) and wear loss (mg), with its p-value. Pairs are (hardness, wear):\n" + pairs)

    def parse(t):
        R = re.findall(r'\((-?\d+\.\d), (-?\d+\.\d)\)', t)
        return dict(x=[fl(r[0]) for r in R], y=[fl(r[1]) for r in R])

    def lib(d):
        r = st.pearsonr(d['x'], d['y'])
        return [float(r.statistic), float(r.pvalue)]

    def hand(d):
        X = [Fx(v) for v in d['x']]; Y = [Fx(v) for v in d['y']]; n = len(X)
        mx = sum(X) / n; my = sum(Y) / n
        sxy = sum((a - mx) * (b - my) for a, b in zip(X, Y))
        r2 = sxy ** 2 / (sum((a - mx) ** 2 for a in X) * sum((b - my) ** 2 for b in Y))
        r = mp.sqrt(M(r2)) * (1 if sxy > 0 else -1)
        t = r * mp.sqrt((n - 2) / (1 - r * r))
        return [r, p_t2(t, n - 2)]
    return dict(kind=5, data=data, render=render, parse=parse, lib=lib, hand=hand,
                names=["Pearson r", "p (two-sided)"], tols=[1e-4, 2e-3], pidx=[1], tools=["correlation"],
                intent="Pearson correlation of hardness and wear loss with the two-sided t-test p-value (df = n - 2).")


def q64(rng):
    while True:   # redraw (deterministically) until there are no ties, so rho and its p are unambiguous
        x = rl(rng.normal(100, 15, 12), 1)
        y = rl(0.3 * np.array(x) + rng.normal(0, 6, 12), 1)
        if len(set(x)) == len(x) and len(set(y)) == len(y):
            break
    data = dict(x=x, y=y)

    def render(d):
        rows = "\n".join(f"{a:.1f}\t{b:.1f}" for a, b in zip(d['x'], d['y']))
        return ("Spearman rank correlation for these two columns (audit score, customer complaints index) and its p-value; the "
                "usual t approximation for the p-value is fine.\n\nscore\tindex\n" + rows)

    def parse(t):
        R = re.findall(r'^(-?\d+\.\d)\t(-?\d+\.\d)$', t, re.M)
        return dict(x=[fl(r[0]) for r in R], y=[fl(r[1]) for r in R])

    def lib(d):
        assert len(set(d['x'])) == len(d['x']) and len(set(d['y'])) == len(d['y'])
        r = st.spearmanr(d['x'], d['y'])
        return [float(r.statistic), float(r.pvalue)]

    def hand(d):
        rx = franks(d['x']); ry = franks(d['y']); n = len(rx)
        rho = 1 - Fr(6) * sum((a - b) ** 2 for a, b in zip(rx, ry)) / (n * (n * n - 1))
        t = M(rho) * mp.sqrt((n - 2) / (1 - M(rho) ** 2))
        return [M(rho), p_t2(t, n - 2)]
    return dict(kind=5, data=data, render=render, parse=parse, lib=lib, hand=hand,
                names=["Spearman rho", "p (t approximation)"], tols=[1e-4, 2e-3], pidx=[1], tools=["correlation"],
                intent="Spearman rho (no ties) with the t-approximation p-value, t = rho sqrt((n-2)/(1-rho^2)), df = n - 2.")


def q65(rng):
    while True:   # redraw (deterministically) until the pooled sample has no ties
        g = {}
        for s, m, n in (("Mould 1", 31.0, 6), ("Mould 2", 32.4, 7), ("Mould 3", 30.2, 6)):
            g[s] = rl(rng.normal(m, 1.3, n), 2)
        allv = g["Mould 1"] + g["Mould 2"] + g["Mould 3"]
        if len(set(allv)) == len(allv):
            break
    data = dict(g1=g["Mould 1"], g2=g["Mould 2"], g3=g["Mould 3"])

    def render(d):
        rows = "\n".join(f"Mould {i}  " + "  ".join(f"{v:.2f}" for v in d[f'g{i}']) for i in (1, 2, 3))
        return ("Shrinkage (per mille) from three moulds of the same part. My manager asked for a Kruskal-Wallis test instead of "
                "ANOVA because of a couple of odd values. H and p please; the chi-square approximation for the p is fine.\n\n" + rows)

    def parse(t):
        return {f'g{i}': [fl(v) for v in re.search(rf'^Mould {i}  (.*)$', t, re.M).group(1).split()] for i in (1, 2, 3)}

    def lib(d):
        allv = d['g1'] + d['g2'] + d['g3']
        assert len(set(allv)) == len(allv)
        r = st.kruskal(d['g1'], d['g2'], d['g3'])
        return [float(r.statistic), float(r.pvalue)]

    def hand(d):
        allv = d['g1'] + d['g2'] + d['g3']
        rk = franks(allv); N = len(allv)
        H = Fr(0); i = 0
        for k in ('g1', 'g2', 'g3'):
            n = len(d[k]); R = sum(rk[i:i + n]); i += n
            H += R * R / n
        H = Fr(12, N * (N + 1)) * H - 3 * (N + 1)
        return [M(H), p_chi2_upper(M(H), 2)]
    return dict(kind=5, data=data, render=render, parse=parse, lib=lib, hand=hand,
                names=["H", "p"], tols=[1e-3, 2e-3], pidx=[1], tools=["kruskal_wallis"],
                intent="Kruskal-Wallis H (no ties) across three moulds with the chi-square (df 2) p-value.")


def q66(rng):
    before = rl(rng.normal(7.4, 0.6, 14), 1)
    after = [round(float(b - e), 1) for b, e in zip(before, rng.normal(0.25, 0.35, 14))]
    after[3] = before[3]
    data = dict(before=before, after=after)

    def render(d):
        rows = "\n".join(f"{a:.1f} -> {b:.1f}" for a, b in zip(d['before'], d['after']))
        return ("sign test on these paired readings (before -> after), exact binomial version, two-sided:\n" + rows)

    def parse(t):
        R = re.findall(r'^(-?\d+\.\d) -> (-?\d+\.\d)$', t, re.M)
        return dict(before=[fl(r[0]) for r in R], after=[fl(r[1]) for r in R])

    def lib(d):
        dd = np.round(np.subtract(d['after'], d['before']), 6)
        npos = int(np.sum(dd > 0)); nneg = int(np.sum(dd < 0))
        r = st.binomtest(npos, npos + nneg, 0.5)
        return [npos + nneg, float(r.pvalue)]

    def hand(d):
        D = [Fx(b) - Fx(a) for a, b in zip(d['before'], d['after'])]
        n = sum(1 for v in D if v != 0); k = sum(1 for v in D if v > 0)
        p = 2 * sum(binom_pmf_f(j, n, Fr(1, 2)) for j in range(0, min(k, n - k) + 1))
        return [n, M(min(p, Fr(1)))]
    return dict(kind=5, data=data, render=render, parse=parse, lib=lib, hand=hand,
                names=["non-zero pairs used", "p (exact, two-sided)"], tols=[0, 1e-3], ints=[0], pidx=[1], tools=["sign_test"],
                intent="Paired sign test on after - before with the tied (zero-difference) pairs dropped: number of non-zero pairs and the exact two-sided binomial p.")


def q67(rng):
    blocks = []
    while len(blocks) < 7:   # a panel with tied scores is redrawn (deterministically), so ranks are untied
        base = rng.normal(60, 4)
        row = rl(base + np.array([0.0, 1.2, 2.0, 0.4]) + rng.normal(0, 1.0, 4), 1)
        if len(set(row)) == 4:
            blocks.append(row)
    data = dict(b=blocks)

    def render(d):
        rows = "\n".join(f"| Panel {i + 1} | " + " | ".join(f"{v:.1f}" for v in r) + " |" for i, r in enumerate(d['b']))
        return ("Friedman test please. Seven tasting panels each scored all four recipes once:\n\n"
                "| Panel | R1 | R2 | R3 | R4 |\n|---|---|---|---|---|\n" + rows + "\n\nChi-square statistic and p-value.")

    def parse(t):
        R = re.findall(r'^\| Panel \d+ \| (.*) \|$', t, re.M)
        return dict(b=[[fl(v) for v in r.split(" | ")] for r in R])

    def lib(d):
        for r in d['b']:
            assert len(set(r)) == len(r)
        B = np.array(d['b'])
        r = st.friedmanchisquare(*[B[:, j] for j in range(B.shape[1])])
        return [float(r.statistic), float(r.pvalue)]

    def hand(d):
        n = len(d['b']); k = len(d['b'][0])
        R = [Fr(0)] * k
        for row in d['b']:
            rk = franks(row)
            R = [a + b for a, b in zip(R, rk)]
        Q = Fr(12, n * k * (k + 1)) * sum(r * r for r in R) - 3 * n * (k + 1)
        return [M(Q), p_chi2_upper(M(Q), k - 1)]
    return dict(kind=5, data=data, render=render, parse=parse, lib=lib, hand=hand,
                names=["Friedman chi-square", "p"], tols=[1e-3, 2e-3], pidx=[1], tools=["friedman"],
                intent="Friedman test, 4 recipes in 7 panels (blocks), within-panel ranks, chi-square approximation with df 3.")


def q68(rng):
    data = dict(n=20, delta=3, sd=5, alpha=0.05)

    def render(d):
        return (f"Power calc for a two-sample t-test: {d['n']} per group, we want to detect a difference of {d['delta']} units, "
                f"SD is {d['sd']}, alpha = {d['alpha']:.2f} two-sided. What power do we have?")

    def parse(t):
        return dict(n=int(re.search(r'(\d+) per group', t).group(1)), delta=int(re.search(r'difference of (\d+) units', t).group(1)),
                    sd=int(re.search(r'SD is (\d+)', t).group(1)), alpha=fl(re.search(r'alpha = (\d+\.\d+)', t).group(1)))

    def lib(d):
        return [float(TTestIndPower().power(effect_size=d['delta'] / d['sd'], nobs1=d['n'], alpha=d['alpha']))]

    def hand(d):
        return [h_power_2t(d['n'], M(Fr(d['delta'], d['sd'])), M(Fx(d['alpha'])))]
    return dict(kind=5, data=data, render=render, parse=parse, lib=lib, hand=hand,
                names=["power"], tols=[1e-3], tools=["power"],
                intent="Power of the two-sided two-sample t-test with n = 20 per group and d = 3/5 at alpha 0.05 (noncentral t).")


def q69(rng):
    g = []
    for sd in (0.8, 1.0, 1.7, 0.9):
        g.append(rl(rng.normal(15.0, sd, 6), 1))
    data = dict(g=g)

    def render(d):
        rows = "\n".join(f"Oven {chr(65 + i)}: " + " ".join(f"{v:.1f}" for v in r) for i, r in enumerate(d['g']))
        return ("We've got four curing ovens and before we pool their output QA wants to know whether they are equally "
                "consistent. Bartlett's test please (yes, I know it assumes normality - that's fine here). Hardness readings:\n" + rows)

    def parse(t):
        R = re.findall(r'^Oven [A-Z]: (.*)$', t, re.M)
        return dict(g=[[fl(v) for v in r.split()] for r in R])

    def lib(d):
        r = st.bartlett(*d['g'])
        return [float(r.statistic), float(r.pvalue)]

    def hand(d):
        k = len(d['g']); ns = [len(x) for x in d['g']]; N = sum(ns)
        vs = [fvar(x) for x in d['g']]
        sp2 = sum((n - 1) * v for n, v in zip(ns, vs)) / (N - k)
        num = (N - k) * mp.log(M(sp2)) - sum((n - 1) * mp.log(M(v)) for n, v in zip(ns, vs))
        den = 1 + (M(sum(Fr(1, n - 1) for n in ns)) - mp.mpf(1) / (N - k)) / (3 * (k - 1))
        T = num / den
        return [T, p_chi2_upper(T, k - 1)]
    return dict(kind=5, data=data, render=render, parse=parse, lib=lib, hand=hand,
                names=["Bartlett chi-square", "p"], tols=[1e-3, 2e-3], pidx=[1], tools=["variance_test"],
                intent="Bartlett's test of equal variances over four ovens (df 3): corrected statistic and p-value.")


def q70(rng):
    x = int(rng.binomial(150, 0.018))
    data = dict(x=x, n=150, p0=1)

    def render(d):
        return (f"We found {d['x']} nonconforming in a sample of {d['n']}. The supplier claims the rate is at most {d['p0']}%. "
                "Exact binomial test - is there evidence the rate is higher than claimed? one-sided p please")

    def parse(t):
        return dict(x=int(re.search(r'found (\d+) nonconforming', t).group(1)), n=int(re.search(r'sample of (\d+)', t).group(1)),
                    p0=int(re.search(r'at most (\d+)%', t).group(1)))

    def lib(d):
        return [float(st.binomtest(d['x'], d['n'], d['p0'] / 100, alternative='greater').pvalue)]

    def hand(d):
        p = Fr(d['p0'], 100)
        return [M(1 - sum(binom_pmf_f(k, d['n'], p) for k in range(d['x'])))]
    return dict(kind=5, data=data, render=render, parse=parse, lib=lib, hand=hand,
                names=["p (exact, one-sided upper)"], tols=[1e-3], pidx=[0], tools=["proportion_test"],
                intent="Exact one-sided binomial test H0 p <= 0.01 vs p > 0.01: P(X >= x | n = 150, p = 0.01).")


QFUNCS = [globals()[f"q{i:02d}"] for i in range(1, 71)]

# ----------------------------------------------------------------------------
# checks
# ----------------------------------------------------------------------------


def deq(a, b):
    if isinstance(a, dict):
        return isinstance(b, dict) and set(a) == set(b) and all(deq(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return isinstance(b, list) and len(a) == len(b) and all(deq(x, y) for x, y in zip(a, b))
    if isinstance(a, bool) or isinstance(b, bool):
        return a is b
    if isinstance(a, int):
        return type(b) is int and a == b
    if isinstance(a, float):
        return type(b) is float and abs(a - b) <= 1e-9 * max(1.0, abs(a))
    return a == b


def leaves(d, path=()):
    if isinstance(d, dict):
        for k, v in d.items():
            yield from leaves(v, path + (k,))
    elif isinstance(d, list):
        for i, v in enumerate(d):
            yield from leaves(v, path + (i,))
    elif isinstance(d, (int, float)) and not isinstance(d, bool):
        yield path


def getp(d, p):
    for k in p:
        d = d[k]
    return d


def setp(d, p, v):
    for k in p[:-1]:
        d = d[k]
    d[p[-1]] = v


def close(a, b, rel):
    a = float(a); b = float(b)
    return abs(a - b) <= rel * max(abs(a), abs(b), 1e-300)


def results_equal(r1, r2):
    return len(r1) == len(r2) and all((float(a) == float(b)) for a, b in zip(r1, r2))


def check_types(vals, ints):
    for i, v in enumerate(vals):
        if i in ints:
            assert isinstance(v, (int, np.integer)) and not isinstance(v, bool), (i, v)


def main():
    rng = np.random.default_rng(SEED)
    tools_txt = [l.split()[0] for l in open(os.path.join(HERE, "TOOLS.txt")) if l.strip()]
    TOOLS = set(tools_txt)
    records, meta_ref = [], []
    n_mut = 0
    texts = set()
    for qi, fn in enumerate(QFUNCS, start=1):
        qid = f"e{qi:02d}"
        Q = fn(rng)
        kind = Q['kind']
        assert kind == (qi - 1) // 14 + 1, (qid, kind)
        data = Q['data']
        text = Q['render'](data)
        assert text not in texts, qid
        texts.add(text)
        parsed = Q['parse'](text)
        assert deq(parsed, data), (qid, "re-parse mismatch", parsed, data)
        assert Q['render'](parsed) == text, qid
        refuse = Q.get('refuse', False)
        tools = list(dict.fromkeys(Q['tools'] + ["dsl_run"]))
        for t in tools:
            assert t in TOOLS, (qid, t)
        expect = []
        if refuse:
            assert Q['defect'](copy.deepcopy(data)) is True, (qid, "defect not present in data")
            assert Q['defect'](copy.deepcopy(parsed)) is True, (qid, "defect not present in parsed text")
            meta_ref.append(dict(id=qid, reason=Q['reason']))
        else:
            ints = set(Q.get('ints', []))
            a = Q['lib'](copy.deepcopy(data))
            b = Q['hand'](copy.deepcopy(data))
            ap = Q['lib'](copy.deepcopy(parsed))
            check_types(a, ints)
            assert results_equal(a, ap), (qid, "compute(parsed) != compute(data)")
            assert len(a) == len(b) == len(Q['names']) == len(Q['tols']), qid
            assert 1 <= len(a) <= 3, qid
            for i, (x, y) in enumerate(zip(a, b)):
                if i in ints:
                    assert int(x) == int(y) and Q['tols'][i] == 0, (qid, i, x, y)
                else:
                    assert math.isfinite(float(x)), (qid, i, x)
                    assert close(x, y, 1e-4), (qid, i, float(x), float(y))
                assert float(x) != 0.0, (qid, i, "expected value is exactly 0")
            for i in Q.get('pidx', []):
                assert 1e-4 <= float(a[i]) <= 0.99, (qid, i, "p-value out of range", float(a[i]))
            for i, (nm, x, tl) in enumerate(zip(Q['names'], a, Q['tols'])):
                v = int(x) if i in ints else float(f"{float(x):.10g}")
                expect.append(dict(name=nm, value=v, tol=tl))
        # mutation test
        changed = refuse
        for path in list(leaves(data)):
            md = copy.deepcopy(data)
            v = getp(md, path)
            setp(md, path, v + 1 if isinstance(v, int) else round(v + 1, 10))
            mt = Q['render'](md)
            assert mt != text, (qid, path)
            mpd = Q['parse'](mt)
            assert deq(mpd, md), (qid, "mutation re-parse mismatch", path)
            n_mut += 1
            if not changed:
                try:
                    r = Q['lib'](copy.deepcopy(md))
                except Exception:
                    continue
                if not results_equal(r, a):
                    changed = True
        assert changed, (qid, "no mutation changes a computed result")
        records.append(dict(id=qid, kind=kind, question=text, intent=Q['intent'], tools=tools, expect=expect, refuse=refuse))
    # global sanity
    assert len(records) == 70
    assert [r['id'] for r in records] == [f"e{i:02d}" for i in range(1, 71)]
    assert sum(r['refuse'] for r in records) == 7
    for r in records:
        assert (r['expect'] == []) == r['refuse']
        assert "dsl_run" in r['tools']
    counts = {str(k): sum(1 for r in records if r['kind'] == k) for k in range(1, 6)}
    assert all(v == 14 for v in counts.values())
    out = os.path.join(HERE, "round35.jsonl")
    with open(out, "w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False, sort_keys=False) + "\n")
    md5 = hashlib.md5(open(out, "rb").read()).hexdigest()
    meta = dict(counts_per_kind=counts, refusal_ids=[m['id'] for m in meta_ref], refusals=meta_ref,
                n_refusals=len(meta_ref), mutation_checks=n_mut,
                seed=SEED, md5_round35_jsonl=md5)
    with open(os.path.join(HERE, "round35_meta.json"), "w", encoding="utf-8") as f:
        json.dump(meta, f, indent=2, ensure_ascii=False)
        f.write("\n")
    print("ok", md5, counts, [m['id'] for m in meta_ref], "mutation checks:", n_mut)


if __name__ == "__main__":
    main()
