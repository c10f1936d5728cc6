"""Follow-ups that change the previous analysis rather than a design.

"use the Nelson rules", "exclude point 11", "what if the variances are equal?",
"at 99% confidence", "try a quadratic", "what if the USL is 10.3?": the thread's
last intent is copied and only what the follow-up names is changed, so the data
the user pasted earlier is never retyped or re-read.
"""

from __future__ import annotations

import re
from copy import deepcopy

from graphs.planning.extract import numbers, value_after
from graphs.planning.intent import Intent
from graphs.planning.nl_stats import MU_KEYS


def _chart(low: str, args: dict, changed: list[str]) -> None:
    if "nelson" in low:
        args["rules"] = "nelson"
        changed.append("Nelson rules")
    elif re.search(r"western[\s-]*electric|\bwe rules", low):
        args["rules"] = "western_electric"
        changed.append("Western Electric rules")
    m = re.search(r"(?:exclud\w*|drop\w*|remov\w*|without)\s+(?:the\s+)?(?:points?|samples?|subgroups?|observations?)\s*"
                  r"((?:#?\d+(?:\s*(?:,|and)\s*)?)+)", low)
    if m:
        args["exclude"] = [int(v) - 1 for v in numbers(m.group(1).replace("#", ""))]  # people count from 1
        changed.append("excluding point(s) " + ", ".join(str(i + 1) for i in args["exclude"]))


def _t_test(low: str, args: dict, changed: list[str]) -> None:
    if re.search(r"equal variances?|variances? (?:are |is )?(?:equal|the same)|pooled|student", low) and \
            args.get("kind") in ("welch", "pooled"):
        args["kind"] = "pooled"
        changed.append("pooled (equal variances)")
    elif re.search(r"unequal variances?|welch", low) and args.get("kind") in ("welch", "pooled"):
        args["kind"] = "welch"
        changed.append("Welch (unequal variances)")
    if re.search(r"two[\s-]*sided|two[\s-]*tailed", low):
        args["alternative"] = "two-sided"
        changed.append("two-sided")
    elif re.search(r"one[\s-]*sided|one[\s-]*tailed|alternative", low):  # a bare "higher" may be a new question
        args["alternative"] = "less" if re.search(r"\bless\b|smaller|lower", low) else "greater"
        changed.append(f"alternative {args['alternative']}")
    _confidence(low, args, changed)


def _confidence(low: str, args: dict, changed: list[str]) -> None:
    m = re.search(r"(\d{2}(?:\.\d+)?)\s*%\s*(?:confidence|ci|level)?", low)
    if m and re.search(r"confiden|\bci\b|level|%", low):
        args["confidence"] = float(m.group(1)) / 100
        changed.append(f"{m.group(1)}% confidence")


def _capability(low: str, args: dict, changed: list[str]) -> None:
    for key, words in (("lsl", (r"lsl", r"lower spec(?:ification)?(?: limit)?")),
                       ("usl", (r"usl", r"upper spec(?:ification)?(?: limit)?")),
                       ("target", (r"target", r"nominal"))):
        value = value_after(low, *words)
        if value is not None:
            args[key] = value
            changed.append(f"{key.upper() if key != 'target' else key} {value}")
    _confidence(low, args, changed)


def _regression(low: str, args: dict, changed: list[str]) -> None:
    degree = 2 if "quadratic" in low else 3 if "cubic" in low else 1 if re.search(r"linear|straight", low) else None
    m = re.search(r"(?:degree|order)\s+(\d+)", low)
    if m:
        degree = int(m.group(1))
    if degree:
        args["degree"] = degree
        changed.append(f"degree {degree}")
    if re.search(r"no intercept|without (?:an |the )?intercept|through the origin|zero intercept", low):
        args["intercept"] = False
        changed.append("no intercept")
    elif re.search(r"with (?:an |the )?intercept", low):
        args["intercept"] = True
        changed.append("with intercept")


def _describe(low: str, args: dict, changed: list[str]) -> None:
    _confidence(low, args, changed)


CHANGERS = {"control_chart": _chart, "t_test": _t_test, "capability": _capability, "regression": _regression,
            "describe": _describe}
_DESIGN_METHODS = {"doe_effects": "effects", "doe_anova": "ANOVA", "rsm_fit": "response surface"}


def _design_analysis(low: str, last: dict) -> list[Intent] | None:
    """"now the ANOVA", "and the effects?", "fit the surface": the same responses of the same design, another
    method."""
    if re.search(r"\banova\b|analysis of variance", low):
        tool = "doe_anova"
    elif re.search(r"surface|stationary|optimum|second[\s-]*order|quadratic model", low):
        tool = "rsm_fit"
    elif re.search(r"effects?|lenth|half[\s-]*normal|active", low):
        tool = "doe_effects"
    else:
        return None
    response = last["args"].get("response")
    if tool == last["tool"] or not response:
        return None
    notes = [f"the previous analysis's responses, now analysed by {_DESIGN_METHODS[tool]}"]
    if last.get("uses"):
        return [Intent(tool, {"response": response}, uses=last["uses"], notes=notes)]
    factors = last["args"].get("factors")
    if not isinstance(factors, int):
        return None
    return [Intent("doe_design", {"design": "full_factorial", "factors": factors}, binding="d"),
            Intent(tool, {"response": response}, uses="d", notes=notes)]


def change_analysis(low: str, last: dict) -> list[Intent] | None:
    """The previous analysis with what `low` names changed, or another analysis of the same data ("and test
    whether the mean is 5" after a summary), or None when it names neither."""
    if last.get("tool") in _DESIGN_METHODS:
        return _design_analysis(low, last)
    changer = CHANGERS.get(last.get("tool", ""))
    if changer is not None:
        args = deepcopy(last["args"])
        changed: list[str] = []
        changer(low, args, changed)
        if changed:
            return [Intent(last["tool"], args, binding=last.get("binding"),
                           notes=["changed from the previous analysis: " + ", ".join(changed)])]
    return _same_data(low, last)


# the planner's own keys, and in a follow-up a bare "is 5?" too: the data are already known
_ONE_SAMPLE_KEYS = (*MU_KEYS, r"mean of", r"differs from", r"(?:is|equals|=)")


def _same_data(low: str, last: dict) -> list[Intent] | None:
    """One sample of data from the previous analysis, and a new method named for it."""
    args = last.get("args") or {}
    data = args.get("data") if last.get("tool") in ("describe", "normality", "capability") else \
        args.get("values") if last.get("tool") == "control_chart" and args.get("chart") == "imr" else \
        args.get("x") if last.get("tool") == "t_test" and args.get("kind") == "one_sample" else None
    if not data:
        return None
    note = ["the data of the previous question"]
    if re.search(r"t[\s-]*test|\btest\b|significan|differ|mean (?:is|equals|=|of)", low):
        mu = value_after(low, *_ONE_SAMPLE_KEYS)
        if mu is not None:
            return [Intent("t_test", {"kind": "one_sample", "x": data, "mu": mu, "alternative": "two-sided"},
                           notes=note)]
    if re.search(r"normal(?:ity|ly)?\b|shapiro|anderson", low):
        return [Intent("normality", {"data": data}, notes=note)]
    if re.search(r"control chart|in control|stable|individuals|i[\s-]*mr\b|run rules", low):
        return [Intent("control_chart", {"chart": "imr", "values": data,
                                         "rules": "nelson" if "nelson" in low else "western_electric"}, notes=note)]
    return None
