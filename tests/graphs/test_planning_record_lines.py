"""Record lines, identifiers, negated pairing, comparatives and size-and-subset tables, each read by its role."""

from __future__ import annotations

from decimal import Decimal

import numpy as np
import pytest
from scipy import stats

from graphs.audit_checks import audit_matrix
from graphs.planning.identifiers import blank_identifiers
from graphs.planning.nl import plan_question
from graphs.planning.record_lines import records_as_table
from tools.registry import run_tool


def _one(question: str, mode: str = "stats"):
    (intent,) = plan_question(question, mode)
    return intent


def test_a_label_then_named_measurements_is_a_row_of_a_paired_table() -> None:
    q = ("Shore A of six seals before and after the soak:\nS-201: before 71.2, after 69.8\nS-202: before 70.4, "
         "after 70.1\nS-207: before 72.0, after 69.9\nS-215: before 69.5, after 68.8\nS-216: before 71.1, after 70.2\n"
         "S-230: before 70.8, after 69.0\nDid the soak change the hardness?")
    text, notes = records_as_table(q)
    assert "id,before,after" in text and "S-207,72.0,69.9" in text and notes
    intent = _one(q)
    assert intent.tool == "t_test" and intent.args["kind"] == "paired"
    assert intent.args["x"][:2] == [Decimal("71.2"), Decimal("70.4")] and len(intent.args["y"]) == 6


def test_a_label_then_counts_of_named_things_gives_sizes_and_counts() -> None:
    q = ("Paint defects found per shift; the number of doors painted varies. Control chart please.\n"
         "shift 1: 40 doors, 9 defects\nshift 2: 36 doors, 7 defects\nshift 3: 44 doors, 12 defects\nshift 4: 38 doors, 6 defects\n"
         "shift 5: 41 doors, 10 defects")
    intent = _one(q, "spc")
    assert intent.tool == "control_chart" and intent.args["chart"] == "u"
    assert intent.args["sizes"] == [40, 36, 44, 38, 41] and intent.args["counts"] == [9, 7, 12, 6, 10]


def test_a_value_with_its_unit_then_another_is_a_predictor_and_its_response_and_a_row_can_be_left_out() -> None:
    q = ("Standards for the Ni method, signal vs concentration:\n0 ppm  0.0021\n5 ppm  0.2513\n10 ppm  0.4990\n"
         "15 ppm  0.9000\n20 ppm  0.9987\n25 ppm  1.2490\nDrop the 15 ppm standard (bad vial) and give me the "
         "calibration line.")
    intent = _one(q)
    assert intent.tool == "regression" and intent.args["degree"] == 1
    assert intent.args["x"] == [0, 5, 10, 20, 25] and Decimal("0.9000") not in intent.args["y"]
    assert any("left out" in n for n in intent.notes)
    assert not any("not read as data" in n for n in intent.notes)  # the 15 of "drop the 15 ppm" is a row's name


def test_a_response_that_bends_over_is_a_quadratic() -> None:
    q = ("Output rises with feed rate but levels off at the top; fit something that captures that curvature:\n"
         "2 mm/s -> 11.0 %\n4 mm/s -> 19.5 %\n6 mm/s -> 25.8 %\n8 mm/s -> 29.9 %\n10 mm/s -> 31.7 %\n12 mm/s -> 32.0 %")
    intent = _one(q, "doe")
    assert intent.tool == "regression" and intent.args["degree"] == 2 and len(intent.args["x"]) == 6


def test_numbered_categories_with_counts_stay_a_goodness_of_fit() -> None:
    assert records_as_table("Roll results:\n1 -> 8\n2 -> 12\n3 -> 9\n4 -> 11\nIs the die fair?")[1] == []


def test_summary_figures_per_group_are_not_a_table() -> None:
    q = "Line 1: mean 10.2, sd 0.31\nLine 2: mean 10.5, sd 0.28\nLine 3: mean 10.1, sd 0.35"
    assert records_as_table(q) == (q, [])


@pytest.mark.parametrize(("text", "kept"), [
    ("Twelve pulls from lot 2024-117: 50.3, 50.8", "lot (id)"),
    ("part no. 7731-22 bores", "part no. (id)"),
    ("RMA batch 0931 returns", "batch (id)"),
])
def test_identifiers_are_names_not_numbers(text: str, kept: str) -> None:
    out, notes = blank_identifiers(text)
    assert kept in out and notes


