#!/usr/bin/env python
"""Generator for blind round 37 (70 questions, 5 kinds). Deterministic: rng seed 37373737, drawn in id order."""
import json, re, math, os, hashlib, itertools
import numpy as np, scipy.stats as st, scipy.special as sc, scipy.integrate as si
import sympy as sp, mpmath as mp
import statsmodels.api as sm, statsmodels.formula.api as smf
from statsmodels.stats.contingency_tables import mcnemar
from statsmodels.stats.oneway import anova_oneway
from statsmodels.stats.power import TTestIndPower, NormalIndPower
from statsmodels.stats.proportion import proportion_effectsize
from statsmodels.stats.diagnostic import normal_ad
from sympy.parsing.sympy_parser import parse_expr, standard_transformations, implicit_multiplication_application, convert_xor
import pandas as pd

HERE = os.path.dirname(os.path.abspath(__file__))
TOOLS = {l.split()[0] for l in open(os.path.join(HERE, "TOOLS.txt")) if l.strip()}
rng = np.random.default_rng(37373737)
mp.mp.dps = 40
Q = []
FL = r"-?\d+(?:\.\d+)?"
def fl(s): return [float(v) for v in re.findall(FL, s)]
def R(a, d=1): return [round(float(v), d) for v in np.atleast_1d(a)]
def I(name, lib, hand):
    assert int(lib) == lib and int(hand) == hand and int(lib) == int(hand), (name, lib, hand)
    assert int(lib) != 0
    return dict(name=name, value=int(lib), tol=0)
def X(name, lib, hand, tol=1e-3, p=False):
    lib, hand = float(lib), float(hand)
    assert abs(lib - hand) <= 1e-4 * abs(lib), (name, lib, hand)
    assert lib != 0, name
    if p: assert 1e-4 <= lib <= 0.99, (name, lib)
    return dict(name=name, value=float(f"{lib:.6g}"), tol=tol)
def add(kind, q, intent, tools, exp, why=None):
    Q.append(dict(id=f"g{len(Q)+1:02d}", kind=kind, question=q, intent=intent,
                  tools=["dsl_run"] + tools, expect=exp, refuse=why is not None, _why=why))
def tp(t, df, alt="two"):  # hand p from t via incomplete beta
    two = sc.betainc(df / 2, 0.5, df / (df + t * t))
    if alt == "two": return two
    up = two / 2 if t > 0 else 1 - two / 2
    return up if alt == "greater" else 1 - up
def fp(F, d1, d2): return sc.betainc(d2 / 2, d1 / 2, d2 / (d2 + d1 * F))
def chip(x, df): return sc.gammaincc(df / 2, x / 2)
def Phi(z): return 0.5 * math.erfc(-z / math.sqrt(2))
def zq(p): return float(mp.sqrt(2) * mp.erfinv(2 * mp.mpf(p) - 1))
def d2_lib(n): return si.quad(lambda x: 1 - (1 - st.norm.cdf(x)) ** n - st.norm.cdf(x) ** n, -np.inf, np.inf)[0]
def d2_hand(n): return float(2 * mp.quad(lambda x: x * n * mp.npdf(x) * mp.ncdf(x) ** (n - 1), [-mp.inf, mp.inf]))
def c4_lib(n): return math.sqrt(2 / (n - 1)) * sc.gamma(n / 2) / sc.gamma((n - 1) / 2)
def c4_hand(n): return math.sqrt(2 / (n - 1)) * math.exp(math.lgamma(n / 2) - math.lgamma((n - 1) / 2))
def anova_hand(gs):
    allv = [v for g in gs for v in g]; gm = sum(allv) / len(allv)
    ssb = sum(len(g) * (sum(g) / len(g) - gm) ** 2 for g in gs)
    ssw = sum((v - sum(g) / len(g)) ** 2 for g in gs for v in g)
    d1, d2 = len(gs) - 1, len(allv) - len(gs); F = (ssb / d1) / (ssw / d2)
    return F, fp(F, d1, d2)
def ols_hand(x, y):
    n = len(x); mx, my = sum(x) / n, sum(y) / n
    sxx = sum((a - mx) ** 2 for a in x); sxy = sum((a - mx) * (b - my) for a, b in zip(x, y)); syy = sum((b - my) ** 2 for b in y)
    b1 = sxy / sxx; r2 = sxy ** 2 / (sxx * syy); sse = syy - b1 * sxy
    t = b1 / math.sqrt(sse / (n - 2) / sxx)
    return b1, r2, tp(t, n - 2)
TR = standard_transformations + (implicit_multiplication_application, convert_xor)
x, y, n_ = sp.symbols("x y n")
def P(s): return parse_expr(s.replace("∞", "oo"), transformations=TR, local_dict={"e": sp.E, "x": x, "y": y, "n": n_})

# ======================= KIND 1: tables in varied formats =======================
# g01 CSV with row names, paired columns -> paired t
nn = 8; bef = R(rng.normal(1.62, 0.12, nn), 2); aft = R(np.array(bef) - rng.normal(0.06, 0.08, nn), 2)
csv = "part,Ra_before,Ra_after\n" + "\n".join(f"P-{i+11},{b},{a}" for i, (b, a) in enumerate(zip(bef, aft)))
q = f"Surface roughness Ra (um), same parts measured before and after the new polishing step:\n\n{csv}\n\nDid the polishing change Ra? Paired t-test, two-sided please - t and p."
rows = [l.split(",") for l in q.split("\n\n")[1].splitlines()[1:]]
assert [float(r[1]) for r in rows] == bef and [float(r[2]) for r in rows] == aft
r = st.ttest_rel(bef, aft); d = [b - a for b, a in zip(bef, aft)]; md = sum(d) / nn; sd = math.sqrt(sum((v - md) ** 2 for v in d) / (nn - 1)); th = md / (sd / math.sqrt(nn))
add(1, q, "Paired t-test of before minus after roughness over the 8 parts (df 7), two-sided.", ["t_test"],
    [X("t", r.statistic, th), X("p", r.pvalue, tp(th, nn - 1), p=True)])

# g02 label: count lines -> chi-square GOF equal
labs = ["Mon", "Tue", "Wed", "Thu", "Fri"]; cnt = [int(v) for v in rng.poisson([31, 27, 29, 26, 39])]
q = "rejects logged per weekday, last quarter\n\n" + "\n".join(f"{l}: {c}" for l, c in zip(labs, cnt)) + "\n\nare rejects spread evenly over the 5 days or not? goodness-of-fit vs equal counts"
pc = [int(c) for _, c in re.findall(r"^(\w+): (\d+)$", q, re.M)]; assert pc == cnt
r = st.chisquare(cnt); e = sum(cnt) / 5; ch = sum((o - e) ** 2 / e for o in cnt)
add(1, q, "Chi-square goodness of fit of the 5 weekday counts against equal expected counts (df 4).", ["chi_square"],
    [X("chi2", r.statistic, ch), X("p", r.pvalue, chip(ch, 4), p=True)])

# g03 sizes-and-counts -> p chart with varying n
sz = [int(v) for v in rng.integers(180, 261, 12)]; de = [int(v) for v in rng.binomial(sz, 0.05)]
tab = "lot  inspected  defective\n" + "\n".join(f"{i+1:>3}  {a:>9}  {b:>9}" for i, (a, b) in enumerate(zip(sz, de)))
q = f"{tab}\n\nSet up a p chart for this (sample sizes vary). What's the centre line, and the UCL for lot 7 specifically?"
pr = [list(map(int, l.split())) for l in q.split("\n\n")[0].splitlines()[1:]]; assert [a for _, a, _ in pr] == sz and [b for _, _, b in pr] == de
pb = np.sum(de) / np.sum(sz); ucl = pb + 3 * np.sqrt(pb * (1 - pb) / np.array(sz))
pbh = 0
for v in de: pbh += v
pbh /= sum(sz)
add(1, q, "p chart: pbar = total defective / total inspected; UCL for lot 7 = pbar + 3 sqrt(pbar(1-pbar)/n7).", ["control_chart"],
    [X("pbar", pb, pbh), X("UCL_lot7", ucl[6], pbh + 3 * math.sqrt(pbh * (1 - pbh) / sz[6]))])

# g04 predictor/response columns -> regression
xt = [150, 160, 170, 180, 190, 200, 210, 220]; yt = R(20 + 0.11 * np.array(xt) + rng.normal(0, 1.6, 8), 1)
q = "Temp_C   Yield_pct\n" + "\n".join(f"{a}      {b}" for a, b in zip(xt, yt)) + "\n\nFit yield on temperature (straight line). Slope, R-squared and the p-value for the slope?"
pr = [fl(l) for l in q.split("\n\n")[0].splitlines()[1:]]; assert [int(a) for a, _ in pr] == xt and [b for _, b in pr] == yt
r = st.linregress(xt, yt); h = ols_hand(xt, yt)
add(1, q, "Simple linear regression of yield on temperature: slope, R^2 and slope p-value.", ["regression"],
    [X("slope", r.slope, h[0]), X("R2", r.rvalue ** 2, h[1]), X("p_slope", r.pvalue, h[2], p=True)])

# g05 labelled contingency -> chi-square independence
sh = ["Day", "Evening", "Night"]; dt = ["Scratch", "Dent", "Misalign", "Other"]
ct = rng.poisson([[30, 22, 15, 12], [26, 20, 19, 10], [21, 25, 26, 14]]).astype(int).tolist()
q = "Defects by shift and type (counts):\n\n" + "Shift," + ",".join(dt) + "\n" + "\n".join(s + "," + ",".join(map(str, c)) for s, c in zip(sh, ct)) + "\n\nIs defect type independent of shift? Chi-square statistic, df, p."
pr = [[int(v) for v in l.split(",")[1:]] for l in q.split("\n\n")[1].splitlines()[1:]]; assert pr == ct
r = st.chi2_contingency(ct, correction=False)
rs = [sum(c) for c in ct]; cs = [sum(c[j] for c in ct) for j in range(4)]; N = sum(rs)
chh = sum((ct[i][j] - rs[i] * cs[j] / N) ** 2 / (rs[i] * cs[j] / N) for i in range(3) for j in range(4))
add(1, q, "Pearson chi-square test of independence on the 3x4 shift-by-defect-type table (df 6).", ["chi_square"],
    [X("chi2", r[0], chh), I("df", r[2], (3 - 1) * (4 - 1)), X("p", r[1], chip(chh, 6), p=True)])

