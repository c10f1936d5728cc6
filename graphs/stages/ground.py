"""GROUND: cited passages from the knowledge corpus, boosted by the question's mode.

Off-topic questions (mode "general") are not grounded: citing a DOE article
for "weather in Paris" would be noise dressed up as support.
"""

from __future__ import annotations

from graphs.trace import StageResult, traced

K = 4
MODE_BOOST = 1.25


def ground(question: str, mode: str, k: int = K) -> list[dict]:
    from knowledge import retrieve  # heavy (embeddings): imported only when a question needs it

    passages = retrieve(question, k=k * 2)
    ranked = sorted(
        passages,
        key=lambda p: p.score * (MODE_BOOST if mode in (p.topics or []) else 1.0),
        reverse=True,
    )[:k]
    return [
        {"text": p.text, "citation": p.citation, "source": p.source, "section": p.section,
         "score": round(float(p.score), 4), "topics": list(p.topics or [])}
        for p in ranked
    ]


@traced("GROUND")
def ground_stage(state: dict, config: dict | None = None) -> StageResult:
    mode = state.get("mode", "general")
    if mode == "general":
        return {"passages": []}, "not grounded (off-topic question)", {}
    try:
        passages = ground(state["question"], mode)
    except Exception as exc:  # retrieval is support, not the answer: degrade, and say so
        return ({"passages": []}, f"retrieval unavailable: {type(exc).__name__}: {exc}",
                {"error": f"{type(exc).__name__}: {exc}"})
    return (
        {"passages": passages},
        f"{len(passages)} passages: " + "; ".join(p["citation"] for p in passages[:3]),
        {"citations": [p["citation"] for p in passages], "scores": [p["score"] for p in passages]},
    )
