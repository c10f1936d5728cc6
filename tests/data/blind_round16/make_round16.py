#!/usr/bin/env python
"""Generate the round-16 blind evaluation set (round16.jsonl).

Written blind: no agent code, docs, tests or runs were consulted.

For every answerable question this script
  1. computes the expected numbers with library routines (scipy / statsmodels / sympy / numpy),
  2. recomputes them with independent hand formulas and asserts agreement,
  3. re-parses the data back out of the question text, recomputes, and asserts agreement.
"""
import itertools
import json
import math
import re
from pathlib import Path

import numpy as np
import sympy as sp
from scipy import integrate, optimize, stats
import statsmodels.api as sm
import statsmodels.formula.api as smf
from statsmodels.stats.anova import anova_lm
from statsmodels.stats.power import TTestIndPower, TTestPower
from statsmodels.stats.proportion import proportions_ztest
import pandas as pd

OUT = Path(__file__).resolve().parent / "round16.jsonl"
ITEMS = []


def add(kind, question, intent, tools, whats=(), rels=(), data=None, calc=None, hand=None,
        parse=None, refuse=False, hand_rel=1e-6, guard=None):
    ITEMS.append(dict(kind=kind, question=question.strip("\n"), intent=intent, tools=tools,
                      whats=list(whats), rels=list(rels), data=data, calc=calc, hand=hand,
                      parse=parse, refuse=refuse, hand_rel=hand_rel, guard=guard))


# ----------------------------------------------------------------- helpers
def f(x, d):
    return f"{x:.{d}f}"


def lines_matching(text, pattern):
    return [m for m in (re.match(pattern, ln.strip()) for ln in text.splitlines()) if m]


def nums(s):
    return [float(x) for x in re.findall(r"-?\d+(?:\.\d+)?", s)]


def after(text, label):
    """numbers on the line that starts with label"""
    for ln in text.splitlines():
        if ln.strip().lower().startswith(label.lower()):
            return nums(ln.strip()[len(label):])
    raise ValueError(label)


WORDNUM = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
           "nine": 9, "ten": 10, "twelve": 12, "sixteen": 16}


def close(a, b, rel):
    return abs(a - b) <= rel * max(abs(a), abs(b), 1e-12) or abs(a - b) < 1e-9


# ---- generic statistics (library) and hand versions
def paired_lib(d):
    a, b = np.array(d[0]), np.array(d[1])
    r = stats.ttest_rel(a, b)
    return [r.statistic, r.pvalue, float(np.mean(a - b))]


def paired_hand(d):
    x = [p - q for p, q in zip(d[0], d[1])]
    n = len(x)
    m = sum(x) / n
    s = math.sqrt(sum((v - m) ** 2 for v in x) / (n - 1))
    t = m / (s / math.sqrt(n))
    return [t, 2 * stats.t.sf(abs(t), n - 1), m]


def onesamp_lib(d, mu, alt="two-sided"):
    r = stats.ttest_1samp(d, mu, alternative=alt)
    return [r.statistic, r.pvalue]


def onesamp_hand(d, mu, alt="two-sided"):
    n = len(d)
    m = sum(d) / n
    s = math.sqrt(sum((v - m) ** 2 for v in d) / (n - 1))
    t = (m - mu) / (s / math.sqrt(n))
    p = {"two-sided": 2 * stats.t.sf(abs(t), n - 1), "less": stats.t.cdf(t, n - 1),
         "greater": stats.t.sf(t, n - 1)}[alt]
    return [t, p]


def welch_lib(a, b):
    r = stats.ttest_ind(a, b, equal_var=False)
    return [r.statistic, r.df, r.pvalue]


def welch_hand_summary(m1, s1, n1, m2, s2, n2):
    v1, v2 = s1 ** 2 / n1, s2 ** 2 / n2
    t = (m1 - m2) / math.sqrt(v1 + v2)
    df = (v1 + v2) ** 2 / (v1 ** 2 / (n1 - 1) + v2 ** 2 / (n2 - 1))
    return [t, df, 2 * stats.t.sf(abs(t), df)]


def msn(x):
    n = len(x)
    m = sum(x) / n
    return m, math.sqrt(sum((v - m) ** 2 for v in x) / (n - 1)), n


def oneway_lib(groups):
    r = stats.f_oneway(*groups)
    return [r.statistic, r.pvalue]


def oneway_hand(groups):
    allv = [v for g in groups for v in g]
    gm = sum(allv) / len(allv)
    ssb = sum(len(g) * (sum(g) / len(g) - gm) ** 2 for g in groups)
    ssw = sum(sum((v - sum(g) / len(g)) ** 2 for v in g) for g in groups)
    k, N = len(groups), len(allv)
    F = (ssb / (k - 1)) / (ssw / (N - k))
    return [F, stats.f.sf(F, k - 1, N - k)]


def slr_lib(x, y):
    res = sm.OLS(np.array(y), sm.add_constant(np.array(x, float))).fit()
    return float(res.params[1]), float(res.params[0]), float(res.rsquared)


def slr_hand(x, y):
    n = len(x)
    mx, my = sum(x) / n, sum(y) / n
    sxy = sum((a - mx) * (b - my) for a, b in zip(x, y))
    sxx = sum((a - mx) ** 2 for a in x)
    syy = sum((b - my) ** 2 for b in y)
    b1 = sxy / sxx
    return b1, my - b1 * mx, sxy ** 2 / (sxx * syy)


def chi_gof_lib(obs, probs):
    obs = np.array(obs, float)
    exp = np.array(probs) / sum(probs) * obs.sum()
    r = stats.chisquare(obs, exp)
    return [r.statistic, r.pvalue]


def chi_gof_hand(obs, probs):
    N = sum(obs)
    e = [p / sum(probs) * N for p in probs]
    c = sum((o - ee) ** 2 / ee for o, ee in zip(obs, e))
    return [c, stats.chi2.sf(c, len(obs) - 1)]


def chi_ind_lib(tab):
    c, p, dof, _ = stats.chi2_contingency(np.array(tab), correction=False)
    return [c, dof, p]


def chi_ind_hand(tab):
    R = [sum(r) for r in tab]
    C = [sum(c) for c in zip(*tab)]
    N = sum(R)
    c = sum((tab[i][j] - R[i] * C[j] / N) ** 2 / (R[i] * C[j] / N)
            for i in range(len(R)) for j in range(len(C)))
    dof = (len(R) - 1) * (len(C) - 1)
    return [c, dof, stats.chi2.sf(c, dof)]


def rank_avg(values):
    order = sorted(range(len(values)), key=lambda i: values[i])
    ranks = [0.0] * len(values)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
            j += 1
        for k in range(i, j + 1):
            ranks[order[k]] = (i + j) / 2 + 1
        i = j + 1
    return ranks


def mw_lib(a, b):
    r = stats.mannwhitneyu(a, b, alternative="two-sided")
    return [r.statistic, r.pvalue]


def mw_hand(a, b):
    """U for a, and normal-approximation p with continuity correction (scipy 'asymptotic')."""
    r = rank_avg(list(a) + list(b))
    n1, n2 = len(a), len(b)
    U1 = sum(r[:n1]) - n1 * (n1 + 1) / 2
    mu = n1 * n2 / 2
    sd = math.sqrt(n1 * n2 * (n1 + n2 + 1) / 12)
    z = (abs(U1 - mu) - 0.5) / sd
    return [U1, 2 * stats.norm.sf(z)]


def wsr_lib(d):
    return [stats.wilcoxon(d).pvalue]


def wsr_hand(d):
    """exact two-sided p by enumerating all sign patterns (no zeros / ties in |d|)."""
    d = [x for x in d if x != 0]
    r = rank_avg([abs(x) for x in d])
    wplus = sum(rk for rk, x in zip(r, d) if x > 0)
    n = len(d)
    tot = n * (n + 1) / 2
    w = min(wplus, tot - wplus)
    cnt = 0
    for signs in itertools.product([0, 1], repeat=n):
        s = sum(rk for rk, sg in zip(r, signs) if sg)
        if s <= w + 1e-9:
            cnt += 1
    return [min(1.0, 2 * cnt / 2 ** n)]


def kw_lib(groups):
    r = stats.kruskal(*groups)
    return [r.statistic, r.pvalue]


def kw_hand(groups):
    allv = [v for g in groups for v in g]
    r = rank_avg(allv)
    N = len(allv)
    H, i = 0.0, 0
    for g in groups:
        R = sum(r[i:i + len(g)])
        H += R ** 2 / len(g)
        i += len(g)
    H = 12 / (N * (N + 1)) * H - 3 * (N + 1)
    return [H, stats.chi2.sf(H, len(groups) - 1)]


def d2_exact(n):
    g = lambda x: 1 - (1 - stats.norm.cdf(x)) ** n - stats.norm.cdf(x) ** n
    return integrate.quad(g, -np.inf, np.inf)[0]


def d3_exact(n):
    d2 = d2_exact(n)
    F = stats.norm.cdf

    def g(y, x):  # x < y
        return 1 - F(y) ** n - (1 - F(x)) ** n + (F(y) - F(x)) ** n
    v = integrate.dblquad(g, -8, 8, lambda x: x, lambda x: 8)[0]
    return math.sqrt(2 * v - d2 ** 2)


def c4(n):
    return math.sqrt(2 / (n - 1)) * math.exp(math.lgamma(n / 2) - math.lgamma((n - 1) / 2))


TABLE = {  # textbook SPC constants (Montgomery, Appendix VI)
    4: dict(A2=0.729, d2=2.059, D3=0.0, D4=2.282),
    5: dict(A2=0.577, d2=2.326, D3=0.0, D4=2.114),
    10: dict(A3=0.975, B3=0.284, B4=1.716),
}


def sw_royston(x):
    """Shapiro-Wilk W and p by Royston's (1992/1995) approximation, n in 12..5000."""
    x = sorted(x)
    n = len(x)
    m = [stats.norm.ppf((i - 0.375) / (n + 0.25)) for i in range(1, n + 1)]
    mm = sum(v * v for v in m)
    u = 1 / math.sqrt(n)
    c = [v / math.sqrt(mm) for v in m]
    an = c[-1] + 0.221157 * u - 0.147981 * u ** 2 - 2.071190 * u ** 3 + 4.434685 * u ** 4 - 2.706056 * u ** 5
    an1 = c[-2] + 0.042981 * u - 0.293762 * u ** 2 - 1.752461 * u ** 3 + 5.682633 * u ** 4 - 3.582633 * u ** 5
    phi = (mm - 2 * m[-1] ** 2 - 2 * m[-2] ** 2) / (1 - 2 * an ** 2 - 2 * an1 ** 2)
    a = [v / math.sqrt(phi) for v in m]
    a[-1], a[-2], a[0], a[1] = an, an1, -an, -an1
    xm = sum(x) / n
    W = sum(ai * xi for ai, xi in zip(a, x)) ** 2 / sum((xi - xm) ** 2 for xi in x)
    ln = math.log(n)
    mu = 0.0038915 * ln ** 3 - 0.083751 * ln ** 2 - 0.31082 * ln - 1.5861
    sg = math.exp(0.0030302 * ln ** 2 - 0.082676 * ln - 0.4803)
    z = (math.log(1 - W) - mu) / sg
    return [W, stats.norm.sf(z)]


def resolution(design, names):
    """smallest word length w such that the product of w columns is constant (defining relation)."""
    D = np.array(design)
    for w in range(1, D.shape[1] + 1):
        for cols in itertools.combinations(range(D.shape[1]), w):
            prod = np.prod(D[:, cols], axis=1)
            if np.all(prod == prod[0]):
                return w
    return None


