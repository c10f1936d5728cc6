"""ARGUE for blocked two-level designs and their analysis: what blocking cost, and whether blocks mattered."""

from __future__ import annotations

from graphs.stages.argue import _arg


def argue_design_blocks(output: dict) -> list[dict]:
    blocks = int(output.get("blocks") or 1)
    if blocks < 2:
        return []
    lost = output.get("confounded_with_blocks") or []
    if not lost:
        return [_arg("pro", "blocking", f"{blocks} blocks of whole replicates: no effect is confounded with blocks",
                     "block structure", blocks)]
    shortest = min(len(chain.split(" = ")[0]) for chain in lost)
    named = ", ".join(chain.split(" = ")[0] for chain in lost[:6]) + (" …" if len(lost) > 6 else "")
    if shortest >= 3:
        return [_arg("pro", "blocking", f"{blocks} blocks confound only interactions of three or more factors "
                                        f"({named}), usually negligible", "confounded effects", shortest)]
    what = "a main effect" if shortest == 1 else "a two-factor interaction"
    return [_arg("con", "blocking", f"{blocks} blocks confound {what} with blocks ({named}): it cannot be told from "
                                    "a block difference; use fewer blocks or more runs", "confounded effects",
                 shortest)]


def argue_analysis_blocks(output: dict, total_ss: float | None) -> list[dict]:
    info = output.get("blocks")
    if not isinstance(info, dict):
        return []
    arguments = []
    ss = float(info.get("ss") or 0.0)
    if total_ss:
        share = ss / total_ss
        arguments.append(_arg("note", "blocks", f"blocks account for {share:.1%} of the total variation (SS {ss:.4g}); "
                                                "blocking kept it out of the effects and the error", "block SS", share))
    confounded = output.get("confounded_with_blocks") or {}
    if confounded:
        arguments.append(_arg("note", "confounding", "set apart as confounded with blocks: " + ", ".join(
            f"{k} ({v:.4g})" for k, v in confounded.items()), "block generators"))
    return arguments
