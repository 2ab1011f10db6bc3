"""Factories for every model, so tests state only what matters to them."""

import itertools
from decimal import Decimal
from typing import Any

from sqlalchemy.orm import Session

from backend.accounts.enums import OrgKind, OrgStatus, Role
from backend.accounts.models import Organisation, User
from backend.accounts.uscc import ALPHABET, check_character
from backend.core.db import utcnow
from backend.core.security import create_access_token, hash_password
from backend.listings.models import ResearchOutput, TechnologyNeed

_seq = itertools.count(1)
PASSWORD = "correct horse battery"
_PASSWORD_HASH = hash_password(PASSWORD)


def uscc(n: int | None = None) -> str:
    n = next(_seq) if n is None else n
    body = "91450100" + "".join(ALPHABET[(n // 31**i) % 31] for i in range(9))
    return body + check_character(body)


def make_org(session: Session, *, kind: OrgKind = OrgKind.enterprise, verified: bool = True, **kw: Any) -> Organisation:
    n = next(_seq)
    org = Organisation(
        name=kw.pop("name", f"组织{n}"),
        kind=kind,
        region=kw.pop("region", "450100"),
        uscc=kw.pop("uscc", uscc(n)),
        status=OrgStatus.verified if verified else OrgStatus.pending,
        verified_at=utcnow() if verified else None,
        **kw,
    )
    session.add(org)
    session.flush()
    return org


def make_user(session: Session, org: Organisation, *, role: Role = Role.member, **kw: Any) -> User:
    n = next(_seq)
    user = User(
        email=kw.pop("email", f"user{n}@example.com"),
        password_hash=_PASSWORD_HASH,
        full_name=kw.pop("full_name", f"用户{n}"),
        organisation_id=org.id,
        role=role,
        **kw,
    )
    session.add(user)
    session.flush()
    return user


def auth(user: User) -> dict[str, str]:
    token, _ = create_access_token(user_id=user.id, role=user.role, org_id=user.organisation_id)
    return {"Authorization": f"Bearer {token}"}


def make_output(session: Session, user: User, *, status: str = "published", **kw: Any) -> ResearchOutput:
    values: dict[str, Any] = {
        "title": "高导热石墨烯散热膜制备技术",
        "summary": "一种用于电子器件散热的石墨烯薄膜，导热系数高。",
        "confidential_detail": "SECRET-PROCESS-PARAMETERS",
        "field_code": "i-graphene-new-materials",
        "region": "450100",
        "trl": 6,
        "transfer_modes": ["assignment", "exclusive_licence"],
        "price_type": "fixed",
        "asking_price": Decimal("500000.00"),
        "keywords": ["石墨烯", "散热"],
        "published_at": utcnow() if status == "published" else None,
    }
    values.update(kw)
    output = ResearchOutput(organisation_id=user.organisation_id, created_by_id=user.id, status=status, **values)
    session.add(output)
    session.flush()
    return output


def make_need(session: Session, user: User, *, status: str = "published", **kw: Any) -> TechnologyNeed:
    values: dict[str, Any] = {
        "title": "手机散热材料技术需求",
        "description": "需要一种高导热、轻薄的散热材料用于手机主板。",
        "field_code": "i-electronics",
        "region": "450200",
        "target_trl": 6,
        "budget_min": Decimal("200000.00"),
        "budget_max": Decimal("800000.00"),
        "cooperation_modes": ["assignment"],
        "keywords": ["散热"],
        "published_at": utcnow() if status == "published" else None,
    }
    values.update(kw)
    need = TechnologyNeed(organisation_id=user.organisation_id, created_by_id=user.id, status=status, **values)
    session.add(need)
    session.flush()
    return need


# --- deals -------------------------------------------------------------------------------------------------

from datetime import date  # noqa: E402

from backend.deals.models import Contract, Deal, Interest, Payment, Registration  # noqa: E402
from backend.listings.nda import NdaAcceptance  # noqa: E402


def make_deal(
    session: Session,
    output: ResearchOutput,
    buyer: Organisation,
    opener: User,
    *,
    stage: str = "interest",
    agent: User | None = None,
    **kw: Any,
) -> Deal:
    deal = Deal(
        output_id=output.id,
        seller_org_id=output.organisation_id,
        buyer_org_id=buyer.id,
        agent_id=agent.id if agent else None,
        agency_org_id=agent.organisation_id if agent else None,
        opened_by_id=opener.id,
        title=output.title,
        stage=stage,
        **kw,
    )
    session.add(deal)
    session.flush()
    return deal


def make_interest(session: Session, output: ResearchOutput, sender: User, **kw: Any) -> Interest:
    values: dict[str, Any] = {"message": "我们对该成果感兴趣", "answers": [], "status": "pending"}
    values.update(kw)
    interest = Interest(
        output_id=output.id,
        sender_org_id=sender.organisation_id,
        sender_id=sender.id,
        recipient_org_id=output.organisation_id,
        **values,
    )
    session.add(interest)
    session.flush()
    return interest


def make_contract(
    session: Session, deal: Deal, *, total: str = "100000.00", costs: str = "0.00", **kw: Any
) -> Contract:
    values: dict[str, Any] = {"contract_type": "transfer", "signed_on": date(2026, 3, 1)}
    values.update(kw)
    contract = Contract(
        deal_id=deal.id,
        total=Decimal(total),
        non_technical_costs=Decimal(costs),
        technology_amount=Decimal(total) - Decimal(costs),
        **values,
    )
    session.add(contract)
    session.flush()
    return contract


def make_registration(session: Session, deal: Deal, *, approved_income: str = "100000.00", **kw: Any) -> Registration:
    values: dict[str, Any] = {
        "number": "2026450100000123",
        "office": "南宁市技术市场",
        "registered_on": date(2026, 3, 20),
    }
    values.update(kw)
    registration = Registration(deal_id=deal.id, approved_income=Decimal(approved_income), **values)
    session.add(registration)
    session.flush()
    return registration


def make_payment(session: Session, deal: Deal, by: User, *, amount: str, **kw: Any) -> Payment:
    payment = Payment(
        deal_id=deal.id, amount=Decimal(amount), paid_on=kw.pop("paid_on", date(2026, 4, 1)), recorded_by_id=by.id, **kw
    )
    session.add(payment)
    session.flush()
    return payment


def make_nda_acceptance(
    session: Session, output: ResearchOutput, user: User, *, version: str = "2026-1"
) -> NdaAcceptance:
    row = NdaAcceptance(output_id=output.id, organisation_id=user.organisation_id, user_id=user.id, version=version)
    session.add(row)
    session.flush()
    return row
