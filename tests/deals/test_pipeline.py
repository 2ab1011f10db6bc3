"""The pipeline: every legal and illegal move, who may move and who may see, stale versions, the audit trail."""

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from backend.deals.enums import Stage
from backend.deals.stages import FORWARD
from tests.factories import auth, make_contract, make_deal, make_registration

OPEN_STAGES = ["interest", "introduced", "negotiating", "contract_signed", "registered", "paid"]
ALL_STAGES = [*OPEN_STAGES, "closed_won", "closed_lost"]


def _move(client: TestClient, user, deal_id: int, to: str, version: int, **extra):  # type: ignore[no-untyped-def]
    return client.post(
        f"/api/deals/{deal_id}/transition", headers=auth(user), json={"to": to, "version": version, **extra}
    )


def _ready(session: Session, world, stage: str):  # type: ignore[no-untyped-def]
    """A deal at ``stage`` with what its next move needs (a signed contract, a registration)."""
    deal = make_deal(session, world.output, world.enterprise, world.seller, stage=stage, agent=world.agent)
    make_contract(session, deal)
    make_registration(session, deal)
    return deal


@pytest.mark.parametrize("current", ALL_STAGES)
def test_every_transition(client: TestClient, session: Session, world, current: str) -> None:
    """From each stage, every target stage: legal ones succeed, illegal ones name the allowed next stages."""
    for target in ALL_STAGES:
        deal = _ready(session, world, current)
        version = deal.version
        r = _move(client, world.seller, deal.id, target, version, reason="预算取消")
        legal_forward = FORWARD.get(Stage(current)) == target and target != "paid"
        legal_lost = target == "closed_lost" and current not in ("closed_won", "closed_lost")
        if legal_forward or legal_lost:
            assert r.status_code == 200, (target, r.text)
            assert r.json()["stage"] == target and r.json()["version"] == version + 1
        elif current == "registered" and target == "paid":
            assert r.status_code == 409 and r.json()["code"] == "paid_is_automatic"
        else:
            assert r.status_code == 409, (target, r.text)
            assert r.json()["code"] == "invalid_transition"
            # The message names the stages that are allowed from here.
            message = r.json()["message"]
            assert f"from {current} to {target}" in message
            if current in ("closed_won", "closed_lost"):
                assert "none (the deal is closed)" in message
            else:
                assert f"{FORWARD[Stage(current)]}, closed_lost" in message


def test_closed_lost_needs_a_reason_and_keeps_it(client: TestClient, session: Session, world) -> None:
    deal = make_deal(session, world.output, world.enterprise, world.seller, stage="negotiating")
    r = _move(client, world.buyer, deal.id, "closed_lost", deal.version)
    assert r.status_code == 422 and r.json()["code"] == "reason_required"
    r = _move(client, world.buyer, deal.id, "closed_lost", deal.version, reason="价格谈不拢")
    assert r.status_code == 200 and r.json()["lost_reason"] == "价格谈不拢" and r.json()["closed_at"]
    assert r.json()["allowed_next"] == []


def test_contract_signed_needs_a_contract_with_a_signing_date(client: TestClient, session: Session, world) -> None:
    deal = make_deal(session, world.output, world.enterprise, world.seller, stage="negotiating")
    r = _move(client, world.seller, deal.id, "contract_signed", deal.version)
    assert r.status_code == 409 and r.json()["code"] == "contract_required"
    make_contract(session, deal, signed_on=None)
    r = _move(client, world.seller, deal.id, "contract_signed", deal.version)
    assert r.status_code == 409 and r.json()["code"] == "contract_required"


def test_registered_needs_a_registration(client: TestClient, session: Session, world) -> None:
    deal = make_deal(session, world.output, world.enterprise, world.seller, stage="contract_signed")
    make_contract(session, deal)
    r = _move(client, world.seller, deal.id, "registered", deal.version)
    assert r.status_code == 409 and r.json()["code"] == "registration_required"


def test_a_stale_version_gets_409(client: TestClient, session: Session, world) -> None:
    deal = make_deal(session, world.output, world.enterprise, world.seller)
    assert _move(client, world.seller, deal.id, "introduced", 1).status_code == 200
    r = _move(client, world.buyer, deal.id, "negotiating", 1)
    assert r.status_code == 409 and r.json()["code"] == "stale_version"
    assert _move(client, world.buyer, deal.id, "negotiating", 2).status_code == 200


