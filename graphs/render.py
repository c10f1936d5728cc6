"""Markdown for tool results: a conclusion sentence and the tables a user reads.

Every number printed here is read from a tool's output; nothing is computed.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

MAX_ROWS = 40


def fmt(value: Any, digits: int = 6) -> str:
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        if value != 0 and (abs(value) < 1e-4 or abs(value) >= 1e7):
            return f"{value:.{digits - 2}e}"
        return f"{value:.{digits}g}"
    if isinstance(value, list):
        return "[" + ", ".join(fmt(v, digits) for v in value[:12]) + (", …" if len(value) > 12 else "") + "]"
    return str(value)


def table(headers: list[str], rows: list[list[Any]]) -> str:
    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    for row in rows[:MAX_ROWS]:
        lines.append("| " + " | ".join(fmt(v) for v in row) + " |")
    if len(rows) > MAX_ROWS:
        lines.append(f"| … {len(rows) - MAX_ROWS} more rows | " + " | " * (len(headers) - 1))
    return "\n".join(lines)


def _pvalue_sentence(p: float, alpha: float = 0.05) -> str:
    return (f"significant at α = {alpha} (p = {fmt(p, 4)})" if p < alpha
            else f"not significant at α = {alpha} (p = {fmt(p, 4)})")


DESIGN_TITLES = {
    "full_factorial": "full factorial", "fractional_factorial": "fractional factorial",
    "plackett_burman": "Plackett–Burman", "box_behnken": "Box–Behnken",
    "central_composite": "central composite", "latin_hypercube": "Latin hypercube",
}


def design_title(design: str | None) -> str:
    """How a design's name reads in a sentence ("Box–Behnken", not "box_behnken")."""
    return DESIGN_TITLES.get(design or "", (design or "").replace("_", " ") or "design")


def render_design(args: dict, out: dict) -> tuple[str, str]:
    names = out.get("factor_names") or []
    design = design_title(args.get("design"))
    centre = out.get("centre_points")  # added centre runs; a 3-level design's middle run is not one
    if not isinstance(centre, int):
        centre = sum(1 for row in out["coded"] if all(abs(v) < 1e-12 for v in row))
    conclusion = f"A {design} design for {len(names)} factors ({', '.join(names)}): {out['runs']} runs"
    if centre:
        conclusion += f", of which {centre} centre point{'s' if centre != 1 else ''}"
    if out.get("resolution"):
        conclusion += f", resolution {out['resolution']}"
    block = out.get("block") if (out.get("blocks") or 1) > 1 else None
    if block:
        conclusion += _blocking_words(out)
    conclusion += "."
    if out.get("design_points") and (out["design_points"] != out["runs"] or out.get("pure_error_df")):
        conclusion += (f" {out['design_points']} distinct design points"
                       + (f" (each run {out['replicates']} times)" if (out.get("replicates") or 1) > 1 else "")
                       + (f"; {out['pure_error_df']} degrees of freedom for pure error" if out.get("pure_error_df")
                          else "") + ".")
    if out.get("total_cost") is not None:
        conclusion += f" Total cost: {out['runs']} runs × {fmt(out['cost_per_run'])} = {fmt(out['total_cost'])}."
    order = out.get("execution_order") or list(range(1, out["runs"] + 1))
    natural = out.get("natural")
    headers = ["run", "std order", *(["block"] if block else []), *[f"{n} (coded)" for n in names]]
    if natural:
        headers += [f"{n}" for n in names]
    rows = []
    for i, std in enumerate(order):  # the i-th run made is standard-order run `std`
        idx = int(std) - 1 if isinstance(std, int) and 1 <= std <= len(out["coded"]) else i
        row = [i + 1, idx + 1, *([block[idx]] if block else []), *out["coded"][idx]]
        if natural:
            row += natural[idx]
        rows.append(row)
    body = table(headers, rows)
    if out.get("defining_relation"):
        rel = out["defining_relation"]
        body += "\n\nDefining relation: " + (" = ".join(rel) if isinstance(rel, list) else str(rel))
    if out.get("alpha"):
        body += f"\n\nAxial distance α = {fmt(out['alpha'])}"
        if out.get("axial_runs") is not None:
            body += (f": {out['factorial_runs']} factorial runs, {out['axial_runs']} axial runs and "
                     f"{out.get('centre_points', 0)} centre runs")
    return conclusion, body


def _blocking_words(out: dict) -> str:
    """", in 2 blocks of 8 (ABCD confounded with blocks)": the block structure a reader must plan around."""
    block = out["block"]
    sizes = sorted({block.count(b) for b in set(block)})
    size = f" of {sizes[0]}" if len(sizes) == 1 else ""
    lost = [chain.split(" = ")[0] for chain in out.get("confounded_with_blocks") or []]
    if not lost:
        return f", in {out['blocks']} blocks{size} (whole replicates; nothing confounded with blocks)"
    shown = ", ".join(lost[:6]) + (" …" if len(lost) > 6 else "")
    return f", in {out['blocks']} blocks{size} ({shown} confounded with blocks)"


def _bound(value: Any) -> str:
    """A confidence limit; a one-sided interval's open end is ±∞ (the tool writes "Infinity")."""
    if isinstance(value, str) and value.lstrip("+-").lower() in ("infinity", "inf"):
        return "−∞" if value.startswith("-") else "∞"
    if isinstance(value, float) and value in (float("inf"), float("-inf")):
        return "∞" if value > 0 else "−∞"
    return fmt(value)


