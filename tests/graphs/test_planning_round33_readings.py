"""Readings fixed after blind round 33, each in our own phrasing (the round's questions are in tests/data)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from graphs.planning.nl import plan_question
from graphs.reading.audit import reading_checks
from tests.graphs.planned import decimals as _d
from tests.graphs.planned import first_intent
from tools.errors import HavocInputError


def test_a_header_row_above_name_and_two_readings_is_kept() -> None:
    intent = first_intent("Hardness before and after ageing, same coupons:\npiece   before   after\nK1      61.2     60.8\n"
                          "K2      59.9     59.1\nK3      60.5     60.6\nK4      62.0     61.1\nPaired t, after minus before.")
    assert intent.args["kind"] == "paired" and intent.args["x"] == _d([60.8, 59.1, 60.6, 61.1])


def test_columns_named_in_brackets_above_bare_rows() -> None:
    rows = "\n".join(f"{i:>2}  {a}  {b}" for i, (a, b) in enumerate(
        [(5.1, 5.0), (4.8, 4.9), (5.3, 5.1), (5.0, 4.7), (4.9, 4.9), (5.2, 5.0)], 1))
    intent = first_intent(f"Six rods gauged with caliper P and caliper Q (rod, P, Q):\n{rows}\nSign test on P - Q, exact.")
    assert intent.tool == "sign_test" and intent.args["x"] == _d([5.1, 4.8, 5.3, 5.0, 4.9, 5.2])


def test_an_order_of_readings_is_no_identifier() -> None:
    intent = first_intent("One pH reading per tank, in production order: 7012, 7045, 6998, 7021, 7033, 7008, 7050, "
                          "7019, 7027, 7002. I-MR limits please.", "spc")
    assert intent.tool == "control_chart" and len(intent.args["values"]) == 10


def test_pooling_declined_and_scatter_named() -> None:
    intent = first_intent("Bond strength.\nPress 1: 12.1, 12.4, 11.9, 12.2, 12.0\nPress 2: 12.8, 11.2, 13.4, 11.0, 12.9, "
                          "13.1\nCompare the means, but not with the pooled t-test: press 2 scatters more. Two-sided.")
    assert intent.tool == "t_test" and intent.args["kind"] == "welch"


def test_welch_anova_when_the_pooled_f_is_declined_in_words() -> None:
    intent = first_intent("Yield by catalyst:\nK1: 71.2, 70.8, 72.0, 71.5\nK2: 74.1, 69.0, 77.3, 70.2\nK3: 70.9, 71.1, "
                          "71.4, 70.7\nThe spread is clearly not the same, so don't use the usual F-test that pools the "
                          "variances. Do the mean yields differ?")
    assert intent.tool == "anova_oneway" and intent.args.get("welch") is True


def test_equality_of_variances_with_normal_data_is_the_f_test() -> None:
    intent = first_intent("Gauge A: 10.1, 10.4, 9.8, 10.2, 10.0, 9.9\nGauge B: 10.6, 9.5, 10.9, 9.2, 10.3, 9.7\nTest "
                          "equality of variances (both normal), two-sided.")
    assert intent.tool == "variance_test" and intent.args["method"] == "f"


def test_a_spec_with_its_unit_and_two_sample_power_despite_a_shift_in_mean() -> None:
    values = ", ".join(str(v) for v in [49.8, 50.3, 50.1, 49.6, 50.4, 50.0, 49.9, 50.2, 50.5, 49.7])
    cap = first_intent(f"Weights (g): {values}. Spec is 49 g to 51 g. Pp and Ppk with the overall SD.", "spc")
    assert cap.tool == "capability" and (cap.args["lsl"], cap.args["usl"]) == (Decimal(49), Decimal(51))
    power = first_intent("How many per line to detect a 0.4 mm shift in mean between the two lines? SD 0.6 mm, alpha "
                         "0.05 two-sided, power 80%, two-sample t.")
    assert power.args["test"] == "two_sample_t"


def test_an_earlier_screening_to_ignore_and_a_plackett_burman_centre_once() -> None:
    design = first_intent("Full 2^3, every corner run twice, plus 3 centre points (single runs). Last year's screening "
                          "used 14 runs - ignore that. Total runs?", "doe")
    assert design.args.get("replicates") == 2 and "runs" not in design.args
    pb = first_intent("Plackett-Burman for 6 factors in the fewest runs, replicated twice, plus 2 centre points added "
                      "at the end. Total runs?", "doe")
    assert pb.args["replicates"] == 2 and pb.args.get("center_once") is True


def test_a_categorical_factor_counted_in_shifts() -> None:
    intent = first_intent("Full factorial with supplier (3 suppliers) and shift (2 shifts), 3 replicates. Runs?", "doe")
    assert [len(f["levels"]) for f in intent.args["factors"]] == [3, 2] and intent.args["replicates"] == 3


def test_the_full_model_of_an_unreplicated_two_level_design_is_refused() -> None:
    with pytest.raises(HavocInputError, match="no degrees of freedom are left for error"):
        plan_question("Unreplicated 2^2, standard order: 30.1, 33.4, 29.8, 35.2. Fit the full model (A, B and AB): "
                      "F and p for each term?", "doe")


def test_maths_asks_in_prime_notation_and_a_system_after_its_unknowns() -> None:
    primes = plan_question("i need g'(2) and g''(2), g(t) = t^2*exp(t)", "math")
    assert [(i.args.get("order", 1), i.args["at"]) for i in primes] == [(1, {"t": "2"}), (2, {"t": "2"})]
    system = first_intent("solve for a b\na + 2b = 7\n3a - b = 7\nfractions fine", "math")
    assert system.tool == "solve" and system.args["variables"] == ["a", "b"]
    fractions = first_intent("partial fractions of (x+7)/((x-1)(x+3)) ? as A/(x-1) + B/(x+3)", "math")
    assert fractions.args["method"] == "apart" and "A" not in fractions.args["expression"]


def test_costs_and_counts_of_a_subset_are_context() -> None:
    data = [2.1, 2.4, 2.2, 2.6, 2.3]
    checks = reading_checks("Each test costs $85 and 3 of the samples came from the old press: 2.1, 2.4, 2.2, 2.6, 2.3",
                            [{"tool": "describe", "args": {"data": data}, "output": {}}])
    assert checks[0]["passed"], checks[0]["detail"]


def test_regressions_found_by_the_in_sample_sets() -> None:
    system = first_intent("solve for p, q and r:\np + q + r = 6\n2p - q + r = 3\np + 2q - r = 2", "math")
    assert system.args["variables"] == ["p", "q", "r"]
    counts = first_intent("Calls logged per weekday, Q1 2025 (site 3, team 4):\nMon: 40\nTue: 31\nWed: 28\nThu: 35\n"
                          "Fri: 46\nAre the calls spread evenly over the days?")
    assert counts.tool == "chi_square" and len(counts.args["observed"]) == 5
