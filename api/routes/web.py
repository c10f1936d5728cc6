"""`GET /` serves the built web UI (web/dist) when it exists; the API works without it."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

DIST = Path(__file__).resolve().parents[2] / "web" / "dist"


def mount(app: FastAPI, dist: Path = DIST) -> bool:
    if not (dist / "index.html").is_file():
        return False
    app.mount("/", StaticFiles(directory=dist, html=True), name="web")
    return True
