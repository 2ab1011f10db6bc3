"""Annual targets per city and institution; completion = achieved / target with one decimal."""

from decimal import Decimal

from fastapi.testclient import TestClient

from backend.stats.pipeline import percent
from tests.factories import auth
from tests.stats.conftest import Market


def test_completion_rounds_half_up_to_one_decimal() -> None:
    assert percent(320, 266) == Decimal("120.3")  # the seed's 2016 figure: 320 projects, 120.3% of the task
    assert percent(1, 3) == Decimal("33.3")
    assert percent(2, 3) == Decimal("66.7")
    assert percent(1, 8) == Decimal("12.5")
    assert percent(Decimal("0.0005"), 1) == Decimal("0.1")
    assert percent(5, 0) is None


def test_targets_per_city_and_institution(client: TestClient, market: Market) -> None:
    body = {
        "year": 2025,
        "items": [
            {"city": "450100", "target": 2},
            {"city": "450000", "target": "3"},
            {"city": "450200", "target": 4},
            {"organisation_id": market.uni_g.id, "target": 1},
            {"organisation_id": market.uni_a.id, "metric": "technology_amount", "target": "800000.00"},
        ],
    }
    response = client.put("/api/stats/targets", json=body, headers=auth(market.reviewer))
    assert response.status_code == 200, response.text
    items = {(i["metric"], i["city"], i["organisation_id"]): i for i in response.json()["items"]}
    # 2025 transformation projects: c1 and c3 in Nanning (c2 is one fen below), c7 in Guangdong.
    assert items[("transformation_projects", "450100", None)] == {
        "year": 2025,
        "metric": "transformation_projects",
        "city": "450100",
        "organisation_id": None,
        "target": "2",
        "achieved": "2",
        "completion_percent": "100.0",
    }
    assert items[("transformation_projects", "450000", None)]["completion_percent"] == "66.7"
    assert items[("transformation_projects", "450200", None)]["achieved"] == "0"
    assert items[("transformation_projects", "450200", None)]["completion_percent"] == "0.0"
    assert items[("transformation_projects", None, market.uni_g.id)]["completion_percent"] == "100.0"
    amount = items[("technology_amount", None, market.uni_a.id)]
    assert (amount["target"], amount["achieved"], amount["completion_percent"]) == ("800000.00", "1199999.99", "150.0")

    # Replacing a target keeps one row; the admin reads the same figures.
    client.put("/api/stats/targets", json={"year": 2025, "items": [{"city": "450100", "target": 3}]},
               headers=auth(market.admin))  # fmt: skip
    again = client.get("/api/stats/targets", params={"year": 2025}, headers=auth(market.admin)).json()
    nanning = [i for i in again["items"] if i["city"] == "450100"]
    assert len(again["items"]) == 5 and nanning[0]["target"] == "3" and nanning[0]["completion_percent"] == "66.7"
    assert client.get("/api/stats/targets", params={"year": 2024}, headers=auth(market.admin)).json()["items"] == []


def test_bad_targets_are_refused(client: TestClient, market: Market) -> None:
    headers = auth(market.reviewer)
    for item in (
        {"target": 3},
        {"city": "450100", "organisation_id": market.uni_a.id, "target": 3},
        {"city": "999999", "target": 3},
        {"organisation_id": 987654, "target": 3},
        {"city": "450100", "target": "2.50"},
        {"city": "450100", "target": 2.5},
    ):
        response = client.put("/api/stats/targets", json={"year": 2025, "items": [item]}, headers=headers)
        assert response.status_code == 422, (item, response.text)
    twice = {"year": 2025, "items": [{"city": "450100", "target": 1}, {"city": "450100", "target": 2}]}
    assert client.put("/api/stats/targets", json=twice, headers=headers).status_code == 422


def test_only_staff_set_and_read_targets(client: TestClient, market: Market) -> None:
    body = {"year": 2025, "items": [{"city": "450100", "target": 2}]}
    assert client.put("/api/stats/targets", json=body, headers=auth(market.seller_a)).status_code == 403
    assert client.put("/api/stats/targets", json=body).status_code == 401
    assert client.get("/api/stats/targets", headers=auth(market.seller_a)).status_code == 403
