"""The HTTP face of HAVOC: `havoc-agent serve` (see docs/api.md).

Two protocols existing clients already speak (OpenAI chat completions, the LangGraph server's
threads and runs) plus HAVOC's own routes (graph, tools, DSL, plots). `api.app.create_app` builds
the FastAPI app; one module per route group lives in `api/routes/`.
"""
