"""AUDIT of the EWMA and CUSUM charts by routes the tool does not take.

The tool runs both statistics as recursions. Here the EWMA is the closed-form
weighted sum z_i = lambda sum_j (1 - lambda)^j x_(i-j) + (1 - lambda)^i mu0, with its
variance the sum of the squared weights; the CUSUM is the running sum of
deviations minus its running minimum (C+_i = S_i - min_(j<=i) S_j, Page's form),
and the target and sigma are recomputed from the raw data.
"""

from __future__ import annotations

import numpy as np

from graphs.state import AuditCheck


def _check(name: str, passed: bool, detail: str) -> dict:
    return AuditCheck(name=name, passed=bool(passed), detail=detail).model_dump()


def _rows(values) -> list[np.ndarray]:
    return [np.asarray([float(v) for v in row], dtype=float) for row in values]


def _observations(args: dict) -> tuple[np.ndarray, int, list[np.ndarray] | None]:
    """Plotted observations, the phase I count, and the phase I subgroups (None for individuals)."""
    size = args.get("subgroup_size")
    if args.get("subgroups") is not None or size:
        if args.get("subgroups") is not None:
            rows = _rows(args["subgroups"])
        else:
            flat = [float(v) for v in args["values"]]
            rows = [np.asarray(flat[i:i + int(size)]) for i in range(0, len(flat), int(size))]
        n1 = len(rows)
        new = _rows(args["phase2_subgroups"]) if args.get("phase2_subgroups") is not None else []
        if args.get("phase2_values") is not None:
            flat = [float(v) for v in args["phase2_values"]]
            new = [np.asarray(flat[i:i + int(size)]) for i in range(0, len(flat), int(size))]
        return np.array([r.mean() for r in rows + new]), n1, rows
    x = [float(v) for v in args["values"]]
    n1 = len(x)
    x += [float(v) for v in args.get("phase2_values") or []]
    return np.asarray(x), n1, None


def _target_and_se(args: dict, x: np.ndarray, n1: int, rows: list[np.ndarray] | None) -> tuple[float, float, str]:
    from tools.registry import run_tool

    exclude = {int(i) for i in args.get("exclude") or []}
    keep = [i for i in range(n1) if i not in exclude]
    target = float(args["center"]) if args.get("center") is not None else float(np.mean(x[keep]))
    n = 1 if rows is None else len(rows[0])
    if args.get("sigma") is not None:
        sigma, how = float(args["sigma"]), "the given σ"
    elif rows is None:
        ranges = [abs(x[i + 1] - x[i]) for i in range(n1 - 1) if i not in exclude and i + 1 not in exclude]
        sigma, how = float(np.mean(ranges)) / 1.128, "MR̄/1.128"
    else:
        d2 = run_tool("spc_constants", {"n": n})["d2"]
        sigma, how = float(np.mean([np.ptp(rows[i]) for i in keep])) / d2, f"R̄/d2 (d2 = {d2})"
    return target, sigma / np.sqrt(n), how


def audit_small_shift(args: dict, out: dict) -> list[dict]:
    x, n1, rows = _observations(args)
    if rows is not None and len({len(r) for r in rows}) > 1:
        return []
    target, se, how = _target_and_se(args, x, n1, rows)
    if args["chart"] == "ewma":
        return _audit_ewma(args, out, x, target, se, how)
    return _audit_cusum(args, out, x, target, se, how)


def _close_all(a, b, scale: float) -> bool:
    return bool(np.allclose(np.asarray(a, dtype=float), np.asarray(b, dtype=float), rtol=1e-7, atol=1e-9 * scale))


def _audit_ewma(args: dict, out: dict, x: np.ndarray, target: float, se: float, how: str) -> list[dict]:
    lam = float(args.get("lambda") if args.get("lambda") is not None else 0.2)
    width = float(args.get("k_sigma") or 3)
    m = x.size
    i = np.arange(1, m + 1)
    # closed form: the weight of x_j in z_i is lambda (1 - lambda)^(i - j); mu0 keeps (1 - lambda)^i
    power = np.subtract.outer(i, i).astype(float)
    weights = np.where(power >= 0, lam * (1.0 - lam) ** np.clip(power, 0, None), 0.0)
    z = weights @ x + (1.0 - lam) ** i * target
    sd = se * np.sqrt((weights ** 2).sum(axis=1))
    scale = max(1.0, float(np.abs(x).max()))
    return [
        _check("EWMA statistic", _close_all(out["points"], z, scale),
               f"z_i as the weighted sum λΣ(1−λ)^j x_(i−j) + (1−λ)^i μ0 with μ0 = {target:.6g}"),
        _check("EWMA limits", _close_all(out["ucl"], target + width * sd, scale)
               and _close_all(out["lcl"], target - width * sd, scale),
               f"μ0 ± L·σ_x·√(Σ weights²), σ_x = {se:.6g} from {how}, L = {width:g}"),
    ]


def _audit_cusum(args: dict, out: dict, x: np.ndarray, target: float, se: float, how: str) -> list[dict]:
    k = float(args.get("k") if args.get("k") is not None else 0.5)
    h = float(args.get("h") if args.get("h") is not None else 5)
    big_k = k * se
    up = np.concatenate([[0.0], np.cumsum(x - target - big_k)])
    down = np.concatenate([[0.0], np.cumsum(target - big_k - x)])
    upper = (up - np.minimum.accumulate(up))[1:]
    lower = (down - np.minimum.accumulate(down))[1:]
    scale = max(1.0, float(np.abs(x).max()))
    detail = out.get("cusum") or {}
    beyond = sorted(set(np.flatnonzero(upper > h * se).tolist()) | set(np.flatnonzero(lower > h * se).tolist()))
    return [
        _check("CUSUM sums", _close_all(detail.get("upper"), upper, scale) and _close_all(detail.get("lower"), lower, scale),
               f"Page's form S_i − min S_j with target {target:.6g}, K = {big_k:.6g} (σ_x = {se:.6g} from {how})"),
        _check("CUSUM signals", out.get("out_of_control") == beyond,
               f"points beyond H = {h * se:.6g}: {[b + 1 for b in beyond] or 'none'} (1-based)"),
    ]
