#!/usr/bin/env python
"""Build round21.jsonl: a blind evaluation set for the HAVOC maths/stats/engineering agent.

Written blind: the only thing known about the agent is TOOLS.txt (tool names + one line each).

For every expected number of every non-refusal the script asserts three checks:
  (a) library   -- scipy / statsmodels / sympy / numpy (SPC: numpy + tabulated constants)
  (b) hand      -- an independent computation (Fraction sums, mpmath incomplete beta/gamma,
                   exact enumeration, Cramer's rule, mpmath diff/quad/taylor, closed-form run
                   counts).  (a) vs (b): 1e-4 relative, integers exactly; SPC limits that use
                   rounded table constants vs sigma = Rbar/d2: 5e-4.
  (c) re-parse  -- the data are read back out of the QUESTION TEXT and (a) is recomputed:
                   must match (a) to 1e-9 relative.

Usage:  python make_round21.py            -> checks + writes round21.jsonl
        python make_round21.py --mutate   -> mutation test of check (c) (writes nothing)
"""
import ast
import itertools
import json
import math
import re
import sys
from fractions import Fraction as Fr

import mpmath as mp
import numpy as np
import scipy.stats as st
import statsmodels.api as sm
import statsmodels.formula.api as smf
import sympy as sp
from statsmodels.stats.oneway import anova_oneway
from statsmodels.stats.power import TTestIndPower, TTestPower
from statsmodels.stats.proportion import proportions_ztest
from sympy.parsing.sympy_parser import (convert_xor, implicit_multiplication_application,
                                        parse_expr, standard_transformations)

mp.mp.dps = 40
HERE = __file__.rsplit('/', 1)[0] if '/' in __file__ else '.'


def rng(k):
    return np.random.default_rng(210000 + k)


# ----------------------------------------------------------------------------------------
# small helpers
# ----------------------------------------------------------------------------------------
def fmt(x):
    """Text form of a data number that round-trips exactly through float()."""
    s = '%.10g' % x
    assert float(s) == float(x), (s, x)
    return s


def fmtd(x, d):
    s = f'{x:.{d}f}'
    assert abs(float(s) - x) < 1e-12, (s, x)
    return s


def R(x):
    return Fr(str(x))


def M(fr):
    if isinstance(fr, Fr):
        return mp.mpf(fr.numerator) / fr.denominator
    return mp.mpf(fr)


WORDS = {w: i for i, w in enumerate(
    'zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen '
    'fifteen sixteen seventeen eighteen nineteen twenty'.split())}
WORDS.update({'twice': 2, 'thrice': 3, 'single': 1, 'once': 1, 'a': 1, 'an': 1, 'half': 1,
              'quarter': 2, 'eighth': 3})


def wnum(s):
    s = s.strip().lower()
    if re.fullmatch(r'\d+', s):
        return int(s)
    return WORDS[s]


NUMRE = r'[-−]?\d+(?:\.\d+)?'


def nums(s):
    return [float(x.replace('−', '-')) for x in re.findall(r'(?<![\w.])' + NUMRE, s)]


def block_after(text, marker):
    """Non-empty lines after the line containing marker, up to the first blank line."""
    lines = text.split('\n')
    for i, ln in enumerate(lines):
        if marker in ln:
            out = []
            for l2 in lines[i + 1:]:
                if not l2.strip():
                    break
                out.append(l2)
            return out
    raise ValueError('marker not found: ' + marker)


def md_rows(text, marker):
    rows = []
    for ln in block_after(text, marker):
        cells = [c.strip() for c in ln.strip().strip('|').split('|')]
        if all(re.fullmatch(r':?-{2,}:?', c) for c in cells):
            continue
        rows.append(cells)
    return rows


def between(text, a, b):
    i = text.index(a) + len(a)
    j = text.index(b, i)
    return text[i:j]


# ---- hand p-values (mpmath special functions) ---------------------------------------------
def t_p2(t, df):
    t = mp.mpf(t); df = mp.mpf(df)
    return mp.betainc(df / 2, mp.mpf(1) / 2, 0, df / (df + t * t), regularized=True)


def t_upper(t, df):
    p2 = t_p2(t, df)
    return p2 / 2 if t > 0 else 1 - p2 / 2


def t_q(prob, df):
    """t quantile for prob > 0.5 by bisection on the incomplete-beta tail."""
    a = 2 * (1 - mp.mpf(prob))
    lo, hi = mp.mpf(0), mp.mpf(1000)
    for _ in range(200):
        mid = (lo + hi) / 2
        if t_p2(mid, df) > a:
            lo = mid
        else:
            hi = mid
    return (lo + hi) / 2


def chi2_sf(x, k):
    return mp.gammainc(mp.mpf(k) / 2, mp.mpf(x) / 2, mp.inf, regularized=True)


def f_sf(Fv, d1, d2):
    Fv = mp.mpf(Fv); d1 = mp.mpf(d1); d2 = mp.mpf(d2)
    return mp.betainc(d2 / 2, d1 / 2, 0, d2 / (d2 + d1 * Fv), regularized=True)


def f_cdf(Fv, d1, d2):
    Fv = mp.mpf(Fv); d1 = mp.mpf(d1); d2 = mp.mpf(d2)
    return mp.betainc(d1 / 2, d2 / 2, 0, d1 * Fv / (d2 + d1 * Fv), regularized=True)


def n_sf(z):
    return mp.erfc(mp.mpf(z) / mp.sqrt(2)) / 2


def n_p2(z):
    return mp.erfc(abs(mp.mpf(z)) / mp.sqrt(2))


def n_ppf(p):
    return -mp.sqrt(2) * mp.erfinv(1 - 2 * mp.mpf(p)) if p != 0.5 else mp.mpf(0)


def h_mean(xs):
    return sum(R(x) for x in xs) / len(xs)


def h_ss(xs):
    m = h_mean(xs)
    return sum((R(x) - m) ** 2 for x in xs)


def h_var(xs):
    return h_ss(xs) / (len(xs) - 1)


def ranks_noties(values):
    vals = [R(v) for v in values]
    assert len(set(vals)) == len(vals), 'ties present'
    order = sorted(vals)
    return [order.index(v) + 1 for v in vals]


