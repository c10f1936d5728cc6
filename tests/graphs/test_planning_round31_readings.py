"""Readings missed by blind round 31 (scored once before any of this), in our own phrasings."""

from __future__ import annotations

from tests.graphs.planned import first_intent


def test_maths_typos_of_ordinals_and_partial() -> None:
    i = first_intent("thrid derivative of sin(2x) evaluated at x = 0 please", "math")
    assert i.args["order"] == 3 and i.args["at"] == {"x": "0"}
    j = first_intent("partail fractions of (3x + 1)/((x - 2)(x + 1)) - what are A and B?", "math")
    assert j.args["method"] == "apart" and "what" not in j.args["expression"]


def test_an_integral_with_its_bounds_first() -> None:
    i = first_intent("integral from 1 to infinity of 1/x^3 dx", "math")
    assert (i.tool, i.args["lower"], i.args["upper"]) == ("integrate", 1, "oo")


def test_sampled_from_a_lot_number_and_found_bad() -> None:
    i = first_intent("Supplier claims at most 3% bad. We sampled 200 from lot 2025-07 and found 11 bad. Exact binomial test, "
             "is it higher?", "stats")
    assert i.tool == "proportion_test" and (i.args["x"], i.args["n"]) == ([11], [200])


def test_an_earlier_studys_size_in_brackets_is_no_sample_size() -> None:
    i = first_intent("How many per group to detect a difference of 1.5 with SD 2.5, two-sided 5%, 80% power? (the pilot study "
             "used 10 per group)", "stats")
    assert float(i.args["power"]) == 0.8 and "n" not in i.args


def test_a_test_at_five_percent_is_no_rate() -> None:
    i = first_intent("Defect rate is 12% now and the new fixture should bring it to 6%. Per-arm sample size for a two-sided "
             "test at 5% with 90% power?", "stats")
    assert (float(i.args["p1"]), float(i.args["p2"])) == (0.12, 0.06)


def test_the_variance_ratio_written_as_var_over_var() -> None:
    q = ("F-test of two variances, ratio = var(line B)/var(line A), two-sided.\nline A: 5.1 5.3 4.9 5.2 5.0 5.4\n"
         "line B: 4.2 6.1 5.5 3.9 6.4 5.0")
    i = first_intent(q, "stats")
    assert i.tool == "variance_test" and i.args["method"] == "f"


def test_an_individuals_chart_of_a_wrapped_stream() -> None:
    q = ("one reading per batch, can't subgroup, in time order:\n10.1 10.3 9.9 10.0 10.2 9.8\n10.4 10.1 9.7 10.0\n"
         "individuals and moving range chart limits")
    i = first_intent(q, "spc")
    assert i.args["chart"] == "imr" and len(i.args["values"]) == 10


def test_labelled_counts_with_spaces_and_a_count_word() -> None:
    q = ("we check 100 pieces per lot. Counts:\nLot 11     4 defective\nLot 12     7 defective\nLot 13     3 defective\n"
         "Lot 14     6 defective\nnp chart limits?")
    i = first_intent(q, "spc")
    assert i.args["chart"] == "np" and [int(v) for v in i.args["counts"]] == [4, 7, 3, 6]


def test_pipe_rows_of_different_lengths_are_groups() -> None:
    q = ("Levene (medians) across ovens:\nOven 1 | 5.1 | 5.3 | 4.9 | 5.2\nOven 2 | 4.2 | 6.1 | 5.5 | 3.9 | 6.4\n"
         "Oven 3 | 5.0 | 5.1 | 5.2\nstatistic and p")
    i = first_intent(q, "stats")
    assert i.tool == "levene" and [len(g) for g in i.args["groups"]] == [4, 5, 3]


def test_shares_listed_then_their_labels_in_brackets() -> None:
    q = ("Grade A: 60\nGrade B: 25\nGrade C: 15\nThe split should be 50%, 30%, 20% (A, B, C). Does it fit? "
         "chi-square GOF")
    i = first_intent(q, "stats")
    assert [float(e) for e in i.args["expected"]] == [50.0, 30.0, 20.0]
