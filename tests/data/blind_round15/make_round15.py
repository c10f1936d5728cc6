#!/usr/bin/env python3
"""Blind round 15 for HAVOC: question texts + independently computed expectations.

Run:  python tests/data/blind_round15/make_round15.py
Writes round15.jsonl beside it.  Every expected number is computed here with
numpy / scipy / statsmodels / sympy and, where cheap, cross-checked against a
second (hand-formula) computation with an assert.
"""
import itertools
import json
import math
import os

import numpy as np
import sympy as sp
import statsmodels.api as sm
import statsmodels.formula.api as smf
from scipy import integrate as si
from scipy import stats

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "round15.jsonl")

QUESTIONS = []

STAT_REL = 0.005   # statistics, estimates, limits
P_REL = 0.02       # p-values


def close(a, b, tol=1e-9):
    return abs(a - b) <= tol * max(1.0, abs(a), abs(b))


def chk(a, b, tol=1e-7, msg=""):
    assert close(float(a), float(b), tol), f"cross-check failed {msg}: {a} vs {b}"


def E(what, value, rel=STAT_REL):
    value = float(value)
    assert math.isfinite(value) and value != 0.0, (what, value)
    return {"what": what, "value": float(f"{value:.7g}"), "rel": rel}


def P(what, value):
    return E(what, value, P_REL)


def RUNS(n):
    return {"what": "runs", "runs": int(n)}


def EXPR(what, expr):
    # validate that it parses in SymPy
    sp.sympify(expr)
    return {"what": what, "expr": expr}


def add(kind, question, intent, tools, expect, refuse=False):
    QUESTIONS.append({"kind": kind, "question": question, "intent": intent,
                      "tools": tools, "expect": expect, "refuse": refuse})


def refusal(kind, question, intent):
    add(kind, question, intent, [], [], refuse=True)


def f(x, d):
    return f"{x:.{d}f}"


def rng(seed):
    return np.random.default_rng(1500 + seed)


# ----------------------------------------------------------------- helpers
def paired(a, b):
    a, b = np.asarray(a, float), np.asarray(b, float)
    res = stats.ttest_rel(a, b)
    d = a - b
    t_hand = d.mean() / (d.std(ddof=1) / math.sqrt(len(d)))
    chk(res.statistic, t_hand, msg="paired t")
    p_hand = 2 * stats.t.sf(abs(t_hand), len(d) - 1)
    chk(res.pvalue, p_hand, msg="paired p")
    return res.statistic, res.pvalue


def one_sample(x, mu, alternative="two-sided"):
    x = np.asarray(x, float)
    res = stats.ttest_1samp(x, mu, alternative=alternative)
    t_hand = (x.mean() - mu) / (x.std(ddof=1) / math.sqrt(len(x)))
    chk(res.statistic, t_hand, msg="1-sample t")
    df = len(x) - 1
    if alternative == "two-sided":
        p_hand = 2 * stats.t.sf(abs(t_hand), df)
    elif alternative == "greater":
        p_hand = stats.t.sf(t_hand, df)
    else:
        p_hand = stats.t.cdf(t_hand, df)
    chk(res.pvalue, p_hand, msg="1-sample p")
    return res.statistic, res.pvalue


def two_sample(a, b, equal_var, alternative="two-sided"):
    a, b = np.asarray(a, float), np.asarray(b, float)
    res = stats.ttest_ind(a, b, equal_var=equal_var, alternative=alternative)
    n1, n2 = len(a), len(b)
    v1, v2 = a.var(ddof=1), b.var(ddof=1)
    if equal_var:
        sp2 = ((n1 - 1) * v1 + (n2 - 1) * v2) / (n1 + n2 - 2)
        t_hand = (a.mean() - b.mean()) / math.sqrt(sp2 * (1 / n1 + 1 / n2))
        df = n1 + n2 - 2
    else:
        se2 = v1 / n1 + v2 / n2
        t_hand = (a.mean() - b.mean()) / math.sqrt(se2)
        df = se2 ** 2 / ((v1 / n1) ** 2 / (n1 - 1) + (v2 / n2) ** 2 / (n2 - 1))
    chk(res.statistic, t_hand, msg="2-sample t")
    if alternative == "two-sided":
        p_hand = 2 * stats.t.sf(abs(t_hand), df)
    elif alternative == "greater":
        p_hand = stats.t.sf(t_hand, df)
    else:
        p_hand = stats.t.cdf(t_hand, df)
    chk(res.pvalue, p_hand, msg="2-sample p")
    return res.statistic, res.pvalue, df


def gof(obs, shares=None):
    obs = np.asarray(obs, float)
    if shares is None:
        exp = np.full(len(obs), obs.sum() / len(obs))
    else:
        shares = np.asarray(shares, float)
        exp = obs.sum() * shares / shares.sum()
    res = stats.chisquare(obs, exp)
    x2 = ((obs - exp) ** 2 / exp).sum()
    chk(res.statistic, x2, msg="gof")
    chk(res.pvalue, stats.chi2.sf(x2, len(obs) - 1), msg="gof p")
    return res.statistic, res.pvalue


def indep(table):
    table = np.asarray(table, float)
    assert table.shape[0] > 2 or table.shape[1] > 2  # no Yates ambiguity
    x2, p, dof, exp = stats.chi2_contingency(table)
    e = np.outer(table.sum(1), table.sum(0)) / table.sum()
    x2h = ((table - e) ** 2 / e).sum()
    chk(x2, x2h, msg="indep")
    chk(p, stats.chi2.sf(x2h, (table.shape[0] - 1) * (table.shape[1] - 1)), msg="indep p")
    return x2, p, dof


def linreg(x, y):
    x, y = np.asarray(x, float), np.asarray(y, float)
    lr = stats.linregress(x, y)
    X = sm.add_constant(x)
    m = sm.OLS(y, X).fit()
    chk(lr.slope, m.params[1], msg="slope")
    chk(lr.intercept, m.params[0], msg="intercept")
    chk(lr.rvalue ** 2, m.rsquared, msg="r2")
    return lr.slope, lr.intercept, m.rsquared, lr.pvalue


def oneway(groups):
    res = stats.f_oneway(*groups)
    allx = np.concatenate(groups)
    gm = allx.mean()
    ssb = sum(len(g) * (np.mean(g) - gm) ** 2 for g in groups)
    ssw = sum(((np.asarray(g) - np.mean(g)) ** 2).sum() for g in groups)
    k, n = len(groups), len(allx)
    F = (ssb / (k - 1)) / (ssw / (n - k))
    chk(res.statistic, F, msg="anova F")
    chk(res.pvalue, stats.f.sf(F, k - 1, n - k), msg="anova p")
    return res.statistic, res.pvalue


def kw(groups):
    res = stats.kruskal(*groups)
    allx = np.concatenate(groups)
    assert len(np.unique(allx)) == len(allx), "ties present"
    ranks = stats.rankdata(allx)
    N = len(allx)
    H, i = 0.0, 0
    for g in groups:
        r = ranks[i:i + len(g)]
        H += r.sum() ** 2 / len(g)
        i += len(g)
    H = 12 / (N * (N + 1)) * H - 3 * (N + 1)
    chk(res.statistic, H, msg="KW")
    chk(res.pvalue, stats.chi2.sf(H, len(groups) - 1), msg="KW p")
    return res.statistic, res.pvalue


def levene_median(groups):
    res = stats.levene(*groups, center="median")
    z = [np.abs(np.asarray(g) - np.median(g)) for g in groups]
    F, p = oneway(z)
    chk(res.statistic, F, msg="levene")
    chk(res.pvalue, p, msg="levene p")
    return res.statistic, res.pvalue


def d2_const(n):
    # expected range of n standard normals
    g = lambda x: 1 - (1 - stats.norm.cdf(x)) ** n - stats.norm.cdf(x) ** n
    return si.quad(g, -np.inf, np.inf)[0]


def d3_const(n):
    # sd of range of n standard normals via E[R^2] = 2*int int_{x<y} (1 - F(y)^n - (1-F(x))^n + (F(y)-F(x))^n) dx dy
    F = stats.norm.cdf
    inner = lambda x, y: 1 - F(y) ** n - (1 - F(x)) ** n + (F(y) - F(x)) ** n
    er2 = 2 * si.dblquad(lambda x, y: inner(x, y), -8, 8, lambda y: -8, lambda y: y)[0]
    return math.sqrt(er2 - d2_const(n) ** 2)


def c4_const(n):
    return math.sqrt(2 / (n - 1)) * math.exp(math.lgamma(n / 2) - math.lgamma((n - 1) / 2))