# ======================================================================
# KIND 1: tables that are not plain numeric columns
# ======================================================================
k1_A = [12.196, 12.250, 12.570, 12.302, 12.343, 12.502, 12.282, 12.615, 13.044, 12.248]
k1_dd = [0.021, 0.035, -0.004, 0.028, 0.012, 0.040, 0.019, 0.007, 0.031, 0.015]
k1_B = [round(a - d, 3) for a, d in zip(k1_A, k1_dd)]
rows = "\n".join(f"SH-{2201 + i},{f(a, 3)},{f(b, 3)}" for i, (a, b) in enumerate(zip(k1_A, k1_B)))
add(1, f"""
Gauge comparison for ECN-0412. Ten shafts were each measured once on the bench micrometer and once on the new laser gauge (same shaft, same painted spot). Does the laser gauge read differently from the micrometer? Diameters in mm:

part,micrometer,laser
{rows}
""", "paired t-test on micrometer vs laser per shaft (part id is a label, not data); two-sided",
    ["t_test"], ["paired t statistic (micrometer minus laser)", "two-sided p-value", "mean difference micrometer minus laser (mm)"],
    [0.005, 0.02, 0.005], data=(k1_A, k1_B), calc=paired_lib, hand=paired_hand,
    parse=lambda t: tuple(map(list, zip(*[(float(m[1]), float(m[2])) for m in lines_matching(t, r"^SH-\d+,(\d+(?:\.\d+)?),(\d+(?:\.\d+)?)$")]))))

k1_days = ["Mon", "Tue", "Wed", "Thu", "Fri"]
k1_stops = [31, 22, 19, 24, 39]
add(1, "Unplanned line stoppages logged per weekday, Q3 2024 (plant 2, line 6):\n" +
    "\n".join(f"{d}: {c}" for d, c in zip(k1_days, k1_stops)) +
    "\nMaintenance reckons Fridays are worse. Are the stoppages spread evenly over the five days or not?",
    "chi-square goodness of fit against equal proportions over 5 days (df 4)", ["chi_square"],
    ["chi-square statistic", "p-value"], [0.005, 0.02], data=(k1_stops, [1] * 5),
    calc=lambda d: chi_gof_lib(*d), hand=lambda d: chi_gof_hand(*d),
    parse=lambda t: ([int(m[2]) for m in lines_matching(t, r"^(Mon|Tue|Wed|Thu|Fri): (\d+)$")], [1] * 5))

k1_n = [220, 180, 250, 200, 240, 210, 190, 260, 230, 200, 215, 185, 245, 225]
k1_d = [11, 8, 14, 9, 12, 10, 22, 13, 11, 9, 10, 8, 13, 12]


def pchart_lib(d):
    n, x = np.array(d[0], float), np.array(d[1], float)
    pb = x.sum() / n.sum()
    se = np.sqrt(pb * (1 - pb) / n)
    p = x / n
    out = int(np.sum((p > pb + 3 * se) | (p < np.maximum(pb - 3 * se, 0))))
    return [pb, out]


def pchart_hand(d):
    pb = sum(d[1]) / sum(d[0])
    out = 0
    for n, x in zip(*d):
        h = 3 * math.sqrt(pb * (1 - pb) / n)
        if x / n > pb + h or x / n < pb - h:
            out += 1
    return [pb, out]


add(1, "Final visual inspection results for the last 14 lots of housing P/N 88-1043-02. The number inspected per lot varies. "
    "I'd like a proper p chart - what's the centre line, and how many lots (if any) plot outside the limits?\n\n"
    "Lot\tInspected\tRejected\n" + "\n".join(f"L23{i + 1:02d}\t{n}\t{x}" for i, (n, x) in enumerate(zip(k1_n, k1_d))),
    "p chart with variable subgroup size (limits per lot); lot number is a label", ["control_chart"],
    ["p-bar (centre line, fraction rejected)", "number of lots outside the 3-sigma limits (L2307)"], [0.005, 0],
    data=(k1_n, k1_d), calc=pchart_lib, hand=pchart_hand,
    parse=lambda t: tuple(map(list, zip(*[(int(m[1]), int(m[2])) for m in lines_matching(t, r"^L23\d\d\t(\d+)\t(\d+)$")]))))

k1u_n = [10, 8, 12, 10, 10, 9, 11, 10, 12, 8, 10, 10]
k1u_c = [31, 22, 40, 27, 33, 30, 29, 35, 38, 21, 26, 30]


def uchart_lib(d, n0=10):
    n, c = np.array(d[0], float), np.array(d[1], float)
    ub = c.sum() / n.sum()
    return [ub, ub + 3 * np.sqrt(ub / n0), ub - 3 * np.sqrt(ub / n0)]


def uchart_hand(d, n0=10):
    ub = sum(d[1]) / sum(d[0])
    return [ub, ub + 3 * math.sqrt(ub) / math.sqrt(n0), ub - 3 * math.sqrt(ub) / math.sqrt(n0)]


add(1, "Solder defects from AOI, SMT line 3, first half of November. Not every day gets the same number of boards through AOI.\n\n"
    "| Day | Boards inspected | Solder defects |\n|-----|------------------|----------------|\n" +
    "\n".join(f"| Nov {i + 1:02d} | {n} | {c} |" for i, (n, c) in enumerate(zip(k1u_n, k1u_c))) +
    "\n\nWhat's the centre line in defects per board, and what are the control limits on a day when 10 boards are inspected?",
    "u chart (defects per board, variable n); limits for n=10", ["control_chart"],
    ["u-bar (defects per board)", "UCL for n=10", "LCL for n=10"], [0.005, 0.005, 0.005],
    data=(k1u_n, k1u_c), calc=uchart_lib, hand=uchart_hand,
    parse=lambda t: tuple(map(list, zip(*[(int(m[1]), int(m[2])) for m in lines_matching(t, r"^\| Nov \d\d \| (\d+) \| (\d+) \|$")]))))

k1r_temp = [160, 150, 175, 165, 185, 155, 180, 170]
k1r_y = [74.1, 70.2, 79.8, 76.0, 83.9, 72.5, 81.2, 78.4]
k1r_dates = ["2024-05-02", "2024-05-02", "2024-05-03", "2024-05-06", "2024-05-06", "2024-05-07", "2024-05-08", "2024-05-08"]
add(1, "Can you fit yield against cure temperature for me? Trials from the pilot reactor:\n\n"
    "run,date,cure_temp_C,yield_pct\n" +
    "\n".join(f"R{i + 1},{dt},{x},{f(y, 1)}" for i, (dt, x, y) in enumerate(zip(k1r_dates, k1r_temp, k1r_y))) +
    "\n\nI need the slope (yield per degree), the intercept and R^2.",
    "simple linear regression yield ~ cure temperature; run id and date are not predictors", ["regression"],
    ["slope (% per deg C)", "intercept (%)", "R-squared"], [0.005, 0.005, 0.005],
    data=(k1r_temp, k1r_y), calc=lambda d: list(slr_lib(*d)), hand=lambda d: list(slr_hand(*d)),
    parse=lambda t: tuple(map(list, zip(*[(float(m[1]), float(m[2])) for m in lines_matching(t, r"^R\d,[\d-]+,(\d+),(\d+(?:\.\d+)?)$")]))))

k1_tab = [[45, 22, 18, 15], [38, 25, 20, 17], [30, 35, 31, 14]]
k1_rows, k1_cols = ["Day", "Evening", "Night"], ["Scratch", "Dent", "Misalign", "Other"]
add(1, "Defect type by shift, all rejects from weeks 14-22:\n\n"
    f"{'':10s}" + "".join(f"{c:>10s}" for c in k1_cols) + "\n" +
    "\n".join(f"{r:10s}" + "".join(f"{v:>10d}" for v in row) for r, row in zip(k1_rows, k1_tab)) +
    "\n\nIs the mix of defect types related to the shift?",
    "chi-square test of independence on a 3x4 contingency table", ["chi_square"],
    ["chi-square statistic", "degrees of freedom", "p-value"], [0.005, 0, 0.02],
    data=k1_tab, calc=chi_ind_lib, hand=chi_ind_hand,
    parse=lambda t: [[int(v) for v in m[2].split()] for m in lines_matching(t, r"^(Day|Evening|Night)\s+([\d\s]+)$")])

k1_names = ["J. Okafor", "M. Lindqvist", "R. Patel", "S. Moreau", "T. Nakamura", "A. Brennan", "L. Costa", "K. Yilmaz", "D. Evans"]
k1_bp0 = [151, 147, 145, 143, 150, 142, 155, 145, 139]
k1_bp8 = [143, 144, 139, 145, 140, 137, 146, 144, 135]
add(1, "Pilot of the 8-week workplace wellness programme. Systolic BP (mmHg) at enrolment and at week 8, same people:\n\n"
    "Participant\tWeek 0\tWeek 8\n" + "\n".join(f"{nm}\t{a}\t{b}" for nm, a, b in zip(k1_names, k1_bp0, k1_bp8)) +
    "\n\nDid systolic pressure change over the programme?",
    "paired t-test (week 0 vs week 8, same participants), two-sided", ["t_test"],
    ["paired t statistic (week 0 minus week 8)", "two-sided p-value", "mean drop (mmHg)"], [0.005, 0.02, 0.005],
    data=(k1_bp0, k1_bp8), calc=paired_lib, hand=paired_hand,
    parse=lambda t: tuple(map(list, zip(*[(int(m[1]), int(m[2])) for m in lines_matching(t, r"^[A-Z]\. [A-Za-z]+\t(\d+)\t(\d+)$")]))))

k1_np = [7, 4, 9, 5, 6, 3, 8, 10, 5, 6, 4, 7, 9, 5, 6]


def npchart_lib(d):
    n, x = d
    x = np.array(x, float)
    pb = x.mean() / n
    return [x.mean(), x.mean() + 3 * np.sqrt(n * pb * (1 - pb))]


def npchart_hand(d):
    n, x = d
    npb = sum(x) / len(x)
    return [npb, npb + 3 * math.sqrt(npb * (1 - npb / n))]


add(1, "Receiving inspection on connector lots, 200 pieces sampled from every lot:\n" +
    "\n".join(f"Lot {4471 + 3 * i} - 200 inspected, {x} defective" for i, x in enumerate(k1_np)) +
    "\nSet up an np chart: centre line and control limits please.",
    "np chart, constant n=200, 15 lots; lot numbers are labels", ["control_chart"],
    ["centre line np-bar (defectives per lot)", "UCL (LCL is 0)"], [0.005, 0.005],
    data=(200, k1_np), calc=npchart_lib, hand=npchart_hand,
    parse=lambda t: (200, [int(m[1]) for m in lines_matching(t, r"^Lot \d+ - 200 inspected, (\d+) defective$")]))

k1_sup = {"Supplier A": [12.1, 12.4, 11.9, 12.6, 12.2, 12.0], "Supplier B": [12.8, 13.1, 12.5, 12.9, 13.4, 12.7],
          "Supplier C": [12.3, 11.8, 12.6, 12.1, 12.4, 12.5], "Supplier D": [13.0, 12.6, 12.9, 13.3, 12.8, 12.4]}
add(1, "Lap-shear bond strength (kN), 6 coupons per adhesive supplier, tested 3 Feb:\n" +
    "\n".join(f"{k}: " + ", ".join(f(v, 1) for v in vals) for k, vals in k1_sup.items()) +
    "\nDo the suppliers differ in mean strength?",
    "one-way ANOVA across 4 suppliers", ["anova_oneway"], ["F statistic", "p-value"], [0.005, 0.02],
    data=list(k1_sup.values()), calc=oneway_lib, hand=oneway_hand,
    parse=lambda t: [[float(v) for v in m[1].split(", ")] for m in lines_matching(t, r"^Supplier [A-D]: (.*)$")])

k1_cat = [1.0, 1.5, 2.0, 2.5, 3.0, 4.0, 4.5, 5.0, 5.5]
k1_time = [58.2, 55.1, 51.9, 49.6, 46.0, 40.8, 38.9, 35.2, 33.4]


def slr_pred_lib(d):
    x, y, x0 = d
    b1, b0, _ = slr_lib(x, y)
    return [b1, b0 + b1 * x0]


def slr_pred_hand(d):
    x, y, x0 = d
    b1, b0, _ = slr_hand(x, y)
    return [b1, b0 + b1 * x0]


