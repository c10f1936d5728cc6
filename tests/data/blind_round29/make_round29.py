#!/usr/bin/env python
"""make_round29.py -- generator of the blind evaluation set, round 29.

Holds every data set, renders each question from its data, computes every
expected value twice (library path and independent hand path), re-parses the
rendered text, runs the mutation test and writes round29.jsonl,
round29_meta.json.  Any failed check stops the script (assert).
"""
import os, re, json, math, hashlib, itertools, textwrap, datetime, ast, warnings
from fractions import Fraction as Fr
import numpy as np
import scipy.stats as st
import scipy.linalg
import mpmath as mp
import sympy as sp
import pandas as pd
import statsmodels.api as sm
import statsmodels.formula.api as smf
from statsmodels.stats.power import TTestIndPower, TTestPower, NormalIndPower, FTestAnovaPower
from statsmodels.stats.proportion import proportions_ztest, proportion_effectsize
from statsmodels.stats.oneway import anova_oneway

warnings.filterwarnings("ignore")
mp.mp.dps = 30
HERE = os.path.dirname(os.path.abspath(__file__))
SEED = 29290929
rng = np.random.default_rng(SEED)

TOOLS = {}
with open(os.path.join(HERE, "TOOLS.txt"), encoding="utf-8") as fh:
    for line in fh:
        if line.strip():
            TOOLS[line.split()[0]] = line.strip()

REL = {"stat": 0.005, "p": 0.02, "int": 0}

# ----------------------------------------------------------------- helpers
NUM = r"-?\d+(?:\.\d+)?"


def tonum(t):
    return int(t) if re.fullmatch(r"-?\d+", t) else float(t)


def nums(s):
    return [tonum(t) for t in re.findall(NUM, s)]


def R1(a):
    return [round(float(v), 1) for v in np.atleast_1d(a)]


def R2(a):
    return [round(float(v), 2) for v in np.atleast_1d(a)]


def f1(v):
    return f"{v:.1f}"


def f2(v):
    return f"{v:.2f}"


def Q(x):
    """exact rational of a data value (decimal literal for floats)"""
    if isinstance(x, Fr):
        return x
    if isinstance(x, float):
        return Fr(repr(x))
    return Fr(int(x))


def M(x):
    if isinstance(x, Fr):
        return mp.mpf(x.numerator) / x.denominator
    return mp.mpf(x)


def fmean(xs):
    xs = [Q(x) for x in xs]
    return sum(xs, Fr(0)) / len(xs)


def fss(xs):
    m = fmean(xs)
    return sum(((Q(x) - m) ** 2 for x in xs), Fr(0))


def fvar(xs):
    return fss(xs) / (len(xs) - 1)


def msqrt(x):
    return mp.sqrt(M(x))


