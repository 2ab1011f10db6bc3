"""Payouts on approved applications: instalments up to the amount granted, each transfer once, audited,
the applicant told."""

from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from backend.core.audit import history
from backend.notifications.models import Notification
from tests.factories import auth
from tests.policy_api.test_applications import _apply, _attach_all, _deal, _reviewer


def _today() -> Any:
    """Read per call: a module-level date goes stale when a run crosses Shanghai midnight (16:00 UTC)."""
    return datetime.now(ZoneInfo("Asia/Shanghai")).date()


def _approved(client: TestClient, session: Session, *, approve: bool = True) -> tuple[dict[str, Any], Any]:
    """An application granted 25,000.00 (2.5 % of a 1,000,000 contract), approved today."""
    deal, buyer, _, docs = _deal(session)
    app = _apply(client, buyer, deal)
    _attach_all(client, buyer, app["id"], docs)
    client.post(f"/api/applications/{app['id']}/submit", headers=auth(buyer))
    if approve:
        url = f"/api/applications/{app['id']}/review"
        assert client.post(url, headers=auth(_reviewer(session)), json={"decision": "approve"}).status_code == 200
    return app, buyer


def _pay(client: TestClient, staff: Any, app_id: int, amount: str, reference: str, paid_on: Any = None) -> Any:
    paid_on = paid_on if paid_on is not None else _today()
    body = {"amount": amount, "paid_on": paid_on.isoformat(), "reference": reference}
    return client.post(f"/api/applications/{app_id}/payouts", headers=auth(staff), json=body)


def test_instalments_up_to_the_grant(client: TestClient, session: Session) -> None:
    app, buyer = _approved(client, session)
    staff = _reviewer(session)
    first = _pay(client, staff, app["id"], "10000.00", "GK-2025-001")
    assert first.status_code == 201, first.text
    assert first.json()["paid"] == "10000.00"
    second = _pay(client, staff, app["id"], "15000.00", "GK-2025-002")
    assert second.json()["paid"] == "25000.00"
    assert [(p["amount"], p["reference"]) for p in second.json()["payouts"]] == [
        ("10000.00", "GK-2025-001"),
        ("15000.00", "GK-2025-002"),
    ]
    over = _pay(client, staff, app["id"], "0.01", "GK-2025-003")
    assert over.status_code == 409 and over.json()["code"] == "overpayment"
    # The applicant sees what was paid, and heard of each payout.
    assert client.get(f"/api/applications/{app['id']}", headers=auth(buyer)).json()["paid"] == "25000.00"
    told = session.scalars(select(Notification).where(Notification.event == "subsidy_application.paid")).all()
    assert [n.payload["paid_total"] for n in told] == ["10000.00", "25000.00"]
    trail = [
        e for e in history(session, entity_type="subsidy_application", entity_id=app["id"]) if e.action == "payout"
    ]
    assert [e.changes["paid"] for e in trail] == [["0.00", "10000.00"], ["10000.00", "25000.00"]]
    assert [e.actor_id for e in trail] == [staff.id, staff.id]


def test_the_same_transfer_is_recorded_once(client: TestClient, session: Session) -> None:
    app, _ = _approved(client, session)
    staff = _reviewer(session)
    assert _pay(client, staff, app["id"], "1000.00", "GK-1").status_code == 201
    again = _pay(client, staff, app["id"], "1000.00", "GK-1")
    assert again.status_code == 409 and again.json()["code"] == "duplicate_payout"


def test_only_approved_applications_are_paid(client: TestClient, session: Session) -> None:
    app, _ = _approved(client, session, approve=False)
    refused = _pay(client, _reviewer(session), app["id"], "1000.00", "GK-1")
    assert refused.status_code == 409 and refused.json()["code"] == "not_approved"


def test_bad_payouts_are_refused(client: TestClient, session: Session) -> None:
    app, buyer = _approved(client, session)
    staff = _reviewer(session)
    before_approval = _pay(client, staff, app["id"], "1000.00", "GK-1", _today() - timedelta(days=1))
    assert before_approval.status_code == 422 and before_approval.json()["details"][0]["loc"] == ["body", "paid_on"]
    future = _pay(client, staff, app["id"], "1000.00", "GK-1", _today() + timedelta(days=1))
    assert future.status_code == 422
    assert _pay(client, staff, app["id"], "0.00", "GK-1").status_code == 422
    assert _pay(client, staff, app["id"], "1.001", "GK-1").status_code == 422
    # Staff record payouts; the applicant cannot pay itself.
    assert _pay(client, buyer, app["id"], "1000.00", "GK-1").status_code == 403
    assert _pay(client, staff, 999_999, "1000.00", "GK-1").status_code == 404
    assert client.get(f"/api/applications/{app['id']}", headers=auth(buyer)).json()["paid"] == "0.00"
