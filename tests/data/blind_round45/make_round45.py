#!/usr/bin/env python3
"""Round 45 blind evaluation set: 70 questions (5 kinds x 14), written from the tool list only.

Every data value is drawn from numpy.random.default_rng(45454545) in id order and rounded at draw
time, so the decimals printed in a question are exactly the data.  Every expected value is computed
twice -- (a) with a library (scipy / statsmodels / sympy / numpy) and (b) independently by hand
(exact fractions, explicit formulas, enumeration, mpmath) -- and the two must agree (rel 1e-4,
integers exactly).  Each question's data are parsed back out of its own text and compared with the
drawn data.  Running the script rewrites round45.jsonl, round45_meta.json and README.md
byte-identically and prints "OK <md5> <counts> <refusals>".
"""
import csv
import hashlib
import io
import json
import math
import os
import re
from fractions import Fraction as Fr
from itertools import combinations

import mpmath as mp
import numpy as np
import pandas as pd
import statsmodels.api as sm
import statsmodels.formula.api as smf
import sympy as sp
from scipy import integrate, stats
from statsmodels.stats.anova import anova_lm
from statsmodels.stats.contingency_tables import mcnemar as sm_mcnemar
from statsmodels.stats.oneway import anova_oneway
from statsmodels.stats.power import FTestAnovaPower, TTestIndPower
from statsmodels.stats.proportion import proportion_confint, proportions_ztest

HERE = os.path.dirname(os.path.abspath(__file__))
mp.mp.dps = 30
rng = np.random.default_rng(45454545)

TOOL_NAMES = set()
with open(os.path.join(HERE, "TOOLS.txt"), encoding="utf-8") as _fh:
    for _line in _fh:
        if _line.strip():
            TOOL_NAMES.add(_line.split()[0])

KINDS = ["tables", "wording", "prose_numbers", "maths", "named_tests"]
QS, README_LINES, REFUSALS = [], [], {}
CUR = [""]

# ----------------------------------------------------------------------------- helpers


def fmt(x, d):
    return f"{x:.{d}f}"


def rnd(arr, d):
    return [float(f"{float(v):.{d}f}") for v in np.atleast_1d(arr)]


def draw_norm(mu, sd, n, d):
    return rnd(rng.normal(mu, sd, n), d)


def F(x):
    if isinstance(x, Fr):
        return x
    if isinstance(x, (int, np.integer)):
        return Fr(int(x))
    return Fr(repr(float(x)))


def M(x):
    if isinstance(x, Fr):
        return mp.mpf(x.numerator) / x.denominator
    if isinstance(x, (int, np.integer)):
        return mp.mpf(int(x))
    return mp.mpf(x) if isinstance(x, mp.mpf) else mp.mpf(repr(float(x)))


def fmean(xs):
    return sum(map(F, xs), Fr(0)) / len(xs)


def fss(xs):
    m = fmean(xs)
    return sum(((F(x) - m) ** 2 for x in xs), Fr(0))


def fvar(xs):
    return fss(xs) / (len(xs) - 1)


def fsd(xs):
    return mp.sqrt(M(fvar(xs)))


