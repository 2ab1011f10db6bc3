"""The outbox and deliveries in-process, on the rolled-back session: what emit writes and when."""

from datetime import timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from backend.accounts.enums import OrgKind, Role
from backend.core.db import utcnow
from backend.listings import service as listings
from backend.listings.kinds import OUTPUTS
from backend.notifications import deliveries, outbox, tasknames
from backend.notifications.enums import Channel, DeliveryStatus, EmailMode
from backend.notifications.models import Delivery, Notification, OutboxMessage
from backend.notifications.service import Audience, emit, set_preferences
from tests.factories import make_org, make_output, make_user


def _setup(session: Session):
    org = make_org(session, kind=OrgKind.university)
    owner = make_user(session, org, role=Role.org_admin)
    colleague = make_user(session, org, locale="en")
    reviewer = make_user(session, make_org(session, kind=OrgKind.government), role=Role.reviewer)
    listing = make_output(session, owner, status="pending_review")
    return org, owner, colleague, reviewer, listing


def _count(session: Session, model) -> int:
    return session.scalar(select(func.count()).select_from(model))


def test_review_emits_one_delivery_per_recipient_and_channel(session: Session) -> None:
    _, owner, colleague, reviewer, listing = _setup(session)
    listings.review(session, kind=OUTPUTS, reviewer=reviewer, listing=listing, decision="reject", reason="缺少专利证明")
    note = session.scalars(select(Notification).where(Notification.event == "listing.rejected")).one()
    assert note.payload == {
        "kind": "output",
        "listing_id": listing.id,
        "title": listing.title,
        "reason": "缺少专利证明",
    }
    rows = session.scalars(select(Delivery).where(Delivery.notification_id == note.id)).all()
    assert sorted((d.user_id, d.channel) for d in rows) == sorted(
        [(owner.id, "in_app"), (owner.id, "email"), (colleague.id, "in_app"), (colleague.id, "email")]
    )
    emails = [d.id for d in rows if d.channel == Channel.email]
    queued = session.scalars(select(OutboxMessage).where(OutboxMessage.task == tasknames.DELIVER_EMAIL)).all()
    assert sorted(m.args[0] for m in queued) == sorted(emails)
    assert reviewer.id not in {d.user_id for d in rows}


def test_rolled_back_change_leaves_no_outbox_rows(session: Session) -> None:
    _, _, _, reviewer, listing = _setup(session)
    before = _count(session, OutboxMessage)
    nested = session.begin_nested()
    listings.review(session, kind=OUTPUTS, reviewer=reviewer, listing=listing, decision="approve", reason=None)
    assert _count(session, OutboxMessage) > before
    nested.rollback()
    assert _count(session, OutboxMessage) == before
    assert _count(session, Notification) == 0


def test_preferences_choose_channels_and_digest(session: Session) -> None:
    org, owner, colleague, _, _ = _setup(session)
    set_preferences(session, user=owner, in_app=True, email=True, email_mode=EmailMode.digest, muted_events=[])
    set_preferences(
        session, user=colleague, in_app=False, email=True, email_mode=EmailMode.immediate, muted_events=["match.new"]
    )
    emit(session, event="match.new", payload={"title": "x"}, audience=Audience(organisation_ids=(org.id,)))
    rows = session.scalars(select(Delivery)).all()
    assert sorted((d.user_id, d.channel, d.status) for d in rows) == [
        (owner.id, "email", "digest"),
        (owner.id, "in_app", "sent"),
    ]
    assert _count(session, OutboxMessage) == 0  # digest e-mail waits for the digest

    day = deliveries.local_day(utcnow())
    assert deliveries.build_digests(session, day=day) == 1
    assert deliveries.build_digests(session, day=day) == 0  # a second run the same day makes nothing
    digest = session.scalars(select(Notification).where(Notification.event == "digest")).one()
    assert digest.payload["items"][0]["event"] == "match.new"
    carrier = session.scalars(select(Delivery).where(Delivery.notification_id == digest.id)).one()
    waiting = session.scalars(select(Delivery).where(Delivery.digest_id == carrier.id)).all()
    assert [d.status for d in waiting] == ["digested"]
    assert session.scalars(select(OutboxMessage.args)).all() == [[carrier.id]]


def test_dedupe_key_makes_a_second_emit_a_no_op(session: Session) -> None:
    _, owner, _, _, _ = _setup(session)
    first = emit(session, event="listing.expiring", payload={}, recipients=[owner.id], dedupe_key="k1")
    second = emit(session, event="listing.expiring", payload={}, recipients=[owner.id], dedupe_key="k1")
    assert first is not None and second is first
    assert _count(session, Notification) == 1


def test_claim_leases_rows_to_one_relay(session: Session) -> None:
    messages = [outbox.enqueue(session, tasknames.PING) for _ in range(5)]
    session.flush()
    ids = [m.id for m in messages]
    first = outbox.claim(session, batch_size=3)
    assert [m.id for m in first] == ids[:3]
    second = outbox.claim(session, batch_size=10)
    assert [m.id for m in second] == ids[3:]  # leased rows are not claimed twice
    assert outbox.claim(session, batch_size=10) == []
    outbox.mark_published(session, [m.id for m in first])
    outbox.release(session, [m.id for m in second], error="broker down", retry_in_seconds=0)
    session.expire_all()
    again = outbox.claim(session, batch_size=10)
    assert [m.id for m in again] == ids[3:]
    assert all(m.attempts == 1 and m.last_error == "broker down" for m in again)


def test_delivery_lease_admits_one_sender(session: Session) -> None:
    _, owner, _, _, _ = _setup(session)
    emit(session, event="match.new", payload={}, recipients=[owner.id])
    delivery = session.scalars(select(Delivery).where(Delivery.channel == "email")).one()
    assert deliveries.claim(session, delivery.id, lease_seconds=60).outcome == "claimed"
    busy = deliveries.claim(session, delivery.id, lease_seconds=60)
    assert busy.outcome == "busy" and busy.retry_after > 30
    # The holder died: once its lease ends, another attempt may claim it.
    session.refresh(delivery)
    delivery.lease_until = utcnow() - timedelta(seconds=1)
    session.flush()
    assert deliveries.claim(session, delivery.id, lease_seconds=60).outcome == "claimed"
    deliveries.complete(session, delivery.id)
    assert deliveries.claim(session, delivery.id, lease_seconds=60).outcome == "done"
    session.refresh(delivery)
    assert delivery.status == DeliveryStatus.sent and delivery.attempts == 2
    assert deliveries.claim(session, 2_000_000, lease_seconds=60).outcome == "missing"


def test_sweeper_requeues_deliveries_the_broker_lost(session: Session) -> None:
    _, owner, _, _, _ = _setup(session)
    emit(session, event="match.new", payload={}, recipients=[owner.id])
    delivery = session.scalars(select(Delivery).where(Delivery.channel == "email")).one()
    assert deliveries.sweep(session, stale_seconds=60) == 0  # fresh: its message is presumably on its way
    delivery.queued_at = utcnow() - timedelta(minutes=5)
    session.flush()
    assert deliveries.sweep(session, stale_seconds=60) == 1
    assert session.scalars(select(OutboxMessage.args)).all() == [[delivery.id], [delivery.id]]
    deliveries.complete(session, delivery.id)
    session.refresh(delivery)
    delivery.queued_at = utcnow() - timedelta(minutes=5)
    session.flush()
    assert deliveries.sweep(session, stale_seconds=60) == 0  # sent ones are left alone
