"""The shipped synthetic dialogues: reproducible from their generator, well-formed, arithmetic right."""

from __future__ import annotations

import json
import statistics

from havoc_model.corpus.dialogues import DEFAULT_COUNT, SHIPPED, generate
from havoc_model.data import shipped_sources


def test_shipped_file_is_exactly_the_generator_output() -> None:
    lines = generate()
    assert len(lines) == DEFAULT_COUNT
    assert SHIPPED.read_text(encoding="utf-8") == "\n".join(lines) + "\n"


def test_dialogues_are_well_formed_and_numbers_are_computed() -> None:
    checked = 0
    for line in SHIPPED.read_text(encoding="utf-8").splitlines():
        messages = json.loads(line)["messages"]
        assert [m["role"] for m in messages] == ["system", "user", "assistant", "tool", "assistant"]
        call = messages[2]["tool_calls"][0]
        result = json.loads(messages[3]["content"])
        if call["name"] == "describe":
            data = call["arguments"]["data"]
            assert float(result["mean"]) == float(f"{statistics.fmean(data):.4g}")
            assert float(result["sd"]) == float(f"{statistics.stdev(data):.4g}")
            assert result["mean"] in messages[4]["content"]
            checked += 1
        elif call["name"] == "control_limits":
            a = call["arguments"]
            assert float(result["ucl"]) == float(f"{a['center'] + a['k'] * a['sigma']:.8g}")
            checked += 1
    assert checked > 100


def test_shipped_sources_point_at_real_files() -> None:
    sources = {s.name: s for s in shipped_sources()}
    assert "dialogue" in sources
    assert all(p.exists() for s in sources.values() for p in s.paths)
