"""`havoc-model plot RUN_DIR`: loss and learning-rate curves from metrics.jsonl, as a PNG.

Drawn with matplotlib's Agg backend (no display needed). The unigram
baseline is drawn as a dashed line: a model is learning context only once
its validation loss is below it.
"""

from __future__ import annotations

from pathlib import Path

from havoc_model.errors import ModelInputError
from havoc_model.metrics import read_metrics


def plot_run(run_dir: str | Path, out: Path | None = None) -> Path:
    run = Path(run_dir)
    records = read_metrics(run)
    train = [r for r in records if r.get("kind") == "train" and r.get("loss") is not None]
    val = [r for r in records if r.get("kind") == "val" and r.get("val_loss") is not None]
    if not train:
        raise ModelInputError(f"run_dir: {run} has no training metrics (metrics.jsonl missing or empty)")
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, (ax_loss, ax_lr) = plt.subplots(2, 1, figsize=(8, 7), sharex=True, height_ratios=[3, 1.3])
    ax_loss.plot([r["step"] for r in train], [r["loss"] for r in train], lw=1.2, label="train loss")
    if val:
        ax_loss.plot([r["step"] for r in val], [r["val_loss"] for r in val], "o-", ms=3.5, lw=1.4,
                     label="validation loss")
    unigram = next((r.get("unigram_entropy") for r in reversed(records) if r.get("unigram_entropy")), None)
    if unigram:
        ax_loss.axhline(unigram, ls="--", color="grey", lw=1, label=f"unigram entropy {unigram:.3f}")
    ax_loss.set_ylabel("cross-entropy (nats/token)")
    ax_loss.set_title(f"{run.resolve().name}: {train[-1]['step']} steps, {train[-1].get('tokens', 0):,} tokens")
    ax_loss.grid(alpha=0.3)
    ax_loss.legend()
    ax_lr.plot([r["step"] for r in train], [r["lr"] for r in train], color="tab:green", lw=1.2)
    ax_lr.set_ylabel("learning rate")
    ax_lr.set_xlabel("optimiser step")
    ax_lr.ticklabel_format(axis="y", style="sci", scilimits=(0, 0))
    ax_lr.grid(alpha=0.3)
    fig.tight_layout()
    target = out or run / "curves.png"
    target.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(target, dpi=110)
    plt.close(fig)
    return target
