"""Roles read from wording: where the data sit, row ids, long tables, sample sizes, shifts in sd units, paired
wording, a pasted response-surface design; each checked against what the plan computes."""

from __future__ import annotations

from decimal import Decimal

import numpy as np
import pytest
from scipy import stats

import dsl
from dsl.errors import DslError
from graphs.audit_checks import audit_derivative
from graphs.planning.nl import plan_question
from graphs.planning.nl_power import plan_power
from graphs.planning.nl_stats import _alternative
from graphs.planning.to_dsl import design as design_text
from tools.errors import HavocInputError
from tools.registry import run_tool


def _one(question: str, mode: str = "stats"):
    (intent,) = plan_question(question, mode)
    return intent


@pytest.mark.parametrize("text, side", [
    ("strength in mpa below: is there a difference?", "two-sided"),
    ("the readings are listed below.\n1 2 3", "two-sided"),
    ("see the values above; any change?", "two-sided"),
    ("is the mean below 50?", "less"),
    ("did the fill drop below target 500 g", "less"),
])
def test_above_and_below_that_point_at_the_data_name_no_direction(text: str, side: str) -> None:
    assert _alternative(text) == side


def test_a_paired_table_whose_prose_says_below_is_two_sided() -> None:
    q = ("Five fitters each crimped one terminal with the old die and one with the new; pull-off force in N "
         "below. Any real difference?\nfitter\told\tnew\nKim\t88.1\t90.2\nLee\t86.4\t87.9\nMo\t90.3\t90.1\n"
         "Ng\t87.7\t89.8\nOz\t89.0\t90.6")
    intent = _one(q)
    assert intent.tool == "t_test" and intent.args["kind"] == "paired"
    assert intent.args["alternative"] == "two-sided"


def test_sample_size_that_varies_is_not_a_sample_size_question() -> None:
    assert plan_power("p chart for these lots (sample size is not constant): 3/120, 5/131, 2/118") is None
    assert plan_power("the lot sample sizes varied between 80 and 200") is None
    assert plan_power("what sample size do we need to detect a difference of 2 with sd 4 at 80% power?")


def test_a_column_of_codes_under_an_id_header_names_the_rows() -> None:
    q = ("Fit hardness against anneal time.\nspecimen_id,time_min,hardness\nQ7-01,10,61.2\nQ7-02,20,59.8\n"
         "Q7-03,30,58.1\nQ7-04,40,57.4\nQ7-05,50,55.9\nQ7-06,60,54.7")
    intent = _one(q)
    assert intent.tool == "regression"
    assert intent.args["x"] == [10, 20, 30, 40, 50, 60] and intent.args["y"][0] == Decimal("61.2")
    assert any("row id" in n for n in intent.notes)


def test_a_long_table_with_an_id_a_factor_and_a_response_is_a_one_way_anova() -> None:
    rows = [("T1", "north", 12.1), ("T2", "south", 13.4), ("T3", "east", 11.2), ("T4", "north", 12.6),
            ("T5", "south", 13.9), ("T6", "east", 11.5), ("T7", "north", 12.3), ("T8", "south", 13.1),
            ("T9", "east", 11.9)]
    q = "Do the three plants differ in cycle time?\nrun,plant,cycle_s\n" + "\n".join(f"{a},{b},{c}" for a, b, c in rows)
    intent = _one(q)
    assert intent.tool == "anova_oneway" and intent.args["labels"] == ["north", "south", "east"]
    groups = [[float(v) for v in g] for g in intent.args["groups"]]
    expected = stats.f_oneway(*[[c for _, b, c in rows if b == p] for p in ("north", "south", "east")])
    out = run_tool("anova_oneway", {"groups": intent.args["groups"]})
    assert groups[0] == [12.1, 12.6, 12.3]
    assert float(out["f_statistic"]) == pytest.approx(expected.statistic, rel=1e-9)


def test_a_nominal_with_its_noun_is_the_value_the_mean_is_held_against() -> None:
    intent = _one("Nominal length is 150.0 mm. Ten cut bars: 150.2 150.4 149.9 150.3 150.1 150.5 150.2 150.0 "
                  "150.3 150.2. Are we cutting on nominal?")
    assert intent.tool == "t_test" and intent.args["kind"] == "one_sample" and intent.args["mu"] == Decimal("150.0")


