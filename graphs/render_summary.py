"""Answers for the count and summary-figure tools: proportions, summary t-tests, capability from a mean and a
standard deviation, power and sample size. Each conclusion names the test and the interval it reports."""

from __future__ import annotations

from collections.abc import Callable

from graphs.render import _bound, _pvalue_sentence, fmt, table


def _level(out: dict) -> str:
    return f"{fmt(float(out['confidence']) * 100, 4)}% " if isinstance(out.get("confidence"), (int, float)) else ""


def render_proportion_test(args: dict, out: dict) -> tuple[str, str]:
    sign = {"greater": ">", "less": "<"}.get(str(out.get("alternative")), "≠")
    interval = f"[{_bound(out.get('ci_low'))}, {_bound(out.get('ci_high'))}]"
    x, n = out["x"], out["n"]
    if len(x) == 1:
        two = (out.get("intervals") or {}).get("clopper_pearson_two_sided" if out.get("method") == "exact" else
                                                 "wilson_two_sided")
        conclusion = (f"The {out['test']} of H1: p {sign} {fmt(out.get('p0'))} is "
                      f"{_pvalue_sentence(out['p_value'], out.get('alpha', 0.05))}: {x[0]}/{n[0]} = "
                      f"{fmt(out['estimate'], 4)}, {_level(out)}{out['ci_method']} "
                      f"{'one-sided bound' if two else 'interval'} {interval}"
                      + (f"; the two-sided {_level(out)}interval is [{_bound(two[0])}, {_bound(two[1])}]" if two else "")
                      + ".")
    else:
        extra = ""
        if out.get("odds_ratio") is not None:
            ci = out.get("odds_ratio_ci") or [None, None]
            extra = f"; odds ratio {fmt(out['odds_ratio'], 4)} [{_bound(ci[0])}, {_bound(ci[1])}]"
        conclusion = (f"{out['test'][0].upper()}{out['test'][1:]} of H1: p1 {sign} p2 is "
                      f"{_pvalue_sentence(out['p_value'], out.get('alpha', 0.05))}: {x[0]}/{n[0]} = "
                      f"{fmt(out['p_hat'][0], 4)} vs {x[1]}/{n[1]} = {fmt(out['p_hat'][1], 4)}, difference "
                      f"{fmt(out['difference'], 4)}, {_level(out)}Newcombe interval {interval}{extra}.")
    rows = [[k, out.get(k)] for k in ("statistic", "z", "p_value", "estimate", "ci_low", "ci_high", "odds_ratio",
                                      "min_expected") if out.get(k) is not None]
    rows += [[f"{name.replace('_', ' ')} interval", f"[{_bound(lo)}, {_bound(hi)}]"] for name, (lo, hi) in
             (out.get("intervals") or {}).items()]
    body = table(["quantity", "value"], rows)
    notes = out.get("notes") or []
    return conclusion, body + ("\n\n" + " ".join(f"{s[0].upper()}{s[1:]}." for s in notes) if notes else "")


def _notes(out: dict) -> str:
    notes = out.get("notes") or []
    return "\n\n" + " ".join(f"{s[0].upper()}{s[1:]}." for s in notes) if notes else ""


def render_summary_t_test(args: dict, out: dict) -> tuple[str, str]:
    sign = {"greater": ">", "less": "<"}.get(str(out.get("alternative")), "≠")
    interval = f"[{_bound(out.get('ci_low'))}, {_bound(out.get('ci_high'))}]"
    what = "mean difference" if out["kind"] in ("pooled", "welch") else (
        "mean of the differences" if out["kind"] == "paired" else "mean")
    conclusion = (f"The {out['test']} from summary figures, H1: {what} {sign} {fmt(out['mu'])}, is "
                  f"{_pvalue_sentence(out['p_value'], out.get('alpha', 0.05))}: t = {fmt(out['t'], 4)}, df = "
                  f"{fmt(out['df'], 4)}; {what} {fmt(out['estimate'])}, {_level(out)}CI {interval}.")
    rows = [[k, out.get(k)] for k in ("t", "df", "p_value", "estimate", "se", "ci_low", "ci_high", "cohens_d")]
    return conclusion, table(["quantity", "value"], rows) + _notes(out)


