#!/usr/bin/env python3
"""Generator for the blind evaluation set "round32" (70 questions, b01..b70).

Every data set lives in this file.  For each question the script
  * draws its data (numpy.random.default_rng(32323232), in id order, rounded),
  * renders the question text from the data,
  * re-parses the text with the question's own regular expressions,
  * computes the expected values twice: (a) with library routines
    (scipy.stats / statsmodels / sympy / tabulated SPC constants / built design
    matrices) and (b) by an independent hand computation (exact Fractions,
    mpmath incomplete beta/gamma, exact rank distributions, quadrature of
    noncentral distributions, cofactor expansion, Cramer's rule, closed forms),
  * runs a mutation test (+1 on every numeric data value in turn),
and finally writes round32.jsonl, round32_meta.json and README.md next to itself.
Any failed check stops the script (assert).
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
import scipy.stats as ss
import statsmodels.formula.api as smf
import sympy as sp
from statsmodels.stats.diagnostic import normal_ad
from statsmodels.stats.oneway import anova_oneway
from statsmodels.stats.power import FTestAnovaPower, TTestIndPower, TTestPower
from statsmodels.stats.proportion import proportions_ztest
from sympy.parsing.sympy_parser import (convert_xor, implicit_multiplication_application,
                                        parse_expr, standard_transformations)

warnings.filterwarnings("ignore")
HERE = os.path.dirname(os.path.abspath(__file__))
rng = np.random.default_rng(32323232)
mp.mp.dps = 25

# ----------------------------------------------------------------------------
# tools list (the only project file read)
# ----------------------------------------------------------------------------
TOOLS = set()
with open(os.path.join(HERE, "TOOLS.txt"), encoding="utf-8") as fh:
    for line in fh:
        if line.strip():
            TOOLS.add(line.split()[0])

# ----------------------------------------------------------------------------
# small helpers
# ----------------------------------------------------------------------------
NUM = r"-?\d+(?:\.\d+)?"
REL = {"stat": 0.005, "p": 0.02, "int": 0.0}


def num(s):
    s = s.strip()
    return int(s) if re.fullmatch(r"-?\d+", s) else float(s)


def nums(s):
    return [num(m) for m in re.findall(NUM, s)]


def one(pattern, text, flags=0):
    m = re.findall(pattern, text, flags)
    assert len(m) == 1, (pattern, m)
    return num(m[0]) if isinstance(m[0], str) else m[0]


def normal(mu, sd, n, nd=1):
    return [round(float(v), nd) for v in rng.normal(mu, sd, n)]


def f(v, nd):
    """format a data value with nd decimals (ints stay ints)"""
    if isinstance(v, (int, np.integer)):
        return str(int(v))
    return f"{v:.{nd}f}"


def deq(a, b):
    if isinstance(a, dict):
        return isinstance(b, dict) and a.keys() == b.keys() and all(deq(a[k], b[k]) for k in a)
    if isinstance(a, (list, tuple)):
        return isinstance(b, (list, tuple)) and len(a) == len(b) and all(deq(x, y) for x, y in zip(a, b))
    return abs(float(a) - float(b)) <= 1e-9 * max(1.0, abs(float(a)))


def leaves(d, path=()):
    if isinstance(d, dict):
        for k in d:
            yield from leaves(d[k], path + (k,))
    elif isinstance(d, list):
        for i, v in enumerate(d):
            yield from leaves(v, path + (i,))
    else:
        yield path


def bump(d, path):
    d = copy.deepcopy(d)
    ref = d
    for p in path[:-1]:
        ref = ref[p]
    v = ref[path[-1]]
    ref[path[-1]] = v + 1 if isinstance(v, int) else round(v + 1, 10)
    return d


def close(a, b, rel):
    a, b = float(a), float(b)
    if a == b:
        return True
    return abs(a - b) <= rel * max(abs(a), abs(b))


def sig6(v, cls):
    if cls == "int":
        return int(round(float(v)))
    return float(f"{float(v):.6g}")


# exact / mpmath helpers for the hand computations ---------------------------
def Fx(v):
    if isinstance(v, Fr):
        return v
    if isinstance(v, (int, np.integer)):
        return Fr(int(v))
    return Fr(repr(float(v)))


def M(v):
    if isinstance(v, Fr):
        return mp.mpf(v.numerator) / v.denominator
    if isinstance(v, float):
        v = Fx(v)
        return mp.mpf(v.numerator) / v.denominator
    return mp.mpf(v)


def fmean(xs):
    return sum((Fx(v) for v in xs), Fr(0)) / len(xs)


def fss(xs):
    m = fmean(xs)
    return sum(((Fx(v) - m) ** 2 for v in xs), Fr(0))


def fvar(xs):
    return fss(xs) / (len(xs) - 1)


def msqrt(v):
    return mp.sqrt(M(v))


def t2p(t, df):
    """two-sided p of Student t via the regularised incomplete beta"""
    t, df = M(t), M(df)
    return mp.betainc(df / 2, mp.mpf(1) / 2, 0, df / (df + t * t), regularized=True)


def tup(t, df):
    """P(T > t)"""
    h = t2p(t, df) / 2
    return h if M(t) > 0 else 1 - h


def fsf(x, d1, d2):
    x, d1, d2 = M(x), M(d1), M(d2)
    return mp.betainc(d2 / 2, d1 / 2, 0, d2 / (d2 + d1 * x), regularized=True)


def chi2sf(x, k):
    return mp.gammainc(M(k) / 2, M(x) / 2, mp.inf, regularized=True)


def nsf(z):
    return mp.erfc(M(z) / mp.sqrt(2)) / 2


def tppf_upper(alpha, df):
    """t with P(T > t) = alpha"""
    return mp.findroot(lambda t: tup(t, df) - M(alpha), mp.mpf(2))


def fppf_upper(alpha, d1, d2):
    return mp.findroot(lambda x: fsf(x, d1, d2) - M(alpha), mp.mpf(3))


def franks(xs):
    xs = [Fx(v) for v in xs]
    order = sorted(range(len(xs)), key=lambda i: xs[i])
    r = [None] * len(xs)
    i = 0
    while i < len(xs):
        j = i
        while j + 1 < len(xs) and xs[order[j + 1]] == xs[order[i]]:
            j += 1
        for k in range(i, j + 1):
            r[order[k]] = Fr(i + 1 + j + 1, 2)
        i = j + 1
    return r


def ties(xs):
    return [c for c in Counter(Fx(v) for v in xs).values() if c > 1]


def fpearson(x, y):
    mx, my = fmean(x), fmean(y)
    sxy = sum(((Fx(a) - mx) * (Fx(b) - my) for a, b in zip(x, y)), Fr(0))
    return M(sxy) / mp.sqrt(M(fss(x)) * M(fss(y)))


def f_oneway_hand(groups):
    allv = [v for g in groups for v in g]
    gm = fmean(allv)
    ssb = sum((len(g) * (fmean(g) - gm) ** 2 for g in groups), Fr(0))
    ssw = sum((fss(g) for g in groups), Fr(0))
    k, N = len(groups), len(allv)
    F = (ssb / (k - 1)) / (ssw / (N - k))
    return F, k - 1, N - k


def chi2pdf(v, k):
    k = M(k)
    return v ** (k / 2 - 1) * mp.exp(-v / 2) / (2 ** (k / 2) * mp.gamma(k / 2))


def nct_cdf(t, df, nc):
    """P(T' <= t) for the noncentral t, by quadrature over the chi-square mixing variable"""
    t, df, nc = M(t), M(df), M(nc)
    g = lambda v: mp.ncdf(t * mp.sqrt(v / df) - nc) * chi2pdf(v, df)
    return mp.quad(g, [0, df / 4, df / 2, df, 2 * df, 4 * df, 10 * df + 50, mp.inf])


def power_t_hand(df, nc, alpha):
    c = tppf_upper(M(alpha) / 2, df)
    return 1 - nct_cdf(c, df, nc) + nct_cdf(-c, df, nc)


def ncx2_sf(x, k, lam):
    tot, j = mp.mpf(0), 0
    h = M(lam) / 2
    while True:
        w = mp.exp(-h) * h ** j / mp.factorial(j)
        tot += w * mp.gammainc(M(k) / 2 + j, x / 2, mp.inf, regularized=True)
        if j > h and w < mp.mpf(10) ** -20:
            break
        j += 1
    return tot


def power_f_hand(d1, d2, lam, alpha):
    c = fppf_upper(alpha, d1, d2)
    g = lambda y: ncx2_sf(c * d1 * y / d2, d1, lam) * chi2pdf(y, d2)
    return mp.quad(g, [0, M(d2) / 2, d2, 2 * d2, 4 * d2, 10 * d2 + 50, mp.inf])


def binom_pmf(k, n, p):
    return math.comb(n, k) * p ** k * (1 - p) ** (n - k)


# SPC constants: the tabulated values (library side, 3-4 decimals as printed in
# the usual tables) and the exact ones (hand side, by quadrature / gamma).
SPC_TABLE = {  # n: (A2, A3, B3, B4, c4, d2, d3, D3, D4, E2)
    2: (1.880, 2.659, 0.0, 3.267, 0.7979, 1.128, 0.853, 0.0, 3.267, 2.660),
    3: (1.023, 1.954, 0.0, 2.568, 0.8862, 1.693, 0.888, 0.0, 2.574, 1.772),
    4: (0.729, 1.628, 0.0, 2.266, 0.9213, 2.059, 0.880, 0.0, 2.282, 1.457),
    5: (0.577, 1.427, 0.0, 2.089, 0.9400, 2.326, 0.864, 0.0, 2.114, 1.290),
    6: (0.483, 1.287, 0.030, 1.970, 0.9515, 2.534, 0.848, 0.0, 2.004, 1.184),
    7: (0.419, 1.182, 0.118, 1.882, 0.9594, 2.704, 0.833, 0.076, 1.924, 1.109),
    8: (0.373, 1.099, 0.185, 1.815, 0.9650, 2.847, 0.820, 0.136, 1.864, 1.054),
    9: (0.337, 1.032, 0.239, 1.761, 0.9693, 2.970, 0.808, 0.184, 1.816, 1.010),
    10: (0.308, 0.975, 0.284, 1.716, 0.9727, 3.078, 0.797, 0.223, 1.777, 0.975),
}
TAB = {n: dict(zip(["A2", "A3", "B3", "B4", "c4", "d2", "d3", "D3", "D4", "E2"], v)) for n, v in SPC_TABLE.items()}


def d2_exact(n):
    P = mp.ncdf
    return mp.quad(lambda x: 1 - (1 - P(x)) ** n - P(x) ** n, [-mp.inf, 0, mp.inf])


def d3_exact(n):
    P = mp.ncdf
    with mp.workdps(15):
        g = lambda x, y: (1 - P(y) ** n - (1 - P(x)) ** n + (P(y) - P(x)) ** n) if y > x else mp.mpf(0)
        # E[R^2] = 2 * double integral over x < y
        inner = lambda x: mp.quad(lambda y: g(x, y), [x, x + 2, x + 6, mp.inf])
        ER2 = 2 * mp.quad(inner, [-mp.inf, -2, 0, 2, mp.inf])
        return mp.sqrt(ER2 - d2_exact(n) ** 2)


def c4_exact(n):
    return mp.sqrt(mp.mpf(2) / (n - 1)) * mp.gamma(mp.mpf(n) / 2) / mp.gamma(mp.mpf(n - 1) / 2)


# sympy parsing of informal maths ----------------------------------------------
X, Y, NN = sp.symbols("x y n")
TRANS = standard_transformations + (implicit_multiplication_application, convert_xor)


def sp_parse(s):
    s = s.replace("∞", "oo").replace("infinity", "oo").replace("−", "-")
    return parse_expr(s, transformations=TRANS, local_dict={"e": sp.E, "x": X, "y": Y, "n": NN, "oo": sp.oo})


def same_expr(a, b):
    return sp.simplify(a - b) == 0


# DOE helpers -------------------------------------------------------------------
LETTERS = "ABCDEFGHJKLMNOPQ"


def full2(k):
    return [list(r) for r in itertools.product([-1, 1], repeat=k)]


def fraction_matrix(k, gens):
    """gens: dict letter -> word of base letters; returns rows with k columns (A.. in order)"""
    base = [c for c in LETTERS[:k] if c not in gens]
    rows = []
    for r in itertools.product([-1, 1], repeat=len(base)):
        val = dict(zip(base, r))
        for g, w in gens.items():
            val[g] = int(np.prod([val[c] for c in w]))
        rows.append([val[c] for c in LETTERS[:k]])
    return rows


def defining_relation(gens):
    words = [frozenset(w + g) for g, w in gens.items()]
    group = {frozenset()}
    for w in words:
        group |= {g ^ w for g in group}
    return [g for g in group if g]


def resolution_lib(gens):
    return min(len(w) for w in defining_relation(gens))


def resolution_hand(rows):
    """smallest number of columns whose element-wise product is constant"""
    k = len(rows[0])
    for r in range(1, k + 1):
        for cols in itertools.combinations(range(k), r):
            prods = {int(np.prod([row[c] for c in cols])) for row in rows}
            if len(prods) == 1:
                return r
    return None


def pure_error_df(rows):
    c = Counter(tuple(r) for r in rows)
    return sum(v - 1 for v in c.values())


PB_GEN = {8: "+++-+--", 12: "++-+++---+-", 16: "++++-+-++--+---", 20: "++--++++-+-+----++-",
          24: "+++++-+-++--++--+-+----"}


def pb_matrix(N):
    g = [1 if c == "+" else -1 for c in PB_GEN[N]]
    rows = [g[-i:] + g[:-i] if i else g[:] for i in range(N - 1)]
    rows.append([-1] * (N - 1))
    return rows


def bb_matrix(k, cp):
    rows = []
    for i, j in itertools.combinations(range(k), 2):
        for a, b in itertools.product([-1, 1], repeat=2):
            r = [0] * k
            r[i], r[j] = a, b
            rows.append(r)
    rows += [[0] * k for _ in range(cp)]
    return rows


def ccd_matrix(k, alpha, cp):
    rows = [list(map(float, r)) for r in full2(k)]
    for i in range(k):
        for s in (-1, 1):
            r = [0.0] * k
            r[i] = s * alpha
            rows.append(r)
    rows += [[0.0] * k for _ in range(cp)]
    return rows


# ----------------------------------------------------------------------------
# question registry
# ----------------------------------------------------------------------------
QS = []


def Q(**kw):
    kw.setdefault("refuse", False)
    QS.append(kw)
    return kw


def spec(*items):
    return [dict(key=k, what=w, cls=c) for k, w, c in items]


# ============================================================================
# KIND 1: tables
# ============================================================================
def b01():
    d = dict(a=normal(52.0, 2.5, 9), b=normal(49.0, 4.5, 11))

    def render(d):
        rows = [f"A,{f(v, 1)}" for v in d["a"]] + [f"B,{f(v, 1)}" for v in d["b"]]
        return ("Tensile pulls from our two rebar suppliers, straight out of the LIMS export:\n\n"
                "supplier,strength_mpa\n" + "\n".join(rows) + "\n\n"
                "Can you run Welch's t-test on it (unequal variances, two-sided), difference taken as A minus B? "
                "I need t, the Welch df and the p-value.")

    def parse(t):
        return dict(a=[num(x) for x in re.findall(rf"^A,({NUM})$", t, re.M)],
                    b=[num(x) for x in re.findall(rf"^B,({NUM})$", t, re.M)])

    def lib(d):
        r = ss.ttest_ind(d["a"], d["b"], equal_var=False)
        return dict(t=r.statistic, df=r.df, p=r.pvalue)

    def hand(d):
        na, nb = len(d["a"]), len(d["b"])
        va, vb = fvar(d["a"]) / na, fvar(d["b"]) / nb
        t = M(fmean(d["a"]) - fmean(d["b"])) / msqrt(va + vb)
        df = (va + vb) ** 2 / (va ** 2 / (na - 1) + vb ** 2 / (nb - 1))
        return dict(t=t, df=M(df), p=t2p(t, df))

    return Q(id="b01", kind=1, tools=["t_test", "dsl_run"], data=d, render=render, parse=parse, lib=lib, hand=hand,
             spec=spec(("t", "t (A minus B)", "stat"), ("df", "Welch df", "stat"), ("p", "p (two-sided)", "p")),
             intent="Welch two-sample t-test on the CSV long-format data, two-sided, difference A - B: t, Welch-Satterthwaite df, p.")


def b02():
    cols = [normal(12.2, 0.5, 6), normal(12.7, 0.5, 6), normal(12.1, 0.5, 6)]
    d = dict(cols=cols)

    def render(d):
        rows = "\n".join("| " + " | ".join(f(c[i], 1) for c in d["cols"]) + " |" for i in range(6))
        return ("Fill weights (g) of sachets pulled on three shifts this week:\n\n"
                "| Shift A | Shift B | Shift C |\n|---|---|---|\n" + rows + "\n\n"
                "One-way ANOVA please: are the three shift means the same? Just give me F and the p-value.")

    def parse(t):
        rows = re.findall(rf"^\|\s*({NUM})\s*\|\s*({NUM})\s*\|\s*({NUM})\s*\|$", t, re.M)
        return dict(cols=[[num(r[j]) for r in rows] for j in range(3)])

    def lib(d):
        r = ss.f_oneway(*d["cols"])
        return dict(F=r.statistic, p=r.pvalue)

    def hand(d):
        F, d1, d2 = f_oneway_hand(d["cols"])
        return dict(F=M(F), p=fsf(F, d1, d2))

    return Q(id="b02", kind=1, tools=["anova_oneway", "dsl_run"], data=d, render=render, parse=parse, lib=lib,
             hand=hand, spec=spec(("F", "F", "stat"), ("p", "p", "p")),
             intent="One-way ANOVA of the three markdown-table columns (shifts A, B, C): F statistic (2, 15 df) and p.")


def b03():
    while True:
        before = normal(3.2, 0.4, 10, 2)
        diff = normal(0.12, 0.22, 10, 2)
        after = [round(b - e, 2) for b, e in zip(before, diff)]
        dd = [Fx(b) - Fx(a) for b, a in zip(before, after)]
        if 0 not in dd and len({abs(x) for x in dd}) == len(dd) and min(after) > 0:
            break
    d = dict(before=before, after=after)

    def render(d):
        rows = "\n".join(f"{i + 1}\t{f(b, 2)}\t{f(a, 2)}" for i, (b, a) in enumerate(zip(d["before"], d["after"])))
        return ("pasted from excel (tab separated). Surface roughness Ra in µm on 10 shafts, measured before and "
                "after we added the extra polishing pass:\n\n"
                "shaft\tbefore\tafter\n" + rows + "\n\n"
                "Wilcoxon signed-rank test on the paired values please, exact two-sided p-value. Give the statistic "
                "as the sum of the ranks of the positive differences, with differences taken as before minus after.")

    def parse(t):
        rows = re.findall(rf"^(\d+)\t({NUM})\t({NUM})$", t, re.M)
        assert [int(r[0]) for r in rows] == list(range(1, len(rows) + 1))
        return dict(before=[num(r[1]) for r in rows], after=[num(r[2]) for r in rows])

    def lib(d):
        g = ss.wilcoxon(d["before"], d["after"], alternative="greater", method="exact")
        t = ss.wilcoxon(d["before"], d["after"], alternative="two-sided", method="exact")
        return dict(W=float(g.statistic), p=t.pvalue)

    def hand(d):
        dd = [Fx(b) - Fx(a) for b, a in zip(d["before"], d["after"])]
        assert 0 not in dd and not ties([abs(x) for x in dd])
        r = franks([abs(x) for x in dd])
        w = sum(ri for ri, x in zip(r, dd) if x > 0)
        n = len(dd)
        cnt = [1] + [0] * (n * (n + 1) // 2)
        for i in range(1, n + 1):
            for s in range(len(cnt) - 1, i - 1, -1):
                cnt[s] += cnt[s - i]
        w = int(w)
        lo = Fr(sum(cnt[: w + 1]), 2 ** n)
        hi = Fr(sum(cnt[w:]), 2 ** n)
        return dict(W=w, p=M(min(Fr(1), 2 * min(lo, hi))))

    return Q(id="b03", kind=1, tools=["wilcoxon_signed_rank", "dsl_run"], data=d, render=render, parse=parse,
             lib=lib, hand=hand, spec=spec(("W", "W+ (sum of ranks of positive before-after differences)", "int"),
                                           ("p", "exact two-sided p", "p")),
             intent="Wilcoxon signed-rank on TSV paired data, d = before - after (no zeros, no ties): W+ and exact two-sided p.")


def b04():
    x = sorted(int(v) for v in rng.choice(np.arange(140, 201), 10, replace=False))
    y = [round(0.31 * xi + 18.0 + float(e), 1) for xi, e in zip(x, rng.normal(0, 1.6, 10))]
    d = dict(x=x, y=y)

    def render(d):
        rows = "\n".join(f"{xi:>8}{f(yi, 1):>10}" for xi, yi in zip(d["x"], d["y"]))
        return ("batch log, reactor temperature vs yield\n\n"
                "  temp_C   yield_%\n" + rows + "\n\n"
                "fit a straight line yield = b0 + b1*temp by ordinary least squares - what are the slope, the "
                "intercept and R^2?")

    def parse(t):
        rows = re.findall(rf"^\s*({NUM})\s+({NUM})\s*$", t, re.M)
        return dict(x=[num(r[0]) for r in rows], y=[num(r[1]) for r in rows])

    def lib(d):
        r = ss.linregress(d["x"], d["y"])
        return dict(b1=r.slope, b0=r.intercept, r2=r.rvalue ** 2)

    def hand(d):
        mx, my = fmean(d["x"]), fmean(d["y"])
        sxy = sum((Fx(a) - mx) * (Fx(b) - my) for a, b in zip(d["x"], d["y"]))
        b1 = sxy / fss(d["x"])
        b0 = my - b1 * mx
        r2 = sxy ** 2 / (fss(d["x"]) * fss(d["y"]))
        return dict(b1=M(b1), b0=M(b0), r2=M(r2))

    return Q(id="b04", kind=1, tools=["regression", "dsl_run"], data=d, render=render, parse=parse, lib=lib,
             hand=hand, spec=spec(("b1", "slope", "stat"), ("b0", "intercept", "stat"), ("r2", "R^2", "stat")),
             intent="Simple OLS regression of yield on temperature from aligned columns: slope, intercept, R^2.")


def b05():
    n = 150
    cnt = [int(v) for v in rng.binomial(n, 0.08, 20)]
    d = dict(n=n, d=cnt)

    def render(d):
        rows = "\n".join(f"day {i + 1}: {c}" for i, c in enumerate(d["d"]))
        return (f"We pull {d['n']} housings off the moulding line every day and count the defectives. "
                "Last 20 days:\n\n" + rows + "\n\n"
                f"Set up a p chart for this (3-sigma limits, constant sample size n = {d['n']}). "
                "What are the centre line, UCL and LCL?")

    def parse(t):
        ns = re.findall(r"We pull (\d+) housings", t) + re.findall(r"sample size n = (\d+)\)", t)
        assert len(ns) == 2 and ns[0] == ns[1]
        rows = re.findall(r"^day (\d+): (\d+)$", t, re.M)
        assert [int(r[0]) for r in rows] == list(range(1, len(rows) + 1))
        return dict(n=num(ns[0]), d=[num(r[1]) for r in rows])

    def lib(d):
        pbar = np.sum(d["d"]) / (d["n"] * len(d["d"]))
        s = np.sqrt(pbar * (1 - pbar) / d["n"])
        return dict(cl=pbar, ucl=pbar + 3 * s, lcl=max(0.0, pbar - 3 * s))

    def hand(d):
        pbar = Fr(sum(d["d"]), d["n"] * len(d["d"]))
        s = msqrt(pbar * (1 - pbar) / d["n"])
        lcl = M(pbar) - 3 * s
        assert lcl > 0
        return dict(cl=M(pbar), ucl=M(pbar) + 3 * s, lcl=lcl)

    return Q(id="b05", kind=1, tools=["control_chart", "summary_chart", "dsl_run"], data=d, render=render,
             parse=parse, lib=lib, hand=hand,
             spec=spec(("cl", "p-bar (centre line)", "stat"), ("ucl", "UCL", "stat"), ("lcl", "LCL", "stat")),
             intent="p chart, constant n = 150, 20 days of 'label: value' counts: p-bar, UCL, LCL = p-bar +/- 3 sqrt(p-bar(1-p-bar)/n).")


def b06():
    g = dict(Pt=normal(71.0, 2.2, 6), Pd=normal(73.5, 2.2, 7), Ni=normal(70.0, 2.2, 5))
    d = dict(Pt=g["Pt"], Pd=g["Pd"], Ni=g["Ni"])
    order = [("Pt", i) for i in range(6)] + [("Pd", i) for i in range(7)] + [("Ni", i) for i in range(5)]
    perm = [int(i) for i in rng.permutation(len(order))]

    def render(d):
        rows = "\n".join(f"{order[i][0]:<9}{f(d[order[i][0]][order[i][1]], 1)}" for i in perm)
        return ("Conversion (%) from the catalyst screening, one row per run, in run order:\n\n"
                "catalyst conversion\n" + rows + "\n\n"
                "Kruskal-Wallis test across the three catalysts please (H corrected for ties, p from the "
                "chi-square approximation).")

    def parse(t):
        out = {"Pt": [None] * 6, "Pd": [None] * 7, "Ni": [None] * 5}
        rows = re.findall(rf"^(Pt|Pd|Ni)\s+({NUM})$", t, re.M)
        assert len(rows) == len(perm)
        for (lab, v), i in zip(rows, perm):
            assert order[i][0] == lab
            out[lab][order[i][1]] = num(v)
        return out

    def lib(d):
        r = ss.kruskal(d["Pt"], d["Pd"], d["Ni"])
        return dict(H=r.statistic, p=r.pvalue)

    def hand(d):
        groups = [d["Pt"], d["Pd"], d["Ni"]]
        allv = [v for gg in groups for v in gg]
        r = franks(allv)
        N = len(allv)
        pos, H = 0, Fr(0)
        for gg in groups:
            R = sum(r[pos:pos + len(gg)])
            H += R ** 2 / len(gg)
            pos += len(gg)
        H = Fr(12, N * (N + 1)) * H - 3 * (N + 1)
        C = 1 - Fr(sum(tt ** 3 - tt for tt in ties(allv)), N ** 3 - N)
        H = H / C
        return dict(H=M(H), p=chi2sf(H, 2))

    return Q(id="b06", kind=1, tools=["kruskal_wallis", "dsl_run"], data=d, render=render, parse=parse, lib=lib,
             hand=hand, spec=spec(("H", "H (tie-corrected)", "stat"), ("p", "p (chi-square, 2 df)", "p")),
             intent="Kruskal-Wallis on long-format rows (catalyst, conversion): tie-corrected H and chi-square(2) p.")


def b07():
    lam = np.array([[22, 15, 9], [18, 17, 12], [12, 14, 19]])
    tab = [[int(v) for v in row] for row in rng.poisson(lam)]
    d = dict(tab=tab)

    def render(d):
        t = d["tab"]
        lines = [f"{'':8}{'scratch':>9}{'dent':>7}{'stain':>8}"]
        for lab, row in zip(["early", "late", "night"], t):
            lines.append(f"{lab:<8}{row[0]:>9}{row[1]:>7}{row[2]:>8}")
        return ("Defect type by shift, counts from last quarter's rejects:\n\n" + "\n".join(lines) + "\n\n"
                "Is the defect type independent of shift? Chi-square test of independence - give the chi-square "
                "statistic, its degrees of freedom and the p-value.")

    def parse(t):
        rows = [re.findall(rf"^{lab}\s+(\d+)\s+(\d+)\s+(\d+)$", t, re.M) for lab in ["early", "late", "night"]]
        assert all(len(r) == 1 for r in rows)
        return dict(tab=[[num(v) for v in r[0]] for r in rows])

    def lib(d):
        c, p, dof, _ = ss.chi2_contingency(np.array(d["tab"]), correction=False)
        return dict(chi2=c, df=int(dof), p=p)

    def hand(d):
        t = d["tab"]
        R = [sum(r) for r in t]
        C = [sum(col) for col in zip(*t)]
        N = sum(R)
        chi = sum((Fr(t[i][j]) - Fr(R[i] * C[j], N)) ** 2 / Fr(R[i] * C[j], N) for i in range(3) for j in range(3))
        df = (len(R) - 1) * (len(C) - 1)
        return dict(chi2=M(chi), df=df, p=chi2sf(chi, df))

    return Q(id="b07", kind=1, tools=["chi_square", "dsl_run"], data=d, render=render, parse=parse, lib=lib,
             hand=hand, spec=spec(("chi2", "chi-square", "stat"), ("df", "df", "int"), ("p", "p", "p")),
             intent="Pearson chi-square test of independence on the 3x3 shift-by-defect contingency table: chi2, df, p.")


def b08():
    sub = [normal(25.00, 0.05, 4, 2) for _ in range(15)]
    d = dict(sub=sub)

    def render(d):
        rows = "\n".join(f"Subgroup {i + 1}: " + ", ".join(f(v, 2) for v in s) for i, s in enumerate(d["sub"]))
        return ("Shaft OD (mm), 4 consecutive parts every hour:\n\n" + rows + "\n\n"
                "Need X-bar and R chart limits from this (3-sigma, tabulated constants for subgroups of 4): "
                "UCL and LCL for X-bar, and the UCL for the range chart.")

    def parse(t):
        rows = re.findall(r"^Subgroup (\d+): (.*)$", t, re.M)
        assert [int(r[0]) for r in rows] == list(range(1, len(rows) + 1))
        return dict(sub=[nums(r[1]) for r in rows])

    def lib(d):
        a = np.array(d["sub"])
        xbb = a.mean()
        rbar = (a.max(1) - a.min(1)).mean()
        c = TAB[a.shape[1]]
        return dict(uclx=xbb + c["A2"] * rbar, lclx=xbb - c["A2"] * rbar, uclr=c["D4"] * rbar)

    def hand(d):
        n = len(d["sub"][0])
        xbb = fmean([fmean(s) for s in d["sub"]])
        rbar = fmean([max(Fx(v) for v in s) - min(Fx(v) for v in s) for s in d["sub"]])
        d2, d3 = d2_exact(n), d3_exact(n)
        A2 = 3 / (d2 * mp.sqrt(n))
        D4 = 1 + 3 * d3 / d2
        return dict(uclx=M(xbb) + A2 * M(rbar), lclx=M(xbb) - A2 * M(rbar), uclr=D4 * M(rbar))

    return Q(id="b08", kind=1, tools=["control_chart", "spc_constants", "dsl_run"], data=d, render=render,
             parse=parse, lib=lib, hand=hand,
             spec=spec(("uclx", "X-bar UCL", "stat"), ("lclx", "X-bar LCL", "stat"), ("uclr", "R UCL", "stat")),
             intent="X-bar/R chart from 15 subgroups of 4: X-bar limits = grand mean +/- A2*Rbar (A2=0.729), R UCL = D4*Rbar (D4=2.282).")


def b09():
    ops, machs = ["Ann", "Bo", "Cy"], ["old", "new"]
    opf = {"Ann": 0.0, "Bo": 0.7, "Cy": -0.3}
    mf = {"old": 0.0, "new": -0.4}
    inter = {("Cy", "new"): 1.3}
    y = {}
    for o in ops:
        for m in machs:
            mu = 48.0 + opf[o] + mf[m] + inter.get((o, m), 0.0)
            y[f"{o}_{m}"] = normal(mu, 0.8, 3)
    d = y

    def render(d):
        rows = []
        for rep in range(3):
            for o in ops:
                for m in machs:
                    rows.append(f"{o},{m},{f(d[f'{o}_{m}'][rep], 1)}")
        return ("Coating thickness study, 3 operators x 2 machines, 3 repeats each (balanced):\n\n"
                "operator,machine,thickness_um\n" + "\n".join(rows) + "\n\n"
                "Two-way ANOVA with the operator x machine interaction in the model. I want the F and p-value for "
                "the interaction, and the p-value for the operator main effect.")

    def parse(t):
        out = {k: [] for k in d}
        for o, m, v in re.findall(rf"^(Ann|Bo|Cy),(old|new),({NUM})$", t, re.M):
            out[f"{o}_{m}"].append(num(v))
        return out

    def frame(d):
        rows = [(k.split("_")[0], k.split("_")[1], v) for k in d for v in d[k]]
        return pd.DataFrame(rows, columns=["op", "mach", "y"])

    def lib(d):
        mdl = smf.ols("y ~ C(op) * C(mach)", data=frame(d)).fit()
        import statsmodels.api as sm
        tab = sm.stats.anova_lm(mdl, typ=2)
        return dict(Fi=tab.loc["C(op):C(mach)", "F"], pi=tab.loc["C(op):C(mach)", "PR(>F)"],
                    po=tab.loc["C(op)", "PR(>F)"])

    def hand(d):
        r = 3
        cell = {(o, m): fmean(d[f"{o}_{m}"]) for o in ops for m in machs}
        gm = fmean([v for k in d for v in d[k]])
        mo = {o: fmean([v for m in machs for v in d[f"{o}_{m}"]]) for o in ops}
        mm = {m: fmean([v for o in ops for v in d[f"{o}_{m}"]]) for m in machs}
        ssa = len(machs) * r * sum((mo[o] - gm) ** 2 for o in ops)
        ssab = r * sum((cell[(o, m)] - mo[o] - mm[m] + gm) ** 2 for o in ops for m in machs)
        sse = sum(fss(d[k]) for k in d)
        dfa, dfab, dfe = 2, 2, len(ops) * len(machs) * (r - 1)
        mse = sse / dfe
        Fa, Fi = (ssa / dfa) / mse, (ssab / dfab) / mse
        return dict(Fi=M(Fi), pi=fsf(Fi, dfab, dfe), po=fsf(Fa, dfa, dfe))

    return Q(id="b09", kind=1, tools=["anova_twoway", "dsl_run"], data=d, render=render, parse=parse, lib=lib,
             hand=hand, spec=spec(("Fi", "F (operator x machine)", "stat"), ("pi", "p (interaction)", "p"),
                                  ("po", "p (operator)", "p")),
             intent="Balanced two-way ANOVA with interaction (3x2, r=3) from long CSV: interaction F and p, operator p.")


def b10():
    hv = [int(v) for v in rng.integers(280, 341, 12)]
    wear = [round(9.5 - 0.012 * h + float(e), 1) for h, e in zip(hv, rng.normal(0, 0.35, 12))]
    d = dict(hv=hv, wear=wear)

    def render(d):
        rows = "\n".join(f"| {i + 1} | {h} | {f(w, 1)} |" for i, (h, w) in enumerate(zip(d["hv"], d["wear"])))
        return ("Does harder material wear less? Pin-on-disc results:\n\n"
                "| sample | hardness (HV) | wear loss (mg) |\n|---|---|---|\n" + rows + "\n\n"
                "Spearman rank correlation with average ranks for ties; p-value two-sided from the usual t "
                "approximation with n-2 df.")

    def parse(t):
        rows = re.findall(rf"^\| (\d+) \| ({NUM}) \| ({NUM}) \|$", t, re.M)
        assert [int(r[0]) for r in rows] == list(range(1, len(rows) + 1))
        return dict(hv=[num(r[1]) for r in rows], wear=[num(r[2]) for r in rows])

    def lib(d):
        r = ss.spearmanr(d["hv"], d["wear"])
        return dict(rho=r.statistic, p=r.pvalue)

    def hand(d):
        rho = fpearson(franks(d["hv"]), franks(d["wear"]))
        n = len(d["hv"])
        t = rho * mp.sqrt((n - 2) / (1 - rho ** 2))
        return dict(rho=rho, p=t2p(t, n - 2))

    return Q(id="b10", kind=1, tools=["correlation", "dsl_run"], data=d, render=render, parse=parse, lib=lib,
             hand=hand, spec=spec(("rho", "Spearman rho", "stat"), ("p", "p (two-sided, t approx)", "p")),
             intent="Spearman rank correlation (average ranks) of hardness vs wear from a markdown table; two-sided p from t with n-2 df.")


def b11():
    before = normal(12.0, 0.4, 10)
    after = normal(11.7, 0.4, 9)
    d = dict(before=before, after=after)

    def render(d):
        return ("Torque readings (N·m) from the same fixtures before and after re-greasing:\n\n"
                "before: " + ", ".join(f(v, 1) for v in d["before"]) + "\n"
                "after: " + ", ".join(f(v, 1) for v in d["after"]) + "\n\n"
                "Paired t-test, two-sided, on after minus before please. t and p.")

    def parse(t):
        return dict(before=nums(re.findall(r"^before: (.*)$", t, re.M)[0]),
                    after=nums(re.findall(r"^after: (.*)$", t, re.M)[0]))

    def defect(d):
        return len(d["before"]) != len(d["after"])

    def defect_text(t):
        b = re.search(r"^before: (.*)$", t, re.M).group(1)
        a = re.search(r"^after: (.*)$", t, re.M).group(1)
        return b.count(",") != a.count(",")

    return Q(id="b11", kind=1, tools=["t_test", "dsl_run"], data=d, render=render, parse=parse, refuse=True,
             defect=defect, defect_text=defect_text, spec=[],
             reason="paired test with 10 'before' but 9 'after' values (mismatched lengths, pairs undefined)",
             intent="Refuse: a paired t-test needs equal-length paired columns; 10 before vs 9 after values.")


def b12():
    x = normal(24.30, 0.05, 20, 2)
    d = dict(x=x)

    def render(d):
        rows = "\n".join(f"{i + 1};{f(v, 2).replace('.', ',')}" for i, v in enumerate(d["x"]))
        return ("Our plant in Stuttgart sent this export (semicolon separated, decimal commas), bore diameter in mm:\n\n"
                "Probe;Durchmesser_mm\n" + rows + "\n\n"
                "Anderson-Darling normality test please. Report the plain A² statistic (estimated mean and SD, "
                "n-1 divisor) and the p-value from the usual small-sample-adjusted A*² = A²(1+0.75/n+2.25/n²) formula.")

    def parse(t):
        rows = re.findall(r"^(\d+);(-?\d+,\d+)$", t, re.M)
        assert [int(r[0]) for r in rows] == list(range(1, len(rows) + 1))
        return dict(x=[float(r[1].replace(",", ".")) for r in rows])

    def lib(d):
        a = ss.anderson(np.array(d["x"]), method="interpolate").statistic
        a2, p = normal_ad(np.array(d["x"]))
        assert abs(a - a2) < 1e-9
        return dict(A2=a, p=p)

    def hand(d):
        n = len(d["x"])
        m, s = M(fmean(d["x"])), msqrt(fvar(d["x"]))
        z = sorted((M(v) - m) / s for v in d["x"])
        S = sum((2 * i - 1) * (mp.log(mp.ncdf(z[i - 1])) + mp.log(1 - mp.ncdf(z[n - i]))) for i in range(1, n + 1))
        A2 = -n - S / n
        a = A2 * (1 + mp.mpf(0.75) / n + mp.mpf(2.25) / n ** 2)
        if a >= 0.6:
            p = mp.exp(1.2937 - 5.709 * a + 0.0186 * a ** 2)
        elif a >= 0.34:
            p = mp.exp(0.9177 - 4.279 * a - 1.38 * a ** 2)
        elif a >= 0.2:
            p = 1 - mp.exp(-8.318 + 42.796 * a - 59.938 * a ** 2)
        else:
            p = 1 - mp.exp(-13.436 + 101.14 * a - 223.73 * a ** 2)
        return dict(A2=A2, p=p)

    return Q(id="b12", kind=1, tools=["normality", "dsl_run"], data=d, render=render, parse=parse, lib=lib,
             hand=hand, spec=spec(("A2", "A^2 (unadjusted)", "stat"), ("p", "p (adjusted A*^2 formula)", "p")),
             intent="Anderson-Darling normality test on semicolon/decimal-comma data: unadjusted A^2 and p from A*^2 = A^2(1+0.75/n+2.25/n^2).")


def b13():
    temps, press = [150, 170, 190], [2, 4, 6, 8]
    y = [normal(60 + 3 * i, 1.2, 4) for i in range(3)]
    d = dict(temps=temps, press=press, y=y)

    def render(d):
        head = "T \\ p (bar)" + "".join(f"{p:>7}" for p in d["press"])
        rows = "\n".join(f"{t:<11}" + "".join(f"{f(v, 1):>7}" for v in row) for t, row in zip(d["temps"], d["y"]))
        return ("Tensile strength (MPa) of welded coupons, one coupon per temperature/pressure setting:\n\n"
                + head + "\n" + rows + "\n\n"
                "Please run a two-way ANOVA with temperature, pressure AND the temperature x pressure interaction, "
                "and tell me the F and p-value of the interaction term.")

    def parse(t):
        head = re.search(r"^T \\ p \(bar\)(.*)$", t, re.M).group(1)
        rows = re.findall(rf"^(\d+)[ ]+((?:{NUM}[ ]*)+)$", t, re.M)
        return dict(temps=[num(r[0]) for r in rows], press=nums(head), y=[nums(r[1]) for r in rows])

    def defect(d):
        N = sum(len(r) for r in d["y"])
        cells = len(d["temps"]) * len(d["press"])
        return N - cells == 0  # residual df of the full two-way model with interaction

    def defect_text(t):
        rows = re.findall(rf"^(\d+)[ ]+((?:{NUM}[ ]*)+)$", t, re.M)
        return all(len(nums(r[1])) == 4 for r in rows) and "one coupon per" in t

    return Q(id="b13", kind=1, tools=["anova_twoway", "dsl_run"], data=d, render=render, parse=parse, refuse=True,
             defect=defect, defect_text=defect_text, spec=[],
             reason="3x4 table with one observation per cell: the model with interaction leaves 0 error df",
             intent="Refuse: one observation per cell, so the two-way model with interaction has zero error df; no F or p exists.")


def b14():
    cols = [normal(4.2, 0.10, 8, 2), normal(4.2, 0.22, 8, 2), normal(4.25, 0.14, 8, 2)]
    d = dict(cols=cols)

    def render(d):
        rows = "\n".join("  ".join(f(c[i], 2) for c in d["cols"]) for i in range(8))
        return ("spray width (cm) from three nozzles\n\nnozzleA  nozzleB  nozzleC\n" + rows + "\n\n"
                "do the nozzles differ in variability? levene test centred on the median (brown-forsythe). "
                "statistic and p")

    def parse(t):
        rows = re.findall(rf"^({NUM})  ({NUM})  ({NUM})$", t, re.M)
        return dict(cols=[[num(r[j]) for r in rows] for j in range(3)])

    def lib(d):
        r = ss.levene(*d["cols"], center="median")
        return dict(W=r.statistic, p=r.pvalue)

    def hand(d):
        z = []
        for c in d["cols"]:
            s = sorted(Fx(v) for v in c)
            n = len(s)
            med = s[n // 2] if n % 2 else (s[n // 2 - 1] + s[n // 2]) / 2
            z.append([abs(Fx(v) - med) for v in c])
        F, d1, d2 = f_oneway_hand(z)
        return dict(W=M(F), p=fsf(F, d1, d2))

    return Q(id="b14", kind=1, tools=["levene", "dsl_run"], data=d, render=render, parse=parse, lib=lib, hand=hand,
             spec=spec(("W", "Brown-Forsythe W (F)", "stat"), ("p", "p", "p")),
             intent="Brown-Forsythe (median-centred Levene) test on three whitespace-separated columns: statistic and p.")


# ============================================================================
# KIND 2: intent carried by wording
# ============================================================================
def b15():
    while True:
        old = normal(41.0, 3.0, 8)
        new = normal(38.5, 3.0, 9)
        if len({Fx(v) for v in old + new}) == 17:
            break
    d = dict(old=old, new=new)

    def render(d):
        return ("Cycle times in seconds, old fixture vs new fixture:\n"
                "old: " + " ".join(f(v, 1) for v in d["old"]) + "\n"
                "new: " + " ".join(f(v, 1) for v in d["new"]) + "\n"
                "These times are always skewed (a few long jams), so I don't want anything that assumes normality. "
                "Is there a shift between the two fixtures? Give me the exact two-sided p-value, and the U statistic "
                "for the new fixture, i.e. the number of (new, old) pairs in which the new time is larger.")

    def parse(t):
        return dict(old=nums(re.search(r"^old: (.*)$", t, re.M).group(1)),
                    new=nums(re.search(r"^new: (.*)$", t, re.M).group(1)))

    def lib(d):
        r = ss.mannwhitneyu(d["new"], d["old"], alternative="two-sided", method="exact")
        return dict(U=float(r.statistic), p=r.pvalue)

    def hand(d):
        m, n = len(d["new"]), len(d["old"])
        assert not ties(d["new"] + d["old"])
        U = sum(1 for a in d["new"] for b in d["old"] if Fx(a) > Fx(b))
        memo = {}

        def cnt(m, n, u):
            if u < 0:
                return 0
            if m == 0 or n == 0:
                return 1 if u == 0 else 0
            key = (m, n, u)
            if key not in memo:
                memo[key] = cnt(m - 1, n, u - n) + cnt(m, n - 1, u)
            return memo[key]

        tot = math.comb(m + n, m)
        lo = Fr(sum(cnt(m, n, u) for u in range(U + 1)), tot)
        hi = Fr(sum(cnt(m, n, u) for u in range(U, m * n + 1)), tot)
        return dict(U=U, p=M(min(Fr(1), 2 * min(lo, hi))))

    return Q(id="b15", kind=2, tools=["mann_whitney", "dsl_run"], data=d, render=render, parse=parse, lib=lib,
             hand=hand, spec=spec(("U", "U (new fixture)", "int"), ("p", "exact two-sided p", "p")),
             intent="'No normality assumed', two independent samples: Mann-Whitney U for new (pairs new>old), exact two-sided p.")


def b16():
    x = normal(501.1, 1.9, 12)
    d = dict(nom=500, x=x)

    def render(d):
        return (f"Nominal fill volume on this SKU is {d['nom']} ml. Twelve bottles off the filler this morning read "
                + ", ".join(f(v, 1) for v in d["x"]) +
                " ml. Is the filler running on nominal or is it off? I'd test it two-sided at 5% - what are the "
                "t statistic and p-value?")

    def parse(t):
        lst = re.search(r"this morning read (.*?) ml\.", t).group(1)
        return dict(nom=one(r"fill volume on this SKU is (\d+) ml", t), x=nums(lst))

    def lib(d):
        r = ss.ttest_1samp(d["x"], d["nom"])
        return dict(t=r.statistic, p=r.pvalue)

    def hand(d):
        n = len(d["x"])
        t = M(fmean(d["x"]) - d["nom"]) / msqrt(fvar(d["x"]) / n)
        return dict(t=t, p=t2p(t, n - 1))

    return Q(id="b16", kind=2, tools=["t_test", "dsl_run"], data=d, render=render, parse=parse, lib=lib, hand=hand,
             spec=spec(("t", "t (mean - nominal)", "stat"), ("p", "p (two-sided)", "p")),
             intent="One-sample t-test of the 12 fills against the nominal 500 ml, two-sided: t and p.")


def b17():
    x = normal(25.5, 0.7, 10)
    x[6] = round(x[6] - 3.1, 1)
    d = dict(x=x, drop=7, target=25.0)

    def render(d):
        rows = "\n".join(f"run {i + 1}: {f(v, 1)}" for i, v in enumerate(d["x"]))
        return ("Hardness (HRC) of the heat-treat trial:\n" + rows + "\n"
                f"Run {d['drop']} was the first shot after the die change (cold die) so please leave it out of "
                f"everything. With what's left, is the mean hardness different from our {f(d['target'], 1)} HRC target? "
                "Two-sided. Give me the mean, t and p.")

    def parse(t):
        rows = re.findall(rf"^run (\d+): ({NUM})$", t, re.M)
        assert [int(r[0]) for r in rows] == list(range(1, len(rows) + 1))
        return dict(x=[num(r[1]) for r in rows], drop=one(r"^Run (\d+) was the first shot", t, re.M),
                    target=one(rf"different from our ({NUM}) HRC target", t))

    def keep(d):
        assert 1 <= d["drop"] <= len(d["x"])
        return [v for i, v in enumerate(d["x"]) if i + 1 != d["drop"]]

    def lib(d):
        k = keep(d)
        r = ss.ttest_1samp(k, d["target"])
        return dict(mean=np.mean(k), t=r.statistic, p=r.pvalue)

    def hand(d):
        k = keep(d)
        n = len(k)
        t = M(fmean(k) - Fx(d["target"])) / msqrt(fvar(k) / n)
        return dict(mean=M(fmean(k)), t=t, p=t2p(t, n - 1))

    return Q(id="b17", kind=2, tools=["t_test", "describe", "dsl_run"], data=d, render=render, parse=parse,
             lib=lib, hand=hand, spec=spec(("mean", "mean without run 7", "stat"), ("t", "t (mean - target)", "stat"),
                                           ("p", "p (two-sided)", "p")),
             intent="Drop the named run 7, then one-sample t-test of the 9 remaining values vs the 25.0 target: mean, t, two-sided p.")


def b18():
    c = [int(v) for v in rng.poisson(12.5, 20)]
    d = dict(c=c)

    def render(d):
        return ("we inspect every painted door panel (all the same size) and count the blemishes on it. "
                "counts for the last 20 panels: " + ", ".join(str(v) for v in d["c"]) +
                ". what should the centre line and 3-sigma control limits be for tracking blemishes per panel?")

    def parse(t):
        return dict(c=nums(re.search(r"last 20 panels: (.*?)\. what", t).group(1)))

    def lib(d):
        cb = np.mean(d["c"])
        return dict(cl=cb, ucl=cb + 3 * np.sqrt(cb), lcl=cb - 3 * np.sqrt(cb))

    def hand(d):
        cb = fmean(d["c"])
        lcl = M(cb) - 3 * msqrt(cb)
        assert lcl > 0
        return dict(cl=M(cb), ucl=M(cb) + 3 * msqrt(cb), lcl=lcl)

    return Q(id="b18", kind=2, tools=["control_chart", "dsl_run"], data=d, render=render, parse=parse, lib=lib,
             hand=hand, spec=spec(("cl", "c-bar", "stat"), ("ucl", "UCL", "stat"), ("lcl", "LCL", "stat")),
             intent="Defect counts per equal-size unit -> c chart: c-bar, c-bar +/- 3 sqrt(c-bar).")


def b19():
    x = [int(v) for v in np.round(rng.normal(3120, 28, 18))]
    d = dict(x=x)

    def render(d):
        return ("Each resin batch gets exactly one viscosity reading (cP) at release. The last 18 batches, in order: "
                + ", ".join(str(v) for v in d["x"]) +
                ". I want to chart these going forward: 3-sigma limits with sigma estimated from the average moving "
                "range of consecutive batches. What are the upper and lower limits for the individual readings?")

    def parse(t):
        return dict(x=nums(re.search(r"in order: (.*?)\. I want", t).group(1)))

    def lib(d):
        x = np.array(d["x"], float)
        mr = np.abs(np.diff(x)).mean()
        return dict(ucl=x.mean() + TAB[2]["E2"] * mr, lcl=x.mean() - TAB[2]["E2"] * mr)

    def hand(d):
        xb = fmean(d["x"])
        mr = fmean([abs(Fx(a) - Fx(b)) for a, b in zip(d["x"][1:], d["x"][:-1])])
        sig = M(mr) / d2_exact(2)
        return dict(ucl=M(xb) + 3 * sig, lcl=M(xb) - 3 * sig)

    return Q(id="b19", kind=2, tools=["control_chart", "dsl_run"], data=d, render=render, parse=parse, lib=lib,
             hand=hand, spec=spec(("ucl", "I chart UCL", "stat"), ("lcl", "I chart LCL", "stat")),
             intent="One reading per batch -> individuals (I-MR) chart: mean +/- 2.66*MRbar (sigma = MRbar/1.128).")


def b20():
    x = normal(12.06, 0.13, 30, 2)
    d = dict(nom=12.0, tol=0.5, x=x)

    def render(d):
        rows = "\n".join(" ".join(f(v, 2) for v in d["x"][i:i + 10]) for i in range(0, 30, 10))
        return (f"Spec on the bracket length is {f(d['nom'], 1)} ± {f(d['tol'], 1)} mm. Here are 30 parts from "
                "across the last two weeks (several setups mixed in):\n" + rows + "\n"
                "I want to know how the process has actually performed long-term - use the overall standard "
                "deviation of all 30 readings (n-1 divisor), not a within-subgroup sigma. What indices do I get, "
                "both the spread-only one and the one that accounts for centring?")

    def parse(t):
        m = re.search(rf"bracket length is ({NUM}) ± ({NUM}) mm", t)
        body = re.search(r"mixed in\):\n(.*?)\nI want", t, re.S).group(1)
        return dict(nom=num(m.group(1)), tol=num(m.group(2)), x=nums(body))

    def lib(d):
        s = ss.tstd(d["x"])
        m = np.mean(d["x"])
        lsl, usl = d["nom"] - d["tol"], d["nom"] + d["tol"]
        return dict(pp=(usl - lsl) / (6 * s), ppk=min(usl - m, m - lsl) / (3 * s))

    def hand(d):
        s = msqrt(fvar(d["x"]))
        m = fmean(d["x"])
        lsl, usl = Fx(d["nom"]) - Fx(d["tol"]), Fx(d["nom"]) + Fx(d["tol"])
        return dict(pp=M(usl - lsl) / (6 * s), ppk=M(min(usl - m, m - lsl)) / (3 * s))

    return Q(id="b20", kind=2, tools=["capability", "dsl_run"], data=d, render=render, parse=parse, lib=lib,
             hand=hand, spec=spec(("pp", "Pp", "stat"), ("ppk", "Ppk", "stat")),
             intent="Overall (long-term) sigma, n-1 divisor, spec 12.0 +/- 0.5: Pp and Ppk.")


def b21():
    old = normal(412, 35, 10, 0)
    new = normal(441, 35, 10, 0)
    old, new = [int(v) for v in old], [int(v) for v in new]
    d = dict(old=old, new=new)

    def render(d):
        return ("The coating supplier claims their new formulation lasts longer than the old one in salt spray. "
                "Hours to first red rust:\n"
                "old formulation - " + ", ".join(map(str, d["old"])) + "\n"
                "new formulation - " + ", ".join(map(str, d["new"])) + "\n"
                "Does our data back their claim at the 5% level? The two spreads are similar enough that I'm happy "
                "to pool the variances. Give t (new minus old) and the p-value for their claim.")

    def parse(t):
        return dict(old=nums(re.search(r"^old formulation - (.*)$", t, re.M).group(1)),
                    new=nums(re.search(r"^new formulation - (.*)$", t, re.M).group(1)))

    def lib(d):
        r = ss.ttest_ind(d["new"], d["old"], equal_var=True, alternative="greater")
        return dict(t=r.statistic, p=r.pvalue)

    def hand(d):
        n1, n2 = len(d["new"]), len(d["old"])
        sp2 = (fss(d["new"]) + fss(d["old"])) / (n1 + n2 - 2)
        t = M(fmean(d["new"]) - fmean(d["old"])) / msqrt(sp2 * (Fr(1, n1) + Fr(1, n2)))
        return dict(t=t, p=tup(t, n1 + n2 - 2))

    return Q(id="b21", kind=2, tools=["t_test", "dsl_run"], data=d, render=render, parse=parse, lib=lib, hand=hand,
             spec=spec(("t", "t (new - old)", "stat"), ("p", "one-sided p (new > old)", "p")),
             intent="Claim 'new lasts longer' -> one-sided pooled two-sample t-test, new - old: t and upper-tail p.")


def b22():
    d = dict(m1=14.62, s1=1.08, n1=15, m2=13.71, s2=2.34, n2=11)

    def render(d):
        return (f"I only have the summary sheet. Line A: mean {f(d['m1'], 2)} kN, SD {f(d['s1'], 2)}, n = {d['n1']}. "
                f"Line B: mean {f(d['m2'], 2)} kN, SD {f(d['s2'], 2)}, n = {d['n2']}. Do the means differ "
                "(two-sided)? The SDs are obviously different so don't give me the pooled version. "
                "I need t for A minus B, the degrees of freedom you used and p.")

    def parse(t):
        a = re.search(rf"Line A: mean ({NUM}) kN, SD ({NUM}), n = (\d+)\.", t)
        b = re.search(rf"Line B: mean ({NUM}) kN, SD ({NUM}), n = (\d+)\.", t)
        return dict(m1=num(a.group(1)), s1=num(a.group(2)), n1=num(a.group(3)),
                    m2=num(b.group(1)), s2=num(b.group(2)), n2=num(b.group(3)))

    def lib(d):
        r = ss.ttest_ind_from_stats(d["m1"], d["s1"], d["n1"], d["m2"], d["s2"], d["n2"], equal_var=False)
        v1, v2 = d["s1"] ** 2 / d["n1"], d["s2"] ** 2 / d["n2"]
        df = (v1 + v2) ** 2 / (v1 ** 2 / (d["n1"] - 1) + v2 ** 2 / (d["n2"] - 1))
        return dict(t=r.statistic, df=df, p=r.pvalue)

    def hand(d):
        v1, v2 = Fx(d["s1"]) ** 2 / d["n1"], Fx(d["s2"]) ** 2 / d["n2"]
        t = M(Fx(d["m1"]) - Fx(d["m2"])) / msqrt(v1 + v2)
        df = (v1 + v2) ** 2 / (v1 ** 2 / (d["n1"] - 1) + v2 ** 2 / (d["n2"] - 1))
        return dict(t=t, df=M(df), p=t2p(t, df))

    return Q(id="b22", kind=2, tools=["summary_t_test", "dsl_run"], data=d, render=render, parse=parse, lib=lib,
             hand=hand, spec=spec(("t", "t (A - B)", "stat"), ("df", "Welch df", "stat"), ("p", "p (two-sided)", "p")),
             intent="Summary figures only, 'not the pooled version' -> Welch t from summaries, A - B: t, Welch df, two-sided p.")


def b23():
    d = dict(n=16, md=8.4, sd=12.1, conf=95)

    def render(d):
        return (f"Gauge correlation study: {d['n']} parts, each measured once on gauge 1 and once on gauge 2. "
                f"All I've got left is the summary of the differences (gauge 1 minus gauge 2): mean {f(d['md'], 1)} µm, "
                f"standard deviation {f(d['sd'], 1)} µm. What's the {d['conf']}% confidence interval for the mean "
                "difference, and the two-sided p-value for 'no bias between the gauges'?")

    def parse(t):
        return dict(n=one(r"study: (\d+) parts", t), md=one(rf"mean ({NUM}) µm", t),
                    sd=one(rf"standard deviation ({NUM}) µm", t), conf=one(r"What's the (\d+)% confidence", t))

    def lib(d):
        se = d["sd"] / np.sqrt(d["n"])
        lo, hi = ss.t.interval(d["conf"] / 100, d["n"] - 1, loc=d["md"], scale=se)
        p = 2 * ss.t.sf(abs(d["md"] / se), d["n"] - 1)
        return dict(lo=lo, hi=hi, p=p)

    def hand(d):
        se = msqrt(Fx(d["sd"]) ** 2 / d["n"])
        tc = tppf_upper((1 - M(d["conf"]) / 100) / 2, d["n"] - 1)
        t = M(d["md"]) / se
        return dict(lo=M(d["md"]) - tc * se, hi=M(d["md"]) + tc * se, p=t2p(t, d["n"] - 1))

    return Q(id="b23", kind=2, tools=["summary_t_test", "dsl_run"], data=d, render=render, parse=parse, lib=lib,
             hand=hand, spec=spec(("lo", "95% CI lower", "stat"), ("hi", "95% CI upper", "stat"),
                                  ("p", "p (two-sided)", "p")),
             intent="Paired differences from summary figures (n=16, mean 8.4, sd 12.1): 95% t CI for the mean difference and two-sided paired p.")


def b24():
    d = dict(x1=27, n1=400, x2=41, n2=420)

    def render(d):
        return (f"Line 1 shipped {d['n1']} gearboxes last month and {d['x1']} came back with a leak. Line 2 shipped "
                f"{d['n2']} and {d['x2']} leaked. My manager thinks line 2 is worse. Is that real or just noise? "
                "Compare the two leak rates with the usual pooled normal-approximation comparison, no continuity "
                "correction, testing only the direction 'line 2 worse'. z (line 2 minus line 1) and p please.")

    def parse(t):
        m1 = re.search(r"Line 1 shipped (\d+) gearboxes last month and (\d+) came back", t)
        m2 = re.search(r"Line 2 shipped (\d+) and (\d+) leaked", t)
        return dict(x1=num(m1.group(2)), n1=num(m1.group(1)), x2=num(m2.group(2)), n2=num(m2.group(1)))

    def lib(d):
        z, p = proportions_ztest([d["x2"], d["x1"]], [d["n2"], d["n1"]], alternative="larger")
        return dict(z=z, p=p)

    def hand(d):
        p1, p2 = Fr(d["x1"], d["n1"]), Fr(d["x2"], d["n2"])
        pp = Fr(d["x1"] + d["x2"], d["n1"] + d["n2"])
        z = M(p2 - p1) / msqrt(pp * (1 - pp) * (Fr(1, d["n1"]) + Fr(1, d["n2"])))
        return dict(z=z, p=nsf(z))

    return Q(id="b24", kind=2, tools=["proportion_test", "dsl_run"], data=d, render=render, parse=parse, lib=lib,
             hand=hand, spec=spec(("z", "z (line 2 - line 1)", "stat"), ("p", "one-sided p", "p")),
             intent="Two proportions (defective counts), pooled z without continuity correction, one-sided line 2 > line 1: z, p.")


def b25():
    n = [50, 50, 45, 50, 48, 50, 50, 45]
    dd = [int(v) for v in rng.binomial(50, 0.06, 8)]
    dd[5] = 53
    d = dict(n=n, d=dd)

    def render(d):
        rows = "\n".join(f"lot {i + 1}: {a} inspected, {b} defective" for i, (a, b) in enumerate(zip(d["n"], d["d"])))
        return ("Incoming inspection of connector lots:\n" + rows + "\n"
                "Can you build me a chart of the fraction defective per lot with its 3-sigma limits (they'll vary "
                "with lot size)?")

    def parse(t):
        rows = re.findall(r"^lot (\d+): (\d+) inspected, (\d+) defective$", t, re.M)
        assert [int(r[0]) for r in rows] == list(range(1, len(rows) + 1))
        return dict(n=[num(r[1]) for r in rows], d=[num(r[2]) for r in rows])

    def defect(d):
        return any(b > a for a, b in zip(d["n"], d["d"]))

    def defect_text(t):
        return any(int(b) > int(a) for a, b in re.findall(r"(\d+) inspected, (\d+) defective", t))

    return Q(id="b25", kind=2, tools=["control_chart", "dsl_run"], data=d, render=render, parse=parse, refuse=True,
             defect=defect, defect_text=defect_text, spec=[],
             reason="lot 6 reports 53 defectives out of 50 inspected (a fraction above 1 is impossible)",
             intent="Refuse: p chart requested but one lot has more defectives than units inspected; data impossible.")


def b26():
    m1 = normal(8.00, 0.05, 12, 2)
    m2 = normal(8.00, 0.085, 10, 2)
    d = dict(m1=m1, m2=m2)

    def render(d):
        return ("Machine 2 was rebuilt last month and the operators say it's less consistent than machine 1 now. "
                "Shaft diameters (mm), both look nicely bell-shaped:\n"
                "M1: " + " ".join(f(v, 2) for v in d["m1"]) + "\n"
                "M2: " + " ".join(f(v, 2) for v in d["m2"]) + "\n"
                "Is machine 2 really more variable than machine 1? I only care about that direction. "
                "Give me the ratio of variances (M2 over M1) and the p-value.")

    def parse(t):
        return dict(m1=nums(re.search(r"^M1: (.*)$", t, re.M).group(1)),
                    m2=nums(re.search(r"^M2: (.*)$", t, re.M).group(1)))

    def lib(d):
        F = np.var(d["m2"], ddof=1) / np.var(d["m1"], ddof=1)
        return dict(F=F, p=ss.f.sf(F, len(d["m2"]) - 1, len(d["m1"]) - 1))

    def hand(d):
        F = fvar(d["m2"]) / fvar(d["m1"])
        return dict(F=M(F), p=fsf(F, len(d["m2"]) - 1, len(d["m1"]) - 1))

    return Q(id="b26", kind=2, tools=["variance_test", "dsl_run"], data=d, render=render, parse=parse, lib=lib,
             hand=hand, spec=spec(("F", "F = s2^2/s1^2", "stat"), ("p", "one-sided p (M2 more variable)", "p")),
             intent="'More variable', normal data, one direction -> one-sided F test of variances, F = s_M2^2/s_M1^2 (9, 11 df), upper-tail p.")


def b27():
    x = [round(float(v), 1) for v in 8.0 + rng.gamma(1.6, 2.4, 15)]
    x[4] = 10.0
    d = dict(med=10.0, x=x)

    def render(d):
        return (f"Our datasheet says the median run time of these cells is above {f(d['med'], 1)} hours. "
                "Test results (h): " + ", ".join(f(v, 1) for v in d["x"]) + ". "
                "Run times are badly skewed so I don't trust anything built on the mean - just use how many cells "
                f"land above vs below {f(d['med'], 1)} h, with exact binomial probabilities, one-sided in the "
                f"direction of the datasheet claim. Ignore any cell that came out at exactly {f(d['med'], 1)}. "
                "How many are above, and what's the p-value?")

    def parse(t):
        meds = re.findall(rf"median run time of these cells is above ({NUM}) hours|land above vs below ({NUM}) h|"
                          rf"came out at exactly ({NUM})\.", t)
        vals = {num(x) for m in meds for x in m if x}
        assert len(meds) == 3 and len(vals) == 1
        return dict(med=vals.pop(), x=nums(re.search(r"Test results \(h\): (.*?)\. Run times", t).group(1)))

    def lib(d):
        a = sum(1 for v in d["x"] if v > d["med"])
        b = sum(1 for v in d["x"] if v < d["med"])
        return dict(k=a, p=ss.binomtest(a, a + b, 0.5, alternative="greater").pvalue)

    def hand(d):
        a = sum(1 for v in d["x"] if Fx(v) > Fx(d["med"]))
        b = sum(1 for v in d["x"] if Fx(v) < Fx(d["med"]))
        n = a + b
        return dict(k=a, p=M(Fr(sum(math.comb(n, i) for i in range(a, n + 1)), 2 ** n)))

    return Q(id="b27", kind=2, tools=["sign_test", "dsl_run"], data=d, render=render, parse=parse, lib=lib,
             hand=hand, spec=spec(("k", "number above 10 h", "int"), ("p", "exact one-sided p", "p")),
             intent="Median claim with skewed data -> one-sample sign test vs 10 h, ties at 10 dropped, exact one-sided (median > 10): count above, p.")


def b28():
    while True:
        j1 = normal(6.5, 1.3, 10)
        j2 = [round(0.45 * a + 3.6 + float(e), 1) for a, e in zip(j1, rng.normal(0, 0.9, 10))]
        if len(set(j1)) == 10 and len(set(j2)) == 10:
            break
    d = dict(j1=j1, j2=j2)

    def render(d):
        rows = "\n".join(f"coffee {chr(65 + i)}: {f(a, 1)} / {f(b, 1)}" for i, (a, b) in enumerate(zip(d["j1"], d["j2"])))
        return ("Two tasters scored the same ten coffees (taster 1 / taster 2):\n" + rows + "\n"
                "How well do they agree on the ordering? I'd like the rank agreement measure that is based on "
                "counting concordant versus discordant pairs (no ties here), with an exact two-sided p-value.")

    def parse(t):
        rows = re.findall(rf"^coffee ([A-J]): ({NUM}) / ({NUM})$", t, re.M)
        assert [r[0] for r in rows] == [chr(65 + i) for i in range(len(rows))]
        return dict(j1=[num(r[1]) for r in rows], j2=[num(r[2]) for r in rows])

    def lib(d):
        r = ss.kendalltau(d["j1"], d["j2"], method="exact")
        return dict(tau=r.statistic, p=r.pvalue)

    def hand(d):
        n = len(d["j1"])
        assert not ties(d["j1"]) and not ties(d["j2"])
        C = D = 0
        for i, j in itertools.combinations(range(n), 2):
            s = (Fx(d["j1"][i]) - Fx(d["j1"][j])) * (Fx(d["j2"][i]) - Fx(d["j2"][j]))
            C += s > 0
            D += s < 0
        T = n * (n - 1) // 2
        # Mahonian numbers: permutations of n with k inversions
        cnt = [1]
        for m in range(2, n + 1):
            new = [0] * (len(cnt) + m - 1)
            for k, c in enumerate(cnt):
                for j in range(m):
                    new[k + j] += c
            cnt = new
        dmin = min(D, T - D)
        p = min(Fr(1), 2 * Fr(sum(cnt[: dmin + 1]), math.factorial(n)))
        return dict(tau=M(Fr(C - D, T)), p=M(p))

    return Q(id="b28", kind=2, tools=["correlation", "dsl_run"], data=d, render=render, parse=parse, lib=lib,
             hand=hand, spec=spec(("tau", "Kendall tau", "stat"), ("p", "exact two-sided p", "p")),
             intent="Agreement by concordant/discordant pairs -> Kendall tau (no ties) with exact two-sided p.")


# ============================================================================
# KIND 3: numbers in prose with roles and distractors
# ============================================================================
def b29():
    d = dict(building=3, room=214, k=4, reps=3, cp=4, year=2019, prior=40, cost=3500)

    def render(d):
        return (f"Planning a screening experiment for the coating line (building {d['building']}, room {d['room']}). "
                f"{d['k']} factors, full two-level factorial, and every factorial point is run {d['reps']} times. "
                f"On top of that we add {d['cp']} centre points; centre points are run once each, they are not "
                f"replicated. For reference, our {d['year']} study used {d['prior']} runs and cost about "
                f"{d['cost']} EUR. How many runs will this need in total, and how many degrees of freedom do I get "
                "for pure error (from the repeated corners plus the centre points)?")

    def parse(t):
        return dict(building=one(r"\(building (\d+),", t), room=one(r"room (\d+)\)", t), k=one(r"(\d+) factors,", t),
                    reps=one(r"is run (\d+) times", t), cp=one(r"we add (\d+) centre points", t),
                    year=one(r"our (\d+) study", t), prior=one(r"used (\d+) runs", t),
                    cost=one(r"about (\d+) EUR", t))

    def lib(d):
        rows = [r for r in full2(d["k"]) for _ in range(d["reps"])] + [[0] * d["k"]] * d["cp"]
        return dict(runs=len(rows), dfpe=pure_error_df(rows))

    def hand(d):
        return dict(runs=2 ** d["k"] * d["reps"] + d["cp"], dfpe=2 ** d["k"] * (d["reps"] - 1) + d["cp"] - 1)

    return Q(id="b29", kind=3, tools=["doe_design", "dsl_run"], data=d, render=render, parse=parse, lib=lib,
             hand=hand, spec=spec(("runs", "total runs", "int"), ("dfpe", "pure-error df", "int")),
             intent="2^4 full factorial x 3 replicates + 4 unreplicated centre points: N = 52 runs, pure-error df = 16*2 + 3 = 35.")


def b30():
    d = dict(reps=2, cp=2, lot=5521, day=14)
    gens = {"E": "ABC", "F": "BCD"}

    def render(d):
        return ("Six factors A to F, two levels each, and we can't afford the full factorial. Plan is a quarter "
                "fraction built on A, B, C, D with generators E = ABC and F = BCD. We'd run the whole fraction "
                f"{d['reps']} times and add {d['cp']} centre points at the end (not replicated). The resin is lot "
                f"{d['lot']} and the trial starts on {d['day']} March. Total number of runs? And what's the "
                "resolution of this fraction (as a number)?")

    def parse(t):
        return dict(reps=one(r"whole fraction (\d+) times", t), cp=one(r"add (\d+) centre points", t),
                    lot=one(r"lot (\d+)", t), day=one(r"starts on (\d+) March", t))

    def lib(d):
        rows = [r for r in fraction_matrix(6, gens) for _ in range(d["reps"])] + [[0] * 6] * d["cp"]
        return dict(runs=len(rows), res=resolution_lib(gens))

    def hand(d):
        return dict(runs=2 ** (6 - 2) * d["reps"] + d["cp"], res=resolution_hand(fraction_matrix(6, gens)))

    return Q(id="b30", kind=3, tools=["doe_design", "doe_properties", "dsl_run"], data=d, render=render,
             parse=parse, lib=lib, hand=hand, spec=spec(("runs", "total runs", "int"), ("res", "resolution", "int")),
             intent="2^(6-2) with E=ABC, F=BCD, 2 replicates + 2 centre points: N = 34; defining relation I=ABCE=BCDF=ADEF -> resolution IV (4).")


def b31():
    d = dict(cp=2, op=7, oven=12)

    def render(d):
        return ("We want a full 2^5 factorial but can only do one block per shift, so it goes in four blocks, "
                "with the blocks generated by confounding ABC and CDE (so ABDE is lost to blocks as well). "
                f"Each block also gets {d['cp']} centre points. Operator ID {d['op']} will run everything on oven "
                f"{d['oven']}. How many runs in total and how many runs per block?")

    def parse(t):
        return dict(cp=one(r"gets (\d+) centre points", t), op=one(r"Operator ID (\d+)", t),
                    oven=one(r"oven (\d+)\.", t))

    def lib(d):
        blocks = Counter()
        for r in full2(5):
            A, B, C, D_, E = r
            blocks[(A * B * C, C * D_ * E)] += 1
        for b in list(blocks):
            blocks[b] += d["cp"]
        per = set(blocks.values())
        assert len(per) == 1 and len(blocks) == 4
        return dict(runs=sum(blocks.values()), per=per.pop())

    def hand(d):
        return dict(runs=2 ** 5 + 4 * d["cp"], per=2 ** 5 // 4 + d["cp"])

    return Q(id="b31", kind=3, tools=["doe_design", "dsl_run"], data=d, render=render, parse=parse, lib=lib,
             hand=hand, spec=spec(("runs", "total runs", "int"), ("per", "runs per block", "int")),
             intent="2^5 in 4 blocks (ABC, CDE confounded) with 2 centre points per block: 40 runs total, 10 per block.")


def b32():
    d = dict(t1=160, t2=200, p1=2, p2=6, s1=30, s2=90, r1=1200, r2=1800, cp=3)

    def render(d):
        return ("Response surface study on the extruder: barrel temperature "
                f"{d['t1']}-{d['t2']} °C, die pressure {d['p1']}-{d['p2']} bar, residence time {d['s1']}-{d['s2']} s "
                f"and screw speed {d['r1']}-{d['r2']} rpm. I'd like a Box-Behnken design in these four factors "
                f"with {d['cp']} centre points. How many runs is that, and how many degrees of freedom for pure "
                "error will the centre points give me?")

    def parse(t):
        m = lambda p: [num(v) for v in re.search(p, t).groups()]
        t1, t2 = m(r"temperature (\d+)-(\d+) °C")
        p1, p2 = m(r"pressure (\d+)-(\d+) bar")
        s1, s2 = m(r"time (\d+)-(\d+) s")
        r1, r2 = m(r"speed (\d+)-(\d+) rpm")
        return dict(t1=t1, t2=t2, p1=p1, p2=p2, s1=s1, s2=s2, r1=r1, r2=r2, cp=one(r"with (\d+) centre points", t))

    def lib(d):
        rows = bb_matrix(4, d["cp"])
        return dict(runs=len(rows), dfpe=pure_error_df(rows))

    def hand(d):
        k = 4
        return dict(runs=2 * k * (k - 1) + d["cp"], dfpe=d["cp"] - 1)

    return Q(id="b32", kind=3, tools=["doe_design", "dsl_run"], data=d, render=render, parse=parse, lib=lib,
             hand=hand, spec=spec(("runs", "total runs", "int"), ("dfpe", "pure-error df", "int")),
             intent="Box-Behnken in 4 factors with 3 centre points: 24 + 3 = 27 runs; pure-error df = 3 - 1 = 2 (factor ranges are irrelevant).")


def b33():
    d = dict(k=3, cp=6, year=2015, vol=250)

    def render(d):
        return (f"For the reactor (commissioned {d['year']}, {d['vol']} L working volume) I want to fit a full "
                f"quadratic model in {d['k']} factors with a central composite design: full two-level factorial "
                f"core, axial points at the rotatable distance, and {d['cp']} centre points. How many runs, and what "
                "axial distance alpha (in coded units)?")

    def parse(t):
        return dict(k=one(r"model in (\d+) factors", t), cp=one(r"and (\d+) centre points", t),
                    year=one(r"commissioned (\d+),", t), vol=one(r"(\d+) L working", t))

    def lib(d):
        a = sp.root(sp.Integer(2) ** d["k"], 4)
        rows = ccd_matrix(d["k"], float(a), d["cp"])
        return dict(runs=len(rows), alpha=float(a))

    def hand(d):
        k = d["k"]

        def g(al):  # rotatability moment condition: sum x1^4 = 3 sum x1^2 x2^2
            rows = ccd_matrix(k, al, d["cp"])
            return sum(mp.mpf(r[0]) ** 4 for r in rows) - 3 * sum(mp.mpf(r[0]) ** 2 * mp.mpf(r[1]) ** 2 for r in rows)

        a = mp.findroot(lambda al: (2 ** k + 2 * al ** 4) - 3 * 2 ** k, 1.5)
        assert abs(g(float(a))) < 1e-9
        return dict(runs=2 ** k + 2 * k + d["cp"], alpha=a)

    return Q(id="b33", kind=3, tools=["doe_design", "doe_properties", "dsl_run"], data=d, render=render,
             parse=parse, lib=lib, hand=hand, spec=spec(("runs", "total runs", "int"), ("alpha", "alpha", "stat")),
             intent="Rotatable CCD, k=3, full 2^3 core, 6 centre points: 8 + 6 + 6 = 20 runs, alpha = 8^(1/4) = 1.682.")


def b34():
    d = dict(k=9, reps=2, pn=4471)

    def render(d):
        return (f"screening {d['k']} factors on the P/N {d['pn']} housing weld. plackett-burman, the smallest one "
                f"that fits {d['k']} factors, and the whole design run {d['reps']} times (replicates). how many runs "
                "total, and how many columns of the PB design are left unused (dummy columns)?")

    def parse(t):
        ks = re.findall(r"screening (\d+) factors|fits (\d+) factors", t)
        kv = {num(x) for m in ks for x in m if x}
        assert len(ks) == 2 and len(kv) == 1
        return dict(k=kv.pop(), reps=one(r"design run (\d+) times", t), pn=one(r"P/N (\d+)", t))

    def lib(d):
        N = min(n for n in PB_GEN if n - 1 >= d["k"])
        m = np.array(pb_matrix(N))
        assert np.allclose(m.T @ m, N * np.eye(N - 1))
        rows = [r for r in m.tolist() for _ in range(d["reps"])]
        return dict(runs=len(rows), dummy=m.shape[1] - d["k"])

    def hand(d):
        N = 4 * math.ceil((d["k"] + 1) / 4)
        return dict(runs=N * d["reps"], dummy=N - 1 - d["k"])

    return Q(id="b34", kind=3, tools=["doe_design", "dsl_run"], data=d, render=render, parse=parse, lib=lib,
             hand=hand, spec=spec(("runs", "total runs", "int"), ("dummy", "dummy columns", "int")),
             intent="Plackett-Burman for 9 factors -> 12-run design, 2 replicates: 24 runs, 11 - 9 = 2 dummy columns.")


def b35():
    d = dict(a=3, b=4, c=2, reps=2, line=6, week=23)

    def render(d):
        return (f"Line {d['line']} mixing trial, starting week {d['week']}. Catalyst type at {d['a']} levels, "
                f"temperature at {d['b']} levels and stirrer at {d['c']} levels (on/off), full factorial, every "
                f"combination run {d['reps']} times. We'll fit the full model with all main effects and all "
                "interactions. How many runs, and how many residual (error) degrees of freedom are left?")

    def parse(t):
        return dict(a=one(r"Catalyst type at (\d+) levels", t), b=one(r"temperature at (\d+) levels", t),
                    c=one(r"stirrer at (\d+) levels", t), reps=one(r"run (\d+) times", t),
                    line=one(r"Line (\d+) mixing", t), week=one(r"week (\d+)\.", t))

    def lib(d):
        rows = [r for r in itertools.product(range(d["a"]), range(d["b"]), range(d["c"])) for _ in range(d["reps"])]
        df = pd.DataFrame(rows, columns=["fa", "fb", "fc"])
        df["y"] = np.random.default_rng(1).normal(size=len(df))
        fit = smf.ols("y ~ C(fa) * C(fb) * C(fc)", data=df).fit()
        return dict(runs=len(rows), dfe=int(round(fit.df_resid)))

    def hand(d):
        cells = d["a"] * d["b"] * d["c"]
        return dict(runs=cells * d["reps"], dfe=cells * (d["reps"] - 1))

    return Q(id="b35", kind=3, tools=["doe_design", "anova_twoway", "dsl_run"], data=d, render=render, parse=parse,
             lib=lib, hand=hand, spec=spec(("runs", "total runs", "int"), ("dfe", "error df", "int")),
             intent="3x4x2 mixed-level full factorial, 2 replicates, full model: 48 runs, error df = 24.")


def b36():
    d = dict(sd=2.4, delta=2.0, alpha=0.05, power=90, prior=40, cost=85)

    def render(d):
        return ("We're comparing peel strength between two adhesive suppliers. Historical SD of the peel test is "
                f"{f(d['sd'], 1)} N and we want to detect a difference in means of {f(d['delta'], 1)} N with "
                f"{d['power']}% power, two-sided test at alpha = {f(d['alpha'], 2)}, two-sample t-test with equal "
                f"group sizes and pooled SD. Last year's comparison used {d['prior']} parts and each peel test costs "
                f"${d['cost']}. How many parts per supplier do we need (round up), and what power does that "
                "sample size actually give?")

    def parse(t):
        return dict(sd=one(rf"peel test is ({NUM}) N", t), delta=one(rf"difference in means of ({NUM}) N", t),
                    alpha=one(rf"alpha = ({NUM})", t), power=one(r"with (\d+)% power", t),
                    prior=one(r"used (\d+) parts", t), cost=one(r"costs \$(\d+)\.", t))

    def lib(d):
        es = d["delta"] / d["sd"]
        n = TTestIndPower().solve_power(effect_size=es, alpha=d["alpha"], power=d["power"] / 100,
                                        alternative="two-sided")
        n = int(math.ceil(n - 1e-9))
        pw = TTestIndPower().power(effect_size=es, nobs1=n, alpha=d["alpha"], alternative="two-sided")
        return dict(n=n, pw=pw)

    def hand(d):
        es = M(Fx(d["delta"]) / Fx(d["sd"]))
        n = 2
        while True:
            pw = power_t_hand(2 * n - 2, es * mp.sqrt(mp.mpf(n) / 2), d["alpha"])
            if pw >= M(d["power"]) / 100:
                return dict(n=n, pw=pw)
            n += 1

    return Q(id="b36", kind=3, tools=["power", "dsl_run"], data=d, render=render, parse=parse, lib=lib, hand=hand,
             spec=spec(("n", "n per supplier", "int"), ("pw", "achieved power", "stat")),
             intent="Two-sample pooled t sample size: d = 2.0/2.4, alpha 0.05 two-sided, power 0.90 -> n per group (ceil) and achieved power.")


def b37():
    d = dict(n=15, sdd=1.8, bias=1.2, alpha=0.05, serial=20417, day=3)

    def render(d):
        return (f"Gauge comparison, gauge serial {d['serial']} (calibrated on day {d['day']} of the audit) against "
                f"the reference gauge. {d['n']} parts will each be measured on both gauges. From a pilot, the SD of "
                f"the paired differences is about {f(d['sdd'], 1)} µm. If the true mean bias is {f(d['bias'], 1)} µm, "
                f"what's the power of a paired t-test at alpha {f(d['alpha'], 2)}, two-sided?")

    def parse(t):
        return dict(n=one(r"reference gauge\. (\d+) parts", t), sdd=one(rf"differences is about ({NUM}) µm", t),
                    bias=one(rf"mean bias is ({NUM}) µm", t), alpha=one(rf"at alpha ({NUM}),", t),
                    serial=one(r"serial (\d+)", t), day=one(r"on day (\d+) of", t))

    def lib(d):
        return dict(pw=TTestPower().power(effect_size=d["bias"] / d["sdd"], nobs=d["n"], alpha=d["alpha"],
                                          alternative="two-sided"))

    def hand(d):
        es = M(Fx(d["bias"]) / Fx(d["sdd"]))
        return dict(pw=power_t_hand(d["n"] - 1, es * mp.sqrt(d["n"]), d["alpha"]))

    return Q(id="b37", kind=3, tools=["power", "dsl_run"], data=d, render=render, parse=parse, lib=lib, hand=hand,
             spec=spec(("pw", "power", "stat")),
             intent="Paired t power: n = 15, d = 1.2/1.8, alpha 0.05 two-sided (noncentral t): power.")


def b38():
    d = dict(k=25, n=8, xbb=502.36, sbar=1.84, pn=3318, hour=6)

    def render(d):
        return (f"Filler on part number {d['pn']}: {d['k']} subgroups of {d['n']} pouches each, collected since the "
                f"{d['hour']} o'clock shift start. Grand mean {f(d['xbb'], 2)} g, average subgroup standard deviation "
                f"{f(d['sbar'], 2)} g. I want X-bar and S chart limits from these figures (3-sigma, tabulated "
                "constants): the X-bar UCL and LCL and the S chart UCL.")

    def parse(t):
        return dict(k=one(r": (\d+) subgroups", t), n=one(r"subgroups of (\d+) pouches", t),
                    xbb=one(rf"Grand mean ({NUM}) g", t), sbar=one(rf"standard deviation ({NUM}) g", t),
                    pn=one(r"part number (\d+)", t), hour=one(r"the (\d+) o'clock", t))

    def lib(d):
        c = TAB[d["n"]]
        return dict(uclx=d["xbb"] + c["A3"] * d["sbar"], lclx=d["xbb"] - c["A3"] * d["sbar"],
                    ucls=c["B4"] * d["sbar"])

    def hand(d):
        c4 = c4_exact(d["n"])
        A3 = 3 / (c4 * mp.sqrt(d["n"]))
        B4 = 1 + 3 * mp.sqrt(1 - c4 ** 2) / c4
        return dict(uclx=M(d["xbb"]) + A3 * M(d["sbar"]), lclx=M(d["xbb"]) - A3 * M(d["sbar"]),
                    ucls=B4 * M(d["sbar"]))

    return Q(id="b38", kind=3, tools=["summary_chart", "spc_constants", "dsl_run"], data=d, render=render,
             parse=parse, lib=lib, hand=hand,
             spec=spec(("uclx", "X-bar UCL", "stat"), ("lclx", "X-bar LCL", "stat"), ("ucls", "S UCL", "stat")),
             intent="X-bar/S limits from summaries, n = 8: grand mean +/- A3*s-bar (A3 = 1.099), S UCL = B4*s-bar (B4 = 1.815); 25 subgroups, part no. and hour irrelevant.")


def b39():
    d = dict(k=30, n=5, xbb=25.04, rbar=0.12, lsl=24.7, usl=25.3, rev=7, cost=12.5)

    def render(d):
        return (f"Capability check for drawing rev {d['rev']}, spec {f(d['lsl'], 2)} to {f(d['usl'], 2)} mm. From "
                f"the X-bar/R chart: {d['k']} subgroups of {d['n']}, grand mean {f(d['xbb'], 2)} mm, R-bar "
                f"{f(d['rbar'], 2)} mm. Scrap costs us ${f(d['cost'], 2)} a part. Estimate the within-subgroup sigma "
                "as R-bar/d2 and give me Cp and Cpk.")

    def parse(t):
        m = re.search(rf"spec ({NUM}) to ({NUM}) mm", t)
        return dict(k=one(r"chart: (\d+) subgroups", t), n=one(r"subgroups of (\d+),", t),
                    xbb=one(rf"grand mean ({NUM}) mm", t), rbar=one(rf"R-bar ({NUM}) mm", t),
                    lsl=num(m.group(1)), usl=num(m.group(2)), rev=one(r"rev (\d+),", t),
                    cost=one(rf"\$({NUM}) a part", t))

    def lib(d):
        s = d["rbar"] / TAB[d["n"]]["d2"]
        return dict(cp=(d["usl"] - d["lsl"]) / (6 * s), cpk=min(d["usl"] - d["xbb"], d["xbb"] - d["lsl"]) / (3 * s))

    def hand(d):
        s = M(d["rbar"]) / d2_exact(d["n"])
        return dict(cp=M(Fx(d["usl"]) - Fx(d["lsl"])) / (6 * s),
                    cpk=M(min(Fx(d["usl"]) - Fx(d["xbb"]), Fx(d["xbb"]) - Fx(d["lsl"]))) / (3 * s))

    return Q(id="b39", kind=3, tools=["summary_capability", "spc_constants", "dsl_run"], data=d, render=render,
             parse=parse, lib=lib, hand=hand, spec=spec(("cp", "Cp", "stat"), ("cpk", "Cpk", "stat")),
             intent="Within sigma = R-bar/d2 (d2 = 2.326 for n = 5), spec 24.70-25.30: Cp and Cpk; subgroup count, rev, cost irrelevant.")


def b40():
    d = dict(k=7, runs=16, cp=2, res=5, budget=18)

    def render(d):
        return (f"I have {d['k']} two-level factors and a hard limit of {d['runs']} runs for the fraction itself "
                f"(plus {d['cp']} centre points, so {d['budget']} trials in the oven). It has to be a resolution "
                f"{d['res']} design - I need all two-factor interactions clear of each other and of the main effects. "
                "Which generators should I use?")

    def parse(t):
        return dict(k=one(r"I have (\d+) two-level", t), runs=one(r"limit of (\d+) runs", t),
                    cp=one(r"plus (\d+) centre points", t), res=one(r"resolution (\d+) design", t),
                    budget=one(r"so (\d+) trials", t))

    def max_res(k, runs):
        b = int(round(math.log2(runs)))
        assert 2 ** b == runs
        base = LETTERS[:b]
        words = ["".join(c) for r in range(2, b + 1) for c in itertools.combinations(base, r)]
        best = 0
        for choice in itertools.combinations(words, k - b):
            gens = {LETTERS[b + i]: w for i, w in enumerate(choice)}
            best = max(best, resolution_lib(gens))
        return best

    def defect(d):
        return max_res(d["k"], d["runs"]) < d["res"]

    def defect_text(t):
        return "resolution 5" in t and "7 two-level factors" in t and "16 runs" in t

    return Q(id="b40", kind=3, tools=["doe_design", "doe_properties", "dsl_run"], data=d, render=render,
             parse=parse, refuse=True, defect=defect, defect_text=defect_text, spec=[],
             reason="a resolution V 2^(7-3) fraction in 16 runs does not exist (best possible is resolution IV)",
             intent="Refuse: no 16-run fraction of 7 factors reaches resolution V (maximum is IV).")


def b41():
    d = dict(shift=0.5, power=90, alpha=0.05, cost=240, plant=2)

    def render(d):
        return (f"Two tool suppliers for the bore in plant {d['plant']}. I want to be able to detect a "
                f"{f(d['shift'], 1)} mm difference in mean bore diameter between them with {d['power']}% power, "
                f"two-sided alpha {f(d['alpha'], 2)}, two-sample t-test. Each part we section costs ${d['cost']}. "
                "How many parts per supplier do I need?")

    def parse(t):
        return dict(shift=one(rf"detect a ({NUM}) mm", t), power=one(r"with (\d+)% power", t),
                    alpha=one(rf"alpha ({NUM}),", t), cost=one(r"costs \$(\d+)\.", t), plant=one(r"plant (\d+)\.", t))

    def defect(d):
        return not any(k in d for k in ("sd", "sigma", "effect_size"))

    def defect_text(t):
        return not re.search(r"standard deviation|\bSD\b|sigma|σ|effect size|variab|spread", t, re.I)

    return Q(id="b41", kind=3, tools=["power", "dsl_run"], data=d, render=render, parse=parse, refuse=True,
             defect=defect, defect_text=defect_text, spec=[],
             reason="sample size for a two-sample t-test asked without any standard deviation or standardised effect size",
             intent="Refuse: the sample size needs the SD (or an effect size); only the raw difference is given.")


def b42():
    d = dict(k=4, n=10, f=0.35, alpha=0.05, machine=3, year=2021)

    def render(d):
        return (f"Planning a one-way ANOVA with {d['k']} feed rates on machine {d['machine']} and {d['n']} "
                f"specimens per feed rate (the {d['year']} budget only covers that). We expect an effect of Cohen's "
                f"f = {f(d['f'], 2)}. At alpha {f(d['alpha'], 2)}, what power does the F test have? (noncentrality "
                "lambda = f^2 times the total number of specimens)")

    def parse(t):
        return dict(k=one(r"with (\d+) feed rates", t), n=one(r"and (\d+) specimens per", t),
                    f=one(rf"Cohen's f = ({NUM})\.", t), alpha=one(rf"At alpha ({NUM}),", t),
                    machine=one(r"machine (\d+)", t), year=one(r"the (\d+) budget", t))

    def lib(d):
        N = d["k"] * d["n"]
        return dict(pw=FTestAnovaPower().power(effect_size=d["f"], nobs=N, alpha=d["alpha"], k_groups=d["k"]))

    def hand(d):
        N = d["k"] * d["n"]
        lam = M(Fx(d["f"]) ** 2 * N)
        return dict(pw=power_f_hand(d["k"] - 1, N - d["k"], lam, d["alpha"]))

    return Q(id="b42", kind=3, tools=["power", "dsl_run"], data=d, render=render, parse=parse, lib=lib, hand=hand,
             spec=spec(("pw", "power", "stat")),
             intent="One-way ANOVA power: 4 groups x 10, Cohen's f = 0.35, lambda = f^2*N = 4.9, alpha 0.05: power of the F test.")


# ============================================================================
# KIND 4: mathematics
# ============================================================================
def ints_draw(lo, hi, n):
    return [int(v) for v in rng.integers(lo, hi + 1, n)]


def b43():
    p, b = ints_draw(2, 4, 2)
    d = dict(p=p, b=b, x0=1.5)

    def expr(d):
        return X ** d["p"] * sp.sin(d["b"] * X)

    def render(d):
        return f"need the 3rd derivitive of x^{d['p']}*sin({d['b']}x) evaluated at x = {f(d['x0'], 1)}"

    def parse(t):
        m = re.search(rf"x\^(\d+)\*sin\((\d+)x\) evaluated at x = ({NUM})", t)
        return dict(p=num(m.group(1)), b=num(m.group(2)), x0=num(m.group(3)))

    def exprcheck(t, d):
        s = re.search(r"derivitive of (.*?) evaluated", t).group(1)
        return same_expr(sp_parse(s), expr(d))

    def lib(d):
        return dict(v=float(sp.diff(expr(d), X, 3).subs(X, sp.Rational(str(d["x0"]))).evalf(30)))

    def hand(d):
        return dict(v=mp.diff(lambda x: x ** d["p"] * mp.sin(d["b"] * x), M(d["x0"]), 3))

    return Q(id="b43", kind=4, tools=["differentiate", "evaluate", "dsl_run"], data=d, render=render, parse=parse,
             exprcheck=exprcheck, lib=lib, hand=hand, spec=spec(("v", "f'''(1.5)", "stat")),
             intent=f"Third derivative of x^{d['p']}*sin({d['b']}x) evaluated at x = {d['x0']} (radians).")


def b44():
    a, b = ints_draw(2, 4, 2)
    d = dict(a=a, b=b, n=6, k=4)

    def render(d):
        return f"expand ({d['a']}x - {d['b']})^{d['n']} , whats the coeff on x^{d['k']}?"

    def parse(t):
        m = re.search(r"expand \((\d+)x - (\d+)\)\^(\d+) , whats the coeff on x\^(\d+)\?", t)
        return dict(a=num(m.group(1)), b=num(m.group(2)), n=num(m.group(3)), k=num(m.group(4)))

    def exprcheck(t, d):
        s = re.search(r"expand (.*?) ,", t).group(1)
        return same_expr(sp_parse(s), (d["a"] * X - d["b"]) ** d["n"])

    def lib(d):
        return dict(c=int(sp.expand((d["a"] * X - d["b"]) ** d["n"]).coeff(X, d["k"])))

    def hand(d):
        return dict(c=math.comb(d["n"], d["k"]) * d["a"] ** d["k"] * (-d["b"]) ** (d["n"] - d["k"]))

    return Q(id="b44", kind=4, tools=["simplify", "dsl_run"], data=d, render=render, parse=parse,
             exprcheck=exprcheck, lib=lib, hand=hand, spec=spec(("c", "coefficient of x^4", "int")),
             intent=f"Coefficient of x^{d['k']} in the expansion of ({d['a']}x - {d['b']})^{d['n']}: C(n,k) a^k (-b)^(n-k), an integer.")


def b45():
    d = dict(px=2, py=3, x0=1, y0=2)

    def expr(d):
        return X ** d["px"] * Y ** d["py"] + sp.sin(X * Y)

    def render(d):
        return (f"f(x,y) = x^{d['px']} y^{d['py']} + sin(xy). I need the mixed partial d²f/dx dy "
                f"at the point ({d['x0']}, {d['y0']}), angles in radians")

    def parse(t):
        m = re.search(r"f\(x,y\) = x\^(\d+) y\^(\d+) \+ sin\(xy\)", t)
        pt = re.search(rf"at the point \(({NUM}), ({NUM})\)", t)
        return dict(px=num(m.group(1)), py=num(m.group(2)), x0=num(pt.group(1)), y0=num(pt.group(2)))

    def exprcheck(t, d):
        s = re.search(r"f\(x,y\) = (.*?)\. I need", t).group(1).replace("xy", "x*y")
        return same_expr(sp_parse(s), expr(d))

    def lib(d):
        return dict(v=float(sp.diff(expr(d), X, Y).subs({X: d["x0"], Y: d["y0"]}).evalf(30)))

    def hand(d):
        fn = lambda x, y: x ** d["px"] * y ** d["py"] + mp.sin(x * y)
        return dict(v=mp.diff(fn, (M(d["x0"]), M(d["y0"])), (1, 1)))

    return Q(id="b45", kind=4, tools=["differentiate", "evaluate", "dsl_run"], data=d, render=render, parse=parse,
             exprcheck=exprcheck, lib=lib, hand=hand, spec=spec(("v", "f_xy(1,2)", "stat")),
             intent="Mixed partial d2f/dxdy of x^2 y^3 + sin(xy) at (1, 2).")


def b46():
    p, q, U = ints_draw(2, 3, 1)[0], ints_draw(2, 3, 1)[0], ints_draw(2, 4, 1)[0]
    d = dict(p=p, q=q, U=U)

    def expr(d):
        return X ** d["p"] * sp.exp(-d["q"] * X)

    def render(d):
        return f"intergral of x^{d['p']}*e^(-{d['q']}x) dx from 0 to {d['U']} - exact value not needed, a number is fine"

    def parse(t):
        m = re.search(r"intergral of x\^(\d+)\*e\^\(-(\d+)x\) dx from 0 to (\d+)", t)
        return dict(p=num(m.group(1)), q=num(m.group(2)), U=num(m.group(3)))

    def exprcheck(t, d):
        s = re.search(r"intergral of (.*?) dx", t).group(1)
        return same_expr(sp_parse(s), expr(d))

    def lib(d):
        return dict(v=float(sp.integrate(expr(d), (X, 0, d["U"])).evalf(30)))

    def hand(d):
        return dict(v=mp.quad(lambda x: x ** d["p"] * mp.exp(-d["q"] * x), [0, d["U"]]))

    return Q(id="b46", kind=4, tools=["integrate", "dsl_run"], data=d, render=render, parse=parse,
             exprcheck=exprcheck, lib=lib, hand=hand, spec=spec(("v", "integral", "stat")),
             intent=f"Definite integral of x^{d['p']} e^(-{d['q']}x) from 0 to {d['U']}, numeric value.")


def b47():
    c = ints_draw(3, 9, 1)[0]
    d = dict(c=c, L=2)

    def expr(d):
        return d["c"] / (X ** 2 - 1)

    def render(d):
        return (f"Does the integral from x={d['L']} to infinity of {d['c']}/(x^2 - 1) dx converge? "
                "If so what's its value (decimal)?")

    def parse(t):
        m = re.search(r"integral from x=(\d+) to infinity of (\d+)/\(x\^2 - 1\) dx", t)
        return dict(c=num(m.group(2)), L=num(m.group(1)))

    def exprcheck(t, d):
        s = re.search(r"infinity of (.*?) dx", t).group(1)
        return same_expr(sp_parse(s), expr(d))

    def lib(d):
        return dict(v=float(sp.integrate(expr(d), (X, d["L"], sp.oo)).evalf(30)))

    def hand(d):
        return dict(v=mp.quad(lambda x: d["c"] / (x ** 2 - 1), [d["L"], mp.inf]))

    return Q(id="b47", kind=4, tools=["integrate", "dsl_run"], data=d, render=render, parse=parse,
             exprcheck=exprcheck, lib=lib, hand=hand, spec=spec(("v", "integral", "stat")),
             intent=f"Improper integral of {d['c']}/(x^2-1) from {d['L']} to infinity: converges, = (c/2) ln((L+1)/(L-1)).")


def b48():
    a, b = ints_draw(2, 5, 1)[0], ints_draw(2, 5, 1)[0]
    d = dict(a=a, b=b)

    def expr(d):
        return (sp.exp(d["a"] * X) - 1 - d["a"] * X) / (d["b"] * X ** 2)

    def render(d):
        return f"lim x->0 of (e^({d['a']}x) - 1 - {d['a']}x)/({d['b']}x^2) ??"

    def parse(t):
        m = re.search(r"\(e\^\((\d+)x\) - 1 - (\d+)x\)/\((\d+)x\^2\)", t)
        assert m.group(1) == m.group(2)
        return dict(a=num(m.group(1)), b=num(m.group(3)))

    def exprcheck(t, d):
        s = re.search(r"of (.*) \?\?", t).group(1)
        return same_expr(sp_parse(s), expr(d))

    def lib(d):
        return dict(v=float(sp.limit(expr(d), X, 0)))

    def hand(d):
        return dict(v=mp.limit(lambda x: (mp.exp(d["a"] * x) - 1 - d["a"] * x) / (d["b"] * x ** 2), 0))

    return Q(id="b48", kind=4, tools=["limit", "dsl_run"], data=d, render=render, parse=parse, exprcheck=exprcheck,
             lib=lib, hand=hand, spec=spec(("v", "limit", "stat")),
             intent=f"Limit x->0 of (e^({d['a']}x) - 1 - {d['a']}x)/({d['b']}x^2) = a^2/(2b).")


def b49():
    a, b = ints_draw(2, 3, 1)[0], ints_draw(2, 4, 1)[0]
    d = dict(a=a, b=b, k=4)

    def expr(d):
        return sp.exp(d["a"] * X) * sp.cos(d["b"] * X)

    def render(d):
        return (f"Taylor series of e^({d['a']}x)*cos({d['b']}x) around x=0 - what's the coefficient of the "
                f"x^{d['k']} term?")

    def parse(t):
        m = re.search(r"of e\^\((\d+)x\)\*cos\((\d+)x\) around x=0 - what's the coefficient of the x\^(\d+) term", t)
        return dict(a=num(m.group(1)), b=num(m.group(2)), k=num(m.group(3)))

    def exprcheck(t, d):
        s = re.search(r"series of (.*?) around", t).group(1)
        return same_expr(sp_parse(s), expr(d))

    def lib(d):
        s = sp.series(expr(d), X, 0, d["k"] + 1).removeO()
        return dict(c=float(s.coeff(X, d["k"])))

    def hand(d):
        return dict(c=mp.taylor(lambda x: mp.exp(d["a"] * x) * mp.cos(d["b"] * x), 0, d["k"])[d["k"]])

    return Q(id="b49", kind=4, tools=["series", "dsl_run"], data=d, render=render, parse=parse, exprcheck=exprcheck,
             lib=lib, hand=hand, spec=spec(("c", "coefficient of x^4", "stat")),
             intent=f"Maclaurin coefficient of x^{d['k']} in e^({d['a']}x) cos({d['b']}x).")


def b50():
    c, a = ints_draw(2, 9, 1)[0], ints_draw(2, 5, 1)[0]
    d = dict(c=c, a=a)

    def expr(d):
        return d["c"] / (NN * (NN + d["a"]))

    def render(d):
        return f"sum from n=1 to infinity of {d['c']}/(n(n+{d['a']})) = ?"

    def parse(t):
        m = re.search(r"of (\d+)/\(n\(n\+(\d+)\)\)", t)
        return dict(c=num(m.group(1)), a=num(m.group(2)))

    def exprcheck(t, d):
        s = re.search(r"infinity of (.*?) = \?", t).group(1)
        return same_expr(sp_parse(s), expr(d))

    def lib(d):
        return dict(v=float(sp.summation(expr(d), (NN, 1, sp.oo)).evalf(30)))

    def hand(d):
        return dict(v=mp.nsum(lambda n: d["c"] / (n * (n + d["a"])), [1, mp.inf]))

    return Q(id="b50", kind=4, tools=["summation", "dsl_run"], data=d, render=render, parse=parse,
             exprcheck=exprcheck, lib=lib, hand=hand, spec=spec(("v", "sum", "stat")),
             intent=f"Sum over n >= 1 of {d['c']}/(n(n+{d['a']})) = c*H_a/a (telescoping).")


def b51():
    a, b = ints_draw(2, 7, 1)[0], ints_draw(5, 19, 1)[0]
    d = dict(a=a, b=b)

    def expr(d):
        return X ** 3 + d["a"] * X - d["b"]

    def render(d):
        return (f"Find the real root of x^3 + {d['a']}x - {d['b']} = 0. (there's only one real one since the "
                "cubic is increasing) give it to 4+ decimals")

    def parse(t):
        m = re.search(r"root of x\^3 \+ (\d+)x - (\d+) = 0", t)
        return dict(a=num(m.group(1)), b=num(m.group(2)))

    def exprcheck(t, d):
        s = re.search(r"root of (.*?) = 0", t).group(1)
        return same_expr(sp_parse(s), expr(d))

    def lib(d):
        r = sp.real_roots(sp.Poly(expr(d), X))
        assert len(r) == 1
        return dict(v=float(r[0].evalf(30)))

    def hand(d):
        return dict(v=mp.findroot(lambda x: x ** 3 + d["a"] * x - d["b"], 1.5))

    return Q(id="b51", kind=4, tools=["solve", "dsl_run"], data=d, render=render, parse=parse, exprcheck=exprcheck,
             lib=lib, hand=hand, spec=spec(("v", "real root", "stat")),
             intent=f"Unique real root of x^3 + {d['a']}x - {d['b']} = 0, numeric.")


def b52():
    while True:
        p, q, r, s = ints_draw(2, 7, 4)
        A, B = Fr(p * r + q, r + s), Fr(p * s - q, r + s)
        if A != 0 and B != 0:
            break
    d = dict(p=p, q=q, r=r, s=s)

    def expr(d):
        return (d["p"] * X + d["q"]) / ((X - d["r"]) * (X + d["s"]))

    def render(d):
        return (f"partial fractions for ({d['p']}x+{d['q']})/((x-{d['r']})(x+{d['s']})) pls, written as "
                f"A/(x-{d['r']}) + B/(x+{d['s']}). what are A and B")

    def parse(t):
        m = re.search(r"for \((\d+)x\+(\d+)\)/\(\(x-(\d+)\)\(x\+(\d+)\)\) pls", t)
        m2 = re.search(r"A/\(x-(\d+)\) \+ B/\(x\+(\d+)\)", t)
        assert m.group(3) == m2.group(1) and m.group(4) == m2.group(2)
        return dict(p=num(m.group(1)), q=num(m.group(2)), r=num(m.group(3)), s=num(m.group(4)))

    def exprcheck(t, d):
        s = re.search(r"fractions for (.*?) pls", t).group(1)
        return same_expr(sp_parse(s), expr(d))

    def lib(d):
        pf = sp.apart(expr(d), X)
        A = B = None
        for term in sp.Add.make_args(pf):
            if sp.simplify(term * (X - d["r"])).is_constant():
                A = sp.simplify(term * (X - d["r"]))
            if sp.simplify(term * (X + d["s"])).is_constant():
                B = sp.simplify(term * (X + d["s"]))
        return dict(A=float(A), B=float(B))

    def hand(d):
        # cover-up rule
        A = Fr(d["p"] * d["r"] + d["q"], d["r"] + d["s"])
        B = Fr(-d["p"] * d["s"] + d["q"], -d["s"] - d["r"])
        return dict(A=M(A), B=M(B))

    return Q(id="b52", kind=4, tools=["simplify", "dsl_run"], data=d, render=render, parse=parse,
             exprcheck=exprcheck, lib=lib, hand=hand, spec=spec(("A", "A", "stat"), ("B", "B", "stat")),
             intent=f"Partial fractions ({d['p']}x+{d['q']})/((x-{d['r']})(x+{d['s']})) = A/(x-{d['r']}) + B/(x+{d['s']}): A and B (cover-up).")


def cofactor_det(m):
    m = [[Fx(v) for v in row] for row in m]
    if len(m) == 1:
        return m[0][0]
    return sum((-1) ** j * m[0][j] * cofactor_det([row[:j] + row[j + 1:] for row in m[1:]]) for j in range(len(m)))


def b53():
    while True:
        A = [ints_draw(-4, 6, 4) for _ in range(4)]
        if cofactor_det(A) != 0:
            break
    d = dict(A=A)

    def render(d):
        return "determinent of [" + ", ".join("[" + ", ".join(str(v) for v in row) + "]" for row in d["A"]) + "] ?"

    def parse(t):
        body = re.search(r"determinent of \[(.*)\] \?", t).group(1)
        rows = re.findall(r"\[([^\]]*)\]", body)
        return dict(A=[nums(r) for r in rows])

    def exprcheck(t, d):
        s = re.search(r"determinent of (\[.*\]) \?", t).group(1)
        return sp.Matrix(sp.sympify(s)) == sp.Matrix(d["A"])

    def lib(d):
        return dict(det=int(sp.Matrix(d["A"]).det()))

    def hand(d):
        v = cofactor_det(d["A"])
        assert v.denominator == 1
        return dict(det=int(v))

    return Q(id="b53", kind=4, tools=["matrix", "dsl_run"], data=d, render=render, parse=parse, exprcheck=exprcheck,
             lib=lib, hand=hand, spec=spec(("det", "determinant", "int")),
             intent="Determinant of a 4x4 integer matrix (exact integer).")


def b54():
    u = ints_draw(1, 6, 6)
    d = dict(a11=u[0] + 2, a12=u[1], a13=u[2], a22=u[3] + 1, a23=u[4], a33=u[5] + 3)

    def mat(d):
        return [[d["a11"], d["a12"], d["a13"]], [d["a12"], d["a22"], d["a23"]], [d["a13"], d["a23"], d["a33"]]]

    def render(d):
        m = mat(d)
        return ("eigen values of the symmetric matrix A = [" + "; ".join(" ".join(str(v) for v in r) for r in m)
                + "] (matlab notation) - I just need the largest and the smallest one")

    def parse(t):
        body = re.search(r"A = \[(.*?)\] \(matlab", t).group(1)
        rows = [nums(r) for r in body.split(";")]
        assert all(rows[i][j] == rows[j][i] for i in range(3) for j in range(3))
        return dict(a11=rows[0][0], a12=rows[0][1], a13=rows[0][2], a22=rows[1][1], a23=rows[1][2], a33=rows[2][2])

    def exprcheck(t, d):
        body = re.search(r"A = \[(.*?)\] \(matlab", t).group(1)
        s = "[" + ",".join("[" + ",".join(r.split()) + "]" for r in body.split(";")) + "]"
        return sp.Matrix(sp.sympify(s)) == sp.Matrix(mat(d))

    def lib(d):
        ev = [float(sp.re(sp.N(e, 30))) for e in sp.Matrix(mat(d)).eigenvals(multiple=True)]
        return dict(mx=max(ev), mn=min(ev))

    def hand(d):
        E, _ = mp.eigsy(mp.matrix(mat(d)))
        ev = [E[i] for i in range(3)]
        return dict(mx=max(ev), mn=min(ev))

    return Q(id="b54", kind=4, tools=["matrix", "dsl_run"], data=d, render=render, parse=parse, exprcheck=exprcheck,
             lib=lib, hand=hand, spec=spec(("mx", "largest eigenvalue", "stat"), ("mn", "smallest eigenvalue", "stat")),
             intent="Largest and smallest eigenvalues of a symmetric 3x3 integer matrix.")


def b55():
    signs = [[1, 1, -1], [1, -1, 1], [1, 1, 1]]
    while True:
        mag = [ints_draw(2, 6, 3) for _ in range(3)]
        rhs = ints_draw(-9, 12, 3)
        A = [[s * m for s, m in zip(sr, mr)] for sr, mr in zip(signs, mag)]
        D = cofactor_det(A)
        if D != 0:
            sol = [cofactor_det([[rhs[i] if j == c else A[i][j] for j in range(3)] for i in range(3)]) / D
                   for c in range(3)]
            if all(v != 0 for v in sol):
                break
    d = dict(mag=mag, rhs=rhs)

    def coef(d):
        return [[s * m for s, m in zip(sr, mr)] for sr, mr in zip(signs, d["mag"])]

    def render(d):
        eqs = []
        for sr, mr, r in zip(signs, d["mag"], d["rhs"]):
            terms = f"{mr[0]}x"
            for s, m, v in zip(sr[1:], mr[1:], "yz"):
                terms += f" {'+' if s > 0 else '-'} {m}{v}"
            eqs.append(f"{terms} = {r}")
        return "sovle the system\n" + "\n".join(eqs) + "\nfor x, y, z"

    def parse(t):
        rows = re.findall(r"^(\d+)x ([+-]) (\d+)y ([+-]) (\d+)z = (-?\d+)$", t, re.M)
        assert [[1, 1 if r[1] == "+" else -1, 1 if r[3] == "+" else -1] for r in rows] == signs
        return dict(mag=[[num(r[0]), num(r[2]), num(r[4])] for r in rows], rhs=[num(r[5]) for r in rows])

    def exprcheck(t, d):
        lines = re.findall(r"^(.*x.*y.*z) = (-?\d+)$", t, re.M)
        A = coef(d)
        ok = True
        for (lhs, rhs), row, r in zip(lines, A, d["rhs"]):
            built = row[0] * X + row[1] * Y + row[2] * sp.Symbol("z") - r
            got = sp.sympify(re.sub(r"(\d)([xyz])", r"\1*\2", lhs)) - sp.sympify(rhs)
            ok &= sp.simplify(got - built) == 0
        return ok and len(lines) == 3

    def lib(d):
        z = sp.Symbol("z")
        A = coef(d)
        eqs = [sp.Eq(r[0] * X + r[1] * Y + r[2] * z, b) for r, b in zip(A, d["rhs"])]
        s = sp.solve(eqs, [X, Y, z], dict=True)[0]
        return dict(x=float(s[X]), y=float(s[Y]), z=float(s[z]))

    def hand(d):
        A = coef(d)
        D = cofactor_det(A)
        sol = [cofactor_det([[d["rhs"][i] if j == c else A[i][j] for j in range(3)] for i in range(3)]) / D
               for c in range(3)]
        return dict(x=M(sol[0]), y=M(sol[1]), z=M(sol[2]))

    return Q(id="b55", kind=4, tools=["solve", "matrix", "dsl_run"], data=d, render=render, parse=parse,
             exprcheck=exprcheck, lib=lib, hand=hand, spec=spec(("x", "x", "stat"), ("y", "y", "stat"), ("z", "z", "stat")),
             intent="Solve a 3x3 linear system (unique solution): x, y, z.")


def b56():
    A = [ints_draw(-3, 9, 3) for _ in range(4)]
    d = dict(A=A)

    def render(d):
        rows = "\n".join(" ".join(str(v) for v in r) for r in d["A"])
        return "whats the determinant of this matrix\n" + rows + "\nthanks"

    def parse(t):
        body = re.search(r"matrix\n(.*)\nthanks", t, re.S).group(1)
        return dict(A=[nums(r) for r in body.split("\n")])

    def exprcheck(t, d):
        body = re.search(r"matrix\n(.*)\nthanks", t, re.S).group(1)
        return sp.Matrix([[sp.sympify(v) for v in r.split()] for r in body.split("\n")]) == sp.Matrix(d["A"])

    def defect(d):
        return len(d["A"]) != len(d["A"][0])

    def defect_text(t):
        body = re.search(r"matrix\n(.*)\nthanks", t, re.S).group(1).split("\n")
        return len(body) == 4 and all(len(r.split()) == 3 for r in body)

    return Q(id="b56", kind=4, tools=["matrix", "dsl_run"], data=d, render=render, parse=parse, exprcheck=exprcheck,
             refuse=True, defect=defect, defect_text=defect_text, spec=[],
             reason="determinant requested for a 4x3 (non-square) matrix: undefined",
             intent="Refuse: the matrix is 4x3, a determinant is defined only for square matrices.")


# ============================================================================
# KIND 5: tests named by the user
# ============================================================================
def b57():
    a = normal(25.40, 0.06, 10, 2)
    b = normal(25.40, 0.035, 12, 2)
    d = dict(a=a, b=b)

    def render(d):
        return ("F-test for equality of two variances, two-sided please.\n"
                "Caliper A: " + ", ".join(f(v, 2) for v in d["a"]) + "\n"
                "Caliper B: " + ", ".join(f(v, 2) for v in d["b"]) + "\n"
                "Report F = s_A²/s_B² and the p-value.")

    def parse(t):
        return dict(a=nums(re.search(r"^Caliper A: (.*)$", t, re.M).group(1)),
                    b=nums(re.search(r"^Caliper B: (.*)$", t, re.M).group(1)))

    def lib(d):
        F = np.var(d["a"], ddof=1) / np.var(d["b"], ddof=1)
        d1, d2 = len(d["a"]) - 1, len(d["b"]) - 1
        return dict(F=F, p=min(1.0, 2 * min(ss.f.cdf(F, d1, d2), ss.f.sf(F, d1, d2))))

    def hand(d):
        F = fvar(d["a"]) / fvar(d["b"])
        d1, d2 = len(d["a"]) - 1, len(d["b"]) - 1
        up = fsf(F, d1, d2)
        return dict(F=M(F), p=min(1, 2 * min(up, 1 - up)))

    return Q(id="b57", kind=5, tools=["variance_test", "dsl_run"], data=d, render=render, parse=parse, lib=lib,
             hand=hand, spec=spec(("F", "F = sA^2/sB^2", "stat"), ("p", "two-sided p", "p")),
             intent="Two-sided F test of two variances, F = s_A^2/s_B^2 (9, 11 df): F and p = 2*min tail.")


def b58():
    sizes, sds = [8, 8, 7, 9], [0.9, 1.4, 1.0, 1.9]
    g = [normal(20.0, s, n) for n, s in zip(sizes, sds)]
    d = dict(g=g)

    def render(d):
        rows = "\n".join(f"oven {i + 1}: " + " ".join(f(v, 1) for v in gg) for i, gg in enumerate(d["g"]))
        return ("bartlett's test for equal variances across the four ovens? cure times in minutes:\n" + rows +
                "\nneed the test statistic and p")

    def parse(t):
        rows = re.findall(r"^oven (\d+): (.*)$", t, re.M)
        assert [int(r[0]) for r in rows] == list(range(1, len(rows) + 1))
        return dict(g=[nums(r[1]) for r in rows])

    def lib(d):
        r = ss.bartlett(*d["g"])
        return dict(T=r.statistic, p=r.pvalue)

    def hand(d):
        k = len(d["g"])
        ns = [len(gg) for gg in d["g"]]
        N = sum(ns)
        vs = [fvar(gg) for gg in d["g"]]
        sp2 = sum((n - 1) * v for n, v in zip(ns, vs)) / (N - k)
        num_ = (N - k) * mp.log(M(sp2)) - sum((n - 1) * mp.log(M(v)) for n, v in zip(ns, vs))
        den = 1 + M(sum(Fr(1, n - 1) for n in ns) - Fr(1, N - k)) / (3 * (k - 1))
        T = num_ / den
        return dict(T=T, p=chi2sf(T, k - 1))

    return Q(id="b58", kind=5, tools=["variance_test", "dsl_run"], data=d, render=render, parse=parse, lib=lib,
             hand=hand, spec=spec(("T", "Bartlett statistic", "stat"), ("p", "p (chi-square, 3 df)", "p")),
             intent="Bartlett's test of equal variances across 4 groups: corrected statistic and chi-square(3) p.")


def swilk_hand(x):
    """Royston (1995, AS R94) Shapiro-Wilk W and p for 12 <= n <= 5000, by hand in mpmath"""
    n = len(x)
    xs = sorted(M(v) for v in x)
    m = [mp.sqrt(2) * mp.erfinv(2 * ((i - mp.mpf(3) / 8) / (n + mp.mpf(1) / 4)) - 1) for i in range(1, n + 1)]
    mm = sum(v * v for v in m)
    u = 1 / mp.sqrt(n)
    an = -2.706056 * u ** 5 + 4.434685 * u ** 4 - 2.071190 * u ** 3 - 0.147981 * u ** 2 + 0.221157 * u + m[-1] / mp.sqrt(mm)
    an1 = -3.582633 * u ** 5 + 5.682633 * u ** 4 - 1.752461 * u ** 3 - 0.293762 * u ** 2 + 0.042981 * u + m[-2] / mp.sqrt(mm)
    phi = (mm - 2 * m[-1] ** 2 - 2 * m[-2] ** 2) / (1 - 2 * an ** 2 - 2 * an1 ** 2)
    a = [m[i] / mp.sqrt(phi) for i in range(n)]
    a[-1], a[-2], a[0], a[1] = an, an1, -an, -an1
    xbar = sum(xs) / n
    W = sum(ai * xi for ai, xi in zip(a, xs)) ** 2 / sum((xi - xbar) ** 2 for xi in xs)
    ln = mp.log(n)
    mu = 0.0038915 * ln ** 3 - 0.083751 * ln ** 2 - 0.31082 * ln - 1.5861
    sg = mp.exp(0.0030302 * ln ** 2 - 0.082676 * ln - 0.4803)
    z = (mp.log(1 - W) - mu) / sg
    return W, nsf(z)


def b59():
    x = [round(float(v), 1) for v in 250 + rng.gamma(2.0, 3.0, 15)]
    d = dict(x=x)

    def render(d):
        return ("Shapiro-Wilk on these 15 tablet weights (mg) please, I need W and the p-value: "
                + " ".join(f(v, 1) for v in d["x"]))

    def parse(t):
        return dict(x=nums(re.search(r"p-value: (.*)$", t).group(1)))

    def lib(d):
        r = ss.shapiro(d["x"])
        return dict(W=r.statistic, p=r.pvalue)

    def hand(d):
        W, p = swilk_hand(d["x"])
        return dict(W=W, p=p)

    return Q(id="b59", kind=5, tools=["normality", "dsl_run"], data=d, render=render, parse=parse, lib=lib,
             hand=hand, spec=spec(("W", "W", "stat"), ("p", "p", "p")),
             intent="Shapiro-Wilk normality test (Royston algorithm) on 15 values: W and p.")


def b60():
    d = dict(a=3, b=17, c=10, dd=12)

    def render(d):
        return (f"Fisher's exact test, two-sided, on this 2x2: treated batch {d['a']} cracked / {d['b']} fine, "
                f"untreated {d['c']} cracked / {d['dd']} fine. Also the plain sample odds ratio (ad/bc, treated "
                "cracked x untreated fine over treated fine x untreated cracked).")

    def parse(t):
        m1 = re.search(r"treated batch (\d+) cracked / (\d+) fine", t)
        m2 = re.search(r"untreated (\d+) cracked / (\d+) fine", t)
        return dict(a=num(m1.group(1)), b=num(m1.group(2)), c=num(m2.group(1)), dd=num(m2.group(2)))

    def lib(d):
        r = ss.fisher_exact([[d["a"], d["b"]], [d["c"], d["dd"]]], alternative="two-sided")
        return dict(p=r.pvalue, OR=r.statistic)

    def hand(d):
        a, b, c, dd = d["a"], d["b"], d["c"], d["dd"]
        r1, c1, N = a + b, a + c, a + b + c + dd
        pr = lambda x: Fr(math.comb(r1, x) * math.comb(N - r1, c1 - x), math.comb(N, c1))
        lo, hi = max(0, c1 - (N - r1)), min(r1, c1)
        p0 = pr(a)
        p = sum(pr(x) for x in range(lo, hi + 1) if pr(x) <= p0)
        return dict(p=M(p), OR=M(Fr(a * dd, b * c)))

    return Q(id="b60", kind=5, tools=["proportion_test", "chi_square", "dsl_run"], data=d, render=render,
             parse=parse, lib=lib, hand=hand, spec=spec(("p", "two-sided exact p", "p"), ("OR", "sample odds ratio", "stat")),
             intent="Fisher exact test on [[3,17],[10,12]], two-sided (sum of tables no more probable): p; sample OR = ad/bc.")


def b61():
    d = dict(x=17, n=40, p0=0.3, conf=95)

    def render(d):
        return (f"exact binomial test: {d['x']} failures in {d['n']} units, H0 failure rate = {f(d['p0'], 1)}, H1 rate "
                f"> {f(d['p0'], 1)}. p-value, and the one-sided {d['conf']}% Clopper-Pearson lower confidence bound "
                "on the failure rate")

    def parse(t):
        m = re.search(rf"(\d+) failures in (\d+) units, H0 failure rate = ({NUM}), H1 rate > ({NUM})\.", t)
        assert m.group(3) == m.group(4)
        return dict(x=num(m.group(1)), n=num(m.group(2)), p0=num(m.group(3)),
                    conf=one(r"one-sided (\d+)% Clopper", t))

    def lib(d):
        r = ss.binomtest(d["x"], d["n"], d["p0"], alternative="greater")
        return dict(p=r.pvalue, lo=r.proportion_ci(confidence_level=d["conf"] / 100, method="exact").low)

    def hand(d):
        x, n, p0 = d["x"], d["n"], Fx(d["p0"])
        p = sum(binom_pmf(k, n, p0) for k in range(x, n + 1))
        al = 1 - M(d["conf"]) / 100
        # lower bound L: P(X >= x | L) = alpha; P(X >= x | p) = I_p(x, n-x+1)
        lo = mp.findroot(lambda q: mp.betainc(x, n - x + 1, 0, q, regularized=True) - al, M(Fr(x, n)) * 0.7)
        return dict(p=M(p), lo=lo)

    return Q(id="b61", kind=5, tools=["proportion_test", "dsl_run"], data=d, render=render, parse=parse, lib=lib,
             hand=hand, spec=spec(("p", "one-sided exact p", "p"), ("lo", "95% one-sided lower bound", "stat")),
             intent="Exact binomial test x=17, n=40, H1 p > 0.3: upper-tail p; one-sided 95% Clopper-Pearson lower bound.")


def b62():
    d = dict(x=132, n=250, p0=0.47)

    def render(d):
        return (f"Survey: {d['x']} of {d['n']} operators prefer the new HMI layout. One-proportion z test (score "
                f"test, standard error from the null value) of H0: p = {f(d['p0'], 2)} against p ≠ {f(d['p0'], 2)}, "
                "no continuity correction. z and p?")

    def parse(t):
        m = re.search(rf"H0: p = ({NUM}) against p ≠ ({NUM}),", t)
        assert m.group(1) == m.group(2)
        return dict(x=one(r"Survey: (\d+) of", t), n=one(r"of (\d+) operators", t), p0=num(m.group(1)))

    def lib(d):
        z, p = proportions_ztest(d["x"], d["n"], value=d["p0"], prop_var=d["p0"])
        return dict(z=z, p=p)

    def hand(d):
        p0 = Fx(d["p0"])
        z = M(Fr(d["x"], d["n"]) - p0) / msqrt(p0 * (1 - p0) / d["n"])
        return dict(z=z, p=2 * nsf(abs(z)))

    return Q(id="b62", kind=5, tools=["proportion_test", "dsl_run"], data=d, render=render, parse=parse, lib=lib,
             hand=hand, spec=spec(("z", "z (p-hat - p0)", "stat"), ("p", "two-sided p", "p")),
             intent="One-proportion score z test, SE from p0 = 0.47, two-sided, no continuity correction: z and p.")


def b63():
    x = normal(35.0, 6.0, 14)
    y = [round(0.08 * a + 2.0 + float(e), 2) for a, e in zip(x, rng.normal(0, 0.55, 14))]
    d = dict(x=x, y=y)

    def render(d):
        return ("Can you do a Pearson correlation test for me (two-sided)? Ambient humidity (%RH) and moisture pick-up "
                "(%) of the granulate on 14 days.\n"
                "RH: " + ", ".join(f(v, 1) for v in d["x"]) + "\n"
                "pick-up: " + ", ".join(f(v, 2) for v in d["y"]) + "\n"
                "r and p please")

    def parse(t):
        return dict(x=nums(re.search(r"^RH: (.*)$", t, re.M).group(1)),
                    y=nums(re.search(r"^pick-up: (.*)$", t, re.M).group(1)))

    def lib(d):
        r = ss.pearsonr(d["x"], d["y"])
        return dict(r=r.statistic, p=r.pvalue)

    def hand(d):
        r = fpearson(d["x"], d["y"])
        n = len(d["x"])
        return dict(r=r, p=t2p(r * mp.sqrt((n - 2) / (1 - r ** 2)), n - 2))

    return Q(id="b63", kind=5, tools=["correlation", "dsl_run"], data=d, render=render, parse=parse, lib=lib,
             hand=hand, spec=spec(("r", "Pearson r", "stat"), ("p", "two-sided p", "p")),
             intent="Pearson correlation of 14 pairs with two-sided t-based p.")


def b64():
    g1 = [int(v) for v in rng.poisson(14, 11)]
    g2 = [int(v) for v in rng.poisson(18, 12)]
    d = dict(g1=g1, g2=g2)

    def render(d):
        return ("Mann-Whitney U test please. Cycles to first crack (thousands), supplier X vs supplier Y. There are "
                "ties, so use the normal approximation with the tie-corrected variance and a continuity correction, "
                "two-sided. Report U for supplier X (pairs with X larger, ties counting one half) and the p-value.\n"
                "X: " + " ".join(map(str, d["g1"])) + "\nY: " + " ".join(map(str, d["g2"])))

    def parse(t):
        return dict(g1=nums(re.search(r"^X: (.*)$", t, re.M).group(1)), g2=nums(re.search(r"^Y: (.*)$", t, re.M).group(1)))

    def lib(d):
        r = ss.mannwhitneyu(d["g1"], d["g2"], alternative="two-sided", method="asymptotic", use_continuity=True)
        return dict(U=r.statistic, p=r.pvalue)

    def hand(d):
        n1, n2 = len(d["g1"]), len(d["g2"])
        U = sum(Fr(1) if a > b else (Fr(1, 2) if a == b else Fr(0)) for a in d["g1"] for b in d["g2"])
        N = n1 + n2
        tt = ties(d["g1"] + d["g2"])
        var = Fr(n1 * n2, 12) * ((N + 1) - Fr(sum(t ** 3 - t for t in tt), N * (N - 1)))
        z = (abs(M(U) - M(Fr(n1 * n2, 2))) - mp.mpf(0.5)) / msqrt(var)
        return dict(U=M(U), p=2 * nsf(z))

    return Q(id="b64", kind=5, tools=["mann_whitney", "dsl_run"], data=d, render=render, parse=parse, lib=lib,
             hand=hand, spec=spec(("U", "U (supplier X)", "stat"), ("p", "two-sided p (normal, tie + continuity corrected)", "p")),
             intent="Mann-Whitney with ties: U for X (ties 1/2), normal approximation with tie-corrected variance and continuity correction, two-sided p.")


def b65():
    before = ints_draw(4, 9, 16)
    after = [max(1, min(10, b + int(v))) for b, v in zip(before, rng.integers(-1, 4, 16))]
    d = dict(before=before, after=after)

    def render(d):
        rows = "\n".join(f"{i + 1:>2}  {b:>2}  {a:>2}" for i, (b, a) in enumerate(zip(d["before"], d["after"])))
        return ("paired sign test on comfort ratings (1-10) before and after the new seat foam. differences after "
                "minus before, zero differences dropped, exact binomial two-sided. how many positive differences "
                "and what p?\n\nid  before  after\n" + rows)

    def parse(t):
        rows = re.findall(r"^\s*(\d+)\s+(\d+)\s+(\d+)$", t, re.M)
        assert [int(r[0]) for r in rows] == list(range(1, len(rows) + 1))
        return dict(before=[num(r[1]) for r in rows], after=[num(r[2]) for r in rows])

    def lib(d):
        dd = np.array(d["after"]) - np.array(d["before"])
        pos, neg = int((dd > 0).sum()), int((dd < 0).sum())
        return dict(k=pos, p=ss.binomtest(pos, pos + neg, 0.5).pvalue)

    def hand(d):
        dd = [a - b for a, b in zip(d["after"], d["before"])]
        pos, n = sum(v > 0 for v in dd), sum(v != 0 for v in dd)
        lo = Fr(sum(math.comb(n, i) for i in range(0, pos + 1)), 2 ** n)
        hi = Fr(sum(math.comb(n, i) for i in range(pos, n + 1)), 2 ** n)
        return dict(k=pos, p=M(min(Fr(1), 2 * min(lo, hi))))

    return Q(id="b65", kind=5, tools=["sign_test", "dsl_run"], data=d, render=render, parse=parse, lib=lib,
             hand=hand, spec=spec(("k", "positive differences", "int"), ("p", "exact two-sided p", "p")),
             intent="Paired sign test, d = after - before, zeros dropped, exact two-sided binomial: number positive and p.")


def b66():
    g = [normal(30.0, 1.0, 8), normal(31.2, 2.5, 10), normal(29.5, 4.0, 7)]
    d = dict(g=g)

    def render(d):
        labs = ["vendor P", "vendor Q", "vendor R"]
        rows = "\n".join(f"{l}: " + ", ".join(f(v, 1) for v in gg) for l, gg in zip(labs, d["g"]))
        return ("Welch's ANOVA (unequal variances, not the classic F) comparing mean bond strength of three vendors:\n"
                + rows + "\nGive me the Welch F, the denominator df and the p-value.")

    def parse(t):
        return dict(g=[nums(re.search(rf"^vendor {l}: (.*)$", t, re.M).group(1)) for l in "PQR"])

    def lib(d):
        r = anova_oneway(d["g"], use_var="unequal", welch_correction=True)
        return dict(F=r.statistic, df2=r.df[1], p=r.pvalue)

    def hand(d):
        k = len(d["g"])
        ns = [len(gg) for gg in d["g"]]
        w = [Fr(n) / fvar(gg) for n, gg in zip(ns, d["g"])]
        W = sum(w)
        mt = sum(wi * fmean(gg) for wi, gg in zip(w, d["g"])) / W
        A = sum(wi * (fmean(gg) - mt) ** 2 for wi, gg in zip(w, d["g"])) / (k - 1)
        lam = sum((1 - wi / W) ** 2 / (n - 1) for wi, n in zip(w, ns))
        B = 1 + Fr(2 * (k - 2), k * k - 1) * lam
        F = A / B
        df2 = Fr(k * k - 1) / (3 * lam)
        return dict(F=M(F), df2=M(df2), p=fsf(F, k - 1, df2))

    return Q(id="b66", kind=5, tools=["anova_oneway", "dsl_run"], data=d, render=render, parse=parse, lib=lib,
             hand=hand, spec=spec(("F", "Welch F", "stat"), ("df2", "denominator df", "stat"), ("p", "p", "p")),
             intent="Welch's one-way ANOVA (unequal variances) on 3 groups: F, denominator df, p.")


def b67():
    before = normal(142.0, 6.0, 10)
    after = [round(b - 2.1 + float(e), 1) for b, e in zip(before, rng.normal(0, 3.0, 10))]
    d = dict(before=before, after=after)

    def render(d):
        pairs = "; ".join(f"{f(b, 1)} -> {f(a, 1)}" for b, a in zip(d["before"], d["after"]))
        return ("paired t test on the line-speed data (before -> after the conveyor retrofit, same 10 stations): "
                + pairs + ". two-sided. I want the mean difference (after minus before), t and p.")

    def parse(t):
        body = re.search(r"same 10 stations\): (.*?)\. two-sided", t).group(1)
        pr = [tuple(nums(x)) for x in body.split("; ")]
        return dict(before=[p[0] for p in pr], after=[p[1] for p in pr])

    def lib(d):
        r = ss.ttest_rel(d["after"], d["before"])
        return dict(md=np.mean(np.array(d["after"]) - np.array(d["before"])), t=r.statistic, p=r.pvalue)

    def hand(d):
        dd = [Fx(a) - Fx(b) for a, b in zip(d["after"], d["before"])]
        n = len(dd)
        t = M(fmean(dd)) / msqrt(fvar(dd) / n)
        return dict(md=M(fmean(dd)), t=t, p=t2p(t, n - 1))

    return Q(id="b67", kind=5, tools=["t_test", "dsl_run"], data=d, render=render, parse=parse, lib=lib, hand=hand,
             spec=spec(("md", "mean difference (after - before)", "stat"), ("t", "t", "stat"), ("p", "two-sided p", "p")),
             intent="Paired t-test, d = after - before, two-sided: mean difference, t, p.")


def b68():
    props = [30, 25, 20, 15, 10]
    obs = [int(v) for v in rng.multinomial(240, [0.26, 0.27, 0.18, 0.17, 0.12])]
    d = dict(props=props, obs=obs)

    def render(d):
        cats = ["scratch", "dent", "porosity", "burr", "other"]
        a = ", ".join(f"{c} {o}" for c, o in zip(cats, d["obs"]))
        b = ", ".join(f"{c} {p}%" for c, p in zip(cats, d["props"]))
        return (f"chi-square goodness of fit. reject reasons this month: {a}. The historical split is {b}. "
                "Has the mix changed? statistic, df and p")

    def parse(t):
        a = re.search(r"this month: (.*?)\. The historical", t).group(1)
        b = re.search(r"split is (.*?)\. Has", t).group(1)
        return dict(props=nums(b), obs=nums(a))

    def lib(d):
        N = sum(d["obs"])
        assert sum(d["props"]) == 100
        r = ss.chisquare(d["obs"], [N * p / 100 for p in d["props"]])
        return dict(chi2=r.statistic, df=len(d["obs"]) - 1, p=r.pvalue)

    def hand(d):
        N = sum(d["obs"])
        e = [Fr(N * p, 100) for p in d["props"]]
        c = sum((o - ei) ** 2 / ei for o, ei in zip(d["obs"], e))
        return dict(chi2=M(c), df=len(d["obs"]) - 1, p=chi2sf(c, len(d["obs"]) - 1))

    return Q(id="b68", kind=5, tools=["chi_square", "dsl_run"], data=d, render=render, parse=parse, lib=lib,
             hand=hand, spec=spec(("chi2", "chi-square", "stat"), ("df", "df", "int"), ("p", "p", "p")),
             intent="Chi-square goodness of fit of 5 observed counts vs historical percentages: chi2, df = 4, p.")


def b69():
    d = dict(n=14, diff=3.0, sd=4.0, alpha=0.05)

    def render(d):
        return (f"Power of a two-sample t-test (pooled variance, two-sided, alpha = {f(d['alpha'], 2)}) with "
                f"{d['n']} per group, if the true difference in means is {f(d['diff'], 1)} and the common SD is "
                f"{f(d['sd'], 1)}?")

    def parse(t):
        return dict(n=one(r"with (\d+) per group", t), diff=one(rf"means is ({NUM})", t),
                    sd=one(rf"common SD is ({NUM})\?", t), alpha=one(rf"alpha = ({NUM})\)", t))

    def lib(d):
        return dict(pw=TTestIndPower().power(effect_size=d["diff"] / d["sd"], nobs1=d["n"], alpha=d["alpha"],
                                             ratio=1, alternative="two-sided"))

    def hand(d):
        es = M(Fx(d["diff"]) / Fx(d["sd"]))
        return dict(pw=power_t_hand(2 * d["n"] - 2, es * mp.sqrt(mp.mpf(d["n"]) / 2), d["alpha"]))

    return Q(id="b69", kind=5, tools=["power", "dsl_run"], data=d, render=render, parse=parse, lib=lib, hand=hand,
             spec=spec(("pw", "power", "stat")),
             intent="Two-sample pooled t power: n = 14 per group, d = 3/4, alpha 0.05 two-sided (noncentral t).")


def b70():
    x = normal(60.0, 8.0, 9)
    y = [12.5] * 9
    d = dict(x=x, y=y)

    def render(d):
        return ("pearson correlation + p-value between line pressure and flow please\n"
                "pressure (bar): " + ", ".join(f(v, 1) for v in d["x"]) + "\n"
                "flow (L/min): " + ", ".join(f(v, 1) for v in d["y"]))

    def parse(t):
        return dict(x=nums(re.search(r"^pressure \(bar\): (.*)$", t, re.M).group(1)),
                    y=nums(re.search(r"^flow \(L/min\): (.*)$", t, re.M).group(1)))

    def defect(d):
        return fss(d["y"]) == 0

    def defect_text(t):
        vals = re.search(r"^flow \(L/min\): (.*)$", t, re.M).group(1).split(", ")
        return len(set(vals)) == 1 and len(vals) > 2

    return Q(id="b70", kind=5, tools=["correlation", "dsl_run"], data=d, render=render, parse=parse, refuse=True,
             defect=defect, defect_text=defect_text, spec=[],
             reason="every flow value is identical (zero variance), so Pearson r is undefined (0/0)",
             intent="Refuse: the flow column is constant; the correlation coefficient and its test are undefined.")


# ============================================================================
# driver
# ============================================================================
BUILDERS = [globals()[f"b{i:02d}"] for i in range(1, 71)]


def main():
    for b in BUILDERS:
        b()
    assert [q["id"] for q in QS] == [f"b{i:02d}" for i in range(1, 71)]
    kinds = [q["kind"] for q in QS]
    assert kinds == sorted(kinds) and Counter(kinds) == {k: 14 for k in range(1, 6)}
    assert sum(q["refuse"] for q in QS) == 7

    n_mut = 0
    out = []
    texts = set()
    for q in QS:
        qid, d = q["id"], q["data"]
        text = q["render"](d)
        assert text not in texts, qid
        texts.add(text)
        assert "dsl_run" in q["tools"] and all(t in TOOLS for t in q["tools"]), qid
        assert "\n" not in q["intent"]
        parsed = q["parse"](text)
        assert deq(parsed, d), (qid, parsed, d)
        if "exprcheck" in q:
            assert q["exprcheck"](text, d), qid
        expect = []
        if q["refuse"]:
            assert q["spec"] == []
            assert q["defect"](d) and q["defect"](parsed) and q["defect_text"](text), qid
            base = None
        else:
            assert 1 <= len(q["spec"]) <= 3, qid
            a = q["lib"](d)
            b = q["hand"](d)
            a2 = q["lib"](parsed)
            for s in q["spec"]:
                k, cls = s["key"], s["cls"]
                va, vb = a[k], b[k]
                if cls == "int":
                    assert float(va) == round(float(va)) and int(round(float(va))) == int(vb), (qid, k, va, vb)
                else:
                    assert close(va, vb, 1e-4), (qid, k, float(va), float(vb))
                assert close(va, a2[k], 1e-9), (qid, k)
                v = sig6(va, cls)
                assert v != 0, (qid, k)
                if cls == "p":
                    assert 1e-4 <= v <= 0.99, (qid, k, v)
                expect.append({"what": s["what"], "value": v, "rel": REL[cls]})
            base = a
        # mutation test
        changed = False
        for path in leaves(d):
            md = bump(d, path)
            t2 = q["render"](md)
            p2 = q["parse"](t2)
            assert deq(p2, md), (qid, path)
            if "exprcheck" in q:
                assert q["exprcheck"](t2, md), (qid, path)
            n_mut += 1
            if base is not None and not changed:
                try:
                    r = q["lib"](md)
                    if any(not close(r[s["key"]], base[s["key"]], 1e-9) for s in q["spec"]):
                        changed = True
                except Exception:
                    pass
        if not q["refuse"]:
            assert changed, qid
        out.append({"id": qid, "kind": q["kind"], "question": text, "intent": q["intent"], "tools": q["tools"],
                    "expect": expect, "refuse": q["refuse"]})
        print(qid, "ok", [e["value"] for e in expect])

    jl = "".join(json.dumps(o, ensure_ascii=False) + "\n" for o in out)
    path = os.path.join(HERE, "round32.jsonl")
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(jl)
    md5 = hashlib.md5(jl.encode("utf-8")).hexdigest()
    refusals = {q["id"]: {"kind": q["kind"], "defect": q["reason"]} for q in QS if q["refuse"]}
    meta = {
        "file": "round32.jsonl",
        "md5": md5,
        "questions": len(out),
        "counts_per_kind": {str(k): v for k, v in sorted(Counter(kinds).items())},
        "refusals": refusals,
        "n_refusals": len(refusals),
        "tolerances": {"statistics, limits, coefficients, power, indices, Welch df, maths values": REL["stat"],
                       "p-values": REL["p"],
                       "run counts, integer df, n, resolution, integer determinants/coefficients, counts": REL["int"]},
        "mutations_checked": n_mut,
        "seed": 32323232,
    }
    with open(os.path.join(HERE, "round32_meta.json"), "w", encoding="utf-8") as fh:
        json.dump(meta, fh, indent=2, ensure_ascii=False)
        fh.write("\n")
    write_readme(meta)
    print("md5", md5, "mutations", n_mut)


def write_readme(meta):
    ref_rows = "\n".join(f"| {i} | {v['kind']} | {v['defect']} |" for i, v in meta["refusals"].items())
    txt = f"""# round32: blind evaluation set (70 questions)

## How it was written
The set was written blind: the only project file read was `TOOLS.txt` (the list of tools
HAVOC has), used only to name the tools a correct answer would use. Nothing else under the
project (source, tests, docs, earlier question sets) was read, and the agent was not run.
Every question, its data, its expected values and all checks live in one generator script,
`make_round32.py`, run with the project's Python (numpy, scipy, statsmodels, sympy, mpmath).

## Files
- `make_round32.py` - the only generator: data, question rendering, parsers, expected values, checks, outputs.
- `round32.jsonl` - 70 questions, one JSON object per line: `id`, `kind`, `question`, `intent`,
  `tools`, `expect` (list of `{{what, value, rel}}`), `refuse`.
- `round32_meta.json` - counts per kind, refusal reasons, tolerance table, number of mutations checked, md5.
- `README.md` - this file (also written by the script).

## Determinism
All random data come from `numpy.random.default_rng(32323232)`, drawn question by question in
id order, and are rounded (1-2 decimals or integers); the rounded values are the data. The script
finds its files via `os.path.dirname(os.path.abspath(__file__))`. Running it twice gives the same
file; md5 of `round32.jsonl`: `{meta['md5']}`.

## Kinds (14 questions each)
1. **b01-b14 tables**: CSV long format (Welch t), markdown (one-way ANOVA, Spearman), TSV paired
   (exact Wilcoxon signed-rank), aligned columns (regression), `label: value` lines (p chart),
   long format in run order (Kruskal-Wallis), contingency table (chi-square), subgroup rows
   (X-bar/R), long CSV with two factors (two-way ANOVA), semicolon/decimal-comma export
   (Anderson-Darling), whitespace columns (Brown-Forsythe), plus two refusals.
2. **b15-b28 intent in the wording**: "no normality assumed" (exact Mann-Whitney), a nominal value
   (one-sample t), dropping a named run, defect counts per unit (c chart), one reading per batch
   (I chart), overall vs within sigma (Pp/Ppk), a one-sided claim (pooled t), "not the pooled
   version" from summary figures (Welch), summary figures only (paired CI), defective counts
   (two-proportion z), "more variable" (one-sided F), a median claim on skewed data (sign test),
   agreement by concordant pairs (Kendall tau), plus one refusal.
3. **b29-b42 numbers in prose with distractors** (rooms, years, lot/part numbers, dates, costs,
   earlier study sizes, factor ranges): replicated factorial with centre points, 2^(6-2) with
   generators (runs, resolution), blocked 2^5, Box-Behnken, rotatable CCD, Plackett-Burman,
   mixed-level factorial, two-sample sample size, paired power, ANOVA power, X-bar/S limits
   from summaries, Cp/Cpk from X-bar/R summaries, plus two refusals.
4. **b43-b56 maths** with realistic typos and informal notation: third derivative at a point,
   binomial expansion coefficient, mixed partial, definite and improper integrals, a limit, a
   Taylor coefficient, a series sum, a real root, partial fractions, a 4x4 determinant,
   eigenvalues, a 3x3 linear system, plus one refusal.
5. **b57-b70 tests named by the user**: F test of variances, Bartlett, Shapiro-Wilk, Fisher exact,
   exact binomial with Clopper-Pearson bound, one-proportion score test, Pearson, Mann-Whitney
   with ties, paired sign test, Welch ANOVA, paired t, chi-square goodness of fit, two-sample
   power, plus one refusal.

## Refusals (refuse = true, expect = [])
| id | kind | defect |
|---|---|---|
{ref_rows}

Each defect is asserted in the script on the data and, separately, on the rendered text.

## Checks (all are asserts; any failure stops the script)
- (a) library values: scipy.stats / statsmodels / sympy for every expected value; SPC limits from
  the tabulated constants (A2, A3, B4, D4, d2, E2); run counts by building the design matrix and
  counting rows; pure-error df from replicated rows of the built matrix; resolution as the
  shortest word of the defining relation; error df of the mixed-level design from a fitted
  statsmodels model.
- (b) an independent hand computation for every expected value, agreeing with (a) to 1e-4
  relative (integers exactly): exact Fraction arithmetic; p-values via mpmath incomplete
  beta/gamma; exact signed-rank, Mann-Whitney and Kendall (Mahonian) distributions by recursion;
  Fisher and binomial sums in Fractions; power by mpmath quadrature of the noncentral t and
  noncentral F; SPC constants exactly (d2, d3 by quadrature, c4 by gamma functions); Shapiro-Wilk
  by Royston's algorithm in mpmath; calculus by mpmath numerics (diff, quad, limit, taylor, nsum,
  findroot, eigsy); determinants by cofactor expansion, the linear system by Cramer's rule; run
  counts and resolution by closed forms / by searching the built matrix for the smallest set of
  columns with a constant product; CCD alpha from the rotatability moment condition.
- (c) re-parse: each question has its own regex parser; parsed data must equal the data, and the
  library computation on the parsed data must equal the one on the data to 1e-9. Maths
  expressions (and matrices, equations) are parsed back with sympy and must equal the expression
  built from the data.
- Mutation test: every numeric data value in turn gets +1, the question is re-rendered and
  re-parsed and the parsed data must equal the mutated data; for every non-refusal at least one
  mutation must change a computed result. Mutations checked: {meta['mutations_checked']}.
- Sanity: ids and kinds in order, 14 per kind, every question text unique, every tool in
  TOOLS.txt, dsl_run always included, 1-3 expectations each, no expected value 0, integer
  expectations exact, every p-value in [1e-4, 0.99], exactly 7 refusals.

## Conventions and tolerances
- rel 0.005: statistics, limits, coefficients, power, capability indices, Welch df, maths values.
- rel 0.02: p-values.
- rel 0: run counts, integer df, n, resolution, integer determinants and coefficients, counts.
- Values stored to 6 significant figures.
- Every convention that matters is written into the question text: one- or two-sided,
  exact or asymptotic, pooled or Welch, continuity correction or not, the difference direction,
  which sigma (within R-bar/d2, moving range, or overall with n-1), tie handling.
- SPC: 3-sigma limits with tabulated constants. A centre point is one run and is not replicated
  unless stated.
"""
    with open(os.path.join(HERE, "README.md"), "w", encoding="utf-8") as fh:
        fh.write(txt)


if __name__ == "__main__":
    main()
