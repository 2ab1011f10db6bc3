"""Payouts on approved subsidy applications: what the department actually paid, and when.

A grant may be paid in instalments (regional rules often pay part on approval and the rest after
acceptance), so an application takes several payouts; together they never exceed the amount
granted. Each carries the transfer's reference, unique per application, so the same transfer
entered twice (a retried request, two clerks) is refused instead of being counted twice. A payout
cannot predate the decision nor lie in the future. Recorded payouts are not edited: the trail of
money paid stays as it was entered (a correction would be a new, explained record, not built yet).
"""

from collections.abc import Iterable, Sequence
from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from backend.accounts.models import User
from backend.core import audit
from backend.core.errors import Conflict, InvalidState, NotFound, Unprocessable
from backend.core.money import money_str
from backend.policy.applications import notify_applicant
from backend.policy.models import SubsidyApplication, SubsidyPayout
from backend.policy.schemas import PayoutIn

EVENT = "subsidy_application.paid"
# The department pays by its own calendar (as the statistics count): dates are Asia/Shanghai days.
LOCAL = ZoneInfo("Asia/Shanghai")


def total_of(rows: Iterable[SubsidyPayout]) -> Decimal:
    """Summed as Decimal in Python: an SQL SUM over NUMERIC is a float on SQLite."""
    return sum((p.amount for p in rows), Decimal("0.00"))


def paid_total(session: Session, application_id: int) -> Decimal:
    return total_of(list_for(session, application_id))


def list_for(session: Session, application_id: int) -> list[SubsidyPayout]:
    return by_application(session, [application_id]).get(application_id, [])


def by_application(session: Session, application_ids: Sequence[int]) -> dict[int, list[SubsidyPayout]]:
    """Payouts of many applications in one query (a reviewers' list shows hundreds)."""
    found: dict[int, list[SubsidyPayout]] = {}
    if not application_ids:
        return found
    stmt = select(SubsidyPayout).where(SubsidyPayout.application_id.in_(application_ids))
    for payout in session.scalars(stmt.order_by(SubsidyPayout.paid_on, SubsidyPayout.id)):
        found.setdefault(payout.application_id, []).append(payout)
    return found


def _invalid(field: str, msg: str) -> Unprocessable:
    return Unprocessable(f"{field}: {msg}", details=[{"loc": ["body", field], "msg": msg, "type": "value_error"}])


def _local_day(moment: datetime) -> date:
    return moment.astimezone(LOCAL).date()


def record(session: Session, *, actor: User, application_id: int, data: PayoutIn) -> SubsidyApplication:
    """Staff only (the router says so). The application row is locked (FOR UPDATE on PostgreSQL), so
    two payouts entered at once cannot both pass the check against the amount granted."""
    app = session.get(SubsidyApplication, application_id, with_for_update=True, populate_existing=True)
    if app is None:
        raise NotFound("Application not found")
    if app.status != "approved":
        raise InvalidState(f"Only an approved application is paid; this one is {app.status}", code="not_approved")
    granted = app.amount or Decimal("0.00")
    if granted <= 0:
        raise InvalidState("This application was approved with no amount to pay", code="nothing_granted")
    if data.amount <= 0:
        raise _invalid("amount", "a payout is above zero")
    today = datetime.now(LOCAL).date()
    if data.paid_on > today:
        raise _invalid("paid_on", "a payout is recorded once made, not in advance")
    if app.decided_at is not None and data.paid_on < _local_day(app.decided_at):
        raise _invalid("paid_on", "a payout cannot predate the approval")
    duplicate = session.scalar(
        select(SubsidyPayout.id).where(
            SubsidyPayout.application_id == app.id, SubsidyPayout.reference == data.reference
        )
    )
    if duplicate is not None:
        raise Conflict(f"A payout with reference {data.reference!r} is already recorded", code="duplicate_payout")
    paid = paid_total(session, app.id)
    if paid + data.amount > granted:
        raise Conflict(
            f"This payout would take the paid total to {paid + data.amount:.2f}, above the {granted:.2f} granted; "
            f"at most {granted - paid:.2f} remains to pay",
            code="overpayment",
        )
    payout = SubsidyPayout(
        application_id=app.id,
        amount=data.amount,
        paid_on=data.paid_on,
        reference=data.reference,
        recorded_by_id=actor.id,
    )
    session.add(payout)
    session.flush()
    after = paid + data.amount
    audit.record(
        session,
        actor_id=actor.id,
        entity_type="subsidy_application",
        entity_id=app.id,
        action="payout",
        changes={"payout_id": payout.id, "amount": money_str(data.amount), "paid": [money_str(paid), money_str(after)]},
        note=data.reference,
    )
    notify_applicant(
        session,
        app,
        actor,
        event=EVENT,
        amount=money_str(data.amount),
        paid_total=money_str(after),
        granted=money_str(granted),
        paid_on=data.paid_on.isoformat(),
    )
    return app
