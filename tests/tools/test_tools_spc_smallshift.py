"""EWMA and tabular CUSUM charts against Montgomery's chapter 9 examples, hand recursions and bad input.

Source of the reference numbers: D. C. Montgomery, *Introduction to Statistical Quality Control*
(6th ed., Wiley 2009), section 9.1 (Example 9.1, Table 9.1 data and Table 9.2 tabular CUSUM, k = 0.5,
h = 5, mu0 = 10, sigma = 1) and section 9.2 (Example 9.2, EWMA of the same data, lambda = 0.1, L = 2.7).
qcc's `cusum(x, center = 10, std.dev = 1, decision.interval = 5, se.shift = 1)` and
`ewma(x, center = 10, std.dev = 1, lambda = 0.1, nsigmas = 2.7)` reproduce them.
"""

from __future__ import annotations

import json

import numpy as np
import pytest

from tools.errors import HavocInputError
from tools.registry import ToolSpec
from tools.spc_charts import ControlChartArgs, control_chart

SPEC = ToolSpec("control_chart", "", ControlChartArgs, control_chart)

# Montgomery Table 9.1: 20 observations from N(10, 1), then 10 after the mean shifted to 11
TABLE_9_1 = [
    9.45, 7.99, 9.29, 11.66, 12.16, 10.18, 8.04, 11.46, 9.20, 10.34,
    9.03, 11.47, 10.51, 9.40, 10.08, 9.37, 10.62, 10.31, 8.52, 10.84,
    10.90, 9.33, 12.29, 11.50, 10.60, 11.08, 10.38, 11.62, 11.31, 10.52,
]
# Montgomery Table 9.2, column C+_i, periods 1..29 (two decimals as printed)
TABLE_9_2_UPPER = [
    0.0, 0.0, 0.0, 1.16, 2.82, 2.50, 0.04, 1.00, 0.0, 0.0, 0.0, 0.97, 0.98, 0.0, 0.0,
    0.0, 0.12, 0.0, 0.0, 0.34, 0.74, 0.0, 1.79, 2.79, 2.89, 3.47, 3.35, 4.47, 5.28,
]


def run(**args) -> dict:
    return SPEC.run(args).model_dump(mode="json")


# ---------------------------------------------------------------- CUSUM


def test_cusum_reproduces_montgomery_table_9_2() -> None:
    out = run(chart="cusum", values=TABLE_9_1, center=10, sigma=1, k=0.5, h=5)
    upper = out["cusum"]["upper"]
    assert np.allclose(upper[:29], TABLE_9_2_UPPER, atol=0.005)
    # Example 9.1: the upper CUSUM first exceeds H = 5 at period 29, with N+ = 7, so the shift began after
    # period 22, and the new mean is estimated as 10 + 0.5 + 5.28/7 = 11.25
    (signal,) = out["cusum"]["signals"]
    assert signal["side"] == "upper" and signal["index"] == 28 and signal["run_length"] == 7
    assert signal["shift_after"] == 21  # 0-based: period 22
    assert signal["estimated_mean"] == pytest.approx(11.25, abs=0.005)
    assert out["out_of_control"] == [28, 29] and out["ucl"] == 5 and out["lcl"] == 0
    assert max(out["cusum"]["lower"]) < 5 and out["secondary"]["name"] == "C-"
    assert out["cusum"]["K"] == 0.5 and out["cusum"]["H"] == 5


def _hand_cusum(x: np.ndarray, target: float, big_k: float) -> tuple[np.ndarray, np.ndarray]:
    up, down = [0.0], [0.0]
    for v in x:
        up.append(max(0.0, v - target - big_k + up[-1]))
        down.append(max(0.0, target - big_k - v + down[-1]))
    return np.array(up[1:]), np.array(down[1:])


def test_cusum_defaults_estimate_target_and_sigma_like_qcc() -> None:
    x = np.array(TABLE_9_1)
    out = run(chart="cusum", values=TABLE_9_1)
    sigma = np.mean(np.abs(np.diff(x))) / 1.128  # MR-bar / d2(2), qcc's sd.xbar.one
    assert out["sigma"] == pytest.approx(sigma, rel=1e-12)
    assert out["cusum"]["target"] == pytest.approx(x.mean(), rel=1e-12)
    up, down = _hand_cusum(x, x.mean(), 0.5 * sigma)
    assert np.allclose(out["cusum"]["upper"], up) and np.allclose(out["cusum"]["lower"], down)
    assert out["cusum"]["h"] == 5 and out["ucl"] == pytest.approx(5 * sigma)


def test_cusum_of_subgroup_means_uses_the_standard_error() -> None:
    rng = np.random.default_rng(4)
    rows = rng.normal(10, 1, (20, 4)).round(3)
    rows[14:] += 1.2  # a shift of 2.4 standard errors of the mean
    out = run(chart="cusum", subgroups=rows.tolist(), center=10, sigma=1, k=0.5, h=4)
    means = rows.mean(axis=1)
    up, down = _hand_cusum(means, 10.0, 0.5 * 1 / 2)
    assert np.allclose(out["cusum"]["upper"], up) and np.allclose(out["cusum"]["lower"], down)
    assert out["cusum"]["H"] == pytest.approx(4 * 0.5)
    first = next(i for i, v in enumerate(up) if v > 2.0)
    assert out["cusum"]["signals"][0]["index"] == first and first >= 14


