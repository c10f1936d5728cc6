"""Control charts against hand computation and Montgomery's printed examples, plus every kind of bad input."""

from __future__ import annotations

import json
import math
from decimal import Decimal

import numpy as np
import pytest

from tools.errors import HavocInputError
from tools.registry import ToolSpec
from tools.spc_charts import ControlChartArgs, control_chart

SPEC = ToolSpec("control_chart", "", ControlChartArgs, control_chart)

# Montgomery, Introduction to SQC: piston-ring inside diameters, 25 subgroups of 5 (phase I)
PISTON = [
    [74.030, 74.002, 74.019, 73.992, 74.008], [73.995, 73.992, 74.001, 74.011, 74.004],
    [73.988, 74.024, 74.021, 74.005, 74.002], [74.002, 73.996, 73.993, 74.015, 74.009],
    [73.992, 74.007, 74.015, 73.989, 74.014], [74.009, 73.994, 73.997, 73.985, 73.993],
    [73.995, 74.006, 73.994, 74.000, 74.005], [73.985, 74.003, 73.993, 74.015, 73.988],
    [74.008, 73.995, 74.009, 74.005, 74.004], [73.998, 74.000, 73.990, 74.007, 73.995],
    [73.994, 73.998, 73.994, 73.995, 73.990], [74.004, 74.000, 74.007, 74.000, 73.996],
    [73.983, 74.002, 73.998, 73.997, 74.012], [74.006, 73.967, 73.994, 74.000, 73.984],
    [74.012, 74.014, 73.998, 73.999, 74.007], [74.000, 73.984, 74.005, 73.998, 73.996],
    [73.994, 74.012, 73.986, 74.005, 74.007], [74.006, 74.010, 74.018, 74.003, 74.000],
    [73.984, 74.002, 74.003, 74.005, 73.997], [74.000, 74.010, 74.013, 74.020, 74.003],
    [73.988, 74.001, 74.009, 74.005, 73.996], [74.004, 73.999, 73.990, 74.006, 74.009],
    [74.010, 73.989, 73.990, 74.009, 74.014], [74.015, 74.008, 73.993, 74.000, 74.010],
    [73.982, 73.984, 73.995, 74.017, 74.013],
]


def run(**args) -> dict:
    return SPEC.run(args).model_dump(mode="json")


def rule_hits(result: dict, rule: int, chart: str | None = None) -> list[int]:
    found = result["violations"] + (result["secondary"]["violations"] if result["secondary"] else [])
    return [v["index"] for v in found if v["rule"] == rule and (chart is None or v["chart"] == chart)]


# ---------------------------------------------------------------- variables charts


def test_xbar_r_matches_montgomery_and_hand_computation() -> None:
    r = run(chart="xbar_r", subgroups=PISTON)
    table = np.array(PISTON)
    rbar = np.ptp(table, axis=1).mean()
    assert r["sigma"] == pytest.approx(rbar / 2.326, rel=1e-12)
    assert r["center"] == pytest.approx(table.mean(), rel=1e-14)
    assert r["ucl"] == pytest.approx(table.mean() + 3 * rbar / 2.326 / math.sqrt(5), rel=1e-14)
    # Montgomery prints x-double-bar 74.001, UCL 74.014, LCL 73.988, R-bar 0.023, R UCL 0.049 (D4 = 2.114)
    assert (round(r["center"], 3), round(r["ucl"], 3), round(r["lcl"], 3)) == (74.001, 74.014, 73.988)
    assert round(r["secondary"]["center"], 3) == 0.023 and r["secondary"]["lcl"] == 0.0
    assert r["secondary"]["ucl"] == pytest.approx(2.114 * rbar, abs=1e-4)
    assert r["secondary"]["name"] == "R" and len(r["secondary"]["points"]) == 25
    assert r["subgroup_sizes"] == 5 and r["statistic"] == "mean"
    assert r["factors"]["d2"] == 2.326 and r["factors"]["d3"] == 0.8640855
    assert r["violations"] == [] and r["out_of_control"] == []


