"""AdamW parameter groups and learning-rate schedules.

Weight decay policy (the Llama / nanoGPT convention): decay every weight
matrix of a linear layer; do not decay RMSNorm gains, biases, or the token
embedding. Norm gains and biases set scales and offsets, and pulling them
towards zero fights the normalisation; the embedding is a lookup table whose
rows are updated only when their token appears, so decay would shrink rare
tokens' rows every step while they receive no gradient. With tied embeddings
the output head *is* the embedding matrix, so it is not decayed either.
Parameters are recognised by identity (not by name), so a tied tensor lands
in exactly one group.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import torch
from torch import nn

from havoc_model.errors import ModelInputError

SCHEDULES = ("cosine", "linear", "constant")


def param_groups(model: nn.Module, weight_decay: float) -> list[dict[str, Any]]:
    """Two AdamW groups: decayed weight matrices and everything else (see the module docstring)."""
    no_decay: set[int] = set()
    for module in model.modules():
        if isinstance(module, nn.Embedding):
            no_decay.add(id(module.weight))
    decay, keep, seen = [], [], set()
    for param in model.parameters():
        if not param.requires_grad or id(param) in seen:
            continue
        seen.add(id(param))
        if param.ndim < 2 or id(param) in no_decay:
            keep.append(param)
        else:
            decay.append(param)
    return [
        {"params": decay, "weight_decay": weight_decay},
        {"params": keep, "weight_decay": 0.0},
    ]


def build_optimizer(
    model: nn.Module, *, lr: float, weight_decay: float, betas: tuple[float, float], eps: float = 1e-8,
    device_type: str = "cpu",
) -> torch.optim.AdamW:
    """AdamW with the fused kernel on CUDA and on CPU, the multi-tensor path otherwise.

    On CPU the fused step is about 6x faster than the multi-tensor one (20 ms against 128 ms for
    32M parameters, one thread), which is 2-3 % of a training step. Sharded (DTensor) parameters
    on CPU keep the multi-tensor path, the one measured under FSDP2 with gloo.
    """
    groups = param_groups(model, weight_decay)
    plain = all(type(p.data) is torch.Tensor for group in groups for p in group["params"])
    fused = device_type == "cuda" or (device_type == "cpu" and plain)
    return torch.optim.AdamW(groups, lr=lr, betas=betas, eps=eps, fused=fused, foreach=None if fused else True)


@dataclass
class LRSchedule:
    """Multiplier of the peak learning rate at a step: linear warmup, then cosine, linear or constant.

    A plain object with a `__call__` (not a lambda) so `LambdaLR.state_dict`
    can save it and a resumed run checks it is continuing the same schedule.
    """

    total_steps: int
    warmup_steps: int = 0
    kind: str = "cosine"
    min_ratio: float = 0.1

    def __post_init__(self) -> None:
        if self.kind not in SCHEDULES:
            raise ModelInputError(f"schedule: expected one of {', '.join(SCHEDULES)}, got {self.kind!r}")
        if self.total_steps < 1:
            raise ModelInputError("steps: must be at least 1")
        if not 0 <= self.warmup_steps <= self.total_steps:
            raise ModelInputError("warmup: must be between 0 and the number of steps")
        if not 0.0 <= self.min_ratio <= 1.0:
            raise ModelInputError("min_lr_ratio: must be in [0, 1]")

    def __call__(self, step: int) -> float:
        if self.warmup_steps and step < self.warmup_steps:
            return (step + 1) / self.warmup_steps
        if self.kind == "constant":
            return 1.0
        span = max(1, self.total_steps - self.warmup_steps)
        progress = min(1.0, (step - self.warmup_steps) / span)
        if self.kind == "linear":
            shape = 1.0 - progress
        else:
            shape = 0.5 * (1.0 + math.cos(math.pi * progress))
        return self.min_ratio + (1.0 - self.min_ratio) * shape


def build_scheduler(optimizer: torch.optim.Optimizer, schedule: LRSchedule) -> torch.optim.lr_scheduler.LambdaLR:
    return torch.optim.lr_scheduler.LambdaLR(optimizer, schedule)
