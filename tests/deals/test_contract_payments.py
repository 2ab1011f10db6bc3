"""Contract, registration and payments through the API: derived amounts, locks, the paid-total rule, settlement."""

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from tests.factories import auth, make_contract, make_deal, make_payment, make_registration

CONTRACT = {
    "contract_type": "transfer",
    "total": "1000000.00",
    "non_technical_costs": "120000.50",
    "royalty_terms": "销售额的2%，期限五年",
    "signed_on": "2026-03-01",
}


def _deal(session: Session, world, stage: str = "negotiating"):  # type: ignore[no-untyped-def]
    return make_deal(session, world.output, world.enterprise, world.seller, stage=stage, agent=world.agent)


def test_the_contract_derives_the_technology_transaction_amount(client: TestClient, session: Session, world) -> None:
    deal = _deal(session, world)
    r = client.put(f"/api/deals/{deal.id}/contract", headers=auth(world.agent), json=CONTRACT)
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["technology_amount"] == "879999.50" and body["total"] == "1000000.00" and body["version"] == 1
    # Changing it needs the version read; a stale or missing one gets 409.
    change = {**CONTRACT, "total": "1100000"}
    assert client.put(f"/api/deals/{deal.id}/contract", headers=auth(world.buyer), json=change).status_code == 409
    r = client.put(f"/api/deals/{deal.id}/contract", headers=auth(world.buyer), json={**change, "version": 1})
    assert r.status_code == 200 and r.json()["technology_amount"] == "979999.50" and r.json()["version"] == 2
    assert client.get(f"/api/deals/{deal.id}/contract", headers=auth(world.reviewer)).json()["version"] == 2


def test_contract_amount_rules(client: TestClient, session: Session, world) -> None:
    deal = _deal(session, world)
    url = f"/api/deals/{deal.id}/contract"
    over = client.put(url, headers=auth(world.seller), json={**CONTRACT, "non_technical_costs": "1000000.01"})
    assert over.status_code == 422 and over.json()["details"][0]["loc"] == ["body", "non_technical_costs"]
    assert client.put(url, headers=auth(world.seller), json={**CONTRACT, "total": "0"}).status_code == 422
    assert client.put(url, headers=auth(world.seller), json={**CONTRACT, "total": 1000.5}).status_code == 422
    assert client.put(url, headers=auth(world.seller), json={**CONTRACT, "total": "10.001"}).status_code == 422
    assert client.put(url, headers=auth(world.seller), json={**CONTRACT, "contract_type": "sale"}).status_code == 422
    equal = client.put(url, headers=auth(world.seller), json={**CONTRACT, "non_technical_costs": "1000000.00"})
    assert equal.status_code == 200 and equal.json()["technology_amount"] == "0.00"


def test_contract_permissions_and_lock(client: TestClient, session: Session, world) -> None:
    deal = _deal(session, world)
    url = f"/api/deals/{deal.id}/contract"
    assert client.put(url, headers=auth(world.reviewer), json=CONTRACT).status_code == 403
    assert client.put(url, headers=auth(world.outsider), json=CONTRACT).status_code == 404
    assert client.get(url, headers=auth(world.buyer)).status_code == 404  # none yet
    registered = _deal(session, world, "registered")
    make_contract(session, registered)
    r = client.put(f"/api/deals/{registered.id}/contract", headers=auth(world.seller), json={**CONTRACT, "version": 1})
    assert r.status_code == 409 and r.json()["code"] == "contract_locked"


def test_registration(client: TestClient, session: Session, world) -> None:
    deal = _deal(session, world, "contract_signed")
    url = f"/api/deals/{deal.id}/registration"
    body = {
        "number": "2026450100000001",
        "office": "南宁市科学技术局",
        "registered_on": "2026-03-15",
        "approved_income": "90000.00",
    }
    assert client.put(url, headers=auth(world.seller), json=body).status_code == 404  # no contract yet
    make_contract(session, deal, total="100000.00", costs="10000.00")
    early = client.put(url, headers=auth(world.seller), json={**body, "registered_on": "2026-02-01"})
    assert early.status_code == 422
    too_much = client.put(url, headers=auth(world.seller), json={**body, "approved_income": "90000.01"})
    assert too_much.status_code == 422
    r = client.put(url, headers=auth(world.seller), json=body)
    assert r.status_code == 200 and r.json()["approved_income"] == "90000.00"
    assert client.get(url, headers=auth(world.agent)).json()["number"] == "2026450100000001"
    stale = client.put(url, headers=auth(world.seller), json={**body, "office": "x", "version": 7})
    assert stale.status_code == 409
    assert client.put(url, headers=auth(world.reviewer), json=body).status_code == 403
    early_stage = _deal(session, world, "negotiating")
    make_contract(session, early_stage)
    r = client.put(f"/api/deals/{early_stage.id}/registration", headers=auth(world.seller), json=body)
    assert r.status_code == 409 and r.json()["code"] == "registration_not_open"


