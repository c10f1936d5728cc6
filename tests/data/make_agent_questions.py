"""Regenerate tests/data/agent_questions.jsonl: questions as users phrase them, with the
expected plan (tool + key arguments) and key numbers computed here, independently of
HAVOC's engine, with numpy/scipy/sympy and published constants.

    .venv/bin/python tests/data/make_agent_questions.py > tests/data/agent_questions.jsonl
"""

from __future__ import annotations

import json

import numpy as np
import sympy
from scipy import integrate, stats

Q: list[dict] = []


def q(question, mode, tool, args=None, expect=None, expr=None, **extra):
    item = {"question": question, "mode": mode, "tool": tool}
    if args:
        item["args"] = args
    if expect:
        item["expect"] = {k: (float(v) if isinstance(v, (np.floating, float)) else v) for k, v in expect.items()}
    if expr:
        item["expr"] = expr
    item.update(extra)
    Q.append(item)


def fmt(values):
    return ", ".join(str(v) for v in values)


# ------------------------------------------------------------------ DOE
q("Design a Box-Behnken DOE", "doe", "doe_design", {"design": "box_behnken"}, {"runs": 15, "centre_rows": 3})
q("Design a Box-Behnken DOE for temperature, pressure and time", "doe", "doe_design", {"design": "box_behnken"},
  {"runs": 15, "factor_names": ["temperature", "pressure", "time"]})
q("I need a Box-Behnken design for temperature 150-200 °C, pressure 1 to 3 bar and time 10..30 min with 5 center points",
  "doe", "doe_design", {"design": "box_behnken"}, {"runs": 17, "centre_rows": 5, "natural_min_0": 150, "natural_max_0": 200})
q("box behnken with 4 factors please", "doe", "doe_design", {"design": "box_behnken"}, {"runs": 27})
q("Build a central composite design for two factors", "doe", "doe_design", {"design": "central_composite"},
  {"runs": 13, "alpha": 2 ** 0.5})
q("face-centred central composite design for 3 factors with 6 centre points", "doe", "doe_design",
  {"design": "central_composite"}, {"runs": 20, "alpha": 1.0, "centre_rows": 6})
q("Give me a 2^(5-1) fractional factorial", "doe", "doe_design", {"design": "fractional_factorial"},
  {"runs": 16, "resolution": 5})
q("resolution IV fractional factorial for 6 factors", "doe", "doe_design", {"design": "fractional_factorial"},
  {"runs": 16, "resolution": 4})
q("Plackett-Burman screening design for 11 factors", "doe", "doe_design", {"design": "plackett_burman"}, {"runs": 12})
q("full factorial experiment with 3 factors at two levels", "doe", "doe_design", {"design": "full_factorial"}, {"runs": 8})
q("2^4 full factorial with 2 replicates", "doe", "doe_design", {"design": "full_factorial"}, {"runs": 32})
q("latin hypercube with 20 samples for 4 factors, seed 7", "doe", "doe_design", {"design": "latin_hypercube"}, {"runs": 20})
q("fractional factorial 2^(7-4) for screening", "doe", "doe_design", {"design": "fractional_factorial"},
  {"runs": 8, "resolution": 3})
y = [45, 71, 48, 65, 68, 60, 80, 65]
a_eff = np.mean([y[i] for i in range(8) if i & 1]) - np.mean([y[i] for i in range(8) if not i & 1])
q(f"Estimate the effects of a 2^3 factorial with responses {fmt(y)}", "doe", "doe_effects", None,
  {"effect_A": a_eff, "mean": np.mean(y)})

# ------------------------------------------------------------------ SPC
rng = np.random.default_rng(11)
cap = np.round(rng.normal(10.0, 0.05, 30), 3)
s = cap.std(ddof=1)
mr = np.abs(np.diff(cap)).mean() / 1.128
q(f"Is this process capable? LSL 9.8, USL 10.2, data: {fmt(cap)}", "spc", "capability", None,
  {"pp": 0.4 / (6 * s), "cp": 0.4 / (6 * mr)})
q(f"What are Cp and Cpk for these measurements: {fmt(cap)}. The spec limits are 9.85 and 10.25.", "spc", "capability",
  None, {"pp": 0.4 / (6 * s), "ppk": min(10.25 - cap.mean(), cap.mean() - 9.85) / (3 * s)})
sub = np.round(rng.normal(74.0, 0.01, (8, 4)), 3)
rbar = np.mean(sub.max(1) - sub.min(1))
q(f"Make an X-bar R chart for these subgroups: {json.dumps(sub.tolist())}", "spc", "control_chart", {"chart": "xbar_r"},
  {"center": sub.mean(), "ucl": sub.mean() + 0.729 * rbar, "lcl": sub.mean() - 0.729 * rbar})
q(f"xbar-s control chart of {json.dumps(sub.tolist())}", "spc", "control_chart", {"chart": "xbar_s"},
  {"center": sub.mean()})
ind = [5.1, 5.3, 4.9, 5.0, 5.2, 5.4, 5.0, 4.8, 5.1, 5.2, 5.0, 5.3]
ia = np.array(ind)
q(f"individuals and moving range chart: {fmt(ind)}", "spc", "control_chart", {"chart": "imr"},
  {"center": ia.mean(), "ucl": ia.mean() + 3 * np.abs(np.diff(ia)).mean() / 1.128})
q(f"Is this process in control? Readings: {fmt(ind)}", "spc", "control_chart", {"chart": "imr"}, {"center": ia.mean()})
defect = [12, 15, 8, 10, 4, 7, 16, 9, 14, 10]
pbar = sum(defect) / (100 * len(defect))
q(f"p chart: defectives {json.dumps(defect)} out of 100 each", "spc", "control_chart", {"chart": "p"},
  {"center": pbar})
q(f"np chart for number defective {json.dumps(defect)}, sample size 100", "spc", "control_chart", {"chart": "np"},
  {"center": pbar * 100})
counts = [3, 5, 2, 7, 4, 6, 3, 5]
cbar = np.mean(counts)
q(f"c chart for the number of defects per board: {json.dumps(counts)}", "spc", "control_chart", {"chart": "c"},
  {"center": cbar, "ucl": cbar + 3 * cbar ** 0.5})
sizes = [10, 12, 10, 8, 10, 12, 10, 9]
q(f"u chart, defects {json.dumps(counts)} with sample sizes {json.dumps(sizes)}", "spc", "control_chart",
  {"chart": "u"}, {"center": sum(counts) / sum(sizes)})
q("control chart constants for subgroup size 5", "spc", "spc_constants", None, {"A2": 0.577, "d2": 2.326, "D4": 2.114})
out = [10.0, 10.1, 9.9, 10.0, 10.2, 9.8, 10.1, 10.0, 9.9, 10.1, 12.5, 10.0, 9.9, 10.1]
q(f"Are any points out of control by the Nelson rules? values: {fmt(out)}", "spc", "control_chart",
  {"chart": "imr", "rules": "nelson"}, {"violation_rule1_index": 10})

# ------------------------------------------------------------------ statistics
d = [12.1, 11.8, 12.4, 12.0, 11.9, 12.3, 12.2, 11.7]
q(f"Summary statistics of {fmt(d)}", "stats", "describe", None, {"mean": np.mean(d), "std_dev": np.std(d, ddof=1)})
q(f"what's the mean and standard deviation of these values: {fmt(d)}", "stats", "describe", None, {"mean": np.mean(d)})
r = stats.ttest_1samp(d, 12.5)
q(f"Is the mean of {fmt(d)} different from 12.5? Use a t-test.", "stats", "t_test", {"kind": "one_sample"},
  {"t": r.statistic, "p_value": r.pvalue})
before = [200, 195, 210, 188, 205, 199, 193, 208]
after = [192, 190, 205, 185, 200, 197, 188, 204]
r = stats.ttest_rel(before, after)
q(f"Paired t-test: before {json.dumps(before)} after {json.dumps(after)}", "stats", "t_test", {"kind": "paired"},
  {"t": r.statistic, "p_value": r.pvalue})
ma = [20.1, 19.8, 20.5, 20.3, 19.9, 20.2]
mb = [20.9, 21.2, 20.7, 21.5, 20.8, 21.1]
r = stats.ttest_ind(ma, mb, equal_var=False)
q(f"Compare machine A: {fmt(ma)} and machine B: {fmt(mb)}. Is there a significant difference?", "stats", "t_test",
  {"kind": "welch"}, {"t": r.statistic, "p_value": r.pvalue})
r = stats.ttest_ind(ma, mb, equal_var=True)
q(f"pooled t test (equal variances assumed) of A = [{fmt(ma)}] vs B = [{fmt(mb)}]", "stats", "t_test",
  {"kind": "pooled"}, {"t": r.statistic, "p_value": r.pvalue})
sa, sb, sc = [10.1, 10.3, 9.8, 10.0, 10.2], [11.2, 11.0, 10.9, 11.4, 11.1], [9.5, 9.7, 9.6, 9.9, 9.4]
r = stats.f_oneway(sa, sb, sc)
q(f"Compare these three suppliers: A: {fmt(sa)}; B: {fmt(sb)}; C: {fmt(sc)}", "stats", "anova_oneway", None,
  {"f_statistic": r.statistic, "p_value": r.pvalue})
q(f"Compare these three suppliers\nSupplier A: {fmt(sa)}\nSupplier B: {fmt(sb)}\nSupplier C: {fmt(sc)}", "stats",
  "anova_oneway", None, {"f_statistic": r.statistic})
g4 = [[18.2, 17.9, 18.5, 18.1], [18.8, 19.1, 18.7, 19.0], [18.0, 18.3, 17.8, 18.2], [19.5, 19.2, 19.8, 19.4]]
r = stats.f_oneway(*g4)
q(f"one-way ANOVA for four operators: {json.dumps(g4)}", "stats", "anova_oneway", None, {"f_statistic": r.statistic})
tab = [[30, 20, 10], [20, 25, 15]]
r = stats.chi2_contingency(tab)
q(f"Chi-square test of independence for the table {json.dumps(tab)}", "stats", "chi_square", None,
  {"statistic": r.statistic, "p_value": r.pvalue, "df": 2})
obs = [18, 22, 20, 25, 15]
r = stats.chisquare(obs)
q(f"chi-square goodness of fit, observed counts {json.dumps(obs)}", "stats", "chi_square", None,
  {"statistic": r.statistic, "p_value": r.pvalue})
x = [1, 2, 3, 4, 5, 6, 7, 8]
yv = [2.1, 3.9, 6.2, 7.8, 10.1, 12.2, 13.8, 16.1]
lr = stats.linregress(x, yv)
q(f"regress y on x: x = {json.dumps(x)}, y = {json.dumps(yv)}", "stats", "regression", None,
  {"coef_0": lr.intercept, "coef_1": lr.slope, "r_squared": lr.rvalue ** 2})
yq = [1.2, 4.1, 9.3, 15.8, 25.2, 36.1, 48.8, 64.3]
cq = np.polyfit(x, yq, 2)[::-1]
q(f"Fit a quadratic: x = {json.dumps(x)}, y = {json.dumps(yq)}", "stats", "regression", {"degree": 2},
  {"coef_0": cq[0], "coef_1": cq[1], "coef_2": cq[2]})
slope0 = float(np.dot(x, yv) / np.dot(x, x))
q(f"linear regression through the origin (no intercept): x = {json.dumps(x)}, y = {json.dumps(yv)}", "stats",
  "regression", {"intercept": False}, {"coef_0": slope0})
nd = [4.9, 5.1, 5.0, 5.3, 4.8, 5.2, 5.0, 4.7, 5.1, 5.4, 4.9, 5.0]
r = stats.shapiro(nd)
q(f"Is this data normally distributed? {fmt(nd)}", "stats", "normality", None, {"statistic": r.statistic, "p_value": r.pvalue})
r = stats.levene(sa, sb, sc)
q(f"Levene test for equal variances: A = [{fmt(sa)}], B = [{fmt(sb)}], C = [{fmt(sc)}]", "stats", "levene", None,
  {"statistic": r.statistic})
r = stats.kruskal(sa, sb, sc)
q(f"Kruskal-Wallis test on A: {fmt(sa)}; B: {fmt(sb)}; C: {fmt(sc)}", "stats", "kruskal_wallis", None,
  {"statistic": r.statistic})
q(f"Give me descriptive statistics for [{fmt(nd)}]", "stats", "describe", None, {"n": 12, "median": float(np.median(nd))})

# ------------------------------------------------------------------ calculus
q("What is the derivative of x³ sin x", "math", "differentiate", None, expr="3*x**2*sin(x) + x**3*cos(x)")
q("differentiate e^x cos x with respect to x", "math", "differentiate", None, expr="exp(x)*cos(x) - exp(x)*sin(x)")
q("second derivative of sin(2x)", "math", "differentiate", None, expr="-4*sin(2*x)")
q("d/dt of t^2 ln(t)", "math", "differentiate", None, expr="2*t*log(t) + t")
q("Integrate x^2 from 0 to 1", "math", "integrate", None, expr="1/3")
q("what is the integral of 1/x dx", "math", "integrate", None, expr="log(x)")
q("integral of x e^x", "math", "integrate", None, expr="(x - 1)*exp(x)")
q("Solve x^2 - 4 = 0", "math", "solve", None, expect={"solutions": [-2, 2]})
q("solve x + y = 3 and x - y = 1 for x, y", "math", "solve", None, expect={"solutions_xy": [2, 1]})
q("limit of sin(x)/x as x -> 0", "math", "limit", None, expr="1")
q("What's the limit of (1 + 1/n)^n as n goes to oo", "math", "limit", None, expr="E")
q("Taylor series of exp(x) around 0 to order 4", "math", "series", None)
q("simplify (x^2 - 1)/(x - 1)", "math", "simplify", None, expr="x + 1")
q("factor x^2 + 5x + 6", "math", "simplify", None, expr="(x + 2)*(x + 3)")
q("determinant of the matrix [[1, 2], [3, 4]]", "math", "matrix", None, expr="-2")

# ------------------------------------------------------------------ off-topic and hostile
q("What's the weather in Paris?", "general", None)
q("hello, who are you?", "general", None)
q("Tell me a joke", "general", None)
q("__import__('os').system('touch /tmp/havoc_pwned_by_question')", "general", None, hostile=True)
q("derivative of __import__('os').system('touch /tmp/havoc_pwned_by_question') by x", "math", "differentiate",
  None, hostile=True)

# ------------------------------------------------------------------ as users type them (issue 5, round 2)
# DOE
q("design of experiment for 3 factors, 2-level full factorial", "doe", "doe_design", {"design": "full_factorial"},
  {"runs": 8})
q("2-level full factorial DOE: Temp 160 to 180 °C, Speed 20-40 rpm and Feed 0.1-0.3 mm", "doe", "doe_design",
  {"design": "full_factorial"}, {"runs": 8, "natural_min_0": 160, "natural_max_0": 180, "natural_max_2": 0.3})
q("RSM design for 3 factors", "doe", "doe_design", {"design": "central_composite"}, {"runs": 8 + 6 + 5})
q("I want to run a CCD with 2 factors and 3 center points", "doe", "doe_design", {"design": "central_composite"},
  {"runs": 4 + 4 + 3, "centre_rows": 3})
q("Box Behnken, 3 factors, 4 centre pts", "doe", "doe_design", {"design": "box_behnken"},
  {"runs": 12 + 4, "centre_rows": 4})
q("half fraction of a 2^5 design", "doe", "doe_design", {"design": "fractional_factorial"}, {"runs": 16, "resolution": 5})
q("screening DOE for 7 factors in 8 runs", "doe", "doe_design", {"design": "fractional_factorial"},
  {"runs": 8, "resolution": 3})
q("Design of experiments: 4 factors at 2 levels, 3 replicates", "doe", "doe_design", {"design": "full_factorial"},
  {"runs": 16 * 3})
q("3-level full factorial for 2 factors", "doe", "doe_design", {"design": "full_factorial"}, {"runs": 9})
q("Latin hypercube sampling, 5 variables, 50 points", "doe", "doe_design", {"design": "latin_hypercube"}, {"runs": 50})
q("plackett burman for 7 factors", "doe", "doe_design", {"design": "plackett_burman"}, {"runs": 8})
q("DOE with pressure 2–4 bar and flow 10 to 20 L, full factorial", "doe", "doe_design", {"design": "full_factorial"},
  {"runs": 4, "natural_min_0": 2, "natural_max_0": 4, "natural_min_1": 10})
q("set up a 2x2x2x2 factorial experiment", "doe", "doe_design", {"design": "full_factorial"}, {"runs": 16})
q("CCD, face centered, for 2 factors", "doe", "doe_design", {"design": "central_composite"},
  {"runs": 4 + 4 + 5, "alpha": 1.0})
q("generate a Box–Behnken design with 5 factors", "doe", "doe_design", {"design": "box_behnken"},
  {"runs": 4 * 10 + 3})
q("response surface design (central composite) for temperature 60-80 and pH 5-7", "doe", "doe_design",
  {"design": "central_composite"}, {"runs": 13, "factor_names": ["temperature", "ph"]})
y2 = [20, 30, 25, 45]
q(f"calculate main effects for a 2^2 design, responses {fmt(y2)}", "doe", "doe_effects", None,
  {"effect_A": (y2[1] + y2[3]) / 2 - (y2[0] + y2[2]) / 2, "mean": np.mean(y2)})

# SPC
cap2 = np.round(np.random.default_rng(5).normal(10.0, 0.04, 20), 3)
s2 = cap2.std(ddof=1)
q("calculate Cpk, LSL=9.8 USL=10.2\n" + "\n".join(str(v) for v in cap2), "spc", "capability", None,
  {"pp": 0.4 / (6 * s2), "ppk": min(10.2 - cap2.mean(), cap2.mean() - 9.8) / (3 * s2)})
q("cpk for data " + " ".join(str(v) for v in cap2) + " spec 9.8 - 10.2", "spc", "capability", None,
  {"pp": 0.4 / (6 * s2)})
q(f"Ppk? lower spec 9.85, upper spec 10.25, measurements: {fmt(cap2)}", "spc", "capability", None,
  {"ppk": min(10.25 - cap2.mean(), cap2.mean() - 9.85) / (3 * s2)})
q(f"Cp and Cpk with specs 9.8–10.2 for {fmt(cap2)}", "spc", "capability", None, {"pp": 0.4 / (6 * s2)})
q(f"process capability: USL = 10.3 mm, LSL = 9.7 mm. data [{fmt(cap2)}]", "spc", "capability", None,
  {"pp": 0.6 / (6 * s2)})
