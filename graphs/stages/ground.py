"""GROUND: cited passages from the knowledge corpus, from the question's mode first.

Off-topic questions (mode "general") are not grounded: citing a DOE article
for "weather in Paris" would be noise dressed up as support.
"""

from __future__ import annotations

import re

from graphs.trace import StageResult, traced

K = 4


def search_text(question: str) -> str:
    """The words of the question: pasted data (numbers, lists, tables) only adds noise to retrieval."""
    text = re.sub(r"\[[^\[\]]*(?:\[[^\[\]]*\][^\[\]]*)*\]", " ", question)
    text = re.sub(r"[-+]?\d+(?:[.,]\d+)*(?:[eE][-+]?\d+)?", " ", text)
    text = re.sub(r"[,;:=]+(?:\s*[,;:=]+)*", " ", text)
    return " ".join(text.split()) or question


def ground(question: str, mode: str, k: int = K) -> list[dict]:
    """Passages of the question's mode first; the rest of the corpus fills any gap."""
    from knowledge import retrieve  # heavy (embeddings): imported only when a question needs it

    query = search_text(question)
    passages = retrieve(query, k=k, where={"topic": mode})
    if len(passages) < k:
        seen = {p.chunk_id for p in passages}
        passages += [p for p in retrieve(query, k=k * 2) if p.chunk_id not in seen][:k - len(passages)]
    ranked = passages[:k]
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
