"""The transactional outbox: work for the broker, committed with the change that caused it.

``enqueue`` only adds a row to the caller's session, so the message exists exactly when the
change commits. A relay (workers/relay.py) claims pending rows, publishes them and marks them
published. Publishing and marking are not atomic, so a crash between them publishes a row
twice: every consumer is idempotent, which makes that harmless (at-least-once delivery).
"""

import secrets
from collections.abc import Sequence
from datetime import timedelta
from typing import Any

from sqlalchemy import delete, func, or_, select, update
from sqlalchemy.orm import Session

from backend.core.db import utcnow
from backend.notifications.models import OutboxMessage


def enqueue(session: Session, task: str, *args: Any, delay_seconds: float = 0) -> OutboxMessage:
    """Hand ``task(*args)`` to the workers once the caller's transaction commits."""
    message = OutboxMessage(task=task, args=list(args), available_at=utcnow() + timedelta(seconds=delay_seconds))
    session.add(message)
    return message


def claim(session: Session, *, batch_size: int, lease_seconds: float = 60) -> Sequence[OutboxMessage]:
    """Claim up to ``batch_size`` pending rows for this relay; commit right after.

    One UPDATE takes the rows: on PostgreSQL its sub-select uses FOR UPDATE SKIP LOCKED so
    concurrent relays take disjoint batches without waiting; on SQLite the UPDATE holds the
    database's single write lock while it reads, which serialises relays just as well. A relay
    that dies keeps its rows only until the lease ends.
    """
    now = utcnow()
    token = secrets.token_hex(8)
    pending = (
        select(OutboxMessage.id)
        .where(
            OutboxMessage.published_at.is_(None),
            OutboxMessage.available_at <= now,
            or_(OutboxMessage.claimed_until.is_(None), OutboxMessage.claimed_until < now),
        )
        .order_by(OutboxMessage.id)
        .limit(batch_size)
    )
    if session.get_bind().dialect.name == "postgresql":
        pending = pending.with_for_update(skip_locked=True)
    session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.id.in_(pending.scalar_subquery()))
        .values(claim_token=token, claimed_until=now + timedelta(seconds=lease_seconds))
        .execution_options(synchronize_session=False)
    )
    stmt = select(OutboxMessage).where(OutboxMessage.claim_token == token).order_by(OutboxMessage.id)
    return list(session.scalars(stmt.execution_options(populate_existing=True)))


def mark_published(session: Session, ids: Sequence[int]) -> None:
    if ids:
        session.execute(
            update(OutboxMessage)
            .where(OutboxMessage.id.in_(ids))
            .values(published_at=utcnow(), claimed_until=None)
            .execution_options(synchronize_session=False)
        )


def release(session: Session, ids: Sequence[int], *, error: str, retry_in_seconds: float) -> None:
    """Give rows back after a failed publish (broker down): try again after a pause."""
    if ids:
        session.execute(
            update(OutboxMessage)
            .where(OutboxMessage.id.in_(ids))
            .values(
                claim_token=None,
                claimed_until=None,
                attempts=OutboxMessage.attempts + 1,
                last_error=error[:1000],
                available_at=utcnow() + timedelta(seconds=retry_in_seconds),
            )
            .execution_options(synchronize_session=False)
        )


def pending_count(session: Session) -> int:
    stmt = select(func.count()).select_from(OutboxMessage).where(OutboxMessage.published_at.is_(None))
    return int(session.scalar(stmt) or 0)


def prune(session: Session, *, older_than_days: int = 7) -> int:
    """Published rows are only history; keep a week for debugging."""
    cutoff = utcnow() - timedelta(days=older_than_days)
    result = session.execute(
        delete(OutboxMessage).where(OutboxMessage.published_at.is_not(None), OutboxMessage.published_at < cutoff)
    )
    return int(getattr(result, "rowcount", 0) or 0)
