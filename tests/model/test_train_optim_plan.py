"""AdamW groups, LR schedules, the memory planner and the plot: small pure pieces of the trainer."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
import torch

from havoc_model.config import get_config, param_count
from havoc_model.errors import ModelInputError
from havoc_model.memory_plan import activation_bytes, format_plan, plan_memory
from havoc_model.model import HavocLM
from havoc_model.optim import LRSchedule, param_groups
from havoc_model.plot import plot_run


def _small(tie: bool) -> HavocLM:
    cfg = get_config("planner-tiny")
    cfg.vocab_size, cfg.n_layers, cfg.tie_embeddings = 100, 2, tie
    return HavocLM(cfg)


@pytest.mark.parametrize("tie", [True, False])
def test_param_groups_decay_only_matrices(tie: bool) -> None:
    model = _small(tie)
    decay, keep = param_groups(model, 0.1)
    assert decay["weight_decay"] == 0.1 and keep["weight_decay"] == 0.0
    names = {id(p): n for n, p in model.named_parameters()}
    decayed = {names[id(p)] for p in decay["params"]}
    kept = {names[id(p)] for p in keep["params"]}
    assert "tok_embeddings.weight" in kept
    assert all("norm" not in n for n in decayed)
    assert all(n.endswith("norm.weight") or n == "tok_embeddings.weight" for n in kept)
    assert ("lm_head.weight" in decayed) == (not tie)
    # every trainable tensor in exactly one group, tied ones once
    assert len(decay["params"]) + len(keep["params"]) == len(list(model.parameters()))
    assert not decayed & kept


def test_schedules() -> None:
    cos = LRSchedule(total_steps=110, warmup_steps=10, kind="cosine", min_ratio=0.1)
    assert [cos(i) for i in range(3)] == pytest.approx([0.1, 0.2, 0.3])
    assert cos(10) == pytest.approx(1.0)
    assert cos(60) == pytest.approx(0.1 + 0.9 * 0.5)
    assert cos(110) == pytest.approx(0.1) and cos(500) == pytest.approx(0.1)
    lin = LRSchedule(total_steps=100, warmup_steps=0, kind="linear", min_ratio=0.0)
    assert lin(0) == 1.0 and lin(50) == pytest.approx(0.5) and lin(100) == 0.0
    const = LRSchedule(total_steps=100, warmup_steps=5, kind="constant")
    assert const(4) == 1.0 and const(99) == 1.0 and const(2) == pytest.approx(0.6)
    assert all(0 < cos(i) <= 1 for i in range(200))
    with pytest.raises(ModelInputError, match="warmup"):
        LRSchedule(total_steps=10, warmup_steps=11)
    with pytest.raises(ModelInputError, match="schedule"):
        LRSchedule(total_steps=10, kind="step")


def test_7b_does_not_fit_one_80gb_gpu_with_adamw() -> None:
    cfg = get_config("havoc-7b")
    plan = plan_memory(cfg, gpus=1, gpu_mem_gib=80, micro_batch=1, seq_len=4096, name="havoc-7b")
    p = param_count(cfg)
    assert plan.parameters == p
    for setup in plan.setups:
        assert setup.weights_gib + setup.grads_gib + setup.optimizer_gib == pytest.approx(16 * p / 2**30)
        assert not setup.fits
    assert 16 * p / 2**30 > 80  # even before activations
    eight = plan_memory(cfg, gpus=8, gpu_mem_gib=80, seq_len=4096, name="havoc-7b")
    fsdp = [s for s in eight.setups if s.strategy == "fsdp2"]
    ddp = [s for s in eight.setups if s.strategy == "ddp"]
    assert all(s.fits for s in fsdp) and not any(s.fits for s in ddp)
    assert fsdp[0].optimizer_gib == pytest.approx(8 * p / 8 / 2**30)
    assert "NO" in format_plan(plan) and "nothing fits" in format_plan(plan)


def test_activation_estimate_scales_and_checkpointing_saves() -> None:
    cfg = get_config("havoc-1b")
    full = activation_bytes(cfg, 4096, False)
    assert activation_bytes(cfg, 8192, False) == pytest.approx(2 * full)
    logits = 4096 * 12 * cfg.vocab_size  # the head's activations are not checkpointed
    assert activation_bytes(cfg, 4096, True) - logits < (full - logits) / 4
    kv = cfg.n_kv_heads * cfg.head_dim
    per_token = cfg.n_layers * 2 * (7 * cfg.d_model + 3 * kv + 4 * cfg.ffn_hidden) + 12 * cfg.vocab_size
    assert full == pytest.approx(4096 * per_token)
    with pytest.raises(ModelInputError, match="gpus"):
        plan_memory(cfg, gpus=0, gpu_mem_gib=80)


def test_plot_draws_a_png(tmp_path: Path) -> None:
    lines = [{"kind": "meta", "step": 0, "unigram_entropy": 5.0}]
    for step in range(1, 41):
        lines.append({"kind": "train", "step": step, "loss": 8 * math.exp(-step / 10) + 2, "lr": 1e-3 * step / 40,
                      "tokens": step * 1024})
        if step % 10 == 0:
            lines.append({"kind": "val", "step": step, "val_loss": 8 * math.exp(-step / 10) + 2.2})
    (tmp_path / "metrics.jsonl").write_text("".join(json.dumps(r) + "\n" for r in lines) + '{"torn', "utf-8")
    png = plot_run(tmp_path)
    assert png == tmp_path / "curves.png"
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 10_000
    with pytest.raises(ModelInputError, match="no training metrics"):
        plot_run(tmp_path / "empty")


def test_optimizer_step_skips_decay_on_norms() -> None:
    model = _small(True)
    opt = torch.optim.AdamW(param_groups(model, 0.5), lr=0.1)
    before = model.layers[0].attn_norm.weight.detach().clone()
    for p in model.parameters():
        p.grad = torch.zeros_like(p)
    opt.step()  # zero gradient: only weight decay can move a parameter
    assert torch.equal(model.layers[0].attn_norm.weight, before)
    wqkv_before = model.layers[0].attn.wqkv.weight.detach().clone()
    for p in model.parameters():
        p.grad = torch.zeros_like(p)
    opt.step()
    torch.testing.assert_close(model.layers[0].attn.wqkv.weight, wqkv_before * (1 - 0.1 * 0.5))
