"""The FastAPI app: settings, security, one router per route group, the web UI when built."""

from __future__ import annotations

import os
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

from api import errors
from api.routes import assistants, dsl, files, graph, health, openai_chat, plots, runs, threads, tools, web
from api.runs import RunManager
from api.security import BodyLimit, RateLimiter
from api.settings import ApiSettings
from api.store import open_store
from tools.limits import limits

ROUTERS = (health.router, openai_chat.router, assistants.router, threads.router, runs.router,
           graph.router, tools.router, dsl.router, files.router, plots.router)
MULTIPART_SLACK = 64 * 1024  # an upload's body is the file plus its multipart headers


def create_app(settings: ApiSettings | None = None) -> FastAPI:
    settings = settings or ApiSettings.from_env()

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        app.state.runs = RunManager(settings.max_runs, settings.max_queue, open_store(settings.database_url))
        try:
            yield
        finally:
            app.state.runs.shutdown()

    app = FastAPI(title="HAVOC API", version="0.1.0", lifespan=lifespan,
                  description="OpenAI-compatible chat, LangGraph-compatible runs with the eight stages' "
                              "trace, tools and the DSL. See docs/api.md.")
    app.state.settings = settings
    app.state.limiter = RateLimiter(settings.rate_per_minute)
    errors.install(app)
    for router in ROUTERS:
        app.include_router(router)
    if settings.cors_origins:
        app.add_middleware(CORSMiddleware, allow_origins=list(settings.cors_origins), allow_methods=["*"],
                           allow_headers=["*"], expose_headers=["Content-Location", "Location", "x-havoc-run-id"])
    file_mb = limits().max_file_mb
    app.add_middleware(BodyLimit, max_body=settings.max_body, per_path={
        "/v1/files": (file_mb * 2**20 + MULTIPART_SLACK, "file", "file_too_large",
                      f"file: larger than the limit of {file_mb} MiB (HAVOC_MAX_FILE_MB)")})
    app.add_middleware(WorkerHeader)
    web.mount(app)
    return app


class WorkerHeader:
    """`x-havoc-worker: PID` on every response: with --workers N, says which process answered."""

    def __init__(self, app) -> None:
        self.app = app
        self.header = (b"x-havoc-worker", str(os.getpid()).encode())

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def tagged(message):
            if message["type"] == "http.response.start":
                message = {**message, "headers": [*message.get("headers", []), self.header]}
            await send(message)

        await self.app(scope, receive, tagged)


def app_factory() -> FastAPI:
    """For `uvicorn --factory api.app:app_factory` (each worker builds its own app)."""
    return create_app()
