"""The statistics' facts on the beat schedule, and the refresh task recomputing only what changed.

The task commits through its own unit of work, so this test commits its records too (not the
rolled-back ``session`` fixture) and removes them, the facts and the roll-up afterwards: the tables
are left empty as the other tests expect (their first refresh rebuilds from their own records).
"""

from collections.abc import Iterator
from datetime import date, timedelta
from decimal import Decimal

import pytest
from celery.schedules import crontab
from sqlalchemy import Engine, delete, select, update

from backend.accounts.enums import OrgKind, Role
from backend.accounts.models import Organisation, User
from backend.core.config import Settings, get_settings
from backend.core.db import Base, utcnow
from backend.deals.models import Contract, Deal
from backend.listings.models import ResearchOutput
from backend.stats import fact_models, rollup
from backend.stats.fact_models import ContractFact, RollupState
from tests.factories import make_contract, make_deal, make_org, make_output, make_user
from workers.app import beat_schedule, celery
from workers.db import unit_of_work
from workers.tasks.stats import REBUILD_FACTS, REFRESH_FACTS, rebuild_facts, refresh_facts

# Every table the refresh writes (facts, roll-up, histograms, state), taken from their module so a
# table added there is emptied too; none refers to another, so the order of deletion does not matter.
STATS_TABLES = [m.class_ for m in Base.registry.mappers if m.class_.__module__ == fact_models.__name__]


def test_the_refresh_is_on_the_beat_schedule() -> None:
    entry = celery.conf.beat_schedule["stats-refresh-facts"]
    assert entry["task"] == REFRESH_FACTS and entry["schedule"] == get_settings().stats_refresh_facts_seconds
    assert REFRESH_FACTS in celery.tasks and REBUILD_FACTS in celery.tasks
    custom = beat_schedule(Settings(stats_refresh_facts_seconds=120, stats_rebuild_facts_hour_local=2))
    assert custom["stats-refresh-facts"]["schedule"] == 120
    nightly = custom["stats-rebuild-facts"]
    assert nightly["task"] == REBUILD_FACTS and nightly["schedule"] == crontab(minute="25", hour="2")
    off = beat_schedule(Settings(stats_refresh_facts_seconds=0, stats_rebuild_facts_hour_local=-1))
    assert "stats-refresh-facts" not in off and "stats-rebuild-facts" not in off


@pytest.fixture
def two_deals(engine: Engine) -> Iterator[tuple[int, int]]:
    with unit_of_work() as session:
        seller_org = make_org(session, kind=OrgKind.university, region="450100")
        buyer_org = make_org(session, region="450900")
        seller = make_user(session, seller_org, role=Role.org_admin)
        output = make_output(session, seller)
        ids = []
        for amount in ("120000.00", "80000.00"):
            deal = make_deal(session, output, buyer_org, seller, stage="contract_signed")
            make_contract(session, deal, total=amount, signed_on=date(2025, 3, 1))
            ids.append(deal.id)
        org_ids = [seller_org.id, buyer_org.id]
        # The second deal was last touched an hour ago: beyond the refresh's look-back overlap.
        hour_ago = utcnow() - timedelta(hours=1)
        session.execute(update(Deal).where(Deal.id == ids[1]).values(updated_at=hour_ago))
        session.execute(update(Contract).where(Contract.deal_id == ids[1]).values(updated_at=hour_ago))
    yield ids[0], ids[1]
    with unit_of_work() as session:
        assert {m.__tablename__ for m in STATS_TABLES} >= {"stats_contract_facts", "stats_wait_months"}
        for model in STATS_TABLES:
            session.execute(delete(model))
        session.execute(delete(Contract).where(Contract.deal_id.in_(ids)))
        session.execute(delete(Deal).where(Deal.id.in_(ids)))
        session.execute(delete(ResearchOutput).where(ResearchOutput.organisation_id.in_(org_ids)))
        session.execute(delete(User).where(User.organisation_id.in_(org_ids)))
        session.execute(delete(Organisation).where(Organisation.id.in_(org_ids)))


def _fact_fen(deal_id: int) -> int | None:
    with unit_of_work() as session:
        fact = session.get(ContractFact, deal_id)
        return None if fact is None else fact.technology_fen


def test_the_task_refreshes_incrementally(two_deals: tuple[int, int]) -> None:
    changed, untouched = two_deals
    refresh_facts.apply(throw=True)  # the first refresh builds everything
    assert (_fact_fen(changed), _fact_fen(untouched)) == (12_000_000, 8_000_000)
    with unit_of_work() as session:
        # A fact edited behind the refresh's back shows which deals the next refresh recomputes.
        session.execute(update(ContractFact).where(ContractFact.deal_id == untouched).values(technology_fen=1))
        contract = session.scalars(select(Contract).where(Contract.deal_id == changed)).one()
        contract.total = contract.technology_amount = Decimal("150000.00")
    refresh_facts.apply(throw=True)
    assert _fact_fen(changed) == 15_000_000  # its contract changed: recomputed
    assert _fact_fen(untouched) == 1  # nothing changed: left alone
    with unit_of_work() as session:
        assert session.get(RollupState, rollup.STATE) is not None  # the roll-up was built with the facts
    rebuild_facts.apply(throw=True)
    assert _fact_fen(untouched) == 8_000_000


def test_the_beat_refresh_skips_while_a_rebuild_holds_the_lock(engine: Engine) -> None:
    import threading

    from sqlalchemy.orm import Session

    from backend.stats import refresh

    if engine.dialect.name != "postgresql":
        pytest.skip("the refresh lock is PostgreSQL's; SQLite's single writer serialises refreshes instead")
    outcome: list[bool] = []
    with Session(bind=engine) as rebuilding:
        refresh.lock(rebuilding)  # as the nightly rebuild does, for minutes
        # In a thread, so a regression that waits for the lock fails here instead of hanging the suite.
        beat = threading.Thread(target=lambda: outcome.append(refresh_facts()), daemon=True)
        beat.start()
        beat.join(timeout=20)
        waited = beat.is_alive()
        rebuilding.rollback()
    beat.join(timeout=20)
    assert not waited, "the beat refresh waited for the lock"
    assert outcome == [False]
