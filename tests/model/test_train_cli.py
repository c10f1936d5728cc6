"""`havoc-model tokenizer train | data prepare | train | plot | plan` end to end, in process."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from havoc_model.cli import main

TINY_YAML = "preset: planner-tiny\nd_model: 32\nn_layers: 1\nn_heads: 2\nn_kv_heads: 1\nffn_hidden: 64\nmax_seq_len: 32\n"


def test_pipeline_from_text_to_plot(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = tmp_path / "corpus.md"
    corpus.write_text("".join(f"Observation {i} has z = {i % 7 - 3}σ.\n\n" for i in range(300)), encoding="utf-8")
    chat = tmp_path / "chat.jsonl"
    chat.write_text("".join(json.dumps({"text": f"note {i}: μ ≤ {i}"}) + "\n" for i in range(200)), encoding="utf-8")
    assert main(["tokenizer", "train", "--input", str(corpus), str(chat), "--vocab-size", "600",
                 "--out", str(tmp_path / "tok"), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["files"] == 2 and report["special_ids"]["<|end|>"] > 3

    assert main(["data", "prepare", "--tokenizer", str(tmp_path / "tok"), "--source", f"domain={corpus}",
                 "--source", f"notes={chat}", "--weight", "notes=0.25", "--weight", "domain=0.75",
                 "--out", str(tmp_path / "data")]) == 0
    out = capsys.readouterr().out
    assert "domain" in out and "weight 0.750" in out and "weight 0.250" in out

    (tmp_path / "tiny.yaml").write_text(TINY_YAML, encoding="utf-8")
    assert main(["train", "--preset", str(tmp_path / "tiny.yaml"), "--data", str(tmp_path / "data"),
                 "--out", str(tmp_path / "run"), "--steps", "4", "--batch-size", "2", "--seq-len", "16",
                 "--eval-every", "2", "--ckpt-every", "4", "--log-every", "1", "--no-progress", "--json",
                 "--device", "cpu", "--threads", "1"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["steps"] == 4 and result["tokens"] == 4 * 2 * 16
    assert result["val_loss"] > 0 and result["unigram_entropy"] > 0
    assert Path(result["checkpoint"], "model.safetensors").is_file()

    # A second `train` on the same run directory must ask for --resume instead of overwriting.
    assert main(["train", "--preset", str(tmp_path / "tiny.yaml"), "--data", str(tmp_path / "data"),
                 "--out", str(tmp_path / "run"), "--steps", "6", "--no-progress", "--device", "cpu"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "--resume" in err and len(err.strip().splitlines()) == 1

    assert main(["plot", str(tmp_path / "run")]) == 0
    assert (tmp_path / "run" / "curves.png").stat().st_size > 5000


def test_plan_command(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["plan", "--preset", "havoc-7b", "--gpus", "1", "--gpu-mem", "80"]) == 0
    text = capsys.readouterr().out
    assert "6,244,405,248 parameters" in text and "NO" in text and "yes" not in text
    assert main(["plan", "--preset", "havoc-7b", "--gpus", "8", "--json"]) == 0
    plan = json.loads(capsys.readouterr().out)
    assert {s["strategy"] for s in plan["setups"] if s["fits"]} == {"fsdp2"}


@pytest.mark.parametrize("argv, needle", [
    (["data", "prepare", "--tokenizer", "/nonexistent/tok", "--out", "/tmp/x", "--source", "a"], "source"),
    (["data", "prepare", "--tokenizer", "/nonexistent/tok", "--out", "/tmp/x", "--source", "domain=/nope"],
     "does not exist"),
    (["train", "--data", "/nonexistent/data", "--out", "/tmp/x", "--device", "cpu"], "manifest.json"),
    (["tokenizer", "train", "--input", "/nonexistent", "--out", "/tmp/x"], "does not exist"),
    (["plot", "/nonexistent/run"], "no training metrics"),
    (["plan", "--preset", "havoc-99b"], "unknown preset"),
])
def test_bad_input_exits_2_with_one_line(argv: list[str], needle: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and needle in err and len(err.strip().splitlines()) == 1
