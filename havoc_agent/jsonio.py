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

MAX_BYTES = 64 * 1024 * 1024


MAX_NUMBER_DIGITS = 400  # far beyond any measurement; Python refuses ints past 4,300 digits anyway


def _number(text: str) -> Decimal:
    digits = sum(ch.isdigit() for ch in text)
    if digits > MAX_NUMBER_DIGITS:
        raise ValueError(f"a number of {digits} digits (the limit is {MAX_NUMBER_DIGITS})")
    value = Decimal(text)
    if value and not (-400 <= value.adjusted() <= 400):
        raise ValueError(f"{text[:30]} is out of range (|exponent| above 400)")
    return value


def _integer(text: str) -> int:
    if len(text) > MAX_NUMBER_DIGITS:
        raise ValueError(f"an integer of {len(text)} digits (the limit is {MAX_NUMBER_DIGITS})")
    return int(text)


def _constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number JSON allows; write the value, or leave the point out")


def loads(text: str, *, source: str = "args") -> Any:
    if "\x00" in text:
        raise HavocInputError("the JSON contains NUL bytes (a binary file?)", field=source)
    try:
        return json.loads(text, parse_float=_number, parse_int=_integer, parse_constant=_constant)
    except json.JSONDecodeError as exc:
        raise HavocInputError(f"invalid JSON at line {exc.lineno} column {exc.colno}: {exc.msg}", field=source) from None
    except ValueError as exc:  # from the number readers above
        raise HavocInputError(str(exc), field=source) from None
    except RecursionError:
        raise HavocInputError("JSON nested too deeply", field=source) from None


def read_arg(value: str, *, field: str = "--args") -> Any:
    """Inline JSON, `@path` for a file, or `-` for standard input."""
    if value == "-":
        text = sys.stdin.read(MAX_BYTES + 1)
        source = "stdin"
    elif value.startswith("@"):
        path = Path(value[1:])
        try:
            if path.stat().st_size > MAX_BYTES:
                raise HavocInputError(f"{path} is larger than {MAX_BYTES // 2**20} MiB", field=field)
            if not path.is_file():
                raise HavocInputError(f"{path} is not a regular file", field=field)
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise HavocInputError(f"no such file: {path}", field=field) from None
        except (OSError, UnicodeDecodeError) as exc:
            raise HavocInputError(f"cannot read {path}: {exc}", field=field) from None
        source = str(path)
    else:
        text, source = value, field
    if len(text) > MAX_BYTES:
        raise HavocInputError(f"more than {MAX_BYTES // 2**20} MiB of JSON", field=source)
    return loads(text, source=source)


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
