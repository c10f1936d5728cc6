"""Regenerate tests/data/agent_questions.jsonl: questions as users phrase them, with the
expected plan (tool + key arguments) and key numbers computed here, independently of
HAVOC's engine, with numpy/scipy/sympy and published constants.

    .venv/bin/python tests/data/make_agent_questions.py > tests/data/agent_questions.jsonl
"""

from __future__ import annotations

import json

import numpy as np
from scipy import stats

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

for item in Q:
    print(json.dumps(item, ensure_ascii=False))