def test_xbar_s_by_hand_and_the_table_factors() -> None:
    r = run(chart="xbar_s", subgroups=PISTON)
    table = np.array(PISTON)
    sbar = table.std(axis=1, ddof=1).mean()
    c4 = 0.9399856  # exact c4(5); qcc and Minitab compute it rather than use the 4-decimal 0.9400
    assert r["sigma"] == pytest.approx(sbar / c4, rel=1e-6)
    assert r["secondary"]["center"] == pytest.approx(sbar)
    # the textbook route: x-double-bar +/- A3 S-bar and B4 S-bar with the printed A3 = 1.427, B4 = 2.089
    assert r["ucl"] == pytest.approx(table.mean() + 1.427 * sbar, abs=5e-4 * sbar)
    assert r["secondary"]["ucl"] == pytest.approx(2.089 * sbar, abs=5e-4 * sbar)
    assert round(r["ucl"], 3) == 74.014 and round(r["lcl"], 3) == 73.988
    assert r["secondary"]["lcl"] == 0.0 and r["secondary"]["name"] == "S"


def test_flat_values_with_subgroup_size_equal_rows() -> None:
    flat = [v for row in PISTON for v in row]
    assert run(chart="xbar_r", values=flat, subgroup_size=5)["ucl"] == run(chart="xbar_r", subgroups=PISTON)["ucl"]


def test_exact_constants_move_sigma_by_the_d2_ratio() -> None:
    table = run(chart="xbar_r", subgroups=PISTON)
    exact = run(chart="xbar_r", subgroups=PISTON, constants="exact")
    assert exact["sigma"] / table["sigma"] == pytest.approx(2.326 / 2.325928947, rel=1e-9)
    assert exact["constants"] == "exact"


def test_variable_subgroup_sizes_give_per_point_limits() -> None:
    rows = [[10.0, 12.0, 11.0], [11.0, 13.0], [9.0, 10.0, 12.0, 11.0], [12.0, 10.0]]
    r = run(chart="xbar_r", subgroups=rows, unequal_sizes=True)
    d2 = {2: 1.128, 3: 1.693, 4: 2.059}
    sizes = [len(row) for row in rows]
    sigma = np.mean([np.ptp(row) / d2[len(row)] for row in rows])
    center = sum(sum(row) for row in rows) / sum(sizes)
    assert r["sigma"] == pytest.approx(sigma) and r["center"] == pytest.approx(center)
    assert r["subgroup_sizes"] == sizes
    assert r["ucl"] == pytest.approx([center + 3 * sigma / math.sqrt(n) for n in sizes])
    assert r["secondary"]["center"] == pytest.approx([d2[n] * sigma for n in sizes])
    assert any("per point" in note for note in r["notes"])


def test_imr_by_hand() -> None:
    x = [10.0, 12.0, 11.0, 13.0, 12.0]
    r = run(chart="imr", values=x)
    sigma = 1.5 / 1.128  # moving ranges 2, 1, 2, 1
    assert r["sigma"] == pytest.approx(sigma) and r["center"] == pytest.approx(11.6)
    assert r["ucl"] == pytest.approx(11.6 + 3 * sigma) and r["lcl"] == pytest.approx(11.6 - 3 * sigma)
    assert r["secondary"]["points"] == [None, 2.0, 1.0, 2.0, 1.0]
    assert r["secondary"]["center"] == pytest.approx(1.5)
    assert r["secondary"]["ucl"] == pytest.approx(1.5 + 3 * 0.8525033 * sigma)  # qcc's d3(2)
    assert r["secondary"]["lcl"] == 0.0


def test_imr_exclusion_drops_the_point_and_its_moving_ranges_but_still_flags_it() -> None:
    x = [10.0, 11.0, 10.0, 11.0, 30.0, 11.0, 10.0, 11.0]
    r = run(chart="imr", values=x, exclude=[4])
    assert r["sigma"] == pytest.approx(1 / 1.128)  # moving ranges 1,1,1 and 1,1; the two around 30 dropped
    assert r["center"] == pytest.approx(74 / 7)
    assert 4 in rule_hits(r, 1, "I") and r["excluded"] == [4]
    assert r["points"][4] == 30.0


def test_secondary_chart_gets_rule_one() -> None:
    rows = [[10.0, 10.5, 9.8]] * 12 + [[5.0, 15.0, 10.0]]
    r = run(chart="xbar_r", subgroups=rows)
    assert rule_hits(r, 1, "R") == [12] and r["secondary"]["out_of_control"] == [12]
    assert 12 not in r["out_of_control"]  # the x-bar of that subgroup is fine; the signal is on the R chart
    assert any("R chart: points 12" in note for note in r["notes"])


