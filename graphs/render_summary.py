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
        conclusion = (f"The {out['test']} of H1: p {sign} {fmt(out.get('p0'))} is "
                      f"{_pvalue_sentence(out['p_value'], out.get('alpha', 0.05))}: {x[0]}/{n[0]} = "
                      f"{fmt(out['estimate'], 4)}, {_level(out)}{out['ci_method']} interval {interval}.")
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
    rows += [[f"{name} interval", f"[{_bound(lo)}, {_bound(hi)}]"] for name, (lo, hi) in
             (out.get("intervals") or {}).items()]
    body = table(["quantity", "value"], rows)
    notes = out.get("notes") or []
    return conclusion, body + ("\n\n" + " ".join(f"{s[0].upper()}{s[1:]}." for s in notes) if notes else "")


SUMMARY_RENDERERS: dict[str, Callable[[dict, dict], tuple[str, str]]] = {
    "proportion_test": render_proportion_test,
}
