"""Notification tasks: e-mail and webhook delivery, digests, the outbox relay and sweeper."""

import logging
import smtplib

from backend.accounts.models import User
from backend.core.config import get_settings
from backend.core.db import utcnow
from backend.notifications import deliveries, outbox, tasknames
from backend.notifications.channels import email, templates, webhook
from backend.notifications.models import Delivery
from workers.base import ReliableTask, task
from workers.db import unit_of_work
from workers.relay import relay_all

log = logging.getLogger(__name__)


def _permanent(exc: BaseException) -> bool:
    """A 5xx SMTP answer will not change on a retry (unknown mailbox, policy refusal)."""
    if isinstance(exc, smtplib.SMTPResponseException):
        return 500 <= exc.smtp_code < 600
    return isinstance(exc, smtplib.SMTPRecipientsRefused) and all(
        500 <= code < 600 for code, _ in exc.recipients.values()
    )


@task(tasknames.DELIVER_EMAIL, bind=True, autoretry_for=())
def deliver_email(self: ReliableTask, delivery_id: int) -> str:
    """Send one e-mail delivery at most once per successful attempt, whatever copies of the task run."""
    settings = get_settings()
    with unit_of_work() as session:
        # Claim and read in one short transaction; its commit makes the lease visible to others.
        claim = deliveries.claim(session, delivery_id, lease_seconds=settings.delivery_lease_seconds)
        if claim.outcome == "claimed":
            delivery = session.get(Delivery, delivery_id)
            user = session.get(User, delivery.user_id) if delivery else None
            assert delivery is not None and user is not None  # claimed just now; users are never deleted
            rendered = templates.render(
                delivery.notification.event,
                delivery.notification.payload,
                user.locale,
                base_url=settings.public_base_url,
            )
            message = email.build(delivery_id=delivery_id, to=user.email, rendered=rendered, settings=settings)
    if claim.outcome == "busy":
        # Another worker holds the lease (or held it and died): look again when it ends.
        raise self.retry(countdown=claim.retry_after, max_retries=None)
    if claim.outcome != "claimed":
        return claim.outcome
    try:
        email.send(message, settings=settings)
    except Exception as exc:
        final = self.retries_exhausted or _permanent(exc)
        countdown = 0 if final else self.backoff()
        with unit_of_work() as session:
            error = f"{type(exc).__name__}: {exc}"
            deliveries.give_back(session, delivery_id, error=error, final=final, retry_in=countdown)
        if final:
            raise
        raise self.retry(exc=exc, countdown=countdown) from exc
    with unit_of_work() as session:
        deliveries.complete(session, delivery_id)
    return "sent"


@task(tasknames.DELIVER_WEBHOOK, bind=True, autoretry_for=())
def deliver_webhook(self: ReliableTask, hook_id: int) -> str:
    settings = get_settings()
    with unit_of_work() as session:
        request = webhook.prepare(session, hook_id, settings=settings)
    if request is None:
        return "done"
    try:
        status = webhook.post(request, settings=settings)
    except Exception as exc:
        final = self.retries_exhausted or isinstance(exc, webhook.RefusedTarget)
        with unit_of_work() as session:
            webhook.record_attempt(session, hook_id, status=None, error=f"{type(exc).__name__}: {exc}", final=final)
        if final:
            raise
        raise self.retry(exc=exc, countdown=self.backoff()) from exc
    with unit_of_work() as session:
        webhook.record_attempt(session, hook_id, status=status, error=None, final=False)
    return "sent"


@task(tasknames.SEND_DIGESTS)
def send_digests() -> int:
    with unit_of_work() as session:
        return deliveries.build_digests(session, day=deliveries.local_day(utcnow()))


@task(tasknames.RELAY_OUTBOX, bind=True, max_retries=0)
def relay_outbox(self: ReliableTask) -> int:
    return relay_all(self.app)


@task(tasknames.SWEEP_OUTBOX)
def sweep_outbox() -> int:
    settings = get_settings()
    with unit_of_work() as session:
        requeued = deliveries.sweep(session, stale_seconds=settings.delivery_stale_seconds)
        outbox.prune(session)
    if requeued:
        log.info("outbox sweep: re-enqueued %d stale deliveries", requeued)
    return requeued
