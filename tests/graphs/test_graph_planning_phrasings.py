"""The deterministic planner on the ways people really type questions (issue 5, round 2).

These check the plan (tool and arguments) without running it, so they are fast; the
end-to-end numbers for the same phrasings are in tests/data/agent_questions.jsonl.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from dsl.parser import parse
from graphs.planning.extract import blank_keyed, line_table, longest_run, number_runs, tables
from graphs.planning.nl import plan_question
from graphs.planning.to_dsl import render_program
from tools.errors import HavocInputError


def _one(question: str, mode: str, **kw) -> tuple[str, dict]:
    intents = plan_question(question, mode, **kw)
    assert intents, f"no plan for {question!r}"
    parse(render_program(intents))  # the program must be valid DSL
    return intents[-1].tool, intents[-1].args


def _d(values) -> list[Decimal]:
    return [Decimal(str(v)) for v in values]


# ------------------------------------------------------------------ extraction
def test_number_runs_are_named_by_the_words_before_them() -> None:
    runs = number_runs("old process 5.1, 5.3, 4.9 versus new process 5.6 5.8 5.5 - is it higher?")
    assert runs == [("old process", _d([5.1, 5.3, 4.9])), ("new process", _d([5.6, 5.8, 5.5]))]


def test_a_single_number_is_not_a_run() -> None:
    assert number_runs("we inspect 200 parts per day, rejects 8, 12, 6") == [("rejects", _d([8, 12, 6]))]


def test_line_table_keeps_a_header_and_drops_row_labels() -> None:
    table = line_table("one way anova\nA B C\n1 2 3\n4 5 6")
    assert table.header == ["A", "B", "C"]
    assert table.columns() == [_d([1, 4]), _d([2, 5]), _d([3, 6])]
    assert tables("x-bar chart\nsubgroup 1: 1 2 3\nsubgroup 2: 4 5 6") == [[_d([1, 2, 3]), _d([4, 5, 6])]]


def test_blank_keyed_removes_spec_limits_from_the_data() -> None:
    rest = blank_keyed("Cpk, LSL=9.8 USL=10.2\n10.01\n9.97\n10.03", "lsl", "usl")
    assert longest_run(rest) == _d([10.01, 9.97, 10.03])
    assert longest_run(blank_keyed("data 1 2 3 4 spec 0.5 - 4.5", "spec")) == _d([1, 2, 3, 4])


# ------------------------------------------------------------------ DOE
@pytest.mark.parametrize("question, expected", [
    ("RSM design for 3 factors", {"design": "central_composite", "factors": 3}),
    ("Box Behnken, 3 factors, 4 centre pts", {"design": "box_behnken", "center_points": 4}),
    ("generate a Box–Behnken design with 5 factors", {"design": "box_behnken", "factors": 5}),
    ("screening DOE for 7 factors in 8 runs", {"design": "fractional_factorial", "factors": 7, "resolution": 3}),
    ("half fraction of a 2^5 design", {"design": "fractional_factorial", "factors": 5, "resolution": 5}),
    ("quarter fraction for 6 factors", {"design": "fractional_factorial", "factors": 6, "resolution": 4}),
    ("3-level full factorial for 2 factors", {"design": "full_factorial", "factors": 2, "levels": 3}),
    ("set up a 2x2x2x2 factorial experiment", {"design": "full_factorial", "factors": 4}),
    ("a 3×3 factorial design", {"design": "full_factorial", "factors": 2, "levels": 3}),
])
def test_design_phrasings(question: str, expected: dict) -> None:
    tool, args = _one(question, "doe")
    assert tool == "doe_design"
    assert {k: args.get(k) for k in expected} == expected


# ------------------------------------------------------------------ SPC
def test_capability_data_pasted_one_per_line_excludes_the_limits() -> None:
    tool, args = _one("calculate Cpk, LSL=9.8 USL=10.2\n10.01\n9.97\n10.03\n9.99", "spc")
    assert tool == "capability"
    assert args["data"] == _d([10.01, 9.97, 10.03, 9.99])
    assert (args["lsl"], args["usl"]) == (Decimal("9.8"), Decimal("10.2"))


def test_capability_spec_range_with_an_en_dash() -> None:
    _, args = _one("Cp and Cpk with specs 9.8–10.2 for 10.01, 9.97, 10.03, 9.99", "spc")
    assert args["data"] == _d([10.01, 9.97, 10.03, 9.99])
    assert (args["lsl"], args["usl"]) == (Decimal("9.8"), Decimal("10.2"))


def test_p_chart_size_in_words_is_not_a_count() -> None:
    _, args = _one("p-chart: we inspect 200 parts per day, rejects 8, 12, 6, 10", "spc")
    assert args["counts"] == _d([8, 12, 6, 10])
    assert args["sizes"] == _d([200] * 4)


def test_u_chart_counts_and_sizes_as_two_named_runs() -> None:
    _, args = _one("u-chart: defects 3, 5, 2, 7; units inspected 10, 12, 10, 8", "spc")
    assert (args["counts"], args["sizes"]) == (_d([3, 5, 2, 7]), _d([10, 12, 10, 8]))


def test_labelled_subgroup_lines_make_an_xbar_chart() -> None:
    _, args = _one("x-bar chart\nsubgroup 1: 5 6 7\nsubgroup 2: 6 7 8\nsubgroup 3: 5 5 6", "spc")
    assert args["chart"] == "xbar_r"
    assert args["subgroups"] == [_d([5, 6, 7]), _d([6, 7, 8]), _d([5, 5, 6])]


def test_constants_for_subgroups_of_n() -> None:
    assert _one("A2 constant for subgroups of 3", "spc") == ("spc_constants", {"n": 3})


# ------------------------------------------------------------------ statistics
@pytest.mark.parametrize("mode", ["stats", "spc", "general"])
def test_versus_with_pasted_data_is_a_two_sample_test_whatever_mode_says(mode: str) -> None:
    # MODE sends this to spc ("process") or general; the plan must still be the t-test
    tool, args = _one("old process 5.1, 5.3, 4.9, 5.2 versus new process 5.6, 5.8, 5.5, 5.9 - is the new one higher?",
                      mode)
    assert tool == "t_test"
    assert args["x"] == _d([5.1, 5.3, 4.9, 5.2]) and args["y"] == _d([5.6, 5.8, 5.5, 5.9])
    assert args["alternative"] == "less"  # new > old, i.e. old − new < 0


def test_direction_follows_the_group_named_before_the_comparison() -> None:
    _, args = _one("Compare machine A: 1, 2, 3 and machine B: 4, 5, 6. Is A higher?", "stats")
    assert args["alternative"] == "greater"


def test_header_table_columns_are_the_groups() -> None:
    tool, args = _one("one way anova on this table\nA B C\n12.1 12.8 12.0\n12.4 13.0 12.3\n11.9 12.7 12.1", "stats")
    assert tool == "anova_oneway"
    assert args["labels"] == ["A", "B", "C"]
    assert args["groups"][0] == _d([12.1, 12.4, 11.9])


def test_two_pasted_columns_are_x_and_y() -> None:
    tool, args = _one("linear regression\nx y\n1 2.3\n2 4.1\n3 6.2", "stats")
    assert tool == "regression"
    assert (args["x"], args["y"]) == (_d([1, 2, 3]), _d([2.3, 4.1, 6.2]))


def test_exceed_is_a_one_sided_test() -> None:
    _, args = _one("Does the average weight exceed 10 g? weights: 10.2, 9.8, 10.5", "stats")
    assert args["kind"] == "one_sample" and args["alternative"] == "greater" and args["mu"] == Decimal("10")


# ------------------------------------------------------------------ calculus notation
@pytest.mark.parametrize("question, tool, expected", [
    ("∫ x² dx", "integrate", {"expression": "x^2", "variable": "x"}),
    ("What is ∫_0^2 3x^2 dx?", "integrate", {"lower": Decimal("0"), "upper": Decimal("2")}),
    ("∫_{0}^{π} sin x dx", "integrate", {"expression": "sin(x)", "upper": "pi"}),
    ("limit as x approaches 0 of sin(x)/x", "limit", {"expression": "sin(x)/x", "point": Decimal("0")}),
    ("lim x→0 (1 - cos x)/x²", "limit", {"expression": "(1 - cos(x))/x^2", "variable": "x"}),
    ("lim_{x->0+} x*ln(x)", "limit", {"direction": "+"}),
    ("What is the limit as n goes to ∞ of (1+1/n)^n?", "limit", {"variable": "n", "point": "oo"}),
    ("d²/dx² x⁴", "differentiate", {"expression": "x^4", "order": 2}),
    ("d^2/dt^2 of t^3", "differentiate", {"variable": "t", "order": 2}),
])
def test_calculus_notation(question: str, tool: str, expected: dict) -> None:
    got_tool, args = _one(question, "math")
    assert got_tool == tool
    assert {k: args.get(k) for k in expected} == expected


# ------------------------------------------------------------------ threads and off-topic
PREVIOUS = [{"tool": "doe_design", "args": {"design": "box_behnken", "factors": 3, "center_points": 3},
             "binding": "d"}]


@pytest.mark.parametrize("question, expected", [
    ("ok, now with 5 centre pts", {"center_points": 5}),
    ("set centre points to 6", {"center_points": 6}),
    ("can you randomise it?", {"randomize": True, "seed": 1}),
    ("add 2 replicates", {"replicates": 2}),
    ("what if we use 4 factors?", {"factors": 4}),
    ("make it face-centred", {"design": "central_composite", "face": "faced"}),
])
def test_follow_ups_change_the_previous_design(question: str, expected: dict) -> None:
    tool, args = _one(question, "doe", previous=PREVIOUS)
    assert tool == "doe_design"
    assert {k: args.get(k) for k in expected} == expected
    assert PREVIOUS[0]["args"]["center_points"] == 3  # the thread's record is not mutated


@pytest.mark.parametrize("question", ["thanks, that's all!", "what's 2 + 2 in French", "How do I bake sourdough bread?"])
def test_no_data_off_topic_gets_no_plan(question: str) -> None:
    assert plan_question(question, "general", previous=PREVIOUS) is None


# ------------------------------------------------------------------ round 3
@pytest.mark.parametrize("question, mode, tool, expected", [
    ("I need a DOE to study 4 factors with a CCD, alpha = 1", "doe", "doe_design",
     {"design": "central_composite", "factors": 4, "face": "faced"}),
    ("make a fractional factorial design with 6 factors, 16 runs", "doe", "doe_design", {"resolution": 4}),
    ("number of defectives per lot of 50: 3, 5, 2, 4. p chart please", "spc", "control_chart",
     {"chart": "p", "sizes": _d([50] * 4)}),
    ("run chart of 3.2, 3.4, 3.1, 3.6, 3.3", "spc", "control_chart", {"chart": "imr"}),
    ("Compare the means of the two samples: 12.5 13.1 12.8 and 13.5 13.9 13.6", "stats", "t_test",
     {"x": _d([12.5, 13.1, 12.8]), "y": _d([13.5, 13.9, 13.6])}),
    ("Is the mean fill weight of 500 g met? data 498, 502, 500, 497", "stats", "t_test",
     {"kind": "one_sample", "mu": Decimal("500"), "x": _d([498, 502, 500, 497])}),
    ("calculate the mean of 10, 20, 30, 40", "stats", "describe", {"data": _d([10, 20, 30, 40])}),
    ("correlation between x = 1,2,3,4,5 and y = 2,4,5,4,5", "stats", "regression", {"degree": 1}),
    ("observed 30, 20, 50 expected 33, 33, 34 goodness of fit", "stats", "chi_square",
     {"observed": _d([30, 20, 50]), "expected": _d([33, 33, 34])}),
    ("chi-squared test for the 2x3 table\n10 20 30\n20 20 20", "math", "chi_square",  # MODE says math
     {"table": [_d([10, 20, 30]), _d([20, 20, 20])]}),
    ("d/dx[x*e^x]", "math", "differentiate", {"expression": "(x*e^x)"}),
    ("find dy/dx if y = x^2 sin(x)", "math", "differentiate", {"expression": "x^2 sin(x)", "variable": "x"}),
    ("compute lim (x→∞) (3x^2 + 1)/(x^2 - 2)", "math", "limit", {"point": "oo"}),
    ("solve for x: 3x - 7 = 2", "math", "solve", {"equations": "3x - 7 = 2", "variables": ["x"]}),
    ("Maclaurin series of sin(x) up to x^5", "math", "series", {"expression": "sin(x)", "order": 6}),
    ("det([[4, 3], [6, 3]])", "general", "matrix", {"operation": "determinant"}),
])
def test_round_three_phrasings(question: str, mode: str, tool: str, expected: dict) -> None:
    got_tool, args = _one(question, mode)
    assert got_tool == tool
    assert {k: args.get(k) for k in expected} == expected


def test_no_made_up_data() -> None:
    # summary numbers are not data: they reach the summary tool, and a missing figure is named
    (intent,) = plan_question("what is the cpk? usl 12, lsl 8, mean 10.5, std dev 0.5", "spc")
    assert intent.tool == "summary_capability" and intent.args["sigma"] == "within"
    with pytest.raises(HavocInputError, match="needs the specification limits"):
        plan_question("what is the cpk? mean 10.5, std dev 0.5", "spc")


# ------------------------------------------------------------------ follow-ups to an analysis
LAST_TEST = [{"tool": "t_test", "args": {"kind": "welch", "x": ["1", "2", "3"], "y": ["4", "5", "6"],
                                         "alternative": "two-sided"}, "binding": None}]
LAST_REGRESSION = [{"tool": "regression", "args": {"x": ["1", "2", "3", "4"], "y": ["2", "4", "7", "11"], "degree": 1},
                    "binding": None}]


@pytest.mark.parametrize("question, previous, expected", [
    ("what if the variances are equal?", LAST_TEST, {"kind": "pooled"}),
    ("at 99% confidence", LAST_TEST, {"confidence": 0.99}),
    ("try a quadratic", LAST_REGRESSION, {"degree": 2}),
    ("now through the origin", LAST_REGRESSION, {"intercept": False}),
])
def test_follow_ups_change_the_previous_analysis(question: str, previous: list, expected: dict) -> None:
    tool, args = _one(question, "stats", previous=previous)
    assert tool == previous[0]["tool"]
    assert {k: args.get(k) for k in expected} == expected
    assert args["x"] == previous[0]["args"]["x"]


def test_a_follow_up_with_its_own_data_is_a_new_question() -> None:
    tool, args = _one("at 95% confidence, compare A: 1, 2, 3, 4 and B: 5, 6, 7, 9", "stats", previous=LAST_TEST)
    assert tool == "t_test" and args["x"] == _d([1, 2, 3, 4])


# ------------------------------------------------------------------ rounds 4 and 5
@pytest.mark.parametrize("question, mode, tool, expected", [
    ("I'd like to optimize yield with respect to temperature (80-120°C) and pressure (2-6 bar)", "doe", "doe_design",
     {"design": "central_composite"}),
    ("Plackett Burman 12 runs", "doe", "doe_design", {"factors": 11}),
    ("Check if this process is capable (spec 20 ± 0.5): 20.1, 19.9, 20.2, 20.0", "spc", "capability",
     {"lsl": Decimal("19.5"), "usl": Decimal("20.5"), "data": _d([20.1, 19.9, 20.2, 20.0])}),
    ("Are the variances equal? A: 5.1, 5.3, 4.9, 5.5; B: 6.1, 5.2, 7.3, 4.4", "spc", "levene", {}),
    ("Mann-Whitney test for 3, 5, 4, 6 and 8, 9, 7, 10", "doe", "mann_whitney",
     {"x": _d([3, 5, 4, 6]), "y": _d([8, 9, 7, 10])}),
    ("What is the antiderivative of cos(2x)?", "math", "integrate", {"expression": "cos(2x)"}),
    ("compute the definite integral of x^3 between 0 and 2", "math", "integrate",
     {"expression": "x^3", "lower": Decimal("0"), "upper": Decimal("2")}),
    ("differentiate y = 3x^4 - 2x^2 + x", "math", "differentiate", {"expression": "3x^4 - 2x^2 + x"}),
    ("solve the system 2x + y = 5, x - y = 1", "math", "solve", {"equations": ["2x + y = 5", "x - y = 1"]}),
    ("Taylor polynomial of e^x at x = 1 to order 3", "math", "series", {"point": Decimal("1"), "order": 3}),
    ("yield (%) for line A: 92.1%, 93.4%, 91.8% vs line B: 95.2%, 96.1%, 94.8%", "stats", "t_test",
     {"x": _d([92.1, 93.4, 91.8]), "y": _d([95.2, 96.1, 94.8])}),
    ("ANOVA\nSupplier X\tSupplier Y\n10.1\t11.2\n10.3\t11.0", "stats", "anova_oneway",
     {"labels": ["Supplier X", "Supplier Y"]}),
    ("I chart for 0.51 0.49 0.52 0.50", "spc", "control_chart", {"chart": "imr"}),
])
def test_rounds_four_and_five(question: str, mode: str, tool: str, expected: dict) -> None:
    got_tool, args = _one(question, mode)
    assert got_tool == tool
    assert {k: args.get(k) for k in expected} == expected


def test_mcnemar_named_with_only_the_discordant_pairs() -> None:
    (i,) = plan_question("McNemar's test on 12 and 5 discordant pairs", "stats")
    assert i.tool == "mcnemar" and (i.args["b"], i.args["c"]) == (12, 5)


def test_a_one_sample_sign_test_against_a_median() -> None:
    (i,) = plan_question("sign test for 5, 7, 8, 3, 9 against a median of 4", "stats")
    assert i.tool == "sign_test" and float(i.args["mu"]) == 4 and "y" not in i.args


def test_a_sentence_above_a_table_is_not_its_header() -> None:
    assert line_table("compare these three\n1 2 3\n4 5 6").header is None


# ------------------------------------------------------------------ rounds 6 and 7
@pytest.mark.parametrize("question, mode, tool, expected", [
    ("CCD for flow rate 1-5 mL/min and column temp 25-45 C", "doe", "doe_design",
     {"factors": [{"name": "flow_rate", "low": Decimal("1"), "high": Decimal("5"), "units": "mL/min"},
                  {"name": "column_temp", "low": Decimal("25"), "high": Decimal("45"), "units": "C"}]}),
    ("What design do I need to screen 15 factors?", "doe", "doe_design", {"design": "fractional_factorial"}),
    ("control chart for subgroups\n1) 5.1 5.2 5.0\n2) 5.3 5.1 5.2\n3) 4.9 5.0 5.1", "spc", "control_chart",
     {"chart": "xbar_r", "subgroups": [_d([5.1, 5.2, 5.0]), _d([5.3, 5.1, 5.2]), _d([4.9, 5.0, 5.1])]}),
    ("before = 72, 75, 70; after = 70, 72, 69 -- did the treatment lower the values?", "stats", "t_test",
     {"kind": "paired", "alternative": "greater"}),
    ("∫ e^{2x} dx", "math", "integrate", {"expression": "e^(2x)"}),
    ("∫ from 0 to 1 of x^2 dx", "math", "integrate", {"expression": "x^2", "upper": Decimal("1")}),
    ("find the integral of sec^2(x)", "math", "integrate", {"expression": "sec(x)^2"}),
    ("lim x→0⁺ x ln x", "math", "limit", {"direction": "+", "point": Decimal("0")}),
    ("solve x^2 + y^2 = 25 and x - y = 1 for x and y", "math", "solve", {"variables": ["x", "y"]}),
    ("integral from -1 to 1 of |x| dx", "math", "integrate", {"expression": "abs(x)"}),
])
def test_rounds_six_and_seven(question: str, mode: str, tool: str, expected: dict) -> None:
    got_tool, args = _one(question, mode)
    assert got_tool == tool
    assert {k: args.get(k) for k in expected} == expected


def test_a_bare_comparative_does_not_change_a_previous_test() -> None:
    assert plan_question("at what temperature is the yield higher?", "stats", previous=LAST_TEST) is None
