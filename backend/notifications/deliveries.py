"""Worker-side steps of a delivery: claim with a lease, complete, give back, sweep, digest.

Each step is one short transaction committed by the caller (the task), so a claim is visible
to other workers before the slow part (SMTP, HTTP) starts. The lease makes a second copy of
the same task (redelivered after a worker died, or re-enqueued by the sweeper) wait instead of
sending again, and lets the work move on when the holder died.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal

from sqlalchemy import and_, or_, select, update
from sqlalchemy.orm import Session

from backend.core.db import utcnow
from backend.notifications import outbox, tasknames
from backend.notifications.enums import Channel, DeliveryStatus, Event
from backend.notifications.models import Delivery, Notification, WebhookDelivery

ClaimOutcome = Literal["claimed", "done", "busy", "missing"]
_CLAIMABLE = (DeliveryStatus.pending, DeliveryStatus.failed)


@dataclass(frozen=True)
class Claim:
    outcome: ClaimOutcome
    retry_after: float = 0.0


def claim(session: Session, delivery_id: int, *, lease_seconds: float) -> Claim:
    now = utcnow()
    result = session.execute(
        update(Delivery)
        .where(
            Delivery.id == delivery_id,
            Delivery.channel == Channel.email,
            or_(
                Delivery.status.in_(_CLAIMABLE),
                and_(Delivery.status == DeliveryStatus.sending, Delivery.lease_until < now),
            ),
        )
        .values(
            status=DeliveryStatus.sending,
            lease_until=now + timedelta(seconds=lease_seconds),
            attempts=Delivery.attempts + 1,
        )
        .execution_options(synchronize_session=False)
    )
    if getattr(result, "rowcount", 0) == 1:
        return Claim("claimed")
    delivery = session.get(Delivery, delivery_id, populate_existing=True)
    if delivery is None:
        return Claim("missing")
    if delivery.status == DeliveryStatus.sending and delivery.lease_until is not None:
        return Claim("busy", max(1.0, (delivery.lease_until - now).total_seconds()))
    return Claim("done")


def complete(session: Session, delivery_id: int) -> None:
    session.execute(
        update(Delivery)
        .where(Delivery.id == delivery_id)
        .values(status=DeliveryStatus.sent, sent_at=utcnow(), lease_until=None, last_error=None)
        .execution_options(synchronize_session=False)
    )


def give_back(session: Session, delivery_id: int, *, error: str, final: bool, retry_in: float = 0) -> None:
    """A failed attempt: back to pending for the retry, or failed for good.

    ``queued_at`` moves to when the retry is due, so the sweeper does not take a delivery
    that waits for its backoff for a lost one and start a second chain of retries.
    """
    status = DeliveryStatus.failed if final else DeliveryStatus.pending
    session.execute(
        update(Delivery)
        .where(Delivery.id == delivery_id)
        .values(
            status=status,
            lease_until=None,
            last_error=error[:1000],
            queued_at=utcnow() + timedelta(seconds=retry_in),
        )
        .execution_options(synchronize_session=False)
    )


def sweep(session: Session, *, stale_seconds: float, limit: int = 1000) -> int:
    """Re-enqueue e-mail and webhook deliveries that no worker finished in time.

    The broker is allowed to lose messages (Redis restarted without persistence, the embedded
    transport when a worker is SIGKILLed, a purge); the delivery rows are not. A row still
    pending (or sending with an expired lease) long after it was queued gets a fresh outbox
    message; if the old message does turn up, the lease and the status make it a no-op.
    """
    now = utcnow()
    cutoff = now - timedelta(seconds=stale_seconds)
    stale = session.scalars(
        select(Delivery)
        .where(
            Delivery.channel == Channel.email,
            Delivery.queued_at < cutoff,
            or_(
                Delivery.status == DeliveryStatus.pending,
                and_(Delivery.status == DeliveryStatus.sending, Delivery.lease_until < now),
            ),
        )
        .order_by(Delivery.id)
        .limit(limit)
    ).unique()
    count = 0
    for delivery in stale:
        delivery.queued_at = now
        outbox.enqueue(session, tasknames.DELIVER_EMAIL, delivery.id)
        count += 1
    hooks = session.scalars(
        select(WebhookDelivery)
        .where(WebhookDelivery.status == DeliveryStatus.pending, WebhookDelivery.created_at < cutoff)
        .order_by(WebhookDelivery.id)
        .limit(limit)
    ).unique()
    for hook in hooks:
        # Pushing created_at forward spaces the re-enqueues of a dead endpoint one sweep apart.
        hook.created_at = now
        outbox.enqueue(session, tasknames.DELIVER_WEBHOOK, hook.id)
        count += 1
    session.flush()
    return count


def build_digests(session: Session, *, day: str) -> int:
    """One digest e-mail per user with waiting items; returns how many digests were made.

    The digest is a notification of its own (dedupe key per user and day), so a second run
    on the same day makes nothing new, and it travels the ordinary e-mail path.
    """
    waiting = session.scalars(
        select(Delivery)
        .where(Delivery.channel == Channel.email, Delivery.status == DeliveryStatus.digest)
        .order_by(Delivery.user_id, Delivery.id)
    ).unique()
    by_user: dict[int, list[Delivery]] = {}
    for delivery in waiting:
        by_user.setdefault(delivery.user_id, []).append(delivery)
    made = 0
    for user_id, items in by_user.items():
        key = f"digest:{user_id}:{day}"
        if session.scalar(select(Notification.id).where(Notification.dedupe_key == key)) is not None:
            # Today's digest is already made; items that arrived since wait for tomorrow's.
            continue
        digest = Notification(
            event=Event.digest,
            dedupe_key=key,
            payload={"day": day, "items": [{"event": d.notification.event, **d.notification.payload} for d in items]},
        )
        session.add(digest)
        session.flush()
        carrier = Delivery(
            notification_id=digest.id,
            user_id=user_id,
            channel=Channel.email,
            status=DeliveryStatus.pending,
            queued_at=utcnow(),
        )
        session.add(carrier)
        session.flush()
        outbox.enqueue(session, tasknames.DELIVER_EMAIL, carrier.id)
        for d in items:
            d.status = DeliveryStatus.digested
            d.digest_id = carrier.id
        made += 1
    session.flush()
    return made


def local_day(at: datetime) -> str:
    """The calendar day in Asia/Shanghai, where the users live."""
    return (at + timedelta(hours=8)).date().isoformat()
