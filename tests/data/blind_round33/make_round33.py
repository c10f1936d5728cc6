#!/usr/bin/env python3
"""Generator for blind evaluation round 33 (70 questions, c01..c70).

One script holds every data set.  For each question it renders the text
from the data, parses the text back with a question-specific regex parser,
computes the expected values with library code (scipy / statsmodels / sympy,
tabulated SPC constants, design matrices) and with an independent hand
computation (exact Fractions, mpmath incomplete beta / gamma, exact rank
distributions by recursion, quadrature, cofactor expansion, Cramer's rule,
closed forms), checks everything with asserts and writes round33.jsonl,
round33_meta.json and README.md next to this file.

Only /work/blind33/TOOLS.txt was read while writing this set.
"""
import os
import re
import json
import math
import hashlib
import itertools
import warnings
from fractions import Fraction as Fr

import numpy as np
import pandas as pd
import scipy.stats as st
import scipy.linalg as sla
import statsmodels.api as sm
import statsmodels.formula.api as smf
from statsmodels.stats.power import TTestIndPower, TTestPower, FTestAnovaPower
from statsmodels.stats.oneway import anova_oneway
from statsmodels.stats.diagnostic import normal_ad
from statsmodels.stats.proportion import proportions_ztest
import sympy as sp
from sympy.parsing.sympy_parser import (parse_expr, standard_transformations,
                                        implicit_multiplication_application,
                                        convert_xor)
import mpmath as mp
import patsy

warnings.filterwarnings("ignore")

HERE = os.path.dirname(os.path.abspath(__file__))
SEED = 33333333
RNG = np.random.default_rng(SEED)
mp.mp.dps = 30

TOL = {"stat": 0.005, "p": 0.02, "int": 0.0}
TOL_DOC = {
    "stat": "rel 0.005 - statistics, limits, coefficients, power, indices, Welch df, maths values",
    "p": "rel 0.02 - p-values",
    "int": "rel 0 - run counts, integer df, n, counts, resolution, integer determinants",
}

# ----------------------------------------------------------------------------
# small utilities
# ----------------------------------------------------------------------------
NUM = r"-?\d+(?:\.\d+)?"


def num(s):
    s = s.strip()
    return int(s) if re.fullmatch(r"-?\d+", s) else float(s)


def nums(s):
    return [num(t) for t in re.findall(NUM, s)]


def F(x):
    """Render one data value."""
    if isinstance(x, bool):
        raise TypeError("bool in data")
    if isinstance(x, (int, np.integer)):
        return str(int(x))
    return repr(round(float(x), 6))


def FC(x):
    """Render with a decimal comma (European export)."""
    return F(x).replace(".", ",")


def L(xs, sep=", "):
    return sep.join(F(v) for v in xs)


def rnorm(mu, sd, n, dec=1):
    return [round(float(v), dec) + 0.0 for v in RNG.normal(mu, sd, n)]


def fr(x):
    if isinstance(x, Fr):
        return x
    if isinstance(x, (int, np.integer)):
        return Fr(int(x))
    return Fr(repr(round(float(x), 10)))


def M(q):
    """Fraction (or number) -> mpf"""
    if isinstance(q, Fr):
        return mp.mpf(q.numerator) / q.denominator
    return mp.mpf(q)


def fmean(xs):
    xs = [fr(v) for v in xs]
    return sum(xs) / len(xs)


def fss(xs):
    m = fmean(xs)
    return sum((fr(v) - m) ** 2 for v in xs)


def fvar(xs):
    return fss(xs) / (len(xs) - 1)


