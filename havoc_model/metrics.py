"""Training metrics: one JSON line per event, a console progress bar, TensorBoard when installed.

JSONL is the record of truth (`havoc-model plot` reads it, and so can any
notebook); the progress bar and TensorBoard are views of it. On resume the
lines past the resumed step are dropped, so the file never shows two
different histories for the same step.
"""

from __future__ import annotations

import json
import math
import sys
import time
from pathlib import Path
from typing import Any

METRICS_FILE = "metrics.jsonl"


def read_metrics(path: str | Path) -> list[dict[str, Any]]:
    """All records of a run (a run directory or the JSONL itself); torn last lines are skipped."""
    p = Path(path)
    if p.is_dir():
        p = p / METRICS_FILE
    records = []
    if not p.is_file():
        return records
    for line in p.read_text(encoding="utf-8").splitlines():
        try:
            obj = json.loads(line)
        except json.JSONDecodeError:
            continue
        if isinstance(obj, dict):
            records.append(obj)
    return records


def truncate_after(path: Path, step: int) -> None:
    """Keep only the records up to `step` (a crash may have logged steps the checkpoint does not hold)."""
    if not path.is_file():
        return
    kept = [r for r in read_metrics(path) if int(r.get("step", 0)) <= step]
    path.write_text("".join(json.dumps(r) + "\n" for r in kept), encoding="utf-8")


class MetricsLogger:
    """Appends records to `RUN_DIR/metrics.jsonl` and mirrors scalars to TensorBoard if available."""

    def __init__(self, run_dir: Path, *, enabled: bool = True, tensorboard: bool = True) -> None:
        self.path = run_dir / METRICS_FILE
        self.enabled = enabled
        self._handle = open(self.path, "a", encoding="utf-8") if enabled else None  # noqa: SIM115
        self._tb = None
        if enabled and tensorboard:
            try:
                from torch.utils.tensorboard import SummaryWriter  # needs the optional `tensorboard` package
            except ImportError:
                self._tb = None
            else:
                self._tb = SummaryWriter(str(run_dir / "tensorboard"))

    def log(self, record: dict[str, Any]) -> None:
        if not self._handle:
            return
        clean = {k: _jsonable(v) for k, v in record.items()}
        self._handle.write(json.dumps(clean) + "\n")
        self._handle.flush()
        if self._tb is not None:
            step = int(record.get("step", 0))
            kind = record.get("kind", "train")
            for key, value in clean.items():
                if isinstance(value, int | float) and key != "step" and value is not None:
                    self._tb.add_scalar(f"{kind}/{key}", value, step)

    def close(self) -> None:
        if self._handle:
            self._handle.close()
            self._handle = None
        if self._tb is not None:
            self._tb.close()
            self._tb = None


def _jsonable(value: Any) -> Any:
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if hasattr(value, "item"):
        return _jsonable(value.item())
    return value


class Progress:
    """A one-line console bar: step, loss, lr, tokens/s and ETA; plain lines when not a terminal."""

    def __init__(self, total: int, start: int, *, enabled: bool = True, stream: Any = None) -> None:
        self.total, self.start = total, start
        self.enabled = enabled
        self.stream = stream or sys.stderr
        self.tty = bool(getattr(self.stream, "isatty", lambda: False)())
        self.t0 = time.perf_counter()

    def update(self, step: int, loss: float, lr: float, tokens_per_s: float, extra: str = "") -> None:
        if not self.enabled:
            return
        done = step - self.start
        elapsed = time.perf_counter() - self.t0
        eta = elapsed / done * (self.total - step) if done > 0 else float("nan")
        width = 24
        filled = int(width * step / max(1, self.total))
        bar = "█" * filled + "·" * (width - filled)
        line = (f"{bar} {step}/{self.total} loss {loss:.4f} lr {lr:.2e} {tokens_per_s:,.0f} tok/s "
                f"ETA {format_seconds(eta)}{'  ' + extra if extra else ''}")
        if self.tty:
            self.stream.write("\r" + line + "\x1b[K")
        else:
            self.stream.write(line + "\n")
        self.stream.flush()

    def message(self, text: str) -> None:
        if not self.enabled:
            return
        self.stream.write(("\r\x1b[K" if self.tty else "") + text + "\n")
        self.stream.flush()

    def close(self) -> None:
        if self.enabled and self.tty:
            self.stream.write("\n")
            self.stream.flush()


def format_seconds(seconds: float) -> str:
    if not math.isfinite(seconds):
        return "--:--"
    seconds = int(round(seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"
