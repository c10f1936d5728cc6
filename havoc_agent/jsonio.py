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


def loads(text: str, *, source: str = "args") -> Any:
    try:
        return json.loads(text, parse_float=Decimal)
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
        try:
            if path.stat().st_size > MAX_BYTES:
                raise HavocInputError(f"{path} is larger than {MAX_BYTES // 2**20} MiB", field=field)
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