def fmedian(xs):
    s = sorted(map(F, xs))
    n = len(s)
    return s[n // 2] if n % 2 else (s[n // 2 - 1] + s[n // 2]) / 2


def nums(s):
    return [float(t) for t in re.findall(r"-?\d+(?:\.\d+)?", s)]


def Phi(z):
    return mp.erfc(-M(z) / mp.sqrt(2)) / 2


def norm_ppf(q):
    q = M(q)
    return mp.findroot(lambda z: Phi(z) - q, mp.mpf(1))


def t_sf(t, df):
    t, df = M(t), M(df)
    half = mp.betainc(df / 2, mp.mpf(1) / 2, 0, df / (df + t * t), regularized=True) / 2
    return half if t >= 0 else 1 - half


def t_cdf(t, df):
    return 1 - t_sf(t, df)


def t_two(t, df):
    t, df = M(t), M(df)
    return mp.betainc(df / 2, mp.mpf(1) / 2, 0, df / (df + t * t), regularized=True)


def t_ppf(q, df):
    q = M(q)
    return mp.findroot(lambda u: t_cdf(u, df) - q, mp.mpf(2.5))


def chi2_sf(x, k):
    return mp.gammainc(M(k) / 2, M(x) / 2, mp.inf, regularized=True)


def f_sf(x, d1, d2):
    x, d1, d2 = M(x), M(d1), M(d2)
    return mp.betainc(d2 / 2, d1 / 2, 0, d2 / (d2 + d1 * x), regularized=True)


def f_ppf(q, d1, d2):
    return mp.findroot(lambda u: (1 - f_sf(u, d1, d2)) - M(q), mp.mpf(2.5))


def comb(n, k):
    return math.comb(n, k)


def agree(a, b, what):
    if isinstance(a, (int, np.integer)) and isinstance(b, (int, np.integer)):
        assert int(a) == int(b), (CUR[0], what, a, b)
        return
    a, b = float(a), float(b)
    assert abs(a - b) <= 1e-4 * max(abs(a), abs(b)) + 1e-12, (CUR[0], what, a, b)


def sig(v):
    return float(f"{v:.12g}")


def tol_round(t):
    t4 = float(f"{t:.4g}")
    if t4 < t:
        t4 = float(f"{t * 1.001:.4g}")
    return t4


TOLF = {
    "stat": lambda v: max(1e-3 * abs(v), 1e-6),
    "loc": lambda v: max(2e-5 * abs(v), 1e-7),
    "p": lambda v: max(1e-3 * abs(v), 1e-6),
    "math": lambda v: 1e-4 * abs(v) + 1e-6,
}


def ex(name, lib, hand, kind, use="hand", tol=None):
    """Check library vs hand value and build one expected entry."""
    if kind == "int":
        assert float(lib) == int(hand) and float(hand) == int(hand), (CUR[0], name, lib, hand)
        return {"name": name, "value": int(hand), "tol": 0}
    agree(lib, hand, name)
    v = float(lib if use == "lib" else hand)
    if tol is None:
        tol = TOLF[kind](v)
    return {"name": name, "value": sig(v), "tol": tol_round(tol)}


def add(qid, kind, question, intent, tools, expect, readme, refuse=False, reason=None):
    assert qid == f"r{len(QS) + 1:02d}", qid
    assert kind in KINDS
    for t in tools:
        assert t in TOOL_NAMES, (qid, t)
    if refuse:
        assert expect == [] and reason
        REFUSALS[qid] = reason
    else:
        assert expect
    QS.append({"id": qid, "kind": kind, "question": question, "intent": intent, "tools": tools,
               "expect": expect, "refuse": bool(refuse)})
    README_LINES.append(f"- {qid}: {readme}")


# --- control-chart constants: library (scipy quadrature) and hand (Simpson rule on an erfc grid)
TAB = {2: dict(d2=1.128, D4=3.267, D3=0.0), 4: dict(d2=2.059, A2=0.729, D3=0.0, D4=2.282),
       5: dict(d2=2.326, A2=0.577, D3=0.0, D4=2.114)}
_CONST = {}


def range_consts_lib(n):
    d2 = integrate.quad(lambda x: 1 - stats.norm.cdf(x) ** n - stats.norm.sf(x) ** n, -np.inf, np.inf)[0]
    er2 = 2 * integrate.dblquad(
        lambda w, x: 1 - stats.norm.sf(x) ** n - stats.norm.cdf(x + w) ** n
        + (stats.norm.cdf(x + w) - stats.norm.cdf(x)) ** n, -np.inf, np.inf, 0, np.inf)[0]
    return d2, math.sqrt(er2 - d2 * d2)


def range_consts_hand(n, h=0.004, L=10.0, W=12.0):
    K, Mw = int(round(2 * L / h)), int(round(W / h))
    xs = [-L + k * h for k in range(K + Mw + 1)]
    P = np.array([0.5 * math.erfc(-x / math.sqrt(2)) for x in xs])
    p = np.array([math.exp(-x * x / 2) / math.sqrt(2 * math.pi) for x in xs])

    def simpson(y):
        return h / 3 * (y[0] + y[-1] + 4 * y[1:-1:2].sum() + 2 * y[2:-1:2].sum())
    d2 = simpson(1 - P[:K + 1] ** n - (1 - P[:K + 1]) ** n)
    G = np.array([1 - n * simpson(p[:K + 1] * (P[m:m + K + 1] - P[:K + 1]) ** (n - 1)) for m in range(Mw + 1)])
    er2 = simpson(2 * np.arange(Mw + 1) * h * G)
    return float(d2), math.sqrt(er2 - d2 * d2)


def consts(n):
    if n not in _CONST:
        a, b = range_consts_lib(n), range_consts_hand(n)
        agree(a[0], b[0], f"d2({n})")
        agree(a[1], b[1], f"d3({n})")
        _CONST[n] = dict(lib=a, hand=b)
    return _CONST[n]


def shew_tol(v_exact, v_tab):
    return abs(v_exact - v_tab) + 2e-5 * abs(v_exact) + 1e-9


# ----------------------------------------------------------------------------- kind 1: tables

def r01():
    n = 14
    d = draw_norm(12.700, 0.018, n, 3)
    pid = [4100 + int(k) for k in np.sort(rng.choice(900, n, replace=False))]
    ops = ["JK", "MR", "AL"]
    lines = ["part_id,diameter_mm,operator"] + [f"PN-{p},{fmt(x, 3)},{ops[i % 3]}" for i, (p, x) in enumerate(zip(pid, d))]
    q = ("Pasted straight out of the gauge software, one row per part:\n\n" + "\n".join(lines)
         + "\n\nWhat's the average diameter, and the sample standard deviation (n-1 in the denominator)?")
    rows = list(csv.DictReader(io.StringIO(q.split("\n\n")[1])))
    assert [float(r["diameter_mm"]) for r in rows] == d
    e = [ex("mean", np.mean(d), fmean(d), "loc"), ex("sd", np.std(d, ddof=1), fsd(d), "stat")]
    add("r01", "tables", q, "describe the diameter column only (part ids and operators are labels): mean and n-1 SD",
        ["describe"], e, "CSV with part-id and operator columns -> mean and n-1 SD")


def welch_hand(a, b):
    va, vb = fvar(a) / len(a), fvar(b) / len(b)
    t = M(fmean(a) - fmean(b)) / mp.sqrt(M(va + vb))
    df = (va + vb) ** 2 / (va ** 2 / (len(a) - 1) + vb ** 2 / (len(b) - 1))
    return t, M(df), t_two(t, M(df))


def r02():
    A, B = draw_norm(50.10, 0.15, 10, 2), draw_norm(49.95, 0.25, 8, 2)
    rows = ["| Run | Machine A (g) | Machine B (g) |", "|---:|---:|---:|"]
    for i in range(10):
        rows.append(f"| {i + 1} | {fmt(A[i], 2)} | {fmt(B[i], 2) if i < 8 else ''} |")
    q = ("Fill weights from two filling machines (different bottles on each machine, nothing is paired). "
         "Machine B only ran 8 times, so its last two cells are empty.\n\n" + "\n".join(rows)
         + "\n\nRun Welch's t-test (unequal variances), two-sided, for mean A minus mean B. "
         "I need t, the Welch-Satterthwaite degrees of freedom and the p-value.")
    pa, pb = [], []
    for line in q.split("\n"):
        c = [x.strip() for x in line.split("|")]
        if len(c) == 5 and c[1].isdigit():
            pa.append(float(c[2]))
            if c[3]:
                pb.append(float(c[3]))
    assert pa == A and pb == B
    r = stats.ttest_ind(A, B, equal_var=False)
    t, df, p = welch_hand(A, B)
    e = [ex("t", r.statistic, t, "stat"), ex("df", r.df, df, "stat"), ex("p_value", r.pvalue, p, "p")]
    add("r02", "tables", q, "Welch two-sample t, A-B, two-sided; empty cells are missing values, not zeros",
        ["t_test"], e, "markdown table with unequal column lengths (blank cells) -> Welch t, df, p")


def oneway_hand(groups):
    allv = [x for g in groups for x in g]
    gm = fmean(allv)
    ssb = sum((len(g) * (fmean(g) - gm) ** 2 for g in groups), Fr(0))
    ssw = sum((fss(g) for g in groups), Fr(0))
    k, N = len(groups), len(allv)
    Fv = (ssb / (k - 1)) / (ssw / (N - k))
    return M(Fv), k - 1, N - k, f_sf(M(Fv), k - 1, N - k), ssw / (N - k)


def r03():
    names, sizes, mus = ["Ana", "Bo", "Cem"], [6, 5, 7], [82.0, 84.5, 81.5]
    groups = [draw_norm(mu, 1.8, k, 1) for mu, k in zip(mus, sizes)]
    shifts = rng.choice(["day", "night"], size=sum(sizes))
    recs = [(nm, v) for nm, g in zip(names, groups) for v in g]
    order = rng.permutation(len(recs))
    lines = ["Operator\tShift\tYield_%"] + [f"{recs[i][0]}\t{shifts[j]}\t{fmt(recs[i][1], 1)}" for j, i in enumerate(order)]
    q = ("Copied from our yield sheet (tab separated, one row per lot):\n\n" + "\n".join(lines)
         + "\n\nDoes mean yield differ between the three operators? One-way ANOVA on operator "
         "(ignore the shift column). Give F, both degrees of freedom and the p-value.")
    got = {nm: [] for nm in names}
    for line in q.split("\n\n")[1].split("\n")[1:]:
        c = line.split("\t")
        got[c[0]].append(float(c[2]))
    for nm, g in zip(names, groups):
        assert sorted(got[nm]) == sorted(g) and len(got[nm]) == len(g)
    r = stats.f_oneway(*groups)
    Fh, d1, d2, ph, _ = oneway_hand(groups)
    e = [ex("F", r.statistic, Fh, "stat"), ex("df_between", 2, d1, "int"), ex("df_within", 15, d2, "int"),
         ex("p_value", r.pvalue, ph, "p")]
    add("r03", "tables", q, "one-way ANOVA of yield by operator from long-format TSV; shift is a distractor column",
        ["anova_oneway"], e, "TSV long format (operator, shift, yield), unbalanced -> one-way ANOVA F, dfs, p")


def r04():
    n = 12
    tq = draw_norm(12.46, 0.09, n, 2)
    gaps = [int(g) for g in rng.integers(40, 200, n)]
    temps = draw_norm(22.5, 0.6, n, 1)
    tsec = 8 * 3600 + 15 * 60 + 2
    lines = []
    for i in range(n):
        tsec += gaps[i]
        hh, mm, ss = tsec // 3600, tsec % 3600 // 60, tsec % 60
        lines.append(f"2024-03-11 {hh:02d}:{mm:02d}:{ss:02d} INFO cell=3 lot=A7731 torque_Nm={fmt(tq[i], 2)} temp_C={fmt(temps[i], 1)}")
    q = ("Here's a chunk of the tightening-station log from Monday. Nominal torque is 12.5 N·m.\n\n" + "\n".join(lines)
         + "\n\nUsing the torque readings only: does the mean torque differ from 12.5 N·m (two-sided, 5 %)? "
         "Give the mean, t, p and the 95 % confidence interval for the mean.")
    assert [float(v) for v in re.findall(r"torque_Nm=([\d.]+)", q)] == tq
    r = stats.ttest_1samp(tq, 12.5)
    ci = r.confidence_interval(0.95)
    m, s = fmean(tq), fsd(tq)
    se = s / mp.sqrt(n)
    th = (M(m) - M(Fr(25, 2))) / se
    tc = t_ppf(0.975, n - 1)
    e = [ex("mean", np.mean(tq), m, "loc"), ex("t", r.statistic, th, "stat"), ex("p_value", r.pvalue, t_two(th, n - 1), "p"),
         ex("ci_low", ci.low, M(m) - tc * se, "loc"), ex("ci_high", ci.high, M(m) + tc * se, "loc")]
    add("r04", "tables", q, "one-sample t vs 12.5 two-sided with 95% CI; timestamps, cell, lot and temperature are distractors",
        ["t_test"], e, "log lines with key=value fields -> one-sample t vs 12.5: mean, t, p, 95% CI")


def r05():
    subs = [draw_norm(25.000, 0.012, 5, 3) for _ in range(20)]
    st = ",\n    ".join("[" + ", ".join(fmt(v, 3) for v in s) + "]" for s in subs)
    js = ('{\n  "part": "shaft-22",\n  "characteristic": "OD",\n  "unit": "mm",\n  "nominal": 25.000,\n'
          '  "gauge_id": 117,\n  "subgroup_size": 5,\n  "subgroups": [\n    ' + st + "\n  ]\n}")
    q = ("Our MES exports the SPC data as JSON:\n\n" + js
         + "\n\nCan you give me the X-bar and R chart limits (centre line, UCL and LCL for both charts)?")
    obj = json.loads(q.split("\n\n")[1])
    assert obj["subgroups"] == subs
    n = 5
    c = consts(n)
    # library
    xb = np.array([np.mean(s) for s in subs]); R = np.array([max(s) - min(s) for s in subs])
    d2l, d3l = c["lib"]
    gl, rl = xb.mean(), R.mean()
    lib = dict(xcl=gl, xucl=gl + 3 / (d2l * math.sqrt(n)) * rl, xlcl=gl - 3 / (d2l * math.sqrt(n)) * rl,
               rcl=rl, rucl=(1 + 3 * d3l / d2l) * rl)
    # hand
    gh = fmean([fmean(s) for s in subs]); rh = fmean([max(map(F, s)) - min(map(F, s)) for s in subs])
    d2h, d3h = c["hand"]
    A2 = 3 / (mp.mpf(d2h) * mp.sqrt(n))
    hand = dict(xcl=M(gh), xucl=M(gh) + A2 * M(rh), xlcl=M(gh) - A2 * M(rh), rcl=M(rh), rucl=(1 + 3 * mp.mpf(d3h) / d2h) * M(rh))
    assert 1 - 3 * d3h / d2h < 0
    T = TAB[5]
    tab = dict(xucl=float(gh) + T["A2"] * float(rh), xlcl=float(gh) - T["A2"] * float(rh), rucl=T["D4"] * float(rh))
    e = [ex("xbar_CL", lib["xcl"], hand["xcl"], "loc"),
         ex("xbar_UCL", lib["xucl"], hand["xucl"], "loc", tol=shew_tol(float(hand["xucl"]), tab["xucl"])),
         ex("xbar_LCL", lib["xlcl"], hand["xlcl"], "loc", tol=shew_tol(float(hand["xlcl"]), tab["xlcl"])),
         ex("R_CL", lib["rcl"], hand["rcl"], "loc"),
         ex("R_UCL", lib["rucl"], hand["rucl"], "loc", tol=shew_tol(float(hand["rucl"]), tab["rucl"])),
         ex("R_LCL", 0, 0, "int")]
    add("r05", "tables", q, "X-bar/R chart from 20 JSON subgroups of 5; nominal and gauge id are distractors",
        ["control_chart"], e, "JSON with 20 subgroups of 5 -> X-bar and R chart CL/UCL/LCL")


def r06():
    vals = [int(v) for v in np.clip(np.rint(rng.normal(62, 9, 25)), 40, 89)]
    lines = []
    for stem in range(4, 9):
        leaves = sorted(v % 10 for v in vals if v // 10 == stem)
        lines.append(f" {stem} | " + " ".join(str(l) for l in leaves))
    q = ("Stem-and-leaf of 25 snack-bar weights that a colleague sketched on the whiteboard "
         "(key: 5 | 2 means 52 g):\n\n" + "\n".join(x.rstrip() for x in lines)
         + "\n\nFrom this display, what are the median, the mean and the sample standard deviation of the weights?")
    got = []
    for line in q.split("\n\n")[1].split("\n"):
        s, l = line.split("|")
        got += [int(s) * 10 + int(c) for c in l.split()]
    assert sorted(got) == sorted(vals) and len(got) == 25
    e = [ex("median", np.median(vals), fmedian(vals), "loc"), ex("mean", np.mean(vals), fmean(vals), "loc"),
         ex("sd", np.std(vals, ddof=1), fsd(vals), "stat")]
    add("r06", "tables", q, "decode stem-and-leaf (stem tens, leaf units) then median, mean, n-1 SD",
        ["describe"], e, "stem-and-leaf display -> median, mean, SD")


def r07():
    batch = rng.normal(0, 2, 8)
    eff = [0, 0.8, 1.5, 0.3]
    Y = [rnd([70 + batch[i] + eff[j] + rng.normal(0, 0.7) for j in range(4)], 2) for i in range(8)]
    for row in Y:
        assert len(set(row)) == 4
    lines = ["Batch\tCat-1\tCat-2\tCat-3\tCat-4"] + [f"B-{2207 + i}\t" + "\t".join(fmt(v, 2) for v in Y[i]) for i in range(8)]
    q = ("Each feedstock batch was split four ways and run once with each catalyst; conversion (%) straight from the "
         "spreadsheet:\n\n" + "\n".join(lines)
         + "\n\nI don't want to assume normality. Friedman test with batches as blocks and catalysts as treatments: "
         "the chi-square statistic, its df and the p-value (chi-square approximation).")
    got = [[float(v) for v in line.split("\t")[1:]] for line in q.split("\n\n")[1].split("\n")[1:]]
    assert got == Y
    r = stats.friedmanchisquare(*[[Y[i][j] for i in range(8)] for j in range(4)])
    n, k = 8, 4
    Rj = [0] * 4
    for row in Y:
        order = sorted(range(4), key=lambda j: row[j])
        for rank, j in enumerate(order, 1):
            Rj[j] += rank
    Q = Fr(12, n * k * (k + 1)) * sum(r_ * r_ for r_ in Rj) - 3 * n * (k + 1)
    e = [ex("chi_square", r.statistic, Q, "stat"), ex("df", 3, k - 1, "int"), ex("p_value", r.pvalue, chi2_sf(Q, k - 1), "p")]
    add("r07", "tables", q, "Friedman test, rows=blocks (batch ids are labels), columns=treatments",
        ["friedman"], e, "wide TSV, batch rows x 4 catalyst columns -> Friedman chi-square, df, p")


def r08():
    obs = rng.poisson([[30, 18, 12], [22, 25, 9]])
    obs = [[int(v) for v in row] for row in obs]
    rt = [sum(r) for r in obs]; ct = [obs[0][j] + obs[1][j] for j in range(3)]; N = sum(rt)
    lines = ["| | Scratch | Dent | Misalignment | Total |", "|---|---:|---:|---:|---:|",
             f"| Day shift | {obs[0][0]} | {obs[0][1]} | {obs[0][2]} | {rt[0]} |",
             f"| Night shift | {obs[1][0]} | {obs[1][1]} | {obs[1][2]} | {rt[1]} |",
             f"| **Total** | {ct[0]} | {ct[1]} | {ct[2]} | {N} |"]
    q = ("Rejects from last quarter by defect type and shift (the totals came with the pivot table):\n\n" + "\n".join(lines)
         + "\n\nIs the defect type independent of the shift? Pearson chi-square statistic, degrees of freedom and p-value.")
    got = []
    for line in q.split("\n"):
        if line.startswith("| Day") or line.startswith("| Night"):
            got.append([int(c) for c in line.split("|")[2:5]])
    assert got == obs
    chi, p, dof, expd = stats.chi2_contingency(np.array(obs), correction=False)
    assert expd.min() >= 5
    X2 = sum((Fr(obs[i][j]) - Fr(rt[i] * ct[j], N)) ** 2 / Fr(rt[i] * ct[j], N) for i in range(2) for j in range(3))
    e = [ex("chi_square", chi, X2, "stat"), ex("df", dof, 2, "int"), ex("p_value", p, chi2_sf(X2, 2), "p")]
    add("r08", "tables", q, "chi-square independence on the 2x3 body only; the Total row/column must not be used as data",
        ["chi_square"], e, "markdown contingency table with totals row/column -> chi-square, df, p")


def r09():
    xs = [float(f"{150 + 10 * i + rng.normal(0, 0.8):.1f}") for i in range(12)]
    ys = rnd([18 + 0.12 * x + rng.normal(0, 0.9) for x in xs], 2)
    lines = ["Temperatur (°C);Härte (HRC)"] + [fmt(x, 1).replace(".", ",") + ";" + fmt(y, 2).replace(".", ",") for x, y in zip(xs, ys)]
    q = ("Data from our Stuttgart plant - an Excel export with semicolons as separators and decimal commas:\n\n"
         + "\n".join(lines) + "\n\nFit a straight line of hardness on temperature. Slope, intercept and R² please.")
    gx, gy = [], []
    for line in q.split("\n\n")[1].split("\n")[1:]:
        a, b = line.split(";")
        gx.append(float(a.replace(",", "."))); gy.append(float(b.replace(",", ".")))
    assert gx == xs and gy == ys
    r = stats.linregress(xs, ys)
    mx, my = fmean(xs), fmean(ys)
    Sxx = sum(((F(x) - mx) ** 2 for x in xs), Fr(0)); Syy = sum(((F(y) - my) ** 2 for y in ys), Fr(0))
    Sxy = sum(((F(x) - mx) * (F(y) - my) for x, y in zip(xs, ys)), Fr(0))
    b1 = Sxy / Sxx
    e = [ex("slope", r.slope, b1, "stat"), ex("intercept", r.intercept, my - b1 * mx, "stat"),
         ex("r_squared", r.rvalue ** 2, Sxy * Sxy / (Sxx * Syy), "stat")]
    add("r09", "tables", q, "simple linear regression y=hardness on x=temperature; decimal commas, semicolon separators",
        ["regression"], e, "European CSV (semicolons, decimal commas) -> slope, intercept, R²")


def ranks_avg(vals):
    """average ranks (1-based) as Fractions, plus tie groups sizes"""
    s = sorted(map(F, vals))
    rank = {}
    i = 0
    ties = []
    while i < len(s):
        j = i
        while j + 1 < len(s) and s[j + 1] == s[i]:
            j += 1
        rank[s[i]] = Fr(i + 1 + j + 1, 2)
        ties.append(j - i + 1)
        i = j + 1
    return [rank[F(v)] for v in vals], ties


def r10():
    A, B, C = draw_norm(5.2, 0.6, 7, 1), draw_norm(5.9, 0.6, 6, 1), draw_norm(5.0, 0.6, 8, 1)
    allv = A + B + C
    assert len(set(allv)) < len(allv)  # ties present -> correction matters
    yml = "\n".join(f"line_{nm}: [" + ", ".join(fmt(v, 1) for v in g) + "]" for nm, g in zip("ABC", (A, B, C)))
    q = ("Settling times (s) per filling line, as they sit in our config file:\n\n```yaml\n" + yml + "\n```\n\n"
         "Kruskal-Wallis test across the three lines please, with the usual correction for ties: H and the p-value.")
    got = {m.group(1): [float(v) for v in m.group(2).split(",")] for m in re.finditer(r"line_(\w): \[(.*?)\]", q)}
    assert got == {"A": A, "B": B, "C": C}
    r = stats.kruskal(A, B, C)
    rk, ties = ranks_avg(allv)
    N = len(allv)
    idx = 0; H = Fr(0)
    for g in (A, B, C):
        Rg = sum(rk[idx:idx + len(g)], Fr(0)); idx += len(g)
        H += Rg * Rg / len(g)
    H = Fr(12, N * (N + 1)) * H - 3 * (N + 1)
    H /= 1 - Fr(sum(t ** 3 - t for t in ties), N ** 3 - N)
    e = [ex("H", r.statistic, H, "stat"), ex("df", 2, 2, "int"), ex("p_value", r.pvalue, chi2_sf(H, 2), "p")]
    add("r10", "tables", q, "Kruskal-Wallis with tie correction from YAML lists", ["kruskal_wallis"], e,
        "YAML lists per line (ties present) -> Kruskal-Wallis H (tie-corrected), p")


def r11():
    cnt = [int(v) for v in rng.poisson(6, 20)]
    lines = ["          Mon  Tue  Wed  Thu  Fri"] + [f"Week {14 + w}  " + "".join(f"{cnt[5 * w + d]:5d}" for d in range(5)) for w in range(4)]
    q = ("Defects found at final inspection each day (every day is one inspection unit of the same size):\n\n```\n"
         + "\n".join(lines) + "\n```\n\nSet up a c chart: centre line and the 3-sigma control limits.")
    got = []
    for line in q.split("\n"):
        if line.startswith("Week"):
            got += [int(v) for v in line.split()[2:]]
    assert got == cnt
    cb = Fr(sum(cnt), 20)
    lib_c = np.mean(cnt)
    assert M(cb) - 3 * mp.sqrt(M(cb)) < 0
    e = [ex("c_bar", lib_c, cb, "loc"), ex("UCL", lib_c + 3 * math.sqrt(lib_c), M(cb) + 3 * mp.sqrt(M(cb)), "loc"),
         ex("LCL", 0, 0, "int")]
    add("r11", "tables", q, "c chart from a week x weekday grid of counts; week numbers are labels; LCL truncated at 0",
        ["control_chart"], e, "calendar grid (weeks x weekdays) of defect counts -> c chart CL, UCL, LCL=0")


def r12():
    before = draw_norm(3.20, 0.10, 10, 2)
    after = draw_norm(3.17, 0.10, 9, 2)
    ids_b = [f"U{i:02d}" for i in range(1, 11)]
    ids_a = [f"U{i:02d}" for i in (1, 2, 3, 4, 5, 6, 7, 9, 12)]
    tb = "\n".join(f"{u}  {fmt(v, 2)}" for u, v in zip(ids_b, before))
    ta = "\n".join(f"{u}  {fmt(v, 2)}" for u, v in zip(ids_a, after))
    q = ("Battery voltages before and after the firmware update. Paired t-test please, before minus after, "
         "two-sided at 5 %: t and p.\n\nBEFORE (unit, V)\n" + tb + "\n\nAFTER (unit, V)\n" + ta)
    gb = [float(l.split()[1]) for l in q.split("BEFORE (unit, V)\n")[1].split("\n\n")[0].split("\n")]
    ga = [float(l.split()[1]) for l in q.split("AFTER (unit, V)\n")[1].split("\n")]
    assert gb == before and ga == after
    add("r12", "tables", q, "REFUSE: a paired test is asked for but the lists have 10 vs 9 units and the unit ids do not match",
        ["t_test"], [], "REFUSE: paired t-test asked, but 10 'before' vs 9 'after' units with mismatched ids", refuse=True,
        reason="paired t-test requested but before has 10 units and after 9, and the unit ids do not match (U08, U10 only before; U12 only after): pairing undefined")


def r13():
    temps, times = [160, 180], [20, 30, 40]
    teff, tieff = [0, 2.0], [0, 1.5, 2.0]
    Y = [[rnd([40 + teff[i] + tieff[j] + (1.5 if (i == 1 and j == 2) else 0) + rng.normal(0, 0.8) for _ in range(3)], 1)
          for j in range(3)] for i in range(2)]
    lines = ["| Temp \\ Cure time | 20 min | 30 min | 40 min |", "|---|---|---|---|"]
    for i in range(2):
        lines.append(f"| {temps[i]} °C | " + " | ".join(", ".join(fmt(v, 1) for v in Y[i][j]) for j in range(3)) + " |")
    q = ("Peel strength (N/25 mm), three coupons per cell, full 2 x 3 factorial, balanced:\n\n" + "\n".join(lines)
         + "\n\nTwo-way ANOVA with interaction. What are the F statistic and p-value for the temperature x cure-time "
         "interaction, and the F and p for the temperature main effect?")
    got = []
    for line in q.split("\n"):
        if line.startswith("| 160") or line.startswith("| 180"):
            got.append([[float(v) for v in cell.split(",")] for cell in line.split("|")[2:5]])
    assert got == Y
    df = pd.DataFrame([dict(T=temps[i], t=times[j], y=v) for i in range(2) for j in range(3) for v in Y[i][j]])
    tab = anova_lm(smf.ols("y ~ C(T) * C(t)", data=df).fit(), typ=2)
    # hand
    cell = [[fmean(Y[i][j]) for j in range(3)] for i in range(2)]
    gm = fmean([v for i in range(2) for j in range(3) for v in Y[i][j]])
    ai = [fmean([v for j in range(3) for v in Y[i][j]]) for i in range(2)]
    bj = [fmean([v for i in range(2) for v in Y[i][j]]) for j in range(3)]
    ssa = 9 * sum((a - gm) ** 2 for a in ai)
    ssab = 3 * sum((cell[i][j] - ai[i] - bj[j] + gm) ** 2 for i in range(2) for j in range(3))
    sse = sum((F(v) - cell[i][j]) ** 2 for i in range(2) for j in range(3) for v in Y[i][j])
    mse = sse / 12
    Fab, Fa = (ssab / 2) / mse, ssa / mse
    e = [ex("F_interaction", tab.loc["C(T):C(t)", "F"], Fab, "stat"),
         ex("p_interaction", tab.loc["C(T):C(t)", "PR(>F)"], f_sf(Fab, 2, 12), "p"),
         ex("F_temperature", tab.loc["C(T)", "F"], Fa, "stat"),
         ex("p_temperature", tab.loc["C(T)", "PR(>F)"], f_sf(Fa, 1, 12), "p")]
    add("r13", "tables", q, "balanced two-way ANOVA with interaction; replicates packed as comma lists inside markdown cells",
        ["anova_twoway"], e, "markdown 2x3 table with 3 comma-separated replicates per cell -> interaction F, p and temperature F, p")


def r14():
    s = rng.poisson(1.6, 60)
    counts = np.bincount(s)
    items = []
    for v, c in enumerate(counts):
        if c:
            items.append(f"- {v} scratch{'es' if v != 1 else ''} -> {c} panel{'s' if c != 1 else ''}")
    q = ("Scratch audit on lot 7 (60 panels, audited on the 14th). Number of scratches per panel -> how many panels:\n\n"
         + "\n".join(items) + "\n\nWhat's the mean number of scratches per panel and the sample standard deviation (n-1)?")
    data = []
    for m in re.finditer(r"- (\d+) scratch(?:es)? -> (\d+) panels?", q):
        data += [int(m.group(1))] * int(m.group(2))
    assert sorted(data) == sorted(int(v) for v in s) and len(data) == 60
    e = [ex("mean", np.mean(s), fmean(data), "loc"), ex("sd", np.std(s, ddof=1), fsd(data), "stat")]
    add("r14", "tables", q, "frequency table must be expanded (weighted by counts) before mean and n-1 SD; lot 7 and the 14th are distractors",
        ["describe"], e, "frequency table (value -> count) -> mean and n-1 SD of the expanded data")


# ----------------------------------------------------------------------------- kind 2: wording

def one_sample_hand(x, mu0):
    n = len(x)
    se = fsd(x) / mp.sqrt(n)
    return (M(fmean(x)) - M(mu0)) / se, se


def r15():
    x = draw_norm(496, 6, 10, 1)
    q = ("Our supplier claims the mean tensile strength of their rod stock is at least 500 MPa. We think it's lower. "
         "Ten coupons from the last delivery: " + ", ".join(fmt(v, 1) for v in x) + " MPa. "
         "Test the claim at alpha = 0.05: t statistic and the one-sided p-value?")
    assert nums(q.split("delivery: ")[1].split(" MPa")[0]) == x
    r = stats.ttest_1samp(x, 500, alternative="less")
    t, _ = one_sample_hand(x, 500)
    e = [ex("t", r.statistic, t, "stat"), ex("p_value", r.pvalue, t_cdf(t, 9), "p")]
    add("r15", "wording", q, "one-sample t, H1: mu < 500 (lower tail)", ["t_test"], e,
        "claim 'at least 500', suspicion lower -> one-sided (less) one-sample t and p")


def r16():
    op = rng.normal(0, 0.015, 12)
    old = rnd(5.0 + op + 0.004 + rng.normal(0, 0.004, 12), 3)
    new = rnd(5.0 + op + rng.normal(0, 0.004, 12), 3)
    q = ("Gauge change-over study: each of 12 operators measured the same reference block once with the old micrometer "
         "and once with the new one. Readings in mm, listed by operator (1 to 12):\n"
         "old: " + ", ".join(fmt(v, 3) for v in old) + "\nnew: " + ", ".join(fmt(v, 3) for v in new)
         + "\nIs there a systematic difference between the gauges? Give the mean difference (old minus new), "
         "the t statistic and the two-sided p-value.")
    assert nums(q.split("old: ")[1].split("\n")[0]) == old and nums(q.split("new: ")[1].split("\n")[0]) == new
    r = stats.ttest_rel(old, new)
    d = [F(a) - F(b) for a, b in zip(old, new)]
    t, _ = one_sample_hand(d, 0)
    e = [ex("mean_diff", np.mean(np.array(old) - np.array(new)), fmean(d), "loc"), ex("t", r.statistic, t, "stat"),
         ex("p_value", r.pvalue, t_two(t, 11), "p")]
    add("r16", "wording", q, "paired t (same operator, both gauges), old-new, two-sided", ["t_test"], e,
        "same operators with both gauges -> paired t: mean diff, t, p")


def r17():
    x = int(rng.binomial(500, 0.045))
    defects = x + int(rng.poisson(0.8 * x))
    q = (f"We inspected 500 boards. {x} of them had at least one defect; in total we logged {defects} defects "
         "(some boards had several). What fraction of boards is defective? Give the estimate and a 95 % Wilson score interval.")
    assert re.search(r"boards\. (\d+) of them", q).group(1) == str(x) and f"logged {defects} defects" in q
    lo, hi = proportion_confint(x, 500, alpha=0.05, method="wilson")
    z = norm_ppf(0.975); n = 500; ph = M(Fr(x, n))
    cen = (ph + z * z / (2 * n)) / (1 + z * z / n)
    half = z / (1 + z * z / n) * mp.sqrt(ph * (1 - ph) / n + z * z / (4 * n * n))
    e = [ex("p_hat", x / 500, ph, "loc"), ex("wilson_low", lo, cen - half, "loc"), ex("wilson_high", hi, cen + half, "loc")]
    add("r17", "wording", q, "defectives (boards with >=1 defect) / 500, Wilson 95%; total defect count is a distractor",
        ["proportion_test"], e, "defective boards vs total defects both given -> p-hat of defectives and Wilson 95% CI")


def r18():
    subs = []
    for _ in range(20):
        mu = 10.000 + rng.normal(0, 0.008)
        subs.append(rnd(mu + rng.normal(0, 0.010, 4), 3))
    lines = [f"{(6 + k) % 24:02d}:00  " + "  ".join(fmt(v, 3) for v in s) for k, s in enumerate(subs)]
    q = ("Twenty subgroups of four shafts, one subgroup per hour. Spec 9.960 - 10.050 mm.\n\n" + "\n".join(lines)
         + "\n\nI need Cpk based on within-subgroup variation (sigma estimated as R-bar/d2) and Ppk based on the "
         "overall standard deviation of all 80 values.")
    got = [[float(v) for v in l.split()[1:]] for l in q.split("\n") if re.match(r"^\d\d:00 ", l)]
    assert got == subs
    LSL, USL = Fr(996, 100), Fr(1005, 100)
    allv = [v for s in subs for v in s]
    c = consts(4)
    # library
    xbar = np.mean(allv); rbar = np.mean([max(s) - min(s) for s in subs])
    sw_l = rbar / c["lib"][0]; so_l = np.std(allv, ddof=1)
    cpk_l = min(1005 / 100 - xbar, xbar - 996 / 100) / (3 * sw_l); ppk_l = min(1005 / 100 - xbar, xbar - 996 / 100) / (3 * so_l)
    # hand
    xh = fmean(allv); rh = fmean([max(map(F, s)) - min(map(F, s)) for s in subs])
    num = M(min(USL - xh, xh - LSL))
    cpk_h = num / (3 * M(rh) / c["hand"][0]); ppk_h = num / (3 * fsd(allv))
    cpk_tab = float(num) / (3 * float(rh) / TAB[4]["d2"])
    e = [ex("Cpk", cpk_l, cpk_h, "stat", tol=max(1e-3 * float(cpk_h), abs(cpk_tab - float(cpk_h)) + 2e-5 * float(cpk_h))),
         ex("Ppk", ppk_l, ppk_h, "stat")]
    add("r18", "wording", q, "Cpk with sigma_within = Rbar/d2 (n=4) vs Ppk with overall n-1 SD; hour labels are distractors",
        ["capability"], e, "20 hourly subgroups of 4 with specs -> Cpk (within, Rbar/d2) and Ppk (overall)")


def r19():
    vals = draw_norm(41.0, 1.2, 16, 1)
    vals[4] = rnd(rng.uniform(55, 60), 1)[0]
    vals[11] = rnd(rng.uniform(10, 15), 1)[0]
    notes = {4: "   <- sensor fault", 11: "   <- sensor fault", 8: "   <- re-run after jam cleared (valid)"}
    lines = [f"run {i + 1:02d}   {fmt(v, 1)} s{notes.get(i, '')}" for i, v in enumerate(vals)]
    q = ("Cycle-time log for station 5:\n\n" + "\n".join(lines)
         + "\n\nLeave out the two runs flagged as sensor faults, keep everything else (including the re-run), "
         "and give me n, the mean and the standard deviation of what's left.")
    kept, allp = [], []
    for l in q.split("\n"):
        m = re.match(r"run (\d\d)\s+([\d.]+) s(.*)$", l)
        if m:
            allp.append(float(m.group(2)))
            if "sensor fault" not in m.group(3):
                kept.append(float(m.group(2)))
    assert allp == vals
    use = [v for i, v in enumerate(vals) if i not in (4, 11)]
    assert kept == use
    e = [ex("n", len(use), len(kept), "int"), ex("mean", np.mean(use), fmean(use), "loc"), ex("sd", np.std(use, ddof=1), fsd(use), "stat")]
    add("r19", "wording", q, "exclude exactly the two sensor-fault runs, keep the valid re-run; then n, mean, SD",
        ["describe"], e, "log with flagged runs to exclude (and one to keep) -> n=14, mean, SD")


def mw_dist(m, n):
    """number of arrangements giving each U (pairs x>y) for sizes m, n"""
    from functools import lru_cache

    @lru_cache(None)
    def f(a, b):
        if a == 0 or b == 0:
            return {0: 1}
        out = {}
        for u, c in f(a - 1, b).items():  # largest element from x: beats all b of y
            out[u + b] = out.get(u + b, 0) + c
        for u, c in f(a, b - 1).items():
            out[u] = out.get(u, 0) + c
        return out
    return f(m, n)


def r20():
    l1, l2 = draw_norm(3.10, 0.25, 8, 3), draw_norm(3.35, 0.25, 9, 3)
    assert len(set(l1 + l2)) == 17
    q = ("Coating thickness (µm) on parts from two independent lines. The data look skewed, so no t-test: use the "
         "Wilcoxon rank-sum / Mann-Whitney test, two-sided, with the exact p-value (there are no ties). Report U as the "
         "number of (line 1, line 2) pairs in which the line 1 value is larger.\n"
         "Line 1: " + " ".join(fmt(v, 3) for v in l1) + "\nLine 2: " + " ".join(fmt(v, 3) for v in l2))
    assert nums(q.split("Line 1: ")[1].split("\n")[0]) == l1 and nums(q.split("Line 2: ")[1]) == l2
    r = stats.mannwhitneyu(l1, l2, alternative="two-sided", method="exact")
    U = sum(1 for a in l1 for b in l2 if a > b)
    dist = mw_dist(8, 9); tot = sum(dist.values())
    lo = Fr(sum(c for u, c in dist.items() if u <= U), tot); hi = Fr(sum(c for u, c in dist.items() if u >= U), tot)
    p = min(Fr(1), 2 * min(lo, hi))
    e = [ex("U", int(r.statistic), U, "int"), ex("p_value", r.pvalue, p, "p")]
    add("r20", "wording", q, "Mann-Whitney two-sided exact; U defined as #pairs line1>line2", ["mann_whitney"], e,
        "'no t-test, rank-sum, exact' -> Mann-Whitney U (line1>line2 pairs) and exact p")


def r21():
    before = draw_norm(1.850, 0.150, 11, 3)
    after = rnd(np.array(before) - rng.normal(0.08, 0.07, 11), 3)
    d = [F(b) - F(a) for b, a in zip(before, after)]
    assert all(x != 0 for x in d) and len(set(abs(x) for x in d)) == 11
    q = ("Surface roughness Ra (µm) of the same 11 plates before and after the new polishing step, same plate order:\n"
         "before: " + ", ".join(fmt(v, 3) for v in before) + "\nafter:  " + ", ".join(fmt(v, 3) for v in after)
         + "\nThe claim is that polishing lowers Ra. Use the Wilcoxon signed-rank test on before minus after, one-sided in "
         "the direction of the claim, exact p. What are W+ (sum of the ranks of the positive differences) and the p-value?")
    assert nums(q.split("before: ")[1].split("\n")[0]) == before and nums(q.split("after:  ")[1].split("\n")[0]) == after
    r = stats.wilcoxon(before, after, alternative="greater", method="exact")
    order = sorted(range(11), key=lambda i: abs(d[i]))
    rank = {i: k + 1 for k, i in enumerate(order)}
    W = sum(rank[i] for i in range(11) if d[i] > 0)
    cnt = [0] * 67
    cnt[0] = 1
    for r_ in range(1, 12):
        for s in range(66, r_ - 1, -1):
            cnt[s] += cnt[s - r_]
    p = Fr(sum(cnt[W:]), 2 ** 11)
    e = [ex("W_plus", int(r.statistic), W, "int"), ex("p_value", r.pvalue, p, "p")]
    add("r21", "wording", q, "paired Wilcoxon signed-rank, d = before-after, H1: d>0 (greater), exact", ["wilcoxon_signed_rank"], e,
        "before/after on same plates, claim 'lowers' -> signed-rank W+ and exact one-sided p")


def r22():
    mA, mB = rnd(rng.normal(4.12, 0.03), 2)[0], rnd(rng.normal(4.31, 0.03), 2)[0]
    q = (f"Pull-off force: supplier A averaged {fmt(mA, 2)} N over 20 pulls and supplier B averaged {fmt(mB, 2)} N over 18 pulls "
         "(all tested on 3 May at 21 °C on the same rig). Is supplier B significantly stronger at the 5 % level? "
         "Just give me the t statistic and p-value.")
    assert re.search(r"A averaged ([\d.]+) N", q).group(1) == fmt(mA, 2) and re.search(r"B averaged ([\d.]+) N", q).group(1) == fmt(mB, 2)
    add("r22", "wording", q, "REFUSE: means and n only; no standard deviations (or raw data), so no t statistic",
        ["summary_t_test"], [], "REFUSE: two means and sizes but no SDs -> cannot compute t", refuse=True,
        reason="two-sample t asked but only means and sample sizes are given; no standard deviations or raw data")


def r23():
    x = int(rng.binomial(400, 0.035))
    q = (f"Our contract allows no more than 2 % nonconforming. Incoming inspection of lot 2291: 400 pieces sampled, {x} "
         "nonconforming. Is there evidence at the 5 % level that the lot's nonconforming rate is above 2 %? Use the exact "
         "binomial test: give the sample proportion and the one-sided p-value.")
    assert re.search(r"400 pieces sampled, (\d+) nonconforming", q).group(1) == str(x)
    r = stats.binomtest(x, 400, 0.02, alternative="greater")
    p0 = Fr(1, 50)
    ph = sum(comb(400, k) * p0 ** k * (1 - p0) ** (400 - k) for k in range(x, 401))
    e = [ex("p_hat", x / 400, Fr(x, 400), "loc"), ex("p_value", r.pvalue, ph, "p")]
    add("r23", "wording", q, "exact binomial, H0 p<=0.02, H1 p>0.02 (upper tail); lot number is a distractor", ["proportion_test"], e,
        "'no more than 2%' spec -> exact one-sided binomial p (upper tail) and p-hat")


def r24():
    old, new = draw_norm(20.0, 0.9, 13, 2), draw_norm(20.0, 0.5, 11, 2)
    q = ("Hole depth (mm), old press vs new press, independent parts.\nOld press (13): " + ", ".join(fmt(v, 2) for v in old)
         + "\nNew press (11): " + ", ".join(fmt(v, 2) for v in new)
         + "\nIs the new press's variability lower than the old one's? Use the F test for two variances, one-sided, with "
         "F = s²(old)/s²(new). Give F and the p-value.")
    assert nums(q.split("Old press (13): ")[1].split("\n")[0]) == old and nums(q.split("New press (11): ")[1].split("\n")[0]) == new
    Fl = np.var(old, ddof=1) / np.var(new, ddof=1)
    Fh = fvar(old) / fvar(new)
    e = [ex("F", Fl, Fh, "stat"), ex("p_value", stats.f.sf(Fl, 12, 10), f_sf(Fh, 12, 10), "p")]
    add("r24", "wording", q, "F = var(old)/var(new), df (12,10), upper-tail one-sided p", ["variance_test"], e,
        "'is new variability lower' -> one-sided F test old/new: F and p")


def r25():
    d = int(rng.poisson(62))
    assert d > 50
    q = (f"Final audit: 50 boards inspected, {d} defects found in total (solder bridges, tombstones, missing parts). "
         "What proportion of the boards are defective? Give the estimate with a 95 % Clopper-Pearson interval.")
    assert re.search(r"inspected, (\d+) defects", q).group(1) == str(d)
    add("r25", "wording", q, "REFUSE: only the total number of defects is known, not how many boards are defective (defects > boards)",
        ["proportion_test"], [], "REFUSE: defect total given, fraction defective asked (number of defective boards unknown)",
        refuse=True, reason="asks for the fraction of defective boards but only the total defect count is given (more defects than boards); the number of defective boards is unknown")


def r26():
    A, B = draw_norm(3.42, 0.20, 9, 2), draw_norm(3.21, 0.22, 11, 2)
    q = ("Two coatings on independent panels, gloss loss after 500 h. Treat the variances as equal (pooled-variance t). "
         "Give the 95 % confidence interval for mean(A) minus mean(B), plus t and the degrees of freedom.\n"
         "Coating A (9 panels): " + ", ".join(fmt(v, 2) for v in A)
         + "\nCoating B (11 panels): " + ", ".join(fmt(v, 2) for v in B))
    assert nums(q.split("Coating A (9 panels): ")[1].split("\n")[0]) == A and nums(q.split("Coating B (11 panels): ")[1]) == B
    r = stats.ttest_ind(A, B, equal_var=True)
    ci = r.confidence_interval(0.95)
    sp2 = (fss(A) + fss(B)) / 18
    se = mp.sqrt(M(sp2 * (Fr(1, 9) + Fr(1, 11))))
    dif = M(fmean(A) - fmean(B)); tc = t_ppf(0.975, 18)
    e = [ex("diff", np.mean(A) - np.mean(B), dif, "loc"), ex("ci_low", ci.low, dif - tc * se, "loc"),
         ex("ci_high", ci.high, dif + tc * se, "loc"), ex("t", r.statistic, dif / se, "stat"), ex("df", r.df, 18, "int")]
    add("r26", "wording", q, "pooled two-sample t, 95% CI for A-B; '500 h' is a distractor", ["t_test"], e,
        "'treat variances as equal' -> pooled t: diff, 95% CI, t, df=18")


def r27():
    areas = [float(a) for a in rng.choice([2.0, 2.5, 3.0, 3.5, 4.0], 10)]
    cnt = [int(c) for c in rng.poisson(1.8 * np.array(areas))]
    lines = [f"Sheet {i + 1:02d} ({fmt(a, 1)} m²): {c} defects" for i, (a, c) in enumerate(zip(areas, cnt))]
    q = ("Paint defects on sheets of different sizes, so I want defects per square metre:\n\n" + "\n".join(lines)
         + f"\n\nSet up a u chart: the centre line, and the UCL and LCL for the last sheet (the {fmt(areas[-1], 1)} m² one).")
    got = [(float(m.group(1)), int(m.group(2))) for m in re.finditer(r"\(([\d.]+) m²\): (\d+) defects", q)]
    assert got == list(zip(areas, cnt))
    ub = Fr(sum(cnt)) / sum(map(F, areas))
    ul = sum(cnt) / sum(areas)
    lcl_h = M(ub) - 3 * mp.sqrt(M(ub / F(areas[-1])))
    assert lcl_h < 0
    e = [ex("u_bar", ul, ub, "loc"), ex("UCL_last", ul + 3 * math.sqrt(ul / areas[-1]), M(ub) + 3 * mp.sqrt(M(ub / F(areas[-1]))), "loc"),
         ex("LCL_last", 0, 0, "int")]
    add("r27", "wording", q, "u chart with varying area: u-bar = total defects / total area; limits for the last sheet's area; LCL truncated at 0",
        ["control_chart"], e, "defects per m² with unequal areas -> u chart centre, UCL/LCL for the last sheet")


def r28():
    a, b, c, d = [int(v) for v in rng.multinomial(60, [0.45, 0.15, 0.05, 0.35])]
    assert b + c > 0
    q = (f"60 patients were each tested with both the rapid kit and the lab kit. {a} were positive on both, {b} positive on the "
         f"rapid kit only, {c} positive on the lab kit only, and the remaining {d} negative on both. Do the kits differ in their "
         "positive rate? Exact McNemar test, two-sided p-value please.")
    m = re.search(r"(\d+) were positive on both, (\d+) positive on the rapid kit only, (\d+) positive on the lab kit only, and the remaining (\d+)", q)
    assert [int(g) for g in m.groups()] == [a, b, c, d] and a + b + c + d == 60
    pl = sm_mcnemar([[a, b], [c, d]], exact=True).pvalue
    nd, k = b + c, min(b, c)
    ph = min(Fr(1), 2 * Fr(sum(comb(nd, i) for i in range(k + 1)), 2 ** nd))
    e = [ex("p_value", pl, ph, "p")]
    add("r28", "wording", q, "paired binary outcomes -> exact McNemar on discordant pairs b, c", ["mcnemar"], e,
        "same patients, two kits, counts told in a sentence -> exact McNemar p")


# ----------------------------------------------------------------------------- kind 3: numbers in prose

def r29():
    n1, n2 = int(rng.integers(18, 30)), int(rng.integers(14, 25))
    m1, s1 = rnd(rng.normal(18.6, 0.3), 2)[0], rnd(rng.uniform(0.9, 1.3), 2)[0]
    m2, s2 = rnd(rng.normal(17.9, 0.3), 2)[0], rnd(rng.uniform(1.4, 1.9), 2)[0]
    q = (f"Quick one from the lab notebook. On 12 March (ambient 23 °C, humidity 41 %) we pulled {n1} bolts from lot 4471 - "
         f"mean breaking load {fmt(m1, 2)} kN, SD {fmt(s1, 2)} kN - and {n2} bolts from lot 4502 - mean {fmt(m2, 2)} kN, SD "
         f"{fmt(s2, 2)} kN. Lot 4502 was 0.18 EUR cheaper per bolt. Without assuming equal variances, do the mean loads differ "
         "(two-sided)? I need t (lot 4471 minus lot 4502), the degrees of freedom and the p-value.")
    mm = re.search(r"pulled (\d+) bolts from lot 4471 - mean breaking load ([\d.]+) kN, SD ([\d.]+) kN - and (\d+) bolts from lot 4502 - mean ([\d.]+) kN, SD ([\d.]+) kN", q)
    assert [float(g) for g in mm.groups()] == [n1, m1, s1, n2, m2, s2]
    r = stats.ttest_ind_from_stats(m1, s1, n1, m2, s2, n2, equal_var=False)
    v1, v2 = s1 ** 2 / n1, s2 ** 2 / n2
    dfl = (v1 + v2) ** 2 / (v1 ** 2 / (n1 - 1) + v2 ** 2 / (n2 - 1))
    V1, V2 = F(s1) ** 2 / n1, F(s2) ** 2 / n2
    t = M(F(m1) - F(m2)) / mp.sqrt(M(V1 + V2))
    dfh = (V1 + V2) ** 2 / (V1 ** 2 / (n1 - 1) + V2 ** 2 / (n2 - 1))
    e = [ex("t", r.statistic, t, "stat"), ex("df", dfl, dfh, "stat"), ex("p_value", r.pvalue, t_two(t, M(dfh)), "p")]
    add("r29", "prose_numbers", q, "Welch t from summary stats (lot 4471 - lot 4502); date, temperature, humidity, price are distractors",
        ["summary_t_test"], e, "two lots' n/mean/SD in prose with date, temperature, price -> Welch t, df, p")


def r30():
    sd = rnd(rng.uniform(1.6, 2.6), 1)[0]
    q = (f"We want to estimate the mean fill weight of our 500 g jars to within ±0.5 g with 95 % confidence. A pilot run of 30 jars "
         f"last Tuesday gave a standard deviation of {fmt(sd, 1)} g. The line runs 240 jars a minute and each tested jar costs 0.35 EUR. "
         "How many jars do we need to sample? (Normal z-based formula, round up.)")
    assert re.search(r"standard deviation of ([\d.]+) g", q).group(1) == fmt(sd, 1)
    raw_l = (stats.norm.ppf(0.975) * sd / 0.5) ** 2
    raw_h = (norm_ppf(0.975) * M(sd) / M(Fr(1, 2))) ** 2
    fr = raw_h - mp.floor(raw_h)
    assert 0.02 < fr < 0.98
    e = [ex("n", math.ceil(raw_l), int(mp.ceil(raw_h)), "int")]
    add("r30", "prose_numbers", q, "n = ceil((z_0.975*sigma/E)^2) with E=0.5; 500 g, 30, 240/min, price are distractors",
        ["sample_size_ci"], e, "margin ±0.5 g, pilot SD, many distractors -> n for a mean (z-based)")


def power_t2_hand(n, d, alpha=0.05):
    with mp.workdps(20):
        nu = 2 * n - 2
        delta = M(d) * mp.sqrt(mp.mpf(n) / 2)
        c = t_ppf(1 - M(alpha) / 2, nu)
        g = mp.gamma(mp.mpf(nu) / 2)

        def dens(v):
            return mp.exp((mp.mpf(nu) / 2 - 1) * mp.log(v) - v / 2 - (mp.mpf(nu) / 2) * mp.log(2)) / g
        up = mp.quad(lambda v: dens(v) * Phi(delta - c * mp.sqrt(v / nu)), [0, nu, 3 * nu, mp.inf])
        lo = mp.quad(lambda v: dens(v) * Phi(-c * mp.sqrt(v / nu) - delta), [0, nu, 3 * nu, mp.inf])
        return up + lo


def r31():
    n, diff, sd = int(rng.integers(15, 30)), int(rng.integers(4, 7)), int(rng.integers(7, 10))
    q = (f"Planning a two-arm bench trial: {n} specimens per arm ({2 * n} in total), we expect the new alloy to be {diff} MPa "
         f"stronger, and the SD within each arm is about {sd} MPa. Two-sample t-test, two-sided, alpha = 0.05. What's the power?")
    mm = re.search(r"trial: (\d+) specimens per arm \((\d+) in total\), we expect the new alloy to be (\d+) MPa stronger, and the SD within each arm is about (\d+) MPa", q)
    assert [int(g) for g in mm.groups()] == [n, 2 * n, diff, sd]
    pl = TTestIndPower().power(effect_size=diff / sd, nobs1=n, alpha=0.05, ratio=1.0, alternative="two-sided")
    ph = power_t2_hand(n, Fr(diff, sd))
    e = [ex("power", pl, ph, "stat")]
    add("r31", "prose_numbers", q, "power of two-sample t, n per arm (not total), d = diff/SD, two-sided 0.05", ["power"], e,
        "n per arm, difference, SD in prose -> power of two-sample t")


def r32():
    diff, sd = rnd(rng.uniform(2.5, 3.5), 1)[0], rnd(rng.uniform(4.0, 5.0), 1)[0]
    q = (f"How many units per group do I need for a two-sample t-test (two-sided, alpha = 0.05) to have at least 90 % power to detect a "
         f"difference of {fmt(diff, 1)} units, if the standard deviation is {fmt(sd, 1)}? Groups of equal size. The budget is 12 000 EUR "
         "and each unit costs 85 EUR.")
    assert re.search(r"difference of ([\d.]+) units", q).group(1) == fmt(diff, 1) and re.search(r"deviation is ([\d.]+)\?", q).group(1) == fmt(sd, 1)
    nf = TTestIndPower().solve_power(effect_size=diff / sd, alpha=0.05, power=0.9, ratio=1.0, alternative="two-sided")
    nl = math.ceil(nf)
    d = F(diff) / F(sd)
    p_hi, p_lo = power_t2_hand(nl, d), power_t2_hand(nl - 1, d)
    assert p_lo < 0.9 <= p_hi and p_hi - 0.9 > 1e-4 and 0.9 - p_lo > 1e-4
    e = [ex("n_per_group", nl, nl if (p_lo < 0.9 <= p_hi) else -1, "int")]
    add("r32", "prose_numbers", q, "smallest n per group with noncentral-t power >= 0.90; budget and unit cost are distractors",
        ["power"], e, "difference, SD, 90% power, budget distractors -> n per group")


def r33():
    mean, sig_ = rnd(rng.normal(25.03, 0.005), 3)[0], rnd(rng.uniform(0.035, 0.045), 3)[0]
    q = (f"Injection-moulded clips, cavity 3, 180 bar hold pressure, 125 parts measured. Spec limits are 24.90 and 25.15 mm. From the "
         f"control chart the process mean is {fmt(mean, 3)} mm and the within-subgroup standard deviation is {fmt(sig_, 3)} mm. "
         "What are Cp and Cpk?")
    assert re.search(r"process mean is ([\d.]+) mm", q).group(1) == fmt(mean, 3) and re.search(r"deviation is ([\d.]+) mm", q).group(1) == fmt(sig_, 3)
    LSL, USL = Fr(2490, 100), Fr(2515, 100)
    cp_l = (25.15 - 24.90) / (6 * sig_); cpk_l = min(25.15 - mean, mean - 24.90) / (3 * sig_)
    cp_h = (USL - LSL) / (6 * F(sig_)); cpk_h = min(USL - F(mean), F(mean) - LSL) / (3 * F(sig_))
    e = [ex("Cp", cp_l, cp_h, "stat"), ex("Cpk", cpk_l, cpk_h, "stat")]
    add("r33", "prose_numbers", q, "Cp/Cpk from mean and within sigma; cavity, pressure, 125 parts are distractors",
        ["summary_capability"], e, "spec limits, mean, within SD among distractors -> Cp, Cpk")


def r34():
    gm, rbar = rnd(74 + rng.normal(0, 0.002), 3)[0], rnd(rng.uniform(0.018, 0.028), 4)[0]
    q = (f"Piston-ring diameters: 25 subgroups of 4 rings each, sampled every 30 minutes starting at 06:00. The grand mean is "
         f"{fmt(gm, 3)} mm and the average range is {fmt(rbar, 4)} mm. What are the X-bar chart's upper and lower control limits, "
         "and the R chart's UCL?")
    assert re.search(r"grand mean is ([\d.]+) mm", q).group(1) == fmt(gm, 3) and re.search(r"average range is ([\d.]+) mm", q).group(1) == fmt(rbar, 4)
    c = consts(4)
    d2l, d3l = c["lib"]; d2h, d3h = c["hand"]
    A2l, A2h = 3 / (d2l * 2), 3 / (mp.mpf(d2h) * 2)
    T = TAB[4]
    hu, hl, hr = M(gm) + A2h * M(rbar), M(gm) - A2h * M(rbar), (1 + 3 * mp.mpf(d3h) / d2h) * M(rbar)
    e = [ex("xbar_UCL", gm + A2l * rbar, hu, "loc", tol=shew_tol(float(hu), gm + T["A2"] * rbar)),
         ex("xbar_LCL", gm - A2l * rbar, hl, "loc", tol=shew_tol(float(hl), gm - T["A2"] * rbar)),
         ex("R_UCL", (1 + 3 * d3l / d2l) * rbar, hr, "loc", tol=shew_tol(float(hr), T["D4"] * rbar))]
    add("r34", "prose_numbers", q, "X-bar/R limits from grand mean and R-bar with n=4 (A2, D4); 25 subgroups, 30 min, 06:00 are distractors",
        ["summary_chart"], e, "grand mean, R-bar, n=4 in prose -> X-bar UCL/LCL and R UCL")


def r35():
    tot = int(rng.binomial(3750, 0.024))
    q = (f"Over 25 days we inspected 150 switches a day and found {tot} defective switches in all (the line runs at 22 °C, "
         "two shifts). Set up a p chart: centre line and 3-sigma limits.")
    assert re.search(r"found (\d+) defective", q).group(1) == str(tot)
    pb = Fr(tot, 3750)
    pl = tot / 3750
    assert M(pb) - 3 * mp.sqrt(M(pb * (1 - pb) / 150)) < 0
    e = [ex("p_bar", pl, pb, "loc"), ex("UCL", pl + 3 * math.sqrt(pl * (1 - pl) / 150), M(pb) + 3 * mp.sqrt(M(pb * (1 - pb) / 150)), "loc"),
         ex("LCL", 0, 0, "int")]
    add("r35", "prose_numbers", q, "p chart: p-bar = total/(25*150), n=150; LCL truncated at 0; temperature and shifts are distractors",
        ["summary_chart"], e, "25 days x 150 switches, total defectives -> p chart CL, UCL, LCL=0")


def r36():
    xA, xB = int(rng.binomial(240, 0.08)), int(rng.binomial(260, 0.12))
    q = (f"Line A had {xA} failures out of 240 units tested and Line B {xB} out of 260 (both lots built in week 32, firmware 4.1.7). "
         "Two-proportion z-test with the pooled proportion, no continuity correction, two-sided: z (A minus B) and p?")
    assert re.search(r"A had (\d+) failures", q).group(1) == str(xA) and re.search(r"Line B (\d+) out of 260", q).group(1) == str(xB)
    zl, pl = proportions_ztest([xA, xB], [240, 260])
    pp = Fr(xA + xB, 500)
    z = M(Fr(xA, 240) - Fr(xB, 260)) / mp.sqrt(M(pp * (1 - pp) * (Fr(1, 240) + Fr(1, 260))))
    e = [ex("z", zl, z, "stat"), ex("p_value", pl, 2 * Phi(-abs(z)), "p")]
    add("r36", "prose_numbers", q, "pooled two-proportion z, A-B, two-sided; week and firmware numbers are distractors",
        ["proportion_test"], e, "failures out of n for two lines, week/firmware distractors -> pooled z and p")


def r37():
    coef = dict(A=2.2, B=1.1, AB=-0.9)
    Y = {}
    for a in (-1, 1):
        for b in (-1, 1):
            Y[(a, b)] = rnd([70 + coef["A"] * a + coef["B"] * b + coef["AB"] * a * b + rng.normal(0, 0.7) for _ in range(2)], 1)
    f2 = lambda k: f"{fmt(Y[k][0], 1)} % and {fmt(Y[k][1], 1)} %"
    q = ("We ran a small replicated 2² experiment on the reactor. At low temperature (150 °C) and low pressure (2 bar) the two runs gave "
         f"{f2((-1, -1))}. Raising only the temperature to 170 °C gave {f2((1, -1))}; raising only the pressure to 4 bar gave "
         f"{f2((-1, 1))}; with both at the high setting we got {f2((1, 1))}. Estimate the temperature effect, the pressure effect and "
         "the temperature x pressure interaction effect (each as the average response at the + level of its contrast minus the "
         "average at the - level).")
    vals = [float(v) for v in re.findall(r"(\d+\.\d) %", q)]
    assert vals == Y[(-1, -1)] + Y[(1, -1)] + Y[(-1, 1)] + Y[(1, 1)]
    X, yv = [], []
    for (a, b), ys in Y.items():
        for y in ys:
            X.append([1, a, b, a * b]); yv.append(y)
    beta = np.linalg.lstsq(np.array(X, float), np.array(yv), rcond=None)[0]
    def eff(fn):
        hi = [F(y) for k, ys in Y.items() for y in ys if fn(k) > 0]; lo = [F(y) for k, ys in Y.items() for y in ys if fn(k) < 0]
        return sum(hi, Fr(0)) / len(hi) - sum(lo, Fr(0)) / len(lo)
    e = [ex("effect_temperature", 2 * beta[1], eff(lambda k: k[0]), "loc"), ex("effect_pressure", 2 * beta[2], eff(lambda k: k[1]), "loc"),
         ex("effect_interaction", 2 * beta[3], eff(lambda k: k[0] * k[1]), "loc")]
    add("r37", "prose_numbers", q, "replicated 2^2 told in sentences; effects = mean(+) - mean(-); 150/170 °C and 2/4 bar are level labels",
        ["doe_effects"], e, "2² factorial with 2 replicates told in sentences -> temperature, pressure and interaction effects")


WORDS = {12: "Twelve", 13: "Thirteen", 14: "Fourteen", 15: "Fifteen", 16: "Sixteen", 17: "Seventeen", 18: "Eighteen", 19: "Nineteen"}


def r38():
    n = int(rng.integers(12, 20))
    dbar, sdd = rnd(rng.normal(1.8, 0.2), 2)[0], rnd(rng.uniform(2.2, 3.0), 2)[0]
    mo = rnd(rng.normal(72, 1), 2)[0]
    mn = float(f"{mo - dbar:.2f}")
    so, sn = rnd(rng.uniform(4.5, 5.5), 2)[0], rnd(rng.uniform(4.5, 5.5), 2)[0]
    q = (f"{WORDS[n]} technicians each ran the assay once with the old reagent and once with the new one. Old reagent: mean {fmt(mo, 2)}, "
         f"SD {fmt(so, 2)}; new reagent: mean {fmt(mn, 2)}, SD {fmt(sn, 2)}. Per-technician differences (old minus new): mean "
         f"{fmt(dbar, 2)}, SD {fmt(sdd, 2)}. Paired t-test, two-sided: t, p and the 95 % CI for the mean difference?")
    inv = {v: k for k, v in WORDS.items()}
    assert inv[q.split()[0]] == n
    mm = re.search(r"\(old minus new\): mean ([\d.]+), SD ([\d.]+)\.", q)
    assert [float(g) for g in mm.groups()] == [dbar, sdd]
    se_l = sdd / math.sqrt(n); tl = dbar / se_l
    tcl = stats.t.ppf(0.975, n - 1)
    se_h = M(sdd) / mp.sqrt(n); th = M(dbar) / se_h; tch = t_ppf(0.975, n - 1)
    e = [ex("t", tl, th, "stat"), ex("p_value", 2 * stats.t.sf(abs(tl), n - 1), t_two(th, n - 1), "p"),
         ex("ci_low", dbar - tcl * se_l, M(dbar) - tch * se_h, "loc"), ex("ci_high", dbar + tcl * se_l, M(dbar) + tch * se_h, "loc")]
    add("r38", "prose_numbers", q, "paired t from the SD of differences (n spelled as a word); per-reagent SDs are distractors",
        ["summary_t_test"], e, "n in words, per-condition and difference summaries -> paired t, p, 95% CI")


def r39():
    n = int(rng.integers(14, 24))
    mean, sd = rnd(rng.normal(4.86, 0.02), 3)[0], rnd(rng.uniform(0.10, 0.14), 3)[0]
    q = (f"Coating thickness target is 4.80 µm (tolerance ±0.25). Batch 7781, measured on {n} coupons on 2 July: mean {fmt(mean, 3)} µm, "
         f"SD {fmt(sd, 3)} µm. Is the mean off target? Two-sided one-sample t-test: t, p and a 99 % confidence interval for the mean.")
    mm = re.search(r"measured on (\d+) coupons on 2 July: mean ([\d.]+) µm, SD ([\d.]+) µm", q)
    assert [float(g) for g in mm.groups()] == [n, mean, sd]
    se_l = sd / math.sqrt(n); tl = (mean - 4.80) / se_l; tcl = stats.t.ppf(0.995, n - 1)
    se_h = M(sd) / mp.sqrt(n); th = (M(mean) - M(Fr(48, 10))) / se_h; tch = t_ppf(0.995, n - 1)
    e = [ex("t", tl, th, "stat"), ex("p_value", 2 * stats.t.sf(abs(tl), n - 1), t_two(th, n - 1), "p"),
         ex("ci99_low", mean - tcl * se_l, M(mean) - tch * se_h, "loc"), ex("ci99_high", mean + tcl * se_l, M(mean) + tch * se_h, "loc")]
    add("r39", "prose_numbers", q, "one-sample t vs 4.80 with a 99% CI; tolerance, batch number and date are distractors",
        ["summary_t_test"], e, "summary one-sample (target 4.80) -> t, p, 99% CI")


def r40():
    mean, sd = rnd(rng.normal(10.21, 0.01), 2)[0], rnd(rng.uniform(0.03, 0.04), 3)[0]
    q = (f"Cpk please: 125 parts measured on 3 March at 21 °C, process mean {fmt(mean, 2)} mm, overall SD {fmt(sd, 3)} mm, 25 subgroups "
         "of 5. Our customer wants at least 1.33.")
    assert re.search(r"process mean ([\d.]+) mm", q).group(1) == fmt(mean, 2) and re.search(r"overall SD ([\d.]+) mm", q).group(1) == fmt(sd, 3)
    add("r40", "prose_numbers", q, "REFUSE: no specification limits given (1.33 is the required Cpk, not a limit)",
        ["summary_capability"], [], "REFUSE: Cpk asked with mean and SD but no spec limits", refuse=True,
        reason="capability index asked but no specification limits (LSL/USL or target and tolerance) are given")


def r41():
    sd = rnd(rng.uniform(3.5, 4.5), 1)[0]
    q = (f"For the next validation we'll compare two heat-treat recipes with a two-sample t-test. The pilot SD was {fmt(sd, 1)} HRC "
         "(n = 8, run on 14 June), alpha = 0.05 two-sided, and we want 90 % power. Each coupon costs 40 EUR. How many coupons per recipe?")
    assert re.search(r"pilot SD was ([\d.]+) HRC", q).group(1) == fmt(sd, 1)
    add("r41", "prose_numbers", q, "REFUSE: no difference (effect size) to detect is given", ["power"], [],
        "REFUSE: sample size for 90% power without the difference to detect", refuse=True,
        reason="sample size for a two-sample t-test requested without the difference (or standardized effect) to detect")


def r42():
    n = int(rng.integers(20, 35))
    q = (f"Four suppliers, one-way ANOVA, {n} parts from each supplier. Assuming a medium effect, Cohen's f = 0.25, and alpha = 0.05, "
         "what power does the study have?")
    assert re.search(r"ANOVA, (\d+) parts", q).group(1) == str(n)
    k, N = 4, 4 * n
    pl = FTestAnovaPower().power(effect_size=0.25, nobs=N, alpha=0.05, k_groups=k)
    lam = M(Fr(1, 16)) * N
    d1, d2 = k - 1, N - k
    c = f_ppf(0.95, d1, d2)
    x = d1 * c / (d1 * c + d2)
    ph = mp.mpf(0)
    for j in range(200):
        w = mp.exp(-lam / 2) * (lam / 2) ** j / mp.factorial(j)
        ph += w * (1 - mp.betainc(mp.mpf(d1) / 2 + j, mp.mpf(d2) / 2, 0, x, regularized=True))
    e = [ex("power", pl, ph, "stat")]
    add("r42", "prose_numbers", q, "one-way ANOVA power, k=4, n per group (N=4n), f=0.25, lambda=f^2*N", ["power"], e,
        "4 groups, n per group, Cohen's f=0.25 -> ANOVA power")


# ----------------------------------------------------------------------------- kind 4: mathematics
x_, y_, n_, k_ = sp.symbols("x y n k")


def r43():
    x0n = int(rng.integers(8, 16))
    x0 = sp.Rational(x0n, 10)
    q = f"If y = x² sin(3x), how fast is y changing at x = {x0n / 10:.1f}? I also need the second derivative there."
    assert float(re.search(r"at x = ([\d.]+)\?", q).group(1)) == x0n / 10
    f = x_ ** 2 * sp.sin(3 * x_)
    l1, l2 = sp.diff(f, x_).subs(x_, x0), sp.diff(f, x_, 2).subs(x_, x0)
    X = M(Fr(x0n, 10))
    h1 = 2 * X * mp.sin(3 * X) + 3 * X ** 2 * mp.cos(3 * X)
    h2 = 2 * mp.sin(3 * X) + 12 * X * mp.cos(3 * X) - 9 * X ** 2 * mp.sin(3 * X)
    e = [ex("dy_dx", sp.N(l1, 20), h1, "math"), ex("d2y_dx2", sp.N(l2, 20), h2, "math")]
    add("r43", "maths", q, "first and second derivative of x^2 sin 3x at the point", ["differentiate", "evaluate"], e,
        "'how fast is y changing' -> f'(x0) and f''(x0) of x² sin 3x")


def r44():
    q = "What is the area under e^x sin x between x = 0 and x = pi? A decimal to a few places is fine."
    l = sp.integrate(sp.exp(x_) * sp.sin(x_), (x_, 0, sp.pi))
    h = mp.quad(lambda t: mp.exp(t) * mp.sin(t), [0, mp.pi])
    e = [ex("integral", sp.N(l, 20), h, "math")]
    add("r44", "maths", q, "definite integral of e^x sin x over [0, pi] = (e^pi+1)/2", ["integrate"], e,
        "area under e^x sin x on [0, π] -> (e^π+1)/2")


def r45():
    a = int(rng.integers(2, 6))
    q = f"Find the limit as x -> 0 of (sin({a}x) - {a}x) / x^3."
    assert re.search(r"\(sin\((\d)x\) - (\d)x\)", q).groups() == (str(a), str(a))
    l = sp.limit((sp.sin(a * x_) - a * x_) / x_ ** 3, x_, 0)
    h = Fr(-a ** 3, 6)
    with mp.workdps(50):
        t = mp.mpf("1e-8")
        num = (mp.sin(a * t) - a * t) / t ** 3
    assert abs(num - M(h)) < 1e-6
    e = [ex("limit", sp.N(l, 20), h, "math")]
    add("r45", "maths", q, "limit (sin ax - ax)/x^3 -> -a^3/6", ["limit"], e, "limit (sin ax − ax)/x³ at 0 -> −a³/6")


def r46():
    q = "Does the series 1/(1·3) + 1/(2·4) + 1/(3·5) + ... (general term 1/(n(n+2)), n from 1 to infinity) converge? If so, to what?"
    l = sp.summation(1 / (n_ * (n_ + 2)), (n_, 1, sp.oo))
    h = Fr(1, 2) * (1 + Fr(1, 2))  # telescoping: (1/2) sum (1/n - 1/(n+2))
    assert abs(mp.nsum(lambda m: 1 / (m * (m + 2)), [1, mp.inf]) - M(h)) < 1e-20
    e = [ex("sum", sp.N(l, 20), h, "math")]
    add("r46", "maths", q, "telescoping series sum 1/(n(n+2)) = 3/4", ["summation"], e, "series 1/(n(n+2)) written out -> 3/4")


def r47():
    coefs = [1, -6, 11, Fr(-13, 2)]
    q = "Solve x^3 - 6x^2 + 11x - 6.5 = 0 over the reals. How many real solutions are there, and what are they?"
    assert nums(q.split("Solve ")[1].split(" = 0")[0].replace("x^3", "x").replace("x^2", "x").replace(" ", "")) == [-6, 11, -6.5]
    rl = [r.real for r in np.roots([1, -6, 11, -6.5]) if abs(r.imag) < 1e-9]
    rh = [r for r in mp.polyroots([M(c) for c in coefs], maxsteps=200, extraprec=60) if abs(mp.im(r)) < 1e-20]
    assert len(rl) == len(rh) == 1
    e = [ex("n_real_roots", len(rl), len(rh), "int"), ex("root", rl[0], mp.re(rh[0]), "math")]
    add("r47", "maths", q, "cubic with one real root (two complex); count and value", ["solve"], e,
        "cubic x³−6x²+11x−6.5 -> one real root and its value")


def r48():
    q = ("For f(x) = x^3 - 3x^2 - 9x + 5 on the closed interval -2 <= x <= 6, find the absolute maximum and absolute minimum values "
         "and where they occur.")
    f = x_ ** 3 - 3 * x_ ** 2 - 9 * x_ + 5
    cands = [sp.Integer(-2), sp.Integer(6)] + [r for r in sp.solve(sp.diff(f, x_), x_) if -2 <= r <= 6]
    vals = {c: f.subs(x_, c) for c in cands}
    cmax, cmin = max(vals, key=vals.get), min(vals, key=vals.get)
    fh = lambda t: t ** 3 - 3 * t ** 2 - 9 * t + 5
    # f' = 3x^2 - 6x - 9 = 3(x-3)(x+1)
    hc = [Fr(-2), Fr(6), Fr(3), Fr(-1)]
    hmax, hmin = max(hc, key=fh), min(hc, key=fh)
    e = [ex("max_value", int(vals[cmax]), int(fh(hmax)), "int"), ex("x_at_max", int(cmax), int(hmax), "int"),
         ex("min_value", int(vals[cmin]), int(fh(hmin)), "int"), ex("x_at_min", int(cmin), int(hmin), "int")]
    add("r48", "maths", q, "closed-interval extrema: endpoints and critical points x=-1, 3", ["extrema"], e,
        "cubic on [−2, 6] -> absolute max 59 at x=6, min −22 at x=3")


def det3(m):
    return (m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1]) - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
            + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]))