def fmedian(xs):
    s = sorted(Q(x) for x in xs)
    n = len(s)
    return s[n // 2] if n % 2 else (s[n // 2 - 1] + s[n // 2]) / 2


# --- distributions by mpmath (hand path) ---
def h_t2(t, df):
    """two-sided p of Student t"""
    t = M(t); df = M(df)
    return mp.betainc(df / 2, mp.mpf(1) / 2, 0, df / (df + t * t), regularized=True)


def h_tcdf(t, df):
    half = h_t2(t, df) / 2
    return half if M(t) < 0 else 1 - half


def h_Fsf(F, d1, d2):
    F = M(F); d1 = M(d1); d2 = M(d2)
    return mp.betainc(d2 / 2, d1 / 2, 0, d2 / (d2 + d1 * F), regularized=True)


def h_Fcdf(F, d1, d2):
    return 1 - h_Fsf(F, d1, d2)


def h_chi2sf(x, k):
    return mp.gammainc(M(k) / 2, M(x) / 2, mp.inf, regularized=True)


def h_Phi(z):
    return mp.erfc(-M(z) / mp.sqrt(2)) / 2


def h_normsf(z):
    return mp.erfc(M(z) / mp.sqrt(2)) / 2


def bisect(f, lo, hi, it=120):
    lo = mp.mpf(lo); hi = mp.mpf(hi)
    flo = f(lo)
    for _ in range(it):
        mid = (lo + hi) / 2
        fm = f(mid)
        if (fm > 0) == (flo > 0):
            lo, flo = mid, fm
        else:
            hi = mid
    return (lo + hi) / 2


def h_ranks(vals):
    """average ranks (exact)"""
    v = [Q(x) for x in vals]
    order = sorted(range(len(v)), key=lambda i: v[i])
    r = [None] * len(v)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and v[order[j + 1]] == v[order[i]]:
            j += 1
        avg = Fr(i + 1 + j + 1, 2)
        for k in range(i, j + 1):
            r[order[k]] = avg
        i = j + 1
    return r


def tie_groups(vals):
    c = {}
    for x in vals:
        c[Q(x)] = c.get(Q(x), 0) + 1
    return list(c.values())


def signrank_counts(n):
    c = [1] + [0] * (n * (n + 1) // 2)
    for k in range(1, n + 1):
        for s in range(len(c) - 1, k - 1, -1):
            c[s] += c[s - k]
    return c


def mw_counts(n1, n2):
    """number of arrangements giving U = u (U = # pairs x>y)"""
    from functools import lru_cache

    @lru_cache(None)
    def f(i, j):
        if i == 0 or j == 0:
            return (1,)
        a = f(i - 1, j)  # largest element is an x: it beats all j y's
        b = f(i, j - 1)
        out = [0] * (i * j + 1)
        for u, c in enumerate(a):
            out[u + j] += c
        for u, c in enumerate(b):
            out[u] += c
        return tuple(out)
    return list(f(n1, n2))


def mahonian(n):
    c = [1]
    for m in range(2, n + 1):
        new = [0] * (len(c) + m - 1)
        for k, v in enumerate(c):
            for j in range(m):
                new[k + j] += v
        c = new
    return c


def h_pearson(x, y):
    xs = [Q(v) for v in x]; ys = [Q(v) for v in y]
    mx = fmean(xs); my = fmean(ys)
    sxy = sum(((a - mx) * (b - my) for a, b in zip(xs, ys)), Fr(0))
    sxx = sum(((a - mx) ** 2 for a in xs), Fr(0))
    syy = sum(((b - my) ** 2 for b in ys), Fr(0))
    return M(sxy) / mp.sqrt(M(sxx) * M(syy))


def h_corr_p(r, n):
    t = r * mp.sqrt((n - 2) / (1 - r * r))
    return h_t2(t, n - 2)


def h_oneway(groups):
    allv = [Q(v) for g in groups for v in g]
    N = len(allv); k = len(groups)
    gm = fmean(allv)
    ssb = sum((len(g) * (fmean(g) - gm) ** 2 for g in groups), Fr(0))
    ssw = sum((fss(g) for g in groups), Fr(0))
    F = (ssb / (k - 1)) / (ssw / (N - k))
    return F, k - 1, N - k


# --- SPC constants (standard tables), checked against their definitions below
SPC = {  # n: d2, A2, D3, D4, c4, A3, B3, B4
    2: (1.128, 1.880, 0.0, 3.267, 0.7979, 2.659, 0.0, 3.267),
    3: (1.693, 1.023, 0.0, 2.574, 0.8862, 1.954, 0.0, 2.568),
    4: (2.059, 0.729, 0.0, 2.282, 0.9213, 1.628, 0.0, 2.266),
    5: (2.326, 0.577, 0.0, 2.114, 0.9400, 1.427, 0.0, 2.089),
    6: (2.534, 0.483, 0.0, 2.004, 0.9515, 1.287, 0.030, 1.970),
    7: (2.704, 0.419, 0.076, 1.924, 0.9594, 1.182, 0.118, 1.882),
    8: (2.847, 0.373, 0.136, 1.864, 0.9650, 1.099, 0.185, 1.815),
    9: (2.970, 0.337, 0.184, 1.816, 0.9693, 1.032, 0.239, 1.761),
    10: (3.078, 0.308, 0.223, 1.777, 0.9727, 0.975, 0.284, 1.716),
}
E2 = 2.660        # individuals chart: 3/d2(2)
D4_MR = 3.267     # moving range of 2


def spc(n, name):
    idx = {"d2": 0, "A2": 1, "D3": 2, "D4": 3, "c4": 4, "A3": 5, "B3": 6, "B4": 7}[name]
    return SPC[n][idx]


def check_spc_table():
    for n, (d2, A2, D3, D4, c4, A3, B3, B4) in SPC.items():
        with mp.workdps(20):
            d2x = mp.quad(lambda x: 1 - mp.ncdf(x) ** n - (1 - mp.ncdf(x)) ** n, [-mp.inf, 0, mp.inf])
            c4x = mp.sqrt(mp.mpf(2) / (n - 1)) * mp.gamma(mp.mpf(n) / 2) / mp.gamma(mp.mpf(n - 1) / 2)
        assert abs(d2 - d2x) < 6e-4, (n, d2, d2x)
        assert abs(c4 - c4x) < 6e-5, (n, c4, c4x)
        assert abs(A2 - 3 / (d2x * mp.sqrt(n))) < 1.2e-3, (n, "A2")
        assert abs(A3 - 3 / (c4x * mp.sqrt(n))) < 1.2e-3, (n, "A3")
        b = 3 * mp.sqrt(1 - c4x ** 2) / c4x
        assert abs(B4 - (1 + b)) < 1.2e-3 and abs(B3 - max(0, 1 - b)) < 1.2e-3, (n, "B3/B4")
        assert abs(D3 - max(0.0, 2 - D4)) < 1.2e-3, (n, "D3/D4")
    assert abs(E2 - 3 / 1.128) < 1e-3 and abs(D4_MR - SPC[2][3]) < 1e-12


# --- design helpers
LET = "ABCDEFGHJKLMNOPQ"


def full_factorial(levels):
    assert int(np.prod(levels)) <= 10 ** 6
    return np.array(list(itertools.product(*[range(l) for l in levels])))


def frac_design(k, gens):
    """2^(k-p) design matrix from generators {new letter: word of base letters}"""
    letters = LET[:k]
    assert all(L in letters for L in gens), "generator letter outside the factors"
    base = [L for L in letters if L not in gens]
    assert len(base) == k - len(gens)
    for w in gens.values():
        assert set(w) <= set(base), "generator uses a generated factor"
    X = np.array(list(itertools.product([-1, 1], repeat=len(base))))
    cols = {L: X[:, i] for i, L in enumerate(base)}
    for L, w in gens.items():
        cols[L] = np.prod([cols[c] for c in w], axis=0)
    return np.column_stack([cols[L] for L in letters])


def resolution_from_gens(gens):
    words = [frozenset(w) | {L} for L, w in gens.items()]
    best = None
    for r in range(1, len(words) + 1):
        for combo in itertools.combinations(words, r):
            w = frozenset()
            for c in combo:
                w = w ^ c
            best = len(w) if best is None else min(best, len(w))
    return best


def resolution_from_matrix(D):
    """shortest set of columns whose elementwise product is constant"""
    k = D.shape[1]
    for size in range(1, k + 1):
        for cols in itertools.combinations(range(k), size):
            prod = [1] * D.shape[0]
            for c in cols:
                prod = [p * int(v) for p, v in zip(prod, D[:, c])]
            if len(set(prod)) == 1:
                return size
    return None


PB_GEN = {12: "++-+++---+-", 20: "++--++++-+-+----++-", 24: "+++++-+-++--++--+-+----"}


def plackett_burman(k):
    N = 4 * 1
    while N < k + 1:
        N += 4
    while True:
        if N in PB_GEN:
            g = [1 if c == "+" else -1 for c in PB_GEN[N]]
            rows = [g[-i:] + g[:-i] if i else g[:] for i in range(N - 1)]
            rows.append([-1] * (N - 1))
            H = np.array(rows)
        elif N & (N - 1) == 0:
            H = scipy.linalg.hadamard(N)[:, 1:]
        else:
            raise ValueError("no construction for N=%d" % N)
        assert np.array_equal(H.T @ H, N * np.eye(N - 1, dtype=int)), "PB not orthogonal"
        return H[:, :k]


def box_behnken(k, c):
    assert 3 <= k <= 5
    rows = []
    for i, j in itertools.combinations(range(k), 2):
        for a, b in itertools.product([-1, 1], repeat=2):
            r = [0] * k
            r[i], r[j] = a, b
            rows.append(r)
    rows += [[0] * k for _ in range(c)]
    D = np.array(rows)
    assert all(len(set(D[:, q])) == 3 for q in range(k))
    return D


def ccd(k, c):
    assert 2 <= k <= 10, "CCD builder limited to 2..10 factors"
    cube = np.array(list(itertools.product([-1.0, 1.0], repeat=k)))
    alpha = (2 ** k) ** 0.25
    ax = []
    for i in range(k):
        for s in (-alpha, alpha):
            r = [0.0] * k
            r[i] = s
            ax.append(r)
    D = np.vstack([cube, np.array(ax), np.zeros((c, k))])
    return D, alpha


# --- calculus helpers
X, Y = sp.symbols("x y")


def sym(s):
    s = s.replace("^", "**")
    return sp.sympify(s, locals={"x": X, "y": Y, "e": sp.E})


def ordinal(n):
    if 10 <= n % 100 <= 20:
        suf = "th"
    else:
        suf = {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suf}"


def cofactor_det(A):
    A = [[Fr(v) for v in row] for row in A]
    n = len(A)
    if n == 1:
        return A[0][0]
    if n == 2:
        return A[0][0] * A[1][1] - A[0][1] * A[1][0]
    tot = Fr(0)
    for j in range(n):
        minor = [row[:j] + row[j + 1:] for row in A[1:]]
        tot += (-1) ** j * A[0][j] * cofactor_det(minor)
    return tot


def adjugate_inverse(A):
    n = len(A)
    d = cofactor_det(A)
    inv = [[None] * n for _ in range(n)]
    for i in range(n):
        for j in range(n):
            minor = [row[:j] + row[j + 1:] for k, row in enumerate(A) if k != i]
            inv[j][i] = (-1) ** (i + j) * cofactor_det(minor) / d
    return inv


def faddeev_charpoly(A):
    """coefficients [1, c1, ..., cn] of det(lambda I - A)"""
    n = len(A)
    A = [[Fr(v) for v in row] for row in A]
    Mk = [[Fr(0)] * n for _ in range(n)]
    coeffs = [Fr(1)]
    c = Fr(1)
    for k in range(1, n + 1):
        # M_k = A M_{k-1} + c_{k-1} I
        AM = [[sum(A[i][t] * Mk[t][j] for t in range(n)) for j in range(n)] for i in range(n)]
        Mk = [[AM[i][j] + (c if i == j else 0) for j in range(n)] for i in range(n)]
        AMk = [[sum(A[i][t] * Mk[t][j] for t in range(n)) for j in range(n)] for i in range(n)]
        c = -sum(AMk[i][i] for i in range(n)) / k
        coeffs.append(c)
    return coeffs


QUESTIONS = []


def add(qid, kind, data, render, parse, lib, hand, exp, tools, intent,
        refuse=False, defect=None, reason=None):
    QUESTIONS.append(dict(id=qid, kind=kind, data=data, render=render, parse=parse,
                          lib=lib, hand=hand, exp=exp, tools=tools, intent=intent,
                          refuse=refuse, defect=defect, reason=reason))

# =====================================================================
# KIND 1 -- tables that are not plain numeric columns
# =====================================================================

def v01():
    names = ["Aisha", "Bram", "Chen", "Dana", "Elif", "Farid", "Greta", "Hugo", "Ines", "Jonas"]
    while True:
        before = R1(rng.normal(12.0, 1.1, 10))
        after = R1(np.array(before) - rng.normal(0.45, 0.55, 10))
        p = st.ttest_rel(before, after).pvalue
        if 0.002 < p < 0.2:
            break
    data = {"before": before, "after": after}

    def render(d):
        rows = "\n".join(f"{n},{f1(b)},{f1(a)}" for n, b, a in zip(names, d["before"], d["after"]))
        return ("Cycle times (min) for our assemblers, before and after the new fixture went in:\n\n"
                "operator,before_min,after_min\n" + rows +
                "\n\nDid the fixture change the cycle time? Paired t-test, two-sided please.")

    def parse(t):
        rows = re.findall(r"^([A-Z][a-z]+),(" + NUM + r"),(" + NUM + r")$", t, re.M)
        assert [r[0] for r in rows] == names
        return {"before": [tonum(r[1]) for r in rows], "after": [tonum(r[2]) for r in rows]}

    def lib(d):
        r = st.ttest_rel(d["before"], d["after"])
        return [abs(r.statistic), r.pvalue, abs(np.mean(np.subtract(d["before"], d["after"])))]

    def hand(d):
        diff = [Q(b) - Q(a) for b, a in zip(d["before"], d["after"])]
        n = len(diff); m = fmean(diff)
        t = M(m) / msqrt(fvar(diff) / n)
        return [abs(t), h_t2(t, n - 1), abs(M(m))]
    add("v01", 1, data, render, parse, lib, hand,
        [("|t|", "stat"), ("p", "p"), ("|mean difference|", "stat")], ["t_test"],
        "paired t-test on before/after columns of a CSV whose first column names the operator")


def v02():
    lots = [f"L-{2301 + i}" for i in range(12)]
    while True:
        A = R2(rng.normal(50, 3, 12))
        B = R2(np.array(A) + rng.normal(0.45, 0.8, 12))
        ad = [abs(Q(a) - Q(b)) for a, b in zip(A, B)]
        if 0 in ad or len(set(ad)) < len(ad):
            continue
        p = st.wilcoxon(A, B, method="exact").pvalue
        if 0.005 < p < 0.4:
            break
    data = {"A": A, "B": B}

    def render(d):
        rows = "\n".join(f"| {l} | {f2(a)} | {f2(b)} |" for l, a, b in zip(lots, d["A"], d["B"]))
        return ("We put the same lots through both thickness gauges.\n\n"
                "| Lot | Gauge A (µm) | Gauge B (µm) |\n|-----|-------------:|-------------:|\n" + rows +
                "\n\nWilcoxon signed-rank test on the paired differences A − B: exact two-sided p, "
                "and give W as the smaller of the two rank sums.")

    def parse(t):
        rows = re.findall(r"^\| (L-\d+) \| (" + NUM + r") \| (" + NUM + r") \|$", t, re.M)
        assert [r[0] for r in rows] == lots
        return {"A": [tonum(r[1]) for r in rows], "B": [tonum(r[2]) for r in rows]}

    def lib(d):
        r = st.wilcoxon(d["A"], d["B"], method="exact")
        return [int(round(r.statistic)), r.pvalue]

    def hand(d):
        dd = [Q(a) - Q(b) for a, b in zip(d["A"], d["B"])]
        rk = h_ranks([abs(v) for v in dd])
        wp = sum((r for r, v in zip(rk, dd) if v > 0), Fr(0))
        wm = sum((r for r, v in zip(rk, dd) if v < 0), Fr(0))
        w = min(wp, wm)
        assert w.denominator == 1
        n = len(dd); c = signrank_counts(n)
        p = min(Fr(1), 2 * Fr(sum(c[:int(w) + 1]), 2 ** n))
        return [int(w), M(p)]
    add("v02", 1, data, render, parse, lib, hand,
        [("W (smaller rank sum)", "int"), ("p", "p")], ["wilcoxon_signed_rank"],
        "exact Wilcoxon signed-rank test on paired gauge readings in a markdown table keyed by lot")


def v03():
    cats = ["scratch", "dent", "stain", "other"]
    pct = [40, 25, 20, 15]
    while True:
        obs = [int(v) for v in rng.multinomial(160, [0.33, 0.28, 0.22, 0.17])]
        N = sum(obs)
        p = st.chisquare(obs, f_exp=[N * q / 100 for q in pct]).pvalue
        if 0.002 < p < 0.3:
            break
    data = {"obs": obs, "pct": pct}

    def render(d):
        lines = "\n".join(f"{c} -> {o}" for c, o in zip(cats, d["obs"]))
        base = ", ".join(f"{c} {q}%" for c, q in zip(cats, d["pct"]))
        return ("march audit, defect category tallies:\n\n" + lines +
                f"\n\nthe FMEA baseline says we should see {base}. does march fit the baseline? "
                "chi-square goodness of fit")

    def parse(t):
        obs = re.findall(r"^(\w+) -> (\d+)$", t, re.M)
        assert [o[0] for o in obs] == cats
        pc = re.findall(r"(scratch|dent|stain|other) (\d+)%", t)
        assert [o[0] for o in pc] == cats
        return {"obs": [int(o[1]) for o in obs], "pct": [int(o[1]) for o in pc]}

    def lib(d):
        N = sum(d["obs"])
        r = st.chisquare(d["obs"], f_exp=[N * q / 100 for q in d["pct"]])
        return [r.statistic, len(d["obs"]) - 1, r.pvalue]

    def hand(d):
        N = sum(d["obs"])
        assert sum(d["pct"]) == 100
        chi = sum((Fr(o) - Fr(N * q, 100)) ** 2 / Fr(N * q, 100) for o, q in zip(d["obs"], d["pct"]))
        k = len(d["obs"]) - 1
        return [M(chi), k, h_chi2sf(chi, k)]
    add("v03", 1, data, render, parse, lib, hand,
        [("chi2", "stat"), ("df", "int"), ("p", "p")], ["chi_square"],
        "chi-square goodness of fit of 'label -> count' tallies against stated percentages")


def v04():
    std = [((-1) ** (i % 2 + 1), (-1) ** ((i // 2) % 2 + 1), (-1) ** ((i // 4) % 2 + 1)) for i in range(8)]
    perm = [int(v) for v in rng.permutation(8)]
    rows_signs = [std[i] for i in perm]
    ystd = [60 + 2.1 * a + 1.4 * b + 0.3 * c - 1.2 * a * b for a, b, c in std]
    noise = rng.normal(0, 0.4, 8)
    y = R1([ystd[i] + noise[j] for j, i in enumerate(perm)])
    data = {"y": y}
    sg = {1: "+", -1: "-"}

    def render(d):
        lines = [" run  A  B  C   yield(%)"]
        for r, (s, v) in enumerate(zip(rows_signs, d["y"]), 1):
            lines.append(f" {r:>3}  {sg[s[0]]}  {sg[s[1]]}  {sg[s[2]]}   {f1(v):>6}")
        return ("2^3 full factorial, single replicate, listed in run order:\n\n" + "\n".join(lines) +
                "\n\nWhat is the effect of A, and the AB interaction effect? "
                "(effect = mean response at + minus mean at −)")

    def parse(t):
        rows = re.findall(r"^\s*(\d+)\s+([+-])\s+([+-])\s+([+-])\s+(" + NUM + r")\s*$", t, re.M)
        assert [int(r[0]) for r in rows] == list(range(1, 9))
        signs = [tuple(1 if c == "+" else -1 for c in r[1:4]) for r in rows]
        assert signs == rows_signs
        return {"y": [tonum(r[4]) for r in rows]}

    def lib(d):
        S = np.array(rows_signs, dtype=float)
        A, B, C = S[:, 0], S[:, 1], S[:, 2]
        Xm = np.column_stack([np.ones(8), A, B, C, A * B, A * C, B * C, A * B * C])
        fit = sm.OLS(np.array(d["y"]), Xm).fit()
        return [2 * fit.params[1], 2 * fit.params[4]]

    def hand(d):
        ys = [Q(v) for v in d["y"]]
        eA = sum((v * s[0] for v, s in zip(ys, rows_signs)), Fr(0)) / 4
        eAB = sum((v * s[0] * s[1] for v, s in zip(ys, rows_signs)), Fr(0)) / 4
        return [M(eA), M(eAB)]
    add("v04", 1, data, render, parse, lib, hand,
        [("effect A", "stat"), ("effect AB", "stat")], ["doe_effects"],
        "coded main effect of A and AB interaction from a 2^3 table written with +/- signs in run order")


def v05():
    start = datetime.date(2024, 3, 4)
    dates = []
    d0 = start
    while len(dates) < 15:
        if d0.weekday() < 5:
            dates.append(d0.isoformat())
        d0 += datetime.timedelta(days=1)
    while True:
        n = [int(v) for v in rng.integers(220, 421, 15)]
        dd = [int(v) for v in rng.binomial(n, 0.06)]
        if len(set(n)) == 15:
            break
    target = int(np.argmax(n))
    tdate = dates[target]
    data = {"n": n, "d": dd}

    def render(d):
        rows = "\n".join(f"{dt},{a},{b}" for dt, a, b in zip(dates, d["n"], d["d"]))
        return ("Final inspection results, the sample size changes from day to day:\n\n"
                "date,inspected,defective\n" + rows +
                f"\n\nSet up a p chart for the fraction defective: I need the centre line and the "
                f"3-sigma control limits for the {tdate} sample.")

    def parse(t):
        rows = re.findall(r"^(\d{4}-\d{2}-\d{2}),(\d+),(\d+)$", t, re.M)
        assert [r[0] for r in rows] == dates
        assert re.search(r"limits for the (\d{4}-\d{2}-\d{2}) sample", t).group(1) == tdate
        return {"n": [int(r[1]) for r in rows], "d": [int(r[2]) for r in rows]}

    def lib(d):
        n = np.array(d["n"], float); x = np.array(d["d"], float)
        pb = x.sum() / n.sum()
        s = np.sqrt(pb * (1 - pb) / n[target])
        return [pb, pb + 3 * s, pb - 3 * s]

    def hand(d):
        pb = Fr(sum(d["d"]), sum(d["n"]))
        s = msqrt(pb * (1 - pb) / d["n"][target])
        return [M(pb), M(pb) + 3 * s, M(pb) - 3 * s]
    add("v05", 1, data, render, parse, lib, hand,
        [("centre line", "stat"), (f"UCL ({tdate})", "stat"), (f"LCL ({tdate})", "stat")],
        ["control_chart"],
        "p chart with varying n from a date,inspected,defective CSV; limits for the named day's n")


def v06():
    labels = [f"P-{i:02d}" for i in range(1, 13)]
    while True:
        area = [float(v) for v in rng.choice([1.0, 1.5, 2.0, 2.5], 12)]
        c = [int(v) for v in rng.poisson(2.8 * np.array(area))]
        if area[6] == 2.5 and min(c) > 0:
            break
        if area[6] != 2.5:
            continue
    data = {"area": area, "c": c}

    def render(d):
        rows = "\n".join(f"{l}\t{f1(a)}\t{k}" for l, a, k in zip(labels, d["area"], d["c"]))
        return ("u chart for coating defects per m² — what are ū and the upper control limit for panel P-07?\n\n"
                "panel\tarea_m2\tdefects\n" + rows)

    def parse(t):
        rows = re.findall(r"^(P-\d\d)\t(" + NUM + r")\t(\d+)$", t, re.M)
        assert [r[0] for r in rows] == labels
        return {"area": [tonum(r[1]) for r in rows], "c": [int(r[2]) for r in rows]}

    def lib(d):
        a = np.array(d["area"]); c = np.array(d["c"], float)
        ub = c.sum() / a.sum()
        return [ub, ub + 3 * np.sqrt(ub / a[6])]

    def hand(d):
        ub = Fr(sum(d["c"])) / sum((Q(a) for a in d["area"]), Fr(0))
        return [M(ub), M(ub) + 3 * msqrt(ub / Q(d["area"][6]))]
    add("v06", 1, data, render, parse, lib, hand,
        [("centre line (u-bar)", "stat"), ("UCL (P-07)", "stat")], ["control_chart"],
        "u chart from a TSV of panel, area, defects; centre line and UCL for the named panel's area")


def v07():
    labels = [f"B-{114 + i}" for i in range(12)]
    while True:
        x = [int(v) for v in rng.integers(150, 201, 12)]
        y = R1(40 + 0.09 * np.array(x) + rng.normal(0, 1.6, 12))
        r = st.linregress(x, y)
        if 1e-3 < r.pvalue < 0.05 and len(set(x)) > 6:
            break
    data = {"x": x, "y": y}

    def render(d):
        lines = ["batch    temp_C   yield_pct"]
        for l, a, b in zip(labels, d["x"], d["y"]):
            lines.append(f"{l:<8} {a:>6}   {f1(b):>9}")
        return ("Does yield depend on bath temperature? Fit yield on temperature (straight line) and give "
                "me the slope, the intercept and the p-value for the slope.\n\n" + "\n".join(lines))

    def parse(t):
        rows = re.findall(r"^(B-\d+)\s+(\d+)\s+(" + NUM + r")$", t, re.M)
        assert [r[0] for r in rows] == labels
        return {"x": [int(r[1]) for r in rows], "y": [tonum(r[2]) for r in rows]}

    def lib(d):
        r = st.linregress(d["x"], d["y"])
        return [r.slope, r.intercept, r.pvalue]

    def hand(d):
        xs = [Q(v) for v in d["x"]]; ys = [Q(v) for v in d["y"]]
        n = len(xs); mx = fmean(xs); my = fmean(ys)
        sxx = sum(((a - mx) ** 2 for a in xs), Fr(0))
        sxy = sum(((a - mx) * (b - my) for a, b in zip(xs, ys)), Fr(0))
        syy = sum(((b - my) ** 2 for b in ys), Fr(0))
        b1 = sxy / sxx; b0 = my - b1 * mx
        sse = syy - b1 * sxy
        t = M(b1) / msqrt(sse / (n - 2) / sxx)
        return [M(b1), M(b0), h_t2(t, n - 2)]
    add("v07", 1, data, render, parse, lib, hand,
        [("slope", "stat"), ("intercept", "stat"), ("p (slope)", "p")], ["regression"],
        "simple linear regression of yield_pct on temp_C from an aligned table with batch labels")


def v08():
    rows_l = ["Day", "Swing", "Night"]
    cols_l = ["Crack", "Porosity", "Misrun", "Other"]
    mu = np.array([[14, 22, 9, 11], [12, 18, 14, 10], [21, 14, 8, 18]])
    while True:
        tab = rng.poisson(mu).tolist()
        r = st.chi2_contingency(tab)
        if 0.003 < r.pvalue < 0.3 and min(min(t) for t in tab) >= 5:
            break
    data = {"tab": [[int(v) for v in row] for row in tab]}

    def render(d):
        head = "| Shift | " + " | ".join(cols_l) + " |\n|-------|" + "|".join("-" * (len(c) + 2) for c in cols_l) + "|\n"
        body = "\n".join(f"| {r} | " + " | ".join(str(v) for v in row) + " |" for r, row in zip(rows_l, d["tab"]))
        return ("Castings rejected last quarter, by shift and defect type:\n\n" + head + body +
                "\n\nIs the defect type independent of the shift? Chi-square test please.")

    def parse(t):
        hdr = re.search(r"^\| Shift \| (.*) \|$", t, re.M).group(1).split(" | ")
        assert hdr == cols_l
        rows = re.findall(r"^\| (Day|Swing|Night) \| (.*) \|$", t, re.M)
        assert [r[0] for r in rows] == rows_l
        return {"tab": [[int(v) for v in r[1].split(" | ")] for r in rows]}

    def lib(d):
        r = st.chi2_contingency(d["tab"])
        return [r.statistic, int(r.dof), r.pvalue]

    def hand(d):
        T = d["tab"]; N = sum(map(sum, T))
        rs = [sum(r) for r in T]; cs = [sum(c) for c in zip(*T)]
        chi = sum((Fr(T[i][j]) - Fr(rs[i] * cs[j], N)) ** 2 / Fr(rs[i] * cs[j], N)
                  for i in range(len(T)) for j in range(len(T[0])))
        df = (len(T) - 1) * (len(T[0]) - 1)
        return [M(chi), df, h_chi2sf(chi, df)]
    add("v08", 1, data, render, parse, lib, hand,
        [("chi2", "stat"), ("df", "int"), ("p", "p")], ["chi_square"],
        "chi-square test of independence on a 3x4 markdown contingency table with row and column labels")


def v09():
    sizes = {"A": 6, "B": 7, "C": 5}
    means = {"A": 2.45, "B": 2.51, "C": 2.42}
    order = [(g, i) for g in "ABC" for i in range(sizes[g])]
    perm = [int(v) for v in rng.permutation(len(order))]
    order = [order[i] for i in perm]
    while True:
        data = {g: R2(rng.normal(means[g], 0.05, sizes[g])) for g in "ABC"}
        p = st.f_oneway(*data.values()).pvalue
        if 0.002 < p < 0.2:
            break

    def render(d):
        seen = {"A": 0, "B": 0, "C": 0}
        out = []
        for j, (g, _) in enumerate(order):      # values of a group appear in list order
            out.append(f"S-{31 + j:03d},{g},{f2(d[g][seen[g]])}")
            seen[g] += 1
        rows = "\n".join(out)
        return ("Wall thickness from three extrusion lines (one row per sample):\n\n"
                "sample_id,line,thickness_mm\n" + rows +
                "\n\nOne-way ANOVA — do the lines differ in mean thickness? Need F and p.")

    def parse(t):
        rows = re.findall(r"^S-(\d{3}),([ABC]),(" + NUM + r")$", t, re.M)
        assert len(rows) == len(order)
        out = {"A": [], "B": [], "C": []}
        for r in rows:
            out[r[1]].append(tonum(r[2]))
        return out

    def lib(d):
        r = st.f_oneway(d["A"], d["B"], d["C"])
        return [r.statistic, r.pvalue]

    def hand(d):
        F, a, b = h_oneway([d["A"], d["B"], d["C"]])
        return [M(F), h_Fsf(F, a, b)]
    add("v09", 1, data, render, parse, lib, hand,
        [("F", "stat"), ("p", "p")], ["anova_oneway"],
        "one-way ANOVA from a long-format CSV (sample id, group column, value), unbalanced groups")


def v10():
    sup = ["Acme", "Borg", "Cato", "Dynel"]
    sizes = [5, 6, 5, 6]
    mu = [61.0, 63.5, 60.2, 64.0]
    while True:
        data = {s: R1(rng.normal(m, 1.8, n)) for s, m, n in zip(sup, mu, sizes)}
        r = st.kruskal(*data.values())
        if 0.003 < r.pvalue < 0.2:
            break

    def render(d):
        lines = ["supplier   hardness_HRB"]
        for s in sup:
            for v in d[s]:
                lines.append(f"{s:<10} {f1(v):>8}")
        return ("hardness on incoming bar stock, one line per bar:\n\n" + "\n".join(lines) +
                "\n\nkruskal-wallis across the four suppliers — H and p (chi-square approximation "
                "with the usual tie correction)")

    def parse(t):
        rows = re.findall(r"^(Acme|Borg|Cato|Dynel)\s+(" + NUM + r")$", t, re.M)
        out = {s: [] for s in sup}
        for r in rows:
            out[r[0]].append(tonum(r[1]))
        return out

    def lib(d):
        r = st.kruskal(*[d[s] for s in sup])
        return [r.statistic, r.pvalue]

    def hand(d):
        allv = [v for s in sup for v in d[s]]
        N = len(allv); rk = h_ranks(allv)
        H = Fr(0); pos = 0
        for s in sup:
            n = len(d[s]); R = sum(rk[pos:pos + n], Fr(0)); pos += n
            H += R * R / n
        H = Fr(12, N * (N + 1)) * H - 3 * (N + 1)
        C = 1 - Fr(sum(t ** 3 - t for t in tie_groups(allv)), N ** 3 - N)
        H = H / C
        return [M(H), h_chi2sf(H, len(sup) - 1)]
    add("v10", 1, data, render, parse, lib, hand,
        [("H", "stat"), ("p", "p")], ["kruskal_wallis"],
        "Kruskal-Wallis on long-format rows (supplier, value), tie-corrected H, chi-square p")


def v11():
    hours = [f"{h:02d}:00" for h in range(6, 21)]
    sub = [R1(rng.normal(74.0, 0.6, 5)) for _ in hours]
    data = {"sub": sub}

    def render(d):
        lines = ["hour    x1    x2    x3    x4    x5"]
        for h, s in zip(hours, d["sub"]):
            lines.append(f"{h}  " + "  ".join(f"{f1(v):>4}" for v in s))
        return ("Hourly subgroups of 5 consecutive pieces (bore depth, mm):\n\n" + "\n".join(lines) +
                "\n\nX-bar and R chart from these: centre line of the X-bar chart, its UCL, and the UCL of the R chart?")

    def parse(t):
        rows = re.findall(r"^(\d\d:\d\d)\s+(.*)$", t, re.M)
        assert [r[0] for r in rows] == hours
        return {"sub": [[tonum(v) for v in r[1].split()] for r in rows]}

    def lib(d):
        S = np.array(d["sub"]); n = S.shape[1]
        xbb = S.mean(axis=1).mean(); rb = (S.max(axis=1) - S.min(axis=1)).mean()
        return [xbb, xbb + spc(n, "A2") * rb, spc(n, "D4") * rb]

    def hand(d):
        n = len(d["sub"][0])
        means = [fmean(s) for s in d["sub"]]
        rngs = [max(Q(v) for v in s) - min(Q(v) for v in s) for s in d["sub"]]
        xbb = fmean(means); rb = fmean(rngs)
        return [M(xbb), M(xbb + Q(spc(n, "A2")) * rb), M(Q(spc(n, "D4")) * rb)]
    add("v11", 1, data, render, parse, lib, hand,
        [("centre line", "stat"), ("UCL (X-bar)", "stat"), ("UCL (R)", "stat")],
        ["control_chart", "spc_constants"],
        "X-bar/R chart limits from rows labelled by hour, 5 readings per row (A2=0.577, D4=2.114)")


def v12():
    while True:
        dd = [int(v) for v in rng.binomial(100, 0.12, 20)]
        pb = sum(dd) / 2000
        if 100 * pb - 3 * math.sqrt(100 * pb * (1 - pb)) > 0.5:
            break
    data = {"n": 100, "d": dd}

    def render(d):
        lines = "\n".join(f"batch {118 + i}: {v}" for i, v in enumerate(d["d"]))
        return (f"Seam check — every batch is a sample of {d['n']} cans, count of cans with a seam defect:\n\n" + lines +
                "\n\nnp chart please: centre line and 3-sigma limits.")

    def parse(t):
        n = int(re.search(r"a sample of (\d+) cans", t).group(1))
        rows = re.findall(r"^batch (\d+): (\d+)$", t, re.M)
        assert [int(r[0]) for r in rows] == list(range(118, 138))
        return {"n": n, "d": [int(r[1]) for r in rows]}

    def lib(d):
        x = np.array(d["d"], float); n = d["n"]
        pb = x.mean() / n; c = n * pb; s = np.sqrt(n * pb * (1 - pb))
        return [c, c + 3 * s, c - 3 * s]

    def hand(d):
        n = d["n"]; pb = Fr(sum(d["d"]), n * len(d["d"]))
        s = msqrt(n * pb * (1 - pb))
        return [M(n * pb), M(n * pb) + 3 * s, M(n * pb) - 3 * s]
    add("v12", 1, data, render, parse, lib, hand,
        [("centre line (np-bar)", "stat"), ("UCL", "stat"), ("LCL", "stat")], ["control_chart"],
        "np chart from 'batch NNN: count' lines with the constant sample size stated in prose")


def v13():
    shifts = ["Mon-A", "Mon-B", "Tue-A", "Tue-B", "Wed-A", "Wed-B", "Thu-A", "Thu-B", "Fri-A", "Fri-B"]
    n = [int(v) for v in rng.integers(120, 161, 10)]
    dd = [int(v) for v in rng.binomial(n, 0.05)]
    bad = 6
    dd[bad] = n[bad] + 12          # impossible: more defectives than items inspected
    data = {"n": n, "d": dd}

    def render(d):
        lines = ["shift    inspected   defective"]
        for s, a, b in zip(shifts, d["n"], d["d"]):
            lines.append(f"{s:<8} {a:>9}   {b:>9}")
        return ("Can you build the p chart (limits per shift) from this week's final inspection?\n\n" +
                "\n".join(lines))

    def parse(t):
        rows = re.findall(r"^(\w{3}-[AB])\s+(\d+)\s+(\d+)$", t, re.M)
        assert [r[0] for r in rows] == shifts
        return {"n": [int(r[1]) for r in rows], "d": [int(r[2]) for r in rows]}

    def defect(d, text):
        bad_rows = [i for i, (a, b) in enumerate(zip(d["n"], d["d"])) if b > a]
        assert bad_rows == [bad]
        assert re.search(rf"^{shifts[bad]}\s+{d['n'][bad]}\s+{d['d'][bad]}$", text, re.M)
    add("v13", 1, data, render, parse, None, None, [], ["control_chart"],
        "refuse: one shift reports more defectives than items inspected, so a fraction defective cannot be formed",
        refuse=True, defect=defect,
        reason="impossible data: Thu-A has more defectives than units inspected (p > 1)")


def v14():
    names = ["Ana", "Ben", "Cleo", "Dev", "Emil", "Fay", "Gus", "Hana", "Ivo", "Jia", "Kurt", "Lena"]
    while True:
        hours = [int(v) for v in rng.integers(1, 13, 12)]
        score = [int(min(100, v)) for v in np.round(48 + 2.6 * np.array(hours) + rng.normal(0, 8, 12))]
        r = st.spearmanr(hours, score)
        if 0.002 < r.pvalue < 0.1:
            break
    data = {"hours": hours, "score": score}

    def render(d):
        lines = ["name | hours | score", "-----|-------|------"]
        for nm, h, s in zip(names, d["hours"], d["score"]):
            lines.append(f"{nm} | {h} | {s}")
        return ("study hours vs exam score for my tutorial group\n\n" + "\n".join(lines) +
                "\n\nSpearman rank correlation between hours and score? p-value from the usual t approximation is fine.")

    def parse(t):
        rows = re.findall(r"^([A-Z][a-z]+) \| (\d+) \| (\d+)$", t, re.M)
        assert [r[0] for r in rows] == names
        return {"hours": [int(r[1]) for r in rows], "score": [int(r[2]) for r in rows]}

    def lib(d):
        r = st.spearmanr(d["hours"], d["score"])
        return [r.statistic, r.pvalue]

    def hand(d):
        rho = h_pearson(h_ranks(d["hours"]), h_ranks(d["score"]))
        return [rho, h_corr_p(rho, len(d["hours"]))]
    add("v14", 1, data, render, parse, lib, hand,
        [("rho", "stat"), ("p", "p")], ["correlation"],
        "Spearman rho (average ranks for ties) and t-approximation p from a pipe table keyed by student name")


for _f in (v01, v02, v03, v04, v05, v06, v07, v08, v09, v10, v11, v12, v13, v14):
    _f()

# =====================================================================
# KIND 2 -- intent carried by wording
# =====================================================================

def h_mw(a, b):
    """U (smaller) and exact two-sided p, no ties"""
    n1, n2 = len(a), len(b)
    U1 = sum(1 for x in a for y in b if Q(x) > Q(y))
    U = min(U1, n1 * n2 - U1)
    c = mw_counts(n1, n2); tot = sum(c)
    p = min(Fr(1), 2 * Fr(sum(c[:U + 1]), tot))
    return U, M(p)


def v15():
    while True:
        a = R1(rng.normal(42.0, 2.5, 9)); b = R1(rng.normal(39.3, 2.5, 11))
        if len(set(a + b)) < 20:
            continue
        p = st.mannwhitneyu(a, b, method="exact").pvalue
        if 0.002 < p < 0.3:
            break
    data = {"old": a, "new": b}

    def render(d):
        return ("Cure times in minutes.\n"
                "old resin: " + ", ".join(f1(v) for v in d["old"]) + "\n"
                "new resin: " + ", ".join(f1(v) for v in d["new"]) + "\n"
                "I'd rather not assume these are normally distributed. Is there a difference between the two "
                "resins? Exact two-sided p please, and quote U as the smaller of U1 and U2.")

    def parse(t):
        o = re.search(r"^old resin: (.*)$", t, re.M).group(1)
        nw = re.search(r"^new resin: (.*)$", t, re.M).group(1)
        return {"old": nums(o), "new": nums(nw)}

    def lib(d):
        r = st.mannwhitneyu(d["old"], d["new"], method="exact", alternative="two-sided")
        n1, n2 = len(d["old"]), len(d["new"])
        return [int(round(min(r.statistic, n1 * n2 - r.statistic))), r.pvalue]

    def hand(d):
        U, p = h_mw(d["old"], d["new"])
        return [U, p]
    add("v15", 2, data, render, parse, lib, hand,
        [("U (smaller)", "int"), ("p", "p")], ["mann_whitney"],
        "'don't assume normal' for two independent samples -> Mann-Whitney U with exact p")


def h_welch(a, b):
    v1 = fvar(a) / len(a); v2 = fvar(b) / len(b)
    t = M(fmean(a) - fmean(b)) / msqrt(v1 + v2)
    df = (v1 + v2) ** 2 / (v1 ** 2 / (len(a) - 1) + v2 ** 2 / (len(b) - 1))
    return t, df


def v16():
    while True:
        a = R1(rng.normal(521, 6, 10)); b = R1(rng.normal(509, 18, 8))
        p = st.ttest_ind(a, b, equal_var=False).pvalue
        if 0.003 < p < 0.2:
            break
    data = {"X": a, "Y": b}

    def render(d):
        return ("Tensile strength in MPa — supplier X: " + ", ".join(f1(v) for v in d["X"]) +
                "; supplier Y: " + ", ".join(f1(v) for v in d["Y"]) +
                ". Are the means different? Please don't use the pooled-variance t-test here, "
                "the spreads are obviously not the same.")

    def parse(t):
        x = re.search(r"supplier X: ([^;]*);", t).group(1)
        y = re.search(r"supplier Y: (.*?)\. Are", t).group(1)
        return {"X": nums(x), "Y": nums(y)}

    def lib(d):
        r = st.ttest_ind(d["X"], d["Y"], equal_var=False)
        return [abs(r.statistic), float(r.df), r.pvalue]

    def hand(d):
        t, df = h_welch(d["X"], d["Y"])
        return [abs(t), M(df), h_t2(t, M(df))]
    add("v16", 2, data, render, parse, lib, hand,
        [("|t|", "stat"), ("df", "stat"), ("p", "p")], ["t_test"],
        "'not the pooled one' -> Welch two-sample t-test with Welch-Satterthwaite df")


def v17():
    while True:
        x = R1(rng.normal(498.9, 1.4, 12))
        p = st.ttest_1samp(x, 500).pvalue
        if 0.002 < p < 0.2:
            break
    data = {"x": x, "mu0": 500}

    def render(d):
        return (f"fill volumes (ml) from this morning's run, nominal is {d['mu0']} ml:\n"
                + " ".join(f1(v) for v in d["x"]) +
                "\nis the filler running off target?")

    def parse(t):
        mu0 = int(re.search(r"nominal is (\d+) ml", t).group(1))
        line = re.search(r":\n(.*)\nis the filler", t).group(1)
        return {"x": nums(line), "mu0": mu0}

    def lib(d):
        r = st.ttest_1samp(d["x"], d["mu0"])
        return [r.statistic, r.pvalue, np.mean(d["x"]) - d["mu0"]]

    def hand(d):
        n = len(d["x"]); m = fmean(d["x"]) - d["mu0"]
        t = M(m) / msqrt(fvar(d["x"]) / n)
        return [t, h_t2(t, n - 1), M(m)]
    add("v17", 2, data, render, parse, lib, hand,
        [("t", "stat"), ("p", "p"), ("mean − nominal", "stat")], ["t_test"],
        "stated nominal value -> one-sample t-test against 500 ml, two-sided")


def v18():
    times = [(datetime.datetime(2025, 1, 1, 7, 0) + datetime.timedelta(minutes=30 * i)).strftime("%H:%M")
             for i in range(20)]
    bad = times.index("10:30")
    x = R1(rng.normal(41.0, 0.5, 20))
    x[bad] = round(x[bad] + 5.7, 1)
    data = {"x": x}

    def render(d):
        lines = "\n".join(f"{t} {f1(v)}" for t, v in zip(times, d["x"]))
        return ("Bath conductivity (mS/cm), one reading every half hour:\n" + lines +
                "\n\nIndividuals / moving-range chart please, but leave out the 10:30 reading — the probe was "
                "being recalibrated. Just drop it and treat the rest as consecutive. I need the centre line, "
                "the UCL of the individuals chart and the UCL of the moving-range chart.")

    def parse(t):
        rows = re.findall(r"^(\d\d:\d\d) (" + NUM + r")$", t, re.M)
        assert [r[0] for r in rows] == times
        assert re.search(r"leave out the (\d\d:\d\d) reading", t).group(1) == "10:30"
        return {"x": [tonum(r[1]) for r in rows]}

    def lib(d):
        v = np.delete(np.array(d["x"]), bad)
        mr = np.abs(np.diff(v)).mean()
        return [v.mean(), v.mean() + E2 * mr, D4_MR * mr]

    def hand(d):
        v = [Q(a) for i, a in enumerate(d["x"]) if i != bad]
        m = fmean(v)
        mr = fmean([abs(v[i] - v[i - 1]) for i in range(1, len(v))])
        return [M(m), M(m + Q(E2) * mr), M(Q(D4_MR) * mr)]
    add("v18", 2, data, render, parse, lib, hand,
        [("centre line", "stat"), ("UCL (individuals)", "stat"), ("UCL (moving range)", "stat")],
        ["control_chart"],
        "I-MR chart after excluding the named 10:30 point (E2=2.660, D4=3.267 on the remaining 19)")


def v19():
    while True:
        c = [int(v) for v in rng.poisson(12, 20)]
        cb = sum(c) / 20
        if cb - 3 * math.sqrt(cb) > 0.5:
            break
    data = {"c": c}

    def render(d):
        stream = textwrap.fill(" ".join(str(v) for v in d["c"]), 36)
        return ("Blemish counts on painted doors, one door per sample, all the same door model, in "
                "production order:\n" + stream +
                "\nWhich chart fits, and what are its centre line and control limits?")

    def parse(t):
        s = re.search(r"production order:\n(.*?)\nWhich chart", t, re.S).group(1)
        return {"c": nums(s)}

    def lib(d):
        cb = np.mean(d["c"])
        return [cb, cb + 3 * np.sqrt(cb), cb - 3 * np.sqrt(cb)]

    def hand(d):
        cb = fmean(d["c"])
        return [M(cb), M(cb) + 3 * msqrt(cb), M(cb) - 3 * msqrt(cb)]
    add("v19", 2, data, render, parse, lib, hand,
        [("centre line (c-bar)", "stat"), ("UCL", "stat"), ("LCL", "stat")], ["control_chart"],
        "defect counts on equal-size units -> c chart, limits c-bar ± 3 sqrt(c-bar)")


def v20():
    while True:
        L = [float(v) for v in rng.choice([1.5, 2.0, 2.5], 12)]
        c = [int(v) for v in rng.poisson(10 * np.array(L))]
        ub = sum(c) / sum(L)
        if ub - 3 * math.sqrt(ub / L[6]) > 0.5:
            break
    data = {"len": L, "c": c}

    def render(d):
        items = "; ".join(f"bolt {i} — {f1(a)} units, {k} defects" for i, (a, k) in enumerate(zip(d["len"], d["c"]), 1))
        return ("Defects found on each bolt of cloth (1 unit = 100 m; the bolts are not all the same length): "
                + items + ". Set up the right attribute chart — I need the centre line and the control limits for bolt 7.")

    def parse(t):
        rows = re.findall(r"bolt (\d+) — (" + NUM + r") units, (\d+) defects", t)
        assert [int(r[0]) for r in rows] == list(range(1, 13))
        assert re.search(r"control limits for bolt (\d+)\.", t).group(1) == "7"
        return {"len": [tonum(r[1]) for r in rows], "c": [int(r[2]) for r in rows]}

    def lib(d):
        L = np.array(d["len"]); c = np.array(d["c"], float)
        ub = c.sum() / L.sum(); s = np.sqrt(ub / L[6])
        return [ub, ub + 3 * s, ub - 3 * s]

    def hand(d):
        ub = Fr(sum(d["c"])) / sum((Q(a) for a in d["len"]), Fr(0))
        s = msqrt(ub / Q(d["len"][6]))
        return [M(ub), M(ub) + 3 * s, M(ub) - 3 * s]
    add("v20", 2, data, render, parse, lib, hand,
        [("centre line (u-bar)", "stat"), ("UCL (bolt 7)", "stat"), ("LCL (bolt 7)", "stat")], ["control_chart"],
        "defects over varying lengths -> u chart; u-bar = total defects / total units, limits for bolt 7's length")


def v21():
    data = {"nom": 10.00, "tol": 0.05, "mean": 10.012, "sw": 0.011, "so": 0.015}

    def render(d):
        return (f"Bore spec is {d['nom']:.2f} ± {d['tol']:.2f} mm. Over the last quarter: mean {d['mean']:.3f} mm, "
                f"within-subgroup σ {d['sw']:.3f} mm, overall (long-term) σ {d['so']:.3f} mm. "
                "What's the Ppk? I'm after the overall performance index, not Cpk. Pp as well if you can.")

    def parse(t):
        m = re.search(r"spec is (" + NUM + r") ± (" + NUM + r") mm", t)
        return {"nom": float(m.group(1)), "tol": float(m.group(2)),
                "mean": float(re.search(r"mean (" + NUM + r") mm", t).group(1)),
                "sw": float(re.search(r"within-subgroup σ (" + NUM + r") mm", t).group(1)),
                "so": float(re.search(r"overall \(long-term\) σ (" + NUM + r") mm", t).group(1))}

    def lib(d):
        usl = d["nom"] + d["tol"]; lsl = d["nom"] - d["tol"]
        return [min(usl - d["mean"], d["mean"] - lsl) / (3 * d["so"]), (usl - lsl) / (6 * d["so"])]

    def hand(d):
        usl = Q(d["nom"]) + Q(d["tol"]); lsl = Q(d["nom"]) - Q(d["tol"]); m = Q(d["mean"]); s = Q(d["so"])
        return [M(min(usl - m, m - lsl) / (3 * s)), M((usl - lsl) / (6 * s))]
    add("v21", 2, data, render, parse, lib, hand,
        [("Ppk", "stat"), ("Pp", "stat")], ["summary_capability"],
        "Ppk/Pp from summary figures using the overall sigma (not the within sigma)")


def v22():
    data = {"n": 4, "rbar": 0.0234, "mean": 25.406, "nom": 25.40, "tol": 0.03}

    def render(d):
        return (f"X-bar/R study on the shaft OD: subgroups of {d['n']}, R̄ = {d['rbar']:.4f} mm, grand mean "
                f"{d['mean']:.3f} mm. Drawing says {d['nom']:.2f} ± {d['tol']:.2f} mm. Estimate sigma as R̄/d2 and give me Cp and Cpk.")

    def parse(t):
        m = re.search(r"Drawing says (" + NUM + r") ± (" + NUM + r") mm", t)
        return {"n": int(re.search(r"subgroups of (\d+)", t).group(1)),
                "rbar": float(re.search(r"R̄ = (" + NUM + r") mm", t).group(1)),
                "mean": float(re.search(r"grand mean (" + NUM + r") mm", t).group(1)),
                "nom": float(m.group(1)), "tol": float(m.group(2))}

    def lib(d):
        s = d["rbar"] / spc(d["n"], "d2")
        usl = d["nom"] + d["tol"]; lsl = d["nom"] - d["tol"]
        return [min(usl - d["mean"], d["mean"] - lsl) / (3 * s), (usl - lsl) / (6 * s)]

    def hand(d):
        s = Q(d["rbar"]) / Q(spc(d["n"], "d2"))
        usl = Q(d["nom"]) + Q(d["tol"]); lsl = Q(d["nom"]) - Q(d["tol"]); m = Q(d["mean"])
        return [M(min(usl - m, m - lsl) / (3 * s)), M((usl - lsl) / (6 * s))]
    add("v22", 2, data, render, parse, lib, hand,
        [("Cpk", "stat"), ("Cp", "stat")], ["summary_capability", "spc_constants"],
        "Cp/Cpk from R-bar with sigma_within = R-bar/d2 (d2=2.059 for n=4)")


def v23():
    coded = [(-1, -1), (1, -1), (-1, 1), (1, 1), (0, 0), (0, 0), (0, 0), (0, 0)]
    while True:
        yf = [70 + 3 * a + 2 * b + 0.5 * a * b for a, b in coded[:4]]
        y = R1(np.array(yf + [71.7] * 4) + np.concatenate([rng.normal(0, 0.4, 4), rng.normal(0, 0.6, 4)]))
        yF = np.mean(y[:4]); yC = np.mean(y[4:])
        F = 2 * (yF - yC) ** 2 / np.var(y[4:], ddof=1)
        p = st.f.sf(F, 1, 3)
        if 0.005 < p < 0.2:
            break
    data = {"y": y}
    cs = {-1: "-1", 1: "+1", 0: " 0"}

    def render(d):
        lines = ["  A    B   yield"]
        for (a, b), v in zip(coded, d["y"]):
            lines.append(f" {cs[a]}   {cs[b]}   {f1(v)}")
        return ("2^2 factorial plus four centre points (coded units):\n\n" + "\n".join(lines) +
                "\n\nIs there evidence of curvature? Give the curvature sum of squares, its F ratio against the "
                "pure error from the centre runs, and the p-value.")

    def parse(t):
        rows = re.findall(r"^\s*([+-]?\d)\s+([+-]?\d)\s+(" + NUM + r")$", t, re.M)
        assert [(int(r[0]), int(r[1])) for r in rows] == coded
        return {"y": [tonum(r[2]) for r in rows]}

    def lib(d):
        df_ = pd.DataFrame({"A": [c[0] for c in coded], "B": [c[1] for c in coded],
                            "ctr": [1 if c == (0, 0) else 0 for c in coded], "y": d["y"]})
        fit = smf.ols("y ~ A + B + A:B + ctr", data=df_).fit()
        F = fit.tvalues["ctr"] ** 2
        return [F * fit.mse_resid, F, fit.pvalues["ctr"]]

    def hand(d):
        ys = [Q(v) for v in d["y"]]
        yF = fmean(ys[:4]); yC = fmean(ys[4:])
        ss = Fr(4 * 4, 8) * (yF - yC) ** 2
        mspe = fvar(ys[4:])
        F = ss / mspe
        return [M(ss), M(F), h_Fsf(F, 1, 3)]
    add("v23", 2, data, render, parse, lib, hand,
        [("SS curvature", "stat"), ("F", "stat"), ("p", "p")], ["doe_curvature"],
        "single-df curvature test: SS = nF nC (ybarF - ybarC)^2/(nF+nC), F vs pure error (3 df) from centres")


def v24():
    while True:
        x = R1(rng.normal(48.9, 2.2, 14))
        p = st.ttest_1samp(x, 50, alternative="less").pvalue
        if 0.003 < p < 0.2:
            break
    data = {"x": x, "mu0": 50}

    def render(d):
        return (f"Our adhesive supplier says the mean pull-off strength is at least {d['mu0']} N. Our {len(d['x'])} "
                f"test pulls (N): " + ", ".join(f1(v) for v in d["x"]) +
                f". Do these show the mean is actually below {d['mu0']} N? One-sided test, 5% level.")

    def parse(t):
        m1 = int(re.search(r"at least (\d+) N\.", t).group(1))
        m2 = int(re.search(r"actually below (\d+) N\?", t).group(1))
        assert m1 == m2
        x = re.search(r"test pulls \(N\): (.*?)\. Do these", t).group(1)
        return {"x": nums(x), "mu0": m1}

    def lib(d):
        r = st.ttest_1samp(d["x"], d["mu0"], alternative="less")
        return [r.statistic, r.pvalue]

    def hand(d):
        n = len(d["x"]); t = M(fmean(d["x"]) - d["mu0"]) / msqrt(fvar(d["x"]) / n)
        return [t, h_tcdf(t, n - 1)]
    add("v24", 2, data, render, parse, lib, hand,
        [("t", "stat"), ("p (one-sided)", "p")], ["t_test"],
        "claim 'at least 50' tested for 'below' -> one-sample lower-tailed t-test against 50")


def v25():
    while True:
        a = R2(rng.normal(3.02, 0.04, 9)); b = R2(rng.normal(2.975, 0.04, 10))
        p = st.ttest_ind(a, b).pvalue
        if 0.003 < p < 0.2:
            break
    data = {"m1": a, "m2": b}

    def render(d):
        return ("wall thickness (mm)\nmould 1: " + ", ".join(f2(v) for v in d["m1"]) +
                "\nmould 2: " + ", ".join(f2(v) for v in d["m2"]) +
                "\nboth moulds are the same design so assume they have equal variances — is there a difference "
                "in mean thickness?")

    def parse(t):
        return {"m1": nums(re.search(r"^mould 1: (.*)$", t, re.M).group(1)),
                "m2": nums(re.search(r"^mould 2: (.*)$", t, re.M).group(1))}

    def lib(d):
        r = st.ttest_ind(d["m1"], d["m2"], equal_var=True)
        return [abs(r.statistic), int(r.df), r.pvalue]

    def hand(d):
        a, b = d["m1"], d["m2"]; n1, n2 = len(a), len(b)
        sp2 = (fss(a) + fss(b)) / (n1 + n2 - 2)
        t = M(fmean(a) - fmean(b)) / msqrt(sp2 * (Fr(1, n1) + Fr(1, n2)))
        return [abs(t), n1 + n2 - 2, h_t2(t, n1 + n2 - 2)]
    add("v25", 2, data, render, parse, lib, hand,
        [("|t|", "stat"), ("df", "int"), ("p", "p")], ["t_test"],
        "'assume equal variances' -> pooled two-sample Student t-test")


def v26():
    data = {"x1": 38, "n1": 400, "x2": 21, "n2": 410}

    def render(d):
        return (f"Old process: {d['x1']} defective out of {d['n1']} inspected. New process: {d['x2']} defective out of "
                f"{d['n2']}. Is the new process's defect rate lower? Pooled two-proportion z test, no continuity "
                "correction, one-sided.")

    def parse(t):
        a = re.search(r"Old process: (\d+) defective out of (\d+)", t)
        b = re.search(r"New process: (\d+) defective out of (\d+)", t)
        return {"x1": int(a.group(1)), "n1": int(a.group(2)), "x2": int(b.group(1)), "n2": int(b.group(2))}

    def lib(d):
        z, p = proportions_ztest([d["x1"], d["x2"]], [d["n1"], d["n2"]], alternative="larger")
        return [abs(z), p]

    def hand(d):
        p1 = Fr(d["x1"], d["n1"]); p2 = Fr(d["x2"], d["n2"])
        pp = Fr(d["x1"] + d["x2"], d["n1"] + d["n2"])
        z = M(p1 - p2) / msqrt(pp * (1 - pp) * (Fr(1, d["n1"]) + Fr(1, d["n2"])))
        return [abs(z), h_normsf(z)]
    add("v26", 2, data, render, parse, lib, hand,
        [("|z|", "stat"), ("p (one-sided)", "p")], ["proportion_test"],
        "'is the new rate lower' -> one-sided pooled two-proportion z test (old > new), no continuity correction")


def v27():
    while True:
        g = [R1(10 * np.exp(rng.normal(1.0, s, 8))) for s in (0.25, 0.6, 0.3)]
        r = st.levene(*g, center="median")
        if 0.003 < r.pvalue < 0.2:
            break
    data = {"g1": g[0], "g2": g[1], "g3": g[2]}

    def render(d):
        return ("Cycle times (s) on three lines:\n" +
                "\n".join(f"line {i}: " + ", ".join(f1(v) for v in d[f"g{i}"]) for i in (1, 2, 3)) +
                "\nThese are right-skewed, so rather than the classic mean-based Levene test I want the "
                "median-centred version (Brown–Forsythe). Is the spread the same on all three lines? statistic and p")

    def parse(t):
        rows = re.findall(r"^line (\d): (.*)$", t, re.M)
        assert [r[0] for r in rows] == ["1", "2", "3"]
        return {f"g{r[0]}": nums(r[1]) for r in rows}

    def lib(d):
        r = st.levene(d["g1"], d["g2"], d["g3"], center="median")
        return [r.statistic, r.pvalue]

    def hand(d):
        z = []
        for k in ("g1", "g2", "g3"):
            med = fmedian(d[k])
            z.append([abs(Q(v) - med) for v in d[k]])
        F, a, b = h_oneway(z)
        return [M(F), h_Fsf(F, a, b)]
    add("v27", 2, data, render, parse, lib, hand,
        [("W (Brown-Forsythe statistic)", "stat"), ("p", "p")], ["levene"],
        "'median-centred Levene' -> Brown-Forsythe test of equal variances across three groups")


def v28():
    data = {"nom": 12.00, "tol": 0.05, "mean": 12.018}

    def render(d):
        return (f"quick one — what's the Cpk for the bore? spec {d['nom']:.2f} ± {d['tol']:.2f} mm, the process mean is "
                f"currently {d['mean']:.3f} mm. thanks!")

    def parse(t):
        m = re.search(r"spec (" + NUM + r") ± (" + NUM + r") mm", t)
        return {"nom": float(m.group(1)), "tol": float(m.group(2)),
                "mean": float(re.search(r"process mean is currently (" + NUM + r") mm", t).group(1))}

    def defect(d, text):
        assert not re.search(r"σ|sigma|sd\b|standard dev|variance|range|R̄|Rbar|s-bar", text, re.I)
        assert len(nums(text)) == 3     # only the spec and the mean: no spread, no raw data
    add("v28", 2, data, render, parse, None, None, [], ["summary_capability"],
        "refuse: Cpk needs a process standard deviation (or data), only the mean and spec are given",
        refuse=True, defect=defect, reason="missing spread: Cpk asked with only mean and spec limits, no sigma or data")


for _f in (v15, v16, v17, v18, v19, v20, v21, v22, v23, v24, v25, v26, v27, v28):
    _f()

# =====================================================================
# KIND 3 -- numbers in prose with roles (designs, power, sampling plans)
# =====================================================================

def v29():
    data = {"temp": 3, "speed": 2, "supp": 4, "reps": 2}

    def render(d):
        return (f"We're planning a plating study in Building 7, starting 14 March 2025. Factors: bath temperature at "
                f"{d['temp']} levels, line speed at {d['speed']} levels, and additive supplier (we have {d['supp']} "
                f"suppliers, each one is a level). Full factorial, and every combination gets run {d['reps']} times. "
                f"3 operators will share the runs over 5 days. How many runs is that in total?")

    def parse(t):
        return {"temp": int(re.search(r"bath temperature at (\d+) levels", t).group(1)),
                "speed": int(re.search(r"line speed at (\d+) levels", t).group(1)),
                "supp": int(re.search(r"we have (\d+) suppliers", t).group(1)),
                "reps": int(re.search(r"gets run (\d+) times", t).group(1))}

    def lib(d):
        D = full_factorial([d["temp"], d["speed"], d["supp"]])
        D = np.vstack([D] * d["reps"])
        return [D.shape[0]]

    def hand(d):
        return [d["temp"] * d["speed"] * d["supp"] * d["reps"]]
    add("v29", 3, data, render, parse, lib, hand, [("runs", "int")], ["doe_design"],
        "mixed-level full factorial 3x2x4 with 2 replicates = 48 runs; building, date, operators, days ignored")


def v30():
    gens = {"E": "ABC", "F": "BCD"}
    data = {"k": 6}

    def render(d):
        return (f"Screening study on the coater (lot 2231 resin, 2 shifts available). {d['k']} factors, A through F, "
                f"run as a quarter fraction of the 2^{d['k']} with generators E = ABC and F = BCD. How many runs, and "
                "what's the resolution?")

    def parse(t):
        k = int(re.search(r"available\)\. (\d+) factors", t).group(1))
        k2 = int(re.search(r"fraction of the 2\^(\d+)", t).group(1))
        g = dict(re.findall(r"([A-Z]) = ([A-Z]+)", t))
        assert g == gens and k2 == k
        return {"k": k}

    def lib(d):
        D = frac_design(d["k"], gens)
        return [D.shape[0], resolution_from_gens(gens)]

    def hand(d):
        D = frac_design(d["k"], gens)
        return [2 ** (d["k"] - len(gens)), resolution_from_matrix(D)]
    add("v30", 3, data, render, parse, lib, hand, [("runs", "int"), ("resolution", "int")],
        ["doe_design", "doe_properties"],
        "2^(6-2) with E=ABC, F=BCD: 16 runs; defining relation I=ABCE=BCDF=ADEF -> resolution IV")


def block_words(k, nb):
    """q = log2(nb) block generators for a 2^k: the choice whose confounded group has the longest shortest word"""
    q = nb.bit_length() - 1
    assert 2 ** q == nb and 1 <= q <= 3 and k <= 8, "block search limited to small designs"
    cand = ["".join(c) for r in range(k, 1, -1) for c in itertools.combinations(LET[:k], r)]
    best, best_len = None, 0
    for combo in itertools.combinations(cand, q):
        grp = []
        for r in range(1, q + 1):
            for sub in itertools.combinations(combo, r):
                w = frozenset()
                for c in sub:
                    w = w ^ frozenset(c)
                grp.append(len(w))
        if min(grp) > best_len:
            best, best_len = combo, min(grp)
    assert best is not None and best_len >= 2
    return list(best)


def v31():
    data = {"k": 5, "cap": 8}

    def render(d):
        return (f"Heat-treat trial on furnace #3 (installed 2019, max 1150 °C): {d['k']} factors, two levels each, the "
                f"full 2^{d['k']} factorial. The furnace only takes {d['cap']} runs a day, so each day is a block. "
                "How many runs in total, and how many blocks?")

    def parse(t):
        k = int(re.search(r"°C\): (\d+) factors", t).group(1))
        assert int(re.search(r"full 2\^(\d+) factorial", t).group(1)) == k
        return {"k": k, "cap": int(re.search(r"only takes (\d+) runs a day", t).group(1))}

    def lib(d):
        k = d["k"]
        assert k <= 8
        D = np.array(list(itertools.product([-1, 1], repeat=k)))
        assert D.shape[0] % d["cap"] == 0
        nb = D.shape[0] // d["cap"]
        words = block_words(k, nb)
        lab = [tuple(int(np.prod([row[LET.index(c)] for c in w])) for w in words) for row in D]
        blocks = {}
        for l in lab:
            blocks[l] = blocks.get(l, 0) + 1
        assert set(blocks.values()) == {d["cap"]}
        return [D.shape[0], len(blocks)]

    def hand(d):
        b = Fr(2 ** d["k"], d["cap"])
        assert b.denominator == 1
        return [2 ** d["k"], int(b)]
    add("v31", 3, data, render, parse, lib, hand, [("runs", "int"), ("blocks", "int")], ["doe_design"],
        "full 2^5 in blocks of the daily capacity 8 -> 32 runs in 4 blocks; furnace number, year, temperature ignored")


def v32():
    data = {"k": 4, "c": 3}

    def render(d):
        return (f"box-behnken for {d['k']} factors on reactor R-12 (the 2 L vessel), plus {d['c']} centre points. "
                "total run count?")

    def parse(t):
        return {"k": int(re.search(r"box-behnken for (\d+) factors", t).group(1)),
                "c": int(re.search(r"plus (\d+) centre points", t).group(1))}

    def lib(d):
        return [box_behnken(d["k"], d["c"]).shape[0]]

    def hand(d):
        return [2 * d["k"] * (d["k"] - 1) + d["c"]]
    add("v32", 3, data, render, parse, lib, hand, [("runs", "int")], ["doe_design"],
        "Box-Behnken, 4 factors: 24 edge-midpoint runs + 3 centre points = 27; reactor id and volume ignored")


def v33():
    data = {"k": 3, "c": 6}

    def render(d):
        return (f"Rotatable central composite design in {d['k']} factors (full 2^{d['k']} cube), {d['c']} centre points. "
                "It'll run in pilot plant bay 2 during week 37. Number of runs and the axial distance α?")

    def parse(t):
        k = int(re.search(r"design in (\d+) factors", t).group(1))
        assert int(re.search(r"full 2\^(\d+) cube", t).group(1)) == k
        return {"k": k, "c": int(re.search(r"cube\), (\d+) centre points", t).group(1))}

    def lib(d):
        D, alpha = ccd(d["k"], d["c"])
        return [D.shape[0], alpha]

    def hand(d):
        return [2 ** d["k"] + 2 * d["k"] + d["c"], mp.root(mp.mpf(2) ** d["k"], 4)]
    add("v33", 3, data, render, parse, lib, hand, [("runs", "int"), ("alpha", "stat")], ["doe_design"],
        "rotatable CCD, k=3: 8 cube + 6 axial + 6 centre = 20 runs, alpha = 8^(1/4) = 1.682; bay and week ignored")


def v34():
    data = {"k": 9}

    def render(d):
        return (f"We have {d['k']} candidate factors at two levels each for the screening on press 4 — 2 shifts, target "
                "yield 85 %. What's the smallest Plackett–Burman design, i.e. how many runs?")

    def parse(t):
        return {"k": int(re.search(r"We have (\d+) candidate factors", t).group(1))}

    def lib(d):
        return [plackett_burman(d["k"]).shape[0]]

    def hand(d):
        return [4 * math.ceil((d["k"] + 1) / 4)]
    add("v34", 3, data, render, parse, lib, hand, [("runs", "int")], ["doe_design"],
        "Plackett-Burman for 9 two-level factors -> 12 runs; press number, shifts and target yield ignored")


def h_power_t2(d, n, alpha):
    """two-sample t (equal n) power, two-sided, via chi-square mixture of normals"""
    with mp.workdps(25):
        df = 2 * n - 2
        tc = bisect(lambda t: (1 - h_tcdf(t, df)) - M(alpha) / 2, 0, 60)
        return h_nct_twotail(tc, df, M(d) * mp.sqrt(mp.mpf(n) / 2))


def h_nct_twotail(tc, df, nc):
    df = mp.mpf(df)
    pdf = lambda v: mp.exp((df / 2 - 1) * mp.log(v) - v / 2 - (df / 2) * mp.log(2) - mp.loggamma(df / 2))
    up = mp.quad(lambda v: pdf(v) * h_Phi(nc - tc * mp.sqrt(v / df)), [0, df, 4 * df, mp.inf])
    lo = mp.quad(lambda v: pdf(v) * h_Phi(-tc * mp.sqrt(v / df) - nc), [0, df, 4 * df, mp.inf])
    return up + lo


def v35():
    data = {"n": 20, "delta": 2.5, "sd": 4.0, "alpha": 0.05}

    def render(d):
        return (f"Comparing two machines, {d['n']} parts from each. A shift of {d['delta']:.1f} µm in the mean matters to us; "
                f"σ is about {d['sd']:.1f} µm (from the 2024 capability study). Two-sided two-sample t-test at "
                f"α = {d['alpha']:.2f} — what power do we have?")

    def parse(t):
        return {"n": int(re.search(r"machines, (\d+) parts from each", t).group(1)),
                "delta": float(re.search(r"A shift of (" + NUM + r") µm", t).group(1)),
                "sd": float(re.search(r"σ is about (" + NUM + r") µm", t).group(1)),
                "alpha": float(re.search(r"α = (" + NUM + r")", t).group(1))}

    def lib(d):
        return [TTestIndPower().power(effect_size=d["delta"] / d["sd"], nobs1=d["n"], alpha=d["alpha"], ratio=1.0)]

    def hand(d):
        return [h_power_t2(Q(d["delta"]) / Q(d["sd"]), d["n"], Q(d["alpha"]))]
    add("v35", 3, data, render, parse, lib, hand, [("power", "stat")], ["power"],
        "power of two-sample t, d = 2.5/4 = 0.625, n = 20 per group, alpha 0.05 two-sided; year ignored")


def h_power_paired(d, n, alpha):
    with mp.workdps(25):
        df = n - 1
        tc = bisect(lambda t: (1 - h_tcdf(t, df)) - M(alpha) / 2, 0, 60)
        return h_nct_twotail(tc, df, M(d) * mp.sqrt(n))


def v36():
    data = {"diff": 1.2, "sd": 2.0, "alpha": 0.05, "power": 90}

    def render(d):
        return (f"Paired comparison of two gauges on the same parts. We want to detect a mean difference of {d['diff']:.1f} "
                f"units; the SD of the differences was {d['sd']:.1f} in the 2023 pilot. α = {d['alpha']:.2f} two-sided, "
                f"{d['power']}% power. How many parts (pairs) do we need?")

    def parse(t):
        return {"diff": float(re.search(r"mean difference of (" + NUM + r") units", t).group(1)),
                "sd": float(re.search(r"differences was (" + NUM + r") in", t).group(1)),
                "alpha": float(re.search(r"α = (" + NUM + r") two-sided", t).group(1)),
                "power": int(re.search(r"(\d+)% power", t).group(1))}

    def lib(d):
        n = TTestPower().solve_power(effect_size=d["diff"] / d["sd"], alpha=d["alpha"], power=d["power"] / 100)
        return [int(math.ceil(n - 1e-9))]

    def hand(d):
        es = Q(d["diff"]) / Q(d["sd"])
        n = 2
        while h_power_paired(es, n, Q(d["alpha"])) < M(Fr(d["power"], 100)):
            n += 1
        return [n]
    add("v36", 3, data, render, parse, lib, hand, [("n (pairs)", "int")], ["power"],
        "sample size for paired t: d = 1.2/2.0 = 0.6, alpha 0.05 two-sided, power 0.90 -> round up; year ignored")


def v37():
    data = {"p1": 10, "p2": 5, "power": 80, "alpha": 5}

    def render(d):
        return (f"scrap rate is {d['p1']}% today and we hope the new die gets it to {d['p2']}%. how many parts per arm to "
                f"show that with {d['power']}% power at a {d['alpha']}% two-sided significance level? use the arcsine "
                "(cohen's h) normal approximation")

    def parse(t):
        return {"p1": int(re.search(r"scrap rate is (\d+)% today", t).group(1)),
                "p2": int(re.search(r"gets it to (\d+)%", t).group(1)),
                "power": int(re.search(r"with (\d+)% power", t).group(1)),
                "alpha": int(re.search(r"at a (\d+)% two-sided", t).group(1))}

    def lib(d):
        h = proportion_effectsize(d["p1"] / 100, d["p2"] / 100)
        n = NormalIndPower().solve_power(effect_size=h, alpha=d["alpha"] / 100, power=d["power"] / 100, ratio=1.0)
        return [int(math.ceil(n - 1e-9))]

    def hand(d):
        h = 2 * mp.asin(msqrt(Fr(d["p1"], 100))) - 2 * mp.asin(msqrt(Fr(d["p2"], 100)))
        zc = bisect(lambda z: h_normsf(z) - M(Fr(d["alpha"], 200)), 0, 10)
        n = 2
        while True:
            e = h * mp.sqrt(mp.mpf(n) / 2)
            pw = h_Phi(e - zc) + h_Phi(-e - zc)
            if pw >= M(Fr(d["power"], 100)):
                return [n]
            n += 1
    add("v37", 3, data, render, parse, lib, hand, [("n per group", "int")], ["power"],
        "two-proportion sample size with Cohen's h, 10% vs 5%, power 0.80, alpha 0.05 two-sided, round up")


def v38():
    data = {"n": 5, "xbb": 74.012, "rbar": 0.0235}

    def render(d):
        return (f"Line 4 (installed 2016): we pull {d['n']} parts every hour across two 8-hour shifts. After 25 subgroups "
                f"the grand mean is {d['xbb']:.3f} mm and R̄ = {d['rbar']:.4f} mm. X̄ and R chart limits, please.")

    def parse(t):
        return {"n": int(re.search(r"we pull (\d+) parts every hour", t).group(1)),
                "xbb": float(re.search(r"grand mean is (" + NUM + r") mm", t).group(1)),
                "rbar": float(re.search(r"R̄ = (" + NUM + r") mm", t).group(1))}

    def lib(d):
        a2, d4 = spc(d["n"], "A2"), spc(d["n"], "D4")
        return [d["xbb"] + a2 * d["rbar"], d["xbb"] - a2 * d["rbar"], d4 * d["rbar"]]

    def hand(d):
        a2, d4 = Q(spc(d["n"], "A2")), Q(spc(d["n"], "D4"))
        x, r = Q(d["xbb"]), Q(d["rbar"])
        return [M(x + a2 * r), M(x - a2 * r), M(d4 * r)]
    add("v38", 3, data, render, parse, lib, hand,
        [("UCL (X-bar)", "stat"), ("LCL (X-bar)", "stat"), ("UCL (R)", "stat")], ["summary_chart", "spc_constants"],
        "X-bar/R limits from summary: subgroup size 5 (A2=0.577, D4=2.114); line no., year, shifts, 25 subgroups ignored")


def v39():
    data = {"n": 8, "sbar": 1.32, "xbb": 250.4}

    def render(d):
        return (f"Subgroups of {d['n']} bags, taken at 06:00, 14:00 and 22:00 every day from 2 Jan to 31 Jan. "
                f"s̄ = {d['sbar']:.2f} g, grand mean {d['xbb']:.1f} g. What are the X̄–S chart limits?")

    def parse(t):
        return {"n": int(re.search(r"Subgroups of (\d+) bags", t).group(1)),
                "sbar": float(re.search(r"s̄ = (" + NUM + r") g", t).group(1)),
                "xbb": float(re.search(r"grand mean (" + NUM + r") g", t).group(1))}

    def lib(d):
        a3, b4 = spc(d["n"], "A3"), spc(d["n"], "B4")
        return [d["xbb"] + a3 * d["sbar"], d["xbb"] - a3 * d["sbar"], b4 * d["sbar"]]

    def hand(d):
        a3, b4 = Q(spc(d["n"], "A3")), Q(spc(d["n"], "B4"))
        x, s = Q(d["xbb"]), Q(d["sbar"])
        return [M(x + a3 * s), M(x - a3 * s), M(b4 * s)]
    add("v39", 3, data, render, parse, lib, hand,
        [("UCL (X-bar)", "stat"), ("LCL (X-bar)", "stat"), ("UCL (S)", "stat")], ["summary_chart", "spc_constants"],
        "X-bar/S limits from summary, n=8 (A3=1.099, B4=1.815); sampling times and dates ignored")


def max_resolution(k, p):
    base = LET[:k - p]
    cand = ["".join(c) for r in range(2, k - p + 1) for c in itertools.combinations(base, r)]
    best = 0
    for words in itertools.permutations(cand, p):
        gens = {LET[k - p + i]: w for i, w in enumerate(words)}
        best = max(best, resolution_from_gens(gens))
    return best


def v40():
    data = {"k": 5, "p": 2, "runs": 8}

    def render(d):
        return (f"Need a 2^({d['k']}-{d['p']}) design — {d['k']} factors in {d['runs']} runs — but it has to be resolution V "
                "so the two-factor interactions come out clear of each other. Which generators should I use?")

    def parse(t):
        m = re.search(r"2\^\((\d+)-(\d+)\) design — (\d+) factors in (\d+) runs", t)
        assert int(m.group(3)) == int(m.group(1))
        return {"k": int(m.group(1)), "p": int(m.group(2)), "runs": int(m.group(4))}

    def defect(d, text):
        assert 2 ** (d["k"] - d["p"]) == d["runs"]
        assert "resolution V " in text
        assert max_resolution(d["k"], d["p"]) == 3 < 5      # every 2^(5-2) is resolution III
    add("v40", 3, data, render, parse, None, None, [], ["doe_design", "doe_properties"],
        "refuse: no 2^(5-2) design reaches resolution V (the best possible is III)",
        refuse=True, defect=defect, reason="impossible design: a 2^(5-2) (8 runs) has resolution III at best, V asked")


def v41():
    gens = {"E": "ABC", "F": "BCD", "G": "ACD"}
    data = {"k": 7, "reps": 2, "c": 3}

    def render(d):
        return (f"{d['k']} factors, eighth fraction with generators E = ABC, F = BCD, G = ACD. We'll run the whole fraction "
                f"{d['reps']} times, plus {d['c']} centre points at the end (the centre points are not replicated). "
                "How many runs in total, and what's the design resolution?")

    def parse(t):
        g = dict(re.findall(r"([A-Z]) = ([A-Z]+)", t))
        assert g == gens
        return {"k": int(re.match(r"(\d+) factors", t).group(1)),
                "reps": int(re.search(r"whole fraction (\d+) times", t).group(1)),
                "c": int(re.search(r"plus (\d+) centre points", t).group(1))}

    def lib(d):
        D = frac_design(d["k"], gens)
        D = np.vstack([D] * d["reps"] + [np.zeros((d["c"], d["k"]), int)])
        return [D.shape[0], resolution_from_gens(gens)]

    def hand(d):
        D = frac_design(d["k"], gens)
        return [2 ** (d["k"] - 3) * d["reps"] + d["c"], resolution_from_matrix(D)]
    add("v41", 3, data, render, parse, lib, hand, [("runs", "int"), ("resolution", "int")],
        ["doe_design", "doe_properties"],
        "2^(7-3) (16 runs) x 2 replicates + 3 unreplicated centre points = 35 runs; resolution IV")


def v42():
    data = {"alpha": 0.05, "power": 90}

    def render(d):
        return (f"How many samples per group do I need for a two-sample t-test at α = {d['alpha']:.2f} with {d['power']}% "
                "power? We're comparing coating thickness from two suppliers.")

    def parse(t):
        return {"alpha": float(re.search(r"α = (" + NUM + r")", t).group(1)),
                "power": int(re.search(r"(\d+)% power", t).group(1))}

    def defect(d, text):
        assert len(nums(text)) == 2
        assert not re.search(r"differ(ence)? of|effect size|σ|sd\b|standard dev|cohen|shift of|detect", text, re.I)
    add("v42", 3, data, render, parse, None, None, [], ["power"],
        "refuse: a sample size needs the difference to detect and the SD (or an effect size); neither is given",
        refuse=True, defect=defect, reason="missing effect size: no difference to detect and no SD given")


for _f in (v29, v30, v31, v32, v33, v34, v35, v36, v37, v38, v39, v40, v41, v42):
    _f()

# =====================================================================
# KIND 4 -- maths (calculus, algebra, matrices); some typos
# =====================================================================

def v43():
    data = {"a": 3, "b": 2, "order": 3, "x0": 1}

    def expr(d):
        return X ** d["a"] * sp.exp(-d["b"] * X)

    def render(d):
        return (f"diffrentiate x^{d['a']}*exp(-{d['b']}*x) and give me the {ordinal(d['order'])} derivative at "
                f"x = {d['x0']}")

    def parse(t):
        m = re.search(r"diffrentiate (x\^(\d+)\*exp\(-(\d+)\*x\)) and give me the (\d+)(?:st|nd|rd|th) derivative "
                      r"at x = (-?\d+)", t)
        d = {"a": int(m.group(2)), "b": int(m.group(3)), "order": int(m.group(4)), "x0": int(m.group(5))}
        assert sp.simplify(sym(m.group(1)) - expr(d)) == 0
        return d

    def lib(d):
        return [float(sp.diff(expr(d), X, d["order"]).subs(X, d["x0"]))]

    def hand(d):
        return [mp.diff(lambda x: x ** d["a"] * mp.exp(-d["b"] * x), d["x0"], d["order"])]
    add("v43", 4, data, render, parse, lib, hand, [("3rd derivative at x=1", "stat")], ["differentiate"],
        "third derivative of x^3 e^(-2x) evaluated at x = 1 (misspelt 'diffrentiate')")


def v44():
    data = {"px": 2, "py": 3, "x0": 1, "y0": 2}

    def expr(d):
        return X ** d["px"] * Y ** d["py"] + sp.sin(X * Y)

    def render(d):
        return (f"f(x, y) = x^{d['px']}*y^{d['py']} + sin(x*y). Find the mixed partial ∂²f/∂x∂y at "
                f"({d['x0']}, {d['y0']}).")

    def parse(t):
        m = re.search(r"f\(x, y\) = (x\^(\d+)\*y\^(\d+) \+ sin\(x\*y\))\.", t)
        p = re.search(r"at \((-?\d+), (-?\d+)\)\.", t)
        d = {"px": int(m.group(2)), "py": int(m.group(3)), "x0": int(p.group(1)), "y0": int(p.group(2))}
        assert sp.simplify(sym(m.group(1)) - expr(d)) == 0
        return d

    def lib(d):
        return [float(sp.diff(expr(d), X, Y).subs({X: d["x0"], Y: d["y0"]}))]

    def hand(d):
        f = lambda x, y: x ** d["px"] * y ** d["py"] + mp.sin(x * y)
        return [mp.diff(f, (d["x0"], d["y0"]), (1, 1))]
    add("v44", 4, data, render, parse, lib, hand, [("mixed partial at (1,2)", "stat")], ["differentiate"],
        "mixed second partial d2f/dxdy of x^2 y^3 + sin(xy) at (1,2) = 6xy^2 + cos(xy) - xy sin(xy)")


def v45():
    data = {"p": 2, "lo": 1, "hi": 3}

    def expr(d):
        return X ** d["p"] * sp.log(X)

    def render(d):
        return f"intergrate x^{d['p']}*ln(x) from x = {d['lo']} to x = {d['hi']} — definite integral, a number is fine"

    def parse(t):
        m = re.search(r"intergrate (x\^(\d+)\*ln\(x\)) from x = (-?\d+) to x = (-?\d+)", t)
        d = {"p": int(m.group(2)), "lo": int(m.group(3)), "hi": int(m.group(4))}
        assert sp.simplify(sym(m.group(1).replace("ln", "log")) - expr(d)) == 0
        return d

    def lib(d):
        return [float(sp.integrate(expr(d), (X, d["lo"], d["hi"])))]

    def hand(d):
        return [mp.quad(lambda x: x ** d["p"] * mp.log(x), [d["lo"], d["hi"]])]
    add("v45", 4, data, render, parse, lib, hand, [("integral", "stat")], ["integrate"],
        "definite integral of x^2 ln x from 1 to 3 = 9 ln 3 - 26/9 (misspelt 'intergrate')")


def v46():
    data = {"p": 2, "r": 3}

    def expr(d):
        return X ** d["p"] * sp.exp(-d["r"] * X)

    def render(d):
        return f"Evaluate the improper integral ∫₀^∞ x^{d['p']} e^(-{d['r']}x) dx."

    def parse(t):
        m = re.search(r"∫₀\^∞ (x\^(\d+) e\^\(-(\d+)x\)) dx\.", t)
        d = {"p": int(m.group(2)), "r": int(m.group(3))}
        s = re.sub(r"e\^\(-(\d+)x\)", r"*exp(-\1*x)", m.group(1)).replace(" ", "")
        assert sp.simplify(sym(s) - expr(d)) == 0
        return d

    def lib(d):
        return [float(sp.integrate(expr(d), (X, 0, sp.oo)))]

    def hand(d):
        return [mp.quad(lambda x: x ** d["p"] * mp.exp(-d["r"] * x), [0, 1, mp.inf])]
    add("v46", 4, data, render, parse, lib, hand, [("integral", "stat")], ["integrate"],
        "improper integral of x^2 e^(-3x) over [0, inf) = 2/27")


def v47():
    data = {"a": 3, "b": 3}

    def expr(d):
        return (sp.exp(d["a"] * X) - 1 - d["b"] * X) / X ** 2

    def render(d):
        return f"lmit as x -> 0 of (e^({d['a']}x) - 1 - {d['b']}x)/x^2 ?"

    def parse(t):
        m = re.search(r"lmit as x -> 0 of (\(e\^\((\d+)x\) - 1 - (\d+)x\)/x\^2) \?", t)
        d = {"a": int(m.group(2)), "b": int(m.group(3))}
        s = re.sub(r"e\^\((\d+)x\)", r"exp(\1*x)", m.group(1))
        s = re.sub(r"(\d)x", r"\1*x", s)
        assert sp.simplify(sym(s) - expr(d)) == 0
        return d

    def lib(d):
        return [float(sp.limit(expr(d), X, 0))]

    def hand(d):
        f = lambda x: (mp.exp(d["a"] * x) - 1 - d["b"] * x) / x ** 2
        return [mp.limit(f, 0)]
    add("v47", 4, data, render, parse, lib, hand, [("limit", "stat")], ["limit"],
        "limit x->0 of (e^(3x) - 1 - 3x)/x^2 = 9/2 (misspelt 'lmit')")


def v48():
    data = {"a": 2, "b": 3, "k1": 3, "k2": 4}

    def expr(d):
        return sp.exp(d["a"] * X) * sp.cos(d["b"] * X)

    def render(d):
        return (f"Taylor expand exp({d['a']}x)*cos({d['b']}x) about x = 0 up to x^{max(d['k1'], d['k2'])}. What are the "
                f"coefficients of x^{d['k1']} and x^{d['k2']}?")

    def parse(t):
        m = re.search(r"Taylor expand exp\((\d+)x\)\*cos\((\d+)x\) about x = 0 up to x\^(\d+)\.", t)
        c = re.search(r"coefficients of x\^(\d+) and x\^(\d+)\?", t)
        d = {"a": int(m.group(1)), "b": int(m.group(2)), "k1": int(c.group(1)), "k2": int(c.group(2))}
        assert int(m.group(3)) == max(d["k1"], d["k2"])
        return d

    def lib(d):
        s = sp.series(expr(d), X, 0, max(d["k1"], d["k2"]) + 1).removeO()
        return [float(s.coeff(X, d["k1"])), float(s.coeff(X, d["k2"]))]

    def hand(d):
        c = mp.taylor(lambda x: mp.exp(d["a"] * x) * mp.cos(d["b"] * x), 0, max(d["k1"], d["k2"]))
        return [c[d["k1"]], c[d["k2"]]]
    add("v48", 4, data, render, parse, lib, hand,
        [("coefficient of x^3", "stat"), ("coefficient of x^4", "stat")], ["series"],
        "Maclaurin coefficients of e^(2x) cos(3x): Re((2+3i)^n)/n! for n = 3, 4")


def v49():
    data = {"p": 2, "q": 5}

    def render(d):
        return f"Solve x^3 + {d['p']}x - {d['q']} = 0 for x (just the real root)"

    def parse(t):
        m = re.search(r"Solve (x\^3 \+ (\d+)x - (\d+)) = 0 for x", t)
        d = {"p": int(m.group(2)), "q": int(m.group(3))}
        assert sp.expand(sym(re.sub(r"(\d)x", r"\1*x", m.group(1))) - (X ** 3 + d["p"] * X - d["q"])) == 0
        return d

    def lib(d):
        rr = sp.Poly(X ** 3 + d["p"] * X - d["q"], X).real_roots()
        assert len(rr) == 1
        return [float(sp.N(rr[0], 30))]

    def hand(d):
        roots = mp.polyroots([1, 0, d["p"], -d["q"]], maxsteps=200, extraprec=60)
        real = [r for r in roots if abs(mp.im(r)) < mp.mpf("1e-20")]
        assert len(real) == 1
        return [mp.re(real[0])]
    add("v49", 4, data, render, parse, lib, hand, [("root", "stat")], ["solve"],
        "single real root of x^3 + 2x - 5 = 0 (about 1.3283)")


def v50():
    data = {"a": 3, "b": 5, "r1": 1, "s2": 2, "s3": 3}

    def expr(d):
        return (d["a"] * X + d["b"]) / ((X - d["r1"]) * (X + d["s2"]) * (X + d["s3"]))

    def render(d):
        return (f"Partial fractions: ({d['a']}x + {d['b']})/((x - {d['r1']})(x + {d['s2']})(x + {d['s3']})). Give A, B and C "
                f"in A/(x - {d['r1']}) + B/(x + {d['s2']}) + C/(x + {d['s3']}).")

    def parse(t):
        m = re.search(r"\((\d+)x \+ (\d+)\)/\(\(x - (\d+)\)\(x \+ (\d+)\)\(x \+ (\d+)\)\)", t)
        d = {"a": int(m.group(1)), "b": int(m.group(2)), "r1": int(m.group(3)), "s2": int(m.group(4)),
             "s3": int(m.group(5))}
        m2 = re.search(r"A/\(x - (\d+)\) \+ B/\(x \+ (\d+)\) \+ C/\(x \+ (\d+)\)", t)
        assert [int(g) for g in m2.groups()] == [d["r1"], d["s2"], d["s3"]]
        return d

    def lib(d):
        out = {}
        for term in sp.Add.make_args(sp.apart(expr(d), X)):
            num, den = sp.fraction(sp.together(term))
            pden = sp.Poly(den, X)
            assert pden.degree() == 1
            lead = pden.LC()
            root = sp.solve(den, X)[0]
            out[root] = num / lead
        return [float(out[d["r1"]]), float(out[-d["s2"]]), float(out[-d["s3"]])]

    def hand(d):
        a, b = Fr(d["a"]), Fr(d["b"])
        r = [Fr(d["r1"]), Fr(-d["s2"]), Fr(-d["s3"])]
        res = []
        for i in range(3):
            den = Fr(1)
            for j in range(3):
                if j != i:
                    den *= (r[i] - r[j])
            res.append(M((a * r[i] + b) / den))
        return res
    add("v50", 4, data, render, parse, lib, hand, [("A", "stat"), ("B", "stat"), ("C", "stat")], ["simplify"],
        "partial fractions of (3x+5)/((x-1)(x+2)(x+3)): A = 2/3, B = 1/3, C = -1 (cover-up rule)")


def v51():
    data = {"a": 3}

    def render(d):
        a = d["a"]
        return (f"simplfy (x^3 - {a ** 3})/(x^2 - {a ** 2}), then tell me what the simplified expression equals at "
                f"x = {a}")

    def parse(t):
        m = re.search(r"simplfy \(x\^3 - (\d+)\)/\(x\^2 - (\d+)\), then tell me what the simplified expression "
                      r"equals at x = (\d+)", t)
        a = int(m.group(3))
        assert int(m.group(1)) == a ** 3 and int(m.group(2)) == a ** 2
        return {"a": a}

    def lib(d):
        a = d["a"]
        e = sp.cancel((X ** 3 - a ** 3) / (X ** 2 - a ** 2))
        return [float(e.subs(X, a))]

    def hand(d):
        a = Fr(d["a"])
        # (x^2 + a x + a^2)/(x + a) at x = a
        return [M((a * a + a * a + a * a) / (2 * a))]
    add("v51", 4, data, render, parse, lib, hand, [("value at x=3", "stat")], ["simplify", "evaluate"],
        "cancel (x^3-27)/(x^2-9) to (x^2+3x+9)/(x+3) and evaluate at x = 3 -> 9/2 (misspelt 'simplfy')")


def v52():
    while True:
        A = rng.integers(-4, 8, (4, 4)).tolist()
        det = int(round(np.linalg.det(np.array(A, float))))
        if det != 0 and abs(det) < 2000:
            break
    data = {"A": [[int(v) for v in row] for row in A]}

    def render(d):
        rows = "\n".join("  ".join(f"{v:>3}" for v in row) for row in d["A"])
        return "whats the detrminant of this 4x4 matrix:\n\n" + rows + "\n"

    def parse(t):
        rows = re.findall(r"^((?:[ \t]*-?\d+){4})[ \t]*$", t, re.M)
        return {"A": [[int(v) for v in r.split()] for r in rows]}

    def lib(d):
        return [int(sp.Matrix(d["A"]).det())]

    def hand(d):
        v = cofactor_det(d["A"])
        assert v.denominator == 1
        return [int(v)]
    add("v52", 4, data, render, parse, lib, hand, [("determinant", "int")], ["matrix"],
        "determinant of an integer 4x4 matrix (misspelt 'detrminant')")


def v53():
    while True:
        A = rng.integers(-3, 7, (3, 3)).tolist()
        Ms = sp.Matrix(A)
        if Ms.det() == 0:
            continue
        inv = Ms.inv()
        if inv[0, 0] != 0 and inv[1, 2] != 0:
            break
    data = {"A": [[int(v) for v in row] for row in A]}

    def render(d):
        return (f"A = {d['A']}\nneed the inverse of A — specifically the entries in row 1, column 1 and in row 2, "
                "column 3 of A^-1")

    def parse(t):
        m = re.search(r"A = (\[\[.*?\]\])\n", t)
        return {"A": ast.literal_eval(m.group(1))}

    def lib(d):
        inv = sp.Matrix(d["A"]).inv()
        return [float(inv[0, 0]), float(inv[1, 2])]

    def hand(d):
        inv = adjugate_inverse(d["A"])
        return [M(inv[0][0]), M(inv[1][2])]
    add("v53", 4, data, render, parse, lib, hand,
        [("inverse entry (1,1)", "stat"), ("inverse entry (2,3)", "stat")], ["matrix"],
        "entries (1,1) and (2,3) of the inverse of an integer 3x3 matrix (adjugate / determinant)")


def v54():
    while True:
        B = rng.integers(-2, 6, (3, 3))
        S = np.triu(B) + np.triu(B, 1).T
        ev = np.linalg.eigvalsh(S.astype(float))
        if min(abs(ev)) > 0.05 and min(np.diff(ev)) > 0.05:
            break
    data = {"S": [[int(v) for v in row] for row in S]}

    def render(d):
        rows = "\n".join("| " + " ".join(f"{v:>2}" for v in row) + " |" for row in d["S"])
        return "eigen values of the symmetric matrix\n\n" + rows + "\n\nlargest and smallest?"

    def parse(t):
        rows = re.findall(r"^\|((?:[ \t]+-?\d+){3}) \|$", t, re.M)
        return {"S": [[int(v) for v in r.split()] for r in rows]}

    def lib(d):
        ev = np.real(np.linalg.eigvals(np.array(d["S"], float)))
        return [ev.max(), ev.min()]

    def hand(d):
        cp = faddeev_charpoly(d["S"])
        roots = mp.polyroots([M(c) for c in cp], maxsteps=200, extraprec=80)
        re_ = sorted(mp.re(r) for r in roots)
        return [re_[-1], re_[0]]
    add("v54", 4, data, render, parse, lib, hand,
        [("largest eigenvalue", "stat"), ("smallest eigenvalue", "stat")], ["matrix"],
        "largest and smallest eigenvalues of a symmetric integer 3x3 matrix ('eigen values')")


def lin_lhs(coefs, names="xyz"):
    s = ""
    for c, v in zip(coefs, names):
        if c == 0:
            continue
        mag = "" if abs(c) == 1 else str(abs(c))
        if not s:
            s = ("-" if c < 0 else "") + mag + v
        else:
            s += (" - " if c < 0 else " + ") + mag + v
    return s or "0"


def v55():
    while True:
        A = rng.integers(-4, 6, (3, 3))
        b = rng.integers(-10, 13, 3)
        if round(np.linalg.det(A.astype(float))) == 0 or (A == 0).any():
            continue
        sol = np.linalg.solve(A.astype(float), b.astype(float))
        if min(abs(sol)) > 0.05:
            break
    data = {"A": [[int(v) for v in row] for row in A], "b": [int(v) for v in b]}

    def render(d):
        eqs = "\n".join(f"{lin_lhs(row)} = {rhs}" for row, rhs in zip(d["A"], d["b"]))
        return "Solve the system\n" + eqs + "\nfor x, y and z."

    def parse(t):
        lines = re.search(r"Solve the system\n(.*)\nfor x, y and z\.", t, re.S).group(1).split("\n")
        from sympy.parsing.sympy_parser import parse_expr, standard_transformations, implicit_multiplication
        tr = standard_transformations + (implicit_multiplication,)
        Z = sp.Symbol("z")
        eqs = []
        for ln in lines:
            lhs, rhs = ln.split(" = ")
            eqs.append(sp.Eq(parse_expr(lhs, local_dict={"x": X, "y": Y, "z": Z}, transformations=tr), int(rhs)))
        Am, bm = sp.linear_eq_to_matrix(eqs, [X, Y, Z])
        return {"A": [[int(v) for v in Am.row(i)] for i in range(3)], "b": [int(v) for v in bm]}

    def lib(d):
        s = np.linalg.solve(np.array(d["A"], float), np.array(d["b"], float))
        return list(s)

    def hand(d):
        A = d["A"]; det = cofactor_det(A)
        out = []
        for j in range(3):
            Aj = [[(d["b"][i] if c == j else A[i][c]) for c in range(3)] for i in range(3)]
            out.append(M(cofactor_det(Aj) / det))
        return out
    add("v55", 4, data, render, parse, lib, hand, [("x", "stat"), ("y", "stat"), ("z", "stat")], ["solve", "matrix"],
        "3x3 linear system solved exactly (Cramer's rule)")


def v56():
    data = {"A": [[1, 2, 3, 4], [2, 0, 1, 5], [3, 1, 4, 2]]}

    def render(d):
        return f"det of {d['A']} please"

    def parse(t):
        return {"A": ast.literal_eval(re.search(r"det of (\[\[.*\]\]) please", t).group(1))}

    def defect(d, text):
        assert len(d["A"]) == 3 and all(len(r) == 4 for r in d["A"])   # 3x4: determinant undefined
    add("v56", 4, data, render, parse, None, None, [], ["matrix"],
        "refuse: a determinant is defined only for square matrices; this one is 3x4",
        refuse=True, defect=defect, reason="wrong shape: determinant of a 3x4 (non-square) matrix")


for _f in (v43, v44, v45, v46, v47, v48, v49, v50, v51, v52, v53, v54, v55, v56):
    _f()

# =====================================================================
# KIND 5 -- named tests
# =====================================================================

def v57():
    data = {"f1": 2, "n1": 14, "f2": 8, "n2": 13}

    def render(d):
        return (f"Salt-spray test: of {d['n1']} panels with the new coating, {d['f1']} failed; of {d['n2']} with the old "
                f"coating, {d['f2']} failed. Fisher's exact test, two-sided — p-value? Also the sample odds ratio of "
                "failure, new vs old.")

    def parse(t):
        a = re.search(r"of (\d+) panels with the new coating, (\d+) failed", t)
        b = re.search(r"of (\d+) with the old coating, (\d+) failed", t)
        return {"f1": int(a.group(2)), "n1": int(a.group(1)), "f2": int(b.group(2)), "n2": int(b.group(1))}

    def lib(d):
        tab = [[d["f1"], d["n1"] - d["f1"]], [d["f2"], d["n2"] - d["f2"]]]
        assert min(map(min, tab)) >= 0
        r = st.fisher_exact(tab)
        return [r.pvalue, r.statistic]

    def hand(d):
        a, b, c, dd = d["f1"], d["n1"] - d["f1"], d["f2"], d["n2"] - d["f2"]
        r1, r2, c1 = a + b, c + dd, a + c
        N = r1 + r2
        pr = lambda x: Fr(math.comb(r1, x) * math.comb(r2, c1 - x), math.comb(N, c1))
        p0 = pr(a)
        p = sum((pr(x) for x in range(max(0, c1 - r2), min(r1, c1) + 1) if pr(x) <= p0 * (1 + Fr(1, 10 ** 7))), Fr(0))
        return [M(p), M(Fr(a * dd, b * c))]
    add("v57", 5, data, render, parse, lib, hand,
        [("p", "p"), ("odds ratio (new vs old)", "stat")], ["proportion_test"],
        "Fisher's exact test on the 2x2 [[2,12],[8,5]], two-sided, and the sample odds ratio ad/bc")


def v58():
    data = {"n": 60, "x": 7, "p0": 5}

    def render(d):
        return (f"We inspected {d['n']} welds and {d['x']} were defective. The vendor claims a {d['p0']}% defect rate. "
                "Exact binomial test, two-sided: p-value, and what's the observed defect proportion?")

    def parse(t):
        m = re.search(r"We inspected (\d+) welds and (\d+) were defective", t)
        return {"n": int(m.group(1)), "x": int(m.group(2)),
                "p0": int(re.search(r"claims a (\d+)% defect rate", t).group(1))}

    def lib(d):
        r = st.binomtest(d["x"], d["n"], d["p0"] / 100)
        return [r.pvalue, d["x"] / d["n"]]

    def hand(d):
        n, x, p0 = d["n"], d["x"], Fr(d["p0"], 100)
        pmf = lambda k: math.comb(n, k) * p0 ** k * (1 - p0) ** (n - k)
        px = pmf(x)
        p = sum((pmf(k) for k in range(n + 1) if pmf(k) <= px * (1 + Fr(1, 10 ** 7))), Fr(0))
        return [M(min(p, Fr(1))), M(Fr(x, n))]
    add("v58", 5, data, render, parse, lib, hand,
        [("p", "p"), ("observed proportion", "stat")], ["proportion_test"],
        "exact two-sided binomial test of 7/60 against p0 = 0.05")


def v59():
    while True:
        g = [R1(rng.normal(20, s, 8)) for s in (0.8, 1.7, 1.0)]
        r = st.bartlett(*g)
        if 0.003 < r.pvalue < 0.2:
            break
    data = {"A": g[0], "B": g[1], "C": g[2]}

    def render(d):
        lines = ["Vendor A   Vendor B   Vendor C"]
        for a, b, c in zip(d["A"], d["B"], d["C"]):
            lines.append(f"{f1(a):>8}   {f1(b):>8}   {f1(c):>8}")
        return ("Bartlett's test for equal variances across the three vendors (bracket torque, N·m):\n\n" +
                "\n".join(lines))

    def parse(t):
        rows = re.findall(r"^\s*(" + NUM + r")\s+(" + NUM + r")\s+(" + NUM + r")$", t, re.M)
        return {"A": [tonum(r[0]) for r in rows], "B": [tonum(r[1]) for r in rows], "C": [tonum(r[2]) for r in rows]}

    def lib(d):
        r = st.bartlett(d["A"], d["B"], d["C"])
        return [r.statistic, r.pvalue]

    def hand(d):
        gs = [d["A"], d["B"], d["C"]]
        k = len(gs); N = sum(len(g) for g in gs)
        vs = [fvar(g) for g in gs]
        sp2 = sum(((len(g) - 1) * v for g, v in zip(gs, vs)), Fr(0)) / (N - k)
        num = (N - k) * mp.log(M(sp2)) - sum((len(g) - 1) * mp.log(M(v)) for g, v in zip(gs, vs))
        den = 1 + (sum(Fr(1, len(g) - 1) for g in gs) - Fr(1, N - k)) / (3 * (k - 1))
        T = num / M(den)
        return [T, h_chi2sf(T, k - 1)]
    add("v59", 5, data, render, parse, lib, hand,
        [("chi2 (Bartlett statistic)", "stat"), ("p", "p")], ["variance_test"],
        "Bartlett's test of equal variances across three columns of 8")


def v60():
    while True:
        a = R2(rng.normal(0.0, 0.12, 10)); b = R2(rng.normal(0.0, 0.24, 12))
        F = np.var(a, ddof=1) / np.var(b, ddof=1)
        p = 2 * min(st.f.cdf(F, 9, 11), st.f.sf(F, 9, 11))
        if 0.003 < p < 0.2:
            break
    data = {"A": a, "B": b}

    def render(d):
        return ("Two filling heads, deviation from target fill (g):\nHead A: " + ", ".join(f2(v) for v in d["A"]) +
                "\nHead B: " + ", ".join(f2(v) for v in d["B"]) +
                "\nF-test for equality of variances — report F = s²(A)/s²(B) and the two-sided p.")

    def parse(t):
        return {"A": nums(re.search(r"^Head A: (.*)$", t, re.M).group(1)),
                "B": nums(re.search(r"^Head B: (.*)$", t, re.M).group(1))}

    def lib(d):
        F = np.var(d["A"], ddof=1) / np.var(d["B"], ddof=1)
        d1, d2 = len(d["A"]) - 1, len(d["B"]) - 1
        return [F, 2 * min(st.f.cdf(F, d1, d2), st.f.sf(F, d1, d2))]

    def hand(d):
        F = fvar(d["A"]) / fvar(d["B"])
        d1, d2 = len(d["A"]) - 1, len(d["B"]) - 1
        sf = h_Fsf(F, d1, d2)
        return [M(F), 2 * min(sf, 1 - sf)]
    add("v60", 5, data, render, parse, lib, hand,
        [("F (s²A/s²B)", "stat"), ("p", "p")], ["variance_test"],
        "two-sided F test of two variances, F = var(A)/var(B) with (9, 11) df")


def h_shapiro(x):
    n = len(x)
    xs = sorted(M(Q(v)) for v in x)
    nn2 = n // 2
    ppnd = lambda p: mp.sqrt(2) * mp.erfinv(2 * p - 1)
    m = [ppnd((i - mp.mpf("0.375")) / (n + mp.mpf("0.25"))) for i in range(1, nn2 + 1)]
    summ2 = 2 * sum(v * v for v in m)
    ssumm2 = mp.sqrt(summ2)
    rsn = 1 / mp.sqrt(n)
    poly = lambda c, z: sum(cc * z ** i for i, cc in enumerate(c))
    c1 = [0, mp.mpf("0.221157"), mp.mpf("-0.147981"), mp.mpf("-2.071190"), mp.mpf("4.434685"), mp.mpf("-2.706056")]
    c2 = [0, mp.mpf("0.042981"), mp.mpf("-0.293762"), mp.mpf("-1.752461"), mp.mpf("5.682633"), mp.mpf("-3.582633")]
    a1 = poly(c1, rsn) - m[0] / ssumm2
    a2 = -m[1] / ssumm2 + poly(c2, rsn)
    fac = mp.sqrt((summ2 - 2 * m[0] ** 2 - 2 * m[1] ** 2) / (1 - 2 * a1 ** 2 - 2 * a2 ** 2))
    a = [a1, a2] + [-m[i] / fac for i in range(2, nn2)]
    num = sum(a[i] * (xs[n - 1 - i] - xs[i]) for i in range(nn2))
    mean = sum(xs) / n
    W = num ** 2 / sum((v - mean) ** 2 for v in xs)
    assert n >= 12
    L = mp.log(n)
    mu = mp.mpf("-1.5861") - mp.mpf("0.31082") * L - mp.mpf("0.083751") * L ** 2 + mp.mpf("0.0038915") * L ** 3
    sg = mp.exp(mp.mpf("-0.4803") - mp.mpf("0.082676") * L + mp.mpf("0.0030302") * L ** 2)
    z = (mp.log(1 - W) - mu) / sg
    return W, h_normsf(z)


def v61():
    while True:
        x = R1(20 + 3 * rng.gamma(4.0, 1.0, 18))
        r = st.shapiro(x)
        if 0.02 < r.pvalue < 0.6:
            break
    data = {"x": x}

    def render(d):
        stream = textwrap.fill(", ".join(f1(v) for v in d["x"]), 50)
        return ("Shapiro-Wilk normality test on these torque readings (N·m), please — W and p:\n" + stream)

    def parse(t):
        return {"x": nums(t.split("W and p:\n", 1)[1])}

    def lib(d):
        r = st.shapiro(d["x"])
        return [r.statistic, r.pvalue]

    def hand(d):
        W, p = h_shapiro(d["x"])
        return [W, p]
    add("v61", 5, data, render, parse, lib, hand, [("W", "stat"), ("p", "p")], ["normality"],
        "Shapiro-Wilk W and p (Royston) on 18 readings given as a wrapped comma-separated stream")


def v62():
    labs = list("ABCDEFGHIJ")
    while True:
        x = R1(rng.normal(7, 1.0, 10))
        y = R1(np.array(x) * 0.6 + rng.normal(2.8, 0.8, 10))
        if len(set(x)) < 10 or len(set(y)) < 10:
            continue
        r = st.kendalltau(x, y, method="exact")
        if 0.003 < r.pvalue < 0.2:
            break
    data = {"x": x, "y": y}

    def render(d):
        lines = ["wine   taster_1   taster_2"]
        for l, a, b in zip(labs, d["x"], d["y"]):
            lines.append(f"{l:<6} {f1(a):>8}   {f1(b):>8}")
        return ("Kendall's tau (tau-b) between the two tasters' scores, with the exact two-sided p-value:\n\n" +
                "\n".join(lines))

    def parse(t):
        rows = re.findall(r"^([A-J])\s+(" + NUM + r")\s+(" + NUM + r")$", t, re.M)
        assert [r[0] for r in rows] == labs
        return {"x": [tonum(r[1]) for r in rows], "y": [tonum(r[2]) for r in rows]}

    def lib(d):
        r = st.kendalltau(d["x"], d["y"], method="exact")
        return [r.statistic, r.pvalue]

    def hand(d):
        xs = [Q(v) for v in d["x"]]; ys = [Q(v) for v in d["y"]]
        n = len(xs); C = D = 0
        for i in range(n):
            for j in range(i + 1, n):
                s = (xs[i] - xs[j]) * (ys[i] - ys[j])
                assert s != 0
                C += s > 0; D += s < 0
        tot = n * (n - 1) // 2
        tau = Fr(C - D, tot)
        dist = mahonian(n); T = sum(dist)
        c = min(D, tot - D)
        p = min(Fr(1), 2 * Fr(sum(dist[:c + 1]), T))
        return [M(tau), M(p)]
    add("v62", 5, data, render, parse, lib, hand, [("tau", "stat"), ("p", "p")], ["correlation"],
        "Kendall tau-b (no ties) with exact permutation p-value")


def v63():
    while True:
        x = R1(rng.uniform(40, 60, 12))
        y = R1(80 - 0.9 * np.array(x) + rng.normal(0, 4, 12))
        r = st.pearsonr(x, y)
        if 0.001 < r.pvalue < 0.05:
            break
    data = {"x": x, "y": y}

    def render(d):
        return ("x (hardness, HRC): " + " ".join(f1(v) for v in d["x"]) + "\n"
                "pearson correlation between these and the wear figures below please (r and p) —\n"
                "y (wear loss, mg): " + " ".join(f1(v) for v in d["y"]))

    def parse(t):
        return {"x": nums(re.search(r"^x \(hardness, HRC\): (.*)$", t, re.M).group(1)),
                "y": nums(re.search(r"^y \(wear loss, mg\): (.*)$", t, re.M).group(1))}

    def lib(d):
        r = st.pearsonr(d["x"], d["y"])
        return [r.statistic, r.pvalue]

    def hand(d):
        r = h_pearson(d["x"], d["y"])
        return [r, h_corr_p(r, len(d["x"]))]
    add("v63", 5, data, render, parse, lib, hand, [("r", "stat"), ("p", "p")], ["correlation"],
        "Pearson r with the t-based two-sided p")


def v64():
    ops = ["Ann", "Ben", "Cal"]
    eff = {"Ann": 0.0, "Ben": 1.1, "Cal": -0.4}
    meff = [0.0, 0.6]
    while True:
        cells = [[R1(50 + eff[o] + meff[j] + (0.7 if (o == "Cal" and j == 1) else 0) + rng.normal(0, 0.6, 3))
                  for j in range(2)] for o in ops]
        dfl = pd.DataFrame([(o, j, v) for i, o in enumerate(ops) for j in range(2) for v in cells[i][j]],
                           columns=["op", "m", "y"])
        fit = smf.ols("y ~ C(op) * C(m)", data=dfl).fit()
        tab = sm.stats.anova_lm(fit, typ=2)
        if 0.002 < tab.loc["C(op)", "PR(>F)"] < 0.1 and 0.05 < tab.loc["C(op):C(m)", "PR(>F)"] < 0.9:
            break
    data = {"cells": cells}

    def render(d):
        lines = ["operator | machine M1       | machine M2", "---------|------------------|-----------------"]
        for o, row in zip(ops, d["cells"]):
            lines.append(f"{o:<8} | " + " | ".join(", ".join(f1(v) for v in c) for c in row))
        return ("Two-way ANOVA with interaction (operator × machine, 3 repeat measurements per cell, balanced):\n\n" +
                "\n".join(lines) + "\n\nI need F for operator, its p-value, and F for the interaction.")

    def parse(t):
        rows = re.findall(r"^(Ann|Ben|Cal)\s*\| (.*?) \| (.*)$", t, re.M)
        assert [r[0] for r in rows] == ops
        return {"cells": [[nums(r[1]), nums(r[2])] for r in rows]}

    def lib(d):
        dfl = pd.DataFrame([(o, j, v) for i, o in enumerate(ops) for j in range(2) for v in d["cells"][i][j]],
                           columns=["op", "m", "y"])
        tab = sm.stats.anova_lm(smf.ols("y ~ C(op) * C(m)", data=dfl).fit(), typ=2)
        return [tab.loc["C(op)", "F"], tab.loc["C(op)", "PR(>F)"], tab.loc["C(op):C(m)", "F"]]

    def hand(d):
        C = [[[Q(v) for v in c] for c in row] for row in d["cells"]]
        a, b, r = len(C), len(C[0]), len(C[0][0])
        allv = [v for row in C for c in row for v in c]
        g = fmean(allv)
        mi = [fmean([v for c in row for v in c]) for row in C]
        mj = [fmean([v for row in C for v in row[j]]) for j in range(b)]
        mij = [[fmean(c) for c in row] for row in C]
        ssa = b * r * sum(((m - g) ** 2 for m in mi), Fr(0))
        ssab = r * sum(((mij[i][j] - mi[i] - mj[j] + g) ** 2 for i in range(a) for j in range(b)), Fr(0))
        sse = sum((fss(c) for row in C for c in row), Fr(0))
        dfe = a * b * (r - 1)
        FA = (ssa / (a - 1)) / (sse / dfe)
        FAB = (ssab / ((a - 1) * (b - 1))) / (sse / dfe)
        return [M(FA), h_Fsf(FA, a - 1, dfe), M(FAB)]
    add("v64", 5, data, render, parse, lib, hand,
        [("F (operator)", "stat"), ("p (operator)", "p"), ("F (interaction)", "stat")], ["anova_twoway"],
        "balanced two-way ANOVA with interaction, 3x2 cells of 3 given as a grid; F and p for operator, F for interaction")


def v65():
    sizes = [7, 10, 8]
    while True:
        g = [R1(rng.normal(m, s, n)) for m, s, n in zip((71.0, 73.5, 70.2), (1.0, 3.2, 1.6), sizes)]
        r = anova_oneway(g, use_var="unequal")
        if 0.003 < r.pvalue < 0.2:
            break
    data = {"A": g[0], "B": g[1], "C": g[2]}

    def render(d):
        return ("Run Welch's ANOVA (the variances are clearly unequal) on these three catalyst batches — conversion %:\n" +
                "\n".join(f"cat-{k}: " + " ".join(f1(v) for v in d[k]) for k in "ABC") +
                "\nF, the denominator df and p please.")

    def parse(t):
        rows = re.findall(r"^cat-([ABC]): (.*)$", t, re.M)
        return {r[0]: nums(r[1]) for r in rows}

    def lib(d):
        r = anova_oneway([d["A"], d["B"], d["C"]], use_var="unequal", welch_correction=True)
        return [r.statistic, float(r.df[1]), r.pvalue]

    def hand(d):
        gs = [d["A"], d["B"], d["C"]]; k = len(gs)
        w = [Fr(len(g)) / fvar(g) for g in gs]
        W = sum(w)
        xw = sum((wi * fmean(g) for wi, g in zip(w, gs)), Fr(0)) / W
        A = sum((wi * (fmean(g) - xw) ** 2 for wi, g in zip(w, gs)), Fr(0)) / (k - 1)
        tmp = sum(((1 - wi / W) ** 2 / (len(g) - 1) for wi, g in zip(w, gs)), Fr(0))
        B = 1 + Fr(2 * (k - 2), k * k - 1) * tmp
        F = A / B
        df2 = Fr(k * k - 1) / (3 * tmp)
        return [M(F), M(df2), h_Fsf(F, k - 1, df2)]
    add("v65", 5, data, render, parse, lib, hand,
        [("F", "stat"), ("df2", "stat"), ("p", "p")], ["anova_oneway"],
        "Welch's one-way ANOVA (unequal variances): F, Welch denominator df, p")


def v66():
    while True:
        x = R2(rng.normal(10.42, 0.6, 12))
        dd = [Q(v) - Q(10.0) for v in x]
        ad = [abs(v) for v in dd]
        if 0 in ad or len(set(ad)) < len(ad):
            continue
        p = st.wilcoxon(np.array(x) - 10.0, method="exact").pvalue
        if 0.005 < p < 0.3:
            break
    data = {"x": x, "m0": 10.0}

    def render(d):
        return (f"Surface roughness Ra (µm) on {len(d['x'])} parts: " + ", ".join(f2(v) for v in d["x"]) +
                f". Is the median different from {d['m0']:.1f} µm? Wilcoxon signed-rank test with the exact p, "
                "and report W as the smaller rank sum.")

    def parse(t):
        xs = re.search(r"parts: (.*?)\. Is the median", t).group(1)
        return {"x": nums(xs), "m0": float(re.search(r"different from (" + NUM + r") µm", t).group(1))}

    def lib(d):
        r = st.wilcoxon(np.array(d["x"]) - d["m0"], method="exact")
        return [int(round(r.statistic)), r.pvalue]

    def hand(d):
        dd = [Q(v) - Q(d["m0"]) for v in d["x"]]
        rk = h_ranks([abs(v) for v in dd])
        wp = sum((r for r, v in zip(rk, dd) if v > 0), Fr(0)); wm = sum((r for r, v in zip(rk, dd) if v < 0), Fr(0))
        w = min(wp, wm); assert w.denominator == 1
        n = len(dd); c = signrank_counts(n)
        return [int(w), M(min(Fr(1), 2 * Fr(sum(c[:int(w) + 1]), 2 ** n)))]
    add("v66", 5, data, render, parse, lib, hand,
        [("W (smaller rank sum)", "int"), ("p", "p")], ["wilcoxon_signed_rank"],
        "one-sample Wilcoxon signed-rank test against median 10.0, exact p")


def v67():
    data = {"m1": 12.41, "s1": 0.83, "n1": 15, "m2": 11.78, "s2": 1.21, "n2": 12}

    def render(d):
        return (f"Line A: mean {d['m1']:.2f}, SD {d['s1']:.2f}, n = {d['n1']}. Line B: mean {d['m2']:.2f}, SD {d['s2']:.2f}, "
                f"n = {d['n2']}. Welch two-sample t-test (unequal variances) from these summaries — t, df and the "
                "two-sided p?")

    def parse(t):
        a = re.search(r"Line A: mean (" + NUM + r"), SD (" + NUM + r"), n = (\d+)\.", t)
        b = re.search(r"Line B: mean (" + NUM + r"), SD (" + NUM + r"), n = (\d+)\.", t)
        return {"m1": float(a.group(1)), "s1": float(a.group(2)), "n1": int(a.group(3)),
                "m2": float(b.group(1)), "s2": float(b.group(2)), "n2": int(b.group(3))}

    def lib(d):
        r = st.ttest_ind_from_stats(d["m1"], d["s1"], d["n1"], d["m2"], d["s2"], d["n2"], equal_var=False)
        v1 = d["s1"] ** 2 / d["n1"]; v2 = d["s2"] ** 2 / d["n2"]
        df = (v1 + v2) ** 2 / (v1 ** 2 / (d["n1"] - 1) + v2 ** 2 / (d["n2"] - 1))
        return [abs(r.statistic), df, r.pvalue]

    def hand(d):
        v1 = Q(d["s1"]) ** 2 / d["n1"]; v2 = Q(d["s2"]) ** 2 / d["n2"]
        t = M(Q(d["m1"]) - Q(d["m2"])) / msqrt(v1 + v2)
        df = (v1 + v2) ** 2 / (v1 ** 2 / (d["n1"] - 1) + v2 ** 2 / (d["n2"] - 1))
        return [abs(t), M(df), h_t2(t, M(df))]
    add("v67", 5, data, render, parse, lib, hand,
        [("|t|", "stat"), ("df", "stat"), ("p", "p")], ["summary_t_test"],
        "Welch t-test from summary statistics (means, SDs, n)")


def v68():
    data = {"k": 4, "n": 20, "f": 0.25, "alpha": 0.05}

    def render(d):
        return (f"What's the power of a one-way ANOVA with {d['k']} groups of {d['n']} each, Cohen's f = {d['f']:.2f}, "
                f"α = {d['alpha']:.2f}?")

    def parse(t):
        m = re.search(r"with (\d+) groups of (\d+) each, Cohen's f = (" + NUM + r"), α = (" + NUM + r")\?", t)
        return {"k": int(m.group(1)), "n": int(m.group(2)), "f": float(m.group(3)), "alpha": float(m.group(4))}

    def lib(d):
        return [FTestAnovaPower().power(effect_size=d["f"], nobs=d["k"] * d["n"], alpha=d["alpha"], k_groups=d["k"])]

    def hand(d):
        k, n = d["k"], d["n"]
        d1, d2 = k - 1, k * n - k
        lam = M(Q(d["f"]) ** 2 * k * n)
        Fc = bisect(lambda F: h_Fsf(F, d1, d2) - M(Q(d["alpha"])), mp.mpf("1e-6"), 100)
        xx = d1 * Fc / (d1 * Fc + d2)
        cdf = mp.mpf(0)
        for j in range(400):
            cdf += mp.exp(-lam / 2 + j * mp.log(lam / 2) - mp.loggamma(j + 1)) * \
                mp.betainc(mp.mpf(d1) / 2 + j, mp.mpf(d2) / 2, 0, xx, regularized=True)
        return [1 - cdf]
    add("v68", 5, data, render, parse, lib, hand, [("power", "stat")], ["power"],
        "power of one-way ANOVA, k=4, n=20 per group (N=80), f=0.25, alpha 0.05 (noncentral F, lambda = f^2 N)")


def v69():
    while True:
        b = R1(rng.normal(31.0, 2.0, 10)); a = R1(rng.normal(29.5, 2.0, 9))
        break
    data = {"before": b, "after": a}

    def render(d):
        return ("paired t-test on these please — same operators, assembly time (s) before and after the training:\n"
                "before: " + " ".join(f1(v) for v in d["before"]) + "\n"
                "after:  " + " ".join(f1(v) for v in d["after"]))

    def parse(t):
        return {"before": nums(re.search(r"^before: (.*)$", t, re.M).group(1)),
                "after": nums(re.search(r"^after:  (.*)$", t, re.M).group(1))}

    def defect(d, text):
        assert len(d["before"]) == 10 and len(d["after"]) == 9   # pairs cannot be formed
    add("v69", 5, data, render, parse, None, None, [], ["t_test"],
        "refuse: a paired t-test needs equal-length paired columns; 10 before vs 9 after values",
        refuse=True, defect=defect, reason="wrong shapes: paired test with 10 'before' and 9 'after' values")


def v70():
    data = {"rows": [120, 95, 110], "cols": [290, 35]}

    def render(d):
        r, c = d["rows"], d["cols"]
        return (f"Inspection by shift. Shift totals: day {r[0]}, swing {r[1]}, night {r[2]} units; overall {c[0]} passed "
                f"and {c[1]} failed. Is the failure rate independent of the shift? Chi-square test please.")

    def parse(t):
        m = re.search(r"day (\d+), swing (\d+), night (\d+) units; overall (\d+) passed and (\d+) failed", t)
        g = [int(v) for v in m.groups()]
        return {"rows": g[:3], "cols": g[3:]}

    def defect(d, text):
        assert sum(d["rows"]) == sum(d["cols"])          # consistent margins ...
        assert len(nums(text)) == len(d["rows"]) + len(d["cols"])  # ... but no cell counts at all
    add("v70", 5, data, render, parse, None, None, [], ["chi_square"],
        "refuse: the test of independence needs the 3x2 cell counts; only row and column totals are given",
        refuse=True, defect=defect, reason="missing data: only the margins of the 3x2 table are given, no cell counts")


for _f in (v57, v58, v59, v60, v61, v62, v63, v64, v65, v66, v67, v68, v69, v70):
    _f()

# =====================================================================
# CHECKS AND OUTPUT
# =====================================================================
import copy


def sig6(v):
    return float(f"{float(v):.6g}")


def leaves(obj, path=()):
    if isinstance(obj, dict):
        for k in obj:
            yield from leaves(obj[k], path + (k,))
    elif isinstance(obj, list):
        for i, v in enumerate(obj):
            yield from leaves(v, path + (i,))
    else:
        yield path, obj


def set_leaf(obj, path, val):
    o = copy.deepcopy(obj)
    cur = o
    for p in path[:-1]:
        cur = cur[p]
    cur[path[-1]] = val
    return o


def same(a, b):
    if isinstance(a, dict):
        return isinstance(b, dict) and a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return isinstance(b, list) and len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    if isinstance(a, bool) or isinstance(b, bool):
        return False
    if isinstance(a, int):
        return isinstance(b, int) and a == b
    if isinstance(a, float):
        return isinstance(b, float) and abs(a - b) <= 1e-9 * max(1.0, abs(a))
    return False


def relclose(a, b, tol):
    a = float(a); b = float(b)
    return abs(a - b) <= tol * max(abs(b), 1e-300)


def differs(r1, r2):
    for x, y in zip(r1, r2):
        x = float(x); y = float(y)
        if math.isnan(x) or math.isnan(y) or abs(x - y) > 1e-12 * max(1.0, abs(y)):
            return True
    return False


def main():
    check_spc_table()
    ids = [q["id"] for q in QUESTIONS]
    assert ids == [f"v{i:02d}" for i in range(1, 71)], ids
    for q in QUESTIONS:
        i = int(q["id"][1:])
        assert q["kind"] == (i - 1) // 14 + 1, q["id"]
    assert sum(q["refuse"] for q in QUESTIONS) == 7
    assert len({q["kind"] for q in QUESTIONS if q["refuse"]}) >= 4

    lines = []
    report = {}
    for q in QUESTIONS:
        qid = q["id"]
        text = q["render"](q["data"])
        assert text == q["render"](copy.deepcopy(q["data"])), qid
        for tl in q["tools"]:
            assert tl in TOOLS, (qid, tl)
        tools = list(q["tools"]) + ["dsl_run"]
        assert "dsl_run" in TOOLS
        parsed = q["parse"](text)
        assert same(q["data"], parsed), (qid, q["data"], parsed)
        expect = []
        if q["refuse"]:
            assert q["exp"] == [] and q["lib"] is None and q["reason"]
            q["defect"](parsed, text)
        else:
            assert 1 <= len(q["exp"]) <= 3, qid
            a = q["lib"](q["data"])
            b = q["hand"](q["data"])
            assert len(a) == len(b) == len(q["exp"]), qid
            for (name, kind), va, vb in zip(q["exp"], a, b):
                if kind == "int":
                    assert float(va) == int(round(float(va))) and float(vb) == int(round(float(vb))), (qid, name, va, vb)
                    assert int(round(float(va))) == int(round(float(vb))), (qid, name, va, vb)
                    val = int(round(float(va)))
                else:
                    assert relclose(va, vb, 1e-4), (qid, name, float(va), float(vb))
                    val = sig6(va)
                assert val != 0, (qid, name)
                if kind == "p":
                    assert 1e-4 < float(va) < 0.99, (qid, name, float(va))
                expect.append({"what": name, "value": val, "rel": REL[kind]})
            a2 = q["lib"](parsed)
            for x, y in zip(a2, a):
                assert relclose(x, y, 1e-9) or float(x) == float(y), (qid, x, y)
        # mutation test
        lv = list(leaves(q["data"]))
        changed = 0
        nmut = 0
        for (path, val), delta in itertools.product(lv, (1, 7, 23)):
            nmut += 1
            new = round(val + delta, 10) if isinstance(val, float) else val + delta
            md = set_leaf(q["data"], path, new)
            mt = q["render"](md)
            mpd = q["parse"](mt)
            assert same(md, mpd), (qid, path, md, mpd)
            if not q["refuse"]:
                try:
                    res = q["lib"](md)
                    if differs(res, a):
                        changed += 1
                except Exception:
                    pass
        if not q["refuse"]:
            assert changed >= 1, qid
        report[qid] = {"leaves": len(lv), "mutations": nmut, "mutations_changing_result": changed}
        obj = {"id": qid, "kind": q["kind"], "question": text, "intent": q["intent"], "tools": tools,
               "expect": expect, "refuse": q["refuse"]}
        lines.append(json.dumps(obj, ensure_ascii=False))

    body = "\n".join(lines) + "\n"
    with open(os.path.join(HERE, "round29.jsonl"), "w", encoding="utf-8") as fh:
        fh.write(body)
    md5 = hashlib.md5(body.encode("utf-8")).hexdigest()

    counts = {str(k): sum(1 for q in QUESTIONS if q["kind"] == k) for k in range(1, 6)}
    refusals = [{"id": q["id"], "kind": q["kind"], "reason": q["reason"]} for q in QUESTIONS if q["refuse"]]
    meta = {
        "round": 29, "seed": SEED, "n_questions": len(QUESTIONS),
        "counts_per_kind": counts,
        "refusals_per_kind": {str(k): sum(1 for q in QUESTIONS if q["refuse"] and q["kind"] == k) for k in range(1, 6)},
        "refusals": refusals,
        "loosened_tolerances": [],
        "tolerances": {"statistics, limits, coefficients, effects, power, CI bounds, indices": 0.005,
                       "p-values": 0.02, "integers (runs, df, n, resolution, blocks, rank sums, determinant)": 0},
        "expectations": sum(len(json.loads(l)["expect"]) for l in lines),
        "mutation_test": report,
        "md5_round29_jsonl": md5,
    }
    with open(os.path.join(HERE, "round29_meta.json"), "w", encoding="utf-8") as fh:
        json.dump(meta, fh, indent=2, ensure_ascii=False)
        fh.write("\n")
    write_readme(meta, lines)
    print("md5", md5)
    print("counts", counts)
    for r in refusals:
        print(r["id"], r["kind"], r["reason"])


def write_readme(meta, lines):
    objs = [json.loads(l) for l in lines]
    nmut = sum(r["mutations"] for r in meta["mutation_test"].values())
    kinds = {1: "tables that are not plain numeric columns", 2: "intent carried by wording",
             3: "numbers in prose with roles (designs, power, sampling plans, irrelevant numbers)",
             4: "maths (calculus, algebra, matrices; some typos)", 5: "named tests"}
    out = []
    w = out.append
    w("# Round 29 blind evaluation set\n")
    w("70 questions for the maths/statistics/engineering question-answering agent, written blind: only "
      "`TOOLS.txt` (tool names and one-line descriptions) was read, to name the tools a correct answer would use "
      "and to keep the questions inside what they cover. No agent source, tests or earlier question sets were looked at, "
      "and the agent was not run.\n")
    w("## Files\n")
    w("| file | content |\n|---|---|")
    w("| `make_round29.py` | the single generator: data sets, renderers, parsers, library and hand computations, all checks, outputs |")
    w("| `round29.jsonl` | 70 questions, one JSON object per line: id, kind, question, intent, tools, expect, refuse |")
    w("| `round29_meta.json` | counts, refusal reasons, tolerances, loosened tolerances (none), mutation statistics, md5 |")
    w("| `README.md` | this file (written by the generator) |\n")
    w("Reproduce: `.venv/bin/python tests/data/blind_round29/make_round29.py` from the repository root, or `python make_round29.py` here (about 15 s). The script is deterministic: every random "
      f"data set comes from `numpy.random.default_rng({SEED})`, drawn in id order, and every drawn value is rounded to 1 or 2 "
      "decimals (or is an integer count) before it is used, so the rounded numbers are the data. Two runs give the same md5.\n")
    w(f"md5 of `round29.jsonl`: `{meta['md5_round29_jsonl']}`\n")
    w("## How it was written\n")
    w("Each question is one function in the script holding its data (a dict of numbers only), a renderer that writes the "
      "question text from the data, its own parser that reads the data back out of the text (regular expressions; sympy "
      "for the maths expressions), a library computation and an independent hand computation of every expected value. "
      "Phrasings were written fresh for this round: CSV, TSV, markdown and aligned tables whose first column names a "
      "person, lot, batch, panel, hour or date; `label -> count` and `label: count` lines; signs tables; long-format rows "
      "with a group column; prose lists, semicolon lists and wrapped number streams; question before, after and in the "
      "middle of the data; casual lowercase, typos (diffrentiate, intergrate, lmit, simplfy, detrminant, eigen values), "
      "units, and irrelevant numbers (years, dates, times, building, lot, furnace, press, reactor, bay and week numbers, "
      "operator counts) that must be ignored.\n")
    w("## Counts\n")
    w("| kind | ids | theme | questions | refusals |\n|---|---|---|---|---|")
    for k in range(1, 6):
        w(f"| {k} | v{(k - 1) * 14 + 1:02d}-v{k * 14:02d} | {kinds[k]} | {meta['counts_per_kind'][str(k)]} | "
          f"{meta['refusals_per_kind'][str(k)]} |")
    w(f"\nExpectations: {meta['expectations']} numbers over 63 answerable questions (1-3 each).\n")
    w("## Refusals (refuse = true, expect = [])\n")
    w("| id | kind | defect shown in the text (asserted by the script) |\n|---|---|---|")
    for r in meta["refusals"]:
        w(f"| {r['id']} | {r['kind']} | {r['reason']} |")
    w("\nFor each refusal the script parses the rendered text and asserts the defect on the parsed data/text: the row with "
      "defectives > inspected is present (v13); no sigma, SD, range or data appear, only three numbers (v28); every "
      "generator choice for a 2^(5-2) is enumerated and the best resolution is III < V (v40); only alpha and power appear, "
      "no difference, SD or effect size (v42); the matrix parsed is 3x4 (v56); 10 'before' vs 9 'after' values (v69); "
      "only the five margins appear, no cell counts (v70).\n")
    w("## Checks (all asserted; the script stops on any failure)\n")
    w("* **(a) library value** - scipy.stats (ttest_rel, ttest_1samp, ttest_ind, ttest_ind_from_stats, wilcoxon exact, "
      "mannwhitneyu exact, kruskal, levene(center='median'), bartlett, shapiro, fisher_exact, binomtest, chisquare, "
      "chi2_contingency, pearsonr, spearmanr, kendalltau exact, linregress, f_oneway, f distribution), statsmodels (OLS for "
      "effects and the curvature test, anova_lm for the two-way ANOVA, anova_oneway for Welch's ANOVA, proportions_ztest, "
      "TTestIndPower, TTestPower, NormalIndPower, FTestAnovaPower), sympy (diff, integrate, limit, series, apart, cancel, "
      "real_roots, Matrix det/inv), numpy (eigvals, solve, SPC limits with tabulated A2, D4, A3, B4, d2, E2 = 2.660, "
      "D4(2) = 3.267). Design run counts come from building the design matrix and counting rows (full/mixed factorial, "
      "2^(k-p) from its generators, blocks from block generators, Box-Behnken, CCD, Plackett-Burman from its cyclic "
      "generator with an orthogonality check); resolution from the shortest word of the defining relation.")
    w("* **(b) independent hand value** agreeing with (a) to 1e-4 relative (integers exactly): exact Fraction arithmetic "
      "on the decimal data; p-values from mpmath regularized incomplete beta/gamma and erfc; exact Wilcoxon, Mann-Whitney "
      "and Kendall distributions by enumeration (subset-sum, arrangement and inversion-count recursions); exact "
      "hypergeometric and binomial sums; Shapiro-Wilk re-implemented from Royston's algorithm; power by integrating the "
      "normal over the chi-square mixture (t) and by the Poisson-mixture noncentral F; mpmath diff/quad/limit/taylor/"
      "polyroots; cofactor determinants, adjugate inverse, Faddeev-LeVerrier characteristic polynomial, Cramer's rule, "
      "cover-up partial fractions; closed-form run counts (product of levels x replicates, 2^(k-p) x r + c, 2k(k-1) + c, "
      "2^k + 2k + c, 4 ceil((k+1)/4)) and resolution by searching the design matrix for constant column products. The SPC "
      "table itself is checked against d2 (integral of the range distribution) and c4 (gamma functions).")
    w("* **(c) re-parse** - each question's own parser reads the data back from the rendered text; the parsed data must "
      "equal the original (integers exactly, decimals to 1e-9) and compute(parsed) must equal compute(data) to 1e-9. "
      f"**Mutation test**: every numeric data value is changed in turn by +1, +7 and +23 ({nmut} mutations in all); the "
      "text is re-rendered and re-parsed and the parsed data must equal the mutated data; for every answerable question "
      "at least one mutation changes the computed result. (Refusals have no computed result; their mutations are "
      "checked for parsing only.)")
    w("* **sanity** - ids v01-v70 and kinds 14 x 5; exactly 7 refusals spread over all five kinds; every tool is in "
      "`TOOLS.txt` and `dsl_run` is always included; 1-3 expectations per answerable question; integer expectations "
      "checked exactly; no expected value is 0; every expected p-value lies in (1e-4, 0.99); values stored to 6 "
      "significant figures.\n")
    w("## Conventions\n")
    w("* Names with bars (`|t|`, `|z|`, `|mean difference|`) where the question does not fix the direction; signed names "
      "where it does: one-sample t and `mean − nominal` (x̄ − μ0), coded effects (mean at + minus mean at −), "
      "`F (s²A/s²B)` (ratio order stated), Pearson/Spearman/Kendall coefficients, eigenvalues, partial-fraction constants.")
    w("* Rank tests: W (signed-rank) and U (Mann-Whitney) are the smaller of the two rank sums / U1, U2, as each question "
      "states, with exact p-values (no ties or zeros in those data). Kruskal-Wallis: tie-corrected H, chi-square p. "
      "Spearman: average ranks, t-approximation p. Kendall: tau-b, exact p (no ties).")
    w("* Two-sided unless the question says one-sided (v24 lower-tailed t, v26 one-sided pooled z without continuity "
      "correction). Fisher and binomial two-sided p sum the outcomes no more likely than the observed one. Welch df is "
      "Welch-Satterthwaite. Balanced two-way ANOVA (all SS types agree).")
    w("* SPC: 3-sigma limits with the standard tabulated constants; p and u limits are for the named subgroup's size; "
      "c chart c̄ ± 3√c̄; I-MR with E2 = 2.660 and D4 = 3.267 after dropping the named point and treating the rest as "
      "consecutive. Capability: Pp/Ppk with the overall sigma, Cp/Cpk with sigma = R̄/d2.")
    w("* Designs: a centre point is one run and centre points are not replicated unless the text says so; 'N levels' are "
      "levels; a daily capacity is a block size; CCD alpha for rotatability = (2^k)^(1/4); Plackett-Burman uses the "
      "smallest multiple of 4 above the number of factors.")
    w("* Power/sample size: statsmodels conventions (two-sided tests count both tails); sample sizes are rounded up; "
      "two proportions use Cohen's h with the normal approximation as the question states.\n")
    w("## Tolerances\n")
    w("| expectation | rel |\n|---|---|")
    w("| statistics, limits, coefficients, effects, power, indices, maths values | 0.005 |")
    w("| p-values | 0.02 |")
    w("| integers: runs, blocks, df, n, resolution, rank sums W/U, determinant | 0 |")
    w("\nLoosened tolerances: none.\n")
    w("## Tools named\n")
    used = {}
    for o in objs:
        for t in o["tools"]:
            used[t] = used.get(t, 0) + 1
    w("| tool | questions |\n|---|---|")
    for t in sorted(used, key=lambda k: (-used[k], k)):
        w(f"| {t} | {used[t]} |")
    with open(os.path.join(HERE, "README.md"), "w", encoding="utf-8") as fh:
        fh.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