def test_phase_two_is_judged_against_phase_one_limits() -> None:
    phase1 = run(chart="xbar_r", subgroups=PISTON)
    shifted = [[v + 0.02 for v in row] for row in PISTON[:6]]
    r = run(chart="xbar_r", subgroups=PISTON, phase2_subgroups=shifted, rules="nelson")
    assert (r["center"], r["ucl"], r["sigma"]) == (phase1["center"], phase1["ucl"], phase1["sigma"])
    assert r["phase1_points"] == 25 and r["phase2_start"] == 25 and len(r["points"]) == 31
    assert set(rule_hits(r, 1, "xbar")) <= set(range(25, 31)) and rule_hits(r, 1, "xbar")


def test_known_standards_replace_the_estimates() -> None:
    r = run(chart="xbar_s", subgroups=PISTON[:3], center=74.0, sigma=0.01)
    assert r["center"] == 74.0 and r["sigma"] == 0.01
    assert r["ucl"] == pytest.approx(74.0 + 3 * 0.01 / math.sqrt(5))
    assert any("given standard" in note for note in r["notes"])
    single = run(chart="imr", values=[5.0], center=5.0, sigma=1.0)
    assert single["ucl"] == 8.0


def test_decimal_input_from_json_gives_the_same_limits() -> None:
    text = json.dumps({"chart": "xbar_r", "subgroups": PISTON})
    as_decimal = json.loads(text, parse_float=Decimal)
    assert run(**as_decimal)["ucl"] == pytest.approx(run(chart="xbar_r", subgroups=PISTON)["ucl"], rel=1e-15)


# ---------------------------------------------------------------- attribute charts


def test_p_chart_variable_sizes_per_point_and_floored() -> None:
    counts, sizes = [5, 8, 3, 1], [100, 200, 50, 20]
    r = run(chart="p", counts=counts, sizes=sizes)
    pbar = 17 / 370
    se = [math.sqrt(pbar * (1 - pbar) / n) for n in sizes]
    assert r["center"] == pytest.approx(pbar)
    assert r["ucl"] == pytest.approx([pbar + 3 * s for s in se])
    assert r["lcl"] == pytest.approx([max(0.0, pbar - 3 * s) for s in se])
    assert r["lcl"][0] == 0.0 and r["lcl"][1] > 0.0  # floored where pbar - 3 se < 0
    assert r["points"] == pytest.approx([c / n for c, n in zip(counts, sizes, strict=True)])
    assert r["sigma"] == pytest.approx(se)


def test_np_chart_centre_moves_with_size() -> None:
    r = run(chart="np", counts=[4, 6, 5], sizes=[50, 60, 50])
    pbar = 15 / 160
    assert r["center"] == pytest.approx([50 * pbar, 60 * pbar, 50 * pbar])


def test_u_chart_variable_units() -> None:
    counts, units = [12, 7, 20, 9], [10, 5, 16, 8]
    r = run(chart="u", counts=counts, sizes=units)
    ubar = 48 / 39
    assert r["center"] == pytest.approx(ubar)
    assert r["ucl"] == pytest.approx([ubar + 3 * math.sqrt(ubar / n) for n in units])
    assert r["statistic"] == "count_per_unit"


def test_u_chart_fractional_inspection_units_montgomery_dyed_cloth() -> None:
    # Montgomery, Introduction to SQC, dyed-cloth example: defects per 50 m2 over 9.5, 10.5, 12.5 ... units
    counts = [14, 12, 20, 11, 7, 10, 21, 16, 19, 23]
    units = [10.0, 8.0, 13.0, 10.0, 9.5, 10.0, 12.0, 10.5, 12.0, 12.5]
    r = run(chart="u", counts=counts, sizes=units)
    ubar = 153 / 107.5
    assert r["center"] == pytest.approx(ubar)
    assert r["ucl"] == pytest.approx([ubar + 3 * math.sqrt(ubar / n) for n in units])
    assert r["subgroup_sizes"][4] == 9.5 and r["subgroup_sizes"][0] == 10
    with pytest.raises(HavocInputError, match=r"sizes\[4\]"):
        run(chart="p", counts=counts, sizes=units)


def test_c_chart_lcl_floored_at_zero_and_constant_size_shorthand() -> None:
    r = run(chart="c", counts=[1, 3, 2, 0, 4, 2])
    assert r["center"] == pytest.approx(2.0) and r["lcl"] == 0.0
    assert r["ucl"] == pytest.approx(2 + 3 * math.sqrt(2))
    p = run(chart="p", counts=[3, 4, 5], subgroup_size=50)
    assert p["subgroup_sizes"] == 50 and p["center"] == pytest.approx(12 / 150)


