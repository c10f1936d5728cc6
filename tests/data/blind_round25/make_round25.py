#!/usr/bin/env python3
"""Blind evaluation round 25 for HAVOC.  Deterministic: holds all data, builds every
question text from its data, computes expectations with (a) a library, checks them with
(b) an independent hand computation and (c) a re-parse of the question text, plus a
mutation test of each re-parser, then writes round25.jsonl."""
import os, re, json, math, copy, itertools
from fractions import Fraction as Fr
import numpy as np, pandas as pd
import scipy.stats as st
import mpmath as mp
import sympy as sp
import statsmodels.api as sm
from statsmodels.formula.api import ols
from statsmodels.stats.proportion import proportions_ztest
from statsmodels.stats.power import TTestIndPower, TTestPower
from statsmodels.stats.oneway import anova_oneway
from sympy.parsing.sympy_parser import (parse_expr, standard_transformations,
        implicit_multiplication_application, convert_xor)

HERE = os.path.dirname(os.path.abspath(__file__))
mp.mp.dps = 30
rng = np.random.default_rng(25250625)
TOOLS = {l.split()[0] for l in open(os.path.join(HERE, "TOOLS.txt")) if l.strip()}
NUM = r"-?\d+(?:\.\d+)?"
TR = standard_transformations + (implicit_multiplication_application, convert_xor)

def nums(s):
    return [float(v) for v in re.findall(NUM, s)]
def ints(s):
    return [int(v) for v in re.findall(r"-?\d+", s)]
def seg(text, a, b=None):
    i = text.index(a) + len(a)
    j = text.index(b, i) if b else len(text)
    return text[i:j]
def g(v):
    return f"{v:g}"
def rnd(a, d=1):
    return [round(float(v), d) for v in a]
def F(x):
    return float(x)

# ---------------------------------------------------------------- hand helpers (mpmath)
def h_mean(x): return mp.fsum([mp.mpf(str(v)) for v in x]) / len(x)
def h_ss(x):
    m = h_mean(x); return mp.fsum([(mp.mpf(str(v)) - m) ** 2 for v in x])
def h_var(x): return h_ss(x) / (len(x) - 1)
def h_t2p(t, df):
    t = mp.mpf(t); df = mp.mpf(df)
    return mp.betainc(df / 2, mp.mpf(1) / 2, 0, df / (df + t * t), regularized=True)
def h_tupper(t, df):          # P(T > t)
    half = h_t2p(abs(t), df) / 2
    return half if t > 0 else 1 - half
def h_Fp(Fv, d1, d2):
    d1 = mp.mpf(d1); d2 = mp.mpf(d2)
    return mp.betainc(d2 / 2, d1 / 2, 0, d2 / (d2 + d1 * mp.mpf(Fv)), regularized=True)
def h_chi2p(x, k): return mp.gammainc(mp.mpf(k) / 2, mp.mpf(x) / 2, mp.inf, regularized=True)
def h_ranks(v):
    idx = sorted(range(len(v)), key=lambda i: v[i]); r = [0] * len(v); i = 0
    while i < len(v):
        j = i
        while j + 1 < len(v) and v[idx[j + 1]] == v[idx[i]]: j += 1
        for k in range(i, j + 1): r[idx[k]] = mp.mpf(i + j + 2) / 2
        i = j + 1
    return r
def h_pearson(x, y):
    mx, my = h_mean(x), h_mean(y)
    sxy = mp.fsum([(mp.mpf(str(a)) - mx) * (mp.mpf(str(b)) - my) for a, b in zip(x, y)])
    sxx = mp.fsum([(mp.mpf(str(a)) - mx) ** 2 for a in x]); syy = mp.fsum([(mp.mpf(str(b)) - my) ** 2 for b in y])
    return sxy / mp.sqrt(sxx * syy)
def h_oneway(groups):
    allv = [v for gg in groups for v in gg]; m = h_mean(allv)
    ssb = mp.fsum([len(gg) * (h_mean(gg) - m) ** 2 for gg in groups]); ssw = mp.fsum([h_ss(gg) for gg in groups])
    d1 = len(groups) - 1; d2 = len(allv) - len(groups); Fv = (ssb / d1) / (ssw / d2)
    return Fv, h_Fp(Fv, d1, d2)
def fsolve_lin(A, b):         # Gaussian elimination in Fractions
    n = len(A); M = [[Fr(x) for x in row] + [Fr(bb)] for row, bb in zip(A, b)]
    for c in range(n):
        p = next(r for r in range(c, n) if M[r][c] != 0); M[c], M[p] = M[p], M[c]
        for r in range(n):
            if r != c and M[r][c] != 0:
                f = M[r][c] / M[c][c]; M[r] = [a - f * q for a, q in zip(M[r], M[c])]
    return [M[i][n] / M[i][i] for i in range(n)]
def fdet(A):
    A = [[Fr(x) for x in r] for r in A]; n = len(A)
    if n == 1: return A[0][0]
    return sum((-1) ** j * A[0][j] * fdet([r[:j] + r[j + 1:] for r in A[1:]]) for j in range(n))
def h_lsq(X, y):              # normal equations solved by Cramer's rule in Fractions
    X = [[Fr(str(v)) for v in r] for r in X]; y = [Fr(str(v)) for v in y]; p = len(X[0])
    XtX = [[sum(r[i] * r[j] for r in X) for j in range(p)] for i in range(p)]
    Xty = [sum(r[i] * yy for r, yy in zip(X, y)) for i in range(p)]
    D = fdet(XtX); beta = []
    for k in range(p):
        Mk = [row[:k] + [Xty[i]] + row[k + 1:] for i, row in enumerate(XtX)]
        beta.append(fdet(Mk) / D)
    fit = [sum(b * v for b, v in zip(beta, r)) for r in X]; my = sum(y) / len(y)
    sse = sum((a - b) ** 2 for a, b in zip(y, fit)); sst = sum((a - my) ** 2 for a in y)
    return beta, 1 - sse / sst
def binom_pmf_fr(k, n, p): return math.comb(n, k) * p ** k * (1 - p) ** (n - k)

# ---------------------------------------------------------------- registry & checks
QS = []
def close(a, b, rel):
    a = float(a); b = float(b)
    return abs(a - b) <= rel * max(abs(a), abs(b), 1e-300)
def default_mutate(d):
    d = copy.deepcopy(d)
    def walk(v):
        if isinstance(v, list):
            for i, x in enumerate(v):
                if isinstance(x, bool): continue
                if isinstance(x, int):
                    v[i] = x + 7; return True
                if isinstance(x, float):
                    v[i] = round(x * 1.37 + 11.3, 2); return True
                if walk(x): return True
        if isinstance(v, dict):
            for x in v.values():
                if walk(x): return True
        return False
    if not walk(d): raise ValueError("nothing to mutate")
    return d

def add(kind, render, data, parse, lib, hand, whats, rels, tools, intent,
        hand_rel=1e-4, mutate=None, intflags=None):
    text = render(data)
    a = [float(v) for v in lib(data)]; b = [float(v) for v in hand(data)]
    assert len(a) == len(b) == len(whats) == len(rels), (text[:60], a, b)
    for w, x, y, r in zip(whats, a, b, rels):
        if r == 0:
            assert x == y and x == int(x), (text[:60], w, x, y)
        else:
            assert close(x, y, hand_rel), ("hand", text[:60], w, x, y)
    c = [float(v) for v in lib(parse(text))]
    for w, x, y in zip(whats, a, c):
        assert close(x, y, 1e-9), ("reparse", text[:60], w, x, y)
    d2 = (mutate or default_mutate)(data)
    t2 = render(d2); assert t2 != text
    c2 = [float(v) for v in lib(parse(t2))]
    assert any(not close(x, y, 1e-9) for x, y in zip(a, c2)), ("mutation not seen", text[:60])
    for t in tools: assert t in TOOLS, t
    ex = []
    for w, x, r in zip(whats, a, rels):
        ex.append({"what": w, "value": (int(x) if r == 0 else float(f"{x:.10g}")), "rel": r})
    QS.append({"kind": kind, "question": text, "intent": intent,
               "tools": list(tools) + ["dsl_run"], "expect": ex, "refuse": False,
               "_hand_rel": hand_rel})

REFUSALS = []
def refuse(kind, text, intent, reason):
    QS.append({"kind": kind, "question": text, "intent": intent, "tools": [], "expect": [],
               "refuse": True, "_reason": reason})

def groups_text_parse(text, names, start, end=None):
    s = seg(text, start, end) if end else seg(text, start)
    out = []
    for i, nm in enumerate(names):
        a = s.index(nm) + len(nm)
        b = s.index(names[i + 1]) if i + 1 < len(names) else len(s)
        out.append(nums(s[a:b]))
    return out

# ======================================================================= KIND 1: tables
# K1-1 name column + paired columns -> paired t
ops = ["Okafor", "Lindqvist", "Ramos", "Takahashi", "Brennan", "Mbeki", "Novak", "Ferreira", "Iyer"]
b0 = rnd(rng.normal(48, 4, 9)); a0 = rnd(np.array(b0) - rng.normal(1.9, 1.7, 9))
def r_(d):
    rows = "\n".join(f"| {n} | {g(x)} | {g(y)} |" for n, x, y in zip(ops, d["b"], d["a"]))
    return ("Cycle times (seconds) per operator, measured before and after the fixture retraining:\n\n"
            "| operator | before | after |\n|---|---|---|\n" + rows +
            "\n\nEach operator was timed in both conditions. Did the retraining change mean cycle time? "
            "Paired t-test, two-sided; report t and p.")
def p_(t):
    rows = re.findall(rf"^\|\s*[A-Za-z]+\s*\|\s*({NUM})\s*\|\s*({NUM})\s*\|", t, re.M)
    return {"b": [float(r[0]) for r in rows], "a": [float(r[1]) for r in rows]}
def l_(d):
    r = st.ttest_rel(d["b"], d["a"]); return [abs(r.statistic), r.pvalue]
def h_(d):
    dd = [x - y for x, y in zip(d["b"], d["a"])]; n = len(dd)
    t = h_mean(dd) / mp.sqrt(h_var(dd) / n); return [abs(t), h_t2p(t, n - 1)]
add(1, r_, {"b": b0, "a": a0}, p_, l_, h_, ["|t|", "p"], [0.005, 0.02], ["t_test"],
    "paired t from a markdown table with a name column")

# K1-2 label: count pairs -> chi-square GOF (equal)
flav = ["mango", "lychee", "yuzu", "guava", "tamarind"]
cnt = [41, 37, 55, 30, 44]
def r_(d):
    return ("vending machine tally for march -> " + ", ".join(f"{f}: {c}" for f, c in zip(flav, d["c"])) +
            ". are the five flavours equally popular? chi-square goodness-of-fit vs equal shares, give chi2 and p")
def p_(t):
    return {"c": [int(re.search(rf"{f}:\s*(\d+)", t).group(1)) for f in flav]}
def l_(d):
    r = st.chisquare(d["c"]); return [r.statistic, r.pvalue]
def h_(d):
    n = sum(d["c"]); e = Fr(n, len(d["c"])); x = sum((c - e) ** 2 / e for c in d["c"])
    return [F(x), h_chi2p(F(x), len(d["c"]) - 1)]
add(1, r_, {"c": cnt}, p_, l_, h_, ["chi2", "p"], [0.005, 0.02], ["chi_square"],
    "label: count pairs, equal-probability goodness of fit")

# K1-3 sizes-and-counts, constant size -> np chart
lots = list(range(301, 321)); dfx = [int(v) for v in rng.binomial(200, 0.05, 20)]
def r_(d):
    rows = "\n".join(f"{l}\t200\t{c}" for l, c in zip(lots, d["c"]))
    return ("Incoming inspection of PCB lots. Every lot sample is 200 boards.\n\nlot\tinspected\tdefective\n" + rows +
            "\n\nSet up an np chart (number defective) from these 20 lots: centre line, UCL and LCL.")