def render_t_test(args: dict, out: dict) -> tuple[str, str]:
    kind = {"welch": "Welch two-sample", "pooled": "pooled two-sample", "paired": "paired",
            "one_sample": "one-sample"}.get(args.get("kind"), "")
    alternative = str(out.get("alternative") or args.get("alternative") or "two-sided").replace("_", "-")
    sign = {"greater": ">", "less": "<"}.get(alternative, "≠")
    level = f"{fmt(float(out['confidence']) * 100, 4)}% " if isinstance(out.get("confidence"), (int, float)) else ""
    interval = f"[{_bound(out.get('ci_low'))}, {_bound(out.get('ci_high'))}]"
    if args.get("kind") == "one_sample":
        mu = out.get("mu", args.get("mu", 0))
        conclusion = (f"The one-sample t-test of H1: mean {sign} {fmt(mu)} is {_pvalue_sentence(out['p_value'])}: "
                      f"mean {fmt(out.get('mean_x'))} (difference {fmt(out['mean_difference'])}), {level}CI for the "
                      f"mean {interval}.")
    else:
        hypothesis = "" if sign == "≠" else f" of H1: difference {sign} 0"
        conclusion = (f"The {kind} t-test{hypothesis} is {_pvalue_sentence(out['p_value'])}: mean difference "
                      f"{fmt(out['mean_difference'])}, {level}CI for the difference {interval}.")
    rows = [[k, out.get(k)] for k in ("t", "df", "p_value", "mean_difference", "ci_low", "ci_high",
                                      "effect_size", "cohens_d", "hedges_g") if k in out]
    return conclusion, table(["quantity", "value"], rows)


def render_anova_oneway(args: dict, out: dict) -> tuple[str, str]:
    if out.get("welch"):
        return render_welch_anova(args, out)
    conclusion = f"The group means differ: {_pvalue_sentence(out['p_value'])}" if out["p_value"] < 0.05 else \
        f"No evidence that the group means differ ({_pvalue_sentence(out['p_value'])})."
    rows = [["between", out["between_df"], out["between_ss"], out["between_ms"], out["f_statistic"], out["p_value"]],
            ["within", out["within_df"], out["within_ss"], out["within_ms"], None, None]]
    body = table(["source", "df", "SS", "MS", "F", "p"], rows)
    body += f"\n\nR² = {fmt(out['r_squared'])}, residual SD = {fmt(out['residual_sd'])}"
    tukey = out.get("tukey") or out.get("tukey_hsd") or out.get("comparisons")
    if isinstance(tukey, list) and tukey and isinstance(tukey[0], dict):
        keys = [k for k in tukey[0] if not isinstance(tukey[0][k], (list, dict))]
        body += "\n\nTukey HSD:\n\n" + table(keys, [[t.get(k) for k in keys] for t in tukey])
    return conclusion, body


def render_welch_anova(args: dict, out: dict) -> tuple[str, str]:
    """Welch's F with its fractional df, and the group summaries it weighs (no pooled table, no Tukey)."""
    test = (f"Welch's ANOVA (unequal variances): F = {fmt(out['f_statistic'], 5)} on {out.get('df1')} and "
            f"{fmt(out.get('df2'), 4)} df")
    verdict = ("the group means differ" if out["p_value"] < 0.05 else "no evidence that the group means differ")
    conclusion = f"{test}, {_pvalue_sentence(out['p_value'])}: {verdict}."
    groups = [g for g in out.get("groups") or [] if isinstance(g, dict)]
    body = table(["group", "n", "mean", "std. dev."], [[g.get("label"), g.get("n"), g.get("mean"), g.get("std_dev")]
                                                      for g in groups])
    for note in out.get("notes") or []:
        body += f"\n\n{note[0].upper()}{note[1:]}."
    return conclusion, body


def render_properties(args: dict, out: dict) -> tuple[str, str]:
    """A design's invariants, with the runs at each level of each factor (how often it sits low, middle, high)."""
    yes = {True: "yes", False: "no"}
    conclusion = (f"{out['runs']} runs in {out['factors']} factors: orthogonal {yes.get(out.get('orthogonal'), '—')}, "
                  f"rotatable {yes.get(out.get('rotatable'), '—')}, balanced {yes.get(out.get('balanced'), '—')}.")
    levels, counts = out.get("column_levels") or [], out.get("column_level_counts") or []
    rows = [[name, ", ".join(f"{fmt(v)}: {c} runs" for v, c in zip(vals, cs, strict=False))]
            for name, vals, cs in zip(out.get("factor_names") or [], levels, counts, strict=False)]
    body = render_generic(args, out)[1]
    if rows:
        body = table(["factor", "runs at each level"], rows) + "\n\n" + body
    return conclusion, body


def render_generic(args: dict, out: dict) -> tuple[str, str]:
    scalars = [[k, v] for k, v in out.items() if isinstance(v, (int, float, str, bool)) or v is None]
    lists = {k: v for k, v in out.items() if isinstance(v, list) and v and not isinstance(v[0], (list, dict))}
    body = table(["quantity", "value"], scalars + [[k, v] for k, v in lists.items()])
    return "", body


_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def _derivative_operator(args: dict) -> str:
    """d/dx, or d²/dx² (dⁿ/dxⁿ) for a higher derivative: the order the tool was asked for."""
    variable = args.get("variable") or args.get("variables") or "x"
    if isinstance(variable, list) and len(variable) > 1:  # a mixed partial: ∂²/∂x∂y
        return f"∂{str(len(variable)).translate(_SUPERSCRIPT)}/" + "".join(f"∂{v}" for v in variable)
    variable = variable[0] if isinstance(variable, list) else str(variable)
    try:
        order = int(args.get("order") or 1)
    except (TypeError, ValueError):
        order = 1
    if order <= 1:
        return f"d/d{variable}"
    power = str(order).translate(_SUPERSCRIPT)
    return f"d{power}/d{variable}{power}"


def _solution_cell(value: object) -> str:
    """One unknown's value: exact, with its decimal beside it when they read differently ("sqrt(2) ≈ 1.41421")."""
    if not isinstance(value, dict):
        return fmt(value)
    exact, numeric = value.get("exact"), value.get("numeric")
    if numeric is None:
        return str(exact)
    if value.get("imag"):
        return f"{exact} ≈ {fmt(numeric)} + {fmt(value['imag'])}i"
    return str(exact) if str(exact) == fmt(numeric) else f"{exact} ≈ {fmt(numeric)}"


def _decimal(text: str) -> str:
    """A rational coefficient's decimal ("-1/3" → -0.333333); other text as it is."""
    m = re.fullmatch(r"(-?\d+)(?:/(\d+))?", str(text).strip())
    return fmt(int(m.group(1)) / int(m.group(2) or 1)) if m else str(text)


