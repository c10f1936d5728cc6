"""The trainer: one program from a laptop CPU to `torchrun` on many GPUs.

A run directory holds `train_config.json`, `metrics.jsonl` and
`checkpoints/step_NNNNNNN/` (each a normal checkpoint directory plus
`training_state.pt` and `tokenizer.model`). Resume restores the model, the
AdamW state, the schedule position, the GradScaler, the RNG states and the
sampler's (seed, step), so N steps + resume + N steps gives the same weights
as 2N steps straight (tested bit for bit on CPU in fp32).

Precision: bf16 autocast on GPUs that support it, fp16 autocast with a
GradScaler on older GPUs, fp32 on CPU unless `--precision bf16` is given.
Under FSDP2 the bf16 choice becomes FSDP's MixedPrecisionPolicy instead of
autocast (parameters are gathered in bf16, gradients reduced in fp32).
"""

from __future__ import annotations

import contextlib
import dataclasses
import gc
import hashlib
import json
import math
import os
import random
import re
import shutil
import signal
import tempfile
import time
from collections.abc import Callable
from contextlib import nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import torch
from torch import nn

from havoc_model import distributed as D
from havoc_model.checkpoint import (
    TOKENIZER_FILE,
    TRAINING_STATE_FILE,
    load_checkpoint,
    model_from_state,
    read_config,
    read_weights,
    save_checkpoint,
)
from havoc_model.config import ModelConfig, get_config, param_count
from havoc_model.data import BatchSampler, TokenData, unigram_entropy, validation_windows
from havoc_model.errors import ModelInputError
from havoc_model.metrics import METRICS_FILE, MetricsLogger, Progress, truncate_after
from havoc_model.model import HavocLM
from havoc_model.optim import LRSchedule, build_optimizer, build_scheduler
from havoc_model.tokenizer import ROLE_TOKENS, HavocTokenizer

PRECISIONS = ("auto", "fp32", "bf16", "fp16")
CHECKPOINTS = "checkpoints"
CONFIG_FILE = "train_config.json"
LOSS_ON = ("all", "replies")
_STEP_DIR = re.compile(r"^step_(\d{7,})$")


@dataclass
class TrainConfig:
    """Everything a run needs; saved as train_config.json so a run documents itself."""

    data: str
    out: str
    preset: str | None = "havoc-tiny"
    init_from: str | None = None
    steps: int = 1000
    batch_size: int = 16
    grad_accum: int = 1
    seq_len: int | None = None
    lr: float = 1e-3
    min_lr_ratio: float = 0.1
    warmup: int | None = None
    schedule: str = "cosine"
    weight_decay: float = 0.1
    beta1: float = 0.9
    beta2: float = 0.95
    grad_clip: float = 1.0
    eval_every: int = 100
    eval_windows: int = 32
    ckpt_every: int = 500
    keep_last: int = 3
    log_every: int = 10
    seed: int = 0
    precision: str = "auto"
    device: str = "auto"
    compile: bool = False
    grad_checkpointing: bool = False
    parallel: str = "auto"
    resume: bool = False
    stop_at: int | None = None
    progress: bool = True
    tensorboard: bool = True
    # "replies": train only on what the assistant writes in chat records (its replies and tool calls), not on
    # the user's text, which the model is never asked to write; plain text documents are then not trained on
    loss_on: str = "all"

    def validate(self) -> None:
        positive = ("steps", "batch_size", "grad_accum", "eval_every", "eval_windows", "ckpt_every", "keep_last",
                    "log_every")
        for name in positive:
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise ModelInputError(f"{name.replace('_', '-')}: must be a positive integer, got {value!r}")
        if self.stop_at is not None and not 1 <= self.stop_at <= self.steps:
            raise ModelInputError("stop-at: must be between 1 and --steps")
        if self.seq_len is not None and self.seq_len < 1:
            raise ModelInputError("seq-len: must be a positive integer")
        for name in ("lr", "grad_clip"):
            value = getattr(self, name)
            if not (isinstance(value, int | float) and math.isfinite(value) and value > 0):
                raise ModelInputError(f"{name.replace('_', '-')}: must be a positive number, got {value!r}")
        if not 0 <= self.weight_decay < 1:
            raise ModelInputError("weight-decay: must be in [0, 1)")
        if not (0 <= self.beta1 < 1 and 0 <= self.beta2 < 1):
            raise ModelInputError("betas: must be in [0, 1)")
        if self.precision not in PRECISIONS:
            raise ModelInputError(f"precision: expected one of {', '.join(PRECISIONS)}, got {self.precision!r}")
        if self.loss_on not in LOSS_ON:
            raise ModelInputError(f"loss-on: expected one of {', '.join(LOSS_ON)}, got {self.loss_on!r}")
        if self.preset is None and self.init_from is None:
            raise ModelInputError("preset: give --preset (name or YAML) or --init-from CHECKPOINT")