def r49():
    while True:
        A = [[int(v) for v in row] for row in rng.integers(-4, 6, (3, 3))]
        if det3(A) != 0:
            break
    txt = "A = [" + "; ".join(" ".join(str(v) for v in row) for row in A) + "]"
    q = f"In MATLAB notation {txt}. What is det(A), and what is the entry in row 2, column 3 of inv(A)?"
    got = [[int(v) for v in r.split()] for r in re.search(r"A = \[(.*?)\]", q).group(1).split(";")]
    assert got == A
    S = sp.Matrix(A)
    dl, il = S.det(), S.inv()[1, 2]
    dh = det3(A)
    # inverse (i,j) = cofactor(j,i)/det ; here i=2, j=3 (1-based): cofactor C_{3,2}
    minor = [[A[r][c] for c in (0, 2)] for r in (0, 1)]
    C32 = -(minor[0][0] * minor[1][1] - minor[0][1] * minor[1][0])
    e = [ex("det", int(dl), dh, "int"), ex("inv_2_3", float(il), Fr(C32, dh), "math")]
    add("r49", "maths", q, "3x3 determinant and (2,3) entry of the inverse (1-based, row 2 col 3)", ["matrix"], e,
        "MATLAB-notation 3x3 matrix -> det and inv(A)(2,3)")


