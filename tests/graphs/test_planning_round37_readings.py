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


# --- the round's remaining misses, second pass -----------------------------------------------------------------


def test_mcnemar_grid_with_colons_in_its_labels() -> None:
    intent = first_intent("Same 60 boards checked by the manual and the automatic inspection:\n\n"
                          "               auto: ok   auto: reject\nmanual: ok          40             4\n"
                          "manual: reject       11             5\n\nMcNemar please, exact.")
    assert intent.tool == "mcnemar" and intent.args["method"] == "exact"
    assert intent.args["table"] == [decimals([40, 4]), decimals([11, 5])]


def test_a_superseded_nominal_is_not_the_value_tested_against() -> None:
    for question in ("Pack weights (g): 250.4, 251.1, 249.8, 250.9, 251.6, 250.2, 250.7. The previous target of 252 g "
                     "no longer applies; test against the current nominal of 250 g. t and p?",
                     "Pack weights (g): 250.4, 251.1, 249.8, 250.9, 251.6, 250.2, 250.7. Test the mean against 250 g "
                     "(the old nominal of 252 g was dropped last year)."):
        intent = first_intent(question)
        assert intent.tool == "t_test" and intent.args["kind"] == "one_sample"
        assert intent.args["mu"] == Decimal("250") and len(intent.args["x"]) == 7


def test_gone_up_with_one_sided_is_greater_for_one_proportion() -> None:
    intent = first_intent("Of 300 bearings from the new supplier 17 were out of round; it used to be 3%. Has it gone "
                          "up? One-sided exact binomial.")
    assert intent.tool == "proportion_test" and intent.args["alternative"] == "greater"


def test_a_bracketed_aside_between_the_level_and_confidence_interval() -> None:
    intent = first_intent("readings 5.1 / 5.3 / 4.9 / 5.2 / 5.0 / 5.4 -- I need a 90% (not the usual 95) confidence "
                          "interval for the mean")
    assert intent.args.get("confidence") == 0.90


def test_a_factor_at_n_types_has_n_levels() -> None:
    intent = first_intent("Full factorial: speed at 2 levels, feed at 3 levels and insert at 2 grades, run twice. "
                          "How many runs?", "doe")
    assert [len(f["levels"]) for f in intent.args["factors"]] == [2, 3, 2] and intent.args["replicates"] == 2


def test_centre_points_in_each_replicate_whatever_the_total_asked() -> None:
    intent = first_intent("2^3 full factorial, 2 replicates, each replicate with 3 centre points. How many runs in "
                          "total?", "doe")
    assert intent.args["center_points"] == 3 and not intent.args.get("center_once")


def test_a_budget_is_not_the_sample_size_asked_for() -> None:
    intent = first_intent("Defect rate is 8% today and the new process should bring it to 5%. How many units per group "
                          "to detect that with 90% power, alpha 0.05 two-sided? We have a budget of 5000 units.")
    assert intent.tool == "power" and intent.args.get("n") is None and intent.args["power"] == Decimal("0.9")


def test_p_chart_from_an_average_fraction_nonconforming() -> None:
    intent = first_intent("Historical average fraction nonconforming 0.031, 400 units per daily sample. p chart UCL "
                          "and LCL?", "spc")
    assert intent.tool == "summary_chart" and intent.args["chart"] == "p" and intent.args["n"] == 400
    assert intent.args["total"] == Decimal("0.031") * 400


def test_a_mixed_partial_asked_in_its_own_sentence_at_a_point() -> None:
    intent = first_intent("g(x,y) = x^2 y^3 + sin(x y). Need the mixed partial g_xy at the point (0, 1)", "math")
    assert intent.tool == "differentiate" and intent.args["variable"] == ["x", "y"]
    assert intent.args["expression"].startswith("x^2") and intent.args["at"] == {"x": "0", "y": "1"}


def test_how_many_real_roots_does_it_have() -> None:
    intent = first_intent("how many real roots does x^3 - 3x + 1 = 0 have?", "math")
    assert intent.tool == "solve" and intent.args["domain"] == "real"


def test_numbered_units_with_two_values_each_are_two_columns() -> None:
    intent = first_intent("Spearman between the two judges:\njudge item 1: 7.1, 6.9\n".replace("judge ", "")
                          + "\n".join(f"item {i}: {a}, {b}" for i, (a, b) in enumerate(
                              [(8.2, 7.7), (5.5, 6.1), (6.4, 6.0), (9.0, 8.8), (7.7, 7.0)], start=2)))
    assert intent.tool == "correlation" and intent.args["method"] == "spearman"
    assert intent.args["x"] == decimals([7.1, 8.2, 5.5, 6.4, 9.0, 7.7])
