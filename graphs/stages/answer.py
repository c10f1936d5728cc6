"""ANSWER: the markdown a user reads — conclusion, tables, confidence, caveats, citations.

Numbers come only from tool results (graphs/render.py). A configured chat model
may add a short narrative paragraph, clearly separated; it is never asked for,
or allowed to introduce, a number.
"""

from __future__ import annotations

import re

from graphs.confidence import calibrated_confidence
from graphs.reading import reading_failures, reading_sentence
from graphs.render import render_result
from graphs.state import Answer
from graphs.trace import StageResult, traced

CAPABILITIES = """I can't compute an answer to that. HAVOC answers questions about:

- **Design of experiments**: full and fractional factorials, Plackett–Burman, Box–Behnken, central composite,
  Latin hypercube; effects, ANOVA and response surfaces of your results.
- **Statistical process control**: X̄–R, X̄–S, I–MR, p, np, c and u charts with Western Electric and Nelson
  rules; capability (Cp, Cpk, Pp, Ppk, Cpm); control-chart constants.
- **Statistics**: summaries, t-tests, one- and two-way ANOVA, chi-square, normality and variance tests,
  rank tests, proportions, McNemar, regression, power and sample size.
- **Calculus and algebra**: derivatives, integrals, equations, limits, series and sums, simplification,
  matrices, critical points and extremes.

Try: `Design a Box-Behnken DOE for temperature, pressure and time`, `Is this process capable? LSL 9.8,
USL 10.2, data: …`, or `What is the derivative of x^3 sin x`."""


def _narrative(model, question: str, conclusion: str) -> str | None:
    from langchain_core.messages import HumanMessage, SystemMessage

    try:
        reply = model.invoke([
            SystemMessage("Explain the result below to the user in two or three sentences. Do not state any "
                          "number that is not in the result."),
            HumanMessage(f"Question: {question}\nResult: {conclusion}"),
        ])
    except Exception:
        return None
    text = reply.content if isinstance(reply.content, str) else ""
    allowed = set(re.findall(r"\d+(?:\.\d+)?", conclusion + question))
    if any(n not in allowed for n in re.findall(r"\d+(?:\.\d+)?", text)):
        return None  # the model introduced a number: drop its paragraph rather than risk it
    return text.strip() or None


EXPLAINED_PASSAGES = 2
# two numbers or more ("power 0.8 to detect 0.5 with sd 1", "62 heads out of 100"): a computation was asked for
_NUMBERS = re.compile(r"(?<![\w.])\d+(?:\.\d+)?")
# a maths expression in the question ("x^2 y", "3x + 2 = 7", "sin(x)", "∂f/∂y"): quoting an article's worked
# example would read like an answer to it, so such a question gets an honest "I can't compute that" instead
_EXPRESSION = re.compile(r"[a-z)]\s*\^\s*[\d(a-z]|\b\d+\s*[a-z]\s*[-+*/=^]|[a-z]\s*=\s*-?\d|\b(?:sin|cos|tan|exp|ln|log|sqrt)"
                         r"\s*\(|[∫∂√]", re.I)


# An explanation reads best from what a method is for, then how to read it; mistakes and examples last.
_SECTION_ORDER = ("When to use it", "How to read the result", "Formulas", "Assumptions", "Worked example",
                  "Common mistakes")


def _explanation_order(passages: list[dict]) -> list[dict]:
    """The best-ranked article first, its sections in reading order; other articles after, as ranked."""
    top = passages[0]["source"]

    def key(item: tuple[int, dict]) -> tuple[int, int, int]:
        rank, p = item
        section = _SECTION_ORDER.index(p["section"]) if p["section"] in _SECTION_ORDER else len(_SECTION_ORDER)
        return (0, section, rank) if p["source"] == top else (1, rank, 0)

    return [p for _, p in sorted(enumerate(passages), key=key)]


