"""The pre-computed facts follow the records: incrementally, in full, and no older than the setting."""

from datetime import date, timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, select, text
from sqlalchemy.orm import Session

from backend.core.db import utcnow
from backend.stats import refresh
from backend.stats.fact_models import ContractFact, DealFact, ListingFact, RefreshState
from backend.stats.settings import get_stats_settings
from tests.factories import auth, make_interest, make_registration
from tests.stats.conftest import Market

YEAR_2025 = {"date_from": "2025-01-01", "date_to": "2025-12-31"}


def _contracts(client: TestClient, market: Market, **params: Any) -> int:
    body = client.get("/api/stats/contracts", params=params or YEAR_2025, headers=auth(market.reviewer)).json()
    count: int = body["totals"]["contracts"]
    return count


def _snapshot(session: Session) -> list[Any]:
    rows: list[Any] = []
    for model in (ContractFact, DealFact, ListingFact):
        columns = [c for c in model.__table__.columns]
        rows.append(sorted(tuple(r) for r in session.execute(select(*columns)).all()))
    return rows


def test_an_incremental_refresh_sees_changes(client: TestClient, session: Session, market: Market) -> None:
    assert _contracts(client, market) == 4
    # c1 gets registered in 2026, so it leaves 2025; d9 moves on a stage.
    make_registration(session, market.deals["c1"], approved_income="100000.00", registered_on=date(2026, 2, 1))
    deal = market.deals["d9"]
    deal.stage = "introduced"
    session.flush()
    assert _contracts(client, market) == 3
    assert _contracts(client, market, date_from="2026-01-01", date_to="2026-12-31") == 2
    pipeline = client.get("/api/stats/pipeline", params=YEAR_2025, headers=auth(market.reviewer)).json()
    assert pipeline["by_stage"]["introduced"] == 1 and pipeline["by_stage"]["interest"] == 0
    incremental = _snapshot(session)
    refresh.rebuild(session)
    assert _snapshot(session) == incremental


def test_first_interest_updates_the_listing_fact(session: Session, market: Market) -> None:
    refresh.refresh(session)
    fact = session.get(ListingFact, ("output", market.output_b.id))
    assert fact is not None and fact.first_interest_at is None
    interest = make_interest(session, market.output_b, market.buyer)
    refresh.refresh(session)
    fact = session.get(ListingFact, ("output", market.output_b.id), populate_existing=True)
    assert fact is not None and fact.first_interest_at == interest.created_at


def test_facts_are_reused_while_younger_than_the_setting(
    client: TestClient, session: Session, market: Market, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TECHMATCH_STATS_REFRESH_SECONDS", "3600")
    get_stats_settings.cache_clear()
    assert _contracts(client, market) == 4
    make_registration(session, market.deals["c1"], approved_income="100000.00", registered_on=date(2026, 2, 1))
    session.flush()
    assert _contracts(client, market) == 4  # not refreshed yet: the facts are minutes old at most
    state = session.get(RefreshState, refresh.STATE)
    assert state is not None
    state.refreshed_at = utcnow() - timedelta(hours=2)
    session.flush()
    assert _contracts(client, market) == 3


def test_a_request_does_not_wait_for_a_running_refresh(
    client: TestClient, session: Session, market: Market, engine: Engine
) -> None:
    if engine.dialect.name != "postgresql":
        pytest.skip("the refresh lock is PostgreSQL's; SQLite's single writer serialises refreshes instead")
    # A regression that waits for the lock fails at this timeout instead of hanging the suite (the
    # holder below is this same thread).
    session.execute(text("SET LOCAL lock_timeout = '5s'"))
    with Session(bind=engine) as other:
        refresh.lock(other)  # as the nightly rebuild does, for minutes
        assert refresh.refresh_if_stale(session, max_age_seconds=0) is False
        # The request answers from the facts as they are (none were built yet), without a refresh.
        assert _contracts(client, market) == 0
        assert session.get(RefreshState, refresh.STATE, populate_existing=True) is None
        other.rollback()  # the rebuild ends
    assert _contracts(client, market) == 4  # the next request refreshes
    assert session.get(RefreshState, refresh.STATE, populate_existing=True) is not None
