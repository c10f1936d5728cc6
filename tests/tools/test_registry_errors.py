"""The registry's safety net: arithmetic errors escaping a tool are bad input naming the tool, in one line."""

from __future__ import annotations

import dataclasses
import decimal
import math
from contextvars import ContextVar

import numpy as np
import pytest

from havoc_agent.cli import main
from tools import registry
from tools.errors import HavocInputError


def _overflow(args):
    return math.exp(float(args.data[0]) * 1e6)  # a real OverflowError from the maths library


def _zero_division(args):
    return 1 / (float(args.data[0]) - float(args.data[0]))


def _numpy_trap(args):
    with np.errstate(all="raise"):  # numpy raises FloatingPointError instead of returning nan
        return np.asarray([0.0]) / np.asarray([float(args.data[0]) * 0])


def _decimal_trap(args):
    return decimal.Decimal(1) / decimal.Decimal(0)  # decimal.DivisionByZero is an ArithmeticError too


def _patched(monkeypatch: pytest.MonkeyPatch, func) -> None:
    spec = registry.get("describe")
    monkeypatch.setitem(registry._REGISTRY, "describe", dataclasses.replace(spec, func=func))
    # the patch lives in this process: run tools here, not in a worker (which would not see it)
    monkeypatch.setattr(registry, "_in_process", ContextVar("in_process", default=True))


@pytest.mark.parametrize(("func", "words"), [
    (_overflow, "too large to represent"),
    (_zero_division, "division by zero"),
    (_numpy_trap, "invalid floating-point operation"),
    (_decimal_trap, "division by zero"),
])
def test_arithmetic_error_is_one_line_input_error_naming_the_tool(monkeypatch, func, words) -> None:
    _patched(monkeypatch, func)
    with pytest.raises(HavocInputError) as info:
        registry.run_tool("describe", {"data": [3, 4]})
    message = str(info.value)
    assert message.startswith("describe: ")
    assert words in message
    assert "\n" not in message
    assert info.value.__cause__ is None and info.value.__suppress_context__


def test_cli_reports_it_with_exit_code_2_and_no_traceback(monkeypatch, capsys) -> None:
    _patched(monkeypatch, _overflow)
    assert main(["tool", "run", "describe", "--args", '{"data": [3, 4]}']) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: describe: ") and "OverflowError" in err
    assert "Traceback" not in err and "internal error" not in err
    assert len(err.strip().splitlines()) == 1


def test_dsl_statement_gets_it_located(monkeypatch) -> None:
    import dsl

    _patched(monkeypatch, _zero_division)
    with pytest.raises(dsl.DslError) as info:
        dsl.execute(dsl.parse("describe [1, 2, 3]\n"))
    assert info.value.line == 1 and "describe: " in info.value.detail and "division by zero" in info.value.detail


def test_other_exceptions_are_not_swallowed(monkeypatch) -> None:
    """Only arithmetic is the input's doing; a KeyError in a tool is our bug and must stay visible."""
    def bug(args):
        raise KeyError("oops")

    _patched(monkeypatch, bug)
    with pytest.raises(KeyError):
        registry.run_tool("describe", {"data": [3, 4]})


def test_validation_still_comes_first(monkeypatch) -> None:
    _patched(monkeypatch, _overflow)
    with pytest.raises(HavocInputError, match="data"):
        registry.run_tool("describe", {"data": []})
