"""HavocLM behaviour: loss, causality, KV cache (plain and left-padded), init, checkpointing, autocast."""

from __future__ import annotations

import math

import pytest
import torch
import torch.nn.functional as F

from havoc_model.config import ModelConfig
from havoc_model.errors import ModelInputError
from havoc_model.model import HavocLM


def small_cfg(**over) -> ModelConfig:
    base = dict(vocab_size=97, d_model=64, n_layers=2, n_heads=4, n_kv_heads=2, ffn_hidden=96,
                max_seq_len=64, init_std=0.2)
    base.update(over)
    return ModelConfig(**base)


def make_model(seed: int = 0, **over) -> HavocLM:
    torch.manual_seed(seed)
    return HavocLM(small_cfg(**over)).eval()


def test_shapes_and_loss_matches_manual_cross_entropy() -> None:
    model = make_model()
    ids = torch.randint(0, 97, (3, 11))
    targets = torch.randint(0, 97, (3, 11))
    targets[0, :4] = -100
    logits, loss = model(ids, targets)
    assert logits.shape == (3, 11, 97) and logits.dtype == torch.float32
    keep = targets != -100
    manual = F.cross_entropy(logits[keep], targets[keep])
    assert torch.allclose(loss, manual)
    assert model(ids)[1] is None


def test_future_tokens_do_not_change_past_logits() -> None:
    model = make_model()
    ids = torch.randint(0, 97, (1, 12))
    changed = ids.clone()
    changed[0, 8:] = (changed[0, 8:] + 1) % 97
    with torch.no_grad():
        a, b = model(ids)[0], model(changed)[0]
    assert torch.allclose(a[:, :8], b[:, :8], atol=1e-6)
    assert not torch.allclose(a[:, 8:], b[:, 8:], atol=1e-3)


@pytest.mark.parametrize("chunks", [[12], [5, 1, 1, 3, 2], [1] * 12, [4, 8]])
def test_incremental_decode_equals_full_forward(chunks: list[int]) -> None:
    model = make_model()
    ids = torch.randint(0, 97, (2, 12))
    with torch.no_grad():
        full = model(ids)[0]
        cache = model.new_cache(2, 16)
        pieces, pos = [], 0
        for n in chunks:
            pieces.append(model(ids[:, pos:pos + n], cache=cache, start_pos=pos)[0])
            pos += n
    assert torch.allclose(torch.cat(pieces, 1), full, atol=1e-5)


def test_left_padded_batch_matches_each_row_alone() -> None:
    model = make_model(seed=3)
    rows = [torch.randint(0, 97, (n,)) for n in (7, 3, 5)]
    width = 7
    batch = torch.zeros((3, width), dtype=torch.long)
    pads = [width - len(r) for r in rows]
    for i, r in enumerate(rows):
        batch[i, pads[i]:] = r
    nxt = torch.randint(0, 97, (3, 1))
    with torch.no_grad():
        cache = model.new_cache(3, 10)
        cache.set_padding(pads)
        prefill = model(batch, cache=cache)[0]
        step = model(nxt, cache=cache, start_pos=width)[0]
        for i, r in enumerate(rows):
            alone = model(torch.cat([r, nxt[i]])[None])[0]
            assert torch.allclose(prefill[i, pads[i]:], alone[0, :-1], atol=1e-5)
            assert torch.allclose(step[i, 0], alone[0, -1], atol=1e-5)


def test_context_and_cache_limits_are_input_errors() -> None:
    model = make_model()
    with pytest.raises(ModelInputError, match="context"):
        model(torch.zeros((1, 65), dtype=torch.long))
    cache = model.new_cache(1, 8)
    with pytest.raises(ModelInputError, match="context of 8"):
        model(torch.zeros((1, 9), dtype=torch.long), cache=cache)
    with pytest.raises(ModelInputError, match="batch"):
        model(torch.zeros((2, 3), dtype=torch.long), cache=cache)
    with pytest.raises(ModelInputError, match="max_len"):
        model.new_cache(1, 65)


def test_documented_initialisation() -> None:
    torch.manual_seed(0)
    cfg = ModelConfig(vocab_size=512, d_model=256, n_layers=8, n_heads=4, n_kv_heads=4, ffn_hidden=512,
                      max_seq_len=32, init_std=0.02)
    model = HavocLM(cfg)
    block = model.layers[0]
    assert block.attn.wqkv.weight.std().item() == pytest.approx(0.02, rel=0.05)
    assert block.mlp.w_gate_up.weight.std().item() == pytest.approx(0.02, rel=0.05)
    residual = 0.02 / math.sqrt(2 * 8)
    assert block.attn.wo.weight.std().item() == pytest.approx(residual, rel=0.05)
    assert block.mlp.w_down.weight.std().item() == pytest.approx(residual, rel=0.05)
    assert abs(block.attn.wqkv.weight.mean().item()) < 1e-3
    assert torch.equal(block.attn_norm.weight, torch.ones(256))


def test_tied_embeddings_share_one_tensor() -> None:
    model = make_model(tie_embeddings=True)
    assert model.lm_head.weight is model.tok_embeddings.weight
    untied = make_model(tie_embeddings=False)
    assert untied.lm_head.weight is not untied.tok_embeddings.weight


def test_seeded_init_is_reproducible() -> None:
    a, b = make_model(seed=5), make_model(seed=5)
    for (name, p), q in zip(a.named_parameters(), b.parameters(), strict=True):
        assert torch.equal(p, q), name


def test_gradient_checkpointing_gives_the_same_gradients() -> None:
    ids = torch.randint(0, 97, (2, 10))
    grads = []
    for flag in (False, True):
        model = make_model(seed=1).train()
        model.gradient_checkpointing = flag
        _, loss = model(ids, ids)
        loss.backward()
        grads.append({n: p.grad.clone() for n, p in model.named_parameters()})
    for name in grads[0]:
        assert torch.allclose(grads[0][name], grads[1][name], atol=1e-6), name


def test_training_step_reduces_loss() -> None:
    model = make_model(seed=2, init_std=0.02).train()
    ids = torch.randint(0, 97, (4, 16))
    opt = torch.optim.AdamW(model.parameters(), lr=1e-2)
    first = None
    for _ in range(15):
        _, loss = model(ids[:, :-1], ids[:, 1:])
        first = loss.item() if first is None else first
        opt.zero_grad()
        loss.backward()
        opt.step()
    assert loss.item() < first * 0.5


def test_bf16_autocast_and_bf16_weights_stay_close_to_fp32() -> None:
    model = make_model(init_std=0.02)
    ids = torch.randint(0, 97, (2, 9))
    with torch.no_grad():
        ref = model(ids)[0]
        with torch.autocast("cpu", dtype=torch.bfloat16):
            auto, loss = model(ids, ids)
        low = model.to(torch.bfloat16)(ids)[0]
    assert auto.dtype == torch.float32 and low.dtype == torch.float32
    assert torch.isfinite(loss)
    assert (auto - ref).abs().max() < 0.05
    assert (low - ref).abs().max() < 0.05


def test_dropout_is_active_only_in_training() -> None:
    model = make_model(dropout=0.5)
    ids = torch.randint(0, 97, (1, 8))
    with torch.no_grad():
        assert torch.equal(model(ids)[0], model(ids)[0])
        model.train()
        assert not torch.equal(model(ids)[0], model(ids)[0])