# g06 2x2 paired outcome -> McNemar exact
a_, b_, c_, d_ = int(rng.integers(40, 60)), int(rng.integers(3, 7)), int(rng.integers(12, 17)), int(rng.integers(8, 15))
q = (f"Same {a_+b_+c_+d_} welds inspected by the old and the new ultrasonic method:\n\n"
     f"                 new: pass   new: fail\nold: pass        {a_:>9}   {b_:>9}\nold: fail        {c_:>9}   {d_:>9}\n\n"
     "Do the two methods disagree systematically? McNemar, exact version.")
pr = [fl(l) for l in q.split("\n\n")[1].splitlines()[1:]]; assert pr == [[a_, b_], [c_, d_]]
r = mcnemar([[a_, b_], [c_, d_]], exact=True); k = min(b_, c_); m = b_ + c_
ph = min(1, 2 * sum(math.comb(m, i) for i in range(k + 1)) / 2 ** m)
add(1, q, "Exact McNemar test on the discordant pairs (old pass/new fail vs old fail/new pass): two-sided binomial p.", ["mcnemar"],
    [I("discordant", b_ + c_, m), X("p", r.pvalue, ph, p=True)])

# g07 markdown, groups as columns -> one-way ANOVA
G = [R(rng.normal(mu, 1.1, 6), 1) for mu in (24.0, 25.3, 24.6)]
md = "| Supplier A | Supplier B | Supplier C |\n|---|---|---|\n" + "\n".join("| " + " | ".join(str(G[j][i]) for j in range(3)) + " |" for i in range(6))
q = f"Tensile results (kN) by supplier, pasted from our wiki:\n\n{md}\n\nOne-way ANOVA - F and p?"
pr = [fl(l) for l in q.split("\n\n")[1].splitlines()[2:]]; assert [[r_[j] for r_ in pr] for j in range(3)] == G
r = st.f_oneway(*G); h = anova_hand(G)
add(1, q, "One-way ANOVA of tensile strength across the three suppliers (df 2, 15).", ["anova_oneway"],
    [X("F", r.statistic, h[0]), X("p", r.pvalue, h[1], p=True)])

# g08 TSV subgroups -> Xbar-R limits
S8 = [R(rng.normal(50.0, 0.9, 5), 1) for _ in range(10)]
tsv = "subgroup\tx1\tx2\tx3\tx4\tx5\n" + "\n".join(f"{i+1}\t" + "\t".join(map(str, s)) for i, s in enumerate(S8))
q = f"{tsv}\n\nxbar-R chart, phase I: give me the UCL and LCL for the xbar chart (A2 with n=5)."
pr = [[float(v) for v in l.split("\t")[1:]] for l in q.split("\n\n")[0].splitlines()[1:]]; assert pr == S8
a8 = np.array(S8); xbb = a8.mean(); rb = np.ptp(a8, axis=1).mean(); A2l = 3 / (d2_lib(5) * math.sqrt(5)); A2h = 3 / (d2_hand(5) * math.sqrt(5))
xbh = sum(sum(s) / 5 for s in S8) / 10; rbh = sum(max(s) - min(s) for s in S8) / 10
add(1, q, "Xbar-R chart: grand mean +/- A2*Rbar with n=5 (A2 = 0.577).", ["control_chart", "spc_constants"],
    [X("UCL_xbar", xbb + A2l * rb, xbh + A2h * rbh), X("LCL_xbar", xbb - A2l * rb, xbh - A2h * rbh)])

# g09 aligned columns (subgroups as columns) -> Cp, Cpk with Rbar/d2
S9 = [R(rng.normal(12.02, 0.03, 4), 2) for _ in range(6)]; tm = ["06:00", "08:00", "10:00", "12:00", "14:00", "16:00"]
al = "  ".join(f"{t:>6}" for t in tm) + "\n" + "\n".join("  ".join(f"{S9[j][i]:>6.2f}" for j in range(6)) for i in range(4))
q = f"Bore diameter, 4 parts pulled every 2 h (each column is one subgroup):\n\n{al}\n\nSpec 12.00 +/- 0.10 mm. Cp and Cpk using within-subgroup sigma = R-bar/d2."
ln = q.split("\n\n")[1].splitlines()[1:]; pr = [[float(v) for v in l.split()] for l in ln]; assert [[r_[j] for r_ in pr] for j in range(6)] == S9
a9 = np.array(S9); sw = np.ptp(a9, axis=1).mean() / d2_lib(4); mu = a9.mean()
swh = sum(max(s) - min(s) for s in S9) / 6 / d2_hand(4); muh = sum(map(sum, S9)) / 24
add(1, q, "Capability with sigma_within = Rbar/d2 (n=4): Cp = 0.2/(6 sigma), Cpk = min distance to spec /(3 sigma).", ["capability"],
    [X("Cp", 0.2 / (6 * sw), 0.2 / (6 * swh)), X("Cpk", min(12.1 - mu, mu - 11.9) / (3 * sw), min(12.1 - muh, muh - 11.9) / (3 * swh))])

# g10 long format 2^2 factorial with 3 replicates -> effects
lv = list(itertools.product([-1, 1], [-1, 1])) * 3
yy = R([60 + 4.0 * a + 1.5 * b + 1.2 * a * b + rng.normal(0, 1.0) for a, b in lv], 1)
nm = {-1: "low", 1: "high"}
q = "run,temp,speed,yield\n" + "\n".join(f"{i+1},{nm[a]},{nm[b]},{v}" for i, ((a, b), v) in enumerate(zip(lv, yy))) + "\n\nwhat are the temp effect, speed effect and temp x speed interaction effect? (effect = avg at high minus avg at low)"
pr = [l.split(",") for l in q.split("\n\n")[0].splitlines()[1:]]; inv = {"low": -1, "high": 1}
assert [(inv[p_[1]], inv[p_[2]]) for p_ in pr] == lv and [float(p_[3]) for p_ in pr] == yy
df10 = pd.DataFrame(dict(A=[a for a, _ in lv], B=[b for _, b in lv], y=yy)); f10 = smf.ols("y~A*B", df10).fit()
def eff(c): return sum(v for v, s in zip(yy, c) if s > 0) / 6 - sum(v for v, s in zip(yy, c) if s < 0) / 6
add(1, q, "2^2 factorial effects from 12 runs: main effects of temp and speed, and their interaction (twice the coded coefficients).", ["doe_effects"],
    [X("effect_temp", 2 * f10.params["A"], eff([a for a, _ in lv])), X("effect_speed", 2 * f10.params["B"], eff([b for _, b in lv])),
     X("effect_AxB", 2 * f10.params["A:B"], eff([a * b for a, b in lv]))])

# g11 subgroup rows -> Xbar-S
S11 = [R(rng.normal(8.4, 0.25, 6), 2) for _ in range(8)]
q = "Fill weights, 6 per subgroup:\n" + "\n".join(f"Subgroup {i+1}: " + ", ".join(f"{v:.2f}" for v in s) for i, s in enumerate(S11)) + "\nI want an xbar-S chart. What are the UCL of the S chart and the UCL of the xbar chart?"
pr = [fl(m) for m in re.findall(r"Subgroup \d+: (.*)", q)]; assert pr == S11
sb = np.array(S11).std(axis=1, ddof=1).mean(); xb = np.mean(S11); c4l, c4h = c4_lib(6), c4_hand(6)
sbh = sum(math.sqrt(sum((v - sum(s) / 6) ** 2 for v in s) / 5) for s in S11) / 8; xbh = sum(map(sum, S11)) / 48
add(1, q, "Xbar-S chart with n=6: UCL_S = B4*sbar, UCL_xbar = grand mean + A3*sbar (B4, A3 from c4).", ["control_chart", "spc_constants"],
    [X("UCL_S", sb * (1 + 3 * math.sqrt(1 - c4l ** 2) / c4l), sbh * (1 + 3 * math.sqrt(1 - c4h ** 2) / c4h)),
     X("UCL_xbar", xb + 3 / (c4l * math.sqrt(6)) * sb, xbh + 3 / (c4h * math.sqrt(6)) * sbh)])

# g12 REFUSAL: p chart where defectives exceed inspected
sz12 = [int(v) for v in rng.integers(90, 121, 8)]; de12 = [int(v) for v in rng.binomial(sz12, 0.06)]; de12[4] = sz12[4] + 7
q = "Can you do a p chart and tell me the limits?\n" + "\n".join(f"Lot {i+1} - {a} checked, {b} rejected" for i, (a, b) in enumerate(zip(sz12, de12)))
pr = [(int(a), int(b)) for a, b in re.findall(r"(\d+) checked, (\d+) rejected", q)]; assert pr == list(zip(sz12, de12))
assert any(b > a for a, b in pr)
add(1, q, "Refuse: lot 5 reports more rejected units than were checked, so its proportion exceeds 1 and the p chart cannot be built from these data.", ["control_chart"], [],
    why="lot 5 has more rejects than units checked (proportion > 1)")

