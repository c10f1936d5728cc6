"""The column-major decode layout must change speed only: not values, not ties, not checkpoints."""

from __future__ import annotations

from pathlib import Path

import pytest
import torch
from safetensors.torch import load_file

from havoc_model.checkpoint import save_checkpoint
from havoc_model.config import ModelConfig
from havoc_model.generate import GenerationConfig, generate_ids
from havoc_model.model import HavocLM


def _model(tied: bool) -> HavocLM:
    torch.manual_seed(0)
    cfg = ModelConfig(vocab_size=97, d_model=64, n_layers=2, n_heads=4, n_kv_heads=2, ffn_hidden=96,
                      max_seq_len=64, tie_embeddings=tied, init_std=0.2)
    return HavocLM(cfg).eval()


@pytest.mark.parametrize("tied", [True, False])
def test_layout_keeps_logits_ties_and_checkpoint_tensors(tmp_path: Path, tied: bool) -> None:
    model = _model(tied)
    ids = torch.randint(0, 97, (2, 12))
    before_logits = model(ids)[0]
    before = save_checkpoint(tmp_path / "a", model, model.cfg)
    assert model.use_decode_layout() is True
    weight = model.layers[0].attn.wqkv.weight
    assert weight.stride() == (1, weight.shape[0])
    assert model.use_decode_layout() is False  # idempotent
    assert (model.lm_head.weight is model.tok_embeddings.weight) == tied
    torch.testing.assert_close(model(ids)[0], before_logits, rtol=1e-5, atol=1e-5)
    after = save_checkpoint(tmp_path / "b", model, model.cfg)
    saved_before = load_file(Path(before) / "model.safetensors")
    saved_after = load_file(Path(after) / "model.safetensors")
    assert saved_after.keys() == saved_before.keys()
    for name, tensor in saved_after.items():
        assert tensor.is_contiguous() and torch.equal(tensor, saved_before[name]), name


def _greedy_without_cache(model: HavocLM, prompt: list[int], n: int) -> list[int]:
    ids = list(prompt)
    with torch.no_grad():
        for _ in range(n):
            ids.append(int(model(torch.tensor([ids]))[0][0, -1].argmax()))
    return ids[len(prompt):]


def test_generation_switches_layout_in_eval_only_and_tokens_do_not_change() -> None:
    reference, model = _model(False), _model(False)
    gen = GenerationConfig(max_new_tokens=10, temperature=0)
    model.train()
    generate_ids(model, [[1, 5, 9]], gen)
    assert model.layers[0].mlp.w_gate_up.weight.is_contiguous()  # a training model keeps its layout
    model.eval()
    got = generate_ids(model, [[1, 5, 9]], gen)[0].token_ids
    assert not model.layers[0].mlp.w_gate_up.weight.is_contiguous()
    assert reference.layers[0].mlp.w_gate_up.weight.is_contiguous()
    assert got == _greedy_without_cache(reference, [1, 5, 9], 10)


def test_each_block_is_packed_in_reading_order_on_a_2_mib_boundary() -> None:
    torch.manual_seed(0)
    cfg = ModelConfig(vocab_size=97, d_model=256, n_layers=2, n_heads=4, n_kv_heads=2, ffn_hidden=704,
                      max_seq_len=64)  # 2.9 MB of weights per block: big enough for a huge page
    model = HavocLM(cfg).eval()
    ids = torch.randint(0, 97, (2, 12))
    before = model(ids)[0]
    assert model.use_decode_layout() is True
    for block in model.layers:
        weights = [block.attn.wqkv.weight, block.attn.wo.weight, block.mlp.w_gate_up.weight, block.mlp.w_down.weight]
        assert weights[0].data_ptr() % (1 << 21) == 0
        for weight, following in zip(weights[:-1], weights[1:], strict=True):
            assert weight.data_ptr() + weight.numel() * weight.element_size() == following.data_ptr()
        assert all(w.stride() == (1, w.shape[0]) for w in weights[:3])  # widening or square: column-major
        assert weights[3].is_contiguous()  # the down projection narrows (704 -> 256): it keeps its rows
    assert model.layers[0].attn.wo.weight.data_ptr() != model.layers[1].attn.wo.weight.data_ptr()
    assert model.lm_head.weight.is_contiguous()  # 256 -> 97 narrows as well
    torch.testing.assert_close(model(ids)[0], before, rtol=1e-5, atol=1e-5)
    pointers = [p.data_ptr() for p in model.parameters()]
    assert model.use_decode_layout() is False  # idempotent: nothing is repacked
    model.load_state_dict(HavocLM(cfg).state_dict())  # loading copies into the packed tensors
    assert [p.data_ptr() for p in model.parameters()] == pointers
