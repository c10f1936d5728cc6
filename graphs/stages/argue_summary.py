"""ARGUE for the count and summary-figure tools: the assumptions their numbers rest on, and the alternative
computed beside them (Fisher beside the z test, the score test beside the exact one, Welch beside pooled).

Why separate from argue.py: these tools have no raw data, so normality and spread cannot be checked from the
sample; the arguments say what the figures assume instead, and which check the user would need to run.
"""

from __future__ import annotations

from collections.abc import Callable

from graphs.stages.argue import ALPHA, _alt, _arg, call


def _agreement(output: dict, alt: dict | None, label: str) -> list[dict]:
    if not alt:
        return []
    agree = (alt["p_value"] < ALPHA) == (output["p_value"] < ALPHA)
    return [_arg("pro" if agree else "con", "robustness",
                 f"{label} {'agrees' if agree else 'disagrees'} at α = {ALPHA} (p = {alt['p_value']:.4g})", label)]


def argue_proportion_test(args: dict, output: dict) -> tuple[list, list]:
    x, n = [int(v) for v in args["x"]], [int(v) for v in args["n"]]
    arguments = [_arg("note", "independence", "each trial is independent with one constant probability of success "
                      "(no drift, no clusters of defects); counts from a process that shifted overstate the evidence",
                      "design")]
    alternatives = []
    base = {k: v for k, v in args.items() if k not in ("method",)}
    if len(x) == 1:
        p0 = float(output.get("p0") or 0.5)
        expected = min(n[0] * p0, n[0] * (1 - p0))
        if output["method"] == "score":
            arguments.append(_arg("pro" if expected >= 5 else "con", "expected counts",
                                  f"n·p0 and n·(1 − p0) are at least {expected:.3g}" + (
                                      "" if expected >= 5 else ": under 5 the normal approximation is poor; prefer "
                                      "the exact binomial test"), "n·p0 ≥ 5", expected))
        other = "score" if output["method"] == "exact" else "exact"
        alt = call("proportion_test", {**base, "method": other})
        label = "the score test" if other == "score" else "the exact binomial test"
    else:
        low = output.get("min_expected")
        if low is not None:
            ok = low >= 5
            arguments.append(_arg("pro" if ok else ("note" if output["method"] == "fisher" else "con"),
                                  "expected counts", f"smallest expected count {low:.3g}" + (
                                      "" if ok else " (under 5): " + ("Fisher's exact test does not need large counts"
                                                                      if output["method"] == "fisher" else
                                                                      "the z test is unreliable; prefer Fisher's")),
                                  "expected ≥ 5", low))
        other = "fisher" if output["method"] == "z" else "z"
        alt = call("proportion_test", {**base, "method": other})
        label = "Fisher's exact test" if other == "fisher" else "the z test"
    arguments += _agreement(output, alt, label)
    if alt:
        alternatives.append(_alt(other, "proportion_test", alt, f"{label}: p = {alt['p_value']:.4g}"))
    return arguments, alternatives


SUMMARY_ARGUERS: dict[str, Callable[[dict, dict], tuple[list, list]]] = {
    "proportion_test": argue_proportion_test,
}
