"""`havoc-agent knowledge ...`: output, JSON, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from havoc_agent.cli import main
from havoc_agent.commands.knowledge import parse_where
from tools.errors import HavocInputError


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["knowledge", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_search_prints_citations(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "search", "Box-Behnken design runs", "-k", "3")
    assert code == 0
    assert out.startswith("[1] Box-Behnken design § ")
    assert "(box-behnken.md, score" in out


def test_search_json_and_where(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "search", "control limits", "-k", "4", "--where", "topic=spc", "--json")
    assert code == 0
    passages = json.loads(out)
    assert len(passages) == 4 and all("spc" in p["topics"] for p in passages)


def test_search_without_results_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "search", "what is the capital of France")
    assert code == 0
    assert out.strip() == "no passages match 'what is the capital of France'"


@pytest.mark.parametrize(
    ("argv", "field"),
    [
        (("search", "x", "--where", "topic"), "--where"),
        (("search", "x", "--where", "colour=red"), "where"),
        (("search", "x", "-k", "0"), "k"),
        (("search", ""), "query"),
    ],
)
def test_bad_input_exits_2_with_one_line(capsys: pytest.CaptureFixture[str], argv: tuple[str, ...], field: str) -> None:
    code, _, err = run(capsys, *argv)
    assert code == 2
    assert err.startswith(f"error: {field}:") and err.count("\n") == 1


def test_parse_where_lists() -> None:
    assert parse_where(["topic=spc,doe", "source=a.md"]) == {"topic": ["spc", "doe"], "source": "a.md"}
    assert parse_where([]) is None
    with pytest.raises(HavocInputError):
        parse_where(["=x"])


def test_ingest_stats_reset_in_a_private_home(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HAVOC_HOME", str(tmp_path / "home"))
    doc = tmp_path / "sop.md"
    doc.write_text("# Gauge check\n\nZero the micrometer against the 25 mm standard every morning.\n")
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe\x00")

    code, out, err = run(capsys, "ingest", str(doc), str(tmp_path / "bad.txt"), "--topic", "spc")
    assert code == 0
    assert "ingested 1 new" in out and "1 skipped" in out
    assert "warning:" in err and "bad.txt" in err

    code, out, _ = run(capsys, "stats", "--json")
    stats = json.loads(out)
    assert code == 0 and stats["chunks"] == 1 and stats["user_sources"][0]["source"].endswith("sop.md")

    code, out, err = run(capsys, "ingest", str(tmp_path / "bad.txt"))
    assert code == 2 and "no file could be ingested" in err

    code, out, _ = run(capsys, "reset")
    assert code == 0 and out.startswith("removed 1 chunks")
