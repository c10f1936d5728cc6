"""The tokenizer: exact round-trips on maths/unicode text, specials, chat layout, bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from havoc_model.errors import ModelInputError
from havoc_model.tokenizer import CHAT_TOKENS, DOMAIN_SYMBOLS, HavocTokenizer, train_tokenizer

MATHS = """# Control charts

The centre line is x̄ = 10.25 and σ = 0.37, so UCL = x̄ + 3σ = 11.36 and LCL = 9.14.
For n ≥ 30 the sample mean μ̂ is ≈ normal; ∑ᵢ (xᵢ − x̄)² / (n − 1) = s².
∫₀^∞ e^(−x) dx = 1, ∂f/∂x, √2 ≈ 1.41421356, p ≤ 0.05, Cpk ≥ 1.33, α = 0.05, β ± 0.1.

| factor | low | high |
|---|---|---|
| temperature | 150 | 180 |

    indented code:  y = a*x**2 + b
"""


@pytest.fixture(scope="module")
def tokenizer(tmp_path_factory: pytest.TempPathFactory) -> HavocTokenizer:
    root = tmp_path_factory.mktemp("tok")
    corpus = root / "corpus"
    corpus.mkdir()
    (corpus / "maths.md").write_text(MATHS * 20, encoding="utf-8")
    lines = [json.dumps({"messages": [{"role": "user", "content": f"mean of {i}, {i + 1}?"},
                                      {"role": "assistant", "content": f"It is {i + 0.5}."}]})
             for i in range(200)]
    (corpus / "chat.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (corpus / "notes.txt").write_text("Plain words about statistics and engineering.\n" * 50, encoding="utf-8")
    report = train_tokenizer([corpus], 700, root / "out")
    assert report.files == 3
    assert Path(report.model_path).is_file()
    return HavocTokenizer.load(root / "out")


@pytest.mark.parametrize("text", [
    MATHS,
    "",
    " leading and trailing spaces  ",
    "tabs\tand\n\nblank lines\r\nwindows",
    "日本語, Ελληνικά, emoji 😀🚀, combining é, RTL עברית",
    "literal sentencepiece mark \u2581 and ▁▁ twice",
    "<|user|> typed by a user is plain text <|end|>",
    "nul \x00 and control \x07 chars",
])
def test_round_trip_exact(tokenizer: HavocTokenizer, text: str) -> None:
    assert tokenizer.decode(tokenizer.encode(text)) == text


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=80))
def test_round_trip_any_unicode(tokenizer: HavocTokenizer, text: str) -> None:
    ids = tokenizer.encode(text)
    assert tokenizer.decode(ids) == text
    assert all(0 <= i < tokenizer.vocab_size for i in ids)


def test_digits_are_split_and_symbols_are_single_pieces(tokenizer: HavocTokenizer) -> None:
    pieces = [tokenizer.id_to_piece(i) for i in tokenizer.encode("2025")]
    assert pieces == ["2", "0", "2", "5"]
    for symbol in ("σ", "μ", "±", "≤", "≥", "∑", "∫", "√", "∂", "∞"):
        assert symbol in DOMAIN_SYMBOLS
        assert len(tokenizer.encode(symbol)) == 1, symbol


def test_user_text_cannot_produce_control_tokens(tokenizer: HavocTokenizer) -> None:
    ids = tokenizer.encode("".join(CHAT_TOKENS) + "<s></s><pad>")
    assert not any(tokenizer.is_special(i) for i in ids)
    assert set(tokenizer.special_ids) == set(CHAT_TOKENS)


def test_special_ids_are_distinct_and_fixed(tokenizer: HavocTokenizer) -> None:
    assert (tokenizer.pad_id, tokenizer.unk_id, tokenizer.bos_id, tokenizer.eos_id) == (0, 1, 2, 3)
    ids = [tokenizer.pad_id, tokenizer.unk_id, tokenizer.bos_id, tokenizer.eos_id, *tokenizer.special_ids.values()]
    assert len(set(ids)) == len(ids)


def test_chat_template_layout(tokenizer: HavocTokenizer) -> None:
    messages = [
        {"role": "system", "content": "Be exact."},
        {"role": "user", "content": "mean of 1, 2?"},
        {"role": "assistant", "content": "", "tool_calls": [{"name": "describe", "arguments": {"data": [1, 2]}}]},
        {"role": "tool", "content": '{"mean": "1.5"}'},
    ]
    ids = tokenizer.apply_chat_template(messages, add_generation_prompt=True)
    sp = tokenizer.special_ids
    assert ids[0] == tokenizer.bos_id
    assert ids[-1] == sp["<|assistant|>"]
    roles = [tokenizer.id_to_piece(i) for i in ids if tokenizer.is_special(i) and i != tokenizer.bos_id]
    assert roles == ["<|system|>", "<|end|>", "<|user|>", "<|end|>", "<|tool_call|>", "<|end|>",
                     "<|tool_result|>", "<|end|>", "<|assistant|>"]
    rendered = tokenizer.decode(ids, skip_special=False)
    assert rendered.startswith("<s><|system|>Be exact.<|end|><|user|>mean of 1, 2?<|end|><|tool_call|>{")
    assert tokenizer.decode(ids) == 'Be exact.mean of 1, 2?{"arguments": {"data": [1, 2]}, "name": "describe"}{"mean": "1.5"}'


def test_bad_input_is_one_line_error(tokenizer: HavocTokenizer, tmp_path: Path) -> None:
    with pytest.raises(ModelInputError, match="role"):
        tokenizer.apply_chat_template([{"role": "wizard", "content": "x"}])
    with pytest.raises(ModelInputError, match="outside the vocabulary"):
        tokenizer.decode([tokenizer.vocab_size])
    bad = tmp_path / "tokenizer.model"
    bad.write_bytes(b"not a model")
    with pytest.raises(ModelInputError, match="not a SentencePiece model"):
        HavocTokenizer.load(bad)
    with pytest.raises(ModelInputError, match="not found"):
        HavocTokenizer.load(tmp_path / "missing")
    with pytest.raises(ModelInputError, match="vocab_size"):
        train_tokenizer([tmp_path], 100, tmp_path / "o")
    with pytest.raises(ModelInputError, match="does not exist"):
        train_tokenizer([tmp_path / "nope"], 1000, tmp_path / "o")
    (tmp_path / "broken.jsonl").write_text('{"text": "ok"}\n{oops\n', encoding="utf-8")
    with pytest.raises(ModelInputError, match=r"broken.jsonl:2"):
        train_tokenizer([tmp_path / "broken.jsonl"], 1000, tmp_path / "o")


def test_save_and_reload_same_model(tokenizer: HavocTokenizer, tmp_path: Path) -> None:
    path = tokenizer.save(tmp_path)
    again = HavocTokenizer.load(path)
    assert again.sha256 == tokenizer.sha256
    assert again.encode(MATHS) == tokenizer.encode(MATHS)
