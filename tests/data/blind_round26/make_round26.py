#!/usr/bin/env python3
"""make_round26.py -- blind evaluation set, round 26 (ids s01-s70).

Deterministic: every random number comes from numpy.random.default_rng(26260726),
drawn in a fixed order; the rounded values are the data.  For every non-refusal
question the script asserts
  (a) library value  (scipy / statsmodels / sympy / numpy; SPC with tabulated constants;
      design run counts by building the design matrix and counting rows),
  (b) an independent hand computation agreeing with (a) to 1e-4 relative (integers exactly),
  (c) a re-parse of the question TEXT, recomputing (a) from the parsed data (1e-9),
      plus a mutation test of every parser (perturb one data value, re-render,
      re-parse, the result must change).
Writes round26.jsonl and round26_meta.json next to this file.
"""
import copy
import hashlib
import itertools
import json
import math
import os
import re
import warnings
from fractions import Fraction as Fr

import mpmath as mp
import numpy as np
import pandas as pd
import scipy.integrate as si
import scipy.stats as st
import statsmodels.formula.api as smf
import sympy as sp
from statsmodels.stats.anova import anova_lm
from statsmodels.stats.oneway import anova_oneway
from statsmodels.stats.power import TTestIndPower, TTestPower
from sympy.parsing.sympy_parser import (convert_xor, implicit_multiplication_application,
                                        parse_expr, standard_transformations)

warnings.filterwarnings("ignore")
mp.mp.dps = 30
HERE = os.path.dirname(os.path.abspath(__file__))
rng = np.random.default_rng(26260726)

# --------------------------------------------------------------------------- helpers
N = r"(-?\d+(?:\.\d+)?)"          # one captured number
NUMRE = r"-?\d+(?:\.\d+)?"


def R1(a):
    return [round(float(v), 1) for v in a]


def R2(a):
    return [round(float(v), 2) for v in a]


def nums(s):
    return [float(x) for x in re.findall(NUMRE, s)]


WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
         "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "one": 1}
WORDS_INV = {v: k for k, v in WORDS.items()}


def word_or_int(s):
    s = s.strip().lower()
    return WORDS[s] if s in WORDS else int(s)


def Q_(x):
    """exact rational of a data value (the rounded decimal is the datum)"""
    if isinstance(x, Fr):
        return x
    if isinstance(x, (int, np.integer)):
        return Fr(int(x))
    return Fr(repr(float(x)))


def M(x):
    if isinstance(x, Fr):
        return mp.mpf(x.numerator) / x.denominator
    return mp.mpf(x)


def h_mean(xs):
    xs = [Q_(x) for x in xs]
    return sum(xs, Fr(0)) / len(xs)


def h_ss(xs):
    m = h_mean(xs)
    return sum(((Q_(x) - m) ** 2 for x in xs), Fr(0))


def h_var(xs):
    return h_ss(xs) / (len(xs) - 1)


def h_t2p(t, df):
    t = M(t)
    df = M(df)
    return mp.betainc(df / 2, mp.mpf(1) / 2, 0, df / (df + t * t), regularized=True)


def h_tupper(t, df):
    """P(T > t)"""
    p2 = h_t2p(t, df)
    return p2 / 2 if t > 0 else 1 - p2 / 2


def h_chi2_sf(x, k):
    return mp.gammainc(M(k) / 2, M(x) / 2, mp.inf, regularized=True)


def h_f_sf(f, d1, d2):
    f, d1, d2 = M(f), M(d1), M(d2)
    return mp.betainc(d2 / 2, d1 / 2, 0, d2 / (d2 + d1 * f), regularized=True)


def h_ranks(vals):
    """average ranks (ties get the mean rank), exact"""
    vals = [Q_(v) for v in vals]
    order = sorted(range(len(vals)), key=lambda i: vals[i])
    ranks = [None] * len(vals)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and vals[order[j + 1]] == vals[order[i]]:
            j += 1
        r = Fr(i + 1 + j + 1, 2)
        for k in range(i, j + 1):
            ranks[order[k]] = r
        i = j + 1
    return ranks


