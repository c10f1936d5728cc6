"""Table shapes that are not plain numeric columns (graphs/planning/nl_tables.py), each read by its columns."""

from __future__ import annotations

from decimal import Decimal

from graphs.planning.nl import plan_question


def _one(question: str, mode: str = "stats"):
    intents = plan_question(question, mode)
    assert intents, f"nothing planned for {question!r}"
    return intents[0]


def test_sizes_and_defectives_make_a_p_chart() -> None:
    i = _one("Day | Inspected | Defective\n1 | 200 | 6\n2 | 180 | 4\n3 | 220 | 9\n4 | 200 | 5\n"
             "Control chart for the fraction defective please", "spc")
    assert i.tool == "control_chart" and i.args["chart"] == "p"
    assert i.args["counts"] == [6, 4, 9, 5] and i.args["sizes"] == [200, 180, 220, 200]


def test_area_and_defects_make_a_u_chart() -> None:
    i = _one("Panel, Area m2, Defects\n1, 2.0, 4\n2, 1.5, 2\n3, 2.5, 6\n4, 2.0, 3\nIs the defect rate in control?",
             "spc")
    assert i.args["chart"] == "u" and i.args["sizes"] == [Decimal("2.0"), Decimal("1.5"), Decimal("2.5"),
                                                          Decimal("2.0")]


def test_named_rows_with_two_columns_are_paired() -> None:
    i = _one("Operator,Gauge A,Gauge B\nAnn,10.2,10.4\nBob,9.8,10.1\nCid,10.5,10.6\nDee,10.1,10.5\n"
             "Do the two gauges read the same?")
    assert i.tool == "t_test" and i.args["kind"] == "paired"
    assert i.args["x"][0] == Decimal("10.2") and i.args["y"][0] == Decimal("10.4")


def test_labelled_count_table_is_a_contingency_table() -> None:
    i = _one("| | Pass | Fail |\n|---|---|---|\n| Shift A | 45 | 5 |\n| Shift B | 38 | 12 |\n| Shift C | 42 | 8 |\n"
             "Is the pass rate related to the shift?")
    assert i.tool == "chi_square" and i.args["table"] == [[45, 5], [38, 12], [42, 8]]


def test_label_count_pairs_are_a_goodness_of_fit() -> None:
    for q in ("Roll results: 1 -> 8, 2 -> 12, 3 -> 9, 4 -> 11, 5 -> 7, 6 -> 13. Is the die fair?",
              "Colour: red 30, blue 45, green 25. Are the colours equally popular?",
              "Defect types: scratch: 12; dent: 7; stain: 11. Are they equally likely?"):
        i = _one(q, "general")
        assert i.tool == "chi_square" and "observed" in i.args, q
    assert _one("Colour: red 30, blue 45, green 25. Are the colours equally popular?", "general").args[
        "observed"] == [30, 45, 25]


def test_capacity_per_day_is_a_block_size() -> None:
    i = _one("We can only do 8 runs a day. Design a full factorial for 4 factors.", "doe")
    assert i.args["design"] == "full_factorial" and i.args["blocks"] == 2 and "runs" not in i.args


def test_a_plain_two_column_table_with_regression_words_is_not_paired() -> None:
    i = _one("dose,response\n1,2.1\n2,3.9\n3,6.2\n4,7.8\nHow does response depend on dose?")
    assert i.tool == "regression"


def test_expressions_with_typos_and_partial_notation() -> None:
    cases = {
        "diferentiate x^3 sin(x)": ("differentiate", "x"),
        "intergrate x^2 from 0 to 3": ("integrate", "x"),
        "what's the derivitive of e^(2x)": ("differentiate", "x"),
        "find ∂f/∂y for f = x^2 y^3 + sin(x y)": ("differentiate", "y"),
        "Find the partial of 3x^2 y - y^2 w.r.t. x": ("differentiate", "x"),
    }
    for question, (tool, var) in cases.items():
        i = _one(question, "math")
        assert i.tool == tool and i.args["variable"] == var, (question, i)


def test_equations_written_before_solve_it() -> None:
    i = _one("x + y + z = 6, 2x - y + z = 3, x + 2y - z = 2. solve it", "math")
    assert i.tool == "solve" and len(i.args["equations"]) == 3