# g13 REFUSAL: regression with constant predictor
x13 = [175] * 7; y13 = R(rng.normal(41, 1.5, 7), 1)
q = "Pairs (oven temp, hardness): " + ", ".join(f"({a}, {b})" for a, b in zip(x13, y13)) + ". Whats the slope of hardness vs temp and is it significant?"
pr = [(int(a), float(b)) for a, b in re.findall(r"\((\d+), (" + FL + r")\)", q)]; assert pr == list(zip(x13, y13))
assert np.var(x13) == 0
add(1, q, "Refuse: every run is at 175 C, so the predictor has zero variance and the slope is not estimable.", ["regression"], [],
    why="predictor constant (all x = 175): slope not estimable")

# g14 grid with replicate cells -> two-way ANOVA
ops, mcs = ["Ann", "Raj", "Li"], ["M1", "M2"]
cell = {(o, m): R(rng.normal(10 + 0.4 * i + 0.5 * j + (0.9 if (i == 2 and j == 1) else 0), 0.45, 3), 2) for i, o in enumerate(ops) for j, m in enumerate(mcs)}
g = "operator | " + " | ".join(mcs) + "\n" + "\n".join(o + " | " + " | ".join(" / ".join(f"{v:.2f}" for v in cell[(o, m)]) for m in mcs) for o in ops)
q = f"Gauge study, 3 readings per cell:\n\n{g}\n\nTwo-way ANOVA with interaction (operator x machine). F and p for the interaction?"
pc = {}
for l in q.split("\n\n")[1].splitlines()[1:]:
    parts = [s.strip() for s in l.split("|")]
    for m, c in zip(mcs, parts[1:]): pc[(parts[0], m)] = fl(c)
assert pc == cell
df14 = pd.DataFrame([(o, m, v) for (o, m), vs in cell.items() for v in vs], columns=["o", "m", "y"])
at = sm.stats.anova_lm(smf.ols("y~C(o)*C(m)", df14).fit(), typ=2)
allv = df14.y.tolist(); gm = sum(allv) / 18
cm = {k: sum(v) / 3 for k, v in cell.items()}; om = {o: sum(cm[(o, m)] for m in mcs) / 2 for o in ops}; mm = {m: sum(cm[(o, m)] for o in ops) / 3 for m in mcs}
ssab = 3 * sum((cm[(o, m)] - om[o] - mm[m] + gm) ** 2 for o in ops for m in mcs); sse = sum((v - cm[k]) ** 2 for k, vs in cell.items() for v in vs)
Fh = (ssab / 2) / (sse / 12)
add(1, q, "Balanced two-way ANOVA with interaction (3 operators x 2 machines x 3 replicates): interaction F on (2, 12) df and p.", ["anova_twoway"],
    [X("F_interaction", at.loc["C(o):C(m)", "F"], Fh), X("p_interaction", at.loc["C(o):C(m)", "PR(>F)"], fp(Fh, 2, 12), p=True)])

# ======================= KIND 2: intent carried by wording =======================
# g15 reference value, not the printed one
v15 = R(rng.normal(501.4, 2.4, 10), 1)
q = f"Net fill weights (g): {', '.join(map(str, v15))}. The label used to say 505 g but that was the old spec - test against the current nominal of 500 g, two-sided. t and p?"
assert fl(q.split(":")[1].split(".")[0] + "." + ".".join(q.split(":")[1].split(".")[1:]))[:10] == v15
r = st.ttest_1samp(v15, 500); m15 = sum(v15) / 10; s15 = math.sqrt(sum((v - m15) ** 2 for v in v15) / 9); th = (m15 - 500) / (s15 / math.sqrt(10))
add(2, q, "One-sample t-test of the 10 fill weights against 500 g (not 505), two-sided.", ["t_test"],
    [X("t", r.statistic, th), X("p", r.pvalue, tp(th, 9), p=True)])

# g16 stated reference proportion, one-sided up
k16 = 16 + int(rng.integers(5, 9))
q = f"we tested 400 units from the new line and {k16} failed burn-in. Historically the failure rate is 4%. Has it gone UP? exact binomial, one-sided"
assert [int(v) for v in re.findall(r"\d+", q)][:3] == [400, k16, 4]
r = st.binomtest(k16, 400, 0.04, alternative="greater"); ph = 1 - sum(math.comb(400, i) * 0.04 ** i * 0.96 ** (400 - i) for i in range(k16))
add(2, q, f"Exact one-sided binomial test of {k16}/400 against p0 = 0.04, alternative p > 0.04: P(X >= {k16}).", ["proportion_test"],
    [X("p", r.pvalue, ph, p=True)])

# g17 excluding a named point
x17 = [2.0, 2.5, 3.0, 3.5, 4.0, 4.5, 5.0, 5.5, 6.0, 6.5]; y17 = R(8 + 1.9 * np.array(x17) + rng.normal(0, 0.5, 10), 2); y17[6] = round(y17[6] + 6.3, 2)
tab = "run  pressure_bar  thickness_um\n" + "\n".join(f"{i+1:>3}  {a:>12}  {b:>12}" for i, (a, b) in enumerate(zip(x17, y17)))
q = f"{tab}\n\nRun 7 is junk (thermocouple came loose) so leave it out. Regress thickness on pressure with the rest: slope and R^2?"
pr = [fl(l) for l in q.split("\n\n")[0].splitlines()[1:]]; assert [p_[1] for p_ in pr] == x17 and [p_[2] for p_ in pr] == y17
xk = [a for i, a in enumerate(x17) if i != 6]; yk = [b for i, b in enumerate(y17) if i != 6]
r = st.linregress(xk, yk); h = ols_hand(xk, yk)
add(2, q, "Simple regression of thickness on pressure using the 9 runs other than run 7.", ["regression"],
    [X("slope", r.slope, h[0]), X("R2", r.rvalue ** 2, h[1])])

# g18 nature of data: paired
ga = R(rng.normal(25.0, 0.6, 9), 2); gb = R(np.array(ga) + rng.normal(0.09, 0.12, 9), 2)
q = f"Gauge A: {' '.join(f'{v:.2f}' for v in ga)}\nGauge B: {' '.join(f'{v:.2f}' for v in gb)}\nThese are the same nine parts, each measured once on each gauge (same order). Do the gauges read differently on average? two-sided"
assert fl(q.splitlines()[0]) == ga and fl(q.splitlines()[1]) == gb
r = st.ttest_rel(gb, ga); d = [b - a for a, b in zip(ga, gb)]; md = sum(d) / 9; th = md / (math.sqrt(sum((v - md) ** 2 for v in d) / 8) / 3)
add(2, q, "Paired t-test of gauge B minus gauge A on the 9 parts (not a two-sample test); |t| and p.", ["t_test"],
    [X("abs_t", abs(r.statistic), abs(th)), X("p", r.pvalue, tp(th, 8), p=True)])

# g19 one-sided claim
v19 = R(rng.normal(253.0, 6.5, 12), 1)
q = f"Supplier claims mean tensile strength is MORE than 250 MPa. Our 12 coupons: {'; '.join(map(str, v19))}. Does the data support the claim at 5%? Give the one-sided p."
assert fl(q.split("coupons:")[1].split(". Does")[0]) == v19
r = st.ttest_1samp(v19, 250, alternative="greater"); m_ = sum(v19) / 12; th = (m_ - 250) / (math.sqrt(sum((v - m_) ** 2 for v in v19) / 11) / math.sqrt(12))
add(2, q, "One-sample t-test with H1: mean > 250 MPa, one-sided (upper) p-value.", ["t_test"],
    [X("t", r.statistic, th), X("p_one_sided", r.pvalue, tp(th, 11, "greater"), p=True)])

# g20 Ppk (overall) not Cpk
v20 = R(rng.normal(4.985, 0.011, 30), 3)
q = ("Shaft OD, 30 consecutive parts:\n" + "\n".join(" ".join(f"{v:.3f}" for v in v20[i:i + 10]) for i in range(0, 30, 10)) +
     "\nLSL 4.950, USL 5.020. Customer wants Pp and Ppk - overall (long-term) sample standard deviation, NOT the within/Cpk version.")
assert fl(" ".join(q.splitlines()[1:4])) == v20
s20 = float(np.std(v20, ddof=1)); m20 = float(np.mean(v20)); m2h = sum(v20) / 30; s2h = math.sqrt(sum((v - m2h) ** 2 for v in v20) / 29)
add(2, q, "Pp = (USL-LSL)/(6 s) and Ppk = min(USL-mean, mean-LSL)/(3 s) with the overall sample SD of the 30 parts.", ["capability"],
    [X("Pp", 0.07 / (6 * s20), 0.07 / (6 * s2h)), X("Ppk", min(5.02 - m20, m20 - 4.95) / (3 * s20), min(5.02 - m2h, m2h - 4.95) / (3 * s2h))])

# g21 curvature with centre points
cor = R(70 + rng.normal(0, 0.6, 4) + np.array([-3, 2, -1, 4]), 1); cen = R(72.4 + rng.normal(0, 0.6, 4), 1)
q = (f"2^2 in time and temp, one run per corner: (-,-) {cor[0]}, (+,-) {cor[1]}, (-,+) {cor[2]}, (+,+) {cor[3]}; "
     f"plus four centre points: {', '.join(map(str, cen))}. Is there curvature? I want the curvature SS, its F and p against pure error.")
pr = [float(v) for v in re.findall(r"\)\s(" + FL + ")", q)]; assert pr == cor and fl(q.split("centre points:")[1].split(". Is")[0]) == cen
A21 = [-1, 1, -1, 1, 0, 0, 0, 0]; B21 = [-1, -1, 1, 1, 0, 0, 0, 0]; C21 = [0] * 4 + [1] * 4
d21 = pd.DataFrame(dict(A=A21, B=B21, C=C21, y=cor + cen)); f21 = smf.ols("y~A*B+C", d21).fit()
msp = f21.mse_resid; Fl = f21.tvalues["C"] ** 2; ssl = Fl * msp
yf, yc = sum(cor) / 4, sum(cen) / 4; ssh = 4 * 4 * (yf - yc) ** 2 / 8; msh = sum((v - yc) ** 2 for v in cen) / 3
add(2, q, "Single-df curvature test: SS = nF nC (ybarF - ybarC)^2/(nF+nC), F against pure error from the 4 centre points (df 1, 3).", ["doe_curvature"],
    [X("SS_curv", ssl, ssh), X("F", Fl, ssh / msh), X("p", f21.pvalues["C"], fp(ssh / msh, 1, 3), p=True)])

