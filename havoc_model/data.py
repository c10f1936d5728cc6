"""Token shards on disk, a mixture of sources, and a sampler a resumed run continues exactly.

`prepare_data` streams every source file through the tokenizer in chunks and
appends the ids to flat binary shards (uint16 when the vocabulary fits in 16
bits, else uint32), so a corpus larger than memory costs one chunk of RAM.
Each document is `<s> ... </s>`. The train/validation split is by blocks of
tokens: within every run of `round(1 / val_fraction)` blocks the last one goes
to validation, so even a source of three markdown files gets a validation
set, and the split never depends on the order documents are hashed.

`BatchSampler` draws training windows at random offsets (with replacement,
as nanoGPT does) from a source chosen by mixture weight. The draw for
optimiser step `s` comes from a generator seeded with `(seed, s)` alone, so
the sampler's whole state is two integers: a resumed run asks for step
`s + 1` and gets exactly the windows an uninterrupted run would have seen.
The same global batch is drawn whatever the process count; each rank takes
its slice, so 2 ranks x batch 4 see the same rows as 1 rank x batch 8.
"""

from __future__ import annotations

import json
import math
import os
import shutil
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from havoc_model.errors import ModelInputError
from havoc_model.text_sources import JSONL_SUFFIXES, collect_files, iter_records, iter_text_chunks
from havoc_model.tokenizer import MODEL_FILE, HavocTokenizer

MANIFEST = "manifest.json"
FORMAT_TAG = "havoc-data-v1"
DEFAULT_WEIGHTS = {"domain": 0.6, "general": 0.3, "dialogue": 0.1}
DEFAULT_VAL_FRACTION = 0.05
DEFAULT_VAL_BLOCK = 256
DEFAULT_SHARD_TOKENS = 1 << 26  # 64M tokens: 128 MB per uint16 shard
_ENCODE_BATCH = 64


# sources ----------------------------------------------------------------------------------------


@dataclass
class SourceSpec:
    """A named group of files sampled with one mixture weight."""

    name: str
    paths: list[Path]
    weight: float | None = None


def parse_source(text: str) -> SourceSpec:
    """`NAME=PATH[,PATH...]`, the CLI's `--source` syntax."""
    name, sep, rest = text.partition("=")
    name = name.strip()
    if not sep or not name or not rest.strip():
        raise ModelInputError(f"source: expected NAME=PATH[,PATH...], got {text!r}")
    if not name.replace("-", "").replace("_", "").isalnum():
        raise ModelInputError(f"source: name {name!r} may hold letters, digits, '-' and '_' only")
    return SourceSpec(name, [Path(p.strip()) for p in rest.split(",") if p.strip()])


def parse_weight(text: str) -> tuple[str, float]:
    """`NAME=WEIGHT`, the CLI's `--weight` syntax."""
    name, sep, value = text.partition("=")
    try:
        weight = float(value)
    except ValueError:
        weight = float("nan")
    if not sep or not name.strip() or not math.isfinite(weight) or weight < 0:
        raise ModelInputError(f"weight: expected NAME=NON_NEGATIVE_NUMBER, got {text!r}")
    return name.strip(), weight


def resolve_weights(sources: Sequence[SourceSpec], overrides: dict[str, float] | None = None) -> dict[str, float]:
    """Explicit weight, else the default for domain/general/dialogue; renormalised over present sources."""
    overrides = overrides or {}
    names = [s.name for s in sources]
    if len(set(names)) != len(names):
        raise ModelInputError("source: each source name may appear once")
    unknown = sorted(set(overrides) - set(names))
    if unknown:
        raise ModelInputError(f"weight: {unknown[0]!r} names no source")
    raw: dict[str, float] = {}
    for spec in sources:
        weight = overrides.get(spec.name, spec.weight)
        if weight is None:
            if spec.name not in DEFAULT_WEIGHTS:
                raise ModelInputError(
                    f"weight: source {spec.name!r} has no default weight; give --weight {spec.name}=W"
                )
            weight = DEFAULT_WEIGHTS[spec.name]
        raw[spec.name] = float(weight)
    total = sum(raw.values())
    if total <= 0:
        raise ModelInputError("weight: the mixture weights sum to zero")
    return {name: w / total for name, w in raw.items()}


