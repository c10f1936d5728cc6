"""Damaged files a user can hand the `havoc-model` CLI: each must be one `error:` line and exit code 2."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import torch
from safetensors.torch import load_file, save_file

from havoc_model.cli import main

TINY_YAML = "preset: planner-tiny\nd_model: 32\nn_layers: 1\nn_heads: 2\nn_kv_heads: 1\nffn_hidden: 64\nmax_seq_len: 32\n"


def _fails(capsys: pytest.CaptureFixture[str], argv: list[str], needle: str) -> str:
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and err.count("\n") == 1, err
    assert needle in err, err
    return err


@pytest.fixture()
def ckpt(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    (tmp_path / "tiny.yaml").write_text(TINY_YAML + "vocab_size: 300\n", encoding="utf-8")
    out = tmp_path / "ck"
    assert main(["init", "--preset", str(tmp_path / "tiny.yaml"), "--out", str(out), "--seed", "1"]) == 0
    capsys.readouterr()
    return out


def test_wrong_shaped_weights_fail_info_as_well_as_load(ckpt: Path, capsys: pytest.CaptureFixture[str]) -> None:
    state = load_file(ckpt / "model.safetensors")
    state["layers.0.attn.wo.weight"] = torch.zeros(3, 3)
    save_file(state, ckpt / "model.safetensors")
    for argv in (["info", str(ckpt)], ["generate", str(ckpt), "--ids", "1"]):
        _fails(capsys, argv, "'layers.0.attn.wo.weight' has shape (3, 3)")


def test_a_missing_tensor_fails_info(ckpt: Path, capsys: pytest.CaptureFixture[str]) -> None:
    state = load_file(ckpt / "model.safetensors")
    del state["norm.weight"]
    save_file(state, ckpt / "model.safetensors")
    _fails(capsys, ["info", str(ckpt)], "'norm.weight' missing")


def test_weights_truncated_after_the_header(ckpt: Path, capsys: pytest.CaptureFixture[str]) -> None:
    weights = ckpt / "model.safetensors"
    weights.write_bytes(weights.read_bytes()[:-1000])
    for argv in (["info", str(ckpt)], ["generate", str(ckpt), "--ids", "1"]):
        _fails(capsys, argv, "corrupt weights")


@pytest.mark.parametrize(("yaml_tail", "needle"), [
    ("bogus: 3\n", "unknown config field 'bogus'"),
    ("n_layers: -2\n", "n_layers"),
    ("d_model: [1\n", "invalid YAML"),
])
def test_bad_yaml_config(tmp_path: Path, capsys: pytest.CaptureFixture[str], yaml_tail: str, needle: str) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("preset: havoc-tiny\n" + yaml_tail, encoding="utf-8")
    _fails(capsys, ["info", "--preset", str(path)], needle)
    _fails(capsys, ["init", "--preset", str(path), "--out", str(tmp_path / "o")], needle)
    assert not (tmp_path / "o").exists()


def test_hf_rope_scaling_error_names_the_file_once(ckpt: Path, tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    hf = tmp_path / "hf"
    assert main(["export", "--format", "hf", str(ckpt), str(hf)]) == 0
    config = json.loads((hf / "config.json").read_text())
    config["rope_scaling"] = {"type": "linear", "factor": 2.0}
    (hf / "config.json").write_text(json.dumps(config))
    capsys.readouterr()
    err = _fails(capsys, ["import", str(hf), str(tmp_path / "back")], "rope type 'linear'")
    assert err.count("config.json") == 1


def test_hf_weights_of_the_wrong_shape(ckpt: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    hf = tmp_path / "hf"
    assert main(["export", "--format", "hf", str(ckpt), str(hf)]) == 0
    capsys.readouterr()
    state = load_file(hf / "model.safetensors")
    state["model.norm.weight"] = torch.ones(7)
    save_file(state, hf / "model.safetensors")
    _fails(capsys, ["import", str(hf), str(tmp_path / "back")], "has shape (7,)")
    assert not (tmp_path / "back").exists()


def test_a_tokenizer_dir_that_is_not_one(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "a.md"
    source.write_text("some text\n", encoding="utf-8")
    (tmp_path / "tok").mkdir()
    _fails(capsys, ["data", "prepare", "--tokenizer", str(tmp_path / "tok"), "--out", str(tmp_path / "d"),
                    "--source", f"domain={source}"], "tokenizer.model not found")
    (tmp_path / "tok" / "tokenizer.model").write_bytes(b"not a protobuf")
    _fails(capsys, ["data", "prepare", "--tokenizer", str(tmp_path / "tok"), "--out", str(tmp_path / "d"),
                    "--source", f"domain={source}"], "not a SentencePiece model")


@pytest.fixture(scope="module")
def run_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A real tokenizer, data directory and two-step run, shared by the data and resume cases below."""
    root = tmp_path_factory.mktemp("run")
    corpus = root / "corpus.md"
    corpus.write_text("".join(f"Observation {i} has z = {i % 7 - 3}σ.\n\n" for i in range(300)), encoding="utf-8")
    assert main(["tokenizer", "train", "--input", str(corpus), "--vocab-size", "600", "--out", str(root / "tok")]) == 0
    assert main(["data", "prepare", "--tokenizer", str(root / "tok"), "--source", f"domain={corpus}",
                 "--out", str(root / "data")]) == 0
    (root / "tiny.yaml").write_text(TINY_YAML, encoding="utf-8")
    assert main(["train", "--preset", str(root / "tiny.yaml"), "--data", str(root / "data"), "--out",
                 str(root / "run"), "--steps", "2", "--batch-size", "2", "--seq-len", "16", "--eval-every", "2",
                 "--ckpt-every", "2", "--no-progress", "--device", "cpu", "--threads", "1"]) == 0
    return root


def _train_argv(root: Path, data: Path, out: Path, *extra: str) -> list[str]:
    return ["train", "--preset", str(root / "tiny.yaml"), "--data", str(data), "--out", str(out), "--steps", "4",
            "--batch-size", "2", "--seq-len", "16", "--no-progress", "--device", "cpu", "--threads", "1", *extra]


def test_missing_or_truncated_data_shard(run_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import shutil

    data = tmp_path / "data"
    shutil.copytree(run_dir / "data", data)
    shard = data / "domain" / "train-00000.bin"
    shard.write_bytes(shard.read_bytes()[:101])
    capsys.readouterr()
    err = _fails(capsys, _train_argv(run_dir, data, tmp_path / "o1"), "wrong size")
    assert "manifest.json" not in err  # the shard is the broken file, not the manifest
    shard.unlink()
    _fails(capsys, _train_argv(run_dir, data, tmp_path / "o2"), "train-00000.bin is missing")
    (data / "manifest.json").write_text("{", encoding="utf-8")
    _fails(capsys, _train_argv(run_dir, data, tmp_path / "o3"), "manifest.json is corrupt")
    empty = tmp_path / "empty"
    empty.mkdir()
    _fails(capsys, _train_argv(run_dir, empty, tmp_path / "o4"), "data prepare")


def test_truncated_training_state_on_resume(run_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import shutil

    run = tmp_path / "run"
    shutil.copytree(run_dir / "run", run)
    state = run / "checkpoints" / "step_0000002" / "training_state.pt"
    state.write_bytes(state.read_bytes()[:500])
    capsys.readouterr()
    err = _fails(capsys, _train_argv(run_dir, run_dir / "data", run, "--resume"), "corrupt training state")
    assert len(err) < 300  # torch's paragraph of advice is cut at its first sentence