add(1, "batch\tcatalyst_g\ttime_min\n" +
    "\n".join(f"B-{117 + i}\t{f(x, 1)}\t{f(y, 1)}" for i, (x, y) in enumerate(zip(k1_cat, k1_time))) +
    "\n\nreaction time vs catalyst charge from the last nine batches. fit a straight line and tell me the expected time if we charge 3.5 g",
    "simple linear regression time ~ catalyst; predict at x=3.5 (batch id is a label)", ["regression"],
    ["slope (min per g)", "predicted time at 3.5 g (min)"], [0.005, 0.005],
    data=(k1_cat, k1_time, 3.5), calc=slr_pred_lib, hand=slr_pred_hand,
    parse=lambda t: tuple(map(list, zip(*[(float(m[1]), float(m[2])) for m in lines_matching(t, r"^B-\d+\t(\d+(?:\.\d+)?)\t(\d+(?:\.\d+)?)$")]))) +
    (float(re.search(r"charge (\d+(?:\.\d+)?) g", t)[1]),))

k1_tw = [[41.2, 42.1, 40.9], [42.6, 44.9, 42.3], [41.5, 42.0, 40.1], [42.2, 43.6, 41.8]]


def tw_lib(tab):
    rows_ = [(f"M{i + 1}", op, v) for i, r in enumerate(tab) for op, v in zip(["Ana", "Ben", "Chen"], r)]
    df = pd.DataFrame(rows_, columns=["m", "op", "y"])
    a = anova_lm(smf.ols("y ~ C(m) + C(op)", df).fit())
    return [a.loc["C(m)", "F"], a.loc["C(op)", "F"], a.loc["C(op)", "PR(>F)"]]


def tw_hand(tab):
    r, c = len(tab), len(tab[0])
    gm = sum(map(sum, tab)) / (r * c)
    rm = [sum(row) / c for row in tab]
    cm = [sum(col) / r for col in zip(*tab)]
    ssr = c * sum((m - gm) ** 2 for m in rm)
    ssc = r * sum((m - gm) ** 2 for m in cm)
    sst = sum((v - gm) ** 2 for row in tab for v in row)
    sse = sst - ssr - ssc
    dfe = (r - 1) * (c - 1)
    Fr = ssr / (r - 1) / (sse / dfe)
    Fc = ssc / (c - 1) / (sse / dfe)
    return [Fr, Fc, stats.f.sf(Fc, c - 1, dfe)]


add(1, "Coating thickness (um), one panel for each machine/operator combination, wk 37:\n\n"
    "         Ana    Ben    Chen\n" +
    "\n".join(f"M{i + 1}     " + "  ".join(f"{v:5.1f}" for v in row) for i, row in enumerate(k1_tw)) +
    "\n\nDo the machines differ? Do the operators differ?",
    "two-way ANOVA without replication (additive model), machines x operators", ["anova_twoway"],
    ["F for machines", "F for operators", "p-value for operators"], [0.005, 0.005, 0.02],
    data=k1_tw, calc=tw_lib, hand=tw_hand,
    parse=lambda t: [nums(m[1]) for m in lines_matching(t, r"^M\d\s+([\d.\s]+)$")])

k1_mix = [88, 51, 57, 44]
k1_mixp = [30, 25, 25, 20]
add(1, "Spec mix for the assortment bag is red 30%, green 25%, blue 25%, yellow 20%.\n"
    "Counted a 240-piece grab sample from batch 7781:\n" +
    "\n".join(f"{c} -> {n}" for c, n in zip(["red", "green", "blue", "yellow"], k1_mix)) +
    "\nDoes the batch match the spec mix?",
    "chi-square goodness of fit against stated proportions 0.30/0.25/0.25/0.20", ["chi_square"],
    ["chi-square statistic", "p-value"], [0.005, 0.02], data=(k1_mix, k1_mixp),
    calc=lambda d: chi_gof_lib(*d), hand=lambda d: chi_gof_hand(*d),
    parse=lambda t: ([int(m[2]) for m in lines_matching(t, r"^(red|green|blue|yellow) -> (\d+)$")],
                     [int(v) for v in re.findall(r"(\d+)%", t)]))

k1_ref = [2.1, 3.4, 5.0, 6.2, 7.9, 9.1, 10.4, 12.0, 13.5, 15.2]
k1_new = [2.3, 3.6, 5.1, 6.2, 7.8, 9.0, 10.2, 11.6, 13.1, 14.6]
add(1, "Method comparison, nitrate in water (mg/L). Each sample split and run on the reference method and on the new test kit.\n\n"
    "Sample    Reference    New kit\n" +
    "\n".join(f"WS-{31 + i:03d}    {f(a, 1):>9s}    {f(b, 1):>7s}" for i, (a, b) in enumerate(zip(k1_ref, k1_new))) +
    "\n\nRegress the new kit on the reference (new = a + b*reference). What are a and b, and the R-squared?",
    "simple linear regression, y = new kit, x = reference; sample id is a label", ["regression"],
    ["slope b", "intercept a (mg/L)", "R-squared"], [0.005, 0.005, 0.005],
    data=(k1_ref, k1_new), calc=lambda d: list(slr_lib(*d)), hand=lambda d: list(slr_hand(*d)),
    parse=lambda t: tuple(map(list, zip(*[(float(m[1]), float(m[2])) for m in lines_matching(t, r"^WS-\d+\s+(\d+(?:\.\d+)?)\s+(\d+(?:\.\d+)?)$")]))))

k1_long = [("A", 2.04), ("B", 2.11), ("C", 1.98), ("A", 2.01), ("C", 2.00), ("B", 2.09), ("A", 2.06), ("B", 2.13),
           ("C", 1.97), ("C", 2.02), ("A", 2.03), ("B", 2.08), ("B", 2.12), ("C", 1.99), ("A", 2.05)]


def long_groups(rec):
    return [[v for g, v in rec if g == k] for k in ["A", "B", "C"]]


add(1, "Sheet thickness log from the three calenders, in the order the samples were pulled:\n\n"
    "run,calender,thickness_mm\n" + "\n".join(f"{i + 1},{g},{f(v, 2)}" for i, (g, v) in enumerate(k1_long)) +
    "\n\nIs there a difference in mean thickness between calenders A, B and C?",
    "one-way ANOVA on long-format records grouped by calender (run number is not a variable)", ["anova_oneway"],
    ["F statistic", "p-value"], [0.005, 0.02], data=long_groups(k1_long), calc=oneway_lib, hand=oneway_hand,
    parse=lambda t: long_groups([(m[1], float(m[2])) for m in lines_matching(t, r"^\d+,([ABC]),(\d+(?:\.\d+)?)$")]))

add(1, "Need a p chart for rejects on the wave solder line. Lot sizes vary a lot (anything from about 150 to 600 boards per lot). Here's what I have:\n"
    "Lot 1: 12 rejects\nLot 2: 9 rejects\nLot 3: 21 rejects\nLot 4: 7 rejects\nLot 5: 15 rejects\nLot 6: 11 rejects\nLot 7: 18 rejects\nLot 8: 10 rejects\n"
    "What are the centre line and limits?",
    "REFUSE: p chart needs the number inspected per lot, which is not given and explicitly varies", ["control_chart"],
    refuse=True)

add(1, "Test whether complaint type depends on region:\n\n"
    "           Billing  Delivery  Quality\n"
    "North         34        21       40\n"
    "South         29        ??       33\n"
    "West          41        25       --\n\n"
    "(the South/Delivery and West/Quality cells didn't come through in the CRM export)",
    "REFUSE: two cells of the contingency table are missing", ["chi_square"], refuse=True)

# ======================================================================
# KIND 2: intent carried by wording
# ======================================================================
k2_a = [38.0, 39.7, 42.1, 40.7, 45.3, 38.5, 37.2, 44.9, 35.4, 49.5, 47.8]
k2_b = [34.7, 56.8, 43.9, 41.6, 51.6, 56.7, 43.3, 47.4, 45.6, 48.3]
add(2, "Elongation at break (%) for two resin suppliers, one test bar per lot.\n"
    "Supplier K: " + ", ".join(f(v, 1) for v in k2_a) + "\n"
    "Supplier T: " + ", ".join(f(v, 1) for v in k2_b) + "\n"
    "Elongation for this grade is usually badly skewed, so please don't assume normality. Is there a difference between suppliers?",
    "Mann-Whitney U (rank) test, two-sided; not a t-test", ["mann_whitney"],
    ["U statistic for Supplier K (the smaller U)", "two-sided p-value (normal approx. with continuity; exact gives 0.0720)"],
    [0, 0.08], data=(k2_a, k2_b), calc=lambda d: mw_lib(*d), hand=lambda d: mw_hand(*d),
    parse=lambda t: (after(t, "Supplier K:"), after(t, "Supplier T:")))

k2_l1 = [226.8, 229.1, 222.5, 226.5, 229.0, 229.2, 230.0, 232.8, 225.8, 227.9, 228.4, 226.1]
k2_l2 = [214.5, 236.8, 205.0, 226.6, 211.7, 219.8, 229.6, 203.1]
add(2, "peel strength of the pouch seals (N/m), line 1 vs line 2, samples from shift B on 22/10.\n"
    "line 1 - " + " ".join(f(v, 1) for v in k2_l1) + "\n"
    "line 2 - " + " ".join(f(v, 1) for v in k2_l2) + "\n"
    "line 2's sealer is known to be much more erratic than line 1's so I don't want to assume equal variances. is the mean peel strength different?",
    "Welch two-sample t-test (unequal variances), two-sided", ["t_test"],
    ["t statistic (line 1 minus line 2)", "Welch degrees of freedom", "two-sided p-value"], [0.005, 0.005, 0.02],
    data=(k2_l1, k2_l2), calc=lambda d: welch_lib(*d),
    hand=lambda d: welch_hand_summary(*msn(d[0]), *msn(d[1])),
    parse=lambda t: (after(t, "line 1 - "), after(t, "line 2 - ")))

k2_fill = [500.9, 502.6, 500.8, 500.5, 500.3, 502.0, 500.6, 499.5, 499.2, 499.3, 500.5, 501.2, 500.4, 499.7]
add(2, "Fill volumes from filler head 3 on 11 June (mL): " + ", ".join(f(v, 1) for v in k2_fill) +
    ". Nominal fill is 500 mL. Is the avrage fill off nominal?",
    "one-sample t-test against the nominal 500 mL, two-sided", ["t_test"],
    ["t statistic", "two-sided p-value"], [0.005, 0.02], data=k2_fill,
    calc=lambda d: onesamp_lib(d, 500.0), hand=lambda d: onesamp_hand(d, 500.0),
    parse=lambda t: nums(t.split("(mL):")[1].split(". Nominal")[0]))

k2_dates = ["10 March", "11 March", "12 March", "13 March", "14 March", "15 March", "16 March", "17 March", "18 March", "19 March", "20 March"]
k2_temp = [182.4, 181.9, 183.1, 182.7, 196.8, 182.2, 181.5, 183.4, 182.9, 182.0, 182.6]
k2_keep = [v for dt, v in zip(k2_dates, k2_temp) if dt != "14 March"]


def desc_lib(d):
    return [float(np.mean(d)), float(np.std(d, ddof=1))]


def desc_hand(d):
    m, s, _ = msn(d)
    return [m, s]


add(2, "Daily 08:00 reactor jacket temperatures (deg C):\n" +
    "\n".join(f"{dt}: {f(v, 1)}" for dt, v in zip(k2_dates, k2_temp)) +
    "\nThe 14 March reading was taken while the thermocouple was being swapped, so leave it out. "
    "What are the mean and standard deviation of the remaining readings?",
    "descriptive stats after excluding the 14 March point (n=10, sample sd)", ["describe"],
    ["mean without 14 March (deg C)", "sample standard deviation without 14 March"], [0.005, 0.005],
    data=k2_keep, calc=desc_lib, hand=desc_hand,
    parse=lambda t: [float(m[2]) for m in lines_matching(t, r"^(\d+ March): (\d+(?:\.\d+)?)$") if m[1] != "14 March"])

