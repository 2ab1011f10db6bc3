"""The deal pipeline: open a deal, list and read deals, move them between stages."""

from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from backend.accounts.enums import OrgKind, Role
from backend.accounts.models import Organisation, User
from backend.core import audit
from backend.core.db import utcnow
from backend.core.errors import Conflict, Forbidden, InvalidState, NotFound, Unprocessable
from backend.deals import access, events
from backend.deals.enums import Stage
from backend.deals.models import Contract, Deal, Payment, Registration
from backend.deals.schemas import DealIn
from backend.deals.stages import CLOSED, allowed_next
from backend.listings.enums import ListingStatus
from backend.listings.models import ResearchOutput, TechnologyNeed

SELLER_KINDS = frozenset({OrgKind.university, OrgKind.research_institute, OrgKind.enterprise})


def _published_output(session: Session, output_id: int) -> ResearchOutput:
    output = session.get(ResearchOutput, output_id)
    if output is None or output.deleted_at is not None or output.status != ListingStatus.published:
        raise NotFound("Output not found (a deal needs a published output)")
    return output


def open_deal(session: Session, *, actor: User, data: DealIn) -> Deal:
    """An agent brokers a deal between two organisations, or a party opens one itself."""
    output = _published_output(session, data.output_id)
    need = None
    if data.need_id is not None:
        need = session.get(TechnologyNeed, data.need_id)
        if need is None or need.deleted_at is not None or need.status != ListingStatus.published:
            raise NotFound("Need not found (a deal can only link a published need)")
    buyer_org_id = data.buyer_org_id
    if buyer_org_id is None:
        buyer_org_id = need.organisation_id if need is not None else None
    if buyer_org_id is None and actor.organisation_id != output.organisation_id and actor.role != Role.agent:
        buyer_org_id = actor.organisation_id
    if buyer_org_id is None:
        raise Conflict("Name the buying organisation (buyer_org_id) or link its need", code="buyer_required")
    if need is not None and need.organisation_id != buyer_org_id:
        raise Conflict("The linked need belongs to another organisation than the buyer", code="need_not_buyers")
    if buyer_org_id == output.organisation_id:
        raise Conflict("The buyer cannot be the organisation that owns the output", code="same_party")
    buyer = session.get(Organisation, buyer_org_id)
    if buyer is None:
        raise NotFound("Buying organisation not found")
    agent = _agent(session, actor=actor, agent_id=data.agent_id)
    if actor.role != Role.agent and actor.organisation_id not in (output.organisation_id, buyer_org_id):
        raise Forbidden("Only an agent or one of the two parties can open a deal", code="not_a_party")
    return create(session, actor=actor, output=output, need=need, buyer_org_id=buyer_org_id, agent=agent, note="opened")


def active_agent(session: Session, agent_id: int) -> User:
    agent = session.get(User, agent_id)
    if agent is None or agent.role != Role.agent or not agent.is_active:
        raise NotFound("Agent not found (agent_id must be an active user with the agent role)", code="agent_not_found")
    return agent


def check_version(deal: Deal, version: int) -> None:
    """Optimistic concurrency: a change made on a deal read before someone else's change is refused."""
    if version != deal.version:
        raise Conflict(
            f"This deal changed since you read it (now version {deal.version}, yours {version}); reload it",
            code="stale_version",
        )


def _agent(session: Session, *, actor: User, agent_id: int | None) -> User | None:
    if agent_id is None:
        return actor if actor.role == Role.agent else None
    agent = active_agent(session, agent_id)
    if actor.role == Role.agent and agent.id != actor.id:
        raise Forbidden("An agent opens deals for itself", code="not_your_deal")
    return agent


def create(
    session: Session,
    *,
    actor: User,
    output: ResearchOutput | None,
    need: TechnologyNeed | None,
    buyer_org_id: int,
    agent: User | None,
    note: str,
    seller_org_id: int | None = None,
) -> Deal:
    seller = seller_org_id if seller_org_id is not None else (output.organisation_id if output else None)
    if seller is None:
        raise Conflict("A deal needs a selling organisation", code="seller_required")
    title = output.title if output is not None else (need.title if need is not None else "")
    deal = Deal(
        output_id=output.id if output else None,
        need_id=need.id if need else None,
        seller_org_id=seller,
        buyer_org_id=buyer_org_id,
        agent_id=agent.id if agent else None,
        agency_org_id=agent.organisation_id if agent else None,
        opened_by_id=actor.id,
        title=title[:200],
        stage=Stage.interest,
    )
    session.add(deal)
    session.flush()
    audit.record(
        session,
        actor_id=actor.id,
        entity_type="deal",
        entity_id=deal.id,
        action="open",
        changes={"stage": [None, Stage.interest]},
        note=note,
    )
    events.deal_opened(session, deal=deal, actor=actor)
    return deal


