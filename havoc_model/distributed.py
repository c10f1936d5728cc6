"""Process groups, DDP / FSDP2 wrapping and world-size-independent state dicts.

The trainer is one program; `torchrun --nproc_per_node N -m havoc_model.cli
train ...` sets RANK / WORLD_SIZE / LOCAL_RANK and this module turns that into
a process group (NCCL on GPUs, gloo on CPU) and a wrapped model:

- DDP for models whose full replica (weights, gradients, AdamW state: 16
  bytes per parameter) fits on every device;
- FSDP2 (`torch.distributed.fsdp.fully_shard`, one unit per transformer block
  plus the root) when it does not: every rank keeps 1/N of the weights,
  gradients and optimiser state and gathers one block at a time.

Checkpoints are always written as *full*, unsharded tensors keyed by
parameter name, so a run saved on 8 GPUs resumes on 1 (or on a CPU) and the
weights file is the same `model.safetensors` the exporter reads.
"""

from __future__ import annotations

import contextlib
import os
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from typing import Any

import torch
import torch.distributed as dist
from torch import nn

from havoc_model.errors import ModelInputError

PARALLEL_MODES = ("auto", "none", "ddp", "fsdp")
DDP_MAX_PARAMS = 1_500_000_000  # past this a 16-byte/param replica (24 GB) no longer leaves room to train


@dataclass(frozen=True)
class DistInfo:
    rank: int
    world_size: int
    local_rank: int
    device: torch.device
    backend: str | None

    @property
    def is_main(self) -> bool:
        return self.rank == 0

    @property
    def distributed(self) -> bool:
        return self.world_size > 1


def init_distributed(device: str = "auto") -> DistInfo:
    """Read torchrun's environment; start the process group when there is more than one process."""
    world = int(os.environ.get("WORLD_SIZE", "1"))
    rank = int(os.environ.get("RANK", "0"))
    local_rank = int(os.environ.get("LOCAL_RANK", "0"))
    if device == "auto":
        device = "cuda" if torch.cuda.is_available() else "cpu"
    if device not in ("cpu", "cuda") and not device.startswith("cuda:"):
        raise ModelInputError(f"device: expected auto, cpu or cuda, got {device!r}")
    if device.startswith("cuda") and not torch.cuda.is_available():
        raise ModelInputError("device: cuda requested but no CUDA device is available")
    if device == "cuda":
        dev = torch.device("cuda", local_rank if world > 1 else torch.cuda.current_device())
        torch.cuda.set_device(dev)
    else:
        dev = torch.device(device)
    backend = None
    if world > 1:
        backend = "nccl" if dev.type == "cuda" else "gloo"
        if not dist.is_initialized():
            dist.init_process_group(backend=backend, device_id=dev if dev.type == "cuda" else None)
    return DistInfo(rank, world, local_rank, dev, backend)


def shutdown(info: DistInfo) -> None:
    """Leave together: a rank that tears gloo down while its peer is still sending aborts the peer."""
    if info.distributed and dist.is_initialized():
        with contextlib.suppress(Exception):  # a peer already gone (Ctrl-C, crash) must not hide the real error
            dist.barrier()
        dist.destroy_process_group()


def choose_mode(mode: str, info: DistInfo, n_params: int) -> str:
    if mode not in PARALLEL_MODES:
        raise ModelInputError(f"parallel: expected one of {', '.join(PARALLEL_MODES)}, got {mode!r}")
    if not info.distributed:
        if mode in ("ddp", "fsdp"):
            raise ModelInputError(f"parallel: {mode} needs several processes; launch with torchrun")
        return "none"
    if mode == "auto":
        return "ddp" if n_params <= DDP_MAX_PARAMS else "fsdp"
    if mode == "none":
        raise ModelInputError("parallel: none cannot run under several processes")
    return mode


def wrap_ddp(model: nn.Module, info: DistInfo) -> nn.Module:
    from torch.nn.parallel import DistributedDataParallel

    ids = [info.device.index] if info.device.type == "cuda" else None
    return DistributedDataParallel(model, device_ids=ids)


def shard_fsdp(model: nn.Module, param_dtype: torch.dtype | None) -> nn.Module:
    """fully_shard each block, then the root (which holds the embedding, final norm and head)."""
    from torch.distributed.fsdp import MixedPrecisionPolicy, fully_shard

    policy = MixedPrecisionPolicy(param_dtype=param_dtype, reduce_dtype=torch.float32) if param_dtype else None
    kwargs: dict[str, Any] = {"mp_policy": policy} if policy else {}
    for block in model.layers:
        fully_shard(block, **kwargs)
    fully_shard(model, **kwargs)
    return model


