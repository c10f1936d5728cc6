"""The reading audit (graphs/reading/): every cue of the table, number roles, the sentence, the confidence."""

from __future__ import annotations

import pytest

from graphs.confidence import auroc, expected_calibration_error, fit, probability
from graphs.reading.audit import reading_checks, reading_failures
from graphs.reading.calls import Call
from graphs.reading.cues import CUES, find_cues
from graphs.reading.numbers import account
from graphs.reading.sentence import reading_sentence

A = [10.1, 10.3, 9.8, 10.0, 10.2]
B = [10.6, 10.4, 10.9, 10.5, 10.7]


def _t(kind: str, **extra) -> Call:
    return Call("t_test", {"kind": kind, "x": A, "y": None if kind == "one_sample" else B, **extra})


def _design(**out) -> Call:
    base = {"runs": 8, "factor_names": ["A", "B", "C"], "coded": [[-1, -1, -1], [1, 1, 1]], "blocks": 1,
            "replicates": 1, "centre_points": 0, "design": "full_factorial"}
    return Call("doe_design", {"design": "full_factorial", "factors": 3}, {**base, **out})


def _chart(kind: str, **args) -> Call:
    return Call("control_chart", {"chart": kind, **args}, {"subgroup_sizes": args.pop("_sizes", None)})