def h_median(xs):
    xs = sorted(xs)
    n = len(xs)
    return xs[n // 2] if n % 2 else (xs[n // 2 - 1] + xs[n // 2]) / 2


def h_solve(A, b):
    """Gauss-Jordan with Fractions"""
    n = len(A)
    Mx = [[Q_(v) for v in row] + [Q_(bb)] for row, bb in zip(A, b)]
    for c in range(n):
        p = next(r for r in range(c, n) if Mx[r][c] != 0)
        Mx[c], Mx[p] = Mx[p], Mx[c]
        pv = Mx[c][c]
        Mx[c] = [v / pv for v in Mx[c]]
        for r in range(n):
            if r != c and Mx[r][c] != 0:
                f = Mx[r][c]
                Mx[r] = [a - f * bq for a, bq in zip(Mx[r], Mx[c])]
    return [Mx[i][n] for i in range(n)]


def h_det(A):
    """cofactor expansion with Fractions"""
    A = [[Q_(v) for v in row] for row in A]
    n = len(A)
    if n == 1:
        return A[0][0]
    if n == 2:
        return A[0][0] * A[1][1] - A[0][1] * A[1][0]
    tot = Fr(0)
    for j in range(n):
        minor = [row[:j] + row[j + 1:] for row in A[1:]]
        tot += (-1) ** j * A[0][j] * h_det(minor)
    return tot


def h_ols(X, y):
    """normal equations with Fractions; returns coefficients, SSE, SST"""
    X = [[Q_(v) for v in row] for row in X]
    y = [Q_(v) for v in y]
    p = len(X[0])
    XtX = [[sum((X[r][i] * X[r][j] for r in range(len(X))), Fr(0)) for j in range(p)] for i in range(p)]
    Xty = [sum((X[r][i] * y[r] for r in range(len(X))), Fr(0)) for i in range(p)]
    b = h_solve(XtX, Xty)
    fit = [sum((X[r][i] * b[i] for i in range(p)), Fr(0)) for r in range(len(X))]
    sse = sum(((yy - ff) ** 2 for yy, ff in zip(y, fit)), Fr(0))
    sst = h_ss(y)
    return b, sse, sst


def h_oneway(groups):
    """one-way ANOVA by hand: F, df1, df2"""
    allv = [Q_(v) for g in groups for v in g]
    gm = h_mean(allv)
    ssb = sum((len(g) * (h_mean(g) - gm) ** 2 for g in groups), Fr(0))
    ssw = sum((h_ss(g) for g in groups), Fr(0))
    k, n = len(groups), len(allv)
    return (ssb / (k - 1)) / (ssw / (n - k)), k - 1, n - k


# tabulated control-chart constants (Montgomery, Introduction to SQC, Appendix VI)
TAB = {
    2: dict(A2="1.880", A3="2.659", B3="0", B4="3.267", D3="0", D4="3.267", d2="1.128", c4="0.7979", E2="2.660"),
    3: dict(A2="1.023", A3="1.954", B3="0", B4="2.568", D3="0", D4="2.574", d2="1.693", c4="0.8862"),
    4: dict(A2="0.729", A3="1.628", B3="0", B4="2.266", D3="0", D4="2.282", d2="2.059", c4="0.9213"),
    5: dict(A2="0.577", A3="1.427", B3="0", B4="2.089", D3="0", D4="2.114", d2="2.326", c4="0.9400"),
    6: dict(A2="0.483", A3="1.287", B3="0.030", B4="1.970", D3="0", D4="2.004", d2="2.534", c4="0.9515"),
}


def tab(n, k):
    return float(TAB[n][k])


def tabF(n, k):
    return Fr(TAB[n][k])


def exact_consts(n):
    """exact d2, d3, c4 and the derived chart constants (for the sanity check of TAB
    and for the alternative-convention check of SPC expectations)"""
    phi, Phi = st.norm.pdf, st.norm.cdf
    d2 = si.quad(lambda x: 1 - Phi(x) ** n - (1 - Phi(x)) ** n, -np.inf, np.inf, epsabs=1e-13)[0]
    ER2 = si.dblquad(lambda y, x: (y - x) ** 2 * n * (n - 1) * phi(x) * phi(y) * (Phi(y) - Phi(x)) ** (n - 2),
                     -9, 9, lambda x: x, lambda x: 9, epsabs=1e-12)[0]
    d3 = math.sqrt(ER2 - d2 ** 2)
    c4 = math.sqrt(2 / (n - 1)) * math.exp(math.lgamma(n / 2) - math.lgamma((n - 1) / 2))
    return dict(d2=d2, d3=d3, c4=c4, A2=3 / (d2 * math.sqrt(n)), A3=3 / (c4 * math.sqrt(n)),
                B3=max(0.0, 1 - 3 * math.sqrt(1 - c4 ** 2) / c4), B4=1 + 3 * math.sqrt(1 - c4 ** 2) / c4,
                D3=max(0.0, 1 - 3 * d3 / d2), D4=1 + 3 * d3 / d2, E2=3 / d2)


SPC_EXACT = {n: exact_consts(n) for n in TAB}
for _n, _c in TAB.items():
    for _k, _v in _c.items():
        _e = SPC_EXACT[_n][_k]
        assert abs(float(_v) - _e) <= 1.5e-3 * max(1.0, abs(_e)), (_n, _k, _v, _e)


def mp_sym(expr_str):
    tr = standard_transformations + (implicit_multiplication_application, convert_xor)
    return parse_expr(expr_str, transformations=tr, local_dict={"e": sp.E, "ln": sp.log})


# --------------------------------------------------------------------------- registry
QS = []


def add(qid, kind, intent, tools, data=None, render=None, lib=None, hand=None, parse=None,
        what=(), rel=(), refuse=False, reason=None, refcheck=None, mutate=None, alt=None):
    assert not any(q["id"] == qid for q in QS)
    QS.append(dict(id=qid, kind=kind, intent=intent, tools=list(tools), data=data, render=render,
                   lib=lib, hand=hand, parse=parse, what=list(what), rel=list(rel), refuse=refuse,
                   reason=reason, refcheck=refcheck, mutate=mutate, alt=alt))


def _is_num(v):
    return isinstance(v, (int, float, np.integer, np.floating)) and not isinstance(v, bool)


def _swap_at(d, k1, k2, i):
    """mutation for rank statistics: exchange one pair (flips the sign of that difference)"""
    d = copy.deepcopy(d)
    d[k1][i], d[k2][i] = d[k2][i], d[k1][i]
    return d


def mutate_default(d):
    """perturb one data value: element [1] of the first numeric list (depth-first),
    otherwise the first numeric scalar"""
    d = copy.deepcopy(d)

    def bump(v):
        if isinstance(v, int):
            return v + 2
        dec = 2 if abs(round(v, 1) - v) > 1e-12 else 1
        return round(v + 0.7, dec)

    def walk(obj):
        if isinstance(obj, dict):
            for k in obj:
                if walk_item(obj, k):
                    return True
            return False
        return False

    def walk_item(container, k):
        v = container[k]
        if isinstance(v, list) and v and all(_is_num(x) for x in v):
            v[1 if len(v) > 1 else 0] = bump(v[1 if len(v) > 1 else 0])
            return True
        if isinstance(v, list) and v and all(isinstance(x, list) for x in v):
            return walk_item(v, 0)
        if isinstance(v, dict):
            return walk(v)
        return False

    if walk(d):
        return d
    for k, v in d.items():
        if _is_num(v):
            d[k] = bump(v)
            return d
    raise ValueError("nothing to mutate")


# =========================================================================== KIND 1
# tables that are not plain numeric columns

# ---- s01 paired t from a markdown table with a name column
def _r01(d):
    rows = "\n".join(f"| {n} | {x:.1f} | {y:.1f} |" for n, x, y in zip(d["name"], d["before"], d["after"]))
    return ("resting heart rate (bpm) for our 9 volunteers, before vs after the 6-week walking programme "
            "(cohort 2024-03, clinic room B12):\n\n| volunteer | before | after |\n|---|---|---|\n" + rows +
            "\n\nsame people both times. paired t-test, two sided: t, p and the mean change pls")


def _l01(d):
    r = st.ttest_rel(d["before"], d["after"])
    return [abs(r.statistic), r.pvalue, abs(np.mean(np.subtract(d["before"], d["after"])))]


def _h01(d):
    dd = [Q_(x) - Q_(y) for x, y in zip(d["before"], d["after"])]
    n, m, v = len(dd), h_mean(dd), h_var(dd)
    t = M(m) / mp.sqrt(M(v) / n)
    return [abs(t), h_t2p(t, n - 1), abs(M(m))]


def _p01(t):
    rows = re.findall(r"^\|\s*([A-Za-z]+)\s*\|\s*" + N + r"\s*\|\s*" + N + r"\s*\|\s*$", t, re.M)
    return {"name": [r[0] for r in rows], "before": [float(r[1]) for r in rows], "after": [float(r[2]) for r in rows]}


_b = R1(rng.normal(74, 6, 9))
_a = R1(np.array(_b) - rng.normal(2.6, 3.0, 9))
add("s01", 1, "paired t-test (two-sided) from a markdown table whose first column names each volunteer",
    ["t_test", "dsl_run"],
    {"name": ["Priya", "Tomasz", "Aiko", "Marcus", "Lena", "Devraj", "Olu", "Sven", "Carmen"], "before": _b, "after": _a},
    _r01, _l01, _h01, _p01, ["|t|", "p", "|mean difference|"], [0.005, 0.02, 0.005])


# ---- s02 goodness of fit, label -> count, equal proportions
def _r02(d):
    rows = "\n".join(f"{k} -> {v}" for k, v in zip(d["day"], d["count"]))
    return ("ticket counts for the self-checkout kiosk at store #4471, Q3 2024, by weekday:\n\n" + rows +
            "\n\nis that consistant with tickets being spread evenly over the five days? chi-square goodness of fit "
            "against equal proportions - statistic, df and p")


def _l02(d):
    r = st.chisquare(d["count"])
    return [r.statistic, len(d["count"]) - 1, r.pvalue]


def _h02(d):
    o = [Fr(v) for v in d["count"]]
    e = sum(o) / len(o)
    x2 = sum(((v - e) ** 2 / e for v in o), Fr(0))
    return [M(x2), len(o) - 1, h_chi2_sf(x2, len(o) - 1)]


def _p02(t):
    rows = re.findall(r"^([a-z]{3})\s*->\s*(\d+)\s*$", t, re.M)
    return {"day": [r[0] for r in rows], "count": [int(r[1]) for r in rows]}


add("s02", 1, "chi-square goodness of fit to equal proportions from 'label -> count' lines",
    ["chi_square", "dsl_run"],
    {"day": ["mon", "tue", "wed", "thu", "fri"], "count": [int(v) for v in rng.poisson([33, 30, 35, 45, 41])]},
    _r02, _l02, _h02, _p02, ["chi-square", "df", "p"], [0.005, 0, 0.02])


# ---- s03 p chart, CSV with lot / inspected / defective, varying sample size
def _r03(d):
    rows = "\n".join(f"{l},{n},{x}" for l, n, x in zip(d["lot"], d["n"], d["d"]))
    return ("inspection log from line 2 (2024):\n\nlot,inspected,defective\n" + rows +
            f"\n\nset up a p chart for the fraction defective. what's the centre line, and the UCL and LCL "
            f"for lot {d['target']}?")


def _l03(d):
    n, x = np.array(d["n"], float), np.array(d["d"], float)
    pbar = x.sum() / n.sum()
    ni = n[d["lot"].index(d["target"])]
    hw = 3 * np.sqrt(pbar * (1 - pbar) / ni)
    return [pbar, pbar + hw, max(0.0, pbar - hw)]


def _h03(d):
    pbar = Fr(sum(d["d"]), sum(d["n"]))
    ni = d["n"][d["lot"].index(d["target"])]
    hw = 3 * mp.sqrt(M(pbar * (1 - pbar) / ni))
    return [M(pbar), M(pbar) + hw, max(0, M(pbar) - hw)]


def _p03(t):
    rows = re.findall(r"^(L-\d+),(\d+),(\d+)\s*$", t, re.M)
    return {"lot": [r[0] for r in rows], "n": [int(r[1]) for r in rows], "d": [int(r[2]) for r in rows],
            "target": re.search(r"for lot (L-\d+)\?", t).group(1)}


_n = [int(v) for v in rng.integers(150, 301, 12)]
_d = [int(v) for v in rng.binomial(_n, 0.07)]
_lots = [f"L-{2301 + i}" for i in range(12)]
add("s03", 1, "p chart with varying sample sizes from a CSV lot/inspected/defective table; centre and limits for one lot",
    ["control_chart", "dsl_run"],
    {"lot": _lots, "n": _n, "d": _d, "target": _lots[int(np.argmin(_n))]},
    _r03, _l03, _h03, _p03, ["p-bar (centre line)", "UCL for the named lot", "LCL for the named lot"],
    [0.005, 0.005, 0.005])


# ---- s04 u chart from an aligned table shift / panels / defects
def _r04(d):
    rows = "\n".join(f"{s:<8}{u:>8}{c:>9}" for s, u, c in zip(d["shift"], d["units"], d["c"]))
    return ("paint defects on door panels, bay 6. each shift inspects a different number of panels\n\n"
            f"{'shift':<8}{'panels':>8}{'defects':>9}\n" + rows +
            f"\n\nu chart (defects per panel) - centre line, and the upper control limit for shift {d['target']}?")


def _l04(d):
    u, c = np.array(d["units"], float), np.array(d["c"], float)
    ub = c.sum() / u.sum()
    ni = u[d["shift"].index(d["target"])]
    return [ub, ub + 3 * np.sqrt(ub / ni)]


def _h04(d):
    ub = Fr(sum(d["c"]), sum(d["units"]))
    ni = d["units"][d["shift"].index(d["target"])]
    return [M(ub), M(ub) + 3 * mp.sqrt(M(ub / ni))]


def _p04(t):
    rows = re.findall(r"^(wk\d+-[ABC])\s+(\d+)\s+(\d+)\s*$", t, re.M)
    return {"shift": [r[0] for r in rows], "units": [int(r[1]) for r in rows], "c": [int(r[2]) for r in rows],
            "target": re.search(r"for shift (wk\d+-[ABC])\?", t).group(1)}


_sh = ["wk14-A", "wk14-B", "wk14-C", "wk15-A", "wk15-B", "wk15-C", "wk16-A", "wk16-B", "wk16-C", "wk17-A"]
_u = [int(v) for v in rng.integers(8, 21, 10)]
_c = [int(v) for v in rng.poisson(1.6 * np.array(_u))]
add("s04", 1, "u chart from an aligned shift/panels/defects table; centre line and UCL of one shift",
    ["control_chart", "dsl_run"],
    {"shift": _sh, "units": _u, "c": _c, "target": _sh[int(np.argmin(_u))]},
    _r04, _l04, _h04, _p04, ["u-bar (centre line)", "UCL for the named shift"], [0.005, 0.005])


# ---- s05 simple regression, batch / temp / yield
def _r05(d):
    rows = "\n".join(f"{b}   {x:.1f}    {y:.1f}" for b, x, y in zip(d["batch"], d["x"], d["y"]))
    return ("batch   temp_C   yield_%\n" + rows +
            "\n\nregress yield on temperature (straight line with intercept). slope, intercept and R^2?")


def _l05(d):
    df = pd.DataFrame({"x": d["x"], "y": d["y"]})
    f = smf.ols("y ~ x", df).fit()
    return [f.params["x"], f.params["Intercept"], f.rsquared]


def _h05(d):
    b, sse, sst = h_ols([[1, x] for x in d["x"]], d["y"])
    return [M(b[1]), M(b[0]), M(1 - sse / sst)]


def _p05(t):
    rows = re.findall(r"^(B-\d+)\s+" + N + r"\s+" + N + r"\s*$", t, re.M)
    return {"batch": [r[0] for r in rows], "x": [float(r[1]) for r in rows], "y": [float(r[2]) for r in rows]}


_x = R1(np.linspace(150, 195, 10) + rng.normal(0, 1.5, 10))
_y = R1(12 + 0.31 * np.array(_x) + rng.normal(0, 1.8, 10))
add("s05", 1, "simple linear regression of response on predictor from a table with a batch-id column",
    ["regression", "dsl_run"], {"batch": [f"B-{101 + i}" for i in range(10)], "x": _x, "y": _y},
    _r05, _l05, _h05, _p05, ["slope", "intercept", "R^2"], [0.005, 0.005, 0.005])


# ---- s06 REFUSAL: contingency table as row percentages only
def _r06(d):
    return ("complaints by region, row percentages (from the 2023 summary deck - that's all I have):\n\n"
            "region   billing  delivery  product\n"
            + "\n".join(f"{r:<9}{a}%{'':<6}{b}%{'':<7}{c}%" for r, (a, b, c) in zip(d["region"], d["pct"])) +
            "\n\nis complaint type independent of region? chi-square statistic and p please")


def _rc06(t):
    rows = re.findall(r"^(North|South|West)\s+(\d+)%\s+(\d+)%\s+(\d+)%\s*$", t, re.M)
    assert len(rows) == 3 and all(sum(int(v) for v in r[1:]) == 100 for r in rows)
    assert not re.search(r"\b(n\s*=|total|counts?\b)", t, re.I)


add("s06", 1, "chi-square test of independence asked from row percentages only (no counts)",
    ["chi_square", "dsl_run"], {"region": ["North", "South", "West"], "pct": [[42, 35, 23], [30, 41, 29], [25, 38, 37]]},
    _r06, refuse=True, refcheck=_rc06,
    reason="only row percentages are given (no counts or row totals); the chi-square statistic and p-value depend on the counts")


# ---- s07 long format (label value per line), one-way ANOVA
def _r07(d):
    rows = "\n".join(f"{l} {v:.1f}" for l, v in zip(d["label"], d["value"]))
    return ("pull strength (kN) of bracket welds, supplier and value one per line, pasted from the LIMS export "
            "(job 5531):\n\n" + rows + "\n\none-way ANOVA across the three suppliers - F and p value?")


def _groups(labels, values):
    g = {}
    for l, v in zip(labels, values):
        g.setdefault(l, []).append(v)
    return [g[k] for k in sorted(g)]


def _l07(d):
    r = st.f_oneway(*_groups(d["label"], d["value"]))
    return [r.statistic, r.pvalue]


def _h07(d):
    f, d1, d2 = h_oneway(_groups(d["label"], d["value"]))
    return [M(f), h_f_sf(f, d1, d2)]


def _p07(t):
    rows = re.findall(r"^(acme|bolt|cruz) " + N + r"\s*$", t, re.M)
    return {"label": [r[0] for r in rows], "value": [float(r[1]) for r in rows]}


_lab = ["acme"] * 6 + ["bolt"] * 5 + ["cruz"] * 7
_val = R1(np.concatenate([rng.normal(41.0, 2.2, 6), rng.normal(43.6, 2.2, 5), rng.normal(40.2, 2.2, 7)]))
_perm = rng.permutation(len(_lab))
add("s07", 1, "one-way ANOVA from long-format data (group label and value on each line)",
    ["anova_oneway", "dsl_run"],
    {"value": [_val[i] for i in _perm], "label": [_lab[i] for i in _perm]},
    _r07, _l07, _h07, _p07, ["F", "p"], [0.005, 0.02])


# ---- s08 tab-separated id / x / y, Pearson
def _r08(d):
    rows = "\n".join(f"{u}\t{x:.1f}\t{y:.2f}" for u, x, y in zip(d["unit"], d["x"], d["y"]))
    return ("unit\tload_kN\tdefl_mm\n" + rows +
            "\n\nPearson correlation between load and deflection, with its two-sided p-value")


def _l08(d):
    r = st.pearsonr(d["x"], d["y"])
    return [r.statistic, r.pvalue]


def _h08(d):
    x, y = [Q_(v) for v in d["x"]], [Q_(v) for v in d["y"]]
    mx, my = h_mean(x), h_mean(y)
    sxy = sum(((a - mx) * (b - my) for a, b in zip(x, y)), Fr(0))
    r = M(sxy) / mp.sqrt(M(h_ss(x)) * M(h_ss(y)))
    n = len(x)
    t = r * mp.sqrt((n - 2) / (1 - r * r))
    return [r, h_t2p(t, n - 2)]


def _p08(t):
    rows = re.findall(r"^(U\d+)\t" + N + r"\t" + N + r"\s*$", t, re.M)
    return {"unit": [r[0] for r in rows], "x": [float(r[1]) for r in rows], "y": [float(r[2]) for r in rows]}


_x = R1(rng.uniform(2, 12, 11))
_y = R2(0.35 * np.array(_x) + rng.normal(0, 0.9, 11))
add("s08", 1, "Pearson correlation with two-sided p from a tab-separated table with a unit-id column",
    ["correlation", "dsl_run"], {"unit": [f"U{i + 1:02d}" for i in range(11)], "x": _x, "y": _y},
    _r08, _l08, _h08, _p08, ["r", "p"], [0.005, 0.02])


# ---- s09 label: count with a stated 9:3:3:1 ratio
def _r09(d):
    rows = "\n".join(f"{l}: {c}" for l, c in zip(d["label"], d["count"]))
    ratio = ":".join(str(v) for v in d["ratio"])
    return ("F2 pea counts from the greenhouse (bench 7, 2022 sowing):\n" + rows +
            f"\n\ndo these fit the expected {ratio} ratio? chi square gof, want the statistic and p")


def _l09(d):
    obs = np.array(d["count"], float)
    w = np.array(d["ratio"], float)
    r = st.chisquare(obs, obs.sum() * w / w.sum())
    return [r.statistic, r.pvalue]


def _h09(d):
    tot = sum(d["count"])
    e = [Fr(tot * w, sum(d["ratio"])) for w in d["ratio"]]
    x2 = sum(((o - ee) ** 2 / ee for o, ee in zip(d["count"], e)), Fr(0))
    return [M(x2), h_chi2_sf(x2, len(e) - 1)]


def _p09(t):
    rows = re.findall(r"^([a-z]+ [a-z]+): (\d+)\s*$", t, re.M)
    ratio = [int(v) for v in re.search(r"expected ([\d:]+) ratio", t).group(1).split(":")]
    return {"label": [r[0] for r in rows], "count": [int(r[1]) for r in rows], "ratio": ratio}


add("s09", 1, "chi-square goodness of fit to a stated 9:3:3:1 ratio from 'label: count' lines",
    ["chi_square", "dsl_run"],
    {"label": ["round yellow", "round green", "wrinkled yellow", "wrinkled green"],
     "count": [int(v) for v in rng.multinomial(296, [0.60, 0.18, 0.17, 0.05])], "ratio": [9, 3, 3, 1]},
    _r09, _l09, _h09, _p09, ["chi-square", "p"], [0.005, 0.02])


# ---- s10 X-bar/R chart from a table with time labels
def _xbar_r(sub, n, consts):
    xbb = np.mean([np.mean(s) for s in sub])
    rb = np.mean([max(s) - min(s) for s in sub])
    return [xbb + consts["A2"] * rb, xbb - consts["A2"] * rb, consts["D4"] * rb]


def _r10(d):
    rows = "\n".join(f"{t} | " + " ".join(f"{v:.2f}" for v in s) for t, s in zip(d["time"], d["x"]))
    return ("bore dia (mm), 5 consecutive parts pulled each hour from press #3:\n\n" + rows +
            "\n\nX-bar/R chart limits please: UCL and LCL for the subgroup averages and the UCL of the range chart")


def _l10(d):
    return _xbar_r(d["x"], 5, {k: tab(5, k) for k in TAB[5]})


def _h10(d):
    sub = [[Q_(v) for v in s] for s in d["x"]]
    xbb = sum((h_mean(s) for s in sub), Fr(0)) / len(sub)
    rb = sum((max(s) - min(s) for s in sub), Fr(0)) / len(sub)
    return [M(xbb + tabF(5, "A2") * rb), M(xbb - tabF(5, "A2") * rb), M(tabF(5, "D4") * rb)]


def _a10(d):
    return _xbar_r(d["x"], 5, SPC_EXACT[5])


def _p10(t):
    rows = re.findall(r"^(\d\d:\d\d) \| (.+)$", t, re.M)
    return {"time": [r[0] for r in rows], "x": [nums(r[1]) for r in rows]}


add("s10", 1, "X-bar/R chart limits from a table of hourly subgroups of 5 labelled by time",
    ["control_chart", "dsl_run"],
    {"time": [f"{h:02d}:00" for h in range(7, 15)], "x": [R2(rng.normal(25.40, 0.05, 5)) for _ in range(8)]},
    _r10, _l10, _h10, _p10, ["UCL X-bar", "LCL X-bar", "UCL R"], [0.005, 0.005, 0.005], alt=_a10)


# ---- s11 two-way ANOVA with replication, long format operator / machine / value
def _r11(d):
    rows = "\n".join(f"{o}  {m}  {y:.1f}" for o, m, y in zip(d["op"], d["mach"], d["y"]))
    return ("coating thickness (um), gauge study 2024-05-17 - operator, machine, reading; 3 repeats per combination\n\n"
            + rows + "\n\ntwo-way ANOVA with the operator x machine interaction. I need the F values for operator, "
                     "machine and the interaction")


def _l11(d):
    df = pd.DataFrame({"op": d["op"], "m": d["mach"], "y": d["y"]})
    a = anova_lm(smf.ols("y ~ C(op) * C(m)", df).fit(), typ=2)
    return [a.loc["C(op)", "F"], a.loc["C(m)", "F"], a.loc["C(op):C(m)", "F"]]


def _h11(d):
    cells = {}
    for o, m, y in zip(d["op"], d["mach"], d["y"]):
        cells.setdefault((o, m), []).append(Q_(y))
    ops, ms = sorted({k[0] for k in cells}), sorted({k[1] for k in cells})
    r = len(next(iter(cells.values())))
    a, b = len(ops), len(ms)
    allv = [v for c in cells.values() for v in c]
    gm = h_mean(allv)
    ma = {o: h_mean([v for (oo, _), c in cells.items() if oo == o for v in c]) for o in ops}
    mb = {m: h_mean([v for (_, mm), c in cells.items() if mm == m for v in c]) for m in ms}
    ssa = b * r * sum(((ma[o] - gm) ** 2 for o in ops), Fr(0))
    ssb = a * r * sum(((mb[m] - gm) ** 2 for m in ms), Fr(0))
    sscell = r * sum(((h_mean(c) - gm) ** 2 for c in cells.values()), Fr(0))
    ssab = sscell - ssa - ssb
    sse = sum((h_ss(c) for c in cells.values()), Fr(0))
    mse = sse / (a * b * (r - 1))
    return [M(ssa / (a - 1) / mse), M(ssb / (b - 1) / mse), M(ssab / ((a - 1) * (b - 1)) / mse)]


def _p11(t):
    rows = re.findall(r"^(Ana|Ben|Cho)  (M1|M2)  " + N + r"\s*$", t, re.M)
    return {"y": [float(r[2]) for r in rows], "op": [r[0] for r in rows], "mach": [r[1] for r in rows]}


_op, _m, _y = [], [], []
_eo = {"Ana": 0.0, "Ben": 1.2, "Cho": -0.8}
_em = {"M1": 0.0, "M2": 0.9}
for _o in ["Ana", "Ben", "Cho"]:
    for _mm in ["M1", "M2"]:
        for _rep in range(3):
            _op.append(_o)
            _m.append(_mm)
            _y.append(20 + _eo[_o] + _em[_mm] + (1.5 if (_o, _mm) == ("Cho", "M2") else 0) + rng.normal(0, 0.8))
add("s11", 1, "balanced two-way ANOVA with interaction from long-format operator/machine/value lines",
    ["anova_twoway", "dsl_run"], {"y": R1(_y), "op": _op, "mach": _m},
    _r11, _l11, _h11, _p11, ["F operator", "F machine", "F interaction"], [0.005, 0.005, 0.005])


# ---- s12 REFUSAL: u chart with no inspected-unit counts
def _r12(d):
    rows = ", ".join(f"{s}: {c}" for s, c in zip(d["shift"], d["c"]))
    return ("defects found per shift on line 4, week 32 -> " + rows +
            ". we didn't log how many panels were inspected each shift, it varied a lot. "
            "can you give me the u chart limits (defects per panel) for each shift?")


def _rc12(t):
    assert "didn't log how many panels" in t and "u chart" in t
    assert not re.search(r"panels?\s*[:=]?\s*\d", t)


add("s12", 1, "u chart limits per shift requested, but the number of inspected units per shift is not given",
    ["control_chart", "dsl_run"],
    {"shift": [f"{d}{s}" for d in "MTW" for s in "12"], "c": [int(v) for v in rng.poisson(15, 6)]},
    _r12, refuse=True, refcheck=_rc12,
    reason="a u chart needs the number of inspection units per subgroup; the units varied and were not recorded")


# ---- s13 2^3 factorial effects from a table with +/- signs in run order
def _r13(d):
    sg = {1: "+", -1: "-"}
    rows = "\n".join(f"{r:>3}   {sg[a]}  {sg[b]}  {sg[c]}  {y:.1f}"
                     for r, a, b, c, y in zip(d["run"], d["A"], d["B"], d["C"], d["y"]))
    return ("2^3 factorial we ran last week (randomised; run = run order), response is peel strength in N:\n\n"
            "run   A  B  C  y\n" + rows +
            "\n\nestimate the main effect of A, the main effect of B and the AC interaction effect "
            "(effect = mean at + minus mean at -)")


def _l13(d):
    A, B, C = (np.array(d[k], float) for k in "ABC")
    X = np.column_stack([np.ones(8), A, B, C, A * B, A * C, B * C, A * B * C])
    coef = np.linalg.lstsq(X, np.array(d["y"]), rcond=None)[0]
    return [2 * coef[1], 2 * coef[2], 2 * coef[5]]


def _h13(d):
    y = [Q_(v) for v in d["y"]]

    def eff(sign):
        return sum((s * v for s, v in zip(sign, y)), Fr(0)) / 4
    return [M(eff(d["A"])), M(eff(d["B"])), M(eff([a * c for a, c in zip(d["A"], d["C"])]))]


def _p13(t):
    rows = re.findall(r"^\s*(\d+)\s+([+-])\s+([+-])\s+([+-])\s+" + N + r"\s*$", t, re.M)
    s = {"+": 1, "-": -1}
    return {"y": [float(r[4]) for r in rows], "run": [int(r[0]) for r in rows],
            "A": [s[r[1]] for r in rows], "B": [s[r[2]] for r in rows], "C": [s[r[3]] for r in rows]}


_std = np.array(list(itertools.product([-1, 1], repeat=3)))[:, ::-1]
_yy = 50 + 2.0 * _std[:, 0] - 1.25 * _std[:, 1] + 0.8 * _std[:, 0] * _std[:, 2] + rng.normal(0, 0.4, 8)
_ro = rng.permutation(8)
add("s13", 1, "2^3 factorial effects (A, B, AC) from a run-order table with +/- coded columns",
    ["doe_effects", "dsl_run"],
    {"y": R1(_yy[_ro]), "run": list(range(1, 9)), "A": [int(v) for v in _std[_ro, 0]],
     "B": [int(v) for v in _std[_ro, 1]], "C": [int(v) for v in _std[_ro, 2]]},
    _r13, _l13, _h13, _p13, ["effect A", "effect B", "effect AC"], [0.005, 0.005, 0.005])


# ---- s14 quadratic regression, lot | dose | response
def _r14(d):
    rows = "\n".join(f"{l} | {x:.1f} | {y:.2f}" for l, x, y in zip(d["lot"], d["x"], d["y"]))
    return ("lot | dose (mg) | response\n" + rows +
            "\n\nfit response = b0 + b1*dose + b2*dose^2 by ordinary least squares. what are b2, b1 and R-squared?")


def _l14(d):
    df = pd.DataFrame({"x": d["x"], "y": d["y"]})
    f = smf.ols("y ~ x + I(x**2)", df).fit()
    return [f.params["I(x ** 2)"], f.params["x"], f.rsquared]


def _h14(d):
    b, sse, sst = h_ols([[1, Q_(x), Q_(x) ** 2] for x in d["x"]], d["y"])
    return [M(b[2]), M(b[1]), M(1 - sse / sst)]


def _p14(t):
    rows = re.findall(r"^(\d+[A-Z]) \| " + N + r" \| " + N + r"\s*$", t, re.M)
    return {"x": [float(r[1]) for r in rows], "y": [float(r[2]) for r in rows], "lot": [r[0] for r in rows]}


_x = R1(np.linspace(0.5, 5.0, 10))
_y = R2(2 + 3.1 * np.array(_x) - 0.42 * np.array(_x) ** 2 + rng.normal(0, 0.35, 10))
add("s14", 1, "quadratic (polynomial) regression from a lot | predictor | response table",
    ["regression", "dsl_run"], {"x": _x, "y": _y, "lot": [f"{7 + i}{'ABC'[i % 3]}" for i in range(10)]},
    _r14, _l14, _h14, _p14, ["b2 (dose^2 coefficient)", "b1 (dose coefficient)", "R^2"], [0.005, 0.005, 0.005])


# =========================================================================== KIND 2
# intent carried by the wording

# ---- s15 Welch t ("don't assume equal variances")
def _welch(x, y):
    x, y = [Q_(v) for v in x], [Q_(v) for v in y]
    vx, vy = h_var(x) / len(x), h_var(y) / len(y)
    t = M(h_mean(x) - h_mean(y)) / mp.sqrt(M(vx + vy))
    df = M((vx + vy) ** 2 / (vx ** 2 / (len(x) - 1) + vy ** 2 / (len(y) - 1)))
    return t, df


def _r15(d):
    return ("cycle times (s) at station 12, old vs new fixture:\n"
            "old fixture: " + ", ".join(f"{v:.1f}" for v in d["old"]) + "\n"
            "new fixture: " + ", ".join(f"{v:.1f}" for v in d["new"]) + "\n\n"
            "is there a diffrence in mean cycle time? the spread is obviously not the same on the two, so don't "
            "assume equal variances. two-sided; give me t, the degrees of freedom and p")


def _l15(d):
    r = st.ttest_ind(d["old"], d["new"], equal_var=False)
    return [abs(r.statistic), r.df, r.pvalue]


def _h15(d):
    t, df = _welch(d["old"], d["new"])
    return [abs(t), df, h_t2p(t, df)]


def _p15(t):
    return {"old": nums(re.search(r"^old fixture: (.+)$", t, re.M).group(1)),
            "new": nums(re.search(r"^new fixture: (.+)$", t, re.M).group(1))}


add("s15", 2, "two-sample t without assuming equal variances (Welch), two-sided",
    ["t_test", "dsl_run"], {"old": R1(rng.normal(12.5, 1.0, 8)), "new": R1(rng.normal(14.0, 2.6, 11))},
    _r15, _l15, _h15, _p15, ["|t|", "df (Welch)", "p"], [0.005, 0.005, 0.02])


# ---- s16 paired, "not normal" -> Wilcoxon signed-rank (exact), W+ for after - before
def _signrank_dist(n):
    cnt = [1] + [0] * (n * (n + 1) // 2)
    for k in range(1, n + 1):
        for s in range(len(cnt) - 1, k - 1, -1):
            cnt[s] += cnt[s - k]
    return cnt


def _h_signrank(diffs):
    diffs = [Q_(v) for v in diffs if Q_(v) != 0]
    n = len(diffs)
    rk = h_ranks([abs(v) for v in diffs])
    assert all(r.denominator == 1 for r in rk)      # no ties: exact distribution applies
    wp = int(sum((r for r, v in zip(rk, diffs) if v > 0), Fr(0)))
    cnt = _signrank_dist(n)
    lo = Fr(sum(cnt[:wp + 1]), 2 ** n)
    hi = Fr(sum(cnt[wp:]), 2 ** n)
    return wp, min(Fr(1), 2 * min(lo, hi))


def _r16(d):
    rows = "\n".join(f"{v:<7}{b:>7.2f}{a:>8.2f}" for v, b, a in zip(d["valve"], d["before"], d["after"]))
    return ("break-away torque (N*m) on the same 10 valves before and after re-greasing, maintenance ticket 7781\n\n"
            f"{'valve':<7}{'before':>7}{'after':>8}\n" + rows +
            "\n\nthe differences are really skewed - not normal at all - so a t-test is out. did re-greasing change "
            "the torque? give the sum of ranks of the positive (after minus before) differences and the exact two-sided p")


def _l16(d):
    a, b = np.array(d["after"]), np.array(d["before"])
    dd = a - b
    rk = st.rankdata(np.abs(dd))
    r = st.wilcoxon(a, b, method="exact")
    return [rk[dd > 0].sum(), r.pvalue]


def _h16(d):
    wp, p = _h_signrank([Q_(a) - Q_(b) for a, b in zip(d["after"], d["before"])])
    return [wp, M(p)]


def _p16(t):
    rows = re.findall(r"^(V\d+)\s+" + N + r"\s+" + N + r"\s*$", t, re.M)
    return {"before": [float(r[1]) for r in rows], "after": [float(r[2]) for r in rows], "valve": [r[0] for r in rows]}


_b = R2(rng.normal(20, 3, 10))
_a = R2(np.array(_b) + rng.exponential(1.5, 10) - 0.5)
add("s16", 2, "paired comparison where the wording rules out normality: exact Wilcoxon signed-rank (W+ and p)",
    ["wilcoxon_signed_rank", "dsl_run"], {"before": _b, "after": _a, "valve": [f"V{i + 1}" for i in range(10)]},
    _r16, _l16, _h16, _p16, ["W+ (sum of positive ranks)", "p"], [0, 0.02], mutate=lambda d: _swap_at(d, "before", "after", 1))


# ---- s17 one-sample t against the labelled value
def _r17(d):
    return ("weighed 12 bags of rice off the pallet (pallet 0931, received 14 feb): "
            + ", ".join(f"{v:.1f}" for v in d["x"]) +
            f" (grams). the bag label says {d['mu0']} g. is the mean fill different from what the label says? "
            "t statistic, p and the sample mean")


def _l17(d):
    r = st.ttest_1samp(d["x"], d["mu0"])
    return [r.statistic, r.pvalue, np.mean(d["x"])]


def _h17(d):
    m, v, n = h_mean(d["x"]), h_var(d["x"]), len(d["x"])
    t = M(m - d["mu0"]) / mp.sqrt(M(v) / n)
    return [t, h_t2p(t, n - 1), M(m)]


def _p17(t):
    return {"x": nums(re.search(r"\): ([\d., ]+) \(grams\)", t).group(1)),
            "mu0": int(re.search(r"label says (\d+) g", t).group(1))}


add("s17", 2, "one-sample t-test of the mean against the value printed on the label (two-sided)",
    ["t_test", "dsl_run"], {"x": R1(rng.normal(497.8, 3.1, 12)), "mu0": 500},
    _r17, _l17, _h17, _p17, ["t", "p", "mean"], [0.005, 0.02, 0.005])


# ---- s18 regression after excluding a named run
def _r18(d):
    rows = "\n".join(f"run {r:<3}| {x:.1f} | {y:.2f}" for r, x, y in zip(d["run"], d["x"], d["y"]))
    return ("pressure transducer calibration, bench 5 (pressure in bar | output in V):\n\n" + rows +
            f"\n\nrun {d['drop']} was a logging glitch, leave it out and refit the straight line "
            "output = a + b*pressure. slope, intercept and R^2 of the refit?")


def _keep18(d):
    return [i for i, r in enumerate(d["run"]) if r != d["drop"]]


def _l18(d):
    k = _keep18(d)
    df = pd.DataFrame({"x": [d["x"][i] for i in k], "y": [d["y"][i] for i in k]})
    f = smf.ols("y ~ x", df).fit()
    return [f.params["x"], f.params["Intercept"], f.rsquared]


def _h18(d):
    k = _keep18(d)
    b, sse, sst = h_ols([[1, d["x"][i]] for i in k], [d["y"][i] for i in k])
    return [M(b[1]), M(b[0]), M(1 - sse / sst)]


def _p18(t):
    rows = re.findall(r"^run (\d+)\s*\| " + N + r" \| " + N + r"\s*$", t, re.M)
    return {"y": [float(r[2]) for r in rows], "x": [float(r[1]) for r in rows], "run": [int(r[0]) for r in rows],
            "drop": int(re.search(r"^run (\d+) was a logging glitch", t, re.M).group(1))}


_x = R1(np.linspace(2.0, 7.5, 12) + rng.normal(0, 0.15, 12))
_y = 1.2 + 0.85 * np.array(_x) + rng.normal(0, 0.12, 12)
_y[6] += 1.9
add("s18", 2, "straight-line fit after excluding the run the user names as a glitch",
    ["regression", "dsl_run"], {"y": R2(_y), "x": _x, "run": list(range(1, 13)), "drop": 7},
    _r18, _l18, _h18, _p18, ["slope", "intercept", "R^2"], [0.005, 0.005, 0.005])


# ---- s19 defect counts on identical units -> c chart
def _r19(d):
    return ("solder defects found per board at AOI, all the same board type (PN 88-4410), in production order: "
            + ", ".join(str(v) for v in d["c"]) +
            ". put these on the apropriate control chart - centre line, UCL and LCL?")


def _l19(d):
    cb = np.mean(d["c"])
    return [cb, cb + 3 * np.sqrt(cb), max(0.0, cb - 3 * np.sqrt(cb))]


def _h19(d):
    cb = Fr(sum(d["c"]), len(d["c"]))
    return [M(cb), M(cb) + 3 * mp.sqrt(M(cb)), max(0, M(cb) - 3 * mp.sqrt(M(cb)))]


def _p19(t):
    return {"c": [int(v) for v in re.search(r"production order: ([\d, ]+)\.", t).group(1).split(",")]}


add("s19", 2, "defect counts on identical units: c chart centre and limits (chart type implied by the data)",
    ["control_chart", "dsl_run"], {"c": [int(v) for v in rng.poisson(13, 20)]},
    _r19, _l19, _h19, _p19, ["c-bar (centre line)", "UCL", "LCL"], [0.005, 0.005, 0.005])


# ---- s20 counts over varying roll length -> u chart
def _r20(d):
    rows = "\n".join(f"{r}  len {l:.1f}  scratches {c}" for r, l, c in zip(d["roll"], d["len"], d["c"]))
    return ("scratch counts on film rolls from slitter 2. rolls are not the same length (len = hundreds of metres):\n"
            + rows + "\n\nI want to chart scratches per 100 m properly given the different lengths. centre line, and "
                     f"the UCL for roll {d['target']}?")


def _l20(d):
    ub = np.sum(d["c"]) / np.sum(d["len"])
    ni = d["len"][d["roll"].index(d["target"])]
    return [ub, ub + 3 * np.sqrt(ub / ni)]


def _h20(d):
    ub = Fr(sum(d["c"])) / sum((Q_(v) for v in d["len"]), Fr(0))
    ni = Q_(d["len"][d["roll"].index(d["target"])])
    return [M(ub), M(ub) + 3 * mp.sqrt(M(ub / ni))]


def _p20(t):
    rows = re.findall(r"^(R-\d+)  len " + N + r"  scratches (\d+)\s*$", t, re.M)
    return {"len": [float(r[1]) for r in rows], "c": [int(r[2]) for r in rows], "roll": [r[0] for r in rows],
            "target": re.search(r"for roll (R-\d+)\?", t).group(1)}


_l = R1(rng.uniform(2.0, 5.0, 12))
_c = [int(v) for v in rng.poisson(3.2 * np.array(_l))]
_rolls = [f"R-{i + 1:02d}" for i in range(12)]
add("s20", 2, "defects over varying amounts of product: u chart centre and the UCL of one named roll",
    ["control_chart", "dsl_run"], {"len": _l, "c": _c, "roll": _rolls, "target": _rolls[int(np.argmin(_l))]},
    _r20, _l20, _h20, _p20, ["u-bar (centre line)", "UCL for the named roll"], [0.005, 0.005])


# ---- s21 Cp/Cpk from summary figures
def _r21(d):
    return (f"shaft OD spec is {d['nom']:.2f} ± {d['tol']:.2f} mm. from our X-bar/R study the process mean is "
            f"{d['mean']:.2f} mm and the within-subgroup sigma (Rbar/d2) is {d['sigma']:.2f} mm. "
            "what Cp and Cpk does that give?")


def _l21(d):
    lsl, usl = d["nom"] - d["tol"], d["nom"] + d["tol"]
    return [(usl - lsl) / (6 * d["sigma"]), min(usl - d["mean"], d["mean"] - lsl) / (3 * d["sigma"])]


def _h21(d):
    nom, tol, m, s = (Q_(d[k]) for k in ("nom", "tol", "mean", "sigma"))
    return [M(2 * tol / (6 * s)), M(min(nom + tol - m, m - nom + tol) / (3 * s))]


def _p21(t):
    g = re.search(r"spec is " + N + r" ± " + N + r" mm.*?process mean is " + N + r" mm.*?sigma \(Rbar/d2\) is " + N, t)
    return {"mean": float(g.group(3)), "sigma": float(g.group(4)), "nom": float(g.group(1)), "tol": float(g.group(2))}


add("s21", 2, "capability indices Cp and Cpk from a stated mean, within sigma and symmetric spec",
    ["summary_capability", "capability", "dsl_run"],
    {"mean": round(float(rng.normal(25.06, 0.01)), 2), "sigma": round(float(rng.uniform(0.04, 0.06)), 2),
     "nom": 25.00, "tol": 0.20},
    _r21, _l21, _h21, _p21, ["Cp", "Cpk"], [0.005, 0.005])


# ---- s22 curvature test, 2^2 with 4 centre points
def _r22(d):
    rows = "\n".join(f"{a:>2}  {b:>2}  {y:.1f}" for a, b, y in zip(d["A"], d["B"], d["y"]))
    return ("2^2 design plus 4 centre points on reactor R-2 (batches 2231-2238), coded units:\n\n A   B  yield\n" + rows +
            "\n\nis there curvature? I want the curvature sum of squares, its F and p, tested against pure error "
            "from the centre points")


def _l22(d):
    A, B = np.array(d["A"], float), np.array(d["B"], float)
    df = pd.DataFrame({"A": A, "B": B, "ctr": ((A == 0) & (B == 0)).astype(float), "y": d["y"]})
    f = smf.ols("y ~ A + B + A:B + ctr", df).fit()
    F = f.tvalues["ctr"] ** 2
    return [F * f.mse_resid, F, f.pvalues["ctr"]]


def _h22(d):
    yf = [Q_(y) for a, b, y in zip(d["A"], d["B"], d["y"]) if a != 0]
    yc = [Q_(y) for a, b, y in zip(d["A"], d["B"], d["y"]) if a == 0 and b == 0]
    nf, nc = len(yf), len(yc)
    ss = nf * nc * (h_mean(yf) - h_mean(yc)) ** 2 / (nf + nc)
    F = ss / h_var(yc)
    return [M(ss), M(F), h_f_sf(F, 1, nc - 1)]


def _p22(t):
    rows = re.findall(r"^\s*(-?\d+)\s+(-?\d+)\s+" + N + r"\s*$", t, re.M)
    return {"y": [float(r[2]) for r in rows], "A": [int(r[0]) for r in rows], "B": [int(r[1]) for r in rows]}


_A = [-1, 1, -1, 1, 0, 0, 0, 0]
_B = [-1, -1, 1, 1, 0, 0, 0, 0]
_y = [70 + 3 * a + 2 * b + 0.5 * a * b + (2.0 if a == 0 else 0) + rng.normal(0, 0.6) for a, b in zip(_A, _B)]
add("s22", 2, "single-df curvature test of a 2^2 design with centre points (SS, F, p vs pure error)",
    ["doe_curvature", "doe_anova", "dsl_run"], {"y": R1(_y), "A": _A, "B": _B},
    _r22, _l22, _h22, _p22, ["SS curvature", "F curvature", "p"], [0.005, 0.005, 0.02])


# ---- s23 REFUSAL: reference value not given
def _r23(d):
    return ("we measured 10 shims from the new stamping die (die #14, order 55120): "
            + ", ".join(f"{v:.2f}" for v in d["x"]) +
            " mm. compare the mean against the reference thickness on the drawing - I don't have the drawing to hand "
            "right now. one-sample t, what's the p-value?")


def _rc23(t):
    assert "don't have the drawing" in t
    assert not re.search(r"(reference|nominal|target)\s+(thickness\s+)?(is|=|of)\s*\d", t)


add("s23", 2, "one-sample t against a reference value that the user does not supply",
    ["t_test", "dsl_run"], {"x": R2(rng.normal(1.52, 0.03, 10))}, _r23, refuse=True, refcheck=_rc23,
    reason="the reference (drawing) thickness to test against is not given, so t and p cannot be computed")


# ---- s24 one-sided claim, one-sample t (mean > 350)
def _r24(d):
    return (f"our supplier claims the mean yield strength of their bar stock is above {d['mu0']} MPa. "
            "we pulled 10 test pieces from heat 7Q-219: " + ", ".join(f"{v:.1f}" for v in d["x"]) +
            ". does the data suport the claim at the 5% level? one-sided t-test - t and the one-sided p")


def _l24(d):
    r = st.ttest_1samp(d["x"], d["mu0"], alternative="greater")
    return [r.statistic, r.pvalue]


def _h24(d):
    m, v, n = h_mean(d["x"]), h_var(d["x"]), len(d["x"])
    t = M(m - d["mu0"]) / mp.sqrt(M(v) / n)
    return [t, h_tupper(t, n - 1)]


def _p24(t):
    return {"x": nums(re.search(r"heat 7Q-219: ([\d., ]+)\. does", t).group(1)),
            "mu0": int(re.search(r"is above (\d+) MPa", t).group(1))}


add("s24", 2, "one-sided one-sample t-test of a 'mean is above' claim",
    ["t_test", "dsl_run"], {"x": R1(rng.normal(353.0, 5.0, 10)), "mu0": 350},
    _r24, _l24, _h24, _p24, ["t", "p (one-sided)"], [0.005, 0.02])


# ---- s25 one-sided paired t (did training increase scores)
def _r25(d):
    rows = "\n".join(f"{e}    {b:.1f}    {a:.1f}" for e, b, a in zip(d["emp"], d["before"], d["after"]))
    return ("assessment scores before and after the SPC refresher (same staff):\n\nemp#    before  after\n" + rows +
            "\n\ndid the course increase the scores? paired, one-sided; t and p")


def _l25(d):
    r = st.ttest_rel(d["after"], d["before"], alternative="greater")
    return [r.statistic, r.pvalue]


def _h25(d):
    dd = [Q_(a) - Q_(b) for a, b in zip(d["after"], d["before"])]
    n = len(dd)
    t = M(h_mean(dd)) / mp.sqrt(M(h_var(dd)) / n)
    return [t, h_tupper(t, n - 1)]


def _p25(t):
    rows = re.findall(r"^(\d{4})\s+" + N + r"\s+" + N + r"\s*$", t, re.M)
    return {"before": [float(r[1]) for r in rows], "after": [float(r[2]) for r in rows], "emp": [r[0] for r in rows]}


_b = R1(rng.normal(68, 7, 9))
_a = R1(np.array(_b) + rng.normal(2.2, 3.5, 9))
add("s25", 2, "one-sided paired t-test that scores increased (after minus before)",
    ["t_test", "dsl_run"], {"before": _b, "after": _a, "emp": [str(v) for v in rng.choice(np.arange(1001, 1999), 9, replace=False)]},
    _r25, _l25, _h25, _p25, ["t", "p (one-sided)"], [0.005, 0.02])


# ---- s26 Pp/Ppk from raw data using the overall SD
def _r26(d):
    return (f"fill volume (ml), 25 bottles sampled across the week: " + " ".join(f"{v:.2f}" for v in d["x"]) +
            f"\nspec limits {d['lsl']:.2f} to {d['usl']:.2f} ml. use the overall standard deviation of all readings "
            "(sample SD, n-1), not a within-subgroup estimate - what are Pp and Ppk?")


def _l26(d):
    s = np.std(d["x"], ddof=1)
    m = np.mean(d["x"])
    return [(d["usl"] - d["lsl"]) / (6 * s), min(d["usl"] - m, m - d["lsl"]) / (3 * s)]


def _h26(d):
    s = mp.sqrt(M(h_var(d["x"])))
    m = h_mean(d["x"])
    usl, lsl = Q_(d["usl"]), Q_(d["lsl"])
    return [M(usl - lsl) / (6 * s), M(min(usl - m, m - lsl)) / (3 * s)]


def _p26(t):
    g = re.search(r"spec limits " + N + " to " + N + " ml", t)
    return {"x": nums(re.search(r"across the week: ([\d. ]+)\n", t).group(1)),
            "lsl": float(g.group(1)), "usl": float(g.group(2))}


add("s26", 2, "overall-sigma capability Pp and Ppk from raw readings",
    ["capability", "dsl_run"], {"x": R2(rng.normal(500.6, 0.9, 25)), "lsl": 498.0, "usl": 503.0},
    _r26, _l26, _h26, _p26, ["Pp", "Ppk"], [0.005, 0.005])


# ---- s27 individual readings -> I-MR
def _imr(x, E2, D4):
    mr = np.abs(np.diff(x)).mean()
    m = np.mean(x)
    return [m + E2 * mr, m - E2 * mr, D4 * mr]


def _r27(d):
    return ("viscosity (cP) - only one reading per batch, no subgroups. batches 4401 onwards:\n"
            + "\n".join(f"{v:.1f}" for v in d["x"]) +
            "\n\nwhat control chart limits should I use? need the upper and lower limits for the individual values "
            "and the upper limit for the moving range")


def _l27(d):
    return _imr(d["x"], tab(2, "E2"), tab(2, "D4"))


def _h27(d):
    x = [Q_(v) for v in d["x"]]
    mr = sum((abs(a - b) for a, b in zip(x[1:], x[:-1])), Fr(0)) / (len(x) - 1)
    m = h_mean(x)
    return [M(m + tabF(2, "E2") * mr), M(m - tabF(2, "E2") * mr), M(tabF(2, "D4") * mr)]


def _a27(d):
    return _imr(d["x"], SPC_EXACT[2]["E2"], SPC_EXACT[2]["D4"])


def _p27(t):
    return {"x": [float(v) for v in re.findall(r"^" + N + r"$", t, re.M)]}


add("s27", 2, "single readings per batch: individuals and moving-range chart limits",
    ["control_chart", "dsl_run"], {"x": R1(rng.normal(86.0, 1.5, 20))},
    _r27, _l27, _h27, _p27, ["UCL individuals", "LCL individuals", "UCL moving range"], [0.005, 0.005, 0.005],
    alt=_a27)


# ---- s28 number defective in fixed samples -> np chart
def _r28(d):
    return (f"every morning QA opens a sample of {d['n']} cartons and counts the damaged ones. last 20 days "
            "(warehouse 3, dock 11): " + " ".join(str(v) for v in d["c"]) +
            ". chart the number of damaged cartons (the count itself, not the fraction): centre line, UCL and LCL?")


def _l28(d):
    npb = np.mean(d["c"])
    pb = npb / d["n"]
    hw = 3 * np.sqrt(npb * (1 - pb))
    return [npb, npb + hw, max(0.0, npb - hw)]


def _h28(d):
    npb = Fr(sum(d["c"]), len(d["c"]))
    pb = npb / d["n"]
    hw = 3 * mp.sqrt(M(npb * (1 - pb)))
    return [M(npb), M(npb) + hw, max(0, M(npb) - hw)]


def _p28(t):
    return {"c": [int(v) for v in re.search(r"dock 11\): ([\d ]+)\.", t).group(1).split()],
            "n": int(re.search(r"sample of (\d+) cartons", t).group(1))}


add("s28", 2, "count of defectives in constant-size samples: np chart centre and limits",
    ["control_chart", "dsl_run"], {"c": [int(v) for v in rng.binomial(150, 0.06, 20)], "n": 150},
    _r28, _l28, _h28, _p28, ["np-bar (centre line)", "UCL", "LCL"], [0.005, 0.005, 0.005])


# =========================================================================== KIND 3
# numbers in prose with roles (designs, sampling plans, power)

def full2(k):
    """2^k full factorial, standard (Yates) order, coded -1/+1"""
    return np.array(list(itertools.product([-1, 1], repeat=k)))[:, ::-1]


def block_words(k, p):
    """p independent interaction words for blocking with no main effect in the generated group,
    preferring long words"""
    cands = sorted((c for r in range(k, 1, -1) for c in itertools.combinations(range(k), r)), key=lambda c: -len(c))
    chosen = []

    def group(ws):
        g = set()
        for r in range(1, len(ws) + 1):
            for sub in itertools.combinations(ws, r):
                s = frozenset()
                for w in sub:
                    s = s.symmetric_difference(w)
                g.add(s)
        return g
    for c in cands:
        trial = chosen + [frozenset(c)]
        g = group(trial)
        if len(g) == 2 ** len(trial) - 1 and all(len(w) >= 2 for w in g):
            chosen = trial
            if len(chosen) == p:
                return chosen
    raise ValueError("cannot block")


# ---- s29 2^k full factorial, replicates, runs per day = block size
def _r29(d):
    return (f"we're planning a full factorial in {WORDS_INV[d['k']]} factors, each at two levels, and want "
            f"{d['reps']} complete replicates. the oven in lab 214 only takes {d['per_day']} runs per day, so each "
            "day has to be its own block. how many runs in total, and how many blocks (days) will that be?")


def _l29(d):
    k, reps, cap = d["k"], d["reps"], d["per_day"]
    X = full2(k)
    p = 0
    while 2 ** k // 2 ** p > cap:
        p += 1
    rows = []
    words = block_words(k, p) if p else []
    for r in range(reps):
        for row in X:
            b = tuple(int(np.prod(row[list(w)])) for w in words)
            rows.append((r, b) + tuple(row))
    blocks = {(r[0], r[1]) for r in rows}
    sizes = [sum(1 for r in rows if (r[0], r[1]) == b) for b in blocks]
    assert max(sizes) <= cap
    return [len(rows), len(blocks)]


def _h29(d):
    k, reps, cap = d["k"], d["reps"], d["per_day"]
    per_rep = 2 ** math.ceil(math.log2(2 ** k / cap)) if 2 ** k > cap else 1
    return [reps * 2 ** k, reps * per_rep]


def _p29(t):
    return {"k": word_or_int(re.search(r"full factorial in (\w+) factors", t).group(1)),
            "reps": word_or_int(re.search(r"want (\w+) complete replicates", t).group(1)),
            "per_day": int(re.search(r"only takes (\d+) runs per day", t).group(1))}


add("s29", 3, "replicated 2^4 full factorial with a per-day capacity that sets the block size: total runs and blocks",
    ["doe_design", "dsl_run"], {"k": 4, "reps": 2, "per_day": 8},
    _r29, _l29, _h29, _p29, ["runs", "blocks"], [0, 0])


# ---- s30 Box-Behnken, '3-level' is the number of levels, 4 factors
def bbd(k, cp):
    rows = []
    for i, j in itertools.combinations(range(k), 2):
        for a, b in itertools.product([-1, 1], repeat=2):
            r = [0] * k
            r[i], r[j] = a, b
            rows.append(r)
    rows += [[0] * k for _ in range(cp)]
    return np.array(rows)


def _r30(d):
    return (f"need a {d['levels']}-level response surface design for {WORDS_INV[d['k']]} factors (temp, time, pH, "
            f"stir speed) - a Box-Behnken with {d['cp']} centre points. how many runs is that?")


def _l30(d):
    X = bbd(d["k"], d["cp"])
    assert all(len(set(X[:, j])) == d["levels"] for j in range(d["k"]))
    return [X.shape[0]]


def _h30(d):
    return [2 * d["k"] * (d["k"] - 1) + d["cp"]]


def _p30(t):
    g = re.search(r"need a (\d+)-level response surface design for (\w+) factors", t)
    return {"levels": int(g.group(1)), "k": word_or_int(g.group(2)),
            "cp": int(re.search(r"Box-Behnken with (\d+) centre points", t).group(1))}


def _bump(key, by=2):
    def f(d):
        d = copy.deepcopy(d)
        d[key] += by
        return d
    return f


add("s30", 3, "Box-Behnken run count where '3-level' is the number of levels and there are 4 factors",
    ["doe_design", "dsl_run"], {"levels": 3, "k": 4, "cp": 3},
    _r30, _l30, _h30, _p30, ["runs"], [0], mutate=_bump("cp"))


# ---- s31 rotatable CCD, 3 factors, 6 centre points in total
def _r31(d):
    return (f"rotatable central composite design, {d['k']} factors, full 2^{d['k']} factorial core, "
            f"{d['cp']} centre points in total. how many runs, and what axial distance (alpha) in coded units?")


def _l31(d):
    k, cp = d["k"], d["cp"]
    cube = full2(k).astype(float)

    def moment_gap(a):       # rotatability: sum x1^4 = 3 sum x1^2 x2^2
        star = np.vstack([s * a * np.eye(k)[i] for i in range(k) for s in (-1, 1)])
        X = np.vstack([cube, star])
        return (X[:, 0] ** 4).sum() - 3 * (X[:, 0] ** 2 * X[:, 1] ** 2).sum()
    alpha = float(__import__("scipy.optimize", fromlist=["brentq"]).brentq(moment_gap, 1.0, 3.0, xtol=1e-14))
    star = np.vstack([s * alpha * np.eye(k)[i] for i in range(k) for s in (-1, 1)])
    X = np.vstack([cube, star, np.zeros((cp, k))])
    return [X.shape[0], alpha]


def _h31(d):
    return [2 ** d["k"] + 2 * d["k"] + d["cp"], mp.root(2 ** d["k"], 4)]


def _p31(t):
    return {"cp": int(re.search(r"(\d+) centre points in total", t).group(1)),
            "k": int(re.search(r"design, (\d+) factors", t).group(1))}


add("s31", 3, "rotatable CCD with a full factorial core: run count (centre points counted once) and alpha",
    ["doe_design", "dsl_run"], {"cp": 6, "k": 3},
    _r31, _l31, _h31, _p31, ["runs", "alpha"], [0, 0.005])


# ---- s32 REFUSAL: Box-Behnken with two factors
def _r32(d):
    return (f"can you set up a Box-Behnken for our {d['k']} factors (spindle speed and feed rate) with "
            f"{d['cp']} centre points? how many runs will it be? trial is booked for cell 9 next tuesday")


def _rc32(t):
    k = int(re.search(r"Box-Behnken for our (\d+) factors", t).group(1))
    assert k < 3


add("s32", 3, "Box-Behnken requested for only two factors",
    ["doe_design", "dsl_run"], {"k": 2, "cp": 3}, _r32, refuse=True, refcheck=_rc32,
    reason="a Box-Behnken design needs at least three factors; with two factors it does not exist (a CCD or 3^2 would be needed)")


# ---- s33 Plackett-Burman for 11 factors, two replicates
PB12_GEN = [1, 1, -1, 1, 1, 1, -1, -1, -1, 1, -1]


def pb(k):
    assert k <= 11
    rows = [np.roll(PB12_GEN, i) for i in range(11)] + [[-1] * 11]
    X = np.array(rows)
    assert (X.T @ X == 12 * np.eye(11)).all()
    return X[:, :k]


def _r33(d):
    return (f"screenning {d['k']} candidate factors with a Plackett-Burman design in the smallest run size that "
            f"holds them, and we want the whole design run {WORDS_INV[d['reps']]} times ({d['reps']} replicates). "
            "total number of runs?")


def _l33(d):
    X = np.vstack([pb(d["k"])] * d["reps"])
    return [X.shape[0]]


def _h33(d):
    return [4 * math.ceil((d["k"] + 1) / 4) * d["reps"]]


def _p33(t):
    return {"k": int(re.search(r"screen\w* (\d+) candidate", t).group(1)),
            "reps": int(re.search(r"\((\d+) replicates\)", t).group(1))}


add("s33", 3, "Plackett-Burman for 11 factors (12-run) replicated twice: total runs",
    ["doe_design", "dsl_run"], {"k": 11, "reps": 2},
    _r33, _l33, _h33, _p33, ["runs"], [0], mutate=_bump("reps", 1))


# ---- s34 2^(6-2), two replicates of the fraction, 3 centre points in total
def _frac62():
    base = full2(4)
    E = base[:, 0] * base[:, 1] * base[:, 2]
    F = base[:, 1] * base[:, 2] * base[:, 3]
    return np.column_stack([base, E, F])


def _resolution(X):
    k = X.shape[1]
    for r in range(1, k + 1):
        for c in itertools.combinations(range(k), r):
            if len(set(np.prod(X[:, list(c)], axis=1))) == 1:
                return r
    return None


def _r34(d):
    return (f"six factors, quarter fraction 2^(6-2). we'll run {WORDS_INV[d['reps']]} replicates of the fractional "
            f"runs plus {d['cp']} centre points in total (not per replicate). how many runs altogether, and what is "
            "the resolution of the standard 2^(6-2) (as a number)?")


def _l34(d):
    X = _frac62()
    D = np.vstack([X] * d["reps"] + [np.zeros((d["cp"], 6))])
    return [D.shape[0], _resolution(X)]


def _h34(d):
    g1, g2 = frozenset("ABCE"), frozenset("BCDF")
    words = [g1, g2, g1 ^ g2]
    return [2 ** (6 - 2) * d["reps"] + d["cp"], min(len(w) for w in words)]


def _p34(t):
    return {"reps": word_or_int(re.search(r"run (\w+) replicates of the fractional", t).group(1)),
            "cp": int(re.search(r"plus (\d+) centre points in total", t).group(1))}


add("s34", 3, "2^(6-2) with two replicates and centre points not replicated: total runs and resolution",
    ["doe_design", "doe_properties", "dsl_run"], {"reps": 2, "cp": 3},
    _r34, _l34, _h34, _p34, ["runs", "resolution"], [0, 0], mutate=_bump("cp"))


# ---- s35 X-bar/R from summary figures; sampling plan in words gives n
def _r35(d):
    return (f"every hour the operator on line 3 pulls {WORDS_INV[d['n']]} consecutive parts and measures the groove "
            f"depth. over the last 25 hours (machine rebuilt in 2019) the grand average was {d['xbb']:.2f} mm and "
            f"the average range {d['rbar']:.2f} mm. X-bar and R chart limits?")


def _l35(d):
    n = d["n"]
    return [d["xbb"] + tab(n, "A2") * d["rbar"], d["xbb"] - tab(n, "A2") * d["rbar"], tab(n, "D4") * d["rbar"]]


def _h35(d):
    n, x, r = d["n"], Q_(d["xbb"]), Q_(d["rbar"])
    return [M(x + tabF(n, "A2") * r), M(x - tabF(n, "A2") * r), M(tabF(n, "D4") * r)]


def _a35(d):
    c = SPC_EXACT[d["n"]]
    return [d["xbb"] + c["A2"] * d["rbar"], d["xbb"] - c["A2"] * d["rbar"], c["D4"] * d["rbar"]]


def _p35(t):
    return {"xbb": float(re.search(r"grand average was " + N, t).group(1)),
            "rbar": float(re.search(r"average range " + N, t).group(1)),
            "n": word_or_int(re.search(r"pulls (\w+) consecutive parts", t).group(1))}


add("s35", 3, "X-bar/R limits from grand mean and R-bar; subgroup size given by the sampling plan in words",
    ["summary_chart", "control_chart", "dsl_run"],
    {"xbb": round(float(rng.normal(3.18, 0.01)), 2), "rbar": round(float(rng.uniform(0.05, 0.08)), 2), "n": 4},
    _r35, _l35, _h35, _p35, ["UCL X-bar", "LCL X-bar", "UCL R"], [0.005, 0.005, 0.005], alt=_a35)


# ---- power helpers (hand: noncentral t by quadrature over the chi-square variable)
def h_power_t(delta, df, alpha):
    df = mp.mpf(df)
    c = mp.findroot(lambda q: h_t2p(q, df) - alpha, 2.0)
    fv = lambda v: mp.exp((df / 2 - 1) * mp.log(v) - v / 2 - (df / 2) * mp.log(2) - mp.loggamma(df / 2))
    up = mp.quad(lambda v: fv(v) * (1 - mp.ncdf(c * mp.sqrt(v / df) - delta)), [0, df, 4 * df, mp.inf])
    lo = mp.quad(lambda v: fv(v) * mp.ncdf(-c * mp.sqrt(v / df) - delta), [0, df, 4 * df, mp.inf])
    return up + lo


def h_n_two_sample(diff, sd, alpha, power):
    n = 2
    while h_power_t(M(Q_(diff) / Q_(sd)) * mp.sqrt(mp.mpf(n) / 2), 2 * n - 2, alpha) < power:
        n += 1
    return n


def h_n_paired(diff, sd, alpha, power):
    n = 2
    while h_power_t(M(Q_(diff) / Q_(sd)) * mp.sqrt(n), n - 1, alpha) < power:
        n += 1
    return n


def sm_n(solver, es, alpha, power):
    n = math.ceil(solver.solve_power(effect_size=es, alpha=alpha, power=power, alternative="two-sided"))
    assert solver.power(es, n, alpha, alternative="two-sided") >= power
    assert solver.power(es, n - 1, alpha, alternative="two-sided") < power
    return n


# ---- s36 two-sample sample size
def _r36(d):
    return (f"planning a comparison of two coating suppliers. want to pick up a difference in mean thickness of "
            f"{d['diff']} um; SD is about {d['sd']} um for both; alpha {d['alpha']} two-sided, power "
            f"{int(round(d['power'] * 100))}%. how many panels per supplier for a 2-sample t-test (proper noncentral-t "
            "power, not the normal approximation)?")


def _l36(d):
    return [sm_n(TTestIndPower(), d["diff"] / d["sd"], d["alpha"], d["power"])]


def _h36(d):
    return [h_n_two_sample(d["diff"], d["sd"], d["alpha"], d["power"])]


def _p36(t):
    return {"diff": float(re.search(r"thickness of " + N + " um", t).group(1)),
            "sd": float(re.search(r"SD is about " + N, t).group(1)),
            "alpha": float(re.search(r"alpha " + N, t).group(1)),
            "power": int(re.search(r"power (\d+)%", t).group(1)) / 100}


add("s36", 3, "sample size per group for a two-sample t-test from effect, SD, alpha and power in prose",
    ["power", "dsl_run"], {"diff": 2.5, "sd": 4.0, "alpha": 0.05, "power": 0.90},
    _r36, _l36, _h36, _p36, ["n per group"], [0])


# ---- s37 power for a given n per group
def _r37(d):
    return (f"we can only afford {d['n']} parts per group (budget code 26-114). two-sample t, two-sided alpha = "
            f"{d['alpha']}, SD ~{d['sd']} MPa, and the shift we care about between the two heat treatments is "
            f"{d['diff']} MPa. what power does that give us (noncentral t, both tails)?")


def _l37(d):
    return [TTestIndPower().power(d["diff"] / d["sd"], d["n"], d["alpha"], alternative="two-sided")]


def _h37(d):
    return [h_power_t(M(Q_(d["diff"]) / Q_(d["sd"])) * mp.sqrt(mp.mpf(d["n"]) / 2), 2 * d["n"] - 2, d["alpha"])]


def _p37(t):
    return {"n": int(re.search(r"afford (\d+) parts per group", t).group(1)),
            "diff": float(re.search(r"treatments is " + N + " MPa", t).group(1)),
            "sd": float(re.search(r"SD ~" + N, t).group(1)),
            "alpha": float(re.search(r"alpha = " + N, t).group(1))}


add("s37", 3, "power of a two-sample t-test for a stated n per group, difference, SD and alpha",
    ["power", "dsl_run"], {"n": 12, "diff": 1.8, "sd": 2.0, "alpha": 0.05},
    _r37, _l37, _h37, _p37, ["power"], [0.005])


# ---- s38 paired sample size
def _r38(d):
    return (f"paired design - every sample gets measured by both labs. we want to detect a mean difference of "
            f"{d['diff']} units; SD of the differences is {d['sd']}; alpha {d['alpha']} two-sided; "
            f"{int(round(d['power'] * 100))}% power. how many pairs do we need? (paired t, noncentral-t power, not the z "
            "shortcut)")


def _l38(d):
    return [sm_n(TTestPower(), d["diff"] / d["sd"], d["alpha"], d["power"])]


def _h38(d):
    return [h_n_paired(d["diff"], d["sd"], d["alpha"], d["power"])]


def _p38(t):
    return {"diff": float(re.search(r"mean difference of " + N, t).group(1)),
            "sd": float(re.search(r"differences is " + N, t).group(1)),
            "alpha": float(re.search(r"alpha " + N, t).group(1)),
            "power": int(re.search(r"(\d+)% power", t).group(1)) / 100}


add("s38", 3, "number of pairs for a paired t-test from difference, SD of differences, alpha and power",
    ["power", "dsl_run"], {"diff": 0.8, "sd": 1.5, "alpha": 0.01, "power": 0.80},
    _r38, _l38, _h38, _p38, ["n pairs"], [0])


# ---- s39 REFUSAL: sample size without any SD
def _r39(d):
    return (f"we want to detect a {d['diff']}-unit difference in mean output between the two extruders with "
            f"{int(d['power'] * 100)}% power at alpha = {d['alpha']} (two-sided). how many samples per extruder? "
            "(haven't measured anything yet so no idea of the spread)")


def _rc39(t):
    assert not re.search(r"\b(sd|standard deviation|sigma|variance|effect size)\b", t, re.I)


add("s39", 3, "two-sample sample size asked with no standard deviation or standardised effect",
    ["power", "dsl_run"], {"diff": 3, "power": 0.9, "alpha": 0.05}, _r39, refuse=True, refcheck=_rc39,
    reason="no standard deviation (or standardised effect size) is given, so the sample size cannot be determined")


# ---- s40 X-bar/S from summary figures, n = 6 from the sampling plan
def _r40(d):
    return (f"{WORDS_INV[d['n']]} bottles are taken every 30 min from filler 2 and weighed. from 30 subgroups: "
            f"xbarbar = {d['xbb']:.1f} g, sbar = {d['sbar']:.2f} g. x-bar/s chart: UCL and LCL for the means "
            "and UCL for s?")


def _l40(d):
    n = d["n"]
    return [d["xbb"] + tab(n, "A3") * d["sbar"], d["xbb"] - tab(n, "A3") * d["sbar"], tab(n, "B4") * d["sbar"]]


def _h40(d):
    n, x, s = d["n"], Q_(d["xbb"]), Q_(d["sbar"])
    return [M(x + tabF(n, "A3") * s), M(x - tabF(n, "A3") * s), M(tabF(n, "B4") * s)]


def _a40(d):
    c = SPC_EXACT[d["n"]]
    return [d["xbb"] + c["A3"] * d["sbar"], d["xbb"] - c["A3"] * d["sbar"], c["B4"] * d["sbar"]]


def _p40(t):
    return {"xbb": float(re.search(r"xbarbar = " + N, t).group(1)),
            "sbar": float(re.search(r"sbar = " + N, t).group(1)),
            "n": word_or_int(re.match(r"(\w+) bottles are taken", t).group(1))}


add("s40", 3, "X-bar/S limits from grand mean and s-bar; subgroup size from the sampling plan",
    ["summary_chart", "control_chart", "dsl_run"],
    {"xbb": round(float(rng.normal(1002.4, 0.3)), 1), "sbar": round(float(rng.uniform(1.6, 2.1)), 2), "n": 6},
    _r40, _l40, _h40, _p40, ["UCL X-bar", "LCL X-bar", "UCL S"], [0.005, 0.005, 0.005], alt=_a40)


# ---- s41 general full factorial 3 x 4 levels, replicated twice
def _r41(d):
    return (f"general full factorial: catalyst type at {d['l1']} levels and temperature at {d['l2']} levels, "
            f"replicated {WORDS_INV[d['reps']]} times. how many runs in total?")


def _l41(d):
    D = [c for _ in range(d["reps"]) for c in itertools.product(range(d["l1"]), range(d["l2"]))]
    return [len(D)]


def _h41(d):
    return [d["l1"] * d["l2"] * d["reps"]]


def _p41(t):
    return {"l1": int(re.search(r"catalyst type at (\d+) levels", t).group(1)),
            "l2": int(re.search(r"temperature at (\d+) levels", t).group(1)),
            "reps": word_or_int(re.search(r"replicated (\w+) times", t).group(1))}


add("s41", 3, "run count of a replicated general full factorial (3 x 4 levels, 2 replicates)",
    ["doe_design", "dsl_run"], {"l1": 3, "l2": 4, "reps": 2},
    _r41, _l41, _h41, _p41, ["runs"], [0])


# ---- s42 one-sided one-sample t from summary figures
def _r42(d):
    return (f"{d['n']} bars from the march heat (furnace 2): average tensile strength {d['mean']:.1f} MPa with a "
            f"standard deviation of {d['sd']:.1f} MPa. the spec minimum for the mean is {d['mu0']} MPa - is the mean "
            "above it? one-sided t test, t and p")


def _l42(d):
    t = (d["mean"] - d["mu0"]) / (d["sd"] / math.sqrt(d["n"]))
    return [t, st.t.sf(t, d["n"] - 1)]


def _h42(d):
    t = M(Q_(d["mean"]) - d["mu0"]) / (M(Q_(d["sd"])) / mp.sqrt(d["n"]))
    return [t, h_tupper(t, d["n"] - 1)]


def _p42(t):
    return {"mean": float(re.search(r"average tensile strength " + N, t).group(1)),
            "sd": float(re.search(r"standard deviation of " + N, t).group(1)),
            "n": int(re.match(r"(\d+) bars", t).group(1)),
            "mu0": int(re.search(r"spec minimum for the mean is (\d+)", t).group(1))}


add("s42", 3, "one-sided one-sample t from n, mean and SD stated in prose",
    ["summary_t_test", "dsl_run"],
    {"mean": round(float(rng.normal(410, 2)), 1), "sd": round(float(rng.uniform(8, 12)), 1), "n": 18, "mu0": 405},
    _r42, _l42, _h42, _p42, ["t", "p (one-sided)"], [0.005, 0.02])


# =========================================================================== KIND 4
# mathematics
X_, Y_ = sp.symbols("x y")


def _mpf_of(expr, vars_):
    return sp.lambdify(vars_, expr, modules="mpmath")


# ---- s43 first derivative at a point
def _r43(d):
    return f"d/dx of {d['expr']}, evaluated at x = {d['x0']}?"


def _l43(d):
    e = mp_sym(d["expr"])
    return [float(sp.diff(e, X_).subs(X_, sp.Rational(str(d["x0"]))).evalf(30))]


def _h43(d):
    return [mp.diff(_mpf_of(mp_sym(d["expr"]), X_), M(Q_(d["x0"])))]


def _p43(t):
    g = re.search(r"d/dx of (.+?), evaluated at x = " + N + r"\?", t)
    return {"x0": float(g.group(2)), "expr": g.group(1)}


add("s43", 4, "first derivative evaluated at a point", ["differentiate", "evaluate", "dsl_run"],
    {"x0": 1.3, "expr": "x^2 sin(x) e^(-x/2)"}, _r43, _l43, _h43, _p43, ["f'(1.3)"], [0.005])


# ---- s44 mixed second partial at a point
def _r44(d):
    return (f"for f(x, y) = {d['expr']}, what's the mixed partial d^2 f/dx dy at the point "
            f"({d['x0']}, {d['y0']})?")


def _l44(d):
    e = mp_sym(d["expr"])
    v = sp.diff(e, X_, Y_).subs({X_: sp.Rational(str(d["x0"])), Y_: sp.Rational(str(d["y0"]))})
    return [float(v.evalf(30))]


def _h44(d):
    f = _mpf_of(mp_sym(d["expr"]), (X_, Y_))
    return [mp.diff(f, (M(Q_(d["x0"])), M(Q_(d["y0"]))), (1, 1))]


def _p44(t):
    g = re.search(r"f\(x, y\) = (.+?), what's the mixed partial .*?at the point \(" + N + ", " + N + r"\)", t)
    return {"y0": float(g.group(3)), "x0": float(g.group(2)), "expr": g.group(1)}


add("s44", 4, "mixed second-order partial derivative at a point", ["differentiate", "evaluate", "dsl_run"],
    {"y0": 0.5, "x0": 1, "expr": "x^3*y^2 + e^(x*y)"}, _r44, _l44, _h44, _p44, ["d2f/dxdy at (1, 0.5)"], [0.005])


# ---- s45 fourth derivative at a point
def _r45(d):
    suf = {2: "nd", 3: "rd"}.get(d["n"], "th")
    return f"{d['n']}{suf} derivative of {d['expr']} at x={d['x0']} pls"


def _l45(d):
    e = mp_sym(d["expr"])
    return [float(sp.diff(e, X_, d["n"]).subs(X_, sp.Rational(str(d["x0"]))).evalf(30))]


def _h45(d):
    return [mp.diff(_mpf_of(mp_sym(d["expr"]), X_), M(Q_(d["x0"])), d["n"])]


def _p45(t):
    g = re.search(r"(\d+)(?:st|nd|rd|th) derivative of (.+?) at x=" + N + " pls", t)
    return {"x0": float(g.group(3)), "n": int(g.group(1)), "expr": g.group(2)}


add("s45", 4, "higher-order (4th) derivative at a point", ["differentiate", "evaluate", "dsl_run"],
    {"x0": 0.5, "n": 4, "expr": "ln(1 + x^2)"}, _r45, _l45, _h45, _p45, ["4th derivative at 0.5"], [0.005])


# ---- s46 definite integral
def _r46(d):
    return f"integrate {d['expr']} dx from {d['a']} to {d['b']} - need the number"


def _l46(d):
    return [float(sp.integrate(mp_sym(d["expr"]), (X_, d["a"], d["b"])).evalf(30))]


def _h46(d):
    return [mp.quad(_mpf_of(mp_sym(d["expr"]), X_), [d["a"], d["b"]])]


def _p46(t):
    g = re.search(r"integrate (.+?) dx from " + N + " to " + N, t)
    return {"a": int(g.group(2)), "b": int(g.group(3)), "expr": g.group(1)}


add("s46", 4, "definite integral", ["integrate", "dsl_run"], {"a": 0, "b": 2, "expr": "x^2 e^(-x)"},
    _r46, _l46, _h46, _p46, ["integral"], [0.005])


# ---- s47 improper integral
def _r47(d):
    return f"what does the integral of {d['expr']} from x = {d['a']} to infinity come to?"


def _l47(d):
    return [float(sp.integrate(mp_sym(d["expr"]), (X_, d["a"], sp.oo)).evalf(30))]


def _h47(d):
    return [mp.quad(_mpf_of(mp_sym(d["expr"]), X_), [d["a"], mp.inf])]


def _p47(t):
    g = re.search(r"integral of (.+?) from x = (\d+) to infinity", t)
    return {"a": int(g.group(2)), "expr": g.group(1)}


add("s47", 4, "improper integral to infinity", ["integrate", "dsl_run"], {"a": 1, "expr": "1/(x^2 (1 + x))"},
    _r47, _l47, _h47, _p47, ["integral"], [0.005])


# ---- s48 limit
def _r48(d):
    return f"limit of {d['expr']} as x -> {d['x0']}"


def _l48(d):
    return [float(sp.limit(mp_sym(d["expr"]), X_, d["x0"]))]


def _h48(d):
    return [mp.limit(_mpf_of(mp_sym(d["expr"]), X_), d["x0"])]


def _p48(t):
    g = re.search(r"limit of (.+) as x -> " + N + "$", t)
    return {"x0": int(g.group(2)), "expr": g.group(1)}


add("s48", 4, "limit of a 0/0 form", ["limit", "dsl_run"], {"x0": 0, "expr": "(sin(3x) - 3x)/x^3"},
    _r48, _l48, _h48, _p48, ["limit"], [0.005])


# ---- s49 Taylor coefficient
def _r49(d):
    return f"coefficient of x^{d['k']} in the Maclaurin series of {d['expr']}?"


def _l49(d):
    s = sp.series(mp_sym(d["expr"]), X_, 0, d["k"] + 1).removeO()
    return [float(sp.expand(s).coeff(X_, d["k"]))]


def _h49(d):
    return [mp.taylor(_mpf_of(mp_sym(d["expr"]), X_), 0, d["k"])[d["k"]]]


def _p49(t):
    g = re.search(r"coefficient of x\^(\d+) in the Maclaurin series of (.+)\?$", t)
    return {"k": int(g.group(1)), "expr": g.group(2)}


add("s49", 4, "a coefficient of a Maclaurin series", ["series", "dsl_run"], {"k": 4, "expr": "e^x cos(2x)"},
    _r49, _l49, _h49, _p49, ["coefficient of x^4"], [0.005])


# ---- s50 real root of a cubic
def _cubic(a, b):
    return f"x^3 {'-' if a < 0 else '+'} {abs(a)}x {'-' if b < 0 else '+'} {abs(b)}"


def _r50(d):
    return f"solve {_cubic(d['a'], d['b'])} = 0 for real x"


def _l50(d):
    rr = sp.real_roots(sp.Poly(X_ ** 3 + d["a"] * X_ + d["b"], X_))
    return [float(max(rr).evalf(30))]


def _h50(d):
    roots = mp.polyroots([1, 0, d["a"], d["b"]], maxsteps=200, extraprec=60)
    real = [r.real for r in roots if abs(mp.im(r)) < mp.mpf(10) ** -20]
    return [max(real)]


def _p50(t):
    g = re.search(r"solve x\^3 ([+-]) (\d+)x ([+-]) (\d+) = 0", t)
    return {"a": int(g.group(2)) * (-1 if g.group(1) == "-" else 1), "b": int(g.group(4)) * (-1 if g.group(3) == "-" else 1)}


while True:
    _a, _b = -int(rng.integers(1, 6)), -int(rng.integers(3, 10))
    if -4 * _a ** 3 - 27 * _b ** 2 < 0:
        break
add("s50", 4, "real root of a cubic with one real root", ["solve", "dsl_run"], {"a": _a, "b": _b},
    _r50, _l50, _h50, _p50, ["real root x"], [0.005])


# ---- s51 3x3 linear system
def _lin(coefs, rhs):
    out = ""
    for c, v in zip(coefs, "xyz"):
        if c == 0:
            continue
        sgn = "-" if c < 0 else "+"
        mag = "" if abs(c) == 1 else str(abs(c))
        out += (f"{'-' if c < 0 else ''}{mag}{v}" if not out else f" {sgn} {mag}{v}")
    return f"{out} = {rhs}"


def _r51(d):
    eqs = "\n".join(_lin(r, b) for r, b in zip(d["A"], d["b"]))
    return "solve for x, y, z:\n" + eqs + "\n"


def _l51(d):
    sol = sp.Matrix(d["A"]).LUsolve(sp.Matrix(d["b"]))
    return [float(v) for v in sol]


def _h51(d):
    D = h_det(d["A"])
    out = []
    for j in range(3):
        Aj = [[(d["b"][i] if c == j else d["A"][i][c]) for c in range(3)] for i in range(3)]
        out.append(M(h_det(Aj) / D))
    return out


def _p51(t):
    A, b = [], []
    for line in re.findall(r"^(.+ = -?\d+)$", t, re.M):
        lhs, rhs = line.split("=")
        e = mp_sym(lhs)
        A.append([int(e.coeff(s)) for s in sp.symbols("x y z")])
        b.append(int(rhs))
    return {"A": A, "b": b}


while True:
    _A = [[int(v) for v in row] for row in rng.integers(-5, 6, (3, 3))]
    _bb = [int(v) for v in rng.integers(-12, 13, 3)]
    if h_det(_A) != 0 and all(v != 0 for v in h_solve(_A, _bb)):
        break
add("s51", 4, "3x3 linear system", ["solve", "matrix", "dsl_run"], {"A": _A, "b": _bb},
    _r51, _l51, _h51, _p51, ["x", "y", "z"], [0.005, 0.005, 0.005])


# ---- s52 REFUSAL: determinant of a non-square matrix
def _r52(d):
    rows = "; ".join(" ".join(str(v) for v in r) for r in d["A"])
    return f"quick one - determinant of [{rows}] ?"


def _rc52(t):
    rows = [r.split() for r in re.search(r"\[([^\]]+)\]", t).group(1).split(";")]
    assert len({len(r) for r in rows}) == 1 and len(rows) != len(rows[0])


add("s52", 4, "determinant of a 3x4 matrix", ["matrix", "dsl_run"],
    {"A": [[int(v) for v in r] for r in rng.integers(-5, 10, (3, 4))]}, _r52, refuse=True, refcheck=_rc52,
    reason="the matrix is 3x4 (not square); a determinant is only defined for square matrices")


# ---- s53 4x4 determinant
def _r53(d):
    rows = "\n".join("  ".join(f"{v:>3}" for v in r) for r in d["A"])
    return "det of this 4x4?\n\n" + rows


def _l53(d):
    return [int(sp.Matrix(d["A"]).det())]


def _h53(d):
    return [h_det(d["A"])]


def _p53(t):
    return {"A": [[int(v) for v in line.split()] for line in re.findall(r"^\s*-?\d+(?:\s+-?\d+){3}\s*$", t, re.M)]}


while True:
    _A = [[int(v) for v in r] for r in rng.integers(-4, 8, (4, 4))]
    if h_det(_A) != 0:
        break
add("s53", 4, "determinant of a 4x4 integer matrix", ["matrix", "dsl_run"], {"A": _A},
    _r53, _l53, _h53, _p53, ["determinant"], [0])


# ---- s54 inverse entries
def _r54(d):
    rows = "; ".join(" ".join(str(v) for v in r) for r in d["A"])
    return f"invert A = [{rows}] (decimals are fine)"


_IDX54 = [(0, 0), (1, 2), (2, 1)]


def _l54(d):
    Ai = sp.Matrix(d["A"]).inv()
    return [float(Ai[i, j]) for i, j in _IDX54]


def _h54(d):
    A = d["A"]
    D = h_det(A)

    def cof(i, j):
        minor = [[A[r][c] for c in range(3) if c != j] for r in range(3) if r != i]
        return (-1) ** (i + j) * h_det(minor)
    return [M(cof(j, i) / D) for i, j in _IDX54]     # inverse = adj / det, adj = cofactor transpose


def _p54(t):
    rows = re.search(r"A = \[([^\]]+)\]", t).group(1).split(";")
    return {"A": [[int(v) for v in r.split()] for r in rows]}


while True:
    _A = [[int(v) for v in r] for r in rng.integers(-3, 6, (3, 3))]
    if h_det(_A) != 0:
        _inv = sp.Matrix(_A).inv()
        if all(_inv[i, j] != 0 for i, j in _IDX54):
            break
add("s54", 4, "inverse of a 3x3 matrix (three entries checked)", ["matrix", "dsl_run"], {"A": _A},
    _r54, _l54, _h54, _p54, ["inverse (1,1)", "inverse (2,3)", "inverse (3,2)"], [0.005, 0.005, 0.005])


# ---- s55 eigenvalues of a symmetric 3x3
def _r55(d):
    return f"eigenvalues of the symmetric matrix {d['S']} ?"


def _l55(d):
    return sorted(np.linalg.eigvalsh(np.array(d["S"], float)), reverse=True)


def _h55(d):
    S = [[Fr(v) for v in r] for r in d["S"]]
    tr = S[0][0] + S[1][1] + S[2][2]
    m2 = sum((S[i][i] * S[j][j] - S[i][j] * S[j][i] for i, j in [(0, 1), (0, 2), (1, 2)]), Fr(0))
    det = h_det(S)
    roots = mp.polyroots([1, -M(tr), M(m2), -M(det)], maxsteps=200, extraprec=60)
    return sorted((mp.re(r) for r in roots), reverse=True)


def _p55(t):
    rows = re.findall(r"\[(-?\d+), (-?\d+), (-?\d+)\]", t)
    return {"S": [[int(v) for v in r] for r in rows]}


while True:
    _dg = rng.integers(1, 8, 3)
    _od = rng.integers(-3, 4, 3)
    _S = [[int(_dg[0]), int(_od[0]), int(_od[1])], [int(_od[0]), int(_dg[1]), int(_od[2])],
          [int(_od[1]), int(_od[2]), int(_dg[2])]]
    _ev = np.linalg.eigvalsh(np.array(_S, float))
    if min(abs(_ev)) > 0.1 and min(np.diff(_ev)) > 0.1 and np.count_nonzero(_od) == 3:
        break
add("s55", 4, "eigenvalues of a symmetric 3x3 matrix", ["matrix", "dsl_run"], {"S": _S},
    _r55, _l55, _h55, _p55, ["largest eigenvalue", "middle eigenvalue", "smallest eigenvalue"], [0.005, 0.005, 0.005],
    mutate=lambda d: {"S": [[d["S"][0][0] + 2] + d["S"][0][1:]] + copy.deepcopy(d["S"][1:])})


# ---- s56 partial fractions
def _lin_factor(r):
    return f"(x - {r})" if r > 0 else f"(x + {-r})"


def _poly2(p, q, c):
    s = f"{p if p != 1 else ''}x^2"
    s += f" - {abs(q) if abs(q) != 1 else ''}x" if q < 0 else f" + {q if q != 1 else ''}x"
    s += f" - {abs(c)}" if c < 0 else f" + {c}"
    return s


def _r56(d):
    f = "".join(_lin_factor(r) for r in d["roots"])
    terms = " + ".join(f"{L}/{_lin_factor(r)}" for L, r in zip("ABC", d["roots"]))
    return (f"split ({_poly2(*d['num'])})/({f}) into partial fractions, i.e. find A, B, C in {terms}")


def _l56(d):
    e = mp_sym(f"({_poly2(*d['num'])})/(" + "*".join(_lin_factor(r) for r in d["roots"]) + ")")
    out = {}
    for term in sp.Add.make_args(sp.apart(e, X_)):
        num, den = term.as_numer_denom()
        root = sp.solve(den, X_)[0]
        out[int(root)] = num / sp.Poly(den, X_).LC()
    return [float(out[r]) for r in d["roots"]]


def _h56(d):
    p, q, c = d["num"]
    rs = d["roots"]
    out = []
    for i, r in enumerate(rs):
        den = Fr(1)
        for j, s in enumerate(rs):
            if j != i:
                den *= (r - s)
        out.append(M(Fr(p * r * r + q * r + c) / den))
    return out


def _p56(t):
    g = re.search(r"split \((\d*)x\^2 ([+-]) (\d*)x ([+-]) (\d+)\)/\(((?:\(x [+-] \d+\))+)\)", t)
    num = [int(g.group(1) or 1), int(g.group(3) or 1) * (-1 if g.group(2) == "-" else 1),
           int(g.group(5)) * (-1 if g.group(4) == "-" else 1)]
    roots = [(-1 if s == "+" else 1) * int(v) for s, v in re.findall(r"\(x ([+-]) (\d+)\)", g.group(6))]
    return {"num": num, "roots": roots}


while True:
    _roots = [int(v) for v in rng.choice(np.arange(-5, 6), 3, replace=False)]
    _num = [int(rng.integers(1, 6)), int(rng.integers(-6, 7)), int(rng.integers(-9, 10))]
    if 0 not in _roots and _num[1] != 0 and _num[2] != 0 and all(v != 0 for v in _h56({"num": _num, "roots": _roots})):
        break
add("s56", 4, "partial-fraction constants of a rational function", ["simplify", "dsl_run"],
    {"num": _num, "roots": _roots}, _r56, _l56, _h56, _p56, ["A", "B", "C"], [0.005, 0.005, 0.005])


# =========================================================================== KIND 5
# named tests that must not be substituted

def _no_ties(vals):
    return len(set(vals)) == len(vals)


def _set_item(key, i, value_fn):
    def f(d):
        d = copy.deepcopy(d)
        d[key][i] = value_fn(d[key][i], d)
        return d
    return f


# ---- s57 Mann-Whitney, U for the first sample and exact two-sided p
def _r57(d):
    return ("Mann-Whitney test please (not a t-test). gel time (min) of two independant resin batches, "
            "drums 31 and 44:\n"
            "batch A: " + "  ".join(f"{v:.1f}" for v in d["A"]) + "\n"
            "batch B: " + "  ".join(f"{v:.1f}" for v in d["B"]) + "\n"
            "report U for batch A (= number of (A, B) pairs with A > B) and the exact two-sided p-value")


def _l57(d):
    r = st.mannwhitneyu(d["A"], d["B"], method="exact", alternative="two-sided")
    return [r.statistic, r.pvalue]


def _h57(d):
    A, B = [Q_(v) for v in d["A"]], [Q_(v) for v in d["B"]]
    assert _no_ties(A + B)
    u = sum(1 for a in A for b in B if a > b)
    n1, n2 = len(A), len(B)
    # exact null distribution of U by counting subsets: ways[j][s] = # subsets of size j with U-contribution s
    ways = [[0] * (n1 * n2 + 1) for _ in range(n1 + 1)]
    ways[0][0] = 1
    for pos in range(n1 + n2):          # pos = number of smaller observations already placed
        for j in range(min(n1, pos + 1), 0, -1):
            bs = pos - (j - 1)          # B's below this A if it is the j-th A placed at position pos
            if bs < 0 or bs > n2:
                continue
            for s in range(n1 * n2, bs - 1, -1):
                ways[j][s] += ways[j - 1][s - bs]
    dist = ways[n1]
    tot = sum(dist)
    assert tot == math.comb(n1 + n2, n1)
    lo, hi = Fr(sum(dist[:u + 1]), tot), Fr(sum(dist[u:]), tot)
    return [u, M(min(Fr(1), 2 * min(lo, hi)))]


def _p57(t):
    return {"A": nums(re.search(r"^batch A: (.+)$", t, re.M).group(1)),
            "B": nums(re.search(r"^batch B: (.+)$", t, re.M).group(1))}


while True:
    _A, _B = R1(rng.normal(42.0, 3.0, 8)), R1(rng.normal(44.2, 3.0, 9))
    if _no_ties(_A + _B):
        break
add("s57", 5, "Mann-Whitney U (first sample) with exact two-sided p", ["mann_whitney", "dsl_run"],
    {"A": _A, "B": _B}, _r57, _l57, _h57, _p57, ["U (batch A)", "p"], [0, 0.02],
    mutate=lambda d: _swap_two(d, "A", "B", 1))


def _swap_within(d, k, i, j):
    d = copy.deepcopy(d)
    d[k][i], d[k][j] = d[k][j], d[k][i]
    return d


def _swap_two(d, k1, k2, i):
    d = copy.deepcopy(d)
    d[k1][i], d[k2][i] = d[k2][i], d[k1][i]
    return d


# ---- s58 one-sample Wilcoxon signed-rank against a median
def _r58(d):
    return (f"Wilcoxon signed-rank test that the median fill height is {d['m0']:.2f} mm. readings from "
            f"filler head 6: " + ", ".join(f"{v:.2f}" for v in d["x"]) +
            f". give W+ (sum of ranks of the readings above {d['m0']:.2f}) and the exact two-sided p")


def _l58(d):
    x = np.array(d["x"]) - d["m0"]
    x = x[np.abs(x) > 1e-12]
    rk = st.rankdata(np.abs(x))
    r = st.wilcoxon(np.array(d["x"]) - d["m0"], method="exact")
    return [rk[x > 0].sum(), r.pvalue]


def _h58(d):
    wp, p = _h_signrank([Q_(v) - Q_(d["m0"]) for v in d["x"]])
    return [wp, M(p)]


def _p58(t):
    return {"x": nums(re.search(r"filler head 6: ([\d., ]+)\. give", t).group(1)),
            "m0": float(re.search(r"median fill height is " + N, t).group(1))}


while True:
    _x = R2(rng.normal(10.35, 0.6, 12))
    _dd = [abs(round(v - 10.0, 2)) for v in _x]
    if _no_ties(_dd) and min(_dd) > 0:
        break
add("s58", 5, "one-sample Wilcoxon signed-rank against a stated median: W+ and exact p",
    ["wilcoxon_signed_rank", "dsl_run"], {"x": _x, "m0": 10.0}, _r58, _l58, _h58, _p58,
    ["W+", "p"], [0, 0.02], mutate=_set_item("x", 1, lambda v, d: round(2 * d["m0"] - v, 2)))


# ---- s59 Kruskal-Wallis with tie correction
def _r59(d):
    rows = "\n".join(f"{b}: " + ", ".join(f"{v:.1f}" for v in d["g"][b]) for b in d["g"])
    return ("four brands of AA rechargeable cells, hours to cutoff under the 500 mA test profile (rig 12):\n" + rows +
            "\n\nKruskal-Wallis test across the brands - H (with the correction for ties) and the chi-square "
            "approximation p")


def _l59(d):
    r = st.kruskal(*d["g"].values())
    return [r.statistic, r.pvalue]


def _h59(d):
    groups = list(d["g"].values())
    allv = [v for g in groups for v in g]
    rk = h_ranks(allv)
    N_ = len(allv)
    pos, s = 0, Fr(0)
    for g in groups:
        R = sum(rk[pos:pos + len(g)], Fr(0))
        s += R * R / len(g)
        pos += len(g)
    H = Fr(12, N_ * (N_ + 1)) * s - 3 * (N_ + 1)
    from collections import Counter
    ties = sum(c ** 3 - c for c in Counter(Q_(v) for v in allv).values())
    H = H / (1 - Fr(ties, N_ ** 3 - N_))
    return [M(H), h_chi2_sf(H, len(groups) - 1)]


def _p59(t):
    rows = re.findall(r"^(Brand [A-Z]): (.+)$", t, re.M)
    return {"g": {b: nums(v) for b, v in rows}}


_g = {}
for _lab, _mu, _n in [("Brand P", 9.1, 5), ("Brand Q", 10.2, 6), ("Brand R", 9.4, 5), ("Brand S", 10.6, 6)]:
    _g[_lab] = R1(rng.normal(_mu, 0.7, _n))
add("s59", 5, "Kruskal-Wallis H (tie-corrected) and chi-square p across four groups",
    ["kruskal_wallis", "dsl_run"], {"g": _g}, _r59, _l59, _h59, _p59, ["H", "p"], [0.005, 0.02],
    mutate=lambda d: {"g": {k: ([v[0] + 5.0] + v[1:] if i == 0 else v) for i, (k, v) in enumerate(d["g"].items())}})


# ---- s60 REFUSAL: paired signed-rank with unequal lengths
def _r60(d):
    return ("Wilcoxon signed-rank on before/after pairs, exact p please. surface roughness Ra (um) on the same "
            "coupons before and after polishing:\n"
            "before: " + ", ".join(f"{v:.2f}" for v in d["before"]) + "\n"
            "after:  " + ", ".join(f"{v:.2f}" for v in d["after"]))


def _rc60(t):
    b = nums(re.search(r"^before: (.+)$", t, re.M).group(1))
    a = nums(re.search(r"^after: (.+)$", t, re.M).group(1))
    assert len(a) != len(b)


add("s60", 5, "paired Wilcoxon signed-rank requested with 12 'before' and 11 'after' values",
    ["wilcoxon_signed_rank", "dsl_run"],
    {"before": R2(rng.normal(0.82, 0.08, 12)), "after": R2(rng.normal(0.61, 0.08, 11))},
    _r60, refuse=True, refcheck=_rc60,
    reason="paired test but the before and after lists have different lengths (12 vs 11); the pairs cannot be formed")


# ---- s61 Fisher exact 2x2, two-sided and one-sided
def _r61(d):
    (a, b), (c, e) = d["t"]
    return ("salt-spray results, lot 2024-117:\n\n"
            f"             failed   passed\n"
            f"uncoated     {a:>5}   {b:>6}\n"
            f"coated       {c:>5}   {e:>6}\n\n"
            "Fisher's exact test. I want the two-sided p (the usual one: sum over all tables no more likely than "
            "the observed) and the one-sided p for the alternative that uncoated parts fail more often")


def _l61(d):
    return [st.fisher_exact(d["t"]).pvalue, st.fisher_exact(d["t"], alternative="greater").pvalue]


def _h61(d):
    (a, b), (c, e) = d["t"]
    r1, c1, n = a + b, a + c, a + b + c + e

    def pr(x):
        return Fr(math.comb(c1, x) * math.comb(n - c1, r1 - x), math.comb(n, r1))
    xs = range(max(0, r1 + c1 - n), min(r1, c1) + 1)
    p0 = pr(a)
    two = sum((pr(x) for x in xs if pr(x) <= p0), Fr(0))
    one = sum((pr(x) for x in xs if x >= a), Fr(0))
    return [M(two), M(one)]


def _p61(t):
    a = re.search(r"^uncoated\s+(\d+)\s+(\d+)\s*$", t, re.M)
    c = re.search(r"^coated\s+(\d+)\s+(\d+)\s*$", t, re.M)
    return {"t": [[int(a.group(1)), int(a.group(2))], [int(c.group(1)), int(c.group(2))]]}


_a = int(rng.binomial(12, 0.55))
_c = int(rng.binomial(14, 0.15))
add("s61", 5, "Fisher's exact test on a 2x2 table: two-sided and one-sided p",
    ["proportion_test", "dsl_run"], {"t": [[_a, 12 - _a], [_c, 14 - _c]]},
    _r61, _l61, _h61, _p61, ["p (two-sided)", "p (one-sided)"], [0.02, 0.02])


# ---- s62 exact binomial test and Clopper-Pearson interval
def _r62(d):
    return (f"out of {d['n']} sampled welds, {d['k']} failed the bend test. the historic failure rate is "
            f"{d['p0'] * 100:.0f}%. exact binomial test, two-sided (summing every outcome no more likely than the observed "
            "one) - p-value - and the 95% Clopper-Pearson "
            "interval for the failure rate")


def _l62(d):
    r = st.binomtest(d["k"], d["n"], d["p0"])
    ci = r.proportion_ci(0.95, method="exact")
    return [r.pvalue, ci.low, ci.high]


def _h62(d):
    n, k, p0 = d["n"], d["k"], Q_(d["p0"])

    def pmf(x, p):
        return math.comb(n, x) * p ** x * (1 - p) ** (n - x)
    probs = [pmf(x, p0) for x in range(n + 1)]
    pv = sum((v for v in probs if v <= probs[k]), Fr(0))
    def upper_tail(p):      # P(X >= k | p), increasing in p
        return mp.fsum(math.comb(n, x) * p ** x * (1 - p) ** (n - x) for x in range(k, n + 1))

    def lower_tail(p):      # P(X <= k | p), decreasing in p
        return mp.fsum(math.comb(n, x) * p ** x * (1 - p) ** (n - x) for x in range(0, k + 1))
    lo = _bisect(lambda p: upper_tail(p) - mp.mpf("0.025"), mp.mpf(0), mp.mpf(k) / n)
    hi = _bisect(lambda p: mp.mpf("0.025") - lower_tail(p), mp.mpf(k) / n, mp.mpf(1))
    return [M(pv), lo, hi]


def _bisect(f, a, b, it=200):
    """root of an increasing function on [a, b]"""
    for _ in range(it):
        c = (a + b) / 2
        if f(c) < 0:
            a = c
        else:
            b = c
    return (a + b) / 2


def _p62(t):
    g = re.search(r"out of (\d+) sampled welds, (\d+) failed", t)
    return {"k": int(g.group(2)), "n": int(g.group(1)), "p0": int(re.search(r"rate is (\d+)%", t).group(1)) / 100}


add("s62", 5, "exact binomial test against a historic rate plus the Clopper-Pearson 95% interval",
    ["proportion_test", "dsl_run"], {"k": int(rng.binomial(80, 0.09)), "n": 80, "p0": 0.05},
    _r62, _l62, _h62, _p62, ["p", "CI lower", "CI upper"], [0.02, 0.005, 0.005])


# ---- s63 Brown-Forsythe (Levene about the median)
def _r63(d):
    cols = list(d["g"])
    rows = "\n".join(",".join(f"{d['g'][c][i]:.2f}" for c in cols) for i in range(len(d["g"][cols[0]])))
    return ("repeat readings of one master ring on three bore gauges (calibration room 3):\n\n" + ",".join(cols) +
            "\n" + rows + "\n\nBrown-Forsythe test for equal variances (the Levene test using deviations from the "
            "group medians): statistic and p")


def _l63(d):
    r = st.levene(*d["g"].values(), center="median")
    return [r.statistic, r.pvalue]


def _h63(d):
    z = [[abs(Q_(v) - h_median([Q_(u) for u in g])) for v in g] for g in d["g"].values()]
    f, d1, d2 = h_oneway(z)
    return [M(f), h_f_sf(f, d1, d2)]


def _p63(t):
    hdr = re.search(r"^(G-\w+,G-\w+,G-\w+)$", t, re.M).group(1).split(",")
    rows = [nums(r) for r in re.findall(r"^(\d+\.\d+,\d+\.\d+,\d+\.\d+)$", t, re.M)]
    return {"g": {h: [r[i] for r in rows] for i, h in enumerate(hdr)}}


add("s63", 5, "Brown-Forsythe (median-centred Levene) test of equal variances, CSV with gauge columns",
    ["levene", "dsl_run"],
    {"g": {"G-alpha": R2(rng.normal(50.00, 0.020, 8)), "G-beta": R2(rng.normal(50.00, 0.045, 8)),
           "G-gamma": R2(rng.normal(50.00, 0.030, 8))}},
    _r63, _l63, _h63, _p63, ["Brown-Forsythe statistic", "p"], [0.005, 0.02],
    mutate=lambda d: {"g": {k: ([round(v[0] + 0.3, 2)] + v[1:] if i == 0 else v) for i, (k, v) in enumerate(d["g"].items())}})


# ---- s64 Bartlett
def _r64(d):
    rows = "\n".join(f"  {k:<10} {' '.join(f'{v:.1f}' for v in g)}" for k, g in d["g"].items())
    return ("Bartlett's test for homogeneity of variances on these four ovens (cure time, s):\n" + rows +
            "\nstatistic and p?")


def _l64(d):
    r = st.bartlett(*d["g"].values())
    return [r.statistic, r.pvalue]


def _h64(d):
    gs = list(d["g"].values())
    k = len(gs)
    ns = [len(g) for g in gs]
    Ntot = sum(ns)
    vs = [M(h_var(g)) for g in gs]
    sp2 = mp.fsum((n - 1) * v for n, v in zip(ns, vs)) / (Ntot - k)
    num = (Ntot - k) * mp.log(sp2) - mp.fsum((n - 1) * mp.log(v) for n, v in zip(ns, vs))
    den = 1 + (mp.fsum(mp.mpf(1) / (n - 1) for n in ns) - mp.mpf(1) / (Ntot - k)) / (3 * (k - 1))
    T = num / den
    return [T, h_chi2_sf(T, k - 1)]


def _p64(t):
    rows = re.findall(r"^  (oven-\d+)\s+(.+)$", t, re.M)
    return {"g": {k: nums(v) for k, v in rows}}


add("s64", 5, "Bartlett's test of equal variances across four groups of unequal size",
    ["variance_test", "dsl_run"],
    {"g": {"oven-1": R1(rng.normal(312, 2.0, 7)), "oven-2": R1(rng.normal(315, 3.8, 6)),
           "oven-3": R1(rng.normal(311, 2.4, 8)), "oven-4": R1(rng.normal(313, 1.6, 7))}},
    _r64, _l64, _h64, _p64, ["Bartlett statistic", "p"], [0.005, 0.02])


# ---- s65 F test of two variances
def _r65(d):
    return ("two suppliers' shim thickness (mm).\n"
            "Supplier North | " + " | ".join(f"{v:.2f}" for v in d["A"]) + "\n"
            "Supplier South | " + " | ".join(f"{v:.2f}" for v in d["B"]) + "\n"
            "F test for equality of the two variances, F = var(North)/var(South), two-sided p (twice the smaller tail)")


def _l65(d):
    F = np.var(d["A"], ddof=1) / np.var(d["B"], ddof=1)
    d1, d2 = len(d["A"]) - 1, len(d["B"]) - 1
    return [F, 2 * min(st.f.sf(F, d1, d2), st.f.cdf(F, d1, d2))]


def _h65(d):
    F = h_var(d["A"]) / h_var(d["B"])
    sf = h_f_sf(F, len(d["A"]) - 1, len(d["B"]) - 1)
    return [M(F), 2 * min(sf, 1 - sf)]


def _p65(t):
    return {"A": nums(re.search(r"^Supplier North \| (.+)$", t, re.M).group(1)),
            "B": nums(re.search(r"^Supplier South \| (.+)$", t, re.M).group(1))}


add("s65", 5, "F test of two variances with a stated ratio direction, two-sided p",
    ["variance_test", "dsl_run"], {"A": R2(rng.normal(2.00, 0.035, 10)), "B": R2(rng.normal(2.00, 0.020, 12))},
    _r65, _l65, _h65, _p65, ["F", "p"], [0.005, 0.02])


# ---- s66 Spearman rank correlation
def _r66(d):
    rows = "\n".join(f"{s}: hardness={h:.1f}, wear={w:.2f}" for s, h, w in zip(d["spec"], d["x"], d["y"]))
    return ("specimens from the 2023 wear campaign (tribometer #2):\n" + rows +
            "\n\nSpearman rank correlation between hardness and wear, with the p-value from the usual t "
            "approximation (n-2 df), two-sided")


def _l66(d):
    r = st.spearmanr(d["x"], d["y"])
    return [r.statistic, r.pvalue]


def _h66(d):
    rx, ry = h_ranks(d["x"]), h_ranks(d["y"])
    assert all(v.denominator == 1 for v in rx + ry)
    n = len(rx)
    rho = 1 - Fr(6) * sum(((a - b) ** 2 for a, b in zip(rx, ry)), Fr(0)) / (n * (n * n - 1))
    t = M(rho) * mp.sqrt((n - 2) / (1 - M(rho) ** 2))
    return [M(rho), h_t2p(t, n - 2)]


def _p66(t):
    rows = re.findall(r"^(S\d+): hardness=" + N + ", wear=" + N + r"\s*$", t, re.M)
    return {"x": [float(r[1]) for r in rows], "y": [float(r[2]) for r in rows], "spec": [r[0] for r in rows]}


while True:
    _x = R1(rng.normal(60, 5, 12))
    _y = R2(3.0 - 0.025 * (np.array(_x) - 60) + rng.normal(0, 0.15, 12))
    if _no_ties(_x) and _no_ties(_y):
        break
add("s66", 5, "Spearman rank correlation with t-approximation p", ["correlation", "dsl_run"],
    {"x": _x, "y": _y, "spec": [f"S{i + 1}" for i in range(12)]}, _r66, _l66, _h66, _p66, ["rho", "p"], [0.005, 0.02],
    mutate=lambda d: _swap_within(d, "x", 0, 1))


# ---- s67 Kendall tau-b with exact p
def _mahonian(n):
    dist = [1]
    for m in range(2, n + 1):
        new = [0] * (len(dist) + m - 1)
        for k, c in enumerate(dist):
            for j in range(m):
                new[k + j] += c
        dist = new
    return dist


def _r67(d):
    rows = "\n".join(f"{a:>5.1f} {b:>6.1f}" for a, b in zip(d["x"], d["y"]))
    return ("judge 1 vs judge 2 scores for 10 coffee lots (cupping session 14):\n\n   j1     j2\n" + rows +
            "\n\nKendall's tau-b and its exact two-sided p-value (no ties here)")


def _l67(d):
    r = st.kendalltau(d["x"], d["y"], method="exact")
    return [r.statistic, r.pvalue]


def _h67(d):
    x, y = [Q_(v) for v in d["x"]], [Q_(v) for v in d["y"]]
    assert _no_ties(x) and _no_ties(y)
    n = len(x)
    con = sum(1 for i in range(n) for j in range(i + 1, n) if (x[i] - x[j]) * (y[i] - y[j]) > 0)
    tot = n * (n - 1) // 2
    dis = tot - con
    dist = _mahonian(n)
    assert sum(dist) == math.factorial(n)
    c = min(dis, tot - dis)
    p = min(Fr(1), 2 * Fr(sum(dist[:c + 1]), math.factorial(n)))
    return [Fr(con - dis, tot), M(p)]


def _p67(t):
    rows = re.findall(r"^\s*" + N + r"\s+" + N + r"\s*$", t, re.M)
    return {"x": [float(r[0]) for r in rows], "y": [float(r[1]) for r in rows]}


while True:
    _x = R1(rng.uniform(70, 90, 10))
    _y = R1(np.array(_x) * 0.6 + rng.normal(32, 3.5, 10))
    if _no_ties(_x) and _no_ties(_y):
        break
add("s67", 5, "Kendall tau-b with exact p from two aligned columns", ["correlation", "dsl_run"],
    {"x": _x, "y": _y}, _r67, _l67, _h67, _p67, ["tau-b", "p"], [0.005, 0.02],
    mutate=lambda d: _swap_within(d, "x", 0, 1))


# ---- s68 Shapiro-Wilk
def h_shapiro(xs):
    """Royston (1995) AS R94 algorithm, written out independently with mpmath"""
    x = sorted(M(Q_(v)) for v in xs)
    n = len(x)
    m = [mp.sqrt(2) * mp.erfinv(2 * ((i - mp.mpf(3) / 8) / (n + mp.mpf(1) / 4)) - 1) for i in range(1, n + 1)]
    summ2 = mp.fsum(v * v for v in m)
    u = 1 / mp.sqrt(n)
    poly = lambda c, z: mp.fsum(ci * z ** i for i, ci in enumerate(c))
    an = m[-1] / mp.sqrt(summ2) + poly([0, 0.221157, -0.147981, -2.071190, 4.434685, -2.706056], u)
    an1 = m[-2] / mp.sqrt(summ2) + poly([0, 0.042981, -0.293762, -1.752461, 5.682633, -3.582633], u)
    phi = (summ2 - 2 * m[-1] ** 2 - 2 * m[-2] ** 2) / (1 - 2 * an ** 2 - 2 * an1 ** 2)
    a = [v / mp.sqrt(phi) for v in m]
    a[-1], a[-2], a[0], a[1] = an, an1, -an, -an1
    xm = mp.fsum(x) / n
    W = mp.fsum(ai * xi for ai, xi in zip(a, x)) ** 2 / mp.fsum((xi - xm) ** 2 for xi in x)
    ln = mp.log(n)
    mu = poly([-1.5861, -0.31082, -0.083751, 0.0038915], ln)
    sg = mp.exp(poly([-0.4803, -0.082676, 0.0030302], ln))
    z = (mp.log(1 - W) - mu) / sg
    return W, 1 - mp.ncdf(z)


def _r68(d):
    return ("Shapiro-Wilk normality test on these 20 cycle-time residuals (cell 5, shift B) - W and p please:\n"
            + "; ".join(f"{v:.2f}" for v in d["x"]))


def _l68(d):
    r = st.shapiro(d["x"])
    return [r.statistic, r.pvalue]


def _h68(d):
    assert len(d["x"]) >= 12
    return list(h_shapiro(d["x"]))


def _p68(t):
    return {"x": nums(t.split("\n", 1)[1])}


add("s68", 5, "Shapiro-Wilk W and p for 20 values", ["normality", "dsl_run"],
    {"x": R2(rng.gamma(3.0, 1.0, 20) - 3.0)}, _r68, _l68, _h68, _p68, ["W", "p"], [0.005, 0.02],
    mutate=_set_item("x", 1, lambda v, d: round(v + 3.0, 2)))


# ---- s69 Welch ANOVA
def _r69(d):
    rows = "\n".join(f"{k} -> " + ", ".join(f"{v:.1f}" for v in g) for k, g in d["g"].items())
    return ("Welch's ANOVA please (the unequal-varaince one, not the classic F). tablet hardness (kP) by press:\n"
            + rows + "\nF, the denominator df and p")


def _l69(d):
    r = anova_oneway(list(d["g"].values()), use_var="unequal", welch_correction=True)
    return [r.statistic, r.df[1], r.pvalue]


def _h69(d):
    gs = list(d["g"].values())
    k = len(gs)
    w = [Fr(len(g)) / h_var(g) for g in gs]
    W = sum(w, Fr(0))
    mw = sum((wi * h_mean(g) for wi, g in zip(w, gs)), Fr(0)) / W
    A = sum((wi * (h_mean(g) - mw) ** 2 for wi, g in zip(w, gs)), Fr(0)) / (k - 1)
    tmp = sum(((1 - wi / W) ** 2 / (len(g) - 1) for wi, g in zip(w, gs)), Fr(0))
    B = 1 + Fr(2 * (k - 2), k * k - 1) * tmp
    F = A / B
    df2 = Fr(k * k - 1) / (3 * tmp)
    return [M(F), M(df2), h_f_sf(F, k - 1, df2)]


def _p69(t):
    rows = re.findall(r"^(P\d+) -> (.+)$", t, re.M)
    return {"g": {k: nums(v) for k, v in rows}}


add("s69", 5, "Welch's one-way ANOVA for unequal variances: F, denominator df, p", ["anova_oneway", "dsl_run"],
    {"g": {"P1": R1(rng.normal(12.0, 0.6, 7)), "P2": R1(rng.normal(12.9, 1.8, 9)), "P3": R1(rng.normal(11.6, 1.1, 8))}},
    _r69, _l69, _h69, _p69, ["F (Welch)", "df2", "p"], [0.005, 0.005, 0.02])


# ---- s70 two-way ANOVA without interaction (one observation per cell)
def _r70(d):
    days = [f"day{j + 1}" for j in range(len(d["y"][0]))]
    rows = "\n".join(f"| {t} | " + " | ".join(f"{v:.1f}" for v in r) + " |" for t, r in zip(d["trt"], d["y"]))
    return ("two-way ANOVA, additive model (no interaction - there is only one observation per cell). "
            "rows are cleaning agents, columns are days:\n\n| agent | " + " | ".join(days) + " |\n|" + "---|" * (len(days) + 1)
            + "\n" + rows + "\n\nF and p for the agent effect, and F for days")


def _l70(d):
    recs = [(t, f"d{j}", v) for t, r in zip(d["trt"], d["y"]) for j, v in enumerate(r)]
    df = pd.DataFrame(recs, columns=["t", "b", "y"])
    a = anova_lm(smf.ols("y ~ C(t) + C(b)", df).fit(), typ=2)
    return [a.loc["C(t)", "F"], a.loc["C(t)", "PR(>F)"], a.loc["C(b)", "F"]]


def _h70(d):
    Y = [[Q_(v) for v in r] for r in d["y"]]
    a, b = len(Y), len(Y[0])
    allv = [v for r in Y for v in r]
    gm = h_mean(allv)
    sst = h_ss(allv)
    sstr = b * sum(((h_mean(r) - gm) ** 2 for r in Y), Fr(0))
    ssb = a * sum(((h_mean([Y[i][j] for i in range(a)]) - gm) ** 2 for j in range(b)), Fr(0))
    sse = sst - sstr - ssb
    mse = sse / ((a - 1) * (b - 1))
    Ft = sstr / (a - 1) / mse
    Fb = ssb / (b - 1) / mse
    return [M(Ft), h_f_sf(Ft, a - 1, (a - 1) * (b - 1)), M(Fb)]


def _p70(t):
    rows = re.findall(r"^\| ([A-Za-z-]+) \| (.+) \|$", t, re.M)
    rows = [r for r in rows if r[0] != "agent"]
    return {"y": [nums(r[1]) for r in rows], "trt": [r[0] for r in rows]}


_eff = [0.0, 1.1, -0.6, 0.5]
_day = rng.normal(0, 1.0, 5)
add("s70", 5, "two-way ANOVA without interaction (randomised block layout): F and p for treatment, F for blocks",
    ["anova_twoway", "dsl_run"],
    {"y": [R1(80 + e + _day + rng.normal(0, 0.7, 5)) for e in _eff], "trt": ["citric", "alkaline", "enzyme", "solvent"]},
    _r70, _l70, _h70, _p70, ["F agent", "p agent", "F day"], [0.005, 0.02, 0.005])


# =========================================================================== checks and output
def close(a, b, tol):
    a, b = float(a), float(b)
    return a == b or abs(a - b) <= tol * max(abs(a), abs(b))


def round_expect(v, rel):
    if rel == 0:
        assert abs(v - round(v)) < 1e-9, v
        return int(round(v))
    out = float(f"{v:.6g}")
    assert close(out, v, rel / 10)
    return out


def main(verbose=False):
    lines, meta_ref, loosened = [], {}, []
    for q in QS:
        d = q["data"]
        text = q["render"](d)
        assert text == q["render"](copy.deepcopy(d))
        if q["refuse"]:
            q["refcheck"](text)
            assert q["reason"]
            meta_ref[q["id"]] = q["reason"]
            expect = []
        else:
            lib = [float(v) for v in q["lib"](d)]
            hand = [float(v) for v in q["hand"](d)]
            assert len(lib) == len(hand) == len(q["what"]) == len(q["rel"]), q["id"]
            assert 1 <= len(lib) <= 3, q["id"]
            for w, r, a, b in zip(q["what"], q["rel"], lib, hand):
                if r == 0:
                    assert abs(a - round(a)) < 1e-9 and round(a) == round(b) and abs(b - round(b)) < 1e-6, (q["id"], w, a, b)
                else:
                    assert close(a, b, 1e-4), (q["id"], w, a, b)
            # (c) re-parse from the text
            parsed = q["parse"](text)
            lib2 = [float(v) for v in q["lib"](parsed)]
            for w, a, b in zip(q["what"], lib, lib2):
                assert close(a, b, 1e-9), (q["id"], "reparse", w, a, b)
            # mutation test of the parser
            md = (q["mutate"] or mutate_default)(d)
            assert md != d
            t2 = q["render"](md)
            assert t2 != text, q["id"]
            lib3 = [float(v) for v in q["lib"](q["parse"](t2))]
            lib4 = [float(v) for v in q["lib"](md)]
            assert any(not close(a, b, 1e-9) for a, b in zip(lib, lib3)), (q["id"], "mutation not detected")
            for a, b in zip(lib3, lib4):
                assert close(a, b, 1e-9), (q["id"], "mutated reparse", a, b)
            if q["alt"] is not None:   # other admissible convention (exact SPC constants)
                for w, r, a, b in zip(q["what"], q["rel"], lib, q["alt"](d)):
                    assert close(a, b, r), (q["id"], "alt convention outside tolerance", w, a, b)
            expect = [{"what": w, "value": round_expect(v, r), "rel": r} for w, v, r in zip(q["what"], lib, q["rel"])]
            if verbose:
                print(q["id"], [(e["what"], e["value"]) for e in expect])
        assert "dsl_run" in q["tools"]
        lines.append(json.dumps({"id": q["id"], "kind": q["kind"], "question": text, "intent": q["intent"],
                                 "tools": q["tools"], "expect": expect, "refuse": q["refuse"]},
                                ensure_ascii=False))
    return lines, meta_ref, loosened


def write_outputs():
    lines, meta_ref, loosened = main()
    jsonl = "\n".join(lines) + "\n"
    with open(os.path.join(HERE, "round26.jsonl"), "w", encoding="utf-8") as fh:
        fh.write(jsonl)
    recs = [json.loads(l) for l in lines]
    kinds = sorted({r["kind"] for r in recs})
    tool_counts = {}
    for r in recs:
        for t in r["tools"]:
            tool_counts[t] = tool_counts.get(t, 0) + 1
    meta = {
        "round": 26,
        "seed": 26260726,
        "n_questions": len(recs),
        "n_refusals": sum(r["refuse"] for r in recs),
        "counts_per_kind": {str(k): sum(r["kind"] == k for r in recs) for k in kinds},
        "refusals_per_kind": {str(k): sum(r["kind"] == k and r["refuse"] for r in recs) for k in kinds},
        "ids_per_kind": {str(k): [r["id"] for r in recs if r["kind"] == k] for k in kinds},
        "refusals": meta_ref,
        "loosened_tolerance": loosened,
        "n_expectations": sum(len(r["expect"]) for r in recs),
        "tolerances": {"statistics, limits, coefficients, indices, maths values": 0.005,
                       "p-values": 0.02, "integers (runs, blocks, df of chi-square, n, W+, U, determinant)": 0},
        "tool_counts": dict(sorted(tool_counts.items())),
        "md5_round26_jsonl": hashlib.md5(jsonl.encode("utf-8")).hexdigest(),
    }
    assert meta["n_questions"] == 70 and meta["n_refusals"] == 7
    assert all(12 <= v <= 16 for v in meta["counts_per_kind"].values())
    assert all(1 <= v <= 2 for v in meta["refusals_per_kind"].values())
    assert [r["id"] for r in recs] == [f"s{i:02d}" for i in range(1, 71)]
    for r in recs:
        assert list(r) == ["id", "kind", "question", "intent", "tools", "expect", "refuse"]
        assert (r["refuse"] and r["expect"] == []) or (not r["refuse"] and 1 <= len(r["expect"]) <= 3)
    with open(os.path.join(HERE, "round26_meta.json"), "w", encoding="utf-8") as fh:
        json.dump(meta, fh, indent=2, ensure_ascii=False)
        fh.write("\n")
    print(f"wrote {len(recs)} questions ({meta['n_refusals']} refusals), md5 {meta['md5_round26_jsonl']}")


if __name__ == "__main__":
    write_outputs()
