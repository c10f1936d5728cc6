"""Execution: statements become registry calls with the tools' own argument names, in order."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import numpy as np
import pytest

import dsl
from tools.errors import HavocInputError
from tools.registry import run_tool

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def run(text: str, **kwargs):
    return dsl.execute(dsl.parse(text), **kwargs)


def test_results_come_in_order_with_statement_tool_args_and_output() -> None:
    results = run("describe [1, 2, 3, 4]\nttest one_sample [10.2, 9.8, 10.1, 10.4, 9.9] mu 10")
    assert [r.tool for r in results] == ["describe", "t_test"]
    first, second = results
    assert first.statement == "describe [1, 2, 3, 4]" and first.line == 1 and first.binding is None
    assert first.output["n"] == 4 and first.output["mean"] == pytest.approx(2.5)
    assert second.args == {"kind": "one_sample", "x": [Decimal("10.2"), Decimal("9.8"), Decimal("10.1"),
                                                        Decimal("10.4"), Decimal("9.9")], "mu": Decimal("10")}
    assert second.output == run_tool("t_test", second.args)


def test_numbers_reach_the_tools_as_decimals_and_json_as_numbers() -> None:
    (result,) = run("describe [1000000000000.4, 1000000000000.5, 1000000000000.7]")
    assert result.args["data"][0] == Decimal("1000000000000.4")
    assert result.output["mean"] == pytest.approx(1000000000000.5333, rel=1e-15)
    dumped = json.loads(result.model_dump_json())
    assert dumped["args"]["data"] == [1000000000000.4, 1000000000000.5, 1000000000000.7]


def test_design_binding_feeds_analysis_in_a_later_run() -> None:
    env: dict = {}
    (design,) = run("let d = design full_factorial {\n factors 4\n}", env=env)
    assert design.binding == "d" and design.tool == "doe_design" and design.output["runs"] == 16
    assert env["d"]["kind"] == "design"
    stored = json.loads(json.dumps(env))  # what the graph keeps between questions
    response = "[45, 71, 48, 65, 68, 60, 80, 65, 43, 100, 45, 104, 75, 86, 70, 96]"
    (effects,) = run(f"analyze d with response {response}", env=stored)
    assert effects.tool == "doe_effects"
    # Montgomery's filtration example (also a certified reference case)
    assert effects.output["effects"]["A"] == pytest.approx(21.625)
    assert effects.output["effects"]["AC"] == pytest.approx(-18.125)


def test_responses_in_run_order_are_put_back_in_standard_order() -> None:
    env: dict = {}
    (design,) = run("let d = design full_factorial { factors 2 randomize seed 3 }", env=env)
    standard = [Decimal(v) for v in ("10", "20", "30", "45")]
    run_order = design.output["run_order"]
    as_run = [None] * 4
    for row, position in enumerate(run_order):
        as_run[position - 1] = standard[row]
    (by_standard,) = run(f"analyze d with response [{', '.join(map(str, standard))}]", env=env)
    (by_run,) = run(f"analyze d with response [{', '.join(map(str, as_run))}] in run order", env=env)
    assert by_run.args["response"] == standard
    assert by_run.output["effects"] == by_standard.output["effects"]


def test_surface_designs_default_to_a_response_surface() -> None:
    results = run((EXAMPLES / "doe_box_behnken.havoc").read_text())
    assert [r.tool for r in results] == ["doe_design", "doe_properties", "rsm_fit", "doe_anova"]
    surface = results[2]
    assert surface.args["factors"][0] == {"name": "temperature", "low": 150.0, "high": 200.0}
    assert results[3].args["model"] == "quadratic"


def test_csv_columns_subgroups_and_labels(tmp_path: Path) -> None:
    (tmp_path / "parts.csv").write_text("lot;width;shift\n1;10.1;a\n1;10.3;b\n2;9.9;a\n2;10.0;b\n3;10.2;a\n3;10.4;b\n")
    results = run(
        'chart xbar_r from "parts.csv" column width subgroup column lot\n'
        "chart xbar_s from \"parts.csv\" column width subgroup 2\n"
        'anova one_way from "parts.csv" column width by column shift\n'
        'let w = from "parts.csv" column width\n'
        "describe w",
        base_dir=tmp_path,
    )
    by_label, by_size, anova, describe = results
    assert by_label.args["subgroups"] == [[Decimal("10.1"), Decimal("10.3")], [Decimal("9.9"), Decimal("10.0")],
                                          [Decimal("10.2"), Decimal("10.4")]]
    assert by_size.args["subgroup_size"] == 2 and len(by_size.args["values"]) == 6
    assert anova.args["labels"] == ["a", "b"] and len(anova.args["groups"]) == 2
    assert describe.args["data"][0] == Decimal("10.1")


def test_two_way_anova_from_csv_names_its_factors() -> None:
    (result,) = run('anova two_way from "data/battery.csv" column life by column material and column temperature',
                    base_dir=EXAMPLES)
    assert result.args["factor_a"] == "material" and result.args["factor_b"] == "temperature"
    assert result.output["df_a"] == 2 and result.output["df_ab"] == 4


def test_chart_and_capability_arguments() -> None:
    chart, p_chart, capability = run(
        "chart imr [1, 2, 3, 2, 9] k_sigma 2.5 exclude [4] rules nelson\n"
        "chart p [3, 4, 2] size 50\n"
        "capability [[74.01, 73.99], [74.0, 74.02], [73.98, 74.0]] lsl 73.95 usl 74.05"
    )
    assert chart.args == {"chart": "imr", "values": [1, 2, 3, 2, 9], "k_sigma": Decimal("2.5"), "exclude": [4],
                          "rules": "nelson"}
    assert p_chart.args["subgroup_size"] == 50 and p_chart.args["counts"] == [3, 4, 2]
    assert capability.args["subgroups"][0] == [Decimal("74.01"), Decimal("73.99")]


def test_regression_shapes() -> None:
    simple, poly, multiple = run(
        "regression [1, 2, 3.1, 3.9] on [1, 2, 3, 4] without intercept\n"
        "regression [1, 4, 9.2, 16.1, 25] on [1, 2, 3, 4, 5] degree 2\n"
        "regression [1, 2, 4, 3, 5] on [[1, 2], [2, 1], [3, 4], [4, 3], [5, 5]]"
    )
    assert simple.args["intercept"] is False and "x" in simple.args
    assert poly.args["degree"] == 2 and len(poly.output["coefficients"]) == 3
    assert "X" in multiple.args and len(multiple.output["coefficients"]) == 3


def test_symbolic_statements_send_text_and_never_evaluate() -> None:
    derivative, integral, limit = run(
        "derivative of x^3 * sin(x) by x\nintegral of x^2 by x from 0 to 1\nlimit of sin(x)/x as x to 0 from right"
    )
    assert derivative.args == {"expression": "x**3*sin(x)", "variable": "x"}
    assert derivative.output["result"].replace(" ", "") in ("x**3*cos(x)+3*x**2*sin(x)", "3*x**2*sin(x)+x**3*cos(x)")
    assert integral.output["result"] == "1/3"
    assert limit.args["direction"] == "+" and limit.output["result"] == "1"


def test_hostile_formulas_reach_the_safe_parser_as_plain_text() -> None:
    with pytest.raises(dsl.DslError) as info:
        run("simplify __import__(os)")
    assert "simplify" in str(info.value)


def test_tool_errors_are_located_at_their_statement() -> None:
    with pytest.raises(dsl.DslRuntimeError) as info:
        run("describe [1, 2]\n\ndescribe [5]", )
    err = info.value
    assert err.line == 3 and "describe:" in str(err)


def test_pure_data_bindings_run_no_tool() -> None:
    env: dict = {}
    assert run('let x = [1, 2.50]\nlet names = ["a", "b"]\nlet t = [[1, 2], [3, 4]]', env=env) == []
    assert env["x"] == {"kind": "data", "numbers": ["1", "2.50"]}
    assert env["names"] == {"kind": "data", "labels": ["a", "b"]}
    assert env["t"]["rows"] == [["1", "2"], ["3", "4"]]


def test_malformed_bindings_from_outside_are_clean_errors() -> None:
    with pytest.raises(dsl.DslError, match="not a number"):
        run("describe x", env={"x": {"kind": "data", "numbers": ["1", "abc"]}})
    with pytest.raises(dsl.DslError, match="not a design"):
        run("properties of d", env={"d": {"kind": "design", "output": {"runs": 3}}})


def test_dsl_run_tool_is_registered() -> None:
    out = run_tool("dsl_run", {"program": "describe [1, 2, 3]\nlet y = [4, 5]"})
    assert out["results"][0]["tool"] == "describe"
    assert out["bindings"]["y"]["numbers"] == ["4", "5"]
    again = run_tool("dsl_run", {"program": "describe y", "bindings": out["bindings"]})
    assert again["results"][0]["output"]["n"] == 2


def test_confined_runs_read_only_files_under_base_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    inside = tmp_path / "inside"
    inside.mkdir()
    (inside / "ok.csv").write_text("y\n1\n2\n")
    (tmp_path / "secret.csv").write_text("password\nhunter2\n")
    program = dsl.parse('describe from "ok.csv" column y')
    assert dsl.execute(program, base_dir=inside, confine_files=True)[0].output["n"] == 2
    for escape in ('"../secret.csv"', f'"{tmp_path / "secret.csv"}"'):
        with pytest.raises(dsl.DslSemanticError, match="data files are read from") as info:
            dsl.execute(dsl.parse(f"describe from {escape} column password"), base_dir=inside, confine_files=True)
        assert "hunter2" not in str(info.value) and "password" not in str(info.value).split("column")[-1]


def test_dsl_run_tool_reads_only_under_the_data_dir_setting(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The tool's directory is a setting (HAVOC_DATA_DIR), not an argument a caller could point at '/'."""
    inside = tmp_path / "inside"
    inside.mkdir()
    (inside / "ok.csv").write_text("y\n1\n2\n")
    (tmp_path / "secret.csv").write_text("password\nhunter2\n")
    (inside / "link.csv").symlink_to(tmp_path / "secret.csv")
    monkeypatch.setenv("HAVOC_DATA_DIR", str(inside))
    out = run_tool("dsl_run", {"program": 'describe from "ok.csv" column y'})
    assert out["results"][0]["output"]["n"] == 2
    for escape in ('"../secret.csv"', f'"{tmp_path / "secret.csv"}"', '"link.csv"', '"~/secret.csv"', '"/etc/passwd"'):
        with pytest.raises(dsl.DslError, match="data files are read from|no such file"):
            run_tool("dsl_run", {"program": f"describe from {escape} column password"})
    with pytest.raises(HavocInputError, match="Extra inputs|base_dir"):
        run_tool("dsl_run", {"program": "describe [1, 2]", "base_dir": "/"})


