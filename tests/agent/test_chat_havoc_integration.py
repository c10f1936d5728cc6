"""langchain-tests' standard integration suite for ChatHavoc, decoding with the shipped planner checkpoint.

The planner is a 3 M-parameter model trained only to turn questions into DSL programs, so what needs
a general assistant (following a tool schema, writing JSON for structured output, answering "hello")
is beyond it. Those tests are marked as expected failures, strictly: each reason says what the small
model cannot do, and a test that starts passing (a better checkpoint) fails the run until its mark
is removed. Everything the wrapper itself owes (invoke, stream, batch, usage metadata, stop
sequences, message histories) must pass.
"""

from __future__ import annotations

import functools
import inspect
from pathlib import Path

import pytest
from langchain_tests.integration_tests import ChatModelIntegrationTests

from havoc_agent.chat_havoc import ChatHavoc

CHECKPOINT = Path(__file__).resolve().parents[2] / "havoc_model" / "planner_checkpoint"

CANNOT_CALL_TOOLS = ("the planner checkpoint has a 256-token context and was trained on questions and DSL programs "
                     "only: tool schemas in the prompt overflow its context, and it never learned tool-call JSON")
CANNOT_WRITE_JSON = ("structured output is a forced tool call: the planner never learned the JSON, and the schema "
                     "overflows its 256-token context")


def _expected_failure(name: str, reason: str):
    """The standard test `name`, with its own parametrisation, marked as a strict expected failure."""
    base = getattr(ChatModelIntegrationTests, name)
    if inspect.iscoroutinefunction(base):
        async def test(self, *args, **kwargs):
            await base(self, *args, **kwargs)
    else:
        def test(self, *args, **kwargs):
            base(self, *args, **kwargs)
    return pytest.mark.xfail(reason=reason, strict=True)(functools.wraps(base)(test))


class TestChatHavocIntegration(ChatModelIntegrationTests):
    @property
    def chat_model_class(self) -> type[ChatHavoc]:
        return ChatHavoc

    @property
    def chat_model_params(self) -> dict:
        return {"checkpoint": str(CHECKPOINT), "model": "havoc-planner", "max_tokens": 48}

    @property
    def has_tool_calling(self) -> bool:
        return True

    @property
    def has_structured_output(self) -> bool:
        return True

    @property
    def returns_usage_metadata(self) -> bool:
        return True

    test_tool_calling = _expected_failure("test_tool_calling", CANNOT_CALL_TOOLS)
    test_tool_calling_async = _expected_failure("test_tool_calling_async", CANNOT_CALL_TOOLS)
    test_tool_calling_with_no_arguments = _expected_failure("test_tool_calling_with_no_arguments", CANNOT_CALL_TOOLS)
    test_tool_choice = _expected_failure("test_tool_choice", CANNOT_CALL_TOOLS)
    test_bind_runnables_as_tools = _expected_failure("test_bind_runnables_as_tools", CANNOT_CALL_TOOLS)
    test_tool_message_histories_string_content = _expected_failure("test_tool_message_histories_string_content",
                                                                    CANNOT_CALL_TOOLS)
    test_tool_message_histories_list_content = _expected_failure("test_tool_message_histories_list_content",
                                                                  CANNOT_CALL_TOOLS)
    test_tool_message_error_status = _expected_failure("test_tool_message_error_status", CANNOT_CALL_TOOLS)
    test_structured_few_shot_examples = _expected_failure("test_structured_few_shot_examples", CANNOT_CALL_TOOLS)
    test_agent_loop = _expected_failure("test_agent_loop", CANNOT_CALL_TOOLS)
    test_unicode_tool_call_integration = _expected_failure("test_unicode_tool_call_integration", CANNOT_CALL_TOOLS)
    test_structured_output = _expected_failure("test_structured_output", CANNOT_WRITE_JSON)
    test_structured_output_async = _expected_failure("test_structured_output_async", CANNOT_WRITE_JSON)
    test_structured_output_pydantic_2_v1 = _expected_failure("test_structured_output_pydantic_2_v1", CANNOT_WRITE_JSON)
    test_structured_output_optional_param = _expected_failure("test_structured_output_optional_param",
                                                               CANNOT_WRITE_JSON)