def r50():
    q = "Expand e^x cos(x) in a Taylor series around 0. What are the coefficients of x^4 and x^5?"
    s = sp.series(sp.exp(x_) * sp.cos(x_), x_, 0, 7).removeO()
    hc = []
    for p in (4, 5):
        re_, im_ = 1, 0
        for _ in range(p):
            re_, im_ = re_ - im_, re_ + im_
        hc.append(Fr(re_, math.factorial(p)))
    e = [ex("coef_x4", float(s.coeff(x_, 4)), hc[0], "math"), ex("coef_x5", float(s.coeff(x_, 5)), hc[1], "math")]
    add("r50", "maths", q, "Maclaurin coefficients of e^x cos x: Re((1+i)^n)/n! -> -1/6, -1/30", ["series"], e,
        "e^x cos x Maclaurin -> coefficients of x⁴ (−1/6) and x⁵ (−1/30)")


def r51():
    q = "Let f(x, y) = x^2 y^3 + e^(xy). Evaluate the mixed partial derivative d²f/dx dy at the point (1, 0.5)."
    f = x_ ** 2 * y_ ** 3 + sp.exp(x_ * y_)
    l = sp.diff(f, x_, y_).subs({x_: 1, y_: sp.Rational(1, 2)})
    X, Y = mp.mpf(1), mp.mpf("0.5")
    h = 6 * X * Y ** 2 + mp.exp(X * Y) * (1 + X * Y)
    e = [ex("f_xy", sp.N(l, 20), h, "math")]
    add("r51", "maths", q, "mixed partial f_xy = 6xy^2 + e^{xy}(1+xy) at (1, 0.5)", ["differentiate"], e,
        "mixed partial of x²y³+e^{xy} at (1, 0.5)")