def _code(text: object) -> str:
    """A formula as a code span: markdown would read the stars of x*y*z as emphasis."""
    return f"`{str(text).replace('`', '')}`"


def _at_point(names: list[str], p: dict) -> str:
    if len(names) == 1:
        return f"{names[0]} = {_solution_cell(p['point'][names[0]])}"
    return f"({', '.join(names)}) = ({', '.join(_solution_cell(p['point'][n]) for n in names)})"


def render_extrema(args: dict, out: dict) -> tuple[str, str]:
    """The critical points in a table (where, the value there, what kind, by which test), then the absolute extremes."""
    names = out.get("variables") or ["x"]
    points = out.get("points") or []
    where = f"on {out['interval']}" if out.get("interval") else ""
    if points:
        kinds = "; ".join(_at_point(names, p) + f": {p['kind']}, f = {_solution_cell(p['value'])}" for p in points)
        conclusion = f"Critical points of {_code(args.get('expression'))}{' ' + where if where else ''}: {kinds}"
    else:
        conclusion = f"{_code(args.get('expression'))} has no critical point{' ' + where if where else ''}"
    gradient = ", ".join(_code(g) for g in out.get("gradient") or [])
    body = f"Where {'the gradient' if len(names) > 1 else 'the derivative'} ({gradient}) is zero"
    body += " or undefined:" if any(not p.get("derivative_exists", True) for p in points) else ":"
    if points:
        rows = [[*(_solution_cell(p["point"][n]) for n in names), _solution_cell(p["value"]), p["kind"],
                 p["test"]] for p in points]
        body += "\n\n" + table([*names, "f there", "kind", "test"], rows)
    else:
        body += " nowhere."
    for key, word in (("absolute_max", "maximum"), ("absolute_min", "minimum")):
        extreme = out.get(key)
        if extreme:
            ends = extreme.get("end") or [None] * len(extreme["at"])
            where = [f"{at} ({end} end)" if end else at for at, end in zip(extreme["at"], ends, strict=False)]
            conclusion += f"; absolute {word} {_solution_cell(extreme['value'])} at {', '.join(where)}"
    for note in out.get("notes") or []:
        body += f"\n\n{note[0].upper()}{note[1:]}."
    return conclusion, body


def render_symbolic(tool: str) -> Callable[[dict, dict], tuple[str, str]]:
    def render(args: dict, out: dict) -> tuple[str, str]:
        expr = _code(args.get("expression"))
        what = {"differentiate": f"{_derivative_operator(args)} [{expr}]",
                "integrate": f"∫ {expr} d{args.get('variable', 'x')}"
                             + (f" from {args.get('lower')} to {args.get('upper')}" if args.get("lower") is not None else ""),
                "limit": f"lim {args.get('variable', 'x')}→{args.get('point')} {expr}",
                "series": f"series of {expr} about {args.get('point', 0)}",
                "summation": f"Σ {expr} for {args.get('variable', 'n')} = {args.get('lower')} … {args.get('upper')}",
                "simplify": f"{args.get('method', 'simplify')} {expr}",
                "solve": "solve " + _code("; ".join(map(str, args["equations"])) if isinstance(args.get("equations"), list)
                                          else args.get("equations")),
                "matrix": f"{args.get('operation')} of the matrix"}.get(tool, tool)
        # "solve x + y = 3; x - y = 1: [{x: 2, y: 1}]": an equals sign after equations would read as one more
        conclusion = f"{what}{': ' if tool == 'solve' else ' = '}{_code(out.get('result'))}"
        if tool == "limit" and out.get("exists") is False and out.get("direction", "both") == "both":
            # "lim x→2 (x^2 + 3)/(x − 2) = zoo" says nothing to most readers: say that it does not exist, and why
            sides = f" (from the left {out['left']}, from the right {out['right']})" if out.get("left") is not None \
                else ""
            conclusion = f"{what}: the two-sided limit does not exist{sides}"
        body = f"$$ {out.get('latex', '')} $$" if out.get("latex") else ""
        if out.get("value_at"):
            at = ", ".join(f"{k} = {v}" for k, v in out["at"].items())
            there = out["value_at"]
            exact = there.get("exact")
            shown = fmt(there["value"]) if there.get("value") is not None else there.get("result")
            conclusion += f"; at {at} it is {exact + ' ≈ ' if exact and exact != shown else ''}{shown}"
        if tool == "series" and out.get("coefficients"):
            var, point = out.get("variable", "x"), out.get("point", "0")
            power = var if str(point) == "0" else f"({var} - {point})"
            rows = [[f"{power}^{n}" if n > 1 else power if n == 1 else "1", c, _decimal(c)]
                    for n, c in enumerate(out["coefficients"])]
            body += "\n\n" + table(["term", "coefficient", "in decimals"], rows)
        if tool == "summation":
            if out.get("numeric") is not None and fmt(out["numeric"]) != str(out.get("result")):
                conclusion += f" ≈ {fmt(out['numeric'])}"
            elif not out.get("evaluated") and out.get("numeric_check") is not None:
                conclusion += f"; no closed form, adding the terms gives ≈ {fmt(out['numeric_check'])}"
            if out.get("note"):
                body += f"\n\n{out['note'][0].upper()}{out['note'][1:]}."
        if tool == "simplify" and out.get("coefficients") and len(out["coefficients"]) > 2:
            var = (re.findall(r"(?<![A-Za-z_])([A-Za-z])(?![A-Za-z_(])", str(out.get("result"))) or ["x"])[0]
            rows = [[f"{var}^{c['power']}" if c["power"] > 1 else var if c["power"] == 1 else "1", c["coefficient"]]
                    for c in out["coefficients"] if c["coefficient"] != "0"]
            body += "\n\n" + table(["term", "coefficient"], rows)
        if tool == "simplify" and out.get("fractions"):  # apart: each A/(x − r), with A in decimals
            rows = [[f"({f['numerator']})/({f['denominator']})" if "/" in f["numerator"] else
                     f"{f['numerator']}/({f['denominator']})", f["numerator"],
                     fmt(f["value"]) if f.get("value") is not None else "—"] for f in out["fractions"]]
            body += "\n\n" + table(["partial fraction", "numerator", "in decimals"], rows)
        if tool == "solve" and out.get("solutions"):
            sols = out["solutions"]
            if isinstance(sols[0], dict):
                keys = list(sols[0])
                body += "\n\n" + table(keys, [[_solution_cell(s.get(k)) for k in keys] for s in sols])
        if tool == "matrix" and out.get("numeric_rows") and out.get("rows") != [[fmt(v) for v in row]
                                                                               for row in out["numeric_rows"]]:
            body += "\n\nIn decimals:\n\n" + table([f"col {j + 1}" for j in range(len(out["numeric_rows"][0]))],
                                                  [[fmt(v) for v in row] for row in out["numeric_rows"]])
        trace = out.get("result_trace") if tool == "matrix" else None
        if isinstance(trace, dict) and trace.get("exact") is not None:
            numeric = f" ≈ {fmt(trace['numeric'])}" if isinstance(trace.get("numeric"), (int, float)) else ""
            body += f"\n\nTrace of the {out.get('operation', 'result')}: {trace['exact']}{numeric}"
        return conclusion, body

    return render


