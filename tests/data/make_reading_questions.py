"""Write tests/data/reading_questions.jsonl: questions whose wording or table shape decides the method.

These are the project's own development questions for issue 9's reading audit (kinds: tables that are not
plain numeric columns, intent carried by wording, numbers in prose with roles). They were written by the
lead developer while building the audit, so they are NOT held out: blind rounds live in tests/data/blind/.
Expectations are computed here with numpy/scipy, independently of HAVOC's tools.

    python tests/data/make_reading_questions.py
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
from scipy import stats

OUT = Path(__file__).with_name("reading_questions.jsonl")
items: list[dict] = []


def add(question: str, tools: list[str], expect: list[dict], kind: int, intent: str, refuse: bool = False):
    items.append({"question": question, "kind": kind, "intent": intent, "tools": tools, "expect": expect,
                  "refuse": refuse})


def t_two(a, b, equal_var):
    r = stats.ttest_ind(a, b, equal_var=equal_var)
    return [{"what": "t", "value": float(r.statistic), "rel": 1e-4}, {"what": "p", "value": float(r.pvalue),
                                                                       "rel": 1e-3}]


# 1. tables that are not plain numeric columns ------------------------------------------------------------
a = [10.2, 9.8, 10.5, 10.1, 9.9, 10.3]
b = [10.4, 10.1, 10.6, 10.5, 10.2, 10.4]
r = stats.ttest_rel(a, b)
add("Operator,Gauge A,Gauge B\nAnn,10.2,10.4\nBob,9.8,10.1\nCid,10.5,10.6\nDee,10.1,10.5\nEve,9.9,10.2\n"
    "Fay,10.3,10.4\nDo the two gauges read the same?", ["t_test", "wilcoxon_signed_rank"],
    [{"what": "paired t", "value": float(r.statistic), "rel": 1e-4}], 1,
    "each operator measured with both gauges: a paired t-test of A against B")

obs = [8, 12, 9, 11, 7, 13]
r = stats.chisquare(obs)
add("Roll results: 1 -> 8, 2 -> 12, 3 -> 9, 4 -> 11, 5 -> 7, 6 -> 13. Is the die fair?", ["chi_square"],
    [{"what": "chi2", "value": float(r.statistic), "rel": 1e-4}, {"what": "p", "value": float(r.pvalue),
                                                                  "rel": 1e-3}], 1,
    "face -> count pairs: goodness of fit to equal proportions")

obs = [30, 45, 25]
r = stats.chisquare(obs)
add("Colour: red 30, blue 45, green 25. Are the colours equally popular?", ["chi_square"],
    [{"what": "chi2", "value": float(r.statistic), "rel": 1e-4}], 1, "label count pairs: goodness of fit")

n = np.array([200, 180, 220, 200, 210])
d = np.array([6, 4, 9, 5, 7])
pbar = d.sum() / n.sum()
add("Day | Inspected | Defective\n1 | 200 | 6\n2 | 180 | 4\n3 | 220 | 9\n4 | 200 | 5\n5 | 210 | 7\n"
    "Control chart for the fraction defective please", ["control_chart"],
    [{"what": "p-bar", "value": float(pbar), "rel": 1e-6}], 1, "sizes and defectives: a p chart")

area = np.array([2.0, 1.5, 2.5, 2.0, 1.0])
defects = np.array([4, 2, 6, 3, 1])
ubar = defects.sum() / area.sum()
add("Panel, Area m2, Defects\n1, 2.0, 4\n2, 1.5, 2\n3, 2.5, 6\n4, 2.0, 3\n5, 1.0, 1\n"
    "Is the defect rate per square metre in control?", ["control_chart"],
    [{"what": "u-bar", "value": float(ubar), "rel": 1e-6}], 1, "units inspected and defects: a u chart")

table = np.array([[45, 5], [38, 12], [42, 8]])
chi2, p, dof, _ = stats.chi2_contingency(table, correction=False)
add("| | Pass | Fail |\n|---|---|---|\n| Shift A | 45 | 5 |\n| Shift B | 38 | 12 |\n| Shift C | 42 | 8 |\n"
    "Is the pass rate related to the shift?", ["chi_square"],
    [{"what": "chi2", "value": float(chi2), "rel": 1e-4}], 1, "a labelled contingency table: independence")

x = [1, 2, 3, 4, 5, 6]
y = [2.1, 3.9, 6.2, 7.8, 10.1, 12.2]
fit = stats.linregress(x, y)
add("dose_mg,response\n1,2.1\n2,3.9\n3,6.2\n4,7.8\n5,10.1\n6,12.2\nHow does response depend on dose?",
    ["regression"], [{"what": "slope", "value": float(fit.slope), "rel": 1e-6}], 1,
    "predictor and response columns: straight-line regression")

# 2. intent carried by wording ----------------------------------------------------------------------------
a = [10.1, 10.3, 9.8, 10.0, 10.2]
b = [10.6, 10.4, 10.9, 10.5, 10.7]
add("Do these two machines differ? Machine A: 10.1 10.3 9.8 10.0 10.2, Machine B: 10.6 10.4 10.9 10.5 10.7. "
    "Don't assume equal variances.", ["t_test"], t_two(a, b, False), 2, "Welch two-sample t-test")

a = [12.1, 11.8, 12.4, 12.0, 11.9, 12.3]
b = [12.6, 12.2, 12.9, 12.5, 12.4, 12.8]
add(f"Line 1: {' '.join(map(str, a))}\nLine 2: {' '.join(map(str, b))}\nCompare the lines assuming equal "
    "variances.", ["t_test"], t_two(a, b, True), 2, "pooled two-sample t-test")

w = [500.2, 499.8, 500.5, 501.1, 499.6, 500.9, 500.4]
r = stats.ttest_1samp(w, 500)
add("Fill weights 500.2, 499.8, 500.5, 501.1, 499.6, 500.9, 500.4; the label says 500 g. Is the mean on "
    "target?", ["t_test"], [{"what": "t", "value": float(r.statistic), "rel": 1e-4}], 2,
    "a one-sample t-test against the labelled 500 g")

d = [10.2, 10.1, 9.9, 10.3, 10.4, 10.2]
r = stats.ttest_1samp(d, 10.0)
add("Is the mean different from the nominal 10.0 mm? 10.2 10.1 9.9 10.3 10.4 10.2", ["t_test"],
    [{"what": "t", "value": float(r.statistic), "rel": 1e-4}], 2, "one-sample t-test against the nominal")

vals = [5.1, 5.3, 5.0, 5.2, 5.1, 5.2]
mr = np.abs(np.diff(vals)).mean()
add("Individuals chart for 5.1 5.3 5.0 5.2 7.9 5.1 5.2, but leave out the 5th point when computing the limits",
    ["control_chart"], [{"what": "centre", "value": float(np.mean(vals)), "rel": 1e-6}], 2,
    "I-MR chart with point 5 excluded from the limits")

counts = [3, 5, 2, 6, 4, 3, 7, 2, 4, 5]
cbar = float(np.mean(counts))
add("Number of scratches found on each painted door, in order: 3 5 2 6 4 3 7 2 4 5. Is the process stable?",
    ["control_chart"], [{"what": "c-bar", "value": cbar, "rel": 1e-6},
                        {"what": "UCL", "value": cbar + 3 * np.sqrt(cbar), "rel": 1e-6}], 2,
    "defect counts on equal units: a c chart")

g = [[14.2, 15.1, 13.8, 16.0, 14.9], [18.3, 17.9, 19.2, 18.8, 25.0], [15.5, 16.1, 15.0, 14.8, 16.3]]
r = stats.kruskal(*g)
add("Cure times for three resins (we can't assume the times are normal): R1 14.2 15.1 13.8 16.0 14.9; "
    "R2 18.3 17.9 19.2 18.8 25.0; R3 15.5 16.1 15.0 14.8 16.3. Do they differ?", ["kruskal_wallis"],
    [{"what": "H", "value": float(r.statistic), "rel": 1e-4}], 2, "rank test across three groups")

data = [9.98, 10.02, 10.01, 9.97, 10.03, 10.00, 9.99, 10.02, 10.01, 9.98]
m, s = np.mean(data), np.std(data, ddof=1)
ppk = min(10.1 - m, m - 9.9) / (3 * s)
add(f"Give me Ppk for these diameters, spec 10.0 ± 0.1: {', '.join(map(str, data))}", ["capability"],
    [{"what": "Ppk", "value": float(ppk), "rel": 1e-4}], 2, "capability with overall sigma")

# 3. numbers in prose with roles ---------------------------------------------------------------------------
add("We can only do 8 runs a day. Design a full factorial for 4 factors.", ["doe_design"],
    [{"what": "runs", "value": 16, "rel": 0}, {"what": "blocks", "value": 2, "rel": 0}], 3,
    "a 2^4 full factorial (16 runs) in 2 blocks of 8, not a half fraction")

add("I need a 3-level factorial design for 2 factors", ["doe_design"], [{"what": "runs", "value": 9, "rel": 0}],
    3, "a 3^2 full factorial: 9 runs")

add("Design a two-level factorial for 3 factors, replicated twice, with 4 centre points", ["doe_design"],
    [{"what": "runs", "value": 20, "rel": 0}], 3, "2^3 twice (16) plus 4 centre points, not replicated")

sub = [[74.01, 73.99, 74.02, 74.00, 73.98], [74.03, 74.00, 73.97, 74.01, 74.02],
       [73.99, 74.01, 74.00, 74.02, 73.98], [74.00, 74.02, 74.01, 73.99, 74.03]]
xbb = float(np.mean([np.mean(s) for s in sub]))
add("Every hour we pull 5 shafts and measure the diameter (mm). Since 2019 we run 3 lathes; this is lathe 2:\n"
    + "\n".join(" ".join(f"{v:.2f}" for v in s) for s in sub) + "\nX-bar and R chart please",
    ["control_chart"], [{"what": "grand mean", "value": xbb, "rel": 1e-6}], 3,
    "subgroups of 5 (one row each); 2019, 3 and 2 are context")

# second batch (written after the first fixes; still development questions) ---------------------------------
a = [78, 82, 75, 80, 85, 79, 81]
b = [72, 74, 70, 77, 73, 71, 75]
add(f"Scores before training: {', '.join(map(str, a))}. Independent group after training: "
    f"{', '.join(map(str, b))}. Is there a difference? Use a t-test.", ["t_test"], t_two(a, b, False), 2,
    "two independent groups: Welch")

pre = [142, 138, 150, 145, 139, 148]
post = [135, 136, 141, 140, 133, 142]
r = stats.ttest_rel(pre, post)
add("Patient | Pre | Post\n--- | --- | ---\nP01 | 142 | 135\nP02 | 138 | 136\nP03 | 150 | 141\nP04 | 145 | 140\n"
    "P05 | 139 | 133\nP06 | 148 | 142\nDid the drug change blood pressure?", ["t_test", "wilcoxon_signed_rank"],
    [{"what": "paired t", "value": float(r.statistic), "rel": 1e-4}], 1, "paired by patient")

x = [20, 30, 40, 50, 60]
y = [5.1, 6.9, 9.2, 10.8, 13.1]
fit = stats.linregress(x, y)
add("temperature (C)\tstrength (MPa)\n20\t5.1\n30\t6.9\n40\t9.2\n50\t10.8\n60\t13.1\nregress strength on "
    "temperature", ["regression"], [{"what": "slope", "value": float(fit.slope), "rel": 1e-6}], 1,
    "response strength, predictor temperature")

obs = [50, 30, 20]
r = stats.chisquare(obs, [45, 35, 20])
add("Last year's mix was 45% A, 35% B, 20% C. This year we sold A: 50, B: 30, C: 20. Has the mix changed?",
    ["chi_square"], [{"what": "chi2", "value": float(r.statistic), "rel": 1e-4}], 1,
    "goodness of fit to stated percentages")

d = [0.52, 0.49, 0.55, 0.51, 0.48, 0.53, 0.50, 0.54]
r = stats.ttest_1samp(d, 0.50)
add(f"The certified value of the reference material is 0.50 ppm. Our lab measured {', '.join(map(str, d))}. "
    "Is our lab biased?", ["t_test"], [{"what": "t", "value": float(r.statistic), "rel": 1e-4}], 2,
    "one-sample t against the certified value")

v = [12.1, 11.9, 12.3, 12.0, 18.5, 12.2, 11.8, 12.1]
kept = [x for x in v if x != 18.5]
r = stats.ttest_1samp(kept, 12.0)
add("Readings: 12.1 11.9 12.3 12.0 18.5 12.2 11.8 12.1. The 18.5 was a sensor glitch, drop it. Is the mean "
    "different from 12?", ["t_test"], [{"what": "t", "value": float(r.statistic), "rel": 1e-4}], 2,
    "one-sample t against 12 without the 18.5")

data = [50.2, 49.8, 50.1, 50.4, 49.9, 50.0, 50.3, 49.7, 50.1, 50.2]
m, s = np.mean(data), np.std(data, ddof=1)
cpk_overall = min(51 - m, m - 49) / (3 * s)
add(f"Spec is 50 +/- 1 mm. Measurements: {' '.join(map(str, data))}. Compute Cpk and Ppk.", ["capability"],
    [{"what": "Ppk", "value": float(cpk_overall), "rel": 1e-4}], 2, "capability with LSL 49, USL 51")

add("Design an experiment with 5 factors but we can only afford 16 runs", ["doe_design"],
    [{"what": "runs", "value": 16, "rel": 0}], 3, "2^(5-1) resolution V")

add("Box-Behnken for 3 factors, 5 centre points", ["doe_design"], [{"what": "runs", "value": 17, "rel": 0}], 3,
    "15 + 2 more centre points: 17 runs")

add("We make 4 samples of 5 bottles each shift. Fill volumes (ml):\n500.1 499.8 500.3 500.0 499.9\n"
    "500.2 500.4 499.7 500.1 500.0\n499.9 500.0 500.2 500.3 499.8\n500.1 499.9 500.0 500.2 500.1\nIs the filling "
    "in control?", ["control_chart"], [{"what": "grand mean", "value": float(np.mean([
        500.1, 499.8, 500.3, 500.0, 499.9, 500.2, 500.4, 499.7, 500.1, 500.0, 499.9, 500.0, 500.2, 500.3, 499.8,
        500.1, 499.9, 500.0, 500.2, 500.1])), "rel": 1e-7}], 3, "X-bar chart, subgroups of 5")

add("Find the integral of x*e^x dx from 0 to 1", ["integrate"], [{"what": "integral", "expr": "1"}], 4,
    "integration by parts: 1")

add("Solve for x and y: 3x + 2y = 12 and x - y = -1", ["solve"], [{"what": "x", "value": 2, "rel": 1e-9},
                                                                   {"what": "y", "value": 3, "rel": 1e-9}], 4,
    "linear system")

add("d/dx of ln(x^2 + 1)", ["differentiate"], [{"what": "derivative", "expr": "2*x/(x**2 + 1)"}], 4,
    "chain rule")

# refusals: what is missing must be said -------------------------------------------------------------------
add("Is this process capable? 10.1 10.2 9.9 10.0 10.3 10.1", ["capability"], [], 2,
    "no specification limits given", refuse=True)
add("Compare the two suppliers with a t-test", ["t_test"], [], 2, "no data given", refuse=True)
add("Is the proportion defective below 2%? We found some defects last week.", ["proportion_test"], [], 2,
    "no counts given", refuse=True)
_MW = stats.mannwhitneyu([3, 5, 4, 6, 7], [8, 9, 7, 10, 9], alternative="two-sided", method="asymptotic",
                         use_continuity=True)  # ties: R's normal approximation with continuity correction
add("Run a Mann-Whitney test on A: 3 5 4 6 7 and B: 8 9 7 10 9", ["mann_whitney"],
    [{"what": "U of A", "value": float(_MW.statistic), "rel": 1e-9},
     {"what": "p-value", "value": float(_MW.pvalue), "rel": 1e-6}], 5,
    "Mann-Whitney U of two independent groups (ties: normal approximation), never a stand-in")

OUT.write_text("".join(json.dumps(i, ensure_ascii=False) + "\n" for i in items), encoding="utf-8")
print(f"{len(items)} questions -> {OUT}")
