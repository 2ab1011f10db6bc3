"""What an indicator is asked about: a period of local dates and the optional filters.

Dates are calendar days in Asia/Shanghai, both ends included: the department counts by its own
calendar, so a deal opened at 01:00 local time on 1 January belongs to the new year even though
it is still 31 December in UTC.
"""

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement

from backend.core.regions import region_codes_within

LOCAL = ZoneInfo("Asia/Shanghai")


@dataclass(frozen=True)
class Filters:
    date_from: date
    date_to: date
    city: str | None = None
    field: str | None = None
    organisation_id: int | None = None
    contract_type: str | None = None

    @property
    def regions(self) -> list[str] | None:
        """A province code selects its cities too (Guangxi includes Nanning)."""
        return region_codes_within(self.city) if self.city else None

    @property
    def start_utc(self) -> datetime:
        return local_midnight_utc(self.date_from)

    @property
    def end_utc(self) -> datetime:
        """Exclusive: midnight after the last day."""
        return local_midnight_utc(self.date_to + timedelta(days=1))

    def scoped_to(self, organisation_id: int) -> "Filters":
        return replace(self, organisation_id=organisation_id)


def dimension_where(
    table: Any, filters: Filters, *, literal: Callable[[Any], Any] | None = None
) -> list[ColumnElement[bool]]:
    """The filters as conditions on a facts or roll-up table (city, field, contract type, seller).

    Defined once because the roll-up's answers equal the facts' only while every path filters alike.
    ``literal`` may write values into the statement (see ``sql.fixed``); the field, free text, always
    stays a parameter.
    """
    v = literal or (lambda value: value)
    where: list[ColumnElement[bool]] = []
    if filters.regions is not None:
        where.append(table.city.in_([v(r) for r in filters.regions]))
    if filters.field is not None:
        where.append(table.field == filters.field)
    if filters.contract_type is not None:
        where.append(table.contract_type == v(filters.contract_type))
    if filters.organisation_id is not None:
        where.append(table.seller_org_id == v(filters.organisation_id))
    return where


@dataclass(frozen=True)
class Thresholds:
    transformation: Decimal
    major: Decimal


def local_midnight_utc(day: date) -> datetime:
    return datetime.combine(day, time(0), tzinfo=LOCAL).astimezone(UTC)


def year_bounds(year: int) -> tuple[date, date]:
    return date(year, 1, 1), date(year, 12, 31)


def current_local_year() -> int:
    return datetime.now(LOCAL).year
