from __future__ import annotations

from pathlib import Path

import pytest

from tests.agent.tiny_checkpoint import build_tiny_checkpoint


@pytest.fixture(scope="session")
def tiny_checkpoint(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_tiny_checkpoint(tmp_path_factory.mktemp("chat_havoc"))


@pytest.fixture(scope="session")
def tiny_slot_checkpoint(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_tiny_checkpoint(tmp_path_factory.mktemp("chat_havoc_slots"), list_slots=True)
