"""Emitters for the events other domains raise, so their services stay one line long."""

from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from backend.notifications.enums import Event
from backend.notifications.service import Audience, emit

__all__ = ["REVIEW_EVENTS", "Event", "listing_event", "listing_reviewed"]

REVIEW_EVENTS = {
    "approve": Event.listing_approved,
    "reject": Event.listing_rejected,
    "revise": Event.listing_revision_requested,
}


def listing_event(
    session: Session,
    *,
    event: Event,
    kind: str,
    listing_id: int,
    organisation_id: int,
    title: str,
    reason: str | None = None,
    expires_at: datetime | None = None,
    dedupe_key: str | None = None,
) -> None:
    """Tell the owning organisation's people about their listing."""
    payload: dict[str, Any] = {"kind": kind, "listing_id": listing_id, "title": title}
    if reason:
        payload["reason"] = reason
    if expires_at is not None:
        payload["expires_at"] = expires_at.isoformat()
        payload["expires_on"] = expires_at.date().isoformat()
    emit(
        session,
        event=event,
        payload=payload,
        audience=Audience(organisation_ids=(organisation_id,)),
        dedupe_key=dedupe_key,
    )


def listing_reviewed(
    session: Session,
    *,
    decision: str,
    kind: str,
    listing_id: int,
    organisation_id: int,
    title: str,
    reason: str | None,
) -> None:
    listing_event(
        session,
        event=REVIEW_EVENTS[decision],
        kind=kind,
        listing_id=listing_id,
        organisation_id=organisation_id,
        title=title,
        reason=reason,
    )
