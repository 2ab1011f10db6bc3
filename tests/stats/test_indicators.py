"""Contract indicators on the known market (see conftest.py for each contract's expected year)."""

from typing import Any

from fastapi.testclient import TestClient

from tests.factories import auth
from tests.stats.conftest import Market

YEAR_2025 = {"date_from": "2025-01-01", "date_to": "2025-12-31"}


def _get(client: TestClient, market: Market, **params: Any) -> dict[str, Any]:
    response = client.get("/api/stats/contracts", params=params, headers=auth(market.reviewer))
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def _keys(buckets: list[dict[str, Any]], field: str = "contracts") -> dict[str | None, Any]:
    return {b["key"]: b[field] for b in buckets}


def test_year_totals_count_by_registration_day_else_signing_day(client: TestClient, market: Market) -> None:
    body = _get(client, market, **YEAR_2025)
    totals = body["totals"]
    # c1 (first day, unregistered), c2 (registered on the last day), c3 (signed 2024, registered 2025), c7.
    assert totals == {
        "contracts": 4,
        "registered": 3,
        "transformation_projects": 3,
        "major_projects": 1,
        "total": "1449999.99",
        "technology_amount": "1399999.99",
        "approved_income": "1299999.99",
    }
    assert body["thresholds"] == {"transformation": "100000.00", "major": "1000000.00"}
    assert body["period"] == {"date_from": "2025-01-01", "date_to": "2025-12-31"}


def test_breakdowns(client: TestClient, market: Market) -> None:
    body = _get(client, market, **YEAR_2025)
    assert _keys(body["by_type"]) == {"development": 1, "licence": 1, "transfer": 2}
    assert _keys(body["by_type"], "technology_amount") == {
        "development": "1000000.00",
        "licence": "99999.99",
        "transfer": "300000.00",
    }
    assert _keys(body["by_city"]) == {"440000": 1, "450100": 3}
    assert _keys(body["by_field"]) == {"f-materials": 4}
    assert _keys(body["by_month"]) == {"2025-01": 2, "2025-05": 1, "2025-12": 1}
    assert _keys(body["by_year"]) == {"2025": 4}


def test_the_threshold_counts_exactly_at_it_and_not_one_fen_below(client: TestClient, market: Market) -> None:
    # c1 is exactly 100,000.00 (counted); c2 is 99,999.99 (not).
    assert _get(client, market, **YEAR_2025)["totals"]["transformation_projects"] == 3
    lowered = _get(client, market, **YEAR_2025, transformation_threshold="99999.99")
    assert lowered["totals"]["transformation_projects"] == 4
    raised = _get(client, market, **YEAR_2025, transformation_threshold="100000.01")
    assert raised["totals"]["transformation_projects"] == 2
    major = _get(client, market, **YEAR_2025, major_threshold="200000.00")
    assert major["totals"]["major_projects"] == 2
    assert major["thresholds"]["major"] == "200000.00"


def test_period_edges(client: TestClient, market: Market) -> None:
    # Registered on 2026-01-01 although signed on 2025-12-31: the next year's first day.
    first_day_2026 = _get(client, market, date_from="2026-01-01", date_to="2026-01-01")["totals"]
    assert first_day_2026["contracts"] == 1 and first_day_2026["technology_amount"] == "250000.00"
    last_day_2025 = _get(client, market, date_from="2025-12-31", date_to="2025-12-31")["totals"]
    assert last_day_2025["contracts"] == 1 and last_day_2025["technology_amount"] == "99999.99"
    first_day_2025 = _get(client, market, date_from="2025-01-01", date_to="2025-01-01")["totals"]
    assert first_day_2025["contracts"] == 1 and first_day_2025["technology_amount"] == "100000.00"
    # 2024 holds only the unregistered service contract signed on its last day; c3 moved to 2025.
    year_2024 = _get(client, market, date_from="2024-01-01", date_to="2024-12-31")["totals"]
    assert year_2024["contracts"] == 1 and year_2024["total"] == "50000.50"


def test_filters(client: TestClient, market: Market) -> None:
    guangxi = _get(client, market, **YEAR_2025, city="450000")["totals"]
    assert guangxi["contracts"] == 3 and guangxi["technology_amount"] == "1199999.99"
    assert _get(client, market, **YEAR_2025, city="450200")["totals"]["contracts"] == 0
    assert _get(client, market, **YEAR_2025, city="440000")["totals"]["contracts"] == 1
    assert _get(client, market, **YEAR_2025, contract_type="licence")["totals"]["contracts"] == 1
    assert _get(client, market, **YEAR_2025, field="f-agriculture")["totals"]["contracts"] == 0
    by_org = _get(client, market, **YEAR_2025, organisation_id=market.uni_a.id)["totals"]
    assert by_org["contracts"] == 3


def test_default_period_is_one_calendar_year(client: TestClient, market: Market) -> None:
    assert _get(client, market, date_from="2025-03-01")["period"] == {
        "date_from": "2025-03-01",
        "date_to": "2025-12-31",
    }


def test_bad_parameters_are_refused(client: TestClient, market: Market) -> None:
    headers = auth(market.reviewer)
    for params in (
        {"date_from": "2025-02-01", "date_to": "2025-01-01"},
        {"city": "999999"},
        {"contract_type": "gift"},
        {"transformation_threshold": "-1"},
        {"transformation_threshold": "1.001"},
    ):
        assert client.get("/api/stats/contracts", params=params, headers=headers).status_code == 422, params


def test_institutions(client: TestClient, market: Market) -> None:
    response = client.get("/api/stats/institutions", params=YEAR_2025, headers=auth(market.admin))
    items = {row["name"]: row for row in response.json()["items"]}
    a = items["广西大学"]
    # Deals opened in 2025 by A: c1, c2, d9 (c3 opened in 2024, d10 in 2026).
    assert (a["deals"], a["contracts"], a["transformation_projects"]) == (3, 3, 2)
    assert a["technology_amount"] == "1199999.99" and a["city"] == "450100"
    b = items["柳州研究院"]
    assert (b["deals"], b["contracts"], b["technology_amount"]) == (4, 0, "0.00")
    assert [row["name"] for row in response.json()["items"]][:2] == ["广西大学", "华南理工"]
