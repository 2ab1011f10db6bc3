"""The monthly roll-up gives the facts' answers: same figures at period and threshold edges, kept in
step by the incremental refresh, rebuilt when the configured thresholds change."""

import logging
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from backend.stats import cube, medians, refresh, rollup
from backend.stats.fact_models import ContractMonth, DealMonth, RollupState, WaitMonth
from backend.stats.filters import Filters, Thresholds
from backend.stats.settings import get_stats_settings
from tests.factories import auth, make_contract, make_deal, make_interest, make_output, make_registration
from tests.stats.conftest import Market

THRESHOLDS = Thresholds(
    transformation=get_stats_settings().transformation_threshold, major=get_stats_settings().major_threshold
)
PERIODS = [
    ("2025-01-01", "2025-12-31"),  # whole months only
    ("2024-01-01", "2026-12-31"),  # several years
    ("2024-12-31", "2026-01-01"),  # one partial day at each end
    ("2025-01-02", "2025-12-30"),  # both end months partial, c1 and c2 just outside
    ("2025-01-01", "2025-01-31"),  # one whole month
    ("2025-01-10", "2025-01-20"),  # inside one month: the facts only
    ("2024-12-20", "2025-05-05"),  # c3 signed on the first day, c7 registered on the last
]
FILTERS: list[dict[str, Any]] = [
    {},
    {"city": "450000"},
    {"city": "450100", "contract_type": "transfer"},
    {"field": "f-materials"},
    {"contract_type": "development"},
    {"organisation_id": "uni_a"},
    {"transformation_threshold": "99999.99"},
    {"transformation_threshold": "100000.01", "major_threshold": "999999.99"},
    {"transformation_threshold": "200000.00", "major_threshold": "50000.00"},  # two rungs of the ladder
    {"transformation_threshold": "250000.00", "major_threshold": "200000.01"},  # near rungs, corrected
    {"transformation_threshold": "0.00"},
]
ENDPOINTS = ["/api/stats/contracts", "/api/stats/pipeline", "/api/stats/institutions"]


def _get(client: TestClient, market: Market, path: str, params: dict[str, Any]) -> Any:
    if params.get("organisation_id") == "uni_a":
        params = {**params, "organisation_id": market.uni_a.id}
    response = client.get(path, params=params, headers=auth(market.reviewer))
    assert response.status_code == 200, response.text
    return response.json()


def _rollup(monkeypatch: pytest.MonkeyPatch, on: bool) -> None:
    monkeypatch.setenv("TECHMATCH_STATS_ROLLUP", "true" if on else "false")
    get_stats_settings.cache_clear()


@pytest.mark.parametrize("path", ENDPOINTS)
def test_rollup_and_facts_agree(client: TestClient, market: Market, monkeypatch: pytest.MonkeyPatch, path: str) -> None:
    for first, last in PERIODS:
        for extra in FILTERS:
            params = {"date_from": first, "date_to": last, **extra}
            _rollup(monkeypatch, True)
            with_rollup = _get(client, market, path, params)
            _rollup(monkeypatch, False)
            assert _get(client, market, path, params) == with_rollup, params


def test_known_answers_over_several_years(client: TestClient, market: Market) -> None:
    body = _get(client, market, "/api/stats/contracts", {"date_from": "2024-01-01", "date_to": "2026-12-31"})
    # c5 (2024), c1, c2, c3, c7 (2025), c4 (2026); c6 fell through, c8 is unsigned.
    assert body["totals"] == {
        "contracts": 6,
        "registered": 4,
        "transformation_projects": 4,
        "major_projects": 1,
        "total": "1750000.49",
        "technology_amount": "1700000.49",
        "approved_income": "1549999.99",
    }
    assert {b["key"]: b["contracts"] for b in body["by_year"]} == {"2024": 1, "2025": 4, "2026": 1}
    pipeline = _get(client, market, "/api/stats/pipeline", {"date_from": "2024-01-01", "date_to": "2026-12-31"})
    assert pipeline["deals"] == 11


def test_threshold_edges_in_a_whole_month(client: TestClient, market: Market) -> None:
    # January 2025 holds c1 (exactly 100,000.00) and c3 (exactly 1,000,000.00).
    january = {"date_from": "2025-01-01", "date_to": "2025-01-31"}
    totals = _get(client, market, "/api/stats/contracts", january)["totals"]
    assert (totals["transformation_projects"], totals["major_projects"]) == (2, 1)
    above = _get(client, market, "/api/stats/contracts", {**january, "transformation_threshold": "100000.01"})
    assert above["totals"]["transformation_projects"] == 1
    above = _get(client, market, "/api/stats/contracts", {**january, "major_threshold": "1000000.01"})
    assert above["totals"]["major_projects"] == 0


