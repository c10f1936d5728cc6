"""Blind round 14: questions and independent expectations, written by a helper who had not read the planner.

Run: python tests/data/blind/make_round14.py [dev|holdout|all]   (writes round14_dev.jsonl / round14_holdout.jsonl here)
Every expected number is computed here with numpy/scipy/statsmodels/sympy."""
import json, sys, math
from pathlib import Path
import numpy as np
from scipy import stats
import sympy as sp
import statsmodels.api as sm
from statsmodels.stats.proportion import proportions_ztest

R = lambda v, k=6: float(round(float(v), k))

# ---------- helpers ----------
def E(what, value, rel=0.01):
    return {"what": what, "value": R(value), "rel": rel}
def X(what, expr):
    return {"what": what, "expr": str(expr)}
def runs(n):
    return {"what": "runs", "runs": int(n)}

def ttest1(x, mu):
    r = stats.ttest_1samp(x, mu); return [E("t statistic", r.statistic, 0.005), E("p-value", r.pvalue, 0.02)]
def paired(a, b):
    r = stats.ttest_rel(a, b); return [E("t statistic (first minus second)", r.statistic, 0.005), E("p-value", r.pvalue, 0.02)]
def welch(a, b):
    r = stats.ttest_ind(a, b, equal_var=False); return [E("Welch t statistic", r.statistic, 0.005), E("p-value", r.pvalue, 0.02)]
def pooled(a, b):
    r = stats.ttest_ind(a, b, equal_var=True); return [E("pooled t statistic", r.statistic, 0.005), E("p-value", r.pvalue, 0.02)]
def mwu(a, b):
    r = stats.mannwhitneyu(a, b, alternative="two-sided", method="exact")
    u1 = r.statistic; u = min(u1, len(a)*len(b)-u1)
    pa = stats.mannwhitneyu(a, b, alternative="two-sided", method="asymptotic", use_continuity=True).pvalue
    return [E("U statistic (smaller U)", u, 0.001), E(f"p-value (exact, two-sided; normal approx. with continuity would give {pa:.4f})", r.pvalue, 0.05)]
def wsr(a, b=None):
    d = np.array(a) - (np.array(b) if b is not None else 0)
    r = stats.wilcoxon(d, method="exact")
    pa = stats.wilcoxon(d, method="approx", correction=True).pvalue
    return [E("W statistic (smaller rank sum)", r.statistic, 0.001), E(f"p-value (exact, two-sided; normal approx. with continuity would give {pa:.4f})", r.pvalue, 0.05)]
def kw(*g):
    r = stats.kruskal(*g); return [E("H statistic", r.statistic, 0.005), E("p-value", r.pvalue, 0.02)]
def gof(obs, exp=None):
    r = stats.chisquare(obs, exp); return [E("chi-square statistic", r.statistic, 0.005), E("p-value", r.pvalue, 0.02)]
def indep(tab):
    c, p, dof, _ = stats.chi2_contingency(np.array(tab), correction=False)
    return [E("chi-square statistic (no Yates)", c, 0.005), E("p-value", p, 0.02), E("degrees of freedom", dof, 0)]
def linreg(x, y):
    r = stats.linregress(x, y); return [E("slope", r.slope, 0.002), E("intercept", r.intercept, 0.002), E("R-squared", r.rvalue**2, 0.005)]
def mlr(X_, y, names):
    m = sm.OLS(np.array(y, float), sm.add_constant(np.array(X_, float))).fit()
    out = [E("intercept", m.params[0], 0.002)] + [E(f"coefficient of {n}", c, 0.002) for n, c in zip(names, m.params[1:])]
    return out[:3]
def anova1(*g):
    r = stats.f_oneway(*g); return [E("F statistic", r.statistic, 0.005), E("p-value", r.pvalue, 0.02)]
def pchart(defective, n):
    d = np.array(defective, float); n = np.array(n, float); pbar = d.sum()/n.sum()
    out = [E("p-bar (centre line)", pbar, 0.002)]
    if np.all(n == n[0]):
        s = math.sqrt(pbar*(1-pbar)/n[0]); out += [E("UCL", pbar+3*s, 0.005), E("LCL", max(0, pbar-3*s), 0.01)]
    else:
        i = int(np.argmin(n)); s = math.sqrt(pbar*(1-pbar)/n[i]); out += [E(f"UCL for the sample of size {int(n[i])}", pbar+3*s, 0.005)]
    return out
def npchart(defective, n):
    pbar = sum(defective)/(n*len(defective)); c = n*pbar; s = math.sqrt(n*pbar*(1-pbar))
    return [E("np-bar (centre line)", c, 0.002), E("UCL", c+3*s, 0.005), E("LCL", max(0, c-3*s), 0.01)]
def cchart(c):
    cb = np.mean(c); return [E("c-bar (centre line)", cb, 0.002), E("UCL", cb+3*math.sqrt(cb), 0.005), E("LCL", max(0, cb-3*math.sqrt(cb)), 0.01)]
def uchart(defects, units):
    ub = sum(defects)/sum(units); i = int(np.argmin(units))
    return [E("u-bar (centre line)", ub, 0.002), E(f"UCL for the sample of {units[i]} units", ub+3*math.sqrt(ub/units[i]), 0.005)]
A2 = {2: 1.880, 3: 1.023, 4: 0.729, 5: 0.577, 6: 0.483}
D4 = {2: 3.267, 3: 2.574, 4: 2.282, 5: 2.114, 6: 2.004}
D2 = {2: 1.128, 3: 1.693, 4: 2.059, 5: 2.326, 6: 2.534}
def xbar_r(flat, n):
    g = np.array(flat, float).reshape(-1, n); xbb = g.mean(1).mean(); rb = np.ptp(g, 1).mean()
    return [E("grand mean (X-bar centre line)", xbb, 0.001), E("X-bar UCL", xbb+A2[n]*rb, 0.001), E("R-bar", rb, 0.002)]
def imr(x):
    x = np.array(x, float); mr = np.abs(np.diff(x)).mean(); m = x.mean()
    return [E("mean (I centre line)", m, 0.001), E("I chart UCL", m+3*mr/1.128, 0.002), E("MR-bar", mr, 0.002)]
def ppk(x, lsl, usl):
    x = np.array(x, float); m, s = x.mean(), x.std(ddof=1)
    return [E("Pp", (usl-lsl)/(6*s), 0.01), E("Ppk", min(usl-m, m-lsl)/(3*s), 0.01)]
def cpk_sub(flat, n, lsl, usl):
    g = np.array(flat, float).reshape(-1, n); m = g.mean(); s = np.ptp(g, 1).mean()/D2[n]
    return [E("Cp (sigma within = R-bar/d2)", (usl-lsl)/(6*s), 0.01), E("Cpk (sigma within = R-bar/d2)", min(usl-m, m-lsl)/(3*s), 0.01)]
def cap_summary(m, s, lsl=None, usl=None):
    out = []
    if lsl is not None and usl is not None: out.append(E("Cp", (usl-lsl)/(6*s), 0.005))
    k = [v for v in [(usl-m)/(3*s) if usl is not None else None, (m-lsl)/(3*s) if lsl is not None else None] if v is not None]
    out.append(E("Cpk", min(k), 0.005)); return out
def twoprop(x1, n1, x2, n2):
    z, p = proportions_ztest([x1, x2], [n1, n2]); return [E("z statistic (pooled)", z, 0.005), E("p-value", p, 0.02)]
def oneprop(x, n, p0):
    z = (x/n - p0)/math.sqrt(p0*(1-p0)/n); p = 2*stats.norm.sf(abs(z))
    return [E("z statistic (SE from p0)", z, 0.005), E("p-value (normal approximation)", p, 0.03)]  # exact binomial p (stats.binomtest) is noted in the question intent instead
