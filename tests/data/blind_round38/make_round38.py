#!/usr/bin/env python3
"""Generator for blind test round 38 (70 questions, five kinds, 7 refusals).

Deterministic: every random number comes from numpy.random.default_rng(38383838),
drawn in question-id order and rounded at draw time.  For every non-refusal
expectation the value is computed twice -- (a) with a library (scipy / statsmodels /
sympy / numpy design matrices) and (b) independently by hand (explicit formulas,
exact null distributions by enumeration / dynamic programming, mpmath numerics) --
and the two are asserted to agree.  Each question's data are re-parsed from its own
text and asserted equal to the originals.  Writes round38.jsonl, round38_meta.json
and README.md next to this script.
"""
import hashlib
import itertools
import json
import math
import os
import re
import sys
from fractions import Fraction as Fr

import mpmath as mp
import numpy as np
import scipy.integrate as si
import statsmodels.api as sm
import statsmodels.formula.api as smf
import sympy as sp
from scipy import stats
from statsmodels.stats.anova import anova_lm
from statsmodels.stats.contingency_tables import mcnemar as sm_mcnemar
from statsmodels.stats.oneway import anova_oneway as sm_anova_oneway
from statsmodels.stats.power import TTestIndPower
from statsmodels.stats.proportion import proportions_ztest

import warnings
warnings.filterwarnings("ignore")

HERE = os.path.dirname(os.path.abspath(__file__))
mp.mp.dps = 30
rng = np.random.default_rng(38383838)

# ----------------------------------------------------------------------------
# drawing helpers (rounded at draw time)
# ----------------------------------------------------------------------------

def dN(mu, sd, n, d):
    return [round(float(v), d) for v in rng.normal(mu, sd, n)]


def dU(lo, hi, n, d):
    return [round(float(v), d) for v in rng.uniform(lo, hi, n)]


def dI(lo, hi, n):
    return [int(v) for v in rng.integers(lo, hi + 1, n)]


def dPois(lam, n):
    return [int(v) for v in rng.poisson(lam, n)]


def dBin(nn, p):
    return [int(v) for v in rng.binomial(nn, p)]


def f(v, d):
    return f"{v:.{d}f}"


def nums(s):
    """numbers in text; a minus sign counts only after start/space/bracket/=,:;"""
    return [float(x) for x in re.findall(r"(?:(?:(?<=^)|(?<=[\s(=,:;\[]))-)?(?<![\d.])\d+(?:\.\d+)?", s)]


# ----------------------------------------------------------------------------
# agreement helpers
# ----------------------------------------------------------------------------

def agree(a, b, name, rel=1e-4, absf=1e-12):
    a = float(a)
    b = float(b)
    assert abs(a - b) <= rel * max(abs(a), abs(b)) + absf, (name, a, b)
    return a


def agree_int(a, b, name):
    assert int(a) == int(b) and float(a) == float(b), (name, a, b)
    return int(a)


def sig(v, k=9):
    return float(f"{float(v):.{k}g}")


def E(name, value, tol=None, rel=1e-3, floor=0.0):
    if isinstance(value, (int, np.integer)) and not isinstance(value, bool):
        return {"name": name, "value": int(value), "tol": 0 if tol is None else tol}
    value = float(value)
    if tol is None:
        tol = max(rel * abs(value), floor)
    tol = float(f"{tol:.2g}")
    v = sig(value)
    assert abs(v - value) < tol / 20, (name, v, value, tol)
    return {"name": name, "value": v, "tol": tol}


P_IDS = set()


def Ep(name, p):
    """p-value expectation: relative 1e-3, floor 5e-5."""
    e = E(name, p, tol=max(1e-3 * p, 5e-5))
    P_IDS.add(id(e))
    return e


def is_p(e):
    return id(e) in P_IDS or re.search(r"(?:^|[\s(])p(?:$|[\s,_(])", e["name"].lower()) is not None


def differs(wrong, exp, what):
    assert abs(float(wrong) - exp["value"]) > exp["tol"], ("wrong method not separated", what, wrong, exp)


# ----------------------------------------------------------------------------
# hand (mpmath / Fraction) statistics
# ----------------------------------------------------------------------------

def F_(x):
    return Fr(str(x)) if not isinstance(x, Fr) else x


def h_mean(xs):
    xs = [F_(x) for x in xs]
    return sum(xs) / len(xs)


def h_ss(xs):
    m = h_mean(xs)
    return sum((F_(x) - m) ** 2 for x in xs)


def h_var(xs):
    return h_ss(xs) / (len(xs) - 1)


def h_sd(xs):
    return mp.sqrt(mp.mpf(h_var(xs).numerator) / h_var(xs).denominator)


def mpq(fr):
    fr = F_(fr)
    return mp.mpf(fr.numerator) / fr.denominator


def h_t_p2(t, df):
    t = mp.mpf(t)
    df = mp.mpf(df)
    return mp.betainc(df / 2, mp.mpf(1) / 2, 0, df / (df + t * t), regularized=True)


def h_t_sf(t, df):
    t = mp.mpf(t)
    half = h_t_p2(t, df) / 2
    return half if t > 0 else 1 - half


def h_t_ppf(q, df):
    return mp.findroot(lambda t: (1 - h_t_sf(t, df)) - q, h_norm_ppf(q))


def h_F_sf(F, d1, d2):
    F = mp.mpf(F)
    d1 = mp.mpf(d1)
    d2 = mp.mpf(d2)
    return mp.betainc(d2 / 2, d1 / 2, 0, d2 / (d2 + d1 * F), regularized=True)


def h_F_cdf(F, d1, d2):
    return 1 - h_F_sf(F, d1, d2)


def h_chi2_sf(x, k):
    return mp.gammainc(mp.mpf(k) / 2, mp.mpf(x) / 2, mp.inf, regularized=True)


def h_norm_sf(z):
    return mp.erfc(mp.mpf(z) / mp.sqrt(2)) / 2


def h_norm_cdf(z):
    return 1 - h_norm_sf(z)


def h_norm_ppf(p):
    return mp.sqrt(2) * mp.erfinv(2 * mp.mpf(p) - 1)


def h_ranks(xs):
    """average ranks, by explicit counting"""
    out = []
    for x in xs:
        less = sum(1 for y in xs if y < x)
        eq = sum(1 for y in xs if y == x)
        out.append(Fr(2 * less + eq + 1, 2))
    return out


def no_ties(xs):
    return len(set(xs)) == len(xs)


def h_pearson(x, y):
    x = [F_(v) for v in x]
    y = [F_(v) for v in y]
    mx, my = sum(x) / len(x), sum(y) / len(y)
    sxy = sum((a - mx) * (b - my) for a, b in zip(x, y))
    sxx = sum((a - mx) ** 2 for a in x)
    syy = sum((b - my) ** 2 for b in y)
    return mpq(sxy) / mp.sqrt(mpq(sxx) * mpq(syy))


def h_simple_reg(x, y):
    x = [F_(v) for v in x]
    y = [F_(v) for v in y]
    n = len(x)
    mx, my = sum(x) / n, sum(y) / n
    sxy = sum((a - mx) * (b - my) for a, b in zip(x, y))
    sxx = sum((a - mx) ** 2 for a in x)
    syy = sum((b - my) ** 2 for b in y)
    b1 = sxy / sxx
    b0 = my - b1 * mx
    r2 = sxy * sxy / (sxx * syy)
    return b1, b0, r2


def h_oneway(groups):
    allv = [F_(v) for g in groups for v in g]
    gm = sum(allv) / len(allv)
    ssb = sum(len(g) * (h_mean(g) - gm) ** 2 for g in groups)
    ssw = sum(h_ss(g) for g in groups)
    k = len(groups)
    N = len(allv)
    F = (ssb / (k - 1)) / (ssw / (N - k))
    return F, k - 1, N - k, ssw / (N - k)


def d2_exact_lib(n):
    val, _ = si.quad(lambda x: 1 - stats.norm.cdf(x) ** n - stats.norm.sf(x) ** n, -np.inf, np.inf, epsabs=1e-13, epsrel=1e-12)
    return val


def d3_exact_lib(n):
    d2 = d2_exact_lib(n)
    g = lambda y, x: 1 - stats.norm.cdf(y) ** n - stats.norm.sf(x) ** n + (stats.norm.cdf(y) - stats.norm.cdf(x)) ** n
    er2, _ = si.dblquad(g, -12, 12, lambda x: x, lambda x: 12, epsabs=1e-11, epsrel=1e-10)
    return math.sqrt(2 * er2 - d2 ** 2)


def d2_exact_mp(n):
    with mp.workdps(20):
        return mp.quad(lambda x: 1 - mp.ncdf(x) ** n - mp.ncdf(-x) ** n, [-mp.inf, 0, mp.inf])


def simpson_w(a, b, m):
    """Simpson nodes and weights on [a, b] with m (even) intervals"""
    xs = np.linspace(a, b, m + 1)
    w = np.ones(m + 1)
    w[1:-1:2] = 4
    w[2:-1:2] = 2
    return xs, w * (b - a) / (3 * m)


def Phi_np(x):
    from scipy.special import erf  # elementary special function only
    return 0.5 * (1 + erf(np.asarray(x) / math.sqrt(2)))


def d3_exact_grid(n):
    """E[R^2] = 2 int int_{w>0} P(min < x, max > x + w) dw dx on a Simpson grid (hand)"""
    xs, wx = simpson_w(-9, 9, 1800)
    ws, ww = simpson_w(0, 14, 1400)
    X, W = np.meshgrid(xs, ws, indexing="ij")
    Fx, Fy = Phi_np(X), Phi_np(X + W)
    g = 1 - Fy ** n - (1 - Fx) ** n + (Fy - Fx) ** n
    er2 = 2 * wx @ g @ ww
    d2 = float(d2_exact_mp(n))
    return math.sqrt(er2 - d2 ** 2)


SPC_TABLE = {4: dict(d2=2.059, d3=0.880, A2=0.729, D3=0.0, D4=2.282),
             5: dict(d2=2.326, d3=0.864, A2=0.577, D3=0.0, D4=2.114)}
_CONST = {}


def spc_consts(n):
    """A2, D4, d2 from exact d2/d3 computed two ways (scipy quad vs mpmath)"""
    if n in _CONST:
        return _CONST[n]
    d2a, d3a = d2_exact_lib(n), d3_exact_lib(n)
    d2b, d3b = d2_exact_mp(n), d3_exact_grid(n)
    agree(d2a, d2b, f"d2({n})", rel=1e-7)
    agree(d3a, d3b, f"d3({n})", rel=1e-5)
    t = SPC_TABLE[n]
    assert abs(d2a - t["d2"]) < 6e-4 and abs(d3a - t["d3"]) < 6e-4
    A2 = 3 / (d2a * math.sqrt(n))
    D4 = 1 + 3 * d3a / d2a
    assert abs(A2 - t["A2"]) < 6e-4 and abs(D4 - t["D4"]) < 1e-3
    _CONST[n] = dict(d2=d2a, d3=d3a, A2=A2, D4=D4, d2m=d2b, d3m=d3b)
    return _CONST[n]


# ----------------------------------------------------------------------------
# question registry
# ----------------------------------------------------------------------------

Q = []
TOOLS = []
with open(os.path.join(HERE, "TOOLS.txt")) as fh:
    for line in fh:
        if line.strip():
            TOOLS.append(line.split()[0])


def add(kind, topic, question, intent, tools, expect, refuse=False, reason=None):
    qid = f"h{len(Q) + 1:02d}"
    tools = list(dict.fromkeys(list(tools) + ["dsl_run"]))
    Q.append(dict(id=qid, kind=kind, question=question, intent=intent, tools=tools,
                  expect=[] if refuse else expect, refuse=refuse,
                  _topic=topic, _reason=reason))
    return qid


# ============================================================================
# KIND 1 -- tables that are not plain numeric columns
# ============================================================================

def h01():
    a = dN(412, 15, 10, 1)
    d = dN(2.5, 3.0, 10, 1)
    b = [round(x - y, 1) for x, y in zip(a, d)]
    names = [f"BR-{i:02d}" for i in range(1, 11)]
    csv = "specimen,lab_A_MPa,lab_B_MPa\n" + "\n".join(f"{n},{f(x, 1)},{f(y, 1)}" for n, x, y in zip(names, a, b))
    q = ("Two labs tensile-tested the same ten brackets (each bracket was cut in half and one half went to each lab). "
         "Is there a systematic difference between the labs?\n\n" + csv)
    # (c) re-parse
    rows = [ln.split(",") for ln in q.split("\n") if ln.startswith("BR-")]
    assert [r[0] for r in rows] == names and [float(r[1]) for r in rows] == a and [float(r[2]) for r in rows] == b
    # (a)
    res = stats.ttest_rel(a, b)
    md_a = float(np.mean(np.array(a) - np.array(b)))
    # (b)
    dd = [F_(x) - F_(y) for x, y in zip(a, b)]
    md = h_mean(dd)
    t = mpq(md) / (h_sd(dd) / mp.sqrt(10))
    p = h_t_p2(t, 9)
    agree(md_a, mpq(md), "h01 md")
    agree(res.statistic, t, "h01 t")
    agree(res.pvalue, p, "h01 p")
    ex = [E("mean difference A-B (MPa)", md_a), E("paired t", float(t)), Ep("p two-sided", float(p))]
    differs(stats.ttest_ind(a, b).pvalue, ex[2], "unpaired")
    add(1, "CSV with named specimens and two paired lab columns -> paired t-test", q,
        "Paired t-test on lab_A - lab_B over the 10 specimens (df 9), two-sided.", ["t_test"], ex)


def h02():
    days = ["Mon", "Tue", "Wed", "Thu", "Fri"]
    c = dPois(38, 5)
    lines = "\n".join(f"{d}: {v}" for d, v in zip(days, c))
    q = ("Defects logged by weekday over the last quarter (same production volume every day):\n" + lines +
         "\nIs there a day-of-week effect, or is this consistent with defects being spread evenly over the week?")
    got = [int(m) for m in re.findall(r"^(?:Mon|Tue|Wed|Thu|Fri): (\d+)$", q, re.M)]
    assert got == c
    r = stats.chisquare(c)
    tot = sum(c)
    e = Fr(tot, 5)
    chi = sum((v - e) ** 2 / e for v in c)
    p = h_chi2_sf(mpq(chi), 4)
    agree(r.statistic, mpq(chi), "h02 chi")
    agree(r.pvalue, p, "h02 p")
    ex = [E("chi-square (df 4)", float(mpq(chi))), Ep("p", float(p))]
    add(1, "`day: count` lines -> chi-square goodness of fit to equal frequencies", q,
        "Chi-square goodness-of-fit of the 5 counts against equal expected counts (df 4).", ["chi_square"], ex)


def h03():
    n = dI(150, 300, 12)
    x = dBin(n, 0.05)
    lots = list(range(1, 13))
    csv = "lot,inspected,rejected\n" + "\n".join(f"{l},{a},{b}" for l, a, b in zip(lots, n, x))
    k = int(np.argmax(n)) + 1
    q = ("Attribute data from incoming inspection (varying lot sizes). Can you set up the p chart? "
         f"I need the centre line and the control limits that apply to lot {k}.\n" + csv)
    rows = [list(map(int, ln.split(","))) for ln in q.split("\n") if re.fullmatch(r"\d+,\d+,\d+", ln)]
    assert [r[1] for r in rows] == n and [r[2] for r in rows] == x
    # (a) numpy
    pbar = np.sum(x) / np.sum(n)
    ucl = pbar + 3 * np.sqrt(pbar * (1 - pbar) / n[k - 1])
    lcl = pbar - 3 * np.sqrt(pbar * (1 - pbar) / n[k - 1])
    # (b) exact fractions
    pb = Fr(sum(x), sum(n))
    s = mp.sqrt(mpq(pb * (1 - pb) / n[k - 1]))
    agree(pbar, mpq(pb), "h03 pbar")
    agree(ucl, mpq(pb) + 3 * s, "h03 ucl")
    agree(lcl, mpq(pb) - 3 * s, "h03 lcl")
    assert lcl > 0
    ex = [E("p-bar (centre line)", pbar, rel=5e-4), E(f"UCL lot {k}", ucl, rel=5e-4), E(f"LCL lot {k}", lcl, tol=5e-5)]
    nbar = np.mean(n)
    differs(pbar + 3 * np.sqrt(pbar * (1 - pbar) / nbar), ex[1], "average n")
    add(1, "CSV lot/inspected/rejected (varying n) -> p chart limits for one lot", q,
        f"p chart: p-bar = total rejected / total inspected; 3-sigma limits for lot {k} use its own n: p-bar +/- 3 sqrt(p-bar(1-p-bar)/n_k).",
        ["control_chart", "summary_chart"], ex)