def test_size_first_with_a_long_noun_phrase_and_alpha_after_one_sided() -> None:
    intent = _one("Out of 250 welds from the night crew 11 failed X-ray. Day crew historically 2.5%. Is the night "
                  "rate higher than 2.5%? one-sided, 5%.")
    assert intent.tool == "proportion_test"
    assert (intent.args["x"], intent.args["n"], intent.args["p0"]) == ([11], [250], Decimal("0.025"))
    assert intent.args["alternative"] == "greater"
    out = run_tool("proportion_test", intent.args)
    assert float(out["p_value"]) == pytest.approx(stats.binomtest(11, 250, 0.025, alternative="greater").pvalue,
                                                  rel=1e-9)


def test_a_three_level_full_factorial_of_named_factors_has_three_levels_each() -> None:
    intent = _one("Generate a 3-level full factorial for feed and depth of cut, 2 replicates.", "doe")
    assert intent.args["levels"] == 3
    (result,) = dsl.execute(dsl.parse(design_text(intent.args)))
    assert result.output["runs"] == 18 and len(result.output["coded"]) == 18


def test_counting_rejects_out_of_a_fixed_pull_is_an_np_chart_of_that_size() -> None:
    counts = [4, 2, 6, 3, 5, 1, 4, 3, 2, 5, 4, 6]
    q = ("Each shift we pull 60 caps and count how many get rejected. Chart it:\n"
         + "\n".join(f"shift {i + 1}: {c}" for i, c in enumerate(counts)))
    intent = _one(q, "spc")
    assert intent.args["chart"] == "np" and intent.args["sizes"] == [60] * 12 and intent.args["counts"] == counts


def test_the_sample_inspected_beats_the_lot_it_is_drawn_from() -> None:
    q = ("From each lot of 5,000 clips we inspect 125. Nonconforming clips in the last 10 lots: 4, 6, 3, 7, 5, 2, "
         "8, 4, 5, 6. Chart the count of nonconforming per sample.")
    intent = _one(q, "spc")
    assert intent.args["chart"] == "np" and set(intent.args["sizes"]) == {125}


def test_a_shift_in_sigma_units_is_an_effect_size_for_one_sample() -> None:
    (intent,) = plan_power("How many pieces must we measure to detect a 0.75 sigma shift in the mean with 80% power "
                           "at alpha 0.05?")
    assert intent.args["test"] == "one_sample_t" and intent.args["effect_size"] == Decimal("0.75")
    (intent,) = plan_power("sample size to detect a difference of 1.2 standard deviations between two groups, "
                           "90% power")
    assert intent.args["test"] == "two_sample_t" and intent.args["effect_size"] == Decimal("1.2")


def test_averaged_is_the_sample_mean_and_a_spec_mean_is_the_reference() -> None:
    intent = _one("Our 9 rivets averaged 4.31 kN with a standard deviation of 0.12 kN. The minimum spec mean is "
                  "4.2 kN. Is the mean significantly above 4.2?")
    assert intent.tool == "summary_t_test"
    assert (intent.args["mean"], intent.args["n"], intent.args["mu"]) == (Decimal("4.31"), 9, Decimal("4.2"))
    assert intent.args["alternative"] == "greater"


def test_the_same_units_measured_on_both_instruments_are_pairs() -> None:
    intent = _one("Two micrometers, the same 5 pins measured on both.\nmic 1: 3.012, 3.004, 3.020, 2.998, 3.010\n"
                  "mic 2: 3.015, 3.009, 3.021, 3.004, 3.013\nDo they read differently?")
    assert intent.tool == "t_test" and intent.args["kind"] == "paired"
    assert not any("not read as data" in n for n in intent.notes)  # "5 pins" is the count of pairs


def test_a_pasted_ccd_is_fitted_as_a_surface_not_cut_to_its_corners() -> None:
    X = [[-1, -1], [1, -1], [-1, 1], [1, 1], [-1.414, 0], [1.414, 0], [0, -1.414], [0, 1.414], [0, 0], [0, 0],
         [0, 0]]
    y = [61.2, 64.8, 62.9, 68.1, 60.3, 66.7, 62.0, 65.9, 67.4, 67.9, 67.1]
    q = ("Fit the full second-order model to this CCD.\nA,B,strength\n"
         + "\n".join(f"{a},{b},{v}" for (a, b), v in zip(X, y, strict=True)))
    intent = _one(q, "doe")
    assert intent.tool == "rsm_fit" and len(intent.args["X"]) == 11
    text = f"surface {X} response {y}"
    (result,) = dsl.execute(dsl.parse(text))
    out = result.output
    assert dsl.format(dsl.parse(text)).startswith("surface [\n    [-1, -1],\n    [1, -1],")
    design = np.array([[1, a, b, a * a, b * b, a * b] for a, b in X])
    beta = np.linalg.lstsq(design, np.array(y), rcond=None)[0]
    assert float(out["coefficients"]["b12"]) == pytest.approx(beta[5], rel=1e-9)
    assert float(out["coefficients"]["b11"]) == pytest.approx(beta[3], rel=1e-9)


