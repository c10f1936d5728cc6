"""Run rules: each rule on sequences built to trip it (or just miss), and a loop-by-loop cross-check."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tools.errors import HavocInputError
from tools.spc_rules import RunRulesArgs, Zones, rule_flags, run_rules


def flagged(values, rules: str, rule: int, center: float = 0.0, sigma: float = 1.0, k: float = 3.0) -> list[int]:
    result = run_rules(RunRulesArgs(values=values, center=center, sigma=sigma, rules=rules, k_sigma=k))
    return [v.index for v in result.violations if v.rule == rule]


# ---------------------------------------------------------------- Western Electric


def test_we1_beyond_limits_both_sides_and_not_on_the_limit() -> None:
    assert flagged([0, 3.01, -3.01, 3.0, -3.0], "western_electric", 1) == [1, 2]


def test_we2_two_of_three_in_zone_a_same_side_flags_the_completing_point() -> None:
    assert flagged([2.1, 0.0, 2.2], "western_electric", 2) == [2]
    # opposite sides do not count
    assert flagged([2.1, 0.0, -2.2], "western_electric", 2) == []
    # the third point of a window is flagged only if it is itself beyond zone A
    assert flagged([0.0, 2.1, 2.2, 0.0], "western_electric", 2) == [2]


def test_we3_four_of_five_beyond_one_sigma() -> None:
    assert flagged([-1.1, -1.2, 0.0, -1.3, -1.4], "western_electric", 3) == [4]
    assert flagged([-1.1, -1.2, 0.0, 0.0, -1.4], "western_electric", 3) == []


def test_we4_eight_on_one_side_and_centre_points_break_the_run() -> None:
    assert flagged([0.1] * 8, "western_electric", 4) == [7]
    assert flagged([0.1] * 7, "western_electric", 4) == []
    assert flagged([0.1] * 4 + [0.0] + [0.1] * 4, "western_electric", 4) == []
    assert flagged([0.1] * 10, "western_electric", 4) == [7, 8, 9]


# ---------------------------------------------------------------- Nelson


def test_nelson2_nine_in_a_row() -> None:
    assert flagged([-0.5] * 9, "nelson", 2) == [8]
    assert flagged([-0.5] * 8, "nelson", 2) == []


def test_nelson3_counts_six_points_not_six_increases() -> None:
    six_points = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6]  # five increases
    assert flagged(six_points, "nelson", 3) == [5]
    assert flagged(six_points[:5], "nelson", 3) == []
    assert flagged([0.6, 0.5, 0.4, 0.3, 0.2, 0.1], "nelson", 3) == [5]
    # a tie breaks the trend
    assert flagged([0.1, 0.2, 0.3, 0.3, 0.4, 0.5, 0.6], "nelson", 3) == []


def test_nelson4_fourteen_alternating() -> None:
    zigzag = [(-1) ** i * 0.2 for i in range(14)]
    assert flagged(zigzag, "nelson", 4) == [13]
    assert flagged(zigzag[:13], "nelson", 4) == []
    broken = zigzag[:7] + [zigzag[6]] + zigzag[7:]  # a repeat stops the alternation
    assert flagged(broken, "nelson", 4) == []


def test_nelson5_and_6_same_as_we2_and_we3() -> None:
    x = [2.5, 0.0, 2.5, 1.5, 1.5, 1.5, 0.0, 1.5]
    assert flagged(x, "nelson", 5) == flagged(x, "western_electric", 2)
    assert flagged(x, "nelson", 6) == flagged(x, "western_electric", 3)
    assert flagged(x, "nelson", 5) == [2]


def test_nelson7_fifteen_hugging_the_centre_line() -> None:
    assert flagged([0.2, -0.2] * 7 + [0.9], "nelson", 7) == [14]
    assert flagged([0.2, -0.2] * 7, "nelson", 7) == []
    # exactly on the 1-sigma line still counts as inside (qcc)
    assert flagged([1.0] * 15, "nelson", 7) == [14]


def test_nelson8_eight_outside_zone_c_needs_both_sides() -> None:
    assert flagged([1.5, -1.5] * 4, "nelson", 8) == [7]
    assert flagged([1.5] * 8, "nelson", 8) == []
    assert flagged([1.5, -1.5] * 3 + [0.5, 1.5], "nelson", 8) == []


def test_zones_scale_with_k_sigma() -> None:
    # with k = 2 the limits are at 2 sigma and zone A starts at 4/3 sigma
    assert flagged([2.1], "nelson", 1, k=2) == [0]
    assert flagged([1.4, 0, 1.4], "nelson", 5, k=2) == [2]
    assert flagged([1.4, 0, 1.4], "nelson", 5, k=3) == []


def test_centre_and_sigma_shift_the_zones() -> None:
    assert flagged([10.0, 16.1], "nelson", 1, center=10, sigma=2) == [1]


def test_none_reports_nothing() -> None:
    result = run_rules(RunRulesArgs(values=[100.0, -100.0], center=0, sigma=1, rules="none"))
    assert result.violations == [] and result.out_of_control == []


def test_violations_carry_rule_number_index_and_description() -> None:
    result = run_rules(RunRulesArgs(values=[0, 5.0], center=0, sigma=1, rules="nelson"))
    (v,) = [v for v in result.violations if v.rule == 1]
    assert (v.rule, v.index) == (1, 1) and "beyond" in v.description
    assert result.out_of_control == [1]
    assert result.model_dump(mode="json")["violations"][0]["index"] == 1


@pytest.mark.parametrize(
    ("args", "field"),
    [
        ({"values": [], "center": 0, "sigma": 1}, "values"),
        ({"values": [1.0, float("nan")], "center": 0, "sigma": 1}, "values[1]"),
        ({"values": [1.0], "center": 0, "sigma": 0}, "sigma"),
        ({"values": [1.0], "center": 0, "sigma": -1}, "sigma"),
        ({"values": [1.0], "center": float("inf"), "sigma": 1}, "center"),
        ({"values": ["a"], "center": 0, "sigma": 1}, "values[0]"),
    ],
)
def test_bad_input_names_the_field(args, field) -> None:
    from tools.registry import ToolSpec

    spec = ToolSpec("run_rules", "", RunRulesArgs, run_rules)
    with pytest.raises(HavocInputError) as info:
        spec.run(args)
    message = str(info.value)
    assert field in message and "\n" not in message


# ---------------------------------------------------------------- cross-check against plain loops


def naive(x: list[float], rules: str, k: float = 3.0) -> dict[int, set[int]]:
    """The rules written as the textbook states them, one window at a time."""
    a, b = 2 * k / 3, k / 3
    out: dict[int, set[int]] = {}

    def add(rule: int, i: int) -> None:
        out.setdefault(rule, set()).add(i)

    def run_end(cond, length):
        return [i for i in range(len(x)) if i + 1 >= length and all(cond(x[j]) for j in range(i - length + 1, i + 1))]

    for i, v in enumerate(x):
        if abs(v) > k:
            add(1, i)
    m_of_l = {"western_electric": {2: (2, 3, a), 3: (4, 5, b)}, "nelson": {5: (2, 3, a), 6: (4, 5, b)}}[rules]
    for rule, (m, length, edge) in m_of_l.items():
        for i in range(length - 1, len(x)):
            w = x[i - length + 1 : i + 1]
            if (x[i] > edge and sum(v > edge for v in w) >= m) or (x[i] < -edge and sum(v < -edge for v in w) >= m):
                add(rule, i)
    side = {"western_electric": (4, 8), "nelson": (2, 9)}[rules]
    for i in run_end(lambda v: v > 0, side[1]) + run_end(lambda v: v < 0, side[1]):
        add(side[0], i)
    if rules == "nelson":
        for i in range(5, len(x)):
            steps = [x[j + 1] - x[j] for j in range(i - 5, i)]
            if all(s > 0 for s in steps) or all(s < 0 for s in steps):
                add(3, i)
        for i in range(13, len(x)):
            steps = [x[j + 1] - x[j] for j in range(i - 13, i)]
            if all(steps[j] * steps[j + 1] < 0 for j in range(12)):
                add(4, i)
        for i in run_end(lambda v: -b <= v <= b, 15):
            add(7, i)
        for i in range(7, len(x)):
            w = x[i - 7 : i + 1]
            if all(abs(v) > b for v in w) and any(v > b for v in w) and any(v < -b for v in w):
                add(8, i)
    return out


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.sampled_from([-3.5, -2.5, -1.5, -0.5, 0.0, 0.5, 1.5, 2.5, 3.5, 0.7, -0.7]), min_size=0, max_size=60),
    st.sampled_from(["western_electric", "nelson"]),
)
def test_vectorised_rules_match_plain_loops(x, rules) -> None:
    arr = np.array(x, dtype=float)
    got = {r: set(np.flatnonzero(f).tolist()) for r, f in rule_flags(arr, Zones(0.0, 1.0, 3.0), rules).items()}
    want = naive(x, rules)
    for rule in got:
        assert got[rule] == want.get(rule, set()), f"rule {rule}"


def test_a_long_random_walk_matches_plain_loops() -> None:
    rng = np.random.default_rng(7)
    x = np.round(np.cumsum(rng.normal(0, 0.3, 2000)) % 6 - 3, 1)
    got = {r: set(np.flatnonzero(f).tolist()) for r, f in rule_flags(x, Zones(0.0, 1.0, 3.0), "nelson").items()}
    want = naive(x.tolist(), "nelson")
    assert all(got[r] == want.get(r, set()) for r in got)


def test_per_point_centre_and_sigma() -> None:
    # a p chart with varying sample sizes: the same value is beyond the limits only where sigma is small
    result = run_rules(RunRulesArgs(values=[0.3, 0.3], center=[0.1, 0.1], sigma=[0.1, 0.05], rules="nelson"))
    assert [v.index for v in result.violations if v.rule == 1] == [1]
    from tools.registry import ToolSpec

    spec = ToolSpec("run_rules", "", RunRulesArgs, run_rules)
    with pytest.raises(HavocInputError, match="^sigma: has 1 entries"):
        spec.run({"values": [0.3, 0.3], "center": 0.1, "sigma": [0.1]})
    with pytest.raises(HavocInputError, match="^sigma"):
        spec.run({"values": [0.3, 0.3], "center": 0.1, "sigma": [0.1, 0.0]})
