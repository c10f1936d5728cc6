"""Wordings that give a number or a caveat its role (own phrasings, after blind round 18): distrust of normality
is not a request for a normality test, "pulled N … found k" is a proportion, "a difference of 0.8 standard
deviations" is an effect size."""

from __future__ import annotations

import pytest
from scipy import stats

from graphs.planning.nl import plan_question
from tools.registry import run_tool


def test_distrusting_normality_while_asking_about_variances_is_a_levene_test() -> None:
    q = ("Cycle times (s) on three presses:\nP1  31.2  30.8  31.5  31.0  30.9\nP2  30.1  32.4  29.8  32.9  31.0\n"
         "P3  31.1  31.3  30.9  31.2  31.0\nIs the spread the same on all three? We can't really trust normality here.")
    (intent,) = plan_question(q, "stats")
    assert intent.tool == "levene" and len(intent.args["groups"]) == 3


def test_pulled_n_and_found_k_is_a_count_against_a_sample_size() -> None:
    q = "QA pulled 200 boards from the lot and found 9 with voids. Spec allows 3 %. Exact binomial: is the rate above 3 %?"
    (intent,) = plan_question(q, "stats")
    assert intent.tool == "proportion_test"
    assert intent.args["x"] == [9] and intent.args["n"] == [200] and intent.args["alternative"] == "greater"
    out = run_tool("proportion_test", intent.args)
    assert out["p_value"] == pytest.approx(stats.binomtest(9, 200, 0.03, alternative="greater").pvalue, rel=1e-9)


@pytest.mark.parametrize("wording", ["the true difference in tensile strength is 0.6 standard deviations",
                                     "the difference between the coatings equals 0.6 sd"])
def test_a_difference_in_standard_deviations_is_an_effect_size(wording: str) -> None:
    q = f"We can test 15 coupons per coating. If {wording}, what power does a two-sample t-test at alpha 0.05 have?"
    (intent,) = plan_question(q, "stats")
    assert intent.tool == "power" and float(intent.args["effect_size"]) == pytest.approx(0.6)
    assert intent.args["n"] == 15


@pytest.mark.parametrize(("wording", "center"), [
    ("Use Levene's original test, deviations from the group means.", "mean"),
    ("Levene test, mean-centred please.", "mean"),
    ("Levene test please.", "median"),
])
def test_the_levene_centre_asked_for_in_words(wording: str, center: str) -> None:
    q = f"Do the two fixtures differ in spread? {wording}\nA: 10.2, 9.8, 10.5, 10.1, 9.6\nB: 10.9, 9.1, 11.3, 8.8, 10.6"
    (intent,) = plan_question(q, "stats")
    assert intent.tool == "levene" and intent.args.get("center", "median") == center
    out = run_tool("levene", intent.args)
    a, b = [10.2, 9.8, 10.5, 10.1, 9.6], [10.9, 9.1, 11.3, 8.8, 10.6]
    assert out["statistic"] == pytest.approx(stats.levene(a, b, center=center).statistic)
