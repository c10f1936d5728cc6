"""`havoc-model tokenizer train | data prepare | train | plan | plot`: the training-side commands.

Heavy imports (torch, matplotlib) happen inside the command functions so
`havoc-model --help` and the model-side commands stay fast.
"""

from __future__ import annotations

import argparse
import json
import os
from pathlib import Path
from typing import Any

from havoc_model.errors import ModelInputError


def register(sub: argparse._SubParsersAction) -> None:
    tok = sub.add_parser("tokenizer", help="train the SentencePiece tokenizer")
    tok_sub = tok.add_subparsers(dest="tokenizer_command", metavar="ACTION")
    tok_train = tok_sub.add_parser("train", help="train a BPE tokenizer on text, markdown and JSONL files")
    tok_train.add_argument("--input", nargs="+", required=True, metavar="PATH", help="files or directories")
    tok_train.add_argument("--vocab-size", type=int, default=8192)
    tok_train.add_argument("--out", required=True, help="directory for tokenizer.model")
    tok_train.add_argument("--max-sentences", type=int, default=2_000_000,
                           help="paragraphs sampled for training (reservoir sample past this)")
    tok_train.add_argument("--seed", type=int, default=0)
    tok_train.add_argument("--json", action="store_true")
    tok_train.set_defaults(func=cmd_tokenizer_train)
    tok.set_defaults(func=lambda args: _group_help(tok))

    data = sub.add_parser("data", help="tokenise corpora into training shards")
    data_sub = data.add_subparsers(dest="data_command", metavar="ACTION")
    prep = data_sub.add_parser("prepare", help="tokenise sources into memory-mapped shards with a manifest")
    prep.add_argument("--tokenizer", required=True, help="tokenizer.model or a directory holding one")
    prep.add_argument("--source", action="append", metavar="NAME=PATH[,PATH]",
                      help="a named source (repeat); default: the shipped corpus (domain + dialogue)")
    prep.add_argument("--weight", action="append", metavar="NAME=W",
                      help="mixture weight (defaults: domain 0.6, general 0.3, dialogue 0.1; renormalised)")
    prep.add_argument("--out", required=True, help="data directory to create")
    prep.add_argument("--val-fraction", type=float, default=0.05)
    prep.add_argument("--val-block", type=int, default=256, help="tokens per train/validation split block")
    prep.add_argument("--shard-tokens", type=int, default=1 << 26)
    prep.add_argument("--overwrite", action="store_true")
    prep.add_argument("--json", action="store_true")
    prep.set_defaults(func=cmd_data_prepare)
    data.set_defaults(func=lambda args: _group_help(data))

    tr = sub.add_parser("train", help="train a model (one device, or under torchrun with DDP/FSDP2)")
    model = tr.add_mutually_exclusive_group()
    model.add_argument("--preset", help="preset name or YAML config (default havoc-tiny)")
    model.add_argument("--init-from", help="start from this checkpoint's weights")
    tr.add_argument("--data", required=True, help="directory made by `data prepare`")
    tr.add_argument("--out", required=True, help="run directory (metrics, checkpoints)")
    tr.add_argument("--steps", type=int, default=1000)
    tr.add_argument("--batch-size", type=int, default=16, help="sequences per micro-batch per process")
    tr.add_argument("--grad-accum", type=int, default=1)
    tr.add_argument("--seq-len", type=int, help="default: the model's context length")
    tr.add_argument("--lr", type=float, default=1e-3)
    tr.add_argument("--min-lr-ratio", type=float, default=0.1)
    tr.add_argument("--warmup", type=int, help="warmup steps (default: 5%% of steps, at most 1000)")
    tr.add_argument("--schedule", choices=["cosine", "linear", "constant"], default="cosine")
    tr.add_argument("--weight-decay", type=float, default=0.1)
    tr.add_argument("--beta1", type=float, default=0.9)
    tr.add_argument("--beta2", type=float, default=0.95)
    tr.add_argument("--grad-clip", type=float, default=1.0)
    tr.add_argument("--eval-every", type=int, default=100)
    tr.add_argument("--eval-windows", type=int, default=32, help="validation windows per source")
    tr.add_argument("--ckpt-every", type=int, default=500)
    tr.add_argument("--keep-last", type=int, default=3)
    tr.add_argument("--log-every", type=int, default=10)
    tr.add_argument("--seed", type=int, default=0)
    tr.add_argument("--precision", choices=["auto", "fp32", "bf16", "fp16"], default="auto")
    tr.add_argument("--device", default="auto", help="auto, cpu or cuda")
    tr.add_argument("--compile", action="store_true", help="torch.compile the model")
    tr.add_argument("--grad-checkpointing", action="store_true", help="recompute activations in backward")
    tr.add_argument("--parallel", choices=["auto", "none", "ddp", "fsdp"], default="auto")
    tr.add_argument("--resume", action="store_true", help="continue from the run's latest checkpoint")
    tr.add_argument("--stop-at", type=int, help="save and stop at this step (the schedule still spans --steps)")
    tr.add_argument("--no-progress", action="store_true")
    tr.add_argument("--no-tensorboard", action="store_true")
    tr.add_argument("--loss-on", choices=["all", "replies"], default="all",
                    help="replies: learn only the assistant's turns of chat records (fine-tuning a reader)")
    tr.add_argument("--threads", type=int, help="torch CPU threads (default: torch's choice)")
    tr.add_argument("--json", action="store_true", help="print the result as JSON")
    tr.set_defaults(func=cmd_train)

    plan = sub.add_parser("plan", help="memory per GPU for a preset and which setups fit")
    plan.add_argument("--preset", default="havoc-7b", help="preset name or YAML config")
    plan.add_argument("--gpus", type=int, default=1)
    plan.add_argument("--gpu-mem", type=float, default=80.0, help="GiB per GPU")
    plan.add_argument("--batch-size", type=int, default=1, help="micro-batch per GPU")
    plan.add_argument("--seq-len", type=int, help="default: the model's context length")
    plan.add_argument("--json", action="store_true")
    plan.set_defaults(func=cmd_plan)

    plot = sub.add_parser("plot", help="draw a run's loss and learning-rate curves to PNG")
    plot.add_argument("run_dir")
    plot.add_argument("--out", help="PNG path (default RUN_DIR/curves.png)")
    plot.set_defaults(func=cmd_plot)


