"""Query parameters shared by the indicator routes, turned into ``Filters`` and ``Thresholds``."""

from datetime import date
from decimal import Decimal
from typing import Annotated

from fastapi import Depends, Query
from sqlalchemy import text

from backend.core.deps import SessionDep
from backend.core.errors import Unprocessable
from backend.core.money import MAX_AMOUNT, quantize_fen
from backend.core.params import MAX_ID
from backend.core.regions import is_region
from backend.deals.enums import ContractType
from backend.stats.filters import Filters, Thresholds, current_local_year, year_bounds
from backend.stats.refresh import refresh_if_stale
from backend.stats.settings import get_stats_settings


def _bad(loc: str, msg: str) -> Unprocessable:
    return Unprocessable(msg, details=[{"loc": ["query", loc], "msg": msg, "type": "value_error"}])


def filters_param(
    date_from: Annotated[
        date | None, Query(description="First day (Asia/Shanghai), included; default 1 January")
    ] = None,
    date_to: Annotated[
        date | None, Query(description="Last day, included; default 31 December of date_from's year")
    ] = None,
    city: Annotated[
        str | None, Query(pattern=r"^\d{6}$", description="Region code (GB/T 2260); 450000 includes every Guangxi city")
    ] = None,
    field: Annotated[str | None, Query(max_length=64, description="Field code of the listing")] = None,
    organisation_id: Annotated[int | None, Query(ge=1, le=MAX_ID, description="Seller organisation")] = None,
    contract_type: Annotated[ContractType | None, Query()] = None,
) -> Filters:
    year = date_from.year if date_from else date_to.year if date_to else current_local_year()
    first, last = year_bounds(year)
    start, end = date_from or first, date_to or last
    if start > end:
        raise _bad("date_to", "date_to is before date_from")
    if city is not None and not is_region(city):
        raise _bad("city", f"{city} is not a known region code")
    return Filters(start, end, city, field, organisation_id, contract_type.value if contract_type else None)


Amount = Annotated[Decimal | None, Query(ge=0, le=MAX_AMOUNT, max_digits=14, decimal_places=2)]


def thresholds_param(
    transformation_threshold: Annotated[
        Amount, Query(description="Yuan; a contract at or above counts as a transformation project (default 100000)")
    ] = None,
    major_threshold: Annotated[
        Amount, Query(description="Yuan; a project at or above counts as major (default 1000000, our choice)")
    ] = None,
) -> Thresholds:
    settings = get_stats_settings()
    return Thresholds(
        transformation=quantize_fen(
            settings.transformation_threshold if transformation_threshold is None else transformation_threshold
        ),
        major=quantize_fen(settings.major_threshold if major_threshold is None else major_threshold),
    )


FiltersDep = Annotated[Filters, Depends(filters_param)]
ThresholdsDep = Annotated[Thresholds, Depends(thresholds_param)]


def _fresh_facts(session: SessionDep) -> None:
    refresh_if_stale(session, max_age_seconds=get_stats_settings().refresh_seconds)
    if session.get_bind().dialect.name == "postgresql":
        # A year's facts are grouped in memory (hash aggregate) rather than sorted on disk; LOCAL
        # keeps the setting to this request's transaction.
        session.execute(text("SET LOCAL work_mem = '64MB'"))


# Put after the caller's permission parameter, so nobody unauthorised triggers a refresh.
FreshFacts = Annotated[None, Depends(_fresh_facts)]
