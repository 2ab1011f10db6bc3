"""Expressions of interest: who may send them, screening answers, decisions with reasons, the deal they open."""

from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from backend.accounts.enums import OrgKind, Role
from backend.core.audit import AuditEvent
from backend.deals.models import Deal
from tests.factories import auth, make_interest, make_org, make_output, make_user

ANSWERS = ["每年十万平方米", "2027年"]


def _express(client: TestClient, user, **body):  # type: ignore[no-untyped-def]
    return client.post("/api/interests", headers=auth(user), json=body)


def test_an_enterprise_expresses_interest_in_a_published_output(client: TestClient, session: Session, world) -> None:
    r = _express(client, world.buyer, output_id=world.output.id, message="想了解授权条件", answers=ANSWERS)
    assert r.status_code == 201, r.text
    body = r.json()
    assert body["status"] == "pending" and body["answers"] == ANSWERS
    assert body["recipient_org_id"] == world.university.id and body["sender_org_id"] == world.enterprise.id
    # The owner sees it received; the sender sees it sent; neither box leaks to others.
    received = client.get("/api/interests?box=received", headers=auth(world.seller_member)).json()
    assert [i["id"] for i in received["items"]] == [body["id"]] and received["total"] == 1
    sent = client.get("/api/interests?box=sent", headers=auth(world.buyer)).json()
    assert [i["id"] for i in sent["items"]] == [body["id"]]
    assert client.get("/api/interests?box=received", headers=auth(world.buyer)).json()["total"] == 0
    assert client.get(f"/api/interests/{body['id']}", headers=auth(world.outsider)).status_code == 404


def test_answers_must_match_the_screening_questions(client: TestClient, world) -> None:
    for answers in ([], ["only one"], [*ANSWERS, "three"], ["", "x"]):
        r = _express(client, world.buyer, output_id=world.output.id, message="hi", answers=answers)
        assert r.status_code == 422, (answers, r.text)
        assert r.json()["code"] in ("answers_mismatch", "validation_error")


def test_only_enterprises_on_outputs_and_research_organisations_on_needs(client: TestClient, session, world) -> None:
    # A university cannot express interest in another university's output.
    other_uni = make_user(session, make_org(session, kind=OrgKind.university))
    r = _express(client, other_uni, output_id=world.output.id, message="hi", answers=ANSWERS)
    assert r.status_code == 403 and r.json()["code"] == "wrong_organisation_kind"
    # An enterprise cannot answer another enterprise's need; a university can.
    assert _express(client, world.outsider, need_id=world.need.id, message="hi").status_code == 403
    r = _express(client, world.seller, need_id=world.need.id, message="我们有成果", offered_output_id=world.output.id)
    assert r.status_code == 201, r.text
    assert r.json()["recipient_org_id"] == world.enterprise.id


def test_not_on_your_own_listing_and_only_published(client: TestClient, session: Session, world) -> None:
    own_need = _express(client, world.buyer, need_id=world.need.id, message="hi")
    assert own_need.status_code == 403
    draft = make_output(session, world.seller, status="draft")
    assert _express(client, world.buyer, output_id=draft.id, message="hi").status_code == 404
    assert _express(client, world.buyer, output_id=999_999, message="hi").status_code == 404
    # output_id and need_id together is not a valid body.
    both = _express(client, world.buyer, output_id=world.output.id, need_id=world.need.id, message="x")
    assert both.status_code == 422


def test_a_second_pending_interest_from_the_same_organisation_is_refused(client: TestClient, world) -> None:
    assert _express(client, world.buyer, output_id=world.output.id, message="a", answers=ANSWERS).status_code == 201
    again = _express(client, world.buyer, output_id=world.output.id, message="b", answers=ANSWERS)
    assert again.status_code == 409 and again.json()["code"] == "duplicate_interest"


