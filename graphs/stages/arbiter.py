"""ARBITER: choose among the computed alternatives, say why, and state a confidence.

The choice rules are the textbook ones: Welch over Student when Levene rejects
equal variances (or Student only when the user asked for it and the variances
agree); Kruskal–Wallis over ANOVA when the residuals fail normality and a
group is small (n < 15); otherwise the method asked for. For designs, the design
the user asked for stands; the alternative is reported for comparison.

Confidence (documented in docs/agent.md, reproduced here because it is law):

    confidence = 0.2·m + 0.3·p + 0.5·a

    m = MODE's confidence in the question's kind, in [0, 1]
    p = trust in the planner: user DSL 1.0, chat model 0.85 (checked), NL parser 0.9
    a = (pros + 1) / (pros + cons + 2), the Laplace-smoothed share of assumption
        checks that came out in favour (ARGUE's pro and con arguments; notes don't count)

AUDIT then halves it if the independent recomputation failed. A question with
no computation has confidence 0.
"""

from __future__ import annotations

from graphs.render import design_title
from graphs.state import Decision
from graphs.trace import StageResult, traced

PLANNER_TRUST = {"user_dsl": 1.0, "chat_model": 0.85, "nl_parser": 0.9, "none": 0.0}
SMALL_GROUP = 15


def confidence(mode_confidence: float, planner: str, pros: int, cons: int) -> tuple[float, dict[str, float]]:
    m = float(mode_confidence)
    p = PLANNER_TRUST.get(planner, 0.0)
    a = (pros + 1) / (pros + cons + 2)
    return round(0.2 * m + 0.3 * p + 0.5 * a, 3), {"m": round(m, 3), "p": p, "a": round(a, 3)}


def _failed(arguments: list[dict], topic: str) -> bool:
    return any(a["topic"] == topic and a["stance"] == "con" for a in arguments)


def choose(results: list[dict], arguments: list[dict], alternatives: list[dict]) -> tuple[str, str]:
    """(chosen method, rationale)."""
    if not results:
        return "none", "nothing was computed"
    main = results[-1]
    tool, args = main["tool"], main["args"]
    if tool == "t_test" and args.get("kind") in ("welch", "pooled"):
        unequal = _failed(arguments, "equal variance")
        if args["kind"] == "pooled" and unequal:
            return "welch", "Levene's test rejects equal variances, so Welch's t-test (the alternative) is chosen"
        if args["kind"] == "welch":
            return "welch", ("Welch's t-test does not assume equal variances and loses almost nothing when they "
                             "are equal" + ("; Levene confirms they differ" if unequal else ""))
        return "pooled", "pooled (Student) t-test as asked; Levene finds no evidence of unequal variances"
    if tool == "anova_oneway":
        small = min((len(g) for g in args.get("groups") or [[0]]), default=0) < SMALL_GROUP
        if _failed(arguments, "normality") and small:
            return "kruskal_wallis", ("residuals depart from normality and groups are small, so the rank-based "
                                      "Kruskal–Wallis test is the safer reading; ANOVA shown for comparison")
        if args.get("welch"):
            return "welch_anova", "Welch's one-way ANOVA, as asked: it does not assume equal variances" + (
                " (Kruskal–Wallis agrees)" if any(a["name"] == "kruskal_wallis" for a in alternatives) else "")
        return "anova_oneway", "one-way ANOVA: its assumptions hold" + (
            " (Kruskal–Wallis agrees)" if any(a["name"] == "kruskal_wallis" for a in alternatives) else "")
    if tool == "doe_design":
        design = args.get("design", "design")
        alt = "; ".join(a["summary"] for a in alternatives)
        return design, f"{design_title(design)} design, as asked" + (f"; for comparison: {alt}" if alt else "")
    if tool == "capability" and _failed(arguments, "stability"):
        return tool, "capability reported, but the process is not in control: fix stability first"
    return tool, f"{tool.replace('_', ' ')} is the method for this question"


@traced("ARBITER")
def arbiter_stage(state: dict, config: dict | None = None) -> StageResult:
    results = [r for r in state.get("results") or [] if r.get("output") is not None]
    arguments = state.get("arguments") or []
    alternatives = state.get("alternatives") or []
    plan = state.get("plan") or {}
    if not results:
        decision = Decision(chosen="none", rationale="nothing was computed", confidence=0.0)
        return {"decision": decision.model_dump()}, "no result to arbitrate", {}
    chosen, rationale = choose(results, arguments, alternatives)
    pros = sum(a["stance"] == "pro" for a in arguments)
    cons = sum(a["stance"] == "con" for a in arguments)
    conf, terms = confidence(state.get("mode_confidence", 0.5), plan.get("planner", "none"), pros, cons)
    decision = Decision(chosen=chosen, rationale=rationale, confidence=conf, confidence_terms=terms)
    return {"decision": decision.model_dump()}, f"{chosen} (confidence {conf:.2f})", decision.model_dump()