# table cross-checks of the constants (standard SPC tables)
chk(d2_const(2), 1.128, 1e-3, "d2(2)")
chk(d2_const(5), 2.326, 1e-3, "d2(5)")
chk(c4_const(4), 0.9213, 1e-4, "c4(4)")
D3_5 = d3_const(5)
chk(D3_5, 0.864, 2e-3, "d3(5)")
D3_2 = d3_const(2)
chk(D3_2, 0.853, 2e-3, "d3(2)")


# =====================================================================
# KIND 1 — tables that are not plain numeric columns
# =====================================================================

# 1. paired before/after, tab-separated, operator names as first column
r = rng(1)
ops = ["Ana", "Ben", "Chloe", "Dev", "Emil", "Farah", "Gus", "Hana", "Ivo"]
before = np.round(r.normal(12.0, 0.6, 9), 1)
after = np.round(before + r.normal(0.45, 0.35, 9), 1)
rows = "\n".join(f"{o}\t{f(b,1)}\t{f(a,1)}" for o, b, a in zip(ops, before, after))
t, p = paired(before, after)
add(1, "We switched thread-locker on the M8 fasteners. Same nine operators each torqued one joint with the old "
       "compound and one with the new; breakaway torque in N·m below. Is there a real difference?\n"
       "operator\tbefore\tafter\n" + rows,
    "paired t-test of before vs after across the 9 operators (operator name column is a label)",
    ["t_test"], [E("t statistic (before minus after)", t), P("p-value", p)])

# 2. goodness of fit, equal shares, 'label: count'
obs = [31, 22, 18, 27, 35, 17]
x2, p = gof(obs)
add(1, "Customer returns by reason code for Q3 2024 (RMA batch 0931). Are the reasons equally likely or do some "
       "come up more than others?\n\ndamaged: 31\nwrong item: 22\nlate: 18\nnot as described: 27\ndefective: 35\nother: 17",
    "chi-square goodness of fit of 6 counts against equal expected counts",
    ["chi_square"], [E("chi-square statistic", x2), P("p-value", p)])

# 3. goodness of fit with stated shares, 'label -> count'
obs = [88, 41, 31]
x2, p = gof(obs, [0.5, 0.3, 0.2])
add(1, "purchasing says the split of incoming receipts should be 50% Acme / 30% Borg / 20% Cobalt. "
       "This month (receipt nos 4471-4630) we actually got:\nAcme -> 88\nBorg -> 41\nCobalt -> 31\n"
       "does the actual mix differ from the agreed split?",
    "chi-square goodness of fit against expected shares 0.5/0.3/0.2 (expected 80/48/32)",
    ["chi_square"], [E("chi-square statistic", x2), P("p-value", p)])

# 4. p chart, varying sample sizes
r = rng(4)
lots = [f"L23{i:02d}" for i in range(1, 16)]
ns = r.integers(100, 161, 15)
ds = r.binomial(ns, 0.05)
pbar = ds.sum() / ns.sum()
pbar_h = sum(int(d) for d in ds) / sum(int(n) for n in ns)
chk(pbar, pbar_h)
ucl1 = pbar + 3 * math.sqrt(pbar * (1 - pbar) / ns[0])
imax = int(np.argmax(ns))
lcl_max = pbar - 3 * math.sqrt(pbar * (1 - pbar) / ns[imax])
rows = "\n".join(f"{l},{n},{d}" for l, n, d in zip(lots, ns, ds))
exp4 = [E("centre line p-bar", pbar), E(f"UCL for lot {lots[0]} (n={ns[0]})", ucl1)]
if lcl_max > 0.002:
    exp4.append(E(f"LCL for lot {lots[imax]} (n={ns[imax]})", lcl_max))
add(1, "Final inspection results for the last 15 lots of the bracket (sample size is not constant). "
       "Which control chart should we use, and what are the limits?\n"
       "lot,inspected,defective\n" + rows,
    "p chart with varying subgroup sizes: p-bar = total defectives / total inspected, limits per lot",
    ["control_chart"], exp4)

# 5. np chart, constant sample size, dates in first column
r = rng(105)
days = ["2024-03-04", "2024-03-05", "2024-03-06", "2024-03-07", "2024-03-08",
        "2024-03-11", "2024-03-12", "2024-03-13", "2024-03-14", "2024-03-15",
        "2024-03-18", "2024-03-19", "2024-03-20", "2024-03-21", "2024-03-22",
        "2024-03-25", "2024-03-26", "2024-03-27", "2024-03-28", "2024-03-29"]
rej = r.binomial(50, 0.07, 20)
npbar = rej.mean()
pb = npbar / 50
ucl = npbar + 3 * math.sqrt(npbar * (1 - pb))
chk(ucl, 50 * (pb + 3 * math.sqrt(pb * (1 - pb) / 50)))
rows = "\n".join(f"{d} | {k}" for d, k in zip(days, rej))
add(1, "Every day we pull 50 housings off the line and count how many get rejected. Chart the number rejected "
       "please (March 2024):\nday | rejected\n" + rows,
    "np chart with n=50: centre np-bar and UCL = np-bar + 3*sqrt(np-bar*(1-p-bar))",
    ["control_chart"], [E("centre line np-bar", npbar), E("UCL", ucl)])

# 6. goodness of fit with ratio 4:3:2:1, CSV
obs = [52, 41, 30, 7]
x2, p = gof(obs, [4, 3, 2, 1])
add(1, "The fastener kit is supposed to contain M6, M8, M10 and M12 bolts in the ratio 4:3:2:1. We emptied a few "
       "kits and counted:\nsize,count\nM6,52\nM8,41\nM10,30\nM12,7\nIs the mix consistent with 4:3:2:1?",
    "chi-square goodness of fit with expected proportions 4:3:2:1 of 130 (52, 39, 26, 13)",
    ["chi_square"], [E("chi-square statistic", x2), P("p-value", p)])

# 7. simple regression, id column first
r = rng(7)
temps = np.array([150, 155, 160, 165, 170, 175, 180, 185, 190, 195, 200, 210], float)
hard = np.round(30 + 0.085 * temps + r.normal(0, 0.6, len(temps)), 1)
ids = [f"HX-09{12 + i}" for i in range(len(temps))]
slope, icpt, r2, _ = linreg(temps, hard)
rows = "\n".join(f"{i},{int(t)},{f(h,1)}" for i, t, h in zip(ids, temps, hard))
add(1, "How does hardness depend on cure temperature? Give me the fitted line and how good the fit is.\n"
       "sample_id,cure_temp_C,hardness_HRC\n" + rows,
    "simple linear regression of hardness on cure temperature (sample_id is a label)",
    ["regression"], [E("slope", slope), E("intercept", icpt), E("R-squared", r2)])

# 8. 3x4 contingency table with labels
tab = [[22, 14, 6, 11], [18, 19, 9, 8], [31, 12, 15, 10]]
x2, p, dof = indep(tab)
add(1, "Defect type vs shift, Jan–Jun 2024. Does the kind of defect depend on teh shift?\n\n"
       "shift    Scratch  Dent  Crack  Misalign\nDay      22       14    6      11\n"
       "Swing    18       19    9      8\nNight    31       12    15     10",
    "chi-square test of independence on the 3x4 table (shift x defect type)",
    ["chi_square"], [E("chi-square statistic", x2), P("p-value", p)])

# 9. one-way ANOVA from long-format table
r = rng(9)
sup = {"Kestrel": r.normal(412, 6, 6), "Osprey": r.normal(405, 6, 6), "Merlin": r.normal(418, 6, 6)}
sup = {k: np.round(v, 1) for k, v in sup.items()}
lines, i = [], 1
order = [(k, x) for k in sup for x in sup[k]]
perm = r.permutation(len(order))
for j in perm:
    k, x = order[j]
    lines.append(f"S{i:03d},{k},{f(x,1)}")
    i += 1
F, p = oneway(list(sup.values()))
add(1, "Tensile results from three suppliers' bar stock, logged in test order. Any difference between suppliers?\n"
       "sample,supplier,tensile_MPa\n" + "\n".join(lines),
    "one-way ANOVA of tensile strength across 3 suppliers (6 each) from a long-format table",
    ["anova_oneway"], [E("F statistic", F), P("p-value", p)])

