"""A unit of work for tasks: commit on success, roll back on error (the task boundary)."""

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.orm import Session

from backend.core.db import session_scope


@contextmanager
def unit_of_work() -> Iterator[Session]:
    yield from session_scope()