def fmedian(xs):
    s = sorted(fr(v) for v in xs)
    n = len(s)
    return s[n // 2] if n % 2 else (s[n // 2 - 1] + s[n // 2]) / 2


def franks(xs):
    """average ranks (1-based) as Fractions, ties averaged"""
    idx = sorted(range(len(xs)), key=lambda i: fr(xs[i]))
    r = [None] * len(xs)
    i = 0
    while i < len(idx):
        j = i
        while j + 1 < len(idx) and fr(xs[idx[j + 1]]) == fr(xs[idx[i]]):
            j += 1
        avg = Fr(i + 1 + j + 1, 2)
        for k in range(i, j + 1):
            r[idx[k]] = avg
        i = j + 1
    return r


def tie_groups(xs):
    c = {}
    for v in xs:
        c[fr(v)] = c.get(fr(v), 0) + 1
    return [t for t in c.values() if t > 1]


# ---- mpmath distribution functions (hand side) ------------------------------
def betainc_r(a, b, x):
    return mp.betainc(mp.mpf(a), mp.mpf(b), 0, mp.mpf(x), regularized=True)


def t_p2(t, df):
    """two-sided p of Student t"""
    t = M(t)
    df = M(df)
    return betainc_r(df / 2, mp.mpf(1) / 2, df / (df + t * t))


def t_sf(t, df):
    """upper tail P(T > t)"""
    t = M(t)
    half = t_p2(t, df) / 2
    return half if t >= 0 else 1 - half


def t_cdf(t, df):
    return 1 - t_sf(t, df)


def f_sf(Fv, d1, d2):
    Fv, d1, d2 = M(Fv), M(d1), M(d2)
    return betainc_r(d2 / 2, d1 / 2, d2 / (d2 + d1 * Fv))


def chi2_sf(x, k):
    return mp.gammainc(M(k) / 2, M(x) / 2, mp.inf, regularized=True)


def norm_cdf(z):
    return mp.erfc(-M(z) / mp.sqrt(2)) / 2


def norm_sf(z):
    return mp.erfc(M(z) / mp.sqrt(2)) / 2


def norm_pdf(z):
    z = M(z)
    return mp.exp(-z * z / 2) / mp.sqrt(2 * mp.pi)


def norm_ppf(q):
    return mp.sqrt(2) * mp.erfinv(2 * M(q) - 1)


def bisect(fun, lo, hi, it=200):
    lo, hi = mp.mpf(lo), mp.mpf(hi)
    flo = fun(lo)
    for _ in range(it):
        mid = (lo + hi) / 2
        fm = fun(mid)
        if (fm > 0) == (flo > 0):
            lo, flo = mid, fm
        else:
            hi = mid
    return (lo + hi) / 2


def t_ppf(q, df):
    return bisect(lambda t: t_cdf(t, df) - M(q), -200, 200, 150)


def f_ppf(q, d1, d2):
    return bisect(lambda x: (1 - f_sf(x, d1, d2)) - M(q), 0, 1000, 150)


def nct_power_two_sided(delta, df, alpha):
    """P(|T'| > t_crit) for noncentral t by quadrature over the chi variable"""
    delta, df = M(delta), M(df)
    tc = t_ppf(1 - M(alpha) / 2, df)

    def dens(v):  # chi-square(df) density
        return mp.exp((df / 2 - 1) * mp.log(v) - v / 2 - (df / 2) * mp.log(2) - mp.loggamma(df / 2))

    def integrand(v):
        s = tc * mp.sqrt(v / df)
        return dens(v) * (norm_cdf(delta - s) + norm_cdf(-s - delta))

    return mp.quad(integrand, [0, df / 4, df, 2 * df, 4 * df, mp.inf])


def ncf_sf(x, d1, d2, lam):
    """P(F'(d1, d2, lam) > x) as a Poisson mixture of incomplete beta functions"""
    d1, d2, lam, x = M(d1), M(d2), M(lam), M(x)
    y = d1 * x / (d1 * x + d2)
    cdf = mp.mpf(0)
    j = 0
    while True:
        w = mp.exp(-lam / 2 + j * mp.log(lam / 2) - mp.loggamma(j + 1))
        cdf += w * betainc_r(d1 / 2 + j, d2 / 2, y)
        if j > lam and w < mp.mpf(10) ** -25:
            break
        j += 1
    return 1 - cdf


# ---- exact rank distributions by recursion ---------------------------------
def mw_counts(m, n):
    """counts[u] = number of arrangements with Mann-Whitney U = u"""
    from functools import lru_cache

    @lru_cache(maxsize=None)
    def c(mm, nn, u):
        if u < 0:
            return 0
        if mm == 0 or nn == 0:
            return 1 if u == 0 else 0
        return c(mm - 1, nn, u - nn) + c(mm, nn - 1, u)

    return [c(m, n, u) for u in range(m * n + 1)]


def signed_rank_counts(n):
    """counts[w] = number of subsets of {1..n} with sum w"""
    cnt = [1] + [0] * (n * (n + 1) // 2)
    for k in range(1, n + 1):
        for w in range(len(cnt) - 1, k - 1, -1):
            cnt[w] += cnt[w - k]
    return cnt


def mahonian(n):
    """counts[k] = number of permutations of n with k inversions"""
    cnt = [1]
    for m in range(2, n + 1):
        new = [0] * (len(cnt) + m - 1)
        for k, c in enumerate(cnt):
            for j in range(m):
                new[k + j] += c
        cnt = new
    return cnt


# ---- SPC constants: tabulated (library side) and first principles (hand) ----
SPC_TABLE = {
    # n: A2, D3, D4, d2, E2 (individuals with MR span 2), A3, B3, B4, c4
    2: dict(A2=1.880, D3=0.0, D4=3.267, d2=1.128, E2=2.660, A3=2.659, B3=0.0, B4=3.267, c4=0.7979),
    3: dict(A2=1.023, D3=0.0, D4=2.574, d2=1.693, E2=1.772, A3=1.954, B3=0.0, B4=2.568, c4=0.8862),
    4: dict(A2=0.729, D3=0.0, D4=2.282, d2=2.059, E2=1.457, A3=1.628, B3=0.0, B4=2.266, c4=0.9213),
    5: dict(A2=0.577, D3=0.0, D4=2.114, d2=2.326, E2=1.290, A3=1.427, B3=0.0, B4=2.089, c4=0.9400),
    6: dict(A2=0.483, D3=0.0, D4=2.004, d2=2.534, E2=1.184, A3=1.287, B3=0.030, B4=1.970, c4=0.9515),
}


def _range_moments(n):
    """E[R] and E[R^2] of the range of n standard normals by mpmath quadrature"""
    old = mp.mp.dps
    mp.mp.dps = 10
    try:
        Phi = lambda x: mp.ncdf(x)
        d2 = mp.quad(lambda x: 1 - (1 - Phi(x)) ** n - Phi(x) ** n, [-mp.inf, 0, mp.inf])

        def cdfR(r):
            return n * mp.quad(lambda x: mp.npdf(x) * (Phi(x + r) - Phi(x)) ** (n - 1), [-9, 0, 9])

        er2 = mp.quad(lambda r: 2 * r * (1 - cdfR(r)), [0, 2, 5, 12])
    finally:
        mp.mp.dps = old
    return mp.mpf(d2), mp.mpf(er2)


_CONST_CACHE = {}


def spc_exact(n):
    if n not in _CONST_CACHE:
        d2, er2 = _range_moments(n)
        d3 = mp.sqrt(er2 - d2 ** 2)
        c4 = mp.sqrt(mp.mpf(2) / (n - 1)) * mp.gamma(mp.mpf(n) / 2) / mp.gamma(mp.mpf(n - 1) / 2)
        s = 3 * mp.sqrt(1 - c4 ** 2) / c4
        _CONST_CACHE[n] = dict(
            d2=d2, d3=d3, c4=c4,
            A2=3 / (d2 * mp.sqrt(n)), D3=max(mp.mpf(0), 1 - 3 * d3 / d2), D4=1 + 3 * d3 / d2,
            E2=3 / d2, A3=3 / (c4 * mp.sqrt(n)), B3=max(mp.mpf(0), 1 - s), B4=1 + s)
    return _CONST_CACHE[n]


def verify_spc_table():
    """Hand check: every tabulated constant agrees with its first-principles value."""
    for n, row in SPC_TABLE.items():
        ex = spc_exact(n)
        for k, v in row.items():
            tol = 0.00051 if k in ("c4",) else 0.0015
            assert abs(float(ex[k]) - v) <= tol, (n, k, v, float(ex[k]))
    return True


def TAB(n, k):
    """tabulated constant as an exact Fraction (hand side uses the same table)"""
    return fr(SPC_TABLE[n][k])


# ---- maths parsing -----------------------------------------------------------
TRANS = standard_transformations + (implicit_multiplication_application, convert_xor)
X, Y, Z, N_ = sp.symbols("x y z n")


def sym(s):
    return parse_expr(s, transformations=TRANS, local_dict={"e": sp.E, "x": X, "y": Y, "z": Z, "n": N_})


def same_expr(a, b):
    return sp.simplify(a - b) == 0


# ---- design-of-experiments helpers ------------------------------------------
LET = "ABCDEFGHJKLMNOPQRSTUVW"


def full2(k):
    return np.array(list(itertools.product([-1, 1], repeat=k)))[:, ::-1]


def word_mul(a, b):
    return "".join(sorted(set(a) ^ set(b)))


def defining_words(gens, k, p):
    """gens like ['ABCE', ...]; full group of defining words (excl. I)"""
    words = set()
    for r in range(1, p + 1):
        for combo in itertools.combinations(gens, r):
            w = ""
            for g in combo:
                w = word_mul(w, g)
            words.add(w)
    return words


def frac_design(k, gens):
    """2^(k-p) design: base factors full factorial, generated columns = products"""
    p = len(gens)
    base = full2(k - p)
    cols = [base[:, i] for i in range(k - p)]
    for g in gens:
        c = np.ones(len(base), dtype=int)
        for ch in g:
            j = LET.index(ch)
            assert j < k - p
            c = c * base[:, j]
        cols.append(c)
    return np.column_stack(cols)


def resolution_from_matrix(Dm):
    """smallest number of columns whose elementwise product is constant"""
    k = Dm.shape[1]
    for r in range(1, k + 1):
        for S in itertools.combinations(range(k), r):
            pr = np.prod(Dm[:, S], axis=1)
            if np.all(pr == pr[0]):
                return r
    return None


PB12 = [1, 1, -1, 1, 1, 1, -1, -1, -1, 1, -1]


def pb_matrix(k):
    N = 4 * math.ceil((k + 1) / 4)
    assert N == 12, "only the 12-run Plackett-Burman generator is tabulated here"
    rows = [PB12[-i:] + PB12[:-i] if i else PB12[:] for i in range(11)]
    rows.append([-1] * 11)
    Mx = np.array(rows)
    # orthogonality check of the built matrix
    assert np.all(Mx.T @ Mx == 12 * np.eye(11))
    return Mx[:, :k]


# ----------------------------------------------------------------------------
# question framework
# ----------------------------------------------------------------------------
class Q:
    def __init__(self, qid, kind, tools, data, render, parse, lib=None, hand=None,
                 expect=(), intent="", refuse=False, defect=None, defect_check=None):
        self.id, self.kind, self.tools = qid, kind, ["dsl_run"] + list(tools)
        self.data, self.render, self.parse = data, render, parse
        self.lib, self.hand = lib, hand
        self.expect = list(expect)
        self.intent, self.refuse = intent, refuse
        self.defect, self.defect_check = defect, defect_check


def deq(a, b):
    if isinstance(a, dict):
        return isinstance(b, dict) and set(a) == set(b) and all(deq(a[k], b[k]) for k in a)
    if isinstance(a, (list, tuple)):
        return isinstance(b, (list, tuple)) and len(a) == len(b) and all(deq(x, y) for x, y in zip(a, b))
    if isinstance(a, str) or isinstance(b, str):
        return a == b
    return abs(float(a) - float(b)) <= 1e-9 * max(1.0, abs(float(a)))


def relclose(a, b, rel):
    a, b = float(a), float(b)
    if a == b:
        return True
    return abs(a - b) <= rel * max(abs(a), abs(b))


def paths(d, pre=()):
    out = []
    if isinstance(d, dict):
        for k in sorted(d):
            out += paths(d[k], pre + (k,))
    elif isinstance(d, list):
        for i, v in enumerate(d):
            out += paths(v, pre + (i,))
    elif isinstance(d, (int, float)) and not isinstance(d, bool):
        out.append(pre)
    return out


def mutate(d, path):
    d2 = json.loads(json.dumps(d))
    cur = d2
    for p in path[:-1]:
        cur = cur[p]
    v = cur[path[-1]]
    cur[path[-1]] = v + 1 if isinstance(v, int) else round(v + 1, 6)
    return d2


QS = []


def add(q):
    QS.append(q)
    return q


# ----------------------------------------------------------------------------
# hand-side shared formulas (exact Fractions + mpmath; no scipy/statsmodels)
# ----------------------------------------------------------------------------
def h_welch(a, b):
    """Welch t for mean(a) - mean(b): (t, df, two-sided p)"""
    va, vb = fvar(a) / len(a), fvar(b) / len(b)
    se2 = va + vb
    t = M(fmean(a) - fmean(b)) / mp.sqrt(M(se2))
    df = se2 ** 2 / (va ** 2 / (len(a) - 1) + vb ** 2 / (len(b) - 1))
    return t, M(df), t_p2(t, M(df))


def h_pooled_sum(m1, s1, n1, m2, s2, n2):
    """pooled t for 1 - 2 from summaries"""
    m1, s1, m2, s2 = fr(m1), fr(s1), fr(m2), fr(s2)
    sp2 = ((n1 - 1) * s1 ** 2 + (n2 - 1) * s2 ** 2) / (n1 + n2 - 2)
    t = M(m1 - m2) / mp.sqrt(M(sp2 * (Fr(1, n1) + Fr(1, n2))))
    df = n1 + n2 - 2
    return t, df, t_p2(t, df)


def h_onesample(x, mu0):
    n = len(x)
    t = M(fmean(x) - fr(mu0)) / mp.sqrt(M(fvar(x) / n))
    return t, n - 1


def h_anova1(groups):
    allv = [v for g in groups for v in g]
    gm = fmean(allv)
    ssb = sum(len(g) * (fmean(g) - gm) ** 2 for g in groups)
    ssw = sum(fss(g) for g in groups)
    d1, d2 = len(groups) - 1, len(allv) - len(groups)
    Fv = (ssb / d1) / (ssw / d2)
    return Fv, d1, d2, f_sf(M(Fv), d1, d2)


def h_kw(groups):
    allv = [v for g in groups for v in g]
    r = franks(allv)
    N = len(allv)
    H = Fr(0)
    i = 0
    for g in groups:
        rs = sum(r[i:i + len(g)])
        H += rs ** 2 / len(g)
        i += len(g)
    H = Fr(12, N * (N + 1)) * H - 3 * (N + 1)
    C = 1 - Fr(sum(t ** 3 - t for t in tie_groups(allv)), N ** 3 - N)
    H = H / C
    return H, chi2_sf(M(H), len(groups) - 1)


# ----------------------------------------------------------------------------
# KIND 1 - tabular data with a test or chart
# ----------------------------------------------------------------------------
def c01():
    d = dict(a=rnorm(25.40, 0.05, 10, 2), b=rnorm(25.35, 0.09, 12, 2))

    def render(d):
        A, B, rows = d["a"], d["b"], []
        for i in range(max(len(A), len(B))):
            if i < len(A):
                rows.append("A," + F(A[i]))
            if i < len(B):
                rows.append("B," + F(B[i]))
        return ("Export from the bore gauge, one row per part (CSV):\n\nmachine,bore_mm\n" + "\n".join(rows) +
                "\n\nCompare machine A with machine B using a two-sample t-test that does NOT assume equal "
                "variances (Welch). I need t for mean(A) minus mean(B), the Welch-Satterthwaite degrees of "
                "freedom and the two-sided p-value.")

    def parse(t):
        return dict(a=[num(v) for v in re.findall(r"^A,(%s)$" % NUM, t, re.M)],
                    b=[num(v) for v in re.findall(r"^B,(%s)$" % NUM, t, re.M)])

    def lib(d):
        r = st.ttest_ind(d["a"], d["b"], equal_var=False)
        return {"t (A - B)": r.statistic, "Welch df": r.df, "p (two-sided)": r.pvalue}

    def hand(d):
        t, df, p = h_welch(d["a"], d["b"])
        return {"t (A - B)": t, "Welch df": df, "p (two-sided)": p}

    add(Q("c01", 1, ["t_test"], d, render, parse, lib, hand,
          [("t (A - B)", "stat"), ("Welch df", "stat"), ("p (two-sided)", "p")],
          "Welch two-sample t-test on the CSV long-format data: t = mean(A) - mean(B) over the unpooled SE, "
          "Welch-Satterthwaite df, two-sided p"))


def c02():
    d = dict(sg=[rnorm(50.0, 0.6, 5, 1) for _ in range(8)])

    def render(d):
        rows = "\n".join("SG%d: %s" % (i + 1, L(s, " ")) for i, s in enumerate(d["sg"]))
        return ("Shaft OD readings (mm) from the lathe, hourly subgroups of five:\n\n" + rows +
                "\n\nBuild an X-bar/R chart (3-sigma limits, standard table constants A2, D3, D4 for n = %d) and "
                "tell me the X-bar chart UCL and LCL and the R chart UCL." % len(d["sg"][0]))

    def parse(t):
        return dict(sg=[[num(v) for v in row.split()] for row in re.findall(r"^SG\d+: (.*)$", t, re.M)])

    def lib(d):
        a = np.array(d["sg"])
        n = a.shape[1]
        xbb, rbar = a.mean(axis=1).mean(), np.ptp(a, axis=1).mean()
        c = SPC_TABLE[n]
        return {"UCL xbar": xbb + c["A2"] * rbar, "LCL xbar": xbb - c["A2"] * rbar, "UCL R": c["D4"] * rbar}

    def hand(d):
        n = len(d["sg"][0])
        xbb = fmean([fmean(s) for s in d["sg"]])
        rbar = fmean([max(map(fr, s)) - min(map(fr, s)) for s in d["sg"]])
        return {"UCL xbar": xbb + TAB(n, "A2") * rbar, "LCL xbar": xbb - TAB(n, "A2") * rbar,
                "UCL R": TAB(n, "D4") * rbar}

    add(Q("c02", 1, ["control_chart", "spc_constants"], d, render, parse, lib, hand,
          [("UCL xbar", "stat"), ("LCL xbar", "stat"), ("UCL R", "stat")],
          "X-bar/R chart from 8 subgroups of 5: grand mean +/- A2*Rbar and D4*Rbar with tabulated constants (n=5)"))


def c03():
    d = dict(g=[rnorm(m, 5.0, 6, 1) for m in (410, 404, 408)])

    def render(d):
        rows = ["\t".join(F(g[i]) for g in d["g"]) for i in range(len(d["g"][0]))]
        return ("tensile strength in MPa, pasted straight from excel:\n\nsupplier_A\tsupplier_B\tsupplier_C\n" +
                "\n".join(rows) + "\n\ncan you do a one-way anova across the three suppliers? just need the F "
                "statistic and its p value")

    def parse(t):
        rows = [r.split("\t") for r in t.split("\n") if re.fullmatch(r"%s(\t%s)+" % (NUM, NUM), r)]
        return dict(g=[[num(r[j]) for r in rows] for j in range(len(rows[0]))])

    def lib(d):
        r = st.f_oneway(*d["g"])
        return {"F": r.statistic, "p": r.pvalue}

    def hand(d):
        Fv, d1, d2, p = h_anova1(d["g"])
        return {"F": Fv, "p": p}

    add(Q("c03", 1, ["anova_oneway"], d, render, parse, lib, hand, [("F", "stat"), ("p", "p")],
          "classic one-way ANOVA of the three TSV columns: F = MS_between/MS_within (df 2, 15) and its p"))


def c04():
    before = rnorm(3.20, 0.40, 10, 2)
    after = [round(b + float(e), 2) + 0.0 for b, e in zip(before, RNG.normal(-0.12, 0.17, 10))]
    d = dict(before=before, after=after)

    def render(d):
        lines = ["unit    before    after"]
        for i, (b, a) in enumerate(zip(d["before"], d["after"])):
            lines.append("U%02d     %-9s %s" % (i + 1, F(b), F(a)))
        return ("Surface roughness Ra (um), the same ten units measured before and after the new polishing step:\n\n" +
                "\n".join(lines) + "\n\nPlease run a paired t-test. Report t for after minus before and the "
                "two-sided p-value.")

    def parse(t):
        rows = re.findall(r"^U\d\d\s+(%s)\s+(%s)\s*$" % (NUM, NUM), t, re.M)
        return dict(before=[num(r[0]) for r in rows], after=[num(r[1]) for r in rows])

    def lib(d):
        r = st.ttest_rel(d["after"], d["before"])
        return {"t (after - before)": r.statistic, "p (two-sided)": r.pvalue}

    def hand(d):
        diff = [fr(a) - fr(b) for a, b in zip(d["after"], d["before"])]
        t, df = h_onesample(diff, 0)
        return {"t (after - before)": t, "p (two-sided)": t_p2(t, df)}

    add(Q("c04", 1, ["t_test"], d, render, parse, lib, hand,
          [("t (after - before)", "stat"), ("p (two-sided)", "p")],
          "paired t-test on the aligned columns, differences after - before, df 9, two-sided p"))


DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def c05():
    d = dict(obs=[int(v) for v in RNG.poisson([27, 31, 36, 24, 40])])

    def render(d):
        return ("Unplanned stoppages logged on press 4 over the last quarter, by weekday:\n\n" +
                "\n".join("%s: %d" % (dd, o) for dd, o in zip(DAYS, d["obs"])) +
                "\n\nIs that consistent with stoppages being spread evenly over the five weekdays? Chi-square "
                "goodness-of-fit against equal expected counts - give the statistic, its degrees of freedom and p.")

    def parse(t):
        return dict(obs=[int(v) for v in re.findall(r"^(?:%s): (\d+)$" % "|".join(DAYS), t, re.M)])

    def lib(d):
        r = st.chisquare(d["obs"])
        return {"chi-square": r.statistic, "df": len(d["obs"]) - 1, "p": r.pvalue}

    def hand(d):
        o = [Fr(v) for v in d["obs"]]
        e = sum(o) / len(o)
        x2 = sum((v - e) ** 2 / e for v in o)
        return {"chi-square": x2, "df": len(o) - 1, "p": chi2_sf(M(x2), len(o) - 1)}

    add(Q("c05", 1, ["chi_square"], d, render, parse, lib, hand,
          [("chi-square", "stat"), ("df", "int"), ("p", "p")],
          "chi-square goodness of fit of the 5 weekday counts against equal expected counts, df = 4"))


SHIFTS = ["Day", "Evening", "Night"]
DEFS = ["scratch", "dent", "misalign"]


def c06():
    lam = [[30, 20, 14], [26, 22, 18], [18, 25, 27]]
    d = dict(tab=[[int(v) for v in RNG.poisson(r)] for r in lam])

    def render(d):
        lines = ["%-10s%10s%8s%10s" % ("", *DEFS)]
        for s, r in zip(SHIFTS, d["tab"]):
            lines.append("%-10s%10d%8d%10d" % (s, *r))
        return ("Defect type by shift, last month (counts of rejected housings):\n\n" + "\n".join(lines) +
                "\n\nTest whether defect type is independent of shift (Pearson chi-square test of independence). "
                "I'd like the chi-square value, df and the p-value.")

    def parse(t):
        rows = re.findall(r"^(?:%s)\s+(\d+)\s+(\d+)\s+(\d+)\s*$" % "|".join(SHIFTS), t, re.M)
        return dict(tab=[[int(v) for v in r] for r in rows])

    def lib(d):
        r = st.chi2_contingency(np.array(d["tab"]), correction=False)
        return {"chi-square": r[0], "df": int(r[2]), "p": r[1]}

    def hand(d):
        T = [[Fr(v) for v in r] for r in d["tab"]]
        rs = [sum(r) for r in T]
        cs = [sum(c) for c in zip(*T)]
        n = sum(rs)
        x2 = sum((T[i][j] - rs[i] * cs[j] / n) ** 2 / (rs[i] * cs[j] / n) for i in range(len(T)) for j in range(len(cs)))
        df = (len(T) - 1) * (len(cs) - 1)
        return {"chi-square": x2, "df": df, "p": chi2_sf(M(x2), df)}

    add(Q("c06", 1, ["chi_square"], d, render, parse, lib, hand,
          [("chi-square", "stat"), ("df", "int"), ("p", "p")],
          "Pearson chi-square test of independence on the 3x3 shift-by-defect table, df 4, no continuity correction"))


LINES7 = ["Norte", "Sur", "Centro"]


def c07():
    d = dict(g=[rnorm(12.4, 0.8, 7, 1), rnorm(13.3, 0.8, 8, 1), rnorm(12.1, 0.8, 6, 1)])

    def render(d):
        rows = []
        for i in range(max(len(g) for g in d["g"])):
            for name, g in zip(LINES7, d["g"]):
                if i < len(g):
                    rows.append("%s;%s" % (name, FC(g[i])))
        return ("Our MES exports with semicolons and decimal commas, sorry:\n\nsep=;\nlinea;tiempo_ciclo_s\n" +
                "\n".join(rows) + "\n\nCould you run a Kruskal-Wallis test comparing cycle time across the three "
                "lines? Use the tie-corrected H and the chi-square approximation for the p-value.")

    def parse(t):
        out = []
        for name in LINES7:
            out.append([num(v.replace(",", ".")) for v in re.findall(r"^%s;(-?\d+,\d+)$" % name, t, re.M)])
        return dict(g=out)

    def lib(d):
        r = st.kruskal(*d["g"])
        return {"H": r.statistic, "p": r.pvalue}

    def hand(d):
        H, p = h_kw(d["g"])
        return {"H": H, "p": p}

    add(Q("c07", 1, ["kruskal_wallis"], d, render, parse, lib, hand, [("H", "stat"), ("p", "p")],
          "Kruskal-Wallis on the semicolon/decimal-comma export (3 lines), tie-corrected H, chi-square(2) p"))


def c08():
    n = 250
    d = dict(n=[n] * 15, dft=[int(v) for v in RNG.binomial(n, 0.06, 15)])

    def render(d):
        lines = ["| Date       | Inspected | Defective |", "|------------|-----------|-----------|"]
        for i, (nn, x) in enumerate(zip(d["n"], d["dft"])):
            lines.append("| 2024-03-%02d | %d | %d |" % (i + 4, nn, x))
        return ("Daily final-inspection results (fixed sample per day):\n\n" + "\n".join(lines) +
                "\n\nSet up an np chart for the number defective with 3-sigma limits. What are the centre line, "
                "UCL and LCL?")

    def parse(t):
        rows = re.findall(r"^\| 2024-\d\d-\d\d \| (\d+) \| (\d+) \|$", t, re.M)
        return dict(n=[int(r[0]) for r in rows], dft=[int(r[1]) for r in rows])

    def lib(d):
        assert len(set(d["n"])) == 1
        n = d["n"][0]
        pbar = np.sum(d["dft"]) / np.sum(d["n"])
        s = np.sqrt(n * pbar * (1 - pbar))
        return {"CL": n * pbar, "UCL": n * pbar + 3 * s, "LCL": max(0.0, n * pbar - 3 * s)}

    def hand(d):
        n = d["n"][0]
        pbar = Fr(sum(d["dft"]), sum(d["n"]))
        s = mp.sqrt(M(n * pbar * (1 - pbar)))
        return {"CL": n * pbar, "UCL": M(n * pbar) + 3 * s, "LCL": max(0, M(n * pbar) - 3 * s)}

    add(Q("c08", 1, ["control_chart"], d, render, parse, lib, hand,
          [("CL", "stat"), ("UCL", "stat"), ("LCL", "stat")],
          "np chart, n = 250 each day: CL = n*pbar, limits n*pbar +/- 3*sqrt(n*pbar*(1-pbar))"))


def c09():
    x = [20, 25, 30, 35, 40, 45, 50, 55, 60, 65, 70, 75]
    d = dict(x=x, y=[round(182.0 - 1.35 * xi + float(e), 1) + 0.0 for xi, e in zip(x, RNG.normal(0, 3.0, 12))])

    def render(d):
        return ("temp_C,visc_cP\n" + "\n".join("%s,%s" % (F(a), F(b)) for a, b in zip(d["x"], d["y"])) +
                "\n\nfit visc = b0 + b1*temp by ordinary least squares, want slope, intercept and R^2")

    def parse(t):
        rows = re.findall(r"^(%s),(%s)$" % (NUM, NUM), t, re.M)
        return dict(x=[num(r[0]) for r in rows], y=[num(r[1]) for r in rows])

    def lib(d):
        m = sm.OLS(np.array(d["y"], float), sm.add_constant(np.array(d["x"], float))).fit()
        return {"slope": m.params[1], "intercept": m.params[0], "R^2": m.rsquared}

    def hand(d):
        x, y = [fr(v) for v in d["x"]], [fr(v) for v in d["y"]]
        mx, my = fmean(x), fmean(y)
        sxx = sum((a - mx) ** 2 for a in x)
        sxy = sum((a - mx) * (b - my) for a, b in zip(x, y))
        syy = sum((b - my) ** 2 for b in y)
        b1 = sxy / sxx
        return {"slope": b1, "intercept": my - b1 * mx, "R^2": sxy ** 2 / (sxx * syy)}

    add(Q("c09", 1, ["regression"], d, render, parse, lib, hand,
          [("slope", "stat"), ("intercept", "stat"), ("R^2", "stat")],
          "simple OLS regression of visc on temp with intercept: slope, intercept, R^2"))


OPS10 = ["Kim", "Ortiz", "Patel"]


def c10():
    d = dict(g=[rnorm(12.4, s, 6, 2) for s in (0.10, 0.22, 0.14)])

    def render(d):
        lines, run = ["#### QC-EXPORT v2.3 ####", "run|operator|torque_Nm"], 101
        for i in range(6):
            for op, g in zip(OPS10, d["g"]):
                lines.append("%d|%s|%s" % (run, op, F(g[i])))
                run += 1
        lines.append("#### end of export (18 records) ####")
        return ("\n".join(lines) + "\n\nIs the spread of torque the same for the three operators? Use the "
                "Brown-Forsythe version of Levene's test (absolute deviations from each group's median). "
                "Statistic and p please.")

    def parse(t):
        out = []
        for op in OPS10:
            out.append([num(v) for v in re.findall(r"^\d+\|%s\|(%s)$" % (op, NUM), t, re.M)])
        return dict(g=out)

    def lib(d):
        r = st.levene(*d["g"], center="median")
        return {"W (Brown-Forsythe)": r.statistic, "p": r.pvalue}

    def hand(d):
        z = [[abs(fr(v) - fmedian(g)) for v in g] for g in d["g"]]
        Fv, d1, d2, p = h_anova1(z)
        return {"W (Brown-Forsythe)": Fv, "p": p}

    add(Q("c10", 1, ["levene"], d, render, parse, lib, hand,
          [("W (Brown-Forsythe)", "stat"), ("p", "p")],
          "Brown-Forsythe/Levene test (median-centred) for equal variances across 3 operators from the pipe export"))


def c11():
    mu = [[71.0, 74.0, 72.5], [72.5, 74.5, 75.5]]
    d = dict(cells=[[rnorm(m, 1.0, 3, 1) for m in row] for row in mu])

    def render(d):
        lines = ["%-8s%-22s%-22s%s" % ("", "cat X", "cat Y", "cat Z")]
        for lab, row in zip(["low T", "high T"], d["cells"]):
            lines.append("%-8s" % lab + "".join("%-22s" % L(c) for c in row).rstrip())
        return ("Yield (%) from the catalyst trial, 3 replicate batches in each cell:\n\n" + "\n".join(lines) +
                "\n\nTwo-way ANOVA with interaction (temperature x catalyst, balanced). What are the F statistic "
                "and p-value for the temperature x catalyst interaction?")

    def parse(t):
        cells = []
        for lab in ["low T", "high T"]:
            line = re.search(r"^%s\s+(.*)$" % lab, t, re.M).group(1)
            cells.append([[num(v) for v in grp.split(", ")] for grp in re.split(r"\s{2,}", line.strip())])
        return dict(cells=cells)

    def lib(d):
        rows = [(i, j, v) for i, row in enumerate(d["cells"]) for j, c in enumerate(row) for v in c]
        df = pd.DataFrame(rows, columns=["T", "K", "y"])
        a = sm.stats.anova_lm(smf.ols("y ~ C(T) * C(K)", df).fit(), typ=2)
        return {"F (interaction)": a.loc["C(T):C(K)", "F"], "p (interaction)": a.loc["C(T):C(K)", "PR(>F)"]}

    def hand(d):
        C = d["cells"]
        a, b, r = len(C), len(C[0]), len(C[0][0])
        gm = fmean([v for row in C for c in row for v in c])
        cm = [[fmean(c) for c in row] for row in C]
        am = [fmean([v for c in row for v in c]) for row in C]
        bm = [fmean([v for row in C for v in row[j]]) for j in range(b)]
        ssab = r * sum((cm[i][j] - am[i] - bm[j] + gm) ** 2 for i in range(a) for j in range(b))
        sse = sum(fss(c) for row in C for c in row)
        d1, d2 = (a - 1) * (b - 1), a * b * (r - 1)
        Fv = (ssab / d1) / (sse / d2)
        return {"F (interaction)": Fv, "p (interaction)": f_sf(M(Fv), d1, d2)}

    add(Q("c11", 1, ["anova_twoway"], d, render, parse, lib, hand,
          [("F (interaction)", "stat"), ("p (interaction)", "p")],
          "balanced two-way ANOVA with interaction (2 temperatures x 3 catalysts x 3 reps): interaction F (df 2, 12) and p"))


def c12():
    d = dict(x=rnorm(500.6, 1.3, 30, 1), lsl=496, usl=505)

    def render(d):
        return ("Fill_g\n" + "\n".join(F(v) for v in d["x"]) +
                "\n\nThat's 30 consecutive bottles off filler 2. Spec is %s g to %s g. Compute Pp and Ppk using the "
                "overall sample standard deviation (n - 1 divisor) of these values." % (F(d["lsl"]), F(d["usl"])))

    def parse(t):
        body = t.split("Fill_g\n", 1)[1].split("\n\n", 1)[0]
        m = re.search(r"Spec is (%s) g to (%s) g" % (NUM, NUM), t)
        return dict(x=[num(v) for v in body.split("\n")], lsl=num(m.group(1)), usl=num(m.group(2)))

    def lib(d):
        x = np.array(d["x"])
        s, m = st.tstd(x), st.tmean(x)
        return {"Pp": (d["usl"] - d["lsl"]) / (6 * s), "Ppk": min(d["usl"] - m, m - d["lsl"]) / (3 * s)}

    def hand(d):
        s = mp.sqrt(M(fvar(d["x"])))
        m = fmean(d["x"])
        return {"Pp": M(fr(d["usl"]) - fr(d["lsl"])) / (6 * s),
                "Ppk": M(min(fr(d["usl"]) - m, m - fr(d["lsl"]))) / (3 * s)}

    add(Q("c12", 1, ["capability"], d, render, parse, lib, hand, [("Pp", "stat"), ("Ppk", "stat")],
          "overall capability from the single-column data: Pp = (USL-LSL)/(6s), Ppk = min(USL-mean, mean-LSL)/(3s), s with n-1"))


def c13():
    n = [int(v) for v in RNG.integers(80, 121, 12)]
    r = [int(v) for v in RNG.binomial(n, 0.05)]
    r[7] = n[7] + 12  # impossible: more rejects than parts inspected
    d = dict(n=n, r=r)

    def render(d):
        lines = ["lot\tinspected\trejected"] + ["L%02d\t%d\t%d" % (i + 1, a, b) for i, (a, b) in enumerate(zip(d["n"], d["r"]))]
        return ("Incoming inspection, twelve lots:\n\n" + "\n".join(lines) +
                "\n\nPlease build a p chart (3-sigma, limits varying with lot size) and give me the centre line "
                "and the UCL for lot L08.")

    def parse(t):
        rows = re.findall(r"^L\d\d\t(\d+)\t(\d+)$", t, re.M)
        return dict(n=[int(a) for a, b in rows], r=[int(b) for a, b in rows])

    def defect(d, text):
        assert any(b > a for a, b in zip(d["n"], d["r"]))
        rows = re.findall(r"^L(\d\d)\t(\d+)\t(\d+)$", text, re.M)
        assert any(int(c) > int(b) for a, b, c in rows)

    add(Q("c13", 1, ["control_chart"], d, render, parse, refuse=True,
          defect="impossible data: lot L08 has more rejected parts than parts inspected (proportion > 1)",
          defect_check=defect,
          intent="refuse: a p chart cannot be built because one lot reports more rejects than inspected units"))


def c14():
    d = dict(a=rnorm(84.0, 5.0, 9, 2), b=rnorm(89.6, 5.0, 11, 2))

    def render(d):
        A, B = d["a"], d["b"]
        lines = ["| Old supplier | New supplier |", "|---|---|"]
        for i in range(max(len(A), len(B))):
            lines.append("| %s | %s |" % (F(A[i]) if i < len(A) else "", F(B[i]) if i < len(B) else ""))
        return ("Peel strength (N/cm) of laminate from the old and the new adhesive supplier; the columns have "
                "different lengths, blank cells are just empty:\n\n" + "\n".join(lines) +
                "\n\nMann-Whitney U test please, exact two-sided p-value (there are no ties). Report U as the "
                "smaller of the two U statistics.")

    def parse(t):
        rows = re.findall(r"^\| (%s)? \| (%s)? \|$" % (NUM, NUM), t, re.M)
        return dict(a=[num(r[0]) for r in rows if r[0]], b=[num(r[1]) for r in rows if r[1]])

    def lib(d):
        r = st.mannwhitneyu(d["a"], d["b"], alternative="two-sided", method="exact")
        u1 = r.statistic
        return {"U (smaller)": min(u1, len(d["a"]) * len(d["b"]) - u1), "p (exact, two-sided)": r.pvalue}

    def hand(d):
        a, b = d["a"], d["b"]
        assert not tie_groups(a + b)
        m, n = len(a), len(b)
        u1 = sum(1 for x in a for y in b if fr(x) > fr(y))
        u = min(u1, m * n - u1)
        cnt = mw_counts(m, n)
        p = min(Fr(1), 2 * Fr(sum(cnt[:u + 1]), math.comb(m + n, m)))
        return {"U (smaller)": u, "p (exact, two-sided)": p}

    add(Q("c14", 1, ["mann_whitney"], d, render, parse, lib, hand,
          [("U (smaller)", "int"), ("p (exact, two-sided)", "p")],
          "Mann-Whitney U on the two markdown columns (9 vs 11, no ties): U = min(U1, U2), exact two-sided p"))


# ----------------------------------------------------------------------------
# KIND 2 - intent carried by the wording
# ----------------------------------------------------------------------------
OPS15 = ["Ana", "Ben", "Chloe", "Dev", "Eli", "Fatima", "Greg", "Hana", "Ivan", "Jo", "Kofi", "Lena"]


def h_signed_rank(diff):
    """(smaller rank sum T, exact two-sided p) for nonzero, untied |diff|"""
    diff = [fr(v) for v in diff if fr(v) != 0]
    assert not tie_groups([abs(v) for v in diff])
    n = len(diff)
    r = franks([abs(v) for v in diff])
    wp = sum(ri for ri, v in zip(r, diff) if v > 0)
    wm = sum(ri for ri, v in zip(r, diff) if v < 0)
    T = min(wp, wm)
    cnt = signed_rank_counts(n)
    p = min(Fr(1), 2 * Fr(sum(cnt[:int(T) + 1]), 2 ** n))
    return T, p


def c15():
    before = rnorm(48.0, 5.0, 12, 2)
    dd = 0.8 - RNG.exponential(2.2, 12)
    d = dict(before=before, after=[round(b + float(e), 2) + 0.0 for b, e in zip(before, dd)])

    def render(d):
        rows = "\n".join("%s %s -> %s" % (o, F(b), F(a)) for o, b, a in zip(OPS15, d["before"], d["after"]))
        return ("Assembly time (s) for the same twelve operators, before -> after the new fixture:\n\n" + rows +
                "\n\nThe differences are clearly skewed (a couple of people got a lot faster), so I'm not "
                "comfortable assuming normality. Did the fixture shift the times? Work with after minus before; "
                "give me the smaller of the two signed-rank sums and the exact two-sided p-value.")

    def parse(t):
        rows = re.findall(r"^(?:%s) (%s) -> (%s)$" % ("|".join(OPS15), NUM, NUM), t, re.M)
        return dict(before=[num(a) for a, b in rows], after=[num(b) for a, b in rows])

    def lib(d):
        r = st.wilcoxon(d["after"], d["before"], method="exact", alternative="two-sided")
        return {"T (smaller rank sum)": r.statistic, "p (exact, two-sided)": r.pvalue}

    def hand(d):
        T, p = h_signed_rank([fr(a) - fr(b) for a, b in zip(d["after"], d["before"])])
        return {"T (smaller rank sum)": T, "p (exact, two-sided)": p}

    add(Q("c15", 2, ["wilcoxon_signed_rank"], d, render, parse, lib, hand,
          [("T (smaller rank sum)", "int"), ("p (exact, two-sided)", "p")],
          "paired data, no normality: Wilcoxon signed-rank on after - before, T = min(W+, W-), exact two-sided p"))


def c16():
    d = dict(x=rnorm(120.25, 0.5, 15, 1), mu0=120.0)

    def render(d):
        return ("Nominal length on the drawing is %s mm. Fifteen parts from this morning's run: %s. Are we centred "
                "on nominal, or is the mean off (either direction)? t statistic (mean minus nominal) and p-value please." % (F(d["mu0"]), L(d["x"])))

    def parse(t):
        return dict(mu0=num(re.search(r"drawing is (%s) mm" % NUM, t).group(1)),
                    x=nums(re.search(r"morning's run: (.*?)\. Are", t).group(1)))

    def lib(d):
        r = st.ttest_1samp(d["x"], d["mu0"])
        return {"t": r.statistic, "p (two-sided)": r.pvalue}

    def hand(d):
        t, df = h_onesample(d["x"], d["mu0"])
        return {"t": t, "p (two-sided)": t_p2(t, df)}

    add(Q("c16", 2, ["t_test"], d, render, parse, lib, hand, [("t", "stat"), ("p (two-sided)", "p")],
          "one-sample t-test of the 15 lengths against the nominal 120.0 mm, two-sided"))


def c17():
    y = rnorm(81.0, 1.6, 12, 1)
    y[6] = round(y[6] - 7.0, 1) + 0.0
    d = dict(y=y, drop=7, mu0=80)

    def render(d):
        runs = "; ".join("run %d: %s" % (i + 1, F(v)) for i, v in enumerate(d["y"]))
        return ("yields (%%) from the pilot reactor - %s. run %d had the wrong catalyst charge so leave that one out "
                "completely. the vendor says mean yield is above %s%% - does the data back that up? one-sided test, "
                "t and p" % (runs, d["drop"], F(d["mu0"])))

    def parse(t):
        return dict(y=[num(v) for v in re.findall(r"run \d+: (%s)" % NUM, t)],
                    drop=int(re.search(r"run (\d+) had the wrong", t).group(1)),
                    mu0=num(re.search(r"mean yield is above (%s)%%" % NUM, t).group(1)))

    def kept(d):
        assert 1 <= d["drop"] <= len(d["y"])
        return [v for i, v in enumerate(d["y"]) if i + 1 != d["drop"]]

    def lib(d):
        r = st.ttest_1samp(kept(d), d["mu0"], alternative="greater")
        return {"t": r.statistic, "p (one-sided, mean > 80)": r.pvalue}

    def hand(d):
        t, df = h_onesample(kept(d), d["mu0"])
        return {"t": t, "p (one-sided, mean > 80)": t_sf(t, df)}

    add(Q("c17", 2, ["t_test"], d, render, parse, lib, hand, [("t", "stat"), ("p (one-sided, mean > 80)", "p")],
          "drop run 7, one-sample t-test of the remaining 11 yields against 80, upper one-sided p"))


def c18():
    d = dict(c=[int(v) for v in RNG.poisson(13, 20)])

    def render(d):
        return ("Paint defects counted on each door, one door pulled every hour (20 doors): %s. "
                "What control chart fits this and what are its centre line and 3-sigma limits (UCL, LCL)?" % L(d["c"]))

    def parse(t):
        return dict(c=nums(re.search(r"\(20 doors\): (.*?)\. What", t).group(1)))

    def lib(d):
        c = np.mean(d["c"])
        return {"CL": c, "UCL": c + 3 * np.sqrt(c), "LCL": c - 3 * np.sqrt(c)}

    def hand(d):
        c = fmean(d["c"])
        return {"CL": c, "UCL": M(c) + 3 * mp.sqrt(M(c)), "LCL": M(c) - 3 * mp.sqrt(M(c))}

    add(Q("c18", 2, ["control_chart"], d, render, parse, lib, hand,
          [("CL", "stat"), ("UCL", "stat"), ("LCL", "stat")],
          "defect counts per constant-size unit -> c chart: cbar +/- 3*sqrt(cbar)"))


def c19():
    d = dict(x=[int(round(v)) for v in RNG.normal(1250, 30, 18)])

    def render(d):
        return ("We only get one viscosity reading per batch (mPa.s), batches in production order: %s\n"
                "What control limits should we use for the readings themselves and for the batch-to-batch moving "
                "range (span 2)? 3-sigma, standard constants. Need UCL and LCL for the readings and the UCL for the "
                "moving range." % L(d["x"]))

    def parse(t):
        return dict(x=nums(re.search(r"production order: (.*)$", t, re.M).group(1)))

    def lib(d):
        x = np.array(d["x"], float)
        mr = np.abs(np.diff(x)).mean()
        c = SPC_TABLE[2]
        return {"UCL X": x.mean() + c["E2"] * mr, "LCL X": x.mean() - c["E2"] * mr, "UCL MR": c["D4"] * mr}

    def hand(d):
        x = [fr(v) for v in d["x"]]
        mr = fmean([abs(x[i + 1] - x[i]) for i in range(len(x) - 1)])
        m = fmean(x)
        return {"UCL X": m + TAB(2, "E2") * mr, "LCL X": m - TAB(2, "E2") * mr, "UCL MR": TAB(2, "D4") * mr}

    add(Q("c19", 2, ["control_chart", "spc_constants"], d, render, parse, lib, hand,
          [("UCL X", "stat"), ("LCL X", "stat"), ("UCL MR", "stat")],
          "one reading per batch -> I-MR chart: mean +/- 2.660*MRbar (= 3*MRbar/1.128), MR UCL = 3.267*MRbar"))


def c20():
    shifts = RNG.normal(0, 0.03, 6)
    d = dict(sg=[[round(10.02 + float(s) + float(e), 2) + 0.0 for e in RNG.normal(0, 0.035, 4)] for s in shifts],
             lsl=9.9, usl=10.15)

    def render(d):
        rows = "\n".join("sub %d: %s" % (i + 1, L(s, "  ")) for i, s in enumerate(d["sg"]))
        return ("Bore diameters, 6 subgroups of 4 consecutive parts:\n%s\nSpec limits %s / %s mm. I want both views: "
                "Cpk using the within-subgroup sigma (R-bar/d2) and Ppk using the overall standard deviation of "
                "all 24 values (n-1)." % (rows, F(d["lsl"]), F(d["usl"])))

    def parse(t):
        m = re.search(r"Spec limits (%s) / (%s) mm" % (NUM, NUM), t)
        return dict(sg=[nums(r) for r in re.findall(r"^sub \d+: (.*)$", t, re.M)],
                    lsl=num(m.group(1)), usl=num(m.group(2)))

    def lib(d):
        a = np.array(d["sg"])
        n = a.shape[1]
        sw = np.ptp(a, axis=1).mean() / SPC_TABLE[n]["d2"]
        so = st.tstd(a.ravel())
        m = a.mean()
        return {"Cpk (within)": min(d["usl"] - m, m - d["lsl"]) / (3 * sw),
                "Ppk (overall)": min(d["usl"] - m, m - d["lsl"]) / (3 * so)}

    def hand(d):
        n = len(d["sg"][0])
        allv = [v for s in d["sg"] for v in s]
        m = fmean(allv)
        rbar = fmean([max(map(fr, s)) - min(map(fr, s)) for s in d["sg"]])
        sw = rbar / TAB(n, "d2")
        so = mp.sqrt(M(fvar(allv)))
        near = min(fr(d["usl"]) - m, m - fr(d["lsl"]))
        return {"Cpk (within)": near / (3 * sw), "Ppk (overall)": M(near) / (3 * so)}

    add(Q("c20", 2, ["capability", "spc_constants"], d, render, parse, lib, hand,
          [("Cpk (within)", "stat"), ("Ppk (overall)", "stat")],
          "Cpk with sigma_within = Rbar/d2 (n=4, d2=2.059) and Ppk with the overall sample SD of all 24 values"))


def c21():
    d = dict(n=250, k=int(RNG.binomial(250, 0.035)), p0=2)

    def render(d):
        return ("Our supplier claims their defect rate is no more than %d%%. We checked %d parts from the last "
                "delivery and found %d defective. Is that evidence the true rate is higher than they claim? "
                "Use the exact binomial test, one-sided." % (d["p0"], d["n"], d["k"]))

    def parse(t):
        m = re.search(r"no more than (\d+)%\. We checked (\d+) parts .* found (\d+) defective", t)
        return dict(p0=int(m.group(1)), n=int(m.group(2)), k=int(m.group(3)))

    def lib(d):
        return {"p (one-sided, exact)": st.binomtest(d["k"], d["n"], d["p0"] / 100, alternative="greater").pvalue}

    def hand(d):
        p0 = Fr(d["p0"], 100)
        n = d["n"]
        below = sum(math.comb(n, i) * p0 ** i * (1 - p0) ** (n - i) for i in range(d["k"]))
        return {"p (one-sided, exact)": 1 - below}

    add(Q("c21", 2, ["proportion_test"], d, render, parse, lib, hand, [("p (one-sided, exact)", "p")],
          "one-sided exact binomial test H0 p <= 0.02 vs p > 0.02: P(X >= k | n, 0.02)"))


def c22():
    d = dict(l1=rnorm(4.10, 0.06, 9, 2), l2=rnorm(4.16, 0.15, 13, 2))

    def render(d):
        return ("coating weight g/m2\nLine 1: %s\nLine 2: %s\n\nplease compare the means but not with the pooled "
                "t-test, line 2 clearly scatters more. t as Line 2 minus Line 1, the degrees of freedom you used, "
                "and the two-sided p" % (L(d["l1"]), L(d["l2"])))

    def parse(t):
        return dict(l1=nums(re.search(r"^Line 1: (.*)$", t, re.M).group(1)),
                    l2=nums(re.search(r"^Line 2: (.*)$", t, re.M).group(1)))

    def lib(d):
        r = st.ttest_ind(d["l2"], d["l1"], equal_var=False)
        return {"t (Line 2 - Line 1)": r.statistic, "Welch df": r.df, "p (two-sided)": r.pvalue}

    def hand(d):
        t, df, p = h_welch(d["l2"], d["l1"])
        return {"t (Line 2 - Line 1)": t, "Welch df": df, "p (two-sided)": p}

    add(Q("c22", 2, ["t_test"], d, render, parse, lib, hand,
          [("t (Line 2 - Line 1)", "stat"), ("Welch df", "stat"), ("p (two-sided)", "p")],
          "'not the pooled t-test' -> Welch two-sample t, Line 2 - Line 1, Welch-Satterthwaite df, two-sided p"))


def c23():
    d = dict(m1=round(float(RNG.normal(42.6, 0.4)), 1), s1=round(float(RNG.uniform(2.6, 3.4)), 1), n1=int(RNG.integers(12, 18)),
             m2=round(float(RNG.normal(45.0, 0.4)), 1), s2=round(float(RNG.uniform(2.6, 3.4)), 1), n2=int(RNG.integers(12, 18)))

    def render(d):
        return ("I only have the summary figures from the lab report. Old resin: mean flexural strength %s MPa, "
                "SD %s, n = %d. New resin: mean %s MPa, SD %s, n = %d. Equal variances is a fair assumption here. "
                "Is the new resin different (two-sided)? Give t for new minus old, df and p."
                % (F(d["m1"]), F(d["s1"]), d["n1"], F(d["m2"]), F(d["s2"]), d["n2"]))

    def parse(t):
        a = re.search(r"Old resin: mean flexural strength (%s) MPa, SD (%s), n = (\d+)" % (NUM, NUM), t)
        b = re.search(r"New resin: mean (%s) MPa, SD (%s), n = (\d+)" % (NUM, NUM), t)
        return dict(m1=num(a.group(1)), s1=num(a.group(2)), n1=int(a.group(3)),
                    m2=num(b.group(1)), s2=num(b.group(2)), n2=int(b.group(3)))

    def lib(d):
        r = st.ttest_ind_from_stats(d["m2"], d["s2"], d["n2"], d["m1"], d["s1"], d["n1"], equal_var=True)
        return {"t (new - old)": r.statistic, "df": d["n1"] + d["n2"] - 2, "p (two-sided)": r.pvalue}

    def hand(d):
        t, df, p = h_pooled_sum(d["m2"], d["s2"], d["n2"], d["m1"], d["s1"], d["n1"])
        return {"t (new - old)": t, "df": df, "p (two-sided)": p}

    add(Q("c23", 2, ["summary_t_test"], d, render, parse, lib, hand,
          [("t (new - old)", "stat"), ("df", "int"), ("p (two-sided)", "p")],
          "pooled two-sample t from summary figures, t = new - old, df = n1 + n2 - 2, two-sided p"))


def c24():
    old = rnorm(5.00, 0.30, 10, 2)
    d = dict(old=old, new=[round(o + float(e), 2) + 0.0 for o, e in zip(old, RNG.normal(0.05, 0.035, 10))])

    def render(d):
        rows = "\n".join("part %d  old %s  new %s" % (i + 1, F(o), F(n)) for i, (o, n) in enumerate(zip(d["old"], d["new"])))
        return ("Gauge comparison - each of 10 parts measured once with the old gauge and once with the new one:\n" + rows +
                "\nI want a 95% confidence interval for the mean difference, new minus old (so a positive number "
                "means the new gauge reads high).")

    def parse(t):
        rows = re.findall(r"^part \d+  old (%s)  new (%s)$" % (NUM, NUM), t, re.M)
        return dict(old=[num(a) for a, b in rows], new=[num(b) for a, b in rows])

    def lib(d):
        ci = st.ttest_rel(d["new"], d["old"]).confidence_interval(0.95)
        return {"CI lower (new - old)": ci.low, "CI upper (new - old)": ci.high}

    def hand(d):
        diff = [fr(a) - fr(b) for a, b in zip(d["new"], d["old"])]
        n = len(diff)
        h = t_ppf(mp.mpf("0.975"), n - 1) * mp.sqrt(M(fvar(diff) / n))
        return {"CI lower (new - old)": M(fmean(diff)) - h, "CI upper (new - old)": M(fmean(diff)) + h}

    add(Q("c24", 2, ["t_test"], d, render, parse, lib, hand,
          [("CI lower (new - old)", "stat"), ("CI upper (new - old)", "stat")],
          "paired 95% t confidence interval for mean(new - old) over 10 parts"))


def c25():
    d = dict(a=rnorm(250.0, 4.0, 12, 1), b=rnorm(250.0, 6.5, 10, 1))

    def render(d):
        return ("Film thickness (um). Supplier A: %s. Supplier B: %s. Is supplier B's thickness more variable "
                "than A's, or is it just noise? Test equality of variances (normal data), F defined as var(B)/var(A), "
                "two-sided p." % (L(d["a"]), L(d["b"])))

    def parse(t):
        return dict(a=nums(re.search(r"Supplier A: (.*?)\. Supplier B", t).group(1)),
                    b=nums(re.search(r"Supplier B: (.*?)\. Is supplier", t).group(1)))

    def lib(d):
        Fv = np.var(d["b"], ddof=1) / np.var(d["a"], ddof=1)
        d1, d2 = len(d["b"]) - 1, len(d["a"]) - 1
        return {"F (var B / var A)": Fv, "p (two-sided)": 2 * min(st.f.sf(Fv, d1, d2), st.f.cdf(Fv, d1, d2))}

    def hand(d):
        Fv = fvar(d["b"]) / fvar(d["a"])
        up = f_sf(M(Fv), len(d["b"]) - 1, len(d["a"]) - 1)
        return {"F (var B / var A)": Fv, "p (two-sided)": 2 * min(up, 1 - up)}

    add(Q("c25", 2, ["variance_test"], d, render, parse, lib, hand,
          [("F (var B / var A)", "stat"), ("p (two-sided)", "p")],
          "F test of two variances with F = s_B^2 / s_A^2 (df 9, 11), two-sided p = 2*min(tail)"))


def c26():
    d = dict(m1=7.42, s1=0.31, n1=18, m2=7.61, s2=0.52)

    def render(d):
        return ("Summary from the two labs on the same reference material: Lab A mean %s, SD %s, %d samples; "
                "Lab B mean %s, SD %s (their sample count wasn't recorded in the report). Welch t-test please - "
                "t and two-sided p." % (F(d["m1"]), F(d["s1"]), d["n1"], F(d["m2"]), F(d["s2"])))

    def parse(t):
        a = re.search(r"Lab A mean (%s), SD (%s), (\d+) samples" % (NUM, NUM), t)
        b = re.search(r"Lab B mean (%s), SD (%s) \(" % (NUM, NUM), t)
        return dict(m1=num(a.group(1)), s1=num(a.group(2)), n1=int(a.group(3)), m2=num(b.group(1)), s2=num(b.group(2)))

    def defect(d, text):
        assert "n2" not in d
        assert len(re.findall(r"\d+ samples", text)) == 1
        assert re.search(r"sample count wasn't recorded", text)

    add(Q("c26", 2, ["summary_t_test"], d, render, parse, refuse=True,
          defect="a needed figure is missing: Lab B's sample size is not given, so the standard error and the "
                 "Welch df cannot be computed", defect_check=defect,
          intent="refuse: Welch t from summaries needs both sample sizes; Lab B's n is missing"))


def h_welch_anova(groups):
    k = len(groups)
    n = [len(g) for g in groups]
    m = [fmean(g) for g in groups]
    w = [Fr(ni) / fvar(g) for ni, g in zip(n, groups)]
    W = sum(w)
    mt = sum(wi * mi for wi, mi in zip(w, m)) / W
    A = sum(wi * (mi - mt) ** 2 for wi, mi in zip(w, m)) / (k - 1)
    lam = sum((1 - wi / W) ** 2 / (ni - 1) for wi, ni in zip(w, n))
    B = 1 + Fr(2 * (k - 2), k * k - 1) * lam
    Fv = A / B
    df2 = Fr(k * k - 1) / (3 * lam)
    return Fv, k - 1, df2, f_sf(M(Fv), k - 1, M(df2))


def c27():
    d = dict(g=[rnorm(m, s, n, 1) for m, s, n in ((20.0, 0.5, 8), (21.4, 1.6, 10), (20.5, 0.8, 7), (21.5, 2.0, 9))])

    def render(d):
        rows = "\n".join("  group %s (n=%d): %s" % ("PQRS"[i], len(g), L(g)) for i, g in enumerate(d["g"]))
        return ("Coating thickness for four spray settings:\n%s\nThe variability is obviously not the same across "
                "the settings, so please don't use the ordinary F-test that pools the variances. Do the means "
                "differ? I need the test statistic, the denominator degrees of freedom and the p-value." % rows)

    def parse(t):
        return dict(g=[nums(r) for r in re.findall(r"^  group [PQRS] \(n=\d+\): (.*)$", t, re.M)])

    def lib(d):
        r = anova_oneway([np.array(g) for g in d["g"]], use_var="unequal", welch_correction=True)
        return {"F (Welch)": r.statistic, "df2": r.df[1], "p": r.pvalue}

    def hand(d):
        Fv, d1, d2, p = h_welch_anova(d["g"])
        return {"F (Welch)": Fv, "df2": d2, "p": p}

    add(Q("c27", 2, ["anova_oneway"], d, render, parse, lib, hand,
          [("F (Welch)", "stat"), ("df2", "stat"), ("p", "p")],
          "unequal variances -> Welch's one-way ANOVA: F*, df1 = 3, Welch denominator df, p"))


def c28():
    n = [int(v) for v in RNG.integers(150, 261, 10)]
    d = dict(n=n, r=[int(v) for v in RNG.binomial(n, 0.06)])

    def render(d):
        rows = "\n".join("day %d: %d inspected, %d rejected" % (i + 1, a, b) for i, (a, b) in enumerate(zip(d["n"], d["r"])))
        return ("We inspect whatever comes off the line each day, so the count checked changes from day to day.\n" +
                rows + "\nWhat's the centre line for the fraction rejected, and the upper and lower 3-sigma limits "
                "that apply on day 6?")

    def parse(t):
        rows = re.findall(r"^day \d+: (\d+) inspected, (\d+) rejected$", t, re.M)
        return dict(n=[int(a) for a, b in rows], r=[int(b) for a, b in rows])

    def lib(d):
        pbar = np.sum(d["r"]) / np.sum(d["n"])
        s = np.sqrt(pbar * (1 - pbar) / d["n"][5])
        return {"CL (pbar)": pbar, "UCL day 6": pbar + 3 * s, "LCL day 6": pbar - 3 * s}

    def hand(d):
        pbar = Fr(sum(d["r"]), sum(d["n"]))
        s = mp.sqrt(M(pbar * (1 - pbar) / d["n"][5]))
        return {"CL (pbar)": pbar, "UCL day 6": M(pbar) + 3 * s, "LCL day 6": M(pbar) - 3 * s}

    add(Q("c28", 2, ["control_chart"], d, render, parse, lib, hand,
          [("CL (pbar)", "stat"), ("UCL day 6", "stat"), ("LCL day 6", "stat")],
          "varying sample size -> p chart: pbar = total rejected / total inspected, limits pbar +/- 3 sqrt(pbar(1-pbar)/n_6)"))


# ----------------------------------------------------------------------------
# KIND 3 - numbers in prose with roles, plus irrelevant numbers (x_ keys)
# ----------------------------------------------------------------------------
FNAMES = ["temperature", "time", "pressure", "humidity", "line speed", "catalyst", "feed rate", "agitation"]


def names_list(k, pool=FNAMES):
    assert 2 <= k <= len(pool)
    nm = pool[:k]
    return ", ".join(nm[:-1]) + " and " + nm[-1]


def c29():
    d = dict(k=3, reps=2, cp=4, x_bldg=7, x_prev=11)

    def render(d):
        return ("For the curing study in building %d we're planning a full 2^%d factorial in %s. Every corner "
                "gets run %d times, plus %d centre points (each centre point is a single run). Last year's "
                "screening used %d runs - ignore that, different product. How many runs in total, and how many "
                "degrees of freedom will we have for pure error?"
                % (d["x_bldg"], d["k"], names_list(d["k"]), d["reps"], d["cp"], d["x_prev"]))

    def parse(t):
        g = lambda rx: int(re.search(rx, t).group(1))
        return dict(x_bldg=g(r"in building (\d+)"), k=g(r"full 2\^(\d+) factorial"), reps=g(r"run (\d+) times"),
                    cp=g(r"plus (\d+) centre points"), x_prev=g(r"screening used (\d+) runs"))

    def lib(d):
        Dm = np.vstack([full2(d["k"])] * d["reps"] + [np.zeros((d["cp"], d["k"]), int)])
        _, cnt = np.unique(Dm, axis=0, return_counts=True)
        return {"total runs": Dm.shape[0], "pure error df": int(np.sum(cnt - 1))}

    def hand(d):
        return {"total runs": 2 ** d["k"] * d["reps"] + d["cp"],
                "pure error df": 2 ** d["k"] * (d["reps"] - 1) + d["cp"] - 1}

    add(Q("c29", 3, ["doe_design"], d, render, parse, lib, hand,
          [("total runs", "int"), ("pure error df", "int")],
          "2^3 full factorial x 2 replicates + 4 single centre runs = 20 runs; pure error df = 8*(2-1) + (4-1) = 11"))


def c30():
    d = dict(k=6, p=2, reps=2, gens=["ABC", "BCD"], x_part=4471, x_batch=12)

    def render(d):
        gtxt = " and ".join("%s = %s" % (LET[d["k"] - d["p"] + i], g) for i, g in enumerate(d["gens"]))
        return ("Screening study on part no. %d: %d factors A-%s in a 2^(%d-%d) fraction with generators %s. Because "
                "the response is noisy we'll run the whole fraction %d times. (The previous batch, batch %d, was done "
                "on the old press.) How many runs is that in total, and what is the resolution of the fraction?"
                % (d["x_part"], d["k"], LET[d["k"] - 1], d["k"], d["p"], gtxt, d["reps"], d["x_batch"]))

    def parse(t):
        g = lambda rx: int(re.search(rx, t).group(1))
        m = re.search(r"2\^\((\d+)-(\d+)\) fraction", t)
        return dict(k=int(m.group(1)), p=int(m.group(2)), reps=g(r"whole fraction (\d+) times"),
                    gens=re.findall(r"[A-Z] = ([A-Z]+)", t), x_part=g(r"part no\. (\d+)"), x_batch=g(r"batch (\d+),"))

    def check(d):
        assert len(d["gens"]) == d["p"] and all(LET.index(c) < d["k"] - d["p"] for g in d["gens"] for c in g)

    def lib(d):
        check(d)
        Dm = np.vstack([frac_design(d["k"], d["gens"])] * d["reps"])
        words = defining_words([g + LET[d["k"] - d["p"] + i] for i, g in enumerate(d["gens"])], d["k"], d["p"])
        return {"total runs": Dm.shape[0], "resolution": min(len(w) for w in words)}

    def hand(d):
        check(d)
        return {"total runs": 2 ** (d["k"] - d["p"]) * d["reps"],
                "resolution": resolution_from_matrix(frac_design(d["k"], d["gens"]))}

    add(Q("c30", 3, ["doe_design", "doe_properties"], d, render, parse, lib, hand,
          [("total runs", "int"), ("resolution", "int")],
          "2^(6-2) with E=ABC, F=BCD run twice: 32 runs; I = ABCE = BCDF = ADEF so resolution IV (4)"))


BBNAMES = ["pH", "temperature", "agitation", "feed rate", "pressure", "residence time"]


def c31():
    d = dict(k=4, cp=3, x_room=212, x_hours=40)

    def render(d):
        return ("We want a Box-Behnken design in %d factors (%s) with %d centre runs. The reactor is in room %d and "
                "we've got about %d hours of reactor time booked. How many runs does the design have?"
                % (d["k"], names_list(d["k"], BBNAMES), d["cp"], d["x_room"], d["x_hours"]))

    def parse(t):
        g = lambda rx: int(re.search(rx, t).group(1))
        return dict(k=g(r"Box-Behnken design in (\d+) factors"), cp=g(r"with (\d+) centre runs"),
                    x_room=g(r"in room (\d+)"), x_hours=g(r"about (\d+) hours"))

    def lib(d):
        k = d["k"]
        assert 3 <= k <= 5
        rows = []
        for i, j in itertools.combinations(range(k), 2):
            for a, b in itertools.product([-1, 1], repeat=2):
                r = [0] * k
                r[i], r[j] = a, b
                rows.append(r)
        rows += [[0] * k] * d["cp"]
        return {"runs": len(np.array(rows))}

    def hand(d):
        return {"runs": 2 * d["k"] * (d["k"] - 1) + d["cp"]}

    add(Q("c31", 3, ["doe_design"], d, render, parse, lib, hand, [("runs", "int")],
          "4-factor Box-Behnken: 6 factor pairs x 4 edge runs = 24, + 3 centre runs = 27"))


def c32():
    d = dict(k=3, cp=6, x_budget=4800, x_days=3)

    def render(d):
        return ("Rotatable central composite design for %d factors: full 2^%d cube, axial points at the rotatable "
                "distance, %d centre points. Budget is about $%d and we have %d days on the rig. How many runs in "
                "total, and what axial distance alpha should the star points use?"
                % (d["k"], d["k"], d["cp"], d["x_budget"], d["x_days"]))

    def parse(t):
        g = lambda rx: int(re.search(rx, t).group(1))
        k1, k2 = g(r"design for (\d+) factors"), g(r"full 2\^(\d+) cube")
        assert k1 == k2
        return dict(k=k1, cp=g(r"distance, (\d+) centre points"), x_budget=g(r"about \$(\d+)"),
                    x_days=g(r"we have (\d+) days"))

    def lib(d):
        k = d["k"]
        cube = full2(k).astype(float)
        nf = int(np.sum(np.all(np.abs(cube) == 1, axis=1)))
        alpha = nf ** 0.25
        ax = np.vstack([s * alpha * np.eye(k)[i] for i in range(k) for s in (-1, 1)])
        Dm = np.vstack([cube, ax, np.zeros((d["cp"], k))])
        return {"runs": Dm.shape[0], "alpha": alpha}

    def hand(d):
        return {"runs": 2 ** d["k"] + 2 * d["k"] + d["cp"], "alpha": mp.power(2, mp.mpf(d["k"]) / 4)}

    add(Q("c32", 3, ["doe_design", "doe_properties"], d, render, parse, lib, hand,
          [("runs", "int"), ("alpha", "stat")],
          "rotatable CCD, k=3, full cube: 8 + 6 axial + 6 centre = 20 runs, alpha = 8^(1/4) = 1.682"))


def c33():
    d = dict(k=9, reps=2, cp=3, x_line=5, x_ext=6)

    def render(d):
        return ("Plackett-Burman screen of %d factors in the minimum number of runs, the whole design replicated %d "
                "times, plus %d centre points tacked on at the end. (%d of the factors are settings on the new "
                "extruder on line %d.) Total number of runs?" % (d["k"], d["reps"], d["cp"], d["x_ext"], d["x_line"]))

    def parse(t):
        g = lambda rx: int(re.search(rx, t).group(1))
        return dict(k=g(r"screen of (\d+) factors"), reps=g(r"replicated (\d+) times"), cp=g(r"plus (\d+) centre"),
                    x_ext=g(r"\((\d+) of the factors"), x_line=g(r"on line (\d+)"))

    def lib(d):
        Dm = np.vstack([pb_matrix(d["k"])] * d["reps"] + [np.zeros((d["cp"], d["k"]), int)])
        return {"runs": Dm.shape[0]}

    def hand(d):
        return {"runs": 4 * ((d["k"] + 1 + 3) // 4) * d["reps"] + d["cp"]}

    add(Q("c33", 3, ["doe_design"], d, render, parse, lib, hand, [("runs", "int")],
          "Plackett-Burman for 9 factors = 12 runs, x2 replicates + 3 centre points = 27"))


def c34():
    d = dict(lv=[3, 4, 2], reps=2, x_cost=18, x_weeks=5)

    def render(d):
        return ("Full factorial with material (%d grades), machine (%d machines) and shift (%d shifts), %d replicates "
                "of every combination. Parts cost about $%d each and we have %d weeks. How many runs is that, and "
                "how many error degrees of freedom are left if we fit the full model with all main effects and "
                "interactions?" % (*d["lv"], d["reps"], d["x_cost"], d["x_weeks"]))

    def parse(t):
        g = lambda rx: int(re.search(rx, t).group(1))
        return dict(lv=[g(r"material \((\d+) grades"), g(r"machine \((\d+) machines"), g(r"shift \((\d+) shifts")],
                    reps=g(r"(\d+) replicates"), x_cost=g(r"about \$(\d+)"), x_weeks=g(r"have (\d+) weeks"))

    def lib(d):
        rows = [r for r in itertools.product(*[range(v) for v in d["lv"]])] * d["reps"]
        df = pd.DataFrame(rows, columns=["a", "b", "c"])
        X = patsy.dmatrix("C(a)*C(b)*C(c)", df)
        return {"runs": X.shape[0], "error df": X.shape[0] - np.linalg.matrix_rank(np.asarray(X))}

    def hand(d):
        cells = d["lv"][0] * d["lv"][1] * d["lv"][2]
        return {"runs": cells * d["reps"], "error df": cells * (d["reps"] - 1)}

    add(Q("c34", 3, ["doe_design"], d, render, parse, lib, hand, [("runs", "int"), ("error df", "int")],
          "3x4x2 mixed-level full factorial x 2 replicates = 48 runs; full model uses 24 cells so error df = 24"))


def c35():
    d = dict(k=4, nb=4, cpb=2, x_day=14, bgen=["ABC", "ACD"])

    def render(d):
        return ("We'll run a 2^%d factorial in %d blocks (one block per day, starting Monday the %dth), confounding "
                "%s and %s - and therefore their product - with blocks, and add %d centre points to every block. "
                "Total number of runs, and how many runs in each block?"
                % (d["k"], d["nb"], d["x_day"], d["bgen"][0], d["bgen"][1], d["cpb"]))

    def parse(t):
        g = lambda rx: int(re.search(rx, t).group(1))
        m = re.search(r"confounding ([A-Z]+) and ([A-Z]+) -", t)
        return dict(k=g(r"run a 2\^(\d+) factorial"), nb=g(r"in (\d+) blocks"), x_day=g(r"Monday the (\d+)th"),
                    cpb=g(r"add (\d+) centre points"), bgen=[m.group(1), m.group(2)])

    def lib(d):
        Dm = full2(d["k"])
        lab = [tuple(int(np.prod(r[[LET.index(c) for c in w]])) for w in d["bgen"]) for r in Dm]
        blocks = sorted(set(lab))
        assert len(blocks) == d["nb"]
        sizes = [lab.count(b) + d["cpb"] for b in blocks]
        assert len(set(sizes)) == 1
        return {"total runs": sum(sizes), "runs per block": sizes[0]}

    def hand(d):
        assert 2 ** len(d["bgen"]) == d["nb"]
        return {"total runs": 2 ** d["k"] + d["nb"] * d["cpb"], "runs per block": 2 ** d["k"] // d["nb"] + d["cpb"]}

    add(Q("c35", 3, ["doe_design"], d, render, parse, lib, hand,
          [("total runs", "int"), ("runs per block", "int")],
          "2^4 in 4 blocks (ABC, ACD, BD confounded) + 2 centre points per block: 16 + 8 = 24 runs, 6 per block"))


def tt_ind_n(es, alpha, power):
    n = TTestIndPower().solve_power(effect_size=es, alpha=alpha, power=power, ratio=1.0, alternative="two-sided")
    n = int(math.ceil(n - 1e-9))
    pw = lambda m: TTestIndPower().power(effect_size=es, nobs1=m, alpha=alpha, ratio=1.0, alternative="two-sided")
    assert pw(n) >= power > pw(n - 1)
    return n


def c36():
    d = dict(delta=0.5, sigma=0.8, alpha=0.05, power=90, x_year=2019, x_parts=60, x_cost=85)

    def render(d):
        return ("How many parts per fixture do we need to detect a %s mm shift in mean between the two fixtures? "
                "Sigma is about %s mm (from the %d capability study on %d parts). Two-sided alpha %s, power %d%%, "
                "equal group sizes, two-sample t-test - use the exact noncentral-t calculation, not the normal "
                "approximation, and round up. Each test costs $%d so I'd like the minimum."
                % (F(d["delta"]), F(d["sigma"]), d["x_year"], d["x_parts"], F(d["alpha"]), d["power"], d["x_cost"]))

    def parse(t):
        g = lambda rx: num(re.search(rx, t).group(1))
        return dict(delta=g(r"detect a (%s) mm" % NUM), sigma=g(r"Sigma is about (%s) mm" % NUM),
                    x_year=g(r"the (\d+) capability"), x_parts=g(r"study on (\d+) parts"),
                    alpha=g(r"alpha (%s)," % NUM), power=g(r"power (\d+)%"), x_cost=g(r"costs \$(\d+)"))

    def lib(d):
        return {"n per group": tt_ind_n(d["delta"] / d["sigma"], d["alpha"], d["power"] / 100)}

    def hand(d):
        es = M(fr(d["delta"]) / fr(d["sigma"]))
        n = 2
        while nct_power_two_sided(es * mp.sqrt(mp.mpf(n) / 2), 2 * n - 2, fr(d["alpha"])) < M(Fr(d["power"], 100)):
            n += 1
        return {"n per group": n}

    add(Q("c36", 3, ["power"], d, render, parse, lib, hand, [("n per group", "int")],
          "two-sample t sample size: d = 0.5/0.8, alpha 0.05 two-sided, power 0.90, noncentral t, rounded up per group"))


def c37():
    d = dict(n=15, sd=2.1, delta=1.5, alpha=0.05, x_day=14, x_gauge=2)

    def render(d):
        return ("We can only get %d pairs - each weld measured by both methods on %d March, gauge #%d only. The SD "
                "of the paired differences is about %s and a mean difference of %s would matter. Two-sided "
                "alpha = %s. What's the power of the paired t-test (exact, noncentral t)?"
                % (d["n"], d["x_day"], d["x_gauge"], F(d["sd"]), F(d["delta"]), F(d["alpha"])))

    def parse(t):
        g = lambda rx: num(re.search(rx, t).group(1))
        return dict(n=g(r"get (\d+) pairs"), x_day=g(r"on (\d+) March"), x_gauge=g(r"gauge #(\d+)"),
                    sd=g(r"differences is about (%s)" % NUM), delta=g(r"mean difference of (%s)" % NUM),
                    alpha=g(r"alpha = (%s)\." % NUM))

    def lib(d):
        return {"power": TTestPower().power(effect_size=d["delta"] / d["sd"], nobs=d["n"], alpha=d["alpha"],
                                            alternative="two-sided")}

    def hand(d):
        es = M(fr(d["delta"]) / fr(d["sd"]))
        return {"power": nct_power_two_sided(es * mp.sqrt(d["n"]), d["n"] - 1, fr(d["alpha"]))}

    add(Q("c37", 3, ["power"], d, render, parse, lib, hand, [("power", "stat")],
          "paired t power: d = 1.5/2.1, n = 15 pairs, df 14, alpha 0.05 two-sided, noncentral t"))


def c38():
    d = dict(x_line=3, x_pn1=88, x_pn2=1023, x_k=25, n=4, xbb=12.47, rbar=0.38)

    def render(d):
        return ("Line %d, part number %d-%d: we collected %d subgroups of size %d. Grand average %s mm, average "
                "range %s mm. What are the control limits for the X-bar chart, and the UCL of the R chart? "
                "(3-sigma, usual table constants.)"
                % (d["x_line"], d["x_pn1"], d["x_pn2"], d["x_k"], d["n"], F(d["xbb"]), F(d["rbar"])))

    def parse(t):
        g = lambda rx: num(re.search(rx, t).group(1))
        m = re.search(r"part number (\d+)-(\d+)", t)
        return dict(x_line=g(r"^Line (\d+)"), x_pn1=int(m.group(1)), x_pn2=int(m.group(2)),
                    x_k=g(r"collected (\d+) subgroups"), n=g(r"subgroups of size (\d+)"),
                    xbb=g(r"Grand average (%s) mm" % NUM), rbar=g(r"average range (%s) mm" % NUM))

    def lib(d):
        c = SPC_TABLE[d["n"]]
        return {"UCL xbar": d["xbb"] + c["A2"] * d["rbar"], "LCL xbar": d["xbb"] - c["A2"] * d["rbar"],
                "UCL R": c["D4"] * d["rbar"]}

    def hand(d):
        x, r = fr(d["xbb"]), fr(d["rbar"])
        return {"UCL xbar": x + TAB(d["n"], "A2") * r, "LCL xbar": x - TAB(d["n"], "A2") * r,
                "UCL R": TAB(d["n"], "D4") * r}

    add(Q("c38", 3, ["summary_chart", "spc_constants"], d, render, parse, lib, hand,
          [("UCL xbar", "stat"), ("LCL xbar", "stat"), ("UCL R", "stat")],
          "X-bar/R limits from summaries, n = 4: 12.47 +/- 0.729*0.38, UCL_R = 2.282*0.38 (25 subgroups irrelevant)"))


def c39():
    d = dict(lsl=9.9, usl=10.1, mean=10.03, rbar=0.052, n=5, x_lot=2291, x_cost=14)

    def render(d):
        return ("Spec is %s to %s mm. From the control chart (subgroups of %d): process mean %s mm, average range "
                "%s mm. This is lot %d; parts cost $%d each. Estimate sigma as R-bar/d2 and give me Cp and Cpk."
                % (F(d["lsl"]), F(d["usl"]), d["n"], F(d["mean"]), F(d["rbar"]), d["x_lot"], d["x_cost"]))

    def parse(t):
        g = lambda rx: num(re.search(rx, t).group(1))
        m = re.search(r"Spec is (%s) to (%s) mm" % (NUM, NUM), t)
        return dict(lsl=num(m.group(1)), usl=num(m.group(2)), n=g(r"subgroups of (\d+)"),
                    mean=g(r"process mean (%s) mm" % NUM), rbar=g(r"average range (%s) mm" % NUM),
                    x_lot=g(r"lot (\d+);"), x_cost=g(r"cost \$(\d+)"))

    def lib(d):
        s = d["rbar"] / SPC_TABLE[d["n"]]["d2"]
        return {"Cp": (d["usl"] - d["lsl"]) / (6 * s),
                "Cpk": min(d["usl"] - d["mean"], d["mean"] - d["lsl"]) / (3 * s)}

    def hand(d):
        s = fr(d["rbar"]) / TAB(d["n"], "d2")
        u, l, m = fr(d["usl"]), fr(d["lsl"]), fr(d["mean"])
        return {"Cp": (u - l) / (6 * s), "Cpk": min(u - m, m - l) / (3 * s)}

    add(Q("c39", 3, ["summary_capability", "spc_constants"], d, render, parse, lib, hand,
          [("Cp", "stat"), ("Cpk", "stat")],
          "sigma = Rbar/d2 = 0.052/2.326; Cp = 0.2/(6 sigma), Cpk = (10.1 - 10.03)/(3 sigma)"))


CELLS40 = ["A low/B low", "A high/B low", "A low/B high", "A high/B high"]


def c40():
    d = dict(y=[rnorm(m, 1.5, 3, 1) for m in (27.0, 35.0, 20.0, 31.0)], x_t1=150, x_t2=170, x_m1=20, x_m2=40, x_day=3)

    def render(d):
        ys = "; ".join("%s: %s" % (c, L(v)) for c, v in zip(CELLS40, d["y"]))
        return ("Two factors at two levels: temperature (A: %d vs %d C) and hold time (B: %d vs %d min), three "
                "replicates of each combination, randomised, run in the pilot plant on %d June. Yields (%%) - %s. "
                "Estimate the A main effect and the AB interaction effect (effect = average at + minus average at -, "
                "i.e. twice the coded regression coefficient) and give the ANOVA p-value for AB using the "
                "replicate error." % (d["x_t1"], d["x_t2"], d["x_m1"], d["x_m2"], d["x_day"], ys))

    def parse(t):
        m = re.search(r"\(A: (\d+) vs (\d+) C\) and hold time \(B: (\d+) vs (\d+) min\)", t)
        return dict(y=[nums(re.search(r"%s: ((?:%s, )*%s)" % (c, NUM, NUM), t).group(1)) for c in CELLS40],
                    x_t1=int(m.group(1)), x_t2=int(m.group(2)), x_m1=int(m.group(3)), x_m2=int(m.group(4)),
                    x_day=int(re.search(r"on (\d+) June", t).group(1)))

    SIGNS = [(-1, -1), (1, -1), (-1, 1), (1, 1)]

    def lib(d):
        rows = [(a, b, v) for (a, b), ys in zip(SIGNS, d["y"]) for v in ys]
        df = pd.DataFrame(rows, columns=["A", "B", "y"])
        m = smf.ols("y ~ A * B", df).fit()
        an = sm.stats.anova_lm(m, typ=2)
        return {"effect A": 2 * m.params["A"], "effect AB": 2 * m.params["A:B"], "p (AB)": an.loc["A:B", "PR(>F)"]}

    def hand(d):
        cm = [fmean(v) for v in d["y"]]
        eA = sum(a * c for (a, b), c in zip(SIGNS, cm)) / 2
        eAB = sum(a * b * c for (a, b), c in zip(SIGNS, cm)) / 2
        n = len(d["y"][0])
        ssab = n * eAB ** 2  # 4n*(eAB/2)^2
        sse = sum(fss(v) for v in d["y"])
        dfe = 4 * (n - 1)
        Fv = ssab / (sse / dfe)
        return {"effect A": eA, "effect AB": eAB, "p (AB)": f_sf(M(Fv), 1, dfe)}

    add(Q("c40", 3, ["doe_effects", "doe_anova"], d, render, parse, lib, hand,
          [("effect A", "stat"), ("effect AB", "stat"), ("p (AB)", "p")],
          "replicated 2^2: effects = contrast/2 (high minus low averages), ANOVA F for AB on 8 pure-error df; "
          "temperatures, times and the date are irrelevant"))


ROM = {3: "III", 4: "IV", 5: "V", 6: "VI", 7: "VII", 8: "VIII"}


def max_resolution(k, p):
    base = LET[:k - p]
    cands = ["".join(c) for r in range(2, k - p + 1) for c in itertools.combinations(base, r)]
    best = 0
    for combo in itertools.combinations(cands, p):
        words = defining_words([g + LET[k - p + i] for i, g in enumerate(combo)], k, p)
        best = max(best, min(len(w) for w in words))
    return best


def c41():
    d = dict(k=7, p=3, res=5, x_line=2)

    def render(d):
        return ("For the coater trial on line %d I need a fractional factorial for %d factors in %d runs (a 2^(%d-%d)), "
                "and it has to be resolution %s so that no two-factor interactions are aliased with each other or "
                "with main effects. Which generators should I use?"
                % (d["x_line"], d["k"], 2 ** (d["k"] - d["p"]), d["k"], d["p"], ROM[d["res"]]))

    def parse(t):
        m = re.search(r"2\^\((\d+)-(\d+)\)", t)
        inv = {v: k for k, v in ROM.items()}
        return dict(k=int(m.group(1)), p=int(m.group(2)), res=inv[re.search(r"resolution ([IVX]+) ", t).group(1)],
                    x_line=int(re.search(r"on line (\d+)", t).group(1)))

    def defect(d, text):
        assert max_resolution(d["k"], d["p"]) < d["res"]
        assert re.search(r"in 16 runs \(a 2\^\(7-3\)\)", text) and "resolution V " in text

    add(Q("c41", 3, ["doe_design", "doe_properties"], d, render, parse, refuse=True,
          defect="design cannot exist: the best 2^(7-3) (16 runs) is resolution IV; no choice of generators "
                 "gives resolution V", defect_check=defect,
          intent="refuse: a resolution V 2^(7-3) does not exist (maximum resolution IV)"))


def c42():
    d = dict(k=3, y=rnorm(50.0, 4.0, 8, 1), x_oven=6)

    def render(d):
        return ("Unreplicated 2^%d on oven %d, no centre points, %d runs in standard order (A changing fastest): %s. "
                "Fit the full model - A, B, C, AB, AC, BC and ABC - and give me the ANOVA F statistic and p-value "
                "for every term." % (d["k"], d["x_oven"], len(d["y"]), L(d["y"])))

    def parse(t):
        return dict(k=int(re.search(r"Unreplicated 2\^(\d+)", t).group(1)), x_oven=int(re.search(r"oven (\d+)", t).group(1)),
                    y=nums(re.search(r"A changing fastest\): (.*?)\. Fit", t).group(1)))

    def defect(d, text):
        Dm = full2(d["k"])
        cols = [np.ones(len(Dm))] + [np.prod(Dm[:, list(S)], axis=1) for r in range(1, d["k"] + 1)
                                     for S in itertools.combinations(range(d["k"]), r)]
        X = np.column_stack(cols)
        assert len(d["y"]) == X.shape[0] and X.shape[0] - np.linalg.matrix_rank(X) == 0
        assert re.search(r"Unreplicated", text) and "no centre points" in text and "ABC" in text

    add(Q("c42", 3, ["doe_anova"], d, render, parse, refuse=True,
          defect="zero error degrees of freedom: 8 runs and 8 model parameters (full 2^3 model), so no F or p can be formed",
          defect_check=defect,
          intent="refuse: saturated model on an unreplicated 2^3 leaves 0 error df, F-tests undefined"))


# ----------------------------------------------------------------------------
# KIND 4 - maths (sympy on the library side, mpmath numerics / exact by hand)
# ----------------------------------------------------------------------------
def fl(v):
    v = complex(sp.N(v, 30))
    assert abs(v.imag) < 1e-12 and math.isfinite(v.real)
    return v.real


def c43():
    d = dict(p=3, a=2, x0=1)
    build = lambda d: X ** d["p"] * sp.sin(d["a"] * X)

    def render(d):
        return ("whats the derivitive of x^%d*sin(%dx)?? i need f'(%d) and f''(%d) for my homework, "
                "f(x) = x^%d*sin(%dx), x in radians" % (d["p"], d["a"], d["x0"], d["x0"], d["p"], d["a"]))

    def parse(t):
        m = re.search(r"f\(x\) = (x\^(\d+)\*sin\((\d+)x\))", t)
        pts = re.search(r"f'\((\d+)\) and f''\((\d+)\)", t)
        assert pts.group(1) == pts.group(2)
        out = dict(p=int(m.group(2)), a=int(m.group(3)), x0=int(pts.group(1)))
        assert same_expr(sym(m.group(1)), build(out))
        assert same_expr(sym(re.search(r"derivitive of (\S+)\?\?", t).group(1)), build(out))
        return out

    def lib(d):
        f = build(d)
        return {"f'(x0)": fl(sp.diff(f, X).subs(X, d["x0"])), "f''(x0)": fl(sp.diff(f, X, 2).subs(X, d["x0"]))}

    def hand(d):
        f = lambda x: x ** d["p"] * mp.sin(d["a"] * x)
        return {"f'(x0)": mp.diff(f, d["x0"], 1), "f''(x0)": mp.diff(f, d["x0"], 2)}

    add(Q("c43", 4, ["differentiate"], d, render, parse, lib, hand,
          [("f'(x0)", "stat"), ("f''(x0)", "stat")],
          "first and second derivative of x^3 sin(2x) evaluated at x = 1 (radians)"))


def c44():
    d = dict(px=2, py=3, c=4, x0=1, y0=2)
    build = lambda d: X ** d["px"] * Y ** d["py"] + d["c"] * sp.sin(X * Y)

    def render(d):
        return ("Partial derivative question. f(x,y) = x^%d*y^%d + %d*sin(x*y). What is d^2f/dxdy (the mixed "
                "partial, once in x and once in y) at the point x=%d, y=%d?" % (d["px"], d["py"], d["c"], d["x0"], d["y0"]))

    def parse(t):
        m = re.search(r"f\(x,y\) = (x\^(\d+)\*y\^(\d+) \+ (\d+)\*sin\(x\*y\))", t)
        pt = re.search(r"point x=(\d+), y=(\d+)", t)
        out = dict(px=int(m.group(2)), py=int(m.group(3)), c=int(m.group(4)), x0=int(pt.group(1)), y0=int(pt.group(2)))
        assert same_expr(sym(m.group(1)), build(out))
        return out

    def lib(d):
        return {"f_xy": fl(sp.diff(build(d), X, Y).subs({X: d["x0"], Y: d["y0"]}))}

    def hand(d):
        f = lambda x, y: x ** d["px"] * y ** d["py"] + d["c"] * mp.sin(x * y)
        return {"f_xy": mp.diff(f, (d["x0"], d["y0"]), (1, 1))}

    add(Q("c44", 4, ["differentiate"], d, render, parse, lib, hand, [("f_xy", "stat")],
          "mixed partial d2f/dxdy of x^2 y^3 + 4 sin(xy) at (1, 2)"))


def c45():
    d = dict(p=2, lo=1, hi=3)
    build = lambda d: X ** d["p"] * sp.log(X)

    def render(d):
        return "intergrate x^%d ln(x) dx from x=%d to x=%d  (definite integral, ln = natural log)" % (d["p"], d["lo"], d["hi"])

    def parse(t):
        m = re.search(r"intergrate (x\^(\d+) ln\(x\)) dx from x=(\d+) to x=(\d+)", t)
        out = dict(p=int(m.group(2)), lo=int(m.group(3)), hi=int(m.group(4)))
        assert same_expr(sym(m.group(1)), build(out))
        return out

    def lib(d):
        return {"integral": fl(sp.integrate(build(d), (X, d["lo"], d["hi"])))}

    def hand(d):
        return {"integral": mp.quad(lambda x: x ** d["p"] * mp.log(x), [d["lo"], d["hi"]])}

    add(Q("c45", 4, ["integrate"], d, render, parse, lib, hand, [("integral", "stat")],
          "definite integral of x^2 ln x from 1 to 3 = 9 ln 3 - 26/9"))


def c46():
    d = dict(a=5, b=2, lo=1)
    build = lambda d: d["a"] / (X ** 2 + d["b"] * X)

    def render(d):
        return ("Does the integral of %d/(x^2+%dx) dx from %d to infinity converge? If it does, what's its value?"
                % (d["a"], d["b"], d["lo"]))

    def parse(t):
        m = re.search(r"integral of ((\d+)/\(x\^2\+(\d+)x\)) dx from (\d+) to infinity", t)
        out = dict(a=int(m.group(2)), b=int(m.group(3)), lo=int(m.group(4)))
        assert same_expr(sym(m.group(1)), build(out))
        return out

    def lib(d):
        return {"integral": fl(sp.integrate(build(d), (X, d["lo"], sp.oo)))}

    def hand(d):
        return {"integral": mp.quad(lambda x: d["a"] / (x * x + d["b"] * x), [d["lo"], 10, 100, mp.inf])}

    add(Q("c46", 4, ["integrate"], d, render, parse, lib, hand, [("integral", "stat")],
          "improper integral of 5/(x^2+2x) from 1 to infinity = (5/2) ln 3"))


def c47():
    d = dict(a=5, n=3)
    build = lambda d: (sp.sin(d["a"] * X) - d["a"] * X) / X ** d["n"]

    def render(d):
        return "lim x->0 (sin(%dx) - %dx)/x^%d  = ?" % (d["a"], d["a"], d["n"])

    def parse(t):
        m = re.search(r"lim x->0 (\(sin\((\d+)x\) - (\d+)x\)/x\^(\d+))", t)
        assert m.group(2) == m.group(3)
        out = dict(a=int(m.group(2)), n=int(m.group(4)))
        assert same_expr(sym(m.group(1)), build(out))
        return out

    def lib(d):
        return {"limit": fl(sp.limit(build(d), X, 0, dir="+-"))}

    def hand(d):
        f = lambda x: (mp.sin(d["a"] * x) - d["a"] * x) / x ** d["n"]
        l1, l2 = mp.limit(f, 0), mp.limit(f, 0, direction=-1)
        assert abs(l1 - l2) < 1e-15 * max(1, abs(l1))
        return {"limit": l1}

    add(Q("c47", 4, ["limit"], d, render, parse, lib, hand, [("limit", "stat")],
          "two-sided limit of (sin 5x - 5x)/x^3 at 0 = -125/6"))


def c48():
    d = dict(a=2, k1=3, k2=4)
    build = lambda d: sp.exp(X) * sp.cos(d["a"] * X)

    def render(d):
        return ("taylor series of e^x cos(%dx) around x=0 - what are the coefficients of x^%d and x^%d? "
                "(Maclaurin, exact fractions fine)" % (d["a"], d["k1"], d["k2"]))

    def parse(t):
        m = re.search(r"series of (e\^x cos\((\d+)x\)) around x=0", t)
        k = re.search(r"coefficients of x\^(\d+) and x\^(\d+)", t)
        out = dict(a=int(m.group(2)), k1=int(k.group(1)), k2=int(k.group(2)))
        assert same_expr(sym(m.group(1)), build(out))
        return out

    def lib(d):
        s = sp.series(build(d), X, 0, max(d["k1"], d["k2"]) + 1).removeO()
        return {"coef x^3": fl(s.coeff(X, d["k1"])), "coef x^4": fl(s.coeff(X, d["k2"]))}

    def hand(d):
        c = mp.taylor(lambda x: mp.exp(x) * mp.cos(d["a"] * x), 0, max(d["k1"], d["k2"]))
        return {"coef x^3": c[d["k1"]], "coef x^4": c[d["k2"]]}

    add(Q("c48", 4, ["series"], d, render, parse, lib, hand, [("coef x^3", "stat"), ("coef x^4", "stat")],
          "Maclaurin coefficients of e^x cos 2x: x^3 -> -11/6, x^4 -> -7/24"))


def mat_rows(t):
    return [[int(v) for v in re.findall(r"-?\d+", r)] for r in re.findall(r"\[([-\d, ]+)\]", t)]


def mat_txt(A):
    return "[" + ", ".join("[" + ", ".join(str(v) for v in r) + "]" for r in A) + "]"


def c49():
    d = dict(A=[[2, -1, 0, 3], [1, 4, 2, -2], [0, 5, 1, 1]])

    def render(d):
        return "find the determinat of the matrix %s pls, by cofactor expansion if possible" % mat_txt(d["A"])

    def parse(t):
        return dict(A=mat_rows(t))

    def defect(d, text):
        A = d["A"]
        assert len(A) != len(A[0]) and all(len(r) == len(A[0]) for r in A)
        assert len(mat_rows(text)) == 3 and len(mat_rows(text)[0]) == 4
        try:
            sp.Matrix(A).det()
            raise AssertionError("det should fail")
        except sp.matrices.exceptions.NonSquareMatrixError:
            pass

    add(Q("c49", 4, ["matrix"], d, render, parse, refuse=True,
          defect="mathematically undefined: determinant of a non-square (3x4) matrix", defect_check=defect,
          intent="refuse: the determinant is only defined for square matrices; this one is 3x4"))


def c50():
    d = dict(p=2, b=3)
    build = lambda d: N_ ** d["p"] / sp.Integer(d["b"]) ** N_

    def render(d):
        return "sum of n^%d/%d^n for n=1 to infinity?" % (d["p"], d["b"])

    def parse(t):
        m = re.search(r"sum of (n\^(\d+)/(\d+)\^n) for n=1 to infinity", t)
        out = dict(p=int(m.group(2)), b=int(m.group(3)))
        assert same_expr(sym(m.group(1)), build(out))
        return out

    def lib(d):
        return {"sum": fl(sp.summation(build(d), (N_, 1, sp.oo)))}

    def hand(d):
        return {"sum": mp.nsum(lambda n: n ** d["p"] / mp.mpf(d["b"]) ** n, [1, mp.inf])}

    add(Q("c50", 4, ["summation"], d, render, parse, lib, hand, [("sum", "stat")],
          "sum_{n>=1} n^2/3^n = 3/2"))


def c51():
    d = dict(a=2, b=7)
    build = lambda d: X ** 3 + d["a"] * X - d["b"]

    def render(d):
        return "Solve x^3 + %dx - %d = 0. Only the real root please, 4+ decimals." % (d["a"], d["b"])

    def parse(t):
        m = re.search(r"Solve (x\^3 \+ (\d+)x - (\d+)) = 0", t)
        out = dict(a=int(m.group(2)), b=int(m.group(3)))
        assert same_expr(sym(m.group(1)), build(out))
        return out

    def lib(d):
        r = sp.Poly(build(d), X).real_roots()
        assert len(r) == 1
        return {"real root": fl(r[0])}

    def hand(d):
        f = lambda x: x ** 3 + d["a"] * x - d["b"]
        assert d["a"] > 0  # strictly increasing -> single real root
        return {"real root": bisect(f, 0, d["b"] + 1, 200)}

    add(Q("c51", 4, ["solve"], d, render, parse, lib, hand, [("real root", "stat")],
          "the single real root of x^3 + 2x - 7 = 0 (about 1.5687)"))


def c52():
    d = dict(a=3, b=5, r1=1, r2=2)
    build = lambda d: (d["a"] * X + d["b"]) / ((X + d["r1"]) * (X + d["r2"]) ** 2)

    def render(d):
        return ("partial fractions of (%dx+%d)/((x+%d)(x+%d)^2) ? written as A/(x+%d) + B/(x+%d) + C/(x+%d)^2, "
                "what are A, B and C" % (d["a"], d["b"], d["r1"], d["r2"], d["r1"], d["r2"], d["r2"]))

    def parse(t):
        m = re.search(r"partial fractions of (\((\d+)x\+(\d+)\)/\(\(x\+(\d+)\)\(x\+(\d+)\)\^2\))", t)
        out = dict(a=int(m.group(2)), b=int(m.group(3)), r1=int(m.group(4)), r2=int(m.group(5)))
        f = re.search(r"as A/\(x\+(\d+)\) \+ B/\(x\+(\d+)\) \+ C/\(x\+(\d+)\)\^2", t)
        assert [int(f.group(i)) for i in (1, 2, 3)] == [out["r1"], out["r2"], out["r2"]]
        assert same_expr(sym(m.group(1)), build(out))
        return out

    def lib(d):
        A, B, C = sp.symbols("A B C")
        form = A / (X + d["r1"]) + B / (X + d["r2"]) + C / (X + d["r2"]) ** 2
        ap = sp.apart(build(d), X)
        num_ = sp.Poly(sp.together(ap - form).as_numer_denom()[0], X)
        sol = sp.solve(num_.coeffs(), [A, B, C], dict=True)[0]
        assert sp.simplify(ap - form.subs(sol)) == 0
        return {"A": fl(sol[A]), "B": fl(sol[B]), "C": fl(sol[C])}

    def hand(d):
        a, b, r1, r2 = (Fr(d[k]) for k in ("a", "b", "r1", "r2"))
        Av = (-a * r1 + b) / (r2 - r1) ** 2
        Cv = (-a * r2 + b) / (r1 - r2)
        Bv = (a * r1 - b) / (r1 - r2) ** 2
        return {"A": Av, "B": Bv, "C": Cv}

    add(Q("c52", 4, ["simplify"], d, render, parse, lib, hand, [("A", "stat"), ("B", "stat"), ("C", "stat")],
          "partial fractions (3x+5)/((x+1)(x+2)^2) = 2/(x+1) - 2/(x+2) + 1/(x+2)^2"))


def cof_det(A):
    A = [[Fr(v) for v in r] for r in A]
    if len(A) == 1:
        return A[0][0]
    return sum((-1) ** j * A[0][j] * cof_det([r[:j] + r[j + 1:] for r in A[1:]]) for j in range(len(A)) if A[0][j] != 0)


def c53():
    d = dict(A=[[4, 1, 2], [1, 3, 0], [2, 0, 5]])

    def render(d):
        return ("eigen values of A = %s ? i need the largest and the smallest one, and det(A) as well" % mat_txt(d["A"]))

    def parse(t):
        return dict(A=mat_rows(t))

    def lib(d):
        Mx = sp.Matrix(d["A"])
        ev = [complex(r) for r in Mx.charpoly(X).nroots(n=30)]
        assert all(abs(e.imag) < 1e-12 for e in ev)
        ev = sorted(e.real for e in ev)
        return {"largest eigenvalue": ev[-1], "smallest eigenvalue": ev[0], "det": int(Mx.det())}

    def hand(d):
        A = [[Fr(v) for v in r] for r in d["A"]]
        tr = A[0][0] + A[1][1] + A[2][2]
        m2 = sum(A[i][i] * A[j][j] - A[i][j] * A[j][i] for i, j in ((0, 1), (0, 2), (1, 2)))
        det = cof_det(d["A"])
        roots = mp.polyroots([1, -M(tr), M(m2), -M(det)], maxsteps=200, extraprec=60)
        assert all(abs(mp.im(r)) < 1e-20 for r in roots)
        roots = sorted(mp.re(r) for r in roots)
        return {"largest eigenvalue": roots[-1], "smallest eigenvalue": roots[0], "det": det}

    add(Q("c53", 4, ["matrix"], d, render, parse, lib, hand,
          [("largest eigenvalue", "stat"), ("smallest eigenvalue", "stat"), ("det", "int")],
          "eigenvalues of the symmetric 3x3 matrix (largest, smallest) and its determinant 43"))


VARS = "xyz"


def lin_txt(row, rhs):
    out = ""
    for c, v in zip(row, VARS):
        if c == 0:
            continue
        mag = "" if abs(c) == 1 else str(abs(c))
        if not out:
            out = ("-" if c < 0 else "") + mag + v
        else:
            out += (" - " if c < 0 else " + ") + mag + v
    return "%s = %d" % (out or "0", rhs)


def lin_parse(line):
    lhs, rhs = line.split(" = ")
    row = [0, 0, 0]
    for sgn, mag, v in re.findall(r"(-|\+|^)\s*(\d*)([xyz])", lhs.replace(" - ", " -").replace(" + ", " +")):
        row[VARS.index(v)] = (-1 if sgn == "-" else 1) * (int(mag) if mag else 1)
    assert same_expr(sym(lhs), sum(c * s for c, s in zip(row, (X, Y, Z))))
    return row, int(rhs)


def c54():
    d = dict(A=[[2, 1, -1], [1, -3, 2], [3, 2, 1]], b=[3, 4, 10])

    def render(d):
        return "solve for x y z\n" + "\n".join(lin_txt(r, v) for r, v in zip(d["A"], d["b"])) + "\nexact values ok"

    def parse(t):
        lines = [l for l in t.split("\n") if " = " in l]
        rows = [lin_parse(l) for l in lines]
        return dict(A=[r for r, v in rows], b=[v for r, v in rows])

    def lib(d):
        sol = sp.linsolve((sp.Matrix(d["A"]), sp.Matrix(d["b"])), X, Y, Z)
        (s,) = list(sol)
        assert all(v.is_number for v in s)
        return {"x": fl(s[0]), "y": fl(s[1]), "z": fl(s[2])}

    def hand(d):
        D = cof_det(d["A"])
        assert D != 0
        out = {}
        for j, v in enumerate(VARS):
            Aj = [r[:j] + [bb] + r[j + 1:] for r, bb in zip(d["A"], d["b"])]
            out[v] = cof_det(Aj) / D
        return out

    add(Q("c54", 4, ["solve", "matrix"], d, render, parse, lib, hand, [("x", "stat"), ("y", "stat"), ("z", "stat")],
          "unique solution of the 3x3 linear system (Cramer's rule)"))


def c55():
    d = dict(a=3, b=2)
    build = lambda d: (X ** 2 + d["a"]) / (X - d["b"])

    def render(d):
        return ("lim x->%d of (x^2+%d)/(x-%d) -- i mean the ordinary two-sided limit, not a one-sided one. "
                "what's the value?" % (d["b"], d["a"], d["b"]))

    def parse(t):
        m = re.search(r"lim x->(\d+) of (\(x\^2\+(\d+)\)/\(x-(\d+)\))", t)
        assert m.group(1) == m.group(4)
        out = dict(a=int(m.group(3)), b=int(m.group(1)))
        assert same_expr(sym(m.group(2)), build(out))
        return out

    def defect(d, text):
        f = build(d)
        assert sp.limit(f, X, d["b"], dir="+") == sp.oo and sp.limit(f, X, d["b"], dir="-") == -sp.oo
        assert d["b"] ** 2 + d["a"] != 0
        assert "two-sided" in text

    add(Q("c55", 4, ["limit"], d, render, parse, refuse=True,
          defect="mathematically undefined: the one-sided limits are +oo and -oo, so the two-sided limit does not exist",
          defect_check=defect,
          intent="refuse: (x^2+3)/(x-2) has no two-sided limit at 2 (+oo from the right, -oo from the left)"))


def c56():
    d = dict(a=12, b=4)
    build = lambda d: X ** 3 - d["a"] * X + Y ** 2 - d["b"] * Y

    def render(d):
        return ("f(x,y) = x^3 - %dx + y^2 - %dy . find the critical points and classify them (min/max/saddle). "
                "whats the local minimum value, and the x coordinate of the saddle point?" % (d["a"], d["b"]))

    def parse(t):
        m = re.search(r"f\(x,y\) = (x\^3 - (\d+)x \+ y\^2 - (\d+)y) \.", t)
        out = dict(a=int(m.group(2)), b=int(m.group(3)))
        assert same_expr(sym(m.group(1)), build(out))
        return out

    def lib(d):
        f = build(d)
        H = sp.hessian(f, (X, Y))
        mins, saddles = [], []
        for s in sp.solve([sp.diff(f, X), sp.diff(f, Y)], [X, Y], dict=True):
            if not (s[X].is_real and s[Y].is_real):
                continue
            Hs = H.subs(s)
            if Hs.det() < 0:
                saddles.append(s)
            elif Hs.det() > 0 and Hs[0, 0] > 0:
                mins.append(s)
        assert len(mins) == 1 and len(saddles) == 1
        return {"local min value": fl(f.subs(mins[0])), "saddle x": fl(saddles[0][X])}

    def hand(d):
        xs = mp.sqrt(mp.mpf(d["a"]) / 3)
        ys = mp.mpf(d["b"]) / 2
        f = lambda x, y: x ** 3 - d["a"] * x + y ** 2 - d["b"] * y
        # Hessian det = 12x: positive at +xs (with f_xx = 6x > 0 -> min), negative at -xs (saddle)
        assert 12 * xs > 0 and 6 * xs > 0 and 12 * (-xs) < 0
        return {"local min value": f(xs, ys), "saddle x": -xs}

    add(Q("c56", 4, ["extrema"], d, render, parse, lib, hand, [("local min value", "stat"), ("saddle x", "stat")],
          "critical points (+-2, 2): local min at (2, 2) with f = -20, saddle at (-2, 2)"))


# ----------------------------------------------------------------------------
# KIND 5 - tests named by the user
# ----------------------------------------------------------------------------
def c57():
    d = dict(g=[rnorm(12.0, s, 8, 2) for s in (0.30, 0.45, 0.32, 0.62)])

    def render(d):
        rows = "\n".join("cavity %d: %s" % (i + 1, L(g)) for i, g in enumerate(d["g"]))
        return ("Wall thickness (mm) from the four cavities of mould T-12:\n%s\n\nRun Bartlett's test for equal "
                "variances across the four cavities - statistic and p-value." % rows)

    def parse(t):
        return dict(g=[nums(r) for r in re.findall(r"^cavity \d+: (.*)$", t, re.M)])

    def lib(d):
        r = st.bartlett(*d["g"])
        return {"Bartlett statistic": r.statistic, "p": r.pvalue}

    def hand(d):
        k = len(d["g"])
        n = [len(g) for g in d["g"]]
        v = [fvar(g) for g in d["g"]]
        Nk = sum(n) - k
        sp2 = sum((ni - 1) * vi for ni, vi in zip(n, v)) / Nk
        num_ = Nk * mp.log(M(sp2)) - sum((ni - 1) * mp.log(M(vi)) for ni, vi in zip(n, v))
        den = 1 + (sum(Fr(1, ni - 1) for ni in n) - Fr(1, Nk)) / (3 * (k - 1))
        T = num_ / M(den)
        return {"Bartlett statistic": T, "p": chi2_sf(T, k - 1)}

    add(Q("c57", 5, ["variance_test"], d, render, parse, lib, hand, [("Bartlett statistic", "stat"), ("p", "p")],
          "Bartlett's test of equal variances across 4 cavities (8 each), chi-square(3) p"))


def royston_sw(x):
    """Shapiro-Wilk W and p by Royston (1992/1995) approximation, n >= 12 branch"""
    x = sorted(M(fr(v)) for v in x)
    n = len(x)
    assert 12 <= n <= 5000
    m = [norm_ppf((mp.mpf(i) - mp.mpf("0.375")) / (n + mp.mpf("0.25"))) for i in range(1, n + 1)]
    mm = sum(v * v for v in m)
    u = 1 / mp.sqrt(n)
    an = m[-1] / mp.sqrt(mm) + 0.221157 * u - 0.147981 * u ** 2 - 2.071190 * u ** 3 + 4.434685 * u ** 4 - 2.706056 * u ** 5
    an1 = m[-2] / mp.sqrt(mm) + 0.042981 * u - 0.293762 * u ** 2 - 1.752461 * u ** 3 + 5.682633 * u ** 4 - 3.582633 * u ** 5
    phi = (mm - 2 * m[-1] ** 2 - 2 * m[-2] ** 2) / (1 - 2 * an ** 2 - 2 * an1 ** 2)
    a = [m[i] / mp.sqrt(phi) for i in range(n)]
    a[-1], a[-2], a[0], a[1] = an, an1, -an, -an1
    xm = sum(x) / n
    W = sum(ai * xi for ai, xi in zip(a, x)) ** 2 / sum((xi - xm) ** 2 for xi in x)
    ln = mp.log(n)
    mu = 0.0038915 * ln ** 3 - 0.083751 * ln ** 2 - 0.31082 * ln - 1.5861
    sg = mp.exp(0.0030302 * ln ** 2 - 0.082676 * ln - 0.4803)
    return W, norm_sf((mp.log(1 - W) - mu) / sg)


def c58():
    d = dict(x=[round(10.0 + float(v), 1) for v in RNG.gamma(4.0, 1.5, 20)])

    def render(d):
        return ("Can you run a Shapiro-Wilk normality test on these 20 Rockwell hardness readings? %s  I need W and "
                "the p-value." % L(d["x"]))

    def parse(t):
        return dict(x=nums(re.search(r"readings\? (.*?)  I need", t).group(1)))

    def lib(d):
        r = st.shapiro(d["x"])
        return {"W": r.statistic, "p": r.pvalue}

    def hand(d):
        W, p = royston_sw(d["x"])
        return {"W": W, "p": p}

    add(Q("c58", 5, ["normality"], d, render, parse, lib, hand, [("W", "stat"), ("p", "p")],
          "Shapiro-Wilk test (Royston algorithm) on the 20 readings: W and p"))


def c59():
    d = dict(x=rnorm(50.0, 5.0, 25, 1))

    def render(d):
        return ("anderson-darling test for normality on the 25 cycle times below, mean and sd estimated from the data. "
                "report A^2 as computed (unadjusted) and the p-value from the usual formula applied to the adjusted "
                "A^2(1 + 0.75/n + 2.25/n^2).\n%s" % L(d["x"], " "))

    def parse(t):
        return dict(x=nums(t.split("\n", 1)[1]))

    def lib(d):
        a2, p = normal_ad(np.array(d["x"]))
        return {"A^2": a2, "p": p}

    def hand(d):
        x = sorted(fr(v) for v in d["x"])
        n = len(x)
        m, s = fmean(x), mp.sqrt(M(fvar(x)))
        z = [M(v - m) / s for v in x]
        S = sum((2 * i - 1) * (mp.log(norm_cdf(z[i - 1])) + mp.log(norm_sf(z[n - i]))) for i in range(1, n + 1))
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
        return {"A^2": A2, "p": p}

    add(Q("c59", 5, ["normality"], d, render, parse, lib, hand, [("A^2", "stat"), ("p", "p")],
          "Anderson-Darling normality test with estimated mean/sd: unadjusted A^2, p from the adjusted A^2 formula"))


def hyper_fisher(a, b, c, dd):
    r1, r2, c1 = a + b, c + dd, a + c
    n = r1 + r2
    pm = lambda x: Fr(math.comb(r1, x) * math.comb(r2, c1 - x), math.comb(n, c1))
    p0 = pm(a)
    lo, hi = max(0, c1 - r2), min(r1, c1)
    return sum(pm(x) for x in range(lo, hi + 1) if pm(x) <= p0 * (1 + Fr(1, 10 ** 7)))


def c60():
    d = dict(fn=int(RNG.binomial(25, 0.12)), nn=25, fo=int(RNG.binomial(24, 0.38)), no=24)

    def render(d):
        return ("Salt-spray results: new coating, %d of %d panels failed; old coating, %d of %d failed. Fisher's exact "
                "test please (two-sided p = total probability of all tables no more likely than the observed one), and the sample odds ratio of failure for new versus old (ad/bc from the "
                "2x2 table)." % (d["fn"], d["nn"], d["fo"], d["no"]))

    def parse(t):
        m = re.search(r"new coating, (\d+) of (\d+) panels failed; old coating, (\d+) of (\d+) failed", t)
        return dict(fn=int(m.group(1)), nn=int(m.group(2)), fo=int(m.group(3)), no=int(m.group(4)))

    def lib(d):
        r = st.fisher_exact([[d["fn"], d["nn"] - d["fn"]], [d["fo"], d["no"] - d["fo"]]])
        return {"p (two-sided)": r.pvalue, "odds ratio": r.statistic}

    def hand(d):
        a, b, c, dd = d["fn"], d["nn"] - d["fn"], d["fo"], d["no"] - d["fo"]
        return {"p (two-sided)": hyper_fisher(a, b, c, dd), "odds ratio": Fr(a * dd, b * c)}

    add(Q("c60", 5, ["proportion_test"], d, render, parse, lib, hand,
          [("p (two-sided)", "p"), ("odds ratio", "stat")],
          "Fisher's exact test on [[fail_new, ok_new], [fail_old, ok_old]], two-sided; sample odds ratio ad/bc"))


def binom_two_sided(k, n, p0):
    pm = lambda i: math.comb(n, i) * p0 ** i * (1 - p0) ** (n - i)
    d0 = pm(k)
    return sum(pm(i) for i in range(n + 1) if pm(i) <= d0 * (1 + Fr(1, 10 ** 7)))


def c61():
    d = dict(k=int(RNG.binomial(200, 0.86)), n=200, p0=90)

    def render(d):
        return ("Claimed first-pass yield is %d%%. In a sample of %d assemblies, %d passed first time. Exact binomial "
                "test of that claim (two-sided: add up every outcome no more probable than the one observed), and the 95%% Clopper-Pearson interval for the true yield."
                % (d["p0"], d["n"], d["k"]))

    def parse(t):
        m = re.search(r"yield is (\d+)%\. In a sample of (\d+) assemblies, (\d+) passed", t)
        return dict(p0=int(m.group(1)), n=int(m.group(2)), k=int(m.group(3)))

    def lib(d):
        r = st.binomtest(d["k"], d["n"], d["p0"] / 100)
        ci = r.proportion_ci(0.95, method="exact")
        return {"p (two-sided)": r.pvalue, "CI lower": ci.low, "CI upper": ci.high}

    def hand(d):
        k, n = d["k"], d["n"]
        lo = bisect(lambda q: betainc_r(k, n - k + 1, q) - mp.mpf("0.025"), 0, 1, 150)
        hi = bisect(lambda q: betainc_r(k + 1, n - k, q) - mp.mpf("0.975"), 0, 1, 150)
        return {"p (two-sided)": binom_two_sided(k, n, Fr(d["p0"], 100)), "CI lower": lo, "CI upper": hi}

    add(Q("c61", 5, ["proportion_test"], d, render, parse, lib, hand,
          [("p (two-sided)", "p"), ("CI lower", "stat"), ("CI upper", "stat")],
          "exact two-sided binomial test of p = 0.90 (minlike method) and the 95% Clopper-Pearson interval"))


def c62():
    d = dict(xa=int(RNG.binomial(520, 0.088)), na=520, xb=int(RNG.binomial(480, 0.062)), nb=480)

    def render(d):
        return ("Two-proportion z-test: plant A had %d defective out of %d, plant B %d out of %d. Pooled standard "
                "error, no continuity correction, z computed as p_A - p_B. z and two-sided p?"
                % (d["xa"], d["na"], d["xb"], d["nb"]))

    def parse(t):
        m = re.search(r"plant A had (\d+) defective out of (\d+), plant B (\d+) out of (\d+)", t)
        return dict(xa=int(m.group(1)), na=int(m.group(2)), xb=int(m.group(3)), nb=int(m.group(4)))

    def lib(d):
        z, p = proportions_ztest([d["xa"], d["xb"]], [d["na"], d["nb"]])
        return {"z (A - B)": z, "p (two-sided)": p}

    def hand(d):
        pa, pb = Fr(d["xa"], d["na"]), Fr(d["xb"], d["nb"])
        pp = Fr(d["xa"] + d["xb"], d["na"] + d["nb"])
        z = M(pa - pb) / mp.sqrt(M(pp * (1 - pp) * (Fr(1, d["na"]) + Fr(1, d["nb"]))))
        return {"z (A - B)": z, "p (two-sided)": 2 * norm_sf(abs(z))}

    add(Q("c62", 5, ["proportion_test"], d, render, parse, lib, hand,
          [("z (A - B)", "stat"), ("p (two-sided)", "p")],
          "pooled two-proportion z-test without continuity correction, z = (pA - pB)/SE_pooled, two-sided p"))


def h_pearson(x, y):
    mx, my = fmean(x), fmean(y)
    sxy = sum((fr(a) - mx) * (fr(b) - my) for a, b in zip(x, y))
    sxx = sum((fr(a) - mx) ** 2 for a in x)
    syy = sum((fr(b) - my) ** 2 for b in y)
    return M(sxy) / mp.sqrt(M(sxx * syy))


def c63():
    x = rnorm(50.0, 10.0, 14, 1)
    d = dict(x=x, y=[round(0.25 * a + float(e), 1) + 0.0 for a, e in zip(x, RNG.normal(20, 3.5, 14))])

    def render(d):
        pairs = ", ".join("(%s, %s)" % (F(a), F(b)) for a, b in zip(d["x"], d["y"]))
        return ("Spearman rank correlation between oven dwell time and coating gloss, pairs (time, gloss): %s. "
                "Ties get average ranks; p-value from the t approximation with n - 2 df." % pairs)

    def parse(t):
        rows = re.findall(r"\((%s), (%s)\)" % (NUM, NUM), t)
        return dict(x=[num(a) for a, b in rows], y=[num(b) for a, b in rows])

    def lib(d):
        r = st.spearmanr(d["x"], d["y"])
        return {"rho": r.statistic, "p": r.pvalue}

    def hand(d):
        rho = h_pearson(franks(d["x"]), franks(d["y"]))
        n = len(d["x"])
        t = rho * mp.sqrt((n - 2) / (1 - rho ** 2))
        return {"rho": rho, "p": t_p2(t, n - 2)}

    add(Q("c63", 5, ["correlation"], d, render, parse, lib, hand, [("rho", "stat"), ("p", "p")],
          "Spearman rho (average ranks) and its two-sided t-approximation p with 12 df"))


def c64():
    x = rnorm(3.0, 0.8, 10, 2)
    d = dict(x=x, y=[round(1.5 * a + 2.0 + float(e), 2) + 0.0 for a, e in zip(x, RNG.normal(0, 1.5, 10))])

    def render(d):
        rows = "\n".join("%s\t%s" % (F(a), F(b)) for a, b in zip(d["x"], d["y"]))
        return ("Kendall's tau-b for these 10 paired readings (col 1 = sensor, col 2 = lab), with the exact "
                "two-sided p-value (no ties):\n" + rows)

    def parse(t):
        rows = re.findall(r"^(%s)\t(%s)$" % (NUM, NUM), t, re.M)
        return dict(x=[num(a) for a, b in rows], y=[num(b) for a, b in rows])

    def lib(d):
        r = st.kendalltau(d["x"], d["y"], method="exact")
        return {"tau-b": r.statistic, "p (exact, two-sided)": r.pvalue}

    def hand(d):
        x, y = [fr(v) for v in d["x"]], [fr(v) for v in d["y"]]
        assert not tie_groups(x) and not tie_groups(y)
        n = len(x)
        con = sum(1 for i in range(n) for j in range(i + 1, n) if (x[i] - x[j]) * (y[i] - y[j]) > 0)
        tot = n * (n - 1) // 2
        dis = tot - con
        cnt = mahonian(n)
        c = min(dis, con)
        p = min(Fr(1), 2 * Fr(sum(cnt[:c + 1]), math.factorial(n)))
        return {"tau-b": Fr(con - dis, tot), "p (exact, two-sided)": p}

    add(Q("c64", 5, ["correlation"], d, render, parse, lib, hand,
          [("tau-b", "stat"), ("p (exact, two-sided)", "p")],
          "Kendall tau-b (no ties, = tau-a) with exact two-sided p from the permutation distribution"))


def c65():
    a = rnorm(20.0, 1.0, 16, 1)
    b = [round(v + float(e), 1) + 0.0 for v, e in zip(a, RNG.normal(-0.25, 0.5, 16))]
    b[4] = a[4]  # at least one zero difference on purpose
    d = dict(a=a, b=b)

    def render(d):
        rows = "\n".join("%2d  %s  %s" % (i + 1, F(x), F(y)) for i, (x, y) in enumerate(zip(d["a"], d["b"])))
        return ("Same 16 specimens measured on tester A and tester B (specimen, A, B):\n" + rows +
                "\nSign test on the differences A - B, zero differences dropped, exact binomial two-sided p. "
                "How many positive differences are there and what's p?")

    def parse(t):
        rows = re.findall(r"^\s?\d+  (%s)  (%s)$" % (NUM, NUM), t, re.M)
        return dict(a=[num(x) for x, y in rows], b=[num(y) for x, y in rows])

    def lib(d):
        diff = np.round(np.array(d["a"]) - np.array(d["b"]), 9)
        pos, neg = int(np.sum(diff > 0)), int(np.sum(diff < 0))
        return {"positive differences": pos, "p (exact, two-sided)": st.binomtest(pos, pos + neg, 0.5).pvalue}

    def hand(d):
        diff = [fr(x) - fr(y) for x, y in zip(d["a"], d["b"])]
        pos, neg = sum(v > 0 for v in diff), sum(v < 0 for v in diff)
        n = pos + neg
        k = min(pos, neg)
        p = min(Fr(1), 2 * Fr(sum(math.comb(n, i) for i in range(k + 1)), 2 ** n))
        return {"positive differences": pos, "p (exact, two-sided)": p}

    add(Q("c65", 5, ["sign_test"], d, render, parse, lib, hand,
          [("positive differences", "int"), ("p (exact, two-sided)", "p")],
          "paired sign test on A - B with the zero differences dropped, exact two-sided binomial p on the nonzero ones"))


def c66():
    d = dict(before=rnorm(31.0, 2.0, 12, 1), after=rnorm(29.5, 2.0, 11, 1))

    def render(d):
        return ("Wilcoxon signed-rank test on paired readings - same specimens before and after 500 h ageing. "
                "before: %s\nafter: %s\nExact two-sided p please." % (L(d["before"]), L(d["after"])))

    def parse(t):
        return dict(before=nums(re.search(r"^.*before: (.*)$", t, re.M).group(1)),
                    after=nums(re.search(r"^after: (.*)$", t, re.M).group(1)))

    def defect(d, text):
        assert len(d["before"]) != len(d["after"])
        b = re.search(r"before: (.*)$", text, re.M).group(1).split(", ")
        a = re.search(r"^after: (.*)$", text, re.M).group(1).split(", ")
        assert len(b) == 12 and len(a) == 11

    add(Q("c66", 5, ["wilcoxon_signed_rank"], d, render, parse, refuse=True,
          defect="mismatched lengths: 12 'before' values but 11 'after' values for a paired test", defect_check=defect,
          intent="refuse: paired signed-rank test impossible, the two paired lists have different lengths (12 vs 11)"))


def c67():
    base = RNG.normal(6.5, 0.8, 8)
    eff = [0.0, 0.6, -0.3, 0.3]
    d = dict(s=[[round(float(b) + e + float(RNG.normal(0, 0.5)), 1) for e in eff] for b in base])

    def render(d):
        rows = "\n".join("P%d    %s" % (i + 1, "  ".join("%-4s" % F(v) for v in r).rstrip()) for i, r in enumerate(d["s"]))
        return ("Taste panel: 8 panelists each scored all 4 recipes (0-10 scale).\n\n      A     B     C     D\n" + rows +
                "\n\nFriedman test across the recipes, panelists as blocks (use the usual tie correction). "
                "Chi-square statistic and p?")

    def parse(t):
        return dict(s=[nums(r) for r in re.findall(r"^P\d+    (.*)$", t, re.M)])

    def lib(d):
        a = np.array(d["s"])
        r = st.friedmanchisquare(*[a[:, j] for j in range(a.shape[1])])
        return {"chi-square (Friedman)": r.statistic, "p": r.pvalue}

    def hand(d):
        n, k = len(d["s"]), len(d["s"][0])
        R = [Fr(0)] * k
        ties = 0
        for row in d["s"]:
            rr = franks(row)
            R = [a + b for a, b in zip(R, rr)]
            ties += sum(t ** 3 - t for t in tie_groups(row))
        Qs = Fr(12, n * k * (k + 1)) * sum(r * r for r in R) - 3 * n * (k + 1)
        Qs = Qs / (1 - Fr(ties, n * k * (k * k - 1)))
        return {"chi-square (Friedman)": Qs, "p": chi2_sf(M(Qs), k - 1)}

    add(Q("c67", 5, ["friedman"], d, render, parse, lib, hand, [("chi-square (Friedman)", "stat"), ("p", "p")],
          "Friedman test, 4 recipes x 8 panelist blocks, tie-corrected chi-square with 3 df"))


def c68():
    d = dict(mu=[20, 22, 23, 25], sd=4, n=10, alpha=0.05)

    def render(d):
        return ("Power of a one-way ANOVA: %d groups with expected means %s, common SD %s, %d per group, alpha = %s. "
                "Use the noncentral F with noncentrality lambda = n*sum((mu_i - mu_bar)^2)/sigma^2."
                % (len(d["mu"]), L(d["mu"]), F(d["sd"]), d["n"], F(d["alpha"])))

    def parse(t):
        m = re.search(r"expected means (.*?), common SD (%s), (\d+) per group, alpha = (%s)\." % (NUM, NUM), t)
        return dict(mu=nums(m.group(1)), sd=num(m.group(2)), n=int(m.group(3)), alpha=num(m.group(4)))

    def lib(d):
        mu = np.array(d["mu"], float)
        k = len(mu)
        f = np.sqrt(np.mean((mu - mu.mean()) ** 2)) / d["sd"]
        return {"power": FTestAnovaPower().power(effect_size=f, nobs=d["n"] * k, alpha=d["alpha"], k_groups=k)}

    def hand(d):
        k = len(d["mu"])
        mb = fmean(d["mu"])
        lam = d["n"] * sum((fr(m) - mb) ** 2 for m in d["mu"]) / fr(d["sd"]) ** 2
        d1, d2 = k - 1, k * d["n"] - k
        crit = f_ppf(1 - M(fr(d["alpha"])), d1, d2)
        return {"power": ncf_sf(crit, d1, d2, M(lam))}

    add(Q("c68", 5, ["power"], d, render, parse, lib, hand, [("power", "stat")],
          "one-way ANOVA power, k = 4, n = 10 each, lambda = n*sum(dev^2)/sigma^2 = 8.125, alpha 0.05"))


def c69():
    fe = [0.0, 1.5, 2.2, 0.8, 1.0]
    be = RNG.normal(0, 1.5, 4)
    d = dict(y=[[round(40.0 + float(b) + e + float(RNG.normal(0, 0.9)), 1) for e in fe] for b in be])

    def render(d):
        rows = "\n".join("| field %d | %s |" % (i + 1, " | ".join(F(v) for v in r)) for i, r in enumerate(d["y"]))
        return ("Randomised complete block: 5 fertilisers (F1-F5), each applied once in each of 4 fields; fields are "
                "the blocks.\n\n| | F1 | F2 | F3 | F4 | F5 |\n|---|---|---|---|---|---|\n" + rows +
                "\n\nTwo-way ANOVA without interaction (additive block + treatment model). F and p for fertiliser?")

    def parse(t):
        return dict(y=[nums(r) for r in re.findall(r"^\| field \d+ \| (.*) \|$", t, re.M)])

    def lib(d):
        rows = [(i, j, v) for i, r in enumerate(d["y"]) for j, v in enumerate(r)]
        df = pd.DataFrame(rows, columns=["blk", "trt", "y"])
        a = sm.stats.anova_lm(smf.ols("y ~ C(trt) + C(blk)", df).fit(), typ=2)
        return {"F (fertiliser)": a.loc["C(trt)", "F"], "p": a.loc["C(trt)", "PR(>F)"]}

    def hand(d):
        Y_ = [[fr(v) for v in r] for r in d["y"]]
        b, t = len(Y_), len(Y_[0])
        g = fmean([v for r in Y_ for v in r])
        sst = b * sum((fmean([r[j] for r in Y_]) - g) ** 2 for j in range(t))
        ssb = t * sum((fmean(r) - g) ** 2 for r in Y_)
        tot = sum((v - g) ** 2 for r in Y_ for v in r)
        sse = tot - sst - ssb
        d1, d2 = t - 1, (t - 1) * (b - 1)
        Fv = (sst / d1) / (sse / d2)
        return {"F (fertiliser)": Fv, "p": f_sf(M(Fv), d1, d2)}

    add(Q("c69", 5, ["anova_twoway"], d, render, parse, lib, hand, [("F (fertiliser)", "stat"), ("p", "p")],
          "RCBD additive two-way ANOVA: treatment F on (4, 12) df and its p"))


CORN = ["(-,-)", "(+,-)", "(-,+)", "(+,+)"]


def c70():
    d = dict(f=rnorm(40.0, 0.1, 4, 1), c=rnorm(40.6, 0.25, 5, 1))
    d["f"] = [round(v + s, 1) + 0.0 for v, s in zip(d["f"], (-0.7, 0.6, -0.2, 0.9))]

    def render(d):
        cs = ", ".join("%s: %s" % (c, F(v)) for c, v in zip(CORN, d["f"]))
        return ("2^2 factorial with one run at each corner plus %d centre runs. Corners (A,B) %s; centre runs %s. "
                "Please do the single-degree-of-freedom curvature test against pure error from the centre points: "
                "SS for curvature, F and p." % (len(d["c"]), cs, L(d["c"])))

    def parse(t):
        return dict(f=[num(re.search(r"%s: (%s)" % (re.escape(c), NUM), t).group(1)) for c in CORN],
                    c=nums(re.search(r"centre runs (.*?)\. Please", t).group(1)))

    def lib(d):
        rows = [(a, b, 0, v) for (a, b), v in zip([(-1, -1), (1, -1), (-1, 1), (1, 1)], d["f"])]
        rows += [(0, 0, 1, v) for v in d["c"]]
        df = pd.DataFrame(rows, columns=["A", "B", "ctr", "y"])
        an = sm.stats.anova_lm(smf.ols("y ~ A * B + ctr", df).fit(), typ=2)
        return {"SS curvature": an.loc["ctr", "sum_sq"], "F": an.loc["ctr", "F"], "p": an.loc["ctr", "PR(>F)"]}

    def hand(d):
        nf, nc = len(d["f"]), len(d["c"])
        ss = Fr(nf * nc, nf + nc) * (fmean(d["f"]) - fmean(d["c"])) ** 2
        Fv = ss / fvar(d["c"])
        return {"SS curvature": ss, "F": Fv, "p": f_sf(M(Fv), 1, nc - 1)}

    add(Q("c70", 5, ["doe_curvature"], d, render, parse, lib, hand,
          [("SS curvature", "stat"), ("F", "stat"), ("p", "p")],
          "curvature SS = nF*nC*(ybarF - ybarC)^2/(nF + nC), F against centre-point pure error (df 1, 4)"))


# ----------------------------------------------------------------------------
# checks and output
# ----------------------------------------------------------------------------
def read_tools():
    names = set()
    with open(os.path.join(HERE, "TOOLS.txt")) as fh:
        for line in fh:
            if line.strip():
                names.add(line.split()[0])
    return names


def as_float(v):
    if isinstance(v, Fr):
        return v.numerator / v.denominator
    return float(v)


def stored(v, cls):
    if cls == "int":
        fv = as_float(v)
        assert fv == int(round(fv)), v
        return int(round(fv))
    return float("%.6g" % as_float(v))


def finite_dict(Dd, keys):
    return all(math.isfinite(as_float(Dd[k])) for k in keys)


def main():
    tools = read_tools()
    assert "dsl_run" in tools
    assert verify_spc_table()
    builders = [globals()["c%02d" % i] for i in range(1, 71)]
    for b in builders:  # data are drawn here, strictly in id order
        b()
    assert [q.id for q in QS] == ["c%02d" % i for i in range(1, 71)]
    for i, q in enumerate(QS):
        assert q.kind == i // 14 + 1, q.id

    out, n_mut, texts = [], 0, set()
    for q in QS:
        text = q.render(q.data)
        assert text not in texts, q.id
        texts.add(text)
        parsed = q.parse(text)
        assert deq(parsed, q.data), (q.id, parsed, q.data)
        assert q.render(parsed) == text, q.id
        assert set(q.tools) <= tools and q.tools[0] == "dsl_run", q.id
        keys = [k for k, c in q.expect]
        if q.refuse:
            assert not q.expect and q.defect and q.defect_check
            q.defect_check(q.data, text)
            q.defect_check(parsed, text)
            L0 = None
        else:
            assert 1 <= len(q.expect) <= 3, q.id
            L0, H0 = q.lib(q.data), q.hand(q.data)
            for k, cls in q.expect:
                a, h = as_float(L0[k]), as_float(H0[k])
                if cls == "int":
                    assert a == int(a) and h == a, (q.id, k, a, h)
                else:
                    assert relclose(a, h, 1e-4), (q.id, k, a, h)
                assert a != 0 and stored(a, cls) != 0, (q.id, k)
                if cls == "p":
                    assert 1e-4 <= a <= 0.99, (q.id, k, a)
            Lp = q.lib(parsed)
            for k in keys:
                assert relclose(as_float(Lp[k]), as_float(L0[k]), 1e-9), (q.id, k)
        # mutation test
        changed = False
        for pth in paths(q.data):
            m = mutate(q.data, pth)
            t2 = q.render(m)
            p2 = q.parse(t2)
            assert deq(p2, m), (q.id, pth)
            n_mut += 1
            if L0 is not None and not changed:
                try:
                    L2 = q.lib(m)
                    if finite_dict(L2, keys) and any(not relclose(as_float(L2[k]), as_float(L0[k]), 1e-12) for k in keys):
                        changed = True
                except Exception:
                    pass
        if not q.refuse:
            assert changed, q.id
        out.append(dict(id=q.id, kind=q.kind, question=text, intent=q.intent, tools=q.tools,
                        expect=[] if q.refuse else [dict(what=k, value=stored(L0[k], c), rel=TOL[c]) for k, c in q.expect],
                        refuse=q.refuse))

    refusals = [q for q in QS if q.refuse]
    assert len(refusals) == 7
    assert len(out) == 70

    jpath = os.path.join(HERE, "round33.jsonl")
    with open(jpath, "w", encoding="utf-8", newline="\n") as fh:
        for o in out:
            fh.write(json.dumps(o, ensure_ascii=False) + "\n")
    with open(jpath, "rb") as fh:
        md5 = hashlib.md5(fh.read()).hexdigest()
    # re-read sanity
    with open(jpath, encoding="utf-8") as fh:
        back = [json.loads(l) for l in fh]
    assert [b["id"] for b in back] == [o["id"] for o in out]

    counts = {str(k): sum(q.kind == k for q in QS) for k in range(1, 6)}
    assert all(v == 14 for v in counts.values())
    meta = dict(
        round=33, seed=SEED, n_questions=len(out), counts_per_kind=counts,
        refusals=[dict(id=q.id, kind=q.kind, defect=q.defect) for q in refusals],
        tolerances={c: dict(rel=TOL[c], applies_to=TOL_DOC[c]) for c in TOL},
        n_expectations=sum(len(o["expect"]) for o in out),
        mutations_checked=n_mut,
        md5_round33_jsonl=md5,
    )
    with open(os.path.join(HERE, "round33_meta.json"), "w", encoding="utf-8", newline="\n") as fh:
        json.dump(meta, fh, indent=2, ensure_ascii=False)
        fh.write("\n")
    write_readme(meta, refusals)
    print("md5", md5)
    print("counts", counts)
    print("refusals", [q.id for q in refusals])
    print("mutations", n_mut)


KIND_DOC = {
    1: ("c01-c14", "data given as a table - CSV long format, subgroup rows, TSV, aligned columns, 'label: value' "
                   "lines, a 3x3 contingency table, a semicolon/decimal-comma export, markdown tables (with dates, "
                   "with blank cells), x,y CSV, a pipe-separated export with header junk, a two-way cell layout, a "
                   "single column - each with a test or chart (Welch t, X-bar/R, one-way ANOVA, paired t, "
                   "chi-square GOF and independence, Kruskal-Wallis, np chart, regression, Brown-Forsythe, two-way "
                   "ANOVA, Pp/Ppk, Mann-Whitney)"),
    2: ("c15-c28", "intent carried by the wording, not by a tool name: no normality assumed (signed-rank), a nominal "
                   "value, dropping a named run, defect counts (c chart), one reading per batch (I-MR), within vs "
                   "overall sigma, a one-sided claim (exact binomial), 'not the pooled one' (Welch), summary figures "
                   "only (pooled t), difference direction (paired CI), ratio direction (F test), unequal spreads "
                   "(Welch ANOVA), varying sample sizes (p chart)"),
    3: ("c29-c42", "numbers in prose with roles, mixed with irrelevant numbers (buildings, rooms, years, dates, part "
                   "and lot numbers, costs, earlier study sizes): factorial with replicates and centre points, "
                   "fractional factorial with generators, Box-Behnken, CCD, Plackett-Burman, mixed-level factorial, "
                   "blocked factorial, sample size and power (noncentral t), X-bar/R limits and Cp/Cpk from summary "
                   "figures, effects and ANOVA of a replicated 2^2"),
    4: ("c43-c56", "maths with realistic typos and informal notation: derivatives at a point (1st and 2nd), a mixed "
                   "partial, definite and improper integrals, a limit, Taylor coefficients, an infinite series, a "
                   "real root, partial fractions, eigenvalues with determinant, a linear system, critical points"),
    5: ("c57-c70", "tests named by the user: Bartlett, Shapiro-Wilk, Anderson-Darling, Fisher exact, exact binomial "
                   "with Clopper-Pearson, two-proportion z, Spearman, Kendall tau-b, sign test, Friedman, one-way "
                   "ANOVA power, randomised-block ANOVA, curvature test"),
}


def write_readme(meta, refusals):
    L_ = []
    L_.append("# Round 33 - blind evaluation set (70 questions)\n")
    L_.append("## How it was written\n")
    L_.append("Written blind: the only project file read was `/work/blind33/TOOLS.txt` (used only to name the tools "
              "a correct answer would use). Nothing under `/work/main` (source, tests, docs, earlier question sets) "
              "or `/work/blind32` was read, and the agent was not run. The Python interpreter "
              "`/work/main/.venv/bin/python` was only executed (numpy, scipy, statsmodels, sympy, mpmath, patsy, "
              "pandas); nothing was installed into it.\n")
    L_.append("Questions were written as varied users would type them (engineers, quality staff, students; terse, "
              "chatty, lowercase, with typos in the maths). Every question is answerable from its own text, and where "
              "more than one convention is common the text states it (one/two-sided, exact or approximate, pooled or "
              "Welch, continuity correction, difference or ratio direction, which sigma, tabulated constants, how "
              "centre points are counted).\n")
    L_.append("## Files\n")
    L_.append("- `make_round33.py` - the single generator: all data sets, rendering, per-question regex parsers, "
              "library and hand computations, all checks, and writing of the outputs (it locates its files from "
              "`os.path.dirname(os.path.abspath(__file__))`).\n"
              "- `round33.jsonl` - 70 questions, one JSON object per line: `id`, `kind`, `question`, `intent`, "
              "`tools`, `expect` (1-3 `{what, value, rel}`; empty for refusals), `refuse`.\n"
              "- `round33_meta.json` - counts per kind, refusal reasons, tolerance table, number of mutations "
              "checked, md5 of `round33.jsonl`.\n"
              "- `README.md` - this file (also written by the script).\n")
    L_.append("## Determinism\n")
    L_.append("All random data come from `numpy.random.default_rng(%d)`, drawn in id order (c01 first) and rounded to "
              "1-2 decimals or integers; the rounded values are the data. Design parameters, maths coefficients and "
              "distractor numbers are fixed in the script. Running the script twice gives a byte-identical "
              "`round33.jsonl` (md5 `%s`).\n" % (SEED, meta["md5_round33_jsonl"]))
    L_.append("## Kinds\n")
    L_.append("| kind | ids | covers |\n|---|---|---|")
    for k in range(1, 6):
        L_.append("| %d | %s | %s |" % (k, KIND_DOC[k][0], KIND_DOC[k][1]))
    L_.append("")
    L_.append("Counts per kind: %s.\n" % ", ".join("kind %s: %d" % (k, v) for k, v in meta["counts_per_kind"].items()))
    L_.append("## Refusals (refuse = true, expect = [])\n")
    L_.append("| id | kind | defect |\n|---|---|---|")
    for q in refusals:
        L_.append("| %s | %d | %s |" % (q.id, q.kind, q.defect))
    L_.append("")
    L_.append("Each defect is asserted in the script twice: on the data and on the rendered text (and on the data "
              "parsed back from the text).\n")
    L_.append("## Checks (all asserts; any failure stops the script)\n")
    L_.append("(a) Library values: scipy.stats / statsmodels / sympy for every expected value; SPC limits from the "
              "tabulated constants (A2, D4, E2, d2); run counts by building the design matrix and counting rows "
              "(full and fractional factorials, Box-Behnken, CCD, 12-run Plackett-Burman, mixed-level, blocked); "
              "resolution as the shortest word of the defining relation; error df from the rank of the model "
              "matrix.\n\n"
              "(b) An independent hand computation for every expected value, agreeing with (a) to 1e-4 relative "
              "(integers exactly): exact Fraction arithmetic for means, variances, sums of squares, effects and "
              "limits; p-values from mpmath regularized incomplete beta / gamma and erfc; exact rank distributions "
              "by recursion (Mann-Whitney, signed-rank, Kendall's Mahonian numbers), exact hypergeometric and "
              "binomial sums; Shapiro-Wilk via Royston's algorithm; power by mpmath quadrature of the noncentral t "
              "and a Poisson mixture for the noncentral F; calculus by mpmath numerics (diff, quad, limit, taylor, "
              "nsum, bisection); determinants by cofactor expansion, the system by Cramer's rule, eigenvalues from "
              "the characteristic polynomial; run counts by closed forms, resolution by searching the design matrix "
              "for the smallest set of columns with a constant product. The tabulated SPC constants are themselves "
              "verified against first-principles values (d2, d3 by quadrature, c4 by gamma functions).\n\n"
              "(c) Re-parse: each question has its own regex parser; maths expressions are parsed back with sympy "
              "and must equal the expression built from the data. Parsed data must equal the original, re-rendering "
              "the parsed data must give the same text, and compute(parsed) must equal compute(data) to 1e-9.\n\n"
              "Mutation test: every numeric data value in turn (distractor numbers included) gets +1, the question "
              "is re-rendered and re-parsed and the parsed data must equal the mutated data; for every non-refusal "
              "at least one mutation must change a computed result. Mutations checked: %d.\n\n"
              "Sanity: ids and kinds in order, every question text unique, every tool in TOOLS.txt, dsl_run always "
              "included, 1-3 expectations each, no expected value 0, integer expectations exact, every p-value in "
              "[1e-4, 0.99], exactly 7 refusals.\n" % meta["mutations_checked"])
    L_.append("## Conventions and tolerances\n")
    L_.append("| class | rel | applies to |\n|---|---|---|")
    for c in TOL:
        L_.append("| %s | %s | %s |" % (c, TOL[c], TOL_DOC[c].split(" - ", 1)[1]))
    L_.append("")
    L_.append("- Values are stored to 6 significant figures; integer expectations are stored as integers.\n"
              "- Names carry the direction where the question fixes it (e.g. `t (A - B)`, `z (A - B)`, "
              "`F (var B / var A)`); rank statistics are named by their convention (`U (smaller)`, "
              "`T (smaller rank sum)`). Every question in this round fixes the direction of its signed statistics "
              "in the text, so no bar names (`|t|`, `|z|`) were needed.\n"
              "- SPC: 3-sigma limits with the tabulated constants (n=2: E2 2.660, D4 3.267; n=4: A2 0.729, D4 2.282, "
              "d2 2.059; n=5: A2 0.577, D4 2.114, d2 2.326); the tolerance covers the difference to exact constants.\n"
              "- Capability: within sigma = R-bar/d2, overall sigma = sample SD with n-1.\n"
              "- DOE: a centre point is one run and is not replicated unless the text says so; effects are "
              "high-minus-low averages (twice the coded coefficient).\n"
              "- Power / sample size: noncentral t (or F), two-sided alpha, sample size rounded up per group.\n")
    with open(os.path.join(HERE, "README.md"), "w", encoding="utf-8", newline="\n") as fh:
        fh.write("\n".join(L_))


if __name__ == "__main__":
    main()
