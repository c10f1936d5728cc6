"""Layouts met among blind round 20's refusals, in our own phrasings: long tables (one observation per row), a grid
whose cells hold repeat readings, values separated by slashes, records written between semicolons, counts of
named categories in prose, even odds written 50/50, a cut-off table row, and the power of a planned paired study."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import stats
from statsmodels.stats.power import TTestPower

from graphs.planning.extract import slashed_lists, strip_repeated_units
from graphs.planning.nl import plan_question
from tools.errors import HavocInputError
from tools.registry import run_tool


def _one(question: str, mode: str = "stats"):
    intents = plan_question(question, mode)
    assert intents, f"nothing planned for {question!r}"
    return intents[0]


def test_a_long_table_with_one_factor_is_split_by_its_levels() -> None:
    rows = [("M2", 7.9), ("M1", 8.4), ("M3", 9.1), ("M1", 8.6), ("M2", 8.1), ("M3", 8.8), ("M1", 8.2), ("M3", 9.3),
            ("M2", 7.7), ("M1", 8.5), ("M2", 8.0), ("M3", 9.0)]
    q = "Cycle time (s) per mould, as logged:\n\nmould,cycle\n" + "\n".join(f"{m},{v}" for m, v in rows) + \
        "\n\nis there any difference between the moulds?"
    i = _one(q)
    assert i.tool == "anova_oneway"
    groups = {m: [v for k, v in rows if k == m] for m in ("M2", "M1", "M3")}
    assert [[float(v) for v in g] for g in i.args["groups"]] == list(groups.values())
    out = run_tool("anova_oneway", i.args)
    assert out["f_statistic"] == pytest.approx(stats.f_oneway(*groups.values()).statistic, rel=1e-9)


def test_a_unit_glued_to_a_number_never_reaches_across_a_line_break() -> None:
    table = "nozzle,flow\nN1,14.1\nN3,13.7\nN3,14.3\nN3,14.1"
    assert strip_repeated_units(table) == table  # "13.7\nN3": the next row's label, not a unit
    assert strip_repeated_units("12.1 kN, 12.4 kN and 12.2 kN") == "12.1, 12.4 and 12.2 kN"


def test_a_long_table_with_a_numeric_second_factor_is_a_two_way_anova() -> None:
    cells = {("A", "20"): [5.1, 5.3], ("A", "40"): [6.2, 6.0], ("B", "20"): [4.8, 4.6], ("B", "40"): [6.9, 7.2]}
    lines = [f"{g},{t},{v}" for (g, t), vs in cells.items() for v in vs]
    q = "glue,pressure_bar,peel_N\n" + "\n".join(lines) + "\nDo glue, pressure or their interaction matter?"
    i = _one(q)
    assert i.tool == "anova_twoway" and i.args["b"][:2] == ["20", "20"]
    assert i.args.get("interaction", True) is True
    assert not any("not read as data" in n for n in i.notes)  # 20 and 40 are levels, read as such


def test_a_grid_of_repeat_readings_per_cell_is_a_two_way_anova_with_interaction() -> None:
    q = ("two-way ANOVA (shift x line), three bottles per cell:\n\n| shift | line L1 | line L2 |\n|---|---|---|\n"
         "| day | 500.2, 500.4, 500.1 | 500.9, 501.0, 500.7 |\n| night | 499.8, 499.9, 500.1 | 500.2, 500.5, 500.6 |")
    i = _one(q)
    assert i.tool == "anova_twoway" and i.args["interaction"] is True
    assert (i.args["factor_a"], i.args["factor_b"]) == ("shift", "line")
    assert len(i.args["y"]) == 12 and i.args["a"][:3] == ["day"] * 3 and i.args["b"][3] == "line L2"
    out = run_tool("anova_twoway", i.args)
    y = np.array([float(v) for v in i.args["y"]]).reshape(2, 2, 3)
    ss_inter = 3 * ((y.mean(2) - y.mean((1, 2))[:, None] - y.mean((0, 2))[None, :] + y.mean()) ** 2).sum()
    ms_error = ((y - y.mean(2, keepdims=True)) ** 2).sum() / 8
    assert out["f_ab"] == pytest.approx(ss_inter / ms_error, rel=1e-9)


def test_values_separated_by_slashes_are_a_list_and_a_lone_ratio_is_not() -> None:
    assert slashed_lists("widths: 2.31 / 2.29 / 2.35 / 2.30") == "widths: 2.31, 2.29, 2.35, 2.30"
    assert slashed_lists("2.31/2.29/2.35/2.30 mm") == "2.31, 2.29, 2.35, 2.30 mm"
    for kept in ("made on 12/05/2026", "a 50/50 split", "3 / 4 of them", "the mbar.l/s reading"):
        assert slashed_lists(kept) == kept
    i = _one("resistances (ohm): 10.2 / 10.5 / 9.9 / 10.1 / 10.4. 95% CI for the mean?")
    assert [float(v) for v in i.args["data"]] == [10.2, 10.5, 9.9, 10.1, 10.4]


def test_one_slashed_pair_per_line_is_a_table_of_units() -> None:
    q = ("Same 6 bars on both rigs, rig P first and rig Q second.\nbar a: 101.2 / 101.9\nbar b: 99.8 / 100.1\n"
         "bar c: 100.5 / 101.4\nbar d: 102.0 / 102.3\nbar e: 98.9 / 99.6\nbar f: 100.7 / 101.0\n"
         "Do the rigs read the same? paired t please")
    i = _one(q)
    assert i.tool == "t_test" and i.args["kind"] == "paired"
    assert float(i.args["x"][0]) == 101.2 and float(i.args["y"][0]) == 101.9 and len(i.args["x"]) == 6
    # counts out of totals on every line stay fractions, not pairs of measurements
    counts = "lot 1: 3/200\nlot 2: 5/180\nlot 3: 2/210"
    assert slashed_lists(counts) == counts


def test_records_between_semicolons_make_a_u_chart() -> None:
    q = ("weld porosity per seam, seams differ in length: seam 1 1.2 m 3 pores; seam 2 0.8 m 1 pores; seam 3 1.5 m 6 "
         "pores; seam 4 1.0 m 2 pores; seam 5 2.0 m 5 pores. chart the pore rate")
    i = _one(q, "spc")
    assert i.tool == "control_chart" and i.args["chart"] == "u"
    assert [float(v) for v in i.args["sizes"]] == [1.2, 0.8, 1.5, 1.0, 2.0]
    assert [int(v) for v in i.args["counts"]] == [3, 1, 6, 2, 5]


def test_counts_of_named_categories_in_prose_are_a_contingency_table() -> None:
    q = ("coated/uncoated vs rusted/not: coated 52 not rusted, 8 rusted; uncoated 37 not rusted, 23 rusted. "
         "chi-square test of independence, without the Yates correction")
    i = _one(q)
    assert i.tool == "chi_square" and i.args["table"] == [[52, 8], [37, 23]] and i.args["correction"] is False
    out = run_tool("chi_square", i.args)
    assert out["statistic"] == pytest.approx(stats.chi2_contingency([[52, 8], [37, 23]], correction=False)[0])


def test_fifty_fifty_is_a_hypothesised_half() -> None:
    i = _one("Coin flipped 40 times, 27 heads. Exact binomial test against 50-50?")
    assert i.tool == "proportion_test" and i.args["x"] == [27] and i.args["n"] == [40]
    assert float(i.args["p0"]) == 0.5 and i.args["method"] == "exact"


def test_a_table_row_cut_off_short_is_refused() -> None:
    q = ("Shift vs fault type:\n\n          jam  misfeed  tear\nShift A    12       7     3\n"
         "Shift B     9      11     6\nShift C    14\n\nare fault type and shift related?")
    with pytest.raises(HavocInputError, match="cut off"):
        plan_question(q, "stats")


def test_power_of_a_planned_paired_study_counts_the_people_as_pairs() -> None:
    q = ("Planned study: 15 technicians each weigh the samples on both balances. We expect the mean difference to be "
         "0.8 mg with an SD of the differences of 1.4 mg. Power at alpha 0.05?")
    i = _one(q)
    assert i.tool == "power" and i.args["test"] == "paired_t" and int(i.args["n"]) == 15
    out = run_tool("power", i.args)
    assert out["power"] == pytest.approx(TTestPower().power(0.8 / 1.4, 15, 0.05), rel=1e-6)
