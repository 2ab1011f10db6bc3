"""Saved searches over HTTP: each user keeps, lists, replaces and deletes their own."""

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from backend.searches.service import MAX_PER_USER
from tests.factories import auth, make_org, make_user

GRAPHENE = {"kind": "output", "name": "石墨烯", "q": "石墨烯 散热", "field_code": "i-graphene-new-materials"}


def test_create_list_replace_delete(client: TestClient, session: Session) -> None:
    user = make_user(session, make_org(session))
    r = client.post("/api/saved-searches", headers=auth(user), json=GRAPHENE)
    assert r.status_code == 201, r.text
    created = r.json()
    assert created["q"] == "石墨烯 散热" and created["region"] is None and created["alerts"] is True

    page = client.get("/api/saved-searches", headers=auth(user)).json()
    assert page["total"] == 1 and [s["id"] for s in page["items"]] == [created["id"]]

    r = client.put(
        f"/api/saved-searches/{created['id']}",
        headers=auth(user),
        json={"kind": "need", "name": "南宁需求", "region": "450100", "alerts": False},
    )
    assert r.status_code == 200, r.text
    assert r.json()["q"] is None and r.json()["kind"] == "need" and r.json()["alerts"] is False

    assert client.delete(f"/api/saved-searches/{created['id']}", headers=auth(user)).status_code == 204
    assert client.get("/api/saved-searches", headers=auth(user)).json()["total"] == 0


def test_a_search_needs_at_least_one_criterion(client: TestClient, session: Session) -> None:
    user = make_user(session, make_org(session))
    r = client.post("/api/saved-searches", headers=auth(user), json={"kind": "output", "name": "everything"})
    assert r.status_code == 422
    assert "at least one of keywords, field or region" in r.text


def test_unknown_field_and_region_are_refused_where_they_are(client: TestClient, session: Session) -> None:
    user = make_user(session, make_org(session))
    r = client.post(
        "/api/saved-searches",
        headers=auth(user),
        json={"kind": "output", "name": "x", "field_code": "no-such-field", "region": "999999"},
    )
    assert r.status_code == 422
    fields = {tuple(d["loc"])[-1] for d in r.json()["details"]}
    assert {"field_code", "region"} <= fields


def test_others_searches_are_not_found(client: TestClient, session: Session) -> None:
    owner = make_user(session, make_org(session))
    stranger = make_user(session, make_org(session))
    search_id = client.post("/api/saved-searches", headers=auth(owner), json=GRAPHENE).json()["id"]
    assert client.get(f"/api/saved-searches/{search_id}", headers=auth(stranger)).status_code == 404
    assert client.delete(f"/api/saved-searches/{search_id}", headers=auth(stranger)).status_code == 404
    assert client.get("/api/saved-searches", headers=auth(stranger)).json()["total"] == 0
    assert client.get(f"/api/saved-searches/{search_id}", headers=auth(owner)).status_code == 200


def test_the_number_of_searches_is_bounded(client: TestClient, session: Session) -> None:
    user = make_user(session, make_org(session))
    for i in range(MAX_PER_USER):
        assert (
            client.post("/api/saved-searches", headers=auth(user), json={**GRAPHENE, "name": f"s{i}"}).status_code
            == 201
        )
    r = client.post("/api/saved-searches", headers=auth(user), json=GRAPHENE)
    assert r.status_code == 409 and r.json()["code"] == "too_many_saved_searches"


def test_others_searches_cannot_be_replaced(client: TestClient, session: Session) -> None:
    owner = make_user(session, make_org(session))
    stranger = make_user(session, make_org(session))
    search_id = client.post("/api/saved-searches", headers=auth(owner), json=GRAPHENE).json()["id"]
    r = client.put(f"/api/saved-searches/{search_id}", headers=auth(stranger), json={**GRAPHENE, "name": "mine now"})
    assert r.status_code == 404
    assert client.get(f"/api/saved-searches/{search_id}", headers=auth(owner)).json()["name"] == "石墨烯"
