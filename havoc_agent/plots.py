"""Pictures of results, for people who would rather look than read.

Control charts with limits and flagged points, design cube/star plots, effects
Paretos, capability histograms with spec limits, regression fits. Every value
drawn comes from the tool's output or the arguments it was given.
"""

from __future__ import annotations

from pathlib import Path

from tools.errors import HavocInputError


def _plt():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def _limit_series(value, n):
    return value if isinstance(value, list) else [value] * n


CHART_TITLES = {"xbar_r": "X̄ (of X̄–R)", "xbar_s": "X̄ (of X̄–S)", "imr": "Individuals (of I–MR)", "p": "p",
                "np": "np", "c": "c", "u": "u"}


def _flag(ax, points: list, violations: list | None) -> None:
    """Circle the points a run rule flagged, and say which rule."""
    flagged = sorted({v["index"] for v in violations or [] if v["index"] < len(points)})
    if not flagged:
        return
    ax.scatter([i + 1 for i in flagged], [points[i] for i in flagged], s=70, facecolors="none", edgecolors="red",
               lw=1.6, label="run-rule violation", zorder=5)
    for v in violations or []:
        if v["index"] < len(points):
            ax.annotate(str(v["rule"]), (v["index"] + 1, points[v["index"]]), textcoords="offset points",
                        xytext=(6, 6), fontsize=7, color="red")


