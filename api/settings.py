"""The server's settings, read from the environment when the app is built (tests set them per server).

| variable | default | what it limits |
|---|---|---|
| `HAVOC_API_KEYS` | unset | comma-separated keys; required when bound to a non-loopback address |
| `HAVOC_CORS_ORIGINS` | unset | comma-separated origins allowed by CORS (`*` for any) |
| `HAVOC_API_MAX_BODY` | 1048576 | request body bytes |
| `HAVOC_API_MAX_QUESTION` | 20000 | characters of one question |
| `HAVOC_API_MAX_RUNS` | 4 | graph runs computing at once |
| `HAVOC_API_MAX_QUEUE` | 16 | runs waiting for a slot; beyond it 429 with Retry-After |
| `HAVOC_API_RATE` | 600 | requests per minute per key (or per client address without keys) |
| `HAVOC_DATABASE_URL` | unset | PostgreSQL for threads, runs, events and thread memory (needed by `--workers` > 1) |
| `HAVOC_DATA_DIR` | unset | a directory of CSV files every caller's programs may read (besides their uploads) |

Uploads live under `$HAVOC_HOME/uploads` and are capped by `HAVOC_MAX_FILE_MB` (`tools/limits.py`).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path


def _int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ValueError(f"{name} must be an integer, got {raw!r}") from None
    if value < 1:
        raise ValueError(f"{name} must be at least 1, got {value}")
    return value


def _home() -> Path:
    from havoc_agent.settings import home

    return home()


def _directory(name: str) -> Path | None:
    """An operator's directory, checked when the server starts rather than at a caller's first read."""
    raw = os.environ.get(name, "").strip()
    if not raw:
        return None
    path = Path(raw).expanduser().resolve()
    if not path.is_dir():
        raise ValueError(f"{name} must be an existing directory, got {raw!r}")
    return path


def _list(name: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, "").split(",") if item.strip()]


@dataclass(frozen=True)
class ApiSettings:
    api_keys: frozenset[str] = field(default_factory=frozenset)
    cors_origins: tuple[str, ...] = ()
    max_body: int = 1024 * 1024
    max_question: int = 20_000
    max_runs: int = 4
    max_queue: int = 16
    rate_per_minute: int = 600
    database_url: str | None = None
    data_dir: Path | None = None
    uploads_dir: Path = field(default_factory=lambda: _home() / "uploads")

    @classmethod
    def from_env(cls) -> ApiSettings:
        return cls(
            api_keys=frozenset(_list("HAVOC_API_KEYS")),
            cors_origins=tuple(_list("HAVOC_CORS_ORIGINS")),
            max_body=_int("HAVOC_API_MAX_BODY", 1024 * 1024),
            max_question=_int("HAVOC_API_MAX_QUESTION", 20_000),
            max_runs=_int("HAVOC_API_MAX_RUNS", 4),
            max_queue=_int("HAVOC_API_MAX_QUEUE", 16),
            rate_per_minute=_int("HAVOC_API_RATE", 600),
            database_url=os.environ.get("HAVOC_DATABASE_URL") or None,
            data_dir=_directory("HAVOC_DATA_DIR"),
            uploads_dir=_home() / "uploads",
        )


LOOPBACK = {"127.0.0.1", "::1", "localhost"}


def is_loopback(host: str) -> bool:
    return host in LOOPBACK or host.startswith("127.")
