#!/usr/bin/env python3
"""Blind evaluation round 44 for a maths / statistics / engineering QA agent.

Builds 70 questions (5 kinds x 14), draws all data from
numpy.random.default_rng(44444444) in id order (rounded at draw time),
computes every expected value twice (library and by hand), parses each
question's data back out of its own text, and writes round44.jsonl,
round44_meta.json and README.md in this folder.
"""
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
import sympy as sp
from sympy.parsing.sympy_parser import (convert_xor, implicit_multiplication_application, parse_expr,
                                        standard_transformations)
import statsmodels.api as sm
import statsmodels.formula.api as smf
from scipy import integrate, optimize, signal, stats
from statsmodels.stats.contingency_tables import mcnemar
from statsmodels.stats.multicomp import pairwise_tukeyhsd
from statsmodels.stats.power import TTestIndPower
from statsmodels.stats.proportion import proportion_confint, proportions_ztest

warnings.filterwarnings("ignore")
mp.mp.dps = 30
HERE = os.path.dirname(os.path.abspath(__file__))
rng = np.random.default_rng(44444444)

# --------------------------------------------------------------------------
# helpers
# --------------------------------------------------------------------------


def sig(v):
    return float(f"{float(v):.10g}")


def sig3(v):
    return float(f"{float(v):.3g}")


def close(a, b, rel=1e-4, ab=1e-12):
    a, b = float(a), float(b)
    return abs(a - b) <= rel * max(abs(a), abs(b)) + ab


def ex(name, a, b, kind, tol=None):
    """Expected value: a = library value, b = hand value; they must agree."""
    if kind == "int":
        assert int(a) == int(b) and float(a) == int(a) and float(b) == int(b), (name, a, b)
        return {"name": name, "value": int(a), "tol": 0}
    assert close(a, b), (name, float(a), float(b))
    a = float(a)
    if tol is None:
        tol = {"stat": 1e-3 * abs(a),
               "loc": max(2e-5 * abs(a), 1e-9),
               "p": max(1e-3 * abs(a), 1e-6),
               "math": 1e-4 * abs(a) + 1e-6}[kind]
    return {"name": name, "value": sig(a), "tol": sig3(tol)}


def dn(mu, sd, n, d):
    """Normal draws rounded at draw time."""
    return [round(float(v), d) for v in rng.normal(mu, sd, n)]


def f(v, d):
    return f"{v:.{d}f}"


def Fx(v):
    return Fr(str(v)) if isinstance(v, float) else Fr(v)


def mpq(fr):
    fr = Fr(fr)
    return mp.mpf(fr.numerator) / fr.denominator


def hmean(xs):
    xs = [Fx(x) for x in xs]
    return sum(xs) / len(xs)


def hss(xs):
    m = hmean(xs)
    return sum((Fx(x) - m) ** 2 for x in xs)


def hvar(xs):
    return hss(xs) / (len(xs) - 1)


def hsd(xs):
    return mp.sqrt(mpq(hvar(xs)))


