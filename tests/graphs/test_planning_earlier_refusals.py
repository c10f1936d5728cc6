"""Questions of earlier rounds that were still refused, now read, in our own phrasings."""

from __future__ import annotations

from graphs.planning.nl import plan_question
from graphs.planning.to_dsl import render_program
from graphs.stages.execute import run_program


def _one(question: str, mode: str):
    intents = plan_question(question, mode)
    assert intents, f"nothing planned for {question!r}"
    return intents[0]


def test_anova_power_from_mean_conversions_of() -> None:
    i = _one("Three resins. We want to detect true mean strengths of 40, 43 and 45 MPa with a common standard deviation "
             "of 4 MPa, one-way ANOVA, alpha 0.05, power 0.9. How many specimens per resin?", "stats")
    assert i.args["test"] == "anova" and [float(m) for m in i.args["means"]] == [40, 43, 45]


def test_a_run_count_ruled_out_is_no_budget() -> None:
    i = _one("six two-level factors; the budget won't stretch to 64 runs, so we take the half fraction plus 2 centre "
             "points. Total runs?", "doe")
    out = run_program(render_program([i]), {})[0][0]["output"]
    assert out["runs"] == 32 + 2


def test_a_tolerance_band_gives_the_limits_for_cp_from_r_bar() -> None:
    i = _one("Subgroups of five. Grand mean 12.004, R-bar 0.031. Tolerance 11.95 - 12.05. Sigma from R-bar/d2, Cp and "
             "Cpk?", "spc")
    assert i.tool == "summary_capability" and float(i.args["lsl"]) == 11.95 and float(i.args["usl"]) == 12.05


def test_a_named_function_and_its_derivative_in_prime_notation() -> None:
    i = _one("h(s) = s^3*exp(-s). Find h''(s) at s = 1.5", "math")
    assert i.tool == "differentiate" and i.args["order"] == 2 and i.args["variable"] == "s"
    assert i.args["at"] == {"s": "1.5"}
    j = _one("y = x^2*ln(x). What is y' when x = 2?", "math")
    assert j.args.get("order", 1) == 1 and j.args["at"] == {"x": "2"}


def test_a_mixed_partial_after_the_formulas_own_sentence() -> None:
    i = _one("f(x,y) = x^3 y + cos(x y). mixed partial d2f/dxdy at (x, y) = (1, 2)", "math")
    assert i.args["variable"] == ["x", "y"] and i.args["at"] == {"x": "1", "y": "2"}


def test_centre_runs_that_every_day_also_gets_count_in_its_capacity() -> None:
    i = _one("Our oven takes six runs a day and each day is a block. Full two-level factorial in four factors, and "
             "every day also gets two centre-point runs (they count toward the six). Total runs?", "doe")
    out = run_program(render_program([i]), {})[0][0]["output"]
    assert out["blocks"] == 4 and out["runs"] == 16 + 4 * 2
