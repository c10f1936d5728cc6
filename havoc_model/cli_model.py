"""`havoc-model info | init | export | import | generate`: the model-side commands.

Every bad input (unknown preset, missing or corrupt checkpoint, bad sampling option) raises
ModelInputError, which `havoc_model.cli` turns into one line and exit code 2.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

import torch

from havoc_model.checkpoint import TOKENIZER_FILE, describe_checkpoint, load_checkpoint, save_checkpoint
from havoc_model.config import PRESETS, ModelConfig, get_config, param_breakdown, param_count
from havoc_model.errors import ModelInputError
from havoc_model.generate import GenerationConfig, generate_ids, generate_text, stream_text
from havoc_model.hf import export_hf, import_hf
from havoc_model.model import HavocLM

DTYPES = {"float32": torch.float32, "bfloat16": torch.bfloat16, "float16": torch.float16}


def register(sub: argparse._SubParsersAction) -> None:
    info = sub.add_parser("info", help="parameter count of a preset, or describe a checkpoint")
    info.add_argument("checkpoint", nargs="?", help="checkpoint directory")
    info.add_argument("--preset", help=f"one of {', '.join(PRESETS)}, or a YAML config path")
    info.add_argument("--json", action="store_true", help="print JSON")
    info.set_defaults(func=cmd_info)

    init = sub.add_parser("init", help="write a randomly initialised checkpoint")
    init.add_argument("--preset", required=True, help=f"one of {', '.join(PRESETS)}, or a YAML config path")
    init.add_argument("--out", required=True, help="checkpoint directory to create")
    init.add_argument("--seed", type=int, default=0)
    init.add_argument("--dtype", choices=sorted(DTYPES), default="float32")
    init.add_argument("--tokenizer", help="tokenizer.model to copy into the checkpoint")
    init.add_argument("--force", action="store_true", help="replace an existing checkpoint")
    init.set_defaults(func=cmd_init)

    export = sub.add_parser("export", help="convert a checkpoint for other engines")
    export.add_argument("--format", choices=["hf"], default="hf", help="hf: transformers LlamaForCausalLM")
    export.add_argument("checkpoint")
    export.add_argument("out")
    export.add_argument("--dtype", choices=sorted(DTYPES), help="cast the weights (default: as stored)")
    export.set_defaults(func=cmd_export)

    imp = sub.add_parser("import", help="convert a Hugging Face Llama directory into a checkpoint")
    imp.add_argument("hf_dir")
    imp.add_argument("out")
    imp.add_argument("--dtype", choices=sorted(DTYPES), help="cast the weights (default: as stored)")
    imp.set_defaults(func=cmd_import)

    gen = sub.add_parser("generate", help="generate text (or token ids) from a checkpoint")
    gen.add_argument("checkpoint")
    source = gen.add_mutually_exclusive_group(required=True)
    source.add_argument("--prompt", action="append", help="prompt text; repeat for a batch")
    source.add_argument("--ids", action="append", help="prompt as comma-separated token ids; repeat for a batch")
    gen.add_argument("--tokenizer", help="tokenizer.model (default: the checkpoint's)")
    gen.add_argument("--max-tokens", type=int, default=128)
    gen.add_argument("--temperature", type=float, default=0.8)
    gen.add_argument("--greedy", action="store_true", help="temperature 0: always the most likely token")
    gen.add_argument("--top-k", type=int)
    gen.add_argument("--top-p", type=float)
    gen.add_argument("--repetition-penalty", type=float, default=1.0)
    gen.add_argument("--stop", action="append", default=[], help="stop sequence; repeatable")
    gen.add_argument("--seed", type=int)
    gen.add_argument("--no-stream", action="store_true", help="print the result at the end only")
    gen.add_argument("--json", action="store_true", help="print results as JSON (implies --no-stream)")
    gen.set_defaults(func=cmd_generate)


def _human(n: float) -> str:
    for unit, scale in (("B", 1e9), ("M", 1e6), ("K", 1e3)):
        if n >= scale:
            return f"{n / scale:.2f} {unit}"
    return str(int(n))


def _shape_line(cfg: ModelConfig) -> str:
    return (
        f"layers {cfg.n_layers}, d_model {cfg.d_model}, heads {cfg.n_heads} (KV {cfg.n_kv_heads}, head dim "
        f"{cfg.head_dim}), SwiGLU hidden {cfg.ffn_hidden}, vocab {cfg.vocab_size}, context {cfg.max_seq_len}, "
        f"rope theta {cfg.rope_theta:g}, {'tied' if cfg.tie_embeddings else 'untied'} embeddings"
    )


def preset_report(name: str) -> dict[str, Any]:
    cfg = get_config(name)
    total = param_count(cfg)
    return {
        "preset": name,
        "config": cfg.to_dict(),
        "parameters": total,
        "breakdown": param_breakdown(cfg),
        "weights_bytes": {"float32": 4 * total, "bfloat16": 2 * total},
    }


def cmd_info(args: argparse.Namespace) -> int:
    if bool(args.checkpoint) == bool(args.preset):
        raise ModelInputError("info: give a checkpoint directory or --preset, not both or neither")
    if args.preset:
        report = preset_report(args.preset)
        if args.json:
            print(json.dumps(report, indent=2))
            return 0
        cfg = ModelConfig.from_dict(report["config"])
        print(f"preset {args.preset}: {report['parameters']:,} parameters ({_human(report['parameters'])})")
        for part, count in report["breakdown"].items():
            print(f"  {part:<10} {count:>15,}")
        print(f"shape: {_shape_line(cfg)}")
        sizes = report["weights_bytes"]
        print(f"weights: {sizes['float32'] / 2**30:.2f} GiB fp32, {sizes['bfloat16'] / 2**30:.2f} GiB bf16")
        return 0
    report = describe_checkpoint(args.checkpoint)
    cfg = ModelConfig.from_dict(report["config"])
    report["breakdown"] = param_breakdown(cfg)
    if args.json:
        print(json.dumps(report, indent=2))
        return 0
    print(f"checkpoint {report['path']}: {report['parameters']:,} parameters ({_human(report['parameters'])})")
    print(f"shape: {_shape_line(cfg)}")
    print(f"weights: {', '.join(report['dtypes'])}, {report['weights_bytes'] / 2**20:.1f} MiB")
    print(f"tokenizer: {'yes' if report['has_tokenizer'] else 'no'}; "
          f"training state: {'yes' if report['has_training_state'] else 'no'}")
    return 0


def cmd_init(args: argparse.Namespace) -> int:
    cfg = get_config(args.preset)
    out = Path(args.out)
    if out.exists() and not args.force and (not out.is_dir() or any(out.iterdir())):
        raise ModelInputError(f"--out: {out} already exists (use --force to replace it)")
    extra = None
    if args.tokenizer:
        tokenizer = Path(args.tokenizer)
        if not tokenizer.is_file():
            raise ModelInputError(f"--tokenizer: {tokenizer} not found")
        vocab = _load_tokenizer(tokenizer).vocab_size
        if vocab > cfg.vocab_size:
            raise ModelInputError(f"--tokenizer: its {vocab} tokens exceed the model's vocab_size {cfg.vocab_size}")
        extra = {TOKENIZER_FILE: tokenizer}
    torch.manual_seed(args.seed)
    generator = torch.Generator().manual_seed(args.seed)
    with torch.device("meta"):
        model = HavocLM(cfg)
    model.to_empty(device="cpu")
    model.reset_parameters(generator=generator)
    model.tie_weights()
    model.to(DTYPES[args.dtype])
    save_checkpoint(out, model, cfg, extra_files=extra)
    print(f"wrote {out} ({param_count(cfg):,} parameters, {args.dtype}, seed {args.seed})")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    out = export_hf(args.checkpoint, args.out, dtype=DTYPES[args.dtype] if args.dtype else None)
    print(f"wrote {out} (transformers LlamaForCausalLM: config.json + model.safetensors)")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    out = import_hf(args.hf_dir, args.out, dtype=DTYPES[args.dtype] if args.dtype else None)
    print(f"wrote {out} (HAVOC checkpoint)")
    return 0


def _parse_ids(text: str) -> list[int]:
    try:
        ids = [int(part) for part in text.replace(" ", "").split(",") if part]
    except ValueError:
        raise ModelInputError(f"--ids: expected comma-separated integers, got {text!r}") from None
    if not ids:
        raise ModelInputError("--ids: empty prompt")
    return ids


def _load_tokenizer(path: Path) -> Any:
    if not path.is_file():
        raise ModelInputError(f"--tokenizer: {path} not found (give --tokenizer, or use --ids)")
    from havoc_model.tokenizer import HavocTokenizer

    return HavocTokenizer.load(path)


def cmd_generate(args: argparse.Namespace) -> int:
    model, _ = load_checkpoint(args.checkpoint)
    gen = GenerationConfig(
        max_new_tokens=args.max_tokens,
        temperature=0.0 if args.greedy else args.temperature,
        top_k=args.top_k,
        top_p=args.top_p,
        repetition_penalty=args.repetition_penalty,
        stop_sequences=tuple(args.stop),
        seed=args.seed,
    )
    if args.ids:
        if args.stop:
            raise ModelInputError("--stop: stop sequences are text; they need --prompt and a tokenizer")
        results = generate_ids(model, [_parse_ids(t) for t in args.ids], gen)
        if args.json:
            print(json.dumps([r.to_dict() for r in results], indent=2))
        else:
            for result in results:
                print(",".join(str(t) for t in result.token_ids))
        return 0
    tokenizer = _load_tokenizer(Path(args.tokenizer) if args.tokenizer else Path(args.checkpoint) / TOKENIZER_FILE)
    if args.json or args.no_stream or len(args.prompt) > 1:
        results = generate_text(model, tokenizer, args.prompt, gen)
        if args.json:
            print(json.dumps([r.to_dict() for r in results], indent=2, ensure_ascii=False))
        else:
            for result in results:
                print(result.text)
        return 0
    for piece in stream_text(model, tokenizer, args.prompt[0], gen):
        sys.stdout.write(piece)
        sys.stdout.flush()
    sys.stdout.write("\n")
    return 0
