#!/usr/bin/env python3
"""make_round22.py -- builds round22.jsonl, blind evaluation round 22 for HAVOC.

Written blind: the only thing known about the agent is TOOLS.txt (tool names).
Every question is a builder function returning its text, its data, a parser
that reads the data back out of the text, a library computation (a), an
independent hand computation (b) and the expected keys.  For every expected
number the script asserts
  (a) == (b) to 1e-4 relative (integers exactly; SPC table-constant limits 5e-4)
  (a) == (a applied to the data re-parsed from the question text) to 1e-9.
Run:  python make_round22.py            -> writes round22.jsonl
      python make_round22.py --mutate   -> also runs the mutation test
"""
import json, re, math, hashlib, itertools, sys
from fractions import Fraction
import numpy as np
import pandas as pd
import scipy.stats as st
import statsmodels.api as sm
import statsmodels.formula.api as smf
from statsmodels.stats.power import TTestIndPower, TTestPower, FTestAnovaPower
from statsmodels.stats.proportion import proportions_ztest
from statsmodels.stats.oneway import anova_oneway
import sympy as sp
from sympy.parsing.sympy_parser import (parse_expr, standard_transformations,
                                        implicit_multiplication_application, convert_xor)
import mpmath as mp

mp.mp.dps = 30
HERE = __file__.rsplit("/", 1)[0] if "/" in __file__ else "."

# ----------------------------------------------------------------- helpers
NUMRE = re.compile(r"(?<![A-Za-z_\d.\-])-?\d+(?:\.\d+)?")


def nums(s):
    """all plain numbers in a string (labels such as OP-101 or x-8 are skipped)"""
    return [float(t) for t in NUMRE.findall(s)]


def rd(a, k):
    return [float(f"{v:.{k}f}") for v in a]


def js(a, k, sep=", "):
    return sep.join(f"{v:.{k}f}" for v in a)


WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
         "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "duplicate": 2,
         "triplicate": 3, "twice": 2, "thrice": 3}


def wnum(s):
    s = s.strip().lower()
    return int(s) if s.isdigit() else WORDS[s]


TRANS = standard_transformations + (implicit_multiplication_application, convert_xor)


def sx(s):
    """parse an expression the way a student types it"""
    s = s.replace("−", "-").replace("·", "*")
    s = re.sub(r"\be\^", "E^", s)
    return parse_expr(s, transformations=TRANS, local_dict={"e": sp.E, "E": sp.E, "pi": sp.pi,
                                                            "oo": sp.oo, "x": sp.Symbol("x"),
                                                            "y": sp.Symbol("y")})


# hand (textbook) statistics, pure python + mpmath -------------------------
def hmean(x):
    return math.fsum(x) / len(x)


def hss(x):
    m = hmean(x)
    return math.fsum((v - m) ** 2 for v in x)


def hvar(x):
    return hss(x) / (len(x) - 1)


def p_t2(t, nu):
    t = mp.mpf(t); nu = mp.mpf(nu)
    return float(mp.betainc(nu / 2, mp.mpf(1) / 2, 0, nu / (nu + t * t), regularized=True))


def cdf_t(t, nu):
    h = 0.5 * p_t2(t, nu)
    return h if t < 0 else 1 - h


def sf_f(f, d1, d2):
    f = mp.mpf(f); d1 = mp.mpf(d1); d2 = mp.mpf(d2)
    return float(mp.betainc(d2 / 2, d1 / 2, 0, d2 / (d2 + d1 * f), regularized=True))


def cdf_f(f, d1, d2):
    f = mp.mpf(f); d1 = mp.mpf(d1); d2 = mp.mpf(d2)
    return float(mp.betainc(d1 / 2, d2 / 2, 0, d1 * f / (d2 + d1 * f), regularized=True))


def sf_chi2(x, k):
    return float(mp.gammainc(mp.mpf(k) / 2, mp.mpf(x) / 2, mp.inf, regularized=True))


def sf_norm(z):
    return float(mp.erfc(mp.mpf(z) / mp.sqrt(2)) / 2)


def tcrit(alpha2, nu):
    nu = mp.mpf(nu)
    return mp.findroot(lambda t: mp.betainc(nu / 2, mp.mpf(1) / 2, 0, nu / (nu + t * t),
                                            regularized=True) - alpha2, mp.mpf(2))


def fcrit(alpha, d1, d2):
    d1 = mp.mpf(d1); d2 = mp.mpf(d2)
    return mp.findroot(lambda f: mp.betainc(d2 / 2, d1 / 2, 0, d2 / (d2 + d1 * f),
                                            regularized=True) - alpha, mp.mpf(3))


def hranks(x):
    order = sorted(range(len(x)), key=lambda i: x[i])
    r = [0.0] * len(x)
    i = 0
    while i < len(x):
        j = i
        while j + 1 < len(x) and x[order[j + 1]] == x[order[i]]:
            j += 1
        for k in range(i, j + 1):
            r[order[k]] = (i + j) / 2 + 1
        i = j + 1
    return r


def hpearson(x, y):
    mx, my = hmean(x), hmean(y)
    sxy = math.fsum((a - mx) * (b - my) for a, b in zip(x, y))
    return sxy / math.sqrt(hss(x) * hss(y))


def tie_groups(v):
    c = {}
    for a in v:
        c[a] = c.get(a, 0) + 1
    return [t for t in c.values() if t > 1]


# ------------------------------------------------------------ the checks
CHECKS = {"a_vs_b": 0, "a_vs_c": 0}


def close(a, b, tol):
    if not (math.isfinite(a) and math.isfinite(b)):
        return False
    return abs(a - b) <= tol * max(abs(a), abs(b)) or abs(a - b) < 1e-14


def ex(qid, what, a, b, c, rel, btol):
    if rel == 0:
        a, b, c = int(round(a)), int(round(b)), int(round(c))
        assert a == b, (qid, what, "library vs hand", a, b)
        assert a == c, (qid, what, "library vs re-parse", a, c)
        val = a
    else:
        a, b, c = float(a), float(b), float(c)
        assert math.isfinite(a) and a != 0.0, (qid, what, a)
        assert close(a, b, btol), (qid, what, "library vs hand", a, b, abs(a - b) / abs(a))
        assert close(a, c, 1e-9), (qid, what, "library vs re-parse", a, c)
        v = abs(a) if what.startswith("|") else a
        val = float(f"{v:.6g}")
    CHECKS["a_vs_b"] += 1
    CHECKS["a_vs_c"] += 1
    return {"what": what, "value": val, "rel": rel}


# ================================================ shared analyses (lib / hand)
# paired t ------------------------------------------------------------------
def lib_paired(d):
    x, y = np.asarray(d[0], float), np.asarray(d[1], float)
    conf = d[2] if len(d) > 2 else 0.95
    assert len(x) == len(y)
    r = st.ttest_rel(x, y)
    ci = r.confidence_interval(conf)
    return dict(t=r.statistic, p=r.pvalue, md=float(np.mean(x - y)), df=int(r.df),
                lo=ci.low, hi=ci.high)


def hand_paired(d):
    x, y = d[0], d[1]
    conf = d[2] if len(d) > 2 else 0.95
    dd = [a - b for a, b in zip(x, y)]
    n = len(dd); m = hmean(dd); s = math.sqrt(hvar(dd)); t = m / (s / math.sqrt(n))
    tc = float(tcrit(1 - mp.mpf(str(conf)), n - 1))
    return dict(t=t, p=p_t2(t, n - 1), md=m, df=n - 1, lo=m - tc * s / math.sqrt(n),
                hi=m + tc * s / math.sqrt(n))


# one-sample t --------------------------------------------------------------
def lib_t1(d):
    x, mu0, alt = d
    r = st.ttest_1samp(np.asarray(x, float), mu0, alternative=alt)
    return dict(t=r.statistic, p=r.pvalue, mean=float(np.mean(x)), sd=float(np.std(x, ddof=1)),
                df=int(r.df))


def hand_t1(d):
    x, mu0, alt = d
    n = len(x); m = hmean(x); s = math.sqrt(hvar(x)); t = (m - mu0) / (s / math.sqrt(n))
    p = {"two-sided": p_t2(t, n - 1), "less": cdf_t(t, n - 1), "greater": 1 - cdf_t(t, n - 1)}[alt]
    return dict(t=t, p=p, mean=m, sd=s, df=n - 1)


# two-sample t --------------------------------------------------------------
def lib_t2(d):
    x, y, eq, alt = d
    r = st.ttest_ind(np.asarray(x, float), np.asarray(y, float), equal_var=eq, alternative=alt)
    return dict(t=r.statistic, p=r.pvalue, df=float(r.df), md=float(np.mean(x) - np.mean(y)))


def hand_t2(d):
    x, y, eq, alt = d
    n1, n2 = len(x), len(y); v1, v2 = hvar(x), hvar(y); md = hmean(x) - hmean(y)
    if eq:
        sp2 = ((n1 - 1) * v1 + (n2 - 1) * v2) / (n1 + n2 - 2)
        se = math.sqrt(sp2 * (1 / n1 + 1 / n2)); df = n1 + n2 - 2
    else:
        a, b = v1 / n1, v2 / n2
        se = math.sqrt(a + b); df = (a + b) ** 2 / (a * a / (n1 - 1) + b * b / (n2 - 1))
    t = md / se
    p = {"two-sided": p_t2(t, df), "less": cdf_t(t, df), "greater": 1 - cdf_t(t, df)}[alt]
    return dict(t=t, p=p, df=df, md=md)


# chi-square goodness of fit ------------------------------------------------
def lib_gof(d):
    obs, props = d
    obs = np.asarray(obs, float)
    f_exp = None if props is None else np.asarray(props, float) / np.sum(props) * obs.sum()
    r = st.chisquare(obs, f_exp)
    return dict(chi2=r.statistic, p=r.pvalue, df=len(obs) - 1)


def hand_gof(d):
    obs, props = d
    n = sum(obs); k = len(obs)
    pr = [Fraction(1, k)] * k if props is None else [Fraction(p).limit_denominator(10 ** 6) /
                                                     sum(Fraction(q).limit_denominator(10 ** 6) for q in props)
                                                     for p in props]
    chi = sum((Fraction(o).limit_denominator() - n * p) ** 2 / (n * p) for o, p in zip(obs, pr))
    return dict(chi2=float(chi), p=sf_chi2(mp.mpf(chi.numerator) / chi.denominator, k - 1), df=k - 1)


# chi-square independence ---------------------------------------------------
def lib_indep(tab):
    r = st.chi2_contingency(np.asarray(tab, float), correction=False)
    return dict(chi2=r.statistic, p=r.pvalue, df=int(r.dof))


def hand_indep(tab):
    R = [sum(r) for r in tab]; C = [sum(c) for c in zip(*tab)]; N = sum(R)
    chi = Fraction(0)
    for i, r in enumerate(tab):
        for j, o in enumerate(r):
            e = Fraction(R[i] * C[j], N)
            chi += (o - e) ** 2 / e
    df = (len(R) - 1) * (len(C) - 1)
    return dict(chi2=float(chi), p=sf_chi2(mp.mpf(chi.numerator) / chi.denominator, df), df=df)


# one-way ANOVA ---------------------------------------------------------------
def lib_anova1(groups):
    r = st.f_oneway(*[np.asarray(g, float) for g in groups])
    return dict(F=r.statistic, p=r.pvalue)


def hand_anova1(groups):
    allv = [v for g in groups for v in g]; gm = hmean(allv); k = len(groups); N = len(allv)
    ssb = math.fsum(len(g) * (hmean(g) - gm) ** 2 for g in groups)
    ssw = math.fsum(hss(g) for g in groups)
    F = (ssb / (k - 1)) / (ssw / (N - k))
    return dict(F=F, p=sf_f(F, k - 1, N - k))


# two-way ANOVA (balanced) ----------------------------------------------------
def lib_anova2(cells):
    rows = []
    for i, row in enumerate(cells):
        for j, cell in enumerate(row):
            for v in cell:
                rows.append((f"a{i}", f"b{j}", v))
    df = pd.DataFrame(rows, columns=["A", "B", "y"])
    tab = sm.stats.anova_lm(smf.ols("y ~ C(A) * C(B)", data=df).fit(), typ=2)
    return dict(F_A=tab.loc["C(A)", "F"], p_A=tab.loc["C(A)", "PR(>F)"],
                F_B=tab.loc["C(B)", "F"], p_B=tab.loc["C(B)", "PR(>F)"],
                F_AB=tab.loc["C(A):C(B)", "F"], p_AB=tab.loc["C(A):C(B)", "PR(>F)"])


def hand_anova2(cells):
    a, b, n = len(cells), len(cells[0]), len(cells[0][0])
    allv = [v for row in cells for c in row for v in c]; g = hmean(allv)
    ra = [hmean([v for c in row for v in c]) for row in cells]
    cb = [hmean([v for row in cells for v in row[j]]) for j in range(b)]
    ssa = b * n * math.fsum((m - g) ** 2 for m in ra)
    ssb = a * n * math.fsum((m - g) ** 2 for m in cb)
    sscell = n * math.fsum((hmean(c) - g) ** 2 for row in cells for c in row)
    ssab = sscell - ssa - ssb
    sse = math.fsum(hss(c) for row in cells for c in row)
    dfe = a * b * (n - 1); mse = sse / dfe
    FA, FB, FAB = ssa / (a - 1) / mse, ssb / (b - 1) / mse, ssab / ((a - 1) * (b - 1)) / mse
    return dict(F_A=FA, p_A=sf_f(FA, a - 1, dfe), F_B=FB, p_B=sf_f(FB, b - 1, dfe),
                F_AB=FAB, p_AB=sf_f(FAB, (a - 1) * (b - 1), dfe))


# simple regression -----------------------------------------------------------
def lib_reg(d):
    x, y = np.asarray(d[0], float), np.asarray(d[1], float)
    f = sm.OLS(y, sm.add_constant(x)).fit()
    return dict(b0=f.params[0], b1=f.params[1], r2=f.rsquared, p1=f.pvalues[1], t1=f.tvalues[1],
                s=math.sqrt(f.mse_resid))


