"""Deals by stage, conversion between stages, median durations, subsidies granted and paid."""

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from backend.policy.models import SubsidyPayout
from tests.factories import auth, make_contract, make_deal, make_interest, make_need, make_output, make_user
from tests.stats.conftest import Market, make_application

YEAR_2025 = {"date_from": "2025-01-01", "date_to": "2025-12-31"}


def _get(client: TestClient, market: Market, path: str, **params: Any) -> dict[str, Any]:
    response = client.get(f"/api/stats/{path}", params=params, headers=auth(market.reviewer))
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def test_deals_by_stage_and_conversion(client: TestClient, market: Market) -> None:
    body = _get(client, market, "pipeline", **YEAR_2025)
    # Opened in 2025 (local days): c1 (00:30 on 1 January), c2, c4, c6, c7, c8, d9 (23:30 on 31 December), d11.
    assert body["deals"] == 8
    assert body["by_stage"] == {
        "interest": 1,
        "introduced": 0,
        "negotiating": 1,
        "contract_signed": 1,
        "registered": 2,
        "paid": 0,
        "closed_won": 1,
        "closed_lost": 2,
    }
    # The lost c6 had a signed contract (reached contract_signed); the lost d11 had nothing (interest).
    assert body["reached"] == {
        "interest": 8,
        "introduced": 6,
        "negotiating": 6,
        "contract_signed": 5,
        "registered": 3,
        "paid": 1,
        "closed_won": 1,
    }
    assert [c["percent"] for c in body["conversion"]] == ["75.0", "100.0", "83.3", "60.0", "33.3", "100.0"]
    assert body["conversion"][0] == {"from_stage": "interest", "to_stage": "introduced", "percent": "75.0"}


def test_pipeline_filters_and_an_empty_period(client: TestClient, market: Market) -> None:
    assert _get(client, market, "pipeline", **YEAR_2025, organisation_id=market.inst_b.id)["deals"] == 4
    assert _get(client, market, "pipeline", **YEAR_2025, contract_type="licence")["deals"] == 1
    assert _get(client, market, "pipeline", **YEAR_2025, city="450100", field="f-materials")["deals"] == 3
    empty = _get(client, market, "pipeline", date_from="2020-01-01", date_to="2020-12-31")
    assert empty["deals"] == 0 and all(c["percent"] is None for c in empty["conversion"])


def test_median_days_to_first_interest_and_to_contract(client: TestClient, session: Session, market: Market) -> None:
    start = datetime(2023, 3, 1, tzinfo=UTC)
    waits = {}
    for days, interests in ((2, [2, 5]), (10, [10]), (None, [])):
        output = make_output(session, market.seller_a, published_at=start)
        for d in interests:
            make_interest(session, output, market.buyer, created_at=start + timedelta(days=d))
        waits[days] = output
    need = make_need(session, market.buyer, published_at=start)
    sender = make_user(session, market.uni_a)
    interest = make_interest(session, market.output_a, sender, created_at=start + timedelta(days=1, hours=12))
    interest.output_id, interest.need_id, interest.recipient_org_id = None, need.id, market.enterprise.id
    # Published at 00:00 UTC = 08:00 in Shanghai on 1 March; signed 31 days and 5 days later.
    for signed in (start.date() + timedelta(days=31), start.date() + timedelta(days=5)):
        deal = make_deal(session, waits[2], market.enterprise, market.seller_a, stage="contract_signed")
        make_contract(session, deal, signed_on=signed)
    session.flush()
    body = _get(client, market, "durations", date_from="2023-01-01", date_to="2023-12-31")
    assert body["listings_with_interest"] == 3
    assert body["median_days_to_first_interest"] == 2.0  # of 1.5, 2 and 10
    assert body["contracts_signed"] == 2
    assert body["median_days_to_signed_contract"] == 18.0  # of 5 and 31
    nothing = _get(client, market, "durations", date_from="2022-01-01", date_to="2022-12-31")
    assert nothing["median_days_to_first_interest"] is None and nothing["listings_with_interest"] == 0


def test_subsidies_granted(client: TestClient, session: Session, market: Market) -> None:
    deal = market.deals["c1"]
    make_application(session, deal, market.buyer, amount="30000.10", decided=datetime(2025, 1, 1, 0, 5, tzinfo=UTC))
    make_application(session, deal, market.buyer, amount="20000.20", decided=datetime(2025, 6, 1, tzinfo=UTC))
    make_application(
        session, deal, market.buyer, amount="99.00", status="rejected", decided=datetime(2025, 6, 1, tzinfo=UTC)
    )
    # 31 December 2025 at 16:30 UTC is already 1 January 2026 in Shanghai.
    make_application(session, deal, market.buyer, amount="5.00", decided=datetime(2025, 12, 31, 16, 30, tzinfo=UTC))
    body = _get(client, market, "subsidies", **YEAR_2025)
    assert (body["applications"], body["amount"]) == (2, "50000.30")
    assert body["by_rule_set"] == [
        {"key": "nanning-2020", "applications": 2, "amount": "50000.30", "payouts": 0, "paid": "0.00"}
    ]
    assert _get(client, market, "subsidies", **YEAR_2025, city="450200")["applications"] == 0
    assert _get(client, market, "subsidies", date_from="2026-01-01", date_to="2026-01-01")["amount"] == "5.00"


def test_subsidies_paid_count_on_the_payout_day(client: TestClient, session: Session, market: Market) -> None:
    deal = market.deals["c1"]
    early = make_application(session, deal, market.buyer, amount="30000.10", decided=datetime(2024, 12, 1, tzinfo=UTC))
    late = make_application(session, deal, market.buyer, amount="20000.20", decided=datetime(2025, 6, 1, tzinfo=UTC))
    # The 2024 grant is paid in two instalments, one in each year; the 2025 grant on the year's last day,
    # and again (a last instalment) on the next year's first day.
    for app, amount, day in (
        (early, "10000.00", date(2024, 12, 31)),
        (early, "20000.10", date(2025, 1, 1)),
        (late, "20000.00", date(2025, 12, 31)),
        (late, "0.20", date(2026, 1, 1)),
    ):
        session.add(SubsidyPayout(application_id=app.id, amount=Decimal(amount), paid_on=day, reference=str(day),
                                  recorded_by_id=market.reviewer.id))  # fmt: skip
    session.flush()
    body = _get(client, market, "subsidies", **YEAR_2025)
    # Approved in 2025: only the late one; paid in 2025: one instalment of each.
    assert (body["applications"], body["amount"], body["payouts"], body["paid"]) == (1, "20000.20", 2, "40000.10")
    assert {b["key"]: (b["payouts"], b["paid"]) for b in body["by_year"]} == {
        "2024": (1, "20000.10"),
        "2025": (1, "20000.00"),
    }
    ten_years = _get(client, market, "subsidies", date_from="2017-01-01", date_to="2026-12-31")
    assert (ten_years["payouts"], ten_years["paid"]) == (4, "50000.30")
    assert _get(client, market, "subsidies", **YEAR_2025, city="450200")["payouts"] == 0
