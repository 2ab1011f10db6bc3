from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from tests.factories import auth, make_org, make_user

CASE = {
    "year": 2025,
    "buyer": {"kind": "enterprise", "province": "江西", "city": "南昌", "independent_legal_person": True,
              "years_operating": 3, "sme": True},
    "seller": {"kind": "university", "province": "江西", "city": "南昌"},
    "related_parties": False,
    "prior_public_funding": False,
    "result_previously_subsidised": False,
    "field": "electronics",
    "contract": {"type": "transfer", "registered": True, "signed_on": "2025-01-10", "total": "1000000.00",
                 "non_technical_costs": "0.00"},
    "payments": [{"paid_on": "2025-03-01", "amount": "1000000.00", "in_equity": False}],
    "new_sales_revenue": "2000000.00",
    "already_granted_this_year": "0.00",
}  # fmt: skip


def test_rule_sets_are_listed_with_their_parameters(client: TestClient, session: Session) -> None:
    user = make_user(session, make_org(session))
    listed = client.get("/api/policy/rule-sets", headers=auth(user))
    assert listed.status_code == 200
    by_name = {r["name"]: r for r in listed.json()}
    assert by_name["nanning-2025-post-purchase"]["has_unset_parameters"] is True
    assert by_name["jiangxi-2020-buyer"]["has_unset_parameters"] is False
    assert client.get("/api/policy/rule-sets/nope", headers=auth(user)).status_code == 404


def test_evaluation_matches_the_cli_engine(client: TestClient, session: Session) -> None:
    user = make_user(session, make_org(session))
    response = client.post("/api/policy/evaluate?rules=jiangxi-2020-buyer", headers=auth(user), json=CASE)
    assert response.status_code == 200, response.text
    body = response.json()
    # Jiangxi buyer: 2.5 % of 1,000,000 is 25,000, under the 150,000 per-project cap.
    assert body["amount"] == "25000.00"
    assert body["eligible"] is True
    assert all(check["passed"] is not False for check in body["checks"])


def test_evaluation_needs_sign_in_and_a_valid_case(client: TestClient, session: Session) -> None:
    assert client.post("/api/policy/evaluate?rules=jiangxi-2020-buyer", json=CASE).status_code == 401
    user = make_user(session, make_org(session))
    bad = {**CASE, "contract": {**CASE["contract"], "total": "lots"}}  # type: ignore[dict-item]
    response = client.post("/api/policy/evaluate?rules=jiangxi-2020-buyer", headers=auth(user), json=bad)
    assert response.status_code == 422


def test_reviewers_add_rule_set_versions_and_evaluations_name_theirs(client: TestClient, session: Session) -> None:
    from backend.accounts.enums import OrgKind, Role

    user = make_user(session, make_org(session))
    reviewer = make_user(session, make_org(session, kind=OrgKind.government), role=Role.reviewer)
    rules = client.get("/api/policy/rule-sets/jiangxi-2020-buyer", headers=auth(user)).json()
    rules["version"] = "2026-local"
    rules["amount"]["rules"][0]["rate"] = "0.03"
    assert client.post("/api/policy/rule-sets", headers=auth(user), json=rules).status_code == 403
    saved = client.post("/api/policy/rule-sets", headers=auth(reviewer), json=rules)
    assert saved.status_code == 201, saved.text
    assert client.post("/api/policy/rule-sets", headers=auth(reviewer), json=rules).status_code == 409
    newest = client.post("/api/policy/evaluate?rules=jiangxi-2020-buyer", headers=auth(user), json=CASE).json()
    assert newest["amount"] == "30000.00" and newest["rules_version"] == "2026-local"
    pinned = client.post(
        "/api/policy/evaluate?rules=jiangxi-2020-buyer&version=" + newest["rules_version"],
        headers=auth(user),
        json=CASE,
    ).json()
    assert pinned["amount"] == "30000.00"
    versions = client.get("/api/policy/rule-sets/jiangxi-2020-buyer/versions", headers=auth(user)).json()
    assert versions[-1] == "2026-local" and len(versions) == 2
