"""A small market with known answers for the statistics tests.

Contracts (seller, type, technology amount, signed, registered, stage) and how 2025 counts them:

  c1  A  transfer     100,000.00    2025-01-01  -           contract_signed  in 2025 (first day), transformation
  c2  A  licence       99,999.99    2025-06-01  2025-12-31  registered       in 2025 (last day), one fen below
  c3  A  development 1,000,000.00   2024-12-20  2025-01-10  paid             in 2025 (registration day), major
  c4  B  transfer     250,000.00    2025-12-31  2026-01-01  registered       in 2026, not 2025
  c5  B  service       50,000.50    2024-12-31  -           contract_signed  in 2024
  c6  B  consulting   300,000.00    2025-03-15  -           closed_lost      never (fell through)
  c7  G  transfer     200,000.00    -           2025-05-05  closed_won       in 2025, Guangdong
  c8  B  transfer     500,000.00    (unsigned)  -           negotiating      never
"""

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy.orm import Session

from backend.accounts.enums import OrgKind, Role
from backend.accounts.models import Organisation, User
from backend.deals.models import Deal
from backend.listings.models import ResearchOutput
from backend.policy.models import SubsidyApplication
from backend.stats.settings import get_stats_settings
from tests.factories import make_contract, make_deal, make_org, make_output, make_registration, make_user

SHANGHAI = ZoneInfo("Asia/Shanghai")


@pytest.fixture(autouse=True)
def _fresh_facts_on_every_request(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Each request refreshes the pre-computed facts first, so a test reads what it just wrote."""
    monkeypatch.setenv("TECHMATCH_STATS_REFRESH_SECONDS", "0")
    get_stats_settings.cache_clear()
    yield
    get_stats_settings.cache_clear()


def local(year: int, month: int, day: int, hour: int = 12, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=SHANGHAI)


@dataclass
class Market:
    uni_a: Organisation
    inst_b: Organisation
    uni_g: Organisation
    enterprise: Organisation
    seller_a: User
    seller_b: User
    buyer: User
    reviewer: User
    admin: User
    output_a: ResearchOutput
    output_b: ResearchOutput
    deals: dict[str, Deal]


def _contract_deal(
    session: Session,
    output: ResearchOutput,
    market_buyer: Organisation,
    opener: User,
    *,
    stage: str,
    created: datetime,
    amount: str | None,
    ctype: str = "transfer",
    signed: date | None = None,
    registered: date | None = None,
    costs: str = "0.00",
) -> Deal:
    deal = make_deal(session, output, market_buyer, opener, stage=stage, created_at=created)
    if amount is not None:
        total = str(Decimal(amount) + Decimal(costs))
        make_contract(session, deal, total=total, costs=costs, contract_type=ctype, signed_on=signed)
    if registered is not None:
        make_registration(session, deal, approved_income=amount or "0.00", registered_on=registered)
    return deal


@pytest.fixture
def market(session: Session) -> Market:
    uni_a = make_org(session, kind=OrgKind.university, name="广西大学", region="450100")
    inst_b = make_org(session, kind=OrgKind.research_institute, name="柳州研究院", region="450200")
    uni_g = make_org(session, kind=OrgKind.university, name="华南理工", region="440000")
    enterprise = make_org(session, kind=OrgKind.enterprise, name="玉林机械", region="450900")
    government = make_org(session, kind=OrgKind.government, region="450000")
    seller_a = make_user(session, uni_a, role=Role.org_admin)
    seller_b = make_user(session, inst_b, role=Role.org_admin)
    seller_g = make_user(session, uni_g, role=Role.org_admin)
    buyer = make_user(session, enterprise, role=Role.org_admin)
    reviewer = make_user(session, government, role=Role.reviewer)
    admin = make_user(session, government, role=Role.platform_admin)
    output_a = make_output(session, seller_a, field_code="f-materials")
    output_b = make_output(session, seller_b, field_code="f-agriculture")
    output_g = make_output(session, seller_g, field_code="f-materials")

    def deal(output: ResearchOutput, opener: User, **kw: object) -> Deal:
        return _contract_deal(session, output, enterprise, opener, **kw)  # type: ignore[arg-type]

    d = {
        "c1": deal(output_a, seller_a, stage="contract_signed", created=local(2025, 1, 1, 0, 30),
                   amount="100000.00", signed=date(2025, 1, 1)),
        "c2": deal(output_a, seller_a, stage="registered", created=local(2025, 2, 1), amount="99999.99",
                   ctype="licence", signed=date(2025, 6, 1), registered=date(2025, 12, 31)),
        "c3": deal(output_a, seller_a, stage="paid", created=local(2024, 11, 1), amount="1000000.00",
                   ctype="development", costs="50000.00", signed=date(2024, 12, 20), registered=date(2025, 1, 10)),
        "c4": deal(output_b, seller_b, stage="registered", created=local(2025, 6, 1), amount="250000.00",
                   signed=date(2025, 12, 31), registered=date(2026, 1, 1)),
        "c5": deal(output_b, seller_b, stage="contract_signed", created=local(2024, 10, 1), amount="50000.50",
                   ctype="service", signed=date(2024, 12, 31)),
        "c6": deal(output_b, seller_b, stage="closed_lost", created=local(2025, 3, 1), amount="300000.00",
                   ctype="consulting", signed=date(2025, 3, 15)),
        "c7": deal(output_g, seller_g, stage="closed_won", created=local(2025, 4, 1), amount="200000.00",
                   registered=date(2025, 5, 5)),
        "c8": deal(output_b, seller_b, stage="negotiating", created=local(2025, 5, 1), amount="500000.00"),
        "d9": deal(output_a, seller_a, stage="interest", created=local(2025, 12, 31, 23, 30), amount=None),
        "d10": deal(output_a, seller_a, stage="interest", created=local(2026, 1, 1, 0, 10), amount=None),
        "d11": deal(output_b, seller_b, stage="closed_lost", created=local(2025, 7, 1), amount=None),
    }  # fmt: skip
    return Market(uni_a, inst_b, uni_g, enterprise, seller_a, seller_b, buyer, reviewer, admin, output_a, output_b, d)


def make_application(
    session: Session, deal: Deal, applicant: User, *, amount: str, status: str = "approved", decided: datetime
) -> SubsidyApplication:
    row = SubsidyApplication(
        deal_id=deal.id,
        applicant_org_id=applicant.organisation_id,
        applicant_id=applicant.id,
        rule_set="nanning-2020",
        rule_set_version="1",
        year=decided.year,
        case={},
        evaluation={},
        eligible=True,
        amount=Decimal(amount),
        status=status,
        decided_at=decided,
    )
    session.add(row)
    session.flush()
    return row
