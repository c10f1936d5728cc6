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


def argue_summary_t_test(args: dict, output: dict) -> tuple[list, list]:
    sizes = output.get("n") or [int(args["n"])]
    arguments = [_arg("note", "normality", "from summary figures the data cannot be checked for normality or "
                      "outliers; paste the measurements to check them", "summary figures")]
    smallest = min(sizes)
    arguments.append(_arg("pro" if smallest >= 30 else "note", "sample size",
                          f"n = {smallest}: " + ("the mean is close to normal whatever the data's shape (central "
                                                 "limit theorem)" if smallest >= 30 else
                                                 "with under 30 the test leans on the data being near normal"),
                          "n ≥ 30", smallest))
    alternatives = []
    if args["kind"] in ("pooled", "welch"):
        ratio = max(float(args["sd"]), float(args["sd2"])) / min(float(args["sd"]), float(args["sd2"]))
        arguments.append(_arg("pro" if ratio <= 2 or args["kind"] == "welch" else "con", "equal variance",
                              f"standard deviations differ by a factor {ratio:.3g}" + (
                                  "; Welch does not assume equal variances" if args["kind"] == "welch" else
                                  ("; pooling is reasonable" if ratio <= 2 else "; pooling is doubtful, use Welch")),
                              "sd ratio", ratio))
        other = "pooled" if args["kind"] == "welch" else "welch"
        alt = call("summary_t_test", {**args, "kind": other})
        arguments += _agreement(output, alt, f"the {other} test")
        if alt:
            alternatives.append(_alt(other, "summary_t_test", alt, f"{other}: t = {alt['t']:.4g}, df = "
                                                                   f"{alt['df']:.4g}, p = {alt['p_value']:.4g}"))
    return arguments, alternatives


def argue_summary_capability(args: dict, output: dict) -> tuple[list, list]:
    arguments = [_arg("note", "stability", "capability from summary figures assumes a stable process; a control "
                      "chart of the measurements is what shows it", "control chart"),
                 _arg("note", "normality", "the indices and the expected ppm assume a normal process; from summary "
                      "figures this cannot be checked", "summary figures"),
                 _arg("note", "which sigma", output.get("sigma_used") or "", "sigma")]
    index = output.get("cpk") if output.get("cpk") is not None else output.get("ppk")
    if index is not None:
        arguments.append(_arg("pro" if index >= 1.33 else "con", "capability",
                              f"the smaller index {index:.3g} is {'at least' if index >= 1.33 else 'below'} the usual "
                              "1.33", "≥ 1.33", index))
    return arguments, []


def argue_power(args: dict, output: dict) -> tuple[list, list]:
    effect = abs(float(output["effect_size"]))
    name = output["effect_name"]
    arguments = [_arg("note", "assumed effect", f"the answer is only as good as the effect assumed ({name} "
                      f"{effect:.3g}); a smaller true effect needs more units", name, effect)]
    if name == "Cohen's d":
        size = "small" if effect < 0.35 else "medium" if effect < 0.65 else "large"
        arguments.append(_arg("note", "effect size", f"d = {effect:.3g} is {size} by Cohen's conventions (0.2, 0.5, "
                              "0.8)", "Cohen", effect))
    elif name == "Cohen's f":
        size = "small" if effect < 0.175 else "medium" if effect < 0.325 else "large"
        arguments.append(_arg("note", "effect size", f"f = {effect:.3g} is {size} by Cohen's conventions (0.10, "
                              "0.25, 0.40)", "Cohen", effect))
    if output["test"] in ("one_sample_t", "paired_t", "two_sample_t", "anova"):
        arguments.append(_arg("note", "normality", "the calculation assumes normal data with the stated standard "
                              "deviation (and equal variances across groups)", "model"))
    alternatives = []
    if output["test"] == "two_proportions":
        other = "arcsine" if args.get("method", "normal") == "normal" else "normal"
        alt = call("power", {**args, "method": other})
        if alt:
            label = "Cohen's arcsine h" if other == "arcsine" else "R's normal formula"
            what = (f"n = {alt['n_per_group']} per group" if alt["solved_for"] == "n" else
                    f"power {alt['power']:.4g}")
            alternatives.append(_alt(other, "power", alt, f"{label}: {what}"))
    if output["solved_for"] == "power" and output["power"] < 0.8:
        arguments.append(_arg("con", "power", f"power {output['power']:.3g} is below the usual 0.8: a real effect "
                              "of this size would often be missed", "≥ 0.8", output["power"]))
    return arguments, alternatives


SUMMARY_ARGUERS: dict[str, Callable[[dict, dict], tuple[list, list]]] = {
    "power": argue_power,
    "proportion_test": argue_proportion_test,
    "summary_t_test": argue_summary_t_test,
    "summary_capability": argue_summary_capability,
}
