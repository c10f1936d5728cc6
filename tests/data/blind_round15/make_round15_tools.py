#!/usr/bin/env python3
"""Round 15, re-labelled for the new tools.

Run:  python tests/data/blind_round15/make_round15_tools.py
Reads  round15.jsonl  (80 questions, written blind by make_round.py)
Writes round15_tools.jsonl: the same 80 lines, except the refusal
questions that one of the new tools (proportion_test, summary_t_test,
summary_capability, power, mann_whitney, wilcoxon_signed_rank,
control_chart kinds ewma / cusum) can now answer fully from what the question
gives.  Those get "refuse": false, "tools" and "expect".

Every expected number is computed here from data parsed back out of the question
text, with scipy / statsmodels / numpy, and cross-checked against a second,
independent computation (hand formula or brute-force enumeration) with an assert.
No agent code was read and the agent was not run.

Still refusals (checked, not re-labelled):
  r15  data only referenced by a file name, not in the message
  r16  p chart per-lot limits need each lot's sample size; not given
  r48  Cpk needs spec limits; only a target is given (summary_capability would
       still need LSL/USL)
  r65  the function is "the one I sent yesterday"; not in the message
"""
import itertools
import json
import math
import os
import re

import numpy as np
from scipy import stats
from statsmodels.stats.power import TTestPower
from statsmodels.stats.proportion import proportions_ztest
from statsmodels.stats.weightstats import _tstat_generic

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.join(HERE, "round15.jsonl")
OUT = os.path.join(HERE, "round15_tools.jsonl")

STAT_REL = 0.005   # statistics, estimates
P_REL = 0.02       # p-values
CHART_REL = 1e-4   # EWMA values / limits that sit close to the process level (~43)
INT_REL = 1e-3     # integer answers (n, U, W): neighbouring integers must not match

NUM = re.compile(r"-?\d+(?:\.\d+)?")


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


def nums(text):
    return [float(v) for v in NUM.findall(text)]


def line_nums(question, label):
    """numbers on the line of `question` that starts with `label` (label text removed)."""
    for ln in question.split("\n"):
        if ln.strip().startswith(label):
            return nums(ln.strip()[len(label):])
    raise KeyError(label)


with open(SRC, encoding="utf-8") as fh:
    ROWS = [json.loads(l) for l in fh]
assert len(ROWS) == 80
BY_ID = {r["id"]: r for r in ROWS}
Q = {k: v["question"] for k, v in BY_ID.items()}
UPDATES = {}


def relabel(qid, tools, intent, expect):
    assert BY_ID[qid]["refuse"] is True, qid
    UPDATES[qid] = {"tools": tools, "intent": intent, "expect": expect}


# ------------------------------------------------------------------ r30
# one-sample proportion, one-sided (greater), H0 p = 0.02
q = Q["r30"]
n30, x30 = 400, 14
assert "400 housings" in q and "14 failed" in q and "2%" in q and "one-sided" in q
p0 = 0.02
bt = stats.binomtest(x30, n30, p0, alternative="greater")
p_exact = bt.pvalue
chk(p_exact, sum(math.comb(n30, k) * p0 ** k * (1 - p0) ** (n30 - k) for k in range(x30, n30 + 1)),
    1e-9, "r30 exact binomial tail")
z30 = (x30 / n30 - p0) / math.sqrt(p0 * (1 - p0) / n30)          # score z (null SE)
z_sm, pz_sm = proportions_ztest(x30, n30, p0, alternative="larger", prop_var=p0)
chk(z30, z_sm, msg="r30 score z")
p_score = stats.norm.sf(z30)
chk(p_score, pz_sm, msg="r30 score p")
p_cc = stats.norm.sf(((x30 - 0.5) / n30 - p0) / math.sqrt(p0 * (1 - p0) / n30))   # prop.test style
assert p_exact < 0.05 and p_score < 0.05 and p_cc < 0.05          # same conclusion either way
relabel("r30", ["proportion_test"],
        "one-sample test of a proportion, 14/400 = 0.035 vs p0 = 0.02, one-sided (greater), alpha 0.05. "
        "Expected: score z = (0.035-0.02)/sqrt(0.02*0.98/400) and the exact binomial p = P(X>=14 | n=400, p=0.02). "
        f"AMBIGUOUS p-value: the score (normal) test gives p = {p_score:.4f}, the continuity-corrected score test "
        f"{p_cc:.4f}; "
        "the exact binomial p is expected (valid at any n; Minitab/R binom.test default). All say significant at 5%.",
        [E("score z statistic", z30), P("exact binomial one-sided p-value (score-test p would be "
                                         f"{p_score:.4f})", p_exact)])

