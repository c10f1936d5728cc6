#!/usr/bin/env python3
"""Generate the blind round-17 evaluation set (round17.jsonl).

Written blind: nothing of the HAVOC agent (code, tests, docs, data) was read.
For every non-refusal question:
  * f(inputs)  -> expected numbers, via scipy / statsmodels / sympy / numpy
  * h(inputs)  -> the same numbers from an independent hand formula (cross-check)
  * p(text)    -> the inputs re-parsed out of the question text; f(p(text)) must
                  reproduce the expected numbers (re-parse check)
"""
import json, math, re, itertools, os
import numpy as np
from scipy import stats, integrate as sint
import sympy as sp
import statsmodels.api as sm
from statsmodels.formula.api import ols
from statsmodels.stats.power import TTestIndPower, TTestPower

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "round17.jsonl")
Q = []


def add(id, kind, question, intent, tools, whats=None, rels=None, inputs=None,
        f=None, h=None, p=None, refuse=False):
    Q.append(dict(id=id, kind=kind, question=question, intent=intent, tools=tools,
                  whats=whats or [], rels=rels or [], inputs=inputs, f=f, h=h, p=p,
                  refuse=refuse))


# ---------------------------------------------------------------- helpers
def isnum(t):
    try:
        float(t)
        return True
    except ValueError:
        return False


def rows(text, k, sep=r"[,\t|;]+|\s+"):
    """Lines whose last k tokens are numeric -> list of k-float rows."""
    out = []
    for line in text.splitlines():
        toks = [t for t in re.split(sep, line.strip()) if t]
        if len(toks) >= k and all(isnum(t) for t in toks[-k:]):
            out.append([float(t) for t in toks[-k:]])
    return out


def cols(text, k, **kw):
    r = rows(text, k, **kw)
    return [list(c) for c in zip(*r)]


def kv(text):
    out = []
    for line in text.splitlines():
        m = re.match(r"^\s*([A-Za-z][\w .\-/]*?)\s*(?::|->|=|\t)\s*(-?\d+(?:\.\d+)?)\s*$", line)
        if m:
            out.append((m.group(1).strip(), float(m.group(2))))
    return out


def after(text, key, n=1):
    """First n numbers after the substring key."""
    i = text.index(key) + len(key)
    nums = re.findall(r"-?\d+(?:\.\d+)?", text[i:])
    v = [float(x) for x in nums[:n]]
    return v[0] if n == 1 else v


def numlist(line):
    return [float(x) for x in re.findall(r"-?\d+(?:\.\d+)?", line)]


def line_with(text, key):
    for line in text.splitlines():
        if key in line:
            return line[line.index(key) + len(key):]
    raise KeyError(key)


def tt_hand_1s(x, mu0):
    x = np.asarray(x, float); n = len(x)
    t = (x.mean() - mu0) / (x.std(ddof=1) / math.sqrt(n))
    return t, n - 1


def tcdf_hand(t, df):
    # regularized incomplete beta via numerical integration of the t density
    c = math.gamma((df + 1) / 2) / (math.sqrt(df * math.pi) * math.gamma(df / 2))
    dens = lambda u: c * (1 + u * u / df) ** (-(df + 1) / 2)
    val, _ = sint.quad(dens, -np.inf, t)
    return val


def p2_hand(t, df):
    return 2 * (1 - tcdf_hand(abs(t), df))


def phi(z):
    return 0.5 * (1 + math.erf(z / math.sqrt(2)))


def chi2_sf_hand(x, df):
    c = 1 / (2 ** (df / 2) * math.gamma(df / 2))
    val, _ = sint.quad(lambda u: c * u ** (df / 2 - 1) * math.exp(-u / 2), x, np.inf)
    return val


def f_sf_hand(F, d1, d2):
    c = math.gamma((d1 + d2) / 2) / (math.gamma(d1 / 2) * math.gamma(d2 / 2)) * (d1 / d2) ** (d1 / 2)
    val, _ = sint.quad(lambda u: c * u ** (d1 / 2 - 1) * (1 + d1 * u / d2) ** (-(d1 + d2) / 2), F, np.inf)
    return val


def d2_const(n):
    val, _ = sint.quad(lambda x: 1 - (1 - phi(x)) ** n - phi(x) ** n, -12, 12, limit=200)
    return val


def d3_sim(n, reps=2_000_000, seed=7):
    r = np.random.default_rng(seed).standard_normal((reps, n))
    R = r.max(1) - r.min(1)
    return R.std()


def c4(n):
    return math.sqrt(2 / (n - 1)) * math.exp(math.lgamma(n / 2) - math.lgamma((n - 1) / 2))


A2 = {4: 0.729, 5: 0.577}; D4 = {4: 2.282, 5: 2.114}; D3 = {4: 0.0, 5: 0.0}


def mw_p_both(x, y):
    ex = stats.mannwhitneyu(x, y, alternative="two-sided", method="exact").pvalue
    asy = stats.mannwhitneyu(x, y, alternative="two-sided", method="asymptotic").pvalue
    return ex, asy


def rel_cover(a, b):
    return max(0.02, round(abs(a - b) / abs(a) * 1.15 + 1e-4, 3))


# ======================================================================
# KIND 1: tables that are not plain numeric columns
# ======================================================================
A1 = [12.31, 12.45, 12.18, 12.52, 12.40, 12.36, 12.29, 12.47, 12.33, 12.41]
D1 = [0.04, 0.07, -0.01, 0.05, 0.03, 0.06, 0.02, 0.04, 0.00, 0.05]
B1 = [round(a - d, 2) for a, d in zip(A1, D1)]
ids1 = ["P-101", "P-102", "P-103", "P-104", "P-105", "P-106", "P-107", "P-108", "P-109", "P-110"]
tbl = "\n".join(f"{i}    {a:.2f}   {b:.2f}" for i, a, b in zip(ids1, A1, B1))
add("t01", 1,
    "Same 10 shafts measured on two bore gauges (mm). Each part was measured once on each gauge.\n\n"
    "Part     GaugeA  GaugeB\n" + tbl +
    "\n\nIs there a systematic difference between the gauges? Use alpha 0.05 and report t for GaugeA minus GaugeB.",
    "paired t-test on per-part differences A-B (part id column is a label, not data)",
    ["t_test"], ["t statistic (A minus B)", "two-sided p-value"], [0.005, 0.02],
    (A1, B1),
    f=lambda d: [stats.ttest_rel(d[0], d[1]).statistic, stats.ttest_rel(d[0], d[1]).pvalue],
    h=lambda d: (lambda t, df: [t, p2_hand(t, df)])(*tt_hand_1s(np.subtract(d[0], d[1]), 0)),
    p=lambda t: tuple(cols(t, 2)))

obs2 = {"Mon": 23, "Tue": 17, "Wed": 15, "Thu": 19, "Fri": 31}
add("t02", 1,
    "line stoppages logged by weekday over the last quarter (Q3):\n" +
    "\n".join(f"{k}: {v}" for k, v in obs2.items()) +
    "\nare stoppages spread evenly across the week or not? 5% level",
    "chi-square goodness of fit vs equal frequencies, df=4",
    ["chi_square"], ["chi-square statistic", "p-value"], [0.005, 0.02],
    list(obs2.values()),
    f=lambda o: [stats.chisquare(o).statistic, stats.chisquare(o).pvalue],
    h=lambda o: (lambda c: [c, chi2_sf_hand(c, len(o) - 1)])(sum((x - np.mean(o)) ** 2 / np.mean(o) for x in o)),
    p=lambda t: [v for _, v in kv(t)])

def3 = [6, 4, 9, 5, 7, 3, 8, 6, 5, 10, 4, 7, 6, 5, 8, 3, 6, 7, 5, 6]
lots3 = [2317 + i for i in range(20)]
add("t03", 1,
    "We pull a fixed sample from every incoming lot of connectors and count the rejects. Records:\n" +
    "\n".join(f"Lot {l}: 150 inspected, {d} defective" for l, d in zip(lots3, def3)) +
    "\nSet up an np chart: centre line, UCL and LCL please.",
    "np chart with n=150 constant; CL=n*pbar, limits n*pbar +/- 3 sqrt(n pbar (1-pbar)); lot numbers are labels",
    ["control_chart"], ["centre line np-bar", "UCL", "LCL"], [0.005, 0.005, 0.005],
    (150, def3),
    f=lambda d: (lambda pb, n: [n * pb, n * pb + 3 * math.sqrt(n * pb * (1 - pb)), max(0, n * pb - 3 * math.sqrt(n * pb * (1 - pb)))])(sum(d[1]) / (d[0] * len(d[1])), d[0]),
    h=lambda d: (lambda m, n: [m, m + 3 * math.sqrt(m * (1 - m / n)), max(0, m - 3 * math.sqrt(m * (1 - m / n)))])(np.mean(d[1]), d[0]),
    p=lambda t: (int(re.findall(r"(\d+) inspected", t)[0]), [int(x) for x in re.findall(r"(\d+) defective", t)]))

