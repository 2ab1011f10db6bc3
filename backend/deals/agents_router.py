"""HTTP routes of the agent's side: the board and the commission ledger."""

from typing import Annotated

from fastapi import APIRouter, Query

from backend.accounts.deps import CurrentUser
from backend.core.deps import SessionDep
from backend.core.errors import ERROR_RESPONSES
from backend.core.params import MAX_ID
from backend.deals import agents
from backend.deals.stages import OPEN
from backend.deals.statements import BoardColumn, BoardOut, LedgerOut, LedgerTotal

router = APIRouter(prefix="/agents", tags=["agents"], responses=ERROR_RESPONSES)


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