def render_summary_capability(args: dict, out: dict) -> tuple[str, str]:
    parts = []
    for name in ("cp", "cpk", "pp", "ppk", "cpm"):
        if out.get(name) is not None:
            parts.append(f"{name.capitalize() if len(name) == 2 else name[:2].capitalize() + name[2:]} = "
                         f"{fmt(out[name], 4)}")
    index = out.get("cpk") if out.get("cpk") is not None else out.get("ppk")
    verdict = ("capable (≥ 1.33)" if index >= 1.33 else "marginal (1.0 to 1.33)" if index >= 1.0
               else "not capable (< 1)")
    given = ("R̄" if args.get("rbar") is not None else "s̄" if args.get("sbar") is not None else
             "standard deviation")
    conclusion = (f"From the mean and {given} given, the process is {verdict}: {', '.join(parts)} "
                  f"({out['sigma_used']}); expected {fmt(out['ppm_expected']['total'], 4)} ppm out of specification.")
    names = ("cp", "cp_l", "cp_u", "cpk", "pp", "pp_l", "pp_u", "ppk", "cpm", "k")
    rows = [[n, out.get(n)] for n in names if out.get(n) is not None]
    rows += [[f"ppm {k.replace('_', ' ')}", v] for k, v in out["ppm_expected"].items()]
    return conclusion, table(["index", "value"], rows) + _notes(out)


_POWER_TESTS = {"one_sample_t": "a one-sample t-test", "paired_t": "a paired t-test", "two_sample_t":
                "a two-sample t-test", "two_proportions": "a two-proportion test", "anova": "a one-way ANOVA"}


def render_power(args: dict, out: dict) -> tuple[str, str]:
    test = _POWER_TESTS.get(out["test"], out["test"])
    sizes = out["n_per_group"]
    unit = "pairs" if out["test"] == "paired_t" else ("per group" if out["groups"] > 1 else "units")
    side = "" if out["alternative"] == "two-sided" else f", one-sided ({out['alternative']})"
    effect = f"{out['effect_name']} = {fmt(out['effect_size'], 4)}"
    if out["solved_for"] == "n":
        each = f"{sizes[0]} {unit}" if len(set(sizes)) == 1 else " and ".join(str(v) for v in sizes) + " (n1, n2)"
        conclusion = (f"For {test} to detect {effect} with power {fmt(out['target_power'])} at α = "
                      f"{fmt(out['alpha'])}{side}: {each} (total {out['n_total']}; exact solution "
                      f"{fmt(out['n_exact'], 6)}), which gives power {fmt(out['power'], 4)}.")
    else:
        conclusion = (f"The power of {test} with {sizes[0]} {unit} to detect {effect} at α = {fmt(out['alpha'])}"
                      f"{side} is {fmt(out['power'], 4)}.")
    if out.get("total_cost") is not None:
        conclusion += f" Total cost: {out['n_total']} × {fmt(out['cost_per_unit'])} = {fmt(out['total_cost'])}."
    rows = [[k, out.get(k)] for k in ("power", "target_power", "n_exact", "n_per_group", "n_total", "effect_size",
                                      "alpha", "df", "noncentrality", "cost_per_unit", "total_cost")
            if out.get(k) is not None]
    return conclusion, table(["quantity", "value"], rows) + _notes(out)


