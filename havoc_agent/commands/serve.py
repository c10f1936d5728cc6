"""`havoc-agent serve [--host 127.0.0.1] [--port 8000] [--workers N]`: the HTTP API (docs/api.md).

Bound to loopback it may run without keys; bound to any other address it refuses to start unless
HAVOC_API_KEYS is set, so a server is never opened to a network by accident.
"""

from __future__ import annotations

import argparse

from tools.errors import HavocInputError


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("serve", help="serve the HTTP API (OpenAI-compatible chat, LangGraph runs, tools, DSL)")
    p.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    p.add_argument("--workers", type=int, default=1, help="worker processes (more than 1 needs HAVOC_DATABASE_URL)")
    p.add_argument("--log-level", default="info", choices=["critical", "error", "warning", "info", "debug"])
    p.set_defaults(func=_serve)


def check_args(host: str, port: int, workers: int) -> None:
    from api.settings import ApiSettings, is_loopback

    if not 0 < port < 65536:
        raise HavocInputError(f"must be 1-65535, got {port}", field="--port")
    if workers < 1:
        raise HavocInputError(f"must be at least 1, got {workers}", field="--workers")
    try:
        settings = ApiSettings.from_env()
    except ValueError as exc:
        raise HavocInputError(str(exc), field="environment") from None
    if workers > 1 and not settings.database_url:
        raise HavocInputError("more than one worker needs HAVOC_DATABASE_URL (threads, runs and their events "
                              "shared in PostgreSQL)", field="--workers")
    if not is_loopback(host) and not settings.api_keys:
        raise HavocInputError(f"refusing to bind {host} without API keys: set HAVOC_API_KEYS (comma-separated), "
                              "or bind 127.0.0.1", field="--host")


def _serve(args: argparse.Namespace) -> int:
    check_args(args.host, args.port, args.workers)
    import uvicorn

    uvicorn.run("api.app:app_factory", factory=True, host=args.host, port=args.port, workers=args.workers,
                log_level=args.log_level)
    return 0