def h04():
    c = dBin([400] * 15, 0.05)
    lines = "\n".join(f"L{i:02d} -> {v}" for i, v in enumerate(c, 1))
    q = ("every lot we pull 400 connectors and count how many are rejects. np chart limits?\n" + lines)
    got = [int(m) for m in re.findall(r"^L\d\d -> (\d+)$", q, re.M)]
    assert got == c
    npb = np.mean(c)
    pb = npb / 400
    ucl = npb + 3 * np.sqrt(npb * (1 - pb))
    lcl = npb - 3 * np.sqrt(npb * (1 - pb))
    npb_h = Fr(sum(c), 15)
    s = mp.sqrt(mpq(npb_h * (1 - npb_h / 400)))
    agree(npb, mpq(npb_h), "h04 cl")
    agree(ucl, mpq(npb_h) + 3 * s, "h04 ucl")
    agree(lcl, mpq(npb_h) - 3 * s, "h04 lcl")
    assert lcl > 0
    ex = [E("centre line n*p-bar", npb, tol=0.01), E("UCL", ucl, tol=0.01), E("LCL", lcl, tol=0.01)]
    differs(npb + 3 * np.sqrt(npb), ex[1], "c chart")
    add(1, "`lot -> count` lines with constant n=400 -> np chart", q,
        "np chart with n = 400: centre = mean count, limits = n p-bar +/- 3 sqrt(n p-bar (1 - p-bar)).",
        ["control_chart", "summary_chart"], ex)


def h05():
    x = [150, 155, 160, 165, 170, 175, 180, 185, 190, 195, 200, 205]
    e = dN(0, 1.2, 12, 1)
    y = [round(42 + 0.21 * a + b, 1) for a, b in zip(x, e)]
    ids = [f"B{700 + i}" for i in range(12)]
    csv = "batch,temp_C,yield_pct\n" + "\n".join(f"{i},{a},{f(b, 1)}" for i, a, b in zip(ids, x, y))
    q = ("how does yield depend on reactor temp? fit a straight line please, want slope, intercept and R^2\n\n" + csv)
    rows = [ln.split(",") for ln in q.split("\n") if ln.startswith("B7")]
    assert [int(r[1]) for r in rows] == x and [float(r[2]) for r in rows] == y
    r = stats.linregress(x, y)
    b1, b0, r2 = h_simple_reg(x, y)
    agree(r.slope, mpq(b1), "h05 b1")
    agree(r.intercept, mpq(b0), "h05 b0")
    agree(r.rvalue ** 2, mpq(r2), "h05 r2")
    ex = [E("slope (% per degC)", r.slope), E("intercept", r.intercept), E("R^2", r.rvalue ** 2, rel=5e-4)]
    add(1, "CSV batch/temp/yield (ID column + predictor + response) -> simple linear regression", q,
        "Least-squares regression of yield_pct on temp_C (batch is only an identifier).", ["regression"], ex)


def h06():
    lam = np.array([[22, 14, 9, 6], [18, 16, 12, 9], [12, 19, 17, 15]])
    cnt = [[int(v) for v in rng.poisson(row)] for row in lam]
    rows = ["Day", "Swing", "Night"]
    cols = ["Scratch", "Dent", "Misalign", "Contam"]
    hdr = "         " + "".join(f"{c:>10}" for c in cols)
    body = "\n".join(f"{r:<9}" + "".join(f"{v:>10}" for v in row) for r, row in zip(rows, cnt))
    q = ("Defect type by shift, counts from the last 3 months:\n\n" + hdr + "\n" + body +
         "\n\nIs defect type related to shift?")
    parsed = [list(map(int, ln.split()[1:])) for ln in q.split("\n") if ln.split() and ln.split()[0] in rows]
    assert parsed == cnt
    chi, p, dof, expd = stats.chi2_contingency(cnt)
    R = [sum(r) for r in cnt]
    C = [sum(c) for c in zip(*cnt)]
    T = sum(R)
    chi_h = sum(Fr((cnt[i][j] * T - R[i] * C[j]) ** 2, T * R[i] * C[j]) for i in range(3) for j in range(4))
    p_h = h_chi2_sf(mpq(chi_h), 6)
    assert dof == 6 and min(Fr(R[i] * C[j], T) for i in range(3) for j in range(4)) >= 5
    agree(chi, mpq(chi_h), "h06 chi")
    agree(p, p_h, "h06 p")
    ex = [E("chi-square", chi), E("df", 6), Ep("p", p)]
    add(1, "labelled 3x4 contingency table (shift x defect type) -> chi-square independence", q,
        "Pearson chi-square test of independence on the 3x4 table (df 6).", ["chi_square"], ex)


def h_ptukey_sf(q, k, nu):
    """studentized-range upper tail by explicit double integration (Simpson grids, hand)"""
    zs, wz = simpson_w(-9, 9, 1200)
    ss, wsw = simpson_w(1e-9, 4, 1600)
    # P(range of k std normals < r) = k int phi(z) [Phi(z) - Phi(z - r)]^(k-1) dz
    phi = np.exp(-zs ** 2 / 2) / math.sqrt(2 * math.pi)
    R = float(q) * ss
    inner = k * ((phi[None, :] * (Phi_np(zs[None, :]) - Phi_np(zs[None, :] - R[:, None])) ** (k - 1)) @ wz)
    logc = (nu / 2) * math.log(nu) - math.lgamma(nu / 2) - (nu / 2 - 1) * math.log(2)
    dens = np.exp(logc + (nu - 1) * np.log(ss) - nu * ss ** 2 / 2)
    return 1 - float((dens * inner) @ wsw)


def h07():
    A = dN(50.2, 1.0, 8, 2)
    B = dN(51.3, 1.0, 8, 2)
    C = dN(49.9, 1.0, 8, 2)
    md = "| Supplier A | Supplier B | Supplier C |\n|---|---|---|\n" + "\n".join(
        f"| {f(a, 2)} | {f(b, 2)} | {f(c, 2)} |" for a, b, c in zip(A, B, C))
    q = ("Seal strength (N) for three suppliers, 8 seals each. One-way ANOVA please, and tell me specifically whether "
         "B and C differ once you correct for multiple comparisons (Tukey).\n\n" + md)
    rows = [[float(v) for v in ln.strip("|").split("|")] for ln in q.split("\n") if re.match(r"^\| \d", ln)]
    assert [r[0] for r in rows] == A and [r[1] for r in rows] == B and [r[2] for r in rows] == C
    r = stats.f_oneway(A, B, C)
    tk = stats.tukey_hsd(A, B, C)
    Fh, d1, d2, mse = h_oneway([A, B, C])
    ph = h_F_sf(mpq(Fh), d1, d2)
    qstat = abs(mpq(h_mean(B) - h_mean(C))) / mp.sqrt(mpq(mse) / 8)
    ptk = h_ptukey_sf(qstat, 3, 21)
    agree(r.statistic, mpq(Fh), "h07 F")
    agree(r.pvalue, ph, "h07 p")
    agree(tk.pvalue[1, 2], ptk, "h07 tukey")
    ex = [E("F (2, 21)", r.statistic), Ep("ANOVA p", r.pvalue), Ep("Tukey adjusted p, B vs C", tk.pvalue[1, 2])]
    differs(stats.ttest_ind(B, C).pvalue, ex[2], "unadjusted t")
    add(1, "markdown table, three supplier columns -> one-way ANOVA + Tukey B vs C", q,
        "One-way ANOVA (3 groups of 8, F on 2 and 21 df) and the Tukey HSD adjusted p-value for B vs C.",
        ["anova_oneway"], ex)


def h08():
    pr = dU(2.0, 6.0, 14, 1)
    sp_ = [int(v) * 10 for v in rng.integers(80, 161, 14)]
    e = dN(0, 0.8, 14, 2)
    y = [round(20 + 3.1 * a - 0.008 * b + c, 2) for a, b, c in zip(pr, sp_, e)]
    hdr = f"{'run':<5}{'pressure_bar':>14}{'speed_rpm':>11}{'thickness_um':>14}"
    body = "\n".join(f"{i:<5}{f(a, 1):>14}{b:>11}{f(c, 2):>14}" for i, (a, b, c) in enumerate(zip(pr, sp_, y), 1))
    q = ("Coating trial, pasted from the logger (space aligned). Regress thickness on pressure and speed "
         "(both in the model together) - what are the two coefficients and R-squared?\n\n" + hdr + "\n" + body)
    rows = [ln.split() for ln in q.split("\n") if re.match(r"^\d+\s", ln)]
    assert [float(r[1]) for r in rows] == pr and [int(r[2]) for r in rows] == sp_ and [float(r[3]) for r in rows] == y
    X = sm.add_constant(np.column_stack([pr, sp_]))
    fit = sm.OLS(y, X).fit()
    Xs = sp.Matrix([[1, sp.Rational(str(a)), b] for a, b in zip(pr, sp_)])
    ys = sp.Matrix([sp.Rational(str(v)) for v in y])
    beta = (Xs.T * Xs).LUsolve(Xs.T * ys)
    res = ys - Xs * beta
    ybar = sum(ys) / len(ys)
    r2 = 1 - (res.T * res)[0] / sum((v - ybar) ** 2 for v in ys)
    agree(fit.params[1], float(beta[1]), "h08 b1")
    agree(fit.params[2], float(beta[2]), "h08 b2")
    agree(fit.rsquared, float(r2), "h08 r2")
    ex = [E("coef pressure (um per bar)", fit.params[1]), E("coef speed (um per rpm)", fit.params[2]), E("R^2", fit.rsquared, rel=5e-4)]
    add(1, "space-aligned logger table with run column -> multiple regression on two predictors", q,
        "OLS of thickness_um on pressure_bar and speed_rpm with intercept (run is an index).", ["regression"], ex)


def h09():
    size = dI(60, 90, 10)
    dfc = dBin(size, 0.06)
    dfc[5] = size[5] + 7   # impossible entry
    hdr = "Sample\tSize\tDefective"
    body = "\n".join(f"{i}\t{a}\t{b}" for i, (a, b) in enumerate(zip(size, dfc), 1))
    q = ("Need a p chart for these, copied straight from the inspection sheet:\n" + hdr + "\n" + body +
         "\nWhat are the centre line and limits?")
    rows = [list(map(int, ln.split("\t"))) for ln in q.split("\n") if re.fullmatch(r"\d+\t\d+\t\d+", ln)]
    assert [r[1] for r in rows] == size and [r[2] for r in rows] == dfc
    bad = [r[0] for r in rows if r[2] > r[1]]
    assert bad == [6]
    add(1, "REFUSE: tab-separated sample/size/defective sheet where sample 6 has more defectives than units", q,
        "Refuse/ask back: sample 6 reports more defective units than were inspected, so the proportion exceeds 1; the data must be corrected first.",
        ["control_chart"], [], refuse=True,
        reason=f"sample 6 lists {dfc[5]} defectives out of {size[5]} inspected (proportion > 1): impossible data")


def h10():
    gA = dN(12.0, 0.85, 6, 2)
    gB = dN(13.1, 0.85, 7, 2)
    gC = dN(12.4, 0.85, 6, 2)
    rows = [("L1", v) for v in gA] + [("L2", v) for v in gB] + [("L3", v) for v in gC]
    perm = [int(i) for i in rng.permutation(len(rows))]
    rows = [rows[i] for i in perm]
    body = "\n".join(f"{l},{f(v, 2)}" for l, v in rows)
    q = ("Cycle times (s) from three packing lines in long format. They look skewed to me so I'd rather not use an ANOVA - "
         "Kruskal-Wallis?\n\nline,cycle_s\n" + body)
    pr = [ln.split(",") for ln in q.split("\n") if re.match(r"^L\d,", ln)]
    back = {l: [float(v) for (ll, v) in pr if ll == l] for l in ("L1", "L2", "L3")}
    exp_ = {l: [v for (ll, v) in rows if ll == l] for l in ("L1", "L2", "L3")}
    assert back == exp_
    G = [exp_["L1"], exp_["L2"], exp_["L3"]]
    allv = [v for g in G for v in g]
    assert no_ties(allv)
    r = stats.kruskal(*G)
    rk = h_ranks(allv)
    N = len(allv)
    idx = 0
    H = Fr(0)
    for g in G:
        Rg = sum(rk[idx:idx + len(g)])
        H += Rg * Rg / len(g)
        idx += len(g)
    H = Fr(12, N * (N + 1)) * H - 3 * (N + 1)
    p = h_chi2_sf(mpq(H), 2)
    agree(r.statistic, mpq(H), "h10 H")
    agree(r.pvalue, p, "h10 p")
    ex = [E("Kruskal-Wallis H", r.statistic), Ep("p (chi-square, 2 df)", r.pvalue)]
    add(1, "long-format line,value rows (interleaved) -> Kruskal-Wallis", q,
        "Kruskal-Wallis H across L1/L2/L3 (no ties), p from the chi-square approximation with 2 df.", ["kruskal_wallis"], ex)


def h11():
    data = [dN(25.000, 0.011, 4, 3) for _ in range(10)]
    body = "\n".join(f"Subgroup {i}: " + "  ".join(f(v, 3) for v in g) for i, g in enumerate(data, 1))
    q = ("Shaft OD, 4 consecutive parts every hour. Xbar-R chart limits?\n" + body)
    back = [[float(v) for v in ln.split(":")[1].split()] for ln in q.split("\n") if ln.startswith("Subgroup")]
    assert back == data
    K = spc_consts(4)
    arr = np.array(data)
    xbb = arr.mean()
    rbar = np.mean(arr.max(1) - arr.min(1))
    ucl = xbb + K["A2"] * rbar
    uclr = K["D4"] * rbar
    xbb_h = h_mean([v for g in data for v in g])
    rbar_h = h_mean([F_(max(g)) - F_(min(g)) for g in data])
    A2m = 3 / (K["d2m"] * mp.sqrt(4))
    D4m = 1 + 3 * K["d3m"] / K["d2m"]
    agree(xbb, mpq(xbb_h), "h11 xbb", rel=1e-9)
    agree(ucl, mpq(xbb_h) + A2m * mpq(rbar_h), "h11 ucl")
    agree(uclr, D4m * mpq(rbar_h), "h11 uclr")
    ex = [E("grand mean", xbb, tol=5e-5), E("UCL xbar", ucl, tol=1e-4), E("UCL R", uclr, tol=1e-4)]
    # table constants must also pass
    assert abs(xbb + 0.729 * rbar - ucl) < ex[1]["tol"] and abs(2.282 * rbar - uclr) < ex[2]["tol"]
    add(1, "subgroup rows `Subgroup i: v1 v2 v3 v4` -> Xbar-R limits (n=4)", q,
        "Xbar-R chart, n = 4: grand mean, UCL = Xbarbar + A2 Rbar (A2 = 0.729), UCL_R = D4 Rbar (D4 = 2.282).",
        ["control_chart", "spc_constants"], ex)


def h12():
    n1, n2 = dI(200, 400, 2)
    x1 = dBin([n1], 0.075)[0]
    x2 = dBin([n2], 0.04)[0]
    q = (f"Last week line 1 built {n1} boards and {x1} of them failed in-circuit test. Line 2 built {n2} boards, and "
         f"{x2} failed. Is line 1's failure rate really different, or could this be chance? A plain two-proportion "
         "z-test (pooled, no continuity correction) is what our procedure asks for.")
    m = re.findall(r"built (\d+) boards,? and (\d+)", q)
    assert [(int(a), int(b)) for a, b in m] == [(n1, x1), (n2, x2)]
    z, p = proportions_ztest([x1, x2], [n1, n2])
    pp = Fr(x1 + x2, n1 + n2)
    zh = mpq(Fr(x1, n1) - Fr(x2, n2)) / mp.sqrt(mpq(pp * (1 - pp) * (Fr(1, n1) + Fr(1, n2))))
    ph = 2 * h_norm_sf(abs(zh))
    agree(z, zh, "h12 z")
    agree(p, ph, "h12 p")
    ex = [E("p1 - p2", x1 / n1 - x2 / n2, tol=2e-5), E("z", z), Ep("p two-sided", p)]
    differs(stats.chi2_contingency([[x1, n1 - x1], [x2, n2 - x2]], correction=True)[1], ex[2], "yates")
    add(1, "counts written in prose sentences -> pooled two-proportion z-test", q,
        "Pooled two-proportion z-test without continuity correction, line 1 minus line 2, two-sided.", ["proportion_test"], ex)


