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

The two halves (registered / not yet registered) are separate SELECTs joined by UNION ALL, so each
can use its own date index instead of filtering on COALESCE across two tables.
"""

from typing import Any

from sqlalchemy import Numeric, and_, cast, exists, func, literal, null, select, union_all
from sqlalchemy.sql.elements import ColumnElement

from backend.accounts.models import Organisation
from backend.deals.enums import Stage
from backend.deals.models import Contract, Deal, Registration
from backend.listings.models import ResearchOutput, TechnologyNeed
from backend.stats.filters import Filters


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


def _half(filters: Filters, *, registered: bool) -> Any:
    field = field_of_deal()
    period = Registration.registered_on if registered else Contract.signed_on
    columns: list[Any] = [
        Contract.id.label("contract_id"),
        Contract.deal_id.label("deal_id"),
        Deal.seller_org_id.label("seller_org_id"),
        Deal.output_id.label("output_id"),
        Organisation.region.label("city"),
        field.label("field"),
        Contract.contract_type.label("contract_type"),
        period.label("period_on"),
        Contract.total.label("total"),
        Contract.technology_amount.label("technology_amount"),
        literal(registered).label("registered"),
        (Registration.approved_income if registered else cast(null(), Numeric(14, 2))).label("approved_income"),
    ]
    stmt = select(*columns).select_from(Contract)
    if registered:
        stmt = stmt.join(Registration, Registration.deal_id == Contract.deal_id)
    stmt = (
        stmt.join(Deal, Deal.id == Contract.deal_id)
        .join(Organisation, Organisation.id == Deal.seller_org_id)
        .outerjoin(ResearchOutput, ResearchOutput.id == Deal.output_id)
        .outerjoin(TechnologyNeed, TechnologyNeed.id == Deal.need_id)
        .where(period >= filters.date_from, period <= filters.date_to, *_deal_filters(filters, field))
    )
    if not registered:
        stmt = stmt.where(
            ~exists().where(Registration.deal_id == Contract.deal_id),
            Deal.stage != Stage.closed_lost,
        )
    if filters.contract_type is not None:
        stmt = stmt.where(Contract.contract_type == filters.contract_type)
    return stmt


def contract_facts(filters: Filters) -> Any:
    """A subquery of the counted contracts; columns as in ``_half``."""
    return union_all(_half(filters, registered=True), _half(filters, registered=False)).subquery("facts")


def period_condition(filters: Filters, column: Any) -> ColumnElement[bool]:
    return and_(column >= filters.date_from, column <= filters.date_to)
