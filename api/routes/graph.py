"""`GET /v1/graph`: the SRS graph's nodes, edges (AUDIT → PLAN included) and Mermaid, from the graph itself."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from api.deps import Owner

router = APIRouter(prefix="/v1", tags=["havoc"])


@router.get("/graph")
async def graph(_: Owner) -> dict[str, Any]:
    from graphs.srs import STAGES, build_graph

    drawable = build_graph().get_graph()
    edges = [{"source": e.source, "target": e.target, "conditional": bool(e.conditional)}
             for e in drawable.edges]
    return {"nodes": [{"id": n} for n in drawable.nodes], "stages": list(STAGES), "edges": edges,
            "mermaid": drawable.draw_mermaid()}