def h13():
    x = dU(1.0, 9.0, 12, 2)
    e = dN(0, 3.0, 12, 2)
    y = [round(10 + 1.6 * a + b, 2) for a, b in zip(x, e)]
    tup = ", ".join(f"({f(a, 2)}, {f(b, 2)})" for a, b in zip(x, y))
    q = ("(dose mg, response) pairs from the pilot: " + tup +
         ". What's the Pearson correlation and its p-value? and for comparison Spearman's rho.")
    pairs = [(float(a), float(b)) for a, b in re.findall(r"\((-?[\d.]+), (-?[\d.]+)\)", q)]
    assert pairs == list(zip(x, y))
    assert no_ties(x) and no_ties(y)
    r, p = stats.pearsonr(x, y)
    rho = stats.spearmanr(x, y)[0]
    rh = h_pearson(x, y)
    th = rh * mp.sqrt(10) / mp.sqrt(1 - rh * rh)
    ph = h_t_p2(th, 10)
    rhoh = h_pearson(h_ranks(x), h_ranks(y))
    agree(r, rh, "h13 r")
    agree(p, ph, "h13 p")
    agree(rho, rhoh, "h13 rho")
    ex = [E("Pearson r", r, rel=5e-4), Ep("p two-sided", p), E("Spearman rho", rho, rel=5e-4)]
    add(1, "(x, y) tuples inline -> Pearson r with p, and Spearman rho", q,
        "Pearson r of the 12 (x, y) tuples with its two-sided t-test p (df 10), plus Spearman rho (no ties).",
        ["correlation"], ex)


def h14():
    mu = [[20.1, 20.5, 20.3], [20.6, 20.4, 21.4], [19.9, 20.2, 20.0]]
    cells = [[dN(mu[i][j], 0.35, 2, 2) for j in range(3)] for i in range(3)]
    hdr = "          Op1            Op2            Op3"
    body = "\n".join(f"M{i + 1}   " + "".join(f"{f(c[0], 2)} / {f(c[1], 2)}".ljust(15) for c in cells[i]).rstrip() for i in range(3))
    q = ("Grid of results, machine (rows) by operator (columns), two repeat measurements per cell:\n\n" + hdr + "\n" + body +
         "\n\nTwo-way ANOVA with interaction - is the machine x operator interaction significant, and what is F for machines?")
    back = []
    for ln in q.split("\n"):
        if re.match(r"^M\d ", ln):
            v = [float(t) for t in re.findall(r"\d+\.\d+", ln)]
            back.append([v[0:2], v[2:4], v[4:6]])
    assert back == cells
    rows = [(f"M{i}", f"O{j}", v) for i in range(3) for j in range(3) for v in cells[i][j]]
    import pandas as pd
    dfm = pd.DataFrame(rows, columns=["M", "O", "y"])
    tab = anova_lm(smf.ols("y ~ C(M)*C(O)", dfm).fit(), typ=2)
    # hand balanced formulas
    allv = [v for (_, _, v) in rows]
    gm = h_mean(allv)
    rm = [h_mean([v for c in cells[i] for v in c]) for i in range(3)]
    cm = [h_mean([v for i in range(3) for v in cells[i][j]]) for j in range(3)]
    cellm = [[h_mean(cells[i][j]) for j in range(3)] for i in range(3)]
    ssA = 6 * sum((m - gm) ** 2 for m in rm)
    ssAB = 2 * sum((cellm[i][j] - rm[i] - cm[j] + gm) ** 2 for i in range(3) for j in range(3))
    sse = sum(h_ss(cells[i][j]) for i in range(3) for j in range(3))
    mse = sse / 9
    FA = (ssA / 2) / mse
    FAB = (ssAB / 4) / mse
    pAB = h_F_sf(mpq(FAB), 4, 9)
    agree(tab.loc["C(M):C(O)", "F"], mpq(FAB), "h14 FAB")
    agree(tab.loc["C(M):C(O)", "PR(>F)"], pAB, "h14 pAB")
    agree(tab.loc["C(M)", "F"], mpq(FA), "h14 FA")
    ex = [E("F interaction (4, 9)", mpq(FAB)), Ep("p interaction", float(pAB)), E("F machine (2, 9)", mpq(FA))]
    add(1, "machine x operator grid with `a / b` replicate cells -> two-way ANOVA with interaction", q,
        "Balanced two-way ANOVA with interaction (3x3, 2 replicates, error df 9): F and p for M x O, F for machine.",
        ["anova_twoway"], ex)


# ============================================================================
# KIND 2 -- intent carried by wording
# ============================================================================

