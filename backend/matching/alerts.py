"""Match alerts: when a listing is published, the owners of listings it matches strongly hear of it,
and so do the users whose saved searches it fits.

Runs in a worker (``techmatch.matching.alert_new_listing``), queued through the outbox in the
same transaction as the approval. Each (need, output) pair notifies once, whatever the retries.
"""

from sqlalchemy.orm import Session

from backend.listings.enums import ListingStatus
from backend.listings.kinds import NEEDS, OUTPUTS, Listing
from backend.listings.models import ResearchOutput, TechnologyNeed
from backend.matching import service
from backend.matching.filters import MatchFilters
from backend.notifications.enums import Event
from backend.notifications.service import Audience, emit
from backend.searches.alerts import alert_saved_searches

ALERT_TASK = "techmatch.matching.alert_new_listing"
REFIT_TASK = "techmatch.matching.refit"
# Stronger than the display threshold: an alert interrupts someone, a listed match does not.
ALERT_MIN_SCORE = 0.3
ALERT_TOP_K = 20


def alert_new_listing(session: Session, *, kind: str, listing_id: int) -> int:
    """Alert matching listings' owners and fitting saved searches; returns how many alerts."""
    listing_kind = OUTPUTS if kind == OUTPUTS.name else NEEDS
    listing: Listing | None = (
        session.get(ResearchOutput, listing_id) if kind == OUTPUTS.name else session.get(TechnologyNeed, listing_id)
    )
    if listing is None or listing.status != ListingStatus.published or listing.deleted_at is not None:
        return 0  # withdrawn or sent back before the task ran: nothing to announce
    return _alert_matches(session, listing) + alert_saved_searches(session, kind=listing_kind, listing=listing)


def _alert_matches(session: Session, listing: Listing) -> int:
    """Notify the owner of each strongly matching listing on the other side, once per (need, output)."""
    # (the other listing's kind, id and organisation, need id, output id, score), whichever side was published
    pairs: list[tuple[str, int, int, int, int, float]]
    if isinstance(listing, ResearchOutput):
        hits = service.matches_for_output(
            session, user=None, output_id=listing.id, top_k=ALERT_TOP_K, f=MatchFilters(), min_score=ALERT_MIN_SCORE
        )
        pairs = [(NEEDS.name, m.need.id, m.need.organisation_id, m.need.id, listing.id, m.score) for m in hits]
    else:
        found = service.matches_for_need(
            session, user=None, need_id=listing.id, top_k=ALERT_TOP_K, f=MatchFilters(), min_score=ALERT_MIN_SCORE
        )
        pairs = [(OUTPUTS.name, h.output.id, h.output.organisation_id, listing.id, h.output.id, h.score) for h in found]
    sent = 0
    for other_kind, other_id, other_org, need_id, output_id, score in pairs:
        notification = emit(
            session,
            event=Event.match_new,
            payload={
                "kind": other_kind,
                "listing_id": other_id,
                "title": listing.title,
                "score": f"{score:.0%}",
                "need_id": need_id,
                "output_id": output_id,
            },
            audience=Audience(organisation_ids=(other_org,)),
            dedupe_key=f"match.new:{need_id}:{output_id}",
        )
        sent += notification is not None
    return sent


def refit_if_drifted(session: Session, *, threshold: float = 0.2) -> dict[str, str | None]:
    """Full refit of an index whose document frequencies moved more than ``threshold`` since its fit."""
    from backend.matching.live_index import NEED_INDEX, OUTPUT_INDEX

    versions: dict[str, str | None] = {}
    for index in (OUTPUT_INDEX, NEED_INDEX):
        status = index.status(session)
        versions[index.kind.plural] = (
            index.refit(session) if status.drift > threshold or status.version is None else None
        )
    return versions
