"""The registry's index of built-in tools agrees with what the modules register.

`get(name)` imports only the module `TOOL_MODULES` names for a tool (a full load of every tool
module costs about half a second of a cold `havoc-agent ask`), so a tool added, renamed or moved
must be listed there.
"""

from __future__ import annotations

import subprocess
import sys

from tools import registry


def test_index_names_every_builtin_tool_and_its_module():
    registered = {name: spec.func.__module__ for name, spec in registry.tools().items()}
    builtin = {name: module for name, module in registered.items()
               if module.startswith("tools.")}
    assert builtin == registry.TOOL_MODULES


def test_one_tool_imports_one_tool_module():
    code = ("import sys\nfrom tools import registry\nregistry.get('control_chart')\n"
            "print(sorted(m for m in sys.modules if m.startswith('tools.stats') or m == 'tools.symbolic'))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_unknown_tool_still_loads_everything_and_says_so():
    import pytest

    from tools.errors import HavocInputError

    with pytest.raises(HavocInputError, match="unknown tool 'describ'.*did you mean describe"):
        registry.get("describ")
    assert registry.get("dsl_run").name == "dsl_run"  # an entry-point tool, found by the full load
