"""Report rows: an institution's annual transformation report, the department's yearly summary and
the contracts of any range. Rows are generated lazily (``yield_per``) so a large range never sits
in memory; ``export`` turns them into CSV or XLSX.

The team's share: the organisation's ``team_share_percent`` (the law's 50% when unset, POLICY.md
section 6) of the contract's income, where income is the registered (approved) income once
registered, else the technology amount. The law's rule covers income from transfer and licence
contracts, so other contract types carry no team share here.
"""

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from backend.accounts.models import Organisation
from backend.core.money import quantize_fen
from backend.core.regions import REGIONS
from backend.deals.models import Deal, Payment, Registration
from backend.listings.models import ResearchOutput, TechnologyNeed
from backend.stats import indicators, results, targets
from backend.stats.facts import live_contracts
from backend.stats.filters import Filters, Thresholds, year_bounds

DEFAULT_TEAM_SHARE = Decimal("50")
TEAM_SHARE_TYPES = frozenset({"transfer", "licence"})
BATCH = 1000

CONTRACT_COLUMNS = [
    "contract_id",
    "deal_id",
    "counted_on",
    "seller",
    "city",
    "field",
    "result",
    "buyer",
    "contract_type",
    "registered_on",
    "registration_number",
    "total",
    "technology_amount",
    "approved_income",
    "income",
    "paid",
    "team_share_percent",
    "team_share",
]


@dataclass(frozen=True)
class Sheet:
    title: str
    columns: list[str]
    rows: Iterator[list[Any]]


def team_share(contract_type: str, income: Decimal, percent: Decimal | None) -> Decimal:
    if contract_type not in TEAM_SHARE_TYPES:
        return Decimal("0.00")
    share = DEFAULT_TEAM_SHARE if percent is None else percent
    return quantize_fen(income * share / 100)


def contract_rows(session: Session, filters: Filters) -> Iterator[list[Any]]:
    # Read live (not from the pre-computed facts): a report is the state of the records right now.
    facts = live_contracts(filters, dialect=session.get_bind().dialect.name).subquery("facts")
    seller, buyer = aliased(Organisation), aliased(Organisation)
    paid = select(func.coalesce(func.sum(Payment.amount), 0)).where(Payment.deal_id == facts.c.deal_id)
    stmt = (
        select(
            facts,
            seller.name.label("seller"),
            seller.team_share_percent.label("share_percent"),
            buyer.name.label("buyer"),
            func.coalesce(ResearchOutput.title, TechnologyNeed.title).label("result"),
            Registration.number.label("registration_number"),
            paid.scalar_subquery().label("paid"),
        )
        .join(Deal, Deal.id == facts.c.deal_id)
        .join(seller, seller.id == Deal.seller_org_id)
        .join(buyer, buyer.id == Deal.buyer_org_id)
        .outerjoin(ResearchOutput, ResearchOutput.id == Deal.output_id)
        .outerjoin(TechnologyNeed, TechnologyNeed.id == Deal.need_id)
        .outerjoin(Registration, Registration.deal_id == facts.c.deal_id)
        .order_by(facts.c.period_on, facts.c.contract_id)
        .execution_options(yield_per=BATCH)
    )
    for row in session.execute(stmt):
        f = row._mapping
        tech = _fen(f["technology_amount"])
        approved = None if f["approved_income"] is None else _fen(f["approved_income"])
        income = approved if approved is not None else tech
        kind = f["contract_type"]
        percent = f["share_percent"]
        yield [
            f["contract_id"],
            f["deal_id"],
            f["period_on"],
            f["seller"],
            f["city"],
            f["field"],
            f["result"],
            f["buyer"],
            kind,
            f["period_on"] if f["registered"] else None,
            f["registration_number"],
            _fen(f["total"]),
            tech,
            approved,
            income,
            _fen(f["paid"] or 0),
            (DEFAULT_TEAM_SHARE if percent is None else percent) if kind in TEAM_SHARE_TYPES else None,
            team_share(kind, income, percent),
        ]


def _fen(value: Any) -> Decimal:
    # SQLite hands NUMERIC back through a float; two decimals make it exact again.
    return quantize_fen(Decimal(str(value)))


