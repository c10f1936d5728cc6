"""HAVOC's model against transformers' LlamaForCausalLM: same config, same weights, one process.

Prints greedy decode tokens/s (128-token prompt, 256 new tokens, KV cache on both), prefill
tokens/s, and a training step (batch 8 x 256, fused AdamW on both sides) in fp32 and bf16 autocast. A/B runs are
interleaved (order alternating) so the host's noise hits both sides alike; figures are medians.
On a CUDA machine it also prints havoc-1b bf16 training tokens/s and MFU.

    python bench/model_bench.py            # full run, a few minutes on 2 CPU cores
    python bench/model_bench.py --quick    # smaller shapes, for a smoke check
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import torch  # noqa: E402

from havoc_model.config import ModelConfig, get_config, param_count  # noqa: E402
from havoc_model.generate import GenerationConfig, generate_ids  # noqa: E402
from havoc_model.hf import hf_config, hf_state_dict  # noqa: E402
from havoc_model.model import HavocLM  # noqa: E402
from havoc_model.optim import build_optimizer  # noqa: E402

# ~32M parameters: big enough that matmuls dominate, small enough for a CPU bench.
BENCH_CONFIG = ModelConfig(vocab_size=8192, d_model=512, n_layers=8, n_heads=8, n_kv_heads=4,
                           ffn_hidden=1408, max_seq_len=512)


def build_pair(cfg: ModelConfig, dtype: torch.dtype = torch.float32):
    import transformers

    transformers.logging.set_verbosity_error()
    torch.manual_seed(0)
    ours = HavocLM(cfg).eval()
    fields = {k: v for k, v in hf_config(cfg).items() if k not in ("architectures", "torch_dtype")}
    theirs = transformers.LlamaForCausalLM(transformers.LlamaConfig(**fields)).eval()
    missing, unexpected = theirs.load_state_dict(hf_state_dict(ours), strict=False)
    assert not unexpected and all("rotary" in m for m in missing), (missing, unexpected)
    return ours.to(dtype), theirs.to(dtype)


Timing = tuple[float, float]  # (wall seconds, this process's CPU seconds)


def timed(fn: Callable[[], object]) -> Timing:
    wall, cpu = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - wall, time.process_time() - cpu


def interleaved(reps: int, a: Callable[[], Timing], b: Callable[[], Timing]) -> tuple[list[Timing], list[Timing]]:
    """Run a and b alternately, swapping the order every repetition."""
    times_a, times_b = [], []
    for rep in range(reps):
        if rep % 2 == 0:
            times_a.append(a())
            times_b.append(b())
        else:
            times_b.append(b())
            times_a.append(a())
    return times_a, times_b


def report(name: str, units: float, unit: str, ours: list[Timing], theirs: list[Timing]) -> float:
    """Wall-clock medians; the CPU-time ratio beside them is what other tenants of the host disturb least."""
    wall_ours = statistics.median(t[0] for t in ours)
    wall_theirs = statistics.median(t[0] for t in theirs)
    cpu_ratio = statistics.median(t[1] for t in theirs) / statistics.median(t[1] for t in ours)
    speedup = wall_theirs / wall_ours
    print(f"{name:<34} havoc {units / wall_ours:>8.1f} {unit}  transformers {units / wall_theirs:>8.1f} {unit}  "
          f"speedup {speedup:.2f}x (CPU-time ratio {cpu_ratio:.2f}x)")
    return speedup


def bench_decode(ours: HavocLM, theirs, prompt_len: int, new_tokens: int, reps: int, label: str) -> float:
    prompt = torch.randint(0, ours.cfg.vocab_size, (1, prompt_len), generator=torch.Generator().manual_seed(1))
    gen = GenerationConfig(max_new_tokens=new_tokens, temperature=0)

    def decode_ours() -> None:
        assert len(generate_ids(ours, [prompt[0].tolist()], gen)[0].token_ids) == new_tokens

    def decode_theirs() -> None:
        with torch.inference_mode():
            out = theirs.generate(prompt, max_new_tokens=new_tokens, min_new_tokens=new_tokens, do_sample=False,
                                  pad_token_id=0)
        assert out.shape[1] == prompt_len + new_tokens

    ours_tokens = generate_ids(ours, [prompt[0].tolist()], gen)[0].token_ids
    with torch.inference_mode():
        their_tokens = theirs.generate(prompt, max_new_tokens=new_tokens, min_new_tokens=new_tokens,
                                       do_sample=False, pad_token_id=0)[0, prompt_len:].tolist()
    same = sum(a == b for a, b in zip(ours_tokens, their_tokens, strict=True))
    print(f"  greedy tokens identical: {same}/{new_tokens}")
    a, b = interleaved(reps, lambda: timed(decode_ours), lambda: timed(decode_theirs))
    return report(f"decode {label}", new_tokens, "tok/s", a, b)


def bench_prefill(ours: HavocLM, theirs, prompt_len: int, reps: int, label: str, inner: int = 5) -> float:
    prompt = torch.randint(0, ours.cfg.vocab_size, (1, prompt_len), generator=torch.Generator().manual_seed(2))

    @torch.inference_mode()
    def prefill_ours() -> None:
        for _ in range(inner):
            ours(prompt, cache=ours.new_cache(1, prompt_len + 1), last_only=True)

    @torch.inference_mode()
    def prefill_theirs() -> None:
        for _ in range(inner):
            theirs(prompt, use_cache=True, logits_to_keep=1)

    prefill_ours(), prefill_theirs()
    a, b = interleaved(reps, lambda: timed(prefill_ours), lambda: timed(prefill_theirs))
    return report(f"prefill {label}", prompt_len * inner, "tok/s", a, b)


def bench_train(ours: HavocLM, theirs, batch: int, seq: int, reps: int, autocast: bool,
                compile_ours: bool = False) -> float:
    gen = torch.Generator().manual_seed(3)
    ids = torch.randint(0, ours.cfg.vocab_size, (batch, seq), generator=gen)
    targets = torch.cat([ids[:, 1:], torch.full((batch, 1), -100)], dim=1)
    ours.train()
    theirs.train()
    # Each side's own training optimiser: HAVOC's build_optimizer (fused AdamW on CPU and CUDA) and the
    # fused AdamW that transformers' Trainer picks by default with torch >= 2.8 ("adamw_torch_fused").
    opt_ours = build_optimizer(ours, lr=1e-4, weight_decay=0.01, betas=(0.9, 0.999))
    opt_theirs = torch.optim.AdamW(theirs.parameters(), lr=1e-4, weight_decay=0.01, betas=(0.9, 0.999), fused=True)

    def context():
        return torch.autocast("cpu", dtype=torch.bfloat16) if autocast else torch.autocast("cpu", enabled=False)

    forward = torch.compile(ours) if compile_ours else ours

    def step_ours() -> None:
        opt_ours.zero_grad(set_to_none=True)
        with context():
            _, loss = forward(ids, targets)
        loss.backward()
        opt_ours.step()

    def step_theirs() -> None:
        opt_theirs.zero_grad(set_to_none=True)
        with context():
            loss = theirs(input_ids=ids, labels=ids).loss
        loss.backward()
        opt_theirs.step()

    step_ours(), step_theirs()  # warm-up: optimiser state allocation, first-call costs
    a, b = interleaved(reps, lambda: timed(step_ours), lambda: timed(step_theirs))
    ours.eval()
    theirs.eval()
    label = ("bf16 autocast" if autocast else "fp32") + (" compiled" if compile_ours else "")
    return report(f"train step {label}", batch * seq, "tok/s", a, b)


def bench_cuda(steps: int) -> None:
    """havoc-1b bf16 training throughput and MFU (6N + attention FLOPs per token over the GPU's peak)."""
    device = torch.device("cuda")
    torch.backends.cuda.matmul.allow_tf32 = True
    torch.backends.cudnn.allow_tf32 = True
    cfg = get_config("havoc-1b")
    model = HavocLM(cfg).to(device)
    model.train()
    opt = torch.optim.AdamW(model.parameters(), lr=1e-4, fused=True)
    batch, seq = 4, 2048
    ids = torch.randint(0, cfg.vocab_size, (batch, seq), device=device)
    name = torch.cuda.get_device_name(device)
    peak = 989e12 if ("H100" in name or "H200" in name) else 312e12 if "A100" in name else None

    def step() -> None:
        opt.zero_grad(set_to_none=True)
        with torch.autocast("cuda", dtype=torch.bfloat16):
            _, loss = model(ids[:, :-1], ids[:, 1:])
        loss.backward()
        opt.step()

    for _ in range(3):
        step()
    torch.cuda.synchronize()
    start = time.perf_counter()
    for _ in range(steps):
        step()
    torch.cuda.synchronize()
    elapsed = (time.perf_counter() - start) / steps
    tokens = batch * (seq - 1)
    flops_per_token = 6 * param_count(cfg) + 12 * cfg.n_layers * cfg.d_model * seq
    rate = tokens / elapsed
    print(f"havoc-1b bf16 train on {name}: {rate:,.0f} tok/s", end="")
    print(f", MFU {100 * rate * flops_per_token / peak:.1f}%" if peak else " (peak FLOPs unknown: no MFU)")
    model.eval()
    prompt = torch.randint(0, cfg.vocab_size, (1, 128), device=device)
    with torch.autocast("cuda", dtype=torch.bfloat16):
        generate_ids(model, [prompt[0].tolist()], GenerationConfig(max_new_tokens=16, temperature=0))
        torch.cuda.synchronize()
        start = time.perf_counter()
        generate_ids(model, [prompt[0].tolist()], GenerationConfig(max_new_tokens=256, temperature=0))
        torch.cuda.synchronize()
    print(f"havoc-1b bf16 greedy decode on {name}: {256 / (time.perf_counter() - start):.1f} tok/s")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small shapes and 3 repetitions")
    parser.add_argument("--reps", type=int, help="repetitions per measurement (default 5, quick 3)")
    parser.add_argument("--threads", type=int, help="torch intra-op threads (default: torch's choice)")
    parser.add_argument("--skip-train", action="store_true")
    parser.add_argument("--skip-decode", action="store_true")
    parser.add_argument("--bf16-decode", action="store_true", help="also decode with bf16 weights on both sides")
    parser.add_argument("--compile", action="store_true",
                        help="add an fp32 train row with HAVOC under torch.compile (compiling takes minutes on CPU)")
    args = parser.parse_args()
    try:
        import transformers
    except ImportError:
        print("transformers is not installed (pip install -e '.[dev]'): nothing to compare against")
        return 1
    if args.threads:
        torch.set_num_threads(args.threads)
    reps = args.reps or (3 if args.quick else 5)
    prompt_len, new_tokens = (32, 64) if args.quick else (128, 256)
    batch, seq = (2, 128) if args.quick else (8, 256)
    cfg = BENCH_CONFIG
    print(f"torch {torch.__version__}, transformers {transformers.__version__}, "
          f"threads {torch.get_num_threads()}, reps {reps} (medians)")
    print(f"config: {param_count(cfg) / 1e6:.1f}M parameters, d_model {cfg.d_model}, layers {cfg.n_layers}, "
          f"heads {cfg.n_heads}/{cfg.n_kv_heads} KV, vocab {cfg.vocab_size}")
    ours, theirs = build_pair(cfg)
    if not args.skip_decode:
        bench_prefill(ours, theirs, prompt_len, reps, "fp32")
        bench_decode(ours, theirs, prompt_len, new_tokens, reps, "fp32")
        if args.bf16_decode:
            low_ours, low_theirs = build_pair(cfg, torch.bfloat16)
            bench_decode(low_ours, low_theirs, prompt_len, new_tokens, reps, "bf16 weights")
            del low_ours, low_theirs
    if not args.skip_train:
        if not args.skip_decode:  # decoding switched our weights to the CPU decode layout: train on a fresh pair
            ours, theirs = build_pair(cfg)
        bench_train(ours, theirs, batch, seq, reps, autocast=False)
        bench_train(ours, theirs, batch, seq, reps, autocast=True)
        if args.compile:
            bench_train(ours, theirs, batch, seq, reps, autocast=False, compile_ours=True)
    if torch.cuda.is_available():
        bench_cuda(steps=5 if args.quick else 20)
    else:
        print("CUDA: not available here; the havoc-1b bf16 tokens/s and MFU figures were not measured")
    return 0


if __name__ == "__main__":
    sys.exit(main())
