"""The math engine's tools over HTTP: the same JSON as `havoc-agent tool run NAME --args ...`."""

from __future__ import annotations

import asyncio
import contextlib
import json
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from api.deps import CallerData, Owner
from api.errors import ApiError
from dsl.files import file_access
from havoc_agent import jsonio
from tools.errors import HavocInputError

router = APIRouter(prefix="/v1", tags=["havoc"])


@router.get("/tools")
async def list_tools(_: Owner) -> list[dict[str, Any]]:
    from tools import registry

    return [{"name": s.name, "description": s.description, "args": s.json_schema()}
            for s in registry.tools().values()]


@router.post("/tools/{name}", openapi_extra={"requestBody": {"required": True, "content": {
    "application/json": {"schema": {"type": "object", "description": "the tool's arguments (GET /v1/tools)"}}}}})
async def run_tool(name: str, request: Request, access: CallerData) -> JSONResponse:
    """Numbers keep their decimal text (parsed as Decimal), as on the command line."""
    from tools import registry

    try:
        spec = registry.get(name)
    except HavocInputError as exc:
        raise ApiError(404, str(exc), param="name", code="tool_not_found") from None
    payload = jsonio.loads((await request.body()).decode("utf-8", "replace") or "{}", source="body")
    if not isinstance(payload, dict):
        raise ApiError(400, "body: must be a JSON object of the tool's arguments", param="body")
    if spec.name == "dsl_run":
        import dsl

        if payload.get("base_dir") is not None:
            raise ApiError(400, "base_dir: not accepted over HTTP (programs read only your uploads and the "
                                "server's data directory)", param="base_dir", code="file_access_refused")
        if isinstance(payload.get("program"), str):
            with contextlib.suppress(HavocInputError):  # a broken program: the tool reports its error
                access.check_program(dsl.parse(payload["program"]))

    def run() -> dict[str, Any]:
        with file_access(access.roots):
            return registry.run_tool(spec.name, payload)

    result = await asyncio.to_thread(run)
    return JSONResponse(json.loads(jsonio.dumps(result, indent=None)))