def test_who_may_see_and_move_a_deal(client: TestClient, session: Session, world) -> None:
    deal = make_deal(session, world.output, world.enterprise, world.seller, agent=world.agent)
    url = f"/api/deals/{deal.id}"
    for user in (world.seller, world.seller_member, world.buyer, world.agent, world.reviewer, world.admin):
        assert client.get(url, headers=auth(user)).status_code == 200, user.role
    # Outsiders, and another agent of the same agency, do not even learn that the deal exists.
    for user in (world.outsider, world.other_agent):
        assert client.get(url, headers=auth(user)).status_code == 404
        assert _move(client, user, deal.id, "introduced", 1).status_code == 404
        assert client.get(f"{url}/history", headers=auth(user)).status_code == 404
    assert client.get(url).status_code == 401
    # Reviewers read only.
    for user in (world.reviewer, world.admin):
        r = _move(client, user, deal.id, "introduced", 1)
        assert r.status_code == 403 and r.json()["code"] == "read_only"
    version = 1
    for user, to in ((world.agent, "introduced"), (world.buyer, "negotiating"), (world.seller_member, "closed_lost")):
        r = _move(client, user, deal.id, to, version, reason="x")
        assert r.status_code == 200, r.text
        version = r.json()["version"]


def test_every_transition_is_in_the_history(client: TestClient, session: Session, world) -> None:
    deal = make_deal(session, world.output, world.enterprise, world.seller, agent=world.agent)
    _move(client, world.agent, deal.id, "introduced", 1, note="双方已见面")
    _move(client, world.buyer, deal.id, "negotiating", 2)
    history = client.get(f"/api/deals/{deal.id}/history", headers=auth(world.reviewer)).json()
    moves = [
        (h["actor_id"], h["actor_name"], h["changes"]["stage"], h["note"])
        for h in history
        if h["action"] == "transition"
    ]
    assert moves == [
        (world.agent.id, world.agent.full_name, ["interest", "introduced"], "双方已见面"),
        (world.buyer.id, world.buyer.full_name, ["introduced", "negotiating"], None),
    ]
    assert all(h["at"] for h in history)


def test_deals_name_their_agent(client: TestClient, session: Session, world) -> None:
    brokered = make_deal(session, world.output, world.enterprise, world.seller, agent=world.agent)
    direct = make_deal(session, world.output, world.enterprise, world.seller)
    one = client.get(f"/api/deals/{brokered.id}", headers=auth(world.buyer)).json()
    assert (one["agent_id"], one["agent_name"]) == (world.agent.id, world.agent.full_name)
    listed = {d["id"]: d["agent_name"] for d in client.get("/api/deals", headers=auth(world.buyer)).json()["items"]}
    assert listed == {brokered.id: world.agent.full_name, direct.id: None}


def test_listing_my_deals_filters_by_stage(client: TestClient, session: Session, world) -> None:
    a = make_deal(session, world.output, world.enterprise, world.seller, agent=world.agent)
    b = make_deal(session, world.output, world.enterprise, world.seller, stage="negotiating")
    ids = lambda user, q="": [d["id"] for d in client.get(f"/api/deals{q}", headers=auth(user)).json()["items"]]  # noqa: E731
    assert sorted(ids(world.buyer)) == sorted([a.id, b.id])
    assert ids(world.agent) == [a.id]
    assert ids(world.seller, "?stage=negotiating") == [b.id]
    assert ids(world.outsider) == []
    assert sorted(ids(world.reviewer)) == sorted([a.id, b.id])


class TestOpeningADeal:
    def test_an_agent_opens_one_between_two_organisations(self, client: TestClient, world) -> None:
        r = client.post(
            "/api/deals",
            headers=auth(world.agent),
            json={"output_id": world.output.id, "need_id": world.need.id},
        )
        assert r.status_code == 201, r.text
        body = r.json()
        assert body["stage"] == "interest" and body["agent_id"] == world.agent.id
        assert (body["seller_org_id"], body["buyer_org_id"]) == (world.university.id, world.enterprise.id)
        assert body["agency_org_id"] == world.agency.id
        assert body["allowed_next"] == ["introduced", "closed_lost"]

    def test_a_buyer_opens_one_for_itself_and_may_name_an_agent(self, client: TestClient, world) -> None:
        r = client.post(
            "/api/deals", headers=auth(world.buyer), json={"output_id": world.output.id, "agent_id": world.agent.id}
        )
        assert r.status_code == 201, r.text
        assert r.json()["buyer_org_id"] == world.enterprise.id and r.json()["agent_id"] == world.agent.id

    def test_refusals(self, client: TestClient, session: Session, world) -> None:
        post = lambda user, **body: client.post("/api/deals", headers=auth(user), json=body)  # noqa: E731
        # The seller must name a buyer; the buyer cannot be the seller.
        assert post(world.seller, output_id=world.output.id).json()["code"] == "buyer_required"
        assert post(world.seller, output_id=world.output.id, buyer_org_id=world.university.id).status_code == 409
        # An outsider cannot open a deal between two others.
        r = post(world.outsider, output_id=world.output.id, buyer_org_id=world.enterprise.id)
        assert r.status_code == 403
        # agent_id must be an agent; an agent opens deals for itself only.
        assert post(world.buyer, output_id=world.output.id, agent_id=world.seller.id).status_code == 404
        r = post(
            world.agent, output_id=world.output.id, buyer_org_id=world.enterprise.id, agent_id=world.other_agent.id
        )
        assert r.status_code == 403
        assert post(world.buyer, output_id=999_999).status_code == 404