def test_multi_level_factorials_default_to_anova() -> None:
    env: dict = {}
    run('let d = design full_factorial { factor a levels [1, 2, 3] factor b levels ["x", "y"] }', env=env)
    (result,) = run("analyze d with response [5, 6, 7, 6, 8, 9]", env=env)
    assert result.tool == "doe_anova"


def test_known_standards_use_std_dev_and_sigma_is_not_a_chart_option() -> None:
    (result,) = run("chart imr [74.01, 73.99, 74.0, 74.02] center 74 std_dev 0.01 k_sigma 3")
    assert result.args["center"] == 74 and result.args["sigma"] == Decimal("0.01")
    assert result.output["center"] == pytest.approx(74) and result.output["ucl"] == pytest.approx(74.03)
    with pytest.raises(dsl.DslSyntaxError, match="unexpected `sigma`"):
        dsl.parse("chart imr [1, 2, 3] sigma 3")


def test_ranktest_reaches_the_rank_tools_with_r_documented_values() -> None:
    """R's ?wilcox.test examples (Hollander & Wolfe 1973, pp. 29 and 69): W = 35, p = 0.1272; V = 40, p = 0.01953."""
    mw, sr = run("ranktest mann_whitney [0.80, 0.83, 1.89, 1.04, 1.45, 1.38, 1.91, 1.64, 0.73, 1.46] and "
                 "[1.15, 0.88, 0.90, 0.74, 1.21] alternative greater\n"
                 "ranktest signed_rank [1.83, 0.50, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.30] and "
                 "[0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29] alternative greater confidence 0.9")
    assert (mw.tool, sr.tool) == ("mann_whitney", "wilcoxon_signed_rank")
    assert mw.output["statistic"] == 35 and mw.output["p_value"] == pytest.approx(0.1272, abs=5e-5)
    assert sr.output["statistic"] == 40 and sr.output["p_value"] == pytest.approx(0.01953, abs=5e-6)
    assert sr.args["alternative"] == "greater" and sr.args["confidence"] == Decimal("0.9")
    with pytest.raises(dsl.DslError, match="two samples"):
        run("ranktest mann_whitney [1, 2, 3]")