def _explain_from_corpus(question: str, passages: list[dict]) -> Answer:
    """A domain question with nothing to compute ("what is a p-value?", "explain Box-Behnken"): quote the
    best passages GROUND found, cited, and say that nothing was computed. A question that carries data
    but no computation we know ("Hotelling T² chart of 5, 6, 7 ...") gets the same passages as related reading,
    after an honest "I can't compute that"."""
    from graphs.planning.nl import carries_data

    shown = _explanation_order(passages)[:EXPLAINED_PASSAGES]
    if carries_data(question) or _EXPRESSION.search(question) or len(_NUMBERS.findall(question)) >= 2:
        md = [CAPABILITIES, "", "## Related reading", ""] + [f"- {p['citation']}" for p in shown]
        return Answer(markdown="\n".join(md) + "\n", confidence=0.0, status="refused",
                      caveats=["no computation was planned for this data"], citations=[p["citation"] for p in shown])
    md = ["## From the knowledge base", "",
          "Nothing was computed: this reads as a request for an explanation, so here is what HAVOC's "
          "reference articles say. Give data or factors to have it computed.", ""]
    for p in shown:
        md += [f"### {p['citation']}", "", p["text"].strip(), ""]
    md += ["**Confidence:** 0.00 (nothing computed; quoted from the sources below)", "",
           "## Sources", ""] + [f"- {p['citation']}" for p in shown]
    return Answer(markdown="\n".join(md).strip() + "\n", confidence=0.0,
                  caveats=["an explanation quoted from the knowledge base; nothing was computed"],
                  citations=[p["citation"] for p in shown])


def compose(state: dict, model=None) -> Answer:
    results = [r for r in state.get("results") or [] if r.get("output") is not None]
    plan = state.get("plan") or {}
    decision = state.get("decision") or {}
    caveats: list[str] = []
    citations = [p["citation"] for p in state.get("passages") or []]
    if state.get("plan_error"):
        return Answer(markdown=f"**I could not plan this:** {state['plan_error']}", confidence=0.0, status="refused",
                      caveats=[state["plan_error"]], citations=[])
    if not plan or not results:
        error = state.get("execution_error")
        if error:
            md = f"**I could not compute this:** {error}\n\nThe plan was:\n\n```havoc\n{plan.get('program', '')}\n```"
            return Answer(markdown=md, confidence=0.0, caveats=[error], citations=citations, status="refused")
        passages = state.get("passages") or []
        if passages and state.get("mode", "general") != "general":
            return _explain_from_corpus(state["question"], passages)
        return Answer(markdown=CAPABILITIES, confidence=0.0, caveats=["no computation was planned"], citations=[],
                      status="refused")

    parts = []
    conclusions = []
    for r in results:
        conclusion, body = render_result(r["tool"], r["args"], r["output"])
        if conclusion:
            conclusions.append(conclusion)
        parts.append(body)
    reading = reading_sentence(results)
    checks = state.get("audit_checks") or []
    misread = reading_failures(checks)
    md = [f"*{_markdown_text(reading)}*", ""] if reading else []
    if misread:
        md = [f"**I may have misread this question:** {'; '.join(misread)}. What I computed is below, but it may "
              "answer a different question: say what you meant (or write the plan in HAVOC's DSL) and ask again.",
              "", *md]
    md += ["## Answer", "", " ".join(conclusions) or f"Result of {results[-1]['tool']}:", ""]
    if model is not None:
        story = _narrative(model, state["question"], " ".join(conclusions))
        if story:
            md += [f"> {story}", ""]
    md += [p for part in parts for p in (part, "")]
    if decision.get("rationale"):
        md += ["## Decision", "", decision["rationale"], ""]
    alternatives = state.get("alternatives") or []
    if alternatives:
        md += ["Alternatives computed side by side:", ""] + [f"- {a['summary']}" for a in alternatives] + [""]
    arguments = state.get("arguments") or []
    if arguments:
        md += ["## Checks", ""] + [f"- **{a['stance']}** ({a['topic']}): {a['text']}" for a in arguments] + [""]
        caveats += [a["text"] for a in arguments if a["stance"] == "con"]
    passed = state.get("audit_passed", False)
    reading_checks = [c for c in checks if c.get("tool") == "reading"]
    checks = [c for c in checks if c.get("tool") != "reading"]
    if checks or reading_checks:
        n_ok = sum(c["passed"] for c in checks)
        undecided = sum(bool(c.get("inconclusive")) for c in checks)
        decided = len(checks) - undecided
        md += ["## Audit", ""]
        if checks:
            md += [f"{n_ok} of {decided} independent checks passed"
                   + (f" ({undecided} could not decide)" if undecided else "")
                   + ("." if passed else ": **the audit failed**, treat the result with suspicion."), ""]
        md += [f"- {'?' if c.get('inconclusive') else '✓' if c['passed'] else '✗'} {c.get('tool', '')} {c['name']}: "
               f"{c['detail']}" for c in checks + reading_checks] + [""]
        if undecided:
            caveats.append(f"{undecided} audit check(s) could not decide: " + "; ".join(
                c["detail"] for c in checks if c.get("inconclusive")))
    if state.get("unaudited"):
        caveats.append("no independent check exists for: " + ", ".join(sorted(set(state["unaudited"]))))
    if not passed and checks:
        caveats.append("the independent audit did not pass")
    if misread:
        caveats.insert(0, "the reading audit found part of the question not covered: " + "; ".join(misread))
    caveats += plan.get("notes") or []
    conf, _ = calibrated_confidence(state)
    md += ["## Plan", "", f"Planner: {plan.get('planner')}", "", "```havoc", plan.get("program", ""), "```", ""]
    md += [f"**Confidence:** {conf:.2f}", ""]
    if caveats:
        md += ["## Caveats", ""] + [f"- {c}" for c in caveats] + [""]
    if citations:
        md += ["## Sources", ""] + [f"- {c}" for c in citations] + [""]
    missing = _nothing_to_give(results, state.get("question", ""))
    if missing:
        # "find x, y and z" of an inconsistent system, "the two-sided limit" where the sides part: the question
        # presupposes a value that does not exist, so the answer says that instead of giving one
        md = [f"**There is no value to give:** {missing}. The question assumes there is one: check the statement "
              "(or the data) and ask again.", "", *md]
        return Answer(markdown="\n".join(md).strip() + "\n", confidence=0.0, caveats=[missing, *caveats],
                      citations=citations, reading=reading, status="refused")
    return Answer(markdown="\n".join(md).strip() + "\n", confidence=round(conf, 3), caveats=caveats,
                  citations=citations, reading=reading, status="unsure" if misread else "answered")


