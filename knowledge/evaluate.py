"""Measured retrieval quality: recall@1, recall@5 and MRR over a labelled question set.

Each line of the eval file is `{"question": ..., "relevant": ["article.md", ...]}`.
Metrics are computed on passages, as the GROUND stage sees them:

- recall@k: the share of a question's relevant articles found among the sources of
  the top k passages, with the denominator min(#relevant, k) so a perfect system
  scores 1; averaged over questions.
- MRR: the mean of 1/rank of the first passage from a relevant article (0 when none
  is in the top 10).
"""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel, Field

from knowledge.retrieval import MODES, retrieve
from tools.errors import HavocInputError

DEFAULT_EVAL_FILE = Path(__file__).resolve().parent.parent / "tests" / "data" / "retrieval_eval.jsonl"
MRR_DEPTH = 10


class EvalItem(BaseModel):
    question: str
    relevant: list[str] = Field(min_length=1)


class Miss(BaseModel):
    question: str
    relevant: list[str]
    got: list[str]


class ModeScores(BaseModel):
    mode: str
    questions: int
    recall_at_1: float
    recall_at_5: float
    mrr: float
    misses_at_5: list[Miss] = Field(default_factory=list)


class EvalReport(BaseModel):
    file: str
    modes: list[ModeScores]

    def table(self) -> str:
        lines = [f"{'mode':<8} {'recall@1':>9} {'recall@5':>9} {'MRR':>7}  ({self.modes[0].questions if self.modes else 0} questions)"]
        for m in self.modes:
            lines.append(f"{m.mode:<8} {m.recall_at_1:>9.3f} {m.recall_at_5:>9.3f} {m.mrr:>7.3f}")
        return "\n".join(lines)


def load_eval(path: Path) -> list[EvalItem]:
    try:
        raw = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise HavocInputError(f"cannot read: {exc.strerror or exc}", field=str(path)) from None
    items: list[EvalItem] = []
    for number, line in enumerate(raw.splitlines(), 1):
        if not line.strip():
            continue
        try:
            items.append(EvalItem.model_validate(json.loads(line)))
        except (json.JSONDecodeError, ValueError) as exc:
            reason = str(exc).splitlines()[0]
            raise HavocInputError(f"line {number}: {reason}", field=str(path)) from None
    if not items:
        raise HavocInputError("has no questions", field=str(path))
    return items


def _recall(relevant: set[str], sources: list[str], k: int) -> float:
    return len(relevant & set(sources[:k])) / min(len(relevant), k)


def score_mode(items: list[EvalItem], mode: str) -> ModeScores:
    r1 = r5 = rr = 0.0
    misses: list[Miss] = []
    for item in items:
        relevant = set(item.relevant)
        sources = [p.source for p in retrieve(item.question, k=MRR_DEPTH, mode=mode)]
        r1 += _recall(relevant, sources, 1)
        r5 += _recall(relevant, sources, 5)
        rank = next((i for i, s in enumerate(sources, 1) if s in relevant), None)
        rr += 1.0 / rank if rank else 0.0
        if not relevant & set(sources[:5]):
            misses.append(Miss(question=item.question, relevant=item.relevant, got=sources[:5]))
    n = len(items)
    return ModeScores(
        mode=mode, questions=n, recall_at_1=r1 / n, recall_at_5=r5 / n, mrr=rr / n, misses_at_5=misses
    )


def evaluate(path: Path | None = None, modes: tuple[str, ...] = ("vector", "lexical", "hybrid")) -> EvalReport:
    """Scores for each retrieval mode on the labelled questions in `path`."""
    path = path or DEFAULT_EVAL_FILE
    for mode in modes:
        if mode not in MODES:
            raise HavocInputError(f"must be one of {', '.join(MODES)}", field="mode")
    items = load_eval(path)
    return EvalReport(file=str(path), modes=[score_mode(items, m) for m in modes])
