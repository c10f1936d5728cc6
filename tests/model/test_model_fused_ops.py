"""The training step's hand-written autograd pieces equal the plain PyTorch expressions they replace."""

from __future__ import annotations

import copy

import pytest
import torch
import torch.nn.functional as F

from havoc_model.config import ModelConfig
from havoc_model.model import HavocLM, _SwiGLUProduct, cross_entropy
from havoc_model.optim import build_optimizer, param_groups


def _ce_pair(logits: torch.Tensor, targets: torch.Tensor, scale: float) -> tuple:
    ours, ref = logits.clone().requires_grad_(), logits.clone().requires_grad_()
    loss_ours = cross_entropy(ours, targets)
    loss_ref = F.cross_entropy(ref.reshape(-1, ref.shape[-1]), targets.reshape(-1), ignore_index=-100)
    (loss_ours * scale).backward()
    (loss_ref * scale).backward()
    return loss_ours, loss_ref, ours.grad, ref.grad


@pytest.mark.parametrize("ignored", [0, 5, 23])
def test_cross_entropy_equals_torch_in_value_and_gradient(ignored: int) -> None:
    gen = torch.Generator().manual_seed(ignored)
    logits = torch.randn(2, 12, 41, generator=gen) * 4
    targets = torch.randint(0, 41, (2, 12), generator=gen)
    targets.view(-1)[:ignored] = -100
    loss, ref_loss, grad, ref_grad = _ce_pair(logits, targets, 2.5)
    torch.testing.assert_close(loss, ref_loss, rtol=1e-6, atol=1e-6)
    torch.testing.assert_close(grad, ref_grad, rtol=1e-5, atol=1e-7)
    assert torch.equal(grad.view(-1, 41)[:ignored], torch.zeros(ignored, 41))


def test_cross_entropy_with_every_target_ignored_is_nan_with_zero_gradient_as_torch() -> None:
    loss, ref_loss, grad, ref_grad = _ce_pair(torch.randn(4, 9), torch.full((4,), -100), 1.0)
    assert loss.isnan() and ref_loss.isnan()
    assert torch.equal(grad, ref_grad) and torch.equal(grad, torch.zeros(4, 9))


def test_cross_entropy_refuses_a_second_backward_instead_of_reusing_its_buffer() -> None:
    logits = torch.randn(3, 7, requires_grad=True)
    loss = cross_entropy(logits, torch.tensor([1, 2, 3]))
    loss.backward(retain_graph=True)
    with pytest.raises(RuntimeError, match="modified by an inplace operation"):
        loss.backward()


def test_cross_entropy_out_of_range_target_is_an_error() -> None:
    with pytest.raises((RuntimeError, IndexError)):
        cross_entropy(torch.randn(2, 5), torch.tensor([1, 5]))


@pytest.mark.parametrize("dtype", [torch.float32, torch.bfloat16])
def test_swiglu_product_equals_silu_times_up_bit_for_bit(dtype: torch.dtype) -> None:
    gen = torch.Generator().manual_seed(1)
    gate_up = torch.randn(3, 5, 2 * 13, generator=gen).to(dtype)
    grad = torch.randn(3, 5, 13, generator=gen).to(dtype)
    ours, ref = gate_up.clone().requires_grad_(), gate_up.clone().requires_grad_()
    out = _SwiGLUProduct.apply(ours, 13)
    gate, up = ref.split(13, dim=-1)
    ref_out = F.silu(gate) * up
    out.backward(grad)
    ref_out.backward(grad)
    assert torch.equal(out, ref_out) and torch.equal(ours.grad, ref.grad)


def test_model_gradients_equal_the_plain_autograd_model() -> None:
    torch.manual_seed(0)
    cfg = ModelConfig(vocab_size=97, d_model=64, n_layers=2, n_heads=4, n_kv_heads=2, ffn_hidden=96,
                      max_seq_len=64, init_std=0.2)
    model = HavocLM(cfg).train()
    ids = torch.randint(0, 97, (2, 10))
    targets = torch.randint(0, 97, (2, 10))
    targets[:, -1] = -100
    _, loss = model(ids, targets)
    loss.backward()
    # The same weights through plain expressions: the block's MLP by hand, the loss by F.cross_entropy.
    ref = copy.deepcopy(model)
    ref.zero_grad(set_to_none=True)
    for block in ref.layers:
        mlp = block.mlp

        def plain(x: torch.Tensor, mlp=mlp) -> torch.Tensor:
            gate, up = mlp.w_gate_up(x).split(mlp.hidden, dim=-1)
            return mlp.w_down(F.silu(gate) * up)

        mlp.forward = plain
    logits, _ = ref(ids)
    ref_loss = F.cross_entropy(logits.reshape(-1, 97), targets.reshape(-1), ignore_index=-100)
    ref_loss.backward()
    torch.testing.assert_close(loss, ref_loss, rtol=1e-6, atol=1e-6)
    for (name, p), q in zip(model.named_parameters(), ref.parameters(), strict=True):
        torch.testing.assert_close(p.grad, q.grad, rtol=1e-5, atol=1e-6, msg=name)


def test_cpu_optimizer_is_fused_and_steps_like_the_multi_tensor_one() -> None:
    torch.manual_seed(0)
    cfg = ModelConfig(vocab_size=97, d_model=64, n_layers=2, n_heads=4, n_kv_heads=2, ffn_hidden=96, max_seq_len=64)
    model = HavocLM(cfg)
    twin = copy.deepcopy(model)
    fused = build_optimizer(model, lr=1e-2, weight_decay=0.1, betas=(0.9, 0.95))
    assert fused.defaults["fused"] is True
    reference = torch.optim.AdamW(param_groups(twin, 0.1), lr=1e-2, betas=(0.9, 0.95), foreach=True)
    ids = torch.randint(0, 97, (2, 9))
    for _ in range(3):
        for m, opt in ((model, fused), (twin, reference)):
            opt.zero_grad(set_to_none=True)
            m(ids[:, :-1], ids[:, 1:])[1].backward()
            opt.step()
    for (name, p), q in zip(model.named_parameters(), twin.parameters(), strict=True):
        torch.testing.assert_close(p, q, rtol=1e-5, atol=1e-6, msg=name)
