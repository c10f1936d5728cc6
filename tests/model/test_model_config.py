"""Presets, YAML loading, strict validation and the closed-form parameter count."""

from __future__ import annotations

import dataclasses

import pytest
import torch

from havoc_model.config import PRESETS, ModelConfig, get_config, param_breakdown, param_count
from havoc_model.errors import ModelInputError
from havoc_model.model import HavocLM


def _meta_numel(cfg: ModelConfig) -> int:
    with torch.device("meta"):
        model = HavocLM(cfg)
    return sum(p.numel() for p in model.parameters())


def test_havoc_7b_is_the_seed_shape() -> None:
    cfg = get_config("havoc-7b")
    assert (cfg.n_layers, cfg.d_model, cfg.n_heads, cfg.n_kv_heads) == (32, 4096, 32, 8)
    assert (cfg.head_dim, cfg.ffn_hidden, cfg.vocab_size, cfg.max_seq_len) == (128, 11008, 70000, 4096)


@pytest.mark.parametrize("name", sorted(PRESETS))
def test_closed_form_count_equals_module_numel(name: str) -> None:
    cfg = get_config(name)
    assert param_count(cfg) == _meta_numel(cfg)


def test_hand_computed_7b_count() -> None:
    d, v, layers, kv_dim, ffn = 4096, 70000, 32, 8 * 128, 11008
    per_layer = d * d + 2 * d * kv_dim + d * d + 3 * d * ffn + 2 * d
    assert param_count(get_config("havoc-7b")) == 2 * v * d + layers * per_layer + d == 6_244_405_248


def test_small_presets_are_small() -> None:
    assert 5e6 <= param_count(get_config("havoc-tiny")) <= 10e6
    planner = get_config("planner-tiny")
    assert 1e6 <= param_count(planner) <= 6e6
    assert 4000 <= planner.vocab_size <= 8000 and planner.max_seq_len == 512
    assert 0.9e9 <= param_count(get_config("havoc-1b")) <= 1.3e9


@pytest.mark.parametrize("tied", [True, False])
def test_count_with_gqa_and_tying_variants(tied: bool) -> None:
    cfg = ModelConfig(vocab_size=101, d_model=48, n_layers=3, n_heads=6, n_kv_heads=2, ffn_hidden=80,
                      max_seq_len=32, tie_embeddings=tied)
    assert param_count(cfg) == _meta_numel(cfg)
    assert param_breakdown(cfg)["lm_head"] == (0 if tied else 101 * 48)


def test_get_config_returns_a_copy() -> None:
    cfg = get_config("havoc-tiny")
    cfg.n_layers = 1
    assert PRESETS["havoc-tiny"].n_layers != 1


def test_dict_round_trip() -> None:
    cfg = get_config("havoc-1b")
    assert ModelConfig.from_dict(cfg.to_dict()) == cfg
    assert "head_dim" not in cfg.to_dict()


def test_yaml_full_and_preset_override(tmp_path) -> None:
    full = tmp_path / "full.yaml"
    full.write_text(
        "vocab_size: 300\nd_model: 64\nn_layers: 2\nn_heads: 4\nn_kv_heads: 2\n"
        "ffn_hidden: 128\nmax_seq_len: 128\nrope_theta: 500000\ntie_embeddings: true\n"
    )
    cfg = get_config(full)
    assert cfg.rope_theta == 500000.0 and cfg.tie_embeddings and cfg.head_dim == 16
    override = tmp_path / "over.yml"
    override.write_text("preset: havoc-tiny\nn_layers: 2\nvocab_size: 5000\n")
    cfg = ModelConfig.from_yaml(override)
    assert (cfg.n_layers, cfg.vocab_size, cfg.d_model) == (2, 5000, PRESETS["havoc-tiny"].d_model)


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("preset: havoc-tiny\nn_layer: 2\n", "n_layer"),
        ("preset: nope\n", "preset"),
        ("vocab_size: 10\n", "d_model"),
        ("preset: havoc-tiny\nn_heads: 7\n", "n_heads"),
        ("preset: havoc-tiny\nn_kv_heads: 3\n", "n_kv_heads"),
        ("preset: havoc-tiny\nd_model: -4\n", "d_model"),
        ("preset: havoc-tiny\ndropout: 1.5\n", "dropout"),
        ("preset: havoc-tiny\nrope_theta: 0\n", "rope_theta"),
        ("preset: havoc-tiny\ntie_embeddings: maybe\n", "tie_embeddings"),
        ("a: [1, 2\n", "line"),
    ],
)
def test_bad_yaml_is_one_line_naming_the_field(tmp_path, text: str, field: str) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(text)
    with pytest.raises(ModelInputError) as info:
        get_config(path)
    message = str(info.value)
    assert field in message and "\n" not in message


def test_unknown_preset_and_missing_yaml() -> None:
    with pytest.raises(ModelInputError, match="unknown preset"):
        get_config("havoc-13b")
    with pytest.raises(ModelInputError, match="not found"):
        get_config("/nonexistent/model.yaml")


def test_odd_head_dim_rejected() -> None:
    with pytest.raises(ModelInputError, match="head_dim"):
        dataclasses.replace(PRESETS["havoc-tiny"], d_model=72, n_heads=8, n_kv_heads=8)
