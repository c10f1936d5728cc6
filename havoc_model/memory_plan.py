"""How much GPU memory a training setup needs, per GPU, before anyone rents the GPUs.

The accounting (bytes per parameter P, mixed-precision bf16 training with AdamW):

- replica (one GPU, or DDP): fp32 master weights 4P + fp32 gradients 4P +
  AdamW first and second moments 8P = 16P on every GPU;
- FSDP2 over N GPUs: the same 16P divided by N, plus what is gathered at a
  time: the bf16 weights and gradients of two transformer blocks (the one
  computing and the one prefetched) and the bf16 root (embedding, head);
- activations saved for backward, per token per layer, in bf16:
  attention (norm in/out, fused qkv, rotated q/k, attention output) =
  5d + 3·kv_dim elements and SwiGLU (norm in/out, gate|up, silu, product) =
  2d + 4·ffn elements, so 2·(7d + 3·kv_dim + 4·ffn) bytes; plus the logits
  (fp32 logits, their log-softmax and its gradient, 12 bytes per vocabulary
  entry per token). Activation checkpointing keeps only each block's fp32
  input (4d bytes per token per layer) and recomputes one block at a time;
- overhead: 3 GiB (CUDA context, NCCL buffers) plus 5 % for allocator
  fragmentation.

It is an estimate (within ~10-15 % of measured peaks for Llama-style models);
its purpose is to say which setups cannot possibly fit.
"""

from __future__ import annotations

from pydantic import BaseModel

from havoc_model.config import ModelConfig, param_breakdown, param_count
from havoc_model.errors import ModelInputError

GIB = 1024**3
FIXED_OVERHEAD_GIB = 3.0
FRAGMENTATION = 0.05


class Setup(BaseModel):
    name: str
    strategy: str
    activation_checkpointing: bool
    weights_gib: float
    grads_gib: float
    optimizer_gib: float
    gathered_gib: float
    activations_gib: float
    overhead_gib: float
    total_gib: float
    fits: bool


class MemoryPlan(BaseModel):
    preset: str
    parameters: int
    gpus: int
    gpu_mem_gib: float
    micro_batch: int
    seq_len: int
    setups: list[Setup]


def activation_bytes(cfg: ModelConfig, tokens: int, checkpointing: bool) -> float:
    """Bytes of activations kept for backward for `tokens` tokens (see the module docstring)."""
    kv_dim = cfg.n_kv_heads * cfg.head_dim
    per_layer = 2 * (7 * cfg.d_model + 3 * kv_dim + 4 * cfg.ffn_hidden)
    logits = 12 * cfg.vocab_size
    if checkpointing:
        body = 4 * cfg.d_model * cfg.n_layers + per_layer
    else:
        body = per_layer * cfg.n_layers
    return float(tokens) * (body + logits)


def plan_memory(
    cfg: ModelConfig, *, gpus: int, gpu_mem_gib: float, micro_batch: int = 1, seq_len: int | None = None,
    name: str = "custom",
) -> MemoryPlan:
    if gpus < 1:
        raise ModelInputError("gpus: must be a positive integer")
    if not gpu_mem_gib > 0:
        raise ModelInputError("gpu-mem: must be a positive number of GiB")
    if micro_batch < 1:
        raise ModelInputError("batch-size: must be a positive integer")
    seq = seq_len or cfg.max_seq_len
    if seq < 1:
        raise ModelInputError("seq-len: must be a positive integer")
    p = param_count(cfg)
    parts = param_breakdown(cfg)
    block = (parts["attention"] + parts["mlp"] + parts["norms"] - cfg.d_model) / cfg.n_layers
    root = parts["embedding"] + parts["lm_head"] + cfg.d_model
    tokens = micro_batch * seq
    setups = []
    strategies = [("ddp", 1)] + ([("fsdp2", gpus)] if gpus > 1 else [])
    for strategy, shards in strategies:
        for ac in (False, True):
            weights, grads, optim = 4 * p / shards, 4 * p / shards, 8 * p / shards
            gathered = (2 * 2 * block * 2 + 2 * root) if strategy == "fsdp2" else 0.0
            acts = activation_bytes(cfg, tokens, ac)
            subtotal = weights + grads + optim + gathered + acts
            overhead = FIXED_OVERHEAD_GIB * GIB + FRAGMENTATION * subtotal
            total = subtotal + overhead
            label = ("single GPU" if gpus == 1 else f"DDP x{gpus} (full replica)") if strategy == "ddp" \
                else f"FSDP2 x{gpus} (sharded)"
            setups.append(Setup(
                name=label + (" + activation checkpointing" if ac else ""),
                strategy=strategy, activation_checkpointing=ac,
                weights_gib=weights / GIB, grads_gib=grads / GIB, optimizer_gib=optim / GIB,
                gathered_gib=gathered / GIB, activations_gib=acts / GIB, overhead_gib=overhead / GIB,
                total_gib=total / GIB, fits=total / GIB <= gpu_mem_gib,
            ))
    return MemoryPlan(preset=name, parameters=p, gpus=gpus, gpu_mem_gib=gpu_mem_gib, micro_batch=micro_batch,
                      seq_len=seq, setups=setups)


def format_plan(plan: MemoryPlan) -> str:
    lines = [
        f"{plan.preset}: {plan.parameters:,} parameters; {plan.gpus} GPU(s) of {plan.gpu_mem_gib:g} GiB; "
        f"micro-batch {plan.micro_batch} x {plan.seq_len} tokens; AdamW, bf16 mixed precision (GiB per GPU)",
        f"{'setup':<52} {'weights':>8} {'grads':>8} {'adam':>8} {'gather':>7} {'activ.':>8} {'other':>6} "
        f"{'total':>8}  fits",
    ]
    for s in plan.setups:
        lines.append(
            f"{s.name:<52} {s.weights_gib:8.1f} {s.grads_gib:8.1f} {s.optimizer_gib:8.1f} {s.gathered_gib:7.1f} "
            f"{s.activations_gib:8.1f} {s.overhead_gib:6.1f} {s.total_gib:8.1f}  {'yes' if s.fits else 'NO'}"
        )
    if not any(s.fits for s in plan.setups):
        lines.append("nothing fits: add GPUs (FSDP2 shards the 16 bytes/parameter), shorten --seq-len, "
                     "or lower the micro-batch")
    return "\n".join(lines)
