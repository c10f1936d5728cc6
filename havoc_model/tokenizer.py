"""HAVOC's tokenizer: SentencePiece BPE tuned for mathematical text.

Choices, and why:
- byte fallback, so no input is ever `<unk>` and every string round-trips;
- digits split one per token, so the model sees numbers positionally rather
  than as arbitrary merges ("2024" and "2025" share three tokens);
- identity normalisation, no dummy prefix and no whitespace collapsing, so
  `decode(encode(s)) == s` exactly (indentation and blank lines matter in
  markdown tables and DSL programs);
- mathematical symbols (σ, μ, ±, ≤, ∑, ∫, ...) are whole pieces, so a rare
  symbol is one token, not three bytes;
- the chat roles are control tokens: they are only ever produced by
  `apply_chat_template`, never by encoding user text, so a user typing
  "<|system|>" cannot forge a role switch.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import random
import tempfile
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import sentencepiece as spm

from havoc_model.errors import ModelInputError
from havoc_model.text_sources import collect_files, iter_records, record_texts

MODEL_FILE = "tokenizer.model"
META_FILE = "tokenizer.json"

PAD, UNK, BOS, EOS = "<pad>", "<unk>", "<s>", "</s>"
CHAT_TOKENS = ("<|system|>", "<|user|>", "<|assistant|>", "<|tool_call|>", "<|tool_result|>", "<|end|>")
ROLE_TOKENS = {
    "system": "<|system|>",
    "user": "<|user|>",
    "assistant": "<|assistant|>",
    "tool_call": "<|tool_call|>",
    "tool": "<|tool_result|>",
    "tool_result": "<|tool_result|>",
}
DOMAIN_SYMBOLS = (
    "\n", "\t",
    "σ", "μ", "±", "≤", "≥", "≠", "≈", "∑", "∏", "∫", "√", "∂", "∞", "∇", "∈", "∉", "⊂", "∪", "∩",
    "→", "⇒", "⇔", "×", "÷", "·", "°", "²", "³", "¹", "⁻", "₀", "₁", "₂", "ᵢ",
    "α", "β", "γ", "δ", "ε", "η", "θ", "κ", "λ", "ν", "π", "ρ", "τ", "φ", "χ", "ψ", "ω",
    "Δ", "Σ", "Φ", "Ω", "Γ", "Λ", "x̄", "p̂", "R̄",
)  # fmt: skip
_SPACE_MARK = "\u2581"  # SentencePiece's visible space; a literal one in user text is sent as bytes
MIN_VOCAB = 512
MAX_SENTENCE_BYTES = 8192


@dataclass(frozen=True)
class TokenizerTrainReport:
    """What `tokenizer train` did, for the CLI's summary and `--json`."""

    model_path: str
    vocab_size: int
    files: int
    sentences: int
    sha256: str
    special_ids: dict[str, int]

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


