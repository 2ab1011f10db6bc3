"""Who reads which statistics: staff everything, an institution its own results, the public the headline."""

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from backend.accounts.enums import OrgKind, Role
from tests.factories import auth, make_org, make_user
from tests.stats.conftest import Market

YEAR_2025 = {"date_from": "2025-01-01", "date_to": "2025-12-31"}
INDICATORS = ("contracts", "pipeline", "durations", "subsidies", "institutions")


def test_staff_read_every_indicator(client: TestClient, market: Market) -> None:
    for user in (market.reviewer, market.admin):
        for path in INDICATORS:
            assert client.get(f"/api/stats/{path}", params=YEAR_2025, headers=auth(user)).status_code == 200


def test_an_institution_sees_only_its_own_results(client: TestClient, session: Session, market: Market) -> None:
    member = make_user(session, market.uni_a)  # a plain member of the university, not only its admin
    for user in (market.seller_a, member):
        own = client.get("/api/stats/contracts", params=YEAR_2025, headers=auth(user)).json()
        assert own["totals"]["contracts"] == 3  # A's c1, c2, c3; not Guangdong's c7
        rows = client.get("/api/stats/institutions", params=YEAR_2025, headers=auth(user)).json()["items"]
        assert [r["organisation_id"] for r in rows] == [market.uni_a.id]
        assert client.get("/api/stats/pipeline", params=YEAR_2025, headers=auth(user)).json()["deals"] == 3
    other = {**YEAR_2025, "organisation_id": market.inst_b.id}
    for path in INDICATORS:
        response = client.get(f"/api/stats/{path}", params=other, headers=auth(market.seller_a))
        assert response.status_code == 403 and response.json()["code"] == "stats_other_organisation"
    named_self = client.get(
        "/api/stats/contracts", params={**YEAR_2025, "organisation_id": market.uni_a.id}, headers=auth(market.seller_a)
    )
    assert named_self.json()["totals"]["contracts"] == 3


def test_enterprises_agents_and_the_public_are_refused(client: TestClient, session: Session, market: Market) -> None:
    agent = make_user(session, make_org(session, kind=OrgKind.transfer_agency), role=Role.agent)
    for path in INDICATORS:
        for user in (market.buyer, agent):
            response = client.get(f"/api/stats/{path}", headers=auth(user))
            assert response.status_code == 403 and response.json()["code"] == "stats_forbidden"
        assert client.get(f"/api/stats/{path}").status_code == 401


def test_the_public_headline_has_totals_only(client: TestClient, market: Market) -> None:
    response = client.get("/api/stats/headline", params={"year": 2025})
    assert response.status_code == 200
    assert response.json() == {
        "year": 2025,
        "transformation_projects": 3,
        "major_projects": 1,
        "contracts": 4,
        "technology_amount": "1399999.99",
    }
    assert "广西大学" not in response.text