def _group_help(parser: argparse.ArgumentParser) -> int:
    parser.print_help()
    return 2


def _emit(payload: dict[str, Any], as_json: bool, text: str) -> None:
    print(json.dumps(payload, indent=2, default=str) if as_json else text)


def cmd_tokenizer_train(args: argparse.Namespace) -> int:
    from havoc_model.tokenizer import train_tokenizer

    report = train_tokenizer(args.input, args.vocab_size, args.out, max_sentences=args.max_sentences, seed=args.seed)
    _emit(report.to_dict(), args.json,
          f"wrote {report.model_path}: {report.vocab_size} pieces from {report.files} files "
          f"({report.sentences} paragraphs)")
    return 0


def cmd_data_prepare(args: argparse.Namespace) -> int:
    from havoc_model.data import parse_source, parse_weight, prepare_data, shipped_sources

    sources = [parse_source(s) for s in args.source] if args.source else shipped_sources()
    weights = dict(parse_weight(w) for w in args.weight or [])
    seen: dict[str, int] = {}

    def progress(name: str, n: int) -> None:
        seen[name] = seen.get(name, 0) + n

    manifest = prepare_data(
        sources, args.tokenizer, args.out, weights=weights, val_fraction=args.val_fraction,
        val_block=args.val_block, shard_tokens=args.shard_tokens, overwrite=args.overwrite, progress=progress,
    )
    lines = [f"wrote {args.out} ({manifest['dtype']}, vocab {manifest['vocab_size']})"]
    for s in manifest["sources"]:
        lines.append(f"  {s['name']:<10} weight {s['weight']:.3f}  {s['documents']:>7} docs  "
                     f"train {s['train']['tokens']:>10,} tokens  val {s['val']['tokens']:>9,} tokens")
    _emit(manifest, args.json, "\n".join(lines))
    return 0


def cmd_train(args: argparse.Namespace) -> int:
    import torch

    from havoc_model.train import TrainConfig, train

    if args.threads is not None:
        if args.threads < 1:
            raise ModelInputError("threads: must be a positive integer")
        torch.set_num_threads(args.threads)
    preset = args.preset if args.preset or args.init_from else "havoc-tiny"
    cfg = TrainConfig(
        data=args.data, out=args.out, preset=preset, init_from=args.init_from, steps=args.steps,
        batch_size=args.batch_size, grad_accum=args.grad_accum, seq_len=args.seq_len, lr=args.lr,
        min_lr_ratio=args.min_lr_ratio, warmup=args.warmup, schedule=args.schedule,
        weight_decay=args.weight_decay, beta1=args.beta1, beta2=args.beta2, grad_clip=args.grad_clip,
        eval_every=args.eval_every, eval_windows=args.eval_windows, ckpt_every=args.ckpt_every,
        keep_last=args.keep_last, log_every=args.log_every, seed=args.seed, precision=args.precision,
        device=args.device, compile=args.compile, grad_checkpointing=args.grad_checkpointing,
        parallel=args.parallel, resume=args.resume, stop_at=args.stop_at, progress=not args.no_progress,
        tensorboard=not args.no_tensorboard, loss_on=args.loss_on,
    )
    result = train(cfg)
    if int(os.environ.get("RANK", "0")) != 0:
        return 0
    payload = result.to_dict()
    payload.pop("history")
    text = (f"{'interrupted' if result.interrupted else 'finished'} at step {result.steps} "
            f"({result.tokens:,} tokens, {result.seconds:.0f} s): train loss {_f(result.train_loss)}, "
            f"val loss {_f(result.val_loss)} (ppl {_f(result.val_ppl)}), unigram baseline "
            f"{_f(result.unigram_entropy)}\ncheckpoint: {result.checkpoint}")
    _emit(payload, args.json, text)
    return 130 if result.interrupted else 0


def cmd_plan(args: argparse.Namespace) -> int:
    from havoc_model.config import get_config
    from havoc_model.memory_plan import format_plan, plan_memory

    cfg = get_config(args.preset)
    plan = plan_memory(cfg, gpus=args.gpus, gpu_mem_gib=args.gpu_mem, micro_batch=args.batch_size,
                       seq_len=args.seq_len or cfg.max_seq_len, name=args.preset)
    _emit(plan.model_dump(), args.json, format_plan(plan))
    return 0


def cmd_plot(args: argparse.Namespace) -> int:
    from havoc_model.plot import plot_run

    path = plot_run(args.run_dir, Path(args.out) if args.out else None)
    print(f"wrote {path}")
    return 0


def _f(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.4f}"

