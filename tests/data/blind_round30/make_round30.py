#!/usr/bin/env python
"""make_round30.py -- generator for the blind evaluation set "round 30".

Every question is defined by one function below (w01 .. w70).  Each function
draws its random data (if any) from ONE generator, numpy.random.default_rng(30303030),
in id order, and returns a dict with
    data     numeric data (nested dict / lists; strings are labels, not mutated)
    render   data -> question text
    parse    question text -> data           (its own regex / sympy parser)
    compute  data -> {name: value}           (library value: scipy / statsmodels / sympy / numpy)
    hand     data -> {name: value}           (independent hand computation: Fraction / mpmath / DP)
    expect   [(name, rel), ...]
    plus kind, intent, tools and, for refusals, defect(text, data) -> reason.

Checks (all asserted, the script stops on any failure):
 (a) library value, (b) hand value agreeing to 1e-4 relative (integers exactly),
 (c) re-parse of the rendered text, compute(parsed) == compute(data), and a
     mutation test on every numeric data value, plus sanity checks.
Outputs: round30.jsonl, round30_meta.json, README.md (next to this file).
"""
import os, re, json, math, hashlib, copy, itertools, warnings
from fractions import Fraction as Fr
import numpy as np
import scipy.stats as st
import sympy as sp
import mpmath as mp
import pandas as pd
import statsmodels.api as sm
import statsmodels.formula.api as smf
from statsmodels.stats.anova import anova_lm
from statsmodels.stats.oneway import anova_oneway
from statsmodels.stats.proportion import proportions_ztest
from statsmodels.stats.power import TTestIndPower, FTestAnovaPower
from sympy.parsing.sympy_parser import (parse_expr, standard_transformations,
                                        implicit_multiplication_application, convert_xor)

warnings.filterwarnings("ignore")
HERE = os.path.dirname(os.path.abspath(__file__))
rng = np.random.default_rng(30303030)
mp.mp.dps = 30

REL_STAT, REL_P, REL_INT = 0.005, 0.02, 0
NUM = r"-?\d+(?:\.\d+)?"
UNUM = r"\d+(?:\.\d+)?"


# ----------------------------------------------------------------- helpers
def num(s):
    s = s.strip()
    return int(s) if re.fullmatch(r"-?\d+", s) else float(s)


def nums(s):
    return [num(t) for t in re.findall(NUM, s)]


def unums(s):
    return [num(t) for t in re.findall(UNUM, s)]


def r1(a):
    return [float(v) for v in np.round(np.asarray(a, dtype=float), 1)]


def r2(a):
    return [float(v) for v in np.round(np.asarray(a, dtype=float), 2)]


def ints(a):
    return [int(v) for v in a]


def f1(v):
    return f"{v:.1f}"


def f2(v):
    return f"{v:.2f}"


def F(x):
    """exact Fraction of a rendered decimal"""
    if isinstance(x, Fr):
        return x
    if isinstance(x, (int, np.integer)):
        return Fr(int(x))
    return Fr(repr(float(x)))


def M(fr):
    """Fraction -> mpf"""
    fr = F(fr) if not isinstance(fr, Fr) else fr
    return mp.mpf(fr.numerator) / fr.denominator


def fmean(xs):
    return sum((F(x) for x in xs), Fr(0)) / len(xs)


def fss(xs):
    m = fmean(xs)
    return sum(((F(x) - m) ** 2 for x in xs), Fr(0))


def fvar(xs):
    return fss(xs) / (len(xs) - 1)


