"""Emit notifications and read them back: the part every domain and the in-app channel use.

``emit`` runs inside the caller's transaction. It resolves who hears of the event, applies
each person's preferences, writes one delivery row per (notification, recipient, channel) and
puts the e-mail and webhook work in the outbox. Nothing leaves the process before the commit,
so a rolled-back change notifies nobody.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, or_, select, update
from sqlalchemy.orm import Session

from backend.accounts.models import User
from backend.core.db import utcnow
from backend.core.errors import NotFound
from backend.notifications import outbox, tasknames
from backend.notifications.enums import Channel, DeliveryStatus, EmailMode
from backend.notifications.models import (
    Delivery,
    Notification,
    NotificationPreference,
    WebhookDelivery,
    WebhookEndpoint,
)


@dataclass(frozen=True)
class Audience:
    """Who should hear of an event, besides named users: whole organisations, whole roles."""

    organisation_ids: tuple[int, ...] = ()
    roles: tuple[str, ...] = ()
    exclude_user_ids: frozenset[int] = field(default_factory=frozenset)


def _resolve(session: Session, recipients: Iterable[int], audience: Audience | None) -> list[User]:
    ids = set(recipients)
    conditions = []
    if ids:
        conditions.append(User.id.in_(ids))
    if audience and audience.organisation_ids:
        conditions.append(User.organisation_id.in_(audience.organisation_ids))
    if audience and audience.roles:
        conditions.append(User.role.in_(audience.roles))
    if not conditions:
        return []
    users = session.scalars(select(User).where(User.is_active.is_(True), or_(*conditions)).order_by(User.id))
    excluded = audience.exclude_user_ids if audience else frozenset()
    return [u for u in users.unique() if u.id not in excluded]


def preferences_for(session: Session, user_ids: Sequence[int]) -> dict[int, NotificationPreference]:
    """Stored preferences, with unsaved defaults for users who never changed theirs."""
    found = (
        {
            p.user_id: p
            for p in session.scalars(select(NotificationPreference).where(NotificationPreference.user_id.in_(user_ids)))
        }
        if user_ids
        else {}
    )
    for uid in user_ids:
        if uid not in found:
            found[uid] = NotificationPreference(
                user_id=uid, in_app=True, email=True, email_mode=EmailMode.immediate, muted_events=[]
            )
    return found


def emit(
    session: Session,
    *,
    event: str,
    payload: dict[str, Any],
    recipients: Iterable[int] = (),
    audience: Audience | None = None,
    dedupe_key: str | None = None,
    webhooks: bool = True,
) -> Notification | None:
    """Record ``event`` for its recipients; returns None when nobody is to hear of it.

    ``webhooks=False`` keeps a personal event (a user's own saved search) off the organisation's
    webhooks, which would otherwise show colleagues' private interests to the organisation's systems.

    With ``dedupe_key``, a second emit of the same key is a no-op that returns the first
    notification: scheduled jobs that run twice (a crash, two beats) notify once.
    """
    if dedupe_key is not None:
        existing = session.scalar(select(Notification).where(Notification.dedupe_key == dedupe_key))
        if existing is not None:
            return existing
    users = _resolve(session, recipients, audience)
    if not users:
        return None
    notification = Notification(event=event, payload=payload, dedupe_key=dedupe_key)
    session.add(notification)
    session.flush()
    prefs = preferences_for(session, [u.id for u in users])
    now = utcnow()
    emails: list[Delivery] = []
    for user in users:
        pref = prefs[user.id]
        if event in (pref.muted_events or []):
            continue
        if pref.in_app:
            # The in-app channel is the row itself: delivered the moment the change commits.
            session.add(
                Delivery(
                    notification_id=notification.id,
                    user_id=user.id,
                    channel=Channel.in_app,
                    status=DeliveryStatus.sent,
                    sent_at=now,
                )
            )
        if pref.email:
            status = DeliveryStatus.digest if pref.email_mode == EmailMode.digest else DeliveryStatus.pending
            delivery = Delivery(
                notification_id=notification.id, user_id=user.id, channel=Channel.email, status=status, queued_at=now
            )
            session.add(delivery)
            if status == DeliveryStatus.pending:
                emails.append(delivery)
    if webhooks:
        _add_webhooks(session, notification, {u.organisation_id for u in users})
    session.flush()
    for delivery in emails:
        outbox.enqueue(session, tasknames.DELIVER_EMAIL, delivery.id)
    return notification


def _add_webhooks(session: Session, notification: Notification, organisation_ids: set[int]) -> None:
    endpoints = session.scalars(
        select(WebhookEndpoint).where(
            WebhookEndpoint.organisation_id.in_(organisation_ids), WebhookEndpoint.active.is_(True)
        )
    )
    for endpoint in endpoints:
        if endpoint.events and notification.event not in endpoint.events:
            continue
        hook = WebhookDelivery(notification_id=notification.id, endpoint_id=endpoint.id)
        session.add(hook)
        session.flush()
        outbox.enqueue(session, tasknames.DELIVER_WEBHOOK, hook.id)


# --- the in-app channel -------------------------------------------------------------------


def _inbox(user: User) -> Any:
    return select(Delivery).where(Delivery.user_id == user.id, Delivery.channel == Channel.in_app)


def list_inbox(
    session: Session, *, user: User, unread_only: bool, offset: int, limit: int
) -> tuple[list[Delivery], int]:
    stmt = _inbox(user)
    if unread_only:
        stmt = stmt.where(Delivery.read_at.is_(None))
    total = int(session.scalar(select(func.count()).select_from(stmt.subquery())) or 0)
    rows = session.scalars(stmt.order_by(Delivery.id.desc()).offset(offset).limit(limit)).unique()
    return list(rows), total


def unread_count(session: Session, *, user: User) -> int:
    stmt = select(func.count()).select_from(_inbox(user).where(Delivery.read_at.is_(None)).subquery())
    return int(session.scalar(stmt) or 0)


def mark_read(session: Session, *, user: User, delivery_id: int) -> Delivery:
    delivery = session.get(Delivery, delivery_id)
    # Someone else's notification looks absent, so ids cannot be probed.
    if delivery is None or delivery.user_id != user.id or delivery.channel != Channel.in_app:
        raise NotFound("Notification not found")
    if delivery.read_at is None:
        delivery.read_at = utcnow()
        session.flush()
    return delivery


def mark_all_read(session: Session, *, user: User) -> int:
    result = session.execute(
        update(Delivery)
        .where(Delivery.user_id == user.id, Delivery.channel == Channel.in_app, Delivery.read_at.is_(None))
        .values(read_at=utcnow())
        .execution_options(synchronize_session=False)
    )
    return int(getattr(result, "rowcount", 0) or 0)


def get_preferences(session: Session, *, user: User) -> NotificationPreference:
    return preferences_for(session, [user.id])[user.id]


def set_preferences(
    session: Session, *, user: User, in_app: bool, email: bool, email_mode: EmailMode, muted_events: list[str]
) -> NotificationPreference:
    pref = session.get(NotificationPreference, user.id)
    if pref is None:
        pref = NotificationPreference(user_id=user.id)
        session.add(pref)
    pref.in_app = in_app
    pref.email = email
    pref.email_mode = email_mode
    pref.muted_events = sorted(set(muted_events))
    session.flush()
    return pref
