"""The demo data: counts, variety, valid codes and accounts, and loading it twice."""

import time
from collections import Counter
from collections.abc import Iterator
from decimal import Decimal

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from backend.accounts.enums import OrgKind, Role
from backend.accounts.models import Organisation, User
from backend.accounts.uscc import uscc_error
from backend.core.audit import AuditEvent
from backend.core.regions import GUANGXI_CITY_CODES
from backend.core.security import verify_password
from backend.listings.models import ResearchOutput, TechnologyNeed
from backend.ops.demo import DEMO_PASSWORD, seed_demo
from backend.ops.demo.catalog import load_catalog


@pytest.fixture(scope="module")
def demo(engine: Engine) -> Iterator[Session]:
    """Seeded once for the module (the tests only read), rolled back at its end."""
    connection = engine.connect()
    outer = connection.begin()
    session = Session(bind=connection, join_transaction_mode="create_savepoint", expire_on_commit=False)
    try:
        started = time.perf_counter()
        report = seed_demo(session)
        assert report.loaded
        assert time.perf_counter() - started < 10, "seeding must stay fast for make run"
        yield session
    finally:
        session.close()
        outer.rollback()
        connection.close()


def test_demo_has_the_required_counts_and_variety(demo: Session) -> None:
    outputs = list(demo.scalars(select(ResearchOutput)))
    needs = list(demo.scalars(select(TechnologyNeed)))
    assert len(outputs) >= 200
    assert len(needs) >= 100
    kinds = Counter(demo.scalars(select(Organisation.kind)))
    assert all(kinds[kind] >= 3 for kind in OrgKind), kinds
    fields = {listing.field_code for listing in [*outputs, *needs]}
    assert len(fields) >= 30
    regions = {listing.region for listing in [*outputs, *needs]}
    assert regions >= GUANGXI_CITY_CODES
    assert regions - GUANGXI_CITY_CODES, "a few listings come from other provinces"
    english = [o for o in outputs if o.title.isascii()]
    assert 0 < len(english) < len(outputs) // 5, "mostly Chinese with some English"


def test_demo_mixes_statuses_with_reasons(demo: Session) -> None:
    for model in (ResearchOutput, TechnologyNeed):
        rows = list(demo.scalars(select(model)))
        statuses = Counter(row.status for row in rows)
        assert statuses["published"] > len(rows) / 2
        assert {"draft", "pending_review", "needs_revision"} <= set(statuses), statuses
        for row in rows:
            assert (row.review_reason is not None) == (row.status in ("needs_revision", "rejected"))
            assert (row.published_at is not None) == (row.status == "published")
    published = demo.scalar(select(ResearchOutput).where(ResearchOutput.status == "published").limit(1))
    assert published is not None
    actions = set(demo.scalars(select(AuditEvent.action).where(AuditEvent.entity_id == published.id)))
    assert {"create", "submit", "approve"} <= actions


def test_demo_outputs_are_complete_and_consistent(demo: Session) -> None:
    for output in demo.scalars(select(ResearchOutput)):
        assert sum(Decimal(str(owner["share"])) for owner in output.owners) == 100
        assert output.ip_records and output.advantages and output.transfer_modes
        assert output.trl is not None and 1 <= output.trl <= 9
        if output.price_type == "fixed":
            assert output.asking_price is not None and output.asking_price > 0
    for need in demo.scalars(select(TechnologyNeed)):
        if need.budget_min is not None and need.budget_max is not None:
            assert need.budget_min <= need.budget_max


def test_demo_organisations_have_valid_credit_codes(demo: Session) -> None:
    codes = list(demo.scalars(select(Organisation.uscc)))
    assert len(codes) == len(set(codes))
    assert [code for code in codes if uscc_error(code)] == []
    names = set(demo.scalars(select(Organisation.name)))
    assert {"广西大学", "桂林电子科技大学", "广西医科大学", "广西民族大学", "广西农业科学院", "广西科学院"} <= names


def test_one_documented_account_per_role(demo: Session) -> None:
    for role in Role:
        user = demo.scalar(select(User).where(User.email == f"demo-{role}@techmatch.local"))
        assert user is not None, role
        assert user.role == role
    agent = demo.scalar(select(User).where(User.email == "demo-agent@techmatch.local"))
    reviewer = demo.scalar(select(User).where(User.email == "demo-reviewer@techmatch.local"))
    assert agent is not None and agent.organisation.kind == OrgKind.transfer_agency
    assert reviewer is not None and reviewer.organisation.kind == OrgKind.government
    assert verify_password(DEMO_PASSWORD, reviewer.password_hash)


def test_every_listing_creator_belongs_to_the_owning_organisation(demo: Session) -> None:
    for model in (ResearchOutput, TechnologyNeed):
        stmt = select(func.count()).select_from(model).join(User, User.id == model.created_by_id)
        mismatched = demo.scalar(stmt.where(User.organisation_id != model.organisation_id))
        assert mismatched == 0


def test_seeding_twice_loads_nothing_the_second_time(demo: Session) -> None:
    before = demo.scalar(select(func.count()).select_from(ResearchOutput))
    report = seed_demo(demo)
    assert not report.loaded
    assert "already" in str(report)
    assert demo.scalar(select(func.count()).select_from(ResearchOutput)) == before


def test_needs_have_matching_outputs_in_the_catalogue() -> None:
    """Every need shares its topic's keywords with outputs, so the matcher has real signal."""
    from datetime import date

    from backend.ops.demo.generate import generate

    outputs, needs = generate(load_catalog(), today=date(2026, 1, 1))
    output_keywords = [set(plan.draft.keywords) for plan in outputs]
    for need in needs:
        assert any(len(set(need.draft.keywords) & words) >= 3 for words in output_keywords)
    again, _ = generate(load_catalog(), today=date(2026, 1, 1))
    assert [p.draft for p in again] == [p.draft for p in outputs], "generation is deterministic"