# g22 direction of difference, Welch one-sided
old = R(rng.normal(14.2, 0.9, 8), 2); new = R(rng.normal(13.5, 1.6, 10), 2)
q = f"Cycle times (min). Old fixture: {', '.join(map(str, old))}. New fixture: {', '.join(map(str, new))}. Is the NEW fixture faster (lower time) than the old? Don't assume equal variances. p for that direction only."
assert fl(q.split("Old fixture:")[1].split(". New")[0]) == old and fl(q.split("New fixture:")[1].split(". Is")[0]) == new
r = st.ttest_ind(new, old, equal_var=False, alternative="less")
mn, mo = sum(new) / 10, sum(old) / 8; vn = sum((v - mn) ** 2 for v in new) / 9; vo = sum((v - mo) ** 2 for v in old) / 7
se2 = vn / 10 + vo / 8; th = (mn - mo) / math.sqrt(se2); dfw = se2 ** 2 / ((vn / 10) ** 2 / 9 + (vo / 8) ** 2 / 7)
add(2, q, "Welch t-test of new minus old with H1: mean(new) < mean(old); one-sided p.", ["t_test"],
    [X("t", r.statistic, th), X("p_one_sided", r.pvalue, tp(th, dfw, "less"), p=True)])

# g23 summary figures only, pooled
m1, s1, n1 = 82.4, 5.1, 14; m2, s2, n2 = 78.9, 4.6, 12
q = f"Only have the summary: line 1 mean {m1}, sd {s1}, n = {n1}; line 2 mean {m2}, sd {s2}, n = {n2}. Pooled-variance two-sample t test, two-sided. t and p?"
assert fl(q) == [1, m1, s1, n1, 2, m2, s2, n2]
r = st.ttest_ind_from_stats(m1, s1, n1, m2, s2, n2); sp2 = ((n1 - 1) * s1 ** 2 + (n2 - 1) * s2 ** 2) / (n1 + n2 - 2); th = (m1 - m2) / math.sqrt(sp2 * (1 / n1 + 1 / n2))
add(2, q, "Pooled two-sample t-test from summary statistics (df 24), two-sided.", ["summary_t_test"],
    [X("t", r.statistic, th), X("p", r.pvalue, tp(th, 24), p=True)])

# g24 precision, not power
q = "how many bearings do i need to measure to pin down the mean bore to within +/-0.5 um with 95% confidence? sigma is about 2.1 um from long history. (not a power calc, just the margin)"
assert [abs(v) for v in fl(q)] == [0.5, 95, 2.1]
nl = math.ceil((st.norm.ppf(0.975) * 2.1 / 0.5) ** 2); nh = math.ceil((zq(0.975) * 2.1 / 0.5) ** 2)
add(2, q, "n = ceil((z_0.975 * 2.1 / 0.5)^2) for a +/-0.5 margin of error at 95% with known sigma 2.1.", ["sample_size_ci"], [I("n", nl, nh)])

# g25 don't assume equal variances -> Welch ANOVA
W = [R(rng.normal(m, s, k), 1) for m, s, k in ((31.0, 0.8, 7), (32.4, 2.6, 9), (30.6, 1.5, 8))]
q = "Three coating baths, thickness:\nBath 1: " + " ".join(map(str, W[0])) + "\nBath 2: " + " ".join(map(str, W[1])) + "\nBath 3: " + " ".join(map(str, W[2])) + "\nThe spreads are clearly not equal so do NOT use the ordinary equal-variance ANOVA. Compare the means - F and p."
assert [fl(l.split(":")[1]) for l in q.splitlines()[1:4]] == W
r = anova_oneway(W, use_var="unequal")
wi = [len(g_) / np.var(g_, ddof=1) for g_ in W]; mi = [sum(g_) / len(g_) for g_ in W]; ws = sum(wi); mw = sum(w * m for w, m in zip(wi, mi)) / ws
lam = sum((1 - w / ws) ** 2 / (len(g_) - 1) for w, g_ in zip(wi, W))
Fw = (sum(w * (m - mw) ** 2 for w, m in zip(wi, mi)) / 2) / (1 + 2 * (3 - 2) / (9 - 1) * lam); d2w = (9 - 1) / (3 * lam)
add(2, q, "Welch's one-way ANOVA (unequal variances) across the three baths: F and p.", ["anova_oneway"],
    [X("F", r.statistic, Fw), X("p", r.pvalue, fp(Fw, 2, d2w), p=True)])

# g26 defects not defectives -> c chart
c26 = [int(v) for v in rng.poisson(6.2, 20)]
q = f"Number of paint defects found on each of 20 car doors (a door can have several - these are defects, not defective doors): {' '.join(map(str, c26))}. Control limits please."
assert [int(v) for v in re.findall(r"\d+", q.split("doors):")[1])] == c26
cb = float(np.mean(c26)); cbh = 0
for v in c26: cbh += v / 20
add(2, q, "c chart for defect counts with equal area of opportunity: centre cbar, UCL = cbar + 3 sqrt(cbar) (LCL = max(0, cbar - 3 sqrt(cbar))).", ["control_chart"],
    [X("cbar", cb, cbh), X("UCL", cb + 3 * np.sqrt(cb), cbh + 3 * math.sqrt(cbh))])

# g27 REFUSAL: Cp with one-sided spec
v27 = R(rng.normal(46.0, 1.8, 20), 1)
q = f"Pull-off force (N) for 20 clips: {', '.join(map(str, v27))}. The only requirement is at least 40 N - there's no upper limit. Please give Cp (the two-sided potential capability, not Cpk)."
assert fl(q.split("clips:")[1].split(". The")[0]) == v27 and "no upper limit" in q
add(2, q, "Refuse: Cp needs both spec limits; with only a lower limit (40 N) Cp is undefined (only Cpl/Cpk can be given).", ["capability"], [],
    why="only a lower spec limit: Cp = (USL-LSL)/6sigma undefined")

# g28 stated confidence level 99%
v28 = R(rng.normal(3.62, 0.21, 11), 2)
q = f"resistance readings (ohm) {' / '.join(f'{v:.2f}' for v in v28)} -- need a 99% (not 95) two-sided confidence interval for the mean"
assert fl(q.split("(ohm)")[1].split("--")[0]) == v28
lo, hi = st.t.interval(0.99, 10, loc=np.mean(v28), scale=st.sem(v28))
m28 = sum(v28) / 11; se = math.sqrt(sum((v - m28) ** 2 for v in v28) / 10 / 11); tq = float(mp.findroot(lambda t: sc.stdtr(10, float(t)) - 0.995, 3.1))
add(2, q, "99% two-sided t interval for the mean of 11 readings (t_0.995,10).", ["describe", "t_test"],
    [X("lower", lo, m28 - tq * se), X("upper", hi, m28 + tq * se)])

# ======================= KIND 3: numbers in prose with roles =======================
def full(levels): return np.array(list(itertools.product(*[range(l) for l in levels])))
# g29 mixed-level full factorial
q = ("Back in 2021 we ran a smaller screening in room 214. Now: full factorial with temperature at 3 levels, pressure at 4 levels and catalyst at 2 types, "
     "the whole thing replicated 3 times. Each run costs $85. How many runs in total and what's the cost?")
lv29 = [int(v) for v in re.findall(r"at (\d+) (?:levels|types)", q)]; rep = int(re.search(r"replicated (\d+) times", q).group(1)); cost = int(re.search(r"\$(\d+)", q).group(1))
assert lv29 == [3, 4, 2] and rep == 3 and cost == 85
D = np.vstack([full(lv29)] * rep)
add(3, q, "Runs = 3*4*2*3 replicates = 72; cost = 72 * $85.", ["doe_design"], [I("runs", len(D), 3 * 4 * 2 * 3), I("cost_usd", len(D) * cost, 72 * 85)])

# g30 2^(6-2) generators -> runs and resolution
def frac(k, gens):
    base = np.array(list(itertools.product([-1, 1], repeat=k)))
    cols = {chr(65 + i): base[:, i] for i in range(k)}
    for f_, w in gens.items(): cols[f_] = np.prod([cols[c] for c in w], axis=0)
    return cols
def res_lib(cols):
    names = sorted(cols); best = 99
    for L in range(1, len(names) + 1):
        for comb in itertools.combinations(names, L):
            if np.all(np.prod([cols[c] for c in comb], axis=0) == 1): best = min(best, L)
        if best < 99: return best
def res_hand(gens):
    words = [frozenset(w) | {f_} for f_, w in gens.items()]; allw = set()
    for L in range(1, len(words) + 1):
        for comb in itertools.combinations(words, L):
            s = frozenset()
            for w in comb: s = s ^ w
            allw.add(s)
    return min(len(w) for w in allw)
q = "Part no. 6620 study (the 2018 one used 32 runs, ignore that). Six factors A-F, 2^(6-2) fraction with generators E = ABC and F = BCD. How many runs, and what resolution?"
gens30 = {g_: w for g_, w in re.findall(r"([A-F]) = ([A-F]+)", q)}; assert gens30 == {"E": "ABC", "F": "BCD"}
c30 = frac(4, gens30)
add(3, q, "2^(6-2) with E=ABC, F=BCD: 16 runs; defining relation I=ABCE=BCDF=ADEF so resolution IV.", ["doe_design", "doe_properties"],
    [I("runs", len(c30["A"]), 2 ** (6 - 2)), I("resolution", res_lib(c30), res_hand(gens30))])