def shipped_sources(repo_root: Path | None = None) -> list[SourceSpec]:
    """The corpus that ships with HAVOC: the knowledge markdown (domain) and the synthetic dialogues."""
    root = repo_root or Path(__file__).resolve().parent.parent
    specs: list[SourceSpec] = []
    domain = [p for p in (root / "knowledge" / "corpus", root / "docs") if p.is_dir() and any(p.rglob("*.md"))]
    if domain:
        specs.append(SourceSpec("domain", domain))
    specs.append(SourceSpec("dialogue", [Path(__file__).resolve().parent / "corpus" / "dialogues.jsonl"]))
    return specs


# writing ----------------------------------------------------------------------------------------


@dataclass
class _ShardWriter:
    directory: Path
    prefix: str
    dtype: np.dtype
    shard_tokens: int
    shards: list[dict[str, Any]] = field(default_factory=list)
    _handle: Any = None
    _count: int = 0

    def write(self, ids: np.ndarray) -> None:
        while ids.size:
            if self._handle is None:
                name = f"{self.prefix}-{len(self.shards):05d}.bin"
                self._handle = open(self.directory / name, "wb")  # noqa: SIM115 (kept open across calls)
                self.shards.append({"file": name, "tokens": 0})
                self._count = 0
            room = self.shard_tokens - self._count
            part, ids = ids[:room], ids[room:]
            self._handle.write(part.astype(self.dtype, copy=False).tobytes())
            self._count += part.size
            self.shards[-1]["tokens"] = self._count
            if self._count >= self.shard_tokens:
                self.close()

    def close(self) -> None:
        if self._handle is not None:
            self._handle.flush()
            os.fsync(self._handle.fileno())
            self._handle.close()
            self._handle = None

    @property
    def tokens(self) -> int:
        return sum(s["tokens"] for s in self.shards)


class _SplitRouter:
    """Sends consecutive blocks of a source's token stream to train or validation."""

    def __init__(self, train: _ShardWriter, val: _ShardWriter, block: int, period: int) -> None:
        self.train, self.val, self.block, self.period = train, val, block, period
        self._pos = 0  # position inside the current block
        self._index = 0  # block number

    def write(self, ids: np.ndarray) -> None:
        while ids.size:
            take = min(self.block - self._pos, ids.size)
            part, ids = ids[:take], ids[take:]
            to_val = self.period > 0 and self._index % self.period == self.period - 1
            (self.val if to_val else self.train).write(part)
            self._pos += take
            if self._pos == self.block:
                self._pos = 0
                self._index += 1


