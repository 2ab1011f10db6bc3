"""The agent's side: the board of its deals by stage, and commission totals per agent and per agency."""

from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from backend.accounts.enums import OrgKind, Role
from backend.accounts.models import Organisation, User
from backend.core.errors import Forbidden
from backend.deals import access
from backend.deals.enums import Stage
from backend.deals.models import Contract, Deal, LedgerEntry
from backend.listings.models import ResearchOutput

ZERO = Decimal("0.00")


@dataclass
class Column:
    stage: Stage
    count: int = 0
    value: Decimal = ZERO
    deal_ids: list[int] = field(default_factory=list)


def board(session: Session, *, user: User, agent_id: int | None) -> tuple[int | None, list[Column]]:
    """Deals by stage with counts and value: the contract total, else the output's asking price.

    Reviewers see one agent's board with ``agent_id``, or every brokered deal without it.
    """
    target = _agent_for_board(user, agent_id)
    columns = {stage: Column(stage) for stage in Stage}
    stmt = (
        select(Deal.id, Deal.stage, Contract.total, ResearchOutput.asking_price)
        .outerjoin(Contract, Contract.deal_id == Deal.id)
        .outerjoin(ResearchOutput, ResearchOutput.id == Deal.output_id)
        .where(Deal.agent_id == target if target is not None else Deal.agent_id.is_not(None))
        .order_by(Deal.id)
    )
    for deal_id, stage, total, asking in session.execute(stmt):
        column = columns[Stage(stage)]
        column.count += 1
        column.value += total if total is not None else (asking or ZERO)
        column.deal_ids.append(deal_id)
    return target, list(columns.values())


def _agent_for_board(user: User, agent_id: int | None) -> int | None:
    if access.is_staff(user):
        return agent_id
    if user.role != Role.agent:
        raise Forbidden("The board is an agent's view (reviewers may pass agent_id)", code="agents_only")
    if agent_id is not None and agent_id != user.id:
        raise Forbidden("An agent sees its own board", code="agents_only")
    return user.id


@dataclass(frozen=True)
class Total:
    id: int
    name: str
    earned: Decimal
    entries: int
    deals: int


def ledger_totals(session: Session, *, user: User) -> tuple[list[Total], list[Total]]:
    """Agents see their own totals; a transfer agency's admin its agency; reviewers everyone."""
    entries = select(LedgerEntry)
    if not access.is_staff(user):
        if user.role == Role.agent:
            entries = entries.where(LedgerEntry.agent_id == user.id)
        elif user.role == Role.org_admin and user.organisation.kind == OrgKind.transfer_agency:
            entries = entries.where(LedgerEntry.agency_org_id == user.organisation_id)
        else:
            raise Forbidden("The ledger is for agents, their agency's admin and reviewers", code="agents_only")
    sub = entries.subquery()
    per_agent = session.execute(
        select(
            User.id, User.full_name, func.sum(sub.c.amount), func.count(sub.c.id), func.count(sub.c.deal_id.distinct())
        )
        .join(sub, sub.c.agent_id == User.id)
        .group_by(User.id, User.full_name)
        .order_by(User.id)
    )
    per_agency = session.execute(
        select(
            Organisation.id,
            Organisation.name,
            func.sum(sub.c.amount),
            func.count(sub.c.id),
            func.count(sub.c.deal_id.distinct()),
        )
        .join(sub, sub.c.agency_org_id == Organisation.id)
        .group_by(Organisation.id, Organisation.name)
        .order_by(Organisation.id)
    )
    agents = [Total(i, n, Decimal(e or 0), c, d) for i, n, e, c, d in per_agent]
    agencies = [Total(i, n, Decimal(e or 0), c, d) for i, n, e, c, d in per_agency]
    return agents, agencies
