"""Capability indices by hand, one-sided specs, intervals, PPM, the normality note, and bad input."""

from __future__ import annotations

import json
import math
from decimal import Decimal

import numpy as np
import pytest
from scipy import stats

from tools.capability import CapabilityArgs, anderson_darling_normal, capability
from tools.errors import HavocInputError
from tools.registry import ToolSpec

SPEC = ToolSpec("capability", "", CapabilityArgs, capability)

RNG = np.random.default_rng(2024)
SUBGROUPS = np.round(RNG.normal(50.0, 2.0, (30, 4)), 3).tolist()
FLAT = [v for row in SUBGROUPS for v in row]


def run(**args) -> dict:
    return SPEC.run(args).model_dump(mode="json")


def test_individuals_by_hand() -> None:
    x = [9.8, 10.4, 10.1, 9.7, 10.3, 10.0, 9.9, 10.6, 10.2, 9.6]
    r = run(data=x, lsl=9.0, usl=11.0, target=10.0)
    mean, s = float(np.mean(x)), float(np.std(x, ddof=1))
    within = float(np.mean(np.abs(np.diff(x)))) / 1.128
    assert (r["mean"], r["sigma_within"], r["sigma_overall"]) == pytest.approx((mean, within, s))
    assert r["within_method"] == "mr_bar" and r["n"] == 10
    assert r["cp"] == pytest.approx(2.0 / (6 * within))
    assert r["cp_l"] == pytest.approx((mean - 9.0) / (3 * within))
    assert r["cp_u"] == pytest.approx((11.0 - mean) / (3 * within))
    assert r["cpk"] == pytest.approx(min(r["cp_l"], r["cp_u"]))
    assert r["cpm"] == pytest.approx(r["cp"] / math.sqrt(1 + ((mean - 10.0) / within) ** 2))
    assert r["pp"] == pytest.approx(2.0 / (6 * s))
    assert r["ppk"] == pytest.approx(min(mean - 9.0, 11.0 - mean) / (3 * s))
    # Ppm is Minitab's Cpm: (USL - LSL) / (6 sqrt(s^2 + (mean - T)^2))
    assert r["ppm"] == pytest.approx(2.0 / (6 * math.sqrt(s * s + (mean - 10.0) ** 2)))


def test_intervals_follow_chi_square_bissell_and_boyles() -> None:
    r = run(subgroups=SUBGROUPS, lsl=44.0, usl=57.0, target=51.0, confidence=0.9)
    n, alpha = 120, 0.1
    lo, hi = stats.chi2.ppf([alpha / 2, 1 - alpha / 2], n - 1)
    assert r["ci"]["cp"] == pytest.approx([r["cp"] * math.sqrt(lo / (n - 1)), r["cp"] * math.sqrt(hi / (n - 1))])
    z = stats.norm.ppf(0.95)
    half = z * math.sqrt(1 / (9 * n * r["cpk"] ** 2) + 1 / (2 * (n - 1)))
    assert r["ci"]["cpk"] == pytest.approx([r["cpk"] * (1 - half), r["cpk"] * (1 + half)])
    a2 = ((r["mean"] - 51.0) / r["sigma_within"]) ** 2
    df = n * (1 + a2) / (1 + 2 * a2)
    lo, hi = stats.chi2.ppf([alpha / 2, 1 - alpha / 2], df)
    assert r["ci"]["cpm"] == pytest.approx([r["cpm"] * math.sqrt(lo / df), r["cpm"] * math.sqrt(hi / df)])
    assert set(r["ci"]) == {"cp", "cp_l", "cp_u", "cpk", "cpm", "pp", "pp_l", "pp_u", "ppk", "ppm"}
    for low, high in r["ci"].values():
        assert low < high


