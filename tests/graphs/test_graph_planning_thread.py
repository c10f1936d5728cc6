"""A conversation the way an engineer has it: a design, loose follow-ups, then the analysis."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from graphs.srs import run, thread_memory


def test_design_then_casual_follow_ups_then_effects(tmp_path: Path) -> None:
    with thread_memory(tmp_path / "threads.sqlite") as saver:
        first = run("2-level full factorial DOE: Temp 160 to 180 °C, Speed 20-40 rpm and Feed 0.1-0.3 mm",
                    thread_id="eng", checkpointer=saver)
        assert first["results"][0]["output"]["runs"] == 8
        second = run("ok, add 2 replicates", thread_id="eng", checkpointer=saver)
        assert second["results"][0]["tool"] == "doe_design"
        assert second["results"][0]["output"]["runs"] == 16
        third = run("can you randomise it?", thread_id="eng", checkpointer=saver)
        design = third["results"][0]
        assert design["args"]["randomize"] is True and design["output"]["runs"] == 16
        # the natural ranges survive every change
        assert min(row[0] for row in design["output"]["natural"]) == 160
        assert max(row[2] for row in design["output"]["natural"]) == 0.3


def test_analysis_of_the_previous_design_uses_its_run_order(tmp_path: Path) -> None:
    y = [45, 71, 48, 65, 68, 60, 80, 65]
    with thread_memory(tmp_path / "threads.sqlite") as saver:
        run("full factorial experiment with 3 factors at two levels", thread_id="a", checkpointer=saver)
        state = run("analyse it with these responses: " + ", ".join(map(str, y)), thread_id="a", checkpointer=saver)
    effects = [r for r in state["results"] if r["tool"] == "doe_effects"]
    assert effects, state.get("plan")
    # A is the fastest-changing column of a standard-order 2^3: mean(+) − mean(−)
    expected_a = np.mean(y[1::2]) - np.mean(y[0::2])
    assert abs(effects[-1]["output"]["effects"]["A"] - expected_a) < 1e-9


def test_follow_ups_change_the_previous_analysis_not_its_data(tmp_path: Path) -> None:
    from scipy import stats

    a, b = [20.1, 19.8, 20.5, 20.3, 19.9, 20.2], [20.9, 21.2, 20.7, 21.5, 20.8, 21.1]
    values = [10.0, 10.1, 9.9, 10.0, 10.2, 9.8, 10.1, 10.0, 9.9, 10.1, 12.5, 10.0, 9.9, 10.1]
    with thread_memory(tmp_path / "threads.sqlite") as saver:
        first = run(f"Compare machine A: {a} and machine B: {b}", thread_id="s", checkpointer=saver)
        assert first["results"][0]["args"]["kind"] == "welch"
        pooled = run("what if the variances are equal?", thread_id="s", checkpointer=saver)
        chart = run(f"I-MR chart: {values}", thread_id="s", checkpointer=saver)
        dropped = run("exclude point 11", thread_id="s", checkpointer=saver)
    test = pooled["results"][0]
    assert test["tool"] == "t_test" and test["args"]["kind"] == "pooled"
    assert abs(test["output"]["t"] - stats.ttest_ind(a, b, equal_var=True).statistic) < 1e-9
    assert chart["results"][0]["output"]["violations"]  # 12.5 is out
    kept = values[:10] + values[11:]
    imr = dropped["results"][0]
    assert imr["args"]["exclude"] == [10]
    assert abs(imr["output"]["center"] - float(np.mean(kept))) < 1e-9