def test_excluded_point_is_still_plotted_and_flagged() -> None:
    counts = [20, 18, 22, 19, 21, 60, 20, 19]
    r = run(chart="c", counts=counts, exclude=[5])
    assert r["center"] == pytest.approx(139 / 7)
    assert rule_hits(r, 1) == [5] and r["points"][5] == 60


def test_phase_two_counts_default_to_the_constant_phase_one_size() -> None:
    r = run(chart="p", counts=[5, 6, 4, 5], sizes=[50] * 4, phase2_counts=[20, 5])
    assert r["subgroup_sizes"] == 50 and r["phase2_start"] == 4 and rule_hits(r, 1) == [4]


def test_nelson_rules_on_a_chart() -> None:
    x = [10.0, 10.2, 9.9, 10.1, 10.0, 9.8, 10.1, 10.0] + [10.3 + 0.01 * i for i in range(9)]
    r = run(chart="imr", values=x, rules="nelson")
    assert rule_hits(r, 3)  # the rising tail
    assert all(v["chart"] == "I" for v in r["violations"])
    assert run(chart="imr", values=x, rules="none")["violations"] == []


# ---------------------------------------------------------------- bad input


BAD = [
    ({"chart": "xbar_r", "subgroups": []}, "subgroups"),
    ({"chart": "xbar_r", "subgroups": [[1.0, 2.0], [1.0, 2.0, 3.0]]}, "subgroups"),
    ({"chart": "xbar_r", "subgroups": [[1.0], [2.0], [3.0]]}, "subgroups"),
    ({"chart": "xbar_r", "values": [1.0, 2.0, 3.0], "subgroup_size": 1}, "subgroup_size"),
    ({"chart": "xbar_r", "values": [1.0, 2.0, 3.0], "subgroup_size": 2}, "values"),
    ({"chart": "xbar_r", "subgroups": [[1.0, float("nan")], [1.0, 2.0]]}, "subgroups[0][1]"),
    ({"chart": "xbar_r", "subgroups": [[1.0, "x"], [1.0, 2.0]]}, "subgroups[0][1]"),
    ({"chart": "xbar_r", "subgroups": [[5.0, 5.0], [5.0, 5.0]]}, "subgroups"),
    ({"chart": "xbar_r", "subgroups": [[1.0, 2.0], [2.0, 3.0]], "exclude": [2]}, "exclude[0]"),
    ({"chart": "xbar_r", "subgroups": [[1.0, 2.0], [2.0, 3.0]], "exclude": [-1]}, "exclude[0]"),
    ({"chart": "xbar_r", "subgroups": [[1.0, 2.0], [2.0, 3.0]], "exclude": [0]}, "exclude"),
    ({"chart": "xbar_r", "subgroups": [[1.0, 2.0], [2.0, 3.0]], "counts": [1]}, "counts"),
    ({"chart": "xbar_r", "subgroups": [[1.0, 2.0], [2.0, 3.0]], "k_sigma": 0}, "k_sigma"),
    ({"chart": "xbar_r", "subgroups": [[1.0, 2.0], [2.0, 3.0]], "subgroup": 2}, "subgroup"),
    ({"chart": "xbar_q", "subgroups": [[1.0, 2.0]]}, "chart"),
    ({"chart": "imr", "values": []}, "values"),
    ({"chart": "imr", "values": [3.0, 3.0, 3.0]}, "values"),
    ({"chart": "imr", "values": [3.0, float("inf")]}, "values[1]"),
    ({"chart": "p", "counts": [3, 60], "sizes": [50, 50]}, "counts[1]"),
    ({"chart": "p", "counts": [3, -1], "sizes": [50, 50]}, "counts[1]"),
    ({"chart": "p", "counts": [0.1, 0.2], "sizes": [50, 50]}, "counts[0]"),
    ({"chart": "p", "counts": [3, 4], "sizes": [50]}, "sizes"),
    ({"chart": "p", "counts": [3, 4]}, "sizes"),
    ({"chart": "p", "counts": [0, 0], "sizes": [50, 50]}, "counts"),
    ({"chart": "p", "counts": [3, 4], "sizes": [50, 0]}, "sizes[1]"),
    ({"chart": "p", "counts": [3, 4], "sizes": [50, 50], "center": 1.5}, "center"),
    ({"chart": "p", "counts": [3, 4], "sizes": [50, 50], "sigma": 0.1}, "sigma"),
    ({"chart": "c", "counts": [3, 4], "sizes": [1, 2]}, "sizes"),
    ({"chart": "c", "counts": []}, "counts"),
    ({"chart": "u", "counts": [3, 4], "sizes": [5, 5], "phase2_counts": [70], "phase2_sizes": [5, 5]}, "phase2_sizes"),
]


