"""Subsidies granted, and each institution's results.

Subsidies: approved applications, counted on the day they were decided (local calendar), with
the amount the evaluation granted; and payouts, counted on the day they were paid, with the amount
paid (a grant paid in instalments is paid across periods). City and organisation are the
applicant's. Both are few (tens of thousands a decade) and read live through their date indexes.

Institutions: per seller organisation, the deals opened in the period and the contracts counted
in the period (same attribution as the contract indicators).
"""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from backend.accounts.models import Organisation
from backend.policy.models import SubsidyApplication, SubsidyPayout
from backend.stats import cube
from backend.stats.filters import Filters, Thresholds
from backend.stats.sql import fen_sum, yuan

APPROVED = "approved"


@dataclass
class SubsidyCell:
    applications: int = 0  # approved in the period
    amount: Decimal = Decimal("0.00")  # granted by them
    payouts: int = 0  # paid in the period, on any application
    paid: Decimal = Decimal("0.00")


@dataclass
class SubsidyTotals:
    totals: SubsidyCell
    by_rule_set: dict[str, SubsidyCell] = field(default_factory=dict)
    by_year: dict[int, SubsidyCell] = field(default_factory=dict)


def _applicant_filters(stmt: Any, filters: Filters) -> Any:
    app = SubsidyApplication
    if filters.regions is not None:
        stmt = stmt.join(Organisation, Organisation.id == app.applicant_org_id).where(
            Organisation.region.in_(filters.regions)
        )
    if filters.organisation_id is not None:
        stmt = stmt.where(app.applicant_org_id == filters.organisation_id)
    return stmt


def subsidies(session: Session, filters: Filters) -> SubsidyTotals:
    app, payout = SubsidyApplication, SubsidyPayout
    granted = (
        select(app.rule_set, app.year, func.count(), fen_sum(func.coalesce(app.amount, 0)))
        .select_from(app)
        .where(app.status == APPROVED, app.decided_at >= filters.start_utc, app.decided_at < filters.end_utc)
        .group_by(app.rule_set, app.year)
    )
    paid = (
        select(app.rule_set, app.year, func.count(), fen_sum(payout.amount))
        .select_from(payout)
        .join(app, app.id == payout.application_id)
        .where(payout.paid_on >= filters.date_from, payout.paid_on <= filters.date_to)
        .group_by(app.rule_set, app.year)
    )
    # Per key: approved applications, fen granted, payouts, fen paid.
    cells: dict[str, dict[Any, list[int]]] = {
        "rule_set": defaultdict(lambda: [0] * 4),
        "year": defaultdict(lambda: [0] * 4),
    }
    total = [0] * 4
    for offset, stmt in ((0, granted), (2, paid)):
        for rule_set, year, count, fen in session.execute(_applicant_filters(stmt, filters)):
            for bucket in (cells["rule_set"][rule_set], cells["year"][year], total):
                bucket[offset] += int(count)
                bucket[offset + 1] += int(fen)

    def cell(sums: list[int]) -> SubsidyCell:
        return SubsidyCell(sums[0], yuan(sums[1]), sums[2], yuan(sums[3]))

    return SubsidyTotals(
        totals=cell(total),
        by_rule_set={k: cell(v) for k, v in sorted(cells["rule_set"].items())},
        by_year={k: cell(v) for k, v in sorted(cells["year"].items())},
    )


@dataclass
class InstitutionResult:
    organisation_id: int
    name: str
    kind: str
    city: str
    deals: int = 0
    contracts: int = 0
    registered: int = 0
    transformation_projects: int = 0
    total: Decimal = Decimal("0.00")
    technology_amount: Decimal = Decimal("0.00")


def institutions(session: Session, filters: Filters, thresholds: Thresholds, *, limit: int) -> list[InstitutionResult]:
    """Sellers ordered by technology amount, then contracts, then deals (largest first)."""
    deals = {key[0]: count for key, count in cube.deal_groups(session, filters, ("seller_org_id",)).items()}
    contracts = {
        key[0]: sums for key, sums in cube.contract_groups(session, filters, thresholds, ("seller_org_id",)).items()
    }
    ids = set(deals) | set(contracts)
    if not ids:
        return []
    orgs = session.execute(
        select(Organisation.id, Organisation.name, Organisation.kind, Organisation.region).where(
            Organisation.id.in_(ids)
        )
    ).all()
    out = []
    for org_id, name, kind, region in orgs:
        result = InstitutionResult(org_id, name, kind, region, deals=int(deals.get(org_id, 0)))
        if org_id in contracts:
            sums = contracts[org_id]
            result.contracts, result.registered = sums.contracts, sums.registered
            result.transformation_projects = sums.transformation_projects
            result.total, result.technology_amount = yuan(sums.total_fen), yuan(sums.technology_fen)
        out.append(result)
    out.sort(key=lambda r: (-r.technology_amount, -r.contracts, -r.deals, r.organisation_id))
    return out[:limit]
