"""Shapes of jobs and failed tasks in the API."""

from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class JobOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    kind: str
    state: str = Field(description="pending, running, succeeded or failed")
    progress: int = Field(description="Percent done, 0-100")
    message: str | None
    result: dict[str, Any] | None
    error: str | None
    created_at: datetime
    started_at: datetime | None
    finished_at: datetime | None


class FailedTaskOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    task_id: str
    task: str
    args: list[Any]
    error: str
    retries: int
    failed_at: datetime
    retried_at: datetime | None