def median_py(v):
    v = sorted(v)
    n = len(v)
    return v[n // 2] if n % 2 else (v[n // 2 - 1] + v[n // 2]) / 2


# ----------------------------------------------------------------------------------------
# library (a) and hand (b) analyses.  Each returns a dict of named results.
# ----------------------------------------------------------------------------------------
def l_paired(x, y):
    r = st.ttest_rel(x, y)
    ci = r.confidence_interval(0.95)
    d = np.asarray(x, float) - np.asarray(y, float)
    return dict(mean=d.mean(), t=r.statistic, p=r.pvalue, lo=ci.low, hi=ci.high)


def h_paired(x, y):
    d = [R(a) - R(b) for a, b in zip(x, y)]
    n = len(d); m = sum(d) / n
    s = mp.sqrt(M(sum((v - m) ** 2 for v in d) / (n - 1)))
    se = s / mp.sqrt(n); t = M(m) / se
    q = t_q(0.975, n - 1)
    return dict(mean=M(m), t=t, p=t_p2(t, n - 1), lo=M(m) - q * se, hi=M(m) + q * se)


def l_1t(x, mu0, alt='two-sided'):
    r = st.ttest_1samp(x, mu0, alternative=alt)
    return dict(t=r.statistic, p=r.pvalue, mean=np.mean(x), sd=np.std(x, ddof=1))


def h_1t(x, mu0, alt='two-sided'):
    n = len(x); m = h_mean(x); s = mp.sqrt(M(h_var(x)))
    t = (M(m) - M(R(mu0))) / (s / mp.sqrt(n))
    p = {'two-sided': t_p2(t, n - 1), 'less': 1 - t_upper(t, n - 1), 'greater': t_upper(t, n - 1)}[alt]
    return dict(t=t, p=p, mean=M(m), sd=s)


def l_2t(x, y, equal_var):
    r = st.ttest_ind(x, y, equal_var=equal_var)
    return dict(t=r.statistic, p=r.pvalue, df=r.df)


def h_2t(x, y, equal_var):
    n1, n2 = len(x), len(y)
    v1, v2 = h_var(x), h_var(y)
    diff = M(h_mean(x) - h_mean(y))
    if equal_var:
        sp2 = ((n1 - 1) * v1 + (n2 - 1) * v2) / (n1 + n2 - 2)
        se = mp.sqrt(M(sp2 * (Fr(1, n1) + Fr(1, n2))))
        df = mp.mpf(n1 + n2 - 2)
    else:
        a, b = v1 / n1, v2 / n2
        se = mp.sqrt(M(a + b))
        df = M((a + b) ** 2 / (a ** 2 / (n1 - 1) + b ** 2 / (n2 - 1)))
    t = diff / se
    return dict(t=t, p=t_p2(t, df), df=df)


def l_sum1t(n, mean, sd, mu0):
    t = (mean - mu0) / (sd / np.sqrt(n))
    return dict(t=t, p=2 * st.t.sf(abs(t), n - 1))


def h_sum1t(n, mean, sd, mu0):
    t = M(R(mean) - R(mu0)) / (M(R(sd)) / mp.sqrt(n))
    return dict(t=t, p=t_p2(t, n - 1))


def l_gof(obs, props=None):
    obs = np.asarray(obs, float)
    fe = None if props is None else np.asarray(props, float) / np.sum(props) * obs.sum()
    r = st.chisquare(obs, fe)
    return dict(chi2=r.statistic, p=r.pvalue, df=len(obs) - 1)


def h_gof(obs, props=None):
    k = len(obs); N = sum(obs)
    pr = [Fr(1, k)] * k if props is None else [R(p) / sum(R(q) for q in props) for p in props]
    chi = sum((Fr(o) - N * p) ** 2 / (N * p) for o, p in zip(obs, pr))
    return dict(chi2=M(chi), p=chi2_sf(M(chi), k - 1), df=k - 1)


def l_indep(tab):
    r = st.chi2_contingency(np.asarray(tab, float), correction=False)
    return dict(chi2=r.statistic, p=r.pvalue, df=int(r.dof))


def h_indep(tab):
    rs = [sum(r) for r in tab]; cs = [sum(c) for c in zip(*tab)]; N = sum(rs)
    chi = sum((Fr(tab[i][j]) - Fr(rs[i] * cs[j], N)) ** 2 / Fr(rs[i] * cs[j], N)
              for i in range(len(rs)) for j in range(len(cs)))
    df = (len(rs) - 1) * (len(cs) - 1)
    return dict(chi2=M(chi), p=chi2_sf(M(chi), df), df=df)


def l_oneway(groups):
    ys, gs = [], []
    for i, g in enumerate(groups):
        ys += list(g); gs += ['g%d' % i] * len(g)
    fit = smf.ols('y ~ C(g)', data={'y': ys, 'g': gs}).fit()
    return dict(F=fit.fvalue, p=fit.f_pvalue, r2=fit.rsquared, mse=fit.mse_resid)


def h_oneway(groups):
    allv = [v for g in groups for v in g]
    gm = h_mean(allv)
    ssb = sum(len(g) * (h_mean(g) - gm) ** 2 for g in groups)
    ssw = sum(h_ss(g) for g in groups)
    k = len(groups); N = len(allv)
    Fv = (ssb / (k - 1)) / (ssw / (N - k))
    return dict(F=M(Fv), p=f_sf(M(Fv), k - 1, N - k), r2=M(ssb / (ssb + ssw)), mse=M(ssw / (N - k)))


def l_reg(x, y):
    fit = sm.OLS(np.asarray(y, float), sm.add_constant(np.asarray(x, float))).fit()
    return dict(b0=fit.params[0], b1=fit.params[1], r2=fit.rsquared, p1=fit.pvalues[1],
                t1=fit.tvalues[1])


def h_reg(x, y):
    mx, my = h_mean(x), h_mean(y)
    sxx = sum((R(a) - mx) ** 2 for a in x)
    syy = sum((R(b) - my) ** 2 for b in y)
    sxy = sum((R(a) - mx) * (R(b) - my) for a, b in zip(x, y))
    b1 = sxy / sxx; b0 = my - b1 * mx
    sse = syy - b1 * sxy; n = len(x)
    t1 = M(b1) / mp.sqrt(M(sse / (n - 2) / sxx))
    return dict(b0=M(b0), b1=M(b1), r2=M(sxy * sxy / (sxx * syy)), p1=t_p2(t1, n - 2), t1=t1)


def l_pearson(x, y):
    r = st.pearsonr(x, y)
    return dict(r=r.statistic, p=r.pvalue)


def h_pearson(x, y):
    mx, my = h_mean(x), h_mean(y)
    sxx = sum((R(a) - mx) ** 2 for a in x)
    syy = sum((R(b) - my) ** 2 for b in y)
    sxy = sum((R(a) - mx) * (R(b) - my) for a, b in zip(x, y))
    r = M(sxy) / mp.sqrt(M(sxx * syy)); n = len(x)
    t = r * mp.sqrt((n - 2) / (1 - r * r))
    return dict(r=r, p=t_p2(t, n - 2))


def l_spearman(x, y):
    r = st.spearmanr(x, y)
    return dict(rho=r.statistic, p=r.pvalue)


def h_spearman(x, y):
    rx, ry = ranks_noties(x), ranks_noties(y); n = len(x)
    rho = 1 - Fr(6 * sum((a - b) ** 2 for a, b in zip(rx, ry)), n * (n * n - 1))
    t = M(rho) * mp.sqrt((n - 2) / (1 - M(rho) ** 2))
    return dict(rho=M(rho), p=t_p2(t, n - 2))


def l_mw(x, y):
    r = st.mannwhitneyu(x, y, alternative='two-sided', method='exact')
    return dict(p=r.pvalue, hl=float(np.median(np.subtract.outer(np.asarray(x, float), np.asarray(y, float)))))


def h_mw(x, y):
    allv = list(x) + list(y)
    rk = ranks_noties(allv)
    n1, n2 = len(x), len(y)
    u1 = sum(rk[:n1]) - n1 * (n1 + 1) // 2
    umax = max(u1, n1 * n2 - u1)
    cnt = tot = 0
    for comb in itertools.combinations(range(1, n1 + n2 + 1), n1):
        u = sum(comb) - n1 * (n1 + 1) // 2
        tot += 1
        cnt += u >= umax
    p = min(Fr(1), 2 * Fr(cnt, tot))
    hl = median_py([R(a) - R(b) for a in x for b in y])
    return dict(p=M(p), hl=M(hl))


def l_wsr(d):
    r = st.wilcoxon(d, method='exact')
    d = np.asarray(d, float)
    walsh = [(d[i] + d[j]) / 2 for i in range(len(d)) for j in range(i, len(d))]
    return dict(p=r.pvalue, hl=float(np.median(walsh)))


def h_wsr(d):
    d = [R(v) for v in d]
    assert all(v != 0 for v in d)
    ab = [abs(v) for v in d]
    rk = ranks_noties(ab)
    n = len(d)
    wplus = sum(r for r, v in zip(rk, d) if v > 0)
    wmin = min(wplus, n * (n + 1) // 2 - wplus)
    cnt = 0
    for signs in itertools.product([0, 1], repeat=n):
        cnt += sum(i + 1 for i, s in enumerate(signs) if s) <= wmin
    p = min(Fr(1), 2 * Fr(cnt, 2 ** n))
    walsh = [(d[i] + d[j]) / 2 for i in range(n) for j in range(i, n)]
    return dict(p=M(p), hl=M(median_py(walsh)))


def l_kw(groups):
    r = st.kruskal(*groups)
    return dict(H=r.statistic, p=r.pvalue)


def h_kw(groups):
    allv = [v for g in groups for v in g]
    rk = ranks_noties(allv)
    N = len(allv); pos = 0; s = Fr(0)
    for g in groups:
        Ri = sum(rk[pos:pos + len(g)]); pos += len(g)
        s += Fr(Ri * Ri, len(g))
    H = Fr(12, N * (N + 1)) * s - 3 * (N + 1)
    return dict(H=M(H), p=chi2_sf(M(H), len(groups) - 1))


def l_fisher(tab):
    r = st.fisher_exact(tab)
    return dict(p=r.pvalue)


def h_fisher(tab):
    (a, b), (c, d) = tab
    r1, r2, c1 = a + b, c + d, a + c
    N = r1 + r2

    def pr(x):
        return Fr(math.comb(r1, x) * math.comb(r2, c1 - x), math.comb(N, c1))
    pobs = pr(a)
    p = sum(pr(x) for x in range(max(0, c1 - r2), min(r1, c1) + 1) if pr(x) <= pobs)
    return dict(p=M(p))


def l_binom_upper(k, n, p0):
    return dict(p=st.binomtest(k, n, p0, alternative='greater').pvalue)


def h_binom_upper(k, n, p0):
    p0 = R(p0)
    return dict(p=M(1 - sum(math.comb(n, i) * p0 ** i * (1 - p0) ** (n - i) for i in range(k))))


def l_sign(npos, nneg):
    return dict(p=st.binomtest(npos, npos + nneg, 0.5).pvalue)


def h_sign(npos, nneg):
    n = npos + nneg; k = min(npos, nneg)
    return dict(p=M(min(Fr(1), 2 * Fr(sum(math.comb(n, i) for i in range(k + 1)), 2 ** n))))


def l_bf(groups):
    r = st.levene(*groups, center='median')
    return dict(W=r.statistic, p=r.pvalue)


def h_bf(groups):
    z = [[abs(R(v) - median_py([R(u) for u in g])) for v in g] for g in groups]
    allz = [v for g in z for v in g]
    gm = sum(allz) / len(allz)
    ssb = sum(len(g) * (sum(g) / len(g) - gm) ** 2 for g in z)
    ssw = sum(sum((v - sum(g) / len(g)) ** 2 for v in g) for g in z)
    k, N = len(groups), len(allz)
    W = (ssb / (k - 1)) / (ssw / (N - k))
    return dict(W=M(W), p=f_sf(M(W), k - 1, N - k))


def l_bartlett(groups):
    r = st.bartlett(*groups)
    return dict(T=r.statistic, p=r.pvalue)


def h_bartlett(groups):
    k = len(groups); ns = [len(g) for g in groups]; N = sum(ns)
    vs = [M(h_var(g)) for g in groups]
    sp2 = sum((n - 1) * v for n, v in zip(ns, vs)) / (N - k)
    num = (N - k) * mp.log(sp2) - sum((n - 1) * mp.log(v) for n, v in zip(ns, vs))
    den = 1 + (sum(mp.mpf(1) / (n - 1) for n in ns) - mp.mpf(1) / (N - k)) / (3 * (k - 1))
    T = num / den
    return dict(T=T, p=chi2_sf(T, k - 1))


def l_welch_anova(groups):
    r = anova_oneway([np.asarray(g, float) for g in groups], use_var='unequal', welch_correction=True)
    return dict(F=r.statistic, p=r.pvalue, df2=r.df[1])


def h_welch_anova(groups):
    k = len(groups)
    w = [Fr(len(g)) / h_var(g) for g in groups]
    W = sum(w)
    means = [h_mean(g) for g in groups]
    yw = sum(wi * m for wi, m in zip(w, means)) / W
    A = sum(wi * (m - yw) ** 2 for wi, m in zip(w, means)) / (k - 1)
    lam = sum((1 - wi / W) ** 2 / (len(g) - 1) for wi, g in zip(w, groups))
    B = 1 + Fr(2 * (k - 2), k * k - 1) * lam
    Fv = A / B
    df2 = Fr(k * k - 1) / (3 * lam)
    return dict(F=M(Fv), p=f_sf(M(Fv), k - 1, M(df2)), df2=M(df2))


def l_twoway(cells):
    """cells[i][j] = list of replicates (balanced)."""
    ys, A, B = [], [], []
    for i, row in enumerate(cells):
        for j, c in enumerate(row):
            for v in c:
                ys.append(v); A.append('a%d' % i); B.append('b%d' % j)
    fit = smf.ols('y ~ C(A) * C(B)', data={'y': ys, 'A': A, 'B': B}).fit()
    tab = sm.stats.anova_lm(fit, typ=2)
    return dict(FA=tab.loc['C(A)', 'F'], FB=tab.loc['C(B)', 'F'], FAB=tab.loc['C(A):C(B)', 'F'],
                pA=tab.loc['C(A)', 'PR(>F)'], pB=tab.loc['C(B)', 'PR(>F)'],
                pAB=tab.loc['C(A):C(B)', 'PR(>F)'], mse=fit.mse_resid)


def h_twoway(cells):
    a = len(cells); b = len(cells[0]); n = len(cells[0][0])
    cm = [[h_mean(c) for c in row] for row in cells]
    gm = sum(sum(r) for r in cm) / (a * b)
    am = [sum(r) / b for r in cm]
    bm = [sum(cm[i][j] for i in range(a)) / a for j in range(b)]
    ssa = b * n * sum((m - gm) ** 2 for m in am)
    ssb = a * n * sum((m - gm) ** 2 for m in bm)
    ssab = n * sum((cm[i][j] - am[i] - bm[j] + gm) ** 2 for i in range(a) for j in range(b))
    sse = sum(h_ss(c) for row in cells for c in row)
    dfe = a * b * (n - 1)
    mse = sse / dfe
    FA = (ssa / (a - 1)) / mse; FB = (ssb / (b - 1)) / mse; FAB = (ssab / ((a - 1) * (b - 1))) / mse
    return dict(FA=M(FA), FB=M(FB), FAB=M(FAB), pA=f_sf(M(FA), a - 1, dfe), pB=f_sf(M(FB), b - 1, dfe),
                pAB=f_sf(M(FAB), (a - 1) * (b - 1), dfe), mse=M(mse))


def l_2prop(x1, n1, x2, n2):
    z, p = proportions_ztest([x1, x2], [n1, n2])
    return dict(z=z, p=p)


def h_2prop(x1, n1, x2, n2):
    p1, p2, pp = Fr(x1, n1), Fr(x2, n2), Fr(x1 + x2, n1 + n2)
    z = M(p1 - p2) / mp.sqrt(M(pp * (1 - pp) * (Fr(1, n1) + Fr(1, n2))))
    return dict(z=z, p=n_p2(z))


def l_1prop(x, n, p0):
    z, p = proportions_ztest(x, n, value=p0, prop_var=p0)
    return dict(z=z, p=p)


def h_1prop(x, n, p0):
    p0 = R(p0)
    z = M(Fr(x, n) - p0) / mp.sqrt(M(p0 * (1 - p0) / n))
    return dict(z=z, p=n_p2(z))


def l_ftest(x, y):
    Fv = np.var(x, ddof=1) / np.var(y, ddof=1)
    d1, d2 = len(x) - 1, len(y) - 1
    return dict(F=Fv, p=2 * min(st.f.cdf(Fv, d1, d2), st.f.sf(Fv, d1, d2)))


def h_ftest(x, y):
    Fv = M(h_var(x) / h_var(y)); d1, d2 = len(x) - 1, len(y) - 1
    return dict(F=Fv, p=2 * min(f_cdf(Fv, d1, d2), f_sf(Fv, d1, d2)))


def l_shapiro(x):
    r = st.shapiro(x)
    return dict(W=r.statistic, p=r.pvalue)


def h_shapiro(x):
    """Royston (1995) AS R94 algorithm, written out by hand for n >= 12."""
    n = len(x); assert n >= 12
    xs = sorted(M(R(v)) for v in x)
    m = [n_ppf((i - mp.mpf(3) / 8) / (n + mp.mpf(1) / 4)) for i in range(1, n + 1)]
    summ2 = sum(v * v for v in m); u = 1 / mp.sqrt(n)
    an = m[-1] / mp.sqrt(summ2) + (0.221157 * u - 0.147981 * u ** 2 - 2.071190 * u ** 3
                                   + 4.434685 * u ** 4 - 2.706056 * u ** 5)
    an1 = m[-2] / mp.sqrt(summ2) + (0.042981 * u - 0.293762 * u ** 2 - 1.752461 * u ** 3
                                    + 5.682633 * u ** 4 - 3.582633 * u ** 5)
    phi = (summ2 - 2 * m[-1] ** 2 - 2 * m[-2] ** 2) / (1 - 2 * an ** 2 - 2 * an1 ** 2)
    a = [mi / mp.sqrt(phi) for mi in m]
    a[-1], a[-2], a[0], a[1] = an, an1, -an, -an1
    mean = sum(xs) / n
    W = sum(ai * xi for ai, xi in zip(a, xs)) ** 2 / sum((xi - mean) ** 2 for xi in xs)
    ln = mp.log(n)
    mu = 0.0038915 * ln ** 3 - 0.083751 * ln ** 2 - 0.31082 * ln - 1.5861
    sg = mp.exp(0.0030302 * ln ** 2 - 0.082676 * ln - 0.4803)
    z = (mp.log(1 - W) - mu) / sg
    return dict(W=W, p=n_sf(z))


# ---- SPC ------------------------------------------------------------------------------------
TAB = {5: dict(A2=0.577, D3=0.0, D4=2.114, d2=2.326, d3=0.864)}


def l_pchart(defs, sizes, n_i):
    pbar = np.sum(defs) / np.sum(sizes)
    s = np.sqrt(pbar * (1 - pbar) / n_i)
    return dict(cl=pbar, ucl=pbar + 3 * s, lcl=max(0.0, pbar - 3 * s))


def h_pchart(defs, sizes, n_i):
    pb = Fr(sum(defs), sum(sizes))
    s = mp.sqrt(M(pb * (1 - pb) / n_i))
    return dict(cl=M(pb), ucl=M(pb) + 3 * s, lcl=max(mp.mpf(0), M(pb) - 3 * s))


def l_npchart(defs, n):
    npb = np.mean(defs); pb = npb / n
    s = np.sqrt(npb * (1 - pb))
    return dict(cl=npb, ucl=npb + 3 * s, lcl=max(0.0, npb - 3 * s))


def h_npchart(defs, n):
    npb = Fr(sum(defs), len(defs)); pb = npb / n
    s = mp.sqrt(M(npb * (1 - pb)))
    return dict(cl=M(npb), ucl=M(npb) + 3 * s, lcl=max(mp.mpf(0), M(npb) - 3 * s))


def l_uchart(counts, units, n_i):
    ub = np.sum(counts) / np.sum(units)
    s = np.sqrt(ub / n_i)
    return dict(cl=ub, ucl=ub + 3 * s, lcl=max(0.0, ub - 3 * s))


def h_uchart(counts, units, n_i):
    ub = Fr(sum(counts)) / sum(R(u) for u in units)
    s = mp.sqrt(M(ub / R(n_i)))
    return dict(cl=M(ub), ucl=M(ub) + 3 * s, lcl=max(mp.mpf(0), M(ub) - 3 * s))


def l_cchart(counts):
    cb = np.mean(counts)
    return dict(cl=cb, ucl=cb + 3 * np.sqrt(cb), lcl=max(0.0, cb - 3 * np.sqrt(cb)))


def h_cchart(counts):
    cb = Fr(sum(counts), len(counts))
    return dict(cl=M(cb), ucl=M(cb) + 3 * mp.sqrt(M(cb)), lcl=max(mp.mpf(0), M(cb) - 3 * mp.sqrt(M(cb))))


def l_xbarr(xbb, rbar, n):
    c = TAB[n]
    return dict(uclx=xbb + c['A2'] * rbar, lclx=xbb - c['A2'] * rbar, uclr=c['D4'] * rbar,
                lclr=c['D3'] * rbar)


def h_xbarr(xbb, rbar, n):
    c = TAB[n]
    sig = M(R(rbar)) / M(R(c['d2']))
    d3d2 = M(R(c['d3'])) / M(R(c['d2']))
    return dict(uclx=M(R(xbb)) + 3 * sig / mp.sqrt(n), lclx=M(R(xbb)) - 3 * sig / mp.sqrt(n),
                uclr=M(R(rbar)) * (1 + 3 * d3d2), lclr=max(mp.mpf(0), M(R(rbar)) * (1 - 3 * d3d2)))


def l_cap(mean, sd, lsl, usl):
    cp = (usl - lsl) / (6 * sd)
    return dict(cp=cp, cpk=min(usl - mean, mean - lsl) / (3 * sd))


def h_cap(mean, sd, lsl, usl):
    mean, sd, lsl, usl = R(mean), R(sd), R(lsl), R(usl)
    return dict(cp=M((usl - lsl) / (6 * sd)), cpk=M(min((usl - mean) / (3 * sd), (mean - lsl) / (3 * sd))))


# ---- DOE ------------------------------------------------------------------------------------
def l_curv(fact, centre):
    """fact: list of (A, B, y) for a 2^2; centre: list of y."""
    A = [r[0] for r in fact] + [0] * len(centre)
    B = [r[1] for r in fact] + [0] * len(centre)
    y = [r[2] for r in fact] + list(centre)
    ctr = [0] * len(fact) + [1] * len(centre)
    fit = smf.ols('y ~ A + B + A:B + ctr', data=dict(A=A, B=B, y=y, ctr=ctr)).fit()
    tab = sm.stats.anova_lm(fit, typ=1)
    return dict(ss=tab.loc['ctr', 'sum_sq'], F=tab.loc['ctr', 'F'], p=tab.loc['ctr', 'PR(>F)'])


def h_curv(fact, centre):
    yf = h_mean([r[2] for r in fact]); yc = h_mean(centre)
    nf, nc = len(fact), len(centre)
    ss = Fr(nf * nc, nf + nc) * (yf - yc) ** 2
    Fv = ss / h_var(centre)
    return dict(ss=M(ss), F=M(Fv), p=f_sf(M(Fv), 1, nc - 1))


def full_fact(k, levels=(-1, 1)):
    return np.array(list(itertools.product(levels, repeat=k)), float)


def frac_fact(k, p):
    base = full_fact(k - p)
    cols = [base[:, i] for i in range(k - p)]
    for j in range(p):  # generators: products of successive base columns (any valid set)
        idx = [(j + t) % (k - p) for t in range(k - p - 1)]
        cols.append(np.prod(base[:, idx], axis=1))
    X = np.column_stack(cols)
    assert X.shape[1] == k
    return X


def pb_design(nfac):
    gens = {12: [1, 1, -1, 1, 1, 1, -1, -1, -1, 1, -1],
            20: [1, 1, -1, -1, 1, 1, 1, 1, -1, 1, -1, 1, -1, -1, -1, -1, 1, 1, -1]}
    for N in sorted(gens):
        if N - 1 >= nfac:
            g = gens[N]
            X = np.array([np.roll(g, i) for i in range(N - 1)] + [[-1] * (N - 1)], float)
            assert np.allclose(X.T @ X, N * np.eye(N - 1))
            return X[:, :nfac]
    raise ValueError


def bbd(k, nc):
    rows = []
    for i, j in itertools.combinations(range(k), 2):
        for a, b in itertools.product((-1, 1), repeat=2):
            r = [0] * k; r[i] = a; r[j] = b; rows.append(r)
    rows += [[0] * k] * nc
    return np.array(rows, float)


def ccd(k, nc):
    fac = full_fact(k)
    alpha = len(fac) ** 0.25
    ax = []
    for i in range(k):
        for s in (-1, 1):
            r = [0.0] * k; r[i] = s * alpha; ax.append(r)
    return np.vstack([fac, np.array(ax), np.zeros((nc, k))]), alpha


# ---- power ----------------------------------------------------------------------------------
def h_power_t(delta_over_sd, n, two_sample, alpha=0.05):
    d = M(R(delta_over_sd)) if not isinstance(delta_over_sd, mp.mpf) else delta_over_sd
    if two_sample:
        nu = 2 * n - 2; ncp = d * mp.sqrt(mp.mpf(n) / 2)
    else:
        nu = n - 1; ncp = d * mp.sqrt(n)
    c = t_q(1 - mp.mpf(alpha) / 2, nu)
    nu = mp.mpf(nu)

    def dens(v):
        return v ** (nu / 2 - 1) * mp.exp(-v / 2) / (2 ** (nu / 2) * mp.gamma(nu / 2))
    up = mp.quad(lambda v: dens(v) * n_sf(c * mp.sqrt(v / nu) - ncp), [0, nu, mp.inf])
    lo = mp.quad(lambda v: dens(v) * (1 - n_sf(-c * mp.sqrt(v / nu) - ncp)), [0, nu, mp.inf])
    return up + lo


def h_n_for_power(d, target, two_sample, alpha=0.05):
    za, zb = -n_ppf(alpha / 2), -n_ppf(1 - target)
    n0 = (2 if two_sample else 1) * ((za + zb) / d) ** 2
    n = max(2, int(mp.floor(n0)) - 2)
    while h_power_t(d, n, two_sample, alpha) < target:
        n += 1
    assert h_power_t(d, n - 1, two_sample, alpha) < target
    return n


# ---- maths parsing --------------------------------------------------------------------------
X, Y = sp.symbols('x y')
TRANS = standard_transformations + (implicit_multiplication_application, convert_xor)


def pex(s):
    s = s.replace('−', '-').replace('π', 'pi')
    return parse_expr(s, transformations=TRANS, local_dict={'e': sp.E, 'x': X, 'y': Y, 'pi': sp.pi})


# ----------------------------------------------------------------------------------------
# question registry
# ----------------------------------------------------------------------------------------
QS = []


def add(kind, text, intent, tools, exp=(), lib=None, hand=None, rp=None, refuse=False, spc=()):
    """exp: list of (what, key, rel); lib/hand: dicts keyed by key; rp: text -> lib-style dict.
    spc: keys whose (a)-vs-(b) comparison is the 5e-4 rounded-table-constant comparison."""
    QS.append(dict(kind=kind, text=text.strip('\n'), intent=intent, tools=list(tools), exp=list(exp),
                   lib=lib, hand=hand, rp=rp, refuse=refuse, spc=set(spc)))


def close(a, b, rel):
    a, b = float(a), float(b)
    if a == b:
        return True
    if not (math.isfinite(a) and math.isfinite(b)):
        return False
    return abs(a - b) <= rel * max(abs(a), abs(b), 1e-300)


# ========================================================================================
# KIND 1 -- tables that are not plain numeric columns
# ========================================================================================
# x01 CSV with id column, paired before/after
_b = [62.4, 58.9, 61.7, 60.2, 63.5, 59.8, 61.1, 62.9, 60.6, 58.4]
_dl = [0.9, 0.4, 1.3, -0.2, 0.8, 1.1, 0.3, 0.6, 1.4, 0.5]
_a = [round(b + d, 1) for b, d in zip(_b, _dl)]
_t = ('heat treat trial - hardness (HRC) on the same ten coupons before and after the new quench '
      'recipe. did the hardness change? paired t-test pls, two-sided, alpha 0.05\n\n'
      'specimen_id,hrc_before,hrc_after\n' +
      '\n'.join(f'S-{101 + i},{fmtd(b, 1)},{fmtd(a, 1)}' for i, (b, a) in enumerate(zip(_b, _a))))


def _rp(t):
    rows = [ln.split(',') for ln in block_after(t, 'specimen_id,')]
    return l_paired([float(r[1]) for r in rows], [float(r[2]) for r in rows])


add(1, _t, 'paired t-test on the before/after columns of an id-labelled CSV (two-sided)',
    ['t_test', 'dsl_run'], [('|t|', 't', 0.005), ('p', 'p', 0.02), ('|mean difference|', 'mean', 0.005)],
    l_paired(_b, _a), h_paired(_b, _a), _rp)

# x02 markdown table: technician rows, caliper vs CMM, paired CI
_names = ['Alvarez', 'Brennan', 'Chowdhury', 'Dubois', 'Eriksen', 'Fong', 'Gallagher', 'Haddad', 'Ivanova']
_cal = [25.43, 25.39, 25.47, 25.41, 25.45, 25.38, 25.44, 25.42, 25.46]
_cmm = [25.41, 25.38, 25.44, 25.40, 25.42, 25.38, 25.41, 25.41, 25.43]
_t = ('Each of our nine inspection technicians measured one of their own parts twice: once with the '
      'digital caliper and once on the CMM. Treating the two readings on a part as a pair, what is the '
      'mean difference (caliper minus CMM), its paired t statistic, and the 95% confidence interval '
      'for the mean difference?\n\n'
      '| technician | caliper (mm) | CMM (mm) |\n|---|---|---|\n' +
      '\n'.join(f'| {n} | {c:.2f} | {m:.2f} |' for n, c, m in zip(_names, _cal, _cmm)))


def _rp(t):
    rows = md_rows(t, '| CMM (mm) |')
    return l_paired([float(r[1]) for r in rows], [float(r[2]) for r in rows])


add(1, _t, 'paired t (caliper - CMM) from a markdown table whose first column names people; 95% CI',
    ['t_test', 'dsl_run'], [('mean difference (caliper - CMM)', 'mean', 0.005), ('t', 't', 0.005),
                            ('95% CI lower', 'lo', 0.005), ('95% CI upper', 'hi', 0.005),
                            ('p', 'p', 0.02)],
    l_paired(_cal, _cmm), h_paired(_cal, _cmm), _rp)

# x03 label: count lines, equal-proportion GOF
_days = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri']
_cnt = [34, 21, 27, 25, 44]
_t = ('Defect tags logged by weekday over the last quarter (line 2, building 7):\n' +
      '\n'.join(f'{d}: {c}' for d, c in zip(_days, _cnt)) +
      '\nAre the defects spread evenly over the five weekdays? Chi-square goodness of fit against '
      'equal proportions please.')


def _rp(t):
    obs = [int(m) for m in re.findall(r'^(?:Mon|Tue|Wed|Thu|Fri): (\d+)$', t, re.M)]
    return l_gof(obs)


add(1, _t, 'chi-square GOF (equal expected) on label: count lines', ['chi_square', 'dsl_run'],
    [('chi-square', 'chi2', 0.005), ('p', 'p', 0.02)], l_gof(_cnt), h_gof(_cnt), _rp)

# x04 label -> count with stated proportions
_cols = ['red', 'green', 'blue', 'yellow']
_obs = [131, 78, 63, 28]
_pr = [40, 30, 20, 10]
_t = ('bag mix check. spec says the assorted pack is ' +
      ', '.join(f'{p}% {c}' for p, c in zip(_pr, _cols)) +
      '. counted one sample off line 3: ' + ', '.join(f'{c} -> {o}' for c, o in zip(_cols, _obs)) +
      '. does the mix match the spec? (chi-square goodness of fit)')


def _rp(t):
    obs = dict((c, int(v)) for c, v in re.findall(r'(\w+) -> (\d+)', t))
    pr = dict((c, float(v)) for v, c in re.findall(r'(\d+)% (\w+)', t))
    keys = list(obs)
    return l_gof([obs[k] for k in keys], [pr[k] for k in keys])


add(1, _t, 'chi-square GOF against stated proportions from label -> count pairs', ['chi_square', 'dsl_run'],
    [('chi-square', 'chi2', 0.005), ('p', 'p', 0.02)], l_gof(_obs, _pr), h_gof(_obs, _pr), _rp)

# x05 p chart, varying lot sizes, markdown
_sz = [200, 220, 180, 250, 210, 190, 240, 230, 200, 260, 215, 205]
_df = [9, 12, 7, 14, 8, 11, 16, 10, 6, 13, 9, 10]
_t = ('Final inspection results, lot sizes vary. Set up a p chart (3-sigma) and tell me the centre line '
      'and the control limits that apply to lot L-07.\n\n| lot | inspected | defective |\n|:--|--:|--:|\n' +
      '\n'.join(f'| L-{i + 1:02d} | {s} | {d} |' for i, (s, d) in enumerate(zip(_sz, _df))))


def _rp(t):
    rows = md_rows(t, '| lot | inspected')
    sizes = [int(r[1]) for r in rows]; defs = [int(r[2]) for r in rows]
    ni = [int(r[1]) for r in rows if r[0] == 'L-07'][0]
    return l_pchart(defs, sizes, ni)


add(1, _t, 'p chart with variable sample size: pbar and the limits for the lot with n=240',
    ['control_chart', 'dsl_run'], [('p-bar (CL)', 'cl', 0.005), ('UCL for L-07', 'ucl', 0.005),
                                   ('LCL for L-07', 'lcl', 0.005)],
    l_pchart(_df, _sz, 240), h_pchart(_df, _sz, 240), _rp)

# x06 u chart, aligned whitespace table
_area = [2.5, 3.0, 1.8, 3.5, 2.2, 2.8, 3.2, 2.0, 2.6, 3.0]
_bl = [7, 11, 4, 13, 6, 9, 10, 5, 8, 12]
_t = ('Paint shop audit. The panels are different sizes so I want blemishes per square metre on a '
      'u chart. What is u-bar and what are the 3-sigma limits that apply to panel P-04?\n\n'
      'panel   area_m2   blemishes\n' +
      '\n'.join(f'P-{i + 1:02d}    {a:<9.1f} {b}' for i, (a, b) in enumerate(zip(_area, _bl))))


def _rp(t):
    rows = [ln.split() for ln in block_after(t, 'panel   area_m2')]
    units = [float(r[1]) for r in rows]; cnts = [int(r[2]) for r in rows]
    ni = [float(r[1]) for r in rows if r[0] == 'P-04'][0]
    return l_uchart(cnts, units, ni)


add(1, _t, 'u chart from an aligned table of (area, count): u-bar and limits for area 3.5',
    ['control_chart', 'dsl_run'], [('u-bar', 'cl', 0.005), ('UCL for P-04', 'ucl', 0.005),
                                   ('LCL for P-04', 'lcl', 0.005)],
    l_uchart(_bl, _area, 3.5), h_uchart(_bl, _area, 3.5), _rp)

# x07 tab-separated regression with run labels
_T = [150, 160, 170, 180, 190, 200, 210, 220, 230]
_ts = [211.8, 217.3, 220.1, 226.9, 229.4, 235.8, 238.2, 243.9, 247.1]
_t = ('Fit tensile = b0 + b1*temp to these oven trials. Need slope, intercept and R^2.\n\n'
      'run\ttemp_C\ttensile_MPa\n' +
      '\n'.join(f'R{i + 1}\t{a}\t{fmtd(b, 1)}' for i, (a, b) in enumerate(zip(_T, _ts))))


def _rp(t):
    rows = [ln.split('\t') for ln in block_after(t, 'run\ttemp_C')]
    return l_reg([float(r[1]) for r in rows], [float(r[2]) for r in rows])


add(1, _t, 'simple linear regression of response column on predictor column (run-labelled TSV)',
    ['regression', 'dsl_run'], [('slope', 'b1', 0.005), ('intercept', 'b0', 0.005), ('R^2', 'r2', 0.005)],
    l_reg(_T, _ts), h_reg(_T, _ts), _rp)

# x08 contingency table with row and column labels (aligned, labels with spaces)
_ct = [[23, 11, 5, 9], [31, 9, 12, 6], [18, 17, 4, 14]]
_t = ('Rejected housings by supplier and defect type, Jan-Mar:\n\n'
      '              scratch   dent   crack   discolour\n' +
      '\n'.join(f'Supplier {s}    {r[0]:>5}  {r[1]:>5}  {r[2]:>6}  {r[3]:>9}' for s, r in zip('ABC', _ct)) +
      '\n\nIs the defect type independent of the supplier? chi-square test of independence, '
      'give the statistic, df and p.')


def _rp(t):
    rows = [ln for ln in t.split('\n') if ln.startswith('Supplier ')]
    tab = [[int(v) for v in ln.split()[2:]] for ln in rows]
    return l_indep(tab)


add(1, _t, 'chi-square test of independence on a labelled 3x4 contingency table', ['chi_square', 'dsl_run'],
    [('chi-square', 'chi2', 0.005), ('df', 'df', 0), ('p', 'p', 0.02)], l_indep(_ct), h_indep(_ct), _rp)

# x09 long-format CSV, one-way ANOVA
_g = rng(9)
_mus = {'M1': 10.000, 'M2': 10.018, 'M3': 9.992, 'M4': 10.026}
_long = [(m, round(float(_g.normal(mu, 0.015)), 3)) for m, mu in _mus.items() for _ in range(6)]
_long = [_long[i] for i in _g.permutation(len(_long))]
_grp = [[v for m, v in _long if m == k] for k in _mus]
_t = ('Shaft diamters from the four grinders, one row per shaft (long format). One-way ANOVA: '
      'do the machine means differ? I need F, the p-value and R-squared.\n\n'
      'machine,diameter_mm\n' + '\n'.join(f'{m},{v:.3f}' for m, v in _long))


def _rp(t):
    rows = [ln.split(',') for ln in block_after(t, 'machine,diameter_mm')]
    keys = sorted(set(r[0] for r in rows))
    return l_oneway([[float(r[1]) for r in rows if r[0] == k] for k in keys])


add(1, _t, 'one-way ANOVA on a long-format (group,value) CSV', ['anova_oneway', 'dsl_run'],
    [('F', 'F', 0.005), ('p', 'p', 0.02), ('R^2', 'r2', 0.005)], l_oneway(_grp), h_oneway(_grp), _rp)

# x10 aligned whitespace correlation, lot labels
_lots = ['LOT-A17', 'LOT-A18', 'LOT-B02', 'LOT-B03', 'LOT-B07', 'LOT-C11', 'LOT-C12', 'LOT-C15',
         'LOT-D01', 'LOT-D04']
_inh = [4.12, 3.87, 4.35, 4.02, 3.71, 4.48, 4.21, 3.95, 4.30, 4.09]
_ext = [4.20, 3.95, 4.31, 4.15, 3.80, 4.52, 4.18, 4.07, 4.41, 4.05]
_t = ('moisture % on ten lots, our lab vs the external lab. how well do they agree - pearson '
      'correlation coefficient and its p-value?\n\n'
      'lot        in_house   external\n' +
      '\n'.join(f'{l:<10} {a:<10.2f} {b:.2f}' for l, a, b in zip(_lots, _inh, _ext)))


def _rp(t):
    rows = [ln.split() for ln in block_after(t, 'lot        in_house')]
    return l_pearson([float(r[1]) for r in rows], [float(r[2]) for r in rows])


add(1, _t, 'Pearson correlation between two measurement columns of a lot-labelled table',
    ['regression', 'dsl_run'], [('r', 'r', 0.005), ('p', 'p', 0.02)],
    l_pearson(_inh, _ext), h_pearson(_inh, _ext), _rp)

# x11 long format semicolon, pooled t
_north = [41.2, 39.8, 42.5, 40.1, 43.0, 41.7, 40.6, 42.2]
_south = [43.9, 42.1, 44.6, 41.8, 43.3, 45.0, 42.7, 44.1, 43.5]
_rows = [('north', v) for v in _north] + [('south', v) for v in _south]
_rows = [_rows[i] for i in rng(11).permutation(len(_rows))]
_t = ('Cycle times (s) exported from the MES, one row per cycle:\n\n'
      'line;cycle_time_s\n' + '\n'.join(f'{a};{fmtd(b, 1)}' for a, b in _rows) +
      '\n\nTwo-sample t-test, north vs south, assume equal variances. t and p?')


def _rp(t):
    rows = [ln.split(';') for ln in block_after(t, 'line;cycle_time_s')]
    return l_2t([float(v) for k, v in rows if k == 'north'], [float(v) for k, v in rows if k == 'south'], True)


add(1, _t, 'pooled two-sample t from a long-format (line;value) export', ['t_test', 'dsl_run'],
    [('|t|', 't', 0.005), ('p', 'p', 0.02)], l_2t(_north, _south, True), h_2t(_north, _south, True), _rp)

# x12 np chart, borderless pipe table with dates as labels
_rej = [6, 4, 9, 5, 7, 3, 8, 6, 5, 10, 4, 7, 6, 5, 8]
_t = ('np chart for the crimp line? every day we pull 150 terminals and count rejects. '
      'want CL and UCL.\n\n'
      'date | inspected | rejects\n' +
      '\n'.join(f'{3 + i:02d}-Mar | 150 | {r}' for i, r in enumerate(_rej)))


def _rp(t):
    rows = [[c.strip() for c in ln.split('|')] for ln in block_after(t, 'date | inspected')]
    n = int(rows[0][1]); assert all(int(r[1]) == n for r in rows)
    return l_npchart([int(r[2]) for r in rows], n)


add(1, _t, 'np chart (constant n=150) from a date-labelled pipe table', ['control_chart', 'dsl_run'],
    [('np-bar (CL)', 'cl', 0.005), ('UCL', 'ucl', 0.005)], l_npchart(_rej, 150), h_npchart(_rej, 150), _rp)

# x13 REFUSAL: contingency with a missing cell
_t = ('Outcome by shift for last month, please run a chi-square test of independence on the full 3x3 '
      'table:\n\n| shift | pass | rework | scrap |\n|---|---|---|---|\n| day | 412 | 37 | 9 |\n'
      '| swing | 388 | ?? | 14 |\n| night | 365 | 52 | 21 |\n\n(the rework count for swing shift never got '
      'entered in the log)')
add(1, _t, 'REFUSE: one cell of the contingency table is missing, the full-table test cannot be run',
    [], refuse=True)

# ========================================================================================
# KIND 2 -- intent carried by wording
# ========================================================================================
# x14 don't assume normality -> Mann-Whitney
_K = [0.42, 0.51, 0.38, 0.47, 0.55, 0.44, 0.60]
_Mc = [0.58, 0.66, 0.49, 0.71, 0.63, 0.57, 0.69, 0.74]
_t = ('Surface roughness Ra (um) after polishing with two compounds.\n'
      'compound K: ' + ', '.join(fmtd(v, 2) for v in _K) + '\n'
      'compound M: ' + ', '.join(fmtd(v, 2) for v in _Mc) + '\n'
      "Is there a difference between the compounds? Roughness data are usually skewed so don't assume "
      'normality. Two-sided, and give an estimate of the shift too.')


def _rp(t):
    a = nums(between(t, 'compound K:', '\n')); b = nums(between(t, 'compound M:', '\n'))
    return l_mw(a, b)


add(2, _t, "'don't assume normality' with two independent samples -> Mann-Whitney (exact p), HL shift",
    ['mann_whitney', 'dsl_run'], [('p (exact)', 'p', 0.02), ('|Hodges-Lehmann shift|', 'hl', 0.005)],
    l_mw(_K, _Mc), h_mw(_K, _Mc), _rp)

# x15 don't assume equal variances -> Welch
_g = rng(15)
_s1 = [round(float(v), 1) for v in _g.normal(512, 4, 10)]
_s2 = [round(float(v), 1) for v in _g.normal(506, 11, 12)]
_t = ('tensile results from supplier 1 and supplier 2 (MPa)\n'
      's1 = ' + ' '.join(fmtd(v, 1) for v in _s1) + '\n'
      's2 = ' + ' '.join(fmtd(v, 1) for v in _s2) + '\n'
      "supplier 2 is obviously more scattered, so don't assume equal variances. is the mean different? "
      'need t, df and p')


def _rp(t):
    return l_2t(nums(between(t, 's1 =', '\n')), nums(between(t, 's2 =', '\n')), False)


add(2, _t, "'don't assume equal variances' -> Welch t with Satterthwaite df", ['t_test', 'dsl_run'],
    [('|t|', 't', 0.005), ('Welch df', 'df', 0.005), ('p', 'p', 0.02)],
    l_2t(_s1, _s2, False), h_2t(_s1, _s2, False), _rp)

# x16 nominal value -> one-sample t
_g = rng(16)
_bore = [round(float(v), 3) for v in _g.normal(12.009, 0.012, 12)]
_t = ('The drawing calls for a nominal bore of 12.000 mm. Twelve bores from this morning measured '
      + ', '.join(fmtd(v, 3) for v in _bore) +
      ' mm. Is the process centred on nominal? (two-sided t-test)')


def _rp(t):
    mu0 = float(re.search(r'nominal bore of ([\d.]+)', t).group(1))
    vals = nums(between(t, 'measured', 'mm. Is'))
    return l_1t(vals, mu0)


add(2, _t, 'stated nominal -> one-sample t-test against 12.000', ['t_test', 'dsl_run'],
    [('|t|', 't', 0.005), ('p', 'p', 0.02), ('mean', 'mean', 0.005)],
    l_1t(_bore, 12.0), h_1t(_bore, 12.0), _rp)

# x17 exclusion of a named point, then refit
_cc = [0.0, 1.0, 2.0, 4.0, 6.0, 8.0, 10.0]
_sg = [0.021, 0.134, 0.252, 0.483, 0.731, 1.043, 1.196]
_keep = [i for i, c in enumerate(_cc) if c != 8.0]
_cx = [_cc[i] for i in _keep]; _sy = [_sg[i] for i in _keep]
_t = ('calibration, absorbance vs standard conc (mg/L):\n' +
      '\n'.join(f'  {c:.1f} mg/L -> {s:.3f}' for c, s in zip(_cc, _sg)) +
      '\nthe 8.0 mg/L standard had a bubble in the cuvette, leave that one out and refit the straight '
      'line. slope, intercept, R^2?')


def _rp(t):
    pts = [(float(a), float(b)) for a, b in re.findall(r'([\d.]+) mg/L -> ([\d.]+)', t)]
    drop = float(re.search(r'the ([\d.]+) mg/L standard had a bubble', t).group(1))
    pts = [p for p in pts if p[0] != drop]
    return l_reg([p[0] for p in pts], [p[1] for p in pts])


add(2, _t, 'exclude the named 8.0 mg/L point before refitting the calibration line',
    ['regression', 'dsl_run'], [('slope', 'b1', 0.005), ('intercept', 'b0', 0.005), ('R^2', 'r2', 0.005)],
    l_reg(_cx, _sy), h_reg(_cx, _sy), _rp)

# x18 defect counts on identical units -> c chart
_sc = [12, 15, 9, 11, 14, 10, 13, 17, 8, 12, 11, 16, 13, 10, 12, 14, 9, 11, 15, 13]
_t = ('We count the scratches on every 20th door panel (all the same model and size). Last twenty '
      'counts: ' + ' '.join(str(v) for v in _sc) + '. What control chart should this be and what are '
      'its centre line and limits?')


def _rp(t):
    return l_cchart([int(v) for v in nums(between(t, 'Last twenty counts:', '. What'))])


add(2, _t, 'defect counts per identical unit -> c chart', ['control_chart', 'dsl_run'],
    [('c-bar', 'cl', 0.005), ('UCL', 'ucl', 0.005), ('LCL', 'lcl', 0.005)],
    l_cchart(_sc), h_cchart(_sc), _rp)

# x19 counts over varying units (prose) -> u chart
_days8 = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'next Mon', 'next Tue', 'next Wed']
_brd = [40, 32, 25, 45, 38, 30, 42, 35]
_sd = [23, 19, 17, 21, 26, 15, 24, 22]
_t = ('we inspect however many boards come off the reflow oven each day so the count varies. ' +
      '; '.join(f'{d}: {b} boards with {s} solder defects' for d, b, s in zip(_days8, _brd, _sd)) +
      '. what are the centre line and the contol limits for the first Wednesday (the smallest day)?')


def _rp(t):
    pr = [(int(b), int(s)) for b, s in re.findall(r'(\d+) boards with (\d+) solder defects', t)]
    wed = int(re.search(r'(?<!next )Wed: (\d+) boards', t).group(1))
    return l_uchart([s for b, s in pr], [b for b, s in pr], wed)


add(2, _t, 'defect counts over a varying number of boards -> u chart; limits for n=25',
    ['control_chart', 'dsl_run'], [('u-bar', 'cl', 0.005), ('UCL (Wed)', 'ucl', 0.005),
                                   ('LCL (Wed)', 'lcl', 0.005)],
    l_uchart(_sd, _brd, 25), h_uchart(_sd, _brd, 25), _rp)

# x20 Cp, Cpk from summary figures
_t = ('Shaft OD spec is 25.00 +/- 0.05 mm. From the X-bar/R chart the process mean is 25.012 mm and the '
      'within-subgroup standard deviation is 0.0105 mm. What are Cp and Cpk?')


def _rp(t):
    nom, tol = [float(v) for v in re.search(r'spec is ([\d.]+) \+/- ([\d.]+)', t).groups()]
    mean = float(re.search(r'process mean is ([\d.]+)', t).group(1))
    sd = float(re.search(r'deviation is ([\d.]+)', t).group(1))
    return l_cap(mean, sd, nom - tol, nom + tol)


add(2, _t, 'Cp and Cpk from mean, within sd and a symmetric tolerance', ['summary_capability', 'capability', 'dsl_run'],
    [('Cp', 'cp', 0.005), ('Cpk', 'cpk', 0.005)],
    l_cap(25.012, 0.0105, 24.95, 25.05), h_cap(25.012, 0.0105, 24.95, 25.05), _rp)

# x21 Pp/Ppk: must use the overall sd, not the short-term one
_t = ('Fill weight, 500 g jars. LSL 495 g, USL 515 g. Over the whole month the mean was 507.8 g with an '
      'overall (long-term) standard deviation of 2.9 g; the short-term sigma from R-bar/d2 was 2.1 g. '
      'Report the performance indices Pp and Ppk.')


def _rp(t):
    lsl = float(re.search(r'LSL ([\d.]+)', t).group(1)); usl = float(re.search(r'USL ([\d.]+)', t).group(1))
    mean = float(re.search(r'mean was ([\d.]+)', t).group(1))
    sd = float(re.search(r'deviation of ([\d.]+)', t).group(1))
    d = l_cap(mean, sd, lsl, usl)
    return dict(pp=d['cp'], ppk=d['cpk'])


_l = l_cap(507.8, 2.9, 495, 515); _h = h_cap(507.8, 2.9, 495, 515)
add(2, _t, 'Pp/Ppk use the overall sd (2.9), not the within sd (2.1)', ['summary_capability', 'capability', 'dsl_run'],
    [('Pp', 'pp', 0.005), ('Ppk', 'ppk', 0.005)],
    dict(pp=_l['cp'], ppk=_l['cpk']), dict(pp=_h['cp'], ppk=_h['cpk']), _rp)

# x22 2^2 with centre points -> curvature test
_fact = [(-1, -1, 38.1), (1, -1, 44.7), (-1, 1, 40.3), (1, 1, 47.9)]
_cen = [45.2, 44.6, 45.9, 45.0, 44.4]
_t = ('2^2 on temperature (A) and time (B), coded units, plus centre points:\n\n'
      '  A   B   yield\n' + '\n'.join(f'{a:>3d} {b:>3d}   {y:.1f}' for a, b, y in _fact) + '\n' +
      '\n'.join(f'  0   0   {y:.1f}' for y in _cen) +
      '\n\nIs there evidence of curvature? Give the curvature sum of squares, F and p (pure error from the '
      'centre points).')


def _rp(t):
    rows = [ln.split() for ln in block_after(t, '  A   B   yield')]
    fact = [(int(a), int(b), float(y)) for a, b, y in rows if (a, b) != ('0', '0')]
    cen = [float(y) for a, b, y in rows if (a, b) == ('0', '0')]
    return l_curv(fact, cen)


add(2, _t, 'centre points in a 2^2 -> single-df curvature test vs pure error', ['doe_curvature', 'doe_anova', 'dsl_run'],
    [('SS curvature', 'ss', 0.005), ('F', 'F', 0.005), ('p', 'p', 0.02)],
    l_curv(_fact, _cen), h_curv(_fact, _cen), _rp)

# x23 one-sided claim
_g = rng(23)
_pull = [round(float(v), 1) for v in _g.normal(246.5, 6, 11)]
_t = ('The rope supplier claims the mean breaking strength is at least 250 N. We pulled 11 samples: ' +
      ', '.join(fmtd(v, 1) for v in _pull) + ' N. We think the true mean is lower than claimed. Test it '
      '(one-sided, alpha = 0.05).')


def _rp(t):
    mu0 = float(re.search(r'at least ([\d.]+) N', t).group(1))
    return l_1t(nums(between(t, 'samples:', ' N. We')), mu0, 'less')


add(2, _t, 'one-sided one-sample t (H1: mean < 250)', ['t_test', 'dsl_run'],
    [('|t|', 't', 0.005), ('p (one-sided)', 'p', 0.02)],
    l_1t(_pull, 250, 'less'), h_1t(_pull, 250, 'less'), _rp)

# x24 paired, don't assume normality -> Wilcoxon signed-rank
_old = [14.8, 16.2, 13.9, 15.5, 17.1, 14.4, 16.8, 15.0, 13.6]
_new = [13.9, 15.8, 14.2, 14.1, 15.4, 13.1, 16.6, 13.5, 13.0]
_d24 = [round(a - b, 1) for a, b in zip(_old, _new)]
_t = ('Clamp time (s) on nine fixtures, measured with the old and then the new pneumatic valve (same '
      'fixture both times):\n\nfixture  old   new\n' +
      '\n'.join(f'F{i + 1}       {a:.1f}  {b:.1f}' for i, (a, b) in enumerate(zip(_old, _new))) +
      "\n\nDid the new valve change the clamp time? I don't want to assume the differences are "
      'normally distributed.')


def _rp(t):
    rows = [ln.split() for ln in block_after(t, 'fixture  old')]
    d = [round(float(r[1]) - float(r[2]), 10) for r in rows]
    return l_wsr(d)


add(2, _t, "paired + 'don't assume normal differences' -> Wilcoxon signed-rank (exact p)",
    ['wilcoxon_signed_rank', 'dsl_run'], [('p (exact)', 'p', 0.02), ('|HL median difference|', 'hl', 0.005)],
    l_wsr([round(v, 10) for v in _d24]), h_wsr(_d24), _rp)

# x25 label claim from summary figures
_t = ('Assay of 20 tablets: mean 246.3 mg, s = 6.1 mg. The label claim is 250 mg. Does the batch '
      'mean differ from the label claim? two-sided')


def _rp(t):
    n = int(re.search(r'Assay of (\d+)', t).group(1)); m = float(re.search(r'mean ([\d.]+)', t).group(1))
    s = float(re.search(r's = ([\d.]+)', t).group(1)); mu0 = float(re.search(r'claim is ([\d.]+)', t).group(1))
    return l_sum1t(n, m, s, mu0)


add(2, _t, 'label claim = reference value -> one-sample t from summary figures', ['summary_t_test', 'dsl_run'],
    [('|t|', 't', 0.005), ('p', 'p', 0.02)], l_sum1t(20, 246.3, 6.1, 250), h_sum1t(20, 246.3, 6.1, 250), _rp)

# x26 claimed proportion -> one-proportion z
_t = ('Vendor says their process has a 95% first-pass yield. In our audit 441 of 480 units passed '
      'first time. Is our yield different from what they claim? Use the large-sample z test with the '
      'standard error computed from the claimed 95% (no continuity correction).')


def _rp(t):
    p0 = float(re.search(r'has a (\d+)%', t).group(1)) / 100
    x, n = [int(v) for v in re.search(r'(\d+) of (\d+) units', t).groups()]
    return l_1prop(x, n, p0)


add(2, _t, 'claimed proportion -> one-proportion z test (SE from p0)', ['proportion_test', 'dsl_run'],
    [('|z|', 'z', 0.005), ('p', 'p', 0.02)], l_1prop(441, 480, 0.95), h_1prop(441, 480, 0.95), _rp)

# x27 REFUSAL: Cpk without spec limits
_t = ('hey quick one - bore process on cell 4: mean 10.214 mm, within sd 0.0082 mm, n = 125 parts from lot 5521. '
      'what is the Cpk?')
add(2, _t, 'REFUSE: Cpk needs at least one specification limit and none is given', [], refuse=True)

# ========================================================================================
# KIND 3 -- numbers in prose with roles
# ========================================================================================
# x28 full factorial 2^4, 3 replicates, 4 centre points in total
_t = ("We're screening 4 factors at two levels each as a full factorial, three replicates of every "
      'corner, plus four centre points in total (not per replicate). How many runs is that?')


def _runs28(t):
    k = wnum(re.search(r'screening (\w+) factors', t).group(1))
    lv = wnum(re.search(r'at (\w+) levels', t).group(1))
    rep = wnum(re.search(r'(\w+) replicates', t).group(1))
    cp = wnum(re.search(r'plus (\w+) centre points', t).group(1))
    D = np.vstack([full_fact(k, tuple(range(lv)))] * rep + [np.zeros((cp, k))])
    return dict(n=D.shape[0])


add(3, _t, 'runs = 2^4 x 3 replicates + 4 centre points in total', ['doe_design', 'dsl_run'],
    [('total runs', 'n', 0)], _runs28(_t), dict(n=2 ** 4 * 3 + 4), _runs28)

# x29 3-level full factorial, replicated twice, year as context
_t = ('for the 2025 coating study (our 3rd attempt at this) we want three factors, each at 3 levels '
      '(low/mid/high), full factorial, and the whole thing run twice. total number of runs?')


def _runs29(t):
    k = wnum(re.search(r'want (\w+) factors', t).group(1))
    lv = wnum(re.search(r'each at (\w+) levels', t).group(1))
    rep = wnum(re.search(r'whole thing run (\w+)', t).group(1))
    return dict(n=np.vstack([full_fact(k, tuple(range(lv)))] * rep).shape[0])


add(3, _t, '3^3 full factorial x 2 replicates (2025 and "3rd attempt" are context)', ['doe_design', 'dsl_run'],
    [('total runs', 'n', 0)], _runs29(_t), dict(n=3 ** 3 * 2), _runs29)

# x30 2^(6-2) blocked by capacity, centre points per block
_t = ('Six two-level factors in a quarter fraction, 2^(6-2). The furnace only manages eight runs per '
      'shift, so each shift is a block, and we add two centre runs in each shift. How many shifts do we '
      'need and how many runs altogether?')


def _runs30(t):
    k, p = [int(v) for v in re.search(r'2\^\((\d+)-(\d+)\)', t).groups()]
    cap = wnum(re.search(r'manages (\w+) runs per', t).group(1))
    cpb = wnum(re.search(r'add (\w+) centre runs in each', t).group(1))
    D = frac_fact(k, p)
    blocks = int(np.ceil(D.shape[0] / cap))
    return dict(n=D.shape[0] + blocks * cpb, b=blocks)


add(3, _t, 'capacity 8/shift is the block size: 16/8 = 2 blocks, 2 centre runs per block -> 20 runs',
    ['doe_design', 'dsl_run'], [('total runs', 'n', 0), ('blocks (shifts)', 'b', 0)],
    _runs30(_t), dict(n=2 ** (6 - 2) + 2 * 2, b=2 ** 4 // 8), _runs30)

# x31 Plackett-Burman for 17 factors, lot and room numbers as context
_t = ('Room 214 screening study, material lot 3317: 17 two-level factors, Plackett-Burman design, no '
      'replication, no centre points. What is the smallest PB design that fits, i.e. how many runs?')


def _runs31(t):
    k = int(re.search(r': (\d+) two-level factors', t).group(1))
    return dict(n=pb_design(k).shape[0])


add(3, _t, 'PB for 17 factors -> 20-run design (214 and 3317 are context)', ['doe_design', 'dsl_run'],
    [('runs', 'n', 0)], _runs31(_t), dict(n=4 * math.ceil((17 + 1) / 4)), _runs31)

# x32 Box-Behnken 4 factors + 3 centre points
_t = ('box behnken for four factors with 3 centre points -- run count?')


def _runs32(t):
    k = wnum(re.search(r'for (\w+) factors', t).group(1))
    c = wnum(re.search(r'with (\w+) centre', t).group(1))
    return dict(n=bbd(k, c).shape[0])


add(3, _t, 'BBD k=4: 2k(k-1)=24 edge runs + 3 centre = 27', ['doe_design', 'dsl_run'],
    [('runs', 'n', 0)], _runs32(_t), dict(n=2 * 4 * 3 + 3), _runs32)

# x33 rotatable CCD, 3 factors, 6 centre points
_t = ('I need a rotatable central composite design for 3 factors (full 2^3 cube) with 6 centre points. '
      'How many runs, and what axial distance alpha makes it rotatable?')


def _ccd33(t):
    k = int(re.search(r'for (\d+) factors', t).group(1)); c = int(re.search(r'with (\d+) centre', t).group(1))
    D, a = ccd(k, c)
    return dict(n=D.shape[0], alpha=a)


add(3, _t, 'rotatable CCD k=3: 8+6+6 = 20 runs, alpha = 8^(1/4)', ['doe_design', 'doe_properties', 'dsl_run'],
    [('runs', 'n', 0), ('alpha', 'alpha', 0.005)], _ccd33(_t),
    dict(n=2 ** 3 + 2 * 3 + 6, alpha=mp.root(8, 4)), _ccd33)

# x34 sample size, two-sample t
_t = ('How many specimens per group do we need to detect a 5 psi difference in mean burst pressure '
      'between two resins, if the standard deviation is about 8 psi? Two-sided alpha 0.05, 90% power, '
      'two-sample t-test (t distribution, not the normal approximation).')


def _n34(t):
    d = float(re.search(r'detect a ([\d.]+) psi', t).group(1)); s = float(re.search(r'about ([\d.]+) psi', t).group(1))
    a = float(re.search(r'alpha ([\d.]+)', t).group(1)); pw = float(re.search(r'(\d+)% power', t).group(1)) / 100
    n = math.ceil(TTestIndPower().solve_power(effect_size=d / s, alpha=a, power=pw, ratio=1.0))
    return dict(n=n, N=2 * n)


_n = h_n_for_power(mp.mpf(5) / 8, mp.mpf('0.9'), True)
add(3, _t, 'sample size per group, two-sample t, d=5/8, alpha .05, power .90', ['power', 'dsl_run'],
    [('n per group', 'n', 0), ('total n', 'N', 0)], _n34(_t), dict(n=_n, N=2 * _n), _n34)

# x35 sample size, paired t
_t = ('paired design (same operators, old vs new jig). we expect the mean difference to be 2.0 s and the '
      'sd of the differences is 3.5 s. how many pairs for 80% power at alpha=0.05 two-sided? (paired t)')


def _n35(t):
    d = float(re.search(r'difference to be ([\d.]+)', t).group(1)); s = float(re.search(r'differences is ([\d.]+)', t).group(1))
    a = float(re.search(r'alpha=([\d.]+)', t).group(1)); pw = float(re.search(r'(\d+)% power', t).group(1)) / 100
    return dict(n=math.ceil(TTestPower().solve_power(effect_size=d / s, alpha=a, power=pw)))


add(3, _t, 'number of pairs, paired t, d=2/3.5, power .80', ['power', 'dsl_run'], [('pairs', 'n', 0)],
    _n35(_t), dict(n=h_n_for_power(mp.mpf(2) / mp.mpf('3.5'), mp.mpf('0.8'), False)), _n35)

# x36 power for given n
_t = ('With fifteen parts we run a one-sample t-test (two-sided, 5% level). If the true mean is off '
      'target by 0.5 um and sigma is 1.0 um, what is the power?')


def _pw36(t):
    n = wnum(re.search(r'With (\w+) parts', t).group(1))
    d = float(re.search(r'by ([\d.]+) um', t).group(1)); s = float(re.search(r'sigma is ([\d.]+)', t).group(1))
    a = float(re.search(r'(\d+)% level', t).group(1)) / 100
    return dict(pw=TTestPower().power(effect_size=d / s, nobs=n, alpha=a, alternative='two-sided'))


add(3, _t, 'power of a one-sample t with n=15, effect 0.5 sd', ['power', 'dsl_run'], [('power', 'pw', 0.005)],
    _pw36(_t), dict(pw=h_power_t(mp.mpf('0.5'), 15, False)), _pw36)

# x37 X-bar/R limits from prose
_t = ('Line 3, two shifts. Every hour the operator pulls five consecutive parts and measures the OD. '
      'After 25 hours: grand average 48.172 mm, average range 0.094 mm. What are the X-bar chart limits '
      'and the UCL of the R chart?')


def _xr37(t):
    n = wnum(re.search(r'pulls (\w+) consecutive', t).group(1))
    xbb = float(re.search(r'grand average ([\d.]+)', t).group(1)); rb = float(re.search(r'average range ([\d.]+)', t).group(1))
    return l_xbarr(xbb, rb, n)


add(3, _t, 'subgroup size 5 from "pulls five parts every hour"; 25 hours/line 3 are context',
    ['summary_chart', 'control_chart', 'dsl_run'],
    [('UCL xbar', 'uclx', 0.005), ('LCL xbar', 'lclx', 0.005), ('UCL R', 'uclr', 0.005)],
    _xr37(_t), h_xbarr(48.172, 0.094, 5), _xr37, spc=('uclx', 'lclx', 'uclr'))

# x38 centre points per block
_t = ('2^4 full factorial, replicated twice. we have to spread it over four days, each day is a block, '
      'and we put 2 centre points in every block. Total runs?')


def _runs38(t):
    k = int(re.search(r'2\^(\d+) full', t).group(1)); rep = wnum(re.search(r'replicated (\w+)', t).group(1))
    b = wnum(re.search(r'over (\w+) days', t).group(1)); c = wnum(re.search(r'put (\w+) centre points in every', t).group(1))
    return dict(n=np.vstack([full_fact(k)] * rep + [np.zeros((c * b, k))]).shape[0])


add(3, _t, '2^4 x 2 reps + 2 centre points x 4 blocks = 40', ['doe_design', 'dsl_run'], [('total runs', 'n', 0)],
    _runs38(_t), dict(n=16 * 2 + 2 * 4), _runs38)

# x39 half fraction of 5 factors + 3 centre points; year/lot context
_t = ('Back in 2024 (lot 4471, reactor R-12) we studied five factors at two levels using a half '
      'fraction, with 3 centre points added. How many runs did that experiment have?')


def _runs39(t):
    k = wnum(re.search(r'studied (\w+) factors', t).group(1))
    p = wnum(re.search(r'using a (\w+) fraction', t).group(1))
    c = int(re.search(r'with (\d+) centre', t).group(1))
    return dict(n=frac_fact(k, p).shape[0] + c)


add(3, _t, '2^(5-1) + 3 centre = 19 (2024, 4471, R-12 are context)', ['doe_design', 'dsl_run'],
    [('runs', 'n', 0)], _runs39(_t), dict(n=2 ** 4 + 3), _runs39)

# x40 REFUSAL: Box-Behnken with 2 factors
_t = ('Can you generate a Box-Behnken design for 2 factors (temperature and pH) with 3 centre points '
      'and tell me the number of runs?')
add(3, _t, 'REFUSE: a Box-Behnken design needs at least 3 factors; with 2 factors it does not exist', [],
    refuse=True)

# x41 REFUSAL: sample size without sd
_t = ('we want to detect a 3 unit difference between two machines with 90% power at alpha 0.05 '
      '(two-sample t). how many parts per machine?')
add(3, _t, 'REFUSE: no standard deviation (or standardized effect) given, so the sample size is undetermined',
    [], refuse=True)

# ========================================================================================
# KIND 4 -- maths
# ========================================================================================
# x42 derivative at a point
_t = 'd/dx [x^3 sin(x)] at x = 1.2 ?'


def _d42(t):
    m = re.search(r'\[(.*)\] at x = ([\d.]+)', t)
    f = pex(m.group(1))
    return dict(v=float(sp.diff(f, X).subs(X, sp.Rational(m.group(2))).evalf(30)))


add(4, _t, "f'(1.2) for f = x^3 sin x", ['differentiate', 'evaluate', 'dsl_run'], [('derivative', 'v', 0.005)],
    _d42(_t), dict(v=mp.diff(lambda x: x ** 3 * mp.sin(x), mp.mpf('1.2'))), _d42)

# x43 definite integral
_t = 'integrate x**2*sin(x) dx from 0 to pi'


def _i43(t):
    m = re.search(r'integrate (.*) dx from (\S+) to (\S+)', t)
    return dict(v=float(sp.integrate(pex(m.group(1)), (X, pex(m.group(2)), pex(m.group(3)))).evalf(30)))


add(4, _t, 'definite integral = pi^2 - 4', ['integrate', 'dsl_run'], [('integral', 'v', 0.005)],
    _i43(_t), dict(v=mp.quad(lambda x: x ** 2 * mp.sin(x), [0, mp.pi])), _i43)

# x44 limit
_t = 'whats the limit of (sin(3x) - 3x)/x^3 as x -> 0'


def _l44(t):
    m = re.search(r'limit of (.*) as x -> (\S+)', t)
    return dict(v=float(sp.limit(pex(m.group(1)), X, pex(m.group(2)))))


add(4, _t, 'limit = -9/2', ['limit', 'dsl_run'], [('limit', 'v', 0.005)], _l44(_t),
    dict(v=mp.limit(lambda x: (mp.sin(3 * x) - 3 * x) / x ** 3, 0)), _l44)

# x45 roots of a cubic
_t = 'Find all the roots of x^3 - 2x^2 - 5x + 3 = 0 (they are all real). Decimal answers are fine.'


def _r45(t):
    f = pex(re.search(r'roots of (.*) = 0', t).group(1))
    c = [float(v) for v in sp.Poly(f, X).all_coeffs()]
    r = sorted(np.roots(c).real)
    return dict(r1=r[0], r2=r[1], r3=r[2])


_hr = sorted(mp.re(v) for v in mp.polyroots([1, -2, -5, 3], maxsteps=200, extraprec=100))
add(4, _t, 'three real roots of a cubic', ['solve', 'dsl_run'],
    [('root 1', 'r1', 0.005), ('root 2', 'r2', 0.005), ('root 3', 'r3', 0.005)],
    _r45(_t), dict(r1=_hr[0], r2=_hr[1], r3=_hr[2]), _r45)

# x46 3x3 linear system
_A46 = [[2, 1, -1], [1, -3, 2], [3, 2, 1]]
_b46 = [3, -4, 10]
_t = ('Solve for x, y, z:\n  2x + y - z = 3\n  x - 3y + 2z = -4\n  3x + 2y + z = 10')


def _s46(t):
    x, y, z = sp.symbols('x y z')
    eqs = []
    for ln in t.split('\n')[1:]:
        lhs, rhs = ln.split('=')
        eqs.append(sp.Eq(parse_expr(lhs, transformations=TRANS, local_dict=dict(x=x, y=y, z=z)), int(rhs)))
    sol = sp.solve(eqs, [x, y, z])
    return dict(x=float(sol[x]), y=float(sol[y]), z=float(sol[z]))


def _det3(A):
    return (A[0][0] * (A[1][1] * A[2][2] - A[1][2] * A[2][1]) - A[0][1] * (A[1][0] * A[2][2] - A[1][2] * A[2][0])
            + A[0][2] * (A[1][0] * A[2][1] - A[1][1] * A[2][0]))


def _cramer(A, b):
    D = Fr(_det3(A))
    out = []
    for j in range(3):
        Aj = [row[:j] + [b[i]] + row[j + 1:] for i, row in enumerate(A)]
        out.append(M(Fr(_det3(Aj)) / D))
    return out


_c = _cramer(_A46, _b46)
add(4, _t, '3x3 linear system', ['solve', 'matrix', 'dsl_run'],
    [('x', 'x', 0.005), ('y', 'y', 0.005), ('z', 'z', 0.005)], _s46(_t), dict(x=_c[0], y=_c[1], z=_c[2]), _s46)

# x47 determinant 4x4
_A47 = [[3, -1, 2, 0], [1, 4, -2, 5], [0, 2, 1, -3], [2, 0, 3, 1]]
_t = ('det of the matrix with rows  3 -1 2 0 ; 1 4 -2 5 ; 0 2 1 -3 ; 2 0 3 1')


def _det47(t):
    rows = [[int(v) for v in r.split()] for r in t.split('rows')[1].split(';')]
    return dict(d=int(sp.Matrix(rows).det()))


def _laplace(A):
    if len(A) == 1:
        return A[0][0]
    return sum((-1) ** j * A[0][j] * _laplace([r[:j] + r[j + 1:] for r in A[1:]]) for j in range(len(A)))


add(4, _t, 'integer determinant of a 4x4', ['matrix', 'dsl_run'], [('determinant', 'd', 0)],
    _det47(_t), dict(d=_laplace(_A47)), _det47)

# x48 inverse 3x3
_A48 = [[2, 1, 0], [1, 3, 1], [0, 1, 4]]
_t = 'Inverse of A = [[2, 1, 0], [1, 3, 1], [0, 1, 4]] please, as decimals.'


def _inv48(t):
    A = sp.Matrix(ast.literal_eval(re.search(r'A = (\[\[.*\]\])', t).group(1)))
    Ai = A.inv()
    return {f'a{i}{j}': float(Ai[i, j]) for i in range(3) for j in range(3)}


def _adjinv(A):
    D = Fr(_det3(A)); out = {}
    for i in range(3):
        for j in range(3):
            minor = [[A[r][c] for c in range(3) if c != i] for r in range(3) if r != j]
            out[f'a{i}{j}'] = M(Fr((-1) ** (i + j) * (minor[0][0] * minor[1][1] - minor[0][1] * minor[1][0])) / D)
    return out


add(4, _t, 'inverse of a symmetric 3x3 (det 18)', ['matrix', 'dsl_run'],
    [('inv[1,1]', 'a00', 0.005), ('inv[1,2]', 'a01', 0.005), ('inv[1,3]', 'a02', 0.005),
     ('inv[2,2]', 'a11', 0.005), ('inv[2,3]', 'a12', 0.005), ('inv[3,3]', 'a22', 0.005)],
    _inv48(_t), _adjinv(_A48), _inv48)

# x49 eigenvalues
_t = ('eigenvalues of\n[4 1 0]\n[1 3 1]\n[0 1 2]')


def _eig49(t):
    rows = [[float(v) for v in r.split()] for r in re.findall(r'\[([^\]]*)\]', t)]
    ev = sorted(np.linalg.eigvals(np.array(rows)).real)
    return dict(e1=ev[0], e2=ev[1], e3=ev[2])


def _charpoly3(A):
    A = [[Fr(v) for v in r] for r in A]
    tr = A[0][0] + A[1][1] + A[2][2]
    c2 = sum(A[i][i] * A[j][j] - A[i][j] * A[j][i] for i, j in [(0, 1), (0, 2), (1, 2)])
    return [1, -tr, c2, -_det3(A)]


_ev = sorted(mp.re(v) for v in mp.polyroots([M(Fr(c)) for c in _charpoly3([[4, 1, 0], [1, 3, 1], [0, 1, 2]])],
                                            maxsteps=200, extraprec=100))
add(4, _t, 'eigenvalues 3-sqrt3, 3, 3+sqrt3', ['matrix', 'dsl_run'],
    [('lambda min', 'e1', 0.005), ('lambda mid', 'e2', 0.005), ('lambda max', 'e3', 0.005)],
    _eig49(_t), dict(e1=_ev[0], e2=_ev[1], e3=_ev[2]), _eig49)

# x50 mixed partial at a point
_t = ('f(x,y) = x^2*y + e^(x*y). Find the mixed partial d2f/dxdy at the point (1, 0.5).')


def _p50(t):
    f = pex(re.search(r'= (.*)\. Find', t).group(1))
    px, py = [sp.Rational(v) for v in re.search(r'point \(([\d.]+), ([\d.]+)\)', t).groups()]
    return dict(v=float(sp.diff(f, X, Y).subs({X: px, Y: py}).evalf(30)))


add(4, _t, 'f_xy(1, 0.5) = 2 + 1.5 e^0.5', ['differentiate', 'evaluate', 'dsl_run'], [('f_xy', 'v', 0.005)],
    _p50(_t), dict(v=mp.diff(lambda x, y: x ** 2 * y + mp.exp(x * y), (1, mp.mpf('0.5')), (1, 1))), _p50)

# x51 Taylor coefficients
_t = ('Maclaurin series of sqrt(1+x)*exp(2x): what are the coefficients of x^2 and x^3?')


def _tay51(t):
    f = pex(re.search(r'series of (.*): what', t).group(1))
    k2, k3 = [int(v) for v in re.search(r'coefficients of x\^(\d+) and x\^(\d+)', t).groups()]
    s = sp.series(f, X, 0, max(k2, k3) + 1).removeO()
    return dict(c2=float(s.coeff(X, k2)), c3=float(s.coeff(X, k3)))


_tc = mp.taylor(lambda x: mp.sqrt(1 + x) * mp.exp(2 * x), 0, 3)
add(4, _t, 'Taylor coefficients 23/8 and 103/48', ['series', 'dsl_run'],
    [('coef x^2', 'c2', 0.005), ('coef x^3', 'c3', 0.005)], _tay51(_t), dict(c2=_tc[2], c3=_tc[3]), _tay51)

# x52 critical point of a function of two variables
_t = ('find the critical point of f(x, y) = x^2 + x*y + 2*y^2 - 4*x + 3*y and the value of f there')


def _cp52(t):
    f = pex(re.search(r'= (.*) and the value', t).group(1))
    sol = sp.solve([sp.diff(f, X), sp.diff(f, Y)], [X, Y], dict=True)[0]
    return dict(x=float(sol[X]), y=float(sol[Y]), f=float(f.subs(sol)))


# Cramer's rule on grad f = 0:  2x + y = 4,  x + 4y = -3  (det 7)
_cx52 = Fr(4 * 4 - 1 * (-3), 2 * 4 - 1 * 1)
_cy52 = Fr(2 * (-3) - 1 * 4, 2 * 4 - 1 * 1)
_f52 = _cx52 ** 2 + _cx52 * _cy52 + 2 * _cy52 ** 2 - 4 * _cx52 + 3 * _cy52
add(4, _t, 'critical point (19/7, -10/7), f = -53/7', ['solve', 'differentiate', 'dsl_run'],
    [('x*', 'x', 0.005), ('y*', 'y', 0.005), ('f(x*, y*)', 'f', 0.005)],
    _cp52(_t), dict(x=M(_cx52), y=M(_cy52), f=M(_f52)), _cp52)

# x53 improper integral
_t = 'Evaluate the integral of 1/(1+x^4) from 0 to infinity, numerically.'


def _i53(t):
    f = pex(re.search(r'integral of (.*) from', t).group(1))
    return dict(v=float(sp.integrate(f, (X, 0, sp.oo)).evalf(30)))


add(4, _t, 'improper integral = pi/(2 sqrt 2)', ['integrate', 'dsl_run'], [('integral', 'v', 0.005)],
    _i53(_t), dict(v=mp.quad(lambda x: 1 / (1 + x ** 4), [0, mp.inf])), _i53)

# x54 slope of a tangent, in words
_t = 'slope of the tangent line to y = ln(x^2 + 1) at x equals two?'


def _d54(t):
    m = re.search(r'y = (.*) at x equals (\w+)', t)
    return dict(v=float(sp.diff(pex(m.group(1)), X).subs(X, wnum(m.group(2)))))


add(4, _t, "dy/dx of ln(x^2+1) at x=2 = 4/5 (question in words)", ['differentiate', 'evaluate', 'dsl_run'],
    [('slope', 'v', 0.005)], _d54(_t), dict(v=mp.diff(lambda x: mp.log(x ** 2 + 1), 2)), _d54)

# x55 REFUSAL: determinant of a non-square matrix
_t = 'compute the determinant of [[1, 4, 2], [0, 3, 5]]'
add(4, _t, 'REFUSE: the matrix is 2x3; a determinant exists only for square matrices', [], refuse=True)

# ========================================================================================
# KIND 5 -- specific tests that must not be substituted
# ========================================================================================
# x56 Mann-Whitney
_A55 = [14.2, 16.8, 15.1, 17.9, 13.6, 15.7]
_B55 = [17.3, 18.6, 16.2, 19.4, 18.1, 20.2, 17.6, 16.5, 19.0]
_t = ('Mann-Whitney U test please (two-sided, exact p - no ties here). Cure time in minutes:\n'
      'resin A (n=6): ' + ' '.join(fmtd(v, 1) for v in _A55) + '\n'
      'resin B (n=9): ' + ' '.join(fmtd(v, 1) for v in _B55) + '\n'
      'also the Hodges-Lehmann estimate of the shift.')


def _rp(t):
    return l_mw(nums(between(t, 'resin A (n=6):', '\n')), nums(between(t, 'resin B (n=9):', '\n')))


add(5, _t, 'Mann-Whitney exact two-sided p and HL shift', ['mann_whitney', 'dsl_run'],
    [('p (exact)', 'p', 0.02), ('|HL shift|', 'hl', 0.005)], l_mw(_A55, _B55), h_mw(_A55, _B55), _rp)

# x57 one-sample Wilcoxon signed-rank vs hypothesised median
_x56 = [52.3, 48.9, 55.1, 53.7, 51.2, 47.6, 56.4, 54.0, 50.8, 53.1]
_t = ('Wilcoxon signed-rank test, one sample: is the median pull-off force different from 50 N?\n'
      'Data (N): ' + '; '.join(fmtd(v, 1) for v in _x56) + '\nTwo-sided, exact p-value.')


def _rp(t):
    m0 = float(re.search(r'different from ([\d.]+) N', t).group(1))
    return l_wsr([round(v - m0, 10) for v in nums(between(t, 'Data (N):', '\n'))])


add(5, _t, 'one-sample Wilcoxon signed-rank vs median 50 (exact p)', ['wilcoxon_signed_rank', 'dsl_run'],
    [('p (exact)', 'p', 0.02)], l_wsr([round(v - 50, 10) for v in _x56]), h_wsr([R(v) - 50 for v in _x56]), _rp)

# x58 Kruskal-Wallis
_k1 = [71.2, 68.5, 74.0, 69.8, 72.6]
_k2 = [75.3, 77.9, 73.1, 78.4, 76.0, 74.7]
_k3 = [70.4, 66.9, 72.1, 67.5, 69.1]
_t = ('kruskal-wallis on conversion (%) for three catalysts. no ties. chi-square approximation for p.\n'
      'cat-1: ' + ', '.join(fmtd(v, 1) for v in _k1) + '\n'
      'cat-2: ' + ', '.join(fmtd(v, 1) for v in _k2) + '\n'
      'cat-3: ' + ', '.join(fmtd(v, 1) for v in _k3))


def _rp(t):
    g = [nums(re.search(rf'cat-{i}: (.*)', t).group(1)) for i in (1, 2, 3)]
    return l_kw(g)


add(5, _t, 'Kruskal-Wallis H and chi-square p', ['kruskal_wallis', 'dsl_run'],
    [('H', 'H', 0.005), ('p', 'p', 0.02)], l_kw([_k1, _k2, _k3]), h_kw([_k1, _k2, _k3]), _rp)

# x59 Fisher exact
_t = ('Salt-spray test. New coating: 2 of 14 panels failed. Old coating: 9 of 15 panels failed. Use '
      "Fisher's exact test (two-sided) - the counts are too small for chi-square.")


def _rp(t):
    a, n1 = [int(v) for v in re.search(r'New coating: (\d+) of (\d+)', t).groups()]
    c, n2 = [int(v) for v in re.search(r'Old coating: (\d+) of (\d+)', t).groups()]
    return l_fisher([[a, n1 - a], [c, n2 - c]])


add(5, _t, "Fisher's exact two-sided p on a 2x2 given as 'k of n'", ['proportion_test', 'dsl_run'],
    [('p', 'p', 0.02)], l_fisher([[2, 12], [9, 6]]), h_fisher([[2, 12], [9, 6]]), _rp)

# x60 exact binomial, one-sided
_t = ('Supplier guarantees at most 2% defective. We found 7 defectives in a random sample of 120. '
      'Exact binomial test, one-sided (H1: defective rate > 2%). p-value?')


def _rp(t):
    p0 = float(re.search(r'at most (\d+)%', t).group(1)) / 100
    k, n = [int(v) for v in re.search(r'found (\d+) defectives in a random sample of (\d+)', t).groups()]
    return l_binom_upper(k, n, p0)


add(5, _t, 'exact binomial upper-tail P(X>=7 | n=120, p=0.02)', ['proportion_test', 'dsl_run'],
    [('p (one-sided, exact)', 'p', 0.02)], l_binom_upper(7, 120, 0.02), h_binom_upper(7, 120, 0.02), _rp)

# x61 Brown-Forsythe
_g = rng(60)
_op = [[round(float(v), 2) for v in _g.normal(5.0, s, 8)] for s in (0.10, 0.18, 0.32)]
_t = ('Three opertors each weighed 8 samples (g). Is the spread the same for all three? Use the '
      'Brown-Forsythe version of Levene\'s test (deviations from the group medians).\n' +
      '\n'.join(f'op{i + 1}: ' + ' '.join(f'{v:.2f}' for v in g) for i, g in enumerate(_op)))


def _rp(t):
    return l_bf([nums(re.search(rf'op{i}: (.*)', t).group(1)) for i in (1, 2, 3)])


add(5, _t, 'Brown-Forsythe (median-centred Levene) W and p', ['levene', 'dsl_run'],
    [('W (F)', 'W', 0.005), ('p', 'p', 0.02)], l_bf(_op), h_bf(_op), _rp)

# x62 Bartlett
_g = rng(61)
_ns = (6, 7, 6, 8); _ss = (0.8, 1.1, 1.9, 0.9)
_bt = [[round(float(v), 1) for v in _g.normal(30, s, n)] for n, s in zip(_ns, _ss)]
_t = ("Bartlett's test for equal variances across the four filling heads (the data look normal enough). "
      'Fill height (mm):\n' + '\n'.join(f'  head {chr(65 + i)}  ' + ', '.join(fmtd(v, 1) for v in g) for i, g in enumerate(_bt)))


def _rp(t):
    return l_bartlett([nums(re.search(rf'head {c}  (.*)', t).group(1)) for c in 'ABCD'])


add(5, _t, "Bartlett's test statistic and p", ['levene', 'dsl_run'],
    [('Bartlett statistic', 'T', 0.005), ('p', 'p', 0.02)], l_bartlett(_bt), h_bartlett(_bt), _rp)

# x63 Welch ANOVA
_g = rng(62)
_wa = [[round(float(v), 1) for v in _g.normal(mu, s, n)] for mu, s, n in ((84, 2.0, 7), (88, 6.5, 9), (86, 3.5, 8))]
_t = ('Welch\'s ANOVA (not the classic one: the variances are clearly unequal). Hardness by quench medium:\n'
      + '\n'.join(f'{m} = [' + ', '.join(fmtd(v, 1) for v in g) + ']' for m, g in zip(('water', 'oil', 'polymer'), _wa)) +
      '\nReport F, the denominator df and p.')


def _rp(t):
    return l_welch_anova([nums(re.search(rf'{m} = \[(.*)\]', t).group(1)) for m in ('water', 'oil', 'polymer')])


add(5, _t, 'Welch one-way ANOVA F, df2, p', ['anova_oneway', 'dsl_run'],
    [('F', 'F', 0.005), ('df2', 'df2', 0.005), ('p', 'p', 0.02)], l_welch_anova(_wa), h_welch_anova(_wa), _rp)

# x64 two-way ANOVA with interaction, balanced
_g = rng(63)
_eff_a = (0, 1.6); _eff_b = (0, 0.9, 2.1); _int = ((0, 0, 0), (0, 0.8, -1.2))
_cells = [[[round(float(40 + _eff_a[i] + _eff_b[j] + _int[i][j] + _g.normal(0, 0.7)), 1) for _ in range(3)]
           for j in range(3)] for i in range(2)]
_lines = []
for i, tmp in enumerate(('180C', '200C')):
    for j, add_ in enumerate(('none', 'Zn', 'Mg')):
        _lines.append(f'{tmp:<6}{add_:<6}' + '  '.join(f'{v:.1f}' for v in _cells[i][j]))
_t = ('Two-way ANOVA with interaction: bond strength vs cure temperature and additive, 3 replicates per '
      'cell (balanced). F for temperature, additive and the interaction, and the interaction p-value.\n\n'
      'temp  add   rep1  rep2  rep3\n' + '\n'.join(_lines))


def _rp(t):
    rows = [ln.split() for ln in block_after(t, 'temp  add')]
    ta = sorted(set(r[0] for r in rows)); ad = ['none', 'Zn', 'Mg']
    cells = [[[float(v) for v in next(r for r in rows if r[0] == a and r[1] == b)[2:]] for b in ad] for a in ta]
    return l_twoway(cells)


add(5, _t, 'balanced two-way ANOVA with interaction', ['anova_twoway', 'dsl_run'],
    [('F temperature', 'FA', 0.005), ('F additive', 'FB', 0.005), ('F interaction', 'FAB', 0.005),
     ('p interaction', 'pAB', 0.02)], l_twoway(_cells), h_twoway(_cells), _rp)

# x65 two-proportion z
_t = ('Line 1 made 38 defectives out of 500; line 2 made 21 out of 450. Two-proportion z test, pooled, '
      'no continuity correction: z and p?')


def _rp(t):
    x1, n1 = [int(v) for v in re.search(r'(\d+) defectives out of (\d+)', t).groups()]
    x2, n2 = [int(v) for v in re.search(r'made (\d+) out of (\d+)', t).groups()]
    return l_2prop(x1, n1, x2, n2)


add(5, _t, 'pooled two-proportion z test', ['proportion_test', 'dsl_run'],
    [('|z|', 'z', 0.005), ('p', 'p', 0.02)], l_2prop(38, 500, 21, 450), h_2prop(38, 500, 21, 450), _rp)

# x66 F test for two variances
_g = rng(65)
_fa = [round(float(v), 3) for v in _g.normal(2.5, 0.021, 10)]
_fb = [round(float(v), 3) for v in _g.normal(2.5, 0.012, 12)]
_t = ('F-test for equality of two variances. Machine A thickness (mm): ' + ', '.join(fmtd(v, 3) for v in _fa) +
      '. Machine B: ' + ', '.join(fmtd(v, 3) for v in _fb) + '. Take F = s_A^2 / s_B^2, two-sided p.')


def _rp(t):
    return l_ftest(nums(between(t, 'thickness (mm):', '. Machine B')), nums(between(t, 'Machine B:', '. Take')))


add(5, _t, 'F = var(A)/var(B), two-sided p', ['dsl_run'], [('F', 'F', 0.005), ('p', 'p', 0.02)],
    l_ftest(_fa, _fb), h_ftest(_fa, _fb), _rp)

# x67 Shapiro-Wilk
_g = rng(66)
_sw = [round(float(v), 2) for v in _g.gamma(4.0, 0.5, 20) + 10]
_t = ('Run a Shapiro-Wilk normality test on these 20 coating thicknesses (um): ' +
      ' '.join(f'{v:.2f}' for v in _sw) + '. W and p please.')


def _rp(t):
    return l_shapiro(nums(between(t, 'thicknesses (um):', '. W and')))


add(5, _t, 'Shapiro-Wilk W and p', ['normality', 'dsl_run'], [('W', 'W', 0.005), ('p', 'p', 0.02)],
    l_shapiro(_sw), h_shapiro(_sw), _rp)

# x68 Spearman
_sx = [3.1, 4.7, 2.2, 5.9, 4.1, 6.6, 3.8, 5.2, 7.4, 2.9]
_sy = [12.0, 15.3, 11.1, 14.8, 16.0, 18.9, 12.7, 17.2, 19.5, 13.4]
_t = ('spearman rank correlation between vibration (mm/s) and bearing temp (C) over ten pumps, no ties:\n'
      'vib:  ' + ' '.join(fmtd(v, 1) for v in _sx) + '\n'
      'temp: ' + ' '.join(fmtd(v, 1) for v in _sy) + '\n'
      'rho and p (p from the usual t approximation)')


def _rp(t):
    return l_spearman(nums(re.search(r'vib:  (.*)', t).group(1)), nums(re.search(r'temp: (.*)', t).group(1)))


add(5, _t, 'Spearman rho and t-approximation p', ['dsl_run'], [('rho', 'rho', 0.005), ('p', 'p', 0.02)],
    l_spearman(_sx, _sy), h_spearman(_sx, _sy), _rp)

# x69 sign test
_t = ('Twenty panelists compared the new and old recipe. Fourteen preferred the new one, four preferred '
      'the old one and two could not tell (drop those). Sign test, two-sided: p?')


def _rp(t):
    npos = wnum(re.search(r'(\w+) preferred the new', t).group(1))
    nneg = wnum(re.search(r'(\w+) preferred\s+the old', t).group(1))
    return l_sign(npos, nneg)


add(5, _t, 'sign test 14 vs 4 (ties dropped), exact two-sided', ['proportion_test', 'dsl_run'],
    [('p', 'p', 0.02)], l_sign(14, 4), h_sign(14, 4), _rp)

# x70 REFUSAL: Fisher from percentages only
_t = ("Fisher's exact test please: 12% of the parts from press A cracked versus 30% from press B. Is the "
      'difference significant?')
add(5, _t, 'REFUSE: only percentages are given; Fisher needs the counts (sample sizes are missing)', [],
    refuse=True)

# x71 REFUSAL: paired Wilcoxon with unequal lengths
_t = ('Wilcoxon signed-rank on these paired readings (same gauges, before and after recalibration):\n'
      'before: 10.12 10.08 10.15 10.11 10.09 10.14 10.10 10.13\n'
      'after:  10.10 10.07 10.11 10.10 10.08 10.12 10.09')
add(5, _t, 'REFUSE: 8 "before" values but only 7 "after" values, so the pairs cannot be formed', [],
    refuse=True)


# ========================================================================================
# checks, output
# ========================================================================================
def value_of(d, key, what):
    v = d[key]
    if isinstance(v, (int, np.integer)) and not isinstance(v, bool):
        return int(v)
    v = float(v)
    return abs(v) if what.startswith('|') else v


def check_all(verbose=True):
    n_checks = 0
    for i, q in enumerate(QS):
        qid = 'x%02d' % (i + 1)
        if q['refuse']:
            assert not q['exp'] and not q['tools']
            continue
        assert 'dsl_run' in q['tools']
        rp = q['rp'](q['text'])
        for what, key, rel in q['exp']:
            a, b, c = q['lib'][key], q['hand'][key], rp[key]
            if rel == 0:
                assert int(a) == a and int(b) == b and int(c) == c, (qid, key)
                assert int(a) == int(b) == int(c), (qid, what, a, b, c)
            else:
                tol = 5e-4 if key in q['spc'] else 1e-4
                assert close(a, b, tol), (qid, what, float(a), float(b))
                assert close(a, c, 1e-9), (qid, what, float(a), float(c))
            n_checks += 3
    if verbose:
        print('checks passed:', n_checks)
    return n_checks


def records():
    out = []
    for i, q in enumerate(QS):
        exp = []
        for what, key, rel in q['exp']:
            v = value_of(q['lib'], key, what)
            if rel == 0:
                v = int(v)
            else:
                v = float('%.6g' % v)
            exp.append(dict(what=what, value=v, rel=rel))
        out.append(dict(id='x%02d' % (i + 1), kind=q['kind'], question=q['text'], intent=q['intent'],
                        tools=q['tools'], expect=exp, refuse=q['refuse']))
    return out


def mutate():
    """Mutation test of check (c): perturb each number in each question text in turn and count how many
    perturbations make the re-parse check fail (or the parser break)."""
    tot_det = tot_all = 0
    weak = []
    for i, q in enumerate(QS):
        if q['refuse']:
            continue
        qid = 'x%02d' % (i + 1)
        wre = r'\b(?:' + '|'.join(w for w in WORDS if len(w) > 3 and WORDS[w] > 1) + r')\b'
        ms = list(re.finditer(r'\d+(?:\.\d+)?|' + wre, q['text'], re.I))
        det = 0
        for m in ms:
            s = m.group(0)
            if s[-1].isdigit():
                new = s[:-1] + str((int(s[-1]) + 3) % 10)
            else:
                v0 = WORDS[s.lower()]
                new = [w for w, v in WORDS.items() if v == (v0 + 1 if v0 < 20 else v0 - 1)][0]
            txt = q['text'][:m.start()] + new + q['text'][m.end():]
            try:
                rp = q['rp'](txt)
                bad = any(not (close(q['lib'][k], rp[k], 1e-9)) for _, k, _ in q['exp'])
            except Exception:
                bad = True
            det += bad
        tot_det += det; tot_all += len(ms)
        print(f'{qid}: {det}/{len(ms)} mutations detected')
        if det == 0:
            weak.append(qid)
    print(f'total {tot_det}/{tot_all} detected; questions with no detection: {weak}')
    assert not weak


TOOLS_ADDED_AFTER_SCORING = {'x10': 'correlation', 'x62': 'variance_test', 'x66': 'variance_test', 'x68': 'correlation'}


if __name__ == '__main__':
    check_all()
    if '--mutate' in sys.argv:
        mutate()
        sys.exit(0)
    recs = records()
    assert len(recs) >= 62
    # Added by the HAVOC team after the held-out score (see README, "After scoring"): tools that did not exist when
    # the set was written, and whose output carries the expected numbers. Values and texts are unchanged.
    for r in recs:
        added = TOOLS_ADDED_AFTER_SCORING.get(r['id'])
        if added and added not in r['tools']:
            r['tools'] = [added, *r['tools']]
    with open(HERE + '/round21.jsonl', 'w') as fh:
        for r in recs:
            fh.write(json.dumps(r, ensure_ascii=False) + '\n')
    if '--show' in sys.argv:
        for r in recs:
            print(r['id'], r['kind'], r['refuse'], [(e['what'], e['value']) for e in r['expect']])
    from collections import Counter
    print('questions:', len(recs), 'by kind:', dict(sorted(Counter(r['kind'] for r in recs).items())),
          'refusals:', sum(r['refuse'] for r in recs))
