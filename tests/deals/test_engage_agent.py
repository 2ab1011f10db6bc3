"""Engaging an agent on a deal without one: who may, which agent, which deals, stale versions, the trail."""

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from backend.accounts.enums import OrgKind, Role
from backend.deals import events
from backend.notifications.models import Delivery, Notification
from tests.factories import auth, make_deal, make_org, make_user


def _engage(client: TestClient, user, deal_id: int, agent_id: int, version: int):  # type: ignore[no-untyped-def]
    return client.put(
        f"/api/deals/{deal_id}/agent", headers=auth(user), json={"agent_id": agent_id, "version": version}
    )


@pytest.mark.parametrize("party", ["seller_member", "buyer"])
def test_a_party_engages_an_agent(client: TestClient, session: Session, world, party: str) -> None:
    deal = make_deal(session, world.output, world.enterprise, world.seller, stage="negotiating")
    r = _engage(client, getattr(world, party), deal.id, world.agent.id, deal.version)
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["agent_id"] == world.agent.id and body["agent_name"] == world.agent.full_name
    assert body["agency_org_id"] == world.agency.id and body["version"] == 2
    # The agent now sees the deal and may act on it.
    assert client.get(f"/api/deals/{deal.id}", headers=auth(world.agent)).status_code == 200
    history = client.get(f"/api/deals/{deal.id}/history", headers=auth(world.reviewer)).json()
    assert history[-1]["action"] == "agent_engaged"
    assert history[-1]["changes"]["agent_id"] == [None, world.agent.id]
    assert history[-1]["actor_id"] == getattr(world, party).id


def test_the_agent_and_the_parties_are_told(client: TestClient, session: Session, world) -> None:
    deal = make_deal(session, world.output, world.enterprise, world.seller)
    assert _engage(client, world.buyer, deal.id, world.agent.id, deal.version).status_code == 200
    stmt = select(Delivery.user_id).join(Notification, Notification.id == Delivery.notification_id)
    recipients = set(session.scalars(stmt.where(Notification.event == events.DEAL_AGENT_ENGAGED)))
    assert recipients == {world.agent.id, world.seller.id, world.seller_member.id}
    payload = session.scalars(select(Notification.payload).where(Notification.event == events.DEAL_AGENT_ENGAGED))
    assert payload.one()["agent_name"] == world.agent.full_name


@pytest.mark.parametrize("who", ["agent", "other_agent", "reviewer", "admin"])
def test_staff_and_agents_cannot_engage(client: TestClient, session: Session, world, who: str) -> None:
    deal = make_deal(session, world.output, world.enterprise, world.seller, agent=None)
    # An agent on someone else's deal cannot see it; staff see it but read only.
    r = _engage(client, getattr(world, who), deal.id, world.agent.id, deal.version)
    expected = (403, "parties_only") if who in ("reviewer", "admin") else (404, "not_found")
    assert (r.status_code, r.json()["code"]) == expected
    session.refresh(deal)
    assert deal.agent_id is None


def test_an_outsider_gets_404(client: TestClient, session: Session, world) -> None:
    deal = make_deal(session, world.output, world.enterprise, world.seller)
    assert _engage(client, world.outsider, deal.id, world.agent.id, deal.version).status_code == 404


@pytest.mark.parametrize("stage", ["closed_won", "closed_lost"])
def test_a_closed_deal_refuses(client: TestClient, session: Session, world, stage: str) -> None:
    deal = make_deal(session, world.output, world.enterprise, world.seller, stage=stage)
    r = _engage(client, world.seller, deal.id, world.agent.id, deal.version)
    assert r.status_code == 409 and r.json()["code"] == "deal_closed"


def test_a_deal_with_an_agent_refuses_another(client: TestClient, session: Session, world) -> None:
    deal = make_deal(session, world.output, world.enterprise, world.seller, agent=world.agent)
    r = _engage(client, world.seller, deal.id, world.other_agent.id, deal.version)
    assert r.status_code == 409 and r.json()["code"] == "agent_already_set"
    session.refresh(deal)
    assert deal.agent_id == world.agent.id


def test_a_stale_version_refuses(client: TestClient, session: Session, world) -> None:
    deal = make_deal(session, world.output, world.enterprise, world.seller)
    r = _engage(client, world.seller, deal.id, world.agent.id, deal.version + 1)
    assert r.status_code == 409 and r.json()["code"] == "stale_version"
    # The second of two parties racing on the same version loses.
    assert _engage(client, world.seller, deal.id, world.agent.id, deal.version).status_code == 200
    r = _engage(client, world.buyer, deal.id, world.other_agent.id, 1)
    assert r.status_code == 409 and r.json()["code"] == "stale_version"


def test_only_an_active_agent_can_be_engaged(client: TestClient, session: Session, world) -> None:
    deal = make_deal(session, world.output, world.enterprise, world.seller)
    inactive = make_user(session, world.agency, role=Role.agent, is_active=False)
    for candidate in (world.seller_member.id, world.reviewer.id, inactive.id, 987654):
        r = _engage(client, world.seller, deal.id, candidate, deal.version)
        assert r.status_code == 404 and r.json()["code"] == "agent_not_found", candidate
    session.refresh(deal)
    assert deal.agent_id is None and deal.version == 1


def test_agents_directory(client: TestClient, session: Session, world) -> None:
    other_agency = make_org(session, kind=OrgKind.transfer_agency, name="南宁经纪所")
    named = make_user(session, other_agency, role=Role.agent, full_name="张100%_经纪")
    make_user(session, other_agency, role=Role.agent, full_name="张1000经纪")
    make_user(session, other_agency, role=Role.agent, full_name="张100%_停用", is_active=False)
    r = client.get("/api/agents", headers=auth(world.buyer))
    assert r.status_code == 200
    ids = {a["id"] for a in r.json()["items"]}
    assert {world.agent.id, world.other_agent.id, named.id} <= ids
    assert not ids & {world.seller.id, world.buyer.id, world.reviewer.id}
    # % and _ are taken literally, and inactive agents are left out.
    r = client.get("/api/agents", headers=auth(world.buyer), params={"q": "100%_"})
    assert r.json()["total"] == 1
    assert r.json()["items"] == [
        {
            "id": named.id,
            "full_name": "张100%_经纪",
            "organisation_id": other_agency.id,
            "organisation_name": "南宁经纪所",
        }
    ]
    r = client.get("/api/agents", headers=auth(world.buyer), params={"page_size": 1})
    assert len(r.json()["items"]) == 1 and r.json()["total"] == len(ids)
    assert client.get("/api/agents").status_code == 401