# cue name -> (question, calls that honour it, calls that do not)
CASES: dict[str, tuple[str, list[Call], list[Call]]] = {
    "paired": ("Each part was measured by both gauges. Do they differ?", [_t("paired")], [_t("welch")]),
    "unpaired": ("Two independent samples: do they differ?", [_t("welch")], [_t("paired")]),
    "unequal variances": ("Compare A and B; don't assume equal variances.", [_t("welch")], [_t("pooled")]),
    "equal variances": ("Compare A and B assuming equal variances.", [_t("pooled")], [_t("welch")]),
    "no normality": ("We can't assume the data are normal: do A and B differ?",
                     [Call("kruskal_wallis", {"groups": [A, B]})], [_t("welch")]),
    "Mann–Whitney": ("Mann-Whitney test of A vs B", [Call("mann_whitney", {"x": A, "y": B})],
                     [Call("kruskal_wallis", {"groups": [A, B]})]),
    "signed-rank": ("Wilcoxon signed-rank test on the pairs", [Call("wilcoxon_signed_rank", {"x": A, "y": B})],
                    [_t("paired")]),
    "Kruskal–Wallis": ("Kruskal-Wallis across the three lines", [Call("kruskal_wallis", {"groups": [A, B, A]})],
                       [Call("anova_oneway", {"groups": [A, B, A]})]),
    "Spearman": ("Spearman correlation of A and B", [Call("correlation", {"x": A, "y": B, "method": "spearman"})],
                 [Call("correlation", {"x": A, "y": B})]),
    "Kendall": ("Kendall's tau between A and B", [Call("correlation", {"x": A, "y": B, "method": "kendall"})],
                [Call("correlation", {"x": A, "y": B, "method": "spearman"})]),
    "Bartlett": ("Bartlett's test on the three lines", [Call("variance_test", {"groups": [A, B, A],
                                                                                 "method": "bartlett"})],
                 [Call("levene", {"groups": [A, B, A]})]),
    "F test of variances": ("F-test for two variances, A against B", [Call("variance_test", {"groups": [A, B]})],
                            [Call("levene", {"groups": [A, B]})]),
    "Welch ANOVA": ("Welch's ANOVA across the three lines", [Call("anova_oneway", {"groups": [A, B, A], "welch": True})],
                    [Call("anova_oneway", {"groups": [A, B, A]})]),
    "two-way ANOVA": ("two-way ANOVA of machine and operator", [Call("anova_twoway", {"y": A, "a": A, "b": B})],
                      [Call("anova_oneway", {"groups": [A, B]})]),
    "sums of squares type": ("two-way ANOVA, unbalanced: use sequential (Type I) sums of squares",
                             [Call("anova_twoway", {"y": A, "a": A, "b": B, "ss_type": 1}, {"ss_type": 1})],
                             [Call("anova_twoway", {"y": A, "a": A, "b": B}, {"ss_type": 3})]),
    "normality test": ("Shapiro-Wilk test of these values", [Call("normality", {"data": A})],
                       [Call("describe", {"data": A})]),
    "Levene": ("Levene test of equal variances for A and B", [Call("levene", {"groups": [A, B]})],
               [Call("variance_test", {"groups": [A, B]})]),
    "exact binomial": ("exact binomial test of 7 of 20 against 0.5",
                       [Call("proportion_test", {"x": [7], "n": [20], "method": "exact"})],
                       [Call("proportion_test", {"x": [7], "n": [20], "method": "score"})]),
    "sign test": ("a sign test on the pairs of A and B", [Call("sign_test", {"x": A, "y": B})],
                  [Call("wilcoxon_signed_rank", {"x": A, "y": B})]),
    "Fisher exact": ("Fisher's exact test on 3/20 vs 9/20", [Call("proportion_test", {"x": [3, 9]})],
                     [Call("chi_square", {"table": [[3, 17], [9, 11]]})]),
    "one-sided": ("One-sided test: is A's mean above 10?", [_t("one_sample", mu=10, alternative="greater")],
                  [_t("one_sample", mu=10)]),
    "reference value": ("Is the mean different from the nominal 10.0 mm?", [_t("one_sample", mu=10.0)],
                        [Call("describe", {"data": A})]),
    "exclusion": ("I-MR chart, but exclude point 5 from the limits", [_chart("imr", values=A, exclude=[4])],
                  [_chart("imr", values=A)]),
    "blocks": ("Design a 2^3 factorial run in 2 blocks", [_design(blocks=2)], [_design()]),
    "replicates": ("Design a 2^3 factorial, replicated twice", [Call("doe_design", {"replicates": 2}, {"replicates": 2})],
                   [_design()]),
    "centre points": ("2^3 factorial with centre points", [_design(centre_points=4)], [_design()]),
    "capability index": ("What is the Ppk?", [Call("capability", {"data": A, "lsl": 9, "usl": 11})],
                         [Call("describe", {"data": A})]),
    "p chart": ("p chart please", [_chart("p", counts=[1, 2], sizes=[50, 50])], [_chart("imr", values=A)]),
    "np chart": ("np chart please", [_chart("np", counts=[1, 2], sizes=50)], [_chart("p", counts=[1, 2], sizes=50)]),
    "c chart": ("c chart please", [_chart("c", counts=[1, 2])], [_chart("imr", values=A)]),
    "u chart": ("u chart please", [_chart("u", counts=[1, 2], sizes=[2, 3])], [_chart("c", counts=[1, 2])]),
    "x-bar chart": ("X-bar chart of these subgroups", [_chart("xbar_r", subgroups=[A, B])],
                    [_chart("imr", values=A + B)]),
    "I-MR chart": ("individuals chart", [_chart("imr", values=A)], [_chart("xbar_r", subgroups=[A, B])]),
    "EWMA": ("EWMA chart with lambda 0.2", [_chart("ewma", values=A)], [_chart("imr", values=A)]),
    "CUSUM": ("CUSUM chart", [_chart("cusum", values=A)], [_chart("imr", values=A)]),
    "defects per unit": ("control chart of defects per unit", [_chart("u", counts=[1, 2], sizes=[2, 3])],
                         [_chart("imr", values=A)]),
    "defect counts": ("chart the number of defects per shift", [_chart("c", counts=[1, 2])],
                      [_chart("imr", values=A)]),
    "defectives": ("control chart of defective parts", [_chart("p", counts=[1, 2], sizes=[50, 50])],
                   [_chart("imr", values=A)]),
    "curvature": ("Is there curvature? 2^2 with centre points", [Call("doe_curvature", {})],
                  [Call("doe_effects", {"response": A})]),
    "interaction": ("Is there an interaction between the two factors?", [Call("anova_twoway", {})],
                    [Call("anova_oneway", {"groups": [A, B]})]),
    "partial derivative": ("partial derivative of x^2 y with respect to y",
                           [Call("differentiate", {"expression": "x**2*y", "variable": "y"})],
                           [Call("differentiate", {"expression": "x**2*y", "variable": "x"})]),
    "N-level": ("a 3-level factorial for 2 factors",
                [_design(coded=[[-1, -1], [0, 0], [1, 1]], factor_names=["A", "B"], runs=9)],
                [_design(coded=[[-1, -1], [1, 1]], factor_names=["A", "B"], runs=4)]),
    "subgroup size": ("X-bar chart, subgroups of 5", [_chart("xbar_r", subgroups=[[1, 2, 3, 4, 5]] * 3)],
                      [_chart("xbar_r", subgroups=[[1, 2, 3]] * 5)]),
    "goodness of fit": ("Is the die fair? counts 8 12 9 11 7 13", [Call("chi_square", {"observed": [8, 12]})],
                        [Call("chi_square", {"table": [[8, 12], [9, 11]]})]),
    "rates of counts": ("Is the pass rate related to the shift?",
                        [Call("describe", {"data": A}), Call("chi_square", {"table": [[45, 5], [38, 12]]})],
                        [Call("anova_oneway", {"groups": [[45, 5], [38, 12]]})]),
    "independence": ("Is defect type independent of shift?", [Call("chi_square", {"table": [[4, 5], [3, 8]]})],
                     [Call("chi_square", {"observed": [4, 5, 3, 8]})]),
    # the kind of computation named
    "two-sided": ("Two-sided test: does A's mean differ from 10?", [_t("one_sample", mu=10)],
                  [_t("one_sample", mu=10, alternative="less")]),
    "derivative order": ("4th derivative of ln(1 + x^2) at x = 0.5",
                         [Call("differentiate", {"expression": "log(1 + x**2)", "order": 4})],
                         [Call("differentiate", {"expression": "log(1 + x**2)"})]),
    "matrix operation": ("eigenvalues of the matrix with rows (2, 1), (1, 3)",
                         [Call("matrix", {"matrix": [[2, 1], [1, 3]], "operation": "eigenvalues"})],
                         [Call("anova_oneway", {"groups": [[2, 1], [1, 3]]})]),
    "system of equations": ("solve for x, y: 2x + y = 3 and x - y = 0",
                            [Call("solve", {"equations": ["2*x + y - 3", "x - y"], "variables": ["x", "y"]})],
                            [Call("describe", {"data": [2, 3, 0]})]),
    "derivative": ("derivative of 3x^2 at x = 2", [Call("differentiate", {"expression": "3*x**2"})],
                   [Call("describe", {"data": [3, 2, 2]})]),
    "integral": ("integral of x^2 from 0 to 3", [Call("integrate", {"expression": "x**2"})],
                 [Call("describe", {"data": [2, 0, 3]})]),
    "Friedman": ("Friedman test on the three recipes", [Call("friedman", {"groups": [A, B, A]})],
                 [Call("kruskal_wallis", {"groups": [A, B, A]})]),
    "a precision to reach": ("how many parts to estimate the mean to within ± 0.5 with sd 2?",
                             [Call("sample_size_ci", {"target": "mean", "sd": 2, "margin": 0.5})],
                             [Call("power", {"test": "one_sample_t", "delta": 0.5, "sd": 2, "power": 0.8})]),
    "McNemar": ("McNemar's test: [[30, 12], [5, 40]]", [Call("mcnemar", {"table": [[30, 12], [5, 40]]})],
                [Call("chi_square", {"table": [[30, 12], [5, 40]]})]),
    "critical points": ("critical points of x^3 - 3x", [Call("extrema", {"expression": "x**3 - 3*x"})],
                        [Call("differentiate", {"expression": "x**3 - 3*x"})]),
    "a formula": ("fit y = a + b*t^2 to 1, 2, 5, 10 at t = 0, 1, 2, 3",
                  [Call("regression", {"x": [0, 1, 4, 9], "y": [1, 2, 5, 10]})],
                  [Call("describe", {"data": [0, 1, 2, 3]})]),
    "sum of a series": ("sum of n^2/3^n for n = 1 to infinity",
                        [Call("summation", {"expression": "n**2/3**n", "lower": "1", "upper": "oo"})],
                        [Call("describe", {"data": [2, 3, 1]})]),
    "Levene about the medians": ("Levene's test, the median-centred (Brown-Forsythe) form",
                                 [Call("levene", {"groups": [A, B]})],
                                 [Call("levene", {"groups": [A, B], "center": "mean"})]),
    "series expansion": ("Maclaurin series of exp(2x) to order 4", [Call("series", {"expression": "exp(2*x)"})],
                         [Call("describe", {"data": [2, 4]})]),
    "chi-square": ("Chi-square test on pass 40 fail 10 / pass 30 fail 20",
                   [Call("chi_square", {"table": [[40, 10], [30, 20]]})],
                   [Call("anova_oneway", {"groups": [[40, 10], [30, 20]]})]),
    "ANOVA": ("one-way ANOVA of the three lines", [Call("anova_oneway", {"groups": [A, B, A]})],
              [Call("levene", {"groups": [A, B, A]})]),
    "t-test": ("two-sample t-test, A vs B", [_t("welch")], [Call("describe", {"data": A})]),
    "regression": ("regress strength on cure time: slope and intercept", [Call("regression", {"x": A, "y": B})],
                   [Call("describe", {"data": A})]),
    "Pearson": ("Pearson correlation of A and B", [Call("correlation", {"x": A, "y": B})],
                [Call("correlation", {"x": A, "y": B, "method": "spearman"})]),
    "Levene about the means": ("Levene's original test (deviations from the group means)",
                               [Call("levene", {"groups": [A, B], "center": "mean"})],
                               [Call("levene", {"groups": [A, B]})]),
    "continuity correction": ("Chi-square with Yates' correction on pass/fail by vendor",
                              [Call("chi_square", {"table": [[84, 16], [71, 29]], "correction": True})],
                              [Call("chi_square", {"table": [[84, 16], [71, 29]]})]),
    "no continuity correction": ("Two-proportion z test, no continuity correction: 38 of 500 vs 21 of 450",
                                 [Call("proportion_test", {"x": [38, 21], "n": [500, 450]})],
                                 [Call("proportion_test", {"x": [38, 21], "n": [500, 450], "correct": True})]),
    "factor count": ("a full factorial in three factors", [_design()],
                     [_design(factor_names=["A", "B"], coded=[[-1, -1], [1, 1]], runs=4)]),
    "fold-over": ("a Plackett-Burman design for 10 factors, and the runs with a full fold-over",
                  [_design(design="plackett_burman", foldover=True)], [_design(design="plackett_burman")]),
    "runs saved": ("a 2^(7-3) fraction: how many runs does it save compared with the full design?",
                   [_design(design="fractional_factorial"), _design()], [_design(design="fractional_factorial")]),
    "full factorial": ("4 factors, full factorial, 3 replicates", [_design(design="full_factorial")],
                       [_design(design="fractional_factorial", resolution=4)]),
    "resolution": ("a resolution V fraction for 5 factors", [_design(design="fractional_factorial", resolution=5)],
                   [_design(design="fractional_factorial", resolution=3)]),
    "Plackett–Burman": ("Plackett-Burman screening of 7 factors", [_design(design="plackett_burman")],
                        [_design(design="fractional_factorial")]),
    "Box–Behnken": ("Box-Behnken design for 3 factors", [_design(design="box_behnken")],
                    [_design(design="central_composite")]),
    "central composite": ("a rotatable central composite design, 2 factors", [_design(design="central_composite")],
                          [_design(design="box_behnken")]),
}


