"""HTTP routes of the agent's side: the directory of agents, the board and the commission ledger."""

from typing import Annotated

from fastapi import APIRouter, Query

from backend.accounts.deps import CurrentUser
from backend.core.deps import SessionDep
from backend.core.errors import ERROR_RESPONSES
from backend.core.pagination import Page, PageDep
from backend.core.params import MAX_ID
from backend.deals import agents, engage
from backend.deals.schemas import AgentOut
from backend.deals.stages import OPEN
from backend.deals.statements import BoardColumn, BoardOut, LedgerOut, LedgerTotal

router = APIRouter(prefix="/agents", tags=["agents"], responses=ERROR_RESPONSES)


@router.get("", operation_id="listAgents")
def list_agents(
    session: SessionDep,
    _user: CurrentUser,
    paging: PageDep,
    q: Annotated[str | None, Query(max_length=100, description="Part of the agent's name")] = None,
) -> Page[AgentOut]:
    """Active agents a deal's party can engage, with their organisation."""
    rows, total = engage.list_agents(session, q=q, offset=paging.offset, limit=paging.page_size)
    items = [AgentOut(id=i, full_name=n, organisation_id=o, organisation_name=on) for i, n, o, on in rows]
    return Page(items=items, total=total, page=paging.page, page_size=paging.page_size)


@router.get("/board", operation_id="agentBoard")
def board(
    session: SessionDep,
    user: CurrentUser,
    agent_id: Annotated[int | None, Query(ge=1, le=MAX_ID, description="Reviewers: one agent's board")] = None,
) -> BoardOut:
    """An agent's deals by stage with counts and value (contract total, else the output's asking price)."""
    target, columns = agents.board(session, user=user, agent_id=agent_id)
    open_columns = [c for c in columns if c.stage in OPEN]
    return BoardOut(
        agent_id=target,
        columns=[BoardColumn(**vars(c)) for c in columns],
        open_count=sum(c.count for c in open_columns),
        open_value=sum((c.value for c in open_columns), agents.ZERO),
    )


@router.get("/ledger", operation_id="agentLedger")
def ledger(session: SessionDep, user: CurrentUser) -> LedgerOut:
    """Commission earned, per agent and per agency (agents: their own; an agency's admin: the agency's)."""
    per_agent, per_agency = agents.ledger_totals(session, user=user)
    return LedgerOut(
        agents=[LedgerTotal(**vars(t)) for t in per_agent], agencies=[LedgerTotal(**vars(t)) for t in per_agency]
    )