@dataclass(frozen=True)
class ReplyRoles:
    """Which role tokens open a turn, and which of those turns the model writes (loss_on="replies")."""

    opens: np.ndarray  # every role token id
    replies: np.ndarray  # the assistant's and tool-call role ids

    @classmethod
    def from_tokenizer(cls, tokenizer: HavocTokenizer) -> ReplyRoles:
        ids = {role: tokenizer.special_ids[token] for role, token in ROLE_TOKENS.items()}
        return cls(np.array(sorted(set(ids.values()))), np.array([ids["assistant"], ids["tool_call"]]))

    def targets(self, x: np.ndarray, y: np.ndarray) -> np.ndarray:
        """`y` with -100 (ignored) wherever the latest role token up to the input position is not a reply's.

        y[i] follows x[..i]: it is trained when x[..i] last opened an assistant or tool-call turn, so a
        reply's text, its `<|end|>` and the end of the document after it are learnt, the question is not.
        A window that starts inside a turn does not know whose it is and trains nothing before its first role.
        """
        position = np.arange(x.shape[-1])
        opened = np.where(np.isin(x, self.opens), position, -1)
        latest = np.maximum.accumulate(opened, axis=-1)
        role = np.take_along_axis(x, np.maximum(latest, 0), axis=-1)
        keep = (latest >= 0) & np.isin(role, self.replies)
        return np.where(keep, y, -100).astype(np.int64)


@dataclass
class TrainResult:
    run_dir: str
    steps: int
    tokens: int
    train_loss: float | None
    val_loss: float | None
    val_ppl: float | None
    unigram_entropy: float | None
    checkpoint: str | None
    interrupted: bool
    seconds: float
    parameters: int
    precision: str
    parallel: str
    history: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


# run directory ----------------------------------------------------------------------------------


def list_checkpoints(run_dir: str | Path) -> list[tuple[int, Path]]:
    """Complete checkpoints of a run, oldest first (half-written temp dirs never match the name)."""
    root = Path(run_dir) / CHECKPOINTS
    found = []
    if root.is_dir():
        for path in root.iterdir():
            m = _STEP_DIR.match(path.name)
            if m and (path / TRAINING_STATE_FILE).is_file():
                found.append((int(m.group(1)), path))
    return sorted(found)


def latest_checkpoint(run_dir: str | Path) -> Path | None:
    found = list_checkpoints(run_dir)
    return found[-1][1] if found else None


def resolve_precision(precision: str, device: torch.device) -> str:
    if device.type == "cuda":
        if precision == "auto":
            return "bf16" if torch.cuda.is_bf16_supported() else "fp16"
        return precision
    if precision == "auto":
        return "fp32"
    if precision == "fp16":
        raise ModelInputError("precision: fp16 needs a GPU; use fp32 or bf16 on CPU")
    return precision


_DTYPES = {"fp32": torch.float32, "bf16": torch.bfloat16, "fp16": torch.float16}


# the trainer ------------------------------------------------------------------------------------


