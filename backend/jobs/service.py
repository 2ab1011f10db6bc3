"""Jobs with progress, and failed-for-good tasks with their admin retry.

Progress is written in its own short transaction by the task doing the work (see
``workers/jobs.py``), so readers see it move while the job runs.
"""

from collections.abc import Sequence
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from backend.accounts.enums import STAFF_ROLES
from backend.accounts.models import User
from backend.core.db import utcnow
from backend.core.errors import InvalidState, NotFound
from backend.jobs.models import FailedTask, Job
from backend.notifications import outbox


def create_job(
    session: Session,
    *,
    kind: str,
    created_by: User | None,
    params: dict[str, Any] | None = None,
    task: str | None = None,
) -> Job:
    """A job row; with ``task``, the outbox starts ``task(job_id)`` once the caller commits."""
    job = Job(kind=kind, params=params or {}, created_by_id=created_by.id if created_by else None)
    session.add(job)
    session.flush()
    if task:
        outbox.enqueue(session, task, job.id)
    return job


def get_visible(session: Session, *, user: User, job_id: int) -> Job:
    job = session.get(Job, job_id)
    if job is None or (job.created_by_id != user.id and user.role not in STAFF_ROLES):
        raise NotFound("Job not found")
    return job


def set_progress(
    session: Session,
    job: Job,
    *,
    done: int | None = None,
    total: int | None = None,
    percent: int | None = None,
    message: str | None = None,
) -> None:
    if percent is None and done is not None and total:
        percent = done * 100 // total
    if job.state == "pending":
        job.state = "running"
        job.started_at = utcnow()
    if percent is not None:
        job.progress = max(0, min(100, percent))
    if message is not None:
        job.message = message[:500]
    session.flush()


def finish(session: Session, job: Job, *, result: dict[str, Any] | None = None) -> None:
    job.state, job.progress, job.result, job.finished_at = "succeeded", 100, result, utcnow()
    job.started_at = job.started_at or job.finished_at
    session.flush()


def fail(session: Session, job: Job, *, error: str) -> None:
    job.state, job.error, job.finished_at = "failed", error[:2000], utcnow()
    session.flush()


def record_failure(
    session: Session,
    *,
    task_id: str,
    task: str,
    args: Sequence[Any],
    kwargs: dict[str, Any],
    error: str,
    traceback: str | None,
    retries: int,
) -> FailedTask:
    row = FailedTask(
        task_id=task_id,
        task=task,
        args=list(args),
        kwargs=dict(kwargs),
        error=error[:2000],
        traceback=traceback,
        retries=retries,
    )
    session.add(row)
    session.flush()
    return row


def list_failed(session: Session, *, offset: int, limit: int, include_retried: bool) -> tuple[list[FailedTask], int]:
    stmt = select(FailedTask)
    if not include_retried:
        stmt = stmt.where(FailedTask.retried_at.is_(None))
    total = int(session.scalar(select(func.count()).select_from(stmt.subquery())) or 0)
    rows = session.scalars(stmt.order_by(FailedTask.id.desc()).offset(offset).limit(limit))
    return list(rows), total


def retry_failed(session: Session, *, admin: User, failed_id: int) -> FailedTask:
    """Run the task again, through the outbox, with its original arguments."""
    row = session.get(FailedTask, failed_id)
    if row is None:
        raise NotFound("Failed task not found")
    if row.retried_at is not None:
        raise InvalidState("This task was already retried; a new failure will be listed again", code="already_retried")
    outbox.enqueue(session, row.task, *row.args)
    row.retried_at = utcnow()
    row.retried_by_id = admin.id
    session.flush()
    return row
