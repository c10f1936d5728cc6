"""A BERT sentence encoder in numpy: the all-MiniLM-L6-v2 forward pass without torch.

`havoc-agent ask` embeds one short question per run. Loading that model
through sentence-transformers imports torch, transformers and scikit-learn
(5–8 s on this 2-core machine) to run a 6-layer, 384-wide encoder over a
dozen tokens, which numpy does in a few milliseconds. This module reads the
same files (config.json, model.safetensors, tokenizer.json) and computes the
same function:

    tokens = WordPiece(text)[:max_seq_length]          # [CLS] ... [SEP]
    h      = LayerNorm(word[ids] + position[0..n) + token_type[0])
    h      = BertLayer(h) x num_hidden_layers          # post-norm, GELU(erf)
    vector = normalise(mean of h over real tokens)

`Embedder` uses it when a model directory is exactly this architecture
(`BertModel`, mean pooling, normalisation; `supports` says); any other
sentence-transformers model goes through sentence-transformers.
tests/knowledge/test_bert_encoder.py holds the two to cosine ≥ 0.99999.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np

_EXPECTED_MODULES = [
    "sentence_transformers.models.Transformer",
    "sentence_transformers.models.Pooling",
    "sentence_transformers.models.Normalize",
]


def _read_json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def supports(model_dir: Path) -> bool:
    """True when the directory is a BERT + mean pooling + normalise model this module computes exactly."""
    try:
        modules = _read_json(model_dir / "modules.json")
        config = _read_json(model_dir / "config.json")
        pooling_dir = next((m.get("path", "") for m in modules if m.get("type", "").endswith(".Pooling")), None)
        pooling = _read_json(model_dir / pooling_dir / "config.json") if pooling_dir else {}
    except (OSError, ValueError, StopIteration):
        return False
    if [m.get("type") for m in modules] != _EXPECTED_MODULES:
        return False
    if config.get("model_type") != "bert" or config.get("hidden_act") != "gelu":
        return False
    if config.get("position_embedding_type", "absolute") != "absolute":
        return False
    if not _readable_weights(model_dir / "model.safetensors"):
        return False
    pooled = [k for k, v in pooling.items() if k.startswith("pooling_mode_") and v]
    return pooled == ["pooling_mode_mean_tokens"] and all(
        (model_dir / name).is_file() for name in ("model.safetensors", "tokenizer.json")
    )


_DTYPES = {"F32": np.float32, "F16": np.float16, "F64": np.float64, "I64": np.int64}


def map_safetensors(path: Path) -> dict[str, np.ndarray]:
    """Every tensor of a .safetensors file as a read-only view of one memory map, as float32 where it is a
    float type: opening costs a header read, and a question pages in only the embedding rows it uses."""
    header, start = _safetensors_header(path)
    buffer = np.memmap(path, dtype=np.uint8, mode="r")
    out: dict[str, np.ndarray] = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        dtype = _DTYPES.get(info["dtype"])
        if dtype is None:
            raise ValueError(f"{path.name}: tensor {name} has dtype {info['dtype']}, which this encoder does not read")
        begin, end = info["data_offsets"]
        array = np.frombuffer(buffer, dtype=dtype, count=(end - begin) // np.dtype(dtype).itemsize,
                              offset=start + begin).reshape(info["shape"])
        out[name] = array.astype(np.float32) if array.dtype.kind == "f" and array.dtype != np.float32 else array
    return out


def _safetensors_header(path: Path) -> tuple[dict[str, Any], int]:
    """The file's JSON header (tensor name -> dtype, shape, offsets) and where the tensor data begins."""
    with path.open("rb") as f:
        size = int.from_bytes(f.read(8), "little")
        return json.loads(f.read(size)), 8 + size


def _readable_weights(path: Path) -> bool:
    try:
        header, _ = _safetensors_header(path)
    except (OSError, ValueError):
        return False
    return all(v.get("dtype") in _DTYPES for k, v in header.items() if k != "__metadata__")


def _layer_norm(x: np.ndarray, weight: np.ndarray, bias: np.ndarray, eps: float) -> np.ndarray:
    mean = x.mean(axis=-1, keepdims=True)
    centred = x - mean
    var = np.mean(centred * centred, axis=-1, keepdims=True)
    return centred / np.sqrt(var + eps) * weight + bias


# Abramowitz & Stegun 7.1.26: erf to 1.5e-7 absolute, below float32 resolution of GELU's output; scipy.special
# would cost a cold ask ~0.3 s of imports for this one function.
_AS_P = 0.3275911
_AS_A = (0.254829592, -0.284496736, 1.421413741, -1.453152027, 1.061405429)


def _erf(x: np.ndarray) -> np.ndarray:
    a = np.abs(x)
    t = 1.0 / (1.0 + _AS_P * a)
    poly = t * (_AS_A[0] + t * (_AS_A[1] + t * (_AS_A[2] + t * (_AS_A[3] + t * _AS_A[4]))))
    return np.sign(x) * (1.0 - poly * np.exp(-a * a))