# ------------------------------------------------------------------ r31
# EWMA, lambda 0.2, L 3, no target / sigma given -> Phase I estimates from the data:
# centre = mean of the 12 readings, sigma = MR-bar / d2 (d2 = 1.128, moving range of 2),
# the usual individuals-chart convention (Minitab's default for EWMA with subgroup size 1).
q = Q["r31"]
assert "lambda = 0.2" in q and "L = 3" in q
v31 = np.array(nums(q.split("out:")[1]))
assert len(v31) == 12
lam, L = 0.2, 3.0
mu31 = v31.mean()
d2 = 1.128
chk(d2, 1.128379, 1e-3, "d2(2)")  # d2 for n=2 is 2/sqrt(pi) = 1.12838
sig31 = np.abs(np.diff(v31)).mean() / d2
z = mu31
zs, ucl, lcl = [], [], []
for i, x in enumerate(v31, 1):
    z = lam * x + (1 - lam) * z
    w = L * sig31 * math.sqrt(lam / (2 - lam) * (1 - (1 - lam) ** (2 * i)))
    zs.append(z), ucl.append(mu31 + w), lcl.append(mu31 - w)
# closed-form cross-check of the last EWMA value: z_t = sum lam(1-lam)^j x_{t-j} + (1-lam)^t z0
t = len(v31)
z_closed = sum(lam * (1 - lam) ** j * v31[t - 1 - j] for j in range(t)) + (1 - lam) ** t * mu31
chk(zs[-1], z_closed, 1e-12, "r31 EWMA closed form")
# variance cross-check: Var(z_t) = sigma^2 * lam^2 * sum (1-lam)^(2j)
var_t = sig31 ** 2 * lam ** 2 * sum((1 - lam) ** (2 * j) for j in range(t))
chk(ucl[-1], mu31 + L * math.sqrt(var_t), 1e-12, "r31 EWMA limit")
out31 = [i + 1 for i in range(t) if not (lcl[i] <= zs[i] <= ucl[i])]
assert out31 == [3, 4, 5], out31
# with the overall sample sd instead, nothing would be out -> note the ambiguity
sd31 = v31.std(ddof=1)
out_sd = [i + 1 for i in range(t)
          if abs(zs[i] - mu31) > L * sd31 * math.sqrt(lam / (2 - lam) * (1 - (1 - lam) ** (2 * (i + 1))))]
assert out_sd == []
relabel("r31", ["control_chart"],
        "EWMA chart, lambda = 0.2, L = 3, time-varying limits mu0 +/- L*sigma*sqrt(lam/(2-lam)*(1-(1-lam)^(2i))). "
        "No target or sigma is given, so Phase I estimates from the data are implied: centre = mean of the 12 "
        f"readings ({mu31:.4f}), z0 = centre, sigma = MR-bar/1.128 ({sig31:.4f}) - the individuals-chart "
        f"convention. Points 3, 4, 5 fall below the LCL (EWMA {zs[2]:.4f} < LCL {lcl[2]:.4f} at point 3); "
        "the last point is just inside the UCL. AMBIGUOUS: with sigma = overall sample sd "
        f"({sd31:.4f}) no point is out; the last-point EWMA value does not depend on the sigma choice.",
        [E("EWMA statistic at point 12", zs[-1], CHART_REL),
         E("UCL at point 12", ucl[-1], CHART_REL),
         E("LCL at point 12", lcl[-1], CHART_REL)])

