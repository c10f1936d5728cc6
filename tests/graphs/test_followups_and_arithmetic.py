"""Thread follow-ups that change method on the same data, and plain arithmetic, end to end."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pytest
from scipy import stats

from graphs.srs import run


@pytest.fixture(autouse=True)
def _home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HAVOC_HOME", str(tmp_path))


def test_run_with_a_thread_id_remembers_without_a_checkpointer() -> None:
    first = run("Design a Box-Behnken DOE for temperature 150-200 C, pressure 1-3 bar and time 10-30 min",
                thread_id="t")
    assert first["results"][0]["output"]["runs"] == 15
    second = run("now with 5 centre points", thread_id="t")
    out = second["results"][0]["output"]
    assert out["runs"] == 17 and out["factor_names"] == ["temperature", "pressure", "time"]


def test_a_response_surface_design_is_analysed_by_its_quadratic_fit() -> None:
    design = run("Design a Box-Behnken DOE", thread_id="bb")["results"][0]["output"]
    y = [45, 52, 48, 60, 55, 58, 49, 61, 50, 57, 53, 62, 70, 71, 69]
    state = run("analyse it with these responses: " + ", ".join(map(str, y)), thread_id="bb")
    (result,) = state["results"]
    assert result["tool"] == "rsm_fit"
    # the full quadratic model by numpy least squares on the design's coded matrix
    x = np.array(design["coded"], dtype=float)
    columns = [np.ones(len(x))] + [x[:, i] for i in range(3)] + [x[:, i] * x[:, j] for i in range(3)
                                                                   for j in range(i + 1, 3)] + [x[:, i] ** 2 for i in range(3)]
    beta, *_ = np.linalg.lstsq(np.column_stack(columns), np.array(y, dtype=float), rcond=None)
    assert math.isclose(list(result["output"]["coefficients"].values())[0], beta[0], rel_tol=1e-9)
    assert state["audit_passed"]


def test_a_new_test_on_the_previous_data() -> None:
    data = [5.1, 5.3, 4.9, 5.0, 5.2, 5.4]
    run("describe " + " ".join(map(str, data)), thread_id="d")
    state = run("and test whether the mean is 5", thread_id="d")
    (result,) = state["results"]
    assert result["tool"] == "t_test" and result["args"]["kind"] == "one_sample"
    assert math.isclose(result["output"]["p_value"], stats.ttest_1samp(data, 5).pvalue, rel_tol=1e-9)
    normal = run("is it normal?", thread_id="d")["results"][0]
    assert normal["tool"] == "normality" and math.isclose(normal["output"]["statistic"], stats.shapiro(data).statistic,
                                                           rel_tol=1e-6)


@pytest.mark.parametrize(("question", "conclusion"), [
    ("what is 2+2", "2 + 2 = 4"),
    ("compute 17*23", "17*23 = 391"),
    ("what's 7 factorial", f"= {math.factorial(7)}"),
    ("factorial of 10?", f"= {math.factorial(10)}"),
    ("calculate 15% of 240", "= 36"),
    ("sqrt(2) to 20 digits", "≈ 1.4142135623730950488"),  # sqrt(2) = 1.41421356237309504880168...
    ("log base 2 of 64", "= 6"),
    ("what is log to the base 10 of 1000", "= 3"),
    ("evaluate 2pi r^2 at r = 3", f"at r = 3 ≈ {2 * math.pi * 9:.10f}"[:28]),
    ("what is the value of 3x at x = 4", "at x = 4 = 12"),
])
def test_arithmetic_is_evaluated(question: str, conclusion: str) -> None:
    state = run(question)
    assert state["mode"] == "math" and [r["tool"] for r in state["results"]] == ["evaluate"]
    assert conclusion in state["answer"]["markdown"]


@pytest.mark.parametrize("question", ["what is x+1", "What is the capital of France?", "what is 42",
                                      "2^3 factorial design"])
def test_not_arithmetic(question: str) -> None:
    assert [r["tool"] for r in run(question)["results"]] != ["evaluate"]
