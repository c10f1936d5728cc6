"""What route handlers share: the run manager, the caller, question checks, thread ownership."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Depends, Request

from api.confinement import DataAccess
from api.errors import ApiError
from api.runs import RunManager, Thread
from api.security import authenticate
from api.settings import ApiSettings
from api.uploads import Uploads

Owner = Annotated[str, Depends(authenticate)]


def manager(request: Request) -> RunManager:
    return request.app.state.runs


Manager = Annotated[RunManager, Depends(manager)]


def settings(request: Request) -> ApiSettings:
    return request.app.state.settings


Settings = Annotated[ApiSettings, Depends(settings)]


def data_access(settings: ApiSettings, owner: str) -> DataAccess:
    """Where this caller's programs read CSV files: their uploads first, then HAVOC_DATA_DIR."""
    uploads = Uploads(settings.uploads_dir).files_dir(owner)
    return DataAccess((uploads, settings.data_dir) if settings.data_dir else (uploads,))


def _caller_data(owner: Owner, settings: Settings) -> DataAccess:
    return data_access(settings, owner)


CallerData = Annotated[DataAccess, Depends(_caller_data)]


def check_question(question: Any, settings: ApiSettings, access: DataAccess, field: str = "question") -> str:
    if not isinstance(question, str):
        raise ApiError(400, f"{field}: must be a string", param=field)
    text = question.strip()
    if not text:
        raise ApiError(400, f"{field}: is empty", param=field)
    if len(text) > settings.max_question:
        raise ApiError(400, f"{field}: longer than {settings.max_question} characters", param=field,
                       code="question_too_long")
    access.check_question(text, field)
    return text


def owned_thread(runs: RunManager, thread_id: str, owner: str) -> Thread:
    """A thread that does not exist and one that belongs to another key look the same: 404."""
    thread = runs.get_thread(thread_id)
    if thread is None or thread.owner != owner:
        raise ApiError(404, f"thread {thread_id} not found", param="thread_id", code="thread_not_found")
    return thread
