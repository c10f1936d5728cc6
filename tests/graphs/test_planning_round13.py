"""Planner round 13: pi-fraction bounds, e^ after a variable, ordinal degrees, goodness of fit to given proportions,
a given CCD alpha and blocks."""

from __future__ import annotations

from graphs.planning.nl import plan_question


def _intent(question: str, mode: str):
    intents = plan_question(question, mode)
    assert intents, question
    return intents[0]


def test_pi_fraction_bounds_are_kept_whole() -> None:
    args = _intent("integral of cos(x)^2 from 0 to pi/2", "math").args
    assert (str(args["lower"]), str(args["upper"])) == ("0", "pi/2")
    assert str(_intent("integrate sin(x) from -pi/2 to 3pi/4", "math").args["upper"]) == "3pi/4"


def test_variable_before_e_power_is_a_product() -> None:
    assert _intent("differentiate 3xe^x", "math").args["expression"] == "3x*e^x"


def test_ordinal_polynomial_degree() -> None:
    q = "fit a third degree polynomial to x 1 2 3 4 5 6, y 3 5 10 20 38 65"
    assert _intent(q, "stats").args["degree"] == 3
    assert _intent("2nd order polynomial fit: x = 1 2 3 4 5, y = 1 4 9 16 26", "stats").args["degree"] == 2


def test_goodness_of_fit_to_proportions_and_ratios() -> None:
    args = _intent("observed 48, 35, 17 against expected proportions 0.5, 0.3, 0.2, goodness of fit", "stats").args
    assert [float(v) for v in args["expected"]] == [50, 30, 20]
    args = _intent("Do these counts 30, 50, 20 follow the ratio 1:2:1?", "stats").args
    assert [float(v) for v in args["expected"]] == [25, 50, 25]
    # a ratio with fewer parts than counts is not guessed at
    assert not plan_question("Do these counts 30, 50, 20 follow the ratio 1:2?", "stats")


def test_ccd_alpha_and_blocks() -> None:
    assert float(_intent("central composite design for 2 factors with alpha = 1.5", "doe").args["alpha"]) == 1.5
    assert _intent("rotatable central composite design for 3 factors", "doe").args["alpha"] == "rotatable"
    assert _intent("2^3 full factorial in 2 blocks", "doe").args["blocks"] == 2
