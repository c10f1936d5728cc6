"""loss_on="replies": only what the assistant writes is learnt, not the user's text."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from havoc_model.errors import ModelInputError
from havoc_model.tokenizer import HavocTokenizer, train_tokenizer
from havoc_model.train import ReplyRoles, TrainConfig


@pytest.fixture(scope="module")
def tokenizer(tmp_path_factory: pytest.TempPathFactory) -> HavocTokenizer:
    root = tmp_path_factory.mktemp("reply_tok")
    text = "".join(f"describe the numbers {i} and chart them please, word{i} w{i * 7}\n" for i in range(400))
    (root / "text.txt").write_text(text, encoding="utf-8")
    train_tokenizer([root / "text.txt"], 600, root / "tok")
    return HavocTokenizer.load(root / "tok")


def test_only_replies_are_targets(tokenizer: HavocTokenizer) -> None:
    roles = ReplyRoles.from_tokenizer(tokenizer)
    doc = tokenizer.apply_chat_template([{"role": "user", "content": "chart them"},
                                         {"role": "assistant", "content": "describe"}]) + [tokenizer.eos_id]
    ids = np.array([doc * 3])
    x, y = ids[:, :-1], ids[:, 1:]
    targets = roles.targets(x, y)
    kept = [tokenizer.id_to_piece(int(t)) for t in targets[0] if t != -100]
    reply = tokenizer.encode("describe") + [tokenizer.end_id, tokenizer.eos_id]
    # each reply (its text, <|end|>, </s>) and the document boundary after it; never the user's words
    assert kept[:len(reply)] == [tokenizer.id_to_piece(t) for t in reply]
    assert "chart" not in "".join(kept) and "them" not in "".join(kept)
    assert (targets[0] != -100).sum() == 3 * len(reply) + 2 * 2  # <s> and <|user|> after the first two replies

    # a window starting inside the user's turn trains nothing until a role token says whose turn it is
    start = doc.index(tokenizer.special_ids["<|assistant|>"]) + 1
    window = np.array([doc[start:] + doc[:5]])
    targets = roles.targets(window[:, :-1], window[:, 1:])
    assert (targets != -100).sum() == 0


def test_loss_on_is_checked(tmp_path: Path) -> None:
    with pytest.raises(ModelInputError, match="loss-on"):
        TrainConfig(data=str(tmp_path), out=str(tmp_path / "o"), loss_on="questions").validate()