# 10. multiple regression
r = rng(10)
T = np.array([160, 170, 180, 190, 200, 160, 170, 180, 190, 200, 165, 185, 195, 175], float)
Pr = np.array([2.0, 2.5, 3.0, 3.5, 4.0, 4.0, 3.5, 2.0, 2.5, 3.0, 3.0, 4.0, 2.0, 2.5])
Y = np.round(20 + 0.25 * T + 3.1 * Pr + r.normal(0, 1.0, len(T)), 1)
m = sm.OLS(Y, sm.add_constant(np.column_stack([T, Pr]))).fit()
beta = np.linalg.lstsq(np.column_stack([np.ones_like(T), T, Pr]), Y, rcond=None)[0]
for a, b in zip(m.params, beta):
    chk(a, b)
rows = "\n".join(f"{k+1},{int(t)},{f(pp,1)},{f(y,1)}" for k, (t, pp, y) in enumerate(zip(T, Pr, Y)))
add(1, "Fit yield as a function of both reactor temperature and pressure (linear in each). Data:\n"
       "run,temp_C,pressure_bar,yield_pct\n" + rows,
    "multiple linear regression yield ~ temp + pressure (run is a label)",
    ["regression"], [E("coefficient of temp", m.params[1]), E("coefficient of pressure", m.params[2]),
                     E("intercept", m.params[0]), E("R-squared", m.rsquared)])

# 11. two-way ANOVA with replicates, long format
r = rng(211)
opsn = ["Kim", "Lee", "Park"]
gauges = ["G1", "G2"]
op_eff = {"Kim": 0.0, "Lee": 0.012, "Park": -0.006}
g_eff = {"G1": 0.0, "G2": 0.008}
recs = []
for o in opsn:
    for g in gauges:
        for k in range(3):
            recs.append((o, g, round(5.000 + op_eff[o] + g_eff[g] + r.normal(0, 0.005), 3)))
import pandas as pd  # noqa: E402  (comes with statsmodels)
df = pd.DataFrame(recs, columns=["operator", "gauge", "reading"])
mod = smf.ols("reading ~ C(operator) * C(gauge)", data=df).fit()
aov = sm.stats.anova_lm(mod, typ=2)
# hand cross-check (balanced design)
gm = df.reading.mean()
ssA = 6 * sum((df[df.operator == o].reading.mean() - gm) ** 2 for o in opsn)
ssB = 9 * sum((df[df.gauge == g].reading.mean() - gm) ** 2 for g in gauges)
cell = df.groupby(["operator", "gauge"]).reading.mean()
ssAB = 3 * sum((cell[(o, g)] - df[df.operator == o].reading.mean() - df[df.gauge == g].reading.mean() + gm) ** 2
               for o in opsn for g in gauges)
sse = sum((x - cell[(o, g)]) ** 2 for o, g, x in recs)
mse = sse / 12
chk(aov.loc["C(operator)", "F"], ssA / 2 / mse)
chk(aov.loc["C(gauge)", "F"], ssB / 1 / mse)
chk(aov.loc["C(operator):C(gauge)", "F"], ssAB / 2 / mse)
shuffled = [recs[j] for j in r.permutation(len(recs))]
rows = "\n".join(f"{o},{g},{f(x,3)}" for o, g, x in shuffled)
add(1, "Three operators measured the same 5.000 mm reference pin on two gauges, 3 repeats each (random order). "
       "Do operator and gauge matter, and is there an operator x gauge interaction?\n"
       "operator,gauge,reading_mm\n" + rows,
    "two-way ANOVA with interaction (3 operators x 2 gauges, 3 replicates)",
    ["anova_twoway", "doe_anova"],
    [E("F operator", aov.loc["C(operator)", "F"]), E("F gauge", aov.loc["C(gauge)", "F"]),
     P("p-value operator", aov.loc["C(operator)", "PR(>F)"])])  # interaction F is ~0 here: too fragile to rounding

# 12. 2^3 factorial, coded columns, runs listed in random order
r = rng(112)
std = np.array(list(itertools.product([-1, 1], repeat=3)))[:, ::-1]  # A fastest
A, B, C = std[:, 0], std[:, 1], std[:, 2]
y = np.round(60 + 4.1 * A - 2.3 * B + 1.2 * C + 1.6 * A * C + r.normal(0, 0.5, 8), 1)
def eff(col):
    return y[col > 0].mean() - y[col < 0].mean()
effs = {"A": eff(A), "B": eff(B), "C": eff(C), "AB": eff(A * B), "AC": eff(A * C), "BC": eff(B * C),
        "ABC": eff(A * B * C)}
X = np.column_stack([np.ones(8), A, B, C, A * B, A * C, B * C, A * B * C])
coef = np.linalg.solve(X, y)
for k, c in zip(["A", "B", "C", "AB", "AC", "BC", "ABC"], coef[1:]):
    chk(effs[k], 2 * c)
runorder = r.permutation(8)
sgn = lambda v: "+" if v > 0 else "-"
rows = "\n".join(f"{k+1}  {sgn(A[j])}  {sgn(B[j])}  {sgn(C[j])}  {f(y[j],1)}" for k, j in enumerate(runorder))
add(1, "2^3 screening on the bonding line (A = temperature, B = pressure, C = dwell time), single replicate, "
       "listed in the order we ran it. Estimate the main effects and interactions.\n"
       "run A B C strength\n" + rows,
    "2-level full factorial effects (mean at + minus mean at -) for A, B, C and interactions",
    ["doe_effects", "doe_anova"],
    [E("effect A", effs["A"]), E("effect B", effs["B"]), E("effect C", effs["C"]), E("effect AC", effs["AC"])])

del A, B, C  # free the names (patsy's C() is used below)

# 13. paired data with part numbers in each line (part numbers are labels, not data)
r = rng(13)
parts = ["P-1043", "P-1051", "P-1058", "P-1062", "P-1077", "P-1080", "P-1094", "P-1102"]
asrec = np.round(r.normal(41.0, 1.2, 8), 1)
ann = np.round(asrec - r.normal(1.8, 0.9, 8), 1)
t, p = paired(asrec, ann)
rows = "\n".join(f"{pt}: as-received {f(a,1)}, annealed {f(b,1)}" for pt, a, b in zip(parts, asrec, ann))
add(1, "hardnes (HRC) of eight parts measured as recieved and then again after the anneal cycle:\n" + rows +
       "\nDid the anneal change the hardness significantly?",
    "paired t-test as-received vs annealed over 8 parts; part numbers are labels",
    ["t_test"], [E("t statistic (as-received minus annealed)", t), P("p-value", p)])

# 14. 2x3 contingency, machine x outcome
tab = [[182, 11, 7], [165, 19, 16]]
x2, p, dof = indep(tab)
add(1, "Outcome counts by moulding machine, week 32:\n\n"
       "machine\tpass\trework\tscrap\nM1\t182\t11\t7\nM2\t165\t19\t16\n\n"
       "Is the outcome distribution the same for both machines?",
    "chi-square test of independence on the 2x3 table (no continuity correction applies)",
    ["chi_square"], [E("chi-square statistic", x2), P("p-value", p)])

# 15. refusal: data not included
refusal(1, "Before/after hardness per operator is in the attached sheet (Hardness_Q3_2024.xlsx, tab 2). "
           "Run the paired t test on the before and after columns and tell me if the change is significant.",
        "the data are not in the message (only a file name); cannot compute")

# 16. refusal: p chart without the sample sizes
refusal(1, "Defectives found per lot for lots 5520-5527:\nlot 5520: 4\nlot 5521: 7\nlot 5522: 3\nlot 5523: 9\n"
           "lot 5524: 5\nlot 5525: 6\nlot 5526: 2\nlot 5527: 8\n"
           "The lot sample sizes varied (somewhere between 80 and 200, I don't have the exact numbers). "
           "Give me the p chart with the limits for each lot.",
        "a p chart with per-lot limits needs each lot's sample size, which is missing")


# =====================================================================
# KIND 2 — intent carried by wording
# =====================================================================

# 17. Welch (don't assume equal variances)
r = rng(17)
a = np.round(r.normal(8.42, 0.05, 10), 3)
b = np.round(r.normal(8.47, 0.16, 14), 3)
t, p, df = two_sample(a, b, equal_var=False)
add(2, "Coating thickness (µm) from two spray booths. Booth 2 is obviously noisier so don't assume equal variances. "
       "Do the booths differ on average?\nBooth 1: " + ", ".join(f(x, 3) for x in a) +
       "\nBooth 2: " + ", ".join(f(x, 3) for x in b),
    "Welch two-sample t-test (unequal variances), booth 1 vs booth 2",
    ["t_test"], [E("t statistic (booth 1 minus booth 2)", t), P("p-value", p)])

