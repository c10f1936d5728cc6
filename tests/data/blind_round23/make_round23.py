#!/usr/bin/env python3
"""make_round23.py -- builds round23.jsonl, blind evaluation round 23 for HAVOC.

Every question is a function that returns its text, its data, and three
computations:
  lib(data)    -> expected numbers from scipy / statsmodels / sympy / numpy  (check a)
  hand(data)   -> the same numbers from an independent hand computation       (check b)
  parse(text)  -> the data read back out of the question TEXT; lib() is rerun (check c)
The runner asserts (b) == (a) to 1e-4 relative (integers exactly; SPC limits
with rounded table constants vs sigma = Rbar/d2: 5e-4) and (c) == (a) to 1e-9.

usage:  python make_round23.py            # checks + writes round23.jsonl
        python make_round23.py --mutate   # mutation test of check (c)
"""
import sys, re, json, math, itertools, ast, hashlib, os
from fractions import Fraction as Fr
from functools import lru_cache

import numpy as np
import scipy.stats as st
from scipy import optimize
import mpmath as mp
import sympy as sp
from sympy.parsing.sympy_parser import (parse_expr, standard_transformations,
                                        implicit_multiplication_application, convert_xor)
import pandas as pd
import statsmodels.api as sm
import statsmodels.formula.api as smf
from statsmodels.stats.power import TTestIndPower, TTestPower
from statsmodels.stats.proportion import proportions_ztest
from statsmodels.stats.weightstats import ttest_ind as sm_ttest_ind
from statsmodels.stats.oneway import anova_oneway as sm_anova_oneway

mp.mp.dps = 30
HERE = os.path.dirname(os.path.abspath(__file__))

# --------------------------------------------------------------------------
# hand-computation helpers (pure python + mpmath special functions)
# --------------------------------------------------------------------------
fsum = math.fsum


def hmean(x):
    return fsum(x) / len(x)


def hvar(x):
    m = hmean(x)
    return fsum((v - m) ** 2 for v in x) / (len(x) - 1)


def tp2(t, df):
    """two-sided p of Student t via the regularized incomplete beta."""
    df = mp.mpf(df)
    return float(mp.betainc(df / 2, mp.mpf(1) / 2, 0, df / (df + mp.mpf(t) ** 2), regularized=True))


def tcdf(t, df):
    half = tp2(t, df) / 2
    return half if t < 0 else 1 - half


def f_sf(F, d1, d2):
    d1, d2, F = mp.mpf(d1), mp.mpf(d2), mp.mpf(F)
    return float(mp.betainc(d2 / 2, d1 / 2, 0, d2 / (d2 + d1 * F), regularized=True))


def chi2_sf(x, k):
    return float(mp.gammainc(mp.mpf(k) / 2, mp.mpf(x) / 2, mp.inf, regularized=True))


def norm_p2(z):
    return float(mp.erfc(abs(mp.mpf(z)) / mp.sqrt(2)))


def norm_sf(z):
    return float(mp.erfc(mp.mpf(z) / mp.sqrt(2)) / 2)


def t_quant_2s(alpha, df):
    """t such that the two-sided p equals alpha (bisection on the incomplete beta)."""
    lo, hi = mp.mpf(0), mp.mpf(1000)
    for _ in range(200):
        mid = (lo + hi) / 2
        if tp2(mid, df) > alpha:
            lo = mid
        else:
            hi = mid
    return (lo + hi) / 2


def ranks_noties(v):
    order = sorted(range(len(v)), key=lambda i: v[i])
    r = [0] * len(v)
    for k, i in enumerate(order):
        r[i] = k + 1
    assert len(set(v)) == len(v), "ties where none expected"
    return r


def signed_rank_counts(n):
    c = [1]
    for k in range(1, n + 1):
        new = [0] * (len(c) + k)
        for s, v in enumerate(c):
            new[s] += v
            new[s + k] += v
        c = new
    return c


def wsr_exact(d):
    """W+ and exact two-sided p (no zeros, no ties in |d|)."""
    assert all(abs(x) > 1e-12 for x in d)
    ad = [round(abs(x), 9) for x in d]
    rk = ranks_noties(ad)
    wp = sum(r for r, x in zip(rk, d) if x > 0)
    c = signed_rank_counts(len(d))
    tot = 2 ** len(d)
    lo, hi = Fr(sum(c[:wp + 1]), tot), Fr(sum(c[wp:]), tot)
    return wp, float(min(Fr(1), 2 * min(lo, hi)))


@lru_cache(None)
def mw_counts(m, n):
    """counts of U_x = #(x > y) over all C(m+n, m) arrangements."""
    if m == 0 or n == 0:
        return (1,)
    a, b = mw_counts(m - 1, n), mw_counts(m, n - 1)
    out = [0] * max(len(a) + n, len(b))
    for u, v in enumerate(a):
        out[u + n] += v
    for u, v in enumerate(b):
        out[u] += v
    return tuple(out)


def mw_exact(x, y):
    allv = list(x) + list(y)
    assert len(set(allv)) == len(allv)
    u = sum(1 for a in x for b in y if a > b)
    c = mw_counts(len(x), len(y))
    tot = sum(c)
    return u, Fr(sum(c[:u + 1]), tot), Fr(sum(c[u:]), tot)   # U, P(U<=u), P(U>=u)


