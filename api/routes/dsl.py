"""`POST /v1/dsl/check` and `/v1/dsl/run`: the HAVOC language over HTTP, errors with line and column.

A program that reads a CSV file is refused (400): over HTTP, data travels inline.
"""

from __future__ import annotations

import asyncio
import json
from typing import Any

from fastapi import APIRouter
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field

from api.confinement import refuse_file_reads
from api.deps import Owner
from havoc_agent import jsonio

router = APIRouter(prefix="/v1/dsl", tags=["havoc"])
MAX_PROGRAM = 200_000


class ProgramIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    program: str = Field(max_length=MAX_PROGRAM, description="a HAVOC program (docs/dsl.md)")


def _dsl_error(exc, statement: str | None = None) -> JSONResponse:
    return JSONResponse({"ok": False, "error": exc.as_json(statement)}, status_code=400)


@router.post("/check")
async def check(body: ProgramIn, _: Owner) -> JSONResponse:
    import dsl

    try:
        program = dsl.parse(body.program)
        refuse_file_reads(program)
        dsl.check(program, base_dir=None, data_root=None)
    except dsl.DslError as exc:
        return _dsl_error(exc)
    return JSONResponse({"ok": True, "statements": len(program.statements), "formatted": dsl.format(program)})


@router.post("/run")
async def run(body: ProgramIn, _: Owner) -> JSONResponse:
    """Each statement's result; on a failing statement, the results before it and the located error."""
    import dsl

    try:
        program = dsl.parse(body.program)
    except dsl.DslError as exc:
        return _dsl_error(exc)
    refuse_file_reads(program)

    def execute() -> Any:
        return dsl.execute(program, base_dir=None, env={}, data_root=None)

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