# 18. one-sample t against nominal
r = rng(18)
x = np.round(r.normal(22.004, 0.006, 15), 3)
t, p = one_sample(x, 22.000)
add(2, "Part 7731-22, drawing rev C (2019). Nominal bore is 22.000 mm. Fifteen bores off the new boring bar:\n" +
       " ".join(f(v, 3) for v in x) + "\nIs the proces centred on nominal or is it off?",
    "one-sample t-test of the mean bore against 22.000 mm",
    ["t_test"], [E("t statistic", t), P("p-value", p)])

# 19. Kruskal-Wallis (can't assume normality)
r = rng(19)
g1 = np.round(r.gamma(3, 1.2, 7) + 10, 2)
g2 = np.round(r.gamma(3, 1.2, 7) + 12, 2)
g3 = np.round(r.gamma(3, 1.2, 7) + 10.5, 2)
H, p = kw([g1, g2, g3])
add(2, "Melt flow index for three resin lots (R-118, R-121, R-127). The distribution is skewed and we "
       "can't assume normality. Do the lots differ?\nR-118: " + ", ".join(f(v, 2) for v in g1) +
       "\nR-121: " + ", ".join(f(v, 2) for v in g2) + "\nR-127: " + ", ".join(f(v, 2) for v in g3),
    "Kruskal-Wallis test across the 3 lots (7 each, no ties)",
    ["kruskal_wallis"], [E("H statistic", H), P("p-value", p)])

# 20. exclude a named point, then regress
conc = np.array([0, 2, 4, 6, 8, 10, 12], float)
r = rng(20)
sig = np.round(0.012 + 0.0815 * conc + r.normal(0, 0.004, 7), 4)
sig[4] = round(sig[4] + 0.09, 4)  # contaminated 8 ppm standard
keep = conc != 8
slope, icpt, r2, _ = linreg(conc[keep], sig[keep])
slope_all, _, r2_all, _ = linreg(conc, sig)
assert abs(slope - slope_all) / slope > 0.01 and abs(r2 - r2_all) / r2 > 0.005
add(2, "Calibration curve for the Cu method, absorbance vs standard concentration (ppm):\n" +
       "\n".join(f"{int(c)} ppm  {f(s,4)}" for c, s in zip(conc, sig)) +
       "\nLeave out the 8 ppm standard, it was contaminated, and give me the calibration line and R².",
    "simple linear regression of absorbance on concentration after removing the 8 ppm point (6 points)",
    ["regression"], [E("slope", slope), E("intercept", icpt)])  # R^2 ~ 0.9999 would not discriminate

# 21. c chart: defects per identical unit
r = rng(21)
sc = r.poisson(11, 20)
cbar = sc.mean()
add(2, "Scratches counted on each finished door panel coming off paint line 2 – every panel is the same model "
       "and size. Counts for the last 20 panels:\n" + ", ".join(str(v) for v in sc) +
       "\nWhat chart fits this and where are the limits?",
    "c chart (defect counts per constant-size unit): c-bar, UCL = c-bar + 3 sqrt(c-bar), LCL = c-bar - 3 sqrt(c-bar)",
    ["control_chart"], [E("centre line c-bar", cbar), E("UCL", cbar + 3 * math.sqrt(cbar)),
                        E("LCL", cbar - 3 * math.sqrt(cbar))])

# 22. u chart: defects with varying number of units
r = rng(22)
boards = r.integers(20, 41, 15)
defs = r.poisson(0.6 * boards)
ubar = defs.sum() / boards.sum()
ucl1 = ubar + 3 * math.sqrt(ubar / boards[0])
chk(ubar, sum(int(d) for d in defs) / sum(int(b) for b in boards))
add(2, "Solder defects found at AOI per batch. The number of boards in a batch isn't fixed. Which chart, and "
       "what are its centre line and limits?\n" +
       "\n".join(f"batch {k+1}: {b} boards, {d} defects" for k, (b, d) in enumerate(zip(boards, defs))),
    "u chart (defects per board with varying number of boards): u-bar = total defects / total boards, "
    "limits u-bar +/- 3 sqrt(u-bar/n_i)",
    ["control_chart"], [E("centre line u-bar", ubar), E(f"UCL for batch 1 (n={boards[0]})", ucl1)])

# 23. one-sided one-sample
r = rng(23)
x = np.round(r.normal(51.1, 1.6, 12), 1)
t, p = one_sample(x, 50, "greater")
add(2, "Customer spec wants mean pull-off strength above 50 N. Twelve pulls from lot 2024-117:\n" +
       ", ".join(f(v, 1) for v in x) + "\nCan we claim the mean is greater than 50 N? alpha 0.05.",
    "one-sided one-sample t-test, H1: mean > 50",
    ["t_test"], [E("t statistic", t), P("one-sided p-value", p)])

# 24. one-sided two-sample pooled
r = rng(24)
new = np.round(r.normal(64.2, 1.5, 9), 1)
old = np.round(r.normal(62.6, 1.5, 11), 1)
t, p, _ = two_sample(new, old, True, "greater")
add(2, "Is the new coating harder than the old one? Equal variances are a fair assumption here.\n"
       "new: " + " ".join(f(v, 1) for v in new) + "\nold: " + " ".join(f(v, 1) for v in old),
    "one-sided pooled two-sample t-test, H1: mean(new) > mean(old)",
    ["t_test"], [E("t statistic (new minus old)", t), P("one-sided p-value", p)])

# 25. curvature: quadratic regression
r = rng(25)
tt = np.arange(140, 231, 10).astype(float)
yy = np.round(-95 + 1.62 * tt - 0.0039 * tt ** 2 + r.normal(0, 0.8, len(tt)), 1)
cf = np.polyfit(tt, yy, 2)
mq = sm.OLS(yy, np.column_stack([np.ones_like(tt), tt, tt ** 2])).fit()
chk(cf[0], mq.params[2], 1e-6)
chk(cf[1], mq.params[1], 1e-6)
add(2, "Yield climbs with temperature but seems to flatten out / bend over at the top. Fit something that can "
       "capture that curvature:\n" + "\n".join(f"{int(a)} C -> {f(b,1)} %" for a, b in zip(tt, yy)),
    "quadratic (polynomial degree 2) regression of yield on temperature",
    ["regression", "rsm_fit"], [E("coefficient of temp^2", mq.params[2]), E("coefficient of temp", mq.params[1]),
                                E("R-squared", mq.rsquared)])

# 26. interaction in a replicated 2x2
r = rng(26)
cells = {}
for s in (-1, 1):
    for fd in (-1, 1):
        cells[(s, fd)] = np.round(14 + 1.1 * s + 1.5 * fd + 0.9 * s * fd + r.normal(0, 0.35, 3), 1)
recs = [(s, fd, v) for (s, fd), vs in cells.items() for v in vs]
d2x2 = pd.DataFrame(recs, columns=["speed", "feed", "y"])
mi = smf.ols("y ~ C(speed) * C(feed)", data=d2x2).fit()
ai = sm.stats.anova_lm(mi, typ=2)
Sx, Fx, Yx = d2x2.speed.values, d2x2.feed.values, d2x2.y.values
ab_eff = Yx[Sx * Fx > 0].mean() - Yx[Sx * Fx < 0].mean()
ss_ab = len(Yx) * ab_eff ** 2 / 4
mse = ai.loc["Residual", "sum_sq"] / ai.loc["Residual", "df"]
chk(ai.loc["C(speed):C(feed)", "F"], ss_ab / mse)
fmt = lambda v: ", ".join(f(x, 1) for x in v)
add(2, "Surface roughness Ra (µm) from a turning trial, 3 repeats per setting.\n"
       f"low speed, low feed: {fmt(cells[(-1,-1)])}\nlow speed, high feed: {fmt(cells[(-1,1)])}\n"
       f"high speed, low feed: {fmt(cells[(1,-1)])}\nhigh speed, high feed: {fmt(cells[(1,1)])}\n"
       "Does the effect of feed depend on the speed? i.e. is there an interaction?",
    "2x2 factorial with 3 replicates: speed x feed interaction effect and its F test",
    ["doe_effects", "doe_anova", "anova_twoway"],
    [E("interaction effect speed x feed", ab_eff), E("F for interaction", ai.loc["C(speed):C(feed)", "F"]),
     P("p-value for interaction", ai.loc["C(speed):C(feed)", "PR(>F)"])])

