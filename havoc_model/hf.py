"""Conversion to and from the Hugging Face Llama layout (`LlamaForCausalLM`: config.json + safetensors).

This is how HAVOC reaches serving engines (vLLM, llama.cpp's converter, TGI) without our own
server code. HAVOC already uses the rotate-half rotary layout that `transformers` uses, so the
conversion is only a renaming plus splitting the fused projections:
`attn.wqkv` rows are q | k | v and `mlp.w_gate_up` rows are gate | up. No permutation of
rows is needed (a model using the interleaved rotary layout would need one here).
transformers itself is not imported: the format is files, and the package is a test extra.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path
from typing import Any

import torch
from safetensors import SafetensorError
from safetensors.torch import load_file, save_file

from havoc_model.chat_template import read_chat_template
from havoc_model.checkpoint import (
    TOKENIZER_FILE,
    load_checkpoint,
    model_from_state,
    replace_directory,
    save_checkpoint,
)
from havoc_model.config import ModelConfig
from havoc_model.errors import ModelInputError
from havoc_model.model import HavocLM
from havoc_model.tokenizer import CHAT_TOKENS

HF_CONFIG = "config.json"
HF_WEIGHTS = "model.safetensors"
HF_INDEX = "model.safetensors.index.json"
HF_TOKENIZER_CONFIG = "tokenizer_config.json"


def hf_tokenizer_config(chat_template: str) -> dict[str, Any]:
    """transformers' LlamaTokenizer over our SentencePiece file, with our chat layout.

    No BOS is added by the tokenizer because the template writes `{{ bos_token }}` itself;
    adding both would start prompts with two `<s>`.
    """
    return {
        "tokenizer_class": "LlamaTokenizer",
        "bos_token": "<s>", "eos_token": "</s>", "unk_token": "<unk>", "pad_token": "<pad>",
        "add_bos_token": False, "add_eos_token": False, "legacy": False,
        "additional_special_tokens": list(CHAT_TOKENS),
        "chat_template": chat_template,
    }

_DTYPE_NAMES = {torch.float32: "float32", torch.bfloat16: "bfloat16", torch.float16: "float16"}


def hf_config(cfg: ModelConfig, *, dtype: torch.dtype = torch.float32,
              bos_token_id: int | None = None, eos_token_id: int | None = None) -> dict[str, Any]:
    """LlamaConfig fields; the rotary base is written both ways (transformers 5 and older readers)."""
    return {
        "architectures": ["LlamaForCausalLM"],
        "model_type": "llama",
        "vocab_size": cfg.vocab_size,
        "hidden_size": cfg.d_model,
        "intermediate_size": cfg.ffn_hidden,
        "num_hidden_layers": cfg.n_layers,
        "num_attention_heads": cfg.n_heads,
        "num_key_value_heads": cfg.n_kv_heads,
        "head_dim": cfg.head_dim,
        "hidden_act": "silu",
        "max_position_embeddings": cfg.max_seq_len,
        "rms_norm_eps": cfg.norm_eps,
        "rope_theta": cfg.rope_theta,
        "rope_parameters": {"rope_type": "default", "rope_theta": cfg.rope_theta},
        "tie_word_embeddings": cfg.tie_embeddings,
        "attention_bias": False,
        "attention_dropout": 0.0,
        "mlp_bias": False,
        "initializer_range": cfg.init_std,
        "use_cache": True,
        "bos_token_id": bos_token_id,
        "eos_token_id": eos_token_id,
        "torch_dtype": _DTYPE_NAMES.get(dtype, "float32"),  # the name older readers (vLLM, llama.cpp) use
        "dtype": _DTYPE_NAMES.get(dtype, "float32"),
    }


def hf_state_dict(model: HavocLM) -> dict[str, torch.Tensor]:
    cfg = model.cfg
    q_dim, kv_dim, ffn = cfg.n_heads * cfg.head_dim, cfg.n_kv_heads * cfg.head_dim, cfg.ffn_hidden
    out: dict[str, torch.Tensor] = {"model.embed_tokens.weight": model.tok_embeddings.weight}
    for i, block in enumerate(model.layers):
        prefix = f"model.layers.{i}."
        q, k, v = block.attn.wqkv.weight.split((q_dim, kv_dim, kv_dim), dim=0)
        gate, up = block.mlp.w_gate_up.weight.split(ffn, dim=0)
        out[prefix + "self_attn.q_proj.weight"] = q
        out[prefix + "self_attn.k_proj.weight"] = k
        out[prefix + "self_attn.v_proj.weight"] = v
        out[prefix + "self_attn.o_proj.weight"] = block.attn.wo.weight
        out[prefix + "mlp.gate_proj.weight"] = gate
        out[prefix + "mlp.up_proj.weight"] = up
        out[prefix + "mlp.down_proj.weight"] = block.mlp.w_down.weight
        out[prefix + "input_layernorm.weight"] = block.attn_norm.weight
        out[prefix + "post_attention_layernorm.weight"] = block.mlp_norm.weight
    out["model.norm.weight"] = model.norm.weight
    if not cfg.tie_embeddings:
        out["lm_head.weight"] = model.lm_head.weight
    return {name: t.detach().contiguous() for name, t in out.items()}


def _tokenizer_special_ids(path: Path) -> tuple[int | None, int | None]:
    """bos/eos from a SentencePiece model when one travels with the checkpoint; absent ids are None."""
    if not path.is_file():
        return None, None
    try:
        import sentencepiece as spm

        processor = spm.SentencePieceProcessor(model_file=str(path))
    except (ImportError, OSError, RuntimeError):
        return None, None
    bos, eos = processor.bos_id(), processor.eos_id()
    return (bos if bos >= 0 else None), (eos if eos >= 0 else None)


def export_hf(checkpoint_dir: str | Path, out_dir: str | Path, *, dtype: torch.dtype | None = None) -> Path:
    """Write a directory `LlamaForCausalLM.from_pretrained` loads; the tokenizer is copied when present."""
    source = Path(checkpoint_dir)
    model, cfg = load_checkpoint(source, dtype=dtype)
    weight_dtype = model.tok_embeddings.weight.dtype
    bos, eos = _tokenizer_special_ids(source / TOKENIZER_FILE)
    target = Path(out_dir)
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.tmp-", dir=target.parent))
    try:
        config = hf_config(cfg, dtype=weight_dtype, bos_token_id=bos, eos_token_id=eos)
        (staging / HF_CONFIG).write_text(json.dumps(config, indent=2) + "\n", encoding="utf-8")
        save_file(hf_state_dict(model), str(staging / HF_WEIGHTS), metadata={"format": "pt"})
        if (source / TOKENIZER_FILE).is_file():
            shutil.copyfile(source / TOKENIZER_FILE, staging / TOKENIZER_FILE)
            tokenizer_config = hf_tokenizer_config(read_chat_template(source))
            (staging / HF_TOKENIZER_CONFIG).write_text(json.dumps(tokenizer_config, indent=2) + "\n", encoding="utf-8")
        replace_directory(staging, target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return target


def _rope_theta(config: dict[str, Any], source: str) -> float:
    params = config.get("rope_parameters") or {}
    scaling = config.get("rope_scaling")
    rope_type = params.get("rope_type") or params.get("type") or "default"
    if scaling:
        rope_type = scaling.get("rope_type") or scaling.get("type") or rope_type
    if rope_type != "default":
        raise ModelInputError(f"{source}: rope type {rope_type!r} is not supported (only the default rotary)")
    return float(params.get("rope_theta", config.get("rope_theta", 10000.0)))


def config_from_hf(config: dict[str, Any], *, source: str = HF_CONFIG) -> ModelConfig:
    """Refuse what HAVOC cannot represent (biases, other activations, scaled rotary) rather than guess."""
    if config.get("model_type") != "llama":
        raise ModelInputError(f"{source}: model_type {config.get('model_type')!r} is not 'llama'")
    if config.get("hidden_act", "silu") != "silu":
        raise ModelInputError(f"{source}: hidden_act {config.get('hidden_act')!r} is not supported (silu only)")
    for flag in ("attention_bias", "mlp_bias"):
        if config.get(flag):
            raise ModelInputError(f"{source}: {flag} is true; HAVOC's layers have no biases")
    try:
        d_model, n_heads = int(config["hidden_size"]), int(config["num_attention_heads"])
        head_dim = config.get("head_dim")
        if head_dim is not None and int(head_dim) * n_heads != d_model:
            raise ModelInputError(f"{source}: head_dim {head_dim} x heads {n_heads} != hidden_size {d_model}")
        return ModelConfig(
            vocab_size=int(config["vocab_size"]),
            d_model=d_model,
            n_layers=int(config["num_hidden_layers"]),
            n_heads=n_heads,
            n_kv_heads=int(config.get("num_key_value_heads") or n_heads),
            ffn_hidden=int(config["intermediate_size"]),
            max_seq_len=int(config.get("max_position_embeddings", 2048)),
            rope_theta=_rope_theta(config, source),
            norm_eps=float(config.get("rms_norm_eps", 1e-6)),
            tie_embeddings=bool(config.get("tie_word_embeddings", False)),
            init_std=float(config.get("initializer_range", 0.02)),
        )
    except ModelInputError:
        raise  # already names the file once; the handler below would prefix it again
    except KeyError as exc:
        raise ModelInputError(f"{source}: missing field {exc.args[0]!r}") from None
    except (TypeError, ValueError) as exc:
        raise ModelInputError(f"{source}: {exc}") from None


def state_from_hf(hf_state: dict[str, torch.Tensor], cfg: ModelConfig, *, source: str) -> dict[str, torch.Tensor]:
    def take(name: str) -> torch.Tensor:
        if name not in hf_state:
            raise ModelInputError(f"{source}: tensor {name!r} missing")
        return hf_state[name]

    out = {"tok_embeddings.weight": take("model.embed_tokens.weight"), "norm.weight": take("model.norm.weight")}
    if not cfg.tie_embeddings:
        out["lm_head.weight"] = take("lm_head.weight")
    for i in range(cfg.n_layers):
        hf, ours = f"model.layers.{i}.", f"layers.{i}."
        parts = [take(hf + f"self_attn.{p}_proj.weight") for p in "qkv"]
        gate_up = [take(hf + f"mlp.{p}_proj.weight") for p in ("gate", "up")]
        if len({t.shape[1:] for t in parts + gate_up}) != 1:
            raise ModelInputError(f"{source}: layer {i} projections disagree on the hidden size")
        out[ours + "attn.wqkv.weight"] = torch.cat(parts, dim=0)
        out[ours + "attn.wo.weight"] = take(hf + "self_attn.o_proj.weight")
        out[ours + "mlp.w_gate_up.weight"] = torch.cat(gate_up, dim=0)
        out[ours + "mlp.w_down.weight"] = take(hf + "mlp.down_proj.weight")
        out[ours + "attn_norm.weight"] = take(hf + "input_layernorm.weight")
        out[ours + "mlp_norm.weight"] = take(hf + "post_attention_layernorm.weight")
    return out


def _read_hf_weights(directory: Path) -> dict[str, torch.Tensor]:
    """One model.safetensors, or the shards an index names (how large models are published)."""
    files: list[Path]
    if (directory / HF_WEIGHTS).is_file():
        files = [directory / HF_WEIGHTS]
    elif (directory / HF_INDEX).is_file():
        try:
            index = json.loads((directory / HF_INDEX).read_text(encoding="utf-8"))
            files = [directory / name for name in sorted(set(index["weight_map"].values()))]
        except (OSError, json.JSONDecodeError, KeyError, TypeError, AttributeError) as exc:
            raise ModelInputError(f"{directory / HF_INDEX}: corrupt index ({exc})") from None
    else:
        raise ModelInputError(f"{directory}: no {HF_WEIGHTS} (pytorch_model.bin is not read: it needs pickle)")
    state: dict[str, torch.Tensor] = {}
    for path in files:
        if not path.is_file():
            raise ModelInputError(f"{path}: weight shard missing")
        try:
            state.update(load_file(str(path)))
        except (SafetensorError, OSError, ValueError, RuntimeError) as exc:
            raise ModelInputError(f"{path}: corrupt weights ({' '.join(str(exc).split())[:160]})") from None
    return state


def load_hf(hf_dir: str | Path, *, device: str | torch.device = "cpu",
            dtype: torch.dtype | None = None) -> tuple[HavocLM, ModelConfig]:
    directory = Path(hf_dir)
    if not directory.is_dir():
        raise ModelInputError(f"{directory}: Hugging Face model directory not found")
    config_path = directory / HF_CONFIG
    try:
        config = json.loads(config_path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ModelInputError(f"{config_path}: missing") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ModelInputError(f"{config_path}: corrupt config ({exc})") from None
    if not isinstance(config, dict):
        raise ModelInputError(f"{config_path}: expected a JSON object")
    cfg = config_from_hf(config, source=str(config_path))
    state = state_from_hf(_read_hf_weights(directory), cfg, source=str(directory))
    return model_from_state(cfg, state, source=str(directory), device=device, dtype=dtype), cfg


def import_hf(hf_dir: str | Path, out_dir: str | Path, *, dtype: torch.dtype | None = None) -> Path:
    """A HAVOC checkpoint from a Llama directory; a SentencePiece tokenizer.model travels along."""
    model, cfg = load_hf(hf_dir, dtype=dtype)
    tokenizer = Path(hf_dir) / TOKENIZER_FILE
    extra = {TOKENIZER_FILE: tokenizer} if tokenizer.is_file() else None
    return save_checkpoint(out_dir, model, cfg, extra_files=extra)