def r52():
    while True:
        A = [[int(s * m) for s, m in zip(rng.choice([-1, 1], 3), rng.integers(1, 6, 3))] for _ in range(3)]
        if det3(A) != 0:
            break
    sol = [int(v) for v in rng.integers(-4, 5, 3)]
    b = [sum(A[i][j] * sol[j] for j in range(3)) for i in range(3)]

    def term(c, v, first):
        mag = "" if abs(c) == 1 else str(abs(c))
        if first:
            return ("-" if c < 0 else "") + mag + v
        return (" - " if c < 0 else " + ") + mag + v
    eqs = ["".join(term(A[i][j], "xyz"[j], j == 0) for j in range(3)) + f" = {b[i]}" for i in range(3)]
    q = "Solve the system\n  " + "\n  ".join(eqs) + "\nfor x, y and z."
    for i, line in enumerate(q.split("\n")[1:4]):
        lhs, rhs = line.replace(" ", "").split("=")
        co = {v: int((s + (d or "1"))) for s, d, v in re.findall(r"([+-]?)(\d*)([xyz])", lhs)}
        assert [co["x"], co["y"], co["z"]] == A[i] and int(rhs) == b[i]
    sl = np.linalg.solve(np.array(A, float), np.array(b, float))
    D = det3(A)
    sh = []
    for j in range(3):
        Aj = [[b[i] if c == j else A[i][c] for c in range(3)] for i in range(3)]
        sh.append(Fr(det3(Aj), D))
    assert sh == [Fr(v) for v in sol]
    e = [ex(v, sl[j], sh[j], "math") for j, v in enumerate("xyz")]
    add("r52", "maths", q, "3x3 linear system (Cramer / elimination)", ["solve", "matrix"], e, "three linear equations -> x, y, z")


