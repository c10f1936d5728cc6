"""Wrong and hostile values for every tool argument, drawn from each tool's own JSON schema.

Shared by `test_tool_sweep.py` (bounded, derandomised) and `bench/reliability_bench.py` (more
examples, counts printed). A call may succeed or fail with `HavocInputError`; anything else is a bug.
"""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

HOSTILE = [
    None, True, False, 0, -1, 1, 2, 3, 10**30, -(10**30), 1e308, -1e308, 5e-324, 0.5, 1e-20, "", " ", "0", "NaN",
    "x", "\ud800", "x" * 5000, "__import__('os').system('id')", "$(id)", "'; DROP TABLE t; --", "../../etc/passwd",
    [], [[]], [None], [1], [1, 1, 1], [0, 0, 0, 0], [1e308, -1e308, 1], [[1, 2], [3]], [[1, 2], [3, 4]],
    ["a", "b"], {}, {"a": 1}, [[[[1]]]],
]


def _plausible(schema: dict[str, Any]) -> st.SearchStrategy[Any]:
    """Values of roughly the right type, so that sweeps reach past the first validation."""
    kinds = {s.get("type") for s in [schema, *schema.get("anyOf", [])]}
    options: list[st.SearchStrategy[Any]] = []
    if "enum" in schema:
        options.append(st.sampled_from(schema["enum"]))
    if "integer" in kinds:
        options.append(st.integers(-3, 12))
    if "number" in kinds:
        options.append(st.floats(-1e6, 1e6, allow_nan=False))
    if "string" in kinds:
        options.append(st.sampled_from(["A", "x", "x**2", "sin(x)", "two_sided", "welch", "1/x", "a,b"]))
    if "array" in kinds:
        options.append(st.lists(st.floats(-100, 100, allow_nan=False), min_size=0, max_size=12))
        options.append(st.lists(st.lists(st.integers(-5, 20), min_size=1, max_size=5), min_size=1, max_size=4))
    if "boolean" in kinds:
        options.append(st.booleans())
    return st.one_of(options) if options else st.sampled_from(HOSTILE)


def arguments(schema: dict[str, Any]) -> st.SearchStrategy[dict[str, Any]]:
    """A dict of some of the schema's fields, each hostile or plausible, sometimes an unknown field."""
    props: dict[str, Any] = schema.get("properties", {})
    fields = {name: st.one_of(st.sampled_from(HOSTILE), _plausible(sub)) for name, sub in props.items()}
    required = set(schema.get("required", []))
    fixed = {name: strat for name, strat in fields.items() if name in required}
    optional = {name: strat for name, strat in fields.items() if name not in required}
    return st.fixed_dictionaries(fixed, optional=optional | {"not_a_field": st.sampled_from(HOSTILE)})
