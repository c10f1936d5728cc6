"""Who is calling (API keys), how often (a per-key rate limit), and how much they may send (body size).

Keys come as `Authorization: Bearer KEY` or `x-api-key: KEY`. Without configured keys (loopback only,
see `havoc_agent/commands/serve.py`) every caller is the one local owner. The owner is a hash of
the key, so the key itself is never kept in a thread's metadata.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import threading
import time

from fastapi import Request

from api.errors import ApiError, error_body
from api.settings import ApiSettings

LOCAL_OWNER = "local"
OPEN_PATHS = {"/healthz", "/readyz", "/openapi.json", "/docs", "/docs/oauth2-redirect", "/redoc"}


def presented_key(request: Request) -> str | None:
    auth = request.headers.get("authorization", "")
    if auth[:7].lower() == "bearer ":
        return auth[7:].strip() or None
    return request.headers.get("x-api-key") or None


def owner_of(key: str) -> str:
    return "key-" + hashlib.sha256(key.encode()).hexdigest()[:16]


class RateLimiter:
    """A token bucket per owner: `rate` requests a minute, bursts up to the same number."""

    def __init__(self, rate_per_minute: int) -> None:
        self.capacity = float(rate_per_minute)
        self.per_second = rate_per_minute / 60.0
        self._buckets: dict[str, tuple[float, float]] = {}
        self._lock = threading.Lock()

    def take(self, who: str) -> float:
        """0 when allowed, else the seconds until the next request would be."""
        now = time.monotonic()
        with self._lock:
            tokens, last = self._buckets.get(who, (self.capacity, now))
            tokens = min(self.capacity, tokens + (now - last) * self.per_second)
            if tokens >= 1.0:
                self._buckets[who] = (tokens - 1.0, now)
                return 0.0
            self._buckets[who] = (tokens, now)
            return (1.0 - tokens) / self.per_second


def authenticate(request: Request) -> str:
    """The caller's owner id; raises 401 for a missing or wrong key, 429 past the rate limit."""
    settings: ApiSettings = request.app.state.settings
    if settings.api_keys:
        key = presented_key(request)
        if key is None:
            raise ApiError(401, "missing API key: send 'Authorization: Bearer KEY' or 'x-api-key: KEY'",
                           code="missing_api_key")
        if not any(hmac.compare_digest(key, k) for k in settings.api_keys):
            raise ApiError(401, "invalid API key", code="invalid_api_key")
        owner = owner_of(key)
    else:
        owner = LOCAL_OWNER
    limiter: RateLimiter = request.app.state.limiter
    client = request.client.host if request.client else "?"
    wait = limiter.take(owner if settings.api_keys else client)
    if wait > 0:
        raise ApiError(429, f"rate limit of {settings.rate_per_minute} requests per minute exceeded",
                       code="rate_limited", headers={"Retry-After": str(max(1, round(wait + 0.5)))})
    return owner


class BodyLimit:
    """ASGI middleware: a body over `max_body` bytes is answered 413 before any handler reads it.

    `per_path` gives a route its own limit and message: {path: (bytes, param, code, message)}
    (uploads are as large as a data file may be, far above a JSON body's limit).
    """

    def __init__(self, app, max_body: int, per_path: dict[str, tuple[int, str, str, str]] | None = None) -> None:
        self.app, self.max_body = app, max_body
        self.per_path = per_path or {}

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        max_body, param, code, message = self.per_path.get(
            scope.get("path", ""), (self.max_body, "body", "body_too_large",
                                    f"request body larger than {self.max_body} bytes"))

        async def too_large() -> None:
            await self._too_large(send, param, code, message)

        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > max_body:
            return await too_large()
        seen = 0
        started = tripped = False

        async def limited_receive():
            nonlocal seen, tripped
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > max_body:
                    tripped = True
                    raise _TooLarge
            return message

        async def tracking_send(message):
            nonlocal started
            if tripped:  # a body parser caught _TooLarge and answers on its own: the 413 goes instead
                if message["type"] == "http.response.start" and not started:
                    started = True
                    await too_large()
                return
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, limited_receive, tracking_send)
        except _TooLarge:
            if not started:
                await too_large()

    @staticmethod
    async def _too_large(send, param: str, code: str, message: str) -> None:
        body = json.dumps(error_body(413, message, param, code)).encode()
        await send({"type": "http.response.start", "status": 413,
                    "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
        await send({"type": "http.response.body", "body": body})


class _TooLarge(Exception):
    pass