def test_ranktest_sign_reaches_the_sign_test_with_its_method() -> None:
    """Ten pairs, 8 up and 2 down: R's binom.test(8, 10) p = 0.1094 (exactly 112/1024); `method normal` is the
    continuity-corrected z = (8 - 5 - 0.5)/√2.5 = 1.5811, p = 0.1138."""
    exact, normal = run("ranktest sign [5, 6, 7, 8, 9, 10, 11, 12, 13, 14] and [4, 5, 6, 7, 8, 9, 10, 11, 14, 15]\n"
                        "ranktest sign [5, 6, 7, 8, 9, 10, 11, 12, 13, 14] and [4, 5, 6, 7, 8, 9, 10, 11, 14, 15] "
                        "method normal")
    assert (exact.tool, normal.tool) == ("sign_test", "sign_test")
    assert (exact.output["positives"], exact.output["negatives"]) == (8, 2)
    assert exact.output["p_value"] == pytest.approx(112 / 1024, rel=1e-12)
    assert normal.output["z"] == pytest.approx(1.5811, abs=5e-5) and normal.output["p_value"] == pytest.approx(
        0.1138, abs=5e-5)
    with pytest.raises(dsl.DslError, match="same length"):
        run("ranktest sign [1, 2, 3] and [1, 2]")


