"""Saved-search alerts: a newly published listing notifies each user whose saved search it fits.

"Fits" means exactly what the browse search would show that user for the same filters, so an
alert never points at a listing the search page would not list. Kind, field and region are matched
in SQL when choosing the candidate searches; only their keywords cost a query each.
"""

from sqlalchemy import exists, or_, select
from sqlalchemy.orm import Session

from backend.accounts.models import User
from backend.core.regions import regions_containing
from backend.listings import query
from backend.listings.enums import ListingStatus
from backend.listings.kinds import Listing, ListingKind
from backend.notifications.enums import Event
from backend.notifications.service import emit
from backend.searches.models import SavedSearch


def _fits(session: Session, *, kind: ListingKind, listing: Listing, user: User, search: SavedSearch) -> bool:
    filters = query.ListingFilters(q=search.q, field_code=search.field_code, region=search.region)
    stmt = query.build(kind, user, filters).where(kind.model.id == listing.id).order_by(None)
    return bool(session.scalar(select(exists(stmt.subquery()))))


def alert_saved_searches(session: Session, *, kind: ListingKind, listing: Listing) -> int:
    """Notify once per user, naming the first of their searches the listing fits; returns how many."""
    if listing.status != ListingStatus.published or listing.deleted_at is not None:
        return 0  # withdrawn or re-reviewed before the task ran: nothing to announce
    regions = regions_containing(listing.region) if listing.region else []
    candidates = session.execute(
        select(SavedSearch, User)
        .join(User, User.id == SavedSearch.user_id)
        .where(
            SavedSearch.kind == kind.name,
            SavedSearch.alerts.is_(True),
            User.is_active.is_(True),
            # People do not need to hear about their own organisation's listings.
            User.organisation_id != listing.organisation_id,
            or_(SavedSearch.field_code.is_(None), SavedSearch.field_code == listing.field_code),
            or_(SavedSearch.region.is_(None), SavedSearch.region.in_(regions)),
        )
        .order_by(SavedSearch.user_id, SavedSearch.id)
    ).all()
    notified: set[int] = set()
    for search, user in candidates:
        if user.id in notified or not _fits(session, kind=kind, listing=listing, user=user, search=search):
            continue
        notification = emit(
            session,
            event=Event.search_match,
            payload={
                "kind": kind.name,
                "listing_id": listing.id,
                "title": listing.title,
                "search_id": search.id,
                "search_name": search.name,
            },
            recipients=[user.id],
            dedupe_key=f"search.match:{user.id}:{kind.name}:{listing.id}",
            webhooks=False,  # a saved search is its owner's business, not the organisation's systems'
        )
        if notification is not None:
            notified.add(user.id)
    return len(notified)
