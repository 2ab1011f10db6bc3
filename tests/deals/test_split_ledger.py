"""Income split and agent commissions: exact in fen, against references computed in integer fen."""

from decimal import Decimal

from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy.orm import Session

from backend.accounts.enums import Role
from backend.deals.enums import CommissionKind
from backend.deals.ledger import earned_to_date
from backend.deals.models import Commission
from backend.deals.split import split_amount
from tests.factories import auth, make_contract, make_deal, make_payment, make_user


def half_up_div(numerator: int, denominator: int) -> int:
    """Integer division rounding half up (all operands non-negative): the reference, no Decimal involved."""
    return (2 * numerator + denominator) // (2 * denominator)


FEN = st.integers(min_value=0, max_value=99_999_999_999_999)  # up to NUMERIC(14,2)
PERCENT_HUNDREDTHS = st.integers(min_value=1, max_value=10_000)  # 0.01 % .. 100.00 %


@given(net_fen=FEN, pct=PERCENT_HUNDREDTHS)
def test_team_and_institution_add_up_to_the_net_exactly(net_fen: int, pct: int) -> None:
    team, institution = split_amount(Decimal(net_fen) / 100, Decimal(pct) / 100)
    # team = net x pct / 100, in fen: net_fen x (pct/100) / 100, rounded half up.
    assert team == Decimal(half_up_div(net_fen * pct, 10_000)) / 100
    assert team + institution == Decimal(net_fen) / 100
    assert team.as_tuple().exponent == -2 and institution >= 0


@given(
    payments=st.lists(st.integers(min_value=1, max_value=10_000_000_00), min_size=1, max_size=12),
    rate=PERCENT_HUNDREDTHS,
)
def test_percentage_commission_entries_add_up_to_the_rounded_total(payments: list[int], rate: int) -> None:
    commission = Commission(kind=CommissionKind.percentage, rate_percent=Decimal(rate) / 100)
    total = Decimal(sum(payments)) / 100
    paid, before, entries = 0, Decimal("0.00"), []
    for fen in payments:
        paid += fen
        cumulative = earned_to_date(commission, paid=Decimal(paid) / 100, contract_total=total)
        entries.append(cumulative - before)
        before = cumulative
        assert cumulative == Decimal(half_up_div(paid * rate, 10_000)) / 100
    assert sum(entries) == Decimal(half_up_div(sum(payments) * rate, 10_000)) / 100
    assert all(e >= 0 for e in entries)


@given(
    payments=st.lists(st.integers(min_value=1, max_value=10_000_000_00), min_size=1, max_size=12),
    fixed=st.integers(min_value=0, max_value=1_000_000_00),
)
def test_a_fixed_commission_is_earned_pro_rata_and_exactly_in_full(payments: list[int], fixed: int) -> None:
    commission = Commission(kind=CommissionKind.fixed, fixed_amount=Decimal(fixed) / 100)
    total_fen = sum(payments)
    paid, entries, before = 0, [], Decimal("0.00")
    for fen in payments:
        paid += fen
        cumulative = earned_to_date(commission, paid=Decimal(paid) / 100, contract_total=Decimal(total_fen) / 100)
        assert cumulative == Decimal(half_up_div(fixed * paid, total_fen)) / 100
        entries.append(cumulative - before)
        before = cumulative
    assert sum(entries) == Decimal(fixed) / 100  # fully paid: the whole fixed amount, not a fen more or less