def render_small_shift(args: dict, out: dict) -> tuple[str, str]:
    """EWMA and CUSUM: what signalled, when, and (CUSUM) when the shift began and to what mean."""
    if out.get("chart") == "ewma":
        d = out["ewma"]
        signals = d["signals"]
        conclusion = (f"EWMA chart (λ = {fmt(d['lambda'])}, L = {fmt(d['L'])}), centre {fmt(out['center'])}, "
                      f"steady-state limits [{fmt(d['steady_state_lcl'])}, {fmt(d['steady_state_ucl'])}]; "
                      + ("no point beyond its limits: no shift detected." if not out["out_of_control"] else
                         f"the EWMA leaves its limits at point(s) {', '.join(str(i + 1) for i in signals)}: "
                         "the process mean has shifted."))
        rows = [[i + 1, x, z, lo, hi] for i, (x, z, lo, hi) in enumerate(zip(
            d["observations"], out["points"], out["lcl"], out["ucl"], strict=True))]
        body = table(["point", "value", "EWMA z", "LCL", "UCL"], _around(rows, out["out_of_control"]))
        return conclusion, body
    d = out["cusum"]
    head = (f"Tabular CUSUM (target {fmt(d['target'])}, K = {fmt(d['K'])}, H = {fmt(d['H'])}; k = {fmt(d['k'])}σ, "
            f"h = {fmt(d['h'])}σ): ")
    if not d["signals"]:
        conclusion = head + "neither sum exceeds H: no shift detected."
    else:
        said = [f"the {'upper' if s['side'] == 'upper' else 'lower'} sum exceeds H at point {s['index'] + 1} "
                f"(N = {s['run_length']}: the shift began after point {s['shift_after'] + 1}, new mean ≈ "
                f"{fmt(s['estimated_mean'])})" for s in d["signals"]]
        conclusion = head + "; ".join(said) + "."
    rows = [[i + 1, x, cp, n_up, cm, n_dn] for i, (x, cp, n_up, cm, n_dn) in enumerate(zip(
        d["observations"], d["upper"], d["upper_run"], d["lower"], d["lower_run"], strict=True))]
    body = table(["point", "value", "C+", "N+", "C−", "N−"], _around(rows, out["out_of_control"]))
    return conclusion, body


def _around(rows: list[list], flagged: list[int], limit: int = 30) -> list[list]:
    """All rows when few; else the first ten and the rows around the first signal."""
    if len(rows) <= limit:
        return rows
    first = flagged[0] if flagged else len(rows) - 10
    keep = sorted(set(range(10)) | set(range(max(0, first - 8), min(len(rows), first + 3))))
    return [rows[i] for i in keep]


def render_chart(args: dict, out: dict) -> tuple[str, str]:
    if out.get("chart") in ("ewma", "cusum"):
        return render_small_shift(args, out)
    viol = out.get("violations") or []
    chart = args.get("chart", "").replace("_", "-").upper()

    def lim(v):
        return "per point" if isinstance(v, list) else fmt(v)

    conclusion = (f"{chart} chart: centre {fmt(out['center'])}, limits [{lim(out['lcl'])}, {lim(out['ucl'])}]; "
                  + ("no run-rule violations: the process looks in statistical control." if not viol else
                     f"{len(viol)} run-rule violation(s): the process is not in statistical control."))
    start = out.get("phase2_start")
    if start is not None and out.get("points") and len(out["points"]) > start:  # new points against phase I limits
        new = sorted({v["index"] - start + 1 for v in viol if v["index"] >= start})
        conclusion += (f" Phase II: {len(out['points']) - start} new point(s) judged against the limits of the first "
                       f"{start}; " + (f"new point(s) {', '.join(map(str, new))} signal." if new else
                                       "none of them signals."))
    rows = [["centre", out["center"]], ["LCL", out["lcl"]], ["UCL", out["ucl"]], ["sigma", out.get("sigma")]]
    body = table(["line", "value"], rows)
    sec = out.get("secondary")
    if sec:
        body += "\n\nSecondary chart: " + ", ".join(f"{k} {fmt(sec.get(k))}" for k in ("center", "lcl", "ucl"))
    if viol:
        body += "\n\n" + table(["rule", "point (1-based)"], [[v["rule"], v["index"] + 1] for v in viol])
    return conclusion, body


def render_capability(args: dict, out: dict) -> tuple[str, str]:
    cpk = out.get("cpk") if out.get("cpk") is not None else out.get("ppk")
    verdict = ("capable (Cpk ≥ 1.33)" if cpk is not None and cpk >= 1.33 else
               "marginal (1.0 ≤ Cpk < 1.33)" if cpk is not None and cpk >= 1.0 else "not capable (Cpk < 1)")
    conclusion = f"The process is {verdict}: Cpk = {fmt(out.get('cpk'), 4)}, Ppk = {fmt(out.get('ppk'), 4)}."
    names = ("cp", "cp_l", "cp_u", "cpk", "cpm", "pp", "pp_l", "pp_u", "ppk", "ppm")
    ci = out.get("ci") or {}
    rows = [[n, out.get(n), *(ci.get(n) or [None, None])] for n in names if n in out]
    body = table(["index", "value", "CI low", "CI high"], rows)
    body += f"\n\nσ within = {fmt(out.get('sigma_within'))}, σ overall = {fmt(out.get('sigma_overall'))}"
    ppm = out.get("ppm_expected")
    if ppm is not None:
        body += f"; expected PPM out of spec: {fmt(ppm) if not isinstance(ppm, dict) else ', '.join(f'{k} {fmt(v)}' for k, v in ppm.items())}"
    return conclusion, body