class Trainer:
    """Owns the model, optimiser, schedule, scaler, sampler and run directory of one training run."""

    def __init__(self, cfg: TrainConfig, *, on_step: Callable[[dict[str, Any]], None] | None = None) -> None:
        cfg.validate()
        self.cfg = cfg
        self.on_step = on_step
        self.info = D.init_distributed(cfg.device)
        try:
            self._setup()
        except BaseException:
            D.shutdown(self.info)  # a bad option must not leave a process group behind
            raise

    def _setup(self) -> None:
        cfg = self.cfg
        self.device = self.info.device
        if self.device.type == "cuda":
            torch.backends.cuda.matmul.allow_tf32 = True
            torch.backends.cudnn.allow_tf32 = True
        self.data = TokenData(cfg.data)
        self.run_dir = Path(cfg.out)
        self.ckpt_root = self.run_dir / CHECKPOINTS
        resume_from = self._resume_point()
        self.model_cfg = self._model_config(resume_from)
        self.n_params = param_count(self.model_cfg)
        self.mode = D.choose_mode(cfg.parallel, self.info, self.n_params)
        self.precision = resolve_precision(cfg.precision, self.device)
        if self.mode == "fsdp" and self.precision == "fp16":
            raise ModelInputError("precision: fp16 with FSDP is not supported; use bf16 (or DDP)")
        self.seq_len = cfg.seq_len or self.model_cfg.max_seq_len
        if self.seq_len > self.model_cfg.max_seq_len:
            raise ModelInputError(f"seq-len: {self.seq_len} exceeds the model's context {self.model_cfg.max_seq_len}")
        self.warmup = cfg.warmup if cfg.warmup is not None else min(cfg.steps // 20, 1000)

        torch.manual_seed(cfg.seed)
        random.seed(cfg.seed)
        self.base = self._build_model(resume_from)  # the bare HavocLM (sharded in place under FSDP)
        self.base.gradient_checkpointing = cfg.grad_checkpointing
        self.model: nn.Module = self.base
        if self.mode == "ddp":
            self.model = D.wrap_ddp(self.base, self.info)
        self.optimizer = build_optimizer(
            self.base, lr=cfg.lr, weight_decay=cfg.weight_decay, betas=(cfg.beta1, cfg.beta2),
            device_type=self.device.type,
        )
        self.schedule = LRSchedule(cfg.steps, self.warmup, cfg.schedule, cfg.min_lr_ratio)
        self.scheduler = build_scheduler(self.optimizer, self.schedule)
        self.scaler = torch.amp.GradScaler(self.device.type, enabled=self.precision == "fp16")
        self.sampler = BatchSampler(
            self.data, seq_len=self.seq_len, batch_size=cfg.batch_size, grad_accum=cfg.grad_accum,
            world_size=self.info.world_size, rank=self.info.rank, seed=cfg.seed,
        )
        self.reply_roles: ReplyRoles | None = None
        if cfg.loss_on == "replies":
            self.reply_roles = ReplyRoles.from_tokenizer(HavocTokenizer.load(self.data.tokenizer_path))
        self.step = 0
        self.tokens = 0
        if resume_from is not None:
            self._load_training_state(resume_from)
        if cfg.compile:
            self.model = torch.compile(self.model)
        self.val = validation_windows(self.data, self.seq_len, cfg.eval_windows)
        self.unigram = self._unigram_baseline()
        self._stop = False

    # setup --------------------------------------------------------------------------------------

    def _resume_point(self) -> Path | None:
        latest = latest_checkpoint(self.run_dir)
        if latest is not None and not self.cfg.resume:
            raise ModelInputError(f"out: {self.run_dir} already holds checkpoints; pass --resume or pick a new --out")
        return latest if self.cfg.resume else None

    def _model_config(self, resume_from: Path | None) -> ModelConfig:
        if resume_from is not None:
            cfg = read_config(resume_from)
        elif self.cfg.init_from:
            cfg = read_config(self.cfg.init_from)
        else:
            cfg = get_config(self.cfg.preset)
            # A preset's vocabulary is the tokenizer size it was designed for; the data's tokenizer decides.
            cfg = dataclasses.replace(cfg, vocab_size=self.data.vocab_size)
        start = resume_from or (Path(self.cfg.init_from) if self.cfg.init_from else None)
        carried = start / TOKENIZER_FILE if start is not None else None
        if carried is not None and carried.is_file():
            digest = hashlib.sha256(carried.read_bytes()).hexdigest()
            if digest != self.data.manifest.get("tokenizer_sha256"):
                raise ModelInputError(
                    f"data: {self.data.root} was tokenised with a different tokenizer than {start} was trained on"
                )
        if cfg.vocab_size < self.data.vocab_size:
            raise ModelInputError(
                f"data: the tokenizer has {self.data.vocab_size} tokens but the model only {cfg.vocab_size}"
            )
        return cfg

    def _build_model(self, resume_from: Path | None) -> HavocLM:
        source = resume_from or (Path(self.cfg.init_from) if self.cfg.init_from else None)
        if self.mode == "fsdp":
            # Rank 0 builds (or reads) the full model on CPU and broadcasts it shard by shard, so a
            # seed gives the same initial weights whatever the process count; the others stay on meta.
            full: dict[str, torch.Tensor] = {}
            if self.info.is_main:
                if source is None:
                    full = HavocLM(self.model_cfg).state_dict()
                else:
                    full = read_weights(source)
                    if self.model_cfg.tie_embeddings:
                        full["lm_head.weight"] = full["tok_embeddings.weight"]
            with torch.device("meta"):
                model = HavocLM(self.model_cfg)
            D.shard_fsdp(model, _DTYPES[self.precision] if self.precision != "fp32" else None)
            model.to_empty(device=self.device)
            D.load_full_model_state(model, full)
            model.reset_rotary()
            return model.train()
        if source is None:
            model = HavocLM(self.model_cfg)
        else:
            model, _ = load_checkpoint(source, dtype=torch.float32)
        return model.to(self.device).train()

    def _load_training_state(self, ckpt: Path) -> None:
        path = ckpt / TRAINING_STATE_FILE
        try:
            state = torch.load(path, map_location="cpu", weights_only=True, mmap=True)
            if not isinstance(state, dict):
                raise TypeError(f"expected a dict, got {type(state).__name__}")
        except Exception as exc:  # a truncated or foreign file: say which, in one line
            reason = " ".join(str(exc).split()).split(". ")[0][:120]  # torch appends a paragraph of advice
            raise ModelInputError(f"{path}: corrupt training state ({reason})") from None
        try:
            optim_state = state["optimizer"] if self.info.is_main or self.mode != "fsdp" else {}
            D.load_optimizer_state(self.base, self.optimizer, optim_state, self.mode)
            sched = {k: v for k, v in state["scheduler"].items() if k != "lr_lambdas"}
            self.scheduler.load_state_dict({**self.scheduler.state_dict(), **sched})
            self.scaler.load_state_dict(state["scaler"])
            self.sampler.load_state_dict(state["sampler"])
            self.step = int(state["step"])
            self.tokens = int(state["tokens"])
            rngs = state["rng"]
            mine = rngs["torch"][self.info.rank] if self.info.rank < len(rngs["torch"]) else rngs["torch"][0]
            torch.set_rng_state(mine)
            if self.device.type == "cuda" and rngs.get("cuda"):
                cuda = rngs["cuda"]
                torch.cuda.set_rng_state(cuda[self.info.rank] if self.info.rank < len(cuda) else cuda[0])
            random.setstate(_python_rng(rngs["python"]))
        except (KeyError, TypeError, ValueError, RuntimeError) as exc:
            raise ModelInputError(f"{path}: training state does not match this run ({exc})") from None
        if self.step >= self.cfg.steps:
            raise ModelInputError(f"steps: the checkpoint is at step {self.step}; ask for more than that to resume")

    def _unigram_baseline(self) -> float | None:
        """Mixture-weighted unigram entropy of the validation targets, the figure val loss must beat."""
        self.unigram_by_source = {
            s.name: unigram_entropy(self.val[s.name][:, 1:]) for s in self.data.sources if s.name in self.val
        }
        if not self.unigram_by_source:
            return None
        weights = [s.weight for s in self.data.sources if s.name in self.val]
        return float(np.average(list(self.unigram_by_source.values()), weights=weights))

    # one step -----------------------------------------------------------------------------------

    def _autocast(self) -> Any:
        if self.precision == "fp32" or self.mode == "fsdp":
            return nullcontext()
        return torch.autocast(self.device.type, dtype=_DTYPES[self.precision])

    def train_step(self) -> dict[str, float]:
        self.model.train()
        batches = self.sampler.next_batches()
        total = torch.zeros((), device=self.device)
        for i, (x_np, y_np) in enumerate(batches):
            x = torch.from_numpy(x_np).to(self.device, non_blocking=True)
            if self.reply_roles is not None:
                y_np = self.reply_roles.targets(x_np, y_np)
            y = torch.from_numpy(y_np).to(self.device, non_blocking=True)
            with D.no_sync(self.model, self.mode, i == len(batches) - 1), self._autocast():
                _, loss = self.model(x, y)
                self.scaler.scale(loss / len(batches)).backward()
            total += loss.detach()
        self.scaler.unscale_(self.optimizer)
        grad_norm = torch.nn.utils.clip_grad_norm_(self.base.parameters(), self.cfg.grad_clip)
        lr = self.optimizer.param_groups[0]["lr"]
        self.scaler.step(self.optimizer)
        self.scaler.update()
        self.optimizer.zero_grad(set_to_none=True)
        self.scheduler.step()
        self.step += 1
        tokens = len(batches) * batches[0][0].size * self.info.world_size
        self.tokens += tokens
        mean = D.all_reduce_mean(total / len(batches), self.info)
        if isinstance(grad_norm, torch.Tensor) and hasattr(grad_norm, "full_tensor"):
            grad_norm = grad_norm.full_tensor()
        return {"loss": float(mean), "lr": lr, "grad_norm": float(grad_norm), "step_tokens": tokens}

    @torch.no_grad()
    def evaluate(self) -> dict[str, Any]:
        """Mean token loss per source on fixed windows, mixed by weight; every rank computes the same."""
        self.model.eval()
        per_source: dict[str, float] = {}
        for name, windows in self.val.items():
            loss_sum, count = 0.0, 0
            for lo in range(0, len(windows), self.cfg.batch_size):
                chunk = torch.from_numpy(windows[lo:lo + self.cfg.batch_size]).to(self.device)
                with self._autocast():
                    _, loss = self.base(chunk[:, :-1], chunk[:, 1:])
                n = chunk[:, 1:].numel()
                loss_sum += float(loss) * n
                count += n
            per_source[name] = loss_sum / count
        self.model.train()
        if not per_source:
            return {}
        weights = {s.name: s.weight for s in self.data.sources}
        val = float(np.average(list(per_source.values()), weights=[weights[k] for k in per_source]))
        return {"val_loss": val, "val_ppl": math.exp(min(val, 50.0)),
                **{f"val_loss/{k}": v for k, v in per_source.items()}}

    # checkpoints --------------------------------------------------------------------------------

    def save(self) -> Path:
        """Write `checkpoints/step_N` atomically (collective under FSDP: every rank must call)."""
        # Under FSDP2 gathering is collective (every rank takes part); otherwise only rank 0 copies.
        gather = self.mode == "fsdp" or self.info.is_main
        model_state = D.full_model_state(self.base, self.mode) if self.mode == "fsdp" else {}
        optim_state = D.full_optimizer_state(self.base, self.optimizer, self.mode) if gather else {}
        torch_rngs = D.gather_objects(torch.get_rng_state(), self.info)
        cuda_rngs = D.gather_objects(torch.cuda.get_rng_state(), self.info) if self.device.type == "cuda" else []
        target = self.ckpt_root / f"step_{self.step:07d}"
        if self.info.is_main:
            state = {
                "step": self.step,
                "tokens": self.tokens,
                "optimizer": optim_state,
                "scheduler": {k: v for k, v in self.scheduler.state_dict().items() if k != "lr_lambdas"},
                "scaler": self.scaler.state_dict(),
                "sampler": self.sampler.state_dict(),
                "rng": {"torch": torch_rngs, "cuda": cuda_rngs, "python": _python_rng_to_lists(random.getstate())},
                "train_config": json.dumps(dataclasses.asdict(self.cfg)),
                "format": "havoc-training-state-v1",
            }
            self.ckpt_root.mkdir(parents=True, exist_ok=True)
            fd, tmp_name = tempfile.mkstemp(dir=self.ckpt_root, prefix=".training_state.", suffix=".pt")
            os.close(fd)
            tmp = Path(tmp_name)
            try:
                torch.save(state, tmp)
                if self.mode == "fsdp":
                    if self.model_cfg.tie_embeddings:
                        model_state.pop("lm_head.weight", None)
                    to_save = model_from_state(self.model_cfg, model_state, source="training state")
                else:
                    to_save = self.base
                save_checkpoint(target, to_save, self.model_cfg, extra_files={
                    TRAINING_STATE_FILE: tmp, TOKENIZER_FILE: self.data.tokenizer_path,
                })
            finally:
                tmp.unlink(missing_ok=True)
            for _, old in list_checkpoints(self.run_dir)[: -self.cfg.keep_last]:
                shutil.rmtree(old, ignore_errors=True)
        D.barrier(self.info)
        return target

    # the loop -----------------------------------------------------------------------------------

    def _install_signal_handlers(self) -> dict[int, Any]:
        """First Ctrl-C (or SIGTERM from a scheduler): finish the step, save, stop. Second: stop now."""
        previous: dict[int, Any] = {}

        def handler(signum: int, frame: Any) -> None:
            if self._stop:
                raise KeyboardInterrupt
            self._stop = True

        for sig in (signal.SIGINT, signal.SIGTERM):
            with contextlib.suppress(ValueError):  # not the main thread (e.g. a test runner's thread)
                previous[sig] = signal.signal(sig, handler)
        return previous

    def fit(self) -> TrainResult:
        cfg = self.cfg
        main = self.info.is_main
        if main:
            self.run_dir.mkdir(parents=True, exist_ok=True)
            (self.run_dir / CONFIG_FILE).write_text(json.dumps(dataclasses.asdict(cfg), indent=2) + "\n")
            truncate_after(self.run_dir / METRICS_FILE, self.step)
        D.barrier(self.info)
        logger = MetricsLogger(self.run_dir, enabled=main, tensorboard=cfg.tensorboard)
        progress = Progress(cfg.steps, self.step, enabled=main and cfg.progress)
        if self.step == 0:
            logger.log({"kind": "meta", "step": 0, "parameters": self.n_params, "precision": self.precision,
                        "parallel": self.mode, "world_size": self.info.world_size, "seq_len": self.seq_len,
                        "global_batch_tokens": cfg.batch_size * cfg.grad_accum * self.info.world_size * self.seq_len,
                        "unigram_entropy": self.unigram, "device": str(self.device)})
        progress.message(
            f"training {self.n_params:,} parameters on {self.info.world_size}x {self.device.type} "
            f"({self.precision}, {self.mode}); unigram baseline {_fmt(self.unigram)} nats/token"
            + (f"; resumed at step {self.step}" if self.step else "")
        )
        previous = self._install_signal_handlers()
        history: list[dict[str, Any]] = []
        last_train: float | None = None
        last_eval: dict[str, Any] = {}
        checkpoint: Path | None = None
        interrupted = False
        t_start = time.perf_counter()
        t_window, tokens_window = time.perf_counter(), 0
        loss_window: list[float] = []
        try:
            while self.step < cfg.steps:
                stats = self.train_step()
                last_train = stats["loss"]
                tokens_window += stats["step_tokens"]
                loss_window.append(stats["loss"])
                if not math.isfinite(stats["loss"]):
                    raise ModelInputError(f"loss: became {stats['loss']} at step {self.step}; lower --lr")
                if self.step % cfg.log_every == 0 or self.step == cfg.steps:
                    now = time.perf_counter()
                    tps = tokens_window / max(now - t_window, 1e-9)
                    t_window, tokens_window = now, 0
                    # The mean over the logging window: one step's loss is a noisy sample of a few sequences.
                    window_loss = sum(loss_window) / len(loss_window)
                    loss_window.clear()
                    record = {"kind": "train", "step": self.step, "loss": window_loss, "lr": stats["lr"],
                              "grad_norm": stats["grad_norm"], "tokens": self.tokens, "tokens_per_s": tps,
                              "elapsed_s": now - t_start}
                    logger.log(record)
                    history.append(record)
                    progress.update(self.step, window_loss, stats["lr"], tps,
                                    f"val {_fmt(last_eval.get('val_loss'))}" if last_eval else "")
                    if self.on_step:
                        self.on_step(record)
                if self.step % cfg.eval_every == 0 or self.step == cfg.steps:
                    last_eval = self.evaluate()
                    if last_eval:
                        record = {"kind": "val", "step": self.step, **last_eval,
                                  "unigram_entropy": self.unigram, "tokens": self.tokens,
                                  **{f"unigram/{k}": v for k, v in self.unigram_by_source.items()}}
                        logger.log(record)
                        history.append(record)
                        per_source = ", ".join(
                            f"{k} {last_eval[f'val_loss/{k}']:.3f}/{v:.3f}" for k, v in self.unigram_by_source.items()
                        )
                        progress.message(
                            f"step {self.step}: val loss {last_eval['val_loss']:.4f} "
                            f"(ppl {last_eval['val_ppl']:.2f}) vs unigram {_fmt(self.unigram)} [{per_source}]"
                        )
                if self.step % cfg.ckpt_every == 0 or self.step == cfg.steps:
                    checkpoint = self.save()
                if cfg.stop_at is not None and self.step >= cfg.stop_at and self.step < cfg.steps:
                    # A time-sliced job: same schedule as the full run, checkpoint now, resume later.
                    if checkpoint is None or not checkpoint.name.endswith(f"{self.step:07d}"):
                        checkpoint = self.save()
                    progress.message(f"stopped at step {self.step} (--stop-at): saved {checkpoint}")
                    break
                if D.any_rank(self._stop, self.info):
                    interrupted = True
                    if checkpoint is None or not checkpoint.name.endswith(f"{self.step:07d}"):
                        checkpoint = self.save()
                    progress.message(f"interrupted: saved {checkpoint}")
                    break
        finally:
            for sig, old in previous.items():
                signal.signal(sig, old)
            progress.close()
            logger.close()
        return TrainResult(
            run_dir=str(self.run_dir), steps=self.step, tokens=self.tokens, train_loss=last_train,
            val_loss=last_eval.get("val_loss"), val_ppl=last_eval.get("val_ppl"),
            unigram_entropy=self.unigram, checkpoint=str(checkpoint) if checkpoint else None,
            interrupted=interrupted, seconds=time.perf_counter() - t_start, parameters=self.n_params,
            precision=self.precision, parallel=self.mode, history=history,
        )

    def close(self) -> None:
        # The DDP wrapper's reducer holds the process group: drop it before the group goes, not at exit.
        self.model = self.base
        gc.collect()
        D.shutdown(self.info)


def train(cfg: TrainConfig, **kwargs: Any) -> TrainResult:
    """Build a Trainer, run it to `cfg.steps` (or Ctrl-C), tear the process group down."""
    trainer = Trainer(cfg, **kwargs)
    try:
        return trainer.fit()
    finally:
        trainer.close()


def _fmt(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.4f}"


def _python_rng_to_lists(state: tuple) -> list[Any]:
    version, internal, gauss = state
    return [version, list(internal), gauss]


def _python_rng(saved: Any) -> tuple:
    version, internal, gauss = saved
    return (int(version), tuple(int(x) for x in internal), gauss)
