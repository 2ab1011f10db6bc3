"""Organisations' webhook endpoints: register, list, remove (deliveries are in channels/webhook.py)."""

import secrets
from urllib.parse import urlsplit

from sqlalchemy import select
from sqlalchemy.orm import Session

from backend.accounts.models import User
from backend.core.errors import InvalidState, NotFound, Unprocessable
from backend.notifications.models import WebhookEndpoint

MAX_ENDPOINTS = 10


def _check_url(url: str) -> None:
    """The port must exist; the schema already requires https and a host name.

    Whether the host is private is decided on its resolved address right before each POST
    (channels/webhook.py), since a name can resolve differently tomorrow than today.
    """
    try:
        urlsplit(url).port  # noqa: B018 - raises on a port beyond 65535
    except ValueError:
        raise Unprocessable(
            "url: the port is not valid",
            code="webhook_url_refused",
            details=[{"loc": ["body", "url"], "msg": "the port is not valid", "type": "value_error"}],
        ) from None


def register(session: Session, *, actor: User, url: str, events: list[str]) -> WebhookEndpoint:
    _check_url(url)
    count = len(list_for(session, actor=actor))
    if count >= MAX_ENDPOINTS:
        raise InvalidState(
            f"An organisation may register at most {MAX_ENDPOINTS} webhooks; remove one first",
            code="too_many_webhooks",
        )
    endpoint = WebhookEndpoint(
        organisation_id=actor.organisation_id, url=url, events=sorted(set(events)), secret=secrets.token_hex(32)
    )
    session.add(endpoint)
    session.flush()
    return endpoint


def list_for(session: Session, *, actor: User) -> list[WebhookEndpoint]:
    stmt = select(WebhookEndpoint).where(
        WebhookEndpoint.organisation_id == actor.organisation_id, WebhookEndpoint.active.is_(True)
    )
    return list(session.scalars(stmt.order_by(WebhookEndpoint.id)))


def remove(session: Session, *, actor: User, endpoint_id: int) -> None:
    endpoint = session.get(WebhookEndpoint, endpoint_id)
    if endpoint is None or endpoint.organisation_id != actor.organisation_id or not endpoint.active:
        raise NotFound("Webhook not found")
    # Deactivated, not deleted: its past deliveries stay readable for support.
    endpoint.active = False
    session.flush()
