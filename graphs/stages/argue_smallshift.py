"""ARGUE for the EWMA and CUSUM charts: the assumptions they rest on and the Shewhart chart beside them.

Both charts assume independent observations around a stable target with a known
(or well estimated) sigma; the CUSUM also leans on normality, while an EWMA with a
small lambda is robust to it (Montgomery §9.2.3). A Shewhart chart of the same
data is computed as the alternative: it shows whether the small-shift chart
found something a point-by-point chart would have missed.
"""

from __future__ import annotations

from graphs.stages.argue import _alt, _arg, call, normality_args


def _lag1(values: list[float]) -> float | None:
    n = len(values)
    if n < 3:
        return None
    mean = sum(values) / n
    d = [v - mean for v in values]
    denom = sum(v * v for v in d)
    return sum(a * b for a, b in zip(d[:-1], d[1:], strict=True)) / denom if denom > 0 else None


def argue_small_shift(args: dict, output: dict) -> tuple[list, list]:
    chart = args["chart"]
    detail = output.get(chart) or {}
    n1 = output.get("phase1_points") or 0
    observations = [float(v) for v in (detail.get("observations") or [])[:n1]]
    arguments, alternatives = [], []
    if args.get("center") is None or args.get("sigma") is None:
        given = [w for w, key in (("target", "center"), ("σ", "sigma")) if args.get(key) is None]
        arguments.append(_arg("con" if n1 < 20 else "note", "standards",
                              f"{' and '.join(given)} estimated from the same {n1} points the chart judges; a shift "
                              "inside them pulls the estimates toward it (give known standards from a stable period)",
                              "known standards", n1))
    else:
        arguments.append(_arg("pro", "standards", "target and σ are given standards, not estimated from the data "
                                                 "being judged", "known standards"))
    if output.get("subgroup_sizes") == 1 and observations:
        if chart == "cusum":
            arguments += normality_args(observations, "individual values (the CUSUM's ARL assumes normality)")
        else:
            lam = float(detail.get("lambda") or 0.2)
            arguments.append(_arg("pro" if lam <= 0.2 else "note", "normality",
                                  f"an EWMA with λ = {lam:g} " + ("is robust to non-normal data (λ ≤ 0.2)" if lam <= 0.2
                                                                  else "is less robust to non-normal data than with λ ≤ 0.2"),
                                  "λ", lam))
    r1 = _lag1(observations)
    if r1 is not None and len(observations) >= 10:
        bound = 2 / len(observations) ** 0.5
        stance = "pro" if abs(r1) < bound else "con"
        arguments.append(_arg(stance, "independence", f"lag-1 autocorrelation of the observations {r1:.3g} "
                                                      f"({'within' if stance == 'pro' else 'outside'} ±{bound:.2g}); "
                                                      "autocorrelation makes the limits wrong", "lag-1 autocorrelation",
                              r1))
    signals = detail.get("signals") or []
    arguments.append(_arg("note", "signals", f"{len(signals)} signal(s) of the {chart.upper()} chart", chart,
                          len(signals)))
    shewhart = _shewhart(args)
    if shewhart is not None:
        kind, out = shewhart
        beyond = [v["index"] for v in out.get("violations") or [] if v["rule"] == 1]
        alternatives.append(_alt(f"Shewhart {kind} chart", "control_chart", out,
                                 f"{kind} chart of the same data: {len(beyond)} point(s) beyond 3σ limits"))
        found = bool(output.get("out_of_control"))
        if found and not beyond:
            arguments.append(_arg("pro", "sensitivity", f"the {chart.upper()} signals a shift that a Shewhart chart "
                                                        "misses: small sustained shifts are what it is for",
                                  "Shewhart rule 1"))
    return arguments, alternatives


def _shewhart(args: dict) -> tuple[str, dict] | None:
    keep = {k: v for k, v in args.items() if k in ("values", "subgroups", "subgroup_size", "phase2_values",
                                                    "phase2_subgroups", "center", "sigma", "exclude")}
    kind = "xbar_r" if args.get("subgroups") is not None or args.get("subgroup_size") else "imr"
    out = call("control_chart", {**keep, "chart": kind, "rules": "western_electric"})
    return (kind, out) if out is not None else None
