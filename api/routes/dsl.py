"""`POST /v1/dsl/check` and `/v1/dsl/run`: the HAVOC language over HTTP, errors with line and column.

A program reads CSV files only from the caller's uploads and the server's data directory
(`api/confinement.py`); any other path is refused (400) before anything runs.
"""

from __future__ import annotations

import asyncio
import json
from typing import Any

from fastapi import APIRouter
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field

from api.deps import CallerData
from dsl.files import file_access
from havoc_agent import jsonio

router = APIRouter(prefix="/v1/dsl", tags=["havoc"])
MAX_PROGRAM = 200_000


class ProgramIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    program: str = Field(max_length=MAX_PROGRAM, description="a HAVOC program (docs/dsl.md)")


def _dsl_error(exc, statement: str | None = None) -> JSONResponse:
    return JSONResponse({"ok": False, "error": exc.as_json(statement)}, status_code=400)


@router.post("/check")
async def check(body: ProgramIn, access: CallerData) -> JSONResponse:
    """A file that is not among the caller's data is a located error, like any other."""
    import dsl

    try:
        program = dsl.parse(body.program)
        access.check_program(program)

        def check_it() -> None:
            with file_access(access.roots):
                dsl.check(program, base_dir=None)

        await asyncio.to_thread(check_it)
    except dsl.DslError as exc:
        return _dsl_error(exc)
    return JSONResponse({"ok": True, "statements": len(program.statements), "formatted": dsl.format(program)})


@router.post("/run")
async def run(body: ProgramIn, access: CallerData) -> JSONResponse:
    """Each statement's result; on a failing statement, the results before it and the located error."""
    import dsl

    try:
        program = dsl.parse(body.program)
    except dsl.DslError as exc:
        return _dsl_error(exc)
    access.check_program(program)

    def execute() -> Any:
        with file_access(access.roots):
            return dsl.execute(program, base_dir=None, env={})

    try:
        results = await asyncio.to_thread(execute)
    except dsl.DslError as exc:
        statement = None
        if exc.index is not None and 0 <= exc.index < len(program.statements):
            statement = dsl.format_statement(program.statements[exc.index])
        data = {"ok": False, "results": [r.model_dump(mode="json") for r in exc.results],
                "error": exc.as_json(statement)}
        return JSONResponse(json.loads(jsonio.dumps(data, indent=None)), status_code=400)
    data = {"ok": True, "results": [r.model_dump(mode="json") for r in results]}
    return JSONResponse(json.loads(jsonio.dumps(data, indent=None)))
