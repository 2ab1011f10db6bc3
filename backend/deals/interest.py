"""Expressions of interest: an enterprise on an output, a university or institute on a need."""

from typing import Literal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from backend.accounts.enums import OrgKind
from backend.accounts.models import User
from backend.core import audit
from backend.core.db import utcnow
from backend.core.errors import Conflict, Forbidden, InvalidState, NotFound, Unprocessable
from backend.deals import events, pipeline
from backend.deals.enums import DeclineReason, InterestStatus
from backend.deals.models import Deal, Interest
from backend.deals.schemas import InterestDecision, InterestOnNeed, InterestOnOutput
from backend.listings.enums import ListingStatus
from backend.listings.models import ResearchOutput, TechnologyNeed

# Who may express interest in what: enterprises buy results, research organisations answer needs.
OUTPUT_SENDERS = frozenset({OrgKind.enterprise})
NEED_SENDERS = frozenset({OrgKind.university, OrgKind.research_institute})


def _published(listing: ResearchOutput | TechnologyNeed | None, what: str) -> ResearchOutput | TechnologyNeed:
    # Drafts and withdrawn listings look absent, as they do on the listing routes.
    if listing is None or listing.deleted_at is not None or listing.status != ListingStatus.published:
        raise NotFound(f"{what} not found (interest can only be expressed in a published {what.lower()})")
    return listing


def express(session: Session, *, sender: User, data: InterestOnOutput | InterestOnNeed) -> Interest:
    offered: int | None = None
    if isinstance(data, InterestOnOutput):
        listing = _published(session.get(ResearchOutput, data.output_id), "Output")
        allowed, who = OUTPUT_SENDERS, "an enterprise"
    else:
        listing = _published(session.get(TechnologyNeed, data.need_id), "Need")
        allowed, who = NEED_SENDERS, "a university or research institute"
        offered = data.offered_output_id
    if listing.organisation_id == sender.organisation_id:
        raise Forbidden("You cannot express interest in your own organisation's listing", code="own_listing")
    if sender.organisation.kind not in allowed:
        raise Forbidden(f"Interest in this kind of listing is expressed by {who}", code="wrong_organisation_kind")
    if offered is not None:
        output = session.get(ResearchOutput, offered)
        if output is None or output.deleted_at is not None or output.organisation_id != sender.organisation_id:
            raise NotFound("Offered output not found among your organisation's outputs")
    questions = listing.screening_questions or []
    if len(data.answers) != len(questions) or any(not a for a in data.answers):
        raise Unprocessable(
            f"answers: this listing asks {len(questions)} screening question(s); answer each one, in order",
            code="answers_mismatch",
            details=[{"loc": ["body", "answers"], "msg": f"expected {len(questions)} answers", "type": "value_error"}],
        )
    pending = select(func.count(Interest.id)).where(
        Interest.sender_org_id == sender.organisation_id,
        Interest.status == InterestStatus.pending,
        (Interest.output_id == listing.id) if isinstance(listing, ResearchOutput) else (Interest.need_id == listing.id),
    )
    if session.scalar(pending):
        raise Conflict("Your organisation already has a pending interest in this listing", code="duplicate_interest")
    interest = Interest(
        output_id=listing.id if isinstance(listing, ResearchOutput) else None,
        need_id=listing.id if isinstance(listing, TechnologyNeed) else None,
        offered_output_id=offered,
        sender_org_id=sender.organisation_id,
        sender_id=sender.id,
        recipient_org_id=listing.organisation_id,
        message=data.message,
        answers=list(data.answers),
        status=InterestStatus.pending,
    )
    session.add(interest)
    session.flush()
    audit.record(session, actor_id=sender.id, entity_type="interest", entity_id=interest.id, action="express")
    events.interest_received(session, interest=interest, title=listing.title)
    return interest


def list_box(
    session: Session, *, user: User, box: Literal["sent", "received"], offset: int, limit: int
) -> tuple[list[Interest], int]:
    column = Interest.sender_org_id if box == "sent" else Interest.recipient_org_id
    stmt = select(Interest).where(column == user.organisation_id)
    total = session.scalar(select(func.count()).select_from(stmt.subquery())) or 0
    rows = session.scalars(stmt.order_by(Interest.created_at.desc(), Interest.id.desc()).offset(offset).limit(limit))
    return list(rows), total


def get_visible(session: Session, *, user: User, interest_id: int) -> Interest:
    interest = session.get(Interest, interest_id)
    if interest is None or user.organisation_id not in (interest.sender_org_id, interest.recipient_org_id):
        raise NotFound("Interest not found")
    return interest


def decide(session: Session, *, actor: User, interest: Interest, data: InterestDecision) -> Interest:
    if actor.organisation_id != interest.recipient_org_id:
        raise Forbidden("Only the listing's owner decides on an expression of interest", code="not_owner")
    if interest.status != InterestStatus.pending:
        raise InvalidState(f"This interest was already {interest.status}", code="already_decided")
    if data.decision == "decline":
        if data.reason_code is None:
            raise _missing("reason_code", "say why you decline (a reason code)")
        if data.reason_code == DeclineReason.other and not data.reason_text:
            raise _missing("reason_text", "describe the reason when the code is 'other'")
        interest.status = InterestStatus.declined
        interest.reason_code = data.reason_code
        interest.reason_text = data.reason_text
    else:
        interest.status = InterestStatus.accepted
        interest.deal_id = _open_deal(session, actor=actor, interest=interest).id
    interest.decided_by_id = actor.id
    interest.decided_at = utcnow()
    session.flush()
    audit.record(
        session,
        actor_id=actor.id,
        entity_type="interest",
        entity_id=interest.id,
        action=data.decision,
        changes={"status": ["pending", interest.status], "reason_code": interest.reason_code},
        note=interest.reason_text,
    )
    events.interest_decided(session, interest=interest, title=_title(session, interest))
    return interest


def _missing(field: str, msg: str) -> Unprocessable:
    return Unprocessable(
        f"{field}: {msg}", code="reason_required", details=[{"loc": ["body", field], "msg": msg, "type": "missing"}]
    )


def _title(session: Session, interest: Interest) -> str:
    listing = (
        session.get(ResearchOutput, interest.output_id)
        if interest.output_id is not None
        else session.get(TechnologyNeed, interest.need_id)
    )
    return listing.title if listing is not None else ""


def _open_deal(session: Session, *, actor: User, interest: Interest) -> Deal:
    """Accepting opens the deal at stage interest: the output's owner sells, the other side buys."""
    if interest.output_id is not None:
        output = session.get(ResearchOutput, interest.output_id)
        return pipeline.create(
            session,
            actor=actor,
            output=output,
            need=None,
            buyer_org_id=interest.sender_org_id,
            agent=None,
            note=f"accepted interest {interest.id}",
        )
    need = session.get(TechnologyNeed, interest.need_id)
    output = session.get(ResearchOutput, interest.offered_output_id) if interest.offered_output_id else None
    return pipeline.create(
        session,
        actor=actor,
        output=output,
        need=need,
        buyer_org_id=interest.recipient_org_id,
        agent=None,
        note=f"accepted interest {interest.id}",
        seller_org_id=interest.sender_org_id,
    )
