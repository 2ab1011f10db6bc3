"""Subsidies granted, and each institution's results.

Subsidies: approved applications, counted on the day they were decided (local calendar), with
the amount the evaluation granted; city and organisation are the applicant's. The model records
no payout, so "paid" is not reported here (see docs/stats.md).

Institutions: per seller organisation, the deals opened in the period and the contracts counted
in the period (same attribution as the contract indicators).
"""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from backend.accounts.models import Organisation
from backend.policy.models import SubsidyApplication
from backend.stats import cube
from backend.stats.filters import Filters, Thresholds
from backend.stats.sql import fen_sum, yuan

APPROVED = "approved"


@dataclass
class SubsidyTotals:
    applications: int = 0
    amount: Decimal = Decimal("0.00")
    by_rule_set: dict[str, tuple[int, Decimal]] = field(default_factory=dict)
    by_year: dict[int, tuple[int, Decimal]] = field(default_factory=dict)


def subsidies(session: Session, filters: Filters) -> SubsidyTotals:
    app = SubsidyApplication
    stmt = (
        select(app.rule_set, app.year, func.count(), fen_sum(func.coalesce(app.amount, 0)))
        .select_from(app)
        .where(app.status == APPROVED, app.decided_at >= filters.start_utc, app.decided_at < filters.end_utc)
        .group_by(app.rule_set, app.year)
    )
    if filters.regions is not None:
        stmt = stmt.join(Organisation, Organisation.id == app.applicant_org_id).where(
            Organisation.region.in_(filters.regions)
        )
    if filters.organisation_id is not None:
        stmt = stmt.where(app.applicant_org_id == filters.organisation_id)
    totals = SubsidyTotals()
    rule_sets: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    years: dict[int, list[int]] = defaultdict(lambda: [0, 0])
    count_all = fen_all = 0
    for rule_set, year, count, fen in session.execute(stmt):
        count_all, fen_all = count_all + count, fen_all + int(fen)
        for bucket in (rule_sets[rule_set], years[year]):
            bucket[0] += count
            bucket[1] += int(fen)
    totals.applications, totals.amount = count_all, yuan(fen_all)
    totals.by_rule_set = {k: (v[0], yuan(v[1])) for k, v in sorted(rule_sets.items())}
    totals.by_year = {k: (v[0], yuan(v[1])) for k, v in sorted(years.items())}
    return totals


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
    # contracts, registered, transformation projects, total and technology amount (fen), per seller
    contracts = {
        key[0]: (sums[0], sums[1], sums[2], sums[4], sums[5])
        for key, sums in cube.contract_groups(session, filters, thresholds, ("seller_org_id",)).items()
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
            count, registered, transformation, total_fen, tech_fen = contracts[org_id]
            result.contracts, result.registered, result.transformation_projects = count, registered, transformation
            result.total, result.technology_amount = yuan(total_fen), yuan(tech_fen)
        out.append(result)
    out.sort(key=lambda r: (-r.technology_amount, -r.contracts, -r.deals, r.organisation_id))
    return out[:limit]
