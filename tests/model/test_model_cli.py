"""`havoc-model info | init | export | import | generate` through the real entry point."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import torch

from havoc_model.checkpoint import load_checkpoint
from havoc_model.cli import main
from havoc_model.config import get_config, param_count


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _tiny_yaml(tmp_path: Path) -> Path:
    path = tmp_path / "tiny.yaml"
    path.write_text("preset: planner-tiny\nn_layers: 1\nd_model: 64\nn_heads: 4\nn_kv_heads: 2\nffn_hidden: 96\n"
                    "vocab_size: 300\n")
    return path


def test_info_preset_prints_the_closed_form_count(capsys) -> None:
    code, out, _ = run(capsys, "info", "--preset", "havoc-7b")
    assert code == 0 and "6,244,405,248 parameters" in out and "attention" in out
    code, out, _ = run(capsys, "info", "--preset", "havoc-tiny", "--json")
    report = json.loads(out)
    assert report["parameters"] == param_count(get_config("havoc-tiny")) == sum(report["breakdown"].values())


def test_init_info_export_import_generate(tmp_path: Path, capsys) -> None:
    ckpt = tmp_path / "ck"
    code, out, err = run(capsys, "init", "--preset", str(_tiny_yaml(tmp_path)), "--out", str(ckpt), "--seed", "3")
    assert code == 0, err
    code, out, _ = run(capsys, "info", str(ckpt), "--json")
    info = json.loads(out)
    assert info["config"]["n_layers"] == 1 and info["dtypes"] == ["F32"]

    again = tmp_path / "ck2"
    run(capsys, "init", "--preset", str(_tiny_yaml(tmp_path)), "--out", str(again), "--seed", "3")
    a, _ = load_checkpoint(ckpt)
    b, _ = load_checkpoint(again)
    assert all(torch.equal(p, q) for p, q in zip(a.parameters(), b.parameters(), strict=True))
    code, _, err = run(capsys, "init", "--preset", "planner-tiny", "--out", str(ckpt))
    assert code == 2 and "--force" in err

    code, _, err = run(capsys, "export", "--format", "hf", str(ckpt), str(tmp_path / "hf"))
    assert code == 0, err
    assert json.loads((tmp_path / "hf" / "config.json").read_text())["model_type"] == "llama"
    code, _, err = run(capsys, "import", str(tmp_path / "hf"), str(tmp_path / "back"))
    assert code == 0, err
    c, _ = load_checkpoint(tmp_path / "back")
    assert all(torch.equal(p, q) for p, q in zip(a.state_dict().values(), c.state_dict().values(), strict=True))

    code, out, err = run(capsys, "generate", str(ckpt), "--ids", "1,2,3", "--ids", "4", "--greedy",
                         "--max-tokens", "6", "--json")
    assert code == 0, err
    results = json.loads(out)
    assert [len(r["token_ids"]) for r in results] == [6, 6]
    assert all(0 <= t < 300 for r in results for t in r["token_ids"])


@pytest.mark.parametrize(
    ("argv", "fragment"),
    [
        (["info", "{tmp}/missing"], "checkpoint not found"),
        (["info", "--preset", "havoc-70b"], "unknown preset"),
        (["info"], "give a checkpoint"),
        (["export", "{tmp}/missing", "{tmp}/out"], "checkpoint not found"),
        (["import", "{tmp}/missing", "{tmp}/out"], "not found"),
        (["generate", "{ckpt}", "--ids", "1,x"], "--ids"),
        (["generate", "{ckpt}", "--ids", "1", "--top-p", "2"], "top_p"),
        (["generate", "{ckpt}", "--prompt", "hello"], "tokenizer"),
        (["generate", "{ckpt}", "--ids", "100000"], "outside the vocabulary"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(tmp_path: Path, capsys, argv: list[str], fragment: str) -> None:
    ckpt = tmp_path / "ck"
    if any("{ckpt}" in a for a in argv):
        assert run(capsys, "init", "--preset", str(_tiny_yaml(tmp_path)), "--out", str(ckpt))[0] == 0
    code, out, err = run(capsys, *[a.format(tmp=tmp_path, ckpt=ckpt) for a in argv])
    assert code == 2
    assert err.startswith("error: ") and fragment in err and err.count("\n") == 1


def test_corrupt_checkpoint_is_one_line(tmp_path: Path, capsys) -> None:
    ckpt = tmp_path / "ck"
    run(capsys, "init", "--preset", str(_tiny_yaml(tmp_path)), "--out", str(ckpt))
    (ckpt / "model.safetensors").write_bytes(b"garbage")
    for argv in (["info", str(ckpt)], ["generate", str(ckpt), "--ids", "1"], ["export", str(ckpt), str(tmp_path / "o")]):
        code, _, err = run(capsys, *argv)
        assert code == 2 and "corrupt weights" in err and err.count("\n") == 1


def test_generate_text_with_the_project_tokenizer(tmp_path: Path, capsys) -> None:
    tokenizer_module = pytest.importorskip("havoc_model.tokenizer")
    corpus = tmp_path / "corpus.txt"
    corpus.write_text("\n".join(f"The mean μ = {i} and σ ≤ {i * 2}; sample {i} of the process." for i in range(400)))
    model_path = Path(tokenizer_module.train_tokenizer([corpus], 600, tmp_path / "tok").model_path)
    yaml = tmp_path / "m.yaml"
    yaml.write_text("preset: planner-tiny\nn_layers: 1\nd_model: 64\nn_heads: 4\nn_kv_heads: 2\nffn_hidden: 96\n"
                    "vocab_size: 600\n")
    ckpt = tmp_path / "ck"
    code, _, err = run(capsys, "init", "--preset", str(yaml), "--out", str(ckpt), "--tokenizer", str(model_path))
    assert code == 0, err
    code, out, err = run(capsys, "generate", str(ckpt), "--prompt", "The mean", "--max-tokens", "8", "--seed", "1")
    assert code == 0, err
    assert out.endswith("\n") and len(out) > 1
    code, out, err = run(capsys, "generate", str(ckpt), "--prompt", "σ", "--prompt", "μ", "--greedy",
                         "--max-tokens", "5", "--json")
    assert code == 0, err
    results = json.loads(out)
    assert len(results) == 2 and all(isinstance(r["text"], str) for r in results)