ind2 = [20.1, 20.3, 19.8, 20.0, 20.4, 19.9, 20.2, 20.1, 19.7, 20.0]
ia2 = np.array(ind2)
q("I-MR chart for: " + " ".join(str(v) for v in ind2), "spc", "control_chart", {"chart": "imr"},
  {"center": ia2.mean(), "ucl": ia2.mean() + 3 * np.abs(np.diff(ia2)).mean() / 1.128})
q(f"Is my process stable? {fmt(ind2)}", "spc", "control_chart", {"chart": "imr"}, {"center": ia2.mean()})
q("I-MR chart\n" + "\n".join(str(v) for v in ind2), "spc", "control_chart", {"chart": "imr"}, {"center": ia2.mean()})
sub2 = np.round(np.random.default_rng(8).normal(50.0, 0.2, (5, 5)), 2)
rbar2 = np.mean(sub2.max(1) - sub2.min(1))
# d2(5), the mean range of 5 standard normals, by numerical integration (not the rounded table value)
d2_5 = integrate.quad(lambda t: 1 - stats.norm.cdf(t) ** 5 - (1 - stats.norm.cdf(t)) ** 5, -np.inf, np.inf)[0]
a2_5 = 3 / (d2_5 * 5 ** 0.5)
q("Xbar-R chart, subgroups of 5: " + ", ".join(str(v) for v in sub2.ravel()), "spc", "control_chart",
  {"chart": "xbar_r"}, {"center": sub2.mean(), "ucl": sub2.mean() + a2_5 * rbar2})
q("x-bar chart\n" + "\n".join(f"subgroup {i + 1}: " + " ".join(str(v) for v in row) for i, row in enumerate(sub2)),
  "spc", "control_chart", {"chart": "xbar_r"}, {"center": sub2.mean(), "lcl": sub2.mean() - a2_5 * rbar2})
q("X̄-R chart for this table\nS1 S2 S3 S4 S5\n" + "\n".join(" ".join(str(v) for v in row) for row in sub2),
  "spc", "control_chart", {"chart": "xbar_r"}, {"center": sub2.mean()})
rej = [8, 12, 6, 10, 9, 15, 7]
q(f"p-chart: we inspect 200 parts per day, rejects {fmt(rej)}", "spc", "control_chart", {"chart": "p"},
  {"center": sum(rej) / (200 * len(rej))})
q("what's d2 for n=4", "spc", "spc_constants", None, {"d2": 2.059})
q("A2 constant for subgroups of 3", "spc", "spc_constants", None, {"A2": 1.023})
scr = [4, 7, 3, 5, 6, 2, 8, 5]
q(f"c-chart: scratches per panel {fmt(scr)}", "spc", "control_chart", {"chart": "c"},
  {"center": np.mean(scr), "ucl": np.mean(scr) + 3 * np.mean(scr) ** 0.5})
q(f"u-chart: defects {fmt(counts)}; units inspected {fmt(sizes)}", "spc", "control_chart", {"chart": "u"},
  {"center": sum(counts) / sum(sizes)})

# statistics
g1, g2 = [5.1, 5.3, 4.9, 5.2, 5.0, 5.4], [5.6, 5.8, 5.5, 5.9, 5.7, 5.6]
r = stats.ttest_ind(g1, g2, equal_var=False)
q(f"two sample t test group1: {fmt(g1)} group2: {fmt(g2)}", "stats", "t_test", {"kind": "welch"},
  {"t": r.statistic, "p_value": r.pvalue})
q(f"Is there a difference, old vs new? old = {' '.join(map(str, g1))}, new = {' '.join(map(str, g2))}", "stats",
  "t_test", {"kind": "welch"}, {"t": r.statistic})
q(f"old: {fmt(g1)} vs new: {fmt(g2)}. t-test, is the new one higher?", "stats", "t_test",
  {"kind": "welch", "alternative": "less"}, {"p_value": stats.ttest_ind(g1, g2, equal_var=False, alternative="less").pvalue})
r = stats.ttest_rel(before, after)
q(f"paired t test\nbefore: {' '.join(map(str, before))}\nafter: {' '.join(map(str, after))}", "stats", "t_test",
  {"kind": "paired"}, {"t": r.statistic, "p_value": r.pvalue})
dd = [3.2, 4.5, 5.1, 4.8, 3.9, 4.4, 5.0]
q(f"mean, median and sd of {' '.join(map(str, dd))}", "stats", "describe", None,
  {"mean": np.mean(dd), "median": float(np.median(dd)), "std_dev": np.std(dd, ddof=1)})
q("Describe this data:\n" + "\n".join(map(str, dd)), "stats", "describe", None, {"n": 7, "mean": np.mean(dd)})
wt = [10.2, 9.8, 10.5, 10.1, 9.9, 10.4, 10.3]
r = stats.ttest_1samp(wt, 10)
q(f"one sample t-test, H0: mu = 10, data: {fmt(wt)}", "stats", "t_test", {"kind": "one_sample"},
  {"t": r.statistic, "p_value": r.pvalue})
r = stats.ttest_1samp(wt, 10, alternative="greater")
q(f"Does the average weight exceed 10 g? weights: {fmt(wt)}", "stats", "t_test",
  {"kind": "one_sample", "alternative": "greater"}, {"p_value": r.pvalue})
l1, l2, l3 = [12.1, 12.4, 11.9, 12.2], [12.8, 13.0, 12.7, 12.9], [12.0, 12.3, 12.1, 11.8]
r = stats.f_oneway(l1, l2, l3)
q(f"ANOVA: line1 = {fmt(l1)}, line2 = {fmt(l2)}, line3 = {fmt(l3)}", "stats", "anova_oneway", None,
  {"f_statistic": r.statistic, "p_value": r.pvalue})
q("one way anova on this table\nA B C\n" + "\n".join(f"{a} {b} {c}" for a, b, c in zip(l1, l2, l3, strict=True)), "stats",
  "anova_oneway", None, {"f_statistic": r.statistic})
xs, ys = [1, 2, 3, 4, 5, 6], [2.3, 4.1, 6.2, 8.1, 9.8, 12.2]
lr = stats.linregress(xs, ys)
q("linear regression\nx y\n" + "\n".join(f"{a} {b}" for a, b in zip(xs, ys, strict=True)), "stats", "regression", None,
  {"coef_0": lr.intercept, "coef_1": lr.slope, "r_squared": lr.rvalue ** 2})
q(f"fit a straight line. x: {' '.join(map(str, xs))}  y: {' '.join(map(str, ys))}", "stats", "regression", None,
  {"coef_1": lr.slope})
q(f"what is the slope of y vs x? x = {fmt(xs)}; y = {fmt(ys)}", "stats", "regression", None, {"coef_1": lr.slope})
tab2 = [[20, 30], [25, 25]]
r = stats.chi2_contingency(tab2, correction=False)  # Pearson, as Minitab reports (no Yates unless asked)
q("chi square test on this 2x2 table\n20 30\n25 25", "stats", "chi_square", None,
  {"statistic": r.statistic, "p_value": r.pvalue})
r = stats.shapiro(wt)
q(f"are these normally distributed: {' '.join(map(str, wt))}", "stats", "normality", None,
  {"statistic": r.statistic, "p_value": r.pvalue})
r = stats.kruskal(l1, l2, l3)
q(f"Kruskal Wallis: line1 {fmt(l1)}; line2 {fmt(l2)}; line3 {fmt(l3)}", "stats", "kruskal_wallis", None,
  {"statistic": r.statistic})

# calculus
q("d/dx (x^2 + 3x)", "math", "differentiate", None, expr="2*x + 3")
q("∫ x² dx", "math", "integrate", None, expr="x**3/3")
q("differentiate 3x² − 2x + 1", "math", "differentiate", None, expr="6*x - 2")
q("what's the derivative of ln(x)/x", "math", "differentiate", None, expr="(1 - log(x))/x**2")
q("integrate sin(x) from 0 to pi", "math", "integrate", None, expr="2")
q("Integrate e^(-x) from 0 to infinity", "math", "integrate", None, expr="1")
q("limit as x approaches 0 of sin(x)/x", "math", "limit", None, expr="1")
q("lim x→0 (1 - cos x)/x²", "math", "limit", None, expr="1/2")
q("solve 2x + 3 = 11", "math", "solve", None, expect={"solutions": [4]})
q("find the roots of x^2 - 5x + 6", "math", "solve", None, expect={"solutions": [2, 3]})
q("expand (x+1)^3", "math", "simplify", None, expr="x**3 + 3*x**2 + 3*x + 1")
q("partial derivative of x^2 y with respect to y", "math", "differentiate", None, expr="x**2")
q("inverse of [[2, 1], [1, 1]]", "math", "matrix", None,
  {"rows": [[str(int(round(v))) for v in row] for row in np.linalg.inv([[2, 1], [1, 1]])]})
q("eigenvalues of the matrix [[2, 0], [0, 3]]", "math", "matrix", None)
q("d/dx sin(x)cos(x)", "math", "differentiate", None, expr="cos(x)**2 - sin(x)**2")
q("What is ∫_0^2 3x^2 dx?", "math", "integrate", None, expr="8")

q("d²/dx² x⁴", "math", "differentiate", None, expr="12*x**2")
q("∫_{0}^{π} sin x dx", "math", "integrate", None, expr="2")
q("lim_{x->0+} x*ln(x)", "math", "limit", None, expr="0")

# ------------------------------------------------------------------ round 3: more ways of typing the same things
q("Design a 2^3 full factorial for temperature (150-200 C), time (10-20 min), catalyst (1-2 %)", "doe", "doe_design",
  {"design": "full_factorial"}, {"runs": 8, "natural_min_2": 1, "natural_max_2": 2,
                                 "factor_names": ["temperature", "time", "catalyst"]})
q("I need a DOE to study 4 factors with a CCD, alpha = 1", "doe", "doe_design", {"design": "central_composite"},
  {"runs": 16 + 8 + 5, "alpha": 1.0})
q("Box-Behnken for Temp: 50 to 70 °C; pH: 6 to 8; Agitation: 100 to 300 rpm", "doe", "doe_design",
  {"design": "box_behnken"}, {"runs": 15, "natural_max_2": 300, "natural_min_1": 6})
q("make a fractional factorial design with 6 factors, 16 runs", "doe", "doe_design",
  {"design": "fractional_factorial"}, {"runs": 16, "resolution": 4})
q("full factorial 3 factors 2 levels randomized seed 42", "doe", "doe_design", {"design": "full_factorial"}, {"runs": 8})
cp3 = [5.01, 4.98, 5.12, 4.95, 5.03, 5.07, 4.92, 5.05, 5.00, 4.97]
s3 = np.std(cp3, ddof=1)
q("Calculate Cp, Cpk for the following data (LSL: 4.5, USL: 5.5)\n" + " ".join(f"{v:.2f}" for v in cp3), "spc",
  "capability", None, {"pp": 1.0 / (6 * s3), "ppk": min(5.5 - np.mean(cp3), np.mean(cp3) - 4.5) / (3 * s3)})
rc = [3.2, 3.4, 3.1, 3.6, 3.3, 3.5, 3.2, 3.8]
q(f"run chart of {fmt(rc)}", "spc", "control_chart", {"chart": "imr"}, {"center": np.mean(rc)})
xr = [10, 11, 12, 10, 11, 12, 13, 11, 10, 10, 11, 12]
q("xbar r chart with subgroup size 4: " + " ".join(map(str, xr)), "spc", "control_chart", {"chart": "xbar_r"},
  {"center": np.mean(xr)})
lots = [3, 5, 2, 4, 6, 3, 2, 5]
q(f"number of defectives per lot of 50: {fmt(lots)}. p chart please", "spc", "control_chart", {"chart": "p"},
  {"center": sum(lots) / (50 * len(lots))})
ga, gb = [23, 25, 21, 24, 26], [28, 27, 30, 29, 26]
r = stats.ttest_ind(ga, gb, equal_var=False)
q(f"t-test: is there a significant difference between Group A ({fmt(ga)}) and Group B ({fmt(gb)})?", "stats",
  "t_test", {"kind": "welch"}, {"t": r.statistic, "p_value": r.pvalue})
c1, c2 = [12.5, 13.1, 12.8, 13.0], [13.5, 13.9, 13.6, 14.0]
q(f"Compare the means of the two samples: {' '.join(map(str, c1))} and {' '.join(map(str, c2))}", "stats", "t_test",
  {"kind": "welch"}, {"t": stats.ttest_ind(c1, c2, equal_var=False).statistic})
k1, k2, k3 = [4.2, 4.5, 4.1, 4.7], [5.1, 5.3, 4.9, 5.2], [4.0, 4.3, 4.4, 4.1]
q(f"Sample 1: {fmt(k1)}\nSample 2: {fmt(k2)}\nSample 3: {fmt(k3)}\nIs there a difference between the samples?", "stats",
  "anova_oneway", None, {"f_statistic": stats.f_oneway(k1, k2, k3).statistic})
sd8 = [2, 4, 4, 4, 5, 5, 7, 9]
q(f"what's the standard deviation of {fmt(sd8)}", "stats", "describe", None, {"std_dev": np.std(sd8, ddof=1)})
q("calculate the mean of 10, 20, 30, 40", "stats", "describe", None, {"mean": 25})
m50 = [48.2, 51.3, 49.8, 50.6, 47.9, 52.1]
q(f"test if mean is 50: {fmt(m50)}", "stats", "t_test", {"kind": "one_sample"},
  {"t": stats.ttest_1samp(m50, 50).statistic})
fw = [498, 502, 501, 497, 499, 503, 500, 496]
q(f"Is the mean fill weight of 500 g met? data {fmt(fw)}", "stats", "t_test", {"kind": "one_sample"},
  {"t": stats.ttest_1samp(fw, 500).statistic, "p_value": stats.ttest_1samp(fw, 500).pvalue})
cx, cy = [1, 2, 3, 4, 5], [2, 4, 5, 4, 5]
q("correlation between x = 1,2,3,4,5 and y = 2,4,5,4,5", "stats", "regression", None,
  {"r_squared": stats.pearsonr(cx, cy).statistic ** 2})
lx, ly = [10, 20, 30, 40, 50], [15, 25, 38, 45, 57]
q(f"Fit a linear model y = b0 + b1 x where x is {fmt(lx)} and y is {fmt(ly)}", "stats", "regression", None,
  {"coef_1": stats.linregress(lx, ly).slope})
r = stats.chi2_contingency([[10, 20, 30], [20, 20, 20]])
q("chi-square test for this 2x3 table\n10 20 30\n20 20 20", "stats", "chi_square", None,
  {"statistic": r.statistic, "df": 2})
q("observed 30, 20, 50 expected 33, 33, 34 goodness of fit", "stats", "chi_square", None,
  {"statistic": stats.chisquare([30, 20, 50], [33, 33, 34]).statistic})
q("What is the derivative of sqrt(x^2 + 1)?", "math", "differentiate", None, expr="x/sqrt(x**2 + 1)")
q("d/dx[x*e^x]", "math", "differentiate", None, expr="(x + 1)*exp(x)")
q("find dy/dx if y = x^2 sin(x)", "math", "differentiate", None, expr="2*x*sin(x) + x**2*cos(x)")
q("∫ (3x² + 2x) dx from 0 to 1", "math", "integrate", None, expr="2")
q("evaluate the integral of 1/(1+x^2) from -inf to inf", "math", "integrate", None, expr="pi")
q("compute lim (x→∞) (3x^2 + 1)/(x^2 - 2)", "math", "limit", None, expr="3")
q("what is the limit of (x^2 - 1)/(x - 1) when x approaches 1", "math", "limit", None, expr="2")
q("solve x² − 5x + 6 = 0", "math", "solve", None, expect={"solutions": [2, 3]})
q("solve for x: 3x - 7 = 2", "math", "solve", None, expect={"solutions": [3]})
q("Maclaurin series of sin(x) up to x^5", "math", "series", None)
q("what is the inverse of the matrix [[1, 2], [3, 4]]?", "math", "matrix", None,
  {"rows": [[str(sympy.Rational(v).limit_denominator()) for v in row] for row in np.linalg.inv([[1, 2], [3, 4]])]})
q("Who won the world cup in 2018?", "general", None)

# ------------------------------------------------------------------ round 4
q("I'd like to optimize yield with respect to temperature (80-120°C) and pressure (2-6 bar). Which design should I use?",
  "doe", "doe_design", {"design": "central_composite"}, {"runs": 13, "factor_names": ["temperature", "pressure"]})
q("DOE: factors A, B, C, D at two levels, full factorial", "doe", "doe_design", {"design": "full_factorial"},
  {"runs": 16, "factor_names": ["a", "b", "c", "d"]})
q("Plackett Burman 12 runs", "doe", "doe_design", {"design": "plackett_burman"}, {"runs": 12})
pc = [20.1, 19.9, 20.2, 20.0, 19.8, 20.1, 20.3, 19.9]
q(f"Check if this process is capable (spec 20 ± 0.5): {fmt(pc)}", "spc", "capability", None,
  {"pp": 1.0 / (6 * np.std(pc, ddof=1))})
oc = [5, 5.2, 4.9, 5.1, 8.5, 5.0, 4.8, 5.1, 5.2, 4.9]
q(f"are there any out of control points? {fmt(oc)}", "spc", "control_chart", {"chart": "imr"},
  {"violation_rule1_index": 4, "center": np.mean(oc)})
xs3 = np.array([[74.01, 74.00, 73.99, 74.02, 74.01], [73.98, 74.00, 74.01, 73.99, 74.00], [74.02, 74.01, 74.00, 74.00, 73.99]])
q("Xbar S chart\n" + "\n".join(", ".join(f"{v:.2f}" for v in row) for row in xs3), "spc", "control_chart",
  {"chart": "xbar_s"}, {"center": xs3.mean()})
ci5 = [4.5, 4.8, 5.1, 4.9, 5.0]
q(f"Calculate the 95% confidence interval for the mean: {fmt(ci5)}", "stats", "describe", None,
  {"mean": np.mean(ci5), "std_dev": np.std(ci5, ddof=1)})
w1, w2 = [1.2, 1.5, 1.3, 1.4], [1.8, 1.9, 1.7, 2.0]
q(f"Welch test: {' '.join(map(str, w1))} vs {' '.join(map(str, w2))}", "stats", "t_test", {"kind": "welch"},
  {"t": stats.ttest_ind(w1, w2, equal_var=False).statistic})
q("regress yield on temperature: temperature = 100, 110, 120, 130, 140; yield = 62, 68, 71, 77, 80", "stats",
  "regression", None, {"coef_1": stats.linregress([100, 110, 120, 130, 140], [62, 68, 71, 77, 80]).slope})
r = stats.chi2_contingency([[20, 30], [35, 15]], correction=False)
q("Is there an association between gender and preference? table: [[20, 30], [35, 15]]", "stats", "chi_square", None,
  {"statistic": r.statistic})
