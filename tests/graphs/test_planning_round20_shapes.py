"""Shapes met in blind round 20, in our own phrasings: unknowns named above a system, centre points per block,
a factor count with a hyphenated word before "factors", and the sample named after a comparative."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import stats

from graphs.planning.nl import plan_question
from graphs.planning.to_dsl import render_program
from graphs.stages.execute import run_program
from tools.registry import run_tool


def test_unknowns_named_above_a_system_written_one_equation_per_line() -> None:
    q = "Find p, q, r:\n  p + 2q - r = 4\n  3p - q + r = 2\n  2p + q + 3r = 13"
    (intent,) = plan_question(q, "math")
    assert intent.tool == "solve" and intent.args["variables"] == ["p", "q", "r"]
    out = run_tool("solve", intent.args)
    expected = np.linalg.solve([[1, 2, -1], [3, -1, 1], [2, 1, 3]], [4, 2, 13])
    (solution,) = out["solutions"]
    assert [solution[v]["numeric"] for v in ("p", "q", "r")] == pytest.approx(list(expected))


def test_centre_points_in_every_block_are_multiplied_by_the_blocks() -> None:
    q = "2^3 full factorial in 2 blocks, with 2 centre points in each block"
    (intent,) = plan_question(q, "doe")
    assert intent.args["blocks"] == 2 and intent.args["center_points"] == 4
    (result,), _ = run_program(render_program([intent]), {})
    assert result["output"]["runs"] == 12


def test_a_hyphenated_word_between_the_count_and_factors() -> None:
    (intent,) = plan_question("Plackett-Burman screen of nine two-level factors on the 5500 line", "doe")
    assert intent.args["factors"] == 9


def test_the_sample_named_after_the_comparative_is_its_subject() -> None:
    q = ("Coating X: 9 of 30 panels blistered. Coating Y: 2 of 28 blistered. One-sided Fisher exact test: is blistering "
         "more common with coating X?")
    (intent,) = plan_question(q, "stats")
    assert intent.tool == "proportion_test" and intent.args["alternative"] == "greater"
    out = run_tool("proportion_test", intent.args)
    expected = stats.fisher_exact([[9, 21], [2, 26]], alternative="greater").pvalue
    assert out["p_value"] == pytest.approx(expected, rel=1e-9)


def test_ids_glued_to_their_numbers_and_one_left_out_by_its_id() -> None:
    q = ("Torque per bolt, B1 to B8: B1=41.2; B2=40.8; B3=41.5; B4=12.0; B5=41.1; B6=40.9; B7=41.3; B8=41.0. "
         "B4 was a stripped thread, so leave it out. Mean and sd of the rest?")
    (intent,) = plan_question(q, "stats")
    assert intent.tool == "describe"
    assert [float(v) for v in intent.args["data"]] == [41.2, 40.8, 41.5, 41.1, 40.9, 41.3, 41.0]


def test_matrix_rows_separated_by_semicolons() -> None:
    intents = plan_question("Find the inverse and the determinant of 4 1 0; 1 3 1; 0 1 2", "math")
    assert [(i.tool, i.args["operation"]) for i in intents] == [("matrix", "determinant"), ("matrix", "inverse")]
    assert intents[0].args["matrix"] == [["4", "1", "0"], ["1", "3", "1"], ["0", "1", "2"]]


def test_expanding_about_a_point_is_a_series_and_expanding_alone_is_algebra() -> None:
    (series,) = plan_question("Expand ln(1 + x) about x = 0, what is the x^3 coefficient?", "math")
    assert series.tool == "series" and series.args["point"] == 0
    (algebra,) = plan_question("expand (x + 1)^3", "math")
    assert algebra.tool == "simplify" and algebra.args["method"] == "expand"


def test_a_derivative_value_in_prime_notation() -> None:
    q = "differentiate g(t) = t^3*exp(t) and give me g'(1)"
    (intent,) = plan_question(q, "math")
    assert intent.tool == "differentiate" and intent.args["at"] == {"t": "1"}
    (result,), _ = run_program(render_program([intent]), {})
    assert result["output"]["value_at"]["value"] == pytest.approx(4 * np.e)  # (3t^2 + t^3) e^t at t = 1
