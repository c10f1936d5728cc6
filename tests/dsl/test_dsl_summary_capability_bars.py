"""`summary capability mean M rbar R subgroup N …` (and sbar): grammar, round trip, checker."""

from __future__ import annotations

import pytest

import dsl


def test_rbar_round_trips_and_reaches_the_tool() -> None:
    program = dsl.parse("summary capability mean 25.406 rbar 0.0234 subgroup 4 lsl 25.37 usl 25.43")
    assert dsl.parse(dsl.format(program)) == program
    (run,) = dsl.execute(program)
    assert float(run.args["rbar"]) == pytest.approx(0.0234) and run.args["subgroup"] == 4
    assert run.output["cpk"] == pytest.approx(0.703932, rel=1e-5)


@pytest.mark.parametrize(("program", "message"), [
    ("summary capability mean 25.4 rbar 0.02 subgroup 1 lsl 25.3", "at least 2"),
    ("summary capability mean 25.4 sbar 0.02 subgroup 4 sigma within lsl 25.3", "`sigma` is for an sd"),
])
def test_bad_options_are_errors(program: str, message: str) -> None:
    with pytest.raises(dsl.DslError) as err:
        dsl.check(dsl.parse(program), env={})
    assert message in str(err.value)


def test_a_missing_subgroup_size_is_a_syntax_error_with_its_place() -> None:
    with pytest.raises(dsl.DslSyntaxError) as err:
        dsl.parse("summary capability mean 25.4 rbar 0.02 lsl 25.3")
    assert err.value.line == 1 and err.value.column == 40
