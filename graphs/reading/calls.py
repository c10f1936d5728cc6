"""The executed tool calls, as the reading audit sees them: tool, arguments, output."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any


@dataclass(frozen=True)
class Call:
    tool: str
    args: dict[str, Any]
    output: dict[str, Any] = field(default_factory=dict)

    def arg(self, name: str, default: Any = None) -> Any:
        value = self.args.get(name)
        return default if value is None else value


def calls_of(results: list[dict] | None) -> list[Call]:
    """The calls that produced an output (a failed call computed nothing to read)."""
    return [Call(r["tool"], dict(r.get("args") or {}), dict(r.get("output") or {}))
            for r in results or [] if r.get("output") is not None]


def key(value: Any) -> Decimal | None:
    """A number as a comparable key: 10, 10.0 and "10.00" are one key; float noise below 12 digits is not."""
    if isinstance(value, bool) or value is None:
        return None
    try:
        if isinstance(value, float):
            value = f"{value:.12g}"
        return Decimal(str(value)).normalize()
    except (InvalidOperation, ValueError):
        return None


def numeric_leaves(value: Any, path: str = "") -> list[tuple[str, Any]]:
    """(argument name, number) for every number inside an argument value, lists and tables included."""
    if isinstance(value, bool) or value is None:
        return []
    if isinstance(value, (int, float, Decimal)):
        return [(path, value)]
    if isinstance(value, (list, tuple)):
        return [leaf for v in value for leaf in numeric_leaves(v, path)]
    if isinstance(value, dict):
        return [leaf for k, v in value.items() for leaf in numeric_leaves(v, path or str(k))]
    if isinstance(value, str):
        try:
            return [(path, Decimal(value.strip()))] if value.strip() else []
        except InvalidOperation:
            return []
    return []


def list_lengths(value: Any) -> list[int]:
    """Lengths of every list inside a value: a subgroup size, a group count, a sample size."""
    out: list[int] = []
    if isinstance(value, (list, tuple)):
        out.append(len(value))
        for v in value:
            out += list_lengths(v)
    elif isinstance(value, dict):
        for v in value.values():
            out += list_lengths(v)
    return out