# 27. independent (not paired) samples that look paired; equal n so pooled t == Welch t
r = rng(27)
ca = np.round(r.normal(310, 7, 8), 0)
cb = np.round(r.normal(300, 7, 8), 0)
t, _, _ = two_sample(ca, cb, True)
tw, _, _ = two_sample(ca, cb, False)
chk(t, tw)
rows = "\n".join(f"{int(a)}\t{int(b)}" for a, b in zip(ca, cb))
add(2, "Yield strength (MPa) of coupons cut from sheet A and from sheet B. The rows are NOT matched – they're just "
       "the order the coupons came off the saw, different coupons in each column. Is there a difference between "
       "the sheets?\nsheet_A\tsheet_B\n" + rows,
    "independent two-sample t-test (not paired); with equal n the pooled and Welch t statistic coincide",
    ["t_test"], [E("t statistic (A minus B)", t)])

# 28. Levene median-centred
r = rng(28)
fa = np.round(r.normal(25.0, 0.3, 8), 2)
fb = np.round(r.normal(25.1, 0.9, 8), 2)
fc = np.round(r.normal(24.9, 0.4, 8), 2)
W, p = levene_median([fa, fb, fc])
add(2, "Fill volume (mL) from three filler heads. I don't care about the averages — is the spread the same? "
       "Use Levenes test centred on the median (Brown-Forsythe).\nhead 1: " + ", ".join(f(v, 2) for v in fa) +
       "\nhead 2: " + ", ".join(f(v, 2) for v in fb) + "\nhead 3: " + ", ".join(f(v, 2) for v in fc),
    "Levene / Brown-Forsythe test (median-centred) for equal variances across 3 heads",
    ["levene"], [E("Levene statistic", W), P("p-value", p)])

# 29. Shapiro-Wilk
r = rng(29)
x = np.round(r.normal(3.20, 0.05, 20), 3)
W, p = stats.shapiro(x)
add(2, "can i treat these shaft runout readings (mm) as normally distributed before I do capability?\n" +
       " ".join(f(v, 3) for v in x),
    "Shapiro-Wilk normality test on 20 values",
    ["normality"], [E("Shapiro-Wilk W", W), P("p-value", p)])

# 30-32. refusals
refusal(2, "Out of 400 housings from the new supplier 14 failed leak test. The old supplier ran at 2%. "
           "Is the new supplier's failure rate significantly higher than 2%? one-sided, 5%.",
        "one-sample test of a proportion (binomial / z test) – not one of the tools")
refusal(2, "Set up an EWMA chart with lambda = 0.2 and L = 3 for these viscosity readings and tell me if any point "
           "is out: 41.2 41.8 40.9 42.3 41.5 42.8 43.1 42.6 43.4 43.9 44.1 43.7",
        "EWMA chart is not available")
refusal(2, "Use a tabular CUSUM (k = 0.5 sigma, h = 5 sigma, target 10.00, sigma 0.05) to see if the mean has "
           "drifted: 10.02 9.98 10.03 10.05 10.04 10.07 10.06 10.08 10.05 10.09",
        "CUSUM chart is not available")


# =====================================================================
# KIND 3 — numbers in prose with roles
# =====================================================================

# 33. xbar-R, subgroup size 5 stated in prose, data as one flat list
r = rng(33)
n5 = 5
data = np.round(r.normal(74.000, 0.010, (10, n5)), 3)
d2_5 = d2_const(5)
A2 = 3 / (d2_5 * math.sqrt(5))
D4 = 1 + 3 * D3_5 / d2_5
chk(A2, 0.577, 1e-3, "A2")
chk(D4, 2.114, 1e-3, "D4")
xbb = data.mean(axis=1).mean()
rbar = (data.max(axis=1) - data.min(axis=1)).mean()
chk(xbb, data.mean())
add(3, "Piston ring ID, line 4. We take 5 consecutive rings every 30 minutes starting 06:00, here are the first "
       "10 samples in order (50 readings, mm):\n" + " ".join(f(v, 3) for v in data.ravel()) +
       "\nSet up X-bar and R charts, what are the limits?",
    "X-bar/R chart with subgroups of 5 (10 subgroups): grand mean, Rbar, A2=0.577, D4=2.114",
    ["control_chart"],
    [E("X-bar UCL", xbb + A2 * rbar, 1e-5),
     E("X-bar LCL", xbb - A2 * rbar, 1e-5), E("R-bar", rbar), E("R chart UCL", D4 * rbar)])

# 34. xbar-s, subgroup size 4
r = rng(34)
data = np.round(r.normal(2.540, 0.012, (12, 4)), 3)
c4 = c4_const(4)
A3 = 3 / (c4 * math.sqrt(4))
B4 = 1 + 3 * math.sqrt(1 - c4 ** 2) / c4
chk(A3, 1.628, 1e-3, "A3")
chk(B4, 2.266, 1e-3, "B4")
xbb = data.mean()
sbar = data.std(axis=1, ddof=1).mean()
add(3, "We measure 4 pins per hour (n=4 per subgroup). Readings below are in time order, 12 hours' worth, "
       "gauge #GA-2231, calibration due 2025-06. I'd like an xbar-s chart rather than xbar-R.\n" +
       ", ".join(f(v, 3) for v in data.ravel()),
    "X-bar/S chart, subgroup size 4, 12 subgroups: grand mean, s-bar, A3, B4",
    ["control_chart"],
    [E("X-bar centre", xbb, 5e-5), E("X-bar UCL", xbb + A3 * sbar, 5e-5), E("X-bar LCL", xbb - A3 * sbar, 5e-5),
     E("s-bar", sbar), E("S chart UCL", B4 * sbar)])

# 35-41. design sizes
runs35 = len(list(itertools.product([-1, 1], repeat=3))) * 2 + 4
add(3, "Plan a full factorial in 3 two-level factors (glue temp, clamp pressure, open time), replicated twice, "
       "plus 4 centre points in total. How many runs, and give me the run sheet.",
    "2^3 full factorial x 2 replicates + 4 centre points = 20 runs",
    ["doe_design"], [RUNS(runs35)])

runs36 = len(list(itertools.product(range(3), repeat=2))) * 2
add(3, "I want a 3-level full factorial for two factors (spindle speed and coolant concentration), 2 replicates. "
       "Generate it.",
    "3^2 full factorial with 2 replicates = 18 runs",
    ["doe_design"], [RUNS(runs36)])

runs37 = 2 ** 4
add(3, "Four factors at two levels, full factorial, no replicates. The furnace can only do 8 runs per day so "
       "it'll have to be blocked by day. Build the design.",
    "2^4 full factorial (16 runs) in 2 blocks of 8 (block size from capacity per day)",
    ["doe_design"], [RUNS(runs37)])

k = 3
bbd_edges = k * (k - 1) // 2 * 4
runs38 = bbd_edges + 3
add(3, "box-behnken design for 3 factors (pH, temperature, stirring rate) with 3 centre points please",
    "Box-Behnken design, 3 factors: 12 edge runs + 3 centre points = 15",
    ["doe_design"], [RUNS(runs38)])

runs39 = 2 ** (5 - 1) + 2
add(3, "Need a half-fraction for 5 two-level factors (resolution V) with 2 centre points added. Laser power, "
       "scan speed, hatch spacing, layer thickness, bed temp.",
    "2^(5-1) fractional factorial (16 runs) + 2 centre points = 18 runs",
    ["doe_design"], [RUNS(runs39)])

runs40 = 4 * math.ceil((10 + 1) / 4)
add(3, "Screening 10 candidate factors for the wave-solder defects. Give me a Plackett-Burman design, "
       "smallest one that fits.",
    "Plackett-Burman for 10 factors -> 12 runs",
    ["doe_design"], [RUNS(runs40)])

runs41 = 2 ** 2 + 2 * 2 + 5
add(3, "central composite design, 2 factors (time 20-40 min, temp 60-80 C), 5 centre pts, rotatable",
    "CCD with 2 factors: 4 factorial + 4 axial + 5 centre = 13 runs",
    ["doe_design"], [RUNS(runs41)])

# 42. capability, two-sided spec in prose
r = rng(42)
x = np.round(r.normal(10.008, 0.011, 30), 3)
m, s = x.mean(), x.std(ddof=1)
Pp = (10.05 - 9.95) / (6 * s)
Ppk = min(10.05 - m, m - 9.95) / (3 * s)
chk(Pp, 0.1 / (6 * math.sqrt(((x - m) ** 2).sum() / 29)))
add(3, "Spec for this shaft OD is 10.00 +/- 0.05 mm (LSL 9.95, USL 10.05). 30 consecutive parts, job 88123:\n" +
       " ".join(f(v, 3) for v in x) + "\nWhat's the capability?",
    "process capability with LSL 9.95 / USL 10.05 from 30 raw values; Pp/Ppk use the overall sample sd",
    ["capability"], [E("Pp", Pp), E("Ppk", Ppk)])

