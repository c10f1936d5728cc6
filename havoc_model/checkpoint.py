"""Checkpoint directories: config.json + model.safetensors (+ tokenizer.model, training_state.pt).

A checkpoint is a directory so that the trainer, the exporter and the agent can each add or
read one file without rewriting the others. Weights are safetensors only: loading never
unpickles, so a checkpoint from a stranger cannot run code. Writes go to a temporary sibling
directory that is renamed into place, so a crash mid-save never leaves a half-written
checkpoint under the final name.
"""

from __future__ import annotations

import json
import math
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

import torch
from safetensors import SafetensorError, safe_open
from safetensors.torch import load_file, save_file

from havoc_model.chat_template import CHAT_TEMPLATE_FILE, write_chat_template
from havoc_model.config import ModelConfig
from havoc_model.errors import ModelInputError
from havoc_model.model import HavocLM

CONFIG_FILE = "config.json"
WEIGHTS_FILE = "model.safetensors"
TOKENIZER_FILE = "tokenizer.model"
TRAINING_STATE_FILE = "training_state.pt"
FORMAT_TAG = "havoc-checkpoint-v1"


def unwrap_model(model: torch.nn.Module) -> torch.nn.Module:
    """The HavocLM inside torch.compile's or DDP's wrapper, whose state-dict keys carry prefixes."""
    while True:
        inner = getattr(model, "_orig_mod", None) or getattr(model, "module", None)
        if not isinstance(inner, torch.nn.Module):
            return model
        model = inner


def _weights_for_saving(
    model: torch.nn.Module, cfg: ModelConfig, state: dict[str, torch.Tensor] | None,
) -> dict[str, torch.Tensor]:
    """State dict without the tied head (safetensors refuses shared storage), contiguous, on the CPU."""
    state = dict(state) if state is not None else unwrap_model(model).state_dict()
    if cfg.tie_embeddings:
        state.pop("lm_head.weight", None)
    return {name: tensor.detach().contiguous().cpu() for name, tensor in state.items()}


