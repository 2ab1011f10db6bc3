"""Post-transfer reports: the buyer's new sales revenue from the result, per year (subsidy rules use it)."""

from sqlalchemy import select
from sqlalchemy.orm import Session

from backend.accounts.models import User
from backend.core import audit
from backend.core.errors import InvalidState
from backend.deals import access
from backend.deals.models import Deal, SalesReport
from backend.deals.schemas import SalesReportIn
from backend.deals.stages import TRANSFERRED


def put(session: Session, *, actor: User, deal: Deal, data: SalesReportIn) -> tuple[SalesReport, bool]:
    """Create the year's report, or replace it (the previous figure stays in the audit trail)."""
    access.require_buyer(actor, deal, "report sales from the result")
    if deal.stage not in TRANSFERRED:
        raise InvalidState(
            f"Sales are reported after the contract is registered (this deal is {deal.stage})", code="not_transferred"
        )
    row = session.scalar(select(SalesReport).where(SalesReport.deal_id == deal.id, SalesReport.year == data.year))
    created = row is None
    before = None if row is None else str(row.new_sales_revenue)
    if row is None:
        row = SalesReport(
            deal_id=deal.id, year=data.year, new_sales_revenue=data.new_sales_revenue, reported_by_id=actor.id
        )
        session.add(row)
    row.new_sales_revenue = data.new_sales_revenue
    row.reported_by_id = actor.id
    session.flush()
    audit.record(
        session,
        actor_id=actor.id,
        entity_type="deal",
        entity_id=deal.id,
        action="sales_report",
        changes={"year": data.year, "new_sales_revenue": [before, str(data.new_sales_revenue)]},
    )
    return row, created


def list_reports(session: Session, deal: Deal) -> list[SalesReport]:
    return list(session.scalars(select(SalesReport).where(SalesReport.deal_id == deal.id).order_by(SalesReport.year)))