def test_decline_with_a_reason_the_sender_sees(client: TestClient, session: Session, world) -> None:
    interest = make_interest(session, world.output, world.buyer, answers=ANSWERS)
    url = f"/api/interests/{interest.id}/decide"
    # Only the owner decides; the sender cannot decide on its own interest.
    assert client.post(url, headers=auth(world.buyer), json={"decision": "accept"}).status_code == 403
    no_reason = client.post(url, headers=auth(world.seller), json={"decision": "decline"})
    assert no_reason.status_code == 422 and no_reason.json()["code"] == "reason_required"
    other = client.post(url, headers=auth(world.seller), json={"decision": "decline", "reason_code": "other"})
    assert other.status_code == 422 and other.json()["details"][0]["loc"] == ["body", "reason_text"]
    r = client.post(
        url, headers=auth(world.seller), json={"decision": "decline", "reason_code": "other", "reason_text": "已转让"}
    )
    assert r.status_code == 200, r.text
    seen = client.get(f"/api/interests/{interest.id}", headers=auth(world.buyer)).json()
    assert seen["status"] == "declined" and seen["reason_code"] == "other" and seen["reason_text"] == "已转让"
    again = client.post(url, headers=auth(world.seller), json={"decision": "accept"})
    assert again.status_code == 409 and again.json()["code"] == "already_decided"
    bad_code = client.post(url, headers=auth(world.seller), json={"decision": "decline", "reason_code": "boring"})
    assert bad_code.status_code == 422


def test_every_reason_code_is_accepted(client: TestClient, session: Session, world) -> None:
    for code in ("too_early", "benefit_unclear", "route_to_market_unclear", "too_vague", "price", "already_licensed"):
        interest = make_interest(session, world.output, world.buyer)
        r = client.post(
            f"/api/interests/{interest.id}/decide",
            headers=auth(world.seller_member),
            json={"decision": "decline", "reason_code": code},
        )
        assert r.status_code == 200 and r.json()["reason_code"] == code


def test_accepting_opens_a_deal_at_stage_interest(client: TestClient, session: Session, world) -> None:
    interest = make_interest(session, world.output, world.buyer, answers=ANSWERS)
    r = client.post(f"/api/interests/{interest.id}/decide", headers=auth(world.seller), json={"decision": "accept"})
    assert r.status_code == 200, r.text
    deal_id = r.json()["deal_id"]
    deal = session.get(Deal, deal_id)
    assert deal is not None and deal.stage == "interest"
    assert (deal.seller_org_id, deal.buyer_org_id, deal.output_id) == (
        world.university.id,
        world.enterprise.id,
        world.output.id,
    )
    assert client.get(f"/api/deals/{deal_id}", headers=auth(world.buyer)).status_code == 200
    actions = session.scalars(select(AuditEvent.action).where(AuditEvent.entity_type == "interest")).all()
    assert "accept" in actions


def test_accepting_an_interest_on_a_need_makes_the_sender_the_seller(client: TestClient, session, world) -> None:
    r = _express(client, world.seller, need_id=world.need.id, message="可以解决", offered_output_id=world.output.id)
    r = client.post(f"/api/interests/{r.json()['id']}/decide", headers=auth(world.buyer), json={"decision": "accept"})
    assert r.status_code == 200, r.text
    deal = session.get(Deal, r.json()["deal_id"])
    assert deal is not None
    assert (deal.seller_org_id, deal.buyer_org_id) == (world.university.id, world.enterprise.id)
    assert (deal.output_id, deal.need_id) == (world.output.id, world.need.id)


def test_an_offered_output_must_be_the_senders_own(client: TestClient, session: Session, world) -> None:
    other_uni = make_org(session, kind=OrgKind.university)
    foreign = make_output(session, make_user(session, other_uni, role=Role.member))
    r = _express(client, world.seller, need_id=world.need.id, message="x", offered_output_id=foreign.id)
    assert r.status_code == 404


def test_the_owner_sets_screening_questions_on_its_listings(client: TestClient, world) -> None:
    body = {"title": "甘蔗渣制备生物炭", "screening_questions": ["贵司规模？", "  ", "预算范围？"]}
    r = client.post("/api/outputs", headers=auth(world.seller), json=body)
    assert r.status_code == 201, r.text
    assert r.json()["screening_questions"] == ["贵司规模？", "预算范围？"]  # the blank one is dropped
    patch = {"version": r.json()["version"], "screening_questions": ["只问一个"]}
    r = client.patch(f"/api/outputs/{r.json()['id']}", headers=auth(world.seller), json=patch)
    assert r.status_code == 200 and r.json()["screening_questions"] == ["只问一个"]
    too_many = client.post(
        "/api/needs", headers=auth(world.buyer), json={"title": "t", "screening_questions": list("abcd")}
    )
    assert too_many.status_code == 422
