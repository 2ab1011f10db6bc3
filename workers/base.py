"""The base class of every techmatch task: late acks, bounded retries with backoff, failure record.

Tasks are written to be idempotent (they re-fetch by id and check state, deliveries hold a
unique row and a lease), which is what makes late acknowledgement safe: a message is
acknowledged only after the task finished, and a worker that dies mid-task leaves it to be
delivered again rather than lost.
"""

import logging
import smtplib
from collections.abc import Callable
from typing import Any, cast

from celery import Task, shared_task
from celery.utils.time import get_exponential_backoff_interval
from sqlalchemy.exc import OperationalError

from backend.core.config import get_settings
from backend.jobs import service as jobs
from workers.db import unit_of_work

log = logging.getLogger(__name__)
_settings = get_settings()


class TransientError(Exception):
    """Raise to ask for a retry with backoff (a dependency is down, a lease is held)."""


class ReliableTask(Task):  # type: ignore[misc]
    acks_late = True
    reject_on_worker_lost = True
    # Only errors worth another try are retried automatically; a bug fails at once and is recorded.
    autoretry_for = (TransientError, OSError, smtplib.SMTPException, OperationalError)
    max_retries = _settings.task_max_retries
    retry_backoff = _settings.task_retry_backoff
    retry_backoff_max = _settings.task_retry_backoff_max
    retry_jitter = True
    soft_time_limit = _settings.task_soft_time_limit
    time_limit = _settings.task_time_limit

    def backoff(self) -> int:
        """Seconds before the next try: exponential in the retries so far, capped, full jitter."""
        return int(
            get_exponential_backoff_interval(
                factor=int(self.retry_backoff),
                retries=self.request.retries,
                maximum=int(self.retry_backoff_max),
                full_jitter=bool(self.retry_jitter),
            )
        )

    @property
    def retries_exhausted(self) -> bool:
        return self.max_retries is not None and int(self.request.retries) >= int(self.max_retries)

    def on_failure(self, exc: BaseException, task_id: str, args: Any, kwargs: Any, einfo: Any) -> None:
        """Failed for good: keep task, arguments and error for the admins' list and retry."""
        try:
            with unit_of_work() as session:
                jobs.record_failure(
                    session,
                    task_id=task_id,
                    task=self.name,
                    args=list(args or ()),
                    kwargs=dict(kwargs or {}),
                    error=f"{type(exc).__name__}: {exc}",
                    traceback=str(einfo) if einfo else None,
                    retries=self.request.retries,
                )
        except Exception:  # the record is best effort; the worker log still has the failure
            log.exception("could not record the failure of %s[%s]", self.name, task_id)


def task(name: str, **options: Any) -> Callable[[Callable[..., Any]], Any]:
    """``shared_task`` with the reliable base and a stable dotted name (typed for mypy)."""
    options.setdefault("base", ReliableTask)
    return cast(Callable[[Callable[..., Any]], Any], shared_task(name=name, **options))
