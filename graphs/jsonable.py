"""Make values JSON-ready: Decimals, numpy scalars/arrays, pydantic models."""

from __future__ import annotations

from decimal import Decimal
from typing import Any


def jsonable(obj: Any, *, decimal_as_text: bool = True) -> Any:
    """Decimal → its text (default, keeps every digit) or float; containers recursively."""
    if isinstance(obj, Decimal):
        return str(obj) if decimal_as_text else float(obj)
    if isinstance(obj, dict):
        return {str(k): jsonable(v, decimal_as_text=decimal_as_text) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [jsonable(v, decimal_as_text=decimal_as_text) for v in obj]
    if hasattr(obj, "model_dump"):
        return jsonable(obj.model_dump(mode="json"), decimal_as_text=decimal_as_text)
    if hasattr(obj, "tolist"):
        return obj.tolist()
    return obj
