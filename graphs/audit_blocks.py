"""AUDIT of blocked designs and their analysis, by routes the tools do not take.

The design: every effect said to be confounded with blocks must have a column
that is constant inside each block (recomputed from the coded matrix and the
block column), and the blocks must be of equal size. The analysis: the block
sum of squares from block totals, sum T_b^2 / n_b - T^2 / N (Montgomery's
hand formula), and for the ANOVA that blocks, model and error add up to the total.
"""

from __future__ import annotations

import numpy as np

from graphs.state import AuditCheck


def _check(name: str, passed: bool, detail: str) -> dict:
    return AuditCheck(name=name, passed=bool(passed), detail=detail).model_dump()


def _letters(effect: str, k: int) -> list[int] | None:
    if not effect.isalpha() or not effect.isupper() or any(ord(c) - 65 >= k for c in effect):
        return None
    return [ord(c) - 65 for c in effect]


def audit_design_blocks(out: dict) -> list[dict]:
    block = out.get("block")
    if not block or len(set(block)) < 2:
        return []
    x = np.asarray(out["coded"], dtype=float)
    b = np.asarray(block)
    factorial = ~np.all(np.abs(x) < 1e-12, axis=1)
    sizes = {int((b[factorial] == lab).sum()) for lab in set(block)}
    checks = [_check("block sizes", len(sizes) == 1, f"factorial runs per block: {sorted(sizes)}")]
    bad = []
    for chain in out.get("confounded_with_blocks") or []:
        cols = _letters(chain.split(" = ")[0], x.shape[1])
        if cols is None:
            continue
        column = np.prod(x[factorial][:, cols], axis=1)
        if not all(np.all(column[b[factorial] == lab] == column[b[factorial] == lab][0]) for lab in set(block)):
            bad.append(chain.split(" = ")[0])
    checks.append(_check("confounded with blocks", not bad, "each confounded effect's column is constant inside "
                         "every block" if not bad else f"not constant within blocks: {', '.join(bad)}"))
    return checks


def block_ss_by_totals(y: np.ndarray, block: list) -> float:
    labels = np.asarray([str(v) for v in block])
    totals = [(float(y[labels == lab].sum()), int((labels == lab).sum())) for lab in dict.fromkeys(labels.tolist())]
    return sum(t * t / n for t, n in totals) - float(y.sum()) ** 2 / y.size


def audit_effects_blocks(args: dict, out: dict) -> list[dict]:
    if not args.get("block") or not out.get("blocks"):
        return []
    y = np.asarray([float(v) for v in args["response"]])
    ss = block_ss_by_totals(y, args["block"])
    ok = abs(ss - out["blocks"]["ss"]) <= 1e-7 * max(1.0, abs(ss))
    return [_check("block SS", ok, f"Σ T_b²/n_b − T²/N = {ss:.10g}")]


def audit_doe_anova(args: dict, out: dict) -> list[dict]:
    rows = {r["source"]: r for r in out.get("table") or []}
    if "Total" not in rows or "Error" not in rows:
        return []
    parts = sum(rows[name]["ss"] for name in ("Blocks", "Model", "Error") if name in rows)
    total = rows["Total"]["ss"]
    checks = [_check("SS add up", abs(parts - total) <= 1e-7 * max(1.0, total),
                     f"blocks + model + error = {parts:.10g}, total = {total:.10g}")]
    y = np.asarray([float(v) for v in args["response"]])
    checks.append(_check("total SS", abs(total - float(((y - y.mean()) ** 2).sum())) <= 1e-7 * max(1.0, total),
                         "Σ(y − ȳ)² from the responses"))
    block = args.get("block") or ((args.get("design") or {}).get("block") if isinstance(args.get("design"), dict)
                                  else None)
    if "Blocks" in rows and block:
        ss = block_ss_by_totals(y, block)
        checks.append(_check("block SS", abs(ss - rows["Blocks"]["ss"]) <= 1e-7 * max(1.0, total),
                             f"Σ T_b²/n_b − T²/N = {ss:.10g}"))
    return checks