def hand_reg(d):
    x, y = d
    n = len(x); mx, my = hmean(x), hmean(y)
    sxx = hss(x); sxy = math.fsum((a - mx) * (b - my) for a, b in zip(x, y)); syy = hss(y)
    b1 = sxy / sxx; b0 = my - b1 * mx
    sse = syy - b1 * sxy; s2 = sse / (n - 2); t1 = b1 / math.sqrt(s2 / sxx)
    return dict(b0=b0, b1=b1, r2=1 - sse / syy, p1=p_t2(t1, n - 2), t1=t1, s=math.sqrt(s2))


# Pearson -----------------------------------------------------------------------
def lib_pearson(d):
    r = st.pearsonr(np.asarray(d[0], float), np.asarray(d[1], float))
    return dict(r=r.statistic, p=r.pvalue)


def hand_pearson(d):
    r = hpearson(*d); n = len(d[0]); t = r * math.sqrt((n - 2) / (1 - r * r))
    return dict(r=r, p=p_t2(t, n - 2))


# SPC charts -------------------------------------------------------------------
TABLE = {  # n: (A2, D3, D4, d2, d3) -- standard tabulated constants
    2: (1.880, 0, 3.267, 1.128, 0.853), 3: (1.023, 0, 2.574, 1.693, 0.888),
    4: (0.729, 0, 2.282, 2.059, 0.880), 5: (0.577, 0, 2.114, 2.326, 0.864),
    6: (0.483, 0, 2.004, 2.534, 0.848), 7: (0.419, 0.076, 1.924, 2.704, 0.833)}


def lib_pchart(d):
    n, dft, i = d
    n = np.asarray(n, float); dft = np.asarray(dft, float)
    pbar = dft.sum() / n.sum(); sig = np.sqrt(pbar * (1 - pbar) / n)
    return dict(cl=pbar, ucl=pbar + 3 * sig[i], lcl=max(0.0, pbar - 3 * sig[i]))


def hand_pchart(d):
    n, dft, i = d
    pb = Fraction(int(sum(dft)), int(sum(n)))
    s = mp.sqrt(mp.mpf(pb.numerator) / pb.denominator * (1 - mp.mpf(pb.numerator) / pb.denominator) / n[i])
    return dict(cl=float(pb), ucl=float(mp.mpf(pb.numerator) / pb.denominator + 3 * s),
                lcl=max(0.0, float(mp.mpf(pb.numerator) / pb.denominator - 3 * s)))


def lib_uchart(d):
    units, cnt, i = d
    units = np.asarray(units, float); cnt = np.asarray(cnt, float)
    ub = cnt.sum() / units.sum(); sig = np.sqrt(ub / units)
    return dict(cl=ub, ucl=ub + 3 * sig[i], lcl=max(0.0, ub - 3 * sig[i]))


def hand_uchart(d):
    units, cnt, i = d
    ub = Fraction(int(sum(cnt))) / sum(Fraction(str(u)) for u in units)
    u = mp.mpf(ub.numerator) / ub.denominator
    s = mp.sqrt(u / mp.mpf(str(units[i])))
    return dict(cl=float(ub), ucl=float(u + 3 * s), lcl=max(0.0, float(u - 3 * s)))


def lib_cchart(c):
    cb = float(np.mean(c))
    return dict(cl=cb, ucl=cb + 3 * np.sqrt(cb), lcl=max(0.0, cb - 3 * np.sqrt(cb)))


def hand_cchart(c):
    cb = Fraction(int(sum(c)), len(c)); m = mp.mpf(cb.numerator) / cb.denominator
    return dict(cl=float(cb), ucl=float(m + 3 * mp.sqrt(m)), lcl=max(0.0, float(m - 3 * mp.sqrt(m))))


def lib_npchart(d):
    n, c = d
    pb = float(np.sum(c)) / (n * len(c)); cl = n * pb; s = np.sqrt(n * pb * (1 - pb))
    return dict(cl=cl, ucl=cl + 3 * s, lcl=max(0.0, cl - 3 * s), pbar=pb)


def hand_npchart(d):
    n, c = d
    pb = Fraction(int(sum(c)), n * len(c)); cl = n * pb
    m = mp.mpf(cl.numerator) / cl.denominator
    s = mp.sqrt(m * (1 - mp.mpf(pb.numerator) / pb.denominator))
    return dict(cl=float(cl), ucl=float(m + 3 * s), lcl=max(0.0, float(m - 3 * s)), pbar=float(pb))


def lib_xbarr(d):
    xbb, rbar, n = d
    A2, D3, D4, d2, d3 = TABLE[n]
    return dict(uclx=xbb + A2 * rbar, lclx=xbb - A2 * rbar, uclr=D4 * rbar, sigma=rbar / d2)


def hand_xbarr(d):  # sigma = Rbar/d2 form, D4 = 1 + 3 d3/d2 (agrees with the table to ~5e-4)
    xbb, rbar, n = d
    A2, D3, D4, d2, d3 = TABLE[n]
    s = rbar / d2
    return dict(uclx=xbb + 3 * s / math.sqrt(n), lclx=xbb - 3 * s / math.sqrt(n),
                uclr=rbar * (1 + 3 * d3 / d2), sigma=s)


# capability from summary figures ---------------------------------------------
def lib_cap(d):
    lsl, usl, mu, s = d
    a = np.array([(usl - mu) / (3 * s), (mu - lsl) / (3 * s)])
    return dict(cp=(usl - lsl) / (6 * s), cpu=a[0], cpl=a[1], cpk=float(a.min()))


def hand_cap(d):  # Cpk = Cp (1 - k), k = |m - mu| / ((USL - LSL)/2)
    lsl, usl, mu, s = d
    L, U, M, S = (Fraction(str(v)) for v in (lsl, usl, mu, s))
    cp = (U - L) / (6 * S); k = abs((U + L) / 2 - M) / ((U - L) / 2)
    return dict(cp=float(cp), cpu=float((U - M) / (3 * S)), cpl=float((M - L) / (3 * S)),
                cpk=float(cp * (1 - k)))


# --------------------------------------------------------- registry
BUILDERS = []


def Q(fn):
    BUILDERS.append(fn)
    return fn


# =====================================================================
# KIND 1 -- tables that are not plain numeric columns
# =====================================================================
@Q
def k1_paired_csv():
    r = np.random.default_rng(2201)
    ids = ["OP-101", "OP-104", "OP-107", "OP-112", "OP-115", "OP-118", "OP-121", "OP-126", "OP-130"]
    before = [float(v) for v in np.round(r.normal(405, 35, 9))]
    after = [float(b - v) for b, v in zip(before, np.round(r.normal(10, 9, 9)))]
    rows = "\n".join(f"{i},{b:.0f},{a:.0f}" for i, b, a in zip(ids, before, after))
    text = ("grip force (N) on the test rig, same 9 operators before and after the new handle. "
            "paired t-test two-sided pls: mean diff, t and p\n\nid,before,after\n" + rows)

    def parse(t):
        x, y = [], []
        for line in t.splitlines():
            if re.match(r"OP-\d+,", line):
                c = line.split(","); x.append(float(c[1])); y.append(float(c[2]))
        return x, y
    return dict(kind=1, text=text, data=(before, after), parse=parse, lib=lib_paired, hand=hand_paired,
                intent="paired t-test; CSV whose first column is an operator id, columns before/after",
                tools=["t_test", "dsl_run"],
                spec=[("|mean difference|", "md", 0.005), ("|t|", "t", 0.005), ("p", "p", 0.02)])


@Q
def k1_paired_markdown():
    r = np.random.default_rng(2202)
    lots = ["L-2207", "L-2211", "L-2215", "L-2219", "L-2230", "L-2234", "L-2241", "L-2248"]
    a = rd(r.normal(15, 3, 8), 1)
    b = rd(np.array(a) + r.normal(0.45, 0.35, 8), 1)
    rows = "\n".join(f"| {l} | {x:.1f} | {y:.1f} |" for l, x, y in zip(lots, a, b))
    text = ("Two labs analysed the same eight lots for total sulfur (ppm). Is there a systematic "
            "offset between the labs? Please do a paired t-test and give the 95% CI for the mean "
            "difference.\n\n| Lot | Lab A | Lab B |\n|-----|------:|------:|\n" + rows)

    def parse(t):
        x, y = [], []
        for line in t.splitlines():
            m = re.match(r"\|\s*L-\d+\s*\|\s*(\d+(?:\.\d+)?)\s*\|\s*(\d+(?:\.\d+)?)\s*\|", line)
            if m:
                x.append(float(m.group(1))); y.append(float(m.group(2)))
        return x, y, float(re.search(r"give the (\d+)% CI", t).group(1)) / 100
    return dict(kind=1, text=text, data=(a, b, 0.95), parse=parse, lib=lib_paired, hand=hand_paired,
                intent="paired t-test with CI; markdown table, first column a lot id",
                tools=["t_test", "dsl_run"],
                spec=[("|t|", "t", 0.005), ("p", "p", 0.02), ("|95% CI limit 1|", "lo", 0.005),
                      ("|95% CI limit 2|", "hi", 0.005)])


@Q
def k1_gof_colon():
    obs = [31, 22, 27, 44, 25, 29]
    text = ("Reject counts per filling head, week 32:\n" +
            "\n".join(f"head {i + 1}: {o}" for i, o in enumerate(obs)) +
            "\nIs this consistant with every head being equally likely to produce a reject? "
            "Chi-square goodness of fit.")

    def parse(t):
        return [float(v) for v in re.findall(r"^head \d+: (\d+)$", t, re.M)], None
    return dict(kind=1, text=text, data=(obs, None), parse=parse, lib=lib_gof, hand=hand_gof,
                intent="chi-square goodness of fit, equal expected, from 'label: count' lines",
                tools=["chi_square", "dsl_run"],
                spec=[("chi-square", "chi2", 0.005), ("p", "p", 0.02)])


@Q
def k1_gof_equals():
    labels = ["packaging", "labelling", "damage", "other"]
    props = [40, 25, 20, 15]
    obs = [52, 41, 19, 28]
    text = ("Historically our complaints split 40% packaging, 25% labelling, 20% damage and 15% other. "
            "This quarter:\n" + "\n".join(f"{l} = {o}" for l, o in zip(labels, obs)) +
            "\nHas the mix changed? Test the observed counts against the historical proportions.")

    def parse(t):
        pr = {m.group(2): float(m.group(1)) for m in re.finditer(r"(\d+)% (\w+)", t)}
        ob = re.findall(r"^(\w+) = (\d+)$", t, re.M)
        return [float(v) for _, v in ob], [pr[l] for l, _ in ob]
    return dict(kind=1, text=text, data=(obs, props), parse=parse, lib=lib_gof, hand=hand_gof,
                intent="chi-square goodness of fit against stated proportions, 'label = count' lines",
                tools=["chi_square", "dsl_run"],
                spec=[("chi-square", "chi2", 0.005), ("p", "p", 0.02)])


@Q
def k1_pchart_sizes():
    r = np.random.default_rng(2205)
    lots = [f"K-04{11 + i}" for i in range(12)]
    n = [int(v) for v in r.integers(180, 261, 12)]
    n[6] = 300
    dft = [int(v) for v in r.binomial(n, 0.065)]
    rows = "\n".join(f"{l:<9}{a:>9}{b:>12}" for l, a, b in zip(lots, n, dft))
    text = ("Final inspection, connectors. Sample size varies by lot.\n\n"
            f"{'Lot':<9}{'Inspected':>9}{'Defective':>12}\n" + rows +
            f"\n\nSet up a p chart (3-sigma). What is the centre line, and what are the control limits "
            f"for lot {lots[6]}?")

    def parse(t):
        n, d, idx = [], [], None
        for line in t.splitlines():
            m = re.match(r"(K-\d+)\s+(\d+)\s+(\d+)$", line)
            if m:
                n.append(float(m.group(2))); d.append(float(m.group(3)))
                if m.group(1) == re.search(r"for lot (K-\d+)", t).group(1):
                    idx = len(n) - 1
        return n, d, idx
    return dict(kind=1, text=text, data=(n, dft, 6), parse=parse, lib=lib_pchart, hand=hand_pchart,
                intent="p chart with varying sample sizes; lot / inspected / defective table",
                tools=["control_chart", "dsl_run"],
                spec=[("p-bar (centre line)", "cl", 0.005), ("UCL for that lot", "ucl", 0.005),
                      ("LCL for that lot", "lcl", 0.005)])


@Q
def k1_uchart_area():
    r = np.random.default_rng(2206)
    area = rd(r.uniform(1.5, 3.2, 15), 2)
    area[9] = 3.60
    cnt = [int(v) for v in r.poisson(4.1 * np.array(area))]
    rows = "\n".join(f"P-{i + 1:02d},{a:.2f},{c}" for i, (a, c) in enumerate(zip(area, cnt)))
    text = ("glass panels, coating pinholes. panels are different sizes so the inspected area differs.\n"
            "panel_id,area_m2,pinholes\n" + rows +
            "\nwhat chart should this be, and give me the centre line plus the limits for panel P-10")

    def parse(t):
        a, c = [], []
        for line in t.splitlines():
            m = re.match(r"P-\d+,(\d+(?:\.\d+)?),(\d+)$", line)
            if m:
                a.append(float(m.group(1))); c.append(float(m.group(2)))
        return a, c, int(re.search(r"for panel P-(\d+)", t).group(1)) - 1
    return dict(kind=1, text=text, data=(area, cnt, 9), parse=parse, lib=lib_uchart, hand=hand_uchart,
                intent="u chart (defects per m^2, varying area); CSV with id, area, count",
                tools=["control_chart", "dsl_run"],
                spec=[("u-bar (centre line)", "cl", 0.005), ("UCL for P-10", "ucl", 0.005),
                      ("LCL for P-10", "lcl", 0.005)])


