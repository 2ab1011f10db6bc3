"""Engaging a technology-transfer agent on a deal that has none (e.g. one opened from an interest)."""

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from backend.accounts.enums import Role
from backend.accounts.models import Organisation, User
from backend.core import audit
from backend.core.db import like_escape
from backend.core.errors import Conflict, Forbidden, InvalidState
from backend.deals import access, events, pipeline
from backend.deals.models import Deal
from backend.deals.stages import CLOSED


def engage_agent(session: Session, *, actor: User, deal: Deal, agent_id: int, version: int) -> Deal:
    """A party appoints an agent once; the agent's organisation becomes the deal's agency."""
    # Parties only: staff read deals, and an agent appointing itself would take over someone else's deal.
    if not access.is_party(actor, deal):
        raise Forbidden("Only the selling or buying organisation can engage an agent", code="parties_only")
    pipeline.check_version(deal, version)
    if deal.stage in CLOSED:
        raise InvalidState("The deal is closed; an agent can no longer be engaged", code="deal_closed")
    if deal.agent_id is not None:
        # Replacing an agent would move commission already earned; that is a decision this endpoint does not make.
        raise Conflict("The deal already has an agent", code="agent_already_set")
    agent = pipeline.active_agent(session, agent_id)
    deal.agent_id = agent.id
    deal.agency_org_id = agent.organisation_id
    session.flush()
    audit.record(
        session,
        actor_id=actor.id,
        entity_type="deal",
        entity_id=deal.id,
        action="agent_engaged",
        changes={"agent_id": [None, agent.id], "agency_org_id": [None, agent.organisation_id]},
        note=agent.full_name,
    )
    events.agent_engaged(session, deal=deal, actor=actor, agent=agent)
    return deal


def list_agents(
    session: Session, *, q: str | None, offset: int, limit: int
) -> tuple[list[tuple[int, str, int, str]], int]:
    """Active agents with their organisation, by name; ``q`` matches part of the name, wildcards taken literally."""
    stmt = (
        select(User.id, User.full_name, Organisation.id, Organisation.name)
        .join(Organisation, Organisation.id == User.organisation_id)
        .where(User.role == Role.agent, User.is_active.is_(True))
    )
    if q and q.strip():
        pattern = f"%{like_escape(q.strip().lower())}%"
        stmt = stmt.where(func.lower(User.full_name).like(pattern, escape="\\"))
    total = session.scalar(select(func.count()).select_from(stmt.subquery())) or 0
    rows = session.execute(stmt.order_by(User.full_name, User.id).offset(offset).limit(limit)).tuples()
    return list(rows), total
