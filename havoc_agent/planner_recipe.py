"""`python -m havoc_agent.planner_recipe OUT`: build the planner checkpoint from a seed.

Pairs (planner_data) -> tokenizer -> token shards -> planner-tiny training -> OUT, with the
trainer's progress bar. Lives in havoc_agent because the pairs come from the DSL and the rule
parser, which havoc_model must not know.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from pathlib import Path

from havoc_agent.planner_data import build_pairs, write_pairs
from havoc_model.list_slots import SLOT_SYMBOLS


def build(out: Path, *, steps: int, sampled: int, seed: int, batch_size: int = 8, vocab: int = 1024,
          loss_on: str = "all") -> Path:
    from havoc_model.data import SourceSpec, prepare_data
    from havoc_model.tokenizer import train_tokenizer
    from havoc_model.train import TrainConfig, latest_checkpoint, train

    work = Path(tempfile.mkdtemp(prefix="planner-"))
    pairs = build_pairs(sampled, seed)
    (work / "pairs").mkdir()
    write_pairs(pairs, work / "pairs" / "pairs.jsonl")
    print(f"{len(pairs)} verified pairs; no evaluation question among them")
    report = train_tokenizer([work / "pairs"], vocab, work / "tok", seed=seed, extra_symbols=SLOT_SYMBOLS)
    prepare_data([SourceSpec("pairs", [work / "pairs"], 1.0)], work / "tok", work / "data", val_fraction=0.02)
    (work / "planner.yaml").write_text(f"preset: planner-tiny\nvocab_size: {report.vocab_size}\nmax_seq_len: 256\n")
    train(TrainConfig(data=str(work / "data"), out=str(work / "run"), preset=str(work / "planner.yaml"),
                      steps=steps, batch_size=batch_size, seq_len=256, lr=2e-3, eval_every=max(steps // 4, 1),
                      ckpt_every=steps, seed=seed, tensorboard=False,
                      loss_on=loss_on))
    final = latest_checkpoint(work / "run")
    assert final is not None
    if out.exists():
        shutil.rmtree(out)
    shutil.copytree(final, out, ignore=shutil.ignore_patterns("training_state.pt"))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--steps", type=int, default=2500)
    parser.add_argument("--sampled", type=int, default=20000)
    parser.add_argument("--batch-size", type=int, default=8)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--loss-on", choices=["all", "replies"], default="all",
                        help="learn every token, or only the programs (the question tokens give no loss)")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    print(build(args.out, steps=args.steps, sampled=args.sampled, seed=args.seed, batch_size=args.batch_size,
                loss_on=args.loss_on))
    print(f"built in {(time.perf_counter() - started) / 60:.1f} min")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