def test_every_cue_has_a_case() -> None:
    assert sorted(c.name for c in CUES) == sorted(CASES)


@pytest.mark.parametrize("name", sorted(CASES))
def test_cue_honoured_and_not(name: str) -> None:
    question, good, bad = CASES[name]
    hits = {f.cue.name: f for f in find_cues(question, good)}
    assert name in hits, f"cue {name!r} not found in {question!r}"
    assert hits[name].honoured, f"{name}: {good} should honour it"
    hits = {f.cue.name: f for f in find_cues(question, bad)}
    assert name in hits and not hits[name].honoured, f"{name}: {bad} should not honour it"


@pytest.mark.parametrize("question", [
    "Compare A and B; don't assume equal variances.",  # negated: not the 'equal variances' cue
    "Two independent samples, not paired",
    "Is the data normal? Shapiro-Wilk please",  # a normality question, not 'no normality'
    "Design without centre points",
    "Mann-Whitney please, not a t-test",  # a named test refused: not the 't-test' cue
    "Kruskal-Wallis H, with its chi-square approximation p",
    "Welch's ANOVA, since the variances differ",
    "Wilcoxon signed-rank rather than a t-test",
])
def test_negations_cancel_their_cue(question: str) -> None:
    names = {f.cue.name for f in find_cues(question, [_t("welch"), _design()])}
    assert not names & {"equal variances", "paired", "no normality", "exclusion", "t-test", "chi-square", "ANOVA"}