def test_the_surface_statement_wants_one_response_per_run() -> None:
    with pytest.raises(DslError, match="3 runs but 2 responses") as info:
        dsl.check(dsl.parse("surface [[0, 1], [1, 0], [1, 1]] response [1, 2]"))
    assert info.value.line == 1


# ---------------------------------------------------------------- phrasings an outside check of issue 10 found


def test_a_capacity_per_day_with_a_block_count_is_the_full_design_in_blocks() -> None:
    intent = _one("I need a 2^5 factorial but can only do 8 runs per day, so run it in 4 blocks.", "doe")
    assert intent.args == {"design": "full_factorial", "factors": 5, "blocks": 4}
    with pytest.raises(HavocInputError, match="2 blocks of 8 runs make 16"):
        plan_question("I need a 2^5 factorial but can only do 8 runs per day, so run it in 2 blocks.", "doe")


@pytest.mark.parametrize("question", [
    "Solve these equations: x + y + z = 6, 2x - y + z = 3, x + 2y - z = 2.",
    "Solve the linear system x + y + z = 6, 2x - y + z = 3, x + 2y - z = 2 for x, y, z",
    "solve the following system of equations: x + y + z = 6; 2x - y + z = 3; x + 2y - z = 2",
])
def test_a_system_named_before_its_equations_is_solved(question: str) -> None:
    intent = _one(question, "math")
    assert intent.tool == "solve" and len(intent.args["equations"]) == 3
    out = run_tool("solve", intent.args)
    (solution,) = out["solutions"]
    assert {k: v["exact"] for k, v in solution.items()} == {"x": "1", "y": "2", "z": "3"}


def test_groups_of_n_is_the_size_of_each_group() -> None:
    (intent,) = plan_power("What is the power of a one-way ANOVA with 4 groups of 20 to detect f = 0.25?")
    assert intent.args["test"] == "anova" and intent.args["groups"] == 4 and intent.args["n"] == 20


def test_plus_or_minus_in_words_is_a_tolerance_and_a_bracketed_overall_says_which_sigma() -> None:
    intent = _one("The process has an average of 100.3 and a sigma of 1.2 (overall). Specification is 100 plus or "
                  "minus 5. What are Pp and Ppk?", "spc")
    assert intent.tool == "summary_capability"
    assert (intent.args["lsl"], intent.args["usl"], intent.args["sigma"]) == (95, 105, "overall")
    assert not any("not said to be" in n for n in intent.notes)


def test_a_named_rank_test_because_normality_cannot_be_assumed_is_that_test() -> None:
    intent = _one("Is the median of these readings different from 10? 10.4, 9.8, 11.2, 10.9, 10.7, 11.5, 10.1, 10.6, "
                  "12.0 - use a signed-rank test since I can't assume normality")
    assert intent.tool == "wilcoxon_signed_rank" and intent.args["mu"] == 10


def test_a_partial_derivative_is_audited_with_the_other_symbols_held() -> None:
    args = {"expression": "x^2*y^3 + sin(x*y)", "variable": "y"}
    checks = audit_derivative(args, run_tool("differentiate", args))
    assert checks and all(c["passed"] for c in checks) and "x = " in checks[0]["name"]
    wrong = audit_derivative(args, {"result": "3*x^2*y^2"})  # the cos term left out
    assert wrong and not any(c["passed"] for c in wrong)
    mixed = {"expression": "x^3*y + exp(x*y)", "variable": ["x", "y"]}
    checks = audit_derivative(mixed, run_tool("differentiate", mixed))
    assert checks and all(c["passed"] for c in checks)
    assert not any(c["passed"] for c in audit_derivative(mixed, {"result": "3*x^2 + exp(x*y)"}))


def test_replicates_run_on_different_days_are_one_block_each() -> None:
    intent = _one("We want to run a 2^3 factorial with two replicates but each replicate has to be done on a different "
                  "day - block it by day.", "doe")
    assert intent.args == {"design": "full_factorial", "factors": 3, "replicates": 2, "blocks": 2}
    (result,) = dsl.execute(dsl.parse(design_text(intent.args)))
    assert result.output["block"] == [1] * 8 + [2] * 8 and result.output["confounded_with_blocks"] == []
