"""Every tool, every argument, wrong and hostile values: a result or a clean `HavocInputError`, nothing else.

Bounded (a few seconds per tool) and derandomised, so the suite stays fast and a failure repeats.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings

from tests.reliability.hostile import arguments
from tools.errors import HavocInputError
from tools.registry import run_tool, tools

NAMES = sorted(tools())


@pytest.mark.parametrize("name", NAMES)
def test_hostile_arguments_end_cleanly(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HAVOC_TOOL_TIMEOUT_S", "10")
    schema = tools()[name].json_schema()

    @settings(max_examples=40, derandomize=True, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(arguments(schema))
    def sweep(args: dict) -> None:
        if "timeout_s" in schema.get("properties", {}):
            args["timeout_s"] = 2
        try:
            run_tool(name, args)
        except HavocInputError as exc:
            assert "\n" not in str(exc) or name == "dsl_run"

    sweep()
