"""Model shape as a plain dataclass, named presets, YAML loading and the closed-form parameter count.

The config is the single source of truth for a model's shape: checkpoints store it as
config.json, the trainer's memory planner reads it, and the Hugging Face export maps it
field by field onto `LlamaConfig`. The parameter count is closed-form so that `info` can
describe the 7B preset without allocating 25 GB.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

import yaml

from havoc_model.errors import ModelInputError

_INT_FIELDS = ("vocab_size", "d_model", "n_layers", "n_heads", "n_kv_heads", "ffn_hidden", "max_seq_len")


@dataclass
class ModelConfig:
    """Shape of a Llama-style decoder; validated on construction so a bad YAML fails early."""

    vocab_size: int
    d_model: int
    n_layers: int
    n_heads: int
    n_kv_heads: int
    ffn_hidden: int
    max_seq_len: int
    rope_theta: float = 10000.0
    norm_eps: float = 1e-5
    tie_embeddings: bool = False
    init_std: float = 0.02
    dropout: float = 0.0

    def __post_init__(self) -> None:
        for name in _INT_FIELDS:
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
                raise ModelInputError(f"config.{name}: expected a positive integer, got {value!r}")
        for name in ("rope_theta", "norm_eps", "init_std"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int | float) or not value > 0:
                raise ModelInputError(f"config.{name}: expected a positive number, got {value!r}")
            setattr(self, name, float(value))
        if isinstance(self.dropout, bool) or not isinstance(self.dropout, int | float) or not 0.0 <= self.dropout < 1.0:
            raise ModelInputError(f"config.dropout: expected a number in [0, 1), got {self.dropout!r}")
        self.dropout = float(self.dropout)
        if not isinstance(self.tie_embeddings, bool):
            raise ModelInputError(f"config.tie_embeddings: expected true or false, got {self.tie_embeddings!r}")
        if self.d_model % self.n_heads:
            raise ModelInputError(f"config.n_heads: {self.n_heads} does not divide d_model {self.d_model}")
        if self.n_heads % self.n_kv_heads:
            raise ModelInputError(f"config.n_kv_heads: {self.n_kv_heads} does not divide n_heads {self.n_heads}")
        if self.head_dim % 2:
            raise ModelInputError(f"config.n_heads: head_dim {self.head_dim} must be even for rotary embeddings")

    @property
    def head_dim(self) -> int:
        return self.d_model // self.n_heads

    def to_dict(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self) if f.init}

    @classmethod
    def from_dict(cls, data: dict[str, Any], *, source: str = "config") -> ModelConfig:
        """Strict: an unknown or missing key is an error, because a silently ignored typo trains the wrong model."""
        if not isinstance(data, dict):
            raise ModelInputError(f"{source}: expected a mapping of config fields, got {type(data).__name__}")
        known = {f.name for f in fields(cls) if f.init}
        unknown = sorted(set(data) - known)
        if unknown:
            raise ModelInputError(f"{source}: unknown config field {unknown[0]!r}")
        required = [f.name for f in fields(cls) if f.init and f.default is dataclasses.MISSING]
        missing = [name for name in required if name not in data]
        if missing:
            raise ModelInputError(f"{source}: missing config field {missing[0]!r}")
        return cls(**data)

    @classmethod
    def from_yaml(cls, path: str | Path) -> ModelConfig:
        """A YAML file lists the fields, or names a `preset` and overrides some of them."""
        path = Path(path)
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise ModelInputError(f"{path}: config file not found") from None
        except (OSError, UnicodeDecodeError) as exc:
            raise ModelInputError(f"{path}: cannot read config ({exc})") from None
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            where = f" line {mark.line + 1} column {mark.column + 1}" if mark else ""
            raise ModelInputError(f"{path}:{where} invalid YAML") from None
        if not isinstance(data, dict):
            raise ModelInputError(f"{path}: expected a mapping of config fields")
        if "preset" in data:
            base = data.pop("preset")
            if base not in PRESETS:
                raise ModelInputError(f"{path}: preset: unknown preset {base!r} (known: {', '.join(PRESETS)})")
            merged = PRESETS[base].to_dict()
            unknown = sorted(set(data) - set(merged))
            if unknown:
                raise ModelInputError(f"{path}: unknown config field {unknown[0]!r}")
            merged.update(data)
            data = merged
        return cls.from_dict(data, source=str(path))

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), indent=2)


PRESETS: dict[str, ModelConfig] = {
    # The seed's 7B: Llama-2-7B shape with GQA (8 KV heads) and a 70k vocabulary.
    "havoc-7b": ModelConfig(
        vocab_size=70000, d_model=4096, n_layers=32, n_heads=32, n_kv_heads=8,
        ffn_hidden=11008, max_seq_len=4096,
    ),
    # Llama-3.2-1B-like proportions at the same vocabulary: the size for one-GPU runs.
    "havoc-1b": ModelConfig(
        vocab_size=70000, d_model=2048, n_layers=16, n_heads=16, n_kv_heads=4,
        ffn_hidden=5632, max_seq_len=4096,
    ),
    # ~6M parameters: trains on two CPU cores in minutes, and still exercises GQA.
    "havoc-tiny": ModelConfig(
        vocab_size=8192, d_model=256, n_layers=6, n_heads=8, n_kv_heads=4,
        ffn_hidden=688, max_seq_len=512, tie_embeddings=True,
    ),
    # ~3M parameters: the question -> DSL planner the agent runs on CPU.
    "planner-tiny": ModelConfig(
        vocab_size=4096, d_model=256, n_layers=4, n_heads=8, n_kv_heads=4,
        ffn_hidden=688, max_seq_len=512, tie_embeddings=True,
    ),
}


def get_config(name_or_yaml_path: str | Path) -> ModelConfig:
    """A preset name or a YAML path; always a fresh copy so callers may mutate it."""
    key = str(name_or_yaml_path)
    if key in PRESETS:
        return dataclasses.replace(PRESETS[key])
    path = Path(key)
    if path.suffix.lower() in (".yaml", ".yml") or path.exists():
        return ModelConfig.from_yaml(path)
    raise ModelInputError(f"preset: unknown preset or config file {key!r} (known: {', '.join(PRESETS)})")


def param_breakdown(cfg: ModelConfig) -> dict[str, int]:
    """Closed form, per component; tested equal to the live module's numel so the two never drift."""
    d, hd = cfg.d_model, cfg.head_dim
    q_dim, kv_dim = cfg.n_heads * hd, cfg.n_kv_heads * hd
    attention = d * (q_dim + 2 * kv_dim) + q_dim * d
    mlp = 3 * d * cfg.ffn_hidden
    norms = 2 * d
    return {
        "embedding": cfg.vocab_size * d,
        "attention": cfg.n_layers * attention,
        "mlp": cfg.n_layers * mlp,
        "norms": cfg.n_layers * norms + d,
        "lm_head": 0 if cfg.tie_embeddings else cfg.vocab_size * d,
    }


def param_count(cfg: ModelConfig) -> int:
    return sum(param_breakdown(cfg).values())
