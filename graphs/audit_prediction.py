"""AUDIT of regression predictions by the textbook route: (X'X)^-1 from numpy on the raw design.

The tool solves in a centred, scaled basis with QR; here the leverage is x0'(X'X)^-1 x0 with the raw
design and numpy's pseudo-inverse, and the intervals are rebuilt from the reported coefficients,
residual mean square and the t quantile. Skipped (inconclusive) when the raw design is too
ill-conditioned for that route to hold digits.
"""

from __future__ import annotations

import numpy as np

from graphs.state import AuditCheck


def _check(name: str, passed: bool, detail: str) -> dict:
    return AuditCheck(name=name, passed=bool(passed), detail=detail).model_dump()


def _raw(args: dict, values) -> np.ndarray:
    if args.get("X") is not None:
        rows = np.asarray([[float(v) for v in (r if isinstance(r, (list, tuple)) else [r])] for r in values])
    else:
        x = np.asarray([float(v) for v in values])
        rows = np.column_stack([x ** d for d in range(1, int(args.get("degree") or 1) + 1)])
    return np.column_stack([np.ones(len(rows)), rows]) if args.get("intercept", True) else rows


def audit_predictions(args: dict, out: dict) -> list[dict]:
    from scipy import stats

    predictions = out.get("predictions") or []
    if not predictions:
        return []
    design = _raw(args, args["X"] if args.get("X") is not None else args["x"])
    if np.linalg.cond(design) > 1e7:  # same form as audit_checks._inconclusive: neither passes nor fails
        return [{**_check("prediction intervals", False, "inconclusive: the raw design is too ill-conditioned for "
                          "the normal-equations route"), "inconclusive": True}]
    new = _raw(args, [p["at"] for p in predictions])
    inverse = np.linalg.pinv(design.T @ design)
    h = np.einsum("ij,jk,ik->i", new, inverse, new)
    coef = np.asarray(out["coefficients"], dtype=float)
    q = float(stats.t.ppf(0.5 + float(out["confidence"]) / 2, out["residual_df"]))
    ms = float(out["residual_ms"])
    bad = []
    for p, hi, row in zip(predictions, h, new, strict=True):
        fit = float(row @ coef)
        want = (fit - q * np.sqrt(hi * ms), fit + q * np.sqrt(hi * ms), fit - q * np.sqrt((1 + hi) * ms),
                fit + q * np.sqrt((1 + hi) * ms))
        got = (p["ci_low"], p["ci_high"], p["pi_low"], p["pi_high"])
        scale = max(1.0, abs(fit))
        if any(abs(a - b) > 1e-6 * scale for a, b in zip(got, want, strict=True)):
            bad.append(f"at {p['at']}: CI/PI {np.round(got, 6).tolist()} vs {np.round(want, 6).tolist()}")
    return [_check("prediction intervals", not bad, "; ".join(bad) or
                   f"ŷ ± t·s·√h and ŷ ± t·s·√(1+h) with h = x0'(X'X)⁻¹x0 from numpy, at {len(predictions)} point(s)")]