k2_c = [12, 9, 15, 11, 8, 14, 10, 13, 12, 16, 9, 11, 17, 10, 13, 12, 8, 14, 11, 12]


def cchart_lib(d):
    cb = float(np.mean(d))
    return [cb, cb + 3 * np.sqrt(cb), cb - 3 * np.sqrt(cb)]


def cchart_hand(d):
    cb = sum(d) / len(d)
    return [cb, cb + 3 * cb ** 0.5, cb - 3 * cb ** 0.5]


add(2, "We count paint blemishes on every 5th door coming off the paint line (each door is the same model, same area). "
    "Last 20 doors checked: " + " ".join(str(v) for v in k2_c) +
    "\nWhat chart should we be running and where are its limits?",
    "defect counts on equal-size units -> c chart", ["control_chart"],
    ["c-bar (centre line)", "UCL", "LCL"], [0.005, 0.005, 0.005], data=k2_c, calc=cchart_lib, hand=cchart_hand,
    parse=lambda t: [int(v) for v in t.split("checked: ")[1].split("\n")[0].split()])

k2_len = [50, 62, 45, 70, 55, 48, 66, 58, 40, 75, 52, 60]
k2_fl = [6, 8, 5, 9, 7, 5, 8, 7, 14, 10, 6, 7]


def uchart_out_lib(d):
    n, c = np.array(d[0], float), np.array(d[1], float)
    ub = c.sum() / n.sum()
    u = c / n
    h = 3 * np.sqrt(ub / n)
    return [ub, int(np.sum((u > ub + h) | (u < ub - h)))]


def uchart_out_hand(d):
    ub = sum(d[1]) / sum(d[0])
    out = sum(1 for n, c in zip(*d) if abs(c / n - ub) > 3 * math.sqrt(ub / n))
    return [ub, out]


add(2, "Flaws counted at the inspection frame, one line per roll of coated fabric. Roll lengths differ because of splices.\n" +
    "\n".join(f"roll {301 + i}: {n} m, {c} flaws" for i, (n, c) in enumerate(zip(k2_len, k2_fl))) +
    "\nWhich control chart fits this, and is the process in control? Work in flaws per metre.",
    "counts over varying length -> u chart (per metre), limits vary by roll; roll 309 signals", ["control_chart"],
    ["u-bar (flaws per metre)", "number of rolls outside their limits"], [0.005, 0],
    data=(k2_len, k2_fl), calc=uchart_out_lib, hand=uchart_out_hand,
    parse=lambda t: tuple(map(list, zip(*[(int(m[1]), int(m[2])) for m in lines_matching(t, r"^roll \d+: (\d+) m, (\d+) flaws$")]))))

k2_str = [45.1, 44.4, 49.3, 48.3, 46.8, 51.9, 49.0, 46.0, 49.6, 47.8, 51.1, 50.4]
add(2, "The bar-stock supplier's cert says mean yield strength is at least 50 MPa. Our own 12 test bars: "
    + "; ".join(f(v, 1) for v in k2_str) +
    " MPa. Do our results show the mean is actually below 50?",
    "one-sample one-sided t-test, H1: mu < 50", ["t_test"],
    ["t statistic", "one-sided p-value (lower tail)"], [0.005, 0.02], data=k2_str,
    calc=lambda d: onesamp_lib(d, 50.0, "less"), hand=lambda d: onesamp_hand(d, 50.0, "less"),
    parse=lambda t: [float(v) for v in t.split("test bars: ")[1].split(" MPa")[0].split("; ")])

k2_ppk = [9.966, 10.050, 10.013, 9.935, 10.097, 10.078, 9.978, 10.021, 9.991, 9.980, 10.048, 10.018, 9.970,
          9.969, 10.023, 9.933, 9.990, 10.039, 9.993, 10.060, 10.053, 10.069, 10.086, 10.052, 10.019]


def ppk_lib(d, lsl, usl):
    x = np.array(d)
    m, s = x.mean(), x.std(ddof=1)
    return [min(usl - m, m - lsl) / (3 * s), (usl - lsl) / (6 * s)]


def ppk_hand(d, lsl, usl):
    m, s, _ = msn(d)
    return [min((usl - m) / (3 * s), (m - lsl) / (3 * s)), (usl - lsl) / (6 * s)]


add(2, "Valve stem OD, spec 10.00 +/- 0.15 mm. Five parts pulled at each of five times during the run on 4 Sept:\n" +
    "\n".join(f"{hh}: " + " ".join(f(v, 3) for v in k2_ppk[5 * i:5 * i + 5]) for i, hh in enumerate(["07:00", "09:00", "11:00", "13:00", "15:00"])) +
    "\nThe customer wants Ppk (overall, long-term performance), not Cpk. What is it?",
    "Ppk from overall sample sd (n-1) of all 25 values; LSL 9.85, USL 10.15", ["capability"],
    ["Ppk", "Pp"], [0.005, 0.005], data=(k2_ppk, 9.85, 10.15),
    calc=lambda d: ppk_lib(*d), hand=lambda d: ppk_hand(*d),
    parse=lambda t: ([v for m in lines_matching(t, r"^\d\d:00: (.*)$") for v in nums(m[1])],
                     10.00 - 0.15, 10.00 + 0.15))

k2_cpk = [50.87, 50.13, 50.74, 49.56, 49.94, 50.21, 50.28, 49.38, 49.28, 49.49, 49.59, 50.78, 49.31, 50.46, 49.40,
          48.85, 49.29, 51.28, 50.08, 50.46, 50.63, 48.34, 50.48, 49.34, 50.30, 50.17, 50.87, 49.81, 50.87, 49.74]


def cpk_rbar_lib(d):
    x, lsl, usl = d
    sub = np.array(x).reshape(-1, 5)
    rbar = np.ptp(sub, axis=1).mean()
    sig = rbar / d2_exact(5)
    m = sub.mean()
    return [sig, min(usl - m, m - lsl) / (3 * sig)]


def cpk_rbar_hand(d):
    x, lsl, usl = d
    subs = [x[i:i + 5] for i in range(0, len(x), 5)]
    rbar = sum(max(s) - min(s) for s in subs) / len(subs)
    sig = rbar / TABLE[5]["d2"]
    m = sum(x) / len(x)
    return [sig, min(usl - m, m - lsl) / (3 * sig)]


add(2, "Subgroups of 5 consecutive parts, six subgroups, bore depth in mm. Spec 47.00 to 53.00.\n" +
    "\n".join(f"SG{i + 1}  " + "  ".join(f(v, 2) for v in k2_cpk[5 * i:5 * i + 5]) for i in range(6)) +
    "\nWhat's Cpk? Estimate the within-subgroup sigma the classic way, from R-bar/d2.",
    "Cpk with sigma_within = Rbar/d2 (d2=2.326 for n=5)", ["capability"],
    ["sigma within (Rbar/d2, mm)", "Cpk"], [0.005, 0.005], data=(k2_cpk, 47.0, 53.0),
    calc=cpk_rbar_lib, hand=cpk_rbar_hand, hand_rel=1e-3,
    parse=lambda t: ([v for m in lines_matching(t, r"^SG\d\s+(.*)$") for v in nums(m[1])], 47.0, 53.0))

k2_fact = {(-1, -1): 62.3, (1, -1): 68.9, (-1, 1): 65.1, (1, 1): 73.4}
k2_cent = [70.8, 71.5, 70.2, 71.9, 70.9]


def curv_lib(d):
    fact, cent = d
    rows_ = [(a, b, 0, y) for (a, b), y in fact.items()] + [(0, 0, 1, y) for y in cent]
    df = pd.DataFrame(rows_, columns=["A", "B", "ctr", "y"])
    fit = smf.ols("y ~ A + B + A:B + ctr", df).fit()
    ft = fit.f_test("ctr = 0")
    return [float(np.squeeze(ft.fvalue)), float(np.squeeze(ft.pvalue))]


def curv_hand(d):
    fact, cent = d
    yf = list(fact.values())
    nf, nc = len(yf), len(cent)
    mf, mc = sum(yf) / nf, sum(cent) / nc
    ss = nf * nc * (mf - mc) ** 2 / (nf + nc)
    mse = sum((v - mc) ** 2 for v in cent) / (nc - 1)
    F = ss / mse
    return [F, stats.f.sf(F, 1, nc - 1)]


add(2, "2^2 screening on the granulator, temperature and binder rate, one run per corner plus centre runs. Yield %:\n\n"
    "temp   binder   yield\n" +
    "\n".join(f"{'+' if a > 0 else '-':>4s}   {'+' if b > 0 else '-':>6s}   {f(y, 1)}" for (a, b), y in k2_fact.items()) +
    "\ncentre points (0,0): " + ", ".join(f(v, 1) for v in k2_cent) +
    "\n\nBefore we fit a first-order model - is there evidence of curvature?",
    "curvature test in a 2^2 with 5 centre points (pure error from centre points, df 4)", ["doe_curvature"],
    ["curvature F statistic (1, 4 df)", "p-value"], [0.005, 0.02], data=(k2_fact, k2_cent),
    calc=curv_lib, hand=curv_hand,
    parse=lambda t: ({(1 if m[1] == "+" else -1, 1 if m[2] == "+" else -1): float(m[3])
                      for m in lines_matching(t, r"^([+-])\s+([+-])\s+(\d+(?:\.\d+)?)$")},
                     after(t, "centre points (0,0):")))

k2_int = [(160, 30, 18.2), (160, 30, 19.0), (180, 30, 24.1), (180, 30, 23.3),
          (160, 45, 20.5), (160, 45, 21.3), (180, 45, 31.0), (180, 45, 30.2)]


def int_lib(d):
    df = pd.DataFrame(d, columns=["T", "t", "y"])
    df["A"] = np.where(df["T"] == df["T"].max(), 1, -1)
    df["B"] = np.where(df["t"] == df["t"].max(), 1, -1)
    fit = smf.ols("y ~ A * B", df).fit()
    return [2 * fit.params["A:B"], fit.pvalues["A:B"]]


def int_hand(d):
    Tm, tm = max(r[0] for r in d), max(r[1] for r in d)
    plus = [y for T, t, y in d if (T == Tm) == (t == tm)]
    minus = [y for T, t, y in d if (T == Tm) != (t == tm)]
    eff = sum(plus) / len(plus) - sum(minus) / len(minus)
    cells = {}
    for T, t, y in d:
        cells.setdefault((T, t), []).append(y)
    sse = sum(sum((v - sum(c) / len(c)) ** 2 for v in c) for c in cells.values())
    dfe = len(d) - len(cells)
    ss_ab = len(d) * eff ** 2 / 4
    F = ss_ab / (sse / dfe)
    return [eff, stats.f.sf(F, 1, dfe)]


add(2, "Duplicated 2x2 on the curing oven (8 runs, randomised). Bond strength in MPa:\n" +
    "\n".join(f"Temp {T} C, time {t} min: {f(y, 1)}" for T, t, y in k2_int) +
    "\nI mostly care whether temperature and time interact. What's the interaction effect and is it significant?",
    "2^2 factorial with 2 replicates; AB interaction effect (not coefficient) and its p", ["doe_effects", "doe_anova"],
    ["AB interaction effect (MPa)", "p-value for AB"], [0.005, 0.02], data=k2_int, calc=int_lib, hand=int_hand,
    parse=lambda t: [(int(m[1]), int(m[2]), float(m[3])) for m in lines_matching(t, r"^Temp (\d+) C, time (\d+) min: (\d+(?:\.\d+)?)$")])

k2_lev = {"Press 1": [20.81, 21.96, 20.14, 18.96, 20.45, 17.79, 19.76, 19.09],
          "Press 2": [17.13, 23.01, 20.63, 15.89, 24.84, 20.48, 18.12, 21.34],
          "Press 3": [19.43, 20.42, 19.30, 19.33, 18.99, 20.30, 20.25, 21.00]}


def lev_hand(groups):
    z = []
    for g in groups:
        med = float(np.median(g))
        z.append([abs(v - med) for v in g])
    return oneway_hand(z)


