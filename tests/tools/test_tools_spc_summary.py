"""X̄–R and X̄–S limits from summary figures (`summary_chart`): Montgomery's piston-ring examples, agreement with
`control_chart` on the subgroups themselves, bad input, the DSL statement and the reading of a question.

Montgomery, Introduction to Statistical Quality Control (6th ed.), Example 6.1 (X̄ and R, n = 5, 25 samples,
X̿ = 74.001, R̄ = 0.023: X̄ limits 73.988 and 74.014, R chart UCL 0.049) and Example 6.3 (X̄ and S, s̄ = 0.0094:
X̄ limits 73.988 and 74.014, S chart UCL 0.0196).
"""

from __future__ import annotations

from decimal import Decimal

import numpy as np
import pytest

import dsl
from dsl.errors import DslError
from graphs.audit_checks import AUDITORS
from graphs.planning.nl import plan_question
from tools.errors import HavocInputError
from tools.registry import run_tool


def test_montgomery_piston_rings_xbar_r() -> None:
    out = run_tool("summary_chart", {"chart": "xbar_r", "n": 5, "grand_mean": 74.001, "r_bar": 0.023})
    assert round(out["xbar"]["lcl"], 3) == 73.988 and round(out["xbar"]["ucl"], 3) == 74.014
    assert out["spread"]["lcl"] == 0 and round(out["spread"]["ucl"], 3) == 0.049
    assert out["constants_used"]["A2"] == 0.577 and out["spread_chart"] == "R"


def test_montgomery_piston_rings_xbar_s() -> None:
    out = run_tool("summary_chart", {"chart": "xbar_s", "n": 5, "grand_mean": 74.001, "s_bar": 0.0094})
    assert round(out["xbar"]["lcl"], 3) == 73.988 and round(out["xbar"]["ucl"], 3) == 74.014
    assert out["spread"]["lcl"] == 0 and round(out["spread"]["ucl"], 4) == 0.0196


@pytest.mark.parametrize("chart", ["xbar_r", "xbar_s"])
def test_the_same_limits_as_control_chart_on_the_subgroups(chart: str) -> None:
    rng = np.random.default_rng(7)
    subgroups = np.round(rng.normal(50, 2, size=(20, 4)), 2).tolist()
    full = run_tool("control_chart", {"chart": chart, "subgroups": subgroups})
    spread = {"r_bar": float(np.mean([max(s) - min(s) for s in subgroups]))} if chart == "xbar_r" else \
        {"s_bar": float(np.mean([np.std(s, ddof=1) for s in subgroups]))}
    out = run_tool("summary_chart", {"chart": chart, "n": 4, "grand_mean": float(np.mean(subgroups)), **spread})
    # control_chart computes σ = R̄/d2 (or s̄/c4) then 3σ/√n; the printed A2 and A3 are those rounded to 3 decimals
    assert out["xbar"]["ucl"] == pytest.approx(full["ucl"], rel=1e-4)
    assert out["xbar"]["lcl"] == pytest.approx(full["lcl"], rel=1e-4)
    assert out["xbar"]["center"] == pytest.approx(full["center"], rel=1e-12)
    audit = AUDITORS["summary_chart"]({"chart": chart, "n": 4, "grand_mean": float(np.mean(subgroups)), **spread}, out)
    assert audit and all(c["passed"] for c in audit)


@pytest.mark.parametrize(("args", "field"), [
    ({"chart": "xbar_r", "n": 5, "grand_mean": 10, "s_bar": 0.2}, "r_bar"),
    ({"chart": "xbar_s", "n": 5, "grand_mean": 10, "r_bar": 0.2}, "s_bar"),
    ({"chart": "xbar_r", "n": 1, "grand_mean": 10, "r_bar": 0.2}, "n"),
    ({"chart": "xbar_r", "n": 5, "grand_mean": 10, "r_bar": -1}, "r_bar"),
    ({"chart": "xbar_r", "n": 5, "grand_mean": "nan", "r_bar": 1}, "grand_mean"),
    ({"chart": "xbar_s", "n": 5, "grand_mean": 10, "s_bar": "inf"}, "s_bar"),
])
def test_bad_figures_are_one_line_errors(args: dict, field: str) -> None:
    with pytest.raises(HavocInputError) as info:
        run_tool("summary_chart", args)
    assert field in str(info.value) and "\n" not in str(info.value)


def test_the_dsl_statement_runs_formats_and_checks() -> None:
    text = "summary chart xbar_r subgroup 5 mean 74.001 rbar 0.023 subgroups 25"
    (result,) = dsl.execute(dsl.parse(text))
    assert result.tool == "summary_chart" and round(result.output["xbar"]["ucl"], 3) == 74.014
    assert dsl.format(dsl.parse(text)).strip() == text
    with pytest.raises(DslError, match="takes sbar"):
        dsl.check(dsl.parse("summary chart xbar_s subgroup 5 mean 74.001 rbar 0.023"))


def test_a_question_with_the_grand_average_and_average_range_reads_as_summary_limits() -> None:
    (intent,) = plan_question("We pull 5 rings every hour; after 25 hours the grand average is 74.001 mm and the "
                              "average range is 0.023 mm. What are the X-bar and R chart limits?", "spc")
    assert intent.tool == "summary_chart"
    assert intent.args == {"chart": "xbar_r", "n": 5, "grand_mean": Decimal("74.001"), "r_bar": Decimal("0.023"),
                           "subgroups": 25}
    (intent,) = plan_question("Subgroups of 5; grand mean 74.001, average standard deviation 0.0094. X-bar and S "
                              "limits?", "spc")
    assert intent.args["chart"] == "xbar_s" and intent.args["s_bar"] == Decimal("0.0094")
    with pytest.raises(HavocInputError, match="subgroup size"):
        plan_question("The grand average is 74.001 and the average range 0.023. X-bar chart limits?", "spc")
