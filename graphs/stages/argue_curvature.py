"""ARGUE for the curvature test: its power, what it cannot say, and the full-model ANOVA beside it."""

from __future__ import annotations

from graphs.stages.argue import ALPHA, _alt, _arg, call


def argue_curvature(args: dict, output: dict) -> tuple[list, list]:
    df = int(output.get("df_pure_error") or 0)
    arguments = [
        _arg("pro" if df >= 3 else "con", "pure error", f"{df} pure-error degree(s) of freedom from "
             f"{output.get('pure_error_from')}" + ("" if df >= 3 else ": too few to detect moderate curvature"),
             "pure error df", df),
        _arg("note", "what it tests", "the test says whether the surface curves, not which factor: a significant "
             "result needs axial runs (a central composite design) to separate the quadratic terms",
             "single-df contrast"),
    ]
    nc = int(output.get("centre_runs") or 0)
    if nc < 3:
        arguments.append(_arg("con", "centre points", f"{nc} centre run(s): 3 to 5 are usual", "centre runs", nc))
    alternatives = []
    rows = args.get("coded") or ((args.get("design") or {}).get("coded") if isinstance(args.get("design"), dict)
                                 else None)
    if rows is not None and args.get("response") is not None:
        anova = call("doe_anova", {"coded": rows, "response": args["response"]})
        row = next((r for r in (anova or {}).get("table") or [] if r.get("source") == "Curvature"), None)
        if row is not None and row.get("p") is not None:
            alternatives.append(_alt("ANOVA curvature row", "doe_anova", anova,
                                     f"curvature in the full-model ANOVA (residual error): F = {row['f']:.4g}, "
                                     f"p = {row['p']:.4g}"))
            if output.get("p") is not None:
                agree = (row["p"] < ALPHA) == (output["p"] < ALPHA)
                arguments.append(_arg("pro" if agree else "con", "robustness",
                                      f"pure-error test and full-model ANOVA {'agree' if agree else 'disagree'} "
                                      f"at α = {ALPHA}", "pure error vs residual error"))
    return arguments, alternatives