# 43. capability, upper spec only
r = rng(143)
x = np.round(r.lognormal(math.log(0.92), 0.18, 25), 2)
m, s = x.mean(), x.std(ddof=1)
Ppu = (1.6 - m) / (3 * s)
add(3, "Surface roughness Ra, upper spec limit 1.6 µm only (no lower limit). Ra values from 25 parts:\n" +
       ", ".join(f(v, 2) for v in x) + "\nPpk please.",
    "one-sided capability against USL 1.6 only: Ppk = Ppu = (USL - mean)/(3 s)",
    ["capability"], [E("Ppk (= Ppu)", Ppu)])

# 44. 99% CI for a mean
r = rng(44)
x = np.round(r.normal(501.8, 2.2, 14), 1)
m, se = x.mean(), x.std(ddof=1) / math.sqrt(14)
lo, hi = stats.t.interval(0.99, 13, loc=m, scale=se)
chk(hi, m + stats.t.ppf(0.995, 13) * se)
add(3, "Fill weights (g) from 14 jars, label says 500 g. Give me a 99% confidence interval for the mean fill "
       "weight.\n" + ", ".join(f(v, 1) for v in x),
    "99% t confidence interval for the mean of 14 values",
    ["t_test", "describe"], [E("CI lower (99%)", lo, 1e-4), E("CI upper (99%)", hi, 1e-4)])
lo95, hi95 = stats.t.interval(0.95, 13, loc=m, scale=se)
assert abs(lo95 - lo) > 3e-4 * lo and abs(hi95 - hi) > 3e-4 * hi

# 45. 90% CI for paired difference
r = rng(45)
old = np.round(r.normal(48.0, 3.0, 10), 1)
new = np.round(old - r.normal(2.2, 1.1, 10), 1)
d = old - new
se = d.std(ddof=1) / math.sqrt(10)
lo, hi = stats.t.interval(0.90, 9, loc=d.mean(), scale=se)
chk(lo, d.mean() - stats.t.ppf(0.95, 9) * se)
t, p = paired(old, new)
add(3, "Ten operators timed on the old and the new jig (seconds, same operator both times):\n"
       "op  old   new\n" + "\n".join(f"{k+1:<3} {f(a,1)}  {f(b,1)}" for k, (a, b) in enumerate(zip(old, new))) +
       "\nGive me a 90% confidence interval for the time saved (old minus new).",
    "paired analysis, 90% CI for mean difference old - new",
    ["t_test"], [E("CI lower (90%)", lo), E("CI upper (90%)", hi), E("mean difference", d.mean())])

# 46. np chart, sample size from a sampling plan in prose
r = rng(46)
dd = r.binomial(80, 0.05, 18)
npbar = dd.mean()
ucl = npbar + 3 * math.sqrt(npbar * (1 - npbar / 80))
add(3, "Our sampling plan: from each lot of 2,000 connectors we inspect 80 at random. Nonconforming connectors "
       "found in the last 18 lots: " + ", ".join(str(v) for v in dd) +
       ". Chart the count of nonconforming per sample.",
    "np chart with n = 80 (lot size 2000 is irrelevant): np-bar and UCL",
    ["control_chart"], [E("centre line np-bar", npbar), E("UCL", ucl)])

# 47-48. refusals
refusal(3, "How many parts do we need to sample to detect a 0.5 sigma shift in the mean with 90% power at "
           "alpha = 0.05 (two-sided)?",
        "power / sample-size calculation is not available")
refusal(3, "Bore diameters from the new line, target 12.00 mm: 12.01 11.98 12.03 12.00 11.99 12.02 12.04 11.97 "
           "12.01 12.00 12.02 11.99. What's the Cpk?",
        "Cpk needs spec limits; only a target is given")


# =====================================================================
# KIND 4 — calculus / algebra in words
# =====================================================================
x, y, z, w, n, s_ = sp.symbols("x y z w n s")


def numdiff(fexpr, var, at, h=1e-6):
    fl = sp.lambdify(list(at.keys()), fexpr, "math")
    up = dict(at); dn = dict(at)
    up[var] += h; dn[var] -= h
    return (fl(**{str(k): v for k, v in up.items()}) - fl(**{str(k): v for k, v in dn.items()})) / (2 * h)


def sexpr(e):
    return sp.sstr(sp.simplify(e))


# 49. partial wrt y
fxy = x ** 2 * y ** 3 + sp.sin(x * y)
dfy = sp.diff(fxy, y)
pt = {x: 0.7, y: 1.3}
chk(float(dfy.subs(pt)), numdiff(fxy, y, pt), 1e-6)
add(4, "f(x,y) = x^2*y^3 + sin(x*y). What is the partial derivative with respect to y?",
    "partial derivative of f with respect to y", ["differentiate"],
    [EXPR("df/dy", sp.sstr(dfy))])

# 50. ∂f/∂x
g = sp.exp(x * y) * sp.log(x)
dgx = sp.diff(g, x)
pt = {x: 1.7, y: 0.4}
chk(float(dgx.subs(pt)), numdiff(g, x, pt), 1e-6)
add(4, "∂f/∂x for f = e^(xy)·ln(x) ?",
    "partial derivative with respect to x of exp(x*y)*log(x)", ["differentiate"],
    [EXPR("df/dx", sp.sstr(dgx))])

# 51. misspelt 'diferentiate'
h = sp.log(x ** 2 + 1) * sp.cos(x)
dh = sp.diff(h, x)
chk(float(dh.subs(x, 0.9)), numdiff(h, x, {x: 0.9}), 1e-6)
add(4, "diferentiate ln(x^2+1)*cos(x) wrt x",
    "ordinary derivative of log(x**2+1)*cos(x)", ["differentiate"],
    [EXPR("derivative", sp.sstr(dh))])

# 52. mixed partial
q = x ** 3 * y ** 2 + y * sp.exp(x)
dq = sp.diff(q, x, y)
chk(float(dq.subs({x: 0.5, y: 2.0})), 6 * 0.25 * 2.0 + math.exp(0.5))
add(4, "For the surface z = x³y² + y·eˣ find the mixed second partial ∂²z/∂x∂y.",
    "mixed partial derivative d2z/dxdy = 6x^2 y + e^x", ["differentiate"],
    [EXPR("d2z/dxdy", sexpr(dq))])

# 53. 3x3 linear system in prose
M = np.array([[2, 1, -1], [1, -2, 3], [3, 1, 2]], float)
rhs = np.array([3, 9, 17], float)
sol = np.linalg.solve(M, rhs)
sol_sp = sp.Matrix(M.astype(int).tolist()).LUsolve(sp.Matrix(rhs.astype(int).tolist()))
for a_, b_ in zip(sol, sol_sp):
    chk(a_, float(b_))
add(4, "Solve: twice x plus y minus z equals 3; x minus 2y plus 3z is 9; and 3x + y + 2z = 17.",
    "solve the 3x3 linear system for x, y, z", ["solve", "matrix"],
    [E("x", sol[0]), E("y", sol[1]), E("z", sol[2])])

# 54. 2-equation word problem
a_, b_ = sp.symbols("a b")
ss = sp.solve([a_ + b_ - 50, sp.Rational(42, 10) * a_ + sp.Rational(68, 10) * b_ - 265], [a_, b_])
chk(float(ss[a_]), np.linalg.solve([[1, 1], [4.2, 6.8]], [50, 265])[0])
add(4, "We blend resin A ($4.20/kg) with resin B ($6.80/kg) to make 50 kg of mix costing $265 total. "
       "How many kg of each? Set it up as two equations and solve.",
    "solve a + b = 50, 4.2a + 6.8b = 265", ["solve", "matrix"],
    [E("kg of A", float(ss[a_])), E("kg of B", float(ss[b_]))])

# 55. 4x4 system
M4 = np.array([[1, 1, 1, 1], [2, -1, 3, 0], [0, 4, -1, 2], [3, 1, 1, -2]], float)
r4 = np.array([10, 7.5, 12, 1], float)
sol4 = np.linalg.solve(M4, r4)
s4 = sp.Matrix(M4.astype(int).tolist()).LUsolve(sp.Matrix([10, sp.Rational(15, 2), 12, 1]))
for a_2, b_2 in zip(sol4, s4):
    chk(a_2, float(b_2))
add(4, "four unknowns w, x, y, z:\nw + x + y + z = 10\n2w - x + 3y = 7.5\n4x - y + 2z = 12\n3w + x + y - 2z = 1\n"
       "find all four",
    "solve the 4x4 linear system", ["solve", "matrix"],
    [E("w", sol4[0]), E("x", sol4[1]), E("y", sol4[2]), E("z", sol4[3])])