def test_whole_months_are_read_from_the_rollup(session: Session, market: Market) -> None:
    """Proof that the comparison above compares two paths: a roll-up row changed by hand shows."""
    refresh.refresh(session)
    year = Filters(date(2025, 1, 1), date(2025, 12, 31))
    found = cube.contract_groups(session, year, THRESHOLDS, ())
    assert found[()].contracts == 4
    session.execute(
        update(ContractMonth)
        .where(ContractMonth.grain == "", ContractMonth.month == date(2025, 1, 1))
        .values(contracts=100)
    )
    assert cube.contract_groups(session, year, THRESHOLDS, ())[()].contracts == 100 + 4 - 2
    # A period that starts on the 2nd reads January from the facts.
    from_the_2nd = Filters(date(2025, 1, 2), date(2025, 12, 31))
    assert cube.contract_groups(session, from_the_2nd, THRESHOLDS, ())[()].contracts == 3
    # Other thresholds read the same roll-up, corrected from the facts between the two amounts: c3
    # (exactly 1,000,000.00) is no longer major one fen higher up.
    other = Thresholds(transformation=THRESHOLDS.transformation, major=THRESHOLDS.major + Decimal("0.01"))
    assert cube.contract_groups(session, year, other, ())[()][:4] == (102, 3, 3, 0)


def _rows(session: Session) -> list[Any]:
    out = []
    for model in (ContractMonth, DealMonth):
        columns = [c for c in model.__table__.columns if c.name != "id"]
        out.append(sorted(tuple(r) for r in session.execute(select(*columns)).all()))
    return out


def test_the_incremental_refresh_keeps_the_rollup_in_step(session: Session, market: Market) -> None:
    refresh.refresh(session)
    before = _rows(session)
    # c1 leaves January 2025 for February 2026; d9 moves on a stage.
    make_registration(session, market.deals["c1"], approved_income="100000.00", registered_on=date(2026, 2, 1))
    market.deals["d9"].stage = "introduced"
    session.flush()
    refresh.refresh(session)
    incremental = _rows(session)
    assert incremental != before
    refresh.rebuild(session)
    assert _rows(session) == incremental
    feb = Filters(date(2026, 2, 1), date(2026, 2, 28))
    assert cube.contract_groups(session, feb, THRESHOLDS, ("contract_type",)) == {
        ("transfer",): rollup.ContractSums(1, 1, 1, 0, 10000000, 10000000, 10000000)
    }


def test_a_new_configured_threshold_rebuilds_the_rollup(
    client: TestClient, session: Session, market: Market, monkeypatch: pytest.MonkeyPatch
) -> None:
    refresh.refresh(session)
    monkeypatch.setenv("TECHMATCH_STATS_MAJOR_THRESHOLD", "200000.00")
    get_stats_settings.cache_clear()
    body = _get(client, market, "/api/stats/contracts", {"date_from": "2025-01-01", "date_to": "2025-12-31"})
    assert body["totals"]["major_projects"] == 2  # c3 and c7
    state = session.get(RollupState, rollup.STATE, populate_existing=True)
    assert state is not None and state.major_fen == 20_000_000
    year = Filters(date(2025, 1, 1), date(2025, 12, 31))
    assert cube._plan(session, year, rollup.CONTRACT_GRAINS, ())[0] == ""


@pytest.mark.parametrize(
    ("first", "last", "months", "days"),
    [
        (date(2025, 1, 1), date(2025, 12, 31), (date(2025, 1, 1), date(2025, 12, 1)), ()),
        (date(2025, 1, 2), date(2025, 3, 31), (date(2025, 2, 1), date(2025, 3, 1)), ((date(2025, 1, 2), date(2025, 1, 31)),)),
        (date(2024, 12, 31), date(2026, 1, 1), (date(2025, 1, 1), date(2025, 12, 1)),
         ((date(2024, 12, 31), date(2024, 12, 31)), (date(2026, 1, 1), date(2026, 1, 1)))),
        (date(2024, 2, 1), date(2024, 2, 29), (date(2024, 2, 1), date(2024, 2, 1)), ()),
        (date(2024, 2, 1), date(2024, 2, 28), None, ((date(2024, 2, 1), date(2024, 2, 28)),)),
        (date(2025, 1, 15), date(2025, 2, 14), None, ((date(2025, 1, 15), date(2025, 2, 14)),)),
    ],
)  # fmt: skip
def test_a_period_splits_into_whole_months_and_edge_days(
    first: date, last: date, months: tuple[date, date] | None, days: tuple[tuple[date, date], ...]
) -> None:
    assert cube.span(first, last) == cube.Span(months, days)


