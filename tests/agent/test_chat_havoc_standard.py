"""langchain-tests' standard unit suite for ChatHavoc (no decoding: construction, tools, params)."""

from __future__ import annotations

from langchain_tests.unit_tests import ChatModelUnitTests

from havoc_agent.chat_havoc import ChatHavoc


class TestChatHavocUnit(ChatModelUnitTests):
    @property
    def chat_model_class(self) -> type[ChatHavoc]:
        return ChatHavoc

    @property
    def chat_model_params(self) -> dict:
        # construction never reads the directory: the weights load on the first call
        return {"checkpoint": "havoc_model/planner_checkpoint", "model": "havoc-planner"}