# g31 CCD rotatable
q = ("Hi - planning a central composite design for 3 factors (our last one in 2019 had 5 factors and cost 12000 EUR). Full 2^3 cube, axial points at the rotatable distance, 6 centre points. "
     "Total number of runs and the axial distance alpha?")
k31 = int(re.search(r"for (\d+) factors", q).group(1)); nc31 = int(re.search(r"(\d+) centre points", q).group(1)); assert (k31, nc31) == (3, 6)
al_ = (2 ** k31) ** 0.25
cube = np.array(list(itertools.product([-1, 1], repeat=k31)), float); ax = np.vstack([s * al_ * np.eye(k31)[i] for i in range(k31) for s in (-1, 1)])
D31 = np.vstack([cube, ax, np.zeros((nc31, k31))])
add(3, q, "Rotatable CCD, k=3: 8 cube + 6 axial + 6 centre = 20 runs, alpha = 8^(1/4) = 1.682.", ["doe_design"],
    [I("runs", len(D31), 2 ** 3 + 2 * 3 + 6), X("alpha", np.abs(ax).max(), math.sqrt(math.sqrt(8)))])

# g32 Box-Behnken 4 factors
q = "Box-Behnken, 4 factors (temperature, time, pH, stirring at 400 rpm nominal), with 3 centre points. Lab 7 can do 10 runs a day. How many runs is the design, and how many full days?"
k32 = int(re.search(r"Box-Behnken, (\d+) factors", q).group(1)); nc32 = int(re.search(r"(\d+) centre points", q).group(1)); perday = int(re.search(r"do (\d+) runs a day", q).group(1))
assert (k32, nc32, perday) == (4, 3, 10)
bb = []
for i, j in itertools.combinations(range(k32), 2):
    for a, b in itertools.product([-1, 1], repeat=2):
        r_ = [0] * k32; r_[i], r_[j] = a, b; bb.append(r_)
