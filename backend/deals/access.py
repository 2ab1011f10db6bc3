"""Who sees a deal and who may act on it.

The two parties' members, the deal's agent and reviewers / platform admins see a deal;
everyone else gets 404, so deal ids cannot be probed. Parties and the agent act;
reviewers read only.
"""

from sqlalchemy import ColumnElement, or_
from sqlalchemy.orm import Session

from backend.accounts.enums import STAFF_ROLES
from backend.accounts.models import User
from backend.core.errors import Forbidden, NotFound
from backend.deals.models import Deal


def is_staff(user: User) -> bool:
    return user.role in STAFF_ROLES


def is_party(user: User, deal: Deal) -> bool:
    return user.organisation_id in (deal.seller_org_id, deal.buyer_org_id)


def is_agent(user: User, deal: Deal) -> bool:
    return deal.agent_id is not None and deal.agent_id == user.id


def can_view(user: User, deal: Deal) -> bool:
    return is_party(user, deal) or is_agent(user, deal) or is_staff(user)


def visible_clause(user: User) -> ColumnElement[bool]:
    """The same rule as ``can_view``, for list queries ("my deals"; staff see all)."""
    return or_(
        Deal.seller_org_id == user.organisation_id,
        Deal.buyer_org_id == user.organisation_id,
        Deal.agent_id == user.id,
    )


def get_visible(session: Session, *, user: User, deal_id: int, for_update: bool = False) -> Deal:
    # FOR UPDATE serialises writers that read-then-check amounts (payments) on PostgreSQL.
    deal = session.get(Deal, deal_id, with_for_update=for_update or None)
    if deal is None or not can_view(user, deal):
        raise NotFound("Deal not found")
    return deal


def require_actor(user: User, deal: Deal) -> None:
    if not (is_party(user, deal) or is_agent(user, deal)):
        raise Forbidden("Only the deal's parties and its agent can change it; reviewers read only", code="read_only")


def require_seller(user: User, deal: Deal, what: str) -> None:
    if user.organisation_id != deal.seller_org_id:
        raise Forbidden(f"Only the selling organisation can {what}", code="seller_only")


def require_buyer(user: User, deal: Deal, what: str) -> None:
    if user.organisation_id != deal.buyer_org_id:
        raise Forbidden(f"Only the buying organisation can {what}", code="buyer_only")