def r53():
    A = [[int(v) for v in row] for row in rng.integers(-5, 6, (2, 3))]
    q = f"Quick check for my homework: what's the determinant of [[{', '.join(map(str, A[0]))}], [{', '.join(map(str, A[1]))}]] (2 rows, 3 columns), and its inverse?"
    got = [[int(v) for v in r.split(",")] for r in re.findall(r"\[([-\d, ]+)\]", q)]
    assert got == A
    add("r53", "maths", q, "REFUSE: a 2x3 matrix has no determinant or inverse", ["matrix"], [],
        "REFUSE: determinant and inverse of a 2x3 matrix", refuse=True,
        reason="determinant and inverse are only defined for square matrices; the matrix given is 2x3")


def r54():
    q = "Compute the integral over the whole real line of exp(-x^2/2) * cos(x) dx."
    l = sp.integrate(sp.exp(-x_ ** 2 / 2) * sp.cos(x_), (x_, -sp.oo, sp.oo))
    h = mp.quad(lambda t: mp.exp(-t * t / 2) * mp.cos(t), [-mp.inf, 0, mp.inf])
    e = [ex("integral", sp.N(l, 20), h, "math")]
    add("r54", "maths", q, "Gaussian characteristic-function integral = sqrt(2 pi) e^{-1/2}", ["integrate"], e,
        "∫ e^{−x²/2} cos x over ℝ -> √(2π)e^{−1/2}")


def r55():
    q = "What does the sum of k^2 / 3^k for k = 0, 1, 2, ... add up to?"
    l = sp.summation(k_ ** 2 / 3 ** k_, (k_, 0, sp.oo))
    xx = Fr(1, 3)
    h = xx * (1 + xx) / (1 - xx) ** 3
    assert abs(mp.nsum(lambda m: m ** 2 / mp.mpf(3) ** m, [0, mp.inf]) - M(h)) < 1e-20
    e = [ex("sum", sp.N(l, 20), h, "math")]
    add("r55", "maths", q, "sum k^2 x^k = x(1+x)/(1-x)^3 at x=1/3 -> 3/2", ["summation"], e, "Σ k²/3^k -> 3/2")


def r56():
    q = ("Find and classify all critical points of f(x, y) = x^3 + y^3 - 3xy. How many are there, where is the local minimum and "
         "what is f there, and where is the saddle point?")
    f = x_ ** 3 + y_ ** 3 - 3 * x_ * y_
    sols = [s for s in sp.solve([sp.diff(f, x_), sp.diff(f, y_)], [x_, y_], dict=True) if s[x_].is_real and s[y_].is_real]
    H = sp.hessian(f, (x_, y_))
    mins = [s for s in sols if H.subs(s).det() > 0 and H.subs(s)[0, 0] > 0]
    sads = [s for s in sols if H.subs(s).det() < 0]
    assert len(mins) == 1 and len(sads) == 1
    # hand: y = x^2, x^4 = x -> x in {0, 1}; Hessian [[6x,-3],[-3,6y]]
    hpts = [(Fr(0), Fr(0)), (Fr(1), Fr(1))]
    hmin = [p for p in hpts if 36 * p[0] * p[1] - 9 > 0 and 6 * p[0] > 0][0]
    hsad = [p for p in hpts if 36 * p[0] * p[1] - 9 < 0][0]
    fh = hmin[0] ** 3 + hmin[1] ** 3 - 3 * hmin[0] * hmin[1]
    e = [ex("n_critical_points", len(sols), len(hpts), "int"), ex("min_x", float(mins[0][x_]), hmin[0], "math"),
         ex("min_y", float(mins[0][y_]), hmin[1], "math"), ex("min_f", float(f.subs(mins[0])), fh, "math"),
         ex("saddle_x", float(sads[0][x_]), hsad[0], "math"), ex("saddle_y", float(sads[0][y_]), hsad[1], "math")]
    add("r56", "maths", q, "critical points of x^3+y^3-3xy: saddle (0,0), local min (1,1) with f=-1", ["extrema"], e,
        "x³+y³−3xy -> 2 critical points: min at (1,1), f=−1; saddle at (0,0)")


