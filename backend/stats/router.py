"""HTTP routes of the statistics: indicators, the public headline, targets and reports."""

from collections.abc import Mapping
from typing import Annotated, Any

from fastapi import APIRouter, Query

from backend.core.deps import SessionDep
from backend.core.errors import ERROR_RESPONSES
from backend.stats import access, indicators, pipeline, results
from backend.stats.access import StatsReader
from backend.stats.filters import Filters, Thresholds, current_local_year, year_bounds
from backend.stats.params import FiltersDep, FreshFacts, ThresholdsDep
from backend.stats.reports_router import router as reports_router
from backend.stats.schemas import (
    Bucket,
    ContractIndicators,
    Conversion,
    DurationIndicators,
    Headline,
    InstitutionIndicators,
    InstitutionRow,
    Period,
    PipelineIndicators,
    SubsidyBucket,
    SubsidyIndicators,
    TallyOut,
    ThresholdsOut,
)
from backend.stats.settings import get_stats_settings
from backend.stats.targets_router import router as targets_router

router = APIRouter(prefix="/stats", tags=["statistics"], responses=ERROR_RESPONSES)


def _period(filters: Filters) -> Period:
    return Period(date_from=filters.date_from, date_to=filters.date_to)


def _tally(tally: indicators.Tally) -> dict[str, object]:
    return TallyOut(
        contracts=tally.contracts,
        registered=tally.registered,
        transformation_projects=tally.transformation_projects,
        major_projects=tally.major_projects,
        total=tally.total,
        technology_amount=tally.technology_amount,
        approved_income=tally.approved_income,
    ).model_dump()


def _buckets(groups: Mapping[Any, indicators.Tally]) -> list[Bucket]:
    return [Bucket(key=None if key is None else str(key), **_tally(tally)) for key, tally in groups.items()]


def thresholds_out(thresholds: Thresholds) -> ThresholdsOut:
    return ThresholdsOut(transformation=thresholds.transformation, major=thresholds.major)


@router.get("/contracts", operation_id="statsContracts")
def contract_indicators(
    session: SessionDep, user: StatsReader, filters: FiltersDep, thresholds: ThresholdsDep, _: FreshFacts
) -> ContractIndicators:
    """Contracts counted in the period (registration day, else signing day): counts and amounts,
    transformation and major projects, by contract type, city, field, month and year."""
    filters = access.scope(user, filters)
    summary = indicators.contract_summary(session, filters, thresholds)
    return ContractIndicators(
        period=_period(filters),
        thresholds=thresholds_out(thresholds),
        totals=TallyOut(**_tally(summary.totals)),
        by_type=_buckets(summary.by_type),
        by_city=_buckets(summary.by_city),
        by_field=_buckets(summary.by_field),
        by_month=_buckets(summary.by_month),
        by_year=_buckets(summary.by_year),
    )


@router.get("/pipeline", operation_id="statsPipeline")
def pipeline_indicators(
    session: SessionDep, user: StatsReader, filters: FiltersDep, _: FreshFacts
) -> PipelineIndicators:
    """Deals opened in the period by current stage, how many reached each stage, and the
    conversion from each stage to the next."""
    filters = access.scope(user, filters)
    funnel = pipeline.funnel(session, filters)
    return PipelineIndicators(
        period=_period(filters),
        deals=funnel.total,
        by_stage=funnel.by_stage,
        reached=funnel.reached,
        conversion=[Conversion(from_stage=a, to_stage=b, percent=p) for a, b, p in funnel.conversion],
    )


@router.get("/durations", operation_id="statsDurations")
def duration_indicators(
    session: SessionDep, user: StatsReader, filters: FiltersDep, _: FreshFacts
) -> DurationIndicators:
    """Median days from a listing's publication to its first interest (listings published in the
    period) and to a signed contract (contracts signed in the period)."""
    filters = access.scope(user, filters)
    found = pipeline.durations(session, filters)
    return DurationIndicators(period=_period(filters), **found.__dict__)


@router.get("/subsidies", operation_id="statsSubsidies")
def subsidy_indicators(session: SessionDep, user: StatsReader, filters: FiltersDep) -> SubsidyIndicators:
    """Subsidy applications approved in the period and the amounts granted; payouts made in the period
    and the amounts paid."""
    filters = access.scope(user, filters)
    found = results.subsidies(session, filters)
    return SubsidyIndicators(
        period=_period(filters),
        **vars(found.totals),
        by_rule_set=[SubsidyBucket(key=k, **vars(c)) for k, c in found.by_rule_set.items()],
        by_year=[SubsidyBucket(key=str(k), **vars(c)) for k, c in found.by_year.items()],
    )


@router.get("/institutions", operation_id="statsInstitutions")
def institution_indicators(
    session: SessionDep,
    user: StatsReader,
    filters: FiltersDep,
    thresholds: ThresholdsDep,
    _: FreshFacts,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> InstitutionIndicators:
    """Each seller organisation's deals and contracts in the period, largest technology amount first."""
    filters = access.scope(user, filters)
    rows = results.institutions(session, filters, thresholds, limit=limit)
    return InstitutionIndicators(period=_period(filters), items=[InstitutionRow.model_validate(r) for r in rows])


@router.get("/headline", operation_id="statsHeadline")
def headline(
    session: SessionDep, _: FreshFacts, year: Annotated[int | None, Query(ge=2000, le=2100)] = None
) -> Headline:
    """Public: the year's region-wide totals with the default thresholds, no breakdown."""
    year = year or current_local_year()
    settings = get_stats_settings()
    thresholds = Thresholds(settings.transformation_threshold, settings.major_threshold)
    tally = indicators.transformation_projects(session, Filters(*year_bounds(year)), thresholds)
    return Headline(
        year=year,
        transformation_projects=tally.transformation_projects,
        major_projects=tally.major_projects,
        contracts=tally.contracts,
        technology_amount=tally.technology_amount,
    )


router.include_router(targets_router)
router.include_router(reports_router)
