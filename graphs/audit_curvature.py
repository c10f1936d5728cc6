"""AUDIT of the curvature test by another route: the between-groups sum of squares of two groups.

The tool uses Montgomery's n_F n_C (ybar_F - ybar_C)^2 / (n_F + n_C); here the same quantity is
sum n_g (ybar_g - ybar)^2 over the factorial and centre groups, pure error (unreplicated corners) is
the centre points' variance times n_C - 1, and p comes from the F distribution of that ratio.
"""

from __future__ import annotations

import numpy as np

from graphs.state import AuditCheck


def _check(name: str, passed: bool, detail: str) -> dict:
    return AuditCheck(name=name, passed=bool(passed), detail=detail).model_dump()


def _groups(args: dict) -> tuple[np.ndarray, np.ndarray] | None:
    if args.get("factorial") is not None:
        return (np.asarray([float(v) for v in args["factorial"]]),
                np.asarray([float(v) for v in args.get("center") or args.get("centre") or []]))
    rows = args.get("coded") or ((args.get("design") or {}).get("coded") if isinstance(args.get("design"), dict)
                                 else None)
    if rows is None or args.get("response") is None:
        return None
    x = np.asarray(rows, dtype=float)
    y = np.asarray([float(v) for v in args["response"]])
    centre = np.all(np.abs(x) < 1e-9, axis=1)
    return y[~centre], y[centre]


def audit_curvature(args: dict, out: dict) -> list[dict]:
    from scipy import stats

    groups = _groups(args)
    if groups is None:
        return []
    yf, yc = groups
    y = np.concatenate([yf, yc])
    ss = sum(g.size * (g.mean() - y.mean()) ** 2 for g in (yf, yc))
    scale = max(1.0, float((y - y.mean()) @ (y - y.mean())))
    checks = [_check("curvature SS", abs(ss - out["ss_curvature"]) <= 1e-9 * scale,
                     f"between-groups SS of corners and centre: {ss:.10g}")]
    if out.get("pure_error_from") == "the centre points" and yc.size > 1:
        pe = float(np.var(yc, ddof=1) * (yc.size - 1))
        checks.append(_check("pure error", abs(pe - out["ss_pure_error"]) <= 1e-9 * scale,
                             f"(n_C − 1)·s² of the centre runs: {pe:.10g}"))
    if out.get("f") is not None and out["ms_pure_error"] > 0:
        f = ss / out["ms_pure_error"]
        p = float(stats.f.sf(f, 1, out["df_pure_error"]))
        checks.append(_check("F and p", abs(f - out["f"]) <= 1e-7 * max(1.0, f) and abs(p - out["p"]) <= 1e-9,
                             f"F = {f:.6g} on 1 and {out['df_pure_error']} df, p = {p:.4g}"))
    return checks