n4 = [420, 385, 510, 460, 398, 475, 440, 530, 405, 450, 390, 480]
x4 = [13, 9, 18, 12, 15, 11, 14, 21, 10, 16, 8, 12]
dates4 = [f"2024-03-{d:02d}" for d in [4, 5, 6, 7, 8, 11, 12, 13, 14, 15, 18, 19]]
add("t04", 1,
    "date,inspected,rejected\n" + "\n".join(f"{d},{n},{x}" for d, n, x in zip(dates4, n4, x4)) +
    "\n\nDaily final-inspection results for housing assy (p/n 77-4410). Sample sizes vary by day. "
    "I need the p chart: what is the centre line, and what are the control limits for 2024-03-13 specifically?",
    "p chart with variable n; pbar = total rejects / total inspected; limits for n=530 day",
    ["control_chart"], ["p-bar centre line", "UCL for the n=530 day", "LCL for the n=530 day"], [0.005, 0.005, 0.005],
    (n4, x4),
    f=lambda d: (lambda pb, n: [pb, pb + 3 * math.sqrt(pb * (1 - pb) / n), max(0, pb - 3 * math.sqrt(pb * (1 - pb) / n))])(sum(d[1]) / sum(d[0]), d[0][7]),
    h=lambda d: (lambda pb, n: [pb, pb + 3 * (pb * (1 - pb) / n) ** .5, pb - 3 * (pb * (1 - pb) / n) ** .5])(np.dot(d[1], [1] * 12) / np.dot(d[0], [1] * 12), 530),
    p=lambda t: tuple(cols(t.split("\n\n")[0], 2, sep=",")))

x5 = [150, 160, 170, 180, 190, 200, 210, 220]
y5 = [61.2, 64.8, 66.9, 70.5, 72.1, 75.9, 77.6, 81.3]
add("t05", 1,
    "Reactor temp vs yield, runs from last week:\n\nTemp_C\tYield_pct\n" +
    "\n".join(f"{a}\t{b}" for a, b in zip(x5, y5)) +
    "\n\nFit a straight line yield = b0 + b1*temp and tell me the predicted yield at 185 C.",
    "simple linear regression, prediction at x=185",
    ["regression"], ["slope b1", "intercept b0", "predicted yield at 185 C"], [0.005, 0.005, 0.005],
    (x5, y5),
    f=lambda d: (lambda r: [r.slope, r.intercept, r.intercept + r.slope * 185])(stats.linregress(d[0], d[1])),
    h=lambda d: (lambda x, y: (lambda b1: [b1, y.mean() - b1 * x.mean(), y.mean() + b1 * (185 - x.mean())])(((x - x.mean()) * (y - y.mean())).sum() / ((x - x.mean()) ** 2).sum()))(np.array(d[0], float), np.array(d[1])),
    p=lambda t: tuple(cols(t, 2, sep=r"\t")))

ct6 = [[32, 14, 9], [21, 25, 12], [18, 11, 23]]
add("t06", 1,
    "Defect type by supplier, castings returned in 2023:\n\n"
    "              Scratch   Dent   Porosity\n"
    f"Supplier A      {ct6[0][0]}       {ct6[0][1]}       {ct6[0][2]}\n"
    f"Supplier B      {ct6[1][0]}       {ct6[1][1]}      {ct6[1][2]}\n"
    f"Supplier C      {ct6[2][0]}       {ct6[2][1]}      {ct6[2][2]}\n\n"
    "Does the mix of defect types depend on the supplier?",
    "chi-square test of independence on 3x3 table, df=4",
    ["chi_square"], ["chi-square statistic", "p-value"], [0.005, 0.02],
    ct6,
    f=lambda c: list(stats.chi2_contingency(c)[:2]),
    h=lambda c: (lambda o: (lambda e: (lambda x: [x, chi2_sf_hand(x, 4)])(((o - e) ** 2 / e).sum()))(np.outer(o.sum(1), o.sum(0)) / o.sum()))(np.array(c, float)),
    p=lambda t: [[int(v) for v in r] for r in rows(t, 3)])

g7 = {"L1": [502.3, 498.7, 500.9, 501.5, 499.2, 500.4],
      "L2": [503.8, 505.1, 502.6, 504.4, 503.1, 505.7],
      "L3": [499.6, 501.2, 498.3, 500.8, 499.9, 500.1]}
recs = []
k = 1
order = [("L1", 0), ("L2", 0), ("L3", 0), ("L1", 1), ("L3", 1), ("L2", 1), ("L2", 2), ("L1", 2), ("L3", 2),
         ("L3", 3), ("L1", 3), ("L2", 3), ("L1", 4), ("L2", 4), ("L3", 4), ("L3", 5), ("L2", 5), ("L1", 5)]
for g, i in order:
    recs.append(f"{k},{g},{g7[g][i]}")
    k += 1
add("t07", 1,
    "id,line,net_wt_g\n" + "\n".join(recs) +
    "\n\nThis is a pull from the MES export (18 jars, three filling lines). Do the three lines fill to the same mean weight? One-way ANOVA please.",
    "long format id/group/value -> one-way ANOVA with 3 groups of 6",
    ["anova_oneway"], ["F statistic", "p-value"], [0.005, 0.02],
    list(g7.values()),
    f=lambda g: list(stats.f_oneway(*g)),
    h=lambda g: (lambda a, gm: (lambda ssb, ssw: (lambda F: [F, f_sf_hand(F, len(g) - 1, len(a) - len(g))])((ssb / (len(g) - 1)) / (ssw / (len(a) - len(g)))))(
        sum(len(x) * (np.mean(x) - gm) ** 2 for x in g), sum(((np.array(x) - np.mean(x)) ** 2).sum() for x in g)))(np.concatenate(g), np.concatenate(g).mean()),
    p=lambda t: [[float(l.split(",")[2]) for l in t.splitlines() if l.count(",") == 2 and l.split(",")[1] == gg] for gg in ["L1", "L2", "L3"]])

cells8 = {("Low", "P1"): [28.1, 27.4, 29.0], ("Low", "P2"): [31.2, 30.5, 31.9],
          ("Med", "P1"): [30.6, 31.4, 29.8], ("Med", "P2"): [35.1, 34.2, 35.8],
          ("High", "P1"): [32.0, 33.1, 32.6], ("High", "P2"): [39.4, 38.7, 40.2]}
txt8 = ("Bond strength (N/mm2), 3 reps per cell. Rows = cure temperature, columns = clamp pressure.\n\n"
        "Temp  | P1               | P2\n" +
        "\n".join(f"{t:<5} | {', '.join(map(str, cells8[(t, 'P1')]))} | {', '.join(map(str, cells8[(t, 'P2')]))}"
                  for t in ["Low", "Med", "High"]) +
        "\n\nTwo-factor analysis with interaction: which effects are significant? Give the F values.")


def aov2(cells):
    recs = [(a, b, y) for (a, b), ys in cells.items() for y in ys]
    import pandas as pd
    df = pd.DataFrame(recs, columns=["A", "B", "y"])
    m = ols("y ~ C(A)*C(B)", df).fit()
    t = sm.stats.anova_lm(m, typ=2)
    return [t.loc["C(A)", "F"], t.loc["C(B)", "F"], t.loc["C(A):C(B)", "F"]]


def aov2_hand(cells):
    A = sorted({a for a, _ in cells}); B = sorted({b for _, b in cells})
    n = len(next(iter(cells.values())))
    allv = np.concatenate(list(cells.values())); gm = allv.mean()
    ma = {a: np.mean([y for (aa, b), ys in cells.items() if aa == a for y in ys]) for a in A}
    mb = {b: np.mean([y for (a, bb), ys in cells.items() if bb == b for y in ys]) for b in B}
    ssa = len(B) * n * sum((ma[a] - gm) ** 2 for a in A)
    ssb = len(A) * n * sum((mb[b] - gm) ** 2 for b in B)
    ssab = n * sum((np.mean(cells[(a, b)]) - ma[a] - mb[b] + gm) ** 2 for a in A for b in B)
    sse = sum(((np.array(ys) - np.mean(ys)) ** 2).sum() for ys in cells.values())
    dfe = len(A) * len(B) * (n - 1)
    mse = sse / dfe
    return [ssa / (len(A) - 1) / mse, ssb / (len(B) - 1) / mse, ssab / ((len(A) - 1) * (len(B) - 1)) / mse]