def no_sync(model: nn.Module, mode: str, last_micro: bool) -> AbstractContextManager:
    """Skip the gradient all-reduce on all but the last micro-batch of an accumulation."""
    if mode == "ddp" and not last_micro:
        return model.no_sync()
    if mode == "fsdp":
        model.set_requires_gradient_sync(last_micro)
    return nullcontext()


def all_reduce_mean(value: torch.Tensor, info: DistInfo) -> torch.Tensor:
    if info.distributed:
        value = value.clone()
        dist.all_reduce(value, op=dist.ReduceOp.SUM)
        value /= info.world_size
    return value


def any_rank(flag: bool, info: DistInfo) -> bool:
    """True on every rank if it is true on one (e.g. Ctrl-C seen by only some processes)."""
    if not info.distributed:
        return flag
    t = torch.tensor([1.0 if flag else 0.0], device=info.device)
    dist.all_reduce(t, op=dist.ReduceOp.MAX)
    return bool(t.item() > 0)


def barrier(info: DistInfo) -> None:
    if info.distributed:
        dist.barrier()


def gather_objects(obj: Any, info: DistInfo) -> list[Any]:
    if not info.distributed:
        return [obj]
    out: list[Any] = [None] * info.world_size
    dist.all_gather_object(out, obj)
    return out


# state dicts --------------------------------------------------------------------------------------


def full_model_state(model: nn.Module, mode: str) -> dict[str, torch.Tensor]:
    """Unsharded CPU tensors by name (complete on rank 0 under FSDP; collective there, so call on all ranks)."""
    if mode == "fsdp":
        from torch.distributed.checkpoint.state_dict import StateDictOptions, get_model_state_dict

        return get_model_state_dict(model, options=StateDictOptions(full_state_dict=True, cpu_offload=True))
    return {k: v.detach().cpu() for k, v in model.state_dict().items()}


def full_optimizer_state(model: nn.Module, optimizer: torch.optim.Optimizer, mode: str) -> dict[str, Any]:
    """AdamW state keyed by parameter name, whatever the sharding (see the module docstring)."""
    if mode == "fsdp":
        from torch.distributed.checkpoint.state_dict import StateDictOptions, get_optimizer_state_dict

        return get_optimizer_state_dict(
            model, optimizer, options=StateDictOptions(full_state_dict=True, cpu_offload=True)
        )
    names = _param_names(model)
    sd = optimizer.state_dict()
    order = [p for group in optimizer.param_groups for p in group["params"]]
    index_to_name = {i: names[id(p)] for i, p in enumerate(order)}
    state = {index_to_name[i]: {k: _cpu(v) for k, v in s.items()} for i, s in sd["state"].items()}
    groups = [{**g, "params": [index_to_name[i] for i in g["params"]]} for g in sd["param_groups"]]
    return {"state": state, "param_groups": groups}


def load_full_model_state(model: nn.Module, state: dict[str, torch.Tensor]) -> None:
    """FSDP2: rank 0 passes the full state dict, the others `{}`; tensors are broadcast and sharded."""
    from torch.distributed.checkpoint.state_dict import StateDictOptions, set_model_state_dict

    set_model_state_dict(model, state, options=StateDictOptions(full_state_dict=True, broadcast_from_rank0=True))


def load_optimizer_state(
    model: nn.Module, optimizer: torch.optim.Optimizer, state: dict[str, Any], mode: str
) -> None:
    """Under FSDP2 only rank 0's `state` is read (others may pass `{}`); it is broadcast and sharded."""
    if mode == "fsdp":
        from torch.distributed.checkpoint.state_dict import StateDictOptions, set_optimizer_state_dict

        set_optimizer_state_dict(
            model, optimizer, state,
            options=StateDictOptions(full_state_dict=True, broadcast_from_rank0=True),
        )
        return
    names = _param_names(model)
    order = [p for group in optimizer.param_groups for p in group["params"]]
    name_to_index = {names[id(p)]: i for i, p in enumerate(order)}
    try:
        converted_state = {name_to_index[n]: s for n, s in state["state"].items()}
        groups = [{**g, "params": [name_to_index[n] for n in g["params"]]} for g in state["param_groups"]]
    except KeyError as exc:
        raise ModelInputError(f"training_state: optimiser state names parameter {exc} the model lacks") from None
    optimizer.load_state_dict({"state": converted_state, "param_groups": groups})


def _param_names(model: nn.Module) -> dict[int, str]:
    return {id(p): name for name, p in model.named_parameters()}


def _cpu(value: Any) -> Any:
    return value.detach().cpu() if isinstance(value, torch.Tensor) else value
