"""Questions of earlier rounds that were still refused, now read, in our own phrasings."""

from __future__ import annotations

from graphs.planning.to_dsl import render_program
from graphs.stages.execute import run_program
from tests.graphs.planned import first_intent


def test_anova_power_from_mean_conversions_of() -> None:
    i = first_intent("Three resins. We want to detect true mean strengths of 40, 43 and 45 MPa with a common standard deviation "
             "of 4 MPa, one-way ANOVA, alpha 0.05, power 0.9. How many specimens per resin?", "stats")
    assert i.args["test"] == "anova" and [float(m) for m in i.args["means"]] == [40, 43, 45]


def test_a_run_count_ruled_out_is_no_budget() -> None:
    i = first_intent("six two-level factors; the budget won't stretch to 64 runs, so we take the half fraction plus 2 centre "
             "points. Total runs?", "doe")
    out = run_program(render_program([i]), {})[0][0]["output"]
    assert out["runs"] == 32 + 2


def test_a_tolerance_band_gives_the_limits_for_cp_from_r_bar() -> None:
    i = first_intent("Subgroups of five. Grand mean 12.004, R-bar 0.031. Tolerance 11.95 - 12.05. Sigma from R-bar/d2, Cp and "
             "Cpk?", "spc")
    assert i.tool == "summary_capability" and float(i.args["lsl"]) == 11.95 and float(i.args["usl"]) == 12.05


def test_a_named_function_and_its_derivative_in_prime_notation() -> None:
    i = first_intent("h(s) = s^3*exp(-s). Find h''(s) at s = 1.5", "math")
    assert i.tool == "differentiate" and i.args["order"] == 2 and i.args["variable"] == "s"
    assert i.args["at"] == {"s": "1.5"}
    j = first_intent("y = x^2*ln(x). What is y' when x = 2?", "math")
    assert j.args.get("order", 1) == 1 and j.args["at"] == {"x": "2"}


def test_a_mixed_partial_after_the_formulas_own_sentence() -> None:
    i = first_intent("f(x,y) = x^3 y + cos(x y). mixed partial d2f/dxdy at (x, y) = (1, 2)", "math")
    assert i.args["variable"] == ["x", "y"] and i.args["at"] == {"x": "1", "y": "2"}


def test_centre_runs_that_every_day_also_gets_count_in_its_capacity() -> None:
    i = first_intent("Our oven takes six runs a day and each day is a block. Full two-level factorial in four factors, and "
             "every day also gets two centre-point runs (they count toward the six). Total runs?", "doe")
    out = run_program(render_program([i]), {})[0][0]["output"]
    assert out["blocks"] == 4 and out["runs"] == 16 + 4 * 2


def test_labelled_readings_along_one_line_with_one_left_out() -> None:
    q = ("Viscosity by lot -- lot 1: 41.2, lot 2: 40.8, lot 3: 41.5, lot 4: 47.9, lot 5: 41.0. Lot 4 was mixed wrong, "
         "leave it out. Mean and SD of the rest?")
    i = first_intent(q, "stats")
    assert i.tool == "describe" and [float(v) for v in i.args["data"]] == [41.2, 40.8, 41.5, 41.0]


def test_unlabelled_pairs_between_semicolons_are_two_named_lists() -> None:
    q = ("Wilcoxon signed-rank please. Grip strength (kg), written before/after: 31.2/33.0; 28.4/29.1; 35.0/34.2; "
         "30.1/32.5; 27.7/29.9; 33.3/35.1. Two-sided exact p.")
    i = first_intent(q, "stats")
    assert i.tool == "wilcoxon_signed_rank" and [float(v) for v in i.args["x"]][:2] == [31.2, 28.4]


def test_counts_that_healed_and_a_difference_worth_detecting() -> None:
    fisher = first_intent("Of 15 patients on the new gel, 12 recovered; of 13 on the old gel, 5 recovered. Fisher's exact test, "
                  "two-sided p?", "stats")
    assert fisher.args["method"] == "fisher" and fisher.args["x"] == [12, 5]
    power = first_intent("Paired design. Smallest difference worth detecting: 0.8 mm; SD of the differences: 1.2 mm. "
                 "alpha 0.05, power 0.9. Pairs needed?", "stats")
    assert power.args["test"] == "paired_t" and float(power.args["delta"]) == 0.8
