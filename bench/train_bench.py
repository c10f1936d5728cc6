"""Training-side throughput: tokenisation (data prepare), the batch sampler and trainer steps.

Prints medians of interleaved repetitions (the host is shared and noisy) and
the thread count. Figures only; never part of the test pass/fail.

    OMP_NUM_THREADS=1 python bench/train_bench.py
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

import torch

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from havoc_model.data import BatchSampler, TokenData, prepare_data, shipped_sources  # noqa: E402
from havoc_model.tokenizer import train_tokenizer  # noqa: E402
from havoc_model.train import TrainConfig, Trainer  # noqa: E402

REPS = 5


def main() -> None:
    print(f"torch {torch.__version__}, {torch.get_num_threads()} thread(s)")
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        sources = shipped_sources(REPO)
        t0 = time.perf_counter()
        train_tokenizer([p for s in sources for p in s.paths], 8192, root / "tok")
        print(f"tokenizer train (shipped corpus, vocab 8192): {time.perf_counter() - t0:.1f} s")
        t0 = time.perf_counter()
        manifest = prepare_data(sources, root / "tok", root / "data")
        dt = time.perf_counter() - t0
        tokens = sum(s["train"]["tokens"] + s["val"]["tokens"] for s in manifest["sources"])
        print(f"data prepare: {tokens:,} tokens in {dt:.2f} s = {tokens / dt:,.0f} tokens/s")

        data = TokenData(root / "data")
        sampler = BatchSampler(data, seq_len=256, batch_size=16, seed=0)
        t0 = time.perf_counter()
        n = 200
        for _ in range(n):
            sampler.next_batches()
        dt = time.perf_counter() - t0
        print(f"sampler: {n * 16 / dt:,.0f} windows/s ({n * 16 * 257 / dt / 1e6:.1f} M tokens/s), batch 16 x 256")

        trainers = {}
        for precision in ("fp32", "bf16"):
            cfg = TrainConfig(data=str(root / "data"), out=str(root / f"run-{precision}"), preset="havoc-tiny",
                              steps=1000, batch_size=8, seq_len=256, precision=precision, device="cpu",
                              progress=False, tensorboard=False)
            trainers[precision] = Trainer(cfg)
            trainers[precision].train_step()  # warm-up
        times: dict[str, list[float]] = {k: [] for k in trainers}
        for _ in range(REPS):
            for name, trainer in trainers.items():  # interleaved A/B
                t0 = time.perf_counter()
                trainer.train_step()
                times[name].append(time.perf_counter() - t0)
        for name, ts in times.items():
            med = statistics.median(ts)
            print(f"train step havoc-tiny ({trainers[name].n_params / 1e6:.1f} M params) {name}, batch 8 x 256: "
                  f"median {med * 1000:.0f} ms = {8 * 256 / med:,.0f} tokens/s (n={REPS})")


if __name__ == "__main__":
    main()