@pytest.mark.parametrize(("args", "field"), BAD, ids=[f"{a['chart']}-{f}-{i}" for i, (a, f) in enumerate(BAD)])
def test_bad_input_is_one_line_naming_the_field(args: dict, field: str) -> None:
    with pytest.raises(HavocInputError) as info:
        run(**args)
    message = str(info.value)
    assert message.startswith(field) or f"{field}:" in message, message
    assert "\n" not in message


# ---------------------------------------------------------------- invariances


@pytest.mark.parametrize("chart", ["xbar_r", "xbar_s"])
def test_shift_and_scale_move_the_chart_with_the_data(chart: str) -> None:
    base = run(chart=chart, subgroups=PISTON, rules="nelson")
    moved = run(chart=chart, subgroups=[[10 * (v - 74.0) + 3.0 for v in row] for row in PISTON], rules="nelson")
    assert moved["center"] == pytest.approx(10 * (base["center"] - 74.0) + 3.0, abs=1e-9)
    assert moved["sigma"] == pytest.approx(10 * base["sigma"], rel=1e-9)
    assert moved["ucl"] == pytest.approx(10 * (base["ucl"] - 74.0) + 3.0, abs=1e-9)
    assert moved["secondary"]["ucl"] == pytest.approx(10 * base["secondary"]["ucl"], rel=1e-9)
    assert moved["out_of_control"] == base["out_of_control"]


def test_limits_do_not_depend_on_subgroup_order() -> None:
    order = np.random.default_rng(3).permutation(len(PISTON))
    shuffled = run(chart="xbar_r", subgroups=[PISTON[i] for i in order])
    base = run(chart="xbar_r", subgroups=PISTON)
    for key in ("center", "lcl", "ucl", "sigma"):
        assert shuffled[key] == pytest.approx(base[key], rel=1e-13)


def test_excluding_nothing_is_the_plain_chart_and_exclusion_equals_removal() -> None:
    counts, sizes = [12, 15, 8, 10, 4, 7, 16, 9], [50] * 8
    assert run(chart="p", counts=counts, sizes=sizes, exclude=[]) == run(chart="p", counts=counts, sizes=sizes)
    dropped = run(chart="p", counts=counts[:3] + counts[4:], sizes=sizes[:7])
    excluded = run(chart="p", counts=counts, sizes=sizes, exclude=[3])
    assert excluded["center"] == pytest.approx(dropped["center"]) and excluded["ucl"] == pytest.approx(dropped["ucl"])
    assert len(excluded["points"]) == 8


def test_k_sigma_widens_the_limits_proportionally() -> None:
    three = run(chart="u", counts=[12, 7, 20, 9], sizes=[10, 5, 16, 8])
    two = run(chart="u", counts=[12, 7, 20, 9], sizes=[10, 5, 16, 8], k_sigma=2)
    widths3 = np.subtract(three["ucl"], three["center"])
    widths2 = np.subtract(two["ucl"], two["center"])
    assert widths2 == pytest.approx(widths3 * 2 / 3)


def test_names_forgive_case_hyphens_and_common_aliases() -> None:
    assert run(chart="I-MR", values=[1.0, 2.0, 3.0, 2.0], rules="Western-Electric")["chart"] == "imr"
    assert run(chart="X-bar R", subgroups=PISTON[:4])["chart"] == "xbar_r"
    assert run(chart="c", counts=[3, 4, 5], rules="NELSON")["rules"] == "nelson"
    with pytest.raises(HavocInputError, match="^rules:"):
        run(chart="c", counts=[3, 4, 5], rules="wecostar")


def test_imr_reports_autocorrelation_and_warns_when_strong() -> None:
    drifting = [float(i) + 0.1 * ((-1) ** i) for i in range(30)]
    r = run(chart="imr", values=drifting)
    d = np.array(drifting) - np.mean(drifting)
    assert r["lag1_autocorrelation"] == pytest.approx(np.dot(d[:-1], d[1:]) / np.dot(d, d))
    assert r["lag1_autocorrelation"] > 0.5 and any("autocorrelation" in note for note in r["notes"])
    calm = run(chart="imr", values=np.random.default_rng(5).normal(0, 1, 40).tolist())
    assert abs(calm["lag1_autocorrelation"]) < 0.5 and not any("autocorrelation" in n for n in calm["notes"])
