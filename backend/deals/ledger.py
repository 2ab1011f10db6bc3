"""Agent commissions: terms per deal, one ledger row per payment, totals per agent and agency.

Cumulative rounding: after each payment the commission earned so far is computed from the
paid total and rounded once (ROUND_HALF_UP to the fen); the row is the difference from the
previous cumulative figure. Rows therefore add up exactly to round(rate x paid total), or to
the fixed amount's share of what has been paid, with no fen lost or gained across instalments.
"""

from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from backend.accounts.models import User
from backend.core import audit
from backend.core.errors import Conflict, Unprocessable
from backend.core.money import quantize_fen
from backend.deals import access, pipeline
from backend.deals.enums import CommissionKind
from backend.deals.models import Commission, Contract, Deal, LedgerEntry, Payment
from backend.deals.schemas import CommissionIn

ZERO = Decimal("0.00")


def earned_to_date(commission: Commission, *, paid: Decimal, contract_total: Decimal) -> Decimal:
    """Commission earned when ``paid`` of the contract has been paid, rounded once to the fen."""
    if commission.kind == CommissionKind.percentage:
        assert commission.rate_percent is not None
        return quantize_fen(commission.rate_percent * paid / 100)
    assert commission.fixed_amount is not None
    if contract_total <= 0:
        return ZERO
    return quantize_fen(commission.fixed_amount * paid / contract_total)


def get(session: Session, deal: Deal) -> Commission | None:
    return session.scalar(select(Commission).where(Commission.deal_id == deal.id))


def earned(session: Session, deal: Deal) -> Decimal:
    total = session.scalar(select(func.coalesce(func.sum(LedgerEntry.amount), 0)).where(LedgerEntry.deal_id == deal.id))
    return Decimal(total or 0)


def set_terms(session: Session, *, actor: User, deal: Deal, data: CommissionIn) -> Commission:
    access.require_actor(actor, deal)
    if deal.agent_id is None:
        raise Conflict("This deal has no agent to pay a commission to", code="no_agent")
    rate, amount = data.rate, data.amount
    if data.kind == CommissionKind.percentage and (rate is None or amount is not None):
        raise _invalid("rate", "a percentage commission gives rate (and no amount)")
    if data.kind == CommissionKind.fixed and (amount is None or rate is not None):
        raise _invalid("amount", "a fixed commission gives amount (and no rate)")
    commission = get(session, deal)
    if commission is not None and session.scalar(select(LedgerEntry.id).where(LedgerEntry.deal_id == deal.id)):
        # Earned rows are the agent's money: changing the terms afterwards would rewrite them.
        raise Conflict("Commission has been earned on this deal already; its terms are fixed", code="commission_locked")
    if commission is None:
        commission = Commission(deal_id=deal.id, set_by_id=actor.id)
        session.add(commission)
    before = (commission.kind, commission.rate_percent, commission.fixed_amount)
    commission.kind, commission.rate_percent, commission.fixed_amount = data.kind, rate, amount
    commission.set_by_id = actor.id
    session.flush()
    audit.record(
        session,
        actor_id=actor.id,
        entity_type="deal",
        entity_id=deal.id,
        action="commission",
        changes={"terms": [[str(v) if v is not None else None for v in before], [data.kind, str(rate), str(amount)]]},
    )
    # Payments that arrived before the terms were set earn their commission now, in order.
    for payment in session.scalars(select(Payment).where(Payment.deal_id == deal.id).order_by(Payment.id)):
        post_entry(session, deal=deal, payment=payment)
    return commission


def post_entry(session: Session, *, deal: Deal, payment: Payment) -> LedgerEntry | None:
    """The ledger row for one payment (none when the deal has no agent or no terms)."""
    commission = get(session, deal)
    if commission is None or deal.agent_id is None:
        return None
    contract = session.scalar(select(Contract).where(Contract.deal_id == deal.id))
    total = contract.total if contract is not None else ZERO
    paid = pipeline.paid_total(session, deal.id, up_to_payment_id=payment.id)
    before = earned(session, deal)
    cumulative = earned_to_date(commission, paid=paid, contract_total=total)
    entry = LedgerEntry(
        deal_id=deal.id,
        payment_id=payment.id,
        agent_id=deal.agent_id,
        agency_org_id=deal.agency_org_id,
        amount=cumulative - before,
        cumulative_paid=paid,
        cumulative_commission=cumulative,
    )
    session.add(entry)
    session.flush()
    return entry


def _invalid(field: str, msg: str) -> Unprocessable:
    return Unprocessable(f"{field}: {msg}", details=[{"loc": ["body", field], "msg": msg, "type": "value_error"}])


def entries(session: Session, deal: Deal) -> list[LedgerEntry]:
    return list(session.scalars(select(LedgerEntry).where(LedgerEntry.deal_id == deal.id).order_by(LedgerEntry.id)))
