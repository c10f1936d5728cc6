"""LangGraph-compatible assistants: one assistant, `havoc`, the SRS graph."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from pydantic import BaseModel, ConfigDict, Field

from api.deps import Owner
from api.errors import ApiError
from api.runs import ASSISTANT_ID

router = APIRouter(tags=["langgraph"])
CREATED = "2026-01-01T00:00:00+00:00"


def assistant() -> dict[str, Any]:
    return {"assistant_id": ASSISTANT_ID, "graph_id": ASSISTANT_ID, "name": "HAVOC SRS graph",
            "description": "MODE → GROUND → PLAN → EXECUTE → ARGUE → ARBITER → AUDIT → ANSWER",
            "config": {}, "context": {}, "metadata": {}, "version": 1, "created_at": CREATED, "updated_at": CREATED}


class AssistantSearch(BaseModel):
    model_config = ConfigDict(extra="ignore")
    graph_id: str | None = None
    metadata: dict[str, Any] | None = None
    limit: int = Field(10, ge=1, le=1000)
    offset: int = Field(0, ge=0)


@router.post("/assistants/search")
async def search_assistants(_: Owner, body: AssistantSearch | None = None) -> list[dict[str, Any]]:
    body = body or AssistantSearch()
    found = [assistant()] if body.graph_id in (None, ASSISTANT_ID) and not body.metadata else []
    return found[body.offset: body.offset + body.limit]


@router.get("/assistants/{assistant_id}")
async def get_assistant(assistant_id: str, _: Owner) -> dict[str, Any]:
    if assistant_id != ASSISTANT_ID:
        raise ApiError(404, f"assistant {assistant_id} not found (the one assistant is '{ASSISTANT_ID}')",
                       param="assistant_id")
    return assistant()