@Q
def k1_regression_aligned():
    r = np.random.default_rng(2207)
    temp = [150, 155, 160, 165, 170, 175, 180, 185, 190, 195]
    yld = rd(38.0 + 0.17 * np.array(temp) + r.normal(0, 0.9, 10), 1)
    rows = "\n".join(f"{t:>8}{y:>14.1f}" for t, y in zip(temp, yld))
    text = ("Reactor trial, batch yield vs jacket temperature:\n\n"
            "Temp (°C)     Yield (%)\n" + rows +
            "\n\nFit a straight line yield = b0 + b1*temp. I need the intercept, slope and R-squared.")

    def parse(t):
        x, y = [], []
        for line in t.splitlines():
            m = re.match(r"^\s*(\d+)\s+(\d+(?:\.\d+)?)\s*$", line)
            if m:
                x.append(float(m.group(1))); y.append(float(m.group(2)))
        return x, y
    return dict(kind=1, text=text, data=([float(v) for v in temp], yld), parse=parse, lib=lib_reg,
                hand=hand_reg, intent="simple linear regression from an aligned-space two-column table",
                tools=["regression", "dsl_run"],
                spec=[("intercept", "b0", 0.005), ("slope", "b1", 0.005), ("R^2", "r2", 0.005)])


@Q
def k1_contingency_labels():
    tab = [[18, 9, 12, 6], [11, 16, 8, 9], [24, 7, 15, 4]]
    cols = ["scratch", "dent", "misprint", "other"]
    rows = ["Shift A", "Shift B", "Shift C"]
    body = "\n".join(f"{rn:<10}" + "".join(f"{v:>10}" for v in row) for rn, row in zip(rows, tab))
    text = ("Defect type by shift (Plant 3, March):\n\n" + " " * 10 +
            "".join(f"{c:>10}" for c in cols) + "\n" + body +
            "\n\nIs defect type independent of shift? Chi-square test please.")

    def parse(t):
        return [[float(v) for v in line.split()[2:]] for line in t.splitlines() if line.startswith("Shift ")]
    return dict(kind=1, text=text, data=tab, parse=parse, lib=lib_indep, hand=hand_indep,
                intent="chi-square test of independence, contingency table with row and column labels",
                tools=["chi_square", "dsl_run"],
                spec=[("chi-square", "chi2", 0.005), ("p", "p", 0.02), ("df", "df", 0)])


@Q
def k1_long_format_anova():
    r = np.random.default_rng(2209)
    means = {"M1": 25.02, "M2": 25.05, "M3": 24.99, "M4": 25.03}
    ns = {"M1": 6, "M2": 7, "M3": 6, "M4": 5}
    recs = [(m, float(f"{v:.3f}")) for m in means for v in r.normal(means[m], 0.025, ns[m])]
    order = r.permutation(len(recs))
    recs = [recs[i] for i in order]
    text = ("Bore diameters pulled from the four CNC cells last week, long format below. "
            "Do the machines differ in mean diameter? one-way ANOVA, equal variances is fine.\n\n"
            "machine,bore_mm\n" + "\n".join(f"{m},{v:.3f}" for m, v in recs))

    def parse(t):
        g = {}
        for m, v in re.findall(r"^(M\d),(\d+(?:\.\d+)?)$", t, re.M):
            g.setdefault(m, []).append(float(v))
        return [g[k] for k in sorted(g)]
    groups = [[v for m, v in recs if m == k] for k in sorted(means)]
    return dict(kind=1, text=text, data=groups, parse=parse, lib=lib_anova1, hand=hand_anova1,
                intent="one-way ANOVA from a long-format (group, value) CSV",
                tools=["anova_oneway", "dsl_run"], spec=[("F", "F", 0.005), ("p", "p", 0.02)])


@Q
def k1_grid_twoway():
    r = np.random.default_rng(2210)
    temps = ["120 C", "140 C", "160 C"]
    prim = ["P-100", "P-200", "P-300"]
    ea = [0.0, 1.6, 2.1]; eb = [0.0, 1.2, -0.5]
    inter = [[0, 0, 0], [0, 0.9, 0], [0, -1.4, 0.6]]
    cells = [[rd(22 + ea[i] + eb[j] + inter[i][j] + r.normal(0, 0.75, 3), 1) for j in range(3)]
             for i in range(3)]
    lines = ["          " + "".join(f"{p:<20}" for p in prim).rstrip()]
    for i, tname in enumerate(temps):
        lines.append(f"{tname:<10}" + "".join(f"{js(cells[i][j], 1, ' '):<20}" for j in range(3)).rstrip())
    text = ("Peel adhesion (N/25 mm). Rows are cure temperature, columns are primer; three panels "
            "per cell.\n\n" + "\n".join(lines) +
            "\n\nTwo-way ANOVA with the interaction: F and p for temperature, primer and "
            "temperature x primer.")

    def parse(t):
        out = []
        for line in t.splitlines():
            if re.match(r"^\d+ C\s{2,}", line):
                parts = re.split(r"\s{2,}", line.strip())[1:]
                out.append([[float(v) for v in p.split()] for p in parts])
        return out
    return dict(kind=1, text=text, data=cells, parse=parse, lib=lib_anova2, hand=hand_anova2,
                intent="two-way ANOVA with interaction from a rows x columns grid with 3 replicates per cell",
                tools=["anova_twoway", "dsl_run"],
                spec=[("F temperature", "F_A", 0.005), ("p temperature", "p_A", 0.02),
                      ("F primer", "F_B", 0.005), ("p primer", "p_B", 0.02),
                      ("F interaction", "F_AB", 0.005), ("p interaction", "p_AB", 0.02)])


@Q
def k1_tab_pearson():
    r = np.random.default_rng(2211)
    names = ["Aoife", "Bartek", "Chen", "Dara", "Emeka", "Farah", "Gustavo", "Hana", "Ines", "Jonas", "Kofi"]
    hours = [float(v) for v in r.integers(4, 40, 11)]
    err = rd(9.0 - 0.12 * np.array(hours) + r.normal(0, 1.3, 11), 1)
    body = "\n".join(f"{nm}\t{h:.0f}\t{e:.1f}" for nm, h, e in zip(names, hours, err))
    text = ("Training hours vs assembly error rate (errors per 1000 parts), copied out of our sheet:\n\n"
            "name\thours_training\terr_per_1000\n" + body +
            "\n\nhow strongly are they lineraly related? Pearson r and its p-value.")

    def parse(t):
        x, y = [], []
        for line in t.splitlines():
            c = line.split("\t")
            if len(c) == 3 and re.fullmatch(r"[\d.]+", c[1]):
                x.append(float(c[1])); y.append(float(c[2]))
        return x, y
    return dict(kind=1, text=text, data=(hours, err), parse=parse, lib=lib_pearson, hand=hand_pearson,
                intent="Pearson correlation from a tab-separated table whose first column is a person",
                tools=["correlation", "dsl_run"], spec=[("r", "r", 0.005), ("p", "p", 0.02)])


@Q
def k1_refuse_pchart_impossible():
    n = [50, 50, 50, 35, 50, 50, 50, 50]
    d = [3, 5, 2, 41, 4, 6, 3, 2]
    text = ("Weekly audit of crimp joints, p chart wanted.\n\n"
            "| week | sampled | defective |\n|---|---|---|\n" +
            "\n".join(f"| W{i + 14} | {a} | {b} |" for i, (a, b) in enumerate(zip(n, d))) +
            "\n\nGive me p-bar and the limits.")

    def check(t):
        rows = re.findall(r"\| W\d+ \| (\d+) \| (\d+) \|", t)
        assert any(int(b) > int(a) for a, b in rows)   # more defectives than items sampled
    return dict(kind=1, text=text, refuse=True, check=check,
                intent="refuse: week W17 reports 41 defectives out of 35 sampled (impossible data)",
                reason="W17 has 41 defective out of 35 sampled: a proportion above 1 is impossible")


@Q
def k1_refuse_gof_props():
    text = ("goodness of fit vs spec mix? spec says grade A 50%, grade B 35%, grade C 25%.\n"
            "counts from today's sort:\n"
            "grade A - 118\ngrade B - 64\ngrade C - 38")

    def check(t):
        pr = [int(v) for v in re.findall(r"(\d+)%", t)]
        assert sum(pr) != 100
    return dict(kind=1, text=text, refuse=True, check=check,
                intent="refuse: the stated expected proportions add to 110%",
                reason="expected proportions 50% + 35% + 25% = 110%, so no valid expected counts")


# =====================================================================
# KIND 2 -- intent carried by the wording
# =====================================================================
def lib_mw(d):
    r = st.mannwhitneyu(np.asarray(d[0], float), np.asarray(d[1], float), alternative="two-sided",
                        method="exact")
    return dict(U=r.statistic, p=r.pvalue)


def hand_mw(d):  # exact null distribution by enumerating every rank subset (no ties)
    x, y = d
    allv = sorted(x + y); assert len(set(allv)) == len(allv)
    rk = {v: i + 1 for i, v in enumerate(allv)}
    n1, N = len(x), len(allv)
    U = sum(rk[v] for v in x) - n1 * (n1 + 1) // 2
    le = ge = tot = 0
    for comb in itertools.combinations(range(1, N + 1), n1):
        u = sum(comb) - n1 * (n1 + 1) // 2
        tot += 1; le += u <= U; ge += u >= U
    return dict(U=U, p=float(min(Fraction(1), 2 * min(Fraction(le, tot), Fraction(ge, tot)))))


@Q
def k2_mann_whitney():
    x = [18.2, 19.5, 17.1, 20.3, 18.8, 16.9, 21.1]
    y = [21.4, 20.1, 22.7, 19.1, 23.5, 21.0, 20.8, 22.2]
    text = ("Shear strength (MPa) of lap joints bonded with adhesive from two suppliers. "
            f"Supplier X: {js(x, 1)}. Supplier Y: {js(y, 1)}. "
            "The lab says these strengths are usually skewed, so don't assume normality. Do the two "
            "suppliers differ? Two-sided, and give the test statistic and p.")

    def parse(t):
        a = t.split("Supplier X:")[1].split("Supplier Y:")
        return nums(a[0]), nums(a[1].split("The lab")[0])
    return dict(kind=2, text=text, data=(x, y), parse=parse, lib=lib_mw, hand=hand_mw,
                intent="'don't assume normality' with two independent samples -> Mann-Whitney, exact p",
                tools=["mann_whitney", "dsl_run"], spec=[("U", "U", 0), ("p (exact)", "p", 0.02)])


@Q
def k2_welch():
    r = np.random.default_rng(2215)
    a = rd(r.normal(42.0, 1.8, 10), 1)
    b = rd(r.normal(45.6, 5.2, 12), 1)
    text = ("drying time in minutes, formulation A (10 panels) vs B (12 panels). B was mixed on two "
            "different lines so I don't want to assume equal variances.\n"
            f"A: {js(a, 1, ' ')}\nB: {js(b, 1, ' ')}\n"
            "is the mean drying time different? need t, df and p")

    def parse(t):
        return (nums(re.search(r"^A: (.*)$", t, re.M).group(1)),
                nums(re.search(r"^B: (.*)$", t, re.M).group(1)), False, "two-sided")
    return dict(kind=2, text=text, data=(a, b, False, "two-sided"), parse=parse, lib=lib_t2, hand=hand_t2,
                intent="'don't assume equal variances' -> Welch two-sample t-test",
                tools=["t_test", "dsl_run"],
                spec=[("|t|", "t", 0.005), ("Welch df", "df", 0.005), ("p", "p", 0.02)])


@Q
def k2_label_claim():
    r = np.random.default_rng(2216)
    x = rd(r.normal(247.2, 3.6, 12), 1)
    text = ("Label claim is 250 mg ascorbic acid per tablet. HPLC assay of 12 tablets from batch 7Q "
            f"(mg): {js(x, 1)}. Is the batch mean consistent with the label claim? Give the mean, "
            "t statistic and two-sided p-value.")

    def parse(t):
        return nums(t.split("(mg):")[1].split(". Is")[0]), float(re.search(r"claim is (\d+(?:\.\d+)?)", t).group(1)), "two-sided"
    return dict(kind=2, text=text, data=(x, 250.0, "two-sided"), parse=parse, lib=lib_t1, hand=hand_t1,
                intent="reference value given as a label claim -> one-sample t-test against 250",
                tools=["t_test", "dsl_run"],
                spec=[("mean", "mean", 0.005), ("|t|", "t", 0.005), ("p", "p", 0.02)])


@Q
def k2_exclude_point():
    r = np.random.default_rng(2217)
    load = [0.5 * i for i in range(1, 10)]
    out = rd(0.03 + 2.02 * np.array(load) + r.normal(0, 0.05, 9), 2)
    out[5] = 7.35
    pairs = ", ".join(f"({l:.1f}, {o:.2f})" for l, o in zip(load, out))
    text = ("Load cell calibration, (load kN, output mV): " + pairs + ". "
            "The reading at 3.0 kN was taken while the amplifier was overloading, so leave that one "
            "out and fit output = a + b*load to the rest. Slope, intercept and R^2?")

    def parse(t):
        pr = [(float(a), float(b)) for a, b in re.findall(r"\((\d+(?:\.\d+)?), (\d+(?:\.\d+)?)\)", t)]
        drop = float(re.search(r"reading at (\d+(?:\.\d+)?) kN", t).group(1))
        pr = [p for p in pr if p[0] != drop]
        return [p[0] for p in pr], [p[1] for p in pr]
    keep = [i for i in range(9) if i != 5]
    return dict(kind=2, text=text, data=([load[i] for i in keep], [out[i] for i in keep]), parse=parse,
                lib=lib_reg, hand=hand_reg,
                intent="exclude the named point (3.0 kN) before fitting the calibration line",
                tools=["regression", "dsl_run"],
                spec=[("slope", "b1", 0.005), ("intercept", "b0", 0.005), ("R^2", "r2", 0.005)])