def plot_control_chart(args: dict, out: dict, path: Path) -> None:
    plt = _plt()
    sec = out.get("secondary")
    fig, axes = plt.subplots(2 if sec else 1, 1, figsize=(9, 6 if sec else 3.6), squeeze=False)
    ax = axes[0][0]
    pts = out.get("points") or []
    xs = list(range(1, len(pts) + 1))
    ax.plot(xs, pts, marker="o", ms=3.5, lw=1, color="#2b59c3")
    for key, style in (("center", "-"), ("ucl", "--"), ("lcl", "--")):
        if out.get(key) is not None:
            ax.step(xs, _limit_series(out[key], len(xs)), where="mid", ls=style, color="#555" if key == "center" else "#c33",
                    lw=1, label=key.upper())
    _flag(ax, pts, out.get("violations"))
    ax.set_title(f"{CHART_TITLES.get(args.get('chart', ''), args.get('chart', ''))} chart")
    ax.legend(fontsize=7, loc="upper right")
    ax.xaxis.get_major_locator().set_params(integer=True)
    if sec:
        ax2 = axes[1][0]
        spts = sec.get("points") or []
        sx = list(range(1, len(spts) + 1))
        ax2.plot(sx, spts, marker="o", ms=3, lw=1, color="#2b59c3")
        for key in ("center", "ucl", "lcl"):
            if sec.get(key) is not None:
                ax2.step(sx, _limit_series(sec[key], len(sx)), where="mid", ls="-" if key == "center" else "--",
                         color="#555" if key == "center" else "#c33", lw=1)
        _flag(ax2, spts, sec.get("violations"))
        ax2.set_title(f"{sec.get('name') or 'dispersion'} chart")
        ax2.xaxis.get_major_locator().set_params(integer=True)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def plot_design(args: dict, out: dict, path: Path) -> None:
    plt = _plt()
    coded = out["coded"]
    names = out.get("factor_names") or [f"x{i + 1}" for i in range(len(coded[0]))]
    k = len(names)
    if k >= 3:
        fig = plt.figure(figsize=(5.5, 5))
        ax = fig.add_subplot(projection="3d")
        for a in (-1, 1):  # cube edges
            for b in (-1, 1):
                ax.plot([-1, 1], [a, a], [b, b], color="#bbb", lw=0.7)
                ax.plot([a, a], [-1, 1], [b, b], color="#bbb", lw=0.7)
                ax.plot([a, a], [b, b], [-1, 1], color="#bbb", lw=0.7)
        xs, ys, zs = ([r[i] for r in coded] for i in range(3))
        centre = [all(abs(v) < 1e-12 for v in r) for r in coded]
        ax.scatter(xs, ys, zs, c=["#d62" if c else "#2b59c3" for c in centre], s=40, depthshade=False)
        ax.set_xlabel(names[0])
        ax.set_ylabel(names[1])
        ax.set_zlabel(names[2])
        title = f"{args.get('design', 'design').replace('_', ' ')}: {out['runs']} runs"
        if k > 3:
            title += f" (first 3 of {k} factors)"
        ax.set_title(title)
    else:
        fig, ax = plt.subplots(figsize=(5, 5))
        xs = [r[0] for r in coded]
        ys = [r[1] if k > 1 else 0 for r in coded]
        ax.plot([-1, 1, 1, -1, -1], [-1, -1, 1, 1, -1], color="#bbb", lw=0.8)
        ax.scatter(xs, ys, s=45, color="#2b59c3")
        ax.set_xlabel(names[0])
        if k > 1:
            ax.set_ylabel(names[1])
        ax.set_aspect("equal")
        ax.set_title(f"{args.get('design', 'design').replace('_', ' ')}: {out['runs']} runs")
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def plot_effects(args: dict, out: dict, path: Path) -> None:
    plt = _plt()
    effects = sorted(out["effects"].items(), key=lambda kv: abs(kv[1]))
    active = set(out.get("active") or [])
    fig, ax = plt.subplots(figsize=(6, 0.3 * len(effects) + 1.5))
    ax.barh([k for k, _ in effects], [abs(v) for _, v in effects],
            color=["#d62" if k in active else "#8aa" for k, _ in effects])
    for key in ("me", "ME", "margin_of_error"):
        if out.get(key):
            ax.axvline(out[key], color="#c33", ls="--", lw=1, label="Lenth ME")
            ax.legend(fontsize=7)
            break
    ax.set_xlabel("|effect|")
    ax.set_title("Pareto of effects (active in orange)")
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def plot_capability(args: dict, out: dict, path: Path) -> None:
    import numpy as np

    plt = _plt()
    data = np.asarray([float(v) for v in (args.get("data") or [v for r in args.get("subgroups") or [] for v in r])])
    fig, ax = plt.subplots(figsize=(7, 4))
    ax.hist(data, bins=min(30, max(8, int(len(data) ** 0.5) + 1)), density=True, color="#9bb7e0", edgecolor="white")
    mean = float(data.mean())
    grid = np.linspace(min(data.min(), float(args.get("lsl") or data.min())) - data.std(),
                       max(data.max(), float(args.get("usl") or data.max())) + data.std(), 300)
    for sigma, label, style in ((out.get("sigma_within"), "within", "-"), (out.get("sigma_overall"), "overall", "--")):
        if sigma:
            ax.plot(grid, np.exp(-0.5 * ((grid - mean) / sigma) ** 2) / (sigma * np.sqrt(2 * np.pi)), style,
                    color="#234", lw=1.2, label=f"normal ({label})")
    for key, color in (("lsl", "#c33"), ("usl", "#c33"), ("target", "#393")):
        if args.get(key) is not None:
            ax.axvline(float(args[key]), color=color, lw=1.5, label=key.upper())
    ax.set_title(f"Capability: Cpk = {out.get('cpk', float('nan')):.3g}, Ppk = {out.get('ppk', float('nan')):.3g}")
    ax.legend(fontsize=7)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def plot_regression(args: dict, out: dict, path: Path) -> None:
    import numpy as np

    if "x" not in args:
        return
    plt = _plt()
    x = np.asarray([float(v) for v in args["x"]])
    y = np.asarray([float(v) for v in args["y"]])
    coefs = out["coefficients"]
    grid = np.linspace(x.min(), x.max(), 200)
    start = 0 if args.get("intercept", True) else 1
    fit = sum(c * grid ** (i + start) for i, c in enumerate(coefs))
    fig, ax = plt.subplots(figsize=(6, 4))
    ax.scatter(x, y, s=18, color="#2b59c3")
    ax.plot(grid, fit, color="#d62")
    ax.set_title(f"Least-squares fit, R² = {out['r_squared']:.4g}")
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


PLOTTERS = {
    "control_chart": plot_control_chart,
    "doe_design": plot_design,
    "doe_effects": plot_effects,
    "capability": plot_capability,
    "regression": plot_regression,
}


def write_plots(results: list[dict], folder: Path) -> list[Path]:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise HavocInputError(f"cannot create {folder}: {exc}", field="--plots") from None
    written = []
    for i, r in enumerate(results, 1):
        plotter = PLOTTERS.get(r["tool"])
        if plotter is None or r.get("output") is None:
            continue
        path = folder / f"{i:02d}_{r['tool']}.png"
        plotter(r["args"], r["output"], path)
        if path.exists():
            written.append(path)
    return written