# ------------------------------------------------------------------ r32
# tabular CUSUM with everything given: target 10.00, sigma 0.05, k = 0.5 sigma, h = 5 sigma
q = Q["r32"]
assert "k = 0.5 sigma" in q and "h = 5 sigma" in q and "target 10.00" in q and "sigma 0.05" in q
y32 = np.array(nums(q.split("drifted:")[1]))
assert len(y32) == 10
T32, s32 = 10.0, 0.05
K, H = 0.5 * s32, 5 * s32
cp, cm = 0.0, 0.0
CP, CM = [], []
for x in y32:
    cp = max(0.0, x - (T32 + K) + cp)
    cm = max(0.0, (T32 - K) - x + cm)
    CP.append(cp), CM.append(cm)
# cross-check C+ with the equivalent standardized recursion (units of sigma) scaled back
cps = 0.0
for x in y32:
    cps = max(0.0, (x - T32) / s32 - 0.5 + cps)
chk(CP[-1], cps * s32, 1e-9, "r32 standardized C+")
assert max(CM) == 0.0
sig32 = [i + 1 for i, c in enumerate(CP) if c > H]
assert sig32 == [10], sig32
relabel("r32", ["control_chart"],
        "tabular CUSUM, target 10.00, sigma 0.05, K = 0.5 sigma = 0.025, H = 5 sigma = 0.25 (all stated). "
        f"C+ climbs steadily and first exceeds H at the last point (C+_10 = {CP[-1]:.3f} > 0.25); "
        "C- stays 0 throughout. Values in data units; in sigma units C+_10 = "
        f"{CP[-1] / s32:.2f} vs h = 5.",
        [E("C+ at point 10 (data units; 5.4 in sigma units)", CP[-1]),
         E("C+ at point 9", CP[-2]),
         E("decision interval H = 5 sigma", H)])

# ------------------------------------------------------------------ r47
# one-sample t test, effect size d = 0.5, power 0.90, alpha 0.05 two-sided
q = Q["r47"]
assert "0.5 sigma" in q and "90% power" in q and "alpha = 0.05" in q and "two-sided" in q
d47, pw, a47 = 0.5, 0.90, 0.05
n_real = TTestPower().solve_power(effect_size=d47, power=pw, alpha=a47, alternative="two-sided")
n47 = math.ceil(n_real - 1e-9)


def t1_power(n):   # exact power of the two-sided one-sample t test, noncentral t
    df, nc = n - 1, d47 * math.sqrt(n)
    tc = stats.t.ppf(1 - a47 / 2, df)
    return stats.nct.sf(tc, df, nc) + stats.nct.cdf(-tc, df, nc)


n_brute = next(n for n in range(2, 1000) if t1_power(n) >= pw)
assert n_brute == n47 == 44, (n_brute, n47)
n_z = math.ceil(((stats.norm.ppf(1 - a47 / 2) + stats.norm.ppf(pw)) / d47) ** 2)
relabel("r47", ["power"],
        "sample size for a one-sample t test (shift of the mean from target, delta/sigma = 0.5), power 0.90, "
        f"alpha 0.05 two-sided, noncentral t, rounded up: n = {n47} (power at n = {n47}: {t1_power(n47):.4f}; "
        f"at {n47 - 1}: {t1_power(n47 - 1):.4f}). AMBIGUOUS: the normal (z) formula gives {n_z}; reading it "
        "as a two-sample comparison would give 86 per group.",
        [E("required sample size n (one-sample t, rounded up)", n47, INT_REL)])

# ------------------------------------------------------------------ r67
q = Q["r67"]
A = np.array(line_nums(q, "Supplier A:"))
B = np.array(line_nums(q, "Supplier B:"))
assert len(A) == 7 and len(B) == 8
assert len(np.unique(np.concatenate([A, B]))) == 15          # no ties -> exact p
mw = stats.mannwhitneyu(A, B, alternative="two-sided", method="exact")
U_A = mw.statistic
U_hand = sum((a > b) + 0.5 * (a == b) for a in A for b in B)
chk(U_A, U_hand, msg="r67 U")
# brute-force exact null distribution of U over all C(15,7) splits
allv = np.concatenate([A, B])
us = []
for idx in itertools.combinations(range(15), 7):
    m = np.zeros(15, bool)
    m[list(idx)] = True
    us.append(int(sum(a > b for a in allv[m] for b in allv[~m])))
