"""Decoding: greedy and sampled generation over token ids, streamed text, batched left-padded prompts.

Generation works on ids; text goes in and out through any tokenizer with `encode(str) -> list[int]`
and `decode(list[int]) -> str` (HAVOC's `HavocTokenizer`, or a test's byte tokenizer).
The `allowed_tokens` hook is where grammar-constrained decoding plugs in: given the ids a row
generated so far it returns the ids allowed next (None = any), and everything else is masked
before sampling, so the constrained output always stays inside the grammar.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Callable, Collection, Iterator, Sequence
from dataclasses import dataclass

import torch

from havoc_model.constrained import GrammarGuide
from havoc_model.errors import ModelInputError
from havoc_model.model import HavocLM

AllowedTokens = Callable[[list[int]], Collection[int] | None]


@dataclass
class GenerationConfig:
    """temperature 0 means greedy; top_k/top_p None mean off; repetition_penalty 1 means off."""

    max_new_tokens: int = 128
    temperature: float = 1.0
    top_k: int | None = None
    top_p: float | None = None
    repetition_penalty: float = 1.0
    stop_token_ids: Sequence[int] = ()
    stop_sequences: Sequence[str] = ()
    seed: int | None = None

    def __post_init__(self) -> None:
        if isinstance(self.max_new_tokens, bool) or not isinstance(self.max_new_tokens, int) or self.max_new_tokens < 1:
            raise ModelInputError(f"max_new_tokens: expected a positive integer, got {self.max_new_tokens!r}")
        if not _finite(self.temperature) or self.temperature < 0:
            raise ModelInputError(f"temperature: expected a number >= 0, got {self.temperature!r}")
        if self.top_k is not None and (isinstance(self.top_k, bool) or not isinstance(self.top_k, int) or self.top_k < 1):
            raise ModelInputError(f"top_k: expected a positive integer, got {self.top_k!r}")
        if self.top_p is not None and (not _finite(self.top_p) or not 0 < self.top_p <= 1):
            raise ModelInputError(f"top_p: expected a number in (0, 1], got {self.top_p!r}")
        if not _finite(self.repetition_penalty) or self.repetition_penalty <= 0:
            raise ModelInputError(f"repetition_penalty: expected a number > 0, got {self.repetition_penalty!r}")
        if any(isinstance(t, bool) or not isinstance(t, int) or t < 0 for t in self.stop_token_ids):
            raise ModelInputError(f"stop_token_ids: expected non-negative integers, got {list(self.stop_token_ids)!r}")
        if any(not isinstance(s, str) or not s for s in self.stop_sequences):
            raise ModelInputError("stop_sequences: expected non-empty strings")
        if self.seed is not None and (isinstance(self.seed, bool) or not isinstance(self.seed, int)):
            raise ModelInputError(f"seed: expected an integer, got {self.seed!r}")

    @property
    def greedy(self) -> bool:
        return self.temperature == 0 or self.top_k == 1


def _finite(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


@dataclass
class GenerationResult:
    """One prompt's continuation; finish_reason is 'length', 'stop_token', 'stop_sequence' or 'constraint'."""

    token_ids: list[int]
    finish_reason: str
    prompt_tokens: int
    text: str | None = None

    def to_dict(self) -> dict[str, object]:
        return {"text": self.text, "token_ids": self.token_ids, "finish_reason": self.finish_reason,
                "prompt_tokens": self.prompt_tokens, "completion_tokens": len(self.token_ids)}


def filter_logits(logits: torch.Tensor, top_k: int | None, top_p: float | None) -> torch.Tensor:
    """Mask (to -inf) what top-k and nucleus sampling exclude; the most likely token always survives."""
    if top_k is not None and top_k < logits.shape[-1]:
        kth = torch.topk(logits, top_k, dim=-1).values[..., -1:]
        logits = logits.masked_fill(logits < kth, float("-inf"))
    if top_p is not None and top_p < 1.0:
        sorted_logits, order = torch.sort(logits, dim=-1, descending=True)
        cumulative = sorted_logits.softmax(-1).cumsum(-1)
        # drop a token when the tokens before it already reach top_p
        drop_sorted = (cumulative - sorted_logits.softmax(-1)) >= top_p
        drop_sorted[..., 0] = False
        drop = torch.zeros_like(drop_sorted).scatter(-1, order, drop_sorted)
        logits = logits.masked_fill(drop, float("-inf"))
    return logits