def parse8(t):
    out = {}
    for line in t.splitlines():
        parts = [s.strip() for s in line.split("|")]
        if len(parts) == 3 and parts[0] in ("Low", "Med", "High"):
            out[(parts[0], "P1")] = numlist(parts[1]); out[(parts[0], "P2")] = numlist(parts[2])
    return out


add("t08", 1, txt8,
    "two-way ANOVA with replication (3 temps x 2 pressures x 3 reps), F for temp, pressure, interaction",
    ["anova_twoway"], ["F temperature", "F pressure", "F interaction"], [0.005, 0.005, 0.005],
    cells8, f=aov2, h=aov2_hand, p=parse8)

obs9 = [112, 58, 22, 8]; pr9 = [0.55, 0.30, 0.10, 0.05]
add("t09", 1,
    "Historically our grading split is 55% grade A, 30% grade B, 10% grade C and 5% reject. "
    "This month's 200 boards graded as follows:\n"
    "Grade A -> 112\nGrade B -> 58\nGrade C -> 22\nReject -> 8\n"
    "Has the split changed from the historical proportions?",
    "chi-square goodness of fit against stated proportions (expected 110,60,20,10), df=3",
    ["chi_square"], ["chi-square statistic", "p-value"], [0.005, 0.02],
    (obs9, pr9),
    f=lambda d: (lambda r: [r.statistic, r.pvalue])(stats.chisquare(d[0], np.array(d[1]) * sum(d[0]))),
    h=lambda d: (lambda e: (lambda c: [c, chi2_sf_hand(c, 3)])(sum((o - x) ** 2 / x for o, x in zip(d[0], e))))([p * sum(d[0]) for p in d[1]]),
    p=lambda t: ([v for _, v in kv(t)], [after(t, "split is ") / 100, after(t, "% grade A, ") / 100, after(t, "grade B, ") / 100, after(t, "grade C and ") / 100]))

add("t10", 1,
    "Shift vs outcome for the weld cell, chi-square test of independence please\n\n"
    "shift   pass  rework  scrap\n"
    "Day     412   23      7\n"
    "Swing   388   31      \n"
    "Night   297   40      15\n",
    "REFUSE: Swing-shift scrap count is missing (row cut off); test cannot be computed without guessing",
    ["chi_square"], refuse=True)

grid11 = [[10.12, 10.18, 10.09], [10.15, 10.22, 10.13], [10.08, 10.14, 10.05], [10.17, 10.25, 10.16]]
ops11 = ["Anna", "Bilal", "Chen", "Dora"]
add("t11", 1,
    "Gauge comparison. Each operator measured the same reference block once on each of three height gauges (mm):\n\n"
    "operator  G1     G2     G3\n" + "\n".join(f"{o:<9} " + "  ".join(f"{v:.2f}" for v in r) for o, r in zip(ops11, grid11)) +
    "\n\nOne reading per cell so no interaction term. Are there operator differences? gauge differences?",
    "two-way ANOVA without replication (additive), rows=operators (df 3), cols=gauges (df 2), error df 6",
    ["anova_twoway"], ["F operator", "F gauge"], [0.005, 0.005],
    grid11,
    f=lambda g: (lambda df: (lambda t: [t.loc["C(r)", "F"], t.loc["C(c)", "F"]])(sm.stats.anova_lm(ols("y ~ C(r)+C(c)", df).fit(), typ=2)))(
        __import__("pandas").DataFrame([(i, j, g[i][j]) for i in range(len(g)) for j in range(len(g[0]))], columns=["r", "c", "y"])),
    h=lambda g: (lambda y: (lambda gm, a, b: (lambda ssr, ssc, sst: (lambda mse: [ssr / (a - 1) / mse, ssc / (b - 1) / mse])((sst - ssr - ssc) / ((a - 1) * (b - 1))))(
        b * ((y.mean(1) - gm) ** 2).sum(), a * ((y.mean(0) - gm) ** 2).sum(), ((y - gm) ** 2).sum()))(y.mean(), *y.shape))(np.array(g)),
    p=lambda t: rows(t, 3))

lots12 = ["24-0117", "24-0121", "24-0130", "24-0202", "24-0209", "24-0215", "24-0222", "24-0301", "24-0307", "24-0314"]
x12 = [0.5, 1.0, 1.5, 2.0, 2.5, 3.0, 3.5, 4.0, 4.5, 5.0]
y12 = [1840, 1795, 1762, 1701, 1688, 1630, 1611, 1559, 1532, 1490]
add("t12", 1,
    "Lot        Thickener_g   Viscosity_cP\n" + "\n".join(f"{l}    {a:<11}   {b}" for l, a, b in zip(lots12, x12, y12)) +
    "\n\nHow strongly does viscosity depend on the thickener dose? I want the slope (cP per g) and R-squared of a linear fit.",
    "simple linear regression of viscosity on thickener dose; lot ids are labels",
    ["regression"], ["slope (cP per g)", "R-squared"], [0.005, 0.005],
    (x12, y12),
    f=lambda d: (lambda r: [r.slope, r.rvalue ** 2])(stats.linregress(*d)),
    h=lambda d: (lambda x, y: [np.cov(x, y)[0, 1] / x.var(ddof=1), np.corrcoef(x, y)[0, 1] ** 2])(np.array(d[0]), np.array(d[1], float)),
    p=lambda t: tuple(cols(t, 2)))

# ======================================================================
# KIND 2: intent carried by wording
# ======================================================================
old13 = [41.3, 44.8, 39.7, 47.2, 43.5, 45.9, 40.6, 52.8, 42.1]
new13 = [38.2, 36.9, 40.1, 35.4, 39.3, 37.6, 41.8, 34.7, 36.1, 38.8]
ex13, asy13 = mw_p_both(old13, new13)
add("t13", 2,
    "Cycle times (s) with the old fixture vs the new one.\nold: " + ", ".join(map(str, old13)) +
    "\nnew: " + ", ".join(map(str, new13)) +
    "\nThe old-fixture times look skewed (that 52.8), so I don't want to assume normality. Is there a difference between fixtures?",
    "Mann-Whitney U (rank test), two-sided; U reported as the smaller of U1,U2",
    ["mann_whitney"], ["Mann-Whitney U (smaller of the two U values)", "two-sided p-value (exact; asymptotic also accepted)"],
    [0, rel_cover(ex13, asy13)],
    (old13, new13),
    f=lambda d: [min(stats.mannwhitneyu(d[0], d[1]).statistic, len(d[0]) * len(d[1]) - stats.mannwhitneyu(d[0], d[1]).statistic),
                 stats.mannwhitneyu(d[0], d[1], method="exact").pvalue],
    h=lambda d: [min(sum((a > b) for a in d[0] for b in d[1]), sum((a < b) for a in d[0] for b in d[1])), ex13],
    p=lambda t: (numlist(line_with(t, "old:")), numlist(line_with(t, "new:"))))

X14 = [24.1, 24.3, 23.9, 24.2, 24.0, 24.4, 24.1, 23.8, 24.2, 24.0]
Y14 = [25.6, 23.1, 24.9, 26.2, 22.8, 25.4, 24.7, 26.0]
add("t14", 2,
    "Coating thickness (um) from two suppliers. Supplier X's process is obviously much tighter, so please don't assume equal variances.\n"
    "X  " + " ".join(map(str, X14)) + "\nY  " + " ".join(map(str, Y14)) +
    "\nTwo-sided test of equal means, report t as X minus Y.",
    "Welch two-sample t-test (unequal variances), X minus Y",
    ["t_test"], ["Welch t statistic (X minus Y)", "Welch-Satterthwaite df", "two-sided p-value"], [0.005, 0.005, 0.02],
    (X14, Y14),
    f=lambda d: (lambda r: [r.statistic, r.df, r.pvalue])(stats.ttest_ind(d[0], d[1], equal_var=False)),
    h=lambda d: (lambda x, y: (lambda vx, vy: (lambda t, df: [t, df, p2_hand(t, df)])(
        (x.mean() - y.mean()) / math.sqrt(vx + vy), (vx + vy) ** 2 / (vx ** 2 / (len(x) - 1) + vy ** 2 / (len(y) - 1))))(x.var(ddof=1) / len(x), y.var(ddof=1) / len(y)))(np.array(d[0]), np.array(d[1])),
    p=lambda t: tuple(numlist(l[2:]) for l in t.splitlines() if l[:3] in ("X  ", "Y  ")))

