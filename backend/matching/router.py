"""HTTP routes of matching: both directions, market-wide suggestions, feedback, index status."""

from typing import Annotated

from fastapi import APIRouter, Depends, Query

from backend.accounts.deps import CurrentUser, OptionalUser, StaffUser
from backend.accounts.schemas import RegionCode
from backend.core.deps import SessionDep
from backend.core.errors import ERROR_RESPONSES
from backend.core.params import IdPath
from backend.listings.schemas import FieldCode
from backend.matching import service
from backend.matching.filters import MatchFilters
from backend.matching.live_index import NEED_INDEX, OUTPUT_INDEX
from backend.matching.schemas import FeedbackIn, FeedbackOut, IndexStatusOut, NeedMatch, OutputMatch, Suggestion

router = APIRouter(tags=["matching"], responses=ERROR_RESPONSES)

TopK = Annotated[int, Query(ge=1, le=50, description="How many matches (at most 50)")]


def _filters(
    field: Annotated[FieldCode | None, Query(description="Only this field")] = None,
    region: Annotated[RegionCode | None, Query(description="Only this region (a province includes its cities)")] = None,
    trl: Annotated[bool, Query(description="Require TRL at least the need's target minus one")] = True,
    budget: Annotated[bool, Query(description="Require the asking price within the budget")] = True,
    modes: Annotated[bool, Query(description="Require a common transfer / cooperation mode")] = True,
    include_dismissed: Annotated[bool, Query(description="Also show pairs marked not relevant")] = False,
) -> MatchFilters:
    return MatchFilters(
        field_code=field, region=region, trl=trl, budget=budget, modes=modes, include_dismissed=include_dismissed
    )


FiltersDep = Annotated[MatchFilters, Depends(_filters)]


@router.get("/needs/{need_id}/matches", operation_id="matchesForNeed")
def matches_for_need(
    session: SessionDep, user: OptionalUser, need_id: IdPath, f: FiltersDep, top_k: TopK = 10
) -> list[OutputMatch]:
    """Research outputs that could answer this need, best first, each with why it matched."""
    return service.matches_for_need(session, user=user, need_id=need_id, top_k=top_k, f=f)


@router.get("/outputs/{output_id}/matches", operation_id="matchesForOutput")
def matches_for_output(
    session: SessionDep, user: OptionalUser, output_id: IdPath, f: FiltersDep, top_k: TopK = 10
) -> list[NeedMatch]:
    """Technology needs this output could serve, best first, each with why it matched."""
    return service.matches_for_output(session, user=user, output_id=output_id, top_k=top_k, f=f)


@router.get("/matches/suggestions", operation_id="matchSuggestions")
def suggestions(session: SessionDep, user: CurrentUser, top_k: TopK = 20) -> list[Suggestion]:
    """Market-wide: the strongest need-output pairs, for agents and reviewers."""
    return service.suggestions(session, user=user, top_k=top_k)


@router.put("/matches/feedback", operation_id="giveMatchFeedback")
def give_feedback(session: SessionDep, user: CurrentUser, data: FeedbackIn) -> FeedbackOut:
    """Mark a match interested or not relevant; not relevant hides it for your organisation."""
    row = service.give_feedback(session, user=user, data=data)
    return FeedbackOut(need_id=row.need_id, output_id=row.output_id, verdict=data.verdict)


@router.get("/matches/index", operation_id="matchIndexStatus")
def index_status(session: SessionDep, _staff: StaffUser) -> list[IndexStatusOut]:
    """Documents, version, memory and vocabulary drift of both indexes (reviewers and admins)."""
    return [IndexStatusOut(**vars(idx.status(session))) for idx in (OUTPUT_INDEX, NEED_INDEX)]