def hmedian(xs):
    s = sorted(Fx(x) for x in xs)
    n = len(s)
    return s[n // 2] if n % 2 else (s[n // 2 - 1] + s[n // 2]) / 2


def nums(s):
    return [float(v) for v in re.findall(r"-?\d+(?:\.\d+)?", s)]


def same(a, b):
    a, b = list(a), list(b)
    assert len(a) == len(b), (len(a), len(b))
    for u, v in zip(a, b):
        assert float(u) == float(v), (u, v)


# hand distribution functions (mpmath)
def mp_t_sf(t, df):
    t, df = mp.mpf(t), mp.mpf(df)
    tail = mp.betainc(df / 2, mp.mpf(1) / 2, 0, df / (df + t * t), regularized=True) / 2
    return tail if t > 0 else 1 - tail


def mp_t_two(t, df):
    t, df = mp.mpf(t), mp.mpf(df)
    return mp.betainc(df / 2, mp.mpf(1) / 2, 0, df / (df + t * t), regularized=True)


def mp_f_sf(x, d1, d2):
    x, d1, d2 = mp.mpf(x), mp.mpf(d1), mp.mpf(d2)
    return mp.betainc(d2 / 2, d1 / 2, 0, d2 / (d2 + d1 * x), regularized=True)


def mp_chi2_sf(x, k):
    return mp.gammainc(mp.mpf(k) / 2, mp.mpf(x) / 2, mp.inf, regularized=True)


def mp_norm_sf(z):
    return mp.erfc(mp.mpf(z) / mp.sqrt(2)) / 2


def mp_norm_ppf(q):
    return mp.sqrt(2) * mp.erfinv(2 * mp.mpf(q) - 1)


def mp_t_ppf(q, df):
    return mp.findroot(lambda t: (1 - mp_t_sf(t, df)) - q, mp_norm_ppf(q))


def mp_binom_pmf(k, n, p):
    p = Fx(p)
    return Fr(math.comb(n, k)) * p ** k * (1 - p) ** (n - k)


def ranks_notie(values):
    order = sorted(range(len(values)), key=lambda i: values[i])
    r = [0] * len(values)
    for pos, i in enumerate(order):
        r[i] = pos + 1
    assert len(set(values)) == len(values)
    return r


# exact control-chart constants: (a) scipy quadrature, (b) mpmath quadrature
def _Phi(x):
    return 0.5 * math.erfc(-x / math.sqrt(2))


def d2_scipy(n):
    return integrate.quad(lambda x: 1 - _Phi(x) ** n - (1 - _Phi(x)) ** n, -12, 12, limit=200)[0]


def d3_scipy(n):
    e = 2 * integrate.dblquad(
        lambda y, x: 1 - (1 - _Phi(y)) ** n - _Phi(x) ** n + (_Phi(x) - _Phi(y)) ** n,
        -12, 12, lambda x: -12, lambda x: x)[0]
    return math.sqrt(e - d2_scipy(n) ** 2)


def d2_mp(n):
    with mp.workdps(15):
        P = mp.ncdf
        return mp.quad(lambda x: 1 - P(x) ** n - (1 - P(x)) ** n, [-12, 0, 12])


def d3_mp(n):
    with mp.workdps(15):
        P = mp.ncdf
        e = 2 * mp.quad(lambda x: mp.quad(
            lambda y: 1 - (1 - P(y)) ** n - P(x) ** n + (P(x) - P(y)) ** n, [-12, x]), [-12, 0, 12])
        return mp.sqrt(e - d2_mp(n) ** 2)


CONST = {}


def consts(n):
    if n not in CONST:
        a2, b2 = d2_scipy(n), d2_mp(n)
        a3, b3 = d3_scipy(n), d3_mp(n)
        assert close(a2, b2, 1e-8) and close(a3, b3, 1e-7)
        CONST[n] = (a2, float(b2), a3, float(b3))
    return CONST[n]


TAB = {4: dict(A2=0.729, D3=0.0, D4=2.282, d2=2.059),
       5: dict(A2=0.577, D3=0.0, D4=2.114, d2=2.326)}

QS = []


def add(qid, kind, question, intent, tools, expect, summary, refuse=False, reason=""):
    assert re.fullmatch(r"j\d\d", qid)
    if refuse:
        assert expect == [] and reason
    else:
        assert expect
    QS.append(dict(id=qid, kind=kind, question=question, intent=intent, tools=tools,
                   expect=expect, refuse=refuse, _summary=summary, _reason=reason))


# ==========================================================================
# KIND 1: tables and layouts (j01-j14)
# ==========================================================================


def j01():
    n = 18
    start = int(rng.integers(20400, 20900))
    ids = [int(v) for v in start + np.cumsum(rng.integers(1, 4, n))]
    insp = [["KM", "AL", "JT"][int(i)] for i in rng.integers(0, 3, n)]
    d = dn(25.400, 0.018, n, 3)
    rows = "\n".join(f"P-{i},{f(x, 3)},{s}" for i, x, s in zip(ids, d, insp))
    q = ("Pasted straight from the inspection sheet (bore diameter of the parts from this morning's run):\n\n"
         "part_id,diameter_mm,inspector\n" + rows +
         "\n\nWhat's the average diameter and the sample standard deviation (n-1 in the denominator)? "
         "Also, how many parts are in the list?")
    got = re.findall(r"^P-(\d+),(\d+\.\d{3}),([A-Z]{2})$", q, re.M)
    same([float(g[1]) for g in got], d)
    same([int(g[0]) for g in got], ids)
    ex_ = [ex("n", len(d), len(got), "int"),
           ex("mean_mm", np.mean(d), mpq(hmean(d)), "loc"),
           ex("sd_mm", np.std(d, ddof=1), hsd(d), "stat")]
    add("j01", "tables", q, "CSV with an ID column and an inspector column; describe the diameter column only "
        "(part ids are not data).", ["describe"], ex_, "CSV with part-id and inspector columns -> n, mean and n-1 SD")


def j02():
    n1, n2 = 9, 11
    labels = ["M1"] * n1 + ["M2"] * n2
    labels = [labels[i] for i in rng.permutation(n1 + n2)]
    a = dn(42.0, 1.1, n1, 1)
    b = dn(43.4, 2.4, n2, 1)
    ia, ib = iter(a), iter(b)
    vals = [next(ia) if l == "M1" else next(ib) for l in labels]
    rows = "\n".join(f"| {i + 1} | {l} | {f(v, 1)} |" for i, (l, v) in enumerate(zip(labels, vals)))
    q = ("Cycle times logged per run, two machines mixed in the order they ran:\n\n"
         "| run | machine | cycle_s |\n|----:|:-------:|--------:|\n" + rows +
         "\n\nIs the mean cycle time different between M1 and M2? Please don't assume equal variances. "
         "Two-sided test - give me the t statistic for M1 minus M2, the degrees of freedom and the p-value.")
    got = re.findall(r"^\| (\d+) \| (M[12]) \| (\d+\.\d) \|$", q, re.M)
    same([float(g[2]) for g in got if g[1] == "M1"], a)
    same([float(g[2]) for g in got if g[1] == "M2"], b)
    r = stats.ttest_ind(a, b, equal_var=False)
    va, vb = hvar(a) / n1, hvar(b) / n2
    t = (mpq(hmean(a)) - mpq(hmean(b))) / mp.sqrt(mpq(va + vb))
    df = mpq((va + vb) ** 2 / (va ** 2 / (n1 - 1) + vb ** 2 / (n2 - 1)))
    ex_ = [ex("t", r.statistic, t, "stat"), ex("df", r.df, df, "stat"),
           ex("p_value", r.pvalue, mp_t_two(t, df), "p")]
    add("j02", "tables", q, "Long-format markdown table: split cycle_s by machine (run number is not data); "
        "Welch two-sample t, two-sided, sign M1-M2.", ["t_test"], ex_,
        "markdown long-format table (run, machine, value) -> Welch t, df, p")


def j03():
    n = 10
    ops = sorted(int(v) for v in rng.choice(np.arange(1, 41), n, replace=False))
    before = dn(50.0, 0.35, n, 2)
    after = [round(b + float(e), 2) for b, e in zip(before, rng.normal(0.18, 0.22, n))]
    rows = "\n".join(f"OP-{o:02d}\t{f(b, 2)}\t{f(a, 2)}" for o, b, a in zip(ops, before, after))
    q = ("Torque wrench readings (N·m) at the 50 N·m check, before and after the service. Each operator kept "
         "their own wrench. Straight out of Excel (tab separated):\n\n"
         "operator\tbefore\tafter\n" + rows +
         "\n\nI'd like the mean change (after minus before), the paired t statistic, the two-sided p-value "
         "and a 95% confidence interval for the mean change.")
    got = re.findall(r"^OP-(\d\d)\t(\d+\.\d\d)\t(\d+\.\d\d)$", q, re.M)
    same([float(g[1]) for g in got], before)
    same([float(g[2]) for g in got], after)
    d = [Fx(a) - Fx(b) for a, b in zip(after, before)]
    r = stats.ttest_rel(after, before)
    ci = r.confidence_interval(0.95)
    md = sum(d) / n
    se = mp.sqrt(mpq(sum((x - md) ** 2 for x in d) / (n - 1) / n))
    t = mpq(md) / se
    tc = mp_t_ppf(0.975, n - 1)
    ex_ = [ex("mean_diff", np.mean(np.array(after) - np.array(before)), mpq(md), "loc"),
           ex("t", r.statistic, t, "stat"), ex("p_value", r.pvalue, mp_t_two(t, n - 1), "p"),
           ex("ci_low", ci.low, mpq(md) - tc * se, "loc"), ex("ci_high", ci.high, mpq(md) + tc * se, "loc")]
    add("j03", "tables", q, "TSV paste, paired by operator row; paired t on after-before with 95% CI.",
        ["t_test"], ex_, "TSV paste of before/after per operator -> mean change, paired t, p, 95% CI")


def j04():
    sizes = {"S1": 6, "S2": 7, "S3": 5, "S4": 6}
    means = {"S1": 12.40, "S2": 12.55, "S3": 12.38, "S4": 12.61}
    labels = [s for s, k in sizes.items() for _ in range(k)]
    labels = [labels[i] for i in rng.permutation(len(labels))]
    noise = rng.normal(0, 0.12, len(labels))
    torque = [round(means[s] + float(e), 2) for s, e in zip(labels, noise)]
    temps = [round(float(v), 1) for v in rng.normal(21.5, 0.4, len(labels))]
    gaps = [int(v) for v in rng.integers(40, 200, len(labels) + 3)]
    warn_at = {5, 13, 19}
    t0 = 6 * 3600 + 2 * 60 + 11
    lines, k, sec = [], 0, t0
    for i in range(len(labels) + 3):
        sec += gaps[i]
        ts = f"2024-03-05 {sec // 3600:02d}:{sec % 3600 // 60:02d}:{sec % 60:02d}"
        if i in warn_at:
            lines.append(f"{ts} WARN  line=2 station=S{(i % 4) + 1} sensor reconnect, value discarded")
        else:
            lines.append(f"{ts} INFO  line=2 station={labels[k]} torque={f(torque[k], 2)}Nm temp={f(temps[k], 1)}C")
            k += 1
    q = ("Here's the raw controller log from the nut-runner cell:\n\n" + "\n".join(lines) +
         "\n\nRun a one-way ANOVA of torque across the four stations (the WARN lines carry no reading). "
         "I need the F statistic, both degrees of freedom and the p-value.")
    got = re.findall(r"station=(S\d) torque=(\d+\.\d\d)Nm", q)
    groups = {s: [float(v) for l, v in got if l == s] for s in sizes}
    for s in sizes:
        same(groups[s], [v for l, v in zip(labels, torque) if l == s])
    g = [groups[s] for s in sizes]
    r = stats.f_oneway(*g)
    allv = [v for x in g for v in x]
    gm = hmean(allv)
    ssb = sum(len(x) * (hmean(x) - gm) ** 2 for x in g)
    ssw = sum(hss(x) for x in g)
    N, kk = len(allv), len(g)
    F = mpq(ssb / (kk - 1) / (ssw / (N - kk)))
    ex_ = [ex("F", r.statistic, F, "stat"), ex("df_between", 3, kk - 1, "int"),
           ex("df_within", N - kk, len(got) - 4, "int"), ex("p_value", r.pvalue, mp_f_sf(F, kk - 1, N - kk), "p")]
    add("j04", "tables", q, "Parse key=value log lines, skip WARN lines, ignore temp/line fields; one-way ANOVA "
        "of torque by station.", ["anova_oneway"], ex_,
        "controller log lines with key=value fields and WARN lines -> one-way ANOVA F, dfs, p")


def j05():
    while True:
        A = [round(float(v), 2) for v in rng.lognormal(math.log(42), 0.25, 6)]
        B = [round(float(v), 2) for v in rng.lognormal(math.log(55), 0.25, 7)]
        C = [round(float(v), 2) for v in rng.lognormal(math.log(47), 0.25, 6)]
        if len(set(A + B + C)) == 19:
            break
    js = ('{\n  "test": "insulation resistance",\n  "unit": "GOhm",\n  "batch": 7781,\n  "supplier": {\n'
          + ",\n".join(f'    "{k}": [' + ", ".join(f(v, 2) for v in x) + "]" for k, x in zip("ABC", (A, B, C)))
          + "\n  }\n}")
    q = ("Our test stand exports results as JSON. Can you run a Kruskal-Wallis test on the three suppliers? "
         "Give me the H statistic and its p-value (chi-square approximation).\n\n" + js)
    obj = json.loads(q[q.index("{"):])
    same(obj["supplier"]["A"], A)
    same(obj["supplier"]["B"], B)
    same(obj["supplier"]["C"], C)
    r = stats.kruskal(A, B, C)
    allv = A + B + C
    rk = ranks_notie(allv)
    N = len(allv)
    Rs = [sum(rk[0:6]), sum(rk[6:13]), sum(rk[13:19])]
    H = Fr(12, N * (N + 1)) * sum(Fr(R * R, n) for R, n in zip(Rs, (6, 7, 6))) - 3 * (N + 1)
    ex_ = [ex("H", r.statistic, mpq(H), "stat"), ex("p_value", r.pvalue, mp_chi2_sf(mpq(H), 2), "p")]
    add("j05", "tables", q, "JSON object with metadata (batch, unit) and nested group arrays; Kruskal-Wallis "
        "H and chi-square p (no ties).", ["kruskal_wallis"], ex_, "JSON export with nested supplier arrays -> Kruskal-Wallis H, p")


def j06():
    mu = [[30, 15, 10], [22, 18, 12], [18, 20, 16]]
    while True:
        tab = [[int(v) for v in rng.poisson(row)] for row in mu]
        a = np.array(tab)
        E = a.sum(1)[:, None] * a.sum(0)[None, :] / a.sum()
        if E.min() >= 5:
            break
    rn = ["Day", "Evening", "Night"]
    lines = ["| Shift   | Scratch | Dent | Misalignment | Total |",
             "|---------|--------:|-----:|-------------:|------:|"]
    for name, row in zip(rn, tab):
        lines.append(f"| {name:<7} | {row[0]} | {row[1]} | {row[2]} | {sum(row)} |")
    ct = a.sum(0)
    lines.append(f"| Total   | {ct[0]} | {ct[1]} | {ct[2]} | {a.sum()} |")
    q = ("Defect log for March, summarised by shift and defect type (with the totals our spreadsheet adds):\n\n"
         + "\n".join(lines) +
         "\n\nIs the type of defect related to the shift? Chi-square test of independence please - "
         "statistic, degrees of freedom and p-value.")
    got = re.findall(r"^\| (Day|Evening|Night)\s*\| (\d+) \| (\d+) \| (\d+) \| (\d+) \|$", q, re.M)
    same([int(v) for g in got for v in g[1:4]], [v for row in tab for v in row])
    assert all(int(g[4]) == sum(int(v) for v in g[1:4]) for g in got)
    chi2, p, dof, _ = stats.chi2_contingency(a, correction=False)
    N = sum(map(sum, tab))
    rs = [sum(r) for r in tab]
    cs = [sum(tab[i][j] for i in range(3)) for j in range(3)]
    X = sum(Fr((tab[i][j] * N - rs[i] * cs[j]) ** 2, N * rs[i] * cs[j]) for i in range(3) for j in range(3))
    ex_ = [ex("chi_square", chi2, mpq(X), "stat"), ex("df", dof, 4, "int"),
           ex("p_value", p, mp_chi2_sf(mpq(X), 4), "p")]
    add("j06", "tables", q, "Markdown 3x3 contingency table with a Total row and column that must be excluded; "
        "chi-square independence (no continuity correction applies to 3x3).", ["chi_square"], ex_,
        "markdown contingency table with Total row/column -> chi-square, df, p (totals excluded)")


def j07():
    n = 23
    x = sorted(int(round(float(v))) for v in rng.normal(57, 10, n))
    stems = range(x[0] // 10, x[-1] // 10 + 1)
    lines = []
    for s in stems:
        leaves = " ".join(str(v % 10) for v in x if v // 10 == s)
        lines.append(f"  {s} | {leaves}".rstrip())
    q = ("Help-desk first-response times in seconds, from my notes as a stem-and-leaf display "
         "(key: 4 | 7 means 47 s):\n\n" + "\n".join(lines) +
         "\n\nWhat are the median, the mean and the sample standard deviation?")
    back = []
    for m in re.finditer(r"^  (\d+) \|((?: \d)*)$", q, re.M):
        back += [int(m.group(1)) * 10 + int(l) for l in m.group(2).split()]
    same(back, x)
    ex_ = [ex("median_s", np.median(x), mpq(hmedian(x)), "loc"), ex("mean_s", np.mean(x), mpq(hmean(x)), "loc"),
           ex("sd_s", np.std(x, ddof=1), hsd(x), "stat")]
    add("j07", "tables", q, "Stem-and-leaf display (stem tens, leaf units) must be expanded to 23 integers.",
        ["describe"], ex_, "stem-and-leaf display of integer seconds -> median, mean, SD")


def j08():
    before = dn(8.40, 0.08, 12, 2)
    after = dn(8.47, 0.08, 10, 2)
    q = ("Clamp force (kN) on all 12 of our fixtures, measured before and after re-shimming:\n\n"
         "Before: " + ", ".join(f(v, 2) for v in before) + "\n"
         "After:  " + ", ".join(f(v, 2) for v in after) + "\n\n"
         "Run a paired t-test on the 12 fixtures and give me t and the p-value.")
    b = nums(q.split("Before:")[1].split("\n")[0])
    a = nums(q.split("After:")[1].split("\n")[0])
    same(b, before)
    same(a, after)
    assert len(b) == 12 and len(a) == 10
    add("j08", "tables", q, "Paired test requested on 12 fixtures but the After list has only 10 values and no "
        "fixture labels, so pairs cannot be formed; must ask which fixtures the 10 belong to.",
        ["t_test"], [], "before/after lists of 12 and 10 values with no ids, paired t asked -> REFUSE",
        refuse=True, reason="paired t-test asked for 12 fixtures but After has 10 unlabeled values; pairing impossible")


def j09():
    xs = [round(0.5 * i, 1) for i in range(1, 11)]
    ys = [round(0.04 + 2.013 * x + float(e), 3) for x, e in zip(xs, rng.normal(0, 0.03, 10))]
    q = ("Load cell calibration points, written as (applied load in kN, output in mV):\n"
         + ", ".join(f"({f(x, 1)}, {f(y, 3)})" for x, y in zip(xs, ys)) +
         "\n\nFit a straight line output = a + b*load by ordinary least squares. What are the slope, the intercept, "
         "R-squared and the residual standard error?")
    got = re.findall(r"\((\d+\.\d), (-?\d+\.\d{3})\)", q)
    same([float(g[0]) for g in got], xs)
    same([float(g[1]) for g in got], ys)
    r = stats.linregress(xs, ys)
    res = np.array(ys) - (r.intercept + r.slope * np.array(xs))
    se_lib = math.sqrt(float(res @ res) / 8)
    X, Y = [Fx(v) for v in xs], [Fx(v) for v in ys]
    mx, my = sum(X) / 10, sum(Y) / 10
    sxx = sum((u - mx) ** 2 for u in X)
    sxy = sum((u - mx) * (v - my) for u, v in zip(X, Y))
    syy = sum((v - my) ** 2 for v in Y)
    b = sxy / sxx
    ex_ = [ex("slope", r.slope, mpq(b), "stat"), ex("intercept", r.intercept, mpq(my - b * mx), "stat"),
           ex("r_squared", r.rvalue ** 2, mpq(sxy ** 2 / (sxx * syy)), "stat"),
           ex("residual_se", se_lib, mp.sqrt(mpq((syy - b * sxy) / 8)), "stat")]
    add("j09", "tables", q, "Inline list of (x, y) tuples; simple linear regression with intercept.",
        ["regression"], ex_, "inline (x, y) tuples -> slope, intercept, R^2, residual SE")


def j10():
    temps, cats = ["160", "180", "200"], ["C1", "C2", "C3"]
    base = {"160": 71.0, "180": 74.0, "200": 72.5}
    ce = {"C1": 0.0, "C2": 1.5, "C3": -0.5}
    inter = {("200", "C2"): -2.0, ("160", "C3"): 1.2}
    cells = {}
    for t in temps:
        for c in cats:
            m = base[t] + ce[c] + inter.get((t, c), 0.0)
            cells[(t, c)] = dn(m, 0.6, 2, 1)
    lines = ["Temp \\ Catalyst |     C1      |     C2      |     C3"]
    for t in temps:
        lines.append(f"{t} °C          | " + " | ".join(f"{f(cells[(t, c)][0], 1)} / {f(cells[(t, c)][1], 1)}" for c in cats))
    q = ("Yield (%) from the catalyst trial, two replicate batches per cell written as rep1 / rep2:\n\n"
         + "\n".join(lines) +
         "\n\nPlease run a two-way ANOVA with interaction. I need the F and p-value for the "
         "temperature x catalyst interaction, and the F and p-value for temperature.")
    for t in temps:
        row = q.split(f"\n{t} °C")[1].split("\n")[0]
        pairs = re.findall(r"(\d+\.\d) / (\d+\.\d)", row)
        for c, pr in zip(cats, pairs):
            same([float(v) for v in pr], cells[(t, c)])
    df = pd.DataFrame([(t, c, y) for (t, c), ys in cells.items() for y in ys], columns=["temp", "cat", "y"])
    av = sm.stats.anova_lm(smf.ols("y ~ C(temp) * C(cat)", df).fit(), typ=2)
    ym = {k: hmean(v) for k, v in cells.items()}
    gm = hmean([y for v in cells.values() for y in v])
    mt = {t: sum(ym[(t, c)] for c in cats) / 3 for t in temps}
    mc = {c: sum(ym[(t, c)] for t in temps) / 3 for c in cats}
    sst = 6 * sum((mt[t] - gm) ** 2 for t in temps)
    ssi = 2 * sum((ym[(t, c)] - mt[t] - mc[c] + gm) ** 2 for t in temps for c in cats)
    sse = sum(hss(v) for v in cells.values())
    mse = sse / 9
    Fi, Ft = mpq(ssi / 4 / mse), mpq(sst / 2 / mse)
    ex_ = [ex("F_interaction", av.loc["C(temp):C(cat)", "F"], Fi, "stat"),
           ex("p_interaction", av.loc["C(temp):C(cat)", "PR(>F)"], mp_f_sf(Fi, 4, 9), "p"),
           ex("F_temperature", av.loc["C(temp)", "F"], Ft, "stat"),
           ex("p_temperature", av.loc["C(temp)", "PR(>F)"], mp_f_sf(Ft, 2, 9), "p")]
    add("j10", "tables", q, "Two-way layout with replicates packed as 'a / b' in each cell; balanced 3x3x2 "
        "two-way ANOVA with interaction (error df 9).", ["anova_twoway"], ex_,
        "3x3 grid with 'rep1 / rep2' cells -> two-way ANOVA interaction F,p and temperature F,p")


def j11():
    x = [int(v) for v in rng.poisson(1.3, 120)]
    cnt = {k: x.count(k) for k in range(max(x) + 1)}
    lines = ["voids   castings", "-----   --------"] + [f"{k:<7} {c}" for k, c in cnt.items()]
    q = ("Surface voids per casting from the X-ray check (each casting counted once), as a frequency table:\n\n"
         + "\n".join(lines) +
         "\n\nHow many castings is that, what is the mean number of voids per casting, and what is the sample "
         "variance (n-1) of the per-casting counts?")
    back = {int(a): int(b) for a, b in re.findall(r"^(\d+)\s+(\d+)$", q, re.M)}
    assert back == cnt
    exp = [k for k, c in back.items() for _ in range(c)]
    n = sum(cnt.values())
    m = Fr(sum(k * c for k, c in cnt.items()), n)
    v = sum(c * (k - m) ** 2 for k, c in cnt.items()) / (n - 1)
    ex_ = [ex("n_castings", len(exp), n, "int"), ex("mean_voids", np.mean(exp), mpq(m), "loc"),
           ex("variance", np.var(exp, ddof=1), mpq(v), "stat")]
    add("j11", "tables", q, "Frequency table (value, count) must be expanded, not treated as two variables.",
        ["describe"], ex_, "frequency table of void counts -> total n, mean, n-1 variance")


def j12():
    n = 12
    A = dn(12.40, 0.05, n, 2)
    B = dn(12.40, 0.09, n, 2)
    days = [f"{d:02d}.04." for d in range(2, 2 + n)]
    rows = "\n".join(f"{d};{f(a, 2).replace('.', ',')};{f(b, 2).replace('.', ',')}" for d, a, b in zip(days, A, B))
    q = ("Export from our plant in Stuttgart (semicolon separated, decimal commas), wall thickness in mm:\n\n"
         "Tag;Linie A;Linie B\n" + rows +
         "\n\nDo the two lines have the same variability? F-test for equal variances, ratio Linie A over Linie B, "
         "two-sided: give the F ratio and the p-value.")
    got = re.findall(r"^(\d\d)\.04\.;(\d+,\d\d);(\d+,\d\d)$", q, re.M)
    same([float(g[1].replace(",", ".")) for g in got], A)
    same([float(g[2].replace(",", ".")) for g in got], B)
    Fl = np.var(A, ddof=1) / np.var(B, ddof=1)
    pl = 2 * min(stats.f.cdf(Fl, n - 1, n - 1), stats.f.sf(Fl, n - 1, n - 1))
    Fh = mpq(hvar(A) / hvar(B))
    sf = mp_f_sf(Fh, n - 1, n - 1)
    ex_ = [ex("F", Fl, Fh, "stat"), ex("p_value", pl, 2 * min(sf, 1 - sf), "p")]
    add("j12", "tables", q, "European CSV (semicolons, decimal commas, dd.mm. dates); two-sided F test of "
        "variances A/B.", ["variance_test"], ex_, "semicolon CSV with decimal commas -> F ratio A/B and two-sided p")


def j13():
    k, n = 16, 4
    sg = [dn(10.000, 0.05, n, 3) for _ in range(k)]
    lines = ["Subgroup   x1      x2      x3      x4"] + [
        f"{i + 1:<10} " + "  ".join(f(v, 3) for v in s) for i, s in enumerate(sg)]
    q = ("Shaft OD readings (mm), four consecutive shafts per subgroup, first 16 subgroups:\n\n"
         + "\n".join(lines) +
         "\n\nSet up X-bar and R charts (3-sigma limits). What are the centre line, UCL and LCL of the X-bar chart, "
         "and the centre line and UCL of the R chart?")
    back = [[float(v) for v in m.group(2).split()] for m in re.finditer(r"^(\d+)\s+((?:\d+\.\d{3}\s*){4})$", q, re.M)]
    for b, s in zip(back, sg):
        same(b, s)
    assert len(back) == k
    xb = float(np.mean([np.mean(s) for s in sg]))
    rb = float(np.mean([max(s) - min(s) for s in sg]))
    xbh = sum(hmean(s) for s in sg) / k
    rbh = sum(max(map(Fx, s)) - min(map(Fx, s)) for s in sg) / k
    a2, b2, a3, b3 = consts(n)
    A2a, A2b = 3 / (a2 * math.sqrt(n)), 3 / (b2 * math.sqrt(n))
    D4a, D4b = 1 + 3 * a3 / a2, 1 + 3 * b3 / b2
    T = TAB[n]

    def tl(v, vt):
        return 2e-5 * abs(v) + max(1.5 * abs(v - vt), 5e-4 * rb)

    ucl, lcl = xb + A2a * rb, xb - A2a * rb
    ex_ = [ex("xbar_cl", xb, mpq(xbh), "loc"),
           ex("xbar_ucl", ucl, mpq(xbh) + A2b * mpq(rbh), "loc", tl(ucl, xb + T["A2"] * rb)),
           ex("xbar_lcl", lcl, mpq(xbh) - A2b * mpq(rbh), "loc", tl(lcl, xb - T["A2"] * rb)),
           ex("r_cl", rb, mpq(rbh), "loc"),
           ex("r_ucl", D4a * rb, D4b * mpq(rbh), "loc", tl(D4a * rb, T["D4"] * rb))]
    add("j13", "tables", q, "Wide subgroup table (subgroup number is a label); X-bar/R limits with n=4 constants "
        "(A2=0.729, D4=2.282, D3=0).", ["control_chart", "spc_constants"], ex_,
        "wide table of 16 subgroups x 4 -> X-bar CL/UCL/LCL and R CL/UCL")


def j14():
    al = 1.414
    pts = [(-1, -1), (1, -1), (-1, 1), (1, 1), (-al, 0), (al, 0), (0, -al), (0, al)] + [(0, 0)] * 5
    order = [int(i) for i in rng.permutation(13)]
    noise = rng.normal(0, 0.4, 13)
    ys = []
    for (x1, x2), e in zip(pts, noise):
        m = 79.9 + 1.1 * x1 + 0.7 * x2 - 1.4 * x1 ** 2 - 0.9 * x2 ** 2 + 0.5 * x1 * x2
        ys.append(round(m + float(e), 1))

    def cf(v):
        return "0" if v == 0 else (f"{v:+.3f}" if abs(v) != 1 else f"{int(v):+d}")

    rows = [f"| {r + 1} | {cf(pts[i][0])} | {cf(pts[i][1])} | {f(ys[i], 1)} |" for r, i in enumerate(order)]
    q = ("Results of our central composite design on the coating line (coded units, run order as performed):\n\n"
         "| run | x1 (coded temp) | x2 (coded speed) | yield % |\n|---|---|---|---|\n" + "\n".join(rows) +
         "\n\nFit the full second-order model (linear, squared and x1*x2 terms) using the coded values exactly "
         "as printed. Where is the stationary point (x1, x2 in coded units), what yield does the model predict "
         "there, and is it a maximum, minimum or saddle?")
    got = re.findall(r"^\| (\d+) \| ([-+0-9.]+) \| ([-+0-9.]+) \| (\d+\.\d) \|$", q, re.M)
    same([float(g[1]) for g in got], [pts[i][0] for i in order])
    same([float(g[2]) for g in got], [pts[i][1] for i in order])
    same([float(g[3]) for g in got], [ys[i] for i in order])
    X = np.array([[1, a, b, a * a, b * b, a * b] for a, b in pts])
    beta = np.linalg.lstsq(X, np.array(ys), rcond=None)[0]
    Bm = np.array([[beta[3], beta[5] / 2], [beta[5] / 2, beta[4]]])
    xs = -0.5 * np.linalg.solve(Bm, beta[1:3])
    ys_ = float(np.array([1, xs[0], xs[1], xs[0] ** 2, xs[1] ** 2, xs[0] * xs[1]]) @ beta)
    assert np.all(np.linalg.eigvalsh(Bm) < 0) and np.all(np.abs(xs) < 1.414)
    Xs = sp.Matrix([[1, Fx(a), Fx(b), Fx(a) ** 2, Fx(b) ** 2, Fx(a) * Fx(b)] for a, b in pts])
    Ys = sp.Matrix([Fx(v) for v in ys])
    bh = (Xs.T * Xs).LUsolve(Xs.T * Ys)
    x1, x2 = sp.symbols("x1 x2")
    yh = bh[0] + bh[1] * x1 + bh[2] * x2 + bh[3] * x1 ** 2 + bh[4] * x2 ** 2 + bh[5] * x1 * x2
    sol = sp.solve([sp.diff(yh, x1), sp.diff(yh, x2)], [x1, x2], dict=True)[0]
    ex_ = [ex("x1_stationary", xs[0], sol[x1], "stat"), ex("x2_stationary", xs[1], sol[x2], "stat"),
           ex("yield_at_stationary", ys_, yh.subs(sol), "stat"),
           ex("is_maximum", 1, int(all(e < 0 for e in sp.Matrix([[2 * bh[3], bh[5]], [bh[5], 2 * bh[4]]]).eigenvals())), "int")]
    add("j14", "tables", q, "CCD results in randomized run order with axial points at +-1.414 printed; full quadratic "
        "fit, stationary point is a maximum (is_maximum=1).", ["rsm_fit", "regression"], ex_,
        "CCD results table in run order -> stationary point (x1, x2), predicted yield, maximum")


# ==========================================================================
# KIND 2: intent carried by wording (j15-j28)
# ==========================================================================


def j15():
    n = 14
    x = dn(499.2, 1.5, n, 1)
    q = ("Our bottle supplier claims the mean fill of their 500 mL bottles is at least 500 mL. We think they're "
         "short-filling. We measured 14 bottles (mL): " + ", ".join(f(v, 1) for v in x) +
         ". Test their claim at alpha = 0.05: give me the sample mean, the t statistic and the p-value for the "
         "appropriate one-sided alternative.")
    same(nums(q.split("(mL): ")[1].split(". Test")[0]), x)
    r = stats.ttest_1samp(x, 500, alternative="less")
    t = (mpq(hmean(x)) - 500) / (hsd(x) / mp.sqrt(n))
    ex_ = [ex("mean_ml", np.mean(x), mpq(hmean(x)), "loc"), ex("t", r.statistic, t, "stat"),
           ex("p_value", r.pvalue, 1 - mp_t_sf(t, n - 1), "p")]
    add("j15", "wording", q, "'At least 500' claim vs suspicion of under-filling -> H1: mu < 500, lower-tail p.",
        ["t_test"], ex_, "'claims at least 500 mL, we suspect short-filling' -> one-sample t, lower-tail p")


def j16():
    n = 10
    true = dn(12.000, 0.02, n, 4)
    A = [round(t + float(e), 4) for t, e in zip(true, rng.normal(0.0012, 0.0010, n))]
    B = [round(t + float(e), 4) for t, e in zip(true, rng.normal(0.0, 0.0010, n))]
    q = ("We measured the same 10 shafts on two gauges, the air gauge (A) and the bench micrometer (B), to see "
         "whether the gauges disagree on average. Shafts 1 to 10 in the same order on both lines (mm):\n"
         "A: " + "  ".join(f(v, 4) for v in A) + "\nB: " + "  ".join(f(v, 4) for v in B) +
         "\nWhat's the mean difference A - B, the t statistic and the two-sided p-value?")
    same(nums(q.split("\nA: ")[1].split("\n")[0]), A)
    same(nums(q.split("\nB: ")[1].split("\n")[0]), B)
    r = stats.ttest_rel(A, B)
    d = [Fx(a) - Fx(b) for a, b in zip(A, B)]
    md = sum(d) / n
    t = mpq(md) / mp.sqrt(mpq(sum((v - md) ** 2 for v in d) / (n - 1) / n))
    ex_ = [ex("mean_diff_mm", np.mean(np.array(A) - np.array(B)), mpq(md), "loc"), ex("t", r.statistic, t, "stat"),
           ex("p_value", r.pvalue, mp_t_two(t, n - 1), "p")]
    add("j16", "wording", q, "Same shafts on both gauges -> paired t on A-B (not a two-sample test).",
        ["t_test"], ex_, "same 10 shafts on two gauges -> paired mean difference, t, p")


def j17():
    k = int(rng.integers(30, 45))
    q = (f"Last week QA logged {k} defects on the final assembly line (scratches, missing screws, a couple of "
         "loose connectors - some units had more than one). What's our proportion defective and its 95% "
         "confidence interval?")
    assert nums(q)[0] == k
    add("j17", "wording", q, "Only a defect count is given: no number of units inspected, and defects are not "
        "defectives (units can carry several). Must ask for the units inspected / defective units.",
        ["proportion_test"], [], "defect count with no units inspected, asks proportion defective -> REFUSE",
        refuse=True, reason="no number of units inspected; defects are not defectives")


def j18():
    n1, n2 = 8, 10
    a = dn(44.6, 1.3, n1, 1)
    b = dn(45.9, 1.3, n2, 1)
    q = ("Hardness (HRC) from two separate heat-treat batches - different specimens in each batch.\n"
         "Batch 1 (8 specimens): " + ", ".join(f(v, 1) for v in a) + "\n"
         "Batch 2 (10 specimens): " + ", ".join(f(v, 1) for v in b) + "\n"
         "Assuming both batches have the same variance, is there a difference in mean hardness? Two-sided, "
         "alpha 0.05. I need t (batch 1 minus batch 2), the degrees of freedom, the p-value and the pooled SD.")
    same(nums(q.split("Batch 1 (8 specimens): ")[1].split("\n")[0]), a)
    same(nums(q.split("Batch 2 (10 specimens): ")[1].split("\n")[0]), b)
    r = stats.ttest_ind(a, b, equal_var=True)
    sp2 = (hss(a) + hss(b)) / (n1 + n2 - 2)
    t = (mpq(hmean(a)) - mpq(hmean(b))) / mp.sqrt(mpq(sp2 * (Fr(1, n1) + Fr(1, n2))))
    sp_lib = math.sqrt(((n1 - 1) * np.var(a, ddof=1) + (n2 - 1) * np.var(b, ddof=1)) / (n1 + n2 - 2))
    ex_ = [ex("t", r.statistic, t, "stat"), ex("df", int(r.df), 16, "int"),
           ex("p_value", r.pvalue, mp_t_two(t, 16), "p"), ex("pooled_sd", sp_lib, mp.sqrt(mpq(sp2)), "stat")]
    add("j18", "wording", q, "Different specimens + equal-variance assumption -> pooled two-sample t (df 16).",
        ["t_test"], ex_, "two batches of different specimens, equal variances -> pooled t, df, p, pooled SD")


def j19():
    c = [int(v) for v in rng.poisson(4.2, 24)]
    q = ("We inspect one circuit board at a time and count every defect on it (solder bridges, tombstoned "
         "parts, missing components - a board can have several). Counts for the last 24 boards, in order:\n"
         + " ".join(str(v) for v in c) +
         "\nWhat are the centre line and the 3-sigma upper and lower control limits for monitoring this?")
    same(nums(q.split("in order:\n")[1].split("\n")[0]), c)
    cb = float(np.mean(c))
    cbh = Fr(sum(c), 24)
    lcl_h = max(0, mpq(cbh) - 3 * mp.sqrt(mpq(cbh)))
    assert cb - 3 * math.sqrt(cb) < 0
    ex_ = [ex("cl", cb, mpq(cbh), "loc"), ex("ucl", cb + 3 * math.sqrt(cb), mpq(cbh) + 3 * mp.sqrt(mpq(cbh)), "loc"),
           ex("lcl", int(max(0.0, cb - 3 * math.sqrt(cb))), int(lcl_h), "int")]
    add("j19", "wording", q, "Defects (several per board) counted on equal units -> c chart; LCL negative so 0.",
        ["control_chart", "summary_chart"], ex_, "defects counted per board -> c chart CL, UCL, LCL=0")


def j20():
    n = 200
    d = [int(v) for v in rng.binomial(n, 0.05, 25)]
    q = ("Each day we pull a sample of 200 connectors and record how many are defective (a connector either "
         "passes or fails). Daily counts for the last 25 days:\n" + ", ".join(str(v) for v in d) +
         "\nI want to chart the number of defective connectors per day (the count, not the fraction). "
         "Centre line and 3-sigma limits?")
    same(nums(q.split("25 days:\n")[1].split("\n")[0]), d)
    pb = np.mean(d) / n
    cl, s = n * pb, math.sqrt(n * pb * (1 - pb))
    ph = Fr(sum(d), 25 * n)
    sh = mp.sqrt(mpq(n * ph * (1 - ph)))
    assert cl - 3 * s > 0
    ex_ = [ex("cl", cl, mpq(n * ph), "loc"), ex("ucl", cl + 3 * s, mpq(n * ph) + 3 * sh, "loc"),
           ex("lcl", cl - 3 * s, mpq(n * ph) - 3 * sh, "loc")]
    add("j20", "wording", q, "Defectives (pass/fail units) with constant n=200, count scale -> np chart.",
        ["control_chart", "summary_chart"], ex_, "defective connectors per day of 200, count scale -> np chart CL, UCL, LCL")


def j21():
    k, n = 12, 5
    shifts = rng.normal(0, 0.012, k)
    sg = [[round(10.01 + float(s) + float(e), 3) for e in rng.normal(0, 0.02, n)] for s in shifts]
    lines = [f"SG{i + 1:02d} | " + " ".join(f(v, 3) for v in s) for i, s in enumerate(sg)]
    q = ("Pin diameters, 12 subgroups of 5 consecutive pins (mm):\n" + "\n".join(lines) +
         "\nSpec is 10.00 +/- 0.10 mm. Report Cp and Cpk using the within-subgroup sigma estimated as R-bar/d2, "
         "and Pp and Ppk using the overall sample standard deviation of all 60 pins.")
    back = [nums(m.group(1)) for m in re.finditer(r"^SG\d\d \| (.*)$", q, re.M)]
    for b, s in zip(back, sg):
        same(b, s)
    allv = [v for s in sg for v in s]
    a2, b2, _, _ = consts(n)
    rb = np.mean([max(s) - min(s) for s in sg])
    sw_a, so_a, mu_a = rb / a2, np.std(allv, ddof=1), np.mean(allv)
    rbh = sum(max(map(Fx, s)) - min(map(Fx, s)) for s in sg) / k
    sw_b, so_b, mu_b = mpq(rbh) / b2, hsd(allv), mpq(hmean(allv))
    L, U = 9.90, 10.10
    Lh, Uh = mpq(Fr("9.90")), mpq(Fr("10.10"))
    ex_ = [ex("Cp", (U - L) / (6 * sw_a), (Uh - Lh) / (6 * sw_b), "stat"),
           ex("Cpk", min(U - mu_a, mu_a - L) / (3 * sw_a), min(Uh - mu_b, mu_b - Lh) / (3 * sw_b), "stat"),
           ex("Pp", (U - L) / (6 * so_a), (Uh - Lh) / (6 * so_b), "stat"),
           ex("Ppk", min(U - mu_a, mu_a - L) / (3 * so_a), min(Uh - mu_b, mu_b - Lh) / (3 * so_b), "stat")]
    add("j21", "wording", q, "Within (R-bar/d2, d2=2.326) vs overall (n-1 SD of 60) sigma: Cp/Cpk vs Pp/Ppk.",
        ["capability"], ex_, "12 subgroups of 5, within vs overall sigma -> Cp, Cpk (R-bar/d2), Pp, Ppk")


def j22():
    x = dn(405, 9, 15, 0)
    x = [int(v) for v in x]
    x[6] = int(x[6] - 48)
    x[11] = int(x[11] + 61)
    body = "; ".join(f"run {i + 1}: {v}" for i, v in enumerate(x))
    q = ("Breaking strength (N) from today's pull tests - " + body + ". Run 7 happened during the power dip, "
         "so leave it out, and run 12 turned out to be a coupon cut from the wrong alloy, drop that one too. "
         "What are the mean and sample standard deviation of what's left, and how many runs is that?")
    got = re.findall(r"run (\d+): (\d+)", q)
    same([int(g[1]) for g in got], x)
    keep = [v for i, v in enumerate(x) if i not in (6, 11)]
    ex_ = [ex("n", len(keep), 13, "int"), ex("mean_N", np.mean(keep), mpq(hmean(keep)), "loc"),
           ex("sd_N", np.std(keep, ddof=1), hsd(keep), "stat")]
    add("j22", "wording", q, "Exclude runs 7 and 12 as instructed, describe the remaining 13.",
        ["describe"], ex_, "15 runs told inline, exclude runs 7 and 12 -> n=13, mean, SD")


def j23():
    while True:
        X = [round(float(v), 1) for v in rng.lognormal(math.log(900), 0.35, 7)]
        Y = [round(float(v), 1) for v in rng.lognormal(math.log(1250), 0.35, 8)]
        if len(set(X + Y)) == 15:
            break
    q = ("Seal life on the rig, in hours - seals from vendor X and, separately, seals from vendor Y:\n"
         "X: " + ", ".join(f(v, 1) for v in X) + "\nY: " + ", ".join(f(v, 1) for v in Y) +
         "\nThe data are clearly skewed, so no t-test please; compare the two vendors with a rank-based test for "
         "two independent samples. Give the smaller of the two U statistics and the exact two-sided p-value.")
    same(nums(q.split("\nX: ")[1].split("\n")[0]), X)
    same(nums(q.split("\nY: ")[1].split("\n")[0]), Y)
    r = stats.mannwhitneyu(X, Y, alternative="two-sided", method="exact")
    u1 = float(r.statistic)
    umin = min(u1, 7 * 8 - u1)
    # hand: exact permutation distribution of U over all C(15,7) rank sets
    rk = ranks_notie(X + Y)
    Uobs = sum(rk[:7]) - 7 * 8 // 2
    dist = {}
    for comb in itertools.combinations(range(1, 16), 7):
        u = sum(comb) - 28
        dist[u] = dist.get(u, 0) + 1
    tot = sum(dist.values())
    lo = Fr(sum(c for u, c in dist.items() if u <= min(Uobs, 56 - Uobs)), tot)
    ex_ = [ex("U_min", int(umin), min(Uobs, 56 - Uobs), "int"), ex("p_value", r.pvalue, mpq(min(1, 2 * lo)), "p")]
    add("j23", "wording", q, "'Rank-based, two independent samples, no t-test' -> Mann-Whitney, exact p, smaller U.",
        ["mann_whitney"], ex_, "skewed seal lives, 'rank-based test for independent samples' -> Mann-Whitney min U, exact p")


def j24():
    n = 12
    while True:
        A = dn(3.10, 0.30, n, 2)
        B = [round(a - float(e), 2) for a, e in zip(A, rng.standard_t(3, n) * 0.08 + 0.10)]
        d = [round(a - b, 2) for a, b in zip(A, B)]
        ad = [abs(v) for v in d]
        if 0 not in d and len(set(ad)) == n:
            break
    q = ("Tread wear (mm lost) - each of 12 test cars ran compound A on one front wheel and compound B on the "
         "other. Car by car:\n" + "\n".join(f"car {i + 1}: A {f(a, 2)}, B {f(b, 2)}" for i, (a, b) in enumerate(zip(A, B))) +
         "\nThe differences look anything but normal, so work with signed ranks: test whether the median "
         "A - B difference is zero (exact two-sided p), report the sum of the ranks of the positive differences, "
         "and give the Hodges-Lehmann estimate of the median difference.")
    got = re.findall(r"car \d+: A (\d+\.\d\d), B (\d+\.\d\d)", q)
    same([float(g[0]) for g in got], A)
    same([float(g[1]) for g in got], B)
    D = [Fx(a) - Fx(b) for a, b in zip(A, B)]
    r = stats.wilcoxon(np.array(A) - np.array(B), alternative="two-sided", method="exact")
    rk = ranks_notie([abs(v) for v in D])
    wplus = sum(r_ for r_, v in zip(rk, D) if v > 0)
    wminus = n * (n + 1) // 2 - wplus
    dist = [0] * (n * (n + 1) // 2 + 1)
    for signs in itertools.product((0, 1), repeat=n):
        dist[sum((i + 1) * s for i, s in enumerate(signs))] += 1
    wm = min(wplus, wminus)
    ph = Fr(2 * sum(dist[: wm + 1]), 2 ** n)
    walsh = sorted((D[i] + D[j]) / 2 for i in range(n) for j in range(i, n))
    hl_h = hmedian(walsh)
    diff = np.round(np.array(A) - np.array(B), 10)
    hl_a = np.median([(diff[i] + diff[j]) / 2 for i in range(n) for j in range(i, n)])
    wplus_lib = float(stats.wilcoxon(diff, alternative="greater", method="exact").statistic)
    ex_ = [ex("W_plus", int(wplus_lib), wplus, "int"), ex("p_value", r.pvalue, mpq(min(Fr(1), ph)), "p"),
           ex("hodges_lehmann", hl_a, mpq(hl_h), "loc")]
    add("j24", "wording", q, "Same cars both compounds + 'signed ranks' -> Wilcoxon signed-rank on A-B, exact p, "
        "W+ and HL (median of Walsh averages).", ["wilcoxon_signed_rank"], ex_,
        "paired cars, 'signed ranks' -> Wilcoxon W+, exact p, Hodges-Lehmann median difference")


def j25():
    a = dn(7.9, 0.6, 12, 1)
    b = dn(7.4, 0.6, 15, 1)
    q = ("Braking distance test (m, from 50 km/h). Twelve drivers used brand A tyres: " + ", ".join(f(v, 1) for v in a) +
         ". Fifteen other drivers used brand B: " + ", ".join(f(v, 1) for v in b) +
         ". Please run a paired t-test on A vs B and give me t and the p-value.")
    same(nums(q.split("brand A tyres: ")[1].split(". Fifteen")[0]), a)
    same(nums(q.split("brand B: ")[1].split(". Please")[0]), b)
    add("j25", "wording", q, "Paired test requested but the groups are different drivers of unequal size (12 vs 15): "
        "no pairing exists; must point out the contradiction (and offer an independent-samples test).",
        ["t_test"], [], "different drivers 12 vs 15, paired t asked -> REFUSE",
        refuse=True, reason="paired t-test requested for independent groups of different drivers with unequal n")


def j26():
    x = int(rng.integers(8, 13))
    n = 250
    q = (f"The vendor's contract says no more than 2% of the bushings are out of spec. Incoming inspection "
         f"checked {n} bushings from lot 22-0417 and found {x} out of spec. Is this evidence, at the 5% level, "
         "that the vendor's rate is above 2%? Use the exact binomial test: give the p-value and the observed "
         "percentage out of spec.")
    assert int(re.search(r"checked (\d+) bushings", q).group(1)) == n
    assert int(re.search(r"found (\d+) out of spec", q).group(1)) == x
    r = stats.binomtest(x, n, 0.02, alternative="greater")
    ph = sum(mp_binom_pmf(k, n, Fr(1, 50)) for k in range(x, n + 1))
    ex_ = [ex("p_value", r.pvalue, mpq(ph), "p"), ex("observed_percent", 100 * x / n, mpq(Fr(100 * x, n)), "loc")]
    add("j26", "wording", q, "'No more than 2%' claim, evidence above -> H1: p > 0.02, upper-tail exact binomial.",
        ["proportion_test"], ex_, "'no more than 2%' contract, x of 250 -> exact one-sided binomial p, observed %")


def j27():
    n = 16
    before = [int(v) for v in rng.integers(3, 8, n)]
    after = [int(min(10, max(0, b + int(d)))) for b, d in zip(before, rng.choice([-1, 0, 1, 1, 2], n))]
    q = ("Adhesion was rated 0-10 on 16 panels before and after the primer change, but the rating is so "
         "subjective that only whether a panel got better or worse means anything - not by how much.\n"
         "before: " + " ".join(str(v) for v in before) + "\nafter:  " + " ".join(str(v) for v in after) +
         "\n(same panel order on both lines). Panels with no change should be left out. How many panels improved, "
         "how many got worse, and what's the exact two-sided p-value?")
    same(nums(q.split("\nbefore: ")[1].split("\n")[0]), before)
    same(nums(q.split("\nafter:  ")[1].split("\n")[0]), after)
    up = sum(a > b for a, b in zip(after, before))
    dw = sum(a < b for a, b in zip(after, before))
    m = up + dw
    r = stats.binomtest(up, m, 0.5)
    ph = min(Fr(1), 2 * sum(Fr(math.comb(m, k), 2 ** m) for k in range(0, min(up, dw) + 1)))
    ex_ = [ex("n_improved", up, len([1 for a, b in zip(after, before) if a - b > 0]), "int"),
           ex("n_worse", dw, m - up, "int"), ex("p_value", r.pvalue, mpq(ph), "p")]
    add("j27", "wording", q, "Only direction matters, ties dropped -> sign test, exact two-sided binomial.",
        ["sign_test"], ex_, "'only better or worse matters', ties out -> sign test counts and exact p")


def j28():
    sizes, sds = (8, 8, 8), (0.8, 1.1, 2.0)
    g = [dn(250.0, s, k, 1) for k, s in zip(sizes, sds)]
    q = ("I'm not interested in whether the shifts fill to different averages - I want to know whether they're "
         "equally consistent. Fill weights (g):\n" +
         "\n".join(f"{nm} shift: " + ", ".join(f(v, 1) for v in x) for nm, x in zip(("Early", "Late", "Night"), g)) +
         "\nUse the version of Levene's test based on deviations from the group medians (Brown-Forsythe). "
         "Test statistic and p-value?")
    for nm, x in zip(("Early", "Late", "Night"), g):
        same(nums(q.split(f"{nm} shift: ")[1].split("\n")[0]), x)
    r = stats.levene(*g, center="median")
    z = [[abs(Fx(v) - hmedian(x)) for v in x] for x in g]
    allz = [v for x in z for v in x]
    gm = sum(allz) / len(allz)
    ssb = sum(len(x) * (sum(x) / len(x) - gm) ** 2 for x in z)
    ssw = sum(sum((v - sum(x) / len(x)) ** 2 for v in x) for x in z)
    W = mpq(ssb / 2 / (ssw / 21))
    ex_ = [ex("W", r.statistic, W, "stat"), ex("p_value", r.pvalue, mp_f_sf(W, 2, 21), "p")]
    add("j28", "wording", q, "Spread, not means; median-centred Levene (Brown-Forsythe) across three shifts.",
        ["levene"], ex_, "'equally consistent' shifts -> Brown-Forsythe W and p")


# ==========================================================================
# KIND 3: numbers in prose with roles and distractors (j29-j42)
# ==========================================================================


def j29():
    n = int(rng.integers(30, 40))
    m = round(float(rng.normal(808, 3)), 1)
    s = round(float(rng.uniform(18, 24)), 1)
    q = (f"Goods-in report: lot #4471 (PO 88120, received 12 May 2024). {n} bolts from the lot were pull-tested "
         f"at 23 °C. Mean tensile strength came out at {f(m, 1)} MPa with a standard deviation of {f(s, 1)} MPa. "
         "The bolts cost $0.42 each and the nominal strength on the drawing is 800 MPa. Does the lot mean differ "
         "from nominal? Two-sided, 5% level - I need t, the p-value and the 95% confidence interval for the mean.")
    assert int(re.search(r"(\d+) bolts from", q).group(1)) == n
    assert float(re.search(r"came out at (\d+\.\d) MPa", q).group(1)) == m
    assert float(re.search(r"deviation of (\d+\.\d) MPa", q).group(1)) == s
    se = s / math.sqrt(n)
    t = (m - 800) / se
    tc = stats.t.ppf(0.975, n - 1)
    seh = mpq(Fx(s)) / mp.sqrt(n)
    th = (mpq(Fx(m)) - 800) / seh
    tch = mp_t_ppf(0.975, n - 1)
    ex_ = [ex("t", t, th, "stat"), ex("p_value", 2 * stats.t.sf(abs(t), n - 1), mp_t_two(th, n - 1), "p"),
           ex("ci_low", m - tc * se, mpq(Fx(m)) - tch * seh, "loc"),
           ex("ci_high", m + tc * se, mpq(Fx(m)) + tch * seh, "loc")]
    add("j29", "prose_numbers", q, "Summary one-sample t vs 800 MPa; lot/PO numbers, date, temperature and price are "
        "distractors.", ["summary_t_test"], ex_, "bolt lot report with lot/PO/date/price distractors -> one-sample t, p, 95% CI")


def j30():
    n1, n2 = 14, 11
    m1, s1 = int(rng.integers(300, 320)), int(rng.integers(38, 46))
    m2, s2 = int(rng.integers(345, 365)), int(rng.integers(60, 72))
    q = (f"Salt-spray trial, started 3 June in chamber 2 (35 °C, 5% NaCl). Old coating: {n1} panels, mean life "
         f"{m1} h, standard deviation {s1} h. New coating (priced at EUR 18.50/L against EUR 14.20/L for the old one): "
         f"{n2} panels, mean {m2} h, SD {s2} h. Does the new coating last longer? One-sided test, and don't assume "
         "equal variances. Give t (new minus old), the Welch-Satterthwaite degrees of freedom and the p-value.")
    g = re.search(r"Old coating: (\d+) panels, mean life (\d+) h, standard deviation (\d+) h", q).groups()
    assert tuple(map(int, g)) == (n1, m1, s1)
    g = re.search(r"\): (\d+) panels, mean (\d+) h, SD (\d+) h", q).groups()
    assert tuple(map(int, g)) == (n2, m2, s2)
    r = stats.ttest_ind_from_stats(m2, s2, n2, m1, s1, n1, equal_var=False, alternative="greater")
    v1, v2 = Fr(s1 * s1, n1), Fr(s2 * s2, n2)
    t = (m2 - m1) / mp.sqrt(mpq(v1 + v2))
    df = mpq((v1 + v2) ** 2 / (v1 ** 2 / (n1 - 1) + v2 ** 2 / (n2 - 1)))
    df_lib = (s1 ** 2 / n1 + s2 ** 2 / n2) ** 2 / ((s1 ** 2 / n1) ** 2 / (n1 - 1) + (s2 ** 2 / n2) ** 2 / (n2 - 1))
    ex_ = [ex("t", r.statistic, t, "stat"), ex("df", df_lib, df, "stat"), ex("p_value", r.pvalue, mp_t_sf(t, df), "p")]
    add("j30", "prose_numbers", q, "Welch from summaries, one-sided upper (new longer); date, chamber, temperature, "
        "NaCl %, prices are distractors.", ["summary_t_test"], ex_,
        "salt-spray summaries with price/temperature distractors -> Welch t, df, one-sided p")


def j31():
    d = round(float(rng.uniform(0.15, 0.25)), 2)
    q = (f"How many bores per group do we need to detect a {f(d, 2)} mm shift in mean bore diameter between the two "
         "boring heads with 90% power, two-sided alpha 0.05? The drawing tolerance is +/-0.5 mm and we run 3 shifts "
         "a day on 2 machines.")
    assert float(re.search(r"detect a (\d\.\d\d) mm", q).group(1)) == d
    add("j31", "prose_numbers", q, "Sample size for a two-sample comparison needs the within-group SD, which is not "
        "given (the tolerance is not an SD); must ask for it.", ["power"], [],
        "power/sample size with no standard deviation (only a tolerance) -> REFUSE",
        refuse=True, reason="no standard deviation given for the sample-size calculation")


def j32():
    while True:
        s = round(float(rng.uniform(1.8, 2.8)), 1)
        E = 0.5
        z = stats.norm.ppf(0.975)
        v = (z * s / E) ** 2
        v196 = (1.96 * s / E) ** 2
        if math.ceil(v) == math.ceil(v196) and v - math.floor(v) > 0.05 and math.ceil(v) - v > 0.05:
            break
    q = (f"For the carton audit we need to estimate the average fill weight to within +/-0.5 g at 95% confidence. "
         f"Last quarter's data put the standard deviation at about {f(s, 1)} g. Cartons cost $3 each and the line "
         "runs 120 cartons a minute. How many cartons do we need to weigh?")
    assert float(re.search(r"deviation at about (\d\.\d) g", q).group(1)) == s
    nh = None
    zh = mp_norm_ppf(0.975)
    for k in range(1, 10000):
        if zh * mpq(Fx(s)) / mp.sqrt(k) <= mp.mpf("0.5"):
            nh = k
            break
    ex_ = [ex("n", math.ceil(v), nh, "int")]
    add("j32", "prose_numbers", q, "n = ceil((z*sigma/E)^2) with E = 0.5 g; price and line speed are distractors.",
        ["sample_size_ci"], ex_, "fill-weight audit, sigma and +/-E in prose with price/speed distractors -> n")


def _pow2(d, n, alpha=0.05):
    """hand two-sided two-sample t power by mpmath integration of the noncentral t."""
    df = 2 * n - 2
    ncp = mp.mpf(d) * mp.sqrt(mp.mpf(n) / 2)
    tc = mp_t_ppf(1 - mp.mpf(alpha) / 2, df)

    def cdf(t):
        dens = lambda u: mp.exp((df / 2 - 1) * mp.log(u) - u / 2 - (df / 2) * mp.log(2) - mp.loggamma(df / 2))
        return mp.quad(lambda u: dens(u) * mp.ncdf(t * mp.sqrt(u / df) - ncp), [0, df, mp.inf])

    return 1 - cdf(tc) + cdf(-tc)


def j33():
    delta, sd = 1.5, 2.0
    pw = 0.9
    delta = round(float(rng.choice([1.2, 1.5, 1.8])), 1)
    sd = round(float(rng.choice([2.0, 2.2, 2.5])), 1)
    q = (f"We're planning a comparison of two independent groups of equal size, to be analysed with a two-sample "
         f"t-test (equal variances). We want to detect a true difference in means of {f(delta, 1)} units; the SD "
         f"within each group is about {f(sd, 1)}. Two-sided alpha 0.05, 90% power. Please base it on the "
         "t distribution (noncentral t), not the normal approximation. How many per group, and what's the "
         "actual power at that size?")
    assert float(re.search(r"means of (\d\.\d) units", q).group(1)) == delta
    assert float(re.search(r"is about (\d\.\d)\.", q).group(1)) == sd
    d = delta / sd
    P = TTestIndPower()
    n_lib = math.ceil(P.solve_power(effect_size=d, alpha=0.05, power=pw, alternative="two-sided") - 1e-9)
    nh = 2
    while _pow2(d, nh) < pw:
        nh += 1
    ex_ = [ex("n_per_group", n_lib, nh, "int"),
           ex("achieved_power", P.power(d, n_lib, 0.05, alternative="two-sided"), _pow2(d, nh), "stat")]
    add("j33", "prose_numbers", q, "Two-sample t sample size, noncentral t, smallest n with power >= 0.90, "
        "and the power at that n.", ["power"], ex_, "planning two-sample t with delta and SD in prose -> n per group and achieved power")


def j34():
    n = int(rng.integers(10, 15))
    delta = int(rng.integers(2, 4))
    sd = int(rng.integers(4, 6))
    q = (f"Our budget only allows {n} specimens per group (two independent groups, pooled two-sample t-test, "
         f"two-sided alpha = 0.05). If the true difference between the coatings is {delta} um and the SD is {sd} um, "
         "what's the probability the test detects it? The coupons are 25 x 75 mm and cost $8 each.")
    assert int(re.search(r"allows (\d+) specimens", q).group(1)) == n
    assert int(re.search(r"coatings is (\d+) um", q).group(1)) == delta
    assert int(re.search(r"SD is (\d+) um", q).group(1)) == sd
    d = delta / sd
    P = TTestIndPower()
    v = P.power(d, n, 0.05, alternative="two-sided")
    one = stats.nct.sf(stats.t.ppf(0.975, 2 * n - 2), 2 * n - 2, d * math.sqrt(n / 2))
    tol = max(1e-3 * v, 1.2 * abs(v - one))
    ex_ = [ex("power", v, _pow2(d, n), "stat", tol)]
    add("j34", "prose_numbers", q, "Power of a pooled two-sample t at given n, delta, SD; coupon size and price are "
        "distractors.", ["power"], ex_, "fixed n per group, delta and SD in prose -> power of two-sample t")


def j35():
    while True:
        p0 = round(float(rng.choice([0.06, 0.07, 0.08, 0.09])), 2)
        E = round(float(rng.choice([0.02, 0.025, 0.03])), 3)
        z = stats.norm.ppf(0.975)
        v = z * z * p0 * (1 - p0) / E ** 2
        v196 = 1.96 ** 2 * p0 * (1 - p0) / E ** 2
        if math.ceil(v) == math.ceil(v196) and min(v - math.floor(v), math.ceil(v) - v) > 0.05:
            break
    ep = f"{E * 100:g}"
    q = (f"We want to estimate the fraction of defective housings from the new mould to within +/-{ep} percentage "
         f"points with 95% confidence. From the pilot run (lot 3, 1,200 parts made) we expect the rate to be around "
         f"{p0 * 100:g}%. How many housings do we need to inspect?")
    assert float(re.search(r"within \+/-([\d.]+) percentage", q).group(1)) / 100 == E
    assert float(re.search(r"around ([\d.]+)%", q).group(1)) / 100 == p0
    zh = mp_norm_ppf(0.975)
    vh = zh ** 2 * mpq(Fx(p0) * (1 - Fx(p0)) / Fx(E) ** 2)
    ex_ = [ex("n", math.ceil(v), int(mp.ceil(vh)), "int")]
    add("j35", "prose_numbers", q, "n = ceil(z^2 p(1-p)/E^2) with planning p and E in percentage points; lot number "
        "and 1,200 parts are distractors.", ["sample_size_ci"], ex_, "defective-fraction estimate +/-E pp around p0 -> n")


def j36():
    xb = round(float(rng.normal(74.001, 0.0005)), 4)
    rb = round(float(rng.uniform(0.020, 0.026)), 4)
    n = 5
    q = (f"Over the last 25 subgroups of 5 piston rings the grand average inside diameter was {f(xb, 4)} mm and the "
         f"average range was {f(rb, 4)} mm (gauge resolution 0.0001 mm, rings measured at 20 °C). What are the "
         "3-sigma control limits for the X-bar chart and for the R chart?")
    assert float(re.search(r"diameter was (\d+\.\d{4}) mm", q).group(1)) == xb
    assert float(re.search(r"range was (\d\.\d{4}) mm", q).group(1)) == rb
    a2, b2, a3, b3 = consts(n)
    A2a, A2b = 3 / (a2 * math.sqrt(n)), 3 / (b2 * math.sqrt(n))
    D4a, D4b = 1 + 3 * a3 / a2, 1 + 3 * b3 / b2
    T = TAB[n]

    def tl(v, vt):
        return 2e-5 * abs(v) + max(1.5 * abs(v - vt), 5e-4 * rb)

    ex_ = [ex("xbar_ucl", xb + A2a * rb, mpq(Fx(xb)) + A2b * mpq(Fx(rb)), "loc", tl(xb + A2a * rb, xb + T["A2"] * rb)),
           ex("xbar_lcl", xb - A2a * rb, mpq(Fx(xb)) - A2b * mpq(Fx(rb)), "loc", tl(xb - A2a * rb, xb - T["A2"] * rb)),
           ex("r_ucl", D4a * rb, D4b * mpq(Fx(rb)), "loc", tl(D4a * rb, T["D4"] * rb)),
           ex("r_lcl", 0, int(max(0, 1 - 3 * b3 / b2)), "int")]
    add("j36", "prose_numbers", q, "X-bar/R limits from grand mean and R-bar, n=5 (A2=0.577, D4=2.114, D3=0); 25, "
        "gauge resolution and 20 °C are not inputs to the limits.", ["summary_chart", "spc_constants"], ex_,
        "grand mean and R-bar told in a sentence, n=5 -> X-bar UCL/LCL, R UCL/LCL")


def j37():
    fac = dn(40.2, 0.9, 4, 1)
    cen = dn(40.6, 0.2, 5, 1)
    q = (f"We ran a 2^2 factorial in temperature (150 and 170 °C) and reaction time (30 and 40 min). At 150 °C / 30 min "
         f"the yield was {f(fac[0], 1)}%, at 170 °C / 30 min {f(fac[1], 1)}%, at 150 °C / 40 min {f(fac[2], 1)}% and at "
         f"170 °C / 40 min {f(fac[3], 1)}%. We also made five runs at the centre (160 °C, 35 min), which gave "
         + ", ".join(f(v, 1) for v in cen[:4]) + f" and {f(cen[4], 1)}%. Is there evidence of curvature? Test it "
         "against pure error from the centre runs: give the curvature sum of squares, F and the p-value.")
    fb = [float(v) for v in re.findall(r"min (?:the yield was )?(\d+\.\d)%", q)]
    same(fb, fac)
    same(nums(q.split("which gave ")[1].split("%")[0]), cen)
    A, B = [-1, 1, -1, 1], [-1, -1, 1, 1]
    rows = [(a, b, a * b, 0, y) for a, b, y in zip(A, B, fac)] + [(0, 0, 0, 1, y) for y in cen]
    X = sm.add_constant(np.array([r[:4] for r in rows], float), has_constant="add")
    fit = sm.OLS(np.array([r[4] for r in rows]), X).fit()
    F_lib = float(fit.tvalues[4] ** 2)
    p_lib = float(fit.pvalues[4])
    ssc_lib = F_lib * fit.mse_resid
    yf, yc = hmean(fac), hmean(cen)
    ssc = Fr(4 * 5, 9) * (yf - yc) ** 2
    mspe = hvar(cen)
    Fh = mpq(ssc / mspe)
    ex_ = [ex("ss_curvature", ssc_lib, mpq(ssc), "stat"), ex("F", F_lib, Fh, "stat"),
           ex("p_value", p_lib, mp_f_sf(Fh, 1, 4), "p")]
    add("j37", "prose_numbers", q, "2^2 with 5 centre points told in prose; single-df curvature SS = nF nC (ybarF-ybarC)^2/"
        "(nF+nC), F against centre-point pure error (df 4).", ["doe_curvature"], ex_,
        "2^2 factorial + 5 centre runs told in sentences -> curvature SS, F, p")


def j38():
    mu = round(float(rng.normal(10.018, 0.004)), 3)
    sw = round(float(rng.uniform(0.013, 0.016)), 4)
    so = round(sw + float(rng.uniform(0.002, 0.004)), 4)
    q = (f"Capability summary from the Minitab run last Tuesday (125 parts, 25 subgroups of 5): process mean "
         f"{f(mu, 3)} mm, within-subgroup sigma {f(sw, 4)} mm (R-bar/d2), overall standard deviation {f(so, 4)} mm. "
         "The spec is 10.000 +/- 0.060 mm. What are Cpk (within sigma) and Ppk (overall sigma)? Also Cp.")
    assert float(re.search(r"process mean (\d+\.\d{3}) mm", q).group(1)) == mu
    assert float(re.search(r"sigma (\d\.\d{4}) mm \(R-bar", q).group(1)) == sw
    assert float(re.search(r"overall standard deviation (\d\.\d{4}) mm", q).group(1)) == so
    L, U = 9.94, 10.06
    Mh, Lh, Uh = Fx(mu), Fr("9.94"), Fr("10.06")
    ex_ = [ex("Cpk", min(U - mu, mu - L) / (3 * sw), mpq(min(Uh - Mh, Mh - Lh) / (3 * Fx(sw))), "stat"),
           ex("Ppk", min(U - mu, mu - L) / (3 * so), mpq(min(Uh - Mh, Mh - Lh) / (3 * Fx(so))), "stat"),
           ex("Cp", (U - L) / (6 * sw), mpq((Uh - Lh) / (6 * Fx(sw))), "stat")]
    add("j38", "prose_numbers", q, "Cpk uses within sigma, Ppk overall; 125/25/5 are context, not inputs.",
        ["summary_capability"], ex_, "mean, within and overall sigma in prose -> Cpk, Ppk, Cp")


def j39():
    n1, n2 = int(rng.integers(1700, 2000)), int(rng.integers(2000, 2300))
    x1, x2 = int(rng.binomial(n1, 0.024)), int(rng.binomial(n2, 0.015))
    q = (f"Quarter 3 numbers: Line 1 built {n1:,} units and {x1} were rejected at final test; Line 2 built {n2:,} "
         f"units with {x2} rejects. Line 2 has the newer tester (installed 2022, cost $48,000). Is the reject rate "
         "different between the lines? Two-proportion z-test with the pooled proportion, two-sided, no continuity "
         "correction: give z (Line 1 minus Line 2) and the p-value.")
    g = re.search(r"Line 1 built ([\d,]+) units and (\d+) were rejected.*Line 2 built ([\d,]+) units with (\d+) rejects", q).groups()
    assert (int(g[0].replace(",", "")), int(g[1]), int(g[2].replace(",", "")), int(g[3])) == (n1, x1, n2, x2)
    z, p = proportions_ztest([x1, x2], [n1, n2], alternative="two-sided")
    p1, p2, pp = Fr(x1, n1), Fr(x2, n2), Fr(x1 + x2, n1 + n2)
    zh = mpq(p1 - p2) / mp.sqrt(mpq(pp * (1 - pp) * (Fr(1, n1) + Fr(1, n2))))
    ex_ = [ex("z", z, zh, "stat"), ex("p_value", p, 2 * mp_norm_sf(abs(zh)), "p")]
    add("j39", "prose_numbers", q, "Pooled two-proportion z from counts with thousands separators; installation "
        "year and price are distractors.", ["proportion_test"], ex_, "reject counts of two lines in prose -> pooled z, p")


def j40():
    n = 40
    s = int(rng.integers(20, 26))
    fl = n - s + int(rng.integers(3, 6))
    q = (f"Of the {n} units in the accelerated-life test (85 °C / 85% RH), {s} survived the full 1000 hours and {fl} "
         "failed before 1000 hours. What's the 95% Clopper-Pearson confidence interval for the probability of "
         "failing before 1000 h?")
    g = nums(q)
    assert (int(g[0]), int(g[3]), int(g[5])) == (n, s, fl) and s + fl != n
    add("j40", "prose_numbers", q, f"Counts contradict: {s} survived + {fl} failed = {s + fl} != {n} units; must "
        "flag the inconsistency rather than pick one.", ["proportion_test"], [],
        "survivors + failures do not add up to the units tested -> REFUSE",
        refuse=True, reason=f"{s} + {fl} != {n}: counts inconsistent")


def j41():
    k = int(rng.integers(22, 30))
    tot = int(rng.integers(10, 14)) * k + int(rng.integers(0, k))
    q = (f"Over {k} rolls of fabric (every roll 50 m long and 1.6 m wide) the inspectors found {tot} blemishes in "
         "total. We want to chart blemishes per roll going forward - what are the centre line and the 3-sigma "
         "UCL and LCL?")
    assert int(re.search(r"Over (\d+) rolls", q).group(1)) == k and int(re.search(r"found (\d+) blemishes", q).group(1)) == tot
    cb = tot / k
    ch = Fr(tot, k)
    sh = mp.sqrt(mpq(ch))
    assert cb - 3 * math.sqrt(cb) > 0
    ex_ = [ex("cl", cb, mpq(ch), "loc"), ex("ucl", cb + 3 * math.sqrt(cb), mpq(ch) + 3 * sh, "loc"),
           ex("lcl", cb - 3 * math.sqrt(cb), mpq(ch) - 3 * sh, "loc")]
    add("j41", "prose_numbers", q, "c chart from a total count over k equal rolls: c-bar = total/k; roll size is a "
        "distractor.", ["summary_chart", "control_chart"], ex_, "total blemishes over k equal rolls -> c chart CL, UCL, LCL")


def j42():
    n = 400
    x = int(rng.binomial(n, 0.15))
    q = (f"In our 2023 operator survey we sent the form to 650 people and {n} replied; {x} of the {n} respondents "
         "said they had had a near-miss with the press guards in the past year. Give the 95% Wilson score interval "
         "for the proportion among respondents.")
    assert int(re.search(rf"; (\d+) of the {n} respondents", q).group(1)) == x
    lo, hi = proportion_confint(x, n, 0.05, method="wilson")
    z = mp_norm_ppf(0.975)
    ph = mpq(Fr(x, n))
    cen = (ph + z * z / (2 * n)) / (1 + z * z / n)
    hw = z / (1 + z * z / n) * mp.sqrt(ph * (1 - ph) / n + z * z / (4 * n * n))
    ex_ = [ex("ci_low", lo, cen - hw, "loc"), ex("ci_high", hi, cen + hw, "loc")]
    add("j42", "prose_numbers", q, "Wilson interval for x/400 respondents; 650 forms sent and 2023 are distractors.",
        ["proportion_test"], ex_, "survey respondents with forms-sent distractor -> Wilson 95% CI")


# ==========================================================================
# KIND 4: mathematics (j43-j56)
# ==========================================================================
x, y = sp.symbols("x y", real=True)


def j43():
    a = int(rng.choice([2, 3, 4]))
    x0 = float(rng.choice([0.6, 0.7, 0.8, 1.1]))
    q = f"What's the slope of y = x^2*sin({a}x) at x = {x0:g}? (x in radians)"
    g = re.search(r"sin\((\d)x\) at x = ([\d.]+)\?", q).groups()
    assert int(g[0]) == a and float(g[1]) == x0
    e = x ** 2 * sp.sin(a * x)
    v_a = sp.diff(e, x).subs(x, sp.Rational(str(x0))).evalf(30)
    v_b = mp.diff(lambda t: t ** 2 * mp.sin(a * t), mp.mpf(str(x0)))
    add("j43", "maths", q, "Derivative 2x sin(ax) + a x^2 cos(ax) evaluated at x0.", ["differentiate", "evaluate"],
        [ex("slope", v_a, v_b, "math")], f"slope of x^2 sin({a}x) at x={x0:g} -> derivative value")


def j44():
    b = int(rng.choice([2, 3, 4]))
    c = int(rng.choice([2, 3]))
    q = (f"I need the area under the curve y = x^2 e^(-x/{c}) between x = 0 and x = {b}. "
         "Exact form if there is one, but mainly the number.")
    g = re.search(r"e\^\(-x/(\d)\) between x = 0 and x = (\d)", q).groups()
    assert (int(g[0]), int(g[1])) == (c, b)
    v_a = sp.integrate(x ** 2 * sp.exp(-x / c), (x, 0, b))
    v_b = mp.quad(lambda t: t ** 2 * mp.exp(-t / c), [0, b])
    add("j44", "maths", q, "Definite integral of x^2 e^(-x/c) on [0, b].", ["integrate"],
        [ex("area", v_a.evalf(30), v_b, "math")], f"area under x^2 e^(-x/{c}) on [0,{b}] -> definite integral")


def j45():
    a = int(rng.choice([2, 3]))
    q = (f"Does the integral from 0 to infinity of 1/(x^2 + {a * a})^2 dx converge? If it does, what is its value?")
    assert int(re.search(r"\(x\^2 \+ (\d+)\)\^2", q).group(1)) == a * a
    v_a = sp.integrate(1 / (x ** 2 + a * a) ** 2, (x, 0, sp.oo))
    v_b = mp.quad(lambda t: 1 / (t ** 2 + a * a) ** 2, [0, mp.inf])
    add("j45", "maths", q, f"Converges to pi/(4 a^3) with a={a}.", ["integrate"],
        [ex("value", v_a.evalf(30), v_b, "math")], f"improper integral of 1/(x^2+{a * a})^2 on [0,oo) -> pi/(4*{a}^3)")


def j46():
    a = int(rng.choice([2, 3, 5]))
    q = f"Find lim as x -> 0 of (sin({a}x) - {a}x) / x^3."
    g = re.findall(r"(\d)x", q)
    assert all(int(v) == a for v in g)
    v_a = sp.limit((sp.sin(a * x) - a * x) / x ** 3, x, 0)
    v_b = Fr(-a ** 3, 6)
    add("j46", "maths", q, "Series: sin(ax) - ax ~ -(ax)^3/6, limit -a^3/6.", ["limit"],
        [ex("limit", float(v_a), float(v_b), "math")], f"(sin({a}x)-{a}x)/x^3 as x->0 -> -{a}^3/6")


def j47():
    p = int(rng.choice([2, 3]))
    qd = int(rng.choice([7, 9]))
    r = sp.Rational(p, qd)
    n = sp.symbols("n", integer=True, positive=True)
    q = f"What does the series sum_(n=1)^infinity n^2 ({p}/{qd})^n add up to?"
    g = re.search(r"\((\d)/(\d)\)\^n", q).groups()
    assert (int(g[0]), int(g[1])) == (p, qd)
    v_a = sp.summation(n ** 2 * r ** n, (n, 1, sp.oo))
    rr = Fr(p, qd)
    v_b = rr * (1 + rr) / (1 - rr) ** 3
    assert mp.almosteq(mp.nsum(lambda k: k ** 2 * (mp.mpf(p) / qd) ** k, [1, mp.inf]), mpq(v_b), 1e-20)
    add("j47", "maths", q, "sum n^2 r^n = r(1+r)/(1-r)^3.", ["summation"],
        [ex("sum", float(v_a), float(v_b), "math")], f"sum n^2 ({p}/{qd})^n -> r(1+r)/(1-r)^3")


def j48():
    while True:
        c = round(float(rng.uniform(5.75, 6.25)), 2)
        if abs(c - 6) > 0.05:
            break
    q = f"Find all the real roots of x^3 - 6x^2 + 11x - {f(c, 2)} = 0, smallest first."
    assert float(re.search(r"11x - (\d\.\d\d) = 0", q).group(1)) == c
    ra = sorted(float(v.real) for v in np.roots([1, -6, 11, -c]) if abs(v.imag) < 1e-9)
    rb = sorted(float(v) for v in mp.polyroots([1, -6, 11, -mpq(Fx(c))], maxsteps=200, extraprec=60))
    assert len(ra) == 3 == len(rb)
    add("j48", "maths", q, "Three real roots (c within 6 +/- 0.385).", ["solve"],
        [ex(f"root{i + 1}", ra[i], rb[i], "math") for i in range(3)], "cubic x^3-6x^2+11x-c -> three real roots")


def j49():
    m = int(rng.choice([2, 3]))
    k = 4 * m + 1
    q = (f"Solve for x, y, z and give me the unique solution:\n  x + 2y - z = 4\n  {m}x + {2 * m}y - {m}z = {k}\n"
         "  x - y + z = 1")
    g = re.search(r"(\d)x \+ (\d)y - (\d)z = (\d+)", q).groups()
    assert tuple(map(int, g)) == (m, 2 * m, m, k)
    M = sp.Matrix([[1, 2, -1, 4], [m, 2 * m, -m, k], [1, -1, 1, 1]])
    assert M[:, :3].rank() == 2 and M.rank() == 3
    add("j49", "maths", q, f"Row 2 is {m} x row 1 on the left but {k} != {4 * m} on the right: inconsistent, no "
        "solution exists, so no unique solution can be given.", ["solve", "matrix"], [],
        "3x3 system with two parallel inconsistent rows, asks unique solution -> REFUSE",
        refuse=True, reason="inconsistent linear system (rank 2 vs augmented rank 3): no solution")


def j50():
    c = int(rng.integers(1, 10))
    q = (f"For f(x) = 2x^3 - 3x^2 - 12x + {c} on the closed interval [-2, 3], what are the absolute maximum and "
         "absolute minimum values, and where do they occur?")
    assert int(re.search(r"12x \+ (\d+) on", q).group(1)) == c
    e = 2 * x ** 3 - 3 * x ** 2 - 12 * x + c
    crit = [s for s in sp.solve(sp.diff(e, x), x) if -2 <= s <= 3] + [-2, 3]
    vals = {s: e.subs(x, s) for s in crit}
    xa_max = max(vals, key=lambda s: vals[s])
    xa_min = min(vals, key=lambda s: vals[s])
    # hand: f'(x) = 6x^2 - 6x - 12 = 6(x-2)(x+1)
    fh = lambda t: 2 * Fr(t) ** 3 - 3 * Fr(t) ** 2 - 12 * Fr(t) + c
    disc = 36 + 4 * 6 * 12
    r1, r2 = Fr(6 - math.isqrt(disc), 12), Fr(6 + math.isqrt(disc), 12)
    cand = [Fr(-2), r1, r2, Fr(3)]
    hx_max, hx_min = max(cand, key=fh), min(cand, key=fh)
    ex_ = [ex("max_value", int(vals[xa_max]), int(fh(hx_max)), "int"), ex("x_at_max", int(xa_max), int(hx_max), "int"),
           ex("min_value", int(vals[xa_min]), int(fh(hx_min)), "int"), ex("x_at_min", int(xa_min), int(hx_min), "int")]
    add("j50", "maths", q, "Critical points x=-1, 2 inside; compare with endpoints.", ["extrema"], ex_,
        "cubic on [-2,3] -> absolute max/min values and locations")


def j51():
    while True:
        A = rng.integers(-3, 6, (3, 3))
        A = np.triu(A) + np.triu(A, 1).T
        if round(np.linalg.det(A)) != 0:
            break
    A = A.astype(int).tolist()
    q = ("For the symmetric matrix\n" + "\n".join("  [ " + "  ".join(f"{v:>2d}" for v in row) + " ]" for row in A) +
         "\nwhat are the determinant, the largest eigenvalue and the trace of the inverse?")
    back = [[int(v) for v in m.group(1).split()] for m in re.finditer(r"^  \[ (.*) \]$", q, re.M)]
    assert back == A
    An = np.array(A, float)
    S = sp.Matrix(A)
    lam_b = max(sp.Poly(S.charpoly().as_expr()).nroots(n=30))
    ex_ = [ex("determinant", int(round(np.linalg.det(An))), int(S.det()), "int"),
           ex("largest_eigenvalue", max(np.linalg.eigvalsh(An)), lam_b, "math"),
           ex("trace_of_inverse", np.trace(np.linalg.inv(An)), float(S.inv().trace()), "math")]
    add("j51", "maths", q, "Integer symmetric 3x3: det, max eigenvalue, trace(A^-1).", ["matrix"], ex_,
        "symmetric 3x3 integer matrix -> determinant, largest eigenvalue, trace of inverse")


def j52():
    a = int(rng.choice([2, 3]))
    q = f"In the Maclaurin series of e^({a}x)*cos(x), what is the coefficient of x^4?"
    assert int(re.search(r"e\^\((\d)x\)", q).group(1)) == a
    v_a = sp.series(sp.exp(a * x) * sp.cos(x), x, 0, 6).removeO().coeff(x, 4)
    cosc = {0: Fr(1), 2: Fr(-1, 2), 4: Fr(1, 24)}
    v_b = sum(Fr(a ** (4 - k), math.factorial(4 - k)) * cv for k, cv in cosc.items())
    assert sp.Rational(v_b.numerator, v_b.denominator) == v_a
    add("j52", "maths", q, f"Cauchy product of exp and cos series; exact {v_b}.", ["series"],
        [ex("coefficient_x4", float(v_a), float(v_b), "math")], f"Maclaurin coefficient of x^4 in e^({a}x)cos x -> {v_b}")


def j53():
    x0 = int(rng.choice([1, 2]))
    y0 = float(rng.choice([0.5, 1.5]))
    q = (f"Let f(x, y) = x^2*y^3 + e^(x*y). What's the mixed partial derivative d^2f/(dx dy) at the point "
         f"(x, y) = ({x0}, {y0:g})?")
    g = re.search(r"= \((\d), ([\d.]+)\)\?", q).groups()
    assert int(g[0]) == x0 and float(g[1]) == y0
    e = x ** 2 * y ** 3 + sp.exp(x * y)
    v_a = sp.diff(e, x, y).subs({x: x0, y: sp.Rational(str(y0))}).evalf(30)
    v_b = mp.diff(lambda s, t: s ** 2 * t ** 3 + mp.exp(s * t), (x0, mp.mpf(str(y0))), (1, 1))
    add("j53", "maths", q, "f_xy = 6xy^2 + e^(xy)(1+xy).", ["differentiate", "evaluate"],
        [ex("fxy", v_a, v_b, "math")], f"mixed partial of x^2y^3+e^(xy) at ({x0},{y0:g}) -> f_xy value")


def j54():
    while True:
        M = rng.integers(-4, 6, (3, 3))
        b = rng.integers(-10, 15, 3)
        if abs(round(np.linalg.det(M))) >= 3 and np.all(np.abs(np.linalg.solve(M, b)) >= 0.1):
            break
    M, b = M.astype(int).tolist(), b.astype(int).tolist()

    def term(cf, v, first):
        s = "-" if cf < 0 else ("" if first else "+")
        mag = "" if abs(cf) == 1 else str(abs(cf))
        if cf == 0:
            return ""
        return (f"{s}{mag}{v}" if first else f" {s} {mag}{v}")

    eqs = []
    for row, rhs in zip(M, b):
        s, first = "", True
        for cf, v in zip(row, "abc"):
            t = term(cf, v, first)
            if t:
                s += t
                first = False
        eqs.append(f"{s} = {rhs}")
    q = ("Mesh analysis of a small resistor network gave me three equations in the loop currents a, b, c (amps):\n" + "\n".join("  " + e for e in eqs) +
         "\nSolve for a, b and c.")
    a_, b_, c_ = sp.symbols("a b c")
    tr = standard_transformations + (implicit_multiplication_application,)
    txt_eqs = q.split("(amps):\n")[1].split("\nSolve")[0].split("\n")
    parsed = [parse_expr(e.split("=")[0], local_dict={"a": a_, "b": b_, "c": c_}, transformations=tr)
              - int(e.split("=")[1]) for e in txt_eqs]
    for pe, row, rhs in zip(parsed, M, b):
        assert [int(pe.coeff(s)) for s in (a_, b_, c_)] == row and int(pe.subs({a_: 0, b_: 0, c_: 0})) == -rhs
    sol_a = np.linalg.solve(np.array(M, float), np.array(b, float))
    D = sp.Matrix(M).det()
    sol_b = []
    for j in range(3):
        Mj = sp.Matrix(M)
        Mj[:, j] = sp.Matrix(b)
        sol_b.append(Mj.det() / D)
    add("j54", "maths", q, "Unique solution (Cramer's rule) " + ", ".join(str(v) for v in sol_b) + ".", ["solve", "matrix"],
        [ex(nm, sol_a[i], float(sol_b[i]), "math") for i, nm in enumerate("abc")], "3x3 linear system -> a, b, c")


def j55():
    a = int(rng.choice([2, 3, 4]))
    q = (f"Find and classify the critical points of f(x, y) = x^3 + y^3 - {3 * a}xy. How many are there, where is "
         "the local minimum and what is f there?")
    assert int(re.search(r"- (\d+)xy", q).group(1)) == 3 * a
    e = x ** 3 + y ** 3 - 3 * a * x * y
    sols = sp.solve([sp.diff(e, x), sp.diff(e, y)], [x, y], dict=True)
    sols = [s for s in sols if all(v.is_real for v in s.values())]
    H = sp.hessian(e, (x, y))
    mins = [s for s in sols if H.subs(s).det() > 0 and H.subs(s)[0, 0] > 0]
    assert len(mins) == 1
    s = mins[0]
    ex_ = [ex("n_critical_points", len(sols), 2, "int"), ex("x_min", int(s[x]), a, "int"), ex("y_min", int(s[y]), a, "int"),
           ex("f_min", int(e.subs(s)), -a ** 3, "int")]
    add("j55", "maths", q, "Critical points (0,0) saddle and (a,a) local min with f=-a^3.", ["extrema"], ex_,
        f"x^3+y^3-{3 * a}xy -> 2 critical points, local min at ({a},{a}), f=-{a ** 3}")


def j56():
    p, qq, r = int(rng.integers(1, 5)), int(rng.integers(-6, 7)), int(rng.integers(-9, 10))

    def poly():
        s = f"{p}x^2" if p != 1 else "x^2"
        s += f" {'+' if qq >= 0 else '-'} {abs(qq)}x" if qq != 0 else ""
        s += f" {'+' if r >= 0 else '-'} {abs(r)}" if r != 0 else ""
        return s

    q = (f"Decompose ({poly()}) / ((x - 1)(x + 2)(x + 3)) into partial fractions A/(x - 1) + B/(x + 2) + C/(x + 3). "
         "What are A, B and C?")
    num = parse_expr(q.split("Decompose (")[1].split(") /")[0], local_dict={"x": x},
                     transformations=standard_transformations + (implicit_multiplication_application, convert_xor))
    assert sp.expand(num - (p * x ** 2 + qq * x + r)) == 0
    expr = (p * x ** 2 + qq * x + r) / ((x - 1) * (x + 2) * (x + 3))
    terms = {}
    for t in sp.Add.make_args(sp.apart(expr, x)):
        rt = sp.solve(sp.denom(sp.together(t)), x)[0]
        terms[rt] = sp.simplify(t * (x - rt))
    N = lambda t: p * Fr(t) ** 2 + qq * Fr(t) + r
    hand = {1: N(1) / 12, -2: N(-2) / ((-2 - 1) * (-2 + 3)), -3: N(-3) / ((-3 - 1) * (-3 + 2))}
    ex_ = [ex(nm, float(terms.get(sp.Integer(rt), 0)), float(hand[rt]), "math") for nm, rt in (("A", 1), ("B", -2), ("C", -3))]
    add("j56", "maths", q, "Cover-up rule: A=N(1)/12, B=-N(-2)/3, C=N(-3)/4.", ["simplify"], ex_,
        "rational function over (x-1)(x+2)(x+3) -> partial-fraction A, B, C")


# ==========================================================================
# KIND 5: tests and methods named by the user (j57-j70)
# ==========================================================================


def sw_hand(xs):
    """Royston (1992/1995, AS R94) Shapiro-Wilk W and p for 12 <= n <= 5000, coded from the paper."""
    xs = sorted(xs)
    n = len(xs)
    m = [float(mp_norm_ppf((i - mp.mpf(3) / 8) / (n + mp.mpf(1) / 4))) for i in range(1, n + 1)]
    msq = sum(v * v for v in m)
    u = 1 / math.sqrt(n)
    an = m[-1] / math.sqrt(msq) + 0.221157 * u - 0.147981 * u ** 2 - 2.071190 * u ** 3 + 4.434685 * u ** 4 - 2.706056 * u ** 5
    an1 = m[-2] / math.sqrt(msq) + 0.042981 * u - 0.293762 * u ** 2 - 1.752461 * u ** 3 + 5.682633 * u ** 4 - 3.582633 * u ** 5
    phi = (msq - 2 * m[-1] ** 2 - 2 * m[-2] ** 2) / (1 - 2 * an ** 2 - 2 * an1 ** 2)
    a = [v / math.sqrt(phi) for v in m]
    a[-1], a[-2], a[0], a[1] = an, an1, -an, -an1
    mean = sum(xs) / n
    W = sum(ai * xi for ai, xi in zip(a, xs)) ** 2 / sum((xi - mean) ** 2 for xi in xs)
    ln = math.log(n)
    mu = 0.0038915 * ln ** 3 - 0.083751 * ln ** 2 - 0.31082 * ln - 1.5861
    sg = math.exp(0.0030302 * ln ** 2 - 0.082676 * ln - 0.4803)
    return W, float(mp_norm_sf((math.log(1 - W) - mu) / sg))


def j57():
    xs = [round(10 + float(v), 2) for v in rng.gamma(4.0, 0.6, 20)]
    q = ("Shapiro-Wilk normality test on these 20 coating thickness readings (um), please - the W statistic and "
         "its p-value:\n" + ", ".join(f(v, 2) for v in xs))
    same(nums(q.split("p-value:\n")[1]), xs)
    r = stats.shapiro(xs)
    W, p = sw_hand(xs)
    add("j57", "named_tests", q, "Shapiro-Wilk W and Royston p on n=20.", ["normality"],
        [ex("W", r.statistic, W, "stat"), ex("p_value", r.pvalue, p, "p")], "Shapiro-Wilk on 20 readings -> W, p")


def j58():
    n = 25
    xs = dn(3.20, 0.15, n, 3)
    q = ("Anderson-Darling test for normality (mean and SD estimated from the data) on the 25 fill heights below. "
         "Report the A^2 statistic and also the small-sample adjusted A^2* = A^2 (1 + 0.75/n + 2.25/n^2).\n"
         + " ".join(f(v, 3) for v in xs))
    same(nums(q.split("2.25/n^2).\n")[1]), xs)
    A2 = float(stats.anderson(xs, dist="norm").statistic)
    mu, s = mpq(hmean(xs)), hsd(xs)
    z = sorted((mpq(Fx(v)) - mu) / s for v in xs)
    S = sum((2 * i - 1) * (mp.log(mp.ncdf(z[i - 1])) + mp.log(1 - mp.ncdf(z[n - i]))) for i in range(1, n + 1))
    A2h = -n - S / n
    adj = 1 + 0.75 / n + 2.25 / n ** 2
    add("j58", "named_tests", q, "Anderson-Darling A^2 (estimated parameters, n-1 SD) and A^2* adjusted.", ["normality"],
        [ex("A2", A2, A2h, "stat"), ex("A2_adjusted", A2 * adj, A2h * adj, "stat")], "Anderson-Darling on 25 values -> A^2 and adjusted A^2*")


def ptukey_sf(qv, k, nu):
    """hand upper tail of the studentized range by nested quadrature (own integrand)."""
    pdf = lambda z: math.exp(-z * z / 2) / math.sqrt(2 * math.pi)

    def G(w):
        return integrate.quad(lambda z: k * pdf(z) * (_Phi(z) - _Phi(z - w)) ** (k - 1), -10, 10, limit=200, epsabs=1e-13)[0]

    logc = (nu / 2) * math.log(nu) - math.lgamma(nu / 2) - (nu / 2 - 1) * math.log(2)
    fs = lambda s: math.exp(logc + (nu - 1) * math.log(s) - nu * s * s / 2) if s > 0 else 0.0
    return sum(integrate.quad(lambda s: fs(s) * (1 - G(qv * s)), lo, hi, limit=200, epsabs=1e-13)[0]
               for lo, hi in ((0, 0.5), (0.5, 1), (1, 1.5), (1.5, 2.5), (2.5, 6)))


def j59():
    g = [dn(m, 1.1, 6, 1) for m in (31.0, 33.2, 34.0)]
    q = ("Cake-rise heights (mm) for three recipes, six bakes each:\n" +
         "\n".join(f"Recipe {i + 1}: " + ", ".join(f(v, 1) for v in x) for i, x in enumerate(g)) +
         "\nRun a one-way ANOVA followed by Tukey's HSD. I need the ANOVA F, and for Recipe 2 vs Recipe 3 the "
         "mean difference (2 minus 3) and the Tukey-adjusted p-value.")
    for i, xx in enumerate(g):
        same(nums(q.split(f"Recipe {i + 1}: ")[1].split("\n")[0]), xx)
    F = stats.f_oneway(*g).statistic
    tk = stats.tukey_hsd(*g)
    y = np.concatenate(g)
    lab = np.repeat(["R1", "R2", "R3"], 6)
    sm_t = pairwise_tukeyhsd(y, lab)
    assert close(sm_t.pvalues[2], tk.pvalue[1, 2], 1e-6)
    mse = sum(hss(xx) for xx in g) / 15
    allv = [v for xx in g for v in xx]
    gm = hmean(allv)
    Fh = mpq(sum(6 * (hmean(xx) - gm) ** 2 for xx in g) / 2 / mse)
    diff = hmean(g[1]) - hmean(g[2])
    qv = abs(float(mpq(diff))) / math.sqrt(float(mpq(mse)) / 6)
    add("j59", "named_tests", q, "One-way ANOVA + Tukey HSD, pair 2-3: difference and adjusted p (k=3, df=15).",
        ["anova_oneway"], [ex("F", F, Fh, "stat"), ex("mean_diff_2_minus_3", np.mean(g[1]) - np.mean(g[2]), mpq(diff), "loc"),
                           ex("p_adj_2_vs_3", tk.pvalue[1, 2], ptukey_sf(qv, 3, 15), "p")],
        "three recipes, ANOVA + Tukey HSD -> F, mean diff 2-3 and adjusted p")


def j60():
    k, nb = 4, 7
    while True:
        eff = [0.0, 0.06, 0.10, 0.03]
        rows = [[round(0.80 + b + e + float(v), 2) for e, v in zip(eff, rng.normal(0, 0.05, k))]
                for b in rng.normal(0, 0.1, nb)]
        if all(len(set(r)) == k for r in rows):
            break
    lines = ["panel  C1    C2    C3    C4"] + [f"P{i + 1}     " + "  ".join(f(v, 2) for v in r) for i, r in enumerate(rows)]
    q = ("Surface roughness Ra (um) after polishing with four compounds; every compound was tried on each of seven "
         "panels:\n" + "\n".join(lines) +
         "\nFriedman test please: the chi-square statistic and the p-value.")
    back = [nums(m.group(1)) for m in re.finditer(r"^P\d+\s+(.*)$", q, re.M)]
    assert back == rows
    r = stats.friedmanchisquare(*[[row[j] for row in rows] for j in range(k)])
    Rj = [0] * k
    for row in rows:
        for j, rk in enumerate(ranks_notie(row)):
            Rj[j] += rk
    Q = Fr(12, nb * k * (k + 1)) * sum(R * R for R in Rj) - 3 * nb * (k + 1)
    add("j60", "named_tests", q, "Friedman with panels as blocks, compounds as treatments (no within-block ties).",
        ["friedman"], [ex("chi_square", r.statistic, mpq(Q), "stat"), ex("p_value", r.pvalue, mp_chi2_sf(mpq(Q), k - 1), "p")],
        "7 panels x 4 compounds block table -> Friedman chi-square, p")


def j61():
    while True:
        pp, pf, fp, ff = (int(v) for v in rng.poisson([40, 11, 4, 22]))
        if pf != fp:
            break
    q = ("Two inspectors judged the same 77-ish parts (each part seen by both). Both passed: "
         f"{pp}. Inspector A passed but B failed: {pf}. A failed but B passed: {fp}. Both failed: {ff}. "
         "Is there a systematic difference between the inspectors? McNemar's test, exact (binomial) version - "
         "how many discordant pairs are there, and what is the two-sided p-value?")
    q = q.replace("77-ish", str(pp + pf + fp + ff))
    g = re.search(r"Both passed: (\d+)\. Inspector A passed but B failed: (\d+)\. A failed but B passed: (\d+)\. Both failed: (\d+)\.", q).groups()
    assert tuple(map(int, g)) == (pp, pf, fp, ff)
    r = mcnemar([[pp, pf], [fp, ff]], exact=True)
    nd = pf + fp
    ph = min(Fr(1), 2 * sum(Fr(math.comb(nd, i), 2 ** nd) for i in range(0, min(pf, fp) + 1)))
    add("j61", "named_tests", q, "Exact McNemar on discordant pairs b, c.", ["mcnemar"],
        [ex("p_value", r.pvalue, mpq(ph), "p"), ex("discordant_pairs", nd, pf + fp, "int")],
        "paired pass/fail counts told inline -> exact McNemar p")


def j62():
    while True:
        a, b, c, d = (int(v) for v in rng.poisson([7, 2, 3, 9]))
        if min(a + b, c + d, a + c, b + d) > 0 and a * d != b * c:
            break
    q = ("Small field trial of a new gasket:\n\n"
         "|          | leaked | no leak |\n|----------|-------:|--------:|\n"
         f"| old gasket | {a} | {b} |\n| new gasket | {c} | {d} |\n\n"
         "Fisher's exact test, two-sided p-value please. And the sample odds ratio (old: leaked/no leak over new: leaked/no leak).")
    g = re.search(r"\| old gasket \| (\d+) \| (\d+) \|\n\| new gasket \| (\d+) \| (\d+) \|", q).groups()
    assert tuple(map(int, g)) == (a, b, c, d)
    orr, p = stats.fisher_exact([[a, b], [c, d]])
    r1, c1, N = a + b, a + c, a + b + c + d
    prob = lambda x_: Fr(math.comb(c1, x_) * math.comb(N - c1, r1 - x_), math.comb(N, r1))
    po = prob(a)
    ph = sum(prob(x_) for x_ in range(max(0, r1 + c1 - N), min(r1, c1) + 1) if prob(x_) <= po * (1 + Fr(1, 10 ** 7)))
    ex_ = [ex("p_value", p, mpq(ph), "p")]
    if b * c != 0:
        ex_.append(ex("odds_ratio", orr, mpq(Fr(a * d, b * c)), "stat"))
    add("j62", "named_tests", q, "Fisher exact two-sided (sum of tables no more probable than observed); OR = ad/bc.",
        ["proportion_test", "chi_square"], ex_, "2x2 gasket table -> Fisher exact two-sided p and odds ratio")


def j63():
    xs = dn(25.1, 0.6, 30, 2)
    q = ("Please run a process capability analysis (Cp and Cpk) on these 30 torque readings (N·m). Target is 25 N·m.\n"
         + ", ".join(f(v, 2) for v in xs))
    same(nums(q.split("25 N·m.\n")[1]), xs)
    add("j63", "named_tests", q, "Cp/Cpk need specification limits; only a target is given. Must ask for LSL/USL.",
        ["capability"], [], "capability asked with a target but no spec limits -> REFUSE",
        refuse=True, reason="no specification limits (only a target) for Cp/Cpk")


def j64():
    lam, L, mu0, sg = 0.2, 3.0, 50.0, 1.2
    hw = L * sg * math.sqrt(lam / (2 - lam))
    while True:
        xs = dn(mu0, sg, 8, 1) + dn(mu0 + 1.3, sg, 8, 1)
        z, zz = [], mu0
        for v in xs:
            zz = lam * v + (1 - lam) * zz
            z.append(zz)
        out = [i for i, v in enumerate(z) if abs(v - mu0) > hw]
        ex_lim = [L * sg * math.sqrt(lam / (2 - lam) * (1 - (1 - lam) ** (2 * (i + 1)))) for i in range(16)]
        out_ex = [i for i, v in enumerate(z) if abs(v - mu0) > ex_lim[i]]
        if out and out_ex and out[0] == out_ex[0] and min(abs(abs(v - mu0) - hw) for v in z) > 0.01:
            break
    q = ("EWMA chart question. Target 50.0, known process sigma 1.2, lambda = 0.2, L = 3, start the EWMA at the "
         "target. The 16 observations in time order:\n" + " ".join(f(v, 1) for v in xs) +
         "\nWhat are the steady-state (asymptotic) UCL and LCL, the EWMA value at observation 16, and the first "
         "observation number at which the EWMA falls outside the steady-state limits?")
    same(nums(q.split("time order:\n")[1].split("\n")[0]), xs)
    zl = signal.lfilter([lam], [1, -(1 - lam)], xs, zi=[(1 - lam) * mu0])[0]
    lamh = Fr(1, 5)
    zh, zs = Fr(50), []
    for v in xs:
        zh = lamh * Fx(v) + (1 - lamh) * zh
        zs.append(zh)
    hwh = 3 * mpq(Fx(1.2)) * mp.sqrt(mpq(lamh / (2 - lamh)))
    first_h = next(i + 1 for i, v in enumerate(zs) if abs(mpq(v) - 50) > hwh)
    first_l = int(np.argmax(np.abs(zl - mu0) > hw)) + 1
    ex_ = [ex("ucl", mu0 + hw, 50 + hwh, "loc"), ex("lcl", mu0 - hw, 50 - hwh, "loc"),
           ex("ewma_16", zl[-1], mpq(zs[-1]), "loc"), ex("first_signal_obs", first_l, first_h, "int")]
    add("j64", "named_tests", q, "EWMA lambda 0.2, L 3, sigma known; asymptotic limits mu0 +/- L sigma sqrt(lambda/(2-lambda)) "
        "(first signal is the same with exact limits).", ["control_chart"], ex_,
        "EWMA with given lambda, L, sigma -> asymptotic limits, z_16, first signal")


def j65():
    mu0, sg = 10.0, 0.5
    K, H = 0.25, 2.0
    while True:
        xs = dn(mu0, sg, 10, 2) + dn(mu0 + 0.5, sg, 10, 2)
        cp, cps = 0.0, []
        for v in xs:
            cp = max(0.0, cp + v - mu0 - K)
            cps.append(cp)
        sig_ = [i for i, v in enumerate(cps) if v > H]
        if sig_ and 11 <= sig_[0] <= 16 and min(abs(v - H) for v in cps) > 0.02:
            break
    q = ("Tabular CUSUM, please. Target 10.00, sigma 0.50 (known), reference value k = 0.5 sigma and decision "
         "interval h = 4 sigma, both CUSUMs starting at zero and no reset after a signal. Data in time order:\n"
         + ", ".join(f(v, 2) for v in xs) +
         "\nAt which observation does the upper CUSUM C+ first exceed H, what is C+ there, and what is C+ at the "
         "last observation?")
    same(nums(q.split("time order:\n")[1].split("\n")[0]), xs)
    # (b) C+_t = S_t - min_{0<=j<=t} S_j with S the cumulative sum of (x - mu0 - K), exact fractions
    S, Smin, cph = Fr(0), Fr(0), []
    for v in xs:
        S += Fx(v) - Fr(10) - Fr(1, 4)
        Smin = min(Smin, S)
        cph.append(S - Smin)
    fh = next(i for i, v in enumerate(cph) if v > 2)
    ex_ = [ex("first_signal_obs", sig_[0] + 1, fh + 1, "int"), ex("cplus_at_signal", cps[sig_[0]], mpq(cph[fh]), "loc"),
           ex("cplus_last", cps[-1], mpq(cph[-1]), "loc")]
    add("j65", "named_tests", q, "Tabular CUSUM with K = 0.25, H = 2.0 in data units, no reset.", ["control_chart"], ex_,
        "tabular CUSUM k=0.5 sigma h=4 sigma -> first signal, C+ there and at the end")


def j66():
    A = [-1, 1, -1, 1, -1, 1, -1, 1]
    B = [-1, -1, 1, 1, -1, -1, 1, 1]
    C = [-1, -1, -1, -1, 1, 1, 1, 1]
    noise = rng.normal(0, 0.8, 8)
    ys = [round(60 + 4 * a - 2.5 * b + 0.5 * c + 1.5 * a * b + float(e), 1) for a, b, c, e in zip(A, B, C, noise)]
    names = ["(1)", "a", "b", "ab", "c", "ac", "bc", "abc"]
    q = ("Unreplicated 2^3 factorial, responses in standard (Yates) order:\n" +
         "\n".join(f"{nm:<5} {f(v, 1)}" for nm, v in zip(names, ys)) +
         "\nUsing the usual effect definition (average at high minus average at low), what are the A, B and AB "
         "effects, and Lenth's pseudo standard error (PSE) computed from all seven effects?")
    back = [float(m.group(2)) for m in re.finditer(r"^(\(1\)|[abc]+)\s+(\d+\.\d)$", q, re.M)]
    same(back, ys)
    X = np.array([[1, a, b, c, a * b, a * c, b * c, a * b * c] for a, b, c in zip(A, B, C)], float)
    coef = np.linalg.lstsq(X, np.array(ys), rcond=None)[0]
    eff_a = dict(zip(["A", "B", "C", "AB", "AC", "BC", "ABC"], 2 * coef[1:]))
    # (b) Yates algorithm on exact fractions
    col = [Fx(v) for v in ys]
    for _ in range(3):
        col = [col[i] + col[i + 1] for i in range(0, 8, 2)] + [col[i + 1] - col[i] for i in range(0, 8, 2)]
    yn = ["I", "A", "B", "AB", "C", "AC", "BC", "ABC"]
    eff_b = {nm: col[i] / 4 for i, nm in enumerate(yn) if nm != "I"}

    def lenth(vals):
        av = sorted(abs(float(v)) for v in vals)
        s0 = 1.5 * float(np.median(av))
        return 1.5 * float(np.median([v for v in av if v < 2.5 * s0]))

    def lenth_h(vals):
        av = [abs(v) for v in vals]
        s0 = Fr(3, 2) * hmedian(av)
        return Fr(3, 2) * hmedian([v for v in av if v < Fr(5, 2) * s0])

    ex_ = [ex("effect_A", eff_a["A"], mpq(eff_b["A"]), "stat"), ex("effect_B", eff_a["B"], mpq(eff_b["B"]), "stat"),
           ex("effect_AB", eff_a["AB"], mpq(eff_b["AB"]), "stat"),
           ex("lenth_PSE", lenth(eff_a.values()), mpq(lenth_h(eff_b.values())), "stat")]
    add("j66", "named_tests", q, "Yates-order 2^3: effects = contrast/4; Lenth PSE = 1.5 median(|e| < 2.5 s0).",
        ["doe_effects"], ex_, "2^3 responses in Yates order -> effects A, B, AB and Lenth PSE")


def j67():
    n = 12
    j1 = [int(v) for v in rng.integers(1, 6, n)]
    j2 = [int(min(5, max(1, a + int(d)))) for a, d in zip(j1, rng.choice([-1, 0, 0, 1], n))]
    q = ("Two judges scored the same 12 prototypes on a 1-5 scale (lots of ties, obviously):\n"
         "judge 1: " + " ".join(map(str, j1)) + "\njudge 2: " + " ".join(map(str, j2)) +
         "\nWhat's Kendall's tau-b between the two judges?")
    same(nums(q.split("judge 1: ")[1].split("\n")[0]), j1)
    same(nums(q.split("judge 2: ")[1].split("\n")[0]), j2)
    ta = stats.kendalltau(j1, j2).statistic
    nc = nd = t1 = t2 = 0
    for i in range(n):
        for k in range(i + 1, n):
            s = (j1[i] - j1[k]) * (j2[i] - j2[k])
            nc += s > 0
            nd += s < 0
            t1 += j1[i] == j1[k]
            t2 += j2[i] == j2[k]
    n0 = n * (n - 1) // 2
    tb = (nc - nd) / mp.sqrt((n0 - t1) * (n0 - t2))
    add("j67", "named_tests", q, "Kendall tau-b with tie correction by pair counting.", ["correlation"],
        [ex("tau_b", ta, tb, "stat")], "two judges' 1-5 scores with ties -> Kendall tau-b")


def _we(zs):
    """(a) window-based Western Electric rules 2 and 4 on standardized values (1-based first index)."""
    z = np.array(zs)
    r2 = r4 = None
    for i in range(len(z)):
        w3 = z[max(0, i - 2): i + 1]
        if r2 is None and i >= 2 and (np.sum(w3 > 2) >= 2 or np.sum(w3 < -2) >= 2):
            r2 = i + 1
        w8 = z[max(0, i - 7): i + 1]
        if r4 is None and i >= 7 and (np.all(w8 > 0) or np.all(w8 < 0)):
            r4 = i + 1
    return r2, r4


def _we_hand(xs, c, s):
    """(b) run-length / counter based on exact fractions."""
    r2 = r4 = None
    run, side = 0, 0
    hist = []
    for i, v in enumerate(xs):
        d = (Fx(v) - Fx(c)) / Fx(s)
        sd = 1 if d > 0 else -1
        run = run + 1 if sd == side else 1
        side = sd
        if r4 is None and run >= 8:
            r4 = i + 1
        hist.append(2 if d > 2 else (-2 if d < -2 else 0))
        last3 = hist[-3:]
        if r2 is None and len(hist) >= 3 and (last3.count(2) >= 2 or last3.count(-2) >= 2):
            r2 = i + 1
    return r2, r4


def j68():
    c, s = 20.0, 0.5
    while True:
        xs = dn(c, s, 10, 2) + dn(c + 0.8, s, 15, 2)
        zs = [(v - c) / s for v in xs]
        if any(abs(abs(z) - k) < 1e-9 for z in zs for k in (0, 1, 2, 3)):
            continue
        r2, r4 = _we(zs)
        if r2 and r4 and r2 > 10 and r4 > 10 and _we(zs[:10]) == (None, None):
            break
    q = ("Western Electric run rules check. Centre line 20.00, sigma 0.50. Rule 2 = two out of three consecutive "
         "points beyond 2 sigma on the same side; rule 4 = eight consecutive points on the same side of the centre "
         "line. Data (25 points, in order):\n" + " ".join(f(v, 2) for v in xs) +
         "\nAt which observation number does rule 2 first signal, and at which does rule 4 first signal "
         "(the observation that completes the pattern)?")
    same(nums(q.split("in order):\n")[1].split("\n")[0]), xs)
    h2, h4 = _we_hand(xs, c, s)
    add("j68", "named_tests", q, "Apply WE rules 2 and 4 as defined; report completing observation numbers.",
        ["run_rules"], [ex("rule2_first_obs", r2, h2, "int"), ex("rule4_first_obs", r4, h4, "int")],
        "25 points with centre and sigma -> first WE rule 2 and rule 4 signals")


def j69():
    sds = (0.010, 0.012, 0.020, 0.011)
    g = [dn(5.000, s_, 8, 3) for s_ in sds]
    q = ("Bartlett's test for equal variances across four filling heads (8 fills each, litres):\n" +
         "\n".join(f"head {i + 1}: " + " ".join(f(v, 3) for v in x_) for i, x_ in enumerate(g)) +
         "\nGive Bartlett's statistic and the p-value.")
    for i, x_ in enumerate(g):
        same(nums(q.split(f"head {i + 1}: ")[1].split("\n")[0]), x_)
    r = stats.bartlett(*g)
    k, N = 4, 32
    vs = [hvar(x_) for x_ in g]
    spv = sum(7 * v for v in vs) / (N - k)
    num = (N - k) * mp.log(mpq(spv)) - sum(7 * mp.log(mpq(v)) for v in vs)
    den = 1 + mp.mpf(1) / (3 * (k - 1)) * (sum(mp.mpf(1) / 7 for _ in vs) - mp.mpf(1) / (N - k))
    T = num / den
    add("j69", "named_tests", q, "Bartlett's chi-square (df 3) across four groups.", ["variance_test"],
        [ex("bartlett_stat", r.statistic, T, "stat"), ex("p_value", r.pvalue, mp_chi2_sf(T, 3), "p")],
        "four filling heads -> Bartlett statistic and p")


def j70():
    k = int(rng.choice([3, 4]))
    nc = int(rng.integers(4, 7))
    kb = 3
    ncb = int(rng.integers(3, 6))
    q = (f"Design question. (1) For a rotatable central composite design in {k} factors, built on the full 2^{k} "
         f"factorial with {nc} centre runs, what axial distance alpha (coded units) do I need and how many runs is "
         f"that in total? (2) A Box-Behnken design in {kb} factors with {ncb} centre points - how many runs?")
    g = re.search(r"in (\d) factors, built on the full 2\^(\d) factorial with (\d) centre runs", q).groups()
    assert (int(g[0]), int(g[2])) == (k, nc)
    assert int(re.search(r"Box-Behnken design in (\d) factors with (\d) centre", q).group(2)) == ncb
    Fn = 2 ** k
    alpha_a, runs_a = Fn ** 0.25, Fn + 2 * k + nc
    fact = list(itertools.product((-1, 1), repeat=k))

    def moment_gap(al):
        pts = fact + [tuple(al * (1 if j == i else 0) * sgn for j in range(k)) for i in range(k) for sgn in (-1, 1)]
        return sum(p[0] ** 4 for p in pts) - 3 * sum(p[0] ** 2 * p[1] ** 2 for p in pts)

    alpha_b = optimize.brentq(moment_gap, 1.0, 3.0, xtol=1e-14)
    runs_b = len(fact) + 2 * k + nc
    bbd = set()
    for i, j in itertools.combinations(range(kb), 2):
        for si, sj in itertools.product((-1, 1), repeat=2):
            p = [0] * kb
            p[i], p[j] = si, sj
            bbd.add(tuple(p))
    ex_ = [ex("alpha", alpha_a, alpha_b, "math"), ex("ccd_runs", runs_a, runs_b, "int"),
           ex("bbd_runs", 12 + ncb, len(bbd) + ncb, "int")]
    add("j70", "named_tests", q, "Rotatable alpha = F^(1/4); CCD runs = 2^k + 2k + nc; BBD(3) = 12 + nc.",
        ["doe_design", "doe_properties"], ex_, "rotatable CCD and Box-Behnken sizes -> alpha, CCD runs, BBD runs")


# ==========================================================================
# driver
# ==========================================================================
BUILDERS = [j01, j02, j03, j04, j05, j06, j07, j08, j09, j10, j11, j12, j13, j14,
            j15, j16, j17, j18, j19, j20, j21, j22, j23, j24, j25, j26, j27, j28,
            j29, j30, j31, j32, j33, j34, j35, j36, j37, j38, j39, j40, j41, j42,
            j43, j44, j45, j46, j47, j48, j49, j50, j51, j52, j53, j54, j55, j56,
            j57, j58, j59, j60, j61, j62, j63, j64, j65, j66, j67, j68, j69, j70]
KINDS = ["tables", "wording", "prose_numbers", "maths", "named_tests"]
VALID_TOOLS = None


def main():
    global VALID_TOOLS
    VALID_TOOLS = {l.split()[0] for l in open(os.path.join(HERE, "TOOLS.txt")) if l.strip()}
    for b in BUILDERS:
        b()
    assert [q["id"] for q in QS] == [f"j{i:02d}" for i in range(1, 71)]
    for i, q in enumerate(QS):
        assert q["kind"] == KINDS[i // 14], q["id"]
        assert set(q["tools"]) <= VALID_TOOLS, (q["id"], q["tools"])
        names = [e["name"] for e in q["expect"]]
        assert len(names) == len(set(names))
        for e in q["expect"]:
            assert math.isfinite(e["value"]) and e["tol"] >= 0
    refs = [q for q in QS if q["refuse"]]
    assert len(refs) == 7 and {q["kind"] for q in refs} == set(KINDS)
    keys = ["id", "kind", "question", "intent", "tools", "expect", "refuse"]
    text = "".join(json.dumps({k: q[k] for k in keys}, ensure_ascii=False) + "\n" for q in QS)
    with open(os.path.join(HERE, "round44.jsonl"), "w", encoding="utf-8") as fh:
        fh.write(text)
    md5 = hashlib.md5(text.encode("utf-8")).hexdigest()
    counts = {k: sum(q["kind"] == k for q in QS) for k in KINDS}
    meta = {"round": 44, "seed": 44444444, "n_questions": len(QS), "counts": counts,
            "refusals": {q["id"]: q["_reason"] for q in refs}, "md5_round44_jsonl": md5}
    with open(os.path.join(HERE, "round44_meta.json"), "w", encoding="utf-8") as fh:
        fh.write(json.dumps(meta, indent=2, ensure_ascii=False) + "\n")
    readme = README_HEAD.format(md5=md5) + "".join(
        f"- {q['id']}: {q['_summary']}\n" for q in QS)
    with open(os.path.join(HERE, "README.md"), "w", encoding="utf-8") as fh:
        fh.write(readme)
    print("OK", md5, json.dumps(counts, separators=(",", ":")), ",".join(q["id"] for q in refs))


README_HEAD = """# Round 44 - blind question set

Written blind: the only project file read was `TOOLS.txt` (tool names and one-line descriptions).
Nothing else of the project was consulted.

## How it was written

`make_round44.py` builds 70 questions, 14 of each kind:

| ids | kind | what is being tested |
|---|---|---|
| j01-j14 | tables | data pasted as CSV, markdown, TSV, long format, logs, JSON, stem-and-leaf, frequency tables, European CSV, wide subgroup tables, run-order DOE tables |
| j15-j28 | wording | intent carried by the wording: one-sided claims, paired vs independent, defects vs defectives, within vs overall sigma, exclusions, rank-based requests |
| j29-j42 | prose_numbers | figures told in sentences with distractors (lot numbers, dates, prices, temperatures), summary statistics, sample size and power, SPC and DOE figures |
| j43-j56 | maths | derivatives, integrals, limits, series, roots, extrema, matrices, Taylor coefficients, partial derivatives, linear systems, partial fractions |
| j57-j70 | named_tests | tests, charts and designs named by the user, with their specific outputs |

Seven questions (at least one per kind) are ill-posed, contradictory or miss an essential input;
they carry `refuse: true` and an empty `expect` (ids and reasons in `round44_meta.json`).

All data are drawn from `numpy.random.default_rng(44444444)` in id order and rounded at draw time,
so the printed decimals are exactly the data. Each question's data are parsed back out of its own
text and compared with the draw. Every expected value is computed twice: (a) with a library
(scipy.stats, statsmodels, sympy, numpy) and (b) independently by hand (exact fractions, explicit
formulas, exact enumeration of permutation distributions, mpmath incomplete beta/gamma functions and
quadrature, Royston's Shapiro-Wilk coded from the paper, studentized range by own quadrature,
control-chart constants d2/d3 by quadrature); the two must agree to 1e-4 relative (integers exactly).

Tolerances (absolute, field `tol`): statistics 0.1 % of the value; location values (means, medians,
CI ends, chart centre lines) 2e-5 relative; p-values 0.1 % relative with a floor of 1e-6; Shewhart
limits widened to cover tabulated (3-decimal) vs exact constants; maths 1e-4 relative + 1e-6;
integers 0. The expected Shewhart limits use exact constants.

## Files

- `make_round44.py` - the generator (run with a Python that has numpy, scipy, statsmodels, sympy, mpmath, pandas).
- `round44.jsonl` - 70 lines, keys: id, kind, question, intent, tools, expect (list of {{name, value, tol}}), refuse.
- `round44_meta.json` - counts per kind, refusal ids with reasons, md5 of round44.jsonl.
- `README.md` - this file.

## Determinism

Running `python make_round44.py` (about 45 s; the d2/d3 quadratures dominate) rewrites the three output files byte-identically and prints
`OK <md5> <counts> <refusals>`. md5 of round44.jsonl: `{md5}`.

## Questions

"""

if __name__ == "__main__":
    main()