# 56. definite integral, misspelt
I = sp.integrate(x ** 2 * sp.exp(-x), (x, 0, 3))
chk(float(I), si.quad(lambda t: t * t * math.exp(-t), 0, 3)[0])
add(4, "intergrate x^2 e^-x from 0 to 3",
    "definite integral of x^2 exp(-x) on [0, 3] = 2 - 17 e^-3", ["integrate"],
    [E("integral value", float(I))])

# 57. improper integral
I2 = sp.integrate(sp.exp(-2 * x) * sp.sin(3 * x), (x, 0, sp.oo))
chk(float(I2), si.quad(lambda t: math.exp(-2 * t) * math.sin(3 * t), 0, np.inf, limit=200)[0], 1e-6)
add(4, "What is the integral from zero to infinity of e^(-2t) sin(3t) dt? (damped response, need the area)",
    "improper integral of exp(-2t) sin(3t) over [0, inf) = 3/13", ["integrate"],
    [E("integral value", float(I2))])

# 58. indefinite integral
I3 = sp.integrate(x * sp.cos(x), x)
chk(float(sp.diff(I3, x).subs(x, 1.1)), 1.1 * math.cos(1.1))
add(4, "Find the antiderivative of x·cos(x).",
    "indefinite integral of x cos x = x sin x + cos x (+C)", ["integrate"],
    [EXPR("antiderivative", sp.sstr(I3))])

# 59. limit at infinity
L1 = sp.limit((1 + 2 / n) ** n, n, sp.oo)
chk(float(L1), (1 + 2 / 1e7) ** 1e7, 1e-6)
add(4, "what does (1 + 2/n)^n tend to as n goes to infinity?",
    "limit of (1+2/n)^n as n -> oo = e^2", ["limit"],
    [E("limit", float(L1))])

# 60. limit at 0
L2 = sp.limit((x - sp.sin(x)) / x ** 3, x, 0)
chk(float(L2), (1e-2 - math.sin(1e-2)) / 1e-6, 1e-4)
add(4, "Evaluate lim x->0 of (x - sin x)/x^3",
    "limit equals 1/6", ["limit"],
    [E("limit", float(L2))])

# 61. Taylor series
ser = sp.series(sp.exp(x) * sp.cos(x), x, 0, 5).removeO()
xv = 0.01
chk(float(ser.subs(x, xv)), math.exp(xv) * math.cos(xv), 1e-10)
add(4, "Give the Maclaurin series of e^x·cos(x) up to and including the x^4 term.",
    "Taylor expansion about 0 through x^4: 1 + x - x^3/3 - x^4/6", ["series"],
    [EXPR("series through x^4", sp.sstr(ser))])

# 62. matrix determinant and inverse
MA = sp.Matrix([[4, -2, 1], [3, 6, -4], [2, 1, 8]])
det = MA.det()
inv = MA.inv()
chk(float(det), np.linalg.det(np.array(MA.tolist(), float)))
ninv = np.linalg.inv(np.array(MA.tolist(), float))
chk(float(inv[0, 0]), ninv[0, 0]); chk(float(inv[2, 2]), ninv[2, 2]); chk(float(inv[1, 2]), ninv[1, 2])
add(4, "Matrix A has rows [4, -2, 1], [3, 6, -4], [2, 1, 8]. Find det(A) and A inverse.",
    "determinant and inverse of a 3x3 matrix", ["matrix"],
    [E("determinant", float(det)), E("inverse (1,1)", float(inv[0, 0])), E("inverse (2,3)", float(inv[1, 2])),
     E("inverse (3,3)", float(inv[2, 2]))])

# 63. simplify
e = (x ** 2 - 9) / (x ** 2 + x - 6)
se = sp.cancel(e)
chk(float(se.subs(x, 5.5)), float(e.subs(x, 5.5)))
add(4, "simplify (x^2 - 9)/(x^2 + x - 6)",
    "cancel the common factor (x+3): (x-3)/(x-2)", ["simplify"],
    [EXPR("simplified", sp.sstr(se))])

# 64. solve a quadratic from a word statement
roots = sorted(float(v) for v in sp.solve(2 * x ** 2 - 3 * x - 7, x))
nroots = sorted(np.roots([2, -3, -7]).real)
chk(roots[0], nroots[0]); chk(roots[1], nroots[1])
add(4, "For what values of x is 2x² − 3x − 7 equal to zero?",
    "roots of 2x^2 - 3x - 7 = (3 ± sqrt(65))/4", ["solve"],
    [E("root 1", roots[0]), E("root 2", roots[1])])

# 65. refusal: no function given
refusal(4, "Differentiate the transfer function I sent you yesterday with respect to s and evaluate it at s = 2.",
        "the function is not given in the message")


# =====================================================================
# KIND 5 — tempting stand-ins
# =====================================================================

# 66. rank-based comparison of four lines -> Kruskal-Wallis
r = rng(166)
lines4 = {f"L{k}": np.round(r.normal(mu, 0.9, 6), 2) for k, mu in zip(range(1, 5), [7.1, 7.9, 7.3, 8.6])}
H, p = kw(list(lines4.values()))
add(5, "Cycle-time overrun (min) per shift for four packing lines. Management wants a rank-based comparison, "
       "no distribution assumptions:\n" + "\n".join(f"{k}  " + "  ".join(f(v, 2) for v in vals)
                                                    for k, vals in lines4.items()),
    "Kruskal-Wallis test across 4 lines (6 each, no ties)",
    ["kruskal_wallis"], [E("H statistic", H), P("p-value", p)])

# 67. refusal: Mann-Whitney explicitly
refusal(5, "Run a Mann-Whitney U test on these two suppliers' burst pressures and give me U and the exact p:\n"
           "Supplier A: 412 398 405 420 391 417 409\nSupplier B: 389 401 384 395 399 380 392 386",
        "Mann-Whitney U (and its exact p) is not an available tool")

# 68. paired, tiny sample
r = rng(168)
pre = np.round(r.normal(3.40, 0.25, 5), 2)
post = np.round(pre - r.normal(0.18, 0.06, 5), 2)
t, p = paired(pre, post)
add(5, "Only 5 fixtures, each measured for flatness (mm) before and after re-shimming. I know n is tiny – "
       "still, is the improvement significant?\nfixture before after\n" +
       "\n".join(f"F{k+1} {f(a,2)} {f(b,2)}" for k, (a, b) in enumerate(zip(pre, post))),
    "paired t-test on 5 pairs (before minus after)",
    ["t_test"], [E("t statistic (before minus after)", t), P("p-value", p)])

# 69. refusal: Wilcoxon signed-rank
refusal(5, "Same 8 gauges checked before and after recalibration (error in µm). Please do a Wilcoxon signed-rank "
           "test, not a t-test:\nbefore: 3.1 2.4 4.0 1.8 2.9 3.6 2.2 3.3\nafter:  1.2 1.9 2.1 1.5 2.6 1.1 2.0 1.7",
        "Wilcoxon signed-rank test is not an available tool")

# 70. refusal: one-sample t from summary statistics only
refusal(5, "Our 12 tensile bars averaged 512.4 MPa with a standard deviation of 8.3 MPa. Minimum spec mean is "
           "505 MPa. Is the mean significantly above 505? We don't have the individual results anymore.",
        "t-test from summary statistics only (mean/sd/n); tools need raw data")

# 71. refusal: two-sample from summaries
refusal(5, "Supplier X: n = 15, mean 4.82 mm, s = 0.11. Supplier Y: n = 18, mean 4.74 mm, s = 0.19. "
           "Welch t test please – are the means different?",
        "Welch t-test from summary statistics only; tools need raw data")

# 72. raw data plus a wrong summary line: compute from the raw values
r = rng(72)
x = np.round(r.normal(50.9, 1.1, 10), 2)
t, p = one_sample(x, 50.0)
assert abs(x.mean() - 50.3) > 0.2
add(5, "The shift lead's summary says 'mean 50.3, sd 1.1' but I don't trust it. Here are the raw weights (g) "
       "for the 10 samples: " + ", ".join(f(v, 2) for v in x) +
       ". Test against the 50.0 g target using the raw data.",
    "one-sample t-test of the raw values against 50.0 (ignore the quoted summary)",
    ["t_test"], [E("t statistic", t), P("p-value", p), E("sample mean", x.mean(), 2e-4)])

