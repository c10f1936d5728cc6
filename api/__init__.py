"""The FastAPI app (OpenAI-compatible chat, agent runs over SSE, tools, DSL): not built yet; no open issue covers it."""