def wsr_exact_counts(n):
    cnt = [1] + [0] * (n * (n + 1) // 2)
    for k in range(1, n + 1):
        new = cnt[:]
        for s in range(k, len(cnt)):
            new[s] += cnt[s - k]
        cnt = new
    return cnt


def h_wsr(d):
    """exact two-sided Wilcoxon signed-rank p; no zeros, no ties in |d| (asserted)"""
    assert all(v != 0 for v in d) and no_ties([abs(v) for v in d])
    n = len(d)
    ab = [abs(v) for v in d]
    rk = h_ranks(ab)
    wp = sum(r for r, v in zip(rk, d) if v > 0)
    assert wp.denominator == 1
    wp = int(wp)
    cnt = wsr_exact_counts(n)
    tot = 2 ** n
    lo = Fr(sum(cnt[:wp + 1]), tot)
    hi = Fr(sum(cnt[wp:]), tot)
    return wp, min(Fr(1), 2 * min(lo, hi))


def walsh_median(d):
    w = sorted((F_(d[i]) + F_(d[j])) / 2 for i in range(len(d)) for j in range(i, len(d)))
    m = len(w)
    return w[m // 2] if m % 2 else (w[m // 2 - 1] + w[m // 2]) / 2


def h15():
    x = [round(52.5 + 3.0 * v, 2) for v in rng.standard_t(3, 14)]
    q = ("Residual solvent (ppm) in 14 batches: " + ", ".join(f(v, 2) for v in x) +
         ". The spec's reference value is 50 ppm. This kind of data is roughly symmetric but has heavy tails (the odd "
         "wild batch), so please don't assume normality. Is the typical level different from 50? Two-sided, exact "
         "p-value, and give me the Hodges-Lehmann estimate of the centre too.")
    seg = q.split(": ")[1].split(". The")[0]
    assert [float(v) for v in seg.split(", ")] == x
    d = [round(v - 50, 2) for v in x]
    r = stats.wilcoxon([v - 50 for v in x], method="exact")
    wp, ph = h_wsr(d)
    agree(r.pvalue, mpq(ph), "h15 p")
    hl = walsh_median(d) + 50
    hl_lib = 50 + np.median([(d[i] + d[j]) / 2 for i in range(14) for j in range(i, 14)])
    agree(hl_lib, mpq(hl), "h15 hl")
    ex = [Ep("exact p (signed-rank, two-sided)", r.pvalue), E("Hodges-Lehmann pseudo-median (ppm)", hl_lib, tol=0.005)]
    differs(stats.ttest_1samp(x, 50).pvalue, ex[0], "t test")
    add(2, "\"don't assume normality\" + reference 50 ppm -> one-sample Wilcoxon signed-rank", q,
        "One-sample Wilcoxon signed-rank test of x - 50 (no zeros, no ties), exact two-sided p; HL pseudo-median.",
        ["wilcoxon_signed_rank"], ex)


def h16():
    A = dN(20.4, 0.5, 10, 2)
    B = dN(19.8, 1.6, 13, 2)
    q = ("Fill volume (mL), nozzle A vs nozzle B. B is clearly much more erratic, so do NOT assume equal variances.\n"
         "A: " + " ".join(f(v, 2) for v in A) + "\nB: " + " ".join(f(v, 2) for v in B) +
         "\nIs there a difference in mean fill?")
    la = [float(v) for v in re.search(r"^A: (.*)$", q, re.M).group(1).split()]
    lb = [float(v) for v in re.search(r"^B: (.*)$", q, re.M).group(1).split()]
    assert la == A and lb == B
    r = stats.ttest_ind(A, B, equal_var=False)
    va, vb = mpq(h_var(A)) / 10, mpq(h_var(B)) / 13
    t = mpq(h_mean(A) - h_mean(B)) / mp.sqrt(va + vb)
    df = (va + vb) ** 2 / (va ** 2 / 9 + vb ** 2 / 12)
    p = h_t_p2(t, df)
    agree(r.statistic, t, "h16 t")
    agree(r.df, df, "h16 df")
    agree(r.pvalue, p, "h16 p")
    ex = [E("Welch t (A - B)", r.statistic), E("Welch df", r.df, tol=0.01), Ep("p two-sided", r.pvalue)]
    differs(stats.ttest_ind(A, B).pvalue, ex[2], "pooled")
    add(2, "\"do NOT assume equal variances\" -> Welch two-sample t", q,
        "Welch's unequal-variance t-test A vs B: t, Satterthwaite df, two-sided p.", ["t_test"], ex)


def h17():
    x = dN(25.013, 0.025, 12, 3)
    q = ("Bore diameters from this morning's first-off parts, mm: " + "; ".join(f(v, 3) for v in x) +
         ". Nominal on the drawing is 25.000 mm. Are we running off nominal?")
    seg = q.split("mm: ")[1].split(". Nominal")[0]
    assert [float(v) for v in seg.split("; ")] == x
    r = stats.ttest_1samp(x, 25.0)
    t = mpq(h_mean(x) - 25) / (h_sd(x) / mp.sqrt(12))
    p = h_t_p2(t, 11)
    agree(r.statistic, t, "h17 t")
    agree(r.pvalue, p, "h17 p")
    ex = [E("mean (mm)", np.mean(x), tol=5e-5), E("t (df 11)", r.statistic), Ep("p two-sided", r.pvalue)]
    add(2, "stated nominal 25.000 mm -> one-sample t against the nominal", q,
        "One-sample t-test of the 12 diameters against mu0 = 25.000, two-sided.", ["t_test"], ex)


def h18():
    x = [2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24]
    e = dN(0, 0.15, 12, 2)
    y = [round(0.3 + 0.115 * a + b, 2) for a, b in zip(x, e)]
    y[6] = round(y[6] + 1.9, 2)
    body = "\n".join(f"run {i}: load {a} kN, deflection {f(b, 2)} mm" for i, (a, b) in enumerate(zip(x, y), 1))
    q = ("Beam deflection vs load. Run 7 is junk - the dial gauge slipped - so leave that one out and give me the "
         "fitted line (slope, intercept) and R^2 for the rest.\n" + body)
    m = re.findall(r"run (\d+): load (\d+) kN, deflection ([\d.]+) mm", q)
    assert [int(a) for _, a, _ in m] == x and [float(c) for _, _, c in m] == y
    xs = [a for i, a in enumerate(x) if i != 6]
    ys = [b for i, b in enumerate(y) if i != 6]
    r = stats.linregress(xs, ys)
    b1, b0, r2 = h_simple_reg(xs, ys)
    agree(r.slope, mpq(b1), "h18 b1")
    agree(r.intercept, mpq(b0), "h18 b0")
    agree(r.rvalue ** 2, mpq(r2), "h18 r2")
    ex = [E("slope (mm/kN)", r.slope), E("intercept (mm)", r.intercept), E("R^2", r.rvalue ** 2, tol=2e-4)]
    rall = stats.linregress(x, y)
    differs(rall.slope, ex[0], "with run 7")
    differs(rall.rvalue ** 2, ex[2], "with run 7 r2")
    add(2, "\"leave run 7 out\" -> simple regression on the remaining 11 points", q,
        "Least-squares line of deflection on load excluding run 7 (11 points).", ["regression"], ex)


def h19():
    c = dPois(12, 20)
    q = ("We count scratches on every painted door panel (all panels the same size; a panel can have several scratches). "
         "Last 20 panels: " + ", ".join(str(v) for v in c) + ". What chart and what limits?")
    seg = q.split("panels: ")[1].split(". What")[0]
    assert [int(v) for v in seg.split(", ")] == c
    cb = np.mean(c)
    ucl, lcl = cb + 3 * np.sqrt(cb), cb - 3 * np.sqrt(cb)
    cbh = Fr(sum(c), 20)
    agree(ucl, mpq(cbh) + 3 * mp.sqrt(mpq(cbh)), "h19 ucl")
    agree(lcl, mpq(cbh) - 3 * mp.sqrt(mpq(cbh)), "h19 lcl")
    assert lcl > 0
    ex = [E("c-bar", cb, tol=0.005), E("UCL", ucl, tol=0.01), E("LCL", lcl, tol=0.01)]
    sd = np.std(c, ddof=1)
    differs(cb + 3 * sd, ex[1], "individuals-like")
    add(2, "defects (not defectives) on equal-size panels -> c chart", q,
        "c chart: c-bar = mean count, limits c-bar +/- 3 sqrt(c-bar).", ["control_chart", "summary_chart"], ex)


def h20():
    q = ("Quick one: bearing bore has LSL 30.012 and USL 29.988 mm, our process mean is 30.000 with a standard "
         "deviation of 0.003 mm. What's the Cpk?")
    v = nums(q)
    lsl, usl = v[0], v[1]
    assert lsl > usl
    add(2, "REFUSE: Cpk requested with LSL above USL", q,
        "Refuse/ask back: the lower spec limit 30.012 is above the upper spec limit 29.988, so the specification is inconsistent.",
        ["summary_capability"], [], refuse=True, reason="LSL (30.012) is greater than USL (29.988): the spec window is impossible")


def h21():
    L = dI(40, 90, 12)
    c = [int(rng.poisson(0.12 * v)) for v in L]
    body = "\n".join(f"bolt {i:>2}: {a} m, {b} flaws" for i, (a, b) in enumerate(zip(L, c), 1))
    k = int(np.argmin(L)) + 1
    q = ("Weaving flaws per bolt of cloth. The bolts are not the same length, and we care about flaws per metre.\n" + body +
         f"\nCentre line, and the upper control limit for bolt {k}?")
    m = re.findall(r"bolt +\d+: (\d+) m, (\d+) flaws", q)
    assert [int(a) for a, _ in m] == L and [int(b) for _, b in m] == c
    ub = np.sum(c) / np.sum(L)
    ucl = ub + 3 * np.sqrt(ub / L[k - 1])
    ubh = Fr(sum(c), sum(L))
    agree(ub, mpq(ubh), "h21 ub")
    agree(ucl, mpq(ubh) + 3 * mp.sqrt(mpq(ubh / L[k - 1])), "h21 ucl")
    ex = [E("u-bar (flaws per m)", ub, tol=2e-5), E(f"UCL bolt {k} (flaws per m)", ucl, tol=1e-4)]
    differs(ub + 3 * np.sqrt(ub / np.mean(L)), ex[1], "average length")
    add(2, "flaws on bolts of different lengths -> u chart, limit for the shortest bolt", q,
        f"u chart per metre: u-bar = total flaws / total metres; UCL for bolt {k} = u-bar + 3 sqrt(u-bar / length_k).",
        ["control_chart"], ex)


def h22():
    old = dN(14.2, 1.0, 10, 2)
    new = dN(13.3, 1.0, 9, 2)
    q = ("Taber wear (mg loss). Supplier claims the new coating REDUCES wear. Old: " + ", ".join(f(v, 2) for v in old) +
         ". New: " + ", ".join(f(v, 2) for v in new) + ". Variances look similar so pooled is fine. Does the data back "
         "the claim?")
    lo = [float(v) for v in q.split("Old: ")[1].split(". New")[0].split(", ")]
    ln = [float(v) for v in q.split("New: ")[1].split(". Variances")[0].split(", ")]
    assert lo == old and ln == new
    r = stats.ttest_ind(new, old, alternative="less")
    sp2 = (h_ss(new) + h_ss(old)) / 17
    t = mpq(h_mean(new) - h_mean(old)) / mp.sqrt(mpq(sp2 * (Fr(1, 9) + Fr(1, 10))))
    p = 1 - h_t_sf(t, 17)
    agree(r.statistic, t, "h22 t")
    agree(r.pvalue, p, "h22 p")
    ex = [E("pooled t (new - old)", r.statistic), Ep("one-sided p (new < old)", r.pvalue)]
    differs(2 * r.pvalue, ex[1], "two-sided")
    add(2, "one-sided claim \"new REDUCES wear\" -> pooled t, lower-tail p", q,
        "Pooled two-sample t, H1: mean(new) < mean(old), df 17, one-sided p.", ["t_test"], ex)


def h23():
    off = dN(0, 0.03, 6, 3)
    base = [dN(10.0, 0.02, 5, 3) for _ in range(6)]
    data = [[round(v + o, 3) for v in g] for g, o in zip(base, off)]
    body = "\n".join(f"{i}) " + ", ".join(f(v, 3) for v in g) for i, g in enumerate(data, 1))
    q = ("Spec is 10.00 +/- 0.10 mm. Six subgroups of five below. The customer wants Ppk (long-term, overall "
         "variation - sample standard deviation of all 30 parts), not Cpk. Also Pp please.\n" + body)
    back = [[float(v) for v in ln.split(") ")[1].split(", ")] for ln in q.split("\n") if re.match(r"^\d\) ", ln)]
    assert back == data
    allv = np.array(data).ravel()
    m, s = allv.mean(), allv.std(ddof=1)
    pp, ppk = 0.2 / (6 * s), min(10.1 - m, m - 9.9) / (3 * s)
    mh, sh = mpq(h_mean(list(allv))), h_sd(list(allv))
    agree(pp, mp.mpf("0.2") / (6 * sh), "h23 pp")
    agree(ppk, min(mp.mpf("10.1") - mh, mh - mp.mpf("9.9")) / (3 * sh), "h23 ppk")
    ex = [E("Pp", pp), E("Ppk", ppk)]
    K = spc_consts(5)
    sw = np.mean(np.ptp(np.array(data), axis=1)) / K["d2"]
    differs(min(10.1 - m, m - 9.9) / (3 * sw), ex[1], "Cpk within")
    add(2, "\"customer wants Ppk, not Cpk\" with subgrouped data -> overall-sigma Pp/Ppk", q,
        "Pp = (USL-LSL)/(6s), Ppk = min(USL-mean, mean-LSL)/(3s) with s the overall sample SD (n-1) of all 30 values.",
        ["capability"], ex)


def h24():
    runs = list(itertools.product([-1, 1], repeat=3))
    runs = [(a, b, c) for c, b, a in runs]  # standard order, A fastest
    e = dN(0, 0.45, 8, 2)
    y = [round(60 + 2.2 * a + 1.1 * b - 0.6 * c + 0.5 * a * b + ee, 2) for (a, b, c), ee in zip(runs, e)]
    yc = dN(61.6, 0.45, 4, 2)
    lvl = {-1: "lo", 1: "hi"}
    body = "\n".join(f"{lvl[a]:>3} {lvl[b]:>3} {lvl[c]:>3}  {f(v, 2)}" for (a, b, c), v in zip(runs, y))
    body += "\n" + "\n".join(f"mid mid mid  {f(v, 2)}" for v in yc)
    q = ("2^3 screening run with four centre points added (temp, time, catalyst). Before I fit anything linear: "
         "is there evidence of curvature? I want the curvature SS, F and p.\n  A   B   C   y\n" + body)
    fac, ctr = [], []
    for ln in q.split("\n"):
        t = ln.split()
        if len(t) == 4 and t[0] in ("lo", "hi", "mid"):
            (ctr if t[0] == "mid" else fac).append(float(t[3]))
    assert fac == y and ctr == yc
    # (a) OLS with centre indicator; residual = pure error
    X = [[1, a, b, c, a * b, a * c, b * c, a * b * c, 0] for (a, b, c) in runs] + [[1, 0, 0, 0, 0, 0, 0, 0, 1]] * 4
    X = np.array(X, float)
    fit = sm.OLS(y + yc, X).fit()
    tc = fit.tvalues[8]
    Fa = tc ** 2
    pa = fit.pvalues[8]
    ssc_a = Fa * fit.mse_resid
    # (b) formula
    yf, ycm = h_mean(y), h_mean(yc)
    ssc = Fr(8 * 4, 12) * (yf - ycm) ** 2
    mspe = h_var(yc)
    Fh = ssc / mspe
    ph = h_F_sf(mpq(Fh), 1, 3)
    agree(ssc_a, mpq(ssc), "h24 ss")
    agree(Fa, mpq(Fh), "h24 F")
    agree(pa, ph, "h24 p")
    ex = [E("SS curvature", ssc_a), E("F curvature (1, 3)", Fa), Ep("p", pa)]
    add(2, "\"is there curvature?\" 2^3 + 4 centre points -> single-df curvature test vs pure error", q,
        "Curvature SS = nF nC (ybarF - ybarC)^2/(nF + nC), tested against pure error from the 4 centre points (df 3).",
        ["doe_curvature", "doe_anova"], ex)


def h25():
    cells = [(-1, -1), (1, -1), (-1, 1), (1, 1)]
    y = {c: dN(30 + 2.0 * c[0] + 1.2 * c[1] + 1.1 * c[0] * c[1], 0.9, 3, 1) for c in cells}
    lvl = {-1: "-", 1: "+"}
    body = "\n".join(f"{lvl[a]}  {lvl[b]}   " + "  ".join(f(v, 1) for v in y[(a, b)]) for (a, b) in cells)
    q = ("Two factors (pressure A, dwell B), each at two levels, 3 replicates per combination. My boss only cares "
         "whether the AB interaction is real. What is the interaction effect and its F test?\nA  B   replicates\n" + body)
    back = {}
    for ln in q.split("\n"):
        t = ln.split()
        if len(t) == 5 and t[0] in "+-" and t[1] in "+-":
            back[({"-": -1, "+": 1}[t[0]], {"-": -1, "+": 1}[t[1]])] = [float(v) for v in t[2:]]
    assert back == y
    A = np.array([c[0] for c in cells for _ in range(3)], float)
    B = np.array([c[1] for c in cells for _ in range(3)], float)
    Y = np.array([v for c in cells for v in y[c]])
    fit = sm.OLS(Y, np.column_stack([np.ones(12), A, B, A * B])).fit()
    eff = 2 * fit.params[3]
    Fa, pa = fit.tvalues[3] ** 2, fit.pvalues[3]
    cm = {c: h_mean(y[c]) for c in cells}
    eff_h = (cm[(1, 1)] + cm[(-1, -1)] - cm[(1, -1)] - cm[(-1, 1)]) / 2
    ss = 12 * (eff_h / 2) ** 2
    mse = sum(h_ss(y[c]) for c in cells) / 8
    Fh = ss / mse
    agree(eff, mpq(eff_h), "h25 eff")
    agree(Fa, mpq(Fh), "h25 F")
    agree(pa, h_F_sf(mpq(Fh), 1, 8), "h25 p")
    ex = [E("AB interaction effect", eff, tol=1e-3), E("F_AB (1, 8)", Fa), Ep("p_AB", pa)]
    differs(fit.params[3], ex[0], "coefficient instead of effect")
    add(2, "\"only cares whether AB interaction is real\" replicated 2^2 -> interaction effect and F", q,
        "Replicated 2^2 (n=3): AB effect = mean(AB=+1) - mean(AB=-1), F = SS_AB/MSE on (1, 8) df.",
        ["doe_anova", "doe_effects", "anova_twoway"], ex)


def h26():
    c = [int(v) for v in rng.multinomial(60, [0.50, 0.08, 0.27, 0.15])]
    pp, pf, fp, ff = c
    q = (f"We showed the same 60 inspectors a borderline weld before and after the training course. {pp} said 'pass' both "
         f"times, {pf} said pass before but fail after, {fp} said fail before but pass after, and {ff} said fail both times. "
         "Did the training change how they judge it? Use the exact version of the test, the numbers are small.")
    m2 = re.findall(r"and (\d+) said fail both", q)
    assert int(re.search(r"(\d+) said 'pass' both", q).group(1)) == pp
    assert int(re.search(r"(\d+) said pass before but fail", q).group(1)) == pf
    assert int(re.search(r"(\d+) said fail before but pass", q).group(1)) == fp
    assert int(m2[0]) == ff and sum(c) == 60
    r = sm_mcnemar([[pp, pf], [fp, ff]], exact=True)
    n = pf + fp
    k = min(pf, fp)
    ph = min(Fr(1), 2 * Fr(sum(math.comb(n, i) for i in range(k + 1)), 2 ** n))
    agree(r.pvalue, mpq(ph), "h26 p")
    ex = [E("discordant pairs", n), Ep("exact McNemar p", r.pvalue)]
    differs(stats.chi2_contingency([[pp, pf], [fp, ff]])[1], ex[1], "independence chi-square")
    add(2, "before/after on the same inspectors, yes/no -> exact McNemar", q,
        "Exact McNemar: binomial test of the discordant counts (pass->fail vs fail->pass) with p = 1/2, two-sided.",
        ["mcnemar"], ex)


def h27():
    m1, s1, n1, m2, s2, n2 = 12.4, 1.1, 15, 11.3, 1.6, 12
    q = ("I only have the summary from the report: method 1 mean 12.4, SD 1.1, n = 15; method 2 mean 11.3, SD 1.6, "
         "n = 12. Assume equal variances. t-test for a difference in means?")
    v = nums(q)
    assert v == [1, 12.4, 1.1, 15, 2, 11.3, 1.6, 12]
    r = stats.ttest_ind_from_stats(m1, s1, n1, m2, s2, n2, equal_var=True)
    sp2 = (Fr(14) * F_(s1) ** 2 + Fr(11) * F_(s2) ** 2) / 25
    t = mpq(F_(m1) - F_(m2)) / mp.sqrt(mpq(sp2 * (Fr(1, 15) + Fr(1, 12))))
    agree(r.statistic, t, "h27 t")
    agree(r.pvalue, h_t_p2(t, 25), "h27 p")
    ex = [E("pooled t", r.statistic), E("df", 25), Ep("p two-sided", r.pvalue)]
    differs(stats.ttest_ind_from_stats(m1, s1, n1, m2, s2, n2, equal_var=False).pvalue, ex[2], "welch")
    add(2, "summary figures only, equal variances stated -> pooled t from summaries", q,
        "Pooled two-sample t from means/SDs/ns, df 25, two-sided.", ["summary_t_test"], ex)


def h28():
    xbb, rbar, n, lsl, usl = 50.12, 0.84, 5, 48.0, 52.0
    q = ("From the control chart: X-double-bar = 50.12, R-bar = 0.84, subgroups of n = 5. Spec 48.0 to 52.0. "
         "What are Cp and Cpk (within-subgroup sigma from R-bar/d2)?")
    v = nums(q)
    assert v[:3] == [50.12, 0.84, 5] and v[3:5] == [48.0, 52.0]
    K = spc_consts(5)
    s = rbar / K["d2"]
    cp, cpk = (usl - lsl) / (6 * s), min(usl - xbb, xbb - lsl) / (3 * s)
    sm_ = mp.mpf("0.84") / K["d2m"]
    agree(cp, 4 / (6 * sm_), "h28 cp")
    agree(cpk, (mp.mpf("52") - mp.mpf("50.12")) / (3 * sm_), "h28 cpk")
    ex = [E("Cp", cp), E("Cpk", cpk)]
    assert abs(4 / (6 * rbar / 2.326) - cp) < ex[0]["tol"]
    differs(min(usl - xbb, xbb - lsl) / (3 * rbar), ex[1], "R-bar as sigma")
    add(2, "summary figures X-double-bar, R-bar, n -> Cp/Cpk with sigma = R-bar/d2", q,
        "sigma_within = R-bar/d2 (d2 = 2.326 for n = 5); Cp = (USL-LSL)/(6 sigma), Cpk = min(USL-mean, mean-LSL)/(3 sigma).",
        ["summary_capability", "spc_constants"], ex)


# ============================================================================
# KIND 3 -- numbers in prose with roles
# ============================================================================

def std_order(k):
    return [tuple((i >> j) & 1 and 1 or -1 for j in range(k)) for i in range(2 ** k)]


def h29():
    runs = std_order(3)
    e = dN(0, 0.5, 8, 1)
    y = [round(75 + 3.1 * a - 1.4 * b + 0.8 * c + 1.5 * (a * b * c) + ee, 1) for (a, b, c), ee in zip(runs, e)]
    q = ("We want the full 2^3 in furnace #2 (bought 2019, rated to 1200 C), but it can only do four runs per day, so "
         "we blocked on day the textbook way (highest-order interaction confounded with days). Results in standard "
         "order (1), a, b, ab, c, ac, bc, abc: " + ", ".join(f(v, 1) for v in y) +
         ". What is the A effect, and how big is the day-to-day (block) sum of squares?")
    seg = q.split("abc: ")[1].split(". What")[0]
    assert [float(v) for v in seg.split(", ")] == y
    A = np.array([r[0] for r in runs], float)
    B = np.array([r[1] for r in runs], float)
    C = np.array([r[2] for r in runs], float)
    blk = A * B * C
    fit = sm.OLS(y, np.column_stack([np.ones(8), A, B, C, A * B, A * C, B * C, blk])).fit()
    effA = 2 * fit.params[1]
    ssb = sm.OLS(y, np.column_stack([np.ones(8), blk])).fit().ess
    yy = [F_(v) for v in y]
    effA_h = sum(v for v, r in zip(yy, runs) if r[0] == 1) / 4 - sum(v for v, r in zip(yy, runs) if r[0] == -1) / 4
    t1 = sum(v for v, r in zip(yy, runs) if r[0] * r[1] * r[2] == 1)
    t2 = sum(v for v, r in zip(yy, runs) if r[0] * r[1] * r[2] == -1)
    ssb_h = (t1 - t2) ** 2 / 8
    agree(effA, mpq(effA_h), "h29 A")
    agree(ssb, mpq(ssb_h), "h29 ssb")
    ex = [E("number of blocks (days)", 2), E("A effect", effA, tol=2e-3), E("block SS (= SS_ABC)", ssb, rel=5e-4)]
    add(3, "2^3 with \"four runs per day\" (ABC confounded with days), distractor furnace numbers -> A effect + block SS", q,
        "Block size 4 gives 2 blocks with ABC confounded; A effect = mean(A+) - mean(A-); block SS = (T_ABC+ - T_ABC-)^2/8.",
        ["doe_design", "doe_effects", "doe_anova"], ex)


def h30():
    q = ("Planning a response-surface study: 4 factors, central composite design, full 2^4 factorial core, 6 centre "
         "points, and we want it rotatable. Our last study used 20 runs and the budget allows about 35. How many runs "
         "is that in total and what axial distance alpha do we need?")
    # (a) formula
    k, nc = 4, 6
    runs_a = 2 ** k + 2 * k + nc
    alpha_a = (2 ** k) ** 0.25
    # (b) build the design matrix and solve the rotatability moment condition sum x1^4 = 3 sum x1^2 x2^2
    al = sp.symbols("alpha", positive=True)
    pts = [list(p) for p in itertools.product([-1, 1], repeat=k)]
    for i in range(k):
        for s in (-1, 1):
            r = [0] * k
            r[i] = s * al
            pts.append(r)
    pts += [[0] * k] * nc
    m4 = sum(sp.sympify(p[0]) ** 4 for p in pts)
    m22 = sum(sp.sympify(p[0]) ** 2 * sp.sympify(p[1]) ** 2 for p in pts)
    sol = sp.solve(sp.Eq(m4, 3 * m22), al)
    assert len(sol) == 1
    agree(alpha_a, float(sol[0]), "h30 alpha")
    agree_int(runs_a, len(pts), "h30 runs")
    assert nums(q)[:2] == [4, 2]
    ex = [E("total runs", runs_a), E("alpha (coded)", alpha_a, tol=1e-3)]
    add(3, "rotatable CCD in 4 factors, 6 centre points; distractors 20 and 35 runs -> N and alpha", q,
        "CCD runs = 2^4 + 2*4 + 6 = 30; rotatable alpha = (2^4)^(1/4) = 2.", ["doe_design", "doe_properties"], ex)


def frac_resolution(k_base, gens):
    """gens: list of tuples of base-factor indices; returns resolution via the defining-relation group"""
    words = []
    for i, g in enumerate(gens):
        words.append(frozenset(g) | {k_base + i})
    group = set()
    for r in range(1, len(words) + 1):
        for comb in itertools.combinations(words, r):
            w = frozenset()
            for x in comb:
                w = w ^ x
            group.add(w)
    return min(len(w) for w in group)


def max_resolution(k, p):
    base = k - p
    cand = [c for r in range(2, base + 1) for c in itertools.combinations(range(base), r)]
    best = 0
    for gens in itertools.combinations(cand, p):
        best = max(best, frac_resolution(base, gens))
    return best


def h31():
    q = ("I have 6 factors to screen on line 12 with 3 operators. I want a two-level fraction of resolution IV with the "
         "fewest possible runs, plus 4 centre points to get a pure-error estimate. Total number of runs, and how many "
         "degrees of freedom for pure error?")
    assert nums(q)[:3] == [6, 12, 3]
    # (a) direct construction: 2^(6-2) with E=ABC, F=BCD
    assert frac_resolution(4, [(0, 1, 2), (1, 2, 3)]) == 4
    # (b) enumeration: 8 runs cannot reach IV, 16 can
    assert max_resolution(6, 3) == 3 and max_resolution(6, 2) >= 4
    n_fac = min(2 ** (6 - p) for p in range(1, 4) if max_resolution(6, p) >= 4)
    assert n_fac == 16
    ex = [E("total runs", n_fac + 4), E("pure-error df", 3)]
    add(3, "6 factors, resolution IV minimum + 4 centre points; distractors line 12 / 3 operators -> 20 runs, 3 PE df", q,
        "Smallest resolution-IV two-level fraction for 6 factors is 2^(6-2) = 16 runs; plus 4 centre points = 20 runs; pure error df = 4 - 1 = 3.",
        ["doe_design", "doe_properties"], ex)


def h32():
    xbb, rbar = 12.003, 0.021
    q = ("Drawing 4471-B, cell 214. We pull 5 shafts every hour and have 25 hourly subgroups so far: grand average "
         "12.003 mm, average range 0.021 mm. Give me the X-bar and R chart control limits.")
    v = nums(q)
    assert v[-2:] == [12.003, 0.021] and v[2] == 5 and v[3] == 25
    K = spc_consts(5)
    ucl, lcl, uclr = xbb + K["A2"] * rbar, xbb - K["A2"] * rbar, K["D4"] * rbar
    A2m = 3 / (K["d2m"] * mp.sqrt(5))
    D4m = 1 + 3 * K["d3m"] / K["d2m"]
    agree(ucl, mp.mpf("12.003") + A2m * mp.mpf("0.021"), "h32 ucl", rel=1e-8)
    agree(uclr, D4m * mp.mpf("0.021"), "h32 uclr")
    ex = [E("UCL X-bar", ucl, tol=5e-5), E("LCL X-bar", lcl, tol=5e-5), E("UCL R", uclr, tol=5e-5)]
    for e_, tv in zip(ex, [xbb + 0.577 * rbar, xbb - 0.577 * rbar, 2.114 * rbar]):
        assert abs(e_["value"] - tv) < e_["tol"]
    differs(xbb + 0.729 * rbar, ex[0], "n=4 constants")
    differs(xbb + stats.norm.ppf(0.99865) * rbar / K["d2"] / math.sqrt(25), ex[0], "n=25")
    add(3, "\"5 shafts every hour, 25 subgroups\" with drawing/cell distractors -> Xbar-R limits from summaries (n=5)", q,
        "Subgroup size n = 5 (25 is the number of subgroups): UCL/LCL = 12.003 +/- A2*0.021 (A2 = 0.577), UCL_R = D4*0.021 (D4 = 2.114).",
        ["summary_chart", "spc_constants"], ex)


def h33():
    q = ("For the sealing study I'd like a half fraction of a 2^4 (so 8 runs, factors A-D) that is resolution V, so no "
         "two-factor interactions are aliased with each other. Can you generate it and list the alias structure?")
    assert max_resolution(4, 1) == 4
    add(3, "REFUSE: 8-run half fraction of 2^4 at resolution V", q,
        "Refuse/explain: a 2^(4-1) design has at most resolution IV (I = ABCD), so the requested resolution-V 8-run design does not exist.",
        ["doe_design", "doe_properties"], [], refuse=True,
        reason="a 2^(4-1) fraction has maximum resolution IV (I=ABCD); resolution V in 8 runs cannot exist")


def h34():
    fac = [(-1, -1), (1, -1), (-1, 1), (1, 1)]
    e = dN(0, 0.6, 4, 2)
    y = [round(48 + 2.5 * a + 1.8 * b + 1.3 * a * b + ee, 2) for (a, b), ee in zip(fac, e)]
    yc = dN(48.9, 0.6, 5, 2)
    q = (f"Reactor R-7, two operators on shift. 2^2 in temperature and pressure plus 5 centre points. Factorial runs "
         f"(T, P, yield): (-1,-1) {f(y[0], 2)}; (+1,-1) {f(y[1], 2)}; (-1,+1) {f(y[2], 2)}; (+1,+1) {f(y[3], 2)}. "
         "Centre points: " + ", ".join(f(v, 2) for v in yc) + ". I fitted a first-order model (T and P only). "
         "Is there significant lack of fit? Give F and p for lack of fit.")
    fb = [float(v) for v in re.findall(r"\([-+]1,[-+]1\) (\d+\.\d+)", q)]
    cb = [float(v) for v in q.split("Centre points: ")[1].split(". I")[0].split(", ")]
    assert fb == y and cb == yc
    X = np.array([[1, a, b] for a, b in fac] + [[1, 0, 0]] * 5, float)
    Y = np.array(y + yc)
    fit = sm.OLS(Y, X).fit()
    sspe_a = np.sum((np.array(yc) - np.mean(yc)) ** 2)
    sslof_a = fit.ssr - sspe_a
    Fa = (sslof_a / 2) / (sspe_a / 4)
    pa = stats.f.sf(Fa, 2, 4)
    # (b) contrasts
    ab = sum(F_(v) * a * b for v, (a, b) in zip(y, fac))
    ss_ab = ab ** 2 / 4
    ssc = Fr(4 * 5, 9) * (h_mean(y) - h_mean(yc)) ** 2
    sspe = h_ss(yc)
    Fh = ((ss_ab + ssc) / 2) / (sspe / 4)
    agree(Fa, mpq(Fh), "h34 F")
    agree(pa, h_F_sf(mpq(Fh), 2, 4), "h34 p")
    ex = [E("F lack of fit (2, 4)", Fa), Ep("p lack of fit", pa)]
    add(3, "2^2 + 5 centre points, first-order model, distractor R-7/two operators -> lack-of-fit F", q,
        "First-order fit to 9 runs: residual SS splits into pure error (5 centre points, 4 df) and lack of fit (2 df: AB + curvature); F = MS_LOF/MS_PE.",
        ["doe_anova"], ex)


def h35():
    runs = std_order(3)
    y = [dN(52 + 0.1 * a + 0.9 * b - 1.1 * c + 0.4 * a * c, 1.3, 2, 1) for (a, b, c) in runs]
    names = ["(1)", "a", "b", "ab", "c", "ac", "bc", "abc"]
    body = "; ".join(f"{nm} {f(v[0], 1)}/{f(v[1], 1)}" for nm, v in zip(names, y))
    q = ("Full 2^3 replicated twice (16 runs). An earlier study on this part used 40 runs at 3 levels. "
         "Responses per treatment combination, rep1/rep2: " + body +
         ". Estimate the A effect and test it (F and p), using the full factorial model with the replicates as error.")
    m = re.findall(r"(\(1\)|abc|ab|ac|bc|a|b|c) (\d+\.\d)/(\d+\.\d)", q.split("rep1/rep2: ")[1])
    assert [nm for nm, _, _ in m] == names and [[float(a), float(b)] for _, a, b in m] == y
    rows = [(r, v) for r, vv in zip(runs, y) for v in vv]
    A = np.array([r[0] for r, _ in rows], float)
    B = np.array([r[1] for r, _ in rows], float)
    C = np.array([r[2] for r, _ in rows], float)
    Y = np.array([v for _, v in rows])
    X = np.column_stack([np.ones(16), A, B, C, A * B, A * C, B * C, A * B * C])
    fit = sm.OLS(Y, X).fit()
    eff = 2 * fit.params[1]
    Fa, pa = fit.tvalues[1] ** 2, fit.pvalues[1]
    contrast = sum(F_(v) * r[0] for r, v in rows)
    eff_h = contrast / 8
    ssA = contrast ** 2 / 16
    mse = sum(h_ss(v) for v in y) / 8
    agree(eff, mpq(eff_h), "h35 eff")
    agree(Fa, mpq(ssA / mse), "h35 F")
    agree(pa, h_F_sf(mpq(ssA / mse), 1, 8), "h35 p")
    ex = [E("A effect", eff, tol=2e-3), E("F_A (1, 8)", Fa), Ep("p_A", pa)]
    add(3, "2^3 replicated twice with rep1/rep2 pairs, distractor earlier 40-run study -> A effect, F, p", q,
        "Full-factorial model on 16 runs, pure error 8 df from replicate pairs; A effect = contrast/8, F = SS_A/MSE.",
        ["doe_effects", "doe_anova"], ex)


def h36():
    q = ("How many coupons do we need to measure to estimate mean coating weight to within +/-0.6 g/m2 with 95% "
         "confidence? Treat sigma as known, 2.5 g/m2 (from last year's 40-coupon study). Each measurement costs EUR 18 "
         "and takes 20 minutes. What's n and the total cost?")
    v = nums(q)
    E_, s, cost = 0.6, 2.5, 18
    assert E_ in v and s in v and cost in v
    za = stats.norm.ppf(0.975)
    na = math.ceil((za * s / E_) ** 2)
    zh = h_norm_ppf(mp.mpf("0.975"))
    nh = int(mp.ceil((zh * mp.mpf("2.5") / mp.mpf("0.6")) ** 2))
    agree_int(na, nh, "h36 n")
    assert math.ceil((1.96 * s / E_) ** 2) == na
    ex = [E("n", na), E("total cost (EUR)", na * cost)]
    add(3, "+/-0.6 at 95% with sigma 2.5, cost EUR 18 each; distractors 40 coupons / 20 min -> n and cost", q,
        "n = ceil((z_0.975 * 2.5 / 0.6)^2) with known sigma; cost = 18 n.", ["sample_size_ci", "evaluate"], ex)


def h_nct_power(n, delta, sd, alpha=0.05):
    df = 2 * n - 2
    ncp = mp.mpf(delta) / mp.mpf(sd) * mp.sqrt(mp.mpf(n) / 2)
    tc = h_t_ppf(1 - mp.mpf(alpha) / 2, df)
    with mp.workdps(20):
        c = 1 / (2 ** (mp.mpf(df) / 2) * mp.gamma(mp.mpf(df) / 2))
        dens = lambda v: c * v ** (mp.mpf(df) / 2 - 1) * mp.exp(-v / 2)
        cdf = lambda t: mp.quad(lambda v: mp.ncdf(t * mp.sqrt(v / df) - ncp) * dens(v), [0, df / 2, df, 2 * df, mp.inf])
        return 1 - cdf(tc) + cdf(-tc)


def h37():
    q = ("Line 3 in building 7: we want to show the new fixture shifts mean torque by 1.5 N*m. The SD is about 2.0 N*m "
         "(both fixtures), we'll test two-sided at alpha = 0.05 and want 90% power. How many parts per fixture for a "
         "two-sample t-test? The previous study used 25 per group but I think that was too few.")
    v = nums(q)
    assert 1.5 in v and 2.0 in v and 0.05 in v and 90 in v
    es = 1.5 / 2.0
    na = math.ceil(TTestIndPower().solve_power(effect_size=es, alpha=0.05, power=0.9, ratio=1.0))
    pw_a = stats.nct.sf(stats.t.ppf(0.975, 2 * na - 2), 2 * na - 2, es * math.sqrt(na / 2)) + \
        stats.nct.cdf(-stats.t.ppf(0.975, 2 * na - 2), 2 * na - 2, es * math.sqrt(na / 2))
    nh = 2
    while h_nct_power(nh, 1.5, 2.0) < mp.mpf("0.9"):
        nh += 1
    agree_int(na, nh, "h37 n")
    agree(pw_a, h_nct_power(nh, 1.5, 2.0), "h37 power")
    ex = [E("n per fixture", na), E("achieved power", pw_a, tol=5e-4)]
    add(3, "power for delta 1.5, SD 2.0, alpha 0.05, 90%; distractors line 3/building 7/25 per group -> n per group", q,
        "Two-sample t power (noncentral t), d = 0.75, alpha 0.05 two-sided: smallest n per group with power >= 0.90, and that power.",
        ["power"], ex)


def h38():
    x = dN(7.42, 0.35, 15, 2)
    q = ("Readings taken in room 3B on 12 March 2024, part no. 7716-A, gauge #4, 15 readings (um): " +
         " ".join(f(v, 2) for v in x) + ". Mean, standard deviation and a 95% confidence interval for the mean please.")
    seg = q.split("(um): ")[1].split(". Mean")[0]
    assert [float(v) for v in seg.split()] == x
    m, s = np.mean(x), np.std(x, ddof=1)
    lo, hi = stats.t.interval(0.95, 14, loc=m, scale=s / math.sqrt(15))
    mh, sh = mpq(h_mean(x)), h_sd(x)
    tq = h_t_ppf(mp.mpf("0.975"), 14)
    agree(m, mh, "h38 m")
    agree(s, sh, "h38 s")
    agree(hi, mh + tq * sh / mp.sqrt(15), "h38 hi")
    agree(lo, mh - tq * sh / mp.sqrt(15), "h38 lo")
    ex = [E("mean", m, tol=5e-4), E("SD (n-1)", s, tol=5e-4), E("95% CI upper", hi, tol=5e-4)]
    differs(m + 1.959964 * s / math.sqrt(15), ex[2], "z interval")
    add(3, "15 readings with room/date/part/gauge distractors -> mean, SD, t-interval", q,
        "Describe the 15 values: mean, sample SD (n-1), 95% t-interval for the mean (df 14).", ["describe"], ex)


def h39():
    q = ("Audit #14 (2023) found about 8% of invoices with errors. For this year's audit we want to estimate the error "
         "rate to within +/-3 percentage points at 95% confidence. Three inspectors are available. How many invoices "
         "do we need to sample?")
    v = nums(q)
    assert 8 in v and 3 in v and 95 in v
    za = stats.norm.ppf(0.975)
    na = math.ceil(za ** 2 * 0.08 * 0.92 / 0.03 ** 2)
    zh = h_norm_ppf(mp.mpf("0.975"))
    nh = int(mp.ceil(zh ** 2 * mp.mpf("0.08") * mp.mpf("0.92") / mp.mpf("0.03") ** 2))
    agree_int(na, nh, "h39")
    assert math.ceil(1.96 ** 2 * 0.08 * 0.92 / 0.0009) == na
    ex = [E("n", na)]
    assert math.ceil(za ** 2 * 0.25 / 0.0009) != na
    add(3, "proportion +/-3 points at 95% with prior 8%; distractors audit #14, 2023, three inspectors -> n", q,
        "n = ceil(z^2 p(1-p)/E^2) with p = 0.08, E = 0.03, z = 1.96 (no finite-population correction).",
        ["sample_size_ci"], ex)


def h40():
    q = ("We need to estimate the mean fill weight of our 500 g jars to within +/-0.5 g with 95% confidence. "
         "We've never measured the variation on this line. How many jars should we weigh?")
    low = q.lower()
    assert "sigma" not in low and "standard deviation" not in low and "sd" not in re.findall(r"\b\w+\b", low)
    assert nums(q) == [500, 0.5, 95]
    add(3, "REFUSE: sample size for a mean with no sigma and no pilot data", q,
        "Refuse/ask back: n = (z sigma/E)^2 needs a standard deviation (or pilot data); none is given.",
        ["sample_size_ci"], [], refuse=True,
        reason="no standard deviation or pilot data given; sample size for a mean is undefined without sigma")


def we_rules_loop(x, cl, s):
    """first index (1-based) where any Western Electric rule fires, and the rule number"""
    z = [(v - cl) / s for v in x]
    for i in range(len(z)):
        if abs(z[i]) > 3:
            return i + 1, 1
        for sgn in (1, -1):
            if i >= 2 and sum(1 for v in z[i - 2:i + 1] if sgn * v > 2) >= 2 and sgn * z[i] > 2:
                return i + 1, 2
            if i >= 4 and sum(1 for v in z[i - 4:i + 1] if sgn * v > 1) >= 4 and sgn * z[i] > 1:
                return i + 1, 3
            if i >= 7 and all(sgn * v > 0 for v in z[i - 7:i + 1]):
                return i + 1, 4
    return None, None


def we_rules_np(x, cl, s):
    z = (np.asarray(x) - cl) / s
    n = len(z)
    hits = []
    r1 = np.abs(z) > 3
    for i in range(n):
        if r1[i]:
            hits.append((i + 1, 1))
    for sgn in (1, -1):
        a2 = (sgn * z > 2).astype(int)
        a1 = (sgn * z > 1).astype(int)
        a0 = (sgn * z > 0).astype(int)
        c2 = np.convolve(a2, np.ones(3, int))[:n]
        c1 = np.convolve(a1, np.ones(5, int))[:n]
        c0 = np.convolve(a0, np.ones(8, int))[:n]
        for i in range(n):
            if i >= 2 and c2[i] >= 2 and a2[i]:
                hits.append((i + 1, 2))
            if i >= 4 and c1[i] >= 4 and a1[i]:
                hits.append((i + 1, 3))
            if i >= 7 and c0[i] == 8:
                hits.append((i + 1, 4))
    return min(hits) if hits else (None, None)


def h41():
    x = dN(50.0, 1.2, 20, 1)
    x[12], x[14] = 54.6, 55.1
    q = ("Line 4, 2nd shift. The X chart for this characteristic has centre line 50.0 and sigma 2.0 (so the 3-sigma "
         "limits are 44.0 and 56.0). Here are the last 20 points in time order: " + ", ".join(f(v, 1) for v in x) +
         ". Apply the Western Electric rules (1-4). At which point (counting from 1) does the first signal occur, "
         "and which rule is it?")
    seg = q.split("time order: ")[1].split(". Apply")[0]
    assert [float(v) for v in seg.split(", ")] == x
    ia, ra = we_rules_np(x, 50.0, 2.0)
    ib, rb = we_rules_loop(x, 50.0, 2.0)
    agree_int(ia, ib, "h41 idx")
    agree_int(ra, rb, "h41 rule")
    assert ra == 2 and max(abs(v - 50) for v in x) < 6
    ex = [E("first signalling point", ia), E("Western Electric rule", ra)]
    add(3, "centre 50, sigma 2 in prose, 20 points; distractors line 4 / 2nd shift -> first WE signal (point, rule)", q,
        "Western Electric rules with CL 50, sigma 2: first point completing a pattern (rule 2: 2 of 3 beyond 2 sigma, same side).",
        ["run_rules"], ex)


def h42():
    a = 1.414
    pts = [(-1, -1), (1, -1), (-1, 1), (1, 1), (-a, 0), (a, 0), (0, -a), (0, a)] + [(0, 0)] * 5
    e = dN(0, 0.4, 13, 2)
    y = [round(80 + 2.0 * x1 + 1.5 * x2 - 3.0 * x1 ** 2 - 2.0 * x2 ** 2 + 1.0 * x1 * x2 + ee, 2) for (x1, x2), ee in zip(pts, e)]
    def fx(v):
        return "0" if v == 0 else (f"{v:+g}")
    body = "\n".join(f"{fx(p[0]):>7} {fx(p[1]):>7}   {f(v, 2)}" for p, v in zip(pts, y))
    q = ("Pilot plant batch 2231, two-factor rotatable CCD (alpha = 1.414, 5 centre points), coded units. "
         "Fit the full quadratic and tell me where the stationary point is (coded x1, x2) and the predicted yield there.\n"
         "     x1      x2   yield_%\n" + body)
    back = [tuple(map(float, ln.split())) for ln in q.split("\n") if re.match(r"^\s+[-+0]", ln)]
    assert [(b[0], b[1]) for b in back] == [(float(p[0]), float(p[1])) for p in pts] and [b[2] for b in back] == y
    X = np.array([[1, p[0], p[1], p[0] ** 2, p[1] ** 2, p[0] * p[1]] for p in pts], float)
    bta = np.linalg.lstsq(X, np.array(y), rcond=None)[0]
    Bm = np.array([[bta[3], bta[5] / 2], [bta[5] / 2, bta[4]]])
    xs = -0.5 * np.linalg.solve(Bm, bta[1:3])
    ys = bta[0] + 0.5 * bta[1:3] @ xs
    assert np.all(np.linalg.eigvalsh(Bm) < 0)
    # (b) exact sympy least squares
    ar = sp.Rational("1.414")
    P = [(sp.Integer(p[0]) if p[0] in (-1, 0, 1) else (ar if p[0] > 0 else -ar),
          sp.Integer(p[1]) if p[1] in (-1, 0, 1) else (ar if p[1] > 0 else -ar)) for p in pts]
    Xs = sp.Matrix([[1, u, v, u * u, v * v, u * v] for u, v in P])
    Ys = sp.Matrix([sp.Rational(str(v)) for v in y])
    b = (Xs.T * Xs).LUsolve(Xs.T * Ys)
    x1, x2 = sp.symbols("x1 x2")
    yh = b[0] + b[1] * x1 + b[2] * x2 + b[3] * x1 ** 2 + b[4] * x2 ** 2 + b[5] * x1 * x2
    s = sp.solve([sp.diff(yh, x1), sp.diff(yh, x2)], [x1, x2], dict=True)[0]
    agree(xs[0], float(s[x1]), "h42 x1")
    agree(xs[1], float(s[x2]), "h42 x2")
    agree(ys, float(yh.subs(s)), "h42 y")
    ex = [E("x1 stationary (coded)", xs[0], tol=2e-3), E("x2 stationary (coded)", xs[1], tol=2e-3), E("predicted yield", ys, tol=5e-3)]
    add(3, "two-factor CCD (alpha 1.414, 5 centre points) table in coded units; batch-number distractor -> stationary point", q,
        "Full second-order least-squares fit on the 13 coded runs; stationary point solves grad = 0 (a maximum); predicted response there.",
        ["rsm_fit"], ex)


# ============================================================================
# KIND 4 -- maths
# ============================================================================

x_, y_, n_ = sp.symbols("x y n")
z_ = sp.Symbol("z")
from sympy.parsing.sympy_parser import (parse_expr, standard_transformations,
                                        implicit_multiplication_application, convert_xor)
_TRANS = standard_transformations + (implicit_multiplication_application, convert_xor)


def pm(s):
    """parse informal maths the way a user types it (for the re-parse check)"""
    s = s.replace("sinx", "sin(x)")
    return parse_expr(s, transformations=_TRANS, local_dict={"e": sp.E, "x": x_, "y": y_, "n": n_, "z": z_})


def same(a, b):
    return sp.simplify(sp.sympify(a) - sp.sympify(b)) == 0


def h43():
    q = "derivitive of x^2*sin(3x) at x=1 ?"
    expr = x_ ** 2 * sp.sin(3 * x_)
    m = re.search(r"of (.*) at x=(\d+)", q)
    assert same(pm(m.group(1)), expr) and m.group(2) == "1"
    a = float(sp.diff(expr, x_).subs(x_, 1))
    b = mp.diff(lambda t: t ** 2 * mp.sin(3 * t), 1)
    agree(a, b, "h43")
    add(4, "derivative of x^2 sin(3x) at x = 1 (typo 'derivitive')", q,
        "d/dx[x^2 sin 3x] = 2x sin 3x + 3x^2 cos 3x evaluated at x = 1 (radians).", ["differentiate", "evaluate"],
        [E("f'(1)", a, tol=1e-4)])


def h44():
    q = "4th derivative of e^(2x) cos x, evaluated at 0"
    assert same(pm(re.search(r"derivative of (.*), evaluated", q).group(1)), sp.exp(2 * x_) * sp.cos(x_))
    a = sp.diff(sp.exp(2 * x_) * sp.cos(x_), x_, 4).subs(x_, 0)
    b = mp.diff(lambda t: mp.exp(2 * t) * mp.cos(t), 0, 4)
    assert a == sp.Integer(-7)
    agree(float(a), b, "h44")
    add(4, "4th derivative of e^(2x) cos x at 0", q,
        "d^4/dx^4 [e^{2x} cos x] at 0 = Re (2+i)^4 = -7.", ["differentiate"], [E("value", int(a))])


def h45():
    q = "f(x,y) = x^3 y^2 + e^(xy). whats d2f/dxdy at (1,2)"
    fx = x_ ** 3 * y_ ** 2 + sp.exp(x_ * y_)
    assert same(pm(re.search(r"= (.*)\. whats", q).group(1)), fx) and q.endswith("at (1,2)")
    a = sp.diff(fx, x_, y_).subs({x_: 1, y_: 2})
    b = mp.diff(lambda u, v: u ** 3 * v ** 2 + mp.exp(u * v), (1, 2), (1, 1))
    agree(float(a), b, "h45")
    assert sp.simplify(a - (12 + 3 * sp.exp(2))) == 0
    add(4, "mixed partial d2f/dxdy of x^3y^2 + e^(xy) at (1,2)", q,
        "f_xy = 6x^2 y + e^{xy}(1 + xy); at (1,2): 12 + 3e^2.", ["differentiate", "evaluate"], [E("f_xy(1,2)", float(a), tol=1e-4)])


def h46():
    q = "integral of x ln(x) dx from 1 to e"
    assert same(pm(re.search(r"of (.*) dx from 1 to e$", q).group(1)), x_ * sp.log(x_))
    a = sp.integrate(x_ * sp.log(x_), (x_, 1, sp.E))
    b = mp.quad(lambda t: t * mp.log(t), [1, mp.e])
    agree(float(a), b, "h46")
    assert sp.simplify(a - (sp.E ** 2 + 1) / 4) == 0
    add(4, "definite integral of x ln x from 1 to e", q, "Integral = (e^2 + 1)/4.", ["integrate"], [E("integral", float(a), tol=1e-5)])


def h47():
    q = "int_0^inf dx/(1+x^4) = ?"
    assert same(pm(re.search(r"dx/(\(.*\)) =", q).group(1)), 1 + x_ ** 4)
    a = sp.integrate(1 / (1 + x_ ** 4), (x_, 0, sp.oo))
    b = mp.quad(lambda t: 1 / (1 + t ** 4), [0, 1, mp.inf])
    agree(float(a), b, "h47")
    assert sp.simplify(a - sp.pi / (2 * sp.sqrt(2))) == 0
    add(4, "improper integral of 1/(1+x^4) over [0, inf)", q, "Integral = pi/(2 sqrt 2).", ["integrate"],
        [E("integral", float(a), tol=1e-5)])


def h48():
    q = "lim x->0 (sinx - x)/x^3"
    assert same(pm(q.split("x->0 ")[1]), (sp.sin(x_) - x_) / x_ ** 3)
    a = sp.limit((sp.sin(x_) - x_) / x_ ** 3, x_, 0)
    with mp.workdps(40):
        b = mp.limit(lambda t: (mp.sin(t) - t) / t ** 3, 0)
    assert a == sp.Rational(-1, 6)
    agree(float(a), b, "h48")
    add(4, "limit (sin x - x)/x^3 as x -> 0", q, "Limit = -1/6 (from the Taylor series of sin).", ["limit", "series"],
        [E("limit", float(a), tol=1e-5)])


def h49():
    q = "sum from n=1 to infinity of 1/(n(n+2))"
    assert same(pm(q.split("infinity of ")[1]), 1 / (n_ * (n_ + 2)))
    a = sp.summation(1 / (n_ * (n_ + 2)), (n_, 1, sp.oo))
    b = mp.nsum(lambda k: 1 / (k * (k + 2)), [1, mp.inf])
    assert a == sp.Rational(3, 4)
    agree(float(a), b, "h49")
    add(4, "infinite sum of 1/(n(n+2))", q, "Telescoping: (1/2)(1 + 1/2) = 3/4.", ["summation"], [E("sum", 0.75, tol=1e-6)])


def h50():
    q = "can you invert this matrix for me  [[2,4,1],[1,3,2],[3,7,3]]"
    M = sp.Matrix([[2, 4, 1], [1, 3, 2], [3, 7, 3]])
    assert json.loads(re.search(r"(\[\[.*\]\])", q).group(1)) == M.tolist()
    assert M.det() == 0 and M.rank() == 2
    assert abs(float(mp.det(mp.matrix([[2, 4, 1], [1, 3, 2], [3, 7, 3]])))) < 1e-20
    add(4, "REFUSE: inverse of a singular 3x3 matrix (row 3 = row 1 + row 2)", q,
        "Refuse/explain: det = 0 (row3 = row1 + row2), so the matrix has no inverse.", ["matrix"], [], refuse=True,
        reason="matrix is singular (det 0, row 3 = row 1 + row 2): inverse does not exist")


def h51():
    q = "what's the real root of x^3 - 2x - 5 = 0, need it to 6 dp"
    assert same(pm(re.search(r"root of (.*) = 0", q).group(1)), x_ ** 3 - 2 * x_ - 5)
    rr = [r for r in np.roots([1, 0, -2, -5]) if abs(r.imag) < 1e-12]
    assert len(rr) == 1
    a = float(sp.nsolve(x_ ** 3 - 2 * x_ - 5, x_, 2))
    b = mp.findroot(lambda t: t ** 3 - 2 * t - 5, 2)
    agree(a, b, "h51", rel=1e-10)
    agree(rr[0].real, a, "h51 np", rel=1e-10)
    add(4, "real root of x^3 - 2x - 5", q, "Single real root of x^3 - 2x - 5 = 0 (about 2.0945515).", ["solve"],
        [E("root", a, tol=1e-6)])


def h52():
    q = "solve 2x + 3y - z = -2 ; x - y + 2z = 9 ; 3x + y + z = 8"
    sol = sp.solve([2 * x_ + 3 * y_ - sp.Symbol("z") + 2, x_ - y_ + 2 * sp.Symbol("z") - 9, 3 * x_ + y_ + sp.Symbol("z") - 8],
                   [x_, y_, sp.Symbol("z")], dict=True)[0]
    eqs = [pm(e.split("=")[0]) - pm(e.split("=")[1]) for e in q[len("solve "):].split(";")]
    for e, ref in zip(eqs, [2 * x_ + 3 * y_ - z_ + 2, x_ - y_ + 2 * z_ - 9, 3 * x_ + y_ + z_ - 8]):
        assert same(e, ref)
    A = mp.matrix([[2, 3, -1], [1, -1, 2], [3, 1, 1]])
    bb = mp.lu_solve(A, mp.matrix([-2, 9, 8]))
    vals = [sol[x_], sol[y_], sol[sp.Symbol("z")]]
    for u, v in zip(vals, bb):
        agree(float(u), v, "h52")
    assert all(v.is_integer for v in vals) and all(v != 0 for v in vals)
    add(4, "3x3 linear system", q, "Unique solution x = 2, y = -1, z = 3.", ["solve", "matrix"],
        [E("x", int(vals[0])), E("y", int(vals[1])), E("z", int(vals[2]))])


def h53():
    q = ("A = [4 -2 1; 3 6 -4; 2 1 8]. det(A)? and the (2,2) entry of A^-1 (row 2, col 2)")
    M = sp.Matrix([[4, -2, 1], [3, 6, -4], [2, 1, 8]])
    assert [[int(v) for v in r.split()] for r in re.search(r"\[(.*)\]", q).group(1).split(";")] == M.tolist()
    det = M.det()
    inv22 = M.inv()[1, 1]
    Am = mp.matrix([[4, -2, 1], [3, 6, -4], [2, 1, 8]])
    agree(float(det), mp.det(Am), "h53 det")
    agree(float(inv22), (Am ** -1)[1, 1], "h53 inv")
    # cofactor by hand: C22 = 4*8 - 1*2
    assert inv22 == sp.Rational(4 * 8 - 1 * 2, det)
    add(4, "3x3 determinant and (2,2) entry of the inverse (MATLAB-style input)", q,
        f"det(A) = {det}; (A^-1)_22 = cofactor C22 / det = 30/{det}.", ["matrix"],
        [E("det", int(det)), E("inv(A)[2,2]", float(inv22), tol=1e-6)])


def h54():
    q = "eigenvalues of [[2,1,0],[1,3,1],[0,1,4]] - just need largest and smallest"
    M = np.array([[2, 1, 0], [1, 3, 1], [0, 1, 4]], float)
    assert json.loads(re.search(r"(\[\[.*\]\])", q).group(1)) == M.tolist()
    ev = np.linalg.eigvalsh(M)
    evm = sorted(mp.eig(mp.matrix(M.tolist()))[0], key=lambda z: mp.re(z))
    agree(ev[0], mp.re(evm[0]), "h54 min")
    agree(ev[-1], mp.re(evm[-1]), "h54 max")
    assert abs(ev[-1] - (3 + math.sqrt(3))) < 1e-12
    add(4, "eigenvalues of a symmetric tridiagonal 3x3 (largest, smallest)", q, "Eigenvalues 3 - sqrt3, 3, 3 + sqrt3.", ["matrix"],
        [E("largest eigenvalue", ev[-1], tol=1e-6), E("smallest eigenvalue", ev[0], tol=1e-6)])


def h55():
    q = "absolute max and min of f(x)=x^3-3x^2-9x+5 on [-2,6]? and where is the min"
    fx = x_ ** 3 - 3 * x_ ** 2 - 9 * x_ + 5
    m = re.search(r"f\(x\)=(.*) on \[(-?\d+),(-?\d+)\]", q)
    assert same(pm(m.group(1)), fx) and (int(m.group(2)), int(m.group(3))) == (-2, 6)
    crit = [c for c in sp.solve(sp.diff(fx, x_), x_) if -2 <= c <= 6]
    cand = crit + [sp.Integer(-2), sp.Integer(6)]
    vals = {c: fx.subs(x_, c) for c in cand}
    mx = max(vals.values())
    mn = min(vals.values())
    argmn = [c for c in cand if vals[c] == mn][0]
    g = lambda t: t ** 3 - 3 * t ** 2 - 9 * t + 5
    roots = [mp.findroot(lambda t: 3 * t ** 2 - 6 * t - 9, s0) for s0 in (-1.5, 2.5)]
    cand_m = [mp.mpf(-2), mp.mpf(6)] + roots
    agree(float(mx), max(g(t) for t in cand_m), "h55 max")
    agree(float(mn), min(g(t) for t in cand_m), "h55 min")
    assert mx == 59 and mn == -22 and argmn == 3
    add(4, "absolute extrema of a cubic on [-2, 6] (max at an endpoint)", q,
        "Critical points x = -1, 3; compare with endpoints: max f(6) = 59, min f(3) = -22.", ["extrema"],
        [E("absolute max", int(mx)), E("absolute min", int(mn)), E("x at min", int(argmn))])


def h56():
    q = "partial fractions (3x+5)/((x+1)(x+3)) = A/(x+1) + B/(x+3), find A and B"
    assert same(pm(re.search(r"fractions (.*) = A", q).group(1)), (3 * x_ + 5) / ((x_ + 1) * (x_ + 3)))
    ap = sp.apart((3 * x_ + 5) / ((x_ + 1) * (x_ + 3)), x_)
    A_ = sp.limit(ap * (x_ + 1), x_, -1)
    B_ = sp.limit(ap * (x_ + 3), x_, -3)
    Ah = Fr(3 * -1 + 5, -1 + 3)
    Bh = Fr(3 * -3 + 5, -3 + 1)
    assert A_ == Ah and B_ == Bh and sp.simplify(ap - (A_ / (x_ + 1) + B_ / (x_ + 3))) == 0
    add(4, "partial-fraction coefficients of (3x+5)/((x+1)(x+3))", q, "Cover-up rule: A = 1, B = 2.", ["simplify"],
        [E("A", int(A_)), E("B", int(B_))])


# ============================================================================
# KIND 5 -- named tests
# ============================================================================

def mw_counts(m, n):
    """number of arrangements with U = u (U = #pairs x_i > y_j), by DP"""
    from functools import lru_cache

    @lru_cache(None)
    def g(mm, nn):
        if mm == 0 or nn == 0:
            return (1,)
        a = g(mm - 1, nn)  # largest is an x: it beats all nn y's
        b = g(mm, nn - 1)
        out = [0] * (mm * nn + 1)
        for u, c in enumerate(a):
            out[u + nn] += c
        for u, c in enumerate(b):
            out[u] += c
        return tuple(out)
    return g(m, n)


def h57():
    new = dN(31.5, 2.3, 8, 2)
    old = dN(28.9, 2.15, 9, 2)
    q = ("Mann-Whitney U test please (two-sided, exact p since the samples are small). Peel strength, new adhesive: " +
         ", ".join(f(v, 2) for v in new) + " / old adhesive: " + ", ".join(f(v, 2) for v in old) +
         ". Also the Hodges-Lehmann estimate of the shift (new minus old).")
    sn = [float(v) for v in q.split("new adhesive: ")[1].split(" / ")[0].split(", ")]
    so = [float(v) for v in q.split("old adhesive: ")[1].split(". Also")[0].split(", ")]
    assert sn == new and so == old and no_ties(new + old)
    r = stats.mannwhitneyu(new, old, method="exact", alternative="two-sided")
    U = sum(1 for a in new for b in old if a > b)
    cnt = mw_counts(8, 9)
    tot = sum(cnt)
    assert tot == math.comb(17, 8)
    ph = min(Fr(1), 2 * min(Fr(sum(cnt[:U + 1]), tot), Fr(sum(cnt[U:]), tot)))
    agree_int(r.statistic, U, "h57 U")
    agree(r.pvalue, mpq(ph), "h57 p")
    diffs = sorted(F_(a) - F_(b) for a in new for b in old)
    hl = (diffs[35] + diffs[36]) / 2
    agree(np.median([a - b for a in new for b in old]), mpq(hl), "h57 hl")
    ex = [Ep("exact p two-sided", r.pvalue), E("Hodges-Lehmann shift (new - old)", float(mpq(hl)), tol=0.005)]
    add(5, "Mann-Whitney U named, exact p, plus Hodges-Lehmann shift", q,
        "Exact two-sided Mann-Whitney (8 vs 9, no ties) and the median of the 72 pairwise differences new - old.",
        ["mann_whitney"], ex)


def h58():
    while True:  # deterministic rejection: redraw until no zero and no tied |before - after|
        before = dN(142, 9, 11, 1)
        dd = dN(3.0, 4.5, 11, 1)
        after = [round(b - d, 1) for b, d in zip(before, dd)]
        dchk = [round(b - a, 1) for b, a in zip(before, after)]
        if 0 not in dchk and no_ties([abs(v) for v in dchk]):
            break
    q = ("Wilcoxon signed-rank test on paired data (same 11 patients' systolic BP before and after the dose change). "
         "Exact p-value, two-sided, and the signed-rank sum W+ for before minus after.\nbefore: " + " ".join(f(v, 1) for v in before) + "\nafter:  " +
         " ".join(f(v, 1) for v in after))
    lb = [float(v) for v in re.search(r"^before: (.*)$", q, re.M).group(1).split()]
    la = [float(v) for v in re.search(r"^after: (.*)$", q, re.M).group(1).split()]
    assert lb == before and la == after
    d = [round(b - a, 1) for b, a in zip(before, after)]
    r = stats.wilcoxon(before, after, method="exact")
    wp, ph = h_wsr(d)
    agree(r.pvalue, mpq(ph), "h58 p")
    agree_int(r.statistic, min(wp, 66 - wp), "h58 W")
    ex = [E("W+ (sum of ranks of positive before - after)", wp), Ep("exact p two-sided", r.pvalue)]
    add(5, "Wilcoxon signed-rank named, paired before/after, exact", q,
        "Paired Wilcoxon signed-rank on before - after (no zeros/ties), W+ and exact two-sided p.",
        ["wilcoxon_signed_rank"], ex)


def h59():
    blocks = 6
    eff = [0.0, 0.6, 1.3, 0.2]
    data = [[round(b + e + v, 2) for e, v in zip(eff, dN(0, 0.75, 4, 2))] for b in dU(10, 20, blocks, 1)]
    hdr = "batch  recipe1  recipe2  recipe3  recipe4"
    body = "\n".join(f"{i:<7}" + "  ".join(f"{f(v, 2):>7}" for v in row) for i, row in enumerate(data, 1))
    q = ("Friedman test: 6 batches of dough, each split four ways and baked with the four recipes; "
         "response is rise height (mm). Chi-square approximation is fine.\n" + hdr + "\n" + body)
    back = [[float(v) for v in ln.split()[1:]] for ln in q.split("\n") if re.match(r"^\d\s", ln)]
    assert back == data and all(no_ties(r) for r in data)
    r = stats.friedmanchisquare(*zip(*data))
    Rj = [sum(h_ranks(row)[j] for row in data) for j in range(4)]
    Qh = Fr(12, blocks * 4 * 5) * sum(R * R for R in Rj) - 3 * blocks * 5
    agree(r.statistic, mpq(Qh), "h59 Q")
    agree(r.pvalue, h_chi2_sf(mpq(Qh), 3), "h59 p")
    ex = [E("Friedman chi-square", r.statistic, rel=5e-4), Ep("p (3 df)", r.pvalue)]
    add(5, "Friedman test named, 6 batches x 4 recipes grid", q,
        "Friedman statistic on within-batch ranks (no ties), chi-square approximation with 3 df.", ["friedman"], ex)


def h60():
    g = [dN(5.0, 0.3, 8, 2), dN(5.1, 0.7, 8, 2), dN(4.9, 0.45, 8, 2)]
    q = ("Brown-Forsythe test (the median-centred Levene) for equal spread of the three gauges:\n" +
         "\n".join(f"gauge {c}: " + ", ".join(f(v, 2) for v in gg) for c, gg in zip("XYZ", g)))
    back = [[float(v) for v in ln.split(": ")[1].split(", ")] for ln in q.split("\n") if ln.startswith("gauge")]
    assert back == g
    r = stats.levene(*g, center="median")
    z = []
    for gg in g:
        s = sorted(F_(v) for v in gg)
        med = (s[3] + s[4]) / 2
        z.append([abs(F_(v) - med) for v in gg])
    Fh, d1, d2, _ = h_oneway(z)
    agree(r.statistic, mpq(Fh), "h60 F")
    agree(r.pvalue, h_F_sf(mpq(Fh), d1, d2), "h60 p")
    ex = [E("Brown-Forsythe W (F 2, 21)", r.statistic), Ep("p", r.pvalue)]
    differs(stats.levene(*g, center="mean").pvalue, ex[1], "mean-centred")
    add(5, "Brown-Forsythe (median Levene) named, three gauges", q,
        "One-way ANOVA on |x - group median| (Brown-Forsythe), F on (2, 21) df.", ["levene"], ex)


def h61():
    g = [dN(100, s, 6, 1) for s in (2.0, 3.4, 1.6, 2.6)]
    q = ("Bartlett's test for homogeneity of variances across the four ovens (6 loaves each, core temp in F):\n" +
         "\n".join(f"Oven {i}  " + " ".join(f(v, 1) for v in gg) for i, gg in enumerate(g, 1)))
    back = [[float(v) for v in ln.split()[2:]] for ln in q.split("\n") if ln.startswith("Oven")]
    assert back == g
    r = stats.bartlett(*g)
    k = 4
    ni = [6] * 4
    N = 24
    vs = [mpq(h_var(gg)) for gg in g]
    sp2 = sum((n - 1) * v for n, v in zip(ni, vs)) / (N - k)
    num = (N - k) * mp.log(sp2) - sum((n - 1) * mp.log(v) for n, v in zip(ni, vs))
    den = 1 + (sum(mp.mpf(1) / (n - 1) for n in ni) - mp.mpf(1) / (N - k)) / (3 * (k - 1))
    T = num / den
    agree(r.statistic, T, "h61 T")
    agree(r.pvalue, h_chi2_sf(T, 3), "h61 p")
    ex = [E("Bartlett statistic", r.statistic), Ep("p (3 df)", r.pvalue)]
    add(5, "Bartlett's test named, four ovens", q, "Bartlett's test of equal variances, chi-square with 3 df.", ["variance_test"], ex)


def h62():
    q = ("Chi-square test of independence please. Inspection outcome by supplier, as row percentages from the "
         "monthly report:\n\n"
         "Supplier   Good   Minor   Major\n"
         "Acme       92%    5%      3%\n"
         "Borg       85%    10%     5%\n"
         "Corex      88%    7%      5%\n\nIs the outcome related to supplier?")
    rows = [[int(v) for v in re.findall(r"(\d+)%", ln)] for ln in q.split("\n") if "%" in ln]
    assert all(sum(r) == 100 for r in rows) and len(rows) == 3
    assert not re.search(r"\b(n|N|total|inspected|parts)\s*=", q)
    add(5, "REFUSE: chi-square of independence asked on row percentages with no counts", q,
        "Refuse/ask back: a chi-square test needs counts; percentages without the number inspected per supplier give no test statistic.",
        ["chi_square"], [], refuse=True, reason="only row percentages are given, no counts or sample sizes: the chi-square statistic is undefined")


def h63():
    A = dN(8.0, 0.12, 10, 3)
    B = dN(8.0, 0.22, 12, 3)
    q = ("F-test for equality of two variances, two-sided. Take F as var(machine A) / var(machine B).\n"
         "machine A: " + " ".join(f(v, 3) for v in A) + "\nmachine B: " + " ".join(f(v, 3) for v in B))
    la = [float(v) for v in re.search(r"^machine A: (.*)$", q, re.M).group(1).split()]
    lb = [float(v) for v in re.search(r"^machine B: (.*)$", q, re.M).group(1).split()]
    assert la == A and lb == B
    Fa = np.var(A, ddof=1) / np.var(B, ddof=1)
    pa = 2 * min(stats.f.cdf(Fa, 9, 11), stats.f.sf(Fa, 9, 11))
    Fh = h_var(A) / h_var(B)
    ph = 2 * min(h_F_cdf(mpq(Fh), 9, 11), h_F_sf(mpq(Fh), 9, 11))
    agree(Fa, mpq(Fh), "h63 F")
    agree(pa, ph, "h63 p")
    ex = [E("F = s_A^2/s_B^2 (9, 11 df)", Fa), Ep("p two-sided", pa)]
    differs(pa / 2, ex[1], "one-sided")
    add(5, "F-test of two variances named, ratio A/B, two-sided", q,
        "F = s_A^2/s_B^2 on (9, 11) df; two-sided p = 2 min(P(F<=f), P(F>=f)).", ["variance_test"], ex)


def h_shapiro(x):
    """Royston (1995) AS R94 for n >= 12, implemented from the published coefficients"""
    n = len(x)
    xs = sorted(F_(v) for v in x)
    m = [h_norm_ppf((mp.mpf(i) - mp.mpf("0.375")) / (n + mp.mpf("0.25"))) for i in range(1, n + 1)]
    mm = sum(v * v for v in m)
    u = 1 / mp.sqrt(n)
    c = [v / mp.sqrt(mm) for v in m]
    an = c[-1] + 0.221157 * u - 0.147981 * u ** 2 - 2.071190 * u ** 3 + 4.434685 * u ** 4 - 2.706056 * u ** 5
    an1 = c[-2] + 0.042981 * u - 0.293762 * u ** 2 - 1.752461 * u ** 3 + 5.682633 * u ** 4 - 3.582633 * u ** 5
    phi = (mm - 2 * m[-1] ** 2 - 2 * m[-2] ** 2) / (1 - 2 * an ** 2 - 2 * an1 ** 2)
    a = [v / mp.sqrt(phi) for v in m]
    a[-1], a[-2], a[0], a[1] = an, an1, -an, -an1
    ssq = mpq(h_ss(x))
    W = sum(ai * mpq(v) for ai, v in zip(a, xs)) ** 2 / ssq
    ln = mp.log(n)
    mu = 0.0038915 * ln ** 3 - 0.083751 * ln ** 2 - 0.31082 * ln - 1.5861
    sg = mp.exp(0.0030302 * ln ** 2 - 0.082676 * ln - 0.4803)
    z = (mp.log(1 - W) - mu) / sg
    return W, h_norm_sf(z)


def h64():
    x = [round(v, 2) for v in 20 + rng.gamma(3.0, 1.2, 20)]
    q = ("Shapiro-Wilk normality test on these 20 cycle times (min): " + ", ".join(f(v, 2) for v in x) +
         ". W and p please.")
    seg = q.split("(min): ")[1].split(". W and")[0]
    assert [float(v) for v in seg.split(", ")] == x
    r = stats.shapiro(x)
    Wh, ph = h_shapiro(x)
    agree(r.statistic, Wh, "h64 W", rel=1e-4)
    agree(r.pvalue, ph, "h64 p")
    ex = [E("W", r.statistic, tol=3e-4), E("p", r.pvalue, tol=max(3e-3 * r.pvalue, 2e-4))]
    add(5, "Shapiro-Wilk named, 20 skewed cycle times", q, "Shapiro-Wilk W (Royston's algorithm) and its p-value.", ["normality"], ex)


def h65():
    x = dN(3.20, 0.05, 18, 3)
    q = ("Run an Anderson-Darling normality test on the 18 wall-thickness readings below. I want the plain A^2 statistic "
         "and also the small-sample adjusted A* = A^2(1 + 0.75/n + 2.25/n^2).\n" + "\n".join(
             " ".join(f(v, 3) for v in x[i:i + 6]) for i in range(0, 18, 6)))
    back = [float(v) for ln in q.split("\n")[1:] for v in ln.split()]
    assert back == x
    r = stats.anderson(x, dist="norm")
    xs = sorted(x)
    mh, sh = mpq(h_mean(x)), h_sd(x)
    Fz = [h_norm_cdf((mp.mpf(str(v)) - mh) / sh) for v in xs]
    n = 18
    A2 = -n - sum((2 * i - 1) * (mp.log(Fz[i - 1]) + mp.log(1 - Fz[n - i])) for i in range(1, n + 1)) / n
    agree(r.statistic, A2, "h65 A2")
    Astar = r.statistic * (1 + 0.75 / n + 2.25 / n ** 2)
    ex = [E("A^2", r.statistic, tol=5e-4), E("A* (adjusted)", Astar, tol=5e-4)]
    add(5, "Anderson-Darling named: plain A^2 and adjusted A*", q,
        "Anderson-Darling A^2 against a normal with estimated mean and SD (n-1), and A* = A^2(1 + 0.75/n + 2.25/n^2).",
        ["normality"], ex)


def kendall_exact_counts(n):
    """Mahonian numbers: permutations of n by number of inversions"""
    cnt = [1]
    for k in range(2, n + 1):
        new = [0] * (len(cnt) + k - 1)
        for i, c in enumerate(cnt):
            for j in range(k):
                new[i + j] += c
        cnt = new
    return cnt


def h66():
    x = dU(0, 100, 10, 1)
    y = [round(25 + 0.4 * a + b, 1) for a, b in zip(x, dN(0, 22, 10, 1))]
    q = ("Kendall's tau-b between judge 1 and judge 2 scores for 10 entries (exact p-value, two-sided).\n"
         "J1: " + ", ".join(f(v, 1) for v in x) + "\nJ2: " + ", ".join(f(v, 1) for v in y))
    l1 = [float(v) for v in re.search(r"^J1: (.*)$", q, re.M).group(1).split(", ")]
    l2 = [float(v) for v in re.search(r"^J2: (.*)$", q, re.M).group(1).split(", ")]
    assert l1 == x and l2 == y and no_ties(x) and no_ties(y)
    r = stats.kendalltau(x, y, method="exact")
    n = 10
    P = Qd = 0
    for i in range(n):
        for j in range(i + 1, n):
            s = (x[i] - x[j]) * (y[i] - y[j])
            P += s > 0
            Qd += s < 0
    tau = Fr(P - Qd, 45)
    cnt = kendall_exact_counts(n)
    tot = math.factorial(n)
    ph = min(Fr(1), 2 * min(Fr(sum(cnt[:Qd + 1]), tot), Fr(sum(cnt[Qd:]), tot)))
    agree(r.statistic, mpq(tau), "h66 tau")
    agree(r.pvalue, mpq(ph), "h66 p")
    ex = [E("tau-b", r.statistic, tol=1e-4), Ep("exact p two-sided", r.pvalue)]
    add(5, "Kendall tau-b named, exact p, two judges", q,
        "Kendall tau (no ties, so tau-b = (C - D)/45) with the exact permutation p-value, two-sided.", ["correlation"], ex)


def h67():
    g = [dN(20.0, 0.6, 7, 2), dN(21.1, 2.0, 9, 2), dN(19.6, 1.2, 8, 2)]
    q = ("Welch's ANOVA (the unequal-variance one-way ANOVA) for three catalysts, conversion %:\n" +
         "\n".join(f"cat-{c} = [" + ", ".join(f(v, 2) for v in gg) + "]" for c, gg in zip("123", g)) +
         "\nReport F, the denominator df and p.")
    back = [[float(v) for v in m.split(", ")] for m in re.findall(r"\[([^\]]+)\]", q)]
    assert back == g
    r = sm_anova_oneway(g, use_var="unequal")
    k = 3
    ni = [len(gg) for gg in g]
    w = [mp.mpf(n) / mpq(h_var(gg)) for n, gg in zip(ni, g)]
    Wt = sum(w)
    mns = [mpq(h_mean(gg)) for gg in g]
    mw = sum(a * b for a, b in zip(w, mns)) / Wt
    Aq = sum(a * (b - mw) ** 2 for a, b in zip(w, mns)) / (k - 1)
    tmp = sum((1 - a / Wt) ** 2 / (n - 1) for a, n in zip(w, ni))
    Fh = Aq / (1 + 2 * (k - 2) * tmp / (k * k - 1))
    df2 = (k * k - 1) / (3 * tmp)
    agree(r.statistic, Fh, "h67 F")
    agree(r.df[1], df2, "h67 df2")
    agree(r.pvalue, h_F_sf(Fh, 2, df2), "h67 p")
    ex = [E("Welch F", r.statistic), E("denominator df", r.df[1], tol=0.01), Ep("p", r.pvalue)]
    differs(stats.f_oneway(*g).pvalue, ex[2], "classic ANOVA")
    add(5, "Welch's ANOVA named, three catalysts in bracket lists", q,
        "Welch one-way ANOVA: F, numerator df 2, Welch denominator df, p.", ["anova_oneway"], ex)


def h68():
    a, b = dBin([24], 0.55)[0], 0
    b = 24 - a
    c = dBin([26], 0.25)[0]
    d = 26 - c
    q = (f"Fisher's exact test, 2x2: with the new flux {a} of 24 joints passed and {b} failed; with the old flux {c} of 26 "
         f"passed and {d} failed. Two-sided p and the sample odds ratio (new vs old, odds of passing)?")
    m = re.findall(r"(\d+) of (\d+) joints passed and (\d+) failed|(\d+) of (\d+) passed and (\d+) failed", q)
    vals = [[int(v) for v in t if v] for t in m]
    assert vals == [[a, 24, b], [c, 26, d]]
    assert b * c > 0 and a * d > 0
    orr, p = stats.fisher_exact([[a, b], [c, d]])
    # hand: hypergeometric enumeration
    r1, c1, N = a + b, a + c, a + b + c + d
    def pr(x):
        return Fr(math.comb(c1, x) * math.comb(N - c1, r1 - x), math.comb(N, r1))
    p0 = pr(a)
    ph = sum(pr(x) for x in range(max(0, r1 + c1 - N), min(r1, c1) + 1) if pr(x) <= p0 * (1 + Fr(1, 10 ** 7)))
    agree(p, mpq(ph), "h68 p")
    agree(orr, Fr(a * d, b * c), "h68 or")
    ex = [Ep("Fisher exact p two-sided", p), E("sample odds ratio", orr, rel=5e-4)]
    add(5, "Fisher's exact named, 2x2 in prose, two-sided p and odds ratio", q,
        "Fisher's exact test on [[pass_new, fail_new], [pass_old, fail_old]] (two-sided, sum of tables no more likely), odds ratio ad/bc.",
        ["proportion_test"], ex)


def h69():
    before = dN(78, 6, 12, 1)
    after = [round(v - 2.0, 1) for v in dN(78, 6, 11, 1)]
    q = ("Wilcoxon signed-rank test, paired, for our 12 operators' scores before and after retraining:\n"
         "before: " + ", ".join(f(v, 1) for v in before) + "\nafter: " + ", ".join(f(v, 1) for v in after))
    lb = [float(v) for v in re.search(r"^before: (.*)$", q, re.M).group(1).split(", ")]
    la = [float(v) for v in re.search(r"^after: (.*)$", q, re.M).group(1).split(", ")]
    assert lb == before and la == after and len(lb) == 12 and len(la) == 11
    add(5, "REFUSE: paired Wilcoxon with 12 'before' and 11 'after' values and no operator IDs", q,
        "Refuse/ask back: a paired test needs one after value per operator; 12 vs 11 values with no identifiers cannot be paired.",
        ["wilcoxon_signed_rank"], [], refuse=True,
        reason="12 before values but 11 after values with no IDs: the pairs cannot be formed")


def h70():
    x = dN(10.9, 0.9, 15, 1)
    x[3] = 10.0
    q = ("Sign test, one sample: is the median torque different from 10.0 N*m? Readings: " +
         " ".join(f(v, 1) for v in x) + " (values equal to 10.0 are dropped, as usual).")
    seg = q.split("Readings: ")[1].split(" (values")[0]
    assert [float(v) for v in seg.split()] == x
    nz = [v for v in x if v != 10.0]
    k = sum(1 for v in nz if v > 10.0)
    n = len(nz)
    r = stats.binomtest(k, n, 0.5)
    ph = min(Fr(1), 2 * min(Fr(sum(math.comb(n, i) for i in range(k + 1)), 2 ** n),
                              Fr(sum(math.comb(n, i) for i in range(k, n + 1)), 2 ** n)))
    agree(r.pvalue, mpq(ph), "h70 p")
    assert n < 15
    ex = [E("n used (ties dropped)", n), E("number above 10.0", k), Ep("exact p two-sided", r.pvalue)]
    add(5, "sign test named, one-sample median vs 10.0, ties dropped", q,
        "Exact binomial sign test of the non-tied values against median 10.0, two-sided.", ["sign_test"], ex)


# ============================================================================
# build, check, write
# ============================================================================

BUILDERS = [h01, h02, h03, h04, h05, h06, h07, h08, h09, h10, h11, h12, h13, h14,
            h15, h16, h17, h18, h19, h20, h21, h22, h23, h24, h25, h26, h27, h28,
            h29, h30, h31, h32, h33, h34, h35, h36, h37, h38, h39, h40, h41, h42,
            h43, h44, h45, h46, h47, h48, h49, h50, h51, h52, h53, h54, h55, h56,
            h57, h58, h59, h60, h61, h62, h63, h64, h65, h66, h67, h68, h69, h70]


BAD = []


def main():
    for i, b in enumerate(BUILDERS, 1):
        assert b.__name__ == f"h{i:02d}"
        n0 = len(Q)
        t0 = __import__("time").time()
        b()
        if os.environ.get("R38_TIMING"):
            print(b.__name__, round(__import__("time").time() - t0, 2), file=sys.stderr)
        assert len(Q) == n0 + 1 and Q[-1]["id"] == b.__name__
    # ---- sanity checks
    assert len(Q) == 70
    for i, q in enumerate(Q, 1):
        assert q["id"] == f"h{i:02d}"
        assert q["kind"] == (i - 1) // 14 + 1
        assert "dsl_run" in q["tools"] and all(t in TOOLS for t in q["tools"]), q["tools"]
        if q["refuse"]:
            assert q["expect"] == [] and q["_reason"]
        else:
            assert 1 <= len(q["expect"]) <= 3, q["id"]
            for e in q["expect"]:
                assert e["value"] != 0, (q["id"], e)
                assert e["tol"] >= 0 and (e["tol"] > 0 or isinstance(e["value"], int)), (q["id"], e)
                if is_p(e):
                    if not (1e-4 <= e["value"] <= 0.99):
                        BAD.append((q["id"], e))
    if os.environ.get("R38_TIMING"):
        for q in Q:
            print(q["id"], [(e["name"], e["value"], e["tol"]) for e in q["expect"]], file=sys.stderr)
    assert not BAD, BAD
    assert len({q["question"] for q in Q}) == 70
    refusals = [q["id"] for q in Q if q["refuse"]]
    assert len(refusals) == 7
    assert len({Q[int(r[1:]) - 1]["kind"] for r in refusals}) == 5
    used = {t for q in Q for t in q["tools"]}
    assert used == set(TOOLS), set(TOOLS) - used
    # ---- write
    lines = []
    for q in Q:
        rec = {k: q[k] for k in ("id", "kind", "question", "intent", "tools", "expect", "refuse")}
        lines.append(json.dumps(rec, ensure_ascii=False))
    txt = "\n".join(lines) + "\n"
    with open(os.path.join(HERE, "round38.jsonl"), "w") as fh:
        fh.write(txt)
    md5 = hashlib.md5(txt.encode()).hexdigest()
    counts = {str(k): sum(1 for q in Q if q["kind"] == k) for k in range(1, 6)}
    meta = {"round": 38, "seed": 38383838, "n_questions": 70, "counts_per_kind": counts,
            "refusals": {q["id"]: q["_reason"] for q in Q if q["refuse"]},
            "md5_round38_jsonl": md5}
    with open(os.path.join(HERE, "round38_meta.json"), "w") as fh:
        json.dump(meta, fh, indent=2)
        fh.write("\n")
    write_readme(md5, counts)
    print("OK", md5, " ".join(f"k{k}={v}" for k, v in counts.items()), ",".join(refusals))


KIND_NAMES = {1: "Tables that are not plain numeric columns",
              2: "Intent carried by wording",
              3: "Numbers in prose with roles (block sizes, levels, centre points, replicates, costs, distractors)",
              4: "Mathematics (calculus, limits, sums, roots, linear algebra, extrema, simplification)",
              5: "Tests named by the user"}


def write_readme(md5, counts):
    L = []
    L.append("# Blind test set, round 38\n")
    L.append("70 questions for the maths / statistics / engineering question-answering agent, written blind: only "
             "`TOOLS.txt` (the agent's tool list) was read; no project code, no earlier test sets.\n")
    L.append("## Files\n")
    L.append("- `make_round38.py` - the single generator; run it with the project interpreter "
             "(`/work/main/.venv/bin/python make_round38.py`). It writes the three files below next to itself and prints "
             "`OK <md5> <counts> <refusal ids>`.")
    L.append("- `round38.jsonl` - 70 lines, one JSON object each: `id`, `kind`, `question`, `intent`, `tools`, `expect` "
             "(list of `{name, value, tol}`; `tol` is absolute), `refuse`.")
    L.append("- `round38_meta.json` - counts per kind, refusal ids with reasons, md5 of `round38.jsonl`.")
    L.append("- `README.md` - this file.\n")
    L.append("## How it was written / determinism\n")
    L.append("All random data come from `numpy.random.default_rng(38383838)`, drawn in question-id order (h01 first) and "
             "rounded at draw time to the precision printed in the question, so the text shows exactly the numbers used. "
             "Maths questions and a few summary-figure questions use fixed numbers. Running the script twice gives the "
             f"same bytes (md5 of round38.jsonl: `{md5}`).\n")
    L.append("Each non-refusal expectation is computed twice: (a) with a library (scipy.stats, statsmodels, sympy, or "
             "an explicit numpy design matrix fitted by OLS) and (b) independently by hand - exact Fraction arithmetic for "
             "sums of squares, explicit formulas, exact null distributions by enumeration / dynamic programming "
             "(Wilcoxon signed-rank, Mann-Whitney, Kendall, sign test, McNemar, Fisher), mpmath for t/F/chi-square/normal "
             "tails, the studentized range (Tukey), non-central t power, d2/d3 control-chart constants by numerical "
             "integration, Royston's Shapiro-Wilk algorithm, exact sympy least squares for regressions and the response "
             "surface. The two are asserted to agree (relative 1e-4; integers exactly). Tolerances are absolute and "
             "sized so that the right method passes and, where a tempting wrong method exists (pooled vs Welch, one- vs "
             "two-sided, unpaired vs paired, Cpk vs Ppk, with vs without the excluded point, mean- vs median-centred "
             "Levene, classic vs Welch ANOVA, c vs np limits, ...), the script asserts the wrong value falls outside the "
             "tolerance.\n")
    L.append("## The five kinds (14 questions each)\n")
    for k in range(1, 6):
        L.append(f"### Kind {k}: {KIND_NAMES[k]}\n")
        for q in Q:
            if q["kind"] == k:
                L.append(f"- **{q['id']}**{' (refusal)' if q['refuse'] else ''} - {q['_topic']}  [{', '.join(q['tools'])}]")
        L.append("")
    L.append("## Refusals\n")
    L.append("| id | kind | why a careful agent should refuse or ask back |")
    L.append("|---|---|---|")
    for q in Q:
        if q["refuse"]:
            L.append(f"| {q['id']} | {q['kind']} | {q['_reason']} |")
    L.append("")
    L.append("## Checks asserted by the generator\n")
    L.append("- library value == hand value for every expectation (relative 1e-4, integers exactly);")
    L.append("- every question's data re-parsed from its own text equal the drawn originals (maths questions: the "
             "typed expression, matrix or system is parsed back with sympy and checked equal to the one solved);")
    L.append("- for many questions, a plausible wrong method gives a value outside the tolerance;")
    L.append("- ids h01..h70 in order, kinds 1-5 in blocks of 14, all question texts unique;")
    L.append("- tools drawn from TOOLS.txt, always including dsl_run, and every tool in TOOLS.txt used at least once;")
    L.append("- 1-3 expectations per non-refusal, no expected value exactly 0, every p-value in [1e-4, 0.99];")
    L.append("- exactly 7 refusals, spread over all five kinds, each with `expect: []` and its defect asserted "
             "(defectives > inspected, LSL > USL, max resolution of 2^(4-1) is IV by enumeration, no sigma in the text, "
             "det = 0, percentages without counts, 12 vs 11 paired values);")
    L.append("- table control-chart constants (A2, D4, d2) agree with the exactly integrated ones and give answers inside the tolerance.")
    L.append("")
    with open(os.path.join(HERE, "README.md"), "w") as fh:
        fh.write("\n".join(L))


if __name__ == "__main__":
    main()
