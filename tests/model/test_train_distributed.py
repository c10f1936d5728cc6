"""The multi-process path on CPU (gloo, 2 processes): DDP and FSDP2 reproduce the one-process run.

The sampler draws one global batch per step and each rank takes its slice,
so 2 ranks x batch 2 must train exactly what 1 rank x batch 4 trains; only
float summation order differs. Gradient accumulation under both wrappers
(DDP's no_sync, FSDP2's set_requires_gradient_sync) is exercised by splitting
each rank's share into micro-batches. FSDP2 is also stopped, saved (full
tensors) and resumed, both under FSDP2 and in a single process.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import torch
from safetensors.torch import load_file

from havoc_model.data import SourceSpec, prepare_data
from havoc_model.tokenizer import train_tokenizer
from havoc_model.train import TrainConfig, list_checkpoints, train

REPO = Path(__file__).resolve().parents[2]
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not torch.distributed.is_available() or not torch.distributed.is_gloo_available(),
                       reason="torch.distributed with gloo is not available"),
]
TINY_YAML = "preset: planner-tiny\nd_model: 64\nn_layers: 2\nn_heads: 4\nn_kv_heads: 2\nffn_hidden: 128\nmax_seq_len: 64\n"
COMMON = ["--steps", "6", "--seq-len", "32", "--lr", "3e-3", "--warmup", "2", "--eval-every", "3",
          "--eval-windows", "4", "--ckpt-every", "3", "--log-every", "1", "--device", "cpu", "--no-progress",
          "--no-tensorboard"]


@pytest.fixture(scope="module")
def setup(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("dist")
    text = root / "text.md"
    text.write_text("".join(f"Row {i}: {i} squared is {i * i}.\n\n" for i in range(400)), encoding="utf-8")
    dialogue = root / "dialogue.jsonl"
    dialogue.write_text("".join(json.dumps({"messages": [
        {"role": "user", "content": f"half of {2 * i}?"}, {"role": "assistant", "content": f"{i}"}]}) + "\n"
        for i in range(300)), encoding="utf-8")
    train_tokenizer([text, dialogue], 600, root / "tok")
    prepare_data([SourceSpec("domain", [text]), SourceSpec("dialogue", [dialogue])], root / "tok", root / "data",
                 val_block=64)
    (root / "tiny.yaml").write_text(TINY_YAML, encoding="utf-8")
    reference = train(TrainConfig(
        data=str(root / "data"), out=str(root / "single"), preset=str(root / "tiny.yaml"), steps=6, batch_size=4,
        seq_len=32, lr=3e-3, warmup=2, eval_every=3, eval_windows=4, ckpt_every=3, log_every=1, device="cpu",
        progress=False, tensorboard=False,
    ))
    return {"root": root, "data": root / "data", "yaml": root / "tiny.yaml", "single": Path(reference.checkpoint)}


def _torchrun(setup: dict[str, Path], out: Path, *extra: str) -> None:
    cmd = [sys.executable, "-m", "torch.distributed.run", "--standalone", "--nproc_per_node", "2",
           "-m", "havoc_model.cli", "train", "--preset", str(setup["yaml"]), "--data", str(setup["data"]),
           "--out", str(out), *COMMON, *extra]
    env = {**os.environ, "OMP_NUM_THREADS": "1", "PYTHONWARNINGS": "ignore"}
    proc = subprocess.run(cmd, cwd=REPO, env=env, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-4000:]


def _assert_same_weights(a_dir: Path, b_dir: Path) -> None:
    a, b = load_file(str(a_dir / "model.safetensors")), load_file(str(b_dir / "model.safetensors"))
    assert a.keys() == b.keys()
    for name in a:
        torch.testing.assert_close(a[name], b[name], rtol=1e-4, atol=2e-5, msg=name)


def test_ddp_two_processes_match_one(setup: dict[str, Path]) -> None:
    out = setup["root"] / "ddp"
    # 2 ranks x 1 sequence x 2 accumulation steps = the one-process batch of 4 (exercises no_sync).
    _torchrun(setup, out, "--parallel", "ddp", "--batch-size", "1", "--grad-accum", "2")
    _assert_same_weights(list_checkpoints(out)[-1][1], setup["single"])
    meta = json.loads((out / "metrics.jsonl").read_text().splitlines()[0])
    assert meta["parallel"] == "ddp" and meta["world_size"] == 2


def test_fsdp2_stop_resume_and_portable_checkpoint(setup: dict[str, Path]) -> None:
    out = setup["root"] / "fsdp"
    _torchrun(setup, out, "--parallel", "fsdp", "--batch-size", "2", "--stop-at", "3")
    assert [s for s, _ in list_checkpoints(out)] == [3]
    portable = setup["root"] / "fsdp_then_single"
    shutil.copytree(out, portable)
    _torchrun(setup, out, "--parallel", "fsdp", "--batch-size", "1", "--grad-accum", "2", "--resume")
    _assert_same_weights(list_checkpoints(out)[-1][1], setup["single"])
    # The FSDP2 checkpoint holds full tensors: one process resumes it and lands on the same weights.
    result = train(TrainConfig(
        data=str(setup["data"]), out=str(portable), preset=str(setup["yaml"]), steps=6, batch_size=4, seq_len=32,
        lr=3e-3, warmup=2, eval_every=3, eval_windows=4, ckpt_every=3, log_every=1, device="cpu",
        progress=False, tensorboard=False, resume=True,
    ))
    assert result.steps == 6
    _assert_same_weights(Path(result.checkpoint), setup["single"])