class HavocTokenizer:
    """A loaded SentencePiece model plus HAVOC's special-token conventions."""

    def __init__(self, proto: bytes, *, source: str = "<memory>") -> None:
        self._proto = proto
        self.source = source
        self.sp = spm.SentencePieceProcessor()
        try:
            self.sp.LoadFromSerializedProto(proto)
        except Exception as exc:  # sentencepiece raises bare RuntimeError/OSError on garbage
            raise ModelInputError(f"tokenizer: {source} is not a SentencePiece model ({exc})") from None
        self.pad_id = self.sp.pad_id()
        self.unk_id = self.sp.unk_id()
        self.bos_id = self.sp.bos_id()
        self.eos_id = self.sp.eos_id()
        self.special_ids: dict[str, int] = {}
        for piece in CHAT_TOKENS:
            pid = self.sp.piece_to_id(piece)
            if pid == self.unk_id:
                raise ModelInputError(f"tokenizer: {source} lacks the chat token {piece}; retrain it")
            self.special_ids[piece] = pid
        self.end_id = self.special_ids["<|end|>"]
        self._control_ids = frozenset(
            i for i in range(self.sp.get_piece_size()) if self.sp.is_control(i) or self.sp.is_unknown(i)
        )
        self._space_bytes = [self.sp.piece_to_id(f"<0x{b:02X}>") for b in _SPACE_MARK.encode("utf-8")]

    # loading / saving ---------------------------------------------------------------------------

    @classmethod
    def load(cls, path: str | Path) -> HavocTokenizer:
        """Load from a `tokenizer.model` file or a directory (checkpoint, data dir) holding one."""
        p = Path(path)
        if p.is_dir():
            p = p / MODEL_FILE
        if not p.is_file():
            raise ModelInputError(f"tokenizer: {p} not found")
        return cls(p.read_bytes(), source=str(p))

    def save(self, path: str | Path) -> Path:
        """Write the model file (into `path` if it is a directory), atomically."""
        p = Path(path)
        if p.is_dir():
            p = p / MODEL_FILE
        _atomic_write(p, self._proto)
        return p

    @property
    def proto(self) -> bytes:
        return self._proto

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self._proto).hexdigest()

    @property
    def vocab_size(self) -> int:
        return self.sp.get_piece_size()

    def __len__(self) -> int:
        return self.vocab_size

    # encoding -----------------------------------------------------------------------------------

    def encode(self, text: str, *, add_bos: bool = False, add_eos: bool = False) -> list[int]:
        """Token ids of `text`; exact inverse of `decode` for every str without lone surrogates."""
        if not isinstance(text, str):
            raise ModelInputError(f"text: expected a string, got {type(text).__name__}")
        ids: list[int] = [self.bos_id] if add_bos else []
        parts = text.split(_SPACE_MARK)
        for i, part in enumerate(parts):
            if i:
                ids.extend(self._space_bytes)
            if part:
                ids.extend(self.sp.encode(part))
        if add_eos:
            ids.append(self.eos_id)
        return ids

    def encode_batch(self, texts: Sequence[str], *, num_threads: int = 1) -> list[list[int]]:
        """Many texts at once (SentencePiece's batched path, far faster than a Python loop)."""
        if any(_SPACE_MARK in t for t in texts):
            return [self.encode(t) for t in texts]
        return [list(ids) for ids in self.sp.encode(list(texts), num_threads=num_threads)]

    def decode(self, ids: Iterable[int], *, skip_special: bool = True) -> str:
        """Text of `ids`; with `skip_special=False` control tokens appear as their names."""
        ids = [int(i) for i in ids]
        n = self.vocab_size
        for i in ids:
            if not 0 <= i < n:
                raise ModelInputError(f"ids: token id {i} is outside the vocabulary (size {n})")
        if skip_special:
            return self.sp.decode([i for i in ids if i not in self._control_ids])
        out: list[str] = []
        run: list[int] = []
        for i in ids:
            if i in self._control_ids:
                if run:
                    out.append(self.sp.decode(run))
                    run = []
                out.append(self.sp.id_to_piece(i))
            else:
                run.append(i)
        if run:
            out.append(self.sp.decode(run))
        return "".join(out)

    def id_to_piece(self, token_id: int) -> str:
        return self.sp.id_to_piece(int(token_id))

    def piece_to_id(self, piece: str) -> int:
        return self.sp.piece_to_id(piece)

    def is_special(self, token_id: int) -> bool:
        return int(token_id) in self._control_ids

    # chat ---------------------------------------------------------------------------------------

    def apply_chat_template(
        self, messages: Sequence[Mapping[str, Any]], *, add_generation_prompt: bool = False, add_bos: bool = True
    ) -> list[int]:
        """Token ids of a conversation.

        Layout: `<s>` then, per message, its role token, the content and
        `<|end|>`. Roles: system, user, assistant, tool (rendered as
        `<|tool_result|>`) and tool_call. An assistant message may carry
        `tool_calls` (a list of JSON objects): each becomes its own
        `<|tool_call|>{json}<|end|>` segment after the assistant's text.
        `add_generation_prompt` appends `<|assistant|>` so the model answers next.
        """
        ids: list[int] = [self.bos_id] if add_bos else []
        for index, message in enumerate(messages):
            role = message.get("role")
            if role not in ROLE_TOKENS:
                raise ModelInputError(f"messages[{index}].role: unknown role {role!r}")
            content = message.get("content") or ""
            if not isinstance(content, str):
                raise ModelInputError(f"messages[{index}].content: expected a string")
            calls = message.get("tool_calls") or []
            if content or not calls:
                ids.append(self.special_ids[ROLE_TOKENS[role]])
                ids.extend(self.encode(content))
                ids.append(self.end_id)
            for call in calls:
                ids.append(self.special_ids["<|tool_call|>"])
                text = call if isinstance(call, str) else json.dumps(call, ensure_ascii=False, sort_keys=True)
                ids.extend(self.encode(text))
                ids.append(self.end_id)
        if add_generation_prompt:
            ids.append(self.special_ids["<|assistant|>"])
        return ids