def test_wider_confidence_gives_wider_intervals() -> None:
    narrow = run(subgroups=SUBGROUPS, lsl=44.0, usl=57.0, confidence=0.8)["ci"]["cpk"]
    wide = run(subgroups=SUBGROUPS, lsl=44.0, usl=57.0, confidence=0.99)["ci"]["cpk"]
    assert wide[0] < narrow[0] < narrow[1] < wide[1]


def test_within_methods_by_hand() -> None:
    table = np.array(SUBGROUPS)
    r_bar = run(subgroups=SUBGROUPS, lsl=40.0, usl=60.0)
    assert r_bar["within_method"] == "r_bar"
    assert r_bar["sigma_within"] == pytest.approx(np.ptp(table, axis=1).mean() / 2.059)
    s_bar = run(subgroups=SUBGROUPS, lsl=40.0, usl=60.0, within_method="s_bar")
    c4_4 = 0.9213177319
    assert s_bar["sigma_within"] == pytest.approx(table.std(axis=1, ddof=1).mean() / c4_4, rel=1e-9)
    pooled = run(subgroups=SUBGROUPS, lsl=40.0, usl=60.0, within_method="pooled")
    sp = math.sqrt(np.mean(table.var(axis=1, ddof=1)))
    dof = 90
    c4_91 = math.sqrt(2 / dof) * math.exp(math.lgamma(91 / 2) - math.lgamma(90 / 2))
    assert pooled["sigma_within"] == pytest.approx(sp / c4_91, rel=1e-12)
    flat = run(data=FLAT, subgroup_size=4, lsl=40.0, usl=60.0)
    assert flat["sigma_within"] == r_bar["sigma_within"]


def test_given_sigma_within_is_used() -> None:
    r = run(data=FLAT, lsl=40.0, usl=60.0, sigma_within=2.5)
    assert r["sigma_within"] == 2.5 and r["within_method"] == "given"
    assert r["cp"] == pytest.approx(20 / 15)


def test_one_sided_specs_give_only_the_indices_that_exist() -> None:
    upper = run(data=FLAT, usl=56.0)
    assert upper["cp"] is None and upper["cp_l"] is None and upper["cpm"] is None and upper["pp"] is None
    assert upper["cpk"] == upper["cp_u"] and upper["ppk"] == upper["pp_u"]
    assert set(upper["ci"]) == {"cp_u", "cpk", "pp_u", "ppk"}
    assert upper["ppm_expected"]["within"]["below_lsl"] is None
    assert upper["ppm_expected"]["within"]["total"] == upper["ppm_expected"]["within"]["above_usl"]
    lower = run(data=FLAT, lsl=45.0)
    assert lower["cpk"] == lower["cp_l"] and lower["cp_u"] is None
    assert any("one-sided" in note for note in lower["notes"])


def test_expected_and_observed_ppm() -> None:
    r = run(data=FLAT, lsl=48.0, usl=52.0)
    mean, s = np.mean(FLAT), np.std(FLAT, ddof=1)
    overall = r["ppm_expected"]["overall"]
    assert overall["below_lsl"] == pytest.approx(stats.norm.cdf((48 - mean) / s) * 1e6)
    assert overall["above_usl"] == pytest.approx(stats.norm.sf((52 - mean) / s) * 1e6)
    assert overall["total"] == pytest.approx(overall["below_lsl"] + overall["above_usl"])
    x = np.array(FLAT)
    assert r["ppm_observed"]["below_lsl"] == pytest.approx(np.mean(x < 48) * 1e6)
    assert r["ppm_observed"]["above_usl"] == pytest.approx(np.mean(x > 52) * 1e6)


def test_observed_counts_only_points_strictly_outside() -> None:
    r = run(data=[1.0, 2.0, 3.0, 4.0, 5.0], lsl=1.0, usl=5.0)
    assert r["ppm_observed"]["total"] == 0.0


def test_target_defaults_to_the_midpoint() -> None:
    r = run(data=FLAT, lsl=40.0, usl=62.0)
    assert r["target"] == 51.0 and any("midpoint" in note for note in r["notes"])