def render_sample_size_ci(args: dict, out: dict) -> tuple[str, str]:
    """The n, with what it estimates, to within what, at what confidence, and the half-width it reaches."""
    conf = f"{fmt(100 * out['confidence'])} %"
    if out["target"] == "mean":
        what = (f"the mean to within ± {fmt(out['margin'])} (σ = {fmt(out['sd'])}, {conf} confidence, "
                f"{'t' if out['method'] == 't' else 'z'} = {fmt(out['critical_value'], 6)})")
    else:
        p = f"p = {fmt(out['p'])}" + (", assumed" if out["p_assumed"] else "")
        what = (f"the proportion to within ± {fmt(out['margin'])} ({p}, {conf} confidence, z = "
                f"{fmt(out['critical_value'], 6)})")
    population = f" from a population of {out['population']}" if out.get("population") else ""
    if out.get("population"):
        how = (f"the formula gives n₀ = {fmt(out['n_unrounded'], 6)}, and Cochran's correction n₀ / (1 + (n₀ − 1) / N) "
               f"{fmt(out['n_corrected_unrounded'], 6)}, rounded up")
    elif out["method"] == "t":
        how = f"{out['formula']}; the z formula's {fmt(out['n_unrounded'], 6)} is where the search starts"
    else:
        how = f"the formula {out['formula']} gives {fmt(out['n_unrounded'], 6)}, rounded up"
    conclusion = (f"To estimate {what}{population}: n = {out['n']} ({how}); with n = {out['n']} the margin is ± "
                  f"{fmt(out['margin_at_n'], 4)}.")
    if out.get("total_cost") is not None:
        conclusion += f" Total cost: {out['n']} × {fmt(out['cost_per_unit'])} = {fmt(out['total_cost'])}."
    rows = [[k, out.get(k)] for k in ("n", "n_unrounded", "n_infinite_population", "population", "n_corrected_unrounded",
                                      "critical_value",
                                      "margin", "margin_at_n", "sd", "p", "confidence", "cost_per_unit", "total_cost")
            if out.get(k) is not None]
    return conclusion, table(["quantity", "value"], rows) + _notes(out)


def render_summary_chart(args: dict, out: dict) -> tuple[str, str]:
    if out.get("attribute"):
        a, chart = out["attribute"], out["chart"]
        rate = {"p": "p̄", "np": "p̄", "c": "c̄", "u": "ū"}[chart]
        value = out.get("p_bar") if chart in ("p", "np") else out.get("c_bar") if chart == "c" else out.get("u_bar")
        conclusion = (f"{chart} chart limits from the total over {out['subgroups']} subgroups ({out['source']}, "
                      f"{rate} = {fmt(value)}): centre {fmt(a['center'])}, LCL {fmt(a['lcl'])}, UCL {fmt(a['ucl'])}.")
        return conclusion, (table(["chart", "LCL", "centre", "UCL"], [[chart, a["lcl"], a["center"], a["ucl"]]])
                            + "\n\nLimits from a total: the subgroups themselves could not be checked against them.")
    x, s, kind = out["xbar"], out["spread"], out["spread_chart"]
    spread = "R̄" if kind == "R" else "s̄"
    conclusion = (f"X̄–{kind} limits from the summary figures (subgroups of {out['n']}): X̄ chart centre "
                  f"{fmt(x['center'])}, limits [{fmt(x['lcl'])}, {fmt(x['ucl'])}]; {kind} chart centre {spread} = "
                  f"{fmt(s['center'])}, limits [{fmt(s['lcl'])}, {fmt(s['ucl'])}]; σ within ≈ "
                  f"{fmt(out['sigma_within'])}.")
    rows = [["X̄", x["lcl"], x["center"], x["ucl"]], [kind, s["lcl"], s["center"], s["ucl"]]]
    used = ", ".join(f"{k} = {fmt(v)}" for k, v in out["constants_used"].items())
    return conclusion, (table(["chart", "LCL", "centre", "UCL"], rows) + f"\n\nConstants for n = {out['n']}: "
                        f"{used} ({out['source']}). Limits from summary figures: the points themselves could not be "
                        "checked against them.")


SUMMARY_RENDERERS: dict[str, Callable[[dict, dict], tuple[str, str]]] = {
    "summary_chart": render_summary_chart,
    "power": render_power,
    "sample_size_ci": render_sample_size_ci,
    "proportion_test": render_proportion_test,
    "summary_t_test": render_summary_t_test,
    "summary_capability": render_summary_capability,
}
