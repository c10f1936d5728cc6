"""Readings missed by blind round 30 (scored once before any of this), in our own phrasings."""

from __future__ import annotations

import pytest

from graphs.planning.nl import plan_question
from graphs.planning.to_dsl import render_program
from graphs.srs import run
from graphs.stages.execute import run_program
from tests.graphs.planned import first_intent
from tools.errors import HavocInputError


def test_a_mean_with_a_count_and_a_cell_number_is_no_data_for_capability() -> None:
    with pytest.raises(HavocInputError, match="spread"):
        plan_question("Shaft OD: LSL 11.90, USL 12.10. The 40 shafts from press 2 averaged 12.03. Cpk?", "spc")


def test_the_median_centred_levene_refusing_the_mean_centredfirst_intent() -> None:
    q = ("A: 5.1, 5.4, 4.9, 5.6, 5.0\nB: 4.2, 6.1, 5.5, 3.9, 6.4\nC: 5.2, 5.3, 5.1, 5.0, 5.4\nDo the spreads differ? "
         "Brown-Forsythe (median-centred), not the mean-centred version.")
    assert first_intent(q).args.get("center", "median") == "median"


def test_stated_shares_in_the_plural_fit_singular_labels() -> None:
    q = ("Last year's returns were 50% cracks, 30% chips and 20% stains. This quarter:\ncrack -> 40\nchip -> 35\n"
         "stain -> 25\nSame mix? Chi-square goodness of fit.")
    i = first_intent(q)
    assert [float(e) for e in i.args["expected"]] == [50.0, 30.0, 20.0]


def test_fisher_by_name_on_a_labelled_two_by_two_table() -> None:
    q = ("            ok  leak\nnew seal    18     2\nold seal    11     8\n\nFisher's exact test (two-sided) rather "
         "than chi-square, since the counts are small. p?")
    i = first_intent(q)
    assert i.tool == "proportion_test" and i.args["method"] == "fisher" and i.args["x"] == [18, 11]


def test_hyphenated_names_after_their_prose_mention() -> None:
    q = ("yield with resin R-7 vs resin R-9, 6 runs each\nR-7 - 61.2, 60.8, 62.0, 61.5, 60.9, 61.7\n"
         "R-9 - 62.4, 63.0, 62.2, 63.5, 62.8, 62.9\nassume equal variances; two-sample t test please")
    i = first_intent(q)
    assert i.tool == "t_test" and i.args["kind"] == "pooled" and len(i.args["x"]) == 6


def test_dated_records_with_varying_units_are_a_u_chart() -> None:
    recs = "; ".join(f"{d} Mar - {n} panels, {c} defects" for d, n, c in
                     ((3, 12, 30), (4, 9, 21), (5, 14, 25), (6, 10, 31), (7, 11, 19)))
    q = f"Paint line: {recs}.\nThe panel count changes daily, so I want defects per panel. Limits?"
    i = first_intent(q, "spc")
    assert i.args["chart"] == "u" and i.args["sizes"] == [12, 9, 14, 10, 11]


def test_a_sideways_table_with_a_row_of_batch_numbers() -> None:
    q = ("Hardness, one reading per batch:\n\nbatch | 501 | 502 | 503 | 504 | 505 | 506\nHRC | 41.2 | 40.8 | 41.5 | "
         "47.9 | 41.0 | 40.6\n\nIndividuals chart please. Batch 504 was quenched wrongly, so leave it out.")
    i = first_intent(q, "spc")
    assert i.args["chart"] == "imr" and [float(v) for v in i.args["values"]] == [41.2, 40.8, 41.5, 41.0, 40.6]
    state = run(q)
    assert state["answer"]["status"] == "answered"  # the audit knows the id row and the row left out


@pytest.mark.parametrize(("question", "want"), [
    ("pls differentiate x^3*sin(x) 2 times and evalute the result at x = 0", ("differentiate", 2)),
    ("slove x^3 - 2x - 5 = 0 and give me the largest real root", ("solve", None)),
    ("break (x + 5)/((x - 1)(x + 2)) into partial fractoins", ("simplify", None)),
    ("simplfy (x^2 - 4)/(x^2 + 3x + 2) and then evaluate the simplified expression at x = -2", ("simplify", None)),
])
def test_maths_typos_and_tails(question: str, want: tuple) -> None:
    i = first_intent(question, "math")
    assert i.tool == want[0]
    if want[1]:
        assert i.args["order"] == want[1] and i.args["at"] == {"x": "0"}
    if "slove" in question:
        assert i.args["equations"].replace(" ", "") == "x^3-2x-5=0" and i.args["domain"] == "real"
    if "evaluate the simplified" in question:
        assert i.args["at"] == {"x": "-2"}


def test_replicating_the_whole_factorial_twice_with_centre_runs_at_the_end() -> None:
    q = "2-level full factorial on 3 factors; we'll replicate the whole factorial twice and add 2 centre points at the end."
    i = first_intent(q, "doe")
    out = run_program(render_program([i]), {})[0][0]["output"]
    assert i.args["replicates"] == 2 and out["runs"] == 8 * 2 + 2


def test_grand_mean_with_words_between() -> None:
    q = ("Filling line, subgroups of 6 jars. Grand mean net weight 251.2 g, average subgroup standard deviation 1.4 g. "
         "X-bar chart limits?")
    i = first_intent(q, "spc")
    assert i.tool == "summary_chart" and float(i.args["grand_mean"]) == 251.2 and float(i.args["s_bar"]) == 1.4


def test_the_short_last_line_of_a_wrapped_stream_is_data() -> None:
    values = [round(5 + 0.01 * ((7 * k) % 13), 2) for k in range(20)]
    lines = "\n".join(" ".join(f"{v:.2f}" for v in values[i:i + 8]) for i in range(0, 20, 8))
    q = f"Readings in subgroups of 4 consecutive pieces, read left to right:\n\n{lines}\n\nX-bar and R chart please."
    i = first_intent(q, "spc")
    assert len(i.args["subgroups"]) == 5 and [float(v) for v in i.args["subgroups"][-1]] == values[16:]


def test_an_unbalanced_grid_of_cells_is_a_two_way_anova() -> None:
    q = ("Bond strength by primer and cure, some specimens lost:\n\n| | 20 C | 40 C |\n|---|---|---|\n"
         "| Primer A | 11.2, 10.8, 11.5 | 12.9, 13.1 |\n| Primer B | 10.1, 9.8 | 12.0, 12.4, 11.7 |\n\n"
         "Two-way ANOVA with interaction, Type II sums of squares.")
    i = first_intent(q)
    assert i.tool == "anova_twoway" and len(i.args["y"]) == 10 and i.args["interaction"] is True
    assert i.args.get("ss_type") == 2


def test_an_np_chart_from_a_total_over_the_mornings() -> None:
    q = ("Every shift the inspector takes 80 housings and counts the rejects. Across the last 25 shifts: 130 rejects in "
         "total. np chart centre line and limits?")
    i = first_intent(q, "spc")
    assert i.tool == "summary_chart" and i.args == {"chart": "np", "total": 130, "subgroups": 25, "n": 80}
