"""Batch evaluation: every deal of a year under one rule set, into a list reviewers can work through.

The platform knows the deal's figures but not the parties' declarations, so checks that need them
come out "unknown": the list shows what is settled and what must still be asked.
"""

from collections.abc import Callable
from datetime import date
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from backend.accounts.models import Organisation
from backend.deals.models import Contract, Deal, Payment
from backend.policy import store
from backend.policy.case_builder import build_case
from backend.policy.engine import Case, evaluate

TASK = "techmatch.policy.batch_evaluate"
COLUMNS = (
    "deal_id",
    "title",
    "buyer",
    "seller",
    "eligible",
    "amount",
    "amount_if_eligible",
    "failed_checks",
    "unknown_checks",
    "missing_documents",
)


def deals_of_year(session: Session, year: int) -> list[Deal]:
    """Deals with a contract signed or a payment made in ``year``."""
    start, end = date(year, 1, 1), date(year, 12, 31)
    paid = select(Payment.deal_id).where(Payment.paid_on.between(start, end))
    signed = select(Contract.deal_id).where(Contract.signed_on.between(start, end))
    stmt = select(Deal).where(or_(Deal.id.in_(paid), Deal.id.in_(signed))).order_by(Deal.id)
    return list(session.scalars(stmt))


def _beneficiary(rules_beneficiary: str, deal: Deal) -> int | None:
    return {"buyer": deal.buyer_org_id, "seller": deal.seller_org_id}.get(rules_beneficiary, deal.agency_org_id)


def evaluate_year(
    session: Session, *, rule_set: str, year: int, progress: Callable[[int, int], None] | None = None
) -> list[dict[str, Any]]:
    rules = store.get(session, rule_set)
    deals = deals_of_year(session, year)
    names = {o.id: o.name for o in session.scalars(select(Organisation))}
    rows: list[dict[str, Any]] = []
    for done, deal in enumerate(deals, start=1):
        beneficiary = _beneficiary(rules.beneficiary, deal)
        if beneficiary is not None:
            case = build_case(
                session,
                deal=deal,
                year=year,
                rule_set=rules.name,
                declarations={},
                documents=[],
                beneficiary_org_id=beneficiary,
            )
            result = evaluate(rules, Case.model_validate(case))
            rows.append(
                {
                    "deal_id": deal.id,
                    "title": deal.title,
                    "buyer": names.get(deal.buyer_org_id, ""),
                    "seller": names.get(deal.seller_org_id, ""),
                    "eligible": result.eligible,
                    "amount": None if result.amount is None else f"{result.amount:.2f}",
                    "amount_if_eligible": None
                    if result.amount_if_eligible is None
                    else f"{result.amount_if_eligible:.2f}",
                    "failed_checks": [c.rule for c in result.checks if c.passed is False],
                    "unknown_checks": [c.rule for c in result.checks if c.passed is None],
                    "missing_documents": [d.id for d in result.missing_documents],
                }
            )
        if progress is not None:
            progress(done, len(deals))
    return rows