# 73. pooled t with tiny groups
r = rng(73)
ga = np.round(r.normal(18.6, 0.5, 4), 2)
gb = np.round(r.normal(17.7, 0.5, 4), 2)
t, p, _ = two_sample(ga, gb, True)
add(5, "4 specimens per heat treat. Yes it's tiny and a normality test would be pointless; just run the ordinary "
       "t test with pooled variance.\nHT-A: " + ", ".join(f(v, 2) for v in ga) +
       "\nHT-B: " + ", ".join(f(v, 2) for v in gb),
    "pooled (equal-variance) two-sample t-test, 4 vs 4",
    ["t_test"], [E("t statistic (A minus B)", t), P("p-value", p)])

# 74. descriptive statistics only
r = rng(74)
x = np.round(r.normal(24.6, 0.9, 18), 1)
add(5, "No chart, no capability study – I just need the mean, median and standard deviation of these torque "
       "readings (N·m) for the report: " + " ".join(f(v, 1) for v in x),
    "descriptive statistics: mean, median, sample standard deviation",
    ["describe"], [E("mean", x.mean(), 0.001), E("median", np.median(x), 0.001), E("standard deviation", x.std(ddof=1))])

# 75. paired design disguised as two groups (same coupons, two gauges)
r = rng(75)
truth = r.normal(1.250, 0.030, 6)
g_a = np.round(truth + r.normal(0, 0.002, 6), 3)
g_b = np.round(truth + 0.004 + r.normal(0, 0.002, 6), 3)
t, p = paired(g_a, g_b)
add(5, "Comparing two thickness gauges. The same 6 coupons were measured on both gauges.\n"
       "gauge A: " + ", ".join(f(v, 3) for v in g_a) + "\ngauge B: " + ", ".join(f(v, 3) for v in g_b) +
       "\n(coupon order is the same in both lists) Do the gauges read differently?",
    "paired t-test: same coupons measured by both gauges (A minus B)",
    ["t_test"], [E("t statistic (A minus B)", t), P("p-value", p)])

# 76. individuals chart (no rational subgroups)
r = rng(76)
x = np.round(r.normal(7.45, 0.08, 20), 2)
mr = np.abs(np.diff(x))
mrbar = mr.mean()
d2_2 = d2_const(2)
D4_2 = 1 + 3 * D3_2 / d2_2
chk(D4_2, 3.267, 1e-3, "D4(2)")
add(5, "One pH reading per batch, batches 301 to 320 in order. There's no natural subgroup so please don't "
       "group them into fives.\n" + ", ".join(f(v, 2) for v in x),
    "individuals / moving range (I-MR) chart: centre mean, limits mean +/- 2.66*MRbar, MR UCL 3.267*MRbar",
    ["control_chart"],
    [E("I chart centre", x.mean(), 1e-4), E("I chart UCL", x.mean() + 3 * mrbar / d2_2, 1e-4),
     E("I chart LCL", x.mean() - 3 * mrbar / d2_2, 1e-4), E("MR-bar", mrbar), E("MR chart UCL", D4_2 * mrbar)])

# 77. response surface fit on a CCD (coded units)
al = round(math.sqrt(2), 3)
pts = [(-1, -1), (1, -1), (-1, 1), (1, 1), (-al, 0), (al, 0), (0, -al), (0, al), (0, 0), (0, 0), (0, 0), (0, 0), (0, 0)]
r = rng(77)
X1 = np.array([p_[0] for p_ in pts]); X2 = np.array([p_[1] for p_ in pts])
Yr = np.round(80 + 2.4 * X1 + 1.3 * X2 - 2.8 * X1 ** 2 - 1.6 * X2 ** 2 + 1.1 * X1 * X2 + r.normal(0, 0.4, 13), 1)
DX = np.column_stack([np.ones(13), X1, X2, X1 ** 2, X2 ** 2, X1 * X2])
bq = sm.OLS(Yr, DX).fit().params
bq2 = np.linalg.lstsq(DX, Yr, rcond=None)[0]
for a_3, b_3 in zip(bq, bq2):
    chk(a_3, b_3)
add(5, "CCD results (coded units, alpha = 1.414). A straight-line fit won't do – fit the full second-order "
       "model and give me the coefficients.\nx1,x2,yield\n" +
       "\n".join(f"{a_4:g},{b_4:g},{f(c_4,1)}" for a_4, b_4, c_4 in zip(X1, X2, Yr)),
    "full quadratic response-surface fit: b0, b1, b2, b11, b22, b12 in coded units",
    ["rsm_fit", "regression"],
    [E("intercept b0", bq[0], 0.001), E("x1 coefficient", bq[1]), E("x2 coefficient", bq[2]),
     E("x1^2 coefficient", bq[3]), E("x2^2 coefficient", bq[4]), E("x1*x2 coefficient", bq[5])])

# 78. one-way ANOVA instead of multiple t-tests
r = rng(78)
cat = {c: np.round(r.normal(mu, 1.4, 5), 1) for c, mu in zip(["Pt", "Pd", "Ni", "Cu"], [71.5, 73.9, 69.8, 72.2])}
F, p = oneway(list(cat.values()))
add(5, "My colleague ran six pairwise t-tests on the four catalyts. I'd rather do one overall test first. "
       "Conversion (%), 5 runs each:\n" + "\n".join(f"{c}: " + " ".join(f(v, 1) for v in vs) for c, vs in cat.items()),
    "one-way ANOVA across 4 catalysts (5 each)",
    ["anova_oneway"], [E("F statistic", F), P("p-value", p)])

# 79. Kruskal-Wallis on two groups (explicitly asked)
r = rng(79)
m1 = np.round(r.normal(15.2, 0.8, 8), 2)
m2 = np.round(r.normal(16.1, 0.8, 9), 2)
H, p = kw([m1, m2])
add(5, "I know it's normally used for 3+ groups, but run a Kruskal-Wallis on these two presses' cycle times (s):\n"
       "press 1: " + " ".join(f(v, 2) for v in m1) + "\npress 2: " + " ".join(f(v, 2) for v in m2),
    "Kruskal-Wallis test with 2 groups (8 and 9, no ties)",
    ["kruskal_wallis"], [E("H statistic", H), P("p-value", p)])

# 80. proportions across 3 shifts -> chi-square independence on defective/good
insp = [420, 385, 402]
dfc = [17, 12, 28]
tab = [[d_, n_ - d_] for d_, n_ in zip(dfc, insp)]
x2, p, dof = indep(tab)
add(5, "Is the defective rate different between shifts?\nshift,inspected,defective\nA,420,17\nB,385,12\nC,402,28",
    "chi-square test of independence on the 3x2 table (defective vs good by shift)",
    ["chi_square"], [E("chi-square statistic", x2), P("p-value", p)])


# ----------------------------------------------------------------- sanity checks
import re  # noqa: E402
NUM = re.compile(r"-?\d+(?:\.\d+)?")
for q in QUESTIONS:
    qnums = [float(v) for v in NUM.findall(q["question"])]
    vals = [e["value"] for e in q["expect"] if "value" in e]
    for e in q["expect"]:
        if "value" not in e:
            continue
        v, rel = e["value"], e["rel"]
        # an expected number must not be matched by a number merely echoed from the question
        clash = [u for u in qnums if abs(u - v) <= rel * abs(v)]
        if clash:
            print("NOTE echo-clash:", q["question"][:50].replace("\n", " "), "|", e["what"], e["value"], clash[:4])
        # nor by a small integer (levels, df, counts ...) that any output is likely to contain
        smallint = [k for k in range(-3, 61) if k != 0 and abs(k - v) <= rel * abs(v)]
        assert not smallint, (q["question"][:60], e, smallint)
        # the expected numbers of one question must be distinguishable from each other
        others = [u for u in vals if u is not v and abs(u - v) <= rel * abs(v)]
        assert not others, (q["question"][:60], e, others)

# ----------------------------------------------------------------- write
assert len(QUESTIONS) == 80, len(QUESTIONS)
with open(OUT, "w") as fh:
    for i, q in enumerate(QUESTIONS, 1):
        rec = {"id": f"r{i:02d}", "kind": q["kind"], "question": q["question"], "intent": q["intent"],
               "tools": q["tools"], "expect": q["expect"], "refuse": q["refuse"]}
        fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
from collections import Counter  # noqa: E402
print("written", OUT)
print("by kind:", dict(sorted(Counter(q["kind"] for q in QUESTIONS).items())))
print("refusals:", sum(q["refuse"] for q in QUESTIONS),
      dict(sorted(Counter(q["kind"] for q in QUESTIONS if q["refuse"]).items())))
