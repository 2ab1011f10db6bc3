"""Payments against the contract: never more than the total; the completing one settles the deal."""

from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from backend.accounts.models import User
from backend.core import audit
from backend.core.errors import Conflict, Forbidden, InvalidState, Unprocessable
from backend.deals import access, contract, events, ledger, pipeline
from backend.deals.models import Deal, Payment
from backend.deals.schemas import PaymentIn
from backend.deals.stages import PAYABLE


def record(session: Session, *, actor: User, deal: Deal, data: PaymentIn) -> Payment:
    """The caller holds the deal row locked (FOR UPDATE), so two payments cannot both pass the check."""
    if not access.is_party(actor, deal):
        # The agent earns commission on payments, so only the parties enter them.
        raise Forbidden("Only the two parties record payments", code="parties_only")
    if deal.stage not in PAYABLE:
        raise InvalidState(
            f"Payments are recorded once the contract is signed and until the deal is paid (this deal is {deal.stage})",
            code="payments_not_open",
        )
    signed = contract.require_contract(session, deal)
    if data.amount <= 0:
        raise _invalid("amount", "a payment is above zero")
    if signed.signed_on is not None and data.paid_on < signed.signed_on:
        raise _invalid("paid_on", "a payment cannot predate the contract's signing date")
    paid = pipeline.paid_total(session, deal.id)
    if paid + data.amount > signed.total:
        raise Conflict(
            f"This payment would take the paid total to {paid + data.amount:.2f}, above the contract total "
            f"{signed.total:.2f}; at most {signed.total - paid:.2f} is outstanding",
            code="overpayment",
        )
    payment = Payment(deal_id=deal.id, recorded_by_id=actor.id, **data.model_dump())
    session.add(payment)
    session.flush()
    audit.record(
        session,
        actor_id=actor.id,
        entity_type="deal",
        entity_id=deal.id,
        action="payment",
        changes={"payment_id": payment.id, "amount": str(payment.amount), "paid_total": str(paid + data.amount)},
    )
    ledger.post_entry(session, deal=deal, payment=payment)
    events.payment_recorded(session, deal=deal, actor=actor, payment=payment, paid_total=paid + data.amount)
    pipeline.settle_if_paid(session, actor=actor, deal=deal)
    return payment


def list_payments(session: Session, deal: Deal) -> list[Payment]:
    return list(
        session.scalars(select(Payment).where(Payment.deal_id == deal.id).order_by(Payment.paid_on, Payment.id))
    )


def totals(session: Session, deal: Deal) -> tuple[Decimal, Decimal | None]:
    signed = contract.get_contract(session, deal)
    return pipeline.paid_total(session, deal.id), (signed.total if signed is not None else None)


def _invalid(field: str, msg: str) -> Unprocessable:
    return Unprocessable(f"{field}: {msg}", details=[{"loc": ["body", field], "msg": msg, "type": "value_error"}])
