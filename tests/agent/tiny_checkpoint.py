"""A small untrained-but-real checkpoint (tokenizer + random weights) for ChatHavoc's tests.

Its replies are noise, which is what the tests want: behaviour that holds for any weights
(streaming equals invoking, stop sequences, the grammar always parses, numbers are copied).
"""

from __future__ import annotations

import json
from pathlib import Path

import torch

from havoc_model.checkpoint import TOKENIZER_FILE, save_checkpoint
from havoc_model.config import get_config
from havoc_model.list_slots import SLOT_SYMBOLS
from havoc_model.model import HavocLM
from havoc_model.tokenizer import train_tokenizer

PROGRAMS = [
    "let d = design box_behnken {\n    factor temperature\n    factor pressure\n    factor time\n    center_points 3\n}",
    "describe [3, 5, 8, 13]",
    "derivative of x^3*sin(x) by x",
    "ttest [1.2, 1.5, 1.1] vs [2.0, 2.2, 1.9]",
    "chart xbar_r [[10.1, 10.2], [9.9, 10.0]]",
]


def build_tiny_checkpoint(root: Path, *, seed: int = 0, list_slots: bool = False) -> Path:
    """`list_slots`: the tokenizer holds the list-slot symbols, as the planner recipe's does."""
    corpus = root / "corpus"
    corpus.mkdir(parents=True, exist_ok=True)
    lines = [json.dumps({"messages": [{"role": "user", "content": f"question {i}: mean of {i}, {i + 1}"},
                                      {"role": "assistant", "content": PROGRAMS[i % len(PROGRAMS)]}]})
             for i in range(300)]
    (corpus / "pairs.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (corpus / "words.txt").write_text("Design a Box-Behnken DOE for temperature and pressure.\n" * 40
                                      + "hello world, stop here. one two three.\n" * 40, encoding="utf-8")
    train_tokenizer([corpus], 600, root / "tok", extra_symbols=SLOT_SYMBOLS if list_slots else ())
    cfg = get_config("planner-tiny")
    cfg.vocab_size, cfg.d_model, cfg.n_layers, cfg.n_heads, cfg.n_kv_heads, cfg.ffn_hidden = 640, 64, 2, 4, 2, 128
    torch.manual_seed(seed)
    model = HavocLM(cfg)
    return save_checkpoint(root / "ckpt", model, cfg, extra_files={TOKENIZER_FILE: root / "tok" / TOKENIZER_FILE})