def render_regression(args: dict, out: dict) -> tuple[str, str]:
    coefs = out["coefficients"]
    names = out.get("terms") or [f"b{i}" for i in range(len(coefs))]
    ses = out.get("standard_errors") or [None] * len(coefs)
    pvals = out.get("p_values") or [None] * len(coefs)
    equation = " ".join(
        (f"{fmt(c)}" if n == "intercept" else f"{'+' if c >= 0 else '−'} {fmt(abs(c))}·{n}") if i else
        (fmt(c) if n == "intercept" else f"{fmt(c)}·{n}")
        for i, (n, c) in enumerate(zip(names, coefs, strict=False)))
    conclusion = f"ŷ = {equation}; R² = {fmt(out['r_squared'], 5)}, residual SD = {fmt(out['residual_sd'])}"
    if out.get("correlation") is not None:  # a straight line: Pearson's r, tested by the slope's t-test
        conclusion += f"; correlation r = {fmt(out['correlation'], 5)}, slope {_pvalue_sentence(pvals[-1])}"
    body = table(["term", "coefficient", "std. error", "p"],
                 [[n, c, s, p] for n, c, s, p in zip(names, coefs, ses, pvals, strict=False)])
    body += f"\n\nF = {fmt(out['f_statistic'])} on {out['regression_df']} and {out['residual_df']} df"
    predictions = out.get("predictions") or []
    if predictions:
        level = f"{fmt(100 * out.get('confidence', 0.95))}%"
        first = predictions[0]
        conclusion += (f". At {_at(first['at'])}: predicted mean {fmt(first['fit'])}, {level} CI "
                       f"[{fmt(first['ci_low'])}, {fmt(first['ci_high'])}]; a new observation falls in "
                       f"[{fmt(first['pi_low'])}, {fmt(first['pi_high'])}] ({level} prediction interval)")
        if len(predictions) > 1:
            conclusion += f"; {len(predictions) - 1} more point(s) below"
        if any(p["extrapolation"] for p in predictions):
            conclusion += "; beyond the data's range it is extrapolation"
        body += "\n\n" + table(
            ["at", "fit", f"{level} CI low", "CI high", f"{level} PI low", "PI high", "extrapolation"],
            [[_at(p["at"]), p["fit"], p["ci_low"], p["ci_high"], p["pi_low"], p["pi_high"], p["extrapolation"]]
             for p in predictions])
    if out.get("vertex_x") is not None:
        conclusion += (f". The fitted curve's {out['vertex_kind']} is at x = {fmt(out['vertex_x'])}, "
                       f"ŷ = {fmt(out['vertex_y'])} (x = −B1 / (2 B2))")
    return conclusion + ".", body


def _at(value: Any) -> str:
    return f"({', '.join(fmt(v) for v in value)})" if isinstance(value, list) else f"x = {fmt(value)}"


def render_effects(args: dict, out: dict) -> tuple[str, str]:
    effects = out["effects"]
    active = out.get("active") or []
    method = out.get("active_method") or "Lenth"
    conclusion = f"Active effects ({method}): {', '.join(map(str, active)) or 'none'}; mean {fmt(out['mean'])}."
    blocks = out.get("blocks")
    if isinstance(blocks, dict):
        lost = ", ".join(f"{k} ({fmt(v)})" for k, v in (out.get("confounded_with_blocks") or {}).items())
        conclusion += (f" {blocks['count']} blocks (block SS {fmt(blocks['ss'])})"
                       + (f"; confounded with blocks and not tested: {lost}." if lost else "."))
    rows = sorted(([k, v, k in active] for k, v in effects.items()), key=lambda r: -abs(r[1]))
    return conclusion, table(["effect", "estimate", "active"], rows)


def render_curvature(args: dict, out: dict) -> tuple[str, str]:
    conclusion = ("Curvature test: " + out["conclusion"] + ".").replace(" - ", " — ")
    rows = [["curvature", out["df_curvature"], out["ss_curvature"], out["ss_curvature"], out.get("f"), out.get("p")],
            [f"pure error ({out['pure_error_from']})", out["df_pure_error"], out["ss_pure_error"],
             out["ms_pure_error"], None, None]]
    body = table(["source", "df", "SS", "MS", "F", "p"], rows)
    body += (f"\n\nFactorial mean {fmt(out['factorial_mean'])} ({out['factorial_runs']} runs), centre mean "
             f"{fmt(out['centre_mean'])} ({out['centre_runs']} runs); difference {fmt(out['difference'])}")
    if out.get("ci_low") is not None:
        body += f", {round(100 * (1 - out['alpha']))}% CI [{fmt(out['ci_low'])}, {fmt(out['ci_high'])}]"
    for note in out.get("notes") or []:
        body += f"\n\n{note}"
    return conclusion, body


def render_doe_anova(args: dict, out: dict) -> tuple[str, str]:
    rows = [r for r in out.get("table") or [] if isinstance(r, dict)]
    alpha = 0.05
    terms = [r for r in rows if r.get("source") not in ("Model", "Error", "Total", "Residual", "Lack of fit",
                                                           "Pure error", "Blocks") and r.get("p") is not None]
    significant = [f"{r['source']} (p = {fmt(r['p'], 4)})" for r in terms if r["p"] < alpha]
    conclusion = (f"ANOVA of the design ({out.get('model', 'model')}): significant at α = {alpha}: "
                  f"{', '.join(significant) if significant else 'none of the terms'}; R² = {fmt(out.get('r_squared'), 5)}.")
    if not terms:
        conclusion = (f"ANOVA of the design ({out.get('model', 'model')}): no F-tests (no degrees of freedom for "
                      f"error); R² = {fmt(out.get('r_squared'), 5)}.")
    body = table(["source", "df", "SS", "MS", "F", "p"],
                 [[r.get("source"), r.get("df"), r.get("ss"), r.get("ms"), r.get("f"), r.get("p")] for r in rows])
    for note in out.get("notes") or []:
        body += f"\n\n{note}"
    return conclusion, body