def test_proptest_reaches_proportion_test_with_r_documented_values() -> None:
    """R ?binom.test (Mendel's peas): binom.test(682, 925, p = 3/4) p = 0.3825; R ?fisher.test TeaTasting,
    alternative greater: p = 0.2429."""
    one, two = run("proptest 682 of 925 p0 0.75\nproptest 3 of 4 and 1 of 4 method fisher alternative greater")
    assert (one.tool, two.tool) == ("proportion_test", "proportion_test")
    assert one.output["p_value"] == pytest.approx(0.3825, abs=5e-5) and one.args == {"x": [682], "n": [925],
                                                                                     "p0": Decimal("0.75")}
    assert two.output["p_value"] == pytest.approx(0.2429, abs=5e-5) and two.args["alternative"] == "greater"
    with pytest.raises(dsl.DslError, match="successes cannot exceed trials"):
        run("proptest 5 of 3")
    with pytest.raises(dsl.DslError, match="p0 is for one proportion"):
        run("proptest 2 of 10 and 3 of 10 p0 0.4")


def test_summary_statements_reach_the_summary_tools() -> None:
    """R ?t.test (sleep): Welch p = 0.07939 from the groups' mean/sd/n; Montgomery hard-bake Cp = 1.192."""
    welch, cap = run("summary ttest welch mean 0.75 sd 1.78901837 size 10 and mean 2.33 sd 2.00224872 size 10\n"
                     "summary capability mean 1.5056 sd 0.1398 sigma within lsl 1 usl 2")
    assert (welch.tool, cap.tool) == ("summary_t_test", "summary_capability")
    assert welch.output["p_value"] == pytest.approx(0.07939, abs=5e-6) and welch.args["n2"] == 10
    assert cap.output["cp"] == pytest.approx(1.192, abs=5e-4) and cap.args["sigma"] == "within"
    with pytest.raises(dsl.DslError, match="compares two samples"):
        run("summary ttest pooled mean 1 sd 1 size 10")
    with pytest.raises(dsl.DslError, match="specification limit"):
        run("summary capability mean 1 sd 1")