fill15 = [498.6, 501.2, 499.1, 497.8, 500.4, 498.9, 499.5, 497.6, 500.1, 498.2, 499.0, 498.4]
add("t15", 2,
    "nominal fill volume is 500 mL. 12 bottles off line 3 this morning (09:40):\n" + "; ".join(map(str, fill15)) +
    "\nare we filling on target?",
    "one-sample t-test against nominal mu0=500, two-sided",
    ["t_test"], ["t statistic", "two-sided p-value"], [0.005, 0.02],
    fill15,
    f=lambda x: list(stats.ttest_1samp(x, 500)),
    h=lambda x: (lambda t, df: [t, p2_hand(t, df)])(*tt_hand_1s(x, 500)),
    p=lambda t: numlist(t.splitlines()[1]))

s16 = [344.8, 351.2, 339.6, 347.5, 352.9, 341.3, 346.0, 349.1, 338.7, 345.6, 350.3, 343.2]
add("t16", 2,
    "Our cable-tie supplier claims the mean breaking strength is at least 350 N. We pulled 12 ties from lot 5531:\n"
    + "\n".join(map(str, s16)) +
    "\nDo the data give evidence against the supplier's claim at the 5% level?",
    "one-sided one-sample t-test, H0 mu>=350 vs H1 mu<350",
    ["t_test"], ["t statistic", "one-sided (lower-tail) p-value"], [0.005, 0.02],
    s16,
    f=lambda x: list(stats.ttest_1samp(x, 350, alternative="less")),
    h=lambda x: (lambda t, df: [t, tcdf_hand(t, df)])(*tt_hand_1s(x, 350)),
    p=lambda t: [v[0] for v in rows(t, 1) if v[0] > 100 and v[0] != 5531])

x17 = [10, 15, 20, 25, 30, 35, 40, 45]
y17 = [21.4, 24.9, 28.8, 31.7, 44.0, 38.9, 42.6, 45.8]
add("t17", 2,
    "run  cure_min  strength_MPa\n" + "\n".join(f"{i + 1}    {a}        {b}" for i, (a, b) in enumerate(zip(x17, y17))) +
    "\n\nThe thermocouple failed during run 5 so that result is not trustworthy - leave run 5 out and fit strength vs cure time. Slope and intercept?",
    "linear regression on 7 points after excluding run 5 (x=30, y=44.0)",
    ["regression"], ["slope (MPa per min)", "intercept"], [0.005, 0.005],
    (x17, y17),
    f=lambda d: (lambda r: [r.slope, r.intercept])(stats.linregress([a for i, a in enumerate(d[0]) if i != 4], [b for i, b in enumerate(d[1]) if i != 4])),
    h=lambda d: list(np.polyfit([a for i, a in enumerate(d[0]) if i != 4], [b for i, b in enumerate(d[1]) if i != 4], 1)),
    p=lambda t: tuple(cols(t, 2)))

c18 = [11, 14, 9, 13, 16, 10, 12, 15, 8, 13, 11, 17, 12, 10, 14, 9, 13, 12, 15, 11]
add("t18", 2,
    "Paint shop: number of surface defects counted on each door panel (all panels are the same size), 20 consecutive panels:\n"
    + " ".join(map(str, c18)) + "\nWhat control chart and what limits?",
    "c chart (defect counts, constant opportunity): CL=cbar, cbar +/- 3 sqrt(cbar)",
    ["control_chart"], ["centre line c-bar", "UCL", "LCL"], [0.005, 0.005, 0.005],
    c18,
    f=lambda c: (lambda m: [m, m + 3 * math.sqrt(m), max(0, m - 3 * math.sqrt(m))])(np.mean(c)),
    h=lambda c: (lambda m: [m, m + 3 * m ** .5, m - 3 * m ** .5])(sum(c) / len(c)),
    p=lambda t: numlist(t.splitlines()[1]))

len19 = [200, 150, 250, 300, 200, 180, 250, 220, 150, 300, 200, 240]
d19 = [9, 5, 14, 12, 7, 9, 10, 11, 4, 16, 8, 10]
add("t19", 2,
    "We count blemishes on every film roll, but the rolls are different lengths.\n\n"
    "roll  length_m  blemishes\n" + "\n".join(f"R-{i + 1:02d}  {a}       {b}" for i, (a, b) in enumerate(zip(len19, d19))) +
    "\n\nExpress the rate per 100 m. What is the centre line and what are the limits for a 250 m roll?",
    "u chart; units = length/100; ubar = total/total units; limits ubar +/- 3 sqrt(ubar/2.5)",
    ["control_chart"], ["u-bar (blemishes per 100 m)", "UCL for 250 m roll", "LCL for 250 m roll"], [0.005, 0.005, 0.005],
    (len19, d19),
    f=lambda d: (lambda u: [u, u + 3 * math.sqrt(u / 2.5), max(0, u - 3 * math.sqrt(u / 2.5))])(sum(d[1]) / (sum(d[0]) / 100)),
    h=lambda d: (lambda u: [u, u + 3 * (u / 2.5) ** .5, u - 3 * (u / 2.5) ** .5])(np.sum(d[1]) * 100 / np.sum(d[0])),
    p=lambda t: tuple(cols(t, 2)))

rng = np.random.default_rng(20)
v20 = [round(v, 3) for v in rng.normal(10.035, 0.018, 25)]
add("t20", 2,
    "Spec for pin diameter is 10.00 +/- 0.08 mm. 25 pins measured over the whole month (not rational subgroups, just individual parts off the line):\n"
    + "\n".join(", ".join(f"{v:.3f}" for v in v20[i:i + 5]) for i in range(0, 25, 5)) +
    "\nI need the overall/long-term performance index Ppk (and Pp), not Cpk.",
    "Ppk/Pp from overall sample sd (n-1), LSL 9.92 USL 10.08",
    ["capability"], ["Ppk", "Pp"], [0.005, 0.005],
    v20,
    f=lambda x: (lambda m, s: [min(10.08 - m, m - 9.92) / (3 * s), 0.16 / (6 * s)])(np.mean(x), np.std(x, ddof=1)),
    h=lambda x: (lambda m, s: [min((10.08 - m) / (3 * s), (m - 9.92) / (3 * s)), (10.08 - 9.92) / (6 * s)])(sum(x) / len(x), math.sqrt(sum((v - sum(x) / len(x)) ** 2 for v in x) / (len(x) - 1))),
    p=lambda t: [v for r in rows(t, 5, sep=r",\s*") for v in r])

def curv_hand(d):
    X = np.array([[1, a, b, a * b, 0] for (a, b) in corn21] + [[1, 0, 0, 0, 1]] * len(d[1]), float)
    yv = np.array(d[0] + d[1])
    full = sm.OLS(yv, X).fit(); red = sm.OLS(yv, X[:, :4]).fit()
    ss = red.ssr - full.ssr
    return [ss, ss / (full.ssr / full.df_resid)]


corn21 = {(-1, -1): 64.2, (1, -1): 71.8, (-1, 1): 67.5, (1, 1): 76.1}
cp21 = [74.0, 73.2, 74.6, 73.7, 74.3]
add("t21", 2,
    "2^2 factorial on a reactor (A = time, B = temperature) with centre points added to check for curvature.\n"
    "A   B   conversion\n" + "\n".join(f"{a:+d}  {b:+d}  {y}" for (a, b), y in corn21.items()) +
    "\n0   0   " + "\n0   0   ".join(map(str, cp21)) +
    "\nIs there significant curvature? Give the curvature sum of squares and its F ratio (pure error from the centre points).",
    "curvature test: SS_curv = nF nC (ybarF-ybarC)^2/(nF+nC); MS_pe from 5 centre points (df 4)",
    ["doe_curvature"], ["curvature sum of squares", "curvature F ratio"], [0.005, 0.005],
    (list(corn21.values()), cp21),
    f=lambda d: (lambda yf, yc: (lambda ss: [ss, ss / np.var(yc, ddof=1)])(len(yf) * len(yc) * (np.mean(yf) - np.mean(yc)) ** 2 / (len(yf) + len(yc))))(d[0], d[1]),
    h=lambda d: curv_hand(d),
    p=lambda t: ([r[2] for r in rows(t, 3) if r[0] != 0], [r[2] for r in rows(t, 3) if r[0] == 0]))

