"""HTTP routes of expressions of interest."""

from typing import Annotated, Literal

from fastapi import APIRouter, Query, status

from backend.accounts.deps import CurrentUser
from backend.core.deps import SessionDep
from backend.core.errors import ERROR_RESPONSES
from backend.core.pagination import Page, PageDep
from backend.core.params import IdPath
from backend.deals import interest as service
from backend.deals.schemas import InterestDecision, InterestOnNeed, InterestOnOutput, InterestOut

router = APIRouter(prefix="/interests", tags=["interests"], responses=ERROR_RESPONSES)


@router.post("", status_code=status.HTTP_201_CREATED, operation_id="expressInterest")
def express(session: SessionDep, user: CurrentUser, data: InterestOnOutput | InterestOnNeed) -> InterestOut:
    """An enterprise on a published output, or a university / institute on a published need."""
    return InterestOut.model_validate(service.express(session, sender=user, data=data))


@router.get("", operation_id="listInterests")
def list_interests(
    session: SessionDep,
    user: CurrentUser,
    paging: PageDep,
    box: Annotated[Literal["sent", "received"], Query(description="Sent by or received by your organisation")] = (
        "received"
    ),
) -> Page[InterestOut]:
    rows, total = service.list_box(session, user=user, box=box, offset=paging.offset, limit=paging.page_size)
    items = [InterestOut.model_validate(r) for r in rows]
    return Page(items=items, total=total, page=paging.page, page_size=paging.page_size)


@router.get("/{interest_id}", operation_id="getInterest")
def get_interest(session: SessionDep, user: CurrentUser, interest_id: IdPath) -> InterestOut:
    return InterestOut.model_validate(service.get_visible(session, user=user, interest_id=interest_id))


@router.post("/{interest_id}/decide", operation_id="decideInterest")
def decide(session: SessionDep, user: CurrentUser, interest_id: IdPath, data: InterestDecision) -> InterestOut:
    """Accept (opens a deal at stage interest) or decline with a reason code the sender sees."""
    interest = service.get_visible(session, user=user, interest_id=interest_id)
    return InterestOut.model_validate(service.decide(session, actor=user, interest=interest, data=data))