us = np.array(us)
mean_u = 7 * 8 / 2
p_brute = np.mean(np.abs(us - mean_u) >= abs(U_A - mean_u) - 1e-12)
chk(mw.pvalue, p_brute, 1e-9, "r67 exact p")
U_B = 7 * 8 - U_A
relabel("r67", ["mann_whitney"],
        "Mann-Whitney U, A (7) vs B (8), no ties -> exact two-sided p. "
        f"U for supplier A = {U_A:.0f} (R/scipy convention, first sample); the smaller U (supplier B) = {U_B:.0f}; "
        f"Hodges-Lehmann shift A-B = {np.median(np.subtract.outer(A, B)):.1f}. "
        "AMBIGUOUS only in which U is reported (50 or 6; U_A + U_B = 56).",
        [E(f"U for supplier A (the complementary U_B = {U_B:.0f})", U_A, INT_REL),
         P("exact two-sided p-value", mw.pvalue)])

# ------------------------------------------------------------------ r69
q = Q["r69"]
b69 = np.array(line_nums(q, "before:"))
a69 = np.array(line_nums(q, "after:"))
assert len(b69) == len(a69) == 8
d69 = np.round(b69 - a69, 10)      # remove float noise: 1.9/1.9 and 0.3/0.3 are real ties
absd = np.abs(d69)
assert np.all(d69 != 0)
has_ties = len(np.unique(absd)) < len(absd)
assert has_ties                     # ties in |d| -> normal approximation
ranks = stats.rankdata(absd)
Wp = ranks[d69 > 0].sum()
Wm = ranks[d69 < 0].sum()
n69 = len(d69)
mean_w = n69 * (n69 + 1) / 4
_, tcounts = np.unique(absd, return_counts=True)
var_w = n69 * (n69 + 1) * (2 * n69 + 1) / 24 - sum(t ** 3 - t for t in tcounts) / 48
z69 = (abs(Wp - mean_w) - 0.5) / math.sqrt(var_w)
p_hand = 2 * stats.norm.sf(z69)
w_sc = stats.wilcoxon(d69, alternative="two-sided", method="approx", correction=True)
chk(p_hand, w_sc.pvalue, 1e-9, "r69 normal-approx p")
chk(min(Wp, Wm), w_sc.statistic, msg="r69 W")
p_exact69 = stats.wilcoxon(d69, method="exact").pvalue
chk(p_exact69, 2 / 2 ** n69, 1e-12, "r69 exact")
p_nocc = 2 * stats.norm.sf(abs(Wp - mean_w) / math.sqrt(var_w))
relabel("r69", ["wilcoxon_signed_rank"],
        "Wilcoxon signed-rank on before-after differences (n = 8, all positive, W+ = 36, W- = 0). |d| has ties "
        "(1.9 twice, 0.3 twice; midranks; beware float noise 1.8-1.5 vs 2.9-2.6), so the normal approximation "
        f"with continuity correction and tie-corrected variance is expected: z = {z69:.4f}, p = {p_hand:.5f} "
        "(without the tie correction p = 0.01427, inside tolerance). AMBIGUOUS: the exact p (ignoring ties, or "
        f"the exact conditional p with midranks) is 2/256 = {p_exact69:.7f}; without continuity correction "
        f"p = {p_nocc:.5f}. Either way significant at 5%.",
        [E("W+ (sum of positive ranks, before minus after; W- = 0)", Wp, INT_REL),
         P("two-sided p-value (normal approximation, continuity-corrected)", p_hand)])

# ------------------------------------------------------------------ r70
q = Q["r70"]
assert "12 tensile bars" in q and "512.4" in q and "8.3" in q and "505" in q
m70, s70, n70, mu70 = 512.4, 8.3, 12, 505.0
for v in (m70, s70, mu70):
    assert v in nums(q)
