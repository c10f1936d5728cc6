"""Cut documents into passages small enough to embed well and large enough to cite.

Markdown is cut at headings first, because a heading is the author's own unit of
meaning and gives each passage a section to cite; a section too long for the
embedding model (MiniLM reads 256 word pieces) is cut again at paragraphs, then
sentences, with a little overlap so a sentence that straddles a cut is still found.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_CHARS = 1100
OVERLAP_CHARS = 150
MIN_CHARS = 160

_HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")
_FENCE = re.compile(r"^\s*(```|~~~)")
_SENTENCE_END = re.compile(r"(?<=[.!?;:])\s+")


@dataclass(frozen=True)
class Chunk:
    text: str
    section: str


def _tail(text: str, size: int) -> str:
    """The last `size` characters, starting at a word boundary."""
    if len(text) <= size:
        return text
    cut = text[-size:]
    space = cut.find(" ")
    return cut[space + 1 :] if 0 <= space < size // 2 else cut


def _pieces(paragraph: str, max_chars: int) -> list[str]:
    """A paragraph longer than the cap, as sentence-aligned pieces (hard cuts as a last resort)."""
    if len(paragraph) <= max_chars:
        return [paragraph]
    out: list[str] = []
    current = ""
    for sentence in _SENTENCE_END.split(paragraph):
        while len(sentence) > max_chars:
            head, sentence = sentence[:max_chars], sentence[max_chars:]
            if current:
                out.append(current)
                current = ""
            out.append(head)
        if current and len(current) + 1 + len(sentence) > max_chars:
            out.append(current)
            current = sentence
        else:
            current = f"{current} {sentence}".strip()
    if current:
        out.append(current)
    return out


def split_text(text: str, max_chars: int = MAX_CHARS, overlap: int = OVERLAP_CHARS) -> list[str]:
    """Paragraph-packed pieces of at most about `max_chars`, each starting with the previous one's tail."""
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]
    units: list[str] = []
    for paragraph in paragraphs:
        units.extend(_pieces(paragraph, max_chars - overlap))
    packed: list[str] = []
    current = ""
    for unit in units:
        if current and len(current) + 2 + len(unit) > max_chars - overlap:
            packed.append(current)
            current = unit
        else:
            current = f"{current}\n\n{unit}" if current else unit
    if current:
        packed.append(current)
    if overlap <= 0 or len(packed) < 2:
        return packed
    return [packed[0]] + [f"… {_tail(prev, overlap)}\n\n{cur}" for prev, cur in zip(packed, packed[1:], strict=False)]


def _sections(body: str) -> list[tuple[str, str]]:
    """(section label, text) pairs in document order; headings inside code fences are text."""
    sections: list[tuple[str, str]] = []
    stack: list[tuple[int, str]] = []
    lines: list[str] = []
    in_fence = False

    def label() -> str:
        names = [name for level, name in stack if level >= 2]
        return " › ".join(names[-2:]) if names else "Overview"

    def flush() -> None:
        text = "\n".join(lines).strip()
        if text:
            sections.append((label(), text))
        lines.clear()

    for line in body.splitlines():
        if _FENCE.match(line):
            in_fence = not in_fence
        match = None if in_fence else _HEADING.match(line)
        if match:
            flush()
            level = len(match.group(1))
            stack = [(lv, name) for lv, name in stack if lv < level]
            stack.append((level, match.group(2).strip()))
        else:
            lines.append(line)
    flush()
    return sections


def chunk_markdown(body: str, max_chars: int = MAX_CHARS, overlap: int = OVERLAP_CHARS) -> list[Chunk]:
    """Passages of a markdown body, each labelled with the heading it sits under.

    A section shorter than `MIN_CHARS` (a one-line `Sources:` note, say) joins the
    passage before it: on its own it would be a near-empty hit in search results.
    The joined text keeps its own heading as a lead-in, because the passage is cited
    by the first section's name and a reader must still see where the rest came from.
    """
    chunks: list[Chunk] = []
    for section, text in _sections(body):
        if chunks and len(text) < MIN_CHARS and len(chunks[-1].text) + len(text) + 2 <= max_chars + MIN_CHARS:
            heading = section.rsplit(" › ", 1)[-1] if section and section != chunks[-1].section else ""
            joined = f"{heading}:\n{text}" if heading else text
            chunks[-1] = Chunk(text=f"{chunks[-1].text}\n\n{joined}", section=chunks[-1].section)
            continue
        for piece in split_text(text, max_chars, overlap):
            chunks.append(Chunk(text=piece, section=section))
    return chunks


def chunk_plain(text: str, section: str = "", max_chars: int = MAX_CHARS, overlap: int = OVERLAP_CHARS) -> list[Chunk]:
    return [Chunk(text=piece, section=section) for piece in split_text(text, max_chars, overlap)]
