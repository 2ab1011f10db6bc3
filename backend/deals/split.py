"""Income split for the research side (三权改革): the team's share of the net income received so far.

Net income = paid so far - the contract's non-technical costs, floored at zero: the equipment,
parts and materials a contract carries are passed through at cost and are recovered first, so
once the contract is fully paid the net income equals the technology transaction amount.
The team share is the seller's setting (70-99 in Guangxi) or, unset, the law's minimum of 50%
(Law on Promoting the Transformation of Scientific and Technological Achievements, art. 45).
The team amount is rounded once, ROUND_HALF_UP to the fen; the institution gets the rest, so
the two always add up to the net income exactly.
"""

from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy.orm import Session

from backend.accounts.models import Organisation
from backend.core.money import quantize_fen
from backend.deals import contract, pipeline
from backend.deals.models import Deal

LAW_MINIMUM_PERCENT = Decimal("50")
ZERO = Decimal("0.00")


@dataclass(frozen=True)
class Split:
    paid: Decimal
    non_technical_costs: Decimal
    net_income: Decimal
    team_share_percent: Decimal
    share_source: str  # "institution" (its own setting) or "law_minimum"
    team_amount: Decimal
    institution_amount: Decimal


def split_amount(net: Decimal, percent: Decimal) -> tuple[Decimal, Decimal]:
    team = quantize_fen(net * percent / 100)
    return team, net - team


def statement(session: Session, *, deal: Deal) -> Split:
    signed = contract.require_contract(session, deal)
    seller = session.get(Organisation, deal.seller_org_id)
    configured = seller.team_share_percent if seller is not None else None
    percent = configured if configured is not None else LAW_MINIMUM_PERCENT
    paid = pipeline.paid_total(session, deal.id)
    net = max(ZERO, paid - signed.non_technical_costs)
    team, institution = split_amount(net, percent)
    return Split(
        paid=paid,
        non_technical_costs=signed.non_technical_costs,
        net_income=net,
        team_share_percent=percent,
        share_source="institution" if configured is not None else "law_minimum",
        team_amount=team,
        institution_amount=institution,
    )