def render_rsm(args: dict, out: dict) -> tuple[str, str]:
    conclusion = (f"The stationary point is a {out.get('nature')} at {fmt(out.get('stationary_point'))} (coded), "
                  f"predicted response {fmt(out.get('predicted_at_stationary'))}.")
    body = table(["coefficient", "value"], [[k, v] for k, v in out["coefficients"].items()])
    body += f"\n\nEigenvalues: {fmt(out.get('eigenvalues'))}"
    return conclusion, body


def render_chi_square(args: dict, out: dict) -> tuple[str, str]:
    conclusion = f"χ² = {fmt(out['statistic'])} on {out['df']} df: {_pvalue_sentence(out['p_value'])}."
    return conclusion, ""


def render_describe(args: dict, out: dict) -> tuple[str, str]:
    conclusion = f"n = {out['n']}, mean {fmt(out['mean'])}, standard deviation {fmt(out['std_dev'])}"
    if out.get("population_std_dev") is not None:
        conclusion += f" (sample, divisor n − 1; {fmt(out['population_std_dev'])} with divisor n, for a whole population)"
    ci = out.get("ci_mean")
    if isinstance(ci, list) and len(ci) == 2 and all(isinstance(v, (int, float)) for v in ci):
        level = f"{fmt(float(out['confidence']) * 100, 4)}% " if isinstance(out.get("confidence"), (int, float)) else ""
        conclusion += f", {level}CI for the mean [{fmt(ci[0])}, {fmt(ci[1])}]"
        if args.get("bound") in ("upper", "lower"):  # "a number we can be 95 % sure the mean does not exceed"
            conclusion += (f"; one-sided {level}{args['bound']} bound for the mean "
                           f"{fmt(out['mean_' + args['bound'] + '_bound'])}")
    conclusion += "."
    return conclusion, render_generic(args, out)[1]


def render_normality(args: dict, out: dict) -> tuple[str, str]:
    verdict = ("no evidence against normality" if out.get("normal") else "the data depart from normality")
    conclusion = (f"{out.get('method', 'Normality test')}: statistic {fmt(out.get('statistic'), 5)}, "
                  f"p = {fmt(out.get('p_value'), 4)}: {verdict} at α = {out.get('alpha', 0.05)} (n = {out.get('n')}).")
    return conclusion, render_generic(args, out)[1]


def render_levene(args: dict, out: dict) -> tuple[str, str]:
    verdict = "no evidence that the variances differ" if out.get("equal_variances") else "the variances differ"
    conclusion = (f"Levene's test ({out.get('center', 'median')}-centred): W = {fmt(out.get('statistic'), 5)} on "
                  f"{out.get('df_between')} and {out.get('df_within')} df, p = {fmt(out.get('p_value'), 4)}: {verdict}.")
    return conclusion, table(["group", "std. dev."], [[i + 1, v] for i, v in enumerate(out.get("std_devs") or [])])


def render_variance_test(args: dict, out: dict) -> tuple[str, str]:
    verdict = "no evidence that the variances differ" if out.get("equal_variances") else "the variances differ"
    df = out.get("df") or []
    p = f"p = {fmt(out.get('p_value'), 4)}"
    if out.get("method") == "f":
        alternative = str(out.get("alternative") or "two-sided")
        if alternative != "two-sided":
            sign = ">" if alternative == "greater" else "<"
            verdict = (f"the first variance is {'larger' if sign == '>' else 'smaller'} (H1: σ1² {sign} σ2²)"
                       if not out.get("equal_variances") else f"no evidence that σ1² {sign} σ2²")
        level = f"{fmt(float(out['confidence']) * 100, 4)}% " if isinstance(out.get("confidence"), (int, float)) else ""
        conclusion = (f"F test of two variances: F = s1²/s2² = {fmt(out.get('statistic'), 5)} on "
                      f"{' and '.join(map(str, df))} df, {p}: {verdict}; {level}CI for σ1²/σ2² "
                      f"[{_bound(out.get('ci_low'))}, {_bound(out.get('ci_high'))}].")
    else:
        conclusion = (f"Bartlett's test: χ² = {fmt(out.get('statistic'), 5)} on {df[0] if df else '—'} df, {p}: "
                      f"{verdict}.")
    rows = [[i + 1, n, v, sd] for i, (n, v, sd) in enumerate(zip(out.get("n") or [], out.get("variances") or [],
                                                                  out.get("std_devs") or [], strict=False))]
    return conclusion, table(["group", "n", "variance", "std. dev."], rows)


def render_correlation(args: dict, out: dict) -> tuple[str, str]:
    symbol = {"pearson": "r", "spearman": "ρ", "kendall": "τ_b"}.get(str(out.get("method")), "r")
    stat = out.get("statistic_name") or "t"
    how = f"{stat} = {fmt(out.get('statistic'), 5)}" + (f" on {out['df']} df" if out.get("df") is not None else "")
    conclusion = (f"{out.get('test', 'Correlation')}: {symbol} = {fmt(out.get('coefficient'), 5)} (n = "
                  f"{out.get('n')}), {how}: {_pvalue_sentence(out['p_value'], out.get('alpha', 0.05))}")
    if out.get("ci_low") is not None and out.get("ci_high") is not None:
        level = f"{fmt(float(out['confidence']) * 100, 4)}% " if isinstance(out.get("confidence"), (int, float)) else ""
        conclusion += f"; {level}CI [{fmt(out['ci_low'], 5)}, {fmt(out['ci_high'], 5)}]"
    conclusion += "."
    if out.get("s") is not None:
        conclusion += (f" Kendall's S = {out['s']} ({out['concordant']} concordant − {out['discordant']} discordant "
                       "pairs).")
    if out.get("p_value_normal") is not None and "exact" in str(out.get("p_method")):
        conclusion += f" The large-sample normal approximation of z (no continuity correction) gives p = " \
                      f"{fmt(out['p_value_normal'], 4)}."
    rows = [[k, out.get(k)] for k in ("coefficient", "statistic", "df", "p_value", "p_value_normal", "ci_low", "ci_high",
                                      "r_squared", "n", "concordant", "discordant", "s") if out.get(k) is not None]
    body = table(["quantity", "value"], rows)
    notes = [n for n in [out.get("ci_method") and f"interval: {out['ci_method']}", out.get("p_method") and
                         f"p-value: {out['p_method']}", *(out.get("notes") or [])] if n]
    return conclusion, body + ("\n\n" + " ".join(f"{n[0].upper()}{n[1:]}." for n in notes) if notes else "")


