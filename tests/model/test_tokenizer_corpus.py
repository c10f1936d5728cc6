"""The tokenizer on the shipped corpus as it is: every file round-trips, symbols stay whole, text compresses."""

from __future__ import annotations

from pathlib import Path

import pytest

from havoc_model.data import shipped_sources
from havoc_model.text_sources import collect_files
from havoc_model.tokenizer import HavocTokenizer, train_tokenizer


@pytest.fixture(scope="module")
def shipped(tmp_path_factory: pytest.TempPathFactory) -> tuple[HavocTokenizer, list[Path]]:
    files = collect_files([p for s in shipped_sources() for p in s.paths])
    out = tmp_path_factory.mktemp("tok")
    train_tokenizer(files, 4096, out)
    return HavocTokenizer.load(out), files


def test_every_shipped_file_round_trips(shipped: tuple[HavocTokenizer, list[Path]]) -> None:
    tok, files = shipped
    markdown = [f for f in files if f.suffix == ".md"]
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert tok.decode(tok.encode(text)) == text, path
    total_chars = sum(len(f.read_text(encoding="utf-8")) for f in markdown)
    total_tokens = sum(len(tok.encode(f.read_text(encoding="utf-8"))) for f in markdown)
    if markdown:
        assert total_chars / total_tokens > 2.5  # BPE merges real words, not one token per byte


def test_dialogue_numbers_are_digit_tokens(shipped: tuple[HavocTokenizer, list[Path]]) -> None:
    tok, _ = shipped
    pieces = [tok.id_to_piece(i) for i in tok.encode("Cpk = 1.33, σ = 0.25")]
    assert "σ" in pieces
    assert all(len(p) == 1 for p in pieces if any(c.isdigit() for c in p))
