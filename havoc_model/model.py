"""HAVOC's Llama-style decoder: RMSNorm, rotary embeddings, grouped-query attention, SwiGLU, pre-norm.

Layout choices, and why:
- Rotary embeddings use the Hugging Face "rotate-half" layout (dimension i pairs with
  i + head_dim/2), so exporting to `LlamaForCausalLM` is a plain copy of rows, no permutation.
- Q, K and V are one fused projection (`attn.wqkv`, rows ordered q | k | v) and the SwiGLU gate
  and up projections are one fused projection (`mlp.w_gate_up`, rows gate | up): fewer, larger
  matmuls are measurably faster on CPU; `havoc_model.hf` splits them on export.
- Initialisation: every weight matrix ~ normal(0, init_std); the two projections that write
  into the residual stream (`attn.wo`, `mlp.w_down`) are scaled by 1/sqrt(2 * n_layers) so the
  residual's variance does not grow with depth (GPT-2 / Megatron practice); norm gains are 1.
- The KV cache is preallocated per layer as (batch, n_kv_heads, max_len, head_dim) so decoding
  never reallocates; left-padded batches carry a per-row pad count in the cache, from which
  the rotary positions and the key mask are derived.
"""

from __future__ import annotations

import ctypes
import math
import sys

import torch
import torch.nn.functional as F
from torch import nn
from torch.utils.checkpoint import checkpoint

from havoc_model.config import ModelConfig
from havoc_model.errors import ModelInputError


class RMSNorm(nn.Module):
    """Normalises in fp32 whatever the activation dtype, as Llama does, so bf16 matches the reference.

    Inference uses the fused `F.rms_norm` kernel (about 3x faster on CPU); training uses the plain
    expression, whose backward measured faster on CPU than the fused op's.
    """

    def __init__(self, dim: int, eps: float) -> None:
        super().__init__()
        self.eps = eps
        self.weight = nn.Parameter(torch.ones(dim))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        if x.dtype == torch.float32 and self.weight.dtype == torch.float32 and not (
            torch.is_grad_enabled() and (x.requires_grad or self.weight.requires_grad)
        ):
            return F.rms_norm(x, (x.shape[-1],), self.weight, self.eps)
        h = x.float()
        h = h * torch.rsqrt(h.pow(2).mean(-1, keepdim=True) + self.eps)
        return self.weight * h.to(x.dtype)


