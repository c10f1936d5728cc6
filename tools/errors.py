"""The one error type for bad input, shared by every layer above `tools`.

Why one type: the CLI, the DSL executor, the graph and the API all need to tell
"the user gave us something we cannot use" (exit code 2, HTTP 4xx, a one-line
message) apart from "we have a bug" (exit code 1, trace saved). Everything that
is the user's fault raises `HavocInputError`; anything else is ours.
"""

from __future__ import annotations


class HavocInputError(ValueError):
    """Bad input: the message is one line and names the field (or file, line, column)."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        self.field = field
        text = " ".join(str(message).split())  # always one line
        if field and not text.startswith(f"{field}:"):
            text = f"{field}: {text}"
        super().__init__(text)

    @property
    def message(self) -> str:
        return str(self)
