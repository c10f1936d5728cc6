"""The trainer: exact resume (via a real Ctrl-C), accumulation equivalence, errors, precision, checkpoints."""

from __future__ import annotations

import json
import os
import signal
from pathlib import Path

import numpy as np
import pytest
import torch
from safetensors.torch import load_file

from havoc_model.data import SourceSpec, prepare_data
from havoc_model.errors import ModelInputError
from havoc_model.metrics import read_metrics
from havoc_model.tokenizer import train_tokenizer
from havoc_model.train import TrainConfig, Trainer, list_checkpoints, train

TINY_YAML = """preset: planner-tiny
d_model: 64
n_layers: 2
n_heads: 4
n_kv_heads: 2
ffn_hidden: 128
max_seq_len: 64
"""


@pytest.fixture(scope="module")
def setup(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("train")
    text = root / "text.md"
    text.write_text("".join(f"Step {i}: the mean of {i} and {i + 2} is {i + 1}.\n\n" for i in range(400)),
                    encoding="utf-8")
    dialogue = root / "dialogue.jsonl"
    dialogue.write_text("".join(json.dumps({"messages": [
        {"role": "user", "content": f"double {i}?"}, {"role": "assistant", "content": f"{2 * i}"}]}) + "\n"
        for i in range(300)), encoding="utf-8")
    train_tokenizer([text, dialogue], 600, root / "tok")
    prepare_data([SourceSpec("domain", [text]), SourceSpec("dialogue", [dialogue])], root / "tok", root / "data",
                 val_block=64)
    (root / "tiny.yaml").write_text(TINY_YAML, encoding="utf-8")
    return {"root": root, "data": root / "data", "yaml": root / "tiny.yaml"}


def _cfg(setup: dict[str, Path], out: Path, **kw: object) -> TrainConfig:
    base = dict(data=str(setup["data"]), out=str(out), preset=str(setup["yaml"]), steps=8, batch_size=4,
                seq_len=32, lr=3e-3, warmup=2, eval_every=4, eval_windows=4, ckpt_every=4, log_every=1,
                progress=False, tensorboard=False, device="cpu")
    base.update(kw)
    return TrainConfig(**base)  # type: ignore[arg-type]


def _weights(ckpt: Path) -> dict[str, torch.Tensor]:
    return load_file(str(ckpt / "model.safetensors"))


def test_interrupt_then_resume_equals_straight_run_bitwise(setup: dict[str, Path], tmp_path: Path) -> None:
    straight = train(_cfg(setup, tmp_path / "straight"))
    assert straight.steps == 8 and not straight.interrupted

    trainer = Trainer(_cfg(setup, tmp_path / "split"))
    # A real Ctrl-C after step 3: the trainer finishes the step, saves step 3 and stops.
    trainer.on_step = lambda record: os.kill(os.getpid(), signal.SIGINT) if record["step"] == 3 else None
    first = trainer.fit()
    trainer.close()
    assert first.interrupted and first.steps == 3
    assert [step for step, _ in list_checkpoints(tmp_path / "split")] == [3]

    second = train(_cfg(setup, tmp_path / "split", resume=True))
    assert second.steps == 8 and not second.interrupted
    a = _weights(Path(straight.checkpoint))
    b = _weights(Path(second.checkpoint))
    assert a.keys() == b.keys()
    for name in a:
        assert torch.equal(a[name], b[name]), name
    sa = torch.load(Path(straight.checkpoint) / "training_state.pt", weights_only=True)
    sb = torch.load(Path(second.checkpoint) / "training_state.pt", weights_only=True)
    for name, state in sa["optimizer"]["state"].items():
        assert torch.equal(state["exp_avg_sq"], sb["optimizer"]["state"][name]["exp_avg_sq"]), name
    assert sa["scheduler"]["last_epoch"] == sb["scheduler"]["last_epoch"] == 8
    assert sb["sampler"] == {"seed": 0, "step": 8}
    # The resumed run's metrics continue the first one's without repeating a step.
    steps = [r["step"] for r in read_metrics(tmp_path / "split") if r["kind"] == "train"]
    assert steps == list(range(1, 9))
    assert second.val_loss == pytest.approx(straight.val_loss, abs=0)


def test_checkpoint_directory_is_complete_and_pruned(setup: dict[str, Path], tmp_path: Path) -> None:
    result = train(_cfg(setup, tmp_path / "run", steps=6, ckpt_every=1, keep_last=2))
    assert [s for s, _ in list_checkpoints(tmp_path / "run")] == [5, 6]
    ckpt = Path(result.checkpoint)
    assert sorted(p.name for p in ckpt.iterdir()) == [
        "chat_template.jinja", "config.json", "model.safetensors", "tokenizer.model", "training_state.pt"]
    from havoc_model.checkpoint import load_checkpoint
    from havoc_model.tokenizer import HavocTokenizer

    model, cfg = load_checkpoint(ckpt)
    assert cfg.vocab_size == HavocTokenizer.load(ckpt).vocab_size  # the preset's vocab yields to the data's
    assert cfg.d_model == 64 and model.num_params() > 0
    assert not any(p.name.startswith(".") for p in (tmp_path / "run" / "checkpoints").iterdir())


def test_grad_accumulation_matches_the_big_batch(setup: dict[str, Path], tmp_path: Path) -> None:
    big = train(_cfg(setup, tmp_path / "big", steps=3, batch_size=4, grad_accum=1))
    acc = train(_cfg(setup, tmp_path / "acc", steps=3, batch_size=2, grad_accum=2))
    a, b = _weights(Path(big.checkpoint)), _weights(Path(acc.checkpoint))
    for name in a:  # Adam divides by sqrt(v): float-order noise in tiny gradients shows at ~1e-6
        torch.testing.assert_close(a[name], b[name], rtol=1e-4, atol=2e-5)
    # Adam is blind to the gradient's scale; the norm is not, so it checks the 1/grad_accum factor.
    norms_big = [r["grad_norm"] for r in big.history if r["kind"] == "train"]
    norms_acc = [r["grad_norm"] for r in acc.history if r["kind"] == "train"]
    assert norms_big == pytest.approx(norms_acc, rel=1e-4)


def test_learning_happens_and_lr_follows_the_schedule(setup: dict[str, Path], tmp_path: Path) -> None:
    result = train(_cfg(setup, tmp_path / "learn", steps=40, eval_every=40, ckpt_every=40, lr=1e-2, warmup=4))
    train_losses = [r["loss"] for r in result.history if r["kind"] == "train"]
    assert np.mean(train_losses[-5:]) < np.mean(train_losses[:5]) - 1.0
    assert result.val_loss < result.unigram_entropy
    lrs = [r["lr"] for r in result.history if r["kind"] == "train"]
    assert lrs[0] == pytest.approx(1e-2 / 4)  # warmup step 1 of 4
    assert max(lrs) == pytest.approx(1e-2)
    assert lrs[-1] == pytest.approx(1e-3, rel=0.05)  # cosine down to min_lr_ratio 0.1


def test_bf16_autocast_on_cpu(setup: dict[str, Path], tmp_path: Path) -> None:
    result = train(_cfg(setup, tmp_path / "bf16", steps=3, precision="bf16", grad_checkpointing=True))
    assert result.precision == "bf16"
    assert np.isfinite(result.train_loss) and np.isfinite(result.val_loss)


def test_bad_runs_are_one_line_errors(setup: dict[str, Path], tmp_path: Path) -> None:
    done = train(_cfg(setup, tmp_path / "done", steps=2, ckpt_every=2))
    with pytest.raises(ModelInputError, match="--resume"):
        Trainer(_cfg(setup, tmp_path / "done", steps=4))
    with pytest.raises(ModelInputError, match="ask for more"):
        Trainer(_cfg(setup, tmp_path / "done", steps=2, resume=True))
    (Path(done.checkpoint) / "training_state.pt").write_bytes(b"garbage")
    with pytest.raises(ModelInputError, match="corrupt training state"):
        Trainer(_cfg(setup, tmp_path / "done", steps=4, resume=True))
    with pytest.raises(ModelInputError, match="seq-len"):
        Trainer(_cfg(setup, tmp_path / "x", seq_len=1000))
    with pytest.raises(ModelInputError, match="fp16"):
        Trainer(_cfg(setup, tmp_path / "x", precision="fp16"))
    with pytest.raises(ModelInputError, match="steps"):
        Trainer(_cfg(setup, tmp_path / "x", steps=0))
    with pytest.raises(ModelInputError, match="manifest.json not found"):
        Trainer(_cfg(setup, tmp_path / "x", data=str(tmp_path)))
    with pytest.raises(ModelInputError, match="schedule"):
        Trainer(_cfg(setup, tmp_path / "x", schedule="wiggly"))
    with pytest.raises(ModelInputError, match="parallel"):
        Trainer(_cfg(setup, tmp_path / "x", parallel="ddp"))


def test_a_checkpoint_refuses_data_from_another_tokenizer(setup: dict[str, Path], tmp_path: Path) -> None:
    done = train(_cfg(setup, tmp_path / "a", steps=2, ckpt_every=2))
    (Path(done.checkpoint) / "tokenizer.model").write_bytes(
        (setup["data"] / "tokenizer.model").read_bytes() + b"\x00")  # any other tokenizer file
    with pytest.raises(ModelInputError, match="different tokenizer"):
        Trainer(_cfg(setup, tmp_path / "b", init_from=done.checkpoint, preset=None))


def test_init_from_a_checkpoint_starts_from_its_weights(setup: dict[str, Path], tmp_path: Path) -> None:
    from havoc_model.checkpoint import load_checkpoint, save_checkpoint
    from havoc_model.config import get_config
    from havoc_model.model import HavocLM

    cfg = get_config(str(setup["yaml"]))
    torch.manual_seed(123)
    start = HavocLM(cfg)
    save_checkpoint(tmp_path / "init", start, cfg)
    trainer = Trainer(_cfg(setup, tmp_path / "run", init_from=str(tmp_path / "init"), preset=None, lr=1e-9))
    for name, tensor in start.state_dict().items():
        assert torch.equal(trainer.base.state_dict()[name], tensor), name
    result = trainer.fit()
    trainer.close()
    model, saved_cfg = load_checkpoint(Path(result.checkpoint))
    assert saved_cfg == cfg  # the checkpoint's own shape (vocab 4096 here), not the data's