def list_deals(session: Session, *, user: User, stage: Stage | None, offset: int, limit: int) -> tuple[list[Deal], int]:
    stmt = select(Deal)
    if not access.is_staff(user):
        stmt = stmt.where(access.visible_clause(user))
    if stage is not None:
        stmt = stmt.where(Deal.stage == stage)
    total = session.scalar(select(func.count()).select_from(stmt.subquery())) or 0
    rows = session.scalars(stmt.order_by(Deal.updated_at.desc(), Deal.id.desc()).offset(offset).limit(limit))
    return list(rows), total


def paid_total(session: Session, deal_id: int, *, up_to_payment_id: int | None = None) -> Decimal:
    stmt = select(func.coalesce(func.sum(Payment.amount), 0)).where(Payment.deal_id == deal_id)
    if up_to_payment_id is not None:
        stmt = stmt.where(Payment.id <= up_to_payment_id)
    return Decimal(session.scalar(stmt) or 0)


def _check_requirements(session: Session, deal: Deal, target: Stage) -> None:
    if target == Stage.contract_signed:
        contract = session.scalar(select(Contract).where(Contract.deal_id == deal.id))
        if contract is None or contract.signed_on is None:
            raise InvalidState(
                "Record the contract with its signing date (PUT /deals/{id}/contract) before contract_signed",
                code="contract_required",
            )
    elif target == Stage.registered:
        if session.scalar(select(Registration.id).where(Registration.deal_id == deal.id)) is None:
            raise InvalidState(
                "Record the registration (PUT /deals/{id}/registration) before registered", code="registration_required"
            )
    elif target == Stage.paid:
        raise InvalidState(
            "A deal moves to paid by itself when its payments reach the contract total", code="paid_is_automatic"
        )


def transition(
    session: Session, *, actor: User, deal: Deal, to: Stage, version: int, note: str | None, reason: str | None
) -> Deal:
    access.require_actor(actor, deal)
    check_version(deal, version)
    current = Stage(deal.stage)
    nexts = allowed_next(current)
    if to not in nexts:
        allowed = ", ".join(nexts) if nexts else "none (the deal is closed)"
        raise InvalidState(
            f"A deal cannot move from {current} to {to}; allowed next stages: {allowed}", code="invalid_transition"
        )
    if to == Stage.closed_lost and not reason:
        raise Unprocessable(
            "reason: say why the deal was lost",
            code="reason_required",
            details=[{"loc": ["body", "reason"], "msg": "required for closed_lost", "type": "missing"}],
        )
    _check_requirements(session, deal, to)
    move(session, actor=actor, deal=deal, to=to, note=note, reason=reason)
    if to == Stage.registered:
        settle_if_paid(session, actor=actor, deal=deal)
    return deal


def move(session: Session, *, actor: User, deal: Deal, to: Stage, note: str | None, reason: str | None = None) -> None:
    """Change the stage and write the audit row; callers have checked that the move is legal."""
    before = deal.stage
    deal.stage = to
    if to == Stage.closed_lost:
        deal.lost_reason = reason
    if to in CLOSED:
        deal.closed_at = utcnow()
    session.flush()
    audit.record(
        session,
        actor_id=actor.id,
        entity_type="deal",
        entity_id=deal.id,
        action="transition",
        changes={"stage": [before, str(to)], **({"reason": reason} if reason else {})},
        note=note,
    )
    events.stage_changed(session, deal=deal, actor=actor, before=before)


def settle_if_paid(session: Session, *, actor: User, deal: Deal) -> bool:
    """Registered and fully paid: the deal moves to paid (on the completing payment or the registration)."""
    if deal.stage != Stage.registered:
        return False
    contract = session.scalar(select(Contract).where(Contract.deal_id == deal.id))
    if contract is None or paid_total(session, deal.id) != contract.total:
        return False
    move(session, actor=actor, deal=deal, to=Stage.paid, note="automatic: payments reached the contract total")
    return True


def history(session: Session, *, deal: Deal) -> list[audit.AuditEvent]:
    return audit.history(session, entity_type="deal", entity_id=deal.id)