def fisher(tab):
    o, p = stats.fisher_exact(tab); return [E("p-value (two-sided Fisher exact)", p, 0.02), E("sample odds ratio (ad/bc)", o, 0.01)]
def curvature(yf, yc):
    yf, yc = np.array(yf, float), np.array(yc, float); nf, nc = len(yf), len(yc)
    ss = nf*nc*(yf.mean()-yc.mean())**2/(nf+nc); mse = yc.var(ddof=1); F = ss/mse
    return [E("SS curvature", ss, 0.005), E("F for curvature (vs pure error)", F, 0.01), E("p-value", stats.f.sf(F, 1, nc-1), 0.03)]
x, y, z, t = sp.symbols("x y z t")
def S(e): return sp.sympify(e)

def fmt(v): return ", ".join(f"{a:g}" for a in v)
def Q(id, kind, question, intent, tools, expect, refuse=False):
    return {"id": id, "kind": kind, "question": question, "intent": intent, "tools": tools, "expect": expect, "refuse": refuse}

# =====================================================================
# DEV SET
# =====================================================================
def dev():
    L = []
    # ---------- kind 1: tables ----------
    ids = ["W01","W02","W03","W04","W05","W06","W07","W08"]
    bef = [88.2, 91.5, 79.4, 85.0, 93.1, 82.7, 87.9, 90.3]
    aft = [85.1, 89.9, 78.8, 82.2, 90.0, 82.9, 84.6, 88.1]
    csv = "welder,before,after\n" + "\n".join(f"{i},{a},{b}" for i, a, b in zip(ids, bef, aft))
    L.append(Q("d01", 1, f"Did the new fixture change cycle time? Each welder was timed before and after (seconds):\n{csv}",
        "paired t-test on before vs after per welder (8 pairs); first column is a row label, not data", ["t_test"], paired(bef, aft)))
    obs = {"Mon": 18, "Tue": 12, "Wed": 15, "Thu": 9, "Fri": 26}
    L.append(Q("d02", 1, "breakdowns by weekday last quarter, are they evenly spread?\n" + "\n".join(f"{k} -> {v}" for k, v in obs.items()),
        "chi-square goodness of fit of the 5 counts against equal expected counts", ["chi_square"], gof(list(obs.values()))))
    obs3 = [52, 31, 17]; p3 = [0.5, 0.35, 0.15]
    L.append(Q("d03", 1, "Our historic mix of customer complaints is 50% packaging, 35% labelling, 15% damage. This year:\npackaging: 52\nlabelling: 31\ndamage: 17\nHas the mix shifted?",
        "chi-square goodness of fit: observed 52,31,17 vs expected 100*(0.5,0.35,0.15)", ["chi_square"], gof(obs3, [100*p for p in p3])))
    insp = [120, 150, 135, 160, 110, 145, 130, 155]; dfc = [6, 9, 5, 11, 4, 8, 7, 10]
    tbl = "| lot | inspected | defective |\n|---|---|---|\n" + "\n".join(f"| {1001+i} | {a} | {b} |" for i, (a, b) in enumerate(zip(insp, dfc)))
    L.append(Q("d04", 1, f"Set up a control chart for the fraction defective:\n{tbl}",
        "p chart with varying sample sizes: pbar = total defective / total inspected; limits per lot (lot numbers are labels)", ["control_chart"], pchart(dfc, insp)))
    units = [5, 8, 6, 10, 7, 4, 9, 6]; dft = [12, 17, 11, 26, 15, 9, 20, 13]
    L.append(Q("d05", 1, "units,defects\n" + "\n".join(f"{a},{b}" for a, b in zip(units, dft)) + "\nwhich chart and what are the limits? (each row = one day, units = number of PCBs inspected)",
        "u chart: ubar = sum defects / sum units; limits vary with units; smallest-sample UCL", ["control_chart"], uchart(dft, units)))
    temp = [150, 160, 170, 180, 190, 200, 210]; yld = [61.2, 64.8, 67.1, 71.5, 73.0, 77.9, 80.2]
    L.append(Q("d06", 1, "temp_C\tyield_pct\n" + "\n".join(f"{a}\t{b}" for a, b in zip(temp, yld)) + "\nhow does yield depend on temperature?",
        "simple linear regression of yield_pct on temp_C", ["regression"], linreg(temp, yld)))
    tab = [[42, 18, 10], [35, 25, 20], [20, 30, 25]]
    L.append(Q("d07", 1, "Is defect type related to shift?\n\n| shift | scratch | dent | crack |\n|-------|---------|------|-------|\n| day | 42 | 18 | 10 |\n| swing | 35 | 25 | 20 |\n| night | 20 | 30 | 25 |",
        "chi-square test of independence on the 3x3 contingency table (row/col labels are not data)", ["chi_square"], indep(tab)))
    ppl = ["ann", "bo", "cy", "dee", "ed", "flo", "gus"]; le = [31.2, 28.4, 35.1, 30.0, 27.7, 33.6, 29.9]; ri = [32.5, 29.9, 35.0, 31.8, 28.1, 35.2, 31.0]
    L.append(Q("d08", 1, "grip strength kg, left vs right hand, same people\nperson\tleft\tright\n" + "\n".join(f"{a}\t{b}\t{c}" for a, b, c in zip(ppl, le, ri)) + "\nis there a difference between hands?",
        "paired t-test left vs right (7 pairs)", ["t_test"], paired(le, ri)))
    dd = [4, 7, 3, 6, 9, 5, 2, 8, 6, 5]
    L.append(Q("d09", 1, "We inspect 200 connectors from every shipment.\nshipment,defective\n" + "\n".join(f"S{i+1},{v}" for i, v in enumerate(dd)) + "\nI need an np chart.",
        "np chart with n = 200 constant", ["control_chart"], npchart(dd, 200)))
    cure = [10, 15, 20, 10, 15, 20, 10, 15, 20]; tmp = [120, 120, 120, 140, 140, 140, 160, 160, 160]; strg = [30.1, 33.4, 35.2, 33.0, 36.9, 38.1, 35.8, 39.6, 41.7]
    L.append(Q("d10", 1, "cure_min,oven_C,strength_MPa\n" + "\n".join(f"{a},{b},{c}" for a, b, c in zip(cure, tmp, strg)) + "\nFit strength as a function of cure time and oven temperature.",
        "multiple linear regression strength ~ cure_min + oven_C", ["regression"], mlr(list(zip(cure, tmp)), strg, ["cure_min", "oven_C"])))
    L.append(Q("d11", 1, "a,b,c\n2.1,4.4,9.0\n2.5,5.1,8.1\n3.0,5.9,7.7\n3.3,6.8,6.9\n3.9,7.5,6.2\nfit a regression please",
        "refuse/ask: three unnamed numeric columns and no statement which one is the response (or which predictors)", ["regression"], [], True))
    tab2 = [[188, 12], [141, 9], [170, 30]]
    L.append(Q("d12", 1, "supplier\tpass\tfail\nAcme\t188\t12\nBolt\t141\t9\nCorex\t170\t30\ndoes the failure rate depend on supplier?",
        "chi-square independence on 3x2 table (supplier x pass/fail)", ["chi_square"], indep(tab2)))
    # ---------- kind 2: wording ----------
    a = [12.1, 11.8, 12.4, 12.0, 11.9, 12.3]; b = [12.9, 11.2, 13.5, 12.0, 13.8, 11.6, 12.7]
    L.append(Q("d13", 2, f"Line A: {fmt(a)}\nLine B: {fmt(b)}\nAre the means different? don't assume equal variances, B is clearly noisier.",
        "Welch two-sample t-test A vs B", ["t_test"], welch(a, b)))
    a = [3.2, 4.1, 2.8, 5.9, 3.5, 3.0]; b = [6.4, 5.2, 7.9, 4.8, 12.5, 6.1]
    L.append(Q("d14", 2, f"Settling time (ms) for two controller tunings. Tuning 1: {fmt(a)}. Tuning 2: {fmt(b)}. The data are skewed so we can't assume normality - is there a difference?",
        "rank test (Mann-Whitney / Wilcoxon rank-sum) of tuning 1 vs 2, exact two-sided", ["mann_whitney"], mwu(a, b)))
    d = [25.03, 25.01, 24.98, 25.06, 25.04, 25.02, 25.05, 24.99, 25.03, 25.04]
    L.append(Q("d15", 2, f"Bore diameter nominal is 25.00 mm. Sampled parts: {fmt(d)}. Is the process centred on nominal?",
        "one-sample t-test of the 10 values against mu0 = 25.00", ["t_test"], ttest1(d, 25.00)))
    d = [12.4, 11.9, 12.6, 14.9, 12.2, 12.8, 12.1, 12.5]
    dx = [v for v in d if v != 14.9]
    L.append(Q("d16", 2, f"Readings: {fmt(d)}. The 14.9 was a transcription error, leave it out. Then test whether the mean differs from 12.",
        "drop 14.9, one-sample t-test of remaining 7 values vs 12", ["t_test"], ttest1(dx, 12)))
    c = [3, 5, 2, 6, 4, 7, 3, 5, 4, 2, 6, 5]
    L.append(Q("d17", 2, f"Number of paint defects found on each car body (one body per sample): {fmt(c)}. Control limits?",
        "c chart (counts of defects per constant inspection unit)", ["control_chart"], cchart(c)))
    sq = [2.0, 3.5, 1.5, 2.5, 3.0, 2.0]; dq = [7, 11, 4, 9, 12, 5]
    L.append(Q("d18", 2, "Fabric rolls are different lengths so we count flaws per 100 m. Roll lengths (hundreds of metres): " + fmt(sq) + "; flaws found: " + fmt(dq) + ". What chart and limits?",
        "u chart with varying units (roll length in 100 m)", ["control_chart"], uchart(dq, sq)))
    d = [9.97, 10.02, 10.05, 9.99, 10.01, 10.04, 9.96, 10.03, 10.00, 10.06, 9.98, 10.02, 10.01, 10.04, 9.99]
    L.append(Q("d19", 2, f"Spec 9.90 - 10.10. Data: {fmt(d)}. Give me the Ppk (overall performance, not within).",
        "Pp and Ppk with overall sample sd (n-1)", ["capability"], ppk(d, 9.90, 10.10)))
    fl = [50.2, 50.5, 49.9, 50.1, 50.4, 50.0, 50.3, 50.6, 49.8, 50.2, 50.1, 50.5, 50.3, 49.9, 50.2, 50.4, 50.0, 50.2, 50.6, 50.1]
    L.append(Q("d20", 2, "Subgroups of 4 (rows):\n" + "\n".join(", ".join(f"{v:g}" for v in fl[i:i+4]) for i in range(0, 20, 4)) + "\nLSL 49.0, USL 51.0. What's Cpk? use within-subgroup sigma from R-bar.",
        "Cp/Cpk with sigma = Rbar/d2 (d2 = 2.059 for n = 4), grand mean", ["capability"], cpk_sub(fl, 4, 49.0, 51.0)))
    yf = [39.3, 40.9, 40.0, 41.5]; yc = [40.3, 40.5, 40.7, 40.2, 40.6]
    L.append(Q("d21", 2, "2^2 factorial, corner runs (-,-) 39.3, (+,-) 40.9, (-,+) 40.0, (+,+) 41.5 and five centre points 40.3, 40.5, 40.7, 40.2, 40.6. Is there curvature?",
        "curvature test (Montgomery): SS_curv = nF nC (ybarF - ybarC)^2/(nF+nC), F vs pure-error MS from the centre points (df 4)", ["doe_anova", "doe_effects", "doe_curvature"], curvature(yf, yc)))
    a = [5.1, 4.8, 5.3, 5.0, 4.9]; b = [5.6, 5.4, 5.9, 5.5, 5.7, 5.3]
    L.append(Q("d22", 2, f"old catalyst {fmt(a)} new catalyst {fmt(b)} - assume equal variance, classic two sample t",
        "pooled Student two-sample t-test", ["t_test"], pooled(a, b)))
    g1 = [2.1, 3.4, 1.9, 8.7, 2.6]; g2 = [4.5, 5.1, 3.9, 12.3, 4.8]; g3 = [6.2, 7.0, 5.8, 15.1, 6.6]
    L.append(Q("d23", 2, f"Repair hours by site.\nsite A: {fmt(g1)}\nsite B: {fmt(g2)}\nsite C: {fmt(g3)}\nnot normal (long tail) so no ANOVA please - do the sites differ?",
        "Kruskal-Wallis on the three groups", ["kruskal_wallis"], kw(g1, g2, g3)))
    L.append(Q("d24", 2, "Cpk for these: 4.98, 5.03, 5.01, 4.97, 5.02, 5.04, 4.99, 5.00. tolerance is +/-0.05",
        "refuse/ask: a tolerance of +/-0.05 without the nominal (or the limits) - spec limits unknown, so capability cannot be computed", ["capability"], [], True))
    # ---------- kind 3: numbers with roles ----------
    L.append(Q("d25", 3, "Need a full factorial for 4 two-level factors (speed, feed, depth, coolant). The furnace only takes 8 runs per day so plan around that.",
        "2^4 full factorial, 16 runs, confounded into 2 blocks of 8 (block = day, confound ABCD); 8 is block size not run budget", ["doe_design"], [runs(16), {"what": "blocks", "value": 2, "rel": 0}]))
    L.append(Q("d26", 3, "full factorial, 2 factors, 3-level each (temperature 60/70/80 and pH 5/6/7)",
        "3^2 full factorial = 9 runs (2 factors at 3 levels, not 3 factors)", ["doe_design"], [runs(9)]))
    L.append(Q("d27", 3, "Design a 2^3 for pressure 2-4 bar, temp 150-180 C, time 20-40 min with 4 centre points",
        "2^3 full factorial + 4 centre points = 12 runs", ["doe_design"], [runs(12)]))
    sh = [20.02, 19.98, 20.05, 20.01, 19.97, 20.04, 20.00, 19.99, 20.06, 20.03, 19.95, 20.01, 20.02, 19.98, 20.00, 20.07, 20.03, 19.99, 20.05, 20.02, 20.01, 19.96, 20.00, 20.04, 19.98]
    L.append(Q("d28", 3, "Every hour the operator measures 5 consecutive shafts (mm). Today's 25 readings in order: " + fmt(sh) + ". X-bar and R chart limits?",
        "X-bar/R chart with subgroup size 5 (5 hourly subgroups); A2 = 0.577", ["control_chart"], xbar_r(sh, 5)))
    v = [50.3, 50.1, 49.8, 50.6, 50.4, 50.2, 50.5, 50.0, 50.3]
    L.append(Q("d29", 3, f"Plant 2 has run 3 presses on this part since 2019. For lot 4471 from press #2 we weighed 9 parts (target 50 g): {fmt(v)}. Is lot 4471 off target?",
        "one-sample t-test of the 9 weights vs 50 g; 2, 3, 2019, 4471 are context", ["t_test"], ttest1(v, 50)))
    L.append(Q("d30", 3, "central composite design, 3 factors, 6 center points, rotatable",
        "CCD: 8 factorial + 6 axial + 6 centre = 20 runs, alpha = 1.682", ["doe_design"], [runs(20), {"what": "axial distance alpha", "value": 1.681793, "rel": 0.001}]))
    L.append(Q("d31", 3, "Box Behnken for 3 factors with 3 centre runs. We have 2 reactors available.",
        "Box-Behnken 3 factors: 12 edge runs + 3 centre = 15 runs; '2 reactors' is context", ["doe_design"], [runs(15)]))
    L.append(Q("d32", 3, "Full factorial: catalyst at 4 levels, solvent at 3 levels, 2 replicates. how many runs and give me the layout",
        "4 x 3 full factorial x 2 replicates = 24 runs", ["doe_design"], [runs(24)]))
    L.append(Q("d33", 3, "half fraction for 5 factors, resolution V, plus 4 centre points",
        "2^(5-1) resolution V (I = ABCDE) = 16 runs + 4 centre = 20", ["doe_design"], [runs(20)]))
    L.append(Q("d34", 3, "2^3 design, but each batch of raw material is only enough for 4 runs",
        "2^3 = 8 runs in 2 blocks of 4 (confound ABC with blocks)", ["doe_design"], [runs(8), {"what": "blocks", "value": 2, "rel": 0}]))
    sf = [[7.2, 7.5, 7.1], [7.4, 7.3, 7.6], [7.0, 7.3, 7.2], [7.5, 7.8, 7.4], [7.3, 7.1, 7.4], [7.6, 7.4, 7.5]]
    L.append(Q("d35", 3, "We have 4 filling machines; on machine 3 we take 3 bottles per shift and record fill (mL over 500).\n" + "\n".join(f"shift {i+1}: " + ", ".join(f"{v:g}" for v in r) for i, r in enumerate(sf)) + "\nXbar-R limits for machine 3?",
        "X-bar/R with n = 3 (6 subgroups), A2 = 1.023; 4 machines and 500 are context", ["control_chart"], xbar_r(sum(sf, []), 3)))
    L.append(Q("d36", 3, "X-bar R chart please, we sample every 2 hours: 12.1 12.4 11.9 12.2 12.0 12.3 12.5 11.8 12.2 12.1 12.4 12.0 11.9 12.3 12.2 12.1 12.0 12.6 12.2 12.3 11.9 12.4 12.1",
        "refuse/ask: subgroup size not given (sampling interval is not a subgroup size) and 23 values do not split evenly", ["control_chart"], [], True))
    # ---------- kind 4: symbolic ----------
    L.append(Q("d37", 4, "∂/∂y of x^2*y^3 + sin(x*y)", "partial derivative w.r.t. y", ["differentiate"], [X("derivative", sp.diff(S("x**2*y**3+sin(x*y)"), y))]))
    L.append(Q("d38", 4, "diferentiate x^3 e^(2x)", "d/dx", ["differentiate"], [X("derivative", sp.diff(S("x**3*exp(2*x)"), x))]))
    L.append(Q("d39", 4, "intergrate x cos x dx", "indefinite integral", ["integrate"], [X("antiderivative (up to a constant)", sp.integrate(S("x*cos(x)"), x))]))
    L.append(Q("d40", 4, "What is the integral of x^2 e^x from 0 to 1?", "definite integral", ["integrate"], [X("exact value", sp.integrate(S("x**2*exp(x)"), (x, 0, 1))), E("numeric", sp.N(sp.integrate(S("x**2*exp(x)"), (x, 0, 1))), 1e-4)]))
    L.append(Q("d41", 4, "lim x->0 sin(3x)/x", "limit", ["limit"], [E("limit", 3, 0)]))
    sol = sp.solve([2*x+3*y-7, x-y-1], [x, y])
    L.append(Q("d42", 4, "solve 2x + 3y = 7, x - y = 1", "2x2 linear system", ["solve", "matrix"], [E("x", sol[x], 1e-6), E("y", sol[y], 1e-6)]))
    sol = sp.solve([x+2*y-z-3, 2*x-y+3*z-9, 3*x+y+z-8], [x, y, z])
    L.append(Q("d43", 4, "x + 2y - z = 3\n2x - y + 3z = 9\n3x + y + z = 8\nfind x, y, z", "3x3 linear system", ["solve", "matrix"], [E("x", sol[x], 1e-6), E("y", sol[y], 1e-6), E("z", sol[z], 1e-6)]))
    L.append(Q("d44", 4, "mixed partial d2f/dxdy for f = x^3 y^2 + e^(x y)", "mixed second partial", ["differentiate"], [X("mixed partial", sp.diff(S("x**3*y**2+exp(x*y)"), x, y))]))
    n = sp.symbols("n")
    L.append(Q("d45", 4, "limit of (1 + 2/n)^n as n goes to infinity", "limit n->oo", ["limit"], [X("limit", sp.limit((1+2/n)**n, n, sp.oo)), E("numeric", math.exp(2), 1e-6)]))
    L.append(Q("d46", 4, "integrate e^(-2x) from 0 to infinity", "improper integral", ["integrate"], [E("value", 0.5, 1e-6)]))
    L.append(Q("d47", 4, "derivative of ln(x^2+1)/x", "d/dx quotient", ["differentiate"], [X("derivative", sp.diff(sp.log(x**2+1)/x, x))]))
    L.append(Q("d48", 4, "can you intergrate the function from my last message between 0 and 2",
        "refuse/ask: no expression given (no prior message in this question)", ["integrate"], [], True))
    # ---------- kind 5: named tests ----------
    a = [14.2, 15.8, 13.9, 16.1, 14.7, 15.0, 13.5]; b = [16.9, 17.4, 15.5, 18.2, 16.6, 17.8, 15.9, 16.3]
    L.append(Q("d49", 5, f"Mann-Whitney test please. Vendor X: {fmt(a)}; Vendor Y: {fmt(b)}", "Mann-Whitney U, two-sided, exact (no ties)", ["mann_whitney"], mwu(a, b)))
    pre = [142, 138, 150, 145, 160, 155, 148, 139, 152, 147]; post = [135, 136, 141, 146, 148, 150, 140, 142, 141, 143]
    L.append(Q("d50", 5, "Wilcoxon signed rank test on blood-pressure-like readings, same 10 rigs pre/post retrofit:\npre  " + " ".join(map(str, pre)) + "\npost " + " ".join(map(str, post)),
        "Wilcoxon signed-rank on pre-post differences, two-sided exact", ["wilcoxon_signed_rank"], wsr(pre, post)))
    a = [0.82, 0.75, 0.91, 0.68, 0.88, 0.79]; b = [0.78, 0.70, 0.85, 0.69, 0.81, 0.74]
    L.append(Q("d51", 5, f"paired t test: gauge 1 = {fmt(a)}, gauge 2 = {fmt(b)} (same six parts, same order)", "paired t-test gauge1 - gauge2", ["t_test"], paired(a, b)))
    g1 = [23, 27, 21, 30, 25]; g2 = [31, 35, 29, 33, 38]; g3 = [22, 26, 28, 24, 20]; g4 = [34, 36, 32, 39, 37]
    L.append(Q("d52", 5, f"Kruskal-Wallis: formulation 1 {fmt(g1)}; formulation 2 {fmt(g2)}; formulation 3 {fmt(g3)}; formulation 4 {fmt(g4)}", "Kruskal-Wallis H over 4 groups", ["kruskal_wallis"], kw(g1, g2, g3, g4)))
    L.append(Q("d53", 5, "Fisher's exact test: new coating 1 failure out of 14 parts, old coating 7 failures out of 13 parts",
        "Fisher exact on [[1,13],[7,6]] two-sided", ["fisher_exact", "proportion_test"], fisher([[1, 13], [7, 6]])))
    L.append(Q("d54", 5, "two proportion z test - line 1 had 38 rejects in 500, line 2 had 61 rejects in 520. same reject rate?",
        "two-proportion z-test, pooled SE, two-sided", ["proportion_test"], twoprop(38, 500, 61, 520)))
    L.append(Q("d55", 5, "Supplier claims at most 2% defective. We found 9 defective in a sample of 250. One-sample proportion test vs 0.02 please (two sided).",
        f"one-sample proportion z-test, p0 = 0.02, x = 9, n = 250 (an exact binomial test gives p = {stats.binomtest(9, 250, 0.02).pvalue:.4f}, also acceptable)", ["proportion_test"], oneprop(9, 250, 0.02)))
    L.append(Q("d56", 5, "process mean 74.2, std dev 0.35, LSL 73.0, USL 75.5 - what are Cp and Cpk?", "capability from summary figures", ["summary_capability", "capability"], cap_summary(74.2, 0.35, 73.0, 75.5)))
    a = [8.1, 7.6, 9.0, 8.4, 7.9]; b = [9.3, 8.8, 9.9, 10.4, 9.6, 8.7]
    L.append(Q("d57", 5, f"wilcoxon rank sum test between batch A ({fmt(a)}) and batch B ({fmt(b)})", "Wilcoxon rank-sum = Mann-Whitney, exact two-sided", ["mann_whitney"], mwu(a, b)))
    L.append(Q("d58", 5, "Tensile spec is min 420 MPa only (no upper limit). Mean 446, sd 7.5. Cpk?", "one-sided capability: Cpk = Cpl = (mean-LSL)/(3 sd); Cp undefined", ["summary_capability", "capability"], cap_summary(446, 7.5, lsl=420)))
    L.append(Q("d59", 5, "Run a Mann-Whitney U on group A: 3.1, 2.9, 3.4, 3.8, 3.0", "refuse/ask: only one group given, the second sample is missing", ["mann_whitney"], [], True))
    L.append(Q("d60", 5, "Cp and Cpk? mean = 10.2, LSL 9, USL 11", "refuse/ask: standard deviation (or data) missing", ["summary_capability", "capability"], [], True))
    return L