def _pay(client: TestClient, user, deal_id: int, amount: str, paid_on: str = "2026-04-01"):  # type: ignore[no-untyped-def]
    return client.post(
        f"/api/deals/{deal_id}/payments",
        headers=auth(user),
        json={"paid_on": paid_on, "amount": amount, "voucher_ref": "PZ-001", "invoice_ref": "FP-001"},
    )


def test_partial_payments_do_not_settle_the_completing_one_does(client: TestClient, session: Session, world) -> None:
    deal = _deal(session, world, "registered")
    make_contract(session, deal, total="100000.00")
    make_registration(session, deal)
    r = _pay(client, world.buyer, deal.id, "30000.00")
    assert r.status_code == 201, r.text
    assert r.json()["paid_total"] == "30000.00" and r.json()["outstanding"] == "70000.00"
    assert r.json()["stage"] == "registered"
    assert _pay(client, world.seller, deal.id, "69999.99").json()["stage"] == "registered"
    over = _pay(client, world.buyer, deal.id, "0.02")
    assert over.status_code == 409 and over.json()["code"] == "overpayment"
    assert "0.01" in over.json()["message"] and "100000.00" in over.json()["message"]
    last = _pay(client, world.buyer, deal.id, "0.01")
    assert last.status_code == 201 and last.json()["stage"] == "paid" and last.json()["outstanding"] == "0.00"
    history = client.get(f"/api/deals/{deal.id}/history", headers=auth(world.buyer)).json()
    assert history[-1]["changes"]["stage"] == ["registered", "paid"] and history[-1]["actor_id"] == world.buyer.id
    # Paid: no further payments; the deal can now be closed as won.
    assert _pay(client, world.buyer, deal.id, "1.00").status_code == 409
    listing = client.get(f"/api/deals/{deal.id}/payments", headers=auth(world.agent)).json()
    assert [p["amount"] for p in listing["items"]] == ["30000.00", "69999.99", "0.01"]
    assert listing["paid_total"] == "100000.00"


def test_a_single_overpayment_is_refused(client: TestClient, session: Session, world) -> None:
    deal = _deal(session, world, "contract_signed")
    make_contract(session, deal, total="500.00")
    r = _pay(client, world.buyer, deal.id, "500.01")
    assert r.status_code == 409 and r.json()["code"] == "overpayment"


def test_fully_paid_before_registration_settles_on_registration(client: TestClient, session, world) -> None:
    deal = _deal(session, world, "contract_signed")
    make_contract(session, deal, total="100.00")
    r = _pay(client, world.buyer, deal.id, "100.00")
    assert r.status_code == 201 and r.json()["stage"] == "contract_signed"
    make_registration(session, deal, approved_income="100.00")
    r = client.post(
        f"/api/deals/{deal.id}/transition",
        headers=auth(world.seller),
        json={"to": "registered", "version": deal.version},
    )
    assert r.status_code == 200 and r.json()["stage"] == "paid"


def test_payment_rules_and_permissions(client: TestClient, session: Session, world) -> None:
    early = _deal(session, world, "negotiating")
    make_contract(session, early)
    r = _pay(client, world.buyer, early.id, "1.00")
    assert r.status_code == 409 and r.json()["code"] == "payments_not_open"
    deal = _deal(session, world, "contract_signed")
    make_contract(session, deal)
    assert _pay(client, world.agent, deal.id, "1.00").status_code == 403  # the agent earns on payments
    assert _pay(client, world.reviewer, deal.id, "1.00").status_code == 403
    assert _pay(client, world.outsider, deal.id, "1.00").status_code == 404
    assert _pay(client, world.buyer, deal.id, "0").status_code == 422
    assert _pay(client, world.buyer, deal.id, "1.00", paid_on="2026-01-01").status_code == 422  # before signing
    assert _pay(client, world.buyer, deal.id, "-5").status_code == 422
    make_payment(session, deal, world.buyer, amount="10.00")
    assert client.get(f"/api/deals/{deal.id}/payments", headers=auth(world.reviewer)).json()["paid_total"] == "10.00"
