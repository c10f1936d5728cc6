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


def test_a_nominal_written_after_its_value_is_the_hypothesised_mean() -> None:
    q = ("the print says 12.50 mm nominal for this bore. eight bores from today: 12.53, 12.49, 12.55, 12.52, 12.51, "
         "12.56, 12.50, 12.54\nhas the bore drifted off nominal?")
    (intent,) = plan_question(q, "stats")
    assert intent.tool == "t_test" and intent.args["kind"] == "one_sample" and float(intent.args["mu"]) == 12.5


def test_dont_assume_theyre_normal_is_a_rank_test() -> None:
    q = ("Repair times (h), two crews, different jobs:\nCrew A: 3.1, 4.5, 2.8, 6.9, 3.3, 4.0, 5.2\n"
         "Crew B: 5.5, 7.1, 4.9, 8.8, 6.2, 5.9, 9.4\nplease don't assume they're normal. Is one crew quicker?")
    (intent,) = plan_question(q, "stats")
    assert intent.tool == "mann_whitney"


def test_power_from_a_budget_of_paired_comparisons_and_a_move_by_a_stated_amount() -> None:
    (paired,) = plan_question("Budget for 20 paired comparisons (old vs new fixture on each part). True mean difference "
                              "1.5 um, sd of differences 3 um: what power does a paired t-test at alpha 0.05 have?",
                              "stats")
    assert paired.tool == "power" and paired.args["test"] == "paired_t" and paired.args["n"] == 20
    (moved,) = plan_question("We want to detect if the mean has moved off target by 0.8 g; sd is 2 g. One-sample t-test, "
                             "alpha 0.05, 80% power. How many bottles?", "stats")
    assert moved.tool == "power" and float(moved.args["delta"]) == 0.8 and float(moved.args["sd"]) == 2


def test_spec_limits_after_the_name_of_the_characteristic() -> None:
    q = ("Spec on the gasket thickness is 1.90 to 2.10 mm. Parts: 2.01, 1.98, 2.03, 2.00, 1.97, 2.02, 2.04, 1.99. "
         "Pp and Ppk please.")
    (intent,) = plan_question(q, "spc")
    assert intent.tool == "capability"
    assert (float(intent.args["lsl"]), float(intent.args["usl"])) == (1.9, 2.1)


def test_centipoise_is_not_a_capability_index() -> None:
    rows = "\n".join(f"| L-{i} | {v} |" for i, v in enumerate([802.1, 795.4, 810.2, 799.9, 805.3, 797.7], start=1))
    q = f"Individuals chart for the resin viscosity.\n\n| lot | viscosity (cP) |\n|---|---|\n{rows}"
    (intent,) = plan_question(q, "spc")
    assert intent.tool == "control_chart" and intent.args["chart"] == "imr"