def p_(t):
    return {"c": [int(m) for m in re.findall(r"^\d+\t200\t(\d+)$", t, re.M)]}
def l_(d):
    c = np.array(d["c"], float); pb = c.mean() / 200; s = math.sqrt(200 * pb * (1 - pb))
    return [200 * pb, 200 * pb + 3 * s, max(0.0, 200 * pb - 3 * s)]
def h_(d):
    pb = Fr(sum(d["c"]), 200 * len(d["c"])); s = mp.sqrt(mp.mpf(F(200 * pb * (1 - pb))))
    return [F(200 * pb), F(200 * pb) + 3 * s, max(0, F(200 * pb) - 3 * s)]
add(1, r_, {"c": dfx}, p_, l_, h_, ["CL", "UCL", "LCL"], [0.005] * 3, ["control_chart"],
    "lot/inspected/defective table -> np chart limits")

# K1-4 sizes-and-counts, varying -> p chart, limits for one day
ns = [int(v) for v in rng.choice([80, 95, 110, 120, 150, 135, 100], 15)]; ns[6] = 64
cs = [int(rng.binomial(n, 0.08)) for n in ns]
def r_(d):
    rows = "\n".join(f"{i + 1},{n},{c}" for i, (n, c) in enumerate(zip(d["n"], d["c"])))
    return ("day,n_checked,n_nonconforming\n" + rows +
            "\n\nbuild a p chart for the fraction nonconforming (limits vary with n). what is p-bar, and what are the "
            "UCL and LCL for day 7?")
def p_(t):
    rows = re.findall(r"^(\d+),(\d+),(\d+)$", t, re.M)
    return {"n": [int(r[1]) for r in rows], "c": [int(r[2]) for r in rows]}
def l_(d):
    n = np.array(d["n"], float); c = np.array(d["c"], float); pb = c.sum() / n.sum()
    s = math.sqrt(pb * (1 - pb) / n[6]); return [pb, pb + 3 * s, max(0.0, pb - 3 * s)]
def h_(d):
    pb = Fr(sum(d["c"]), sum(d["n"])); s = mp.sqrt(mp.mpf(F(pb * (1 - pb) / d["n"][6])))
    return [F(pb), F(pb) + 3 * s, max(0, F(pb) - 3 * s)]
lcl_ok = l_({"n": ns, "c": cs})[2] > 0
if lcl_ok:
    add(1, r_, {"n": ns, "c": cs}, p_, l_, h_, ["p-bar", "UCL day 7", "LCL day 7"], [0.005] * 3,
        ["control_chart"], "CSV of sizes and counts -> p chart with variable limits")
else:
    add(1, r_, {"n": ns, "c": cs}, p_, lambda d: l_(d)[:2], lambda d: h_(d)[:2], ["p-bar", "UCL day 7"],
        [0.005] * 2, ["control_chart"], "CSV of sizes and counts -> p chart with variable limits")

# K1-5 predictor/response with an ID column -> simple regression
temps = rnd(rng.uniform(150, 230, 12), 0); tens = rnd(212 + 0.41 * np.array(temps) + rng.normal(0, 4, 12), 1)
ids = [f"R-{i:02d}" for i in (3, 4, 7, 8, 9, 12, 13, 15, 16, 18, 21, 22)]
def r_(d):
    rows = "\n".join(f"{i}\t{g(x)}\t{g(y)}" for i, x, y in zip(ids, d["x"], d["y"]))
    return ("run_id\toven_temp_C\ttensile_MPa\n" + rows +
            "\n\nRegress tensile strength on oven temperature (straight line with intercept). "
            "Give intercept, slope and R-squared.")
def p_(t):
    rows = [l.split("\t") for l in t.splitlines() if l.startswith("R-")]
    return {"x": [float(r[1]) for r in rows], "y": [float(r[2]) for r in rows]}
def l_(d):
    m = sm.OLS(d["y"], sm.add_constant(d["x"])).fit(); return [m.params[0], m.params[1], m.rsquared]
def h_(d):
    b, r2 = h_lsq([[1, x] for x in d["x"]], d["y"]); return [F(b[0]), F(b[1]), F(r2)]
add(1, r_, {"x": temps, "y": tens}, p_, l_, h_, ["intercept", "slope", "R2"], [0.005] * 3,
    ["regression"], "ID column must be ignored; x=temperature, y=tensile")

# K1-6 labelled contingency table -> chi-square independence
tab = [[34, 12, 19], [21, 25, 14], [18, 9, 27]]
def r_(d):
    t = d["t"]
    return ("Defect type by plant (counts of rejected castings):\n\n"
            "          crack   porosity   inclusion\n"
            f"Leeds     {t[0][0]:<8d}{t[0][1]:<11d}{t[0][2]}\n"
            f"Porto     {t[1][0]:<8d}{t[1][1]:<11d}{t[1][2]}\n"
            f"Brno      {t[2][0]:<8d}{t[2][1]:<11d}{t[2][2]}\n\n"
            "Is defect type independent of plant? Chi-square test of independence: statistic, df and p.")
def p_(t):
    return {"t": [ints(re.search(rf"^{c}\s+(.*)$", t, re.M).group(1)) for c in ("Leeds", "Porto", "Brno")]}
def l_(d):
    r = st.chi2_contingency(d["t"]); return [r[0], r[2], r[1]]
def h_(d):
    t = d["t"]; R = [sum(r) for r in t]; C = [sum(c) for c in zip(*t)]; N = sum(R)
    x = sum((Fr(t[i][j]) - Fr(R[i] * C[j], N)) ** 2 / Fr(R[i] * C[j], N) for i in range(3) for j in range(3))
    return [F(x), 4, h_chi2p(F(x), 4)]
add(1, r_, {"t": tab}, p_, l_, h_, ["chi2", "df", "p"], [0.005, 0, 0.02], ["chi_square"],
    "row/column labelled contingency table")

# K1-7 long format group/value -> one-way ANOVA
gA = rnd(rng.normal(31.0, 1.6, 6), 2); gB = rnd(rng.normal(32.6, 1.6, 7), 2); gC = rnd(rng.normal(30.1, 1.6, 5), 2)
def r_(d):
    rows = [("coat_A", v) for v in d["A"]] + [("coat_B", v) for v in d["B"]] + [("coat_C", v) for v in d["C"]]
    order = [5, 0, 12, 7, 2, 16, 9, 1, 14, 3, 11, 6, 17, 4, 13, 8, 15, 10]
    body = "\n".join(f"{rows[i][0]} {g(rows[i][1])}" for i in order)
    return ("gloss readings in long format (coating, gloss units):\n" + body +
            "\none-way ANOVA across the three coatings please - F and p")
def p_(t):
    out = {"A": [], "B": [], "C": []}
    for k, v in re.findall(rf"^coat_([ABC]) ({NUM})$", t, re.M): out[k].append(float(v))
    return out
def l_(d):
    r = st.f_oneway(d["A"], d["B"], d["C"]); return [r.statistic, r.pvalue]
def h_(d):
    return list(h_oneway([d["A"], d["B"], d["C"]]))
def mut_(d):
    d = copy.deepcopy(d); d["A"] = [v + 3 for v in d["A"]]; return d
add(1, r_, {"A": gA, "B": gB, "C": gC}, p_, l_, h_, ["F", "p"], [0.005, 0.02], ["anova_oneway"],
    "long-format rows, shuffled, unequal group sizes", mutate=mut_)

# K1-8 row x column factor grid -> two-way ANOVA with interaction
cat_ = ["Pt", "Pd"]; tmp_ = ["180C", "200C", "220C"]
eff = np.array([[0, 1.2, 2.0], [0.6, 2.9, 2.4]])
grid = [[rnd(70 + eff[i, j] + rng.normal(0, 0.7, 3), 1) for j in range(3)] for i in range(2)]
def r_(d):
    G = d["g"]
    lines = [f"{cat_[i]:>4} | " + " | ".join(", ".join(g(v) for v in G[i][j]) for j in range(3)) for i in range(2)]
    return ("Conversion (%) - three replicate batches per cell\n\n"
            "cat. | 180C | 200C | 220C\n" + "\n".join(lines) +
            "\n\nTwo-way ANOVA with interaction (catalyst x temperature). Report F for catalyst, temperature and "
            "the interaction, and the interaction p-value.")
def p_(t):
    G = []
    for c in cat_:
        line = re.search(rf"^\s*{c} \|(.*)$", t, re.M).group(1)
        G.append([nums(cell) for cell in line.split("|")])
    return {"g": G}
def l_(d):
    rows = [(cat_[i], tmp_[j], v) for i in range(2) for j in range(3) for v in d["g"][i][j]]
    df = pd.DataFrame(rows, columns=["A", "B", "y"])
    t = sm.stats.anova_lm(ols("y ~ C(A)*C(B)", df).fit(), typ=2)
    return [t.loc["C(A)", "F"], t.loc["C(B)", "F"], t.loc["C(A):C(B)", "F"], t.loc["C(A):C(B)", "PR(>F)"]]
def h_(d):
    G = d["g"]; a, b, n = 2, 3, 3; allv = [v for r in G for c in r for v in c]; m = h_mean(allv)
    mi = [h_mean([v for c in G[i] for v in c]) for i in range(a)]
    mj = [h_mean([v for i in range(a) for v in G[i][j]]) for j in range(b)]
    ssa = b * n * mp.fsum([(x - m) ** 2 for x in mi]); ssb = a * n * mp.fsum([(x - m) ** 2 for x in mj])
    sscell = n * mp.fsum([(h_mean(G[i][j]) - m) ** 2 for i in range(a) for j in range(b)])
    ssab = sscell - ssa - ssb; sse = mp.fsum([h_ss(G[i][j]) for i in range(a) for j in range(b)])
    mse = sse / (a * b * (n - 1)); fab = (ssab / 2) / mse
    return [(ssa / 1) / mse, (ssb / 2) / mse, fab, h_Fp(fab, 2, 12)]
add(1, r_, {"g": grid}, p_, l_, h_, ["F catalyst", "F temperature", "F interaction", "p interaction"],
    [0.005, 0.005, 0.005, 0.02], ["anova_twoway"], "cells hold comma lists of replicates in a factor grid")

# K1-9 name + two numeric columns -> Pearson
stud = ["Ana", "Bo", "Chidi", "Dana", "Elif", "Femi", "Gus", "Hana", "Ivo", "Jun", "Kai"]
hrs = rnd(rng.uniform(2, 14, 11), 1); sc = rnd(52 + 2.1 * np.array(hrs) + rng.normal(0, 6, 11), 0)
def r_(d):
    rows = "\n".join(f"{n:<6} {g(h):>5} {int(s):>4}" for n, h, s in zip(stud, d["h"], d["s"]))
    return ("student hours_revised exam_score\n" + rows +
            "\n\nhow strongly are revision hours and score linearly related? pearson r and its p-value")
def p_(t):
    rows = re.findall(rf"^[A-Z][a-z]+\s+({NUM})\s+({NUM})$", t, re.M)
    return {"h": [float(r[0]) for r in rows], "s": [float(r[1]) for r in rows]}
def l_(d):
    r = st.pearsonr(d["h"], d["s"]); return [r.statistic, r.pvalue]
def h_(d):
    r = h_pearson(d["h"], d["s"]); n = len(d["h"]); t = r * mp.sqrt((n - 2) / (1 - r * r))
    return [r, h_t2p(t, n - 2)]
add(1, r_, {"h": hrs, "s": [float(v) for v in sc]}, p_, l_, h_, ["r", "p"], [0.005, 0.02], ["correlation"],
    "name column plus x and y columns")

# K1-10 long CSV -> Kruskal-Wallis
sup = {"Avalon": rnd(rng.normal(402, 9, 6), 1), "Borealis": rnd(rng.normal(411, 9, 7), 1),
       "Cobalt": rnd(rng.normal(396, 9, 6), 1)}