def prepare_data(
    sources: Sequence[SourceSpec],
    tokenizer_path: str | Path,
    out_dir: str | Path,
    *,
    weights: dict[str, float] | None = None,
    val_fraction: float = DEFAULT_VAL_FRACTION,
    val_block: int = DEFAULT_VAL_BLOCK,
    shard_tokens: int = DEFAULT_SHARD_TOKENS,
    overwrite: bool = False,
    progress: Any = None,
) -> dict[str, Any]:
    """Tokenise `sources` into `out_dir` (written under a temp name, then renamed); returns the manifest."""
    if not sources:
        raise ModelInputError("source: give at least one source")
    if not 0.0 <= val_fraction < 0.5:
        raise ModelInputError("val_fraction: must be in [0, 0.5)")
    if val_block < 1 or shard_tokens < 1:
        raise ModelInputError("val_block: block and shard sizes must be positive")
    mixture = resolve_weights(sources, weights)
    files_by_source = {s.name: collect_files(s.paths, field=f"source {s.name}") for s in sources}
    tokenizer = HavocTokenizer.load(tokenizer_path)
    dtype = token_dtype(tokenizer.vocab_size)
    period = round(1 / val_fraction) if val_fraction > 0 else 0

    out = Path(out_dir)
    if out.exists() and any(out.iterdir()) and not overwrite:
        raise ModelInputError(f"out: {out} exists and is not empty (pass --overwrite to replace it)")
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.tmp-", dir=out.parent))
    try:
        entries = []
        for spec in sources:
            sub = staging / spec.name
            sub.mkdir()
            train = _ShardWriter(sub, "train", dtype, shard_tokens)
            val = _ShardWriter(sub, "val", dtype, shard_tokens)
            router = _SplitRouter(train, val, val_block, period)
            documents = 0
            for ids in _iter_documents(files_by_source[spec.name], tokenizer):
                router.write(ids)
                documents += 1
                if progress is not None:
                    progress(spec.name, ids.size)
            train.close()
            val.close()
            if val_fraction > 0 and val.tokens == 0:
                _move_tail_to_validation(train, val, val_fraction)
            if train.tokens == 0:
                raise ModelInputError(f"source {spec.name}: no training tokens (the files are empty)")
            entries.append({
                "name": spec.name,
                "weight": mixture[spec.name],
                "inputs": [str(p) for p in files_by_source[spec.name]],
                "documents": documents,
                "train": {"tokens": train.tokens, "shards": [_rel(spec.name, s) for s in train.shards]},
                "val": {"tokens": val.tokens, "shards": [_rel(spec.name, s) for s in val.shards]},
            })
        manifest = {
            "format": FORMAT_TAG,
            "dtype": dtype.name,
            "vocab_size": tokenizer.vocab_size,
            "bos_id": tokenizer.bos_id,
            "eos_id": tokenizer.eos_id,
            "tokenizer_file": MODEL_FILE,
            "tokenizer_sha256": tokenizer.sha256,
            "val_fraction": val_fraction,
            "val_block": val_block,
            "sources": entries,
        }
        tokenizer.save(staging / MODEL_FILE)
        (staging / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
        if out.exists():
            shutil.rmtree(out)
        os.replace(staging, out)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return manifest


def _move_tail_to_validation(train: _ShardWriter, val: _ShardWriter, fraction: float) -> None:
    """A source shorter than one split period still gets a validation set: the end of its stream."""
    if not train.shards:
        return
    last = train.shards[-1]
    want = max(2, math.ceil(train.tokens * fraction))
    take = min(want, last["tokens"] - 1)
    if take < 2:
        return
    path = train.directory / last["file"]
    itemsize = train.dtype.itemsize
    keep = last["tokens"] - take
    with open(path, "r+b") as handle:
        handle.seek(keep * itemsize)
        tail = np.frombuffer(handle.read(), dtype=train.dtype)
        handle.truncate(keep * itemsize)
    last["tokens"] = keep
    val.write(tail.copy())
    val.close()


def token_dtype(vocab_size: int) -> np.dtype:
    """uint16 halves disk and page-cache use whenever every id fits in 16 bits."""
    return np.dtype(np.uint16 if vocab_size <= 1 << 16 else np.uint32)


def _rel(source: str, shard: dict[str, Any]) -> dict[str, Any]:
    return {"file": f"{source}/{shard['file']}", "tokens": shard["tokens"]}


def _iter_documents(files: Sequence[Path], tokenizer: HavocTokenizer) -> Iterator[np.ndarray]:
    """Token arrays in file order: one per text chunk (bos on a file's first, eos on its last), one per JSONL line."""
    for path in files:
        if path.suffix.lower() in JSONL_SUFFIXES:
            texts: list[str] = []
            for record in iter_records(path):
                if record.messages is not None:
                    yield from _flush_texts(texts, tokenizer)
                    texts = []
                    ids = tokenizer.apply_chat_template(record.messages) + [tokenizer.eos_id]
                    yield np.asarray(ids, dtype=np.int64)
                else:
                    texts.append(record.text or "")
                    if len(texts) >= _ENCODE_BATCH:
                        yield from _flush_texts(texts, tokenizer)
                        texts = []
            yield from _flush_texts(texts, tokenizer)
        else:
            first = True
            pending: str | None = None
            for chunk in iter_text_chunks(path):
                if pending is not None:
                    yield _with_marks(tokenizer.encode(pending), tokenizer, bos=first, eos=False)
                    first = False
                pending = chunk
            if pending is not None:
                yield _with_marks(tokenizer.encode(pending), tokenizer, bos=first, eos=True)


def _flush_texts(texts: list[str], tokenizer: HavocTokenizer) -> Iterator[np.ndarray]:
    for ids in tokenizer.encode_batch(texts) if texts else []:
        yield _with_marks(ids, tokenizer, bos=True, eos=True)


def _with_marks(ids: list[int], tokenizer: HavocTokenizer, *, bos: bool, eos: bool) -> np.ndarray:
    return np.asarray(([tokenizer.bos_id] if bos else []) + ids + ([tokenizer.eos_id] if eos else []), np.int64)


# reading ----------------------------------------------------------------------------------------


class ShardSet:
    """Several flat token files read as memory maps, opened lazily."""

    def __init__(self, root: Path, shards: list[dict[str, Any]], dtype: np.dtype, where: str) -> None:
        self.paths = [root / s["file"] for s in shards]
        self.lengths = np.asarray([int(s["tokens"]) for s in shards], dtype=np.int64)
        self.dtype = dtype
        for path, n in zip(self.paths, self.lengths, strict=True):
            if not path.is_file():
                raise ModelInputError(f"data: {where}: shard {path} is missing")
            if path.stat().st_size != int(n) * dtype.itemsize:
                raise ModelInputError(f"data: {where}: shard {path} has the wrong size (corrupt or truncated)")
        self._maps: list[np.memmap | None] = [None] * len(self.paths)

    @property
    def tokens(self) -> int:
        return int(self.lengths.sum())

    def shard(self, i: int) -> np.ndarray:
        m = self._maps[i]
        if m is None:
            m = np.memmap(self.paths[i], dtype=self.dtype, mode="r") if self.lengths[i] else np.zeros(0, self.dtype)
            self._maps[i] = m
        return m

    def window_counts(self, length: int) -> np.ndarray:
        """How many windows of `length` tokens start inside each shard (windows never cross shards)."""
        return np.maximum(self.lengths - length + 1, 0)

    def iter_arrays(self) -> Iterator[np.ndarray]:
        for i in range(len(self.paths)):
            yield self.shard(i)


@dataclass
class SourceData:
    name: str
    weight: float
    train: ShardSet
    val: ShardSet


class TokenData:
    """A prepared data directory: manifest, tokenizer and the shards of each source."""

    def __init__(self, root: str | Path) -> None:
        self.root = Path(root)
        path = self.root / MANIFEST
        if not path.is_file():
            raise ModelInputError(f"data: {path} not found; run `havoc-model data prepare` first")
        try:
            manifest = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise ModelInputError(f"data: {path} is corrupt ({exc})") from None
        if not isinstance(manifest, dict) or manifest.get("format") != FORMAT_TAG:
            raise ModelInputError(f"data: {path} is not a {FORMAT_TAG} manifest")
        try:
            self.dtype = np.dtype(manifest["dtype"])
            self.vocab_size = int(manifest["vocab_size"])
            self.eos_id = int(manifest["eos_id"])
            self.bos_id = int(manifest["bos_id"])
            self.sources = [
                SourceData(
                    s["name"], float(s["weight"]),
                    ShardSet(self.root, s["train"]["shards"], self.dtype, f"{s['name']} train"),
                    ShardSet(self.root, s["val"]["shards"], self.dtype, f"{s['name']} val"),
                )
                for s in manifest["sources"]
            ]
        except ModelInputError:
            raise  # a shard's own error already names the file
        except KeyError as exc:
            raise ModelInputError(f"data: {path} lacks the field {exc.args[0]!r}") from None
        except (TypeError, ValueError) as exc:
            raise ModelInputError(f"data: {path} has a bad field ({exc})") from None
        if self.dtype not in (np.dtype(np.uint16), np.dtype(np.uint32)) or not self.sources:
            raise ModelInputError(f"data: {path} has an unsupported dtype or no sources")
        self.manifest = manifest

    @property
    def tokenizer_path(self) -> Path:
        return self.root / self.manifest.get("tokenizer_file", MODEL_FILE)

    @property
    def weights(self) -> np.ndarray:
        w = np.asarray([s.weight for s in self.sources], dtype=np.float64)
        return w / w.sum()


class BatchSampler:
    """Random training windows; state = (seed, step), so resuming continues the exact sequence."""

    def __init__(
        self, data: TokenData, *, seq_len: int, batch_size: int, grad_accum: int = 1,
        world_size: int = 1, rank: int = 0, seed: int = 0, step: int = 0,
    ) -> None:
        if seq_len < 1 or batch_size < 1 or grad_accum < 1:
            raise ModelInputError("batch_size: seq_len, batch_size and grad_accum must be positive")
        self.data = data
        self.seq_len, self.batch_size, self.grad_accum = seq_len, batch_size, grad_accum
        self.world_size, self.rank = world_size, rank
        self.seed, self.step = int(seed), int(step)
        window = seq_len + 1
        self._counts = [s.train.window_counts(window) for s in data.sources]
        for source, counts in zip(data.sources, self._counts, strict=True):
            if counts.sum() == 0 and source.weight > 0:
                raise ModelInputError(
                    f"data: source {source.name} has {source.train.tokens} training tokens in its largest "
                    f"shard, fewer than seq_len + 1 = {window}; lower --seq-len or add text"
                )
        self._cum = [np.cumsum(c) for c in self._counts]

    def state_dict(self) -> dict[str, int]:
        return {"seed": self.seed, "step": self.step}

    def load_state_dict(self, state: dict[str, int]) -> None:
        self.seed, self.step = int(state["seed"]), int(state["step"])

    def global_rows(self, step: int) -> tuple[np.ndarray, np.ndarray]:
        """(source index, window start) of every row of the global batch of optimiser step `step`."""
        rows = self.batch_size * self.grad_accum * self.world_size
        rng = np.random.default_rng([self.seed, step])
        which = rng.choice(len(self.data.sources), size=rows, p=self.data.weights)
        u = rng.random(rows)
        starts = np.empty(rows, dtype=np.int64)
        shards = np.empty(rows, dtype=np.int64)
        for k, cum in enumerate(self._cum):
            mask = which == k
            if not mask.any():
                continue
            pick = np.minimum((u[mask] * cum[-1]).astype(np.int64), cum[-1] - 1)
            shard = np.searchsorted(cum, pick, side="right")
            before = np.where(shard > 0, cum[np.maximum(shard - 1, 0)], 0)
            shards[mask] = shard
            starts[mask] = pick - before
        return which * (1 << 32) + shards, starts

    def next_batches(self) -> list[tuple[np.ndarray, np.ndarray]]:
        """This rank's `grad_accum` micro-batches (inputs, targets as int64) for the next step."""
        keys, starts = self.global_rows(self.step)
        self.step += 1
        window = self.seq_len + 1
        out = []
        for micro in range(self.grad_accum):
            lo = (micro * self.world_size + self.rank) * self.batch_size
            block = np.empty((self.batch_size, window), dtype=np.int64)
            for row, (key, start) in enumerate(zip(keys[lo:lo + self.batch_size], starts[lo:lo + self.batch_size],
                                                   strict=True)):
                source, shard = divmod(int(key), 1 << 32)
                block[row] = self.data.sources[source].train.shard(shard)[start:start + window]
            out.append((block[:, :-1], block[:, 1:]))
        return out


def validation_windows(data: TokenData, seq_len: int, max_windows: int) -> dict[str, np.ndarray]:
    """Fixed, non-overlapping validation windows per source, (n, seq_len + 1); at most `max_windows` each.

    Windows are taken evenly across the whole validation set rather than
    from its start, so the estimate covers every file of a source.
    """
    out: dict[str, np.ndarray] = {}
    for source in data.sources:
        arrays = list(source.val.iter_arrays())
        slots = []  # (shard, start, length) of every candidate window, without reading the tokens
        for i, arr in enumerate(arrays):
            length = min(seq_len + 1, arr.size)
            if length >= 2:
                slots.extend((i, j * length, length) for j in range(arr.size // length))
        if not slots:
            continue
        if len(slots) > max_windows:
            pick = np.linspace(0, len(slots) - 1, max_windows).round().astype(int)
            slots = [slots[k] for k in pick]
        width = min(length for _, _, length in slots)
        out[source.name] = np.stack(
            [np.asarray(arrays[i][start:start + width], dtype=np.int64) for i, start, _ in slots]
        )
    return out


def unigram_entropy(tokens: np.ndarray) -> float:
    """Entropy (nats/token) of the empirical token distribution: the loss of the best unigram model.

    A language model is learning context only once its loss on the same
    tokens falls below this figure.
    """
    tokens = np.asarray(tokens).ravel()
    if tokens.size == 0:
        return float("nan")
    counts = np.bincount(tokens)
    p = counts[counts > 0] / tokens.size
    return float(-(p * np.log(p)).sum())