q("Derivative of tan(x) w.r.t. x", "math", "differentiate", None, expr="1/cos(x)**2")
q("differentiate y = 3x^4 - 2x^2 + x", "math", "differentiate", None, expr="12*x**3 - 4*x + 1")
q("What is the antiderivative of cos(2x)?", "math", "integrate", None, expr="sin(2*x)/2")
q("compute the definite integral of x^3 between 0 and 2", "math", "integrate", None, expr="4")
q("evaluate lim_{x→∞} (1 + 2/x)^x", "math", "limit", None, expr="exp(2)")
q("roots of x^3 - 6x^2 + 11x - 6", "math", "solve", None, expect={"solutions": [1, 2, 3]})
q("solve the system 2x + y = 5, x - y = 1", "math", "solve", None, expect={"solutions_xy": [2, 1]})
q("Taylor polynomial of e^x at x = 1 to order 3", "math", "series", None)
q("Hi!", "general", None)

# ------------------------------------------------------------------ round 5: case, tabs, percentages
q("BOX-BEHNKEN DESIGN FOR 4 FACTORS", "doe", "doe_design", {"design": "box_behnken"}, {"runs": 24 + 3})
q("Full Factorial, 2 Factors, 3 Replicates", "doe", "doe_design", {"design": "full_factorial"}, {"runs": 12})
q("design a doe with temperature from 20°C to 40°C and humidity between 30% and 60%", "doe", "doe_design",
  {"design": "full_factorial"}, {"runs": 4, "natural_min_1": 30, "natural_max_1": 60})
cu = [1.5, 1.4, 1.6, 1.55, 1.45, 1.5]
q("CPK? LSL 1.0 USL 2.0 DATA 1.5,1.4,1.6,1.55,1.45,1.5", "spc", "capability", None,
  {"ppk": min(2.0 - np.mean(cu), np.mean(cu) - 1.0) / (3 * np.std(cu, ddof=1))})
pa, pb = [92.1, 93.4, 91.8, 94.0], [95.2, 96.1, 94.8, 95.5]
q("yield (%) for line A: 92.1%, 93.4%, 91.8%, 94.0% vs line B: 95.2%, 96.1%, 94.8%, 95.5%", "stats", "t_test",
  {"kind": "welch"}, {"t": stats.ttest_ind(pa, pb, equal_var=False).statistic})
o1, o2 = [10.2, 10.4, 10.1, 10.5], [10.3, 10.6, 10.2, 10.7]
q("Paired comparison - operator 1: 10.2 10.4 10.1 10.5, operator 2: 10.3 10.6 10.2 10.7", "stats", "t_test",
  {"kind": "paired"}, {"t": stats.ttest_rel(o1, o2).statistic})
sx, sy, sz = [10.1, 10.3, 9.8], [11.2, 11.0, 10.9], [9.5, 9.7, 9.6]
q("ANOVA\nSupplier X\tSupplier Y\tSupplier Z\n" + "\n".join(f"{a}\t{b}\t{c}" for a, b, c in zip(sx, sy, sz, strict=True)),
  "stats", "anova_oneway", None, {"f_statistic": stats.f_oneway(sx, sy, sz).statistic})
tx, ty = [1, 2, 3, 4], [2.0, 4.1, 5.9, 8.2]
q("x\ty\n" + "\n".join(f"{a}\t{b}" for a, b in zip(tx, ty, strict=True)) + "\nfit a line", "stats", "regression", None,
  {"coef_1": stats.linregress(tx, ty).slope, "coef_0": stats.linregress(tx, ty).intercept})
q("d/dx x^3·e^(2x)", "math", "differentiate", None, expr="3*x**2*exp(2*x) + 2*x**3*exp(2*x)")
q("integral of 1/(x^2 + 4) dx", "math", "integrate", None, expr="atan(x/2)/2")
q("what's lim x->0 of (e^x - 1)/x", "math", "limit", None, expr="1")
q("Solve: x^2 + 2x − 8 = 0", "math", "solve", None, expect={"solutions": [-4, 2]})
q("simplify (x² − 1)/(x + 1)", "math", "simplify", None, expr="x - 1")
ic = [0.51, 0.49, 0.52, 0.50, 0.48, 0.53, 0.47, 0.50]
q("I chart for " + " ".join(f"{v:.2f}" for v in ic), "spc", "control_chart", {"chart": "imr"},
  {"center": np.mean(ic), "ucl": np.mean(ic) + 3 * np.abs(np.diff(ic)).mean() / 1.128})
npd = [4, 6, 3, 5, 7, 2, 5, 4]
q("np-chart n = 100, defectives " + " ".join(map(str, npd)), "spc", "control_chart", {"chart": "np"},
  {"center": np.mean(npd)})

# ------------------------------------------------------------------ round 6
q("Can you set up a CCD for 3 variables: flow rate 1-5 mL/min, column temp 25-45 C, pH 3 to 5?", "doe", "doe_design",
  {"design": "central_composite"}, {"runs": 8 + 6 + 5, "factor_names": ["flow_rate", "column_temp", "ph"]})
q("2^(4-1) design with generator D = ABC", "doe", "doe_design", {"design": "fractional_factorial"},
  {"runs": 8, "resolution": 4})
q("Need a space filling design, 3 inputs, 30 points", "doe", "doe_design", {"design": "latin_hypercube"}, {"runs": 30})
pk = [0.50, 0.51, 0.49, 0.52, 0.48, 0.50, 0.51]
q("what's the Ppk for lsl=0.45 usl=0.55 data " + " ".join(f"{v:.2f}" for v in pk), "spc", "capability", None,
  {"ppk": min(0.55 - np.mean(pk), np.mean(pk) - 0.45) / (3 * np.std(pk, ddof=1))})
sg = np.array([[5.1, 5.2, 5.0], [5.3, 5.1, 5.2], [4.9, 5.0, 5.1], [5.2, 5.3, 5.1]])
q("control chart for subgroups\n" + "\n".join(f"{i + 1}) " + " ".join(map(str, row)) for i, row in enumerate(sg.tolist())),
  "spc", "control_chart", {"chart": "xbar_r"}, {"center": sg.mean()})
shift = [12, 15, 9, 11, 14, 10, 13]
q("defect counts per shift: " + " ".join(map(str, shift)) + ", c-chart", "spc", "control_chart", {"chart": "c"},
  {"center": np.mean(shift)})
m1, m2 = [3.2, 3.5, 3.1, 3.4], [3.8, 3.9, 3.6, 4.0]
q(f"Compare machine 1 ({fmt(m1)}) against machine 2 ({fmt(m2)})", "stats", "t_test", {"kind": "welch"},
  {"t": stats.ttest_ind(m1, m2, equal_var=False).statistic})
bf, af = [72, 75, 70, 78, 74], [70, 72, 69, 75, 71]
q(f"before = {fmt(bf)}; after = {fmt(af)} -- did the treatment lower the values?", "stats", "t_test",
  {"kind": "paired", "alternative": "greater"}, {"p_value": stats.ttest_rel(bf, af, alternative="greater").pvalue})
q("median of 3, 1, 4, 1, 5, 9, 2, 6", "stats", "describe", None, {"median": 3.5})
nt = [2.3, 2.5, 2.1, 2.8, 2.4, 2.6, 2.2, 2.7, 2.5]
q("test for normality: " + " ".join(map(str, nt)), "stats", "normality", None, {"statistic": stats.shapiro(nt).statistic})
q("derivative of x^x", "math", "differentiate", None, expr="x**x*(log(x) + 1)")
q("∫ e^{2x} dx", "math", "integrate", None, expr="exp(2*x)/2")
q("∫ from 0 to 1 of x^2 dx", "math", "integrate", None, expr="1/3")
q("limit (sin 3x)/x as x→0", "math", "limit", None, expr="3")
q("solve 2^x = 8 for x", "math", "solve", None, expect={"solutions": [3]})

# ------------------------------------------------------------------ round 7: calculus as typed
q("what is the second derivative of ln(x^2 + 1)", "math", "differentiate", None,
  expr=str(sympy.diff(sympy.log(sympy.Symbol("x") ** 2 + 1), sympy.Symbol("x"), 2)))
q("3rd derivative of x^5", "math", "differentiate", None, expr="60*x**2")
q("find the integral of sec^2(x)", "math", "integrate", None, expr="tan(x)")
q("integrate 1/sqrt(1 - x^2) dx", "math", "integrate", None, expr="asin(x)")
q("lim x→0⁺ x ln x", "math", "limit", None, expr="0")
q("what is the limit of x*sin(1/x) as x approaches infinity", "math", "limit", None, expr="1")
q("Solve the equation 3(x - 2) = 2x + 1", "math", "solve", None, expect={"solutions": [7]})
q("determinant of [[2, -1, 0], [-1, 2, -1], [0, -1, 2]]", "math", "matrix", None,
  expr=str(round(np.linalg.det([[2, -1, 0], [-1, 2, -1], [0, -1, 2]]))))
q("Differentiate f(x) = x^2·ln(x)", "math", "differentiate", None, expr="2*x*log(x) + x")
q("d/dx (x² + 1)³", "math", "differentiate", None, expr="6*x*(x**2 + 1)**2")
q("integral from 0 to 2 of |x - 3| dx", "math", "integrate", None, expr="4")

# ------------------------------------------------------------------ round 8: known standards, correlation, variables
ws = [10.1, 10.3, 9.8, 10.0, 10.2, 11.5, 10.1, 9.9, 10.0, 10.4]
q(f"check western electric rules for {' '.join(map(str, ws))} with centre 10 and sigma 0.3", "spc", "control_chart",
  {"chart": "imr", "center": 10, "sigma": 0.3}, {"center": 10.0, "ucl": 10.0 + 3 * 0.3, "lcl": 10.0 - 3 * 0.3,
                                                   "violation_rule1_index": 5})
ks = [[10.1, 10.2, 9.9], [10.0, 10.3, 10.1], [9.8, 10.0, 10.2], [10.4, 10.1, 10.0]]
q(f"xbar-r chart with known mean 10 and sigma 0.15 for subgroups {ks}", "spc", "control_chart",
  {"chart": "xbar_r", "center": 10, "sigma": 0.15}, {"ucl": 10 + 3 * 0.15 / np.sqrt(3), "lcl": 10 - 3 * 0.15 / np.sqrt(3)})
cx, cy = [1, 2, 3, 4, 5, 6], [12.1, 9.9, 8.2, 5.8, 4.1, 2.2]
q(f"is there a correlation between x = {', '.join(map(str, cx))} and y = {', '.join(map(str, cy))}", "stats",
  "regression", None, {"correlation": stats.pearsonr(cx, cy).statistic, "coef_1": stats.linregress(cx, cy).slope})
q("differentiate theta^2 cos(theta)", "math", "differentiate", {"variable": "theta"},
  expr="2*theta*cos(theta) - theta**2*sin(theta)")
q("derivative of sin(omega t) with respect to t", "math", "differentiate", {"variable": "t"},
  expr="omega*cos(omega*t)")

sa, sb, sc = [12, 13, 11, 14], [15, 14, 16, 17], [12, 12, 13, 11]
q(f"compare suppliers: supplier A: {' '.join(map(str, sa))}, supplier B: {' '.join(map(str, sb))}, supplier C "
  f"{' '.join(map(str, sc))} with anova", "stats", "anova_oneway",
  {"labels": ["supplier A", "supplier B", "supplier C"]}, {"p_value": stats.f_oneway(sa, sb, sc).pvalue})
q("one way anova: line 1: 5.2 5.4 5.1, line 2: 5.8 5.9 6.1, line 3: 5.3 5.2 5.5", "stats", "anova_oneway",
  {"labels": ["line 1", "line 2", "line 3"]},
  {"p_value": stats.f_oneway([5.2, 5.4, 5.1], [5.8, 5.9, 6.1], [5.3, 5.2, 5.5]).pvalue})

# ------------------------------------------------------------------ round 9: requirements, count/size pairs,
# separated subgroups, independence, two-way ANOVA, higher derivatives, and more of every kind as typed


def p_chart(counts, size):
    pbar = sum(counts) / (size * len(counts))
    return pbar, pbar + 3 * np.sqrt(pbar * (1 - pbar) / size)


D2_TABLE = {2: 1.128, 3: 1.693, 4: 2.059, 5: 2.326, 6: 2.534}  # Montgomery, Appendix VI


def xbar_r(rows):
    """Centre and UCL of an X̄-R chart: A2 = 3 / (d2 √n) with the published d2."""
    rows = np.array(rows, dtype=float)
    n = rows.shape[1]
    rbar = np.mean(rows.max(1) - rows.min(1))
    return rows.mean(), rows.mean() + 3 / (D2_TABLE[n] * np.sqrt(n)) * rbar


def two_way(y, a, b):
    """Balanced two-way ANOVA with interaction, from cell means (not HAVOC's code): SS and p-values."""
    y, a, b = np.array(y, float), np.array(a), np.array(b)
    la, lb = sorted(set(a)), sorted(set(b))
    grand = y.mean()
    ss_a = sum((a == i).sum() * (y[a == i].mean() - grand) ** 2 for i in la)
    ss_b = sum((b == j).sum() * (y[b == j].mean() - grand) ** 2 for j in lb)
    ss_cells = sum(((a == i) & (b == j)).sum() * (y[(a == i) & (b == j)].mean() - grand) ** 2 for i in la for j in lb)
    ss_ab = ss_cells - ss_a - ss_b
    ss_e = ((y - grand) ** 2).sum() - ss_cells
    df_a, df_b = len(la) - 1, len(lb) - 1
    df_e = len(y) - len(la) * len(lb)
    mse = ss_e / df_e
    return {"ss_a": ss_a, "ss_b": ss_b, "ss_ab": ss_ab, "ss_error": ss_e,
            "p_a": stats.f.sf(ss_a / df_a / mse, df_a, df_e), "p_b": stats.f.sf(ss_b / df_b / mse, df_b, df_e),
            "p_ab": stats.f.sf(ss_ab / (df_a * df_b) / mse, df_a * df_b, df_e)}


bolts = [402, 398, 405, 410, 395, 401, 399, 404]
q(f"We measured the tensile strength of 8 bolts: {fmt(bolts)} MPa. Does the mean meet the 400 MPa requirement?",
  "stats", "t_test", {"kind": "one_sample", "alternative": "greater"},
  {"t": stats.ttest_1samp(bolts, 400).statistic, "p_value": stats.ttest_1samp(bolts, 400, alternative="greater").pvalue})
q(f"tensile strenght {' '.join(map(str, bolts))}, requirement 400 MPa min. does the average pass?", "stats", "t_test",
  {"kind": "one_sample", "alternative": "greater"},
  {"p_value": stats.ttest_1samp(bolts, 400, alternative="greater").pvalue})
torque = [24.8, 25.3, 25.1, 24.6, 25.4, 25.0, 24.9, 25.2, 25.5, 24.7]
q(f"Bolt torque readings (Nm): {fmt(torque)}. Is the average at least 25 Nm?", "stats", "t_test",
  {"kind": "one_sample", "alternative": "greater"},
  {"p_value": stats.ttest_1samp(torque, 25, alternative="greater").pvalue})
nitrate = [38, 41, 44, 39, 42, 45, 40]
q(f"Nitrate in effluent: {' '.join(map(str, nitrate))} ppm. the permit says the mean must not exceed 45 ppm - are we "
  "compliant?", "stats", "t_test", {"kind": "one_sample", "alternative": "less"},
  {"p_value": stats.ttest_1samp(nitrate, 45, alternative="less").pvalue})
dia = [12.02, 11.98, 12.05, 12.01, 11.97, 12.03, 12.04]
q(f"Is the mean diameter different from 12.00 mm? {' '.join(map(str, dia))}", "stats", "t_test",
  {"kind": "one_sample"}, {"p_value": stats.ttest_1samp(dia, 12).pvalue})
fill = [498.2, 499.1, 497.8, 500.3, 498.9, 499.4]
q(f"is the average fill weight below 500 g? {' '.join(map(str, fill))}", "stats", "t_test",
  {"kind": "one_sample", "alternative": "less"}, {"p_value": stats.ttest_1samp(fill, 500, alternative="less").pvalue})
yld = [82.1, 81.5, 83.0, 82.7, 81.9, 83.4]
q(f"Does our mean yield of {' '.join(map(str, yld))} meet the spec of 80%?", "stats", "t_test",
  {"kind": "one_sample", "alternative": "greater"}, {"p_value": stats.ttest_1samp(yld, 80, alternative="greater").pvalue})
thick = [1.95, 1.98, 2.01, 1.97, 1.96, 1.99]
q(f"Is the average below the 2.0 mm maximum? {' '.join(map(str, thick))}", "stats", "t_test",
  {"kind": "one_sample", "alternative": "less"}, {"p_value": stats.ttest_1samp(thick, 2.0, alternative="less").pvalue})
one = [49.1, 50.3, 48.7, 49.9, 50.1, 48.8, 49.5]
q(f"one sample t test mu = 50: {fmt(one)}", "stats", "t_test", {"kind": "one_sample"},
  {"t": stats.ttest_1samp(one, 50).statistic})

pd_counts = [5, 8, 3, 6, 12, 4]
centre, ucl = p_chart(pd_counts, 200)
q("proportion defective: " + ", ".join(f"{c}/200" for c in pd_counts), "spc", "control_chart",
  {"chart": "p", "counts": pd_counts}, {"center": centre, "ucl": ucl})
lots = [3, 5, 2, 7, 4, 6, 3]
centre, ucl = p_chart(lots, 150)
q("fraction defective per lot: " + ", ".join(f"{c} of 150" for c in lots), "spc", "control_chart", {"chart": "p"},
  {"center": centre, "ucl": ucl})
daily = [6, 9, 4, 11, 7, 5, 8]
q(f"Defectives out of 250 per day: {fmt(daily)} - p chart", "spc", "control_chart", {"chart": "p"},
  {"center": p_chart(daily, 250)[0], "ucl": p_chart(daily, 250)[1]})
npc = [4, 6, 3, 5, 7, 2, 5, 4]
npbar = np.mean(npc)
q("np chart: " + ", ".join(f"{c}/100" for c in npc), "spc", "control_chart", {"chart": "np"},
  {"center": npbar, "ucl": npbar + 3 * np.sqrt(npbar * (1 - npbar / 100))})
ud, un = [12, 15, 9, 11], [50, 60, 45, 55]
q(f"u chart: defects {fmt(ud)} in {fmt(un)} units", "spc", "control_chart", {"chart": "u"},
  {"center": sum(ud) / sum(un)})
