"""Targets: the department sets them, reviewers and admins read completion."""

from typing import Annotated

from fastapi import APIRouter, Query

from backend.accounts.deps import StaffUser
from backend.core.deps import SessionDep
from backend.core.errors import ERROR_RESPONSES
from backend.stats import targets
from backend.stats.filters import current_local_year
from backend.stats.params import FreshFacts, ThresholdsDep
from backend.stats.schemas import TargetOut, TargetsIn, TargetsOut, ThresholdsOut

router = APIRouter(prefix="/targets", responses=ERROR_RESPONSES)


def _out(session: SessionDep, year: int, thresholds: ThresholdsDep) -> TargetsOut:
    items = []
    for found in targets.achievements(session, year=year, thresholds=thresholds):
        row = found.target
        items.append(
            TargetOut(
                year=row.year,
                metric=row.metric,
                city=row.region,
                organisation_id=row.organisation_id,
                target=found.format(row.target),
                achieved=found.format(found.achieved),
                completion_percent=found.completion,
            )
        )
    limits = ThresholdsOut(transformation=thresholds.transformation, major=thresholds.major)
    return TargetsOut(year=year, thresholds=limits, items=items)


@router.get("", operation_id="getStatsTargets")
def get_targets(
    session: SessionDep,
    _user: StaffUser,
    thresholds: ThresholdsDep,
    _: FreshFacts,
    year: Annotated[int | None, Query(ge=2000, le=2100)] = None,
) -> TargetsOut:
    """The year's targets with what has been achieved and the completion percentage."""
    return _out(session, year or current_local_year(), thresholds)


@router.put("", operation_id="putStatsTargets")
def put_targets(
    session: SessionDep, user: StaffUser, data: TargetsIn, thresholds: ThresholdsDep, _: FreshFacts
) -> TargetsOut:
    """Set (create or replace) annual targets per city or institution; reviewers and admins."""
    targets.set_targets(session, actor=user, data=data)
    return _out(session, data.year, thresholds)
