"""Deals by stage, the conversion between stages, and how long listings wait.

A deal is counted in the period it was opened (its ``created_at``, local calendar day). Its
current stage says how far it got: a deal at "registered" passed through every stage before it.
A lost deal does not say where it stopped, so it counts as reaching the furthest stage it left
evidence of: a registration (registered), a signed contract (contract_signed), else only interest.
Conversion from a stage to the next = deals that reached the next / deals that reached the stage.
"""

import itertools
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from sqlalchemy import and_, case, exists, func, select
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from backend.accounts.models import Organisation
from backend.deals.enums import Stage
from backend.deals.models import Contract, Deal, Interest, Registration
from backend.listings.models import ResearchOutput, TechnologyNeed
from backend.stats.facts import field_of_deal
from backend.stats.filters import Filters
from backend.stats.sql import days_between_dates, days_between_timestamps, local_date_of, median

ORDER = [
    Stage.interest,
    Stage.introduced,
    Stage.negotiating,
    Stage.contract_signed,
    Stage.registered,
    Stage.paid,
    Stage.closed_won,
]


@dataclass
class Funnel:
    by_stage: dict[str, int]
    reached: dict[str, int]
    conversion: list[tuple[str, str, Decimal | None]]
    total: int


def percent(part: int | Decimal, whole: int | Decimal) -> Decimal | None:
    """One decimal, half up (the seed's "120.3%"); None when there is nothing to divide by."""
    if not whole:
        return None
    return (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def _deal_where(filters: Filters) -> list[ColumnElement[bool]]:
    where: list[ColumnElement[bool]] = [Deal.created_at >= filters.start_utc, Deal.created_at < filters.end_utc]
    if filters.regions is not None:
        where.append(Organisation.region.in_(filters.regions))
    if filters.field is not None:
        where.append(field_of_deal() == filters.field)
    if filters.organisation_id is not None:
        where.append(Deal.seller_org_id == filters.organisation_id)
    if filters.contract_type is not None:
        where.append(exists().where(Contract.deal_id == Deal.id, Contract.contract_type == filters.contract_type))
    return where


def _with_dimensions(stmt: Any, filters: Filters) -> Any:
    if filters.regions is not None:
        stmt = stmt.join(Organisation, Organisation.id == Deal.seller_org_id)
    if filters.field is not None:
        stmt = stmt.outerjoin(ResearchOutput, ResearchOutput.id == Deal.output_id).outerjoin(
            TechnologyNeed, TechnologyNeed.id == Deal.need_id
        )
    return stmt


def funnel(session: Session, filters: Filters) -> Funnel:
    lost = Deal.stage == Stage.closed_lost
    # Evaluated for lost deals only (CASE short-circuits), so open deals cost no lookups.
    evidence = case(
        (lost & exists().where(Registration.deal_id == Deal.id), Stage.registered.value),
        (
            lost & exists().where(Contract.deal_id == Deal.id, Contract.signed_on.is_not(None)),
            Stage.contract_signed.value,
        ),
        (lost, Stage.interest.value),
        else_=Deal.stage,
    )
    stmt = _with_dimensions(select(Deal.stage, evidence, func.count()).select_from(Deal), filters)
    stmt = stmt.where(*_deal_where(filters)).group_by(Deal.stage, evidence)
    by_stage = {stage.value: 0 for stage in Stage}
    furthest = {stage.value: 0 for stage in ORDER}
    for stage, reached_stage, count in session.execute(stmt):
        by_stage[stage] += count
        furthest[reached_stage] += count
    reached: dict[str, int] = {}
    running = 0
    for stage in reversed(ORDER):
        running += furthest[stage.value]
        reached[stage.value] = running
    reached = {stage.value: reached[stage.value] for stage in ORDER}
    conversion = [(a.value, b.value, percent(reached[b.value], reached[a.value])) for a, b in itertools.pairwise(ORDER)]
    return Funnel(by_stage=by_stage, reached=reached, conversion=conversion, total=sum(by_stage.values()))


@dataclass
class Durations:
    listings_with_interest: int
    median_days_to_first_interest: float | None
    contracts_signed: int
    median_days_to_signed_contract: float | None


def _listing_waits(session: Session, filters: Filters, model: Any, link: Any) -> Any:
    """Listings published in the period and the days until their first interest.

    A correlated MIN per listing walks the (listing, created_at) index, so only the period's
    listings are touched, not every interest ever sent."""
    first_at = select(func.min(Interest.created_at)).where(link == model.id).scalar_subquery()
    stmt = (
        select(days_between_timestamps(session, first_at, model.published_at).label("days"))
        .select_from(model)
        .where(model.published_at >= filters.start_utc, model.published_at < filters.end_utc)
    )
    if filters.regions is not None:
        stmt = stmt.join(Organisation, Organisation.id == model.organisation_id).where(
            Organisation.region.in_(filters.regions)
        )
    if filters.field is not None:
        stmt = stmt.where(model.field_code == filters.field)
    if filters.organisation_id is not None:
        stmt = stmt.where(model.organisation_id == filters.organisation_id)
    return stmt


def durations(session: Session, filters: Filters) -> Durations:
    """Median days from publication to first interest (listings published in the period) and to a
    signed contract (contracts signed in the period, from their listing's publication)."""
    waits = _listing_waits(session, filters, ResearchOutput, Interest.output_id).union_all(
        _listing_waits(session, filters, TechnologyNeed, Interest.need_id)
    )
    with_interest, to_interest = median(session, waits)

    published = func.coalesce(ResearchOutput.published_at, TechnologyNeed.published_at)
    days = days_between_dates(session, Contract.signed_on, local_date_of(session, published))
    signed = (
        select(days.label("days"))
        .select_from(Contract)
        .join(Deal, Deal.id == Contract.deal_id)
        .outerjoin(ResearchOutput, ResearchOutput.id == Deal.output_id)
        .outerjoin(TechnologyNeed, TechnologyNeed.id == Deal.need_id)
        .where(and_(Contract.signed_on >= filters.date_from, Contract.signed_on <= filters.date_to))
        .where(published.is_not(None))
    )
    if filters.regions is not None:
        signed = signed.join(Organisation, Organisation.id == Deal.seller_org_id).where(
            Organisation.region.in_(filters.regions)
        )
    if filters.field is not None:
        signed = signed.where(field_of_deal() == filters.field)
    if filters.organisation_id is not None:
        signed = signed.where(Deal.seller_org_id == filters.organisation_id)
    if filters.contract_type is not None:
        signed = signed.where(Contract.contract_type == filters.contract_type)
    signed_count, to_contract = median(session, signed)
    return Durations(
        listings_with_interest=with_interest,
        median_days_to_first_interest=to_interest,
        contracts_signed=signed_count,
        median_days_to_signed_contract=to_contract,
    )