scr = [3, 5, 2, 6, 4, 3, 7, 2, 4, 5]
q(f"c chart of scratches per panel: {' '.join(map(str, scr))}", "spc", "control_chart", {"chart": "c"},
  {"center": np.mean(scr), "ucl": np.mean(scr) + 3 * np.sqrt(np.mean(scr))})

sg5 = [[10.2, 10.1, 9.9, 10.0, 10.3], [10.1, 10.4, 10.0, 9.8, 10.2], [9.9, 10.0, 10.1, 10.2, 10.0],
       [10.5, 10.3, 10.4, 10.6, 10.2]]
centre, ucl = xbar_r(sg5)
q("Subgroups of 5: " + " / ".join(" ".join(map(str, r)) for r in sg5), "spc", "control_chart", {"chart": "xbar_r"},
  {"center": centre, "ucl": ucl})
sg4 = [[74.01, 73.99, 74.02, 74.00], [73.98, 74.01, 74.00, 74.03], [74.02, 74.00, 73.97, 74.01],
       [74.00, 74.02, 74.01, 73.99], [73.99, 74.00, 74.02, 74.01]]
centre, ucl = xbar_r(sg4)
q("Xbar-R chart; subgroups; " + "; ".join(" ".join(f"{v:.2f}" for v in r) for r in sg4), "spc", "control_chart",
  {"chart": "xbar_r"}, {"center": centre, "ucl": ucl})
sgl = [[5.02, 4.98, 5.01, 5.00], [4.99, 5.03, 5.00, 5.02], [5.01, 5.00, 4.97, 5.02], [5.04, 5.01, 5.00, 4.99],
       [5.00, 4.98, 5.02, 5.01]]
q("subgroups (n=4)\n" + "\n".join(" ".join(f"{v:.2f}" for v in r) for r in sgl), "spc", "control_chart",
  {"chart": "xbar_r"}, {"center": xbar_r(sgl)[0], "ucl": xbar_r(sgl)[1]})
flat3 = [5.1, 5.2, 5.0, 5.3, 5.1, 5.2, 4.9, 5.0, 5.1, 5.2, 5.3, 5.1]
rows3 = [flat3[i:i + 3] for i in range(0, 12, 3)]
q(f"xbar chart subgroups of 3: {' '.join(map(str, flat3))}", "spc", "control_chart", {"chart": "xbar_r"},
  {"center": xbar_r(rows3)[0], "ucl": xbar_r(rows3)[1]})
imr = [8.2, 8.4, 8.1, 8.5, 8.3, 8.2, 8.6, 8.4, 8.3, 8.1]
q(f"I-MR chart for {' '.join(map(str, imr))}", "spc", "control_chart", {"chart": "imr"},
  {"center": np.mean(imr), "ucl": np.mean(imr) + 3 * np.abs(np.diff(imr)).mean() / 1.128})
cpk = [10.1, 9.9, 10.2, 10.0, 9.8, 10.1, 10.3, 9.9, 10.0, 10.2]
s_overall, s_within = np.std(cpk, ddof=1), np.abs(np.diff(cpk)).mean() / 1.128
q(f"Cpk please. USL = 10.5, LSL = 9.5. data {' '.join(map(str, cpk))}", "spc", "capability", None,
  {"cpk": min(10.5 - np.mean(cpk), np.mean(cpk) - 9.5) / (3 * s_within),
   "ppk": min(10.5 - np.mean(cpk), np.mean(cpk) - 9.5) / (3 * s_overall)})
q("control chart constants for n = 6", "spc", "spc_constants", None, {"A2": 0.483, "d2": 2.534, "D4": 2.004})

shifts = [[10, 20, 30], [20, 20, 20]]
q("Observed counts: defects by shift: day [10, 20, 30], night [20, 20, 20]. Are defects independent of shift?", "stats",
  "chi_square", {"table": shifts}, {"statistic": stats.chi2_contingency(shifts, correction=False)[0],
                                    "p_value": stats.chi2_contingency(shifts, correction=False)[1]})
region = [[30, 20, 10], [25, 25, 20]]
q("Is preference for product independent of region? North: 30 20 10, South: 25 25 20", "stats", "chi_square", None,
  {"statistic": stats.chi2_contingency(region, correction=False)[0]})
smoke = [[40, 60], [30, 120]]
q("chi square test of association: smokers [40, 60], non-smokers [30, 120]", "stats", "chi_square", None,
  {"statistic": stats.chi2_contingency(smoke, correction=False)[0]})
yn = [[30, 20], [18, 32]]
q("contingency table\nyes no\n30 20\n18 32", "stats", "chi_square", None,
  {"statistic": stats.chi2_contingency(yn, correction=False)[0]})
shift3 = [[15, 10, 5], [12, 14, 4], [8, 9, 13]]
q("is shift associated with defect type? day: 15 10 5; swing: 12 14 4; night: 8 9 13", "stats", "chi_square", None,
  {"statistic": stats.chi2_contingency(shift3, correction=False)[0]})
# two proportions: the pooled two-proportion z statistic, squared, is the uncorrected chi-square
p1, p2, pp = 12 / 400, 25 / 410, 37 / 810
z = (p1 - p2) / np.sqrt(pp * (1 - pp) * (1 / 400 + 1 / 410))
q("Line A had 12 defective out of 400, line B 25 out of 410. Is the defect rate different between the lines?", "stats",
  "proportion_test", {"x": [12, 25], "n": [400, 410]}, {"z": z, "p_value": 2 * stats.norm.sf(abs(z))})
rates = [[8, 492], [15, 485], [11, 489]]
q("Compare defect rates: 8/500 vs 15/500 vs 11/500", "stats", "chi_square", None,
  {"statistic": stats.chi2_contingency(rates, correction=False)[0]})
q("goodness of fit: observed 18 22 20 40, is the die fair?", "stats", "chi_square", None,
  {"statistic": stats.chisquare([18, 22, 20, 40]).statistic})

ty, ta, tb = [20, 24, 22, 28, 21, 25, 23, 29], list("AABBAABB"), ["low", "high"] * 4
q("two-way anova: yield by catalyst (A, A, B, B, A, A, B, B) and temperature (low, high, low, high, low, high, low, "
  "high): 20, 24, 22, 28, 21, 25, 23, 29", "stats", "anova_twoway", {"factor_a": "catalyst", "factor_b": "temperature"},
  two_way(ty, ta, tb))
oy = [5.1, 5.4, 5.0, 5.6, 4.8, 5.2, 5.2, 5.5, 5.1, 5.7, 4.9, 5.3]
oa = ["Ann", "Ann", "Bob", "Bob", "Cy", "Cy"] * 2
ob = ["M1", "M2"] * 6
q(f"Two-way ANOVA with operator ({', '.join(oa)}) and machine ({', '.join(ob)}), response {' '.join(map(str, oy))}",
  "stats", "anova_twoway", {"factor_a": "operator", "factor_b": "machine"}, two_way(oy, oa, ob))
fy = [12.1, 14.3, 13.0, 15.8, 12.5, 14.0, 13.4, 16.1]
fa, fb = ["F1", "F1", "F2", "F2"] * 2, ["lo", "hi"] * 4
q(f"two way anova yield by fertilizer [{', '.join(fa)}] and water [{', '.join(fb)}]: {fy}", "stats", "anova_twoway",
  {"factor_b": "water"}, two_way(fy, fa, fb))

old, new = [14.2, 13.8, 14.5, 14.1], [13.1, 13.4, 12.9, 13.6, 13.2]
q(f"Welch test: old {' '.join(map(str, old))} vs new {' '.join(map(str, new))}", "stats", "t_test", {"kind": "welch"},
  {"t": stats.ttest_ind(old, new, equal_var=False).statistic, "df": stats.ttest_ind(old, new, equal_var=False).df})
bp0, bp1 = [120, 132, 125, 140, 128], [115, 130, 120, 135, 126]
q(f"Paired: before {' '.join(map(str, bp0))}, after {' '.join(map(str, bp1))}. Did the diet lower blood pressure?",
  "stats", "t_test", {"kind": "paired", "alternative": "greater"},
  {"p_value": stats.ttest_rel(bp0, bp1, alternative="greater").pvalue})
sa9, sb9 = [402, 398, 405, 410], [395, 401, 399, 404]
q(f"Compare tensile strength of supplier A ({' '.join(map(str, sa9))}) and supplier B ({' '.join(map(str, sb9))})",
  "stats", "t_test", {"kind": "welch"}, {"p_value": stats.ttest_ind(sa9, sb9, equal_var=False).pvalue})
ovens = [[31, 33, 32, 30], [34, 35, 33, 36], [31, 30, 32, 31], [33, 32, 34, 33]]
q("Do these four ovens give the same cure time? " + ", ".join(f"Oven{i + 1}: {' '.join(map(str, g))}"
                                                            for i, g in enumerate(ovens)),
  "stats", "anova_oneway", {"labels": ["Oven1", "Oven2", "Oven3", "Oven4"]},
  {"f_statistic": stats.f_oneway(*ovens).statistic, "p_value": stats.f_oneway(*ovens).pvalue})
ct = [12.3, 11.8, 12.9, 12.1, 12.5, 13.0, 11.9]
q(f"descriptive stats for the cycle times {fmt(ct)} s", "stats", "describe", None,
  {"mean": np.mean(ct), "std_dev": np.std(ct, ddof=1), "median": np.median(ct)})
q("what is the standard deviation of 4.2 4.5 4.1 4.8 4.4", "stats", "describe", None,
  {"std_dev": np.std([4.2, 4.5, 4.1, 4.8, 4.4], ddof=1)})
lx, ly = [10, 20, 30, 40, 50], [2.1, 3.9, 6.2, 7.8, 10.1]
q(f"Fit a line: x = {fmt(lx)} and y = {fmt(ly)}", "stats", "regression", None,
  {"coef_1": stats.linregress(lx, ly).slope, "coef_0": stats.linregress(lx, ly).intercept,
   "r_squared": stats.linregress(lx, ly).rvalue ** 2})
tx, sy = [1, 2, 3, 4, 5, 6], [12, 15, 19, 21, 26, 28]
q(f"regress strength on cure time: time {' '.join(map(str, tx))}, strength {' '.join(map(str, sy))}", "stats",
  "regression", None, {"coef_1": stats.linregress(tx, sy).slope})
nd = [2.31, 2.45, 2.38, 2.52, 2.29, 2.41, 2.47, 2.36, 2.44, 2.50]
q(f"Are these data normal? {' '.join(f'{v:.2f}' for v in nd)}", "stats", "normality", None,
  {"statistic": stats.shapiro(nd).statistic})
kw = [[3, 5, 4, 6], [7, 8, 6, 9], [4, 4, 5, 3]]
q("Kruskal-Wallis: A 3 5 4 6, B 7 8 6 9, C 4 4 5 3", "stats", "kruskal_wallis", None,
  {"statistic": stats.kruskal(*kw).statistic, "p_value": stats.kruskal(*kw).pvalue})
lv = [[10, 12, 11, 13, 9], [8, 15, 6, 18, 11]]
q("Levene test: A 10 12 11 13 9, B 8 15 6 18 11", "stats", "levene", None,
  {"statistic": stats.levene(*lv, center="median").statistic})

q("Design a 2^3 full factorial for temperature, pressure and catalyst", "doe", "doe_design",
  {"design": "full_factorial"}, {"runs": 8, "factor_names": ["temperature", "pressure", "catalyst"]})
q("box behnken for 3 factors: speed 100-300 rpm, feed 0.1-0.3 mm, depth 1-2 mm", "doe", "doe_design",
  {"design": "box_behnken"}, {"runs": 15, "natural_min_0": 100, "natural_max_0": 300, "natural_max_1": 0.3})
ry = [20, 30, 25, 45]
q(f"A 2^2 factorial gave responses {fmt(ry)}: estimate the effects", "doe", "doe_effects", None,
  {"effect_A": (ry[1] + ry[3]) / 2 - (ry[0] + ry[2]) / 2, "mean": np.mean(ry)})

xs = sympy.Symbol("x")
q("second derivative of x^4 - 3x^2", "math", "differentiate", {"order": 2},
  expr=str(sympy.diff(xs ** 4 - 3 * xs ** 2, xs, 2)))
q("third derivative of sin(2x)", "math", "differentiate", {"order": 3}, expr=str(sympy.diff(sympy.sin(2 * xs), xs, 3)))
q("d2/dx2 of e^(3x)", "math", "differentiate", {"order": 2}, expr=str(sympy.diff(sympy.exp(3 * xs), xs, 2)))
q("2nd derivative of ln(x)", "math", "differentiate", {"order": 2}, expr=str(sympy.diff(sympy.log(xs), xs, 2)))
q("integrate x*e^x from 0 to 1", "math", "integrate", None,
  expr=str(sympy.integrate(xs * sympy.exp(xs), (xs, 0, 1))))
q("limit of (1 - cos x)/x^2 as x -> 0", "math", "limit", None, expr=str(sympy.limit((1 - sympy.cos(xs)) / xs ** 2, xs, 0)))
q("solve x^2 - 5x + 6 = 0", "math", "solve", None, expect={"solutions": [2, 3]})
q("hi what's the weather like", "general", None)

# ------------------------------------------------------------------ round 10: run budgets, mixed levels, factorial
# results typed as cells, spread comparisons, one-letter groups, CI in the summary
def cell_effects(cells):
    """Effects of a 2^k from {signs: [responses]}: mean at + minus mean at - for each main effect and interaction
    (from the cells themselves, not HAVOC's standard-order listing), the OLS R² and residual df of the model with
    main effects and two-factor interactions, and the grand mean."""
    rows, ys = [], []
    for signs, values in cells.items():
        for v in values:
            rows.append(signs)
            ys.append(v)
    x, y = np.array(rows, float), np.array(ys, float)
    k = x.shape[1]
    effect = {chr(65 + i): y[x[:, i] > 0].mean() - y[x[:, i] < 0].mean() for i in range(k)}
    cols = [np.ones(len(y))] + [x[:, i] for i in range(k)] + [x[:, i] * x[:, j] for i in range(k) for j in range(i + 1, k)]
    m = np.column_stack(cols)
    beta, *_ = np.linalg.lstsq(m, y, rcond=None)
    sse = float(((y - m @ beta) ** 2).sum())
    return {"effect_A": effect["A"], "mean": y.mean(), "r_squared": 1 - sse / float(((y - y.mean()) ** 2).sum()),
            "residual_df": len(y) - m.shape[1]}


q("Design an experiment for 4 factors at 2 levels, but only 8 runs", "doe", "doe_design",
  {"design": "fractional_factorial"}, {"runs": 2 ** (4 - 1), "resolution": 4})
q("I can only afford 16 runs for 6 factors at two levels. What design?", "doe", "doe_design",
  {"design": "fractional_factorial"}, {"runs": 2 ** (6 - 2), "resolution": 4})
q("2-level design for 5 factors in 8 runs", "doe", "doe_design", {"design": "fractional_factorial"},
  {"runs": 8, "resolution": 3})
q("design an experiment with 7 factors and a budget of 12 runs", "doe", "doe_design", {"design": "plackett_burman"},
  {"runs": 12})
q("full factorial for 3 factors with 16 runs", "doe", "doe_design", {"design": "full_factorial", "replicates": 2},
  {"runs": 16})
q("full factorial 3x2x2", "doe", "doe_design", {"design": "full_factorial"}, {"runs": 3 * 2 * 2})
q("2 x 3 full factorial for temperature and catalyst", "doe", "doe_design", {"design": "full_factorial"},
  {"runs": 6, "factor_names": ["temperature", "catalyst"]})
q("3^2 factorial design", "doe", "doe_design", {"design": "full_factorial"}, {"runs": 3 ** 2})
q("full factorial with factors A (3 levels), B (2 levels), C (2 levels)", "doe", "doe_design",
  {"design": "full_factorial"}, {"runs": 12})

rep22 = {(-1, -1): [28, 25], (1, -1): [36, 32], (-1, 1): [18, 19], (1, 1): [31, 30]}
q("Which factors matter? 2^2 design with replicates: A low B low 28, 25; A high B low 36, 32; A low B high 18, 19; "
  "A high B high 31, 30", "doe", "doe_anova", None,
  {k: v for k, v in cell_effects(rep22).items() if k in ("r_squared", "residual_df")})
q("A high B high 31, 30; A low B low 28, 25; A low B high 18, 19; A high B low 36, 32. estimate the effects", "doe",
  "doe_effects", None, {k: v for k, v in cell_effects(rep22).items() if k in ("effect_A", "mean")})
tp = {(-1, -1): [61, 63], (1, -1): [72, 70], (-1, 1): [58, 60], (1, 1): [80, 83]}
q("Temperature low, pressure low: 61, 63. Temperature high, pressure low: 72, 70. Temperature low, pressure high: "
  "58, 60. Temperature high, pressure high: 80, 83. Which effects are significant?", "doe", "doe_effects", None,
  {k: v for k, v in cell_effects(tp).items() if k in ("effect_A", "mean")})
q("low temperature low pressure 61 63, high temperature low pressure 72 70, low temperature high pressure 58 60, "
  "high temperature high pressure 80 83 - anova please", "doe", "doe_anova", None,
  {k: v for k, v in cell_effects(tp).items() if k in ("r_squared", "residual_df")})
yates = {"(1)": [20, 22], "a": [30, 31], "b": [25, 24], "ab": [41, 43], "c": [21, 23], "ac": [32, 30], "bc": [26, 27],
         "abc": [44, 42]}
ycells = {tuple(1 if ch in lab else -1 for ch in "abc"): v for lab, v in yates.items()}
q(", ".join(f"{lab} {' '.join(map(str, v))}" for lab, v in yates.items()) + " - analyse this 2^3", "doe",
  "doe_effects", None, {k: v for k, v in cell_effects(ycells).items() if k in ("effect_A", "mean")})
q(", ".join(f"{lab} {' '.join(map(str, v))}" for lab, v in yates.items()) + " - anova of this 2^3", "doe",
  "doe_anova", None, {k: v for k, v in cell_effects(ycells).items() if k in ("r_squared", "residual_df")})
coded3 = {(-1, -1, -1): [45], (1, -1, -1): [71], (-1, 1, -1): [48], (1, 1, -1): [65], (-1, -1, 1): [68],
          (1, -1, 1): [60], (-1, 1, 1): [80], (1, 1, 1): [65]}
q("Analyze this 2^3 experiment:\nA B C y\n" + "\n".join(" ".join("+" if s > 0 else "-" for s in k) + f" {v[0]}"
                                                         for k, v in coded3.items()), "doe", "doe_effects", None,
  {k: v for k, v in cell_effects(coded3).items() if k in ("effect_A", "mean")})
