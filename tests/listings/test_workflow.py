"""Drafts, optimistic edits, submission, review, withdrawal and soft delete through the HTTP API."""

from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from backend.accounts.enums import OrgKind, Role
from backend.accounts.models import User
from backend.listings.models import ResearchOutput, TechnologyNeed
from tests.factories import auth, make_org, make_output, make_user


def _reviewer(session: Session) -> User:
    return make_user(session, make_org(session, kind=OrgKind.government), role=Role.reviewer)


COMPLETE_OUTPUT = {
    "summary": "一种石墨烯散热膜",
    "field_code": "i-graphene-new-materials",
    "region": "450100",
    "trl": 6,
    "transfer_modes": ["assignment"],
    "price_type": "fixed",
    "asking_price": "500000.00",
}


def test_a_draft_needs_only_a_title(client: TestClient, session: Session) -> None:
    user = make_user(session, make_org(session))
    response = client.post("/api/outputs", headers=auth(user), json={"title": "铝合金轮毂低压铸造工艺"})
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["status"] == "draft" and body["version"] == 1
    assert body["region"] == user.organisation.region  # defaults to the organisation's region
    need = client.post("/api/needs", headers=auth(user), json={"title": "蔗渣综合利用技术"})
    assert need.status_code == 201 and need.json()["status"] == "draft"
    assert client.post("/api/outputs", headers=auth(user), json={"summary": "no title"}).status_code == 422


def test_edit_with_a_stale_version_gets_409(client: TestClient, session: Session) -> None:
    user = make_user(session, make_org(session))
    created = client.post("/api/outputs", headers=auth(user), json={"title": "草稿"}).json()
    url = f"/api/outputs/{created['id']}"
    first = client.patch(url, headers=auth(user), json={"version": 1, "trl": 5})
    assert first.status_code == 200 and first.json()["version"] == 2 and first.json()["trl"] == 5
    stale = client.patch(url, headers=auth(user), json={"version": 1, "trl": 7})
    assert stale.status_code == 409
    assert stale.json()["code"] == "stale_version"
    assert client.get(url, headers=auth(user)).json()["trl"] == 5


def test_submitting_an_incomplete_listing_lists_the_missing_fields(client: TestClient, session: Session) -> None:
    user = make_user(session, make_org(session))
    created = client.post("/api/outputs", headers=auth(user), json={"title": "草稿", "trl": 4}).json()
    response = client.post(f"/api/outputs/{created['id']}/submit", headers=auth(user))
    assert response.status_code == 422
    body = response.json()
    assert body["code"] == "incomplete_listing"
    missing = {d["loc"][-1] for d in body["details"]}
    assert {"summary", "field_code", "transfer_modes", "price_type"} <= missing
    assert "trl" not in missing and "title" not in missing


def _submitted_output(client: TestClient, user: User) -> int:
    created = client.post("/api/outputs", headers=auth(user), json={"title": "石墨烯散热膜", **COMPLETE_OUTPUT})
    assert created.status_code == 201, created.text
    listing_id: int = created.json()["id"]
    submitted = client.post(f"/api/outputs/{listing_id}/submit", headers=auth(user))
    assert submitted.status_code == 200 and submitted.json()["status"] == "pending_review"
    return listing_id


def test_reviewer_approves_and_the_listing_is_public(client: TestClient, session: Session) -> None:
    user = make_user(session, make_org(session))
    listing_id = _submitted_output(client, user)
    assert client.get(f"/api/outputs/{listing_id}").status_code == 404  # not public while pending
    reviewer = _reviewer(session)
    response = client.post(f"/api/outputs/{listing_id}/review", headers=auth(reviewer), json={"decision": "approve"})
    assert response.status_code == 200 and response.json()["status"] == "published"
    public = client.get(f"/api/outputs/{listing_id}")
    assert public.status_code == 200 and public.json()["published_at"] is not None