@Q
def k2_c_chart():
    r = np.random.default_rng(2218)
    c = [int(v) for v in r.poisson(12.5, 20)]
    text = ("X-ray of BGA solder joints: number of voids found on each of 20 consecutive boards "
            f"(same board type, whole board inspected each time): {js(c, 0, ' ')}. "
            "Which controll chart, and what are its centre line and 3-sigma limits?")

    def parse(t):
        return nums(t.split("each time):")[1].split(". Which")[0])
    return dict(kind=2, text=text, data=c, parse=parse, lib=lib_cchart, hand=hand_cchart,
                intent="counts of defects on a constant inspection unit -> c chart",
                tools=["control_chart", "dsl_run"],
                spec=[("c-bar", "cl", 0.005), ("UCL", "ucl", 0.005), ("LCL", "lcl", 0.005)])


@Q
def k2_u_chart_lengths():
    r = np.random.default_rng(2219)
    L = [int(v) for v in r.integers(80, 260, 14)]
    L[4] = 60
    c = [int(v) for v in r.poisson(3.6 * np.array(L) / 100)]
    sent = "; ".join(f"coil {i + 1}: {a} blemishes in {b} m" for i, (a, b) in enumerate(zip(c, L)))
    text = ("Paint line, blemishes per coil. The coils are not all the same length. " + sent + ". "
            "Treat 100 m of coil as one inspection unit. Set up the appropriate attribute chart: "
            "centre line, and the limits for coil 5.")

    def parse(t):
        pr = re.findall(r"coil \d+: (\d+) blemishes in (\d+) m", t)
        unit = float(re.search(r"Treat (\d+) m", t).group(1))
        return ([float(b) / unit for a, b in pr], [float(a) for a, b in pr],
                int(re.search(r"limits for coil (\d+)", t).group(1)) - 1)
    return dict(kind=2, text=text, data=([v / 100.0 for v in L], c, 4), parse=parse, lib=lib_uchart,
                hand=hand_uchart,
                intent="defect counts over varying lengths -> u chart per 100 m, limits vary by coil",
                tools=["control_chart", "dsl_run"],
                spec=[("u-bar per 100 m", "cl", 0.005), ("UCL coil 5", "ucl", 0.005)])


@Q
def k2_cpk_summary():
    d = (24.95, 25.05, 25.013, 0.012)
    text = ("Bore diameter spec is 25.00 ± 0.05 mm. From the X-bar/R study the process mean is "
            "25.013 mm and the within-subgroup sigma (R-bar/d2) is 0.012 mm. What are Cp and Cpk?")

    def parse(t):
        nom, tol = map(float, re.search(r"spec is (\d+(?:\.\d+)?) ± (\d+(?:\.\d+)?)", t).groups())
        mu = float(re.search(r"process mean is (\d+(?:\.\d+)?)", t).group(1))
        s = float(re.search(r"\(R-bar/d2\) is (\d+(?:\.\d+)?)", t).group(1))
        return round(nom - tol, 10), round(nom + tol, 10), mu, s
    return dict(kind=2, text=text, data=d, parse=parse, lib=lib_cap, hand=hand_cap,
                intent="Cp/Cpk from a mean, within sigma and a +/- tolerance",
                tools=["summary_capability", "capability", "dsl_run"],
                spec=[("Cp", "cp", 0.005), ("Cpk", "cpk", 0.005)])


@Q
def k2_ppk_summary():
    d = (99.0, 105.5, 101.9, 0.84)
    text = ("fill weight, LSL 99.0 g and USL 105.5 g. over the whole month the mean was 101.9 g and the "
            "overall (long-term) standard deviation 0.84 g. whats the Pp and Ppk?")

    def parse(t):
        return (float(re.search(r"LSL (\d+(?:\.\d+)?)", t).group(1)), float(re.search(r"USL (\d+(?:\.\d+)?)", t).group(1)),
                float(re.search(r"mean was (\d+(?:\.\d+)?)", t).group(1)),
                float(re.search(r"deviation (\d+(?:\.\d+)?)", t).group(1)))
    return dict(kind=2, text=text, data=d, parse=parse, lib=lib_cap, hand=hand_cap,
                intent="overall sigma -> Pp/Ppk (performance, not capability) from summary figures",
                tools=["summary_capability", "capability", "dsl_run"],
                spec=[("Pp", "cp", 0.005), ("Ppk", "cpk", 0.005)])


def lib_curv(d):
    fact, cen = d
    rows = [(a, b, c, y, 0) for a, b, c, y in fact] + [(0, 0, 0, y, 1) for y in cen]
    df = pd.DataFrame(rows, columns=["A", "B", "C", "y", "ctr"])
    full = smf.ols("y ~ A*B*C + ctr", data=df).fit()
    red = smf.ols("y ~ A*B*C", data=df).fit()
    ss = red.ssr - full.ssr; F = ss / (full.ssr / full.df_resid)
    return dict(ss=ss, F=F, p=st.f.sf(F, 1, full.df_resid))


def hand_curv(d):
    fact, cen = d
    yf = [r[3] for r in fact]; nf, nc = len(yf), len(cen)
    ss = nf * nc * (hmean(yf) - hmean(cen)) ** 2 / (nf + nc)
    mspe = hvar(cen); F = ss / mspe
    return dict(ss=ss, F=F, p=sf_f(F, 1, nc - 1))


@Q
def k2_curvature():
    r = np.random.default_rng(2222)
    fact = []
    for c, b, a in itertools.product([-1, 1], repeat=3):      # standard order, A fastest
        y = 61 + 3.1 * a + 1.8 * b - 0.9 * c + 1.1 * a * b + r.normal(0, 0.4)
        fact.append((a, b, c, float(f"{y:.1f}")))
    cen = rd(61 - 2.4 + r.normal(0, 0.5, 4), 1)
    sym = {-1: "-", 1: "+", 0: "0"}
    lines = [f"{i + 1:>3}   {sym[a]}  {sym[b]}  {sym[c]}   {y:.1f}" for i, (a, b, c, y) in enumerate(fact)]
    lines += [f"{i + 9:>3}   0  0  0   {y:.1f}" for i, y in enumerate(cen)]
    text = ("2^3 screening on a coating line (A = line speed, B = oven temp, C = primer thickness) with "
            "four centre runs added. Before we go on to a steepest-ascent path: is there curvature? "
            "Give SS curvature, F and p.\n\nrun   A  B  C   thickness_um\n" + "\n".join(lines))

    def parse(t):
        f, c = [], []
        m = {"-": -1, "+": 1, "0": 0}
        for a, b, cc, y in re.findall(r"^\s*\d+\s+([-+0])\s+([-+0])\s+([-+0])\s+(\d+(?:\.\d+)?)$", t, re.M):
            if a == "0":
                c.append(float(y))
            else:
                f.append((m[a], m[b], m[cc], float(y)))
        return f, c
    return dict(kind=2, text=text, data=(fact, cen), parse=parse, lib=lib_curv, hand=hand_curv,
                intent="2^3 with centre points: single-df curvature test against pure error",
                tools=["doe_curvature", "doe_anova", "dsl_run"],
                spec=[("SS curvature", "ss", 0.005), ("F", "F", 0.005), ("p", "p", 0.02)])


@Q
def k2_one_sided_one_sample():
    r = np.random.default_rng(2223)
    x = rd(r.normal(48.7, 2.1, 10), 1)
    text = ("The supplier claims the mean breaking strength of their cable ties is at least 50 N. "
            f"We pulled ten: {js(x, 1)} N. We think the true mean is below the claim — test that "
            "(one-sided) and give t and the p-value.")

    def parse(t):
        return nums(t.split("We pulled ten:")[1].split(" N.")[0]), float(re.search(r"at least (\d+(?:\.\d+)?) N", t).group(1)), "less"
    return dict(kind=2, text=text, data=(x, 50.0, "less"), parse=parse, lib=lib_t1, hand=hand_t1,
                intent="one-sided (lower) one-sample t-test against the claimed 50 N",
                tools=["t_test", "dsl_run"], spec=[("|t|", "t", 0.005), ("p (one-sided)", "p", 0.02)])


@Q
def k2_one_sided_pooled():
    r = np.random.default_rng(2226)
    old = rd(r.normal(38.0, 4.0, 11), 1)
    new = rd(r.normal(34.6, 4.0, 11), 1)
    text = ("Taber wear depth (µm) after 1000 cycles. Current coating: " + js(old, 1) +
            ". New coating: " + js(new, 1) + ". The claim is that the new coating wears LESS. "
            "Assume equal variances (pooled) and test the claim one-sided; report t, df and p.")

    def parse(t):
        o = nums(t.split("Current coating:")[1].split("New coating:")[0])
        n = nums(t.split("New coating:")[1].split("The claim")[0])
        return o, n, True, "greater"
    return dict(kind=2, text=text, data=(old, new, True, "greater"), parse=parse, lib=lib_t2, hand=hand_t2,
                intent="one-sided pooled two-sample t (new < old)",
                tools=["t_test", "dsl_run"],
                spec=[("|t|", "t", 0.005), ("df", "df", 0), ("p (one-sided)", "p", 0.02)])


def lib_wsr(d):
    x, y = np.asarray(d[0], float), np.asarray(d[1], float)
    r = st.wilcoxon(x, y, method="exact")
    dd = x - y
    w = np.add.outer(dd, dd)[np.triu_indices(len(dd))] / 2
    return dict(W=r.statistic, p=r.pvalue, hl=float(np.median(w)))