def save_checkpoint(
    directory: str | Path, model: torch.nn.Module, cfg: ModelConfig, *, extra_files: dict[str, Path] | None = None,
    state_dict: dict[str, torch.Tensor] | None = None,
) -> Path:
    """Write the checkpoint under a temp name, then rename it over `directory` (replacing an old one).

    `state_dict` overrides `model.state_dict()`: an FSDP trainer passes the gathered full state here.
    """
    target = Path(directory)
    target.parent.mkdir(parents=True, exist_ok=True)
    for name, source in (extra_files or {}).items():
        if Path(name).name != name or name in (CONFIG_FILE, WEIGHTS_FILE):
            raise ModelInputError(f"extra_files: {name!r} must be a plain file name other than the config or weights")
        if not Path(source).is_file():
            raise ModelInputError(f"extra_files: {source} not found")
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.tmp-", dir=target.parent))
    try:
        (staging / CONFIG_FILE).write_text(json.dumps(cfg.to_dict(), indent=2) + "\n", encoding="utf-8")
        weights = _weights_for_saving(model, cfg, state_dict)
        save_file(weights, str(staging / WEIGHTS_FILE), metadata={"format": "pt", "havoc": FORMAT_TAG})
        for name, source in (extra_files or {}).items():
            shutil.copyfile(source, staging / name)
        if TOKENIZER_FILE in (extra_files or {}) and CHAT_TEMPLATE_FILE not in (extra_files or {}):
            write_chat_template(staging)  # a tokenizer's chat layout travels with it
        _fsync_dir_files(staging)
        replace_directory(staging, target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return target


def _fsync_dir_files(directory: Path) -> None:
    for path in directory.iterdir():
        with open(path, "rb") as handle:
            os.fsync(handle.fileno())


def replace_directory(staging: Path, target: Path) -> None:
    """A directory cannot be os.replace'd over a non-empty one: move the old aside first, then drop it."""
    if not target.exists():
        os.replace(staging, target)
        return
    if not target.is_dir():
        raise ModelInputError(f"{target}: exists and is not a checkpoint directory")
    retired = Path(tempfile.mkdtemp(prefix=f".{target.name}.old-", dir=target.parent))
    os.replace(target, retired / "ckpt")
    try:
        os.replace(staging, target)
    except BaseException:
        os.replace(retired / "ckpt", target)
        raise
    finally:
        shutil.rmtree(retired, ignore_errors=True)


def _require_directory(directory: str | Path) -> Path:
    path = Path(directory)
    if not path.exists():
        raise ModelInputError(f"{path}: checkpoint not found")
    if not path.is_dir():
        raise ModelInputError(f"{path}: a checkpoint is a directory (config.json + model.safetensors)")
    return path


def read_config(directory: str | Path) -> ModelConfig:
    path = _require_directory(directory) / CONFIG_FILE
    if not path.is_file():
        raise ModelInputError(f"{path}: missing; not a HAVOC checkpoint")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ModelInputError(f"{path}: corrupt config ({exc})") from None
    if isinstance(data, dict) and "model_type" in data:
        raise ModelInputError(f"{path}: a Hugging Face config; convert it with `havoc-model import`")
    return ModelConfig.from_dict(data, source=str(path))


def read_weights(directory: str | Path, device: str | torch.device = "cpu") -> dict[str, torch.Tensor]:
    path = _require_directory(directory) / WEIGHTS_FILE
    if not path.is_file():
        raise ModelInputError(f"{path}: missing; the checkpoint has no weights")
    try:
        return load_file(str(path), device=str(device))
    except (SafetensorError, OSError, ValueError, RuntimeError) as exc:
        raise ModelInputError(f"{path}: corrupt weights ({' '.join(str(exc).split())[:160]})") from None


def _check_tensor_shapes(
    cfg: ModelConfig, shapes: dict[str, tuple[int, ...]], *, source: str, model: HavocLM | None = None,
) -> None:
    """One check for loading and for `info`, so `info` never vouches for weights that `load` would refuse."""
    if model is None:
        with torch.device("meta"):
            model = HavocLM(cfg)
    expected = {name: tuple(t.shape) for name, t in model.state_dict().items()}
    if cfg.tie_embeddings:
        expected.pop("lm_head.weight")
    missing = sorted(set(expected) - set(shapes))
    if missing:
        raise ModelInputError(f"{source}: tensor {missing[0]!r} missing ({len(missing)} missing in all)")
    unexpected = sorted(set(shapes) - set(expected))
    if unexpected:
        raise ModelInputError(f"{source}: unexpected tensor {unexpected[0]!r} for this config")
    for name, shape in expected.items():
        if tuple(shapes[name]) != shape:
            raise ModelInputError(f"{source}: tensor {name!r} has shape {tuple(shapes[name])}, config says {shape}")


def model_from_state(
    cfg: ModelConfig, state: dict[str, torch.Tensor], *, source: str,
    device: str | torch.device = "cpu", dtype: torch.dtype | None = None,
) -> HavocLM:
    """Build on the meta device and adopt the tensors: no throw-away random init, even for 7B."""
    with torch.device("meta"):
        model = HavocLM(cfg)
    _check_tensor_shapes(
        cfg, {name: tuple(t.shape) for name, t in state.items()}, source=source, model=model,
    )
    for name, tensor in state.items():
        if not tensor.is_floating_point():
            raise ModelInputError(f"{source}: tensor {name!r} is {tensor.dtype}, expected floating point")
    converted = {name: t.to(device=device, dtype=dtype or t.dtype) for name, t in state.items()}
    model.load_state_dict(converted, strict=False, assign=True)
    model.tie_weights()
    model.reset_rotary()
    return model.eval()


def load_checkpoint(
    directory: str | Path, *, device: str | torch.device = "cpu", dtype: torch.dtype | None = None,
) -> tuple[HavocLM, ModelConfig]:
    """The model in eval mode with the stored dtype unless `dtype` says otherwise."""
    cfg = read_config(directory)
    state = read_weights(directory, device="cpu")
    model = model_from_state(cfg, state, source=str(Path(directory) / WEIGHTS_FILE), device=device, dtype=dtype)
    return model, cfg


def describe_checkpoint(directory: str | Path) -> dict[str, Any]:
    """What `havoc-model info CKPT` prints: shape, parameter count, dtype and which optional files exist."""
    path = _require_directory(directory)
    cfg = read_config(path)
    weights = path / WEIGHTS_FILE
    if not weights.is_file():
        raise ModelInputError(f"{weights}: missing; the checkpoint has no weights")
    stored, dtypes_seen, shapes = 0, set(), {}
    try:  # headers only: describing a 7B checkpoint must not read 25 GB
        with safe_open(str(weights), framework="pt") as handle:
            for name in handle.keys():  # noqa: SIM118 (safe_open is not iterable)
                tensor_slice = handle.get_slice(name)
                shapes[name] = tuple(tensor_slice.get_shape())
                stored += math.prod(shapes[name])
                dtypes_seen.add(str(tensor_slice.get_dtype()))
    except (SafetensorError, OSError, ValueError, RuntimeError) as exc:
        raise ModelInputError(f"{weights}: corrupt weights ({' '.join(str(exc).split())[:160]})") from None
    _check_tensor_shapes(cfg, shapes, source=str(weights))
    dtypes = sorted(dtypes_seen)
    return {
        "path": str(path),
        "config": cfg.to_dict(),
        "parameters": stored,
        "dtypes": dtypes,
        "weights_bytes": (path / WEIGHTS_FILE).stat().st_size,
        "has_tokenizer": (path / TOKENIZER_FILE).is_file(),
        "has_chat_template": (path / CHAT_TEMPLATE_FILE).is_file(),
        "has_training_state": (path / TRAINING_STATE_FILE).is_file(),
        "files": sorted(p.name for p in path.iterdir()),
    }