class BatchDecoder:
    """Step-by-step decoding of left-padded prompts with one preallocated KV cache.

    Callers drive `step()` and may `finish(row, reason)` a row (a text stop sequence); finished
    rows keep a slot in the batch but their tokens are discarded.
    """

    def __init__(
        self, model: HavocLM, prompts: Sequence[Sequence[int]], gen: GenerationConfig, *,
        allowed_tokens: AllowedTokens | None = None, vocab_limit: int | None = None,
        guide: GrammarGuide | None = None,
    ) -> None:
        if not prompts:
            raise ModelInputError("prompts: at least one prompt is needed")
        if guide is not None and len(prompts) != 1:
            raise ModelInputError("guide: grammar-guided decoding takes one prompt at a time")
        cfg = model.cfg
        for i, prompt in enumerate(prompts):
            if not prompt:
                raise ModelInputError(f"prompts[{i}]: empty prompt (start with a BOS token)")
            bad = [t for t in prompt if isinstance(t, bool) or not isinstance(t, int) or not 0 <= t < cfg.vocab_size]
            if bad:
                raise ModelInputError(f"prompts[{i}]: token id {bad[0]!r} outside the vocabulary of {cfg.vocab_size}")
        self.model = model
        self.gen = gen
        self.allowed_tokens = allowed_tokens
        self.guide = guide
        # A model's vocabulary is often padded past its tokenizer's: never sample an id it cannot decode.
        self.vocab_limit = vocab_limit if vocab_limit is not None and vocab_limit < cfg.vocab_size else None
        self.batch = len(prompts)
        self.prompt_len = max(len(p) for p in prompts)
        if self.prompt_len >= cfg.max_seq_len:
            raise ModelInputError(f"prompt: {self.prompt_len} tokens leave no room in the context of {cfg.max_seq_len}")
        self.max_new = min(gen.max_new_tokens, cfg.max_seq_len - self.prompt_len)
        self.prompt_lengths = [len(p) for p in prompts]
        self.generated: list[list[int]] = [[] for _ in prompts]
        self.finish_reasons: list[str | None] = [None] * self.batch
        self._stop_ids = set(gen.stop_token_ids)
        self._prompts = [list(p) for p in prompts]
        self._device = model.tok_embeddings.weight.device
        self._generator: torch.Generator | None = None
        if gen.seed is not None and not gen.greedy:
            self._generator = torch.Generator(device=self._device)
            self._generator.manual_seed(gen.seed)
        if not model.training and self._device.type == "cpu":
            model.use_decode_layout()  # once per model: later calls find it done
        self._cache = None
        self._pos = 0
        self._next_input: torch.Tensor | None = None
        self._seen: torch.Tensor | None = None

    @property
    def done(self) -> bool:
        return all(r is not None for r in self.finish_reasons)

    def finish(self, row: int, reason: str) -> None:
        if self.finish_reasons[row] is None:
            self.finish_reasons[row] = reason

    def _prefill(self) -> torch.Tensor:
        pads = [self.prompt_len - n for n in self.prompt_lengths]
        ids = torch.zeros((self.batch, self.prompt_len), dtype=torch.long)
        for row, prompt in enumerate(self._prompts):
            ids[row, pads[row]:] = torch.tensor(prompt, dtype=torch.long)
        ids = ids.to(self._device)
        self._cache = self.model.new_cache(self.batch, self.prompt_len + self.max_new)
        self._cache.set_padding(pads)
        if self.gen.repetition_penalty != 1.0:
            self._seen = torch.zeros((self.batch, self.model.cfg.vocab_size), dtype=torch.bool, device=self._device)
            for row, prompt in enumerate(self._prompts):
                self._seen[row, torch.tensor(prompt, device=self._device)] = True
        logits, _ = self.model(ids, cache=self._cache, start_pos=0, last_only=True)
        self._pos = self.prompt_len
        return logits[:, -1]

    def _choose(self, logits: torch.Tensor) -> torch.Tensor:
        gen = self.gen
        if self.vocab_limit is not None:
            logits = logits.clone()
            logits[:, self.vocab_limit:] = float("-inf")
        if self._seen is not None:
            penalised = torch.where(logits > 0, logits / gen.repetition_penalty, logits * gen.repetition_penalty)
            logits = torch.where(self._seen, penalised, logits)
        if self.allowed_tokens is not None:
            logits = self._constrain(logits)
        if gen.greedy:
            chosen = logits.argmax(-1)
        else:
            filtered = filter_logits(logits / gen.temperature, gen.top_k, gen.top_p)
            chosen = torch.multinomial(filtered.softmax(-1), 1, generator=self._generator).squeeze(-1)
        if self.guide is not None and self.finish_reasons[0] is None:
            picked = self.guide.pick(int(chosen[0]), logits[0])
            if picked is None:
                self.finish(0, "constraint")
            else:
                chosen = torch.tensor([picked], dtype=torch.long, device=chosen.device)
        return chosen

    def _constrain(self, logits: torch.Tensor) -> torch.Tensor:
        assert self.allowed_tokens is not None
        mask = torch.zeros_like(logits, dtype=torch.bool)
        for row in range(self.batch):
            if self.finish_reasons[row] is not None:
                continue
            allowed = self.allowed_tokens(list(self.generated[row]))
            if allowed is None:
                continue
            ids = [t for t in allowed if 0 <= t < (self.vocab_limit or logits.shape[-1])]
            if not ids:
                self.finish(row, "constraint")
                continue
            mask[row] = True
            mask[row, torch.tensor(ids, dtype=torch.long, device=logits.device)] = False
        return logits.masked_fill(mask, float("-inf"))

    @torch.inference_mode()
    def step(self) -> list[int | None]:
        """Advance every unfinished row by one token; returns each row's new token (None if it had finished)."""
        if self.done:
            return [None] * self.batch
        training = self.model.training
        if training:  # a trainer sampling mid-run: no dropout while decoding, then back to training
            self.model.eval()
        try:
            if self._cache is None:
                logits = self._prefill()
            else:
                logits, _ = self.model(self._next_input, cache=self._cache, start_pos=self._pos)
                self._pos += 1
                logits = logits[:, -1]
        finally:
            if training:
                self.model.train()
        chosen = self._choose(logits)
        self._next_input = chosen[:, None]
        if self._seen is not None:
            self._seen[torch.arange(self.batch, device=chosen.device), chosen] = True
        out: list[int | None] = []
        for row, token in enumerate(chosen.tolist()):
            if self.finish_reasons[row] is not None:
                out.append(None)
                continue
            if token in self._stop_ids:
                self.finish(row, "stop_token")
                out.append(None)
                continue
            self.generated[row].append(token)
            out.append(token)
            if len(self.generated[row]) >= self.max_new:
                self.finish(row, "length")
        return out

    def results(self) -> list[GenerationResult]:
        return [
            GenerationResult(list(ids), reason or "length", n)
            for ids, reason, n in zip(self.generated, self.finish_reasons, self.prompt_lengths, strict=True)
        ]


