"""BM25 over the stored passages: the exact-term half of hybrid retrieval.

Users type terms the embedding model has barely seen ("Cpk", "Box-Behnken",
"Lenth", "np chart"); a lexical score finds those where a vector search drifts.
Okapi BM25 with the usual k1 = 1.5, b = 0.75; the tokenizer folds case, splits
on anything that is not a letter or digit, drops a short stop list and strips a
plural "s", which is all the stemming short technical queries need.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

K1 = 1.5
B = 0.75

_TOKEN = re.compile(r"[a-z0-9]+")
_STOP = frozenset(
    """a an and are as at be by can do does for from how i if in into is it its me my of on or our should
    so than that the their them then there these this to use used using was we what when where which
    who why will with would you your get got want need tell about between vs versus""".split()  # noqa: SIM905 (a word list reads better as text)
)
# Spellings users type that mean the same thing; both sides are folded to the first word.
_SYNONYMS = {
    "xbar": ["x", "bar"],
    "imr": ["i", "mr"],
    "randomization": ["randomisation"],
    "randomize": ["randomise"],
    "normalization": ["normalisation"],
}


def _fold(text: str) -> str:
    """Lowercase ASCII: x̄ becomes x, Tukey's stays tukey s."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()


def _stem(token: str) -> str:
    if len(token) > 6 and token.endswith("ly"):  # normally -> normal, randomly -> random
        return token[:-2]
    if len(token) > 4 and token.endswith("ies"):
        return token[:-3] + "y"
    if len(token) > 3 and token.endswith("s") and not token.endswith(("ss", "us", "is")):
        return token[:-1]
    return token


def tokenize(text: str) -> list[str]:
    out: list[str] = []
    for raw in _TOKEN.findall(_fold(text)):
        for token in _SYNONYMS.get(raw, [raw]):
            if token not in _STOP:
                out.append(_stem(token))
    return out


@dataclass
class BM25Index:
    """An immutable index; rebuilt (cheaply) when the store's generation changes."""

    ids: list[str]
    lengths: list[int] = field(default_factory=list)
    postings: dict[str, list[tuple[int, int]]] = field(default_factory=dict)
    avg_length: float = 0.0

    @classmethod
    def build(cls, ids: Sequence[str], texts: Sequence[str]) -> BM25Index:
        index = cls(ids=list(ids))
        for doc, text in enumerate(texts):
            counts = Counter(tokenize(text))
            index.lengths.append(sum(counts.values()))
            for term, tf in counts.items():
                index.postings.setdefault(term, []).append((doc, tf))
        index.avg_length = (sum(index.lengths) / len(index.lengths)) if index.lengths else 0.0
        return index

    def __len__(self) -> int:
        return len(self.ids)

    def idf(self, term: str) -> float:
        df = len(self.postings.get(term, ()))
        n = len(self.ids)
        return math.log(1.0 + (n - df + 0.5) / (df + 0.5))

    def search(self, query: str, n: int, allowed: set[int] | None = None) -> list[tuple[int, float]]:
        """(document position, score) for the n best documents with a positive score."""
        scores: dict[int, float] = {}
        for term in set(tokenize(query)):
            postings = self.postings.get(term)
            if not postings:
                continue
            idf = self.idf(term)
            for doc, tf in postings:
                if allowed is not None and doc not in allowed:
                    continue
                norm = tf + K1 * (1 - B + B * self.lengths[doc] / (self.avg_length or 1.0))
                scores[doc] = scores.get(doc, 0.0) + idf * tf * (K1 + 1) / norm
        ranked = sorted(scores.items(), key=lambda item: (-item[1], item[0]))
        return ranked[:n]