def xbar_s(flat, n):
    g = np.array(flat, float).reshape(-1, n); xbb = g.mean(); sb = g.std(1, ddof=1).mean()
    c4 = math.sqrt(2/(n-1))*math.gamma(n/2)/math.gamma((n-1)/2); A3 = 3/(c4*math.sqrt(n))
    return [E("grand mean (X-bar centre line)", xbb, 0.001), E("X-bar UCL", xbb+A3*sb, 0.001), E("S-bar", sb, 0.002)]
def cpk_indiv(x, lsl, usl):
    x = np.array(x, float); m = x.mean(); sw = np.abs(np.diff(x)).mean()/1.128; so = x.std(ddof=1)
    return [E("Cpk (sigma within = MR-bar/1.128)", min(usl-m, m-lsl)/(3*sw), 0.01), E("Ppk (overall sd)", min(usl-m, m-lsl)/(3*so), 0.01)]
def mwu_ties(a, b):
    r = stats.mannwhitneyu(a, b, alternative="two-sided", method="asymptotic", use_continuity=True)
    u1 = r.statistic; u = min(u1, len(a)*len(b)-u1)
    return [E("U statistic (smaller U)", u, 0.001), E("p-value (normal approx., tie-corrected, continuity)", r.pvalue, 0.05)]