def render_kruskal(args: dict, out: dict) -> tuple[str, str]:
    conclusion = (f"Kruskal–Wallis H = {fmt(out.get('statistic'), 5)} on {out.get('df')} df: "
                  f"{_pvalue_sentence(out['p_value'], out.get('alpha', 0.05))}.")
    rows = [[i + 1, m, r] for i, (m, r) in enumerate(zip(out.get("medians") or [], out.get("mean_ranks") or [],
                                                           strict=False))]
    return conclusion, table(["group", "median", "mean rank"], rows)


def render_friedman(args: dict, out: dict) -> tuple[str, str]:
    f_part = (f"; Iman–Davenport F = {fmt(out['f_statistic'], 5)} on {out['f_df'][0]} and {out['f_df'][1]} df, "
              f"p = {fmt(out['f_p_value'], 4)}") if out.get("f_statistic") is not None else ""
    conclusion = (f"Friedman χ² = {fmt(out.get('statistic'), 5)} on {out.get('df')} df, {out.get('treatments')} "
                  f"treatments in {out.get('blocks')} blocks: {_pvalue_sentence(out['p_value'], out.get('alpha', 0.05))}"
                  f"{f_part}. Kendall's W = {fmt(out.get('kendall_w'), 4)}.")
    rows = [[i + 1, s, r, m] for i, (s, r, m) in enumerate(zip(out.get("rank_sums") or [], out.get("mean_ranks") or [],
                                                               out.get("medians") or [], strict=False))]
    body = table(["treatment", "rank sum", "mean rank", "median"], rows)
    notes = [f"ties within blocks: correction factor {fmt(out['tie_correction'], 4)}"] if \
        (out.get("tie_correction") or 1) < 1 else []
    notes += out.get("warnings") or []
    return conclusion, body + ("\n\n" + " ".join(f"{n[0].upper()}{n[1:]}." for n in notes) if notes else "")


def render_mcnemar(args: dict, out: dict) -> tuple[str, str]:
    """The p-value of the method used, the discordant pairs it rests on, and every variant beside it."""
    method = {"exact": "exact binomial test of the discordant pairs",
              "corrected": f"χ² = {fmt(out.get('statistic'), 5)} on 1 df (continuity-corrected)",
              "uncorrected": f"χ² = {fmt(out.get('statistic'), 5)} on 1 df (no continuity correction)"}[out["method"]]
    conclusion = (f"McNemar's test, {method}, on {out['discordant']} discordant pairs (b = {out['b']}, c = "
                  f"{out['c']}): {_pvalue_sentence(out['p_value'], 0.05)}.")
    if out.get("difference") is not None:
        conclusion += (f" Of {out['n_pairs']} pairs, {fmt(100 * out['proportion_first'], 4)} % were yes under the "
                       f"first condition and {fmt(100 * out['proportion_second'], 4)} % under the second: difference "
                       f"{fmt(out['difference'], 4)}, {fmt(100 * out['confidence'])} % CI [{fmt(out['ci_low'], 4)}, "
                       f"{fmt(out['ci_high'], 4)}] (Wald).")
    rows = [["exact binomial", "", out["p_exact"]],
            ["χ² with continuity correction", out["chi2_corrected"], out["p_corrected"]],
            ["χ² without correction", out["chi2_uncorrected"], out["p_uncorrected"]]]
    notes = out.get("notes") or []
    return conclusion, (table(["variant", "statistic", "p-value"], rows)
                        + ("\n\n" + " ".join(f"{n[0].upper()}{n[1:]}." for n in notes) if notes else ""))


def render_rank_test(args: dict, out: dict) -> tuple[str, str]:
    alternative = str(out.get("alternative") or "two-sided")
    sign = {"greater": ">", "less": "<"}.get(alternative, "≠")
    two = out.get("statistic_name") == "W"
    what = "shift x − y" if two else ("median of x − y" if out.get("n_y") else "median")
    level = f"{fmt(float(out['confidence']) * 100, 4)}% " if isinstance(out.get("confidence"), (int, float)) else ""
    how = "exact p-value" if out.get("exact") else str(out.get("method") or "normal approximation")
    conclusion = (f"The {out.get('test')} test of H1: {what} {sign} {fmt(out.get('mu', 0))} is "
                  f"{_pvalue_sentence(out['p_value'], out.get('alpha', 0.05))}: {out.get('statistic_name')} = "
                  f"{fmt(out.get('statistic'))} ({how}); Hodges–Lehmann {what} {fmt(out.get('estimate'))}, {level}CI "
                  f"[{_bound(out.get('ci_low'))}, {_bound(out.get('ci_high'))}].")
    rows = [[k, out.get(k)] for k in ("statistic", "p_value", "z", "estimate", "ci_low", "ci_high",
                                      "achieved_confidence", "n_x", "n_y", "zeros_dropped") if out.get(k) is not None]
    body = table(["quantity", "value"], rows)
    notes = out.get("notes") or []
    return conclusion, body + ("\n\n" + " ".join(f"{n[0].upper()}{n[1:]}." for n in notes) if notes else "")


