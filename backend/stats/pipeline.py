"""Deals by stage, the conversion between stages, and how long listings wait.

A deal is counted in the period it was opened (its ``created_at``, local calendar day). Its
current stage says how far it got: a deal at "registered" passed through every stage before it.
A lost deal does not say where it stopped, so it counts as reaching the furthest stage it left
evidence of: a registration (registered), a signed contract (contract_signed), else only interest.
Conversion from a stage to the next = deals that reached the next / deals that reached the stage.

Both read the pre-computed facts (``fact_models``): the reached stage is worked out by ``refresh``.
The funnel reads the whole months of its period from the monthly roll-up (``cube``); unfiltered
medians find their middle values through monthly histograms (``medians``), the others read the facts.
"""

import itertools
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from sqlalchemy import Date, select
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from backend.core.db import UTCDateTime
from backend.deals.enums import Stage
from backend.stats import cube, medians
from backend.stats.fact_models import ContractFact, DealFact, ListingFact
from backend.stats.filters import Filters, dimension_where
from backend.stats.sql import days_between_dates, fixed, median

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


def deal_facts_where(filters: Filters) -> list[ColumnElement[bool]]:
    f = DealFact
    return [f.created_on >= filters.date_from, f.created_on <= filters.date_to, *dimension_where(f, filters)]


def funnel(session: Session, filters: Filters) -> Funnel:
    by_stage = {stage.value: 0 for stage in Stage}
    furthest = {stage.value: 0 for stage in ORDER}
    for (stage, reached_stage), count in cube.deal_groups(session, filters, ("stage", "reached")).items():
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


def durations(session: Session, filters: Filters) -> Durations:
    """Median days from publication to first interest (listings published in the period) and to a
    signed contract (counted contracts signed in the period, from their listing's publication day)."""
    cut = medians.usable(session, filters)
    to_interest = None if cut is None else medians.median(session, medians.INTEREST, filters, cut)
    to_contract = None if cut is None else medians.median(session, medians.CONTRACT, filters, cut)
    # Each from the facts when the histograms cannot answer or did not match the facts.
    with_interest, interest_days = to_interest or _interest_from_facts(session, filters)
    signed_count, contract_days = to_contract or _contract_from_facts(session, filters)
    return Durations(
        listings_with_interest=with_interest,
        median_days_to_first_interest=interest_days,
        contracts_signed=signed_count,
        median_days_to_signed_contract=contract_days,
    )


# Bounds and filters written into the statement on PostgreSQL (see ``sql.fixed``): a generic plan
# read ten years of facts by date to keep one city's (350 ms instead of 80).


def _interest_from_facts(session: Session, filters: Filters) -> tuple[int, float | None]:
    def v(value: Any, type_: Any = None) -> Any:
        return fixed(session, value, type_)

    f = ListingFact
    waits = select(f.days_to_first_interest).where(
        f.published_at >= v(filters.start_utc, UTCDateTime()),
        f.published_at < v(filters.end_utc, UTCDateTime()),
        f.days_to_first_interest.is_not(None),
    )
    if filters.regions is not None:
        waits = waits.where(f.city.in_([v(r) for r in filters.regions]))
    if filters.field is not None:
        waits = waits.where(f.field == filters.field)  # free text: sent as a parameter
    if filters.organisation_id is not None:
        waits = waits.where(f.organisation_id == v(filters.organisation_id))
    return median(session, waits)


def _contract_from_facts(session: Session, filters: Filters) -> tuple[int, float | None]:
    def v(value: Any, type_: Any = None) -> Any:
        return fixed(session, value, type_)

    c = ContractFact
    signed = select(days_between_dates(session, c.signed_on, c.published_on)).where(
        c.signed_on >= v(filters.date_from, Date()),
        c.signed_on <= v(filters.date_to, Date()),
        c.published_on.is_not(None),
        *dimension_where(c, filters, literal=v),
    )
    return median(session, signed)
