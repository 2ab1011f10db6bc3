"""The contracts an indicator counts, one row each, with the dimensions every breakdown uses.

Period attribution: a contract belongs to the day it was registered (技术合同认定登记) when it
has been registered, otherwise to the day it was signed. Registration is what the department
counts and reports; a signed contract still waiting for its certificate is counted on its
signing day so the current year is not blind to it, and moves to its registration day once
registered (so a contract signed in December and registered in January counts in January).
A contract that was never signed (no signing date) is not counted, nor is an unregistered
contract of a deal that was lost: it fell through.

City is the seller's (the institution's) region: the seller files the registration with its
local technology market, and the department reports results where they came from. Field is the
field of the listing the deal is about (the output, else the need).

The indicators read these rows pre-computed (``fact_models.ContractFact``, kept by ``refresh``); the
live query below computes them, for the refresh and for the reports. Its two halves (registered / not
yet registered) are separate SELECTs joined by UNION ALL, so each can use its own date index instead of
filtering on COALESCE across two tables.
"""

from typing import Any

from sqlalchemy import Date, Numeric, cast, exists, func, literal, null, select, union_all
from sqlalchemy.sql.elements import ColumnElement

from backend.accounts.models import Organisation
from backend.deals.enums import Stage
from backend.deals.models import Contract, Deal, Registration
from backend.listings.models import ResearchOutput, TechnologyNeed
from backend.stats.fact_models import ContractFact
from backend.stats.filters import Filters, dimension_where


def _deal_filters(filters: Filters, field: ColumnElement[Any]) -> list[ColumnElement[bool]]:
    where: list[ColumnElement[bool]] = []
    if filters.regions is not None:
        where.append(Organisation.region.in_(filters.regions))
    if filters.field is not None:
        where.append(field == filters.field)
    if filters.organisation_id is not None:
        where.append(Deal.seller_org_id == filters.organisation_id)
    return where


def field_of_deal() -> ColumnElement[Any]:
    return func.coalesce(ResearchOutput.field_code, TechnologyNeed.field_code)


def _half(filters: Filters | None, *, registered: bool, deal_ids: Any = None, dialect: str = "") -> Any:
    field = field_of_deal()
    period = Registration.registered_on if registered else Contract.signed_on
    published = func.coalesce(ResearchOutput.published_at, TechnologyNeed.published_at)
    columns: list[Any] = [
        Contract.id.label("contract_id"),
        Contract.deal_id.label("deal_id"),
        Deal.seller_org_id.label("seller_org_id"),
        Organisation.region.label("city"),
        field.label("field"),
        Contract.contract_type.label("contract_type"),
        period.label("period_on"),
        Contract.total.label("total"),
        Contract.technology_amount.label("technology_amount"),
        literal(registered).label("registered"),
        (Registration.approved_income if registered else cast(null(), Numeric(14, 2))).label("approved_income"),
        Contract.signed_on.label("signed_on"),
        local_date(dialect, published).label("published_on"),
    ]
    stmt = select(*columns).select_from(Contract)
    if registered:
        stmt = stmt.join(Registration, Registration.deal_id == Contract.deal_id)
    stmt = (
        stmt.join(Deal, Deal.id == Contract.deal_id)
        .join(Organisation, Organisation.id == Deal.seller_org_id)
        .outerjoin(ResearchOutput, ResearchOutput.id == Deal.output_id)
        .outerjoin(TechnologyNeed, TechnologyNeed.id == Deal.need_id)
    )
    if filters is not None:
        stmt = stmt.where(period >= filters.date_from, period <= filters.date_to, *_deal_filters(filters, field))
    else:
        stmt = stmt.where(period.is_not(None))
    if deal_ids is not None:
        stmt = stmt.where(Contract.deal_id.in_(deal_ids))
    if not registered:
        stmt = stmt.where(
            ~exists().where(Registration.deal_id == Contract.deal_id),
            Deal.stage != Stage.closed_lost,
        )
    if filters is not None and filters.contract_type is not None:
        stmt = stmt.where(Contract.contract_type == filters.contract_type)
    return stmt


def live_contracts(filters: Filters | None = None, *, deal_ids: Any = None, dialect: str = "") -> Any:
    """The counted contracts computed from the live tables (reports, and the facts' refresh)."""
    halves = (_half(filters, registered=r, deal_ids=deal_ids, dialect=dialect) for r in (True, False))
    return union_all(*halves)


def contract_facts(filters: Filters) -> Any:
    """The counted contracts of the period from the pre-computed facts, as a subquery with the
    columns the indicators use."""
    f = ContractFact
    stmt = select(
        f.contract_id, f.deal_id, f.seller_org_id, f.city, f.field, f.contract_type, f.period_on, f.total_fen,
        f.technology_fen, f.registered, f.approved_income_fen, f.signed_on, f.published_on,
    ).where(f.period_on >= filters.date_from, f.period_on <= filters.date_to, *dimension_where(f, filters))  # fmt: skip
    return stmt.subquery("facts")


def local_date(dialect: str, timestamp: Any) -> Any:
    """The Asia/Shanghai calendar day of a UTC timestamp (China has had no daylight saving since 1991)."""
    if dialect == "postgresql":
        return cast(func.timezone("Asia/Shanghai", timestamp), Date())
    return func.date(timestamp, "+8 hours")
