"""HTTP routes of the deal pipeline: open, list, read, move between stages, engage an agent, history."""

from collections.abc import Iterable
from typing import Annotated

from fastapi import APIRouter, Query, status
from sqlalchemy import select
from sqlalchemy.orm import Session

from backend.accounts.deps import CurrentUser
from backend.accounts.models import User
from backend.core.deps import SessionDep
from backend.core.errors import ERROR_RESPONSES
from backend.core.pagination import Page, PageDep
from backend.core.params import IdPath
from backend.deals import access, engage, pipeline
from backend.deals.enums import Stage
from backend.deals.models import Deal
from backend.deals.schemas import DealIn, DealOut, EngageAgentIn, HistoryOut, TransitionIn
from backend.deals.stages import allowed_next

router = APIRouter(prefix="/deals", tags=["deals"], responses=ERROR_RESPONSES)


def _names(session: Session, user_ids: Iterable[int | None]) -> dict[int, str]:
    """Full names of users, one query for a whole page: responses name people, not ids."""
    ids = {i for i in user_ids if i is not None}
    if not ids:
        return {}
    return dict(session.execute(select(User.id, User.full_name).where(User.id.in_(ids))).tuples().all())


def deal_out(deal: Deal, names: dict[int, str]) -> DealOut:
    out = DealOut.model_validate(deal)
    out.allowed_next = allowed_next(Stage(deal.stage))
    out.agent_name = names.get(deal.agent_id) if deal.agent_id is not None else None
    return out


def _one(session: Session, deal: Deal) -> DealOut:
    return deal_out(deal, _names(session, [deal.agent_id]))


@router.post("", status_code=status.HTTP_201_CREATED, operation_id="openDeal")
def open_deal(session: SessionDep, user: CurrentUser, data: DealIn) -> DealOut:
    """An agent brokers a deal between two organisations, or one of the parties opens it."""
    return _one(session, pipeline.open_deal(session, actor=user, data=data))


@router.get("", operation_id="listDeals")
def list_deals(
    session: SessionDep,
    user: CurrentUser,
    paging: PageDep,
    stage: Annotated[Stage | None, Query(description="Only deals at this stage")] = None,
) -> Page[DealOut]:
    """Deals of your organisation and deals you are the agent of (reviewers see all)."""
    rows, total = pipeline.list_deals(session, user=user, stage=stage, offset=paging.offset, limit=paging.page_size)
    names = _names(session, (d.agent_id for d in rows))
    return Page(items=[deal_out(d, names) for d in rows], total=total, page=paging.page, page_size=paging.page_size)


@router.get("/{deal_id}", operation_id="getDeal")
def get_deal(session: SessionDep, user: CurrentUser, deal_id: IdPath) -> DealOut:
    return _one(session, access.get_visible(session, user=user, deal_id=deal_id))


@router.post("/{deal_id}/transition", operation_id="transitionDeal")
def transition(session: SessionDep, user: CurrentUser, deal_id: IdPath, data: TransitionIn) -> DealOut:
    """Move to the next stage or to closed_lost (with a reason); send the version you read."""
    deal = access.get_visible(session, user=user, deal_id=deal_id, for_update=True)
    pipeline.transition(
        session, actor=user, deal=deal, to=data.to, version=data.version, note=data.note, reason=data.reason
    )
    return _one(session, deal)


@router.put("/{deal_id}/agent", operation_id="engageDealAgent")
def engage_agent(session: SessionDep, user: CurrentUser, deal_id: IdPath, data: EngageAgentIn) -> DealOut:
    """One of the parties engages an agent on a deal that has none; send the version you read."""
    deal = access.get_visible(session, user=user, deal_id=deal_id, for_update=True)
    engage.engage_agent(session, actor=user, deal=deal, agent_id=data.agent_id, version=data.version)
    return _one(session, deal)


@router.get("/{deal_id}/history", operation_id="dealHistory")
def history(session: SessionDep, user: CurrentUser, deal_id: IdPath) -> list[HistoryOut]:
    """Every change of the deal: who, when, from, to, note."""
    deal = access.get_visible(session, user=user, deal_id=deal_id)
    events = pipeline.history(session, deal=deal)
    names = _names(session, (e.actor_id for e in events))
    out = [HistoryOut.model_validate(e) for e in events]
    for item in out:
        item.actor_name = names.get(item.actor_id) if item.actor_id is not None else None
    return out
