"""Progress reporting for long tasks: each update commits on its own so readers see it move.

@shared_task(name="techmatch.listings.bulk_import", base=ReliableTask)
def bulk_import(job_id: int) -> None:
    with running_job(job_id) as job:
        for i, row in enumerate(rows):
            ...
            job.progress(done=i + 1, total=len(rows))
        job.result = {"imported": len(rows)}
"""

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from celery.exceptions import Retry

from backend.jobs import service
from backend.jobs.models import Job
from workers.db import unit_of_work


class JobHandle:
    def __init__(self, job_id: int) -> None:
        self.job_id = job_id
        self.result: dict[str, Any] | None = None

    def progress(
        self,
        *,
        done: int | None = None,
        total: int | None = None,
        percent: int | None = None,
        message: str | None = None,
    ) -> None:
        with unit_of_work() as session:
            job = session.get(Job, self.job_id)
            if job is not None:
                service.set_progress(session, job, done=done, total=total, percent=percent, message=message)


@contextmanager
def running_job(job_id: int) -> Iterator[JobHandle]:
    """Mark the job running, yield a handle, then succeeded (with ``handle.result``) or failed."""
    handle = JobHandle(job_id)
    handle.progress(percent=0)
    try:
        yield handle
    except Retry:
        raise  # it will run again; the job is still running
    except BaseException as exc:
        with unit_of_work() as session:
            job = session.get(Job, job_id)
            if job is not None:
                service.fail(session, job, error=f"{type(exc).__name__}: {exc}")
        raise
    with unit_of_work() as session:
        job = session.get(Job, job_id)
        if job is not None:
            service.finish(session, job, result=handle.result)