def _defaults() -> dict:
    from graphs.reading.audit import tool_defaults

    return {name: tool_defaults(name) for name in ("describe", "t_test", "chi_square")}


@pytest.mark.parametrize("question, role", [
    ("In 2023 we measured 10.1 10.3 9.8 10.0 10.2", "a year, context"),
    ("Machine 2: 10.1 10.3 9.8 10.0 10.2", "a label, context"),
    ("We have 450 employees. Data: 10.1 10.3 9.8 10.0 10.2", "a count of things, context"),
    ("Sampled on 14 March: 10.1 10.3 9.8 10.0 10.2", "a date, context"),
    ("Every 2 hours we measure: 10.1 10.3 9.8 10.0 10.2", "a time span, context"),
    ("Samples S-104 and on: 10.1 10.3 9.8 10.0 10.2", "an identifier or code, context"),
    ("Lot 24-0117 gave 10.1 10.3 9.8 10.0 10.2", "an identifier or code, context"),
    ("Logged 2024-03-11: 10.1 10.3 9.8 10.0 10.2", "a date, context"),
    ("Shift starting 06:30: 10.1 10.3 9.8 10.0 10.2", "a time of day, context"),
    ("Booth 1 is new, booth 2 is old; booth 1 readings 10.1 10.3 9.8 10.0 10.2", "one of several numbered things, context"),
    ("Flaws per 100 m: 10.1 10.3 9.8 10.0 10.2", "the basis of a rate, context"),
    ("Ratings (1-10, ordinal): 10.1 10.3 9.8 10.0 10.2", "an end of a rating scale, context"),
    ("Mean of 10.1 10.3 9.8 10.0 10.2 to 3 d.p.", "a precision, context"),
    ("After an 8-week programme: 10.1 10.3 9.8 10.0 10.2", "part of a name or a duration, context"),
    ("Batches 301 to 320, one each: 10.1 10.3 9.8 10.0 10.2", "the end of a range of labels, context"),
    ("From the last 100 parts the mean is 10.1 10.3 9.8 10.0 10.2", "how many were observed, context"),
])
def test_context_roles(question: str, role: str) -> None:
    acc = account(question, [Call("describe", {"data": A})], _defaults())
    assert not acc.unaccounted, acc.unaccounted
    assert role in [n.role for n in acc.numbers]