t70 = (m70 - mu70) / (s70 / math.sqrt(n70))
t_sm, p_sm = _tstat_generic(m70, 0, s70 / math.sqrt(n70), n70 - 1, alternative="larger", diff=mu70)
chk(t70, t_sm, msg="r70 t")
p70 = stats.t.sf(t70, n70 - 1)
chk(p70, p_sm, msg="r70 p")
relabel("r70", ["summary_t_test"],
        "one-sample t test from summary statistics (mean 512.4, s 8.3, n 12) against 505, one-sided "
        f"(\"significantly above\"), df 11: t = {t70:.4f}, one-sided p = {p70:.5f} (two-sided would be "
        f"{2 * p70:.5f}).",
        [E("t statistic", t70), P("one-sided p-value", p70)])

# ------------------------------------------------------------------ r71
q = Q["r71"]
for v in (15, 4.82, 0.11, 18, 4.74, 0.19):
    assert v in nums(q)
r71 = stats.ttest_ind_from_stats(4.82, 0.11, 15, 4.74, 0.19, 18, equal_var=False)
va, vb = 0.11 ** 2 / 15, 0.19 ** 2 / 18
t_h = (4.82 - 4.74) / math.sqrt(va + vb)
df_h = (va + vb) ** 2 / (va ** 2 / 14 + vb ** 2 / 17)
chk(r71.statistic, t_h, msg="r71 t")
chk(r71.pvalue, 2 * stats.t.sf(abs(t_h), df_h), msg="r71 p")
relabel("r71", ["summary_t_test"],
        f"Welch two-sample t test from summary statistics, two-sided: t = {t_h:.4f}, Welch df = {df_h:.2f}, "
        f"p = {r71.pvalue:.4f} (not significant at 5%). df not expected (27.94, too close to the integer 28).",
        [E("Welch t statistic (X minus Y)", t_h), P("two-sided p-value", r71.pvalue)])

# ------------------------------------------------------------------ sanity checks
INTENDED_INT = {"r47", "r67", "r69"}   # the asked-for answer is itself an integer (n, U, W+)
for qid, upd in UPDATES.items():
    qnums = nums(Q[qid])
    vals = [e["value"] for e in upd["expect"]]
    for e in upd["expect"]:
        v, rel = e["value"], e["rel"]
        clash = [u for u in qnums if abs(u - v) <= rel * abs(v)]
        if clash:
            print("NOTE echo-clash:", qid, "|", e["what"], v, clash[:4])
        smallint = [k for k in range(-3, 61) if k != 0 and abs(k - v) <= rel * abs(v)]
        if smallint:
            assert qid in INTENDED_INT and smallint == [round(v)], (qid, e, smallint)
            print("NOTE intended integer answer:", qid, e["what"], v)
        others = [u for u in vals if u is not v and abs(u - v) <= rel * abs(v)]
        assert not others, (qid, e, others)

assert set(UPDATES) == {"r30", "r31", "r32", "r47", "r67", "r69", "r70", "r71"}
STILL_REFUSE = {"r15", "r16", "r48", "r65"}

# ------------------------------------------------------------------ write
with open(OUT, "w", encoding="utf-8") as fh:
    for row in ROWS:
        rec = dict(row)
        if rec["id"] in UPDATES:
            u = UPDATES[rec["id"]]
            rec.update({"intent": u["intent"], "tools": u["tools"], "expect": u["expect"], "refuse": False})
        else:
            assert rec["refuse"] is (rec["id"] in STILL_REFUSE), rec["id"]
        out = {k: rec[k] for k in ("id", "kind", "question", "intent", "tools", "expect", "refuse")}
        fh.write(json.dumps(out, ensure_ascii=False) + "\n")

print("written", OUT)
print("re-labelled:", sorted(UPDATES))
print("still refusals:", sorted(STILL_REFUSE))
for qid in sorted(UPDATES):
    print(qid, UPDATES[qid]["tools"], [(e["what"][:40], e["value"], e["rel"]) for e in UPDATES[qid]["expect"]])
