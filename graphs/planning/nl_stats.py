"""Natural-language statistics questions → test, ANOVA, regression, summary intents."""

from __future__ import annotations

import re

from graphs.planning.extract import (
    NUM,
    blank_keyed,
    bracket_lists,
    flat_lists,
    line_table,
    longest_run,
    named_groups,
    number_runs,
    numbers,
    tables,
    to_decimal,
    value_after,
)
from graphs.planning.intent import Intent

_CLAIMED_MEAN = re.compile(rf"(?:mean|average)(?: [a-z]+){{1,3}} of\s*({NUM})\s*[a-zµ%]*\s*"
                           r"(?:met|achieved|reached|satisfied|on target|true|correct)?\s*\?", re.I)


def _two_sample_alternative(low: str, first: str, second: str) -> str:
    """The alternative for x − y when the question says which group should be higher/lower.

    "old … versus new … is the new one higher?" claims new > old, i.e. x − y < 0: the
    comparative word is read against the group named just before it.
    """
    side = _alternative(low)
    if side == "two-sided":
        return side
    word = re.search(r"greater|larger|higher|more than|increase|exceed|above|\bless\b|smaller|lower|fewer|decrease|below", low)
    head = low[:word.start()] if word else low
    own = {w for w in re.findall(r"[a-z]\w*", first.lower())} ^ {w for w in re.findall(r"[a-z]\w*", second.lower())}
    last_first = max((head.rfind(w) for w in re.findall(r"[a-z]\w*", first.lower()) if w in own), default=-1)
    last_second = max((head.rfind(w) for w in re.findall(r"[a-z]\w*", second.lower()) if w in own), default=-1)
    if last_second > last_first:
        return "less" if side == "greater" else "greater"
    return side


def _alternative(low: str) -> str:
    if re.search(r"greater|larger|higher|more than|increase|exceed|above", low):
        return "greater"
    if re.search(r"\bless\b|smaller|lower|fewer|decrease|below", low):
        return "less"
    return "two-sided"


def _confidence(q: str) -> dict:
    m = re.search(r"(\d{2}(?:\.\d+)?)\s*%\s*(?:confidence|ci|level)", q, flags=re.I)
    return {"confidence": float(m.group(1)) / 100} if m else {}


def _groups(q: str) -> list[tuple[str, list]]:
    groups = named_groups(q)
    runs = number_runs(q)
    if len(groups) >= 2:
        named_runs = [(name, values) for name, values in runs if name]
        if len(named_runs) > len(groups) and len({name for name, _ in named_runs}) == len(named_runs) and \
                sum(len(v) for _, v in named_runs) > sum(len(v) for v in groups.values()):
            # "A: 1 2 3, B: 4 5 6, C 7 8 9": the last group has no colon; every run of numbers is a group
            return named_runs
        return list(groups.items())
    lists = flat_lists(q)
    if len(lists) >= 2:
        return [(f"group {i + 1}", v) for i, v in enumerate(lists)]
    nested = [v for v in bracket_lists(q) if all(isinstance(r, list) for r in v)]
    if nested and len(nested[0]) >= 2:
        return [(f"group {i + 1}", g) for i, g in enumerate(nested[0])]
    table = line_table(q)
    if table and table.header:  # a pasted sheet: one column per group, names on top
        return list(zip(table.header, table.columns(), strict=True))
    if len(runs) >= 2 and all(name for name, _ in runs) and len({name for name, _ in runs}) == len(runs):
        return runs
    if len(runs) >= 2 and all(len(values) >= 2 for _, values in runs):
        return [(f"sample {i + 1}", values) for i, (_, values) in enumerate(runs)]
    lines = [numbers(line) for line in q.splitlines()]
    lines = [ln for ln in lines if len(ln) >= 2]
    if len(lines) >= 2:
        return [(f"group {i + 1}", v) for i, v in enumerate(lines)]
    return []


_NUMBERED = re.compile(r"(?:group|sample) \d+\Z")


