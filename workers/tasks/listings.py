"""Listing lifecycle on a schedule: a warning 7 days before expiry, then the expiry itself."""

from collections.abc import Iterable
from datetime import timedelta
from typing import cast

from sqlalchemy import select

from backend.core.db import utcnow
from backend.listings import service
from backend.listings.enums import ListingStatus
from backend.listings.kinds import NEEDS, OUTPUTS, Listing
from backend.notifications import events, tasknames
from workers.base import task
from workers.db import unit_of_work

WARN_BEFORE = timedelta(days=7)


@task(tasknames.CHECK_EXPIRY)
def check_expiry() -> dict[str, int]:
    """Idempotent: warnings carry a dedupe key, and only published listings expire."""
    now = utcnow()
    counts = {"warned": 0, "expired": 0}
    for kind in (OUTPUTS, NEEDS):
        model = kind.model
        live = (model.status == ListingStatus.published, model.deleted_at.is_(None), model.expires_at.is_not(None))
        with unit_of_work() as session:
            soon = cast(
                Iterable[Listing],
                session.scalars(
                    select(model).where(*live, model.expires_at > now, model.expires_at <= now + WARN_BEFORE)
                ),
            )
            for listing in soon:
                assert listing.expires_at is not None
                events.listing_event(
                    session,
                    event=events.Event.listing_expiring,
                    kind=kind.name,
                    listing_id=listing.id,
                    organisation_id=listing.organisation_id,
                    title=listing.title,
                    expires_at=listing.expires_at,
                    dedupe_key=f"listing.expiring:{kind.name}:{listing.id}:{listing.expires_at.date()}",
                )
                counts["warned"] += 1
        with unit_of_work() as session:
            due = list(session.scalars(select(model.id).where(*live, model.expires_at <= now)))
        for listing_id in due:
            # One transaction per listing: one bad row does not hold back the others.
            with unit_of_work() as session:
                expiring = cast(Listing | None, session.get(model, listing_id))
                if expiring is not None and expiring.status == ListingStatus.published:
                    service.expire(session, kind=kind, listing=expiring)
                    counts["expired"] += 1
    return counts
