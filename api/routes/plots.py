"""The charts of a run as SVG: the same figures as `ask --plots` (havoc_agent/plots.py), named alike."""

from __future__ import annotations

import asyncio
import re
import tempfile
import threading
from pathlib import Path
from typing import Any

from fastapi import APIRouter
from fastapi.responses import Response

from api.deps import Manager, Owner
from api.errors import ApiError
from api.routes.runs import owned_run

router = APIRouter(tags=["havoc"])
_PYPLOT = threading.Lock()  # pyplot keeps global state: one figure at a time
NAME = re.compile(r"^(\d{2})_([a-z_]+)$")


def plot_names(results: list[dict[str, Any]]) -> list[str]:
    from havoc_agent.plots import PLOTTERS

    return [f"{i:02d}_{r['tool']}" for i, r in enumerate(results, 1)
            if r.get("tool") in PLOTTERS and r.get("output") is not None]


@router.get("/threads/{thread_id}/runs/{run_id}/plots")
async def list_plots(thread_id: str, run_id: str, runs: Manager, owner: Owner) -> dict[str, Any]:
    run = owned_run(runs, thread_id, run_id, owner)
    names = plot_names(run.results or [])
    return {"plots": [{"name": n, "url": f"/threads/{thread_id}/runs/{run_id}/plots/{n}.svg"} for n in names]}


@router.get("/threads/{thread_id}/runs/{run_id}/plots/{name}.svg",
            responses={200: {"content": {"image/svg+xml": {}}}})
async def plot(thread_id: str, run_id: str, name: str, runs: Manager, owner: Owner) -> Response:
    run = owned_run(runs, thread_id, run_id, owner)
    results = run.results or []
    if name not in plot_names(results):
        raise ApiError(404, f"run {run_id} has no plot {name!r}", param="name", code="plot_not_found")
    index = int(NAME.match(name).group(1)) - 1
    result = results[index]

    def draw() -> bytes:
        from havoc_agent.plots import PLOTTERS

        with _PYPLOT, tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / f"{name}.svg"
            PLOTTERS[result["tool"]](result["args"], result["output"], path)
            return path.read_bytes()

    return Response(await asyncio.to_thread(draw), media_type="image/svg+xml")
