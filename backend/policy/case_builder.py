"""A policy case built from what the marketplace knows about a deal, plus the applicant's declarations.

What the platform cannot know (legal form, years operating, SME status, related parties, prior public
funding) is declared by the applicant; anything neither known nor declared stays missing, so the
check reports "unknown" instead of guessing.
"""

from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from backend.accounts.models import Organisation
from backend.core.money import money_str
from backend.core.regions import GUANGXI, REGIONS
from backend.deals.models import Contract, Deal, Payment, Registration, SalesReport
from backend.listings.models import ResearchOutput
from backend.policy.models import SubsidyApplication

# The taxonomy's codes that the rule sets' "biomedicine" exception covers.
BIOMEDICINE_FIELDS = frozenset(
    {"i-biomedicine", "i-tcm-ethnic-medicine", "d-pharmacy", "d-medicine", "d-chinese-medicine"}
)
DECLARABLE = (
    "independent_legal_person",
    "years_operating",
    "sme",
    "related_parties",
    "prior_public_funding",
    "result_previously_subsidised",
)
APPROVED = ("approved",)


def _place(org: Organisation) -> dict[str, Any]:
    region = REGIONS.get(org.region)
    if region is None:
        return {}
    if region.province_code == GUANGXI and region.code != GUANGXI:
        return {"province": "广西", "city": region.name_zh}
    return {"province": region.name_zh}


def _party(org: Organisation) -> dict[str, Any]:
    return {"kind": org.kind, **_place(org)}


def already_granted(
    session: Session, *, org_id: int, rule_set: str, year: int, exclude_id: int | None = None
) -> Decimal:
    stmt = select(func.coalesce(func.sum(SubsidyApplication.amount), 0)).where(
        SubsidyApplication.applicant_org_id == org_id,
        SubsidyApplication.rule_set == rule_set,
        SubsidyApplication.year == year,
        SubsidyApplication.status.in_(APPROVED),
    )
    if exclude_id is not None:
        stmt = stmt.where(SubsidyApplication.id != exclude_id)
    return Decimal(str(session.scalar(stmt) or 0))


def build_case(
    session: Session,
    *,
    deal: Deal,
    year: int,
    rule_set: str,
    declarations: dict[str, Any],
    documents: list[str],
    beneficiary_org_id: int,
    application_id: int | None = None,
) -> dict[str, Any]:
    buyer = session.get(Organisation, deal.buyer_org_id)
    seller = session.get(Organisation, deal.seller_org_id)
    assert buyer is not None and seller is not None
    case: dict[str, Any] = {"year": year, "buyer": _party(buyer), "seller": _party(seller)}
    for key in ("independent_legal_person", "years_operating", "sme"):
        if declarations.get(key) is not None:
            case["buyer"][key] = declarations[key]
    for key in ("related_parties", "prior_public_funding", "result_previously_subsidised"):
        if declarations.get(key) is not None:
            case[key] = declarations[key]
    output = session.get(ResearchOutput, deal.output_id) if deal.output_id else None
    if output is not None and output.field_code:
        case["field"] = "biomedicine" if output.field_code in BIOMEDICINE_FIELDS else output.field_code
    contract = session.scalar(select(Contract).where(Contract.deal_id == deal.id))
    if contract is not None:
        registered = session.scalar(select(Registration.id).where(Registration.deal_id == deal.id)) is not None
        case["contract"] = {
            "type": contract.contract_type,
            "registered": registered,
            "total": money_str(contract.total),
            "non_technical_costs": money_str(contract.non_technical_costs),
        }
        if contract.signed_on is not None:
            case["contract"]["signed_on"] = contract.signed_on.isoformat()
    payments = session.scalars(select(Payment).where(Payment.deal_id == deal.id).order_by(Payment.paid_on))
    case["payments"] = [{"paid_on": p.paid_on.isoformat(), "amount": money_str(p.amount)} for p in payments]
    sales = session.scalar(select(SalesReport).where(SalesReport.deal_id == deal.id, SalesReport.year == year))
    if sales is not None:
        case["new_sales_revenue"] = money_str(sales.new_sales_revenue)
    granted = already_granted(
        session, org_id=beneficiary_org_id, rule_set=rule_set, year=year, exclude_id=application_id
    )
    case["already_granted_this_year"] = money_str(granted)
    case["documents"] = documents
    return case