# training ---------------------------------------------------------------------------------------


def train_tokenizer(
    inputs: Sequence[str | Path],
    vocab_size: int,
    out_dir: str | Path,
    *,
    max_sentences: int = 2_000_000,
    seed: int = 0,
    extra_symbols: Sequence[str] = (),
) -> TokenizerTrainReport:
    """Train the BPE model on text/markdown/JSONL inputs and write `out_dir/tokenizer.model`.

    Inputs are streamed paragraph by paragraph; past `max_sentences`
    paragraphs a seeded reservoir sample keeps memory bounded on any corpus.
    """
    if not isinstance(vocab_size, int) or vocab_size < MIN_VOCAB:
        raise ModelInputError(f"vocab_size: must be an integer ≥ {MIN_VOCAB} (256 byte pieces are reserved)")
    if vocab_size > 1 << 20:
        raise ModelInputError("vocab_size: must be at most 1048576")
    files = collect_files(inputs, field="input")
    sentences = _reservoir(_iter_paragraphs(files), max_sentences, seed)
    if not sentences:
        raise ModelInputError("input: the inputs contain no text")
    symbols = list(dict.fromkeys([*DOMAIN_SYMBOLS, *extra_symbols]))
    buffer = io.BytesIO()
    try:
        spm.SentencePieceTrainer.train(
            sentence_iterator=iter(sentences),
            model_writer=buffer,
            model_type="bpe",
            vocab_size=vocab_size,
            byte_fallback=True,
            split_digits=True,
            user_defined_symbols=symbols,
            control_symbols=list(CHAT_TOKENS),
            pad_id=0,
            unk_id=1,
            bos_id=2,
            eos_id=3,
            pad_piece=PAD,
            unk_piece=UNK,
            bos_piece=BOS,
            eos_piece=EOS,
            normalization_rule_name="identity",
            remove_extra_whitespaces=False,
            add_dummy_prefix=False,
            allow_whitespace_only_pieces=True,
            split_by_whitespace=True,
            character_coverage=0.9999,
            max_sentence_length=MAX_SENTENCE_BYTES,
            hard_vocab_limit=False,
            num_threads=max(1, min(4, os.cpu_count() or 1)),
            minloglevel=2,
        )
    except RuntimeError as exc:
        raise ModelInputError(f"vocab_size: SentencePiece refused to train: {str(exc).splitlines()[0]}") from None
    tok = HavocTokenizer(buffer.getvalue(), source="trained")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    model_path = tok.save(out / MODEL_FILE)
    report = TokenizerTrainReport(
        model_path=str(model_path),
        vocab_size=tok.vocab_size,
        files=len(files),
        sentences=len(sentences),
        sha256=tok.sha256,
        special_ids={PAD: tok.pad_id, UNK: tok.unk_id, BOS: tok.bos_id, EOS: tok.eos_id, **tok.special_ids},
    )
    _atomic_write(out / META_FILE, (json.dumps(report.to_dict(), indent=2, ensure_ascii=False) + "\n").encode())
    return report


def _iter_paragraphs(files: Sequence[Path]) -> Iterator[str]:
    """Training sentences: blank-line-separated paragraphs, cut to SentencePiece's length limit."""
    for path in files:
        for record in iter_records(path):
            for text in record_texts(record):
                for paragraph in text.split("\n\n"):
                    if not paragraph.strip():
                        continue
                    yield from _cap_bytes(paragraph)


def _cap_bytes(text: str) -> Iterator[str]:
    if len(text.encode("utf-8")) <= MAX_SENTENCE_BYTES:
        yield text
        return
    piece: list[str] = []
    size = 0
    for line in text.splitlines(keepends=True):
        n = len(line.encode("utf-8"))
        if size + n > MAX_SENTENCE_BYTES and piece:
            yield "".join(piece)
            piece, size = [], 0
        if n > MAX_SENTENCE_BYTES:
            # One enormous line: keep its start only; the sample still shows its vocabulary.
            line = line.encode("utf-8")[:MAX_SENTENCE_BYTES].decode("utf-8", "ignore")
            n = len(line.encode("utf-8"))
        piece.append(line)
        size += n
    if piece:
        yield "".join(piece)


def _reservoir(items: Iterator[str], k: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    sample: list[str] = []
    for i, item in enumerate(items):
        if i < k:
            sample.append(item)
        else:
            j = rng.randrange(i + 1)
            if j < k:
                sample[j] = item
    return sample


def _atomic_write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