def median(v):
    s = sorted(v)
    n = len(s)
    return s[n // 2] if n % 2 else (s[n // 2 - 1] + s[n // 2]) / 2


W2N = {'zero': 0, 'one': 1, 'two': 2, 'three': 3, 'four': 4, 'five': 5, 'six': 6, 'seven': 7,
       'eight': 8, 'nine': 9, 'ten': 10, 'eleven': 11, 'twelve': 12, 'thirteen': 13,
       'fourteen': 14, 'fifteen': 15, 'sixteen': 16, 'twenty': 20, 'thirty': 30, 'forty': 40,
       'fifty': 50, 'sixty': 60, 'seventy': 70, 'eighty': 80, 'ninety': 90, 'duplicate': 2,
       'triplicate': 3, 'twice': 2, 'thrice': 3}


def num(s):
    s = s.strip().lower()
    if s in W2N:
        return W2N[s]
    return float(s) if ('.' in s or 'e' in s) else int(s)


NUM = r'-?\d+(?:\.\d+)?'


def floats(s):
    return [float(v) for v in re.findall(NUM, s)]


def md_rows(t):
    out = []
    for line in t.splitlines():
        s = line.strip()
        if s.startswith('|') and not re.match(r'^\|[\s:|-]+\|$', s):
            out.append([c.strip() for c in s.strip('|').split('|')])
    return out


X, Y, Z = sp.symbols('x y z')
TRANS = standard_transformations + (implicit_multiplication_application, convert_xor)


def P(s, **extra):
    loc = {'e': sp.E, 'x': X, 'y': Y, 'z': Z, 'pi': sp.pi}
    loc.update(extra)
    return parse_expr(s.replace('√', 'sqrt').replace('−', '-'), transformations=TRANS, local_dict=loc)


# SPC table constants (standard tables, n = 2..10)
A2 = {2: 1.880, 3: 1.023, 4: 0.729, 5: 0.577, 6: 0.483, 7: 0.419, 8: 0.373, 9: 0.337, 10: 0.308}
D3 = {2: 0, 3: 0, 4: 0, 5: 0, 6: 0, 7: 0.076, 8: 0.136, 9: 0.184, 10: 0.223}
D4 = {2: 3.267, 3: 2.574, 4: 2.282, 5: 2.114, 6: 2.004, 7: 1.924, 8: 1.864, 9: 1.816, 10: 1.777}
d2 = {2: 1.128, 3: 1.693, 4: 2.059, 5: 2.326, 6: 2.534, 7: 2.704, 8: 2.847, 9: 2.970, 10: 3.078}
d3 = {2: 0.853, 3: 0.888, 4: 0.880, 5: 0.864, 6: 0.848, 7: 0.833, 8: 0.820, 9: 0.808, 10: 0.797}


# noncentral t by quadrature over the chi-square mixing density (hand power)
def nct_cdf(t, df, nc):
    with mp.workdps(20):
        df, t, nc = mp.mpf(df), mp.mpf(t), mp.mpf(nc)
        lc = -(df / 2) * mp.log(2) - mp.loggamma(df / 2)

        def f(v):
            if v == 0:
                return mp.mpf(0)
            return mp.ncdf(t * mp.sqrt(v / df) - nc) * mp.exp(lc + (df / 2 - 1) * mp.log(v) - v / 2)
        s = mp.sqrt(2 * df)
        pts = sorted(set([mp.mpf(0)] + [p for p in (df - 8 * s, df - 3 * s, df, df + 3 * s, df + 8 * s) if p > 0]))
        return mp.quad(f, pts + [mp.inf])


def power_t_hand(nc, df, alpha):
    tc = t_quant_2s(alpha, df)
    return float(1 - nct_cdf(tc, df, nc) + nct_cdf(-tc, df, nc))


def smallest_n(powf, target, lo=2, hi=5000):
    assert powf(hi) >= target
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if powf(mid) >= target:
            hi = mid
        else:
            lo = mid
    return hi


# two-level design builders (numpy) used as the "library" side for run counts
def full2(k):
    return np.array(list(itertools.product([-1, 1], repeat=k)), dtype=int)


def gf2_rank(vecs):
    rows = [int(''.join(map(str, v)), 2) for v in vecs]
    rank = 0
    for bit in reversed(range(max(1, max((r.bit_length() for r in rows), default=1)))):
        piv = [r for r in rows if (r >> bit) & 1]
        if not piv:
            continue
        p = piv[0]
        rows = [r ^ p if (r >> bit) & 1 and r is not p else r for r in rows if r is not p]
        rank += 1
    return rank


def blocked_factorial(k, nblocks):
    """2^k in nblocks blocks (power of 2) by confounding independent high-order interactions."""
    q = int(round(math.log2(nblocks)))
    assert 2 ** q == nblocks and q < k
    D = full2(k)
    words = sorted([w for r in range(2, k + 1) for w in itertools.combinations(range(k), r)],
                   key=lambda w: (-len(w), w))
    chosen = []
    for w in words:
        trial = chosen + [w]
        vecs = [[1 if i in ww else 0 for i in range(k)] for ww in trial]
        if gf2_rank(vecs) < len(trial):
            continue
        # no main effect may lie in the span of the chosen words
        span = set()
        for r in range(1, len(trial) + 1):
            for comb in itertools.combinations(trial, r):
                s = set()
                for ww in comb:
                    s ^= set(ww)
                span.add(frozenset(s))
        if any(len(s) == 1 for s in span):
            continue
        chosen = trial
        if len(chosen) == q:
            break
    assert len(chosen) == q
    cols = np.column_stack([np.prod(D[:, list(w)], axis=1) for w in chosen]) if q else np.zeros((len(D), 0), int)
    labels = [tuple(r) for r in cols]
    blocks = sorted(set(labels))
    sizes = [labels.count(b) for b in blocks]
    assert len(set(sizes)) == 1
    return D, labels, blocks


def pb_design(N):
    gens = {12: "++-+++---+-", 20: "++--++++-+-+----++-", 24: "+++++-+-++--++--+-+----"}
    if N & (N - 1) == 0:
        H = np.array([[1]])
        while len(H) < N:
            H = np.block([[H, H], [H, -H]])
        return H[:, 1:]
    g = np.array([1 if c == '+' else -1 for c in gens[N]])
    rows = [np.roll(g, i) for i in range(N - 1)] + [-np.ones(N - 1, int)]
    M = np.array(rows)
    assert np.all(M.T @ M == N * np.eye(N - 1))
    return M


# --------------------------------------------------------------------------
# questions
# --------------------------------------------------------------------------
QUESTIONS = []


def question(fn):
    QUESTIONS.append(fn)
    return fn


def refusal(kind, text, intent, check):
    return dict(kind=kind, text=text, intent=intent, refuse=True, rcheck=check)


# ============================ KIND 1: tables ================================

@question
def k1_paired_csv():
    before = [24.6, 25.3, 23.9, 26.1, 24.8, 25.5, 23.7, 24.9, 26.3, 25.0]
    after = [23.1, 24.8, 22.0, 25.7, 24.9, 23.6, 23.2, 23.0, 25.1, 24.6]
    rows = "\n".join(f"F-{101 + i},{b},{a}" for i, (b, a) in enumerate(zip(before, after)))
    text = ("Break-loose torque (N·m) on the same ten fasteners, measured before and after the 48 h "
            "vibration soak. Paired t-test please: has the mean torque changed? I need t, the two-sided "
            "p-value and the mean change.\n\nfastener_id,before,after\n" + rows)

    def lib(d):
        b, a = map(np.array, d)
        r = st.ttest_rel(a, b)
        return [abs(r.statistic), r.pvalue, abs(np.mean(a - b))]

    def hand(d):
        b, a = d
        dd = [x - y for x, y in zip(a, b)]
        n, m = len(dd), hmean(dd)
        t = m / math.sqrt(hvar(dd) / n)
        return [abs(t), tp2(t, n - 1), abs(m)]

    def parse(t):
        r = re.findall(r'^F-\d+,(' + NUM + r'),(' + NUM + r')\s*$', t, re.M)
        return [[float(a) for a, _ in r], [float(b) for _, b in r]]
    return dict(kind=1, text=text, data=[before, after], lib=lib, hand=hand, parse=parse,
                whats=["|t|", "p (two-sided)", "|mean difference|"], rels=[.005, .02, .005],
                tools=["t_test", "dsl_run"],
                intent="paired t-test; CSV whose first column is a fastener id, before/after columns")


@question
def k1_wilcoxon_markdown():
    names = ["Priya", "Tomás", "Wei", "Oksana", "Dev", "Aroha", "Jonas", "Lena", "Kofi"]
    morning = [38.2, 45.0, 31.7, 29.4, 52.3, 27.9, 41.6, 36.0, 48.8]
    evening = [40.1, 44.1, 35.0, 30.2, 55.8, 28.4, 41.9, 38.6, 47.5]
    body = "\n".join(f"| {n} | {a} | {b} |" for n, a, b in zip(names, morning, evening))
    text = ("hi, for my kinesiology lab I have grip strength (kg) for the same people in the morning and "
            "in the evening:\n\n| name | morning | evening |\n|---|---|---|\n" + body +
            "\n\nWe're told to use the Wilcoxon signed-rank test on morning − evening (exact p, two-sided). "
            "What are T+ and p?")

    def lib(d):
        m, e = map(np.array, d)
        r = st.wilcoxon(m, e, method='exact')
        wp = float(np.sum(st.rankdata(np.abs(m - e))[(m - e) > 0]))
        assert abs(wp - r.statistic) < 1e-9   # T+ is the smaller sum here, so both conventions agree
        return [wp, r.pvalue]

    def hand(d):
        m, e = d
        wp, p = wsr_exact([a - b for a, b in zip(m, e)])
        return [wp, p]

    def parse(t):
        rows = [r for r in md_rows(t) if re.fullmatch(NUM, r[1])]
        return [[float(r[1]) for r in rows], [float(r[2]) for r in rows]]
    return dict(kind=1, text=text, data=[morning, evening], lib=lib, hand=hand, parse=parse,
                whats=["T+ (sum of positive ranks, morning − evening)", "p (exact, two-sided)"],
                rels=[0, .02], tools=["wilcoxon_signed_rank", "dsl_run"],
                intent="Wilcoxon signed-rank on a markdown table keyed by person name")


@question
def k1_gof_colon():
    days = ["Mon", "Tue", "Wed", "Thu", "Fri"]
    obs = [58, 41, 37, 44, 65]
    text = ("returns logged by weekday last qtr\n\n" + "\n".join(f"{d}: {o}" for d, o in zip(days, obs)) +
            "\n\nare they spread evenly over the 5 days or not?? chi sq gof pls, stat + p")

    def lib(d):
        r = st.chisquare(d)
        return [r.statistic, r.pvalue]

    def hand(d):
        n = sum(d)
        e = Fr(n, len(d))
        x2 = sum((Fr(o) - e) ** 2 / e for o in d)
        return [float(x2), chi2_sf(float(x2), len(d) - 1)]

    def parse(t):
        return [int(v) for v in re.findall(r'^\w+:\s*(\d+)\s*$', t, re.M)]
    return dict(kind=1, text=text, data=obs, lib=lib, hand=hand, parse=parse,
                whats=["chi-square", "p"], rels=[.005, .02], tools=["chi_square", "dsl_run"],
                intent="goodness of fit to uniform from 'label: count' lines")


@question
def k1_gof_equals():
    cats = ["natural", "black", "grey", "blue"]
    props = [50, 30, 15, 5]
    obs = [187, 131, 58, 24]
    text = ("Resin supplier states the pellet blend is " + ", ".join(f"{p}% {c}" for p, c in zip(props, cats)) +
            ". Counted a 400-pellet grab sample off the hopper:\n\n" +
            "\n".join(f"{c} = {o}" for c, o in zip(cats, obs)) +
            "\n\nChi-square goodness-of-fit against the supplier's blend — statistic and p-value?")

    def lib(d):
        o, p = d
        o = np.array(o, float)
        r = st.chisquare(o, o.sum() * np.array(p) / np.sum(p))
        return [r.statistic, r.pvalue]

    def hand(d):
        o, p = d
        n = sum(o)
        e = [Fr(n) * Fr(pp, sum(p)) for pp in p]
        x2 = sum((Fr(a) - b) ** 2 / b for a, b in zip(o, e))
        return [float(x2), chi2_sf(float(x2), len(o) - 1)]

    def parse(t):
        p = [int(v) for v, _ in re.findall(r'(\d+)% (\w+)', t)]
        o = [int(v) for v in re.findall(r'^\w+ = (\d+)\s*$', t, re.M)]
        return [o, p]
    return dict(kind=1, text=text, data=[obs, props], lib=lib, hand=hand, parse=parse,
                whats=["chi-square", "p"], rels=[.005, .02], tools=["chi_square", "dsl_run"],
                intent="goodness of fit to stated proportions from 'label = count' lines")


@question
def k1_np_chart_tabs():
    lots = [f"24-{311 + i:04d}" for i in range(20)]
    n = 400
    dfc = [14, 19, 12, 17, 22, 15, 11, 18, 16, 20, 13, 17, 15, 21, 14, 18, 12, 16, 19, 13]
    body = "\n".join(f"{l}\t{n}\t{d}" for l, d in zip(lots, dfc))
    text = ("Incoming inspection, connector housings. Same sample size every lot. I want an np chart — "
            "centre line, UCL and LCL.\n\nlot\tinspected\tdefective\n" + body)

    def lib(d):
        nn, c = d
        c = np.array(c, float)
        pbar = c.sum() / (nn * len(c))
        cl = nn * pbar
        s = np.sqrt(cl * (1 - pbar))
        return [cl, cl + 3 * s, max(0.0, cl - 3 * s)]

    def hand(d):
        nn, c = d
        pbar = Fr(sum(c), nn * len(c))
        cl = nn * pbar
        s = math.sqrt(float(cl * (1 - pbar)))
        return [float(cl), float(cl) + 3 * s, max(0.0, float(cl) - 3 * s)]

    def parse(t):
        r = re.findall(r'^[\d-]+\t(\d+)\t(\d+)\s*$', t, re.M)
        ns = {int(a) for a, _ in r}
        assert len(ns) == 1
        return [ns.pop(), [int(b) for _, b in r]]
    return dict(kind=1, text=text, data=[n, dfc], lib=lib, hand=hand, parse=parse,
                whats=["np centre line", "UCL", "LCL"], rels=[.005, .005, .005],
                tools=["control_chart", "dsl_run"], intent="np chart from a tab-separated lot table")


@question
def k1_p_chart_varying():
    wk = [f"wk{i:02d}" for i in range(1, 13)]
    n = [212, 245, 198, 260, 231, 187, 275, 240, 164, 226, 251, 219]
    d = [11, 14, 9, 17, 12, 8, 16, 13, 10, 12, 15, 11]
    body = "\n".join(f"{a},{b},{c}" for a, b, c in zip(wk, n, d))
    text = ("Late shipments by week (orders shipped vary week to week). Build a p chart: what's the centre "
            "line, and what are the control limits for wk07 specifically?\n\nweek,orders_shipped,late\n" + body)

    def lib(dd):
        n, d, i = dd
        n, d = np.array(n, float), np.array(d, float)
        pb = d.sum() / n.sum()
        s = np.sqrt(pb * (1 - pb) / n[i])
        return [pb, pb + 3 * s, max(0.0, pb - 3 * s)]

    def hand(dd):
        n, d, i = dd
        pb = Fr(sum(d), sum(n))
        s = math.sqrt(float(pb * (1 - pb) / n[i]))
        return [float(pb), float(pb) + 3 * s, max(0.0, float(pb) - 3 * s)]

    def parse(t):
        r = re.findall(r'^wk(\d+),(\d+),(\d+)\s*$', t, re.M)
        want = int(re.search(r'limits for wk(\d+)', t).group(1))
        idx = [int(a) for a, _, _ in r].index(want)
        return [[int(b) for _, b, _ in r], [int(c) for _, _, c in r], idx]
    return dict(kind=1, text=text, data=[n, d, 6], lib=lib, hand=hand, parse=parse,
                whats=["p-bar (centre line)", "UCL for wk07", "LCL for wk07"], rels=[.005, .005, .005],
                tools=["control_chart", "dsl_run"], intent="p chart with varying n; limits for one named week")


@question
def k1_u_chart_aligned():
    rolls = [f"R-{i:02d}" for i in range(1, 11)]
    area = [2.0, 3.5, 2.5, 3.0, 4.0, 2.0, 3.5, 3.0, 2.5, 4.0]
    flaws = [9, 14, 8, 13, 19, 7, 12, 15, 10, 16]
    body = "\n".join(f"{r:<8}{a:>10}{f:>9}" for r, a, f in zip(rolls, area, flaws))
    text = ("Film line, surface flaws per sheet. Sheets are cut to different sizes so the inspected area "
            "changes.\n\n" + f"{'sheet':<8}{'area_m2':>10}{'flaws':>9}\n" + body +
            "\n\nWhat is the average flaws per m² for the chart, and the control limits that apply to R-02?")

    def lib(dd):
        a, f, i = dd
        a, f = np.array(a), np.array(f, float)
        ub = f.sum() / a.sum()
        s = np.sqrt(ub / a[i])
        return [ub, ub + 3 * s, max(0.0, ub - 3 * s)]

    def hand(dd):
        a, f, i = dd
        ub = Fr(sum(f)) / sum(Fr(str(x)) for x in a)
        s = math.sqrt(float(ub / Fr(str(a[i]))))
        return [float(ub), float(ub) + 3 * s, max(0.0, float(ub) - 3 * s)]

    def parse(t):
        r = re.findall(r'^R-(\d+)\s+(' + NUM + r')\s+(\d+)\s*$', t, re.M)
        want = int(re.search(r'apply to R-(\d+)', t).group(1))
        return [[float(b) for _, b, _ in r], [int(c) for _, _, c in r], [int(a) for a, _, _ in r].index(want)]
    return dict(kind=1, text=text, data=[area, flaws, 1], lib=lib, hand=hand, parse=parse,
                whats=["u-bar (flaws per m²)", "UCL for R-02", "LCL for R-02"], rels=[.005, .005, .005],
                tools=["control_chart", "dsl_run"], intent="u chart from an aligned table of area and defects")


@question
def k1_regression_csv():
    x = [150, 155, 160, 165, 170, 175, 180, 185, 190, 195, 200, 205]
    y = [14.6, 15.3, 15.5, 16.2, 16.1, 17.0, 17.4, 17.2, 18.3, 18.5, 19.1, 19.0]
    text = ("press_temp_C,bond_strength_MPa\n" + "\n".join(f"{a},{b}" for a, b in zip(x, y)) +
            "\n\nfit bond strenght as a stright line in press temp. Slope, intercept and R-squared?")

    def lib(d):
        x, y = d
        f = sm.OLS(np.array(y), sm.add_constant(np.array(x, float))).fit()
        return [f.params[1], f.params[0], f.rsquared]

    def hand(d):
        x, y = d
        mx, my = hmean(x), hmean(y)
        sxx = fsum((a - mx) ** 2 for a in x)
        sxy = fsum((a - mx) * (b - my) for a, b in zip(x, y))
        syy = fsum((b - my) ** 2 for b in y)
        b1 = sxy / sxx
        return [b1, my - b1 * mx, sxy ** 2 / (sxx * syy)]

    def parse(t):
        r = re.findall(r'^(' + NUM + r'),(' + NUM + r')\s*$', t, re.M)
        return [[float(a) for a, _ in r], [float(b) for _, b in r]]
    return dict(kind=1, text=text, data=[x, y], lib=lib, hand=hand, parse=parse,
                whats=["slope", "intercept", "R²"], rels=[.005, .005, .005],
                tools=["regression", "dsl_run"], intent="simple linear regression from a predictor/response CSV")


@question
def k1_contingency_md():
    rows = ["Day", "Evening", "Night"]
    cols = ["scratch", "dent", "misalign", "other"]
    tab = [[42, 18, 25, 11], [38, 27, 19, 14], [29, 35, 31, 9]]
    body = "\n".join("| " + r + " | " + " | ".join(str(v) for v in row) + " |" for r, row in zip(rows, tab))
    text = ("Is the defect type related to the shift? Counts from the Q3 scrap tags:\n\n| shift | " +
            " | ".join(cols) + " |\n|:--|--:|--:|--:|--:|\n" + body +
            "\n\nPlease give the chi-square statistic, degrees of freedom and p-value.")

    def lib(d):
        c, p, dof, _ = st.chi2_contingency(np.array(d), correction=False)
        return [c, int(dof), p]

    def hand(d):
        N = sum(map(sum, d))
        rs = [sum(r) for r in d]
        cs = [sum(c) for c in zip(*d)]
        x2 = sum((Fr(d[i][j]) - Fr(rs[i] * cs[j], N)) ** 2 / Fr(rs[i] * cs[j], N)
                 for i in range(len(rs)) for j in range(len(cs)))
        dof = (len(rs) - 1) * (len(cs) - 1)
        return [float(x2), dof, chi2_sf(float(x2), dof)]

    def parse(t):
        return [[int(v) for v in r[1:]] for r in md_rows(t) if re.fullmatch(r'\d+', r[1])]
    return dict(kind=1, text=text, data=tab, lib=lib, hand=hand, parse=parse,
                whats=["chi-square", "df", "p"], rels=[.005, 0, .02], tools=["chi_square", "dsl_run"],
                intent="chi-square test of independence on a labelled markdown contingency table")


@question
def k1_long_format_anova():
    g = {"Kessler": [61.2, 63.5, 60.8, 62.9, 64.1, 61.7],
         "Ortiz": [65.3, 66.8, 64.2, 67.5, 65.9, 66.1, 64.8],
         "Nakamura": [62.4, 60.9, 63.8, 61.5, 62.2]}
    rng = np.random.default_rng(2323)
    pairs = [(k, v) for k in g for v in g[k]]
    order = rng.permutation(len(pairs))
    body = "\n".join(f"{pairs[i][0]},{pairs[i][1]}" for i in order)
    text = ("Rockwell hardness of bar stock by supplier (long format, straight from the LIMS export):\n\n"
            "supplier,hrc\n" + body + "\n\nOne-way ANOVA across suppliers: F and p?")

    def lib(d):
        r = st.f_oneway(*d.values())
        return [r.statistic, r.pvalue]

    def hand(d):
        gs = list(d.values())
        allv = [v for x in gs for v in x]
        gm = hmean(allv)
        ssb = fsum(len(x) * (hmean(x) - gm) ** 2 for x in gs)
        ssw = fsum((v - hmean(x)) ** 2 for x in gs for v in x)
        d1, d2 = len(gs) - 1, len(allv) - len(gs)
        F = (ssb / d1) / (ssw / d2)
        return [F, f_sf(F, d1, d2)]

    def parse(t):
        out = {}
        for k, v in re.findall(r'^([A-Za-z]+),(' + NUM + r')\s*$', t, re.M):
            if k != 'supplier':
                out.setdefault(k, []).append(float(v))
        return out
    return dict(kind=1, text=text, data=g, lib=lib, hand=hand, parse=parse,
                whats=["F", "p"], rels=[.005, .02], tools=["anova_oneway", "dsl_run"],
                intent="one-way ANOVA from a long-format group,value table in shuffled order")


@question
def k1_twoway_grid():
    temps = [150, 165, 180]
    cells = [[[41.2, 43.0, 42.1], [44.8, 46.1, 45.0]],
             [[45.9, 47.3, 46.0], [47.2, 48.9, 47.7]],
             [[44.1, 45.5, 43.6], [50.3, 51.8, 49.9]]]
    lines = [f"{t} °C    " + "     ".join(", ".join(str(v) for v in c) for c in row) for t, row in zip(temps, cells)]
    text = ("Peel strength (N/25 mm), three coupons per cell. Rows = cure temperature, columns = resin.\n\n"
            "          resin X              resin Y\n" + "\n".join(lines) +
            "\n\nTwo-way ANOVA with interaction. What are the F ratios for temperature, resin and the "
            "interaction, and the interaction p-value?")

    def lib(c):
        rec = [(i, j, v) for i, row in enumerate(c) for j, cell in enumerate(row) for v in cell]
        df = pd.DataFrame(rec, columns=["A", "B", "y"])
        a = sm.stats.anova_lm(smf.ols("y ~ C(A)*C(B)", df).fit(), typ=2)
        return [a.loc["C(A)", "F"], a.loc["C(B)", "F"], a.loc["C(A):C(B)", "F"], a.loc["C(A):C(B)", "PR(>F)"]]

    def hand(c):
        a, b, n = len(c), len(c[0]), len(c[0][0])
        allv = [v for row in c for cell in row for v in cell]
        gm = hmean(allv)
        mi = [hmean([v for cell in row for v in cell]) for row in c]
        mj = [hmean([v for row in c for v in row[j]]) for j in range(b)]
        mij = [[hmean(cell) for cell in row] for row in c]
        ssa = b * n * fsum((m - gm) ** 2 for m in mi)
        ssb = a * n * fsum((m - gm) ** 2 for m in mj)
        ssab = n * fsum((mij[i][j] - mi[i] - mj[j] + gm) ** 2 for i in range(a) for j in range(b))
        sse = fsum((v - mij[i][j]) ** 2 for i in range(a) for j in range(b) for v in c[i][j])
        dfe = a * b * (n - 1)
        mse = sse / dfe
        fa, fb, fab = ssa / (a - 1) / mse, ssb / (b - 1) / mse, ssab / ((a - 1) * (b - 1)) / mse
        return [fa, fb, fab, f_sf(fab, (a - 1) * (b - 1), dfe)]

    def parse(t):
        out = []
        for line in re.findall(r'^\d+ °C(.*)$', t, re.M):
            v = floats(line)
            h = len(v) // 2
            out.append([v[:h], v[h:]])
        return out
    return dict(kind=1, text=text, data=cells, lib=lib, hand=hand, parse=parse,
                whats=["F temperature", "F resin", "F interaction", "p interaction"],
                rels=[.005, .005, .005, .02], tools=["anova_twoway", "dsl_run"],
                intent="balanced two-way ANOVA from a grid (factor A rows, factor B columns, replicates in cells)")


@question
def k1_spearman_aligned():
    tech = ["Abebe", "Brandt", "Chou", "Duarte", "Eklund", "Farah", "Gallo", "Hughes", "Ito", "Jensen"]
    hrs = [12, 30, 8, 22, 41, 17, 35, 26, 5, 48]
    fpy = [88.5, 90.2, 88.4, 87.1, 92.7, 89.9, 93.5, 91.0, 86.8, 91.3]
    body = "\n".join(f"{a:<10}{b:>6}{c:>10}" for a, b, c in zip(tech, hrs, fpy))
    text = (f"{'tech':<10}{'hours':>6}{'FPY_%':>10}\n" + body +
            "\n\nSpearman rank correlation between training hours and first-pass yield? rho and its p "
            "(the usual t approximation is fine).")

    def lib(d):
        r = st.spearmanr(d[0], d[1])
        return [r.statistic, r.pvalue]

    def hand(d):
        rx, ry = ranks_noties(d[0]), ranks_noties(d[1])
        n = len(rx)
        rho = 1 - 6 * sum((a - b) ** 2 for a, b in zip(rx, ry)) / (n * (n * n - 1))
        t = rho * math.sqrt((n - 2) / (1 - rho * rho))
        return [rho, tp2(t, n - 2)]

    def parse(t):
        r = re.findall(r'^[A-Z][a-z]+\s+(' + NUM + r')\s+(' + NUM + r')\s*$', t, re.M)
        return [[float(a) for a, _ in r], [float(b) for _, b in r]]
    return dict(kind=1, text=text, data=[hrs, fpy], lib=lib, hand=hand, parse=parse,
                whats=["Spearman rho", "p"], rels=[.005, .02], tools=["correlation", "dsl_run"],
                intent="Spearman correlation from an aligned-space table with a name column")


@question
def k1_refuse_pchart_impossible():
    n = [200] * 6
    d = [9, 12, 7, 215, 10, 8]
    dates = ["03-02", "03-03", "03-04", "03-05", "03-06", "03-07"]
    text = ("Build a p chart from this week's final-inspection log, centre line and limits please.\n\n"
            "date,inspected,rejected\n" + "\n".join(f"{a},{b},{c}" for a, b, c in zip(dates, n, d)))

    def check(t):
        r = re.findall(r'^[\d-]+,(\d+),(\d+)$', t, re.M)
        assert any(int(c) > int(b) for b, c in r)
    return refusal(1, text, "refuse: the 03-05 row has 215 rejected out of 200 inspected (proportion > 1); "
                   "the data are inconsistent and must be corrected before any chart", check)


# ====================== KIND 2: intent carried by wording ===================

@question
def k2_mw_no_normality():
    a = [41.2, 39.8, 44.5, 40.1, 38.7, 42.3]
    b = [45.6, 43.9, 47.2, 41.8, 46.5, 44.0, 48.3]
    text = ("Cycle times in seconds. Line A: " + ", ".join(map(str, a)) + ". Line B: " + ", ".join(map(str, b)) +
            ". I'd rather not assume the times are normally distributed. Do the two lines differ? "
            "Give me U for line A and the exact two-sided p-value.")

    def lib(d):
        r = st.mannwhitneyu(d[0], d[1], alternative='two-sided', method='exact')
        return [r.statistic, r.pvalue]

    def hand(d):
        u, lo, hi = mw_exact(*d)
        return [u, float(min(Fr(1), 2 * min(lo, hi)))]

    def parse(t):
        A = re.search(r'Line A: ([\d., ]+?)\. ', t).group(1)
        B = re.search(r'Line B: ([\d., ]+?)\. ', t).group(1)
        return [floats(A), floats(B)]
    return dict(kind=2, text=text, data=[a, b], lib=lib, hand=hand, parse=parse,
                whats=["U (line A; also the smaller U)", "p (exact, two-sided)"], rels=[0, .02],
                tools=["mann_whitney", "dsl_run"], intent="'not assume normal' -> Mann-Whitney, exact p")


@question
def k2_welch():
    s1 = [10.12, 10.08, 10.15, 10.11, 10.09, 10.13, 10.10, 10.14]
    s2 = [10.31, 9.95, 10.42, 10.05, 10.27, 9.88, 10.36, 10.19, 10.02, 10.48, 10.22]
    text = ("Pin diameters (mm) from two suppliers.\nSupplier 1 (n=8): " + " ".join(f"{v:.2f}" for v in s1) +
            "\nSupplier 2 (n=11): " + " ".join(f"{v:.2f}" for v in s2) +
            "\nSupplier 2 is obviously more scattered, so don't assume equal variances. Is there a "
            "difference in mean diameter? t, df and p please.")

    def lib(d):
        t, p, df = sm_ttest_ind(np.array(d[0]), np.array(d[1]), usevar='unequal')
        r = st.ttest_ind(d[0], d[1], equal_var=False)
        assert abs(r.pvalue - p) < 1e-12
        return [abs(t), df, p]

    def hand(d):
        x, y = d
        v1, v2 = hvar(x) / len(x), hvar(y) / len(y)
        t = (hmean(x) - hmean(y)) / math.sqrt(v1 + v2)
        df = (v1 + v2) ** 2 / (v1 ** 2 / (len(x) - 1) + v2 ** 2 / (len(y) - 1))
        return [abs(t), df, tp2(t, df)]

    def parse(t):
        a = re.search(r'Supplier 1 \(n=\d+\): (.*)', t).group(1)
        b = re.search(r'Supplier 2 \(n=\d+\): (.*)', t).group(1)
        return [floats(a), floats(b)]
    return dict(kind=2, text=text, data=[s1, s2], lib=lib, hand=hand, parse=parse,
                whats=["|t|", "Welch df", "p (two-sided)"], rels=[.005, .005, .02],
                tools=["t_test", "dsl_run"], intent="'don't assume equal variances' -> Welch t")


@question
def k2_label_claim():
    fills = [498.2, 501.1, 497.6, 499.0, 496.8, 500.4, 498.9, 497.3, 499.6, 498.1, 497.9, 500.2]
    text = ("The bottles say 500 mL on the label. We pulled twelve off the line and measured the fill: " +
            ", ".join(map(str, fills)) + " mL. Is the mean fill consistent with the label? "
            "Report the sample mean, t and the p-value.")

    def lib(d):
        x, mu = d
        r = st.ttest_1samp(x, mu)
        return [float(np.mean(x)), abs(r.statistic), r.pvalue]

    def hand(d):
        x, mu = d
        m = hmean(x)
        t = (m - mu) / math.sqrt(hvar(x) / len(x))
        return [m, abs(t), tp2(t, len(x) - 1)]

    def parse(t):
        mu = float(re.search(r'say (' + NUM + r') mL', t).group(1))
        x = floats(re.search(r'fill: (.*?) mL\.', t).group(1))
        return [x, mu]
    return dict(kind=2, text=text, data=[fills, 500.0], lib=lib, hand=hand, parse=parse,
                whats=["mean", "|t|", "p (two-sided)"], rels=[.005, .005, .02],
                tools=["t_test", "describe", "dsl_run"], intent="label claim -> one-sample t against 500")


@question
def k2_exclude_point():
    feed = [0.08, 0.10, 0.12, 0.14, 0.16, 0.18, 0.20, 0.22, 0.24, 0.26]
    ra = [0.92, 1.13, 1.28, 1.49, 1.63, 2.90, 2.06, 2.17, 2.44, 2.58]
    runs = "; ".join(f"run {i + 1}: f={a:.2f}, Ra={b:.2f}" for i, (a, b) in enumerate(zip(feed, ra)))
    text = ("Turning trial, feed f in mm/rev and surface roughness Ra in µm.\n" + runs +
            ".\nRun 6 was cut with a chipped insert, so leave it out. Then regress Ra on feed and give "
            "the slope, intercept and R².")

    def lib(d):
        f, r, drop = d
        x = np.array([v for i, v in enumerate(f) if i + 1 != drop])
        y = np.array([v for i, v in enumerate(r) if i + 1 != drop])
        m = sm.OLS(y, sm.add_constant(x)).fit()
        return [m.params[1], m.params[0], m.rsquared]

    def hand(d):
        f, r, drop = d
        x = [v for i, v in enumerate(f) if i + 1 != drop]
        y = [v for i, v in enumerate(r) if i + 1 != drop]
        n = len(x)
        sx, sy = fsum(x), fsum(y)
        sxx, sxy, syy = fsum(a * a for a in x), fsum(a * b for a, b in zip(x, y)), fsum(b * b for b in y)
        b1 = (n * sxy - sx * sy) / (n * sxx - sx * sx)
        b0 = (sy - b1 * sx) / n
        r2 = (n * sxy - sx * sy) ** 2 / ((n * sxx - sx * sx) * (n * syy - sy * sy))
        return [b1, b0, r2]

    def parse(t):
        r = re.findall(r'run (\d+): f=(' + NUM + r'), Ra=(' + NUM + r')', t)
        drop = int(re.search(r'Run (\d+) was', t).group(1))
        return [[float(b) for _, b, _ in r], [float(c) for _, _, c in r], drop]
    return dict(kind=2, text=text, data=[feed, ra, 6], lib=lib, hand=hand, parse=parse,
                whats=["slope (without run 6)", "intercept", "R²"], rels=[.005, .005, .005],
                tools=["regression", "dsl_run"], intent="drop the named run 6, then simple regression")


@question
def k2_c_chart():
    c = [12, 9, 15, 11, 14, 10, 13, 8, 16, 12, 11, 14, 9, 13, 17, 10, 12, 15, 11, 13, 10, 14, 12, 9]
    text = ("Paint audit: we count every defect (runs, craters, dirt) on each door coming off the line, one "
            "door per check, all doors the same model. Last 24 doors: " + " ".join(map(str, c)) +
            ". What centre line and control limits should go on the chart for this?")

    def lib(d):
        c = np.array(d, float)
        cb = c.mean()
        return [cb, cb + 3 * np.sqrt(cb), max(0.0, cb - 3 * np.sqrt(cb))]

    def hand(d):
        cb = Fr(sum(d), len(d))
        s = math.sqrt(float(cb))
        return [float(cb), float(cb) + 3 * s, max(0.0, float(cb) - 3 * s)]

    def parse(t):
        return [int(v) for v in re.search(r'Last \d+ doors: ([\d ]+)\.', t).group(1).split()]
    return dict(kind=2, text=text, data=c, lib=lib, hand=hand, parse=parse,
                whats=["c-bar", "UCL", "LCL"], rels=[.005, .005, .005], tools=["control_chart", "dsl_run"],
                intent="defect counts per constant unit -> c chart (chart type not named)")


@question
def k2_cpk_summary():
    nom, tol, mean, sd = 12.500, 0.020, 12.507, 0.0042
    text = (f"Shaft OD spec is {nom:.3f} ± {tol:.3f} mm. The process runs at a mean of {mean} mm with a "
            f"within-subgroup (short-term) standard deviation of {sd} mm. What are Cp and Cpk?")

    def lib(d):
        nom, tol, m, s = d
        lsl, usl = nom - tol, nom + tol
        return [(usl - lsl) / (6 * s), min(usl - m, m - lsl) / (3 * s)]

    def hand(d):
        nom, tol, m, s = (Fr(str(v)) for v in d)
        lsl, usl = nom - tol, nom + tol
        return [float((usl - lsl) / (6 * s)), float(min(usl - m, m - lsl) / (3 * s))]

    def parse(t):
        nom, tol = map(float, re.search(r'spec is (' + NUM + r') ± (' + NUM + r')', t).groups())
        m = float(re.search(r'mean of (' + NUM + ')', t).group(1))
        s = float(re.search(r'deviation of (' + NUM + ')', t).group(1))
        return [nom, tol, m, s]
    return dict(kind=2, text=text, data=[nom, tol, mean, sd], lib=lib, hand=hand, parse=parse,
                whats=["Cp", "Cpk"], rels=[.005, .005], tools=["summary_capability", "capability", "dsl_run"],
                intent="Cp/Cpk from summary figures with a ± tolerance")


@question
def k2_ppk_one_sided():
    lsl, mean, sd = 18, 22.4, 1.35
    text = ("Pouch seal peel strength has only a lower spec limit, LSL = 18 N — there's no upper limit. "
            "Across all of last month's production (overall, long-term) the mean was 22.4 N and the "
            "standard deviation 1.35 N. What's the Ppk?")

    def lib(d):
        l, m, s = d
        return [(m - l) / (3 * s)]

    def hand(d):
        l, m, s = (Fr(str(v)) for v in d)
        return [float((m - l) / (3 * s))]

    def parse(t):
        l = float(re.search(r'LSL = (' + NUM + ')', t).group(1))
        m = float(re.search(r'mean was (' + NUM + ')', t).group(1))
        s = float(re.search(r'deviation (' + NUM + ')', t).group(1))
        return [l, m, s]
    return dict(kind=2, text=text, data=[lsl, mean, sd], lib=lib, hand=hand, parse=parse,
                whats=["Ppk (= Ppl)"], rels=[.005], tools=["summary_capability", "capability", "dsl_run"],
                intent="Ppk from an overall sd, one-sided (lower) spec only")


@question
def k2_curvature():
    corners = {(-1, -1): 38.2, (1, -1): 44.9, (-1, 1): 41.3, (1, 1): 49.0}
    centre = [45.1, 44.6, 45.8, 44.9, 45.4]
    lines = "\n".join(f"({'+' if a > 0 else '-'}1,{'+' if b > 0 else '-'}1): {v}" for (a, b), v in corners.items())
    text = ("2^2 on the plating bath (A = temperature, B = dwell time), one run at each corner plus five "
            "centre runs. Thickness in µm:\n" + lines + "\ncentre: " + ", ".join(map(str, centre)) +
            "\nIs there curvature? I want the curvature sum of squares, F and p, tested against pure "
            "error from the centre runs.")

    def lib(d):
        cor, cen = d
        rows = [(a, b, 0, v) for (a, b), v in cor.items()] + [(0, 0, 1, v) for v in cen]
        df = pd.DataFrame(rows, columns=["A", "B", "C", "y"])
        an = sm.stats.anova_lm(smf.ols("y ~ A*B + C", df).fit(), typ=2)
        return [an.loc["C", "sum_sq"], an.loc["C", "F"], an.loc["C", "PR(>F)"]]

    def hand(d):
        cor, cen = d
        yf = list(cor.values())
        nf, nc = len(yf), len(cen)
        ss = nf * nc * (hmean(yf) - hmean(cen)) ** 2 / (nf + nc)
        ms_pe = hvar(cen)
        F = ss / ms_pe
        return [ss, F, f_sf(F, 1, nc - 1)]

    def parse(t):
        cor = {(int(a + '1'), int(b + '1')): float(v)
               for a, b, v in re.findall(r'\(([+-])1,([+-])1\): (' + NUM + ')', t)}
        cen = floats(re.search(r'^centre: (.*)$', t, re.M).group(1))
        return [cor, cen]
    return dict(kind=2, text=text, data=[corners, centre], lib=lib, hand=hand, parse=parse,
                whats=["SS curvature", "F curvature", "p"], rels=[.005, .005, .02],
                tools=["doe_curvature", "doe_anova", "dsl_run"],
                intent="curvature test of a 2^2 with centre points against pure error")


@question
def k2_one_sided_claim():
    x = [48.7, 51.2, 47.9, 49.5, 48.1, 50.3, 47.6, 49.0, 48.4, 49.8]
    text = ("our supplier claims the mean pull-off force of their clips is at least 50 N. we tested ten: " +
            ", ".join(map(str, x)) + ". do the data show the mean is actually below 50? "
            "one-sided test, give t and p")

    def lib(d):
        x, mu = d
        r = st.ttest_1samp(x, mu, alternative='less')
        return [abs(r.statistic), r.pvalue]

    def hand(d):
        x, mu = d
        t = (hmean(x) - mu) / math.sqrt(hvar(x) / len(x))
        return [abs(t), tcdf(t, len(x) - 1)]

    def parse(t):
        x = floats(re.search(r'we tested \w+: (.*?)\. do', t).group(1))
        mu = float(re.search(r'below (' + NUM + ')', t).group(1))
        return [x, mu]
    return dict(kind=2, text=text, data=[x, 50.0], lib=lib, hand=hand, parse=parse,
                whats=["|t|", "p (one-sided, H1: mean < 50)"], rels=[.005, .02], tools=["t_test", "dsl_run"],
                intent="claim 'at least 50' -> one-sided lower one-sample t")


@question
def k2_welch_anova():
    g = {"A": [23.1, 22.8, 23.4, 23.0, 22.9, 23.2],
         "B": [24.0, 21.9, 25.3, 22.6, 24.8, 23.5, 21.4],
         "C": [22.5, 22.1, 22.9, 22.3, 22.7],
         "D": [23.9, 25.8, 22.2, 24.6, 26.1, 23.3, 25.0, 24.1]}
    text = ("Tensile elongation (%) of film from four suppliers:\n" +
            "\n".join(f"{k}: " + " ".join(map(str, v)) for k, v in g.items()) +
            "\nThe spreads are clearly different between suppliers, so the group variances should not be "
            "taken as equal. Compare the four means: test statistic, its denominator df, and p.")

    def lib(d):
        r = sm_anova_oneway([np.array(v) for v in d.values()], use_var='unequal', welch_correction=True)
        return [r.statistic, r.df[1], r.pvalue]

    def hand(d):
        gs = list(d.values())
        k = len(gs)
        n = [len(x) for x in gs]
        m = [hmean(x) for x in gs]
        w = [ni / hvar(x) for ni, x in zip(n, gs)]
        W = fsum(w)
        mw = fsum(wi * mi for wi, mi in zip(w, m)) / W
        num_ = fsum(wi * (mi - mw) ** 2 for wi, mi in zip(w, m)) / (k - 1)
        lam = fsum((1 - wi / W) ** 2 / (ni - 1) for wi, ni in zip(w, n))
        den = 1 + 2 * (k - 2) * lam / (k * k - 1)
        F = num_ / den
        df2 = (k * k - 1) / (3 * lam)
        return [F, df2, f_sf(F, k - 1, df2)]

    def parse(t):
        return {k: floats(v) for k, v in re.findall(r'^([A-D]): (.*)$', t, re.M)}
    return dict(kind=2, text=text, data=g, lib=lib, hand=hand, parse=parse,
                whats=["Welch F", "denominator df", "p"], rels=[.005, .005, .02],
                tools=["anova_oneway", "dsl_run"], intent="variances not equal across 4 groups -> Welch ANOVA")


@question
def k2_wilcoxon_no_normality():
    old = [3.42, 2.87, 3.95, 3.11, 4.20, 2.66, 3.78, 3.05, 3.59, 4.02]
    new = [3.38, 2.89, 3.88, 3.06, 4.09, 2.67, 3.69, 3.02, 3.53, 3.92]
    sent = "; ".join(f"panel {i + 1} old {a:.2f} new {b:.2f}" for i, (a, b) in enumerate(zip(old, new)))
    text = ("Ten coated panels were each measured once with the old thickness gauge and once with the new "
            "one (mils): " + sent + ". Differences look skewed and I don't want to rely on normality. "
            "Does the new gauge read differently? Take new minus old; give T+ and the exact p-value.")

    def lib(d):
        o, n = map(np.array, d)
        r = st.wilcoxon(n, o, method='exact')
        dd = n - o
        wp = float(np.sum(st.rankdata(np.abs(dd))[dd > 0]))
        assert abs(wp - r.statistic) < 1e-9
        return [wp, r.pvalue]

    def hand(d):
        o, n = d
        wp, p = wsr_exact([b - a for a, b in zip(o, n)])
        return [wp, p]

    def parse(t):
        r = re.findall(r'panel \d+ old (' + NUM + r') new (' + NUM + ')', t)
        return [[float(a) for a, _ in r], [float(b) for _, b in r]]
    return dict(kind=2, text=text, data=[old, new], lib=lib, hand=hand, parse=parse,
                whats=["T+ (new − old)", "p (exact, two-sided)"], rels=[0, .02],
                tools=["wilcoxon_signed_rank", "dsl_run"],
                intent="paired data, 'don't rely on normality' -> Wilcoxon signed-rank, exact p")


@question
def k2_gof_recipe():
    cats, props, obs = ["peanuts", "raisins", "almonds"], [40, 35, 25], [212, 161, 127]
    text = ("Trail-mix recipe calls for " + ", ".join(f"{p}% {c}" for p, c in zip(props, cats)) +
            " by piece count. I sorted one 500-piece bag:\n" +
            "\n".join(f"{c} - {o}" for c, o in zip(cats, obs)) +
            "\nIs this bag consistent with the recipe? chi-square and p.")

    def lib(d):
        o, p = d
        o = np.array(o, float)
        r = st.chisquare(o, o.sum() * np.array(p, float) / sum(p))
        return [r.statistic, r.pvalue]

    def hand(d):
        o, p = d
        e = [Fr(sum(o) * pp, sum(p)) for pp in p]
        x2 = sum((Fr(a) - b) ** 2 / b for a, b in zip(o, e))
        return [float(x2), chi2_sf(float(x2), len(o) - 1)]

    def parse(t):
        p = [int(v) for v, _ in re.findall(r'(\d+)% (\w+)', t)]
        o = [int(v) for v in re.findall(r'^\w+ - (\d+)$', t, re.M)]
        return [o, p]
    return dict(kind=2, text=text, data=[obs, props], lib=lib, hand=hand, parse=parse,
                whats=["chi-square", "p"], rels=[.005, .02], tools=["chi_square", "dsl_run"],
                intent="stated recipe proportions -> goodness of fit ('label - count' lines)")


@question
def k2_refuse_cpk_no_sd():
    text = ("Bore diameter: spec 25.000 ± 0.030 mm, and the process mean is sitting at 25.013 mm after "
            "the tool change on line 4. What's our Cpk?")

    def check(t):
        assert not re.search(r'(standard deviation|sigma|\bsd\b|σ|range|R-bar)', t, re.I)
        assert len(floats(t)) == 4          # nominal, tolerance, mean, line number: no spread, no data
    return refusal(2, text, "refuse: Cpk needs the process standard deviation (or the data); only the "
                   "mean and the spec limits are given", check)


# =================== KIND 3: numbers in prose with roles ====================

@question
def k3_blocks_capacity():
    text = ("Our furnace can do ten runs in a day and each day will be treated as a block. Plan is a full "
            "two-level factorial in five factors, and every day also gets two centre-point runs (those "
            "count toward the ten). How many runs in total, and how many days does it take?")

    def lib(d):
        cap, k, c = d
        per = cap - c
        nb = 2 ** k // per
        D, labels, blocks = blocked_factorial(k, nb)
        rows = []
        for b in blocks:
            rows += [tuple(r) for r, l in zip(D, labels) if l == b] + [tuple([0] * k)] * c
        return [len(rows), len(blocks)]

    def hand(d):
        cap, k, c = d
        return [2 ** k + c * (2 ** k // (cap - c)), 2 ** k // (cap - c)]

    def parse(t):
        cap = num(re.search(r'can do (\w+) runs', t).group(1))
        k = num(re.search(r'factorial in (\w+) factors', t).group(1))
        c = num(re.search(r'gets (\w+) centre', t).group(1))
        return [cap, k, c]
    return dict(kind=3, text=text, data=[10, 5, 2], lib=lib, hand=hand, parse=parse,
                whats=["total runs", "days (blocks)"], rels=[0, 0], tools=["doe_design", "dsl_run"],
                intent="capacity per day -> block size 8 factorial + 2 centre; 2^5 in 4 blocks = 40 runs")


@question
def k3_three_level():
    text = ("Three factors, each at three levels (low / mid / high), full factorial, and we'll run the whole "
            "thing in triplicate. The work is in Building 7, bay 2, and has to finish before the 2025 audit. "
            "How many runs?")

    def lib(d):
        k, lv, r = d
        D = np.array(list(itertools.product(range(lv), repeat=k)))
        return [len(np.tile(D, (r, 1)))]

    def hand(d):
        k, lv, r = d
        return [lv ** k * r]

    def parse(t):
        k = num(re.search(r'^(\w+) factors', t).group(1))
        lv = num(re.search(r'at (\w+) levels', t).group(1))
        r = num(re.search(r'in (\w+)\.', t).group(1))
        return [k, lv, r]
    return dict(kind=3, text=text, data=[3, 3, 3], lib=lib, hand=hand, parse=parse,
                whats=["runs"], rels=[0], tools=["doe_design", "dsl_run"],
                intent="3^3 full factorial x 3 replicates = 81; building/bay/year are context")


@question
def k3_xbar_r_plan():
    text = ("Sampling plan for line 3: every hour the operator pulls five consecutive shafts and records the "
            "diameter deviation from nominal in µm. After 25 hours the grand average is 12.4 µm and the "
            "average range is 8.6 µm. X-bar/R chart limits please: UCL and LCL for X-bar, and the UCL for R.")

    def lib(d):
        n, xbb, rbar = d
        return [xbb + A2[n] * rbar, xbb - A2[n] * rbar, D4[n] * rbar]

    def hand(d):
        n, xbb, rbar = d
        sigma = rbar / d2[n]
        return [xbb + 3 * sigma / math.sqrt(n), xbb - 3 * sigma / math.sqrt(n), rbar * (1 + 3 * d3[n] / d2[n])]

    def parse(t):
        n = num(re.search(r'pulls (\w+) consecutive', t).group(1))
        xbb = float(re.search(r'grand average is (' + NUM + ')', t).group(1))
        rbar = float(re.search(r'average range is (' + NUM + ')', t).group(1))
        return [n, xbb, rbar]
    return dict(kind=3, text=text, data=[5, 12.4, 8.6], lib=lib, hand=hand, parse=parse, hand_rel=5e-4,
                whats=["UCL X-bar", "LCL X-bar", "UCL R"], rels=[.005, .005, .005],
                tools=["summary_chart", "spc_constants", "control_chart", "dsl_run"],
                intent="'five consecutive shafts every hour' -> subgroup n=5; 25 hours is context")


@question
def k3_ccd():
    text = ("Setting up a response-surface study: 3 factors, central composite, and we want it rotatable. "
            "We'll put 6 centre points in. Total number of runs, and what axial distance (alpha) do we use?")

    def lib(d):
        k, c = d
        F = full2(k).astype(float)
        alpha = float(len(F)) ** 0.25
        ax = np.vstack([s * alpha * np.eye(k)[i] for i in range(k) for s in (-1, 1)])
        D = np.vstack([F, ax, np.zeros((c, k))])
        return [len(D), alpha]

    def hand(d):
        k, c = d
        nf = 2 ** k
        # rotatability: sum x1^4 = 3 sum x1^2 x2^2  ->  nf + 2 a^4 = 3 nf
        a = mp.findroot(lambda a: nf + 2 * a ** 4 - 3 * nf, 1.5)
        return [nf + 2 * k + c, float(a)]

    def parse(t):
        k = num(re.search(r'(\w+) factors', t).group(1))
        c = num(re.search(r'put (\w+) centre', t).group(1))
        return [k, c]
    return dict(kind=3, text=text, data=[3, 6], lib=lib, hand=hand, parse=parse,
                whats=["runs", "alpha"], rels=[0, .005], tools=["doe_design", "doe_properties", "dsl_run"],
                intent="rotatable CCD, k=3 with 6 centre points: 20 runs, alpha = 8^(1/4)")


@question
def k3_box_behnken():
    text = "box behnken w/ four factors + three center pts — how many runs is that"

    def lib(d):
        k, c = d
        rows = []
        for i, j in itertools.combinations(range(k), 2):
            for a, b in itertools.product((-1, 1), repeat=2):
                r = [0] * k
                r[i], r[j] = a, b
                rows.append(r)
        rows += [[0] * k] * c
        return [len(np.array(rows))]

    def hand(d):
        k, c = d
        return [2 * k * (k - 1) + c]

    def parse(t):
        return [num(re.search(r'w/ (\w+) factors', t).group(1)), num(re.search(r'\+ (\w+) center', t).group(1))]
    return dict(kind=3, text=text, data=[4, 3], lib=lib, hand=hand, parse=parse,
                whats=["runs"], rels=[0], tools=["doe_design", "dsl_run"], intent="Box-Behnken k=4 + 3 centre = 27")


@question
def k3_plackett_burman():
    text = ("We're screening nine factors on the extrusion line with a Plackett–Burman design. What's the "
            "smallest PB run count that holds nine factors, and how many runs in total if we tack on 3 centre "
            "points?")

    def lib(d):
        k, c = d
        N = 4
        while N - 1 < k:
            N += 4
        M = pb_design(N)
        return [M.shape[0], M.shape[0] + c]

    def hand(d):
        k, c = d
        N = 4 * math.ceil((k + 1) / 4)
        return [N, N + c]

    def parse(t):
        return [num(re.search(r'screening (\w+) factors', t).group(1)),
                num(re.search(r'tack on (\w+) centre', t).group(1))]
    return dict(kind=3, text=text, data=[9, 3], lib=lib, hand=hand, parse=parse,
                whats=["PB runs", "runs with centre points"], rels=[0, 0], tools=["doe_design", "dsl_run"],
                intent="Plackett-Burman for 9 factors: 12 runs, 15 with 3 centre points")


@question
def k3_fraction_reps_centres():
    text = ("Plan: 2^(6-2) fractional factorial, resolution IV. The whole fraction gets replicated twice, and "
            "we add 4 centre points in total (not per replicate). Total run count?")

    def lib(d):
        k, p, r, c = d
        base = full2(k - p)
        gens = [[0, 1, 2], [1, 2, 3], [0, 2, 3], [0, 1, 3]][:p]
        D = np.column_stack([base] + [np.prod(base[:, g], axis=1) for g in gens])
        D = np.vstack([np.tile(D, (r, 1)), np.zeros((c, k), int)])
        return [D.shape[0]]

    def hand(d):
        k, p, r, c = d
        return [2 ** (k - p) * r + c]

    def parse(t):
        k, p = map(int, re.search(r'2\^\((\d+)-(\d+)\)', t).groups())
        r = num(re.search(r'replicated (\w+)', t).group(1))
        c = num(re.search(r'add (\w+) centre', t).group(1))
        return [k, p, r, c]
    return dict(kind=3, text=text, data=[6, 2, 2, 4], lib=lib, hand=hand, parse=parse,
                whats=["runs"], rels=[0], tools=["doe_design", "dsl_run"],
                intent="2^(6-2) x 2 replicates + 4 centre points in total = 36")


@question
def k3_sample_size_two_sample():
    text = ("Planning a two-sample comparison of mean cure time. We want to detect a difference of 5 min; "
            "from past batches the standard deviation is about 8 min. Two-sided test at alpha = 0.05, "
            "power 90%. How many samples per group (t-test, noncentral t — not the normal shortcut)?")

    def lib(d):
        dl, s, a, pw = d
        return [int(math.ceil(TTestIndPower().solve_power(effect_size=dl / s, alpha=a, power=pw)))]

    def hand(d):
        dl, s, a, pw = d
        return [smallest_n(lambda n: power_t_hand(dl / s * math.sqrt(n / 2), 2 * n - 2, a), pw, 2, 400)]

    def parse(t):
        dl = float(re.search(r'difference of (' + NUM + ')', t).group(1))
        s = float(re.search(r'deviation is about (' + NUM + ')', t).group(1))
        a = float(re.search(r'alpha = (' + NUM + ')', t).group(1))
        pw = float(re.search(r'power (' + NUM + ')%', t).group(1)) / 100
        return [dl, s, a, pw]
    return dict(kind=3, text=text, data=[5.0, 8.0, 0.05, 0.90], lib=lib, hand=hand, parse=parse,
                whats=["n per group"], rels=[0], tools=["power", "dsl_run"],
                intent="two-sample t sample size: delta 5, sd 8, alpha .05 two-sided, power .9")


@question
def k3_power_given_n():
    text = ("Budget allows 15 specimens per group. If the true difference in mean strength is 3 MPa and "
            "σ = 4 MPa, what power does a two-sided two-sample t-test at α = 0.05 have?")

    def lib(d):
        n, dl, s, a = d
        return [TTestIndPower().power(effect_size=dl / s, nobs1=n, alpha=a)]

    def hand(d):
        n, dl, s, a = d
        return [power_t_hand(dl / s * math.sqrt(n / 2), 2 * n - 2, a)]

    def parse(t):
        n = num(re.search(r'allows (\w+) specimens', t).group(1))
        dl = float(re.search(r'strength is (' + NUM + ')', t).group(1))
        s = float(re.search(r'σ = (' + NUM + ')', t).group(1))
        a = float(re.search(r'α = (' + NUM + ')', t).group(1))
        return [n, dl, s, a]
    return dict(kind=3, text=text, data=[15, 3.0, 4.0, 0.05], lib=lib, hand=hand, parse=parse,
                whats=["power"], rels=[.005], tools=["power", "dsl_run"],
                intent="power of a two-sample t: n=15/group, delta 3, sd 4, alpha .05")


@question
def k3_paired_sample_size():
    text = ("Paired before/after study on the same operators. SD of the differences ≈ 2.5 s, and we care "
            "about a mean change of 1.5 s. Using α = 0.01 two-sided and 80% power, how many operaters (pairs) "
            "do we need?")

    def lib(d):
        s, dl, a, pw = d
        return [int(math.ceil(TTestPower().solve_power(effect_size=dl / s, alpha=a, power=pw)))]

    def hand(d):
        s, dl, a, pw = d
        return [smallest_n(lambda n: power_t_hand(dl / s * math.sqrt(n), n - 1, a), pw, 2, 400)]

    def parse(t):
        s = float(re.search(r'differences ≈ (' + NUM + ')', t).group(1))
        dl = float(re.search(r'change of (' + NUM + ')', t).group(1))
        a = float(re.search(r'α = (' + NUM + ')', t).group(1))
        pw = float(re.search(r'and (' + NUM + ')% power', t).group(1)) / 100
        return [s, dl, a, pw]
    return dict(kind=3, text=text, data=[2.5, 1.5, 0.01, 0.80], lib=lib, hand=hand, parse=parse,
                whats=["number of pairs"], rels=[0], tools=["power", "dsl_run"],
                intent="paired t sample size: sd_d 2.5, delta 1.5, alpha .01, power .8")


@question
def k3_describe_context():
    x = [41.8, 43.2, 40.5, 44.1, 42.7, 41.1, 43.9, 42.0]
    text = ("Room 314, 14 March 2024, lot 7781: the eight coating-thickness readings (µm) on the witness "
            "coupon were " + ", ".join(map(str, x)) + ". Mean, standard deviation and a 95% confidence "
            "interval for the mean?")

    def lib(d):
        x, cl = d
        a = np.array(x)
        m, s = a.mean(), a.std(ddof=1)
        lo, hi = st.t.interval(cl, len(a) - 1, loc=m, scale=s / np.sqrt(len(a)))
        return [m, s, lo, hi]

    def hand(d):
        x, cl = d
        m, s = hmean(x), math.sqrt(hvar(x))
        tq = float(t_quant_2s(1 - cl, len(x) - 1))
        h = tq * s / math.sqrt(len(x))
        return [m, s, m - h, m + h]

    def parse(t):
        return [floats(re.search(r'coupon were (.*?)\. Mean', t).group(1)),
                float(re.search(r'a (' + NUM + r')% confidence', t).group(1)) / 100]
    return dict(kind=3, text=text, data=[x, 0.95], lib=lib, hand=hand, parse=parse,
                whats=["mean", "sd", "95% CI lower", "95% CI upper"], rels=[.005] * 4,
                tools=["describe", "t_test", "dsl_run"],
                intent="descriptives; room 314, date and lot 7781 are context only")


@question
def k3_centre_per_block():
    text = ("2^4 full factorial split over 2 blocks (two raw-material batches), with 3 centre points in each "
            "block. How many runs altogether?")

    def lib(d):
        k, nb, c = d
        D, labels, blocks = blocked_factorial(k, nb)
        return [len(D) + c * len(blocks)]

    def hand(d):
        k, nb, c = d
        return [2 ** k + nb * c]

    def parse(t):
        k = int(re.search(r'2\^(\d+)', t).group(1))
        nb = num(re.search(r'over (\w+) blocks', t).group(1))
        c = num(re.search(r'with (\w+) centre points in each', t).group(1))
        return [k, nb, c]
    return dict(kind=3, text=text, data=[4, 2, 3], lib=lib, hand=hand, parse=parse,
                whats=["runs"], rels=[0], tools=["doe_design", "dsl_run"],
                intent="2^4 in 2 blocks with 3 centre points per block = 22")


@question
def k3_refuse_resV():
    text = ("Need a 2^(4-2) fractional factorial for four factors that is resolution V, so no main effect or "
            "two-factor interaction is aliased with another. Give me the generators and the run list.")

    def check(t):
        k, p = map(int, re.search(r'2\^\((\d+)-(\d+)\)', t).groups())
        runs = 2 ** (k - p)
        assert runs - 1 < k + k * (k - 1) // 2   # not even enough df for mains + 2fi
        assert runs - 1 < k + 1                   # fewer df than main effects + 1: resolution <= II
    return refusal(3, text, "refuse: a 2^(4-2) has 4 runs (3 df) for 4 factors, so at best resolution II; "
                   "resolution V is impossible", check)


@question
def k3_refuse_no_sd():
    text = ("How many patients per arm do we need to detect a 5 mg/dL difference in mean LDL between the two "
            "diets, with a two-sided alpha of 0.05 and 90% power?")

    def check(t):
        assert not re.search(r'(standard deviation|\bsd\b|σ|sigma|effect size|variance)', t, re.I)
    return refusal(3, text, "refuse: the sample size needs the standard deviation (or a standardized effect "
                   "size); only the raw difference is given", check)


# ============================== KIND 4: maths ==============================

def sym_first(d):
    return d


@question
def k4_derivative():
    text = "quick one — d/dx (x^3 sin(x)) at x = 2 ? numerical value pls"

    def lib(d):
        e, x0 = d
        return [float(sp.diff(P(e), X).subs(X, x0).evalf(30))]

    def hand(d):
        e, x0 = d
        return [float(mp.diff(lambda t: t ** 3 * mp.sin(t), x0))]

    def parse(t):
        m = re.search(r'd/dx \((.+)\) at x = (' + NUM + ')', t)
        return [m.group(1), float(m.group(2))]
    return dict(kind=4, text=text, data=["x^3 sin(x)", 2.0], lib=lib, hand=hand, parse=parse,
                whats=["derivative at x=2"], rels=[.005], tools=["differentiate", "evaluate", "dsl_run"],
                intent="derivative of x^3 sin x evaluated at 2")


@question
def k4_integral_words():
    text = "What is the integral of x squared times e to the x, from zero to two? A decimal answer is fine."

    def w2e(s):
        return s.replace('x squared', 'x**2').replace('x cubed', 'x**3').replace(' times ', '*') \
                .replace('e to the x', 'exp(x)')

    def lib(d):
        e, a, b = d
        return [float(sp.integrate(P(w2e(e)), (X, a, b)).evalf(30))]

    def hand(d):
        e, a, b = d
        return [float(mp.quad(lambda t: t * t * mp.exp(t), [a, b]))]

    def parse(t):
        m = re.search(r'integral of (.+?), from (\w+) to (\w+)\?', t)
        return [m.group(1), num(m.group(2)), num(m.group(3))]
    return dict(kind=4, text=text, data=["x squared times e to the x", 0, 2], lib=lib, hand=hand, parse=parse,
                whats=["integral (2e^2 - 2)"], rels=[.005], tools=["integrate", "dsl_run"],
                intent="definite integral written in words")


@question
def k4_limit_zero():
    text = "Evaluate the limit as x -> 0 of (sin(3x) - 3x)/x^3 ?"

    def lib(d):
        e, a = d
        return [float(sp.limit(P(e), X, a))]

    def hand(d):
        e, a = d
        return [float(mp.limit(lambda t: (mp.sin(3 * t) - 3 * t) / t ** 3, a))]

    def parse(t):
        m = re.search(r'as x -> (' + NUM + r') of (.+?) \?', t)
        return [m.group(2), float(m.group(1))]
    return dict(kind=4, text=text, data=["(sin(3x) - 3x)/x^3", 0.0], lib=lib, hand=hand, parse=parse,
                whats=["limit (-4.5)"], rels=[.005], tools=["limit", "dsl_run"], intent="limit at 0, answer -9/2")


@question
def k4_cubic_roots():
    text = "Find all real roots of x**3 - 7*x + 3 = 0 (to 4 d.p.)"

    def lib(d):
        r = np.roots(d)
        return sorted(float(v.real) for v in r if abs(v.imag) < 1e-9)

    def hand(d):
        a, b, p, q = d
        assert a == 1 and b == 0
        R = 2 * mp.sqrt(-mp.mpf(p) / 3)
        th = mp.acos(3 * q / (2 * p) * mp.sqrt(-3 / mp.mpf(p)))
        return sorted(float(R * mp.cos(th / 3 - 2 * mp.pi * k / 3)) for k in range(3))

    def parse(t):
        e = re.search(r'roots of (.+?) = 0', t).group(1)
        return [float(c) for c in sp.Poly(P(e), X).all_coeffs()]
    return dict(kind=4, text=text, data=[1.0, 0.0, -7.0, 3.0], lib=lib, hand=hand, parse=parse,
                whats=["root 1", "root 2", "root 3"], rels=[.005] * 3, tools=["solve", "dsl_run"],
                intent="three real roots of a depressed cubic")


@question
def k4_linear_system():
    A = [[2, 3, -1], [4, -1, 2], [-1, 5, 3]]
    b = [5, 6, 2]
    text = "Solve for x, y, z:\n2x + 3y - z = 5\n4x - y + 2z = 6\n-x + 5y + 3z = 2"

    def lib(d):
        A, b = d
        return [float(v) for v in np.linalg.solve(np.array(A, float), np.array(b, float))]

    def hand(d):
        A, b = d
        A = [[Fr(v) for v in r] for r in A]

        def det3(M):
            return (M[0][0] * (M[1][1] * M[2][2] - M[1][2] * M[2][1]) - M[0][1] * (M[1][0] * M[2][2] - M[1][2] * M[2][0])
                    + M[0][2] * (M[1][0] * M[2][1] - M[1][1] * M[2][0]))
        D = det3(A)
        out = []
        for j in range(3):
            M = [[(Fr(b[i]) if c == j else A[i][c]) for c in range(3)] for i in range(3)]
            out.append(float(det3(M) / D))
        return out

    def parse(t):
        eqs = [l for l in t.splitlines() if '=' in l]
        exprs = [P(l.split('=')[0]) - P(l.split('=')[1]) for l in eqs]
        M, v = sp.linear_eq_to_matrix(exprs, [X, Y, Z])
        return [[[int(M[i, j]) for j in range(3)] for i in range(3)], [int(v[i]) for i in range(3)]]
    return dict(kind=4, text=text, data=[A, b], lib=lib, hand=hand, parse=parse,
                whats=["x", "y", "z"], rels=[.005] * 3, tools=["solve", "matrix", "dsl_run"],
                intent="3x3 linear system")


@question
def k4_det4():
    M = [[3, -1, 2, 0], [1, 4, -2, 5], [0, 2, 1, -3], [2, 0, 3, 1]]
    grid = "\n".join(" ".join(f"{v:>3}" for v in r) for r in M)
    text = "determinant of this 4x4?\n\n" + grid

    def lib(d):
        return [int(sp.Matrix(d).det())]

    def hand(d):
        def lap(m):
            if len(m) == 1:
                return m[0][0]
            return sum((-1) ** j * m[0][j] * lap([r[:j] + r[j + 1:] for r in m[1:]]) for j in range(len(m)))
        return [lap(d)]

    def parse(t):
        return [[int(v) for v in l.split()] for l in t.splitlines() if re.fullmatch(r'[\s\d-]+', l) and l.strip()]
    return dict(kind=4, text=text, data=M, lib=lib, hand=hand, parse=parse,
                whats=["determinant"], rels=[0], tools=["matrix", "dsl_run"], intent="4x4 integer determinant")


@question
def k4_inverse():
    A = [[4, 1, 2], [0, 3, 1], [2, 1, 5]]
    text = "A = [[4,1,2],[0,3,1],[2,1,5]]\nwhat is A^-1? decimals ok"
    pick = [(0, 0), (0, 2), (1, 1), (2, 0), (2, 2)]

    def lib(d):
        inv = np.linalg.inv(np.array(d, float))
        return [float(inv[i, j]) for i, j in pick]

    def hand(d):
        a = [[Fr(v) for v in r] for r in d]
        det = (a[0][0] * (a[1][1] * a[2][2] - a[1][2] * a[2][1]) - a[0][1] * (a[1][0] * a[2][2] - a[1][2] * a[2][0])
               + a[0][2] * (a[1][0] * a[2][1] - a[1][1] * a[2][0]))

        def cof(i, j):
            m = [[a[r][c] for c in range(3) if c != j] for r in range(3) if r != i]
            return (-1) ** (i + j) * (m[0][0] * m[1][1] - m[0][1] * m[1][0])
        return [float(cof(j, i) / det) for i, j in pick]     # adjugate = cofactor transpose

    def parse(t):
        return ast.literal_eval(re.search(r'A = (\[\[.*\]\])', t).group(1))
    return dict(kind=4, text=text, data=A, lib=lib, hand=hand, parse=parse,
                whats=["inv[1,1]", "inv[1,3]", "inv[2,2]", "inv[3,1]", "inv[3,3]"], rels=[.005] * 5,
                tools=["matrix", "dsl_run"], intent="inverse of a 3x3 (det 46)")


@question
def k4_eigen():
    M = [[5, 2, 0], [2, 3, 1], [0, 1, 1]]
    text = ("Eigenvalues of the symmetric matrix with rows (5, 2, 0), (2, 3, 1), (0, 1, 1)? "
            "Numerical values are fine.")

    def lib(d):
        M = np.array(d, float)
        assert np.array_equal(M, M.T), "matrix not symmetric"
        return sorted(float(v) for v in np.linalg.eigvalsh(M))

    def hand(d):
        a = d
        tr = a[0][0] + a[1][1] + a[2][2]
        m2 = (a[0][0] * a[1][1] - a[0][1] * a[1][0]) + (a[0][0] * a[2][2] - a[0][2] * a[2][0]) + \
             (a[1][1] * a[2][2] - a[1][2] * a[2][1])
        det = (a[0][0] * (a[1][1] * a[2][2] - a[1][2] * a[2][1]) - a[0][1] * (a[1][0] * a[2][2] - a[1][2] * a[2][0])
               + a[0][2] * (a[1][0] * a[2][1] - a[1][1] * a[2][0]))
        r = mp.polyroots([1, -tr, m2, -det], maxsteps=200, extraprec=50)
        return sorted(float(mp.re(v)) for v in r)

    def parse(t):
        return [[int(v) for v in g.split(',')] for g in re.findall(r'\(([-\d, ]+)\)', t)]
    return dict(kind=4, text=text, data=M, lib=lib, hand=hand, parse=parse,
                whats=["eigenvalue 1", "eigenvalue 2", "eigenvalue 3"], rels=[.005] * 3,
                tools=["matrix", "dsl_run"], intent="eigenvalues of a symmetric 3x3")


@question
def k4_mixed_partial():
    text = "f(x,y) = x^2*y^3 + exp(x*y). Need ∂²f/∂x∂y evaluated at (x, y) = (1, 2)."

    def lib(d):
        e, x0, y0 = d
        return [float(sp.diff(P(e), X, Y).subs({X: x0, Y: y0}).evalf(30))]

    def hand(d):
        e, x0, y0 = d
        return [float(mp.diff(lambda a, b: a ** 2 * b ** 3 + mp.exp(a * b), (x0, y0), (1, 1)))]

    def parse(t):
        e = re.search(r'f\(x,y\) = (.+?)\. ', t).group(1)
        x0, y0 = map(float, re.search(r'= \((' + NUM + '), (' + NUM + r')\)', t).groups())
        return [e, x0, y0]
    return dict(kind=4, text=text, data=["x^2*y^3 + exp(x*y)", 1.0, 2.0], lib=lib, hand=hand, parse=parse,
                whats=["f_xy(1,2) = 24 + 3e^2"], rels=[.005], tools=["differentiate", "evaluate", "dsl_run"],
                intent="mixed partial derivative at a point")


@question
def k4_taylor():
    text = ("Taylor-expand sqrt(x) about x = 4. What are the coefficients of (x-4), (x-4)^2 and (x-4)^3?")

    def lib(d):
        e, a = d
        s = sp.series(P(e), X, a, 4).removeO()
        s = sp.expand(s.subs(X, X + a))
        return [float(s.coeff(X, k)) for k in (1, 2, 3)]

    def hand(d):
        e, a = d
        c = mp.taylor(mp.sqrt, a, 3)
        return [float(c[k]) for k in (1, 2, 3)]

    def parse(t):
        m = re.search(r'expand (.+?) about x = (' + NUM + ')', t)
        return [m.group(1), int(float(m.group(2)))]
    return dict(kind=4, text=text, data=["sqrt(x)", 4], lib=lib, hand=hand, parse=parse,
                whats=["c1 (0.25)", "c2 (-1/64)", "c3 (1/512)"], rels=[.005] * 3, tools=["series", "dsl_run"],
                intent="Taylor coefficients of sqrt(x) about 4")


@question
def k4_improper_integral():
    text = "∫ from 1 to ∞ of dx/(x^2 + x) — converge? if so to what value"

    def lib(d):
        den, a = d
        return [float(sp.integrate(1 / P(den), (X, a, sp.oo)).evalf(30))]

    def hand(d):
        den, a = d
        return [float(mp.quad(lambda t: 1 / (t * t + t), [a, mp.inf]))]

    def parse(t):
        m = re.search(r'from (' + NUM + r') to ∞ of dx/\((.+?)\)', t)
        return [m.group(2), int(float(m.group(1)))]
    return dict(kind=4, text=text, data=["x^2 + x", 1], lib=lib, hand=hand, parse=parse,
                whats=["integral (ln 2)"], rels=[.005], tools=["integrate", "dsl_run"],
                intent="improper integral to infinity, value ln 2")


@question
def k4_limit_inf():
    text = "lim x→∞ (1 + 3/x)^(2x) = ?"

    def lib(d):
        return [float(sp.limit(P(d), X, sp.oo).evalf(30))]

    def hand(d):
        return [float(mp.limit(lambda t: (1 + 3 / t) ** (2 * t), mp.inf))]

    def parse(t):
        return re.search(r'lim x→∞ (.+?) = \?', t).group(1)
    return dict(kind=4, text=text, data="(1 + 3/x)^(2x)", lib=lib, hand=hand, parse=parse,
                whats=["limit (e^6)"], rels=[.005], tools=["limit", "dsl_run"], intent="limit at infinity, e^6")


@question
def k4_transcendental():
    text = "For what values of x does e^x = 3x? Both solutions, numerically."

    def lib(d):
        l, r = d
        f = sp.lambdify(X, P(l) - P(r), 'math')
        return [optimize.brentq(f, 0, 1, xtol=1e-14), optimize.brentq(f, 1, 2, xtol=1e-14)]

    def hand(d):
        # e^x = 3x  <=>  -x e^{-x} = -1/3  <=>  x = -W(-1/3) on both real branches
        return sorted([float(-mp.lambertw(-mp.mpf(1) / 3, 0)), float(-mp.lambertw(-mp.mpf(1) / 3, -1))])

    def parse(t):
        m = re.search(r'does (.+?) = (.+?)\?', t)
        return [m.group(1), m.group(2)]
    return dict(kind=4, text=text, data=["e^x", "3x"], lib=lib, hand=hand, parse=parse,
                whats=["root 1", "root 2"], rels=[.005] * 2, tools=["solve", "dsl_run"],
                intent="two real roots of e^x = 3x")


@question
def k4_refuse_det_nonsquare():
    text = "find the determinant of [[1, 2, 3], [4, 5, 6]]"

    def check(t):
        m = ast.literal_eval(re.search(r'(\[\[.*\]\])', t).group(1))
        assert len(m) != len(m[0])
    return refusal(4, text, "refuse: the matrix is 2x3; a determinant exists only for square matrices", check)


# ================== KIND 5: specific tests, no substitution ==================

@question
def k5_mw_one_sided():
    a = [412, 398, 455, 430, 468, 421, 447]
    b = [385, 402, 376, 418, 391, 409, 366, 395]
    text = ("Wear life (h) on the abrasion rig.\ncoating A: " + ", ".join(map(str, a)) +
            "\ncoating B: " + ", ".join(map(str, b)) +
            "\nUse a Mann-Whitney test, one-sided, alternative that A tends to last longer than B (exact p). "
            "Also give the Hodges-Lehmann estimate of the shift.")

    def lib(d):
        x, y = d
        r = st.mannwhitneyu(x, y, alternative='greater', method='exact')
        hl = float(np.median(np.subtract.outer(np.array(x, float), np.array(y, float))))
        return [r.pvalue, abs(hl)]

    def hand(d):
        x, y = d
        u, lo, hi = mw_exact(x, y)
        return [float(hi), abs(median([p - q for p in x for q in y]))]

    def parse(t):
        return [[int(v) for v in re.findall(r'\d+', re.search(r'coating A: (.*)', t).group(1))],
                [int(v) for v in re.findall(r'\d+', re.search(r'coating B: (.*)', t).group(1))]]
    return dict(kind=5, text=text, data=[a, b], lib=lib, hand=hand, parse=parse,
                whats=["p (exact, one-sided A > B)", "|Hodges-Lehmann shift|"], rels=[.02, .005],
                tools=["mann_whitney", "dsl_run"], intent="one-sided exact Mann-Whitney with HL shift")


@question
def k5_kruskal():
    g = {"Cat-1": [71.3, 68.9, 73.5, 70.2, 69.7, 72.8],
         "Cat-2": [74.6, 76.1, 73.9, 75.4, 77.2],
         "Cat-3": [70.8, 72.1, 69.3, 71.9, 73.1, 70.5]}
    text = ("Kruskal-Wallis on these batch yields (%) by catalyst, please — H and the p-value from the "
            "chi-square approximation.\n\n" + "\n".join(f"{k}\t" + "\t".join(map(str, v)) for k, v in g.items()))

    def lib(d):
        r = st.kruskal(*d.values())
        return [r.statistic, r.pvalue]

    def hand(d):
        gs = list(d.values())
        allv = [v for x in gs for v in x]
        rk = dict(zip(allv, ranks_noties(allv)))
        N = len(allv)
        H = 12 / (N * (N + 1)) * fsum(sum(rk[v] for v in x) ** 2 / len(x) for x in gs) - 3 * (N + 1)
        return [H, chi2_sf(H, len(gs) - 1)]

    def parse(t):
        return {k: floats(v) for k, v in re.findall(r'^(Cat-\d)\t(.*)$', t, re.M)}
    return dict(kind=5, text=text, data=g, lib=lib, hand=hand, parse=parse,
                whats=["H", "p"], rels=[.005, .02], tools=["kruskal_wallis", "dsl_run"],
                intent="Kruskal-Wallis, tab-separated rows per group")


@question
def k5_fisher():
    tab = [[1, 13], [7, 6]]
    text = ("Leak test results. New seal design: 1 leaker out of 14. Old design: 7 leakers out of 13. "
            "Counts are small, so Fisher's exact test, two-sided. p?")

    def lib(d):
        return [st.fisher_exact(d).pvalue]

    def hand(d):
        (a, b), (c, dd) = d
        r1, c1, N = a + b, a + c, a + b + c + dd
        def pr(x):
            return Fr(math.comb(c1, x) * math.comb(N - c1, r1 - x), math.comb(N, r1))
        po = pr(a)
        lo, hi = max(0, r1 + c1 - N), min(r1, c1)
        return [float(sum(pr(x) for x in range(lo, hi + 1) if pr(x) <= po))]

    def parse(t):
        a, n1 = map(int, re.search(r'New seal design: (\d+) leakers? out of (\d+)', t).groups())
        c, n2 = map(int, re.search(r'Old design: (\d+) leakers? out of (\d+)', t).groups())
        return [[a, n1 - a], [c, n2 - c]]
    return dict(kind=5, text=text, data=tab, lib=lib, hand=hand, parse=parse,
                whats=["p (Fisher exact, two-sided)"], rels=[.02], tools=["proportion_test", "chi_square", "dsl_run"],
                intent="Fisher exact 2x2 from counts in prose")


@question
def k5_binomial_exact():
    text = ("We found 7 nonconforming parts in a sample of 120. The contract AQL assumption is a 2.5% "
            "nonconforming rate. Exact binomial test: is there evidence the true rate is higher than 2.5%? "
            "(one-sided p)")

    def lib(d):
        k, n, p = d
        return [st.binomtest(k, n, p, alternative='greater').pvalue]

    def hand(d):
        k, n, p = d
        p = Fr(str(p))
        return [float(sum(math.comb(n, i) * p ** i * (1 - p) ** (n - i) for i in range(k, n + 1)))]

    def parse(t):
        k, n = map(int, re.search(r'found (\d+) nonconforming parts in a sample of (\d+)', t).groups())
        p = float(re.search(r'is a (' + NUM + ')%', t).group(1)) / 100
        return [k, n, p]
    return dict(kind=5, text=text, data=[7, 120, 0.025], lib=lib, hand=hand, parse=parse,
                whats=["p (exact, one-sided)"], rels=[.02], tools=["proportion_test", "dsl_run"],
                intent="exact binomial test, upper one-sided")


@question
def k5_refuse_wilcoxon_unequal():
    before = [12.1, 11.8, 13.0, 12.6, 11.5, 12.9, 12.2, 13.3]
    after = [11.7, 11.9, 12.4, 12.0, 11.6, 12.3, 11.8, 12.7, 12.1]
    text = ("Same eight welders, weld bead width (mm) before and after the new fixture.\nbefore: " +
            ", ".join(map(str, before)) + "\nafter: " + ", ".join(map(str, after)) +
            "\nRun the Wilcoxon signed-rank test on the paired differences.")

    def check(t):
        b = floats(re.search(r'before: (.*)', t).group(1))
        a = floats(re.search(r'after: (.*)', t).group(1))
        assert len(a) != len(b)
    return refusal(5, text, "refuse: a paired test needs one 'after' per 'before'; there are 8 before values "
                   "and 9 after values, so the pairs cannot be formed", check)


@question
def k5_brown_forsythe():
    g = {"M1": [250.2, 249.8, 250.5, 249.6, 250.1, 250.4, 249.9],
         "M2": [251.3, 248.7, 250.9, 249.0, 251.8, 248.4, 250.6],
         "M3": [250.0, 250.3, 249.7, 250.8, 249.4, 250.6, 249.5]}
    text = ("Fill weights (g) from three filler heads. Check equality of variances with the Brown-Forsythe "
            "test (Levene's test centred on the medians). Test statistic and p?\n" +
            "\n".join(f"{k} = [{', '.join(map(str, v))}]" for k, v in g.items()))

    def lib(d):
        r = st.levene(*d.values(), center='median')
        return [r.statistic, r.pvalue]

    def hand(d):
        z = [[abs(v - median(x)) for v in x] for x in d.values()]
        allz = [v for x in z for v in x]
        gm = hmean(allz)
        k, N = len(z), len(allz)
        ssb = fsum(len(x) * (hmean(x) - gm) ** 2 for x in z)
        ssw = fsum((v - hmean(x)) ** 2 for x in z for v in x)
        F = (ssb / (k - 1)) / (ssw / (N - k))
        return [F, f_sf(F, k - 1, N - k)]

    def parse(t):
        return {k: floats(v) for k, v in re.findall(r'^(M\d) = \[(.*)\]$', t, re.M)}
    return dict(kind=5, text=text, data=g, lib=lib, hand=hand, parse=parse,
                whats=["Brown-Forsythe W (F)", "p"], rels=[.005, .02], tools=["levene", "dsl_run"],
                intent="Brown-Forsythe (median-centred Levene)")


@question
def k5_bartlett():
    g = {"Lab 1": [5.02, 4.97, 5.05, 4.99, 5.01, 4.96],
         "Lab 2": [5.10, 4.88, 5.07, 4.93, 5.12, 4.91],
         "Lab 3": [5.00, 5.03, 4.98, 5.02, 4.99, 5.01],
         "Lab 4": [4.95, 5.08, 5.01, 4.92, 5.06, 4.99]}
    text = ("Round-robin on a 5.00 mg/L reference standard, six replicate results per lab:\n" +
            "\n".join(f"{k}: " + "  ".join(f"{v:.2f}" for v in x) for k, x in g.items()) +
            "\nThe data look normal enough; use Bartlett's test for equal variances across the four labs. "
            "Statistic and p-value.")

    def lib(d):
        r = st.bartlett(*d.values())
        return [r.statistic, r.pvalue]

    def hand(d):
        gs = list(d.values())
        k = len(gs)
        n = [len(x) for x in gs]
        N = sum(n)
        v = [hvar(x) for x in gs]
        sp2 = fsum((ni - 1) * vi for ni, vi in zip(n, v)) / (N - k)
        num_ = (N - k) * math.log(sp2) - fsum((ni - 1) * math.log(vi) for ni, vi in zip(n, v))
        C = 1 + (fsum(1 / (ni - 1) for ni in n) - 1 / (N - k)) / (3 * (k - 1))
        T = num_ / C
        return [T, chi2_sf(T, k - 1)]

    def parse(t):
        return {k: floats(v) for k, v in re.findall(r'^(Lab \d): (.*)$', t, re.M)}
    return dict(kind=5, text=text, data=g, lib=lib, hand=hand, parse=parse,
                whats=["Bartlett statistic", "p"], rels=[.005, .02], tools=["variance_test", "dsl_run"],
                intent="Bartlett's test, 4 groups; the 5.00 reference value is context")


@question
def k5_f_test():
    a = [20.14, 20.09, 20.21, 20.05, 20.17, 20.11, 20.02, 20.19, 20.13, 20.08]
    b = [20.25, 19.94, 20.31, 20.02, 19.88, 20.18, 20.37, 19.97, 20.22, 20.06, 19.91, 20.29]
    text = ("F test for two variances (machine A variance on top, B below), two-sided.\n"
            "A: " + " ".join(f"{v:.2f}" for v in a) + "\nB: " + " ".join(f"{v:.2f}" for v in b) +
            "\nWhat's F and the p-value?")

    def lib(d):
        x, y = map(np.array, d)
        F = x.var(ddof=1) / y.var(ddof=1)
        d1, d2_ = len(x) - 1, len(y) - 1
        return [F, 2 * min(st.f.cdf(F, d1, d2_), st.f.sf(F, d1, d2_))]

    def hand(d):
        x, y = d
        F = hvar(x) / hvar(y)
        up = f_sf(F, len(x) - 1, len(y) - 1)
        return [F, 2 * min(up, 1 - up)]

    def parse(t):
        return [floats(re.search(r'^A: (.*)$', t, re.M).group(1)), floats(re.search(r'^B: (.*)$', t, re.M).group(1))]
    return dict(kind=5, text=text, data=[a, b], lib=lib, hand=hand, parse=parse,
                whats=["F (var A / var B)", "p (two-sided)"], rels=[.005, .02], tools=["variance_test", "dsl_run"],
                intent="F test of two variances, A over B")


@question
def k5_one_prop_z():
    text = ("Survey: fifty-eight of 400 customers reported a fit problem. Historically it's 12%. One-proportion "
            "z test (normal approximation, no continuity correction, standard error from the 12%): z and "
            "two-sided p?")

    def lib(d):
        k, n, p0 = d
        z, p = proportions_ztest(k, n, value=p0, prop_var=p0)
        return [abs(z), p]

    def hand(d):
        k, n, p0 = d
        z = (Fr(k, n) - Fr(str(p0))) / Fr(1)
        z = float(z) / math.sqrt(p0 * (1 - p0) / n)
        return [abs(z), norm_p2(z)]

    def parse(t):
        k = re.search(r'Survey: ([\w-]+) of', t).group(1)
        k = sum(num(w) for w in k.split('-')) if '-' in k else num(k)
        n = int(re.search(r'of (\d+) customers', t).group(1))
        p0 = float(re.search(r"it's (" + NUM + ")%", t).group(1)) / 100
        return [k, n, p0]
    return dict(kind=5, text=text, data=[58, 400, 0.12], lib=lib, hand=hand, parse=parse,
                whats=["|z|", "p (two-sided)"], rels=[.005, .02], tools=["proportion_test", "dsl_run"],
                intent="one-proportion z (score) test; count written in words")


@question
def k5_two_prop_z():
    text = ("Line 1: 34 rejects in 250 inspected. Line 2: 52 rejects in 260 inspected. Two-proportion z test "
            "with the pooled proportion, no continuity correction — z and p (two-sided)?")

    def lib(d):
        z, p = proportions_ztest(np.array(d[0]), np.array(d[1]))
        return [abs(z), p]

    def hand(d):
        (x1, x2), (n1, n2) = d
        pp = Fr(x1 + x2, n1 + n2)
        se = math.sqrt(float(pp * (1 - pp) * (Fr(1, n1) + Fr(1, n2))))
        z = float(Fr(x1, n1) - Fr(x2, n2)) / se
        return [abs(z), norm_p2(z)]

    def parse(t):
        r = re.findall(r'Line \d: (\d+) rejects in (\d+) inspected', t)
        return [[int(a) for a, _ in r], [int(b) for _, b in r]]
    return dict(kind=5, text=text, data=[[34, 52], [250, 260]], lib=lib, hand=hand, parse=parse,
                whats=["|z|", "p (two-sided)"], rels=[.005, .02], tools=["proportion_test", "chi_square", "dsl_run"],
                intent="pooled two-proportion z test")


@question
def k5_shapiro():
    x = [2.31, 2.45, 2.52, 2.58, 2.61, 2.66, 2.70, 2.73, 2.79, 2.84, 2.88, 2.95, 3.02, 3.10, 3.21, 3.35, 3.52,
         3.78, 4.10, 4.65]
    rng = np.random.default_rng(23)
    xs = [x[i] for i in rng.permutation(len(x))]
    text = ("Shapiro-Wilk normality test on these 20 particle sizes (µm), W and p:\n" +
            " ".join(f"{v:.2f}" for v in xs))

    def lib(d):
        r = st.shapiro(d)
        return [r.statistic, r.pvalue]

    def hand(d):
        # Royston (1992, 1995) algorithm written out by hand, n >= 12
        s = sorted(d)
        n = len(s)
        m = [float(mp.sqrt(2) * mp.erfinv(2 * (mp.mpf(i) - mp.mpf(3) / 8) / (n + mp.mpf(1) / 4) - 1))
             for i in range(1, n + 1)]
        ss = fsum(v * v for v in m)
        u = 1 / math.sqrt(n)
        an = m[-1] / math.sqrt(ss) + 0.221157 * u - 0.147981 * u ** 2 - 2.071190 * u ** 3 + 4.434685 * u ** 4 - 2.706056 * u ** 5
        an1 = m[-2] / math.sqrt(ss) + 0.042981 * u - 0.293762 * u ** 2 - 1.752461 * u ** 3 + 5.682633 * u ** 4 - 3.582633 * u ** 5
        phi = (ss - 2 * m[-1] ** 2 - 2 * m[-2] ** 2) / (1 - 2 * an ** 2 - 2 * an1 ** 2)
        a = [v / math.sqrt(phi) for v in m]
        a[-1], a[-2], a[0], a[1] = an, an1, -an, -an1
        mu_ = hmean(s)
        W = fsum(ai * v for ai, v in zip(a, s)) ** 2 / fsum((v - mu_) ** 2 for v in s)
        ln = math.log(n)
        mu = 0.0038915 * ln ** 3 - 0.083751 * ln ** 2 - 0.31082 * ln - 1.5861
        sg = math.exp(0.0030302 * ln ** 2 - 0.082676 * ln - 0.4803)
        return [W, norm_sf((math.log(1 - W) - mu) / sg)]

    def parse(t):
        return floats(t.splitlines()[-1])
    return dict(kind=5, text=text, data=xs, lib=lib, hand=hand, parse=parse,
                whats=["W", "p"], rels=[.005, .02], tools=["normality", "dsl_run"], intent="Shapiro-Wilk, n=20")


@question
def k5_kendall():
    rating = [3, 4, 2, 5, 3, 1, 4, 2, 5, 3, 4, 1]
    score = [71, 68, 66, 85, 79, 60, 73, 74, 80, 65, 81, 70]
    text = ("supervisor rating (1-5) vs audit score for 12 operators\n"
            "rating: " + " ".join(map(str, rating)) + "\nscore:  " + " ".join(map(str, score)) +
            "\nratings have lots of ties so use Kendall's tau-b, not Pearson or Spearman. tau-b and p (normal "
            "approximation with the tie-corrected variance)")

    def lib(d):
        r = st.kendalltau(d[0], d[1], variant='b', method='asymptotic')
        return [r.statistic, r.pvalue]

    def hand(d):
        x, y = d
        n = len(x)
        C = D = tx = ty = 0
        for i in range(n):
            for j in range(i + 1, n):
                s = (x[i] - x[j]) * (y[i] - y[j])
                if x[i] == x[j] and y[i] == y[j]:
                    continue
                if x[i] == x[j]:
                    tx += 1
                elif y[i] == y[j]:
                    ty += 1
                elif s > 0:
                    C += 1
                else:
                    D += 1
        tau = (C - D) / math.sqrt((C + D + tx) * (C + D + ty))
        cx = [x.count(v) for v in set(x)]
        cy = [y.count(v) for v in set(y)]
        v0 = n * (n - 1) * (2 * n + 5)
        vt = sum(t * (t - 1) * (2 * t + 5) for t in cx)
        vu = sum(t * (t - 1) * (2 * t + 5) for t in cy)
        v1 = sum(t * (t - 1) for t in cx) * sum(t * (t - 1) for t in cy) / (2 * n * (n - 1))
        v2 = sum(t * (t - 1) * (t - 2) for t in cx) * sum(t * (t - 1) * (t - 2) for t in cy) / (9 * n * (n - 1) * (n - 2))
        var = (v0 - vt - vu) / 18 + v1 + v2
        return [tau, norm_p2((C - D) / math.sqrt(var))]

    def parse(t):
        return [[int(v) for v in re.search(r'^rating: (.*)$', t, re.M).group(1).split()],
                [int(v) for v in re.search(r'^score:\s+(.*)$', t, re.M).group(1).split()]]
    return dict(kind=5, text=text, data=[rating, score], lib=lib, hand=hand, parse=parse,
                whats=["tau-b", "p"], rels=[.005, .02], tools=["correlation", "dsl_run"],
                intent="Kendall tau-b with ties in x")


@question
def k5_sign_test():
    a = [7.2, 6.8, 8.1, 7.5, 6.9, 7.7, 8.3, 7.0, 7.4, 6.6, 7.9, 7.1, 8.0, 6.7]
    b = [6.5, 6.9, 7.4, 7.1, 6.2, 7.8, 7.6, 6.4, 7.3, 6.1, 7.2, 6.6, 8.2, 6.3]
    pairs = "\n".join(f"{i + 1:>2}  {x:.1f}  {y:.1f}" for i, (x, y) in enumerate(zip(a, b)))
    text = ("Taste panel, 14 tasters scored recipe A and recipe B (0-10 scale):\n #   A    B\n" + pairs +
            "\nThe scores are only ordinal, so please use a sign test on A − B, two-sided. How many positive "
            "differences, and the exact p?")

    def lib(d):
        x, y = map(np.array, d)
        dd = x - y
        k, n = int(np.sum(dd > 0)), int(np.sum(dd != 0))
        return [k, st.binomtest(k, n, 0.5).pvalue]

    def hand(d):
        x, y = d
        dd = [Fr(str(p)) - Fr(str(q)) for p, q in zip(x, y)]
        k = sum(1 for v in dd if v > 0)
        n = sum(1 for v in dd if v != 0)
        lo = sum(Fr(math.comb(n, i), 2 ** n) for i in range(0, min(k, n - k) + 1))
        return [k, float(min(Fr(1), 2 * lo))]

    def parse(t):
        r = re.findall(r'^\s*\d+\s+(' + NUM + r')\s+(' + NUM + r')\s*$', t, re.M)
        return [[float(p) for p, _ in r], [float(q) for _, q in r]]
    return dict(kind=5, text=text, data=[a, b], lib=lib, hand=hand, parse=parse,
                whats=["positive differences", "p (exact, two-sided)"], rels=[0, .02],
                tools=["proportion_test", "dsl_run"], intent="sign test = exact binomial on signs")


@question
def k5_pooled_t():
    a = [31.2, 29.8, 32.5, 30.9, 31.7, 30.4, 32.1, 31.0, 29.9]
    b = [29.5, 30.1, 28.7, 29.9, 30.6, 28.9, 29.2, 30.3, 29.7, 28.8]
    text = ("Two mould cavities, part weight in grams. Cavity 1: " + ", ".join(map(str, a)) +
            ". Cavity 2: " + ", ".join(map(str, b)) +
            ". Pooled (equal-variance) two-sample t-test — t, p and the difference in means, please.")

    def lib(d):
        r = st.ttest_ind(d[0], d[1], equal_var=True)
        return [abs(r.statistic), r.pvalue, abs(np.mean(d[0]) - np.mean(d[1]))]

    def hand(d):
        x, y = d
        n1, n2 = len(x), len(y)
        sp2 = ((n1 - 1) * hvar(x) + (n2 - 1) * hvar(y)) / (n1 + n2 - 2)
        diff = hmean(x) - hmean(y)
        t = diff / math.sqrt(sp2 * (1 / n1 + 1 / n2))
        return [abs(t), tp2(t, n1 + n2 - 2), abs(diff)]

    def parse(t):
        return [floats(re.search(r'Cavity 1: (.*?)\. Cavity', t).group(1)),
                floats(re.search(r'Cavity 2: (.*?)\. Pooled', t).group(1))]
    return dict(kind=5, text=text, data=[a, b], lib=lib, hand=hand, parse=parse,
                whats=["|t|", "p (two-sided)", "|mean difference|"], rels=[.005, .02, .005],
                tools=["t_test", "dsl_run"], intent="pooled two-sample t")


@question
def k5_pearson():
    x = [2.1, 3.4, 1.8, 4.6, 3.9, 2.7, 5.2, 4.1, 3.0, 2.4, 4.8]
    y = [0.42, 0.55, 0.47, 0.71, 0.58, 0.49, 0.80, 0.62, 0.51, 0.39, 0.69]
    text = ("Moisture content (%) and dielectric loss for 11 cores — x: " + ", ".join(map(str, x)) +
            " | y: " + ", ".join(f"{v:.2f}" for v in y) +
            ". Pearson correlation: r, the t statistic for testing rho = 0, and the p-value.")

    def lib(d):
        r = st.pearsonr(d[0], d[1])
        n = len(d[0])
        return [r.statistic, r.statistic * math.sqrt((n - 2) / (1 - r.statistic ** 2)), r.pvalue]

    def hand(d):
        x, y = d
        n = len(x)
        sx, sy = fsum(x), fsum(y)
        sxy, sxx, syy = fsum(a * b for a, b in zip(x, y)), fsum(a * a for a in x), fsum(b * b for b in y)
        r = (n * sxy - sx * sy) / math.sqrt((n * sxx - sx * sx) * (n * syy - sy * sy))
        t = r * math.sqrt((n - 2) / (1 - r * r))
        return [r, t, tp2(t, n - 2)]

    def parse(t):
        return [floats(re.search(r'x: (.*?) \|', t).group(1)), floats(re.search(r'\| y: (.*?)\. Pearson', t).group(1))]
    return dict(kind=5, text=text, data=[x, y], lib=lib, hand=hand, parse=parse,
                whats=["r", "t", "p"], rels=[.005, .005, .02], tools=["correlation", "dsl_run"],
                intent="Pearson correlation with its t test")


@question
def k5_refuse_bartlett_no_sd():
    text = ("Bartlett's test please, are the variances equal? Oven 1: mean 182.4 °C, n = 10. Oven 2: mean "
            "181.9 °C, n = 12. Oven 3: mean 183.1 °C, n = 9.")

    def check(t):
        assert not re.search(r'(sd|standard deviation|variance of|s =|s\^2|σ|range)', t.split('?')[1], re.I)
    return refusal(5, text, "refuse: Bartlett's test needs each group's variance (or the raw data); only "
                   "means and sample sizes are given", check)


# --------------------------------------------------------------------------
# runner
# --------------------------------------------------------------------------

def sig(v):
    return float(f"{v:.6g}")


def is_close(a, b, rel):
    if not (math.isfinite(a) and math.isfinite(b)):
        return False
    if a == b:
        return True
    return abs(a - b) <= rel * max(abs(a), abs(b), 1e-300)


def check(q, text, with_hand=True):
    """asserts checks (a)=(b) and (c); raises AssertionError on any mismatch."""
    a = [float(v) for v in q['lib'](q['data'])]
    assert len(a) == len(q['whats']) == len(q['rels']), q['intent']
    b = [float(v) for v in q['hand'](q['data'])] if with_hand else a
    assert len(b) == len(a)
    for x, y, r in zip(a, b, q['rels']):
        if r == 0:
            assert x == y and x == int(x), (q['intent'], 'hand int', x, y)
        else:
            assert is_close(x, y, q.get('hand_rel', 1e-4)), (q['intent'], 'hand', x, y)
    c = [float(v) for v in q['lib'](q['parse'](text))]
    assert len(c) == len(a)
    for x, y, r in zip(a, c, q['rels']):
        if r == 0:
            assert x == y, (q['intent'], 'reparse int', x, y)
        else:
            assert is_close(x, y, 1e-9), (q['intent'], 'reparse', x, y)
    return a


def build():
    out = []
    for i, fn in enumerate(QUESTIONS):
        q = fn()
        qid = f"z{i + 1:02d}"
        if q.get('refuse'):
            q['rcheck'](q['text'])
            rec = {"id": qid, "kind": q['kind'], "question": q['text'], "intent": q['intent'],
                   "tools": [], "expect": [], "refuse": True}
        else:
            vals = check(q, q['text'])
            exp = []
            for w, v, r in zip(q['whats'], vals, q['rels']):
                if r == 0:
                    exp.append({"what": w, "value": int(v), "rel": 0})
                else:
                    exp.append({"what": w, "value": sig(v), "rel": r})
            rec = {"id": qid, "kind": q['kind'], "question": q['text'], "intent": q['intent'],
                   "tools": q['tools'], "expect": exp, "refuse": False}
        out.append((rec, q))
    return out


WORD_NEXT = {'one': 'two', 'two': 'three', 'three': 'four', 'four': 'five', 'five': 'six', 'six': 'seven',
             'seven': 'eight', 'eight': 'nine', 'nine': 'ten', 'ten': 'eleven', 'eleven': 'twelve',
             'twelve': 'thirteen', 'fifty': 'sixty', 'twice': 'thrice', 'triplicate': 'duplicate'}


def mutate_all(built):
    """Mutation test of the checks. For every answerable question, every number in its text is
    mutated in turn, one at a time: (L) last digit + 1, (F) first digit + 1 (a large change that
    also moves ranks for the rank tests), (W) a number word moved to the next one (ten -> eleven).
    A mutation is 'caught' when check() (re-parse of the text against the stored expectations)
    raises. Numbers that are only context (ids, dates, room numbers, labels) are expected NOT
    to be caught; every question must catch at least one mutation."""
    import warnings
    warnings.filterwarnings('ignore')
    totals = {'L': [0, 0], 'F': [0, 0], 'W': [0, 0]}
    for rec, q in built:
        if rec['refuse']:
            continue
        text = q['text']
        res = {}
        for kind in 'LFW':
            if kind == 'W':
                toks = list(re.finditer(r'\b(' + '|'.join(WORD_NEXT) + r')\b', text, re.I))
            else:
                toks = list(re.finditer(r'\d+(?:\.\d+)?', text))
            caught = 0
            for m in toks:
                s = m.group(0)
                if kind == 'L':
                    new = s[:-1] + str((int(s[-1]) + 1) % 10)
                elif kind == 'F':
                    new = str((int(s[0]) + 1) % 10 or 1) + s[1:]
                else:
                    new = WORD_NEXT[s.lower()]
                    new = new.capitalize() if s[0].isupper() else new
                t2 = text[:m.start()] + new + text[m.end():]
                try:
                    check(q, t2, with_hand=False)
                except Exception:
                    caught += 1
            res[kind] = (caught, len(toks))
            totals[kind][0] += caught
            totals[kind][1] += len(toks)
        print(f"{rec['id']}: caught/tried  last-digit {res['L'][0]}/{res['L'][1]}  "
              f"first-digit {res['F'][0]}/{res['F'][1]}  number-word {res['W'][0]}/{res['W'][1]}")
        assert sum(v[0] for v in res.values()) >= 1, rec['id']
    print("mutation summary (caught/tried):", {k: f"{v[0]}/{v[1]}" for k, v in totals.items()},
          "- every answerable question caught at least one mutation")


def main():
    built = build()
    for rec, q in built:
        for e in rec['expect']:
            assert e['rel'] in (0, .005, .02)
        if not rec['refuse']:
            assert 'dsl_run' in rec['tools']
    ids = [r['id'] for r, _ in built]
    assert len(ids) == len(set(ids)) >= 62
    path = os.path.join(HERE, 'round23.jsonl')
    with open(path, 'w', encoding='utf-8') as f:
        for rec, _ in built:
            f.write(json.dumps(rec, ensure_ascii=False, sort_keys=False) + "\n")
    kinds = {}
    for rec, _ in built:
        kinds.setdefault(rec['kind'], [0, 0])
        kinds[rec['kind']][0] += 1
        kinds[rec['kind']][1] += rec['refuse']
    print("questions:", len(built), "by kind (total, refusals):", dict(sorted(kinds.items())))
    print("md5", hashlib.md5(open(path, 'rb').read()).hexdigest())
    if '--mutate' in sys.argv:
        mutate_all(built)


if __name__ == '__main__':
    main()