q("A B y1 y2\n" + "\n".join(f"{a} {b} {v[0]} {v[1]}" for (a, b), v in rep22.items()) + "\nwhich effects matter?", "doe",
  "doe_effects", None, {k: v for k, v in cell_effects(rep22).items() if k in ("effect_A", "mean")})
flat_rep = [28, 36, 18, 31, 25, 32, 19, 30]  # two replicates, each in standard order
q(f"2^2 factorial with 2 replicates, responses {' '.join(map(str, flat_rep))}", "doe", "doe_effects", None,
  {k: v for k, v in cell_effects(rep22).items() if k in ("effect_A", "mean")})

va, vb = [5.1, 5.3, 4.9, 5.0, 5.2], [6.1, 5.3, 4.2, 5.9, 6.8]
q(f"Is the variance of {' '.join(map(str, va))} equal to that of {' '.join(map(str, vb))}?", "stats", "levene", None,
  {"statistic": stats.levene(va, vb, center="median").statistic, "p_value": stats.levene(va, vb, center="median").pvalue})
oa, ob = [2.1, 2.3, 2.2, 2.4, 2.2], [2.0, 2.6, 1.9, 2.8, 2.3]
q(f"Is operator B more variable than operator A? A: {' '.join(map(str, oa))}, B: {' '.join(map(str, ob))}", "stats",
  "levene", None, {"statistic": stats.levene(oa, ob, center="median").statistic})
l1, l2, l3 = [5.1, 5.2, 5.0, 5.1], [5.3, 4.8, 5.5, 4.9], [5.0, 5.1, 5.2, 5.0]
q(f"do the three lines differ in variability? L1 {' '.join(map(str, l1))}, L2 {' '.join(map(str, l2))}, "
  f"L3 {' '.join(map(str, l3))}", "stats", "levene", None, {"statistic": stats.levene(l1, l2, l3, center="median").statistic})
m1, m2 = [10.1, 10.5, 9.8, 10.4, 9.9], [10.1, 10.2, 10.0, 10.1, 10.2]
q(f"Is machine 2 more consistent than machine 1? machine 1: {' '.join(map(str, m1))}, machine 2: "
  f"{' '.join(map(str, m2))}", "stats", "levene", None, {"statistic": stats.levene(m1, m2, center="median").statistic})

wa, wb = [20.1, 19.8, 20.5], [21.0, 21.4, 20.9, 21.2]
q(f"welch test: a = {fmt(wa)}; b = {fmt(wb)}", "stats", "t_test", {"kind": "welch"},
  {"t": stats.ttest_ind(wa, wb, equal_var=False).statistic, "df": stats.ttest_ind(wa, wb, equal_var=False).df,
   "p_value": stats.ttest_ind(wa, wb, equal_var=False).pvalue})
wx, wy = [1.2, 1.4, 1.3], [1.8, 1.9, 1.7, 2.0]
q(f"welch test: x = {fmt(wx)}; y = {fmt(wy)}", "stats", "t_test", {"kind": "welch"},
  {"t": stats.ttest_ind(wx, wy, equal_var=False).statistic})
g1, g2 = [5, 6, 7, 8, 6], [8, 9, 7, 10, 9]
q(f"independent samples t-test: group1 = {fmt(g1)}; group2 = {fmt(g2)}", "stats", "t_test", {"kind": "welch"},
  {"p_value": stats.ttest_ind(g1, g2, equal_var=False).pvalue})
e1, e2 = [12.1, 12.4, 11.9, 12.2], [12.6, 12.8, 12.5, 12.9]
q(f"two sample t test, equal variances: {' '.join(map(str, e1))} vs {' '.join(map(str, e2))}", "stats", "t_test",
  {"kind": "pooled"}, {"t": stats.ttest_ind(e1, e2).statistic, "df": len(e1) + len(e2) - 2})
tb, ta = [72, 85, 78, 90], [75, 88, 80, 94]
q(f"students scored {fmt(tb)} before tutoring and {fmt(ta)} after. did tutoring help?", "stats", "t_test",
  {"kind": "paired"}, {"t": stats.ttest_rel(tb, ta).statistic, "p_value": stats.ttest_rel(tb, ta).pvalue})

ci5 = [12.1, 11.9, 12.3, 12.0, 12.2]
q(f"95% confidence interval for the mean of {fmt(ci5)}", "stats", "describe", {"confidence": 0.95},
  {"mean": np.mean(ci5), "se_mean": stats.sem(ci5), "confidence": 0.95})
ci6 = [4.2, 4.4, 4.1, 4.6, 4.3, 4.5]
q(f"99% confidence interval for the mean: {' '.join(map(str, ci6))}", "stats", "describe", {"confidence": 0.99},
  {"se_mean": stats.sem(ci6), "confidence": 0.99})
q("confidence level of 90%: mean of 10, 12, 11, 13, 12", "stats", "describe", {"confidence": 0.9},
  {"mean": 11.6, "confidence": 0.9})

cs = [[10.1, 10.0, 9.9, 10.2], [10.0, 10.1, 10.2, 9.9], [9.8, 10.0, 10.1, 10.0], [10.2, 10.1, 10.0, 10.1]]
csa = np.array(cs).ravel()
q("Cpk for subgroups of 4: " + " / ".join(" ".join(map(str, r)) for r in cs) + ", spec 9.5 to 10.5", "spc",
  "capability", None, {"n": 16, "mean": csa.mean(), "pp": 1.0 / (6 * csa.std(ddof=1))})
c3 = [5.01, 5.02, 4.99, 5.00, 5.03, 5.01, 4.98, 5.00, 5.02, 5.01, 4.99, 5.00]
q(f"capability, subgroups of 3: {' '.join(f'{v:.2f}' for v in c3)}, LSL 4.9, USL 5.1", "spc", "capability", None,
  {"n": 12, "pp": 0.2 / (6 * np.std(c3, ddof=1))})
uc, un = [12, 8, 15, 9, 11], 10
q("u chart: " + ", ".join(f"{c} defects in {un} units" if i == 0 else f"{c} in {un}" for i, c in enumerate(uc)), "spc",
  "control_chart", {"chart": "u"}, {"center": sum(uc) / (un * len(uc)),
                                    "ucl": sum(uc) / (un * len(uc)) + 3 * np.sqrt(sum(uc) / (un * len(uc)) / un)})
npc10 = [4, 6, 3, 7, 5]
q("np chart: " + ", ".join(f"{c} of 50" for c in npc10), "spc", "control_chart", {"chart": "np"},
  {"center": np.mean(npc10), "ucl": np.mean(npc10) + 3 * np.sqrt(np.mean(npc10) * (1 - np.mean(npc10) / 50))})

st_t, st_s = [20, 30, 40, 50, 60], [110, 118, 131, 139, 152]
q(f"how much does strength change per degree? temp: {' '.join(map(str, st_t))}, strength: {' '.join(map(str, st_s))}",
  "stats", "regression", None, {"coef_1": stats.linregress(st_t, st_s).slope,
                                 "coef_0": stats.linregress(st_t, st_s).intercept})
x1, y1 = [1, 2, 3, 4, 5, 6], [3.1, 4.9, 7.2, 8.8, 11.1, 13.0]
q(f"regress y on x1: x1 = {' '.join(map(str, x1))}, y = {' '.join(map(str, y1))}", "stats", "regression", None,
  {"coef_1": stats.linregress(x1, y1).slope, "r_squared": stats.linregress(x1, y1).rvalue ** 2})
q("what's the derivative of e^(2x) * cos(x)?", "math", "differentiate", None,
  expr=str(sympy.diff(sympy.exp(2 * xs) * sympy.cos(xs), xs)))
q("integrate x^2 e^x dx", "math", "integrate", None, expr=str(sympy.integrate(xs ** 2 * sympy.exp(xs), xs)))
q("evaluate the limit as x approaches infinity of (3x^2+1)/(x^2-2)", "math", "limit", None,
  expr=str(sympy.limit((3 * xs ** 2 + 1) / (xs ** 2 - 2), xs, sympy.oo)))
q("solve x^2 + 4x + 3 = 0 for x", "math", "solve", None, expect={"solutions": [-3, -1]})

# off-topic
q("thanks, that's all!", "general", None)
q("How do I bake sourdough bread?", "general", None)

# ------------------------------------------------------------------ round 11: pasted tables (CSV, tab-separated,
# markdown, x-y pairs, units in headers), numbers with units and thousands separators, wordy questions whose context
# numbers are not data, and paraphrases of every tool
def zipped(*lists):
    return list(zip(*lists, strict=True))


def ind_sigma(values):
    """Within sigma of individuals: mean moving range / d2(2) = 1.128."""
    return np.abs(np.diff(np.array(values, float))).mean() / 1.128


def lin(x, y):
    r = stats.linregress(x, y)
    return {"coef_0": r.intercept, "coef_1": r.slope, "r_squared": r.rvalue ** 2}


def welch(a, b):
    r = stats.ttest_ind(a, b, equal_var=False)
    return {"t": r.statistic, "p_value": r.pvalue, "df": r.df}


# tables ---------------------------------------------------------------
ty11, yy11 = [150, 160, 170, 180, 190], [62.1, 65.3, 68.0, 70.2, 73.9]
q("Temp (°C),Yield %\n" + "\n".join(f"{a},{b}" for a, b in zipped(ty11, yy11)) + "\nfit a line to this", "stats",
  "regression", None, lin(ty11, yy11))
sa11, sb11 = [12.1, 12.4, 11.9, 12.2, 12.0], [12.6, 12.8, 12.5, 12.9, 12.7]
q("Supplier A\tSupplier B\n" + "\n".join(f"{a}\t{b}" for a, b in zipped(sa11, sb11))
  + "\nis there a difference between the suppliers?", "stats", "t_test", {"kind": "welch"}, welch(sa11, sb11))
m11 = [[5.1, 5.4, 5.0], [5.2, 5.6, 4.9], [5.0, 5.5, 5.1], [5.3, 5.7, 5.0]]  # rows; columns are machines
cols11 = [list(c) for c in zipped(*m11)]
q("| Machine 1 | Machine 2 | Machine 3 |\n|---|---|---|\n" + "\n".join("| " + " | ".join(map(str, r)) + " |" for r in m11)
  + "\nDo the machines differ?", "stats", "anova_oneway", None,
  {"f_statistic": stats.f_oneway(*cols11).statistic, "p_value": stats.f_oneway(*cols11).pvalue})
px11, py11 = [1, 2, 3, 4, 5], [2.3, 4.1, 6.2, 7.9, 10.1]
q("x y\n" + "\n".join(f"{a} {b}" for a, b in zipped(px11, py11)) + "\nlinear regression please", "stats", "regression",
  None, lin(px11, py11))
pb11, pf11 = [1.0, 1.5, 2.0, 2.5, 3.0, 3.5], [10.2, 12.9, 15.1, 17.8, 20.3, 22.6]
q("pressure (bar), flow (L/min)\n" + "\n".join(f"{a}, {b}" for a, b in zipped(pb11, pf11))
  + "\nHow does flow depend on pressure?", "stats", "regression", None, lin(pb11, pf11))
bf0, bf1 = [142, 138, 150, 145, 139, 148], [135, 136, 141, 140, 133, 142]
q("| Patient | Before | After |\n|---|---|---|\n" + "\n".join(f"| {i + 1} | {a} | {b} |" for i, (a, b) in
                                                             enumerate(zipped(bf0, bf1)))
  + "\nDid the treatment lower the readings? (paired)", "stats", "t_test", {"kind": "paired", "alternative": "greater"},
  {"t": stats.ttest_rel(bf0, bf1).statistic, "p_value": stats.ttest_rel(bf0, bf1, alternative="greater").pvalue})
sg11 = [[10.2, 10.1, 9.9, 10.0], [10.1, 10.3, 10.0, 9.8], [9.9, 10.0, 10.2, 10.1], [10.4, 10.2, 10.3, 10.1],
        [10.0, 9.9, 10.1, 10.2]]
q("Sample,x1,x2,x3,x4\n" + "\n".join(f"{i + 1}," + ",".join(map(str, r)) for i, r in enumerate(sg11))
  + "\nXbar-R chart please", "spc", "control_chart", {"chart": "xbar_r"},
  {"center": xbar_r(sg11)[0], "ucl": xbar_r(sg11)[1]})
pf = [[45, 5], [38, 12]]
q("|  | pass | fail |\n|---|---|---|\n| day | 45 | 5 |\n| night | 38 | 12 |\nIs the failure rate associated with the "
  "shift?", "stats", "chi_square", {"table": pf}, {"statistic": stats.chi2_contingency(pf, correction=False)[0]})
ln11 = [[25.02, 25.05, 24.98], [25.01, 25.07, 24.97], [24.99, 25.06, 25.00], [25.03, 25.04, 24.96],
        [25.00, 25.08, 24.99]]
lc11 = [list(c) for c in zipped(*ln11)]
q("Line 1 (mm)\tLine 2 (mm)\tLine 3 (mm)\n" + "\n".join("\t".join(f"{v:.2f}" for v in r) for r in ln11)
  + "\none-way anova", "stats", "anova_oneway", None, {"f_statistic": stats.f_oneway(*lc11).statistic})
hd11 = [3, 5, 2, 6, 4, 3, 7, 2]
q("Hour,Defects\n" + "\n".join(f"{i + 1},{c}" for i, c in enumerate(hd11)) + "\nc chart of the defects", "spc",
  "control_chart", {"chart": "c"}, {"center": np.mean(hd11), "ucl": np.mean(hd11) + 3 * np.sqrt(np.mean(hd11))})
lotd11 = [5, 8, 3, 6, 9, 4]
q("Lot,Inspected,Defective\n" + "\n".join(f"{i + 1},200,{c}" for i, c in enumerate(lotd11)) + "\np chart", "spc",
  "control_chart", {"chart": "p", "counts": lotd11}, {"center": p_chart(lotd11, 200)[0], "ucl": p_chart(lotd11, 200)[1]})
dia11 = [10.01, 9.98, 10.02, 10.00, 9.99, 10.03, 10.01, 9.97, 10.02, 10.00]
q("Diameter (mm)\n" + "\n".join(f"{v:.2f}" for v in dia11) + "\nLSL 9.95, USL 10.05. Cpk?", "spc", "capability", None,
  {"cpk": min(10.05 - np.mean(dia11), np.mean(dia11) - 9.95) / (3 * ind_sigma(dia11)),
   "pp": 0.1 / (6 * np.std(dia11, ddof=1)), "n": 10})
c3_11 = {(-1, -1, -1): [45], (1, -1, -1): [71], (-1, 1, -1): [48], (1, 1, -1): [65], (-1, -1, 1): [68],
         (1, -1, 1): [60], (-1, 1, 1): [80], (1, 1, 1): [65]}
q("| A | B | C | Yield |\n|---|---|---|---|\n" + "\n".join("| " + " | ".join("+" if s > 0 else "-" for s in k)
                                                            + f" | {v[0]} |" for k, v in c3_11.items())
  + "\nwhich effects are active?", "doe", "doe_effects", None,
  {k: v for k, v in cell_effects(c3_11).items() if k in ("effect_A", "mean")})
x1_11, x2_11 = [1, 2, 3, 4, 5, 6, 7, 8], [2, 1, 4, 3, 6, 5, 8, 7]
y_11 = [5.1, 5.9, 9.2, 9.8, 13.1, 13.7, 17.2, 17.9]
mX = np.column_stack([np.ones(8), x1_11, x2_11])
b11 = np.linalg.lstsq(mX, y_11, rcond=None)[0]
q("x1,x2,y\n" + "\n".join(f"{a},{b},{c}" for a, b, c in zipped(x1_11, x2_11, y_11)) + "\nmultiple regression of y on x1 "
  "and x2", "stats", "regression", None, {"coef_0": b11[0], "coef_1": b11[1], "coef_2": b11[2]})
tw_op = ["A", "A", "B", "B", "A", "A", "B", "B"]
tw_m = ["M1", "M2", "M1", "M2", "M1", "M2", "M1", "M2"]
tw_y = [5.1, 5.6, 5.3, 5.9, 5.0, 5.7, 5.4, 6.0]
q("operator,machine,value\n" + "\n".join(f"{a},{b},{c}" for a, b, c in zipped(tw_op, tw_m, tw_y))
  + "\ntwo-way anova", "stats", "anova_twoway", {"factor_a": "operator", "factor_b": "machine"},
  two_way(tw_y, tw_op, tw_m))
kw11 = [[3.1, 2.8, 3.5, 3.0], [4.2, 4.0, 4.6, 4.1], [3.3, 3.6, 3.2, 3.4]]
q("Plant X\tPlant Y\tPlant Z\n" + "\n".join("\t".join(map(str, r)) for r in zipped(*kw11))
  + "\nnon-parametric comparison of the plants", "stats", "kruskal_wallis", None,
  {"statistic": stats.kruskal(*kw11).statistic})
ci11 = [48.2, 49.1, 47.8, 50.3, 48.9, 49.5]
q("Reading (psi)\n" + "\n".join(map(str, ci11)) + "\n95% confidence interval for the mean", "stats", "describe",
  {"confidence": 0.95}, {"mean": np.mean(ci11), "se_mean": stats.sem(ci11)})
q("Time (s)  Temp (°C)\n0  20.1\n10  24.3\n20  28.2\n30  32.4\n40  36.1\nregress temperature on time", "stats",
  "regression", None, lin([0, 10, 20, 30, 40], [20.1, 24.3, 28.2, 32.4, 36.1]))
# numbers with units, thousands separators, signs, exponents, ± -----------------
rpm = [1200, 1350, 1280, 1310, 1250]
q("Spindle speeds were 1,200 rpm, 1,350 rpm, 1,280 rpm, 1,310 rpm and 1,250 rpm. What are the mean and standard "
  "deviation?", "stats", "describe", None, {"mean": np.mean(rpm), "std_dev": np.std(rpm, ddof=1)})
q("Box-Behnken for speed 1,000-2,000 rpm, feed 0.1-0.3 mm and depth 0.5 to 1.5 mm", "doe", "doe_design",
  {"design": "box_behnken"}, {"runs": 15, "natural_min_0": 1000, "natural_max_0": 2000, "natural_max_2": 1.5})
off = [-4, -2.5, 0.5, 1.2, -1.8, -3.1]
q("Measured offsets: −4, −2.5, 0.5, 1.2, −1.8, −3.1 µm. Is the mean offset different from zero?", "stats", "t_test",
  {"kind": "one_sample"}, {"t": stats.ttest_1samp(off, 0).statistic, "p_value": stats.ttest_1samp(off, 0).pvalue})