def institution_report(session: Session, *, organisation_id: int, year: int) -> list[Sheet]:
    """Sheets: every contract of the year, then the totals by result (research output)."""
    filters = Filters(*year_bounds(year), organisation_id=organisation_id)
    return [
        Sheet("Contracts", CONTRACT_COLUMNS, contract_rows(session, filters)),
        Sheet("By result", BY_RESULT_COLUMNS, _by_result(contract_rows(session, filters))),
    ]


BY_RESULT_COLUMNS = ["result", "contracts", "income", "team_share"]


def _by_result(rows: Iterator[list[Any]]) -> Iterator[list[Any]]:
    # One institution's year holds few contracts, so totals per result are kept in memory.
    totals: dict[str, list[Any]] = {}
    index = {name: i for i, name in enumerate(CONTRACT_COLUMNS)}
    for row in rows:
        entry = totals.setdefault(row[index["result"]] or "", [0, Decimal("0.00"), Decimal("0.00")])
        entry[0] += 1
        entry[1] += row[index["income"]]
        entry[2] += row[index["team_share"]]
    for result, (count, income, share) in sorted(totals.items()):
        yield [result, count, income, share]
    grand = [sum(v[0] for v in totals.values()), sum((v[1] for v in totals.values()), Decimal("0.00"))]
    yield ["Total", *grand, sum((v[2] for v in totals.values()), Decimal("0.00"))]


TALLY_COLUMNS = [
    "contracts",
    "registered",
    "transformation_projects",
    "major_projects",
    "total",
    "technology_amount",
    "approved_income",
]


def _tally_row(tally: indicators.Tally) -> list[Any]:
    return [
        tally.contracts,
        tally.registered,
        tally.transformation_projects,
        tally.major_projects,
        tally.total,
        tally.technology_amount,
        tally.approved_income,
    ]


SUMMARY_COLUMNS = ["section", "key", "name", *TALLY_COLUMNS, "target", "completion_percent"]


def _summary_rows(session: Session, year: int, thresholds: Thresholds) -> Iterator[list[Any]]:
    summary = indicators.contract_summary(session, Filters(*year_bounds(year)), thresholds)
    city_targets = {
        a.target.region: a
        for a in targets.achievements(session, year=year, thresholds=thresholds)
        if a.target.region and a.target.metric == targets.COUNT_METRIC
    }
    yield ["total", str(year), "", *_tally_row(summary.totals), "", ""]
    for code, tally in summary.by_city.items():
        region = REGIONS.get(code)
        found = city_targets.get(code)
        target = found.format(found.target.target) if found else ""
        completion = f"{found.completion:.1f}" if found and found.completion is not None else ""
        yield ["city", code, region.name_zh if region else code, *_tally_row(tally), target, completion]
    for section, groups in (
        ("type", summary.by_type),
        ("field", summary.by_field),
        ("month", summary.by_month),
    ):
        for key, tally in groups.items():
            yield [section, key or "", "", *_tally_row(tally), "", ""]


INSTITUTION_COLUMNS = [
    "organisation_id",
    "name",
    "kind",
    "city",
    "deals",
    "contracts",
    "registered",
    "transformation_projects",
    "total",
    "technology_amount",
]


def _institution_rows(session: Session, year: int, thresholds: Thresholds) -> Iterator[list[Any]]:
    for r in results.institutions(session, Filters(*year_bounds(year)), thresholds, limit=1_000_000):
        yield [
            r.organisation_id,
            r.name,
            r.kind,
            r.city,
            r.deals,
            r.contracts,
            r.registered,
            r.transformation_projects,
            r.total,
            r.technology_amount,
        ]


def department_summary(session: Session, *, year: int, thresholds: Thresholds) -> list[Sheet]:
    """Sheets: totals and breakdowns (with city targets), institutions, every contract of the year."""
    return [
        Sheet("Summary", SUMMARY_COLUMNS, _summary_rows(session, year, thresholds)),
        Sheet("Institutions", INSTITUTION_COLUMNS, _institution_rows(session, year, thresholds)),
        Sheet("Contracts", CONTRACT_COLUMNS, contract_rows(session, Filters(*year_bounds(year)))),
    ]