y22 = [28.4, 36.1, 30.2, 45.8, 29.1, 37.3, 31.0, 47.2]
runs22 = list(itertools.product([-1, 1], repeat=3))
runs22 = [(a, b, c) for c, b, a in runs22]  # standard order: A fastest
add("t22", 2,
    "Unreplicated 2^3 screening run on a moulding press (standard order, coded units):\n\n"
    "Run | A | B | C | shrink (x1e-3)\n" +
    "\n".join(f"{i + 1}   | {a:+d} | {b:+d} | {c:+d} | {y}" for i, ((a, b, c), y) in enumerate(zip(runs22, y22))) +
    "\n\nwhat's the AB interaction effect? (effect, not coefficient)",
    "AB interaction effect = mean(y|AB=+1) - mean(y|AB=-1)",
    ["doe_effects"], ["AB interaction effect"], [0.005],
    y22,
    f=lambda y: [np.mean([v for (a, b, c), v in zip(runs22, y) if a * b > 0]) - np.mean([v for (a, b, c), v in zip(runs22, y) if a * b < 0])],
    h=lambda y: [2 * np.linalg.lstsq(np.array([[1, a, b, c, a * b, a * c, b * c, a * b * c] for a, b, c in runs22], float), np.array(y), rcond=None)[0][4]],
    p=lambda t: [r[-1] for r in rows(t, 5)])

add("t23", 2,
    "Cpk for these 20 shaft diameters please (mm):\n"
    "25.012 25.008 24.997 25.004 25.015 25.001 24.993 25.009 25.006 24.999\n"
    "25.011 25.003 24.995 25.007 25.002 25.010 24.998 25.005 25.013 25.000",
    "REFUSE: capability index requested but no specification limits (or nominal/tolerance) given",
    ["capability"], refuse=True)

add("t24", 2,
    "Here are the hardness readings from the new heat-treat furnace (see attached spreadsheet, batch HT-0412). "
    "Test whether the median hardness differs from 58 HRC - don't assume normality please.",
    "REFUSE: the data were not included (only 'see attached'); a signed-rank test needs the readings",
    ["wilcoxon_signed_rank"], refuse=True)

# ======================================================================
# KIND 3: numbers in prose with specific roles
# ======================================================================
add("t25", 3,
    "We want a full factorial in 4 factors, each at 2 levels (no fractioning - we need all the interactions). "
    "Problem: the furnace can only take 4 runs per day, and we'd like to treat each day as a block. "
    "How many runs and how many blocks does that give, and which effects get confounded with days?",
    "2^4 full factorial = 16 runs in 4 blocks of 4 (capacity is block size, not a fraction); 3 effects confounded with blocks",
    ["doe_design"], ["total runs", "number of blocks"], [0, 0],
    (4, 4), f=lambda d: [2 ** d[0], 2 ** d[0] // d[1]], h=lambda d: [len(list(itertools.product([0, 1], repeat=d[0]))), 16 / 4],
    p=lambda t: (after(t, "full factorial in "), after(t, "only take ")))

add("t26", 3,
    "Planning a 3-level full factorial for 3 factors (feed, speed, depth of cut), with 2 replicates of every run. "
    "Total number of runs? And how many error degrees of freedom if I fit the full model with all interactions?",
    "3^3 = 27 treatment combos x 2 replicates = 54 runs; error df = 54 - 27 = 27",
    ["doe_design", "doe_properties"], ["total runs", "error degrees of freedom (full model)"], [0, 0],
    (3, 3, 2), f=lambda d: [d[0] ** d[1] * d[2], d[0] ** d[1] * (d[2] - 1)],
    h=lambda d: [len(list(itertools.product(range(3), repeat=3))) * 2, 54 - 1 - (3 * 2 + 3 * 4 + 8)],
    p=lambda t: (after(t, "a "), after(t, "for "), after(t, "with ")))

add("t27", 3,
    "Lots of 2000 bushings; from each lot we take a subgroup of 4 consecutive parts and measure OD. After 25 subgroups "
    "the grand average is 25.02 mm and the average range is 0.12 mm. Control limits for the X-bar and R charts?",
    "X-bar/R with subgroup size n=4 (lot size 2000 irrelevant): A2=0.729, D3=0, D4=2.282",
    ["summary_chart", "spc_constants"], ["X-bar UCL", "X-bar LCL", "R chart UCL"], [0.005, 0.005, 0.005],
    (25.02, 0.12, 4),
    f=lambda d: [d[0] + A2[d[2]] * d[1], d[0] - A2[d[2]] * d[1], D4[d[2]] * d[1]],
    h=lambda d: (lambda d2, d3: [d[0] + 3 / (d2 * 2) * d[1], d[0] - 3 / (d2 * 2) * d[1], (1 + 3 * d3 / d2) * d[1]])(d2_const(4), d3_sim(4)),
    p=lambda t: (after(t, "grand average is "), after(t, "average range is "), after(t, "subgroup of ")))

add("t28", 3,
    "Design: 3 factors at 2 levels, full 2^3, corner points run twice (2 replicates), plus 4 centre points to check curvature. "
    "Total number of experimental runs?",
    "8 x 2 + 4 = 20 runs",
    ["doe_design", "doe_properties"], ["total runs"], [0],
    (3, 2, 4), f=lambda d: [2 ** d[0] * d[1] + d[2]], h=lambda d: [len(list(itertools.product([-1, 1], repeat=3))) * 2 + 4],
    p=lambda t: (after(t, "Design: "), after(t, "(", 1), after(t, "plus ")))

r29 = [46.8, 47.3, 46.5, 47.9, 47.1, 46.2, 47.6, 46.9, 47.4, 46.7, 47.0, 47.8]
add("t29", 3,
    "Resistance of 12 heater elements (ohm), batch 2024-117:\n" + "  ".join(map(str, r29)) +
    "\nGive me a 99% confidence interval for the mean resistance.",
    "t interval with df=11 at 99% confidence",
    ["t_test", "describe"], ["lower 99% limit", "upper 99% limit"], [0.0005, 0.0005],
    r29,
    f=lambda x: list(stats.t.interval(0.99, len(x) - 1, loc=np.mean(x), scale=stats.sem(x))),
    h=lambda x: (lambda m, se, tc: [m - tc * se, m + tc * se])(np.mean(x), np.std(x, ddof=1) / math.sqrt(len(x)),
                                                              __import__("scipy.optimize", fromlist=["brentq"]).brentq(lambda q: tcdf_hand(q, 11) - 0.995, 1, 6)),
    p=lambda t: numlist(t.splitlines()[1]))


def n_two_sample(delta, sd, alpha, power):
    n = 2
    while True:
        df = 2 * n - 2; ncp = delta / sd * math.sqrt(n / 2); tc = stats.t.ppf(1 - alpha / 2, df)
        pw = 1 - stats.nct.cdf(tc, df, ncp) + stats.nct.cdf(-tc, df, ncp)
        if pw >= power:
            return n
        n += 1


add("t30", 3,
    "How many parts per group do I need to detect a 2.0 unit difference in mean between two independent groups, if the "
    "standard deviation is about 3.0? Two-sided alpha = 0.05, and we want 90% power.",
    "two-sample t sample size: d=0.667, alpha .05, power .90 -> 49 per group (noncentral t; z-approx gives 48)",
    ["power"], ["sample size per group"], [0.025],
    (2.0, 3.0, 0.05, 0.90),
    f=lambda d: [math.ceil(TTestIndPower().solve_power(effect_size=d[0] / d[1], alpha=d[2], power=d[3]))],
    h=lambda d: [n_two_sample(*d)],
    p=lambda t: (after(t, "detect a "), after(t, "is about "), after(t, "alpha = "), after(t, "want ") / 100))

add("t31", 3,
    "2^3 full factorial, 3 replicates, no centre points. How many runs in total, and how many degrees of freedom are left "
    "for error if we fit all main effects and all interactions?",
    "24 runs, error df = 24 - 8 = 16",
    ["doe_properties", "doe_design"], ["total runs", "error df"], [0, 0],
    (3, 3), f=lambda d: [2 ** d[0] * d[1], 2 ** d[0] * (d[1] - 1)], h=lambda d: [24, 24 - 1 - 7],
    p=lambda t: (after(t, "2^"), after(t, "factorial, ")))

add("t32", 3,
    "We have budget for 16 runs only. There are 6 factors, each at two levels. What's the best fractional factorial we "
    "can do (what fraction) and what is its resolution?",
    "2^(6-2) with 16 runs, quarter fraction, resolution IV",
    ["doe_properties", "doe_design"], ["number of runs", "resolution (4 = IV)"], [0, 0],
    (16, 6), f=lambda d: [d[0], 4], h=lambda d: [2 ** (6 - 2), 4],
    p=lambda t: (after(t, "budget for "), after(t, "There are ")))

add("t33", 3,
    "How many samples do I need to detect a 0.5 mm shift in the mean bore diameter at 95% confidence?",
    "REFUSE: no standard deviation (or standardized effect) and no target power given; sample size is undetermined",
    ["power"], refuse=True)


def power_two(n, delta, sd, alpha):
    df = 2 * n - 2; ncp = delta / sd * math.sqrt(n / 2); tc = stats.t.ppf(1 - alpha / 2, df)
    return 1 - stats.nct.cdf(tc, df, ncp) + stats.nct.cdf(-tc, df, ncp)


add("t34", 3,
    "Our trial will have 12 specimens per group (two independent groups). Assume a common SD of 4.2 MPa. What power does "
    "a two-sided two-sample t-test at alpha = 0.05 have to detect a true difference of 5 MPa?",
    "power of two-sample t: n=12/group, d=5/4.2, alpha .05 two-sided",
    ["power"], ["power"], [0.01],
    (12, 5, 4.2, 0.05),
    f=lambda d: [TTestIndPower().power(effect_size=d[1] / d[2], nobs1=d[0], alpha=d[3])],
    h=lambda d: [power_two(*d)],
    p=lambda t: (after(t, "have "), after(t, "difference of "), after(t, "SD of "), after(t, "alpha = ")))

add("t35", 3,
    "X-bar and S charts for piston ring diameter. Every hour we sample 6 rings; after 20 hours: grand mean 74.001 mm, "
    "average standard deviation s-bar = 0.0094 mm. Calculate the X-bar chart limits and the S chart UCL.",
    "X-bar/S with n=6: A3, B4 from c4(6); 20 hours is the number of subgroups",
    ["summary_chart", "spc_constants"], ["X-bar UCL", "X-bar LCL", "S chart UCL"], [0.005, 0.005, 0.005],
    (74.001, 0.0094, 6),
    f=lambda d: (lambda c: [d[0] + 3 / (c * math.sqrt(d[2])) * d[1], d[0] - 3 / (c * math.sqrt(d[2])) * d[1], (1 + 3 * math.sqrt(1 - c * c) / c) * d[1]])(c4(d[2])),
    h=lambda d: [d[0] + 1.287 * d[1], d[0] - 1.287 * d[1], 1.970 * d[1]],
    p=lambda t: (after(t, "grand mean "), after(t, "s-bar = "), after(t, "we sample ")))

add("t36", 3,
    "We're planning a two-level fractional factorial on 7 factors with a few centre points added. "
    "What will the resolution be, and how many runs in total?",
    "REFUSE: the fraction (or run count) and the number of centre points are not stated; resolution and run total are undetermined",
    ["doe_properties"], refuse=True)

# ======================================================================
# KIND 4: maths
# ======================================================================
x, y = sp.symbols("x y")
add("t37", 4,
    "Find the partial derivative of f(x,y) = x^2*y^3 + sin(x*y) with respect to y, and evaluate it at x = 1, y = 2.",
    "df/dy = 3x^2y^2 + x cos(xy) -> 12 + cos 2",
    ["differentiate"], ["df/dy at (1,2)"], [0.005],
    "x**2*y**3 + sin(x*y)",
    f=lambda e: [float(sp.diff(sp.sympify(e), y).subs({x: 1, y: 2}))],
    h=lambda e: [(lambda g: (g(1, 2 + 1e-6) - g(1, 2 - 1e-6)) / 2e-6)(lambda a, b: a * a * b ** 3 + math.sin(a * b))],
    p=lambda t: re.search(r"= (.*?) with", t).group(1).replace("^", "**"))

M38 = [[12, -4, 0], [-4, 10, -2], [0, -2, 8]]; b38 = [24, 0, -6]


eqs = ["12 I1 - 4 I2 = 24", "-4 I1 + 10 I2 - 2 I3 = 0", "-2 I2 + 8 I3 = -6"]


def parse_lin(t):
    A, bb = [], []
    for line in t.splitlines():
        if "=" not in line or "I" not in line.split("=")[0]:
            continue
        lhs, rhs = line.split("=")
        row = []
        for nm in ["I1", "I2", "I3"]:
            m = re.search(r"([+-]?\s*\d*\.?\d*)\s*" + nm, lhs)
            c = m.group(1).replace(" ", "") if m else None
            row.append(0.0 if c is None else 1.0 if c in ("", "+") else -1.0 if c == "-" else float(c))
        A.append(row); bb.append(float(rhs))
    return (A, bb)


add("t38", 4,
    "Mesh analysis gave me these loop equations (currents in A):\n" + "\n".join(eqs) + "\nsolve for the loop currents",
    "3x3 linear system",
    ["solve", "matrix"], ["I1", "I2", "I3"], [0.005, 0.005, 0.005],
    (M38, b38),
    f=lambda d: list(np.linalg.solve(np.array(d[0], float), np.array(d[1], float))),
    h=lambda d: [np.linalg.det(np.column_stack([np.array(d[1], float) if j == i else np.array(d[0], float)[:, j] for j in range(3)])) / np.linalg.det(np.array(d[0], float)) for i in range(3)],
    p=parse_lin)

M39 = [[2, -1, 3], [4, 0, 1], [-2, 5, 6]]
add("t39", 4,
    "determinant of\n" + "\n".join("  ".join(f"{v:>3}" for v in r) for r in M39) + "\n?",
    "3x3 determinant",
    ["matrix"], ["determinant"], [0.005],
    M39,
    f=lambda m: [float(np.linalg.det(np.array(m, float)))],
    h=lambda m: [m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1]) - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0]) + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0])],
    p=lambda t: rows(t, 3))