res = [3.2e-3, 3.5e-3, 2.9e-3, 3.1e-3, 3.4e-3]
q("Contact resistances 3.2e-3, 3.5e-3, 2.9e-3, 3.1e-3, 3.4e-3 ohm: 95% CI of the mean?", "stats", "describe",
  {"confidence": 0.95}, {"mean": np.mean(res), "se_mean": stats.sem(res)})
pm = [12.51, 12.49, 12.52, 12.50, 12.48, 12.53, 12.50, 12.51, 12.49, 12.52]
q(f"The spec is 12.5 mm ± 0.05. Parts measured: {' '.join(f'{v:.2f}' for v in pm)}. What is the Cpk?", "spc",
  "capability", None, {"ppk": min(12.55 - np.mean(pm), np.mean(pm) - 12.45) / (3 * np.std(pm, ddof=1)),
                       "cpk": min(12.55 - np.mean(pm), np.mean(pm) - 12.45) / (3 * ind_sigma(pm))})
pm2 = [25.03, 24.98, 25.01, 25.05, 24.97, 25.02, 25.00, 24.99]
q(f"target 25.00 +/- 0.10 mm; readings {', '.join(f'{v:.2f}' for v in pm2)} -- capability?", "spc", "capability", None,
  {"pp": 0.2 / (6 * np.std(pm2, ddof=1))})
wt = [1020, 998, 1005, 1012, 1001, 1009]
q("Bag weights 1,020 g, 998 g, 1,005 g, 1,012 g, 1,001 g, 1,009 g. Is the mean at least the 1,000 g on the label?",
  "stats", "t_test", {"kind": "one_sample", "alternative": "greater"},
  {"t": stats.ttest_1samp(wt, 1000).statistic, "p_value": stats.ttest_1samp(wt, 1000, alternative="greater").pvalue})
kn = [45.2, 47.1, 44.8, 46.3, 45.9, 46.7]
q("Tensile loads were 45.2 kN, 47.1 kN, 44.8 kN, 46.3 kN, 45.9 kN and 46.7 kN. Summary statistics please.", "stats",
  "describe", None, {"mean": np.mean(kn), "std_dev": np.std(kn, ddof=1), "median": np.median(kn)})
pct = [92.1, 93.4, 91.8, 94.0, 92.7]
q("Yields: 92.1%, 93.4%, 91.8%, 94.0%, 92.7%. Is the average above 92%?", "stats", "t_test",
  {"kind": "one_sample", "alternative": "greater"},
  {"p_value": stats.ttest_1samp(pct, 92, alternative="greater").pvalue})
tmp = [-12.5, -11.8, -13.1, -12.2, -12.9, -11.5, -12.4]
q("freezer temps −12.5 °C, −11.8 °C, −13.1 °C, −12.2 °C, −12.9 °C, −11.5 °C, −12.4 °C: individuals chart", "spc",
  "control_chart", {"chart": "imr"}, {"center": np.mean(tmp), "ucl": np.mean(tmp) + 3 * ind_sigma(tmp)})
vis7, vis8 = [1510, 1498, 1522, 1505], [1540, 1552, 1538, 1547]
q("Viscosity, batch 7: 1,510 1,498 1,522 1,505 cP; batch 8: 1,540 1,552 1,538 1,547 cP. Are the batches different?",
  "stats", "t_test", {"kind": "welch"}, welch(vis7, vis8))
q("what is 1,200 × 0.15", "math", "evaluate", None, expr="180")
q("Design a 2^3 full factorial: temperature 150 to 200 °C, pressure 2-4 bar, time 30-60 min", "doe", "doe_design",
  {"design": "full_factorial"}, {"runs": 8, "natural_min_0": 150, "natural_max_1": 4, "natural_max_2": 60})
# wordy questions with context numbers that are not data -----------------
scrap = [12, 9, 15, 11, 8, 14, 10, 13, 9]
q(f"We ran 3 shifts last week and the line 2 scrap counts per shift were {fmt(scrap)}. Is the scrap process in "
  "control?", "spc", "control_chart", {"chart": "c"},
  {"center": np.mean(scrap), "ucl": np.mean(scrap) + 3 * np.sqrt(np.mean(scrap))})
ma, mb = [25.02, 25.01, 24.99, 25.03, 25.00], [25.05, 25.07, 25.04, 25.06, 25.08]
q(f"Hi, I'm a quality engineer at a plant with 450 employees. Our 2 CNC machines make shafts. Machine A diameters: "
  f"{fmt(ma)}; Machine B: {fmt(mb)}. Is there a difference in mean diameter?", "stats", "t_test", {"kind": "welch"},
  welch(ma, mb))
fv = [500.2, 499.8, 500.5, 500.1, 499.6, 500.3, 500.0, 499.9, 500.4, 500.2, 499.7, 500.1]
q(f"Since January 2024 we have tracked fill volumes on line 4. The last 12 readings (ml): {' '.join(map(str, fv))}. "
  "Make an I-MR chart.", "spc", "control_chart", {"chart": "imr"},
  {"center": np.mean(fv), "ucl": np.mean(fv) + 3 * ind_sigma(fv)})
sup = [3, 5, 2, 8, 4]
q("Our supplier sent 5 lots. From each lot we inspected 100 parts and found 3, 5, 2, 8 and 4 defectives. p chart?",
  "spc", "control_chart", {"chart": "p", "counts": sup}, {"center": p_chart(sup, 100)[0], "ucl": p_chart(sup, 100)[1]})
r2 = [88.1, 87.5, 89.2, 88.8, 87.9]
q(f"In 2023 we had 4 reactors. In reactor R2 the batch yields were {fmt(r2)} % and the target is 88 %. Is the mean "
  "different from the target?", "stats", "t_test", {"kind": "one_sample"},
  {"t": stats.ttest_1samp(r2, 88).statistic, "p_value": stats.ttest_1samp(r2, 88).pvalue})
q("I have 20 years in production but I never did a DOE. I want to test 3 factors (temperature, time and pH) at 2 "
  "levels each. What design do you suggest?", "doe", "doe_design", {"design": "full_factorial"},
  {"runs": 8, "factor_names": ["temperature", "time", "ph"]})
op3 = [[5.02, 5.01, 5.03], [5.05, 5.06, 5.04], [5.01, 5.00, 5.02]]
q("Over 2 weeks, 3 operators measured the same part. Operator 1: 5.02 5.01 5.03; Operator 2: 5.05 5.06 5.04; "
  "Operator 3: 5.01 5.00 5.02. Do the operators differ?", "stats", "anova_oneway", None,
  {"f_statistic": stats.f_oneway(*op3).statistic, "p_value": stats.f_oneway(*op3).pvalue})
fw = [2.31, 2.45, 2.38, 2.52, 2.29, 2.41, 2.47, 2.36, 2.44, 2.50, 2.39, 2.42]
q(f"We pulled 12 samples from lot 5583 on 14 March; weights (g): {' '.join(f'{v:.2f}' for v in fw)}. Can I assume "
  "normality before running a capability study?", "stats", "normality", None, {"statistic": stats.shapiro(fw).statistic})
ct11 = [41.2, 39.8, 40.5, 42.1, 40.9, 41.5, 40.2]
q(f"Our takt time is 45 s and we have 6 stations. Cycle times at station 3 were {', '.join(map(str, ct11))} s. "
  "Is the mean cycle time below 45 s?", "stats", "t_test", {"kind": "one_sample", "alternative": "less"},
  {"p_value": stats.ttest_1samp(ct11, 45, alternative="less").pvalue})
pre, post = [18.2, 17.5, 19.1, 18.8, 17.9], [16.1, 16.4, 17.2, 16.9, 16.0]
q(f"After the 2 hour training on 3 May, the same 5 operators were timed again. Before (min): {fmt(pre)}. After (min): "
  f"{fmt(post)}. Paired t-test please.", "stats", "t_test", {"kind": "paired"},
  {"t": stats.ttest_rel(pre, post).statistic, "p_value": stats.ttest_rel(pre, post).pvalue})
hr = [0.8, 1.2, 0.9, 1.5, 1.1, 0.7, 1.3, 1.0, 0.9, 1.4]
q(f"Customer complaint: parts from PO 4471 (qty 5,000) look warped. Flatness on 10 parts, mm: {fmt(hr)}. Spec is "
  "max 2.0 mm, LSL 0. Capability please.", "spc", "capability", None,
  {"ppk": min(2.0 - np.mean(hr), np.mean(hr)) / (3 * np.std(hr, ddof=1))})
# paraphrases of every tool ---------------------------------------------
cat = [[78.1, 79.4, 77.8, 78.9], [81.2, 80.5, 82.0, 81.4], [79.0, 78.6, 79.8, 79.3]]
q("Is there a significant difference among the catalysts? cat-1: 78.1 79.4 77.8 78.9; cat-2: 81.2 80.5 82.0 81.4; "
  "cat-3: 79.0 78.6 79.8 79.3", "stats", "anova_oneway", None, {"f_statistic": stats.f_oneway(*cat).statistic})
q("Goodness-of-fit: 50 45 55 50 48 52 customers per weekday, is the traffic uniform?", "stats", "chi_square", None,
  {"statistic": stats.chisquare([50, 45, 55, 50, 48, 52]).statistic})
cross = [[20, 15, 5], [10, 25, 25]]
q("cross-tab of vendor vs grade: vendor A: 20 15 5, vendor B: 10 25 25. Any relationship?", "stats", "chi_square",
  None, {"statistic": stats.chi2_contingency(cross, correction=False)[0]})
sh = [74.03, 73.98, 74.01, 74.05, 73.97, 74.00, 74.02, 73.99, 74.04, 74.01]
q(f"Shewhart chart for individual readings: {' '.join(f'{v:.2f}' for v in sh)}", "spc", "control_chart",
  {"chart": "imr"}, {"center": np.mean(sh), "ucl": np.mean(sh) + 3 * ind_sigma(sh)})
fn = [7, 9, 12, 15, 18, 22, 25]
q(f"five-number summary and mean of {fmt(fn)}", "stats", "describe", None, {"median": 15, "mean": np.mean(fn)})
q("partial derivative of x^2*y^3 with respect to y", "math", "differentiate", None,
  expr=str(sympy.diff(xs ** 2 * sympy.Symbol("y") ** 3, sympy.Symbol("y"))))
q("rate of change of t^3 - 4t with respect to t", "math", "differentiate", None,
  expr=str(sympy.diff(sympy.Symbol("t") ** 3 - 4 * sympy.Symbol("t"), sympy.Symbol("t"))))
q("screening experiment for 7 factors in 8 runs", "doe", "doe_design", {"design": "fractional_factorial"},
  {"runs": 8, "resolution": 3})
q("main effects and interactions for a 2^2 with responses 30, 42, 35, 51", "doe", "doe_effects", None,
  {"effect_A": (42 + 51) / 2 - (30 + 35) / 2, "mean": np.mean([30, 42, 35, 51])})
q("what is the value of sin(pi/6) + 2^10", "math", "evaluate", None, expr=str(sympy.sin(sympy.pi / 6) + 2 ** 10))
q("area under y = x^2 between 0 and 3", "math", "integrate", None, expr=str(sympy.integrate(xs ** 2, (xs, 0, 3))))
q("rank-based test for three groups: G1 12 15 11 14, G2 18 21 19 20, G3 13 12 16 15", "stats", "kruskal_wallis", None,
  {"statistic": stats.kruskal([12, 15, 11, 14], [18, 21, 19, 20], [13, 12, 16, 15]).statistic})
hv = [[4.1, 4.3, 4.2, 4.0], [3.5, 5.0, 4.6, 3.9], [4.2, 4.1, 4.4, 4.3]]
q("homogeneity of variance check: shift 1: 4.1 4.3 4.2 4.0; shift 2: 3.5 5.0 4.6 3.9; shift 3: 4.2 4.1 4.4 4.3",
  "stats", "levene", None, {"statistic": stats.levene(*hv, center="median").statistic})
q("what does sin(3x)/x tend to as x goes to 0?", "math", "limit", None,
  expr=str(sympy.limit(sympy.sin(3 * xs) / xs, xs, 0)))
q("eigenvalues of [[2, 1], [1, 2]]", "math", "matrix", None)
q("determinant of\n| 4 1 |\n| 2 3 |", "math", "matrix", None, expr=str(round(np.linalg.det([[4, 1], [2, 3]]))))
ad = [9.8, 10.2, 10.1, 9.9, 10.0, 10.3, 9.7, 10.1, 10.0, 9.9]
q(f"Do these follow a bell curve? {fmt(ad)}", "stats", "normality", None, {"statistic": stats.shapiro(ad).statistic})
qx, qy = [0, 1, 2, 3, 4, 5], [1.1, 2.0, 5.2, 10.1, 16.8, 26.0]
qc = np.polyfit(qx, qy, 2)
q(f"quadratic fit of y = {fmt(qy)} against x = {fmt(qx)}", "stats", "regression", None,
  {"coef_0": qc[2], "coef_1": qc[1], "coef_2": qc[0]})
# the rules on an individuals chart with the known standards: limits 10 ± 3(0.3); 11.2 (index 4) is beyond 10.9
q("check the Western Electric rules for 10.1 9.9 10.2 10.0 11.2 10.1 9.8 10.0 with centre 10 and sigma 0.3", "spc",
  "control_chart", {"chart": "imr"}, {"center": 10, "ucl": 10 + 3 * 0.3, "violation_rule1_index": 4})
q("expand cos(x) in powers of x up to x^6", "math", "series", None)
q("partial fractions of 1/(x^2 - 4)", "math", "simplify", None, expr=str(sympy.apart(1 / (xs ** 2 - 4))))
q("find the roots of 2x^2 - 3x - 2", "math", "solve", None, expect={"solutions": [-0.5, 2]})
q("solve the system x + y = 10, x - y = 2", "math", "solve", None, expect={"solutions_xy": [6, 4]})
q("what is the d2 constant for subgroups of 4?", "spc", "spc_constants", None, {"d2": 2.059})
pc0, pc1 = [8.2, 7.9, 8.5, 8.1, 8.4], [8.6, 8.3, 8.8, 8.5, 8.9]
q(f"paired comparison, same 5 specimens tested by lab 1 ({' '.join(map(str, pc0))}) and lab 2 "
  f"({' '.join(map(str, pc1))})", "stats", "t_test", {"kind": "paired"}, {"t": stats.ttest_rel(pc0, pc1).statistic})
q("integral of 3x^2 + 2x dx", "math", "integrate", None, expr=str(sympy.integrate(3 * xs ** 2 + 2 * xs, xs)))
q("simplify sin(t)^2 + cos(t)^2 please", "math", "simplify", None, expr="1")
# 2^3 cube + 2·3 axial + the 5 centre points the plan notes say it adds when none are asked for
q("CCD for 3 factors, rotatable", "doe", "doe_design", {"design": "central_composite"},
  {"runs": 2 ** 3 + 2 * 3 + 5, "alpha": (2 ** 3) ** 0.25})
q("Ppk for 4.98 5.02 5.01 4.99 5.03 5.00 4.97 5.02, spec limits 4.9 / 5.1", "spc", "capability", None,
  {"ppk": min(5.1 - np.mean([4.98, 5.02, 5.01, 4.99, 5.03, 5.00, 4.97, 5.02]),
              np.mean([4.98, 5.02, 5.01, 4.99, 5.03, 5.00, 4.97, 5.02]) - 4.9)
   / (3 * np.std([4.98, 5.02, 5.01, 4.99, 5.03, 5.00, 4.97, 5.02], ddof=1))})
q("what's a good restaurant in Paris with 3 Michelin stars?", "general", None)
dr = {(-1, -1): [61], (1, -1): [72], (-1, 1): [58], (1, 1): [80]}
q("run,temp,pressure,yield\n1,150,2,61\n2,200,2,72\n3,150,4,58\n4,200,4,80\nwhich factor has the bigger effect?", "doe",
  "doe_effects", None, {k: v for k, v in cell_effects(dr).items() if k in ("effect_A", "mean")})
dd = [[5.01, 4.98, 5.02], [5.00, 5.03, 4.99], [4.97, 5.01, 5.00], [5.02, 5.04, 5.01], [4.99, 5.00, 4.98]]
q("| Day | Sample 1 | Sample 2 | Sample 3 |\n|---|---|---|---|\n" + "\n".join(
    f"| {d} | " + " | ".join(f"{v:.2f}" for v in r) + " |" for d, r in zipped(["Mon", "Tue", "Wed", "Thu", "Fri"], dd))
  + "\nX-bar and R chart", "spc", "control_chart", {"chart": "xbar_r"}, {"center": xbar_r(dd)[0], "ucl": xbar_r(dd)[1]})

# round 11, a second set written after the fixes above and run before any change (13/16 passed; the 3 misses led to
# 'from 1 to e', 'at any x' and a screening budget of 12 runs becoming a Plackett-Burman design)
hx, hy = [5, 10, 15, 20, 25], [1.2, 2.1, 3.3, 4.0, 5.2]
q("Load (kg)\tDeflection (mm)\n" + "\n".join(f"{a}\t{b}" for a, b in zipped(hx, hy)) + "\nfit a straight line", "stats",
  "regression", None, lin(hx, hy))
sA, sB, sC = [31.2, 30.8, 31.5, 31.0], [29.9, 30.1, 30.4, 29.8], [31.9, 32.3, 32.0, 32.4]
q("| Shift A | Shift B | Shift C |\n| --- | --- | --- |\n" + "\n".join(f"| {a} | {b} | {c} |" for a, b, c in
                                                                   zipped(sA, sB, sC)) + "\nAre the shift means equal?",
  "stats", "anova_oneway", None, {"f_statistic": stats.f_oneway(sA, sB, sC).statistic})
pr = [2150, 2210, 2185, 2240, 2170, 2205]
q("Burst pressures: 2,150 psi, 2,210 psi, 2,185 psi, 2,240 psi, 2,170 psi and 2,205 psi. Is the mean above 2,150 psi?",
  "stats", "t_test", {"kind": "one_sample", "alternative": "greater"},
  {"p_value": stats.ttest_1samp(pr, 2150, alternative="greater").pvalue})
wk = [4, 7, 3, 5, 6, 2, 8, 5]
q(f"Our call centre has 35 agents on 2 floors. Complaints counted per week: {fmt(wk)}. Is the complaint count stable? "
  "c chart", "spc", "control_chart", {"chart": "c"}, {"center": np.mean(wk), "ucl": np.mean(wk) + 3 * np.sqrt(np.mean(wk))})
ins, dfc = [150, 150, 150, 150, 150], [4, 7, 2, 5, 6]
q("Day,Checked,Rejected\nMon,150,4\nTue,150,7\nWed,150,2\nThu,150,5\nFri,150,6\np chart please", "spc", "control_chart",
  {"chart": "p", "counts": dfc}, {"center": p_chart(dfc, 150)[0], "ucl": p_chart(dfc, 150)[1]})