def r_(d):
    rows = [f"{k},{g(v)}" for k in ("Avalon", "Borealis", "Cobalt") for v in d[k]]
    return ("Bond strength (N) by adhesive supplier, CSV:\n\nsupplier,strength_N\n" + "\n".join(rows) +
            "\n\nKruskal-Wallis test across the suppliers; give H and p.")
def p_(t):
    out = {"Avalon": [], "Borealis": [], "Cobalt": []}
    for k, v in re.findall(rf"^(Avalon|Borealis|Cobalt),({NUM})$", t, re.M): out[k].append(float(v))
    return out
def l_(d):
    r = st.kruskal(d["Avalon"], d["Borealis"], d["Cobalt"]); return [r.statistic, r.pvalue]
def h_kw(groups):
    allv = [v for gg in groups for v in gg]; rk = h_ranks(allv); N = len(allv); H = 0; k = 0
    for gg in groups:
        rr = rk[k:k + len(gg)]; k += len(gg); H += mp.fsum(rr) ** 2 / len(gg)
    H = 12 / (mp.mpf(N) * (N + 1)) * H - 3 * (N + 1)
    ties = {}
    for v in allv: ties[v] = ties.get(v, 0) + 1
    H /= 1 - mp.fsum([mp.mpf(t) ** 3 - t for t in ties.values()]) / (mp.mpf(N) ** 3 - N)
    return [H, h_chi2p(H, len(groups) - 1)]
def h_(d): return h_kw([d["Avalon"], d["Borealis"], d["Cobalt"]])
def mut_(d):
    d = copy.deepcopy(d); d["Avalon"] = [v + 40 for v in d["Avalon"]]; return d
add(1, r_, sup, p_, l_, h_, ["H", "p"], [0.005, 0.02], ["kruskal_wallis"], "long CSV by supplier", mutate=mut_)

# K1-11 subgroup table -> X-bar/R chart
sg = [rnd(rng.normal(25.40, 0.05, 4), 2) for _ in range(12)]
A2, D3, D4 = {4: (0.729, 0, 2.282), 5: (0.577, 0, 2.114)}[4]
D2X = {4: (2.058751, 0.879808), 5: (2.325929, 0.864082)}
def r_(d):
    rows = "\n".join(f"sg{i + 1:02d}: " + "  ".join(f"{v:.2f}" for v in s) for i, s in enumerate(d["s"]))
    return ("Shaft diameters (mm), four consecutive shafts per subgroup:\n" + rows +
            "\nCompute the X-bar and R chart limits: X-bar UCL and LCL, and R chart UCL (centre lines too if you like).")
def p_(t):
    return {"s": [nums(m) for m in re.findall(r"^sg\d+:(.*)$", t, re.M)]}
def xr_lib(s, n):
    s = np.array(s); xb = s.mean(axis=1).mean(); rb = (s.max(1) - s.min(1)).mean()
    a2, d3, d4 = {4: (0.729, 0, 2.282), 5: (0.577, 0, 2.114)}[n]
    return [xb + a2 * rb, xb - a2 * rb, d4 * rb]
def xr_hand(s, n):
    xb = h_mean([h_mean(r) for r in s]); rb = h_mean([max(r) - min(r) for r in s]); d2, d3 = D2X[n]
    return [xb + 3 * rb / (d2 * mp.sqrt(n)), xb - 3 * rb / (d2 * mp.sqrt(n)), rb * (1 + 3 * d3 / d2)]
add(1, r_, {"s": sg}, p_, lambda d: xr_lib(d["s"], 4), lambda d: xr_hand(d["s"], 4),
    ["UCL xbar", "LCL xbar", "UCL R"], [0.005] * 3, ["control_chart"],
    "subgroup rows -> Xbar-R; hand check uses d2/d3 (compared at 5e-4)", hand_rel=5e-4)

# K1-12 (x, y) pairs -> quadratic regression
xq = [0.5, 1.0, 1.5, 2.0, 2.5, 3.0, 3.5, 4.0, 4.5, 5.0]
yq = rnd(3.1 + 2.4 * np.array(xq) - 0.33 * np.array(xq) ** 2 + rng.normal(0, 0.15, 10), 2)
def r_(d):
    return ("feed rate x (mm/rev) vs surface score y, as (x, y): " +
            ", ".join(f"({g(x)}, {g(y)})" for x, y in zip(d["x"], d["y"])) +
            ". fit y = b0 + b1*x + b2*x^2 by least squares and give b0, b1, b2.")
def p_(t):
    pr = re.findall(rf"\(({NUM}), ({NUM})\)", t); return {"x": [float(a) for a, b in pr], "y": [float(b) for a, b in pr]}
def l_(d):
    x = np.array(d["x"]); m = sm.OLS(d["y"], np.column_stack([np.ones_like(x), x, x * x])).fit(); return list(m.params)
def h_(d):
    b, _ = h_lsq([[1, x, x * x] for x in d["x"]], d["y"]); return [F(v) for v in b]
add(1, r_, {"x": xq, "y": yq}, p_, l_, h_, ["b0", "b1", "b2"], [0.005] * 3, ["regression"],
    "pairs in parentheses -> quadratic polynomial fit", mutate=lambda d: {"x": d["x"], "y": [d["y"][0] + 5] + d["y"][1:]})

# K1-13 refusal: missing cell
refuse(1, "Complaints by channel and region:\n\n| | North | South | West |\n|---|---|---|---|\n| phone | 23 | 31 | 18 |\n"
          "| email | 40 | — | 27 |\n| chat | 12 | 19 | 22 |\n\n(the South/email figure got lost in the export). "
          "Run the chi-square test of independence on the full 3x3 table and give the p-value.",
       "contingency table with a missing cell", "One cell count (email/South) is missing; the 3x3 test cannot be computed without inventing it.")

# ======================================================================= KIND 2: intent by wording
# K2-1 "don't assume normality" -> Mann-Whitney, exact p
def uniq(a, d=1):
    out = []
    for v in a:
        v = round(float(v), d)
        while v in out: v = round(v + 10 ** -d, d)
        out.append(v)
    return out
mwA = uniq(rng.lognormal(2.0, 0.5, 8)); mwB = uniq(rng.lognormal(2.55, 0.5, 9))
mwB = [v if v not in mwA else round(v + 0.05, 2) for v in mwB]
def r_(d):
    return ("Recovery time in days after two physio protocols. Protocol P: " + ", ".join(g(v) for v in d["a"]) +
            ". Protocol Q: " + ", ".join(g(v) for v in d["b"]) +
            ". The data are skewed and I don't want to assume normality. Are the two protocols different? "
            "Give the exact two-sided p-value (no ties here).")
def p_(t):
    return {"a": nums(seg(t, "Protocol P:", ". Protocol Q")), "b": nums(seg(t, "Protocol Q:", ". The data"))}
def l_(d):
    return [st.mannwhitneyu(d["a"], d["b"], alternative="two-sided", method="exact").pvalue]
def h_(d):
    a, b = d["a"], d["b"]; n1, n2 = len(a), len(b)
    u = sum(1 for x in a for y in b if x > y)
    dist = {}
    allv = sorted(a + b)
    for comb in itertools.combinations(range(n1 + n2), n1):
        uu = sum(comb) - n1 * (n1 - 1) // 2; dist[uu] = dist.get(uu, 0) + 1
    tot = sum(dist.values()); lo = min(u, n1 * n2 - u)
    return [min(1, 2 * Fr(sum(c for k, c in dist.items() if k <= lo), tot))]
add(2, r_, {"a": mwA, "b": mwB}, p_, l_, h_, ["p"], [0.02], ["mann_whitney"],
    "'don't want to assume normality' -> Mann-Whitney exact",
    mutate=lambda d: {"a": [v + 30 for v in d["a"]], "b": d["b"]})

# K2-2 unequal variances -> Welch
wA = rnd(rng.normal(104, 2.0, 10), 1); wB = rnd(rng.normal(109, 7.5, 13), 1)
def r_(d):
    return ("grip strength (N), group 1 = " + " ".join(g(v) for v in d["a"]) + " ; group 2 = " +
            " ".join(g(v) for v in d["b"]) + " ; the spreads are obviously very different so do NOT pool the "
            "variances. two-sided test of equal means: t, df, p")
def p_(t):
    return {"a": nums(seg(t, "group 1 =", ";")), "b": nums(seg(t, "group 2 =", "; the"))}
def l_(d):
    r = st.ttest_ind(d["a"], d["b"], equal_var=False); return [abs(r.statistic), r.df, r.pvalue]
def h_(d):
    a, b = d["a"], d["b"]; va, vb = h_var(a) / len(a), h_var(b) / len(b)
    t = (h_mean(a) - h_mean(b)) / mp.sqrt(va + vb)
    df = (va + vb) ** 2 / (va ** 2 / (len(a) - 1) + vb ** 2 / (len(b) - 1)); return [abs(t), df, h_t2p(t, df)]
add(2, r_, {"a": wA, "b": wB}, p_, l_, h_, ["|t|", "df", "p"], [0.005, 0.005, 0.02], ["t_test"],
    "'do NOT pool' -> Welch")

# K2-3 stated reference value -> one-sample t
fill = rnd(rng.normal(498.6, 2.4, 14), 1)
def r_(d):
    return ("The bottles are labelled 500 mL. We measured fourteen of them: " + ", ".join(g(v) for v in d["x"]) +
            " mL. Is the mean fill different from what the label says? t statistic and two-sided p.")
def p_(t):
    return {"x": nums(seg(t, "of them:", " mL."))}
def l_(d):
    r = st.ttest_1samp(d["x"], 500); return [abs(r.statistic), r.pvalue]
def h_(d):
    t = (h_mean(d["x"]) - 500) / mp.sqrt(h_var(d["x"]) / len(d["x"])); return [abs(t), h_t2p(t, len(d["x"]) - 1)]
add(2, r_, {"x": fill}, p_, l_, h_, ["|t|", "p"], [0.005, 0.02], ["t_test"], "reference value 500 from the label")

# K2-4 exclusion of a named point -> regression without it
xe = [10, 15, 20, 25, 30, 35, 40, 45, 50, 55]
ye = rnd(4.2 + 0.183 * np.array(xe) + rng.normal(0, 0.25, 10), 2); ye[5] = round(ye[5] + 4.1, 2)
def r_(d):
    return ("Pressure drop vs flow. flow (L/min): " + ", ".join(str(v) for v in d["x"]) + "\ndrop (kPa): " +
            ", ".join(g(v) for v in d["y"]) + "\nThe reading at 35 L/min was taken while the thermocouple was "
            "loose - leave that one point out and fit the straight line drop = a + b*flow. What are a and b?")
def p_(t):
    x = nums(seg(t, "flow (L/min):", "\n")); y = nums(seg(t, "drop (kPa):", "\n"))
    k = x.index(float(re.search(r"reading at (\d+) L/min", t).group(1)))
    return {"x": x[:k] + x[k + 1:], "y": y[:k] + y[k + 1:], "_full": (x, y)}
def l_(d):
    x, y = (d["x"][:5] + d["x"][6:], d["y"][:5] + d["y"][6:]) if "_full" not in d else (d["x"], d["y"])
    m = sm.OLS(y, sm.add_constant(x)).fit(); return list(m.params)
def h_(d):
    x, y = d["x"][:5] + d["x"][6:], d["y"][:5] + d["y"][6:]
    b, _ = h_lsq([[1, v] for v in x], y); return [F(v) for v in b]
add(2, r_, {"x": xe, "y": ye}, p_, l_, h_, ["a", "b"], [0.005, 0.005], ["regression"],
    "named point (35 L/min) excluded", mutate=lambda d: {"x": d["x"], "y": [d["y"][0] + 1] + d["y"][1:]})

# K2-5 nature of data -> c chart
scr = [int(v) for v in rng.poisson(6.5, 22)]
def r_(d):
    return ("we count scratches on every painted door panel coming off line 2 (all panels are the same size). "
            "last 22 panels: " + " ".join(str(v) for v in d["c"]) +
            ". what control chart limits should we use for the scratch counts? centre, UCL, LCL")
