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
    return _alert_matches(session, kind=kind, listing_id=listing_id) + alert_saved_searches(
        session, kind=listing_kind, listing=listing
    )


def _alert_matches(session: Session, *, kind: str, listing_id: int) -> int:
    sent = 0
    if kind == OUTPUTS.name:
        output = session.get(ResearchOutput, listing_id)
        if output is None:
            return 0
        for match in service.matches_for_output(
            session, user=None, output_id=listing_id, top_k=ALERT_TOP_K, f=MatchFilters(), min_score=ALERT_MIN_SCORE
        ):
            sent += _emit(session, recipient_org=match.need.organisation_id, kind=NEEDS.name, listing_id=match.need.id,
                          title=output.title, score=match.score, need_id=match.need.id, output_id=output.id)  # fmt: skip
        return sent
    need = session.get(TechnologyNeed, listing_id)
    if need is None:
        return 0
    for hit in service.matches_for_need(
        session, user=None, need_id=listing_id, top_k=ALERT_TOP_K, f=MatchFilters(), min_score=ALERT_MIN_SCORE
    ):
        sent += _emit(session, recipient_org=hit.output.organisation_id, kind=OUTPUTS.name, listing_id=hit.output.id,
                      title=need.title, score=hit.score, need_id=need.id, output_id=hit.output.id)  # fmt: skip
    return sent


def _emit(
    session: Session,
    *,
    recipient_org: int,
    kind: str,
    listing_id: int,
    title: str,
    score: float,
    need_id: int,
    output_id: int,
) -> int:
    notification = emit(
        session,
        event=Event.match_new,
        payload={
            "kind": kind,
            "listing_id": listing_id,
            "title": title,
            "score": f"{score:.0%}",
            "need_id": need_id,
            "output_id": output_id,
        },
        audience=Audience(organisation_ids=(recipient_org,)),
        dedupe_key=f"match.new:{need_id}:{output_id}",
    )
    return 1 if notification is not None else 0


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
