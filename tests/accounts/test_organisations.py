from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from backend.accounts.enums import OrgKind, Role
from tests.factories import auth, make_org, make_user


def test_reviewer_verifies_an_organisation(client: TestClient, session: Session) -> None:
    org = make_org(session, verified=False)
    reviewer = make_user(session, make_org(session, kind=OrgKind.government), role=Role.reviewer)
    response = client.post(f"/api/organisations/{org.id}/review", headers=auth(reviewer), json={"decision": "verify"})
    assert response.status_code == 200
    assert response.json()["status"] == "verified"


def test_members_cannot_verify(client: TestClient, session: Session) -> None:
    org = make_org(session, verified=False)
    admin = make_user(session, org, role=Role.org_admin)
    response = client.post(f"/api/organisations/{org.id}/review", headers=auth(admin), json={"decision": "verify"})
    assert response.status_code == 403


def test_rejection_needs_a_reason(client: TestClient, session: Session) -> None:
    org = make_org(session, verified=False)
    reviewer = make_user(session, make_org(session, kind=OrgKind.government), role=Role.reviewer)
    response = client.post(f"/api/organisations/{org.id}/review", headers=auth(reviewer), json={"decision": "reject"})
    assert response.status_code == 400
    assert response.json()["code"] == "reason_required"


def test_org_admin_adds_an_agent_only_in_an_agency(client: TestClient, session: Session) -> None:
    agency = make_org(session, kind=OrgKind.transfer_agency)
    admin = make_user(session, agency, role=Role.org_admin)
    member = {"email": "agent@example.com", "password": "a long password", "full_name": "李四", "role": "agent"}
    assert client.post(f"/api/organisations/{agency.id}/members", headers=auth(admin), json=member).status_code == 201
    company = make_org(session)
    company_admin = make_user(session, company, role=Role.org_admin)
    member["email"] = "agent2@example.com"
    response = client.post(f"/api/organisations/{company.id}/members", headers=auth(company_admin), json=member)
    assert response.status_code == 400
    assert response.json()["code"] == "role_not_allowed"


def test_stale_version_gets_409(client: TestClient, session: Session) -> None:
    org = make_org(session)
    admin = make_user(session, org, role=Role.org_admin)
    ok = client.patch(f"/api/organisations/{org.id}", headers=auth(admin), json={"version": 1, "name": "新名称"})
    assert ok.status_code == 200 and ok.json()["version"] == 2
    stale = client.patch(f"/api/organisations/{org.id}", headers=auth(admin), json={"version": 1, "name": "旧"})
    assert stale.status_code == 409
    assert stale.json()["code"] == "stale_version"


def test_pending_orgs_are_hidden_from_the_public(client: TestClient, session: Session) -> None:
    pending = make_org(session, verified=False)
    assert client.get(f"/api/organisations/{pending.id}").status_code == 404
    ids = [o["id"] for o in client.get("/api/organisations?page_size=100").json()["items"]]
    assert pending.id not in ids