def test_cusum_lower_side_signals_a_downward_shift() -> None:
    x = [10.0 + d for d in (0.2, -0.3, 0.1, -0.1, 0.0, -1.5, -1.4, -1.6, -1.2, -1.7, -1.5)]
    out = run(chart="cusum", values=x, center=10, sigma=1, k=0.5, h=4)
    (signal,) = out["cusum"]["signals"]
    _, down = _hand_cusum(np.array(x), 10, 0.5)
    first = int(np.flatnonzero(down > 4)[0])
    assert signal["side"] == "lower" and signal["index"] == first
    n = signal["run_length"]
    assert signal["estimated_mean"] == pytest.approx(10 - 0.5 - down[first] / n)
    assert all(v["chart"] == "C-" for v in out["violations"])


# ---------------------------------------------------------------- EWMA


def test_ewma_reproduces_montgomery_example_9_2() -> None:
    out = run(chart="ewma", values=TABLE_9_1, center=10, sigma=1, **{"lambda": 0.1, "L": 2.7})
    z = out["points"]
    # Montgomery Table 9.11: z1 = 9.945, z2 = 9.7495; limits at period 1 and 2: 10.27 and 10.36 (9.73, 9.64)
    assert z[0] == pytest.approx(9.945, abs=1e-9) and z[1] == pytest.approx(9.7495, abs=1e-9)
    assert out["ucl"][0] == pytest.approx(10.27, abs=0.005) and out["ucl"][1] == pytest.approx(10.36, abs=0.005)
    assert out["lcl"][0] == pytest.approx(9.73, abs=0.005) and out["lcl"][1] == pytest.approx(9.64, abs=0.005)
    # steady-state limits 10 +/- 2.7 sqrt(0.1/1.9) = [9.38, 10.62]
    assert out["ewma"]["steady_state_ucl"] == pytest.approx(10.62, abs=0.005)
    assert out["ewma"]["steady_state_lcl"] == pytest.approx(9.38, abs=0.005)
    # the smoothed mean drifts up after the shift at period 20 and crosses its UCL at period 29 (z = 10.6468)
    assert out["ewma"]["signals"] == [28] and out["out_of_control"] == [28, 29]
    assert z[28] == pytest.approx(10.6468, abs=5e-5)
    assert out["statistic"] == "ewma" and out["ewma"]["lambda"] == 0.1 and out["k_sigma"] == 2.7


def test_ewma_time_varying_limits_by_hand_with_estimated_sigma() -> None:
    x = np.array(TABLE_9_1[:20])
    out = run(chart="ewma", values=x.tolist())  # qcc defaults: lambda 0.2, 3 sigma, centre = mean, MR-bar/d2
    lam, sigma, mu = 0.2, np.mean(np.abs(np.diff(x))) / 1.128, x.mean()
    z, prev = [], mu
    for v in x:
        prev = lam * v + (1 - lam) * prev
        z.append(prev)
    width = 3 * sigma * np.sqrt(lam / (2 - lam) * (1 - (1 - lam) ** (2 * np.arange(1, 21))))
    assert np.allclose(out["points"], z) and np.allclose(out["ucl"], mu + width) and np.allclose(out["lcl"], mu - width)
    assert out["violations"] == [] and out["center"] == pytest.approx(mu)


def test_ewma_lambda_one_is_the_shewhart_individuals_chart() -> None:
    out = run(chart="ewma", values=TABLE_9_1, center=10, sigma=1, **{"lambda": 1})
    assert np.allclose(out["points"], TABLE_9_1) and np.allclose(out["ucl"], 13) and np.allclose(out["lcl"], 7)


def test_ewma_phase_two_uses_phase_one_estimates() -> None:
    first = run(chart="ewma", values=TABLE_9_1[:20])
    both = run(chart="ewma", values=TABLE_9_1[:20], phase2_values=TABLE_9_1[20:])
    assert both["center"] == first["center"] and both["sigma"] == first["sigma"]
    assert both["phase2_start"] == 20 and len(both["points"]) == 30
    assert both["points"][:20] == first["points"]


def test_result_is_plain_json_with_lambda_by_name() -> None:
    out = run(chart="ewma", values=TABLE_9_1, **{"lambda": 0.3})
    text = json.dumps(out)
    assert '"lambda": 0.3' in text and out["cusum"] is None
    assert "lambda" in ControlChartArgs.model_json_schema()["properties"]


# ---------------------------------------------------------------- bad input

BAD = [
    ({"chart": "ewma", "values": TABLE_9_1, "lambda": 0}, "lambda"),
    ({"chart": "ewma", "values": TABLE_9_1, "lambda": 1.5}, "lambda"),
    ({"chart": "ewma", "values": TABLE_9_1, "k": 0.5}, "k"),
    ({"chart": "cusum", "values": TABLE_9_1, "lambda": 0.2}, "lambda"),
    ({"chart": "cusum", "values": TABLE_9_1, "h": 0}, "h"),
    ({"chart": "cusum", "values": TABLE_9_1, "k": -1}, "k"),
    ({"chart": "cusum", "counts": [1, 2, 3]}, "counts"),
    ({"chart": "cusum"}, "values"),
    ({"chart": "ewma", "values": [5, 5, 5, 5]}, "values"),
    ({"chart": "imr", "values": TABLE_9_1, "h": 4}, "h"),
    ({"chart": "ewma", "values": TABLE_9_1, "exclude": [40]}, "exclude[0]"),
]


@pytest.mark.parametrize(("args", "field"), BAD, ids=[f"{a['chart']}-{f}-{i}" for i, (a, f) in enumerate(BAD)])
def test_bad_input_is_one_line_naming_the_field(args: dict, field: str) -> None:
    with pytest.raises(HavocInputError) as info:
        run(**args)
    message = str(info.value)
    assert message.startswith(field) or f"{field}:" in message, message
    assert "\n" not in message
