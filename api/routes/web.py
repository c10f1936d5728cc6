"""`GET /` serves the built web UI (web/dist, or HAVOC_WEB_DIST) when it exists; the API works without it."""

from __future__ import annotations

import os
from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

DIST = Path(__file__).resolve().parents[2] / "web" / "dist"


def mount(app: FastAPI, dist: Path | None = None) -> bool:
    dist = dist or Path(os.environ.get("HAVOC_WEB_DIST") or DIST)
    if not (dist / "index.html").is_file():
        return False
    app.mount("/", StaticFiles(directory=dist, html=True), name="web")
    return True