M40 = [[2, 1, 0], [1, 3, 1], [0, 1, 4]]
add("t40", 4,
    "Eigenvalues of the stiffness matrix K = [[2, 1, 0], [1, 3, 1], [0, 1, 4]] (kN/mm)? List them smallest to largest.",
    "symmetric 3x3 eigenvalues",
    ["matrix"], ["smallest eigenvalue", "middle eigenvalue", "largest eigenvalue"], [0.005, 0.005, 0.005],
    M40,
    f=lambda m: list(np.linalg.eigvalsh(np.array(m, float))),
    h=lambda m: sorted(np.roots(np.poly(np.array(m, float))).real),
    p=lambda t: json.loads(re.search(r"K = (\[\[.*?\]\])", t).group(1)))

add("t41", 4,
    "intergrate x^2 * e^(-x) from x = 0 to x = 3",
    "definite integral = 2 - 17 e^-3",
    ["integrate"], ["value of the integral"], [0.005],
    "x**2*exp(-x)",
    f=lambda e: [float(sp.integrate(sp.sympify(e), (x, 0, 3)))],
    h=lambda e: [sint.quad(lambda u: u * u * math.exp(-u), 0, 3)[0]],
    p=lambda t: "x**2*exp(-x)" if "x^2 * e^(-x)" in t else None)

add("t42", 4,
    "lim as x -> 0 of `(sin(3*x) - 3*x)/x**3`",
    "limit = -9/2",
    ["limit"], ["limit value"], [0.005],
    "(sin(3*x) - 3*x)/x**3",
    f=lambda e: [float(sp.limit(sp.sympify(e), x, 0))],
    h=lambda e: [(math.sin(3 * 1e-3) - 3e-3) / 1e-9],
    p=lambda t: re.search(r"`(.*?)`", t).group(1))

add("t43", 4,
    "What is the coefficient of x^4 in the Maclaurin series of e^x * cos(x)?",
    "e^x cos x = Re e^{(1+i)x}; x^4 coefficient = Re((1+i)^4)/24 = -1/6",
    ["series"], ["coefficient of x^4"], [0.005],
    "exp(x)*cos(x)",
    f=lambda e: [float(sp.series(sp.sympify(e), x, 0, 6).removeO().coeff(x, 4))],
    h=lambda e: [((1 + 1j) ** 4).real / math.factorial(4)],
    p=lambda t: "exp(x)*cos(x)" if "e^x * cos(x)" in t else None)


def newton(f, df, x0):
    for _ in range(60):
        x0 -= f(x0) / df(x0)
    return x0


add("t44", 4,
    "Solve x^3 - 2x - 5 = 0. Real roots only please.",
    "one real root ~2.0946 (other two complex)",
    ["solve"], ["real root"], [0.005],
    "x**3 - 2*x - 5",
    f=lambda e: [float(r) for r in sp.Poly(sp.sympify(e), x).real_roots()],
    h=lambda e: [newton(lambda u: u ** 3 - 2 * u - 5, lambda u: 3 * u * u - 2, 2.0)],
    p=lambda t: re.search(r"Solve (.*?) = 0", t).group(1).replace("^", "**").replace("2x", "2*x"))

add("t45", 4,
    "Simplify (x^3 - 8)/(x - 2) - x^2 and then evaluate the result at x = 1.5",
    "simplifies to 2x + 4 -> 7 at x=1.5",
    ["simplify", "evaluate"], ["value at x = 1.5"], [0.005],
    "(x**3 - 8)/(x - 2) - x**2",
    f=lambda e: [float(sp.simplify(sp.sympify(e)).subs(x, 1.5))],
    h=lambda e: [(1.5 ** 3 - 8) / (1.5 - 2) - 1.5 ** 2],
    p=lambda t: re.search(r"Simplify (.*?) and", t).group(1).replace("^", "**"))

