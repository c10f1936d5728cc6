"""Every certified reference file is claimed by one of the reference tests: a new kind cannot slip by unchecked."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _kinds(module_file: str) -> set[str]:
    spec = importlib.util.spec_from_file_location(module_file, HERE / module_file)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return set(module.KINDS)


def test_every_reference_kind_has_a_test(reference_dir: Path) -> None:
    claimed = set()
    for name in ("test_reference_stats.py", "test_reference_doe.py", "test_reference_spc.py"):
        claimed |= _kinds(name)
    files = sorted(reference_dir.glob("*.json"))
    assert files
    unclaimed = {p.name: json.loads(p.read_text())["kind"] for p in files
                 if json.loads(p.read_text())["kind"] not in claimed}
    assert not unclaimed, f"reference files no test checks: {unclaimed}"