def test_power_statement_reaches_the_power_tool() -> None:
    """R ?power.t.test: power.t.test(n = 20, delta = 1) -> power = 0.8689528; Cohen (1988): d = 0.5, power .80
    -> 64 per group."""
    given_n, solved = run("power two_sample_t delta 1 sd 1 size 20\npower two_sample_t effect 0.5 for power 0.8")
    assert given_n.tool == solved.tool == "power"
    assert given_n.output["power"] == pytest.approx(0.8689528, abs=1e-6)
    assert solved.output["n_per_group"] == [64, 64] and solved.args["power"] == Decimal("0.8")
    with pytest.raises(dsl.DslError, match="one of them"):
        run("power two_sample_t effect 0.5")
    with pytest.raises(dsl.DslError, match="groups K"):
        run("power anova effect 0.25 for power 0.8")


def test_extrema_statement_sends_the_interval_and_checks_its_shape() -> None:
    (on_interval, two_vars) = run("extrema of x^3 - 3*x by x from -3 to 2\nextrema of x^2 + y^2 - 2*x by x, y")
    assert on_interval.args == {"expression": "x**3 - 3*x", "variables": ["x"], "lower": "-3", "upper": "2"}
    assert on_interval.output["absolute_min"]["value"]["exact"] == "-18"
    assert two_vars.args["variables"] == ["x", "y"] and two_vars.output["points"][0]["kind"] == "local minimum"
    with pytest.raises(dsl.DslError, match="one variable") as info:
        run("describe [1, 2, 3]\nextrema of x*y by x, y from 0 to 1")
    assert info.value.line == 2


def test_extrema_over_an_open_or_half_open_interval() -> None:
    (half_line, half_open) = run("extrema of 3*x + 200/x^2 by x over (0, oo)\nextrema of x^2 by x over (-1, 2]")
    assert half_line.args == {"expression": "3*x + 200/x**2", "variables": ["x"], "lower": "0", "upper": "oo",
                              "lower_open": True, "upper_open": True}
    assert half_line.output["interval"] == "(0, oo)" and half_line.output["absolute_max"] is None
    assert half_open.args["lower_open"] is True and "upper_open" not in half_open.args
    assert half_open.output["absolute_max"]["at"] == ["2"] and half_open.output["absolute_max"]["end"] == ["right"]
    assert dsl.format(dsl.parse("extrema of x^2 by x over (-1,2]")).strip() == "extrema of x^2 by x over (-1, 2]"
    with pytest.raises(dsl.DslError) as info:
        run("extrema of x^2 by x over (0, 1")
    assert (info.value.line, info.value.column) == (1, 31)  # the end of the line, where ) or ] is missing


def test_samplesize_statement_for_a_mean_and_a_proportion() -> None:
    (mean, share) = run("samplesize mean sd 0.8 margin 0.2\n"
                        "samplesize proportion margin 0.05 confidence 0.95 population 2000")
    assert mean.tool == "sample_size_ci" and mean.output["n"] == 62  # (1.959964 · 0.8 / 0.2)² = 61.46
    assert share.args["population"] == 2000 and share.output["n"] == 323  # 384.15 / (1 + 383.15 / 2000) = 322.4
    for program, message in (("samplesize mean margin 0.2", "needs `sd S`"),
                             ("samplesize proportion margin 3", "margin is below 1"),
                             ("samplesize mean sd 2 margin 1 width 2", "one of them"),
                             ("samplesize proportion sd 2 margin 0.1", "`sd` is for a mean")):
        with pytest.raises(dsl.DslError, match=message):
            run(program)


def test_mcnemar_statement_takes_a_table_or_the_discordant_pairs() -> None:
    (table, pairs) = run("mcnemar [[794, 150], [86, 570]]\nmcnemar discordant 12 5 method exact confidence 0.9")
    assert table.tool == "mcnemar" and (table.output["b"], table.output["c"]) == (150, 86)
    assert pairs.args == {"b": 12, "c": 5, "method": "exact", "confidence": Decimal("0.9")}
    with pytest.raises(dsl.DslError, match="2 x 2 table") as info:
        run("mcnemar [[1, 2, 3], [4, 5, 6]]")
    assert (info.value.line, info.value.column) == (1, 9)


