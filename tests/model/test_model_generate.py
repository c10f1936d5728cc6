"""Generation: greedy against an independent loop, sampling against transformers' warpers, streaming,
stop tokens and sequences, batched left padding, and the allowed-tokens hook."""

from __future__ import annotations

import pytest
import torch

from havoc_model.config import ModelConfig
from havoc_model.errors import ModelInputError
from havoc_model.generate import (
    BatchDecoder,
    GenerationConfig,
    filter_logits,
    generate_ids,
    generate_text,
    stream_ids,
    stream_text,
)
from havoc_model.model import HavocLM


class ByteTokenizer:
    """Ids 0..255 are bytes; the two ids above are end-of-sequence and end-of-turn."""

    def __init__(self, n_bytes: int = 128) -> None:
        self.n_bytes = n_bytes
        self.eos_id = n_bytes
        self.end_id = n_bytes + 1

    @property
    def vocab_size(self) -> int:
        return self.n_bytes + 2

    def encode(self, text: str) -> list[int]:
        return list(text.encode("utf-8"))

    def decode(self, ids: list[int]) -> str:
        return bytes(i for i in ids if i < self.n_bytes).decode("utf-8", errors="replace")


def make_model(vocab: int = 130, seed: int = 0, max_seq_len: int = 96) -> HavocLM:
    torch.manual_seed(seed)
    cfg = ModelConfig(vocab_size=vocab, d_model=64, n_layers=2, n_heads=4, n_kv_heads=2, ffn_hidden=96,
                      max_seq_len=max_seq_len, init_std=0.15)
    return HavocLM(cfg).eval()


GREEDY = GenerationConfig(max_new_tokens=20, temperature=0)


def test_greedy_equals_an_uncached_argmax_loop() -> None:
    model = make_model()
    prompt = [5, 17, 99, 3]
    ids = list(prompt)
    with torch.no_grad():
        for _ in range(20):
            ids.append(int(model(torch.tensor([ids]))[0][0, -1].argmax()))
    result = generate_ids(model, [prompt], GREEDY)[0]
    assert result.token_ids == ids[len(prompt):]
    assert result.finish_reason == "length" and result.prompt_tokens == 4
    assert list(stream_ids(model, prompt, GREEDY)) == result.token_ids


def test_top_k_one_is_greedy_and_seeds_reproduce() -> None:
    model = make_model()
    greedy = generate_ids(model, [[1, 2, 3]], GREEDY)[0].token_ids
    assert generate_ids(model, [[1, 2, 3]], GenerationConfig(max_new_tokens=20, top_k=1))[0].token_ids == greedy
    hot = GenerationConfig(max_new_tokens=30, temperature=1.5, seed=7)
    a = generate_ids(model, [[1, 2, 3]], hot)[0].token_ids
    assert generate_ids(model, [[1, 2, 3]], hot)[0].token_ids == a
    other = GenerationConfig(max_new_tokens=30, temperature=1.5, seed=8)
    assert generate_ids(model, [[1, 2, 3]], other)[0].token_ids != a


def test_sampling_follows_the_softmax() -> None:
    model = make_model(seed=4)
    prompt = [10, 20, 30]
    with torch.no_grad():
        probs = (model(torch.tensor([prompt]))[0][0, -1] / 0.7).softmax(-1)
    n = 4000
    decoder = BatchDecoder(model, [prompt] * n, GenerationConfig(max_new_tokens=1, temperature=0.7, seed=0))
    counts = torch.bincount(torch.tensor(decoder.step()), minlength=130).float()
    expected = probs * n
    top = probs.argsort(descending=True)[:5]
    # within 5 binomial standard deviations for the five most likely tokens
    sd = (n * probs[top] * (1 - probs[top])).sqrt()
    assert ((counts[top] - expected[top]).abs() <= 5 * sd + 1).all()


def test_filters_match_transformers_warpers() -> None:
    generation = pytest.importorskip("transformers.generation.logits_process")
    torch.manual_seed(0)
    scores = torch.randn(6, 50) * 3
    for k in (1, 5, 49):
        theirs = generation.TopKLogitsWarper(top_k=k)(None, scores.clone())
        assert torch.equal(filter_logits(scores, k, None).isinf(), theirs.isinf())
    for p in (0.05, 0.5, 0.9, 0.999):
        theirs = generation.TopPLogitsWarper(top_p=p)(None, scores.clone())
        assert torch.equal(filter_logits(scores, None, p).isinf(), theirs.isinf()), p