D32 = np.array(bb + [[0] * k32] * nc32)
add(3, q, "Box-Behnken with 4 factors: 6 pairs x 4 = 24 edge runs + 3 centre = 27 runs, needing 3 days at 10 runs/day.", ["doe_design"],
    [I("runs", len(D32), math.comb(4, 2) * 4 + 3), I("days", math.ceil(len(D32) / perday), -(-27 // 10))])

# g33 xbar-R from summary
q = ("Control plan for cell 12: we took 25 subgroups of 5 shafts (an earlier study in 2020 used 20 subgroups of 4). Grand mean 25.412 mm, average range 0.118 mm. "
     "Xbar chart limits?")
n33 = int(re.search(r"subgroups of (\d+) shafts", q).group(1)); gm33 = float(re.search(r"Grand mean (" + FL + ")", q).group(1)); rb33 = float(re.search(r"average range (" + FL + ")", q).group(1))
assert (n33, gm33, rb33) == (5, 25.412, 0.118)
a2l, a2h = 3 / (d2_lib(5) * math.sqrt(5)), 3 / (d2_hand(5) * math.sqrt(5))
add(3, q, "Xbar limits from summary: 25.412 +/- A2(n=5)*0.118 with A2 = 0.577.", ["summary_chart", "spc_constants"],
    [X("UCL", gm33 + a2l * rb33, gm33 + a2h * rb33), X("LCL", gm33 - a2l * rb33, gm33 - a2h * rb33)])

# g34 capability from summary
q = "part 7731-B, 125 pcs measured on 3 Mar. mean = 10.031, within-subgroup sigma = 0.019; spec 9.950 to 10.100. Cp and Cpk?"
m34 = float(re.search(r"mean = (" + FL + ")", q).group(1)); s34 = float(re.search(r"sigma = (" + FL + ")", q).group(1)); L34, U34 = map(float, re.search(r"spec (" + FL + ") to (" + FL + ")", q).groups())
assert (m34, s34, L34, U34) == (10.031, 0.019, 9.95, 10.1)
add(3, q, "Cp = (10.100-9.950)/(6*0.019); Cpk = min(10.100-10.031, 10.031-9.950)/(3*0.019).", ["summary_capability"],
    [X("Cp", (U34 - L34) / (6 * s34), 0.15 / 0.114), X("Cpk", min(U34 - m34, m34 - L34) / (3 * s34), 0.069 / 0.057)])

# g35 sample size for power, two-sample t
q = ("Our 2022 pilot had 8 per arm. For the main study we want 90% power to detect a 2.0 MPa difference in mean strength, SD about 3.5 MPa, two-sided alpha 0.05, "
     "two-sample t-test. How many specimens per group?")
pw = float(re.search(r"(\d+)% power", q).group(1)) / 100; dl = float(re.search(r"detect a (" + FL + ")", q).group(1)); sd35 = float(re.search(r"SD about (" + FL + ")", q).group(1)); a35 = float(re.search(r"alpha (" + FL + ")", q).group(1))
assert (pw, dl, sd35, a35) == (0.9, 2.0, 3.5, 0.05)
nl = math.ceil(TTestIndPower().solve_power(effect_size=dl / sd35, alpha=a35, power=pw, alternative="two-sided"))
nh = 2
while True:
    dfh = 2 * nh - 2; tc = st.t.ppf(0.975, dfh); ncp = dl / sd35 * math.sqrt(nh / 2)
    if st.nct.sf(tc, dfh, ncp) + st.nct.cdf(-tc, dfh, ncp) >= pw: break
    nh += 1
add(3, q, "Two-sample t power: d = 2.0/3.5, alpha 0.05 two-sided, power 0.90 -> smallest n per group.", ["power"], [I("n_per_group", nl, nh)])

# g36 margin of error for a proportion
q = "The 2017 survey asked 1200 customers. This time we want the satisfaction proportion to +/-3 percentage points at 95% confidence; last time 20% were unhappy so use p = 0.20. Sample size?"
E36 = float(re.search(r"\+/-(\d+) percentage", q).group(1)) / 100; p36 = float(re.search(r"p = (" + FL + ")", q).group(1)); assert (E36, p36) == (0.03, 0.2)
add(3, q, "n = ceil(z^2 p(1-p)/E^2) with z = 1.96, p = 0.20, E = 0.03.", ["sample_size_ci"],
    [I("n", math.ceil(st.norm.ppf(0.975) ** 2 * p36 * (1 - p36) / E36 ** 2), math.ceil(zq(0.975) ** 2 * 0.16 / 0.0009))])

# g37 replicates with centre points
q = "2^4 full factorial, 3 replicates, and in each replicate we add 2 centre points. Furnace 5 (installed 2015) holds 4 parts per load. How many runs in total?"
k37 = int(re.search(r"2\^(\d)", q).group(1)); r37 = int(re.search(r"(\d+) replicates", q).group(1)); c37 = int(re.search(r"add (\d+) centre", q).group(1)); assert (k37, r37, c37) == (4, 3, 2)
D37 = np.vstack([np.vstack([full([2] * k37), np.full((c37, k37), 0.5)]) for _ in range(r37)])
add(3, q, "3 replicates x (16 factorial + 2 centre) = 54 runs.", ["doe_design"], [I("runs", len(D37), 3 * (16 + 2))])

# g38 two-proportion sample size, Cohen's h
q = ("Scrap rate is 10% now; the new die should bring it to 6%. How many parts per arm to detect that with 80% power at alpha = 0.05 (two-sided)? "
     "Use the arcsine (Cohen's h) normal approximation. Budget is 3000 parts.")
p1, p2 = [float(v) / 100 for v in re.findall(r"(\d+)%", q)[:2]]; assert (p1, p2) == (0.10, 0.06)
h38 = proportion_effectsize(p1, p2); nl = math.ceil(NormalIndPower().solve_power(effect_size=h38, alpha=0.05, power=0.8, ratio=1))
hh = 2 * math.asin(math.sqrt(p1)) - 2 * math.asin(math.sqrt(p2)); nh = math.ceil(2 * ((zq(0.975) + zq(0.8)) / hh) ** 2)
add(3, q, "n per group = 2((z_0.975 + z_0.80)/h)^2 with Cohen's h = 2asin(sqrt .10) - 2asin(sqrt .06), rounded up.", ["power"], [I("n_per_group", nl, nh)])

# g39 p chart from summary
q = "Line 3, 2022 data: average fraction nonconforming 0.042 with 250 units per daily sample. p-chart UCL and LCL?"
pb39 = float(re.search(r"nonconforming (" + FL + ")", q).group(1)); n39 = int(re.search(r"with (\d+) units", q).group(1)); assert (pb39, n39) == (0.042, 250)
sl = np.sqrt(pb39 * (1 - pb39) / n39); shh = math.sqrt(0.042 * 0.958 / 250)
add(3, q, "p chart: 0.042 +/- 3 sqrt(0.042*0.958/250).", ["summary_chart"], [X("UCL", pb39 + 3 * sl, 0.042 + 3 * shh), X("LCL", pb39 - 3 * sl, 0.042 - 3 * shh)])

# g40 blocks
q = ("We'll run a 2^5 full factorial split into 4 blocks (one per shift, shifts are 8 hours), and each block also gets 2 centre points. "
     "How many runs per block and how many runs overall?")
k40 = int(re.search(r"2\^(\d)", q).group(1)); b40 = int(re.search(r"into (\d+) blocks", q).group(1)); c40 = int(re.search(r"gets (\d+) centre", q).group(1)); assert (k40, b40, c40) == (5, 4, 2)
F40 = np.array(list(itertools.product([-1, 1], repeat=5))); blk = list(zip(F40[:, 0] * F40[:, 1] * F40[:, 2], F40[:, 2] * F40[:, 3] * F40[:, 4]))
bs = {b: sum(1 for v in blk if v == b) + c40 for b in set(blk)}; assert len(bs) == 4 and len(set(bs.values())) == 1
add(3, q, "2^5 = 32 runs in 4 blocks of 8, plus 2 centre points per block: 10 runs per block, 40 overall.", ["doe_design"],
    [I("runs_per_block", list(bs.values())[0], 32 // 4 + 2), I("total_runs", sum(bs.values()), 32 + 4 * 2)])

# g41 REFUSAL: 2^(7-4) resolution IV impossible
q = "Need a 2^(7-4) design (7 factors, 8 runs) that is resolution IV so no main effect is aliased with a 2-factor interaction. Generators please, and list the runs."
assert re.search(r"2\^\((\d)-(\d)\)", q).groups() == ("7", "4")
cand = {"AB": "AB", "AC": "AC", "BC": "BC", "ABC": "ABC"}
best = max(res_hand(dict(zip("DEFG", comb))) for comb in itertools.permutations(cand.values(), 4)); assert best == 3
add(3, q, "Refuse: any 2^(7-4) design is saturated and at best resolution III; resolution IV with 8 runs allows at most 4 factors.", ["doe_design", "doe_properties"], [],
    why="8-run design with 7 factors cannot be resolution IV (max resolution III)")

# g42 REFUSAL: Xbar-R with subgroup size 1
q = "Xbar-R chart limits from summary please: subgroups of size n = 1 (one reading per hour), 30 subgroups, grand mean 7.84, R-bar 0.42."
n42 = int(re.search(r"n = (\d+)", q).group(1)); assert n42 == 1 and abs(d2_lib(1)) < 1e-12
add(3, q, "Refuse: with subgroups of size 1 there is no within-subgroup range (d2 = 0, A2 undefined) and an R-bar of 0.42 is impossible; an I-MR chart would be needed.", ["summary_chart"], [],
    why="subgroup size 1: range within subgroup undefined, A2 undefined")

# ======================= KIND 4: maths =======================
def grab(q, a, b): return q.split(a, 1)[1].split(b, 1)[0]
# g43
q = "whats d/dx of x^2 sin(3x), evaluated at x = 1?"
e = P(grab(q, "of ", ", evaluated")); assert sp.simplify(e - x ** 2 * sp.sin(3 * x)) == 0
add(4, q, "Derivative 2x sin3x + 3x^2 cos3x at x = 1.", ["differentiate", "evaluate"], [X("value", sp.diff(e, x).subs(x, 1), mp.diff(lambda t: t ** 2 * mp.sin(3 * t), 1))])
# g44
q = "f(x,y) = x^3 y^2 + e^(x y). Need the mixed partial f_xy at the point (1, 2)"
e = P(grab(q, "= ", ". Need")); assert sp.simplify(e - (x ** 3 * y ** 2 + sp.exp(x * y))) == 0
add(4, q, "Mixed partial 6x^2 y + e^{xy}(1+xy) at (1,2) = 12 + 3e^2.", ["differentiate", "evaluate"],
    [X("f_xy", sp.diff(e, x, y).subs({x: 1, y: 2}), mp.diff(lambda a, b: a ** 3 * b ** 2 + mp.exp(a * b), (1, 2), (1, 1)))])
# g45
q = "intergral of x e^(-x) from 0 to 2 ??"
e = P(grab(q, "of ", " from")); assert sp.simplify(e - x * sp.exp(-x)) == 0
add(4, q, "Definite integral of x e^{-x} on [0, 2] = 1 - 3e^{-2}.", ["integrate"], [X("integral", sp.integrate(e, (x, 0, 2)), mp.quad(lambda t: t * mp.exp(-t), [0, 2]))])
# g46
q = "Does ∫ 1/(x^2 + x) dx from 1 to ∞ converge? if so to what"
e = P(grab(q, "∫ ", " dx")); assert sp.simplify(e - 1 / (x ** 2 + x)) == 0
add(4, q, "Improper integral of 1/(x^2+x) from 1 to infinity converges to ln 2.", ["integrate"], [X("integral", sp.integrate(e, (x, 1, sp.oo)), mp.quad(lambda t: 1 / (t * t + t), [1, mp.inf]))])
# g47
q = "lim x->0 (1 - cos(2x))/x^2 = ?"
e = P(grab(q, "x->0 ", " =")); assert sp.simplify(e - (1 - sp.cos(2 * x)) / x ** 2) == 0
add(4, q, "Limit of (1-cos 2x)/x^2 as x -> 0 equals 2.", ["limit"], [I("limit", int(sp.limit(e, x, 0)), int(mp.nint((1 - mp.cos(2 * mp.mpf("1e-12"))) / mp.mpf("1e-24"))))])
# g48
q = "Taylor series of e^x cos(x) about x=0 - what's the coefficient of x^4?"
e = P(grab(q, "of ", " about")); assert sp.simplify(e - sp.exp(x) * sp.cos(x)) == 0
cl = sp.series(e, x, 0, 6).removeO().coeff(x, 4)
ce = [1 / math.factorial(i) for i in range(5)]; cc = [1, 0, -1 / 2, 0, 1 / 24]
add(4, q, "Coefficient of x^4 in the Maclaurin series of e^x cos x is -1/6.", ["series"], [X("coef_x4", cl, sum(ce[i] * cc[4 - i] for i in range(5)))])
# g49
q = "sum from n=1 to infinity of 1/(n(n+2))"
e = P(grab(q, "of ", "\n") if "\n" in q else q.split("of ", 1)[1]); assert sp.simplify(e - 1 / (n_ * (n_ + 2))) == 0
add(4, q, "Telescoping series sum 1/(n(n+2)) from n=1 to infinity = 3/4.", ["summation"], [X("sum", sp.summation(e, (n_, 1, sp.oo)), mp.nsum(lambda k: 1 / (k * (k + 2)), [1, mp.inf]))])
# g50
q = "how many real roots does x^3 - 6x^2 + 11x - 6.5 = 0 have, and what are they"
e = P(grab(q, "does ", " = 0")); assert sp.simplify(e - (x ** 3 - 6 * x ** 2 + 11 * x - sp.Rational(13, 2))) == 0
rr = [complex(v) for v in sp.Poly(e, x).nroots()]; rl = [v.real for v in rr if abs(v.imag) < 1e-12]
lo_, hi_ = 3.0, 4.0
for _ in range(200):
    mid = (lo_ + hi_) / 2
    if mid ** 3 - 6 * mid ** 2 + 11 * mid - 6.5 > 0: hi_ = mid
    else: lo_ = mid
npr = sum(1 for v in np.roots([1, -6, 11, -6.5]) if abs(v.imag) < 1e-9)
add(4, q, "The cubic has one real root (the local max of x^3-6x^2+11x-6 is below 0.5), near x = 3.19.", ["solve"], [I("n_real_roots", len(rl), npr), X("root", rl[0], lo_)])
# g51
q = "solve  2x + 3y - z = 5 ,  x - y + 2z = 3 ,  3x + y + z = 10"
eqs = [P(s.split("=")[0]) - int(s.split("=")[1]) for s in grab(q + ";", "solve  ", ";").split(" ,  ")]
M = [[2, 3, -1], [1, -1, 2], [3, 1, 1]]; bv = [5, 3, 10]
assert all(sp.expand(eq - (sum(c * v for c, v in zip(row, (x, y, sp.Symbol("z")))) - b)) == 0 for eq, row, b in zip(eqs, M, bv))
sol = sp.solve(eqs, [x, y, sp.Symbol("z")])
def det3(m): return m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1]) - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0]) + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0])
cr = [det3([[bv[i] if j == c else M[i][j] for j in range(3)] for i in range(3)]) / det3(M) for c in range(3)]
add(4, q, "Solve the 3x3 linear system for x, y, z.", ["solve"],
    [X("x", sol[x], cr[0]), X("y", sol[y], cr[1]), X("z", sol[sp.Symbol("z")], cr[2])])
# g52
q = "A = [[4,1,2],[1,3,0],[2,0,5]]  -> det(A) and the biggest eigenvalue?"
A52 = json.loads(grab(q, "A = ", "  ->")); assert A52 == [[4, 1, 2], [1, 3, 0], [2, 0, 5]]
Ms = sp.Matrix(A52); ev = max(float(sp.re(v)) for v in Ms.eigenvals())
add(4, q, "Determinant of the symmetric 3x3 matrix and its largest eigenvalue.", ["matrix"], [I("det", int(Ms.det()), det3(A52)), X("lambda_max", ev, max(np.linalg.eigvalsh(np.array(A52, float))))])
# g53
q = "partial fractions of (3x+5)/((x+1)(x+2)^2) pls - I need A, B, C in A/(x+1) + B/(x+2) + C/(x+2)^2"
e = P(grab(q, "of ", " pls")); assert sp.simplify(e - (3 * x + 5) / ((x + 1) * (x + 2) ** 2)) == 0
ap = sp.apart(e, x); Al = ap.coeff(1 / (x + 1)) if False else None
terms = {sp.denom(t_): sp.numer(t_) for t_ in sp.Add.make_args(ap)}
Ah = (3 * -1 + 5) / ((-1 + 2) ** 2); Ch = (3 * -2 + 5) / (-2 + 1); Bh = -Ah
add(4, q, "apart: (3x+5)/((x+1)(x+2)^2) = 2/(x+1) - 2/(x+2) + 1/(x+2)^2.", ["simplify"],
    [I("A", int(terms[x + 1]), int(Ah)), I("B", int(terms[x + 2]), int(Bh)), I("C", int(terms[(x + 2) ** 2]), int(Ch))])
# g54
q = "simplify (x^2-9)/(x^2+x-6) and then plug in x=4"
e = P(grab(q, "simplify ", " and")); assert sp.simplify(e - (x ** 2 - 9) / (x ** 2 + x - 6)) == 0
add(4, q, "Cancels to (x-3)/(x-2); at x = 4 the value is 1/2.", ["simplify", "evaluate"], [X("value_at_4", sp.cancel(e).subs(x, 4), (4 - 3) / (4 - 2))])
# g55
q = "f(x) = x^3 - 3x^2 - 9x + 5 on the interval [-2, 6]: absolute max and absolute min values, and where is the min?"
e = P(grab(q, "= ", " on")); assert sp.simplify(e - (x ** 3 - 3 * x ** 2 - 9 * x + 5)) == 0
cands = [c for c in sp.solve(sp.diff(e, x), x) if -2 <= c <= 6] + [-2, 6]; vals = {c: e.subs(x, c) for c in cands}
gx = np.linspace(-2, 6, 800001); gv = gx ** 3 - 3 * gx ** 2 - 9 * gx + 5
add(4, q, "On [-2,6]: critical points -1, 3; absolute max f(6) = 59, absolute min f(3) = -22 at x = 3.", ["extrema"],
    [X("abs_max", max(vals.values()), gv.max()), X("abs_min", min(vals.values()), gv.min()), I("argmin_x", int(min(vals, key=vals.get)), int(round(gx[gv.argmin()])))])
# g56 REFUSAL singular inverse
q = "invert this for me: [[1,2,3],[2,4,6],[1,0,1]]"
A56 = json.loads(q.split(": ", 1)[1]); assert A56 == [[1, 2, 3], [2, 4, 6], [1, 0, 1]]
assert sp.Matrix(A56).det() == 0 and det3(A56) == 0 and sp.Matrix(A56).rank() == 2
add(4, q, "Refuse: row 2 is twice row 1, the determinant is 0 and the matrix has no inverse.", ["matrix"], [], why="singular matrix (row2 = 2*row1, det 0)")

# ======================= KIND 5: named tests =======================
# g57 Mann-Whitney exact
g1 = R(rng.normal(5.3, 0.6, 7), 2); g2 = R(rng.normal(4.6, 0.6, 8), 2)
q = f"Mann-Whitney please (exact p, two-sided).\nbatch A: {', '.join(map(str, g1))}\nbatch B: {', '.join(map(str, g2))}"
assert fl(q.splitlines()[1].split(":")[1]) == g1 and fl(q.splitlines()[2].split(":")[1]) == g2 and len(set(g1 + g2)) == 15
r = st.mannwhitneyu(g1, g2, method="exact", alternative="two-sided")
U = sum((a > b) + 0.5 * (a == b) for a in g1 for b in g2)
def mw_counts(m, n):  # number of arrangements with U=u
    from functools import lru_cache
    @lru_cache(None)
    def f(u, m, n):
        if u < 0: return 0
        if m == 0 or n == 0: return 1 if u == 0 else 0
        return f(u - n, m - 1, n) + f(u, m, n - 1)
    return [f(u, m, n) for u in range(m * n + 1)]
cn = mw_counts(7, 8); tot = sum(cn); Um = max(U, 56 - U)
add(5, q, "Exact two-sided Mann-Whitney test of batch A vs batch B (U for A).", ["mann_whitney"],
    [X("U_A", r.statistic, U), X("p", r.pvalue, min(1, 2 * sum(cn[int(Um):]) / tot), p=True)])

# g58 Wilcoxon signed-rank exact
pre = R(rng.normal(142, 9, 10), 1); post = R(np.array(pre) - rng.normal(4, 6, 10), 1)
q = "Systolic BP before / after the 4-week programme, same 10 volunteers:\n" + "\n".join(f"{a} / {b}" for a, b in zip(pre, post)) + "\nWilcoxon signed-rank test, two-sided, exact."
pr = [fl(l) for l in q.splitlines()[1:11]]; assert [a for a, _ in pr] == pre and [b for _, b in pr] == post
dd = [round(a - b, 1) for a, b in zip(pre, post)]; assert 0 not in dd and len(set(map(abs, dd))) == 10
r = st.wilcoxon(pre, post, method="exact")
rk = {v: i + 1 for i, v in enumerate(sorted(map(abs, dd)))}; Wp = sum(rk[abs(v)] for v in dd if v > 0); Wm = 55 - Wp
cnt_ = [0] * 56; cnt_[0] = 1
for kk in range(1, 11):
    for s in range(55, kk - 1, -1): cnt_[s] += cnt_[s - kk]
add(5, q, "Exact Wilcoxon signed-rank test on before-after differences; statistic min(W+, W-), two-sided p.", ["wilcoxon_signed_rank"],
    [I("W", int(r.statistic), min(Wp, Wm)), X("p", r.pvalue, min(1, 2 * sum(cnt_[:min(Wp, Wm) + 1]) / 1024), p=True)])

# g59 Kruskal-Wallis
K = [R(rng.normal(m, 1.0, k), 2) for m, k in ((10.0, 6), (11.1, 7), (10.4, 6))]
q = f"Kruskal-Wallis on these three catalysts' yields?\ncat-1 {K[0]}\ncat-2 {K[1]}\ncat-3 {K[2]}"
assert [fl(l.split(" ", 1)[1]) for l in q.splitlines()[1:]] == K
r = st.kruskal(*K); allk = sorted(v for g_ in K for v in g_); Nk = len(allk)
rank = {v: np.mean([i + 1 for i, w in enumerate(allk) if w == v]) for v in allk}
Hh = 12 / (Nk * (Nk + 1)) * sum(sum(rank[v] for v in g_) ** 2 / len(g_) for g_ in K) - 3 * (Nk + 1)
ties = [allk.count(v) for v in set(allk)]; Hh /= 1 - sum(t ** 3 - t for t in ties) / (Nk ** 3 - Nk)
add(5, q, "Kruskal-Wallis H (tie-corrected) across the three catalysts, chi-square 2 df p.", ["kruskal_wallis"],
    [X("H", r.statistic, Hh), X("p", r.pvalue, chip(Hh, 2), p=True)])

# g60 Friedman
Fb = [R(rng.normal([20, 21, 20.6, 21.5], 0.8), 2) for _ in range(6)]
for b in Fb:  # break within-block ties deterministically (+0.01) so no tie correction is needed
    for j in range(4):
        while b[j] in b[:j]: b[j] = round(b[j] + 0.01, 2)
q = "Friedman test - 6 judges (blocks) each scored 4 recipes:\n\njudge  R1    R2    R3    R4\n" + "\n".join(f"J{i+1}     " + "  ".join(f"{v:.2f}" for v in b) for i, b in enumerate(Fb)) + "\n\nstatistic and p"
pr = [fl(l)[1:] for l in q.split("\n\n")[1].splitlines()[1:]]; assert pr == Fb and all(len(set(b)) == 4 for b in Fb)
r = st.friedmanchisquare(*[[b[j] for b in Fb] for j in range(4)])
Rj = [sum(sorted(b).index(b[j]) + 1 for b in Fb) for j in range(4)]; Qh = 12 / (6 * 4 * 5) * sum(v * v for v in Rj) - 3 * 6 * 5
add(5, q, "Friedman rank test of 4 recipes over 6 judges: chi-square statistic (3 df) and p.", ["friedman"],
    [X("chi2_F", r.statistic, Qh), X("p", r.pvalue, chip(Qh, 3), p=True)])

# g61 sign test
v61 = R(rng.normal(10.5, 0.8, 14), 1); v61[3] = 10.0
q = f"sign test: is the median cure time different from 10.0 h?  data: {'  '.join(map(str, v61))}"
assert fl(q.split("data:")[1]) == v61
kp = sum(v > 10 for v in v61); nt = sum(v != 10 for v in v61)
r = st.binomtest(int(kp), int(nt), 0.5); km = min(kp, nt - kp)
add(5, q, "Exact two-sided sign test of median = 10.0 with values equal to 10.0 dropped.", ["sign_test"],
    [I("n_used", int(nt), len([v for v in v61 if v != 10.0])), X("p", r.pvalue, min(1, 2 * sum(math.comb(nt, i) for i in range(km + 1)) / 2 ** nt), p=True)])

# g62 Brown-Forsythe Levene
L = [R(rng.normal(50, s, 8), 1) for s in (1.0, 2.2, 1.4)]
q = "Levene's test, the Brown-Forsythe (median-centred) version, for equal spread across 3 machines\nM1: " + ", ".join(map(str, L[0])) + "\nM2: " + ", ".join(map(str, L[1])) + "\nM3: " + ", ".join(map(str, L[2]))
assert [fl(l.split(":")[1]) for l in q.splitlines()[1:]] == L
r = st.levene(*L, center="median"); zz = [[abs(v - float(np.median(g_))) for v in g_] for g_ in L]; h = anova_hand(zz)
add(5, q, "Brown-Forsythe test: one-way ANOVA on absolute deviations from group medians.", ["levene"], [X("W", r.statistic, h[0]), X("p", r.pvalue, h[1], p=True)])

# g63 Bartlett
B = [R(rng.normal(12, s, k), 2) for s, k in ((0.3, 7), (0.5, 8), (0.25, 6))]
q = "Bartlett's test for homogeneity of variances:\n" + "\n".join(f"lab {i+1}: " + " ".join(map(str, b)) for i, b in enumerate(B))
assert [fl(l.split(":")[1]) for l in q.splitlines()[1:]] == B
r = st.bartlett(*B); ni = [len(b) for b in B]; vi = [np.var(b, ddof=1) for b in B]; Nn = sum(ni); k_ = 3
spp = sum((a - 1) * v for a, v in zip(ni, vi)) / (Nn - k_)
Th = ((Nn - k_) * math.log(spp) - sum((a - 1) * math.log(v) for a, v in zip(ni, vi))) / (1 + (sum(1 / (a - 1) for a in ni) - 1 / (Nn - k_)) / (3 * (k_ - 1)))
add(5, q, "Bartlett's test of equal variances across the 3 labs: statistic (2 df) and p.", ["variance_test"], [X("T", r.statistic, Th), X("p", r.pvalue, chip(Th, 2), p=True)])

# g64 F test two variances
f1 = R(rng.normal(30, 1.9, 10), 2); f2 = R(rng.normal(30, 1.0, 9), 2)
q = f"F-test for two variances (two-sided), old process vs new:\nold = [{', '.join(map(str, f1))}]\nnew = [{', '.join(map(str, f2))}]\nratio as var(old)/var(new)."
assert json.loads(q.splitlines()[1].split("= ")[1]) == f1 and json.loads(q.splitlines()[2].split("= ")[1]) == f2
Fl = np.var(f1, ddof=1) / np.var(f2, ddof=1); pl = 2 * min(st.f.cdf(Fl, 9, 8), st.f.sf(Fl, 9, 8))
m1_, m2_ = sum(f1) / 10, sum(f2) / 9; Fh = (sum((v - m1_) ** 2 for v in f1) / 9) / (sum((v - m2_) ** 2 for v in f2) / 8); up = fp(Fh, 9, 8)
add(5, q, "F = s_old^2/s_new^2 on (9, 8) df, two-sided p = 2*min tail.", ["variance_test"], [X("F", Fl, Fh), X("p", pl, 2 * min(up, 1 - up), p=True)])

# g65 Anderson-Darling
v65 = R(rng.gamma(4.0, 1.2, 25), 2)
q = "Anderson-Darling normality test on these 25 cycle times - report the A-squared statistic (unadjusted) and the p-value:\n" + " ".join(map(str, v65))
assert fl(q.splitlines()[1]) == v65
Al, pl = normal_ad(np.array(v65)); zs = sorted((v - sum(v65) / 25) / math.sqrt(sum((w - sum(v65) / 25) ** 2 for w in v65) / 24) for v in v65)
Ah = -25 - sum((2 * i + 1) * (math.log(Phi(zs[i])) + math.log(1 - Phi(zs[24 - i]))) for i in range(25)) / 25
aa = Ah * (1 + 0.75 / 25 + 2.25 / 625)
ph = (math.exp(1.2937 - 5.709 * aa + 0.0186 * aa ** 2) if aa >= 0.6 else math.exp(0.9177 - 4.279 * aa - 1.38 * aa ** 2) if aa > 0.34
      else 1 - math.exp(-8.318 + 42.796 * aa - 59.938 * aa ** 2) if aa > 0.2 else 1 - math.exp(-13.436 + 101.14 * aa - 223.73 * aa ** 2))
add(5, q, "Anderson-Darling test for normality (mean and SD estimated): unadjusted A^2 and p from the adjusted statistic.", ["normality"],
    [X("A2", Al, Ah), X("p", pl, ph, p=True)])

# g66 Pearson
x66 = R(rng.uniform(1, 10, 12), 1); y66 = R(2 + 0.35 * np.array(x66) + rng.normal(0, 1.1, 12), 1)
q = "Pearson correlation between hours of training (x) and test score gain (y):\nx: " + " ".join(map(str, x66)) + "\ny: " + " ".join(map(str, y66)) + "\nr and its p value"
assert fl(q.splitlines()[1][2:]) == x66 and fl(q.splitlines()[2][2:]) == y66
r = st.pearsonr(x66, y66); mx, my = sum(x66) / 12, sum(y66) / 12
rh = sum((a - mx) * (b - my) for a, b in zip(x66, y66)) / math.sqrt(sum((a - mx) ** 2 for a in x66) * sum((b - my) ** 2 for b in y66)); th = rh * math.sqrt(10 / (1 - rh * rh))
add(5, q, "Pearson r of x and y with the t-test (10 df) p-value.", ["correlation"], [X("r", r.statistic, rh), X("p", r.pvalue, tp(th, 10), p=True)])

# g67 Spearman
x67 = R(rng.uniform(0, 100, 11), 1); y67 = R(np.array(x67) * 0.03 + rng.normal(0, 1.2, 11), 2)
q = "spearman rank correlation?\n\nline_speed  defects_per_km\n" + "\n".join(f"{a:<10}  {b}" for a, b in zip(x67, y67))
pr = [fl(l) for l in q.split("\n\n")[1].splitlines()[1:]]; assert [a for a, _ in pr] == x67 and [b for _, b in pr] == y67
assert len(set(x67)) == 11 and len(set(y67)) == 11
r = st.spearmanr(x67, y67); rx = [sorted(x67).index(v) + 1 for v in x67]; ry = [sorted(y67).index(v) + 1 for v in y67]
rho = 1 - 6 * sum((a - b) ** 2 for a, b in zip(rx, ry)) / (11 * 120); th = rho * math.sqrt(9 / (1 - rho * rho))
add(5, q, "Spearman rho between line speed and defects (no ties) with the t-approximation p (9 df).", ["correlation"], [X("rho", r.statistic, rho), X("p", r.pvalue, tp(th, 9), p=True)])

# g68 Fisher exact
fa, fb, fc, fd = 2, int(rng.integers(9, 13)), int(rng.integers(7, 10)), int(rng.integers(5, 9))
q = (f"Fisher's exact test, two-sided. Coating failures after salt spray:\n\n"
     f"| coating | failed | passed |\n|---|---|---|\n| new | {fa} | {fb} |\n| old | {fc} | {fd} |")
pr = [fl(l) for l in q.split("\n\n")[1].splitlines()[2:]]; assert pr == [[fa, fb], [fc, fd]]
r = st.fisher_exact([[fa, fb], [fc, fd]])
r1, c1, N68 = fa + fb, fa + fc, fa + fb + fc + fd
def hg(a): return math.comb(c1, a) * math.comb(N68 - c1, r1 - a) / math.comb(N68, r1)
p0 = hg(fa); ph = sum(hg(a) for a in range(max(0, r1 + c1 - N68), min(r1, c1) + 1) if hg(a) <= p0 * (1 + 1e-7))
add(5, q, "Fisher's exact test on the 2x2 coating-by-outcome table, two-sided p (sum of tables no more likely than observed) and sample odds ratio.", ["proportion_test"],
    [X("p", r.pvalue, ph, p=True), X("odds_ratio", r.statistic, fa * fd / (fb * fc))])

# g69 Kendall tau-b
x69 = R(rng.normal(50, 10, 10), 1); y69 = R(0.4 * np.array(x69) + rng.normal(0, 4.5, 10), 1)
q = "Kendall's tau-b between the two inspectors' scores (exact p, n is small):\n" + "\n".join(f"item {i+1}: {a}, {b}" for i, (a, b) in enumerate(zip(x69, y69)))
pr = [fl(l.split(":")[1]) for l in q.splitlines()[1:]]; assert [a for a, _ in pr] == x69 and [b for _, b in pr] == y69
assert len(set(x69)) == 10 and len(set(y69)) == 10
r = st.kendalltau(x69, y69, method="exact")
con = sum(1 for i in range(10) for j in range(i + 1, 10) if (x69[i] - x69[j]) * (y69[i] - y69[j]) > 0); dis = 45 - con
mah = [1]
for kk in range(2, 11):
    new_ = [0] * (len(mah) + kk - 1)
    for i, v in enumerate(mah):
        for j in range(kk): new_[i + j] += v
    mah = new_
add(5, q, "Kendall tau-b (no ties, equals tau-a) with exact two-sided p from the permutation distribution.", ["correlation"],
    [X("tau", r.statistic, (con - dis) / 45), X("p", r.pvalue, min(1, 2 * sum(mah[:min(con, dis) + 1]) / math.factorial(10)), p=True)])

# g70 REFUSAL: paired t with unequal lengths and no ids
b70 = R(rng.normal(88, 3, 8), 1); a70 = R(rng.normal(86, 3, 7), 1)
q = f"paired t test on torque, same bolts before and after re-torque:\nbefore {', '.join(map(str, b70))}\nafter {', '.join(map(str, a70))}"
pb_, pa_ = fl(q.splitlines()[1]), fl(q.splitlines()[2]); assert pb_ == b70 and pa_ == a70 and len(pb_) != len(pa_)
add(5, q, "Refuse: 8 before values but 7 after values with no bolt IDs, so the pairs cannot be formed and a paired t-test is impossible.", ["t_test"], [],
    why="paired test with 8 vs 7 values and no identifiers: pairing impossible")

# ======================= sanity & output =======================
assert [q_["id"] for q_ in Q] == [f"g{i:02d}" for i in range(1, 71)]
assert [q_["kind"] for q_ in Q] == [k for k in range(1, 6) for _ in range(14)]
assert len({q_["question"] for q_ in Q}) == 70
for q_ in Q:
    assert set(q_["tools"]) <= TOOLS and "dsl_run" in q_["tools"], q_["id"]
    if q_["refuse"]: assert q_["expect"] == []
    else: assert 1 <= len(q_["expect"]) <= 3 and all(e_["value"] != 0 for e_ in q_["expect"]), q_["id"]
ref = [q_ for q_ in Q if q_["refuse"]]; assert len(ref) == 7
out = os.path.join(HERE, "round37.jsonl")
with open(out, "w") as fh:
    for q_ in Q: fh.write(json.dumps({k: v for k, v in q_.items() if k != "_why"}, ensure_ascii=False) + "\n")
md5 = hashlib.md5(open(out, "rb").read()).hexdigest()
meta = dict(round=37, seed=37373737, n=70, counts_per_kind={str(k): sum(q_["kind"] == k for q_ in Q) for k in range(1, 6)},
            refusals=[dict(id=q_["id"], kind=q_["kind"], reason=q_["_why"]) for q_ in ref], md5_round37_jsonl=md5)
json.dump(meta, open(os.path.join(HERE, "round37_meta.json"), "w"), indent=1)
print("OK", md5, meta["counts_per_kind"], [q_["id"] for q_ in ref])
