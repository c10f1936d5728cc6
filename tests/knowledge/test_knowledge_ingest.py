"""Ingest: incremental by content hash, locked, skips bad files, never leaves a hole.

Each test gets its own HAVOC_HOME, so writes never leak into the session store.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from filelock import FileLock

from knowledge import admin, ingest, settings
from knowledge.ingest import CORPUS_DIR, ensure_builtin, ingest_paths
from knowledge.retrieval import retrieve
from knowledge.store import Store, get_store
from tools.errors import HavocInputError

SOP = """---
title: Torque SOP
topics: [spc, assembly]
---
# Torque SOP

## Procedure

Tighten every M8 flange bolt to 25 Nm with the calibrated click wrench, then mark the
bolt head with yellow paint. Record the wrench serial number on the traveller sheet.

## Audit

Once per shift the supervisor re-checks five marked bolts with the digital torque
analyser and charts the breakaway torque on an individuals chart. A reading outside
the limits stops the line until the wrench is re-calibrated and the lot is re-checked.
"""


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("HAVOC_HOME", str(tmp_path / "home"))
    return tmp_path / "home"


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "torque.md").write_text(SOP, encoding="utf-8")
    (folder / "notes.txt").write_text(
        "Humidity in the paint booth must stay between 40 and 60 percent.\n\n"
        "Above 60 percent the clear coat blushes and the panel is scrapped.\n",
        encoding="utf-8",
    )
    (folder / "empty.md").write_text("", encoding="utf-8")
    (folder / "blob.txt").write_bytes(b"\x00\x01binary")
    (folder / ".hidden.md").write_text("secret", encoding="utf-8")
    (folder / "image.png").write_bytes(b"\x89PNG")
    return folder


def ids_by_source(store: Store) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for record in store.records(include_text=False):
        out.setdefault(record.metadata["source"], set()).add(record.id)
    return out


def test_ingest_skips_bad_files_with_one_line_warnings(home: Path, docs: Path) -> None:
    warnings: list[str] = []
    report = ingest_paths([docs, docs / "missing.md"], warn=warnings.append, progress=False)
    assert report.files_added == 2
    assert report.chunks_added == report.total_chunks == 3  # two SOP sections + one note
    skipped = {Path(s.path).name: s.reason for s in report.skipped}
    assert set(skipped) == {"empty.md", "blob.txt", "missing.md"}  # hidden and .png files are not searched
    assert "empty" in skipped["empty.md"] and "binary" in skipped["blob.txt"]
    assert len(warnings) == 3 and all("\n" not in w and "skipped" in w for w in warnings)
    store = get_store()
    meta = next(r.metadata for r in store.records() if r.metadata["source"] == "torque.md")
    assert meta["title"] == "Torque SOP"
    assert meta["topics"] == ["assembly", "spc"]
    assert meta["source_key"] == str((docs / "torque.md").resolve())
    assert meta["builtin"] is False
    notes = next(r.metadata for r in store.records() if r.metadata["source"] == "notes.txt")
    assert notes["topics"] == ["general"]


def test_reingest_is_a_no_op_and_a_change_replaces_only_that_file(home: Path, docs: Path) -> None:
    ingest_paths([docs], warn=lambda _: None, progress=False)
    store = get_store()
    before = ids_by_source(store)
    generation = store.generation()

    again = ingest_paths([docs], warn=lambda _: None, progress=False)
    assert (again.files_unchanged, again.chunks_added, again.chunks_removed) == (2, 0, 0)
    assert store.generation() == generation

    (docs / "torque.md").write_text(SOP.replace("25 Nm", "27 Nm"), encoding="utf-8")
    changed = ingest_paths([docs], warn=lambda _: None, progress=False)
    assert (changed.files_changed, changed.files_unchanged) == (1, 1)
    assert changed.chunks_added == changed.chunks_removed == 1  # only the Procedure passage
    after = ids_by_source(store)
    assert after["notes.txt"] == before["notes.txt"]
    assert len(after["torque.md"] & before["torque.md"]) == len(before["torque.md"]) - 1
    assert store.generation() > generation
    assert any("27 Nm" in r.text for r in store.records())
    assert not any("25 Nm" in r.text for r in store.records())


def test_user_documents_are_retrievable_with_filters(home: Path, docs: Path) -> None:
    ingest_paths([docs], warn=lambda _: None, progress=False)
    hits = retrieve("what torque for the M8 flange bolts", k=3, where={"topic": "assembly"})
    assert hits and hits[0].source == "torque.md"
    assert hits[0].citation == "Torque SOP § Procedure"
    paint = retrieve("paint booth humidity", k=5)
    assert paint[0].source == "notes.txt"
    assert paint[0].citation == "Notes"


def test_a_held_lock_makes_a_second_ingest_wait_then_refuse(home: Path, docs: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ingest, "LOCK_TIMEOUT_S", 0.2)
    with FileLock(str(settings.lock_path())), pytest.raises(HavocInputError) as info:
        ingest_paths([docs], warn=lambda _: None, progress=False)
    assert str(info.value).startswith("lock:")
    assert get_store().count() == 0


def test_a_crash_mid_write_leaves_no_hole_and_the_next_ingest_repairs(
    home: Path, docs: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ingest_paths([docs], warn=lambda _: None, progress=False)
    store = get_store()
    healthy = ids_by_source(store)
    (docs / "torque.md").write_text(SOP.replace("yellow paint", "green paint"), encoding="utf-8")

    def crash(self: Store, ids: object) -> None:
        raise RuntimeError("disk full")

    generation = store.generation()
    monkeypatch.setattr(Store, "delete", crash)
    with pytest.raises(RuntimeError):
        ingest_paths([docs], warn=lambda _: None, progress=False)
    monkeypatch.undo()
    monkeypatch.setenv("HAVOC_HOME", str(home))
    assert store.generation() > generation  # readers are told to rebuild
    half = ids_by_source(store)
    assert healthy["torque.md"] <= half["torque.md"]  # nothing old was lost
    assert any("green paint" in r.text for r in store.records())  # new passage is there
    assert len(half["torque.md"]) == len(healthy["torque.md"]) + 1  # old one not yet deleted: a duplicate, no hole

    repaired = ingest_paths([docs], warn=lambda _: None, progress=False)
    assert repaired.chunks_removed == 1 and repaired.chunks_added == 0
    assert len(ids_by_source(store)["torque.md"]) == len(healthy["torque.md"])
    assert not any("yellow paint" in r.text for r in store.records())


def test_built_in_articles_removed_from_the_corpus_leave_the_store(
    home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in ("c-chart.md", "u-chart.md"):
        shutil.copy(CORPUS_DIR / name, corpus / name)
    monkeypatch.setattr(ingest, "CORPUS_DIR", corpus)
    first = ensure_builtin()
    assert first is not None and first.files_added == 2
    assert ensure_builtin() is None
    (corpus / "u-chart.md").unlink()
    second = ensure_builtin()
    assert second is not None and second.chunks_removed > 0
    assert {r.metadata["source"] for r in get_store().records(include_text=False)} == {"c-chart.md"}


def test_stats_and_reset(home: Path, docs: Path) -> None:
    ingest_paths([docs], warn=lambda _: None, progress=False)
    stats = admin.stats()
    assert stats.backend == "persistent" and stats.location.startswith(str(home))
    assert {Path(s.source).name for s in stats.user_sources} == {"torque.md", "notes.txt"}
    assert stats.builtin_articles == 0 and not stats.builtin_current
    removed = admin.reset()
    assert removed.chunks_removed == stats.chunks
    assert get_store().count() == 0
    assert retrieve("c chart for defects", k=1, mode="lexical")[0].source == "c-chart.md"  # built-ins return
    assert admin.stats().builtin_current
