"""Reading JSON the way HAVOC needs it: numbers keep their decimal text.

`--args '{"data": [1000000000000.4]}'` must not become a binary float before the
engine sees it (see `tools/numeric.py`). Sources: inline JSON, `@file.json`, `-`.
"""

from __future__ import annotations

import json
import math
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

from tools.errors import HavocInputError
from tools.limits import limits

MAX_BYTES = limits().max_file_bytes

MAX_NUMBER_CHARS = 400  # longer than any double needs (17 digits) or any certified value we keep
MAX_EXPONENT = 4000  # |exponent| of a decimal; beyond it no float or Decimal context can hold the value


def _number(text: str, field: str) -> Decimal | int:
    if len(text) > MAX_NUMBER_CHARS:
        raise HavocInputError(f"a number of {len(text):,} characters is longer than the limit of "
                              f"{MAX_NUMBER_CHARS}", field=field)
    if "." not in text and "e" not in text and "E" not in text:
        return int(text)
    value = Decimal(text)
    if value and abs(value.adjusted()) > MAX_EXPONENT:
        raise HavocInputError(f"the number {text[:40]} is out of range (exponent beyond ±{MAX_EXPONENT})",
                              field=field)
    return value


def _constant(name: str) -> Any:
    raise HavocInputError(f"{name} is not a JSON number; give a finite number", field="args")


def loads(text: str, *, source: str = "args") -> Any:
    """Parse JSON with explicit limits: number length and range (here), nesting depth (RecursionError
    here, and `tools.limits.check_arguments` before any tool runs); NaN/Infinity refused."""
    if "\x00" in text:
        raise HavocInputError("the JSON contains NUL bytes (a binary file?)", field=source)
    try:
        return json.loads(text, parse_float=lambda t: _number(t, source), parse_int=lambda t: _number(t, source),
                          parse_constant=_constant)
    except json.JSONDecodeError as exc:
        raise HavocInputError(f"invalid JSON at line {exc.lineno} column {exc.colno}: {exc.msg}", field=source) from None
    except RecursionError:
        raise HavocInputError("JSON nested too deeply", field=source) from None


def read_arg(value: str, *, field: str = "--args") -> Any:
    """Inline JSON, `@path` for a file, or `-` for standard input."""
    if value == "-":
        text = sys.stdin.read(MAX_BYTES + 1)
        source = "stdin"
    elif value.startswith("@"):
        path = Path(value[1:])
        text = read_bounded(path, field=field)
        source = str(path)
    else:
        text, source = value, field
    if len(text) > MAX_BYTES:
        raise HavocInputError(f"more than {MAX_BYTES // 2**20} MiB of JSON", field=source)
    return loads(text, source=source)


def read_bounded(path: Path, *, field: str, limit: int | None = None) -> str:
    """A UTF-8 text file of at most `limit` bytes (default HAVOC_MAX_FILE_MB), read without trusting its
    size: a device (/dev/zero), a FIFO or a growing file is cut at the limit and refused, not read forever."""
    limit = MAX_BYTES if limit is None else limit
    if len(str(path)) > limits().max_path_chars:
        raise HavocInputError(f"a path of {len(str(path)):,} characters is longer than the limit of "
                              f"{limits().max_path_chars:,} (HAVOC_MAX_PATH_CHARS)", field=field)
    try:
        with path.open("rb") as handle:
            data = handle.read(limit + 1)
    except FileNotFoundError:
        raise HavocInputError(f"cannot read {path}: no such file", field=field) from None
    except IsADirectoryError:
        raise HavocInputError(f"{path} is a directory", field=field) from None
    except OSError as exc:
        raise HavocInputError(f"cannot read {path}: {exc.strerror or exc}", field=field) from None
    if len(data) > limit:
        raise HavocInputError(f"{path} is larger than {limit // 2**20} MiB (HAVOC_MAX_FILE_MB)", field=field)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise HavocInputError(f"{path} is not UTF-8 text (byte {exc.start})", field=field) from None


def check_text(text: str, field: str) -> str:
    """Text from the command line or a client: refuse what is not Unicode text (bytes that were not
    UTF-8 arrive from argv as lone surrogates), naming the position."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise HavocInputError(f"is not valid UTF-8 text (an undecodable byte at character {exc.start + 1})",
                              field=field) from None
    return text


def dumps(data: Any, *, indent: int | None = 2) -> str:
    """Strict JSON: a non-finite float is written as NIST spells it ("Infinity", "-Infinity", "NaN")."""
    return json.dumps(_finite(data), indent=indent, ensure_ascii=False, default=_default, allow_nan=False)


def _finite(obj: Any) -> Any:
    if isinstance(obj, float) and not math.isfinite(obj):
        return "NaN" if obj != obj else ("Infinity" if obj > 0 else "-Infinity")
    if isinstance(obj, dict):
        return {k: _finite(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [_finite(v) for v in obj]
    return obj


def _default(obj: Any) -> Any:
    if isinstance(obj, Decimal):
        return float(obj)
    if hasattr(obj, "model_dump"):
        return obj.model_dump(mode="json")
    if hasattr(obj, "tolist"):
        return obj.tolist()
    raise TypeError(f"not JSON serialisable: {type(obj).__name__}")