def _waits(session: Session, market: Market) -> None:
    """Listings published across 2024-2025 (one at 00:30 on 1 January 2025 in Shanghai, still 2024
    in UTC), waiting fractions of a day in the same whole-day bucket, whole days, and one with no
    interest; contracts signed before and after their listing's publication."""
    published = [
        (datetime(2024, 12, 31, 16, 30, tzinfo=UTC), [0.25]),
        (datetime(2025, 1, 15, tzinfo=UTC), [0.75, 3]),
        (datetime(2025, 2, 10, 12, tzinfo=UTC), [1.5]),
        (datetime(2025, 2, 28, 20, tzinfo=UTC), [1.25]),  # 1 March in Shanghai
        (datetime(2025, 6, 30, tzinfo=UTC), [10]),
        (datetime(2025, 12, 31, 15, 59, tzinfo=UTC), [0.5]),  # the last minute of 2025 in Shanghai
        (datetime(2025, 7, 1, tzinfo=UTC), []),
    ]
    for at, waits in published:
        output = make_output(session, market.seller_a, published_at=at)
        for days in waits:
            make_interest(session, output, market.buyer, created_at=at + timedelta(days=days))
        for signed in (at.date() + timedelta(days=40), at.date() - timedelta(days=3)):
            deal = make_deal(session, output, market.enterprise, market.seller_a, stage="contract_signed")
            make_contract(session, deal, signed_on=signed)
    session.flush()


def test_medians_from_histograms_and_facts_agree(
    client: TestClient, session: Session, market: Market, monkeypatch: pytest.MonkeyPatch
) -> None:
    _waits(session, market)
    for first, last in [*PERIODS, ("2025-01-01", "2025-02-28"), ("2025-02-01", "2025-12-31")]:
        params = {"date_from": first, "date_to": last}
        _rollup(monkeypatch, True)
        with_histograms = _get(client, market, "/api/stats/durations", params)
        _rollup(monkeypatch, False)
        assert _get(client, market, "/api/stats/durations", params) == with_histograms, params


def test_medians_known_answers(client: TestClient, session: Session, market: Market) -> None:
    _waits(session, market)
    year = _get(client, market, "/api/stats/durations", {"date_from": "2025-01-01", "date_to": "2025-12-31"})
    # First interests of the listings published in 2025 (Shanghai): 0.25, 0.75, 1.5, 1.25, 10, 0.5.
    assert year["listings_with_interest"] == 6
    assert year["median_days_to_first_interest"] == pytest.approx(1.0)  # between 0.75 and 1.25
    january = _get(client, market, "/api/stats/durations", {"date_from": "2025-01-01", "date_to": "2025-01-31"})
    assert (january["listings_with_interest"], january["median_days_to_first_interest"]) == (2, 0.5)


def test_unfiltered_medians_read_the_histograms(session: Session, market: Market) -> None:
    _waits(session, market)
    refresh.refresh(session)
    year = Filters(date(2025, 1, 1), date(2025, 12, 31))
    cut = medians.usable(session, year)
    assert (
        cut is not None
        and medians.usable(session, Filters(date(2025, 1, 1), date(2025, 12, 31), city="450100")) is None
    )
    assert medians.median(session, medians.INTEREST, year, cut) == (6, pytest.approx(1.0))
    # A hundred contracts signed 1,000 days after publication, added to January's histogram by hand,
    # carry the median there: the whole months came from the histogram, not the facts.
    count, _ = medians.median(session, medians.CONTRACT, year, cut)
    session.add(WaitMonth(kind=medians.CONTRACT, month=date(2025, 1, 1), bucket=1000, n=100))
    session.flush()
    assert medians.median(session, medians.CONTRACT, year, cut) == (count + 100, 1000.0)


def test_a_histogram_out_of_step_is_read_from_the_facts(
    client: TestClient,
    session: Session,
    market: Market,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    _waits(session, market)
    params = {"date_from": "2025-01-01", "date_to": "2025-12-31"}
    _rollup(monkeypatch, False)
    from_facts = _get(client, market, "/api/stats/durations", params)
    _rollup(monkeypatch, True)
    assert _get(client, market, "/api/stats/durations", params) == from_facts
    # From here requests keep the facts and histograms as they are: a refresh would recompute the
    # months of these just-written listings and so repair the rows corrupted below.
    monkeypatch.setenv("TECHMATCH_STATS_REFRESH_SECONDS", "3600")
    get_stats_settings.cache_clear()
    w = WaitMonth
    # January counts five more first interests within a day than the facts hold, so the middle rank
    # of 2025 lands in that bucket at an offset the facts do not reach; a contract count goes negative.
    january = [w.month == date(2025, 1, 1), w.bucket == 0]
    session.execute(update(w).where(w.kind == medians.INTEREST, *january).values(n=w.n + 5))
    session.execute(update(w).where(w.kind == medians.CONTRACT, w.month == date(2025, 1, 1)).values(n=w.n - 1000))
    session.flush()
    with caplog.at_level(logging.WARNING, logger=medians.__name__):
        assert _get(client, market, "/api/stats/durations", params) == from_facts
    assert caplog.text.count("out of step") == 2


def test_the_histograms_have_their_own_built_marker(session: Session, market: Market) -> None:
    year = Filters(date(2025, 1, 1), date(2025, 12, 31))
    assert not medians.built(session) and medians.usable(session, year) is None
    refresh.refresh(session)
    assert medians.built(session) and medians.usable(session, year) is not None
    # The roll-up's state table holds the roll-up's thresholds only, no row with dummy ones.
    assert session.scalars(select(RollupState.name)).all() == [rollup.STATE]
