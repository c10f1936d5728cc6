"""Data prepare + sampler: exact token streams, split, mixture, resumable and rank-consistent draws."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from havoc_model.data import (
    BatchSampler,
    SourceSpec,
    TokenData,
    parse_source,
    parse_weight,
    prepare_data,
    resolve_weights,
    token_dtype,
    unigram_entropy,
    validation_windows,
)
from havoc_model.errors import ModelInputError
from havoc_model.text_sources import iter_text_chunks
from havoc_model.tokenizer import HavocTokenizer, train_tokenizer

DOMAIN = "The sample mean x̄ estimates μ; s² = ∑(xᵢ − x̄)²/(n − 1).\n\nControl limits: x̄ ± 3σ.\n"
DIALOGUE = {"messages": [{"role": "user", "content": "mean of 1, 2, 3?"},
                         {"role": "assistant", "content": "It is 2."}]}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("data")
    domain = root / "domain"
    domain.mkdir()
    for i in range(3):
        (domain / f"doc{i}.md").write_text(f"# Note {i}\n\n" + DOMAIN * (40 + 10 * i), encoding="utf-8")
    general = root / "general.txt"
    general.write_text("Plain prose about bridges, rivers and weather.\n\n" * 300, encoding="utf-8")
    dialogue = root / "dialogue.jsonl"
    lines = [json.dumps(DIALOGUE), json.dumps({"text": "a free text record 42"})] * 150
    dialogue.write_text("\n".join(lines) + "\n", encoding="utf-8")
    train_tokenizer([domain, general, dialogue], 600, root / "tok")
    return {"root": root, "domain": domain, "general": general, "dialogue": dialogue, "tok": root / "tok"}


@pytest.fixture(scope="module")
def prepared(corpus: dict[str, Path]) -> Path:
    sources = [SourceSpec("domain", [corpus["domain"]]), SourceSpec("general", [corpus["general"]]),
               SourceSpec("dialogue", [corpus["dialogue"]])]
    prepare_data(sources, corpus["tok"], corpus["root"] / "prepared", val_fraction=0.1, val_block=64,
                 shard_tokens=1000)
    return corpus["root"] / "prepared"


def _expected_stream(tok: HavocTokenizer, corpus: dict[str, Path], name: str) -> list[int]:
    if name == "dialogue":
        ids: list[int] = []
        for line in corpus["dialogue"].read_text(encoding="utf-8").splitlines():
            rec = json.loads(line)
            if "messages" in rec:
                ids += tok.apply_chat_template(rec["messages"]) + [tok.eos_id]
            else:
                ids += [tok.bos_id] + tok.encode(rec["text"]) + [tok.eos_id]
        return ids
    paths = sorted(corpus["domain"].glob("*.md")) if name == "domain" else [corpus["general"]]
    ids = []
    for path in paths:
        ids += [tok.bos_id] + tok.encode(path.read_text(encoding="utf-8")) + [tok.eos_id]
    return ids


def test_manifest_and_exact_token_stream(prepared: Path, corpus: dict[str, Path]) -> None:
    manifest = json.loads((prepared / "manifest.json").read_text())
    assert manifest["dtype"] == "uint16"
    assert [s["name"] for s in manifest["sources"]] == ["domain", "general", "dialogue"]
    assert [round(s["weight"], 6) for s in manifest["sources"]] == [0.6, 0.3, 0.1]
    data = TokenData(prepared)
    tok = HavocTokenizer.load(data.tokenizer_path)
    for source in data.sources:
        train = np.concatenate(list(source.train.iter_arrays())).astype(np.int64)
        val = np.concatenate(list(source.val.iter_arrays())).astype(np.int64)
        # Re-interleave: of every 10 blocks of 64 tokens, the 10th went to validation.
        stream, ti, vi, block = [], 0, 0, 0
        while ti < train.size or vi < val.size:
            if block % 10 == 9:
                stream.append(val[vi:vi + 64])
                vi += 64
            else:
                stream.append(train[ti:ti + 64])
                ti += 64
            block += 1
        assert np.concatenate(stream).tolist() == _expected_stream(tok, corpus, source.name)
        assert val.size > 0 and 0.05 < val.size / (val.size + train.size) < 0.15
    general = next(s for s in manifest["sources"] if s["name"] == "general")
    assert len(general["train"]["shards"]) > 1  # 1000-token shards roll over


def test_text_chunks_concatenate_to_the_file(corpus: dict[str, Path]) -> None:
    text = corpus["general"].read_text(encoding="utf-8")
    chunks = list(iter_text_chunks(corpus["general"], chunk_chars=500))
    assert len(chunks) > 10
    assert "".join(chunks) == text
    assert all(c.endswith("\n\n") for c in chunks[:-1])


def test_dtype_choice() -> None:
    assert token_dtype(8192) == np.uint16
    assert token_dtype(65536) == np.uint16
    assert token_dtype(70000) == np.uint32


def test_sampler_is_deterministic_and_resumable(prepared: Path) -> None:
    data = TokenData(prepared)
    straight = BatchSampler(data, seq_len=32, batch_size=4, grad_accum=2, seed=7)
    batches = [straight.next_batches() for _ in range(6)]
    resumed = BatchSampler(data, seq_len=32, batch_size=4, grad_accum=2, seed=0)
    resumed.load_state_dict({"seed": 7, "step": 3})
    for expected in batches[3:]:
        got = resumed.next_batches()
        for (x0, y0), (x1, y1) in zip(expected, got, strict=True):
            assert np.array_equal(x0, x1) and np.array_equal(y0, y1)
    other_seed = BatchSampler(data, seq_len=32, batch_size=4, grad_accum=2, seed=8).next_batches()
    assert not np.array_equal(other_seed[0][0], batches[0][0][0])
    x, y = batches[0][0]
    assert x.shape == (4, 32) and y.shape == (4, 32)
    assert np.array_equal(x[:, 1:], y[:, :-1])


def test_ranks_slice_one_global_batch(prepared: Path) -> None:
    data = TokenData(prepared)
    single = BatchSampler(data, seq_len=16, batch_size=8, seed=3).next_batches()[0][0]
    rank0 = BatchSampler(data, seq_len=16, batch_size=4, world_size=2, rank=0, seed=3).next_batches()[0][0]
    rank1 = BatchSampler(data, seq_len=16, batch_size=4, world_size=2, rank=1, seed=3).next_batches()[0][0]
    assert np.array_equal(np.concatenate([rank0, rank1]), single)


def test_windows_are_real_train_slices_and_follow_the_mixture(prepared: Path) -> None:
    data = TokenData(prepared)
    sampler = BatchSampler(data, seq_len=16, batch_size=50, seed=1)
    counts = np.zeros(3)
    for step in range(40):
        keys, starts = sampler.global_rows(step)
        for key, start in zip(keys, starts, strict=True):
            source, shard = divmod(int(key), 1 << 32)
            counts[source] += 1
            assert 0 <= start <= data.sources[source].train.lengths[shard] - 17
    share = counts / counts.sum()
    assert np.allclose(share, [0.6, 0.3, 0.1], atol=0.04)


def test_validation_windows_and_unigram_entropy(prepared: Path) -> None:
    data = TokenData(prepared)
    windows = validation_windows(data, seq_len=32, max_windows=5)
    assert set(windows) == {"domain", "general", "dialogue"}
    assert all(w.shape == (5, 33) for w in windows.values())
    again = validation_windows(data, seq_len=32, max_windows=5)
    assert all(np.array_equal(windows[k], again[k]) for k in windows)
    assert unigram_entropy(np.array([0, 1, 2, 3] * 10)) == pytest.approx(np.log(4))
    assert unigram_entropy(np.array([5, 5, 5])) == 0.0


def test_bad_inputs_are_one_line_errors(prepared: Path, corpus: dict[str, Path], tmp_path: Path) -> None:
    with pytest.raises(ModelInputError, match="NAME=PATH"):
        parse_source("no-equals-sign")
    with pytest.raises(ModelInputError, match="weight"):
        parse_weight("domain=-1")
    with pytest.raises(ModelInputError, match="no default weight"):
        resolve_weights([SourceSpec("code", [Path(".")])])
    with pytest.raises(ModelInputError, match="names no source"):
        resolve_weights([SourceSpec("domain", [Path(".")])], {"dialog": 1.0})
    with pytest.raises(ModelInputError, match="not found"):
        TokenData(tmp_path)
    with pytest.raises(ModelInputError, match="not empty"):
        prepare_data([SourceSpec("domain", [corpus["domain"]])], corpus["tok"], prepared)
    copy = tmp_path / "copy"
    prepare_data([SourceSpec("domain", [corpus["domain"]])], corpus["tok"], copy, val_block=64)
    shard = next((copy / "domain").glob("train-*.bin"))
    shard.write_bytes(shard.read_bytes()[:-2])
    with pytest.raises(ModelInputError, match="wrong size"):
        TokenData(copy)
    with pytest.raises(ModelInputError, match="seq_len"):
        BatchSampler(TokenData(prepared), seq_len=100_000, batch_size=1)


def test_a_short_source_still_gets_validation(corpus: dict[str, Path], tmp_path: Path) -> None:
    short = tmp_path / "short.jsonl"
    short.write_text("".join(json.dumps({"text": f"item {i}"}) + "\n" for i in range(30)), encoding="utf-8")
    manifest = prepare_data([SourceSpec("dialogue", [short])], corpus["tok"], tmp_path / "d", val_block=256)
    entry = manifest["sources"][0]
    assert entry["val"]["tokens"] >= 2
    data = TokenData(tmp_path / "d")
    tok = HavocTokenizer.load(data.tokenizer_path)
    train = np.concatenate(list(data.sources[0].train.iter_arrays())).tolist()
    val = np.concatenate(list(data.sources[0].val.iter_arrays())).tolist()
    assert train + val == _expected_stream_of_texts(tok, [f"item {i}" for i in range(30)])


def _expected_stream_of_texts(tok: HavocTokenizer, texts: list[str]) -> list[int]:
    return [i for t in texts for i in [tok.bos_id, *tok.encode(t), tok.eos_id]]
