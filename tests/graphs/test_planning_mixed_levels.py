"""Mixed-level full factorials written as groups of factors ("2 factors at three levels and 1 at two"), with or
without the level values, and the reading audit's factor count for such groups."""

from __future__ import annotations

from graphs.reading.calls import Call
from graphs.reading.cues import find_cues
from tests.graphs.planned import first_intent


def _levels(question: str) -> list:
    intent = first_intent(question, "doe")
    assert intent.tool == "doe_design" and intent.args["design"] == "full_factorial"
    return [f["levels"] for f in intent.args["factors"]]


def test_groups_of_factors_by_their_level_counts() -> None:
    got = _levels("Full factorial, three 2-level factors and one 4-level factor, run twice. Total runs?")
    assert [len(v) for v in got] == [2, 2, 2, 4]
    got = _levels("We have 2 factors with three levels and 1 factor with two levels; a full factorial please")
    assert [len(v) for v in got] == [3, 3, 2]


def test_group_levels_take_the_values_written_with_each_factor() -> None:
    intent = first_intent("Full factorial: 1 factor at three levels (feed 0.1, 0.2, 0.3 mm) and 2 factors at two levels "
                          "(tool: carbide, ceramic; coolant: on, off)", "doe")
    assert [(f["name"], [v if isinstance(v, str) else float(v) for v in f["levels"]]) for f in intent.args["factors"]] == [
        ("feed", [0.1, 0.2, 0.3]), ("tool", ["carbide", "ceramic"]), ("coolant", ["on", "off"])]


def test_one_level_count_for_every_factor_is_no_mixture() -> None:
    intent = first_intent("A full factorial with 3 factors at 2 levels each plus 2 centre points", "doe")
    assert intent.args["factors"] == 3 and "levels" not in intent.args


def _design(levels: list[list]) -> Call:
    factors = [{"name": f"F{i}", "levels": v} for i, v in enumerate(levels)]
    return Call("doe_design", {"design": "full_factorial"},
                {"design": "full_factorial", "factor_names": [f["name"] for f in factors], "factors": factors})


def test_the_audit_counts_the_factors_of_a_group_by_their_levels() -> None:
    q = "a full factorial with 2 factors at three levels and 1 factor at two levels"

    def honoured(calls: list[Call]) -> bool:
        return next(f for f in find_cues(q, calls) if f.cue.name == "factor count").honoured

    assert honoured([_design([[0, 1, 2], [0, 1, 2], [0, 1]])])
    assert not honoured([_design([[0, 1, 2], [0, 1]])])


def test_group_names_in_brackets_name_the_factors() -> None:
    got = first_intent("Room 4 trial: 1 factor at four levels (nozzle) and 2 factors at two levels (gas, shield cup), "
                       "full factorial, each combination twice. How many runs?", "doe")
    assert [f["name"] for f in got.args["factors"]] == ["nozzle", "gas", "shield_cup"]
    assert got.args["replicates"] == 2 and "runs" not in got.args
