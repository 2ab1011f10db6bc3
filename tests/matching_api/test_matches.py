import time
from decimal import Decimal

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from backend.accounts.enums import OrgKind, Role
from tests.factories import auth, make_need, make_org, make_user

OUTPUT = {
    "title": "高导热石墨烯散热膜",
    "summary": "石墨烯散热膜导热系数高，适用于手机和笔记本电脑散热。",
    "field_code": "i-graphene-new-materials",
    "region": "450300",
    "trl": 6,
    "transfer_modes": ["assignment"],
    "price_type": "fixed",
    "asking_price": "300000.00",
    "keywords": ["石墨烯", "散热"],
}


def _publish_output(client: TestClient, owner, reviewer, **overrides) -> int:  # type: ignore[no-untyped-def]
    created = client.post("/api/outputs", headers=auth(owner), json={**OUTPUT, **overrides})
    assert created.status_code == 201, created.text
    oid = created.json()["id"]
    assert client.post(f"/api/outputs/{oid}/submit", headers=auth(owner)).status_code == 200
    approved = client.post(f"/api/outputs/{oid}/review", headers=auth(reviewer), json={"decision": "approve"})
    assert approved.status_code == 200, approved.text
    return int(oid)


def _people(session: Session):  # type: ignore[no-untyped-def]
    university = make_user(session, make_org(session, kind=OrgKind.university))
    enterprise = make_user(session, make_org(session))
    reviewer = make_user(session, make_org(session, kind=OrgKind.government), role=Role.reviewer)
    return university, enterprise, reviewer


def test_new_output_is_matched_within_two_seconds(client: TestClient, session: Session) -> None:
    university, enterprise, reviewer = _people(session)
    need = make_need(session, enterprise, title="手机散热材料", description="需要石墨烯散热膜用于手机")
    # Warm the index first, so the new listing must arrive through the live update.
    assert client.get(f"/api/needs/{need.id}/matches").json() == []
    started = time.monotonic()
    oid = _publish_output(client, university, reviewer)
    matches = client.get(f"/api/needs/{need.id}/matches").json()
    assert time.monotonic() - started < 2.0
    assert [m["output"]["id"] for m in matches] == [oid]
    explanation = matches[0]["explanation"]
    assert explanation["terms"] and explanation["terms"][0]["share"] > 0
    assert any("散热" in t["term"] or "石墨烯" in t["term"] for t in explanation["terms"])
    assert explanation["trl"] == {"need_target": 6, "output_trl": 6, "gap": 0}
    assert explanation["budget"]["fit"] == "within"
    assert "confidential_detail" not in matches[0]["output"]


def test_withdrawn_output_disappears(client: TestClient, session: Session) -> None:
    university, enterprise, reviewer = _people(session)
    need = make_need(session, enterprise, description="需要石墨烯散热膜")
    oid = _publish_output(client, university, reviewer)
    assert len(client.get(f"/api/needs/{need.id}/matches").json()) == 1
    assert client.post(f"/api/outputs/{oid}/withdraw", headers=auth(university)).status_code == 200
    assert client.get(f"/api/needs/{need.id}/matches").json() == []


def test_filters_apply_before_ranking(client: TestClient, session: Session) -> None:
    university, enterprise, reviewer = _people(session)
    need = make_need(session, enterprise, description="需要石墨烯散热膜", target_trl=7, budget_max=Decimal("250000.00"))
    immature = _publish_output(client, university, reviewer, trl=5)
    expensive = _publish_output(client, university, reviewer, trl=7, asking_price="900000.00")
    fitting = _publish_output(client, university, reviewer, trl=6, asking_price="200000.00")
    ids = [m["output"]["id"] for m in client.get(f"/api/needs/{need.id}/matches").json()]
    assert ids == [fitting]
    relaxed = client.get(f"/api/needs/{need.id}/matches?trl=false&budget=false").json()
    assert {m["output"]["id"] for m in relaxed} == {immature, expensive, fitting}


def test_unrelated_text_is_not_a_match(client: TestClient, session: Session) -> None:
    university, enterprise, reviewer = _people(session)
    need = make_need(session, enterprise, title="甘蔗收割机", description="需要甘蔗机械化收割技术", keywords=["甘蔗"])
    _publish_output(client, university, reviewer)
    assert client.get(f"/api/needs/{need.id}/matches").json() == []


def test_reverse_direction_and_dismissal(client: TestClient, session: Session) -> None:
    university, enterprise, reviewer = _people(session)
    need = make_need(session, enterprise, description="需要石墨烯散热膜用于手机")
    oid = _publish_output(client, university, reviewer)
    reverse = client.get(f"/api/outputs/{oid}/matches").json()
    assert [m["need"]["id"] for m in reverse] == [need.id]
    dismissed = client.put(
        "/api/matches/feedback",
        headers=auth(enterprise),
        json={"need_id": need.id, "output_id": oid, "verdict": "not_relevant"},
    )
    assert dismissed.status_code == 200
    assert client.get(f"/api/needs/{need.id}/matches", headers=auth(enterprise)).json() == []
    # Other organisations still see the pair.
    assert len(client.get(f"/api/needs/{need.id}/matches").json()) == 1


def test_suggestions_are_for_agents(client: TestClient, session: Session) -> None:
    university, enterprise, reviewer = _people(session)
    need = make_need(session, enterprise, description="需要石墨烯散热膜用于手机")
    oid = _publish_output(client, university, reviewer)
    agent = make_user(session, make_org(session, kind=OrgKind.transfer_agency), role=Role.agent)
    pairs = client.get("/api/matches/suggestions", headers=auth(agent)).json()
    assert [(p["need"]["id"], p["output"]["id"]) for p in pairs] == [(need.id, oid)]
    assert client.get("/api/matches/suggestions", headers=auth(enterprise)).status_code == 403


def test_draft_need_matches_are_private(client: TestClient, session: Session) -> None:
    _, enterprise, _ = _people(session)
    draft = make_need(session, enterprise, status="draft")
    assert client.get(f"/api/needs/{draft.id}/matches").status_code == 404
    own = client.get(f"/api/needs/{draft.id}/matches", headers=auth(enterprise))
    assert own.status_code == 200, own.text