add(2, "Part weight (g) from three presses running the same tool family:\n" +
    "\n".join(f"{k}: " + ", ".join(f(v, 2) for v in vals) for k, vals in k2_lev.items()) +
    "\nI'm not asking about the means - I want to know if the presses differ in consistancy (spread). "
    "Use Levene's test with deviations from the group medians.",
    "Levene / Brown-Forsythe test (median-centred) for equal variances", ["levene"],
    ["Levene W statistic (median-centred)", "p-value"], [0.005, 0.02], data=list(k2_lev.values()),
    calc=lambda d: [stats.levene(*d).statistic, stats.levene(*d).pvalue], hand=lev_hand,
    parse=lambda t: [after(t, k + ":") for k in ["Press 1", "Press 2", "Press 3"]])

k2_hb = [63.3, 63.5, 62.3, 56.2, 59.2, 59.8, 61.0, 63.6]
k2_ha = [62.1, 63.1, 60.4, 56.5, 57.7, 58.9, 60.8, 62.0]
add(2, "Hardness (HRC) of the same eight coupons, listed in the same coupon order, before and after a 500 h ageing soak.\n"
    "Before: " + ", ".join(f(v, 1) for v in k2_hb) + "\n"
    "After:  " + ", ".join(f(v, 1) for v in k2_ha) + "\n"
    "Did ageing change the hardness?",
    "paired t-test (same coupons), two-sided", ["t_test"],
    ["paired t statistic (before minus after)", "two-sided p-value"], [0.005, 0.02],
    data=(k2_hb, k2_ha), calc=lambda d: paired_lib(d)[:2], hand=lambda d: paired_hand(d)[:2],
    parse=lambda t: (after(t, "Before:"), after(t, "After:")))

k2_sw = [3.77, 3.65, 3.91, 3.90, 3.36, 3.23, 3.28, 3.12, 2.52, 2.85, 2.62, 3.57, 3.28, 4.03, 3.68, 3.13, 3.15, 2.65]
add(2, "Before I run a t-test on these surface roughness values (Ra, um) I need to know whether normality is a reasonable assumption. "
    "Shapiro-Wilk please.\n" + " ".join(f(v, 2) for v in k2_sw),
    "Shapiro-Wilk normality test", ["normality"], ["Shapiro-Wilk W", "p-value"], [0.005, 0.02],
    data=k2_sw, calc=lambda d: list(stats.shapiro(d)), hand=sw_royston, hand_rel=2e-3,
    parse=lambda t: nums(t.strip().splitlines()[-1]))

add(2, "Shaft diameters from this morning (mm): 24.996 25.003 25.011 24.989 25.007 24.998 25.004 25.013 24.992 25.001 "
    "25.006 24.995 25.009 25.000 24.997 25.008 24.993 25.002 25.005 24.999\nWhat's our Cpk?",
    "REFUSE: capability needs specification limits, none given", ["capability"], refuse=True)

add(2, "Same operators, before and after the retraining, cycle time in seconds. Run a paired t-test please.\n"
    "before: 41.2 39.8 44.1 40.6 42.9 38.7 43.5 41.1\n"
    "after: 39.9 38.1 42.0 40.2 41.5 37.9 42.2",
    "REFUSE: paired test needs equal-length matched lists; 8 before vs 7 after, pairing unknown", ["t_test"], refuse=True)

# ======================================================================
# KIND 3: numbers in prose with specific roles
# ======================================================================