def generate_ids(
    model: HavocLM, prompts: Sequence[Sequence[int]], gen: GenerationConfig, *,
    allowed_tokens: AllowedTokens | None = None,
) -> list[GenerationResult]:
    """Batched generation; each result holds only the new ids (stop tokens excluded)."""
    decoder = BatchDecoder(model, prompts, gen, allowed_tokens=allowed_tokens)
    while not decoder.done:
        decoder.step()
    return decoder.results()


def stream_ids(
    model: HavocLM, prompt: Sequence[int], gen: GenerationConfig, *, allowed_tokens: AllowedTokens | None = None,
) -> Iterator[int]:
    decoder = BatchDecoder(model, [prompt], gen, allowed_tokens=allowed_tokens)
    while not decoder.done:
        token = decoder.step()[0]
        if token is not None:
            yield token


def default_stop_ids(tokenizer: object) -> list[int]:
    """A HavocTokenizer ends a turn with </s> or <|end|>; other tokenizers may offer eos_id."""
    ids = [getattr(tokenizer, name, None) for name in ("eos_id", "end_id")]
    return [i for i in ids if isinstance(i, int) and i >= 0]


def visible_text(tokenizer: object, ids: list[int], stops: Sequence[str]) -> tuple[str, str | None]:
    """(text safe to emit now, final text if a stop sequence occurred).

    Holds back a trailing U+FFFD (a multi-byte character not yet complete) and any suffix that
    could still grow into a stop sequence, so streamed pieces never have to be retracted.
    """
    text = tokenizer.decode(ids)  # type: ignore[attr-defined]
    hits = [text.find(s) for s in stops if s in text]
    if hits:
        return text[: min(hits)], text[: min(hits)]
    safe = len(text)
    while safe > 0 and text[safe - 1] == "\ufffd":
        safe -= 1
    for stop in stops:
        for k in range(min(len(stop) - 1, safe), 0, -1):
            if text[:safe].endswith(stop[:k]):
                safe -= k
                break
    return text[:safe], None