def _gelu(x: np.ndarray) -> np.ndarray:
    """BERT's exact GELU, x * Phi(x)."""
    return 0.5 * x * (1.0 + _erf(x * np.float32(1.0 / np.sqrt(2.0))))


class BertEncoder:
    """Mean-pooled, unit-length sentence vectors from a BERT checkpoint; float32 throughout."""

    def __init__(self, model_dir: Path) -> None:
        from tokenizers import Tokenizer

        config = _read_json(model_dir / "config.json")
        st_config_path = model_dir / "sentence_bert_config.json"
        st_config = _read_json(st_config_path) if st_config_path.is_file() else {}
        self.n_layers = int(config["num_hidden_layers"])
        self.n_heads = int(config["num_attention_heads"])
        self.hidden = int(config["hidden_size"])
        self.eps = float(config.get("layer_norm_eps", 1e-12))
        self.max_len = min(int(st_config.get("max_seq_length", 512)), int(config["max_position_embeddings"]))
        self.dimension = self.hidden
        weights = map_safetensors(model_dir / "model.safetensors")
        prefix = "bert." if "bert.embeddings.word_embeddings.weight" in weights else ""
        self.w = {k[len(prefix):]: v for k, v in weights.items() if k.startswith(prefix)}
        # Linear layers are stored (out, in); a transposed view makes the forward pass x @ W (BLAS reads it as is).
        for name, value in self.w.items():
            if name.startswith("encoder.") and value.ndim == 2:
                self.w[name] = value.T
        self.tokenizer = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
        self.tokenizer.no_padding()
        self.tokenizer.enable_truncation(self.max_len)

    def _layer(self, h: np.ndarray, bias: np.ndarray, i: int) -> np.ndarray:
        w = self.w
        p = f"encoder.layer.{i}."
        b, n, d = h.shape
        hd = d // self.n_heads

        def heads(x: np.ndarray) -> np.ndarray:
            return x.reshape(b, n, self.n_heads, hd).transpose(0, 2, 1, 3)

        q = heads(h @ w[p + "attention.self.query.weight"] + w[p + "attention.self.query.bias"])
        k = heads(h @ w[p + "attention.self.key.weight"] + w[p + "attention.self.key.bias"])
        v = heads(h @ w[p + "attention.self.value.weight"] + w[p + "attention.self.value.bias"])
        scores = q @ k.transpose(0, 1, 3, 2) / np.float32(np.sqrt(hd)) + bias
        scores -= scores.max(axis=-1, keepdims=True)
        probs = np.exp(scores)
        probs /= probs.sum(axis=-1, keepdims=True)
        context = (probs @ v).transpose(0, 2, 1, 3).reshape(b, n, d)
        attn = context @ w[p + "attention.output.dense.weight"] + w[p + "attention.output.dense.bias"]
        h = _layer_norm(attn + h, w[p + "attention.output.LayerNorm.weight"],
                        w[p + "attention.output.LayerNorm.bias"], self.eps)
        inner = _gelu(h @ w[p + "intermediate.dense.weight"] + w[p + "intermediate.dense.bias"])
        out = inner @ w[p + "output.dense.weight"] + w[p + "output.dense.bias"]
        return _layer_norm(out + h, w[p + "output.LayerNorm.weight"], w[p + "output.LayerNorm.bias"], self.eps)

    def _encode_batch(self, ids: list[list[int]]) -> np.ndarray:
        w = self.w
        n = max(len(row) for row in ids)
        tokens = np.zeros((len(ids), n), dtype=np.int64)
        mask = np.zeros((len(ids), n), dtype=np.float32)
        for r, row in enumerate(ids):
            tokens[r, : len(row)] = row
            mask[r, : len(row)] = 1.0
        h = w["embeddings.word_embeddings.weight"][tokens]
        h = h + w["embeddings.position_embeddings.weight"][:n] + w["embeddings.token_type_embeddings.weight"][0]
        h = _layer_norm(h, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"], self.eps)
        bias = ((1.0 - mask) * np.finfo(np.float32).min)[:, None, None, :]
        for i in range(self.n_layers):
            h = self._layer(h, bias, i)
        pooled = (h * mask[:, :, None]).sum(axis=1) / np.maximum(mask.sum(axis=1, keepdims=True), 1e-9)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        return pooled / np.maximum(norms, 1e-12)

    def encode(self, texts: list[str], batch_size: int = 32) -> np.ndarray:
        """Row i is the unit vector of texts[i]; batches are formed by length to keep padding small."""
        ids = [e.ids for e in self.tokenizer.encode_batch(texts)]
        order = sorted(range(len(ids)), key=lambda i: -len(ids[i]))
        out = np.zeros((len(texts), self.hidden), dtype=np.float32)
        for start in range(0, len(order), batch_size):
            chunk = order[start : start + batch_size]
            out[chunk] = self._encode_batch([ids[i] for i in chunk])
        return out