g = [[2.01, 1.98, 2.03], [2.00, 2.02, 1.99], [1.97, 2.01, 2.00], [2.03, 2.00, 2.02]]
q("Subgroup\tr1\tr2\tr3\n" + "\n".join(f"{i + 1}\t" + "\t".join(f"{v:.2f}" for v in r) for i, r in enumerate(g))
  + "\nxbar-r chart", "spc", "control_chart", {"chart": "xbar_r"}, {"center": xbar_r(g)[0], "ucl": xbar_r(g)[1]})
ht = [0.52, 0.49, 0.51, 0.50, 0.48, 0.53, 0.50, 0.51]
q(f"Wall thickness, 8 tubes from furnace 3: {' '.join(f'{v:.2f}' for v in ht)} mm. Spec 0.50 ± 0.05 mm. Ppk?", "spc",
  "capability", None, {"ppk": min(0.55 - np.mean(ht), np.mean(ht) - 0.45) / (3 * np.std(ht, ddof=1))})
t1, t2 = [88, 92, 85, 90, 87], [91, 95, 88, 94, 90]
q(f"The same 5 welders were scored by inspector 1 ({fmt(t1)}) and inspector 2 ({fmt(t2)}). Paired t-test.", "stats",
  "t_test", {"kind": "paired"}, {"t": stats.ttest_rel(t1, t2).statistic})
ct = [[12, 8], [5, 15]]
q("| | defect | ok |\n|---|---|---|\n| supplier X | 12 | 8 |\n| supplier Y | 5 | 15 |\nIs defect status independent of "
  "supplier?", "stats", "chi_square", {"table": ct}, {"statistic": stats.chi2_contingency(ct, correction=False)[0]})
ph = [6.8, 7.1, 6.9, 7.2, 7.0, 6.7, 7.3, 7.0, 6.9, 7.1]
q(f"pH readings from tank 2 over 10 days: {fmt(ph)}. Are they normally distributed?", "stats", "normality", None,
  {"statistic": stats.shapiro(ph).statistic})
q("integrate 1/x from 1 to e", "math", "integrate", None, expr="1")
q("slope of the tangent: derivative of x^3 + 2x at any x", "math", "differentiate", None,
  expr=str(sympy.diff(xs ** 3 + 2 * xs, xs)))
q("what does (1 + 1/n)^n approach as n goes to oo?", "math", "limit", None, expr="E")
q("partial fraction decomposition of (3x + 5)/((x + 1)(x + 2))", "math", "simplify", None,
  expr=str(sympy.apart((3 * xs + 5) / ((xs + 1) * (xs + 2)))))
q("I need a screening design: 11 factors, 12 runs", "doe", "doe_design", {"design": "plackett_burman"}, {"runs": 12})
mw = [12.5, 12.9, 12.7, 13.1, 12.8]
q(f"summary stats for shaft length (mm): {fmt(mw)}", "stats", "describe", None, {"mean": np.mean(mw), "std_dev": np.std(mw, ddof=1)})

dw = [70.2, 70.0, 69.7, 69.5, 69.1]
q("Day,Weight\n" + "\n".join(f"{i + 1},{v}" for i, v in enumerate(dw)) + "\nregress weight on day", "stats", "regression",
  None, lin([1, 2, 3, 4, 5], dw))  # a row-number column the question makes the predictor is kept
hd5 = [3, 5, 2, 6, 4]
q("Hour,Defects\n" + "\n".join(f"{i + 1},{v}" for i, v in enumerate(hd5)) + "\nc chart of the defects per hour", "spc",
  "control_chart", {"chart": "c", "counts": hd5}, {"center": np.mean(hd5), "ucl": np.mean(hd5) + 3 * np.sqrt(np.mean(hd5))})

# ------------------------------------------------------------------ round 12: comparison words without "compare"
m1, m2 = [500.2, 499.8, 500.5, 500.1, 499.9], [501.0, 500.8, 501.3, 500.9, 501.1]
q(f"Two machines fill bottles. Machine 1: {' '.join(map(str, m1))}; Machine 2: {' '.join(map(str, m2))}. "
  "Is machine 2 overfilling relative to machine 1?", "stats", "t_test", {"kind": "welch"},
  {"p_value": stats.ttest_ind(m1, m2, equal_var=False).pvalue})

# ------------------------------------------------------------------ round 13: the kinds earlier rounds covered least
# (65 questions written before any answer was read, 40 right at first, then 9 more; the misses fixed here: pi-fraction
# bounds, 'xe^x', 'third degree', goodness of fit to given proportions / a ratio / percentages, a given CCD alpha,
# blocks. Phase II points, 'drop the 4th sample', Cpu/Cpl wording, fractions in matrices are still not planned.)
go, gp = [48, 35, 17], [0.5, 0.3, 0.2]
q("Chi-square goodness of fit: observed 48, 35, 17 against expected proportions 0.5, 0.3, 0.2", "stats", "chi_square",
  {"expected": [50.0, 30.0, 20.0]}, {"statistic": stats.chisquare(go, np.array(gp) * sum(go)).statistic,
                                     "p_value": stats.chisquare(go, np.array(gp) * sum(go)).pvalue})
ro = [30, 50, 20]
q("Do these counts 30, 50, 20 follow the ratio 1:2:1?", "stats", "chi_square", None,
  {"statistic": stats.chisquare(ro, [25, 50, 25]).statistic})
po = [55, 28, 17]
q("expected percentages 50%, 30%, 20%; observed 55, 28, 17. goodness of fit", "stats", "chi_square", None,
  {"statistic": stats.chisquare(po, [50, 30, 20]).statistic})
cx, cy = [1, 2, 3, 4, 5, 6], [3, 5, 10, 20, 38, 65]
q(f"fit a third degree polynomial to x {' '.join(map(str, cx))}, y {' '.join(map(str, cy))}", "stats", "regression",
  {"degree": 3}, {f"coef_{i}": c for i, c in enumerate(np.polyfit(cx, cy, 3)[::-1])})
c7x, c7y = [0, 1, 2, 3, 4, 5, 6], [1.0, 2.2, 4.9, 11.8, 25.1, 46.3, 77.0]
q(f"cubic polynomial fit: x = {' '.join(map(str, c7x))}, y = {' '.join(map(str, c7y))}", "stats", "regression",
  {"degree": 3}, {"coef_3": np.polyfit(c7x, c7y, 3)[0]})
qx, qy = [1, 2, 3, 4, 5, 6], [2.2, 4.1, 8.3, 14.2, 21.9, 31.8]
q(f"fit a 2nd order polynomial: x = {' '.join(map(str, qx))}, y = {' '.join(map(str, qy))}", "stats", "regression",
  {"degree": 2}, {"coef_2": np.polyfit(qx, qy, 2)[0], "coef_0": np.polyfit(qx, qy, 2)[2]})
ox, oy = np.array([1, 2, 3, 4, 5.0]), np.array([2.1, 3.9, 6.2, 7.8, 10.1])
q("regression through the origin: x = 1 2 3 4 5, y = 2.1 3.9 6.2 7.8 10.1", "stats", "regression", {"intercept": False},
  {"coef_0": ox @ oy / (ox @ ox)})
q("differentiate 3xe^x", "math", "differentiate", None, expr=str(sympy.diff(3 * xs * sympy.exp(xs), xs)))
q("derivative of xe^(2x)", "math", "differentiate", None, expr=str(sympy.diff(xs * sympy.exp(2 * xs), xs)))
q("integrate e^(2x) dx", "math", "integrate", None, expr=str(sympy.integrate(sympy.exp(2 * xs), xs)))
q("derivative of ln(x^2+1)", "math", "differentiate", None, expr=str(sympy.diff(sympy.log(xs ** 2 + 1), xs)))
q("integral of cos(x)^2 from 0 to pi/2", "math", "integrate", None,
  expr=str(sympy.nsimplify(integrate.quad(lambda t: np.cos(t) ** 2, 0, np.pi / 2)[0] / np.pi) * sympy.pi))
q("integrate sin(x) from 0 to pi", "math", "integrate", None, expr=str(round(integrate.quad(np.sin, 0, np.pi)[0])))
q("integrate x*sin(x) from 0 to 2pi", "math", "integrate", None,
  expr=str(round(integrate.quad(lambda t: t * np.sin(t), 0, 2 * np.pi)[0] / np.pi)) + "*pi")
q("integral of sin(x) from -pi/2 to pi/2", "math", "integrate", None, expr="0")
q("simplify sin^2(x) + cos^2(x)", "math", "simplify", None, expr="1")
q("simplify 2sin(x)cos(x)", "math", "simplify", None, expr=str(sympy.sin(2 * xs)))
q("solve x + y = 10, x - y = 2", "math", "solve", None, {"solutions_xy": list(np.linalg.solve([[1, 1], [1, -1]], [10, 2]))})
q("solve the system 2x + 3y = 7 and 4x - y = 7", "math", "solve", None,
  {"solutions_xy": list(np.linalg.solve([[2, 3], [4, -1]], [7, 7]))})
q("limit of (3x^2 + 2)/(x^2 - 1) as x goes to infinity", "math", "limit", None, expr="3")
q("lim x->oo (1 + 2/x)^x", "math", "limit", None, expr=str(sympy.exp(2)))
ys_ = sympy.Symbol("y")
q("partial derivative of x^2*y + y^3 with respect to y", "math", "differentiate", None,
  expr=str(sympy.diff(xs ** 2 * ys_ + ys_ ** 3, ys_)))
q("central composite design for 2 factors with alpha = 1.5", "doe", "doe_design", {"design": "central_composite"},
  {"alpha": 1.5, "runs": 4 + 4 + 5})
q("CCD for 3 factors, alpha 1.682, 6 center points", "doe", "doe_design", {"design": "central_composite"},
  {"alpha": 1.682, "runs": 8 + 6 + 6, "centre_rows": 6})
q("central composite with axial distance 2 for 2 factors", "doe", "doe_design", {"design": "central_composite"},
  {"alpha": 2.0})
q("rotatable central composite design for 3 factors", "doe", "doe_design", {"design": "central_composite"},
  {"alpha": 8 ** 0.25, "runs": 8 + 6 + 5})
q("2^3 full factorial in 2 blocks", "doe", "doe_design", {"design": "full_factorial", "blocks": 2},
  {"runs": 8, "blocks": 2})
q("2^4 full factorial run in 4 blocks", "doe", "doe_design", {"design": "full_factorial", "blocks": 4},
  {"runs": 16, "blocks": 4})
q("full factorial 2^4 with 3 replicates, randomized, seed 42", "doe", "doe_design",
  {"design": "full_factorial", "replicates": 3, "seed": 42}, {"runs": 2 ** 4 * 3})
q("I need a resolution four design for 5 factors", "doe", "doe_design", {"design": "fractional_factorial"},
  {"runs": 16})
q("Plackett-Burman design for 7 factors", "doe", "doe_design", {"design": "plackett_burman"}, {"runs": 8})
q("Plackett Burman with 20 runs", "doe", "doe_design", {"design": "plackett_burman"}, {"runs": 20})
q("Latin hypercube: 12 runs, temperature 100-200 °C and pressure 1-5 bar, seed 1", "doe", "doe_design",
  {"design": "latin_hypercube"}, {"runs": 12, "factor_names": ["temperature", "pressure"]})
cm = np.array([10.05, 10.08, 10.02, 10.10, 10.06, 10.04, 10.09, 10.07, 10.03, 10.11])
q(f"Cpm with target 10.0, LSL 9.7, USL 10.3: {' '.join(f'{v:.2f}' for v in cm)}", "spc", "capability",
  {"target": 10.0}, {"pp": 0.6 / (6 * cm.std(ddof=1))})
fl = np.array([0.42, 0.51, 0.38, 0.47, 0.55, 0.44, 0.49, 0.40, 0.52, 0.46])
q(f"Only an upper spec limit of 0.8 mm: flatness {' '.join(f'{v:.2f}' for v in fl)}. What's the capability?", "spc",
  "capability", {"usl": 0.8}, {"pp_u": (0.8 - fl.mean()) / (3 * fl.std(ddof=1))})
ls = np.array([5.1, 5.3, 5.0, 5.2, 4.9, 5.4, 5.1, 5.2])
q("lower spec only, LSL 4.5: 5.1 5.3 5.0 5.2 4.9 5.4 5.1 5.2 — Ppk?", "spc", "capability", {"lsl": 4.5},
  {"ppk": (ls.mean() - 4.5) / (3 * ls.std(ddof=1))})
nv = np.array([10, 10.2, 9.8, 10.1, 10.3, 10.4, 10.5, 10.6, 10.7, 10.8, 10.9, 9.9, 10, 10.1])
q("Apply the Nelson rules to this I chart: " + " ".join(f"{v:g}" for v in nv), "spc", "control_chart",
  {"chart": "imr", "rules": "nelson"}, {"center": nv.mean(), "ucl": nv.mean() + 3 * ind_sigma(nv)})
xs6 = [4.1, 4.0, 4.2, 3.9, 4.1, 4.0, 4.2, 4.1, 4.3, 4.0, 4.1, 4.2, 3.9, 4.0, 4.1, 4.0, 3.8, 4.1, 4.2, 4.1, 4.0, 4.3, 4.1,
       4.2, 4.0, 4.1, 4.0, 4.2, 3.9, 4.1]
s6 = np.array(xs6).reshape(5, 6)
q(f"xbar-s chart for 30 values in subgroups of 6: {' '.join(map(str, xs6))}", "spc", "control_chart", {"chart": "xbar_s"},
  {"center": s6.mean()})  # the limits use the tabled A3(6) = 1.287, checked elsewhere
bp1, bp2 = [140, 152, 138, 145, 160, 148], [132, 147, 135, 140, 151, 141]
q(f"Blood pressure before and after the drug for 6 patients: before {' '.join(map(str, bp1))}, after "
  f"{' '.join(map(str, bp2))}. Did it drop?", "stats", "t_test", {"kind": "paired"},
  {"t": stats.ttest_rel(bp1, bp2).statistic})
k1, k2, k3 = [12, 15, 11, 14], [18, 20, 17, 19], [13, 12, 16, 14]
q(f"non-parametric test for three groups: A {' '.join(map(str, k1))}, B {' '.join(map(str, k2))}, C "
  f"{' '.join(map(str, k3))}", "stats", "kruskal_wallis", None, {"statistic": stats.kruskal(k1, k2, k3).statistic})
q("eigenvalues of [[2, 1], [1, 2]]", "math", "matrix", {"operation": "eigenvalues"})

# round 13, phase II (new points judged against phase I limits; they were refused, dropped or read as context)
b20 = [10.1, 9.9, 10.0, 10.2, 9.8, 10.1, 10.0, 9.9, 10.3, 10.0, 9.7, 10.1, 10.0, 10.2, 9.9, 10.0, 10.1, 9.8, 10.0, 10.2]
n5 = [10.1, 10.4, 9.6, 11.2, 10.0]
u20 = np.mean(b20) + 3 * ind_sigma(b20)
q(f"Here are 20 baseline readings: {' '.join(map(str, b20))}. Are these 5 new ones in control: {fmt(n5)}?", "spc",
  "control_chart", {"chart": "imr", "phase2_values": n5},
  {"center": np.mean(b20), "ucl": u20, "violation_rule1_index": 20 + [i for i, v in enumerate(n5) if v > u20][0]})
p1, p2 = [50.2, 49.8, 50.1, 50.0, 49.9, 50.3, 49.7, 50.2, 50.0, 50.1, 49.8, 50.0], [50.1, 50.6, 51.5, 49.9]
u12 = np.mean(p1) + 3 * ind_sigma(p1)
q(f"Phase I data (individuals): {' '.join(map(str, p1))}. Phase II: {' '.join(map(str, p2))}", "spc", "control_chart",
  {"chart": "imr", "phase2_values": p2},
  {"center": np.mean(p1), "violation_rule1_index": 12 + [i for i, v in enumerate(p2) if v > u12][0]})
s12, s3 = [5.0, 5.2, 4.9, 5.1, 5.0, 4.8, 5.1, 5.2, 4.9, 5.0, 5.1, 5.0], [5.3, 5.6, 4.7]
q(f"Using these 12 points to set the limits: {' '.join(map(str, s12))}, check the new readings {' '.join(map(str, s3))}",
  "spc", "control_chart", {"chart": "imr", "phase2_values": s3},
  {"center": np.mean(s12), "ucl": np.mean(s12) + 3 * ind_sigma(s12)})
c10, c3 = [4, 6, 3, 5, 7, 4, 5, 6, 3, 5], [9, 14, 4]
uc = np.mean(c10) + 3 * np.sqrt(np.mean(c10))
q(f"c chart phase I counts {' '.join(map(str, c10))}; new counts {' '.join(map(str, c3))} - are they in control?", "spc",
  "control_chart", {"chart": "c", "phase2_counts": c3},
  {"center": np.mean(c10), "ucl": uc, "violation_rule1_index": 10 + [i for i, v in enumerate(c3) if v > uc][0]})
pc, pn = [3, 5, 4, 6, 2, 5, 4, 3], [12, 4]
q(f"p chart with samples of 100: {' '.join(map(str, pc))}. New samples: {fmt(pn)}", "spc", "control_chart",
  {"chart": "p", "counts": pc, "phase2_counts": pn},
  {"center": p_chart(pc, 100)[0], "ucl": p_chart(pc, 100)[1], "violation_rule1_index": 8})
q(f"p chart with samples of 100: {' '.join(map(str, pc))}", "spc", "control_chart", {"chart": "p", "counts": pc},
  {"center": p_chart(pc, 100)[0], "ucl": p_chart(pc, 100)[1]})  # the counts were read as their own sizes
xr1 = [[10.1, 10.0, 9.9], [10.2, 10.1, 10.0], [9.9, 10.0, 10.1], [10.0, 10.2, 10.1], [10.1, 9.9, 10.0]]
xr2 = [[10.4, 10.5, 10.3], [10.0, 10.1, 9.9]]
q("X-bar R chart phase I subgroups: " + " / ".join(" ".join(map(str, r)) for r in xr1) + ". Phase II subgroups: "
  + " / ".join(" ".join(map(str, r)) for r in xr2), "spc", "control_chart", {"chart": "xbar_r", "phase2_subgroups": xr2},
  {"center": xbar_r(xr1)[0], "ucl": xbar_r(xr1)[1], "violation_rule1_index": 5})

cu = [10.2, 10.5, 10.1, 10.8, 10.4, 10.6, 10.3, 10.7]
q(f"Cpu with USL = 12: {' '.join(map(str, cu))}", "spc", "capability", {"usl": 12.0},
  {"cp_u": (12 - np.mean(cu)) / (3 * ind_sigma(cu))})  # 'Cpu' alone was not a capability question