def _group_names(names: list[str]) -> list[str] | None:
    """The names the user gave the groups, for the tool's tables; None where the planner numbered them.

    A sentence can run into the first name ("compare suppliers A: ..., B: ..."): a name with more
    words than any other group's keeps only as many of its last words as the longest other name.
    """
    names = [" ".join(str(n).split()) for n in names]
    if len(names) < 2 or not all(names) or all(_NUMBERED.match(n) for n in names):
        return None
    tidy = []
    for i, name in enumerate(names):
        width = max(len(other.split()) for j, other in enumerate(names) if j != i)
        tidy.append(" ".join(name.split()[-width:]))
    for candidate in (tidy, names):
        if len({n.lower() for n in candidate}) == len(candidate):
            return candidate
    return None


def plan_stats(question: str) -> list[Intent] | None:
    q = question
    low = q.lower()
    conf = _confidence(q)

    if re.search(r"chi[\s-]*squared?|contingency|independen|goodness[\s-]*of[\s-]*fit|association", low):
        table = tables(q)
        if table and not re.search(r"goodness", low):
            return [Intent("chi_square", {"table": table[0], **({"correction": False} if "no correction" in low else {})})]
        groups = {**{name.lower().split()[-1]: values for name, values in number_runs(q) if name}, **named_groups(q)}
        observed = groups.get("observed") or (flat_lists(q)[0] if flat_lists(q) else None)
        expected = groups.get("expected") or (flat_lists(q)[1] if len(flat_lists(q)) > 1 else None)
        if observed:
            args = {"observed": observed}
            if expected:
                args["expected"] = expected
            return [Intent("chi_square", args, notes=[] if expected else ["no expected counts: equal proportions"])]
        return None

    if re.search(r"correlat|regress|regression|linear fit|linear model|fit a (?:line|straight|linear|quadratic|cubic|polynomial)|trend ?line|slope|least squares|polynomial|quadratic fit", low):
        groups = named_groups(q)
        keys = {k.lower(): k for k in groups}
        y_key = next((keys[k] for k in ("y", "response", "yield", "output") if k in keys), None)
        x_key = next((keys[k] for k in ("x", "predictor", "input") if k in keys), None)
        if (x_key is None or y_key is None) and len(groups) == 2:
            names = list(groups)
            m = re.search(r"regress\s+(\w+)\s+on\s+(\w+)", low)
            if m and m.group(1) in keys and m.group(2) in keys:
                y_key, x_key = keys[m.group(1)], keys[m.group(2)]
            else:
                x_key, y_key = names[0], names[1]
        if x_key is None or y_key is None:
            lists = flat_lists(q)
            table = line_table(q)
            runs = number_runs(q)
            if len(lists) >= 2:
                x, y = lists[0], lists[1]
            elif table and len(table.rows[0]) == 2:  # two pasted columns: x then y
                x, y = table.columns()
            elif len(runs) == 2 and len(runs[0][1]) == len(runs[1][1]):
                x, y = runs[0][1], runs[1][1]
            else:
                return None
        else:
            x, y = groups[x_key], groups[y_key]
        degree = 2 if "quadratic" in low else 3 if "cubic" in low else 1
        m = re.search(r"degree\s+(\d+)|order\s+(\d+)", low)
        if m:
            degree = int(m.group(1) or m.group(2))
        args = {"x": x, "y": y, "degree": degree}
        notes = ["correlation: Pearson r is the signed square root of R² of the straight-line fit"] if "correlat" in low else []
        if re.search(r"no intercept|without (?:an )?intercept|through the origin|zero intercept", low):
            args["intercept"] = False
        return [Intent("regression", args, notes=notes)]

    if re.search(r"normal(?:ly|ity)?\b|shapiro|anderson|bell[\s-]*shaped|gaussian", low) and not re.search(r"compare|t[\s-]*test", low):
        data = flat_lists(q) or [numbers(q)]
        if data and len(data[0]) >= 3:
            method = "anderson_darling" if "anderson" in low else "shapiro_wilk"
            return [Intent("normality", {"data": data[0], "method": method})]

    if re.search(r"levene|homogeneity of variances?|equal variances?|variances? (?:are |is )?(?:equal|the same|different)|"
                 r"same variances?|compare (?:the )?variances?", low) and not re.search(r"t[\s-]*test|assum", low):
        groups = _groups(q)
        if len(groups) >= 2:
            return [Intent("levene", {"groups": [g for _, g in groups]})]

    if re.search(r"kruskal|non[\s-]*parametric|rank[\s-]*based|mann[\s-]*whitney|wilcoxon rank[\s-]*sum|\bu[\s-]*test", low):
        groups = _groups(q)
        if len(groups) >= 2:
            notes = ["two groups: Kruskal-Wallis is the two-sided Mann-Whitney test (normal approximation, "
                     "no continuity correction)"] if len(groups) == 2 else []
            return [Intent("kruskal_wallis", {"groups": [g for _, g in groups]}, notes=notes)]

    named = [name.lower() for name in named_groups(q)]
    if re.search(r"paired|before and after|before/after|pre[\s-]*(?:and[\s-]*)?post|matched", low) or \
            (len(named) == 2 and named[0] in ("before", "pre") and named[1] in ("after", "post")):
        groups = _groups(q)
        if len(groups) >= 2:
            first, second = groups[0][0].lower(), groups[1][0].lower()
            if re.search(r"before|pre\b", first) and re.search(r"after|post\b", second) and _alternative(low) != "two-sided":
                # "did the treatment lower the values?" is about after vs before: before − after > 0
                alternative = "greater" if _alternative(low) == "less" else "less"
            else:
                alternative = _two_sample_alternative(low, groups[0][0], groups[1][0])
            return [Intent("t_test", {"kind": "paired", "x": groups[0][1], "y": groups[1][1],
                                      "alternative": alternative, **conf})]

    mu_keys = ("mu", "μ", r"hypothesi[sz]ed mean(?: of)?", r"target(?: mean)?(?: of)?", r"(?:mean|average) (?:is|equal to|equals|=)", r"equal to", r"against", r"differ(?:ent)? from", r"exceed")
    mu = value_after(q, *mu_keys)
    claim = _CLAIMED_MEAN.search(q)
    if mu is None and claim:  # "Is the mean fill weight of 500 g met?"
        mu = to_decimal(claim.group(1))
    groups = _groups(q)
    if len(groups) >= 3 or (len(groups) >= 2 and re.search(r"\banova\b|analysis of variance", low)):
        names = _group_names([name for name, _ in groups])
        return [Intent("anova_oneway", {"groups": [g for _, g in groups], **({"labels": names} if names else {})})]
    if len(groups) == 2 and re.search(r"compar|differ|t[\s-]*test|same|better|faster|versus|vs\.?|significan|higher|lower", low):
        kind = "pooled" if re.search(r"pooled|equal variances? assumed|student", low) else "welch"
        alternative = _two_sample_alternative(low, groups[0][0], groups[1][0])
        return [Intent("t_test", {"kind": kind, "x": groups[0][1], "y": groups[1][1],
                                  "alternative": alternative, **conf},
                       notes=[] if kind == "pooled" else ["Welch's t-test (no equal-variance assumption), as Minitab does by default"])]
    if mu is not None and re.search(r"t[\s-]*test|mean|average|differ|significan", low):
        rest = blank_keyed(q[:claim.start()] + " ; " + q[claim.end():] if claim else q, *mu_keys)
        data = flat_lists(rest)
        values = data[0] if data else (longest_run(rest, 2) or [v for v in numbers(rest) if v != mu])
        if len(values) >= 2:
            return [Intent("t_test", {"kind": "one_sample", "x": values, "mu": mu,
                                      "alternative": _alternative(low), **conf})]

    if re.search(r"summar|describe|descriptive|mean|average|standard deviation|std|median|variance|statistics", low):
        rest = blank_keyed(q, "usl", "lsl", "mean", "average", r"std\.? ?dev(?:iation)?", r"standard deviation",
                           "sigma", "target", "n")
        data = flat_lists(rest)
        values = data[0] if data else (longest_run(q, 3) or longest_run(rest, 2))
        if len(values) >= 2:
            return [Intent("describe", {"data": values, **conf})]
    return None