@pytest.mark.parametrize("text", ["from each lot of 2,000 connectors", "batch 3 had 12 defects", "run 1234.5 s"])
def test_counts_and_small_numbers_after_such_words_are_left_alone(text: str) -> None:
    assert blank_identifiers(text) == (text, [])


def test_an_identifier_does_not_become_a_group_and_a_claimed_direction_is_one_sided() -> None:
    q = ("The customer wants mean peel strength above 12 N. Ten peels from lot 2025-031:\n"
         "12.4, 12.9, 11.8, 12.6, 13.1, 12.2, 12.8, 12.5, 11.9, 12.7\nCan we claim the mean is greater than 12 N? "
         "alpha 0.05.")
    intent = _one(q)
    assert intent.tool == "t_test" and intent.args["kind"] == "one_sample"
    assert intent.args["mu"] == 12 and intent.args["alternative"] == "greater" and len(intent.args["x"]) == 10
    assert not any("not read as data" in n for n in intent.notes)


def test_rows_said_not_to_be_matched_are_two_independent_samples() -> None:
    q = ("Hardness of bars from furnace A and furnace B. The rows are NOT matched, different bars in each column.\n"
         "furnace_A\tfurnace_B\n52.1\t50.3\n53.4\t49.8\n51.9\t50.9\n52.8\t51.2\n53.0\t50.1\nIs there a difference?")
    intent = _one(q)
    assert intent.tool == "t_test" and intent.args["kind"] != "paired"


def test_a_physical_comparative_is_one_sided_in_its_own_direction() -> None:
    q = "Is the new alloy stronger than the old one?\nnew: 412 418 409 421 415 417\nold: 405 410 401 408 412 404"
    intent = _one(q)
    assert intent.args["alternative"] == "greater"  # new − old > 0
    q2 = "Is the new film thinner than the old one?\nnew: 41 43 40 42 44\nold: 45 46 44 47 45"
    assert _one(q2).args["alternative"] == "less"


def test_numbered_operators_in_a_column_are_units_measured_twice() -> None:
    q = ("Eight operators, old and new fixture, same operator both times (s):\nop  old   new\n1   31.2  29.9\n"
         "2   28.4  27.5\n3   30.1  29.6\n4   33.0  31.1\n5   29.7  28.8\n6   31.9  30.2\n7   30.4  29.9\n8   32.2  30.5\n"
         "Give me a 90% confidence interval for the time saved (old minus new).")
    intent = _one(q)
    assert intent.tool == "t_test" and intent.args["kind"] == "paired" and intent.args["confidence"] == 0.9
    assert len(intent.args["x"]) == 8 and Decimal("1") not in intent.args["x"]


def test_a_count_beside_the_total_it_is_part_of_is_recast_as_two_categories() -> None:
    q = "Is the scrap rate different between lines?\nline,produced,scrapped\nL1,500,21\nL2,460,14\nL3,480,33"
    intent = _one(q)
    assert intent.tool == "chi_square" and intent.args["table"] == [[21, 479], [14, 446], [33, 447]]
    expected = stats.chi2_contingency([[21, 479], [14, 446], [33, 447]], correction=False)[0]
    out = run_tool("chi_square", {"table": [[21, 479], [14, 446], [33, 447]]})
    assert out["statistic"] == pytest.approx(expected, rel=1e-12)


def test_an_inverse_comes_with_its_decimals_and_is_audited_by_the_product() -> None:
    A = [[4, -2, 1], [3, 6, -4], [2, 1, 8]]
    out = run_tool("matrix", {"matrix": A, "operation": "inverse"})
    assert np.allclose(out["numeric_rows"], np.linalg.inv(np.array(A, dtype=float)), rtol=1e-12)
    (check,) = audit_matrix({"matrix": A, "operation": "inverse"}, out)
    assert check["passed"]
    wrong = {**out, "numeric_rows": [[v * 1.001 for v in row] for row in out["numeric_rows"]]}
    assert not audit_matrix({"matrix": A, "operation": "inverse"}, wrong)[0]["passed"]