def fmedian(xs):
    s = sorted(F(x) for x in xs)
    n = len(s)
    return s[n // 2] if n % 2 else (s[n // 2 - 1] + s[n // 2]) / 2


def franks(xs):
    """average ranks (ties -> mean rank) as Fractions"""
    xs = [F(x) for x in xs]
    order = sorted(range(len(xs)), key=lambda i: xs[i])
    ranks = [None] * len(xs)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and xs[order[j + 1]] == xs[order[i]]:
            j += 1
        r = Fr(i + 1 + j + 1, 2)
        for k in range(i, j + 1):
            ranks[order[k]] = r
        i = j + 1
    return ranks


def tie_sizes(xs):
    c = {}
    for x in xs:
        c[F(x)] = c.get(F(x), 0) + 1
    return [t for t in c.values() if t > 1]


def t_p2(t, df):
    """two-sided p of Student t via the regularised incomplete beta"""
    t, df = mp.mpf(t), mp.mpf(df)
    return mp.betainc(df / 2, mp.mpf(1) / 2, 0, df / (df + t * t), regularized=True)


def t_lower(t, df):
    """P(T <= t)"""
    half = t_p2(t, df) / 2
    return half if t < 0 else 1 - half


def f_sf(x, d1, d2):
    x, d1, d2 = mp.mpf(x), mp.mpf(d1), mp.mpf(d2)
    return mp.betainc(d2 / 2, d1 / 2, 0, d2 / (d2 + d1 * x), regularized=True)


def f_cdf(x, d1, d2):
    x, d1, d2 = mp.mpf(x), mp.mpf(d1), mp.mpf(d2)
    return mp.betainc(d1 / 2, d2 / 2, 0, d1 * x / (d1 * x + d2), regularized=True)


def chi2_sf(x, df):
    return mp.gammainc(mp.mpf(df) / 2, mp.mpf(x) / 2, mp.inf, regularized=True)


def n_sf(z):
    return mp.erfc(mp.mpf(z) / mp.sqrt(2)) / 2


def n_cdf(z):
    return mp.erfc(-mp.mpf(z) / mp.sqrt(2)) / 2


def bisect(f, a, b, it=120):
    """root of an increasing-or-decreasing f on [a, b] by plain bisection"""
    a, b = mp.mpf(a), mp.mpf(b)
    fa = f(a)
    for _ in range(it):
        c = (a + b) / 2
        fc = f(c)
        if (fc > 0) == (fa > 0):
            a, fa = c, fc
        else:
            b = c
    return (a + b) / 2


def n_ppf(p):
    return mp.sqrt(2) * mp.erfinv(2 * mp.mpf(p) - 1)


def f_anova(groups):
    """exact one-way ANOVA: F (Fraction), df1, df2"""
    allx = [F(x) for g in groups for x in g]
    gm = fmean(allx)
    ssb = sum((len(g) * (fmean(g) - gm) ** 2 for g in groups), Fr(0))
    ssw = sum((fss(g) for g in groups), Fr(0))
    d1, d2 = len(groups) - 1, len(allx) - len(groups)
    return (ssb / d1) / (ssw / d2), d1, d2


def fpearson(x, y):
    """exact pieces of Pearson r: r^2 (Fraction) and sign"""
    mx, my = fmean(x), fmean(y)
    sxy = sum(((F(a) - mx) * (F(b) - my) for a, b in zip(x, y)), Fr(0))
    sxx = sum(((F(a) - mx) ** 2 for a in x), Fr(0))
    syy = sum(((F(b) - my) ** 2 for b in y), Fr(0))
    return sxy, sxx, syy


def r_from(sxy, sxx, syy):
    return M(sxy) / mp.sqrt(M(sxx) * M(syy))


def det_cof(A):
    """determinant by cofactor expansion along the first row (exact)"""
    n = len(A)
    if n == 1:
        return F(A[0][0])
    if n == 2:
        return F(A[0][0]) * F(A[1][1]) - F(A[0][1]) * F(A[1][0])
    tot = Fr(0)
    for j in range(n):
        if A[0][j] == 0:
            continue
        minor = [row[:j] + row[j + 1:] for row in A[1:]]
        tot += (-1) ** j * F(A[0][j]) * det_cof(minor)
    return tot


def fr_solve(A, b):
    """exact Gaussian elimination with Fractions"""
    n = len(A)
    Mx = [[F(v) for v in row] + [F(bb)] for row, bb in zip(A, b)]
    for c in range(n):
        piv = next(r for r in range(c, n) if Mx[r][c] != 0)
        Mx[c], Mx[piv] = Mx[piv], Mx[c]
        for r in range(n):
            if r != c and Mx[r][c] != 0:
                f = Mx[r][c] / Mx[c][c]
                Mx[r] = [a - f * bb for a, bb in zip(Mx[r], Mx[c])]
    return [Mx[i][n] / Mx[i][i] for i in range(n)]


def fr_rss(X, y):
    """exact residual sum of squares of least squares y ~ X (X full rank)"""
    p = len(X[0])
    XtX = [[sum((F(r[i]) * F(r[j]) for r in X), Fr(0)) for j in range(p)] for i in range(p)]
    Xty = [sum((F(r[i]) * F(v) for r, v in zip(X, y)), Fr(0)) for i in range(p)]
    beta = fr_solve(XtX, Xty)
    return sum(((F(v) - sum((F(r[i]) * beta[i] for i in range(p)), Fr(0))) ** 2
                for r, v in zip(X, y)), Fr(0))


# exact small-sample null distributions (efficient recursions, no brute force)
def signed_rank_counts(n):
    """number of subsets of {1..n} with each sum"""
    top = n * (n + 1) // 2
    c = [0] * (top + 1)
    c[0] = 1
    for k in range(1, n + 1):
        for s in range(top, k - 1, -1):
            c[s] += c[s - k]
    return c


def rank_sum_counts(m, N):
    """counts of m-subsets of {1..N} by sum: dp[k][s]"""
    top = N * (N + 1) // 2
    dp = [[0] * (top + 1) for _ in range(m + 1)]
    dp[0][0] = 1
    for v in range(1, N + 1):
        for k in range(min(m, v), 0, -1):
            row, prev = dp[k], dp[k - 1]
            for s in range(top, v - 1, -1):
                row[s] += prev[s - v]
    return dp[m]


def mahonian(n):
    """counts of permutations of n with k inversions"""
    c = [1]
    for j in range(2, n + 1):
        new = [0] * (len(c) + j - 1)
        for k, v in enumerate(c):
            for add in range(j):
                new[k + add] += v
        c = new
    return c


def sig6(v):
    if isinstance(v, (int, np.integer)) and not isinstance(v, bool):
        return int(v)
    return float(f"{float(v):.6g}")


# ---------------------------------------------------- SPC constants (two copies)
# library copy (numbers as tabulated in ASTM / Montgomery)
SPC = {
    2: dict(A2=1.880, D3=0.0, D4=3.267, d2=1.128, A3=2.659, B3=0.0, B4=3.267),
    3: dict(A2=1.023, D3=0.0, D4=2.574, d2=1.693, A3=1.954, B3=0.0, B4=2.568),
    4: dict(A2=0.729, D3=0.0, D4=2.282, d2=2.059, A3=1.628, B3=0.0, B4=2.266),
    5: dict(A2=0.577, D3=0.0, D4=2.114, d2=2.326, A3=1.427, B3=0.0, B4=2.089),
    6: dict(A2=0.483, D3=0.0, D4=2.004, d2=2.534, A3=1.287, B3=0.030, B4=1.970),
    7: dict(A2=0.419, D3=0.076, D4=1.924, d2=2.704, A3=1.182, B3=0.118, B4=1.882),
    8: dict(A2=0.373, D3=0.136, D4=1.864, d2=2.847, A3=1.099, B3=0.185, B4=1.815),
    9: dict(A2=0.337, D3=0.184, D4=1.816, d2=2.970, A3=1.032, B3=0.239, B4=1.761),
    10: dict(A2=0.308, D3=0.223, D4=1.777, d2=3.078, A3=0.975, B3=0.284, B4=1.716),
}
E2 = 2.660
# hand copy, transcribed separately as exact decimal strings: n -> (A2, D4, d2, A3, B3, B4)
SPC_HAND = {
    "2": ("1.880", "3.267", "1.128", "2.659", "0", "3.267"),
    "3": ("1.023", "2.574", "1.693", "1.954", "0", "2.568"),
    "4": ("0.729", "2.282", "2.059", "1.628", "0", "2.266"),
    "5": ("0.577", "2.114", "2.326", "1.427", "0", "2.089"),
    "6": ("0.483", "2.004", "2.534", "1.287", "0.030", "1.970"),
    "7": ("0.419", "1.924", "2.704", "1.182", "0.118", "1.882"),
    "8": ("0.373", "1.864", "2.847", "1.099", "0.185", "1.815"),
    "9": ("0.337", "1.816", "2.970", "1.032", "0.239", "1.761"),
    "10": ("0.308", "1.777", "3.078", "0.975", "0.284", "1.716"),
}


def hc(n, name):
    idx = dict(A2=0, D4=1, d2=2, A3=3, B3=4, B4=5)[name]
    return Fr(SPC_HAND[str(n)][idx])


def check_spc_table():
    """tabulated constants agree with their exact definitions (d2 by quadrature, c4 by Gamma)"""
    mp.mp.dps = 20
    for n, c in SPC.items():
        d2 = mp.quad(lambda x: 1 - n_cdf(x) ** n - (1 - n_cdf(x)) ** n, [-mp.inf, 0, mp.inf])
        c4 = mp.sqrt(mp.mpf(2) / (n - 1)) * mp.gamma(mp.mpf(n) / 2) / mp.gamma(mp.mpf(n - 1) / 2)
        exact = dict(d2=d2, A2=3 / (d2 * mp.sqrt(n)), A3=3 / (c4 * mp.sqrt(n)),
                     B4=1 + 3 * mp.sqrt(1 - c4 ** 2) / c4, B3=max(0, 1 - 3 * mp.sqrt(1 - c4 ** 2) / c4))
        for k, v in exact.items():
            assert abs(c[k] - float(v)) <= 1.1e-3, (n, k, c[k], v)
            assert abs(float(hc(n, k)) - c[k]) < 1e-12, (n, k)
        assert abs(float(hc(n, "D4")) - c["D4"]) < 1e-12
    d2_2 = 2 / mp.sqrt(mp.pi)                       # E|Z1-Z2| = 2/sqrt(pi)
    d3_2 = mp.sqrt(2 * (1 - 2 / mp.pi))
    assert abs(E2 - float(3 / d2_2)) < 2e-3
    assert abs(SPC[2]["D4"] - float(1 + 3 * d3_2 / d2_2)) < 1.1e-3
    mp.mp.dps = 30


# ------------------------------------------------------------ maths parsing
X, Y, NN = sp.symbols("x y n")
TRANS = standard_transformations + (implicit_multiplication_application, convert_xor)


def sparse(s):
    return parse_expr(s, local_dict={"x": X, "y": Y, "n": NN, "e": sp.E, "ln": sp.log},
                      transformations=TRANS)


def sfloat(v):
    v = complex(sp.N(v, 30))
    if abs(v.imag) > 1e-12 * max(1.0, abs(v.real)):
        raise ValueError("complex")
    if not math.isfinite(v.real):
        raise ValueError("not finite")
    return v.real


# ------------------------------------------------------------ registry
QUESTIONS = []


def register(fn):
    QUESTIONS.append(fn)
    return fn


def twice(r):
    return {1: "once", 2: "twice", 3: "three times"}.get(r, f"{r} times")


def untwice(s):
    s = s.strip()
    return {"once": 1, "twice": 2, "three times": 3}.get(s) or int(re.match(r"(\d+) times", s).group(1))


# =====================================================================
# KIND 1 -- tables that are not plain numeric columns
# =====================================================================
@register
def w01():
    names = ["Ahmed", "Beatriz", "Chen", "Dmitri", "Elena", "Farid", "Grace", "Hiro", "Ines", "Jonas"]
    old = np.round(rng.normal(52, 4, 10), 1)
    new = old - rng.normal(2.0, 1.8, 10)
    data = {"old": r1(old), "new": r1(new)}

    def render(d):
        rows = "\n".join(f"{n},{f1(a)},{f1(b)}" for n, a, b in zip(names, d["old"], d["new"]))
        return ("Each operator built one housing on the old fixture and one on the new fixture "
                "(cycle time in seconds). Same people on both, so it's paired.\n\n"
                "operator,old_fixture_s,new_fixture_s\n" + rows +
                "\n\nIs there a difference in mean cycle time between the two fixtures? Two-sided paired "
                "t-test at 0.05 please: t, p-value and the mean difference.")

    def parse(t):
        rows = re.findall(r"^([A-Za-z]+),(" + NUM + r"),(" + NUM + r")$", t, re.M)
        return {"old": [num(a) for _, a, _ in rows], "new": [num(b) for _, _, b in rows]}

    def compute(d):
        r = st.ttest_rel(d["old"], d["new"])
        return {"|t|": abs(r.statistic), "p": r.pvalue,
                "|mean difference|": abs(np.mean(np.subtract(d["old"], d["new"])))}

    def hand(d):
        dif = [F(a) - F(b) for a, b in zip(d["old"], d["new"])]
        n = len(dif)
        m, v = fmean(dif), fvar(dif)
        t = M(m) / mp.sqrt(M(v) / n)
        return {"|t|": abs(t), "p": t_p2(t, n - 1), "|mean difference|": abs(M(m))}

    return dict(kind=1, data=data, render=render, parse=parse, compute=compute, hand=hand,
                intent="paired t-test on old vs new fixture times (CSV rows named by operator)",
                tools=["t_test"], expect=[("|t|", REL_STAT), ("p", REL_P), ("|mean difference|", REL_STAT)])


@register
def w02():
    lots = [f"L-{2291 + i}" for i in range(12)]
    x = np.round(rng.uniform(2.0, 6.0, 12), 2)
    y = 46 - 1.2 * x + rng.normal(0, 2.0, 12)
    data = {"moist": r2(x), "tens": r1(y)}

    def render(d):
        rows = "\n".join(f"| {l} | {f2(a)} | {f1(b)} |" for l, a, b in zip(lots, d["moist"], d["tens"]))
        return ("quick one - is tensile strength related to moisture content? pearson r and its p value pls\n\n"
                "| Lot | Moisture (%) | Tensile (MPa) |\n|---|---|---|\n" + rows + "\n")

    def parse(t):
        rows = re.findall(r"^\|\s*L-\d+\s*\|\s*(" + NUM + r")\s*\|\s*(" + NUM + r")\s*\|$", t, re.M)
        return {"moist": [num(a) for a, _ in rows], "tens": [num(b) for _, b in rows]}

    def compute(d):
        r = st.pearsonr(d["moist"], d["tens"])
        return {"r": r.statistic, "p": r.pvalue}

    def hand(d):
        sxy, sxx, syy = fpearson(d["moist"], d["tens"])
        r = r_from(sxy, sxx, syy)
        n = len(d["moist"])
        t = r * mp.sqrt((n - 2) / (1 - r * r))
        return {"r": r, "p": t_p2(t, n - 2)}

    return dict(kind=1, data=data, render=render, parse=parse, compute=compute, hand=hand,
                intent="Pearson correlation of moisture vs tensile from a markdown table with lot labels",
                tools=["correlation"], expect=[("r", REL_STAT), ("p", REL_P)])


@register
def w03():
    cats = ["scratch", "dent", "porosity", "misalignment"]
    counts = rng.multinomial(140, [0.33, 0.30, 0.21, 0.16])
    data = {"pct": [40, 25, 20, 15], "obs": ints(counts)}

    def render(d):
        p = d["pct"]
        lines = "\n".join(f"{c} -> {o}" for c, o in zip(cats, d["obs"]))
        return (f"Our historical defect mix is {p[0]}% scratches, {p[1]}% dents, {p[2]}% porosity and "
                f"{p[3]}% misalignment. Counts from the March audit on line 4:\n\n{lines}\n\n"
                "Does March still fit the historical mix? Chi-square goodness of fit - give chi2, df and p.")

    def parse(t):
        pct = [num(m.group(1)) for m in re.finditer(r"(\d+)% (?:scratches|dents|porosity|misalignment)", t)]
        obs = [num(b) for _, b in re.findall(r"^(\w+) -> (\d+)$", t, re.M)]
        return {"pct": pct, "obs": obs}

    def compute(d):
        obs = np.array(d["obs"], float)
        p = np.array(d["pct"], float) / sum(d["pct"])
        r = st.chisquare(obs, obs.sum() * p)
        return {"chi2": r.statistic, "df": len(obs) - 1, "p": r.pvalue}

    def hand(d):
        N = sum(d["obs"])
        tot = sum(d["pct"])
        chi = sum(((Fr(o) - Fr(N * q, tot)) ** 2 / Fr(N * q, tot) for o, q in zip(d["obs"], d["pct"])), Fr(0))
        return {"chi2": M(chi), "df": len(d["obs"]) - 1, "p": chi2_sf(M(chi), len(d["obs"]) - 1)}

    return dict(kind=1, data=data, render=render, parse=parse, compute=compute, hand=hand,
                intent="chi-square goodness of fit of `label -> count` against stated percentages 40/25/20/15",
                tools=["chi_square"], expect=[("chi2", REL_STAT), ("df", REL_INT), ("p", REL_P)])


@register
def w04():
    lots = [f"24-{117 + i:04d}" for i in range(15)]
    n = rng.integers(150, 301, 15)
    dft = rng.binomial(n, 0.07)
    data = {"n": ints(n), "d": ints(dft)}
    K = 8  # lot 24-0125

    def render(d):
        rows = "\n".join(f"{l}\t{a}\t{b}" for l, a, b in zip(lots, d["n"], d["d"]))
        return ("Final inspection results, lot sizes vary:\n\nlot\tinspected\tdefective\n" + rows +
                f"\n\nI'd like a p-chart (3-sigma, limits varying with the number inspected). What are the centre "
                f"line and the UCL and LCL for lot {lots[K]}?")

    def parse(t):
        rows = re.findall(r"^\d\d-\d{4}\t(\d+)\t(\d+)$", t, re.M)
        return {"n": [num(a) for a, _ in rows], "d": [num(b) for _, b in rows]}

    def compute(d):
        n = np.array(d["n"], float)
        pb = np.sum(d["d"]) / n.sum()
        h = 3 * np.sqrt(pb * (1 - pb) / n[K])
        return {"centre line": pb, "UCL": pb + h, "LCL": pb - h}

    def hand(d):
        pb = Fr(sum(d["d"]), sum(d["n"]))
        h = 3 * mp.sqrt(M(pb * (1 - pb) / d["n"][K]))
        return {"centre line": M(pb), "UCL": M(pb) + h, "LCL": M(pb) - h}

    return dict(kind=1, data=data, render=render, parse=parse, compute=compute, hand=hand,
                intent="p chart with varying n from a TSV of lot / inspected / defective; limits for lot 24-0125 (n of that lot)",
                tools=["control_chart"], expect=[("centre line", REL_STAT), ("UCL", REL_STAT), ("LCL", REL_STAT)])


@register
def w05():
    bolts = [f"B-{111 + i}" for i in range(14)]
    area = np.round(rng.uniform(30, 90, 14), 1)
    flaws = rng.poisson(0.3 * area)
    data = {"area": r1(area), "flaws": ints(flaws)}
    K = 7  # B-118

    def render(d):
        rows = "\n".join(f"{b:<8}{f1(a):>9}{c:>8}" for b, a, c in zip(bolts, d["area"], d["flaws"]))
        return ("Fabric inspection. The inspected area differs from bolt to bolt, so I want flaws per square "
                f"metre on the chart. Give me u-bar and the 3-sigma limits that apply to bolt {bolts[K]}.\n\n"
                f"{'Bolt':<8}{'Area_m2':>9}{'Flaws':>8}\n" + rows + "\n")

    def parse(t):
        rows = re.findall(r"^B-\d+\s+(" + NUM + r")\s+(\d+)\s*$", t, re.M)
        return {"area": [num(a) for a, _ in rows], "flaws": [num(b) for _, b in rows]}

    def compute(d):
        ub = np.sum(d["flaws"]) / np.sum(d["area"])
        h = 3 * np.sqrt(ub / d["area"][K])
        return {"centre line": ub, "UCL": ub + h, "LCL": ub - h}

    def hand(d):
        ub = Fr(sum(d["flaws"])) / sum((F(a) for a in d["area"]), Fr(0))
        h = 3 * mp.sqrt(M(ub / F(d["area"][K])))
        return {"centre line": M(ub), "UCL": M(ub) + h, "LCL": M(ub) - h}

    return dict(kind=1, data=data, render=render, parse=parse, compute=compute, hand=hand,
                intent="u chart from aligned columns bolt / area / flaws; u-bar = total flaws / total area, limits for bolt B-118",
                tools=["control_chart"], expect=[("centre line", REL_STAT), ("UCL", REL_STAT), ("LCL", REL_STAT)])


@register
def w06():
    c = rng.poisson(12, 20)
    data = {"c": ints(c)}

    def render(d):
        rows = "\n".join(f"door {i + 1:02d}: {v}" for i, v in enumerate(d["c"]))
        return ("Paint shop - number of surface defects (runs, craters, dirt) counted on each door. One door "
                "pulled per hour, same door model all shift.\n\n" + rows +
                "\n\nWhat are the centre line and 3-sigma control limits for a c chart?")

    def parse(t):
        return {"c": [num(v) for v in re.findall(r"^door \d\d: (\d+)$", t, re.M)]}

    def compute(d):
        cb = np.mean(d["c"])
        return {"centre line": cb, "UCL": cb + 3 * np.sqrt(cb), "LCL": cb - 3 * np.sqrt(cb)}

    def hand(d):
        cb = Fr(sum(d["c"]), len(d["c"]))
        return {"centre line": M(cb), "UCL": M(cb) + 3 * mp.sqrt(M(cb)), "LCL": M(cb) - 3 * mp.sqrt(M(cb))}

    return dict(kind=1, data=data, render=render, parse=parse, compute=compute, hand=hand,
                intent="c chart from `label: count` lines (door 01: 14 ...), c-bar +- 3 sqrt(c-bar)",
                tools=["control_chart"], expect=[("centre line", REL_STAT), ("UCL", REL_STAT), ("LCL", REL_STAT)])


@register
def w07():
    ids = [f"B{412 + 3 * i:04d}" for i in range(10)]
    temp = np.round(rng.uniform(180, 230, 10), 1)
    yl = 35 + 0.22 * temp + rng.normal(0, 1.4, 10)
    data = {"temp": r1(temp), "yld": r1(yl)}

    def render(d):
        rows = "\n".join(f"{i},{f1(a)},{f1(b)}" for i, a, b in zip(ids, d["temp"], d["yld"]))
        return ("batch,oven_temp_C,yield_pct\n" + rows +
                "\n\nregress yield on oven temperature (straight line with intercept). what are the slope, "
                "the intercept and the p-value for the slope?")

    def parse(t):
        rows = re.findall(r"^B\d{4},(" + NUM + r"),(" + NUM + r")$", t, re.M)
        return {"temp": [num(a) for a, _ in rows], "yld": [num(b) for _, b in rows]}

    def compute(d):
        r = st.linregress(d["temp"], d["yld"])
        return {"slope": r.slope, "intercept": r.intercept, "p": r.pvalue}

    def hand(d):
        sxy, sxx, syy = fpearson(d["temp"], d["yld"])
        b = sxy / sxx
        a = fmean(d["yld"]) - b * fmean(d["temp"])
        n = len(d["temp"])
        sse = syy - b * sxy
        t = M(b) / mp.sqrt(M(sse / (n - 2) / sxx))
        return {"slope": M(b), "intercept": M(a), "p": t_p2(t, n - 2)}

    return dict(kind=1, data=data, render=render, parse=parse, compute=compute, hand=hand,
                intent="simple linear regression yield ~ temperature from CSV rows labelled by batch",
                tools=["regression"], expect=[("slope", REL_STAT), ("intercept", REL_STAT), ("p", REL_P)])


@register
def w08():
    shifts = ["Day", "Evening", "Night"]
    types = ["Crack", "Void", "Burr", "Other"]
    lam = np.array([[22, 30, 18, 12], [20, 24, 25, 11], [30, 22, 16, 14]])
    tab = rng.poisson(lam)
    data = {"tab": [ints(r) for r in tab]}

    def render(d):
        rows = "\n".join(f"| {s} | " + " | ".join(str(v) for v in r) + " |" for s, r in zip(shifts, d["tab"]))
        return ("Is the defect type independent of the shift? Chi-square test of independence on the counts "
                "below (chi2, df, p).\n\n| Shift | " + " | ".join(types) + " |\n|---|---|---|---|---|\n" + rows + "\n")

    def parse(t):
        rows = re.findall(r"^\|\s*(?:Day|Evening|Night)\s*\|(.+)\|$", t, re.M)
        return {"tab": [[num(v) for v in r.split("|")] for r in rows]}

    def compute(d):
        chi, p, df, _ = st.chi2_contingency(np.array(d["tab"]))
        return {"chi2": chi, "df": int(df), "p": p}

    def hand(d):
        T = d["tab"]
        R = [sum(r) for r in T]
        C = [sum(c) for c in zip(*T)]
        N = sum(R)
        chi = sum(((Fr(T[i][j]) - Fr(R[i] * C[j], N)) ** 2 / Fr(R[i] * C[j], N)
                   for i in range(len(R)) for j in range(len(C))), Fr(0))
        df = (len(R) - 1) * (len(C) - 1)
        return {"chi2": M(chi), "df": df, "p": chi2_sf(M(chi), df)}

    return dict(kind=1, data=data, render=render, parse=parse, compute=compute, hand=hand,
                intent="chi-square test of independence on a 3x4 markdown contingency table with row/column labels",
                tools=["chi_square"], expect=[("chi2", REL_STAT), ("df", REL_INT), ("p", REL_P)])


@register
def w09():
    sup = ["Acme", "Borealis", "Corvid"]
    vals = {s: r1(rng.normal(mu, 1.8, 6)) for s, mu in zip(sup, [61.0, 63.4, 60.6])}
    order = rng.permutation(18)
    flat = [(s, v) for s in sup for v in vals[s]]
    rows = [flat[i] for i in order]
    data = {"grp": [s for s, _ in rows], "y": [v for _, v in rows]}

    def render(d):
        body = "\n".join(f"{s:<10}{f1(v)}" for s, v in zip(d["grp"], d["y"]))
        return ("Hardness (HRC) of test coupons from three suppliers, one row per coupon:\n\n"
                f"{'supplier':<10}hardness\n" + body +
                "\n\none-way ANOVA - does mean hardness differ between suppliers? F and p please")

    def parse(t):
        rows = re.findall(r"^(Acme|Borealis|Corvid)\s+(" + NUM + r")$", t, re.M)
        return {"grp": [s for s, _ in rows], "y": [num(v) for _, v in rows]}

    def groups(d):
        return [[v for g, v in zip(d["grp"], d["y"]) if g == s] for s in sup]

    def compute(d):
        r = st.f_oneway(*groups(d))
        return {"F": r.statistic, "p": r.pvalue}

    def hand(d):
        Fv, d1, d2 = f_anova(groups(d))
        return {"F": M(Fv), "p": f_sf(M(Fv), d1, d2)}

    return dict(kind=1, data=data, render=render, parse=parse, compute=compute, hand=hand,
                intent="one-way ANOVA from long-format rows (supplier, hardness), 3 groups of 6 in shuffled order",
                tools=["anova_oneway"], expect=[("F", REL_STAT), ("p", REL_P)])


@register
def w10():
    sites = ["Upstream", "Outfall", "Downstream"]
    sizes = [5, 6, 7]
    vals = {s: r1(np.exp(rng.normal(mu, 0.35, k))) for s, mu, k in zip(sites, [1.2, 1.75, 1.45], sizes)}
    order = rng.permutation(sum(sizes))
    flat = [(s, v) for s in sites for v in vals[s]]
    rows = [flat[i] for i in order]
    data = {"grp": [s for s, _ in rows], "y": [v for _, v in rows]}

    def render(d):
        body = "\n".join(f"{s}\t{f1(v)}" for s, v in zip(d["grp"], d["y"]))
        return ("Kruskal-Wallis on turbidity across the three sampling sites please (H corrected for ties, "
                "chi-square approximation for p). Grab samples taken 2024-06-03 to 2024-06-07.\n\n"
                "site\tturbidity_NTU\n" + body + "\n")

    def parse(t):
        rows = re.findall(r"^(Upstream|Outfall|Downstream)\t(" + NUM + r")$", t, re.M)
        return {"grp": [s for s, _ in rows], "y": [num(v) for _, v in rows]}

    def groups(d):
        return [[v for g, v in zip(d["grp"], d["y"]) if g == s] for s in sites]

    def compute(d):
        r = st.kruskal(*groups(d))
        return {"H": r.statistic, "p": r.pvalue}

    def hand(d):
        g = groups(d)
        allv = [v for gg in g for v in gg]
        rk = franks(allv)
        N = len(allv)
        pos, H = 0, Fr(0)
        for gg in g:
            R = sum(rk[pos:pos + len(gg)], Fr(0))
            H += R * R / len(gg)
            pos += len(gg)
        H = Fr(12, N * (N + 1)) * H - 3 * (N + 1)
        corr = 1 - Fr(sum(t ** 3 - t for t in tie_sizes(allv)), N ** 3 - N)
        H = H / corr
        return {"H": M(H), "p": chi2_sf(M(H), len(g) - 1)}

    return dict(kind=1, data=data, render=render, parse=parse, compute=compute, hand=hand,
                intent="Kruskal-Wallis H (tie-corrected) from long-format TSV (site, value); dates are irrelevant",
                tools=["kruskal_wallis"], expect=[("H", REL_STAT), ("p", REL_P)])


@register
def w11():
    spec = [f"S-{i + 1:02d}" for i in range(12)]
    a = np.round(rng.normal(62.0, 3.0, 12), 2)
    b = a - rng.normal(0.5, 1.0, 12)
    data = {"a": r2(a), "b": r2(b)}
    dd = [round(x - y, 2) for x, y in zip(data["a"], data["b"])]
    assert all(v != 0 for v in dd) and len(set(abs(v) for v in dd)) == len(dd), ("w11 needs no zeros/ties", dd)

    def render(d):
        rows = "\n".join(f"{s:<10}{f2(x):>8}{f2(y):>8}" for s, x, y in zip(spec, d["a"], d["b"]))
        return ("Round-robin on hardness specimens; both labs measured every specimen.\n\n"
                f"{'Specimen':<10}{'Lab A':>8}{'Lab B':>8}\n" + rows +
                "\n\nWilcoxon signed-rank test on the paired differences (Lab A - Lab B), two-sided, exact "
                "p-value. Report the W statistic (the smaller of the positive and negative rank sums) and p.")

    def parse(t):
        rows = re.findall(r"^S-\d\d\s+(" + NUM + r")\s+(" + NUM + r")$", t, re.M)
        return {"a": [num(x) for x, _ in rows], "b": [num(y) for _, y in rows]}

    def compute(d):
        r = st.wilcoxon(d["a"], d["b"], method="exact")
        return {"W": r.statistic, "p": r.pvalue}

    def hand(d):
        dif = [F(x) - F(y) for x, y in zip(d["a"], d["b"])]
        rk = franks([abs(v) for v in dif])
        wp = sum((r for r, v in zip(rk, dif) if v > 0), Fr(0))
        n = len(dif)
        wm = Fr(n * (n + 1), 2) - wp
        w = int(min(wp, wm))
        c = signed_rank_counts(n)
        p = min(1, 2 * Fr(sum(c[:w + 1]), 2 ** n))
        return {"W": w, "p": M(p)}

    return dict(kind=1, data=data, render=render, parse=parse, compute=compute, hand=hand,
                intent="Wilcoxon signed-rank exact test on Lab A - Lab B (aligned table, rows named by specimen)",
                tools=["wilcoxon_signed_rank"], expect=[("W", REL_STAT), ("p", REL_P)])


@register
def w12():
    fc = int(rng.binomial(22, 0.10))
    fu = int(rng.binomial(19, 0.45))
    data = {"coated": [22 - fc, fc], "uncoated": [19 - fu, fu]}

    def render(d):
        return ("Salt-spray results after 480 h exposure, panels scored pass/fail:\n\n"
                f"{'':<12}{'pass':>6}{'fail':>6}\n"
                f"{'coated':<12}{d['coated'][0]:>6}{d['coated'][1]:>6}\n"
                f"{'uncoated':<12}{d['uncoated'][0]:>6}{d['uncoated'][1]:>6}\n\n"
                "Small counts, so Fisher's exact test (two-sided) rather than chi-square. What's the p-value?")

    def parse(t):
        c = re.search(r"^coated\s+(\d+)\s+(\d+)$", t, re.M)
        u = re.search(r"^uncoated\s+(\d+)\s+(\d+)$", t, re.M)
        return {"coated": [num(c.group(1)), num(c.group(2))], "uncoated": [num(u.group(1)), num(u.group(2))]}

    def compute(d):
        r = st.fisher_exact([d["coated"], d["uncoated"]])
        return {"p": r.pvalue}

    def hand(d):
        a, b = d["coated"]
        c, dd = d["uncoated"]
        r1_, c1, N = a + b, a + c, a + b + c + dd

        def pr(k):
            return Fr(math.comb(c1, k) * math.comb(N - c1, r1_ - k), math.comb(N, r1_))
        p0 = pr(a)
        lo, hi = max(0, r1_ + c1 - N), min(r1_, c1)
        p = sum((pr(k) for k in range(lo, hi + 1) if pr(k) <= p0), Fr(0))
        return {"p": M(p)}

    return dict(kind=1, data=data, render=render, parse=parse, compute=compute, hand=hand,
                intent="Fisher exact two-sided on a 2x2 pass/fail table with row labels; 480 h is irrelevant",
                tools=["proportion_test"], expect=[("p", REL_P)])


@register
def w13():
    ops = ["Kim", "Lopez", "Moreau"]
    mach = ["M1", "M2"]
    eff_o = {"Kim": 0.0, "Lopez": 12.0, "Moreau": -6.0}
    eff_m = {"M1": 0.0, "M2": 9.0}
    flat = []
    for o in ops:
        for m in mach:
            for v in r1(rng.normal(eff_o[o] + eff_m[m], 8.0, 3)):
                flat.append((o, m, v))
    order = rng.permutation(len(flat))
    rows = [flat[i] for i in order]
    data = {"op": [r[0] for r in rows], "m": [r[1] for r in rows], "y": [r[2] for r in rows]}

    def render(d):
        body = "\n".join(f"{o},{m},{f1(v)}" for o, m, v in zip(d["op"], d["m"], d["y"]))
        return ("Bore diameter deviations from nominal (um) from a little study - 3 operators x 2 machines, "
                "3 parts each:\n\noperator,machine,dev_um\n" + body +
                "\n\nTwo-way ANOVA with interaction. I need the F for operator, the F for machine, and the "
                "p-value of the operator x machine interaction.")

    def parse(t):
        rows = re.findall(r"^(Kim|Lopez|Moreau),(M[12]),(" + NUM + r")$", t, re.M)
        return {"op": [r[0] for r in rows], "m": [r[1] for r in rows], "y": [num(r[2]) for r in rows]}

    def compute(d):
        df = pd.DataFrame({"op": d["op"], "m": d["m"], "y": d["y"]})
        a = anova_lm(smf.ols("y ~ C(op) * C(m)", data=df).fit(), typ=2)
        return {"F operator": a.loc["C(op)", "F"], "F machine": a.loc["C(m)", "F"],
                "p interaction": a.loc["C(op):C(m)", "PR(>F)"]}

    def hand(d):
        ys = [F(v) for v in d["y"]]
        gm = fmean(ys)
        cell = {(o, m): [F(v) for oo, mm, v in zip(d["op"], d["m"], d["y"]) if oo == o and mm == m]
                for o in ops for m in mach}
        r = 3
        mo = {o: fmean(cell[(o, "M1")] + cell[(o, "M2")]) for o in ops}
        mm_ = {m: fmean([v for o in ops for v in cell[(o, m)]]) for m in mach}
        ssa = sum((len(mach) * r * (mo[o] - gm) ** 2 for o in ops), Fr(0))
        ssb = sum((len(ops) * r * (mm_[m] - gm) ** 2 for m in mach), Fr(0))
        ssab = sum((r * (fmean(cell[(o, m)]) - mo[o] - mm_[m] + gm) ** 2 for o in ops for m in mach), Fr(0))
        sse = sum((fss(c) for c in cell.values()), Fr(0))
        dfe = len(ys) - len(cell)
        mse = sse / dfe
        Fab = ssab / 2 / mse
        return {"F operator": M(ssa / 2 / mse), "F machine": M(ssb / 1 / mse), "p interaction": f_sf(M(Fab), 2, dfe)}

    return dict(kind=1, data=data, render=render, parse=parse, compute=compute, hand=hand,
                intent="balanced two-way ANOVA with interaction from long-format CSV (operator, machine, value)",
                tools=["anova_twoway"], expect=[("F operator", REL_STAT), ("F machine", REL_STAT), ("p interaction", REL_P)])


@register
def w14():
    weeks = [f"wk {10 + i}" for i in range(12)]
    n = rng.integers(100, 201, 12)
    dft = rng.binomial(n, 0.05)
    dft[5] = n[5] + 11          # impossible: more rejected than inspected
    data = {"n": ints(n), "d": ints(dft)}

    def render(d):
        rows = "\n".join(f"{w}\t{a}\t{b}" for w, a, b in zip(weeks, d["n"], d["d"]))
        return ("Weekly incoming inspection of gaskets:\n\nweek\tinspected\trejected\n" + rows +
                "\n\nSet up a p chart (3-sigma limits, varying sample size) and tell me which weeks are out of control.")

    def parse(t):
        rows = re.findall(r"^wk \d+\t(\d+)\t(\d+)$", t, re.M)
        return {"n": [num(a) for a, _ in rows], "d": [num(b) for _, b in rows]}

    def defect(t, d):
        bad = [w for w, a, b in zip(weeks, d["n"], d["d"]) if b > a]
        assert bad == ["wk 15"], bad
        row = re.search(r"^wk 15\t(\d+)\t(\d+)$", t, re.M)
        assert int(row.group(2)) > int(row.group(1))
        return "impossible data: week 15 has more rejected (%d) than inspected (%d)" % (d["d"][5], d["n"][5])

    return dict(kind=1, data=data, render=render, parse=parse, refuse=True, defect=defect,
                intent="REFUSE: p chart requested but wk 15 reports more rejected than inspected (proportion > 1)",
                tools=["control_chart"], expect=[])


# =====================================================================
# KIND 2 -- intent carried by wording
# =====================================================================
@register
def w15():
    a = r1(rng.gamma(2.0, 3.0, 12) + 20)
    b = r1(rng.gamma(2.0, 3.0, 14) + 24)
    data = {"a": a, "b": b}

    def render(d):
        return ("Cycle times on the two packing lines (s). They're right-skewed with a long tail, so I don't "
                "want to assume normality.\n"
                "Line A: " + ", ".join(f1(v) for v in d["a"]) + "\n"
                "Line B: " + ", ".join(f1(v) for v in d["b"]) + "\n"
                "Do the lines differ? Give me the test statistic (the smaller U) and a two-sided p - normal "
                "approximation with continuity correction and tie correction is fine.")

    def parse(t):
        a = re.search(r"^Line A: (.+)$", t, re.M).group(1)
        b = re.search(r"^Line B: (.+)$", t, re.M).group(1)
        return {"a": nums(a), "b": nums(b)}

    def compute(d):
        r = st.mannwhitneyu(d["a"], d["b"], method="asymptotic", use_continuity=True)
        n1n2 = len(d["a"]) * len(d["b"])
        return {"U": min(r.statistic, n1n2 - r.statistic), "p": r.pvalue}

    def hand(d):
        A, B = [F(v) for v in d["a"]], [F(v) for v in d["b"]]
        U1 = sum((Fr(1) if x > y else Fr(1, 2) if x == y else Fr(0) for x in A for y in B), Fr(0))
        n1, n2 = len(A), len(B)
        N = n1 + n2
        mu = Fr(n1 * n2, 2)
        var = Fr(n1 * n2, 12) * ((N + 1) - Fr(sum(t ** 3 - t for t in tie_sizes(A + B)), N * (N - 1)))
        z = (abs(M(U1 - mu)) - mp.mpf(1) / 2) / mp.sqrt(M(var))
        return {"U": M(min(U1, n1 * n2 - U1)), "p": 2 * n_sf(z)}

    return dict(kind=2, data=data, render=render, parse=parse, compute=compute, hand=hand,
                intent="'don't assume normality' -> Mann-Whitney U, asymptotic p with continuity and tie correction",
                tools=["mann_whitney"], expect=[("U", REL_STAT), ("p", REL_P)])


@register
def w16():
    a = r2(rng.normal(10.0, 0.25, 9))
    b = r2(rng.normal(10.55, 0.7, 12))
    data = {"a": a, "b": b}

    def render(d):
        return ("Resistance (kOhm) of a 10k part from two suppliers.\n\n"
                "supplier 1: " + " ".join(f2(v) for v in d["a"]) + "\n"
                "supplier 2: " + " ".join(f2(v) for v in d["b"]) + "\n\n"
                "Run a two-sample t-test on the means - but not the pooled-variance one, supplier 2 is obviously "
                "much more spread out. Give t, the degrees of freedom and the two-sided p.")

    def parse(t):
        return {"a": nums(re.search(r"^supplier 1: (.+)$", t, re.M).group(1)),
                "b": nums(re.search(r"^supplier 2: (.+)$", t, re.M).group(1))}

    def compute(d):
        r = st.ttest_ind(d["a"], d["b"], equal_var=False)
        return {"|t|": abs(r.statistic), "df": r.df, "p": r.pvalue}

    def hand(d):
        n1, n2 = len(d["a"]), len(d["b"])
        v1, v2 = fvar(d["a"]) / n1, fvar(d["b"]) / n2
        t = M(fmean(d["a"]) - fmean(d["b"])) / mp.sqrt(M(v1 + v2))
        df = (v1 + v2) ** 2 / (v1 ** 2 / (n1 - 1) + v2 ** 2 / (n2 - 1))
        return {"|t|": abs(t), "df": M(df), "p": t_p2(t, M(df))}

    return dict(kind=2, data=data, render=render, parse=parse, compute=compute, hand=hand,
                intent="'not the pooled one' -> Welch t-test, Welch-Satterthwaite df",
                tools=["t_test"], expect=[("|t|", REL_STAT), ("df", REL_STAT), ("p", REL_P)])


@register
def w17():
    x = r1(rng.normal(501.4, 2.2, 15))
    data = {"mu0": 500, "x": x}

    def render(d):
        return (f"Nominal fill volume is {d['mu0']} ml. Fifteen bottles off filler head 6 this morning: "
                + ", ".join(f1(v) for v in d["x"]) +
                " ml. Is the average fill different from nominal? (t and p, two-sided)")

    def parse(t):
        mu0 = num(re.search(r"Nominal fill volume is (" + NUM + r") ml", t).group(1))
        x = nums(re.search(r"this morning: (.+?) ml\.", t).group(1))
        return {"mu0": mu0, "x": x}

    def compute(d):
        r = st.ttest_1samp(d["x"], d["mu0"])
        return {"t": r.statistic, "p": r.pvalue}

    def hand(d):
        n = len(d["x"])
        t = M(fmean(d["x"]) - d["mu0"]) / mp.sqrt(M(fvar(d["x"]) / n))
        return {"t": t, "p": t_p2(t, n - 1)}

    return dict(kind=2, data=data, render=render, parse=parse, compute=compute, hand=hand,
                intent="stated nominal 500 ml -> one-sample t-test of mean vs 500 (t = xbar - 500 over SE); 'head 6' irrelevant",
                tools=["t_test"], expect=[("t", REL_STAT), ("p", REL_P)])


@register
def w18():
    labels = [str(1041 + i) for i in range(16)]
    x = rng.normal(312, 4, 16)
    x[6] += 25
    data = {"x": r1(x)}
    EX = 6  # batch 1047

    def render(d):
        return ("Viscosity (cP), one reading per batch:\n\n"
                "batch | " + " | ".join(labels) + "\n"
                "cP    | " + " | ".join(f1(v) for v in d["x"]) + "\n\n"
                "Individuals chart please. Batch 1047 was made with the wrong resin lot, so leave it out "
                "completely (drop it from the sequence, don't just flag it) and recompute: the centre line and "
                "UCL of the individuals chart and the UCL of the moving-range chart.")

    def parse(t):
        row = re.search(r"^cP\s+\|(.+)$", t, re.M).group(1)
        return {"x": [num(v) for v in row.split("|")]}

    def kept(d):
        return [v for i, v in enumerate(d["x"]) if i != EX]

    def compute(d):
        x = np.array(kept(d))
        mr = np.abs(np.diff(x)).mean()
        return {"centre line": x.mean(), "UCL": x.mean() + E2 * mr, "MR UCL": SPC[2]["D4"] * mr}

    def hand(d):
        x = [F(v) for v in kept(d)]
        mr = sum((abs(x[i + 1] - x[i]) for i in range(len(x) - 1)), Fr(0)) / (len(x) - 1)
        m = fmean(x)
        return {"centre line": M(m), "UCL": M(m + Fr("2.660") * mr), "MR UCL": M(Fr("3.267") * mr)}

    return dict(kind=2, data=data, render=render, parse=parse, compute=compute, hand=hand,
                intent="I-MR chart after excluding batch 1047 from the sequence: mean, mean + 2.660 MRbar, 3.267 MRbar",
                tools=["control_chart"], expect=[("centre line", REL_STAT), ("UCL", REL_STAT), ("MR UCL", REL_STAT)])


@register
def w19():
    c = ints(rng.poisson(11, 25))
    data = {"c": c}

    def render(d):
        return ("We count the blemishes on every 10th windscreen coming off the line (all the same model, so "
                "the area is the same each time). Last 25 screens: " + " ".join(str(v) for v in d["c"]) +
                ".\nWhich control chart fits this, and what are its centre line and upper control limit?")

    def parse(t):
        return {"c": nums(re.search(r"Last 25 screens: (.+?)\.\n", t).group(1))}

    def compute(d):
        cb = float(np.mean(d["c"]))
        return {"centre line": cb, "UCL": cb + 3 * math.sqrt(cb)}

    def hand(d):
        cb = Fr(sum(d["c"]), len(d["c"]))
        return {"centre line": M(cb), "UCL": M(cb) + 3 * mp.sqrt(M(cb))}

    return dict(kind=2, data=data, render=render, parse=parse, compute=compute, hand=hand,
                intent="defect counts per identical unit -> c chart; 'every 10th' and '25' are not data",
                tools=["control_chart"], expect=[("centre line", REL_STAT), ("UCL", REL_STAT)])


@register
def w20():
    days = [3, 4, 5, 6, 7, 10, 11, 12, 13, 14]
    boards = rng.integers(15, 31, 10)
    dfc = rng.poisson(1.4 * boards)
    data = {"boards": ints(boards), "defects": ints(dfc)}
    K = 4  # 7 Jun

    def render(d):
        items = "; ".join(f"{dd} Jun - {b} boards, {c} defects" for dd, b, c in zip(days, d["boards"], d["defects"]))
        return ("AOI results for the last two weeks: " + items + ".\n"
                "The number of boards checked changes every day so a plain count chart isn't right - I want "
                "defects per board. Centre line, and the UCL and LCL for 7 Jun?")

    def parse(t):
        rows = re.findall(r"(\d+) Jun - (\d+) boards, (\d+) defects", t)
        return {"boards": [num(b) for _, b, _ in rows], "defects": [num(c) for _, _, c in rows]}

    def compute(d):
        ub = np.sum(d["defects"]) / np.sum(d["boards"])
        h = 3 * np.sqrt(ub / d["boards"][K])
        return {"centre line": ub, "UCL": ub + h, "LCL": ub - h}

    def hand(d):
        ub = Fr(sum(d["defects"]), sum(d["boards"]))
        h = 3 * mp.sqrt(M(ub / d["boards"][K]))
        return {"centre line": M(ub), "UCL": M(ub) + h, "LCL": M(ub) - h}

    return dict(kind=2, data=data, render=render, parse=parse, compute=compute, hand=hand,
                intent="defects over varying numbers of boards -> u chart; limits use the 7 Jun board count; dates are labels",
                tools=["control_chart"], expect=[("centre line", REL_STAT), ("UCL", REL_STAT), ("LCL", REL_STAT)])


@register
def w21():
    data = {"nom": 25.00, "tol": 0.05, "mean": 25.012, "s_all": 0.0142, "s_w": 0.0118}

    def render(d):
        return (f"Shaft diameter spec is {d['nom']:.2f} +/- {d['tol']:.2f} mm. Over the month we measured 125 shafts "
                f"(25 subgroups of 5): mean {d['mean']:.3f} mm, overall standard deviation {d['s_all']:.4f} mm; "
                f"the within-subgroup sigma from R-bar/d2 is {d['s_w']:.4f} mm. The customer wants Ppk, not Cpk. "
                "What are Pp and Ppk?")

    def parse(t):
        m = re.search(r"spec is (" + NUM + r") \+/- (" + NUM + r") mm", t)
        return {"nom": num(m.group(1)), "tol": num(m.group(2)),
                "mean": num(re.search(r"mean (" + NUM + r") mm", t).group(1)),
                "s_all": num(re.search(r"overall standard deviation (" + NUM + r") mm", t).group(1)),
                "s_w": num(re.search(r"R-bar/d2 is (" + NUM + r") mm", t).group(1))}

    def compute(d):
        usl, lsl = d["nom"] + d["tol"], d["nom"] - d["tol"]
        s = d["s_all"]
        return {"Ppk": min(usl - d["mean"], d["mean"] - lsl) / (3 * s), "Pp": (usl - lsl) / (6 * s)}

    def hand(d):
        usl, lsl, m, s = F(d["nom"]) + F(d["tol"]), F(d["nom"]) - F(d["tol"]), F(d["mean"]), F(d["s_all"])
        return {"Ppk": M(min(usl - m, m - lsl) / (3 * s)), "Pp": M((usl - lsl) / (6 * s))}

    return dict(kind=2, data=data, render=render, parse=parse, compute=compute, hand=hand,
                intent="Ppk asked (not Cpk): use the overall SD 0.0142 with spec 24.95-25.05; within sigma is a distractor",
                tools=["summary_capability"], expect=[("Ppk", REL_STAT), ("Pp", REL_STAT)])


@register
def w22():
    data = {"n": 5, "xbar": 12.046, "rbar": 0.083, "lsl": 12.00, "usl": 12.20}

    def render(d):
        return ("Our X-bar/R chart on the spigot OD has been stable for 6 weeks. "
                f"Subgroup size {d['n']}, grand average {d['xbar']:.3f} mm, average range {d['rbar']:.3f} mm. "
                f"Spec {d['lsl']:.2f} to {d['usl']:.2f} mm. Using the within-subgroup sigma (R-bar/d2), "
                "what are Cp and Cpk?")

    def parse(t):
        s = re.search(r"Spec (" + NUM + r") to (" + NUM + r") mm", t)
        return {"n": num(re.search(r"Subgroup size (\d+)", t).group(1)),
                "xbar": num(re.search(r"grand average (" + NUM + r") mm", t).group(1)),
                "rbar": num(re.search(r"average range (" + NUM + r") mm", t).group(1)),
                "lsl": num(s.group(1)), "usl": num(s.group(2))}

    def compute(d):
        sig = d["rbar"] / SPC[d["n"]]["d2"]
        return {"Cpk": min(d["usl"] - d["xbar"], d["xbar"] - d["lsl"]) / (3 * sig),
                "Cp": (d["usl"] - d["lsl"]) / (6 * sig)}

    def hand(d):
        sig = F(d["rbar"]) / hc(d["n"], "d2")
        u, l, m = F(d["usl"]), F(d["lsl"]), F(d["xbar"])
        return {"Cpk": M(min(u - m, m - l) / (3 * sig)), "Cp": M((u - l) / (6 * sig))}

    return dict(kind=2, data=data, render=render, parse=parse, compute=compute, hand=hand,
                intent="Cp/Cpk with sigma = R-bar/d2 (d2=2.326 for n=5); '6 weeks' irrelevant",
                tools=["summary_capability", "spc_constants"], expect=[("Cpk", REL_STAT), ("Cp", REL_STAT)],
                offsets={("n",): 1})


@register
def w23():
    pts = [(-1, -1), (1, -1), (-1, 1), (1, 1)]
    yf = r1([45 + 3.2 * a + 1.8 * b + 0.6 * a * b + e for (a, b), e in zip(pts, rng.normal(0, 0.6, 4))])
    yc = r1(45 + 2.4 + rng.normal(0, 0.6, 4))
    data = {"yf": yf, "yc": yc}

    def render(d):
        lines = "\n".join(f"A={a:+d}, B={b:+d}: {f1(v)}" for (a, b), v in zip(pts, d["yf"]))
        return ("2^2 factorial with 4 centre points, coded units. Results:\n" + lines +
                "\ncentre (0,0): " + ", ".join(f1(v) for v in d["yc"]) +
                "\nIs there significant curvature? Give the curvature sum of squares, F and p (tested against "
                "pure error from the centre points).")

    def parse(t):
        yf = [num(v) for _, _, v in re.findall(r"A=([+-]1), B=([+-]1): (" + NUM + ")", t)]
        yc = nums(re.search(r"centre \(0,0\): (.+)$", t, re.M).group(1))
        return {"yf": yf, "yc": yc}

    def compute(d):
        df = pd.DataFrame({"A": [a for a, _ in pts] + [0] * len(d["yc"]),
                           "B": [b for _, b in pts] + [0] * len(d["yc"]),
                           "ctr": [0] * 4 + [1] * len(d["yc"]), "y": d["yf"] + d["yc"]})
        a = anova_lm(smf.ols("y ~ A * B + ctr", data=df).fit(), typ=2)
        return {"SS curvature": a.loc["ctr", "sum_sq"], "F": a.loc["ctr", "F"], "p": a.loc["ctr", "PR(>F)"]}

    def hand(d):
        nf, nc = len(d["yf"]), len(d["yc"])
        ss = Fr(nf * nc, nf + nc) * (fmean(d["yf"]) - fmean(d["yc"])) ** 2
        mspe = fvar(d["yc"])
        return {"SS curvature": M(ss), "F": M(ss / mspe), "p": f_sf(M(ss / mspe), 1, nc - 1)}

    return dict(kind=2, data=data, render=render, parse=parse, compute=compute, hand=hand,
                intent="curvature test in 2^2 + 4 centre points: SS = nF nC (ybarF - ybarC)^2/(nF+nC), F vs pure error (3 df)",
                tools=["doe_curvature"], expect=[("SS curvature", REL_STAT), ("F", REL_STAT), ("p", REL_P)])


@register
def w24():
    x = r1(rng.normal(48.6, 2.0, 12))
    data = {"mu0": 50, "x": x}

    def render(d):
        return (f"The supplier says the mean breaking strength of their cable ties is at least {d['mu0']} N. "
                "We pulled 12 from the last delivery (PO 88123):\n" + ", ".join(f1(v) for v in d["x"]) +
                "\nDo our results contradict the claim at the 5% level? Only a shortfall matters to us - "
                "give me the t statistic and the one-sided p.")

    def parse(t):
        return {"mu0": num(re.search(r"is at least (" + NUM + r") N", t).group(1)),
                "x": nums(re.search(r"\(PO \d+\):\n(.+)$", t, re.M).group(1))}

    def compute(d):
        r = st.ttest_1samp(d["x"], d["mu0"], alternative="less")
        return {"t": r.statistic, "p": r.pvalue}

    def hand(d):
        n = len(d["x"])
        t = M(fmean(d["x"]) - d["mu0"]) / mp.sqrt(M(fvar(d["x"]) / n))
        return {"t": t, "p": t_lower(t, n - 1)}

    return dict(kind=2, data=data, render=render, parse=parse, compute=compute, hand=hand,
                intent="claim 'at least 50 N' -> one-sided (lower) one-sample t-test, H1: mu < 50; PO number irrelevant",
                tools=["t_test"], expect=[("t", REL_STAT), ("p", REL_P)])


@register
def w25():
    a = r1(rng.normal(78.3, 2.1, 8))
    b = r1(rng.normal(81.0, 2.3, 8))
    data = {"a": a, "b": b}

    def render(d):
        return ("conversion (%) with catalyst K-12 vs catalyst K-31, 8 runs each\n"
                "K-12 - " + ", ".join(f1(v) for v in d["a"]) + "\n"
                "K-31 - " + ", ".join(f1(v) for v in d["b"]) + "\n"
                "same reactor, same analyser, so assume equal variances. two-sample t test: t, df, p (two-sided)?")

    def parse(t):
        return {"a": nums(re.search(r"^K-12 - (.+)$", t, re.M).group(1)),
                "b": nums(re.search(r"^K-31 - (.+)$", t, re.M).group(1))}

    def compute(d):
        r = st.ttest_ind(d["a"], d["b"], equal_var=True)
        return {"|t|": abs(r.statistic), "df": int(round(r.df)), "p": r.pvalue}

    def hand(d):
        n1, n2 = len(d["a"]), len(d["b"])
        sp2 = (fss(d["a"]) + fss(d["b"])) / (n1 + n2 - 2)
        t = M(fmean(d["a"]) - fmean(d["b"])) / mp.sqrt(M(sp2 * (Fr(1, n1) + Fr(1, n2))))
        return {"|t|": abs(t), "df": n1 + n2 - 2, "p": t_p2(t, n1 + n2 - 2)}

    return dict(kind=2, data=data, render=render, parse=parse, compute=compute, hand=hand,
                intent="'assume equal variances' -> pooled two-sample t-test, df = 14; catalyst names contain numbers",
                tools=["t_test"], expect=[("|t|", REL_STAT), ("df", REL_INT), ("p", REL_P)])


@register
def w26():
    data = {"lsl": 9.95, "usl": 10.05, "mean": 10.012}

    def render(d):
        return (f"Bore diameter: LSL {d['lsl']:.2f} mm, USL {d['usl']:.2f} mm. Last week's 50 parts from cell 3 "
                f"averaged {d['mean']:.3f} mm. What's our Cpk?")

    def parse(t):
        return {"lsl": num(re.search(r"LSL (" + NUM + ")", t).group(1)),
                "usl": num(re.search(r"USL (" + NUM + ")", t).group(1)),
                "mean": num(re.search(r"averaged (" + NUM + ")", t).group(1))}

    def defect(t, d):
        assert not re.search(r"sigma|standard dev|std|\bsd\b|s\.d\.|range|R-bar|s-bar|variance|spread", t, re.I)
        assert len(re.findall(NUM, t)) == 5          # LSL, USL, 50, 3, mean: no raw data
        return "missing spread: only the mean and spec limits are given, no SD / range / raw data for sigma"

    return dict(kind=2, data=data, render=render, parse=parse, refuse=True, defect=defect,
                intent="REFUSE: Cpk needs a process sigma; only mean and spec limits are given",
                tools=["summary_capability"], expect=[])


@register
def w27():
    before = r1(rng.normal(12.0, 0.4, 9))
    after = r1(rng.normal(11.7, 0.4, 7))
    data = {"before": before, "after": after}

    def render(d):
        return ("Surface roughness Ra (um) on the same set of brackets before and after the new polishing step.\n"
                "Before: " + " ".join(f1(v) for v in d["before"]) + "\n"
                "After:  " + " ".join(f1(v) for v in d["after"]) + "\n"
                "Same brackets measured twice, so please do a paired t-test of before vs after.")

    def parse(t):
        return {"before": nums(re.search(r"^Before: (.+)$", t, re.M).group(1)),
                "after": nums(re.search(r"^After:\s+(.+)$", t, re.M).group(1))}

    def defect(t, d):
        assert len(d["before"]) == 9 and len(d["after"]) == 7
        assert "paired" in t and "same" in t.lower()
        return "wrong shapes: a paired test is asked but there are 9 'before' and 7 'after' values with no bracket IDs to pair them"

    return dict(kind=2, data=data, render=render, parse=parse, refuse=True, defect=defect,
                intent="REFUSE: paired t-test on lists of unequal length (9 vs 7) with no IDs",
                tools=["t_test"], expect=[])


@register
def w28():
    g = [r2(rng.normal(20.0, s, 8)) for s in (0.12, 0.21, 0.15)]
    data = {"g": g}

    def render(d):
        return ("Wall thickness (mm) from three moulds, 8 shots each:\n"
                + "\n".join(f"mould {k + 1}: " + ", ".join(f2(v) for v in gg) for k, gg in enumerate(d["g"])) +
                "\nDoes the spread differ between moulds? Use the median-centred version of Levene's test "
                "(Brown-Forsythe), not the mean-centred one. Statistic and p?")

    def parse(t):
        return {"g": [nums(m) for m in re.findall(r"^mould \d: (.+)$", t, re.M)]}

    def compute(d):
        r = st.levene(*d["g"], center="median")
        return {"F": r.statistic, "p": r.pvalue}

    def hand(d):
        z = [[abs(F(v) - fmedian(gg)) for v in gg] for gg in d["g"]]
        Fv, d1, d2 = f_anova(z)
        return {"F": M(Fv), "p": f_sf(M(Fv), d1, d2)}

    return dict(kind=2, data=data, render=render, parse=parse, compute=compute, hand=hand,
                intent="'median-centred, not mean-centred' -> Brown-Forsythe test (ANOVA on |x - median|)",
                tools=["levene"], expect=[("F", REL_STAT), ("p", REL_P)])


# =====================================================================
# KIND 3 -- numbers in prose with roles
# =====================================================================
def full2(k):
    return np.array(list(itertools.product([-1, 1], repeat=k)), dtype=float)


def gf2_words_closure(words):
    """all non-empty products of a set of words (frozensets of letters)"""
    out = set()
    for r in range(1, len(words) + 1):
        for combo in itertools.combinations(words, r):
            w = frozenset()
            for c in combo:
                w = w.symmetric_difference(c)
            out.add(w)
    return out


@register
def w29():
    data = {"k": 4, "reps": 2, "cp": 3}

    def render(d):
        return (f"Planning a 2-level full factorial on {d['k']} factors (temperature, pressure, feed rate, dwell) "
                "for Line 7 - the rig was rebuilt in 2019 so old data don't count. We'll replicate the whole "
                f"factorial {twice(d['reps'])} and add {d['cp']} centre points at the end. How many runs is that in total?")

    def parse(t):
        return {"k": num(re.search(r"full factorial on (\d+) factors", t).group(1)),
                "reps": untwice(re.search(r"whole factorial (once|twice|three times|\d+ times)", t).group(1)),
                "cp": num(re.search(r"add (\d+) centre points", t).group(1))}

    def compute(d):
        X = np.vstack([full2(d["k"])] * d["reps"] + [np.zeros((d["cp"], d["k"]))])
        return {"runs": int(X.shape[0])}

    def hand(d):
        return {"runs": 2 ** d["k"] * d["reps"] + d["cp"]}

    return dict(kind=3, data=data, render=render, parse=parse, compute=compute, hand=hand,
                intent="2^4 full factorial x 2 replicates + 3 centre points (not replicated) = 35; Line 7 / 2019 irrelevant",
                tools=["doe_design"], expect=[("runs", REL_INT)])


@register
def w30():
    data = {"k": 5, "cap": 8}

    def render(d):
        return (f"We want a full 2^{d['k']} factorial, no replicates. The furnace only takes {d['cap']} runs a day "
                "and each day has to be treated as a block. First day is 14 March, furnace room 3B. "
                "How many runs in total, and how many blocks?")

    def parse(t):
        return {"k": num(re.search(r"full 2\^(\d+) factorial", t).group(1)),
                "cap": num(re.search(r"takes (\d+) runs a day", t).group(1))}

    def compute(d):
        k = d["k"]
        X = full2(k)
        nb = X.shape[0] // d["cap"]
        assert nb * d["cap"] == X.shape[0] and nb & (nb - 1) == 0
        p = int(round(math.log2(nb)))
        letters = list(range(k))
        cands = [frozenset(c) for r in range(k, 1, -1) for c in itertools.combinations(letters, r)]
        best = None
        for ws in itertools.combinations(cands, p):
            cl = gf2_words_closure(ws)
            if len(cl) == 2 ** p - 1 and min(len(w) for w in cl) >= 2:
                best = ws
                break
        labels = [tuple(int(np.prod(row[list(w)])) for w in best) for row in X]
        blocks = {}
        for lab in labels:
            blocks[lab] = blocks.get(lab, 0) + 1
        assert all(v == d["cap"] for v in blocks.values())
        return {"runs": int(X.shape[0]), "blocks": len(blocks)}

    def hand(d):
        return {"runs": 2 ** d["k"], "blocks": 2 ** d["k"] // d["cap"]}

    return dict(kind=3, data=data, render=render, parse=parse, compute=compute, hand=hand,
                intent="2^5 = 32 runs in blocks of the daily capacity 8 -> 4 blocks; date and room are irrelevant",
                tools=["doe_design"], expect=[("runs", REL_INT), ("blocks", REL_INT)], offsets={("k",): 1})


@register
def w31():
    data = {"k": 6, "p": 2, "cp": 2}
    gens = {"E": "ABC", "F": "BCD"}

    def render(d):
        return (f"Factors A to F. We're running a 2^({d['k']}-{d['p']}) fractional factorial with generators "
                f"E = ABC and F = BCD, plus {d['cp']} centre points. How many runs is that, and what's the resolution?")

    def parse(t):
        m = re.search(r"2\^\((\d+)-(\d+)\)", t)
        return {"k": num(m.group(1)), "p": num(m.group(2)),
                "cp": num(re.search(r"plus (\d+) centre points", t).group(1))}

    def build(d):
        base = "ABCDEFGHIJ"[: d["k"] - d["p"]]
        assert d["k"] - d["p"] == 4 and d["p"] == len(gens)
        X = full2(len(base))
        cols = {c: X[:, i] for i, c in enumerate(base)}
        for g, w in gens.items():
            cols[g] = np.prod([cols[c] for c in w], axis=0)
        return np.column_stack([cols[c] for c in "ABCDEF"])

    def compute(d):
        D = build(d)
        runs = np.vstack([D, np.zeros((d["cp"], D.shape[1]))]).shape[0]
        words = [frozenset(w + g) for g, w in gens.items()]
        res = min(len(w) for w in gf2_words_closure(words))
        return {"runs": int(runs), "resolution": res}

    def hand(d):
        D = build(d)
        res = None
        for r in range(1, D.shape[1] + 1):
            for cols in itertools.combinations(range(D.shape[1]), r):
                prod = np.prod(D[:, cols], axis=1)
                if np.all(prod == prod[0]):
                    res = r
                    break
            if res:
                break
        return {"runs": 2 ** (d["k"] - d["p"]) + d["cp"], "resolution": res}

    return dict(kind=3, data=data, render=render, parse=parse, compute=compute, hand=hand,
                intent="2^(6-2), E=ABC, F=BCD: I=ABCE=BCDF=ADEF -> resolution IV; 16 + 2 centre = 18 runs",
                tools=["doe_design", "doe_properties"], expect=[("runs", REL_INT), ("resolution", REL_INT)])


@register
def w32():
    data = {"k": 4, "cp": 3}

    def render(d):
        return (f"Response surface study on {d['k']} factors (coolant concentration, spindle speed, feed, depth of cut) "
                f"using a Box-Behnken design with {d['cp']} centre points. Machine #12, job 4471. How many runs do we need?")

    def parse(t):
        return {"k": num(re.search(r"study on (\d+) factors", t).group(1)),
                "cp": num(re.search(r"with (\d+) centre points", t).group(1))}

    def compute(d):
        k = d["k"]
        assert 3 <= k <= 5
        rows = []
        for i, j in itertools.combinations(range(k), 2):
            for a, b in itertools.product([-1, 1], repeat=2):
                r = [0] * k
                r[i], r[j] = a, b
                rows.append(r)
        rows += [[0] * k] * d["cp"]
        D = np.array(rows)
        assert set(np.unique(D)) == {-1, 0, 1}
        return {"runs": int(D.shape[0])}

    def hand(d):
        return {"runs": 2 * d["k"] * (d["k"] - 1) + d["cp"]}

    return dict(kind=3, data=data, render=render, parse=parse, compute=compute, hand=hand,
                intent="Box-Behnken, 4 factors: 24 edge runs + 3 centre points = 27; machine/job numbers irrelevant",
                tools=["doe_design"], expect=[("runs", REL_INT)], offsets={("k",): 1})


@register
def w33():
    data = {"k": 3, "cp": 6}

    def render(d):
        return (f"planning a rotatable central composite design in {d['k']} factors with {d['cp']} centre points. "
                "total number of runs, and what axial distance alpha makes it rotatable?")

    def parse(t):
        return {"k": num(re.search(r"design in (\d+) factors", t).group(1)),
                "cp": num(re.search(r"with (\d+) centre points", t).group(1))}

    def compute(d):
        k = d["k"]
        fac = full2(k)
        a = (2 ** k) ** 0.25
        ax = np.vstack([s * a * np.eye(k)[i] for i in range(k) for s in (-1, 1)])
        D = np.vstack([fac, ax, np.zeros((d["cp"], k))])
        assert abs(np.sum(D[:, 0] ** 4) - 3 * np.sum(D[:, 0] ** 2 * D[:, 1] ** 2)) < 1e-9   # rotatable
        return {"runs": int(D.shape[0]), "alpha": a}

    def hand(d):
        return {"runs": 2 ** d["k"] + 2 * d["k"] + d["cp"], "alpha": mp.root(mp.mpf(2) ** d["k"], 4)}

    return dict(kind=3, data=data, render=render, parse=parse, compute=compute, hand=hand,
                intent="rotatable CCD, 3 factors: 8 + 6 axial + 6 centre = 20 runs, alpha = 8^(1/4)",
                tools=["doe_design", "doe_properties"], expect=[("runs", REL_INT), ("alpha", REL_STAT)],
                offsets={("k",): 1})


PB_GEN = {
    8: "+++-+--",
    12: "++-+++---+-",
    16: "++++-+-++--+---",
    20: "++--++++-+-+----++-",
    24: "+++++-+-++--++--+-+----",
}


@register
def w34():
    data = {"k": 9}

    def render(d):
        return (f"We need to screen {d['k']} factors on the extruder (line 2, week 37) with a Plackett-Burman design. "
                "What's the smallest standard Plackett-Burman run size that can take all of them?")

    def parse(t):
        return {"k": num(re.search(r"screen (\d+) factors", t).group(1))}

    def compute(d):
        N = min(n for n in PB_GEN if n - 1 >= d["k"])
        g = [1 if c == "+" else -1 for c in PB_GEN[N]]
        rows = [g[-i:] + g[:-i] if i else g[:] for i in range(N - 1)] + [[-1] * (N - 1)]
        D = np.array(rows)
        assert np.array_equal(D.T @ D, N * np.eye(N - 1))        # orthogonal columns
        assert np.all(D.sum(axis=0) == 0)
        return {"runs": int(D[:, : d["k"]].shape[0])}

    def hand(d):
        return {"runs": 4 * (d["k"] // 4 + 1)}

    return dict(kind=3, data=data, render=render, parse=parse, compute=compute, hand=hand,
                intent="Plackett-Burman for 9 factors -> 12 runs (smallest multiple of 4 above k); line/week irrelevant",
                tools=["doe_design"], expect=[("runs", REL_INT)], offsets={("k",): 7})


def t_power_hand(d_eff, n, alpha):
    """two-sample t power (two-sided), by integrating the noncentral t over the chi-square of the SD"""
    nu = 2 * n - 2
    delta = mp.mpf(d_eff) * mp.sqrt(mp.mpf(n) / 2)
    c = bisect(lambda t: t_p2(t, nu) - alpha, 0, 50)
    dens = lambda v: mp.exp((nu / 2 - 1) * mp.log(v) - v / 2 - (nu / 2) * mp.log(2) - mp.loggamma(mp.mpf(nu) / 2))
    f = lambda v: dens(v) * (n_cdf(delta - c * mp.sqrt(v / nu)) + n_cdf(-delta - c * mp.sqrt(v / nu)))
    return mp.quad(f, [0, nu / 2, nu, 2 * nu, 4 * nu, mp.inf])


@register
def w35():
    data = {"delta": 2.5, "sd": 4, "alpha": 0.05, "power": 90}

    def render(d):
        return ("We want to compare two tool vendors on mean bore diameter and be able to detect a difference of "
                f"{d['delta']} um. The process standard deviation is about {d['sd']} um. Two-sided two-sample t-test, "
                f"alpha = {d['alpha']}, {d['power']}% power. How many parts do we need from each vendor?")

    def parse(t):
        return {"delta": num(re.search(r"difference of (" + NUM + r") um", t).group(1)),
                "sd": num(re.search(r"deviation is about (" + NUM + r") um", t).group(1)),
                "alpha": num(re.search(r"alpha = (" + NUM + ")", t).group(1)),
                "power": num(re.search(r"(" + NUM + r")% power", t).group(1))}

    def compute(d):
        assert 0 < d["alpha"] < 1 and 0 < d["power"] < 100
        n = TTestIndPower().solve_power(effect_size=d["delta"] / d["sd"], alpha=d["alpha"],
                                        power=d["power"] / 100, alternative="two-sided")
        return {"n per group": int(math.ceil(n - 1e-9))}

    def hand(d):
        es = F(d["delta"]) / F(d["sd"])
        z = n_ppf(1 - M(F(d["alpha"])) / 2) + n_ppf(M(Fr(d["power"], 100)))
        n = max(2, int(mp.floor(2 * (z / M(es)) ** 2)) - 2)
        target = M(Fr(d["power"], 100))
        while t_power_hand(M(es), n, M(F(d["alpha"]))) < target:
            n += 1
        return {"n per group": n}

    return dict(kind=3, data=data, render=render, parse=parse, compute=compute, hand=hand,
                intent="two-sample t sample size: d = 2.5/4, alpha 0.05 two-sided, power 0.90 -> n per vendor (rounded up)",
                tools=["power"], expect=[("n per group", REL_INT)])


@register
def w36():
    data = {"n": 5, "xbb": 10.02, "rbar": 0.12}

    def render(d):
        return (f"Every hour we pull {d['n']} consecutive shafts off press 3. After 25 hours (125 shafts) the grand "
                f"mean is {d['xbb']:.2f} mm and R-bar is {d['rbar']:.2f} mm. What are the control limits for the "
                "X-bar and R charts?")

    def parse(t):
        return {"n": num(re.search(r"we pull (\d+) consecutive", t).group(1)),
                "xbb": num(re.search(r"grand mean is (" + NUM + ") mm", t).group(1)),
                "rbar": num(re.search(r"R-bar is (" + NUM + ") mm", t).group(1))}

    def compute(d):
        c = SPC[d["n"]]
        return {"UCL": d["xbb"] + c["A2"] * d["rbar"], "LCL": d["xbb"] - c["A2"] * d["rbar"],
                "R UCL": c["D4"] * d["rbar"]}

    def hand(d):
        x, r = F(d["xbb"]), F(d["rbar"])
        return {"UCL": M(x + hc(d["n"], "A2") * r), "LCL": M(x - hc(d["n"], "A2") * r),
                "R UCL": M(hc(d["n"], "D4") * r)}

    return dict(kind=3, data=data, render=render, parse=parse, compute=compute, hand=hand,
                intent="X-bar/R from summary: subgroup n=5 (A2=0.577, D4=2.114); press 3, 25 h, 125 shafts are not inputs",
                tools=["summary_chart"], expect=[("UCL", REL_STAT), ("LCL", REL_STAT), ("R UCL", REL_STAT)],
                offsets={("n",): 1})


@register
def w37():
    data = {"n": 150, "days": 20, "total": 84}

    def render(d):
        return (f"Each morning QC pulls {d['n']} connectors at random from the overnight run and counts the "
                f"defective ones. Over the last {d['days']} mornings they found {d['total']} defectives altogether. "
                "Set up an np chart - centre line and UCL?")

    def parse(t):
        return {"n": num(re.search(r"pulls (\d+) connectors", t).group(1)),
                "days": num(re.search(r"last (\d+) mornings", t).group(1)),
                "total": num(re.search(r"found (\d+) defectives", t).group(1))}

    def compute(d):
        npb = d["total"] / d["days"]
        pb = npb / d["n"]
        return {"centre line": npb, "UCL": npb + 3 * math.sqrt(npb * (1 - pb))}

    def hand(d):
        npb = Fr(d["total"], d["days"])
        return {"centre line": M(npb), "UCL": M(npb) + 3 * mp.sqrt(M(npb * (1 - npb / d["n"])))}

    return dict(kind=3, data=data, render=render, parse=parse, compute=compute, hand=hand,
                intent="np chart from totals: np-bar = 84/20 = 4.2, p-bar = 4.2/150, UCL = np-bar + 3 sqrt(np-bar(1-p-bar))",
                tools=["control_chart", "evaluate"], expect=[("centre line", REL_STAT), ("UCL", REL_STAT)])


@register
def w38():
    data = {"diff": 3, "power": 80, "alpha": 0.05}

    def render(d):
        return (f"How many samples per group do I need to detect a {d['diff']} mm difference in mean part length "
                f"between the two moulds with {d['power']}% power at alpha = {d['alpha']}? (two-sided two-sample t-test)")

    def parse(t):
        return {"diff": num(re.search(r"detect a (" + NUM + ") mm", t).group(1)),
                "power": num(re.search(r"(" + NUM + ")% power", t).group(1)),
                "alpha": num(re.search(r"alpha = (" + NUM + ")", t).group(1))}

    def defect(t, d):
        assert not re.search(r"sigma|standard dev|\bsd\b|variance|spread|effect size|cohen|\bd =", t, re.I)
        return "missing spread: a difference in mm is given but no SD (or standardised effect size) to size the test"

    return dict(kind=3, data=data, render=render, parse=parse, refuse=True, defect=defect,
                intent="REFUSE: sample size for a 3 mm difference without any standard deviation",
                tools=["power"], expect=[])


@register
def w39():
    data = {"k": 5, "p": 1}

    def render(d):
        return (f"For our {d['k']} factors I'd like a 2^({d['k']}-{d['p']}) half fraction of resolution VI, so that "
                "two-factor interactions are clear of each other and of the three-factor interactions. "
                "Which generator should I use, and how many runs is it?")

    def parse(t):
        m = re.search(r"2\^\((\d+)-(\d+)\)", t)
        k1 = num(re.search(r"For our (\d+) factors", t).group(1))
        assert k1 == num(m.group(1))
        return {"k": k1, "p": num(m.group(2))}

    def defect(t, d):
        assert "resolution VI" in t
        k = d["k"]
        base = list(range(k - 1))
        best = max(len(s) + 1 for r in range(1, k) for s in itertools.combinations(base, r))
        assert d["p"] == 1 and best == 5 < 6
        return "design cannot exist: the best 2^(5-1) (E = ABCD, I = ABCDE) is resolution V; resolution VI is impossible"

    return dict(kind=3, data=data, render=render, parse=parse, refuse=True, defect=defect,
                intent="REFUSE: a 2^(5-1) of resolution VI does not exist (maximum is V)",
                tools=["doe_design", "doe_properties"], expect=[])


@register
def w40():
    data = {"n": 8, "xbb": 502.4, "sbar": 3.1}

    def render(d):
        return (f"Filling line, subgroups of {d['n']} bottles, 30 subgroups so far (batch 2211). Grand mean fill weight "
                f"{d['xbb']:.1f} g, average subgroup standard deviation {d['sbar']:.1f} g. Give me the X-bar chart "
                "UCL and LCL and the S chart UCL.")

    def parse(t):
        return {"n": num(re.search(r"subgroups of (\d+) bottles", t).group(1)),
                "xbb": num(re.search(r"fill weight (" + NUM + ") g", t).group(1)),
                "sbar": num(re.search(r"standard deviation (" + NUM + ") g", t).group(1))}

    def compute(d):
        c = SPC[d["n"]]
        return {"UCL": d["xbb"] + c["A3"] * d["sbar"], "LCL": d["xbb"] - c["A3"] * d["sbar"],
                "S UCL": c["B4"] * d["sbar"]}

    def hand(d):
        x, s = F(d["xbb"]), F(d["sbar"])
        return {"UCL": M(x + hc(d["n"], "A3") * s), "LCL": M(x - hc(d["n"], "A3") * s),
                "S UCL": M(hc(d["n"], "B4") * s)}

    return dict(kind=3, data=data, render=render, parse=parse, compute=compute, hand=hand,
                intent="X-bar/S from summary, n = 8 (A3 = 1.099, B4 = 1.815); 30 subgroups and batch 2211 are not inputs",
                tools=["summary_chart"], expect=[("UCL", REL_STAT), ("LCL", REL_STAT), ("S UCL", REL_STAT)],
                offsets={("n",): 1})


@register
def w41():
    std = [(-1, -1, -1), (1, -1, -1), (-1, 1, -1), (1, 1, -1), (-1, -1, 1), (1, -1, 1), (-1, 1, 1), (1, 1, 1)]
    y = r1([60 + 2.4 * a - 1.1 * b + 1.5 * c + 0.9 * a * b + e for (a, b, c), e in zip(std, rng.normal(0, 0.4, 8))])
    data = {"y": y}

    def render(d):
        return ("Unreplicated 2^3, runs listed in standard order (1), a, b, ab, c, ac, bc, abc. Lot 8842, "
                "run on 2024-05-17.\nYields (%): " + ", ".join(f1(v) for v in d["y"]) +
                "\nWhat are the main effects of A and C and the AB interaction effect "
                "(mean at the high level minus mean at the low level)?")

    def parse(t):
        return {"y": nums(re.search(r"^Yields \(%\): (.+)$", t, re.M).group(1))}

    def compute(d):
        df = pd.DataFrame(std, columns=["A", "B", "C"])
        df["y"] = d["y"]
        f = smf.ols("y ~ A * B * C", data=df).fit()
        return {"effect A": 2 * f.params["A"], "effect C": 2 * f.params["C"], "effect AB": 2 * f.params["A:B"]}

    def hand(d):
        ys = [F(v) for v in d["y"]]

        def eff(sg):
            return sum((s * v for s, v in zip(sg, ys)), Fr(0)) / 4
        return {"effect A": M(eff([a for a, _, _ in std])), "effect C": M(eff([c for _, _, c in std])),
                "effect AB": M(eff([a * b for a, b, _ in std]))}

    return dict(kind=3, data=data, render=render, parse=parse, compute=compute, hand=hand,
                intent="2^3 effects from yields in Yates order: contrast/4 for A, C, AB; lot number and date ignored",
                tools=["doe_effects"], expect=[("effect A", REL_STAT), ("effect C", REL_STAT), ("effect AB", REL_STAT)])


@register
def w42():
    x = r2(rng.normal(8.40, 0.05, 40))
    data = {"k": 4, "x": x}

    def render(d):
        xs = [f2(v) for v in d["x"]]
        lines = "\n".join(" ".join(xs[i:i + 12]) for i in range(0, len(xs), 12))
        return (f"Readings below were taken in subgroups of {d['k']} consecutive pieces (read left to right, line by "
                "line). X-bar and R chart please: the grand mean, the X-bar UCL and the R chart UCL.\n\n" + lines + "\n")

    def parse(t):
        k = num(re.search(r"subgroups of (\d+) consecutive", t).group(1))
        block = t.split("\n\n", 1)[1]
        return {"k": k, "x": nums(block)}

    def compute(d):
        g = np.array(d["x"]).reshape(-1, d["k"])
        xbb, rb = g.mean(axis=1).mean(), np.ptp(g, axis=1).mean()
        c = SPC[d["k"]]
        return {"grand mean": xbb, "UCL": xbb + c["A2"] * rb, "R UCL": c["D4"] * rb}

    def hand(d):
        k = d["k"]
        xs = [F(v) for v in d["x"]]
        sub = [xs[i:i + k] for i in range(0, len(xs), k)]
        xbb = sum((fmean(s) for s in sub), Fr(0)) / len(sub)
        rb = sum((max(s) - min(s) for s in sub), Fr(0)) / len(sub)
        return {"grand mean": M(xbb), "UCL": M(xbb + hc(k, "A2") * rb), "R UCL": M(hc(k, "D4") * rb)}

    return dict(kind=3, data=data, render=render, parse=parse, compute=compute, hand=hand,
                intent="X-bar/R from a wrapped stream of 40 readings in subgroups of 4 (A2=0.729, D4=2.282)",
                tools=["control_chart"], expect=[("grand mean", REL_STAT), ("UCL", REL_STAT), ("R UCL", REL_STAT)],
                offsets={("k",): 1})


# =====================================================================
# KIND 4 -- maths (typos deliberate)
# =====================================================================
def expr_check(s, rebuilt):
    """the expression sympy reads from the text equals the one rebuilt from the parsed numbers"""
    assert sp.simplify(sparse(s) - sparse(rebuilt)) == 0, (s, rebuilt)


@register
def w43():
    data = {"p": 4, "a": 2, "order": 3, "x0": 1}
    ex = lambda d: f"x^{d['p']}*e^({d['a']}x)"

    def render(d):
        return f"pls differentiate {ex(d)} {d['order']} times and evalute the result at x = {d['x0']}"

    def parse(t):
        m = re.search(r"differentiate (.+?) (\d+) times and evalute the result at x = (" + NUM + ")", t)
        p, a = unums(m.group(1))
        d = {"p": p, "a": a, "order": num(m.group(2)), "x0": num(m.group(3))}
        expr_check(m.group(1), ex(d))
        return d

    def compute(d):
        return {"derivative at x=1": sfloat(sp.diff(sparse(ex(d)), X, d["order"]).subs(X, d["x0"]))}

    def hand(d):
        return {"derivative at x=1": mp.diff(lambda x: x ** d["p"] * mp.exp(d["a"] * x), d["x0"], d["order"])}

    return dict(kind=4, data=data, render=render, parse=parse, compute=compute, hand=hand,
                intent="third derivative of x^4 e^(2x) at x = 1",
                tools=["differentiate", "evaluate"], expect=[("derivative at x=1", REL_STAT)], offsets={("order",): 1})


@register
def w44():
    data = {"p": 3, "q": 2, "c": 4, "x0": 1, "y0": 2}
    ex = lambda d: f"x^{d['p']}*y^{d['q']} + {d['c']}*sin(x*y)"

    def render(d):
        return (f"Find the mixed partial derivative \u2202\u00b2f/\u2202x\u2202y of f(x, y) = {ex(d)} "
                f"at the point ({d['x0']}, {d['y0']}).")

    def parse(t):
        m = re.search(r"f\(x, y\) = (.+?) at the point \((" + NUM + r"), (" + NUM + r")\)", t)
        p, q, c = unums(m.group(1))
        d = {"p": p, "q": q, "c": c, "x0": num(m.group(2)), "y0": num(m.group(3))}
        expr_check(m.group(1), ex(d))
        return d

    def compute(d):
        return {"mixed partial at (1,2)": sfloat(sp.diff(sparse(ex(d)), X, Y).subs({X: d["x0"], Y: d["y0"]}))}

    def hand(d):
        f = lambda x, y: x ** d["p"] * y ** d["q"] + d["c"] * mp.sin(x * y)
        return {"mixed partial at (1,2)": mp.diff(f, (d["x0"], d["y0"]), (1, 1))}

    return dict(kind=4, data=data, render=render, parse=parse, compute=compute, hand=hand,
                intent="d2f/dxdy of x^3 y^2 + 4 sin(xy) at (1, 2)",
                tools=["differentiate", "evaluate"], expect=[("mixed partial at (1,2)", REL_STAT)])


@register
def w45():
    data = {"p": 2, "a": 1, "b": 3}
    ex = lambda d: f"x^{d['p']} ln(x)"

    def render(d):
        return f"intergrate {ex(d)} dx from x={d['a']} to x={d['b']}, decimal answer is fine"

    def parse(t):
        m = re.search(r"intergrate (.+?) dx from x=(" + NUM + r") to x=(" + NUM + ")", t)
        (p,) = unums(m.group(1))
        d = {"p": p, "a": num(m.group(2)), "b": num(m.group(3))}
        expr_check(m.group(1), ex(d))
        return d

    def compute(d):
        return {"integral": sfloat(sp.integrate(sparse(ex(d)), (X, d["a"], d["b"])))}

    def hand(d):
        return {"integral": mp.quad(lambda x: x ** d["p"] * mp.log(x), [d["a"], d["b"]])}

    return dict(kind=4, data=data, render=render, parse=parse, compute=compute, hand=hand,
                intent="definite integral of x^2 ln x from 1 to 3 = 9 ln 3 - 26/9",
                tools=["integrate"], expect=[("integral", REL_STAT)])


@register
def w46():
    data = {"p": 3, "a": 2, "lo": 0}
    ex = lambda d: f"x^{d['p']}*e^(-{d['a']}x)"

    def render(d):
        return f"what is the integral of {ex(d)} from {d['lo']} to infinity?"

    def parse(t):
        m = re.search(r"integral of (.+?) from (" + NUM + r") to infinity", t)
        p, a = unums(m.group(1))
        d = {"p": p, "a": a, "lo": num(m.group(2))}
        expr_check(m.group(1), ex(d))
        return d

    def compute(d):
        return {"integral": sfloat(sp.integrate(sparse(ex(d)), (X, d["lo"], sp.oo)))}

    def hand(d):
        return {"integral": mp.quad(lambda x: x ** d["p"] * mp.exp(-d["a"] * x), [d["lo"], mp.inf])}

    return dict(kind=4, data=data, render=render, parse=parse, compute=compute, hand=hand,
                intent="improper integral of x^3 e^(-2x) over [0, inf) = 3!/2^4 = 0.375",
                tools=["integrate"], expect=[("integral", REL_STAT)])


@register
def w47():
    data = {"a": 1, "b": 3, "p": 2, "x0": 0}
    ex = lambda d: f"({d['a']} - cos({d['b']}x))/x^{d['p']}"

    def render(d):
        return f"limit of {ex(d)} as x -> {d['x0']}, please"

    def parse(t):
        m = re.search(r"limit of (.+?) as x -> (" + NUM + "),", t)
        a, b, p = unums(m.group(1))
        d = {"a": a, "b": b, "p": p, "x0": num(m.group(2))}
        expr_check(m.group(1), ex(d))
        return d

    def compute(d):
        return {"limit": sfloat(sp.limit(sparse(ex(d)), X, d["x0"]))}

    def hand(d):
        f = lambda x: (d["a"] - mp.cos(d["b"] * x)) / x ** d["p"]
        return {"limit": mp.limit(f, d["x0"])}

    return dict(kind=4, data=data, render=render, parse=parse, compute=compute, hand=hand,
                intent="lim x->0 (1 - cos 3x)/x^2 = 9/2",
                tools=["limit"], expect=[("limit", REL_STAT)])


@register
def w48():
    data = {"k": 5, "a": 2}
    ex = lambda d: f"e^x*sin({d['a']}x)"

    def render(d):
        return f"What is the coefficient of x^{d['k']} in the Maclaurin series of {ex(d)}?"

    def parse(t):
        m = re.search(r"coefficient of x\^(\d+) in the Maclaurin series of (.+?)\?", t)
        (a,) = unums(m.group(2))
        d = {"k": num(m.group(1)), "a": a}
        expr_check(m.group(2), ex(d))
        return d

    def compute(d):
        s = sp.series(sparse(ex(d)), X, 0, d["k"] + 1).removeO()
        return {"coefficient of x^5": sfloat(s.coeff(X, d["k"]))}

    def hand(d):
        return {"coefficient of x^5": mp.taylor(lambda x: mp.exp(x) * mp.sin(d["a"] * x), 0, d["k"])[d["k"]]}

    return dict(kind=4, data=data, render=render, parse=parse, compute=compute, hand=hand,
                intent="x^5 coefficient of e^x sin 2x = Im((1+2i)^5)/5! = -38/120",
                tools=["series"], expect=[("coefficient of x^5", REL_STAT)])


@register
def w49():
    data = {"p": 2, "b": 2, "lo": 1}
    ex = lambda d: f"n^{d['p']}/{d['b']}^n"

    def render(d):
        return f"Can you find the sum of {ex(d)} for n = {d['lo']} to infinity? exact value if possible"

    def parse(t):
        m = re.search(r"sum of (.+?) for n = (\d+) to infinity", t)
        p, b = unums(m.group(1))
        d = {"p": p, "b": b, "lo": num(m.group(2))}
        expr_check(m.group(1), ex(d))
        return d

    def compute(d):
        return {"sum": sfloat(sp.summation(sparse(ex(d)), (NN, d["lo"], sp.oo)))}

    def hand(d):
        return {"sum": mp.nsum(lambda n: n ** d["p"] / mp.mpf(d["b"]) ** n, [d["lo"], mp.inf])}

    return dict(kind=4, data=data, render=render, parse=parse, compute=compute, hand=hand,
                intent="sum_{n>=1} n^2/2^n = 6",
                tools=["summation"], expect=[("sum", REL_STAT)])


@register
def w50():
    data = {"p": 3, "c": 3, "d": 1}
    ex = lambda d: f"x^{d['p']} - {d['c']}x - {d['d']}"

    def render(d):
        return f"slove {ex(d)} = 0 and give me the largest and the smallest real root"

    def parse(t):
        m = re.search(r"slove (.+?) = 0", t)
        p, c, dd = unums(m.group(1))
        d = {"p": p, "c": c, "d": dd}
        expr_check(m.group(1), ex(d))
        return d

    def compute(d):
        rr = [float(r) for r in sp.Poly(sparse(ex(d)), X).real_roots()]
        return {"largest root": max(rr), "smallest root": min(rr)}

    def hand(d):
        coeffs = [1] + [0] * (d["p"] - 2) + [-d["c"], -d["d"]]
        roots = mp.polyroots(coeffs, maxsteps=200, extraprec=60)
        re_ = [mp.re(r) for r in roots if abs(mp.im(r)) < mp.mpf(10) ** -20]
        return {"largest root": max(re_), "smallest root": min(re_)}

    return dict(kind=4, data=data, render=render, parse=parse, compute=compute, hand=hand,
                intent="real roots of x^3 - 3x - 1 (2cos(20 deg) etc.): largest 1.87939, smallest -1.53209",
                tools=["solve"], expect=[("largest root", REL_STAT), ("smallest root", REL_STAT)])


@register
def w51():
    data = {"p": 2, "b": 4, "c": 1, "r1": 1, "r2": 2, "r3": 3}
    ex = lambda d: f"(x^{d['p']} + {d['b']}x - {d['c']})/((x - {d['r1']})(x + {d['r2']})(x - {d['r3']}))"
    names = ["coefficient of 1/(x-1)", "coefficient of 1/(x+2)", "coefficient of 1/(x-3)"]

    def render(d):
        return f"break {ex(d)} into partial fractoins - what are the three constants?"

    def parse(t):
        m = re.search(r"break (.+?) into partial fractoins", t)
        vals = unums(m.group(1))
        d = dict(zip(["p", "b", "c", "r1", "r2", "r3"], vals))
        expr_check(m.group(1), ex(d))
        return d

    def compute(d):
        coef = {}
        for term in sp.Add.make_args(sp.apart(sparse(ex(d)), X)):
            nu, de = sp.fraction(sp.together(term))
            if sp.degree(de, X) == 1:
                pd_ = sp.Poly(de, X)
                root = -pd_.all_coeffs()[1] / pd_.all_coeffs()[0]
                coef[root] = nu / pd_.all_coeffs()[0]
        roots = [d["r1"], -d["r2"], d["r3"]]
        return {nm: sfloat(coef[r]) for nm, r in zip(names, roots)}

    def hand(d):
        roots = [Fr(d["r1"]), Fr(-d["r2"]), Fr(d["r3"])]
        out = {}
        for nm, r in zip(names, roots):
            numer = r ** d["p"] + d["b"] * r - d["c"]
            den = Fr(1)
            for s in roots:
                if s != r:
                    den *= (r - s)
            out[nm] = M(numer / den)
        return out

    return dict(kind=4, data=data, render=render, parse=parse, compute=compute, hand=hand,
                intent="partial fractions of (x^2+4x-1)/((x-1)(x+2)(x-3)): -2/3, -1/3, 2 (cover-up rule)",
                tools=["simplify"], expect=[(n, REL_STAT) for n in names])


@register
def w52():
    data = {"p1": 2, "c1": 9, "p2": 2, "b": 5, "c": 6, "x0": -3}
    ex = lambda d: f"(x^{d['p1']} - {d['c1']})/(x^{d['p2']} + {d['b']}x + {d['c']})"

    def render(d):
        return f"simplfy {ex(d)} and then evaluate the simplified expression at x = {d['x0']}"

    def parse(t):
        m = re.search(r"simplfy (.+?) and then evaluate the simplified expression at x = (" + NUM + ")", t)
        vals = unums(m.group(1))
        d = dict(zip(["p1", "c1", "p2", "b", "c"], vals))
        d["x0"] = num(m.group(2))
        expr_check(m.group(1), ex(d))
        return d

    def compute(d):
        return {"value at x=-3": sfloat(sp.cancel(sparse(ex(d))).subs(X, d["x0"]))}

    def hand(d):
        f = lambda x: (x ** d["p1"] - d["c1"]) / (x ** d["p2"] + d["b"] * x + d["c"])
        return {"value at x=-3": mp.limit(f, d["x0"])}

    return dict(kind=4, data=data, render=render, parse=parse, compute=compute, hand=hand,
                intent="(x^2-9)/(x^2+5x+6) = (x-3)/(x+2); at x=-3 (removable point of the original) = 6",
                tools=["simplify", "evaluate"], expect=[("value at x=-3", REL_STAT)])


@register
def w53():
    data = {"A": [[2, -1, 0, 3], [1, 4, -2, 0], [0, 3, 1, -1], [5, 0, 2, 1]]}

    def render(d):
        rows = "\n".join(" ".join(f"{v:>3d}" for v in r) for r in d["A"])
        return "calcuate det(A) and the (2,3) entry of A^-1 (row 2, column 3) for\n\nA =\n" + rows + "\n"

    def parse(t):
        block = t.split("A =\n", 1)[1]
        return {"A": [[num(v) for v in ln.split()] for ln in block.strip().splitlines()]}

    def compute(d):
        A = sp.Matrix(d["A"])
        det = A.det()
        assert det != 0
        return {"determinant": int(det), "inverse (2,3) entry": sfloat(A.inv()[1, 2])}

    def hand(d):
        A = d["A"]
        det = det_cof(A)
        i, j = 1, 2
        minor = [row[:i] + row[i + 1:] for k, row in enumerate(A) if k != j]   # remove row j, column i
        inv_ij = (-1) ** (i + j) * det_cof(minor) / det
        assert det.denominator == 1
        return {"determinant": int(det), "inverse (2,3) entry": M(inv_ij)}

    return dict(kind=4, data=data, render=render, parse=parse, compute=compute, hand=hand,
                intent="determinant of a 4x4 integer matrix and the (2,3) element of its inverse (adjugate / det)",
                tools=["matrix"], expect=[("determinant", REL_INT), ("inverse (2,3) entry", REL_STAT)])


@register
def w54():
    data = {"B": [[2, 1, 0, 3], [1, 4, 1, 0], [0, 2, 5, 1]]}

    def render(d):
        return "find the determinant of B = [" + ", ".join("[" + ", ".join(str(v) for v in r) + "]" for r in d["B"]) + "]"

    def parse(t):
        inner = re.search(r"B = \[(.+)\]$", t).group(1)
        return {"B": [nums(r) for r in re.findall(r"\[([^\[\]]+)\]", inner)]}

    def defect(t, d):
        assert len(d["B"]) == 3 and all(len(r) == 4 for r in d["B"]) and "determinant" in t
        return "wrong shape: determinant asked for a 3x4 (non-square) matrix"

    return dict(kind=4, data=data, render=render, parse=parse, refuse=True, defect=defect,
                intent="REFUSE: determinant of a non-square 3x4 matrix is undefined",
                tools=["matrix"], expect=[])


def charpoly_fl(A):
    """Faddeev-LeVerrier characteristic polynomial coefficients (exact)"""
    n = len(A)
    A = [[F(v) for v in r] for r in A]
    Mk = [[Fr(0)] * n for _ in range(n)]
    c = [Fr(1)]
    I = [[Fr(int(i == j)) for j in range(n)] for i in range(n)]
    ck = Fr(1)
    for k in range(1, n + 1):
        Mk = [[sum((A[i][l] * Mk[l][j] for l in range(n)), Fr(0)) + ck * I[i][j] for j in range(n)] for i in range(n)]
        AM = [[sum((A[i][l] * Mk[l][j] for l in range(n)), Fr(0)) for j in range(n)] for i in range(n)]
        ck = -sum((AM[i][i] for i in range(n)), Fr(0)) / k
        c.append(ck)
    return c


@register
def w55():
    data = {"M": [[4, 1, 0], [1, 3, 1], [0, 1, 2]]}

    def render(d):
        return ("eigenvalues of M = [" + ", ".join("[" + ", ".join(str(v) for v in r) + "]" for r in d["M"]) +
                "] - whats the largest and the smallest one?")

    def parse(t):
        inner = re.search(r"M = \[(.+?)\] - ", t).group(1)
        return {"M": [nums(r) for r in re.findall(r"\[([^\[\]]+)\]", inner)]}

    def compute(d):
        ev = [sfloat(v) for v in sp.Matrix(d["M"]).eigenvals()]
        return {"largest eigenvalue": max(ev), "smallest eigenvalue": min(ev)}

    def hand(d):
        c = charpoly_fl(d["M"])
        roots = mp.polyroots([M(v) for v in c], maxsteps=200, extraprec=60)
        re_ = [mp.re(r) for r in roots]
        return {"largest eigenvalue": max(re_), "smallest eigenvalue": min(re_)}

    return dict(kind=4, data=data, render=render, parse=parse, compute=compute, hand=hand,
                intent="eigenvalues of symmetric [[4,1,0],[1,3,1],[0,1,2]]: 3 and 3 +- sqrt(3)",
                tools=["matrix"], expect=[("largest eigenvalue", REL_STAT), ("smallest eigenvalue", REL_STAT)])


@register
def w56():
    data = {"a11": 2, "a12": 3, "b1": 5, "a23": 4, "b2": 6, "a31": 3, "b3": 7}

    def eqs(d):
        return [f"{d['a11']}x + {d['a12']}y - z = {d['b1']}", f"x - y + {d['a23']}z = {d['b2']}",
                f"{d['a31']}x + y + z = {d['b3']}"]

    def render(d):
        return "slove for x, y and z:\n" + "\n".join(eqs(d)) + "\n"

    def parse(t):
        lines = [ln for ln in t.splitlines() if "=" in ln]
        v = [unums(ln) for ln in lines]
        d = {"a11": v[0][0], "a12": v[0][1], "b1": v[0][2], "a23": v[1][0], "b2": v[1][1], "a31": v[2][0], "b3": v[2][1]}
        for ln, e in zip(lines, eqs(d)):
            l1, r1_ = ln.split("=")
            l2, r2_ = e.split("=")
            assert sp.simplify(sparse(l1) - sparse(r1_) - sparse(l2) + sparse(r2_)) == 0
        return d

    def compute(d):
        Z = sp.Symbol("z")
        sys_ = [sp.Eq(sparse(lhs), sparse(rhs)) for lhs, rhs in (e.split("=") for e in eqs(d))]
        sol = sp.solve(sys_, [X, Y, Z], dict=True)[0]
        return {"x": sfloat(sol[X]), "y": sfloat(sol[Y]), "z": sfloat(sol[Z])}

    def hand(d):
        A = [[d["a11"], d["a12"], -1], [1, -1, d["a23"]], [d["a31"], 1, 1]]
        b = [d["b1"], d["b2"], d["b3"]]
        D = det_cof(A)
        out = {}
        for j, nm in enumerate(["x", "y", "z"]):
            Aj = [r[:j] + [bb] + r[j + 1:] for r, bb in zip(A, b)]
            out[nm] = M(det_cof(Aj) / D)
        return out

    return dict(kind=4, data=data, render=render, parse=parse, compute=compute, hand=hand,
                intent="3x3 linear system 2x+3y-z=5, x-y+4z=6, 3x+y+z=7 (Cramer's rule)",
                tools=["solve", "matrix"], expect=[("x", REL_STAT), ("y", REL_STAT), ("z", REL_STAT)])


# =====================================================================
# KIND 5 -- named tests
# =====================================================================
@register
def w57():
    g = [r1(rng.normal(50, s, k)) for s, k in ((1.0, 8), (2.2, 8), (1.4, 10))]
    data = {"g": g}

    def render(d):
        parts = "; ".join(f"head {i + 1}: " + ", ".join(f1(v) for v in gg) for i, gg in enumerate(d["g"]))
        return ("Fill weights (g) from the three filling heads -- " + parts +
                ".\nRun Bartlett's test for equal variances across the heads: statistic and p-value.")

    def parse(t):
        seg = re.search(r"filling heads -- (.+)\.\n", t).group(1)
        return {"g": [nums(s.split(":", 1)[1]) for s in seg.split(";")]}

    def compute(d):
        r = st.bartlett(*d["g"])
        return {"statistic": r.statistic, "p": r.pvalue}

    def hand(d):
        k = len(d["g"])
        ns = [len(g) for g in d["g"]]
        N = sum(ns)
        vs = [fvar(g) for g in d["g"]]
        sp2 = sum(((n - 1) * v for n, v in zip(ns, vs)), Fr(0)) / (N - k)
        num_ = (N - k) * mp.log(M(sp2)) - sum((n - 1) * mp.log(M(v)) for n, v in zip(ns, vs))
        C = 1 + (sum(Fr(1, n - 1) for n in ns) - Fr(1, N - k)) / (3 * (k - 1))
        T = num_ / M(C)
        return {"statistic": T, "p": chi2_sf(T, k - 1)}

    return dict(kind=5, data=data, render=render, parse=parse, compute=compute, hand=hand,
                intent="Bartlett's test of equal variances, 3 groups (8, 8, 10) given inline",
                tools=["variance_test"], expect=[("statistic", REL_STAT), ("p", REL_P)])


def sw_hand(xs):
    """Shapiro-Wilk W and p by Royston's AS R94 approximations (n >= 12 branch), written out by hand"""
    x = sorted(M(F(v)) for v in xs)
    n = len(x)
    assert n >= 12
    nn2 = n // 2
    m = [n_ppf((i - mp.mpf("0.375")) / (n + mp.mpf("0.25"))) for i in range(1, nn2 + 1)]
    summ2 = 2 * sum(v * v for v in m)
    ssumm2 = mp.sqrt(summ2)
    u = 1 / mp.sqrt(n)
    pol = lambda c, z: sum(ci * z ** j for j, ci in enumerate(c))
    c1 = [0, mp.mpf("0.221157"), mp.mpf("-0.147981"), mp.mpf("-2.07119"), mp.mpf("4.434685"), mp.mpf("-2.706056")]
    c2 = [0, mp.mpf("0.042981"), mp.mpf("-0.293762"), mp.mpf("-1.752461"), mp.mpf("5.682633"), mp.mpf("-3.582633")]
    a1 = pol(c1, u) - m[0] / ssumm2
    a2 = -m[1] / ssumm2 + pol(c2, u)
    fac = mp.sqrt((summ2 - 2 * m[0] ** 2 - 2 * m[1] ** 2) / (1 - 2 * a1 ** 2 - 2 * a2 ** 2))
    a = [a1, a2] + [-m[i] / fac for i in range(2, nn2)]
    mean = sum(x) / n
    ss = sum((v - mean) ** 2 for v in x)
    W = sum(a[i] * (x[n - 1 - i] - x[i]) for i in range(nn2)) ** 2 / ss
    ln = mp.log(n)
    mu = pol([mp.mpf("-1.5861"), mp.mpf("-0.31082"), mp.mpf("-0.083751"), mp.mpf("0.0038915")], ln)
    sg = mp.exp(pol([mp.mpf("-0.4803"), mp.mpf("-0.082676"), mp.mpf("0.0030302")], ln))
    return W, n_sf((mp.log(1 - W) - mu) / sg)


@register
def w58():
    x = r1(rng.normal(100, 5, 20))
    data = {"x": x}

    def render(d):
        xs = [f1(v) for v in d["x"]]
        lines = "\n".join("  ".join(xs[i:i + 7]) for i in range(0, len(xs), 7))
        return ("Can you run a Shapiro-Wilk normality test on these tensile results (MPa)? Specimens are from "
                "heat 4471-B, tested 12 Feb.\n\n" + lines + "\n\nI need W and the p-value.")

    def parse(t):
        block = t.split("\n\n")[1]
        return {"x": nums(block)}

    def compute(d):
        r = st.shapiro(d["x"])
        return {"W": r.statistic, "p": r.pvalue}

    def hand(d):
        W, p = sw_hand(d["x"])
        return {"W": W, "p": p}

    return dict(kind=5, data=data, render=render, parse=parse, compute=compute, hand=hand,
                intent="Shapiro-Wilk on 20 values wrapped over lines; heat number and date are not data",
                tools=["normality"], expect=[("W", REL_STAT), ("p", REL_P)])


@register
def w59():
    n = 47
    x = int(rng.binomial(n, 0.8))
    data = {"pct": 90, "n": n, "x": x}

    def render(d):
        return (f"Supplier claims a {d['pct']}% first-pass yield on their boards. Out of {d['n']} boards we received, "
                f"{d['x']} passed first time. Exact binomial test of p = {d['pct'] / 100:.2f} (two-sided), plus the "
                "exact Clopper-Pearson 95% CI for the true pass rate?")

    def parse(t):
        pct = num(re.search(r"claims a (\d+)% first-pass", t).group(1))
        p0 = num(re.search(r"test of p = (" + NUM + r")", t).group(1))
        assert abs(p0 - pct / 100) < 1e-9
        return {"pct": pct, "n": num(re.search(r"Out of (\d+) boards", t).group(1)),
                "x": num(re.search(r"received, (\d+) passed", t).group(1))}

    def compute(d):
        r = st.binomtest(d["x"], d["n"], d["pct"] / 100)
        ci = r.proportion_ci(0.95, method="exact")
        return {"p": r.pvalue, "CI lower": ci.low, "CI upper": ci.high}

    def hand(d):
        n, k, p0 = d["n"], d["x"], Fr(d["pct"], 100)
        pm = [Fr(math.comb(n, j)) * p0 ** j * (1 - p0) ** (n - j) for j in range(n + 1)]
        p = sum((v for v in pm if v <= pm[k]), Fr(0))
        lo = bisect(lambda q: mp.betainc(k, n - k + 1, 0, q, regularized=True) - mp.mpf("0.025"), 0, 1)
        hi = bisect(lambda q: mp.betainc(k + 1, n - k, 0, q, regularized=True) - mp.mpf("0.975"), 0, 1)
        return {"p": M(min(p, Fr(1))), "CI lower": lo, "CI upper": hi}

    return dict(kind=5, data=data, render=render, parse=parse, compute=compute, hand=hand,
                intent="exact binomial test of p0 = 0.90 (two-sided, small-probability rule) + Clopper-Pearson 95% CI",
                tools=["proportion_test"], expect=[("p", REL_P), ("CI lower", REL_STAT), ("CI upper", REL_STAT)],
                offsets={("x",): 1})


@register
def w60():
    n1, n2 = 400, 420
    data = {"x1": int(rng.binomial(n1, 0.085)), "n1": n1, "x2": int(rng.binomial(n2, 0.045)), "n2": n2}

    def render(d):
        return (f"Old process: {d['x1']} defective out of {d['n1']}. New process: {d['x2']} defective out of "
                f"{d['n2']}. Two-proportion z test (pooled standard error, no continuity correction), two-sided: z and p?")

    def parse(t):
        a = re.search(r"Old process: (\d+) defective out of (\d+)", t)
        b = re.search(r"New process: (\d+) defective out of (\d+)", t)
        return {"x1": num(a.group(1)), "n1": num(a.group(2)), "x2": num(b.group(1)), "n2": num(b.group(2))}

    def compute(d):
        z, p = proportions_ztest([d["x1"], d["x2"]], [d["n1"], d["n2"]])
        return {"|z|": abs(z), "p": p}

    def hand(d):
        p1, p2 = Fr(d["x1"], d["n1"]), Fr(d["x2"], d["n2"])
        pp = Fr(d["x1"] + d["x2"], d["n1"] + d["n2"])
        z = M(p1 - p2) / mp.sqrt(M(pp * (1 - pp) * (Fr(1, d["n1"]) + Fr(1, d["n2"]))))
        return {"|z|": abs(z), "p": 2 * n_sf(abs(z))}

    return dict(kind=5, data=data, render=render, parse=parse, compute=compute, hand=hand,
                intent="two-proportion z test, pooled SE, no continuity correction",
                tools=["proportion_test"], expect=[("|z|", REL_STAT), ("p", REL_P)])


@register
def w61():
    x = r1(rng.uniform(10, 80, 14))
    y = r1(5.0 - 0.015 * np.array(x) + rng.normal(0, 0.6, 14))
    data = {"x": x, "y": y}

    def render(d):
        return ("Spearman rank correlation between burn-in time and field return rate for 14 product batches, "
                "with its p-value (t approximation is fine):\n"
                "burn-in (h): " + ", ".join(f1(v) for v in d["x"]) + "\n"
                "return rate (%): " + ", ".join(f1(v) for v in d["y"]))

    def parse(t):
        return {"x": nums(re.search(r"^burn-in \(h\): (.+)$", t, re.M).group(1)),
                "y": nums(re.search(r"^return rate \(%\): (.+)$", t, re.M).group(1))}

    def compute(d):
        r = st.spearmanr(d["x"], d["y"])
        return {"rho": r.statistic, "p": r.pvalue}

    def hand(d):
        rx, ry = franks(d["x"]), franks(d["y"])
        sxy, sxx, syy = fpearson(rx, ry)
        rho = r_from(sxy, sxx, syy)
        n = len(rx)
        t = rho * mp.sqrt((n - 2) / (1 - rho ** 2))
        return {"rho": rho, "p": t_p2(t, n - 2)}

    return dict(kind=5, data=data, render=render, parse=parse, compute=compute, hand=hand,
                intent="Spearman rho (average ranks for ties) with t-approximation p; '14 product batches' is n",
                tools=["correlation"], expect=[("rho", REL_STAT), ("p", REL_P)])


@register
def w62():
    a = r2(rng.uniform(5, 9, 9))
    b = r2(np.array(a) * 0.6 + rng.normal(0, 0.9, 9) + 2)
    data = {"a": a, "b": b}
    assert len(set(a)) == 9 and len(set(b)) == 9, "w62 needs no ties"

    def render(d):
        rows = "\n".join(f"P{i + 1}  {f2(u)}  {f2(v)}" for i, (u, v) in enumerate(zip(d["a"], d["b"])))
        return ("Two judges scored the same 9 prototypes:\n\nproto  judge1  judge2\n" + rows +
                "\n\nKendall's tau between the judges, with the exact two-sided p-value (no ties).")

    def parse(t):
        rows = re.findall(r"^P\d+\s+(" + NUM + r")\s+(" + NUM + r")$", t, re.M)
        return {"a": [num(u) for u, _ in rows], "b": [num(v) for _, v in rows]}

    def compute(d):
        r = st.kendalltau(d["a"], d["b"], method="exact")
        return {"tau": r.statistic, "p": r.pvalue}

    def hand(d):
        n = len(d["a"])
        conc = dis = 0
        for i in range(n):
            for j in range(i + 1, n):
                s = (F(d["a"][i]) - F(d["a"][j])) * (F(d["b"][i]) - F(d["b"][j]))
                conc += s > 0
                dis += s < 0
        tot = n * (n - 1) // 2
        c = min(dis, tot - dis)
        mh = mahonian(n)
        p = min(Fr(1), 2 * Fr(sum(mh[:c + 1]), math.factorial(n)))
        return {"tau": M(Fr(conc - dis, tot)), "p": M(p)}

    return dict(kind=5, data=data, render=render, parse=parse, compute=compute, hand=hand,
                intent="Kendall tau (no ties) with exact p from the inversion (Mahonian) distribution",
                tools=["correlation"], expect=[("tau", REL_STAT), ("p", REL_P)])


@register
def w63():
    a = r2(rng.normal(20.0, 1.2, 10))
    b = r2(rng.normal(20.0, 0.6, 12))
    data = {"a": a, "b": b}

    def render(d):
        return ("Gauge A readings: " + " ".join(f2(v) for v in d["a"]) + "\n"
                "Gauge B readings: " + " ".join(f2(v) for v in d["b"]) + "\n"
                "F-test for equality of variances, with F = (variance of A)/(variance of B) and a two-sided p.")

    def parse(t):
        return {"a": nums(re.search(r"^Gauge A readings: (.+)$", t, re.M).group(1)),
                "b": nums(re.search(r"^Gauge B readings: (.+)$", t, re.M).group(1))}

    def compute(d):
        Fv = np.var(d["a"], ddof=1) / np.var(d["b"], ddof=1)
        d1, d2 = len(d["a"]) - 1, len(d["b"]) - 1
        return {"F": Fv, "p": 2 * min(st.f.cdf(Fv, d1, d2), st.f.sf(Fv, d1, d2))}

    def hand(d):
        Fv = fvar(d["a"]) / fvar(d["b"])
        d1, d2 = len(d["a"]) - 1, len(d["b"]) - 1
        return {"F": M(Fv), "p": 2 * min(f_cdf(M(Fv), d1, d2), f_sf(M(Fv), d1, d2))}

    return dict(kind=5, data=data, render=render, parse=parse, compute=compute, hand=hand,
                intent="F test of two variances, F = s_A^2/s_B^2 (order stated), two-sided p = 2 min tail",
                tools=["variance_test"], expect=[("F", REL_STAT), ("p", REL_P)])


@register
def w64():
    g = [r1(rng.normal(mu, s, k)) for mu, s, k in ((20.0, 0.5, 6), (21.0, 1.5, 8), (23.0, 3.0, 10))]
    data = {"g": g}

    def render(d):
        names = ["Plant North", "Plant South", "Plant East"]
        return ("Welch's ANOVA (variances clearly unequal) on these delivery lead times, days:\n\n" +
                "\n".join(f"- {nm}: " + ", ".join(f1(v) for v in gg) for nm, gg in zip(names, d["g"])) +
                "\n\nF, the denominator df and p please.")

    def parse(t):
        return {"g": [nums(s) for s in re.findall(r"^- Plant \w+: (.+)$", t, re.M)]}

    def compute(d):
        r = anova_oneway(d["g"], use_var="unequal")
        return {"F": r.statistic, "df2": r.df[1], "p": r.pvalue}

    def hand(d):
        k = len(d["g"])
        w = [Fr(len(g)) / fvar(g) for g in d["g"]]
        W = sum(w, Fr(0))
        mw = sum((wi * fmean(g) for wi, g in zip(w, d["g"])), Fr(0)) / W
        A = sum((wi * (fmean(g) - mw) ** 2 for wi, g in zip(w, d["g"])), Fr(0)) / (k - 1)
        tmp = sum(((1 - wi / W) ** 2 / (len(g) - 1) for wi, g in zip(w, d["g"])), Fr(0))
        B = 1 + Fr(2 * (k - 2), k * k - 1) * tmp
        df2 = Fr(k * k - 1) / (3 * tmp)
        Fv = A / B
        return {"F": M(Fv), "df2": M(df2), "p": f_sf(M(Fv), k - 1, M(df2))}

    return dict(kind=5, data=data, render=render, parse=parse, compute=compute, hand=hand,
                intent="Welch one-way ANOVA (unequal variances), 3 groups of 6/8/10",
                tools=["anova_oneway"], expect=[("F", REL_STAT), ("df2", REL_STAT), ("p", REL_P)])


@register
def w65():
    resins = ["Resin X", "Resin Y"]
    temps = ["Low", "Mid", "High"]
    sizes = [[3, 2, 4], [4, 3, 2]]
    mu = [[30.0, 31.5, 33.0], [31.2, 31.8, 35.5]]
    cells = [[r1(rng.normal(mu[i][j], 1.0, sizes[i][j])) for j in range(3)] for i in range(2)]
    data = {"cells": cells}

    def render(d):
        rows = "\n".join(f"| {rn} | " + " | ".join(", ".join(f1(v) for v in c) for c in row) + " |"
                         for rn, row in zip(resins, d["cells"]))
        return ("Peel strength (N) by resin and cure temperature - the cells are unbalanced because some "
                "specimens broke in the grips:\n\n| | Low | Mid | High |\n|---|---|---|---|\n" + rows +
                "\n\nTwo-way ANOVA with interaction using hierarchical (Type II) sums of squares: the F for "
                "resin, the F for temperature and the F for the interaction?")

    def parse(t):
        rows = re.findall(r"^\| Resin [XY] \|(.+)\|$", t, re.M)
        return {"cells": [[nums(c) for c in r.split("|")] for r in rows]}

    def long(d):
        out = []
        for i in range(2):
            for j in range(3):
                for v in d["cells"][i][j]:
                    out.append((i, j, v))
        return out

    def compute(d):
        L = long(d)
        df = pd.DataFrame({"r": [resins[i] for i, _, _ in L], "t": [temps[j] for _, j, _ in L],
                           "y": [v for _, _, v in L]})
        a = anova_lm(smf.ols("y ~ C(r) * C(t)", data=df).fit(), typ=2)
        return {"F resin": a.loc["C(r)", "F"], "F temperature": a.loc["C(t)", "F"],
                "F interaction": a.loc["C(r):C(t)", "F"]}

    def hand(d):
        L = long(d)
        y = [v for _, _, v in L]
        XA = [[1, int(i == 1)] for i, _, _ in L]
        XB = [[1, int(j == 1), int(j == 2)] for _, j, _ in L]
        XAB = [[1, int(i == 1), int(j == 1), int(j == 2)] for i, j, _ in L]
        rss_full = sum((fss(c) for row in d["cells"] for c in row), Fr(0))
        rA, rB, rAB = fr_rss(XA, y), fr_rss(XB, y), fr_rss(XAB, y)
        dfe = len(y) - 6
        mse = rss_full / dfe
        return {"F resin": M((rB - rAB) / 1 / mse), "F temperature": M((rA - rAB) / 2 / mse),
                "F interaction": M((rAB - rss_full) / 2 / mse)}

    return dict(kind=5, data=data, render=render, parse=parse, compute=compute, hand=hand,
                intent="unbalanced 2x3 two-way ANOVA with interaction, Type II SS, from a markdown grid of cells",
                tools=["anova_twoway"], expect=[("F resin", REL_STAT), ("F temperature", REL_STAT),
                                                ("F interaction", REL_STAT)])


@register
def w66():
    a = r2(rng.normal(4.2, 0.5, 7))
    b = r2(rng.uniform(4.3, 5.9, 8))
    data = {"a": a, "b": b}
    assert len(set(a + b)) == 15, "w66 needs no ties"

    def render(d):
        return ("Mann-Whitney U test, exact two-sided p-value, comparing dissolution times (min) of two tablet "
                "coatings:\ncoating A = " + ", ".join(f2(v) for v in d["a"]) +
                "\ncoating B = " + ", ".join(f2(v) for v in d["b"]) + "\nReport the smaller U and p.")

    def parse(t):
        return {"a": nums(re.search(r"^coating A = (.+)$", t, re.M).group(1)),
                "b": nums(re.search(r"^coating B = (.+)$", t, re.M).group(1))}

    def compute(d):
        r = st.mannwhitneyu(d["a"], d["b"], method="exact")
        return {"U": min(r.statistic, len(d["a"]) * len(d["b"]) - r.statistic), "p": r.pvalue}

    def hand(d):
        A, B = [F(v) for v in d["a"]], [F(v) for v in d["b"]]
        m, n = len(A), len(B)
        U1 = sum(1 for x in A for y in B if x > y)
        u = min(U1, m * n - U1)
        cnt = rank_sum_counts(m, m + n)           # rank sum R = U + m(m+1)/2
        off = m * (m + 1) // 2
        p = min(Fr(1), 2 * Fr(sum(cnt[off:off + u + 1]), math.comb(m + n, m)))
        return {"U": u, "p": M(p)}

    return dict(kind=5, data=data, render=render, parse=parse, compute=compute, hand=hand,
                intent="Mann-Whitney exact (no ties), n = 7 and 8; U = min(U_A, U_B)",
                tools=["mann_whitney"], expect=[("U", REL_STAT), ("p", REL_P)])


@register
def w67():
    g = [r2(rng.normal(12.0, s, 6)) for s in (0.20, 0.45, 0.25, 0.60)]
    data = {"g": g}

    def render(d):
        body = "\n".join(f"{'ABCD'[i]}\t" + "\t".join(f2(v) for v in gg) for i, gg in enumerate(d["g"]))
        return ("Levene's test (classic, mean-centred) for equal variances across the four fixtures. "
                "Six parts per fixture, one row per fixture:\n\n" + body + "\n\nWhat are the statistic and p?")

    def parse(t):
        return {"g": [nums(r) for r in re.findall(r"^[ABCD]\t(.+)$", t, re.M)]}

    def compute(d):
        r = st.levene(*d["g"], center="mean")
        return {"F": r.statistic, "p": r.pvalue}

    def hand(d):
        z = [[abs(F(v) - fmean(gg)) for v in gg] for gg in d["g"]]
        Fv, d1, d2 = f_anova(z)
        return {"F": M(Fv), "p": f_sf(M(Fv), d1, d2)}

    return dict(kind=5, data=data, render=render, parse=parse, compute=compute, hand=hand,
                intent="Levene (mean-centred) test across 4 groups of 6 (rows of a TSV, fixture label first)",
                tools=["levene"], expect=[("F", REL_STAT), ("p", REL_P)])


@register
def w68():
    x = r1(rng.uniform(40, 90, 15))
    y = r1(0.5 * np.array(x) + rng.normal(0, 6, 15) + 10)
    data = {"x": x, "y": y}

    def render(d):
        pairs = "; ".join(f"({f1(a)}, {f1(b)})" for a, b in zip(d["x"], d["y"]))
        return ("Pearson correlation test for these (line speed m/min, coating weight g/m2) pairs: " + pairs +
                ". I want r, the two-sided p and the 95% confidence interval for rho (Fisher z).")

    def parse(t):
        pr = re.findall(r"\((" + NUM + r"), (" + NUM + r")\)", t)
        return {"x": [num(a) for a, _ in pr], "y": [num(b) for _, b in pr]}

    def compute(d):
        r = st.pearsonr(d["x"], d["y"])
        ci = r.confidence_interval(0.95)
        return {"r": r.statistic, "p": r.pvalue, "CI lower": ci.low}

    def hand(d):
        sxy, sxx, syy = fpearson(d["x"], d["y"])
        r = r_from(sxy, sxx, syy)
        n = len(d["x"])
        t = r * mp.sqrt((n - 2) / (1 - r * r))
        lo = mp.tanh(mp.atanh(r) - n_ppf(mp.mpf("0.975")) / mp.sqrt(n - 3))
        return {"r": r, "p": t_p2(t, n - 2), "CI lower": lo}

    return dict(kind=5, data=data, render=render, parse=parse, compute=compute, hand=hand,
                intent="Pearson r with t-test p and Fisher-z 95% CI lower bound; data as (x, y) pairs in prose",
                tools=["correlation"], expect=[("r", REL_STAT), ("p", REL_P), ("CI lower", REL_STAT)])


@register
def w69():
    data = {"k": 4, "n": 20, "f": 0.3, "alpha": 0.05}

    def render(d):
        return (f"Planning a one-way ANOVA with {d['k']} groups and {d['n']} units per group. If the true effect size "
                f"is Cohen's f = {d['f']}, what power do we get at alpha = {d['alpha']}?")

    def parse(t):
        return {"k": num(re.search(r"with (\d+) groups", t).group(1)),
                "n": num(re.search(r"and (\d+) units per group", t).group(1)),
                "f": num(re.search(r"Cohen's f = (" + NUM + ")", t).group(1)),
                "alpha": num(re.search(r"alpha = (" + NUM + ")", t).group(1))}

    def compute(d):
        assert 0 < d["alpha"] < 1
        return {"power": FTestAnovaPower().power(effect_size=d["f"], nobs=d["k"] * d["n"],
                                                 alpha=d["alpha"], k_groups=d["k"])}

    def hand(d):
        k, n = d["k"], d["n"]
        N = k * n
        d1, d2 = k - 1, N - k
        lam = M(F(d["f"])) ** 2 * N
        al = M(F(d["alpha"]))
        y = bisect(lambda q: 1 - mp.betainc(mp.mpf(d1) / 2, mp.mpf(d2) / 2, 0, q, regularized=True) - al, 0, 1)
        cdf = mp.nsum(lambda j: mp.exp(-lam / 2 + j * mp.log(lam / 2) - mp.loggamma(j + 1)) *
                      mp.betainc(mp.mpf(d1) / 2 + j, mp.mpf(d2) / 2, 0, y, regularized=True), [0, mp.inf])
        return {"power": 1 - cdf}

    return dict(kind=5, data=data, render=render, parse=parse, compute=compute, hand=hand,
                intent="one-way ANOVA power: k=4, n=20 per group (N=80), f=0.3, alpha 0.05; noncentrality f^2 N",
                tools=["power"], expect=[("power", REL_STAT)])


@register
def w70():
    data = {"n": 14, "md": 0.42, "sd": 0.61}

    def render(d):
        return (f"Wilcoxon signed-rank test on our paired differences please: n = {d['n']} pairs, mean difference "
                f"{d['md']:.2f} mm, SD of the differences {d['sd']:.2f} mm. What's the p-value?")

    def parse(t):
        return {"n": num(re.search(r"n = (\d+) pairs", t).group(1)),
                "md": num(re.search(r"mean difference (" + NUM + ")", t).group(1)),
                "sd": num(re.search(r"SD of the differences (" + NUM + ")", t).group(1))}

    def defect(t, d):
        assert len(re.findall(NUM, t)) == 3 and "Wilcoxon signed-rank" in t
        return "test needs what is not there: signed ranks need the individual differences; only n, mean and SD are given"

    return dict(kind=5, data=data, render=render, parse=parse, refuse=True, defect=defect,
                intent="REFUSE: Wilcoxon signed-rank cannot be computed from summary figures (needs the raw differences)",
                tools=["wilcoxon_signed_rank"], expect=[])


# =====================================================================
# checks and output
# =====================================================================
def leaves(d, path=()):
    if isinstance(d, dict):
        for k in d:
            yield from leaves(d[k], path + (k,))
    elif isinstance(d, (list, tuple)):
        for i, v in enumerate(d):
            yield from leaves(v, path + (i,))
    elif isinstance(d, (int, float)) and not isinstance(d, bool):
        yield path, d


def setpath(d, path, v):
    for p in path[:-1]:
        d = d[p]
    d[path[-1]] = v


def data_eq(a, b):
    if isinstance(a, dict):
        return isinstance(b, dict) and a.keys() == b.keys() and all(data_eq(a[k], b[k]) for k in a)
    if isinstance(a, (list, tuple)):
        return isinstance(b, (list, tuple)) and len(a) == len(b) and all(data_eq(x, y) for x, y in zip(a, b))
    if isinstance(a, str):
        return a == b
    return (isinstance(b, (int, float)) and not isinstance(b, bool)
            and abs(a - b) <= 1e-9 * max(1.0, abs(a)))


def close(a, b, rel):
    a, b = float(a), float(b)
    return abs(a - b) <= rel * max(abs(a), abs(b), 1e-300)


def is_p(name):
    return name == "p" or name.startswith("p ")


def results_differ(r1_, r2_):
    return any(not close(r1_[k], r2_[k], 1e-9) for k in r1_)


def load_tools():
    names = set()
    with open(os.path.join(HERE, "TOOLS.txt")) as fh:
        for ln in fh:
            if ln.strip():
                names.add(ln.split()[0])
    return names


def write_readme(meta, records):
    kinds = {1: "tables that are not plain numeric columns", 2: "intent carried by wording",
             3: "numbers in prose with roles", 4: "maths", 5: "named tests"}
    L = []
    L.append("# Round 30 - blind evaluation set (w01-w70)\n")
    L.append("Written blind: without reading the agent's source, tests or earlier question sets. Only "
             "`TOOLS.txt` (tool names and one-line descriptions) was used, to name the tools a correct "
             "answer would use and to keep questions inside what they cover (plus 7 deliberate refusals).\n")
    L.append("## Files\n")
    L.append("- `make_round30.py` - the single generator: data sets, rendering, parsers, library and hand "
             "computations, all checks, and the writer of the three other files. Paths are relative to the "
             "script (`os.path.dirname(os.path.abspath(__file__))`). Runs in a few seconds.")
    L.append("- `round30.jsonl` - 70 questions, keys `id, kind, question, intent, tools, expect, refuse`.")
    L.append("- `round30_meta.json` - counts, refusal reasons, tolerance table, loosened tolerances (none), "
             "per-question mutation log, md5 of the jsonl.")
    L.append("- `README.md` - this file (also written by the script).\n")
    L.append("## How it was written\n")
    L.append("Each question is one function `wNN()` that draws its random data from a single "
             "`numpy.random.default_rng(30303030)`, called in id order; drawn values are rounded to 1 or 2 "
             "decimals (or are integer counts) and the rounded values are the data. Fixed data (design "
             "parameters, summary figures, maths coefficients) are literals. Each function provides "
             "`render` (data -> question text), its own `parse` (text -> data; regex, and sympy for the maths "
             "expressions), `compute` (library value), `hand` (independent value) and, for refusals, "
             "`defect` (asserts the defect is really in the text). Irrelevant numbers (years, rooms, lots, "
             "dates, PO/part/machine numbers, label digits) are part of the text but never of the data, so "
             "every parser must skip them. Phrasings mix terse/wordy, lowercase, typos, CSV / TSV / markdown / "
             "aligned columns / `label: value` / `label -> count` / prose lists / wrapped streams, with the "
             "question before, after or around the data.\n")
    L.append("## Checks (all asserted; the script stops on any failure)\n")
    L.append("- (a) Library value: scipy.stats (ttest_rel/1samp/ind, mannwhitneyu, wilcoxon, kruskal, levene, "
             "bartlett, shapiro, fisher_exact, binomtest, chisquare, chi2_contingency, pearsonr, spearmanr, "
             "kendalltau, linregress, f), statsmodels (OLS + anova_lm, anova_oneway, proportions_ztest, "
             "TTestIndPower, FTestAnovaPower), sympy (diff, integrate, limit, series, summation, apart, cancel, "
             "Matrix, real_roots, solve); SPC limits from tabulated constants; design run counts by building "
             "the design matrix and counting rows; resolution from the shortest word of the defining relation.")
    L.append("- (b) Independent hand computation agreeing with (a) to 1e-4 relative (integers exactly): exact "
             "`Fraction` arithmetic; p-values from mpmath regularised incomplete beta / gamma and erfc; exact "
             "null distributions by recursion (signed-rank subset sums, rank-sum DP, Mahonian numbers, "
             "hypergeometric / binomial with Fractions); Royston's AS R94 written out for Shapiro-Wilk; "
             "noncentral t power by quadrature over the chi-square of the SD, noncentral F power as a Poisson "
             "mixture of incomplete betas; exact least squares by Fraction elimination for Type II SS; mpmath "
             "diff / quad / limit / taylor / nsum / polyroots; cofactor expansion, adjugate, Cramer's rule, "
             "Faddeev-LeVerrier characteristic polynomial, cover-up rule; closed-form run counts; resolution "
             "from the smallest set of design columns whose product is constant. SPC hand values use a "
             "separately transcribed copy of the constants, and the table itself is checked against d2 by "
             "quadrature and c4 by Gamma functions (to 1.1e-3; E2 to 2e-3).")
    L.append("- (c) Re-parse: parse(render(data)) == data, render(parse(text)) == text, and compute(parsed) == "
             "compute(data) to 1e-9. Mutation test: every numeric data value in turn gets +1, +7 or +23 "
             "(cycled; a few structural values - factor counts, subgroup sizes, a derivative order, a "
             "binomial count - use a fixed +1 or +7 so the mutated problem still exists), the text is re-rendered and re-parsed and must give exactly the mutated data; "
             "for every answerable question at least one mutation changes the computed result (mutations "
             "whose data cannot be computed, e.g. alpha > 1, are only counted). Refusals get the parse and "
             "mutation-parse checks and their defect assertion on both data and parsed data.")
    L.append("- Sanity: every tool is in TOOLS.txt and `dsl_run` is always listed; 1-3 expectations per "
             "answerable question; integer expectations are ints with rel 0; no expected value is 0; every "
             "expected p-value is in [1e-4, 0.99]; exactly 14 questions per kind and 7 refusals.")
    L.append("- Determinism: two runs give the same md5 of the jsonl.\n")
    L.append("## Counts\n")
    L.append("| kind | topic | questions | refusals |")
    L.append("|---|---|---|---|")
    for k in range(1, 6):
        L.append(f"| {k} | {kinds[k]} | {meta['counts_per_kind'][str(k)]} | {meta['refusals_per_kind'][str(k)]} |")
    L.append(f"| all | | {meta['n_questions']} | {sum(r['refuse'] for r in records)} |\n")
    L.append("## Refusals\n")
    L.append("| id | kind | why it cannot be answered |")
    L.append("|---|---|---|")
    for r in meta["refusals"]:
        L.append(f"| {r['id']} | {r['kind']} | {r['reason']} |")
    L.append("")
    L.append("## Conventions\n")
    L.append("- Expectation names are plain (`t`, `p`, `F`, `chi2`, `df`, `UCL`, `LCL`, `centre line`, `runs`, "
             "...). Where the question does not fix the direction, the name carries bars and either sign is "
             "right (`|t|`, `|z|`, `|mean difference|`). Signed names only where the sign is fixed: one-sample "
             "t is xbar - mu0; coded effects are high minus low; F ratios are in the stated order; r, rho, tau "
             "are symmetric in x and y.")
    L.append("- Rank statistics: `U` is the smaller of U1 and U2 (asked for in the text); Wilcoxon `W` is "
             "the smaller of W+ and W- (asked for in the text). Exact vs asymptotic, continuity and tie "
             "corrections, one/two-sided, pooled/Welch and the SS type are stated in the question text.")
    L.append("- SPC: 3-sigma limits with tabulated constants (A2, D4, A3, B4, d2, E2 = 2.660, D4(2) = 3.267); "
             "p and u limits are for the subgroup named in the question; LCLs that would be negative are not "
             "asked for.")
    L.append("- Designs: a centre point is one run, not replicated unless stated; 'N levels' are levels; a daily "
             "capacity is a block size; resolution is the length of the shortest word of the defining relation; "
             "the rotatable CCD alpha is (2^k)^(1/4); PB run size is the smallest multiple of 4 above k.")
    L.append("- Power: sample sizes are rounded up to the next integer per group; ANOVA power uses noncentrality "
             "f^2 N with N = k n.\n")
    L.append("## Tolerances\n")
    L.append("| expectation | rel |")
    L.append("|---|---|")
    for k, v in meta["tolerance_table"].items():
        L.append(f"| {k} | {v} |")
    L.append("\nNo tolerance was loosened. Expected values are stored to 6 significant figures.\n")
    L.append(f"md5 of round30.jsonl: `{meta['md5_round30_jsonl']}`\n")
    with open(os.path.join(HERE, "README.md"), "w") as fh:
        fh.write("\n".join(L))


def main():
    check_spc_table()
    tools_ok = load_tools()
    records, refusals, checklog = [], [], []
    for idx, fn in enumerate(QUESTIONS):
        qid = fn.__name__
        assert qid == f"w{idx + 1:02d}", qid
        q = fn()                                     # draws happen here, in id order
        kind = q["kind"]
        assert kind == (idx // 14) + 1, (qid, kind)
        refuse = q.get("refuse", False)
        data = q["data"]
        text = q["render"](data)

        # (c) re-parse
        parsed = q["parse"](text)
        assert data_eq(parsed, data), (qid, parsed, data)
        assert q["render"](parsed) == text, qid

        tools = list(q["tools"]) + ["dsl_run"]
        assert all(t in tools_ok for t in tools), (qid, tools)

        expect = []
        if refuse:
            assert q["expect"] == []
            reason = q["defect"](text, data)
            assert q["defect"](text, parsed) == reason
            refusals.append({"id": qid, "kind": kind, "reason": reason})
        else:
            assert 1 <= len(q["expect"]) <= 3, qid
            lib = q["compute"](data)                 # (a)
            lib2 = q["compute"](parsed)
            assert not results_differ({k: lib[k] for k in lib}, lib2), qid
            hnd = q["hand"](data)                    # (b)
            for name, rel in q["expect"]:
                a, h = lib[name], hnd[name]
                if rel == 0:
                    assert isinstance(a, (int, np.integer)) and isinstance(h, (int, np.integer)), (qid, name, a, h)
                    assert int(a) == int(h), (qid, name, a, h)
                    assert int(a) != 0
                    val = int(a)
                else:
                    a, h = float(a), float(h)
                    assert math.isfinite(a) and a != 0, (qid, name, a)
                    assert close(a, h, 1e-4), (qid, name, a, h, abs(a - h) / abs(a))
                    val = sig6(a)
                    if is_p(name):
                        assert 1e-4 <= a <= 0.99, (qid, name, a)
                    assert rel in (REL_STAT, REL_P), (qid, name, rel)
                    assert (rel == REL_P) == is_p(name), (qid, name, rel)
                expect.append({"what": name, "value": val, "rel": rel})
            names = [e["what"] for e in expect]
            assert len(set(names)) == len(names)

        # (c) mutation test
        lv = list(leaves(data))
        assert lv, qid
        offs = q.get("offsets", {})
        changed, failed = 0, 0
        base = None if refuse else q["compute"](data)
        for i, (path, v) in enumerate(lv):
            off = offs.get(path, (1, 7, 23)[i % 3])
            d2 = copy.deepcopy(data)
            nv = v + off if isinstance(v, int) else round(v + off, 6)
            setpath(d2, path, nv)
            t2 = q["render"](d2)
            assert t2 != text, (qid, path)
            p2 = q["parse"](t2)
            assert data_eq(p2, d2), (qid, path, p2, d2)
            if not refuse:
                try:
                    r2_ = q["compute"](d2)
                    if results_differ(base, r2_):
                        changed += 1
                except Exception:
                    failed += 1
        if not refuse:
            assert changed >= 1, qid
        checklog.append({"id": qid, "values": len(lv), "mutations_changing_result": changed,
                         "mutations_not_computable": failed})

        records.append({"id": qid, "kind": kind, "question": text, "intent": q["intent"], "tools": tools,
                        "expect": expect, "refuse": refuse})

    assert len(records) == 70 and sum(r["refuse"] for r in records) == 7
    lines = [json.dumps(r, ensure_ascii=False, sort_keys=False) for r in records]
    blob = ("\n".join(lines) + "\n").encode("utf-8")
    with open(os.path.join(HERE, "round30.jsonl"), "wb") as fh:
        fh.write(blob)
    md5 = hashlib.md5(blob).hexdigest()

    counts = {str(k): sum(r["kind"] == k for r in records) for k in range(1, 6)}
    refuse_by_kind = {str(k): sum(r["kind"] == k and r["refuse"] for r in records) for k in range(1, 6)}
    meta = {
        "round": 30,
        "seed": 30303030,
        "n_questions": len(records),
        "counts_per_kind": counts,
        "refusals_per_kind": refuse_by_kind,
        "refusals": refusals,
        "tolerance_table": {"statistics, limits, coefficients, effects, power, CI bounds, maths values": REL_STAT,
                            "p-values": REL_P, "integers (runs, df, n, resolution, blocks, integer determinant)": REL_INT},
        "loosened_tolerances": [],
        "checks": {"library_vs_hand_rel": 1e-4, "reparse_compute_rel": 1e-9,
                   "p_value_range": [1e-4, 0.99], "mutation_offsets": [1, 7, 23]},
        "mutation_log": checklog,
        "md5_round30_jsonl": md5,
    }
    with open(os.path.join(HERE, "round30_meta.json"), "w") as fh:
        json.dump(meta, fh, indent=2, ensure_ascii=False)
        fh.write("\n")
    write_readme(meta, records)
    print("md5", md5)
    print("counts", counts, "refusals", refuse_by_kind)
    return md5


if __name__ == "__main__":
    main()
