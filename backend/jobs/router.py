"""HTTP routes: a job's progress, and the platform admins' list of failed tasks."""

from typing import Annotated, Any

from fastapi import APIRouter, Query

from backend.accounts.deps import CurrentUser, PlatformAdmin
from backend.core.deps import SessionDep
from backend.core.errors import ERROR_RESPONSES
from backend.core.pagination import Page, PageDep
from backend.core.params import IdPath
from backend.jobs import service
from backend.jobs.schemas import FailedTaskOut, JobOut

router = APIRouter(prefix="/jobs", tags=["jobs"], responses=ERROR_RESPONSES)
admin_router = APIRouter(prefix="/admin/failed-tasks", tags=["admin"], responses=ERROR_RESPONSES)


@router.get("/{job_id}", operation_id="getJob")
def get_job(session: SessionDep, user: CurrentUser, job_id: IdPath) -> JobOut:
    """State, percentage and result of a long-running job you started (staff see all)."""
    return JobOut.model_validate(service.get_visible(session, user=user, job_id=job_id))


@admin_router.get("", operation_id="listFailedTasks", response_model=Page[FailedTaskOut])
def list_failed(
    session: SessionDep,
    _admin: PlatformAdmin,
    paging: PageDep,
    include_retried: Annotated[bool, Query(description="Also those already sent again")] = False,
) -> Any:
    """Background tasks that exhausted their retries, newest first."""
    rows, total = service.list_failed(
        session, offset=paging.offset, limit=paging.page_size, include_retried=include_retried
    )
    return Page(
        items=[FailedTaskOut.model_validate(r) for r in rows], total=total, page=paging.page, page_size=paging.page_size
    )


@admin_router.post("/{failed_id}/retry", operation_id="retryFailedTask")
def retry_failed(session: SessionDep, admin: PlatformAdmin, failed_id: IdPath) -> FailedTaskOut:
    """Run the task again with its original arguments (through the outbox, after this request commits)."""
    return FailedTaskOut.model_validate(service.retry_failed(session, admin=admin, failed_id=failed_id))