def test_reject_and_revise_carry_a_reason_the_owner_sees(client: TestClient, session: Session) -> None:
    user = make_user(session, make_org(session))
    reviewer = _reviewer(session)
    first = _submitted_output(client, user)
    no_reason = client.post(f"/api/outputs/{first}/review", headers=auth(reviewer), json={"decision": "revise"})
    assert no_reason.status_code == 400 and no_reason.json()["code"] == "reason_required"
    revise = {"decision": "revise", "reason": "请补充中试数据"}
    assert client.post(f"/api/outputs/{first}/review", headers=auth(reviewer), json=revise).status_code == 200
    seen = client.get(f"/api/outputs/{first}", headers=auth(user)).json()
    assert seen["status"] == "needs_revision" and seen["review_reason"] == "请补充中试数据"
    # Revised and resubmitted, the reason is cleared.
    resubmitted = client.post(f"/api/outputs/{first}/submit", headers=auth(user))
    assert resubmitted.json()["status"] == "pending_review" and resubmitted.json()["review_reason"] is None

    second = _submitted_output(client, user)
    reject = {"decision": "reject", "reason": "与已有成果重复"}
    assert client.post(f"/api/outputs/{second}/review", headers=auth(reviewer), json=reject).status_code == 200
    seen = client.get(f"/api/outputs/{second}", headers=auth(user)).json()
    assert seen["status"] == "rejected" and seen["review_reason"] == "与已有成果重复"


def test_approval_is_refused_while_the_organisation_is_unverified(client: TestClient, session: Session) -> None:
    user = make_user(session, make_org(session, verified=False))
    listing_id = _submitted_output(client, user)
    reviewer = _reviewer(session)
    response = client.post(f"/api/outputs/{listing_id}/review", headers=auth(reviewer), json={"decision": "approve"})
    assert response.status_code == 409
    assert response.json()["code"] == "organisation_not_verified"
    assert client.get(f"/api/outputs/{listing_id}", headers=auth(user)).json()["status"] == "pending_review"


def test_members_cannot_review(client: TestClient, session: Session) -> None:
    user = make_user(session, make_org(session))
    listing_id = _submitted_output(client, user)
    response = client.post(f"/api/outputs/{listing_id}/review", headers=auth(user), json={"decision": "approve"})
    assert response.status_code == 403


def test_withdraw_takes_a_listing_off_the_market(client: TestClient, session: Session) -> None:
    user = make_user(session, make_org(session))
    output = make_output(session, user)
    response = client.post(f"/api/outputs/{output.id}/withdraw", headers=auth(user))
    assert response.status_code == 200 and response.json()["status"] == "withdrawn"
    assert client.get(f"/api/outputs/{output.id}").status_code == 404
    again = client.post(f"/api/outputs/{output.id}/withdraw", headers=auth(user))
    assert again.status_code == 409 and again.json()["code"] == "invalid_transition"


def test_soft_delete_hides_the_listing_but_keeps_the_row(client: TestClient, session: Session) -> None:
    user = make_user(session, make_org(session))
    output = make_output(session, user, title="将被删除的成果")
    assert client.delete(f"/api/outputs/{output.id}", headers=auth(user)).status_code == 204
    assert client.get(f"/api/outputs/{output.id}", headers=auth(user)).status_code == 404
    assert client.get(f"/api/outputs/{output.id}").status_code == 404
    for url in ("/api/outputs", "/api/outputs?mine=true", "/api/outputs?q=将被删除"):
        ids = [o["id"] for o in client.get(url, headers=auth(user)).json()["items"]]
        assert output.id not in ids, url
    row = session.scalar(select(ResearchOutput).where(ResearchOutput.id == output.id))
    assert row is not None and row.deleted_at is not None
    assert client.delete(f"/api/outputs/{output.id}", headers=auth(user)).status_code == 404


def test_needs_follow_the_same_workflow(client: TestClient, session: Session) -> None:
    user = make_user(session, make_org(session))
    created = client.post(
        "/api/needs",
        headers=auth(user),
        json={"title": "手机散热材料", "description": "需要高导热材料", "field_code": "i-electronics"},
    ).json()
    submitted = client.post(f"/api/needs/{created['id']}/submit", headers=auth(user))
    assert submitted.status_code == 200 and submitted.json()["status"] == "pending_review"
    reviewer = _reviewer(session)
    approve = client.post(f"/api/needs/{created['id']}/review", headers=auth(reviewer), json={"decision": "approve"})
    assert approve.json()["status"] == "published"
    need = session.get(TechnologyNeed, created["id"])
    assert need is not None and need.status == "published"