def rotary_tables(head_dim: int, max_len: int, theta: float) -> tuple[torch.Tensor, torch.Tensor]:
    """cos and *signed* sin, (max_len, head_dim), rotate-half layout, fp32 as in the Llama reference.

    The sin table's first half is negated so that `rotate_half(x) * sin` becomes
    `swap_halves(x) * signed_sin`: one flip instead of slice, negate and concatenate.
    """
    inv_freq = 1.0 / (theta ** (torch.arange(0, head_dim, 2, dtype=torch.int64).float() / head_dim))
    freqs = torch.outer(torch.arange(max_len, dtype=torch.float32), inv_freq)
    emb = torch.cat((freqs, freqs), dim=-1)
    sin = emb.sin()
    sin[:, : head_dim // 2].neg_()
    return emb.cos(), sin


def apply_rotary(x: torch.Tensor, cos: torch.Tensor, signed_sin: torch.Tensor) -> torch.Tensor:
    """x * cos + rotate_half(x) * sin, in three kernels; x is (..., head_dim) with heads before it."""
    half = x.shape[-1] // 2
    swapped = x.unflatten(-1, (2, half)).flip(-2).flatten(-2)
    return torch.addcmul(x * cos, swapped, signed_sin)


_HUGE_PAGE = 1 << 21


def _huge_page_buffer(numel: int, dtype: torch.dtype) -> torch.Tensor:
    """A new 1-D CPU tensor starting on a 2 MiB boundary, its whole pages advised MADV_HUGEPAGE on Linux.

    Advice is best effort: where the kernel or libc does not offer it, this is an ordinary tensor.
    """
    item = torch.empty((), dtype=dtype).element_size()
    if numel * item < _HUGE_PAGE:
        return torch.empty(numel, dtype=dtype)
    raw = torch.empty(numel + _HUGE_PAGE // item, dtype=dtype)
    skip = (-raw.data_ptr() % _HUGE_PAGE) // item
    buffer = raw[skip: skip + numel]
    length = numel * item // _HUGE_PAGE * _HUGE_PAGE
    if length and sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.madvise.argtypes = [ctypes.c_void_p, ctypes.c_size_t, ctypes.c_int]
            libc.madvise(ctypes.c_void_p(buffer.data_ptr()), ctypes.c_size_t(length), 14)  # MADV_HUGEPAGE
        except (OSError, AttributeError):
            pass
    return buffer


class _CrossEntropy(torch.autograd.Function):
    """Mean cross-entropy of fp32 (rows, vocab) logits over targets other than -100, as `F.cross_entropy`.

    `F.cross_entropy` keeps the log-probabilities, then its backward allocates a zeroed one-hot
    gradient and a third logits-sized tensor for the log-softmax gradient. Here the backward turns
    the saved log-probabilities into the gradient in place (softmax - one-hot, times 1 / count),
    so a training step touches one logits-sized buffer instead of three.
    """

    @staticmethod
    def forward(ctx, logits: torch.Tensor, targets: torch.Tensor) -> torch.Tensor:  # type: ignore[override]
        logp = torch.log_softmax(logits, dim=-1)
        valid = targets != -100
        safe = targets.masked_fill(~valid, 0)
        count = valid.sum()
        loss = -logp.gather(1, safe[:, None]).squeeze(1).masked_fill(~valid, 0.0).sum() / count
        ctx.save_for_backward(logp, safe, valid, count)
        return loss

    @staticmethod
    @torch.autograd.function.once_differentiable
    def backward(ctx, grad: torch.Tensor) -> tuple[torch.Tensor, None]:  # type: ignore[override]
        logp, safe, valid, count = ctx.saved_tensors
        rows = torch.arange(logp.shape[0], device=logp.device)
        grad_logits = logp.exp_()  # the saved buffer becomes the gradient; a second backward is refused
        grad_logits.index_put_((rows, safe), torch.tensor(-1.0, device=logp.device), accumulate=True)
        grad_logits.mul_((valid * (grad / count.clamp_min(1)))[:, None])  # no valid target: zero, as F.cross_entropy
        return grad_logits, None


def cross_entropy(logits: torch.Tensor, targets: torch.Tensor) -> torch.Tensor:
    """Mean cross-entropy over the last axis, targets of -100 ignored (`F.cross_entropy`'s value and gradient)."""
    logits = logits.reshape(-1, logits.shape[-1])
    targets = targets.reshape(-1)
    if logits.dtype != torch.float32 or targets.shape[0] != logits.shape[0]:
        return F.cross_entropy(logits, targets, ignore_index=-100)
    return _CrossEntropy.apply(logits, targets)


def _decode_keeps_rows(weight: torch.Tensor) -> bool:
    """A projection that narrows (in > out) is read row-major when decoding; the others column-major."""
    return weight.shape[1] > weight.shape[0]


def _laid_out_for_decode(weights: list[torch.Tensor]) -> bool:
    """Whether a group already shares one buffer with each matrix in its decode orientation."""
    if len({w.untyped_storage().data_ptr() for w in weights}) != 1:
        return False
    return all(w.is_contiguous() if _decode_keeps_rows(w) else w.stride(0) == 1 for w in weights)


class KVCache:
    """Preallocated keys and values for every layer; `pad` holds each row's left-padding count."""

    def __init__(
        self, n_layers: int, batch: int, max_len: int, n_kv_heads: int, head_dim: int,
        device: torch.device | str, dtype: torch.dtype,
    ) -> None:
        shape = (batch, n_kv_heads, max_len, head_dim)
        self.k = [torch.zeros(shape, device=device, dtype=dtype) for _ in range(n_layers)]
        self.v = [torch.zeros(shape, device=device, dtype=dtype) for _ in range(n_layers)]
        self.batch = batch
        self.max_len = max_len
        self.pad: torch.Tensor | None = None

    def set_padding(self, pad: torch.Tensor | list[int] | None) -> None:
        """Left-padding per row; positions and key masks then skip the padded slots."""
        if pad is None:
            self.pad = None
            return
        pad_t = torch.as_tensor(pad, dtype=torch.long, device=self.k[0].device)
        if pad_t.shape != (self.batch,):
            raise ModelInputError(f"cache.pad: expected {self.batch} counts, got shape {tuple(pad_t.shape)}")
        self.pad = pad_t if bool((pad_t > 0).any()) else None


class Attention(nn.Module):
    def __init__(self, cfg: ModelConfig) -> None:
        super().__init__()
        self.n_heads, self.n_kv_heads, self.head_dim = cfg.n_heads, cfg.n_kv_heads, cfg.head_dim
        self.q_dim = cfg.n_heads * cfg.head_dim
        self.kv_dim = cfg.n_kv_heads * cfg.head_dim
        self.wqkv = nn.Linear(cfg.d_model, self.q_dim + 2 * self.kv_dim, bias=False)
        self.wo = nn.Linear(self.q_dim, cfg.d_model, bias=False)
        self.dropout = cfg.dropout

    def forward(
        self, x: torch.Tensor, cos: torch.Tensor, sin: torch.Tensor,
        cache: KVCache | None, layer: int, start_pos: int, mask: torch.Tensor | None,
    ) -> torch.Tensor:
        bsz, seq, _ = x.shape
        hd, n_kv = self.head_dim, self.n_kv_heads
        dropout = self.dropout if self.training else 0.0
        # split (not slicing): its backward is one concatenation, slicing's is zero-fill + copy per slice.
        qk, v = self.wqkv(x).split((self.q_dim + self.kv_dim, self.kv_dim), dim=-1)
        # Queries and keys share one rotary pass: (batch, time, n_heads + n_kv_heads, head_dim).
        qk = apply_rotary(qk.unflatten(-1, (self.n_heads + n_kv, hd)), cos, sin)
        q, k = (t.transpose(1, 2) for t in qk.split((self.n_heads, n_kv), dim=2))
        v = v.unflatten(-1, (n_kv, hd)).transpose(1, 2)
        if cache is None:
            out = F.scaled_dot_product_attention(q, k, v, is_causal=seq > 1, dropout_p=dropout, enable_gqa=True)
        else:
            end = start_pos + seq
            cache.k[layer][:, :, start_pos:end] = k
            cache.v[layer][:, :, start_pos:end] = v
            k_all, v_all = cache.k[layer][:, :, :end], cache.v[layer][:, :, :end]
            if seq == 1:
                # One new token: fold each KV group's query heads into the query axis, so SDPA
                # attends without repeating K/V (heads h*G..h*G+G-1 share KV head h).
                q_grouped = qk[:, 0, : self.n_heads].reshape(bsz, n_kv, self.n_heads // n_kv, hd)
                out = F.scaled_dot_product_attention(q_grouped, k_all, v_all, attn_mask=mask)
                return self.wo(out.reshape(bsz, 1, self.q_dim))
            if mask is None:
                out = F.scaled_dot_product_attention(q, k_all, v_all, is_causal=True, enable_gqa=True)
            else:
                out = F.scaled_dot_product_attention(q, k_all, v_all, attn_mask=mask, enable_gqa=True)
        out = self.wo(out.transpose(1, 2).reshape(bsz, seq, self.q_dim))
        return F.dropout(out, dropout, self.training) if dropout else out


class _SwiGLUProduct(torch.autograd.Function):
    """silu(gate) * up from the fused (..., 2 * hidden) projection, its gradient written straight into one buffer.

    Plain autograd would return the two halves' gradients separately and `split`'s backward would
    then concatenate them (a copy of the largest activation in the block); here the backward writes
    each half in place. Values and gradients are those of `F.silu(gate) * up`, computed by the same kernels.
    """

    @staticmethod
    def forward(ctx, gate_up: torch.Tensor, hidden: int) -> torch.Tensor:  # type: ignore[override]
        gate, up = gate_up.split(hidden, dim=-1)
        activated = F.silu(gate)
        ctx.save_for_backward(gate_up, activated)
        ctx.hidden = hidden
        return activated * up

    @staticmethod
    @torch.autograd.function.once_differentiable
    def backward(ctx, grad: torch.Tensor) -> tuple[torch.Tensor, None]:  # type: ignore[override]
        gate_up, activated = ctx.saved_tensors
        gate, up = gate_up.split(ctx.hidden, dim=-1)
        grad_gate_up = torch.empty_like(gate_up, memory_format=torch.contiguous_format)
        grad_gate, grad_up = grad_gate_up.split(ctx.hidden, dim=-1)
        torch.mul(grad, activated, out=grad_up)
        torch.ops.aten.silu_backward.grad_input(grad * up, gate, grad_input=grad_gate)
        return grad_gate_up, None


class SwiGLU(nn.Module):
    def __init__(self, cfg: ModelConfig) -> None:
        super().__init__()
        self.hidden = cfg.ffn_hidden
        self.w_gate_up = nn.Linear(cfg.d_model, 2 * cfg.ffn_hidden, bias=False)
        self.w_down = nn.Linear(cfg.ffn_hidden, cfg.d_model, bias=False)
        self.dropout = cfg.dropout

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        gate_up = self.w_gate_up(x)
        if torch.is_grad_enabled() and gate_up.requires_grad:
            out = self.w_down(_SwiGLUProduct.apply(gate_up, self.hidden))
        else:
            gate, up = gate_up.split(self.hidden, dim=-1)
            out = self.w_down(F.silu(gate) * up)
        return F.dropout(out, self.dropout, self.training) if self.dropout else out


class Block(nn.Module):
    def __init__(self, cfg: ModelConfig) -> None:
        super().__init__()
        self.attn_norm = RMSNorm(cfg.d_model, cfg.norm_eps)
        self.attn = Attention(cfg)
        self.mlp_norm = RMSNorm(cfg.d_model, cfg.norm_eps)
        self.mlp = SwiGLU(cfg)

    def forward(
        self, x: torch.Tensor, cos: torch.Tensor, sin: torch.Tensor,
        cache: KVCache | None = None, layer: int = 0, start_pos: int = 0, mask: torch.Tensor | None = None,
    ) -> torch.Tensor:
        x = x + self.attn(self.attn_norm(x), cos, sin, cache, layer, start_pos, mask)
        return x + self.mlp(self.mlp_norm(x))


class HavocLM(nn.Module):
    """Decoder-only LM; `forward` returns fp32 logits and, given targets, the mean cross-entropy (-100 ignored)."""

    def __init__(self, cfg: ModelConfig) -> None:
        super().__init__()
        self.cfg = cfg
        self.gradient_checkpointing = False
        self.tok_embeddings = nn.Embedding(cfg.vocab_size, cfg.d_model)
        self.layers = nn.ModuleList(Block(cfg) for _ in range(cfg.n_layers))
        self.norm = RMSNorm(cfg.d_model, cfg.norm_eps)
        self.lm_head = nn.Linear(cfg.d_model, cfg.vocab_size, bias=False)
        if cfg.tie_embeddings:
            self.lm_head.weight = self.tok_embeddings.weight
        cos, sin = rotary_tables(cfg.head_dim, cfg.max_seq_len, cfg.rope_theta)
        self.register_buffer("rope_cos", cos, persistent=False)
        self.register_buffer("rope_sin", sin, persistent=False)
        self.reset_parameters()

    @torch.no_grad()
    def reset_parameters(self, generator: torch.Generator | None = None) -> None:
        """normal(0, init_std) everywhere, residual-writing projections / sqrt(2 * n_layers), norms 1."""
        std = self.cfg.init_std
        residual_std = std / math.sqrt(2 * self.cfg.n_layers)
        self.tok_embeddings.weight.normal_(0.0, std, generator=generator)
        for block in self.layers:
            block.attn.wqkv.weight.normal_(0.0, std, generator=generator)
            block.attn.wo.weight.normal_(0.0, residual_std, generator=generator)
            block.mlp.w_gate_up.weight.normal_(0.0, std, generator=generator)
            block.mlp.w_down.weight.normal_(0.0, residual_std, generator=generator)
            block.attn_norm.weight.fill_(1.0)
            block.mlp_norm.weight.fill_(1.0)
        self.norm.weight.fill_(1.0)
        if not self.cfg.tie_embeddings:
            self.lm_head.weight.normal_(0.0, std, generator=generator)
        self.reset_rotary()

    def reset_rotary(self) -> None:
        """Rotary tables are derived, not learned: rebuild them after loading onto a meta-built model."""
        cos, sin = rotary_tables(self.cfg.head_dim, self.cfg.max_seq_len, self.cfg.rope_theta)
        device = self.tok_embeddings.weight.device
        self.rope_cos = cos.to(device)
        self.rope_sin = sin.to(device)

    def tie_weights(self) -> None:
        """Re-point the output head at the embedding after the embedding tensor was replaced."""
        if self.cfg.tie_embeddings:
            self.lm_head.weight = self.tok_embeddings.weight

    @torch.no_grad()
    def use_decode_layout(self) -> bool:
        """Lay fp32 CPU projection matrices out for one-token products (same shapes and values).

        Decoding multiplies one token's row by every matrix, and decode time is almost all such
        products (bench/model_bench.py). On CPU (MKL, one thread) a matrix that widens or keeps the
        width (q/k/v, output, gate/up, head) streams about twice as fast column-major ((in, out)
        contiguous) as in nn.Linear's row-major layout; one that narrows (in > out: the MLP's down
        projection) keeps its rows, whose long dot products read faster (13.1 against 11.5 GB/s).
        Each block's four matrices share one buffer, in the order decoding reads them, aligned to
        2 MiB and (Linux) advised for transparent huge pages, so the products stream with far fewer
        TLB misses. Only plain CPU tensors are touched; savers and the exporter call `.contiguous()`,
        so checkpoints are unchanged. Idempotent; returns whether anything moved.
        """
        groups = [[b.attn.wqkv, b.attn.wo, b.mlp.w_gate_up, b.mlp.w_down] for b in self.layers] + [[self.lm_head]]
        grouped = {id(m) for group in groups for m in group}
        groups += [[m] for m in self.modules() if isinstance(m, nn.Linear) and id(m) not in grouped]
        moved = False
        for group in groups:
            weights: list[torch.Tensor] = []
            for module in group:
                weight = module.weight
                if (not isinstance(module, nn.Linear) or weight.device.type != "cpu" or weight.dtype != torch.float32
                        or type(weight.data) is not torch.Tensor or weight.dim() != 2 or min(weight.shape) < 2):
                    continue  # measured for fp32 CPU only; DTensor/FSDP shards and GPU weights keep their layout
                if all(weight is not w for w in weights):  # a tied head shares the embedding's tensor
                    weights.append(weight)
            if not weights or _laid_out_for_decode(weights):
                continue
            buffer = _huge_page_buffer(sum(w.numel() for w in weights), torch.float32)
            offset = 0
            for weight in weights:
                out_dim, in_dim = weight.shape
                piece = buffer[offset: offset + weight.numel()]
                if _decode_keeps_rows(weight):
                    weight.data = piece.view(out_dim, in_dim).copy_(weight.data)
                else:
                    weight.data = piece.view(in_dim, out_dim).copy_(weight.data.t()).t()
                offset += weight.numel()
            moved = True
        return moved

    def num_params(self) -> int:
        return sum(p.numel() for p in self.parameters())

    def new_cache(
        self, batch: int, max_len: int, device: torch.device | str | None = None, dtype: torch.dtype | None = None,
    ) -> KVCache:
        if max_len > self.cfg.max_seq_len:
            raise ModelInputError(f"max_len: {max_len} exceeds the model's context of {self.cfg.max_seq_len}")
        weight = self.tok_embeddings.weight
        return KVCache(
            self.cfg.n_layers, batch, max_len, self.cfg.n_kv_heads, self.cfg.head_dim,
            device if device is not None else weight.device, dtype if dtype is not None else weight.dtype,
        )

    def _rotary(self, seq: int, start_pos: int, cache: KVCache | None) -> tuple[torch.Tensor, torch.Tensor]:
        """Tables shaped to broadcast over (batch, time, heads, head_dim)."""
        end = start_pos + seq
        if cache is None or cache.pad is None:
            return self.rope_cos[start_pos:end, None], self.rope_sin[start_pos:end, None]
        positions = (torch.arange(start_pos, end, device=cache.pad.device) - cache.pad[:, None]).clamp_min(0)
        return self.rope_cos[positions].unsqueeze(2), self.rope_sin[positions].unsqueeze(2)

    def _compute_dtype(self, device: torch.device) -> torch.dtype:
        """The dtype q and k will have, so rotary tables never up-cast them (autocast included)."""
        if torch.is_autocast_enabled(device.type):
            return torch.get_autocast_dtype(device.type)
        return self.tok_embeddings.weight.dtype

    @staticmethod
    def _mask(seq: int, start_pos: int, cache: KVCache | None, device: torch.device) -> torch.Tensor | None:
        """None where SDPA's own causal handling is right; otherwise a boolean (rows, 1, seq, keys) mask."""
        if cache is None:
            return None
        end = start_pos + seq
        if cache.pad is None and (seq == 1 or start_pos == 0):
            return None
        query_pos = torch.arange(start_pos, end, device=device)[:, None]
        key_pos = torch.arange(end, device=device)[None, :]
        allowed = key_pos <= query_pos
        if cache.pad is None:
            return allowed[None, None]
        valid_key = key_pos[None] >= cache.pad[:, None, None]
        # A padded query would see no key at all (NaN); let it see itself. Its output is never used.
        allowed = allowed[None] & (valid_key | (key_pos == query_pos)[None])
        return allowed[:, None]

    def forward(
        self, input_ids: torch.Tensor, targets: torch.Tensor | None = None, *,
        cache: KVCache | None = None, start_pos: int = 0, last_only: bool = False,
    ) -> tuple[torch.Tensor, torch.Tensor | None]:
        """`last_only` computes logits for the final position only (what decoding needs)."""
        if input_ids.dim() != 2:
            raise ModelInputError(f"input_ids: expected shape (batch, time), got {tuple(input_ids.shape)}")
        bsz, seq = input_ids.shape
        end = start_pos + seq
        limit = cache.max_len if cache is not None else self.cfg.max_seq_len
        if start_pos < 0 or end > limit:
            raise ModelInputError(f"input_ids: positions {start_pos}..{end} exceed the context of {limit}")
        if cache is not None and cache.batch != bsz:
            raise ModelInputError(f"cache: built for batch {cache.batch}, got batch {bsz}")
        cos, sin = self._rotary(seq, start_pos, cache)
        compute_dtype = self._compute_dtype(input_ids.device)
        if cos.dtype != compute_dtype:
            cos, sin = cos.to(compute_dtype), sin.to(compute_dtype)
        mask = self._mask(seq, start_pos, cache, input_ids.device)
        x = self.tok_embeddings(input_ids)
        use_checkpoint = self.gradient_checkpointing and self.training and cache is None and torch.is_grad_enabled()
        for i, block in enumerate(self.layers):
            if use_checkpoint:
                x = checkpoint(block, x, cos, sin, use_reentrant=False)
            else:
                x = block(x, cos, sin, cache, i, start_pos, mask)
        if last_only:
            x = x[:, -1:]
        logits = self.lm_head(self.norm(x)).float()
        loss = None
        if targets is not None:
            loss = cross_entropy(logits, targets)
        return logits, loss
