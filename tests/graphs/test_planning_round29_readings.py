"""Readings missed by blind round 29 (scored once before any of this), in our own phrasings."""

from __future__ import annotations

import pytest

from graphs.planning.nl import plan_question
from graphs.planning.to_dsl import render_program
from graphs.reading.audit import reading_checks
from graphs.reading.cues import find_cues
from graphs.stages.execute import run_program
from tests.graphs.planned import first_intent
from tools.errors import HavocInputError


@pytest.mark.parametrize("phrase", ["please don't use the pooled-variance t-test", "avoid the pooled one",
                                    "not the classic pooled test, the spreads clearly differ"])
def test_a_refused_pooled_test_is_welch(phrase: str) -> None:
    q = f"Line A: 12.1, 12.6, 11.9, 12.4, 12.2; line B: 13.5, 10.9, 14.8, 11.2, 13.9, 12.7. Do the means differ? {phrase}"
    assert first_intent(q).args["kind"] == "welch"


def test_the_audit_asks_for_welch_when_pooling_is_refused() -> None:
    from graphs.reading.calls import Call

    pooled = [Call("t_test", {"kind": "pooled", "x": [1, 2, 3], "y": [2, 3, 4]})]
    hits = {f.cue.name: f for f in find_cues("Compare them; don't use the pooled-variance t-test, the spreads are "
                                             "obviously not the same.", pooled)}
    assert "unequal variances" in hits and not hits["unequal variances"].honoured
    assert "equal variances" not in hits


def test_blemish_counts_on_one_door_each_are_a_c_chart() -> None:
    q = ("Pinhole counts on enamel panels, one panel per sample, same panel size, in order:\n"
         "4 7 3 6 5 8 2 6 5 4 9 3 5 6 4\nWhich chart, and its limits?")
    assert first_intent(q, "spc").args["chart"] == "c"


@pytest.mark.parametrize(("text", "reps"), [("every combination gets run 3 times", 3),
                                             ("we'll run the whole design 2 times", 2),
                                             ("each run repeated twice", 2)])
def test_n_times_is_replicates(text: str, reps: int) -> None:
    q = f"Full factorial, 3 factors at two levels: speed, feed, depth; {text}. Total runs?"
    assert first_intent(q, "doe").args["replicates"] == reps


def test_a_fraction_run_twice_with_unreplicated_centre_points() -> None:
    q = "6 factors, quarter fraction, generators E = ABC and F = BCD. We run the whole fraction 2 times plus 4 centre points."
    i = first_intent(q, "doe")
    assert i.args["replicates"] == 2 and i.args["center_points"] == 4 and i.args["center_once"] is True
    out = run_program(render_program([i]), {})[0][0]["output"]
    assert out["runs"] == 16 * 2 + 4  # the centre runs once, not with each replicate
    said = first_intent(q.replace("plus 4 centre points", "with 4 centre points in each replicate"), "doe")
    assert not said.args.get("center_once")


def test_the_audit_asks_for_replicates_said_as_times() -> None:
    results, _ = run_program("let d = design full_factorial {\n    factors 3\n}", {})
    q = "3 factors at 2 levels, full factorial, and we'll run the whole design 2 times. How many runs?"
    failed = [c for c in reading_checks(q, results, []) if not c["passed"]]
    assert any("replicated" in c["detail"] for c in failed)


def test_a_categorical_factor_counted_in_brackets() -> None:
    q = ("Full factorial: oven temperature at 2 levels, belt speed at 3 levels, and resin vendor (we have 3 vendors, "
         "each one is a level). Runs?")
    i = first_intent(q, "doe")
    assert [len(f["levels"]) for f in i.args["factors"]] == [2, 3, 3]


def test_clock_times_label_readings_and_name_the_one_left_out() -> None:
    values = (8.1, 8.4, 8.0, 8.3, 12.9, 8.2, 8.5, 8.1)
    lines = "\n".join(f"{6 + h}:15 {v}" for h, v in enumerate(values))
    q = f"pH every hour:\n{lines}\nI-MR chart, leaving out the 10:15 reading (bad probe)."
    i = first_intent(q, "spc")
    assert i.args["chart"] == "imr" and [float(v) for v in i.args["values"]] == [v for v in values if v != 12.9]
    assert not i.args.get("exclude")


