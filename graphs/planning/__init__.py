"""PLAN's planners: the user's own DSL, a configured chat model, the deterministic NL parser."""
