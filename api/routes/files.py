"""`/v1/files`: a caller's CSV uploads, which their programs then read by name (`from "NAME" column y`).

Multipart, as OpenAI's files API and every HTML form send files: `curl -F file=@mine.csv`. The name
is the uploaded file's own name unless a `name` field says otherwise; uploading a name again
replaces the file. Each key sees, reads and deletes only its own uploads (`api/uploads.py`).
"""

from __future__ import annotations

import asyncio
from typing import Annotated

from fastapi import APIRouter, File, Form, Response, UploadFile
from pydantic import BaseModel

from api.deps import Owner, Settings
from api.errors import ApiError
from api.uploads import FileInfo, UploadError, Uploads, check_name

router = APIRouter(prefix="/v1/files", tags=["havoc"])


class FileList(BaseModel):
    data: list[FileInfo]


def _refuse(exc: UploadError) -> ApiError:
    return ApiError(exc.status, exc.message, param=exc.field, code=exc.code)


@router.post("", status_code=201, response_model=FileInfo)
async def upload(owner: Owner, settings: Settings,
                 file: Annotated[UploadFile, File(description="UTF-8 CSV text (.csv or .txt), at most "
                                                              "HAVOC_MAX_FILE_MB")],
                 name: Annotated[str | None, Form(description="the name programs use; default: the file's own",
                                                  max_length=1000)] = None) -> FileInfo:
    chosen, field = (name, "name") if name is not None else (file.filename or "", "file.filename")
    try:
        check_name(chosen, field)
        return await asyncio.to_thread(Uploads(settings.uploads_dir).save, owner, chosen, file.file)
    except UploadError as exc:
        raise _refuse(exc) from None
    finally:
        await file.close()


@router.get("", response_model=FileList)
async def list_files(owner: Owner, settings: Settings) -> FileList:
    return FileList(data=await asyncio.to_thread(Uploads(settings.uploads_dir).list, owner))


@router.delete("/{name}", status_code=204)
async def delete_file(name: str, owner: Owner, settings: Settings) -> Response:
    try:
        deleted = await asyncio.to_thread(Uploads(settings.uploads_dir).delete, owner, name)
    except UploadError as exc:
        raise _refuse(exc) from None
    if not deleted:
        raise ApiError(404, f"file {name!r} not found among your uploads", param="name", code="file_not_found")
    return Response(status_code=204)
