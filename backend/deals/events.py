"""What deals tell people, through the notifications outbox, in the caller's transaction.

One function per event so the wording of payloads lives in one place; nothing leaves the
process before the commit (see backend/notifications/service.emit).
"""

from decimal import Decimal
from typing import Any

from sqlalchemy.orm import Session

from backend.accounts.models import User
from backend.core.money import money_str
from backend.deals.models import Deal, Interest, Payment
from backend.notifications.service import Audience, emit

INTEREST_RECEIVED = "interest.received"
INTEREST_DECIDED = "interest.decided"
DEAL_OPENED = "deal.opened"
DEAL_STAGE_CHANGED = "deal.stage_changed"
DEAL_PAYMENT_RECORDED = "deal.payment_recorded"
DEAL_AGENT_ENGAGED = "deal.agent_engaged"


def _deal_audience(deal: Deal, actor: User) -> tuple[tuple[int, ...], Audience]:
    recipients = (deal.agent_id,) if deal.agent_id is not None else ()
    audience = Audience(
        organisation_ids=(deal.seller_org_id, deal.buyer_org_id), exclude_user_ids=frozenset({actor.id})
    )
    return recipients, audience


def _deal_payload(deal: Deal, **extra: Any) -> dict[str, Any]:
    return {"deal_id": deal.id, "title": deal.title, "stage": deal.stage, **extra}


def interest_received(session: Session, *, interest: Interest, title: str) -> None:
    emit(
        session,
        event=INTEREST_RECEIVED,
        payload={"interest_id": interest.id, "title": title, "sender_org_id": interest.sender_org_id},
        audience=Audience(organisation_ids=(interest.recipient_org_id,)),
    )


def interest_decided(session: Session, *, interest: Interest, title: str) -> None:
    payload: dict[str, Any] = {"interest_id": interest.id, "title": title, "decision": interest.status}
    if interest.reason_code:
        payload["reason_code"] = interest.reason_code
    if interest.reason_text:
        payload["reason_text"] = interest.reason_text
    if interest.deal_id:
        payload["deal_id"] = interest.deal_id
    emit(
        session, event=INTEREST_DECIDED, payload=payload, audience=Audience(organisation_ids=(interest.sender_org_id,))
    )


def deal_opened(session: Session, *, deal: Deal, actor: User) -> None:
    recipients, audience = _deal_audience(deal, actor)
    emit(session, event=DEAL_OPENED, payload=_deal_payload(deal), recipients=recipients, audience=audience)


def stage_changed(session: Session, *, deal: Deal, actor: User, before: str) -> None:
    recipients, audience = _deal_audience(deal, actor)
    payload = _deal_payload(deal, previous_stage=before)
    emit(session, event=DEAL_STAGE_CHANGED, payload=payload, recipients=recipients, audience=audience)


def payment_recorded(session: Session, *, deal: Deal, actor: User, payment: Payment, paid_total: Decimal) -> None:
    recipients, audience = _deal_audience(deal, actor)
    payload = _deal_payload(deal, amount=money_str(payment.amount), paid_total=money_str(paid_total))
    emit(session, event=DEAL_PAYMENT_RECORDED, payload=payload, recipients=recipients, audience=audience)


def agent_engaged(session: Session, *, deal: Deal, actor: User, agent: User) -> None:
    # The audience is computed after the deal names its agent, so the agent hears of its engagement too.
    recipients, audience = _deal_audience(deal, actor)
    payload = _deal_payload(deal, agent_id=agent.id, agent_name=agent.full_name)
    emit(session, event=DEAL_AGENT_ENGAGED, payload=payload, recipients=recipients, audience=audience)