def tokenizer_vocab_size(tokenizer: object) -> int | None:
    size = getattr(tokenizer, "vocab_size", None)
    if size is None and hasattr(tokenizer, "__len__"):
        size = len(tokenizer)  # type: ignore[arg-type]
    return size if isinstance(size, int) and size > 0 else None


def encode_prompt(tokenizer: object, text: str) -> list[int]:
    """Prompt ids starting with the tokenizer's `<s>`, as every training document does."""
    ids = list(tokenizer.encode(text))  # type: ignore[attr-defined]
    bos = getattr(tokenizer, "bos_id", None)
    if isinstance(bos, int) and bos >= 0 and (not ids or ids[0] != bos):
        ids.insert(0, bos)
    return ids


def _with_tokenizer_stops(gen: GenerationConfig, tokenizer: object) -> GenerationConfig:
    if gen.stop_token_ids:
        return gen
    return dataclasses.replace(gen, stop_token_ids=tuple(default_stop_ids(tokenizer)))


def stream_text(
    model: HavocLM, tokenizer: object, prompt: str | Sequence[int], gen: GenerationConfig, *,
    allowed_tokens: AllowedTokens | None = None,
) -> Iterator[str]:
    """Text pieces as they become final; concatenated they equal `generate_text(...)[0].text`."""
    gen = _with_tokenizer_stops(gen, tokenizer)
    ids = encode_prompt(tokenizer, prompt) if isinstance(prompt, str) else list(prompt)
    decoder = BatchDecoder(model, [ids], gen, allowed_tokens=allowed_tokens,
                           vocab_limit=tokenizer_vocab_size(tokenizer))
    emitted = ""
    while not decoder.done:
        if decoder.step()[0] is None:
            continue
        visible, final = visible_text(tokenizer, decoder.generated[0], gen.stop_sequences)
        if final is not None:
            decoder.finish(0, "stop_sequence")
            visible = final
        if visible.startswith(emitted) and len(visible) > len(emitted):
            yield visible[len(emitted):]
            emitted = visible
    text = tokenizer.decode(decoder.generated[0])  # type: ignore[attr-defined]
    hits = [text.find(s) for s in gen.stop_sequences if s in text]
    final_text = text[: min(hits)] if hits else text
    if final_text.startswith(emitted) and len(final_text) > len(emitted):
        yield final_text[len(emitted):]


def generate_text(
    model: HavocLM, tokenizer: object, prompts: str | Sequence[str], gen: GenerationConfig, *,
    allowed_tokens: AllowedTokens | None = None,
) -> list[GenerationResult]:
    """Batched text generation; a stop sequence ends its row and is cut from the text."""
    gen = _with_tokenizer_stops(gen, tokenizer)
    texts = [prompts] if isinstance(prompts, str) else list(prompts)
    encoded = [encode_prompt(tokenizer, t) for t in texts]
    decoder = BatchDecoder(model, encoded, gen, allowed_tokens=allowed_tokens,
                           vocab_limit=tokenizer_vocab_size(tokenizer))
    finals: list[str | None] = [None] * len(texts)
    while not decoder.done:
        step = decoder.step()
        if not gen.stop_sequences:
            continue
        for row, token in enumerate(step):
            if token is None:
                continue
            _, final = visible_text(tokenizer, decoder.generated[row], gen.stop_sequences)
            if final is not None:
                finals[row] = final
                decoder.finish(row, "stop_sequence")
    results = decoder.results()
    for row, result in enumerate(results):
        result.text = finals[row] if finals[row] is not None else tokenizer.decode(result.token_ids)  # type: ignore[attr-defined]
    return results