def p_(t): return {"c": ints(seg(t, "last 22 panels:", ". what"))}
def l_(d):
    c = float(np.mean(d["c"])); return [c, c + 3 * math.sqrt(c), max(0.0, c - 3 * math.sqrt(c))]
def h_(d):
    c = Fr(sum(d["c"]), len(d["c"])); s = mp.sqrt(mp.mpf(F(c))); return [F(c), F(c) + 3 * s, max(0, F(c) - 3 * s)]
cl = l_({"c": scr})
k25 = 3 if cl[2] > 0 else 2
add(2, r_, {"c": scr}, p_, lambda d: l_(d)[:k25], lambda d: h_(d)[:k25], ["CL", "UCL", "LCL"][:k25], [0.005] * k25,
    ["control_chart"], "counts of defects on equal-size units -> c chart")

# K2-6 defects per varying area -> u chart
area = [float(v) for v in rng.choice([2.5, 3.0, 3.5, 4.0, 4.5], 16)]; area[9] = 2.0
bl = [int(rng.poisson(1.8 * a)) for a in area]
def r_(d):
    lines = "; ".join(f"roll {i + 1}: {c} blemishes in {g(a)} m2" for i, (c, a) in enumerate(zip(d["c"], d["a"])))
    return ("Blemishes on fabric rolls, and the rolls differ in area. " + lines +
            ". Chart the blemish rate per square metre: give u-bar and the control limits for roll 10.")
def p_(t):
    pr = re.findall(rf"roll \d+: (\d+) blemishes in ({NUM}) m2", t)
    return {"c": [int(a) for a, b in pr], "a": [float(b) for a, b in pr]}
def l_(d):
    u = sum(d["c"]) / sum(d["a"]); s = math.sqrt(u / d["a"][9]); return [u, u + 3 * s, max(0.0, u - 3 * s)]
def h_(d):
    u = Fr(sum(d["c"])) / sum(Fr(str(a)) for a in d["a"]); s = mp.sqrt(mp.mpf(F(u / Fr(str(d["a"][9])))))
    return [F(u), F(u) + 3 * s, max(0, F(u) - 3 * s)]
k26 = 3 if l_({"c": bl, "a": area})[2] > 0 else 2
add(2, r_, {"c": bl, "a": area}, p_, lambda d: l_(d)[:k26], lambda d: h_(d)[:k26],
    ["u-bar", "UCL roll 10", "LCL roll 10"][:k26], [0.005] * k26, ["control_chart"],
    "defect counts over unequal areas -> u chart")

# K2-7 Cp/Cpk from summary, within sigma
def r_(d):
    return (f"Bore diameter spec is {g(d['v'][0])} to {g(d['v'][1])} mm. From the X-bar/R study the process mean "
            f"is {g(d['v'][2])} mm and the within-subgroup sigma (R-bar/d2) is {g(d['v'][3])} mm. Cp and Cpk?")
def p_(t):
    m = re.search(rf"spec is ({NUM}) to ({NUM}) mm.*?mean is ({NUM}) mm.*?is ({NUM}) mm", t, re.S)
    return {"v": [float(x) for x in m.groups()]}
def l_(d):
    L, U, m, s = d["v"]; return [(U - L) / (6 * s), min(U - m, m - L) / (3 * s)]
def h_(d):
    L, U, m, s = [Fr(str(x)) for x in d["v"]]; return [F((U - L) / (6 * s)), F(min(U - m, m - L) / (3 * s))]
add(2, r_, {"v": [24.95, 25.05, 25.018, 0.0142]}, p_, l_, h_, ["Cp", "Cpk"], [0.005] * 2,
    ["summary_capability", "capability"], "Cpk from summary figures, within sigma")

# K2-8 Ppk from overall sd
def r_(d):
    L, U, m, s = d["v"]
    return (f"torque spec LSL={g(L)} Nm, USL={g(U)} Nm. 250 parts pulled over the whole quarter: mean {g(m)} Nm, "
            f"overall (long-term) standard deviation {g(s)} Nm. what's the Pp and Ppk")
def p_(t):
    L = float(re.search(rf"LSL=({NUM})", t).group(1)); U = float(re.search(rf"USL=({NUM})", t).group(1))
    m = float(re.search(rf"mean ({NUM})", t).group(1)); s = float(re.search(rf"deviation ({NUM})", t).group(1))
    return {"v": [L, U, m, s]}
add(2, r_, {"v": [11.2, 12.8, 11.74, 0.19]}, p_, l_, h_, ["Pp", "Ppk"], [0.005] * 2,
    ["summary_capability", "capability"], "overall sd -> Pp/Ppk (250 and quarter are context)")

# K2-9 curvature with centre points
fac = {"(-,-)": 41.2, "(+,-)": 47.9, "(-,+)": 44.6, "(+,+)": 53.3}
cen = [49.8, 50.6, 49.1, 50.9, 50.2]
def r_(d):
    f = d["f"]
    return ("2^2 factorial on pressure (A) and time (B), one run per corner: A-B- gave " + g(f[0]) + ", A+B- " + g(f[1]) +
            ", A-B+ " + g(f[2]) + ", A+B+ " + g(f[3]) + ". We also ran five centre points: " +
            ", ".join(g(v) for v in d["c"]) + ". Is there evidence of curvature? I want the curvature sum of squares, "
            "its F against pure error, and the p-value.")
def p_(t):
    f = [float(re.search(rf"{k} (?:gave )?({NUM})", t).group(1)) for k in ("A-B-", "A\\+B-", "A-B\\+", "A\\+B\\+")]
    return {"f": f, "c": nums(seg(t, "centre points:", ". Is"))}
def l_(d):
    f, c = d["f"], d["c"]
    A = [-1, 1, -1, 1] + [0] * len(c); B = [-1, -1, 1, 1] + [0] * len(c); C = [0] * 4 + [1] * len(c)
    df = pd.DataFrame({"A": A, "B": B, "Cn": C, "y": f + c})
    t = sm.stats.anova_lm(ols("y ~ A + B + A:B + Cn", df).fit(), typ=1)
    return [t.loc["Cn", "sum_sq"], t.loc["Cn", "F"], t.loc["Cn", "PR(>F)"]]
def h_(d):
    f, c = d["f"], d["c"]; nf, nc = len(f), len(c)
    ss = nf * nc * (h_mean(f) - h_mean(c)) ** 2 / (nf + nc); mspe = h_var(c); Fv = ss / mspe
    return [ss, Fv, h_Fp(Fv, 1, nc - 1)]
add(2, r_, {"f": list(fac.values()), "c": cen}, p_, l_, h_, ["SS curvature", "F", "p"], [0.005, 0.005, 0.02],
    ["doe_curvature"], "centre points -> single-df curvature test")

# K2-10 one-sided claim, paired
bt0 = rnd(rng.normal(31, 3, 10), 1); bt1 = rnd(np.array(bt0) - rng.normal(0.9, 1.3, 10), 1)
def r_(d):
    rows = "\n".join(f"  unit {i + 1}: old fw {g(a)} s, new fw {g(b)} s" for i, (a, b) in enumerate(zip(d["o"], d["n"])))
    return ("The vendor claims the new firmware REDUCES boot time. Same ten units booted on each version:\n" + rows +
            "\nTest the vendor's claim (paired, one-sided, alpha 0.05). Give t and the one-sided p.")
def p_(t):
    pr = re.findall(rf"old fw ({NUM}) s, new fw ({NUM}) s", t)
    return {"o": [float(a) for a, b in pr], "n": [float(b) for a, b in pr]}
def l_(d):
    r = st.ttest_rel(d["o"], d["n"], alternative="greater"); return [abs(r.statistic), r.pvalue]
def h_(d):
    dd = [a - b for a, b in zip(d["o"], d["n"])]; t = h_mean(dd) / mp.sqrt(h_var(dd) / len(dd))
    return [abs(t), h_tupper(t, len(dd) - 1)]
add(2, r_, {"o": bt0, "n": bt1}, p_, l_, h_, ["|t|", "p one-sided"], [0.005, 0.02], ["t_test"],
    "claim of reduction -> one-sided paired t")

# K2-11 one-sided exact binomial
def r_(d):
    n, x = d["v"]
    return (f"Supplier promises no more than 2% defective. Our receiving inspection found {x} bad parts in a random "
            f"sample of {n}. Is that evidence the true rate is above 2%? Use the exact binomial test, one-sided.")
def p_(t):
    return {"v": [int(re.search(r"sample of (\d+)", t).group(1)), int(re.search(r"found (\d+) bad", t).group(1))]}
def l_(d):
    n, x = d["v"]; return [st.binomtest(x, n, 0.02, alternative="greater").pvalue]
def h_(d):
    n, x = d["v"]; return [F(sum(binom_pmf_fr(k, n, Fr(1, 50)) for k in range(x, n + 1)))]
add(2, r_, {"v": [90, 5]}, p_, l_, h_, ["p"], [0.02], ["proportion_test"], "'above 2%' -> one-sided exact binomial",
    mutate=lambda d: {"v": [90, 6]})

# K2-12/13 refusals
refuse(2, "Two injection-moulding machines: parts from machine A average 12.4 mm and parts from machine B average "
          "12.9 mm. Is the difference statistically significant? Please do the two-sample t-test and give the p-value.",
       "two-sample t from means only", "Only the two means are given: no standard deviations and no sample sizes, so no t or p can be formed.")
refuse(2, "ten fill weights (g): 251.2 249.8 250.6 252.0 250.9 251.7 249.5 250.8 251.3 250.4. "
          "Test one-sided whether the mean is above the target and give the p-value.",
       "one-sample test without its reference value", "The target value is never stated, so the one-sample test has no null value.")

# ======================================================================= KIND 3: numbers in prose with roles
WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
         "eleven": 11, "twelve": 12}
def W(t, pat):
    m = re.search(pat, t); v = m.group(1); return WORDS[v] if v in WORDS else int(v)
def ccd_rows(k, nc, half=False):
    cube = list(itertools.product([-1, 1], repeat=k))
    if half: cube = [r for r in cube if np.prod(r) == 1]
    ax = []
    for i in range(k):
        for s in (-1, 1):
            r = [0] * k; r[i] = s; ax.append(tuple(r))
    return cube + ax + [tuple([0] * k)] * nc
def bbd_rows(k, nc):
    rows = []
    for i, j in itertools.combinations(range(k), 2):
        for a, b in itertools.product([-1, 1], repeat=2):
            r = [0] * k; r[i] = a; r[j] = b; rows.append(tuple(r))
    return rows + [tuple([0] * k)] * nc

# K3-1 CCD with run capacity per day
def r_(d):
    k, nc, cap = d["v"]
    return (f"We want a central composite design in {k} factors (full factorial cube, axial points, {nc} centre "
            f"points). The rig can only do {cap} runs per day. How many runs in total, and how many days will it take?")
def p_(t):
    return {"v": [int(re.search(r"design in (\d+) factors", t).group(1)), int(re.search(r"(\d+) centre", t).group(1)),
                  int(re.search(r"only do (\d+) runs per day", t).group(1))]}
