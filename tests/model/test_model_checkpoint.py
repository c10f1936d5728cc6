"""Checkpoint directories: round trip, atomic replacement, extra files, and one-line errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import torch
from safetensors.torch import save_file

from havoc_model.checkpoint import (
    CONFIG_FILE,
    WEIGHTS_FILE,
    describe_checkpoint,
    load_checkpoint,
    read_config,
    save_checkpoint,
)
from havoc_model.config import ModelConfig
from havoc_model.errors import ModelInputError
from havoc_model.model import HavocLM


def _cfg(**over) -> ModelConfig:
    base = dict(vocab_size=61, d_model=32, n_layers=2, n_heads=4, n_kv_heads=2, ffn_hidden=48, max_seq_len=32)
    base.update(over)
    return ModelConfig(**base)


def _saved(tmp_path: Path, **over) -> tuple[Path, HavocLM]:
    cfg = _cfg(**over)
    torch.manual_seed(0)
    model = HavocLM(cfg).eval()
    return save_checkpoint(tmp_path / "ckpt", model, cfg), model


@pytest.mark.parametrize("tied", [False, True])
def test_round_trip_gives_identical_logits(tmp_path: Path, tied: bool) -> None:
    directory, model = _saved(tmp_path, tie_embeddings=tied)
    loaded, cfg = load_checkpoint(directory)
    assert cfg == model.cfg and not loaded.training
    ids = torch.randint(0, 61, (2, 7))
    with torch.no_grad():
        assert torch.equal(model(ids)[0], loaded(ids)[0])
    assert (loaded.lm_head.weight is loaded.tok_embeddings.weight) == tied
    assert sorted(p.name for p in directory.iterdir()) == [CONFIG_FILE, WEIGHTS_FILE]


def test_dtype_on_load(tmp_path: Path) -> None:
    directory, _ = _saved(tmp_path)
    loaded, _ = load_checkpoint(directory, dtype=torch.bfloat16)
    assert loaded.tok_embeddings.weight.dtype == torch.bfloat16
    assert loaded(torch.tensor([[1, 2, 3]]))[0].dtype == torch.float32


def test_overwrite_replaces_atomically_and_leaves_no_temp_dirs(tmp_path: Path) -> None:
    directory, _ = _saved(tmp_path)
    (directory / "stale.txt").write_text("old run")
    cfg = _cfg(n_layers=1)
    save_checkpoint(directory, HavocLM(cfg), cfg)
    assert read_config(directory).n_layers == 1
    assert not (directory / "stale.txt").exists()
    assert [p.name for p in tmp_path.iterdir()] == ["ckpt"]


def test_extra_files_are_copied(tmp_path: Path) -> None:
    cfg = _cfg()
    tok = tmp_path / "tokenizer.model"
    tok.write_bytes(b"spm-bytes")
    state = tmp_path / "state.pt"
    state.write_bytes(b"opt")
    out = save_checkpoint(tmp_path / "c", HavocLM(cfg), cfg,
                          extra_files={"tokenizer.model": tok, "training_state.pt": state})
    assert (out / "tokenizer.model").read_bytes() == b"spm-bytes"
    info = describe_checkpoint(out)
    assert info["has_tokenizer"] and info["has_training_state"]
    assert info["parameters"] == sum(p.numel() for p in HavocLM(cfg).parameters())
    with pytest.raises(ModelInputError, match="extra_files"):
        save_checkpoint(tmp_path / "d", HavocLM(cfg), cfg, extra_files={"../x": tok})
    with pytest.raises(ModelInputError, match="not found"):
        save_checkpoint(tmp_path / "d", HavocLM(cfg), cfg, extra_files={"tokenizer.model": tmp_path / "nope"})


def _one_line_error(directory: Path, fragment: str) -> None:
    with pytest.raises(ModelInputError) as info:
        load_checkpoint(directory)
    assert fragment in str(info.value) and "\n" not in str(info.value)


def test_missing_directory_and_files(tmp_path: Path) -> None:
    _one_line_error(tmp_path / "absent", "not found")
    (tmp_path / "file").write_text("x")
    _one_line_error(tmp_path / "file", "directory")
    directory, _ = _saved(tmp_path)
    (directory / WEIGHTS_FILE).unlink()
    _one_line_error(directory, "model.safetensors")
    (directory / CONFIG_FILE).unlink()
    _one_line_error(directory, "config.json")


def test_corrupt_config_and_weights(tmp_path: Path) -> None:
    directory, _ = _saved(tmp_path)
    good = (directory / CONFIG_FILE).read_text()
    (directory / CONFIG_FILE).write_text("{ not json")
    _one_line_error(directory, "corrupt config")
    (directory / CONFIG_FILE).write_text(json.dumps({**json.loads(good), "n_layer": 3}))
    _one_line_error(directory, "n_layer")
    (directory / CONFIG_FILE).write_text(good)
    blob = (directory / WEIGHTS_FILE).read_bytes()
    (directory / WEIGHTS_FILE).write_bytes(blob[: len(blob) // 2])
    _one_line_error(directory, "corrupt weights")
    (directory / WEIGHTS_FILE).write_bytes(b"\x00" * 64)
    _one_line_error(directory, "corrupt weights")


def test_weights_that_do_not_fit_the_config(tmp_path: Path) -> None:
    directory, model = _saved(tmp_path)
    state = {k: v.contiguous() for k, v in model.state_dict().items()}
    del state["norm.weight"]
    save_file(state, str(directory / WEIGHTS_FILE))
    _one_line_error(directory, "'norm.weight' missing")
    state["norm.weight"] = torch.ones(5)
    save_file(state, str(directory / WEIGHTS_FILE))
    _one_line_error(directory, "shape")
    state["norm.weight"] = torch.ones(32)
    state["extra.weight"] = torch.ones(2)
    save_file(state, str(directory / WEIGHTS_FILE))
    _one_line_error(directory, "unexpected tensor")


def test_hf_directory_is_pointed_at_import(tmp_path: Path) -> None:
    directory = tmp_path / "hf"
    directory.mkdir()
    (directory / CONFIG_FILE).write_text(json.dumps({"model_type": "llama"}))
    _one_line_error(directory, "havoc-model import")


class _Wrapper(torch.nn.Module):
    """Stands in for DDP / torch.compile, whose state-dict keys carry a prefix."""

    def __init__(self, inner: torch.nn.Module) -> None:
        super().__init__()
        self.module = inner


def test_wrapped_models_and_explicit_state_dicts_save_plain_keys(tmp_path: Path) -> None:
    cfg = _cfg(tie_embeddings=True)
    torch.manual_seed(1)
    model = HavocLM(cfg).eval()
    assert next(iter(_Wrapper(model).state_dict())).startswith("module.")
    loaded, _ = load_checkpoint(save_checkpoint(tmp_path / "a", _Wrapper(_Wrapper(model)), cfg))
    ids = torch.tensor([[1, 2, 3]])
    with torch.no_grad():
        assert torch.equal(loaded(ids)[0], model(ids)[0])
    other = HavocLM(cfg)
    loaded, _ = load_checkpoint(save_checkpoint(tmp_path / "b", other, cfg, state_dict=model.state_dict()))
    with torch.no_grad():
        assert torch.equal(loaded(ids)[0], model(ids)[0])