def test_repetition_penalty_matches_transformers_generate() -> None:
    transformers = pytest.importorskip("transformers")
    from havoc_model.hf import hf_config, hf_state_dict

    model = make_model(seed=2)
    hf = transformers.LlamaForCausalLM(transformers.LlamaConfig(**{
        k: v for k, v in hf_config(model.cfg).items() if k not in ("architectures", "torch_dtype")
    })).eval()
    hf.load_state_dict(hf_state_dict(model), strict=False)
    prompt = [4, 8, 15, 16, 23, 42]
    with torch.no_grad():
        theirs = hf.generate(torch.tensor([prompt]), max_new_tokens=25, do_sample=False,
                             repetition_penalty=1.8, pad_token_id=0, eos_token_id=None)[0, 6:].tolist()
    ours = generate_ids(model, [prompt], GenerationConfig(max_new_tokens=25, temperature=0, repetition_penalty=1.8))
    assert ours[0].token_ids == theirs
    plain = generate_ids(model, [prompt], GenerationConfig(max_new_tokens=25, temperature=0))[0].token_ids
    assert plain != theirs


def test_stop_token_ends_the_row_and_is_not_returned() -> None:
    model = make_model()
    full = generate_ids(model, [[1, 2]], GREEDY)[0].token_ids
    stop = full[5]
    first = full.index(stop)
    result = generate_ids(model, [[1, 2]], GenerationConfig(max_new_tokens=20, temperature=0,
                                                             stop_token_ids=[stop]))[0]
    assert result.token_ids == full[:first] and result.finish_reason == "stop_token"


def test_stop_sequence_cuts_text_and_streaming_agrees() -> None:
    model = make_model()
    tok = ByteTokenizer()
    gen = GenerationConfig(max_new_tokens=40, temperature=0, stop_token_ids=[129])
    text = generate_text(model, tok, "ab", gen)[0].text
    assert text and len(text) >= 12
    stop = text[8:10]
    cut = text[: text.find(stop)]
    stopped = GenerationConfig(max_new_tokens=40, temperature=0, stop_sequences=[stop], stop_token_ids=[129])
    result = generate_text(model, tok, "ab", stopped)[0]
    assert result.text == cut and result.finish_reason == "stop_sequence"
    pieces = list(stream_text(model, tok, "ab", stopped))
    assert "".join(pieces) == cut and len(pieces) > 1
    assert "".join(stream_text(model, tok, "ab", gen)) == text


def test_tokenizer_end_ids_stop_by_default() -> None:
    model = make_model()
    tok = ByteTokenizer()
    always_end = generate_text(model, tok, "hi", GenerationConfig(max_new_tokens=5, temperature=0),
                               allowed_tokens=lambda ids: [tok.end_id])[0]
    assert always_end.token_ids == [] and always_end.finish_reason == "stop_token"


def test_ids_past_the_tokenizer_vocab_are_never_sampled() -> None:
    model = make_model(vocab=400, seed=9)
    tok = ByteTokenizer()
    hot = GenerationConfig(max_new_tokens=40, temperature=3.0, seed=0, stop_token_ids=[999])
    unrestricted = generate_ids(model, [tok.encode("go")], hot)[0].token_ids
    assert max(unrestricted) >= tok.vocab_size  # the padded ids would appear without the limit
    assert max(generate_text(model, tok, "go", hot)[0].token_ids) < tok.vocab_size


def test_streaming_never_splits_a_multibyte_character() -> None:
    model = make_model(vocab=258)
    tok = ByteTokenizer(n_bytes=256)
    forced = list("é→σ".encode()) + [tok.eos_id]

    def allowed(ids: list[int]) -> list[int]:
        return [forced[len(ids)]]

    pieces = list(stream_text(model, tok, "x", GenerationConfig(max_new_tokens=20), allowed_tokens=allowed))
    assert "".join(pieces) == "é→σ" and all("\ufffd" not in p for p in pieces)
    assert pieces == ["é", "→", "σ"]