def test_income_split_statement(client: TestClient, session: Session, world) -> None:
    deal = make_deal(session, world.output, world.enterprise, world.seller, stage="registered", agent=world.agent)
    make_contract(session, deal, total="100000.00", costs="20000.00")
    url = f"/api/deals/{deal.id}/income-split"
    make_payment(session, deal, world.buyer, amount="15000.00")
    # Paid less than the non-technical costs: no net income yet.
    body = client.get(url, headers=auth(world.seller_member)).json()
    assert body["net_income"] == "0.00" and body["team_amount"] == "0.00"
    assert body["team_share_percent"] == "50.00" and body["share_source"] == "law_minimum"
    make_payment(session, deal, world.buyer, amount="25000.01")
    body = client.get(url, headers=auth(world.seller)).json()
    # net 20000.01 x 50% = 10000.005 -> 10000.01 (half up); the institution gets the rest.
    assert (body["paid"], body["net_income"], body["team_amount"], body["institution_amount"]) == (
        "40000.01",
        "20000.01",
        "10000.01",
        "10000.00",
    )
    # The institution's own setting (within 70-99) replaces the law's minimum.
    r = client.patch(
        f"/api/organisations/{world.university.id}",
        headers=auth(world.seller),
        json={"version": world.university.version, "team_share_percent": "85.5"},
    )
    assert r.status_code == 200, r.text
    body = client.get(url, headers=auth(world.seller)).json()
    assert body["team_share_percent"] == "85.50" and body["share_source"] == "institution"
    assert body["team_amount"] == "17100.01" and body["institution_amount"] == "2900.00"  # 17100.00855 -> .01
    # The buyer and the agent do not see the seller's internal split; reviewers do.
    assert client.get(url, headers=auth(world.buyer)).status_code == 403
    assert client.get(url, headers=auth(world.agent)).status_code == 403
    assert client.get(url, headers=auth(world.reviewer)).status_code == 200


def test_team_share_must_be_within_guangxis_range(client: TestClient, world) -> None:
    url = f"/api/organisations/{world.university.id}"
    for bad in ("69.99", "99.01", "100", 75.5, "abc"):
        r = client.patch(
            url, headers=auth(world.seller), json={"version": world.university.version, "team_share_percent": bad}
        )
        assert r.status_code == 422, bad
    member = client.patch(url, headers=auth(world.seller_member), json={"version": 1, "team_share_percent": "80"})
    assert member.status_code == 403
    ok = client.patch(
        url, headers=auth(world.seller), json={"version": world.university.version, "team_share_percent": 70}
    )
    assert ok.status_code == 200 and ok.json()["team_share_percent"] == "70.00"


def _pay(client: TestClient, user, deal_id: int, amount: str):  # type: ignore[no-untyped-def]
    return client.post(
        f"/api/deals/{deal_id}/payments", headers=auth(user), json={"paid_on": "2026-05-01", "amount": amount}
    )


def test_commission_is_earned_payment_by_payment(client: TestClient, session: Session, world) -> None:
    deal = make_deal(session, world.output, world.enterprise, world.seller, stage="registered", agent=world.agent)
    make_contract(session, deal, total="1000.00")
    # A payment before the terms exist earns its commission once the terms are set.
    assert _pay(client, world.buyer, deal.id, "333.33").status_code == 201
    r = client.put(
        f"/api/deals/{deal.id}/commission", headers=auth(world.agent), json={"kind": "percentage", "rate": "3.5"}
    )
    assert r.status_code == 200, r.text
    assert r.json()["earned"] == "11.67"  # 333.33 x 3.5% = 11.66655
    _pay(client, world.buyer, deal.id, "333.33")
    _pay(client, world.buyer, deal.id, "333.34")
    entries = client.get(f"/api/deals/{deal.id}/commission/entries", headers=auth(world.agent)).json()
    assert [e["amount"] for e in entries] == ["11.67", "11.66", "11.67"]
    assert [e["cumulative_commission"] for e in entries] == ["11.67", "23.33", "35.00"]
    # Earned rows fix the terms.
    again = client.put(
        f"/api/deals/{deal.id}/commission", headers=auth(world.agent), json={"kind": "fixed", "amount": "50"}
    )
    assert again.status_code == 409 and again.json()["code"] == "commission_locked"


def test_commission_terms_rules(client: TestClient, session: Session, world) -> None:
    no_agent = make_deal(session, world.output, world.enterprise, world.seller)
    url = f"/api/deals/{no_agent.id}/commission"
    assert client.put(url, headers=auth(world.seller), json={"kind": "fixed", "amount": "1"}).status_code == 409
    deal = make_deal(session, world.output, world.enterprise, world.seller, agent=world.agent)
    url = f"/api/deals/{deal.id}/commission"
    assert client.put(url, headers=auth(world.agent), json={"kind": "percentage"}).status_code == 422
    both = {"kind": "fixed", "amount": "1", "rate": "2"}
    assert client.put(url, headers=auth(world.agent), json=both).status_code == 422
    assert client.put(url, headers=auth(world.agent), json={"kind": "percentage", "rate": 2.5}).status_code == 422
    assert client.put(url, headers=auth(world.agent), json={"kind": "percentage", "rate": "100.01"}).status_code == 422
    assert client.put(url, headers=auth(world.reviewer), json={"kind": "fixed", "amount": "1"}).status_code == 403
    assert client.get(url, headers=auth(world.buyer)).status_code == 404
    r = client.put(url, headers=auth(world.buyer), json={"kind": "fixed", "amount": "8000"})
    assert r.status_code == 200 and r.json()["amount"] == "8000.00" and r.json()["earned"] == "0.00"