@pytest.mark.parametrize("question, data, label", [
    ("10 March: 182.4\n11 March: 181.9\n12 March: 183.1", [10, 182.4, 11, 181.9, 12, 183.1], "10"),
    ("coil 1: 15 blemishes; coil 2: 10 blemishes; coil 3: 8 blemishes", [15, 2, 10, 3, 8], "2"),
    ("06:00 412.3\n06:30 405.8\n07:00 418.1", [6, 412.3, 6, 405.8, 7, 418.1], "06"),
])
def test_a_label_read_as_data_fails_the_check(question: str, data: list, label: str) -> None:
    acc = account(question, [Call("describe", {"data": data})], _defaults())
    assert label in [n.text for n in acc.labels_as_data]
    right = [v for v in data if str(v) not in ("10", "11", "12", "2", "3", "6", "7")] if label != "2" else [15, 10, 8]
    assert not account(question, [Call("describe", {"data": right})], _defaults()).labels_as_data


def test_unused_number_is_flagged_with_its_context() -> None:
    q = "Is the mean different from the nominal 10.5 mm? 10.1 10.3 9.8 10.0 10.2"
    acc = account(q, [Call("describe", {"data": A})], _defaults())
    assert [n.text for n in acc.unaccounted] == ["10.5"]
    acc = account(q, [_t("one_sample", mu=10.5)], _defaults())
    assert not acc.unaccounted
    assert "hypothesised mean" in [n.role for n in acc.numbers]