def test_figures_below_are_no_one_sided_claim() -> None:
    q = ("x: 3.1 4.2 5.0 6.3 7.7 8.1\nspearman correlation between these and the figures below please -\n"
         "y: 10.2 11.9 11.0 14.8 15.1 16.3")
    assert first_intent(q).args.get("alternative", "two-sided") == "two-sided"


def test_det_of_a_rectangular_matrix_is_refused_with_its_shape() -> None:
    with pytest.raises(HavocInputError, match="square matrix; this one is 2 × 3"):
        plan_question("det of [[1, 2, 3], [4, 5, 6]]", "math")
    assert first_intent("rank of [[1, 2, 3], [2, 4, 6]]", "math").args["operation"] == "rank"
    assert first_intent("eigen values of [[2, 1], [1, 2]]", "math").args["operation"] == "eigenvalues"


@pytest.mark.parametrize(("question", "tool"), [
    ("diferentiate x^2*sin(x) and give me the second derivative at x = 0", "differentiate"),
    ("limt as x -> 0 of sin(2x)/x", "limit"),
    ("simplfy (x^2 - 4)/(x - 2), then tell me what the simplified expression equals at x = 2", "simplify"),
    ("Evaluate ∫₀^∞ x e^(-2x) dx.", "integrate"),
    ("Partial fractions: (x + 7)/((x - 1)(x + 3)). Give A and B.", "simplify"),
])
def test_maths_with_typos_and_notation(question: str, tool: str) -> None:
    i = first_intent(question, "math")
    assert i.tool == tool
    if "second derivative" in question:
        assert i.args["order"] == 2 and i.args["at"] == {"x": "0"}
    if "simplfy" in question:
        assert i.args["at"] == {"x": "2"}
    if "∫" in question:
        assert (i.args["lower"], i.args["upper"], i.args["expression"].replace(" ", "")) == (0, "oo", "xe^(-2x)")
    if "Partial" in question:
        assert i.args["method"] == "apart" and "Give" not in i.args["expression"]


def test_power_phrasings() -> None:
    paired = first_intent("Paired study: detect a mean difference of 0.8; the SD of the differences was 1.5 last year. 80% "
                  "power, alpha 0.05. How many pairs?")
    assert paired.args["test"] == "paired_t" and float(paired.args["sd"]) == 1.5
    props = first_intent("defect rate is 8% now and we hope for 4%. how many per arm for 90% power at a 5% two-sided "
                 "significance level?")
    assert (props.args["test"], float(props.args["p1"]), float(props.args["p2"])) == ("two_proportions", 0.08, 0.04)


def test_inspected_then_were_defective_is_a_count_of_its_sample() -> None:
    i = first_intent("We inspected 80 castings and 9 were defective. The supplier claims 5%. Exact binomial test?")
    assert i.tool == "proportion_test" and (i.args["x"], i.args["n"]) == ([9], [80])


def test_smaller_rank_sum_is_no_direction_nor_a_rank_sum_test() -> None:
    q = ("Ra on 8 parts: 1.2, 0.9, 1.4, 1.1, 1.6, 1.3, 0.8, 1.5. Median different from 1.0? Wilcoxon signed-rank, "
         "exact p, and W as the smaller rank sum.")
    i = first_intent(q)
    assert i.tool == "wilcoxon_signed_rank" and i.args.get("alternative", "two-sided") == "two-sided"


def test_cp_and_cpk_from_r_bar_over_d2() -> None:
    q = ("Pin diameter, X-bar/R chart with subgroups of 5: R-bar = 0.012 mm, grand mean 6.003 mm. Drawing: 6.000 ± "
         "0.015 mm. Sigma as R-bar/d2, then Cp and Cpk?")
    i = first_intent(q, "spc")
    assert i.tool == "summary_capability" and i.args["subgroup"] == 5 and float(i.args["rbar"]) == 0.012
    out = run_program(render_program([i]), {})[0][0]["output"]
    assert out["cpk"] == pytest.approx((6.015 - 6.003) / (3 * 0.012 / 2.326), rel=1e-9)
