"""Readings numbered in prose: the numbers are labels, a reading left out by its number is taken out (or, on a
chart, excluded from the limits), and "every 10 min" is an interval, not a minimum (own phrasings, after round 19)."""

from __future__ import annotations

import statistics

import pytest

from graphs.planning.nl import plan_question
from graphs.planning.numbered_readings import numbered_readings
from tools.registry import run_tool

VALUES = ["12.41", "12.38", "12.45", "12.40", "13.90", "12.36", "12.43", "12.39"]


@pytest.mark.parametrize("item", ["#{i} {v};", "#{i}: {v},", "reading {i} = {v};", "no. {i} {v};"])
def test_numbered_readings_with_one_left_out_are_described_without_it(item: str) -> None:
    listed = " ".join(item.format(i=i, v=v) for i, v in enumerate(VALUES, start=1))
    q = (f"Bore gauge readings taken every 5 min: {listed} Reading #5 was a dropped part, so leave it out. "
         "What are the mean and SD of the others?")
    (intent,) = plan_question(q, "stats")
    kept = [float(v) for v in VALUES if v != "13.90"]
    assert intent.tool == "describe" and [float(x) for x in intent.args["data"]] == kept
    assert any("left out" in n for n in intent.notes) and any("labels" in n for n in intent.notes)
    out = run_tool("describe", intent.args)
    assert out["mean"] == pytest.approx(statistics.mean(kept)) and out["std_dev"] == pytest.approx(statistics.stdev(kept))


def test_on_a_chart_the_reading_left_out_stays_plotted_and_leaves_the_limits() -> None:
    listed = ", ".join(f"pt {i} = {v}" for i, v in enumerate(VALUES, start=1))
    (intent,) = plan_question(f"Individuals chart: {listed}. Exclude pt 5 from the limits (setup piece).", "spc")
    assert intent.tool == "control_chart" and [str(v) for v in intent.args["values"]] == VALUES
    assert intent.args["exclude"] == [4]  # zero-based position of reading 5


def test_three_numbered_items_are_not_enough_to_call_them_labels() -> None:
    q = "sample 1 2.5, sample 2 2.7, sample 3 2.6"
    assert numbered_readings(q) == (q, [])


def test_minutes_are_not_a_minimum() -> None:
    (intent,) = plan_question("Logged every 10 min: 5.1, 5.3, 4.9, 5.0, 5.2. What's the mean and sd?", "stats")
    assert intent.tool == "describe"
