"""Deals tell the people concerned through the notification outbox, in the same transaction."""

from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from backend.deals import events
from backend.notifications.models import Delivery, Notification
from tests.factories import auth, make_contract, make_deal, make_interest, make_registration


def _events(session: Session) -> list[str]:
    return list(session.scalars(select(Notification.event).order_by(Notification.id)))


def _recipients(session: Session, event: str) -> set[int]:
    stmt = select(Delivery.user_id).join(Notification, Notification.id == Delivery.notification_id)
    return set(session.scalars(stmt.where(Notification.event == event)))


def test_interest_received_and_decided(client: TestClient, session: Session, world) -> None:
    body = {"output_id": world.output.id, "message": "感兴趣", "answers": ["a", "b"]}
    interest_id = client.post("/api/interests", headers=auth(world.buyer), json=body).json()["id"]
    assert _recipients(session, events.INTEREST_RECEIVED) == {world.seller.id, world.seller_member.id}
    decision = {"decision": "decline", "reason_code": "price"}
    client.post(f"/api/interests/{interest_id}/decide", headers=auth(world.seller), json=decision)
    assert _recipients(session, events.INTEREST_DECIDED) == {world.buyer.id}
    payload = session.scalars(select(Notification.payload).where(Notification.event == events.INTEREST_DECIDED)).one()
    assert payload["reason_code"] == "price"


def test_stage_changes_and_payments_reach_the_parties_and_the_agent(client, session: Session, world) -> None:
    deal = make_deal(session, world.output, world.enterprise, world.seller, stage="registered", agent=world.agent)
    make_contract(session, deal, total="100.00")
    make_registration(session, deal)
    r = client.post(
        f"/api/deals/{deal.id}/payments", headers=auth(world.buyer), json={"paid_on": "2026-05-01", "amount": "100"}
    )
    assert r.status_code == 201 and r.json()["stage"] == "paid"
    assert _events(session)[-2:] == [events.DEAL_PAYMENT_RECORDED, events.DEAL_STAGE_CHANGED]
    # Everyone concerned but the one who acted.
    expected = {world.seller.id, world.seller_member.id, world.agent.id}
    assert _recipients(session, events.DEAL_STAGE_CHANGED) == expected
    assert _recipients(session, events.DEAL_PAYMENT_RECORDED) == expected


def test_a_refused_request_notifies_nobody(client: TestClient, session: Session, world) -> None:
    interest = make_interest(session, world.output, world.buyer)
    client.post(f"/api/interests/{interest.id}/decide", headers=auth(world.seller), json={"decision": "decline"})
    assert _events(session) == []
