"""Parity with transformers' LlamaForCausalLM, both directions, on a model big enough to expose mistakes.

Weights use std 0.2 and random norm gains: at std 0.02 a wrong rotary convention moves logits by
~1e-2 and would hide inside a loose tolerance; here it moves them by whole units (checked below).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import torch

transformers = pytest.importorskip("transformers")
from transformers import LlamaConfig, LlamaForCausalLM  # noqa: E402

from havoc_model.checkpoint import load_checkpoint, save_checkpoint  # noqa: E402
from havoc_model.config import ModelConfig  # noqa: E402
from havoc_model.errors import ModelInputError  # noqa: E402
from havoc_model.generate import GenerationConfig, generate_ids  # noqa: E402
from havoc_model.hf import export_hf, import_hf, load_hf  # noqa: E402
from havoc_model.model import HavocLM  # noqa: E402

transformers.logging.set_verbosity_error()
transformers.utils.logging.disable_progress_bar()


def _cfg(tied: bool) -> ModelConfig:
    return ModelConfig(vocab_size=97, d_model=64, n_layers=2, n_heads=4, n_kv_heads=2, ffn_hidden=96,
                       max_seq_len=64, rope_theta=500.0, norm_eps=1e-5, tie_embeddings=tied, init_std=0.2)


def _random_model(cfg: ModelConfig, seed: int = 0) -> HavocLM:
    torch.manual_seed(seed)
    model = HavocLM(cfg).eval()
    with torch.no_grad():
        for param in model.parameters():
            if param.ndim == 1:
                param.uniform_(0.5, 1.5)
    return model


def _exported(tmp_path: Path, tied: bool) -> tuple[HavocLM, LlamaForCausalLM, Path]:
    model = _random_model(_cfg(tied))
    ckpt = save_checkpoint(tmp_path / "ckpt", model, model.cfg)
    out = export_hf(ckpt, tmp_path / "hf")
    return model, LlamaForCausalLM.from_pretrained(out).eval(), out


@pytest.mark.parametrize("tied", [False, True])
def test_exported_model_matches_transformers(tmp_path: Path, tied: bool) -> None:
    model, hf, out = _exported(tmp_path, tied)
    config = json.loads((out / "config.json").read_text())
    assert config["architectures"] == ["LlamaForCausalLM"] and config["num_key_value_heads"] == 2
    assert hf.config.tie_word_embeddings == tied
    ids = torch.randint(0, 97, (2, 40))
    with torch.no_grad():
        ours, theirs = model(ids)[0], hf(ids).logits
    assert ours.abs().max() > 1.0  # the check is only meaningful with large logits
    assert (ours - theirs).abs().max() <= 1e-4


def test_a_wrong_rotary_convention_would_be_caught(tmp_path: Path) -> None:
    model, hf, _ = _exported(tmp_path, tied=False)
    cfg = model.cfg
    # Permute q/k rows per head from rotate-half to interleaved pairing: what a converter
    # that forgot the layout difference would produce.
    half = cfg.head_dim // 2
    perm = torch.stack([torch.arange(half), torch.arange(half) + half], dim=1).reshape(-1)
    with torch.no_grad():
        for layer in hf.model.layers:
            for proj, heads in ((layer.self_attn.q_proj, cfg.n_heads), (layer.self_attn.k_proj, cfg.n_kv_heads)):
                w = proj.weight.view(heads, cfg.head_dim, cfg.d_model)
                proj.weight.copy_(w[:, perm].reshape(-1, cfg.d_model))
    ids = torch.randint(0, 97, (1, 40))
    with torch.no_grad():
        assert (model(ids)[0] - hf(ids).logits).abs().max() > 0.5


def test_kv_cache_decode_matches_transformers_full_forward(tmp_path: Path) -> None:
    model, hf, _ = _exported(tmp_path, tied=False)
    ids = torch.randint(0, 97, (2, 24))
    with torch.no_grad():
        reference = hf(ids).logits
        cache = model.new_cache(2, 24)
        steps = [model(ids[:, :10], cache=cache)[0]]
        steps += [model(ids[:, t:t + 1], cache=cache, start_pos=t)[0] for t in range(10, 24)]
    assert (torch.cat(steps, 1) - reference).abs().max() <= 1e-4


def test_greedy_tokens_equal_transformers_generate(tmp_path: Path) -> None:
    model, hf, _ = _exported(tmp_path, tied=True)
    prompt = torch.randint(0, 97, (1, 12))
    with torch.no_grad():
        theirs = hf.generate(prompt, max_new_tokens=30, do_sample=False, pad_token_id=0,
                             eos_token_id=None)[0, 12:].tolist()
    ours = generate_ids(model, [prompt[0].tolist()], GenerationConfig(max_new_tokens=30, temperature=0))
    assert ours[0].token_ids == theirs
    assert len(set(theirs)) > 3  # not a degenerate constant sequence


def _hf_random(tmp_path: Path, tied: bool) -> tuple[LlamaForCausalLM, Path]:
    torch.manual_seed(1)
    config = LlamaConfig(vocab_size=89, hidden_size=48, intermediate_size=80, num_hidden_layers=2,
                         num_attention_heads=6, num_key_value_heads=2, max_position_embeddings=64,
                         rms_norm_eps=1e-6, rope_parameters={"rope_type": "default", "rope_theta": 1000.0},
                         tie_word_embeddings=tied, initializer_range=0.2)
    hf = LlamaForCausalLM(config).eval()
    with torch.no_grad():
        for name, param in hf.named_parameters():
            if param.ndim == 1:
                param.uniform_(0.5, 1.5)
            elif "embed" in name or "lm_head" in name:
                param.normal_(0.0, 0.2)
    out = tmp_path / "hf_src"
    hf.save_pretrained(out)
    return hf, out


@pytest.mark.parametrize("tied", [False, True])
def test_import_from_transformers_matches(tmp_path: Path, tied: bool) -> None:
    hf, source = _hf_random(tmp_path, tied)
    ckpt = import_hf(source, tmp_path / "imported")
    model, cfg = load_checkpoint(ckpt)
    assert (cfg.rope_theta, cfg.norm_eps, cfg.n_kv_heads, cfg.tie_embeddings) == (1000.0, 1e-6, 2, tied)
    ids = torch.randint(0, 89, (2, 30))
    with torch.no_grad():
        ours, theirs = model(ids)[0], hf(ids).logits
    assert theirs.abs().max() > 1.0
    assert (ours - theirs).abs().max() <= 1e-4


def test_export_import_round_trip_is_exact(tmp_path: Path) -> None:
    model = _random_model(_cfg(False))
    ckpt = save_checkpoint(tmp_path / "a", model, model.cfg)
    back, cfg = load_checkpoint(import_hf(export_hf(ckpt, tmp_path / "hf"), tmp_path / "b"))
    assert cfg == model.cfg
    for (name, p), q in zip(model.state_dict().items(), back.state_dict().values(), strict=True):
        assert torch.equal(p, q), name


def test_bf16_export_is_bf16(tmp_path: Path) -> None:
    model = _random_model(_cfg(False))
    ckpt = save_checkpoint(tmp_path / "a", model, model.cfg)
    out = export_hf(ckpt, tmp_path / "hf", dtype=torch.bfloat16)
    assert json.loads((out / "config.json").read_text())["torch_dtype"] == "bfloat16"
    loaded, _ = load_hf(out)
    assert loaded.tok_embeddings.weight.dtype == torch.bfloat16


def test_sharded_hf_checkpoint_is_read(tmp_path: Path) -> None:
    hf, _ = _hf_random(tmp_path, tied=False)
    sharded = tmp_path / "sharded"
    hf.save_pretrained(sharded, max_shard_size="20KB")
    assert (sharded / "model.safetensors.index.json").exists()
    model, _ = load_hf(sharded)
    ids = torch.randint(0, 89, (1, 9))
    with torch.no_grad():
        assert (model(ids)[0] - hf(ids).logits).abs().max() <= 1e-4


@pytest.mark.parametrize(
    ("change", "fragment"),
    [
        ({"model_type": "gpt2"}, "model_type"),
        ({"attention_bias": True}, "attention_bias"),
        ({"hidden_act": "gelu"}, "hidden_act"),
        ({"rope_parameters": {"rope_type": "llama3", "rope_theta": 5e5}}, "rope type"),
        ({"num_hidden_layers": 3}, "model.layers.2"),
    ],
)
def test_unsupported_or_inconsistent_hf_dirs_are_refused(tmp_path: Path, change: dict, fragment: str) -> None:
    _, source = _hf_random(tmp_path, tied=False)
    config = json.loads((source / "config.json").read_text())
    config.update(change)
    (source / "config.json").write_text(json.dumps(config))
    with pytest.raises(ModelInputError) as info:
        import_hf(source, tmp_path / "out")
    assert fragment in str(info.value) and "\n" not in str(info.value)
    assert not (tmp_path / "out").exists()


def test_missing_hf_pieces(tmp_path: Path) -> None:
    with pytest.raises(ModelInputError, match="not found"):
        load_hf(tmp_path / "nothing")
    (tmp_path / "empty").mkdir()
    with pytest.raises(ModelInputError, match="config.json"):
        load_hf(tmp_path / "empty")
    _, source = _hf_random(tmp_path, tied=False)
    (source / "model.safetensors").unlink()
    with pytest.raises(ModelInputError, match="model.safetensors"):
        load_hf(source)