# ----------------------------------------------------------------------------- kind 5: named tests

def sw_hand(x):
    """Royston (1992/1995, AS R94) Shapiro-Wilk W and p-value, n >= 12."""
    xs = sorted(map(M, x)); n = len(xs)
    m = [norm_ppf((mp.mpf(i) - mp.mpf(3) / 8) / (n + mp.mpf(1) / 4)) for i in range(1, n + 1)]
    mm = sum(v * v for v in m)
    u = 1 / mp.sqrt(n)
    an = m[-1] / mp.sqrt(mm) + 0.221157 * u - 0.147981 * u ** 2 - 2.071190 * u ** 3 + 4.434685 * u ** 4 - 2.706056 * u ** 5
    an1 = m[-2] / mp.sqrt(mm) + 0.042981 * u - 0.293762 * u ** 2 - 1.752461 * u ** 3 + 5.682633 * u ** 4 - 3.582633 * u ** 5
    phi = (mm - 2 * m[-1] ** 2 - 2 * m[-2] ** 2) / (1 - 2 * an ** 2 - 2 * an1 ** 2)
    a = [mi / mp.sqrt(phi) for mi in m]
    a[-1], a[-2], a[0], a[1] = an, an1, -an, -an1
    xbar = sum(xs) / n
    W = sum(ai * xi for ai, xi in zip(a, xs)) ** 2 / sum((xi - xbar) ** 2 for xi in xs)
    L = mp.log(n)
    mu = 0.0038915 * L ** 3 - 0.083751 * L ** 2 - 0.31082 * L - 1.5861
    sg = mp.exp(0.0030302 * L ** 2 - 0.082676 * L - 0.4803)
    z = (mp.log(1 - W) - mu) / sg
    return W, 1 - Phi(z)


def r57():
    x = rnd(10 + rng.gamma(4, 0.5, 20), 2)
    q = ("Shapiro-Wilk test on these 20 hold times (s), please - I need W and its p-value:\n" + "; ".join(fmt(v, 2) for v in x))
    assert nums(q.split("\n")[1]) == x
    r = stats.shapiro(x)
    W, p = sw_hand(x)
    e = [ex("W", r.statistic, W, "stat", use="lib"), ex("p_value", r.pvalue, p, "p", use="lib")]
    add("r57", "named_tests", q, "Shapiro-Wilk W and p (Royston)", ["normality"], e, "semicolon list of 20 values -> Shapiro-Wilk W and p")


def r58():
    x = draw_norm(100, 2.5, 25, 2)
    rows = ["  ".join(fmt(v, 2) for v in x[5 * i:5 * i + 5]) for i in range(5)]
    q = ("Anderson-Darling normality test for these 25 readings (mean and SD estimated from the data, SD with n-1). Give A² and the small-sample "
         "adjusted A* = A²(1 + 0.75/n + 2.25/n²).\n\n" + "\n".join(rows))
    assert nums(q.split("\n\n")[1]) == x
    A2l = stats.anderson(x, dist="norm", method="interpolate").statistic
    xs = sorted(map(M, x)); n = 25
    mu = sum(xs) / n; sd = fsd(x)
    z = [(v - mu) / sd for v in xs]
    A2h = -n - sum((2 * i - 1) * (mp.log(Phi(z[i - 1])) + mp.log(1 - Phi(z[n - i]))) for i in range(1, n + 1)) / n
    adj = 1 + mp.mpf(0.75) / n + mp.mpf(2.25) / n ** 2
    e = [ex("A2", A2l, A2h, "stat"), ex("A2_adjusted", A2l * (1 + 0.75 / n + 2.25 / n ** 2), A2h * adj, "stat")]
    add("r58", "named_tests", q, "Anderson-Darling A^2 (estimated mean and n-1 SD) and A* with the stated adjustment", ["normality"], e,
        "5x5 block of readings -> Anderson-Darling A² and adjusted A*")


def r59():
    g = [draw_norm(10, s, 8, 2) for s in (0.3, 0.6, 0.45)]
    rows = ["Fixture 1   Fixture 2   Fixture 3"] + ["   ".join(f"{fmt(g[j][i], 2):>9}" for j in range(3)) for i in range(8)]
    q = ("Torque (N·m) on three fixtures, eight parts each:\n\n" + "\n".join(rows)
         + "\n\nRun the Brown-Forsythe version of Levene's test (absolute deviations from each group's median): the test statistic and p-value.")
    got = [[], [], []]
    for l in q.split("\n\n")[1].split("\n")[1:]:
        for j, v in enumerate(l.split()):
            got[j].append(float(v))
    assert got == g
    r = stats.levene(*g, center="median")
    z = [[abs(F(v) - fmedian(gr)) for v in gr] for gr in g]
    Fh, _, _, ph, _ = oneway_hand(z)
    e = [ex("W", r.statistic, Fh, "stat"), ex("p_value", r.pvalue, ph, "p")]
    add("r59", "named_tests", q, "Brown-Forsythe (median-centred Levene) across three columns", ["levene"], e,
        "three fixture columns -> Brown-Forsythe/Levene statistic and p")


def r60():
    sizes, sds = [6, 7, 6, 8], [1.0, 1.5, 0.8, 1.2]
    g = [draw_norm(30, s, k, 2) for k, s in zip(sizes, sds)]
    q = ("Bartlett's test for equal variances across the four ovens (cure time, min):\n"
         + "\n".join(f"Oven {c}: " + ", ".join(fmt(v, 2) for v in gr) for c, gr in zip("ABCD", g))
         + "\nGive the Bartlett statistic and the p-value.")
    got = [nums(m) for m in re.findall(r"Oven [A-D]: (.*)", q)]
    assert got == g
    r = stats.bartlett(*g)
    k = 4; N = sum(sizes)
    sp2 = sum((fss(gr) for gr in g), Fr(0)) / (N - k)
    num = (N - k) * mp.log(M(sp2)) - sum((len(gr) - 1) * mp.log(M(fvar(gr))) for gr in g)
    den = 1 + (sum(Fr(1, len(gr) - 1) for gr in g) - Fr(1, N - k)) / (3 * (k - 1))
    T = num / M(den)
    e = [ex("T", r.statistic, T, "stat"), ex("p_value", r.pvalue, chi2_sf(T, k - 1), "p")]
    add("r60", "named_tests", q, "Bartlett test, 4 groups of unequal size", ["variance_test"], e,
        "four labelled oven lists -> Bartlett statistic and p")


def r61():
    sizes, mus, sds = [6, 9, 7], [20.0, 21.5, 20.8], [0.6, 1.5, 1.0]
    g = [draw_norm(m, s, k, 2) for k, m, s in zip(sizes, mus, sds)]
    q = ("Welch's ANOVA please (the spreads clearly differ). Data as a Python dict:\n\n"
         "groups = {\n" + ",\n".join(f"    'Vendor {c}': [" + ", ".join(fmt(v, 2) for v in gr) + "]" for c, gr in zip("XYZ", g))
         + "\n}\n\nI need the Welch F, its denominator degrees of freedom and the p-value.")
    got = [nums(m) for m in re.findall(r"'Vendor [XYZ]': \[(.*?)\]", q)]
    assert got == g
    r = anova_oneway(g, use_var="unequal")
    k = 3
    w = [Fr(len(gr)) / fvar(gr) for gr in g]; Wt = sum(w)
    mw = sum(wi * fmean(gr) for wi, gr in zip(w, g)) / Wt
    A = sum(wi * (fmean(gr) - mw) ** 2 for wi, gr in zip(w, g)) / (k - 1)
    lam = sum((1 - wi / Wt) ** 2 / (len(gr) - 1) for wi, gr in zip(w, g))
    Fh = A / (1 + Fr(2 * (k - 2), k * k - 1) * lam)
    df2 = Fr(k * k - 1) / (3 * lam)
    e = [ex("F", r.statistic, Fh, "stat"), ex("df2", r.df[1], df2, "stat"), ex("p_value", r.pvalue, f_sf(Fh, k - 1, df2), "p")]
    add("r61", "named_tests", q, "Welch one-way ANOVA F, df2, p", ["anova_oneway"], e, "Python dict of 3 vendors -> Welch ANOVA F, df2, p")


def r62():
    a, c = int(rng.binomial(14, 0.3)), int(rng.binomial(15, 0.7))
    b, d = 14 - a, 15 - c
    q = ("Cracking after thermal cycling:\n\n"
         "                 cracked   not cracked\n"
         f"annealed         {a:>7}   {b:>11}\n"
         f"not annealed     {c:>7}   {d:>11}\n\n"
         "Fisher's exact test, two-sided: p-value, and the sample odds ratio (annealed odds of cracking over not-annealed odds).")
    rows = [[int(v) for v in l.split()[-2:]] for l in q.split("\n") if l.startswith("annealed") or l.startswith("not annealed")]
    assert rows == [[a, b], [c, d]] and a * b * c * d > 0
    orl, pl = stats.fisher_exact([[a, b], [c, d]])
    r1, c1, N = a + b, a + c, a + b + c + d
    P = lambda k: Fr(comb(r1, k) * comb(N - r1, c1 - k), comb(N, c1))
    pobs = P(a)
    ph = sum(P(k) for k in range(max(0, c1 - (N - r1)), min(r1, c1) + 1) if P(k) <= pobs)
    e = [ex("p_value", pl, ph, "p"), ex("odds_ratio", orl, Fr(a * d, b * c), "stat")]
    add("r62", "named_tests", q, "Fisher exact 2x2 two-sided and sample OR ad/bc", ["proportion_test", "chi_square"], e,
        "aligned 2x2 text table -> Fisher exact p and odds ratio")


def r63():
    x = draw_norm(50, 10, 12, 2)
    y = rnd(0.5 * np.array(x) + rng.normal(0, 5, 12), 2)
    assert len(set(x)) == 12 and len(set(y)) == 12
    q = ("Kendall's tau-b between hardness (x) and wear (y) for these 12 pins, and Pearson's r for comparison:\n"
         + ", ".join(f"({fmt(a, 2)}, {fmt(b, 2)})" for a, b in zip(x, y)))
    pr = re.findall(r"\(([-\d.]+), ([-\d.]+)\)", q)
    assert [float(a) for a, _ in pr] == x and [float(b) for _, b in pr] == y
    tl = stats.kendalltau(x, y).statistic; rl = stats.pearsonr(x, y).statistic
    C = sum(1 for i, j in combinations(range(12), 2) if (x[i] - x[j]) * (y[i] - y[j]) > 0)
    D = 66 - C
    mx, my = fmean(x), fmean(y)
    Sxy = sum((F(a) - mx) * (F(b) - my) for a, b in zip(x, y))
    rh = M(Sxy) / mp.sqrt(M(fss(x) * fss(y)))
    e = [ex("tau_b", tl, Fr(C - D, 66), "stat"), ex("pearson_r", rl, rh, "stat")]
    add("r63", "named_tests", q, "Kendall tau-b (no ties) and Pearson r from (x, y) pairs", ["correlation"], e,
        "list of (x, y) tuples -> Kendall tau-b and Pearson r")


def r64():
    x = draw_norm(50.0, 2.0, 8, 1) + draw_norm(53.0, 2.0, 7, 1)
    q = ("EWMA chart with lambda = 0.2 and L = 3, target 50.0 and known sigma = 2.0; start the EWMA at the target. Readings:\n"
         + ", ".join(f"{i + 1}: {fmt(v, 1)}" for i, v in enumerate(x))
         + "\nUsing the exact (time-varying) limits: what is the EWMA value at sample 15, the UCL at sample 15, and the first "
         "sample at which the EWMA plots outside the limits?")
    got = [float(v) for v in re.findall(r"\d+: ([\d.]+)", q)]
    assert got == x
    lam, L, mu0, sg = Fr(1, 5), 3, Fr(50), Fr(2)
    z = mu0; zh, uh, lh = [], [], []
    for t, v in enumerate(x, 1):
        z = lam * F(v) + (1 - lam) * z
        hw = L * M(sg) * mp.sqrt(M(lam / (2 - lam) * (1 - (1 - lam) ** (2 * t))))
        zh.append(z); uh.append(M(mu0) + hw); lh.append(M(mu0) - hw)
    fh = next(t + 1 for t in range(15) if M(zh[t]) > uh[t] or M(zh[t]) < lh[t])
    assert all(min(abs(M(zh[t]) - uh[t]), abs(M(zh[t]) - lh[t])) > 1e-3 for t in range(fh))
    # library: closed form z_t = lam*sum (1-lam)^(t-i) x_i + (1-lam)^t mu0
    xa = np.array(x); tt = np.arange(1, 16)
    zl = np.array([0.2 * np.sum(0.8 ** (t - np.arange(1, t + 1)) * xa[:t]) + 0.8 ** t * 50 for t in tt])
    ul = 50 + 3 * 2 * np.sqrt(0.2 / 1.8 * (1 - 0.8 ** (2 * tt)))
    fl = int(np.argmax((zl > ul) | (zl < 100 - ul))) + 1
    e = [ex("ewma_15", zl[-1], zh[-1], "loc"), ex("UCL_15", ul[-1], uh[-1], "loc"), ex("first_signal", fl, fh, "int")]
    add("r64", "named_tests", q, "EWMA lambda=0.2 L=3 with exact limits, z0 = target", ["control_chart"], e,
        "numbered readings -> EWMA at 15, exact UCL at 15, first out-of-control sample")


def r65():
    x = draw_norm(10.0, 0.5, 10, 2) + draw_norm(10.6, 0.5, 10, 2)
    q = ("Tabular CUSUM: target 10.00, known sigma 0.50, k = 0.5 sigma, h = 5 sigma, both one-sided CUSUMs starting at zero.\n"
         "Samples 1-10:  " + " ".join(fmt(v, 2) for v in x[:10]) + "\nSamples 11-20: " + " ".join(fmt(v, 2) for v in x[10:])
         + "\nWhat are C+ and C- after sample 20, and at which sample does C+ first exceed h?")
    got = nums(q.split("Samples 1-10:  ")[1].split("\n")[0]) + nums(q.split("Samples 11-20: ")[1].split("\n")[0])
    assert got == x
    K, H, mu0 = Fr(1, 4), Fr(5, 2), Fr(10)
    cp = cm = Fr(0); first = None; cps = []
    for t, v in enumerate(x, 1):
        cp = max(Fr(0), F(v) - (mu0 + K) + cp); cm = max(Fr(0), (mu0 - K) - F(v) + cm)
        cps.append(cp)
        if first is None and cp > H:
            first = t
    assert first is not None and all(abs(c - H) > Fr(1, 100) for c in cps)
    # library: Lindley form C_t = S_t - min_{0<=j<=t} S_j
    Sp = np.concatenate([[0], np.cumsum(np.array(x) - 10.25)]); Sm = np.concatenate([[0], np.cumsum(9.75 - np.array(x))])
    cpl = Sp - np.minimum.accumulate(Sp); cml = Sm - np.minimum.accumulate(Sm)
    fl = int(np.argmax(cpl[1:] > 2.5)) + 1
    e = [ex("C_plus_20", cpl[-1], cp, "loc"),
         ex("C_minus_20", cml[-1], cm, "int") if cm == 0 else ex("C_minus_20", cml[-1], cm, "loc"),
         ex("first_signal", fl, first, "int")]
    add("r65", "named_tests", q, "tabular CUSUM K=0.25, H=2.5 in data units", ["control_chart"], e,
        "two rows of samples -> CUSUM C+ and C− at 20, first C+ > h")


