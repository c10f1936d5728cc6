"""Grids with a blank corner, dated lines with one left out by pronoun, wanting not to assume equal variances, a
claim made by someone else put to the test; each checked against scipy or statsmodels."""

from __future__ import annotations

from decimal import Decimal

import numpy as np
import pytest
from scipy import stats

from graphs.planning.nl import plan_question
from tools.registry import run_tool


def _one(question: str, mode: str = "stats"):
    (intent,) = plan_question(question, mode)
    return intent


def test_a_count_grid_under_a_header_with_a_blank_corner_is_a_contingency_table() -> None:
    q = ("Complaints by region and product:\n\n          Basic   Plus   Pro\nNorth        31     22    12\n"
         "South        28     30    21\n\nIs the product mix related to region?")
    intent = _one(q)
    assert intent.tool == "chi_square" and intent.args["table"] == [[31, 22, 12], [28, 30, 21]]
    out = run_tool("chi_square", intent.args)
    assert float(out["statistic"]) == pytest.approx(stats.chi2_contingency([[31, 22, 12], [28, 30, 21]])[0], rel=1e-9)


def test_a_grid_of_measurements_with_both_margins_asked_about_is_a_two_way_anova() -> None:
    grid = [[12.1, 12.9, 12.4], [13.0, 13.8, 13.1], [11.8, 12.7, 12.2]]
    q = ("Cycle time (s), one run for each press/die combination:\n\n        D1     D2     D3\n"
         + "\n".join(f"P{i + 1}    " + "   ".join(map(str, row)) for i, row in enumerate(grid))
         + "\n\nDo the presses differ? Do the dies differ?")
    intent = _one(q)
    assert intent.tool == "anova_twoway" and intent.args["interaction"] is False
    assert (intent.args["factor_a"], intent.args["factor_b"]) == ("press", "die")
    out = run_tool("anova_twoway", intent.args)
    # the additive model by hand: SS rows, SS columns, SS error of a 3 × 3 grid
    y = np.array(grid)
    grand = y.mean()
    ss_a = 3 * ((y.mean(axis=1) - grand) ** 2).sum()
    ss_b = 3 * ((y.mean(axis=0) - grand) ** 2).sum()
    ss_e = ((y - grand) ** 2).sum() - ss_a - ss_b
    assert float(out["f_a"]) == pytest.approx((ss_a / 2) / (ss_e / 4), rel=1e-9)
    assert float(out["f_b"]) == pytest.approx((ss_b / 2) / (ss_e / 4), rel=1e-9)


def test_dated_lines_are_labels_and_one_left_out_by_pronoun_goes() -> None:
    q = ("Morning pH readings:\n3 June: 7.12\n4 June: 7.08\n5 June: 7.85\n6 June: 7.10\n7 June: 7.15\n"
         "The 5 June sample was contaminated, so leave it out. Mean and standard deviation of the rest?")
    intent = _one(q)
    assert intent.tool == "describe" and intent.args["data"] == [Decimal(v) for v in ("7.12", "7.08", "7.10", "7.15")]
    assert any("5 June (7.85) left out" in n for n in intent.notes)


def test_not_wanting_to_assume_equal_variances_is_welch() -> None:
    intent = _one("A: 10.1 10.4 9.8 10.2 10.0 and B: 11.2 9.1 12.0 8.7 10.9. I don't want to assume equal "
                  "variances. Is the mean different?")
    assert intent.tool == "t_test" and intent.args["kind"] == "welch"


@pytest.mark.parametrize("question, side", [
    ("The supplier's cert says the mean hardness is at least 60. Our 6 checks: 58.2 59.1 60.4 57.9 58.8 59.5. "
     "Test it.", "less"),
    ("The vendor claims the mean level is at most 5 ppm. Our 6 samples: 5.4 5.1 5.9 4.8 5.6 5.3. Is the claim "
     "believable?", "greater"),
    ("Can we claim the mean hardness is greater than 60? 61.2 60.8 61.9 60.4 61.1 60.9", "greater"),
])
def test_a_claim_made_by_someone_else_is_tested_against_it(question: str, side: str) -> None:
    intent = _one(question)
    assert intent.tool == "t_test" and intent.args["kind"] == "one_sample" and intent.args["alternative"] == side
