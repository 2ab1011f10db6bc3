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