def test_batched_left_padding_equals_one_by_one() -> None:
    model = make_model(seed=6)
    prompts = [[3, 4, 5, 6, 7, 8, 9], [11], [12, 13, 14]]
    gen = GenerationConfig(max_new_tokens=15, temperature=0)
    batched = generate_ids(model, prompts, gen)
    for prompt, result in zip(prompts, batched, strict=True):
        assert result.token_ids == generate_ids(model, [prompt], gen)[0].token_ids


def test_batched_rows_stop_independently() -> None:
    model = make_model(seed=6)
    prompts = [[3, 4, 5], [11, 12]]
    alone = [generate_ids(model, [p], GREEDY)[0].token_ids for p in prompts]
    stop = alone[0][2]
    gen = GenerationConfig(max_new_tokens=20, temperature=0, stop_token_ids=[stop])
    results = generate_ids(model, prompts, gen)
    assert results[0].token_ids == alone[0][: alone[0].index(stop)]
    expected_1 = alone[1][: alone[1].index(stop)] if stop in alone[1] else alone[1]
    assert results[1].token_ids == expected_1


def test_allowed_tokens_hook_constrains_every_step() -> None:
    model = make_model()
    allowed_set = {40, 41, 42}
    seen_lengths: list[int] = []

    def allowed(ids: list[int]) -> set[int]:
        seen_lengths.append(len(ids))
        return allowed_set

    result = generate_ids(model, [[1]], GenerationConfig(max_new_tokens=12, temperature=1.0, seed=1),
                          allowed_tokens=allowed)[0]
    assert len(result.token_ids) == 12 and set(result.token_ids) <= allowed_set
    assert seen_lengths == list(range(12))
    dead_end = generate_ids(model, [[1]], GREEDY, allowed_tokens=lambda ids: [] if len(ids) == 3 else None)[0]
    assert len(dead_end.token_ids) == 3 and dead_end.finish_reason == "constraint"


def test_context_limit_caps_new_tokens() -> None:
    model = make_model(max_seq_len=32)
    result = generate_ids(model, [list(range(1, 29))], GenerationConfig(max_new_tokens=50, temperature=0))[0]
    assert len(result.token_ids) == 4 and result.finish_reason == "length"
    with pytest.raises(ModelInputError, match="prompt"):
        generate_ids(model, [list(range(32))], GREEDY)


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"max_new_tokens": 0}, "max_new_tokens"),
        ({"temperature": -0.1}, "temperature"),
        ({"temperature": float("nan")}, "temperature"),
        ({"top_k": 0}, "top_k"),
        ({"top_p": 0.0}, "top_p"),
        ({"top_p": 1.5}, "top_p"),
        ({"repetition_penalty": 0}, "repetition_penalty"),
        ({"stop_sequences": [""]}, "stop_sequences"),
        ({"stop_token_ids": [-1]}, "stop_token_ids"),
        ({"seed": "x"}, "seed"),
    ],
)
def test_bad_generation_settings_name_the_field(kwargs: dict, field: str) -> None:
    with pytest.raises(ModelInputError, match=field):
        GenerationConfig(**kwargs)


def test_bad_prompts_are_input_errors() -> None:
    model = make_model()
    with pytest.raises(ModelInputError, match=r"prompts\[1\]"):
        generate_ids(model, [[1], [500]], GREEDY)
    with pytest.raises(ModelInputError, match="empty"):
        generate_ids(model, [[]], GREEDY)
    with pytest.raises(ModelInputError, match="at least one"):
        generate_ids(model, [], GREEDY)


def test_generation_ignores_dropout_and_restores_training_mode() -> None:
    torch.manual_seed(0)
    cfg = ModelConfig(vocab_size=130, d_model=64, n_layers=2, n_heads=4, n_kv_heads=2, ffn_hidden=96,
                      max_seq_len=64, init_std=0.15, dropout=0.5)
    model = HavocLM(cfg).eval()
    expected = generate_ids(model, [[1, 2, 3]], GREEDY)[0].token_ids
    model.train()
    assert generate_ids(model, [[1, 2, 3]], GREEDY)[0].token_ids == expected
    assert model.training
