"""Readings fixed after blind round 37, each in our own phrasing (the round's questions are in tests/data)."""

from __future__ import annotations

from decimal import Decimal

from tests.graphs.planned import decimals, first_intent


def test_each_column_is_one_subgroup() -> None:
    intent = first_intent("Shaft length, 3 pulled per shift (each column is one subgroup):\n A    B    C    D\n"
                          "5.01 5.03 4.99 5.02\n5.00 5.04 5.01 4.98\n5.02 5.00 5.00 5.01\nSpec 5.00 +/- 0.06. Cp and Cpk "
                          "from R-bar/d2.", "spc")
    assert intent.tool == "capability"
    assert intent.args["subgroups"][0] == decimals([5.01, 5.00, 5.02])  # the first column
    assert len(intent.args["subgroups"]) == 4


def test_is_the_new_one_faster_than_the_old_takes_new_minus_old() -> None:
    intent = first_intent("Old jig: 21.3, 22.8, 20.9, 23.1, 22.0. New jig: 20.1, 21.0, 19.8, 21.9, 20.6, 20.2. Is the "
                          "new jig faster (lower time) than the old? Welch, one-sided.")
    assert intent.args["x"] == decimals([20.1, 21.0, 19.8, 21.9, 20.6, 20.2]) and intent.args["alternative"] == "less"


def test_the_same_parts_each_measured_on_each_instrument_are_pairs() -> None:
    intent = first_intent("Caliper 1: 10.02 10.11 9.98 10.05 10.07\nCaliper 2: 10.04 10.15 9.99 10.09 10.08\nThe same "
                          "five rods, each measured once on each caliper. Do they differ on average?")
    assert intent.tool == "t_test" and intent.args["kind"] == "paired"


def test_a_margin_with_power_declined_in_brackets_and_an_old_survey_as_context() -> None:
    mean = first_intent("how many pins to pin down the mean diameter to within +/-0.02 mm at 95% confidence? sigma about "
                        "0.07 mm (not a power calc, just the margin)")
    assert mean.tool == "sample_size_ci" and mean.args["margin"] == Decimal("0.02")
    share = first_intent("The 2019 survey asked 900 users. Now we want the share who renew to +/-4 percentage points at "
                         "90% confidence, p = 0.3. Sample size?")
    assert share.tool == "sample_size_ci"
    assert (share.args["margin"], share.args["p"], share.args["confidence"]) == (Decimal("0.04"), Decimal("0.3"),
                                                                                 Decimal("0.90"))
