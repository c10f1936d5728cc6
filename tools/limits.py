"""The execution envelope's limits: how big an input may be and how much a tool may use.

Why one module: every path into a tool (the CLI's `tool run`, a DSL program, a question
to `ask`, the HTTP API) goes through `tools.registry`, which checks these limits before
any work starts and then runs the work in a worker process capped in memory and time.
A limit that is hit is bad input: a one-line `HavocInputError` naming the field and the
limit (CLI exit 2, HTTP 4xx), never an out-of-memory kill.

Symbolic tools keep their own stricter bounds (matrices at most 20 x 20, results at most
100,000 characters, `timeout_s` at most 60 s; `tools.symbolic`).

Every limit is a setting (environment variable) with a default sized for a laptop:

| setting | default | what it bounds |
|---|---|---|
| `HAVOC_MAX_RUNS` | 4096 | runs of a generated design (runs, samples, runs x replicates) |
| `HAVOC_MAX_FACTORS` | 64 | factors of a design |
| `HAVOC_MAX_DATA_POINTS` | 1000000 | numbers in one tool call's arguments, all lists together |
| `HAVOC_MAX_STRING_CHARS` | 100000 | characters of one text argument (a DSL program: `HAVOC_MAX_PROGRAM_CHARS`) |
| `HAVOC_MAX_PROGRAM_CHARS` | 200000 | characters of one DSL program |
| `HAVOC_MAX_FILE_MB` | 64 | size of a CSV data file or an `@file` of JSON arguments |
| `HAVOC_MAX_PATH_CHARS` | 1024 | characters of a file path |
| `HAVOC_TOOL_TIMEOUT_S` | 60 | wall-clock time of one tool call in its worker |
| `HAVOC_WORKER_MEMORY_MB` | 1024 | address space a worker may add above its size at start |
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, fields
from typing import Any, TypeVar

from tools.errors import HavocInputError

T = TypeVar("T")


@dataclass(frozen=True)
class Limits:
    max_runs: int = 4096
    max_factors: int = 64
    max_data_points: int = 1_000_000
    max_string_chars: int = 100_000
    max_program_chars: int = 200_000
    max_file_mb: int = 64
    max_path_chars: int = 1024
    tool_timeout_s: int = 60
    worker_memory_mb: int = 1024

    @property
    def max_file_bytes(self) -> int:
        return self.max_file_mb * 2**20


def setting_name(field: str) -> str:
    return f"HAVOC_{field.upper()}"


_override: Limits | None = None  # set in a worker for one call: the caller's limits, not the worker's env


def limits() -> Limits:
    """The limits in force: each field from its `HAVOC_*` variable, else the default.

    Read on every call (a few environment look-ups) so that a changed setting applies at once.
    A malformed setting is the operator's input error, named, not a silent default.
    """
    if _override is not None:
        return _override
    values: dict[str, int] = {}
    for f in fields(Limits):
        name = setting_name(f.name)
        raw = os.environ.get(name)
        if raw is None or raw.strip() == "":
            continue
        try:
            value = int(raw)
        except ValueError:
            raise HavocInputError(f"expected a whole number, got {raw[:40]!r}", field=name) from None
        if value < 1:
            raise HavocInputError(f"must be at least 1, got {value}", field=name)
        values[f.name] = value
    return Limits(**values)


def run_with_limits(lim: Limits, func: Callable[..., T], *args: Any) -> T:
    """Call `func` with `lim` in force (in a worker: the settings of the process that asked)."""
    global _override
    saved, _override = _override, lim
    try:
        return func(*args)
    finally:
        _override = saved


def schema_maximum(limit_field: str) -> Callable[[dict[str, Any]], None]:
    """`json_schema_extra` stating a limit in a tool's schema, read when the schema is made."""
    def extra(schema: dict[str, Any]) -> None:
        schema["maximum"] = getattr(limits(), limit_field)
        schema["description"] = f"{schema.get('description', '')} (at most {setting_name(limit_field)}, " \
                                f"now {getattr(limits(), limit_field)})".strip()

    return extra


def too_big(field: str, what: str, got: int, limit_field: str) -> HavocInputError:
    """The one wording of a refused size: field, what was given, the limit and its setting."""
    limit = getattr(limits(), limit_field)
    return HavocInputError(f"{got:,} {what} is more than the limit of {limit:,} ({setting_name(limit_field)})",
                           field=field)


def check_at_most(field: str, what: str, got: int, limit_field: str) -> None:
    if got > getattr(limits(), limit_field):
        raise too_big(field, what, got, limit_field)


MAX_DEPTH = 32


def check_arguments(args: object) -> None:
    """Refuse, before any work, arguments too large or too deep, or text that is not text.

    Counts every number in every list (a tool's data, however nested), measures every
    string, and refuses a lone surrogate (text from a broken client that no later
    layer can encode). The field named is the argument's path, e.g. `groups.2`.
    """
    lim = limits()
    count = 0
    stack: list[tuple[object, str, int]] = [(args, "", 0)]
    while stack:
        value, path, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise HavocInputError(f"nested more than {MAX_DEPTH} levels deep", field=path or "args")
        if isinstance(value, str):
            top = path.split(".", 1)[0]
            limit_field = "max_program_chars" if top in ("program", "source") else "max_string_chars"
            if len(value) > getattr(lim, limit_field):
                raise too_big(path or "args", "characters", len(value), limit_field)
            _check_text(value, path or "args")
        elif isinstance(value, dict):
            for key, item in value.items():
                if isinstance(key, str):
                    _check_text(key, path or "args")
                stack.append((item, f"{path}.{key}" if path else str(key), depth + 1))
        elif isinstance(value, (list, tuple)):
            if len(value) > lim.max_data_points:
                raise too_big(path or "args", "values", len(value), "max_data_points")
            for i, item in enumerate(value):
                stack.append((item, f"{path}.{i}" if path else str(i), depth + 1))
        else:
            count += 1
            if count > lim.max_data_points:
                field = path.split(".", 1)[0] or "args"
                raise HavocInputError(f"more than the limit of {lim.max_data_points:,} numbers in one call "
                                      f"({setting_name('max_data_points')})", field=field)


def _check_text(text: str, field: str) -> None:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise HavocInputError(f"text holds an invalid character (a lone surrogate) at position {exc.start}; "
                              "send UTF-8 text", field=field) from None
