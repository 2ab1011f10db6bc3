"""A small market for deal tests: a university seller, an enterprise buyer, an agent, an outsider, a reviewer."""

from dataclasses import dataclass

import pytest
from sqlalchemy.orm import Session

from backend.accounts.enums import OrgKind, Role
from backend.accounts.models import Organisation, User
from backend.listings.models import ResearchOutput, TechnologyNeed
from tests.factories import make_need, make_org, make_output, make_user


@dataclass
class World:
    university: Organisation
    seller: User  # org admin of the university
    seller_member: User
    output: ResearchOutput
    enterprise: Organisation
    buyer: User
    need: TechnologyNeed
    agency: Organisation
    agent: User
    other_agent: User
    outsider: User
    reviewer: User
    admin: User


@pytest.fixture
def world(session: Session) -> World:
    university = make_org(session, kind=OrgKind.university, name="广西大学")
    seller = make_user(session, university, role=Role.org_admin)
    seller_member = make_user(session, university)
    output = make_output(session, seller, screening_questions=["贵司的年产能是多少？", "计划何时投产？"])
    enterprise = make_org(session, kind=OrgKind.enterprise, name="柳州散热科技有限公司")
    buyer = make_user(session, enterprise, role=Role.org_admin)
    need = make_need(session, buyer)
    agency = make_org(session, kind=OrgKind.transfer_agency, name="广西技术转移中心")
    agent = make_user(session, agency, role=Role.agent)
    other_agent = make_user(session, agency, role=Role.agent)
    outsider = make_user(session, make_org(session, kind=OrgKind.enterprise), role=Role.org_admin)
    government = make_org(session, kind=OrgKind.government)
    reviewer = make_user(session, government, role=Role.reviewer)
    admin = make_user(session, government, role=Role.platform_admin)
    return World(
        university,
        seller,
        seller_member,
        output,
        enterprise,
        buyer,
        need,
        agency,
        agent,
        other_agent,
        outsider,
        reviewer,
        admin,
    )