def render_sign_test(args: dict, out: dict) -> tuple[str, str]:
    alternative = str(out.get("alternative") or "two-sided")
    sign = {"greater": ">", "less": "<"}.get(alternative, "≠")
    what = "median of x − y" if out.get("n_y") else "median"
    level = f"{fmt(float(out['confidence']) * 100, 4)}% " if isinstance(out.get("confidence"), (int, float)) else ""
    conclusion = (f"The {out.get('test')} of H1: {what} {sign} {fmt(out.get('mu', 0))} is "
                  f"{_pvalue_sentence(out['p_value'], out.get('alpha', 0.05))}: {out.get('positives')} + and "
                  f"{out.get('negatives')} − signs of {out.get('n_used')} ({out.get('method')}); sample {what} "
                  f"{fmt(out.get('median'))}, {level}CI [{_bound(out.get('ci_low'))}, {_bound(out.get('ci_high'))}].")
    rows = [[k, out.get(k)] for k in ("positives", "negatives", "zeros_dropped", "n_used", "p_value", "z", "median",
                                      "ci_low", "ci_high", "achieved_confidence") if out.get(k) is not None]
    body = table(["quantity", "value"], rows)
    notes = out.get("notes") or []
    return conclusion, body + ("\n\n" + " ".join(f"{n[0].upper()}{n[1:]}." for n in notes) if notes else "")


def render_anova_twoway(args: dict, out: dict) -> tuple[str, str]:
    a, b = out.get("factor_a", "A"), out.get("factor_b", "B")
    effects = [(a, "a"), (b, "b")] + ([(f"{a}×{b}", "ab")] if out.get("interaction") else [])
    alpha = 0.05
    significant = [name for name, k in effects if out.get(f"p_{k}") is not None and out[f"p_{k}"] < alpha]
    conclusion = (f"Two-way ANOVA (SS type {out.get('ss_type')}): significant at α = {alpha}: "
                  f"{', '.join(significant) if significant else 'none of the effects'}.")
    rows = [[name, out.get(f"df_{k}"), out.get(f"ss_{k}"), out.get(f"ms_{k}"), out.get(f"f_{k}"), out.get(f"p_{k}")]
            for name, k in effects]
    rows.append(["error", out.get("df_error"), out.get("ss_error"), out.get("ms_error"), None, None])
    body = table(["source", "df", "SS", "MS", "F", "p"], rows)
    if out.get("ss_type_note"):
        body += f"\n\n{out['ss_type_note']}"
    return conclusion, body


def render_spc_constants(args: dict, out: dict) -> tuple[str, str]:
    names = [k for k, v in out.items() if k not in ("n", "constants", "source") and isinstance(v, (int, float))]
    shown = ", ".join(f"{k} = {fmt(out[k])}" for k in names[:6])
    conclusion = f"Control-chart constants for subgroups of n = {out.get('n')}: {shown}."
    body = table(["constant", "value"], [[k, out[k]] for k in names])
    if out.get("source"):
        body += f"\n\nSource: {out['source']}"
    return conclusion, body


def render_run_rules(args: dict, out: dict) -> tuple[str, str]:
    viol = out.get("violations") or []
    rules = out.get("rules", "run").replace("_", " ")
    points = sorted({v["index"] + 1 for v in viol})
    conclusion = (f"{rules.title()} rules on {out.get('n')} points: "
                  + ("no violations." if not viol else
                     f"{len(viol)} violation(s) at point(s) {', '.join(map(str, points[:20]))}"
                     + (" …" if len(points) > 20 else "") + "."))
    body = table(["rule", "point (1-based)", "description"],
                 [[v["rule"], v["index"] + 1, v.get("description", "")] for v in viol]) if viol else ""
    return conclusion, body


def render_evaluate(args: dict, out: dict) -> tuple[str, str]:
    approx = out.get("result")
    values = args.get("values") or {}
    asked = str(args.get("expression"))
    if values:  # a formula at given values: the tool's `expression` is the formula, not a value
        at = ", ".join(f"{k} = {v}" for k, v in values.items())
        value = out.get("value")
        if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
            return f"{asked} at {at} = {int(value)}", ""
        return f"{asked} at {at} ≈ {approx}", ""
    exact = out.get("expression")
    if exact and re.fullmatch(r"-?\d+", exact.replace(" ", "")):
        return f"{asked} = {exact}", ""  # an integer: nothing to approximate
    same = exact and exact.replace(" ", "") == asked.replace(" ", "").replace("^", "**")
    if exact and exact != approx and not same:
        return f"{asked} = {exact} ≈ {approx}", ""
    return f"{asked} ≈ {approx}", ""


RENDERERS: dict[str, Callable[[dict, dict], tuple[str, str]]] = {
    "doe_design": render_design,
    "doe_properties": render_properties,
    "t_test": render_t_test,
    "anova_oneway": render_anova_oneway,
    "control_chart": render_chart,
    "capability": render_capability,
    "regression": render_regression,
    "doe_effects": render_effects,
    "rsm_fit": render_rsm,
    "doe_anova": render_doe_anova,
    "doe_curvature": render_curvature,
    "chi_square": render_chi_square,
    "describe": render_describe,
    "normality": render_normality,
    "levene": render_levene,
    "variance_test": render_variance_test,
    "correlation": render_correlation,
    "kruskal_wallis": render_kruskal,
    "friedman": render_friedman,
    "mcnemar": render_mcnemar,
    "mann_whitney": render_rank_test,
    "wilcoxon_signed_rank": render_rank_test,
    "sign_test": render_sign_test,
    "anova_twoway": render_anova_twoway,
    "spc_constants": render_spc_constants,
    "run_rules": render_run_rules,
    "evaluate": render_evaluate,
    "extrema": render_extrema,
    **{t: render_symbolic(t) for t in ("differentiate", "integrate", "solve", "simplify", "limit", "series", "summation",
                                             "matrix")},
}


def _summary_renderers() -> None:
    """Answers for the count and summary-figure tools are written in graphs.render_summary (which uses fmt, table)."""
    from graphs.render_summary import SUMMARY_RENDERERS

    RENDERERS.update(SUMMARY_RENDERERS)


_summary_renderers()


def render_result(tool: str, args: dict, out: dict) -> tuple[str, str]:
    try:
        return RENDERERS.get(tool, render_generic)(args, out)
    except (KeyError, TypeError, IndexError, ValueError):
        return "", render_generic(args, out)[1]