add("t46", 4,
    "diferentiate `ln(x^2 + 1)*cos(x)` wrt x, and give the value of the derivative at x=1",
    "f' = 2x cos x/(x^2+1) - ln(x^2+1) sin x; at 1 = cos1 - ln2 sin1",
    ["differentiate"], ["derivative at x = 1"], [0.005],
    "log(x**2 + 1)*cos(x)",
    f=lambda e: [float(sp.diff(sp.sympify(e), x).subs(x, 1))],
    h=lambda e: [(lambda g: (g(1 + 1e-6) - g(1 - 1e-6)) / 2e-6)(lambda u: math.log(u * u + 1) * math.cos(u))],
    p=lambda t: re.search(r"`(.*?)`", t).group(1).replace("^", "**").replace("ln", "log"))

add("t47", 4,
    "Need the determinant and inverse of this matrix:\n[[3, 1, 4],\n [1, 5, 9],\n [2, 6",
    "REFUSE: third row of the matrix is cut off; determinant/inverse undefined without it",
    ["matrix"], refuse=True)

M48 = [[3, 0, 2], [2, 0, -2], [0, 1, 1]]
add("t48", 4,
    "A =\n3 0 2\n2 0 -2\n0 1 1\nfind A^-1 (and det A while you're at it)",
    "det = 10; inverse = adj/10; entries (1,1)=0.2 and (3,2)=-0.3",
    ["matrix"], ["det A", "inverse entry row1 col1", "inverse entry row3 col2"], [0.005, 0.005, 0.005],
    M48,
    f=lambda m: (lambda a: [float(np.linalg.det(a)), np.linalg.inv(a)[0, 0], np.linalg.inv(a)[2, 1]])(np.array(m, float)),
    h=lambda m: (lambda S: [float(S.det()), float(S.adjugate()[0, 0] / S.det()), float(S.adjugate()[2, 1] / S.det())])(sp.Matrix(m)),
    p=lambda t: rows(t, 3, sep=r"\s+"))

# ======================================================================
# KIND 5: tests that must not be substituted
# ======================================================================
bef49 = [48.2, 52.1, 45.7, 50.3, 55.0, 47.8, 49.6, 53.4, 46.1, 51.9, 44.8, 50.7]
aft49 = [45.1, 50.6, 45.9, 46.2, 51.7, 46.5, 47.4, 49.8, 46.8, 47.2, 43.6, 48.8]
dd49 = [round(a - b, 1) for a, b in zip(bef49, aft49)]
ex49 = stats.wilcoxon(dd49, method="exact").pvalue
asy49 = stats.wilcoxon(dd49, method="approx").pvalue
ops49 = ["OP01", "OP02", "OP03", "OP04", "OP05", "OP06", "OP07", "OP08", "OP09", "OP10", "OP11", "OP12"]


def wil_hand(d):
    a = sorted(d, key=abs)
    ranks = {v: i + 1 for i, v in enumerate(a)}
    return min(sum(r for v, r in ranks.items() if v > 0), sum(r for v, r in ranks.items() if v < 0))


p49 = ex49 if abs(ex49 - asy49) / ex49 < 0.15 else None
add("t49", 5,
    "Assembly time (s) for 12 operators, before and after the new jig. Same operators both times.\n\n"
    "operator before after\n" + "\n".join(f"{o}     {b}   {a}" for o, b, a in zip(ops49, bef49, aft49)) +
    "\n\nRun a Wilcoxon signed-rank test (before minus after) - not a t-test, these times are not normal.",
    "Wilcoxon signed-rank on paired differences; W = min(W+, W-) = 3",
    ["wilcoxon_signed_rank"], ["signed-rank statistic W (smaller rank sum)"] + (["two-sided p-value"] if p49 else []),
    [0] + ([rel_cover(ex49, asy49)] if p49 else []),
    (bef49, aft49),
    f=lambda d: [stats.wilcoxon([round(a - b, 1) for a, b in zip(*d)]).statistic] + ([stats.wilcoxon([round(a - b, 1) for a, b in zip(*d)], method="exact").pvalue] if p49 else []),
    h=lambda d: [wil_hand([round(a - b, 1) for a, b in zip(*d)])] + ([2 * sum(1 for r in range(13) for s in itertools.combinations(range(1, 13), r) if sum(s) <= 3) / 4096] if p49 else []),
    p=lambda t: tuple(cols(t, 2)))

kw50 = {"Cat-A": [71.2, 73.5, 70.8, 74.1, 72.6, 69.9],
        "Cat-B": [75.3, 76.8, 74.7, 77.2, 75.9, 78.1, 76.2],
        "Cat-C": [70.1, 71.9, 72.3, 69.4, 73.0, 71.5]}


def kw_hand(g):
    allv = np.concatenate(g); r = stats.rankdata(allv); N = len(allv)
    s, i = 0, 0
    for x_ in g:
        s += r[i:i + len(x_)].sum() ** 2 / len(x_); i += len(x_)
    H = 12 / (N * (N + 1)) * s - 3 * (N + 1)
    return [H, chi2_sf_hand(H, len(g) - 1)]


add("t50", 5,
    "Yield (%) with three catalysts. Please use Kruskal-Wallis, small groups and I don't trust normality.\n" +
    "\n".join(f"{k}: {', '.join(map(str, v))}" for k, v in kw50.items()),
    "Kruskal-Wallis H, df=2, chi-square approx",
    ["kruskal_wallis"], ["H statistic", "p-value"], [0.005, 0.02],
    list(kw50.values()),
    f=lambda g: list(stats.kruskal(*g)),
    h=kw_hand,
    p=lambda t: [numlist(line_with(t, k + ":")) for k in ["Cat-A", "Cat-B", "Cat-C"]])

P51 = [14.2, 11.8, 16.5, 13.1, 15.7, 12.4, 17.3, 14.9]
Q51 = [18.6, 16.1, 19.4, 15.2, 20.8, 17.9, 16.8, 21.5, 18.1]
ex51, asy51 = mw_p_both(P51, Q51)
add("t51", 5,
    "Residual particle count per cm2 after cleaning, two agents (different parts, not paired).\n"
    "Agent P\tAgent Q\n" + "\n".join(f"{P51[i] if i < 8 else ''}\t{Q51[i]}" for i in range(9)) +
    "\nMann-Whitney test please.",
    "Mann-Whitney U two-sided; report smaller U",
    ["mann_whitney"], ["Mann-Whitney U (smaller of the two U values)", "two-sided p-value (exact; asymptotic also accepted)"],
    [0, rel_cover(ex51, asy51)],
    (P51, Q51),
    f=lambda d: (lambda u: [min(u, len(d[0]) * len(d[1]) - u), stats.mannwhitneyu(d[0], d[1], method="exact").pvalue])(stats.mannwhitneyu(d[0], d[1]).statistic),
    h=lambda d: [min(sum((a > b) for a in d[0] for b in d[1]), sum((a < b) for a in d[0] for b in d[1])), ex51],
    p=lambda t: ([r[0] for r in rows(t, 2, sep=r"\t")], [float(l.split("\t")[1]) for l in t.splitlines() if l.count("\t") == 1 and isnum(l.split("\t")[1])]))

L1_52 = [212, 198, 225, 204, 219, 231, 207, 215]
L2_52 = [208, 199, 219, 201, 214, 226, 205, 210]
add("t52", 5,
    "Interlab check: the same 8 specimens were hardness tested (HV10) in both labs.\n"
    "specimen: S1 S2 S3 S4 S5 S6 S7 S8\n"
    "Lab 1: " + " ".join(map(str, L1_52)) + "\nLab 2: " + " ".join(map(str, L2_52)) +
    "\nDo the labs disagree? t as Lab 1 minus Lab 2.",
    "paired t-test (same specimens), not two-sample",
    ["t_test"], ["paired t statistic (Lab1 - Lab2)", "two-sided p-value"], [0.005, 0.02],
    (L1_52, L2_52),
    f=lambda d: list(stats.ttest_rel(*d)),
    h=lambda d: (lambda t, df: [t, p2_hand(t, df)])(*tt_hand_1s(np.subtract(d[0], d[1]), 0)),
    p=lambda t: (numlist(line_with(t, "Lab 1:")), numlist(line_with(t, "Lab 2:"))))