def blocked_lib(d):
    k, cap = d
    X = np.array(list(itertools.product([-1, 1], repeat=k)))
    nb = len(X) // cap
    nbits = int(math.log2(nb))
    gens = {1: [list(range(k))], 2: [[0, 1, 2], [2, 3, 4]]}[nbits]  # ABCD / ABC & CDE
    blk = np.zeros(len(X), int)
    for j, g in enumerate(gens):
        blk += ((np.prod(X[:, g], axis=1) + 1) // 2) * (2 ** j)
    sizes = np.bincount(blk)
    assert len(sizes) == nb and np.all(sizes == cap)
    return [len(X), nb]


add(3, "We want to study four 2-level factors (furnace temp, dwell, atmosphere flow and load pattern) as a FULL factorial - no fractions, "
    "management wants every interaction estimable except maybe the highest one. Catch: the furnace can only do 8 runs a day and day-to-day "
    "drift is real. How many runs and how many blocks, and what gets confounded with blocks?",
    "full 2^4 (16 runs) in 2 blocks of 8 (day = block), ABCD confounded; 8 is block size not run count", ["doe_design"],
    ["total runs", "number of blocks (days)"], [0, 0], data=(4, 8), calc=blocked_lib,
    hand=lambda d: [2 ** d[0], 2 ** d[0] // d[1]],
    parse=lambda t: (WORDNUM[re.search(r"study (\w+) 2-level", t)[1]], int(re.search(r"only do (\d+) runs a day", t)[1])))

add(3, "Planning an extrusion trial: screw speed and barrel temperature, each at 3 levels (low / mid / high). "
    "Full factorial, and we want the whole thing run twice so we have pure error. How many extrusion runs do I need to book?",
    "3^2 full factorial (9 runs) x 2 replicates = 18; '3' is the level count, factors = 2", ["doe_design"],
    ["total runs"], [0], data=(2, 3, 2),
    calc=lambda d: [len(list(itertools.product(range(d[1]), repeat=d[0]))) * d[2]], hand=lambda d: [d[1] ** d[0] * d[2]],
    parse=lambda t: (2, int(re.search(r"each at (\d) levels", t)[1]), 2 if "run twice" in t else 1))


def ccp_lib(d):
    k, nc = d
    X = list(itertools.product([-1, 1], repeat=k)) + [(0,) * k] * nc
    return [len(X)]


add(3, "Three factors (pH, temperature, stirring speed) at two levels each, full factorial, plus four centre runs so we can check for curvature. "
    "Total number of runs?", "2^3 + 4 centre points = 12 runs", ["doe_design"], ["total runs"], [0], data=(3, 4),
    calc=ccp_lib, hand=lambda d: [2 ** d[0] + d[1]],
    parse=lambda t: (WORDNUM[re.search(r"^(\w+) factors", t.strip(), re.I)[1].lower()], WORDNUM[re.search(r"plus (\w+) centre", t)[1]]))


def frac_lib(d):
    k, runs = d
    p = k - int(math.log2(runs))
    base = np.array(list(itertools.product([-1, 1], repeat=k - p)))
    gens = {(5, 1): [[0, 1, 2, 3]], (4, 1): [[0, 1, 2]]}[(k, p)]
    X = np.column_stack([base] + [np.prod(base[:, g], axis=1) for g in gens])
    return [len(X), resolution(X, None)]


add(3, "Five factors to screen on the coating line, 2 levels each. The budget is 16 runs, full stop. Which design do you recommend and what resolution do we get?",
    "2^(5-1) half fraction, E=ABCD, resolution V, 16 runs", ["doe_design", "doe_properties"],
    ["runs", "resolution (5 = V)"], [0, 0], data=(5, 16), calc=frac_lib,
    hand=lambda d: [d[1], d[0]],  # 2^(5-1): I = ABCDE, word length = k
    parse=lambda t: (WORDNUM[re.search(r"^(\w+) factors", t.strip(), re.I)[1].lower()], int(re.search(r"budget is (\d+) runs", t)[1])))


def xbarr_lib(d):
    xbb, rbar, n = d
    d2 = d2_exact(n)
    d3 = d3_exact(n)
    A2 = 3 / (d2 * math.sqrt(n))
    D4 = 1 + 3 * d3 / d2
    return [xbb + A2 * rbar, xbb - A2 * rbar, D4 * rbar]


def xbarr_hand(d):
    xbb, rbar, n = d
    c = TABLE[n]
    return [xbb + c["A2"] * rbar, xbb - c["A2"] * rbar, c["D4"] * rbar]


add(3, "Piston pin OD. We pull 4 pins every hour; after 25 hours of data the grand average is 25.02 mm and the average range is 0.21 mm. "
    "What are the X-bar and R chart limits?",
    "Xbar-R limits with n=4 (A2=0.729, D4=2.282); 25 is the number of subgroups, not n", ["control_chart", "spc_constants", "summary_chart"],
    ["X-bar UCL (mm)", "X-bar LCL (mm)", "R chart UCL (mm)"], [0.005, 0.005, 0.005], data=(25.02, 0.21, 4),
    calc=xbarr_lib, hand=xbarr_hand, hand_rel=1e-3,
    parse=lambda t: (float(re.search(r"grand average is (\d+(?:\.\d+)?)", t)[1]), float(re.search(r"average range is (\d+(?:\.\d+)?)", t)[1]),
                     int(re.search(r"pull (\d+) pins", t)[1])))

k3_al = [99.83, 99.6, 99.41, 100.28, 98.97, 100.05, 99.93, 99.73, 98.91, 100.14, 99.54, 99.1]
add(3, "Assay results (% label claim) for 12 tablets from batch 24-0917: " + ", ".join(f(v, 2) for v in k3_al) +
    ". Target is 100.0%. Our SOP says test at the 1% significance level (alpha = 0.01). Is the batch mean off target?",
    "one-sample two-sided t-test vs 100 at alpha 0.01; p is between 0.01 and 0.05 so NOT significant at 1%", ["t_test"],
    ["t statistic", "two-sided p-value"], [0.005, 0.02], data=k3_al,
    calc=lambda d: onesamp_lib(d, 100.0), hand=lambda d: onesamp_hand(d, 100.0),
    guard=lambda v: 0.01 < v[1] < 0.05,
    parse=lambda t: nums(t.split("0917: ")[1].split(". Target")[0]))

k3_ci = [6.87, 6.96, 7.01, 8.11, 7.62, 7.22, 6.79, 8.00, 8.13, 7.67, 7.86, 7.45, 6.76, 7.44, 7.32, 6.92]


def ci_lib(d):
    x, cl = d
    m, se = np.mean(x), stats.sem(x)
    lo, hi = stats.t.interval(cl, len(x) - 1, loc=m, scale=se)
    return [lo, hi]


def ci_hand(d):
    x, cl = d
    m, s, n = msn(x)
    h = stats.t.ppf(1 - (1 - cl) / 2, n - 1) * s / math.sqrt(n)
    return [m - h, m + h]


add(3, "Dissolved oxygen readings (mg/L) from the aeration basin, sampled 16 times over two weeks:\n" +
    " ".join(f(v, 2) for v in k3_ci) + "\nGive me a 90% confidence interval for the mean.",
    "t-based 90% CI for the mean (n=16)", ["describe", "t_test"], ["lower 90% limit", "upper 90% limit"],
    [0.005, 0.005], data=(k3_ci, 0.90), calc=ci_lib, hand=ci_hand,
    parse=lambda t: (nums(t.splitlines()[1]), int(re.search(r"(\d+)% confidence", t)[1]) / 100))


def n2_lib(d):
    delta, sd, alpha, power = d
    return [math.ceil(TTestIndPower().solve_power(effect_size=delta / sd, alpha=alpha, power=power))]


def n2_hand(d):
    delta, sd, alpha, power = d
    es = delta / sd
    for n in range(2, 1000):
        df = 2 * n - 2
        nc = es * math.sqrt(n / 2)
        tc = stats.t.ppf(1 - alpha / 2, df)
        pw = stats.nct.sf(tc, df, nc) + stats.nct.cdf(-tc, df, nc)
        if pw >= power:
            return [n]


add(3, "We're comparing pull-off strength from two adhesive suppliers. Historical SD is about 3 kN. I want to be able to detect a "
    "2 kN difference in means with 90% power, two-sided test at alpha = 0.05. How many specimens per supplier?",
    "two-sample t power: d=2/3, alpha 0.05 two-sided, power 0.90 -> n per group", ["power"],
    ["specimens per supplier (t-based 49; normal approximation 48 is inside tolerance)"], [0.025],
    data=(2.0, 3.0, 0.05, 0.90), calc=n2_lib, hand=n2_hand,
    parse=lambda t: (float(re.search(r"detect a (\d+(?:\.\d+)?) kN", t)[1]), float(re.search(r"SD is about (\d+(?:\.\d+)?)", t)[1]),
                     float(re.search(r"alpha = (\d+(?:\.\d+)?)", t)[1]), int(re.search(r"(\d+)% power", t)[1]) / 100))

add(3, "only got budget for 8 runs. 4 factors, 2 levels each (gas flow, current, travel speed, stick-out). what design, and what resolution does it give?",
    "2^(4-1) half fraction, D=ABC, resolution IV, 8 runs", ["doe_design", "doe_properties"],
    ["runs", "resolution (4 = IV)"], [0, 0], data=(4, 8), calc=frac_lib, hand=lambda d: [d[1], d[0]],
    parse=lambda t: (int(re.search(r"(\d+) factors", t)[1]), int(re.search(r"budget for (\d+) runs", t)[1])))


def xbars_lib(d):
    xbb, sbar, n = d
    cc = c4(n)
    A3 = 3 / (cc * math.sqrt(n))
    B4 = 1 + 3 * math.sqrt(1 - cc ** 2) / cc
    return [xbb + A3 * sbar, xbb - A3 * sbar, B4 * sbar]


def xbars_hand(d):
    xbb, sbar, n = d
    c = TABLE[n]
    return [xbb + c["A3"] * sbar, xbb - c["A3"] * sbar, c["B4"] * sbar]


add(3, "Checkweigher data, 250 g pack. Every 30 minutes we take a subgroup of 10 packs; from the last 30 subgroups the grand mean is 251.4 g "
    "and the average subgroup standard deviation is 0.45 g. Set me up X-bar and S chart limits.",
    "Xbar-S limits with n=10 (A3=0.975, B3=0.284, B4=1.716); 250 is nominal, 30 is subgroup count", ["control_chart", "spc_constants", "summary_chart"],
    ["X-bar UCL (g)", "X-bar LCL (g)", "S chart UCL (g)"], [0.005, 0.005, 0.005], data=(251.4, 0.45, 10),
    calc=xbars_lib, hand=xbars_hand, hand_rel=1e-3,
    parse=lambda t: (float(re.search(r"grand mean is (\d+(?:\.\d+)?)", t)[1]), float(re.search(r"deviation is (\d+(?:\.\d+)?)", t)[1]),
                     int(re.search(r"subgroup of (\d+) packs", t)[1])))


def pw1_lib(d):
    n, delta, sd, alpha = d
    return [TTestPower().power(effect_size=delta / sd, nobs=n, alpha=alpha)]


def pw1_hand(d):
    n, delta, sd, alpha = d
    df = n - 1
    nc = delta / sd * math.sqrt(n)
    tc = stats.t.ppf(1 - alpha / 2, df)
    return [stats.nct.sf(tc, df, nc) + stats.nct.cdf(-tc, df, nc)]


add(3, "We can only afford to section 15 parts. Process SD is about 2.0 um and we want to detect a 1.0 um shift of the mean coating "
    "thickness away from nominal, testing two-sided at alpha = 0.01. What power does a one-sample t-test have?",
    "one-sample t power, n=15, d=0.5, alpha 0.01 two-sided", ["power"], ["power"], [0.01],
    data=(15, 1.0, 2.0, 0.01), calc=pw1_lib, hand=pw1_hand,
    parse=lambda t: (int(re.search(r"section (\d+) parts", t)[1]), float(re.search(r"detect a (\d+(?:\.\d+)?) um", t)[1]),
                     float(re.search(r"SD is about (\d+(?:\.\d+)?)", t)[1]), float(re.search(r"alpha = (\d+(?:\.\d+)?)", t)[1])))

add(3, "I have five two-level factors and I want the complete 2^5, not a fraction. Each day of testing can accommodate 8 runs "
    "on the rig. Lay it out: how many runs in total and how many days (blocks)?",
    "full 2^5 = 32 runs in 4 blocks of 8 (two block generators, e.g. ABC and CDE)", ["doe_design"],
    ["total runs", "number of blocks (days)"], [0, 0], data=(5, 8), calc=blocked_lib,
    hand=lambda d: [2 ** d[0], 2 ** d[0] // d[1]],
    parse=lambda t: (WORDNUM[re.search(r"have (\w+) two-level", t)[1]], int(re.search(r"accommodate (\d+) runs", t)[1])))

k3_flat = [15.30, 14.90, 14.96, 15.09, 14.98, 14.85, 15.00, 14.82, 15.12, 15.04, 14.82, 14.92, 14.73, 15.00, 15.11, 14.96,
           14.90, 14.94, 15.02, 14.87, 15.00, 14.80, 15.05, 14.99, 15.01, 15.04, 15.09, 14.76, 14.87, 15.03, 14.84, 15.07]


def flat_lib(d):
    x, n = d
    sub = np.array(x).reshape(-1, n)
    xbb = sub.mean()
    rbar = np.ptp(sub, axis=1).mean()
    A2 = 3 / (d2_exact(n) * math.sqrt(n))
    return [xbb, rbar, xbb + A2 * rbar]


def flat_hand(d):
    x, n = d
    subs = [x[i:i + n] for i in range(0, len(x), n)]
    xbb = sum(sum(s) / n for s in subs) / len(subs)
    rbar = sum(max(s) - min(s) for s in subs) / len(subs)
    return [xbb, rbar, xbb + TABLE[n]["A2"] * rbar]


add(3, "Fill height (mm), line 2. Every hour the operator measures 4 consecutive bottles; here are 8 hours of readings in time order:\n" +
    ", ".join(f(v, 2) for v in k3_flat) + "\nCan you build the X-bar/R chart and give me the centre lines and the X-bar upper limit?",
    "flat list split into 8 subgroups of 4 (subgroup size from prose); Xbar-R with A2=0.729", ["control_chart"],
    ["grand mean (X-bar centre line)", "R-bar", "X-bar UCL"], [0.005, 0.005, 0.005], data=(k3_flat, 4),
    calc=flat_lib, hand=flat_hand, hand_rel=1e-3,
    parse=lambda t: (nums(t.splitlines()[1]), int(re.search(r"measures (\d+) consecutive", t)[1])))


def ccd_lib(d):
    k, nc = d
    X = list(itertools.product([-1, 1], repeat=k))
    nf = len(X)
    a = nf ** 0.25
    for i in range(k):
        for s in (-a, a):
            X.append(tuple(s if j == i else 0 for j in range(k)))
    X += [(0,) * k] * nc
    return [len(X), a]


add(3, "Going to a response-surface study after the screening: 3 factors (feed rate, spindle speed, coolant concentration). "
    "Rotatable central composite design with 6 centre points. Total runs, and what axial distance alpha?",
    "rotatable CCD, k=3: 8 factorial + 6 axial + 6 centre = 20, alpha = 8^(1/4) = 1.682", ["doe_design"],
    ["total runs", "axial distance alpha"], [0, 0.005], data=(3, 6), calc=ccd_lib,
    hand=lambda d: [2 ** d[0] + 2 * d[0] + d[1], math.sqrt(math.sqrt(2 ** d[0]))],
    parse=lambda t: (int(re.search(r"(\d+) factors", t)[1]), int(re.search(r"with (\d+) centre", t)[1])))

add(3, "Six factors, two levels each, and the boss insists on resolution V so no 2-factor interactions are aliased with each other. "
    "But we can't do more than 12 runs. Give me the design.",
    "REFUSE/flag: contradictory - a resolution V two-level design for 6 factors needs at least 32 runs (2^(6-1) is res VI)",
    ["doe_design"], refuse=True)

add(3, "What sample size do I need per group for 90% power at alpha = 0.05? It's a two-sample t-test comparing our two moulding machines.",
    "REFUSE: no effect size / difference to detect / standard deviation given", ["power"], refuse=True)

# ======================================================================
# KIND 4: calculus / algebra / linear algebra
# ======================================================================
X, Y, Z = sp.symbols("x y z")


def sym(s):
    return sp.sympify(s.replace("^", "**").replace("ln(", "log("))


EXPR_RE = r"`([^`]+)`"

add(4, "Find the partial derivative with respect to y of `x^2*y^3 + sin(x*y)` and evaluate it at the point (x, y) = (1, 2).",
    "df/dy = 3x^2y^2 + x cos(xy); at (1,2) = 12 + cos 2", ["differentiate"], ["df/dy at (1,2)"], [0.005],
    data=("x^2*y^3 + sin(x*y)", 1, 2),
    calc=lambda d: [float(sp.diff(sym(d[0]), Y).subs({X: d[1], Y: d[2]}))],
    hand=lambda d: [(sp.lambdify((X, Y), sym(d[0]))(d[1], d[2] + 1e-6) - sp.lambdify((X, Y), sym(d[0]))(d[1], d[2] - 1e-6)) / 2e-6],
    hand_rel=1e-6, parse=lambda t: (re.search(EXPR_RE, t)[1], *map(int, re.search(r"= \((\d+), (\d+)\)", t).groups())))

k4_A = [[4, -1, 0], [-1, 5, -2], [0, -2, 6]]
k4_b = [10, 0, 8]


def lin_lib(d):
    return [float(v) for v in sp.Matrix(d[0]).LUsolve(sp.Matrix(d[1]))]


def lin_hand(d):
    return list(np.linalg.solve(np.array(d[0], float), np.array(d[1], float)))


add(4, "Mesh analysis on a 3-loop circuit gives me\n  4*I1 - I2 = 10\n  -I1 + 5*I2 - 2*I3 = 0\n  -2*I2 + 6*I3 = 8\n(currents in mA). Solve for I1, I2, I3.",
    "solve 3x3 linear system", ["solve", "matrix"], ["I1 (mA)", "I2 (mA)", "I3 (mA)"], [0.005, 0.005, 0.005],
    data=(k4_A, k4_b), calc=lin_lib, hand=lin_hand,
    parse=lambda t: (lambda eqs: ([[float(sym(l).coeff(s)) for s in sp.symbols("I1 I2 I3")] for l, _ in eqs],
                                  [float(r) for _, r in eqs]))(
        [tuple(m[1].split("=")) for m in lines_matching(t, r"^([-\dI*+ ]+= *\d+)$")]))

k4_M = [[2, -1, 0, 3], [1, 4, 2, 0], [0, 3, -2, 1], [5, 0, 1, 2]]


def mat_text(M):
    return "\n".join("[" + ", ".join(f"{v:>2d}" for v in r) + "]" for r in M)


def parse_mat(t):
    return [[int(v) for v in m[1].split(",")] for m in lines_matching(t, r"^\[([-\d, ]+)\]$")]


def det_hand(M):
    n = len(M)
    if n == 1:
        return M[0][0]
    return sum((-1) ** j * M[0][j] * det_hand([r[:j] + r[j + 1:] for r in M[1:]]) for j in range(n))


add(4, "determinant of\n" + mat_text(k4_M) + "\n?", "4x4 determinant", ["matrix"], ["determinant"], [0],
    data=k4_M, calc=lambda M: [float(sp.Matrix(M).det())], hand=lambda M: [det_hand(M)], parse=parse_mat)

k4_S = [[4, 1, 0], [1, 3, 1], [0, 1, 2]]
add(4, "Stiffness matrix for a little 3-DOF spring model (kN/mm):\n" + mat_text(k4_S) +
    "\nWhat are its eigenvalues? I mainly need the largest and smallest.",
    "eigenvalues 3 and 3 +/- sqrt(3)", ["matrix"], ["largest eigenvalue", "smallest eigenvalue"], [0.005, 0.005],
    data=k4_S, calc=lambda M: [float(max(sp.Matrix(M).eigenvals())), float(min(sp.Matrix(M).eigenvals()))],
    hand=lambda M: [max(np.linalg.eigvalsh(np.array(M, float))), min(np.linalg.eigvalsh(np.array(M, float)))],
    parse=parse_mat)


def defint_lib(d):
    e, a, b = d
    return [float(sp.integrate(sym(e), (X, sym(a), sym(b))))]


def defint_hand(d):
    e, a, b = d
    return [integrate.quad(sp.lambdify(X, sym(e)), float(sym(a)), float(sym(b)))[0]]


add(4, "Evaluate the definite integral of `x^2*exp(x)` from x = 0 to x = 1.", "integral = e - 2", ["integrate"],
    ["value of the integral"], [0.005], data=("x^2*exp(x)", "0", "1"), calc=defint_lib, hand=defint_hand,
    parse=lambda t: (re.search(EXPR_RE, t)[1], *re.search(r"from x = (\S+) to x = ([^.\s]+)", t).groups()))

add(4, "pls intergrate `x*sin(x)` from x = 0 to x = 2 (radians) - need the number for a centroid calc",
    "integral = sin 2 - 2 cos 2", ["integrate"], ["value of the integral"], [0.005],
    data=("x*sin(x)", "0", "2"), calc=defint_lib, hand=defint_hand,
    parse=lambda t: (re.search(EXPR_RE, t)[1], *re.search(r"from x = (\S+) to x = (\S+)", t).groups()))

add(4, "What is the limit of `(1 - cos(3*x))/x^2` as x -> 0?", "limit = 9/2", ["limit"], ["limit value"], [0.005],
    data="(1 - cos(3*x))/x^2", calc=lambda e: [float(sp.limit(sym(e), X, 0))],
    hand=lambda e: [float(sp.lambdify(X, sym(e))(1e-4))], hand_rel=1e-6, parse=lambda t: re.search(EXPR_RE, t)[1])


def series_lib(e):
    s = sp.series(sym(e), X, 0, 5).removeO()
    return [float(s.coeff(X, 3)), float(s.coeff(X, 4))]


def series_hand(e):
    # coefficients by Cauchy product of e^x and cos x
    ex = [1 / math.factorial(k) for k in range(5)]
    co = [(-1) ** (k // 2) / math.factorial(k) if k % 2 == 0 else 0 for k in range(5)]
    c = [sum(ex[i] * co[k - i] for i in range(k + 1)) for k in range(5)]
    return [c[3], c[4]]


add(4, "Maclaurin series of `exp(x)*cos(x)` up to and including the x^4 term. What are the coefficients of x^3 and x^4?",
    "e^x cos x = 1 + x - x^3/3 - x^4/6 + ...", ["series"], ["coefficient of x^3", "coefficient of x^4"], [0.005, 0.005],
    data="exp(x)*cos(x)", calc=series_lib, hand=series_hand, parse=lambda t: re.search(EXPR_RE, t)[1])

add(4, "solve `x^3 - 2*x - 5 = 0` for the real root, need it to 5 decimal places",
    "single real root 2.0945515", ["solve"], ["real root"], [0.005], data="x^3 - 2*x - 5",
    calc=lambda e: [float(r) for r in sp.solve(sym(e), X) if r.is_real],
    hand=lambda e: [optimize.brentq(sp.lambdify(X, sym(e)), 0, 5)],
    parse=lambda t: re.search(EXPR_RE, t)[1].split("=")[0])

add(4, "Simplify `(x^2 - 9)/(x^2 + x - 6)` and then give its value at x = 7.", "(x-3)/(x-2); at 7 -> 4/5",
    ["simplify", "evaluate"], ["value at x=7"], [0.005], data=("(x^2 - 9)/(x^2 + x - 6)", 7),
    calc=lambda d: [float(sp.simplify(sym(d[0])).subs(X, d[1]))], hand=lambda d: [(d[1] ** 2 - 9) / (d[1] ** 2 + d[1] - 6)],
    parse=lambda t: (re.search(EXPR_RE, t)[1], int(re.search(r"at x = (\d+)", t)[1])))

add(4, "diferentiate `x^2*ln(x)` and tell me the slope at x = e",
    "f' = 2x ln x + x; at x=e -> 3e", ["differentiate"], ["slope at x=e"], [0.005], data="x^2*ln(x)",
    calc=lambda e: [float(sp.diff(sym(e), X).subs(X, sp.E))],
    hand=lambda e: [(sp.lambdify(X, sym(e))(math.e + 1e-6) - sp.lambdify(X, sym(e))(math.e - 1e-6)) / 2e-6],
    parse=lambda t: re.search(EXPR_RE, t)[1])

add(4, "For f(x, y) = `exp(x*y)`, compute the mixed second partial d2f/dxdy at x = 1, y = 2.",
    "f_xy = (1 + xy) e^{xy}; at (1,2) = 3e^2", ["differentiate"], ["f_xy at (1,2)"], [0.005], data=("exp(x*y)", 1, 2),
    calc=lambda d: [float(sp.diff(sym(d[0]), X, Y).subs({X: d[1], Y: d[2]}))],
    hand=lambda d: [(lambda g, h, a, b: (g(a + h, b + h) - g(a + h, b - h) - g(a - h, b + h) + g(a - h, b - h)) / (4 * h * h))(
        sp.lambdify((X, Y), sym(d[0])), 1e-4, d[1], d[2])], hand_rel=1e-5,
    parse=lambda t: (re.search(EXPR_RE, t)[1], *map(int, re.search(r"at x = (\d+), y = (\d+)", t).groups())))

k4_I = [[4, -2, 1], [3, 6, -4], [2, 1, 8]]


def inv_lib(M):
    A = sp.Matrix(M)
    inv = A.inv()
    return [float(A.det()), float(inv[0, 0]), float(inv[2, 2])]


def inv_hand(M):
    d = det_hand(M)
    c00 = M[1][1] * M[2][2] - M[1][2] * M[2][1]
    c22 = M[0][0] * M[1][1] - M[0][1] * M[1][0]
    return [d, c00 / d, c22 / d]


add(4, "Need the inverse of this matrix (also its determinant):\n" + mat_text(k4_I),
    "3x3 inverse; det 263", ["matrix"], ["determinant", "inverse entry (1,1) = 52/263", "inverse entry (3,3) = 30/263"],
    [0, 0.005, 0.005], data=k4_I, calc=inv_lib, hand=inv_hand, parse=parse_mat)

add(4, "evaluate `sqrt(2)*ln(10)/(1 + exp(-1))`", "numeric evaluation", ["evaluate"], ["value"], [0.005],
    data="sqrt(2)*ln(10)/(1 + exp(-1))", calc=lambda e: [float(sym(e).evalf())],
    hand=lambda e: [math.sqrt(2) * math.log(10) / (1 + math.exp(-1))], parse=lambda t: re.search(EXPR_RE, t)[1])

add(4, "Integrate the noise PSD S(f) = 1/(1 + (f/50)^2) from 0 up to the cutoff frequency of our anti-aliasing filter and give me the number.",
    "REFUSE: upper limit (filter cutoff) is not given", ["integrate"], refuse=True)

add(4, "Invert this 3x3 for me please:\n[2, 5, 1]\n[0, 3, ]\n[4, 1, 7]\n(second row got cut off when I copied it from the spreadsheet)",
    "REFUSE: matrix entry missing", ["matrix"], refuse=True)

# ======================================================================
# KIND 5: tests that must not be substituted
# ======================================================================
k5_a = [105, 121, 115, 111, 104, 134, 106, 116, 100]
k5_b = [131, 136, 113, 126, 162, 139, 137, 101, 132, 110]
add(5, "Time to first failure (hours) on an accelerated humidity test, old vs new conformal coat. Please use a Mann-Whitney U test.\n"
    "old coat: " + ", ".join(map(str, k5_a)) + "\nnew coat: " + ", ".join(map(str, k5_b)),
    "Mann-Whitney U test, two-sided", ["mann_whitney"],
    ["U statistic for the old coat (the smaller U)", "two-sided p-value (normal approx. with continuity; exact gives 0.0435)"],
    [0, 0.1], data=(k5_a, k5_b), calc=lambda d: mw_lib(*d), hand=lambda d: mw_hand(*d),
    parse=lambda t: (after(t, "old coat:"), after(t, "new coat:")))

k5_w0 = [72.1, 76.4, 69.7, 77.8, 76.3, 66.8, 61.0, 64.6, 68.8, 73.6, 63.4, 76.9]
k5_w1 = [69.8, 77.5, 65.9, 80.4, 75.6, 63.9, 55.8, 65.0, 65.7, 75.2, 59.3, 74.9]
add(5, "Noise level (dBA) at 12 workstations before and after fitting the acoustic panels (same stations, same order).\n"
    "Before\tAfter\n" + "\n".join(f"{f(a, 1)}\t{f(b, 1)}" for a, b in zip(k5_w0, k5_w1)) +
    "\nWilcoxon signed-rank test please - did the panels change the noise level?",
    "Wilcoxon signed-rank on paired differences, two-sided", ["wilcoxon_signed_rank"],
    ["two-sided p-value (exact 0.0640; normal approx. 0.060-0.065)"], [0.08],
    data=[a - b for a, b in zip(k5_w0, k5_w1)], calc=wsr_lib, hand=wsr_hand,
    parse=lambda t: [float(m[1]) - float(m[2]) for m in lines_matching(t, r"^(\d+(?:\.\d+)?)\t(\d+(?:\.\d+)?)$")])

k5_kw = {"Site North": [3.76, 3.00, 2.22, 2.83, 3.19, 2.55, 2.68],
         "Site East": [3.68, 4.18, 2.96, 3.99, 4.12, 3.42, 3.86, 3.55],
         "Site South": [3.71, 3.84, 3.16, 3.57, 2.41, 2.67, 3.18]}
add(5, "Call handling times (min) at three support sites. Run a Kruskal Wallis test on it.\n" +
    "\n".join(f"{k} = " + ", ".join(f(v, 2) for v in vals) for k, vals in k5_kw.items()),
    "Kruskal-Wallis H test, 3 groups, no ties", ["kruskal_wallis"], ["H statistic", "p-value (chi-square, 2 df)"],
    [0.005, 0.02], data=list(k5_kw.values()), calc=kw_lib, hand=kw_hand,
    parse=lambda t: [after(t, k + " =") for k in k5_kw])

k5_pa = [41.5, 38.0, 32.4, 32.2, 37.3, 39.4, 33.2, 36.0, 33.6, 42.4, 33.0]
k5_pb = [39.8, 37.1, 32.9, 30.6, 35.2, 38.8, 31.5, 35.1, 33.9, 40.1, 31.8]
add(5, "Paired t-test: grip strength (kg) of 11 assemblers measured with the old tool handle and then the new ergonomic handle.\n"
    "old: " + " ".join(f(v, 1) for v in k5_pa) + "\nnew: " + " ".join(f(v, 1) for v in k5_pb),
    "paired t-test, two-sided", ["t_test"], ["paired t statistic (old minus new)", "two-sided p-value"], [0.005, 0.02],
    data=(k5_pa, k5_pb), calc=lambda d: paired_lib(d)[:2], hand=lambda d: paired_hand(d)[:2],
    parse=lambda t: (after(t, "old:"), after(t, "new:")))

k5_sw = (52.3, 4.1, 15, 48.9, 3.8, 12)


def sum_welch_lib(d):
    m1, s1, n1, m2, s2, n2 = d
    r = stats.ttest_ind_from_stats(m1, s1, n1, m2, s2, n2, equal_var=False)
    v1, v2 = s1 ** 2 / n1, s2 ** 2 / n2
    df = (v1 + v2) ** 2 / (v1 ** 2 / (n1 - 1) + v2 ** 2 / (n2 - 1))
    return [r.statistic, df, r.pvalue]


add(5, "Tensile results from the two suppliers' certs, I don't have the raw data:\n"
    "Supplier A - mean 52.3 MPa, SD 4.1, n = 15\nSupplier B - mean 48.9 MPa, SD 3.8, n = 12\n"
    "Welch's t-test please, two-sided.",
    "two-sample Welch t-test from summary statistics", ["summary_t_test"],
    ["t statistic (A minus B)", "Welch df", "two-sided p-value"], [0.005, 0.005, 0.02], data=k5_sw,
    calc=sum_welch_lib, hand=lambda d: welch_hand_summary(*d),
    parse=lambda t: tuple(v for k in ["Supplier A -", "Supplier B -"] for v in after(t, k)))


def sum1_lib(d):
    m, s, n, mu = d
    t = (m - mu) / (s / np.sqrt(n))
    return [t, 2 * stats.t.sf(abs(t), n - 1)]


def sum1_hand(d):
    m, s, n, mu = d
    t = (m - mu) * math.sqrt(n) / s
    # p from the incomplete beta function directly
    from scipy.special import betainc
    df = n - 1
    return [t, betainc(df / 2, 0.5, df / (df + t * t))]


add(5, "A sample of n=20 spacers had mean thickness 10.12 mm with a standard deviation of 0.25 mm. The drawing nominal is 10.00 mm. "
    "Is the mean significantly different from nominal?",
    "one-sample t-test from summary figures, two-sided", ["summary_t_test"], ["t statistic", "two-sided p-value"],
    [0.005, 0.02], data=(10.12, 0.25, 20, 10.00), calc=sum1_lib, hand=sum1_hand,
    parse=lambda t: (float(re.search(r"mean thickness (\d+(?:\.\d+)?)", t)[1]), float(re.search(r"deviation of (\d+(?:\.\d+)?)", t)[1]),
                     int(re.search(r"n=(\d+)", t)[1]), float(re.search(r"nominal is (\d+(?:\.\d+)?)", t)[1])))


def sumcap_lib(d):
    m, s, lsl, usl = d
    return [(usl - lsl) / (6 * s), min(usl - m, m - lsl) / (3 * s)]


def sumcap_hand(d):
    m, s, lsl, usl = d
    zu, zl = (usl - m) / s, (m - lsl) / s
    return [(zu + zl) / 6, min(zu, zl) / 3]


add(5, "Process running at mean 25.030 mm, standard deviation 0.012 mm (from the last 100 parts). Spec 24.980 - 25.060 mm. What are Cp and Cpk?",
    "capability from summary figures", ["summary_capability"], ["Cp", "Cpk"], [0.005, 0.005],
    data=(25.030, 0.012, 24.980, 25.060), calc=sumcap_lib, hand=sumcap_hand,
    parse=lambda t: (float(re.search(r"mean (\d+(?:\.\d+)?)", t)[1]), float(re.search(r"deviation (\d+(?:\.\d+)?)", t)[1]),
                     *map(float, re.search(r"Spec (\d+(?:\.\d+)?) - (\d+(?:\.\d+)?)", t).groups())))


def npair_lib(d):
    dm, sd, alpha, power = d
    return [math.ceil(TTestPower().solve_power(effect_size=dm / sd, alpha=alpha, power=power))]


def npair_hand(d):
    dm, sd, alpha, power = d
    for n in range(2, 1000):
        nc = dm / sd * math.sqrt(n)
        tc = stats.t.ppf(1 - alpha / 2, n - 1)
        if stats.nct.sf(tc, n - 1, nc) + stats.nct.cdf(-tc, n - 1, nc) >= power:
            return [n]


add(5, "Planning a crossover comfort study, each subject tries both seat designs, analysed with a paired t-test. We expect a mean "
    "within-subject difference of 1.5 points, and the SD of the differences is about 2.5 points. Two-sided alpha 0.05, 80% power. "
    "How many subjects?",
    "paired t-test sample size: d = 0.6, alpha 0.05, power 0.8", ["power"],
    ["number of subjects (t-based; the normal approximation gives 22)"], [0.05], data=(1.5, 2.5, 0.05, 0.80),
    calc=npair_lib, hand=npair_hand,
    parse=lambda t: (float(re.search(r"difference of (\d+(?:\.\d+)?)", t)[1]), float(re.search(r"about (\d+(?:\.\d+)?) points", t)[1]),
                     float(re.search(r"alpha (\d+(?:\.\d+)?)", t)[1]), int(re.search(r"(\d+)% power", t)[1]) / 100))


def prop1_lib(d):
    x, n, p0 = d
    z, p = proportions_ztest(x, n, value=p0, alternative="larger", prop_var=p0)
    return [z, p]


def prop1_hand(d):
    x, n, p0 = d
    z = (x / n - p0) / math.sqrt(p0 * (1 - p0) / n)
    return [z, 0.5 * math.erfc(z / math.sqrt(2))]


add(5, "Vendor claims the defect rate on their harnesses is 5% or less. We inspected 400 from the March delivery and found 29 defective. "
    "One-proportion z-test: is the true rate higher than they claim?",
    "one-proportion z-test vs p0=0.05 (SE from p0), one-sided upper", ["proportion_test"],
    ["z statistic (SE from p0)", "one-sided p-value"], [0.005, 0.02], data=(29, 400, 0.05),
    calc=prop1_lib, hand=prop1_hand,
    parse=lambda t: (int(re.search(r"found (\d+) defective", t)[1]), int(re.search(r"inspected (\d+)", t)[1]),
                     float(re.search(r"(\d+)% or less", t)[1]) / 100))


def prop2_lib(d):
    x1, n1, x2, n2 = d
    z, p = proportions_ztest([x1, x2], [n1, n2])
    return [z, p]


def prop2_hand(d):
    x1, n1, x2, n2 = d
    pp = (x1 + x2) / (n1 + n2)
    z = (x1 / n1 - x2 / n2) / math.sqrt(pp * (1 - pp) * (1 / n1 + 1 / n2))
    return [z, math.erfc(abs(z) / math.sqrt(2))]


add(5, "Line A: 18 rejects out of 300 units. Line B: 31 rejects out of 320 units. Is the reject proportion different between the lines? (two-proportion test)",
    "two-proportion pooled z-test, two-sided", ["proportion_test"],
    ["z statistic (A minus B, pooled)", "two-sided p-value"], [0.005, 0.02], data=(18, 300, 31, 320),
    calc=prop2_lib, hand=prop2_hand,
    parse=lambda t: tuple(int(v) for v in re.findall(r"(\d+) rejects out of (\d+)", t)[0] + re.findall(r"(\d+) rejects out of (\d+)", t)[1]))


def pw2_lib(d):
    n, es, alpha = d
    return [TTestIndPower().power(effect_size=es, nobs1=n, alpha=alpha)]


def pw2_hand(d):
    n, es, alpha = d
    df = 2 * n - 2
    nc = es * math.sqrt(n / 2)
    tc = stats.t.ppf(1 - alpha / 2, df)
    return [stats.nct.sf(tc, df, nc) + stats.nct.cdf(-tc, df, nc)]


add(5, "If I run a two-sample t-test with 20 units per group, what power do I have to detect a standardized effect size (Cohen's d) "
    "of 0.8 at alpha = 0.05, two-sided?",
    "two-sample t power, n=20/group, d=0.8", ["power"], ["power"], [0.01], data=(20, 0.8, 0.05),
    calc=pw2_lib, hand=pw2_hand,
    parse=lambda t: (int(re.search(r"with (\d+) units", t)[1]), float(re.search(r"\(Cohen's d\)\s+of (\d+(?:\.\d+)?)", t)[1]),
                     float(re.search(r"alpha = (\d+(?:\.\d+)?)", t)[1])))

k5_w1s = [12.46, 11.40, 12.86, 12.71, 11.82, 12.34, 13.60, 13.50, 11.05, 13.78, 11.64, 14.33, 11.91, 12.39]
add(5, "Cure times (min) for 14 batches: " + ", ".join(f(v, 2) for v in k5_w1s) +
    ". The process sheet says the median cure time is 12.0 min. Use a Wilcoxon signed-rank test to check whether the median differs from 12.0.",
    "one-sample Wilcoxon signed-rank vs 12.0, two-sided", ["wilcoxon_signed_rank"],
    ["two-sided p-value (exact 0.0785; normal approx. 0.074-0.079)"], [0.08],
    data=[round(v - 12.0, 2) for v in k5_w1s], calc=wsr_lib, hand=wsr_hand,
    parse=lambda t: [round(v - 12.0, 2) for v in nums(t.split("batches: ")[1].split(". The")[0])])


def pooled_lib(d):
    m1, s1, n1, m2, s2, n2 = d
    r = stats.ttest_ind_from_stats(m1, s1, n1, m2, s2, n2, equal_var=True)
    return [r.statistic, r.pvalue]


def pooled_hand(d):
    m1, s1, n1, m2, s2, n2 = d
    sp2 = ((n1 - 1) * s1 ** 2 + (n2 - 1) * s2 ** 2) / (n1 + n2 - 2)
    t = (m1 - m2) / math.sqrt(sp2 * (1 / n1 + 1 / n2))
    return [t, 2 * stats.t.sf(abs(t), n1 + n2 - 2)]


add(5, "two groups, I only have the summary:\ngroup 1: n=10, mean=8.42, sd=0.61\ngroup 2: n=12, mean=7.95, sd=0.55\n"
    "assume equal variances. pooled two-sample t-test, two-sided - t and p?",
    "pooled two-sample t-test from summary figures", ["summary_t_test"],
    ["t statistic (group 1 minus group 2)", "two-sided p-value"], [0.005, 0.02], data=(8.42, 0.61, 10, 7.95, 0.55, 12),
    calc=pooled_lib, hand=pooled_hand,
    parse=lambda t: tuple(v for g in ["group 1:", "group 2:"] for v in (lambda a: (a[1], a[2], int(a[0])))(after(t, g))))

add(5, "Run a Mann-Whitney test for me: median cycle time on cell 1 is 14.2 s and on cell 2 it's 17.1 s. Is that difference significant?",
    "REFUSE: a rank test needs the raw observations (and sample sizes); only two medians given", ["mann_whitney"], refuse=True)

add(5, "Two-proportion test: we had 12 defective on the first line and 20 on the second line last month. Significant difference?",
    "REFUSE: numbers inspected on each line are not given", ["proportion_test"], refuse=True)

add(5, "Paired t-test from these summaries please. Before training: mean 82.1, SD 6.3, n = 12. After training (same 12 people): "
    "mean 78.4, SD 5.9, n = 12.",
    "REFUSE: a paired test needs the SD of the within-person differences (or raw pairs); the two marginal SDs are not enough",
    ["summary_t_test", "t_test"], refuse=True)


# ======================================================================
def main():
    counts = {}
    assert len(ITEMS) == 80, len(ITEMS)
    tmp = OUT.with_suffix(".tmp")
    with open(tmp, "w") as fh:
        for i, it in enumerate(ITEMS, 1):
            qid = f"s{i:02d}"
            counts.setdefault(it["kind"], [0, 0])
            counts[it["kind"]][0] += 1
            expect = []
            if it["refuse"]:
                counts[it["kind"]][1] += 1
            else:
                vals = [float(v) for v in it["calc"](it["data"])]
                assert len(vals) == len(it["whats"]) == len(it["rels"]), qid
                hv = [float(v) for v in it["hand"](it["data"])]
                for a, b in zip(vals, hv):
                    assert close(a, b, it["hand_rel"]), (qid, "hand", vals, hv)
                parsed = it["parse"](it["question"])
                pv = [float(v) for v in it["calc"](parsed)]
                for a, b in zip(vals, pv):
                    assert close(a, b, 1e-9), (qid, "reparse", vals, pv, parsed)
                if it["guard"]:
                    assert it["guard"](vals), (qid, "guard", vals)
                for w, v, r in zip(it["whats"], vals, it["rels"]):
                    v = round(v, 10)
                    expect.append({"what": w, "value": int(round(v)) if r == 0 else float(f"{v:.6g}"), "rel": r})
            rec = {"id": qid, "kind": it["kind"], "question": it["question"], "intent": it["intent"],
                   "tools": it["tools"], "expect": expect, "refuse": it["refuse"]}
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
            print(qid, it["kind"], "REFUSE" if it["refuse"] else [(e["what"][:28], e["value"]) for e in expect])
    tmp.replace(OUT)
    print("counts per kind [total, refusals]:", counts)


if __name__ == "__main__":
    main()