# =====================================================================
# HOLDOUT SET
# =====================================================================
def holdout():
    L = []
    # ---------- kind 1 ----------
    sid = ["S-101", "S-102", "S-103", "S-104", "S-105", "S-106", "S-107", "S-108", "S-109"]
    ma = [4.52, 3.87, 5.10, 4.21, 4.95, 3.66, 4.40, 5.31, 4.08]; mb = [4.61, 3.95, 5.12, 4.35, 5.08, 3.70, 4.49, 5.36, 4.22]
    L.append(Q("h01", 1, "sample_id,titration,ICP\n" + "\n".join(f"{a},{b},{c}" for a, b, c in zip(sid, ma, mb)) + "\nBoth methods run on the same samples (mg/L). Do they agree on average?",
        "paired t-test titration vs ICP on 9 samples; sample_id is a label", ["t_test"], paired(ma, mb)))
    jm = {"Filler 1": 14, "Filler 2": 22, "Filler 3": 11, "Filler 4": 17, "Filler 5": 16, "Filler 6": 28}
    L.append(Q("h02", 1, "jams logged per filler head over 4 weeks\n" + "\n".join(f"{k}: {v}" for k, v in jm.items()) + "\nany head jamming more than you'd expect by chance?",
        "chi-square goodness of fit, equal expected across 6 heads (4 weeks is context)", ["chi_square"], gof(list(jm.values()))))
    ph = [("purple round", 301), ("purple wrinkled", 112), ("white round", 95), ("white wrinkled", 36)]
    tot = sum(v for _, v in ph)
    L.append(Q("h03", 1, "Expected ratio 9:3:3:1. Counts:\n" + "\n".join(f"{k} -> {v}" for k, v in ph) + "\nDo the data fit?",
        "chi-square GOF vs expected proportions 9/16, 3/16, 3/16, 1/16 of total", ["chi_square"], gof([v for _, v in ph], [tot*w/16 for w in (9, 3, 3, 1)])))
    nc = [3, 5, 2, 4, 6, 1, 3, 7, 2, 4, 5, 3]
    L.append(Q("h04", 1, "| day | sampled | nonconforming |\n|:--|--:|--:|\n" + "\n".join(f"| {i+1} | 50 | {v} |" for i, v in enumerate(nc)) + "\n\nfraction nonconforming chart limits pls",
        "p chart, constant n = 50", ["control_chart"], pchart(nc, [50]*len(nc))))
    pn = [12, 15, 10, 18, 14, 11, 16]; bl = [27, 41, 19, 52, 30, 22, 45]
    L.append(Q("h05", 1, "batch\tpanels\tblemishes\n" + "\n".join(f"B{i+1}\t{a}\t{b}" for i, (a, b) in enumerate(zip(pn, bl))) + "\nchart for blemishes per panel?",
        "u chart: ubar = total blemishes / total panels; varying n", ["control_chart"], uchart(bl, pn)))
    dose = [0.5, 1.0, 1.5, 2.0, 2.5, 3.0, 3.5, 4.0]; resp = [2.8, 4.1, 5.9, 7.2, 8.4, 10.1, 11.3, 12.9]
    L.append(Q("h06", 1, "| dose (mg) | response |\n|---|---|\n" + "\n".join(f"| {a} | {b} |" for a, b in zip(dose, resp)) + "\nregress response on dose",
        "simple linear regression response ~ dose", ["regression"], linreg(dose, resp)))
    t3 = [[120, 25, 5], [98, 34, 18]]
    L.append(Q("h07", 1, "method,good,rework,scrap\nmanual,120,25,5\nrobot,98,34,18\nIs outcome independent of method?",
        "chi-square independence on 2x3 table", ["chi_square"], indep(t3)))
    lots = ["L-88", "L-89", "L-90", "L-91", "L-92", "L-93"]; l1 = [7.12, 6.95, 7.30, 7.05, 7.21, 6.88]; l2 = [7.20, 7.01, 7.29, 7.16, 7.30, 6.97]
    L.append(Q("h08", 1, "| lot | lab1 | lab2 |\n|-----|------|------|\n" + "\n".join(f"| {a} | {b} | {c} |" for a, b, c in zip(lots, l1, l2)) + "\nis there a bias between the two labs?",
        "paired t-test lab1 vs lab2 (6 lots)", ["t_test"], paired(l1, l2)))
    pr = [1.0, 1.5, 2.0, 2.5, 3.0, 3.5, 4.0]; fl = [10.2, 12.9, 14.8, 17.6, 19.1, 22.3, 24.0]
    L.append(Q("h09", 1, "run,pressure_bar,flow_lpm\n" + "\n".join(f"{i+1},{a},{b}" for i, (a, b) in enumerate(zip(pr, fl))) + "\npredict flow from pressure",
        "simple regression flow ~ pressure; the run column is an index, not a predictor", ["regression"], linreg(pr, fl)))
    t4 = [[45, 30, 25], [30, 40, 30], [20, 35, 45]]
    L.append(Q("h10", 1, "Survey, preferred shift pattern by age band:\n18-30: 45 earlies, 30 lates, 25 nights\n31-45: 30 earlies, 40 lates, 30 nights\n46+: 20 earlies, 35 lates, 45 nights\nIs preference associated with age?",
        "chi-square independence on 3x3 table written as labelled rows", ["chi_square"], indep(t4)))
    wk = [(400, 12), (380, 9), (420, 15), (350, 8), (410, 19), (390, 10)]
    L.append(Q("h11", 1, "\n".join(f"week {i+1}: {d} defective out of {n}" for i, (n, d) in enumerate(wk)) + "\nplot a proportion defective chart",
        "p chart with varying n; pbar = 73/2350", ["control_chart"], pchart([d for _, d in wk], [n for n, _ in wk])))
    c_ = [0.10, 0.20, 0.30, 0.10, 0.20, 0.30, 0.10, 0.20, 0.30, 0.20]; tq = [800, 800, 800, 850, 850, 850, 900, 900, 900, 850]; hd = [52.1, 55.0, 57.8, 53.9, 56.4, 59.5, 55.2, 58.6, 61.0, 56.9]
    L.append(Q("h12", 1, "carbon\ttemper_C\ty_hardness\n" + "\n".join(f"{a}\t{b}\t{c}" for a, b, c in zip(c_, tq, hd)) + "\nmodel hardness with carbon and temper temp",
        "multiple linear regression y_hardness ~ carbon + temper_C", ["regression"], mlr(list(zip(c_, tq)), hd, ["carbon", "temper_C"])))
    L.append(Q("h13", 1, "Test if defect category depends on line:\n\n| line | cosmetic | functional |\n|---|---|---|\n| L1 | 62% | 38% |\n| L2 | 48% | 52% |",
        "refuse/ask: only row percentages, no counts or sample sizes - a chi-square test needs the counts", ["chi_square"], [], True))
    dv = [6, 3, 8, 5, 4, 9, 7, 5, 6, 2, 4, 7]
    L.append(Q("h14", 1, "sample | defectives (n=80 each)\n" + "\n".join(f"{i+1} | {v}" for i, v in enumerate(dv)) + "\nnp chart",
        "np chart with n = 80", ["control_chart"], npchart(dv, 80)))
    # ---------- kind 2 ----------
    a = [101.2, 100.8, 101.5, 100.9, 101.1]; b = [99.5, 103.8, 98.2, 104.9, 100.1, 102.6]
    L.append(Q("h15", 2, f"machine P: {fmt(a)}\nmachine Q: {fmt(b)}\nthese clearly have different spreads so use the unequal-variance version. difference in mean?",
        "Welch t-test P vs Q", ["t_test"], welch(a, b)))
    a = [1.2, 0.8, 2.9, 1.5, 1.1, 0.9, 4.6]; b = [2.2, 3.8, 2.6, 7.9, 3.1, 2.4]
    L.append(Q("h16", 2, f"Particle counts per wafer, cleaner v1 {fmt(a)} vs cleaner v2 {fmt(b)}. Normality is out of the question here, use something distribution-free.",
        "Mann-Whitney / Wilcoxon rank-sum, two-sided exact", ["mann_whitney"], mwu(a, b)))
    o = [31.5, 28.2, 35.0, 30.1, 33.8, 29.4, 36.9, 27.7]; n_ = [29.8, 28.5, 31.1, 29.0, 30.2, 28.9, 32.4, 28.1]
    L.append(Q("h17", 2, f"Same 8 operators, assembly time old jig {fmt(o)} and new jig {fmt(n_)} (same order). The differences aren't normal so don't use a t-test.",
        "Wilcoxon signed-rank on paired differences old - new, exact two-sided", ["wilcoxon_signed_rank"], wsr(o, n_)))
    cr = [3.46, 3.52, 3.41, 3.49, 3.44, 3.47, 3.43, 3.50, 3.45, 3.42, 3.48, 3.44]
    L.append(Q("h18", 2, f"Certified reference material is 3.50 ppm. Our instrument read it 12 times: {fmt(cr)}. Is the instrument biased?",
        "one-sample t-test vs 3.50", ["t_test"], ttest1(cr, 3.50)))
    rv = [98.7, 101.2, 99.5, 100.4, 99.1, 71.0, 100.9, 99.8, 98.9, 100.6]
    L.append(Q("h19", 2, "\n".join(f"run {i+1}: {v}" for i, v in enumerate(rv)) + "\nIgnore run 6, we had a power cut. Does the mean differ from the 100 target?",
        "drop run 6 (71.0), one-sample t-test of 9 values vs 100", ["t_test"], ttest1([v for i, v in enumerate(rv) if i != 5], 100)))
    sc = [2, 4, 1, 3, 5, 2, 6, 3, 2, 4, 3, 1, 5, 2, 3]
    L.append(Q("h20", 2, f"scratches counted on each windscreen coming off the line (one screen inspected per hour): {fmt(sc)}",
        "c chart of defect counts per windscreen", ["control_chart"], cchart(sc)))
    ar = [4.2, 6.0, 5.1, 3.8, 7.5, 5.5, 4.9]; vd = [9, 16, 11, 7, 21, 12, 10]
    L.append(Q("h21", 2, "Coating voids found on panels of different sizes. Areas (m2) " + fmt(ar) + " and voids " + fmt(vd) + " respectively. Want to chart voids per square metre.",
        "u chart with area as the unit; smallest-area UCL", ["control_chart"], uchart(vd, ar)))
    iv = [5.12, 5.08, 5.15, 5.10, 5.05, 5.13, 5.09, 5.16, 5.11, 5.07, 5.14, 5.10, 5.06, 5.12, 5.09]
    L.append(Q("h22", 2, f"Individual measurements in time order: {fmt(iv)}. Spec 4.90 to 5.30. I need both Cpk (short term) and Ppk (long term).",
        "Cpk with sigma within = MRbar/d2 (d2 = 1.128), Ppk with overall s", ["capability"], cpk_indiv(iv, 4.90, 5.30)))
    yf8 = [60.1, 64.3, 61.0, 65.8, 60.7, 64.9, 61.5, 66.2]; yc3 = [66.0, 65.4, 66.5]
    L.append(Q("h23", 2, "2^3 factorial results in standard order: " + fmt(yf8) + "; three centre runs: " + fmt(yc3) + ". Check for curvature.",
        "curvature single-df test, F = SS_curv / MS_pure error (centre points, df 2)", ["doe_anova", "doe_effects", "doe_curvature"], curvature(yf8, yc3)))
    fw = [497.2, 499.1, 498.5, 496.8, 500.3, 497.9, 498.8, 499.4, 496.5, 498.1]
    r = stats.ttest_1samp(fw, 500, alternative="less")
    L.append(Q("h24", 2, f"Label says 500 g. We only care whether packs are underfilled. weights: {fmt(fw)}",
        "one-sided one-sample t-test H1: mu < 500", ["t_test"], [E("t statistic", r.statistic, 0.005), E("one-sided p-value", r.pvalue, 0.02)]))
    ra = [6, 7, 5, 8, 6, 7, 9, 5]; rb = [8, 9, 7, 9, 10, 8, 9, 7]
    L.append(Q("h25", 2, f"Ratings (1-10, ordinal) for design A: {fmt(ra)} and design B: {fmt(rb)}. Ordinal scale, so not a t-test.",
        "Mann-Whitney with ties: normal approximation with tie correction and continuity correction", ["mann_whitney"], mwu_ties(ra, rb)))
    a = [22.4, 21.9, 22.8, 22.1, 22.6, 22.0, 22.3]; b = [22.9, 23.1, 22.7, 23.4, 23.0, 22.8, 23.3]
    L.append(Q("h26", 2, f"Historic data shows both ovens have the same variance, so pool it. Oven 1 {fmt(a)}, oven 2 {fmt(b)}.",
        "pooled two-sample t-test", ["t_test"], pooled(a, b)))
    L.append(Q("h27", 2, "Old supplier averaged 12.3 N. Is the new one stronger? Don't assume normality.",
        "refuse/ask: no measurements for the new supplier were given", ["t_test", "wilcoxon_signed_rank"], [], True))
    L.append(Q("h28", 2, "compare means, don't assume equal variances: group 1 mean 5.2 sd 0.4, group 2 mean 5.9 sd 0.8",
        "refuse/ask: sample sizes are missing, so the Welch t statistic/df cannot be computed", ["t_test"], [], True))
    # ---------- kind 3 ----------
    L.append(Q("h29", 3, "2^5 full factorial; our climate chamber fits 16 runs a day.",
        "32 runs in 2 blocks of 16 (confound ABCDE); 16 is block size", ["doe_design"], [runs(32), {"what": "blocks", "value": 2, "rel": 0}]))
    L.append(Q("h30", 3, "three factors, each 3-level (low/mid/high), full factorial please",
        "3^3 = 27 runs", ["doe_design"], [runs(27)]))
    L.append(Q("h31", 3, "Factor A has 2 levels, factor B has 5 levels. Full factorial with 3 replicates - layout?",
        "2 x 5 x 3 replicates = 30 runs", ["doe_design"], [runs(30)]))
    L.append(Q("h32", 3, "2^4 factorial with three center points for feed, speed, depth, nose radius",
        "16 + 3 = 19 runs", ["doe_design"], [runs(19)]))
    pst = [74.01, 73.99, 74.02, 74.00, 74.03, 73.98, 74.01, 74.00, 73.97, 74.02, 74.00, 74.01, 74.02, 74.00, 73.99, 74.03, 73.99, 74.01, 74.00, 73.98, 74.04, 74.00, 74.02, 74.01]
    L.append(Q("h33", 3, "We check 4 pistons each hour, 6 hours so far. ring diameters in order: " + fmt(pst) + " . Xbar/R please",
        "X-bar/R, n = 4, 6 subgroups, A2 = 0.729", ["control_chart"], xbar_r(pst, 4)))
    bv = [251.2, 249.8, 250.9, 251.5, 250.4, 251.8, 250.6, 251.1]
    L.append(Q("h34", 3, f"We've had 12 operators on line 5 since 2021. Batch 77 — eight bottles measured (label volume 250 mL): {fmt(bv)}. overfilling?",
        "one-sample t-test vs 250 (two-sided); 12, 5, 2021, 77 are context", ["t_test"], ttest1(bv, 250)))
    L.append(Q("h35", 3, "CCD for 2 factors, 5 centre points, rotatable",
        "4 factorial + 4 axial + 5 centre = 13 runs; alpha = sqrt(2)", ["doe_design"], [runs(13), {"what": "axial distance alpha", "value": math.sqrt(2), "rel": 0.001}]))
    L.append(Q("h36", 3, "box-behnken, 4 factors, 3 center pts",
        "24 edge runs + 3 centre = 27", ["doe_design"], [runs(27)]))
    L.append(Q("h37", 3, "screening 11 factors with Plackett-Burman",
        "PB in 12 runs", ["doe_design"], [runs(12)]))
    L.append(Q("h38", 3, "7 factors, 2^(7-3) fraction. The lab can handle 8 runs per shift.",
        "2^(7-3) = 16 runs in 2 blocks of 8", ["doe_design"], [runs(16), {"what": "blocks", "value": 2, "rel": 0}]))
    cans = [355.2, 354.8, 355.5, 355.0, 354.6, 355.3, 355.1, 355.4, 354.9, 355.6, 355.0, 354.7, 354.8, 355.2, 355.3, 354.9, 355.1, 355.0, 355.4, 355.0, 354.5, 355.2, 355.6, 354.9]
    L.append(Q("h39", 3, "Six cans are pulled together from the seamer every 30 min (one per head). Fill volumes:\n" + "\n".join(", ".join(f"{v:g}" for v in cans[i:i+6]) for i in range(0, 24, 6)) + "\nX-bar and s chart",
        "X-bar/S with n = 6 (4 subgroups), A3 from c4(6)", ["control_chart"], xbar_s(cans, 6)))
    bt = list(range(101, 113)); vis = [42.1, 43.0, 41.8, 42.6, 43.4, 42.2, 41.5, 42.9, 43.1, 42.4, 41.9, 42.7]
    L.append(Q("h40", 3, "one viscosity reading per batch:\n" + "\n".join(f"batch {a} -> {b}" for a, b in zip(bt, vis)) + "\nindividuals chart limits?",
        "I-MR chart on 12 viscosity values; batch numbers are labels", ["control_chart"], imr(vis)))
    L.append(Q("h41", 3, "quarter fraction two-level design, 6 factors",
        "2^(6-2) = 16 runs", ["doe_design"], [runs(16)]))
    L.append(Q("h42", 3, "We can do 10 runs per day for 3 days. Design the DOE.",
        "refuse/ask: no factors (names, number, levels or ranges) given; 10/day and 3 days are only capacity", ["doe_design"], [], True))
    # ---------- kind 4 ----------
    L.append(Q("h43", 4, "partial derivative wrt x of x^2*y + y^3*ln(x)", "d/dx", ["differentiate"], [X("partial derivative", sp.diff(S("x**2*y+y**3*log(x)"), x))]))
    L.append(Q("h44", 4, "derivitive of tan(x)^2", "d/dx", ["differentiate"], [X("derivative", sp.diff(sp.tan(x)**2, x))]))
    L.append(Q("h45", 4, "integrate 1/(x^2+4) dx", "indefinite integral", ["integrate"], [X("antiderivative", sp.integrate(1/(x**2+4), x))]))
    L.append(Q("h46", 4, "∫ sin²x dx from 0 to π", "definite integral", ["integrate"], [X("exact value", sp.integrate(sp.sin(x)**2, (x, 0, sp.pi))), E("numeric", float(sp.pi/2), 1e-6)]))
    L.append(Q("h47", 4, "what's the limit of (e^x - 1 - x)/x^2 when x -> 0", "limit", ["limit"], [E("limit", float(sp.limit((sp.exp(x)-1-x)/x**2, x, 0)), 1e-6)]))
    a_, b_ = sp.symbols("a b"); so = sp.solve([3*a_-2*b_-4, 5*a_+b_-11], [a_, b_])
    L.append(Q("h48", 4, "3a - 2b = 4 and 5a + b = 11, what are a and b", "2x2 system", ["solve", "matrix"], [E("a", so[a_], 1e-6), E("b", so[b_], 1e-6)]))
    so = sp.solve([x+y+z-6, 2*x-y+z-3, x+2*y-z-2], [x, y, z])
    L.append(Q("h49", 4, "Three unknowns: x plus y plus z equals 6; 2x minus y plus z equals 3; x plus 2y minus z equals 2. Solve.", "3x3 system", ["solve", "matrix"], [E("x", so[x], 1e-6), E("y", so[y], 1e-6), E("z", so[z], 1e-6)]))
    L.append(Q("h50", 4, "second derivative of x^4 - 3x^2 + ln(x)", "d2/dx2", ["differentiate"], [X("second derivative", sp.diff(S("x**4-3*x**2+log(x)"), x, 2))]))
    L.append(Q("h51", 4, "d²/dy² of exp(x*y^2)", "second partial wrt y", ["differentiate"], [X("second partial", sp.diff(sp.exp(x*y**2), y, 2))]))
    L.append(Q("h52", 4, "lim (3x^2+1)/(2x^2-x) as x→∞", "limit at infinity", ["limit"], [E("limit", 1.5, 1e-6)]))
    L.append(Q("h53", 4, "intergrate ln(x) from 1 to e", "definite integral", ["integrate"], [E("value", float(sp.integrate(sp.log(x), (x, 1, sp.E))), 1e-6)]))
    L.append(Q("h54", 4, "d/dx sqrt(1+x^2)", "derivative", ["differentiate"], [X("derivative", sp.diff(sp.sqrt(1+x**2), x))]))
    L.append(Q("h55", 4, "What's the partial derivative with respect to y of the transfer function?",
        "refuse/ask: no function/expression given", ["differentiate"], [], True))
    so = sp.solve([sp.Rational(1, 2)*x+sp.Rational(1, 4)*y-3, x-y+3], [x, y])
    L.append(Q("h56", 4, "0.5x + 0.25y = 3\nx - y = -3", "2x2 system with decimals", ["solve", "matrix"], [E("x", so[x], 1e-6), E("y", so[y], 1e-6)]))
    # ---------- kind 5 ----------
    a = [0.41, 0.38, 0.52, 0.45, 0.36, 0.49]; b = [0.55, 0.61, 0.47, 0.58, 0.66, 0.53, 0.59]
    L.append(Q("h57", 5, f"U test on surface roughness (um). polished: {fmt(a)} ; lapped: {fmt(b)}", "Mann-Whitney U exact two-sided", ["mann_whitney"], mwu(a, b)))
    md = [52.3, 48.9, 55.1, 53.8, 49.6, 57.2, 54.4, 51.7, 56.0, 50.8]
    L.append(Q("h58", 5, f"Wilcoxon signed-rank test that the median is 50: {fmt(md)}", "one-sample Wilcoxon signed-rank on x - 50, exact two-sided", ["wilcoxon_signed_rank"], wsr(md, [50]*len(md))))
    p1 = [18.2, 19.5, 17.8, 20.1, 18.9]; p2 = [17.1, 18.8, 17.9, 18.7, 17.6]
    L.append(Q("h59", 5, "Paired t-test.\n\n| specimen | day 1 | day 7 |\n|---|---|---|\n" + "\n".join(f"| {i+1} | {a} | {b} |" for i, (a, b) in enumerate(zip(p1, p2))),
        "paired t-test day 1 - day 7", ["t_test"], paired(p1, p2)))
    k1 = [4.4, 5.1, 3.9, 4.8]; k2 = [6.2, 5.8, 6.9, 6.5, 7.1]; k3 = [5.0, 5.4, 4.6, 5.7]
    L.append(Q("h60", 5, f"kruskal wallis\nresin A: {fmt(k1)}\nresin B: {fmt(k2)}\nresin C: {fmt(k3)}", "Kruskal-Wallis H over 3 groups (unequal n)", ["kruskal_wallis"], kw(k1, k2, k3)))
    L.append(Q("h61", 5, "Fisher exact test on this:\n\n|        | cracked | ok |\n|--------|---------|----|\n| anneal | 2       | 18 |\n| none   | 9       | 11 |",
        "Fisher exact two-sided on [[2,18],[9,11]]", ["fisher_exact", "proportion_test"], fisher([[2, 18], [9, 11]])))
    L.append(Q("h62", 5, "Carrier A delivered late 23 times out of 310 shipments, carrier B 41 out of 295. Test of two proportions?",
        "two-proportion z-test, pooled", ["proportion_test"], twoprop(23, 310, 41, 295)))
    L.append(Q("h63", 5, f"27 of 40 testers preferred the new handle. Proportion test against 50%.",
        f"one-sample proportion z-test vs 0.5 (exact binomial p = {stats.binomtest(27, 40, 0.5).pvalue:.4f} also acceptable)", ["proportion_test"], oneprop(27, 40, 0.5)))
    L.append(Q("h64", 5, "Cp / Cpk from: xbar = 2.514, s = 0.0042, specs 2.500 to 2.530", "capability from summary", ["summary_capability", "capability"], cap_summary(2.514, 0.0042, 2.500, 2.530)))
    L.append(Q("h65", 5, "dimension is 12 ± 0.3 mm. process average 12.08 mm, standard deviation 0.07 mm. capability indices?", "LSL 11.7, USL 12.3; Cp and Cpk from summary", ["summary_capability", "capability"], cap_summary(12.08, 0.07, 11.7, 12.3)))
    a = [3.31, 3.28, 3.35, 3.30]; b = [3.12, 3.45, 3.21, 3.50, 3.08, 3.39]
    L.append(Q("h66", 5, f"Welch's t-test: coater 1 = {fmt(a)}, coater 2 = {fmt(b)}", "Welch two-sample t-test", ["t_test"], welch(a, b)))
    tt = (10.4-10)/(0.9/4); pp = 2*stats.t.sf(abs(tt), 15)
    L.append(Q("h67", 5, "one sample t test: n = 16, sample mean 10.4, s = 0.9, hypothesised mean 10", "one-sample t from summary: t = (10.4-10)/(0.9/sqrt 16), df 15", ["t_test", "summary_t_test"], [E("t statistic", tt, 0.005), E("p-value", pp, 0.02)]))
    w1 = [0.62, 0.71, 0.58, 0.80, 0.66, 0.74, 0.69, 0.77]; w2 = [0.65, 0.70, 0.66, 0.91, 0.75, 0.76, 0.82, 0.93]
    L.append(Q("h68", 5, "sensor\tbefore\tafter\n" + "\n".join(f"{i+1}\t{a}\t{b}" for i, (a, b) in enumerate(zip(w1, w2))) + "\nwilcoxon signed rank please",
        "Wilcoxon signed-rank on before - after, exact two-sided", ["wilcoxon_signed_rank"], wsr(w1, w2)))
    L.append(Q("h69", 5, "Fisher exact test: group A had 4 failures out of 20", "refuse/ask: the second group's counts are missing", ["fisher_exact", "proportion_test"], [], True))
    L.append(Q("h70", 5, "Kruskal-Wallis on these: 3, 5, 2, 7, 8, 4, 6, 9", "refuse/ask: one list with no grouping - which values belong to which group is missing", ["kruskal_wallis"], [], True))
    return L

def write(name, L):
    ids = [q["id"] for q in L]; assert len(ids) == len(set(ids))
    with open(Path(__file__).with_name(f"round14_{name}.jsonl"), "w") as f:
        for q in L:
            assert q["refuse"] == (q["expect"] == [])
            f.write(json.dumps(q, ensure_ascii=False) + "\n")
    print(name, len(L), {k: sum(q["kind"] == k for q in L) for k in range(1, 6)}, "refuse", sum(q["refuse"] for q in L))

if __name__ == "__main__":
    which = sys.argv[1] if len(sys.argv) > 1 else "all"
    if which in ("dev", "all"): write("dev", dev())
    if which in ("holdout", "all") and "holdout" in globals(): write("holdout", holdout())