def test_anderson_darling_agrees_with_statsmodels() -> None:
    from statsmodels.stats.diagnostic import normal_ad

    for sample in (np.array(FLAT), RNG.exponential(1.0, 60), RNG.uniform(0, 1, 25)):
        a2, p = anderson_darling_normal(sample)
        ref_a2, ref_p = normal_ad(sample)
        assert a2 == pytest.approx(ref_a2, rel=1e-9) and p == pytest.approx(ref_p, rel=1e-9)


def test_normality_note_warns_on_skewed_data() -> None:
    skewed = RNG.exponential(1.0, 200).tolist()
    r = run(data=skewed, usl=6.0)
    assert r["normality"]["p_value"] < 0.05 and "rejected" in r["normality"]["note"]
    fine = run(data=FLAT, lsl=40.0, usl=60.0)
    assert fine["normality"]["p_value"] > 0.05


def test_decimal_json_input_and_json_output() -> None:
    text = json.dumps({"data": FLAT, "lsl": 44.5, "usl": 55.5})
    r = run(**json.loads(text, parse_float=Decimal))
    assert r["cpk"] == pytest.approx(run(data=FLAT, lsl=44.5, usl=55.5)["cpk"], rel=1e-14)
    json.dumps(r, allow_nan=False)


BAD = [
    ({"data": FLAT, "lsl": 50.0, "usl": 50.0}, "lsl"),
    ({"data": FLAT, "lsl": 55.0, "usl": 45.0}, "lsl"),
    ({"data": FLAT}, "lsl"),
    ({"data": [], "usl": 1.0}, "data"),
    ({"data": [1.0], "usl": 2.0}, "data"),
    ({"data": [2.0, 2.0, 2.0], "usl": 3.0}, "data"),
    ({"data": [1.0, float("nan")], "usl": 3.0}, "data[1]"),
    ({"subgroups": [[1.0, 2.0], [1.0]], "usl": 3.0}, "subgroups"),
    ({"subgroups": [[1.0, 1.0], [2.0, 2.0]], "usl": 3.0}, "subgroups"),
    ({"data": FLAT, "usl": 60.0, "within_method": "r_bar"}, "within_method"),
    ({"subgroups": SUBGROUPS, "usl": 60.0, "within_method": "mr_bar"}, "within_method"),
    ({"data": FLAT, "usl": 60.0, "confidence": 1.5}, "confidence"),
    ({"data": FLAT, "usl": 60.0, "sigma_within": 0}, "sigma_within"),
    ({"data": FLAT, "subgroups": SUBGROUPS, "usl": 60.0}, "subgroups"),
    ({"data": FLAT, "usl": 60.0, "subgroup_size": 7}, "data"),
    ({"data": FLAT, "usl": float("inf")}, "usl"),
]


@pytest.mark.parametrize(("args", "field"), BAD, ids=[f"{f}-{i}" for i, (_, f) in enumerate(BAD)])
def test_bad_input_is_one_line_naming_the_field(args: dict, field: str) -> None:
    with pytest.raises(HavocInputError) as info:
        run(**args)
    message = str(info.value)
    assert message.startswith(f"{field}:"), message
    assert "\n" not in message


def test_indices_are_unchanged_by_a_change_of_units() -> None:
    base = run(subgroups=SUBGROUPS, lsl=44.0, usl=57.0, target=51.0)
    scaled = run(
        subgroups=[[2.54 * v - 7.0 for v in row] for row in SUBGROUPS],
        lsl=2.54 * 44.0 - 7.0, usl=2.54 * 57.0 - 7.0, target=2.54 * 51.0 - 7.0,
    )
    for key in ("cp", "cp_l", "cp_u", "cpk", "cpm", "pp", "ppk", "ppm"):
        assert scaled[key] == pytest.approx(base[key], rel=1e-9), key
    assert scaled["ppm_expected"]["within"]["total"] == pytest.approx(base["ppm_expected"]["within"]["total"], rel=1e-6)