def test_friedman_statement_takes_one_row_per_treatment() -> None:
    (result,) = run("friedman [[7, 8, 6], [5, 6, 4], [6, 7, 6]]")
    assert result.tool == "friedman" and result.output["rank_sums"] == [8.5, 3.0, 6.5]
    with pytest.raises(dsl.DslError, match="one value per block"):
        run("friedman [[7, 8, 6], [5, 6]]")


def test_analyze_with_a_first_order_model_and_model_without_anova_is_an_error() -> None:
    program = ("let d = design full_factorial { factors 2 center_points 3 }\n"
               "analyze d with response [10.1, 12.2, 10.9, 14.8, 12.5, 12.9, 12.7] method anova model first_order")
    _, fitted = run(program)
    assert fitted.tool == "doe_anova" and fitted.args["model"] == "first_order"
    assert "Curvature" not in {r["source"] for r in fitted.output["table"]}
    assert dsl.format(dsl.parse(program)).strip().endswith("method anova model first_order")
    with pytest.raises(dsl.DslError) as err:
        run("let d = design full_factorial { factors 2 }\nanalyze d with response [1, 2, 3, 4] method effects model main")
    assert "method anova model main" in str(err.value) and "\n" not in str(err.value)
    program = program.replace("model first_order", "model interactions without curvature")
    _, fitted = run(program)
    assert fitted.args["curvature"] is False and fitted.output["terms"] == ["A", "B", "AB"]
    assert dsl.format(dsl.parse(program)).strip().endswith("method anova model interactions without curvature")
    with pytest.raises(dsl.DslError) as err:
        run("let d = design full_factorial { factors 2 }\nanalyze d with response [1, 2, 3, 4] method effects "
            "without curvature")
    assert "method anova without curvature" in str(err.value) and "\n" not in str(err.value)


def test_cost_totals_a_design_and_a_sample_size() -> None:
    design, size = run("let d = design full_factorial {\n    factors 3\n    replicates 2\n    cost 40\n}\n"
                       "samplesize proportion margin 0.05 cost 2.5")
    assert design.args["cost_per_run"] == Decimal("40") and design.output["total_cost"] == pytest.approx(16 * 40)
    assert size.output["total_cost"] == pytest.approx(size.output["n"] * 2.5)
    power = run("power two_sample_t delta 2 sd 3.5 for power 0.9 cost 40")[0]
    assert power.args["cost_per_unit"] == Decimal("40") and power.output["total_cost"] == pytest.approx(132 * 40)
    assert dsl.format(dsl.parse("power two_sample_t delta 2 sd 3.5 for power 0.9 cost 40")).strip() == \
        "power two_sample_t delta 2 sd 3.5 for power 0.9 cost 40"
    text = "let d = design full_factorial {\n    factors 3\n    cost 40\n}"
    assert dsl.format(dsl.parse(text)).strip() == text
    with pytest.raises(dsl.DslError) as err:
        run("samplesize mean margin 1 sd 2 cost 0")
    assert "cost must be greater than 0" in str(err.value) and "\n" not in str(err.value)


def test_analyze_with_the_full_model_fits_every_interaction() -> None:
    response = [50.1, 51.9, 54.2, 54.3, 48.5, 51.4, 51.8, 53.8, 51.3, 52.9, 55.4, 53.8, 48.4, 49.6, 51.8, 53.8]
    _, fitted = run("let d = design full_factorial {\n    factors 3\n    replicates 2\n}\n"
                    f"analyze d with response {response} method anova model full")
    rows = {r["source"]: r for r in fitted.output["table"]}
    assert "ABC" in rows and rows["Error"]["df"] == 8
    # Montgomery-style hand check: SS_A = (contrast)^2 / (n 2^k), the error the within-cell scatter of the pairs
    y = np.array(response).reshape(2, 8)
    signs = np.array([-1, 1, -1, 1, -1, 1, -1, 1])
    assert rows["A"]["ss"] == pytest.approx(float((signs * y.sum(axis=0)).sum()) ** 2 / 16)
    assert rows["Error"]["ss"] == pytest.approx(float(((y - y.mean(axis=0)) ** 2).sum()))