# an excluded point leaves the centre line, and every moving range that touches it, out of the limits
ex = [10.1, 10.3, 9.8, 10.0, 14.0, 10.2, 10.1, 9.9, 10.0, 10.4]
ex_keep = [v for i, v in enumerate(ex) if i != 4]
ex_mr = np.mean([abs(ex[i + 1] - ex[i]) for i in range(len(ex) - 1) if 4 not in (i, i + 1)])
q(f"I-MR chart for {' '.join(map(str, ex))}, exclude point 5", "spc", "control_chart", {"chart": "imr"},
  {"center": np.mean(ex_keep), "ucl": np.mean(ex_keep) + 3 * ex_mr / 1.128})

dr = [10.1, 10.3, 9.8, 13.9, 10.2, 10.1, 9.9, 10.0, 10.4, 10.2]
dr_keep = [v for i, v in enumerate(dr) if i != 3]
q(f"individuals chart of {', '.join(map(str, dr))} - drop the 4th sample, it was a bad reading", "spc",
  "control_chart", {"chart": "imr", "exclude": [3]}, {"center": np.mean(dr_keep)})

# ------------------------------------------------------------------ rank tests by name (were answered by Kruskal-Wallis)
mwa, mwb = [12.1, 11.8, 12.5, 13.2, 12.0], [13.5, 13.1, 14.2, 13.8, 12.9, 14.0]
mw = stats.mannwhitneyu(mwa, mwb, method="exact")
q(f"Mann-Whitney U test: line A {fmt(mwa)} vs line B {fmt(mwb)}", "stats", "mann_whitney", None,
  {"statistic": mw.statistic, "p_value": mw.pvalue, "estimate": np.median(np.subtract.outer(mwa, mwb))})
sa_, sb_ = [3.1, 2.8, 3.5, 4.0, 2.9, 3.3], [4.2, 4.8, 3.9, 5.1, 4.4]
mw = stats.mannwhitneyu(sa_, sb_, method="exact")
q(f"Do the suppliers differ? Use a non-parametric test. Supplier A: {fmt(sa_)}; Supplier B: {fmt(sb_)}", "stats",
  "mann_whitney", None, {"statistic": mw.statistic, "p_value": mw.pvalue})
old_, new_ = [5.1, 5.3, 4.9, 5.5, 5.0, 5.2], [5.6, 5.9, 5.7, 6.1, 5.8, 5.4, 6.0]
mw = stats.mannwhitneyu(old_, new_, alternative="less", method="exact")
q(f"Wilcoxon rank sum test: old process {' '.join(map(str, old_))}, new process {' '.join(map(str, new_))}. Is the new "
  "one higher?", "stats", "mann_whitney", {"alternative": "less"}, {"statistic": mw.statistic, "p_value": mw.pvalue})
ta_, tb_ = [3, 4, 4, 5, 6, 6, 7, 8], [5, 6, 7, 7, 8, 9, 9, 10]
mw = stats.mannwhitneyu(ta_, tb_, method="asymptotic", use_continuity=True)
q(f"mann whitney test on ratings, group 1: {fmt(ta_)} and group 2: {fmt(tb_)}", "stats", "mann_whitney", None,
  {"statistic": mw.statistic, "p_value": mw.pvalue})
bf_, af_ = [8.2, 7.9, 8.8, 9.1, 8.5, 7.7, 8.9, 8.4], [7.6, 7.8, 8.1, 8.3, 8.4, 7.1, 8.0, 7.5]
# the differences as written (0.6, 0.1, 0.7, 0.8, 0.1, 0.6, 0.9, 0.9) have ties that binary subtraction partly
# breaks, so they are rounded back to tenths: tied ranks call for the normal approximation with continuity correction
bad_ = np.round(np.subtract(bf_, af_), 9)
sr = stats.wilcoxon(bad_, method="asymptotic", correction=True)
q(f"Wilcoxon signed-rank test for paired data, before: {fmt(bf_)}; after: {fmt(af_)}", "stats",
  "wilcoxon_signed_rank", None, {"statistic": sum(r for r, d in zip(stats.rankdata(np.abs(bad_)), bad_, strict=True)
                                                  if d > 0), "p_value": sr.pvalue})
md_ = [9.8, 10.4, 10.9, 11.2, 10.1, 10.6, 12.0, 10.3]
sr = stats.wilcoxon(np.subtract(md_, 10), method="exact")
walsh = np.add.outer(np.subtract(md_, 0), md_)[np.triu_indices(len(md_))] / 2
q(f"Is the median different from 10? Wilcoxon signed rank test: {fmt(md_)}", "stats", "wilcoxon_signed_rank",
  {"mu": 10}, {"p_value": sr.pvalue, "estimate": np.median(walsh)})

# ------------------------------------------------------------------ proportions (two were a chi-square table; one had no tool)
# the exact binomial p-value is R's binom.test (scipy.stats.binomtest follows it)
q("We found 18 defectives in a sample of 200. Is the defect rate above 5%?", "spc", "proportion_test",
  {"x": [18], "n": [200], "p0": 0.05, "alternative": "greater"},
  {"p_value": stats.binomtest(18, 200, 0.05, alternative="greater").pvalue})
q("Out of 150 customers, 48 responded. Is the response rate different from 25%?", "stats", "proportion_test",
  {"x": [48], "n": [150], "p0": 0.25}, {"p_value": stats.binomtest(48, 150, 0.25).pvalue})
q("binomial test: 7 heads out of 20 tosses, is the coin fair?", "stats", "proportion_test", {"p0": 0.5},
  {"p_value": stats.binomtest(7, 20, 0.5).pvalue})
tea_ = [[3, 1], [1, 3]]
q("Fisher's exact test for the table [[3, 1], [1, 3]]", "stats", "proportion_test", {"method": "fisher"},
  {"p_value": stats.fisher_exact(tea_).pvalue})
q("Fisher's exact test on 2/10 vs 7/10", "stats", "proportion_test", {"x": [2, 7], "n": [10, 10], "method": "fisher"},
  {"p_value": stats.fisher_exact([[2, 8], [7, 3]]).pvalue})
pn1, pn2, ppn = 14 / 220, 6 / 240, 20 / 460
zn = (pn1 - pn2) / np.sqrt(ppn * (1 - ppn) * (1 / 220 + 1 / 240))
q("Is the defect rate on night shift (14 of 220) higher than on day shift (6 of 240)?", "stats", "proportion_test",
  {"alternative": "greater"}, {"z": zn, "p_value": stats.norm.sf(zn)})
# small counts: an expected count under 5, so Fisher's exact test instead of the z test
q("The line stopped in 3 of 12 weeks this quarter versus 8 of 52 weeks last year. Is the stoppage rate different?", "stats", "proportion_test", None,
  {"odds_ratio": stats.contingency.odds_ratio([[3, 9], [8, 44]]).statistic,
   "p_value": stats.fisher_exact([[3, 9], [8, 44]]).pvalue})

# ------------------------------------------------------------------ summary figures (were refused: no measurements)
# R's t.test from data equals the formula from mean, sd and n; scipy's ttest_ind_from_stats is that formula
ref_ = stats.ttest_ind_from_stats(24.1, 2.3, 15, 26.0, 3.1, 18, equal_var=False)
q("Group A: mean 24.1, sd 2.3, n = 15; Group B: mean 26.0, sd 3.1, n = 18. Is there a significant difference?",
  "stats", "summary_t_test", {"kind": "welch", "n": 15, "n2": 18}, {"t": ref_.statistic, "p_value": ref_.pvalue})
t_ = (498.2 - 500) / (3.1 / np.sqrt(30))
q("A sample of 30 bottles had an average fill of 498.2 ml with a standard deviation of 3.1 ml. Is the mean fill less "
  "than 500 ml?", "stats", "summary_t_test", {"kind": "one_sample", "mu": 500, "alternative": "less"},
  {"t": t_, "p_value": stats.t.cdf(t_, 29)})
q("what is the cpk? usl 12, lsl 8, mean 10.5, std dev 0.5", "spc", "summary_capability", {"sigma": "within"},
  {"cpk": (12 - 10.5) / (3 * 0.5), "cp": 4 / 3})
q("Process mean 50.2 mm, overall standard deviation 0.4 mm, spec 49 to 51. What is Ppk?", "spc", "summary_capability",
  {"sigma": "overall"}, {"ppk": (51 - 50.2) / (3 * 0.4), "pp": 2 / 2.4})
# X̄–R / X̄–S limits from summary figures (Montgomery Examples 6.1 and 6.3: A2 = 0.577, D4 = 2.114, A3 = 1.427,
# B4 = 2.089 for n = 5)
q("We measure 5 piston rings every hour. After 25 hours the grand average is 74.001 mm and the average range is "
  "0.023 mm. What are the X-bar and R chart control limits?", "spc", "summary_chart", {"chart": "xbar_r", "n": 5},
  {"xbar.ucl": 74.001 + 0.577 * 0.023, "xbar.lcl": 74.001 - 0.577 * 0.023, "spread.ucl": 2.114 * 0.023})
q("Subgroups of 5; grand mean 74.001 and average standard deviation 0.0094. Set up X-bar and S limits.", "spc",
  "summary_chart", {"chart": "xbar_s", "n": 5},
  {"xbar.ucl": 74.001 + 1.427 * 0.0094, "spread.ucl": 2.089 * 0.0094})

# ------------------------------------------------------------------ power and sample size (had no tool)
# reference values from statsmodels.stats.power (G*Power and Cohen's tables agree: 64 per group, 159 in total)
from statsmodels.stats.power import FTestAnovaPower, TTestIndPower, TTestPower  # noqa: E402

q("How many samples do I need to detect a difference of 2 units with a standard deviation of 4, 80% power, alpha "
  "0.05?", "stats", "power", {"test": "two_sample_t"},
  {"n_exact": TTestIndPower().solve_power(0.5, power=0.8, alpha=0.05), "n_total": 128})
q("What is the power of a two-sample t-test with n = 20 per group to detect an effect size of 0.5?", "stats", "power",
  {"test": "two_sample_t"}, {"power": TTestIndPower().power(0.5, 20, 0.05)})
q("How many per group for a one-way ANOVA with 4 groups, Cohen's f = 0.25, power 0.8?", "stats", "power",
  {"test": "anova", "groups": 4}, {"n_exact": FTestAnovaPower().solve_power(0.25, power=0.8, alpha=0.05,
                                                                             k_groups=4) / 4})
q("What is the power of the test with 15 pairs, effect size d = 0.6, alpha = 0.01?", "stats", "power",
  {"test": "paired_t"}, {"power": TTestPower().power(0.6, 15, 0.01)})
# R's power.prop.test(p1 = .05, p2 = .03, power = .9) formula, by hand
zq_, zb_ = stats.norm.isf(0.025), stats.norm.isf(0.1)
np_ = (zq_ * np.sqrt((0.08) * (1.92) / 2) + zb_ * np.sqrt(0.05 * 0.95 + 0.03 * 0.97)) ** 2 / 0.02 ** 2
q("Sample size to detect a change in defect rate from 5% to 3% with 90% power", "stats", "power",
  {"test": "two_proportions"}, {"n_exact": np_})

# ------------------------------------------------------------------ issue 10 (tools2): EWMA and CUSUM charts
# Montgomery, Introduction to SQC, Table 9.1 (mu0 = 10, sigma = 1; the mean moves to 11 after period 20)
m91 = [9.45, 7.99, 9.29, 11.66, 12.16, 10.18, 8.04, 11.46, 9.20, 10.34, 9.03, 11.47, 10.51, 9.40, 10.08,
       9.37, 10.62, 10.31, 8.52, 10.84, 10.90, 9.33, 12.29, 11.50, 10.60, 11.08, 10.38, 11.62, 11.31, 10.52]


def cusum_beyond(x, mu, sigma, k, h):
    """Indices where either tabular CUSUM sum exceeds h sigma (Page's running-minimum form)."""
    s_up = np.concatenate([[0.0], np.cumsum(np.asarray(x) - mu - k * sigma)])
    s_dn = np.concatenate([[0.0], np.cumsum(mu - k * sigma - np.asarray(x))])
    up, dn = (s_up - np.minimum.accumulate(s_up))[1:], (s_dn - np.minimum.accumulate(s_dn))[1:]
    return sorted(set(np.flatnonzero(up > h * sigma).tolist()) | set(np.flatnonzero(dn > h * sigma).tolist()))


def ewma_beyond(x, mu, sigma, lam, width):
    out, prev = [], mu
    for i, v in enumerate(x, start=1):
        prev = lam * v + (1 - lam) * prev
        half = width * sigma * np.sqrt(lam / (2 - lam) * (1 - (1 - lam) ** (2 * i)))
        if abs(prev - mu) > half:
            out.append(i - 1)
    return out


q(f"Tabular CUSUM with target 10, sigma 1, k = 0.5 and h = 5 for these concentrations: {fmt(m91)}", "spc",
  "control_chart", {"chart": "cusum", "k": 0.5, "h": 5},
  {"ucl": 5.0, "out_of_control": cusum_beyond(m91, 10, 1, 0.5, 5)})
q(f"EWMA chart with lambda 0.1 and L = 2.7, mu0 = 10, sigma = 1: {fmt(m91)}", "spc", "control_chart",
  {"chart": "ewma", "lambda": 0.1, "k_sigma": 2.7}, {"center": 10.0, "out_of_control": ewma_beyond(m91, 10, 1, 0.1, 2.7)})
fw = [500.2, 499.8, 500.5, 500.1, 499.9, 500.4, 501.0, 501.3, 500.9, 501.4, 501.1, 501.6]
q(f"cusum chart for fill weights {' '.join(map(str, fw))}; target 500 g, sigma 0.5, detect a shift of 1 sigma, h = 4",
  "spc", "control_chart", {"chart": "cusum", "k": 0.5, "h": 4},
  {"ucl": 2.0, "out_of_control": cusum_beyond(fw, 500, 0.5, 0.5, 4)})
q(f"exponentially weighted moving average chart of {', '.join(map(str, fw))}", "spc", "control_chart",
  {"chart": "ewma"}, {"center": np.mean(fw), "sigma": np.mean(np.abs(np.diff(fw))) / 1.128,
                      "out_of_control": ewma_beyond(fw, np.mean(fw), np.mean(np.abs(np.diff(fw))) / 1.128, 0.2, 3)})

# ------------------------------------------------------------------ issue 10 (tools2): blocked two-level designs
q("Design a 2^4 factorial in two blocks of 8", "doe", "doe_design", {"design": "full_factorial", "blocks": 2},
  {"runs": 16, "blocks": 2, "confounded_with_blocks": ["ABCD"]})
q("full factorial for 4 factors at two levels, we can only run 8 per day", "doe", "doe_design",
  {"design": "full_factorial", "blocks": 2}, {"runs": 16, "blocks": 2, "confounded_with_blocks": ["ABCD"]})
q("2^5 factorial in blocks of 8", "doe", "doe_design", {"design": "full_factorial", "blocks": 4},
  {"runs": 32, "blocks": 4})

# ------------------------------------------------------------------ issue 10 (tools2): curvature with centre points
# Montgomery, Design and Analysis of Experiments, Example 6.6 and Example 11.2


def curvature_f(corners, centre):
    corners, centre = np.asarray(corners), np.asarray(centre)
    ss = len(corners) * len(centre) * (corners.mean() - centre.mean()) ** 2 / (len(corners) + len(centre))
    return ss, ss / centre.var(ddof=1)


ex66 = ([39.3, 40.9, 40.0, 41.5], [40.3, 40.5, 40.7, 40.2, 40.6])
ex112 = ([76.5, 77.0, 78.0, 79.5], [79.9, 80.3, 80.0, 79.7, 79.8])
q(f"Is there curvature? 2^2 with 5 centre points: factorial runs {fmt(ex66[0])} and centre points {fmt(ex66[1])}",
  "doe", "doe_curvature", None, {"ss_curvature": curvature_f(*ex66)[0], "f": curvature_f(*ex66)[1]})
q(f"I ran a 2^2 factorial ({fmt(ex112[0])}) plus 5 centre runs ({fmt(ex112[1])}). Is a first-order model adequate?",
  "doe", "doe_curvature", None, {"ss_curvature": curvature_f(*ex112)[0], "f": curvature_f(*ex112)[1]})

# ------------------------------------------------------------------ issue 10 (tools2): regression at new x
# Montgomery & Runger, Applied Statistics and Probability for Engineers, ch. 11: oxygen purity on hydrocarbon level


def line_intervals(x, y, x0, level=0.95):
    x, y = np.asarray(x, float), np.asarray(y, float)
    n, sxx = len(x), ((x - x.mean()) ** 2).sum()
    b1 = ((x - x.mean()) * (y - y.mean())).sum() / sxx
    b0 = y.mean() - b1 * x.mean()
    s = np.sqrt(((y - b0 - b1 * x) ** 2).sum() / (n - 2))
    t = stats.t.ppf(0.5 + level / 2, n - 2)
    fit = b0 + b1 * x0
    mean_half = t * s * np.sqrt(1 / n + (x0 - x.mean()) ** 2 / sxx)
    new_half = t * s * np.sqrt(1 + 1 / n + (x0 - x.mean()) ** 2 / sxx)
    return {"prediction_fit_0": fit, "prediction_ci_low_0": fit - mean_half, "prediction_ci_high_0": fit + mean_half,
            "prediction_pi_low_0": fit - new_half, "prediction_pi_high_0": fit + new_half}


hc = [0.99, 1.02, 1.15, 1.29, 1.46, 1.36, 0.87, 1.23, 1.55, 1.40, 1.19, 1.15, 0.98, 1.01, 1.11, 1.20, 1.26, 1.32,
      1.43, 0.95]
purity = [90.01, 89.05, 91.43, 93.74, 96.73, 94.45, 87.59, 91.77, 99.42, 93.65, 93.54, 92.52, 90.56, 89.54, 89.85,
          90.39, 93.25, 93.41, 94.98, 87.33]
q(f"Predict the oxygen purity at a hydrocarbon level of 1.00 with a 95% prediction interval. hydrocarbon = {fmt(hc)}; "
  f"purity = {fmt(purity)}", "stats", "regression", None, line_intervals(hc, purity, 1.00))
xp, yp = [1, 2, 3, 4, 5, 6], [2.0, 4.1, 5.9, 8.2, 9.9, 12.1]
q(f"What is the 90% prediction interval for y when x = 3.5? x = {fmt(xp)}; y = {fmt(yp)}", "stats", "regression",
  None, line_intervals(xp, yp, 3.5, 0.90))

for item in Q:
    print(json.dumps(item, ensure_ascii=False))