def r66():
    x = [int(v) for v in np.rint(rng.normal(23, 5, 18))]
    assert 20 in x
    q = ("Call-handling times (min) from the Tuesday help-desk log: " + ", ".join(map(str, x))
         + ". Sign test (exact binomial, values equal to the hypothesised median dropped): does the median differ from 20 min, "
         "two-sided? How many observations are used, how many are above 20, and what is the p-value?")
    assert [int(v) for v in nums(q.split("log: ")[1].split(". Sign")[0])] == x
    used = [v for v in x if v != 20]; k = sum(1 for v in used if v > 20); n = len(used)
    pl = stats.binomtest(k, n, 0.5).pvalue
    tail = Fr(sum(comb(n, i) for i in range(0, min(k, n - k) + 1)), 2 ** n)
    e = [ex("n_used", len(used), n, "int"), ex("n_above", k, sum(1 for v in x if v > 20), "int"), ex("p_value", pl, min(Fr(1), 2 * tail), "p")]
    add("r66", "named_tests", q, "one-sample sign test vs 20, ties dropped, exact two-sided", ["sign_test"], e,
        "integer times with ties at 20 -> sign test n used, n above, exact p")


def r67():
    runs = [[1 if (i >> b) & 1 else -1 for b in range(4)] for i in range(16)]
    y = rnd([50 + 3.0 * A + 2.0 * C - 1.75 * A * C + 0.6 * D + rng.normal(0, 0.8) for A, B, C, D in runs], 1)
    sym = lambda v: "+" if v > 0 else "-"
    lines = ["run  A  B  C  D   yield"] + [f"{i + 1:>3}  " + "  ".join(sym(v) for v in r) + f"   {fmt(y[i], 1)}" for i, r in enumerate(runs)]
    q = ("Unreplicated 2^4 screening run in standard order (A = temperature, B = time, C = catalyst, D = stirring):\n\n" + "\n".join(lines)
         + "\n\nEstimate all 15 effects (effect = mean at + minus mean at -) and use Lenth's method. I'd like the A effect, the AC "
         "interaction effect, Lenth's pseudo standard error (PSE) and the margin of error ME (95 %, t with m/3 = 5 df).")
    got_r, got_y = [], []
    for l in q.split("\n\n")[1].split("\n")[1:]:
        p = l.split()
        got_r.append([1 if s == "+" else -1 for s in p[1:5]]); got_y.append(float(p[5]))
    assert got_r == runs and got_y == y
    masks = list(range(1, 16))
    names = ["".join("ABCD"[b] for b in range(4) if (m >> b) & 1) for m in masks]
    col = lambda r, m: int(np.prod([r[b] for b in range(4) if (m >> b) & 1]))
    X = np.array([[1] + [col(r, m) for m in masks] for r in runs], float)
    effl = 2 * np.linalg.lstsq(X, np.array(y), rcond=None)[0][1:]
    effh = [sum(F(y[i]) * col(runs[i], m) for i in range(16)) / 8 for m in masks]
    for a_, b_ in zip(effl, effh):
        agree(a_, b_, "effect")
    absl = np.abs(effl); s0l = 1.5 * np.median(absl); psel = 1.5 * np.median(absl[absl < 2.5 * s0l])
    absh = sorted(abs(v) for v in effh); s0h = Fr(3, 2) * absh[7]
    assert all(abs(v - Fr(5, 2) * s0h) > Fr(1, 1000) for v in absh)
    kept = [v for v in absh if v < Fr(5, 2) * s0h]
    medk = kept[len(kept) // 2] if len(kept) % 2 else (kept[len(kept) // 2 - 1] + kept[len(kept) // 2]) / 2
    pseh = Fr(3, 2) * medk
    iA, iAC = names.index("A"), names.index("AC")
    e = [ex("effect_A", effl[iA], effh[iA], "loc"), ex("effect_AC", effl[iAC], effh[iAC], "loc"), ex("PSE", psel, pseh, "stat"),
         ex("ME", stats.t.ppf(0.975, 5) * psel, t_ppf(0.975, 5) * M(pseh), "stat")]
    add("r67", "named_tests", q, "2^4 effects (difference of means), Lenth PSE and ME = t(0.975, 5)*PSE", ["doe_effects"], e,
        "unreplicated 2⁴ in +/- notation -> effects A, AC, Lenth PSE and ME")


def r68():
    pts = [(-1, -1), (1, -1), (-1, 1), (1, 1)] + [(0, 0)] * 5
    y = rnd([80 + 2.0 * a + 1.5 * b + 0.5 * a * b + (2.5 if a == 0 else 0) + rng.normal(0, 0.5) for a, b in pts], 1)
    lines = ["A,B,y"] + [f"{a},{b},{fmt(v, 1)}" for (a, b), v in zip(pts, y)]
    q = ("2^2 design with five centre points, coded units:\n\n" + "\n".join(lines)
         + "\n\nSingle-degree-of-freedom test for curvature against pure error from the centre points: SS(curvature), F and p?")
    rows = list(csv.DictReader(io.StringIO(q.split("\n\n")[1])))
    assert [(int(r["A"]), int(r["B"])) for r in rows] == pts and [float(r["y"]) for r in rows] == y
    Xd = np.array([[1, a, b, a * b, 1 if a == 0 else 0] for a, b in pts], float)
    res = sm.OLS(np.array(y), Xd).fit()
    Fl = res.tvalues[4] ** 2; mse = res.mse_resid
    yf, yc = y[:4], y[4:]
    ssc = Fr(4 * 5, 9) * (fmean(yf) - fmean(yc)) ** 2
    mspe = fvar(yc)
    e = [ex("SS_curvature", Fl * mse, ssc, "stat"), ex("F", Fl, ssc / mspe, "stat"), ex("p_value", res.pvalues[4], f_sf(ssc / mspe, 1, 4), "p")]
    add("r68", "named_tests", q, "curvature SS = nF nC (ybarF - ybarC)^2/(nF+nC), F vs MS pure error (4 df)", ["doe_curvature"], e,
        "coded CSV of 2² + 5 centres -> curvature SS, F, p")


def gauss_solve(A, b):
    n = len(A)
    Mx = [list(A[i]) + [b[i]] for i in range(n)]
    for c in range(n):
        p = next(r for r in range(c, n) if Mx[r][c] != 0)
        Mx[c], Mx[p] = Mx[p], Mx[c]
        for r in range(n):
            if r != c and Mx[r][c] != 0:
                f = Mx[r][c] / Mx[c][c]
                Mx[r] = [vr - f * vc for vr, vc in zip(Mx[r], Mx[c])]
    return [Mx[i][n] / Mx[i][i] for i in range(n)]


def r69():
    a = 1.414
    pts = [(-1, -1), (1, -1), (-1, 1), (1, 1), (-a, 0), (a, 0), (0, -a), (0, a)] + [(0, 0)] * 5
    y = rnd([80 + 1.2 * p - 0.8 * s - 2.0 * p * p - 1.5 * s * s + 0.6 * p * s + rng.normal(0, 0.4) for p, s in pts], 1)
    lines = ["    x1      x2       y"] + [f"{fmt(p, 3):>6}  {fmt(s, 3):>6}  {fmt(v, 1):>6}" for (p, s), v in zip(pts, y)]
    q = ("Central composite design, two factors in coded units (alpha = 1.414), five centre runs:\n\n" + "\n".join(lines)
         + "\n\nFit the full quadratic model. Where is the stationary point (coded x1, x2), what is the predicted response there, "
         "and what are the two eigenvalues of the quadratic part (canonical analysis)?")
    g = [nums(l) for l in q.split("\n\n")[1].split("\n")[1:]]
    assert [(r[0], r[1]) for r in g] == [(float(p), float(s)) for p, s in pts] and [r[2] for r in g] == y
    # library
    X = np.array([[1, p, s, p * p, s * s, p * s] for p, s in pts]); bl = np.linalg.lstsq(X, np.array(y), rcond=None)[0]
    Bl = np.array([[bl[3], bl[5] / 2], [bl[5] / 2, bl[4]]]); xl = -0.5 * np.linalg.solve(Bl, bl[1:3])
    yl = bl[0] + 0.5 * xl @ bl[1:3]; el = np.sort(np.linalg.eigvalsh(Bl))[::-1]
    # hand: exact normal equations
    Xf = [[Fr(1), F(p), F(s), F(p) ** 2, F(s) ** 2, F(p) * F(s)] for p, s in pts]
    XtX = [[sum(r[i] * r[j] for r in Xf) for j in range(6)] for i in range(6)]
    Xty = [sum(r[i] * F(v) for r, v in zip(Xf, y)) for i in range(6)]
    b = gauss_solve(XtX, Xty)
    B = [[b[3], b[5] / 2], [b[5] / 2, b[4]]]
    det = B[0][0] * B[1][1] - B[0][1] * B[1][0]
    Binv = [[B[1][1] / det, -B[0][1] / det], [-B[1][0] / det, B[0][0] / det]]
    xs = [-(Binv[i][0] * b[1] + Binv[i][1] * b[2]) / 2 for i in range(2)]
    ys = b[0] + (xs[0] * b[1] + xs[1] * b[2]) / 2
    tr = M(B[0][0] + B[1][1]); disc = mp.sqrt(tr ** 2 - 4 * M(det))
    assert el[0] < 0 and el[1] < 0
    e = [ex("x1_stationary", xl[0], xs[0], "stat"), ex("x2_stationary", xl[1], xs[1], "stat"), ex("y_stationary", yl, ys, "loc"),
         ex("eigenvalue_1", el[0], (tr + disc) / 2, "stat"), ex("eigenvalue_2", el[1], (tr - disc) / 2, "stat")]
    add("r69", "named_tests", q, "second-order RSM fit on a CCD: stationary point, predicted y, eigenvalues (both negative: maximum)",
        ["rsm_fit"], e, "CCD table in coded units -> stationary point, predicted response, canonical eigenvalues")


def r70():
    ym, yw = int(rng.binomial(40, 0.3)), int(rng.binomial(50, 0.4))
    q = (f"We asked 40 men and 50 women (different people) whether they would buy the product again: {ym} of the men and {yw} of the "
         "women said yes. Run McNemar's test (exact) on this and give me the p-value.")
    assert re.search(r"again: (\d+) of the men and (\d+) of the women", q).groups() == (str(ym), str(yw))
    add("r70", "named_tests", q, "REFUSE: McNemar needs paired yes/no outcomes; these are two independent groups", ["mcnemar"], [],
        "REFUSE: McNemar asked for two independent groups (men vs women)", refuse=True,
        reason="McNemar's test requires paired binary outcomes on the same subjects; the data are two independent groups, so there are no discordant pairs")


# ----------------------------------------------------------------------------- main

def main():
    for i in range(1, 71):
        CUR[0] = f"r{i:02d}"
        globals()[CUR[0]]()
    assert len(QS) == 70
    counts = {k: sum(1 for q in QS if q["kind"] == k) for k in KINDS}
    assert all(v == 14 for v in counts.values())
    assert len(REFUSALS) == 7 and all(any(q["refuse"] and q["kind"] == k for q in QS) for k in KINDS)
    for i, q in enumerate(QS):
        assert q["kind"] == KINDS[i // 14]
        assert list(q.keys()) == ["id", "kind", "question", "intent", "tools", "expect", "refuse"]
    text = "".join(json.dumps(q, ensure_ascii=False) + "\n" for q in QS)
    with open(os.path.join(HERE, "round45.jsonl"), "w", encoding="utf-8", newline="\n") as fh:
        fh.write(text)
    md5 = hashlib.md5(text.encode("utf-8")).hexdigest()
    meta = {"round": 45, "seed": 45454545, "n_questions": len(QS), "counts": counts,
            "refusals": [{"id": k, "reason": v} for k, v in REFUSALS.items()], "md5_round45_jsonl": md5}
    with open(os.path.join(HERE, "round45_meta.json"), "w", encoding="utf-8", newline="\n") as fh:
        fh.write(json.dumps(meta, ensure_ascii=False, indent=2) + "\n")
    readme = [
        "# Round 45 blind evaluation set",
        "",
        "70 questions for the maths / statistics / engineering question-answering agent, 5 kinds x 14:",
        "tables and layouts (r01-r14), intent carried by wording (r15-r28), numbers in prose with roles and",
        "distractors (r29-r42), mathematics (r43-r56) and tests/methods named by the user (r57-r70).",
        "",
        "## How it was written",
        "",
        "- Written blind: the only project file read was TOOLS.txt (tool names and one-line descriptions);",
        "  every question asks for numbers that one of those tools can plausibly compute.",
        "- All data are drawn from `numpy.random.default_rng(45454545)` in id order and rounded at draw time,",
        "  so the decimals printed in each question are exactly the data. Each question's data are parsed",
        "  back out of its own text (CSV/TSV/markdown/JSON/YAML/log/prose parsers) and asserted equal to the draw.",
        "- Every expected value is computed twice, (a) with a library (scipy.stats, statsmodels, sympy, numpy)",
        "  and (b) independently by hand (exact fractions, explicit formulas, exact enumeration of null",
        "  distributions, mpmath incomplete beta/gamma and quadrature, Simpson-rule d2/d3), and the two must agree",
        "  (relative 1e-4, integers exactly).",
        "- Tolerances (absolute, in `tol`): statistics 0.1 % of the value; location values (means, medians, CI",
        "  ends, chart centre lines, effects) 2e-5 relative; p-values 0.1 % relative with a floor of 1e-6;",
        "  Shewhart limits widened by |limit(tabulated constants) - limit(exact constants)|; maths 1e-4 relative",
        "  + 1e-6; integers 0.",
        f"- 7 questions are ill-posed, contradictory or missing essentials (`refuse: true`, empty `expect`): {', '.join(REFUSALS)}.",
        "",
        "## Files",
        "",
        "- `make_round45.py`: the generator (run with the project's Python; numpy, scipy, statsmodels, sympy, mpmath).",
        "- `round45.jsonl`: 70 lines, keys id, kind, question, intent, tools, expect [{name, value, tol}], refuse.",
        "- `round45_meta.json`: counts per kind, refusal ids with reasons, md5 of round45.jsonl.",
        "- `README.md`: this file.",
        "",
        "## Determinism",
        "",
        "Running `python make_round45.py` rewrites all three outputs byte-identically and prints",
        f"`OK <md5> <counts> <refusals>`. md5(round45.jsonl) = `{md5}`.",
        "",
        "## Questions",
        "",
    ] + README_LINES + [""]
    with open(os.path.join(HERE, "README.md"), "w", encoding="utf-8", newline="\n") as fh:
        fh.write("\n".join(readme))
    print("OK", md5, json.dumps(counts, separators=(",", ":")), ",".join(REFUSALS))


if __name__ == "__main__":
    main()