def hand_wsr(d):  # exact: enumerate all 2^n sign patterns
    x, y = d
    dd = [round(a - b, 10) for a, b in zip(x, y)]
    ad = [abs(v) for v in dd]; assert len(set(ad)) == len(ad) and 0 not in ad
    rk = {v: i + 1 for i, v in enumerate(sorted(ad))}
    wp = sum(rk[abs(v)] for v in dd if v > 0); n = len(dd); tot = n * (n + 1) // 2
    wmin = min(wp, tot - wp)
    cnt = sum(1 for s in itertools.product([0, 1], repeat=n) if sum(i + 1 for i in range(n) if s[i]) <= wmin)
    walsh = sorted((dd[i] + dd[j]) / 2 for i in range(n) for j in range(i, n))
    m = len(walsh)
    hl = walsh[m // 2] if m % 2 else (walsh[m // 2 - 1] + walsh[m // 2]) / 2
    return dict(W=wmin, p=float(min(Fraction(1), Fraction(2 * cnt, 2 ** n))), hl=hl)


@Q
def k2_wilcoxon_paired():
    r = np.random.default_rng(2239)
    base = rd(r.normal(7.4, 0.6, 10), 2)
    d = rd(r.normal(0.32, 0.35, 10), 2)
    tyre = rd(np.array(base) - np.array(d), 2)
    names = ["van 1", "van 2", "van 3", "van 4", "van 5", "van 6", "van 7", "van 8", "van 9", "van 10"]
    sent = "; ".join(f"{n} {a:.2f} -> {b:.2f}" for n, a, b in zip(names, base, tyre))
    text = ("Fuel use (L/100 km) of ten delivery vans on the standard tyre and then on the low-rolling-"
            f"resistance tyre, same route: {sent}. I don't want to assume the paired differences are "
            "normal. Is there a change? Two-sided, exact p please, and a Hodges-Lehmann estimate of the shift.")

    def parse(t):
        pr = re.findall(r"van \d+ (\d+\.\d+) -> (\d+\.\d+)", t)
        return [float(a) for a, b in pr], [float(b) for a, b in pr]
    return dict(kind=2, text=text, data=(base, tyre), parse=parse, lib=lib_wsr, hand=hand_wsr,
                intent="paired data, 'don't assume normal differences' -> Wilcoxon signed-rank, exact p",
                tools=["wilcoxon_signed_rank", "dsl_run"],
                spec=[("p (exact)", "p", 0.02), ("|Hodges-Lehmann shift|", "hl", 0.005)])


@Q
def k2_refuse_cpk_no_mean():
    text = ("Shaft OD tolerance is 4.20 ± 0.15 mm. Within-subgroup sigma from R-bar/d2 is 0.031 mm. "
            "Need the Cpk for the PPAP by tonight.")

    def check(t):
        assert not re.search(r"mean|average|x-bar|centre|center", t, re.I)
    return dict(kind=2, text=text, refuse=True, check=check,
                intent="refuse: Cpk needs the process mean, which is not given",
                reason="Cpk needs the process mean (only the tolerance and sigma are given; Cp alone is computable)")


# =====================================================================
# KIND 3 -- numbers in prose with roles
# =====================================================================
def ff2(k):
    return np.array(list(itertools.product([-1, 1], repeat=k)), float)


def frac2(k, gens):
    """2^(k-p): full factorial in the basic factors, generated columns = products of basic columns"""
    base = ff2(k - len(gens))
    cols = [base[:, i] for i in range(base.shape[1])]
    for g in gens:
        cols.append(np.prod(base[:, g], axis=1))
    return np.column_stack(cols)


def resolution(X):
    """shortest word of the defining relation, found from the design columns themselves"""
    k = X.shape[1]
    for L in range(2, k + 1):
        for w in itertools.combinations(range(k), L):
            if np.all(np.prod(X[:, w], axis=1) == np.prod(X[0, w])):
                return L
    return k + 1


def ccd(k, cpb, blocks):
    F = ff2(k); a = (2 ** k) ** 0.25
    S = np.vstack([s * a * np.eye(k)[i] for i in range(k) for s in (-1, 1)])
    return np.vstack([F, S, np.zeros((cpb * blocks, k))])


def bbd(k, c):
    rows = []
    for i, j in itertools.combinations(range(k), 2):
        for a, b in itertools.product([-1, 1], repeat=2):
            r = [0] * k; r[i] = a; r[j] = b; rows.append(r)
    return np.vstack([np.array(rows, float), np.zeros((c, k))])


def pb(N):
    gen = {12: "++-+++---+-", 20: "++--++++-+-+----++-"}[N]
    g = [1 if ch == "+" else -1 for ch in gen]
    X = np.array([g[-i:] + g[:-i] if i else g for i in range(N - 1)] + [[-1] * (N - 1)], float)
    assert np.allclose(X.T @ X, N * np.eye(N - 1))      # orthogonal columns
    return X


@Q
def k3_blocks_words():
    text = ("We're screening five factors with a full two-level factorial and want three replicates of "
            "the whole thing. The furnace only takes eight runs a day and each day is treated as a "
            "block. How many runs in total, and how many days (blocks) does that take?")

    def parse(t):
        return (wnum(re.search(r"screening (\w+) factors", t).group(1)),
                wnum(re.search(r"want (\w+) replicates", t).group(1)),
                wnum(re.search(r"takes (\w+) runs a day", t).group(1)))

    def lib(d):
        k, r, cap = d
        X = np.tile(ff2(k), (r, 1)); assert X.shape[0] % cap == 0
        return dict(runs=X.shape[0], blocks=X.shape[0] // cap)

    def hand(d):
        k, r, cap = d
        return dict(runs=2 ** k * r, blocks=-(-2 ** k * r // cap))
    return dict(kind=3, text=text, data=(5, 3, 8), parse=parse, lib=lib, hand=hand,
                intent="2^5 full factorial x 3 replicates = 96 runs; capacity 8/day -> 12 blocks",
                tools=["doe_design", "dsl_run"], spec=[("total runs", "runs", 0), ("blocks (days)", "blocks", 0)])


@Q
def k3_three_level():
    text = ("Room 214 bench trial. We want a 3-level full factorial on temperature, pH and stirrer speed, "
            "and we'll run the whole design in duplicate. How many runs is that?")

    def parse(t):
        lv = int(re.search(r"(\d+)-level", t).group(1))
        fl = re.search(r"factorial on (.*?), and we", t).group(1)
        k = len(re.split(r", | and ", fl))
        r = wnum(re.search(r"design in (\w+)\.", t).group(1))
        return lv, k, r

    def lib(d):
        lv, k, r = d
        X = np.tile(np.array(list(itertools.product(range(lv), repeat=k))), (r, 1))
        return dict(runs=X.shape[0])
    return dict(kind=3, text=text, data=(3, 3, 2), parse=parse, lib=lib,
                hand=lambda d: dict(runs=d[0] ** d[1] * d[2]),
                intent="3^3 full factorial in duplicate = 54 runs (room number is context)",
                tools=["doe_design", "dsl_run"], spec=[("runs", "runs", 0)])


@Q
def k3_xbar_r_summary():
    text = ("Shaft OD on line 6, recorded as deviation from nominal in µm. Every hour the operator pulls "
            "5 consecutive shafts and measures each one. After 25 hours the grand average of the subgroup "
            "means is 8.4 µm and the average range is 4.6 µm. Control limits for the X-bar chart and "
            "the R chart?")

    def parse(t):
        return (float(re.search(r"means is (\d+(?:\.\d+)?)", t).group(1)),
                float(re.search(r"average range is (\d+(?:\.\d+)?)", t).group(1)),
                int(re.search(r"pulls (\d+) consecutive", t).group(1)))
    return dict(kind=3, text=text, data=(8.4, 4.6, 5), parse=parse, lib=lib_xbarr, hand=hand_xbarr,
                btol=5e-4,
                intent="subgroup size 5 from the sampling plan in words; X-bar/R limits from summary figures",
                tools=["summary_chart", "control_chart", "spc_constants", "dsl_run"],
                spec=[("UCL x-bar", "uclx", 0.005), ("LCL x-bar", "lclx", 0.005), ("UCL R", "uclr", 0.005)])


@Q
def k3_np_chart():
    r = np.random.default_rng(2230)
    c = [int(v) for v in r.binomial(150, 0.08, 16)]
    text = ("Each shift we pull 150 connectors off the line and pull-test them. Number that failed, last "
            f"16 shifts: {js(c, 0)}. We want to chart the number of failures directly (not the fraction). "
            "Centre line and 3-sigma limits?")

    def parse(t):
        return (int(re.search(r"pull (\d+) connectors", t).group(1)),
                nums(t.split("shifts:")[1].split(". We want")[0]))
    return dict(kind=3, text=text, data=(150, c), parse=parse, lib=lib_npchart, hand=hand_npchart,
                intent="np chart with n = 150 taken from the prose",
                tools=["control_chart", "dsl_run"],
                spec=[("centre line (n p-bar)", "cl", 0.005), ("UCL", "ucl", 0.005), ("LCL", "lcl", 0.005)])


@Q
def k3_ccd_blocks():
    text = ("Planning a rotatable central composite design for 4 factors with the full 2^4 cube. It will "
            "be run in 2 blocks (cube block, star block) with 3 centre points in each block. "
            "How many runs altogether?")

    def parse(t):
        return (int(re.search(r"for (\d+) factors", t).group(1)),
                int(re.search(r"(\d+) centre points in each block", t).group(1)),
                int(re.search(r"run in (\d+) blocks", t).group(1)))
    return dict(kind=3, text=text, data=(4, 3, 2), parse=parse, lib=lambda d: dict(runs=ccd(*d).shape[0]),
                hand=lambda d: dict(runs=2 ** d[0] + 2 * d[0] + d[1] * d[2]),
                intent="CCD k=4: 16 cube + 8 axial + 3 centre points per block x 2 blocks = 30",
                tools=["doe_design", "dsl_run"], spec=[("runs", "runs", 0)])


@Q
def k3_bbd():
    text = "box-behnken, four factors, five centre runs in total. how many runs?"

    def parse(t):
        return (wnum(re.search(r"(\w+) factors", t).group(1)), wnum(re.search(r"(\w+) centre runs", t).group(1)))
    return dict(kind=3, text=text, data=(4, 5), parse=parse, lib=lambda d: dict(runs=bbd(*d).shape[0]),
                hand=lambda d: dict(runs=2 * d[0] * (d[0] - 1) + d[1]),
                intent="Box-Behnken k=4: 24 edge runs + 5 centre = 29",
                tools=["doe_design", "dsl_run"], spec=[("runs", "runs", 0)])


@Q
def k3_fractional():
    text = ("We'll use the 2^(7-3) resolution IV fraction, run the fraction twice (two replicates), and "
            "add 3 centre points to each replicate. Total number of runs?")

    def parse(t):
        k, p = map(int, re.search(r"2\^\((\d+)-(\d+)\)", t).groups())
        r = wnum(re.search(r"\((\w+) replicates\)", t).group(1))
        c = int(re.search(r"add (\d+) centre points", t).group(1))
        return k, p, r, c

    def lib(d):
        k, p, r, c = d
        gens = [[0, 1, 2], [1, 2, 3], [0, 2, 3], [0, 1, 3]][:p]
        X = frac2(k, gens)
        assert len({tuple(row) for row in X}) == X.shape[0] and resolution(X) == 4
        return dict(runs=np.tile(X, (r, 1)).shape[0] + c * r)
    return dict(kind=3, text=text, data=(7, 3, 2, 3), parse=parse, lib=lib,
                hand=lambda d: dict(runs=2 ** (d[0] - d[1]) * d[2] + d[3] * d[2]),
                intent="2^(7-3) = 16 runs, x2 replicates + 3 centre points per replicate = 38",
                tools=["doe_design", "dsl_run"], spec=[("runs", "runs", 0)])


@Q
def k3_plackett_burman():
    text = ("2025 screening campaign, Line 4: we have 17 candidate factors, each at 2 levels. We want a "
            "Plackett-Burman design with no replication and no centre points. What is the smallest "
            "number of runs?")

    def parse(t):
        return int(re.search(r"have (\d+) candidate factors", t).group(1))

    def lib(k):
        N = min(N for N in (12, 20) if N - 1 >= k)
        return dict(runs=pb(N).shape[0])
    return dict(kind=3, text=text, data=17, parse=parse, lib=lib,
                hand=lambda k: dict(runs=4 * (k // 4 + 1)),
                intent="Plackett-Burman for 17 factors: smallest multiple of 4 above 17 = 20 runs",
                tools=["doe_design", "dsl_run"], spec=[("runs", "runs", 0)])


def hand_tpow(delta, df, alpha):
    tc = tcrit(alpha, df); df = mp.mpf(df); k = df / 2; delta = mp.mpf(delta)

    def f(v):
        dens = mp.exp((k - 1) * mp.log(v) - v / 2 - k * mp.log(2) - mp.loggamma(k))
        s = tc * mp.sqrt(v / df)
        return dens * (mp.ncdf(delta - s) + mp.ncdf(-s - delta))
    return mp.quad(f, [0, df / 4, df / 2, df, 2 * df, 4 * df, mp.inf])


@Q
def k3_sample_size_two_sample():
    text = ("How many bottles per filler head do we need to detect a 5 g difference in mean fill weight "
            "between the two heads? Historical standard deviation is 8 g. Two-sample t-test, two-sided, "
            "alpha = 0.05, power 90%.")

    def parse(t):
        return (float(re.search(r"detect a (\d+(?:\.\d+)?) g", t).group(1)),
                float(re.search(r"deviation is (\d+(?:\.\d+)?) g", t).group(1)),
                float(re.search(r"alpha = (\d+(?:\.\d+)?)", t).group(1)),
                float(re.search(r"power (\d+)%", t).group(1)) / 100)

    def lib(d):
        n = TTestIndPower().solve_power(effect_size=d[0] / d[1], alpha=d[2], power=d[3], ratio=1.0,
                                        alternative="two-sided")
        return dict(n=math.ceil(n))

    def hand(d):
        es = mp.mpf(d[0]) / d[1]; n = 2
        while hand_tpow(es * mp.sqrt(mp.mpf(n) / 2), 2 * n - 2, d[2]) < d[3]:
            n += 1
        return dict(n=n)
    return dict(kind=3, text=text, data=(5.0, 8.0, 0.05, 0.9), parse=parse, lib=lib, hand=hand,
                intent="sample size per group, two-sample t: delta 5, sd 8, alpha 0.05, power 0.90",
                tools=["power", "dsl_run"], spec=[("n per group", "n", 0)])


@Q
def k3_power_paired():
    text = ("Gauge comparison: 15 parts, each measured on both gauges. We expect the mean difference to be "
            "about 2 µm, with a standard deviation of the differences of 3 µm. What power does a paired "
            "t-test have at alpha 0.05 (two-sided)?")

    def parse(t):
        return (float(re.search(r"about (\d+(?:\.\d+)?) µm", t).group(1)),
                float(re.search(r"differences of (\d+(?:\.\d+)?) µm", t).group(1)),
                int(re.search(r"Gauge comparison: (\d+) parts", t).group(1)),
                float(re.search(r"alpha (\d+(?:\.\d+)?)", t).group(1)))

    def lib(d):
        return dict(pw=TTestPower().power(effect_size=d[0] / d[1], nobs=d[2], alpha=d[3],
                                          alternative="two-sided"))

    def hand(d):
        es = mp.mpf(d[0]) / d[1]
        return dict(pw=float(hand_tpow(es * mp.sqrt(d[2]), d[2] - 1, d[3])))
    return dict(kind=3, text=text, data=(2.0, 3.0, 15, 0.05), parse=parse, lib=lib, hand=hand,
                intent="power of a paired t-test, n = 15 pairs, d = 2/3",
                tools=["power", "dsl_run"], spec=[("power", "pw", 0.005)])


@Q
def k3_anova_sample_size():
    text = ("Four catalysts. We'd like to be able to detect true mean conversions of 20, 22, 22 and 24 % "
            "with a common standard deviation of 3 %, using a one-way ANOVA at alpha 0.05 with power 0.80. "
            "How many runs per catalyst?")

    def parse(t):
        mus = nums(re.search(r"conversions of (.*?) %", t).group(1))
        return (mus, float(re.search(r"deviation of (\d+(?:\.\d+)?) %", t).group(1)),
                float(re.search(r"alpha (\d+(?:\.\d+)?)", t).group(1)), float(re.search(r"power (\d+(?:\.\d+)?)", t).group(1)))

    def lib(d):
        mus, s, a, pw = d
        k = len(mus); f = np.std(mus) / s
        for n in range(2, 500):
            N = k * n; fc = st.f.isf(a, k - 1, N - k)
            p = st.ncf.sf(fc, k - 1, N - k, f * f * N)
            assert abs(p - FTestAnovaPower().power(f, N, a, k_groups=k)) < 1e-6
            if p >= pw:
                return dict(n=n)

    def hand(d):
        mus, s, a, pw = d
        k = len(mus); m = hmean(mus); f2 = mp.mpf(math.fsum((v - m) ** 2 for v in mus) / k) / s ** 2
        for n in range(2, 500):
            N = k * n; d1, d2 = mp.mpf(k - 1), mp.mpf(N - k); lam = f2 * N
            fc = fcrit(a, d1, d2); x = d1 * fc / (d2 + d1 * fc)
            cdf = mp.nsum(lambda j: mp.exp(-lam / 2 + j * mp.log(lam / 2) - mp.loggamma(j + 1)) *
                          mp.betainc(d1 / 2 + j, d2 / 2, 0, x, regularized=True), [0, mp.inf])
            if 1 - cdf >= pw:
                return dict(n=n)
    return dict(kind=3, text=text, data=([20.0, 22.0, 22.0, 24.0], 3.0, 0.05, 0.8), parse=parse, lib=lib,
                hand=hand, intent="one-way ANOVA sample size per group, k = 4, f = sd(means)/sigma",
                tools=["power", "dsl_run"], spec=[("n per group", "n", 0)])


@Q
def k3_context_numbers():
    r = np.random.default_rng(2238)
    x = rd(r.normal(501.3, 1.6, 9), 1)
    text = ("Lot 2291, filled in Room 14 on 3 March 2024 by line 2. The nine bottles we checked held "
            f"{js(x, 1)} mL. Nominal fill is 500 mL. Does the lot's mean fill differ from nominal? "
            "Mean, standard deviation, t and p please.")

    def parse(t):
        return (nums(t.split("we checked held")[1].split(" mL.")[0]),
                float(re.search(r"Nominal fill is (\d+(?:\.\d+)?) mL", t).group(1)), "two-sided")
    return dict(kind=3, text=text, data=(x, 500.0, "two-sided"), parse=parse, lib=lib_t1, hand=hand_t1,
                intent="one-sample t vs nominal 500; lot/room/date/line numbers are only context",
                tools=["t_test", "describe", "dsl_run"],
                spec=[("mean", "mean", 0.005), ("sd", "sd", 0.005), ("|t|", "t", 0.005), ("p", "p", 0.02)])


@Q
def k3_refuse_no_sd():
    text = ("How many specimens per group do I need to detect a 2 MPa difference in mean tensile strength "
            "between two heat treatments, with 90% power at the 5% level (two-sided t-test)?")

    def check(t):
        assert not re.search(r"standard deviation|\bsd\b|sigma|variance|effect size", t, re.I)
    return dict(kind=3, text=text, refuse=True, check=check,
                intent="refuse: sample size needs a standard deviation (or a standardised effect size)",
                reason="no standard deviation or standardised effect size given, so n cannot be computed")


@Q
def k3_refuse_impossible_design():
    text = ("Can you set up a resolution V 2^(6-4) design for us? Six factors, only 4 runs, we can't "
            "afford more than that.")

    def check(t):
        k, p = map(int, re.search(r"2\^\((\d+)-(\d+)\)", t).groups())
        N = 2 ** (k - p)
        assert k > N - 1                      # not even resolution III fits
        assert N < 1 + k + k * (k - 1) // 2   # resolution V needs all mains + 2fi estimable
    return dict(kind=3, text=text, refuse=True, check=check,
                intent="refuse: 6 factors cannot fit in 4 runs, let alone at resolution V",
                reason="2^(6-4) has 4 runs: at most 3 factors fit at all, and resolution V for 6 factors needs >= 22 runs (32 in a 2^(6-1))")


# =====================================================================
# KIND 4 -- maths
# =====================================================================
X_, Y_ = sp.Symbol("x"), sp.Symbol("y")


@Q
def k4_derivative_point():
    text = "d/dx (x^3*sin(x)) at x = 2 ?"

    def parse(t):
        m = re.search(r"d/dx \((.*)\) at x = (\d+(?:\.\d+)?)", t)
        return m.group(1), float(m.group(2))
    return dict(kind=4, text=text, data=("x^3*sin(x)", 2.0), parse=parse,
                lib=lambda d: dict(v=float(sp.diff(sx(d[0]), X_).subs(X_, d[1]).evalf(30))),
                hand=lambda d: dict(v=float(mp.diff(lambda t: t ** 3 * mp.sin(t), d[1]))),
                intent="derivative 3x^2 sin x + x^3 cos x at x = 2",
                tools=["differentiate", "evaluate", "dsl_run"], spec=[("f'(2)", "v", 0.005)])


@Q
def k4_definite_integral():
    text = "what is the integral of x^2 e^x dx from 0 to 1? just the number"

    def parse(t):
        m = re.search(r"integral of (.*) dx from (\d+(?:\.\d+)?) to (\d+(?:\.\d+)?)", t)
        return m.group(1), float(m.group(2)), float(m.group(3))
    return dict(kind=4, text=text, data=("x^2 e^x", 0.0, 1.0), parse=parse,
                lib=lambda d: dict(v=float(sp.integrate(sx(d[0]), (X_, sp.nsimplify(d[1]), sp.nsimplify(d[2]))).evalf(30))),
                hand=lambda d: dict(v=float(mp.quad(lambda t: t ** 2 * mp.exp(t), [d[1], d[2]]))),
                intent="definite integral of x^2 e^x on [0,1] = e - 2",
                tools=["integrate", "evaluate", "dsl_run"], spec=[("integral", "v", 0.005)])


@Q
def k4_limit_infinity():
    text = "Evaluate the limit as x → ∞ of (1 + 3/x)^(2x)."

    def parse(t):
        return re.search(r"∞ of (.*)\.$", t).group(1)

    def hand(d):
        with mp.workdps(80):
            xv = mp.mpf(10) ** 40
            return dict(v=float((1 + 3 / xv) ** (2 * xv)))
    return dict(kind=4, text=text, data="(1 + 3/x)^(2x)", parse=parse,
                lib=lambda d: dict(v=float(sp.limit(sx(d), X_, sp.oo).evalf(30))), hand=hand,
                intent="limit (1+3/x)^(2x) as x -> oo = e^6",
                tools=["limit", "evaluate", "dsl_run"], spec=[("limit", "v", 0.005)])


@Q
def k4_cubic_roots():
    text = "Find all real roots of x^3 - 7x + 3 = 0 (3 decimal places is fine)."

    def parse(t):
        return re.search(r"roots of (.*) = 0", t).group(1)

    def lib(d):
        rr = sorted(float(sp.re(v)) for v in sp.Poly(sx(d), X_).nroots(n=30) if abs(sp.im(v)) < 1e-20)
        return dict(r1=rr[0], r2=rr[1], r3=rr[2])

    def hand(d):
        rr = sorted(float(mp.re(v)) for v in mp.polyroots([1, 0, -7, 3], maxsteps=200, extraprec=60))
        return dict(r1=rr[0], r2=rr[1], r3=rr[2])
    return dict(kind=4, text=text, data="x^3 - 7x + 3", parse=parse, lib=lib, hand=hand,
                intent="three real roots of a cubic",
                tools=["solve", "dsl_run"],
                spec=[("root 1", "r1", 0.005), ("root 2", "r2", 0.005), ("root 3", "r3", 0.005)])


def parse_lin(line, names):
    lhs, rhs = line.split("=")
    co = []
    for v in names:
        m = re.search(r"([+-]?)\s*(\d*)" + v + r"\b", lhs)
        co.append(0 if m is None else (-1 if m.group(1) == "-" else 1) * (int(m.group(2)) if m.group(2) else 1))
    return co, int(rhs)


def cramer(A, b):
    def det3(M):
        return (M[0][0] * (M[1][1] * M[2][2] - M[1][2] * M[2][1]) - M[0][1] * (M[1][0] * M[2][2] - M[1][2] * M[2][0])
                + M[0][2] * (M[1][0] * M[2][1] - M[1][1] * M[2][0]))
    D = Fraction(det3(A))
    out = []
    for j in range(3):
        M = [[b[i] if c == j else A[i][c] for c in range(3)] for i in range(3)]
        out.append(det3(M) / D)
    return out


@Q
def k4_linear_system():
    A = [[2, 3, -1], [1, -1, 4], [3, 2, 1]]; b = [3, 10, 6]; names = ["a", "b", "c"]

    def term(c, v, first):
        s = ("-" if c < 0 else ("" if first else "+"))
        mag = "" if abs(c) == 1 else str(abs(c))
        return (s + " " if not first else s) + mag + v
    eqs = [" ".join(term(c, v, i == 0) for i, (c, v) in enumerate(zip(row, names))) + f" = {r}"
           for row, r in zip(A, b)]
    text = "solve for a, b and c:\n" + "\n".join(eqs)

    def parse(t):
        rows = [parse_lin(l, names) for l in t.splitlines()[1:]]
        return [r[0] for r in rows], [r[1] for r in rows]

    def lib(d):
        a, b_, c = sp.symbols("a b c")
        sol = sp.solve([sum(co * s for co, s in zip(row, (a, b_, c))) - r for row, r in zip(*d)], [a, b_, c])
        return dict(a=float(sol[a]), b=float(sol[b_]), c=float(sol[c]))

    def hand(d):
        s = cramer(*d)
        return dict(a=float(s[0]), b=float(s[1]), c=float(s[2]))
    return dict(kind=4, text=text, data=(A, b), parse=parse, lib=lib, hand=hand,
                intent="3x3 linear system", tools=["solve", "matrix", "dsl_run"],
                spec=[("a", "a", 0.005), ("b", "b", 0.005), ("c", "c", 0.005)])


def laplace_det(M):
    if len(M) == 1:
        return M[0][0]
    return sum((-1) ** j * M[0][j] * laplace_det([r[:j] + r[j + 1:] for r in M[1:]]) for j in range(len(M)))


@Q
def k4_det4():
    M = [[3, -1, 2, 0], [1, 4, -2, 5], [0, 2, 1, -3], [2, 0, 3, 1]]
    text = "det([" + "; ".join(" ".join(str(v) for v in r) for r in M) + "]) = ?"

    def parse(t):
        body = re.search(r"det\(\[(.*)\]\)", t).group(1)
        return [[int(v) for v in r.split()] for r in body.split(";")]
    return dict(kind=4, text=text, data=M, parse=parse,
                lib=lambda m: dict(d=int(sp.Matrix(m).det())), hand=lambda m: dict(d=laplace_det(m)),
                intent="4x4 determinant (MATLAB-style matrix)", tools=["matrix", "dsl_run"],
                spec=[("determinant", "d", 0)])


@Q
def k4_inverse3():
    M = [[2, 1, 0], [1, 3, 1], [0, 1, 4]]
    text = ("I need the inverse of the stiffness matrix K = " + str(M).replace(" ", "") +
            " — all entries as decimals please.")

    def parse(t):
        return json.loads(re.search(r"K = (\[\[.*?\]\])", t).group(1))

    def lib(m):
        I = sp.Matrix(m).inv()
        return {f"{i}{j}": float(I[i, j]) for i in range(3) for j in range(3)}

    def hand(m):
        D = Fraction(laplace_det(m)); out = {}
        for i in range(3):
            for j in range(3):
                minor = [[m[r][c] for c in range(3) if c != i] for r in range(3) if r != j]
                out[f"{i}{j}"] = float((-1) ** (i + j) * laplace_det(minor) / D)
        return out
    return dict(kind=4, text=text, data=M, parse=parse, lib=lib, hand=hand,
                intent="inverse of a symmetric 3x3 (adjugate / det 18)", tools=["matrix", "dsl_run"],
                spec=[("inv[1,1]", "00", 0.005), ("inv[1,2]", "01", 0.005), ("inv[1,3]", "02", 0.005),
                      ("inv[2,2]", "11", 0.005), ("inv[2,3]", "12", 0.005), ("inv[3,3]", "22", 0.005)])


@Q
def k4_eigen3():
    M = [[4, 1, 2], [1, 3, 0], [2, 0, 5]]
    text = ("eigenvalues of\nA = " + " / ".join(" ".join(str(v) for v in r) for r in M) +
            "\n(rows separated by /)")

    def parse(t):
        body = re.search(r"A = (.*)\n", t).group(1)
        return [[int(v) for v in r.split()] for r in body.split("/")]

    def lib(m):   # general solver (not eigvalsh, which would read only one triangle)
        e = np.linalg.eigvals(np.array(m, float))
        assert np.max(np.abs(e.imag)) < 1e-12
        e = np.sort(e.real)
        return dict(e1=e[0], e2=e[1], e3=e[2])

    def hand(m):  # characteristic polynomial l^3 - tr l^2 + (sum of principal 2x2 minors) l - det
        tr = m[0][0] + m[1][1] + m[2][2]
        pm = sum(m[i][i] * m[j][j] - m[i][j] * m[j][i] for i, j in ((0, 1), (0, 2), (1, 2)))
        e = sorted(float(mp.re(v)) for v in mp.polyroots([1, -tr, pm, -laplace_det(m)], maxsteps=200, extraprec=60))
        return dict(e1=e[0], e2=e[1], e3=e[2])
    return dict(kind=4, text=text, data=M, parse=parse, lib=lib, hand=hand,
                intent="eigenvalues of a symmetric 3x3", tools=["matrix", "dsl_run"],
                spec=[("eigenvalue 1", "e1", 0.005), ("eigenvalue 2", "e2", 0.005), ("eigenvalue 3", "e3", 0.005)])


@Q
def k4_partials():
    text = "f(x,y) = x^2*y + e^(x*y). find ∂f/∂x and ∂f/∂y at the point (1, 2)"

    def parse(t):
        m = re.search(r"f\(x,y\) = (.*)\. find", t)
        p = re.search(r"point \((\d+(?:\.\d+)?), (\d+(?:\.\d+)?)\)", t)
        return m.group(1), float(p.group(1)), float(p.group(2))

    def lib(d):
        f = sx(d[0]); at = {X_: d[1], Y_: d[2]}
        return dict(fx=float(sp.diff(f, X_).subs(at).evalf(30)), fy=float(sp.diff(f, Y_).subs(at).evalf(30)))

    def hand(d):
        f = lambda x, y: x ** 2 * y + mp.exp(x * y)
        return dict(fx=float(mp.diff(f, (d[1], d[2]), (1, 0))), fy=float(mp.diff(f, (d[1], d[2]), (0, 1))))
    return dict(kind=4, text=text, data=("x^2*y + e^(x*y)", 1.0, 2.0), parse=parse, lib=lib, hand=hand,
                intent="partial derivatives at a point: fx = 2xy + y e^{xy}, fy = x^2 + x e^{xy}",
                tools=["differentiate", "evaluate", "dsl_run"],
                spec=[("df/dx", "fx", 0.005), ("df/dy", "fy", 0.005)])


@Q
def k4_taylor():
    text = ("Taylor series of the cube root of x about x = 8, up to and including the (x-8)^3 term. "
            "What are the coefficients of (x-8), (x-8)^2 and (x-8)^3?")

    def parse(t):
        return (float(re.search(r"about x = (\d+(?:\.\d+)?)", t).group(1)),
                int(re.search(r"including the \(x-\d+\)\^(\d+) term", t).group(1)))

    def lib(d):
        a, n = d; t = sp.Symbol("t")
        s = sp.series(sp.cbrt(X_), X_, sp.nsimplify(a), n + 1).removeO()
        P = sp.Poly(sp.expand(s.subs(X_, t + sp.nsimplify(a))), t)
        return {f"c{k}": float(P.coeff_monomial(t ** k)) for k in range(1, n + 1)}

    def hand(d):
        a, n = d
        c = mp.taylor(mp.cbrt, a, n)
        return {f"c{k}": float(c[k]) for k in range(1, n + 1)}
    return dict(kind=4, text=text, data=(8.0, 3), parse=parse, lib=lib, hand=hand,
                intent="Taylor coefficients of x^(1/3) about 8: 1/12, -1/288, 5/20736",
                tools=["series", "dsl_run"],
                spec=[("coef (x-8)", "c1", 0.005), ("coef (x-8)^2", "c2", 0.005), ("coef (x-8)^3", "c3", 0.005)])


@Q
def k4_optimise():
    text = ("cost model C(x) = 3x + 200/x^2 for x > 0 (x = wall thickness in mm). where is the minimum "
            "and what's the min cost?")

    def parse(t):
        return re.search(r"C\(x\) = (.*) for x > 0", t).group(1)

    def lib(d):
        f = sx(d)
        xs = [v for v in sp.solve(sp.diff(f, X_), X_) if v.is_real and v > 0]
        assert len(xs) == 1 and sp.diff(f, X_, 2).subs(X_, xs[0]) > 0
        return dict(x=float(xs[0]), C=float(f.subs(X_, xs[0])))

    def hand(d):
        C = lambda t: 3 * t + 200 / t ** 2
        xs = mp.findroot(lambda t: mp.diff(C, t), 5)
        return dict(x=float(xs), C=float(C(xs)))
    return dict(kind=4, text=text, data="3x + 200/x^2", parse=parse, lib=lib, hand=hand,
                intent="minimise 3x + 200/x^2: x = (400/3)^(1/3)",
                tools=["solve", "differentiate", "evaluate", "dsl_run"],
                spec=[("x at minimum", "x", 0.005), ("minimum C", "C", 0.005)])


@Q
def k4_improper_integral():
    text = "integrate exp(-x**2/2) from -oo to 1.5"

    def parse(t):
        m = re.search(r"integrate (.*) from (\S+) to (\S+)$", t)
        return m.group(1), m.group(2), float(m.group(3))
    return dict(kind=4, text=text, data=("exp(-x**2/2)", "-oo", 1.5), parse=parse,
                lib=lambda d: dict(v=float(sp.integrate(sx(d[0]), (X_, sx(d[1]), sp.nsimplify(d[2]))).evalf(30))),
                hand=lambda d: dict(v=float(mp.quad(lambda t: mp.exp(-t ** 2 / 2), [-mp.inf, 0, d[2]]))),
                intent="improper integral = sqrt(2 pi) Phi(1.5)",
                tools=["integrate", "evaluate", "dsl_run"], spec=[("integral", "v", 0.005)])


@Q
def k4_refuse_det_nonsquare():
    text = "quick one: determinant of [[1, 2, 3], [4, 5, 6]] ?"

    def check(t):
        M = json.loads(re.search(r"(\[\[.*\]\])", t).group(1))
        assert len(M) != len(M[0])
    return dict(kind=4, text=text, refuse=True, check=check,
                intent="refuse: a 2x3 matrix has no determinant",
                reason="the matrix is 2x3; determinants exist only for square matrices")


# =====================================================================
# KIND 5 -- specific tests that must not be substituted
# =====================================================================
@Q
def k5_kruskal():
    A = [6, 7, 5, 8, 6, 7, 9]; B = [4, 5, 5, 3, 6, 4]; C = [8, 9, 7, 9, 10, 8, 7]
    text = ("Panel scores (1-10) for three cleaning methods.\nMethod A: " + js(A, 0) + "\nMethod B: " +
            js(B, 0) + "\nMethod C: " + js(C, 0) +
            "\nUse the Kruskal–Wallis test (with the correction for ties) — H and p?")

    def parse(t):
        return [nums(m) for m in re.findall(r"^Method \w: (.*)$", t, re.M)]

    def lib(g):
        r = st.kruskal(*g)
        return dict(H=r.statistic, p=r.pvalue)

    def hand(g):
        allv = [v for x in g for v in x]; N = len(allv); rk = hranks(allv)
        H = 0.0; pos = 0
        for x in g:
            R = math.fsum(rk[pos:pos + len(x)]); pos += len(x); H += R * R / len(x)
        H = 12 / (N * (N + 1)) * H - 3 * (N + 1)
        H /= 1 - sum(t ** 3 - t for t in tie_groups(allv)) / (N ** 3 - N)
        return dict(H=H, p=sf_chi2(H, len(g) - 1))
    return dict(kind=5, text=text, data=[[float(v) for v in x] for x in (A, B, C)], parse=parse, lib=lib,
                hand=hand, intent="Kruskal-Wallis H with tie correction, chi-square p",
                tools=["kruskal_wallis", "dsl_run"], spec=[("H", "H", 0.005), ("p", "p", 0.02)])


@Q
def k5_fisher():
    tab = [[2, 12], [9, 6]]
    text = ("Thermal-shock trial: 2 of 14 treated housings cracked, 9 of 15 untreated housings cracked. "
            "Small numbers, so Fisher's exact test please (two-sided p).")

    def parse(t):
        a = [(int(x), int(n)) for x, n in re.findall(r"(\d+) of (\d+)", t)]
        return [[a[0][0], a[0][1] - a[0][0]], [a[1][0], a[1][1] - a[1][0]]]

    def lib(tb):
        return dict(p=st.fisher_exact(tb, alternative="two-sided").pvalue)

    def hand(tb):
        (a, b), (c, d) = tb; r1, c1, N = a + b, a + c, a + b + c + d
        pr = lambda x: Fraction(math.comb(c1, x) * math.comb(N - c1, r1 - x), math.comb(N, r1))
        po = pr(a)
        return dict(p=float(sum(pr(x) for x in range(max(0, r1 + c1 - N), min(r1, c1) + 1)
                                if pr(x) <= po * (1 + Fraction(1, 10 ** 7)))))
    return dict(kind=5, text=text, data=tab, parse=parse, lib=lib, hand=hand,
                intent="Fisher's exact test on a 2x2 given in prose",
                tools=["proportion_test", "dsl_run"], spec=[("p (two-sided)", "p", 0.02)])


@Q
def k5_exact_binomial():
    text = ("Vendor claims their defect rate is no more than 2%. Our incoming inspection found 4 defective "
            "parts in a sample of 60. Exact binomial test, one-sided (is the rate higher than 2%?) — p?")

    def parse(t):
        return (int(re.search(r"found (\d+) defective", t).group(1)), int(re.search(r"sample of (\d+)", t).group(1)),
                float(re.search(r"no more than (\d+(?:\.\d+)?)%", t).group(1)) / 100)

    def lib(d):
        return dict(p=st.binomtest(d[0], d[1], d[2], alternative="greater").pvalue)

    def hand(d):
        k, n, p = d; p = Fraction(str(p))
        return dict(p=float(1 - sum(math.comb(n, i) * p ** i * (1 - p) ** (n - i) for i in range(k))))
    return dict(kind=5, text=text, data=(4, 60, 0.02), parse=parse, lib=lib, hand=hand,
                intent="exact binomial test, H1: p > 0.02, P(X >= 4 | n = 60)",
                tools=["proportion_test", "dsl_run"], spec=[("p (one-sided, exact)", "p", 0.02)])


def hand_bf(g):
    z = []
    for x in g:
        s = sorted(x); n = len(s)
        med = s[n // 2] if n % 2 else (s[n // 2 - 1] + s[n // 2]) / 2
        z.append([abs(v - med) for v in x])
    r = hand_anova1(z)
    return dict(W=r["F"], p=r["p"])


@Q
def k5_brown_forsythe():
    r = np.random.default_rng(2257)
    g = [rd(r.normal(10, s, n), 2) for s, n in ((0.25, 8), (0.55, 9), (0.30, 8))]
    text = ("Torque (N·m) from three nutrunner spindles:\n" +
            "\n".join(f"spindle {i + 1} = [{js(x, 2)}]" for i, x in enumerate(g)) +
            "\nDo the spindles differ in variability? Use the Brown-Forsythe version of Levene's test "
            "(deviations from the group medians). Statistic and p.")

    def parse(t):
        return [nums(m) for m in re.findall(r"^spindle \d+ = \[(.*)\]$", t, re.M)]

    def lib(g):
        r = st.levene(*g, center="median")
        return dict(W=r.statistic, p=r.pvalue)
    return dict(kind=5, text=text, data=g, parse=parse, lib=lib, hand=hand_bf,
                intent="Brown-Forsythe (median-centred Levene) test", tools=["levene", "dsl_run"],
                spec=[("W (Brown-Forsythe)", "W", 0.005), ("p", "p", 0.02)])


@Q
def k5_bartlett():
    r = np.random.default_rng(2258)
    g = [rd(r.normal(50, s, n), 1) for s, n in ((1.2, 7), (2.6, 8), (1.5, 7), (1.1, 6))]
    names = ["Oven A", "Oven B", "Oven C", "Oven D"]
    text = ("cure hardness (Shore A), four ovens. data are normal enough, we checked. Bartlett's test for "
            "equal variances pls\n" + "\n".join(f"{n}: {js(x, 1, ' ')}" for n, x in zip(names, g)))

    def parse(t):
        return [nums(m) for m in re.findall(r"^Oven \w: (.*)$", t, re.M)]

    def lib(g):
        r = st.bartlett(*g)
        return dict(T=r.statistic, p=r.pvalue)

    def hand(g):
        k = len(g); N = sum(len(x) for x in g)
        sp2 = math.fsum((len(x) - 1) * hvar(x) for x in g) / (N - k)
        num = (N - k) * math.log(sp2) - math.fsum((len(x) - 1) * math.log(hvar(x)) for x in g)
        den = 1 + (math.fsum(1 / (len(x) - 1) for x in g) - 1 / (N - k)) / (3 * (k - 1))
        T = num / den
        return dict(T=T, p=sf_chi2(T, k - 1))
    return dict(kind=5, text=text, data=g, parse=parse, lib=lib, hand=hand,
                intent="Bartlett's test of equal variances, 4 groups", tools=["variance_test", "dsl_run"],
                spec=[("Bartlett statistic", "T", 0.005), ("p", "p", 0.02)])


@Q
def k5_f_test():
    r = np.random.default_rng(2259)
    a = rd(r.normal(12.0, 0.26, 10), 2)
    b = rd(r.normal(12.0, 0.12, 9), 2)
    text = ("Micrometer A (10 repeat readings): " + js(a, 2) + "\nMicrometer B (9 repeat readings): " + js(b, 2) +
            "\nF test for equality of the two variances, F = s_A^2 / s_B^2, two-sided p.")

    def parse(t):
        return (nums(re.search(r"^Micrometer A \(.*?\): (.*)$", t, re.M).group(1)),
                nums(re.search(r"^Micrometer B \(.*?\): (.*)$", t, re.M).group(1)))

    def lib(d):
        a, b = np.asarray(d[0]), np.asarray(d[1])
        F = np.var(a, ddof=1) / np.var(b, ddof=1); d1, d2 = len(a) - 1, len(b) - 1
        return dict(F=F, p=2 * min(st.f.sf(F, d1, d2), st.f.cdf(F, d1, d2)))

    def hand(d):
        F = hvar(d[0]) / hvar(d[1]); d1, d2 = len(d[0]) - 1, len(d[1]) - 1
        return dict(F=F, p=2 * min(sf_f(F, d1, d2), cdf_f(F, d1, d2)))
    return dict(kind=5, text=text, data=(a, b), parse=parse, lib=lib, hand=hand,
                intent="F test of two variances, ratio A/B, two-sided", tools=["variance_test", "dsl_run"],
                spec=[("F", "F", 0.005), ("p (two-sided)", "p", 0.02)])


@Q
def k5_welch_anova():
    r = np.random.default_rng(2260)
    g = [rd(r.normal(m, s, n), 1) for m, s, n in ((71.0, 1.1, 8), (73.4, 3.9, 10), (70.2, 2.2, 9))]
    text = ("Tensile elongation (%) for three resin suppliers. The spreads clearly differ, so run Welch's "
            "ANOVA (not the classic F test).\n" +
            "\n".join(f"supplier {c}\t{js(x, 1, ' ')}" for c, x in zip("PQR", g)))

    def parse(t):
        return [nums(m) for m in re.findall(r"^supplier \w\t(.*)$", t, re.M)]

    def lib(g):
        r = anova_oneway([np.asarray(x) for x in g], use_var="unequal", welch_correction=True)
        return dict(F=r.statistic, p=r.pvalue, df2=r.df[1])

    def hand(g):
        k = len(g); w = [len(x) / hvar(x) for x in g]; W = math.fsum(w)
        ym = math.fsum(wi * hmean(x) for wi, x in zip(w, g)) / W
        A = math.fsum(wi * (hmean(x) - ym) ** 2 for wi, x in zip(w, g)) / (k - 1)
        lam = math.fsum((1 - wi / W) ** 2 / (len(x) - 1) for wi, x in zip(w, g))
        F = A / (1 + 2 * (k - 2) * lam / (k * k - 1)); df2 = (k * k - 1) / (3 * lam)
        return dict(F=F, p=sf_f(F, k - 1, df2), df2=df2)
    return dict(kind=5, text=text, data=g, parse=parse, lib=lib, hand=hand,
                intent="Welch's one-way ANOVA", tools=["anova_oneway", "dsl_run"],
                spec=[("Welch F", "F", 0.005), ("denominator df", "df2", 0.005), ("p", "p", 0.02)])


def hand_shapiro(x):  # Royston (1992, 1995) approximation, n >= 12
    n = len(x); xs = sorted(x)
    m = [float(mp.sqrt(2) * mp.erfinv(2 * ((i - mp.mpf(3) / 8) / (n + mp.mpf(1) / 4)) - 1)) for i in range(1, n + 1)]
    mm = math.fsum(v * v for v in m); u = 1 / math.sqrt(n)
    an = m[-1] / math.sqrt(mm) + 0.221157 * u - 0.147981 * u ** 2 - 2.071190 * u ** 3 + 4.434685 * u ** 4 - 2.706056 * u ** 5
    an1 = m[-2] / math.sqrt(mm) + 0.042981 * u - 0.293762 * u ** 2 - 1.752461 * u ** 3 + 5.682633 * u ** 4 - 3.582633 * u ** 5
    phi = (mm - 2 * m[-1] ** 2 - 2 * m[-2] ** 2) / (1 - 2 * an ** 2 - 2 * an1 ** 2)
    a = [v / math.sqrt(phi) for v in m]
    a[-1], a[-2], a[0], a[1] = an, an1, -an, -an1
    W = math.fsum(ai * xi for ai, xi in zip(a, xs)) ** 2 / hss(x)
    L = math.log(n)
    mu = 0.0038915 * L ** 3 - 0.083751 * L ** 2 - 0.31082 * L - 1.5861
    sg = math.exp(0.0030302 * L ** 2 - 0.082676 * L - 0.4803)
    return dict(W=W, p=sf_norm((math.log(1 - W) - mu) / sg))


@Q
def k5_shapiro():
    r = np.random.default_rng(2261)
    x = rd(np.exp(r.normal(1.2, 0.45, 20)), 2)
    text = ("Surface roughness Ra (µm), 20 parts from cell 9: " + js(x, 2) +
            ". Before I compute capability I want a Shapiro-Wilk normality test: W and p.")

    def parse(t):
        return nums(t.split("cell 9:")[1].split(". Before")[0])

    def lib(x):
        r = st.shapiro(x)
        return dict(W=r.statistic, p=r.pvalue)
    return dict(kind=5, text=text, data=x, parse=parse, lib=lib, hand=hand_shapiro,
                intent="Shapiro-Wilk W and p (Royston), n = 20", tools=["normality", "dsl_run"],
                spec=[("W", "W", 0.005), ("p", "p", 0.02)])


@Q
def k5_spearman():
    x = [3, 5, 2, 8, 7, 5, 9, 4, 6, 8, 1, 6]
    y = [12.1, 14.0, 11.5, 15.2, 13.9, 13.1, 16.4, 12.9, 13.1, 15.8, 11.9, 12.4]
    text = ("Operator experience level (1-9) and first-pass yield index for 12 cells:\n"
            "experience: " + js(x, 0) + "\nyield index: " + js(y, 1) +
            "\nSpearman rank correlation with its p-value (ties get average ranks; t approximation for p).")

    def parse(t):
        return (nums(re.search(r"^experience: (.*)$", t, re.M).group(1)),
                nums(re.search(r"^yield index: (.*)$", t, re.M).group(1)))

    def lib(d):
        r = st.spearmanr(d[0], d[1])
        return dict(rho=r.statistic, p=r.pvalue)

    def hand(d):
        rho = hpearson(hranks(d[0]), hranks(d[1])); n = len(d[0])
        return dict(rho=rho, p=p_t2(rho * math.sqrt((n - 2) / (1 - rho ** 2)), n - 2))
    return dict(kind=5, text=text, data=([float(v) for v in x], y), parse=parse, lib=lib, hand=hand,
                intent="Spearman rho with ties, t-approximation p", tools=["correlation", "dsl_run"],
                spec=[("rho", "rho", 0.005), ("p", "p", 0.02)])


@Q
def k5_kendall():
    r = np.random.default_rng(2263)
    a = r.integers(1, 6, 15)
    b = np.clip(a + r.integers(-1, 2, 15) + (r.random(15) < 0.25) * r.integers(-2, 3, 15), 1, 5)
    text = ("Two inspectors graded the same 15 castings on a 1-5 porosity scale.\n"
            "| casting | inspector 1 | inspector 2 |\n|:-:|:-:|:-:|\n" +
            "\n".join(f"| C{i + 1} | {u} | {v} |" for i, (u, v) in enumerate(zip(a, b))) +
            "\nKendall's tau-b and its p-value (normal approximation with the tie correction).")

    def parse(t):
        pr = re.findall(r"\| C\d+ \| (\d+) \| (\d+) \|", t)
        return [float(u) for u, v in pr], [float(v) for u, v in pr]

    def lib(d):
        r = st.kendalltau(d[0], d[1], method="asymptotic")
        return dict(tau=r.statistic, p=r.pvalue)

    def hand(d):
        x, y = d; n = len(x)
        S = sum((1 if (x[i] - x[j]) * (y[i] - y[j]) > 0 else -1 if (x[i] - x[j]) * (y[i] - y[j]) < 0 else 0)
                for i in range(n) for j in range(i + 1, n))
        tx, ty = tie_groups(x), tie_groups(y); n0 = n * (n - 1) / 2
        n1 = sum(t * (t - 1) / 2 for t in tx); n2 = sum(t * (t - 1) / 2 for t in ty)
        tau = S / math.sqrt((n0 - n1) * (n0 - n2))
        v = ((n * (n - 1) * (2 * n + 5) - sum(t * (t - 1) * (2 * t + 5) for t in tx)
              - sum(t * (t - 1) * (2 * t + 5) for t in ty)) / 18
             + sum(t * (t - 1) * (t - 2) for t in tx) * sum(t * (t - 1) * (t - 2) for t in ty) / (9 * n * (n - 1) * (n - 2))
             + sum(t * (t - 1) for t in tx) * sum(t * (t - 1) for t in ty) / (2 * n * (n - 1)))
        return dict(tau=tau, p=2 * sf_norm(abs(S) / math.sqrt(v)))
    return dict(kind=5, text=text, data=([float(v) for v in a], [float(v) for v in b]), parse=parse, lib=lib,
                hand=hand, intent="Kendall tau-b with ties, asymptotic p", tools=["correlation", "dsl_run"],
                spec=[("tau-b", "tau", 0.005), ("p", "p", 0.02)])


@Q
def k5_sign_test():
    before = [62, 58, 71, 66, 60, 69, 64, 57, 73, 65, 68, 61, 70, 59]
    after = [59, 55, 72, 61, 60, 64, 60, 52, 70, 63, 69, 57, 65, 56]
    text = ("noise at the operator position, dB(A), 14 machines before and after fitting the new enclosure. "
            "before " + js(before, 0, "/") + " ; after " + js(after, 0, "/") +
            ". sign test only (two-sided, exact), drop any machine with no change. p?")

    def parse(t):
        b = [float(v) for v in re.search(r"before ([\d/]+)", t).group(1).split("/")]
        a = [float(v) for v in re.search(r"after ([\d/]+)", t).group(1).split("/")]
        return b, a

    def lib(d):
        dd = np.asarray(d[0]) - np.asarray(d[1]); dd = dd[dd != 0]
        return dict(p=st.binomtest(int(np.sum(dd > 0)), len(dd), 0.5).pvalue)

    def hand(d):
        dd = [a - b for a, b in zip(*d) if a != b]; n = len(dd); k = sum(v > 0 for v in dd)
        kk = min(k, n - k)
        return dict(p=float(min(Fraction(1), 2 * Fraction(sum(math.comb(n, i) for i in range(kk + 1)), 2 ** n))))
    return dict(kind=5, text=text, data=([float(v) for v in before], [float(v) for v in after]), parse=parse,
                lib=lib, hand=hand, intent="sign test on paired data, zero difference dropped, exact binomial p",
                tools=["proportion_test", "dsl_run"], spec=[("p (exact, two-sided)", "p", 0.02)])


@Q
def k5_two_prop_z():
    text = ("Line 1 scrapped 46 of 380 castings, line 2 scrapped 29 of 410. Two-proportion z-test (pooled), "
            "two-sided: z and p?")

    def parse(t):
        a = re.findall(r"scrapped (\d+) of (\d+)", t)
        return [int(v) for v, n in a], [int(n) for v, n in a]

    def lib(d):
        z, p = proportions_ztest(np.array(d[0]), np.array(d[1]))
        return dict(z=z, p=p)

    def hand(d):
        (x1, x2), (n1, n2) = d
        pp = Fraction(x1 + x2, n1 + n2)
        z = (x1 / n1 - x2 / n2) / math.sqrt(float(pp * (1 - pp) * (Fraction(1, n1) + Fraction(1, n2))))
        return dict(z=z, p=2 * sf_norm(abs(z)))
    return dict(kind=5, text=text, data=([46, 29], [380, 410]), parse=parse, lib=lib, hand=hand,
                intent="pooled two-proportion z test", tools=["proportion_test", "dsl_run"],
                spec=[("|z|", "z", 0.005), ("p", "p", 0.02)])


@Q
def k5_one_prop_z():
    text = ("Historic first-call resolution is 11%. In a sample of 400 calls after the new script, 58 were "
            "resolved first time. One-proportion z test against 11% (standard error from the null value), "
            "two-sided.")

    def parse(t):
        return (int(re.search(r"(\d+) were", t).group(1)), int(re.search(r"sample of (\d+)", t).group(1)),
                float(re.search(r"against (\d+(?:\.\d+)?)%", t).group(1)) / 100)

    def lib(d):
        z, p = proportions_ztest(d[0], d[1], value=d[2], prop_var=d[2])
        return dict(z=z, p=p)

    def hand(d):
        x, n, p0 = d
        z = (x / n - p0) / math.sqrt(p0 * (1 - p0) / n)
        return dict(z=z, p=2 * sf_norm(abs(z)))
    return dict(kind=5, text=text, data=(58, 400, 0.11), parse=parse, lib=lib, hand=hand,
                intent="one-proportion z test, SE from p0", tools=["proportion_test", "dsl_run"],
                spec=[("z", "z", 0.005), ("p", "p", 0.02)])


@Q
def k5_refuse_paired_unequal():
    text = ("Paired t-test please, same specimens before and after annealing (hardness HV):\n"
            "before: 212, 208, 215, 220, 209, 214, 218, 211\n"
            "after:  205, 203, 210, 214, 204, 209, 212")

    def check(t):
        b = nums(re.search(r"^before: (.*)$", t, re.M).group(1))
        a = nums(re.search(r"^after:\s+(.*)$", t, re.M).group(1))
        assert len(a) != len(b)
    return dict(kind=5, text=text, refuse=True, check=check,
                intent="refuse: a paired test needs equal-length columns; 8 before values vs 7 after",
                reason="8 'before' values but 7 'after' values: the pairing is undefined")


# =====================================================================
# driver
# =====================================================================
def build_all():
    out, meta = [], []
    for i, b in enumerate(BUILDERS):
        qid = f"y{i + 1:02d}"
        q = b()
        if q.get("refuse"):
            q["check"](q["text"])                       # the reason for refusing is asserted on the text
            rec = dict(id=qid, kind=q["kind"], question=q["text"], intent=q["intent"], tools=[], expect=[],
                       refuse=True)
        else:
            A = q["lib"](q["data"])
            B = q["hand"](q["data"])
            C = q["lib"](q["parse"](q["text"]))
            exps = [ex(qid, w, A[k], B[k], C[k], rel, q.get("btol", 1e-4)) for w, k, rel in q["spec"]]
            assert "dsl_run" in q["tools"]
            rec = dict(id=qid, kind=q["kind"], question=q["text"], intent=q["intent"], tools=q["tools"],
                       expect=exps, refuse=False)
        out.append(rec); meta.append((qid, b.__name__, q))
    return out, meta


def mutation_test(meta):
    """change one digit of one number in the question text at a time; the re-parse check (c) must fail
    for every number that is data, and may pass only for labels / context numbers"""
    tok = re.compile(r"\d+(?:\.\d+)?|\b(?:" + "|".join(WORDS) + r")\b")
    nxt = {"one": "two", "two": "three", "three": "four", "four": "five", "five": "six", "six": "seven",
           "seven": "eight", "eight": "nine", "nine": "ten", "ten": "eleven", "eleven": "twelve",
           "twelve": "eleven", "duplicate": "triplicate", "triplicate": "duplicate", "twice": "thrice",
           "thrice": "twice"}
    report = []
    for qid, name, q in meta:
        if q.get("refuse"):
            continue
        A = q["lib"](q["data"])
        det, und = 0, []
        for m in tok.finditer(q["text"]):
            s = m.group(0)
            if s in nxt:
                reps = [nxt[s]]
            else:   # bump the last digit, and separately the first digit
                reps = [s[:-1] + str((int(s[-1]) + 1) % 10), str((int(s[0]) + 1) % 10) + s[1:]]
            ok = True
            for rep in reps:
                mt = q["text"][:m.start()] + rep + q["text"][m.end():]
                try:
                    C = q["lib"](q["parse"](mt))
                    ok = ok and all(close(float(A[k]), float(C[k]), 1e-9) for _, k, _ in q["spec"])
                except Exception:
                    ok = False
            if ok:
                und.append(s)
            else:
                det += 1
        assert det >= 1, (qid, "no mutation detected")
        report.append((qid, name, det, und))
    return report


def main():
    out, meta = build_all()
    assert len(out) >= 64
    ids = [r["id"] for r in out]
    assert ids == [f"y{i + 1:02d}" for i in range(len(out))]
    with open(f"{HERE}/round22.jsonl", "w") as fh:
        for r in out:
            assert list(r) == ["id", "kind", "question", "intent", "tools", "expect", "refuse"]
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    kinds = {k: sum(1 for r in out if r["kind"] == k) for k in range(1, 6)}
    print("questions:", len(out), "by kind:", kinds, "refusals:", sum(r["refuse"] for r in out))
    print("expected numbers:", sum(len(r["expect"]) for r in out), "checks passed:", CHECKS)
    print("md5:", hashlib.md5(open(f"{HERE}/round22.jsonl", "rb").read()).hexdigest())
    if "--mutate" in sys.argv:
        rep = mutation_test(meta)
        tot = sum(d for _, _, d, _ in rep)
        print(f"mutation test: {tot} single-digit mutations detected across {len(rep)} questions")
        for qid, name, d, und in rep:
            print(f"  {qid} {name}: detected {d}; not detected (labels/context): {' '.join(und) or '-'}")


if __name__ == "__main__":
    main()