def test_derived_numbers_count_as_used() -> None:
    calls = [Call("chi_square", {"table": [[12, 388], [25, 385]]}, {})]
    acc = account("Line A had 12 defective out of 400, line B 25 out of 410", calls, _defaults())
    assert not acc.unaccounted
    alpha = account("t-test at the 1% level: " + " ".join(map(str, A)), [_t("one_sample", alpha=0.01)], _defaults())
    assert not alpha.unaccounted


def test_checks_and_failures_name_what_is_missing() -> None:
    q = "Compare A 10.1 10.3 9.8 10.0 10.2 and B 10.6 10.4 10.9 10.5 10.7, paired, at alpha 0.01"
    results = [{"tool": "t_test", "args": {"kind": "welch", "x": A, "y": B}, "output": {"t": 1.0}}]
    checks = reading_checks(q, results)
    assert [c["passed"] for c in checks] == [False, False]
    failures = reading_failures(checks)
    assert any("0.01" in f for f in failures) and any("paired" in f for f in failures)


@pytest.mark.parametrize("tool, args, output, words", [
    ("t_test", {"kind": "welch", "x": A, "y": B}, {}, ["Welch", "n = 5", "two-sided", "α = 0.05"]),
    ("t_test", {"kind": "one_sample", "x": A, "mu": 10.5, "alternative": "greater"}, {}, ["one-sample", "10.5",
                                                                                          "one-sided"]),
    ("doe_design", {"design": "box_behnken"}, {"runs": 15, "factor_names": ["A", "B", "C"], "centre_points": 3},
     ["box behnken", "15 runs", "3 centre"]),
    ("control_chart", {"chart": "imr", "values": A, "exclude": [4]}, {"points": A}, ["I-MR", "excluding point(s) 5"]),
    ("chi_square", {"observed": [8, 12, 9]}, {}, ["goodness-of-fit", "equal proportions"]),
    ("correlation", {"x": A, "y": B, "method": "spearman", "alternative": "greater"}, {},
     ["Spearman", "5 pairs", "one-sided (greater)"]),
    ("variance_test", {"groups": [A, B], "method": "f"}, {}, ["F test", "first group over the second", "n = 5"]),
    ("variance_test", {"groups": [A, B, A], "method": "bartlett"}, {}, ["Bartlett", "3 groups"]),
    ("anova_oneway", {"groups": [A, B], "welch": True}, {}, ["Welch's one-way ANOVA", "2 groups"]),
    ("sample_size_ci", {"target": "proportion", "margin": 0.03, "confidence": 0.9, "population": 5000}, {},
     ["sample size", "proportion", "± 0.03", "p = 0.5 (none given)", "90 % confidence", "population of 5000"]),
    ("extrema", {"expression": "3*x + 200/x**2", "lower": "0", "lower_open": True}, {}, ["on (0, oo)"]),
])
def test_reading_sentence(tool: str, args: dict, output: dict, words: list[str]) -> None:
    text = reading_sentence([{"tool": tool, "args": args, "output": output}])
    assert text.startswith("I read this as ")
    for w in words:
        assert w in text, (w, text)


def test_confidence_fit_separates_and_metrics() -> None:
    good = {"bias": 1.0, "reading_numbers": 1.0, "reading_cues": 1.0}
    bad = {"bias": 1.0, "reading_numbers": 0.0, "reading_cues": 1.0}
    w = fit([(good, 1)] * 120 + [(bad, 0)] * 24 + [(bad, 1)] * 6 + [(good, 0)] * 3)
    assert probability(good, w) > 0.9 > 0.4 > probability(bad, w)
    assert auroc([0.9, 0.8, 0.2], [1, 1, 0]) == 1.0
    assert auroc([0.5, 0.5], [1, 0]) == 0.5
    assert expected_calibration_error([0.95, 0.95], [1, 1]) == pytest.approx(0.05)