add("t53", 5,
    "Line A: mean cycle time 12.4 min, sd 1.1, n = 15. Line B: mean 11.6 min, sd 1.3, n = 14. "
    "Assuming equal variances, is the difference in means significant (two-sided, 5%)? I only have these summary figures.",
    "pooled two-sample t-test from summary statistics, df=27",
    ["summary_t_test"], ["t statistic (A minus B)", "two-sided p-value"], [0.005, 0.02],
    (12.4, 1.1, 15, 11.6, 1.3, 14),
    f=lambda d: list(stats.ttest_ind_from_stats(*d)),
    h=lambda d: (lambda sp2: (lambda t: [t, p2_hand(t, d[2] + d[5] - 2)])((d[0] - d[3]) / math.sqrt(sp2 * (1 / d[2] + 1 / d[5]))))(((d[2] - 1) * d[1] ** 2 + (d[5] - 1) * d[4] ** 2) / (d[2] + d[5] - 2)),
    p=lambda t: tuple(numlist(t.split("Line B:")[0])[:3] + numlist(t.split("Line B:")[1])[:3]))

add("t54", 5,
    "Process mean is 10.018 mm with standard deviation 0.011 mm; the spec is 9.97 to 10.05 mm. What are Cp and Cpk?",
    "capability from summary figures: Cp = 0.08/(6*0.011), Cpk = (10.05-10.018)/(3*0.011)",
    ["summary_capability"], ["Cp", "Cpk"], [0.005, 0.005],
    (10.018, 0.011, 9.97, 10.05),
    f=lambda d: [(d[3] - d[2]) / (6 * d[1]), min(d[3] - d[0], d[0] - d[2]) / (3 * d[1])],
    h=lambda d: [0.08 / 0.066, 0.032 / 0.033],
    p=lambda t: (after(t, "mean is "), after(t, "deviation "), after(t, "spec is "), after(t, " to ")))

add("t55", 5,
    "X-bar/R chart from 30 subgroups of size 5: grand average X-double-bar = 50.12 psi, R-bar = 2.35 psi. Give me the limits for both charts.",
    "n=5: A2=0.577, D3=0, D4=2.114",
    ["summary_chart", "spc_constants"], ["X-bar UCL", "X-bar LCL", "R UCL"], [0.005, 0.005, 0.005],
    (50.12, 2.35, 5),
    f=lambda d: [d[0] + A2[d[2]] * d[1], d[0] - A2[d[2]] * d[1], D4[d[2]] * d[1]],
    h=lambda d: (lambda d2, d3: [d[0] + 3 / (d2 * math.sqrt(5)) * d[1], d[0] - 3 / (d2 * math.sqrt(5)) * d[1], (1 + 3 * d3 / d2) * d[1]])(d2_const(5), d3_sim(5)),
    p=lambda t: (after(t, "X-double-bar = "), after(t, "R-bar = "), after(t, "of size ")))

add("t56", 5,
    "One tensile bar from heat 88213 came in at 412 MPa. The nominal is 400 MPa. Run a one-sample t-test to see whether it's significantly different.",
    "REFUSE: a single observation gives no estimate of variability; a t-test is impossible (n=1)",
    ["t_test"], refuse=True)


def prop1(x_, n, p0):
    ph = x_ / n; z = (ph - p0) / math.sqrt(p0 * (1 - p0) / n)
    return z


add("t57", 5,
    "Supplier says their defect rate is no more than 2%. In our incoming inspection of 250 parts we found 9 defective. "
    "Using the normal approximation (one-proportion z-test), is there evidence at alpha = 0.05 that the rate exceeds 2%?",
    "one-proportion z-test, one-sided upper, p0=0.02, SE from p0",
    ["proportion_test"], ["z statistic", "one-sided p-value"], [0.005, 0.02],
    (9, 250, 0.02),
    f=lambda d: (lambda r: [r[0], r[1]])(__import__("statsmodels.stats.proportion", fromlist=["x"]).proportions_ztest(d[0], d[1], d[2], alternative="larger", prop_var=d[2])),
    h=lambda d: (lambda z: [z, 1 - phi(z)])(prop1(*d)),
    p=lambda t: (after(t, "found "), after(t, "inspection of "), after(t, "no more than ") / 100))

add("t58", 5,
    "Line 1: 14 defectives in 220 inspected. Line 2: 27 defectives in 240 inspected. Two-proportion z-test (pooled), "
    "two-sided - do the lines differ? report z for line 1 minus line 2",
    "two-proportion pooled z-test",
    ["proportion_test"], ["z statistic (line1 - line2)", "two-sided p-value"], [0.005, 0.02],
    (14, 220, 27, 240),
    f=lambda d: list(__import__("statsmodels.stats.proportion", fromlist=["x"]).proportions_ztest([d[0], d[2]], [d[1], d[3]])),
    h=lambda d: (lambda pp: (lambda z: [z, 2 * (1 - phi(abs(z)))])((d[0] / d[1] - d[2] / d[3]) / math.sqrt(pp * (1 - pp) * (1 / d[1] + 1 / d[3]))))((d[0] + d[2]) / (d[1] + d[3])),
    p=lambda t: (after(t, "Line 1: "), after(t, "defectives in "), after(t, "Line 2: "), numlist(t.split("Line 2:")[1])[1]))


def fisher_hand(tab):
    (a, b), (c, d) = tab
    r1, c1, N = a + b, a + c, a + b + c + d
    pr = lambda k: math.comb(c1, k) * math.comb(N - c1, r1 - k) / math.comb(N, r1)
    p0 = pr(a)
    return sum(pr(k) for k in range(max(0, r1 + c1 - N), min(r1, c1) + 1) if pr(k) <= p0 * (1 + 1e-7))


add("t59", 5,
    "Salt-spray test, 500 h:\n"
    "            corroded   not corroded\n"
    "coated          2          10\n"
    "uncoated        8           3\n"
    "Counts are small, so use Fisher's exact test (two-sided).",
    "Fisher exact 2x2, two-sided p",
    ["chi_square", "proportion_test"], ["two-sided Fisher exact p-value"], [0.02],
    [[2, 10], [8, 3]],
    f=lambda tb: [stats.fisher_exact(tb).pvalue],
    h=lambda tb: [fisher_hand(tb)],
    p=lambda t: [[int(v) for v in r] for r in rows(t, 2)])

add("t60", 5,
    "Same 12 operators measured before and after training. Before: mean 82.1, sd 6.3, n = 12. After: mean 79.4, sd 6.0, n = 12. "
    "Please run a paired t-test on this.",
    "REFUSE: a paired t-test needs the differences (or their sd / the correlation); per-side summaries are not enough",
    ["summary_t_test", "t_test"], refuse=True)


# ---------------------------------------------------------------- build + checks
def close(a, b, rel=1e-6, abs_=1e-9):
    return abs(a - b) <= max(abs_, rel * max(abs(a), abs(b)))


def main():
    ids = [q["id"] for q in Q]
    assert ids == [f"t{i:02d}" for i in range(1, 61)], ids
    out = []
    for q in Q:
        rec = dict(id=q["id"], kind=q["kind"], question=q["question"], intent=q["intent"],
                   tools=q["tools"], expect=[], refuse=q["refuse"])
        if not q["refuse"]:
            vals = [float(v) for v in q["f"](q["inputs"])]
            hand = [float(v) for v in q["h"](q["inputs"])]
            assert len(vals) == len(q["whats"]) == len(q["rels"]) == len(hand), q["id"]
            for v, hv, r in zip(vals, hand, q["rels"]):
                # hand formulas must agree tightly; SPC ids compare tabulated constants
                # with exact c4 / integrated d2 / simulated d3, so they get 0.4%
                tol = 1e-9 if r == 0 else (0.004 if q["id"] in ("t27", "t35", "t55") else 1e-4)
                assert close(v, hv, tol), (q["id"], v, hv)
            parsed = q["p"](q["question"])
            reval = [float(v) for v in q["f"](parsed)]
            for v, rv in zip(vals, reval):
                assert close(v, rv, 1e-9), (q["id"], "reparse", v, rv, parsed)
            # a p-value whose exact and asymptotic conventions disagree by more than
            # 15% (rank tests with small n) is not a convention-free target: drop it
            rec["expect"] = [dict(what=w, value=float(f"{v:.6g}") if abs(v) > 1e-12 else 0.0, rel=float(r))
                             for w, v, r in zip(q["whats"], vals, q["rels"]) if r <= 0.15]
        out.append(rec)
    with open(OUT, "w") as fh:
        for r in out:
            fh.write(json.dumps(r) + "\n")
    from collections import Counter
    print("written", len(out), "questions to", OUT)
    print("per kind:", dict(Counter(r["kind"] for r in out)))
    print("refusals:", [r["id"] for r in out if r["refuse"]])
    for r in out:
        print(r["id"], r["kind"], r["refuse"], [(e["what"][:28], e["value"], e["rel"]) for e in r["expect"]])


if __name__ == "__main__":
    main()