def test_ledger_totals_per_agent_and_agency_and_the_board(client: TestClient, session: Session, world) -> None:
    a = make_deal(session, world.output, world.enterprise, world.seller, stage="registered", agent=world.agent)
    make_contract(session, a, total="10000.00")
    b = make_deal(session, world.output, world.enterprise, world.seller, stage="registered", agent=world.other_agent)
    make_contract(session, b, total="2000.00")
    make_deal(session, world.output, world.enterprise, world.seller, stage="negotiating", agent=world.agent)
    for deal, terms in ((a, {"kind": "percentage", "rate": "5"}), (b, {"kind": "fixed", "amount": "300"})):
        assert (
            client.put(
                f"/api/deals/{deal.id}/commission",
                headers=auth(world.agent if deal is a else world.other_agent),
                json=terms,
            ).status_code
            == 200
        )
    _pay(client, world.buyer, a.id, "10000.00")
    _pay(client, world.buyer, b.id, "1000.00")
    mine = client.get("/api/agents/ledger", headers=auth(world.agent)).json()
    assert [(t["id"], t["earned"], t["entries"]) for t in mine["agents"]] == [(world.agent.id, "500.00", 1)]
    agency_admin = make_user(session, world.agency, role=Role.org_admin)
    agency = client.get("/api/agents/ledger", headers=auth(agency_admin)).json()
    assert [(t["id"], t["earned"]) for t in agency["agencies"]] == [(world.agency.id, "650.00")]
    assert len(agency["agents"]) == 2
    assert client.get("/api/agents/ledger", headers=auth(world.buyer)).status_code == 403
    assert client.get("/api/agents/ledger", headers=auth(world.reviewer)).json()["agencies"][0]["earned"] == "650.00"

    board = client.get("/api/agents/board", headers=auth(world.agent)).json()
    columns = {c["stage"]: c for c in board["columns"]}
    assert columns["paid"]["count"] == 1 and columns["paid"]["value"] == "10000.00"
    # No contract yet: the output's asking price stands in.
    assert columns["negotiating"]["count"] == 1 and columns["negotiating"]["value"] == "500000.00"
    assert board["open_count"] == 2 and board["open_value"] == "510000.00"
    assert client.get("/api/agents/board", headers=auth(world.buyer)).status_code == 403
    other = client.get(f"/api/agents/board?agent_id={world.agent.id}", headers=auth(world.other_agent))
    assert other.status_code == 403
    staff = client.get(f"/api/agents/board?agent_id={world.other_agent.id}", headers=auth(world.reviewer)).json()
    assert staff["open_count"] == 1


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(payments=st.lists(st.integers(min_value=1, max_value=5_000_00), min_size=1, max_size=5), rate=PERCENT_HUNDREDTHS)
def test_ledger_rows_through_the_service_add_up(session: Session, world, payments: list[int], rate: int) -> None:
    from backend.deals import ledger

    deal = make_deal(session, world.output, world.enterprise, world.seller, stage="registered", agent=world.agent)
    make_contract(session, deal, total=str(Decimal(sum(payments)) / 100))
    session.add(
        Commission(deal_id=deal.id, kind="percentage", rate_percent=Decimal(rate) / 100, set_by_id=world.agent.id)
    )
    session.flush()
    for fen in payments:
        ledger.post_entry(
            session, deal=deal, payment=make_payment(session, deal, world.buyer, amount=str(Decimal(fen) / 100))
        )
    assert ledger.earned(session, deal) == Decimal(half_up_div(sum(payments) * rate, 10_000)) / 100