def _nothing_to_give(results: list[dict], question: str) -> str | None:
    """Why the one result computed says the value asked for does not exist, or None (also when the question asks
    whether it exists: "does the limit exist?", "is the system consistent?" are answered by no)."""
    if len(results) != 1 or re.search(r"\bexists?\b|\bconverge|\bdiverge|\bconsistent\b|\bany solutions?\b|"
                                         r"\bhow many solutions\b|\bhave (?:a|one|no) solution", question, re.I):
        return None
    tool, out = results[0]["tool"], results[0]["output"]
    if tool == "solve" and out.get("kind") == "equations" and out.get("count") == 0 and out.get("solutions") == [] \
            and len(out.get("equations") or []) >= 2:
        return "the equations have no common solution (they contradict each other)"
    if tool == "limit" and out.get("exists") is False and out.get("left") is not None and out.get("right") is not None:
        return f"the two-sided limit does not exist (from the left {out['left']}, from the right {out['right']})"
    return None


@traced("ANSWER")
def answer_stage(state: dict, config: dict | None = None) -> StageResult:
    model = (config or {}).get("configurable", {}).get("model")
    answer = compose(state, model)
    history_entry = {"question": state["question"], "intents": state.get("intents") or [],
                     "program": (state.get("plan") or {}).get("program")}
    return ({"answer": answer.model_dump(), "history": [history_entry]},
            f"confidence {answer.confidence:.2f}, {len(answer.citations)} citation(s)",
            {"caveats": answer.caveats, "citations": answer.citations})


def _markdown_text(text: str) -> str:
    """Plain text inside markdown: an expression's * or _ must not end the italics or start new ones."""
    return re.sub(r"([\\*_`\[\]])", r"\\\1", text)