def l_(d):
    k, nc, cap = d["v"]; n = len(ccd_rows(k, nc)); return [n, -(-n // cap)]
def h_(d):
    k, nc, cap = d["v"]; n = 2 ** k + 2 * k + nc; return [n, math.ceil(n / cap)]
add(3, r_, {"v": [3, 6, 6]}, p_, l_, h_, ["runs", "days"], [0, 0], ["doe_design"], "capacity per day as block size",
    mutate=lambda d: {"v": [4, 6, 6]})

# K3-2 three-level full factorial
def r_(d):
    return (f"how many runs is a full factorial with {d['v'][0]} factors at three levels each, replicated "
            f"{d['v'][1]} times? (the line has 12 stations, ignore that)")
def p_(t):
    return {"v": [int(re.search(r"with (\d+) factors", t).group(1)), int(re.search(r"replicated (\d+) times", t).group(1))]}
def l_(d):
    return [len(list(itertools.product(range(3), repeat=d["v"][0]))) * d["v"][1]]
def h_(d): return [3 ** d["v"][0] * d["v"][1]]
add(3, r_, {"v": [4, 2]}, p_, l_, h_, ["runs"], [0], ["doe_design"], "N-level (3) full factorial with replicates")

# K3-3 sampling plan gives subgroup size -> summary X-bar/R
def r_(d):
    xb, rb = d["v"]
    return ("Every 30 minutes the operator pulls five consecutive caps and measures the thread height. After 25 such "
            f"samples the grand average is {g(xb)} mm and the average range is {g(rb)} mm. Work out the X-bar chart "
            "UCL and LCL and the R chart UCL.")
def p_(t):
    return {"v": [float(re.search(rf"grand average is ({NUM})", t).group(1)),
                  float(re.search(rf"average range is ({NUM})", t).group(1))], "n": W(t, r"pulls (\w+) consecutive")}
def l_(d):
    xb, rb = d["v"]; n = d.get("n", 5); a2, d3, d4 = {4: (0.729, 0, 2.282), 5: (0.577, 0, 2.114)}[n]
    return [xb + a2 * rb, xb - a2 * rb, d4 * rb]
def h_(d):
    xb, rb = [mp.mpf(str(v)) for v in d["v"]]; d2, d3 = D2X[5]
    return [xb + 3 * rb / (d2 * mp.sqrt(5)), xb - 3 * rb / (d2 * mp.sqrt(5)), rb * (1 + 3 * d3 / d2)]
add(3, r_, {"v": [12.507, 0.042]}, p_, l_, h_, ["UCL xbar", "LCL xbar", "UCL R"], [0.005] * 3,
    ["summary_chart", "control_chart"], "n=5 from the sampling plan; 30 min and 25 are context", hand_rel=5e-4)

# K3-4 centre points per block
def r_(d):
    k, b, c = d["v"]
    return (f"2^{k} full factorial split into {b} blocks, and we add {c} centre points to EACH block. "
            "Total number of runs?")
def p_(t):
    m = re.search(r"2\^(\d+) full factorial split into (\d+) blocks, and we add (\d+) centre", t)
    return {"v": [int(x) for x in m.groups()]}
def l_(d):
    k, b, c = d["v"]; return [len(list(itertools.product([-1, 1], repeat=k))) + b * c]
def h_(d): k, b, c = d["v"]; return [2 ** k + b * c]
add(3, r_, {"v": [4, 2, 3]}, p_, l_, h_, ["runs"], [0], ["doe_design"], "centre points per block, not in total")

# K3-5 fractional factorial with centre points in total
def r_(d):
    k, p, c = d["v"]
    return (f"Screening plan: a 2^({k}-{p}) fractional factorial plus {c} centre points in total. How many runs, "
            "and how many runs does the fraction save compared with the full 2^" + str(k) + " factorial (no centre points)?")
def p_(t):
    m = re.search(r"2\^\((\d+)-(\d+)\) fractional factorial plus (\d+) centre", t); return {"v": [int(x) for x in m.groups()]}
def l_(d):
    k, p, c = d["v"]; full = list(itertools.product([-1, 1], repeat=k - p)); return [len(full) + c, 2 ** k - len(full)]
def h_(d): k, p, c = d["v"]; return [2 ** (k - p) + c, 2 ** k - 2 ** (k - p)]
add(3, r_, {"v": [7, 3, 4]}, p_, l_, h_, ["runs", "runs saved"], [0, 0], ["doe_design"], "2^(k-p) with centre points in total")

# K3-6 replicates -> runs and error df
def r_(d):
    k, r = d["v"]
    return (f"we'll run a 2^{k} factorial with {WORDS_INV[r]} replicates of every corner (no centre points) and fit the full "
            "model with all interactions. how many runs, and how many residual (error) degrees of freedom?")
WORDS_INV = {v: k for k, v in WORDS.items()}
def p_(t):
    return {"v": [int(re.search(r"2\^(\d+) factorial", t).group(1)), W(t, r"with (\w+) replicates")]}
def l_(d):
    k, r = d["v"]; X = np.array(list(itertools.product([-1, 1], repeat=k)) * r)
    cols = [np.prod(X[:, list(s)], axis=1) for m in range(k + 1) for s in itertools.combinations(range(k), m)]
    M = np.column_stack(cols); return [M.shape[0], M.shape[0] - np.linalg.matrix_rank(M)]
def h_(d): k, r = d["v"]; return [r * 2 ** k, r * 2 ** k - 2 ** k]
add(3, r_, {"v": [3, 3]}, p_, l_, h_, ["runs", "error df"], [0, 0], ["doe_design", "doe_anova"],
    "replicates written as a word")

# K3-7 context numbers in prose -> pooled t
rA = rnd(rng.normal(21.3, 0.8, 8), 1); rB = rnd(rng.normal(22.2, 0.8, 7), 1)
def r_(d):
    return ("Since 2021 building 4 has had two clean rooms, room 112 and room 118. In lot 3317 we logged particle "
            "counts per cubic foot (thousands): room 112 read " + ", ".join(g(v) for v in d["a"]) +
            "; room 118 read " + ", ".join(g(v) for v in d["b"]) +
            ". Assuming equal variances, test whether the rooms differ in mean (two-sided). t, df and p please.")
def p_(t):
    return {"a": nums(seg(t, "room 112 read", ";")), "b": nums(seg(t, "room 118 read", ". Assuming"))}
def l_(d):
    r = st.ttest_ind(d["a"], d["b"]); return [abs(r.statistic), r.df, r.pvalue]
def h_(d):
    a, b = d["a"], d["b"]; n1, n2 = len(a), len(b); sp2 = (h_ss(a) + h_ss(b)) / (n1 + n2 - 2)
    t = (h_mean(a) - h_mean(b)) / mp.sqrt(sp2 * (mp.mpf(1) / n1 + mp.mpf(1) / n2)); return [abs(t), n1 + n2 - 2, h_t2p(t, n1 + n2 - 2)]
add(3, r_, {"a": rA, "b": rB}, p_, l_, h_, ["|t|", "df", "p"], [0.005, 0, 0.02], ["t_test"],
    "years, building, room and lot numbers are context; pooled t")

# power helpers (hand): noncentral t by integrating over the chi-square
def h_tcrit(alpha, df):
    return mp.findroot(lambda c: h_t2p(c, df) - alpha, 2)
def h_power(dz, n, alpha, two_sample):
    mp.mp.dps = 20
    df = 2 * n - 2 if two_sample else n - 1; nc = dz * mp.sqrt(mp.mpf(n) / 2) if two_sample else dz * mp.sqrt(n)
    c = h_tcrit(alpha, df); k = mp.mpf(df) / 2
    dens = lambda v: v ** (k - 1) * mp.exp(-v / 2) / (2 ** k * mp.gamma(k))
    f = lambda v: dens(v) * (mp.ncdf(nc - c * mp.sqrt(v / df)) + mp.ncdf(-c * mp.sqrt(v / df) - nc))
    p = mp.quad(f, [0, df, 3 * df, mp.inf]); mp.mp.dps = 30; return p
def h_nsearch(dz, alpha, power, two_sample):
    z = st.norm.ppf  # only used for a starting point; the answer is verified below
    n0 = max(3, int((2 if two_sample else 1) * ((z(1 - alpha / 2) + z(power)) / dz) ** 2) - 3)
    assert h_power(dz, n0, alpha, two_sample) < power
    n = n0
    while h_power(dz, n, alpha, two_sample) < power: n += 1
    return n

# K3-8 sample size two-sample
def r_(d):
    dl, sd, a, pw = d["v"]
    return (f"Planning a two-arm trial. We want to detect a difference in means of {g(dl)} units, the SD is about "
            f"{g(sd)} units in each arm, two-sided alpha = {g(a)}, power {g(pw)}. Two-sample t-test, equal arms. "
            "How many subjects per arm?")
def p_(t):
    return {"v": [float(re.search(rf"means of ({NUM})", t).group(1)), float(re.search(rf"about ({NUM})", t).group(1)),
                  float(re.search(rf"alpha = ({NUM})", t).group(1)), float(re.search(rf"power ({NUM})", t).group(1))]}
def l_(d):
    dl, sd, a, pw = d["v"]; return [math.ceil(TTestIndPower().solve_power(dl / sd, alpha=a, power=pw))]
def h_(d):
    dl, sd, a, pw = d["v"]; return [h_nsearch(mp.mpf(str(dl)) / mp.mpf(str(sd)), a, pw, True)]
add(3, r_, {"v": [4.0, 7.5, 0.05, 0.9]}, p_, l_, h_, ["n per arm"], [0], ["power"],
    "effect, sd, alpha and power in prose -> n per group (rounded up)", mutate=lambda d: {"v": [5.0, 7.5, 0.05, 0.9]})

# K3-9 power for given n
def r_(d):
    n, dl, sd = d["v"]
    return (f"budget allows {WORDS_INV[n]} specimens per group. true difference {g(dl)} MPa, sigma {g(sd)} MPa, "
            "alpha 0.05 two sided, pooled two-sample t. what power do we get?")
def p_(t):
    return {"v": [W(t, r"allows (\w+) specimens"), float(re.search(rf"difference ({NUM})", t).group(1)),
                  float(re.search(rf"sigma ({NUM})", t).group(1))]}
def l_(d):
    n, dl, sd = d["v"]; return [TTestIndPower().power(dl / sd, nobs1=n, alpha=0.05)]
def h_(d):
    n, dl, sd = d["v"]; return [h_power(mp.mpf(str(dl)) / mp.mpf(str(sd)), n, 0.05, True)]
add(3, r_, {"v": [12, 3.0, 4.2]}, p_, l_, h_, ["power"], [0.005], ["power"], "n as a word; power of pooled t",
    mutate=lambda d: {"v": [9, 3.0, 4.2]})

# K3-10 paired sample size
def r_(d):
    dl, sd, a, pw = d["v"]
    return (f"Paired design (each panel measured with both gauges). Smallest mean difference worth detecting: {g(dl)} um; "
            f"SD of the differences: {g(sd)} um. alpha {g(a)} (two-sided), power {g(pw)}. number of pairs needed?")
def p_(t):
    return {"v": [float(re.search(rf"detecting: ({NUM})", t).group(1)), float(re.search(rf"differences: ({NUM})", t).group(1)),
                  float(re.search(rf"alpha ({NUM})", t).group(1)), float(re.search(rf"power ({NUM})", t).group(1))]}
def l_(d):
    dl, sd, a, pw = d["v"]; return [math.ceil(TTestPower().solve_power(dl / sd, alpha=a, power=pw))]
def h_(d):
    dl, sd, a, pw = d["v"]; return [h_nsearch(mp.mpf(str(dl)) / mp.mpf(str(sd)), a, pw, False)]
add(3, r_, {"v": [1.5, 2.8, 0.01, 0.85]}, p_, l_, h_, ["pairs"], [0], ["power"], "paired sample size",
    mutate=lambda d: {"v": [1.0, 2.8, 0.01, 0.85]})

# K3-11 Plackett-Burman + foldover
PB12 = [1, 1, -1, 1, 1, 1, -1, -1, -1, 1, -1]
PB8 = [1, 1, 1, -1, 1, -1, -1]
def pb_rows(k):
    gen = PB8 if k <= 7 else PB12; m = len(gen)
    rows = [gen[-i:] + gen[:-i] if i else gen[:] for i in range(m)] + [[-1] * m]
    M = np.array(rows); assert np.allclose(M.T @ M, (m + 1) * np.eye(m)); return M[:, :k]
def r_(d):
    return (f"Screening {d['v'][0]} factors with a Plackett-Burman design (smallest one that fits). "
            "Runs needed? And if we later add a full fold-over, how many runs altogether?")
def p_(t): return {"v": [int(re.search(r"Screening (\d+) factors", t).group(1))]}
def l_(d):
    M = pb_rows(d["v"][0]); return [M.shape[0], np.vstack([M, -M]).shape[0]]
def h_(d):
    k = d["v"][0]; n = 4 * (k // 4 + 1); return [n, 2 * n]
add(3, r_, {"v": [10]}, p_, l_, h_, ["runs", "runs with fold-over"], [0, 0], ["doe_design"], "PB run count",
    mutate=lambda d: {"v": [6]})

# K3-12 Box-Behnken
def r_(d):
    return (f"box-behnken for {WORDS_INV[d['v'][0]]} factors with {d['v'][1]} center runs - total runs?")
def p_(t): return {"v": [W(t, r"for (\w+) factors"), int(re.search(r"with (\d+) center", t).group(1))]}
def l_(d): return [len(bbd_rows(*d["v"]))]
def h_(d):
    k, c = d["v"]; return [2 * k * (k - 1) + c]
add(3, r_, {"v": [4, 3]}, p_, l_, h_, ["runs"], [0], ["doe_design"], "BBD run count, k as a word")

# K3-13 CCD five factors, rotatable alpha
def r_(d):
    k, c = d["v"]
    return (f"Rotatable CCD, {k} factors, full 2^{k} cube (not a half fraction), {c} centre points. Number of runs "
            "and the axial distance alpha?")
def p_(t):
    m = re.search(r"CCD, (\d+) factors.*?(\d+) centre", t); return {"v": [int(m.group(1)), int(m.group(2))]}
def l_(d):
    k, c = d["v"]; return [len(ccd_rows(k, c)), (2 ** k) ** 0.25]
def h_(d):
    k, c = d["v"]; return [2 ** k + 2 * k + c, mp.root(mp.mpf(2) ** k, 4)]
add(3, r_, {"v": [5, 6]}, p_, l_, h_, ["runs", "alpha"], [0, 0.005], ["doe_design"], "CCD runs and rotatable alpha")

refuse(3, "How many runs does a 2^(3-4) fractional factorial need? Three factors, fraction 4, no centre points.",
       "impossible fraction", "A 2^(k-p) design needs p < k; 2^(3-4) would be 1/2 of a run and does not exist.")

# ======================================================================= KIND 4: maths
X, Y, T = sp.symbols("x y t")
def P(s): return parse_expr(s.replace("^", "**"), transformations=TR, local_dict={"x": X, "y": Y, "t": T, "e": sp.E})
def ML(s): return sp.lambdify([X, Y, T], P(s), "mpmath")

def r_(d): return f"whats the derivative of x^3*sin(x) at x = {g(d['v'][0])} ?"
def p_(t): return {"v": [float(re.search(rf"x = ({NUM})", t).group(1))], "e": re.search(r"of (.+?) at x", t).group(1)}
def l_(d): return [sp.diff(P(d.get("e", "x^3*sin(x)")), X).subs(X, sp.Rational(str(d["v"][0]))).evalf(30)]
def h_(d): f = ML("x^3*sin(x)"); return [mp.diff(lambda x: f(x, 0, 0), mp.mpf(str(d["v"][0])))]
add(4, r_, {"v": [1.2]}, p_, l_, h_, ["f'(1.2)"], [0.005], ["differentiate", "evaluate"], "derivative at a point")

def r_(d): return f"integrate x*exp(-x^2/2) dx from 0 to {g(d['v'][0])}"
def p_(t): return {"v": [float(re.search(rf"from 0 to ({NUM})", t).group(1))]}
def l_(d): return [sp.integrate(P("x*exp(-x^2/2)"), (X, 0, sp.Rational(str(d["v"][0])))).evalf(30)]
def h_(d): f = ML("x*exp(-x^2/2)"); return [mp.quad(lambda x: f(x, 0, 0), [0, mp.mpf(str(d["v"][0]))])]
add(4, r_, {"v": [1.5]}, p_, l_, h_, ["integral"], [0.005], ["integrate"], "definite integral")

def r_(d): return f"lim x->0 of (1 - cos({d['v'][0]}x))/x^2 = ?"
def p_(t): return {"v": [int(re.search(r"cos\((\d+)x\)", t).group(1))]}
def l_(d): return [sp.limit(P(f"(1-cos({d['v'][0]}x))/x^2"), X, 0)]
def h_(d): k = d["v"][0]; return [mp.limit(lambda x: (1 - mp.cos(k * x)) / x ** 2, 0)]
add(4, r_, {"v": [3]}, p_, l_, h_, ["limit"], [0.005], ["limit"], "limit 0/0")

def r_(d): return f"Find all real roots of x^4 - {d['v'][0]}x^2 + {d['v'][1]} = 0."
def p_(t): m = re.search(r"x\^4 - (\d+)x\^2 \+ (\d+)", t); return {"v": [int(m.group(1)), int(m.group(2))]}
def l_(d):
    r = sorted(float(v) for v in sp.Poly(P(f"x^4 - {d['v'][0]}x^2 + {d['v'][1]}"), X).nroots() if abs(sp.im(v)) < 1e-12)
    return [r[3], r[2]]
def h_(d):
    r = sorted(mp.re(v) for v in mp.polyroots([1, 0, -d["v"][0], 0, d["v"][1]]) if abs(mp.im(v)) < 1e-20)
    return [r[3], r[2]]
add(4, r_, {"v": [5, 2]}, p_, l_, h_, ["|root| large", "|root| small"], [0.005] * 2, ["solve"],
    "quartic in x^2; roots come in +/- pairs, the two positive ones are expected", mutate=lambda d: {"v": [6, 2]})

def r_(d):
    (a, b, c), (e, f, h), (i, j, k) = d["A"]; r = d["b"]
    return (f"solve the system\n {a}x + {b}y + {c}z = {g(r[0])}\n {e}x + {f}y + {h}z = {g(r[1])}\n {i}x + {j}y + {k}z = {g(r[2])}\nfor x, y, z"
            ).replace("+ -", "- ").replace(" 1x", " x").replace(" 1y", " y").replace(" 1z", " z")
def p_(t):
    A, b = [], []
    for line in t.splitlines()[1:4]:
        lhs, rhs = line.split("="); ex = sp.expand(P(lhs.replace("z", "w")))
        w = sp.Symbol("w"); A.append([float(ex.coeff(X)), float(ex.coeff(Y)), float(ex.coeff(w))]); b.append(float(rhs))
    return {"A": A, "b": b}
def l_(d): return list(np.linalg.solve(np.array(d["A"], float), np.array(d["b"], float)))
def h_(d):
    A = d["A"]; D = fdet(A); out = []
    for k in range(3):
        Mk = [[Fr(str(d["b"][i])) if j == k else A[i][j] for j in range(3)] for i in range(3)]; out.append(F(fdet(Mk) / D))
    return out
add(4, r_, {"A": [[2, 1, -1], [1, -3, 2], [3, 2, 1]], "b": [3.0, -4.5, 7.0]}, p_, l_, h_, ["x", "y", "z"],
    [0.005] * 3, ["solve", "matrix"], "3x3 linear system", mutate=lambda d: {"A": d["A"], "b": [4.0, -4.5, 7.0]})

def mat_text(M): return "[" + ", ".join("[" + ", ".join(str(v) for v in r) + "]" for r in M) + "]"
def mat_parse(t): return [ints(r) for r in re.findall(r"\[([-\d, ]+)\]", t)]
def r_(d): return "det of " + mat_text(d["M"]) + " ?"
def p_(t): return {"M": mat_parse(t)}
def l_(d): return [sp.Matrix(d["M"]).det()]
def h_(d): return [F(fdet(d["M"]))]
M4 = [[3, -1, 2, 0], [1, 4, -2, 5], [0, 2, 1, -3], [2, 0, 3, 1]]
add(4, r_, {"M": M4}, p_, l_, h_, ["det"], [0], ["matrix"], "4x4 determinant")

M3 = [[2, 1, 1], [1, 3, 2], [1, 0, 4]]
inv = sp.Matrix(M3).inv(); pick = [(i, j) for i in range(3) for j in range(3) if inv[i, j] != int(inv[i, j])][:3]
def r_(d): return "Inverse of the matrix A with rows (" + "), (".join(" ".join(str(v) for v in r) for r in d["M"]) + "), please, as decimals."
def p_(t): return {"M": [ints(r) for r in re.findall(r"\(([-\d ]+)\)", t)]}
def l_(d): iv = sp.Matrix(d["M"]).inv(); return [iv[i, j] for i, j in pick]
def h_(d):
    M = d["M"]; D = fdet(M)
    def cof(i, j): return (-1) ** (i + j) * fdet([[M[r][c] for c in range(3) if c != j] for r in range(3) if r != i])
    return [F(cof(j, i) / D) for i, j in pick]
add(4, r_, {"M": M3}, p_, l_, h_, [f"inv[{i + 1},{j + 1}]" for i, j in pick], [0.005] * 3, ["matrix"], "3x3 inverse entries")

MS = [[4, 1, 0], [1, 3, 1], [0, 1, 2]]
def r_(d): return "eigenvalues of the symmetric matrix\n" + "\n".join("  " + " ".join(f"{v:>2}" for v in r) for r in d["M"])
def p_(t): return {"M": [ints(l) for l in t.splitlines()[1:4]]}
def l_(d): return sorted(np.linalg.eigvalsh(np.array(d["M"], float)))
def h_(d):
    M = d["M"]; tr = sum(M[i][i] for i in range(3))
    m2 = sum(M[i][i] * M[j][j] - M[i][j] * M[j][i] for i in range(3) for j in range(i + 1, 3)); de = F(fdet(M))
    return sorted(mp.re(v) for v in mp.polyroots([1, -tr, m2, -de], maxsteps=200, extraprec=60))
add(4, r_, {"M": MS}, p_, l_, h_, ["lambda1", "lambda2", "lambda3"], [0.005] * 3, ["matrix"], "eigenvalues")

def r_(d): return f"f(x,y) = x^2 y^3 + sin(x y). mixed partial d2f/dxdy at (x, y) = ({g(d['v'][0])}, {g(d['v'][1])})"
def p_(t): m = re.search(rf"= \(({NUM}), ({NUM})\)", t); return {"v": [float(m.group(1)), float(m.group(2))]}
def l_(d):
    return [sp.diff(P("x^2*y^3 + sin(x*y)"), X, Y).subs({X: sp.Rational(str(d["v"][0])), Y: sp.Rational(str(d["v"][1]))}).evalf(30)]
def h_(d):
    f = ML("x^2*y^3 + sin(x*y)"); return [mp.diff(lambda x, y: f(x, y, 0), (mp.mpf(str(d["v"][0])), mp.mpf(str(d["v"][1]))), (1, 1))]
add(4, r_, {"v": [1.0, 0.5]}, p_, l_, h_, ["fxy"], [0.005], ["differentiate", "evaluate"], "mixed partial at a point")

def r_(d): return f"taylor series of ln(1+x)/(1-x) about x=0: coefficients of x^{d['v'][0]} and x^{d['v'][1]}?"
def p_(t): m = re.search(r"of x\^(\d+) and x\^(\d+)", t); return {"v": [int(m.group(1)), int(m.group(2))]}
def l_(d):
    s = sp.series(P("ln(1+x)/(1-x)"), X, 0, max(d["v"]) + 1).removeO(); return [s.coeff(X, k) for k in d["v"]]
def h_(d):
    c = mp.taylor(lambda x: mp.log(1 + x) / (1 - x), 0, max(d["v"])); return [c[k] for k in d["v"]]
add(4, r_, {"v": [3, 4]}, p_, l_, h_, ["c3", "c4"], [0.005] * 2, ["series"], "Taylor coefficients")

def r_(d): return f"∫ from {d['v'][0]} to infinity of dx/(x^2 + x)"
def p_(t): return {"v": [int(re.search(r"from (\d+) to", t).group(1))]}
def l_(d): return [sp.integrate(1 / (X ** 2 + X), (X, d["v"][0], sp.oo)).evalf(30)]
def h_(d): return [mp.quad(lambda x: 1 / (x * x + x), [d["v"][0], mp.inf])]
add(4, r_, {"v": [1]}, p_, l_, h_, ["integral"], [0.005], ["integrate"], "improper integral",
    mutate=lambda d: {"v": [2]})

def r_(d): return f"g(t)=sqrt(1+t^2)*e^(-t). second derivative g''(t) at t={g(d['v'][0])}"
def p_(t): return {"v": [float(re.search(rf"at t=({NUM})", t).group(1))]}
def l_(d): return [sp.diff(P("sqrt(1+t^2)*exp(-t)"), T, 2).subs(T, sp.Rational(str(d["v"][0]))).evalf(30)]
def h_(d): return [mp.diff(lambda t: mp.sqrt(1 + t * t) * mp.exp(-t), mp.mpf(str(d["v"][0])), 2)]
add(4, r_, {"v": [0.7]}, p_, l_, h_, ["g''(0.7)"], [0.005], ["differentiate", "evaluate"], "second derivative, variable t")

def r_(d): return f"limit as n -> infinity of (1 + {d['v'][0]}/n)^n"
def p_(t): return {"v": [int(re.search(r"\(1 \+ (\d+)/n\)", t).group(1))]}
def l_(d):
    n = sp.Symbol("n", positive=True); return [sp.limit((1 + sp.Integer(d["v"][0]) / n) ** n, n, sp.oo).evalf(30)]
def h_(d): k = d["v"][0]; return [mp.limit(lambda n: (1 + k / n) ** n, mp.inf)]
add(4, r_, {"v": [2]}, p_, l_, h_, ["limit"], [0.005], ["limit"], "limit at infinity = e^2", mutate=lambda d: {"v": [3]})

refuse(4, "determinant of [[1, 2, 3], [4, 5, 6]] please", "determinant of a non-square matrix",
       "The matrix is 2x3; a determinant exists only for square matrices.")

# ======================================================================= KIND 5: named tests
# K5-1 Wilcoxon signed-rank, exact
def mk_diffs():
    while True:
        a = rnd(rng.normal(60, 5, 12), 1); dd = rnd(rng.normal(1.4, 2.0, 12), 1)
        b = [round(x - y, 1) for x, y in zip(a, dd)]; dif = [round(x - y, 1) for x, y in zip(a, b)]
        if 0 not in dif and len({abs(v) for v in dif}) == 12: return a, b
wa, wb = mk_diffs()
def r_(d):
    return ("Wilcoxon signed-rank test please (not a t-test). Left ear vs right ear hearing threshold (dB) for twelve "
            "subjects, written left/right: " + "; ".join(f"{g(x)}/{g(y)}" for x, y in zip(d["a"], d["b"])) +
            ". Two-sided exact p.")
def p_(t):
    pr = re.findall(rf"({NUM})/({NUM})", t); return {"a": [float(x) for x, y in pr], "b": [float(y) for x, y in pr]}
def l_(d): return [st.wilcoxon(d["a"], d["b"], method="exact").pvalue]
def h_(d):
    dif = [round(x - y, 1) for x, y in zip(d["a"], d["b"])]; n = len(dif)
    rk = h_ranks([abs(v) for v in dif]); wp = sum(r for r, v in zip(rk, dif) if v > 0); w = min(wp, n * (n + 1) / 2 - wp)
    cnt = 0
    for s in itertools.product([0, 1], repeat=n):
        if sum(i + 1 for i in range(n) if s[i]) <= w: cnt += 1
    return [min(1, 2 * Fr(cnt, 2 ** n))]
add(5, r_, {"a": wa, "b": wb}, p_, l_, h_, ["p"], [0.02], ["wilcoxon_signed_rank"], "named signed-rank test",
    mutate=lambda d: {"a": d["a"], "b": [round(v - 30, 1) for v in d["b"]]})

# K5-2 Kruskal-Wallis, data in sentences
kw = {k: rnd(rng.normal(m, 3, n), 1) for k, m, n in (("north", 20, 5), ("east", 23, 6), ("south", 19, 5), ("west", 25, 6))}
def r_(d):
    return ("Delivery delays in minutes. The north depot logged " + ", ".join(g(v) for v in d["north"]) +
            ". East depot: " + ", ".join(g(v) for v in d["east"]) + ". South had " + ", ".join(g(v) for v in d["south"]) +
            ", and west had " + ", ".join(g(v) for v in d["west"]) +
            ". Kruskal-Wallis H test (with the usual tie correction), H and p?")
def p_(t):
    return {"north": nums(seg(t, "north depot logged", ". East")), "east": nums(seg(t, "East depot:", ". South")),
            "south": nums(seg(t, "South had", ", and west")), "west": nums(seg(t, "west had", ". Kruskal"))}
def l_(d): r = st.kruskal(*[d[k] for k in ("north", "east", "south", "west")]); return [r.statistic, r.pvalue]
def h_(d): return h_kw([d[k] for k in ("north", "east", "south", "west")])
add(5, r_, kw, p_, l_, h_, ["H", "p"], [0.005, 0.02], ["kruskal_wallis"], "KW with data in sentences",
    mutate=lambda d: {**d, "north": [v + 20 for v in d["north"]]})

# K5-3 Fisher exact
def r_(d):
    a, b, c, e = d["v"]
    return (f"Of {a + b} patients on the new dressing, {a} healed within two weeks; of {c + e} on standard dressing, {c} "
            "healed. Small numbers, so Fisher's exact test, two-sided p?")
def p_(t):
    m = re.search(r"Of (\d+) patients on the new dressing, (\d+) healed.*?of (\d+) on standard dressing, (\d+) healed", t, re.S)
    n1, a, n2, c = [int(x) for x in m.groups()]; return {"v": [a, n1 - a, c, n2 - c]}
def l_(d): a, b, c, e = d["v"]; return [st.fisher_exact([[a, b], [c, e]]).pvalue]
def h_(d):
    a, b, c, e = d["v"]; r1, c1, N = a + b, a + c, a + b + c + e
    pr = lambda x: Fr(math.comb(c1, x) * math.comb(N - c1, r1 - x), math.comb(N, r1))
    p0 = pr(a); return [F(sum(pr(x) for x in range(max(0, r1 + c1 - N), min(r1, c1) + 1) if pr(x) <= p0 * (1 + Fr(1, 10 ** 7))))]
add(5, r_, {"v": [11, 3, 4, 8]}, p_, l_, h_, ["p"], [0.02], ["proportion_test"], "Fisher exact 2x2 from prose",
    mutate=lambda d: {"v": [12, 2, 4, 8]})

# K5-4 exact binomial two-sided, p0 = 0.5
def r_(d): return f"coin spun {d['v'][0]} times, {d['v'][1]} heads. exact binomial test of p = 0.5, two-sided p-value"
def p_(t): return {"v": [int(re.search(r"spun (\d+)", t).group(1)), int(re.search(r"(\d+) heads", t).group(1))]}
def l_(d): return [st.binomtest(d["v"][1], d["v"][0], 0.5).pvalue]
def h_(d):
    n, x = d["v"]; k = min(x, n - x); return [F(min(1, 2 * sum(Fr(math.comb(n, i), 2 ** n) for i in range(k + 1))))]
add(5, r_, {"v": [60, 39]}, p_, l_, h_, ["p"], [0.02], ["proportion_test"], "exact binomial (not z)",
    mutate=lambda d: {"v": [60, 41]})

# K5-5 Brown-Forsythe
bfg = {"L1": rnd(rng.normal(10, 0.4, 8), 2), "L2": rnd(rng.normal(10, 0.9, 8), 2), "L3": rnd(rng.normal(10, 0.5, 7), 2)}
def r_(d):
    return ("Brown-Forsythe test (Levene with medians) for equal spread of fill height across three lines.\n" +
            "\n".join(f"{k}: " + ", ".join(f"{v:.2f}" for v in d[k]) for k in ("L1", "L2", "L3")) + "\nstatistic and p")
def p_(t): return {k: nums(re.search(rf"^{k}:(.*)$", t, re.M).group(1)) for k in ("L1", "L2", "L3")}
def l_(d): r = st.levene(d["L1"], d["L2"], d["L3"], center="median"); return [r.statistic, r.pvalue]
def h_(d):
    z = [[abs(v - float(np.median(d[k]))) for v in d[k]] for k in ("L1", "L2", "L3")]; return list(h_oneway(z))
add(5, r_, bfg, p_, l_, h_, ["W", "p"], [0.005, 0.02], ["levene"], "Brown-Forsythe named")

# K5-6 Bartlett
btg = {"A": rnd(rng.normal(50, 1.0, 9), 1), "B": rnd(rng.normal(50, 2.2, 9), 1), "C": rnd(rng.normal(50, 1.4, 10), 1)}
def r_(d):
    return ("bartlett's test for homogeneity of variance, three suppliers. supplier A " + " ".join(g(v) for v in d["A"]) +
            " / supplier B " + " / ".join([" ".join(g(v) for v in d["B"]), "supplier C " + " ".join(g(v) for v in d["C"])]) +
            " -- give the statistic and p")
def p_(t):
    return {"A": nums(seg(t, "supplier A", "/")), "B": nums(seg(t, "supplier B", "/")), "C": nums(seg(t, "supplier C", "--"))}
def l_(d): r = st.bartlett(d["A"], d["B"], d["C"]); return [r.statistic, r.pvalue]
def h_(d):
    gs = [d[k] for k in "ABC"]; k = 3; N = sum(len(x) for x in gs)
    sp2 = mp.fsum([h_ss(x) for x in gs]) / (N - k)
    num = (N - k) * mp.log(sp2) - mp.fsum([(len(x) - 1) * mp.log(h_var(x)) for x in gs])
    den = 1 + (mp.fsum([mp.mpf(1) / (len(x) - 1) for x in gs]) - mp.mpf(1) / (N - k)) / (3 * (k - 1))
    T_ = num / den; return [T_, h_chi2p(T_, k - 1)]
add(5, r_, btg, p_, l_, h_, ["T", "p"], [0.005, 0.02], ["variance_test"], "Bartlett named")

# K5-7 F test of two variances
fA = rnd(rng.normal(5, 0.30, 11), 2); fB = rnd(rng.normal(5, 0.55, 9), 2)
def r_(d):
    return ("F-test for equality of two variances, F = s_old^2 / s_new^2. old gauge: " + ", ".join(f"{v:.2f}" for v in d["a"]) +
            ". new gauge: " + ", ".join(f"{v:.2f}" for v in d["b"]) + ". F and the two-sided p-value.")
def p_(t): return {"a": nums(seg(t, "old gauge:", ". new")), "b": nums(seg(t, "new gauge:", ". F and"))}
def l_(d):
    a, b = np.array(d["a"]), np.array(d["b"]); f = a.var(ddof=1) / b.var(ddof=1); d1, d2 = len(a) - 1, len(b) - 1
    return [f, 2 * min(st.f.cdf(f, d1, d2), st.f.sf(f, d1, d2))]
def h_(d):
    f = h_var(d["a"]) / h_var(d["b"]); up = h_Fp(f, len(d["a"]) - 1, len(d["b"]) - 1); return [f, 2 * min(up, 1 - up)]
add(5, r_, {"a": fA, "b": fB}, p_, l_, h_, ["F", "p"], [0.005, 0.02], ["variance_test"], "F test, orientation fixed")

# K5-8 Welch ANOVA
wg = {"G1": rnd(rng.normal(12, 0.5, 6), 2), "G2": rnd(rng.normal(12.8, 1.8, 8), 2), "G3": rnd(rng.normal(13.4, 3.0, 7), 2)}
def r_(d):
    return ("Welch's ANOVA (variances clearly unequal), three curing schedules.\n" +
            "\n".join(f"{k} -> {', '.join(f'{v:.2f}' for v in d[k])}" for k in ("G1", "G2", "G3")) + "\nF, denominator df, p")
def p_(t): return {k: nums(re.search(rf"^{k} ->(.*)$", t, re.M).group(1)) for k in ("G1", "G2", "G3")}
def l_(d):
    r = anova_oneway([d["G1"], d["G2"], d["G3"]], use_var="unequal", welch_correction=True)
    return [r.statistic, r.df[1], r.pvalue]
def h_(d):
    gs = [d[k] for k in ("G1", "G2", "G3")]; k = 3
    w = [len(x) / h_var(x) for x in gs]; W_ = mp.fsum(w); m = [h_mean(x) for x in gs]
    mw = mp.fsum([a * b for a, b in zip(w, m)]) / W_
    A = mp.fsum([a * (b - mw) ** 2 for a, b in zip(w, m)]) / (k - 1)
    lam = mp.fsum([(1 - a / W_) ** 2 / (len(x) - 1) for a, x in zip(w, gs)])
    Fv = A / (1 + 2 * (k - 2) * lam / (k ** 2 - 1)); df2 = (k ** 2 - 1) / (3 * lam)
    return [Fv, df2, h_Fp(Fv, k - 1, df2)]
add(5, r_, wg, p_, l_, h_, ["F", "df2", "p"], [0.005, 0.005, 0.02], ["anova_oneway"], "Welch ANOVA named")

# K5-9 one-proportion z
def r_(d):
    n, x, p0 = d["v"]
    return (f"one-proportion z test: {x} of {n} surveyed customers would recommend us; test against p0 = {g(p0)}, "
            "two-sided, standard error from p0, no continuity correction. z and p")
def p_(t):
    m = re.search(rf"(\d+) of (\d+) surveyed.*?p0 = ({NUM})", t); return {"v": [int(m.group(2)), int(m.group(1)), float(m.group(3))]}
def l_(d):
    n, x, p0 = d["v"]; z, p = proportions_ztest(x, n, p0, prop_var=p0); return [z, p]
def h_(d):
    n, x, p0 = d["v"]; p0 = mp.mpf(str(p0)); z = (mp.mpf(x) / n - p0) / mp.sqrt(p0 * (1 - p0) / n)
    return [z, mp.erfc(abs(z) / mp.sqrt(2))]
add(5, r_, {"v": [240, 131, 0.6]}, p_, l_, h_, ["z", "p"], [0.005, 0.02], ["proportion_test"], "one-proportion z",
    mutate=lambda d: {"v": [240, 139, 0.6]})

# K5-10 two-proportion z (pooled)
def r_(d):
    x1, n1, x2, n2 = d["v"]
    return (f"Line A: {x1} rejects out of {n1}. Line B: {x2} rejects out of {n2}. Two-proportion z-test (pooled), "
            "two-sided. z and p?")
def p_(t):
    m = re.findall(r"(\d+) rejects out of (\d+)", t); return {"v": [int(m[0][0]), int(m[0][1]), int(m[1][0]), int(m[1][1])]}
def l_(d):
    x1, n1, x2, n2 = d["v"]; z, p = proportions_ztest([x1, x2], [n1, n2]); return [abs(z), p]
def h_(d):
    x1, n1, x2, n2 = d["v"]; pp = Fr(x1 + x2, n1 + n2)
    z = (mp.mpf(x1) / n1 - mp.mpf(x2) / n2) / mp.sqrt(mp.mpf(F(pp * (1 - pp) * (Fr(1, n1) + Fr(1, n2)))))
    return [abs(z), mp.erfc(abs(z) / mp.sqrt(2))]
add(5, r_, {"v": [38, 420, 61, 455]}, p_, l_, h_, ["|z|", "p"], [0.005, 0.02], ["proportion_test"], "two-proportion z")

# K5-11 Shapiro-Wilk (hand: Royston 1995 approximation, as in AS R94)
swx = rnd(rng.gamma(3.0, 1.2, 20), 2)
def r_(d):
    return ("Check normality of these 20 resistances (ohm) with the Shapiro-Wilk test - W and p:\n" +
            "  ".join(f"{v:.2f}" for v in d["x"]))
def p_(t): return {"x": nums(t.splitlines()[1])}
def l_(d): r = st.shapiro(d["x"]); return [r.statistic, r.pvalue]
def h_(d):
    x = sorted(mp.mpf(str(v)) for v in d["x"]); n = len(x)
    m = [mp.sqrt(2) * mp.erfinv(2 * ((i - mp.mpf(3) / 8) / (n + mp.mpf(1) / 4)) - 1) for i in range(1, n + 1)]
    s2 = mp.fsum([v * v for v in m]); u = 1 / mp.sqrt(n)
    pol = lambda c, z: mp.fsum([ci * z ** i for i, ci in enumerate(c)])
    an = pol([0, 0.221157, -0.147981, -2.071190, 4.434685, -2.706056], u) + m[-1] / mp.sqrt(s2)
    an1 = pol([0, 0.042981, -0.293762, -1.752461, 5.682633, -3.582633], u) + m[-2] / mp.sqrt(s2)
    eps = (s2 - 2 * m[-1] ** 2 - 2 * m[-2] ** 2) / (1 - 2 * an ** 2 - 2 * an1 ** 2)
    a = [mi / mp.sqrt(eps) for mi in m]; a[-1], a[-2], a[0], a[1] = an, an1, -an, -an1
    Wv = mp.fsum([ai * xi for ai, xi in zip(a, x)]) ** 2 / h_ss([float(v) for v in x])
    ln = mp.log(n); mu = pol([-1.5861, -0.31082, -0.083751, 0.0038915], ln); sg_ = mp.exp(pol([-0.4803, -0.082676, 0.0030302], ln))
    z = (mp.log(1 - Wv) - mu) / sg_; return [Wv, 1 - mp.ncdf(z)]
add(5, r_, {"x": swx}, p_, l_, h_, ["W", "p"], [0.005, 0.02], ["normality"], "Shapiro-Wilk named",
    mutate=lambda d: {"x": [d["x"][0] + 9] + d["x"][1:]})

# K5-12 Spearman
spx = rnd(rng.uniform(0, 50, 12), 1); spy = rnd(np.sqrt(np.array(spx)) * 3 + rng.normal(0, 3, 12), 1)
def r_(d):
    return ("spearman rank correlation between dose (mg) and response: dose = [" + ", ".join(g(v) for v in d["x"]) +
            "], response = [" + ", ".join(g(v) for v in d["y"]) + "]. rho and p (t approximation is fine)")
def p_(t): return {"x": nums(seg(t, "dose = [", "]")), "y": nums(seg(t, "response = [", "]"))}
def l_(d): r = st.spearmanr(d["x"], d["y"]); return [r.statistic, r.pvalue]
def h_(d):
    r = h_pearson([float(v) for v in h_ranks(d["x"])], [float(v) for v in h_ranks(d["y"])]); n = len(d["x"])
    return [r, h_t2p(r * mp.sqrt((n - 2) / (1 - r * r)), n - 2)]
add(5, r_, {"x": spx, "y": spy}, p_, l_, h_, ["rho", "p"], [0.005, 0.02], ["correlation"], "Spearman named",
    mutate=lambda d: {"x": d["x"], "y": [d["y"][0] + 30] + d["y"][1:]})

# K5-13 Kendall tau-b, exact
kx = [3.1, 4.7, 2.2, 5.9, 6.4, 1.8, 7.3, 5.1]; ky = [12, 15, 14, 19, 16, 10, 21, 13]
def r_(d):
    return ("Kendall's tau-b (exact p, no ties) for judge scores:\n" +
            "\n".join(f"item {i + 1}: judge1={g(a)} judge2={b}" for i, (a, b) in enumerate(zip(d["x"], d["y"]))))
def p_(t):
    pr = re.findall(rf"judge1=({NUM}) judge2=(\d+)", t); return {"x": [float(a) for a, b in pr], "y": [int(b) for a, b in pr]}
def l_(d): r = st.kendalltau(d["x"], d["y"], method="exact"); return [r.statistic, r.pvalue]
def h_(d):
    x, y = d["x"], d["y"]; n = len(x); pairs = list(itertools.combinations(range(n), 2))
    S = sum(np.sign(x[i] - x[j]) * np.sign(y[i] - y[j]) for i, j in pairs)
    order = [y[i] for i in sorted(range(n), key=lambda i: x[i])]
    obs_dis = sum(1 for i, j in itertools.combinations(range(n), 2) if order[i] > order[j])
    cnt = [1]                                      # inversion-count distribution (Mahonian numbers)
    for k in range(2, n + 1):
        new = [0] * (len(cnt) + k - 1)
        for i, c in enumerate(cnt):
            for j in range(k): new[i + j] += c
        cnt = new
    tot = sum(cnt); lo = min(obs_dis, len(pairs) - obs_dis)
    return [Fr(int(S), len(pairs)), min(1, 2 * Fr(sum(cnt[:lo + 1]), tot))]
add(5, r_, {"x": kx, "y": ky}, p_, l_, h_, ["tau", "p"], [0.005, 0.02], ["correlation"], "Kendall tau-b named",
    mutate=lambda d: {"x": d["x"], "y": [d["y"][0] + 20] + d["y"][1:]})

# K5-14 sign test from counts
def r_(d):
    a, b, z = d["v"]
    return (f"Taste panel, {a + b + z} tasters: {a} preferred recipe A, {b} preferred B, {z} couldn't tell. "
            "Sign test (drop the ties), two-sided p-value.")
def p_(t):
    m = re.search(r"(\d+) preferred recipe A, (\d+) preferred B, (\d+) couldn't", t); return {"v": [int(x) for x in m.groups()]}
def l_(d): a, b, z = d["v"]; return [st.binomtest(a, a + b, 0.5).pvalue]
def h_(d):
    a, b, z = d["v"]; n = a + b; return [F(min(1, 2 * sum(Fr(math.comb(n, i), 2 ** n) for i in range(min(a, b) + 1))))]
add(5, r_, {"v": [17, 6, 3]}, p_, l_, h_, ["p"], [0.02], ["proportion_test", "wilcoxon_signed_rank"],
    "sign test from counts, ties dropped", mutate=lambda d: {"v": [16, 6, 3]})

refuse(5, "Paired t-test on the same eight specimens before and after annealing, hardness HV:\n"
          "before: 212 208 219 205 211 216 209 214\nafter:  205 204 213 201 207 210 206\nt and p please.",
       "paired test with unequal lengths", "A paired test needs one 'after' per 'before'; 8 vs 7 values, so the pairing is broken.")
refuse(5, "Survey: 62% of men and 48% of women said yes. Run a chi-square test of independence on gender vs answer "
          "and give chi2 and p.", "chi-square from percentages only",
       "Only percentages are given, no counts or group sizes; chi-square needs the observed counts.")

# ======================================================================= write
order = sorted(range(len(QS)), key=lambda i: QS[i]["kind"])   # stable: group by kind
out = []
for n, i in enumerate(order, 1):
    q = QS[i]
    out.append({"id": f"r{n:02d}", "kind": q["kind"], "question": q["question"], "intent": q["intent"],
                "tools": q["tools"], "expect": q["expect"], "refuse": q["refuse"]})
with open(os.path.join(HERE, "round25.jsonl"), "w") as fh:
    for o in out: fh.write(json.dumps(o, ensure_ascii=False) + "\n")
meta = {"by_kind": {k: sum(1 for o in out if o["kind"] == k) for k in range(1, 6)},
        "refusals": [(o["id"], o["kind"], QS[order[j]]["_reason"]) for j, o in enumerate(out) if o["refuse"]],
        "spc_5e-4": [o["id"] for j, o in enumerate(out) if QS[order[j]].get("_hand_rel") == 5e-4]}
with open(os.path.join(HERE, "round25_meta.json"), "w") as fh: json.dump(meta, fh, indent=1)
print(len(out), meta["by_kind"], len(meta["refusals"]))
